"""`make eval`: measure brief quality on the real-news sets in ../shared and record it.

    .venv/bin/python bench/eval.py [--shared ../shared] [--workers 2] [--no-write]
                                   [--skip quotes,briefs,seed,extraction]

1. Quotes: `briefbot batch` over eval/quotes/dev.jsonl (706 articles), scored by the
   shared score.py (quotes@0.8, speaker accuracy, pairs@0.8 lenient and exact, verbatim
   rate), plus the error categories of bench/quote_errors.py.
2. Seed: the seed article's brief scored by eval/brief/score_brief.py.
3. Extraction: bench/extraction.py over the 181-page extraction benchmark.
4. Briefs: actors, roles, kinds and stakes (bench/brief_eval.py) on the shared dev gold
   and the project's own held-out annotations, with the errors counted by cause.

The numbers are printed and written into docs/quality.md between the `eval:start` and
`eval:end` markers, with the date and the commit they were measured on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from brief_eval import brief_rows, eval_briefs  # noqa: E402
from docblock import replace_block  # noqa: E402

OUT = ROOT / "bench" / "out"
DOC = ROOT / "docs" / "quality.md"
START, END = "<!-- eval:start -->", "<!-- eval:end -->"
PAIRS = "(quote,speaker) pairs@0.8 lenient (primary end-to-end)"
PAIRS_EXACT = "(quote,speaker) pairs@0.8 exact, canonical name only"
SPEAKER = "speaker acc | matched@0.8, pairable gold, lenient"
QUOTES = "quotes@0.8 (primary, GGT-compatible)"
VERBATIM = "verbatim rate of predictions"


def run(cmd: list[str]) -> str:
    """Run a command from the project root and return its standard output."""
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])} failed: {done.stderr.strip()[-800:]}")
    return done.stdout


def eval_quotes(shared: Path, workers: int) -> dict[str, Any]:
    """Brief the dev set, score it, and count the error categories."""
    gold = shared / "eval" / "quotes" / "dev.jsonl"
    pred = OUT / "dev-pred.jsonl"
    started = time.perf_counter()
    run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "batch",
            str(gold),
            "-o",
            str(pred),
            "--workers",
            str(workers),
        ]
    )
    seconds = time.perf_counter() - started
    scores = json.loads(
        run(
            [
                sys.executable,
                str(gold.parent / "score.py"),
                "--gold",
                str(gold),
                "--pred",
                str(pred),
                "--json",
            ]
        )
    )
    errors = json.loads(
        run(
            [
                sys.executable,
                str(ROOT / "bench" / "quote_errors.py"),
                "--gold",
                str(gold),
                "--pred",
                str(pred),
                "--json",
            ]
        )
    )
    return {"scores": scores, "errors": errors, "seconds": round(seconds, 1)}


def eval_seed(shared: Path) -> dict[str, Any]:
    """Brief the seed article and score it against its hand-made gold brief."""
    folder = shared / "examples" / "seed-putin-talks"
    brief_path = OUT / "seed-brief.json"
    brief_path.write_text(
        run(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "brief",
                str(folder / "article.txt"),
                "--format",
                "json",
            ]
        )
    )
    scorer = shared / "eval" / "brief" / "score_brief.py"
    report: dict[str, Any] = json.loads(
        run(
            [
                sys.executable,
                str(scorer),
                "--gold",
                str(folder / "gold.json"),
                "--brief",
                str(brief_path),
                "--json",
            ]
        )
    )
    return report


def eval_extraction(shared: Path) -> dict[str, Any]:
    """Run the extraction benchmark and read its last JSON line."""
    out = run(
        [sys.executable, str(ROOT / "bench" / "extraction.py"), "--shared", str(shared), "--json"]
    )
    return dict(json.loads(out.strip().splitlines()[-1]))


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def _quote_rows(q: dict[str, Any]) -> list[str]:
    s = q["scores"]
    rows = [
        "| metric | dev (706 articles) | target |",
        "|---|---:|---:|",
        f"| quotes@0.8 P / R / F1 | {s[QUOTES]['p']} / {s[QUOTES]['r']} / **{s[QUOTES]['f1']}** | F1 >= 97 |",
        f"| speaker accuracy on matched quotes (lenient) | **{s[SPEAKER]}** | >= 90 |",
        f"| (quote, speaker) pairs@0.8 lenient P / R / F1 | {s[PAIRS]['p']} / {s[PAIRS]['r']} / **{s[PAIRS]['f1']}** | F1 >= 88 |",
        f"| (quote, speaker) pairs@0.8 exact F1 | {s[PAIRS_EXACT]['f1']} | |",
        f"| verbatim rate | **{s[VERBATIM]}** | 100 |",
        f"| batch time, {q.get('workers', 2)} workers | {q['seconds']} s | |",
    ]
    rows += ["", "| error category | count |", "|---|---:|"]
    rows += [f"| {name} | {count} |" for name, count in q["errors"].items()]
    return rows


def render(results: dict[str, Any]) -> str:
    """Render the measured numbers as the generated block of docs/quality.md."""
    lines = [
        START,
        "",
        f"Measured {dt.date.today().isoformat()} at commit `{_commit()}` by `make eval`.",
        "",
    ]
    if "quotes" in results:
        lines += [
            "### Quotes and speakers (`../shared/eval/quotes/dev.jsonl`)",
            "",
            *_quote_rows(results["quotes"]),
            "",
        ]
    if "briefs" in results:
        lines += [
            "### Actors, roles and stakes (`../shared/eval/brief`, `bench/gold`)",
            "",
            *brief_rows(results["briefs"]),
            "",
        ]
    if "seed" in results:
        seed = results["seed"]
        lines += [
            "### Seed example (`../shared/examples/seed-putin-talks`)",
            "",
            f"quotes {seed['quotes']}; people {seed['people']}; stakes {seed['stakes']}; "
            f"debris left {seed['debris_left']}; not verbatim {seed['not_verbatim']}; "
            f"**{'PASS' if seed['pass'] else 'FAIL'}**",
            "",
        ]
    if "extraction" in results:
        ex = results["extraction"]
        lines += [
            "### Article extraction (`../shared/eval/extraction`, 181 pages)",
            "",
            "| extractor | F1 | precision | recall | median ms/page | p95 ms/page |",
            "|---|---:|---:|---:|---:|---:|",
            f"| briefbot (measured) | **{ex['f1']}** | {ex['precision']} | {ex['recall']} | {ex['median_ms']} | {ex['p95_ms']} |",
            "| trafilatura 2.3.1 favor_precision (measured, docs/extraction.md) | 0.964 | | | | |",
            "| rs_trafilatura / Zyte AutoExtract (published) | 0.970 | | | | |",
            "| trafilatura 2.0.0 (published) | 0.958 | | | | |",
            "| newspaper4k / Readability.js (published) | 0.949 / 0.947 | | | | |",
            "",
        ]
    lines.append(END)
    return "\n".join(lines)


def write_doc(block: str) -> None:
    """Replace the generated block of docs/quality.md, keeping the written parts."""
    replace_block(DOC, START, END, block, "Quality")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip", default="", help="comma-separated: quotes,briefs,seed,extraction")
    ap.add_argument("--no-write", action="store_true", help="print only, leave docs/quality.md")
    args = ap.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        print(f"make eval needs the shared evaluation sets; {args.shared}/eval was not found.")
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    skip = set(args.skip.split(","))
    results: dict[str, Any] = {}
    if "quotes" not in skip:
        results["quotes"] = eval_quotes(args.shared, args.workers) | {"workers": args.workers}
    if "briefs" not in skip:
        results["briefs"] = eval_briefs(args.shared, args.workers)
    if "seed" not in skip:
        results["seed"] = eval_seed(args.shared)
    if "extraction" not in skip:
        results["extraction"] = eval_extraction(args.shared)
    block = render(results)
    print(block)
    if not args.no_write:
        write_doc(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
