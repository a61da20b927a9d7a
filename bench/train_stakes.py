"""`make train`: fit the stake model on the project's own annotated articles.

    .venv/bin/python bench/train_stakes.py [--shared ../shared] [--folds 6] [--no-write]

1. Every sentence of the training articles (bench/gold/brief-train.jsonl, texts from
   ../shared) is a candidate with the engine's own features (`engine.stake_candidates_of`).
   It is a positive example when it holds a stake either annotator marked (the sentence
   covers >= 60% of the stake's words, as score_set.py counts a match).
2. A second look: a second model is fitted on the same candidates with their cue features
   and their sentence vectors (`sentvec`); in the engine it reads only the twelve the first
   model ranks highest (`stakes.SHORTLIST`) and orders them.
3. Article-level cross-validation: each fold's two models brief the held-out fold's
   articles (shortlist, second look, top seven above the threshold), scored with
   ../shared/eval/brief/score_set.py. The threshold is the one with the best
   cross-validated stake F1.
4. The final models are fitted on every training article and written to
   bot/data/stakes-model.json and bot/data/stakes-vector-model.json (sorted and rounded:
   the same data gives the same files); the cross-validated figures go to docs/quality.md
   between `train:start` and `train:end`.
5. The stake actor model (`stakeactor`): every candidate that matches a marked stake (the
   scorer's rule) offers its actors and "no actor"; an option is right when the scorer's
   name rule matches it to a matched stake's actor (no actor: when every such stake has
   none). It is fitted on pairs (a right option against a wrong one of the same stake:
   which is more likely whose stake it is), cross-validated by article on the stakes the
   shipped model keeps, and written to bot/data/stake-actor-model.json and
   docs/quality.md (`stake-actor:start`/`end`).

Logistic regressions (scikit-learn, lbfgs, deterministic) over `stakecues` and
`stakeactor` features.
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

from bot.briefing.engine import DEFAULT_MAX_CHARS, _parse, _read  # noqa: E402
from bot.briefing.model import ArticleMeta  # noqa: E402
from bot.briefing.nlp import load_model  # noqa: E402
from bot.briefing.stakeactor import ACTOR_MODEL_FILE, ActorOptions, pick_actor  # noqa: E402
from bot.briefing.stakemodel import MODEL_FILE, VECTOR_MODEL_FILE, StakeModel  # noqa: E402
from bot.briefing.stakes import (  # noqa: E402
    SHORTLIST,
    StakeCandidate,
    kept_stakes,
    shortlist,
    stake_candidates,
    with_vectors,
)

MODEL = ROOT / "bot" / "data" / MODEL_FILE
VECTOR_MODEL = ROOT / "bot" / "data" / VECTOR_MODEL_FILE
ACTOR_MODEL = ROOT / "bot" / "data" / ACTOR_MODEL_FILE
DOC = ROOT / "docs" / "quality.md"
START, END = "<!-- train:start -->", "<!-- train:end -->"
ACTOR_START, ACTOR_END = "<!-- stake-actor:start -->", "<!-- stake-actor:end -->"
ACTOR_C = 0.1  # inverse regularization strength of the actor model, best of 0.03-1 in CV
# A candidate, its text, its label, and its features with the sentence vector.
Article = list[tuple[StakeCandidate, str, int, dict[str, float]]]
C = 0.05  # inverse regularization strength, chosen by cross-validation on the training set
C_VECTORS = 0.05  # the same for the second look (cues and sentence vectors)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
NEED = 0.6  # a sentence holds a stake when it covers this share of its words


def scorer(shared: Path) -> Any:
    """Import the shared brief scorer (score_set.py) from ../shared."""
    sys.path.insert(0, str(shared / "eval" / "brief"))
    import score_set

    return score_set


def candidates(text: str, nlp: Any) -> tuple[list[StakeCandidate], dict[int, str]]:
    """An article's stake candidates and its actors' names, as `brief_doc` sees them."""
    # engine.stake_candidates_of, plus the names the actor options refer to.
    doc, title = _parse(text, ArticleMeta(), nlp, DEFAULT_MAX_CHARS)
    reading = _read(doc, title)
    found = stake_candidates(doc, reading.quoted, reading.drafts, reading.actor_rank)
    return found, {i: actor.name for i, actor in enumerate(doc._.brief_actors)}


def examples(
    rows: list[dict[str, Any]], score_set: Any
) -> tuple[list[Article], list[dict[int, str]]]:
    """Every training article's candidates (each with its text and label) and actor names."""
    nlp = load_model()
    out, names = [], []
    for row in rows:
        stakes = [s["text"] for s in row["a"]["stakes"] + row["b"]["stakes"]]
        found = []
        cands, actor_names = candidates(row["text"], nlp)
        names.append(actor_names)
        for cand, full in zip(cands, with_vectors(cands, row["text"]), strict=True):
            text = row["text"][cand.start : cand.end]
            label = int(any(score_set.coverage(s, text) >= NEED for s in stakes))
            found.append((cand, text, label, full))
        out.append(found)
    return out, names


