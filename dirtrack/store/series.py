"""Periodic directives: a series and its occurrences, one directive per period.

A series (``assign --every month|quarter|half-year|year``) gives one lead unit the same task
each period. Each occurrence is a directive of its own (its own deadline, progress, completion
and status) that names the series and its period; ``directive.issued_on`` (the first day of its
period, or of the series) is the day it counts as given, so a report counts the occurrences of
its period and those still open from before, never the ones to come.

Occurrences are created ahead, for the periods that have begun by a day and the one after
(:func:`generate`), by any command that reads directives; never by a daemon. The same call
twice creates nothing new: one transaction takes the write lock, reads where each series
stands (``series.next_start``) and moves it on; the unique constraint on
``(directive.series_id, directive.period)`` refuses any second copy whatever happens.

The deadline of an occurrence (:meth:`Schedule.scheduled`):

- ``--day N``: day N of the period's last month (the month's last day when it has fewer);
- ``--offset DAYS``: DAYS days after the period's last day;
- neither: the Nghị định 09/2019 cut-off, the 14th of the period's last month;

and, when that day is off, the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import Connection, exists, select
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from dirtrack.errors import Conflict, DatabaseError, InvalidInput
from dirtrack.models import (
    Directive,
    DirectiveResult,
    Extension,
    Meeting,
    ProgressEntry,
    Request,
    Series,
    SeriesCoordinator,
    Unit,
)
from dirtrack.periods import Cutoff, Period, SpanKind, containing, period_from_span
from dirtrack.store import get_row
from dirtrack.store.tables import series as series_table
from dirtrack.store.units import check_not_retired
from dirtrack.workdays import Workdays

if TYPE_CHECKING:
    from dirtrack.status import DirectiveFacts
    from dirtrack.store.rules import Scope

EVERY = {
    "month": SpanKind.MONTH,
    "quarter": SpanKind.QUARTER,
    "half-year": SpanKind.HALF,
    "year": SpanKind.YEAR,
}
MONTHS = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}
# The fewest days of a month that ends a period: February (28) for a month; June and September
# (30) for a quarter, June (30) for a half; December (31) for a year.
SHORTEST_LAST_MONTH = {"month": 28, "quarter": 30, "half-year": 30, "year": 31}
MAX_OFFSET = 366
# A preview of a series without an end lists this many occurrences.
PREVIEW = 12
# Occurrences are created at most this far beyond today, whatever day a command asks about.
MAX_AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class Occurrence:
    """One period of a series: when it is given, the day its rule names, and its deadline."""

    period: Period
    issued_on: date
    scheduled: date
    due: date

    @property
    def label(self) -> str:
        return self.period.label


def every_named(value: str) -> str:
    """``--every``'s PERIOD as the series store names it (``tháng``, ``hằng tháng``,
    ``monthly``: month; :data:`dirtrack.kinds.EVERY_NAMES`).

    Raises:
        InvalidInput: a word that names no period.
    """
    from dirtrack.i18n import Choices
    from dirtrack.kinds import EVERY_NAMES
    from dirtrack.text import match_name

    code = match_name(value, EVERY_NAMES)
    if code is None:
        raise InvalidInput.of("unknown_every", value=value, choices=Choices(EVERY_NAMES))
    return code


def check_series_day(day: int) -> int:
    """``--day``: a day of the month, 1-31 (a shorter month takes its last day)."""
    if not 1 <= day <= 31:
        raise InvalidInput.of("bad_series_day", n=day)
    return day


def check_offset(offset: int) -> int:
    """``--offset``: days after the period ends, 0 to :data:`MAX_OFFSET`."""
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidInput.of("bad_offset", n=offset, max=MAX_OFFSET)
    return offset


@dataclass(frozen=True)
class Schedule:
    """When a series' occurrences fall (see the module docstring)."""

    every: str
    day: int | None
    offset: int | None
    starts_on: date
    ends_on: date | None

    @classmethod
    def of(cls, row: Any) -> Schedule:
        """The schedule a stored series row holds."""
        months_of(row.every)
        return cls(row.every, row.day, row.offset, row.starts_on, row.ends_on)

    def check(self) -> Schedule:
        """This schedule, if its values make sense.

        Raises:
            InvalidInput: an unknown period, ``day`` and ``offset`` both given, a day outside
                1-31, an offset outside 0-366, an end before the start or past the years the
                calendar of days off covers.
        """
        if self.every not in EVERY:
            raise InvalidInput.of("unknown_every", value=self.every, choices=", ".join(EVERY))
        if self.day is not None and self.offset is not None:
            raise InvalidInput.of("day_and_offset")
        if self.day is not None:
            check_series_day(self.day)
        if self.offset is not None:
            check_offset(self.offset)
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise InvalidInput.of("series_ends_first", end=self.ends_on, start=self.starts_on)
        from dirtrack.workdays import covered_years

        # Checked here, naming --from and --until: the occurrences would stop at the first year
        # past the calendar, saying a year (2101) the user never typed and no option.
        first, last = covered_years()
        if self.starts_on.year > last:
            raise InvalidInput.of(
                "series_starts_beyond", start=self.starts_on, first=first, last=last
            )
        if self.ends_on is not None and self.ends_on.year > last:
            raise InvalidInput.of("series_ends_beyond", end=self.ends_on, first=first, last=last)
        return self

    @property
    def clamps(self) -> bool:
        """Whether ``day`` is missing from some of the months it names: 29-31 of a month, 31 of
        a quarter's or a half's last month (June, September), none of December's; for a series
        with an end, of the months up to it (29 is in every month of a leap year)."""
        if self.day is None or self.day <= SHORTEST_LAST_MONTH[self.every]:
            return False
        if self.ends_on is None:
            return True  # a February of 28 days, a June and a September come
        return any(period.end.day < self.day for period in self.periods(self.starts_on))

    def period_at(self, day: date) -> Period:
        return containing(day, EVERY[self.every])

    def scheduled(self, period: Period) -> date:
        """The day the rule names for ``period``, before any move to a working day."""
        if self.offset is not None:
            return period.end + timedelta(days=self.offset)
        if self.day is not None:
            last = period.end  # the last day of the period's last month
            return last.replace(day=min(self.day, last.day))
        assert period.span is not None
        return period_from_span(period.span, Cutoff.ND09).end

    def occurrence(self, period: Period, calendar: Workdays) -> Occurrence | None:
        """The occurrence of ``period``, or None when the series does not cover it."""
        if period.end < self.starts_on or (
            self.ends_on is not None and period.start > self.ends_on
        ):
            return None
        scheduled = self.scheduled(period)
        due = calendar.next_working(calendar.check(scheduled))
        if due < self.starts_on:
            return None  # its deadline passed before the series began
        return Occurrence(period, max(period.start, self.starts_on), scheduled, due)

    def periods(self, first: date) -> Iterator[Period]:
        """The periods from the one containing ``first`` on, while the series covers them."""
        period = self.period_at(first)
        while self.ends_on is None or period.start <= self.ends_on:
            yield period
            period = period.next()

    def occurrences(self, calendar: Workdays, *, through: date | None = None) -> list[Occurrence]:
        """The occurrences whose periods start on or before ``through`` (None: all of them, or
        :data:`PREVIEW` for a series without an end)."""
        found: list[Occurrence] = []
        for period in self.periods(self.starts_on):
            if through is not None and period.start > through:
                break
            if through is None and self.ends_on is None and len(found) >= PREVIEW:
                break
            occ = self.occurrence(period, calendar)
            if occ is not None:
                found.append(occ)
        return found


