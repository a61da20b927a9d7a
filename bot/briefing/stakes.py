"""Find the stakes: passages that state goals, risks, gains, costs, conditions, consequences.

Every sentence of the body is a candidate. `stakecues` describes it (stake vocabulary,
modality, quotes, place in the article, the actors it names) and the shipped stake model
(`stakemodel`, trained by `make train` on the project's own annotated articles) gives the
probability that a careful reader would mark it. The seven most likely are kept, the most
central first; each is tied to the actor whose stake it is when the sentence says so (its
subject, or the speaker of the quote it is in). A stake said inside a quote is the quoted
words, without the attribution around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from bot.briefing.mentions import Mention, is_heading, paragraph_of
from bot.briefing.model import Stake
from bot.briefing.speakers import QuoteDraft
from bot.briefing.stakecues import article_context, sentence_features
from bot.briefing.stakemodel import StakeModel, load_stake_model

__all__ = ["MAX_STAKES", "StakeCandidate", "find_stakes", "stake_candidates"]

MAX_STAKES = 7
_MIN_WORDS = 5
_MAX_WORDS = 80
_MIN_SCORE = 2.0
_NAME_INSIDE = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+")
# Features that show a sentence states something a stake could be made of.
_CUE_FEATURES = (
    "c=",
    "rule_",
    "phrase=",
    "modal",
    "mark_cond",
    "desire_xcomp",
    "purpose_to",
    "future_adj",
    "going_to",
)
# Features of a sentence that says someone wants or works towards what it states.
_GOAL_FEATURES = ("desire_xcomp", "purpose_to", "c=desire", "c=goal_noun")
# A cue class of `stakecues` -> the stake kind it states, for sentences no phrase types.
_CLASS_KINDS = (
    ("condition", "condition"),
    ("risk", "risk"),
    ("gain", "gain"),
    ("cost", "cost"),
    ("desire", "goal"),
    ("goal_noun", "goal"),
    ("consequence", "consequence"),
)


# (kind, weight, pattern). Patterns are matched on the lower-cased sentence.
_CUES: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (kind, weight, re.compile(pattern))
    for kind, weight, pattern in (
        (
            "goal",
            3.0,
            r"\b(?:goal|aim|objective|intention|purpose)s? (?:is|isn[’']t|was|remains)\b",
        ),
        (
            "goal",
            2.5,
            r"\b(?:wants?|wanted|seeks?|sought|hopes?|aims?|intends?|plans?|tries|trying|"
            r"pushing|pushes|vows?|vowed|is determined) to\b",
        ),
        (
            "goal",
            2.5,
            r"\b(?:aimed at \w+ing|in order to|so as to|designed to|meant to|to buy time"
            r"|to pressure|using (?:the|its|their|his|her) \w+ to|is using [\w ]{1,30} to)\b",
        ),
        (
            "gain",
            3.0,
            r"\b(?:stands? to (?:gain|win|benefit)|benefit(?:s|ed)? from|advantage"
            r"|would be a (?:big |major |huge )?(?:win|victory|boost)|leverage|windfall)",
        ),
        # Bare money words ("gains", "losses", "price") fill market reports without
        # stating anyone's stake: they only count with another cue.
        ("gain", 1.5, r"\bgains?\b"),
        ("gain", 2.0, r"\b(?:allows?|allowing|lets?|enables?|helps?) [\w\s’'-]{1,30}? to\b"),
        (
            "risk",
            3.0,
            r"\b(?:risks?|risky|threat(?:en)?s?|danger(?:ous)?|jeopardi[sz]e|at stake|"
            r"backfire|could lose|may lose|might lose|fear|warn(?:s|ed|ing)?|crisis|collapse)\b",
        ),
        (
            "cost",
            2.5,
            r"\b(?:sanctions?|penalt(?:y|ies)|lose|sacrifice|undermine|damage"
            r"|cost(?:s|ing)? (?:the|us|him|her|them|it|taxpayers|voters|\w+ (?:jobs|lives))|"
            r"without (?:\w+ing)|can[’']t [\w ]{1,40} without)\b",
        ),
        ("cost", 1.5, r"\b(?:costs?|price|losses)\b"),
        (
            "condition",
            2.5,
            r"(?:^|[\s,—-])(?:only if|unless|provided that|on condition|as long as|if)\b",
        ),
        (
            "consequence",
            2.5,
            r"\b(?:could|would|will|may|might) (?:bring|lead to|mean|cause|trigger|result in|"
            r"force|push|end|look like|make)\b|\bas a result\b|\bwhich would\b",
        ),
    )
)


def _phrase_hits(text: str) -> list[int]:
    """The indexes of the stake phrases (`_CUES`) a sentence holds."""
    # Capitalised words inside a sentence are names ("Price", "Gain"), never stake words.
    lower = _NAME_INSIDE.sub("Name", text).lower()
    return [n for n, (_, _, pattern) in enumerate(_CUES) if pattern.search(lower)]


def _stake_kind(found: list[int]) -> tuple[str, float] | None:
    hits = [(_CUES[n][0], _CUES[n][1]) for n in found]
    if not hits:
        return None
    best = max(hits, key=lambda kw: kw[1])
    # Several kinds of stake in one sentence make it a stronger candidate.
    score = best[1] + 0.5 * (len({k for k, _ in hits}) - 1)
    return (best[0], score) if score >= _MIN_SCORE else None


def _actor_of(sent: Span, by_token: dict[int, Mention], quotes: list[QuoteDraft]) -> int | None:
    """Whose stake a sentence states: its named subject, else the speaker quoting it."""
    subjects = [
        by_token[t.i].actor
        for t in sent
        if t.dep_ in ("nsubj", "nsubjpass") and t.i in by_token and by_token[t.i].kind == "name"
    ]
    if subjects and subjects[0] is not None:
        return subjects[0]
    for draft in quotes:
        if draft.span.start <= sent.start_char < draft.span.end or (
            sent.start_char <= draft.span.start < sent.end_char
        ):
            return draft.actor
    for tok in (t for t in sent if t.i in by_token):
        actor = by_token[tok.i].actor
        if actor is not None:
            return actor
    return None


def _trimmed(doc: Doc, sent: Span) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    text = doc._.brief_text[start:end]
    lead = len(text) - len(text.lstrip(' \n“"‘'))
    body = text.rstrip()
    return start + lead, start + len(body)


def _within_quote(text: str, bounds: tuple[int, int], quotes: list[QuoteDraft]) -> tuple[int, int]:
    """A stake said in a quote is the quoted words, without the attribution around them."""
    start, end = bounds
    for draft in quotes:
        lo, hi = max(start, draft.span.start), min(end, draft.span.end)
        if hi - lo > (end - start) / 2:
            return lo, lo + len(text[lo:hi].rstrip(" ,;:—–"))
    return start, end


@dataclass(frozen=True, slots=True)
class StakeCandidate:
    """A sentence that may state a stake: its bounds, kind, actor and model features."""

    start: int
    end: int
    kind: str
    actor: int | None
    features: dict[str, float]


def _kind_of(features: dict[str, float], rule: tuple[str, float] | None) -> str:
    """The kind a stake phrase gives, else the strongest cue class, else a consequence.

    A gain or consequence someone hopes for or works towards ("she hopes the port will
    bring jobs") is their goal: so careful readers mark it (2-3 points more kinds right
    on each of our four annotated sets).
    """
    if rule is not None:
        kind = rule[0]
    else:
        hits = [(features.get(f"c={name}", 0.0), kind) for name, kind in _CLASS_KINDS]
        best = max(hits, key=lambda hk: hk[0])
        kind = best[1] if best[0] > 0 else "consequence"
    if kind in ("gain", "consequence") and any(features.get(f) for f in _GOAL_FEATURES):
        return "goal"
    return kind


def _has_cue(features: dict[str, float]) -> bool:
    """A stake is stated in words: a stake phrase, a cue word, a modal or a goal clause."""
    return any(name.startswith(_CUE_FEATURES) for name in features)


def _candidate_sentences(doc: Doc) -> list[tuple[int, Span]]:
    found = []
    for index, sent in enumerate(doc.sents):
        words = sum(1 for t in sent if t.is_alpha)
        if not _MIN_WORDS <= words <= _MAX_WORDS or "\n" in sent.text.strip():
            continue
        if not is_heading(doc, paragraph_of(doc, sent.start_char)):
            found.append((index, sent))
    return found


def stake_candidates(
    doc: Doc, quoted: list[bool], quotes: list[QuoteDraft], actor_rank: dict[int, int]
) -> list[StakeCandidate]:
    """Describe every body sentence that could state a stake."""
    ctx = article_context(doc, doc._.brief_title, actor_rank)
    text = doc._.brief_text
    out = []
    for index, sent in _candidate_sentences(doc):
        start, end = _within_quote(text, _trimmed(doc, sent), quotes)
        if start >= end:
            continue
        features = sentence_features(sent, index, quoted, ctx)
        phrases = _phrase_hits(text[start:end])
        features.update({f"phrase={n}": 1.0 for n in phrases})
        rule = _stake_kind(phrases)
        if rule is not None:
            features["rule_score"] = rule[1] / 4
            features[f"rule_kind={rule[0]}"] = 1.0
        if not _has_cue(features):
            continue
        actor = _actor_of(sent, ctx.by_token, quotes)
        out.append(StakeCandidate(start, end, _kind_of(features, rule), actor, features))
    return out


def find_stakes(
    doc: Doc,
    quoted: list[bool],
    quotes: list[QuoteDraft],
    names: dict[int, str],
    actor_rank: dict[int, int],
    model: StakeModel | None = None,
) -> list[Stake]:
    """Return up to seven stakes, the most likely first."""
    model = model or load_stake_model()
    scored = [
        (model.probability(c.features), c)
        for c in stake_candidates(doc, quoted, quotes, actor_rank)
    ]
    scored.sort(key=lambda pc: -pc[0])
    text = doc._.brief_text
    return [
        Stake(
            text[c.start : c.end],
            c.start,
            c.end,
            c.kind,
            names.get(c.actor) if c.actor is not None else None,
        )
        for p, c in scored[:MAX_STAKES]
        if p >= model.threshold
    ]
