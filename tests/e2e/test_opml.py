"""Feeds out and in as OPML, end to end: /export sends a file, /import reads one (issue 12)."""

from __future__ import annotations

import pytest

from bot.localapi import ApiCall, ControlClient
from handlers import messages
from tests.helpers.feeds import FeedSite, harbor_story

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot")]

USER = 770_001
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<opml version="2.0"><head><title>&b;</title></head>
<body><outline text="x" xmlUrl="http://127.0.0.1:9/&b;"/></body></opml>"""


def _opml(*urls: str) -> bytes:
    outlines = "".join(f'<outline type="rss" text="Feed" xmlUrl="{url}"/>' for url in urls)
    return (
        '<?xml version="1.0" encoding="utf-8"?><opml version="1.0"><head><title>Mine</title>'
        f'</head><body><outline text="News">{outlines}</outline></body></opml>'
    ).encode()


async def _say(control: ControlClient, user: int, command: str, args: str = "") -> ApiCall:
    since = await control.cursor()
    await control.inject_command(command, args, user_id=user)
    return await control.wait_for_call(
        ("sendMessage", "sendDocument"), chat_id=user, since=since, timeout=30
    )


async def _send_file(control: ControlClient, user: int, file_id: str, caption: str) -> ApiCall:
    since = await control.cursor()
    await control.inject_message(caption=caption, document=file_id, user_id=user)
    return await control.wait_for_call("sendMessage", chat_id=user, since=since, timeout=60)


async def test_export_then_import_round_trips_a_chats_feeds(
    control: ControlClient, feed_site: FeedSite
) -> None:
    first = feed_site.add_feed("opml-a", title="Alder Gazette")
    second = feed_site.add_feed("opml-b", fmt="atom", title="Bell Harbor News")
    feed_site.publish("opml-a", "opml-a-1", harbor_story(301))
    for feed in (first, second):
        await _say(control, USER, "addfeed", feed)
    exported = await _say(control, USER, "export")
    assert exported.method == "sendDocument"
    assert exported.ok
    document = exported.result["document"]
    assert document["file_name"] == "briefbot-feeds.opml"
    assert exported.result["caption"].startswith("This chat's 2 feeds, as OPML.")
    other = USER + 1
    report = await _send_file(control, other, document["file_id"], "/import")
    assert report.result["text"].startswith("Imported feeds: 2 added, 0 already here, 0 failed.")
    listed = await _say(control, other, "feeds")
    mine = await _say(control, USER, "feeds")
    assert listed.result["text"] == mine.result["text"]
    assert "Alder Gazette" in listed.result["text"]
    assert "Bell Harbor News" in listed.result["text"]


async def test_import_reports_what_failed_and_why(
    control: ControlClient, feed_site: FeedSite
) -> None:
    good = feed_site.add_feed("opml-good", title="Cedar Post")
    missing = feed_site.url("/no-such-feed")
    private = "http://10.1.2.3/feed.xml"
    upload = await control.upload_file(_opml(good, missing, private, good), "mine.opml")
    report = (await _send_file(control, USER, upload["file_id"], "/import")).result["text"]
    assert report.startswith("Imported feeds: 1 added, 0 already here, 2 failed.")
    assert "✓ Cedar Post" in report
    assert f"✗ {missing}: " in report
    assert f"✗ {private}: " in report
    again = await control.upload_file(_opml(good), "again.opml")
    report = (await _send_file(control, USER, again["file_id"], "/import")).result["text"]
    assert report.startswith("Imported feeds: 0 added, 1 already here, 0 failed.")


async def test_import_as_a_reply_to_a_file(control: ControlClient, feed_site: FeedSite) -> None:
    feed = feed_site.add_feed("opml-reply", title="Dune Weekly")
    upload = await control.upload_file(_opml(feed), "reader-export.xml")
    update = await control.inject_message(document=upload["file_id"], user_id=USER + 2)
    since = await control.cursor()
    reply_to = update["message"]["message_id"]
    await control.inject_command("import", user_id=USER + 2, reply_to_message_id=reply_to)
    report = await control.wait_for_call("sendMessage", chat_id=USER + 2, since=since, timeout=30)
    assert "1 added" in report.result["text"]
    assert "✓ Dune Weekly" in report.result["text"]


async def test_import_refuses_xml_entity_tricks(
    control: ControlClient, feed_site: FeedSite
) -> None:
    upload = await control.upload_file(BOMB, "bomb.opml")
    reply = await _send_file(control, USER, upload["file_id"], "/import")
    assert "XML entities or a DTD, which I refuse for safety" in reply.result["text"]


async def test_import_refuses_a_file_over_1_mb_before_downloading_it(
    control: ControlClient,
) -> None:
    big = _opml("http://127.0.0.1:9/feed") + b"<!--" + b"x" * (1024 * 1024) + b"-->"
    upload = await control.upload_file(big, "big.opml")
    since = await control.cursor()
    reply = await _send_file(control, USER, upload["file_id"], "/import")
    assert "I read OPML files up to 1 MB" in reply.result["text"]
    assert await control.calls("getFile", since=since) == []


async def test_import_and_export_without_a_file_or_feeds_explain(control: ControlClient) -> None:
    user = USER + 3
    assert (await _say(control, user, "import")).result["text"] == messages.IMPORT_USAGE
    assert (await _say(control, user, "export")).result["text"] == messages.EXPORT_NO_FEEDS
