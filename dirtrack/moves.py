"""Who held a directive on a given day, when a retired unit handed it to its successor."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dirtrack.records import Record, iso
from dirtrack.status import DirectiveFacts

# The change_log action of one directive handed from a unit to another (``unit retire``).
MOVE_ACTION = "directive.move"


@dataclass(frozen=True)
class Move:
    """On ``on`` the directive passed from one unit to another (``unit retire``)."""

    on: date
    from_unit_id: int
    to_unit_id: int


def moves_from(rows: Iterable[Sequence[Any]]) -> dict[int, list[Move]]:
    """The moves per directive id from change rows ``(entity_id, before, after)`` of action
    :data:`MOVE_ACTION` not undone, in recorded order; each directive's sorted by day."""
    moves: dict[int, list[Move]] = defaultdict(list)
    for entity_id, before, after in rows:
        if entity_id is None or before is None or after is None:
            continue
        old, new = json.loads(before), json.loads(after)
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


def unit_at(current_unit_id: int, moves: Sequence[Move], as_of: date) -> int:
    """The unit that held the directive on ``as_of``; ``moves`` are oldest first."""
    if not moves:
        return current_unit_id
    holder = moves[0].from_unit_id
    for move in moves:
        if move.on <= as_of:
            holder = move.to_unit_id
    return holder


def attribute(
    facts: Iterable[DirectiveFacts],
    moves: Mapping[int, Sequence[Move]],
    as_of: date,
    names: Mapping[int, tuple[str, str]],
) -> list[DirectiveFacts]:
    """Each directive under the unit that held it on ``as_of``.

    Args:
        facts: directives as stored (under the unit holding them now).
        moves: recorded moves by directive id.
        as_of: the day the report judges.
        names: code and name of each unit id.
    """
    found: list[DirectiveFacts] = []
    for item in facts:
        holder = unit_at(item.unit_id, moves.get(item.id, ()), as_of)
        if holder != item.unit_id and holder in names:
            code, name = names[holder]
            item = replace(item, unit_id=holder, unit_code=code, unit_name=name)
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
    moves: Sequence[Move],
    as_of: date,
    names: Mapping[int, tuple[str, str]],
) -> list[Record]:
    """A directive's history (``show``) with its moves between units, in date order."""
    events = list(history)
    for move in moves:
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
    return sorted(events, key=lambda e: (e["date"], order.get(e["event"], 3)))
