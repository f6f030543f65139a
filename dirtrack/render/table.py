"""Tables for people: the only module that builds a rich table, and the plain layout that
writes one as rich would without loading it (the progress bar, :mod:`dirtrack.render.progress`,
and a few styled texts elsewhere in render/ use rich too).

In a terminal: boxes, colour and overdue rows in red. When stdout is not a terminal, or
``NO_COLOR`` is set, the same table comes out plain: no colour, no box drawing, no truncation.
Rich is imported when a table is drawn by it, not before: a plain table written directly
(:func:`plain_layout`) needs only its measure of characters, which keeps start-up short.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from dirtrack.patterns import LazyPattern
from dirtrack.records import Record
from dirtrack.render import Column, visible, visible_cells

if TYPE_CHECKING:
    from rich.console import Console, Group
    from rich.table import Table
    from rich.theme import Theme

STYLES = {
    "overdue": "bold red",
    "late": "yellow",
    "done": "green",
    "cancelled": "dim",
    "title": "bold",
    "muted": "dim",
}


@cache
def theme() -> Theme:
    from rich.theme import Theme

    return Theme(STYLES)


def __getattr__(name: str) -> Any:
    if name == "THEME":  # the rich Theme, made when first asked for
        return theme()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def unmarked(text: str) -> str:
    """``text`` for a place where rich reads markup (Typer's help): ``[mail]`` shown as
    written, not taken for a style and dropped."""
    from rich.markup import escape

    return escape(text)


@cache
def console_class() -> type[Console]:
    """rich's Console, but a reader of stdout that goes away is a BrokenPipeError, and the
    window is laid out between :data:`NARROWEST` and :data:`WIDEST` cells wide.

    rich's own answer to a closed pipe is ``SystemExit(1)``; raised on, the error reaches the
    CLI's boundary, which ends the run with exit 141 and nothing on stderr, as for plain output.
    The width rich reads from COLUMNS (or Typer's TERMINAL_WIDTH) is held between the two:
    ``COLUMNS=5`` folded ``--help`` a few letters a line and ``TERMINAL_WIDTH=0`` printed an
    empty one, and ``COLUMNS=999999999`` drew its panels that wide, until memory ran out. Plain
    output (:func:`console`) is ``unbounded``: a row is one line, however long.
    """
    from rich.console import Console, ConsoleDimensions

    class PipeSafeConsole(Console):
        unbounded = False

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

        def _held_size(self) -> ConsoleDimensions:
            size: ConsoleDimensions = Console.size.fget(self)  # type: ignore[attr-defined]
            if self.unbounded:
                return size
            return ConsoleDimensions(max(NARROWEST, min(size.width, WIDEST)), size.height)

        size = property(_held_size, Console.size.fset)  # type: ignore[attr-defined]

    return PipeSafeConsole


# The narrowest window anything is laid out for. A narrower one (COLUMNS=0, a terminal a few
# cells wide) printed nothing at all, or a letter a line: the lines are laid out for this width
# instead, and the terminal folds them.
NARROWEST = 40
# The widest: no terminal is wider, and help drawn for COLUMNS=999999999 filled the memory.
WIDEST = 1000


def console() -> Console:
    """The console tables are printed on: the terminal's width (at least :data:`NARROWEST`),
    or unbounded and plain."""
    terminal = not is_plain()
    made = console_class()(
        theme=theme(),
        highlight=False,
        no_color=bool(os.environ.get("NO_COLOR")) or not terminal,
        force_terminal=terminal or None,
        width=None if terminal else 100_000,
        soft_wrap=not terminal,
    )
    made.unbounded = not terminal  # type: ignore[attr-defined]
    return made


def is_plain() -> bool:
    return not sys.stdout.isatty()


def new_table(title: str | None = None) -> Table:
    from rich import box
    from rich.table import Table

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
    records: Iterable[Record],
    columns: Sequence[Column],
    lang: str,
    *,
    title: str | None = None,
    highlight: Callable[[Record], str | None] | None = None,
) -> None:
    from dirtrack.i18n import heading, t

    title = None if title is None else visible(title)
    headers = [heading(column.header, lang) for column in columns]
    # One pass over the records (they may be a stream read as it goes): the cells, and the
    # styles rich shows.
    rows: list[list[str]] = []
    styles: list[str | None] = []
    texts = [column.writer() for column in columns]
    for record in records:
        rows.append(visible_cells([text(record, lang) for text in texts]))
        styles.append(highlight(record) if highlight else None)
    if is_plain():
        lines = plain_layout(title, headers, [c.justify for c in columns], rows)
        if lines is not None:
            # A few hundred lines a write: the table is never held whole as text.
            for part in batched(lines, 500):
                sys.stdout.write("".join(line + "\n" for line in part))
            return
    con = console()
    con.print(fitted_table(title, columns, headers, rows, styles, width=con.width, lang=lang))
    if not rows:  # at a terminal, a header alone could pass for a listing cut short
        con.print(" " + t("table_empty", lang), style="dim", markup=False, highlight=False)


def fitted_table(
    title: str | None,
    columns: Sequence[Column],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str | None] = (),
    *,
    width: int,
    sections: Sequence[int] = (),
    lang: str = "en",
) -> Table | Group:
    """A rich table of ``rows`` (cells already made :func:`visible`) laid out for a window
    ``width`` cells wide (:func:`fit`), or as blocks where no column layout fits it; plain,
    without it, when stdout is not a terminal.

    ``styles`` styles each row; a row whose index is in ``sections`` starts a new section.
    The columns left out for the window's width (not those empty in every row) are named
    under the table, in ``lang``: a column never goes without a word.
    """
    from rich.text import Text

    plain = is_plain()
    widths = None if plain else fit(columns, headers, rows, width)
    if widths is None and not plain:
        return record_blocks(title, headers, rows, styles)
    table = new_table(title)
    kept = range(len(columns)) if widths is None else [i for i, w in enumerate(widths) if w]
    for i in kept:
        column = columns[i]
        table.add_column(
            headers[i],
            justify=column.justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=plain or (widths is None and not column.wrap),
            ratio=None,
            width=None if widths is None else widths[i],
            max_width=None if plain or widths is not None or not column.wrap else WRAP_MAX,
        )
    for index, row in enumerate(rows):
        if index in sections:
            table.add_section()
        style = styles[index] if index < len(styles) else None
        # Text, not str: a directive's own words are never read as markup ("[/]", ":x:").
        table.add_row(*(Text(row[i]) for i in kept), style=style)
    if widths is not None:
        left_out = [
            " ".join(headers[i].split())
            for i, w in enumerate(widths)
            if not w and any(row[i].strip() for row in rows)
        ]
        if left_out:  # under the table, as wide as the window (a caption is the table's width)
            from rich.console import Group

            from dirtrack.i18n import t

            note = Text(t("table_left_out", lang, columns="; ".join(left_out)), style="muted")
            return Group(table, note)
    return table


def record_blocks(
    title: str | None,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str | None] = (),
) -> Table:
    """The rows as blocks, one under another, each value beside its header: what a window
    too narrow for the columns a table needs shows instead of columns squeezed to a few letters
    each (an import's dry run with its notes at 80 columns). Empty values are left out."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.title, grid.title_justify, grid.title_style = title, "left", "title"
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for index, row in enumerate(rows):
        style = styles[index] if index < len(styles) else None
        if index:
            grid.add_row("", "")
        for header, value in zip(headers, row, strict=True):
            if value:
                grid.add_row(Text(header, style="bold"), Text(value), style=style)
    return grid


# A wrapping column: its text never narrower than this, nor than its longest word up to
# LONG_WORD characters (a longer word, a URL, is folded where it must).
READABLE = 12
LONG_WORD = 20
# The room left after that goes, in turn: to every header, until it takes at most
# HEADER_LINES lines ("Số ngày quá hạn" one word a line is read with difficulty, on two it is
# read at a glance); to the text, up to COMFORTABLE characters a line (six to eight words: a
# line of text counts once per row, a line of header once per table); to the headers, until
# all of them are on one line; to the text again, up to WRAP_MAX.
HEADER_LINES = 2
COMFORTABLE = 40
WRAP_MAX = 60  # a line of text longer than this is hard to read: the rest goes to the others
_WORD = LazyPattern(r"\S+")


def _longest_word(texts: Iterable[str]) -> int:
    return max((cell_width(w) for text in texts for w in _WORD.findall(text)), default=0)


def fit(
    columns: Sequence[Column],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
) -> list[int] | None:
    """The width of each column in a window ``width`` cells wide, 0 for a column left out.

    Every column first gets what it needs: a column that does not wrap, its widest cell (its
    header may wrap between words); a wrapping one, ``min_width`` (at least :data:`READABLE`)
    or its longest word. While that is too wide, the column with the highest ``priority`` (the
    last of equals) is left out; priority 0 always stays, and so does a column ``asked`` for.
    What is left of the window then goes, in this order, to: every header until it takes at
    most :data:`HEADER_LINES` lines (the headers that cost least first, where there is not room
    for all); the wrapping columns, up to :data:`COMFORTABLE`; the headers until they are all
    on one line (where there is room for all); the wrapping columns up to :data:`WRAP_MAX`;
    then to whole lines of text. A column that may go and is empty in every row is left out at
    once. None when even the columns that stay cannot fit: the rows are then shown as blocks
    (:func:`record_blocks`).
    """
    count = len(columns)
    natural = [
        max([_longest_line(headers[i])] + [_longest_line(row[i]) for row in rows])
        for i in range(count)
    ]
    need = []
    for i, column in enumerate(columns):
        cells = [row[i] for row in rows]
        if column.wrap:
            word = min(_longest_word([headers[i], *cells]), column.fold_over or LONG_WORD)
            # Readable: a text of its readable width, a shorter one whole; the header alone
            # may wrap between its words (an empty column asked for with --fields).
            text = max((_longest_line(cell) for cell in cells), default=0)
            readable = min(text, max(column.min_width or READABLE, word))
            need.append(min(natural[i], max(word, readable)))
        else:
            widest = max((_longest_line(cell) for cell in cells), default=0)
            need.append(max(widest, _longest_word([headers[i]]), 1))
    # A column empty in every row that may go (no command in this listing was undone) tells
    # nothing: it gives its room to those that do.
    kept = [
        i
        for i in range(count)
        if columns[i].priority == 0
        or columns[i].asked
        or not rows
        or any(row[i].strip() for row in rows)
    ]

    def total(chosen: list[int]) -> int:
        return sum(need[i] for i in chosen) + 3 * len(chosen) - 1

    while total(kept) > width:
        # A column the user named with --fields is never left out without a word: where the
        # columns asked for cannot all fit, the rows are shown as blocks instead.
        droppable = [i for i in kept if columns[i].priority > 0 and not columns[i].asked]
        if not droppable:
            return None
        kept.remove(max(reversed(droppable), key=lambda i: columns[i].priority))
    widths = [need[i] if i in kept else 0 for i in range(count)]
    spare = width - total(kept)
    wrapping = [i for i in kept if columns[i].wrap]

    def headers_on(lines: int, *, every: bool = False) -> None:
        """Each header on at most ``lines`` lines, the cheapest first, while there is room;
        with ``every``, all of them or none."""
        nonlocal spare
        wanted = {i: _header_width(headers[i], lines) - widths[i] for i in kept}
        if every and sum(cost for cost in wanted.values() if cost > 0) > spare:
            return
        for i in sorted((i for i in kept if wanted[i] > 0), key=lambda i: wanted[i]):
            if wanted[i] > spare:
                break
            widths[i] += wanted[i]
            spare -= wanted[i]

    def text_up_to(most: int) -> None:
        """One cell at a time to the wrapping column furthest from its text, up to ``most``
        (or its need, where that is more)."""
        nonlocal spare
        while spare > 0:
            wanting = [i for i in wrapping if widths[i] < min(natural[i], max(most, need[i]))]
            if not wanting:
                break
            widest = max(wanting, key=lambda i: min(natural[i], WRAP_MAX) - widths[i])
            widths[widest] += 1
            spare -= 1

    headers_on(HEADER_LINES)
    text_up_to(COMFORTABLE)
    headers_on(1, every=True)  # some headers on one line and others on two: still two lines
    text_up_to(WRAP_MAX)
    for i in kept:  # then whole cells of the columns that do not wrap, then whole lines of text
        grow = min(spare, natural[i] - widths[i])
        if grow > 0 and not columns[i].wrap:
            widths[i] += grow
            spare -= grow
    for i in sorted(wrapping, key=lambda i: columns[i].priority):
        grow = min(spare, natural[i] - widths[i])
        if grow > 0:
            widths[i] += grow
            spare -= grow
    return widths


def _header_width(header: str, lines: int) -> int:
    """The narrowest width at which ``header``, wrapped between words, takes at most ``lines``
    lines (a word wider than that width is folded, as rich does)."""
    widest = _longest_line(header)
    for candidate in range(1, widest + 1):
        if _wrapped_lines(header, candidate) <= lines:
            return candidate
    return widest


def _wrapped_lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped between words at ``width`` cells, greedily."""
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0
        for word in paragraph.split():
            size = cell_width(word)
            if used and used + 1 + size <= width:
                used += 1 + size
                continue
            if used:
                count += 1
            folds, used = divmod(size, width)
            if used == 0 and folds:  # a word exactly as wide as the line, or folded evenly
                folds, used = folds - 1, width
            count += folds
    return count


def _longest_line(text: str) -> int:
    return max((cell_width(line) for line in text.split("\n")), default=0)


# What rich would turn into something else than the characters themselves: markup ("[b]"),
# emoji codes (":warning:"), and control characters (line breaks, tabs, escapes).
_MARKUP_OR_CONTROL = LazyPattern(r"[\[\x00-\x1f\x7f-\x9f]")
_EMOJI_CODE = LazyPattern(r":\S*?:")
_CONTROL = LazyPattern(r"[\x00-\x1f\x7f-\x9f]")


def _special(text: str) -> bool:
    """Whether ``text`` holds something rich would not print as it is (see above). Two
    searches, the second only when there is a colon: a class alone is scanned for at C speed,
    where the two patterns as alternatives were tried at every character (two to three times
    slower over the half million characters of the cells of a report at 100,000)."""
    return _MARKUP_OR_CONTROL.search(text) is not None or (
        ":" in text and _EMOJI_CODE.search(text) is not None
    )


def plain_table_lines(
    title: str | None,
    headers: Sequence[str],
    justify: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> list[str] | None:
    """The lines rich prints for a plain table (see :func:`new_table`), written directly.

    As :func:`plain_layout`, the lines in a list.
    """
    lines = plain_layout(title, headers, justify, rows)
    return None if lines is None else list(lines)


def plain_layout(
    title: str | None,
    headers: Sequence[str],
    justify: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> Iterator[str] | None:
    """The lines rich prints for a plain table (see :func:`new_table`), made as they are read.

    Rich measures and renders every cell as a segment: 40 s for the 20,000 rows of ``overdue``
    on a million-directive register. The plain layout is simple (each cell justified to its
    column's width, columns one space apart, the title on its own line), so it is written here,
    character for character as rich would (``tests/test_plain_table.py`` compares the two).
    Returns None, leaving the table to rich, when rich would print anything else: a terminal
    forced by FORCE_COLOR or TTY_COMPATIBLE, or text with markup, emoji codes or control
    characters.
    """
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in headers]
    return plain_columns(title, headers, justify, columns, len(rows))


def plain_columns(
    title: str | None,
    headers: Sequence[str],
    justify: Sequence[str],
    columns: Sequence[Sequence[str]],
    count: int,
) -> Iterator[str] | None:
    """As :func:`plain_layout`, from the table's ``count`` rows given column by column (one
    sequence of cells per header), as the layout reads them."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return None
    if any(side not in ("left", "right") for side in justify):
        return None
    texts = [title or "", *headers]
    if any(_special(text) for text in texts):
        return None
    sizes: dict[str, int] = {}  # units, dates and statuses repeat: measure each text once

    def size(text: str) -> int:
        found = sizes.get(text)
        if found is None:
            found = sizes[text] = len(text) if text.isascii() else cell_width(text)
        return found

    # Each column's cells joined by a space, which no pattern can match across: searched here,
    # and read again below for whether each of their characters takes one cell.
    joined = [" ".join(column) for column in columns]
    if any(_special(text) for text in joined):
        return None
    widths = [size(h) for h in headers]
    # Per column, its cells as they are written: as they are when every character takes one
    # cell (ASCII, and most Vietnamese) and no cell is to be stripped, for str.format to justify
    # at its width; else padded here, column by column.
    laid: list[Sequence[str]] = []
    plain = []
    for i, column in enumerate(columns):
        # rich strips trailing space before justifying right (no cell holds a control
        # character: searched above).
        right = justify[i] == "right"
        trailing = right and _TRAILING_SPACE.search("\x00".join(column) + "\x00") is not None
        if not trailing and (joined[i].isascii() or _one_cell_each(joined[i])):
            widths[i] = max(widths[i], max(map(len, column), default=0))
            plain.append(widths[i] > 0)
            laid.append(column)
            continue
        measured = list(map(size, column))
        width = widths[i] = max(widths[i], max(measured, default=0))
        plain.append(False)
        if right:
            stripped = [cell.rstrip() for cell in column]
            laid.append([" " * (width - size(cell)) + cell for cell in stripped])
        else:
            laid.append(
                [cell + " " * (width - n) for cell, n in zip(column, measured, strict=True)]
            )
    if sum(widths) + len(widths) > 100_000:  # wider than the plain console: rich would shrink
        return None
    return _laid_out(title, headers, justify, laid, count, widths, size, plain)


_TRAILING_SPACE = LazyPattern(r"\s\x00")


def _laid_out(
    title: str | None,
    headers: Sequence[str],
    justify: Sequence[str],
    laid: Sequence[Sequence[str]],
    count: int,
    widths: Sequence[int],
    size: Callable[[str], int],
    plain: Sequence[bool],
) -> Iterator[str]:
    if title:
        yield title
    yield _line(headers, justify, widths, size)
    # Each row by one str.format: the plain columns justified by it at their width, the others
    # as they were padded.
    fields = []
    for i, (width, side, fast) in enumerate(zip(widths, justify, plain, strict=True)):
        mark = ">" if side == "right" else "<"
        fields.append(f"{{{i}:{mark}{width}}}" if fast else f"{{{i}}}")
    line = " ".join(fields).format
    for cells in zip(*laid, strict=True) if laid else [()] * count:
        yield line(*cells)


def _line(
    cells: Sequence[str], justify: Sequence[str], widths: Sequence[int], size: Callable[[str], int]
) -> str:
    parts = []
    for cell, width, side in zip(cells, widths, justify, strict=True):
        if side == "right":  # rich strips trailing space before justifying right
            cell = cell.rstrip()
            parts.append(" " * (width - size(cell)) + cell)
        else:
            parts.append(cell + " " * (width - size(cell)))
    return " ".join(parts)


# Code points rich measures one cell wide, learnt as they are met: str.translate drops them
# all at once, so a line of Vietnamese is measured at C speed (rich's cell_len adds up its
# characters one by one in Python, outside the few ranges it knows to be narrow).
_NARROW: dict[int, None] = {}


def _narrow() -> dict[int, None]:
    """:data:`_NARROW`, holding from its first use the printable ASCII characters rich measures
    one cell wide: a column of Vietnamese is mostly those, and each character not learnt yet
    costs ``str.translate`` a failed lookup, an exception raised and cleared, each time it is
    met (the report at 100,000: 43,000 of them, 17,000 with ASCII known from the start)."""
    if not _NARROW:
        from rich.cells import get_character_cell_size

        for code in range(0x20, 0x7F):
            if get_character_cell_size(chr(code)) == 1:
                _NARROW[code] = None
    return _NARROW


def cell_width(text: str) -> int:
    """The cells ``text`` takes in a terminal: exactly :func:`rich.cells.cell_len`."""
    from rich.cells import cell_len, get_character_cell_size

    rest = text.translate(_narrow())
    if not rest:
        return len(text)
    if "\u200d" in rest or "\ufe0f" in rest:  # joiners and emoji selectors: rich's rules
        return cell_len(text)
    width = len(text)
    for character in rest:
        size = get_character_cell_size(character)
        if size == 1:
            _NARROW[ord(character)] = None
        width += size - 1
    return width


def _one_cell_each(joined: str) -> bool:
    """Whether every character of ``joined`` (cells joined by a space) takes one cell, as rich
    measures it: then each cell is as wide as it is long. The characters not met before are
    learnt as :func:`cell_width` learns them; the whole column is read by one translate."""
    rest = joined.translate(_narrow())
    if not rest:
        return True
    from rich.cells import get_character_cell_size

    for character in set(rest):
        if get_character_cell_size(character) == 1:
            _NARROW[ord(character)] = None
    return not rest.translate(_NARROW)


def batched(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    found = iter(items)
    while block := list(islice(found, size)):
        yield block


def print_lines(lines: Sequence[str], *, style: str | None = None) -> None:
    con = console()
    for line in lines:
        con.print(visible(line), style=style, markup=False)


def _plain_lines(item: object) -> list[str] | None:
    """The lines of a plain table or a one-line text written directly, as rich would print
    them; None when only rich can say (see :func:`plain_table_lines`)."""
    from rich.table import Table
    from rich.text import Text

    if isinstance(item, Text):  # not markup: only control characters need rich
        return None if _CONTROL.search(item.plain) or item.end != "\n" else [item.plain]
    if not isinstance(item, Table):
        return None
    plain_layout = (
        item.box is None
        and not item.show_edge
        and not item.pad_edge
        and item.collapse_padding
        and item.show_header
        and not item.show_footer
        and not item.show_lines
        and not item.expand
        and item.padding == (0, 1, 0, 1)
        and item.width is None
        and item.min_width is None
        and item.leading == 0
        and item.caption is None
        and item.title_justify == "left"
        and (item.title is None or isinstance(item.title, str))
    )
    if not plain_layout:
        return None
    headers, justify, columns = [], [], []
    for column in item.columns:
        cells = list(column.cells)
        if not (
            isinstance(column.header, str)
            and column.no_wrap
            and column.width is None
            and column.min_width is None
            and column.max_width is None
            and column.ratio is None
            and column.vertical == "top"
            and all(isinstance(cell, str) for cell in cells)
        ):
            return None
        headers.append(column.header)
        justify.append(column.justify)
        columns.append(cells)
    rows = [list(row) for row in zip(*columns, strict=True)] if columns else []
    return plain_table_lines(item.title, headers, justify, rows)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PlainLines:
    """A table laid out by :func:`plain_layout`: its lines are written as they are made."""

    lines: Iterable[str]


def print_renderables(items: Iterable[object]) -> None:
    """Write tables and lines exactly as rich would; what came from data or arguments must
    have been through :func:`~dirtrack.render.visible` already (the callers do it)."""
    con: Console | None = None
    fast = is_plain()
    for item in items:
        if isinstance(item, PlainLines):
            for block in batched(item.lines, 1000):  # never empty
                sys.stdout.write("\n".join(block) + "\n")
            continue
        lines = _plain_lines(item) if fast else None
        if lines is not None:
            sys.stdout.write("".join(line + "\n" for line in lines))
            continue
        con = con or console()
        con.print(item)
