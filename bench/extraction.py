"""Score `extract_article` on the 181-page article-extraction benchmark, and time it.

    .venv/bin/python bench/extraction.py [--shared ../shared] [--repeat 3] [--out FILE]
                                         [--extractor briefbot|trafilatura|trafilatura-precision]

Reads `<shared>/eval/extraction/html/*.html.gz`, decodes each page the way the fetcher does,
runs `extract_article` on it, writes the predictions as JSON and scores them with the
benchmark's own `score.py`. Each page is timed `--repeat` times and its fastest run is kept
(the machine is shared, so slower runs measure the neighbours); the median and the 95th
percentile over pages are printed. `--extractor` runs plain trafilatura instead, for the
comparison in docs/extraction.md. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from bot.errors import NotAnArticle
from bot.links.decode import decode_text
from bot.links.extract import extract_article

ROOT = Path(__file__).resolve().parent.parent
Extractor = Callable[[str, str], tuple[str, tuple[str, ...]]]


def briefbot(html: str, url: str) -> tuple[str, tuple[str, ...]]:
    try:
        extracted = extract_article(html, url)
    except NotAnArticle:
        return "", ()
    return extracted.text, extracted.meta.warnings


def plain_trafilatura(**options: bool) -> Extractor:
    def run(html: str, url: str) -> tuple[str, tuple[str, ...]]:
        return trafilatura.extract(html, url=url, **options) or "", ()

    return run


EXTRACTORS: dict[str, Extractor] = {
    "briefbot": briefbot,
    "trafilatura": plain_trafilatura(),
    "trafilatura-precision": plain_trafilatura(favor_precision=True, include_comments=False),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/extraction.json")
    parser.add_argument("--details", action="store_true", help="print incomplete pages")
    parser.add_argument("--extractor", choices=sorted(EXTRACTORS), default="briefbot")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of results")
    args = parser.parse_args(argv)
    folder = args.shared / "eval/extraction"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    predictions, timings, incomplete = {}, [], []
    for path in sorted((folder / "html").glob("*.html.gz")):
        page = path.name.removesuffix(".html.gz")
        html, _ = decode_text(gzip.decompress(path.read_bytes()), None, html=True)
        extractor = EXTRACTORS[args.extractor]
        text, elapsed, warnings = run_page(extractor, html, gold[page]["url"], args.repeat)
        predictions[page] = {"articleBody": text}
        timings.append(elapsed)
        if warnings:
            incomplete.append(f"{page[:12]} {warnings[0]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf-8")
    scores = score(folder / "score.py", args.out)
    report(scores, timings, incomplete, details=args.details)
    if args.json:
        print(json.dumps(summary(scores, timings)))
    return 0


def summary(scores: dict[str, float], timings: list[float]) -> dict[str, float]:
    """The scores and the timing figures as one flat dictionary."""
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {**scores, "median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


def run_page(
    extractor: Extractor, html: str, url: str, repeat: int
) -> tuple[str, float, tuple[str, ...]]:
    """Extract one page `repeat` times; return its text, fastest time in ms and warnings."""
    best, text, warnings = float("inf"), "", ()
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        text, warnings = extractor(html, url)
        best = min(best, (time.perf_counter() - start) * 1000)
    return text, best, warnings


def score(scorer: Path, predictions: Path) -> dict[str, float]:
    """Run the benchmark's scorer on the predictions and return its numbers."""
    result = subprocess.run(
        [sys.executable, str(scorer), str(predictions), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    scores: dict[str, float] = json.loads(result.stdout)
    return scores


def report(
    scores: dict[str, float], timings: list[float], incomplete: list[str], *, details: bool
) -> None:
    """Print the scores and the timing summary."""
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"F1 {scores['f1']:.4f}  precision {scores['precision']:.4f}  "
        f"recall {scores['recall']:.4f}  exact {scores['exact']:.4f}  ({scores['pages']} pages)"
    )
    print(f"median {statistics.median(timings):.1f} ms  p95 {p95:.1f} ms per page")
    print(f"flagged incomplete: {len(incomplete)} pages")
    if details:
        print("\n".join(incomplete))


if __name__ == "__main__":
    sys.exit(main())
