"""Measure story detection: the copy threshold's recall and false merges, and its cost.

Part one scores `bot.follow.minhash` on texts written for this project
(`tests.helpers.stories`): every event story against many syndicated copies of it (other
headline, "Advertisement" lines, a paragraph trimmed or added, word edits, a partner note),
and every pair of distinct events about the same town and people (with a shared background
paragraph), for a sweep of thresholds. Part two stores 100,000 articles in a SQLite file and
times `assign_story` (fingerprint, band lookup, comparison, save) for new articles, copies
and fresh ones. Both go into docs/performance.md ("Stories") and the sweep into
docs/stories.md.

    .venv/bin/python bench/stories.py [--stored 100000] [--new 300]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docblock import replace_block, replace_section  # noqa: E402

from bot.follow import minhash  # noqa: E402
from bot.follow.minhash import Fingerprint, band_keys, fingerprint, resemblance  # noqa: E402
from bot.follow.stories import assign_story  # noqa: E402
from storage import open_db  # noqa: E402
from tests.helpers.stories import EVENTS, REWRITES, event_story, syndicate  # noqa: E402

TARGET_MS = 5.0
COPIES_PER_EVENT = 200
SWEEP = (0.4, 0.5, 0.6, 0.7, 0.8)


def _text(story: tuple[str, list[str]]) -> str:
    return "\n\n".join([story[0], *story[1]])


def _found(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether LSH makes b a candidate of a: at least one band key in common."""
    return bool(set(band_keys(a)) & set(band_keys(b)))


def measure_quality() -> dict[str, object]:
    """Score copies and distinct stories at each containment threshold."""
    copies, distinct, rewrites = [], [], []
    for event in range(len(EVENTS)):
        original = fingerprint(_text(event_story(event)))
        for seed in range(COPIES_PER_EVENT):
            copy = fingerprint(_text(syndicate(event_story(event), seed * 1000 + event)))
            copies.append((*resemblance(original, copy), _found(original, copy)))
    stories = [event_story(e, background=b) for e in range(len(EVENTS)) for b in (True, False)]
    for a, b in itertools.combinations(range(len(stories)), 2):
        if a // 2 != b // 2:  # two different events
            pa, pb = fingerprint(_text(stories[a])), fingerprint(_text(stories[b]))
            distinct.append(resemblance(pa, pb))
    for event, rewrite in REWRITES.items():
        pa, pb = fingerprint(_text(event_story(event))), fingerprint(_text(rewrite))
        rewrites.append(resemblance(pa, pb))
    rows = []
    for threshold in SWEEP:
        merged = sum(
            1 for j, c, hit in copies if hit and c >= threshold and j >= minhash.MIN_JACCARD
        )
        false = sum(1 for j, c in distinct if c >= threshold and j >= minhash.MIN_JACCARD)
        rows.append((threshold, merged / len(copies), false / len(distinct)))
    return {
        "copies": len(copies),
        "distinct": len(distinct),
        "rows": rows,
        "copy_min_containment": min(c for _j, c, _h in copies),
        "copy_min_jaccard": min(j for j, _c, _h in copies),
        "lsh_recall": sum(1 for *_x, hit in copies if hit) / len(copies),
        "distinct_max_containment": max(c for _j, c in distinct),
        "distinct_max_jaccard": max(j for j, _c in distinct),
        "rewrite_max_containment": max(c for _j, c in rewrites),
    }


def _random_article(rng: random.Random, vocabulary: list[str], weights: list[float]) -> str:
    words = rng.choices(vocabulary, weights, k=rng.randint(300, 900))
    return " ".join(words)


