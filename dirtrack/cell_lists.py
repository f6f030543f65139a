"""A list in one cell of a sheet or CSV: its items joined by ``;``, each ``;`` or backslash inside
an item written after a backslash (``Ban A\\; B;BTC``), and such a cell split back into its items.

The one rule for both ways: the CSV output writes lists with it (:mod:`dirtrack.render.csv_out`),
the importer reads unit cells with it (:mod:`dirtrack.transfer.values`).
"""

from __future__ import annotations

from collections.abc import Iterable

#: What joins the items of a list in one CSV cell.
LIST_SEPARATOR = ";"


def join_list(items: Iterable[str]) -> str:
    """``items`` as one CSV cell: joined by ``;``, each ``\\`` and ``;`` inside an item
    written after a backslash (``Ban A\\; B;BTC``), as PostgreSQL's COPY escapes its
    delimiter: a name or key holding ``;`` splits back whole (:func:`split_list`), and the
    cell reads as it is in a spreadsheet."""
    return LIST_SEPARATOR.join(escape_item(item) for item in items)


def escape_item(item: str) -> str:
    """One item of a list cell, its ``\\`` and ``;`` written after a backslash."""
    return item.replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\" + LIST_SEPARATOR)


def split_list(cell: str) -> list[str]:
    """The items of a cell :func:`join_list` wrote (or a person typed): split at each ``;``
    that no backslash escapes; ``\\;`` is a ``;`` and ``\\\\`` a backslash inside an item,
    and a backslash before anything else is kept as typed."""
    items: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        char = cell[i]
        if char == "\\" and cell[i + 1 : i + 2] in ("\\", LIST_SEPARATOR):
            current.append(cell[i + 1])
            i += 2
            continue
        if char == LIST_SEPARATOR:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    items.append("".join(current))
    return items
