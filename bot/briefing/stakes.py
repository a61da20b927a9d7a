"""Find the stakes: sentences that state goals, risks, gains, costs, conditions, consequences.

Each candidate sentence is scored by the stake phrases it holds ("wants to", "stands to
gain", "could bring", "only if"), tied to the actor whose stake it is when the sentence
says so (its subject, or the speaker of the quote it is in), and the best seven are kept
in article order.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from bot.briefing.mentions import Mention, is_heading, paragraph_of
from bot.briefing.model import Stake
from bot.briefing.speakers import QuoteDraft

__all__ = ["MAX_STAKES", "find_stakes"]

MAX_STAKES = 7
_MIN_WORDS = 6
_MIN_SCORE = 2.0
_NAME_INSIDE = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+")
_MAX_WORDS = 60

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


def _stake_kind(text: str) -> tuple[str, float] | None:
    # Capitalised words inside a sentence are names ("Price", "Gain"), never stake words.
    lower = _NAME_INSIDE.sub("Name", text).lower()
    hits = [(kind, weight) for kind, weight, pattern in _CUES if pattern.search(lower)]
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


def find_stakes(
    doc: Doc, quoted: list[bool], quotes: list[QuoteDraft], names: dict[int, str]
) -> list[Stake]:
    """Return up to seven stakes in article order, the strongest ones kept."""
    by_token = {i: m for m in doc._.brief_mentions for i in range(m.start, m.end)}
    scored: list[tuple[float, Stake]] = []
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha]
        if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
            continue
        if is_heading(doc, paragraph_of(doc, sent.start_char)) or "\n" in sent.text.strip():
            continue
        start, end = _within_quote(doc._.brief_text, _trimmed(doc, sent), quotes)
        found = _stake_kind(doc._.brief_text[start:end])
        if found is None:
            continue
        kind, score = found
        actor = _actor_of(sent, by_token, quotes)
        score += 0.5 if actor is not None else 0.0
        stake = Stake(
            doc._.brief_text[start:end],
            start,
            end,
            kind,
            names.get(actor) if actor is not None else None,
        )
        scored.append((score, stake))
    best = sorted(scored, key=lambda ss: -ss[0])[:MAX_STAKES]
    return sorted((s for _, s in best), key=lambda s: s.start)
