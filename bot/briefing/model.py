"""The Brief model: frozen, slotted dataclasses holding plain values.

Every `text` of a `Quote` or `Stake` is exactly `article.text[start:end]`; `check_brief`
proves it, and the engine calls it before returning a brief.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ACTOR_KINDS",
    "QUOTE_KINDS",
    "SCHEMA",
    "STAKE_KINDS",
    "Actor",
    "Article",
    "ArticleMeta",
    "Brief",
    "Quote",
    "Stake",
    "check_brief",
]

SCHEMA = "briefbot/brief/1"
ACTOR_KINDS = ("person", "organization", "group", "place")
QUOTE_KINDS = ("direct", "partial", "reported")
STAKE_KINDS = ("goal", "risk", "gain", "cost", "condition", "consequence")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text (from a page, or nothing)."""

    url: str | None = None
    title: str | None = None
    site: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    complete: bool = True
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """The article as the engine read it; `text` is what every offset points into."""

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    complete: bool = True
    warnings: tuple[str, ...] = ()

    @property
    def word_count(self) -> int:
        """Count the words of the article text."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organization, group or place the article is about."""

    id: str
    name: str
    kind: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    quote_count: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote, a partial quote, or a reported statement, at its offsets."""

    text: str  # always article.text[start:end]
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    kind: str = "direct"
    verb: str | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class Stake:
    """A goal, risk, gain, cost, condition or consequence the article states."""

    text: str  # always article.text[start:end]
    start: int
    end: int
    kind: str
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Brief:
    """The structured brief of one article."""

    article: Article
    summary: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Quote, ...] = ()
    stakes: tuple[Stake, ...] = ()
    topics: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def actor(self, actor_id: str | None) -> Actor | None:
        """Return the actor with this id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)


def check_brief(brief: Brief) -> list[str]:
    """List every span whose text is not exactly the article text at its offsets."""
    text = brief.article.text
    problems = []
    for label, spans in (
        ("quote", brief.quotes),
        ("statement", brief.statements),
        ("stake", brief.stakes),
    ):
        for span in spans:
            if (
                not 0 <= span.start < span.end <= len(text)
                or text[span.start : span.end] != span.text
            ):
                problems.append(f"{label} at {span.start}:{span.end} is not verbatim")
    return problems
