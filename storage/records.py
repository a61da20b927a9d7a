"""The dataclasses storage functions return: plain values, never raw rows."""

from __future__ import annotations

from dataclasses import dataclass

from bot.briefing.model import Brief

__all__ = [
    "BankQuote",
    "ChannelOwner",
    "ChatRecord",
    "ChatSettings",
    "DigestRecord",
    "FeedRecord",
    "IndexedArticle",
    "PendingItem",
    "RequestEntry",
    "RequestRecord",
    "Speaker",
    "StoredBrief",
    "Subscription",
    "UserRecord",
]


@dataclass(frozen=True, slots=True)
class StoredBrief:
    """A brief as stored: its id (the one put in buttons), its article and when it was made."""

    id: int
    article_id: int
    brief: Brief
    created_at: str


@dataclass(frozen=True, slots=True)
class ChannelOwner:
    """The administrator who set up a channel's topics, and the channel's name."""

    chat_id: int
    user_id: int
    title: str | None
    username: str | None
    paused_topics: tuple[int, ...] | None = None  # paused when the bot lost its rights


@dataclass(frozen=True, slots=True)
class ChatRecord:
    """A chat the bot has talked in; inactive once the bot is blocked or removed."""

    id: int
    type: str
    title: str | None
    active: bool
    inactive_reason: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A user who has written to the bot."""

    id: int
    first_name: str | None
    username: str | None
    language_code: str | None
    created_at: str
    last_seen_at: str


@dataclass(frozen=True, slots=True)
class RequestEntry:
    """One brief request to record: who asked, for what, and how it ended."""

    user_id: int | None
    chat_id: int | None
    kind: str  # "link", "text" or "view"
    outcome: str  # "ok", "cached" or the error class name
    source: str | None = None  # the link, or the text's content hash
    brief_id: int | None = None
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """A recorded request, with its id and time."""

    id: int
    entry: RequestEntry
    created_at: str


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """A chat's time zone and the schedule its topics use unless they have their own."""

    chat_id: int
    time_zone: str = "UTC"
    schedule: str = "daily 08:00"


@dataclass(frozen=True, slots=True)
class Subscription:
    """A topic a chat follows; `schedule` None means the chat's default schedule."""

    id: int
    chat_id: int
    query: str
    fts: str
    schedule: str | None
    paused: bool
    created_at: str
    next_due_at: str | None
    last_digest_at: str | None


@dataclass(frozen=True, slots=True)
class FeedRecord:
    """A feed the bot polls: the operator's (default) or a chat's."""

    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    is_default: bool
    active: bool
    failures: int
    last_error: str | None
    next_poll_at: str | None


@dataclass(frozen=True, slots=True)
class PendingItem:
    """A feed entry still to be fetched and briefed."""

    id: int
    feed_id: int
    url: str
    url_key: str
    title: str | None
    attempts: int


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An article a topic matched, with the brief a digest shows and its story."""

    article_id: int
    brief_id: int
    indexed_at: str
    story_id: int = 0  # the first article of its story (0: its own article id)
    published: str | None = None  # the earliest date a feed gave it (ISO 8601), if any

    @property
    def story(self) -> int:
        """Return the article's story: the first article of it."""
        return self.story_id or self.article_id


@dataclass(frozen=True, slots=True)
class DigestRecord:
    """One briefing pushed to a chat: "sending" until every part went out, then "sent"."""

    id: int
    subscription_id: int
    chat_id: int
    state: str
    parts_sent: int
    skipped: int
    slot_at: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person in the quote bank: `id` is their newest quote's (what a button carries)."""

    id: int
    key: str  # the folded name every quote of theirs is stored under
    name: str  # as their newest quote's brief wrote it
    role: str | None  # from the newest brief that gave one
    quotes: int


@dataclass(frozen=True, slots=True)
class BankQuote:
    """A quote in the bank, with the article it is from."""

    id: int
    brief_id: int
    article_id: int
    speaker: str
    role: str | None
    kind: str  # "direct" or "partial"
    text: str
    before: str  # a partial quote's words around it, else ""
    after: str
    said_at: str  # the article's date, else when it was briefed (UTC, ISO)
    title: str | None
    url: str | None
    site: str | None