def measure_cost(stored: int, new: int) -> dict[str, float]:
    """Store `stored` articles, then time `assign_story` for `new` more (a third are copies)."""
    rng = random.Random(14)
    vocabulary = [f"w{n}" for n in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf, like words in news
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "stories.db")
        texts: list[str] = []
        with db.atomic():
            for article_id in range(1, stored + 1):
                text = _random_article(rng, vocabulary, weights)
                if article_id <= 1000:
                    texts.append(text)
                assign_story(db, article_id, text)
        timings, copies_found = [], 0
        for n in range(new):
            copy = n % 3 == 0
            text = (
                texts[n] + " Advertisement partner note"
                if copy
                else _random_article(rng, vocabulary, weights)
            )
            started = time.perf_counter()
            story = assign_story(db, stored + 1 + n, text)
            timings.append((time.perf_counter() - started) * 1000)
            copies_found += 1 if copy and story != stored + 1 + n else 0
        db.close()
        size = (Path(tmp) / "stories.db").stat().st_size
    timings.sort()
    return {
        "stored": stored,
        "new": new,
        "mean_ms": statistics.fmean(timings),
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
        "max_ms": timings[-1],
        "copies_found": copies_found / len(range(0, new, 3)),
        "kb_per_article": size / 1024 / (stored + new),
    }


def sweep_table(quality: dict[str, object]) -> str:
    """Render the threshold sweep as a Markdown table between its markers."""
    rows = quality["rows"]
    assert isinstance(rows, list)
    lines = [
        "<!-- stories:start -->",
        f"| containment threshold | copies merged (of {quality['copies']:,}) "
        f"| distinct stories merged (of {quality['distinct']:,} pairs) |",
        "|---:|---:|---:|",
    ]
    for threshold, merged, false in rows:
        mark = " (chosen)" if threshold == minhash.SAME_STORY else ""
        lines.append(f"| {threshold:.1f}{mark} | {merged:.1%} | {false:.1%} |")
    lines += [
        "",
        f"Lowest containment of a copy: {quality['copy_min_containment']:.2f} (Jaccard "
        f"{quality['copy_min_jaccard']:.2f}); highest between distinct stories: "
        f"{quality['distinct_max_containment']:.2f} (Jaccard "
        f"{quality['distinct_max_jaccard']:.2f}); a same-event rewrite by another outlet: "
        f"{quality['rewrite_max_containment']:.2f}. Copies that LSH put among the candidates: "
        f"{quality['lsh_recall']:.1%}.",
        "<!-- stories:end -->",
    ]
    return "\n".join(lines)


def section(quality: dict[str, object], cost: dict[str, float]) -> str:
    """Render the Stories section of docs/performance.md."""
    met = "yes" if cost["p95_ms"] < TARGET_MS else "no"
    return "\n".join(
        [
            "## Stories",
            "",
            "The near-duplicate check a new feed article goes through (`assign_story`: MinHash "
            "fingerprint, LSH band lookup in SQLite, comparison with the candidates, save), "
            f"with {cost['stored']:,.0f} articles stored in a SQLite file. Measured by "
            f"`python bench/stories.py` on {platform.machine()} with {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
            "",
            "| figure | measured | target |",
            "|---|---:|---:|",
            f"| check per new article, mean | **{cost['mean_ms']:.2f} ms** "
            f"| < {TARGET_MS:.0f} ms ({'yes' if cost['mean_ms'] < TARGET_MS else 'no'}) |",
            f"| check per new article, median | {cost['median_ms']:.2f} ms | |",
            f"| check per new article, 95th percentile | {cost['p95_ms']:.2f} ms "
            f"| < {TARGET_MS:.0f} ms ({met}) |",
            f"| check per new article, slowest of {cost['new']:,.0f} | {cost['max_ms']:.2f} ms "
            "| |",
            f"| copies recognised among the new articles | {cost['copies_found']:.0%} | 100% |",
            f"| space per article (fingerprint, band keys, their index) "
            f"| {cost['kb_per_article']:.2f} KB | |",
            "",
            "The threshold, measured on syndicated copies and distinct stories about the same "
            "people (docs/stories.md):",
            "",
            sweep_table(quality),
            "",
        ]
    )


def main() -> int:
    """Measure and write the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--stories-doc", type=Path, default=ROOT / "docs" / "stories.md")
    args = parser.parse_args()
    quality = measure_quality()
    cost = measure_cost(args.stored, args.new)
    text = section(quality, cost)
    print(text)
    replace_section(args.out, "Stories", text)
    if args.stories_doc.exists():
        block = sweep_table(quality)
        replace_block(
            args.stories_doc, "<!-- stories:start -->", "<!-- stories:end -->", block, "Stories"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
