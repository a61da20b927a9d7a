"""Hand-built briefs for the quote bank tests: chosen speakers, each saying chosen words."""

from __future__ import annotations

from collections.abc import Sequence

from bot.briefing.model import Actor, Article, Brief, Quote
from storage import Database, StoredBrief, save_brief


def quoted_brief(
    said: Sequence[tuple[str, str]],
    *,
    title: str = "Harbor news",
    url: str | None = "https://news.example/a",
    site: str | None = "Alder Gazette",
    published: str | None = None,
    roles: dict[str, str] | None = None,
) -> Brief:
    """A verbatim-correct brief in which each (speaker, words) pair is one direct quote."""
    text, quotes, actors = "", [], {}
    for speaker, words in said:
        prefix = f"{text}\n\n" if text else ""
        start = len(prefix) + 1
        text = f"{prefix}“{words},” said {speaker}."
        actor_id = actors.setdefault(speaker, f"a{len(actors) + 1}")
        quotes.append(Quote(words, start, start + len(words), speaker, actor_id, "direct"))
    role_of = roles or {}
    return Brief(
        article=Article(text=text, title=title, url=url, site=site, published=published),
        actors=tuple(
            Actor(id=i, name=n, kind="person", role=role_of.get(n)) for n, i in actors.items()
        ),
        quotes=tuple(quotes),
    )


def save_quoted(db: Database, brief: Brief, key: str | None) -> StoredBrief:
    """Store a brief: a public link's when `key` is a URL key, else a pasted text's."""
    return save_brief(db, brief, url_key=key, content_hash=f"hash-{key}-{brief.article.text}")
