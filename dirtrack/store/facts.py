"""Directive facts, units, meetings and limitations read in bulk with SQLAlchemy Core.

Read with the Core tables of :mod:`dirtrack.store.tables` on a plain
:class:`~sqlalchemy.Connection` (no ORM objects), and streamed: the ids come from a query
(usually :func:`dirtrack.store.rules.directive_ids`) a batch at a time, and each batch costs
four queries whatever the register's size, so memory stays flat as the register grows. The
ORM store (:func:`dirtrack.store.directives.iter_facts`) reads through here too.

Also the reasons and other ids the report's lists show (:func:`extension_causes`,
:func:`held_directives`, :func:`chair_directives_on`) and the links of repeated limitations
(:func:`repeat_links`). Text is never ordered by the database (PostgreSQL sorts by locale):
callers sort in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from sys import intern
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Date,
    Select,
    bindparam,
    func,
    or_,
    select,
)

from dirtrack.errors import NotFound
from dirtrack.status import (
    ClosureFact,
    DirectiveFacts,
    ExtensionFact,
    ProgressFact,
    RequestFact,
    ResultFact,
    Status,
)
from dirtrack.store import tables
from dirtrack.store.rules import (
    OPEN,
    RISK_PARAMS,
    RiskDays,
    Scope,
    directive_ids,
    directive_list,
    held_by,
    in_scope,
    judged_query,
    judgement,
    not_closed_before,
    progress_at,
    risk_case,
    states,
)

if TYPE_CHECKING:
    from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.tables import (
    directive,
    directive_coordinator,
    directive_result,
    extension,
    field,
    id_values,
    limitation,
    meeting,
    meeting_attendee,
    progress_entry,
    request,
    unit,
    unit_alias,
)
from dirtrack.store.units import UnitIndex

STATUSES = {status.value: status for status in Status}

# Ids read, and facts built, this many at a time: memory stays flat however large the register.
BATCH = 500

Row = Sequence[Any]


def facts_from_rows(
    as_of: date,
    wanted: Sequence[int],
    main: Iterable[Row],
    extensions: Iterable[Row],
    progress: Iterable[Row],
    coordinators: Iterable[Row],
    requests: Iterable[Row] = (),
    closures: Iterable[Row] = (),
) -> list[DirectiveFacts]:
    """The facts of ``wanted``, in that order; ids with no main row are left out.

    Rows: ``main`` (id, meeting_id, meeting date, unit_id, unit code, unit name, text,
    original_due, completed_on, cancelled_on, due_text, product, key, completion_note,
    cancel_reason, then the deadline in force and the status code at ``as_of``, then
    completed_on_exact, series_id, period, issued_on, the words of the deadline in force,
    withdrawn_on, field code, and the result's claimed_on, doc, doc_date, file, file_hash,
    verdict, accepted_on, returned_on, return_reason, then the risk colour and the progress
    at ``as_of``, and the id of the past closure in force then or None);
    ``extensions`` (directive_id, approved_on, new_due, reason, due_text) and ``progress``
    (directive_id, reported_on, percent, note), each in recorded order; ``coordinators``
    (directive_id, unit code); ``requests`` (directive_id, then the fields of
    :class:`~dirtrack.status.RequestFact` in its order), in recorded order; ``closures``
    (directive_id, id, kind, closed_on, reopened_on, note, reopen_reason, completed_on_exact,
    then the result's fields as in ``main``), oldest first. In ``main``, the completion, the
    cancellation and the withdrawal are those of the closure in force at ``as_of``, and its
    last column the id of that closure when a reopening ended it since: its note or reason
    and result are then that closure's.

    Raises:
        TypeError: a main row holds bytes (a BLOB another program wrote where dirtrack stores
            text), which a table would show as ``b'…'``: the command fails, and
            :func:`dirtrack.cli.app._stored_bytes` names the value as doctor does.
    """
    rows = {row[0]: row for row in main}
    for main_row in rows.values():
        if bytes in map(type, main_row):  # a text another program wrote as a BLOB (SQLite)
            raise TypeError(f"directive {main_row[0]}: bytes where dirtrack stores text")
    exts: dict[int, list[ExtensionFact]] = defaultdict(list)
    for did, approved_on, new_due, reason, due_text in extensions:
        exts[did].append(ExtensionFact(approved_on, new_due, reason, due_text))
    steps: dict[int, list[ProgressFact]] = defaultdict(list)
    for did, reported_on, percent, note in progress:
        steps[did].append(ProgressFact(reported_on, percent, note))
    withs: dict[int, list[str]] = defaultdict(list)
    for did, code in coordinators:
        withs[did].append(intern(code))
    asked: dict[int, list[RequestFact]] = defaultdict(list)
    for did, *values in requests:
        asked[did].append(RequestFact(*values))
    ended: dict[int, list[ClosureFact]] = defaultdict(list)
    by_id: dict[int, ClosureFact] = {}
    for did, cid, kind, closed_on, reopened_on, note, why, exact, *kept_result in closures:
        kept = ResultFact(*kept_result) if kept_result[0] is not None else None
        fact = ClosureFact(kind, closed_on, reopened_on, note, why, exact is not False, kept)
        ended[did].append(fact)
        by_id[cid] = fact
    found = []
    empty: tuple[()] = ()
    for did in wanted:
        row = rows.get(did)
        if row is None:
            continue
        (_, meeting_id, held, unit_id, code, name, text, original_due, completed_on) = row[:9]
        (cancelled_on, due_text, product, key, completion_note, cancel_reason) = row[9:15]
        due, status = row[15:17]
        exact = row[17] is not False
        series_id, period, issued_on, due_phrase = row[18:22]
        withdrawn_on, field_code = row[22:24]
        result = ResultFact(*row[24:33]) if row[24] is not None else None
        colour, percent = row[33:35]
        in_force = by_id.get(row[35]) if row[35] is not None else None
        if in_force is not None:  # a closure a reopening ended since: its words and result
            done = in_force.kind == "done"
            completion_note = in_force.note if done else None
            cancel_reason = in_force.note if in_force.kind == "cancelled" else None
            exact = in_force.completed_on_exact
            result = in_force.result
        # One string per unit, however many directives show it (a few hundred units).
        code, name = intern(code), intern(name)
        co = withs.get(did)
        ex = exts.get(did)
        st = steps.get(did)
        found.append(
            DirectiveFacts.read(
                {
                    "id": did,
                    "meeting_id": meeting_id,
                    "meeting_date": held,
                    "unit_id": unit_id,
                    "unit_code": code,
                    "unit_name": name,
                    "text": text,
                    "original_due": original_due,
                    "completed_on": completed_on,
                    "cancelled_on": cancelled_on,
                    # Sorted here, not by ORDER BY: PostgreSQL sorts text by locale, SQLite by
                    # code point, and the order shows in `with`.
                    "with_codes": tuple(sorted(co)) if co else empty,
                    "extensions": tuple(ex) if ex else empty,
                    "progress": tuple(st) if st else empty,
                    "due_text": due_text,
                    "product": product,
                    "key": key,
                    "completion_note": completion_note,
                    "cancel_reason": cancel_reason,
                    "judged_on": as_of,
                    "due_in_force": due,
                    "judged_status": STATUSES[status],
                    "judged_risk": colour,
                    "judged_progress": percent,
                    "completed_on_exact": exact,
                    "series_id": series_id,
                    "period": period,
                    "issued_on": issued_on,
                    "due_phrase": due_phrase,
                    "withdrawn_on": withdrawn_on,
                    "field_code": field_code,
                    "result": result,
                    "requests": tuple(asked.get(did, ())),
                    "closures": tuple(ended.get(did, ())),
                    "ended_in_force": in_force,
                }
            )
        )
    return found


def filter_ids(
    *,
    ids: Sequence[int] | None = None,
    unit_ids: Sequence[int] | None = None,
    meeting_id: int | None = None,
    held_on_or_before: date | None = None,
    closed_not_before: date | None = None,
    open_on: date | None = None,
) -> Select[int]:
    """The ids of the directives a :class:`~dirtrack.store.directives.DirectiveFilter` names,
    in id order (None: no restriction). ``open_on``: only those open that day, in time or
    overdue, by the rules' status (:func:`dirtrack.store.rules.directive_ids`)."""
    query = select(directive.c.id)
    if open_on is not None:
        found = directive_ids(Scope(as_of=open_on, held_on_or_before=open_on), OPEN)
        query = query.where(directive.c.id.in_(found.order_by(None)))
    if ids is not None:
        query = query.where(directive.c.id.in_(list(ids)))
    if unit_ids is not None:
        query = query.where(directive.c.unit_id.in_(list(unit_ids)))
    if meeting_id is not None:
        query = query.where(directive.c.meeting_id == meeting_id)
    if held_on_or_before is not None:
        query = query.where(held_by(held_on_or_before))
    if closed_not_before is not None:
        query = query.where(not_closed_before(closed_not_before))
    return query.order_by(directive.c.id)


def iter_facts(conn: Connection, ids: Select[int], *, as_of: date) -> Iterator[DirectiveFacts]:
    """Yield the facts of the directives whose ids ``ids`` selects, in its order, judged as of
    ``as_of``.

    The ids are streamed (a server-side cursor on PostgreSQL) and the facts fetched a batch at a
    time, so neither the ids nor the facts of the whole register are ever held at once.
    """
    for batch in iter_batches(conn, ids, as_of=as_of):
        yield from batch


def iter_batches(
    conn: Connection, ids: Select[int], *, as_of: date
) -> Iterator[list[DirectiveFacts]]:
    """As :func:`iter_facts`, a batch of at most :data:`BATCH` facts at a time."""
    for part in iter_ids(conn, ids):
        yield facts_of(conn, part, as_of=as_of)


def iter_ids(conn: Connection, ids: Select[int]) -> Iterator[list[int]]:
    """The ids ``ids`` selects, in its order, :data:`BATCH` at a time, streamed."""
    # An option of this statement only: Connection.execution_options() would change the
    # connection itself, and a later INSERT would go out as a server-side cursor.
    result = conn.execute(ids, execution_options={"yield_per": BATCH})
    try:
        for part in result.partitions():
            yield [row[0] for row in part]
    finally:
        # Also when the caller stops early: the server-side cursor is closed, not left to GC.
        # Not when the connection has gone first (the reader of stdout went away and the
        # command ended before this generator was dropped): the cursor went with it, and
        # closing it again made SQLAlchemy log "Error closing cursor" with a traceback.
        if not conn.closed:
            result.close()


# The queries of a batch, built once per database kind: the ids go in as one parameter
# (:func:`dirtrack.store.tables.id_values`), so SQLAlchemy neither builds nor binds anything
# per id, and a statement takes a list of any length.
_AS_OF: BindParameter[date] = bindparam("as_of", type_=Date)


def _listed(column: ColumnElement[int], dialect: str) -> ColumnElement[bool]:
    """``column`` is one of the ids of the parameter ``ids``."""
    return column.in_(select(id_values(dialect).c.value))


def _main_query(rows: Any) -> Select[Any]:
    """A directive's own row: its columns, and those of ``rows`` (a judged step, as of
    :data:`_AS_OF`, with the columns of :func:`dirtrack.store.rules.judged_query`), joined
    on the directive's id: the deadline in force and the status come from the step,
    written once, and the risk colour is judged over them."""
    columns = (
        directive.c.id,
        directive.c.meeting_id,
        meeting.c.date,
        directive.c.unit_id,
        unit.c.code,
        unit.c.name,
        directive.c.text,
        directive.c.original_due,
        rows.c.completed_on,
        rows.c.cancelled_on,
        directive.c.due_text,
        directive.c.product,
        directive.c.key,
        directive.c.completion_note,
        directive.c.cancel_reason,
        rows.c.due,
        rows.c.status,
        directive.c.completed_on_exact,
        directive.c.series_id,
        directive.c.period,
        directive.c.issued_on,
        rows.c.due_text,
        rows.c.withdrawn_on,
        field.c.code,
        directive_result.c.claimed_on,
        directive_result.c.doc,
        directive_result.c.doc_date,
        directive_result.c.file,
        directive_result.c.file_hash,
        directive_result.c.verdict,
        directive_result.c.accepted_on,
        directive_result.c.returned_on,
        directive_result.c.return_reason,
        risk_case(rows.c.status, rows.c.due, meeting.c.date, _AS_OF, RISK_PARAMS),
        progress_at(_AS_OF),
        # the past closure in force at T, if one is (its note, reason and result are read
        # with the closures)
        rows.c.closure_id,
    )
    joined = (
        rows.join(directive, directive.c.id == rows.c.id)
        .join(meeting, meeting.c.id == directive.c.meeting_id)
        .join(unit, unit.c.id == directive.c.unit_id)
        .outerjoin(field, field.c.id == directive.c.field_id)
        .outerjoin(directive_result, directive_result.c.directive_id == directive.c.id)
    )
    return select(*columns).select_from(joined)


@cache
def _main_by_ids(dialect: str, past: bool) -> Select[Any]:
    """The own rows of the directives of the parameter ``ids``, built on first use (a listing
    builds its own with :func:`_main_query`); ``past``: whether closures a reopening ended
    may be recorded (:func:`dirtrack.store.rules.judgement`)."""
    judged = judged_query(_AS_OF, past=past).where(_listed(directive.c.id, dialect))
    return _main_query(judged.subquery("judged"))


@dataclass(frozen=True)
class _Parts:
    """The statements reading the parts of the directives of the parameter ``ids``."""

    extensions: Select[Any]
    progress: Select[Any]
    coordinators: Select[Any]
    requests: Select[Any]


@cache
def _parts(dialect: str) -> _Parts:
    return _Parts(
        extensions=select(
            extension.c.directive_id,
            extension.c.approved_on,
            extension.c.new_due,
            extension.c.reason,
            extension.c.due_text,
        )
        .where(_listed(extension.c.directive_id, dialect))
        .order_by(extension.c.approved_on, extension.c.id),
        progress=select(
            progress_entry.c.directive_id,
            progress_entry.c.reported_on,
            progress_entry.c.percent,
            progress_entry.c.note,
        )
        .where(_listed(progress_entry.c.directive_id, dialect))
        .order_by(progress_entry.c.reported_on, progress_entry.c.id),
        coordinators=select(directive_coordinator.c.directive_id, unit.c.code)
        .join(unit, unit.c.id == directive_coordinator.c.unit_id)
        .where(_listed(directive_coordinator.c.directive_id, dialect)),
        requests=select(
            request.c.directive_id,
            request.c.id,
            request.c.kind,
            request.c.asked_on,
            request.c.reason,
            request.c.to_due,
            request.c.doc,
            request.c.decision,
            request.c.decided_on,
            request.c.decision_doc,
            request.c.decision_reason,
            request.c.objective,
        )
        .where(_listed(request.c.directive_id, dialect))
        .order_by(request.c.asked_on, request.c.id),
    )


@cache
def _closures(dialect: str) -> Select[Any]:
    """The closures reopenings ended of the directives of the parameter ``ids``, oldest
    first: built when first read, as their table's class (a register with none reads none)."""
    closure = tables.closure
    return (
        select(
            closure.c.directive_id,
            closure.c.id,
            closure.c.kind,
            closure.c.closed_on,
            closure.c.reopened_on,
            closure.c.note,
            closure.c.reopen_reason,
            closure.c.completed_on_exact,
            closure.c.claimed_on,
            closure.c.doc,
            closure.c.doc_date,
            closure.c.file,
            closure.c.file_hash,
            closure.c.verdict,
            closure.c.accepted_on,
        )
        .where(_listed(closure.c.directive_id, dialect))
        .order_by(closure.c.closed_on, closure.c.id)
    )


def facts_of(
    conn: Connection, ids: Sequence[int], *, as_of: date, past_closures: bool = True
) -> list[DirectiveFacts]:
    """The facts of ``ids`` (at most a few thousand) judged as of ``as_of``, in the order
    given; unknown ids are left out. ``past_closures``: False when the caller knows that no
    closure a reopening ended is recorded (:func:`dirtrack.store.rules.any_past_closures`, a
    :class:`~dirtrack.store.rules.Scope`'s): none is then joined or read."""
    if not ids:
        return []
    wanted = list(ids)
    query = _main_by_ids(conn.dialect.name, past_closures)
    main = conn.execute(query, {"ids": wanted, **_judged_on(as_of)}).fetchall()
    return _with_parts(conn, as_of, wanted, main, past_closures)


def _judged_on(as_of: date) -> dict[str, Any]:
    return {"as_of": as_of, **RiskDays.of(as_of).params()}


def _with_parts(
    conn: Connection, as_of: date, ids: list[int], main: Iterable[Row], past_closures: bool
) -> list[DirectiveFacts]:
    """The facts of ``ids`` from their own rows (``main``) and their parts, read by id (the
    closures a reopening ended only when some may be recorded: ``past_closures``)."""
    params = {"ids": ids}
    parts = _parts(conn.dialect.name)
    return facts_from_rows(
        as_of,
        ids,
        main,
        conn.execute(parts.extensions, params),
        conn.execute(parts.progress, params),
        conn.execute(parts.coordinators, params),
        conn.execute(parts.requests, params),
        conn.execute(_closures(conn.dialect.name), params) if past_closures else (),
    )


def iter_listed(
    conn: Connection,
    scope: Scope,
    statuses: Iterable[Status] | None = None,
    *,
    most_overdue_first: bool = False,
) -> Iterator[list[DirectiveFacts]]:
    """The facts of the directives :func:`dirtrack.store.rules.directive_ids` lists, in its
    order, a batch of :data:`BATCH` at a time, judged as of ``scope.as_of``. Each directive's
    own row comes with the statement that picks it (streamed, as :func:`iter_ids`), so a long
    listing does not look every directive up again; its parts are read a batch at a time."""
    for batch in iter_listed_with(
        conn, scope, lambda _: (), statuses, most_overdue_first=most_overdue_first
    ):
        yield [facts for facts, _ in batch]


def iter_listed_with(
    conn: Connection,
    scope: Scope,
    beside: Callable[[ColumnElement[int]], Sequence[ColumnElement[Any]]],
    statuses: Iterable[Status] | None = None,
    *,
    most_overdue_first: bool = False,
) -> Iterator[list[tuple[DirectiveFacts, tuple[Any, ...]]]]:
    """As :func:`iter_listed`, each directive's facts with its values of the columns ``beside``
    gives (from the directive's id column, as :func:`dirtrack.store.history.touched_columns`),
    read by the same statement."""
    rows, where, order = directive_list(scope, statuses, most_overdue_first=most_overdue_first)
    query = _main_query(rows)
    own = len(query.selected_columns)
    query = query.add_columns(*beside(rows.c.id))
    query = query.where(*where).order_by(*order)
    as_of = scope.as_of
    result = conn.execute(query, _judged_on(as_of), execution_options={"yield_per": BATCH})
    try:
        for part in result.partitions():
            made = _with_parts(conn, as_of, [row[0] for row in part], part, scope.past_closures)
            yield list(zip(made, (tuple(row[own:]) for row in part), strict=True))
    finally:
        result.close()


def load_units(conn: Connection) -> UnitIndex:
    """The :class:`UnitIndex` of every unit, read with Core rows instead of ORM objects."""
    units = sorted(conn.execute(select(unit)), key=lambda row: row.code_key)
    aliases: dict[int, list[Any]] = defaultdict(list)
    for row in conn.execute(select(unit_alias).order_by(unit_alias.c.id)):
        aliases[row.unit_id].append(row)
    # The index reads only attributes (id, code, name, parent_id…), which Core rows have too.
    return UnitIndex(cast(Any, units), cast(Any, aliases))


def list_meetings(conn: Connection, *, start: date | None, end: date | None) -> list[Any]:
    """Meetings held between ``start`` and ``end`` (inclusive), by date then id."""
    query = select(meeting)
    if start is not None:
        query = query.where(meeting.c.date >= start)
    if end is not None:
        query = query.where(meeting.c.date <= end)
    return list(conn.execute(query.order_by(meeting.c.date, meeting.c.id)))


def require_meeting(conn: Connection, meeting_id: int) -> None:
    """Raise NotFound unless meeting ``meeting_id`` exists."""
    if conn.execute(select(meeting.c.id).where(meeting.c.id == meeting_id)).first() is None:
        raise NotFound.of("no_meeting", id=meeting_id)


def attendee_ids(conn: Connection, meeting_ids: Sequence[int]) -> dict[int, list[int]]:
    """Attending unit ids per meeting id."""
    found: dict[int, list[int]] = defaultdict(list)
    query = select(meeting_attendee.c.meeting_id, meeting_attendee.c.unit_id).where(
        _listed(meeting_attendee.c.meeting_id, conn.dialect.name)
    )
    for meeting_id, unit_id in conn.execute(query, {"ids": list(meeting_ids)}):
        found[meeting_id].append(unit_id)
    return found


def list_limitations(
    conn: Connection,
    *,
    unit_ids: Sequence[int] | None = None,
    raised_on_or_before: date | None = None,
    ids: Sequence[int] | None = None,
    listed_from: date | None = None,
) -> list[LimitationFacts]:
    """As :func:`dirtrack.store.limitations.list_limitations`, without the ORM.

    ``ids`` keeps only those; ``listed_from`` only those a report from that day to
    ``raised_on_or_before`` lists: raised in it, or not resolved by its end.
    """
    query = select(limitation, meeting.c.date, unit.c.code).join(
        meeting, meeting.c.id == limitation.c.meeting_id
    )
    query = query.join(unit, unit.c.id == limitation.c.unit_id)
    if unit_ids is not None:
        query = query.where(limitation.c.unit_id.in_(list(unit_ids)))
    if ids is not None:
        query = query.where(limitation.c.id.in_(bindparam("ids", list(ids), expanding=True)))
    if raised_on_or_before is not None:
        query = query.where(meeting.c.date <= raised_on_or_before)
    if listed_from is not None:
        assert raised_on_or_before is not None, "a listing runs to a day"
        query = query.where(
            or_(
                meeting.c.date >= listed_from,
                limitation.c.resolved_on.is_(None),
                limitation.c.resolved_on > raised_on_or_before,
            )
        )
    from dirtrack.store.limitations import LimitationFacts  # not loaded by what lists directives

    query = query.order_by(meeting.c.date, limitation.c.id)
    return [
        LimitationFacts(
            id=row.id,
            meeting_id=row.meeting_id,
            unit_id=row.unit_id,
            unit_code=row.code,
            text=row.text,
            category=row.category,
            raised_on=row.date,
            resolved_on=row.resolved_on,
            resolve_note=row.resolve_note,
            repeat_of_id=row.repeat_of_id,
        )
        for row in conn.execute(query)
    ]


def stored_units(conn: Connection, ids: Collection[int]) -> dict[int, int]:
    """The unit each of ``ids`` is stored under now."""
    found: dict[int, int] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 1000):
        part = wanted[start : start + 1000]
        query = select(directive.c.id, directive.c.unit_id).where(
            directive.c.id.in_(bindparam("ids", part, expanding=True))
        )
        found.update(dict(conn.execute(query).all()))
    return found


