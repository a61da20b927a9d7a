from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.errors import FetchFailed, RateLimited, TooLong
from bot.service import BriefService, Requester, ServiceSettings, Stage, content_hash
from storage import get_chat, get_user, list_requests, open_db
from tests.helpers.doubles import CannedBriefer, CannedLinks

WHO = Requester(user_id=1, chat_id=1, first_name="Ann")
TEXT = "A pasted article about the bridge. " * 20


@pytest.fixture
def links() -> CannedLinks:
    return CannedLinks()


@pytest.fixture
def briefer() -> CannedBriefer:
    return CannedBriefer()


@pytest.fixture
def service(links: CannedLinks, briefer: CannedBriefer) -> Iterator[BriefService]:
    db = open_db(":memory:")
    yield BriefService(db, briefer, links, ServiceSettings(max_chars=2000, briefs_per_minute=3))
    db.close()


async def test_brief_link_reports_stages_and_stores(service: BriefService) -> None:
    stages: list[Stage] = []

    async def progress(stage: Stage) -> None:
        stages.append(stage)

    result = await service.brief_link("https://a.example/x", WHO, progress)
    assert stages == [Stage.FETCHING, Stage.EXTRACTING, Stage.FINDING_QUOTES]
    assert result.cached is False
    assert service.get_brief(result.stored.id) == result.stored


async def test_brief_link_second_time_is_cached(service: BriefService, links: CannedLinks) -> None:
    await service.brief_link("https://a.example/x", WHO)
    again = await service.brief_link("https://A.example/x/", WHO)
    assert again.cached is True
    assert links.fetched == ["https://a.example/x"]


async def test_brief_link_same_link_at_once_fetches_once(
    service: BriefService, links: CannedLinks
) -> None:
    results = await asyncio.gather(
        *(service.brief_link("https://a.example/x", WHO) for _ in range(3))
    )
    assert len({r.stored.id for r in results}) == 1
    assert links.fetched == ["https://a.example/x"]


async def test_brief_link_records_failure(service: BriefService, links: CannedLinks) -> None:
    links.errors["https://a.example/x"] = FetchFailed()
    with pytest.raises(FetchFailed):
        await service.brief_link("https://a.example/x", WHO)
    (record,) = list_requests(service.db)
    assert (record.entry.outcome, record.entry.source) == ("FetchFailed", "https://a.example/x")


async def test_brief_pasted_caches_by_content(service: BriefService) -> None:
    first = await service.brief_pasted(TEXT, WHO)
    again = await service.brief_pasted("  " + TEXT.replace(" ", "  "), WHO)
    assert (first.cached, again.cached) == (False, True)
    assert again.stored.id == first.stored.id


async def test_brief_pasted_too_long_says_why(service: BriefService) -> None:
    with pytest.raises(TooLong, match="2,000"):
        await service.brief_pasted("word " * 1000, WHO)


async def test_rate_limit_counts_fresh_work_only(service: BriefService) -> None:
    for n in range(3):
        await service.brief_link(f"https://a.example/{n}", WHO)
    await service.brief_link("https://a.example/0", WHO)  # cached: free
    with pytest.raises(RateLimited) as caught:
        await service.brief_link("https://a.example/9", WHO)
    assert 0 < caught.value.retry_in <= 60


async def test_rate_limit_spares_admins(links: CannedLinks, briefer: CannedBriefer) -> None:
    settings = ServiceSettings(briefs_per_minute=1, admins=frozenset({1}))
    service = BriefService(open_db(":memory:"), briefer, links, settings)
    for n in range(3):
        await service.brief_link(f"https://a.example/{n}", WHO)


async def test_rate_limit_survives_a_restart(
    links: CannedLinks, briefer: CannedBriefer, tmp_path: Path
) -> None:
    settings = ServiceSettings(briefs_per_minute=2)
    db = open_db(tmp_path / "bot.db")
    before = BriefService(db, briefer, links, settings, clock=lambda: 1000.0)
    for n in range(2):
        await before.brief_link(f"https://a.example/{n}", WHO)
    db.close()  # the bot restarts
    db = open_db(tmp_path / "bot.db")
    after = BriefService(db, briefer, links, settings, clock=lambda: 1030.0)
    with pytest.raises(RateLimited) as caught:
        await after.brief_link("https://a.example/9", WHO)
    assert caught.value.retry_in == pytest.approx(30.0)
    db.close()


async def test_rate_limit_allows_again_after_the_window(
    links: CannedLinks, briefer: CannedBriefer
) -> None:
    now = [0.0]
    service = BriefService(
        open_db(":memory:"), briefer, links, ServiceSettings(briefs_per_minute=1), lambda: now[0]
    )
    await service.brief_link("https://a.example/1", WHO)
    now[0] = 59.0
    with pytest.raises(RateLimited):
        await service.brief_link("https://a.example/2", WHO)
    now[0] = 60.5
    assert (await service.brief_link("https://a.example/2", WHO)).cached is False


async def test_requests_remember_user_and_chat(service: BriefService) -> None:
    await service.brief_pasted(TEXT, WHO)
    user, chat = get_user(service.db, 1), get_chat(service.db, 1)
    assert user is not None
    assert user.first_name == "Ann"
    assert chat is not None
    assert chat.active


def test_content_hash_ignores_spacing() -> None:
    assert content_hash("a  b\nc") == content_hash(" a b \n c \n")
    assert content_hash("a\n\n\n b") == content_hash("a\n\nb")


def test_content_hash_tells_paragraphs_from_one_long_line() -> None:
    # A headline on a line of its own is briefed as the title; run into the text, it is not.
    assert content_hash("Title\nBody text.") != content_hash("Title Body text.")
    assert content_hash("a\nb") != content_hash("a\n\nb")
