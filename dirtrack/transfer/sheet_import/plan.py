"""What the import makes of a sheet's rows before it writes anything: each row read as a
:class:`Planned` directive (or a heading), what becomes of it per lead unit (:class:`Outcome`), the
worksheet it is on (:class:`Part`), and the units and meetings the import would create.

Data only, with the days a row's records are dated on (the sheet's day, bounded by the row's
meeting and closing); how the rows are read, matched and written is in the modules beside this
one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dirtrack.i18n import Figure, Phrase
from dirtrack.models import MeetingKind
from dirtrack.transfer import values as cells
from dirtrack.transfer.base import Problem, Wording, row_label
from dirtrack.transfer.layout import Layout


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
    # The rows of the table with a value in a column under no header and given no --map (a
    # column index, from 0 -> its rows): not read, and said so.
    unheaded: dict[int, list[int]] = field(default_factory=dict)
    # The same for a column with a header that no field reads (and no --map names): its rows.
    unread: dict[int, list[int]] = field(default_factory=dict)


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

    @property
    def closed_on(self) -> date | None:
        """The day the row closes its directive: completed, cancelled, or submitted (waiting for
        accept where the office decides by acceptance)."""
        return self.completed_on or self.cancelled_on or self.submitted_on

    @property
    def as_of(self) -> date:
        """The day the row's worksheet is up to (its own, or ``--as-of``, or today)."""
        assert self.part is not None
        return self.part.as_of

    @property
    def asked_on(self) -> date:
        """The day the row's request for a new deadline is recorded as asked on: the sheet's
        day, not before the meeting."""
        return self.as_of if self.held is None or self.as_of >= self.held else self.held

    @property
    def approved_on(self) -> date:
        """The day a deadline the sheet gives is recorded as approved: the sheet's day, or the
        day the directive was closed when earlier (the sheet says it was approved by then)."""
        closed = self.closed_on
        return closed if closed is not None and closed < self.as_of else self.as_of

    @property
    def progress_day(self) -> date:
        """The day the row's progress is logged on: the sheet's, or the day the row closed the
        directive when earlier, not before its meeting."""
        day = self.as_of
        closed = self.closed_on
        if closed is not None and closed < day:
            day = closed
        if self.held is not None and day < self.held:
            day = self.held
        return day


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
