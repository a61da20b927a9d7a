"""Run the briefing passes in order and turn their results into a `Brief`.

`build_brief` is the engine's one entry point: text in, `Brief` out, no I/O. No spaCy
`Doc` leaves this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from bot.briefing.actors import rank_actors
from bot.briefing.agency import count_functions
from bot.briefing.cleanup import clean_text, fold_line
from bot.briefing.descriptions import describe_actors
from bot.briefing.language import ENGLISH_WARNING, english_warning
from bot.briefing.mentionpass import find_mentions
from bot.briefing.mentions import is_heading, merge_late_surnames
from bot.briefing.model import Actor, Article, ArticleMeta, Brief, Quote, Stake, check_brief
from bot.briefing.names import complete_from_title
from bot.briefing.nlp import load_model, parse
from bot.briefing.pieces import LONG_TEXT_CHARS, brief_in_pieces
from bot.briefing.quotemarks import find_marked_spans, paragraph_bounds
from bot.briefing.roleowners import finish_roles
from bot.briefing.roles import find_roles
from bot.briefing.speakers import QuoteDraft, attribute_quotes
from bot.briefing.stakes import StakeCandidate, find_stakes, stake_candidates
from bot.briefing.statements import StatementDraft, find_statements
from bot.briefing.summary import pick_summary, pick_topics
from bot.errors import BinaryInput, EmptyInput, NothingToBrief, TooLong

__all__ = [
    "DEFAULT_MAX_CHARS",
    "MIN_WORDS",
    "brief_doc",
    "build_brief",
    "check_input",
    "stake_candidates_of",
]

DEFAULT_MAX_CHARS = 100_000
MIN_WORDS = 10
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SENTENCE_PUNCT = tuple('.!?…:;"”’)')
_MAX_HEADING_WORDS = 16
_QUOTE_MARKS = re.compile('[“”"«»„]')


def check_input(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Raise an InputError when a text cannot be briefed at all."""
    if not text or not text.strip():
        raise EmptyInput
    if "\x00" in text or len(_CONTROL.findall(text[:20_000])) > 20:
        raise BinaryInput
    if len(text) > max_chars:
        raise TooLong(
            f"That text has {len(text):,} characters; I brief up to {max_chars:,}. "
            "Send one article at a time."
        )


def _mark_paragraphs(doc: Doc, title: str | None) -> None:
    bounds = paragraph_bounds(doc._.brief_text)
    title_key = fold_line(title) if title else None
    headings = set()
    for n, (lo, hi) in enumerate(bounds):
        line = doc._.brief_text[lo:hi]
        short = len(line.split()) <= _MAX_HEADING_WORDS and not _QUOTE_MARKS.search(line)
        if (title_key and fold_line(line) == title_key) or (short and not _ends_sentence(line)):
            headings.add(n)
    doc._.brief_paragraphs = bounds
    doc._.brief_headings = headings


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_PUNCT)


def _quoted_mask(doc: Doc) -> list[bool]:
    """Mark every token inside a quoted span, the quote marks included."""
    quoted = [False] * len(doc)
    for span in doc._.brief_spans:
        chars = doc.char_span(span.start, span.end, alignment_mode="expand")
        if chars is None:
            continue
        lo = chars.start - 1 if chars.start > 0 and doc[chars.start - 1].is_quote else chars.start
        hi = chars.end + 1 if chars.end < len(doc) and doc[chars.end].is_quote else chars.end
        for i in range(max(lo, 0), hi):
            quoted[i] = True
    return quoted


def _to_quote(doc: Doc, draft: QuoteDraft, names: dict[int, str], ids: dict[int, str]) -> Quote:
    start, end = draft.span.start, draft.span.end
    speaker = names.get(draft.actor) if draft.actor is not None else draft.speaker
    return Quote(
        text=doc._.brief_text[start:end],
        start=start,
        end=end,
        speaker=speaker,
        speaker_id=ids.get(draft.actor) if draft.actor is not None else None,
        kind=draft.kind or "direct",
        verb=draft.verb,
        channel=draft.channel,
    )


def _count_mentions(doc: Doc, drafts: list[QuoteDraft], reported: list[StatementDraft]) -> None:
    """Count each actor's mentions (names, pronouns, role nouns), quotes and statements."""
    actors = doc._.brief_actors
    for actor in actors:
        actor.mentions = 0
    for m in doc._.brief_mentions:
        if m.actor is not None:
            actors[m.actor].mentions += 1
    for draft in drafts:
        if draft.actor is not None:
            actors[draft.actor].quote_count += 1
    for statement in reported:
        actors[statement.actor].statement_count += 1


def _to_statement(
    doc: Doc, s: StatementDraft, names: dict[int, str], ids: dict[int, str]
) -> Quote:
    text = doc._.brief_text[s.start : s.end]
    return Quote(text, s.start, s.end, names.get(s.actor), ids.get(s.actor), "reported", s.verb)


def _article(text: str, title: str | None, meta: ArticleMeta, warnings: list[str]) -> Article:
    return Article(
        text=text,
        title=title,
        url=meta.url,
        site=meta.site,
        byline=meta.byline,
        published=meta.published,
        language=meta.language or (None if ENGLISH_WARNING in warnings else "en"),
        complete=meta.complete,
        warnings=tuple(meta.warnings) + tuple(warnings),
    )


