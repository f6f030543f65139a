"""Who held each directive on a day, and what a listing of that day reads.

``unit retire`` moves a unit's directives to its successor: a list, an overdue list, a report
or a reminder judged as of a day T shows each under the unit that held it on T
(:class:`Holders`), with the units that coordinated it then. Here are the units under a unit
(:func:`units_under`), the scope ``list`` and ``overdue`` read (:func:`listing_scope`), the
facts of the directives units held (:func:`facts_held`, for ``remind`` and ``urge``) and
``overdue``'s records (:func:`overdue`). The report (:mod:`dirtrack.report`) builds on them; a
command that only lists loads none of its sections.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from dirtrack.moves import Handover, Move
    from dirtrack.periods import Period
    from dirtrack.records import Record
    from dirtrack.status import DirectiveFacts, Status
    from dirtrack.store.rules import Scope
    from dirtrack.store.units import UnitIndex


def units_under(index: UnitIndex, unit: str | None) -> tuple[frozenset[int] | None, str | None]:
    """The ids of ``unit`` and every unit under it (None: every unit) and its code."""
    if not unit:
        return None, None
    found = index.resolve(unit)
    assert found.id is not None
    return frozenset(index.descendants(found.id)), found.code


class Holders:
    """Who held each directive moved by ``unit retire`` on a day: for the database to count
    by (:meth:`at`, a :class:`~dirtrack.store.rules.Scope`'s ``holders``) and for facts read
    (:meth:`attribute`); and whether a closure a reopening ended is recorded, for the scopes
    it makes (``past_closures``). Every section of a report judged as of T counts a moved
    directive for the unit that held it on T."""

    def __init__(
        self,
        moves: dict[int, list[Move]],
        stored: dict[int, int],
        names: dict[int, tuple[str, str]],
        handovers: dict[int, list[Handover]] | None = None,
        past_closures: bool = True,
    ) -> None:
        self.moves = moves
        self.stored = stored
        self.names = names
        self.handovers = handovers or {}
        # whether any closure a reopening ended is recorded (the scopes' past_closures)
        self.past_closures = past_closures

    @classmethod
    def load(cls, conn: Connection, index: UnitIndex) -> Holders:
        from dirtrack.store import facts
        from dirtrack.store.rules import any_past_closures
        from dirtrack.store.units import ById, load_handovers, load_moves

        moves = load_moves(conn)
        names = ById((uid, (u.code, u.name)) for uid, u in index.units.items())
        stored = facts.stored_units(conn, moves.keys()) if moves else {}
        return cls(moves, stored, names, load_handovers(conn), any_past_closures(conn))

    def at(self, as_of: date) -> tuple[tuple[int, tuple[int, ...]], ...]:
        from dirtrack.moves import holders_at

        return holders_at(self.moves, self.stored, as_of, self.names) if self.moves else ()

    def attribute(self, batch: list[DirectiveFacts], as_of: date) -> list[DirectiveFacts]:
        """The facts under the unit that held each directive on ``as_of``, with the units that
        coordinated it then."""
        from dirtrack.moves import attribute

        if not self.moves and not self.handovers:
            return batch
        return attribute(batch, self.moves, as_of, self.names, self.handovers)

    def scope(self, period: Period, as_of: date, unit_ids: frozenset[int] | None = None) -> Scope:
        """The directives a report of ``period`` as of ``as_of`` counts, each under the unit
        that held it on ``as_of``."""
        from dirtrack.report.sections import scope_end
        from dirtrack.store.rules import Scope

        return Scope(
            as_of=as_of,
            held_on_or_before=scope_end(period, as_of),
            closed_not_before=period.start,
            unit_ids=unit_ids,
            holders=self.at(as_of),
            past_closures=self.past_closures,
        )


def listing_scope(
    conn: Connection, as_of: date, unit: str | None = None, meeting_id: int | None = None
) -> tuple[Scope, Holders]:
    """What ``list`` and ``overdue`` judge as of ``as_of``: the directives given by then (of
    ``unit`` and the units under it, and of meeting ``meeting_id``), each under the unit that
    held it that day, as a report of that day counts it; and who held the moved ones, for
    their records (:meth:`Holders.attribute`).

    Raises:
        NotFound: no such ``unit``.
    """
    from dirtrack.store.facts import load_units
    from dirtrack.store.rules import Scope

    index = load_units(conn)
    holders = Holders.load(conn, index)
    scope = Scope(
        as_of=as_of,
        held_on_or_before=as_of,
        unit_ids=units_under(index, unit)[0],
        meeting_id=meeting_id,
        holders=holders.at(as_of),
        past_closures=holders.past_closures,
    )
    return scope, holders


def facts_held(
    session: Session, as_of: date, unit_ids: Sequence[int] | None, *, open_only: bool = False
) -> list[DirectiveFacts]:
    """The facts of every directive given by ``as_of``, judged then, each under the unit that
    held it that day; with ``unit_ids``, those these units held that day (a directive moved
    since by ``unit retire`` with the unit that held it then): for the commands that sort
    directives into units in Python (``remind``, ``urge``), as ``list`` does in SQL
    (:func:`listing_scope`). ``open_only``: only those open that day (in time or overdue),
    chosen in SQL, for the commands that name nothing else."""
    from dirtrack.store.directives import DirectiveFilter, iter_facts
    from dirtrack.store.facts import load_units

    conn = session.connection()
    holders = Holders.load(conn, load_units(conn))
    open_on = as_of if open_only else None
    read = list(
        iter_facts(
            session,
            DirectiveFilter(unit_ids=unit_ids, held_on_or_before=as_of, open_on=open_on),
            as_of=as_of,
        )
    )
    if unit_ids is None:
        return holders.attribute(read, as_of)
    known = {f.id for f in read}
    moved = [i for i in sorted(holders.moves) if i not in known]
    if moved:
        read += iter_facts(
            session,
            DirectiveFilter(ids=moved, held_on_or_before=as_of, open_on=open_on),
            as_of=as_of,
        )
        read.sort(key=lambda f: f.id)
    wanted = set(unit_ids)
    return [f for f in holders.attribute(read, as_of) if f.unit_id in wanted]


def overdue(
    conn: Connection, as_of: date, *, unit: str | None = None, stale_after: int
) -> Generator[Record, None, None]:
    """The records of ``overdue``: open directives past their deadline at ``as_of``, most
    overdue first, each with who last touched it. The database picks and sorts them, and
    their records are made a batch at a time as they are read (on ``conn``, while it is open).

    Raises:
        NotFound: no such ``unit`` (at once, before any record is read).
    """
    from dirtrack.status import Status

    scope, holders = listing_scope(conn, as_of, unit)
    return _overdue_records(conn, scope, holders, (Status.OVERDUE,), stale_after)


def _overdue_records(
    conn: Connection,
    scope: Scope,
    holders: Holders,
    statuses: tuple[Status, ...],
    stale_after: int,
) -> Generator[Record, None, None]:
    from dirtrack.remind import followup_record
    from dirtrack.store.facts import iter_listed_with
    from dirtrack.store.history import touched_columns

    as_of = scope.as_of
    listed = iter_listed_with(conn, scope, touched_columns, statuses, most_overdue_first=True)
    for late in listed:
        held = holders.attribute([f for f, _ in late], as_of)
        for f, (at, actor) in zip(held, (beside for _, beside in late), strict=True):
            touched = (at, actor) if at is not None else None
            yield followup_record(f, as_of, stale_after=stale_after, touched=touched)