def months_of(every: str) -> int:
    """The months of a stored series' period.

    Raises:
        DatabaseError: a period none of dirtrack's, typed into the register by another program
            (every command that makes or shows occurrences would need it; doctor names the row).
    """
    try:
        return MONTHS[every]
    except KeyError:
        raise DatabaseError.of("db_unknown_every", every=every, choices=", ".join(EVERY)) from None


def window_end(every: str, horizon: date) -> date:
    """The last day whose period a command on ``horizon`` makes exist: the next period's."""
    return horizon + relativedelta(months=months_of(every))


def horizon_of(day: date, today: date) -> date:
    """The day occurrences are needed up to for a command about ``day``, run on ``today``."""
    return max(today, min(day, today + MAX_AHEAD))


def series_values(
    session: Session,
    *,
    meeting: Meeting,
    unit_ids: Sequence[int],
    text: str,
    product: str | None,
    key: str | None,
    ends_on: date | None,
) -> tuple[str, str | None, str | None]:
    """A series' text, product and key as stored, once its units are known to take work on
    the meeting's day (``assign --every --dry-run`` checks these as recording would), and its
    lead unit (the first of ``unit_ids``) while it runs (to ``ends_on``, None: no end).

    Raises:
        InvalidInput: a text, product or key refused.
        Conflict: a unit retired by the meeting's day; a lead unit retired while the series
            runs (``unit retire`` hands a running series over to the successor: one recorded
            later, at an earlier meeting, would give the retired unit an occurrence of every
            period after it, without end).
    """
    from dirtrack.store.directives import directive_text
    from dirtrack.text import clean_optional

    named = [session.get(Unit, uid) for uid in dict.fromkeys(unit_ids)]
    check_not_retired(session, [u for u in named if u is not None], meeting.date)
    lead = named[0] if named else None
    if (
        lead is not None
        and lead.retired_on is not None
        and (ends_on is None or ends_on >= lead.retired_on)
    ):
        heir = session.get(Unit, lead.successor_id) if lead.successor_id else None
        raise Conflict.of(
            "series_past_retirement",
            unit=lead.code,
            date=lead.retired_on,
            successor=heir.code if heir is not None else "-",
            last=lead.retired_on - timedelta(days=1),
        )
    return (
        directive_text(text, None, meeting.date),
        clean_optional(product, "product"),
        clean_optional(key, "key"),
    )


