"""The gold items no drafted item finds, left out by part: recall alone, by part and by reason.

Run with ``make extract-model`` done once (scikit-learn is needed)::

    .venv/bin/python examples/extract/misses.py          # the tables: reason x part
    .venv/bin/python examples/extract/misses.py --list   # and every miss, with its reasons
    .venv/bin/python examples/extract/misses.py --markdown   # a row per part (ROUNDS.md)

Each part read (``oof.parts``: the seeds and ``score.READ_PARTS``; never ``score.UNREAD``) is
read with the models trained without it, as ``oof.py --by-part`` reads it, and every gold
directive or limitation whose text no drafted item of its kind matches (``score.match`` on the
texts alone: the unit and the deadline left out) is a miss. Each miss gets two reasons:

**where it was lost** (``STAGES``), from what the extractor did with it:

- ``other kind``: its text was drafted as the other kind of item (a task read as a shortcoming);
- ``never a candidate``: no clause the rules considered (``model.RECORDER``,
  ``LIMIT_RECORDER``, the rules alone deciding) matches its text;
- ``not split out``: a candidate holds its words but is more than twice as long (the item was
  never cut from its sentence, list or ``;``-parts);
- ``cut short``: a candidate is a piece of it (the item cut where the gold has one);
- ``vetoed``: a candidate the rules took, refused by the model (directives);
- ``passed over``: a candidate the rules passed over, below the model's ``add`` (directives:
  inside what the rules read as a leader's speech, or outside any);
- ``taken, then lost``: a candidate the rules or the model took, not in the draft (merged,
  deduplicated, or matched to another gold item).

**its shape** (``SHAPES``, the first that fits, from the gold's words and the paragraph it stands
in): an entry of a list (a dash or number, or after "bao gồm:", "như sau:", "như:", "gồm:"), a
``;``-part of a longer sentence, a clause after "đồng thời", a figure against a plan (limitations:
"chỉ/mới đạt … %", "đạt thấp"), a task with a collective or no addressee ("các đơn vị", "các địa
phương"), a task written as a passive or nominal ("việc … cần được …", "tập trung …" with no
subject), a partner named by its bare place name (a province or district of the gazetteer
without its level), the rest.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import oof  # noqa: E402
import score  # noqa: E402
import train  # noqa: E402

from dirtrack.extract import extract  # noqa: E402
from dirtrack.extract import model as cm  # noqa: E402
from dirtrack.extract.lexicon import COLLECTIVE_SUBJECT, LIST_MARKER  # noqa: E402
from dirtrack.text import fold_words  # noqa: E402

STAGES = (
    "other kind",
    "never a candidate",
    "not split out",
    "cut short",
    "vetoed",
    "passed over, in a speech",
    "passed over, no speech",
    "passed over",
    "taken, then lost",
)
SHAPES = (
    "list entry",
    "; part",
    "đồng thời",
    "figure",
    "no named unit",
    "passive/nominal",
    "bare place",
    "other",
)
KINDS = ("directives", "limitations")

_LIST_LEAD = re.compile(r"\b(?:bao gom|gom|nhu sau|nhu|cu the|do la|la)\s*:\s*$")
_FIGURE = re.compile(
    r"\b(?:chi|moi)\s+(?:dat|giai ngan|thu|thuc hien)\b|\bdat thap\b|\bthap hon\b|%|"
    r"\bso voi (?:ke hoach|du toan|chi tieu|cung ky)\b"
)
_NOMINAL = re.compile(
    r"^\W*(?:viec|cong tac|tap trung|quan tam|chu trong|tiep tuc|day manh|tang cuong|"
    r"nang cao|thuc hien|trien khai|khan truong|kien quyet|chu dong|phan dau|uu tien)\b|"
    r"\b(?:can|phai) duoc\b"
)


def _words(text: str) -> set[str]:
    return set(fold_words(text).split())


def _paragraph(text: str, item: str) -> tuple[str, str]:
    """The paragraph of ``text`` that holds most of ``item``'s words, and the one before it."""
    want = _words(item)
    paras = [p for p in text.splitlines() if p.strip()]
    best, at = -1.0, 0
    for i, para in enumerate(paras):
        share = len(want & _words(para)) / max(1, len(want))
        if share > best:
            best, at = share, i
    return paras[at] if paras else "", paras[at - 1] if at else ""


