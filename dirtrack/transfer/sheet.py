"""Reading a worksheet or a CSV file as numbered rows of cell values.

Excel: every worksheet of the workbook, in order (the active one first), with the cached
values of formulas, real dates as ``datetime``, numbers shown as percentages as :class:`Pct`,
and every cell of a merged range holding the value of its top-left cell (``merged`` tells which
range a cell belongs to, so that a heading merged across the table can be told from data).

CSV: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text") or without it (told by
the NUL in every other byte), else Windows-1258 (the ANSI code page of Vietnamese Windows);
comma, semicolon or tab separated, whichever the header row reads best with. Rows stream, so a
large file is never held whole as Python objects.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html import unescape
from pathlib import Path
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.inputs import LEGACY_ENCODING, damaged_utf8, has_control, refused_input, utf16_order
from dirtrack.text import legacy_font
from dirtrack.transfer.values import Boolean, NoDay, Pct, Value

Row = tuple[int, list[Value]]


@dataclass
class Sheet:
    """One table to read: its name (None for CSV), its rows and its merged cells."""

    name: str | None
    rows: Iterator[Row]
    merged: dict[tuple[int, int], int] = field(default_factory=dict)
    delimiter: str | None = None
    hidden: frozenset[int] = frozenset()  # 0-based columns hidden in the workbook
    hidden_rows: frozenset[int] = frozenset()  # 1-based rows hidden in the workbook
    hidden_sheet: bool = False  # the worksheet's tab is hidden
    # 1-based row -> the colour filling a cell of it (none for CSV): offices mark a row's
    # status by colour, which the import cannot read and must not pass over
    fills: dict[int, str] = field(default_factory=dict)
    # 1-based row -> its 0-based columns whose value is struck through (offices cross out a
    # directive withdrawn), and (1-based row, 0-based column) -> a comment on that cell: neither
    # is read, and the import must not pass over them in silence
    struck: dict[int, set[int]] = field(default_factory=dict)
    comments: dict[tuple[int, int], str] = field(default_factory=dict)
    # A cell of its first rows typed in the TCVN3 (ABC) font, when no header was found for it
    legacy_font: tuple[str, str] | None = None  # the font, and a cell typed in it
    # (1-based row, 0-based column) -> the reference and formula of a cell holding a formula
    # whose value was never saved: refused when read (:func:`unsaved_cell`)
    unsaved: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)

    def merge_of(self, row: int, col: int) -> int | None:
        """The id of the merged range holding the cell (1-based row, 0-based column)."""
        return self.merged.get((row, col))


@functools.cache
def _date_format(number_format: str) -> tuple[bool, bool]:
    """Whether ``number_format`` shows a number as a date (or time), and as a duration."""
    from openpyxl.styles.numbers import is_date_format, is_timedelta_format

    return is_date_format(number_format), is_timedelta_format(number_format)


def _as_date(value: float, cell: Any) -> Any:
    """A number in a date format as openpyxl reads it (a datetime, a time of day, a duration),
    or :class:`NoDay` for one past Excel's last day, which openpyxl would make ``#VALUE!``,
    the same as a formula's error (:func:`_load_workbook` leaves the numbers as they are)."""
    from openpyxl.utils.datetime import from_excel

    dated, duration = _date_format(str(cell.number_format or ""))
    if not dated:
        return value
    if not duration and 60 <= value < 61 and cell.parent.parent.epoch != _EPOCH_1904:
        # Excel's day 60, which it shows as 29/02/1900 (Lotus 1-2-3's leap year), where
        # openpyxl gives 28/02/1900: the text Excel shows, which no column reads as a day
        return "29/02/1900"
    try:
        return from_excel(value, cell.parent.parent.epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return NoDay(value)


def shows_percent(number_format: str) -> bool:
    """Whether a number cell of ``number_format`` shows its number as a percentage (``0%``,
    ``0.0%``): 0.7 shows as 70%, and 1 as 100% (a ``%`` in quotes or escaped is a sign
    written after the number, not a percentage)."""
    return "%" in number_format.replace('"%"', "").replace("\\%", "")


_EPOCH_1904 = datetime(1904, 1, 1)


def _cell_value(cell: Any) -> Value:
    value = cell.value
    if cell.data_type == "e" and isinstance(value, str):
        from dirtrack.transfer.values import cell_error

        return cell_error(value)  # an error cell: not a text that reads "#N/A"
    if isinstance(value, str) and value[:1] == "'":
        from dirtrack.render.formulas import from_sheet_cell

        return from_sheet_cell(value)  # the apostrophe the export added (formulas.sheet_text)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = _as_date(value, cell)
    if isinstance(value, str) and cell.parent.parent.epoch == _EPOCH_1904:
        from dirtrack.transfer.values import Text1904, serial_text

        return Text1904(value) if serial_text(value) else value  # as a number of its, below
    if value is None or isinstance(value, str | datetime | date | NoDay):
        return value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return Boolean("x" if value else "")
    if isinstance(value, int | float):
        if shows_percent(str(cell.number_format or "")):
            return Pct(float(value) * 100)
        if cell.parent.parent.epoch == _EPOCH_1904:
            from dirtrack.transfer.values import Float1904, Int1904

            # a day pasted as its number into a workbook dated from 1904: 44000 is 19/6/2024
            # there, 18/6/2020 in any other (a deadline four years early, said nowhere)
            return Int1904(value) if isinstance(value, int) else Float1904(value)
        return value
    return str(value)


# A merged range costs openpyxl one object per cell it covers: A100:XFD1048576 is 17 billion.
# Ranges are clipped to the cells that hold data (the sheet's real extent) before the workbook is
# loaded, so the memory is that of the data, whatever the ranges say; this many merged cells in a
# sheet are worth that look.
MERGED_CELLS_WORTH_CLIPPING = 100_000
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"[^>]*?/>')
_MERGE_COUNT = re.compile(rb'(<(?:\w+:)?mergeCells\b[^>]*?\bcount=")(\d+)(")')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')


def _span_of(ref: str) -> tuple[int, int, int, int] | None:
    """(min_col, min_row, max_col, max_row) of ``A1:C3``; None if it cannot be read."""
    from openpyxl.utils.cell import range_boundaries

    try:
        bounds = range_boundaries(ref)
    except (ValueError, TypeError):
        return None
    if None in bounds:
        return None
    return bounds  # type: ignore[return-value]


def _data_extent(xml: bytes) -> tuple[int, int] | None:
    """The last row and column of a cell with content; None when a cell has no reference."""
    from openpyxl.utils.cell import column_index_from_string

    last_row = last_col = 0
    for cell in _CELL.finditer(xml):
        ref = _CELL_REF.search(cell[1])
        if ref is None:
            return None
        if cell[2]:  # <c r="B5" s="1"/>: a styled cell without a value
            continue
        last_row = max(last_row, int(ref[2]))
        last_col = max(last_col, column_index_from_string(ref[1].decode()))
    return last_row, last_col


def _clip_merges(xml: bytes, name: str) -> bytes | None:
    """The sheet's XML with its merged ranges clipped to its data; None if nothing to clip."""
    refs = [_span_of(m.decode("ascii", "replace")) for m in _MERGE_CELL.findall(xml)]
    covered = sum((b[2] - b[0] + 1) * (b[3] - b[1] + 1) for b in refs if b is not None)
    if covered <= MERGED_CELLS_WORTH_CLIPPING:
        return None
    extent = _data_extent(xml)
    if extent is None:
        raise InvalidInput.of("sheet_merges_too_large", sheet=name, n=covered)
    last_row, last_col = extent
    kept = 0

    def clipped(match: re.Match[bytes]) -> bytes:
        nonlocal kept
        bounds = _span_of(match[1].decode("ascii", "replace"))
        if bounds is None:
            return b""
        min_col, min_row, max_col, max_row = bounds
        max_col, max_row = min(max_col, last_col), min(max_row, last_row)
        if min_col > max_col or min_row > max_row or (min_col, min_row) == (max_col, max_row):
            return b""  # nothing of it holds data, or one cell: no merge left
        from openpyxl.utils.cell import get_column_letter

        kept += 1
        ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
        return b'<mergeCell ref="' + ref.encode() + b'"/>'

    xml = _MERGE_CELL.sub(clipped, xml)
    return _MERGE_COUNT.sub(lambda m: m[1] + str(kept).encode() + m[3], xml)


# openpyxl makes an object of every cell and row a sheet holds, a value or only a format: a
# sheet formatted down to its millionth row (a fill or a border over whole columns) took 20
# seconds and 1.7 GB to read for one row of data. Cells without a value and the rows left
# without a cell are dropped from the XML before it is loaded when a sheet has this many:
# they hold nothing the import reads (a hidden row of no cells holds no directive).
EMPTY_PARTS_WORTH_DROPPING = 100_000
_EMPTY_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*/>")
_EMPTY_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*/>|<(?:\w+:)?row\b[^>]*>\s*</(?:\w+:)?row>")


def _drop_empty(xml: bytes) -> bytes | None:
    """The sheet's XML without its empty cells and rows (see above); None if not worth it."""
    found = itertools.chain(_EMPTY_CELL.finditer(xml), _EMPTY_ROW.finditer(xml))
    if next(itertools.islice(found, EMPTY_PARTS_WORTH_DROPPING, None), None) is None:
        return None
    out = io.BytesIO()  # a piece at a time, ending at a row's end: re.sub holds every piece
    start = 0
    while start < len(xml):
        end = xml.find(b"</row>", start + (1 << 20))
        end = len(xml) if end < 0 else end + len(b"</row>")
        piece = xml[start:end]
        out.write(_EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", piece)))
        start = end
    return out.getvalue()


def _with_clipped_merges(path: Path) -> io.BytesIO | None:
    """The workbook with its merged ranges clipped and its empty cells dropped (see above), or
    None when no sheet needs it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as book:
            entries = book.infolist()
            changed: dict[str, bytes] = {}
            for entry in entries:
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    xml = book.read(entry)
                    name = entry.filename.rsplit("/", 1)[-1]
                    new = _clip_merges(xml, name) if b"mergeCell" in xml else None
                    new = _drop_empty(new or xml) or new
                    if new is not None:
                        changed[entry.filename] = new
            if not changed:
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for entry in entries:
                    copy.writestr(entry, changed.get(entry.filename) or book.read(entry))
    except zip_faults():
        return None  # openpyxl says what is wrong with it
    out.seek(0)
    return out


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_START = re.compile(rb"<(?:\w+:)?c\s")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_VALUE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<")
_TEXT_TYPE = re.compile(rb'\bt="str"')


def _unsaved_formulas(xml: bytes) -> Iterator[tuple[str, str]]:
    """Each cell of a sheet's XML holding a formula without a saved value (its reference,
    ``E2``), and its formula: a workbook written by a program (not saved by a spreadsheet) has
    no values for its formulas, and openpyxl reads such a cell as empty, so a deadline
    ``=DATE(2022,6,30)`` would come in as no deadline at all. (A formula whose value is the
    empty text, ``t="str"``, has one.)"""
    for found in _FORMULA.finditer(xml):
        at = found.start()
        start = xml.rfind(b"<c ", max(0, at - 4096), at)  # the cell's start, searched back
        if start < 0:  # a prefixed <x:c …>
            starts = [m.start() for m in _CELL_START.finditer(xml, max(0, at - 4096), at)]
            start = starts[-1] if starts else -1
        end = _CELL_END.search(xml, at)
        if start < 0 or end is None:
            continue
        cell = xml[start : end.start()]
        value = _VALUE.search(cell)
        if value is None or (not value[1] and _TEXT_TYPE.search(cell.split(b">", 1)[0]) is None):
            ref = _CELL_REF.search(cell)
            formula = re.search(rb"<(?:\w+:)?f[^>]*>([^<]*)<", cell)
            # html.unescape: XML's five entities and its character references (&#272;), which
            # openpyxl and other writers use for text outside ASCII, as the sheet shows them
            shown = unescape(formula[1].decode("utf-8", "replace")) if formula else ""
            yield (ref[1] + ref[2]).decode() if ref else "?", shown


def _unsaved_formula(xml: bytes) -> tuple[str, str] | None:
    """The first cell of :func:`_unsaved_formulas`, or None."""
    return next(_unsaved_formulas(xml), None)


# Per worksheet (by the name its tab shows): (1-based row, 0-based column) -> the reference
# and formula of each of its cells holding a formula whose value was never saved.
Unsaved = dict[str, dict[tuple[int, int], tuple[str, str]]]


# A sheet's XML packs to about a tenth of its size. A part that unpacks to more than this many
# times its packed size, once past what any part needs, is a zip bomb (Apache POI's rule and
# ratio), and a workbook unpacking to more than this in all is more than a sheet of a million
# directives: either is refused from the zip's directory, before a byte is unpacked (a part
# never unpacks past the size the directory gives it: the zip module stops there).
_MAX_INFLATE_RATIO = 100
_INFLATE_GRACE = 10 * 1024 * 1024
_MAX_UNPACKED = 1024 * 1024 * 1024


def _check_sizes(path: Path, entries: list[Any]) -> None:
    if not entries:
        return
    largest = max(entries, key=lambda entry: entry.file_size)
    bomb = next(
        (
            entry
            for entry in entries
            if entry.file_size > _INFLATE_GRACE
            and entry.file_size > _MAX_INFLATE_RATIO * max(1, entry.compress_size)
        ),
        None,
    )
    if bomb is None and sum(entry.file_size for entry in entries) <= _MAX_UNPACKED:
        return
    part = bomb or largest
    raise InvalidInput.of(
        "workbook_too_large",
        path=path,
        part=part.filename,
        size=round(part.file_size / 1024**2),
        ratio=part.file_size // max(1, part.compress_size),
    )


def check_workbook(path: Path, *, formulas: bool = True) -> Unsaved:
    """Refuse a zip bomb named .xlsx (see above) and, with ``formulas``, a workbook whose
    formulas have no saved values, naming the first such cell: the first look at a workbook,
    before openpyxl reads it. Without ``formulas``, those cells are returned instead, for the
    reader to refuse only a cell it reads (:func:`unsaved_cell`).

    Raises:
        InvalidInput: ``workbook_too_large``, ``sheet_formula_unsaved``.
    """
    import zipfile

    from openpyxl.utils.cell import column_index_from_string

    unsaved: Unsaved = {}
    try:
        with zipfile.ZipFile(path) as book:
            _check_sizes(path, book.infolist())
            _check_sheet_parts(path, book)
            for entry in book.infolist():
                name = entry.filename
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                xml = book.read(entry)
                if not formulas:
                    cells = list(_unsaved_formulas(xml)) if _FORMULA.search(xml) else []
                    title = _sheet_names(book).get(name)
                    for ref, formula in cells:
                        where = _REF.fullmatch(ref)
                        if title is not None and where is not None:
                            key = (int(where[2]), column_index_from_string(where[1]) - 1)
                            unsaved.setdefault(title, {})[key] = (ref, formula)
                    continue
                found = _unsaved_formula(xml) if _FORMULA.search(xml) else None
                if found is not None:
                    cell, formula = found
                    raise InvalidInput.of(
                        "sheet_formula_unsaved",
                        path=path,
                        sheet=_sheet_titles(book).get(name) or name.rsplit("/", 1)[-1],
                        cell=cell,
                        formula="=" + formula,
                    )
    except zip_faults():
        pass  # openpyxl says what is wrong with it
    return unsaved


def _check_sheet_parts(path: Path, book: Any) -> None:
    """Refuse a workbook that names a sheet whose part is not in its zip: openpyxl passes over
    such a sheet without a word (one of two read alone, ``--sheet`` naming it 'no sheet', none
    left 'its only sheets are charts ()').

    Raises:
        InvalidInput: ``workbook_sheet_missing``, naming the first such sheet.
    """
    held = {name.lower() for name in book.namelist()}
    for part, title in _sheet_names(book).items():
        if part.lower() not in held:
            raise InvalidInput.of("workbook_sheet_missing", path=path, sheet=title, part=part)


_REF = re.compile(r"([A-Z]{1,3})(\d+)")


def unsaved_cell(path: Path, sheet: Sheet, row: int, columns: Iterable[int]) -> None:
    """Refuse row ``row`` of ``sheet`` when a cell of it the reader reads (of ``columns``,
    0-based) holds a formula whose value was never saved (:func:`check_workbook`), naming it:
    read as empty, a deadline would come in as none. A cell of a column not read is no matter.

    Raises:
        InvalidInput: ``sheet_formula_unsaved``.
    """
    for column in columns:
        found = sheet.unsaved.get((row, column))
        if found is not None:
            raise InvalidInput.of(
                "sheet_formula_unsaved",
                path=path,
                sheet=repr(sheet.name),
                cell=found[0],
                formula="=" + found[1],
            )


def _sheet_titles(book: Any) -> dict[str, str]:
    """Each worksheet's part in the workbook's zip and its name quoted (``'Chủ trì'``), as
    :func:`_sheet_names`."""
    return {part: repr(name) for part, name in _sheet_names(book).items()}


def _sheet_names(book: Any) -> dict[str, str]:
    """Each worksheet's part in the workbook's zip (``xl/worksheets/sheet2.xml``) and the name
    its tab shows (``Chủ trì``), as the workbook and its relationships say; none that they do
    not."""
    import posixpath
    from xml.etree import ElementTree

    try:
        sheets = ElementTree.fromstring(book.read("xl/workbook.xml"))
        links = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {}
    for link in links:
        target = link.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[link.get("Id")] = posixpath.normpath(part)
    titles: dict[str, str] = {}
    for sheet in sheets.iter():
        if sheet.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        ident = next((v for k, v in sheet.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
        name = sheet.get("name")
        if ident in targets and name:
            titles[targets[ident]] = name
    return titles


def _load_workbook(source: Any) -> Any:
    """``openpyxl.load_workbook(source, data_only=True)``, but a chart sheet openpyxl cannot
    read (one without a drawing fails with an AttributeError, after the sheet was added) is
    kept as an empty chart sheet: its charts are never read, and a workbook's tables must not
    be refused for it."""
    from openpyxl.reader.excel import ExcelReader

    class Reader(ExcelReader):
        def read_chartsheet(self, sheet: Any, rel: Any) -> None:
            try:
                super().read_chartsheet(sheet, rel)
            except Exception:
                if sheet.name not in self.wb.sheetnames:
                    self.wb.create_chartsheet(sheet.name)

        def read_worksheets(self) -> None:
            # Numbers in a date format are read as numbers and made dates by _cell_value:
            # openpyxl makes one past 31/12/9999 "#VALUE!", a formula's error.
            book: Any = self.wb
            dates, book._date_formats = book._date_formats, set()
            try:
                super().read_worksheets()
            finally:
                book._date_formats = dates

    if isinstance(source, str | Path):
        # opened here, and closed here whatever happens (the one place the file is closed):
        # openpyxl closes its archive only once it has read it all, and a damaged part left
        # the file open, held by the traceback's frames, until the garbage collector found it
        # (a ResourceWarning in whatever ran then). Any other source is in memory.
        with open(source, "rb") as handle:
            return _load_workbook(handle)
    reader = Reader(source, read_only=False, keep_vba=False, data_only=True, keep_links=True)
    reader.read()
    return reader.wb


def zip_faults() -> tuple[type[BaseException], ...]:
    """What reading a damaged zip raises: its directory (BadZipFile), a part it names that is
    not there (KeyError), a part whose packed bytes are damaged (zlib.error, or EOFError where
    they end early; both were 'unexpected error' where openpyxl says the workbook is damaged)."""
    import zipfile
    import zlib

    return (zipfile.BadZipFile, OSError, KeyError, zlib.error, EOFError)


# The names openpyxl opens a path by; a workbook named otherwise is handed to it as bytes.
_OPENPYXL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})


def _package_fault(exc: Exception) -> Phrase:
    """What is wrong with a workbook openpyxl cannot open, in the catalog's words: the
    library's own are English (``not well-formed (invalid token): line 1, column 1060``,
    ``There is no item named 'xl/workbook.xml' in the archive``, ``list index out of range``
    for a shared string that is not there); the exception's name stays beside it."""
    from xml.etree.ElementTree import ParseError

    from lxml.etree import XMLSyntaxError

    if isinstance(exc, ParseError | XMLSyntaxError):
        return Phrase("w_xml_damaged")
    missing = re.search(r"no item named '([^']*)'", str(exc)) if isinstance(exc, KeyError) else None
    if missing is not None:
        return Phrase("w_part_missing", part=missing[1])
    return Phrase("w_damaged")


