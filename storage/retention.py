"""Retention: what is older than the retention period is pruned, so nothing grows forever.

Pruned, in this order, all in one transaction (issue 11):

1. the article index (feed articles a topic can match) indexed before the cutoff; the
   article is marked retired, and a retired article is never indexed again;
2. the delivery log of articles no longer in the index (an article out of the index can no
   longer be matched, so its "already sent" rows are no longer needed), unless another copy
   of the same story is still indexed;
3. digests that no delivery row points to any more;
4. feed entries their feed stopped listing before the cutoff (while a feed lists an entry it
   stays, so the entry is not taken for a new one);
5. cached briefs, story fingerprints and articles that nothing above still points to;
6. request records, the rate limit's events, the message groups of sent briefs and deep
   links nobody opened or shared within the period;
7. quote-bank rows said before their own, longer cutoff (/who remembers beyond the cache).

Nothing that belongs to a digest still being sent is touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database

__all__ = ["PruneCounts", "delete_expired"]

_SENDING = (
    "SELECT d.article_id FROM deliveries d JOIN digests g ON g.id = d.digest_id "
    "WHERE g.state = 'sending'"
)
_OLD_INDEX = (
    f"SELECT rowid FROM article_index WHERE indexed_at < :cutoff AND rowid NOT IN ({_SENDING})"
)
_DEAD_ARTICLES = (
    "SELECT id FROM articles WHERE COALESCE(updated_at, created_at) < :cutoff "
    "AND id NOT IN (SELECT rowid FROM article_index) "
    "AND id NOT IN (SELECT article_id FROM feed_items WHERE article_id IS NOT NULL) "
    "AND id NOT IN (SELECT article_id FROM deliveries)"
)
# A story one of whose copies is still in the index: its delivery rows stay, so that copy is
# not sent to a topic that had the story (issue 14 keys the delivery log on the story).
_LIVE_STORIES = (
    "SELECT s.story_id FROM article_stories s JOIN article_index i ON i.rowid = s.article_id"
)
_STEPS = (
    ("retired", f"UPDATE articles SET retired = 1 WHERE id IN ({_OLD_INDEX})"),
    ("index", f"DELETE FROM article_index WHERE rowid IN ({_OLD_INDEX})"),
    ("deliveries", "DELETE FROM deliveries WHERE created_at < :cutoff "
        "AND article_id NOT IN (SELECT rowid FROM article_index) "
        f"AND (story_id IS NULL OR story_id NOT IN ({_LIVE_STORIES})) "
        "AND (digest_id IS NULL OR digest_id NOT IN "
        "(SELECT id FROM digests WHERE state = 'sending'))"),
    ("digests", "DELETE FROM digests WHERE created_at < :cutoff AND state != 'sending' "
        "AND id NOT IN (SELECT digest_id FROM deliveries WHERE digest_id IS NOT NULL)"),
    ("feed_items", "DELETE FROM feed_items WHERE COALESCE(listed_at, seen_at) < :cutoff "
        "AND (article_id IS NULL OR article_id NOT IN (SELECT rowid FROM article_index))"),
    ("briefs", f"DELETE FROM briefs WHERE article_id IN ({_DEAD_ARTICLES})"),
    ("story_bands", f"DELETE FROM story_bands WHERE article_id IN ({_DEAD_ARTICLES})"),
    ("article_stories", f"DELETE FROM article_stories WHERE article_id IN ({_DEAD_ARTICLES})"),
    ("articles", f"DELETE FROM articles WHERE id IN ({_DEAD_ARTICLES})"),
    ("requests", "DELETE FROM requests WHERE created_at < :cutoff"),
    ("brief_parts", "DELETE FROM brief_parts WHERE created_at < :cutoff"),
    ("start_links", "DELETE FROM start_links WHERE COALESCE(used_at, created_at) < :cutoff"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PruneCounts:
    """How many rows each step removed (or, for "retired", marked)."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        """Return the rows removed in all."""
        return sum(n for step, n in self.counts.items() if step != "retired")


def delete_expired(
    db: Database, cutoff: str, now: float, quote_cutoff: str | None = None
) -> PruneCounts:
    """Prune what is older than `cutoff` (a stored UTC timestamp); `now` is epoch seconds.

    Quotes said before `quote_cutoff` leave the quote bank; None keeps them all.
    """
    counts: dict[str, int] = {}
    with db.atomic():
        for step, sql in _STEPS:
            counts[step] = db.execute(sql, {"cutoff": cutoff}).rowcount
        counts["rate_events"] = db.execute(
            "DELETE FROM rate_events WHERE at < ?", [now - 24 * 3600]
        ).rowcount
        if quote_cutoff is not None:
            counts["quote_bank"] = db.execute(
                "DELETE FROM quote_bank WHERE said_at < ?", [quote_cutoff]
            ).rowcount
    return PruneCounts(counts)