def shape(kind: str, gold: dict[str, Any], text: str, places: frozenset[str]) -> str:
    """The first of ``SHAPES`` that fits the gold item ``gold`` of ``kind`` in the article."""
    item = gold["text"]
    key = fold_words(item)
    para, before = _paragraph(text, item)
    pkey = fold_words(para)
    at = pkey.find(" ".join(key.split()[:4]))
    lead = pkey[:at] if at > 0 else ""
    if (
        LIST_MARKER.match(para)
        or re.search(r":\s*$", before)
        or _LIST_LEAD.search(lead.rstrip())
        or re.search(r"\b(?:bao gom|nhu sau|gom)\b", lead)
    ):
        return "list entry"
    if ";" in para and len(_words(para)) > 1.5 * len(_words(item)):
        return "; part"
    if re.search(r"\bdong thoi\s*,?\s*$", lead) or key.startswith("dong thoi"):
        return "đồng thời"
    if kind == "limitations" and _FIGURE.search(key):
        return "figure"
    if kind == "directives":
        if gold["unit"] is None and (
            COLLECTIVE_SUBJECT.match(key) or re.match(r"\W*(?:cac|moi|toan)\b", key)
        ):
            return "no named unit"
        if _NOMINAL.search(key):
            return "passive/nominal"
    first = " ".join(key.split()[:4])
    if any(first.startswith(p + " ") for p in places) or (
        gold["unit"] is not None and fold_words(gold["unit"]) in places
    ):
        return "bare place"
    return "other"


def _places() -> frozenset[str]:
    from dirtrack.extract import lexicon

    names = getattr(lexicon, "PROVINCES", ())
    return frozenset(fold_words(n) for n in names if len(fold_words(n).split()) >= 2)


def _flags(cand: cm.Candidate) -> str:
    """A candidate's context flags (the features without a family prefix), comma-joined."""
    return ",".join(f for f in cand.features if ":" not in f and f not in train.HIDDEN)


def stage(
    kind: str,
    gold: dict[str, Any],
    draft: dict[str, Any],
    cands: list[cm.Candidate],
    model: cm.Model,
) -> tuple[str, float | None, str]:
    """Where the extractor lost the gold item (one of ``STAGES``), the model's probability of
    the candidate that holds it (None without one) and the candidate's context flags."""
    other = "limitations" if kind == "directives" else "directives"
    if any(score.overlap(p["text"], gold["text"]) >= score.THRESHOLD for p in draft[other]):
        return "other kind", None, ""
    scored = [(score.overlap(c.text, gold["text"]), c) for c in cands]
    hit = max(scored, key=lambda s: s[0], default=(0.0, None))
    if hit[1] is None or hit[0] < score.THRESHOLD:
        g = _words(gold["text"])
        for c in cands:
            c_words = _words(c.text)
            common = len(g & c_words)
            if g and common / len(g) >= 0.5 and len(c_words) > 2 * len(g):
                return "not split out", model.probability(c.features), _flags(c)
        for c in cands:
            c_words = _words(c.text)
            if c_words and len(g & c_words) / len(c_words) >= 0.8 and len(c_words) >= 3:
                return "cut short", model.probability(c.features), _flags(c)
        return "never a candidate", None, ""
    cand = hit[1]
    p = model.probability(cand.features)
    if kind == "directives":
        if cand.rule and p < model.veto:
            return "vetoed", p, _flags(cand)
        if not cand.rule and p < model.add:
            where = "in a speech" if "zone" in cand.features else "no speech"
            return f"passed over, {where}", p, _flags(cand)
        return "taken, then lost", p, _flags(cand)
    if not cand.rule and p < model.add:
        return "passed over", p, _flags(cand)
    return "taken, then lost", p, _flags(cand)


def candidates(text: str, today: Any) -> dict[str, list[cm.Candidate]]:
    """The clauses the rules consider, of each kind (the rules alone deciding)."""
    cm.RECORDER, cm.LIMIT_RECORDER = [], []
    try:
        extract(text, today=today)
        return {"directives": cm.RECORDER, "limitations": cm.LIMIT_RECORDER}
    finally:
        cm.RECORDER = cm.LIMIT_RECORDER = None


