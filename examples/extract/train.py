"""Train the clause model of ``dirtrack extract`` (``dirtrack/extract/clauses.json``).

Run with ``make extract-model`` (scikit-learn is needed here only, never at run time)::

    .venv/bin/python examples/extract/train.py [--check]

1. Every article it may learn from (the seeds and the development set without ``score.UNREAD``,
   ``fresh2``, ``fresh6``, ``fresh7``, ``fresh50`` and ``fresh51``, and without
   ``score.NOT_TRAINED``;
   ``fresh3`` is learnt from since round 5, ``fresh4`` since round 6, ``fresh5`` since round 7,
   ``fresh8`` since round 9, ``fresh9`` since round 10, ``train10`` since round 11, ``fresh10``,
   ``train11`` and ``train12`` since round 14, ``fresh11`` and ``fresh12`` since round 17,
   ``fresh13`` since round 19, ``fresh15``, ``fresh20``, ``fresh22`` and ``fresh23`` since
   round 32, ``fresh24`` since round 35, ``fresh25`` since round 36, ``fresh26`` since round 38,
   ``fresh27`` since round 39, ``fresh28`` since round 40, ``fresh29`` since round 43,
   ``fresh30`` since round 47, ``fresh31`` since round 50, ``fresh32`` since round 52,
   ``fresh33`` since round 55, ``fresh34`` since round 58, ``fresh35`` since round 61,
   ``fresh37`` since round 65, ``fresh36`` (read from round 63) since round 66, ``fresh38``
   since round 68, ``fresh39`` since round 71, ``fresh40`` since round 75, ``fresh41`` since
   round 79, ``fresh42`` since round 80, ``fresh43`` since round 82, ``fresh44`` (read from
   round 84) since round 87, ``fresh45`` since round 88, ``fresh46`` since round 90; ``fresh47``,
   ``fresh48`` and ``fresh49``, read from rounds 92, 93 and 95, are in ``score.NOT_TRAINED``) is
   read by the extractor with the model switched off; every clause the rules consider is
   recorded with its features (see ``dirtrack/extract/model.py``) and whether the rules took it.
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
   (one part left out at a time, ``score.READ_PARTS``, so a clause is never scored by a model
   that saw an article of its labeller, period and search; 5 folds grouped by article until
   round 30, which leaked them and gave the same thresholds) from the F1 over the candidates:
   of the thresholds whose smoothed F1 is within ``TIE`` of the best, the one nearest half the
   best F1 (see :func:`threshold`: the F1 is a plateau whose highest point is noise). From
   round 32 the thresholds written are ``THRESHOLDS``, chosen by the whole extractor left out
   by part (``oof.py --by-part``): directives add 0.4 and veto 0.35, limitations add 0.3; the
   curve's pick is still printed.
4. The weights (rounded, near-zero ones dropped) and the thresholds are written as JSON.

Training is deterministic: the articles are read in a fixed order, the feature names are
sorted by the vectorizer (whatever order Python's hash gives the sets they come from), the
folds are fixed, liblinear's seed is fixed, and every number is rounded before it is written;
two runs write byte-identical files.

``--check`` trains and prints the cross-validated figures without writing the file.
``--verify`` trains in memory and compares with the committed ``clauses.json`` and
``limitations.json`` (``make test-all`` runs it): exit status 1, with what differs, when they
are not what the committed code and data train (rules or data changed since the last
``make extract-model``). Byte-identical files pass; so do files that differ only by the float
noise another scikit-learn or platform may give (the same candidates, thresholds and weight
names, every weight and the bias within ``NOISE``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

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
#: The thresholds written (``add``, ``veto``), chosen by the whole extractor left out by part
#: (``oof.py --by-part``, round 32): with the four parts added in round 32 the candidates' curve
#: (printed, and what :func:`threshold` picks from it, 0.45 and 0.35) is a plateau again, and
#: the extractor's own figure, summed over the 29 parts, was higher at a lower veto and add for
#: directives
#: (0.35, 0.4: 815 right of 1,028 given against 807 of 1,009 at 0.45, eight parts gaining, one
#: losing one) and at 0.3 for limitations (346 of 474 against 339 of 460 at 0.35, four parts
#: gaining, none losing), as round 30 had found on fewer parts within noise. ``None``: the
#: curve's pick (:func:`threshold`), as until round 31.
THRESHOLDS: dict[str, tuple[float, float] | None] = {
    "directives": (0.4, 0.35),
    "limitations": (0.3, 0.0),
}
#: Candidate features the model may not use: what the rules decided is left out, so that the
#: model learns what a task looks like rather than to trust rules that were fitted to these
#: very articles (they take the right clauses here far more often than on new text).
HIDDEN = ("rule", "rule+zone", "norule+zone")
#: How far a weight may be from the committed one for ``--verify`` to call it float noise (two
#: units of the fourth decimal the weights are rounded to); a weight this close to the cut of
#: near-zero ones (0.005) may be on either side of it.
NOISE = 0.0002


def training_articles() -> list[score.Article]:
    left_out = score.UNREAD | score.NOT_TRAINED
    return score.seed_files() + [a for a in score.dev_files() if a.name not in left_out]


#: The part (``score.named_part``) of each training article, by its ``part/name``.
PART = {f"{a.part}/{a.name}": score.named_part(a) for a in training_articles()}


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
        # (a clause a rule cut a shortcoming out of is labelled by that shortcoming, not whole)
        _, pairs = score.match(
            [{"text": c.drafted or c.text} for c in found], gold, lambda _p, _g: True
        )
        positive = {i for i, _, _ in pairs}
        for i, cand in enumerate(found):
            feats.append([f for f in cand.features if f not in HIDDEN])
            labels.append(int(i in positive))
            rules.append(cand.rule)
            groups.append(f"{article.part}/{article.name}")
        covered = {j for _, j, _ in pairs}
        uncovered += len(gold) - len(covered)
    return feats, labels, rules, groups, uncovered


def fit(kind: str, x: Any, labels: list[int], rows: list[int]) -> Any:
    """The regression of ``kind`` fitted on the candidates ``rows`` of the design matrix ``x``:
    what is shipped (all rows) and what ``oof.py`` scores (the rows of the articles or parts
    it does not hold out) are fitted here, the same way."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(x[rows], [labels[i] for i in rows])
    return clf


