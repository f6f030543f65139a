"""Pass 1 of a sheet import: each row of a table read into a :class:`~.plan.Planned` directive
(or a heading), noting each problem with its row and column: cells no value can be read from,
the text, the lead and coordinating units, the meeting, the deadline and status, the key; and the
sheet-wide checks of the rows (status told by colour, a table without a unit column).

Which rows are no directive is :mod:`.row_kinds`; the units, meeting and status of a row are
:mod:`.units`, :mod:`.meetings` and :mod:`.status_cells`.
"""

from __future__ import annotations

import re

from dirtrack.errors import DirtrackError, InvalidInput
from dirtrack.extract.keys import is_sheet_key
from dirtrack.i18n import Phrase
from dirtrack.periods import counted_on_calendar
from dirtrack.store import bulk, limits
from dirtrack.text import MAX_TEXT, clean_imported, fold, held_length
from dirtrack.transfer import values as cells
from dirtrack.transfer.base import ranges
from dirtrack.transfer.headers import SLASH_ROLES, column_letter
from dirtrack.transfer.layout import Layout
from dirtrack.transfer.sheet import unsaved_cell
from dirtrack.transfer.sheet_import.plan import Part, Planned
from dirtrack.transfer.sheet_import.row_kinds import WHOLE_STT, RowKinds
from dirtrack.transfer.sheet_import.status_cells import StatusCells
from dirtrack.transfer.values import Value

CHUNK = 500  # rows between two progress updates
# Fields read as text (names, numbers of documents): no tick or checkbox stands for one.
_TEXT_FIELDS = ("text", "unit", "with", "product", "meeting", "doc", "key")

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


class RowReading(StatusCells, RowKinds):
    """Reading a table's rows (see the module)."""

    def _read(self, layout: Layout) -> None:
        """Pass 1 over one worksheet's table (or the CSV file's)."""
        self.layout = layout
        # The day the sheet is up to, when it or --as-of says: it bounds undated completions.
        self.sheet_day = self.options.as_of or layout.as_of()
        if self.sheet_day is not None and self.sheet_day > self.options.today:
            # Only the sheet's own line can say so (--as-of after today is refused as read):
            # its progress would be logged on a day still to come, a year typed wrong unseen.
            raise InvalidInput.of(
                "sheet_day_after_today",
                where=self._where(layout.sheet.name),
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
        for number in range(layout.header_first, layout.header_last + 1):
            # a header cell holding a formula never saved (=Mã) read as no header: its column
            # was left out in silence, not even named among the columns left out
            unsaved_cell(
                self.path,
                layout.sheet,
                number,
                sorted(c for r, c in layout.sheet.unsaved if r == number),
            )
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
            if layout.sheet.unsaved:  # a formula never saved, in a cell read: refused
                unsaved_cell(self.path, layout.sheet, number, self.content)
            planned = self._plan(number, values)
            if planned is not None:
                for where in removed:
                    planned.warn(where)
                self.plans.append(planned)
                if planned.heading is None:
                    self._unheaded(layout, number, values)
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

    def _unheaded(self, layout: Layout, number: int, values: list[Value]) -> None:
        """Note the cells of a directive's row in a column that is not read: under no header
        (and given no --map), or under a header no field reads (``Người theo dõi``) and not
        left out by --map 'COLUMN=ignore'. Left out of the import, they were left out without
        a word (a completion written beside the table, a unit's answer, who follows it up):
        the dry run's ``Columns left out`` named a column with a header, the import itself
        nothing."""
        columns = layout.columns
        for index, value in enumerate(values):
            if cells.is_blank(value):
                continue
            column = columns[index] if index < len(columns) else None
            if column is not None and column.field is None and column.header:
                self.part.unread.setdefault(index, []).append(number)
            elif column is None or not (column.header or column.field):
                self.part.unheaded.setdefault(index, []).append(number)

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
        if silent:
            raise InvalidInput.of(
                "sheet_status_by_colour",
                where=self._where(layout.sheet.name),
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
            i: Phrase("cell_too_long", length=length, limit=MAX_TEXT)
            for i in self.content
            if i < len(values)
            and isinstance(value := values[i], str)
            and (length := held_length(value, MAX_TEXT)) > MAX_TEXT
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
        whole = WHOLE_STT.match(stt)
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
        both = [ref for ref in p.withs if ref in p.leads]
        if both:  # a lead is not its own coordinator, as `assign --unit X --with X` stores it
            p.withs = [ref for ref in p.withs if ref not in both]
            units = ", ".join(self._unit_label(ref) for ref in both)
            p.warn(Phrase("warn_lead_also_with", units=units, n=len(both)))
        self._meeting(p, values)
        if p.held is not None and self.sheet_day is not None and self.sheet_day < p.held:
            # a sheet up to a day before the meeting cannot tell of the directives it gave
            # (its progress was logged on the meeting's day, without a word)
            params = {"as_of": self.sheet_day, "held": p.held}
            p.problem(Phrase("row_sheet_before_meeting", **params), self._col("meeting"))
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
        if p.extended_to is not None and p.held is not None and p.approved_on < p.held:
            params = {"as_of": p.approved_on, "held": p.held}
            p.problem(Phrase("row_approved_before", **params), self._col("due"))
        self._calendar_notice(p)
        self._short_years(p, values)
        return p

    def _short_years(self, p: Planned, values: list[Value]) -> None:
        """Each day a cell read for its dates writes with a two-digit year (``05/03/26``) is
        named with the day it was read as, the century assumed as Excel assumes it
        (:func:`dirtrack.transfer.values.short_years`): it was read without a word."""
        layout = self.layout
        named = ("due", "extended", "completed_on", "meeting_date")
        columns = [layout.single[n] for n in named if n in layout.single] + self.status_columns
        for i in dict.fromkeys(columns):
            for written, read in cells.short_years(values[i] if i < len(values) else None):
                column = layout.column(i)
                p.warn(
                    Phrase(
                        "warn_two_digit_year",
                        column=column.letter,
                        header=column.header,
                        written=written,
                        read=read,
                    )
                )

    @staticmethod
    def _calendar_notice(p: Planned) -> None:
        """A deadline, extension or day asked for whose words count on the office's calendar
        (``Trước ngày 15/4``, ``trong 10 ngày làm việc``: its days off and moved days) is named
        with the day it was counted as, for the clerk to check."""
        asked = (p.asked.text, p.asked.to) if p.asked is not None else (None, None)
        for words, day in ((p.due_text, p.due), (p.extended_text, p.extended_to), asked):
            if day is not None and words and counted_on_calendar(words):
                p.warn(Phrase("warn_due_on_calendar", text=words, due=day))

    def _below_end(self, number: int, values: list[Value], ended: int) -> None:
        """A row under the end of the table (``ended``) that reads as a directive, with its text
        and a lead unit that is registered or an item number, is a bad row: it would otherwise be
        left out in silence (notes written between the rows, a table pasted below another)."""
        written = cells.text(self._get(values, "text"))
        unit = cells.text(self._get(values, "unit"))
        if not written or not unit or not isinstance(self._get(values, "unit"), str):
            return  # no directive: a count under a unit column (a summary table below)
        numbered = WHOLE_STT.match(cells.text(self._get(values, "stt"))) is not None
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
