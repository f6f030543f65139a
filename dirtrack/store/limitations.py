"""Limitations (hạn chế) raised about units at meetings, and links between repeats of one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.kinds import CATEGORY_NAMES, Category
from dirtrack.store import check_edits, get_row
from dirtrack.store.units import check_not_retired
from dirtrack.text import clean_optional, clean_text, fold

if TYPE_CHECKING:  # imported where used: reading LimitationFacts needs no ORM session
    from sqlmodel import Session

    from dirtrack.models import Limitation, Meeting, Unit


@dataclass(frozen=True)
class LimitationFacts:
    """A limitation as the report and the listings read it: its unit's code, the day of the
    meeting that raised it (``raised_on``) and the limitation it repeats, if any."""

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

    text = clean_text(text, "text")
    if not text:
        raise InvalidInput.of("limitation_no_text")
    check_not_retired(session, [unit], meeting.date)
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


def find_same_limitation(
    session: Session, *, meeting_id: int, unit_id: int, text: str, other_than: int | None = None
) -> Limitation | None:
    """A limitation of this meeting about this unit whose text is ``text``, compared as
    :func:`dirtrack.store.directives.find_same_directive` compares directives (its stored
    search key); the oldest if several, ``other_than`` (the one being corrected) left out."""
    from sqlmodel import col, select

    from dirtrack.models import Limitation

    key = fold(clean_text(text, "text"))
    query = (
        select(Limitation)
        .where(Limitation.meeting_id == meeting_id, Limitation.unit_id == unit_id)
        .where(Limitation.text_key == key)
        .order_by(col(Limitation.id))
    )
    if other_than is not None:
        query = query.where(Limitation.id != other_than)
    return session.exec(query).first()


# What `edit limitation` can change; each key of the changes given to edit_limitation.
LIMITATION_EDITS = ("text", "unit", "category")


def edit_limitation(
    session: Session,
    limitation_id: int,
    changes: Mapping[str, Any],
    *,
    allow_duplicate: bool = False,
) -> Limitation:
    """Correct a limitation: ``changes`` maps a name of :data:`LIMITATION_EDITS` to its new
    value (``text`` text, ``unit`` a :class:`Unit`, ``category`` a category code).

    Raises:
        InvalidInput: empty text, an unknown category, nothing to change.
        Conflict: a new unit for a limitation linked as a repeat (of an earlier one, or by a
            later one): unlink it first; or (unless ``allow_duplicate``) a corrected text or
            unit that makes it what another limitation of the meeting raises about the unit,
            which ``add-limitation`` refuses.
    """
    from sqlmodel import select

    from dirtrack.models import Limitation, Meeting, Unit

    limitation = get_limitation(session, limitation_id)
    check_edits(changes, LIMITATION_EDITS)  # the missing record is named first
    was = (limitation.text_key, limitation.unit_id)
    if "text" in changes:
        text = clean_text(changes["text"], "text")
        if not text:
            raise InvalidInput.of("limitation_no_text")
        limitation.text, limitation.text_key = text, fold(text)
    if "category" in changes:
        limitation.category = ensure_category(changes["category"]).value
    if "unit" in changes:
        unit: Unit = changes["unit"]
        assert unit.id is not None
        if unit.id != limitation.unit_id:
            follower = session.exec(
                select(Limitation.id).where(Limitation.repeat_of_id == limitation_id)
            ).first()
            linked = limitation.repeat_of_id if limitation.repeat_of_id is not None else follower
            if linked is not None:
                raise Conflict.of("edit_linked_unit", id=limitation_id, other=linked)
            held = session.get(Meeting, limitation.meeting_id)
            assert held is not None
            check_not_retired(session, [unit], held.date)
            limitation.unit_id = unit.id
    if not allow_duplicate and (limitation.text_key, limitation.unit_id) != was:
        same = find_same_limitation(
            session,
            meeting_id=limitation.meeting_id,
            unit_id=limitation.unit_id,
            text=limitation.text,
            other_than=limitation.id,
        )
        if same is not None:
            found = session.get(Unit, limitation.unit_id)
            code = found.code if found is not None else limitation.unit_id
            raise Conflict.of(
                "limitation_duplicate", id=same.id, unit=code, meeting=limitation.meeting_id
            )
    session.add(limitation)
    session.flush()
    return limitation


def get_limitation(session: Session, limitation_id: int) -> Limitation:
    from dirtrack.models import Limitation

    return get_row(session, Limitation, limitation_id, "no_limitation")


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
    limitation.resolve_note = clean_optional(note, "note")
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

    Read as Core rows by :mod:`dirtrack.store.facts` (a province's 50,000
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
        from dirtrack.i18n import Choices

        choices = Choices(CATEGORY_NAMES)
        raise InvalidInput.of("unknown_category", value=value, choices=choices) from None


# --- repeated limitations: linking one raised again to the first time it was raised ------

LINK_ACTION = "limitation.link"
UNLINK_ACTION = "limitation.unlink"


def limitation_facts(session: Session, limitation_id: int) -> LimitationFacts:
    limitation = get_limitation(session, limitation_id)
    for facts in list_limitations(session, unit_ids=[limitation.unit_id]):
        if facts.id == limitation_id:
            return facts
    raise AssertionError("a limitation without its meeting or unit")  # pragma: no cover


def earlier_limitations(session: Session, facts: LimitationFacts) -> list[LimitationFacts]:
    """Limitations that ``facts`` could repeat: about the same unit (or a unit it succeeded),
    raised at an earlier meeting."""
    from dirtrack.store.units import UnitIndex, predecessors

    index = UnitIndex.load(session)
    family = sorted(predecessors(index, facts.unit_id))
    return [
        other
        for other in list_limitations(session, unit_ids=family, raised_on_or_before=facts.raised_on)
        if other.id != facts.id and _raised_before(other, facts)
    ]


def _raised_before(a: LimitationFacts, b: LimitationFacts) -> bool:
    return (a.raised_on, a.meeting_id) < (b.raised_on, b.meeting_id)


def _root(session: Session, limitation: Limitation) -> Limitation:
    seen = {limitation.id}
    current = limitation
    while current.repeat_of_id is not None and current.repeat_of_id not in seen:
        seen.add(current.repeat_of_id)
        current = get_limitation(session, current.repeat_of_id)
    return current


def link_limitation(session: Session, limitation_id: int, to_id: int) -> Limitation:
    """Record that limitation ``limitation_id`` repeats ``to_id`` (and so the first of its chain).

    The link always points at the first time the limitation was raised, so a chain is the first
    occurrence and its repeats. Repeats of ``limitation_id`` follow it into the new chain.

    Returns:
        The first occurrence the limitation now points at.

    Raises:
        NotFound: an unknown id.
        InvalidInput: a link to itself, to another unit, to a limitation raised later or at
            the same meeting.
    """
    if limitation_id == to_id:
        raise InvalidInput.of("repeat_itself", id=limitation_id)
    from sqlmodel import select

    from dirtrack.models import Limitation
    from dirtrack.store.history import log_action
    from dirtrack.store.units import UnitIndex, predecessors

    facts = limitation_facts(session, limitation_id)
    target_facts = limitation_facts(session, to_id)
    index = UnitIndex.load(session)
    if target_facts.unit_id not in predecessors(index, facts.unit_id):
        raise InvalidInput.of(
            "repeat_other_unit", to=to_id, target=target_facts.unit_code, unit=facts.unit_code
        )
    if target_facts.meeting_id == facts.meeting_id:
        # neither was raised before the other: no way round to suggest
        raise InvalidInput.of(
            "repeat_same_meeting",
            to=to_id,
            id=limitation_id,
            meeting=facts.meeting_id,
            date=facts.raised_on,
        )
    if not _raised_before(target_facts, facts):
        raise InvalidInput.of(
            "repeat_not_before",
            to=to_id,
            to_date=target_facts.raised_on,
            id=limitation_id,
            date=facts.raised_on,
        )
    limitation = get_limitation(session, limitation_id)
    root = _root(session, get_limitation(session, to_id))
    assert root.id is not None
    if root.id == limitation_id:  # pragma: no cover - excluded by the date check above
        raise InvalidInput.of("already_first", id=limitation_id)
    before = limitation.repeat_of_id
    if before == root.id:
        raise Conflict.of("already_linked", id=limitation_id, first=root.id)
    for follower in session.exec(
        select(Limitation).where(Limitation.repeat_of_id == limitation_id)
    ):
        log_action(
            session,
            action=LINK_ACTION,
            entity="limitation",
            entity_id=follower.id,
            before={"repeat_of_id": follower.repeat_of_id},
            after={"repeat_of_id": root.id},
        )
        follower.repeat_of_id = root.id
        session.add(follower)
    log_action(
        session,
        action=LINK_ACTION,
        entity="limitation",
        entity_id=limitation_id,
        before={"repeat_of_id": before},
        after={"repeat_of_id": root.id},
    )
    limitation.repeat_of_id = root.id
    session.add(limitation)
    session.flush()
    return root


def unlink_limitation(session: Session, limitation_id: int) -> int:
    """Say that a limitation is new after all; returns the id it was linked to.

    Raises:
        NotFound: an unknown id.
        Conflict: it is not linked to an earlier one.
    """
    from dirtrack.store.history import log_action

    limitation = get_limitation(session, limitation_id)
    before = limitation.repeat_of_id
    if before is None:
        raise Conflict.of("not_linked", id=limitation_id)
    log_action(
        session,
        action=UNLINK_ACTION,
        entity="limitation",
        entity_id=limitation_id,
        before={"repeat_of_id": before},
        after={"repeat_of_id": None},
    )
    limitation.repeat_of_id = None
    session.add(limitation)
    session.flush()
    return before
