"""The gold items no drafted item finds, left out by part: recall alone, by part and by reason.

Run with ``make extract-model`` done once (scikit-learn is needed)::

    .venv/bin/python examples/extract/misses.py          # the tables: reason x part
    .venv/bin/python examples/extract/misses.py --list   # and every miss, with its reasons
    .venv/bin/python examples/extract/misses.py --list --weights   # and what the model weighs
    .venv/bin/python examples/extract/misses.py --markdown   # a row per part (ROUNDS.md)
    .venv/bin/python examples/extract/misses.py --units      # the items found with another unit
    .venv/bin/python examples/extract/misses.py --units --limitations   # of one kind only
    .venv/bin/python examples/extract/misses.py --drafted    # the items drafted the gold has not

``--units`` (round 38) lists instead the gold items whose text a drafted item matches but whose
unit it does not (``score.unit_kind``), each with a first guess at its cause (``UNIT_CAUSES``,
from the words alone: read each before acting on it), and a table cause x kind. ``--drafted``
(round 42) lists instead the drafted items whose text no gold item of their kind matches (what
precision loses), each marked when its text is a gold item of the other kind, and their count
by part. ``--limitations`` or ``--directives`` after ``--units`` keeps the rows of that kind
(round 44; the table cause x kind still counts both). ``--weights`` after ``--list`` (round 85)
prints under each miss the heaviest features of its candidate in its fold's model, either way
(``heaviest``): what keeps a task under ``add``.

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
#: Why an item found has another unit than the gold's (``unit_cause``; round 38), first fit.
UNIT_CAUSES = (
    "the same body or place written otherwise",  # a level or body word, a qualifier, a name cut
    "the speaker's own body",  # a delegation or team, the inspecting body
    "a partner after phối hợp/cùng taken as lead",
    "another unit the item names taken as lead",
    "another unit of the article",  # the host, a unit carried too far
    "named by a referring word",  # "địa phương", "tỉnh", "ngành", "cấp ủy", "lãnh đạo"
    "opens on several units",  # the first named leads (GUIDE.md)
    "names its unit, not read as one",  # an abbreviation, an unknown body, a bare place
    "named before the item, not carried to it",
    "the gold has none: a unit the item names",
    "the gold has none: the partner, host or a unit carried",
)
_BODY_WORDS = re.compile(
    r"^(?:ubnd|uy ban nhan dan|uy ban|dang uy|huyen uy|tinh uy|thanh uy|thi uy|quan uy|chinh quyen|"
    r"hdnd|thuong truc hdnd|chi bo|cuc thue|so)\s+"
)
_LEVEL_WORD = re.compile(
    r"^(?:tinh|huyen|xa|phuong|thi tran|thanh pho|tp\.?|quan|thi xa|khu pho|thon)\s+"
)
_REFERRING = re.compile(
    r"^(?:(?:cac |hai )?dong chi |lanh dao |can bo )?(?:dia phuong|tinh|huyen|xa|phuong|thi tran|"
    r"nganh|cap uy|dang bo|don vi|thanh pho|quan|khu pho|thon|chi bo|thuong truc|ubnd|chinh quyen|"
    r"co quan nay|cac cap|lanh dao|can bo|cac dong chi|dang uy|ban thuong vu)\b"
)
_SPEAKING_BODY = re.compile(
    r"^(?:doan (?:cong tac|giam sat|kiem tra)|to (?:cong tac|kiem tra)|ubkt|uy ban kiem tra)"
)
_WITH_WORDS = re.compile(r"\b(?:phoi hop(?: chat che)? voi|cung voi|cung)\b")

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


def _place_of(unit: str) -> str:
    """A unit's place name, folded: its body and level words left out."""
    return _LEVEL_WORD.sub("", _BODY_WORDS.sub("", fold_words(unit))).strip()


