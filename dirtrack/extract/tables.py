"""A document's table of tasks: one directive a row.

Offices often list a conclusion's tasks in a table ("STT | Nội dung nhiệm vụ | Đơn vị chủ trì |
Đơn vị phối hợp | Thời hạn | Sản phẩm"), in a ``.docx`` or on a page. Its columns are found by
their header words as an imported sheet's are (:func:`dirtrack.transfer.headers.match_header`);
a table is one of tasks when a header row among its first rows names the task's text and its
lead unit or its deadline. Every row under it with a task is a directive: its lead unit the
first unit its lead cell names (the others coordinate, with those of the coordinating cell),
its deadline the one its deadline cell names (read as a phrase in the text is, the year from
the meeting's day when the cell gives none), its product the product cell's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.extract.deadlines import best_deadline, find_deadlines, resolve
from dirtrack.extract.draft import DirectiveDraft
from dirtrack.extract.sentences import tidy
from dirtrack.extract.units import UnitResolver

#: How many rows from a table's top its header may be (a title row or two may come first).
HEADER_ROWS = 3
#: The fields a table of tasks is read for.
_FIELDS = ("text", "unit", "with", "due", "product")
#: A row numbering the columns under the header ("(1) | (2) | (3)", "1 | 2 | 3", "A | B | C").
_COLUMN_NUMBERS = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?$")


@dataclass(frozen=True)
class TaskTable:
    """A table of tasks: where each field's column is, and the rows under the header."""

    columns: dict[str, int]
    rows: tuple[tuple[str, ...], ...]


def _cell(row: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return " ".join(row[index].split())


def task_table(rows: Sequence[Sequence[str]]) -> TaskTable | None:
    """The table of tasks ``rows`` are (their cells' text), or None when no header row among
    the first :data:`HEADER_ROWS` names a task's text and its lead unit or deadline."""
    from dirtrack.transfer.headers import match_header  # the sheet import's header words

    for at, header in enumerate(rows[:HEADER_ROWS]):
        columns = _columns(header, match_header)
        if "text" in columns and ("unit" in columns or "due" in columns):
            first = at + 1
            if first < len(rows):
                # a header on two rows ("Đơn vị" over "Chủ trì | Phối hợp"): the lower row's
                # words name the columns under the upper one's
                below = {
                    field: index
                    for field, index in _columns(rows[first], match_header).items()
                    if _cell(header, index) != _cell(rows[first], index)
                }
                if below and all(
                    len(cell.split()) <= 6 and not cell.strip().isdigit()
                    for cell in rows[first]
                    if cell.strip()
                ):
                    columns.update(below)
                    first += 1
            body = [
                tuple(row)
                for row in rows[first:]
                if _cell(row, columns["text"])
                and not all(_COLUMN_NUMBERS.match(c.strip()) for c in row if c.strip())
                and tuple(" ".join(c.split()) for c in row)
                != tuple(" ".join(c.split()) for c in header)
            ]
            return TaskTable(columns, tuple(body))
    return None


def unit_cells(tables: Sequence[TaskTable]) -> list[str]:
    """The cells of the tables' lead and coordinating columns: the units the tables name."""
    return [
        cell
        for table in tables
        for row in table.rows
        for field in ("unit", "with")
        if (cell := _cell(row, table.columns.get(field)))
    ]


def _columns(row: Sequence[str], match_header: Any) -> dict[str, int]:
    """Where each field's column is in a header row: the cell naming it most surely."""
    columns: dict[str, int] = {}
    scores: dict[str, float] = {}
    for index, cell in enumerate(row):
        if not cell.strip() or len(cell) > 80:
            continue
        found = match_header(" ".join(cell.split()))
        if found is None or found.field not in _FIELDS:
            continue
        if found.score > scores.get(found.field, 0):
            columns[found.field], scores[found.field] = index, found.score
    return columns


def _units(cell: str, resolver: UnitResolver) -> list[str]:
    """The units a cell names, in order (a collective, "UBND các huyện", names none)."""
    named: list[str] = []
    for m in resolver.mentions(cell):
        value = m.code or m.name
        usable = m.role in ("unit", "board", "bare-office", "bare-delegation")
        if value is not None and usable and not m.affiliation and value not in named:
            named.append(value)
    return named


def _due(cell: str, ref: date | None) -> tuple[date | None, str | None]:
    """The deadline a cell names: a phrase found in it, else the whole cell as a deadline
    ("30/6/2024", "Quý III/2024", "Tháng 6/2024"); no day for "Thường xuyên"."""
    if not cell:
        return None, None
    found = best_deadline(find_deadlines(cell, ref))
    if found is not None:
        return found.due, found.phrase
    try:
        due = resolve(cell, ref)
    except InvalidInput:  # a cell naming no real day ("31/2/2024"): its words kept
        return None, cell
    return due, cell if due is not None else None


def table_directives(
    tables: Sequence[TaskTable], resolver: UnitResolver, ref: date | None
) -> list[DirectiveDraft]:
    """One directive for each row of each table of tasks (see the module docstring)."""
    found: list[DirectiveDraft] = []
    for table in tables:
        col = table.columns.get
        for row in table.rows:
            text = tidy(_cell(row, col("text")))
            if not text:
                continue
            leads = _units(_cell(row, col("unit")), resolver)
            helpers = [u for u in _units(_cell(row, col("with")), resolver) if u not in leads[:1]]
            due, phrase = _due(_cell(row, col("due")), ref)
            product = tidy(_cell(row, col("product"))) or None
            found.append(
                DirectiveDraft(
                    text=text,
                    unit=leads[0] if leads else None,
                    with_=tuple(dict.fromkeys([*leads[1:], *helpers])),
                    due=due,
                    due_phrase=phrase,
                    source=" | ".join(_cell(row, i) for i in range(len(row)) if _cell(row, i)),
                    product=product,
                )
            )
    return found
