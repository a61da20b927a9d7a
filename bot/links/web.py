"""The web behind a link: a URL's cache key and its page (or feed), through the safe fetcher.

`WebLinks` wraps `bot.links.fetch` (one shared `FetchClient`, opened and closed with the bot)
and `bot.links.netpolicy.normalize_url`; the briefing service sees only the small `LinkSource`
shape.
"""

from __future__ import annotations

from typing import Protocol

from bot.config import FetchSettings
from bot.links.fetch import (
    FetchClient,
    FetchedFeed,
    FetchedPage,
    Validators,
    fetch_feed,
    fetch_page,
)
from bot.links.netpolicy import normalize_url

__all__ = ["LinkSource", "Page", "WebLinks"]


class Page(Protocol):
    """A fetched page as the service needs it."""

    @property
    def final_url(self) -> str:
        """The address after redirects."""

    @property
    def text(self) -> str:
        """The page decoded to text."""

    @property
    def is_html(self) -> bool:
        """Whether the text is HTML (else plain text)."""


class LinkSource(Protocol):
    """Where the service gets a URL's cache key and its page."""

    def key(self, url: str) -> str:
        """Return the cache key of a URL (normalized, tracking parameters stripped)."""

    async def fetch(self, url: str) -> Page:
        """Fetch the page at a URL; raise a FetchError subclass when that fails."""


class WebLinks:
    """The real web, through the SSRF-safe fetcher."""

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self._client: FetchClient | None = None

    async def open(self) -> None:
        """Create the shared HTTP client."""
        self._client = FetchClient()

    async def aclose(self) -> None:
        """Close the shared HTTP client."""
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    def key(self, url: str) -> str:
        """Return the normalized URL, the cache key."""
        return normalize_url(url)

    async def fetch(self, url: str) -> FetchedPage:
        """Fetch a page safely with the shared client."""
        return await fetch_page(url, self.settings, client=self._client)

    async def fetch_feed(self, url: str, validators: Validators) -> FetchedFeed:
        """Fetch a feed safely with a conditional GET, with the shared client."""
        return await fetch_feed(url, self.settings, validators, client=self._client)
