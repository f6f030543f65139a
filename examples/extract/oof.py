"""Out-of-fold scores of the whole extractor on the articles the models learn from.

Run with ``make extract-model`` done once (scikit-learn is needed)::

    .venv/bin/python examples/extract/oof.py             # 5 folds grouped by article
    .venv/bin/python examples/extract/oof.py --by-part   # leave one part out

The articles ``train.py`` learns from are split into 5 folds by article; each fold is read by
``dirtrack.extract`` with both clause models trained on the other four (same features, C, and
the shipped thresholds) and scored as ``score.py`` scores. The rules were written from most of
these articles, so this measures the models, not the rules, on text they did not see.
``fresh10`` (trained on from round 14) has a row of its own: its rules were written from it in
round 13, its models never see it here. ``fresh11`` and ``fresh12`` (read and trained on from
round 17, the validation of rounds 15 and 16) have rows of their own too, and so has ``fresh13``
(read and trained on from round 19, the validation of round 18).

Folds by article leak: the articles of one part share a labeller, a period, a search and a
kind of source, so an article's neighbours in the training folds carry its style, and these
figures did not predict the parts never read (round 30). ``--by-part`` holds out one part at a
time instead (``score.READ_PARTS``: each part labelled in one round; the seeds; the first 66 read
articles as their two halves ``build`` and ``measured``): for each part the models are trained
on the other parts' candidates (the rows ``train.py`` fits on, less that part's; the same
features, C, rounding and the shipped thresholds) and the part is scored with the rules as
shipped (``fresh15``, ``fresh20``, ``fresh22`` and ``fresh23``, never read until round 31, are
folds from round 32; ``fresh24``, never read until round 34, from round 35; ``fresh25``, never
read until round 35, from round 36; ``fresh26``, never read until round 37, from round 38;
``fresh27``, never read until round 38, from round 39; ``fresh28``, never read until round 39,
from round 40; ``fresh29``, never read until round 42, from round 43; ``fresh30``, never read
until round 46, from round 47; ``fresh31``, never read until round 49, from round 50). The
parts read but not trained on (``score.NOT_TRAINED``: ``fresh14``, ``fresh16``, ``fresh17``,
``fresh18``, ``fresh19``, ``fresh21``) are folds too, scored with the models trained on
everything (the shipped ones). It prints a row per part, strict and on texts alone (unit and
deadline left out), then the sums over all parts; then the unit alone (round 31), a row per part and
summed: of the items whose texts match the gold's, the share with the gold's unit, and how many of
each miss (``score.unit_kind``: another unit, none where the gold names one, one where the gold has
none); then the same tables by kind of article (round 36, ``score.article_kind``: notices of
conclusions, documents and news items without a meeting, inspection visits, other meetings). Before
anything it checks that the models trained with nothing held out are the committed files' weights,
bias and thresholds.
The never-read parts (``score.UNREAD``) are no fold and are never read here.
"""

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import score  # noqa: E402
import train  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from dirtrack.extract import model as cm  # noqa: E402

KINDS = {cm.DIRECTIVES: "directives", cm.LIMITATIONS: "limitations"}
#: The rows of the 5-fold table, in order.
ROWS = (
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
)


def part_of(article: score.Article) -> str:
    """The row of the 5-fold table an article counts in."""
    part = score.named_part(article)
    return part if part in ROWS else "other read"


def fold_model(kind: str, test: set[str], base: cm.Model) -> cm.Model:
    """The ``kind`` model trained without the articles ``test`` (``part/name``), rounded as the
    shipped file is, with ``base``'s thresholds."""
    feats, labels, _rules, groups, _ = DATA[kind]
    rows = [i for i, g in enumerate(groups) if g not in test]
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    clf = train.fit(kind, x, labels, rows)
    weights = train.rounded(vec.get_feature_names_out(), clf)
    return cm.Model(weights, round(float(clf.intercept_[0]), 4), base.add, base.veto)


def shipped() -> dict[str, cm.Model]:
    models = {}
    for file in KINDS:
        base = cm.load(file)
        assert base is not None, "run make extract-model first"
        models[file] = base
    return models


def scored(articles: list[score.Article], models: dict[str, cm.Model]) -> score.Totals:
    """The articles read with ``models`` and scored, summed."""
    original = cm.load
    cm.load = lambda name=cm.DIRECTIVES, m=models: m[name]  # type: ignore[misc]
    try:
        return score.run(articles, out=False)
    finally:
        cm.load = original


def by_article() -> dict[str, score.Totals]:
    """5 folds grouped by article: the rows of ``ROWS`` and ``all``."""
    base = shipped()
    names = sorted(set(DATA["limitations"][3]))
    articles = {f"{a.part}/{a.name}": a for a in train.training_articles()}
    totals: dict[str, score.Totals] = {}
    for _, test_rows in GroupKFold(n_splits=5).split(names, groups=names):
        test = {names[i] for i in test_rows}
        models = {file: fold_model(KINDS[file], test, base[file]) for file in KINDS}
        for group in sorted(test):
            article = articles[group]
            one = scored([article], models)
            for key in (part_of(article), "all"):
                totals.setdefault(key, score.Totals()).add(one)
    return totals


