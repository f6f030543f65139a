"""The report as an Excel workbook (openpyxl): one sheet per section.

Each sheet has its header in row 1, frozen; dates are real dates, counts are numbers, and a
rate becomes three numeric columns (%, done, due) so a reader can recompute it. The summary
sheet carries a native bar chart of completion by unit. The first sheet says what the report
is: period, cut-off, T and scope.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from functools import lru_cache
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.render.formulas import XLSX_CELL_LIMIT, CellTooLong, sheet_value
from dirtrack.render.report_doc import DATE, DELTA, INT, PCT, POINTS, RATE, Document, Table

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("-", title).strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


BODY_FONT = "Calibri"  # the workbook's default font (openpyxl's), 11 pt
BODY_SIZE = 11
LINE_HEIGHT = 15.0  # points: one line of the default font (Calibri 11)


def body_font(*, size: float = BODY_SIZE, **style: Any) -> Any:
    """A font of the workbook's typeface, bold, italic or coloured as ``style`` says: every
    cell of every workbook dirtrack writes is set in it. A Font without a name printed in
    another typeface (a serif) than the rest of the sheet."""
    from openpyxl.styles import Font

    return Font(name=BODY_FONT, size=size, **style)


# How wide each letter is, in widths of the digit 0 (the unit of Excel's column widths): the
# wider of Calibri's and DejaVu Sans's (LibreOffice's stand-in where Calibri is not installed),
# a little over. A Vietnamese letter is as wide as its letter without marks (ắ as a).
_LETTER_WIDTHS = {
    0.5: " .,;:!|'ijlI",
    0.66: "ftJ()[]-/",
    0.74: 'r"',
    0.87: "csz?",
    1.0: "aegkvxy0123456789–«»",
    1.06: "bdhnopquđ",
    1.12: "EFLPSTYZ",
    1.26: "ABCDHKRVXĐ",
    1.34: "GNOQU",
    1.62: "mw",
    1.8: "MW%&—…",
}
# A line breaks at a space, and after a hyphen or a slash (46-QĐ/TU, a link).
_PIECES = re.compile(r" |[^ /-]*[/-]|[^ /-]+")
_WIDTH_OF = {char: width for width, chars in _LETTER_WIDTHS.items() for char in chars}


def _letter_width(char: str) -> float:
    width = _WIDTH_OF.get(char)
    if width is None:
        base = unicodedata.normalize("NFD", char)[:1]
        width = _WIDTH_OF.get(base, 2.0 if unicodedata.east_asian_width(char) in "WF" else 1.12)
        _WIDTH_OF[char] = width
    return width


@lru_cache(maxsize=1 << 14)
def _piece_width(piece: str) -> float:
    """The width of a piece of a line (a word, a part of a code up to its hyphen): measured
    once a run (a register's texts repeat their words: a province's export measured half a
    million letters one by one)."""
    return sum(map(_letter_width, piece))


def header_width(text: str, *, lines: int) -> int:
    """The narrowest whole width (Excel's characters) of a column in which the bold header
    ``text`` takes at most ``lines`` lines, as :func:`text_lines` counts them."""
    width = max([len(word) for word in text.split()] + [1])
    while text_lines(text, width, bold=True) > lines:
        width += 1
    return width


def text_lines(text: str, width: float, *, size: float = BODY_SIZE, bold: bool = False) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide (Excel's
    unit: the width of a 0 of the workbook's 11 pt font), set at ``size`` pt.

    The lines are broken as Excel and LibreOffice break them, at the spaces (a word longer
    than the line at any letter), with every letter measured on the wide side.
    """
    scale = size / BODY_SIZE * (1.07 if bold else 1.0)
    room = max(1.0, width - 0.5)
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = space = 0.0
        for piece in _PIECES.findall(part):
            if piece == " ":
                space += _letter_width(" ") * scale
                continue
            wide = _piece_width(piece) * scale
            if used and used + space + wide > room:  # the piece starts a new line
                lines += 1
                used = 0.0
            elif used:
                wide += space
            space = 0.0
            while wide > room:  # longer than a line: broken at a letter
                lines += 1
                wide -= room
            used += wide
    return lines


def wrapped_height(
    cells: Sequence[tuple[Any, float]], *, size: float = BODY_SIZE, bold: bool = False
) -> float | None:
    """The height (points) a row needs to show its wrapped texts whole, each given with the
    width of its column (in Excel's characters) and set at ``size`` pt; None when one line of
    the workbook's 11 pt does.

    Excel fits a row to its text only as it is typed, and LibreOffice not at all when it
    opens a file: a row left without a height shows one line, its text running over the rows
    under it when printed. The lines are counted by :func:`text_lines`, each as high as Excel
    sets a line of Calibri (15 pt at 11 pt): never a line too few. (LibreOffice without
    Calibri sets its lines 12.8 pt apart: a cell of many lines keeps some room under them.)
    """
    lines = 1
    for value, width in cells:
        if isinstance(value, str) and value:
            lines = max(lines, text_lines(value, width, size=size, bold=bold))
    if lines == 1 and size <= BODY_SIZE:
        return None
    return LINE_HEIGHT * size / BODY_SIZE * lines


def _expand(table: Table, lang: str) -> tuple[list[str], list[str]]:
    """Headers and per-column kinds, a rate column split into %, done and due."""
    from dirtrack.i18n import t

    headers: list[str] = []
    kinds: list[str] = []
    for header, kind in zip(table.headers, table.kinds, strict=True):
        if kind == RATE:
            headers += [
                f"{header} (%)",
                f"{header}: {t('report_rate_num', lang)}",
                f"{header}: {t('report_rate_den', lang)}",
            ]
            kinds += [PCT, INT, INT]
        else:
            headers.append(header)
            kinds.append(kind)
    return headers, kinds


def _cells(row: list[Any], kinds: list[str]) -> list[Any]:
    cells: list[Any] = []
    for value, kind in zip(row, kinds, strict=True):
        if kind == RATE:
            cells += [value["pct"], value["num"], value["den"]]
        else:
            cells.append(value)
    return cells


def render_xlsx(document: Document) -> bytes:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    from dirtrack.i18n import t

    lang = document.lang
    date_format = "DD/MM/YYYY" if lang == "vi" else "D MMM YYYY"  # as printed_day writes it
    bold = body_font(bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(wrap_text=True, vertical="top")
    # A header centred over its column (a number's column is right-aligned, a text's left).
    head = Alignment(wrap_text=True, vertical="center", horizontal="center")
    workbook = new_workbook(document.title)
    about = workbook.active
    assert about is not None
    used: set[str] = set()
    about.title = _sheet_name(t("report_sheet_about", lang), used)

    def append(sheet: Any, values: list[Any]) -> None:
        """A row whose text is text, never a formula (see render.formulas)."""
        try:
            sheet.append([sheet_value(sheet, v) for v in values])
        except CellTooLong as exc:
            raise InvalidInput.of(
                "xlsx_text_too_long", sheet=sheet.title, n=exc.length, limit=XLSX_CELL_LIMIT
            ) from None

    append(about, [t("report_item", lang), t("report_value", lang)])
    append(about, [t("report_doc_title", lang), document.title])
    for label, value in [*document.header, *document.about]:
        append(about, [label, value])
    append(about, ["", document.rate_note])
    for cell in about[1]:
        cell.font, cell.fill = bold, fill
    about.freeze_panes = "A2"
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 90
    for line in about.iter_rows(min_row=2):
        line[0].alignment, line[1].alignment = Alignment(vertical="top"), wrap
        height = wrapped_height([(line[1].value, about.column_dimensions["B"].width)])
        if height is not None:  # a value of two lines or more, whole above the next row
            about.row_dimensions[line[0].row].height = height
    print_setup(about, document.title, t("report_sheet_about", lang), lang)
    chart_sheet: tuple[Any, list[str], int, str] | None = None

    for table in document.tables():
        if table.sheet is None:
            continue
        sheet = workbook.create_sheet(_sheet_name(table.sheet, used))
        headers, kinds = _expand(table, lang)
        append(sheet, headers)
        for cell in sheet[1]:
            cell.font, cell.fill, cell.alignment = bold, fill, head
        sheet.freeze_panes = "A2"
        first_total = len(table.rows) - table.total_rows
        for index, row in enumerate(table.rows):
            append(sheet, _cells(row, table.kinds))
            if index >= first_total:
                for cell in sheet[sheet.max_row]:
                    cell.font = bold
        if not table.rows:  # the sentence the documents print: a page of a header alone
            append(sheet, [t("none_sentence", lang)])
            sheet["A2"].font = body_font(italic=True)
        # The header wraps (on three lines at most): a column need not be as wide as its
        # header, or a sheet of rates prints too small to read on one page wide. A sheet
        # without rows (nothing to report) has no values to size its columns by: each is as
        # wide as its header on two lines, not 8 characters with the header broken in pieces.
        widths = (
            [max([len(w) for w in h.split()] + [-(-len(h) // 3)]) for h in headers]
            if table.rows
            else [header_width(h, lines=2) for h in headers]
        )
        for column, kind in enumerate(kinds, start=1):
            letter = get_column_letter(column)
            for (cell,) in sheet.iter_rows(
                min_row=2, max_row=1 + len(table.rows), min_col=column, max_col=column
            ):
                if kind == DATE and isinstance(cell.value, date):
                    cell.number_format = date_format
                elif kind in (PCT, POINTS):
                    cell.number_format = "0.00"
                elif kind == DELTA and isinstance(cell.value, int):
                    cell.number_format = "+0;-0;0"
                elif kind == DELTA:
                    cell.number_format = "+0.00;-0.00;0.00"
                elif kind not in (INT,):
                    cell.alignment = wrap
                shown = 10 if kind == DATE else len(str(cell.value or ""))
                widths[column - 1] = max(widths[column - 1], min(shown, 60))
            sheet.column_dimensions[letter].width = max(8, min(widths[column - 1] + 2, 48))
        wrapped = [
            (column, sheet.column_dimensions[get_column_letter(column)].width)
            for column, kind in enumerate(kinds, start=1)
            if kind not in (INT, PCT, DELTA, POINTS)
        ]
        top = Alignment(vertical="top")
        for line in sheet.iter_rows(min_row=2):
            height = wrapped_height([(line[c - 1].value, w) for c, w in wrapped])
            if height is not None:
                sheet.row_dimensions[line[0].row].height = height
                for cell in line:  # numbers and dates at the top, beside the text
                    if not cell.alignment.wrap_text:
                        cell.alignment = top
        height = wrapped_height(
            [
                (h, sheet.column_dimensions[get_column_letter(c)].width)
                for c, h in enumerate(headers, start=1)
            ],
            bold=True,
        )
        sheet.row_dimensions[1].height = height  # the wrapped header, whole
        if table.rows:  # a filter over the sentence would offer it as a value
            sheet.auto_filter.ref = sheet.dimensions
        print_setup(sheet, document.title, table.title, lang)
        if table.key == "units" and first_total > 0:
            chart_sheet = (sheet, kinds, first_total, t("report_chart_title", lang))
    if chart_sheet is not None:
        # The chart on a sheet of its own (a page of its own when printed).
        sheet, kinds, rows, title = chart_sheet
        # Last: openpyxl numbers a sheet's print titles by its place among worksheets only.
        charts = workbook.create_chartsheet(_sheet_name(t("report_sheet_chart", lang), used))
        chart = _chart(sheet, kinds, rows, title, BarChart, Reference)
        charts.add_chart(chart)
        from openpyxl.drawing.xdr import XDRPositiveSize2D
        from openpyxl.worksheet.page import PrintPageSetup

        # openpyxl anchors a chart sheet's chart at no size at all: LibreOffice prints a dot
        # on an empty page. The chart takes the A4 landscape page inside its margins.
        chart.anchor.ext = XDRPositiveSize2D(cx=257 * 36000, cy=170 * 36000)  # EMU, 36000 a mm

        charts.pageSetup = PrintPageSetup(orientation="landscape", paperSize=9)  # A4
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def new_workbook(title: str, *, write_only: bool = False) -> Any:
    """An empty workbook whose File > Properties give its title and dirtrack as its author
    (openpyxl's own: no title, "openpyxl"). ``write_only``: its sheets (none yet) write each
    row to the file as it is appended, instead of holding every cell until the end."""
    from openpyxl import Workbook

    book = Workbook(write_only=write_only)
    book.properties.title = title
    book.properties.creator = book.properties.lastModifiedBy = "dirtrack"
    return book


@contextmanager
def streamed(book: Any) -> Iterator[None]:
    """Around the writing of a ``write_only`` workbook: should it fail before it is saved, its
    sheets' half-written files are closed, so that freeing them reports nothing on stderr
    (openpyxl's writers, left open, each wrote a traceback there) under the one Error: line."""
    try:
        yield
    except BaseException:
        for sheet in book.worksheets:
            with suppress(Exception):
                sheet.close()
        raise


def print_setup(sheet: Any, document: str, title: str, lang: str) -> None:
    """A4 landscape, one page wide, the header row on every page, title and page numbers."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.worksheet import Worksheet

    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4  # a write-only sheet lacks the names
    sheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.9, bottom=0.7, header=0.3)
    sheet.print_title_rows = "1:1"
    # The sheet's title alone in the header: beside the report's title, a long one, centred,
    # ran over it (a narrow sheet prints at full size). The report's title at the foot's left,
    # the page number at its right.
    header = sheet.oddHeader
    header.center.size = 12
    header.center.font = f"{BODY_FONT},Bold"  # the sheet's typeface, as its cells
    header.center.text = ""
    header.center.text = _header_text(title, HEADER_LIMIT - _header_length(header))
    page_footer(sheet, document, lang)


def page_footer(sheet: Any, document: str, lang: str) -> None:
    """The document's title at the foot of each printed page, on the left, and its page
    number (``Trang 1/3``) on the right: the title cut, marked ``…``, where it would run into
    the number (a unit's pack named after a unit of a long name, on a portrait page). Header
    and footer at their own size on every page, not made smaller with a sheet fitted to the
    page's width (a wide sheet's footer printed at a third of its size)."""
    from dirtrack.i18n import t

    sheet.HeaderFooter.scaleWithDoc = False
    footer = sheet.oddFooter
    footer.left.size = footer.right.size = FOOTER_SIZE
    footer.right.text = t("xlsx_page", lang).replace("{page}", "&P").replace("{pages}", "&N")
    footer.left.text = ""
    shown = _cut_to(document, footer_room(sheet, lang), FOOTER_SIZE)
    footer.left.text = _header_text(shown, HEADER_LIMIT - _header_length(footer))


FOOTER_SIZE = 9  # points
DIGIT_CM = 0.197  # the digit 0 of Calibri 11 pt (the unit of _LETTER_WIDTHS), in cm
FOOTER_GAP_CM = 1.0  # between the title and the page number
_A4_CM = {"portrait": 21.0, "landscape": 29.7}


def printed_cm(text: str, size: float) -> float:
    """How wide ``text`` prints at ``size`` pt in the workbook's typeface, on the wide side."""
    return sum(map(_letter_width, text)) * DIGIT_CM * size / BODY_SIZE


def footer_room(sheet: Any, lang: str) -> float:
    """The width (cm) the footer's left part has on the page: the A4 page of the sheet's
    orientation inside its margins, less the page number (``Trang 99/99``) and a gap."""
    from dirtrack.i18n import t

    orientation = "landscape" if sheet.page_setup.orientation == "landscape" else "portrait"
    margins = sheet.page_margins
    inside = _A4_CM[orientation] - float(margins.left + margins.right) * 2.54
    number = t("xlsx_page", lang).replace("{page}", "99").replace("{pages}", "99")
    return inside - printed_cm(number, FOOTER_SIZE) - FOOTER_GAP_CM


def _cut_to(text: str, room: float, size: float) -> str:
    """``text`` whole if it fits ``room`` cm at ``size`` pt, else cut at a word where it can
    be, marked ``…``."""
    if printed_cm(text, size) <= room:
        return text
    kept = text
    while kept and printed_cm(kept + "…", size) > room:
        kept = kept[:-1]
    cut = kept.rstrip()
    word = cut.rsplit(" ", 1)[0] if " " in cut else cut
    if printed_cm(word, size) >= room * 0.8:  # at the last whole word, unless that loses much
        cut = word
    return cut.rstrip(" ,;—-") + "…"


def _header_length(part: Any) -> int:
    """The characters a print header or footer takes in the file, its codes included."""
    return len(str(part).replace("&amp;", "&"))


# The most characters Excel takes in a print header or footer, its codes (&L, &"font", &12)
# and its three parts together; a longer one makes Excel report the file as damaged.
HEADER_LIMIT = 255


def _header_text(text: str, room: int | None = None) -> str:
    """``text`` for a print header, ``&`` doubled; cut to at most ``room`` characters, never
    between the two ``&`` of one, and marked ``…`` when cut."""
    said = text.replace("&", "&&")
    if room is None or len(said) <= room:
        return said
    kept, used = [], 1  # the …
    for char in text:
        width = 2 if char == "&" else 1
        if used + width > room:
            break
        kept.append(char)
        used += width
    return _header_text("".join(kept).rstrip()) + "…" if room > 0 else ""


def _chart(sheet: Any, kinds: list[str], rows: int, title: str, bar: Any, reference: Any) -> Any:
    """A native bar chart of the completion-rate column over the unit rows, in their order."""
    from openpyxl.chart.data_source import NumFmt

    column = kinds.index(PCT) + 1
    chart = bar()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    # whole percents on the axis (0, 10 … 100), not the cells' two decimals (0.00 … 100.00)
    chart.y_axis.numFmt = NumFmt(formatCode="0", sourceLinked=False)
    data = reference(sheet, min_col=column, min_row=1, max_row=rows + 1)
    labels = reference(sheet, min_col=1, min_row=2, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    return chart