def add_series(
    session: Session,
    *,
    meeting: Meeting,
    unit_id: int,
    text: str,
    schedule: Schedule,
    coordinator_ids: Sequence[int] = (),
    product: str | None = None,
    key: str | None = None,
) -> Series:
    """Record a series (its occurrences come from :func:`generate`).

    Raises:
        InvalidInput: a start before the meeting, or a bad schedule.
    """
    schedule.check()
    if schedule.starts_on < meeting.date:
        raise InvalidInput.of("series_before_meeting", start=schedule.starts_on, held=meeting.date)
    text, product, key = series_values(
        session, meeting=meeting, unit_ids=[unit_id, *coordinator_ids], text=text,
        product=product, key=key, ends_on=schedule.ends_on,
    )  # fmt: skip
    assert meeting.id is not None
    found = Series(
        meeting_id=meeting.id,
        unit_id=unit_id,
        text=text,
        every=schedule.every,
        day=schedule.day,
        offset=schedule.offset,
        starts_on=schedule.starts_on,
        ends_on=schedule.ends_on,
        next_start=schedule.period_at(schedule.starts_on).start,
        product=product,
        key=key,
    )
    session.add(found)
    session.flush()
    assert found.id is not None
    for other in dict.fromkeys(coordinator_ids):
        if other != unit_id:
            session.add(SeriesCoordinator(series_id=found.id, unit_id=other))
    session.flush()
    return found