def unit_cause(gold: dict[str, Any], drafted: dict[str, Any]) -> str:
    """A first guess, from the words alone, at why ``drafted`` (its text matching ``gold``'s)
    has another unit (``UNIT_CAUSES``)."""
    text, g, p = fold_words(gold["text"]), gold["unit"], drafted["unit"]
    if g is None:
        here = _place_of(p)
        return UNIT_CAUSES[9] if here and here[:6] in text else UNIT_CAUSES[10]
    if p is not None:
        fg, fp = fold_words(g), fold_words(p)
        if fg.startswith(fp) or fp.startswith(fg) or fg.endswith(fp) or fp.endswith(fg):
            return UNIT_CAUSES[0]
        if _place_of(g) and _place_of(g) == _place_of(p):
            return UNIT_CAUSES[0]
        if _SPEAKING_BODY.match(fp):
            return UNIT_CAUSES[1]
        here = _place_of(p)[:8]
        cue = _WITH_WORDS.search(text)
        if here and cue and here in text[cue.end() :]:
            return UNIT_CAUSES[2]
        return UNIT_CAUSES[3] if here and here in text else UNIT_CAUSES[4]
    if _REFERRING.match(text):
        return UNIT_CAUSES[5]
    place = _place_of(g)[:6]
    if place and place in text[:60]:
        several = re.match(r"^(?:cac |hai |ba )", text) or re.match(r"^[^,;]{0,40}(?:,| va )", text)
        return UNIT_CAUSES[6] if several and place in text[:25] else UNIT_CAUSES[7]
    return UNIT_CAUSES[7] if place and place in text else UNIT_CAUSES[8]


def _places() -> frozenset[str]:
    from dirtrack.extract import lexicon

    names = getattr(lexicon, "PROVINCES", ())
    return frozenset(fold_words(n) for n in names if len(fold_words(n).split()) >= 2)


def _flags(cand: cm.Candidate) -> str:
    """A candidate's context flags (the features without a family prefix), comma-joined."""
    return ",".join(f for f in cand.features if ":" not in f and f not in train.HIDDEN)


def heaviest(cand: cm.Candidate, model: cm.Model, n: int = 6) -> str:
    """The ``n`` features of a candidate that weigh most in ``model``, either way, with their
    weights (round 85: what keeps a task under ``add``, or a report over it)."""
    weighed = sorted(
        ((model.weights.get(f, 0.0), f) for f in cand.features if f not in train.HIDDEN),
        key=lambda wf: (-abs(wf[0]), wf[1]),
    )
    return " ".join(f"{f}={w:+.2f}" for w, f in weighed[:n] if w)


def stage(
    kind: str,
    gold: dict[str, Any],
    draft: dict[str, Any],
    cands: list[cm.Candidate],
    model: cm.Model,
) -> tuple[str, float | None, str, str]:
    """Where the extractor lost the gold item (one of ``STAGES``), the model's probability of
    the candidate that holds it (None without one), the candidate's context flags and its
    heaviest features (``heaviest``)."""
    other = "limitations" if kind == "directives" else "directives"
    if any(score.overlap(p["text"], gold["text"]) >= score.THRESHOLD for p in draft[other]):
        return "other kind", None, "", ""
    scored = [(score.overlap(c.text, gold["text"]), c) for c in cands]
    hit = max(scored, key=lambda s: s[0], default=(0.0, None))
    if hit[1] is None or hit[0] < score.THRESHOLD:
        g = _words(gold["text"])
        for c in cands:
            c_words = _words(c.text)
            common = len(g & c_words)
            if g and common / len(g) >= 0.5 and len(c_words) > 2 * len(g):
                return "not split out", model.probability(c.features), _flags(c), heaviest(c, model)
        for c in cands:
            c_words = _words(c.text)
            if c_words and len(g & c_words) / len(c_words) >= 0.8 and len(c_words) >= 3:
                return "cut short", model.probability(c.features), _flags(c), heaviest(c, model)
        return "never a candidate", None, "", ""
    cand = hit[1]
    p = model.probability(cand.features)
    weighed = heaviest(cand, model)
    if kind == "directives":
        if cand.rule and p < model.veto:
            return "vetoed", p, _flags(cand), weighed
        if not cand.rule and p < model.add:
            where = "in a speech" if "zone" in cand.features else "no speech"
            return f"passed over, {where}", p, _flags(cand), weighed
        return "taken, then lost", p, _flags(cand), weighed
    if not cand.rule and p < model.add:
        return "passed over", p, _flags(cand), weighed
    return "taken, then lost", p, _flags(cand), weighed


