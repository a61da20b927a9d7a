"""Test doubles for the briefing service's two edges: the link source and the briefer."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from bot.briefing.model import ArticleMeta, Brief
from bot.errors import BriefingError, FetchError
from tests.helpers.briefs import make_brief


@dataclass(frozen=True)
class CannedPage:
    final_url: str
    text: str
    is_html: bool = True


@dataclass
class CannedLinks:
    errors: dict[str, FetchError] = field(default_factory=dict)
    fetched: list[str] = field(default_factory=list)

    def key(self, url: str) -> str:
        return url.lower().rstrip("/")

    async def fetch(self, url: str) -> CannedPage:
        self.fetched.append(url)
        if url in self.errors:
            raise self.errors[url]
        return CannedPage(url, f"<html><body><p>Article at {url}</p></body></html>")


@dataclass
class CannedBriefer:
    brief: Brief = field(default_factory=make_brief)
    texts: list[str] = field(default_factory=list)
    error: BriefingError | None = None  # raised by brief_text (a job over the time limit)
    owners: list[Hashable | None] = field(default_factory=list)

    async def extract(
        self, page: str, url: str | None, is_html: bool, owner: Hashable | None = None
    ) -> tuple[str, ArticleMeta]:
        return self.brief.article.text, ArticleMeta(url=url, title=self.brief.article.title)

    async def brief_text(
        self, text: str, meta: ArticleMeta | None, max_chars: int, owner: Hashable | None = None
    ) -> Brief:
        self.texts.append(text)
        self.owners.append(owner)
        if self.error is not None:
            raise self.error
        return self.brief
