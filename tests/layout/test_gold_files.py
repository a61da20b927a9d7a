"""Our own brief gold (bench/gold): ids, offsets and short labels, never article text.

The articles are other people's news and stay in ../shared; the offsets are checked against
them where ../shared is present (the check skips with the reason where it is not).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "bench" / "gold"
SHARED = ROOT.parent / "shared" / "eval"
KINDS = {"goal", "risk", "gain", "cost", "condition", "consequence"}
ACTOR_KINDS = {"person", "organization", "country"}
MAX_LABEL_WORDS = 25  # a name or a role, never a passage


def gold_rows() -> list[tuple[str, dict[str, Any]]]:
    """Every line of every gold file, named by file and line number."""
    rows = []
    for path in sorted(GOLD.glob("brief-*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        rows += [(f"{path.stem}:{n}", json.loads(line)) for n, line in enumerate(lines, 1)]
    return rows


ROWS = gold_rows()


def test_every_gold_file_has_articles() -> None:
    assert {name.split(":")[0] for name, _ in ROWS} >= {
        "brief-train",
        "brief-train-other",
        "brief-heldout-polnear",
        "brief-heldout-other",
        "brief-heldout-other2",
    }


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[name for name, _ in ROWS])
def test_gold_line_holds_offsets_and_labels_only(name: str, row: dict[str, Any]) -> None:
    assert set(row) == {"id", "source", "batch", "a", "b"}
    for side in (row["a"], row["b"]):
        assert set(side) == {"actors", "stakes"}
        for stake in side["stakes"]:
            assert set(stake) == {"start", "end", "kind", "actor"}  # no copied text
            assert 0 <= stake["start"] < stake["end"]
            assert stake["kind"] in KINDS
        for actor in side["actors"]:
            assert actor["kind"] in ACTOR_KINDS
            assert len(actor["name"].split()) <= MAX_LABEL_WORDS
            assert len((actor["role"] or "").split()) <= MAX_LABEL_WORDS


def article_texts() -> dict[str, dict[str, str]]:
    """The shared article texts by source (empty where ../shared is absent)."""
    texts: dict[str, dict[str, str]] = {}
    quotes, pages = SHARED / "quotes" / "dev.jsonl", SHARED / "extraction" / "ground-truth.json"
    if quotes.is_file():
        with quotes.open(encoding="utf-8") as f:
            texts["quotes-dev"] = {(r := json.loads(line))["id"]: r["text"] for line in f}
    if pages.is_file():
        data = json.loads(pages.read_text(encoding="utf-8"))
        texts["extraction"] = {key: page["articleBody"] for key, page in data.items()}
    return texts


@pytest.mark.skipif(
    not (SHARED / "extraction").is_dir(), reason=f"the shared eval sets are not at {SHARED}"
)
def test_gold_offsets_fall_inside_their_articles() -> None:
    texts = article_texts()
    for name, row in ROWS:
        text = texts[row["source"]][row["id"]]
        for side in (row["a"], row["b"]):
            for stake in side["stakes"]:
                span = text[stake["start"] : stake["end"]]
                assert span, (name, stake)
                assert span.strip() == span, (name, stake)
