"""``export --format xlsx``: the office's follow-up sheet, as of a day.

Sheet 1 is the "Bảng theo dõi thực hiện kết luận" layout offices keep (title rows, a header,
a row of column numbers, one row per directive), with the columns ``dirtrack import`` reads
back. Sheet 2 lists the limitations. Text that Excel would take for a formula is written as text,
quote-prefixed, so it never runs, and text starting with an apostrophe and then a formula
character gets one apostrophe more, which import takes away (:mod:`dirtrack.render.formulas`).
A text longer than an Excel cell holds is refused, naming the record, never cut: JSON export
keeps everything.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Sequence
from copy import copy
from datetime import date
from typing import Any

from sqlmodel import Session

from dirtrack.errors import InvalidInput
from dirtrack.extract.keys import sheet_key
from dirtrack.i18n import Phrase, category_label, status_label, t
from dirtrack.render.formulas import XLSX_CELL_LIMIT, CellTooLong, set_text, sheet_text
from dirtrack.status import DirectiveFacts, Status
from dirtrack.transfer.base import NoProgress, Progress
from dirtrack.transfer.headers import EXPORT_HEADERS
from dirtrack.transfer.values import progress_cell, status_note

_DATE_FORMAT = "DD/MM/YYYY"
_COLUMNS = (
    ("stt", 6),
    ("text", 60),
    ("unit", 24),
    ("with", 24),
    ("due", 12),
    ("extended", 12),
    ("progress", 28),
    ("result", 28),
    ("completed_on", 12),
    ("product", 18),
    ("meeting", 40),
    ("doc", 14),
    ("meeting_date", 12),
    ("key", 16),  # a key (dt- and 12 hex digits) on one line: at 14 some broke in two
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
    """Write one cell of a sheet that holds its cells (a unit's pack)."""
    return _fill(ws.cell(row=row, column=col), value, style=style)


def _cell(ws: Any, value: Any, *, style: str | None = None) -> Any:
    """One cell for a write-only sheet's ``append``."""
    from openpyxl.cell import WriteOnlyCell

    return _fill(WriteOnlyCell(ws), value, style=style)


def _fill(cell: Any, value: Any, *, style: str | None = None) -> Any:
    """``cell`` given ``value`` and the named ``style``; text is always text, never a formula
    (nor cut: CellTooLong)."""
    dated = isinstance(value, date)
    book = cell.parent.parent
    styled = _STYLED.setdefault(book, {}).get((style, dated)) if style else None
    if styled is not None:  # a body cell's style as the first such cell got it
        cell._style = copy(styled)
    elif style is not None:
        cell.style = style  # first: a named style brings its own number format
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
        if dated and styled is None:
            cell.number_format = _DATE_FORMAT
            # centred, as the report's dates: at the right (a number's place) a day ran into
            # the text of the next column
            from openpyxl.styles import Alignment

            cell.alignment = Alignment(horizontal="center", vertical=cell.alignment.vertical)
    if style is not None and styled is None:
        _STYLED[book][style, dated] = copy(cell._style)
    return cell


# A workbook's cell styles by named style and whether the cell holds a day, as the first
# such cell got them: setting a named style, a day's format and alignment looks each up in
# the workbook's lists again (a third of an export's time, over every cell of 100,000 rows).
_STYLED: weakref.WeakKeyDictionary[Any, dict[tuple[str, bool], Any]] = weakref.WeakKeyDictionary()


def _append(ws: Any, cells: list[Any], height: float | None = None) -> None:
    """The sheet's next row, ``height`` points tall if given (the sheet streams its rows to
    the file: a row is written as it comes, its height with it)."""
    row = _ROWS[ws] = _ROWS.get(ws, 0) + 1
    if height is not None:
        ws.row_dimensions[row].height = height
    ws.append(cells)
    ws.row_dimensions.pop(row, None)  # written: not kept for the whole sheet


# The rows appended to each sheet so far (a write-only sheet does not say).
_ROWS: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def _put_row(
    ws: Any, values: Sequence[Any], what: str, ident: object, columns: Sequence[tuple[str, int]]
) -> None:
    """One record's row, as tall as its wrapped texts (in its columns' widths); a text too
    long for a cell is an error naming the record."""
    from dirtrack.render.xlsx_out import wrapped_height

    cells = []
    for (field, _), value in zip(columns, values, strict=True):
        try:
            if isinstance(value, str):
                value = sheet_text(value)
            cells.append(_cell(ws, value, style="dt_body"))
        except CellTooLong as exc:
            raise InvalidInput.of(
                "xlsx_cell_too_long",
                what=Phrase(f"w_{what}"),
                ident=ident,
                field=field,
                n=exc.length,
                limit=XLSX_CELL_LIMIT,
            ) from None
    widths = [width for _, width in columns]
    # the texts whole: LibreOffice fits no row itself
    _append(ws, cells, wrapped_height(list(zip(values, widths, strict=True))))


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


def _top(
    ws: Any,
    title: str,
    subtitle: str,
    headers: Sequence[tuple[str, int]],
    document: str,
    lang: str,
) -> None:
    """The title rows, the header row, the column numbers under it and the page set-up of
    the report's annex (A4 landscape, one page wide, the header on every page); the rows
    under them are the records'."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from dirtrack.render.xlsx_out import body_font, print_setup, wrapped_height

    width, row = len(headers), 4
    # What the sheet's file says before its rows: set before the first row is written.
    for col, (_, wide) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(col)].width = wide
    print_setup(ws, document, ws.title, lang)
    ws.print_title_rows = f"{row}:{row + 1}"
    ws.freeze_panes = f"A{row + 2}"
    for line, value, font in (
        (1, title, body_font(bold=True, size=13)),
        (2, subtitle, body_font(italic=True)),
    ):
        cell = _cell(ws, value)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        _append(ws, [cell])
        ws.merged_cells.add(f"A{line}:{get_column_letter(width)}{line}")
    _append(ws, [])
    header = [_cell(ws, label, style="dt_header") for label, _ in headers]
    numbers = [_cell(ws, f"({col})", style="dt_number") for col in range(1, width + 1)]
    _append(ws, header, wrapped_height(headers, bold=True))
    _append(ws, numbers)


def _result(facts: DirectiveFacts, status: Status, lang: str) -> str:
    label = status_label(status.value, lang)
    if status.is_done and facts.completion_note:
        return f"{label}: {status_note(facts.completion_note)}"
    on = "ngày" if lang == "vi" else "on"
    if status is Status.CANCELLED and facts.cancelled_on is not None:
        text = f"{label} {on} {facts.cancelled_on.strftime('%d/%m/%Y')}"
        return f"{text}: {status_note(facts.cancel_reason)}" if facts.cancel_reason else text
    if status is Status.WITHDRAWN and facts.withdrawn_on is not None:
        # with its day, as a cancellation: import reads the row back as one (without the day
        # it was a bad row, and in Vietnamese an open directive with a note)
        return f"{label} {on} {facts.withdrawn_on.strftime('%d/%m/%Y')}"
    return label


def _deadlines(facts: DirectiveFacts, as_of: date) -> tuple[date | None, date | None]:
    """The deadline the directive was given and, when an extension approved by ``as_of`` set
    another, that one: ``import`` reads the second column as the extension (one column of the
    deadline in force made a directive extended read into another register one due so from
    the start). A directive given no deadline and extended since has none in the first column
    (its words at the meeting, if any) and the extension's day in the second, as ``list`` and
    the JSON export say it (``extended; no deadline at first``), and ``import`` reads it back
    so."""
    due = facts.due_at(as_of)
    original = facts.original_due
    if due is None or due == original:
        return due, None
    return original, due


def _progress(facts: DirectiveFacts, as_of: date) -> str | None:
    """The last progress entry as of ``as_of``, as a clerk writes it (``40%: Đã trình``), or
    as the import reads it back as that entry (:func:`progress_cell`)."""
    last = None
    for entry in facts.progress:
        if entry.reported_on <= as_of:
            last = entry
    if last is None:
        return None
    return progress_cell(last.percent, last.note)


def export_xlsx(
    session: Session, *, as_of: date, lang: str, progress: Progress | None = None
) -> bytes:
    """The workbook, as bytes. Refused (:func:`~dirtrack.db.refuse_fractional_links`) where
    a link holds a number that is not whole: its row would be left out of the sheet."""
    from dirtrack.db import refuse_fractional_links
    from dirtrack.render.xlsx_out import new_workbook, streamed
    from dirtrack.store.directives import DirectiveFilter, iter_facts
    from dirtrack.store.limitations import list_limitations
    from dirtrack.store.meetings import list_meetings
    from dirtrack.store.units import UnitIndex

    refuse_fractional_links(session.connection())
    progress = progress or NoProgress()
    lang = lang if lang in _TITLES else "en"
    title, subtitle, sheet_name, lim_title, lim_sheet = _TITLES[lang]
    subtitle = subtitle.format(day=as_of.strftime("%d/%m/%Y"))
    index = UnitIndex.load(session)
    names = {u.code: u.name for u in index.units.values()}
    meetings = {m.id: m for m in list_meetings(session, end=as_of)}
    book = new_workbook(title, write_only=True)
    with streamed(book):
        _styles(book)
        ws = book.create_sheet(sheet_name)
        pick = 0 if lang == "vi" else 1
        headers = [(EXPORT_HEADERS[name][pick], width) for name, width in _COLUMNS]
        _top(ws, title, subtitle, headers, title, lang)
        progress.stage("exporting")
        flt = DirectiveFilter(held_on_or_before=as_of)
        made_keys: dict[str, int] = {}
        for n, facts in enumerate(iter_facts(session, flt, as_of=as_of), start=1):
            status = facts.status(as_of)
            due, extended = _deadlines(facts, as_of)
            key = facts.key
            if key is None:  # one the import derives from the row again, never stores
                key = sheet_key(
                    facts.meeting_date, facts.text, due, None if due else facts.due_text
                )
                made_keys[key] = made_keys.get(key, 0) + 1
                key = key if made_keys[key] == 1 else f"{key}-{made_keys[key]}"
            meeting = meetings.get(facts.meeting_id)
            done_on = facts.completed_by(as_of)
            completed: date | str | None = done_on
            if done_on is not None and not facts.completed_on_exact:
                # a bound, as import reads it back (values.done_by), never an exact day
                completed = t("done_by", lang, day=done_on.strftime("%d/%m/%Y"))
            values: list[Any] = [
                n,
                facts.text,
                names.get(facts.unit_code, facts.unit_code),
                "\n".join(names.get(code, code) for code in facts.with_codes) or None,
                due if due is not None else facts.due_text,
                extended,
                _progress(facts, as_of),
                _result(facts, status, lang),
                completed,
                facts.product,
                meeting.title if meeting else None,
                meeting.doc if meeting else None,
                facts.meeting_date,
                key,
            ]
            _put_row(ws, values, "directive", facts.id, headers)
            if n % 500 == 0:
                progress.advance(500)
        lim = book.create_sheet(lim_sheet)
        lim_headers = _LIMITATION_COLUMNS[lang]
        _top(lim, lim_title, subtitle, lim_headers, title, lang)
        for n, found in enumerate(list_limitations(session, raised_on_or_before=as_of), start=1):
            meeting = meetings.get(found.meeting_id)
            resolved = (
                found.resolved_on if found.resolved_on and found.resolved_on <= as_of else None
            )
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
            _put_row(lim, values, "limitation", found.id, lim_headers)
        buffer = io.BytesIO()
        book.save(buffer)
    return buffer.getvalue()