# --- chairs --------------------------------------------------------------------------------


def chair_directives_on(
    conn: Connection, scope: Scope, day: date
) -> list[tuple[int, int, str | None, str | None]]:
    """``(id, unit id, chair, chair title)`` of the directives in scope given at meetings held
    on ``day``: to tell which spelling of a chair the report shows when two tie."""
    rows = states(scope)
    query = (
        select(rows.c.id, rows.c.unit_id, meeting.c.chair, meeting.c.chair_title)
        .select_from(rows.join(meeting, meeting.c.id == rows.c.meeting_id))
        .where(meeting.c.date == day)
    )
    return [(did, uid, chair, title) for did, uid, chair, title in conn.execute(query)]


# --- the ids the report lists ------------------------------------------------------------


class ExtensionCause(NamedTuple):
    """A reason given for an extension: the directive, the day approved, the new deadline."""

    directive_id: int
    approved_on: date
    reason: str
    new_due: date


def extension_causes(
    conn: Connection, scope: Scope, start: date, end: date
) -> list[ExtensionCause]:
    """The reasons given for the extensions of directives in scope approved from ``start`` to
    ``end`` (the report's causes), by directive, then in the order they were approved. Read
    from the extensions of those days, not from every directive."""
    # the closure in force at T, for the scope
    judged = judgement(scope.as_of, "ext_t", past=scope.past_closures)
    joined = extension.join(directive, directive.c.id == extension.c.directive_id)
    if judged.past is not None:
        joined = joined.outerjoin(judged.past, judged.past_on)
    query = (
        select(
            extension.c.directive_id,
            extension.c.approved_on,
            extension.c.reason,
            extension.c.new_due,
        )
        .select_from(joined)
        .where(
            extension.c.approved_on >= start,
            extension.c.approved_on <= end,
            extension.c.reason.is_not(None),
            extension.c.reason != "",
            *in_scope(scope, closed=judged.closed),
        )
        .order_by(extension.c.directive_id, extension.c.approved_on, extension.c.id)
    )
    return [ExtensionCause(*row) for row in conn.execute(query)]


def held_directives(conn: Connection, scope: Scope) -> list[tuple[int, int]]:
    """``(id, unit id)`` of every directive in scope, the unit being the one that held it."""
    rows = states(scope)
    return [(did, uid) for did, uid in conn.execute(select(rows.c.id, rows.c.unit_id))]


def repeat_links(conn: Connection, end: date) -> dict[int, int]:
    """``repeat_of_id`` of every limitation raised by ``end`` that repeats another, any unit."""
    repeats: ColumnElement[bool] = limitation.c.repeat_of_id.is_not(None)
    if conn.dialect.name == "sqlite":
        # Few limitations repeat another. Told so (``unlikely`` gives back its argument),
        # SQLite finds them in the index of repeat_of_id instead of reading every limitation
        # of every meeting held by ``end`` (10 ms of a report of a million directives).
        repeats = func.unlikely(repeats)
    query = (
        select(limitation.c.id, limitation.c.repeat_of_id)
        .join(meeting, meeting.c.id == limitation.c.meeting_id)
        .where(meeting.c.date <= end, repeats)
    )
    return dict(conn.execute(query).all())
