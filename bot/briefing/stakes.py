"""Find the stakes: passages that state goals, risks, gains, costs, conditions, consequences.

Every sentence of the body is a candidate. `stakecues` describes it (stake vocabulary,
modality, quotes, place in the article, the actors it names) and the shipped stake model
(`stakemodel`, trained by `make train` on the project's own annotated articles) gives the
probability that a careful reader would mark it. The twelve most likely get a second look:
a second model reads their cues and what each sentence says (`sentvec`: the mean and the
maximum of a small transformer's states after its first layers), and its seven most likely
above its threshold are kept, the most central first (at least three where the cue model
finds that many likely); each is tied to the actor whose stake it is when the
sentence says so (`stakeactor`: the one who wants, gains, loses or is affected, or no one).
A stake said inside a quote is the quoted words, without the attribution around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from bot.briefing.cleanup import dateline_length
from bot.briefing.mentions import is_heading, paragraph_of
from bot.briefing.model import Stake
from bot.briefing.quotemarks import with_closing_mark
from bot.briefing.sentvec import load_encoder
from bot.briefing.speakers import QuoteDraft
from bot.briefing.stakeactor import ActorOptions, actor_options, load_actor_model, pick_actor
from bot.briefing.stakecues import NOT_STAKE_WORDS, article_context, sentence_features
from bot.briefing.stakemodel import StakeModel, load_stake_model, load_vector_model

__all__ = [
    "MAX_STAKES",
    "SHORTLIST",
    "StakeCandidate",
    "find_stakes",
    "kept_stakes",
    "rank_stakes",
    "shortlist",
    "stake_candidates",
    "with_vectors",
]

MAX_STAKES = 7
# Where fewer than three pass the second look's threshold, the likeliest of the rest that
# the cue model finds at least this likely fill the brief up to three: a music review or a
# match report rarely reads like the politics the models learned from, and a brief that
# says "no stakes" beside "the reunion could earn the band more than ..." misleads. On the
# gold sets stake F1 moves by less than half a point either way (docs/quality.md).
MIN_STAKES = 3
MIN_CUE_PROBABILITY = 0.3
# The sentences the cues rank highest get a second look with their sentence vectors: the
# vectors cost about 2 ms a sentence (in two threads), and a stake a reader marks is in the
# cues' first twelve most of the time. Sixteen score 1.3 points more in cross-validation
# but miss one more stake of the seed example, which then fails (docs/quality.md).
SHORTLIST = 12
VECTOR_SCALE = 7.0  # sentence vectors are of unit length; this puts them on the cues' scale
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
        # Penalties someone faces: "faces up to 20 years in prison", "could be fined".
        (
            "risk",
            3.0,
            r"\bfac(?:es|ing|e) (?:up to |a maximum of |as much as |more than )?[\w$£€,. -]{0,25}?"
            r"(?:years? (?:in prison|in jail|behind bars)|prison|jail|deportation|extradition"
            r"|a fine|fines|charges|trial|impeachment)\b",
        ),
        ("cost", 2.5, r"\b(?:could|may|might|would|will) be fined\b|\bfined up to\b"),
    )
)


def _phrase_hits(text: str) -> list[int]:
    """The indexes of the stake phrases (`_CUES`) a sentence holds."""
    # Capitalised words inside a sentence are names ("Price", "Gain"), never stake words.
    lower = NOT_STAKE_WORDS.sub(" ", _NAME_INSIDE.sub("Name", text).lower())
    return [n for n, (_, _, pattern) in enumerate(_CUES) if pattern.search(lower)]


def _stake_kind(found: list[int]) -> tuple[str, float] | None:
    hits = [(_CUES[n][0], _CUES[n][1]) for n in found]
    if not hits:
        return None
    best = max(hits, key=lambda kw: kw[1])
    # Several kinds of stake in one sentence make it a stronger candidate.
    score = best[1] + 0.5 * (len({k for k, _ in hits}) - 1)
    return (best[0], score) if score >= _MIN_SCORE else None


_MIN_WORDS = 4  # the fewest words of a quote's end that still state a stake
_CLOSING_MARK = re.compile(r'[”"]')


def _trimmed(doc: Doc, sent: Span) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    text = doc._.brief_text[start:end]
    lead = len(text) - len(text.lstrip(" \n"))
    lead += dateline_length(text, lead)  # "LONDON (Wire) - ...": where the story is filed from
    rest = text[lead:]
    # An opening mark stays when the sentence closes the quote: no lone "” said X." shown.
    if not _CLOSING_MARK.search(rest[1:]):
        lead += len(rest) - len(rest.lstrip('“"‘'))
    body = text.rstrip()
    return start + lead, start + len(body)


def _within_quote(text: str, bounds: tuple[int, int], quotes: list[QuoteDraft]) -> tuple[int, int]:
    """A stake said in a quote is the quoted words, without the attribution around them."""
    start, end = bounds
    for draft in quotes:
        lo, hi = max(start, draft.span.start), min(end, draft.span.end)
        # A quote opened in an earlier sentence ends in this one: only its words are whole.
        carried = draft.span.start < start < draft.span.end < end
        if hi - lo > (end - start) / 2 or (carried and len(text[lo:hi].split()) >= _MIN_WORDS):
            return lo, lo + len(text[lo:hi].rstrip(" ,;:—–"))
    return start, end


@dataclass(frozen=True, slots=True)
class StakeCandidate:
    """A sentence that may state a stake: its bounds, kind, model features, actor options."""

    start: int
    end: int
    kind: str
    features: dict[str, float]
    actors: ActorOptions  # whose stake it may be (None: no one's), with their features


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
        kind = _kind_of(features, rule)
        actors = actor_options(sent, (start, end), kind, ctx.by_token, quotes, actor_rank)
        out.append(StakeCandidate(start, end, kind, features, actors))
    return out


def with_vectors(candidates: list[StakeCandidate], text: str) -> list[dict[str, float]]:
    """Each candidate's cues and sentence vectors: the mean ("v0"...) and maximum ("m0"...)."""
    means, maxima = load_encoder().pooled([text[c.start : c.end] for c in candidates])
    names = _vector_names(means.shape[1])
    return [
        {
            **c.features,
            **dict(zip(names[0], (VECTOR_SCALE * mean).tolist(), strict=True)),
            **dict(zip(names[1], (VECTOR_SCALE * most).tolist(), strict=True)),
        }
        for c, mean, most in zip(candidates, means, maxima, strict=True)
    ]


