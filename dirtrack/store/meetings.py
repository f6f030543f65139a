"""Meetings and who attended them: recording one, finding one by key or recorded twice,
listing and correcting them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.models import Meeting, MeetingAttendee, MeetingKind, Unit
from dirtrack.store import check_edits, get_row
from dirtrack.store.units import check_not_retired
from dirtrack.text import clean_optional, clean_text, fold, may_be_stored, nfc


def add_meeting(
    session: Session,
    *,
    on: date,
    title: str,
    kind: MeetingKind = MeetingKind.WORKING_SESSION,
    chair: str | None = None,
    chair_title: str | None = None,
    attendees: Sequence[Unit] = (),
    doc: str | None = None,
    note: str | None = None,
    key: str | None = None,
) -> Meeting:
    """Record a meeting. Raises InvalidInput for an empty title or a control character."""
    title = clean_text(title, "title")
    if not title:
        raise InvalidInput.of("meeting_no_title")
    check_not_retired(session, attendees, on)
    meeting = Meeting(
        date=on,
        title=title,
        kind=kind.value,
        chair=clean_optional(chair, "chair"),
        chair_title=clean_optional(chair_title, "chair_title"),
        doc=clean_optional(doc, "doc"),
        note=clean_optional(note, "note"),
        key=clean_optional(key, "key"),
    )
    session.add(meeting)
    session.flush()
    assert meeting.id is not None
    for unit in attendees:
        assert unit.id is not None
        session.add(MeetingAttendee(meeting_id=meeting.id, unit_id=unit.id))
    session.flush()
    return meeting


def find_meeting_by_key(session: Session, key: str) -> Meeting | None:
    """The meeting recorded with ``key``; none for a key no stored text can be
    (:func:`dirtrack.text.may_be_stored`), which :func:`add_meeting` then refuses."""
    if not may_be_stored(key):
        return None
    return session.exec(select(Meeting).where(Meeting.key == nfc(key))).first()


def find_same_meeting(
    session: Session, *, on: date, title: str, other_than: int | None = None
) -> Meeting | None:
    """A meeting held on ``on`` whose title is ``title`` without regard to case, accents or
    white space (:func:`dirtrack.text.fold` after NFC); the oldest if several."""
    key = fold(clean_text(title, "title"))
    query = select(Meeting).where(Meeting.date == on).order_by(col(Meeting.id))
    return next(
        (m for m in session.exec(query) if m.id != other_than and fold(m.title) == key), None
    )


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    return get_row(session, Meeting, meeting_id, "no_meeting")


def list_meetings(
    session: Session, *, start: date | None = None, end: date | None = None
) -> list[Meeting]:
    query = select(Meeting)
    if start is not None:
        query = query.where(Meeting.date >= start)
    if end is not None:
        query = query.where(Meeting.date <= end)
    return list(session.exec(query.order_by(col(Meeting.date), col(Meeting.id))))


def attendee_ids(session: Session, meeting_ids: Sequence[int]) -> dict[int, list[int]]:
    """Attending unit ids per meeting id."""
    found: dict[int, list[int]] = defaultdict(list)
    if not meeting_ids:
        return found
    rows = session.exec(
        select(MeetingAttendee.meeting_id, MeetingAttendee.unit_id).where(
            col(MeetingAttendee.meeting_id).in_(list(meeting_ids))
        )
    )
    for meeting_id, unit_id in rows:
        found[meeting_id].append(unit_id)
    return found


# What `edit meeting` can change; each key of the changes given to edit_meeting.
MEETING_EDITS = ("date", "title", "kind", "chair", "chair_title", "doc", "note", "attendees")


def edit_meeting(
    session: Session, meeting_id: int, changes: Mapping[str, Any], *, allow_duplicate: bool = False
) -> Meeting:
    """Correct a meeting: ``changes`` maps a name of :data:`MEETING_EDITS` to its new value
    (``date`` a date, ``kind`` a :class:`MeetingKind`, ``attendees`` the units that attended,
    the rest text).

    Raises:
        InvalidInput: an empty title, nothing to change, or a new date after something dated
            at the meeting (a deadline, completion, progress… of its directives, a resolution
            of its limitations).
        Conflict: another meeting has the same date and title (unless ``allow_duplicate``).
    """
    meeting = get_meeting(session, meeting_id)
    check_edits(changes, MEETING_EDITS)  # the missing record is named first
    assert meeting.id is not None
    if "title" in changes:
        title = clean_text(changes["title"], "title")
        if not title:
            raise InvalidInput.of("meeting_no_title")
        meeting.title = title
    moved = "date" in changes and changes["date"] != meeting.date
    if "date" in changes:
        _check_dates_after(session, meeting.id, changes["date"])
        _check_repeats(session, meeting.id, changes["date"])
        meeting.date = changes["date"]
    if "kind" in changes:
        meeting.kind = MeetingKind(changes["kind"]).value
    for name in ("chair", "chair_title", "doc", "note"):
        if name in changes:
            setattr(meeting, name, clean_optional(changes[name], name))
    if not allow_duplicate and ("title" in changes or "date" in changes):
        same = find_same_meeting(
            session, on=meeting.date, title=meeting.title, other_than=meeting.id
        )
        if same is not None:
            raise Conflict.of("meeting_duplicate", id=same.id, date=same.date, title=same.title)
    session.add(meeting)
    session.flush()
    if "attendees" in changes:
        wanted = {u.id for u in changes["attendees"] if u.id is not None}
        rows = session.exec(select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting.id))
        current = {row.unit_id: row for row in rows}
        check_not_retired(
            session, [u for u in changes["attendees"] if u.id not in current], meeting.date
        )
        for unit_id, row in current.items():
            if unit_id not in wanted:
                session.delete(row)
        for unit_id in sorted(wanted - set(current)):
            session.add(MeetingAttendee(meeting_id=meeting.id, unit_id=unit_id))
        session.flush()
    if moved:
        # a meeting held on or after the day a unit retired cannot name it (as assign and
        # add-meeting refuse it), nor can one moved there
        check_not_retired(session, _named_units(session, meeting.id), meeting.date)
    return meeting


def _named_units(session: Session, meeting_id: int) -> list[Unit]:
    """The units ``meeting_id`` names, as it named them: those that attended, those its
    limitations are about, the lead and coordinating units of its periodic directives, and of
    its directives as the meeting gave them (before a retirement's moves and handovers since:
    :func:`dirtrack.moves.given_to`, :func:`dirtrack.moves.coordinators_at`), by code."""
    from dirtrack.models import (
        Directive,
        DirectiveCoordinator,
        Limitation,
        Series,
        SeriesCoordinator,
    )
    from dirtrack.moves import coordinators_at, given_to
    from dirtrack.store.units import load_handovers, load_moves

    units = {u.id: u for u in session.exec(select(Unit)) if u.id is not None}
    named: set[int] = set(
        session.exec(
            select(MeetingAttendee.unit_id).where(MeetingAttendee.meeting_id == meeting_id)
        )
    )
    named.update(
        session.exec(select(Limitation.unit_id).where(Limitation.meeting_id == meeting_id))
    )
    series = list(session.exec(select(Series).where(Series.meeting_id == meeting_id)))
    named.update(s.unit_id for s in series)
    if series:
        named.update(
            session.exec(
                select(SeriesCoordinator.unit_id).where(
                    col(SeriesCoordinator.series_id).in_([s.id for s in series])
                )
            )
        )
    directives = list(session.exec(select(Directive).where(Directive.meeting_id == meeting_id)))
    ids = [d.id for d in directives if d.id is not None]
    if ids:
        conn = session.connection()
        moves, handovers = load_moves(conn, ids), load_handovers(conn, ids)
        names = {i: (u.code, u.name) for i, u in units.items()}
        by_code = {u.code: i for i, u in units.items()}
        coordinating: dict[int, list[str]] = defaultdict(list)
        for row in session.exec(
            select(DirectiveCoordinator).where(col(DirectiveCoordinator.directive_id).in_(ids))
        ):
            coordinating[row.directive_id].append(names[row.unit_id][0])
        for d in directives:
            assert d.id is not None
            named.add(given_to(d.unit_id, moves.get(d.id, ())))
            given = coordinators_at(coordinating[d.id], handovers.get(d.id, ()), date.min, names)
            named.update(by_code[code] for code in given)
    return sorted((units[i] for i in named if i in units), key=lambda u: u.code)


def _check_dates_after(session: Session, meeting_id: int, held: date) -> None:
    """Everything dated at a meeting is on or after the day it was held.

    Raises:
        InvalidInput: naming the first directive or limitation with a date before ``held``.
    """
    from dirtrack.models import (
        Closure,
        Directive,
        DirectiveResult,
        Extension,
        Limitation,
        ProgressEntry,
        Request,
        Series,
    )
    from dirtrack.store.results import returned_in

    found: list[tuple[date, str, str, int]] = []
    directives = list(session.exec(select(Directive).where(Directive.meeting_id == meeting_id)))
    for d in directives:
        assert d.id is not None
        for what, day in (
            ("deadline", d.original_due),
            ("completion", d.completed_on),
            ("cancellation", d.cancelled_on),
        ):
            if day is not None:
                found.append((day, what, "directive", d.id))
    ids = [d.id for d in directives if d.id is not None]
    if ids:
        for p in session.exec(
            select(ProgressEntry).where(col(ProgressEntry.directive_id).in_(ids))
        ):
            found.append((p.reported_on, "progress", "directive", p.directive_id))
        for e in session.exec(select(Extension).where(col(Extension.directive_id).in_(ids))):
            found.append((e.approved_on, "approval", "directive", e.directive_id))
            found.append((e.new_due, "new_deadline", "directive", e.directive_id))
        # What `request` and `done` refuse before the meeting too: a request (its answer and a
        # withdrawal come after it), a completion reported but not yet accepted, and the
        # result document's date.
        for r in session.exec(select(Request).where(col(Request.directive_id).in_(ids))):
            found.append((r.asked_on, "request", "directive", r.directive_id))
        for res in session.exec(
            select(DirectiveResult).where(col(DirectiveResult.directive_id).in_(ids))
        ):
            found.append((res.claimed_on, "completion", "directive", res.directive_id))
            if res.doc_date is not None:
                found.append((res.doc_date, "result_doc", "directive", res.directive_id))
        # and a closure a reopening ended since, with its result document
        ends = {"done": "completion", "cancelled": "cancellation", "withdrawn": "answer"}
        for ended in session.exec(select(Closure).where(col(Closure.directive_id).in_(ids))):
            kind = ends.get(ended.kind, "completion")
            found.append((ended.closed_on, kind, "directive", ended.directive_id))
            if ended.doc_date is not None:
                found.append((ended.doc_date, "result_doc", "directive", ended.directive_id))
        # and a completion returned and reported again since, with its result document
        for kept in returned_in(session, ids):
            found.append((kept.claimed_on, "completion", "directive", kept.directive_id))
            if kept.doc_date is not None:
                found.append((kept.doc_date, "result_doc", "directive", kept.directive_id))
    for lim in session.exec(select(Limitation).where(Limitation.meeting_id == meeting_id)):
        if lim.resolved_on is not None and lim.id is not None:
            found.append((lim.resolved_on, "resolution", "limitation", lim.id))
    # A series never starts before the meeting that gave it (`assign --every --from`).
    for series in session.exec(select(Series).where(Series.meeting_id == meeting_id)):
        if series.id is not None:
            found.append((series.starts_on, "series_start", "series", series.id))
    early = sorted(f for f in found if f[0] < held)
    if early:
        day, what, kind, ident = early[0]
        raise InvalidInput.of(
            "meeting_after_dates",
            id=meeting_id,
            held=held,
            what=Phrase(f"day_{what}"),
            kind=Phrase(f"w_{kind}"),
            ident=ident,
            day=day,
        )


def _check_repeats(session: Session, meeting_id: int, held: date) -> None:
    """A limitation repeats one raised before it (``limitation link``): moving a meeting must
    keep its limitations after those they repeat, and before those that repeat them.

    Raises:
        Conflict: naming the pair that would be out of order.
    """
    from sqlalchemy import select as core_select

    from dirtrack.store import tables

    later, first = tables.limitation.alias("later"), tables.limitation.alias("first")
    later_at, first_at = tables.meeting.alias("later_at"), tables.meeting.alias("first_at")
    query = (
        core_select(
            later.c.id, first.c.id, later_at.c.id, later_at.c.date, first_at.c.id, first_at.c.date
        )
        .select_from(later)
        .join(first, later.c.repeat_of_id == first.c.id)
        .join(later_at, later.c.meeting_id == later_at.c.id)
        .join(first_at, first.c.meeting_id == first_at.c.id)
        .where((later_at.c.id == meeting_id) | (first_at.c.id == meeting_id))
    )
    for repeat, original, at, at_day, first_id, first_day in session.connection().execute(query):
        if at == first_id:
            continue
        at_day = held if at == meeting_id else at_day
        first_day = held if first_id == meeting_id else first_day
        if (first_day, first_id) >= (at_day, at):
            raise Conflict.of(
                "meeting_breaks_repeat", id=meeting_id, held=held, repeat=repeat, first=original
            )
