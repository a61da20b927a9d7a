"""`make bench`: the engine's worst case. Crafted texts against ordinary news of the same length.

    .venv/bin/python bench/worst_case.py [--shared ../shared] [--chars 99000] [--no-write]

Ordinary news is dev articles from eval/quotes/dev.jsonl joined up to `--chars` characters
(the size a paste or a fetched page can reach); the crafted texts are bench/hostile.py's.
Each text is briefed in a fresh process (model loaded and warmed up first, so its peak RSS
is the text's own); each is run twice and the faster run counts, since the machine is
shared. The table goes into docs/performance.md between `worst:start` and `worst:end`.
Targets (issue 11): each crafted text <= 1.5x the time of the ordinary text, measured in
the same run, and every peak RSS <= 500 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from docblock import replace_block  # noqa: E402
from hostile import HOSTILE  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- worst:start -->", "<!-- worst:end -->"
ORDINARY = "ordinary news (dev articles joined)"
MAX_RATIO, MAX_RSS_MB = 1.5, 500
RUNS = 2


def ordinary_news(shared: Path, chars: int) -> str:
    """Join dev articles, paragraph by paragraph, up to `chars` characters."""
    out: list[str] = []
    size = 0
    with (shared / "eval" / "quotes" / "dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            for paragraph in json.loads(line)["text"].split("\n\n"):
                if size + len(paragraph) + 2 > chars:
                    return "\n\n".join(out)
                out.append(paragraph)
                size += len(paragraph) + 2
    return "\n\n".join(out)


def brief_one(path: Path) -> dict[str, object]:
    """In this process: load the model, warm up, brief the text at `path` once."""
    sys.path.insert(0, str(ROOT))
    from engine import own_memory_mb

    from bot.briefing.engine import build_brief
    from bot.briefing.nlp import load_model, recogniser_pid
    from bot.errors import InputError

    nlp = load_model()
    build_brief((ROOT / "examples" / "sample-article.txt").read_text(encoding="utf-8"), nlp=nlp)
    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    try:
        brief = build_brief(text, nlp=nlp)
        outcome = f"{len(brief.quotes)} quotes, {len(brief.actors)} actors"
        if not brief.article.complete:
            outcome += ", briefed in part"
    except InputError as exc:
        outcome = type(exc).__name__
    seconds = time.perf_counter() - started
    # With the memory of its own that the entity recogniser's forked process took meanwhile.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak += own_memory_mb(recogniser_pid(nlp))[1]
    return {"seconds": seconds, "peak_mb": peak, "outcome": outcome, "chars": len(text)}


def _measure(path: Path) -> dict[str, object]:
    runs = []
    for _ in range(RUNS):
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True, text=True, check=True, timeout=900,
        )  # fmt: skip
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: float(r["seconds"]))
    best["peak_mb"] = max(float(r["peak_mb"]) for r in runs)
    return best


def measure_all(shared: Path, chars: int, work: Path) -> dict[str, dict[str, object]]:
    """Brief the ordinary text and every crafted one; return their figures by name."""
    texts = {ORDINARY: ordinary_news(shared, chars)}
    texts |= {name: make(chars) for name, make in HOSTILE.items()}
    results = {}
    for n, (name, text) in enumerate(texts.items()):
        path = work / f"text-{n}.txt"
        path.write_text(text, encoding="utf-8")
        results[name] = _measure(path)
        print(f"{name}: {results[name]}", flush=True)
    return results


def render(results: dict[str, dict[str, object]]) -> str:
    """Render the table as the generated block of docs/performance.md."""
    base = float(results[ORDINARY]["seconds"])
    rows = []
    for name, r in results.items():
        seconds, peak = float(r["seconds"]), float(r["peak_mb"])
        ratio = seconds / base
        met = ratio <= MAX_RATIO and peak <= MAX_RSS_MB
        rows.append(f"| {name} | {int(r['chars']):,} | {seconds:.1f} | {ratio:.2f}x | "
                    f"{peak:.0f} | {r['outcome']} | {'yes' if met else '**no**'} |")  # fmt: skip
    return "\n".join([
        START,
        "",
        f"Measured {dt.date.today().isoformat()} by `python bench/worst_case.py` on "
        f"{platform.machine()}, Python {platform.python_version()}: each text briefed in a "
        f"fresh process (model loaded and warmed up first), best of {RUNS} runs; targets "
        f"<= {MAX_RATIO}x the ordinary text's time and <= {MAX_RSS_MB} MB peak RSS (with the "
        "entity recogniser's process's own memory).",
        "",
        "| text | characters | seconds | vs ordinary | peak RSS MB | brief | met |",
        "|---|---:|---:|---:|---:|---|---|",
        *rows,
        "",
        "Texts over 20,000 characters are briefed in pieces of about 6,000 (cut at paragraph "
        "breaks) with a token budget in proportion to their length; a text denser than news "
        "is briefed up to that budget and its brief says so (bot/briefing/pieces.py).",
        "",
        END,
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--chars", type=int, default=99_000)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(brief_one(args.one)))
        return 0
    if not (args.shared / "eval" / "quotes" / "dev.jsonl").is_file():
        print(f"bench/worst_case.py needs {args.shared}/eval/quotes/dev.jsonl.")
        return 1
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        block = render(measure_all(args.shared, args.chars, Path(tmp)))
    print(block)
    if not args.no_write:
        heading = "## Engine: worst case\n\n"
        text = DOC.read_text(encoding="utf-8")
        if START not in text:
            DOC.write_text(text.replace("## Bot\n", heading + START + "\n" + END + "\n\n## Bot\n", 1),
                           encoding="utf-8")  # fmt: skip
        replace_block(DOC, START, END, block, "Performance")
    return 0


if __name__ == "__main__":
    sys.exit(main())