def find_same_series(session: Session, *, meeting_id: int, unit_id: int, text: str) -> int | None:
    """The id of a series of this meeting for this lead unit whose text is ``text``, compared
    as :func:`dirtrack.store.directives.find_same_directive` compares directives."""
    from dirtrack.text import clean_text, fold

    key = fold(clean_text(text, "text"))
    query = (
        orm_select(Series)
        .where(Series.meeting_id == meeting_id, Series.unit_id == unit_id)
        .order_by(col(Series.id))
    )
    return next((s.id for s in session.exec(query) if fold(s.text) == key), None)


def find_by_key(session: Session, key: str) -> list[Series]:
    """The series recorded with ``key``; none for a key no stored text can be
    (:func:`dirtrack.text.may_be_stored`), refused when the series is written."""
    from dirtrack.text import may_be_stored, nfc

    if not may_be_stored(key):
        return []
    query = orm_select(Series).where(col(Series.key) == nfc(key)).order_by(col(Series.id))
    return list(session.exec(query))


def get_series(session: Session, series_id: int) -> Series:
    return get_row(session, Series, series_id, "no_series")


def pending(conn: Connection, horizon: date) -> bool:
    """Whether some series lacks an occurrence a command on ``horizon`` needs (one cheap
    query: a read-only command only opens a write when this says so)."""
    # The longest window is a year: anything starting later cannot be due yet.
    latest = window_end("year", horizon)
    query = select(
        exists().where(series_table.c.next_start.is_not(None), series_table.c.next_start <= latest)
    )
    if not conn.execute(query).scalar():
        return False
    rows = conn.execute(
        select(series_table.c.every, series_table.c.next_start).where(
            series_table.c.next_start.is_not(None), series_table.c.next_start <= latest
        )
    )
    return any(row.next_start <= window_end(row.every, horizon) for row in rows)


def generate(session: Session, horizon: date, calendar: Workdays | None = None) -> list[int]:
    """Create every missing occurrence whose period starts by the window of ``horizon`` (the
    periods begun by then and the next one); returns the new directive ids.

    Runs in the caller's unit of work, which holds the write lock: a second call, here or in
    another process, finds ``next_start`` moved on and creates nothing.
    """
    from dirtrack.store.calendar import load_workdays

    ids: list[int] = []
    query = (
        orm_select(Series)
        .where(col(Series.next_start).is_not(None))
        .order_by(col(Series.id))
        .with_for_update()
    )
    for found in list(session.exec(query)):
        if found.next_start is None or found.next_start > window_end(found.every, horizon):
            continue
        if calendar is None:
            calendar = load_workdays(session.connection())
        ids += _generate_one(session, found, window_end(found.every, horizon), calendar)
    return ids


def _generate_one(session: Session, found: Series, through: date, calendar: Workdays) -> list[int]:
    from dirtrack.store.directives import add_directive
    from dirtrack.store.units import get_unit

    schedule = Schedule.of(found)
    meeting = session.get(Meeting, found.meeting_id)
    assert meeting is not None and found.id is not None
    unit = get_unit(session, found.unit_id)
    coordinators = [
        get_unit(session, c.unit_id)
        for c in session.exec(
            orm_select(SeriesCoordinator).where(col(SeriesCoordinator.series_id) == found.id)
        )
    ]
    have = set(
        session.exec(orm_select(Directive.period).where(col(Directive.series_id) == found.id))
    )
    ids = []
    next_start: date | None = found.next_start
    assert next_start is not None
    for period in schedule.periods(next_start):
        if period.start > through:
            next_start = period.start
            break
        next_start = None
        occ = schedule.occurrence(period, calendar)
        if occ is None or occ.label in have:
            continue
        made = add_directive(
            session,
            meeting=meeting,
            unit=unit,
            text=found.text,
            due=occ.due,
            coordinators=coordinators,
            product=found.product,
            series_id=found.id,
            period=occ.label,
            issued_on=occ.issued_on,
        )
        assert made.id is not None
        ids.append(made.id)
    found.next_start = next_start
    session.add(found)
    session.flush()
    return ids


