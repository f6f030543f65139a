"""Out-of-fold scores of the whole extractor on the articles the models learn from.

Run with ``make extract-model`` done once (scikit-learn is needed)::

    .venv/bin/python examples/extract/oof.py

The articles ``train.py`` learns from are split into 5 folds by article; each fold is read by
``dirtrack.extract`` with both clause models trained on the other four (same features, C, and
the shipped thresholds) and scored as ``score.py`` scores. The rules were written from most of
these articles, so this measures the models, not the rules, on text they did not see; only
the parts never trained on (``fresh2``, ``fresh6``, ``fresh7``, ``fresh14``) measure both.
``fresh10`` (trained on from round 14) has a row of its own: its rules were written from it in
round 13, its models never see it here. ``fresh11`` and ``fresh12`` (read and trained on from
round 17, the validation of rounds 15 and 16) have rows of their own too, and so has ``fresh13``
(read and trained on from round 19, the validation of round 18).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import score  # noqa: E402
import train  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from dirtrack.extract import model as cm  # noqa: E402


def part_of(article: score.Article) -> str:
    if article.part == "seeds":
        return "seeds"
    for name, members in (
        ("fresh13", score.FRESH13),
        ("fresh12", score.FRESH12),
        ("fresh11", score.FRESH11),
        ("train12", score.TRAIN12),
        ("train11", score.TRAIN11),
        ("fresh10", score.FRESH10),
        ("train10", score.TRAIN10),
        ("fresh9", score.FRESH9),
        ("fresh8", score.FRESH8),
        ("fresh5", score.FRESH5),
        ("fresh4", score.FRESH4),
        ("fresh3", score.FRESH3),
    ):
        if article.name in members:
            return name
    return "other read"


def fold_model(kind: str, test: set[str], base: cm.Model) -> cm.Model:
    feats, labels, _rules, groups, _ = DATA[kind]
    rows = [i for i, g in enumerate(groups) if g not in test]
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    clf = LogisticRegression(C=train.C, solver="liblinear", random_state=train.SEED, max_iter=1000)
    clf.fit(x[rows], [labels[i] for i in rows])
    names = vec.get_feature_names_out()
    weights = {n: float(v) for n, v in zip(names, clf.coef_[0], strict=True)}
    return cm.Model(weights, float(clf.intercept_[0]), base.add, base.veto)


def main() -> int:
    shipped = {cm.DIRECTIVES: cm.load(cm.DIRECTIVES), cm.LIMITATIONS: cm.load(cm.LIMITATIONS)}
    kinds = {cm.DIRECTIVES: "directives", cm.LIMITATIONS: "limitations"}
    names = sorted(set(DATA["limitations"][3]))
    articles = {f"{a.part}/{a.name}": a for a in train.training_articles()}
    totals: dict[str, score.Totals] = {}
    original = cm.load
    try:
        for _, test_rows in GroupKFold(n_splits=5).split(names, groups=names):
            test = {names[i] for i in test_rows}
            models = {}
            for file, base in shipped.items():
                assert base is not None, "run make extract-model first"
                models[file] = fold_model(kinds[file], test, base)
            cm.load = lambda name=cm.DIRECTIVES, m=models: m[name]  # type: ignore[misc]
            for group in sorted(test):
                article = articles[group]
                one = score.run([article], out=False)
                for key in (part_of(article), "all"):
                    totals.setdefault(key, score.Totals()).add(one)
    finally:
        cm.load = original
    for key in (
        "seeds",
        "other read",
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh8",
        "fresh9",
        "fresh10",
        "train10",
        "train11",
        "train12",
        "fresh11",
        "fresh12",
        "fresh13",
        "all",
    ):
        if key in totals:
            print("\n".join(score.summary(f"out of fold, {key}", totals[key])))
    return 0


DATA = {k: train.collect(k) for k in ("directives", "limitations")}

if __name__ == "__main__":
    raise SystemExit(main())
