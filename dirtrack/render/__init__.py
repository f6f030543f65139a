"""Turning records into output: tables for people, JSON and CSV for scripts, Markdown.

Commands hand over plain records (dicts with CLI.md's keys); nothing here queries or computes.
JSON and CSV go to stdout alone; messages and errors go to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

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


@dataclass(frozen=True)
class Column:
    """One column of a listing: the record key, its header key, and how people see the value."""

    key: str
    header: str
    show: Callable[[Record, str], str] | None = None
    justify: str = "left"
    wrap: bool = False

    def cell(self, record: Record, lang: str) -> str:
        if self.show is not None:
            return self.show(record, lang)
        value = record.get(self.key)
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)


def err(message: str) -> None:
    """One line on stderr."""
    sys.stderr.write(message.replace("\n", " ").strip() + "\n")
    sys.stderr.flush()


def out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit(
    records: Sequence[Record],
    columns: Sequence[Column],
    fmt: OutputFormat,
    lang: str,
    *,
    title: str | None = None,
    highlight: Callable[[Record], str | None] | None = None,
    json_value: Any = None,
    fields: Sequence[str] | None = None,
) -> None:
    """Print a listing in ``fmt``. ``json_value`` overrides what JSON prints (default: records).

    ``fields`` (``--fields``) keeps only those keys, in that order, in every format.
    """
    if fields is not None:
        columns = select_fields(records, columns, fields)
        records = [{name: record.get(name) for name in fields} for record in records]
        json_value = None
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump

        out(dump(list(records) if json_value is None else json_value))
    elif fmt is OutputFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        sys.stdout.write(dump_records(records))
    else:
        from dirtrack.render.table import print_table

        print_table(records, columns, lang, title=title, highlight=highlight)


def select_fields(
    records: Sequence[Record], columns: Sequence[Column], fields: Sequence[str]
) -> list[Column]:
    """The table columns for ``--fields``; an unknown name is an error that lists the known ones."""
    from dirtrack.errors import InvalidInput

    known = list(dict.fromkeys([c.key for c in columns] + [k for r in records for k in r]))
    unknown = [name for name in fields if name not in known]
    if unknown:
        raise InvalidInput(
            f"unknown field(s) {', '.join(map(repr, unknown))}; use some of: {', '.join(known)}"
        )
    by_key = {c.key: c for c in columns}
    return [by_key.get(name) or Column(name, name) for name in fields]
