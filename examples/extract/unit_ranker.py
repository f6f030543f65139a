"""Could a ranker learnt from the annotations choose each item's unit better than the rules?

Run with ``make extract-model`` done once (scikit-learn, hence numpy and scipy, is needed)::

    .venv/bin/python examples/extract/unit_ranker.py [--features] [--by-part]

A measuring tool: nothing here is used by ``dirtrack extract``. On the articles ``train.py``
learns from (never ``score.UNREAD``), each article is extracted as shipped, and every
limitation and directive of the draft is given a set of candidate units:

- the rules' own choice and ``null``;
- each unit named in the item's text, in the rest of its sentence, in the sentence before it,
  in the first sentence of its paragraph, in the last sentence of the paragraph before (a list
  intro when it ends on ``:``), in the heading above it; the previous item's unit;
- the working session's partner(s) (``session_partners``) and the body whose own meeting it is
  (``meeting_host``);
- the units the headline and the news lead (sapo) name.

Each is written as the resolver writes units (its name, with the place the article gives it).
A pair (item, candidate) has general features only, never an article's words: where the
candidate stands (the subject the item's text opens on, before or after the negative predicate,
after a request verb, after "phối hợp"/"cùng"/"và", inside a "của"/"tại" phrase, before the text
in its sentence, in another sentence, in a heading, the partner, the host, the lead), its level
and kind of body, a level word with no place, how many places name it, a collective subject
("các sở, ngành"), whether the item names a unit itself, the meeting's kind, how many units the
article names, the item's kind; and whether the rules chose it.

An item is labelled when a gold item of its kind matches its text (``score.match`` with the units
and deadlines ignored); the candidate whose ``unit_key`` is the gold unit's is the positive one
(``null`` when the gold has none). The ranker is a conditional logit (a softmax over an item's
candidates, L2, fitted with L-BFGS: a logistic regression that compares an item's candidates
with each other), fitted in 5 folds grouped by article as ``oof.py`` folds them; each item is
ranked by the fold that did not see its article. Printed:

1. candidate recall: the share of text-matched items whose gold unit is a candidate (the ceiling
   of any ranker);
2. out of fold, the unit's accuracy on text-matched items: the rules; the model alone (the
   feature that says what the rules chose hidden, as the clause model hides it); the model with
   that feature, overriding the rules only when its best candidate scores more than a margin above
   the rules' choice; by part, and the changes it makes (fixed / broken / both wrong);
3. the strict F1 of each kind (``score.py``'s matching) with those units in the drafts.

The drafts come from the shipped clause models (in sample); the units are out of fold.
``--features`` prints the weights of the model alone fitted on every article.
``--by-part`` (round 31) judges the ranker as ``oof.py --by-part`` judges the extractor: every
article of ``score.READ_PARTS`` and the seeds (those read but not trained on too), each part's
items ranked by the ranker fitted on the other parts' (the drafts still from the shipped clause
models: the unit chooser alone is held out), with the rows by part.
``--apply PART [--margin M]`` fits the model alone (or, with ``--margin``, the model that sees the
rules' choice) on every training article, applies it after the extractor to the articles of
``PART`` and prints summary lines only (strict; unit and text; text alone; the rules' and the
ranker's), as the validation of round 20 was looked at (``fresh14``; never ``fresh15``, which the
lead scores).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import score  # noqa: E402
import train  # noqa: E402

from dirtrack.extract import extract, partners_named, read_article  # noqa: E402
from dirtrack.extract.folding import fold_aligned, lower_aligned  # noqa: E402
from dirtrack.extract.items import _AFTER_PLURAL, _gave_it, _negative  # noqa: E402
from dirtrack.extract.lexicon import COLLECTIVE_SUBJECT  # noqa: E402
from dirtrack.extract.units import (  # noqa: E402
    Mention,
    UnitResolver,
    meeting_host,
    unit_key,
)

C = 0.3
FOLDS = 5
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
KINDS = ("limitations", "directives")

_REQUEST_BEFORE = re.compile(
    r"\b(?:de nghi|yeu cau|giao(?: cho)?|chi dao|giao nhiem vu cho|dong y|thong nhat|"
    r"luu y|nhac nho|kien nghi|de xuat)\s*(?:cho\s+)?$"
)
_WITH_BEFORE = re.compile(r"\b(?:phoi hop(?: voi)?|cung(?: voi)?|va|voi)\s*$")
_OF_BEFORE = re.compile(r"\b(?:cua|tai|thuoc|tren dia ban|doi voi)\s*$")
_LEVELS = (
    ("tinh", re.compile(r"\btinh\b")),
    ("huyen", re.compile(r"\b(?:huyen|quan|thi xa|thanh pho)\b")),
    ("xa", re.compile(r"\b(?:xa|phuong|thi tran)\b")),
)
_BODIES = (
    ("ubnd", re.compile(r"^uy ban nhan dan\b")),
    ("hdnd", re.compile(r"^(?:thuong truc )?hoi dong nhan dan\b")),
    ("party", re.compile(r"^(?:\w+ uy\b|dang uy|chi bo|ban thuong vu|ban chap hanh)")),
    ("front", re.compile(r"^(?:mat tran|hoi |doan thanh nien|lien doan)")),
    ("dept", re.compile(r"^(?:so|phong|chi cuc|cuc|bo)\b")),
    ("office", re.compile(r"^(?:van phong|ban|trung tam|ban quan ly)\b")),
    ("place", re.compile(r"^(?:tinh|huyen|quan|thi xa|thanh pho|xa|phuong|thi tran)\b")),
)
_BARE_LEVEL = ("tinh", "huyen", "xa", "phuong", "quan", "tran")


@dataclass
class Choice:
    """One candidate unit of an item (``value`` None: no unit) and its features."""

    value: str | None
    features: list[str]


@dataclass
class Item:
    article: str  # part/name
    part: str  # the row of oof.py it counts in
    kind: str
    index: int  # its place among the draft's items of its kind
    rules: str | None
    gold: str | None
    matched: bool  # a gold item matches its text
    choices: list[Choice] = field(default_factory=list)

    def positive(self, choice: Choice) -> bool:
        return self.matched and same(choice.value, self.gold)


def same(a: str | None, b: str | None) -> bool:
    return score.same_unit(a, b)


@dataclass
class Context:
    """What the extractor knows of an article when it gives the items their units."""

    resolver: UnitResolver
    paragraphs: list[tuple[str, tuple[str, ...]]]  # (kind, sentences)
    where: dict[str, tuple[int, int]]  # sentence -> (paragraph, index in it)
    headline: list[str]
    lead: list[str]
    partners: list[str]
    host: str | None
    meeting_kind: str
    units_named: int


def _values(resolver: UnitResolver, sentence: str) -> list[tuple[Mention, str]]:
    return [
        (m, m.code or m.name or "")
        for m in resolver.mentions(sentence)
        if m.name is not None and not m.affiliation
    ]


def context(text: str, today: Any) -> Context:
    """The article's context, read by the same steps as ``dirtrack.extract.extract``."""
    read = read_article(text, today)
    paragraphs = [(p.kind, p.sentences) for p in read.paragraphs]
    info, lead, headings = read.info, read.lead, read.headings
    resolver = UnitResolver(read.sentences, (), lead, headings)
    partners = partners_named(info.kind, lead, headings, resolver)
    where: dict[str, tuple[int, int]] = {}
    named: set[str] = set()
    for p, (kind, sents) in enumerate(paragraphs):
        for s, sentence in enumerate(sents):
            where.setdefault(sentence, (p, s))
            if kind == "body":
                named.update(unit_key(v) for _, v in _values(resolver, sentence))
    return Context(
        resolver,
        paragraphs,
        where,
        [v for _, v in _values(resolver, headings[0])] if headings else [],
        [v for _, v in _values(resolver, lead)] if lead else [],
        list(partners or []),
        meeting_host(lead, resolver) if lead is not None else None,
        info.kind or "none",
        len(named),
    )


