"""Limitations (hạn chế) raised about units at meetings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dirtrack.errors import Conflict, InvalidInput, NotFound
from dirtrack.kinds import Category
from dirtrack.text import fold, nfc

if TYPE_CHECKING:  # imported where used: LimitationFacts must not cost SQLModel (issue 6)
    from sqlmodel import Session

    from dirtrack.models import Limitation, Meeting, Unit


@dataclass(frozen=True)
class LimitationFacts:
    id: int
    meeting_id: int
    unit_id: int
    unit_code: str
    text: str
    category: str
    raised_on: date
    resolved_on: date | None
    resolve_note: str | None
    repeat_of_id: int | None


def add_limitation(
    session: Session,
    *,
    meeting: Meeting,
    unit: Unit,
    text: str,
    category: Category = Category.OTHER,
) -> Limitation:
    from dirtrack.models import Limitation

    text = nfc(text)
    if not text:
        raise InvalidInput.of("limitation_no_text")
    assert meeting.id is not None and unit.id is not None
    limitation = Limitation(
        meeting_id=meeting.id,
        unit_id=unit.id,
        text=text,
        text_key=fold(text),
        category=category.value,
    )
    session.add(limitation)
    session.flush()
    return limitation


def get_limitation(session: Session, limitation_id: int) -> Limitation:
    from dirtrack.models import Limitation

    limitation = session.get(Limitation, limitation_id)
    if limitation is None:
        raise NotFound.of("no_limitation", id=limitation_id)
    return limitation


def resolve(
    session: Session, limitation_id: int, *, on: date, note: str | None = None
) -> Limitation:
    """Mark a limitation overcome.

    Raises:
        Conflict: it was already resolved.
        InvalidInput: ``on`` is before the meeting that raised it.
    """
    limitation = get_limitation(session, limitation_id)
    if limitation.resolved_on is not None:
        raise Conflict.of("already_resolved", id=limitation_id, date=limitation.resolved_on)
    from dirtrack.models import Meeting

    meeting = session.get(Meeting, limitation.meeting_id)
    assert meeting is not None
    if on < meeting.date:
        raise InvalidInput.of("resolved_before_meeting", day=on, held=meeting.date)
    limitation.resolved_on = on
    limitation.resolve_note = (nfc(note) or None) if note else None
    session.add(limitation)
    session.flush()
    return limitation


def list_limitations(
    session: Session,
    *,
    unit_ids: Sequence[int] | None = None,
    raised_on_or_before: date | None = None,
) -> list[LimitationFacts]:
    """Limitations with their unit code and the date of the meeting that raised them.

    Read as Core rows by :mod:`dirtrack.store.facts` (issue 6: a province's 50,000
    limitations in a fraction of the ORM's time); pending ORM changes are flushed first.
    """
    from dirtrack.store import facts

    session.flush()
    return facts.list_limitations(
        session.connection(), unit_ids=unit_ids, raised_on_or_before=raised_on_or_before
    )


def ensure_category(value: str) -> Category:
    try:
        return Category(value)
    except ValueError:
        choices = ", ".join(c.value for c in Category)
        raise InvalidInput.of("unknown_category", value=value, choices=choices) from None
