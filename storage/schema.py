"""The schema, in one place: every table created or migrated idempotently at start.

Migrations run in order, each once (sqlite-utils records them in `_sqlite_migrations`), and
each creates with `if_not_exists` so a half-migrated file heals. Add a new function at the
end to change the schema; never edit an applied one.

Tables: chats, users, articles (one row per normalized URL or pasted text; `text` and
`title` are ready for an FTS5 index), briefs (a brief's JSON without the article text, which
it takes from its article), requests (one row per brief asked for).

Subscriptions (m003): chat_settings (a chat's time zone and default schedule), subscriptions
(a chat's topics), feeds and chat_feeds (the operator's default feeds and each chat's own),
feed_items (every entry seen in a feed, linked to its article once briefed), article_index
(FTS5 over the title, text and actor names of feed articles), digests (one briefing pushed
to a chat, with how many of its parts went out) and deliveries (one row per subscription and
article, UNIQUE, so no article is ever in two digests of one topic).

Quote bank (m004, issue 13): quote_bank, one row per attributed quote of a public article's
newest brief, with the speaker's folded name and surname and the article's headline, link
and outlet; filled for the briefs already stored when it is created. Since m008 its rows
outlive the cached briefs: they carry all /who shows and have their own retention.
Reach (m005, issue 12): start_links (a link behind a `t.me/<bot>?start=` deep link) and
channel_owners (the administrator who set up a channel's topics, told when they pause, and
the topics paused when the bot lost its rights there, resumed when it gets them back).
Stories (m006, issue 14): article_stories (each indexed feed article's story, the id of the
first article of it, and its MinHash fingerprint), story_bands (the fingerprint's LSH band
keys, to find near-duplicate candidates by index) and deliveries.story_id (the delivery log
keys on the story: a copy of a story a topic has had is not delivered again).
Hardening (m007, issue 11): rate_events (the per-user rate limit, so a restart keeps it),
brief_parts (the messages of a brief sent in several parts) and indexes on what retention
prunes by.
Memory (m008): the quote bank no longer loses a brief's quotes with the brief (its own,
longer retention prunes it), and start_links record when a deep link was last used.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from storage.quotes import fill_quote_bank

__all__ = ["MIGRATIONS", "migrate"]

MIGRATIONS = Migrations("briefbot")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    """Create chats, users, articles, briefs and requests."""
    db.table("chats").create(
        {"id": int, "type": str, "title": str, "active": int, "inactive_reason": str,
         "created_at": str, "updated_at": str},
        pk="id", not_null=["type", "active"], defaults={"active": 1}, if_not_exists=True,
    )  # fmt: skip
    db.table("users").create(
        {"id": int, "first_name": str, "username": str, "language_code": str,
         "created_at": str, "last_seen_at": str},
        pk="id", if_not_exists=True,
    )  # fmt: skip
    db.table("articles").create(
        {"id": int, "url_key": str, "content_hash": str, "url": str, "title": str,
         "site": str, "byline": str, "published": str, "language": str, "text": str,
         "word_count": int, "created_at": str, "updated_at": str},
        pk="id", not_null=["content_hash", "text"], if_not_exists=True,
    )  # fmt: skip
    db.table("briefs").create(
        {"id": int, "article_id": int, "schema": str, "data": str, "created_at": str},
        pk="id", not_null=["article_id", "data"],
        foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )  # fmt: skip
    db.table("requests").create(
        {"id": int, "user_id": int, "chat_id": int, "kind": str, "source": str,
         "brief_id": int, "outcome": str, "duration_ms": int, "created_at": str},
        pk="id", not_null=["kind", "outcome", "created_at"], if_not_exists=True,
    )  # fmt: skip
    _m001_indexes(db)


def _m001_indexes(db: Database) -> None:
    db.table("articles").create_index(["url_key"], unique=True, if_not_exists=True)
    db.table("articles").create_index(["content_hash"], if_not_exists=True)
    db.table("briefs").create_index(["article_id", "created_at"], if_not_exists=True)
    db.table("requests").create_index(["user_id", "created_at"], if_not_exists=True)
    db.table("requests").create_index(["chat_id", "created_at"], if_not_exists=True)


@MIGRATIONS()
def m002_brief_engine(db: Database) -> None:
    """Record which engine made each brief, so an upgrade does not serve stale briefs."""
    if "engine" not in db.table("briefs").columns_dict:
        db.table("briefs").add_column("engine", str)


@MIGRATIONS()
def m003_subscriptions(db: Database) -> None:
    """Create the tables for topics, feeds, the article index, digests and deliveries."""
    db.table("chat_settings").create(
        {"chat_id": int, "time_zone": str, "schedule": str, "updated_at": str},
        pk="chat_id", if_not_exists=True,
    )  # fmt: skip
    db.table("subscriptions").create(
        {"id": int, "chat_id": int, "query": str, "query_key": str, "fts": str,
         "schedule": str, "paused": int, "created_at": str, "next_due_at": str,
         "last_digest_at": str},
        pk="id", not_null=["chat_id", "query", "query_key", "fts", "paused", "created_at"],
        defaults={"paused": 0}, if_not_exists=True,
    )  # fmt: skip
    db.table("feeds").create(
        {"id": int, "url": str, "url_key": str, "title": str, "etag": str,
         "last_modified": str, "is_default": int, "active": int, "failures": int,
         "last_error": str, "next_poll_at": str, "last_polled_at": str, "created_at": str},
        pk="id", not_null=["url", "url_key", "is_default", "active", "failures"],
        defaults={"is_default": 0, "active": 1, "failures": 0}, if_not_exists=True,
    )  # fmt: skip
    db.table("chat_feeds").create(
        {"chat_id": int, "feed_id": int, "created_at": str},
        pk=("chat_id", "feed_id"), foreign_keys=[("feed_id", "feeds", "id")], if_not_exists=True,
    )  # fmt: skip
    _m003_items_and_deliveries(db)
    _m003_indexes(db)
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS article_index USING fts5("
        "title, body, actors, indexed_at UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )


def _m003_items_and_deliveries(db: Database) -> None:
    db.table("feed_items").create(
        {"id": int, "feed_id": int, "guid": str, "url": str, "url_key": str, "title": str,
         "published": str, "article_id": int, "state": str, "attempts": int, "error": str,
         "seen_at": str},
        pk="id", not_null=["feed_id", "guid", "url", "url_key", "state", "attempts"],
        defaults={"state": "new", "attempts": 0},
        foreign_keys=[("feed_id", "feeds", "id"), ("article_id", "articles", "id")],
        if_not_exists=True,
    )  # fmt: skip
    db.table("digests").create(
        {"id": int, "subscription_id": int, "chat_id": int, "state": str, "parts_sent": int,
         "skipped": int, "slot_at": str, "created_at": str, "sent_at": str, "error": str},
        pk="id", not_null=["subscription_id", "chat_id", "state", "parts_sent", "skipped"],
        defaults={"parts_sent": 0, "skipped": 0}, if_not_exists=True,
    )  # fmt: skip
    db.table("deliveries").create(
        {"id": int, "subscription_id": int, "article_id": int, "brief_id": int,
         "digest_id": int, "state": str, "created_at": str},
        pk="id", not_null=["subscription_id", "article_id", "state"], if_not_exists=True,
    )  # fmt: skip


def _m003_indexes(db: Database) -> None:
    db.table("subscriptions").create_index(
        ["chat_id", "query_key"], unique=True, if_not_exists=True
    )
    db.table("subscriptions").create_index(["next_due_at"], if_not_exists=True)
    db.table("feeds").create_index(["url_key"], unique=True, if_not_exists=True)
    db.table("feed_items").create_index(["feed_id", "guid"], unique=True, if_not_exists=True)
    db.table("feed_items").create_index(["state"], if_not_exists=True)
    db.table("feed_items").create_index(["url_key"], if_not_exists=True)
    db.table("feed_items").create_index(["article_id"], if_not_exists=True)
    db.table("deliveries").create_index(
        ["subscription_id", "article_id"], unique=True, if_not_exists=True
    )
    db.table("deliveries").create_index(["digest_id"], if_not_exists=True)
    db.table("digests").create_index(["state"], if_not_exists=True)


@MIGRATIONS()
def m004_quote_bank(db: Database) -> None:
    """Create the quote bank and fill it from the public briefs already stored (issue 13)."""
    db.table("quote_bank").create(
        {"id": int, "brief_id": int, "article_id": int, "position": int, "speaker": str,
         "name_key": str, "surname_key": str, "role": str, "kind": str, "text": str,
         "before": str, "after": str, "said_at": str, "title": str, "url": str, "site": str},
        pk="id", not_null=["brief_id", "article_id", "speaker", "name_key", "surname_key",
                           "kind", "text", "said_at"],
        if_not_exists=True,
    )  # fmt: skip
    table = db.table("quote_bank")
    table.create_index(["surname_key", "name_key"], if_not_exists=True)
    # In /who's order, so that reading a person's newest quotes stops at the limit.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_quote_bank_newest ON quote_bank "
        "(name_key, said_at DESC, article_id DESC, position)"
    )
    table.create_index(["article_id"], if_not_exists=True)
    table.create_index(["brief_id"], if_not_exists=True)
    # Pruning a brief prunes its quotes, whoever deletes it.
    db.execute(
        "CREATE TRIGGER IF NOT EXISTS quote_bank_prune AFTER DELETE ON briefs "
        "BEGIN DELETE FROM quote_bank WHERE brief_id = OLD.id; END"
    )
    fill_quote_bank(db)


@MIGRATIONS()
def m005_reach(db: Database) -> None:
    """Create start_links (deep links into the bot's chat) and channel_owners (issue 12)."""
    db.table("start_links").create(
        {"token": str, "url": str, "created_at": str},
        pk="token", not_null=["url"], if_not_exists=True,
    )  # fmt: skip
    db.table("channel_owners").create(
        {"chat_id": int, "user_id": int, "title": str, "username": str, "paused_topics": str,
         "updated_at": str},
        pk="chat_id", not_null=["user_id"], if_not_exists=True,
    )  # fmt: skip


@MIGRATIONS()
def m006_stories(db: Database) -> None:
    """Create the story tables and key the delivery log on the story (issue 14)."""
    db.table("article_stories").create(
        {"article_id": int, "story_id": int, "signature": bytes, "shingles": int,
         "created_at": str},
        pk="article_id", not_null=["story_id", "shingles"], if_not_exists=True,
    )  # fmt: skip
    db.table("article_stories").create_index(["story_id"], if_not_exists=True)
    # WITHOUT ROWID: the rows are the index, one B-tree lookup per band key.
    db.execute(
        "CREATE TABLE IF NOT EXISTS story_bands (band_key INTEGER NOT NULL, "
        "article_id INTEGER NOT NULL, PRIMARY KEY (band_key, article_id)) WITHOUT ROWID"
    )
    if "story_id" not in db.table("deliveries").columns_dict:
        db.table("deliveries").add_column("story_id", int)
    # Articles delivered before stories existed are each their own story.
    db.execute("UPDATE deliveries SET story_id = article_id WHERE story_id IS NULL")
    db.table("deliveries").create_index(["subscription_id", "story_id"], if_not_exists=True)


@MIGRATIONS()
def m007_rate_and_retention(db: Database) -> None:
    """Keep the rate limit in a table; index what retention prunes by age (issue 11)."""
    db.table("rate_events").create(
        {"key": int, "at": float}, not_null=["key", "at"], if_not_exists=True
    )
    db.table("rate_events").create_index(["key", "at"], if_not_exists=True)
    db.table("rate_events").create_index(["at"], if_not_exists=True)
    db.table("brief_parts").create(
        {"chat_id": int, "message_id": int, "part_ids": str, "created_at": str},
        pk=("chat_id", "message_id"), not_null=["part_ids", "created_at"], if_not_exists=True,
    )  # fmt: skip
    db.table("brief_parts").create_index(["created_at"], if_not_exists=True)
    # Retention: an entry stays while its feed lists it; an article out of the index stays out.
    if "listed_at" not in db.table("feed_items").columns_dict:
        db.table("feed_items").add_column("listed_at", str)
    if "retired" not in db.table("articles").columns_dict:
        db.table("articles").add_column("retired", int, not_null_default=0)
    db.table("articles").create_index(["updated_at"], if_not_exists=True)
    db.table("feed_items").create_index(["listed_at"], if_not_exists=True)
    db.table("deliveries").create_index(["created_at"], if_not_exists=True)
    db.table("digests").create_index(["created_at"], if_not_exists=True)
    db.table("requests").create_index(["created_at"], if_not_exists=True)


@MIGRATIONS()
def m008_quote_bank_memory(db: Database) -> None:
    """Let the quote bank outlive cached briefs; date deep links by their last use."""
    db.execute("DROP TRIGGER IF EXISTS quote_bank_prune")
    db.table("quote_bank").create_index(["said_at"], if_not_exists=True)
    db.table("quote_bank").create_index(["url"], if_not_exists=True)
    if "used_at" not in db.table("start_links").columns_dict:
        db.table("start_links").add_column("used_at", str)
    db.execute("UPDATE start_links SET used_at = created_at WHERE used_at IS NULL")
    db.table("start_links").create_index(["used_at"], if_not_exists=True)


def migrate(db: Database) -> None:
    """Apply every pending migration; a no-op on an up-to-date database."""
    MIGRATIONS.apply(db)
