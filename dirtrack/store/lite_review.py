"""The review's queries in plain SQL for :mod:`sqlite3`: `report` without SQLAlchemy (issue 6).

The statements of :mod:`dirtrack.store.report_sql`, :mod:`dirtrack.store.review_counts` and
:mod:`dirtrack.store.review_sql`, written out as the SQL they compile to on SQLite, so that a
report on a SQLite file starts without importing SQLAlchemy (0.2 s of a 0.25 s budget). The
status rules are the same ``CASE``; the deadline in force is the same outer join on the latest
extension approved by T; values are bound as named parameters, and integer id lists (units,
the directives a retired unit handed over) are written in as digits.

:class:`LiteReads` answers what :func:`dirtrack.cli.review_lean.gather_review_lean` asks, as
:class:`dirtrack.store.review_reads.CoreReads` does on any database. ``tests/test_lite_review.py``
holds the two equal on random registers, and the whole suite runs `report` on SQLite through
this module and on PostgreSQL through the other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from dirtrack.review.lean import (
    CHAIRS,
    EARLIER,
    FIGURES,
    UNITS,
    WATCHED,
    LimitationCounts,
    ReviewCounts,
    review_counts_from,
)
from dirtrack.review.moves import MOVE_ACTION, Move, moves_from
from dirtrack.status import DirectiveFacts, Status
from dirtrack.store import lite_read
from dirtrack.store.fact_rows import BATCH
from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.lite import day, id_list, stored
from dirtrack.store.scope import OPEN, Scope
from dirtrack.store.units import UnitIndex


class Statement:
    """SQL being written, and its named parameters."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, value: Any) -> str:
        """A parameter for ``value``: its placeholder (one per distinct value)."""
        value = stored(value)
        for name, known in self.values.items():
            if known == value and type(known) is type(value):
                return f":{name}"
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"


def _code(status: Status) -> str:
    return f"'{status.value}'"


def holding_unit(scope: Scope) -> str:
    """The unit that held the directive on T: the stored one unless ``scope.holders`` says."""
    if not scope.holders:
        return "directive.unit_id"
    cases = " ".join(
        f"WHEN directive.id IN ({id_list(ids)}) THEN {int(uid)}" for uid, ids in scope.holders
    )
    return f"(CASE {cases} ELSE directive.unit_id END)"


class Judgement:
    """A directive judged as of a day: the join of the extension in force, the deadline in
    force, whether an extension was approved, and the status code."""

    def __init__(self, sql: Statement, as_of: date, name: str) -> None:
        t = sql.value(as_of)
        newer = f"{name}_newer"
        self.join = (
            f"LEFT OUTER JOIN extension AS {name} ON {name}.directive_id = directive.id"
            f" AND {name}.approved_on <= {t} AND NOT EXISTS (SELECT 1 FROM extension AS {newer}"
            f" WHERE {newer}.directive_id = {name}.directive_id AND {newer}.approved_on <= {t}"
            f" AND ({newer}.approved_on > {name}.approved_on OR ({newer}.approved_on ="
            f" {name}.approved_on AND {newer}.id > {name}.id)))"
        )
        due = self.due = f"coalesce({name}.new_due, directive.original_due)"
        self.extended = f"(CASE WHEN {name}.id IS NULL THEN 0 ELSE 1 END)"
        done, cancelled = "directive.completed_on", "directive.cancelled_on"
        self.status = (
            f"(CASE WHEN {cancelled} IS NOT NULL AND {cancelled} <= {t}"
            f" THEN {_code(Status.CANCELLED)}"
            f" WHEN {done} IS NOT NULL AND {done} <= {t} THEN CASE WHEN {due} IS NOT NULL"
            f" AND {done} > {due} THEN {_code(Status.DONE_LATE)}"
            f" ELSE {_code(Status.DONE_ON_TIME)} END"
            f" WHEN {due} IS NOT NULL AND {due} < {t} THEN {_code(Status.OVERDUE)}"
            f" ELSE {_code(Status.OPEN_IN_TIME)} END)"
        )


def _not_closed_before(sql: Statement, day_: date, *, strictly: bool = False) -> list[str]:
    d, op = sql.value(day_), ">" if strictly else ">="
    return [
        f"(directive.completed_on IS NULL OR directive.completed_on {op} {d})",
        f"(directive.cancelled_on IS NULL OR directive.cancelled_on {op} {d})",
    ]


