"""Storage: small verb functions over SQLite (sqlite-utils) returning our dataclasses.

Only this package imports `sqlite_utils`. Every function takes a `Database` and returns a
dataclass from `storage.records` (never a raw row). The schema is created and migrated in one
place, `storage.schema.migrate`, which `open_db` runs. Calls are small and local: make them
from the event loop thread that opened the database, never from `to_thread`.
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
from storage.records import ChatRecord, RequestEntry, RequestRecord, StoredBrief, UserRecord
from storage.requests import list_requests, record_request
from storage.schema import migrate

__all__ = [
    "ChatRecord",
    "Database",
    "RequestEntry",
    "RequestRecord",
    "StoredBrief",
    "UserRecord",
    "get_brief",
    "get_cached_brief",
    "get_chat",
    "get_pasted_brief",
    "get_user",
    "list_requests",
    "mark_chat_active",
    "mark_chat_inactive",
    "migrate",
    "open_db",
    "record_request",
    "save_brief",
    "save_chat",
    "save_user",
]
