"""A unit's pack as a workbook: writing it (``pack out``) and reading it back (``pack in``).

The workbook is in Vietnamese, whatever ``--lang`` (the unit reads it): a first sheet of
instructions, then ``Chủ trì`` (the directives the unit leads) and ``Phối hợp`` (those it
coordinates; a sheet the unit has no directive on is left out, the guide saying so), each a
title, a header row and one row per directive. The unit's columns are
unlocked, formatted and validated (whole numbers 0-100, dates, text of bounded length); every
other cell is locked (sheet protection, structure protection) and four hidden columns hold what
the office knew of the directive when the pack was made. A very hidden sheet ``_dirtrack``
names the pack (its token), the unit and the period.

Reading checks nothing against the database: :mod:`dirtrack.transfer.pack_merge` does. Each
locked cell is compared through a short digest of its value (:func:`cell_key`), the same for
the value written and the value read back, also after LibreOffice has rewritten the file.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import status_label, t
from dirtrack.render.formulas import CellTooLong, set_text
from dirtrack.store.packs import LEAD, WITH, PackLine, fingerprint
from dirtrack.transfer.xlsx_export import _put, _styles

FORMAT = "dirtrack-pack"
VERSION = "2"
READABLE = ("1", VERSION)  # the layouts ``pack in`` reads: version 1 had no state column
GUIDE, META = "Hướng dẫn", "_dirtrack"
PACK_TITLE = "PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ"  # the guide's heading
SHEETS = {LEAD: "Chủ trì", WITH: "Phối hợp"}
HEADER_ROW = 6
GUIDE_WIDTH = 68  # the guide's one column, in characters
FIRST_ROW = HEADER_ROW + 1
TEXT_LIMIT = 2000  # characters a unit may type in one text cell
DATE_FORMAT = "DD/MM/YYYY"

# (key, header, width): the columns the office fills, locked.
INFO = (
    ("stt", "STT", 5),
    ("id", "ID", 7),
    ("text", "Nội dung nhiệm vụ", 50),
    ("doc", "Văn bản giao nhiệm vụ", 16),
    ("held", "Ngày họp", 11),
    ("chair", "Người chủ trì", 20),
    ("others", "", 16),  # the coordinating units, or on the second sheet the lead unit
    ("due", "Thời hạn", 11),
    ("status", "Tình trạng", 16),
    ("last", "Tiến độ gần nhất", 28),
)
OTHERS = {LEAD: "Đơn vị phối hợp", WITH: "Đơn vị chủ trì"}
# The columns the unit fills: CLI.md fixes these headers.
ANSWERS = {
    LEAD: (
        ("percent", "Tiến độ (%)", 10),
        ("done_on", "Ngày hoàn thành", 13),
        ("doc_no", "Số văn bản kết quả", 18),
        ("doc_date", "Ngày văn bản kết quả", 13),
        ("explain", "Giải trình", 30),
        ("extend_to", "Đề nghị gia hạn đến", 13),
        ("extend_reason", "Lý do gia hạn", 30),
        ("state", "Tình hình thực hiện", 18),
    ),
    WITH: (("note", "Kết quả phối hợp", 45), ("state", "Tình hình phối hợp", 18)),
}
DATE_ANSWERS = frozenset({"done_on", "doc_date", "extend_to"})
# The choices of the state column (a drop-down list): key -> the words in the sheet. The last
# is the lead sheet's only.
DONE, ONGOING, NOT_STARTED, ASKS = "done", "ongoing", "not_started", "asks"
STATES = {
    DONE: "Đã hoàn thành",
    ONGOING: "Đang thực hiện",
    NOT_STARTED: "Chưa thực hiện",
    ASKS: "Đề nghị gia hạn",
}
STATE_CHOICES = {LEAD: tuple(STATES), WITH: (DONE, ONGOING, NOT_STARTED)}
# What ``pack in`` also takes for each (a value pasted over the list, or typed in English).
STATE_WORDS = {
    DONE: ("done", "completed", "hoàn thành"),
    ONGOING: ("in progress", "ongoing", "đang làm"),
    NOT_STARTED: ("not started", "chưa triển khai"),
    ASKS: ("asks for more time", "extension", "gia hạn"),
}


def answer_columns(role: str, version: str = VERSION) -> tuple[tuple[str, str, int], ...]:
    """The unit's columns on the sheet of ``role`` in the layout of ``version``."""
    columns = ANSWERS[role]
    return tuple(c for c in columns if c[0] != "state") if version == "1" else columns


