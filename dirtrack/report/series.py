"""The report's section per periodic directive (series): each series active in the period, its
occurrences of the period with their status at T, and their counts per status.

Built from the store as of an explicit ``as_of`` (T), on the report's own scope (given by the
period's end, not closed before it began, each occurrence under the unit that held it on T), and
judged by the status rules of :mod:`dirtrack.store.rules`, so that the section adds up with the
per-unit counts:

- an occurrence is *of the period* when its own period (the month, quarter, half or year it is
  for) overlaps the report's: a monthly duty has three in a quarter, a yearly one its year's;
- the occurrences of earlier periods that the report still counts (open when the period began,
  however long ago they were issued) are not listed; ``carried`` says how many there are;
- a series is listed when it runs during the period (from its start to its end, if any) or the
  report counts one of its occurrences; with ``--unit``, when its unit or the holder of one of
  its occurrences is under that unit;
- a series is named by the unit that held it on T: one `unit retire` handed over after T is
  the retired unit's, as its occurrences are;
- its occurrences are counted under the unit that held each on T, as the per-unit table counts
  them: one whose lead unit was changed (`edit directive --unit`), or closed by a unit retired
  before T, is in a row of the series under that unit, so that each unit's series add up
  within its total; with ``--rollup``, under the unit it rolls up into, as the per-unit table
  counts it (one row per series and rolled-up unit, its occurrences together).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dirtrack.periods import Period
from dirtrack.records import Record, iso
from dirtrack.status import Counts, Status

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from dirtrack.store.rules import Scope

# The longest period of a series (a year): the earliest day an occurrence of the report's
# period can have been issued is this long before the period begins. Those issued earlier are
# of periods ended before it: the report counts them only as carried (still open when the
# period began, a month or ten years before), and the database counts them.
LONGEST = timedelta(days=366)


def occurrence_record(row: Any, as_of: date) -> Record:
    """One occurrence as the section lists it: its period, deadline in force at T, status at T,
    completion (by T) and the days it was or is late."""
    status = Status(row.status)
    done = row.completed_on if row.completed_on and row.completed_on <= as_of else None
    late = None
    if status is Status.DONE_LATE and done is not None and row.due is not None:
        late = (done - row.due).days
    elif status is Status.OVERDUE and row.due is not None:
        late = (as_of - row.due).days
    return {
        "id": row.id,
        "period": row.period,
        "issued_on": iso(row.issued_on),
        "due": iso(row.due),
        "status": status.value,
        "completed_on": iso(done),
        "days_late": late,
    }


def series_section(
    conn: Connection,
    scope: Scope,
    period: Period,
    names: Mapping[int, tuple[str, str]],
    targets: Mapping[str, str] | None = None,
) -> tuple[list[Record], Record]:
    """The ``series`` section of the report of ``period`` on ``scope`` (the report's), by unit
    code then series id, and its totals (``series_totals``: the counts of every occurrence
    listed, and ``carried``). ``names``: code and name of each unit id; ``targets``: with
    ``--rollup``, the code of the unit each unit code rolls up into
    (:func:`dirtrack.report.rollup.rollup_targets`), whose row counts its occurrences."""
    from dirtrack.store.counts import occurrence_counts
    from dirtrack.store.series import (
        Schedule,
        occurrence_states,
        occurrences_before,
        series_rows,
    )

    by_code = {code: uid for uid, (code, _) in names.items()}

    def rolled(unit_id: int) -> int:
        if not targets or unit_id not in names:
            return unit_id
        return by_code.get(targets.get(names[unit_id][0], ""), unit_id)

    end = scope.held_on_or_before or scope.as_of
    # By series and the unit that held the occurrence on T (the per-unit table's rule).
    of_period: dict[tuple[int, int], list[Any]] = defaultdict(list)
    carried: dict[tuple[int, int], int] = defaultdict(int)
    holding: dict[int, set[int]] = defaultdict(set)  # the units holding its occurrences on T
    rows = {row.id: row for row in series_rows(conn)}
    if not rows:  # no periodic directive: no occurrence to judge
        return [], {**Counts().as_dict(), "carried": 0}
    since = period.start - LONGEST
    for (series_id, unit_id), n in occurrences_before(conn, scope, since).items():
        holding[series_id].add(unit_id)
        carried[series_id, unit_id] += n
    for occ in occurrence_states(conn, scope, since):
        schedule = Schedule.of(rows[occ.series_id])
        unit_id = rolled(occ.unit_id)
        holding[occ.series_id].add(unit_id)
        if schedule.period_at(occ.issued_on).end >= period.start:
            of_period[occ.series_id, unit_id].append(occ)
        else:
            carried[occ.series_id, unit_id] += 1
    held_by = held_on(conn, scope)
    listed = [occ.id for occs in of_period.values() for occ in occs]
    tallied: dict[tuple[int, int], Counts] = defaultdict(Counts)
    # counted as the report counts directives
    for (sid, unit_id), counted in occurrence_counts(conn, scope, listed).items():
        tallied[sid, rolled(unit_id)].merge(counted)
    found = []
    totals = Counts()
    for sid, row in rows.items():
        runs = row.starts_on <= end and (row.ends_on is None or row.ends_on >= period.start)
        holder = held_by.get(sid, row.unit_id)
        mine = scope.unit_ids is None or holder in scope.unit_ids
        held = {rolled(holder)} if runs and mine else set()
        units = sorted(holding.get(sid, set()) | held)
        for unit_id in units:
            key = (sid, unit_id)
            counts = tallied.get(key, Counts())
            occurrences = [
                occurrence_record(occ, scope.as_of)
                for occ in sorted(of_period.get(key, []), key=lambda o: (o.issued_on, o.id))
            ]
            totals.merge(counts)
            code, name = names.get(unit_id, (row.unit_code, ""))
            found.append(
                {
                    "id": sid,
                    "unit": code,
                    "name": name,
                    "text": row.text,
                    "every": row.every,
                    "from": iso(row.starts_on),
                    "until": iso(row.ends_on),
                    **counts.as_dict(),
                    "carried": carried.get(key, 0),
                    "occurrences": occurrences,
                }
            )
    found.sort(key=lambda r: (r["unit"], r["id"]))
    return found, {**totals.as_dict(), "carried": sum(r["carried"] for r in found)}


def held_on(
    conn: Connection, scope: Scope, series_ids: Collection[int] | None = None
) -> dict[int, int]:
    """The unit that held each series (of ``series_ids``, or every one) on T, ``scope.as_of``,
    where it is not the one it is stored under (:func:`series_holder`): read from the units
    holding on T each of its occurrences, every one made (given by T or not, in the scope or
    not, as ``scope.holders`` attributes them), for ``series show --as-of`` and the report's
    section alike."""
    from sqlalchemy import select

    from dirtrack.store.rules import holding_unit
    from dirtrack.store.tables import directive
    from dirtrack.store.tables import series as series_table

    before = retired_after(conn, scope.as_of)
    found: dict[int, int] = {}
    if not before:
        return found
    query = (
        select(directive.c.series_id, holding_unit(scope), series_table.c.unit_id)
        .join(series_table, series_table.c.id == directive.c.series_id)
        .distinct()
    )
    if series_ids is not None:
        query = query.where(directive.c.series_id.in_(sorted(series_ids)))
    holding: dict[int, set[int]] = defaultdict(set)
    stored: dict[int, int] = {}
    for sid, unit_id, stored_id in conn.execute(query):
        holding[sid].add(unit_id)
        stored[sid] = stored_id
    for sid, stored_id in stored.items():
        held = series_holder(stored_id, holding[sid], before)
        if held != stored_id:
            found[sid] = held
    return found


def retired_after(conn: Connection, as_of: date) -> dict[int, list[int]]:
    """The units retired after ``as_of``, by the id of their successor."""
    from sqlalchemy import select

    from dirtrack.store.tables import unit

    before: dict[int, list[int]] = defaultdict(list)
    for ident, successor in conn.execute(
        select(unit.c.id, unit.c.successor_id)
        .where(unit.c.successor_id.is_not(None), unit.c.retired_on > as_of)
        .order_by(unit.c.id)
    ):
        before[successor].append(ident)
    return before


def series_holder(stored: int, holders: Collection[int], before: Mapping[int, list[int]]) -> int:
    """The unit that held on T a series stored under ``stored``: a series `unit retire` handed
    over after T was the retired unit's on T, as the occurrences it held on T (``holders``,
    the units holding them on T) show. ``before``: :func:`retired_after` T."""
    held, seen = stored, {stored}
    while True:
        earlier = [u for u in before.get(held, []) if u in holders and u not in seen]
        if not earlier:
            return held
        held = earlier[0]
        seen.add(held)
