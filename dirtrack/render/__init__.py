"""Turning records into output: tables for people, JSON and CSV for scripts, Markdown.

Commands hand over plain records (dicts with CLI.md's keys); nothing here queries or computes.
JSON and CSV go to stdout alone; messages and errors go to stderr.

Terminal safety: text meant for people (tables, ``show``, ``history``, ``remind``, the report's
table, error lines and warnings) passes through :func:`visible`, so a control character stored
in the data or typed in an argument is shown as ``\x1b`` and never reaches the terminal raw
(an ESC sequence could retitle or clear it). JSON escapes control characters itself; CSV and the
file formats carry the data as it is.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dirtrack.patterns import LazyPattern
from dirtrack.records import Record


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ReportFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MD = "md"
    HTML = "html"
    XLSX = "xlsx"
    DOCX = "docx"


# C0 controls but tab and newline, DEL, and C1 controls (U+0080-U+009F: a terminal may take
# U+009B for the escape sequence's start); and the embeddings, overrides and isolates that set
# the direction the rest of a line is drawn in (a file named with U+202E was echoed reversed).
_CONTROLS = LazyPattern(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` for a terminal: every control character but tab and newline as ``\\xNN``, a
    direction control as ``\\u202e``."""
    if _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub(_escaped, text)


@dataclass(frozen=True)
class Column:
    """One column of a listing: the record key, its header key, and how people see the value.

    At a terminal the table fits the window (:func:`dirtrack.render.table.fit`): ``priority``
    0 marks a column that always stays (the id, the unit, the deadline, the text); when the
    window is too narrow, the column with the highest priority goes first (the last of equals);
    a column empty in every row takes no room.
    A ``wrap`` column wraps at word boundaries and is never narrower than ``min_width``; the
    others keep their whole width. A word of a wrapping column longer than ``fold_over`` cells
    (a path; by default :data:`dirtrack.render.table.LONG_WORD`) is folded where the window
    has no room for it whole, rather than another column being left out.
    """

    key: str
    header: str
    show: Callable[[Record, str], str] | None = None
    justify: str = "left"
    wrap: bool = False
    priority: int = 1
    min_width: int = 0
    fold_over: int = 0
    #: named by ``--fields``: shown even when empty in every row
    asked: bool = False

    def cell(self, record: Record, lang: str) -> str:
        """The value as people see it in a table (see :func:`visible`)."""
        return visible(self.text(record, lang))

    def text(self, record: Record, lang: str) -> str:
        """The value as people see it, before :func:`visible` (see :func:`visible_cells`)."""
        if self.show is not None:
            return self.show(record, lang)
        return _plain(record.get(self.key))

    def writer(self) -> Callable[[Record, str], str]:
        """:meth:`text` as one function, chosen once for the column (a long listing writes
        hundreds of thousands of cells)."""
        if self.show is not None:
            return self.show
        key = self.key
        return lambda record, _lang: _plain(record.get(key))