def open_workbook(path: Path) -> tuple[Any, Unsaved]:
    """The workbook openpyxl reads, and its cells holding a formula whose value was never
    saved, per worksheet (refused only where read: :func:`unsaved_cell`)."""
    unsaved = check_workbook(path, formulas=False)
    try:
        # openpyxl warns on stderr of what it reads its own way (a data validation or an
        # extension it drops): the rows themselves say what is wrong, and the rule is one Error
        # line, so its warnings are not let through.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Not read-only: merged cells are only known to a fully loaded sheet.
            source = _with_clipped_merges(path)
            if source is None and path.suffix.lower() not in _OPENPYXL_SUFFIXES:
                # a workbook named otherwise (openpyxl goes by the name): read by its content
                source = io.BytesIO(path.read_bytes())
            return _load_workbook(source or path), unsaved
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        detail = _package_fault(exc)
        raise InvalidInput.of(
            "unreadable_workbook", path=path, kind=type(exc).__name__, detail=detail
        ) from None


# ``--sheet all``: every worksheet holding a table of directives (folded words).
ALL_SHEETS = frozenset({"all", "tat ca", "*"})


def reads_all(wanted: Sequence[str]) -> bool:
    """Whether ``--sheet`` asks for every sheet (``all``, ``tất cả``, ``*``)."""
    from dirtrack.text import fold

    return len(wanted) == 1 and fold(wanted[0]).strip() in ALL_SHEETS


