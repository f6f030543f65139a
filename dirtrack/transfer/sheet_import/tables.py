"""Finding the table or tables a sheet import reads: the one of a CSV file (with the separator
its header reads best with), of the workbook's chosen worksheet, or of several worksheets
(``--sheet A --sheet B``, ``--sheet all``), passing over summary sheets, sheets of limitations and
charts, and naming the other worksheets that hold directives too.

Finding the header row and the field of each column is :mod:`dirtrack.transfer.layout` and
:mod:`dirtrack.transfer.headers`; reading the rows of the table found is :mod:`.rows`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import FirstFew, Phrase
from dirtrack.text import fold_words
from dirtrack.transfer.base import ImportOptions
from dirtrack.transfer.headers import REQUIRED, column_letter
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


class Tables:
    """The tables of one file, and what finding them learned: the details the result reports
    (encoding, separator, sheet), the other worksheets holding directives or limitations, and
    those ``--sheet all`` passed over."""

    def __init__(self, path: Path, options: ImportOptions, kind: str) -> None:
        self.path = path
        self.options = options
        self.kind = kind
        # Several worksheets in one run (--sheet repeated, or --sheet all)
        self.several = reads_all(options.sheet) or len(options.sheet) > 1
        self.details: dict[str, Any] = {}
        self.unread: list[str] = []  # other worksheets holding a table of directives too
        self.limitations: list[Phrase] = []  # and those holding limitations: not read either
        # the worksheets --sheet all passes over, each with why
        self.skipped: list[tuple[str, Phrase]] = []

    def layouts(self, pairs: list[tuple[str, str]]) -> list[Layout]:
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
            return self._named(make(*args), sheet)
        except InvalidInput as exc:
            raise self._refused(exc, sheet) from None

    def _named(self, layout: Layout, sheet: Sheet | None) -> Layout:
        """``layout``, the refusal it keeps for later (no unit column, unless a heading names
        the rows' unit) naming the file and ``sheet`` as :meth:`_refused` does."""
        if layout.no_unit is not None:
            layout.no_unit = self._refused(layout.no_unit, sheet)
        return layout

    def _refused(self, exc: InvalidInput, sheet: Sheet | None) -> InvalidInput:
        """``exc`` naming the file and ``sheet`` (a CSV file has none), unless it names them
        already: ``row 1: no column holds the text`` must say which file, as every other
        refusal of a sheet does."""
        if "sheet" in exc.params or "sheets" in exc.params or "name" in exc.params:
            return exc
        if sheet is None:
            return InvalidInput.of("csv_refused", name=self.path.name, reason=exc)
        return InvalidInput.of("sheet_refused", name=self.path.name, sheet=sheet.name, reason=exc)

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
        try:
            return self._named(build_layout(best, pairs), None)
        except InvalidInput as exc:
            raise self._refused(exc, None) from None

    def _layout_of(self, sheets: list[Sheet], pairs: list[tuple[str, str]]) -> Layout:
        """The table of the first of ``sheets`` holding one (see :meth:`layouts`)."""
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
                return self._in_sheet(sheet, build_layout, choice, pairs)
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
            return self._in_sheet(partial.sheet, build_layout, partial, pairs)
        if len(empty) == len(sheets):
            which = FirstFew([repr(s) for s in empty])
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
            shown = FirstFew([repr(s.name or "") for s in sheets])
            return InvalidInput.of("no_header_in", name=name, n=HEADER_SCAN, sheets=shown)
        return InvalidInput.of("no_header", name=name, n=HEADER_SCAN)


# A text column of limitations: "Nội dung hạn chế", "Tồn tại, hạn chế", "Limitation" (folded).
_LIMITATION_WORDS = re.compile(r"\b(?:han che|ton tai|yeu kem|khuyet diem|limitations?)\b")
# ... unless it holds what is to be done about them: "Nhiệm vụ khắc phục hạn chế" are directives.
_REMEDY_WORDS = re.compile(r"\b(?:khac phuc|giai phap|nhiem vu|chi dao|ket luan|remedy|task)\b")


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
