"""Rank actors by how much the article is about them and keep those worth listing."""

from __future__ import annotations

from math import log1p

from bot.briefing.agency import AGENT, COMPARISON, OBJECT, PRONOUN_AGENT, REPORT
from bot.briefing.lexicon import OUTLET_WORDS, PARTY_MEMBERS
from bot.briefing.mentions import ActorDraft
from bot.briefing.model import Actor

__all__ = ["centrality", "rank_actors"]

_OUTLET_TOPIC = 3  # name mentions that make an outlet the subject of the story
_BAR = 1.0  # centrality a listed actor needs
# An article that fills the first eight places has many actors: places 9 to 12 go to the
# next ones down to this far below the bar (they are as often key as not; the central
# ones still come first, so only the long tail of a long list changes).
_FULL_LIST = 8
_TAIL_BAR = 1.0
_PRONOUN_WEIGHT = 0.5  # "he said" counts, but less than a name: pronouns are resolved guesses
_KIND_PENALTY = {"place": 1.5, "group": 1.0}
# "Democrats", "Republicans", "the GOP": a party's members as a whole are named in passing
# in most political stories; a careful reader lists the people and named bodies that act.
_COLLECTIVE_PENALTY = 2.0
_PARTY_NICKNAMES = frozenset({"gop"})
_ACRONYM_MENTIONS = 4


def centrality(actor: ActorDraft, length: int) -> float:
    """Score how central an actor is to the article; above zero it is worth listing.

    What makes a key actor (measured on double-annotated news, see issue 10): being named
    often, speaking (quotes, reported speech), acting (the subject of verbs), having a role,
    being named in full, and appearing early. Places and peoples are rarely key actors, and
    a name met only in lists ("donors included A, B and C") is one mentioned in passing;
    a party named by its members as a whole ("Democrats") is rarely one itself.
    """
    fn = actor.functions
    named = sum(n for f, n in fn.items() if f != PRONOUN_AGENT)
    quoted = sum(n for f, n in fn.items() if f.startswith("quoted-"))
    score = (
        0.8 * log1p(actor.mentions)
        + 0.8 * log1p(actor.quote_count)
        + 1.3 * log1p(actor.statement_count)
        + 2.0 * log1p(fn.get(AGENT, 0) + _PRONOUN_WEIGHT * fn.get(PRONOUN_AGENT, 0))
        + 0.7 * log1p(quoted)
        # An age says, as a role does, who the person is: one the story is about.
        + (1.2 if actor.role or actor.aged else 0.0)
        + (0.7 if actor.full_mentions else 0.0)
        # A one-word name is a surname or an acronym the article never spelled out, unless
        # the acronym is how the article keeps naming a body ("NASA" four times or more).
        - (1.0 if len(actor.name.split()) == 1 and actor.kind != "place" else 0.0)
        + (1.0 if _known_acronym(actor) else 0.0)
        - 1.0 * actor.first_token / max(length, 1)
        - _KIND_PENALTY.get(actor.kind, 0.0)
        - (1.0 if named and actor.listed >= named and not actor.aged else 0.0)
        - (_COLLECTIVE_PENALTY if _party_collective(actor) else 0.0)
    )
    return score - _BAR


def _known_acronym(actor: ActorDraft) -> bool:
    """An organization the article names four times or more by its acronym alone."""
    name = actor.name
    return (
        actor.kind == "organization"
        and " " not in name
        and len(name) >= 2
        and name.isupper()
        and actor.mentions >= _ACRONYM_MENTIONS
        and not _party_collective(actor)  # "GOP" is a party's members as a whole
    )


def _party_collective(actor: ActorDraft) -> bool:
    """Tell whether an organization is a party named by its members or nickname alone."""
    words = actor.name.lower().split()
    if actor.kind != "organization" or len(words) != 1:
        return False
    word = words[0]
    return word in _PARTY_NICKNAMES or (word in PARTY_MEMBERS and word.endswith("s"))


