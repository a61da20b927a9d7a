"""Render a Brief as plain text (terminal) or as Telegram HTML messages.

A view picks what to show: `full`, `quotes` (every quote grouped by speaker, with the
speaker's role; partial quotes in the words around them), `actors` or `stakes`.
HTML output is a list of messages, each at most 4096 characters once Telegram has
parsed its entities, split between blocks so that every part is valid HTML on its own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.cleanup import SENTENCE_BREAK
from bot.briefing.model import Actor, Brief, Quote, Stake

__all__ = [
    "TELEGRAM_LIMIT",
    "VIEWS",
    "partial_context",
    "render_html",
    "render_text",
    "speaker_label",
    "visible_length",
]

VIEWS = ("full", "quotes", "actors", "stakes")
TELEGRAM_LIMIT = 4096
FULL_VIEW_QUOTES = 8
FULL_VIEW_ACTORS = 6
CHECKED_NOTE = "every quote checked word for word against the article"
_TAG = re.compile(r"<[^>]+>")
_CONTEXT_WORDS = 12
_CLAUSE_WORDS = 3  # the fewest words a clause cut at its comma keeps before a quote
_REACH_WORDS = 4  # how many more words a partial quote's context takes to open a clause
_DASHES = frozenset({"—", "–", "-"})
_MARKS = "“”\"‘’'«»„"
_NAME_PARTICLES = frozenset(
    "de del della di da du van von der den la le al el bin ibn ben dos das st".split()
)
_OTHER_BREAK = re.compile(r"[!?][\"”’')]*\s+")


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of output with its plain and HTML forms."""

    text: str
    html: str


def visible_length(message: str) -> int:
    """Length of an HTML message as Telegram counts it: UTF-16 units of the visible text."""
    visible = html.unescape(_TAG.sub("", message))
    return len(visible.encode("utf-16-le")) // 2


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def partial_context(text: str, quote: Quote) -> tuple[str, str]:
    """Return the article words just before and after a partial quote, within its sentence."""
    para_start = text.rfind("\n", 0, quote.start) + 1
    para_end = text.find("\n", quote.end)
    para_end = len(text) if para_end < 0 else para_end
    before = _last_sentence(text[para_start : quote.start].rstrip(" “\"‘'«„"))
    after = _first_sentence(text[quote.end : para_end].lstrip("”\"’'»"))
    if quote.text.rstrip("”\"’' ").endswith((".", "!", "?")):
        after = ""  # the quote ends its sentence; what follows is another one
    before_words, after_words = before.split(), after.split()
    left = ("… " if len(before_words) > _CONTEXT_WORDS else "") + " ".join(
        _from_a_clause(_back_to_a_clause(before_words))
        if len(before_words) > _CONTEXT_WORDS
        else before_words
    )
    right = " ".join(after_words[:_CONTEXT_WORDS]) + (
        " …" if len(after_words) > _CONTEXT_WORDS else ""
    )
    return left, right


def _back_to_a_clause(words: list[str]) -> list[str]:
    """The last words before a quote, reaching back a little further to where a clause opens.

    "… band said it would ask fans" reads better as "… the band said it would ask fans".
    """
    shown = words[-_CONTEXT_WORDS:]
    reach = words[-_CONTEXT_WORDS - _REACH_WORDS : -_CONTEXT_WORDS]
    opens = [n for n, w in enumerate(reach) if w.endswith((",", ";", ":")) or w in _DASHES]
    return reach[opens[-1] + 1 :] + shown if opens else shown


def _from_a_clause(words: list[str]) -> list[str]:
    """Cut words begun mid-clause at the last comma, if enough words follow it.

    "… argued the case for the Farmers' Collective, said the ruling was" reads better as
    "… said the ruling was".
    """
    cut = max((n for n, w in enumerate(words[:-1]) if w.endswith(",")), default=-1)
    return words[cut + 1 :] if cut >= 0 and len(words) - cut - 1 >= _CLAUSE_WORDS else words


def _breaks(text: str) -> list[re.Match[str]]:
    """Where sentences end in a text: not after "Mr." or "U.S." (cleanup's rule), or at ! and ?."""
    found = [*SENTENCE_BREAK.finditer(text), *_OTHER_BREAK.finditer(text)]
    return sorted(found, key=lambda m: m.start())


def _last_sentence(text: str) -> str:
    breaks = _breaks(text)
    return text[breaks[-1].end() :] if breaks else text


def _first_sentence(text: str) -> str:
    breaks = _breaks(text)
    return text[: breaks[0].end()].rstrip() if breaks else text


