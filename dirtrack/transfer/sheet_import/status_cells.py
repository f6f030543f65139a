"""A row's deadline and status as its cells tell them: the deadline (and an extension granted
or asked for), the progress and its note, and whether the directive is done, cancelled, open or
submitted, on which day, with the checks of those days (not before the meeting, not after today)
and the warnings where the words and the dates disagree.

Reading one cell's value (a date, a percentage, a status's words) is
:mod:`dirtrack.transfer.values`; comparing with what the register holds is :mod:`.match`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from dirtrack.errors import DirtrackError, InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.periods import no_year_said
from dirtrack.store.directives import due_before_meeting
from dirtrack.store.results import asked_not_later
from dirtrack.text import fold_words
from dirtrack.transfer import values as cells
from dirtrack.transfer.sheet_import.plan import Planned
from dirtrack.transfer.sheet_import.state import ImportState, remember
from dirtrack.transfer.values import Said, Value

# An open directive said to be overdue, or within its deadline (folded status words).
_SAID_OVERDUE = re.compile(r"\bqua han\b")

_SAID_IN_TIME = re.compile(r"\b(?:trong|con) han\b")


class StatusCells(ImportState):
    """Reading a row's deadline and status (see the module)."""

    def _deadline(self, p: Planned, values: list[Value]) -> None:
        value = self._get(values, "due")
        if cells.says_no_day(value):
            return
        # Most deadlines do not depend on the meeting's date; only those without a year do.
        found = self._read_due(value, None)
        if isinstance(found, DirtrackError) and p.held is not None:
            # Read again with the meeting's date; a row without one keeps the first error.
            found = self._read_due(value, p.held)
            if not isinstance(found, DirtrackError):
                self._no_year(p, value, found, p.held)
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

    def _no_year(self, p: Planned, value: Value, found: cells.DueCell, held: date) -> None:
        """A deadline whose words name no year (``30/6``, ``Quý III``), read in the year of the
        meeting: said in a warning on its row, as ``assign --due`` says it, not taken without a
        word (:func:`dirtrack.periods.no_year_said`)."""

        def read(day: date) -> date:
            again = self._read_due(value, day)
            if isinstance(again, InvalidInput):
                raise again
            if isinstance(again, DirtrackError) or again.due is None:
                raise InvalidInput.of("not_a_deadline", text=found.text or "", date_forms="",
                                      span_forms="")  # fmt: skip
            return again.due

        if found.due is None or not found.text:
            return
        if said := no_year_said(found.text, held, found.due, read, self.calendar):
            p.warn(said)

    def _read_due(self, value: Value, held: date | None) -> cells.DueCell | DirtrackError:
        """A deadline cell read on the meeting day ``held`` (or without one), or why it cannot
        be, remembered: a sheet repeats its deadlines."""
        key = (type(value), value, held)
        found = self._due_cache.get(key)
        if found is None:
            try:
                found = cells.read_due(value, held, self.calendar)
            except InvalidInput as exc:
                found = exc
            remember(self._due_cache, key, found)
        return found

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
        elif p.due is None and p.extended_to is None:
            # given no deadline (the cell blank, or words naming no day) and extended since:
            # recorded so, as `extend` of such a directive and the JSON import record it
            p.extended_to, p.extended_text = day, words
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
        if not cells.says_no_day(completed_value):
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
            if self._closing_day(p, day, column, "completion"):
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
        elif p.closed_on is not None:  # done, or waiting for accept
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
        if due is not None and status.says_on_time and due < (self.sheet_day or self.options.today):
            return due
        if self.sheet_day is None:
            p.problem(Phrase("row_done_no_date", add=add), column)
            return None
        if due is not None and due < self.sheet_day:
            if status.says_late:
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
            remember(self._status_cache, value, found)
        if isinstance(found, DirtrackError):
            again = InvalidInput(str(found))  # a fresh one: a cached exception keeps no traceback
            again.key, again.params = found.key, found.params
            raise again
        return found

    def _closing_day(self, p: Planned, day: date, column: Any, what: str) -> bool:
        """Whether a completion (a submission waiting for acceptance too) or cancellation day
        is taken: not before the meeting, nor after today (a year typed wrong, 2999 for 2022,
        was recorded without a word); else a bad row naming ``column``."""
        p.closing_column = column
        if p.held is not None and day < p.held:
            p.problem(Phrase(f"row_{what}_before", day=day, held=p.held), column)
        elif day > self.options.today:
            p.problem(Phrase(f"row_{what}_after", day=day, today=self.options.today), column)
        else:
            return True
        return False

    def _claim(self, p: Planned, status: cells.Status) -> None:
        """Warn when a cell says 'đúng hạn' / 'quá hạn' and the dates say otherwise."""
        due = p.due_in_force
        late = due is not None and p.completed_on is not None and p.completed_on > due
        if status.says_on_time:
            if late:
                p.warn(Phrase("warn_said_on_time"))
        elif status.says_late and p.due_in_force is not None and not late:
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
