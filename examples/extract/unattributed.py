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

Round 60, ``--directives``: every read gold directive whose text names no addressee (after its
list marker and a request verb it opens on no unit, within its first words, and on no
collective or referring word: ``names_no_addressee``), counted by its article's shape —
``letter``, a news item (``score.article_kind`` "document") whose lead asks one body
(``dirtrack.extract.letter_addressee``, or a "Kính gửi:" line);
``session``, a working session with one partner; ``plan``, a body's own plan or programme the
lead reports; ``after one``, a task to one unit before it in the same sentence; ``next one``,
in an earlier sentence of the same paragraph; ``other`` — and labelled that body, ``null`` or
another unit::

    .venv/bin/python examples/extract/unattributed.py --directives [--list]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import score  # noqa: E402

from dirtrack.extract import (  # noqa: E402
    document_addressee,
    letter_addressee,
    overseen,
    partners_named,
    read_article,
)
from dirtrack.extract.draft import LimitationDraft  # noqa: E402
from dirtrack.extract.folding import fold_aligned  # noqa: E402
from dirtrack.extract.items import (  # noqa: E402
    _limitation,
    _usable,
    overseen_limitations,
    partners_limitation,
)
from dirtrack.extract.lexicon import COLLECTIVE_SUBJECT, LIST_MARKER  # noqa: E402
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


def _label(body: str | None, gold: str | None) -> str:
    """How the gold's unit compares with the body the shape gives: "that body", "null" (the
    gold has none), "another unit"; with no body, "no body" or "a unit" (the gold's)."""
    if body is None:
        return "no body" if gold is None else "a unit"
    if score.same_unit(body, gold):
        return "that body"
    return "null" if gold is None else "another unit"


def _read_golds(key: str) -> Iterator[tuple[Any, dict[str, Any], Any, UnitResolver]]:
    """Every read article (the seeds included) whose gold has ``key`` items: the article, its
    gold, its reading and a resolver of its units."""
    for article in score.seed_files() + score.select("read"):
        gold = json.loads(article.gold_path.read_text(encoding="utf-8"))
        if not gold[key]:
            continue
        read = read_article(article.text_path.read_text(encoding="utf-8"), article.reference)
        yield article, gold, read, UnitResolver(read.sentences, (), read.lead, read.headings)


def rows() -> list[dict[str, Any]]:
    """Every read gold limitation that names no unit, with its article's overseen bodies and the
    one the rule gives it."""
    out = []
    for article, gold, read, resolver in _read_golds("limitations"):
        bodies = overseen(read.lead, read.headings, resolver)
        for item in gold["limitations"]:
            if not names_no_unit(item["text"], resolver):
                continue
            source = _sentence_of(item["text"], read.sentences)
            draft = LimitationDraft(item["text"], None, item["category"], source)
            ruled = overseen_limitations([draft], read.paragraphs, bodies, resolver)[0].unit
            label = _label(ruled, item["unit"])
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


# --- directives (round 60) -----------------------------------------------------------------

#: A request verb the gold text opens on before its addressee ("Giao Sở X …", "Yêu cầu …").
_ASKS = re.compile(r"^(?:(?:giao|yeu cau|de nghi|chi dao|dong thoi|ngoai ra|giao cho|cho)\W+)+")
#: A referring or collective word that names an addressee without naming one unit ("xã cần …",
#: "địa phương", "lãnh đạo xã", "các ngành").
_REFERS = re.compile(
    r"^(?:cac|nhung|moi|toan|tat ca|mot so|tung|ca|xa|phuong|huyen|tinh|thi tran|quan|thanh pho|"
    r"thi xa|dia phuong|don vi|nganh|lanh dao|cap uy|chinh quyen|nguoi dung dau|thuong truc|"
    r"ban chi dao|ban thuong vu|dang bo|chi bo|mat tran|doan the|hoi|co quan|luc luong|cong an|"
    r"quan doi|bo|so|phong|ban|thu truong|chu tich|giam doc|truong|pho)\b"
)
#: A body's own plan ("UBND huyện X ban hành kế hoạch …").
_OWN_PLAN = re.compile(
    r"\b(?:ban hanh|trien khai|xay dung|phe duyet|co)\s+(?:ke hoach|chuong trinh|de an|phuong an)\b"
)