def scalar_text(value: Any) -> str:
    """A single value as text: null empty, a boolean ``true``/``false`` as JSON and TOML write
    it (never Python's ``None``, ``True``, ``False``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _plain(value: Any) -> str:
    """A value as people see it when its column says nothing else."""
    if isinstance(value, list | tuple):
        return ", ".join(scalar_text(v) for v in value)
    return scalar_text(value)


_ISO_DAY = LazyPattern(r"\d{4}-\d{2}-\d{2}")


def coded_fields() -> dict[str, tuple[Mapping[str, Any], str]]:
    """The keys of the listings' records that hold a code, by the catalog table and the prefix
    of the code's key in it: people see its words, as the listings' own columns say them."""
    from dirtrack.i18n import CATEGORY, KIND, STATUS, TEXT

    return {
        "status": (STATUS, ""),
        "kind": (KIND, ""),
        "category": (CATEGORY, ""),
        "risk": (TEXT, "risk_"),
        "last_update_event": (TEXT, "ev_"),
        "every": (TEXT, "every_"),
        "verdict": (TEXT, "verdict_"),
        "role": (TEXT, "contact_role_"),
        "decision": (TEXT, "req_"),
        "source": (TEXT, "day_source_"),
    }


def labelled(
    name: str, value: Any, lang: str, coded: tuple[Mapping[str, Any], str] | None = None
) -> str:
    """A value of the field ``name`` as people see it in ``lang`` where no column says how: a
    yes or no in words (``có``, never ``true``), a code by its words (``coded``: the table and
    prefix of its key; by default the field's in :func:`coded_fields`), an ISO day as the
    language writes days, a list item by item, an object as its fields and values; the rest as
    it is. JSON and CSV keep the values themselves."""
    from dirtrack.i18n import code_label, day, t

    if value is None:
        return ""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, str):
        coded = coded if coded is not None else coded_fields().get(name)
        if coded is not None and coded[1] + value in coded[0]:
            return code_label(coded[1], value, lang, coded[0])
        return day(value, lang) if _ISO_DAY.fullmatch(value) else value
    if isinstance(value, list | tuple):
        return ", ".join(labelled(name, v, lang) for v in value)
    if isinstance(value, dict):
        from dirtrack.i18n import Field

        return ", ".join(
            f"{Field(k).render(lang)}: {labelled(k, v, lang)}"
            for k, v in value.items()
            if v is not None and v != ""
        )
    return scalar_text(value)


def visible_cells(cells: list[str]) -> list[str]:
    """Each of ``cells`` made :func:`visible`, with one search for the whole row (a long table
    has tens of thousands of rows, nearly always without a control character)."""
    # A tab is left as it is, so the joined row holds a control exactly when a cell does.
    if _CONTROLS.search("\t".join(cells)) is None:
        return cells
    return [visible(cell) for cell in cells]


def err(message: str) -> None:
    """One line on stderr, safe for a terminal (:func:`visible`).

    What the command wrote to stdout goes out first, so that a line saying what was done
    (``no problems found``, ``meeting 2 corrected``) never comes before stdout turns out to be
    a full disk; an ``Error:`` line is written whatever stdout does.

    A notice or a warning that stderr cannot take (``2>/dev/full``) is lost, not the
    command's: its work is done and its exit code stays what the work says; stderr is then
    the null device for the rest of the run, so that nothing left in its buffer fails again
    at exit."""
    line = visible(message.replace("\n", " ").strip()) + "\n"
    if message.startswith("Error:"):
        sys.stderr.write(line)
        sys.stderr.flush()
        return
    sys.stdout.flush()
    try:
        sys.stderr.write(line)
        sys.stderr.flush()
    except OSError:
        import os

        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the run's own)


def out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit(
    records: Iterable[Record],
    columns: Sequence[Column],
    fmt: OutputFormat,
    lang: str,
    *,
    title: str | None = None,
    highlight: Callable[[Record], str | None] | None = None,
    json_value: Any = None,
    fields: Sequence[str] | None = None,
    keys: Callable[[], Sequence[str]] | None = None,
) -> None:
    """Print a listing in ``fmt``. ``json_value`` overrides what JSON prints (default: records);
    a callable is given the records (after ``fields``) and returns what JSON prints, a listing
    whose JSON holds its rows in an object (``pack status``'s ``units``).

    ``fields`` (``--fields``) keeps only those keys, in that order, in every format. ``keys``
    gives the keys of the listing's records, from where they are made: the CSV header of an
    empty listing.
    """
    if fields is not None:
        records = list(records)  # read more than once below
        # With no record to read the names from, the listing's keys tell the known ones.
        known = keys() if keys is not None and not records else ()
        columns = select_fields(records, columns, fields, known)
        # A table keeps the whole records: a column's words may read other keys (a change's
        # command by its id), and its style is the whole record's. JSON and CSV hold the
        # fields alone.
        if fmt is not OutputFormat.TABLE:
            records = [{name: record.get(name) for name in fields} for record in records]
            if not callable(json_value):
                json_value = None
    if callable(json_value):
        json_value = json_value(records)
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump_chunks

        # Written as it is made, record by record: never held whole as text.
        write = sys.stdout.write
        for chunk in dump_chunks(records if json_value is None else json_value):
            write(chunk)
        write("\n")
    elif fmt is OutputFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        sys.stdout.write(dump_records(records, fields, keys))
    else:
        from dirtrack.render.table import print_table

        print_table(records, columns, lang, title=title, highlight=highlight)


@dataclass(frozen=True)
class Listing:
    """A listing's printer: :func:`emit` of ``columns``, called as ``units(records, fmt,
    lang, fields=...)``. ``keys`` gives the records' keys (an empty listing's CSV header),
    unless the caller names its own."""

    columns: Sequence[Column]
    keys: Callable[[], Sequence[str]] | None = None
    highlight: Callable[[Record], str | None] | None = None

    def __call__(
        self,
        records: Iterable[Record],
        fmt: OutputFormat,
        lang: str,
        *,
        title: str | None = None,
        fields: Sequence[str] | None = None,
        keys: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        emit(
            records,
            self.columns,
            fmt,
            lang,
            title=title,
            highlight=self.highlight,
            fields=fields,
            keys=keys or self.keys,
        )


def select_fields(
    records: Sequence[Record],
    columns: Sequence[Column],
    fields: Sequence[str],
    known: Sequence[str] = (),
) -> list[Column]:
    """The table columns for ``--fields``; an unknown name is an error that lists the known ones.

    The known names are ``known``, else those of the records; with neither (an empty listing)
    every name is accepted, as nothing can be told.
    """
    from dirtrack.errors import InvalidInput
    from dirtrack.i18n import cut

    names = list(known) or [k for r in records for k in r]
    known = list(dict.fromkeys([c.key for c in columns] + names))
    unknown = [name for name in fields if name not in known] if names else []
    if unknown:
        raise InvalidInput.of(
            "unknown_fields",
            option="--fields",  # a file's `fields` is said with its key (cli.app._from_config)
            n=len(unknown),
            names=", ".join(repr(cut(name)) for name in unknown),
            known=", ".join(known),
        )
    from dataclasses import replace

    by_key = {c.key: c for c in columns}
    return [replace(by_key.get(name) or _field_column(name), asked=True) for name in fields]


def _field_column(name: str) -> Column:
    """The column of a field ``--fields`` names that the listing has no column for: headed by
    the field's words (:func:`dirtrack.i18n.heading`), its values :func:`labelled`, wrapped
    between words where the window is narrow (an object's fields and values are long)."""
    return Column(
        name, name, lambda record, lang: labelled(name, record.get(name), lang), wrap=True
    )
