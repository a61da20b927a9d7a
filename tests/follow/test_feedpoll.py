"""FeedService with a scripted network: polling, back-off, deactivation, de-duplication."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.briefing.model import ArticleMeta, Brief
from bot.errors import FetchFailed, InvalidFeed
from bot.follow.feedpoll import FeedService, FeedSettings
from bot.links.fetch import FetchedFeed, Validators
from storage import Database, find_speakers, get_feed, list_chat_feeds, open_db
from tests.helpers.briefs import make_brief
from tests.helpers.clock import FakeClock
from tests.helpers.doubles import CannedPage
from tests.helpers.feeds import Entry, rss

FEED = "https://news.example/feed.xml"
START = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


@dataclass
class ScriptedWeb:
    feeds: dict[str, bytes] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    failing: set[str] = field(default_factory=set)
    fetched: list[str] = field(default_factory=list)
    validators_sent: list[Validators] = field(default_factory=list)

    def key(self, url: str) -> str:
        return url.lower().rstrip("/")

    async def fetch(self, url: str) -> CannedPage:
        self.fetched.append(url)
        if url in self.failing:
            raise FetchFailed(detail="scripted")
        return CannedPage(url, self.pages[url], is_html=False)

    async def fetch_feed(self, url: str, validators: Validators) -> FetchedFeed:
        self.validators_sent.append(validators)
        if url in self.failing:
            raise FetchFailed(detail="scripted")
        body = self.feeds[url]
        tag = f'"{hash(body)}"'
        if validators.etag == tag:
            return FetchedFeed(url, url, 304, validators)
        return FetchedFeed(url, url, 200, Validators(tag, None), body)


class TextBriefer:
    """Extraction keeps the page text; the brief carries the page's URL as its title."""

    def __init__(self) -> None:
        self.briefed: list[str] = []

    async def extract(
        self, page: str, url: str | None, is_html: bool, owner: Hashable | None = None
    ) -> tuple[str, ArticleMeta]:
        return page, ArticleMeta(url=url, title=url)

    async def brief_text(
        self, text: str, meta: ArticleMeta | None, max_chars: int, owner: Hashable | None = None
    ) -> Brief:
        assert meta is not None
        self.briefed.append(str(meta.url))
        brief = make_brief(meta.url, str(meta.title))
        return replace(brief, article=replace(brief.article, text=text))


@pytest.fixture
def db() -> Database:
    return open_db(":memory:")


@pytest.fixture
def web() -> ScriptedWeb:
    return ScriptedWeb()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def service(db: Database, web: ScriptedWeb, clock: FakeClock) -> FeedService:
    settings = FeedSettings(poll_interval=timedelta(minutes=10), max_failures=3)
    return FeedService(db, web, TextBriefer(), settings, clock)


def _publish(web: ScriptedWeb, *stories: tuple[str, str]) -> None:
    web.feeds[FEED] = rss([Entry(url, url) for url, _text in stories])
    web.pages.update(dict(stories))


async def test_add_reads_the_feed_at_once(service: FeedService, web: ScriptedWeb) -> None:
    _publish(web, ("https://news.example/a", "Text A"), ("https://news.example/b", "Text B"))
    added = await service.add(1, FEED)
    assert (added.items, added.added) == (2, True)
    assert await service.ingest() == 2
    assert (await service.add(1, FEED)).added is False


async def test_add_refuses_what_is_not_a_feed(service: FeedService, web: ScriptedWeb) -> None:
    web.feeds[FEED] = b"<html><body>hello</body></html>"
    with pytest.raises(InvalidFeed):
        await service.add(1, FEED)
    assert list_chat_feeds(service.db, 1) == []


async def test_poll_sends_validators_and_reads_304(
    service: FeedService, web: ScriptedWeb, clock: FakeClock
) -> None:
    _publish(web, ("https://news.example/a", "Text A"))
    await service.add(1, FEED)
    clock.set(START + timedelta(minutes=11))
    assert await service.poll_due() == 0
    assert web.validators_sent[-1].etag is not None


async def test_poll_failures_back_off_then_deactivate(
    service: FeedService, web: ScriptedWeb, clock: FakeClock
) -> None:
    _publish(web, ("https://news.example/a", "Text A"))
    feed = (await service.add(1, FEED)).feed
    web.failing.add(FEED)
    due = START + timedelta(minutes=11)
    for failures, backoff in ((1, 20), (2, 40), (3, 80)):
        clock.set(due)
        await service.poll_due()
        stored = get_feed(service.db, feed.id)
        assert stored is not None
        assert stored.failures == failures
        due = clock() + timedelta(minutes=backoff)
        assert stored.next_poll_at is not None
        assert abs(datetime.fromisoformat(stored.next_poll_at) - due) < timedelta(seconds=1)
    assert get_feed(service.db, feed.id).active is False  # type: ignore[union-attr]
    clock.set(due + timedelta(days=1))
    polls = len(web.validators_sent)
    await service.poll_due()
    assert len(web.validators_sent) == polls  # a deactivated feed is left alone


async def test_ingest_briefs_each_article_once(
    service: FeedService, web: ScriptedWeb, db: Database
) -> None:
    _publish(
        web,
        ("https://news.example/a", "Same text"),
        ("https://news.example/copy", "Same text"),
        ("https://news.example/b", "Other text"),
    )
    await service.add(1, FEED)
    other = "https://other.example/feed"
    web.feeds[other] = rss([Entry("https://NEWS.example/a/", "again")])
    await service.add(2, other)
    assert await service.ingest() == 2
    briefer = service.briefer
    assert isinstance(briefer, TextBriefer)
    assert sorted(briefer.briefed) == ["https://news.example/a", "https://news.example/b"]
    linked = db.execute("SELECT COUNT(DISTINCT article_id), COUNT(*) FROM feed_items").fetchone()
    assert tuple(linked) == (2, 4)


async def test_ingest_retries_a_failing_entry_then_gives_up(
    service: FeedService, web: ScriptedWeb, db: Database
) -> None:
    _publish(web, ("https://news.example/a", "Text A"))
    web.failing.add("https://news.example/a")
    await service.add(1, FEED)
    for _ in range(4):
        await service.ingest()
    assert web.fetched.count("https://news.example/a") == 3
    assert db.execute("SELECT state FROM feed_items").fetchone()[0] == "failed"


async def test_first_read_briefs_only_the_newest_entries(
    db: Database, web: ScriptedWeb, clock: FakeClock
) -> None:
    service = FeedService(db, web, TextBriefer(), FeedSettings(first_read_items=2), clock)
    _publish(web, *[(f"https://news.example/{n}", f"Text {n}") for n in range(5)])
    await service.add(1, FEED)
    assert await service.ingest() == 2


async def test_remove_by_number_or_address(service: FeedService, web: ScriptedWeb) -> None:
    _publish(web, ("https://news.example/a", "Text A"))
    await service.add(1, FEED)
    assert service.remove(1, "2") is None
    assert service.remove(1, FEED.upper()) is not None
    assert service.feeds(1) == []


async def test_ingest_puts_feed_articles_quotes_in_the_quote_bank(
    service: FeedService, web: ScriptedWeb, db: Database
) -> None:
    _publish(web, ("https://news.example/a", "One text"), ("https://news.example/b", "Other"))
    await service.add(1, FEED)
    assert await service.ingest() == 2
    (speaker,) = find_speakers(db, "LEE")
    assert (speaker.name, speaker.quotes) == ("Ann Lee", 2)
