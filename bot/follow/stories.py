"""Stories: give each new feed article its story, the one of a stored copy or its own.

A syndicated copy of a wire story (another headline, an "Advertisement" line, a trimmed
paragraph, a partner note) is found by its MinHash fingerprint (`bot.follow.minhash`): the
stored articles that share an LSH band with it are the candidates, and the most similar one
that passes `is_copy` gives its story. An article with no such copy starts a story of its
own, so a story that is not a copy is never folded into another (docs/stories.md).
Articles indexed before stories existed get theirs a batch at a time (`fingerprint_older`),
so copies of them are recognised too.
"""

from __future__ import annotations

import asyncio

from bot.follow.minhash import Fingerprint, band_keys, fingerprint, is_copy, resemblance
from storage import (
    Database,
    get_story,
    list_story_candidates,
    list_unfingerprinted,
    move_deliveries_to_story,
    save_story,
)

__all__ = ["BACKFILL_BATCH", "assign_story", "find_copy", "fingerprint_older"]

BACKFILL_BATCH = 500  # older articles fingerprinted per ingest (about 3 ms each)


def find_copy(db: Database, print_: Fingerprint, keys: list[int]) -> int | None:
    """Return the story of the stored article this fingerprint is a copy of, or None."""
    matches = []
    for candidate in list_story_candidates(db, keys):
        other = Fingerprint(candidate.signature, candidate.shingles)
        if is_copy(print_, other):
            jaccard, containment = resemblance(print_, other)
            matches.append((-(jaccard + containment), candidate.story_id))
    return min(matches)[1] if matches else None  # the closest; the oldest story on a tie


def assign_story(db: Database, article_id: int, text: str) -> int:
    """Give an article its story (once; later calls return the same) and return it."""
    known = get_story(db, article_id)
    if known is not None:
        return known
    print_ = fingerprint(text)
    keys = band_keys(print_)
    story = find_copy(db, print_, keys)
    return save_story(
        db, article_id, story if story is not None else article_id,
        print_.signature, print_.shingles, keys,
    )  # fmt: skip


async def fingerprint_older(db: Database, limit: int = BACKFILL_BATCH) -> int:
    """Give a story to indexed articles from before stories existed; return how many."""
    done = 0
    for article_id, text in list_unfingerprinted(db, limit):
        story = assign_story(db, article_id, text)
        if story != article_id:  # a copy of an article it was delivered as: the story counts
            move_deliveries_to_story(db, article_id, story)
        done += 1
        await asyncio.sleep(0)  # a few milliseconds each: let other updates through
    return done
