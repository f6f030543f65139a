"""Meetings and who attended them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from dirtrack.errors import InvalidInput, NotFound
from dirtrack.models import Meeting, MeetingAttendee, MeetingKind, Unit
from dirtrack.text import clean_optional, clean_text, nfc


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
    return session.exec(select(Meeting).where(Meeting.key == nfc(key))).first()


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound.of("no_meeting", id=meeting_id)
    return meeting


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
