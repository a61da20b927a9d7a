"""The quote bank: every attributed quote of the public articles the bot has briefed.

One row per quote of an article's newest brief, with its speaker's name folded for look-up
(case and accents ignored) and the speaker's last word as the surname, so `/who ortiz` finds
"Lena Ortiz". Only public articles are indexed: links and feed items, which have a URL key.
Texts users pasted or forwarded (no URL key) never enter it. A new brief of an article
replaces that article's rows, and those of any earlier article at the same link. The rows
carry all /who shows, so they outlive the cached briefs; `storage.retention` prunes them by
their own, longer period.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from bot.briefing.model import Brief, Quote
from bot.briefing.render import partial_context
from bot.briefing.serialize import brief_from_dict
from storage.records import BankQuote, Speaker

__all__ = [
    "MAX_SPEAKER_QUOTES",
    "fill_quote_bank",
    "find_speakers",
    "get_speaker",
    "index_quotes",
    "list_speaker_quotes",
    "name_key",
]

logger = logging.getLogger(__name__)

MAX_SPEAKER_QUOTES = 500  # the newest quotes of one person that /who pages through
ROLE_QUOTES = 50  # the newest quotes of a person whose briefs may give the role

_COLUMNS = (
    "brief_id", "article_id", "position", "speaker", "name_key", "surname_key", "role",
    "kind", "text", "before", "after", "said_at", "title", "url", "site",
)  # fmt: skip

# The article's headline, link and outlet are copied into each row: /who then reads one
# index range, not the article rows, which hold whole texts (bench/who.py).
_BANK_SELECT = (
    "SELECT id, brief_id, article_id, speaker, role, kind, text, before, after, said_at, "
    "title, url, site FROM quote_bank "
)


def name_key(name: str) -> str:
    """Return a name without case, accents or extra spaces: "Zoë  ORTIZ" -> "zoe ortiz"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", bare).split())


def _said_at(published: str | None, created_at: str) -> str:
    """When the quote was published: the article's date when it has a readable, past one."""
    if not published:
        return created_at
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return created_at
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    # The same text form as storage.db.now_iso, so dates and brief times sort together; a
    # date after the brief was made is a page's mistake and must not pin a quote on top.
    return min(aware.astimezone(UTC).isoformat(timespec="milliseconds"), created_at)


def _speaker_of(brief: Brief, quote: Quote) -> tuple[str, str | None] | None:
    actor = brief.actor(quote.speaker_id)
    name = actor.name if actor is not None else quote.speaker
    if not name or not name_key(name):
        return None
    return name, actor.role if actor is not None else None


def _quote_rows(brief_id: int, article_id: int, brief: Brief, created_at: str) -> list[Any]:
    said_at = _said_at(brief.article.published, created_at)
    rows = []
    for position, quote in enumerate(brief.quotes):
        speaker = _speaker_of(brief, quote)
        if speaker is None:
            continue
        name, role = speaker
        key = name_key(name)
        before, after = ("", "")
        if quote.kind == "partial":
            before, after = partial_context(brief.article.text, quote)
        article = brief.article
        rows.append(
            (brief_id, article_id, position, name, key, key.split()[-1], role, quote.kind,
             quote.text, before, after, said_at, article.title, article.url, article.site)
        )  # fmt: skip
    return rows


def index_quotes(
    db: Database, brief_id: int, article_id: int, brief: Brief, created_at: str
) -> int:
    """Put a public brief's attributed quotes in the bank, replacing its article's older ones.

    Call it inside the transaction that stores the brief. Returns how many quotes went in.
    """
    db.execute("DELETE FROM quote_bank WHERE article_id = ?", [article_id])
    if brief.article.url:
        # The same link briefed again after retention pruned its article row.
        db.execute("DELETE FROM quote_bank WHERE url = ?", [brief.article.url])
    rows = _quote_rows(brief_id, article_id, brief, created_at)
    if rows:
        marks = ", ".join("?" for _ in _COLUMNS)
        db.conn.executemany(
            f"INSERT INTO quote_bank ({', '.join(_COLUMNS)}) VALUES ({marks})", rows
        )
    return len(rows)


