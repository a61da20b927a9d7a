"""The project's own brief gold (bench/gold/*.jsonl): ids and offsets, texts from ../shared.

Each line of a gold file holds an article id, where its text lives in ../shared ("quotes-dev":
eval/quotes/dev.jsonl; "extraction": the article body of eval/extraction/ground-truth.json),
and two independent annotations "a" and "b" (ANNOTATION.md) whose stakes are offsets into
that text. `load_gold` restores the texts, so the result reads like
eval/brief/dev-briefs.jsonl and score_set.py scores it the same way. No article text is
kept in the repository.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent / "gold"
SETS = {
    "train": GOLD / "brief-train.jsonl",
    "train-other": GOLD / "brief-train-other.jsonl",
    "heldout-polnear": GOLD / "brief-heldout-polnear.jsonl",
    "heldout-other": GOLD / "brief-heldout-other.jsonl",
    "heldout-other2": GOLD / "brief-heldout-other2.jsonl",
}


@cache
def _texts(shared: Path, source: str) -> dict[str, str]:
    if source == "quotes-dev":
        path = shared / "eval" / "quotes" / "dev.jsonl"
        with path.open(encoding="utf-8") as f:
            return {(row := json.loads(line))["id"]: row["text"] for line in f if line.strip()}
    if source == "extraction":
        path = shared / "eval" / "extraction" / "ground-truth.json"
        pages = json.loads(path.read_text(encoding="utf-8"))
        return {key: page["articleBody"] for key, page in pages.items()}
    raise ValueError(f"unknown text source {source!r}")


def _restore(annotation: dict[str, Any], text: str) -> dict[str, Any]:
    stakes = [{**s, "text": text[s["start"] : s["end"]]} for s in annotation["stakes"]]
    return {"actors": annotation["actors"], "stakes": stakes}


def load_gold(path: Path, shared: Path) -> list[dict[str, Any]]:
    """Read a gold file and restore each article's text and stake texts from ../shared."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            text = _texts(shared, row["source"])[row["id"]]
            rows.append(
                {
                    "id": row["id"],
                    "text": text,
                    "a": _restore(row["a"], text),
                    "b": _restore(row["b"], text),
                }
            )
    return rows


def write_gold(rows: list[dict[str, Any]], out: Path) -> None:
    """Write restored gold in the dev-briefs.jsonl format (for score_set.py --gold)."""
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
