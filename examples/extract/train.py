"""Train the clause model of ``dirtrack extract`` (``dirtrack/extract/clauses.json``).

Run with ``make extract-model`` (scikit-learn is needed here only, never at run time)::

    .venv/bin/python examples/extract/train.py [--check]

1. Every article it may learn from (the seeds and the development set without ``score.UNREAD``:
   ``fresh2``, ``fresh6``, ``fresh7`` and ``fresh14``; ``fresh3`` is learnt from since round 5,
   ``fresh4`` since round 6, ``fresh5`` since round 7, ``fresh8`` since round 9, ``fresh9``
   since round 10, ``train10`` since round 11, ``fresh10``, ``train11`` and ``train12`` since
   round 14, ``fresh11`` and ``fresh12`` since round 17, ``fresh13`` since round 19) is read
   by the extractor with the model switched off; every clause the rules consider is recorded
   with its features (see ``dirtrack/extract/model.py``) and whether the rules took it.
2. A clause is labelled a directive when a hand-annotated directive of its article is matched
   to it as ``score.py`` matches texts (accent-folded word sets overlapping by half or more; each
   gold directive to one clause at most, the closest first).
   Limitations the same way (``limitations.json``): every clause of the body is a candidate
   (``dirtrack.extract.items.extract_limitations``), labelled by the annotated limitations;
   the threshold is chosen the same way and only adds (the rules' own items are kept).
3. A logistic regression (liblinear, L2, fixed seed) is fitted on them, without the feature
   that says what the rules decided: on these articles the rules, fitted to them, take exactly
   the right clauses, which they do not on new text, so a model that saw it would only learn to
   trust them. The model decides alone: one threshold, written as both ``add`` (take a clause the
   rules passed over) and ``veto`` (drop one they took), chosen on out-of-fold probabilities
   (5 folds grouped by article, so a clause is never scored by a model that saw its article)
   from the F1 of directives over the candidates: of the thresholds whose smoothed F1 is within
   ``TIE`` of the best, the one nearest half the best F1 (see :func:`threshold`: the F1 is a
   plateau whose highest point is noise).
4. The weights (rounded, near-zero ones dropped) and the thresholds are written as JSON.

``--check`` trains and prints the cross-validated figures without writing the file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import score  # noqa: E402

from dirtrack.extract import extract  # noqa: E402
from dirtrack.extract import model as clause_model  # noqa: E402

OUT = HERE.parent.parent / "dirtrack" / "extract" / "clauses.json"
OUT_LIMITS = HERE.parent.parent / "dirtrack" / "extract" / "limitations.json"
SEED = 0
C = 1.0
#: Out-of-fold F1s closer than this to the best are ties (about one candidate's worth of F1 among
#: the directives' ~1,000 counted terms; see :func:`threshold`).
TIE = 0.003
#: Candidate features the model may not use: what the rules decided is left out, so that the
#: model learns what a task looks like rather than to trust rules that were fitted to these
#: very articles (they take the right clauses here far more often than on new text).
HIDDEN = ("rule", "rule+zone", "norule+zone")


def training_articles() -> list[score.Article]:
    left_out = score.UNREAD | score.NOT_TRAINED
    return score.seed_files() + [a for a in score.dev_files() if a.name not in left_out]


def collect(
    kind: str = "directives",
) -> tuple[list[list[str]], list[int], list[bool], list[str], int]:
    """Features, labels, rule decisions and article of every candidate of ``kind``
    (``directives`` or ``limitations``); and how many gold items no candidate covers."""
    feats: list[list[str]] = []
    labels: list[int] = []
    rules: list[bool] = []
    groups: list[str] = []
    uncovered = 0
    for article in training_articles():
        gold = json.loads(article.gold_path.read_text(encoding="utf-8"))[kind]
        text = article.text_path.read_text(encoding="utf-8")
        clause_model.RECORDER = []
        clause_model.LIMIT_RECORDER = []
        try:
            extract(text, today=article.reference)
            if kind == "directives":
                found = clause_model.RECORDER
            else:
                found = clause_model.LIMIT_RECORDER
        finally:
            clause_model.RECORDER = None
            clause_model.LIMIT_RECORDER = None
        # one candidate per gold item, as score.py matches (greedy, highest overlap first):
        # a report sentence worded like a task is no task when the task itself is a candidate
        _, pairs = score.match([{"text": c.text} for c in found], gold, lambda _p, _g: True)
        positive = {i for i, _, _ in pairs}
        for i, cand in enumerate(found):
            feats.append([f for f in cand.features if f not in HIDDEN])
            labels.append(int(i in positive))
            rules.append(cand.rule)
            groups.append(f"{article.part}/{article.name}")
        covered = {j for _, j, _ in pairs}
        uncovered += len(gold) - len(covered)
    return feats, labels, rules, groups, uncovered


def f1_at(probs, labels, rules, add: float, veto: float, uncovered: int) -> float:
    tp = fp = fn = 0
    for p, y, r in zip(probs, labels, rules, strict=False):
        take = p >= veto if r else p >= add
        if take and y:
            tp += 1
        elif take:
            fp += 1
        elif y:
            fn += 1
    fn += uncovered
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def threshold(curve: dict[float, float]) -> float:
    """The threshold on the model's probability, from the out-of-fold F1 at each (``curve``).

    The F1 is first smoothed (each threshold scored with its two neighbours). Over the thresholds
    that matter for directives it is a plateau (0.90 give or take 0.005 from 0.25 to 0.65): its
    highest point is noise, and it moved 0.45 → 0.50 when one part (fresh10) was added, vetoing
    items the rules take at 0.41. So thresholds within ``TIE`` of the best smoothed F1 count as
    equal, and of those the one nearest half the best F1 is taken: for calibrated probabilities,
    as a logistic regression's nearly are, the threshold that maximises F1 is half the F1 it
    reaches (Lipton, Elkan and Narayanaswamy, "Optimal thresholding of classifiers to maximize
    F1 measure", 2014), and half a plateau's height hardly moves when a part is added. Where
    the curve has a clear peak (limitations) the peak wins.
    """
    grid = sorted(curve)
    smooth = {
        t: sum(curve[u] for u in grid if abs(u - t) <= 0.051)
        / sum(1 for u in grid if abs(u - t) <= 0.051)
        for t in grid
    }
    best = max(smooth.values())
    near = [t for t in grid if smooth[t] >= best - TIE]
    return min(near, key=lambda t: (abs(t - max(curve.values()) / 2), t))


def train(kind: str, out: Path, check: bool) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    feats, labels, rules, groups, uncovered = collect(kind)
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])

    def fit(rows):
        clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
        clf.fit(x[rows], [labels[i] for i in rows])
        return clf

    oof = [0.0] * len(labels)
    for train_rows, test in GroupKFold(n_splits=5).split(x, labels, groups):
        clf = fit(train_rows)
        for i, p in zip(test, clf.predict_proba(x[test])[:, 1], strict=False):
            oof[i] = float(p)
    grid = [i / 20 for i in range(1, 20)]
    rules_only = f1_at([1.0 if r else 0.0 for r in rules], labels, rules, 0.5, 0.5, uncovered)
    curve = {t: f1_at(oof, labels, [False] * len(labels), t, t, uncovered) for t in grid}
    best_t = threshold(curve)
    alone = (curve[best_t], best_t)
    if check:
        print(
            f"{kind}: out-of-fold F1 by threshold: " + " ".join(f"{t}:{curve[t]:.3f}" for t in grid)
        )
    print(
        f"{kind}: candidate F1, out of fold, the model alone deciding: "
        f"{alone[0]:.3f} (at {alone[1]})"
    )
    counts = Counter(zip(labels, rules, strict=False))
    print(
        f"{kind}: {len(labels)} candidates from {len(set(groups))} articles: "
        f"{counts[(1, True)]} the rules take, {counts[(1, False)]} they pass over, "
        f"{counts[(0, True)]} wrongly taken; {uncovered} gold items no candidate covers"
    )
    print(f"{kind}: candidate F1, rules alone: {rules_only:.3f}")
    if check:
        return
    clf = fit(list(range(len(labels))))
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=False)
        if abs(w) >= 0.005
    }
    data = {
        "about": f"dirtrack extract {kind} clause model: logistic regression, "
        "examples/extract/train.py",
        "seed": SEED,
        "C": C,
        "candidates": len(labels),
        "bias": round(float(clf.intercept_[0]), 4),
        "add": alone[1],
        # limitations: the rules' own items are kept and the model only adds; on fresh4, which
        # the rules were never written from, the rules and the model together found more than
        # either (out of fold: 8 of 11 against 7 for the model alone and 4 for the rules)
        "veto": alone[1] if kind == "directives" else 0.0,
        "weights": dict(sorted(weights.items())),
    }
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(HERE.parent.parent)}: {len(weights)} weights")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    kinds = [a for a in argv if not a.startswith("-")] or ["directives", "limitations"]
    for kind in kinds:
        train(kind, OUT if kind == "directives" else OUT_LIMITS, check)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
