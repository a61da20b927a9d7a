"""Brief <-> JSON (schema `briefbot/brief/1`, documented in docs/brief-schema.md)."""

from __future__ import annotations

from typing import Any

from bot.briefing.model import SCHEMA, Actor, Article, Brief, Quote, Stake

__all__ = ["article_to_dict", "brief_from_dict", "brief_to_dict"]


def article_to_dict(article: Article) -> dict[str, Any]:
    """Return the article part of a brief as plain JSON-ready values."""
    return {
        "url": article.url,
        "title": article.title,
        "site": article.site,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "word_count": article.word_count,
        "complete": article.complete,
        "warnings": list(article.warnings),
    }


def _quote_dict(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_id": quote.speaker_id,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "verb": quote.verb,
        "channel": quote.channel,
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """Return the brief as plain JSON-ready values."""
    return {
        "schema": brief.schema,
        "article": article_to_dict(brief.article),
        "summary": list(brief.summary),
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "aliases": list(a.aliases),
                "mentions": a.mentions,
                "quote_count": a.quote_count,
            }
            for a in brief.actors
        ],
        "quotes": [_quote_dict(q) for q in brief.quotes],
        "statements": [_quote_dict(q) for q in brief.statements],
        "stakes": [
            {"text": s.text, "start": s.start, "end": s.end, "actor": s.actor, "kind": s.kind}
            for s in brief.stakes
        ],
        "topics": list(brief.topics),
    }


def _quote(d: dict[str, Any]) -> Quote:
    return Quote(
        text=d["text"],
        start=d["start"],
        end=d["end"],
        speaker=d.get("speaker"),
        speaker_id=d.get("speaker_id"),
        kind=d.get("kind", "direct"),
        verb=d.get("verb"),
        channel=d.get("channel"),
    )


def brief_from_dict(d: dict[str, Any]) -> Brief:
    """Rebuild a brief from its JSON form (as stored or as printed by the CLI)."""
    a = d["article"]
    article = Article(
        text=a["text"],
        title=a.get("title"),
        url=a.get("url"),
        site=a.get("site"),
        byline=a.get("byline"),
        published=a.get("published"),
        language=a.get("language"),
        complete=a.get("complete", True),
        warnings=tuple(a.get("warnings", ())),
    )
    return Brief(
        article=article,
        summary=tuple(d.get("summary", ())),
        actors=tuple(
            Actor(
                id=x["id"],
                name=x["name"],
                kind=x["kind"],
                role=x.get("role"),
                aliases=tuple(x.get("aliases", ())),
                mentions=x.get("mentions", 0),
                quote_count=x.get("quote_count", 0),
            )
            for x in d.get("actors", ())
        ),
        quotes=tuple(_quote(q) for q in d.get("quotes", ())),
        statements=tuple(_quote(q) for q in d.get("statements", ())),
        stakes=tuple(
            Stake(s["text"], s["start"], s["end"], s["kind"], s.get("actor"))
            for s in d.get("stakes", ())
        ),
        topics=tuple(d.get("topics", ())),
        schema=d.get("schema", SCHEMA),
    )