def fit(
    articles: list[Article], threshold: float, c: float = C, vectors: bool = False
) -> StakeModel:
    """Fit a logistic regression on the candidates of these articles (cues, or with vectors)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(
        [full if vectors else c.features for art in articles for c, _, _, full in art]
    )
    y = [label for art in articles for _, _, label, _ in art]
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, y)
    weights = dict(zip(vec.get_feature_names_out(), map(float, clf.coef_[0]), strict=True))
    return StakeModel(weights, float(clf.intercept_[0]), threshold)


def ranked(cues: StakeModel, vectors: StakeModel, art: Article) -> list[tuple[float, float, int]]:
    """The shortlist as the engine orders it: (second-look and cue odds, candidate index)."""
    place = {cand.start: i for i, (cand, _, _, _) in enumerate(art)}
    short = [place[c.start] for c in shortlist([cand for cand, _, _, _ in art], cues)]
    return sorted(
        ((vectors.probability(art[i][3]), cues.probability(art[i][0].features), i) for i in short),
        key=lambda pci: -pci[0],
    )


def kept(order: list[tuple[float, float, Any]], threshold: float) -> list[Any]:
    """What the engine would show of a ranked shortlist (`stakes.kept_stakes`)."""
    odds, cue_odds = [p for p, _, _ in order], [c for _, c, _ in order]
    return [order[n][2] for n in kept_stakes(odds, cue_odds, threshold)]


def pick(cues: StakeModel, vectors: StakeModel, art: Article) -> list[int]:
    """The candidates the engine would keep."""
    return kept(ranked(cues, vectors, art), vectors.threshold)


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
    probs: list[list[tuple[float, float, str]]] = [[] for _ in arts]
    for fold in range(folds):
        train = [a for i, a in enumerate(arts) if i % folds != fold]
        cues, vectors = fit(train, 0.0), fit(train, 0.0, C_VECTORS, vectors=True)
        for i, art in enumerate(arts):
            if i % folds == fold:
                probs[i] = [(p, c, art[n][1]) for p, c, n in ranked(cues, vectors, art)]
    result = {}
    for threshold in THRESHOLDS:
        picks = [kept(order, threshold) for order in probs]
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
        f"The {SHORTLIST} sentences the cue model ranks highest get a second look by the model "
        "with sentence vectors; the threshold is on its probability.",
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


def _right(shown: str | None, golds: list[str | None], score_set: Any) -> bool:
    """Whether the shown actor is one the annotators gave (no actor: when none gave one)."""
    if all(g is None for g in golds):
        return shown is None
    return shown is not None and any(g and score_set.same_actor(shown, g) for g in golds)


def _gold_actors(row: dict[str, Any], text: str, score_set: Any) -> list[str | None]:
    """The actors of the marked stakes a candidate matches, as the scorer pairs them."""
    marked = row["a"]["stakes"] + row["b"]["stakes"]
    return [
        s.get("actor")
        for s in marked
        if score_set.stake_pair(s["text"], text, NEED) and score_set.fits(s["text"], text)
    ]


ActorCase = tuple[ActorOptions, dict[int, str], list[str | None]]
ArticleCases = list[tuple[StakeCandidate, ActorCase]]


def actor_cases(
    rows: list[dict[str, Any]],
    arts: list[Article],
    names: list[dict[int, str]],
    score_set: Any,
) -> list[ArticleCases]:
    """Per article, each candidate that matches a marked stake: its options, names, gold."""
    out: list[ArticleCases] = []
    for row, art, actor_names in zip(rows, arts, names, strict=True):
        cases = []
        for cand, text, _, _ in art:
            golds = _gold_actors(row, text, score_set)
            if golds:
                cases.append((cand, (cand.actors, actor_names, golds)))
        out.append(cases)
    return out


def _difference(good: dict[str, float], bad: dict[str, float]) -> dict[str, float]:
    """One option's features minus another's."""
    diff = dict(good)
    for name, value in bad.items():
        diff[name] = diff.get(name, 0.0) - value
    return diff


def fit_actors(cases: list[ActorCase], score_set: Any) -> StakeModel:
    """Fit the actor model on pairs: a right option against a wrong one of the same stake."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x, y = [], []
    for options, actor_names, golds in cases:
        shown = {a: actor_names.get(a) if a is not None else None for a in options}
        right = {a: _right(shown[a], golds, score_set) for a in options}
        for good in (a for a in options if right[a]):
            for bad in (a for a in options if not right[a]):
                diff = _difference(options[good], options[bad])
                x += [diff, {k: -v for k, v in diff.items()}]
                y += [1, 0]
    vec = DictVectorizer()
    clf = LogisticRegression(C=ACTOR_C, max_iter=5000, fit_intercept=False)
    clf.fit(vec.fit_transform(x), y)
    weights = dict(zip(vec.get_feature_names_out(), map(float, clf.coef_[0]), strict=True))
    return StakeModel(weights, 0.0, 0.0)


