"""Importing an office follow-up sheet (.xlsx or .csv): one directive per row and lead unit.

Three passes; nothing is written unless the first two found no problem:

1. *read*: find the table (:mod:`dirtrack.transfer.layout`) and read every row into a
   :class:`Planned` directive, noting each problem with its row and column;
2. *match*: with a key column, find the directives earlier imports made and work out what
   changed; without one, warn about rows that repeat a directive already recorded;
3. *write*: create units (only with ``--create-units``) and meetings, insert the new
   directives, their coordinating units and progress in bulk, and apply the updates, all in the
   caller's one transaction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session

from dirtrack.errors import Conflict, DirtrackError, InvalidInput, NotFound
from dirtrack.extract.keys import is_sheet_key
from dirtrack.i18n import Figure, Phrase
from dirtrack.models import Directive, MeetingKind
from dirtrack.periods import counted_on_calendar
from dirtrack.status import DirectiveFacts
from dirtrack.store import bulk, limits
from dirtrack.store.calendar import load_workdays
from dirtrack.store.directives import due_before_meeting, not_before_given, same_text_key
from dirtrack.store.results import asked_not_later, complete, office_regime
from dirtrack.store.rules import judge
from dirtrack.store.units import UnitIndex, check_not_retired, hand_over_retired
from dirtrack.text import MAX_TEXT, clean_imported, fold, fold_words, nfc, start_of
from dirtrack.transfer import values as cells
from dirtrack.transfer.base import (
    ImportOptions,
    ImportRejected,
    ImportResult,
    Problem,
    Progress,
    RowReport,
    Wording,
    ranges,
    row_label,
)
from dirtrack.transfer.headers import (
    REQUIRED,
    SLASH_ROLES,
    column_letter,
    match_header,
    names_a_count,
    parse_map,
)
from dirtrack.transfer.layout import (
    HEADER_SCAN,
    EmptySheet,
    HeaderChoice,
    Layout,
    build_layout,
    find_header,
)
from dirtrack.transfer.sheet import (
    DELIMITERS,
    Sheet,
    check_letters_kept,
    csv_encoding,
    csv_rows,
    reads_all,
    workbook_parts,
    workbook_sheets,
)
from dirtrack.transfer.values import Said, Value

CHUNK = 500  # rows between two progress updates
WRITE_CHUNK = 10_000  # new directives inserted at a time
_CACHE_LIMIT = 20_000
# The meeting a row names, why none can be told, or None (a heading naming no meeting).
_MeetingFound = tuple[int, date] | Phrase | DirtrackError | None
# The units a cell names, why it names no unit where it does not, and the groups of bodies it
# names (``các sở, ngành liên quan``) in a coordinating column, kept as words.
# The units a cell names, why it names no unit (each name), the groups of bodies it names,
# and the names read by their initials ("Sở KH&ĐT"), with the unit each was read as.
_UnitsFound = tuple[list[int], list[DirtrackError | Phrase], list[str], list[tuple[str, str, int]]]
# Fields whose cells make a row more than a heading.
_BODY = ("unit", "with", "due", "extended", "progress", "result", "completed_on", "product", "key")
# Fields read as text (names, numbers of documents): no tick or checkbox stands for one.
_TEXT_FIELDS = ("text", "unit", "with", "product", "meeting", "doc", "key")
_FOOTER = re.compile(
    r"^(?:noi nhan|nguoi lap|nguoi ky|thu truong|chanh van phong|pho chanh van phong"
    r"|t/?m\.? |k/?t\.? |xac nhan cua"
    # the notes under the table: "Ghi chú:", "* Chú thích", "Lưu ý:"
    r"|[*\-–•\s]*(?:ghi chu|chu thich|chu giai|luu y|note|notes)\s*(?:[:*]|$)"
    # a signer's title alone in its cell: "GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "LÃNH ĐẠO ĐƠN VỊ"
    r"|(?:pho\s+)?(?:giam doc|chu tich|bi thu|truong ban|truong phong|chanh an|vien truong)\s*$"
    r"|lanh dao (?:don vi|co quan)\s*$)"
)
# The place and day over the signatures, alone in its row: "Tây Ninh, ngày 30 tháng 6 năm 2025",
# "ngày … tháng … năm 2025" (folded).
_SIGNED_ON = re.compile(
    r"^(?:[^\d,;:]{2,60},\s*)?ngay\s+(?:\d{1,2}|[.…]+)\s+thang\s+(?:\d{1,2}|[.…]+)"
    r"\s+nam\s+\d{4}\s*$"
)
# A subtotal or total row: "Tổng cộng", "Tổng số: 12 nhiệm vụ", "Cộng", "Cộng II", "Cộng: 02
# nhiệm vụ" (folded words).
_TOTAL = re.compile(
    r"^(?:tong cong|tong so|total|subtotal|grand total)\b"
    r"|^(?:cong|tong|sum)(?: [ivxlc]+| [a-z]| \d+)?$"
    r"|^(?:cong|tong) \d+ (?:nhiem vu|viec|noi dung|van ban|ket luan)\b"
)
# A legend telling a row's status by its colour: "Màu xanh: đã hoàn thành", "Ô màu đỏ - quá
# hạn", "Dòng tô màu vàng là đang thực hiện" (folded words).
_COLOUR_LEGEND = re.compile(
    r"^\W*(?:(?:o|dong|hang|cac dong|nen|to|chu)\s+)*mau\s+"
    r"(?:xanh|do|vang|cam|tim|hong|xam|ghi|nau|trang)\b.{0,40}?(?::|=|\s[-–]\s|\sla\s)"
    r".*\b(?:hoan thanh|thuc hien|trien khai|qua han|trong han|dung han|cham|tre|xong|chua)\b"
)
# A legend's status beside a cell of its colour, under the table: "[green] Đã hoàn thành",
# "[red] Nhiệm vụ quá hạn" (folded words).
_SWATCH_STATUS = re.compile(
    r"^\W*(?:(?:cac )?(?:nhiem vu|viec|noi dung)\s+)?(?:da hoan thanh|hoan thanh|dang thuc hien"
    r"|dang trien khai|chua thuc hien|chua hoan thanh|chua trien khai|qua han|cham tien do"
    r"|con trong han|trong han|dung han|dung tien do)\b.{0,30}$"
)
# An open directive said to be overdue, or within its deadline (folded status words).
_SAID_OVERDUE = re.compile(r"\bqua han\b")
# A header left out that may hold the deadline ("Thời gian", "Thời điểm", "Ngày"), named when no
# column is read as the deadline: every directive would come in without one, unsaid.
_TIME_HEADER = re.compile(r"\b(?:thoi gian|thoi diem|han|ngay|moc|time|date|when)\b")
_SAID_IN_TIME = re.compile(r"\b(?:trong|con) han\b")
_HEADING_MARK = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})[.):]\s+")
# A heading naming a field of work, a group of tasks or a bloc of units ("Khối Đảng", "Khối
# chính quyền") (folded words).
_FIELD_HEADING = re.compile(r"^(?:\d{1,2} )?(?:ve )?(?:linh vuc|nhom nhiem vu|cac nhiem vu|khoi)\b")
# "(05 nhiệm vụ)", "- 5 nhiệm vụ" after a unit's name in a heading.
_COUNT_TAIL = re.compile(r"\s*(?:\([^)]*\)|[-–:]\s*\d+\s+\w+(?:\s+\w+)?)\s*$")
_WHOLE_STT = re.compile(r"^(\d{1,3})\.?$")
_CHILD_STT = re.compile(r"^(\d{1,3})\.\d{1,3}\b")
# An item under a heading: "a)", "b.", or a bullet ("-", "+", "•")
_ITEM_STT = re.compile(r"^(?:[a-zđ][).]|[-+•–*])$", re.IGNORECASE)
_SOURCE_WORDS = re.compile(
    r"\b(?:ket luan|thong bao|hoi nghi|cuoc hop|buoi lam viec|van ban|chi thi|nghi quyet"
    r"|cong van|ke hoach|giao ban|phien hop|bien ban|meeting|conclusion)\b"
)


@dataclass(slots=True)
class Outcome:
    """What becomes of one directive of a row: created, updated or left unchanged."""

    unit: int
    action: str = "create"
    directive_id: int | None = None
    updates: dict[str, Any] = field(default_factory=dict)
    add_progress: bool = False
    extend: bool = False
    ask: bool = False
    replace_with: bool = False
    # the completion the row says was submitted, recorded on an existing directive (complete)
    claim: bool = False
    changes: list[Phrase] = field(default_factory=list)


@dataclass(slots=True)
class Part:
    """One worksheet read in a run: its table, the day it is up to, and its name when the run
    reads several (rows are then named ``'Quý 1'!5``)."""

    layout: Layout
    sheet_day: date | None
    as_of: date
    sheet: str | None = None
    # Rows coloured as a legend says status is told, whose words say it too: read by the words.
    colour_warning: Phrase | None = None


@dataclass(slots=True)
class Planned:
    """One row of the sheet read as a directive (one per lead unit), or as a heading."""

    row: int
    text: str = ""
    leads: list[int] = field(default_factory=list)
    withs: list[int] = field(default_factory=list)
    meeting: int = 0
    held: date | None = None
    due: date | None = None
    due_text: str | None = None
    # "30/6/2023 (gia hạn đến 31/12/2023)": the deadline approved in place of ``due``.
    extended_to: date | None = None
    extended_text: str | None = None
    # "Đề nghị gia hạn đến 30/9/2025": the new deadline the unit asked for, and the column.
    asked: cells.Asked | None = None
    asked_column: Any = None
    # "Các sở, ngành liên quan" under the coordinating units: no one unit, kept as words.
    with_groups: list[str] | None = None
    product: str | None = None
    key: str | None = None
    # the key export --format xlsx made for a directive without one (extract.keys.sheet_key):
    # it tells the row's directive apart and is never stored
    key_made: bool = False
    percent: int | None = None
    note: str | None = None
    completed_on: date | None = None
    # False: done by completed_on (the sheet's date), the exact day unknown.
    completed_on_exact: bool = True
    # completed_on counted from the deadline: "Hoàn thành (quá hạn 5 ngày)" with no day.
    completed_derived: bool = False
    completion_note: str | None = None
    cancelled_on: date | None = None
    cancel_reason: str | None = None
    # "Đã trình UBND tỉnh" where the office decides by acceptance: the completion the unit
    # reported on this day, waiting for accept (as `done` records one there).
    submitted_on: date | None = None
    submitted_column: Any = None
    # the column that gave completed_on or cancelled_on, to name it in a problem found later
    closing_column: Any = None
    heading: str | None = None
    # A row with a whole number in STT and nothing but its text (no unit, deadline, status…):
    # the heading of the rows numbered under it ("1.1", "1.2") when they follow.
    section: str | None = None
    problems: list[Problem] | None = None
    warnings: list[Wording] | None = None
    outcomes: list[Outcome] | None = None
    part: Part | None = None  # the worksheet the row is on

    @property
    def label(self) -> int | str:
        """The row's number, or ``Sheet!row`` when the run reads several sheets."""
        return row_label(self.part.sheet if self.part else None, self.row)

    def problem(self, message: Wording, column: Any = None) -> None:
        if self.problems is None:
            self.problems = []
        sheet = self.part.sheet if self.part else None
        if column is None:
            self.problems.append(Problem(message, self.row, sheet=sheet))
        else:
            self.problems.append(
                Problem(message, self.row, column.letter, column.header, sheet=sheet)
            )

    def warn(self, message: Wording) -> None:
        if self.warnings is None:
            self.warnings = []
        self.warnings.append(message)

    def warn_truncated(self, read: cells.ProgressCell) -> None:
        """Say the fraction a percentage read from a cell lost (``70,5%``, ``đạt 70,5%``:
        recorded as 70%), if it lost one."""
        if read.truncated is not None:
            value = Figure(read.truncated)
            self.warn(Phrase("warn_progress_truncated", value=value, percent=read.percent))

    @property
    def due_in_force(self) -> date | None:
        """The deadline the row is judged by: the extension's when the cell gives one."""
        return self.extended_to or self.due


@dataclass
class NewUnit:
    name: str
    rows: list[int] = field(default_factory=list)
    code: str = ""


@dataclass
class NewMeeting:
    title: str
    doc: str | None
    day: date
    kind: MeetingKind


def run_xlsx(
    session: Session, path: Path, options: ImportOptions, progress: Progress
) -> ImportResult:
    """Import an Excel follow-up sheet (the registry's handler for ``xlsx``)."""
    return SheetImport(session, path, options, progress, kind="xlsx").run()


def run_csv(
    session: Session, path: Path, options: ImportOptions, progress: Progress
) -> ImportResult:
    """Import a CSV follow-up sheet (the registry's handler for ``csv``)."""
    return SheetImport(session, path, options, progress, kind="csv").run()


