"""What every importer shares: its options, the problems it finds, its result, progress.

An importer reads a whole file and checks every row before it writes anything (all or
nothing). It reports what it found as an :class:`ImportResult`; when any row has a problem and
the run is not a dry run, it raises :class:`ImportRejected`, whose one-line message names every
bad row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableSequence, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeAlias

from dirtrack.errors import DirtrackError, InvalidInput
from dirtrack.i18n import FirstFew, Phrase, error_text

# What a problem or a warning says: user data as given (a str), or a sentence of the catalog
# (a Phrase, or a DirtrackError caught from a check), said in the reader's language.
Wording: TypeAlias = str | Phrase | DirtrackError


def in_lang(text: Wording, lang: str) -> str:
    """``text`` in ``lang``: a plain str is user data and stays as it is."""
    return text if isinstance(text, str) else text.render(lang)


def _said(value: object, lang: str) -> object:
    """A row's value for output: sentences of the catalog (alone or in a list) in ``lang``."""
    if isinstance(value, Phrase):
        return value.render(lang)
    if isinstance(value, list):
        return [item.render(lang) if isinstance(item, Phrase) else item for item in value]
    return value


# How many problems the one-line error spells out; every bad row is still counted.
SHOWN_PROBLEMS = 8


class Progress(Protocol):
    """Where an importer or exporter reports how far it got (a bar on a terminal, else nothing).

    ``stage`` names the step by a key (``reading``, ``checking``, ``writing``, ``exporting``,
    ``copying``) that the renderer translates; ``advance`` moves it on by ``n`` items.
    """

    def stage(self, key: str, total: int | None = None) -> None: ...

    def advance(self, n: int = 1) -> None: ...


class NoProgress:
    """A :class:`Progress` that shows nothing."""

    def stage(self, key: str, total: int | None = None) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None


@dataclass(frozen=True)
class ImportOptions:
    """What ``dirtrack import`` was asked to do. Options that do not apply to a kind of file are
    refused by its importer rather than ignored."""

    dry_run: bool = False
    mapping: tuple[str, ...] = ()
    key_column: str | None = None
    meeting_id: int | None = None
    create_units: bool = False
    allow_duplicate: bool = False  # a meeting draft: import it again as a new meeting
    # --sheet, as often as given: the worksheets to read (one, several, or "all")
    sheet: tuple[str, ...] = ()
    as_of: date | None = None
    done_date: date | None = None
    today: date = field(default_factory=date.today)
    # Keep a report of every row (for --dry-run and --format json/csv); off for plain imports,
    # so that a large file does not hold one dict per row.
    report_rows: bool = False

    def sheet_options(self) -> list[str]:
        """The spreadsheet-only options that were given, as typed on the command line."""
        given = [
            ("--map", bool(self.mapping)),
            ("--key-column", self.key_column is not None),
            ("--meeting", self.meeting_id is not None),
            ("--create-units", self.create_units),
            ("--sheet", bool(self.sheet)),
            ("--as-of", self.as_of is not None),
            ("--done-date", self.done_date is not None),
        ]
        return [name for name, present in given if present]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the file, where it is: a row and column when there is one.

    A draft's problem has no row: ``place`` names its block (``directives #3``) and ``line``
    the line of the draft it starts on, when known.
    """

    message: Wording
    row: int | None = None
    column: str | None = None
    header: str | None = None
    place: str | None = None
    line: int | None = None
    # The worksheet of the row, when a run reads several: the row is named ``'Quý 1'!5``.
    sheet: str | None = None

    @property
    def row_label(self) -> int | str | None:
        return None if self.row is None else row_label(self.sheet, self.row)

    def where(self, lang: str = "en") -> str:
        parts = []
        if self.row is not None:
            parts.append(error_text("w_row", lang, {"row": self.row_label}))
        if self.column is not None:
            params = {"column": self.column, "header": self.header}
            parts.append(error_text("w_column_of" if self.header else "w_column", lang, params))
        return ", ".join(parts)

    def text(self, lang: str = "en") -> str:
        """What is wrong in ``lang``, with the draft's line and block when there are."""
        text = in_lang(self.message, lang)
        if self.place is not None:
            text = f"{self.place}: {text}"
        if self.line is not None:
            text = error_text("w_line", lang, {"line": self.line}) + ", " + text
        return text

    def render(self, lang: str) -> str:
        """Where and what, in ``lang``."""
        where = self.where(lang)
        text = self.text(lang)
        return f"{where}: {text}" if where else text

    def __str__(self) -> str:
        return self.render("en")

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        found = {
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "message": self.text(lang),
        }
        if self.sheet is not None:
            found["sheet"] = self.sheet
        return found


@dataclass
class RowReport:
    """What one row of the file means, for ``--dry-run`` and ``--format json``.

    ``action`` is ``create``, ``update``, ``unchanged``, ``skip`` (a blank or heading row),
    ``section`` (a heading naming the meeting of the rows below it) or ``error``.
    """

    row: int
    action: str
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Wording] = field(default_factory=list)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "row": self.row,
            "action": self.action,
            **{name: _said(value, lang) for name, value in self.values.items()},
            "problems": [p.as_dict(lang) for p in self.problems],
            "warnings": [in_lang(w, lang) for w in self.warnings],
        }


