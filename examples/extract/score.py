"""Score ``dirtrack.extract`` against the gold annotations of the five seed articles.

Run from anywhere::

    .venv/bin/python examples/extract/score.py [--verbose]

Seeds are read from ``examples/extract/seeds/NNN_*.txt`` (copies of ``../shared/seeds/``
relative to the repository root, which is used when the copies are missing); gold annotations
from ``examples/extract/gold/NNN.json`` (the draft's JSON shape). The extractor runs with no
registered units, so units are compared by name.

Matching rules
--------------
Text overlap
    Both texts are folded (no accents, tones or case; ``đ`` → ``d``; punctuation dropped) and
    split into sets of words P (predicted) and G (gold). ``jaccard = |P∩G| / |P∪G|``;
    ``containment = |P∩G| / |G|`` (the share of the gold covered), counted only when
    ``|P| <= 2·|G|`` so a whole paragraph cannot "contain" a short item.
    ``overlap = max(jaccard, containment)``; texts match when ``overlap >= 0.5``.
Unit
    Equal when both are null, or when their unit keys are equal (accent-, case- and
    tone-insensitive, abbreviations such as UBND/HĐND expanded).
Meeting
    ``date`` must be the same day; ``chair`` the same name (folded). Precision = right /
    fields predicted (non-null), recall = right / fields in the gold.
Limitations
    A prediction matches a gold limitation with an equal unit and matching text.
Directives
    A prediction matches a gold directive with an equal lead unit, matching text and the same
    deadline (``due``; both null counts as the same).

Each gold item is matched at most once and each prediction at most once (greedy, highest
overlap first). Precision = matched / predicted, recall = matched / gold, F1 their harmonic
mean; the last row sums the counts over all seeds (micro average). Categories, coordinating
units and ``due_phrase`` are not scored.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from dirtrack.extract import extract  # noqa: E402
from dirtrack.extract.units import unit_key  # noqa: E402
from dirtrack.text import fold_words  # noqa: E402

THRESHOLD = 0.5


def words(text: str) -> set[str]:
    return set(fold_words(text).split())


def overlap(predicted: str, gold: str) -> float:
    p, g = words(predicted), words(gold)
    if not p or not g:
        return 0.0
    common = len(p & g)
    jaccard = common / len(p | g)
    containment = common / len(g) if len(p) <= 2 * len(g) else 0.0
    return max(jaccard, containment)


def same_unit(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return unit_key(a) == unit_key(b)


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def cells(self) -> str:
        return (
            f"{self.precision:5.2f} {self.recall:5.2f} {self.f1:5.2f} "
            f"({self.tp}/{self.predicted}/{self.gold})"
        )


def match(
    predicted: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    agrees: Callable[[dict[str, Any], dict[str, Any]], bool],
) -> tuple[Counts, list[tuple[int, int, float]]]:
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            score = overlap(p["text"], g["text"])
            if score >= THRESHOLD and agrees(p, g):
                pairs.append((score, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[int, int, float]] = []
    for score, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j, score))
    return Counts(len(matched), len(predicted), len(gold)), matched


def limitation_agrees(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return same_unit(p["unit"], g["unit"])


def directive_agrees(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return same_unit(p["unit"], g["unit"]) and p["due"] == g["due"]


def meeting_counts(p: dict[str, Any], g: dict[str, Any]) -> tuple[Counts, str]:
    counts = Counts()
    notes = []
    for field in ("date", "chair"):
        if p.get(field) is not None:
            counts.predicted += 1
        if g.get(field) is not None:
            counts.gold += 1
        if field == "date":
            right = p.get("date") is not None and p.get("date") == g.get("date")
        else:
            right = p.get("chair") is not None and fold_words(p["chair"]) == fold_words(
                g.get("chair") or ""
            )
        counts.tp += right
        notes.append(f"{field} {'ok' if right else 'WRONG'}")
    return counts, ", ".join(notes)


def seed_files() -> list[tuple[str, Path]]:
    local = HERE / "seeds"
    folder = local if any(local.glob("*.txt")) else ROOT.parent / "shared" / "seeds"
    return sorted((path.name[:3], path) for path in folder.glob("*.txt"))


def main(argv: Sequence[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    totals = {"meeting": Counts(), "limitations": Counts(), "directives": Counts()}
    rows = []
    for number, path in seed_files():
        gold = json.loads((HERE / "gold" / f"{number}.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        draft = extract(text, today=date(2025, 1, 1)).to_dict()
        meeting, note = meeting_counts(draft["meeting"], gold["meeting"])
        lims, lim_pairs = match(draft["limitations"], gold["limitations"], limitation_agrees)
        dirs, dir_pairs = match(draft["directives"], gold["directives"], directive_agrees)
        totals["meeting"].add(meeting)
        totals["limitations"].add(lims)
        totals["directives"].add(dirs)
        rows.append((number, meeting, note, lims, dirs))
        if verbose:
            for kind, pairs, pred, ref in (
                ("limitation", lim_pairs, draft["limitations"], gold["limitations"]),
                ("directive", dir_pairs, draft["directives"], gold["directives"]),
            ):
                matched_p = {i for i, _, _ in pairs}
                matched_g = {j for _, j, _ in pairs}
                for i, item in enumerate(pred):
                    if i not in matched_p:
                        print(f"  {number} extra {kind}: {item['unit']} | {item['text'][:90]}")
                for j, item in enumerate(ref):
                    if j not in matched_g:
                        print(f"  {number} missed {kind}: {item['unit']} | {item['text'][:90]}")

    header = (
        f"{'seed':<5} {'meeting P    R    F1 (tp/pred/gold)':<34} {'':<22} "
        f"{'limitations P    R    F1':<32} {'directives P    R    F1':<32}"
    )
    print(header)
    print("-" * len(header))
    for number, meeting, note, lims, dirs in rows:
        print(f"{number:<5} {meeting.cells():<34} {note:<22} {lims.cells():<32} {dirs.cells():<32}")
    print("-" * len(header))
    print(
        f"{'all':<5} {totals['meeting'].cells():<34} {'':<22} "
        f"{totals['limitations'].cells():<32} {totals['directives'].cells():<32}"
    )
    ok = totals["meeting"].tp == totals["meeting"].gold and all(
        t.precision >= 0.8 and t.recall >= 0.8 for k, t in totals.items() if k != "meeting"
    )
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
