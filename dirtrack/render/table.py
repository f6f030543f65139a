"""Rich tables for people. The only module that imports rich.

In a terminal: boxes, colour and overdue rows in red. When stdout is not a terminal, or
``NO_COLOR`` is set, the same table comes out plain: no colour, no box drawing, no truncation.
"""

from __future__ import annotations

import os
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


def print_lines(lines: Sequence[str], *, style: str | None = None) -> None:
    con = console()
    for line in lines:
        con.print(line, style=style, markup=False)


def print_renderables(items: Sequence[object]) -> None:
    con = console()
    for item in items:
        con.print(item)
