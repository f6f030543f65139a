"""The review as an Excel workbook (openpyxl): one sheet per section.

Each sheet has its header in row 1, frozen; dates are real dates, counts are numbers, and a
rate becomes three numeric columns (%, done, due) so a reader can recompute it. The summary
sheet carries a native bar chart of completion by unit. The first sheet says what the report
is: period, cut-off, T and scope.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.render.formulas import XLSX_CELL_LIMIT, CellTooLong, sheet_value
from dirtrack.render.review_doc import DATE, DELTA, INT, PCT, POINTS, RATE, Document, Table

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
LINE_HEIGHT = 15.0  # points: one line of the default font (Calibri 11)


def wrapped_height(cells: list[tuple[Any, float]]) -> float | None:
    """The height (points) a row needs to show its wrapped texts whole, each given with the
    width of its column (in Excel's characters); None when one line does.

    Excel fits a row to its text only as it is typed, and LibreOffice not at all when it
    opens a file: a row left without a height shows one line, its text running over the rows
    under it when printed. Estimated on the generous side (a font wider than Calibri, the
    room lost at the end of each wrapped line): a line too many, never one too few.
    """
    lines = 1
    for value, width in cells:
        if not isinstance(value, str) or not value:
            continue
        room = max(1, int(width) - 2)
        lines = max(lines, sum(max(1, -(-len(part) // room)) for part in value.split("\n")))
    return None if lines == 1 else LINE_HEIGHT * lines


def _expand(table: Table, lang: str) -> tuple[list[str], list[str]]:
    """Headers and per-column kinds, a rate column split into %, done and due."""
    from dirtrack.i18n import t

    headers: list[str] = []
    kinds: list[str] = []
    for header, kind in zip(table.headers, table.kinds, strict=True):
        if kind == RATE:
            headers += [
                f"{header} (%)",
                f"{header}: {t('rv_rate_num', lang)}",
                f"{header}: {t('rv_rate_den', lang)}",
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
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from dirtrack.i18n import t

    lang = document.lang
    date_format = "DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD"
    # Bold in the workbook's own font: a Font without a name printed the header rows and the
    # totals in another typeface (a serif) than the rest of the sheet.
    bold = Font(name=BODY_FONT, size=11, bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(wrap_text=True, vertical="top")
    # A header centred over its column (a number's column is right-aligned, a text's left).
    head = Alignment(wrap_text=True, vertical="center", horizontal="center")
    workbook = Workbook()
    about = workbook.active
    assert about is not None
    used: set[str] = set()
    about.title = _sheet_name(t("rv_sheet_about", lang), used)

    def append(sheet: Any, values: list[Any]) -> None:
        """A row whose text is text, never a formula (see render.formulas)."""
        try:
            sheet.append([sheet_value(sheet, v) for v in values])
        except CellTooLong as exc:
            raise InvalidInput.of(
                "xlsx_text_too_long", sheet=sheet.title, n=exc.length, limit=XLSX_CELL_LIMIT
            ) from None

    append(about, [t("rv_item", lang), t("rv_value", lang)])
    append(about, [t("rv_doc_title", lang), document.title])
    for label, value in document.header:
        append(about, [label, value])
    append(about, ["", document.rate_note])
    for cell in about[1]:
        cell.font, cell.fill = bold, fill
    about.freeze_panes = "A2"
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 90
    for line in about.iter_rows(min_row=2):
        line[1].alignment = wrap
    print_setup(about, document.title, t("rv_sheet_about", lang), lang)
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
        # The header wraps (on three lines at most): a column need not be as wide as its
        # header, or a sheet of rates prints too small to read on one page wide.
        widths = [max([len(w) for w in h.split()] + [-(-len(h) // 3)]) for h in headers]
        for column, kind in enumerate(kinds, start=1):
            letter = get_column_letter(column)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
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
        lines = max(
            -(-len(h) // max(1, min(w + 2, 48) - 1)) for h, w in zip(headers, widths, strict=True)
        )
        sheet.row_dimensions[1].height = 15 * min(lines + 1, 5)  # the wrapped header, whole
        sheet.auto_filter.ref = sheet.dimensions
        print_setup(sheet, document.title, table.title, lang)
        if table.key == "units" and first_total > 0:
            chart_sheet = (sheet, kinds, first_total, t("rv_chart_title", lang))
    if chart_sheet is not None:
        # The chart on a sheet of its own (a page of its own when printed).
        sheet, kinds, rows, title = chart_sheet
        # Last: openpyxl numbers a sheet's print titles by its place among worksheets only.
        charts = workbook.create_chartsheet(_sheet_name(t("rv_sheet_chart", lang), used))
        charts.add_chart(_chart(sheet, kinds, rows, title, BarChart, Reference))
        from openpyxl.worksheet.page import PrintPageSetup

        charts.pageSetup = PrintPageSetup(orientation="landscape", paperSize=9)  # A4
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def print_setup(sheet: Any, document: str, title: str, lang: str) -> None:
    """A4 landscape, one page wide, the header row on every page, title and page numbers."""
    from openpyxl.worksheet.page import PageMargins

    from dirtrack.i18n import t

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.9, bottom=0.7, header=0.3)
    sheet.print_title_rows = "1:1"
    header = sheet.oddHeader
    header.left.size = 9
    header.center.size = 12
    header.center.font = "Times New Roman,Bold"
    header.left.text, header.center.text = "", ""
    codes = len(str(header).replace("&amp;", "&"))  # &L&9 &C&"Times New Roman,Bold"&12
    header.left.text, header.center.text = _header_texts(document, title, HEADER_LIMIT - codes)
    sheet.oddFooter.center.text = (
        t("xlsx_page", lang).replace("{page}", "&P").replace("{pages}", "&N")
    )
    sheet.oddFooter.center.size = 9


# The most characters Excel takes in a print header, its codes (&L, &"font", &12) and its
# three parts together; a longer one makes Excel report the file as damaged.
HEADER_LIMIT = 255


def _header_texts(left: str, center: str, room: int) -> tuple[str, str]:
    """The header's left and centre texts, ``&`` written ``&&`` (a lone one starts a code),
    cut at a whole character so that together they take at most ``room`` characters.

    When both are long each keeps at least half the room; what one leaves the other may use.
    """
    said_left, said_center = _header_text(left), _header_text(center)
    if len(said_left) + len(said_center) <= room:
        return said_left, said_center
    said_center = _header_text(center, max(room - len(said_left), room // 2))
    return _header_text(left, room - len(said_center)), said_center


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
    column = kinds.index(PCT) + 1
    chart = bar()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    data = reference(sheet, min_col=column, min_row=1, max_row=rows + 1)
    labels = reference(sheet, min_col=1, min_row=2, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.x_axis.scaling.orientation = "maxMin"  # the first unit on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    return chart
