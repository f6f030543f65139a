"""Directive facts from the rows of the four queries that read them (issue 6).

The lean read paths, SQLAlchemy Core (:mod:`dirtrack.store.facts`) and plain :mod:`sqlite3`
(:mod:`dirtrack.store.lite_read`), read the same columns in the same order; this module, which
imports neither, turns those rows into :class:`~dirtrack.status.DirectiveFacts`. ``day`` reads
a date column: as it comes for Core, from ``YYYY-MM-DD`` text for sqlite3.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from sys import intern
from typing import Any

from dirtrack.status import DirectiveFacts, ExtensionFact, ProgressFact

# Ids read, and facts built, this many at a time: memory stays flat however large the register.
BATCH = 500

Row = Sequence[Any]
DayReader = Callable[[Any], Any]


def _as_is(value: Any) -> Any:
    return value


def facts_from_rows(
    wanted: Sequence[int],
    main: Iterable[Row],
    extensions: Iterable[Row],
    progress: Iterable[Row],
    coordinators: Iterable[Row],
    *,
    day: DayReader = _as_is,
) -> list[DirectiveFacts]:
    """The facts of ``wanted``, in that order; ids with no main row are left out.

    Rows: ``main`` (id, meeting_id, meeting date, unit_id, unit code, unit name, text,
    original_due, completed_on, cancelled_on, due_text, product, key, completion_note,
    cancel_reason); ``extensions`` (directive_id, approved_on, new_due, reason, due_text) and
    ``progress`` (directive_id, reported_on, percent, note), each in recorded order;
    ``coordinators`` (directive_id, unit code).
    """
    rows = {row[0]: row for row in main}
    exts: dict[int, list[ExtensionFact]] = defaultdict(list)
    for did, approved_on, new_due, reason, due_text in extensions:
        exts[did].append(ExtensionFact(day(approved_on), day(new_due), reason, due_text))
    steps: dict[int, list[ProgressFact]] = defaultdict(list)
    for did, reported_on, percent, note in progress:
        steps[did].append(ProgressFact(day(reported_on), percent, note))
    withs: dict[int, list[str]] = defaultdict(list)
    for did, code in coordinators:
        withs[did].append(intern(code))
    found = []
    empty: tuple[()] = ()
    for did in wanted:
        row = rows.get(did)
        if row is None:
            continue
        (_, meeting_id, held, unit_id, code, name, text, original_due, completed_on) = row[:9]
        (cancelled_on, due_text, product, key, completion_note, cancel_reason) = row[9:15]
        # One string per unit, however many directives show it (a few hundred units).
        code, name = intern(code), intern(name)
        co = withs.get(did)
        ex = exts.get(did)
        st = steps.get(did)
        found.append(
            DirectiveFacts(
                id=did,
                meeting_id=meeting_id,
                meeting_date=day(held),
                unit_id=unit_id,
                unit_code=code,
                unit_name=name,
                text=text,
                original_due=day(original_due),
                completed_on=day(completed_on),
                cancelled_on=day(cancelled_on),
                # Sorted here, not by ORDER BY: PostgreSQL sorts text by locale, SQLite by
                # code point, and the order shows in `with`.
                with_codes=tuple(sorted(co)) if co else empty,
                extensions=tuple(ex) if ex else empty,
                progress=tuple(st) if st else empty,
                due_text=due_text,
                product=product,
                key=key,
                completion_note=completion_note,
                cancel_reason=cancel_reason,
            )
        )
    return found
