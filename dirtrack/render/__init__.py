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
) -> None:
    """Print a listing in ``fmt``. ``json_value`` overrides what JSON prints (default: records)."""
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump

        out(dump(list(records) if json_value is None else json_value))
    elif fmt is OutputFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        sys.stdout.write(dump_records(records))
    else:
        from dirtrack.render.table import print_table

        print_table(records, columns, lang, title=title, highlight=highlight)
