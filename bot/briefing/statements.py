"""Find reported speech ("X says the Kremlin is ...", "According to X, ...") as statements.

A statement is an unquoted clause that a named actor said, argued, warned or believes.
Its text is a span of the article: the whole sentence when the speech verb is its main
verb, else the clause around the verb ("who recently said he'd join the talks").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.briefing.cuewindows import dateline_tokens
from bot.briefing.lexicon import COGNITION_VERBS
from bot.briefing.mentions import Mention, is_heading, name_in_apposition, paragraph_of

__all__ = ["StatementDraft", "find_statements"]

_MAX_STATEMENTS = 12
_MIN_WORDS = 5
_RELATIVE = frozenset({"who", "that", "which"})


def _speaker(tok: Token, by_token: dict[int, Mention]) -> int | None:
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Mark Dorn, who recently said ...": the noun the clause is about
    mention = by_token.get(tok.i) or name_in_apposition(tok, by_token)
    return mention.actor if mention is not None else None


def _clause(doc: Doc, sent: Span, verb: Token) -> tuple[int, int]:
    """Character bounds of the reported clause: the sentence, or the verb's own clause."""
    if verb.dep_ == "ROOT":
        start, end = sent.start_char, sent.end_char
    else:
        left = min(t.i for t in verb.subtree)
        right = max(t.i for t in verb.subtree)
        start, end = doc[left].idx, doc[right].idx + len(doc[right])
    text = doc._.brief_text[start:end]
    stripped = text.rstrip()
    if stripped.endswith((",", ";", ":")):
        stripped = stripped[:-1]
    end = start + len(stripped)
    lead = len(text) - len(text.lstrip())
    return start + lead, end


def _reporting_verb(
    sent: Span, quoted: list[bool], dateline: set[int]
) -> tuple[Token, Token] | None:
    for tok in sent:
        if quoted[tok.i] or tok.lemma_.lower() not in COGNITION_VERBS or tok.pos_ != "VERB":
            continue
        if not any(c.dep_ == "ccomp" for c in tok.children):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "LONDON (AP) — ... said": the parser may make the dateline the subject (issue 10).
        if subject is not None and not quoted[subject.i] and subject.i not in dateline:
            return tok, subject
    return None


def _according(sent: Span, quoted: list[bool]) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            return next(
                (c for c in tok.nbor().children if c.dep_ == "pobj" and not quoted[c.i]), None
            )
    return None


def _sentence_statement(
    doc: Doc, sent: Span, quoted: list[bool], by_token: dict[int, Mention], dateline: set[int]
) -> tuple[int, int, int, str] | None:
    if any(quoted[t.i] for t in sent) or is_heading(doc, paragraph_of(doc, sent.start_char)):
        return None
    source = _according(sent, quoted)
    if source is not None and (actor := _speaker(source, by_token)) is not None:
        start, end = _clause(doc, sent, sent.root)
        return start, end, actor, "according to"
    found = _reporting_verb(sent, quoted, dateline)
    if found is None:
        return None
    verb, subject = found
    actor = _speaker(subject, by_token)
    if actor is None:
        return None
    start, end = _clause(doc, sent, verb)
    return start, end, actor, verb.text


@dataclass(frozen=True, slots=True)
class StatementDraft:
    """Reported speech of an actor (an index into doc._.brief_actors), at its offsets."""

    start: int
    end: int
    actor: int
    verb: str


def find_statements(doc: Doc, quoted: list[bool]) -> list[StatementDraft]:
    """Return the reported speech of named actors, in text order."""
    by_token = {i: m for m in doc._.brief_mentions for i in range(m.start, m.end)}
    dateline = dateline_tokens(doc)
    found = []
    for sent in doc.sents:
        hit = _sentence_statement(doc, sent, quoted, by_token, dateline)
        if hit is None:
            continue
        start, end, actor, verb = hit
        if len(doc._.brief_text[start:end].split()) >= _MIN_WORDS:
            found.append(StatementDraft(start, end, actor, verb))
    return found[:_MAX_STATEMENTS]