def _level(key: str) -> str:
    for name, pattern in _LEVELS:
        if pattern.search(key):
            return name
    if re.search(r"\b(?:tinh|huyen|thanh|thi|quan) uy\b", key):
        return "party-" + key.split()[0]
    return "none"


def _body(key: str) -> str:
    return next((name for name, pattern in _BODIES if pattern.search(key)), "other")


def _size(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def candidates(
    kind: str,
    item: dict[str, Any],
    previous: tuple[str | None, str] | None,
    ctx: Context,
) -> list[Choice]:
    """The candidate units of one draft item, with their features."""
    short = "lim" if kind == "limitations" else "dir"
    found: dict[str | None, tuple[str | None, set[str]]] = {}

    def add(value: str | None, *feats: str) -> None:
        key = unit_key(value) if value else None
        if key == "":
            return
        found.setdefault(key, (value, set()))[1].update(feats)

    rules = item["unit"]
    add(rules, "rules")
    add(None, "null")
    sentence = item["source"] or item["text"]
    text_key = fold_aligned(item["text"])
    sent_key = fold_aligned(sentence)
    head = text_key[:40].strip()
    at = sent_key.find(head) if head else -1
    start, end = (at, at + len(text_key)) if at >= 0 else (0, len(sent_key))
    neg = _negative(sent_key, lower_aligned(sentence), start, end)
    first_in_text = True
    text_has_unit = False
    for m, value in _values(ctx.resolver, sentence):
        before = sent_key[max(0, m.start - 40) : m.start]
        feats = []
        if start <= m.start < end:
            text_has_unit = True
            feats.append(
                "t:noneg"
                if neg is None
                else "t:beforeneg"
                if m.start < neg.start()
                else "t:afterneg"
            )
            if _gave_it(sent_key, m):
                feats.append("t:gave")
            if _AFTER_PLURAL.search(sent_key, max(start, m.start - 40), m.start):
                feats.append("t:afterplural")
            if m.start - start <= 3:
                feats.append("t:subject")
            elif _WITH_BEFORE.search(before):
                feats.append("t:with")
            elif _OF_BEFORE.search(before):
                feats.append("t:of")
            elif _REQUEST_BEFORE.search(before):
                feats.append("t:asked")
            else:
                feats.append("t:inside")
            if first_in_text:
                feats.append("t:first")
                first_in_text = False
        elif m.start < start:
            feats.append("s:before")
            if _REQUEST_BEFORE.search(before):
                feats.append("s:asked")
            elif _WITH_BEFORE.search(before):
                feats.append("s:with")
            elif _OF_BEFORE.search(before):
                feats.append("s:of")
            if start - m.end <= 25:
                feats.append("s:near")
        else:
            feats.append("s:after")
        if m.asked:
            feats.append("m:asked")
        add(value, *feats)
    place = ctx.where.get(sentence)
    if place is not None:
        p, s = place
        sentences = ctx.paragraphs[p][1]
        if s > 0:
            for _, value in _values(ctx.resolver, sentences[s - 1]):
                add(value, "o:prevsent")
            if s > 1:
                for _, value in _values(ctx.resolver, sentences[0]):
                    add(value, "o:paralead")
        if p > 0:
            kind_before, before = ctx.paragraphs[p - 1]
            if before and before[-1].rstrip().endswith(":"):
                for _, value in _values(ctx.resolver, before[-1]):
                    add(value, "o:listintro")
            elif kind_before == "body" and s == 0 and before:
                for _, value in _values(ctx.resolver, before[-1]):
                    add(value, "o:prevpara")
        for q in range(p - 1, -1, -1):
            if ctx.paragraphs[q][0] == "heading":
                for heading in ctx.paragraphs[q][1]:
                    for _, value in _values(ctx.resolver, heading):
                        add(value, "o:heading")
                break
    if previous is not None:
        add(previous[0], "o:previtem")
    for value in ctx.partners:
        add(value, "o:partner" if len(ctx.partners) == 1 else "o:partners")
    if ctx.host:
        add(ctx.host, "o:host")
    for value in ctx.headline:
        add(value, "o:headline")
    for i, value in enumerate(ctx.lead):
        add(value, "o:lead" if i else "o:leadfirst")
    collective = bool(COLLECTIVE_SUBJECT.match(text_key))
    out: list[Choice] = []
    for key, (value, feats) in found.items():
        base = sorted(feats)
        extra: list[str] = []
        if key is None:
            extra += ["null", f"null|{ctx.meeting_kind}", f"null|units:{_size(ctx.units_named)}"]
            extra += [
                name
                for name, on in (
                    ("null|collective", collective),
                    ("null|textunit", text_has_unit),
                    ("null|partner", bool(ctx.partners)),
                    ("null|host", bool(ctx.host)),
                    ("null|rules", rules is None),
                )
                if on
            ]
        else:
            body, level = _body(key), _level(key)
            extra += [f"level:{level}", f"body:{body}", f"n:{min(len(base), 4)}"]
            if key.split()[-1] in _BARE_LEVEL:
                extra.append("bare")
            if collective:
                extra += [f"coll|{f}" for f in base]
            if "o:partner" in feats or "o:partners" in feats:
                extra.append(f"partner|{ctx.meeting_kind}")
            if "rules" in feats:
                extra.append(f"rules|{ctx.meeting_kind}")
                extra += [f"rules|{f}" for f in base if f != "rules"]
                extra += [f"rules|body:{body}", f"rules|level:{level}"]
        kinded = [f"{short}|{f}" for f in base] + ([f"{short}|null"] if key is None else [])
        out.append(Choice(value, base + extra + kinded))
    return out


@dataclass
class Record:
    name: str
    draft: dict[str, Any]
    gold: dict[str, Any]


def part_of(article: score.Article) -> str:
    if article.part == "seeds":
        return "seeds"
    for name in ("FRESH13", "FRESH12", "FRESH11", "TRAIN12", "TRAIN11", "FRESH10", "TRAIN10"):
        if article.name in getattr(score, name):
            return name.lower()
    return "other read"


def collect(by_part: bool = False) -> tuple[list[Record], list[Item]]:
    """Every training article's draft, gold and items with their candidates; ``by_part``: every
    article of ``score.READ_PARTS`` and the seeds (those read but not trained on too), each item
    in the part it was labelled in (``score.named_part``)."""
    records: list[Record] = []
    items: list[Item] = []
    articles = score.seed_files() + score.select("read") if by_part else train.training_articles()
    for article in articles:
        assert article.name not in score.UNREAD or article.part == "seeds"
        name = f"{article.part}/{article.name}"
        text = article.text_path.read_text(encoding="utf-8")
        gold = json.loads(article.gold_path.read_text(encoding="utf-8"))
        draft = extract(text, today=article.reference).to_dict()
        ctx = context(text, article.reference)
        records.append(Record(name, draft, gold))
        for kind in KINDS:
            _, pairs = score.match(draft[kind], gold[kind], lambda _p, _g: True)
            gold_of = {i: gold[kind][j]["unit"] for i, j, _ in pairs}
            previous: tuple[str | None, str] | None = None
            for i, item in enumerate(draft[kind]):
                items.append(
                    Item(
                        name,
                        score.named_part(article) if by_part else part_of(article),
                        kind,
                        i,
                        item["unit"],
                        gold_of.get(i),
                        i in gold_of,
                        candidates(kind, item, previous, ctx),
                    )
                )
                previous = (item["unit"], item["source"] or item["text"])
    return records, items


def hidden(name: str) -> bool:
    """The features that say what the rules chose."""
    return "rules" in name


def fit(items: Sequence[Item], hide: bool) -> dict[str, float]:
    """A conditional logit over the candidates of the items whose gold unit is a candidate."""
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.feature_extraction import DictVectorizer

    rows: list[dict[str, int]] = []
    labels: list[float] = []
    group: list[int] = []
    labelled = [
        item for item in items if item.matched and any(item.positive(c) for c in item.choices)
    ]
    for g, item in enumerate(labelled):
        for c in item.choices:
            rows.append(dict.fromkeys((f for f in c.features if not (hide and hidden(f))), 1))
            labels.append(float(item.positive(c)))
            group.append(g)
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr().astype(np.float64)
    gid = np.array(group)
    y = np.array(labels)
    n = int(gid.max()) + 1

    def loss(w: Any) -> tuple[float, Any]:
        z = x @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, gid, z)
        e = np.exp(z - top[gid])
        total = np.zeros(n)
        np.add.at(total, gid, e)
        p = e / total[gid]
        right = np.zeros(n)
        np.add.at(right, gid, p * y)
        value = -np.log(np.maximum(right, 1e-300)).sum() + 0.5 / C * float(w @ w)
        grad = x.T @ (p - p * y / right[gid]) + w / C
        return value, grad

    result = minimize(
        loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    return {name: float(v) for name, v in zip(vec.get_feature_names_out(), result.x, strict=True)}


def pick(item: Item, weights: dict[str, float], margin: float | None) -> str | None:
    """The unit the ranker gives: its best candidate when it scores more than ``margin`` above
    the rules' choice (None: the rules' choice)."""
    if margin is None:
        return item.rules
    scored = [
        (sum(weights.get(f, 0.0) for f in c.features), -i, c) for i, c in enumerate(item.choices)
    ]
    best = max(scored, key=lambda s: (s[0], s[1]))
    own = next(s for s, _, c in scored if same(c.value, item.rules))
    return item.rules if best[0] - own <= margin else best[2].value


def out_of_fold(items: Sequence[Item], hide: bool, by_part: bool = False) -> list[dict[str, float]]:
    """Each item's weights, from the fold that did not see its article (``by_part``: its part,
    one part left out at a time, as ``oof.py --by-part`` folds)."""
    from sklearn.model_selection import GroupKFold

    weights: list[dict[str, float]] = [{} for _ in items]
    if by_part:
        for part in sorted({item.part for item in items}):
            w = fit([item for item in items if item.part != part], hide)
            for k, item in enumerate(items):
                if item.part == part:
                    weights[k] = w
        return weights
    names = sorted({item.article for item in items})
    for _, test_rows in GroupKFold(n_splits=FOLDS).split(names, groups=names):
        test = {names[i] for i in test_rows}
        w = fit([item for item in items if item.article not in test], hide)
        for k, item in enumerate(items):
            if item.article in test:
                weights[k] = w
    return weights


def strict(
    records: Sequence[Record], units: dict[tuple[str, str, int], str | None]
) -> dict[str, score.Counts]:
    """The strict counts of each kind with the items' units replaced."""
    totals = {kind: score.Counts() for kind in KINDS}
    agrees: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
        "limitations": score.limitation_agrees,
        "directives": score.directive_agrees,
    }
    for record in records:
        for kind in KINDS:
            pred = [
                dict(x, unit=units[(record.name, kind, i)])
                for i, x in enumerate(record.draft[kind])
            ]
            counts, _ = score.match(pred, record.gold[kind], agrees[kind])
            totals[kind].add(counts)
    return totals