def workbook_sheets(path: Path, wanted: Sequence[str] = ()) -> list[Sheet]:
    """The worksheets to look at: those ``wanted`` names (a name, ignoring case and accents,
    or a 1-based number), in the order given; all of them in the workbook's order for ``all``
    (unless a sheet has that very name); with none wanted, all of them with the active one
    first.

    Raises:
        InvalidInput: the file cannot be read, or has no worksheet of a name ``wanted``.
    """
    return workbook_parts(path, wanted)[0]


def workbook_parts(path: Path, wanted: Sequence[str] = ()) -> tuple[list[Sheet], list[str]]:
    """:func:`workbook_sheets`, and the names of the workbook's chart sheets, which hold no
    table (``--sheet all`` names them among the sheets it passes over).

    Raises:
        InvalidInput: as :func:`workbook_sheets`.
    """
    from dirtrack.text import fold

    book, unsaved = open_workbook(path)
    sheets = list(book.worksheets)
    charts = [s.title for s in book.chartsheets]
    if not sheets:
        names = ", ".join(repr(s) for s in charts)
        raise InvalidInput.of("workbook_charts_only", path=path, sheets=names)
    if reads_all(wanted) and not any(fold(s.title) == fold(wanted[0]) for s in sheets):
        return [_worksheet(ws, unsaved) for ws in sheets], charts
    if wanted:
        chosen: list[Any] = []
        for name in wanted:
            if any(fold(title) == fold(name) for title in charts):
                raise InvalidInput.of("sheet_is_chart", path=path, sheet=name)
            found = [s for s in sheets if fold(s.title) == fold(name)]
            if not found and name.strip().isdigit() and 1 <= int(name) <= len(sheets):
                found = [sheets[int(name) - 1]]
            if not found:
                names = ", ".join(repr(s.title) for s in sheets)
                raise InvalidInput.of("no_sheet", path=path, sheet=name, sheets=names)
            chosen += [s for s in found if s not in chosen]
        sheets = chosen
    elif book.active in sheets:
        sheets.remove(book.active)
        sheets.insert(0, book.active)
    return [_worksheet(ws, unsaved) for ws in sheets], charts


