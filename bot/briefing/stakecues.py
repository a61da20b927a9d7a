"""Describe a sentence by what makes a careful reader mark it as a stake.

The stakes pass scores every sentence with a small linear model (`stakemodel`) over the
features computed here: stake vocabulary by class (goals, risks, gains, costs, conditions,
consequences), modality and syntax (could/would, "wants to ...", "if ..."), quotes and
reported speech, where the sentence stands in the article, and whether it speaks of the
article's main actors and subject. Everything is general English; nothing names an article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from math import fsum

from spacy.tokens import Doc, Span, Token

from bot.briefing.lexicon import COGNITION_VERBS, SPEECH_VERBS
from bot.briefing.mentions import Mention

__all__ = [
    "CUE_CLASSES",
    "NOT_STAKE_WORDS",
    "ArticleContext",
    "article_context",
    "sentence_features",
]

_SAY = SPEECH_VERBS | COGNITION_VERBS
_WORD = re.compile(r"[^\W\d_]+")
_KEYWORDS = 20


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lemmas by the kind of stake they tend to state.
CUE_CLASSES: dict[str, frozenset[str]] = {
    "desire": _words(
        """want seek aim hope plan try intend attempt strive push press urge demand vow
        pledge promise propose wish prepare work fight need campaign lobby encourage insist
        determine look expect eager hopeful intent committed bent poise set move scramble
        race rush struggle call ask threaten"""
    ),
    "goal_noun": _words(
        """goal aim objective intention purpose mission plan effort bid attempt push
        strategy agenda priority hope ambition desire target drive quest campaign proposal
        pledge promise"""
    ),
    "risk": _words(
        """risk threat threaten danger dangerous jeopardize jeopardise endanger imperil
        vulnerable fear worry concern warn warning crisis collapse damage harm hurt
        undermine erode weaken loss lose fail failure backfire odds peril suffer jeopardy
        hazard exposure expose doom derail sink scandal setback trouble problem blow defeat
        line stake face costly alienate anger backlash"""
    ),
    "gain": _words(
        """gain benefit boost win advantage help opportunity chance edge reward profit
        bolster strengthen improve secure earn victory eligible windfall leverage advance
        beneficial lift momentum prize payoff success succeed stage path propel forward
        hasten bounce position"""
    ),
    "cost": _words(
        """cost price pay spend expense sacrifice fine penalty sanction burden tax afford
        expensive billion million"""
    ),
    "condition": _words("if unless until provided whether require depend contingent condition"),
    "consequence": _words(
        """lead result mean cause trigger force pave allow enable prevent block stop open
        spark prompt ensure guarantee affect impact consequence effect implication outcome
        clear fuel create bring make give deprive limit restrict end shape determine hinge
        decide"""
    ),
}
# Set phrases whose stake words state no stake: a source's terms ("spoke on condition of
# anonymity") and a concession ("even if it doesn't sell"). Matched on lower-case text.
NOT_STAKE_WORDS = re.compile(
    r"\bon (?:the )?condition (?:of anonymity|that (?:he|she|they|it) [^,.;]{0,40}?"
    r"(?:named|identified))|\beven if\b"
)
_FUTURE_ADJECTIVES = _words("likely unlikely expect poise set due about able unable bound sure")
_CONDITION_MARKS = _words("if unless until whether")


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the features compare a sentence with: the article's actors and subject."""

    by_token: dict[int, Mention]
    actor_rank: dict[int, int]  # draft actor index -> place in the ranked actor list
    sentences: int
    title_words: frozenset[str]
    lead_words: frozenset[str]
    keywords: dict[str, float]  # the article's most frequent content lemmas, weighted


def article_context(doc: Doc, title: str | None, actor_rank: dict[int, int]) -> ArticleContext:
    """Gather, once per article, what every sentence's features are compared with."""
    sents = list(doc.sents)
    lead = {t.lemma_.lower() for s in sents[:2] for t in s if _content(t)}
    counts = Counter(t.lemma_.lower() for t in doc if _content(t))
    top = counts.most_common(_KEYWORDS)
    most = top[0][1] if top else 1
    return ArticleContext(
        by_token={i: m for m in doc._.brief_mentions for i in range(m.start, m.end)},
        actor_rank=actor_rank,
        sentences=len(sents),
        title_words=frozenset(w.lower() for w in _WORD.findall(title or "")),
        lead_words=frozenset(lead),
        keywords={w: c / most for w, c in top},
    )


def _content(tok: Token) -> bool:
    return tok.is_alpha and not tok.is_stop


def sentence_features(
    span: Span, index: int, quoted: list[bool], ctx: ArticleContext
) -> dict[str, float]:
    """Return the named features of one candidate sentence (token span)."""
    toks = [t for t in span if not t.is_space]
    alpha = [t for t in toks if t.is_alpha]
    lemmas = [t.lemma_.lower() for t in alpha]
    set_words = _set_phrase_tokens(span)
    f: dict[str, float] = {"bias": 1.0}
    f.update(_length_features(len(alpha), span))
    f.update(
        _cue_features([w for t, w in zip(alpha, lemmas, strict=True) if t.i not in set_words])
    )
    f.update(_syntax_features(span, [t for t in toks if t.i not in set_words]))
    f.update(_speech_features(toks, quoted))
    f.update(_place_features(index, ctx))
    f.update(_actor_features(span, toks, ctx))
    f.update(_subject_features(alpha, lemmas, ctx))
    return f