# The longest run of days off a deadline can be carried over (Tết with its weekends is 9 days):
# an occurrence due more than this after a day was due before it, whatever that day is.
LONGEST_BREAK = timedelta(days=31)


def reschedule(
    session: Session, day: date, before: Workdays, after: Workdays
) -> list[tuple[int, date]]:
    """Move the deadlines of occurrences made ahead that ``day``'s change in the office's
    calendar (``before`` -> ``after``) moves: an occurrence whose rule's day falls on or before
    ``day`` and whose deadline, carried from it to the next working day, reached ``day`` or
    would now. One whose deadline a clerk corrected (``edit directive --due``, which keeps the
    words given: even to the day the rule gave) is left alone.

    Returns (directive id, new deadline) of each moved, in id order.
    """
    found = session.exec(
        orm_select(Directive, Series)
        .join(Series, col(Series.id) == col(Directive.series_id))
        .where(col(Directive.original_due).is_not(None))
        .where(col(Directive.original_due) >= day - LONGEST_BREAK)
        .where(col(Directive.original_due) <= day + LONGEST_BREAK)
        .order_by(col(Directive.id))
    )
    moved: list[tuple[int, date]] = []
    for directive, series in list(found):
        schedule = Schedule.of(series)
        given = directive.issued_on or series.starts_on
        scheduled = schedule.scheduled(schedule.period_at(given))
        if scheduled > day or directive.due_text is not None:
            continue
        old, new = before.next_working(scheduled), after.next_working(scheduled)
        if old == new or directive.original_due != old or new < given:
            # ... or it would now fall before the occurrence was given (before the series'
            # first day), where the rule makes no occurrence at all: left as it is
            continue
        assert directive.id is not None
        directive.original_due = new
        session.add(directive)
        moved.append((directive.id, new))
    session.flush()
    return moved


def stop(session: Session, series_id: int, from_day: date) -> tuple[Series, list[int], list[int]]:
    """End a series: no occurrence from ``from_day`` on. Occurrences of periods begun before it
    stay as they are; later ones already created are removed when nothing was recorded on them
    (progress, extension, completion, cancellation, withdrawal, or any change the history logged
    after their creation: a correction, a request, a result), else kept.

    Returns the series, the ids removed and the ids kept.

    Raises:
        InvalidInput: ``from_day`` before the series starts, on its first day (a series
            without a day would end before it starts), or after it already ends.
    """
    found = get_series(session, series_id)
    if from_day < found.starts_on:
        raise InvalidInput.of("stop_before_start", day=from_day, start=found.starts_on)
    if from_day == found.starts_on:
        raise InvalidInput.of("stop_on_start", day=from_day, id=series_id)
    if found.ends_on is not None and from_day > found.ends_on:
        raise InvalidInput.of("series_already_ends", id=series_id, end=found.ends_on)
    found.ends_on = from_day - timedelta(days=1)
    if found.next_start is not None and found.next_start > found.ends_on:
        found.next_start = None
    session.add(found)
    later = session.exec(
        orm_select(Directive)
        .where(col(Directive.series_id) == series_id, col(Directive.issued_on) >= from_day)
        .order_by(col(Directive.id))
    )
    from dirtrack.store import history

    conn = session.connection()
    removed, kept = [], []
    for occ in list(later):
        assert occ.id is not None
        touched = (
            occ.completed_on is not None
            or occ.cancelled_on is not None
            or occ.withdrawn_on is not None
            or conn.execute(
                select(exists().where(col(ProgressEntry.directive_id) == occ.id))
            ).scalar()
            or conn.execute(select(exists().where(col(Extension.directive_id) == occ.id))).scalar()
            or conn.execute(select(exists().where(col(Request.directive_id) == occ.id))).scalar()
            or session.get(DirectiveResult, occ.id) is not None
            # a clerk's correction (edit), a request, a result…: anything recorded since
            or history.changed_after_creation(conn, occ.id)
        )
        if touched:
            kept.append(occ.id)
        else:
            removed.append(occ.id)
            session.delete(occ)
    session.flush()
    return found, removed, kept