def actor_accuracy(model: StakeModel, cases: list[ActorCase], score_set: Any) -> tuple[int, int]:
    """How many of these stakes get an actor the annotators gave, and how many there are."""
    right = 0
    for options, actor_names, golds in cases:
        actor = pick_actor(options, model)
        right += _right(actor_names.get(actor) if actor is not None else None, golds, score_set)
    return right, len(cases)


def _kept(cues: StakeModel, vectors: StakeModel, art: Article) -> set[int]:
    """The candidates (by start) the stake models keep for an article."""
    return {art[i][0].start for i in pick(cues, vectors, art)}


def cross_validate_actors(
    arts: list[Article],
    cases: list[ArticleCases],
    stakes: tuple[StakeModel, StakeModel],
    folds: int,
    score_set: Any,
) -> tuple[int, int]:
    """Article-level cross-validated actor accuracy on the stakes the shipped models keep."""
    right = total = 0
    for fold in range(folds):
        train = [c for i, art in enumerate(cases) if i % folds != fold for _, c in art]
        model = fit_actors(train, score_set)
        for i, art in enumerate(cases):
            if i % folds == fold:
                kept = _kept(*stakes, arts[i])
                test = [c for cand, c in art if cand.start in kept]
                r, n = actor_accuracy(model, test, score_set)
                right, total = right + r, total + n
    return right, total


def actor_report(right: int, total: int, rows: int, folds: int) -> str:
    """The Markdown paragraph for docs/quality.md (the stake actor model)."""
    return "\n".join(
        [
            ACTOR_START,
            f"Stake actors, trained {dt.date.today()} at commit `{commit()}` by `make train` "
            f"({rows} articles, {folds}-fold cross-validation by article): on the kept stakes "
            f"that match a marked one, the actor shown is one the annotators gave (or none "
            f"when they gave none) {right} times in {total} ({100 * right / max(total, 1):.1f}%).",
            ACTOR_END,
        ]
    )


def main() -> int:
    """Train, cross-validate, write the model and the report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=6)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    score_set = scorer(args.shared)
    rows = load_gold(SETS["train"], args.shared)
    arts, names = examples(rows, score_set)
    figures = cross_validate(rows, arts, args.folds, score_set)
    top = max(s["stake_f1"] for s in figures.values())
    # The highest threshold within half a point of the best F1: fewer weak stakes shown.
    best = max(t for t, s in figures.items() if s["stake_f1"] >= top - 0.5)
    for threshold, s in figures.items():
        print(f"threshold {threshold}: {s}")
    model = fit(arts, 0.0)  # the shortlist: no threshold of its own
    vectors = fit(arts, best, C_VECTORS, vectors=True)
    print(f"shipped threshold {best}; {len(model.weights)} + {len(vectors.weights)} features")
    cases = actor_cases(rows, arts, names, score_set)
    right, total = cross_validate_actors(arts, cases, (model, vectors), args.folds, score_set)
    actors = fit_actors([c for art in cases for _, c in art], score_set)
    print(
        f"stake actors: {right}/{total} right in cross-validation; {len(actors.weights)} features"
    )
    if not args.no_write:
        MODEL.write_text(model.to_json(), encoding="utf-8")
        VECTOR_MODEL.write_text(vectors.to_json(), encoding="utf-8")
        replace_block(DOC, START, END, report(figures, best, len(rows), args.folds), "Quality")
        ACTOR_MODEL.write_text(actors.to_json(), encoding="utf-8")
        block = actor_report(right, total, len(rows), args.folds)
        replace_block(DOC, ACTOR_START, ACTOR_END, block, "Quality")
    return 0


if __name__ == "__main__":
    sys.exit(main())