def report(records: Sequence[Record], items: Sequence[Item], by_part: bool = False) -> None:
    print("candidate recall (text-matched items whose gold unit is a candidate):")
    for kind in KINDS:
        mine = [it for it in items if it.kind == kind and it.matched]
        inside = sum(1 for it in mine if any(it.positive(c) for c in it.choices))
        sizes = sum(len(it.choices) for it in mine) / max(1, len(mine))
        print(
            f"  {kind:<12} {inside}/{len(mine)} = {inside / max(1, len(mine)):.3f} "
            f"({sizes:.1f} candidates an item)"
        )
    configs: list[tuple[str, bool, float | None]] = [("rules", False, None)]
    configs.append(("model alone (rules' choice hidden)", True, -1e9))
    configs += [(f"model + rules' choice, margin {m}", False, m) for m in MARGINS]
    fitted = {hide: out_of_fold(items, hide, by_part) for hide in (True, False)}
    how = "one part left out" if by_part else "out of fold"
    print(f"\n{how}: the unit's accuracy on text-matched items; strict F1 (right/given/gold)")
    for label, hide, margin in configs:
        weights = fitted[hide]
        units = {
            (it.article, it.kind, it.index): pick(it, w, margin)
            for it, w in zip(items, weights, strict=True)
        }
        counts = strict(records, units)
        cells = []
        for kind in KINDS:
            mine = [it for it in items if it.kind == kind and it.matched]
            right = sum(1 for it in mine if same(units[(it.article, kind, it.index)], it.gold))
            c = counts[kind]
            cells.append(
                f"{kind[:3]} {right}/{len(mine)} F1 {c.f1:.3f} ({c.tp}/{c.predicted}/{c.gold})"
            )
        print(f"  {label:<36} " + "   ".join(cells))
        if margin is None or margin in (-1e9, 0.0, 1.0):
            changes: Counter[str] = Counter()
            parts: Counter[tuple[str, str]] = Counter()
            for it in items:
                u = units[(it.article, it.kind, it.index)]
                if it.matched:
                    parts[(it.part, it.kind)] += 1
                    parts[(it.part, it.kind + " ok")] += same(u, it.gold)
                if not it.matched or same(u, it.rules):
                    continue
                how = "null->X" if it.rules is None else "X->null" if u is None else "X->Y"
                fate = (
                    "fixed"
                    if same(u, it.gold)
                    else "broken"
                    if same(it.rules, it.gold)
                    else "both wrong"
                )
                changes[f"{it.kind[:3]} {how} {fate}"] += 1
            if changes:
                print("      changes: " + ", ".join(f"{k} {n}" for k, n in sorted(changes.items())))
            print(
                "      by part (lim, dir right/items): "
                + "; ".join(
                    f"{p} {parts[(p, 'limitations ok')]}/{parts[(p, 'limitations')]}, "
                    f"{parts[(p, 'directives ok')]}/{parts[(p, 'directives')]}"
                    for p in sorted({p for p, _ in parts})
                )
            )