def parts() -> dict[str, list[score.Article]]:
    """The folds of leave-one-part-out: every part read (trained on or not), in a fixed order."""
    out: dict[str, list[score.Article]] = {}
    for article in score.seed_files() + score.select("read"):
        out.setdefault(score.named_part(article), []).append(article)
    return out


def by_part(
    base: dict[str, cm.Model] | None = None, kinds: dict[str, score.Totals] | None = None
) -> dict[str, score.Totals]:
    """Leave one part out: each part scored with the models trained without it (and ``base``'s
    thresholds, the shipped ones by default); ``kinds``, when given, gets the same articles
    summed by ``score.article_kind``."""
    base = base or shipped()
    trained = {f"{a.part}/{a.name}" for a in train.training_articles()}
    totals: dict[str, score.Totals] = {}
    for part, articles in parts().items():
        test = {f"{a.part}/{a.name}" for a in articles} & trained
        models = {file: fold_model(KINDS[file], test, base[file]) for file in KINDS}
        if kinds is None:
            totals[part] = scored(articles, models)
            continue
        totals[part] = score.Totals()
        for article in articles:
            one = scored([article], models)
            totals[part].add(one)
            kinds.setdefault(score.article_kind(article), score.Totals()).add(one)
    return totals


def reproduces() -> list[str]:
    """What differs between the models trained with nothing held out and the committed files."""
    problems = []
    for file, base in shipped().items():
        mine = fold_model(KINDS[file], set(), base)
        if mine.weights != base.weights or mine.bias != base.bias:
            problems.append(f"{file}: the model trained on every fold is not the committed one")
    return problems


def cell(counts: score.Counts) -> str:
    return f"{counts.f1:4.2f} {counts.tp:>3}/{counts.predicted:<3}/{counts.gold:<3}"


def table(totals: dict[str, score.Totals], summed: bool = True) -> list[str]:
    """A row per part, strict and on texts alone, and the sums (and their summary, with
    ``summed``)."""
    head = f"{'part':<10} {'art':>3}  {'lim. strict':<16} {'lim. texts':<16} "
    head += f"{'dir. strict':<16} {'dir. texts':<16}"
    rows = [head, "-" * len(head)]
    whole = score.Totals()
    for part, t in totals.items():
        whole.add(t)
        rows.append(
            f"{part:<10} {t.articles:>3}  {cell(t.fields['limitations']):<16} "
            f"{cell(t.texts['limitations']):<16} {cell(t.fields['directives']):<16} "
            f"{cell(t.texts['directives']):<16}"
        )
    rows.append(
        f"{'summed':<10} {whole.articles:>3}  {cell(whole.fields['limitations']):<16} "
        f"{cell(whole.texts['limitations']):<16} {cell(whole.fields['directives']):<16} "
        f"{cell(whole.texts['directives']):<16}"
    )
    rows = [*rows, "", *unit_table(totals)]
    return [*rows, "", *score.summary("leave one part out, summed", whole)] if summed else rows


def unit_cell(kinds: Counter[str]) -> str:
    """The unit alone: share right of the text-matched items, right/matched, and the misses
    (gold first: X -> Y, X -> none, none -> X)."""
    matched = sum(kinds.values())
    return f"{score.unit_share(kinds):4.2f} {kinds['right']:>3}/{matched:<3} " + "/".join(
        f"{kinds[k]}" for k in score.UNIT_KINDS[1:]
    )


def unit_table(totals: dict[str, score.Totals]) -> list[str]:
    """The unit alone, a row per part and the sums: of the items whose texts match the gold's,
    how many have the gold's unit, and each kind of miss (``score.unit_kind``)."""
    head = f"{'part':<10} {'lim. unit right, X->Y/X->none/none->X':<38} "
    head += f"{'dir. unit right, X->Y/X->none/none->X':<38}"
    rows = [head, "-" * len(head)]
    whole: dict[str, Counter[str]] = {k: Counter() for k in ("limitations", "directives")}
    for part, t in [*totals.items(), ("summed", None)]:
        if t is not None:
            for key in whole:
                whole[key].update(t.units[key])
        units = t.units if t is not None else whole
        rows.append(
            f"{part:<10} {unit_cell(units['limitations']):<38} {unit_cell(units['directives']):<38}"
        )
    return rows


def main(argv: list[str]) -> int:
    if "--by-part" in argv:
        problems = reproduces()
        if problems:
            print(*problems, sep="\n")
            return 1
        print("the models trained on every part are the committed ones")
        kinds: dict[str, score.Totals] = {}
        print("\n".join(table(by_part(kinds=kinds))))
        print("\nby kind of article (score.article_kind), each part left out")
        print("\n".join(table({k: kinds[k] for k in score.KINDS if k in kinds}, summed=False)))
        return 0
    totals = by_article()
    for key in (*ROWS, "all"):
        if key in totals:
            print("\n".join(score.summary(f"out of fold, {key}", totals[key])))
    return 0


DATA = {k: train.collect(k) for k in ("directives", "limitations")}

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