def names_no_addressee(text: str, resolver: UnitResolver) -> bool:
    """Whether a directive's gold text names no addressee: after its list marker and a request
    verb, it opens on no unit (within its first words) and on no collective or referring
    word."""
    marker = LIST_MARKER.match(text)
    body = text[marker.end() if marker else 0 :]
    key = fold_aligned(body)
    asks = _ASKS.match(key)
    at = asks.end() if asks else 0
    if COLLECTIVE_SUBJECT.match(key[at:]) or _REFERS.match(key[at:]):
        return False
    first = next((m for m in resolver.mentions(body) if m.end > at), None)
    return first is None or len(key[at : first.start].split()) > 2


def letter_to_one(read: Any, resolver: UnitResolver) -> str | None:
    """The one body a document's "Kính gửi:" line, or a news item's letter as its lead names
    it, is addressed to (the extractor's own reading)."""
    named = document_addressee(read.blocks, resolver)
    return named or letter_addressee(read.lead, read.sentences, resolver)


def own_planner(read: Any, resolver: UnitResolver) -> str | None:
    """The body whose own plan the lead reports ("UBND huyện X ban hành kế hoạch …")."""
    lead = read.lead or ""
    m = _OWN_PLAN.search(fold_aligned(lead))
    if m is None:
        return None
    before = [x for x in resolver.mentions(lead) if x.end <= m.start() and _usable(x)]
    return (before[-1].code or before[-1].name) if len(before) == 1 else None


def _paragraph_of(text: str, read: Any) -> int:
    """The index of the paragraph that holds most of ``text``'s words."""
    want = score.words(text)
    best = max(
        range(len(read.paragraphs)),
        key=lambda i: len(want & score.words(read.paragraphs[i].text)),
        default=-1,
    )
    return best


def directive_rows() -> list[dict[str, Any]]:
    """Every read gold directive whose text names no addressee, with the shape of its article
    and the body that shape would give it."""
    out = []
    for article, gold, read, resolver in _read_golds("directives"):
        letter = letter_to_one(read, resolver)
        named = partners_named(read.info.kind, read.lead, read.headings, resolver) or []
        planner = own_planner(read, resolver)
        kind = score.article_kind(article)
        previous: tuple[int, str, str | None] | None = None
        for item in gold["directives"]:
            para = _paragraph_of(item["text"], read)
            sentence = _sentence_of(item["text"], read.sentences)
            if not names_no_addressee(item["text"], resolver):
                previous = (para, sentence, item["unit"])
                continue
            if letter is not None and kind == "document":
                shape, body = "letter", letter
            elif len(named) == 1:
                shape, body = "session", named[0]
            elif planner is not None:
                shape, body = "plan", planner
            elif previous is not None and previous[0] == para and previous[2] is not None:
                same = previous[1] == sentence
                shape, body = "after one" if same else "next one", previous[2]
            else:
                shape, body = "other", None
            label = _label(body, item["unit"])
            out.append(
                {
                    "article": article.name,
                    "part": score.named_part(article),
                    "kind": shape,
                    "bodies": [body] if body else [],
                    "ruled": body,
                    "label": label,
                    "unit": item["unit"],
                    "text": item["text"],
                }
            )
    return out


def main(argv: list[str]) -> int:
    directives = "--directives" in argv
    found = directive_rows() if directives else rows()
    if "--list" in argv:
        for r in found:
            print(
                f"{r['article']:<4} {r['kind']:<8} {r['label']:<12} {r['ruled']!s:<26.26} "
                f"gold {r['unit']!s:<26.26} | {r['text'][:90]}"
            )
        print()
    counts = Counter((r["kind"], r["label"]) for r in found)
    kinds = (
        ("letter", "session", "plan", "after one", "next one", "other")
        if directives
        else ("one body", "visits", "none")
    )
    for kind in kinds:
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
