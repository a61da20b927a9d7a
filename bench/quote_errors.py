"""Sort every wrong or missing (quote, speaker) pair of a dev run into an error category.

    python bench/quote_errors.py --gold ../shared/eval/quotes/dev.jsonl --pred pred.jsonl
        [--show CATEGORY] [--limit N] [--json]

Matching and name rules are the shared scorer's own (imported from score.py next to the
gold file), so the counts add up to what it reports. A gold quote falls in the first
category that fits, in this order: missed quote; nested quote; multi-paragraph quote;
speaker in a previous paragraph; pronoun speaker; role-noun speaker; organization
speaker; quote split by attribution; speaker after the quote / before the quote.
Predictions that match no gold quote and no don't-care span are "spurious quote".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

CATEGORIES = (
    "missed quote",
    "nested quote",
    "multi-paragraph quote",
    "speaker in a previous paragraph",
    "pronoun speaker",
    "role-noun speaker",
    "organization speaker",
    "quote split by attribution",
    "speaker after the quote",
    "speaker before the quote",
    "spurious quote",
)


def load_scorer(gold: Path) -> Any:
    """Import score.py from beside the gold file."""
    sys.path.insert(0, str(gold.resolve().parent))
    import score  # type: ignore[import-not-found]

    return score


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _is_nested(text: str, q: dict[str, Any]) -> bool:
    inner = text[q["start"] : q["end"]]
    return any(m in inner for m in '“”"') or q.get("mark") == "single"


def categorize(text: str, q: dict[str, Any], group_sizes: Counter[str]) -> str:
    """Name the error category of a gold quote whose speaker was missed or wrong."""
    mention_type = q.get("speaker_mention_type")
    resolution = q.get("speaker_resolution") or ""
    s_start = q.get("speaker_start")
    if _is_nested(text, q):
        return "nested quote"
    if (
        "continues_next_paragraph" in q.get("flags", [])
        or text[q["end"] : q["end"] + 2].strip() == ""
    ) and (s_start is None or s_start < _paragraph_start(text, q["start"])):
        return "multi-paragraph quote"
    if s_start is not None and s_start < _paragraph_start(text, q["start"]):
        return "speaker in a previous paragraph"
    if mention_type == "pronoun":
        return "pronoun speaker"
    if mention_type == "nominal":
        return "role-noun speaker"
    if resolution.endswith("org"):
        return "organization speaker"
    if group_sizes[q.get("group") or ""] > 1:
        return "quote split by attribution"
    if s_start is not None and s_start > q["start"]:
        return "speaker after the quote"
    return "speaker before the quote"


def _article_errors(score: Any, art: dict[str, Any], pred: dict[str, Any]) -> list[dict[str, Any]]:
    text = art["text"]
    loc = score.Locator(text)
    gold = [
        dict(q, ids=score.tok_ids(loc.tokens, q["start"], q["end"]))
        for q in art["quotes"]
        if q["type"] == "direct"
    ]
    gold = [g for g in gold if g["ids"]]
    ignore = [
        score.tok_ids(loc.tokens, q["start"], q["end"])
        for q in art["quotes"]
        if q["type"] != "direct"
    ]
    ignore += [
        score.tok_ids(loc.tokens, o["start"], o["end"]) for o in art.get("other_quoted_spans", [])
    ]
    preds = []
    for p in pred.get("quotes", []):
        ids = (
            score.tok_ids(loc.tokens, p["start"], p["end"])
            if p.get("start") is not None
            else loc.locate(score.quote_text(p))[0]
        )
        preds.append(dict(p, ids=ids))
    pairs = dict(score.match_quotes(gold, preds, 0.8))
    groups = Counter(g.get("group") or "" for g in gold)
    errors = []
    for gi, g in enumerate(gold):
        names = score.gold_speaker_names(g)
        if gi not in pairs:
            errors.append(_error("missed quote", art, g, None))
        elif names and not score.speaker_match(preds[pairs[gi]].get("speaker"), names, "lenient"):
            errors.append(_error(categorize(text, g, groups), art, g, preds[pairs[gi]]))
    used = set(pairs.values())
    for pi, p in enumerate(preds):
        loose = any(len(p["ids"] & g["ids"]) / max(1, len(g["ids"])) > 0.3 for g in gold)
        dont_care = any(p["ids"] and len(p["ids"] & ig) >= 0.5 * len(p["ids"]) for ig in ignore)
        if pi not in used and not loose and not dont_care:
            errors.append(
                {
                    "category": "spurious quote",
                    "id": art["id"],
                    "quote": p.get("text", "")[:120],
                    "predicted": p.get("speaker"),
                }
            )
    return errors


def _error(
    category: str, art: dict[str, Any], g: dict[str, Any], p: dict[str, Any] | None
) -> dict[str, Any]:
    text = art["text"]
    lo = min(g["start"], g.get("speaker_start") or g["start"])
    hi = max(g["end"], g.get("speaker_end") or g["end"])
    return {
        "category": category,
        "id": art["id"],
        "quote": g["quote"][:120],
        "gold": g.get("speaker"),
        "mention": g.get("speaker_mention"),
        "predicted": p.get("speaker") if p else None,
        "context": text[max(0, lo - 150) : hi + 80],
    }


def collect(gold_path: Path, pred_path: Path) -> list[dict[str, Any]]:
    """Return every error of a prediction file, categorized."""
    score = load_scorer(gold_path)
    preds = {}
    with pred_path.open(encoding="utf-8") as handle:
        for line in handle:
            p = json.loads(line)
            preds[p["id"]] = p
    errors: list[dict[str, Any]] = []
    with gold_path.open(encoding="utf-8") as handle:
        for line in handle:
            art = json.loads(line)
            errors += _article_errors(score, art, preds.get(art["id"], {"quotes": []}))
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/eval/quotes/dev.jsonl"))
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--show", help="print examples of this category")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    errors = collect(args.gold, args.pred)
    counts = Counter(e["category"] for e in errors)
    table = {c: counts.get(c, 0) for c in CATEGORIES}
    if args.json:
        print(json.dumps(table))
    else:
        for category, n in table.items():
            print(f"{category:35s} {n:5d}")
        print(f"{'total':35s} {sum(table.values()):5d}")
    if args.show:
        by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in errors:
            by_cat[e["category"]].append(e)
        for e in by_cat[args.show][: args.limit]:
            print(
                "\n---",
                e["id"],
                "| gold:",
                e.get("gold"),
                "| mention:",
                e.get("mention"),
                "| predicted:",
                e.get("predicted"),
            )
            print(repr(e.get("context") or e.get("quote")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