# What the office knew on the pack's day (its --as-of), as the row shows it: hidden, locked.
# ``_base`` is the fingerprint of the directive as stored when the pack is written, which
# ``pack in`` compares with the directive as stored then.
HIDDEN = (
    ("base", "_base"),
    ("base_percent", "_tien_do"),
    ("base_done", "_hoan_thanh"),
    ("base_due", "_thoi_han"),
)

# The guide's lines, each with the packs it is written in: a pack with both directive sheets
# (BOTH), with the lead sheet alone (LEAD) or the coordination sheet alone (WITH). A pack without
# one of the sheets says nothing of that sheet's columns. Numbered when written.
BOTH = "both"
ALL = frozenset({BOTH, LEAD, WITH})
GUIDE_LINES: tuple[tuple[frozenset[str], str], ...] = (
    (
        frozenset({BOTH}),
        "Sheet «Chủ trì» liệt kê các nhiệm vụ đơn vị được giao chủ trì; sheet «Phối hợp» liệt kê "
        "các nhiệm vụ đơn vị tham gia phối hợp.",
    ),
    (
        frozenset({LEAD}),
        "Sheet «Chủ trì» liệt kê các nhiệm vụ đơn vị được giao chủ trì. Trong kỳ báo cáo, đơn vị "
        "không tham gia phối hợp nhiệm vụ nào nên phiếu không có sheet «Phối hợp».",
    ),
    (
        frozenset({WITH}),
        "Sheet «Phối hợp» liệt kê các nhiệm vụ đơn vị tham gia phối hợp. Trong kỳ báo cáo, đơn "
        "vị không chủ trì nhiệm vụ nào nên phiếu không có sheet «Chủ trì».",
    ),
    (
        ALL,
        "Đơn vị chỉ điền vào các ô nền vàng; các ô khác đã được khóa. Không thêm, xóa hoặc đổi "
        "thứ tự các dòng, không đổi tên sheet.",
    ),
    (
        frozenset({BOTH, LEAD}),
        "«Tiến độ (%)»: số nguyên từ 0 đến 100. Các cột ngày: nhập ngày/tháng/năm (ví dụ "
        "20/9/2022).",
    ),
    (
        frozenset({BOTH, LEAD}),
        "Nhiệm vụ đã hoàn thành: ghi «Ngày hoàn thành», «Số văn bản kết quả» và «Ngày văn bản "
        "kết quả»; nếu hoàn thành sau thời hạn, ghi rõ lý do ở cột «Giải trình».",
    ),
    (
        frozenset({BOTH, LEAD}),
        "Chưa thể hoàn thành đúng hạn: ghi «Tiến độ (%)», «Giải trình» và, nếu cần, «Đề nghị gia "
        "hạn đến» kèm «Lý do gia hạn». Văn phòng ghi nhận thành đề nghị gia hạn; thời hạn chỉ "
        "thay đổi khi được lãnh đạo đồng ý.",
    ),
    (
        frozenset({BOTH, WITH}),
        "Nhiệm vụ phối hợp: ghi kết quả phối hợp của đơn vị ở cột «Kết quả phối hợp».",
    ),
    (
        frozenset({BOTH}),
        "Cột «Tình hình thực hiện» («Tình hình phối hợp»): chọn trong danh sách (Đã hoàn thành, "
        "Đang thực hiện, Chưa thực hiện, Đề nghị gia hạn); chọn «Đã hoàn thành» thì ghi «Ngày hoàn "
        "thành», chọn «Đề nghị gia hạn» thì ghi «Đề nghị gia hạn đến».",
    ),
    (
        frozenset({LEAD}),
        "Cột «Tình hình thực hiện»: chọn trong danh sách (Đã hoàn thành, Đang thực hiện, Chưa "
        "thực hiện, Đề nghị gia hạn); chọn «Đã hoàn thành» thì ghi «Ngày hoàn thành», chọn «Đề "
        "nghị gia hạn» thì ghi «Đề nghị gia hạn đến».",
    ),
    (
        frozenset({WITH}),
        "Cột «Tình hình phối hợp»: chọn trong danh sách (Đã hoàn thành, Đang thực hiện, Chưa "
        "thực hiện).",
    ),
    (
        ALL,
        "Lưu tệp ở định dạng Excel (.xlsx), giữ nguyên tên tệp, và gửi lại Văn phòng trước hạn "
        "nêu trên.",
    ),
)