def misses() -> list[dict[str, Any]]:
    """Every gold item no drafted item of its kind finds, each part with its fold's models."""
    base = oof.shipped()
    trained = {f"{a.part}/{a.name}" for a in train.training_articles()}
    places = _places()
    out: list[dict[str, Any]] = []
    original = cm.load
    for part, articles in oof.parts().items():
        test = {f"{a.part}/{a.name}" for a in articles} & trained
        models = {f: oof.fold_model(oof.KINDS[f], test, base[f]) for f in oof.KINDS}
        cm.load = lambda name=cm.DIRECTIVES, m=models: m[name]  # type: ignore[misc]
        try:
            for article in articles:
                gold = json.loads(article.gold_path.read_text(encoding="utf-8"))
                text = article.text_path.read_text(encoding="utf-8")
                draft = extract(text, today=article.reference).to_dict()
                cands = candidates(text, article.reference)
                for kind in KINDS:
                    _, pairs = score.match(draft[kind], gold[kind], score.texts_alone)
                    found = {j for _, j, _ in pairs}
                    model = models[cm.DIRECTIVES if kind == "directives" else cm.LIMITATIONS]
                    for j, g in enumerate(gold[kind]):
                        if j in found:
                            continue
                        where, p, flags = stage(kind, g, draft, cands[kind], model)
                        out.append(
                            {
                                "part": part,
                                "article": article.name,
                                "kind": kind,
                                "stage": where,
                                "p": p,
                                "flags": flags,
                                "shape": shape(kind, g, text, places),
                                "unit": g["unit"],
                                "text": g["text"],
                            }
                        )
        finally:
            cm.load = original
    return out


def table(rows: list[dict[str, Any]], kind: str, field: str, names: tuple[str, ...]) -> list[str]:
    """``field`` (stage or shape) x part for the misses of ``kind``: a row per reason."""
    mine = [r for r in rows if r["kind"] == kind]
    parts = [p for p in oof.parts() if any(r["part"] == p for r in mine)]
    counts = Counter((r[field], r["part"]) for r in mine)
    head = f"{kind + ', ' + field:<28} {'all':>4}  " + " ".join(f"{p}" for p in parts)
    lines = [head]
    for name in names:
        total = sum(counts[(name, p)] for p in parts)
        if not total:
            continue
        cells = " ".join(f"{counts[(name, p)] or '.':>{len(p)}}" for p in parts)
        lines.append(f"{name:<28} {total:>4}  {cells}")
    cells = " ".join(f"{sum(counts[(n, p)] for n in names):>{len(p)}}" for p in parts)
    lines.append(f"{'all':<28} {len(mine):>4}  {cells}")
    return lines


def markdown(rows: list[dict[str, Any]], kind: str) -> list[str]:
    """The misses of ``kind`` as a Markdown table (ROUNDS.md): a row per part, a column per stage
    and per shape, and the sums."""
    mine = [r for r in rows if r["kind"] == kind]
    stages = [s for s in STAGES if any(r["stage"] == s for r in mine)]
    shapes = [s for s in SHAPES if any(r["shape"] == s for r in mine)]
    head = ["part", "missed", *stages, *(f"*{s}*" for s in shapes)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for part in [*oof.parts(), "**summed**"]:
        here = mine if part == "**summed**" else [r for r in mine if r["part"] == part]
        if not here:
            continue
        cells = [str(len(here))]
        cells += [str(sum(r["stage"] == s for r in here) or "") for s in stages]
        cells += [str(sum(r["shape"] == s for r in here) or "") for s in shapes]
        name = part if part.startswith("*") else f"`{part}`"
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return lines


def main(argv: list[str]) -> int:
    rows = misses()
    if "--markdown" in argv:
        for kind in KINDS:
            print("\n".join(markdown(rows, kind)), end="\n\n")
        return 0
    if "--list" in argv:
        for r in rows:
            p = "" if r["p"] is None else f" p={r['p']:.2f}"
            print(
                f"{r['part']:<8} {r['article']:<4} {r['kind'][:3]} {r['stage']:<17}{p:<7} "
                f"{r['shape']:<15} {r['unit']!s:<24.24} [{r['flags']}] | {r['text'][:140]}"
            )
        print()
    for kind in KINDS:
        for field, names in (("stage", STAGES), ("shape", SHAPES)):
            print("\n".join(table(rows, kind, field, names)))
            print()
        both = Counter((r["stage"], r["shape"]) for r in rows if r["kind"] == kind)
        print(f"{kind}, stage x shape:")
        for (st, sh), n in sorted(both.items(), key=lambda x: -x[1]):
            print(f"  {st:<18} {sh:<16} {n}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
