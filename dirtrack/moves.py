"""Who held a directive on a given day, and who coordinated it, when a retired unit handed it
(or its part as a coordinating unit) to its successor."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dirtrack.records import Record, iso
from dirtrack.status import DirectiveFacts
from dirtrack.store.history import load_image

# The change_log action of one directive handed from a unit to another (``unit retire``).
MOVE_ACTION = "directive.move"
# The change_log action of a unit's coordination of one directive handed to its successor, or
# ended where the successor already leads or coordinates it (``unit retire``).
COORDINATION_ACTION = "directive.coordination"


@dataclass(frozen=True)
class Move:
    """On ``on`` the directive passed from one unit to another (``unit retire``)."""

    on: date
    from_unit_id: int
    to_unit_id: int


@dataclass(frozen=True)
class Handover:
    """On ``on`` a retired unit stopped coordinating the directive and its successor began
    (``to_unit_id``), or none did (None: the successor already led or coordinated it); or the
    successor stopped, as it began to lead it (``to_unit_id`` None)."""

    on: date
    from_unit_id: int
    to_unit_id: int | None


def handovers_from(rows: Iterable[Sequence[Any]]) -> dict[int, list[Handover]]:
    """The handovers per directive id from change rows ``(entity_id, before, after)`` of action
    :data:`COORDINATION_ACTION` not undone; each directive's sorted by day."""
    found: dict[int, list[Handover]] = defaultdict(list)
    for entity_id, before, after in rows:
        if entity_id is None or before is None or after is None:
            continue
        old, new = load_image(before), load_image(after)
        to = new.get("unit_id")
        found[entity_id].append(
            Handover(
                on=date.fromisoformat(new["on"]),
                from_unit_id=int(old["unit_id"]),
                to_unit_id=None if to is None else int(to),
            )
        )
    for items in found.values():
        items.sort(key=lambda h: h.on)
    return dict(found)


def coordinators_at(
    current: Sequence[str],
    handovers: Sequence[Handover],
    as_of: date,
    names: Mapping[int, tuple[str, str]],
) -> tuple[str, ...]:
    """The codes of the units that coordinated the directive on ``as_of``, from those that do
    now (``current``): each handover after ``as_of`` taken back, the latest first. A handover
    to a unit that no longer coordinates it (``edit directive --with`` corrected the list since)
    no longer counts: the corrected list holds on every day, as every correction does."""
    codes = list(current)
    for handover in reversed(handovers):
        if handover.on <= as_of:
            break
        if handover.to_unit_id is not None and handover.to_unit_id in names:
            gone = names[handover.to_unit_id][0]
            if gone not in codes:
                continue
            codes.remove(gone)
        if handover.from_unit_id in names and names[handover.from_unit_id][0] not in codes:
            codes.append(names[handover.from_unit_id][0])
    return tuple(sorted(codes))


def moves_from(rows: Iterable[Sequence[Any]]) -> dict[int, list[Move]]:
    """The moves per directive id from change rows ``(entity_id, before, after)`` of action
    :data:`MOVE_ACTION` not undone, in recorded order; each directive's sorted by day."""
    moves: dict[int, list[Move]] = defaultdict(list)
    for entity_id, before, after in rows:
        if entity_id is None or before is None or after is None:
            continue
        old, new = load_image(before), load_image(after)
        moves[entity_id].append(
            Move(
                on=date.fromisoformat(new["on"]),
                from_unit_id=int(old["unit_id"]),
                to_unit_id=int(new["unit_id"]),
            )
        )
    for items in moves.values():
        items.sort(key=lambda m: m.on)
    return dict(moves)


def in_force(current_unit_id: int, moves: Sequence[Move]) -> list[Move]:
    """The moves (oldest first) that still say who held the directive: those that lead, one
    after the other, to the unit it is stored under now. A correction of the lead unit since a
    move (``edit directive --unit``) makes it that unit's on every day, as every correction
    is: the moves before the correction no longer count (a unit named there that had retired
    is handed over at once, a move of its own that does)."""
    kept: list[Move] = []
    holder, until, left = current_unit_id, date.max, list(moves)
    while True:
        to_holder = [m for m in left if m.to_unit_id == holder and m.on <= until]
        if not to_holder:
            break
        move = to_holder[-1]  # the latest (moves are sorted by day)
        kept.append(move)
        left.remove(move)
        holder, until = move.from_unit_id, move.on
    kept.reverse()
    return kept


