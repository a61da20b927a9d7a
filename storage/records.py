"""The dataclasses storage functions return: plain values, never raw rows."""

from __future__ import annotations

from dataclasses import dataclass

from bot.briefing.model import Brief

__all__ = ["ChatRecord", "RequestEntry", "RequestRecord", "StoredBrief", "UserRecord"]


@dataclass(frozen=True, slots=True)
class StoredBrief:
    """A brief as stored: its id (the one put in buttons), its article and when it was made."""

    id: int
    article_id: int
    brief: Brief
    created_at: str


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
