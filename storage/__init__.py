"""Storage: small verb functions over SQLite (sqlite-utils) returning our dataclasses.

Only this package imports `sqlite_utils`. Every function takes a `Database` and returns a
dataclass from `storage.records` (never a raw row). The schema is created and migrated in one
place, `storage.schema.migrate`, which `open_db` runs. Calls are small and local: make them
from the event loop thread that opened the database, never from `to_thread`.

It may import the engine's model and serializer (`bot.briefing`) and `bot.version`; never
`telegram`, `handlers` or `bot.links` (import-linter checks this). Users: the briefing
service (`bot.service`), `bot.follow`, `bot.app` (`open_db`), `bot.cli` (`briefbot who`) and
`handlers.messages`.
"""

from storage.briefs import get_brief, get_cached_brief, get_pasted_brief, save_brief
from storage.chats import (
    get_chat,
    get_user,
    mark_chat_active,
    mark_chat_inactive,
    save_chat,
    save_user,
)
from storage.db import Database, open_db
from storage.deliveries import (
    count_deliveries,
    fail_digest,
    finish_digest,
    get_digest,
    list_digest_articles,
    list_open_digests,
    list_pending_articles,
    open_digest,
    set_parts_sent,
)
from storage.feeds import (
    NewItem,
    add_chat_feed,
    get_feed,
    link_item,
    list_chat_feeds,
    list_due_feeds,
    list_pending_items,
    record_poll,
    record_poll_failure,
    remove_chat_feed,
    save_feed,
    save_feed_items,
    set_default_feeds,
    set_item_failed,
)
from storage.index import find_indexed_article, get_latest_brief_id, index_article
from storage.parts import get_brief_parts, save_brief_parts
from storage.quotes import (
    fill_quote_bank,
    find_speakers,
    get_speaker,
    list_speaker_quotes,
    name_key,
)
from storage.ratelimits import take_rate_slot
from storage.reach import (
    get_channel_owner,
    get_start_link,
    save_channel_owner,
    save_start_link,
    set_channel_paused_topics,
)
from storage.records import (
    BankQuote,
    ChannelOwner,
    ChatRecord,
    ChatSettings,
    DigestRecord,
    FeedRecord,
    IndexedArticle,
    PendingItem,
    RequestEntry,
    RequestRecord,
    Speaker,
    StoredBrief,
    Subscription,
    UserRecord,
)
from storage.requests import list_requests, record_request
from storage.retention import PruneCounts, delete_expired
from storage.schema import migrate
from storage.stories import (
    StoryCandidate,
    get_story,
    list_story_candidates,
    list_unfingerprinted,
    move_deliveries_to_story,
    save_story,
)
from storage.subscriptions import (
    delete_subscription,
    get_chat_settings,
    get_earliest_due,
    get_subscription,
    list_due_subscriptions,
    list_instant_subscriptions,
    list_subscriptions,
    move_chat,
    save_chat_settings,
    save_subscription,
    set_next_due,
    set_subscription_paused,
    set_subscription_schedule,
)

__all__ = [
    "BankQuote",
    "ChannelOwner",
    "ChatRecord",
    "ChatSettings",
    "Database",
    "DigestRecord",
    "FeedRecord",
    "IndexedArticle",
    "NewItem",
    "PendingItem",
    "PruneCounts",
    "RequestEntry",
    "RequestRecord",
    "Speaker",
    "StoredBrief",
    "StoryCandidate",
    "Subscription",
    "UserRecord",
    "add_chat_feed",
    "count_deliveries",
    "delete_expired",
    "delete_subscription",
    "fail_digest",
    "fill_quote_bank",
    "find_indexed_article",
    "find_speakers",
    "finish_digest",
    "get_brief",
    "get_brief_parts",
    "get_cached_brief",
    "get_channel_owner",
    "get_chat",
    "get_chat_settings",
    "get_digest",
    "get_earliest_due",
    "get_feed",
    "get_latest_brief_id",
    "get_pasted_brief",
    "get_speaker",
    "get_start_link",
    "get_story",
    "get_subscription",
    "get_user",
    "index_article",
    "link_item",
    "list_chat_feeds",
    "list_digest_articles",
    "list_due_feeds",
    "list_due_subscriptions",
    "list_instant_subscriptions",
    "list_open_digests",
    "list_pending_articles",
    "list_pending_items",
    "list_requests",
    "list_speaker_quotes",
    "list_story_candidates",
    "list_subscriptions",
    "list_unfingerprinted",
    "mark_chat_active",
    "mark_chat_inactive",
    "migrate",
    "move_chat",
    "move_deliveries_to_story",
    "name_key",
    "open_db",
    "open_digest",
    "record_poll",
    "record_poll_failure",
    "record_request",
    "remove_chat_feed",
    "save_brief",
    "save_brief_parts",
    "save_channel_owner",
    "save_chat",
    "save_chat_settings",
    "save_feed",
    "save_feed_items",
    "save_start_link",
    "save_story",
    "save_subscription",
    "save_user",
    "set_channel_paused_topics",
    "set_default_feeds",
    "set_item_failed",
    "set_next_due",
    "set_parts_sent",
    "set_subscription_paused",
    "set_subscription_schedule",
    "take_rate_slot",
]