@dataclass
class ImportResult:
    """What an import found and (unless a dry run) wrote."""

    file: str
    kind: str
    dry_run: bool
    details: dict[str, Any] = field(default_factory=dict)
    rows: list[RowReport] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    new_units: list[dict[str, str]] = field(default_factory=list)
    unknown_units: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Wording] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    directive_ids: MutableSequence[int] = field(default_factory=list)
    # The worksheets ``--sheet all`` passed over, each with why (a ``skip_…`` phrase).
    skipped_sheets: list[tuple[str, Phrase]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def bad_rows(self) -> list[int | str]:
        """The bad rows' numbers (``'Quý 1'!5`` when the run read several sheets)."""
        return bad_rows(self.problems)

    def as_dict(self, *, with_rows: bool, lang: str = "en") -> dict[str, Any]:
        """The result as JSON; ``message`` and warning texts in ``lang``, keys unchanged."""
        record: dict[str, Any] = {
            "file": self.file,
            "kind": self.kind,
            "dry_run": self.dry_run,
            **self.details,
            "created": dict(self.created),
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "new_units": list(self.new_units),
            "unknown_units": [
                {**u, "message": in_lang(u["message"], lang)} if "message" in u else dict(u)
                for u in self.unknown_units
            ],
            "bad_rows": self.bad_rows(),
            "problems": [p.as_dict(lang) for p in self.problems],
            "warnings": [in_lang(w, lang) for w in self.warnings],
            "directive_ids": list(self.directive_ids),
            "skipped_sheets": [
                {"sheet": name, "why": why.key.removeprefix("skip_"), "reason": why.render(lang)}
                for name, why in self.skipped_sheets
            ],
        }
        if with_rows:
            record["rows"] = [r.as_dict(lang) for r in self.rows]
        return record


_PLAIN_SHEET = re.compile(r"^\w+$")


def row_label(sheet: str | None, row: int) -> int | str:
    """A row as a person finds it: its number, or ``Sheet!row`` (``'Quý 1'!5``, quoted as
    Excel quotes a sheet's name with spaces or signs) when a run reads several sheets."""
    if sheet is None:
        return row
    name = sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{row}"


def bad_rows(problems: Iterable[Problem]) -> list[int | str]:
    """The rows of ``problems``, each once, sheet by sheet in the order met, by number."""
    order: dict[str | None, int] = {}
    found: set[tuple[int, int, str | None]] = set()
    for p in problems:
        if p.row is not None:
            found.add((order.setdefault(p.sheet, len(order)), p.row, p.sheet))
    return [row_label(sheet, row) for _, row, sheet in sorted(found)]


def problems_said(problems: Sequence[Problem]) -> FirstFew:
    """The first :data:`SHOWN_PROBLEMS` of ``problems`` and how many more, for a one-line
    error: "row 3: …; row 5: …; and 12 more problems"."""
    return FirstFew(problems, "problems_and_more", joined="; ", shown=SHOWN_PROBLEMS)


def ranges(numbers: Iterable[int | str]) -> FirstFew:
    """``[3, 4, 5, 9]`` as ``3-5, 9``; rows named with their sheet (``'Quý 1'!3``) are run
    together sheet by sheet: ``'Quý 1'!3-5, 'Quý 2'!2``. Past the first few runs
    (:class:`~dirtrack.i18n.FirstFew`), how many rows more (``2, 4, …, 20 and 9,990 more
    rows``): every other row of 20,000 bad made an Error line of 65,000 characters."""
    groups: dict[str, list[int]] = {}
    for item in numbers:
        if isinstance(item, int):
            groups.setdefault("", []).append(item)
        else:
            sheet, _, number = item.rpartition("!")
            groups.setdefault(sheet + "!", []).append(int(number))
    parts = []
    for prefix, rows in groups.items():
        spans: list[list[int]] = []
        for n in sorted(set(rows)):
            if spans and n == spans[-1][1] + 1:
                spans[-1][1] = n
            else:
                spans.append([n, n])
        parts += [(f"{prefix}{a}" if a == b else f"{prefix}{a}-{b}", b - a + 1) for a, b in spans]
    return FirstFew([label for label, _n in parts], "rows_and_more", sizes=[n for _l, n in parts])


class ImportRejected(InvalidInput):
    """The file has problems; nothing was written. The message names every bad row.

    ``file`` is the file's name, or a :class:`Phrase` said in the reader's language where there
    is no file (the draft ``extract --apply`` records)."""

    def __init__(
        self, file: str | Phrase, problems: Sequence[Problem], hints: Sequence[Phrase] = ()
    ) -> None:
        self.file = file
        self.problems = list(problems)
        self.hints = list(hints)
        super().__init__(self.render("en"))

    def render(self, lang: str) -> str:
        rows = bad_rows(self.problems)
        if rows:
            params: dict[str, object] = {"file": self.file, "n": len(rows), "rows": ranges(rows)}
            head = error_text("import_rejected", lang, params)
        else:
            head = error_text("import_rejected_file", lang, {"file": self.file})
        shown = problems_said(self.problems).render(lang)
        hint = "; ".join(h.render(lang) for h in self.hints)
        return f"{head}. {shown}{'. ' + hint if hint else ''}"