class SheetImport:
    def __init__(
        self,
        session: Session,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        *,
        kind: str,
    ) -> None:
        self.session = session
        self.path = path
        self.options = options
        self.progress = progress
        self.kind = kind
        self.plans: list[Planned] = []
        self.new_units: list[NewUnit] = []
        self.new_unit_refs: dict[str, int] = {}
        self.new_meetings: list[NewMeeting] = []
        self.new_meeting_refs: dict[tuple[str, str, date], int] = {}
        self.unknown: dict[str, dict[str, Any]] = {}
        self.current: tuple[int, date] | None = None
        # Without a lead unit column: the unit the last heading named (an error: it named an
        # unknown one), and whether any heading named one.
        self.current_unit: int | DirtrackError | None = None
        self.unit_headings = 0
        self.unit_heading_row = 0
        self.details: dict[str, Any] = {}
        self.parts: list[Part] = []
        # (directive id, a sheet's day) -> the recorded directive's deadline in force that day
        self.due_then: dict[tuple[int, date], date | None] = {}
        # Several worksheets in one run (--sheet repeated, or --sheet all)
        self.several = reads_all(options.sheet) or len(options.sheet) > 1
        self.unread: list[str] = []  # other worksheets holding a table of directives too
        self.limitations: list[Phrase] = []  # and those holding limitations: not read either
        # the worksheets --sheet all passes over, each with why
        self.skipped: list[tuple[str, Phrase]] = []
        self._unit_cache: dict[tuple[str, bool, str | None], _UnitsFound] = {}
        self._ref_cache: dict[str, int | DirtrackError] = {}
        self._meeting_cache: dict[tuple[str, str, date | None], _MeetingFound] = {}
        self._status_cache: dict[Value, cells.Status | DirtrackError] = {}
        # keyed by the value's type too: a number in a date format past Excel's last day
        # (cells.NoDay) equals the same number in a number format, which is read otherwise
        self._due_cache: dict[tuple[type, Value, date | None], cells.DueCell | DirtrackError] = {}

    # --- the file ---------------------------------------------------------------------------

    def _layouts(self, pairs: list[tuple[str, str]]) -> list[Layout]:
        """The tables to read: the one of a CSV file or of the workbook's chosen sheet, or those
        of several sheets (``--sheet A --sheet B``: each must hold one; ``--sheet all``: every
        sheet holding a table of directives, a text and a deadline column)."""
        if self.kind == "csv":
            return [self._csv_layout(pairs)]
        if not self.several:
            return [self._layout_of(workbook_sheets(self.path, self.options.sheet), pairs)]
        sheets, charts = workbook_parts(self.path, self.options.sheet)
        if not reads_all(self.options.sheet):
            return [self._in_sheet(sheet, self._layout_of, [sheet], pairs) for sheet in sheets]
        found: list[Layout] = []
        for sheet in sheets:
            why = self._passed_over(sheet, pairs)
            if isinstance(why, Phrase):
                self.skipped.append((sheet.name or "", why))
            else:
                found.append(self._in_sheet(sheet, build_layout, why, pairs))
        self.skipped += [(name, Phrase("skip_chart")) for name in charts]
        if not found:
            raise self._no_header(self.path.name, sheets)
        return found

    @staticmethod
    def _passed_over(sheet: Sheet, pairs: list[tuple[str, str]]) -> HeaderChoice | Phrase:
        """The header of a sheet ``--sheet all`` reads, or why it passes the sheet over: it is
        empty, has no header, holds no directives (a summary sheet, a list of units: no text
        or no deadline column) or holds limitations (recorded with add-limitation)."""
        try:
            choice = find_header(sheet, pairs)
        except EmptySheet:
            return Phrase("skip_empty")
        if choice is None:
            return Phrase("skip_no_header", n=HEADER_SCAN)
        limitations = _limitations_column(choice, pairs)
        if limitations is not None:
            column, header = limitations
            return Phrase("skip_limitations", column=column_letter(column), header=header)
        if not _holds_directives(choice):
            return Phrase("skip_no_directives")
        return choice

    def _in_sheet(self, sheet: Sheet, make: Callable[..., Layout], *args: Any) -> Layout:
        """``make(*args)``, its refusal naming ``sheet`` when it does not already: in a run of
        several sheets, ``row 1: no column holds the text`` must say which sheet.

        Raises:
            InvalidInput: ``sheet_refused``, or the refusal as it was.
        """
        try:
            return make(*args)
        except InvalidInput as exc:
            if "sheet" in exc.params or "sheets" in exc.params:
                raise
            params = {"name": self.path.name, "sheet": sheet.name, "reason": exc}
            raise InvalidInput.of("sheet_refused", **params) from None

    def _csv_layout(self, pairs: list[tuple[str, str]]) -> Layout:
        """The table of a CSV file, read with the separator its header row reads best with."""
        name = self.path.name
        if self.options.sheet:
            raise InvalidInput.of("sheet_for_csv")
        encoding = csv_encoding(self.path)
        check_letters_kept(self.path, encoding)
        choices: list[HeaderChoice] = []
        for delimiter in DELIMITERS:
            sheet = Sheet(None, csv_rows(self.path, encoding, delimiter), delimiter=delimiter)
            try:
                choice = find_header(sheet, pairs)
            except EmptySheet:
                raise InvalidInput.of("csv_empty", name=name) from None
            if choice is not None:
                choices.append(choice)
        if not choices:
            raise self._no_header(name, csv=sheet)
        best = max(choices, key=lambda c: c.score)
        for choice in choices:
            if choice is not best:
                choice.sheet.rows.close()  # type: ignore[attr-defined]
        self.details = {"encoding": encoding, "delimiter": best.sheet.delimiter}
        self._not_limitations(best, pairs)
        return build_layout(best, pairs)

    def _layout_of(self, sheets: list[Sheet], pairs: list[tuple[str, str]]) -> Layout:
        """The table of the first of ``sheets`` holding one (see :meth:`_layouts`)."""
        name = self.path.name
        empty: list[str] = []
        partial: HeaderChoice | None = None
        partials: list[HeaderChoice] = []
        limits: HeaderChoice | None = None
        for sheet in sheets:
            try:
                choice = find_header(sheet, pairs)
            except EmptySheet:
                empty.append(sheet.name or "")
                continue
            if choice is not None and len(sheets) > 1 and _limitations_column(choice, pairs):
                limits = limits or choice  # a sheet of limitations: the directives are elsewhere
                continue
            if choice is not None and len(sheets) > 1:
                # A summary sheet ("Tổng hợp": units and counts) before the table is not it.
                if not all(name in choice.fields for name in REQUIRED):
                    partial = partial or choice
                    partials.append(choice)
                    continue
            if choice is not None:
                self.details = {"sheet": sheet.name}
                self._not_limitations(choice, pairs)
                if not self.options.sheet:
                    rest = sheets[sheets.index(sheet) + 1 :]
                    self.unread, self.limitations = self._other_tables(rest, pairs)
                return build_layout(choice, pairs)
        if limits is not None or (partial is not None and _limitations_column(partial, pairs)):
            self._not_limitations(limits or partial, pairs)  # type: ignore[arg-type]
        if partial is not None:
            # No sheet has the whole table: the first holding directives (a text and a deadline)
            # is read (one sheet per unit without a unit column, after a summary sheet
            # "Tổng hợp" of units and counts), else the first one says what it lacks.
            partial = next((c for c in partials if _holds_directives(c)), partial)
            self.details = {"sheet": partial.sheet.name}
            if not self.options.sheet:  # the later sheets were looked at already
                later = partials[partials.index(partial) + 1 :]
                self.unread = [c.sheet.name or "" for c in later if _holds_directives(c)]
            return build_layout(partial, pairs)
        if len(empty) == len(sheets):
            which = ", ".join(repr(s) for s in empty)
            if len(empty) == 1:
                raise InvalidInput.of("sheet_empty", name=name, sheet=which)
            raise InvalidInput.of("sheets_empty", name=name, sheets=which)
        raise self._no_header(name, sheets)

    @staticmethod
    def _other_tables(sheets: list[Sheet], pairs: Any) -> tuple[list[str], list[Phrase]]:
        """The names of the worksheets after the one read that hold a table of directives too
        (text and deadline, with or without a lead unit column: a workbook of one sheet per
        unit has none; a sheet of limitations has no deadline), and the warnings naming those
        that hold limitations (the second sheet of ``export --format xlsx``), which import does
        not read: one sheet is read, and the others must not be left out in silence."""
        found: list[str] = []
        limitations: list[Phrase] = []
        for sheet in sheets:
            try:
                choice = find_header(sheet, pairs)
            except EmptySheet:
                continue
            if choice is not None and (column := _limitations_column(choice, pairs)):
                why = Phrase("skip_limitations", column=column_letter(column[0]), header=column[1])
                limitations.append(Phrase("sheet_warning", sheet=sheet.name or "", text=why))
            elif _holds_directives(choice):
                found.append(sheet.name or "")
        return found, limitations

    def _not_limitations(self, choice: HeaderChoice, pairs: list[tuple[str, str]]) -> None:
        """Refuse a table of limitations (``Nội dung hạn chế, tồn tại``): read as directives,
        each would come in as a directive without a deadline.

        Raises:
            InvalidInput: ``sheet_of_limitations``, naming the column and what to do.
        """
        found = _limitations_column(choice, pairs)
        if found is not None:
            column, header = found
            raise InvalidInput.of(
                "sheet_of_limitations",
                name=self.path.name,
                column=column_letter(column),
                header=header,
            )

    def _no_header(
        self, name: str, sheets: list[Sheet] | None = None, csv: Sheet | None = None
    ) -> InvalidInput:
        """No header in any sheet (or the CSV file); one typed in a legacy font is said so."""
        looked = sheets or ([csv] if csv is not None else [])
        typed = next((s.legacy_font for s in looked if s.legacy_font), None)
        if typed is not None:
            return InvalidInput.of("sheet_legacy_font", name=name, font=typed[0], sample=typed[1])
        if sheets:
            shown = ", ".join(repr(s.name or "") for s in sheets)
            return InvalidInput.of("no_header_in", name=name, n=HEADER_SCAN, sheets=shown)
        return InvalidInput.of("no_header", name=name, n=HEADER_SCAN)

    # --- pass 1: read -----------------------------------------------------------------------

    def run(self) -> ImportResult:
        pairs = parse_map(self.options.mapping)
        # A key column named on the command line must identify every row; one found by its
        # header ("Mã") may leave rows without a key.
        self.key_required = any(name == "key" for _, name in pairs)
        self.key_required |= self.options.key_column is not None
        if self.options.key_column is not None:
            pairs.append((nfc(self.options.key_column), "key"))
        self.progress.stage("reading")
        try:
            layouts = self._layouts(pairs)
        except InvalidInput as exc:
            raise self._named_by_option(exc) from None
        self.index = UnitIndex.load(self.session)
        # "Trước ngày 15/3/2025", "trong 10 ngày làm việc": on the office's calendar, as assign
        self.calendar = load_workdays(self.session.connection())
        self.regime = office_regime(self.session)
        # the office decides completions by acceptance: a product submitted is one reported
        self.waits = self.regime.accepts and self.regime.by_acceptance
        self.meetings = {m.id: m for m in bulk.all_meetings(self.session)}
        self._index_meetings()
        if self.options.meeting_id is not None and self.options.meeting_id not in self.meetings:
            raise NotFound.of("no_meeting", id=self.options.meeting_id)
        self.progress.stage("checking")
        for layout in layouts:
            self._read(layout)
        self._match()
        result = self._result()
        if result.problems and not self.options.dry_run:
            # the file, and the one sheet read (rows of several are named with their sheet)
            sheet = self.parts[0].layout.sheet.name if not self.several else None
            where = f"{self.path.name} ({sheet!r})" if sheet else self.path.name
            raise ImportRejected(where, result.problems, self._hint(result))
        if not self.options.dry_run and not result.problems:
            self._write(result)
        return result

    def _named_by_option(self, exc: InvalidInput) -> InvalidInput:
        """``exc`` as the option that named the missing column says it: ``--key-column`` is
        looked for among the headers as ``--map``'s columns are, but a column it names that the
        header lacks is its own mistake, not ``--map``'s."""
        key = self.options.key_column
        if exc.key != "map_no_column" or key is None:
            return exc
        if fold_words(str(exc.params.get("column", ""))) != fold_words(nfc(key)):
            return exc
        return InvalidInput.of("key_column_no_column", **exc.params)

    def _read(self, layout: Layout) -> None:
        """Pass 1 over one worksheet's table (or the CSV file's)."""
        self.layout = layout
        # The day the sheet is up to, when it or --as-of says: it bounds undated completions.
        self.sheet_day = self.options.as_of or layout.as_of()
        if self.sheet_day is not None and self.sheet_day > self.options.today:
            # Only the sheet's own line can say so (--as-of after today is refused as read):
            # its progress would be logged on a day still to come, a year typed wrong unseen.
            which = f" ({layout.sheet.name!r})" if layout.sheet.name else ""
            raise InvalidInput.of(
                "sheet_day_after_today",
                where=f"{self.path.name}{which}",
                day=self.sheet_day,
                today=self.options.today,
            )
        self.as_of = self.sheet_day or self.options.today
        self.part = Part(layout, self.sheet_day, self.as_of)
        if self.several:
            self.part.sheet = layout.sheet.name
        self.parts.append(self.part)
        # what a heading row says holds for the rows under it, on its own sheet
        self.current = None
        self.current_unit = None
        self.unit_headings = self.unit_heading_row = 0
        if layout.no_unit is not None:
            self._unit_of_sheet(layout)
        # The columns a row's status, requests and extensions may be told in.
        found = [layout.single.get(name) for name in ("progress", "result")]
        self.status_columns = [i for i in found if i is not None] + layout.multi.get("note", [])
        unit_column = layout.single.get("unit")
        self.slash_roles = unit_column is not None and bool(
            SLASH_ROLES.search(fold(layout.column(unit_column).header))
        )
        self.content = sorted(
            i for name, i in layout.single.items() if name not in ("stt", "ignore")
        ) + sorted(i for name, idx in layout.multi.items() if name != "ignore" for i in idx)
        count = 0
        ended: int | None = None  # the row of the notes or signature block under the table
        self.other_header: int | None = None  # or of another table's header, when it ends it
        # A legend saying what the rows' colours mean, and the coloured rows (with whether
        # their status cells say nothing): the colours are no column the import reads.
        legend = next(((n, t) for n, t in layout.titles if _COLOUR_LEGEND.match(fold(t))), None)
        coloured: dict[int, bool] = {}
        swatches: dict[str, tuple[int, str]] = {}  # colour -> the legend's row and its status
        fills = layout.sheet.fills
        status_cells = [
            *self.status_columns,
            *layout.multi.get("done_mark", []),
            *layout.multi.get("open_mark", []),
            *([layout.single["completed_on"]] if "completed_on" in layout.single else []),
        ]
        for number, read in layout.data:
            values, removed = self._without_controls(read)
            if legend is None:
                legend = next(
                    (
                        (number, v)
                        for v in values
                        if isinstance(v, str) and _COLOUR_LEGEND.match(fold(v))
                    ),
                    None,
                )
            if number in fills and ended is None:
                coloured[number] = all(
                    i >= len(values) or cells.is_blank(values[i]) for i in status_cells
                )
            elif number in fills:  # under the table: a cell of a colour beside its status
                said = [v for v in values if isinstance(v, str) and v.strip()]
                if len(said) == 1 and _SWATCH_STATUS.match(fold(said[0])):
                    swatches.setdefault(fills[number], (number, said[0]))
            if ended is None and self._is_footer(values):
                ended = number  # the signature block: "Nơi nhận:", "NGƯỜI LẬP BIỂU", "Ghi chú:"…
            elif ended is None and self._other_header(values):
                ended = self.other_header = number  # another table's header, other columns
            if ended is not None:
                self._below_end(number, values, ended)
                continue
            planned = self._plan(number, values)
            if planned is not None:
                for where in removed:
                    planned.warn(where)
                self.plans.append(planned)
            count += 1
            if count % CHUNK == 0:
                self.progress.advance(CHUNK)
        self.progress.advance(count % CHUNK)
        if legend is None:  # a swatch of a colour some rows have
            legend = next((swatches[fills[r]] for r in coloured if fills[r] in swatches), None)
        if legend is not None:
            self._coloured_status(layout, legend, coloured)
        if layout.no_unit is not None and not self.unit_headings:
            raise layout.no_unit  # no unit column, and no heading names the rows' unit

    def _coloured_status(
        self, layout: Layout, legend: tuple[int, str], coloured: dict[int, bool]
    ) -> None:
        """A sheet whose legend says the rows' colours tell their status (``Màu xanh: đã hoàn
        thành``): directives coloured with no status in words would come in open, their
        colour lost in silence, so the sheet is refused, naming the rows and what to write; a
        coloured row whose words say its status too is read by its words, with a warning."""
        directives = {p.row for p in self.plans if p.part is self.part and p.heading is None}
        silent = [r for r, blank in coloured.items() if blank and r in directives]
        worded = [r for r, blank in coloured.items() if not blank and r in directives]
        which = f" ({layout.sheet.name!r})" if layout.sheet.name else ""
        if silent:
            raise InvalidInput.of(
                "sheet_status_by_colour",
                where=f"{self.path.name}{which}",
                row=legend[0],
                legend=legend[1].strip(),
                n=len(silent),
                rows=ranges(silent),
            )
        if worded:
            self.part.colour_warning = Phrase(
                "warn_status_by_colour",
                row=legend[0],
                legend=legend[1].strip(),
                n=len(worded),
                rows=ranges(worded),
            )

    def _unit_of_sheet(self, layout: Layout) -> None:
        """The unit of a sheet without a unit column, when it names one: a workbook of one
        sheet per unit, each named after a registered unit (``Sở Nội vụ``, ``SNV``), or a
        title line naming it (``Đơn vị: Sở Tài chính``), read as a heading over every row (a
        heading below may name another)."""
        named = self._lookup(nfc(layout.sheet.name)) if layout.sheet.name else None
        line = layout.unit_line()
        if isinstance(named, int):
            self.current_unit = named
            self.unit_headings += 1
        elif line is not None:
            number, name = line
            heading = self._planned(number, heading=name)
            self._unit_heading(heading, name, in_table=False)
            self.plans.append(heading)

    def _at(self, p: Planned) -> None:
        """Read ``p`` as on its own worksheet: its table's columns and the day it is up to."""
        part = p.part
        if part is not None and part is not self.part:
            self.part, self.layout = part, part.layout
            self.sheet_day, self.as_of = part.sheet_day, part.as_of

    def _planned(self, number: int, **fields: Any) -> Planned:
        return Planned(number, part=self.part, **fields)

    def _hint(self, result: ImportResult) -> list[Phrase]:
        hints = [Phrase("hint_dry_run")]
        if self.unknown and not self.options.create_units:
            hints.append(Phrase("hint_create_units"))
        if any(getattr(p.message, "key", None) == "row_no_meeting" for p in result.problems):
            hints.append(Phrase("hint_add_meeting"))
        return hints

    def _without_controls(self, values: list[Value]) -> tuple[list[Value], list[Phrase]]:
        """The row's cells without control characters (:func:`dirtrack.text.clean_imported`),
        and for each cell that had some, its column and the characters removed."""
        cleaned: list[Value] | None = None
        removed: list[Phrase] = []
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            text, gone = clean_imported(value)
            if gone:
                cleaned = cleaned or list(values)
                cleaned[i] = text
                header = self.layout.column(i).header if i < len(self.layout.columns) else ""
                params = {"column": column_letter(i), "header": header}
                where = Phrase("w_column_of" if header else "w_column", **params)
                removed.append(Phrase("warn_controls", where=where, chars=", ".join(gone)))
        return (cleaned if cleaned is not None else values), removed

    def _get(self, values: list[Value], name: str) -> Value:
        i = self.layout.single.get(name)
        if i is None or i >= len(values):
            return None
        return values[i]

    def _col(self, name: str) -> Any:
        i = self.layout.single.get(name)
        return None if i is None else self.layout.column(i)

    def _plan(self, number: int, values: list[Value]) -> Planned | None:
        if all(i >= len(values) or cells.is_blank(values[i]) for i in self.content):
            return None
        # An infinite or undefined number, or a formula's error (#REF!), is no value of any
        # field: the row is bad, its cell named, rather than read as the text "inf".
        unreadable = {
            i: Phrase(
                "cell_formula_error" if cells.formula_error(values[i]) else "cell_not_finite",
                value=cells.show(values[i]).strip(),
            )
            for i in self.content
            if i < len(values) and (cells.not_finite(values[i]) or cells.formula_error(values[i]))
        }
        # A text longer than the register holds is no value either (the cell is named).
        unreadable |= {
            i: Phrase("cell_too_long", length=len(value), limit=MAX_TEXT)
            for i in self.content
            if i < len(values) and isinstance(value := values[i], str) and len(value) > MAX_TEXT
        }
        # Excel's TRUE or FALSE (a checkbox) in a column of text is no text: not the tick "x".
        unreadable |= {
            col: Phrase("cell_boolean_not_text", value=shown)
            for name in _TEXT_FIELDS
            if (col := self.layout.single.get(name)) is not None
            and col < len(values)
            and (shown := cells.boolean(values[col])) is not None
        }
        if unreadable:
            values = [None if i in unreadable else v for i, v in enumerate(values)]
        written = cells.text(self._get(values, "text"))
        stt = cells.text(self._get(values, "stt"))
        self._section_above(stt, values)
        if not unreadable and self._is_total(values, written, stt):
            return self._planned(number, heading=written or stt)  # a subtotal: no directive
        if not unreadable and self._repeats_header(values):
            return self._planned(number, heading=written or stt)  # a second table's header
        if not unreadable and self._is_heading(number, values, written, stt):
            return self._heading(number, written or stt)
        p = self._planned(number, text=written)
        whole = _WHOLE_STT.match(stt)
        if whole is not None and written and not unreadable and self._body_blank(values):
            p.section = whole[1]
        for i, why in unreadable.items():
            p.problem(why, self.layout.column(i))
        if not written and self.layout.single.get("text") not in unreadable:
            p.problem(Phrase("row_no_text"), self._col("text"))
        unit_value = self._get(values, "unit")
        if self.layout.no_unit is not None:
            if isinstance(self.current_unit, int):
                p.leads = [self.current_unit]
                if self.current_unit < 0:
                    self.new_units[-self.current_unit - 1].rows.append(p.row)
            elif self.current_unit is None:
                p.problem(Phrase("row_no_unit_heading"))
            else:
                p.problem(Phrase("row_unit_heading_bad", row=self.unit_heading_row))
        elif cells.is_blank(unit_value):
            if self.layout.single.get("unit") not in unreadable:
                p.problem(Phrase("row_no_unit"), self._col("unit"))
        elif (roles := self._roles(unit_value)) is not None:
            # "Sở Nội vụ (chủ trì), Sở Tài chính": who leads and who coordinates, in one cell
            leads, withs = roles
            if leads:
                p.leads = self._units(leads, p, self._col("unit"), lead=True)
            else:
                p.problem(
                    Phrase("row_no_lead_marked", value=cells.text(unit_value)), self._col("unit")
                )
            if withs:
                p.withs = self._units(withs, p, self._col("unit"))
        else:
            level = self._level(values)
            p.leads = self._units(unit_value, p, self._col("unit"), lead=True, level=level)
        if self.layout.has("with"):
            with_value = self._get(values, "with")
            if not cells.is_blank(with_value):
                roles = cells.unit_roles(with_value)  # "Sở Tài chính (phối hợp)": marks dropped
                named = "; ".join(r for r in roles if r) if roles is not None else with_value
                more = self._units(named, p, self._col("with"))
                p.withs = list(dict.fromkeys([*p.withs, *more]))
        self._meeting(p, values)
        self._deadline(p, values)
        if self.layout.has("extended"):
            self._extension_column(p, values)
        product = cells.text(self._get(values, "product"))
        p.product = product or None
        if self.layout.has("key"):
            key = cells.text(self._get(values, "key"))
            if not key and self.key_required:
                p.problem(Phrase("row_no_key"), self._col("key"))
            elif (longer := limits.too_long(bulk.DIRECTIVE, "key", key)) is not None:
                p.problem(longer, self._col("key"))
            p.key = key or None
            if p.key is not None:
                held = self._meeting_day(p)
                p.key_made = is_sheet_key(p.key, held, p.text, p.due, p.due_text)
        # cells telling of a new deadline, granted or asked for (most rows have none)
        told = [
            i for i in self.status_columns if i < len(values) and cells.tells_new_due(values[i])
        ]
        if told:
            self._granted(p, values, told)
        self._status(p, values)
        if p.completed_on is None and p.cancelled_on is None:
            self._submitted(p, values)
        if p.percent == 100 and p.completed_on is None and p.cancelled_on is None:
            # "Đạt 100%" without saying completed: in progress, as the sheet says no more
            p.warn(Phrase("warn_full_not_done"))
        if told or p.asked is not None:
            self._asked(p, values, told)
        if p.extended_to is not None and p.held is not None and self._approved_on(p) < p.held:
            params = {"as_of": self._approved_on(p), "held": p.held}
            p.problem(Phrase("row_approved_before", **params), self._col("due"))
        self._calendar_notice(p)
        return p

    @staticmethod
    def _calendar_notice(p: Planned) -> None:
        """A deadline, extension or day asked for whose words count on the office's calendar
        (``Trước ngày 15/4``, ``trong 10 ngày làm việc``: its days off and moved days) is named
        with the day it was counted as, for the clerk to check."""
        asked = (p.asked.text, p.asked.to) if p.asked is not None else (None, None)
        for words, day in ((p.due_text, p.due), (p.extended_text, p.extended_to), asked):
            if day is not None and words and counted_on_calendar(words):
                p.warn(Phrase("warn_due_on_calendar", text=words, due=day))

    def _is_footer(self, values: list[Value]) -> bool:
        """Whether the row begins the notes or the signature block under the table: its first
        cell says so, and it names no lead unit, unless every cell it fills says so (``NGƯỜI LẬP
        BIỂU`` and ``GIÁM ĐỐC`` typed under the unit column); or it holds only the place and
        day over the signatures (``Tây Ninh, ngày 30 tháng 6 năm 2025``)."""
        filled = [fold(cells.text(v)) for v in values if not cells.is_blank(v)]
        if len(filled) == 1 and _SIGNED_ON.match(filled[0]):
            return True  # the place and day, alone, in whichever column it is typed
        if not filled or not _FOOTER.match(filled[0]):
            return False
        return cells.is_blank(self._get(values, "unit")) or all(map(_FOOTER.match, filled))

    def _below_end(self, number: int, values: list[Value], ended: int) -> None:
        """A row under the end of the table (``ended``) that reads as a directive, with its text
        and a lead unit that is registered or an item number, is a bad row: it would otherwise be
        left out in silence (notes written between the rows, a table pasted below another)."""
        written = cells.text(self._get(values, "text"))
        unit = cells.text(self._get(values, "unit"))
        if not written or not unit or not isinstance(self._get(values, "unit"), str):
            return  # no directive: a count under a unit column (a summary table below)
        numbered = _WHOLE_STT.match(cells.text(self._get(values, "stt"))) is not None
        if not numbered:
            try:
                self.index.resolve(unit, noted=False)
            except DirtrackError:
                return
        p = self._planned(number, text=written)
        if ended == self.other_header:
            header = self.layout.header_last
            p.problem(Phrase("row_below_other_header", end=ended, header=header))
        else:
            p.problem(Phrase("row_below_end", end=ended))
        self.plans.append(p)

    def _roles(self, value: Value) -> tuple[str, str] | None:
        """Who leads and who coordinates, when the lead unit cell says so: in words (``Sở Nội
        vụ (chủ trì), Sở Tài chính``), or split by a slash under a header split so
        (``Chủ trì/Phối hợp``)."""
        roles = cells.unit_roles(value)
        if roles is None and self.slash_roles:
            roles = cells.slash_roles(value)
        return roles

    def _other_header(self, values: list[Value]) -> bool:
        """Whether the row is the header of another table pasted under this one (``STT | Nội
        dung hạn chế | Đơn vị`` under the directives, or their columns in another order): every
        cell it fills names a column, two at least exactly, and it is not this table's header
        again. Read as a directive, it would be one of unit ``Đơn vị``, and the rows under it
        would be read by this table's columns."""
        filled = [cells.text(v) for v in values if not cells.is_blank(v)]
        if len(filled) < 2 or not all(isinstance(v, str) for v in values if v):
            return False
        found = [match_header(v) for v in filled]
        if any(m is None and not names_a_count(v) for m, v in zip(found, filled, strict=True)):
            return False
        if sum(m.score >= 3 for m in found if m) < 2:
            return False
        return not self._repeats_header(values)

    def _is_total(self, values: list[Value], written: str, stt: str) -> bool:
        """A subtotal or total row ("Tổng cộng", "Cộng", "Tổng số: 12"): it names no lead unit,
        and its other cells hold counts, not a directive's."""
        if not cells.is_blank(self._get(values, "unit")):
            return False
        return bool(_TOTAL.match(fold_words(written or stt)))

    def _repeats_header(self, values: list[Value]) -> bool:
        """A row that is the table's header again (``STT | Nội dung | Đơn vị chủ trì …`` over
        a second part of the sheet, ``II. NHIỆM VỤ CHƯA HOÀN THÀNH``, or one of its rows, as a
        header of two rows is printed again on each page): two cells or more, each the header
        of its column (or a row's part of it: ``Đơn vị`` over ``Chủ trì``) or a name of that
        column's field."""
        said = 0
        for i in self.content:
            if i >= len(values) or cells.is_blank(values[i]):
                continue
            column = self.layout.column(i)
            written = cells.text(values[i])
            found = match_header(written)
            piece = f" {fold_words(written)} " in f" {fold_words(column.header)} "
            if not piece and (found is None or found.field != column.field or found.score < 3):
                return False
            said += 1
        return said >= 2

    def _section_above(self, stt: str, values: list[Value]) -> None:
        """A row numbered under the one before (``1.1`` after ``1``, which held only its text)
        makes that one the heading it is: ``1 | Lĩnh vực tổ chức, cán bộ``."""
        if not self.plans or self.plans[-1].section is None:
            return
        above = self.plans[-1]
        child = _CHILD_STT.match(stt)
        # "1 | KHỐI ĐẢNG" in capitals over rows numbered anew (1, or a, b, -), or over
        # directives not numbered at all: a group's heading
        whole = _WHOLE_STT.match(stt)
        anew = (whole is not None and whole[1] == "1") or _ITEM_STT.match(stt) is not None
        anew |= not stt and not cells.is_blank(self._get(values, "unit"))
        if (child is not None and above.section == child[1]) or (anew and above.text.isupper()):
            self.plans[-1] = self._heading(above.row, above.text)

    def _body_blank(self, values: list[Value]) -> bool:
        """Whether every cell that makes a row more than a heading is empty."""
        layout = self.layout
        body = [i for name in _BODY if (i := layout.single.get(name)) is not None]
        body += [i for name in ("done_mark", "open_mark") for i in layout.multi.get(name, [])]
        return not any(i < len(values) and not cells.is_blank(values[i]) for i in body)

    def _is_heading(self, number: int, values: list[Value], written: str, stt: str) -> bool:
        layout = self.layout
        text_col, unit_col = layout.single.get("text"), layout.single.get("unit")
        sheet = layout.sheet
        if sheet.merged and text_col is not None:
            # merged across the table: over the text and the lead unit (or, without a unit
            # column, over the text and any other column of the table)
            merge = sheet.merge_of(number, text_col)
            others = [unit_col] if unit_col is not None else self.content
            if merge is not None and any(
                i != text_col and merge == sheet.merge_of(number, i) for i in others
            ):
                return True
        if not self._body_blank(values):
            return False
        heading = written or stt
        if cells.is_heading_mark(stt, heading):
            return True
        if _FIELD_HEADING.match(fold_words(heading)):
            return True  # "Lĩnh vực kinh tế", "1. Lĩnh vực tài chính", "Khối Đảng"
        if written.isupper() and (_WHOLE_STT.match(stt) is None or self._names_source(written)):
            # "KHỐI CHÍNH QUYỀN", "CÁC ĐƠN VỊ SỰ NGHIỆP": a group's name in capitals. Numbered
            # as the directives are ("3 | TỔ CHỨC HỘI NGHỊ"), it is a heading only when rows
            # numbered under it follow (see _section_above): else a directive missing its cells;
            # unless it names a meeting's document ("1 | KẾT LUẬN SỐ 12-KL/TU NGÀY 2/3/2022").
            return True
        if layout.no_unit is not None and written and self._names_unit(written):
            return True  # "1 | Sở Nội vụ" over its directives, in a register grouped by unit
        return not (written and stt) and bool(_SOURCE_WORDS.search(fold(heading)))

    @staticmethod
    def _names_source(written: str) -> bool:
        """Whether a row's text names the document or meeting of the rows under it: its kind
        and its number or day (``Kết luận số 123-KL/TU ngày 12/3/2022``), not the words alone
        (``XÂY DỰNG KẾ HOẠCH …`` is a directive)."""
        if not _SOURCE_WORDS.search(fold(written)):
            return False
        return cells.doc_number(written) is not None or cells.first_day(written) is not None

    def _heading(self, number: int, heading: str) -> Planned:
        heading = _HEADING_MARK.sub("", heading) or heading
        p = self._planned(number, heading=heading)
        try:
            found = self._find_meeting(heading, None, None, heading=True)
        except InvalidInput as exc:
            p.problem(exc, self._col("text"))
            return p
        if isinstance(found, Phrase | DirtrackError):
            p.problem(found, self._col("text"))
        elif found is not None:
            self.current = found
            p.meeting, p.held = found
        elif self.layout.no_unit is not None:
            self._unit_heading(p, heading)
        return p

    def _names_unit(self, written: str) -> bool:
        """Whether a row's text is a unit's name alone: a registered unit's, or a body's in
        capitals (``SỞ XÂY DỰNG``)."""
        name = _COUNT_TAIL.sub("", _HEADING_MARK.sub("", written)).strip(" :.-–")
        if isinstance(self._lookup(name), int):
            return True
        return name.isupper() and cells.starts_body(name)

    def _unit_heading(self, p: Planned, heading: str, *, in_table: bool = True) -> None:
        """In a register grouped by unit (no lead unit column), a heading naming a unit (``I.
        SỞ NỘI VỤ``, ``2. Sở Tài chính (05 nhiệm vụ)``) is the lead unit of the rows under it,
        matched as any unit name; one beginning with a body's name (``Sở Xây dựng``) that is
        not registered is an unknown unit, made by --create-units. Other headings (``Lĩnh vực
        kinh tế``) leave the unit as it was."""
        name = _COUNT_TAIL.sub("", heading).strip(" :.-–")
        if not name:
            return
        found = self._lookup(name)
        if isinstance(found, int):
            self.current_unit = found
            self.unit_headings += 1
            p.leads = [found]
            return
        if not cells.starts_body(name):
            return
        self.unit_headings += 1
        self.unit_heading_row = p.row
        if isinstance(found, NotFound) and self.options.create_units:
            longer = limits.too_long(bulk.UNIT, "name", nfc(name))
            if longer is None:
                self.current_unit = self._new_unit(name)
                p.leads = [self.current_unit]
                return
            found = longer
        self.current_unit = found
        p.problem(found, self._col("text") if in_table else None)
        if isinstance(found, NotFound):
            entry = self.unknown.setdefault(
                fold_words(name), {"name": name, "rows": [], "message": found}
            )
            entry["rows"].append(p.label)

    # units

    def _lookup(self, name: str) -> int | DirtrackError:
        """An existing unit's id, or why ``name`` names none (NotFound: unknown; else
        ambiguous or not a unit's name)."""
        cached = self._ref_cache.get(name)
        if cached is not None:
            return cached
        try:
            unit = self.index.resolve(name, noted=False)  # the row says what it was read as
            assert unit.id is not None
            found: int | DirtrackError = unit.id
        except (NotFound, Conflict, InvalidInput) as exc:
            found = exc
        if len(self._ref_cache) > _CACHE_LIMIT:
            self._ref_cache.clear()
        self._ref_cache[name] = found
        return found

    def _level(self, values: list[Value]) -> str | None:
        """The level the row's level column gives its lead unit (``Cấp tỉnh``, ``Huyện``):
        ``tinh``, ``huyen`` or ``xa``, or None."""
        i = self.layout.level_column
        if i is None or i >= len(values) or cells.is_blank(values[i]):
            return None
        return _level_of(fold_words(cells.text(values[i])))

    def _at_level(self, name: str, level: str | None) -> int | DirtrackError:
        """:meth:`_lookup`, a name several units answer to (``Ủy ban Kiểm tra``: of the Tỉnh ủy
        and of a Huyện ủy) told apart by the level beside it: the one unit whose name says
        that level."""
        found = self._lookup(name)
        if level is None or not isinstance(found, Conflict):
            return found
        units = self.index.units
        at = [
            uid
            for uid in self.index.candidates(name)
            if _level_of(fold_words(units[uid].name)) == level
        ]
        return at[0] if len(at) == 1 else found

    def _units(
        self,
        value: Value,
        p: Planned,
        column: Any,
        *,
        lead: bool = False,
        level: str | None = None,
    ) -> list[int]:
        raw = cells.raw_lines(value)
        cached = self._unit_cache.get((raw, lead, level))
        if cached is None:
            cached = self._resolve_cell(value, lead, level)
            if len(self._unit_cache) > _CACHE_LIMIT:
                self._unit_cache.clear()
            self._unit_cache[(raw, lead, level)] = cached
        refs, errors, groups, read_as = cached
        for key, name, ref in read_as:
            where = column.letter if column is not None else ""
            label = self.index.label(ref)
            code = self.index.code(ref)
            p.warn(Phrase(key, name=name, unit=label, column=where, code=code))
        for name in groups:
            # the words kept in the row's note, under the column's header as a note column's
            kept = f"{column.header}: {name}" if column is not None and column.header else name
            if p.with_groups is None:
                p.with_groups = []
            if kept not in p.with_groups:
                p.with_groups.append(kept)
                where = column.letter if column is not None else ""
                p.warn(Phrase("warn_with_group", name=name, column=where))
        for message in errors:
            p.problem(message, column)
            if isinstance(message, NotFound):
                name = str(message.params.get("ref", ""))
                self.unknown.setdefault(
                    fold_words(name), {"name": name, "rows": [], "message": message}
                )
                self.unknown[fold_words(name)]["rows"].append(p.label)
        for ref in refs:
            if ref < 0:
                self.new_units[-ref - 1].rows.append(p.row)
        return refs

    def _resolve_cell(self, value: Value, lead: bool, level: str | None = None) -> _UnitsFound:
        """The units a cell names; a name of a group of bodies no registered unit is named
        after (``UBND các huyện, thị xã, thành phố``, ``Các sở, ban, ngành``) is never made one
        new unit: as lead unit it is refused (the row needs one unit to answer for it); as
        coordinating unit it is kept as words (returned apart), the row's note says it."""
        refs: list[int] = []
        errors: list[DirtrackError | Phrase] = []
        groups: list[str] = []
        # names read as a unit they are not written as, with the warning that says so
        read_as: list[tuple[str, str, int]] = []
        for pieces in cells.unit_pieces(value):
            whole = self._at_level(", ".join(pieces), level) if len(pieces) > 1 else None
            if isinstance(whole, int):
                refs.append(whole)
                continue
            i = 0
            while i < len(pieces):
                for j in range(len(pieces), i, -1):
                    found = self._at_level(", ".join(pieces[i:j]), level)
                    if isinstance(found, int):
                        refs.append(found)
                        i = j
                        break
                else:
                    found = self._at_level(pieces[i], level)
                    assert isinstance(found, DirtrackError)
                    short = self.index.by_initials(pieces[i]) if isinstance(found, NotFound) else []
                    if len(short) == 1:
                        # "Sở KH&ĐT": the one registered unit whose name it writes by initials
                        refs.append(short[0])
                        read_as.append(("warn_unit_initials", nfc(pieces[i]), short[0]))
                    elif (
                        isinstance(found, NotFound)
                        and (titled := self._after_title(pieces[i], level)) is not None
                    ):
                        # "Giám đốc Sở Nội vụ": the unit, its head's title left out
                        refs.append(titled)
                        read_as.append(("warn_unit_title", nfc(pieces[i]), titled))
                    elif isinstance(found, NotFound) and cells.names_bodies(pieces[i]):
                        if lead:
                            errors.append(Phrase("row_several_units", name=nfc(pieces[i])))
                        else:
                            groups.append(nfc(pieces[i]))
                    elif isinstance(found, NotFound) and self.options.create_units:
                        # A name longer than a unit's is the row's problem, --dry-run's too.
                        longer = limits.too_long(bulk.UNIT, "name", nfc(pieces[i]))
                        if longer is None:
                            refs.append(self._new_unit(pieces[i]))
                        else:
                            errors.append(longer)
                    else:
                        errors.append(found)
                    i += 1
        unique = list(dict.fromkeys(refs))
        return unique, errors, groups, read_as

    def _after_title(self, name: str, level: str | None) -> int | None:
        """The registered unit a name is after a person's title (``Giám đốc Sở Nội vụ``)."""
        for rest in cells.after_titles(name):
            found = self._at_level(rest, level)
            if isinstance(found, int):
                return found
        return None

    def _new_unit(self, name: str) -> int:
        key = fold_words(name)
        ref = self.new_unit_refs.get(key)
        if ref is None:
            self.new_units.append(NewUnit(nfc(name)))
            ref = -len(self.new_units)
            self.new_unit_refs[key] = ref
        return ref

    # meetings

    def _index_meetings(self) -> None:
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_doc: dict[str, list[int]] = defaultdict(list)
        self._by_title: dict[str, list[int]] = defaultdict(list)
        for m in self.meetings.values():
            if m.key:
                self._by_key[m.key].append(m.id)
            if m.doc:
                self._by_doc[fold_words(m.doc)].append(m.id)
            self._by_title[fold_words(m.title)].append(m.id)

    def _meeting(self, p: Planned, values: list[Value]) -> None:
        title_value = self._get(values, "meeting")
        doc_value = self._get(values, "doc")
        day_value = self._get(values, "meeting_date")
        column = self._col("meeting") or self._col("doc")
        found: _MeetingFound
        if cells.is_blank(title_value) and cells.is_blank(doc_value):
            found = self._meeting_of_day(day_value)
            column = column or self._col("meeting_date")
        else:
            day = None
            if not cells.is_blank(day_value):
                try:
                    day = cells.parse_day(day_value)
                except InvalidInput as exc:
                    p.problem(exc, self._col("meeting_date"))
                    return
            try:
                found = self._find_meeting(
                    cells.text(title_value), cells.text(doc_value) or None, day
                )
            except InvalidInput as exc:
                found = exc
        if not isinstance(found, tuple):
            p.problem(found or Phrase("row_no_meeting"), column)
            return
        p.meeting, p.held = found

    def _meeting_of_day(self, day_value: Value) -> _MeetingFound:
        """The meeting of a row naming none in its cells: the heading's above it, else the one
        meeting held on the day a ``Ngày giao`` / ``Ngày họp`` cell gives, else ``--meeting``. A
        day alone never makes a meeting (it has no title: one was made as 'Văn bản None')."""
        if self.current is not None:
            return self.current
        day = None
        if not cells.is_blank(day_value):
            try:
                day = cells.parse_day(day_value)
            except InvalidInput as exc:
                return exc
            held = sorted(i for i, m in self.meetings.items() if m.date == day)
            if len(held) == 1:
                return held[0], day
            if len(held) > 1:
                ids = ", ".join(str(i) for i in held)
                return Phrase("row_meetings_match", shown=cells.show(day_value), ids=ids)
        if self.options.meeting_id is not None:
            return self.options.meeting_id, self.meetings[self.options.meeting_id].date
        if day is not None:
            return Phrase("row_meeting_day_only", day=day)
        return Phrase("row_no_meeting")

    def _find_meeting(
        self, title: str, doc: str | None, day: date | None, *, heading: bool = False
    ) -> _MeetingFound:
        """The meeting a cell (or heading) names: an id, a key, a document number or a title.

        A meeting not yet recorded is created with the title, the document number and the day
        found in the cells. Returns why not (a message) when it cannot be told, and None for a
        heading that names no meeting.
        """
        cache_key = (title, doc or "", day)
        if cache_key in self._meeting_cache:
            return self._meeting_cache[cache_key]
        found = self._find_meeting_uncached(title, doc, day, heading)
        if len(self._meeting_cache) > _CACHE_LIMIT:
            self._meeting_cache.clear()
        self._meeting_cache[cache_key] = found
        return found

    def _find_meeting_uncached(
        self, title: str, doc: str | None, day: date | None, heading: bool
    ) -> _MeetingFound:
        if title.isdigit() and doc is None:
            meeting = self.meetings.get(int(title))
            if meeting is None:
                return Phrase("no_meeting", id=title)
            return meeting.id, meeting.date
        # A number and its day in the document column ("45/TB-UBND ngày 10/4/2022"), as the
        # title's cell is read: the number, and the day it was issued
        day = day or (cells.first_day(title) if title else None)
        if doc is not None:
            day = day or cells.first_day(doc)
            doc = cells.doc_number(doc) or doc
        doc = doc or (cells.doc_number(title) if title else None)
        candidates = list(self._by_key.get(title, [])) if title else []
        if not candidates and doc:
            candidates = self._by_doc.get(fold_words(doc), [])
        if not candidates and title:
            candidates = self._by_title.get(fold_words(title), [])
        if day is not None:
            candidates = [i for i in candidates if self.meetings[i].date == day]
        if len(candidates) == 1:
            return candidates[0], self.meetings[candidates[0]].date
        shown = title or doc or ""
        if len(candidates) > 1:
            ids = ", ".join(str(i) for i in sorted(candidates))
            return Phrase("row_meetings_match", shown=shown, ids=ids)
        if heading and doc is None and day is None:
            return None
        if day is None:
            given = self.options.meeting_id is not None
            return Phrase("row_meeting_when_given" if given else "row_meeting_when", shown=shown)
        key = (fold_words(title), fold_words(doc or ""), day)
        ref = self.new_meeting_refs.get(key)
        if ref is None:
            self.new_meetings.append(
                NewMeeting(title or f"Văn bản {doc}", doc, day, cells.meeting_kind(title))
            )
            ref = -len(self.new_meetings)
            self.new_meeting_refs[key] = ref
        return ref, day

    # deadline and status

    def _deadline(self, p: Planned, values: list[Value]) -> None:
        value = self._get(values, "due")
        if cells.is_blank(value):
            return
        # Most deadlines do not depend on the meeting's date; only those without a year do.
        if len(self._due_cache) > _CACHE_LIMIT:
            self._due_cache.clear()
        kind = type(value)
        found = self._due_cache.get((kind, value, None))
        if found is None:
            try:
                found = cells.read_due(value, None, self.calendar)
            except InvalidInput as exc:
                # Read again with the meeting's date; a row without one keeps this error.
                found = exc
            self._due_cache[(kind, value, None)] = found
        if isinstance(found, DirtrackError) and p.held is not None:
            found = self._due_cache.get((kind, value, p.held))
            if found is None:
                try:
                    found = cells.read_due(value, p.held, self.calendar)
                except InvalidInput as exc:
                    found = exc
                self._due_cache[(kind, value, p.held)] = found
        if isinstance(found, DirtrackError):
            p.problem(found, self._col("due"))
            return
        if found.asked is not None:
            if found.due is None:
                p.problem(Phrase("row_asked_no_due", value=cells.text(value)), self._col("due"))
                return
            p.asked, p.asked_column = found.asked, self._col("due")
        p.due, p.due_text = found.due, found.text
        p.extended_to, p.extended_text = found.extended_to, found.extended_text
        if p.held is not None and (refused := due_before_meeting(p.due, p.held)) is not None:
            p.problem(refused, self._col("due"))

    def _extension_column(self, p: Planned, values: list[Value]) -> None:
        """A column of the deadline an approved extension set (``Thời hạn`` over ``Theo kết
        luận | Gia hạn``): recorded as ``30/6/2022 (gia hạn đến 31/7/2022)`` in the deadline
        cell is, with the same checks."""
        value = self._get(values, "extended")
        due_value = self._get(values, "due")
        if cells.is_blank(value) or cells.says_none(value):
            return  # nothing extended ("Không", "-")
        if p.due is None and p.due_text is None and not cells.is_blank(due_value):
            return  # the deadline cell's own problem says it all
        column = self._col("extended")
        try:
            day, words = cells.parse_deadline(value, p.held, self.calendar)
        except InvalidInput as exc:
            p.problem(exc, column)
            return
        if day is None:
            p.problem(Phrase("cell_extension_no_day", value=cells.show(value)), column)
        elif p.due is None:
            p.problem(Phrase("cell_extension_no_due", value=cells.show(value)), column)
        else:
            self._grant(p, (day, words), column)

    def _status(self, p: Planned, values: list[Value]) -> None:  # noqa: C901
        layout = self.layout
        said: dict[Said, tuple[Any, cells.Status]] = {}
        notes: list[str] = []
        progress_value = self._get(values, "progress")
        result_value = self._get(values, "result")
        done_day: date | None = None
        going = False  # the progress column says the work goes on ("Đang thực hiện")
        for name, value in (("progress", progress_value), ("result", result_value)):
            if cells.is_tick(value):
                # An x under "Kết quả thực hiện | Đúng hạn": which status it marks is the
                # column's to say, and only --map can.
                column = self._col(name)
                tick = Phrase("row_tick_status", value=cells.text(value), header=column.header)
                p.problem(tick, column)
                return
        if not cells.is_blank(progress_value):
            try:
                read = cells.read_progress(progress_value)
                p.percent, progress_note = read.percent, read.note
                if read.truncated is not None:
                    p.warn_truncated(read)
                elif read.as_note:
                    p.warn(Phrase("warn_progress_as_note", value=cells.text(progress_value)))
                if cells.note_only(progress_value):
                    status = cells.Status(None, None, None)
                else:
                    status = self._read_status(progress_value)
            except InvalidInput as exc:
                p.problem(exc, self._col("progress"))
                progress_note, status = None, cells.Status(None, None, None)
            if self._contradicts(p, status, progress_value, self._col("progress")):
                pass
            elif status.said in (Said.DONE, Said.CANCELLED):
                said.setdefault(status.said, (self._col("progress"), status))
                if status.said is Said.DONE and status.day is not None:
                    done_day = status.day
            elif status.said is Said.OPEN:
                # "Đang thực hiện, đạt 70%": a narrative; the result column decides, and
                # without one, it says the row is open (against a completion date beside it).
                going = True
                if not layout.has("result"):
                    said.setdefault(Said.OPEN, (self._col("progress"), status))
                if status.note or p.percent is not None:
                    notes.append(cells.text(progress_value))
            elif progress_note:
                notes.append(progress_note)
        if not cells.is_blank(result_value):
            try:
                status = cells.read_verdict(result_value) or self._read_status(result_value)
            except InvalidInput as exc:
                p.problem(exc, self._col("result"))
                status = cells.Status(None, None, None)
            if self._contradicts(p, status, result_value, self._col("result")):
                pass
            elif status.verdict and status.said is Said.DONE and going:
                # "Đang thực hiện" | "Đạt": the work so far judged, not a result delivered
                notes.append(status.cell)
            elif status.said is not None:
                said[status.said] = (self._col("result"), status)
                if status.verdict:
                    # "Đạt" / "Không đạt": the office's verdict on the result, read as a status
                    key = "warn_verdict_done" if status.said is Said.DONE else "warn_verdict_open"
                    where = self._col("result").letter
                    p.warn(Phrase(key, column=where, value=status.cell))
                if status.said is Said.OPEN:
                    self._percent_in_words(p, result_value)
                    if status.note:
                        notes.append(cells.text(result_value))
            elif status.note:
                try:  # "60%: đang tổng hợp" in a sheet without a progress column
                    leading = cells.leading_progress(result_value)
                except InvalidInput as exc:
                    p.problem(exc, self._col("result"))
                    leading = cells.ProgressCell(None, None)
                percent, rest = leading.percent, leading.note
                if percent is not None and p.percent is None:
                    p.percent = percent
                    p.warn_truncated(leading)
                    if rest:
                        notes.append(rest)
                else:
                    notes.append(status.note)
                    if percent is None:  # "Đã thực hiện 80%", "đạt 50 %": the cell kept too
                        self._percent_in_words(p, result_value)
        for i in layout.multi.get("done_mark", []):
            value = values[i] if i < len(values) else None
            if cells.is_blank(value):
                continue
            column = layout.column(i)
            day = None
            if not cells.is_mark(value):
                try:
                    day = cells.parse_day(value, p.held)
                except InvalidInput:
                    if cells.says_none(value):
                        continue
                    p.problem(Phrase("row_not_mark", value=cells.show(value)), column)
                    continue
            # the column says how it was done: "Đã hoàn thành | Đúng hạn", "… | Quá hạn"
            how = fold_words(column.header)
            said.setdefault(Said.DONE, (column, cells.Status(Said.DONE, day, None, how)))
        for i in layout.multi.get("open_mark", []):
            if i < len(values) and cells.is_mark(values[i]):
                said.setdefault(Said.OPEN, (layout.column(i), cells.Status(Said.OPEN, None, None)))
        for i in layout.multi.get("note", []):
            value = values[i] if i < len(values) else None
            if not cells.is_blank(value):
                notes.append(f"{layout.column(i).header}: {cells.text(value)}")
        completed_value = self._get(values, "completed_on")
        completed_day, completed_bound = None, False
        if not cells.is_blank(completed_value):
            try:
                completed_day = cells.done_by(completed_value)
                completed_bound = completed_day is not None
                completed_day = completed_day or cells.parse_day(completed_value, p.held)
            except InvalidInput as exc:
                p.problem(exc, self._col("completed_on"))
            else:
                said.setdefault(
                    Said.DONE, (self._col("completed_on"), cells.Status(Said.DONE, None, None))
                )
        if not said:
            self._status_in_notes(p, values, said)
        p.note = "; ".join([*(p.with_groups or []), *notes]) or None
        done, cancelled = said.get(Said.DONE), said.get(Said.CANCELLED)
        if done and cancelled:
            p.problem(Phrase("row_done_cancelled"), cancelled[0])
            return
        if done:
            column, status = done
            if Said.OPEN in said and said[Said.OPEN][0] is not column:
                p.problem(Phrase("row_done_open"), said[Said.OPEN][0])
                return
            if status.needs_day and completed_day is None and status.day is None:
                # "Đã thực hiện": done, or acted on? Only a day of completion tells.
                p.problem(Phrase("row_performed_no_day", value=status.cell), column)
                return
            # "Hoàn thành" in the result, its day in the progress ("Đã ban hành … ngày 2/5")
            day = completed_day or status.day or done_day or self._done_in_notes(values)
            if day is None and status.late_days is not None:
                day = self._late_by(p, column, status)
                if day is None:
                    return
                p.completed_derived = True
            elif day is not None and status.late_days is not None:
                self._late_by_agrees(p, day, status)
            day = day or self.options.done_date
            if day is None:
                day = self._done_by(p, column, status)
                if day is None:
                    return
                p.completed_on_exact = False
            p.completed_on = day
            if completed_bound and day == completed_day:
                p.completed_on_exact = False  # "by 30/06/2023", as the export writes a bound
            p.completion_note = status.note
            column = self._col("completed_on") if completed_day else column
            self._closing_day(p, day, column, "completion")
            self._claim(p, status)
        elif cancelled:
            column, status = cancelled
            day = status.day or self.options.done_date
            if day is None:
                p.problem(Phrase("row_cancel_no_date"), column)
                return
            p.cancelled_on = day
            p.cancel_reason = status.note
            self._closing_day(p, day, column, "cancellation")
        elif Said.OPEN in said:
            self._claim_open(p, said[Said.OPEN][1])

    def _submitted(self, p: Planned, values: list[Value]) -> None:
        """``Đã trình UBND tỉnh``, ``Đã tham mưu``, ``Đang trình ký``: the unit's product is with
        the leader. The directive is open until the decision; where the office decides
        completions by acceptance (``office set --accept-completions yes --on-time-by
        acceptance``) the row is the completion the unit reported, on the day the cell gives
        (else the sheet's), waiting for ``accept``, as ``done`` records one there."""
        for name in ("progress", "result"):
            value = self._get(values, name)
            if not cells.says_submitted(value):
                continue
            if not self.waits:
                p.warn(Phrase("warn_submitted"))
                return
            column = self._col(name)
            try:
                day = cells.first_day(cells.text(value)) or self.as_of
            except InvalidInput as exc:
                p.problem(exc, column)
                return
            if p.held is not None and day < p.held:
                p.problem(Phrase("row_completion_before", day=day, held=p.held), column)
            else:
                p.submitted_on, p.submitted_column = day, column
                p.warn(Phrase("warn_submitted_claim", day=day))
            return

    def _percent_in_words(self, p: Planned, value: Value) -> None:
        """The progress a result cell tells in words (``Đã thực hiện 80%``), unless the
        progress column gave one."""
        if p.percent is not None:
            return
        try:
            read = cells.said_progress(value)
        except InvalidInput as exc:
            p.problem(exc, self._col("result"))
            return
        p.percent = read.percent
        p.warn_truncated(read)

    def _asked(self, p: Planned, values: list[Value], told: list[int]) -> None:
        """A cell saying the unit asked for a new deadline (``Đề nghị gia hạn đến 30/9/2025``)
        is recorded as that request, waiting for an answer, as ``request extend`` would:
        it must say the day asked for, later than the deadline in force, on a directive still
        open."""
        for i in told:
            try:
                found = cells.asked_for(values[i], p.held, self.calendar)
            except InvalidInput as exc:
                p.problem(exc, self.layout.column(i))
                return
            if found is None:
                continue
            if p.asked is not None and p.asked.to != found.to:
                p.problem(Phrase("row_asked_twice"), self.layout.column(i))
                return
            if p.asked is None:
                p.asked, p.asked_column = found, self.layout.column(i)
        asked, column = p.asked, p.asked_column
        if asked is None:
            return
        if asked.to is None:
            p.problem(Phrase("row_asked_no_day", value=asked.cell), column)
        elif p.completed_on or p.cancelled_on or p.submitted_on:  # done, or waiting for accept
            p.problem(Phrase("row_asked_closed", value=asked.cell), column)
        elif (refused := asked_not_later(asked.to, p.due_in_force)) is not None:
            p.problem(refused, column)
        elif p.held is not None and (refused := due_before_meeting(asked.to, p.held)) is not None:
            p.problem(refused, column)

    def _contradicts(self, p: Planned, status: cells.Status, value: Value, column: Any) -> bool:
        """Whether a status cell says two things (``Không thực hiện``: stopped, or not done?
        ``Hoàn thành, 50%``: done, or half done?); the row is bad, naming what to write."""
        if status.unclear:
            p.problem(Phrase("row_status_unclear", value=cells.text(value)), column)
        elif status.part_percent is not None:
            part = Phrase("row_done_part", value=cells.text(value), percent=status.part_percent)
            p.problem(part, column)
        else:
            return False
        return True

    def _note_statuses(
        self, values: list[Value]
    ) -> Iterator[tuple[int, Value, cells.Status | InvalidInput]]:
        """Each filled note column of the row (ticks aside): its index, its value, and the status
        its words say, or why they say none that can be read."""
        for i in self.layout.multi.get("note", []):
            value = values[i] if i < len(values) else None
            if cells.is_blank(value) or cells.is_tick(value):
                continue
            try:
                yield i, value, self._read_status(value)
            except InvalidInput as exc:
                yield i, value, exc

    def _status_in_notes(self, p: Planned, values: list[Value], said: dict[Said, Any]) -> None:
        """A status written in a note column (``Ghi chú: Đã hoàn thành ngày 2/5/2024``) when no
        other column of the row says one: the clerk's only word on it. Words that say a status
        only with more (``Đã thực hiện``, ``Không thực hiện``) stay a note there."""
        for i, value, status in self._note_statuses(values):
            if isinstance(status, InvalidInput):
                p.problem(status, self.layout.column(i))
                return
            if status.said is None or status.unclear or status.needs_day:
                continue
            if status.part_percent is not None:
                self._contradicts(p, status, value, self.layout.column(i))
                return
            said.setdefault(status.said, (self.layout.column(i), status))

    def _done_in_notes(self, values: list[Value]) -> date | None:
        """The day a note column says the directive was completed (``HT ngày 28/6/2022``,
        ``Đã hoàn thành ngày …``), for a row another column marks done without a day (an x
        under ``Đã hoàn thành``)."""
        for _i, _value, status in self._note_statuses(values):
            if isinstance(status, InvalidInput):
                continue  # a note that is no status stays a note
            if status.said is Said.DONE and status.day is not None and not status.unclear:
                return status.day
        return None

    def _granted(self, p: Planned, values: list[Value], told: list[int]) -> None:
        """An extension a progress, result or note cell says was granted (``Đã được gia hạn
        đến 30/9/2025``) is recorded as one in the deadline cell is (``30/6/2025 (gia hạn đến
        30/9/2025)``); two different ones are a bad row."""
        for i in told:
            column = self.layout.column(i)
            try:
                granted = cells.granted_in(values[i], p.held, self.calendar)
            except InvalidInput as exc:
                p.problem(exc, column)
                return
            if granted is not None:
                self._grant(p, granted, column)

    def _grant(self, p: Planned, granted: tuple[date, str | None], column: Any) -> None:
        day, words = granted
        if p.extended_to is not None:
            if p.extended_to != day:
                p.problem(Phrase("row_extended_twice", due=p.extended_to, other=day), column)
            return
        if p.due is None:
            p.problem(Phrase("cell_extension_no_due", value=words), column)
        elif day <= p.due:
            p.problem(Phrase("cell_extension_not_later", due=p.due, new_due=day), column)
        else:
            p.extended_to, p.extended_text = day, words

    def _done_by(self, p: Planned, column: Any, status: cells.Status) -> date | None:
        """The day a row marked done without a date is recorded as done by (the exact day
        unknown), or None when it cannot be told (the row then says what to add).

        Done by the sheet's day, it was done on time when the deadline is that day or later (or
        there is none): its status is settled. With a deadline before the sheet's day it may
        have been done on time or late, unless the sheet says which (``Hoàn thành đúng hạn``,
        an ``x`` under ``Đã hoàn thành | Quá hạn``): on time, it was done by the deadline; late,
        by the sheet's day.
        """
        add = Phrase("row_add_completion")
        due = p.due_in_force
        on_time = "dung han" in status.phrase or "truoc han" in status.phrase
        late = not on_time and cells.LATE_WORD.search(status.phrase) is not None
        if due is not None and on_time and due < (self.sheet_day or self.options.today):
            return due
        if self.sheet_day is None:
            p.problem(Phrase("row_done_no_date", add=add), column)
            return None
        if due is not None and due < self.sheet_day:
            if late:
                return self.sheet_day
            params = {"due": due, "sheet_day": self.sheet_day, "add": add}
            p.problem(Phrase("row_done_undated", **params), column)
            return None
        return self.sheet_day

    def _late_by(self, p: Planned, column: Any, status: cells.Status) -> date | None:
        """The completion day of a row said done so many days late without its day (``Hoàn
        thành (quá hạn 5 ngày)``): the deadline in force plus those days, counted on the
        office's calendar when the cell says working days (``chậm 3 ngày làm việc``). None, the
        row refused, when the row gives no deadline to count from."""
        due, days = p.due_in_force, status.late_days or 0
        if due is None:
            p.problem(Phrase("row_late_no_due", value=status.cell, n=days), column)
            return None
        if not status.late_working:
            return due + timedelta(days=days)
        try:
            return self.calendar.add(due, days)
        except InvalidInput as exc:  # a year the calendar does not cover, too many days
            p.problem(exc, column)
            return None

    def _late_by_agrees(self, p: Planned, day: date, status: cells.Status) -> None:
        """Warn when a row gives its completion day and says done so many days late, and the
        day is not the deadline plus those days (the day given is the one recorded)."""
        due = p.due_in_force
        if due is None:
            return
        try:
            counted = self.calendar.count(due, day) if status.late_working else (day - due).days
        except InvalidInput:  # a year the calendar does not cover: nothing to compare with
            return
        if counted != status.late_days:
            params = {"value": status.cell, "n": status.late_days, "due": due, "day": day}
            p.warn(Phrase("warn_late_days", **params))

    def _read_status(self, value: Value) -> cells.Status:
        found = self._status_cache.get(value)
        if found is None:
            try:
                found = cells.read_status(value)
            except InvalidInput as exc:
                found = exc
            if len(self._status_cache) > _CACHE_LIMIT:
                self._status_cache.clear()
            self._status_cache[value] = found
        if isinstance(found, DirtrackError):
            again = InvalidInput(str(found))  # a fresh one: a cached exception keeps no traceback
            again.key, again.params = found.key, found.params
            raise again
        return found

    def _closing_day(self, p: Planned, day: date, column: Any, what: str) -> None:
        """A completion or cancellation day: not before the meeting, nor after today (a year
        typed wrong, 2999 for 2022, was recorded without a word)."""
        p.closing_column = column
        if p.held is not None and day < p.held:
            p.problem(Phrase(f"row_{what}_before", day=day, held=p.held), column)
        elif day > self.options.today:
            p.problem(Phrase(f"row_{what}_after", day=day, today=self.options.today), column)

    def _claim(self, p: Planned, status: cells.Status) -> None:
        """Warn when a cell says 'đúng hạn' / 'quá hạn' and the dates say otherwise."""
        said_key = status.phrase
        due = p.due_in_force
        late = due is not None and p.completed_on is not None and p.completed_on > due
        if "dung han" in said_key or "truoc han" in said_key:
            if late:
                p.warn(Phrase("warn_said_on_time"))
        elif cells.LATE_WORD.search(said_key) and p.due_in_force is not None and not late:
            p.warn(Phrase("warn_said_late"))

    def _claim_open(self, p: Planned, status: cells.Status) -> None:
        """Warn when a cell says an open directive is overdue ('Quá hạn') or within its
        deadline ('Còn trong hạn', 'Đang thực hiện trong hạn') and the dates say otherwise."""
        due, as_of = p.due_in_force, self.as_of
        if _SAID_OVERDUE.search(status.phrase):
            if due is None:
                p.warn(Phrase("warn_said_overdue_none"))
            elif due >= as_of:
                p.warn(Phrase("warn_said_overdue", due=due, as_of=as_of))
        elif _SAID_IN_TIME.search(status.phrase) and due is not None and due < as_of:
            # Judged as of today when the sheet says no date: an older sheet needs --as-of.
            key = "warn_said_in_time" if self.sheet_day is not None else "warn_said_in_time_today"
            p.warn(Phrase(key, due=due, as_of=as_of))

    # --- pass 2: match ----------------------------------------------------------------------

    def _match(self) -> None:  # noqa: C901
        """Decide, per row and lead unit, whether to create, update or leave a directive.

        With a key, the directive recorded with that key and unit is updated; failing that, one
        recorded without a key at the same meeting, for the same unit, with the same text is
        adopted (it gets the key). Without a key, a row that repeats a recorded directive is a
        problem: importing a sheet twice must not double it.
        """
        from dirtrack.store.directives import DirectiveFilter, iter_facts
        from dirtrack.store.rules import deadlines_in_force

        ready = [p for p in self.plans if p.problems is None and p.heading is None]
        keys = {p.key for p in ready if p.key}
        by_key = bulk.directive_ids_by_key(self.session, keys) if keys else {}
        # every directive of a meeting, unit and text, in id order: the occurrences of a
        # periodic directive share them, and so do directives recorded --allow-duplicate
        recorded: dict[tuple[int, int, str], list[tuple[int, str | None]]] = defaultdict(list)
        meetings = {p.meeting for p in ready if p.meeting > 0}
        signatures = sorted(bulk.directive_signatures(self.session, meetings))
        for directive_id, meeting_id, unit_id, written, key in signatures:
            recorded[meeting_id, unit_id, same_text_key(written)].append((directive_id, key))
        given_to = self._given_to_retired()
        for directive_id, meeting_id, unit_id, written, key in signatures:
            if given_to.get(directive_id, unit_id) != unit_id:
                entry = (meeting_id, given_to[directive_id], same_text_key(written))
                recorded[entry].append((directive_id, key))
                recorded[entry].sort()
        wanted = {i for found in by_key.values() for i in found}
        if keys:
            wanted.update(i for found in recorded.values() for i, key in found if key is None)
        facts: dict[int, DirectiveFacts] = {}
        ids = sorted(wanted)
        # Read with everything recorded (its progress, its requests), and the deadline in force
        # on each sheet's day, which a row's deadline is compared with.
        days = {self.as_of, *(p.part.as_of for p in ready if p.part is not None)}
        conn = self.session.connection()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for found in iter_facts(self.session, DirectiveFilter(ids=chunk), as_of=date.max):
                facts[found.id] = found
            for day in days:
                for ident, due in deadlines_in_force(conn, chunk, day).items():
                    self.due_then[ident, day] = due
        keyed: dict[tuple[str, int], DirectiveFacts] = {
            (f.key, f.unit_id): f for f in facts.values() if f.key is not None
        }
        for f in facts.values():
            if f.key is not None and f.id in given_to:
                keyed.setdefault((f.key, given_to[f.id]), f)
        # per key, its directives no row of the sheet names by their own unit: one moved to
        # another unit with edit directive is found by the unit it had (_moved_by_edit)
        named = {keyed[p.key, r].id for p in ready if p.key for r in p.leads if (p.key, r) in keyed}
        unnamed = {
            key: [i for i in found if i in facts and i not in named]
            for key, found in by_key.items()
        }
        moved: set[int] = set()
        seen: dict[tuple[str, int], int | str] = {}
        rows_of: dict[tuple[int, int, str], int | str] = {}  # keyless rows: the first of each
        # rows that make a new directive: the first of each meeting, lead unit and text, with
        # its key (a keyless row's: None)
        made: dict[tuple[int, int, str], tuple[int | str, str | None]] = {}
        adopted: set[int] = set()
        for p in ready:
            self._at(p)
            if self._names_retired(p):
                continue
            p.outcomes = []
            text_key = same_text_key(p.text) if recorded and p.meeting > 0 else ""
            for ref in p.leads:
                alike = recorded.get((p.meeting, ref, text_key), []) if text_key and ref > 0 else []
                same = alike[0] if alike else None
                if p.key is None:
                    # as assign refuses the same text to the same unit at the same meeting
                    first = rows_of.setdefault((p.meeting, ref, same_text_key(p.text)), p.label)
                    if same is not None:
                        p.problem(Phrase("row_repeats", id=same[0]), self._col("text"))
                    elif first != p.label:
                        p.problem(Phrase("row_repeats_row", row=first), self._col("text"))
                    else:
                        self._same_text(p, made, (p.meeting, ref, same_text_key(p.text)))
                        p.outcomes.append(Outcome(ref))
                    continue
                if (p.key, ref) in seen:
                    unit, first = self._unit_label(ref), seen[(p.key, ref)]
                    repeats = Phrase("row_key_repeats", key=p.key, unit=unit, row=first)
                    p.problem(repeats, self._col("key"))
                    continue
                seen[(p.key, ref)] = p.label
                current = keyed.get((p.key, ref)) if ref > 0 else None
                lead = ref
                if current is None and ref > 0 and p.key in unnamed:
                    current = self._moved_by_edit(p, ref, unnamed[p.key], facts)
                    if current is not None:
                        moved.add(current.id)
                        lead = current.unit_id  # the unit it has now: its coordinators' lead
                if current is None:
                    current = self._adopt(p, alike, facts, adopted)
                if current is None:
                    if same is not None:
                        # a new key says it is another, which assign asks --allow-duplicate for
                        p.warn(Phrase("warn_key_same_text", id=same[0], key=p.key))
                    else:
                        self._same_text(p, made, (p.meeting, ref, same_text_key(p.text)))
                    p.outcomes.append(Outcome(ref))
                    continue
                outcome = self._compare(p, lead, current)
                if current.key is None and not p.key_made:
                    outcome.updates["key"] = p.key
                    outcome.changes.append(Phrase("chg_key", key=p.key))
                    outcome.action = "update"
                p.outcomes.append(outcome)
        for key, found_ids in by_key.items():
            rows_of_key = [p for p in ready if p.key == key]
            in_sheet = {ref for p in rows_of_key for ref in p.leads}
            for directive_id in found_ids:
                left = facts.get(directive_id)
                if left is None or not rows_of_key or directive_id in moved:
                    continue
                if left.unit_id not in in_sheet and given_to.get(left.id) not in in_sheet:
                    rows_of_key[0].warn(
                        Phrase("warn_key_elsewhere", id=left.id, unit=left.unit_code, key=key)
                    )

    @staticmethod
    def _same_text(
        p: Planned,
        made: dict[tuple[int, int, str], tuple[int | str, str | None]],
        signature: tuple[int, int, str],
    ) -> None:
        """``p`` makes a new directive of ``signature`` (meeting, lead unit, folded text): when
        an earlier row of the sheet made one of the same with another key, it is another
        directive, as with a recorded one (``warn_key_same_text``): ``p`` says which row it
        repeats (one line for each later row, naming the first). Keyless rows that repeat each
        other are refused before this."""
        first = made.setdefault(signature, (p.label, p.key))
        # a key the export made says only that the register held two: no one asked for another
        if first[0] != p.label and first[1] != p.key and not p.key_made:
            p.warn(Phrase("warn_key_same_row", row=first[0]))

    def _adopt(
        self,
        p: Planned,
        alike: list[tuple[int, str | None]],
        facts: dict[int, DirectiveFacts],
        adopted: set[int],
    ) -> DirectiveFacts | None:
        """The recorded directive without a key that the keyed row ``p`` gives its key to, of
        those of its meeting, unit and text (``alike``, in id order), or None: the one whose
        deadline in force on the sheet's day is the row's (the occurrences of a periodic
        directive differ by it), else the first. Each is adopted once: a row adopting none is
        a new directive."""
        free = [facts[i] for i, key in alike if key is None and i not in adopted]
        if not free:
            return None
        found = next((f for f in free if self._due_then(f) == p.due_in_force), free[0])
        adopted.add(found.id)
        return found

    def _due_then(self, facts: DirectiveFacts) -> date | None:
        """The deadline in force on the sheet's day of the recorded directive ``facts``."""
        return self.due_then[facts.id, self.as_of]

    def _meeting_day(self, p: Planned) -> date | None:
        if p.meeting > 0:
            return self.meetings[p.meeting].date
        if p.meeting < 0:
            return self.new_meetings[-p.meeting - 1].day
        return None

    def _given_to_retired(self) -> dict[int, int]:
        """The unit each directive that passed from a retired unit to its successor was given
        to, by directive id (none when no unit retired). Such a directive is found under that
        unit as well as under the one that leads it now, as
        :func:`dirtrack.store.directives.find_same_directive` finds it: a sheet naming the
        retired unit again (imported twice) repeats it, or updates it by key, rather than
        giving it anew."""
        from dirtrack.moves import unit_at
        from dirtrack.store.units import load_moves

        if not any(u.retired_on is not None for u in self.index.units.values()):
            return {}
        moves = load_moves(self.session.connection())
        return {
            ident: unit_at(found[-1].to_unit_id, found, date.min)
            for ident, found in moves.items()
            if found
        }

    def _names_retired(self, p: Planned) -> bool:
        """Refuse ``p`` when its meeting was held on or after the day a unit it names (lead or
        coordinating) retired, as ``assign`` does (:func:`check_not_retired`, naming the
        successor). A unit that retired after the meeting is named: what the row gives it passes
        to the successor once written (:meth:`_hand_over`)."""
        day = self._meeting_day(p)
        if day is None:
            return False
        for refs, column in ((p.leads, "unit"), (p.withs, "with")):
            units = [self.index.units[ref] for ref in refs if ref > 0]
            try:
                check_not_retired(self.session, units, day)
            except Conflict as exc:
                p.problem(exc, self._col(column) or self._col("unit"))
                return True
        return False

    def _hand_over(self, made: list[tuple[Planned, Outcome]]) -> None:
        """Each directive just created that names a unit retired since its meeting: its part
        passes to the successor from the day the unit retired, as ``assign`` does
        (:func:`hand_over_retired`, which keeps what passed for the command to say)."""
        retired = {uid for uid, u in self.index.units.items() if u.retired_on is not None}
        if not retired:
            return
        self.session.flush()
        for p, o in made:
            if o.directive_id is not None and retired & {o.unit, *p.withs}:
                directive = self.session.get(Directive, o.directive_id)
                assert directive is not None
                hand_over_retired(self.session, directive)

    def _edited(self, p: Planned, directive_id: int, field: str) -> bool:
        """Whether the directive's ``field`` (text, product, coordinating units, deadline) was
        last corrected with ``edit directive``: the correction is kept, and the row warns that
        the sheet's value was not taken."""
        from dirtrack.store.history import corrected_by_edit

        found = corrected_by_edit(self.session.connection(), directive_id, field)
        if found is None:
            return False
        p.warn(Phrase(f"warn_edited_{field}", id=directive_id, change=found.change))
        return True

    def _moved_by_edit(
        self, p: Planned, ref: int, ids: list[int], facts: dict[int, DirectiveFacts]
    ) -> DirectiveFacts | None:
        """The directive of the row's key that ``edit directive`` moved from the row's unit
        ``ref`` to another since (``ids``: those of the key that no row of the sheet names by
        its own unit), or None. The row updates it and its corrected unit is kept, as a
        corrected text is: the sheet is the unit's old copy, the correction the clerk's."""
        from dirtrack.store.history import corrected_by_edit

        conn = self.session.connection()
        for directive_id in ids:
            found = corrected_by_edit(conn, directive_id, "unit")
            if found is None or found.before != ref:
                continue
            ids.remove(directive_id)
            moved = facts[directive_id]
            p.warn(
                Phrase(
                    "warn_edited_unit",
                    id=directive_id,
                    key=p.key,
                    was=self._unit_label(ref),
                    unit=moved.unit_code,
                    change=found.change,
                )
            )
            return moved
        return None

    def _compare(self, p: Planned, ref: int, facts: DirectiveFacts) -> Outcome:  # noqa: C901
        layout = self.layout
        o = Outcome(ref, action="update", directive_id=facts.id)
        closed = facts.completed_on is not None or facts.cancelled_on is not None
        if p.text != _as_read(facts.text) and not self._edited(p, facts.id, "text"):
            o.updates["text"] = p.text
            o.changes.append(Phrase("chg_text"))
        if (
            layout.has("product")
            and p.product != _as_read(facts.product)
            and not self._edited(p, facts.id, "product")
        ):
            o.updates["product"] = p.product
            o.changes.append(Phrase("chg_product"))
        if layout.has("with"):
            wanted = sorted(self._unit_label(r) for r in p.withs if r != ref)
            if (
                any(r < 0 for r in p.withs) or wanted != sorted(facts.with_codes)
            ) and not self._edited(p, facts.id, "with"):
                o.replace_with = True
                o.changes.append(Phrase("chg_with"))
        if layout.has("due"):
            # the deadline in force on the sheet's day, which the sheet gives: one extended
            # since is no change the sheet makes
            current = self._due_then(facts)
            if p.due_in_force != current:
                if closed:
                    p.warn(Phrase("warn_closed_due", id=facts.id))
                elif p.due_in_force is None:
                    if current is None:
                        p.warn(Phrase("warn_no_due_none", id=facts.id))
                    else:
                        p.warn(Phrase("warn_no_due", id=facts.id, due=current))
                elif self._edited(p, facts.id, "due"):
                    pass  # the deadline corrected since is kept, and the row says so
                elif self.as_of < facts.meeting_date:
                    params = {"as_of": self.as_of, "held": facts.meeting_date}
                    p.problem(Phrase("row_approved_before", **params), self._col("due"))
                else:
                    o.extend = True
                    o.changes.append(Phrase("chg_due", due=p.due_in_force))
        if p.asked is not None and p.asked.to is not None:
            self._compare_asked(p, o, facts, closed)
        if p.percent is not None or p.note is not None:
            # the news of the sheet's day, against what was logged by that day: a sheet of an
            # earlier day, read after later progress was logged, logged its old figure again
            day = self._progress_day(p)
            known = [entry for entry in facts.progress if entry.reported_on <= day]
            last = known[-1] if known else None
            if last is None or (last.percent, _as_read(last.note)) != (p.percent, p.note):
                if closed:
                    p.warn(Phrase("warn_closed_progress", id=facts.id))
                else:
                    o.add_progress = True
                    o.changes.append(Phrase("chg_progress"))
                    self._lowered(p, facts)
        status_known = any(
            layout.has(name) for name in ("result", "progress", "completed_on", "done_mark")
        )
        if p.completed_on is not None:
            if facts.cancelled_on is not None:
                p.warn(Phrase("warn_cancelled_completion", id=facts.id))
            elif not p.completed_on_exact and facts.completed_on is not None:
                pass  # the register knows the day (or its bound) already
            elif facts.completed_on != p.completed_on:
                if not self._before_recorded(p, facts, p.completed_on, "completion"):
                    o.updates["completed_on"] = p.completed_on
                    o.updates["completed_on_exact"] = p.completed_on_exact
                    o.updates["completion_note"] = p.completion_note
                    o.changes.append(Phrase("chg_completed", day=p.completed_on))
            elif p.completion_note is not None and p.completion_note != _as_read(
                facts.completion_note
            ):
                o.updates["completion_note"] = p.completion_note
                o.changes.append(Phrase("chg_completion_note"))
        elif p.cancelled_on is not None:
            if facts.completed_on is not None:
                p.warn(Phrase("warn_completed_cancellation", id=facts.id))
            elif facts.cancelled_on is None and facts.withdrawn_on == p.cancelled_on:
                pass  # withdrawn that day, as export --format xlsx writes it: nothing new
            elif facts.cancelled_on != p.cancelled_on:
                if not self._before_recorded(p, facts, p.cancelled_on, "cancellation"):
                    o.updates["cancelled_on"] = p.cancelled_on
                    o.updates["cancel_reason"] = p.cancel_reason
                    o.changes.append(Phrase("chg_cancelled", day=p.cancelled_on))
            elif p.cancel_reason is not None and p.cancel_reason != _as_read(facts.cancel_reason):
                o.updates["cancel_reason"] = p.cancel_reason
                o.changes.append(Phrase("chg_cancel_reason"))
        elif p.submitted_on is not None and not closed:
            self._compare_submitted(p, o, facts)
        elif closed and status_known:
            _no_claim(p)  # a submission is not recorded on a closed directive
            if facts.completed_on:
                p.warn(Phrase("warn_recorded_done", id=facts.id, day=facts.completed_on))
            else:
                p.warn(Phrase("warn_recorded_cancelled", id=facts.id, day=facts.cancelled_on))
        for written, act, day_of in (  # the sheet's day, before an occurrence was issued
            (o.add_progress, "progress", self._progress_day),
            (o.extend, "approval", self._approved_on),
            (o.ask, "request", self._asked_on),
        ):
            if written and (
                refused := not_before_given(
                    facts.id, day_of(p), act, held=facts.meeting_date, issued=facts.issued_on
                )
            ):
                p.problem(refused)
        if not o.changes:
            o.action = "unchanged"
        return o

    def _lowered(self, p: Planned, facts: DirectiveFacts) -> None:
        """Warn when the row's percentage goes down from the last one logged by the day it is
        logged on (:func:`dirtrack.status.progress_lowered`): recorded as given, and said."""
        from dirtrack.status import progress_lowered

        day = self._progress_day(p)
        lowered = progress_lowered(facts.progress, p.percent, day)
        if lowered is not None:
            p.warn(
                Phrase(
                    "warn_progress_lower",
                    id=facts.id,
                    percent=p.percent,
                    recorded=lowered.percent,
                    date=lowered.reported_on,
                )
            )

    def _before_recorded(self, p: Planned, facts: DirectiveFacts, day: date, what: str) -> bool:
        """Whether closing the recorded directive on ``day`` (``what``: ``completion``,
        ``cancellation``) comes before a decision recorded on it, which ``done`` and ``cancel``
        refuse: a bad row naming the cell that gave the day (a sheet of an earlier day read
        after an extension was approved recorded the completion ``done`` refused)."""
        from dirtrack.store.directives import before_recorded

        refused = before_recorded(self.session.connection(), facts.id, day, what)
        if refused is not None:
            p.problem(refused, p.closing_column)
        return refused is not None

    def _compare_submitted(self, p: Planned, o: Outcome, facts: DirectiveFacts) -> None:
        """A submission the sheet reports (``Đã trình``, where the office decides by acceptance)
        on a recorded open directive is the completion it reported, waiting for accept, as on a
        new one: not when one waits already, nor when the register returned that submission
        (the sheet's day not after the return), nor on a withdrawn directive; and, as ``done``,
        not on a day before a decision recorded on it."""
        from dirtrack.store.directives import before_recorded

        assert p.submitted_on is not None
        day, result = p.submitted_on, facts.result
        kept = None
        if result is not None and result.accepted_on is None and result.returned_on is None:
            if result.claimed_on == day:
                return  # waiting already: the register says what the sheet says
            kept = Phrase("warn_claim_waiting", id=facts.id, day=result.claimed_on, other=day)
        elif facts.withdrawn_on is not None:
            kept = Phrase("warn_withdrawn_submitted", id=facts.id, day=facts.withdrawn_on)
        elif result is not None and result.returned_on is not None and day <= result.returned_on:
            kept = Phrase("warn_returned_submitted", id=facts.id, day=result.returned_on)
        if kept is not None:
            _no_claim(p)
            p.warn(kept)
            return
        refused = before_recorded(self.session.connection(), facts.id, day, "completion")
        if refused is not None:
            p.problem(refused, p.submitted_column)
            return
        o.claim = True
        o.changes.append(Phrase("chg_claimed", day=day))

    def _compare_asked(self, p: Planned, o: Outcome, facts: DirectiveFacts, closed: bool) -> None:
        """A request the sheet gives again is recorded once: not when a request for that day
        stands already (waiting, granted or refused), refused while another waits. What is
        asked for is judged first, as ``request extend`` judges it
        (:func:`dirtrack.store.results.check_asked_due`, on the day it is recorded as asked
        on); when the row gives the directive a new deadline too, :meth:`_asked` judged it
        against that one."""
        from sqlmodel import select

        from dirtrack.models import Request
        from dirtrack.store.directives import get_directive
        from dirtrack.store.results import EXTEND, check_asked_due

        assert p.asked is not None and p.asked.to is not None
        known = self.session.exec(
            select(Request).where(Request.directive_id == facts.id, Request.kind == EXTEND)
        ).all()
        if any(r.to_due == p.asked.to for r in known):
            return
        if closed:
            p.warn(Phrase("warn_closed_request", id=facts.id))
            return
        if not o.extend:
            directive = get_directive(self.session, facts.id)
            try:
                check_asked_due(self.session, directive, p.asked.to, self._asked_on(p))
            except InvalidInput as exc:
                p.problem(exc, p.asked_column)
                return
        waiting = next((r for r in known if r.decision is None), None)
        if waiting is not None:
            params = {"id": facts.id, "request": waiting.id}
            p.problem(Phrase("request_pending", **params), p.asked_column)
            return
        o.ask = True
        o.changes.append(Phrase("chg_asked", to=p.asked.to))

    # --- reporting --------------------------------------------------------------------------

    def _unit_label(self, ref: int) -> str:
        if ref > 0:
            return self.index.code(ref)
        unit = self.new_units[-ref - 1]
        return unit.code or unit.name

    def _meeting_label(self, p: Planned) -> Any:
        if p.meeting > 0:
            return p.meeting
        if p.meeting < 0:
            new = self.new_meetings[-p.meeting - 1]
            return Phrase("new_meeting_label", title=new.title, day=new.day)
        return None

    @staticmethod
    def _report(p: Planned, action: str, values: dict[str, Any]) -> RowReport:
        if p.part is not None and p.part.sheet is not None:
            values["sheet"] = p.part.sheet  # several sheets read: the row's own
        return RowReport(p.row, action, values, p.problems or [], p.warnings or [])

    def _row_report(self, p: Planned) -> RowReport:
        self._at(p)
        if p.heading is not None:
            values: dict[str, Any] = {"text": p.heading, "meeting": self._meeting_label(p)}
            if p.leads:  # the heading naming the unit of the rows under it
                values["units"] = [self._unit_label(r) for r in p.leads]
            action = "section" if p.meeting or p.leads else "skip"
            if p.problems:
                action = "error"
            return self._report(p, action, values)
        status = None
        if not p.problems:
            status = judge(
                self.session.connection(),
                p.due_in_force,
                p.completed_on,
                p.cancelled_on,
                self.as_of,
            ).value
        outcomes = p.outcomes or []
        values = {
            "units": [self._unit_label(r) for r in p.leads],
            "with": [self._unit_label(r) for r in p.withs],
            "meeting": self._meeting_label(p),
            "text": p.text,
            "due": p.due_in_force.isoformat() if p.due_in_force else None,
            "due_text": p.extended_text if p.extended_to else p.due_text,
            "original_due": p.due.isoformat() if p.due else None,
            "asked_to": p.asked.to.isoformat() if p.asked and p.asked.to else None,
            "status": status,
            "progress": p.percent,
            "note": p.note,
            "completed_on": p.completed_on.isoformat() if p.completed_on else None,
            "completed_on_exact": p.completed_on_exact if p.completed_on else None,
            "cancelled_on": p.cancelled_on.isoformat() if p.cancelled_on else None,
            "key": p.key,
            "product": p.product,
            "directives": [o.directive_id for o in outcomes if o.directive_id is not None],
            "changes": [c for o in outcomes for c in o.changes],
        }
        if p.problems:
            action = "error"
        elif any(o.action == "create" for o in outcomes):
            action = "create"
        elif any(o.action == "update" for o in outcomes):
            action = "update"
        else:
            action = "unchanged"
        return self._report(p, action, values)

    def _result(self) -> ImportResult:
        first = self.parts[0]
        tables = [
            {
                "sheet": part.layout.sheet.name,
                "header_row": part.layout.header_first,
                "as_of": part.as_of.isoformat(),
                "columns": part.layout.columns_read(),
            }
            for part in self.parts
        ]
        details = {**self.details, **{k: v for k, v in tables[0].items() if k != "sheet"}}
        if self.several:
            details = {"sheets": tables, "as_of": first.as_of.isoformat()}
        result = ImportResult(
            file=str(self.path), kind=self.kind, dry_run=self.options.dry_run, details=details
        )
        result.warnings += [Phrase("sheet_not_read", sheet=name) for name in self.unread]
        result.warnings += self.limitations
        result.skipped_sheets = list(self.skipped)
        for part in self.parts:
            self._sheet_warnings(part, result)
        derived = [p.label for p in self.plans if p.completed_derived and not p.problems]
        if derived:
            # the summary says how many completion days the import counted, and on which rows
            result.details["completion_derived"] = derived
            rows = ranges(derived)
            result.warnings.append(Phrase("warn_completion_derived", n=len(derived), rows=rows))
        created = updated = unchanged = skipped = 0
        for p in self.plans:
            if p.problems:
                result.problems.extend(p.problems)
            if p.warnings:
                result.warnings.extend(
                    Phrase("row_warning", row=p.label, text=w) for w in p.warnings
                )
            if p.heading is not None:
                skipped += 1
                continue
            for o in p.outcomes or []:
                if o.action == "create":
                    created += 1
                elif o.action == "update":
                    updated += 1
                else:
                    unchanged += 1
        result.created = {
            "units": len(self.new_units),
            "meetings": len(self.new_meetings),
            "directives": created,
        }
        result.updated, result.unchanged, result.skipped = updated, unchanged, skipped
        self._new_codes()  # a dry run shows the codes the import would give
        result.new_units = [{"name": u.name, "code": u.code} for u in self.new_units]
        result.unknown_units = [
            {"name": u["name"], "rows": list(dict.fromkeys(u["rows"])), "message": u["message"]}
            for u in self.unknown.values()
        ]
        order = {part.sheet: n for n, part in enumerate(self.parts)}
        result.problems.sort(key=lambda q: (order.get(q.sheet, 0), q.row or 0, q.column or ""))
        if self.options.report_rows:
            result.rows = [self._row_report(p) for p in self.plans]
        return result

    def _sheet_warnings(self, part: Part, result: ImportResult) -> None:
        """What the clerk should know of a worksheet read: that it is hidden, its hidden columns
        (left out or read) and its hidden rows, which are read as any row (hiding is not
        deleting). In a run of several sheets each names its sheet, as its rows are named."""
        layout = part.layout
        if layout.sheet.hidden_sheet:
            result.warnings.append(Phrase("warn_hidden_sheet", sheet=layout.sheet.name))
        found: list[Wording] = [
            Phrase(
                "warn_hidden_column",
                column=gone.letter,
                header=gone.header,
                read=kept.letter,
                read_header=kept.header,
                field=kept.field,
            )
            for gone, kept in layout.hidden_left_out
        ]
        hidden_rows = layout.sheet.hidden_rows
        if hidden_rows:
            read = [
                p
                for p in self.plans
                if p.part is part and p.row in hidden_rows and p.heading is None
            ]
            if read:
                rows = ranges([p.row for p in read])
                found.append(Phrase("warn_hidden_rows", n=len(read), rows=rows))
                result.details.setdefault("hidden_rows", []).extend(p.label for p in read)
        found += self._unread_marks(part)
        left_out = {c.index for c, _ in layout.hidden_left_out}
        found += [
            Phrase("warn_hidden_column_read", column=c.letter, header=c.header, field=c.field)
            for c in layout.columns
            if c.index in layout.sheet.hidden
            and c.field not in (None, "ignore")
            and c.index not in left_out
        ]
        found += [
            Phrase("warn_no_due_column", column=c.letter, header=c.header)
            for c in layout.columns
            if not layout.has("due")
            and c.field is None
            and _TIME_HEADER.search(fold_words(c.header))
        ][:1]
        if part.colour_warning is not None:
            found.append(part.colour_warning)
        titled = layout.title_day() if part.sheet_day is None else None
        if titled is not None:
            row, line, day = titled
            today = self.options.today
            found.append(Phrase("warn_title_day", row=row, line=line, day=day, today=today))
        if part.sheet is not None:
            found = [Phrase("sheet_warning", sheet=part.sheet, text=w) for w in found]
        result.warnings += found

    def _unread_marks(self, part: Part) -> list[Wording]:
        """What the rows read carry that no cell value says: a line through the directive's
        text (offices cross out one withdrawn) and comments on the rows' cells. Neither is
        read; each is named, so that nothing the office wrote goes in silence."""
        sheet = part.layout.sheet
        if not sheet.struck and not sheet.comments:
            return []
        rows = sorted({p.row for p in self.plans if p.part is part and p.heading is None})
        read = set(rows)
        found: list[Wording] = []
        texts = {c.index for c in part.layout.columns if c.field == "text"}
        struck = [r for r in rows if texts & sheet.struck.get(r, set())]
        if struck:
            labels = ranges([row_label(part.sheet, r) for r in struck])
            found.append(Phrase("warn_struck_rows", n=len(struck), rows=labels))
        noted = sorted((r, c) for r, c in sheet.comments if r in read)
        if noted:
            shown = [
                f"{column_letter(c)}{r} ({start_of(sheet.comments[(r, c)])!r})"
                for r, c in noted[:3]
            ]
            cells = "; ".join(shown) + ("; …" if len(noted) > 3 else "")
            found.append(Phrase("warn_cell_comments", n=len(noted), cells=cells))
        return found

    # --- pass 3: write ----------------------------------------------------------------------

    def _write(self, result: ImportResult) -> None:
        """Write what the plans say, new directives a chunk at a time (memory stays flat)."""
        session = self.session
        self.progress.stage("writing", sum(len(p.outcomes or []) for p in self.plans))
        unit_ids = self._write_units(result)
        meeting_ids: dict[int, int] = {}
        if self.new_meetings:
            ids = bulk.insert_with_ids(
                session,
                bulk.MEETING,
                [
                    {"date": m.day, "title": m.title, "kind": m.kind.value, "doc": m.doc}
                    for m in self.new_meetings
                ],
            )
            meeting_ids = {-(i + 1): mid for i, mid in enumerate(ids)}

        def unit(ref: int) -> int:
            return ref if ref > 0 else unit_ids[ref]

        created: list[tuple[Planned, Outcome]] = []
        counts = {"progress": 0, "extensions": 0, "requests": 0}
        updated: list[tuple[Planned, Outcome]] = []
        for p in self.plans:
            for o in p.outcomes or ():
                if o.action == "create":
                    created.append((p, o))
                    if len(created) >= WRITE_CHUNK:
                        self._create(created, unit, meeting_ids, counts, result)
                        created = []
                elif o.action == "update":
                    updated.append((p, o))
        self._create(created, unit, meeting_ids, counts, result)
        self._update(updated, unit, counts)
        result.created.update(counts)
        if self.options.report_rows:
            result.rows = [self._row_report(p) for p in self.plans]

    def _new_codes(self) -> None:
        """Give each new unit its code (:func:`unit_code`), once: none that a registered unit's
        code, name or alias, or another new unit's code, already is."""
        if not self.new_units or self.new_units[0].code:
            return
        taken: set[str] = set()
        for info in self.index.all_info():
            taken.update(fold_words(x) for x in (info.code, info.name, *info.aliases))
        for new in self.new_units:
            new.code = unit_code(new.name, taken)

    def _write_units(self, result: ImportResult) -> dict[int, int]:
        if not self.new_units:
            return {}
        self._new_codes()
        ids = bulk.insert_with_ids(
            self.session,
            bulk.UNIT,
            [
                {"code": u.code, "code_key": fold(u.code), "name": u.name, "name_key": fold(u.name)}
                for u in self.new_units
            ],
        )
        result.new_units = [{"name": u.name, "code": u.code} for u in self.new_units]
        return {-(i + 1): uid for i, uid in enumerate(ids)}

    def _create(
        self,
        made: list[tuple[Planned, Outcome]],
        unit: Callable[[int], int],
        meeting_ids: dict[int, int],
        counts: dict[str, int],
        result: ImportResult,
    ) -> None:
        if not made:
            return
        rows = [
            {
                "meeting_id": p.meeting if p.meeting > 0 else meeting_ids[p.meeting],
                "unit_id": unit(o.unit),
                "text": p.text,
                "original_due": p.due,
                "due_text": p.due_text,
                "product": p.product,
                "key": None if p.key_made else p.key,
                "completed_on": p.completed_on,
                "completed_on_exact": p.completed_on_exact,
                "completion_note": p.completion_note,
                "cancelled_on": p.cancelled_on,
                "cancel_reason": p.cancel_reason,
            }
            for p, o in made
        ]
        ids = bulk.insert_with_ids(self.session, bulk.DIRECTIVE, rows)
        del rows
        coordinators: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for (p, o), directive_id in zip(made, ids, strict=True):
            o.directive_id = directive_id
            lead = unit(o.unit)
            for ref in p.withs:
                other = unit(ref)
                if other != lead:
                    coordinators.append({"directive_id": directive_id, "unit_id": other})
            if p.percent is not None or p.note is not None:
                entries.append(self._progress_row(p, directive_id))
        extensions = [
            self._extension_row(p, directive_id)
            for (p, _), directive_id in zip(made, ids, strict=True)
            if p.extended_to is not None
        ]
        bulk.insert_rows(self.session, bulk.COORDINATOR, coordinators)
        bulk.insert_rows(self.session, bulk.PROGRESS, entries)
        bulk.insert_rows(self.session, bulk.EXTENSION, extensions)
        counts["progress"] += len(entries)
        counts["extensions"] += len(extensions)
        for (p, _), directive_id in zip(made, ids, strict=True):
            if p.asked is not None:
                self._ask(p, directive_id)
                counts["requests"] += 1
            if p.submitted_on is not None:
                self.session.flush()
                complete(self.session, directive_id, on=p.submitted_on, regime=self.regime)
        self._hand_over(made)
        result.directive_ids.extend(ids)
        self.progress.advance(len(ids))

    def _update(
        self,
        changed: list[tuple[Planned, Outcome]],
        unit: Callable[[int], int],
        counts: dict[str, int],
    ) -> None:
        if not changed:
            return
        updates: list[dict[str, Any]] = []
        replaced: list[int] = []
        coordinators: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        extensions: list[dict[str, Any]] = []
        for p, o in changed:
            directive_id = o.directive_id
            assert directive_id is not None
            if o.updates:
                updates.append({"id": directive_id, **o.updates})
            if o.replace_with:
                replaced.append(directive_id)
                lead = unit(o.unit)
                coordinators.extend(
                    {"directive_id": directive_id, "unit_id": unit(r)}
                    for r in dict.fromkeys(p.withs)
                    if unit(r) != lead
                )
            if o.add_progress:
                entries.append(self._progress_row(p, directive_id))
            if o.extend:
                extensions.append(self._extension_row(p, directive_id))
        bulk.update_by_id(self.session, Directive, updates)
        bulk.replace_coordinators(self.session, replaced, coordinators)
        bulk.insert_rows(self.session, bulk.PROGRESS, entries)
        bulk.insert_rows(self.session, bulk.EXTENSION, extensions)
        for p, o in changed:
            if o.ask:
                assert o.directive_id is not None
                self._ask(p, o.directive_id)
                counts["requests"] += 1
            if o.claim:
                assert o.directive_id is not None and p.submitted_on is not None
                self.session.flush()
                complete(self.session, o.directive_id, on=p.submitted_on, regime=self.regime)
        counts["progress"] += len(entries)
        counts["extensions"] += len(extensions)
        self.progress.advance(len(changed))

    def _ask(self, p: Planned, directive_id: int) -> None:
        """Record the row's request for a new deadline as ``request extend`` does, asked on the
        sheet's day (not before the meeting), its words the reason."""
        from dirtrack.store.results import EXTEND, ask

        assert p.asked is not None and p.asked.to is not None
        day = self._asked_on(p)
        self.session.flush()
        ask(
            self.session,
            directive_id,
            kind=EXTEND,
            on=day,
            reason=p.asked.cell,
            to_due=p.asked.to,
            due_text=p.asked.text,
        )

    def _asked_on(self, p: Planned) -> date:
        """The day the row's request for a new deadline is recorded as asked on: the sheet's
        day, not before the meeting."""
        self._at(p)
        return self.as_of if p.held is None or self.as_of >= p.held else p.held

    def _approved_on(self, p: Planned) -> date:
        """The day a deadline the sheet gives is recorded as approved: the sheet's day, or the
        day the directive was closed when earlier (the sheet says it was approved by then)."""
        self._at(p)
        closed = p.completed_on or p.cancelled_on or p.submitted_on
        return closed if closed is not None and closed < self.as_of else self.as_of

    def _extension_row(self, p: Planned, directive_id: int) -> dict[str, Any]:
        extended = p.extended_to is not None
        return {
            "directive_id": directive_id,
            "approved_on": self._approved_on(p),
            "new_due": p.due_in_force,
            "due_text": p.extended_text if extended else p.due_text,
            "reason": f"import {self.path.name}",
        }

    def _progress_day(self, p: Planned) -> date:
        """The day the row's progress is logged on: the sheet's, or the day the row closed the
        directive when earlier, not before its meeting."""
        self._at(p)
        day = self.as_of
        closed = p.completed_on or p.cancelled_on or p.submitted_on
        if closed is not None and closed < day:
            day = closed
        if p.held is not None and day < p.held:
            day = p.held
        return day

    def _progress_row(self, p: Planned, directive_id: int) -> dict[str, Any]:
        return {
            "directive_id": directive_id,
            "reported_on": self._progress_day(p),
            "percent": p.percent,
            "note": p.note,
        }