def rank_actors(
    actors: list[ActorDraft], length: int = 0, limit: int = 12
) -> tuple[list[Actor], dict[int, str]]:
    """Rank actors by centrality, keep the central ones, and map draft indexes to actor ids."""
    scores = [centrality(a, length) for a in actors]
    order = sorted(range(len(actors)), key=lambda i: -scores[i])
    worth = [i for i in order if _worth_listing(actors[i])]
    kept = [i for i in worth if scores[i] > 0][:limit]
    # Names met only in comparisons are not listed, but they still show a crowded article.
    compared = sum(1 for i in order if scores[i] > 0 and _only_compared(actors[i]))
    if len(kept) + compared >= _FULL_LIST:
        kept += [i for i in worth if -_TAIL_BAR < scores[i] <= 0][: limit - len(kept)]
    ids = {i: f"a{n + 1}" for n, i in enumerate(kept)}
    # Speakers stay addressable even when they fall outside the listed actors.
    for i in order:
        if i in ids or _outlet_source(actors[i]):
            continue
        if actors[i].quote_count or actors[i].statement_count:
            ids[i] = f"a{len(ids) + 1}"
            kept.append(i)
    result = [_to_actor(actors[i], ids[i]) for i in kept]
    return result, ids


def _reports_only(actor: ActorDraft) -> bool:
    """An organization the article names mostly as a source ("told CNN", "the Post said")."""
    fn = actor.functions
    reports = fn.get(REPORT, 0)
    return bool(reports) and fn.get(AGENT, 0) + fn.get(OBJECT, 0) < reports


def _outlet_source(actor: ActorDraft) -> bool:
    """Tell whether an actor is a news outlet that only reports and is never quoted.

    "According to the Daily Ledger", "the Ledger reported": how the story is sourced, not
    an actor's statements, so the outlet is not listed even as a speaker.
    """
    fn = actor.functions
    named = sum(n for f, n in fn.items() if not f.startswith("quoted-") and f != PRONOUN_AGENT)
    words = actor.name.lower().split()
    return (
        actor.kind != "person"
        and not actor.quote_count
        and _reports_only(actor)
        and named < _OUTLET_TOPIC
        and bool(words)
        and words[-1] in OUTLET_WORDS
    )


def _only_compared(actor: ActorDraft) -> bool:
    """Tell whether every mention by name is a comparison or an example ("leaders like X").

    Such a name is met in passing: the article shows it doing nothing of its own.
    """
    fn = actor.functions
    named = sum(n for f, n in fn.items() if f != PRONOUN_AGENT)
    compared = fn.get(COMPARISON, 0) + fn.get("quoted-" + COMPARISON, 0)
    return (
        bool(named) and compared >= named and not actor.quote_count and not actor.statement_count
    )


def _worth_listing(actor: ActorDraft) -> bool:
    """People are listed unless only compared; the rest only when they act or speak."""
    if _only_compared(actor):
        return False
    if actor.kind == "person":
        return True
    fn = actor.functions
    named = sum(n for f, n in fn.items() if not f.startswith("quoted-") and f != PRONOUN_AGENT)
    acts = fn.get(AGENT, 0)
    if actor.kind == "group":
        # "Americans", "Mexicans": a people is an actor only when the article gives it a voice.
        return actor.quote_count > 0 or actor.statement_count > 0
    if actor.kind == "place":
        # "in Ohio" is a setting; "Ohio sued the agency" makes the state an actor.
        return actor.quote_count > 0 or acts >= 1
    if _reports_only(actor) and not actor.quote_count:
        # An outlet that only reports ("told CNN", "according to the Post") is a source of
        # the story, not one of its actors, unless the story is about it.
        return named >= _OUTLET_TOPIC
    if actor.quote_count or actor.statement_count:
        return True
    return acts >= 1 or fn.get(OBJECT, 0) >= 1 or actor.mentions >= 2


def _to_actor(draft: ActorDraft, actor_id: str) -> Actor:
    aliases = tuple(sorted(f for f in draft.forms if f != draft.name))
    return Actor(
        id=actor_id,
        name=draft.name,
        # A state acting through its government is the country acting (the guideline's kind).
        kind="place" if draft.state else draft.kind,
        role=draft.role,
        aliases=aliases,
        mentions=draft.mentions,
        quote_count=draft.quote_count,
    )
