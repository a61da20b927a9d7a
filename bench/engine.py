"""`make bench`: engine latency, throughput and memory over the real-news dev set.

    .venv/bin/python bench/engine.py [--shared ../shared] [--limit N] [--no-write]

Briefs every article of eval/quotes/dev.jsonl in one process with the model loaded once
(cleanup, parse, every pass, the verbatim check: all of `build_brief`), and reports the
p50/p95 latency per article (all articles, and the ~700-word ones: 600 to 800 words),
articles per second, the model load time and the peak resident memory. The numbers go
into docs/performance.md between the `engine:start` and `engine:end` markers. The
machine is shared, so these are measurements, never test assertions; the share of CPU
time the virtual machine's host gave to others during the run ("steal" in /proc/stat) is
reported beside them, since it moved the same engine's p50 by half or more in one day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from docblock import replace_block  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- engine:start -->", "<!-- engine:end -->"


def percentile(values: list[float], share: float) -> float:
    """Return the value below which `share` of the sorted values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _cpu_ticks() -> tuple[int, int] | None:
    """The machine's busy and stolen CPU ticks so far (Linux), or None elsewhere."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
    except OSError:
        return None
    user, nice, system, steal = (int(fields[i]) for i in (1, 2, 3, 8))
    return user + nice + system + steal, steal


def own_memory_mb(pid: int | None) -> tuple[float, float]:
    """A process's resident memory and the part of it no other process shares (Linux), MB."""
    if pid is None:
        return 0.0, 0.0
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines()
    except OSError:
        return float("nan"), float("nan")
    kb = {line.split(":")[0]: int(line.split()[1]) for line in lines[1:] if line.endswith("kB")}
    return kb["Rss"] / 1024, (kb["Private_Clean"] + kb["Private_Dirty"]) / 1024


def measure(texts: list[str]) -> dict[str, float]:
    """Brief every text once; return latency, throughput and memory figures."""
    from bot.briefing.engine import build_brief
    from bot.briefing.nlp import load_model, recogniser_pid
    from bot.errors import InputError

    started = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - started
    build_brief(texts[0], nlp=nlp)  # warm-up: first-call allocations are not per-article cost
    times, mid = [], []
    ticks = _cpu_ticks()
    wall = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        try:
            build_brief(text, nlp=nlp)
        except InputError:
            continue
        ms = (time.perf_counter() - t0) * 1000
        times.append(ms)
        if 600 <= len(text.split()) <= 800:
            mid.append(ms)
    wall = time.perf_counter() - wall
    after = _cpu_ticks()
    stolen = float("nan")
    if ticks and after and after[0] > ticks[0]:
        stolen = 100 * (after[1] - ticks[1]) / (after[0] - ticks[0])
    # The entity recogniser's forked process shares the model's pages with this one.
    child_rss, child_own = own_memory_mb(recogniser_pid(nlp))
    return {
        "child_rss_mb": child_rss,
        "child_own_mb": child_own,
        "steal_pct": stolen,
        "articles": len(times),
        "p50_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "p50_700_ms": statistics.median(mid) if mid else float("nan"),
        "p95_700_ms": percentile(mid, 0.95) if mid else float("nan"),
        "n_700": len(mid),
        "per_second": len(times) / wall,
        "load_s": load_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


def render(m: dict[str, float]) -> str:
    """Render the figures as the generated block of docs/performance.md."""
    return "\n".join(
        [
            START,
            "",
            f"Measured {dt.date.today().isoformat()} at commit `{_commit()}` by `make bench` "
            f"({m['articles']} dev articles, one process, model loaded once).",
            "",
            "| figure | measured | target |",
            "|---|---:|---:|",
            f"| p50 latency, ~700-word articles ({m['n_700']} of 600-800 words) | **{m['p50_700_ms']:.0f} ms** | <= 200 ms |",
            f"| p95 latency, ~700-word articles | {m['p95_700_ms']:.0f} ms | |",
            f"| p50 / p95 latency, all articles | {m['p50_ms']:.0f} / {m['p95_ms']:.0f} ms | |",
            f"| throughput, one process | {m['per_second']:.1f} articles/s | |",
            f"| model load | {m['load_s']:.1f} s | |",
            f"| peak RSS, and the entity recogniser's process's own memory beside it | **{m['peak_rss_mb']:.0f} + {m['child_own_mb']:.0f} MB** | <= 500 MB |",
            f"| the recogniser's process: resident, most of it shared with the engine | {m['child_rss_mb']:.0f} MB | |",
            f"| CPU time the host gave to others meanwhile (steal) | {m['steal_pct']:.0f}% | |",
            "",
            END,
        ]
    )


def write_doc(block: str) -> None:
    """Replace the engine block of docs/performance.md, keeping the rest."""
    replace_block(
        DOC, START, END, "## Engine\n\n" + block if not DOC.exists() else block, "Performance"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    dev = args.shared / "eval" / "quotes" / "dev.jsonl"
    if not dev.is_file():
        print(f"make bench needs {dev}; it was not found.")
        return 1
    with dev.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    block = render(measure(texts[: args.limit] if args.limit else texts))
    print(block)
    if not args.no_write:
        write_doc(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
