from __future__ import annotations

from storage import Database, RequestEntry, list_requests, record_request


def test_record_request_round_trips(fresh_db: Database) -> None:
    entry = RequestEntry(1, 2, "link", "ok", "https://a.example/x", None, 120)
    request_id = record_request(fresh_db, entry)
    (record,) = list_requests(fresh_db)
    assert (record.id, record.entry) == (request_id, entry)


def test_list_requests_filters_by_user_newest_first(fresh_db: Database) -> None:
    for user_id, outcome in [(1, "ok"), (2, "ok"), (1, "RateLimited")]:
        record_request(fresh_db, RequestEntry(user_id, user_id, "text", outcome))
    records = list_requests(fresh_db, user_id=1)
    assert [r.entry.outcome for r in records] == ["RateLimited", "ok"]