def _held_rows(
    ws: Any, last_row: int, last_col: int, merged_rows: set[int]
) -> Iterator[tuple[int, list[Any]]]:
    """Rows 1 to ``last_row`` of ``ws``, each its cells of columns 1 to ``last_col`` (None where
    the file holds no cell), but of a run of rows the file holds nothing in (no cell, no
    merged range over them) only the first: a row that shows a table's end or a gap between
    two header rows is there as it was, and a stray space in row 1,048,576 is no longer a
    million empty rows made into cells one by one (openpyxl's ``iter_rows`` made 5 million
    cells for a header and that space, and the import took minutes)."""
    held: dict[int, dict[int, Any]] = {}
    for (r, c), cell in ws._cells.items():  # the cells the file holds, no others
        if r <= last_row and c <= last_col:
            held.setdefault(r, {})[c] = cell
    previous = 0
    for r in sorted(held.keys() | {r for r in merged_rows if r <= last_row}):
        if r > previous + 1:
            yield previous + 1, [None] * last_col  # the first row of a gap
        row = held.get(r, {})
        yield r, [row.get(c) for c in range(1, last_col + 1)]
        previous = r


def _extent(ws: Any) -> tuple[int, int]:
    """The last row and column of a cell holding a value or of a merged range (0, 0: none).

    openpyxl's rows run to its ``max_row`` and ``max_column``, which a cell holding only a
    style counts too: one formatted cell at XFD1048576 would make 17 billion cells to read.
    """
    last_row = last_col = 0
    for (row, col), cell in ws._cells.items():  # the cells the file holds, no others
        if cell.value is not None:
            last_row, last_col = max(last_row, row), max(last_col, col)
    for span in ws.merged_cells.ranges:
        last_row, last_col = max(last_row, span.max_row), max(last_col, span.max_col)
    return last_row, last_col