def guide_lines(roles: tuple[str, ...]) -> list[str]:
    """The numbered lines of the guide of a pack holding the directive sheets of ``roles``."""
    kind = BOTH if set(roles) >= {LEAD, WITH} else roles[0]
    chosen = [text for packs, text in GUIDE_LINES if kind in packs]
    return [f"{n}. {text}" for n, text in enumerate(chosen, start=1)]


def cell_key(value: Any) -> str:
    """A cell's value as text that is the same written and read back (dates as ISO days,
    whole numbers without a decimal point, text in NFC without surrounding space)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def digest(value: Any) -> str:
    return hashlib.sha256(cell_key(value).encode("utf-8")).hexdigest()[:8]


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _vi_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day is not None else ""


def _last_progress(line: PackLine, made_on: date) -> str | None:
    """The latest progress entry by the day the pack is made (``made_on``, the day its figures
    are taken at, as its status is): ``40% (12/08/2022): Đã trình``; a note alone that reads
    as a status, a percentage, a deadline or a request ``?% (12/08/2022): Đã hoàn thành``
    (:func:`dirtrack.transfer.values.progress_cell`)."""
    from dirtrack.transfer.values import progress_cell

    facts = line.facts
    completed = facts.completed_by(made_on)
    if completed is not None:
        note = f": {facts.completion_note}" if facts.completion_note else ""
        if not facts.completed_on_exact:  # only the day it was done by is known
            return f"Hoàn thành {t('done_by', 'vi', day=_vi_day(completed))}{note}"
        return f"Hoàn thành ngày {_vi_day(completed)}{note}"
    reported = [entry for entry in facts.progress if entry.reported_on <= made_on]
    if not reported:
        return None
    last = reported[-1]
    # a note the sheet import would read as more than a note is marked as the export marks it
    return progress_cell(last.percent, last.note, on=_vi_day(last.reported_on))


def _chair(line: PackLine) -> str | None:
    held = line.meeting
    if held.chair and held.chair_title:
        return f"{held.chair_title} {held.chair}"
    return held.chair or held.chair_title


def _base_percent(line: PackLine, made_on: date) -> str:
    """The percentage the office knew on the pack's day: the store's progress at that day
    (:meth:`~dirtrack.status.DirectiveFacts.progress_at`, 100 once done), as the row's last
    progress shows it."""
    percent = line.facts.progress_at(made_on)
    return "" if percent is None else str(percent)


@dataclass(frozen=True)
class BookMeta:
    token: str
    unit_code: str
    unit_name: str
    period_label: str
    period_title: str
    start: date
    end: date
    made_on: date
    answer_by: date


def write_book(
    meta: BookMeta, lines: list[PackLine], names: dict[str, str]
) -> tuple[bytes, dict[int, tuple[str, str]]]:
    """The workbook of one unit's pack and, by directive id, what the office knew of it
    (``pack_item.base``) and the digests of its row's locked cells (``pack_item.shown``).

    Raises:
        InvalidInput: a text too long for a cell (naming the directive).
    """
    from openpyxl.workbook.protection import WorkbookProtection

    from dirtrack.render.xlsx_out import new_workbook, page_footer

    title = f"{PACK_TITLE.capitalize()} — {meta.unit_name}"
    book = new_workbook(title)
    _styles(book)
    roles = book_roles(lines)
    _guide(book.worksheets[0], meta, roles)
    shown: dict[int, tuple[str, str]] = {}
    for role in roles:
        rows = [line for line in lines if line.role == role]
        shown.update(_directive_sheet(book.create_sheet(SHEETS[role]), role, meta, rows, names))
    for sheet in book.worksheets:  # what a unit prints: whose pack, and each page numbered
        page_footer(sheet, title, "vi")
    hidden = book.create_sheet(META)
    for key, value in (
        ("format", FORMAT),
        ("version", VERSION),
        ("token", meta.token),
        ("unit", meta.unit_code),
        ("period", meta.period_label),
        ("start", meta.start.isoformat()),
        ("end", meta.end.isoformat()),
        ("made_on", meta.made_on.isoformat()),
        ("answer_by", meta.answer_by.isoformat()),
        ("sheets", ",".join(roles)),
    ):
        hidden.append([key, value])
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), shown


def book_roles(lines: list[PackLine]) -> tuple[str, ...]:
    """The directive sheets of a pack: the roles the unit has a directive in. A sheet with no
    row printed as a page of nothing but its header (a unit that coordinates nothing); a
    pack of no directive at all (a unit named with ``--unit``) keeps the lead sheet."""
    return tuple(role for role in (LEAD, WITH) if any(line.role == role for line in lines)) or (
        LEAD,
    )


def _guide(ws: Any, meta: BookMeta, roles: tuple[str, ...]) -> None:
    from openpyxl.styles import Alignment

    from dirtrack.render.xlsx_out import BODY_SIZE, body_font, wrapped_height

    ws.title = GUIDE
    ws.column_dimensions["A"].width = GUIDE_WIDTH
    _fit_page(ws, landscape=False)
    lines: list[tuple[str, Any]] = [
        (PACK_TITLE, body_font(bold=True, size=14)),
        (f"Đơn vị: {meta.unit_name} ({meta.unit_code})", body_font(bold=True)),
        (
            f"Kỳ báo cáo: {meta.period_title} (từ ngày {_vi_day(meta.start)} đến ngày "
            f"{_vi_day(meta.end)}); số liệu của Văn phòng tính đến ngày {_vi_day(meta.made_on)}.",
            None,
        ),
        (
            f"Hạn gửi báo cáo: chậm nhất ngày {_vi_day(meta.answer_by)}.",
            body_font(bold=True, color="C00000"),
        ),
        ("", None),
        ("Hướng dẫn điền phiếu", body_font(bold=True)),
        *((line, None) for line in guide_lines(roles)),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        cell = _put(ws, row, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font
        size, bold = (font.size, font.bold) if font is not None else (BODY_SIZE, False)
        ws.row_dimensions[row].height = wrapped_height([(text, GUIDE_WIDTH)], size=size, bold=bold)
    ws.protection.sheet = True


def _directive_sheet(
    ws: Any, role: str, meta: BookMeta, lines: list[PackLine], names: dict[str, str]
) -> dict[int, tuple[str, str]]:
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    from dirtrack.render.xlsx_out import body_font, wrapped_height

    answers = ANSWERS[role]
    headers = [(h or OTHERS[role], w) for _, h, w in INFO] + [(h, w) for _, h, w in answers]
    headers += [(h, 12) for _, h in HIDDEN]
    width = len(INFO) + len(answers)
    title = "NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ" if role == LEAD else "NHIỆM VỤ ĐƠN VỊ PHỐI HỢP"
    for row, (text, font) in enumerate(
        (
            (title, body_font(bold=True, size=13)),
            (f"Đơn vị: {meta.unit_name} ({meta.unit_code})", body_font(bold=True)),
            (
                f"Kỳ báo cáo: {meta.period_title}; số liệu tính đến ngày {_vi_day(meta.made_on)}",
                body_font(italic=True),
            ),
            (f"Hạn gửi báo cáo: {_vi_day(meta.answer_by)}", body_font(bold=True, color="C00000")),
        ),
        start=1,
    ):
        cell = _put(ws, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="left")
        # one line (merged across the sheet), as tall as its font
        ws.row_dimensions[row].height = wrapped_height([], size=font.size)
        # As ws.merge_cells does, without making every covered cell (nothing is in them).
        ws.merged_cells.add(MergedCellRange(ws, f"A{row}:{get_column_letter(width)}{row}"))
    for col, (label, size) in enumerate(headers, start=1):
        _put(ws, HEADER_ROW, col, label, style="dt_header")
        ws.column_dimensions[get_column_letter(col)].width = size
    ws.row_dimensions[HEADER_ROW].height = wrapped_height(headers, bold=True)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=4)
    _fit_page(ws, landscape=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    fill = PatternFill("solid", fgColor="FFF2CC")
    unlocked = Protection(locked=False)
    shown: dict[int, tuple[str, str]] = {}
    styles: dict[tuple[int, bool], Any] = {}
    row = FIRST_ROW
    for n, line in enumerate(lines, start=1):
        f, then = line.facts, line.held
        # the units as they were on the pack's day (--as-of), as list --as-of shows them
        others = (
            "\n".join(names.get(code, code) for code in then.with_codes)
            if role == LEAD
            else names.get(then.unit_code, then.unit_name)
        )
        info: list[Any] = [
            n,
            f.id,
            f.text,
            line.meeting.doc,
            line.meeting.date,
            _chair(line),
            others or None,
            line.due if line.due is not None else (f.due_text or "Không thời hạn"),
            status_label(line.status.value, "vi"),
            _last_progress(line, meta.made_on),
        ]
        base = fingerprint(f)
        hidden = [
            base,
            _base_percent(line, meta.made_on),
            _iso(f.completed_by(meta.made_on)),
            _iso(line.due),
        ]
        values = info + [None] * len(answers) + hidden
        keys: list[str] = []
        for col, value in enumerate(values, start=1):
            # A cell's style is that of the first cell of its column holding the same kind of
            # value, copied (openpyxl looks each part of a style up anew when it is set).
            kind = (col, isinstance(value, date))
            try:
                if kind in styles:
                    cell = ws.cell(row=row, column=col)
                    cell._style = copy(styles[kind])
                    if isinstance(value, str):
                        set_text(cell, value)
                    else:
                        cell.value = value
                else:
                    cell = _put(ws, row, col, value, style="dt_body")
                    if len(INFO) < col <= width:
                        cell.protection = unlocked
                        cell.fill = fill
                        key = answers[col - len(INFO) - 1][0]
                        if key in DATE_ANSWERS:
                            cell.number_format = DATE_FORMAT
                        elif key == "percent":
                            cell.number_format = "0"
                        elif key != "state":
                            cell.number_format = "@"
                    styles[kind] = copy(cell._style)
                    styles[kind].quotePrefix = 0  # set_text's, for its own value only
            except CellTooLong as exc:
                raise InvalidInput.of("pack_text_too_long", id=f.id, n=exc.length) from None
            if not len(INFO) < col <= width:
                keys.append(digest(cell.value))
        shown[f.id] = (base, ",".join(keys))
        height = wrapped_height([(v, w) for v, (_, _, w) in zip(info, INFO, strict=True)])
        if height is not None:  # the office's texts whole: LibreOffice fits no row itself
            ws.row_dimensions[row].height = height
        row += 1
    last = max(row - 1, FIRST_ROW)
    _validations(ws, role, last)
    for col in range(width + 1, width + len(HIDDEN) + 1):
        ws.column_dimensions[get_column_letter(col)].hidden = True
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    return shown


def _fit_page(ws: Any, *, landscape: bool) -> None:
    """Printed on A4, as wide as one page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _validations(ws: Any, role: str, last: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for offset, (key, header, _) in enumerate(ANSWERS[role], start=len(INFO) + 1):
        letter = get_column_letter(offset)
        if key == "percent":
            rule = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
            rule.error = "Tiến độ là số nguyên từ 0 đến 100."
        elif key == "state":
            # A drop-down of the choices; an inline list (no comma inside a choice).
            choices = [STATES[k] for k in STATE_CHOICES[role]]
            rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"')
            rule.showDropDown = False  # named backwards: True would hide the arrow
            rule.error = "Chọn trong danh sách: " + ", ".join(choices) + "."
            rule.promptTitle = header
            rule.prompt = "Chọn trong danh sách."
            rule.showInputMessage = True
        elif key in DATE_ANSWERS:
            # 1/1/2000 .. 31/12/2100 as Excel day numbers
            rule = DataValidation(
                type="date", operator="between", formula1="36526", formula2="73415"
            )
            rule.error = "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/9/2022."
        else:
            rule = DataValidation(
                type="textLength", operator="lessThanOrEqual", formula1=str(TEXT_LIMIT)
            )
            rule.error = f"Tối đa {TEXT_LIMIT} ký tự."
        rule.errorTitle = header
        rule.showErrorMessage = True
        rule.allow_blank = True
        rule.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(rule)


# --- reading ---------------------------------------------------------------------------------


@dataclass
class ReadRow:
    """One data row of a returned pack: its locked cells and the unit's answers, as read."""

    sheet: str
    role: str
    row: int
    ident: Any
    locked: list[tuple[str, str]]  # (cell, digest)
    answers: dict[str, tuple[str, Any]]  # key -> (cell, value)


@dataclass
class ReadBook:
    path: Path
    meta: dict[str, str]
    rows: list[ReadRow] = field(default_factory=list)


def read_book(path: Path) -> ReadBook:
    """The pack in the workbook ``path``, as read (no check against the database).

    Raises:
        InvalidInput: not a readable workbook, not a pack, a sheet or header missing or changed.
    """
    from dirtrack.inputs import open_input, refused_input
    from dirtrack.transfer.registry import HEAD_BYTES, other_workbook
    from dirtrack.transfer.sheet import check_workbook
    from dirtrack.transfer.xlsx_cells import NotWorkbook, Workbook

    # A pipe would make the reading wait for a writer, a device (/dev/zero) never end: only a
    # regular file is read, as every file a person names (dirtrack.inputs).
    try:
        with open_input(path) as handle:
            head = handle.read(HEAD_BYTES)
    except InvalidInput:
        raise InvalidInput.of("pack_not_regular", file=path) from None
    except OSError as exc:  # a file this user may not read is no "workbook that cannot be read"
        raise refused_input(path, exc) from None
    # the unit saved the pack from LibreOffice Calc (.ods) or as Excel 97-2003 (.xls)
    other = other_workbook(path, head)
    if other is not None:
        raise InvalidInput.of(f"pack_{other}", file=path)
    # a zip bomb; a formula with no value saved (a workbook a program wrote) would read as an
    # empty cell
    check_workbook(path)
    try:
        with Workbook(path) as book:
            found = _read(path, book)
        _percent_cells(found)
        return found
    except NotWorkbook:
        raise InvalidInput.of("pack_not_workbook", file=path) from None
    except OSError as exc:
        raise refused_input(path, exc) from None


def _percent_cells(found: ReadBook) -> None:
    """Each number of a ``Tiến độ (%)`` cell formatted as a percentage, read as what the cell
    shows (a :class:`~dirtrack.transfer.values.Pct`): a unit that types ``100%`` in Excel or
    LibreOffice stores 1 in a percentage format (which the column's validation, whole numbers
    0-100, lets through), and ``0.7`` pasted from a sheet of percentages shows 70%. Read as the
    bare number, 100% was recorded as 1%. The formats are read only when a number is there."""
    from dirtrack.transfer.sheet import shows_percent
    from dirtrack.transfer.values import Pct

    numbers = {
        (row.sheet, cell): (row, value)
        for row in found.rows
        for key, (cell, value) in row.answers.items()
        if key == "percent" and isinstance(value, int | float) and not isinstance(value, bool)
    }
    if not numbers:
        return
    from openpyxl import load_workbook
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    # given the open file, not its name, whose ending openpyxl would judge it by (a pack
    # renamed .xls or .ods is read by what it holds, as xlsx_cells.Workbook reads it)
    with open(found.path, "rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            for sheet in {name for name, _ in numbers}:
                columns = {
                    column_index_from_string(coordinate_from_string(cell)[0])
                    for name, cell in numbers
                    if name == sheet
                }
                lines = book[sheet].iter_rows(
                    min_row=HEADER_ROW + 1, min_col=min(columns), max_col=max(columns)
                )
                for line in lines:
                    for cell in line:
                        seen = numbers.get((sheet, getattr(cell, "coordinate", "")))
                        if seen is not None and shows_percent(str(cell.number_format or "")):
                            row, value = seen
                            percent = Pct(float(value) * 100)
                            row.answers["percent"] = (cell.coordinate, percent)
        finally:
            book.close()


def _read(path: Path, book: Any) -> ReadBook:
    from openpyxl.utils import get_column_letter

    if META not in book.sheetnames:
        raise InvalidInput.of("pack_not_pack", file=path)
    meta: dict[str, str] = {}
    for _, cells in book.rows(META):
        key = cells.get(1)
        if key is not None:
            meta[str(key)] = cell_key(cells.get(2))
    if meta.get("format") != FORMAT or not meta.get("token"):
        raise InvalidInput.of("pack_not_pack", file=path)
    version = meta.get("version") or ""
    if version not in READABLE:
        raise InvalidInput.of("pack_version", file=path, version=version)
    found = ReadBook(path, meta)
    # the sheets the pack was written with (a pack of before this key has both)
    written = meta["sheets"].split(",") if meta.get("sheets") else (LEAD, WITH)
    for role in (LEAD, WITH):
        name = SHEETS[role]
        if role not in written and name not in book.sheetnames:
            continue
        if name not in book.sheetnames:
            raise InvalidInput.of("pack_sheet_missing", file=path, sheet=name)
        answers = answer_columns(role, version)
        headers = [h or OTHERS[role] for _, h, _ in INFO] + [h for _, h, _ in answers]
        headers += [h for _, h in HIDDEN]
        width = len(headers)
        letters = [get_column_letter(c) for c in range(1, width + 1)]
        locked_cols = list(range(len(INFO))) + list(range(len(INFO) + len(answers), width))
        answer_keys = [(len(INFO) + i, key) for i, (key, _, _) in enumerate(answers)]
        header_seen = False
        for number, values in book.rows(name):
            if number < HEADER_ROW:
                continue
            if number == HEADER_ROW:
                header_seen = True
            cells = [values.get(col) for col in range(1, width + 1)]
            if number == HEADER_ROW:
                _check_header(path, name, headers, cells, letters)
                continue
            extra = sorted(c for c, v in values.items() if c > width and cell_key(v))
            if extra:
                raise InvalidInput.of(
                    "pack_cell_outside",
                    file=path,
                    sheet=name,
                    cell=f"{get_column_letter(extra[0])}{number}",
                )
            if not any(cell_key(v) for v in cells):
                continue
            found.rows.append(
                ReadRow(
                    sheet=name,
                    role=role,
                    row=number,
                    ident=cells[1],
                    locked=[(f"{letters[c]}{number}", digest(cells[c])) for c in locked_cols],
                    answers={key: (f"{letters[c]}{number}", cells[c]) for c, key in answer_keys},
                )
            )
        if not header_seen:
            _check_header(path, name, headers, [None] * width, letters)
    return found


def _check_header(
    path: Path, sheet: str, headers: list[str], cells: list[Any], letters: list[str]
) -> None:
    for col, header in enumerate(headers):
        if cell_key(cells[col]) != header:
            raise InvalidInput.of(
                "pack_header_changed",
                file=path,
                sheet=sheet,
                cell=f"{letters[col]}{HEADER_ROW}",
                header=header,
            )


def header_of(role: str, cell: str, version: str = VERSION) -> str:
    """The header of the column of ``cell`` (``K7``) on the sheet of ``role``."""
    from openpyxl.utils import column_index_from_string
    from openpyxl.utils.cell import coordinate_from_string

    letter, _ = coordinate_from_string(cell)
    index = column_index_from_string(letter) - 1
    headers = [h or OTHERS[role] for _, h, _ in INFO]
    headers += [h for _, h, _ in answer_columns(role, version)]
    headers += [h for _, h in HIDDEN]
    return headers[index] if index < len(headers) else letter