@cache
def _vector_names(size: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(f"v{i}" for i in range(size)), tuple(f"m{i}" for i in range(size))


def shortlist(
    candidates: list[StakeCandidate], model: StakeModel | None = None
) -> list[StakeCandidate]:
    """The candidates the cue model ranks highest, which get the second look."""
    return [c for _, c in _shortlist_with_odds(candidates, model or load_stake_model())]


def _shortlist_with_odds(
    candidates: list[StakeCandidate], model: StakeModel
) -> list[tuple[float, StakeCandidate]]:
    """The shortlist, each candidate with the cue model's probability for it."""
    odds = [(model.probability(c.features), c) for c in candidates]
    return sorted(odds, key=lambda pc: -pc[0])[:SHORTLIST]


def rank_stakes(
    candidates: list[StakeCandidate],
    text: str,
    model: StakeModel | None = None,
    vector_model: StakeModel | None = None,
) -> list[StakeCandidate]:
    """The stakes to show, most likely first: shortlisted by cues, then read as sentences."""
    model = model or load_stake_model()
    vector_model = vector_model or load_vector_model()
    short = _shortlist_with_odds(candidates, model)
    vectors = with_vectors([c for _, c in short], text)
    # (second look's odds, cue odds, candidate), the most likely to the second look first
    scored = [
        (vector_model.probability(features), cue, c)
        for features, (cue, c) in zip(vectors, short, strict=True)
    ]
    scored.sort(key=lambda pcc: -pcc[0])
    kept = kept_stakes(
        [p for p, _, _ in scored], [q for _, q, _ in scored], vector_model.threshold
    )
    return [scored[n][2] for n in kept]


def kept_stakes(odds: list[float], cue_odds: list[float], threshold: float) -> list[int]:
    """Which of the shortlist (ordered by the second look's odds) to show, by position.

    The seven likeliest above the threshold; where fewer than three pass, the likeliest
    of the rest that the cue model finds likely enough, up to three.
    """
    kept = [n for n in range(min(len(odds), MAX_STAKES)) if odds[n] >= threshold]
    if len(kept) < MIN_STAKES:
        more = [
            n for n in range(len(odds)) if n not in kept and cue_odds[n] >= MIN_CUE_PROBABILITY
        ]
        kept += more[: MIN_STAKES - len(kept)]
    return kept


def find_stakes(
    doc: Doc,
    quoted: list[bool],
    quotes: list[QuoteDraft],
    names: dict[int, str],
    actor_rank: dict[int, int],
    models: tuple[StakeModel, StakeModel] | None = None,
    actor_model: StakeModel | None = None,
) -> list[Stake]:
    """Return up to seven stakes, the most likely first, each with its actor when stated.

    `models`: the shortlist and second-look models (the shipped ones when not given).
    """
    actor_model = actor_model or load_actor_model()
    text = doc._.brief_text
    candidates = stake_candidates(doc, quoted, quotes, actor_rank)
    kept = rank_stakes(candidates, text, *(models or ()))
    actors = [pick_actor(c.actors, actor_model) for c in kept]
    starts = [_whole_sentence_start(doc, c.start) for c in kept]
    # Shown with the closing mark the parser cut off into a sentence of its own.
    ends = [with_closing_mark(text, s, c.end) for c, s in zip(kept, starts, strict=True)]
    return [
        Stake(text[s:e], s, e, c.kind, names.get(a) if a is not None else None)
        for c, s, e, a in zip(kept, starts, ends, actors, strict=True)
    ]


def _whole_sentence_start(doc: Doc, start: int) -> int:
    """Where a stake shown from `start` begins, when it starts inside its sentence.

    "Bond launched Black Girls Rock! as a non-profit in 2006 to ...": the parser ends a
    sentence at "Rock!", so the stake would be shown from "as a non-profit". The models
    read the sentence as parsed (joining it scored lower, docs/quality.md); the reader is
    shown it whole.
    """
    text = doc._.brief_text
    if not text[start : start + 1].islower():
        return start
    before = text[:start].rstrip(" ")
    if not before.endswith(("!", "?")):
        # '"We respect the right," he said, "but we will not ...": a quote's second half
        # is shown with its first, not from "but".
        here = doc.char_span(start, start + 1, alignment_mode="expand")
        return _trimmed(doc, here[0].sent)[0] if here is not None and len(here) else start
    token = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if token is None or not len(token):
        return start
    return token[0].sent.start_char
