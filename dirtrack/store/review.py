"""What the quarterly review needs beyond the core store (issue 3).

- retiring a unit in favour of a successor, moving its open directives and recording each move
  in ``change_log`` so reports and ``show`` can tell who held a directive on any day;
- linking a limitation raised again to the first time it was raised (``limitation.repeat_of_id``);
- the chair of every meeting, for the per-leader view.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.models import ChangeLog, Directive, Limitation, Meeting, Unit
from dirtrack.review.moves import MOVE_ACTION, Move
from dirtrack.store.limitations import LimitationFacts, get_limitation, list_limitations
from dirtrack.store.units import UnitIndex

RETIRE_ACTION = "unit.retire"
LINK_ACTION = "limitation.link"
UNLINK_ACTION = "limitation.unlink"


def actor() -> str:
    """Who is making the change, for ``change_log``: $DIRTRACK_ACTOR, else the login name."""
    name = os.environ.get("DIRTRACK_ACTOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers and cron jobs
        return "dirtrack"


def _log(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    session.add(
        ChangeLog(
            actor=actor(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=json.dumps(before, ensure_ascii=False) if before is not None else None,
            after=json.dumps(after, ensure_ascii=False) if after is not None else None,
        )
    )


# --- retiring a unit -----------------------------------------------------------------------


@dataclass(frozen=True)
class Retired:
    unit: Unit
    successor: Unit
    on: date
    moved: tuple[int, ...]


def retire_unit(session: Session, unit_ref: str, successor_ref: str, *, on: date) -> Retired:
    """Retire a unit: mark it, and move the directives still open on ``on`` to its successor.

    Directives completed or cancelled on or before ``on`` stay with the old unit, and so do its
    limitations: that is its history. Each move is written to ``change_log`` with its day.

    Raises:
        NotFound: an unknown unit.
        InvalidInput: the successor is the unit itself.
        Conflict: the unit is already retired, or the successor is.
    """
    index = UnitIndex.load(session)
    unit = index.resolve(unit_ref)
    successor = index.resolve(successor_ref)
    assert unit.id is not None and successor.id is not None
    if unit.id == successor.id:
        raise InvalidInput(f"unit {unit.code} cannot be its own successor")
    if unit.retired_on is not None:
        heir = index.units.get(unit.successor_id) if unit.successor_id else None
        raise Conflict(
            f"unit {unit.code} was already retired on {unit.retired_on.isoformat()}"
            + (f" (successor {heir.code})" if heir else "")
        )
    if successor.retired_on is not None:
        heir = index.units.get(successor.successor_id) if successor.successor_id else None
        hint = f"; its successor is {heir.code}" if heir else ""
        raise Conflict(
            f"successor {successor.code} was itself retired on "
            f"{successor.retired_on.isoformat()}{hint}"
        )
    query = (
        select(Directive)
        .where(Directive.unit_id == unit.id)
        .where(col(Directive.completed_on).is_(None) | (col(Directive.completed_on) > on))
        .where(col(Directive.cancelled_on).is_(None) | (col(Directive.cancelled_on) > on))
        .order_by(col(Directive.id))
    )
    moving = list(session.exec(query))
    _refuse_key_clashes(session, moving, successor)
    moved: list[int] = []
    for directive in moving:
        assert directive.id is not None
        directive.unit_id = successor.id
        session.add(directive)
        _log(
            session,
            action=MOVE_ACTION,
            entity="directive",
            entity_id=directive.id,
            before={"unit_id": unit.id, "unit": unit.code},
            after={"unit_id": successor.id, "unit": successor.code, "on": on.isoformat()},
        )
        moved.append(directive.id)
    _log(
        session,
        action=RETIRE_ACTION,
        entity="unit",
        entity_id=unit.id,
        before={"retired_on": None, "successor_id": None},
        after={"retired_on": on.isoformat(), "successor_id": successor.id, "moved": moved},
    )
    unit.retired_on = on
    unit.successor_id = successor.id
    session.add(unit)
    session.flush()
    return Retired(unit, successor, on, tuple(moved))


def _refuse_key_clashes(session: Session, moving: Sequence[Directive], successor: Unit) -> None:
    """A key names one directive per unit: refuse a move that would give the successor two.

    Raises:
        Conflict: naming each directive that would clash and the successor's one.
    """
    keys = {d.key: d.id for d in moving if d.key is not None}
    if not keys:
        return
    held = session.exec(
        select(Directive.id, Directive.key)
        .where(Directive.unit_id == successor.id)
        .where(col(Directive.key).in_(sorted(keys)))
        .order_by(col(Directive.id))
    ).all()
    if held:
        pairs = ", ".join(
            f"{keys[key]} & {other} ({key!r})" for other, key in held if key is not None
        )
        raise Conflict.of("retire_key_clash", successor=successor.code, pairs=pairs)


def load_moves(
    session: Session, directive_ids: Sequence[int] | None = None
) -> dict[int, list[Move]]:
    """Every recorded move of a directive from one unit to another, oldest first, by id."""
    from dirtrack.store.review_sql import load_moves as read_moves

    return read_moves(session.connection(), directive_ids)


def moved_directive_ids(moves: dict[int, list[Move]], unit_ids: Sequence[int]) -> list[int]:
    """Directives that some unit of ``unit_ids`` held before a move."""
    wanted = set(unit_ids)
    return sorted(
        directive_id
        for directive_id, items in moves.items()
        if any(m.from_unit_id in wanted or m.to_unit_id in wanted for m in items)
    )


# --- repeated limitations ------------------------------------------------------------------


def predecessors(index: UnitIndex, unit_id: int) -> set[int]:
    """``unit_id`` and every unit retired into it, directly or through other successors."""
    found, stack = {unit_id}, [unit_id]
    while stack:
        current = stack.pop()
        for uid, unit in index.units.items():
            if unit.successor_id == current and uid not in found:
                found.add(uid)
                stack.append(uid)
    return found


def limitation_facts(session: Session, limitation_id: int) -> LimitationFacts:
    limitation = get_limitation(session, limitation_id)
    for facts in list_limitations(session, unit_ids=[limitation.unit_id]):
        if facts.id == limitation_id:
            return facts
    raise AssertionError("a limitation without its meeting or unit")  # pragma: no cover


def earlier_limitations(session: Session, facts: LimitationFacts) -> list[LimitationFacts]:
    """Limitations that ``facts`` could repeat: about the same unit (or a unit it succeeded),
    raised at an earlier meeting."""
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
        InvalidInput: a link to itself, to another unit, or to a limitation raised later.
    """
    if limitation_id == to_id:
        raise InvalidInput(f"limitation {limitation_id} cannot repeat itself")
    facts = limitation_facts(session, limitation_id)
    target_facts = limitation_facts(session, to_id)
    index = UnitIndex.load(session)
    if target_facts.unit_id not in predecessors(index, facts.unit_id):
        raise InvalidInput(
            f"limitation {to_id} is about {target_facts.unit_code}, not {facts.unit_code}: "
            "a repeat is about the same unit"
        )
    if not _raised_before(target_facts, facts):
        raise InvalidInput(
            f"limitation {to_id} was raised on {target_facts.raised_on.isoformat()}, not before "
            f"limitation {limitation_id} ({facts.raised_on.isoformat()}); "
            f"link the later one: dirtrack limitation link {to_id} --to {limitation_id}"
        )
    limitation = get_limitation(session, limitation_id)
    root = _root(session, get_limitation(session, to_id))
    assert root.id is not None
    if root.id == limitation_id:  # pragma: no cover - excluded by the date check above
        raise InvalidInput(f"limitation {limitation_id} is already the first of that chain")
    before = limitation.repeat_of_id
    if before == root.id:
        raise Conflict(f"limitation {limitation_id} is already linked to {root.id}")
    for follower in session.exec(
        select(Limitation).where(Limitation.repeat_of_id == limitation_id)
    ):
        _log(
            session,
            action=LINK_ACTION,
            entity="limitation",
            entity_id=follower.id,
            before={"repeat_of_id": follower.repeat_of_id},
            after={"repeat_of_id": root.id},
        )
        follower.repeat_of_id = root.id
        session.add(follower)
    _log(
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
    limitation = get_limitation(session, limitation_id)
    before = limitation.repeat_of_id
    if before is None:
        raise Conflict(f"limitation {limitation_id} is not linked to an earlier one")
    _log(
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


# --- chairs --------------------------------------------------------------------------------


def meeting_chairs(
    session: Session, *, held_on_or_before: date | None = None
) -> dict[int, tuple[str | None, str | None]]:
    """Chair and chair title of every meeting, by meeting id."""
    query = select(Meeting.id, Meeting.chair, Meeting.chair_title)
    if held_on_or_before is not None:
        query = query.where(Meeting.date <= held_on_or_before)
    return {
        meeting_id: (chair, title)
        for meeting_id, chair, title in session.exec(query)
        if meeting_id is not None
    }


def unit_names(session: Session) -> dict[int, tuple[str, str]]:
    """Code and name of every unit, by id."""
    return {
        uid: (code, name)
        for uid, code, name in session.exec(select(Unit.id, Unit.code, Unit.name))
        if uid is not None
    }
