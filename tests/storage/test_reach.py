"""Deep-link tokens and channel owners (issue 12)."""

from __future__ import annotations

import re

from storage import (
    ChannelOwner,
    Database,
    get_channel_owner,
    get_start_link,
    save_channel_owner,
    save_start_link,
    set_channel_paused_topics,
)

URL = "https://gazette.example/harbor-bridge?utm_source=x"


def test_save_start_link_gives_the_same_short_token_for_the_same_link(fresh_db: Database) -> None:
    token = save_start_link(fresh_db, URL)
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", token)
    assert save_start_link(fresh_db, URL) == token
    assert save_start_link(fresh_db, URL + "&b=2") != token
    assert get_start_link(fresh_db, token) == URL


def test_opening_a_deep_link_dates_its_last_use(fresh_db: Database) -> None:
    token = save_start_link(fresh_db, URL)
    fresh_db.execute("UPDATE start_links SET used_at = '2026-01-01T00:00:00.000+00:00'")
    assert get_start_link(fresh_db, token) == URL
    (used_at,) = fresh_db.execute("SELECT used_at FROM start_links").fetchone()
    assert used_at > "2026-01-02"


def test_get_start_link_of_an_unknown_token_is_none(fresh_db: Database) -> None:
    assert get_start_link(fresh_db, "nope") is None


def test_save_channel_owner_keeps_the_last_admin_and_the_paused_topics(
    fresh_db: Database,
) -> None:
    save_channel_owner(fresh_db, -100_1, 7, "Harbor News", "harbornews")
    set_channel_paused_topics(fresh_db, -100_1, [3, 5])
    save_channel_owner(fresh_db, -100_1, 8, "Harbor News Daily", None)
    assert get_channel_owner(fresh_db, -100_1) == ChannelOwner(
        -100_1, 8, "Harbor News Daily", None, (3, 5)
    )
    set_channel_paused_topics(fresh_db, -100_1, None)
    owner = get_channel_owner(fresh_db, -100_1)
    assert owner is not None
    assert owner.paused_topics is None
    assert get_channel_owner(fresh_db, -100_2) is None