def apply(part: str, hide: bool, margin: float) -> None:
    """Summary lines only: ``part`` scored with the units of a ranker fitted on every training
    article, applied after the extractor (strict; unit and text; text alone), beside the rules'."""
    _, items = collect()
    weights = fit(items, hide)
    totals: dict[tuple[str, str, str], score.Counts] = {}
    changed = 0
    for article in score.select(part):
        text = article.text_path.read_text(encoding="utf-8")
        gold = json.loads(article.gold_path.read_text(encoding="utf-8"))
        draft = extract(text, today=article.reference).to_dict()
        ctx = context(text, article.reference)
        for kind in KINDS:
            previous: tuple[str | None, str] | None = None
            ranked = []
            for i, x in enumerate(draft[kind]):
                item = Item(
                    "", "", kind, i, x["unit"], None, False, candidates(kind, x, previous, ctx)
                )
                unit = pick(item, weights, margin)
                changed += not same(unit, x["unit"])
                ranked.append(dict(x, unit=unit))
                previous = (x["unit"], x["source"] or x["text"])
            strict_agrees = (
                score.limitation_agrees if kind == "limitations" else score.directive_agrees
            )
            for who, pred in (("rules", draft[kind]), ("ranker", ranked)):
                for name, agrees in (
                    ("strict", strict_agrees),
                    ("unit", score.limitation_agrees),
                    ("text", lambda _p, _g: True),
                ):
                    counts, _ = score.match(pred, gold[kind], agrees)
                    totals.setdefault((kind, name, who), score.Counts()).add(counts)
    print(f"{part}: units changed on {changed} items")
    for (kind, name, who), counts in totals.items():
        print(f"  {kind:<12} {name:<7} {who:<7} {counts.cells()}")


def main(argv: Sequence[str]) -> int:
    if "--apply" in argv:
        # --apply PART [--margin M]: the model alone unless a margin is given
        part = argv[argv.index("--apply") + 1]
        margin = float(argv[argv.index("--margin") + 1]) if "--margin" in argv else None
        apply(part, hide=margin is None, margin=-1e9 if margin is None else margin)
        return 0
    by_part = "--by-part" in argv
    records, items = collect(by_part)
    if "--features" in argv:
        weights = fit(items, hide=True)
        for name, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:60]:
            print(f"{w:+.3f} {name}")
        return 0
    report(records, items, by_part)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
