"""Rolling child units up into their parent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from dirtrack.records import Record

if TYPE_CHECKING:
    from dirtrack.report.sections import UnitRow


def rollup_targets(parents: Mapping[str, str | None], top: str | None = None) -> dict[str, str]:
    """The unit each unit rolls up into: its top-most ancestor, or ``top`` when under it.

    Args:
        parents: every unit code with its parent's code (None for a unit at the top).
        top: the unit a report is limited to (``--unit``); units under it roll into it.
    """
    targets: dict[str, str] = {}
    for code in parents:
        seen = {code}
        current = code
        while current != top and (parent := parents.get(current)) is not None:
            if parent in seen:  # a cycle in the data: stop where it closes
                break
            seen.add(parent)
            current = parent
        targets[code] = current
    return targets


def rollup_rows(
    rows: Sequence[UnitRow], targets: Mapping[str, str], names: Mapping[str, str]
) -> list[tuple[UnitRow, list[UnitRow]]]:
    """Merge each row into its target's row; returns (rolled row, the rows merged in it).

    The rolled row sums its members' counts exactly; rows come out in code order.
    """
    from dirtrack.report.sections import UnitRow

    rolled: dict[str, tuple[UnitRow, list[UnitRow]]] = {}
    for row in rows:
        target = targets.get(row.code, row.code)
        if target not in rolled:
            rolled[target] = (UnitRow(target, names.get(target, target)), [])
        parent, members = rolled[target]
        parent.counts.merge(row.counts)
        members.append(row)
    return [rolled[code] for code in sorted(rolled)]


def rolled_record(row: UnitRow, members: Sequence[UnitRow]) -> Record:
    """A unit row of the report with the rows it was rolled up from under ``children``."""
    return {**row.as_dict(), "children": [m.as_dict() for m in members]}
