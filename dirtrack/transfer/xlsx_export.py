"""``export --format xlsx``: the office's follow-up sheet, as of a day.

Sheet 1 is the "Bảng theo dõi thực hiện kết luận" layout offices keep (title rows, a header,
a row of column numbers, one row per directive), with the columns ``dirtrack import`` reads
back. Sheet 2 lists the limitations. Text that Excel would take for a formula is written as text,
quote-prefixed, so it never runs (:mod:`dirtrack.render.formulas`). A text longer than an Excel
cell holds is refused, naming the record, never cut: JSON export keeps everything.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase, category_label, status_label
from dirtrack.render.formulas import XLSX_CELL_LIMIT, CellTooLong, set_text
from dirtrack.status import DirectiveFacts, Status
from dirtrack.transfer.base import NoProgress, Progress
from dirtrack.transfer.headers import EXPORT_HEADERS

_DATE_FORMAT = "DD/MM/YYYY"
_COLUMNS = (
    ("stt", 6),
    ("text", 60),
    ("unit", 24),
    ("with", 24),
    ("due", 12),
    ("progress", 28),
    ("result", 28),
    ("completed_on", 12),
    ("product", 18),
    ("meeting", 40),
    ("doc", 14),
    ("meeting_date", 12),
    ("key", 14),
)
_LIMITATION_COLUMNS = {
    "vi": (
        ("STT", 6),
        ("Đơn vị", 24),
        ("Nội dung hạn chế", 60),
        ("Nhóm", 18),
        ("Cuộc họp", 40),
        ("Ngày nêu", 12),
        ("Ngày khắc phục", 14),
        ("Ghi chú", 28),
    ),
    "en": (
        ("No.", 6),
        ("Unit", 24),
        ("Limitation", 60),
        ("Category", 18),
        ("Meeting", 40),
        ("Raised on", 12),
        ("Resolved on", 14),
        ("Note", 28),
    ),
}
_TITLES = {
    "vi": (
        "BẢNG THEO DÕI TÌNH HÌNH THỰC HIỆN KẾT LUẬN, CHỈ ĐẠO",
        "(Số liệu tính đến ngày {day})",
        "Nhiệm vụ",
        "HẠN CHẾ, TỒN TẠI CỦA CÁC ĐƠN VỊ",
        "Hạn chế",
    ),
    "en": (
        "DIRECTIVE FOLLOW-UP SHEET",
        "(as of {day})",
        "Directives",
        "LIMITATIONS FOUND IN UNITS",
        "Limitations",
    ),
}


def _put(ws: Any, row: int, col: int, value: Any, *, style: str | None = None) -> Any:
    """Write one cell; text is always text, never a formula (nor cut: CellTooLong)."""
    cell = ws.cell(row=row, column=col)
    if style is not None:
        cell.style = style  # first: a named style brings its own number format
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = _DATE_FORMAT
            # centred, as the report's dates: at the right (a number's place) a day ran into
            # the text of the next column
            from openpyxl.styles import Alignment

            cell.alignment = Alignment(horizontal="center", vertical=cell.alignment.vertical)
    return cell


def _put_row(
    ws: Any, row: int, values: Sequence[Any], what: str, ident: object, widths: Sequence[float]
) -> None:
    """One record's row, as tall as its wrapped texts (in columns ``widths`` wide); a text too
    long for a cell is an error naming the record."""
    from dirtrack.render.xlsx_out import wrapped_height

    for col, value in enumerate(values, start=1):
        try:
            _put(ws, row, col, value, style="dt_body")
        except CellTooLong as exc:
            field = ws.cell(row=4, column=col).value
            raise InvalidInput.of(
                "xlsx_cell_too_long",
                what=Phrase(f"w_{what}"),
                ident=ident,
                field=field,
                n=exc.length,
                limit=XLSX_CELL_LIMIT,
            ) from None
    height = wrapped_height(list(zip(values, widths, strict=True)))
    if height is not None:  # the texts whole: LibreOffice fits no row itself
        ws.row_dimensions[row].height = height


def _styles(book: Any) -> None:
    from openpyxl.styles import Alignment, Border, NamedStyle, PatternFill, Side

    from dirtrack.render.xlsx_out import body_font

    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header = NamedStyle(name="dt_header")
    header.font = body_font(bold=True)
    header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header.fill = PatternFill("solid", fgColor="DDE4EE")
    header.border = border
    body = NamedStyle(name="dt_body")
    body.alignment = Alignment(vertical="top", wrap_text=True)
    body.font = body_font()
    body.border = border
    number = NamedStyle(name="dt_number")
    number.alignment = Alignment(horizontal="center", vertical="top")
    number.border = border
    number.font = body_font(italic=True)
    for style in (header, body, number):
        book.add_named_style(style)


def _titles(ws: Any, width: int, title: str, subtitle: str) -> None:
    from openpyxl.styles import Alignment

    from dirtrack.render.xlsx_out import body_font

    for row, value, font in (
        (1, title, body_font(bold=True, size=13)),
        (2, subtitle, body_font(italic=True)),
    ):
        cell = _put(ws, row, 1, value)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _header(
    ws: Any, row: int, headers: Sequence[tuple[str, int]], document: str, lang: str
) -> list[int]:
    """The header row, the column numbers under it and the page set-up of the report's annex
    (A4 landscape, one page wide, the header on every page); returns the column widths."""
    from openpyxl.utils import get_column_letter

    from dirtrack.render.xlsx_out import print_setup, wrapped_height

    for col, (label, width) in enumerate(headers, start=1):
        _put(ws, row, col, label, style="dt_header")
        _put(ws, row + 1, col, f"({col})", style="dt_number")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=row + 2, column=1)
    height = wrapped_height(headers, bold=True)
    if height is not None:
        ws.row_dimensions[row].height = height
    print_setup(ws, document, ws.title, lang)
    ws.print_title_rows = f"{row}:{row + 1}"
    return [width for _, width in headers]


def _result(facts: DirectiveFacts, status: Status, lang: str) -> str:
    label = status_label(status.value, lang)
    if status.is_done and facts.completion_note:
        return f"{label}: {facts.completion_note}"
    on = "ngày" if lang == "vi" else "on"
    if status is Status.CANCELLED and facts.cancelled_on is not None:
        text = f"{label} {on} {facts.cancelled_on.strftime('%d/%m/%Y')}"
        return f"{text}: {facts.cancel_reason}" if facts.cancel_reason else text
    if status is Status.WITHDRAWN and facts.withdrawn_on is not None:
        # with its day, as a cancellation: import reads the row back as one (without the day
        # it was a bad row, and in Vietnamese an open directive with a note)
        return f"{label} {on} {facts.withdrawn_on.strftime('%d/%m/%Y')}"
    return label


def _progress(facts: DirectiveFacts, as_of: date) -> str | None:
    """The last progress entry as of ``as_of``, as a clerk writes it: ``40%: Đã trình``."""
    last = None
    for entry in facts.progress:
        if entry.reported_on <= as_of:
            last = entry
    if last is None:
        return None
    if last.percent is None:
        return last.note
    return f"{last.percent}%: {last.note}" if last.note else f"{last.percent}%"


def export_xlsx(
    session: Session, *, as_of: date, lang: str, progress: Progress | None = None
) -> bytes:
    """The workbook, as bytes."""
    from dirtrack.render.xlsx_out import new_workbook
    from dirtrack.store.directives import DirectiveFilter, iter_facts
    from dirtrack.store.limitations import list_limitations
    from dirtrack.store.meetings import list_meetings
    from dirtrack.store.units import UnitIndex

    progress = progress or NoProgress()
    lang = lang if lang in _TITLES else "en"
    title, subtitle, sheet_name, lim_title, lim_sheet = _TITLES[lang]
    subtitle = subtitle.format(day=as_of.strftime("%d/%m/%Y"))
    index = UnitIndex.load(session)
    names = {u.code: u.name for u in index.units.values()}
    meetings = {m.id: m for m in list_meetings(session, end=as_of)}
    book = new_workbook(title)
    _styles(book)
    ws = book.worksheets[0]
    ws.title = sheet_name
    pick = 0 if lang == "vi" else 1
    headers = [(EXPORT_HEADERS[name][pick], width) for name, width in _COLUMNS]
    _titles(ws, len(headers), title, subtitle)
    widths = _header(ws, 4, headers, title, lang)
    progress.stage("exporting")
    row = 6
    flt = DirectiveFilter(held_on_or_before=as_of)
    for n, facts in enumerate(iter_facts(session, flt, as_of=as_of), start=1):
        status = facts.status(as_of)
        due = facts.due_at(as_of)
        meeting = meetings.get(facts.meeting_id)
        completed = facts.completed_by(as_of)
        values: list[Any] = [
            n,
            facts.text,
            names.get(facts.unit_code, facts.unit_code),
            "\n".join(names.get(code, code) for code in facts.with_codes) or None,
            due if due is not None else facts.due_text,
            _progress(facts, as_of),
            _result(facts, status, lang),
            completed,
            facts.product,
            meeting.title if meeting else None,
            meeting.doc if meeting else None,
            facts.meeting_date,
            facts.key,
        ]
        _put_row(ws, row, values, "directive", facts.id, widths)
        row += 1
        if n % 500 == 0:
            progress.advance(500)
    lim = book.create_sheet(lim_sheet)
    lim_headers = _LIMITATION_COLUMNS[lang]
    _titles(lim, len(lim_headers), lim_title, subtitle)
    lim_widths = _header(lim, 4, lim_headers, title, lang)
    row = 6
    for n, found in enumerate(list_limitations(session, raised_on_or_before=as_of), start=1):
        meeting = meetings.get(found.meeting_id)
        resolved = found.resolved_on if found.resolved_on and found.resolved_on <= as_of else None
        values = [
            n,
            names.get(found.unit_code, found.unit_code),
            found.text,
            category_label(found.category, lang),
            meeting.title if meeting else None,
            found.raised_on,
            resolved,
            found.resolve_note if resolved else None,
        ]
        _put_row(lim, row, values, "limitation", found.id, lim_widths)
        row += 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
