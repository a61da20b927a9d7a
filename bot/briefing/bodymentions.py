"""Bodies named by what they are: "the committee", "Russia's foreign ministry", "the state".

A body is often named by its head noun and its owner ("the agency", "the company's board")
or by a state acting through its government. These mentions join the body's actor when the
article names it nearby, and make a state's government an actor of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.briefing.actorindex import ActorIndex
from bot.briefing.demonyms import state_agents
from bot.briefing.lexicon import BODY_NOUNS
from bot.briefing.mentions import Mention, is_heading, paragraph_of
from bot.briefing.names import ActorDraft

__all__ = ["body_mentions", "panels_named_nearby", "state_agent_mentions", "state_government"]


_BODY_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})


_PANEL_NOUNS = frozenset({"panel", "committee", "subcommittee"})


_PANEL_REACH = 120  # tokens between a described committee and its name: a paragraph or two


# The tagger's labels of a people ("Turkish") and of a state ("Ohio", "U.S."): whose government.
_STATE_LABELS = frozenset({"NORP", "GPE"})


def state_agent_mentions(doc: Doc, index: ActorIndex, taken: set[int]) -> list[Mention]:
    """A country named by its people's adjective and its agents ("Sudanese officials")."""
    countries = {
        a.name.lower(): i
        for i, a in enumerate(index.actors)
        if a.kind == "place" and " " not in a.name
    }
    found = []
    for start, end, actor_i in state_agents(doc, countries, taken):
        text = doc[start:end].text
        found.append(
            Mention(start, end, "name", "place", text, paragraph_of(doc, doc[start].idx), actor_i)
        )
    return found


def body_mentions(
    doc: Doc, index: ActorIndex, owners: dict[int, int], taken: set[int], quoted: list[bool]
) -> list[Mention]:
    """Bodies the article names by a description: "Russia's foreign ministry said".

    A body noun ("ministry", "administration", "campaign") heading its phrase, with a name
    before it that says whose body it is, is an organization named by the article's own
    words. Its noun is the mention, so "the ministry said" finds it as the speaker. One
    owner's body of one kind is one actor ("the Sanders campaign", "Bernie Sanders'
    presidential campaign"), shown by its longest description.
    """
    found = []
    bodies: dict[tuple[str, str], int] = {}
    for tok in doc:
        if tok.i in taken or quoted[tok.i] or not _body_head(tok):
            continue
        mods = [c for c in tok.lefts if c.dep_ in _BODY_MODIFIERS]
        owner = next((c for c in mods if _names_owner(c, taken)), None)
        after = None if owner is not None else _owner_after(tok, taken)
        owner = owner or after
        par = paragraph_of(doc, tok.idx)
        if owner is None or is_heading(doc, par):
            continue
        if (named := _named_in_apposition(tok, owners, index)) is not None:
            # "NORVA, the Nordic space agency,": the description is the body just named
            found.append(Mention(tok.i, tok.i + 1, "name", "organization", tok.text, par, named))
            continue
        start = min([tok.i] + [t.i for c in mods for t in c.subtree])
        while start < tok.i and doc[start].dep_ in ("det", "predet", "punct", "case"):
            start += 1
        end = tok.i + 1 if after is None else after.right_edge.i + 1
        surface = doc[start:end].text
        key = (str(owners.get(owner.i, owner.lower_)), tok.lemma_.lower())
        if key in bodies:
            actor_i = bodies[key]
            actor = index.actors[actor_i]
            actor.forms.add(surface)
            if _fuller_body_name(surface, actor.name):
                actor.name = surface
        else:
            actor_i = bodies[key] = index.other(surface, "organization", start)
        found.append(Mention(tok.i, tok.i + 1, "name", "organization", surface, par, actor_i))
    return found


def _named_in_apposition(tok: Token, owners: dict[int, int], index: ActorIndex) -> int | None:
    """The organization a body's description stands beside ("X, the Nordic space agency")."""
    if tok.dep_ != "appos" or tok.head.i not in owners:
        return None
    actor = owners[tok.head.i]
    return actor if index.actors[actor].kind == "organization" else None


def panels_named_nearby(bodies: list[Mention], names: list[Mention], index: ActorIndex) -> None:
    """A committee described by its owner is the one named just before or after it.

    "A House panel voted Thursday ... The House Oversight Committee voted 19-15": the
    article names the panel it described; "the panel" then finds that committee too.
    """
    firsts: dict[int, int] = {}
    for m in names:
        if m.actor is not None and m.label == "organization":
            firsts.setdefault(m.actor, m.start)
    for m in bodies:
        described = index.actors[m.actor] if m.actor is not None else None
        words = described.name.split() if described is not None else []
        if len(words) != 2 or words[-1].lower() not in _PANEL_NOUNS:
            continue
        near = [
            (abs(start - m.start), actor_i)
            for actor_i, start in firsts.items()
            if abs(start - m.start) <= _PANEL_REACH and _panel_of(index.actors[actor_i], words[0])
        ]
        if near:
            m.actor = min(near)[1]


def _panel_of(actor: ActorDraft, owner: str) -> bool:
    """A named committee of this owner ("House ... Committee" for "House panel")."""
    words = actor.name.split()
    return len(words) > 2 and words[0] == owner and words[-1].lower() in _PANEL_NOUNS


def _fuller_body_name(new: str, old: str) -> bool:
    """The longest description names a body, one without an owner's "'s" first.

    "the Clinton campaign" beats "Hillary Clinton's campaign"; "the Sanders presidential
    campaign" beats "the Sanders campaign".
    """
    owned_new, owned_old = ("'" in new or "’" in new), ("'" in old or "’" in old)
    if owned_new != owned_old:
        return owned_old
    return len(new) > len(old)


def _body_head(tok: Token) -> bool:
    """A lower-case body noun that heads its noun phrase ("the Obama administration")."""
    return (
        tok.lemma_.lower() in BODY_NOUNS
        and tok.text.islower()
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ not in ("compound", "amod", "nmod", "poss")
    )


def _owner_after(noun: Token, taken: set[int]) -> Token | None:
    """The name after "of" that says whose body it is ("the city council of Port Alder")."""
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            # A body of a body ("a panel of the Court of Appeals") is that body at work.
            return next(
                (
                    c
                    for c in prep.children
                    if c.dep_ == "pobj" and c.ent_type_ != "ORG" and _names_owner(c, taken)
                ),
                None,
            )
    return None


def _names_owner(mod: Token, taken: set[int]) -> bool:
    """A modifier that names whose body it is: a name, or a nationality ("French")."""
    if mod.ent_type_ == "NORP" and mod.dep_ == "amod":
        return True
    return mod.dep_ != "amod" and mod.i in taken and mod.pos_ == "PROPN"


def state_government(doc: Doc, mention: Mention) -> bool:
    """A body named "government" of a people or a state ("the Turkish government")."""
    head = doc[mention.end - 1]
    if mention.kind != "name" or mention.label != "organization" or head.lemma_ != "government":
        return False
    after = [c for p in head.rights if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    owners = [*doc[mention.start : mention.end - 1], *head.lefts, *after]
    return any(t.ent_type_ in _STATE_LABELS and t.dep_ != "det" for t in owners)
