"""Pick the summary (the lede, extractive) and the topics (key terms) of an article."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from bot.briefing.cleanup import dateline_length
from bot.briefing.mentions import is_heading, paragraph_of
from bot.briefing.model import Actor
from bot.briefing.quotemarks import with_closing_mark

__all__ = ["pick_summary", "pick_topics"]

_MIN_SENTENCE_WORDS = 8
_MAX_SUMMARY_WORDS = 70
_MAX_TOPICS = 8
_MIN_PHRASE_COUNT = 2
_MIN_SINGLE_COUNT = 3


def _body_sentences(doc: Doc, quoted: list[bool]) -> list[str]:
    out = []
    full = doc._.brief_text
    for sent in doc.sents:
        # with the closing mark the parser may cut off into a sentence of its own
        text = full[sent.start_char : with_closing_mark(full, sent.start_char, sent.end_char)]
        text = text.strip()
        text = text[dateline_length(text) :]  # "LONDON (Wire) - The ...": the lede, not its source
        if is_heading(doc, paragraph_of(doc, sent.start_char)) or not text:
            continue
        words = [t for t in sent if t.is_alpha]
        if len(words) < _MIN_SENTENCE_WORDS or sum(quoted[t.i] for t in words) > len(words) / 2:
            continue
        if "\n" in text:
            continue
        out.append(text)
    return out


def pick_summary(doc: Doc, quoted: list[bool]) -> list[str]:
    """Return one to three opening sentences of the body: a news lede says what happened."""
    chosen: list[str] = []
    total = 0
    for text in _body_sentences(doc, quoted)[:3]:
        words = len(text.split())
        if chosen and total + words > _MAX_SUMMARY_WORDS:
            break
        chosen.append(text)
        total += words
    return chosen


def pick_topics(doc: Doc, actors: list[Actor]) -> list[str]:
    """Return the key terms: the main actors, then the most frequent noun phrases."""
    topics = [a.name for a in actors if a.kind in ("person", "organization", "place")][:4]
    taken = {t.lower() for t in topics}
    for phrase, _count in _phrase_counts(doc).most_common():
        if len(topics) >= _MAX_TOPICS:
            break
        if phrase not in taken and not any(phrase in t or t in phrase for t in taken):
            topics.append(phrase)
            taken.add(phrase)
    return topics


def _phrase_counts(doc: Doc) -> Counter[str]:
    """Count the noun phrases worth following: two-word ones twice, single nouns if frequent."""
    counts: Counter[str] = Counter()
    singles: Counter[str] = Counter()
    for chunk in doc.noun_chunks:
        words = [t for t in chunk if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "ADJ")]
        if chunk.root.pos_ != "NOUN" or not words:
            continue
        if len(words) > 1:
            counts[" ".join(t.lemma_.lower() for t in words[-2:])] += 2
        elif len(words[0]) > 4:
            singles[words[0].lemma_.lower()] += 1
    counts.update({w: n for w, n in singles.items() if n >= _MIN_SINGLE_COUNT})
    return Counter({p: n for p, n in counts.items() if n >= _MIN_PHRASE_COUNT})