def _worksheet(ws: Any, unsaved: Unsaved) -> Sheet:
    filled: dict[tuple[int, int], Value] = {}
    merged: dict[tuple[int, int], int] = {}
    for number, span in enumerate(ws.merged_cells.ranges, start=1):
        origin = _cell_value(ws.cell(span.min_row, span.min_col))
        for r in range(span.min_row, span.max_row + 1):
            for c in range(span.min_col, span.max_col + 1):
                merged[(r, c - 1)] = number
                if (r, c) != (span.min_row, span.min_col):
                    filled[(r, c - 1)] = origin

    fills: dict[int, str] = {}
    colours: dict[int, str | None] = {}  # fill id -> its colour, None when no colour

    def colour(fill_id: int) -> str | None:
        if fill_id not in colours:
            fill = ws.parent._fills[fill_id]
            rgb = getattr(fill.fgColor, "rgb", None) if fill.patternType == "solid" else None
            theme = getattr(fill.fgColor, "theme", None)
            name = rgb if isinstance(rgb, str) else (f"theme {theme}" if theme is not None else "")
            # white is no mark: offices fill the whole table white
            colours[fill_id] = name if name and name[-6:].upper() != "FFFFFF" else None
        return colours[fill_id]

    # fill 0 is none, 1 the gray125 every workbook holds: a workbook of no others has no colour
    coloured = len(ws.parent._fills) > 2
    struck_fonts = frozenset(n for n, font in enumerate(ws.parent._fonts) if font.strike)
    struck: dict[int, set[int]] = {}

    mine = unsaved.get(ws.title, {})

    def rows() -> Iterator[Row]:
        last_row, last_col = _extent(ws)
        for r, c in mine:  # a formula never saved holds no value, but is a cell read
            last_row, last_col = max(last_row, r), max(last_col, c + 1)
        if not last_row:
            return
        for r, cells in _held_rows(ws, last_row, last_col, {r for r, _ in filled}):
            values = [None if cell is None else _cell_value(cell) for cell in cells]
            for cell in cells if coloured and r not in fills else ():
                style = None if cell is None else cell._style  # None: held without a style
                fill_id = style[1] if style is not None else 0  # StyleArray: fontId, fillId…
                if fill_id > 1:
                    found = colour(fill_id)
                    if found is not None:
                        fills[r] = found
                        break
            for c, cell in enumerate(cells) if struck_fonts else ():
                style = None if cell is None else cell._style
                if style is not None and style[0] in struck_fonts and values[c] not in (None, ""):
                    struck.setdefault(r, set()).add(c)
            if filled:
                for c in range(len(values)):
                    if (r, c) in filled:
                        values[c] = filled[(r, c)]
            yield r, values

    hidden = frozenset(
        c - 1
        for dim in ws.column_dimensions.values()
        if dim.hidden and dim.min and dim.max
        for c in range(dim.min, min(dim.max, 16384) + 1)
    )
    # A row the office hid (often one finished) is still a row of the table: it is read, and
    # the import says which rows were hidden.
    hidden_rows = frozenset(r for r, dim in ws.row_dimensions.items() if dim.hidden)
    return Sheet(
        name=ws.title,
        unsaved=mine,
        rows=rows(),
        merged=merged,
        hidden=hidden,
        hidden_rows=hidden_rows,
        hidden_sheet=ws.sheet_state != "visible",
        fills=fills,
        struck=struck,
        comments={
            (cell.row, cell.column - 1): said
            for cell in ws._cells.values()
            if cell.comment is not None and (said := _comment_words(cell.comment))
        },
    )