def _gaps(text: str, quote: Quote, left: str, right: str) -> tuple[str, str]:
    """The spaces around a partial quote's marks, as the article has them.

    `law”, saying` keeps its comma next to the closing mark (issue 10).
    """
    before = text[max(0, quote.start - 8) : quote.start].rstrip(_MARKS)
    after = text[quote.end : quote.end + 8].lstrip(_MARKS)
    lgap = " " if left and (not before or before[-1].isspace()) else ""
    rgap = " " if right and (not after or after[0].isspace()) else ""
    return lgap, rgap


def _quote_line(brief: Brief, run: list[Quote], with_speaker: bool) -> _Line:
    """One line for a quote, or for partial quotes of one sentence with the words between."""
    text = brief.article.text
    first, last = run[0], run[-1]
    body_text, body_html = "", ""
    for quote, nxt in zip(run, [*run[1:], None], strict=True):
        body_text += f"“{quote.text}”"
        body_html += f"“{_e(quote.text)}”"
        if nxt is not None:
            between = text[quote.end : nxt.start].strip(_MARKS)
            rgap = _gaps(text, quote, "", between)[1]
            lgap = _gaps(text, nxt, between, "")[0]
            body_text += f"{rgap}{between.strip()}{lgap}"
            body_html += f"{rgap}<i>{_e(between.strip())}</i>{lgap}"
    if first.kind == "partial":
        left = partial_context(text, first)[0]
        right = partial_context(text, last)[1]
        lgap = _gaps(text, first, left, right)[0]
        rgap = _gaps(text, last, left, right)[1]
        body_text = f"{left}{lgap}{body_text}{rgap}{right}".strip()
        body_html = f"<i>{_e(left)}</i>{lgap}{body_html}{rgap}<i>{_e(right)}</i>".replace(
            "<i></i>", ""
        ).strip()
    if not with_speaker:
        return _Line(f"  - {body_text}", f"• {body_html}")
    who = speaker_label(first.speaker)
    return _Line(f"  - {who}: {body_text}", f"• <b>{_e(who)}</b>: {body_html}")


