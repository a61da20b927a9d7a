"""DigestRunner with a scripted sender: due, instant and on-demand digests; what a failure does."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.follow.digest import DigestPart
from bot.follow.digests import DigestRunner, DigestSettings, SendResult, SendStatus
from bot.follow.stories import assign_story, fingerprint_older
from bot.follow.subscriptions import SubscriptionService
from handlers.digest_view import render_digest
from storage import (
    Database,
    NewItem,
    add_chat_feed,
    count_deliveries,
    get_chat,
    index_article,
    link_item,
    list_open_digests,
    list_pending_items,
    open_db,
    save_brief,
    save_feed,
    save_feed_items,
)
from tests.helpers.briefs import SPEECH, make_brief
from tests.helpers.clock import FakeClock
from tests.helpers.stories import event_story, syndicate

CHAT = 42


@dataclass
class ScriptedSender:
    answers: list[SendResult] = field(default_factory=list)
    sent: list[tuple[int, DigestPart]] = field(default_factory=list)

    async def send(self, chat_id: int, part: DigestPart) -> SendResult:
        result = self.answers.pop(0) if self.answers else SendResult(SendStatus.SENT, chat_id)
        if result.status is SendStatus.SENT:
            self.sent.append((result.chat_id, part))
        return result


@dataclass
class World:
    db: Database
    topics: SubscriptionService
    sender: ScriptedSender
    runner: DigestRunner
    clock: FakeClock
    feed_id: int
    stories: int = 0

    def publish(self, title: str = "Bridge story", text: str | None = None) -> int:
        """Store, story and index an article (its own words, so its own event); return its id."""
        self.stories += 1
        url = f"https://news.example/{self.stories}"
        brief = make_brief(url, f"{title} {self.stories}")
        speech = SPEECH.replace("spring", f"{self.stories:06d}")  # the same length: same offsets
        quote = replace(brief.quotes[0], text=speech)
        article = replace(brief.article, text=brief.article.text.replace(SPEECH, speech))
        stored = save_brief(self.db, replace(brief, article=article, quotes=(quote,)),
                            url_key=url, content_hash=f"h{self.stories}")  # fmt: skip
        if text is not None:
            assign_story(self.db, stored.article_id, text)
        index_article(
            self.db, stored.article_id, stored.brief.article.title, "bridge", ["Ann Lee"]
        )
        save_feed_items(self.db, self.feed_id, [NewItem(url, url, url, None, None)])
        item = next(i for i in list_pending_items(self.db) if i.url == url)
        link_item(self.db, item.id, stored.article_id)
        return stored.article_id


def _world(db: Database) -> World:
    clock = FakeClock(datetime(2026, 4, 1, 6, 0, tzinfo=UTC))
    topics, sender = SubscriptionService(db, clock), ScriptedSender()
    settings = DigestSettings(max_items=2)
    runner = DigestRunner(db, topics, sender, render_digest, settings, clock)
    feed = save_feed(db, "https://news.example/feed", "feed")
    add_chat_feed(db, CHAT, feed.id)
    return World(db, topics, sender, runner, clock, feed.id)


@pytest.fixture
def world() -> World:
    return _world(open_db(":memory:"))


def _text(story: tuple[str, list[str]]) -> str:
    return "\n\n".join([story[0], *story[1]])


async def test_deliver_due_sends_once_and_moves_the_due_time(world: World) -> None:
    sub = world.topics.follow(CHAT, "private", None, "bridge").subscription
    world.publish()
    assert await world.runner.deliver_due() == 0  # 08:00 UTC has not come
    world.clock.set(datetime(2026, 4, 3, 9, 0, tzinfo=UTC))  # two slots missed
    assert await world.runner.deliver_due() == 1
    assert await world.runner.deliver_due() == 0
    (moved,) = world.topics.topics(CHAT)
    assert moved.next_due_at == "2026-04-04T08:00:00.000+00:00"
    assert count_deliveries(world.db, sub.id) == 1


async def test_deliver_now_keeps_the_schedule(world: World) -> None:
    sub = world.topics.follow(CHAT, "private", None, "bridge").subscription
    world.publish()
    assert await world.runner.deliver_now(CHAT) == 1
    assert world.topics.topics(CHAT)[0].next_due_at == sub.next_due_at
    assert await world.runner.deliver_now(CHAT) == 0


async def test_older_pending_articles_are_counted_not_shown(world: World) -> None:
    world.topics.follow(CHAT, "private", None, "bridge")
    for _ in range(3):
        world.publish()
    await world.runner.deliver_now(CHAT)
    ((_chat, part),) = world.sender.sent
    assert "1 older matching article was left out" in part.text
    assert len(part.buttons) == 2


async def test_blocked_chat_is_marked_inactive_and_articles_kept(world: World) -> None:
    sub = world.topics.follow(CHAT, "private", None, "bridge").subscription
    world.publish()
    world.sender.answers.append(SendResult(SendStatus.GONE, CHAT, "Forbidden: bot was blocked"))
    assert await world.runner.deliver_now(CHAT) == 0
    assert get_chat(world.db, CHAT).active is False  # type: ignore[union-attr]
    assert count_deliveries(world.db, sub.id, "sending") == 0  # released for when they return


async def test_refused_digest_is_not_tried_again(world: World) -> None:
    sub = world.topics.follow(CHAT, "private", None, "bridge").subscription
    world.publish()
    world.sender.answers.append(SendResult(SendStatus.FAILED, CHAT, "Bad Request: can't parse"))
    await world.runner.deliver_now(CHAT)
    assert await world.runner.deliver_now(CHAT) == 0
    assert count_deliveries(world.db, sub.id, "failed") == 1
    assert world.sender.sent == []


async def test_interrupted_digest_is_resumed_not_reopened(world: World) -> None:
    world.topics.follow(CHAT, "private", None, "bridge")
    world.publish()
    world.sender.answers.append(SendResult(SendStatus.RETRY_LATER, CHAT, "timed out"))
    assert await world.runner.deliver_now(CHAT) == 0
    assert len(list_open_digests(world.db)) == 1
    assert world.runner.next_wake_up() is not None  # a retry is scheduled
    assert await world.runner.resume() == 1
    assert list_open_digests(world.db) == []
    assert len(world.sender.sent) == 1


async def test_migrated_group_moves_its_topics(world: World) -> None:
    world.topics.follow(-5, "group", "G", "bridge")
    add_chat_feed(world.db, -5, world.feed_id)
    world.publish()
    world.sender.answers.append(SendResult(SendStatus.SENT, -1005, migrated_from=-5))
    assert await world.runner.deliver_now(-5) == 1
    assert [s.chat_id for s in world.topics.topics(-1005)] == [-1005]


async def test_instant_topics_get_new_articles(world: World) -> None:
    world.topics.set_default_schedule(CHAT, "instant")
    world.topics.follow(CHAT, "private", None, "bridge")
    world.publish()
    assert await world.runner.deliver_instant() == 1
    assert await world.runner.deliver_instant() == 0


async def test_copy_of_a_delivered_story_is_not_delivered_again(world: World) -> None:
    sub = world.topics.follow(CHAT, "private", None, "bridge").subscription
    world.publish("Bridge story", _text(event_story(0)))
    assert await world.runner.deliver_now(CHAT) == 1
    world.publish("Wire copy", _text(syndicate(event_story(0), seed=7)))  # the next day
    assert await world.runner.deliver_now(CHAT) == 0
    world.publish("Council story", _text(event_story(1)))  # the same people, another event
    assert await world.runner.deliver_now(CHAT) == 1
    assert count_deliveries(world.db, sub.id) == 2
    assert "Council story 3" in world.sender.sent[-1][1].text


async def test_copies_of_articles_from_before_stories_are_recognised(world: World) -> None:
    sub = world.topics.follow(CHAT, "private", None, "bridge").subscription
    old = world.publish("Bridge story")  # indexed before stories existed: no fingerprint
    world.db.execute("UPDATE articles SET text = ? WHERE id = ?", [_text(event_story(0)), old])
    assert await world.runner.deliver_now(CHAT) == 1
    assert await fingerprint_older(world.db) == 1
    assert await fingerprint_older(world.db) == 0
    world.publish("Wire copy", _text(syndicate(event_story(0), seed=7)))
    assert await world.runner.deliver_now(CHAT) == 0
    assert count_deliveries(world.db, sub.id) == 1


async def test_an_older_article_joining_a_story_brings_its_deliveries(world: World) -> None:
    world.topics.follow(CHAT, "private", None, "bridge")
    old = world.publish("Bridge story")
    world.db.execute("UPDATE articles SET text = ? WHERE id = ?", [_text(event_story(0)), old])
    await world.runner.deliver_now(CHAT)
    copy = world.publish("Wire copy", _text(syndicate(event_story(0), seed=7)))
    await fingerprint_older(world.db)
    (story,) = world.db.execute(
        "SELECT story_id FROM deliveries WHERE article_id = ?", [old]
    ).fetchone()
    assert story == copy  # the copy was fingerprinted first, so the story is its own
    world.publish("Third copy", _text(syndicate(event_story(0), seed=9)))
    sent = len(world.sender.sent)
    await world.runner.deliver_now(CHAT)
    assert all("Third copy" not in part.text for _, part in world.sender.sent[sent:])


async def test_story_and_its_copy_in_one_digest_are_one_entry(world: World) -> None:
    world.topics.follow(CHAT, "private", None, "bridge")
    world.publish("Bridge story", _text(event_story(0)))
    world.publish("Wire copy", _text(syndicate(event_story(0), seed=8)))
    world.publish("Council story", _text(event_story(1)))
    await world.runner.deliver_now(CHAT)
    ((_chat, part),) = world.sender.sent
    assert "2 new articles" in part.text
    assert "Bridge story 1</a></b> · news.example · 2 sources" in part.text
    assert "Wire copy" not in part.text
    assert len(part.buttons) == 2


async def test_older_stories_are_counted_once_however_many_copies(world: World) -> None:
    world.topics.follow(CHAT, "private", None, "bridge")
    world.publish("Old story", _text(event_story(2)))
    world.publish("Old copy", _text(syndicate(event_story(2), seed=9)))
    for event in (3, 4):
        world.publish("New story", _text(event_story(event)))
    await world.runner.deliver_now(CHAT)
    ((_chat, part),) = world.sender.sent
    assert "1 older matching article was left out" in part.text  # one story, two copies
    assert await world.runner.deliver_now(CHAT) == 0


async def test_no_copy_is_repeated_after_a_restart(tmp_path: Path) -> None:
    first = _world(open_db(tmp_path / "bot.db"))
    first.topics.follow(CHAT, "private", None, "bridge")
    first.publish("Bridge story", _text(event_story(5)))
    assert await first.runner.deliver_now(CHAT) == 1
    first.db.close()
    again = _world(open_db(tmp_path / "bot.db"))  # a new process on the same file
    again.stories = first.stories
    again.publish("Wire copy", _text(syndicate(event_story(5), seed=10)))
    again.publish("Another event", _text(event_story(6)))
    assert await again.runner.deliver_now(CHAT) == 1
    ((_chat, part),) = again.sender.sent
    assert "Another event 3" in part.text
    assert "Wire copy" not in part.text