def series_rows(conn: Connection, series_id: int | None = None) -> list[Any]:
    """Every series (or one) with its unit's code, in id order."""
    from dirtrack.store.tables import unit

    query = select(series_table, unit.c.code.label("unit_code")).join(
        unit, unit.c.id == series_table.c.unit_id
    )
    if series_id is not None:
        query = query.where(series_table.c.id == series_id)
    return list(conn.execute(query.order_by(series_table.c.id)))


def coordinator_codes(conn: Connection, series_ids: Sequence[int]) -> dict[int, list[str]]:
    from dirtrack.store.tables import series_coordinator, unit

    found: dict[int, list[str]] = {i: [] for i in series_ids}
    rows = conn.execute(
        select(series_coordinator.c.series_id, unit.c.code)
        .join(unit, unit.c.id == series_coordinator.c.unit_id)
        .where(series_coordinator.c.series_id.in_(list(series_ids)))
    )
    for sid, code in rows:
        found[sid].append(code)
    return {k: sorted(v) for k, v in found.items()}


def occurrence_ids(conn: Connection, series_id: int) -> list[int]:
    from dirtrack.store.tables import directive

    query = (
        select(directive.c.id)
        .where(directive.c.series_id == series_id)
        .order_by(directive.c.issued_on, directive.c.id)
    )
    return [row[0] for row in conn.execute(query)]


def occurrence_facts(conn: Connection, series_id: int, *, as_of: date) -> Iterator[DirectiveFacts]:
    """The facts of every occurrence of the series given by ``as_of`` (in no set order): one
    whose period starts after ``as_of`` was not given yet, and is left out as ``list --as-of``
    leaves out a directive given after its day (:func:`dirtrack.store.rules.held_by`)."""
    from dirtrack.store.facts import iter_facts
    from dirtrack.store.rules import held_by
    from dirtrack.store.tables import directive

    query = select(directive.c.id).where(directive.c.series_id == series_id, held_by(as_of))
    return iter_facts(conn, query, as_of=as_of)


def occurrences_before(conn: Connection, scope: Scope, before: date) -> dict[tuple[int, int], int]:
    """How many occurrences in ``scope`` issued before ``before`` each series has, by series
    and the unit that held the occurrence on T (as :func:`occurrence_states` says it): counted
    in the database, not read row by row (a register kept for years may hold many)."""
    from sqlalchemy import func, select

    from dirtrack.store.rules import states_query
    from dirtrack.store.tables import directive

    found = (
        states_query(scope)
        .add_columns(directive.c.series_id)
        .where(directive.c.series_id.is_not(None), directive.c.issued_on < before)
        .subquery()
    )
    query = select(found.c.series_id, found.c.unit_id, func.count()).group_by(
        found.c.series_id, found.c.unit_id
    )
    return {(series_id, unit_id): n for series_id, unit_id, n in conn.execute(query)}


def occurrence_states(conn: Connection, scope: Scope, since: date) -> list[Any]:
    """The occurrences in ``scope`` issued on or after ``since``, judged as of T by the status
    rules (:func:`dirtrack.store.rules.states_query`): ``id``, ``unit_id`` (the unit that held
    it on T), ``due`` (in force at T), ``extended``, ``status``, and ``series_id``, ``period``,
    ``issued_on``, ``completed_on``; by series, day issued and id."""
    from dirtrack.store.rules import states_query
    from dirtrack.store.tables import directive

    query = (
        states_query(scope)
        .add_columns(
            directive.c.series_id,
            directive.c.period,
            directive.c.issued_on,
            directive.c.completed_on,
        )
        .where(directive.c.series_id.is_not(None), directive.c.issued_on >= since)
        .order_by(directive.c.series_id, directive.c.issued_on, directive.c.id)
    )
    return list(conn.execute(query))
