"""The rules of a directive's status, written once, in SQL (SQLAlchemy Core).

Every command that judges directives (``report``, ``overdue``, ``list``) asks the database,
on SQLite and PostgreSQL alike, so a report over a million directives reads a few hundred rows
instead of a million objects:

- the deadline in force at T is the ``new_due`` of the extension approved latest on or before T
  (ties by id: the last in recorded order), else the original deadline: one outer join on
  ``extension`` per directive, no Python loop (:func:`judgement`);
- the closure in force at T: the directive's own completion, cancellation or withdrawal, or,
  on the days from a closure that a reopening ended up to the day before the reopening, that
  closure (``closure``: one outer join per directive, :func:`_past_closure_join`);
- the status at T is one ``CASE`` over that deadline and the closure in force at T
  (:func:`status_case`);
- a period's scope: given at a meeting held by the period's end (and by T), or for an
  occurrence of a series issued by then, not completed, cancelled or withdrawn before it
  began unless issued in it (:class:`Scope`, :func:`in_scope`, :func:`not_closed_before`);
- :func:`directive_ids` lists the ids with a given status in id order or most overdue first;
- a directive's risk colour at T is one more ``CASE`` over its status, deadline, progress and
  news (:func:`risk_case`), with the office's thresholds (:class:`RiskDays`).

The per-unit counts built on these are in :mod:`dirtrack.store.counts`.
``tests/oracle.py`` holds the same rules in plain Python, and the tests compare the two on
random registers, on both databases.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    Subquery,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    true,
)

from dirtrack import risk
from dirtrack.status import Status
from dirtrack.store import tables
from dirtrack.store.tables import (
    directive,
    extension,
    meeting,
    progress_entry,
    request,
)

# T: a day, or a bound parameter that stands for one.
Day = date | ColumnElement[date]

# Statuses a ``list --status`` filter may name besides the codes themselves.
OPEN = (Status.OPEN_IN_TIME, Status.OVERDUE)


@dataclass(frozen=True)
class Scope:
    """Which directives to judge as of ``as_of`` (T); None means no restriction.

    Attributes:
        as_of: T, the day statuses are judged.
        held_on_or_before: only directives given at meetings held on or before this day.
        closed_not_before: leave out directives completed or cancelled before this day (a
            report's start).
        unit_ids: only directives whose lead unit (as held on T: see ``holders``) is one of
            these.
        meeting_id: only directives given at this meeting.
        holders: directives held on T by another unit than the one they are stored under (moved
            since by ``unit retire``): ``(unit id, directive ids)`` pairs. Their counts and the
            ``unit_ids`` filter go to the unit that held them (:func:`dirtrack.moves.holders_at`).
        past_closures: whether the statements judging the scope join the closures reopenings
            ended, which the rule reads; False only when none is recorded
            (:func:`any_past_closures`): the same rule, in a statement as lean as before.
    """

    as_of: date
    held_on_or_before: date | None = None
    closed_not_before: date | None = None
    unit_ids: Collection[int] | None = None
    meeting_id: int | None = None
    open_at: date | None = None  # only directives neither completed nor cancelled by this day
    holders: tuple[tuple[int, tuple[int, ...]], ...] = ()
    past_closures: bool = True


def _latest_extension_join(as_of: Day, name: str = "ext") -> tuple[Any, ColumnElement[bool]]:
    """The extension in force at ``as_of`` for each directive, as an outer-join target."""
    ext = extension.alias(name)
    newer = extension.alias(f"{name}_newer" if name != "ext" else "newer")
    superseded = exists().where(
        newer.c.directive_id == ext.c.directive_id,
        newer.c.approved_on <= as_of,
        or_(
            newer.c.approved_on > ext.c.approved_on,
            and_(newer.c.approved_on == ext.c.approved_on, newer.c.id > ext.c.id),
        ),
    )
    on = and_(ext.c.directive_id == directive.c.id, ext.c.approved_on <= as_of, ~superseded)
    return ext, on


def text_constant(text: str) -> ColumnElement[str]:
    # Inlined constants, not parameters: PostgreSQL then types a CASE of them as text at once.
    return literal_column(f"'{text}'")


def status_code(status: Status) -> ColumnElement[str]:
    return text_constant(status.value)


def status_case(
    due: ColumnElement[Any],
    completed_on: ColumnElement[Any],
    cancelled_on: ColumnElement[Any],
    as_of: Day,
    withdrawn_on: ColumnElement[Any] | None = None,
) -> ColumnElement[str]:
    """The status at ``as_of`` as a SQL ``CASE`` giving the status code: cancelled by T, else
    withdrawn by T, else done (late if completed after the deadline in force), else overdue if
    that deadline is before T, else open in time."""
    closed = [
        (
            and_(cancelled_on.is_not(None), cancelled_on <= as_of),
            status_code(Status.CANCELLED),
        )
    ]
    if withdrawn_on is not None:
        closed.append(
            (
                and_(withdrawn_on.is_not(None), withdrawn_on <= as_of),
                status_code(Status.WITHDRAWN),
            )
        )
    return case(
        *closed,
        (
            and_(completed_on.is_not(None), completed_on <= as_of),
            case(
                (and_(due.is_not(None), completed_on > due), status_code(Status.DONE_LATE)),
                else_=status_code(Status.DONE_ON_TIME),
            ),
        ),
        (and_(due.is_not(None), due < as_of), status_code(Status.OVERDUE)),
        else_=status_code(Status.OPEN_IN_TIME),
    )


def held_by(day: date) -> ColumnElement[bool]:
    """The directive was given on or before ``day``: at a meeting held by then, or, for an
    occurrence of a series, its ``issued_on`` (its period's start) is by then.

    A correlated EXISTS, not ``meeting_id IN (…)``: an IN list lets SQLite drive the query
    from the meetings' index and fetch the directives one random page at a time, ten times
    slower on a large register than reading the table straight through.
    """
    return or_(
        directive.c.issued_on <= day,
        and_(
            directive.c.issued_on.is_(None),
            exists().where(meeting.c.id == directive.c.meeting_id, meeting.c.date <= day),
        ),
    )


def given_on(held_on: ColumnElement[Any]) -> ColumnElement[Any]:
    """The day a directive counts as given, when the query joins its meeting (``held_on``):
    an occurrence's ``issued_on``, else the meeting's day (see :func:`held_by`)."""
    return func.coalesce(directive.c.issued_on, held_on)


def _inline(name: str, ids: Iterable[int]) -> Any:
    # unique: one statement may judge two days, each with its own holders (count_report).
    return bindparam(name, list(ids), expanding=True, literal_execute=True, unique=True)


def holding_unit(scope: Scope) -> ColumnElement[int]:
    """The unit that held the directive on T: the stored one unless ``scope.holders`` says."""
    if not scope.holders:
        return directive.c.unit_id
    # Rendered inline: a unit that took over a few thousand directives must not run into the
    # databases' limits on bound parameters.
    return case(
        *((directive.c.id.in_(_inline(f"held_{uid}", ids)), uid) for uid, ids in scope.holders),
        else_=directive.c.unit_id,
    )


def _past_closure_join(as_of: Day, name: str = "ext") -> tuple[Any, ColumnElement[bool]]:
    """The closure a reopening ended that was in force at ``as_of`` for each directive (closed
    on or before T, reopened after T), as an outer-join target: none, or one, since a directive
    is closed again only on or after the day it was reopened
    (:func:`dirtrack.store.directives.recorded_after`)."""
    past = tables.closure.alias(f"{name}_closure")
    on = and_(
        past.c.directive_id == directive.c.id,
        past.c.closed_on <= as_of,
        past.c.reopened_on > as_of,
    )
    return past, on


@dataclass(frozen=True)
class Closed:
    """The closure in force at a day T, as three columns: the day the directive was completed,
    cancelled or withdrawn (each NULL unless that is its closure): a closure a reopening ended
    since, if one was in force at T, else the directive's own. The own closure's day is later
    than T whenever an earlier one was in force at T."""

    completed_on: ColumnElement[Any]
    cancelled_on: ColumnElement[Any]
    withdrawn_on: ColumnElement[Any]

    @classmethod
    def own(cls) -> Closed:
        """The directive's own closure, whatever the day (a cheap condition that the closure
        in force is implied by: see :func:`not_closed_before`)."""
        return cls(directive.c.completed_on, directive.c.cancelled_on, directive.c.withdrawn_on)

    @classmethod
    def of(cls, columns: Any, suffix: str = "") -> Closed:
        """The columns ``completed_on``, ``cancelled_on``, ``withdrawn_on`` (each + ``suffix``)
        of a judged step."""
        return cls(*(columns[f"{name}{suffix}"] for name in CLOSED_NAMES))

    def columns(self, suffix: str = "") -> list[ColumnElement[Any]]:
        """The three, labelled by their names (+ ``suffix``)."""
        return [
            day.label(f"{name}{suffix}")
            for name, day in zip(CLOSED_NAMES, self.days(), strict=True)
        ]

    def days(self) -> tuple[ColumnElement[Any], ...]:
        return (self.completed_on, self.cancelled_on, self.withdrawn_on)

    def by(self, day: Day) -> ColumnElement[bool]:
        """Completed, cancelled or withdrawn on or before ``day``."""
        return or_(*(and_(c.is_not(None), c <= day) for c in self.days()))

    def closed_day(self, day: Day) -> ColumnElement[Any]:
        """The day it was completed, else cancelled, else withdrawn, if that was on or before
        ``day``; else NULL."""
        return case(
            *((c <= day, c) for c in self.days()),
            else_=None,
        )


CLOSED_NAMES = ("completed_on", "cancelled_on", "withdrawn_on")


@dataclass(frozen=True)
class Judgement:
    """A directive judged as of a day: the extension to outer-join (``ext`` on ``on``) and the
    closure a reopening ended that was in force then (``past`` on ``past_on``), and the
    deadline in force, whether an extension was approved, the closure in force (``closed``),
    the status code, the words of the deadline in force (``due_text``) and the id of that
    past closure (``closure_id``, NULL when the directive's own closure is the one)."""

    ext: Any
    on: ColumnElement[bool]
    past: Any
    past_on: ColumnElement[bool]
    due: ColumnElement[Any]
    extended: ColumnElement[int]
    closed: Closed
    status: ColumnElement[str]
    due_text: ColumnElement[str | None]
    closure_id: ColumnElement[int | None]

    def joined(self, base: Any) -> Any:
        """``base`` (``directive``, or a join with it) outer-joined to what the judgement
        reads: the extension in force and the past closure in force."""
        base = base.outerjoin(self.ext, self.on)
        return base if self.past is None else base.outerjoin(self.past, self.past_on)


def judgement(as_of: Day, name: str = "ext", *, past: bool = True) -> Judgement:
    """The columns of a directive as of ``as_of`` (``name`` tells two judgements apart); the
    day may be a bound parameter, for a statement built once and run for any day. Select
    from :meth:`Judgement.joined`. ``past``: False when no closure a reopening ended is
    recorded (:func:`any_past_closures`): the directive's own closure is then the one in
    force on every day, and nothing more is joined; False too where only the deadline in
    force is read (``due``, ``extended``, ``due_text``), which no closure changes."""
    ext, on = _latest_extension_join(as_of, name)
    due = func.coalesce(ext.c.new_due, directive.c.original_due)
    extended = case((ext.c.id.is_(None), 0), else_=1)
    # the words of the deadline in force: the extension's in force, else the original's
    due_text = case((ext.c.id.is_(None), directive.c.due_text), else_=ext.c.due_text)
    if past:
        ended_at, ended_on = _past_closure_join(as_of, name)
        ended = ended_at.c.id.is_not(None)

        def day_of(kind: str, own: ColumnElement[Any]) -> ColumnElement[Any]:
            kept = case((ended_at.c.kind == kind, ended_at.c.closed_on))
            return case((ended, kept), else_=own)

        closed = Closed(
            day_of("done", directive.c.completed_on),
            day_of("cancelled", directive.c.cancelled_on),
            day_of("withdrawn", directive.c.withdrawn_on),
        )
        closure_id: ColumnElement[Any] = ended_at.c.id
    else:
        # typed: PostgreSQL takes an untyped NULL of a subquery for text
        ended_at, ended_on, closed = None, true(), Closed.own()
        closure_id = cast(null(), Integer)
    status = status_case(due, closed.completed_on, closed.cancelled_on, as_of, closed.withdrawn_on)
    return Judgement(
        ext, on, ended_at, ended_on, due, extended, closed, status, due_text, closure_id
    )


def any_past_closures(conn: Connection) -> bool:
    """Whether any closure a reopening ended is recorded: when none is, the statements judging
    many directives leave the join of them out (:attr:`Scope.past_closures`), and the
    closures' class is not built (:func:`dirtrack.store.tables.holds_rows`)."""
    return tables.holds_rows(conn, "closure")


def _judged_columns(judged: Judgement) -> list[ColumnElement[Any]]:
    return [
        directive.c.id,
        judged.due.label("due"),
        judged.extended.label("extended"),
        judged.status.label("status"),
        judged.due_text.label("due_text"),
        *judged.closed.columns(),
        judged.closure_id.label("closure_id"),
    ]


def judged_query(as_of: Day, *, past: bool = True) -> Select[Any]:
    """``id``, ``due`` (in force at ``as_of``), ``extended`` (1 if an extension was approved
    by then, else 0), ``status``, ``due_text`` (the words of that deadline), the closure in
    force (``completed_on``, ``cancelled_on``, ``withdrawn_on``: :class:`Closed`) and
    ``closure_id`` (the past closure in force, or NULL) of every directive: the extension in
    force and the past closure in force joined once, the status written once. ``as_of`` may
    be a bound parameter; ``past`` as :func:`judgement`'s."""
    judged = judgement(as_of, past=past)
    return select(*_judged_columns(judged)).select_from(judged.joined(directive))


def deadlines_in_force(conn: Connection, ids: Collection[int], as_of: date) -> dict[int, Any]:
    """The deadline in force at ``as_of`` (a date, or None) of each directive of ``ids``, by
    the one rule of :func:`judgement`, whatever day the caller read their facts as of."""
    judged = judgement(as_of, past=False)  # the deadline alone: no closure is joined
    query = (
        select(directive.c.id, judged.due)
        .select_from(directive.outerjoin(judged.ext, judged.on))
        .where(directive.c.id.in_(list(ids)))
    )
    return {row[0]: row[1] for row in conn.execute(query).all()}


def judge(
    conn: Connection,
    due: date | None,
    completed_on: date | None,
    cancelled_on: date | None,
    as_of: date,
) -> Status:
    """The status at ``as_of`` of a directive not stored (yet): a row of a sheet being read,
    judged by the same ``CASE`` as every stored one."""
    # A sheet of thousands of rows has a few hundred different dates: each set is judged once.
    key = (due, completed_on, cancelled_on, as_of)
    found = _JUDGED_ROWS.get(key)
    if found is None:
        d, done, cancelled = (literal(day, Date) for day in (due, completed_on, cancelled_on))
        code = conn.execute(select(status_case(d, done, cancelled, as_of))).scalar_one()
        found = _JUDGED_ROWS[key] = Status(code)
    return found


def _days_after(day: date, days: int) -> date:
    """``day`` plus ``days``, held within the calendar (T may be ``date.max``: every record)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


_JUDGED_ROWS: dict[tuple[date | None, ...], Status] = {}


@dataclass(frozen=True)
class RiskDays:
    """The office's risk rules (:class:`dirtrack.risk.RiskRules`) applied to a day T: what a
    directive open in time is compared with to colour it (:func:`risk_case`).

    ``red_by`` and ``soon_by``: T plus ``red_days`` and ``soon_days``; ``stale_before``: T less
    ``stale_days``; ``low_progress`` and ``pending`` as in the rules. Values, or bound
    parameters (:data:`RISK_PARAMS`) for a statement built once and run for any day.
    """

    red_by: Day
    soon_by: Day
    stale_before: Day
    low_progress: int | ColumnElement[int]
    pending: bool | ColumnElement[bool]

    @classmethod
    def of(cls, as_of: date, rules: risk.RiskRules | None = None) -> RiskDays:
        """The days of ``rules`` (the config file's when None) as of ``as_of``."""
        rules = rules or risk.current()
        return cls(
            red_by=_days_after(as_of, rules.red_days),
            soon_by=_days_after(as_of, rules.soon_days),
            stale_before=_days_after(as_of, -rules.stale_days),
            low_progress=rules.low_progress,
            pending=rules.pending_request,
        )

    def params(self) -> dict[str, Any]:
        """The values of :data:`RISK_PARAMS`, by name."""
        return {
            "risk_red_by": self.red_by,
            "risk_soon_by": self.soon_by,
            "risk_stale_before": self.stale_before,
            "risk_low_progress": self.low_progress,
            "risk_pending": self.pending,
        }


RISK_PARAMS = RiskDays(
    red_by=bindparam("risk_red_by", type_=Date),
    soon_by=bindparam("risk_soon_by", type_=Date),
    stale_before=bindparam("risk_stale_before", type_=Date),
    low_progress=bindparam("risk_low_progress", type_=Integer),
    pending=bindparam("risk_pending", type_=Boolean),
)


def progress_at(
    as_of: Day, ident: ColumnElement[int] = directive.c.id
) -> ColumnElement[int | None]:
    """The directive's latest percentage reported on or before ``as_of`` (the last in recorded
    order), or NULL: a subquery correlated on ``ident``, the directive's id (``directive``'s
    own by default)."""
    step = progress_entry.alias("step")
    latest = (
        select(step.c.percent)
        .where(
            step.c.directive_id == ident,
            step.c.reported_on <= as_of,
            step.c.percent.is_not(None),
        )
        .order_by(step.c.reported_on.desc(), step.c.id.desc())
        .limit(1)
    )
    return latest.scalar_subquery()


def risk_case(
    status: ColumnElement[str],
    due: ColumnElement[Any],
    held_on: ColumnElement[Any],
    as_of: Day,
    days: RiskDays,
    ident: ColumnElement[int] = directive.c.id,
) -> ColumnElement[str]:
    """The risk colour at ``as_of`` of the directive whose status and deadline in force at T
    are ``status`` and ``due``, given at a meeting held on ``held_on``, as a SQL ``CASE``
    (correlated on ``ident``, the directive's id: ``directive``'s own by default, or a column
    of a judged step that carries it):

    - done: green; cancelled or withdrawn: grey; overdue: red; open without a deadline: grey;
    - open in time, progress below ``low_progress`` % (none reported counts as 0): red if due
      by ``red_by``, else yellow if due by ``soon_by``;
    - else yellow when nothing was heard since before ``stale_before`` (the meeting, progress,
      an approved extension, a request: the latest of them on or before T), or when
      ``pending`` and a request asked by T is still unanswered on T;
    - else green.
    """

    # Aliases of their own: never correlated with a table of the query this CASE goes in.
    news = progress_entry.alias("news")
    granted = extension.alias("granted")
    asked = request.alias("asked")

    def heard(day: ColumnElement[Any], directive_id: ColumnElement[Any]) -> ColumnElement[bool]:
        return exists().where(directive_id == ident, day >= days.stale_before, day <= as_of)

    low = func.coalesce(progress_at(as_of, ident), 0) < days.low_progress
    stale = and_(
        held_on < days.stale_before,
        ~heard(news.c.reported_on, news.c.directive_id),
        ~heard(granted.c.approved_on, granted.c.directive_id),
        ~heard(asked.c.asked_on, asked.c.directive_id),
    )
    waiting = request.alias("waiting")
    unanswered = exists().where(
        waiting.c.directive_id == ident,
        waiting.c.asked_on <= as_of,
        or_(
            waiting.c.decided_on.is_(None),
            waiting.c.decided_on > as_of,
            waiting.c.decision.is_(None),
        ),
    )
    yellow: list[tuple[ColumnElement[bool], ColumnElement[str]]] = [
        (stale, text_constant(risk.YELLOW))
    ]
    if isinstance(days.pending, ColumnElement):
        yellow.append((and_(days.pending, unanswered), text_constant(risk.YELLOW)))
    elif days.pending:
        yellow.append((unanswered, text_constant(risk.YELLOW)))
    done = [status_code(Status.DONE_ON_TIME), status_code(Status.DONE_LATE)]
    closed_out = [status_code(Status.CANCELLED), status_code(Status.WITHDRAWN)]
    return case(
        (status.in_(done), text_constant(risk.GREEN)),
        (status.in_(closed_out), text_constant(risk.GREY)),
        (status == status_code(Status.OVERDUE), text_constant(risk.RED)),
        (due.is_(None), text_constant(risk.GREY)),
        (
            and_(or_(due <= days.red_by, due <= days.soon_by), low),
            case((due <= days.red_by, text_constant(risk.RED)), else_=text_constant(risk.YELLOW)),
        ),
        *yellow,
        else_=text_constant(risk.GREEN),
    )


def not_closed_before(start: date, closed: Closed | None = None) -> ColumnElement[bool]:
    """Not completed, cancelled or withdrawn before ``start`` (a period's first day) by the
    closure in force at T (``closed``; the directive's own when None), unless issued on or
    after it: an occurrence of a series done ahead of its own period still counts in that
    period, the one it is for. A directive reopened since it was closed before ``start``
    counts when it was reopened by T."""
    completed, issued = directive.c.completed_on, directive.c.issued_on
    done, cancelled, withdrawn = (closed or Closed.own()).days()
    return and_(
        # Implied by what follows (an own closure before ``start`` is the one in force at T):
        # said outright on the directive's own columns as three index ranges (the leading
        # column of ix_directive_judged, and ix_directive_issued_on), so that the database
        # reads only the directives not completed before ``start`` instead of scanning every
        # one.
        or_(completed.is_(None), completed >= start, issued >= start),
        or_(
            issued >= start,
            and_(
                or_(done.is_(None), done >= start),
                or_(cancelled.is_(None), cancelled >= start),
                or_(withdrawn.is_(None), withdrawn >= start),
            ),
        ),
    )


def in_scope(
    scope: Scope, held_on: ColumnElement[Any] | None = None, closed: Closed | None = None
) -> list[ColumnElement[bool]]:
    """The conditions on ``directive`` (and its meeting) of being in ``scope``.

    ``held_on``: the meeting's day when the query joins the meeting anyway (else EXISTS).
    ``closed``: the closure in force at T when the query joins the past closures (a
    :class:`Judgement`'s); else the directive's own.
    """
    found = []
    if scope.held_on_or_before is not None:
        if held_on is None:
            found.append(held_by(scope.held_on_or_before))
        else:
            found.append(held_on <= scope.held_on_or_before)
    if scope.closed_not_before is not None:
        found.append(not_closed_before(scope.closed_not_before, closed))
    if scope.open_at is not None:
        # On the directive's own closure: implied by being open that day (an own closure by
        # then is the one in force), said for the indexes.
        day = scope.open_at
        found += [
            or_(directive.c.completed_on.is_(None), directive.c.completed_on > day),
            or_(directive.c.cancelled_on.is_(None), directive.c.cancelled_on > day),
            or_(directive.c.withdrawn_on.is_(None), directive.c.withdrawn_on > day),
        ]
    if scope.unit_ids is not None:
        found.append(holding_unit(scope).in_(sorted(scope.unit_ids)))
    if scope.meeting_id is not None:
        found.append(directive.c.meeting_id == scope.meeting_id)
    return found


def states(scope: Scope) -> Subquery:
    """One row per directive in ``scope``: the columns of :func:`judged_query` at T (``id``,
    ``due``, ``extended``, ``status``, ``due_text``, the closure in force and ``closure_id``),
    ``unit_id`` (the unit that held it on T) and ``meeting_id``."""
    return states_query(scope).subquery("states")


def states_query(scope: Scope) -> Select[Any]:
    """The query of :func:`states`."""
    judged = judgement(scope.as_of, past=scope.past_closures)
    query = select(
        *_judged_columns(judged), holding_unit(scope).label("unit_id"), directive.c.meeting_id
    ).select_from(judged.joined(directive))
    return query.where(*in_scope(scope, closed=judged.closed))


def risks(scope: Scope) -> Subquery:
    """One row per directive in ``scope`` open on T: ``id``, ``unit_id`` (the unit that held
    it on T), ``field_id``, ``due`` (in force at T) and ``risk``, its colour at T
    (:func:`risk_case`, by the config file's rules)."""
    day = scope.as_of
    judged = judgement(day, past=scope.past_closures)
    held_on = meeting.c.date
    colour = risk_case(judged.status, judged.due, held_on, day, RiskDays.of(day))
    opened = replace(scope, open_at=day)  # implied by the status: said for the indexes
    query = (
        select(
            directive.c.id,
            holding_unit(scope).label("unit_id"),
            directive.c.field_id,
            judged.due.label("due"),
            colour.label("risk"),
        )
        .select_from(judged.joined(directive.join(meeting, meeting.c.id == directive.c.meeting_id)))
        .where(
            *in_scope(opened, held_on=given_on(held_on), closed=judged.closed),
            judged.status.in_([status_code(s) for s in OPEN]),
        )
    )
    return query.subquery("risks")


def wanted_statuses(name: str) -> tuple[Status, ...] | None:
    """The statuses a ``list --status`` word names: a code, ``open``, or ``all`` (None)."""
    if name == "all":
        return None
    if name == "open":
        return OPEN
    return (Status(name),)


def directive_list(
    scope: Scope,
    statuses: Iterable[Status] | None = None,
    *,
    most_overdue_first: bool = False,
) -> tuple[Subquery, list[ColumnElement[bool]], list[ColumnElement[Any]]]:
    """The judged rows (:func:`states`) of the directives in ``scope``, the condition of having
    one of ``statuses`` (None: any), and the order of a listing: by id, or, with
    ``most_overdue_first``, by deadline in force (earliest, so most days overdue, first), then
    id (the order tests/oracle.py keeps too)."""
    if statuses is not None and all(s.is_open for s in statuses):
        # Implied by the status; said outright so an index on the dates can serve it.
        day = scope.as_of
        scope = replace(scope, open_at=day)
    rows = states(scope)
    where: list[ColumnElement[bool]] = []
    if statuses is not None:
        where.append(rows.c.status.in_([s.value for s in statuses]))
    if most_overdue_first:
        # A directive without a deadline is never overdue; nulls last keeps the order total.
        order = [case((rows.c.due.is_(None), 1), else_=0), rows.c.due, rows.c.id]
    else:
        order = [rows.c.id]
    return rows, where, order


def directive_ids(
    scope: Scope,
    statuses: Iterable[Status] | None = None,
    *,
    most_overdue_first: bool = False,
) -> Select[int]:
    """The ids of the directives in ``scope`` with one of ``statuses`` (None: any), in the
    order of :func:`directive_list`."""
    rows, where, order = directive_list(scope, statuses, most_overdue_first=most_overdue_first)
    return select(rows.c.id).where(*where).order_by(*order)


__all__ = [
    "OPEN",
    "RISK_PARAMS",
    "CLOSED_NAMES",
    "Closed",
    "Judgement",
    "any_past_closures",
    "RiskDays",
    "Scope",
    "directive_ids",
    "directive_list",
    "given_on",
    "held_by",
    "holding_unit",
    "in_scope",
    "judge",
    "judged_query",
    "judgement",
    "not_closed_before",
    "progress_at",
    "risk_case",
    "risks",
    "states",
    "states_query",
    "status_case",
    "status_code",
    "wanted_statuses",
]