def in_scope(sql: Statement, scope: Scope, held_on: str | None = None) -> list[str]:
    """The conditions of being in ``scope`` (:func:`dirtrack.store.report_sql.in_scope`)."""
    found = []
    if scope.held_on_or_before is not None:
        d = sql.value(scope.held_on_or_before)
        if held_on is None:
            # A correlated EXISTS, not an IN list: see report_sql.held_by.
            found.append(
                "EXISTS (SELECT 1 FROM meeting AS held WHERE held.id = directive.meeting_id"
                f" AND held.date <= {d})"
            )
        else:
            found.append(f"{held_on} <= {d}")
    if scope.closed_not_before is not None:
        found += _not_closed_before(sql, scope.closed_not_before)
    if scope.open_at is not None:
        found += _not_closed_before(sql, scope.open_at, strictly=True)
    if scope.unit_ids is not None:
        found.append(f"{holding_unit(scope)} IN ({id_list(sorted(scope.unit_ids))})")
    if scope.meeting_id is not None:
        found.append(f"directive.meeting_id = {sql.value(int(scope.meeting_id))}")
    return found


def _where(conditions: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def states(sql: Statement, scope: Scope) -> str:
    """``SELECT id, unit_id, meeting_id, due, extended, status`` of the directives in scope."""
    judged = Judgement(sql, scope.as_of, "ext")
    return (
        f"SELECT directive.id AS id, {holding_unit(scope)} AS unit_id,"
        f" directive.meeting_id AS meeting_id, {judged.due} AS due,"
        f" {judged.extended} AS extended, {judged.status} AS status"
        f" FROM directive {judged.join}{_where(in_scope(sql, scope))}"
    )


def _figures(status: str, no_deadline: str, extended: str) -> str:
    counted = f"{status} != {_code(Status.CANCELLED)}"
    found = {s.value: f"count(CASE WHEN {status} = {_code(s)} THEN 1 END)" for s in Status}
    found["no_deadline"] = f"count(CASE WHEN {counted} AND {no_deadline} = 1 THEN 1 END)"
    found["extended"] = f"count(CASE WHEN {counted} AND {extended} = 1 THEN 1 END)"
    return ", ".join(f"{found[figure]} AS {figure}" for figure in FIGURES)


def _nulls(*names: str) -> str:
    return ", ".join(f"NULL AS {name}" for name in names)


_NO_FIGURES = _nulls(*FIGURES)


def count_review_sql(now: Scope, then: Scope, due_by: date) -> tuple[str, dict[str, Any]]:
    """The one statement of :func:`dirtrack.store.review_counts.count_review`, for SQLite."""
    sql = Statement()
    at_now, at_then = Judgement(sql, now.as_of, "ext_now"), Judgement(sql, then.as_of, "ext_then")
    in_now = " AND ".join(in_scope(sql, now, held_on="meeting.date")) or "1"
    in_then = " AND ".join(in_scope(sql, then, held_on="meeting.date")) or "1"
    either: list[str] = []
    if now.closed_not_before is not None and then.closed_not_before is not None:
        either = _not_closed_before(sql, min(now.closed_not_before, then.closed_not_before))
    judged = (
        "SELECT directive.id AS id, directive.meeting_id AS meeting_id, meeting.chair AS chair,"
        " meeting.chair_title AS chair_title, meeting.date AS held_on,"
        f" {holding_unit(now)} AS unit_now, {at_now.due} AS due_now,"
        f" (CASE WHEN {at_now.due} IS NULL THEN 1 ELSE 0 END) AS no_deadline_now,"
        f" {at_now.extended} AS extended_now, {at_now.status} AS status_now,"
        f" (CASE WHEN {in_now} THEN 1 ELSE 0 END) AS in_now,"
        f" {holding_unit(then)} AS unit_then,"
        f" (CASE WHEN {at_then.due} IS NULL THEN 1 ELSE 0 END) AS no_deadline_then,"
        f" {at_then.extended} AS extended_then, {at_then.status} AS status_then,"
        f" (CASE WHEN {in_then} THEN 1 ELSE 0 END) AS in_then"
        " FROM directive JOIN meeting ON meeting.id = directive.meeting_id"
        f" {at_now.join} {at_then.join}"
        f"{_where([*either, f'(({in_now}) OR ({in_then}))'])}"
    )
    now_figures = _figures("status_now", "no_deadline_now", "extended_now")
    soon = (
        f"status_now = {_code(Status.OPEN_IN_TIME)} AND due_now IS NOT NULL"
        f" AND due_now <= {sql.value(due_by)}"
    )
    parts = [
        f"SELECT {UNITS} AS part, unit_now AS unit_id, NULL AS chair, NULL AS chair_title,"
        f" {now_figures}, {_nulls('meetings', 'day', 'id')}"
        " FROM judged WHERE in_now = 1 GROUP BY unit_now",
        f"SELECT {EARLIER} AS part, unit_then AS unit_id, NULL AS chair, NULL AS chair_title,"
        f" {_figures('status_then', 'no_deadline_then', 'extended_then')},"
        f" {_nulls('meetings', 'day', 'id')}"
        " FROM judged WHERE in_then = 1 GROUP BY unit_then",
        f"SELECT {CHAIRS} AS part, NULL AS unit_id, chair, chair_title, {now_figures},"
        " count(DISTINCT meeting_id) AS meetings, max(held_on) AS day, NULL AS id"
        " FROM judged WHERE in_now = 1 GROUP BY chair, chair_title",
        f"SELECT {WATCHED} AS part, NULL AS unit_id, NULL AS chair, NULL AS chair_title,"
        f" {_NO_FIGURES}, NULL AS meetings, due_now AS day, id FROM judged"
        f" WHERE in_now = 1 AND (status_now = {_code(Status.OVERDUE)} OR ({soon}))",
    ]
    # SQLite materialises a common table expression read more than once: the directives are
    # read once, the judged rows four times.
    statement = (
        f"WITH judged AS ({judged}) " + " UNION ALL ".join(parts) + " ORDER BY part, day, id"
    )
    return statement, sql.values


def _rows(cursor: sqlite3.Cursor) -> Iterator[SimpleNamespace]:
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield SimpleNamespace(**dict(zip(names, row, strict=True)))


class LiteReads:
    """What the review reads, on a :mod:`sqlite3` connection (one snapshot)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def load_units(self) -> UnitIndex:
        return lite_read.load_units(self.conn)

    def load_moves(self) -> dict[int, list[Move]]:
        rows = self.conn.execute(
            'SELECT entity_id, "before", "after" FROM change_log'
            " WHERE action = ? AND undone_by IS NULL ORDER BY id",
            (MOVE_ACTION,),
        )
        return moves_from(rows)

    def stored_units(self, ids: Collection[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        wanted = sorted(ids)
        for start in range(0, len(wanted), 1000):
            part = id_list(wanted[start : start + 1000])
            sql = f"SELECT id, unit_id FROM directive WHERE id IN ({part})"
            found.update(dict(self.conn.execute(sql).fetchall()))
        return found

    def count_review(self, now: Scope, then: Scope, due_by: date) -> ReviewCounts:
        sql, values = count_review_sql(now, then, due_by)
        rows = []
        for row in _rows(self.conn.execute(sql, values)):
            row.day = day(row.day)
            rows.append(row)
        return review_counts_from(rows)

    def chair_directives_on(
        self, scope: Scope, held: date
    ) -> list[tuple[int, int, str | None, str | None]]:
        sql = Statement()
        rows = states(sql, scope)
        query = (
            f"SELECT states.id, states.unit_id, meeting.chair, meeting.chair_title FROM ({rows})"
            " AS states JOIN meeting ON meeting.id = states.meeting_id"
            f" WHERE meeting.date = {sql.value(held)}"
        )
        return [tuple(row) for row in self.conn.execute(query, sql.values)]

    def facts_of(self, ids: Sequence[int]) -> list[DirectiveFacts]:
        return lite_read.facts_of(self.conn, ids)

    def extension_cause_ids(self, scope: Scope, start: date, end: date) -> list[int]:
        sql = Statement()
        conditions = [
            f"extension.approved_on >= {sql.value(start)}",
            f"extension.approved_on <= {sql.value(end)}",
            "extension.reason IS NOT NULL",
            "extension.reason != ''",
            *in_scope(sql, scope),
        ]
        query = (
            "SELECT DISTINCT extension.directive_id FROM extension"
            " JOIN directive ON directive.id = extension.directive_id"
            f"{_where(conditions)} ORDER BY extension.directive_id"
        )
        return [row[0] for row in self.conn.execute(query, sql.values)]

    def held_directives(self, scope: Scope) -> list[tuple[int, int]]:
        sql = Statement()
        rows = states(sql, scope)
        return [(did, uid) for did, uid, *_ in self.conn.execute(rows, sql.values)]

    def id_batches(self, scope: Scope, statuses: Sequence[Status] = OPEN) -> Iterator[list[int]]:
        """The directives in scope with one of ``statuses``, most overdue first: by deadline in
        force (none last), then id, a batch at a time (as
        :func:`dirtrack.store.report_sql.directive_ids` with ``most_overdue_first``)."""
        if all(s.is_open for s in statuses):
            # Implied by the status; said outright so an index on the dates can serve it.
            scope = replace(scope, open_at=scope.as_of)
        sql = Statement()
        rows = states(sql, scope)
        codes = ", ".join(_code(s) for s in statuses)
        query = (
            f"SELECT states.id FROM ({rows}) AS states WHERE states.status IN ({codes})"
            " ORDER BY CASE WHEN states.due IS NULL THEN 1 ELSE 0 END, states.due, states.id"
        )
        cursor = self.conn.execute(query, sql.values)
        try:
            while part := cursor.fetchmany(BATCH):
                yield [row[0] for row in part]
        finally:
            cursor.close()

    def last_touched(self, directive_ids: Iterable[int]) -> dict[int, tuple[datetime, str]]:
        """As :func:`dirtrack.store.history.last_touched`: the newest change row not undone of
        each directive, through the index on ``change_log(directive_id, id)``."""
        wanted = sorted(set(directive_ids))
        found: dict[int, tuple[datetime, str]] = {}
        for start in range(0, len(wanted), 1000):
            query = (
                "SELECT directive_id, at, actor FROM change_log WHERE id IN (SELECT max(id)"
                f" FROM change_log WHERE directive_id IN ({id_list(wanted[start : start + 1000])})"
                " AND undone_by IS NULL GROUP BY directive_id)"
            )
            for directive_id, at, actor in self.conn.execute(query):
                found[int(directive_id)] = (datetime.fromisoformat(at), actor)
        return found

    def list_meetings(self, *, start: date | None, end: date | None) -> list[Any]:
        return lite_read.list_meetings(self.conn, start=start, end=end)

    def attendee_ids(self, meeting_ids: Sequence[int]) -> dict[int, list[int]]:
        return lite_read.attendee_ids(self.conn, meeting_ids)

    def list_limitations(
        self,
        *,
        unit_ids: Sequence[int] | None = None,
        raised_on_or_before: date | None = None,
        ids: Sequence[int] | None = None,
        listed_from: date | None = None,
    ) -> list[LimitationFacts]:
        return lite_read.list_limitations(
            self.conn,
            unit_ids=unit_ids,
            raised_on_or_before=raised_on_or_before,
            ids=ids,
            listed_from=listed_from,
        )

    def limitation_counts(
        self, unit_ids: Sequence[int] | None, start: date, end: date
    ) -> dict[int, LimitationCounts]:
        sql = Statement()
        s, e = sql.value(start), sql.value(end)
        raised = f"meeting.date >= {s}"
        resolved = f"(limitation.resolved_on IS NOT NULL AND limitation.resolved_on <= {e})"
        conditions = [f"meeting.date <= {e}"]
        if unit_ids is not None:
            conditions.append(f"limitation.unit_id IN ({id_list(unit_ids)})")
        # "+ 0": see review_sql.limitation_counts (grouping by the indexed column is slower).
        query = (
            "SELECT limitation.unit_id + 0 AS unit_id,"
            f" count(CASE WHEN {raised} THEN 1 END),"
            f" count(CASE WHEN {resolved} AND limitation.resolved_on >= {s} THEN 1 END),"
            f" count(CASE WHEN NOT {resolved} THEN 1 END),"
            f" count(CASE WHEN {raised} AND limitation.repeat_of_id IS NOT NULL THEN 1 END)"
            " FROM limitation JOIN meeting ON meeting.id = limitation.meeting_id"
            f"{_where(conditions)} GROUP BY limitation.unit_id + 0"
        )
        return {
            uid: LimitationCounts(n_raised, n_resolved, n_open, n_repeated)
            for uid, n_raised, n_resolved, n_open, n_repeated in self.conn.execute(
                query, sql.values
            )
        }

    def repeat_links(self, end: date) -> dict[int, int]:
        query = (
            "SELECT limitation.id, limitation.repeat_of_id FROM limitation"
            " JOIN meeting ON meeting.id = limitation.meeting_id"
            " WHERE meeting.date <= ? AND limitation.repeat_of_id IS NOT NULL"
        )
        return dict(self.conn.execute(query, (end.isoformat(),)).fetchall())
