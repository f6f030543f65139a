"""How far two people annotating the same articles by GUIDE.md agree: the ceiling of a score.

Run from anywhere::

    .venv/bin/python examples/extract/agreement.py [--extractor]

Some articles of the development set were annotated a second time, blind, by someone who never
saw the first annotation (``dev/gold/NN.json``) nor what the extractor makes of the text; the
second annotation is ``dev/gold2/NN.json`` and the questions GUIDE.md left open to them are in
``dev/gold2/NOTES.md``. This script scores the second annotation against the first exactly as
``score.py`` scores the extractor (the same matching, the same rows), over the articles that
have both, split into the parts that were read while the rules were written and those that
never were (``score.UNREAD``). ``--extractor`` adds the extractor's rows on the same articles,
so the two can be read side by side; it prints no text, only the summary rows.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import score  # noqa: E402

SECOND = HERE / "dev" / "gold2"


def second_annotated(second: Path = SECOND) -> list[score.Article]:
    """The articles of the development set that have a second annotation, in id order."""
    have = {p.stem for p in second.glob("*.json")}
    return [a for a in score.dev_files() if a.name in have]


def compare(articles: Sequence[score.Article], second: Path = SECOND) -> score.Totals:
    """The second annotation scored against the first, as ``score.run`` scores a draft."""
    totals = score.Totals()
    for article in articles:
        first = json.loads(article.gold_path.read_text(encoding="utf-8"))
        other = json.loads((second / f"{article.name}.json").read_text(encoding="utf-8"))
        totals.articles += 1
        totals.drafts += 1
        fields, _ = score.meeting_counts(other["meeting"], first["meeting"])
        for key, counts in fields.items():
            totals.fields[key].add(counts)
        for key, agrees in (
            ("limitations", score.limitation_agrees),
            ("directives", score.directive_agrees),
        ):
            totals.fields[key].add(score.match(other[key], first[key], agrees)[0])
            totals.texts[key].add(score.match(other[key], first[key], score.texts_alone)[0])
        right, with_due = score.deadline_counts(other["directives"], first["directives"])
        totals.due_right += right
        totals.due_total += with_due
    return totals


def main(argv: Sequence[str]) -> int:
    articles = second_annotated()
    if not articles:
        print(f"no second annotation in {SECOND}")
        return 1
    groups = (
        ("never read", [a for a in articles if a.name in score.UNREAD]),
        ("read", [a for a in articles if a.name not in score.UNREAD]),
        ("all", articles),
    )
    for name, group in groups:
        if not group:
            continue
        ids = " ".join(a.name for a in group)
        rows = score.summary(f"second annotator vs gold, {name} ({ids})", compare(group))
        print("\n".join(row for row in rows if "time" not in row))
        if "--extractor" in argv:
            totals = score.run(group, out=False)
            print("\n".join(score.summary(f"extractor vs gold, {name}", totals)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
