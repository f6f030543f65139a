"""Rich tables for people. The only module that imports rich.

In a terminal: boxes, colour and overdue rows in red. When stdout is not a terminal, or
``NO_COLOR`` is set, the same table comes out plain: no colour, no box drawing, no truncation.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.theme import Theme

from dirtrack.records import Record
from dirtrack.render import Column

THEME = Theme(
    {
        "overdue": "bold red",
        "late": "yellow",
        "done": "green",
        "cancelled": "dim",
        "title": "bold",
        "muted": "dim",
    }
)


def console() -> Console:
    terminal = sys.stdout.isatty()
    return Console(
        theme=THEME,
        highlight=False,
        no_color=bool(os.environ.get("NO_COLOR")) or not terminal,
        force_terminal=terminal or None,
        width=None if terminal else 100_000,
        soft_wrap=not terminal,
    )


def is_plain() -> bool:
    return not sys.stdout.isatty()


def new_table(title: str | None = None) -> Table:
    plain = is_plain()
    return Table(
        title=title,
        box=None if plain else box.SIMPLE_HEAVY,
        show_edge=not plain,
        pad_edge=False,
        title_justify="left",
        title_style="title",
        header_style="bold" if not plain else "",
        collapse_padding=plain,
    )


def print_table(
    records: Sequence[Record],
    columns: Sequence[Column],
    lang: str,
    *,
    title: str | None = None,
    highlight: Callable[[Record], str | None] | None = None,
) -> None:
    from dirtrack.i18n import t

    plain = is_plain()
    if plain:
        headers = [t(column.header, lang) for column in columns]
        rows = [[column.cell(record, lang) for column in columns] for record in records]
        lines = plain_table_lines(title, headers, [c.justify for c in columns], rows)
        if lines is not None:
            sys.stdout.write("".join(line + "\n" for line in lines))
            return
    table = new_table(title)
    for column in columns:
        table.add_column(
            t(column.header, lang),
            justify=column.justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=plain or not column.wrap,
            ratio=None,
            max_width=None if plain or not column.wrap else 60,
        )
    for record in records:
        style = highlight(record) if highlight else None
        table.add_row(*(column.cell(record, lang) for column in columns), style=style)
    console().print(table)


# What rich would turn into something else than the characters themselves: markup ("[b]"),
# emoji codes (":warning:"), and control characters (line breaks, tabs, escapes).
_SPECIAL = re.compile(r"[\[\x00-\x1f\x7f-\x9f]|:\S*?:")


def plain_table_lines(
    title: str | None,
    headers: Sequence[str],
    justify: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> list[str] | None:
    """The lines rich prints for a plain table (see :func:`new_table`), written directly.

    Rich measures and renders every cell as a segment: 40 s for the 20,000 rows of ``overdue``
    on a million-directive register. The plain layout is simple (each cell justified to its
    column's width, columns one space apart, the title on its own line), so it is written here,
    character for character as rich would (``tests/test_plain_table.py`` compares the two).
    Returns None, leaving the table to rich, when rich would print anything else: a terminal
    forced by FORCE_COLOR or TTY_COMPATIBLE, or text with markup, emoji codes or control
    characters.
    """
    from rich.cells import cell_len

    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return None
    if any(side not in ("left", "right") for side in justify):
        return None
    texts = [title or "", *headers]
    if any(_SPECIAL.search(text) for text in texts):
        return None
    sizes: dict[str, int] = {}  # units, dates and statuses repeat: measure each text once

    def size(text: str) -> int:
        found = sizes.get(text)
        if found is None:
            found = sizes[text] = len(text) if text.isascii() else cell_len(text)
        return found

    widths = [size(h) for h in headers]
    for row in rows:
        # One search per row: the cells joined by a space, which no pattern can match across.
        if _SPECIAL.search(" ".join(row)):
            return None
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], size(cell))
    if sum(widths) + len(widths) > 100_000:  # wider than the plain console: rich would shrink
        return None
    lines = [title] if title else []
    for cells in [headers, *rows]:
        parts = []
        for cell, width, side in zip(cells, widths, justify, strict=True):
            if side == "right":  # rich strips trailing space before justifying right
                cell = cell.rstrip()
                parts.append(" " * (width - size(cell)) + cell)
            else:
                parts.append(cell + " " * (width - size(cell)))
        lines.append(" ".join(parts))
    return lines


def print_lines(lines: Sequence[str], *, style: str | None = None) -> None:
    con = console()
    for line in lines:
        con.print(line, style=style, markup=False)


def print_renderables(items: Sequence[object]) -> None:
    con = console()
    for item in items:
        con.print(item)
