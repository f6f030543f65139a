"""The result of a sheet import: its counts, problems and warnings, the details of the tables
read, each row's report (``--report-rows``), the warnings of a worksheet (hidden rows and columns,
struck text, comments, a date in the title), and the hints of a refusal.

How the result is shown is :mod:`dirtrack.render.import_view`; what it holds is
:class:`dirtrack.transfer.base.ImportResult`.
"""

from __future__ import annotations

import re
from typing import Any

from dirtrack.i18n import Phrase
from dirtrack.store.rules import judge
from dirtrack.text import fold_words, start_of
from dirtrack.transfer.base import ImportResult, RowReport, Wording, ranges, row_label
from dirtrack.transfer.headers import column_letter
from dirtrack.transfer.sheet_import.meetings import MeetingNames
from dirtrack.transfer.sheet_import.plan import Part, Planned
from dirtrack.transfer.sheet_import.units import UnitNames

# A header left out that may hold the deadline ("Thời gian", "Thời điểm", "Ngày"), named when no
# column is read as the deadline: every directive would come in without one, unsaid.
_TIME_HEADER = re.compile(r"\b(?:thoi gian|thoi diem|han|ngay|moc|time|date|when)\b")


class Reporting(UnitNames, MeetingNames):
    """Making the import's result (see the module)."""

    def _hint(self, result: ImportResult) -> list[Phrase]:
        hints = [Phrase("hint_dry_run")]
        if self.unknown and not self.options.create_units:
            hints.append(Phrase("hint_create_units"))
        if any(getattr(p.message, "key", None) == "row_no_meeting" for p in result.problems):
            hints.append(Phrase("hint_add_meeting"))
        return hints

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
        details = {**self.tables.details, **{k: v for k, v in tables[0].items() if k != "sheet"}}
        if self.several:
            details = {"sheets": tables, "as_of": first.as_of.isoformat()}
        result = ImportResult(
            file=str(self.path), kind=self.kind, dry_run=self.options.dry_run, details=details
        )
        result.warnings += [Phrase("sheet_not_read", sheet=name) for name in self.tables.unread]
        result.warnings += self.tables.limitations
        result.skipped_sheets = list(self.tables.skipped)
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
        self._report_rows(result)
        return result

    def _report_rows(self, result: ImportResult) -> None:
        """Each row's report, when ``--report-rows`` asks for them."""
        if self.options.report_rows:
            result.rows = [self._row_report(p) for p in self.plans]

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
        no_due = [
            c
            for c in layout.columns
            if not layout.has("due")
            and c.field is None
            and _TIME_HEADER.search(fold_words(c.header))
        ][:1]
        found += [Phrase("warn_no_due_column", column=c.letter, header=c.header) for c in no_due]
        found += [
            Phrase("warn_unheaded_column", column=column_letter(index), rows=ranges(rows))
            for index, rows in sorted(part.unheaded.items())
        ]
        found += [
            Phrase(
                "warn_unread_column",
                column=column_letter(index),
                header=layout.columns[index].header,
                rows=ranges(rows),
            )
            for index, rows in sorted(part.unread.items())
            # a hidden copy of a column read, or the deadline's maybe: said above
            if index not in left_out | {c.index for c in no_due}
        ]
        if part.colour_warning is not None:
            found.append(part.colour_warning)
        short = layout.as_of_short_years() if self.options.as_of is None else None
        if short is not None:
            row, found_short = short
            found += [
                Phrase("warn_title_two_digit_year", row=row, written=written, read=read)
                for written, read in found_short
            ]
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
