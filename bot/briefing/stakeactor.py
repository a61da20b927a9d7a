"""Tell whose stake a sentence states: the actor who wants, gains, loses or is affected.

The actor beside a stake is not simply the sentence's subject. A careful reader names the
one who stands to gain or lose ("the ruling helped Lee", "charges against Lee" -> Lee), the
one whose goal it is ("Lee hopes to win"), the speaker of a quote when the quote speaks for
them ("we will fight"), and no one when the sentence names no such actor. Every actor named
in the stake (and the speaker of its quote) is an option, described by features: where its
mentions stand in the sentence, what they are, how central the actor is in the article.
No actor is an option too. A small linear model (`make train`, bench/train_stakes.py,
fitted on the project's own annotations, right option against wrong) picks the option it
scores highest.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from bot.briefing.lexicon import SPEECH_VERBS
from bot.briefing.mentions import Mention
from bot.briefing.speakers import QuoteDraft
from bot.briefing.stakemodel import StakeModel, load_shipped_model

__all__ = ["ACTOR_MODEL_FILE", "ActorOptions", "actor_options", "load_actor_model", "pick_actor"]

ACTOR_MODEL_FILE = "stake-actor-model.json"
# An option (an actor index, None for no actor) -> its features.
ActorOptions = dict[int | None, dict[str, float]]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose object is the one who gains or loses ("helped Lee", "urged Lee to").
_AFFECT_VERBS = _words(
    """help hurt harm benefit boost aid damage threaten urge push press elect nominate
    defeat beat protect elevate propel endanger cost force pressure back support oppose
    attack charge indict convict punish sanction reward favor favour advise encourage
    deprive spare save hamper undermine weaken strengthen"""
)
# Prepositions whose object is the one a stake is for or against.
_AFFECT_PREPS = _words("against for")
# Speech verbs whose subject only reports: the reported clause holds the stake.
_REPORT_VERBS = SPEECH_VERBS - _words("urge vow pledge promise threaten demand propose offer")
# Verbs whose subject is the one who wants or aims ("Lee hopes to win").
_DESIRE_VERBS = _words(
    """want seek aim hope plan try intend attempt strive push vow pledge promise propose
    wish prepare work fight need campaign lobby look expect struggle scramble race"""
)
# Who a quote speaks of: the speaker's own side, the one spoken to, or a third person.
_PERSONS = {
    "i": "first",
    "we": "first",
    "me": "first",
    "us": "first",
    "my": "first",
    "our": "first",
    "you": "second",
    "your": "second",
    "he": "third",
    "she": "third",
    "him": "third",
    "his": "third",
}
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative")


def _head(mention: Mention, sent: Span) -> Token:
    """The mention's token whose syntactic head lies outside it."""
    toks = sent.doc[mention.start : mention.end]
    return next((t for t in toks if not mention.start <= t.head.i < mention.end), toks[-1])


def _place(tok: Token) -> str:
    """The grammatical place of a mention: subject, reporter, affected, for, object..."""
    dep, head = tok.dep_, tok.head
    if dep in _SUBJECTS:
        return "reporter" if head.lemma_.lower() in _REPORT_VERBS else "subject"
    if dep in _OBJECTS:
        return "affected" if head.lemma_.lower() in _AFFECT_VERBS else "object"
    if dep == "pobj":
        return "for" if head.lower_ in _AFFECT_PREPS else "object"
    return dep if dep in ("poss", "compound") else "other"


def _mention_features(mention: Mention, sent: Span) -> dict[str, float]:
    """What one mention says of its actor's part in the sentence."""
    tok = _head(mention, sent)
    place = _place(tok)
    f = {
        f"p={place}": 1.0,
        f"l={mention.label}": 1.0,
        f"k={mention.kind}": 1.0,
        f"pl={place}/{mention.label}": 1.0,
        f"pk={place}/{mention.kind}": 1.0,
    }
    if sent.root in (tok.head, tok.head.head):
        f["main"] = 1.0
    if tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in _DESIRE_VERBS:
        f["desire_subject"] = 1.0
    if tok.head.dep_ in ("ccomp", "xcomp") and tok.head.head.lemma_.lower() in _REPORT_VERBS:
        f["reported_clause"] = 1.0
    return f


def _mentions(sent: Span, bounds: tuple[int, int], by_token: dict[int, Mention]) -> list[Mention]:
    """The resolved actor mentions that start inside the stake, in order."""
    found: list[Mention] = []
    for tok in sent:
        mention = by_token.get(tok.i)
        if mention is None or mention.actor is None or not bounds[0] <= tok.idx < bounds[1]:
            continue
        if mention.start == tok.i:
            found.append(mention)
    return found


def _speaker(sent: Span, quotes: list[QuoteDraft]) -> int | None:
    """The speaker of a quote the sentence is in."""
    for draft in quotes:
        if draft.actor is not None and (
            draft.span.start <= sent.start_char < draft.span.end
            or sent.start_char <= draft.span.start < sent.end_char
        ):
            return draft.actor
    return None


def _speaker_features(sent: Span, bounds: tuple[int, int]) -> dict[str, float]:
    """Whether the stake's words speak of the speaker's side, the listener or a third person."""
    persons = {_PERSONS.get(t.lower_) for t in sent if bounds[0] <= t.idx < bounds[1]}
    return {"spk": 1.0, **{f"spk_{p}": 1.0 for p in persons if p}}


def _rank_feature(rank: int | None) -> str:
    """The actor's place in the article's ranked list, in a few bins."""
    if rank is None:
        return "rank=none"
    return f"rank={rank}" if rank < 3 else "rank=3-5" if rank < 6 else "rank=6+"


def actor_options(
    sent: Span,
    bounds: tuple[int, int],
    kind: str,
    by_token: dict[int, Mention],
    quotes: list[QuoteDraft],
    actor_rank: dict[int, int],
) -> ActorOptions:
    """Describe every actor a stake could belong to, and no actor (None)."""
    options: ActorOptions = {}
    for mention in _mentions(sent, bounds, by_token):
        assert mention.actor is not None  # _mentions keeps resolved mentions only
        f = options.setdefault(mention.actor, {"first": float(not options)})
        f.update(_mention_features(mention, sent))
        f["n"] = f.get("n", 0.0) + 1.0
    speaker = _speaker(sent, quotes)
    if speaker is not None:
        f = options.setdefault(speaker, {"first": float(not options)})
        f.update(_speaker_features(sent, bounds))
    for actor, f in options.items():
        assert actor is not None
        f["n"] = min(f.get("n", 0.0), 3.0) / 3
        f[_rank_feature(actor_rank.get(actor))] = 1.0
        f[f"kind={kind}"] = 1.0
    options[None] = {"null": 1.0, f"null_n={min(len(options), 3)}": 1.0, f"null_kind={kind}": 1.0}
    return options


def pick_actor(options: ActorOptions, model: StakeModel) -> int | None:
    """Return the option the actor model scores highest (the first on a tie)."""
    return max(options, key=lambda actor: model.probability(options[actor]))


@cache
def load_actor_model() -> StakeModel:
    """Load the shipped stake actor model once per process."""
    return load_shipped_model(ACTOR_MODEL_FILE)
