"""Long texts are briefed in pieces, so that no text costs more than its length (issue 11).

Some passes (and spaCy's own noun chunks) cost more than linear time in a paragraph or a
sentence, so a crafted text (one endless sentence, thousands of quote marks, a list of
names) could cost many times what news of the same length does. `build_brief` hands a
cleaned text longer than `LONG_TEXT_CHARS` to `brief_in_pieces`: the text is cut into
pieces of at most `PIECE_CHARS`, at paragraph breaks where it can (else at line breaks,
sentence ends or spaces), each piece is briefed alone, and the pieces' briefs are merged
into one brief of the whole text: spans shifted to their offsets in it (and checked
verbatim), actors of the same name merged and ranked again, stakes and topics joined.

This module never parses: the engine passes in the function that briefs one piece.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Sized
from dataclasses import replace

from bot.briefing.model import Actor, Brief, Quote, Stake, check_brief
from bot.errors import NothingToBrief

__all__ = ["LONG_TEXT_CHARS", "PARTLY_BRIEFED", "PIECE_CHARS", "brief_in_pieces", "split_pieces"]

LONG_TEXT_CHARS = 20_000  # texts up to this length are briefed whole, as before
PIECE_CHARS = 6_000
MIN_PIECE_SHARE = 0.5  # a cut is looked for in the last half of a piece
MAX_TOPICS = 8
# The token budget: news runs about 5.5 characters a token; text that packs tokens tighter
# (marks, one-word quotes) is briefed up to what news of its length would cost.
CHARS_PER_TOKEN = 4.5
PARTLY_BRIEFED = (
    "This text is unusually dense, so only its first {share}% was briefed. "
    "Send the article's own text for a full brief."
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…][\"'”’»]?\s"),
         re.compile(r"\s"))  # fmt: skip

BriefPiece = Callable[[str, str | None], Brief]


def _cut(text: str, start: int, limit: int) -> int:
    """Return where the piece that starts at `start` should end (at most `limit` chars on)."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window_start = start + int(limit * MIN_PIECE_SHARE)
    for pattern in _CUTS:
        matches = list(pattern.finditer(text, window_start, end))
        if matches:
            return matches[-1].end()
    return end


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut a text into consecutive (start, end) pieces of at most `limit` characters."""
    pieces, start = [], 0
    while start < len(text):
        end = _cut(text, start, limit)
        pieces.append((start, end))
        start = end
    return pieces


def _shift_quote(quote: Quote, offset: int, ids: dict[str, str]) -> Quote:
    speaker_id = ids.get(quote.speaker_id) if quote.speaker_id else None
    return replace(quote, start=quote.start + offset, end=quote.end + offset,
                   speaker_id=speaker_id)  # fmt: skip


def _shift_stake(stake: Stake, offset: int) -> Stake:
    return replace(stake, start=stake.start + offset, end=stake.end + offset)


class _Merger:
    """Gathers the pieces' briefs into one, actors merged by name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.actors: dict[str, Actor] = {}
        self.quotes: list[Quote] = []
        self.statements: list[Quote] = []
        self.stakes: list[Stake] = []
        self.topics: dict[str, None] = {}
        self.last: Brief | None = None

    def add(self, brief: Brief, offset: int) -> None:
        """Add one piece's brief, its spans at `offset` in the whole text."""
        piece_ids = {}
        for actor in brief.actors:
            key = actor.name.casefold()
            piece_ids[actor.id] = key
            known = self.actors.get(key)
            self.actors[key] = actor if known is None else _merge_actor(known, actor)
        self.quotes += [_shift_quote(q, offset, piece_ids) for q in brief.quotes]
        self.statements += [_shift_quote(s, offset, piece_ids) for s in brief.statements]
        self.stakes += [_shift_stake(s, offset) for s in brief.stakes]
        self.topics.update(dict.fromkeys(brief.topics))
        self.last = brief

    def brief(self, first: Brief, skipped_from: int | None) -> Brief:
        """Return the merged brief: the first piece's article and summary, the whole text."""
        ranked = sorted(self.actors.values(), key=lambda a: (-a.quote_count, -a.mentions))
        new_ids = {a.name.casefold(): f"a{n}" for n, a in enumerate(ranked, start=1)}
        actors = tuple(replace(a, id=new_ids[a.name.casefold()]) for a in ranked)

        def ided(spans: Sequence[Quote]) -> tuple[Quote, ...]:
            return tuple(replace(q, speaker_id=new_ids.get(q.speaker_id or "")) for q in spans)

        article = replace(first.article, text=self.text)
        if skipped_from is not None:
            share = round(100 * skipped_from / max(len(self.text), 1))
            warning = PARTLY_BRIEFED.format(share=share)
            article = replace(article, complete=False, warnings=(*article.warnings, warning))
        merged = replace(
            first,
            article=article,
            actors=actors,
            quotes=ided(self.quotes),
            statements=ided(self.statements),
            stakes=tuple(self.stakes),
            topics=tuple(self.topics)[:MAX_TOPICS],
        )
        return _drop_unverified(merged)


def _merge_actor(known: Actor, other: Actor) -> Actor:
    aliases = tuple(dict.fromkeys((*known.aliases, *other.aliases)))
    return replace(
        known,
        role=known.role or other.role,
        aliases=aliases,
        mentions=known.mentions + other.mentions,
        quote_count=known.quote_count + other.quote_count,
    )


def _drop_unverified(brief: Brief) -> Brief:
    """Keep only spans that are the text at their offsets (the pieces' are; this checks it)."""
    if not check_brief(brief):
        return brief
    text = brief.article.text

    def ok(span: Quote | Stake) -> bool:
        return text[span.start : span.end] == span.text

    return replace(
        brief,
        quotes=tuple(q for q in brief.quotes if ok(q)),
        statements=tuple(s for s in brief.statements if ok(s)),
        stakes=tuple(s for s in brief.stakes if ok(s)),
    )


def _words(piece: str) -> int:
    return len(_WORD.findall(piece))


def brief_in_pieces(
    text: str,
    title: str | None,
    tokenize: Callable[[str], Sized],
    brief_piece: BriefPiece,
    min_words: int,
) -> Brief:
    """Brief a long cleaned text piece by piece and merge the briefs into one.

    A piece with fewer than `min_words` words is debris (lines of marks) and is skipped. The
    pieces share a budget of tokens in proportion to the text's length; once it is spent,
    the rest is left out and the brief says so.

    Raises:
        NothingToBrief: no piece held anything worth a brief.
    """
    merger, first = _Merger(text), None
    budget = len(text) / CHARS_PER_TOKEN
    skipped_from: int | None = None
    for start, end in split_pieces(text, PIECE_CHARS):
        piece = text[start:end]
        if _words(piece) < min_words:
            continue  # debris between pieces of news: nothing a brief could hold
        budget -= len(tokenize(piece))
        if budget < 0:
            skipped_from = start
            break
        merger.add(brief_piece(piece, title if first is None else None), start)
        first = first or merger.last
    if first is None:
        raise NothingToBrief
    return merger.brief(first, skipped_from)
