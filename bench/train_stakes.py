"""`make train`: fit the stake model on the project's own annotated articles.

    .venv/bin/python bench/train_stakes.py [--shared ../shared] [--folds 6] [--no-write]

1. Every sentence of the training articles (bench/gold/brief-train.jsonl, texts from
   ../shared) is a candidate with the engine's own features (`engine.stake_candidates_of`).
   It is a positive example when it holds a stake either annotator marked (the sentence
   covers >= 60% of the stake's words, as score_set.py counts a match).
2. Article-level cross-validation: each fold's model briefs the held-out fold's articles
   (top seven above the threshold), scored with ../shared/eval/brief/score_set.py. The
   threshold is the one with the best cross-validated stake F1.
3. The final model is fitted on every training article and written to
   bot/data/stakes-model.json (sorted and rounded: the same data gives the same file);
   the cross-validated figures go to docs/quality.md between `train:start` and `train:end`.

Logistic regression (scikit-learn, lbfgs, deterministic) over `stakecues` features.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from briefgold import SETS, load_gold  # noqa: E402
from docblock import replace_block  # noqa: E402
from eval import _commit as commit  # noqa: E402

from bot.briefing.engine import stake_candidates_of  # noqa: E402
from bot.briefing.nlp import load_model  # noqa: E402
from bot.briefing.stakemodel import MODEL_FILE, StakeModel  # noqa: E402
from bot.briefing.stakes import MAX_STAKES, StakeCandidate  # noqa: E402

MODEL = ROOT / "bot" / "data" / MODEL_FILE
DOC = ROOT / "docs" / "quality.md"
START, END = "<!-- train:start -->", "<!-- train:end -->"
C = 0.05  # inverse regularization strength, chosen by cross-validation on the training set
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
NEED = 0.6  # a sentence holds a stake when it covers this share of its words


def scorer(shared: Path) -> Any:
    """Import the shared brief scorer (score_set.py) from ../shared."""
    sys.path.insert(0, str(shared / "eval" / "brief"))
    import score_set

    return score_set


def examples(
    rows: list[dict[str, Any]], score_set: Any
) -> list[list[tuple[StakeCandidate, str, int]]]:
    """Every training article's candidates, each with its text and its label."""
    nlp = load_model()
    out = []
    for row in rows:
        stakes = [s["text"] for s in row["a"]["stakes"] + row["b"]["stakes"]]
        found = []
        for cand in stake_candidates_of(row["text"], nlp):
            text = row["text"][cand.start : cand.end]
            label = int(any(score_set.coverage(s, text) >= NEED for s in stakes))
            found.append((cand, text, label))
        out.append(found)
    return out


def fit(
    articles: list[list[tuple[StakeCandidate, str, int]]], threshold: float, c: float = C
) -> StakeModel:
    """Fit a logistic regression on the candidates of these articles."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([c.features for art in articles for c, _, _ in art])
    y = [label for art in articles for _, _, label in art]
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, y)
    weights = dict(zip(vec.get_feature_names_out(), map(float, clf.coef_[0]), strict=True))
    return StakeModel(weights, float(clf.intercept_[0]), threshold)


def pick(model: StakeModel, art: list[tuple[StakeCandidate, str, int]]) -> list[str]:
    """The texts the engine would keep: the seven most likely above the threshold."""
    scored = sorted(((model.probability(c.features), t) for c, t, _ in art), reverse=True)
    return [t for p, t in scored[:MAX_STAKES] if p >= model.threshold]


def stake_scores(
    rows: list[dict[str, Any]], picks: list[list[str]], score_set: Any
) -> dict[str, float]:
    """Stake recall, precision, F1 and stakes per article, as score_set.py counts them."""
    total: dict[str, int] = {}
    for row, texts in zip(rows, picks, strict=True):
        t = score_set.score_article(row, {"stakes": [{"text": x} for x in texts]}, [])
        for key, value in t.items():
            total[key] = total.get(key, 0) + value
    total["articles"] = len(rows)
    s = score_set.summarize(total)
    return {
        k: s[k] for k in ("stake_core_recall", "stake_precision", "stake_f1", "stakes_per_article")
    }


def cross_validate(rows, arts, folds: int, score_set: Any) -> dict[float, dict[str, float]]:
    """Stake figures of article-level cross-validation, for every threshold."""
    probs: list[list[tuple[float, str]]] = [[] for _ in arts]
    for fold in range(folds):
        train = [a for i, a in enumerate(arts) if i % folds != fold]
        model = fit(train, 0.0)
        for i, art in enumerate(arts):
            if i % folds == fold:
                probs[i] = sorted(
                    ((model.probability(c.features), t) for c, t, _ in art), reverse=True
                )
    result = {}
    for threshold in THRESHOLDS:
        picks = [[t for p, t in ranked[:MAX_STAKES] if p >= threshold] for ranked in probs]
        result[threshold] = stake_scores(rows, picks, score_set)
    return result


def report(figures: dict[float, dict[str, float]], best: float, rows: int, folds: int) -> str:
    """The Markdown block for docs/quality.md."""
    lines = [
        START,
        "",
        f"Trained {dt.date.today()} at commit `{commit()}` by `make train`: {rows} articles of "
        f"`bench/gold/brief-train.jsonl`, {folds}-fold cross-validation by article.",
        "",
        "| threshold | stake core recall | stake precision | stake F1 | stakes per article |",
        "|---:|---:|---:|---:|---:|",
    ]
    for threshold, s in figures.items():
        mark = " (shipped)" if threshold == best else ""
        lines.append(
            f"| {threshold}{mark} | {s['stake_core_recall']} | {s['stake_precision']} | "
            f"{s['stake_f1']} | {s['stakes_per_article']} |"
        )
    return "\n".join([*lines, "", END])


def main() -> int:
    """Train, cross-validate, write the model and the report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    score_set = scorer(args.shared)
    rows = load_gold(SETS["train"], args.shared)
    arts = examples(rows, score_set)
    figures = cross_validate(rows, arts, args.folds, score_set)
    top = max(s["stake_f1"] for s in figures.values())
    # The highest threshold within half a point of the best F1: fewer weak stakes shown.
    best = max(t for t, s in figures.items() if s["stake_f1"] >= top - 0.5)
    for threshold, s in figures.items():
        print(f"threshold {threshold}: {s}")
    model = fit(arts, best)
    print(f"shipped threshold {best}; {len(model.weights)} features")
    if not args.no_write:
        MODEL.write_text(model.to_json(), encoding="utf-8")
        replace_block(DOC, START, END, report(figures, best, len(rows), args.folds), "Quality")
    return 0


if __name__ == "__main__":
    sys.exit(main())