def fill_quote_bank(db: Database) -> int:
    """Index the newest brief of every public article not in the bank yet; return how many."""
    missing = db.execute(
        "SELECT MAX(briefs.id) FROM briefs JOIN articles ON articles.id = briefs.article_id "
        "WHERE articles.url_key IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM quote_bank WHERE quote_bank.article_id = articles.id) "
        "GROUP BY articles.id ORDER BY articles.id"
    ).fetchall()
    filled = 0
    for (brief_id,) in missing:  # one brief at a time: a large database holds many texts
        row = db.execute(
            "SELECT briefs.article_id, briefs.data, briefs.created_at, articles.text "
            "FROM briefs JOIN articles ON articles.id = briefs.article_id WHERE briefs.id = ?",
            [brief_id],
        ).fetchone()
        article_id, data, created_at, text = row
        try:
            payload = json.loads(data)
            payload["article"]["text"] = text
            brief = brief_from_dict(payload)
        except (KeyError, TypeError, ValueError):  # a brief of an unreadable older schema
            logger.warning("quote bank: brief %s could not be read; skipped", brief_id)
            continue
        index_quotes(db, int(brief_id), int(article_id), brief, str(created_at))
        filled += 1
    return filled


def find_speakers(db: Database, name: str) -> list[Speaker]:
    """Return the people a name finds: the exact full name, else all whose name ends with it.

    "ortiz", "ORTIZ" and "Lena Ortiz" find "Lena Ortiz"; "ortiz" also finds "Carlos Ortiz",
    and a speaker a brief named only "Ortiz".
    Each speaker comes with the id of their newest quote, their name as last written, their
    latest role and how many quotes they have; the most quoted first.
    """
    key = name_key(name)
    if not key:
        return []
    rows = db.execute(
        "SELECT name_key, COUNT(*) FROM quote_bank WHERE surname_key = ? GROUP BY name_key",
        [key.split()[-1]],
    ).fetchall()
    counts = {str(k): int(n) for k, n in rows if k == key or str(k).endswith(" " + key)}
    if key in counts and " " in key:  # a full name; a bare surname still lists everyone
        counts = {key: counts[key]}
    speakers = [_speaker(db, k, n) for k, n in counts.items()]
    return sorted(speakers, key=lambda s: (-s.quotes, s.name))


def _speaker(db: Database, key: str, quotes: int) -> Speaker:
    # The role is the newest one given among their newest quotes: a person quoted for years
    # without a role must not cost a scan of all their quotes (bench/who.py).
    rows = db.execute(
        "SELECT id, speaker, role FROM quote_bank WHERE name_key = ? "
        "ORDER BY said_at DESC, article_id DESC, position LIMIT ?",
        [key, ROLE_QUOTES],
    ).fetchall()
    role = next((str(row[2]) for row in rows if row[2]), None)
    return Speaker(int(rows[0][0]), key, str(rows[0][1]), role, quotes)


def get_speaker(db: Database, quote_id: int) -> Speaker | None:
    """Return the person who said the quote with this id (the id `find_speakers` gives)."""
    row = db.execute("SELECT name_key FROM quote_bank WHERE id = ?", [quote_id]).fetchone()
    if row is None:
        return None
    count = db.execute("SELECT COUNT(*) FROM quote_bank WHERE name_key = ?", [row[0]]).fetchone()
    return _speaker(db, str(row[0]), int(count[0]))


def list_speaker_quotes(
    db: Database, key: str, limit: int = MAX_SPEAKER_QUOTES
) -> list[BankQuote]:
    """Return a person's quotes (by folded name), newest first, in article order within one."""
    rows = db.execute(
        _BANK_SELECT + "WHERE name_key = ? "
        "ORDER BY said_at DESC, article_id DESC, position LIMIT ?",
        [key, limit],
    ).fetchall()
    return [_bank_quote(row) for row in rows]


def _bank_quote(row: tuple[Any, ...]) -> BankQuote:
    (quote_id, brief_id, article_id, speaker, role, kind, text, before, after, said_at,
     title, url, site) = row  # fmt: skip
    return BankQuote(
        id=int(quote_id), brief_id=int(brief_id), article_id=int(article_id),
        speaker=str(speaker), role=role, kind=str(kind), text=str(text),
        before=before or "", after=after or "", said_at=str(said_at),
        title=title, url=url, site=site,
    )  # fmt: skip
