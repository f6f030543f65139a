"""What `report` reads for the review pack on the lean path (issue 6).

:func:`dirtrack.cli.review.gather_review` reads the facts of every directive in scope and hands
them to :func:`dirtrack.review.pack.build_review`, the reference. :func:`gather_review_lean`
gives the same object from a read-only Core connection, reading no more than the sections show:

- per-unit counts now and in the previous period, and the counts per chair, are aggregated by
  the database (:mod:`dirtrack.store.report_sql`, :mod:`dirtrack.store.review_sql`), and so are
  the limitations per unit;
- the overdue and due-soon directives, and those with a reason given for an extension, are read
  a batch at a time; the overdue list, due soon and causes come from them;
- ``next_period.directives`` and ``directives`` list every open and every in-scope directive:
  they are :class:`~dirtrack.records.RecordStream` values, read batch by batch only when a
  format writes them (``json``, ``md`` and the files), and never held whole;
- directives moved by ``unit retire`` count for the unit that held them on the day judged: the
  database is told who held which (:func:`dirtrack.review.moves.holders_at`) and their facts
  are attributed as the reference does.

The streams read from the connection: render the pack before the connection closes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dirtrack.periods import Period
from dirtrack.records import Record, RecordStream, directive_record, limitation_record
from dirtrack.report import scope_end

if TYPE_CHECKING:
    from dirtrack.review.lean import ChairGroup
    from dirtrack.review.moves import Move
    from dirtrack.review.pack import ReviewInput
    from dirtrack.status import DirectiveFacts
    from dirtrack.store.lite_review import LiteReads
    from dirtrack.store.review_reads import CoreReads
    from dirtrack.store.scope import Scope
    from dirtrack.store.units import UnitIndex

    # Core on any database, or plain sqlite3 (the quick start on a SQLite file): same answers.
    Reads = CoreReads | LiteReads


def gather_review_lean(
    reads: Reads,
    period: Period,
    as_of: date,
    *,
    unit: str | None = None,
    rollup: bool = False,
    due_within: int = 7,
    counts_only: bool = False,
) -> Record:
    """The review of ``period`` as of ``as_of``: what :func:`gather_review` gives.

    With ``counts_only`` (for ``--format csv``) only what the CSV table shows is read: units,
    totals, the previous period, chairs and meetings; the lists are left empty.
    """
    from dirtrack.review.lean import report_of
    from dirtrack.review.pack import Lists, ReviewInput, assemble, due_soon

    index = reads.load_units()
    unit_ids: frozenset[int] | None = None
    top: str | None = None
    if unit:
        found = index.resolve(unit)
        assert found.id is not None
        top = found.code
        unit_ids = frozenset(index.descendants(found.id))
    reader = LeanReader(reads, period, as_of, index, unit_ids, reads.load_moves())
    inp = ReviewInput(
        period=period,
        as_of=as_of,
        facts=(),
        names=reader.names,
        parents={info.code: info.parent for info in index.all_info()},
        moves=reader.moves,
        unit_ids=unit_ids,
        top=top,
        rollup=rollup,
        due_within=due_within,
    )
    before = period.previous()
    then = reader.scope(before, min(before.end, as_of))
    counted = reads.count_review(reader.now, then, as_of + timedelta(days=due_within))
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
        return assemble(inp, report, earlier, unread)

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
        directives=RecordStream(totals.total + totals.cancelled, reader.in_scope),
    )
    return assemble(inp, report, earlier, lists)


@dataclass
class Watched:
    """The overdue list (records), the open directives due soon (facts) and the causes."""

    overdue: list[Record]
    soon: list[DirectiveFacts]
    causes: list[Record]


class LeanReader:
    """The queries of one review, on one connection (one snapshot)."""

    def __init__(
        self,
        reads: Reads,
        period: Period,
        as_of: date,
        index: UnitIndex,
        unit_ids: frozenset[int] | None,
        moves: dict[int, list[Move]],
    ) -> None:
        self.reads = reads
        self.period = period
        self.as_of = as_of
        self.index = index
        self.unit_ids = unit_ids
        self.moves = moves
        self.names = {uid: (u.code, u.name) for uid, u in index.units.items()}
        self.end = scope_end(period, as_of)
        self._stored = reads.stored_units(moves.keys()) if moves else {}
        self.now = self.scope(period, as_of)
        # Records already made (the overdue and due-soon ones), by id: the long lists reuse
        # them instead of reading those directives again.
        self.known: dict[int, Record] = {}

    def scope(self, period: Period, as_of: date) -> Scope:
        """The directives a review of ``period`` as of ``as_of`` counts."""
        from dirtrack.review.moves import holders_at
        from dirtrack.store.scope import Scope

        return Scope(
            as_of=as_of,
            held_on_or_before=scope_end(period, as_of),
            closed_not_before=period.start,
            unit_ids=self.unit_ids,
            holders=holders_at(self.moves, self._stored, as_of, self.names),
        )

    def attributed(self, batch: list[DirectiveFacts]) -> list[DirectiveFacts]:
        """The facts under the unit that held each directive on T."""
        from dirtrack.review.moves import attribute

        return attribute(batch, self.moves, self.as_of, self.names) if self.moves else batch

    def records(self, batches: Iterable[list[int]]) -> Iterator[Record]:
        """The records of the directives ``batches`` of ids name, in their order."""
        for ids in batches:
            missing = [i for i in ids if i not in self.known]
            made = {
                item.id: directive_record(item, self.as_of)
                for item in self.attributed(self.reads.facts_of(missing))
            }
            for i in ids:
                known = self.known.get(i)
                yield known if known is not None else made[i]

    # --- counted by the database ---------------------------------------------------------

    def by_chair(self, groups: list[ChairGroup]) -> list[Record]:
        """``by_chair`` from the counts per spelling of chair and title; a tie between two
        spellings on the latest day is settled by that day's directives."""
        from dirtrack.review.lean import chair_rows, chair_ties, shown_chair

        shown = {
            key: shown_chair(key, self.reads.chair_directives_on(self.now, day), self.names)
            for key, day in chair_ties(groups).items()
        }
        return chair_rows(groups, shown)

    def limitation_summary(self, inp: ReviewInput) -> Record:
        from dirtrack.review.lean import limitation_summary_of
        from dirtrack.review.rollup import rollup_targets

        found = self.reads.limitation_counts(self._unit_list(), self.period.start, self.end)
        by_code = {self.names[uid][0]: counts for uid, counts in found.items()}
        targets = rollup_targets(inp.parents, inp.top) if inp.rollup else {}
        return limitation_summary_of(by_code, targets, dict(self.names.values()))

    # --- lists -------------------------------------------------------------------------------

    def meetings(self) -> list[Record]:
        from dirtrack.records import meeting_record

        held = self.reads.list_meetings(start=self.period.start, end=self.end)
        attending = self.reads.attendee_ids([m.id for m in held])
        return [
            meeting_record(m, [self.index.code(u) for u in attending.get(m.id, [])]) for m in held
        ]

    def watched(self, ids: Sequence[int]) -> Watched:
        """The overdue and due-soon directives ``ids`` (overdue first, most overdue first), read
        once, and the causes: the notes on overdue ones and the reasons of extensions approved
        in the period."""
        from dirtrack.review.pack import causes
        from dirtrack.status import Status
        from dirtrack.store.fact_rows import BATCH

        period, as_of = self.period, self.as_of
        found = Watched([], [], [])
        seen: set[int] = set()
        for start in range(0, len(ids), BATCH):
            items = self.attributed(self.reads.facts_of(ids[start : start + BATCH]))
            for item in items:
                seen.add(item.id)
                record = self.known[item.id] = directive_record(item, as_of)
                if item.status(as_of) is Status.OVERDUE:
                    found.overdue.append(record)
                else:
                    found.soon.append(item)
            found.causes += causes(items, period, as_of)
        rest = [
            i
            for i in self.reads.extension_cause_ids(self.now, period.start, self.end)
            if i not in seen
        ]
        for start in range(0, len(rest), BATCH):
            items = self.attributed(self.reads.facts_of(rest[start : start + BATCH]))
            found.causes += causes(items, period, as_of)
        # Stable: causes tie only within one directive, read once, in the reference's order.
        found.causes.sort(key=lambda c: (c["unit"], c["date"], c["directive_id"]))
        return found

    def limitations(self) -> list[Record]:
        listed = self.reads.list_limitations(
            unit_ids=self._unit_list(),
            raised_on_or_before=self.end,
            listed_from=self.period.start,
        )
        return [limitation_record(lim, self.as_of) for lim in listed]

    def repeated(self, inp: ReviewInput, listed: Sequence[Record]) -> list[Record]:
        from dirtrack.review.lean import chain_members
        from dirtrack.review.pack import repeated

        links = self.reads.repeat_links(self.end)
        wanted = sorted(chain_members([r["id"] for r in listed], links))
        members = []
        for start in range(0, len(wanted), 1000):
            members += self.reads.list_limitations(
                raised_on_or_before=self.end, ids=wanted[start : start + 1000]
            )
        return repeated(replace(inp, limitations=members), listed)

    def carried(self) -> Iterator[Record]:
        """``next_period.directives``: every open directive, by deadline (none last), then id."""
        return self.records(self.reads.id_batches(self.now))

    def in_scope(self) -> Iterator[Record]:
        """``directives``: every directive in scope, by unit code, then id."""
        from dirtrack.review.lean import in_unit_order
        from dirtrack.store.fact_rows import BATCH

        order = in_unit_order(self.reads.held_directives(self.now), self.names)
        return self.records(order[start : start + BATCH] for start in range(0, len(order), BATCH))

    def _unit_list(self) -> list[int] | None:
        return sorted(self.unit_ids) if self.unit_ids is not None else None