_THREADED = re.compile(r"^\[Threaded comment\].*?^\s*Comment:\s*", re.S | re.M)


def _comment_words(comment: Any) -> str:
    """What a comment on a cell says: without the notice Excel writes before a threaded
    comment for older versions, nor the author's name on a line of its own (``Nguyễn Văn
    A:``) that Excel puts above a note."""
    words = _THREADED.sub("", str(comment.text or "")).strip()
    first, _, rest = words.partition("\n")
    if rest.strip() and first.rstrip().endswith(":") and len(first) <= 60:
        words = rest.strip()
    return words


#: How much of a CSV file its encoding is told from (its byte order mark, or the NULs of UTF-16
#: without one).
_ENCODING_HEAD = 4096


def _head_encoding(head: bytes) -> str:
    """The encoding a CSV file's first bytes tell: UTF-8 or UTF-16 by its byte order mark,
    UTF-16 without one by the NUL in every other byte (:func:`dirtrack.inputs.utf16_order`:
    little- or big-endian, as some programs save it), else UTF-8 (checked by the caller)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_order(head) or "utf-8"


def csv_encoding(path: Path) -> str:
    """The encoding to read a CSV file with, checked over the whole file a chunk at a time."""
    try:
        with path.open("rb") as handle:
            encoding = _head_encoding(handle.read(_ENCODING_HEAD))
            handle.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        return encoding
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise InvalidInput.of("not_encoding", path=path, encoding=encoding.upper()) from None
    except OSError as exc:
        raise refused_input(path, exc) from None
    # Not UTF-8: Excel's "CSV (Comma delimited)" on a Vietnamese Windows writes code page 1258;
    # a sheet typed in a legacy font (TCVN3, VNI) is the Latin-1 letters the font draws, so that
    # the header check names the font (layout._legacy_font) instead of finding no header.
    data = path.read_bytes()
    if damaged_utf8(data):
        # UTF-8 with a few bytes wrong (a row pasted in from another encoding), said where, as
        # a text or a draft is (dirtrack.inputs.decode_text): it was "not text in UTF-8 or
        # Windows-1258", the clerk left to search a sheet of thousands of rows
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInput.of("not_utf8_at", name=path, at=exc.start) from None
    head = data[: 1 << 16].decode("latin-1")
    # (a binary file read as Latin-1 may show a font's letters by chance: it is no text at all)
    if b"\x00" not in data and not has_control(head) and legacy_font(head.splitlines()):
        return "latin-1"
    try:
        data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:
        raise InvalidInput.of("not_utf8_or_1258", path=path) from None
    return LEGACY_ENCODING


# A letter, '?', a letter ("N?i dung", "??n v?"): what a program saving Vietnamese in a code
# page without its letters (Windows-1252, "ANSI" on a Western Windows) writes for each.
# A question mark ending a word ("Vì sao?") is punctuation: only one before a letter counts.
# Matched from the first mark of a run, each run read once (possessive): a letter-run before
# the marks, searched for from every position, made a line of 140,000 letters take minutes.
_LOST_LETTER = re.compile(r"(?<!\?)\?++[^\W\d_]++")
# A file in a code page (no UTF-8) with one such word lost it; a UTF-8 file (a file of ASCII
# alone reads as one) holds three or more before it is taken for lost letters, not a link's
# "?id=".
_LOST_ENOUGH = {"cp1258": 1}


def check_letters_kept(path: Path, encoding: str) -> None:
    """Refuse a CSV file whose Vietnamese letters were written as '?' when it was saved: read,
    its text would come in garbled ("Ki?m tra") and its units unknown.

    Raises:
        InvalidInput: ``csv_letters_lost``, naming the first such word and its line.
    """
    found: list[tuple[int, str]] = []
    with path.open(encoding=encoding, newline="") as handle:
        for line, text_line in enumerate(handle, start=1):
            for lost in _LOST_LETTER.finditer(text_line):
                start = lost.start()
                while start and text_line[start - 1].isalpha():  # the word's letters before
                    start -= 1
                found.append((line, text_line[start : lost.end()]))
            if len(found) >= _LOST_ENOUGH.get(encoding, 3):
                line, word = found[0]
                raise InvalidInput.of("csv_letters_lost", path=path.name, line=line, word=word)


MAX_COLUMNS = 16_384
"""Excel's widest sheet (column XFD): a CSV record with more fields is no office's sheet."""


def csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[Row]:
    """The records of a CSV file, numbered from 1 as a spreadsheet shows them.

    A field dirtrack marked as text against formulas (``'=…``) is read back as it was typed.
    """
    from dirtrack.render.formulas import from_csv_field
    from dirtrack.transfer.values import csv_error

    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            for number, values in enumerate(reader, start=1):
                if len(values) > MAX_COLUMNS:
                    # A line of millions of separators would have every one of its cells
                    # matched against the column names, for minutes: no sheet is that wide.
                    raise InvalidInput.of(
                        "csv_too_many_columns",
                        path=path.name,
                        line=reader.line_num,
                        n=len(values),
                        limit=MAX_COLUMNS,
                    )
                yield number, [csv_error(from_csv_field(v) if v[:1] == "'" else v) for v in values]
        except csv.Error as exc:
            # The csv module refuses a field longer than csv.field_size_limit() (128 KiB).
            if "field larger than field limit" in str(exc):
                raise InvalidInput.of(
                    "csv_field_too_long",
                    path=path.name,
                    line=reader.line_num,
                    limit=csv.field_size_limit(),
                ) from None
            raise InvalidInput.of(
                "csv_unreadable", path=path.name, line=reader.line_num, detail=str(exc)
            ) from None


DELIMITERS = (",", ";", "\t")