# A text column of limitations: "Nội dung hạn chế", "Tồn tại, hạn chế", "Limitation" (folded).
_LIMITATION_WORDS = re.compile(r"\b(?:han che|ton tai|yeu kem|khuyet diem|limitations?)\b")
# ... unless it holds what is to be done about them: "Nhiệm vụ khắc phục hạn chế" are directives.
_REMEDY_WORDS = re.compile(r"\b(?:khac phuc|giai phap|nhiem vu|chi dao|ket luan|remedy|task)\b")


# The level a unit's name or a level cell says, folded: a commune's words before a district's
# ("thị xã" is a district, "xã" alone a commune), a district's before the province's.
_LEVELS = (
    ("xa", re.compile(r"(?<!thi )\bxa\b|\bphuong\b|\bthi tran\b")),
    ("huyen", re.compile(r"\bhuyen\b|\bthi xa\b|\bthanh pho\b")),
    ("tinh", re.compile(r"\btinh\b")),
)


def _level_of(folded: str) -> str | None:
    return next((name for name, words in _LEVELS if words.search(folded)), None)


def _as_read(text: str | None) -> str | None:
    """A recorded text as a cell holding it is read (:func:`~dirtrack.text.nfc`): a JSON import
    keeps line breaks, tabs and runs of spaces, which a cell's text is read without, so a
    sheet cannot tell them from one space and saying them again is no change."""
    return nfc(text) if text else text