def _set_phrase_tokens(span: Span) -> set[int]:
    """The tokens of "on condition of anonymity" or "even if", which state no stake."""
    found: set[int] = set()
    for m in NOT_STAKE_WORDS.finditer(span.text.lower()):
        lo, hi = span.start_char + m.start(), span.start_char + m.end()
        found.update(t.i for t in span if lo <= t.idx < hi)
    return found


def _length_features(words: int, span: Span) -> dict[str, float]:
    return {
        "len": min(words, 60) / 30,
        f"lenbin={min(words // 8, 6)}": 1.0,
        "question": float(span.text.rstrip().endswith("?")),
    }


def _cue_features(lemmas: list[str]) -> dict[str, float]:
    f: dict[str, float] = {}
    for name, lexicon in CUE_CLASSES.items():
        hits = sum(1 for lemma in lemmas if lemma in lexicon)
        if hits:
            f[f"c={name}"] = min(hits, 3) / 3
            f[f"c={name}_any"] = 1.0
    return f


def _syntax_features(span: Span, toks: list[Token]) -> dict[str, float]:
    f: dict[str, float] = {}
    for tok in toks:
        if tok.tag_ == "MD":
            f["modal"] = 1.0
            f[f"modal={tok.lower_}"] = 1.0
        if tok.dep_ == "mark" and tok.lower_ in _CONDITION_MARKS:
            f["mark_cond"] = 1.0
        if tok.dep_ == "aux" and tok.lower_ == "to" and tok.head.dep_ == "advcl":
            f["purpose_to"] = 1.0
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in CUE_CLASSES["desire"]:
            f["desire_xcomp"] = 1.0
        if tok.lemma_.lower() in _FUTURE_ADJECTIVES and any(
            c.dep_ == "xcomp" for c in tok.children
        ):
            f["future_adj"] = 1.0
        if tok.lower_ == "going" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            f["going_to"] = 1.0
    root = span.root
    f["root_tense=" + ",".join(root.morph.get("Tense", []))] = 1.0
    f["root_say"] = float(root.lemma_.lower() in _SAY)
    f["nums"] = min(sum(1 for t in toks if t.like_num), 4) / 4
    f["pct"] = float(any(t.text in ("%", "percent") for t in toks))
    return f


def _speech_features(toks: list[Token], quoted: list[bool]) -> dict[str, float]:
    share = sum(quoted[t.i] for t in toks) / max(1, len(toks))
    return {
        "quoted_frac": share,
        "quoted_any": float(share > 0),
        "has_say": float(any(t.lemma_.lower() in _SAY and t.pos_ == "VERB" for t in toks)),
        "according": float(any(t.lower_ == "according" for t in toks)),
        "has_ccomp_say": float(
            any(t.dep_ == "ccomp" and t.head.lemma_.lower() in _SAY for t in toks)
        ),
    }


def _place_features(index: int, ctx: ArticleContext) -> dict[str, float]:
    return {
        "sent_pos": index / max(1, ctx.sentences),
        "first3": float(index < 3),
        "first": float(index == 0),
    }


def _actor_features(span: Span, toks: list[Token], ctx: ArticleContext) -> dict[str, float]:
    actors = {
        m.actor
        for i in range(span.start, span.end)
        if (m := ctx.by_token.get(i)) is not None and m.actor is not None
    }
    ranks = [ctx.actor_rank.get(a, 99) for a in actors]
    f = {
        "n_actors": min(len(actors), 4) / 4,
        "top1": float(0 in ranks),
        "top3": float(any(r < 3 for r in ranks)),
    }
    subject = next(
        (t for t in toks if t.dep_ in ("nsubj", "nsubjpass") and t.head == span.root), None
    )
    if subject is not None:
        mention = ctx.by_token.get(subject.i)
        f["subj_actor"] = float(mention is not None and mention.actor is not None)
        f["subj_pron"] = float(subject.pos_ == "PRON")
    return f


def _subject_features(
    alpha: list[Token], lemmas: list[str], ctx: ArticleContext
) -> dict[str, float]:
    content = {lemma for tok, lemma in zip(alpha, lemmas, strict=True) if not tok.is_stop}
    lower = {tok.lower_ for tok in alpha}
    return {
        "title_ov": len(lower & ctx.title_words) / max(1, len(ctx.title_words)),
        "lead_ov": len(content & ctx.lead_words) / max(1, len(ctx.lead_words)),
        # fsum: the same total in any order of the set, so every run gives the same feature.
        "key_ov": fsum(ctx.keywords.get(w, 0.0) for w in content) / max(1, len(content)),
    }
