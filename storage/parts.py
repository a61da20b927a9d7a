"""A brief sent as several messages: the ids of its parts, so a view switch updates them all.

The group is found by the message that carries the buttons (the last part). Only briefs of
two or more parts are recorded (issue 11).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from storage.db import Database, now_iso

__all__ = ["get_brief_parts", "save_brief_parts"]


def save_brief_parts(
    db: Database, chat_id: int, part_ids: Sequence[int], replaces: Sequence[int] = ()
) -> None:
    """Remember the messages a brief's parts went out as, in order (the last has the buttons).

    `replaces` are the ids of the parts these took the place of (a view switch).
    """
    stale = [*part_ids, *replaces]
    marks = ",".join("?" * len(stale))
    with db.atomic():
        db.execute(
            f"DELETE FROM brief_parts WHERE chat_id = ? AND message_id IN ({marks})",
            [chat_id, *stale],
        )
        if len(part_ids) > 1:
            db.execute(
                "INSERT INTO brief_parts (chat_id, message_id, part_ids, created_at) "
                "VALUES (?, ?, ?, ?)",
                [chat_id, part_ids[-1], json.dumps(list(part_ids)), now_iso()],
            )


def get_brief_parts(db: Database, chat_id: int, message_id: int) -> list[int]:
    """Return the message ids of the brief whose buttons are on this message (just it if one)."""
    row = db.execute(
        "SELECT part_ids FROM brief_parts WHERE chat_id = ? AND message_id = ?",
        [chat_id, message_id],
    ).fetchone()
    return [int(i) for i in json.loads(row[0])] if row else [message_id]