def rounded(names: Any, clf: Any) -> dict[str, float]:
    """A fitted regression's weights as the model file holds them: rounded to four decimals,
    the near-zero ones dropped."""
    return {
        name: round(float(w), 4)
        for name, w in zip(names, clf.coef_[0], strict=False)
        if abs(w) >= 0.005
    }


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


def train(kind: str, check: bool = False) -> dict[str, object] | None:
    """Train the ``kind`` model and print its cross-validated figures; the model as it is
    written (None with ``check``: the figures only)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import LeaveOneGroupOut

    feats, labels, rules, groups, uncovered = collect(kind)
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])

    # out of fold by part: each part's candidates scored by a model that saw no other article
    # of its labeller, period and search (folds by article leak those; see oof.py --by-part)
    parts = [PART[g] for g in groups]
    oof = [0.0] * len(labels)
    for train_rows, test in LeaveOneGroupOut().split(x, labels, parts):
        clf = fit(kind, x, labels, list(train_rows))
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
        return None
    clf = fit(kind, x, labels, list(range(len(labels))))
    weights = rounded(vec.get_feature_names_out(), clf)
    chosen = THRESHOLDS.get(kind)
    # limitations: the rules' own items are kept and the model only adds; on fresh4, which the
    # rules were never written from, the rules and the model together found more than either
    # (out of fold: 8 of 11 against 7 for the model alone and 4 for the rules)
    add, veto = chosen or (alone[1], alone[1] if kind == "directives" else 0.0)
    data = {
        "about": f"dirtrack extract {kind} clause model: logistic regression, "
        "examples/extract/train.py",
        "seed": SEED,
        "C": C,
        "candidates": len(labels),
        "bias": round(float(clf.intercept_[0]), 4),
        "add": add,
        "veto": veto,
        "weights": dict(sorted(weights.items())),
    }
    return data


def render(data: dict[str, object]) -> str:
    """The model's file, as written."""
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def differences(committed: str, data: dict[str, object]) -> list[str]:
    """What differs between a committed model file and the model trained now: nothing when
    they are byte-identical or differ by float noise only (see ``NOISE``)."""
    if committed == render(data):
        return []
    try:
        old = json.loads(committed)
    except ValueError as exc:
        return [f"the committed file is no JSON: {exc}"]
    problems = [
        f"{key}: committed {old.get(key)!r}, trained {data[key]!r}"
        for key in ("about", "seed", "C", "candidates", "add", "veto")
        if old.get(key) != data[key]
    ]
    bias = data["bias"]
    assert isinstance(bias, float)
    if abs(float(old.get("bias", 0.0)) - bias) > NOISE:
        problems.append(f"bias: committed {old.get('bias')!r}, trained {bias!r}")
    new_w = data["weights"]
    assert isinstance(new_w, dict)
    old_w: dict[str, float] = old.get("weights", {})
    cut = 0.005 + NOISE
    only_old = [k for k in old_w if k not in new_w and abs(old_w[k]) > cut]
    only_new = [k for k in new_w if k not in old_w and abs(new_w[k]) > cut]
    moved = [
        k for k in old_w.keys() & new_w.keys() if abs(float(old_w[k]) - float(new_w[k])) > NOISE
    ]
    if only_old or only_new or moved:
        problems.append(
            f"weights: {len(moved)} of {len(new_w)} differ by more than {NOISE}, "
            f"{len(only_old)} only in the committed file, {len(only_new)} only in the trained "
            f"one (e.g. {sorted(moved + only_old + only_new)[:3]})"
        )
    return problems


def main(argv: list[str]) -> int:
    check = "--check" in argv
    verify = "--verify" in argv
    kinds = [a for a in argv if not a.startswith("-")] or ["directives", "limitations"]
    stale = False
    for kind in kinds:
        out = OUT if kind == "directives" else OUT_LIMITS
        data = train(kind, check)
        if data is None:
            continue
        name = out.relative_to(HERE.parent.parent)
        if not verify:
            out.write_text(render(data), encoding="utf-8")
            print(f"wrote {name}: {len(data['weights'])} weights")
            continue
        problems = differences(out.read_text(encoding="utf-8"), data)
        if problems:
            stale = True
            print(f"{name} is NOT what training gives:", *problems, sep="\n  ")
        elif out.read_text(encoding="utf-8") == render(data):
            print(f"{name}: what training gives (byte-identical)")
        else:
            print(f"{name}: what training gives (within float noise, {NOISE})")
    if stale:
        print("The committed models are stale: run `make extract-model` and commit the files.")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
