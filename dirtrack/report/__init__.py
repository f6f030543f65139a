"""The report of a period, built from the store and an explicit ``as_of`` (T).

:func:`build` gives the report's JSON-ready object (its pack) from a read-only Core
connection, reading no more than the sections show:

- per-unit counts now and in the previous period, and the counts per chair, are aggregated by
  the database in one statement (:func:`dirtrack.store.counts.count_report`), and so are the
  limitations per unit;
- the overdue and due-soon directives, and those with a reason given for an extension, are read
  a batch at a time; the overdue list, due soon and causes come from them;
- ``next_period.directives`` and ``directives`` list every open and every in-scope directive:
  they are :class:`~dirtrack.records.RecordStream` values, read batch by batch only when a
  format writes them (``json``, ``md`` and the files), and never held whole;
- directives moved by ``unit retire`` count for the unit that held them on the day judged: the
  database is told who held which (:func:`dirtrack.moves.holders_at`) and their facts are
  attributed likewise.

The streams read from the connection: render the report before the connection closes.
Who held which directive, and what ``list`` and ``overdue`` read, is :mod:`dirtrack.holders`
(which loads none of this package). The sections are computed in
:mod:`dirtrack.report.sections`; ``render/`` turns the object into every format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dirtrack.holders import Holders, units_under
from dirtrack.periods import Period
from dirtrack.records import Record, RecordStream, directive_record, limitation_record
from dirtrack.report.sections import scope_end
from dirtrack.store import counts, facts
from dirtrack.store.rules import OPEN, directive_ids

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from dirtrack.report.sections import ReportInput
    from dirtrack.status import DirectiveFacts
    from dirtrack.store.counts import ChairGroup, ReportCounts
    from dirtrack.store.rules import Scope
    from dirtrack.store.units import UnitIndex


def build(
    conn: Connection,
    period: Period,
    as_of: date,
    *,
    unit: str | None = None,
    rollup: bool = False,
    due_within: int = 7,
    counts_only: bool = False,
    sections: bool = False,
    groups: bool = True,
) -> Record:
    """The report of ``period`` as of ``as_of``.

    With ``counts_only`` (for ``--format csv`` and ``--brief``) only what the CSV table shows is
    read: units, totals, the previous period, chairs and meetings; the lists are left empty. With
    ``sections``, the report also has what leaders weigh (:func:`add_sections`): the packs
    answered, requests, counts by field and by leader, risk colours per unit and leader,
    counted in the same pass over the directives as the per-unit counts, the periodic
    directives and the urgings. Without ``groups`` (for the documents, which show neither
    unless grouped by field or leader: the table, Markdown, HTML, Word, Excel) the sections
    leave out the counts by field and by leader and the risk colours, and the counting pass
    does not judge them.
    """
    from dirtrack.report.sections import Lists, ReportInput, assemble, due_soon, report_of
    from dirtrack.store.counts import count_report
    from dirtrack.store.facts import load_units

    index = load_units(conn)
    unit_ids, top = units_under(index, unit)
    reader = Reader(conn, period, as_of, index, unit_ids, Holders.load(conn, index))
    inp = ReportInput(
        period=period,
        as_of=as_of,
        facts=(),
        names=reader.names,
        parents=index.parents(),
        moves=reader.moves,
        unit_ids=unit_ids,
        top=top,
        rollup=rollup,
        due_within=due_within,
    )
    before = period.previous()
    then = reader.scope(before, min(before.end, as_of))
    due_by = as_of + timedelta(days=due_within)
    counted = count_report(conn, reader.now, then, due_by, sections=sections and groups)
    earlier = report_of(before, then.as_of, counted.earlier, reader.names)
    counts = counted.units
    by_chair = reader.by_chair(counted.chairs)
    meetings = reader.meetings()
    if counts_only:
        report = report_of(period, as_of, counts, reader.names, meetings=meetings)
        unread = Lists(
            due_soon={},
            by_chair=by_chair,
            limitation_summary={},
            repeated_limitations=[],
            causes=[],
            carried=[],
            directives=[],
        )
        pack = assemble(inp, report, earlier, unread)
        if sections:
            add_sections(conn, pack, reader, unit, counted, groups=groups, inp=inp)
        return pack

    watched = reader.watched(counted.watched)
    limitations = reader.limitations()
    report = report_of(
        period,
        as_of,
        counts,
        reader.names,
        overdue=watched.overdue,
        limitations=limitations,
        meetings=meetings,
    )
    totals = report.totals
    lists = Lists(
        due_soon=due_soon(watched.soon, as_of, due_within),
        by_chair=by_chair,
        limitation_summary=reader.limitation_summary(inp),
        repeated_limitations=reader.repeated(inp, limitations),
        causes=watched.causes,
        carried=RecordStream(totals.open_in_time + totals.overdue, reader.carried),
        directives=RecordStream(
            totals.total + totals.cancelled + totals.withdrawn, reader.in_scope
        ),
    )
    pack = assemble(inp, report, earlier, lists)
    if sections:
        add_sections(conn, pack, reader, unit, counted, groups=groups, inp=inp)
    return pack


def add_sections(
    conn: Connection,
    pack: Record,
    reader: Reader,
    unit: str | None,
    counted: ReportCounts,
    *,
    groups: bool = True,
    inp: ReportInput | None = None,
) -> None:
    """Add to the report's ``pack`` who answered the period's packs (``packs``), the requests,
    and with ``groups`` the counts by field and by leader and the risk colours per unit and
    leader (each unit row gains ``risk``), from ``counted``
    (:func:`dirtrack.store.counts.count_report` with ``sections``); then the section per
    periodic directive (``series``) and how often each unit and directive was urged
    (``urged``)."""
    from dirtrack.report.extras import add_urgings, extras, request_counts
    from dirtrack.report.series import series_section
    from dirtrack.store.pack_returns import returns

    found = returns(conn, reader.period, reader.as_of)
    if unit:
        top = reader.index.resolve(unit)
        assert top.id is not None
        codes = {reader.index.code(i) for i in reader.index.descendants(top.id)}
        found = [row for row in found if row["code"] in codes]
    pack["packs"] = found
    if groups:
        extra = extras(conn, reader.now, reader.period, reader.holders, counted)
        colours = {row["code"]: row["risk"] for row in extra["risk"]["units"]}
        for row in pack["units"]:
            row["risk"] = colours.get(row["code"], "grey")
        pack.update(extra)
    else:
        pack["requests"] = request_counts(conn, reader.now, reader.period)
    targets: dict[str, str] = {}
    if inp is not None and inp.rollup:
        from dirtrack.report.rollup import rollup_targets

        targets = rollup_targets(inp.parents, inp.top)
    pack["series"], pack["series_totals"] = series_section(
        conn, reader.now, reader.period, reader.names, targets
    )
    add_urgings(conn, pack, reader.period, reader.as_of)


def report_scope(
    conn: Connection, period: Period, as_of: date, unit: str | None = None
) -> tuple[Scope, Holders]:
    """The scope of the report of ``period`` as of ``as_of`` (of ``unit`` and the units under
    it), and who held the moved directives: for every section beside the per-unit counts."""
    from dirtrack.store.facts import load_units

    index = load_units(conn)
    holders = Holders.load(conn, index)
    return holders.scope(period, as_of, units_under(index, unit)[0]), holders


@dataclass
class Watched:
    """The overdue list (records), the open directives due soon (facts) and the causes."""

    overdue: list[Record]
    soon: list[DirectiveFacts]
    causes: list[Record]


class Reader:
    """The queries of one report, on one connection (one snapshot)."""

    def __init__(
        self,
        conn: Connection,
        period: Period,
        as_of: date,
        index: UnitIndex,
        unit_ids: frozenset[int] | None,
        holders: Holders,
    ) -> None:
        self.conn = conn
        self.period = period
        self.as_of = as_of
        self.index = index
        self.unit_ids = unit_ids
        self.holders = holders
        self.moves = holders.moves
        self.names = holders.names
        self.end = scope_end(period, as_of)
        self.now = self.scope(period, as_of)
        # Records already made (the overdue and due-soon ones), by id: the long lists reuse
        # them instead of reading those directives again.
        self.known: dict[int, Record] = {}

    def scope(self, period: Period, as_of: date) -> Scope:
        """The directives a report of ``period`` as of ``as_of`` counts."""
        return self.holders.scope(period, as_of, self.unit_ids)

    def facts_of(self, ids: Sequence[int]) -> list[DirectiveFacts]:
        """The facts of ``ids`` judged as of T (:func:`dirtrack.store.facts.facts_of`)."""
        return facts.facts_of(
            self.conn, ids, as_of=self.as_of, past_closures=self.holders.past_closures
        )

    def attributed(self, batch: list[DirectiveFacts]) -> list[DirectiveFacts]:
        """The facts under the unit that held each directive on T."""
        return self.holders.attribute(batch, self.as_of)

    def records(self, batches: Iterable[list[int]]) -> Iterator[Record]:
        """The records of the directives ``batches`` of ids name, in their order."""
        for ids in batches:
            missing = [i for i in ids if i not in self.known]
            made = {
                item.id: directive_record(item, self.as_of)
                for item in self.attributed(self.facts_of(missing))
            }
            for i in ids:
                known = self.known.get(i)
                yield known if known is not None else made[i]

    # --- counted by the database ---------------------------------------------------------

    def by_chair(self, groups: list[ChairGroup]) -> list[Record]:
        """``by_chair`` from the counts per spelling of chair and title; a tie between two
        spellings on the latest day is settled by that day's directives."""
        from dirtrack.report.sections import chair_rows, chair_ties, shown_chair

        keys = {g.chair: g.key for g in groups if g.chair}
        shown = {
            key: shown_chair(
                key, facts.chair_directives_on(self.conn, self.now, day), self.names, keys
            )
            for key, day in chair_ties(groups).items()
        }
        return chair_rows(groups, shown)

    def limitation_summary(self, inp: ReportInput) -> Record:
        from dirtrack.report.rollup import rollup_targets
        from dirtrack.report.sections import limitation_summary_of

        found = counts.limitation_counts(self.conn, self._unit_list(), self.period.start, self.end)
        by_code = {self.names[uid][0]: counts for uid, counts in found.items()}
        targets = rollup_targets(inp.parents, inp.top) if inp.rollup else {}
        return limitation_summary_of(by_code, targets, dict(self.names.values()))

    # --- lists -------------------------------------------------------------------------------

    def meetings(self) -> list[Record]:
        from dirtrack.records import meeting_record

        held = facts.list_meetings(self.conn, start=self.period.start, end=self.end)
        attending = facts.attendee_ids(self.conn, [m.id for m in held])
        return [
            meeting_record(m, [self.index.code(u) for u in attending.get(m.id, [])]) for m in held
        ]

    def watched(self, ids: Sequence[int]) -> Watched:
        """The overdue and due-soon directives ``ids`` (overdue first, most overdue first), read
        once, and the causes: the notes on overdue ones and the reasons of extensions approved
        in the period (:func:`dirtrack.store.facts.extension_causes`)."""
        from dirtrack.report.sections import cause_order, extension_cause_records, note_cause
        from dirtrack.status import Status
        from dirtrack.store.facts import BATCH

        period, as_of = self.period, self.as_of
        found = Watched([], [], [])
        units: dict[int, str] = {}
        late: set[int] = set()
        # Read in id order, the table's, so that each page of it and of its parts' indexes is
        # read once however the list is ordered; listed in the order given.
        ordered = sorted(ids)
        for start in range(0, len(ordered), BATCH):
            batch = self.facts_of(ordered[start : start + BATCH])
            for item in self.attributed(batch):
                units[item.id] = item.unit_code
                self.known[item.id] = directive_record(item, as_of)
                if item.status(as_of) is Status.OVERDUE:
                    late.add(item.id)
                    note = note_cause(item, as_of)
                    if note is not None:
                        found.causes.append(note)
                else:
                    found.soon.append(item)
        found.overdue = [self.known[i] for i in ids if i in late]
        reasons = facts.extension_causes(self.conn, self.now, period.start, self.end)
        # The units of the other directives given reasons: who held each on T.
        rest = sorted({row.directive_id for row in reasons} - units.keys())
        for start in range(0, len(rest), BATCH):
            batch = self.facts_of(rest[start : start + BATCH])
            units.update((item.id, item.unit_code) for item in self.attributed(batch))
        # Stable: one directive's extensions (in the order approved) come before its note.
        found.causes = extension_cause_records(reasons, units) + found.causes
        found.causes.sort(key=cause_order)
        return found

    def limitations(self) -> list[Record]:
        listed = facts.list_limitations(
            self.conn,
            unit_ids=self._unit_list(),
            raised_on_or_before=self.end,
            listed_from=self.period.start,
        )
        return [limitation_record(lim, self.as_of) for lim in listed]

    def repeated(self, inp: ReportInput, listed: Sequence[Record]) -> list[Record]:
        from dirtrack.report.sections import chain_members, repeated

        links = facts.repeat_links(self.conn, self.end)
        wanted = sorted(chain_members([r["id"] for r in listed], links))
        members = []
        for start in range(0, len(wanted), 1000):
            members += facts.list_limitations(
                self.conn, raised_on_or_before=self.end, ids=wanted[start : start + 1000]
            )
        return repeated(replace(inp, limitations=members), listed)

    def carried(self) -> Iterator[Record]:
        """``next_period.directives``: every open directive, by deadline (none last), then id."""
        ids = directive_ids(self.now, OPEN, most_overdue_first=True)
        return self.records(facts.iter_ids(self.conn, ids))

    def in_scope(self) -> Iterator[Record]:
        """``directives``: every directive in scope, by unit code, then id."""
        from dirtrack.report.sections import in_unit_order
        from dirtrack.store.facts import BATCH

        order = in_unit_order(facts.held_directives(self.conn, self.now), self.names)
        return self.records(order[start : start + BATCH] for start in range(0, len(order), BATCH))

    def _unit_list(self) -> list[int] | None:
        return sorted(self.unit_ids) if self.unit_ids is not None else None