def unit_at(current_unit_id: int, moves: Sequence[Move], as_of: date) -> int:
    """The unit that held the directive on ``as_of``; ``moves`` are oldest first (only those
    :func:`in_force` count)."""
    moves = in_force(current_unit_id, moves)
    if not moves:
        return current_unit_id
    holder = moves[0].from_unit_id
    for move in moves:
        if move.on > as_of:
            return holder
        holder = move.to_unit_id
    return current_unit_id


def given_to(current_unit_id: int, moves: Sequence[Move]) -> int:
    """The unit the meeting gave the directive to, by the moves :func:`in_force` for the unit
    it is stored under now (``current_unit_id``): a correction since a move makes the corrected
    unit the one it was given to, as it holds on every day."""
    return unit_at(current_unit_id, moves, date.min)


def attribute(
    facts: Iterable[DirectiveFacts],
    moves: Mapping[int, Sequence[Move]],
    as_of: date,
    names: Mapping[int, tuple[str, str]],
    handovers: Mapping[int, Sequence[Handover]] | None = None,
) -> list[DirectiveFacts]:
    """Each directive under the unit that held it on ``as_of``, with the units that
    coordinated it then.

    Args:
        facts: directives as stored (under the unit holding them now).
        moves: recorded moves by directive id.
        as_of: the day the report judges.
        names: code and name of each unit id.
        handovers: recorded handovers of coordination by directive id.
    """
    found: list[DirectiveFacts] = []
    for item in facts:
        holder = unit_at(item.unit_id, moves.get(item.id, ()), as_of)
        if holder != item.unit_id and holder in names:
            code, name = names[holder]
            item = replace(item, unit_id=holder, unit_code=code, unit_name=name)
        handed = handovers.get(item.id) if handovers else None
        if handed and handed[-1].on > as_of:
            item = replace(item, with_codes=coordinators_at(item.with_codes, handed, as_of, names))
        found.append(item)
    return found


def holders_at(
    moves: Mapping[int, Sequence[Move]],
    stored: Mapping[int, int],
    as_of: date,
    names: Mapping[int, tuple[str, str]],
) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The directives held on ``as_of`` by another unit than the one they are stored under, as
    ``(unit id, directive ids)`` pairs (see :class:`dirtrack.store.rules.Scope`).

    The same attribution as :func:`attribute`, for the database to count by.

    Args:
        moves: recorded moves by directive id.
        stored: the unit each moved directive is stored under now.
        as_of: the day the report judges.
        names: code and name of each unit id (a holder unknown here keeps the stored unit).
    """
    found: dict[int, list[int]] = {}
    for directive_id, items in moves.items():
        current = stored.get(directive_id)
        if current is None:  # no longer recorded
            continue
        holder = unit_at(current, items, as_of)
        if holder != current and holder in names:
            found.setdefault(holder, []).append(directive_id)
    return tuple((uid, tuple(sorted(ids))) for uid, ids in sorted(found.items()))


def history_with_moves(
    history: list[Record],
    current_unit_id: int,
    moves: Sequence[Move],
    as_of: date,
    names: Mapping[int, tuple[str, str]],
) -> list[Record]:
    """A directive's history (``show``) with its moves between units (those :func:`in_force`
    for the unit it is stored under now), in date order."""
    events = list(history)
    for move in in_force(current_unit_id, moves):
        if move.on > as_of:
            continue
        before = names.get(move.from_unit_id, (str(move.from_unit_id), ""))[0]
        after = names.get(move.to_unit_id, (str(move.to_unit_id), ""))[0]
        events.append(
            {
                "date": iso(move.on),
                "event": "moved",
                "from": before,
                "to": after,
                "note": f"{before} → {after}",
            }
        )
    order = {"assigned": 0, "progress": 1, "extended": 2, "moved": 2, "completed": 3}
    # a move on the day of a reopening is the one the reopening brought (a unit that retired
    # while the directive was closed): it follows it
    reopened = {e["date"] for e in events if e["event"] == "reopened"}

    def rank(event: Record) -> int:
        if event["event"] == "moved" and event["date"] in reopened:
            return 4
        return order.get(event["event"], 3)

    return sorted(events, key=lambda e: (e["date"], rank(e)))