def candidates(text: str, today: Any) -> dict[str, list[cm.Candidate]]:
    """The clauses the rules consider, of each kind (the rules alone deciding)."""
    cm.RECORDER, cm.LIMIT_RECORDER = [], []
    try:
        extract(text, today=today)
        return {"directives": cm.RECORDER, "limitations": cm.LIMIT_RECORDER}
    finally:
        cm.RECORDER = cm.LIMIT_RECORDER = None


def misses(units: bool = False, drafted: bool = False) -> list[dict[str, Any]]:
    """Every gold item no drafted item of its kind finds, each part with its fold's models; with
    ``units``, instead every gold item found with another unit (``unit_cause``); with
    ``drafted``, instead every drafted item whose text no gold item of its kind matches."""
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
                    if drafted:
                        matched = {i for i, _, _ in pairs}
                        other = "limitations" if kind == "directives" else "directives"
                        for i, d in enumerate(draft[kind]):
                            if i in matched:
                                continue
                            crossed = any(
                                score.overlap(d["text"], g["text"]) >= score.THRESHOLD
                                for g in gold[other]
                            )
                            out.append(
                                {
                                    "part": part,
                                    "article": article.name,
                                    "kind": kind,
                                    "other kind": crossed,
                                    "drafted": d["unit"],
                                    "text": d["text"],
                                }
                            )
                        continue
                    if units:
                        for i, j, _ in pairs:
                            g, d = gold[kind][j], draft[kind][i]
                            if score.unit_kind(d, g) != "right":
                                out.append(
                                    {
                                        "part": part,
                                        "article": article.name,
                                        "kind": kind,
                                        "cause": unit_cause(g, d),
                                        "unit": g["unit"],
                                        "drafted": d["unit"],
                                        "text": g["text"],
                                    }
                                )
                        continue
                    found = {j for _, j, _ in pairs}
                    model = models[cm.DIRECTIVES if kind == "directives" else cm.LIMITATIONS]
                    for j, g in enumerate(gold[kind]):
                        if j in found:
                            continue
                        where, p, flags, weighed = stage(kind, g, draft, cands[kind], model)
                        out.append(
                            {
                                "part": part,
                                "article": article.name,
                                "kind": kind,
                                "stage": where,
                                "p": p,
                                "flags": flags,
                                "weighed": weighed,
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
    if "--units" in argv:
        found = misses(units=True)
        only = [k for k in KINDS if f"--{k}" in argv]
        for r in found:
            if only and r["kind"] not in only:
                continue
            print(
                f"{r['part']:<8} {r['article']:<4} {r['kind'][:3]} {r['cause'][:40]:<40} "
                f"{r['unit']!s:<24.24} -> {r['drafted']!s:<24.24} | {r['text'][:100]}"
            )
        print()
        causes = Counter((r["cause"], r["kind"]) for r in found)
        for cause in UNIT_CAUSES:
            parts = {r["part"] for r in found if r["cause"] == cause}
            cells = " ".join(f"{kind} {causes[(cause, kind)]:>3}" for kind in KINDS)
            print(f"{cause:<55} {cells}  parts {len(parts)}")
        return 0
    if "--drafted" in argv:
        extra = misses(drafted=True)
        for r in extra:
            mark = "other kind" if r["other kind"] else ""
            print(
                f"{r['part']:<8} {r['article']:<4} {r['kind'][:3]} {mark:<10} "
                f"{r['drafted']!s:<24.24} | {r['text'][:120]}"
            )
        print()
        for kind in KINDS:
            by_part = Counter(r["part"] for r in extra if r["kind"] == kind)
            cells = " ".join(f"{p} {n}" for p, n in by_part.items())
            print(f"{kind}, drafted the gold has not: {sum(by_part.values())}  ({cells})")
        return 0
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
            if "--weights" in argv and r["weighed"]:
                print(f"{'':<14} weighs: {r['weighed']}")
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