def build_brief(
    text: str,
    meta: ArticleMeta | None = None,
    nlp: Language | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Brief:
    """Brief an article: its actors, quotes with speakers, statements and stakes."""
    meta = meta or ArticleMeta()
    if len(text) > LONG_TEXT_CHARS:
        return _build_long(text, meta, nlp, max_chars)
    doc, title = _parse(text, meta, nlp, max_chars)
    return brief_doc(doc, title, meta)


def _build_long(text: str, meta: ArticleMeta, nlp: Language | None, max_chars: int) -> Brief:
    """Brief a long text in pieces, so that its cost stays bounded by its length (issue 11)."""
    check_input(text, max_chars)
    cleaned = clean_text(text)
    model = nlp or load_model()

    def brief_piece(piece: str, title: str | None) -> Brief:
        return brief_doc(parse(model, piece), title, meta)

    return brief_in_pieces(
        cleaned.text, meta.title or cleaned.title, model.make_doc, brief_piece, MIN_WORDS
    )


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the passes before the stakes found: quotes, statements and ranked actors."""

    quoted: list[bool]
    drafts: list[QuoteDraft]
    reported: list[StatementDraft]
    actors: list[Actor]
    ids: dict[int, str]

    @property
    def actor_rank(self) -> dict[int, int]:
        """Each listed draft actor's place in the ranked list (0 is the most central)."""
        return {i: int(actor_id[1:]) - 1 for i, actor_id in self.ids.items()}


def _read(doc: Doc, title: str | None) -> _Reading:
    """Run the passes up to the stakes: paragraphs, quotes, mentions, roles, speakers."""
    doc._.brief_text = doc.text
    doc._.brief_title = title
    _mark_paragraphs(doc, title)
    doc._.brief_spans = find_marked_spans(doc._.brief_text)
    quoted = _quoted_mask(doc)
    find_mentions(doc, quoted)
    complete_from_title(doc._.brief_actors, title)
    roles = find_roles(doc)
    drafts = attribute_quotes(doc, quoted)
    moved = merge_late_surnames(doc)
    for draft in drafts:
        if draft.actor is not None and draft.actor in moved:
            draft.actor = moved[draft.actor]
    finish_roles(doc, roles)
    described = describe_actors(doc, quoted)
    for draft in drafts:
        # "the actor said" after "Ashby-Cole ...": the person the description is of.
        if draft.actor is None and draft.source is not None and draft.source in described:
            draft.actor, draft.speaker = described[draft.source], None
    reported = find_statements(doc, quoted)
    _count_mentions(doc, drafts, reported)
    count_functions(doc, quoted)
    actors, ids = rank_actors(doc._.brief_actors, len(doc))
    return _Reading(quoted, drafts, reported, actors, ids)


def _parse(
    text: str, meta: ArticleMeta, nlp: Language | None, max_chars: int
) -> tuple[Doc, str | None]:
    check_input(text, max_chars)
    cleaned = clean_text(text)
    if len(cleaned.text.split()) < MIN_WORDS and cleaned.title:
        # Too little is left once the first line is taken as a headline: it was body text.
        cleaned = clean_text(text, find_title=False)
    if len(cleaned.text.split()) < MIN_WORDS:
        raise NothingToBrief
    return parse(nlp or load_model(), cleaned.text), meta.title or cleaned.title


def stake_candidates_of(text: str, nlp: Language | None = None) -> list[StakeCandidate]:
    """Describe the sentences of a text that could state a stake (for `make train`)."""
    doc, title = _parse(text, ArticleMeta(), nlp, DEFAULT_MAX_CHARS)
    reading = _read(doc, title)
    return stake_candidates(doc, reading.quoted, reading.drafts, reading.actor_rank)


def brief_doc(doc: Doc, title: str | None, meta: ArticleMeta) -> Brief:
    """Run the passes over a parsed, cleaned article and assemble its brief."""
    reading = _read(doc, title)
    quoted, drafts, reported = reading.quoted, reading.drafts, reading.reported
    actors, ids = reading.actors, reading.ids
    names = {i: doc._.brief_actors[i].name for i in range(len(doc._.brief_actors))}
    statements = [_to_statement(doc, s, names, ids) for s in reported]
    stakes: list[Stake] = find_stakes(doc, quoted, drafts, names, reading.actor_rank)
    warnings = [w for w in [english_warning(doc)] if w]
    brief = Brief(
        article=_article(doc._.brief_text, title, meta, warnings),
        summary=tuple(pick_summary(doc, quoted)),
        actors=tuple(actors),
        quotes=tuple(_to_quote(doc, d, names, ids) for d in drafts),
        statements=tuple(statements),
        stakes=tuple(stakes),
        topics=tuple(pick_topics(doc, actors)),
    )
    problems = check_brief(brief)
    if problems:  # pragma: no cover - a bug in a pass, never the user's input
        raise AssertionError("; ".join(problems))
    return brief


def heading_paragraphs(doc: Doc) -> set[int]:
    """Return the indexes of headline and subhead paragraphs."""
    return {n for n in range(len(doc._.brief_paragraphs)) if is_heading(doc, n)}
