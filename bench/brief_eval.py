"""`make eval`, briefs: key actors, roles, kinds and stakes against double-annotated gold.

Four sets, each scored by ../shared/eval/brief/score_set.py:
- dev: ../shared/eval/brief/dev-briefs.jsonl (24 PolNeAR articles; never trained on);
- held-out PolNeAR, held-out other outlets and a second held-out set of other outlets
  (annotated 2026-12-04, after the first was read for error patterns): the project's own
  annotations (bench/gold/brief-heldout-*.jsonl, ids and offsets; texts restored from
  ../shared), never used to train the engine.
Besides the figures, every miss that score_set.py lists is counted by cause.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from briefgold import SETS, load_gold, write_gold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FIGURES = (
    ("actor_core_recall", "actor core recall", ">= 92"),
    ("actor_precision_top8", "actor precision (first 8 listed)", ">= 88"),
    ("role_accuracy", "role accuracy", ">= 90"),
    ("kind_accuracy", "kind accuracy", ">= 97"),
    ("stake_core_recall", "stake core recall", ">= 70"),
    ("stake_precision", "stake precision", ""),
    ("stake_f1", "stake F1", ">= 75"),
    ("stakes_per_article", "stakes per article", "<= 7"),
    ("annotator_stake_f1", "the two annotators against each other, stake F1", "(ceiling)"),
)
_FALSE_ACTOR = re.compile(r"^actor not in gold: '(.*)'$")


def _run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed: {done.stderr.strip()[-800:]}")
    return done.stdout


def _sets(shared: Path) -> list[tuple[str, Path]]:
    """The gold files to score: the shared dev set and our held-out sets that have articles."""
    found = [("dev", shared / "eval" / "brief" / "dev-briefs.jsonl")]
    for name in ("heldout-polnear", "heldout-other", "heldout-other2"):
        rows = load_gold(SETS[name], shared)
        if rows:
            path = OUT / f"brief-{name}-gold.jsonl"
            write_gold(rows, path)
            found.append((name, path))
    return found


def _causes(verbose: str, briefs: Path) -> dict[str, int]:
    """Count score_set.py's listed misses by cause; false actors by the kind we gave them."""
    kinds = {}
    for line in briefs.read_text(encoding="utf-8").splitlines():
        brief = json.loads(line)
        for actor in brief.get("actors") or []:
            kinds[actor["name"]] = actor.get("kind", "?")
    counts: Counter[str] = Counter()
    for line in verbose.splitlines():
        problem = line.strip().removeprefix("- ")
        if (m := _FALSE_ACTOR.match(problem)) is not None:
            counts[f"false actor: {kinds.get(m.group(1), '?')}"] += 1
        elif problem.startswith("actor missed"):
            counts["missed actor"] += 1
        elif problem.startswith("role of"):
            counts["wrong role"] += 1
        elif problem.startswith("kind of"):
            counts["wrong kind"] += 1
        elif problem.startswith("stake missed"):
            counts["missed stake"] += 1
        elif problem.startswith("stake not in gold"):
            counts["false stake"] += 1
    return dict(sorted(counts.items()))


def eval_briefs(shared: Path, workers: int) -> dict[str, Any]:
    """Brief every gold set and score it; return figures and error causes per set."""
    scorer = str(shared / "eval" / "brief" / "score_set.py")
    results = {}
    for name, gold in _sets(shared):
        batch_in, briefs = OUT / f"brief-{name}-in.jsonl", OUT / f"brief-{name}-pred.jsonl"
        _run([sys.executable, scorer, "make-input", "--gold", str(gold), str(batch_in)])
        cli = [sys.executable, "-m", "bot.cli", "batch", str(batch_in), "-o", str(briefs)]
        _run([*cli, "--workers", str(workers)])
        score = [sys.executable, scorer, "score", str(briefs), "--gold", str(gold)]
        figures = json.loads(_run([*score, "--json"]))
        causes = _causes(_run([*score, "--verbose"]), briefs)
        results[name] = {"figures": figures, "causes": causes}
    return results


def brief_rows(results: dict[str, Any]) -> list[str]:
    """Markdown tables: the figures of every set beside the targets, then the error causes."""
    names = list(results)
    head = " | ".join(f"{n} ({results[n]['figures']['articles']})" for n in names)
    rows = [f"| figure | {head} | target (dev) |", "|---|" + "---:|" * (len(names) + 1)]
    for key, label, target in FIGURES:
        values = " | ".join(str(results[n]["figures"][key]) for n in names)
        rows.append(f"| {label} | {values} | {target} |")
    causes = sorted({c for n in names for c in results[n]["causes"]})
    rows += ["", f"| error (score_set.py --verbose) | {' | '.join(names)} |"]
    rows.append("|---|" + "---:|" * len(names))
    for cause in causes:
        rows.append(
            f"| {cause} | {' | '.join(str(results[n]['causes'].get(cause, 0)) for n in names)} |"
        )
    return rows
