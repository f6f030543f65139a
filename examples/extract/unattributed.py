"""Whose the read gold makes a shortcoming that names no unit, in an article about one body.

Run from anywhere::

    .venv/bin/python examples/extract/unattributed.py          # the counts and the ids
    .venv/bin/python examples/extract/unattributed.py --list   # and every item, one a line

Round 57. Every gold limitation of the parts that are read (the seeds and ``score.READ_PARTS``;
never ``score.UNREAD``) whose clause names no unit as its subject — the limitation rules read
the gold text alone and give it no unit, nor find a collective subject ("một số xã") — is
counted in the articles whose lead (else headline) names the body an act of oversight is about
(``dirtrack.extract.overseen``: the body inspected, visited, supervised, surveyed, reviewed or
reprimanded, whatever the meeting's ``kind``): ``one body`` when it names one; ``visits`` when
it names several, each item then counted with the body its paragraph names
(``items.overseen_limitations``: the visit that paragraph reports), or with none. Each item is
labelled that body, ``null``, or another unit. The articles where no act names a body are
counted apart (their items stay as the other rules give them).
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

from dirtrack.extract import overseen, read_article  # noqa: E402
from dirtrack.extract.draft import LimitationDraft  # noqa: E402
from dirtrack.extract.items import (  # noqa: E402
    _limitation,
    overseen_limitations,
    partners_limitation,
)
from dirtrack.extract.sentences import Clause  # noqa: E402
from dirtrack.extract.units import UnitResolver  # noqa: E402

#: A unit no text names: what the limitation rules give a clause that names none.
_NOBODY = "\x00"


def names_no_unit(text: str, resolver: UnitResolver) -> bool:
    """Whether the limitation rules, reading the gold text alone, find no unit as its subject
    (and no collective one)."""
    item = _limitation(text, Clause(text, 0, ""), resolver.mentions(text), None, _NOBODY)
    if item is None or item.unit is not None:
        return item is None and not resolver.mentions(text)
    return partners_limitation(item, _NOBODY).unit == _NOBODY


def _sentence_of(text: str, sentences: list[str]) -> str:
    """The article's sentence that holds most of ``text``'s words."""
    want = score.words(text)
    return max(sentences, key=lambda s: len(want & score.words(s)), default="")


def rows() -> list[dict[str, Any]]:
    """Every read gold limitation that names no unit, with its article's overseen bodies and the
    one the rule gives it."""
    out = []
    for article in score.seed_files() + score.select("read"):
        gold = json.loads(article.gold_path.read_text(encoding="utf-8"))
        if not gold["limitations"]:
            continue
        read = read_article(article.text_path.read_text(encoding="utf-8"), article.reference)
        resolver = UnitResolver(read.sentences, (), read.lead, read.headings)
        bodies = overseen(read.lead, read.headings, resolver)
        for item in gold["limitations"]:
            if not names_no_unit(item["text"], resolver):
                continue
            source = _sentence_of(item["text"], read.sentences)
            draft = LimitationDraft(item["text"], None, item["category"], source)
            ruled = overseen_limitations([draft], read.paragraphs, bodies, resolver)[0].unit
            if ruled is None:
                label = "no body" if item["unit"] is None else "a unit"
            elif score.same_unit(ruled, item["unit"]):
                label = "that body"
            else:
                label = "null" if item["unit"] is None else "another unit"
            kind = "none" if not bodies else "one body" if len(bodies) == 1 else "visits"
            out.append(
                {
                    "article": article.name,
                    "part": score.named_part(article),
                    "kind": kind,
                    "bodies": bodies,
                    "ruled": ruled,
                    "label": label,
                    "unit": item["unit"],
                    "text": item["text"],
                }
            )
    return out


def main(argv: list[str]) -> int:
    found = rows()
    if "--list" in argv:
        for r in found:
            print(
                f"{r['article']:<4} {r['kind']:<8} {r['label']:<12} {r['ruled']!s:<26.26} "
                f"gold {r['unit']!s:<26.26} | {r['text'][:90]}"
            )
        print()
    counts = Counter((r["kind"], r["label"]) for r in found)
    for kind in ("one body", "visits", "none"):
        mine = [r for r in found if r["kind"] == kind]
        arts = len({r["article"] for r in mine})
        print(f"{kind}: {len(mine)} items in {arts} articles")
        for label in ("that body", "null", "another unit", "no body", "a unit"):
            if counts[(kind, label)]:
                ids = Counter(r["article"] for r in mine if r["label"] == label)
                listed = ", ".join(f"{a} ×{n}" if n > 1 else a for a, n in ids.items())
                print(f"  {label:<12} {counts[(kind, label)]:>3}  ({listed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