def _sentence_runs(text: str, quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Quotes in order, those of one speaker within one sentence joined in a run.

    "told reporters the fine was “a good start” but warned that it came “years too
    late”" is one line, not the same sentence twice; so is a quote split by its
    attribution ("“We lost,” Marek said, “but not by much.”").
    """
    runs: list[list[Quote]] = []
    for quote in quotes:
        prev = runs[-1][-1] if runs else None
        if prev is not None and _same_sentence(text, prev, quote):
            runs[-1].append(quote)
        else:
            runs.append([quote])
    return runs


def _same_sentence(text: str, a: Quote, b: Quote) -> bool:
    # A direct quote goes on in a partial one: '"We lost," Marek said, "but not by much."'
    if a.kind not in ("partial", "direct") or b.kind != "partial" or b.start < a.end:
        return False
    if (a.speaker_id or a.speaker) != (b.speaker_id or b.speaker):
        return False
    between = text[a.end : b.start]
    if "\n" in between or len(between.split()) > _CONTEXT_WORDS:
        return False
    return not a.text.rstrip(_MARKS + " ").endswith((".", "!", "?")) and not _breaks(between)


def speaker_label(speaker: str | None) -> str:
    """How a quote's speaker heads its line: "One person", not "one person"."""
    if not speaker:
        return "Unattributed"
    first = speaker.split()[0]
    # An unnamed speaker is the article's own words ("one person", "others"); a name that
    # opens with a particle ("de Blasio") keeps it as the article writes it.
    if first.isalpha() and first.islower() and first not in _NAME_PARTICLES:
        return speaker[0].upper() + speaker[1:]
    return speaker


def _actor_line(actor: Actor) -> _Line:
    role = f" — {actor.role}" if actor.role else ""
    return _Line(f"  - {actor.name}{role}", f"• <b>{_e(actor.name)}</b>{_e(role)}")


def _stake_line(stake: Stake) -> _Line:
    who = f" ({stake.actor})" if stake.actor else ""
    return _Line(
        f"  - [{stake.kind}] {stake.text}{who}",
        f"• <i>{stake.kind}</i>: {_e(stake.text)}"
        + (f" — <b>{_e(stake.actor)}</b>" if stake.actor else ""),
    )


def _heading(title: str) -> _Line:
    return _Line(f"{title.upper()}", f"<b>{_e(title)}</b>")


def _header(brief: Brief) -> list[_Line]:
    article = brief.article
    title = article.title or "Untitled article"
    title_html = (
        f'<a href="{html.escape(article.url)}">{_e(title)}</a>' if article.url else _e(title)
    )
    lines = [_Line(title, f"<b>{title_html}</b>")]
    if brief.summary:
        lines.append(_Line(brief.summary[0], f"<i>{_e(brief.summary[0])}</i>"))
    for warning in article.warnings:
        lines.append(_Line(f"Note: {warning}", f"⚠️ {_e(warning)}"))
    return lines


def _footer(brief: Brief) -> list[_Line]:
    article = brief.article
    source = (
        article.site
        or (article.url and re.sub(r"^https?://([^/]+).*$", r"\1", article.url))
        or "pasted text"
    )
    note = f"Source: {source} · {article.word_count:,} words · {CHECKED_NOTE}"
    return [_Line(note, f"<i>{_e(note)}</i>")]


def _quotes_by_speaker(brief: Brief) -> list[list[_Line]]:
    groups: dict[str, list[Quote]] = {}
    for quote in brief.quotes:
        groups.setdefault(quote.speaker_id or quote.speaker or "", []).append(quote)
    blocks = []
    for key, quotes in groups.items():
        actor = brief.actor(quotes[0].speaker_id)
        name = speaker_label(quotes[0].speaker)
        role = f" — {actor.role}" if actor and actor.role else ""
        head = _Line(f"{name}{role}", f"<b>{_e(name)}</b>{_e(role)}")
        runs = _sentence_runs(brief.article.text, quotes)
        blocks.append([head] + [_quote_line(brief, run, with_speaker=False) for run in runs])
        del key
    return blocks


def _section(title: str, lines: list[_Line], empty: str) -> list[list[_Line]]:
    return [[_heading(title)] + (lines or [_Line(empty, f"<i>{_e(empty)}</i>")])]


def _blocks(brief: Brief, view: str) -> list[list[_Line]]:
    """The brief as blocks of lines; a message may be split between blocks only."""
    blocks: list[list[_Line]] = [_header(brief)]
    if view == "quotes":
        count = len(brief.quotes)
        blocks.append([_heading(f"Quotes only ({count})")])
        blocks += _quotes_by_speaker(brief) or [
            [_Line("No quotes in this article.", "<i>No quotes in this article.</i>")]
        ]
    if view in ("full", "actors"):
        actors = brief.actors if view == "actors" else brief.actors[:FULL_VIEW_ACTORS]
        blocks += _section("Key actors", [_actor_line(a) for a in actors], "No actors found.")
    if view == "full":
        shown = brief.quotes[:FULL_VIEW_QUOTES]
        runs = _sentence_runs(brief.article.text, shown)
        lines = [_quote_line(brief, run, with_speaker=True) for run in runs]
        if len(brief.quotes) > len(shown):
            more = f"…and {len(brief.quotes) - len(shown)} more: see Quotes only."
            lines.append(_Line(f"  {more}", f"<i>{_e(more)}</i>"))
        blocks += _section("Quotes", lines, "No quotes in this article.")
    if view in ("full", "stakes"):
        blocks += _section("Stakes", [_stake_line(s) for s in brief.stakes], "No stakes stated.")
    blocks.append(_footer(brief))
    return blocks


def render_text(brief: Brief, view: str = "full") -> str:
    """Render the brief as plain text for a terminal."""
    return (
        "\n\n".join("\n".join(line.text for line in block) for block in _blocks(brief, view))
        + "\n"
    )


def _split_line(line: str, limit: int) -> list[str]:
    """Cut one over-long HTML line into pieces that are each valid and short enough."""
    plain = html.unescape(_TAG.sub("", line))
    pieces: list[str] = []
    current: list[str] = []
    size = 0  # visible length of the current piece, kept as we go (no re-measuring)
    for word in _bounded_words(plain, limit):
        width = _utf16_len(word) + (1 if current else 0)
        if current and size + width > limit:
            pieces.append(_e(" ".join(current)))
            current, size = [], 0
            width = _utf16_len(word)
        current.append(word)
        size += width
    pieces.append(_e(" ".join(current)))
    return pieces


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _bounded_words(plain: str, limit: int) -> list[str]:
    """Split text at spaces, cutting any single word longer than the limit."""
    words = []
    for word in plain.split(" "):
        while len(word.encode("utf-16-le")) // 2 > limit:
            words.append(word[: limit // 2])
            word = word[limit // 2 :]
        words.append(word)
    return words


def render_html(brief: Brief, view: str = "full", limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Render the brief as Telegram HTML messages, each within Telegram's length limit."""
    parts: list[str] = []
    current = ""
    for block in _blocks(brief, view):
        for piece in _block_pieces("\n".join(line.html for line in block), limit):
            candidate = f"{current}\n\n{piece}" if current else piece
            if visible_length(candidate) <= limit:
                current = candidate
                continue
            if current:
                parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return parts


def _block_pieces(block: str, limit: int) -> list[str]:
    if visible_length(block) <= limit:
        return [block]
    pieces: list[str] = []
    for line in block.split("\n"):
        pieces += [line] if visible_length(line) <= limit else _split_line(line, limit)
    return pieces