def _no_claim(p: Planned) -> None:
    """Take back the row's notice that its submission is recorded as a completion waiting for
    accept: on a recorded directive, it is not (the row's other notice says why)."""
    if p.warnings:
        p.warnings = [
            w for w in p.warnings if not (isinstance(w, Phrase) and w.key == "warn_submitted_claim")
        ]


def _holds_directives(choice: HeaderChoice | None) -> bool:
    """Whether a worksheet's header is that of a table of directives: a text and a deadline
    column, with or without a lead unit column (a workbook of one sheet per unit has none; a
    summary sheet has no text, a sheet of limitations no deadline)."""
    return choice is not None and all(name in choice.fields for name in ("text", "due"))


def _limitations_column(
    choice: HeaderChoice, pairs: list[tuple[str, str]]
) -> tuple[int, str] | None:
    """The text column of a table of limitations, as (index, header); None for a table of
    directives, or when --map names the text column (the office says what it holds)."""
    if any(name == "text" for _, name in pairs) or "text" not in choice.fields:
        return None
    at = choice.fields.index("text")
    header = choice.labels[at]
    words = fold_words(header)
    if _LIMITATION_WORDS.search(words) is None or _REMEDY_WORDS.search(words) is not None:
        return None
    return at, header


def unit_code(name: str, taken: set[str]) -> str:
    """A code for a new unit from its name's initials: ``Ban Tổ chức Tỉnh ủy`` -> ``BTCTU``;
    acronyms stay whole (``UBND huyện`` -> ``UBNDH``); a number is added when it is taken."""
    parts = []
    for word in re.findall(r"\w+", nfc(name)):
        if word.isdigit():
            parts.append(word)
        elif len(word) > 1 and word.isupper():
            parts.append(fold(word).upper())
        else:
            parts.append(fold(word)[0].upper())
    base = "".join(parts)[:16] or "DV"
    code, n = base, 2
    while fold_words(code) in taken:
        code, n = f"{base}{n}", n + 1
    taken.add(fold_words(code))
    return code
