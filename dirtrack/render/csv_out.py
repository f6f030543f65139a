"""CSV: a header row and the same fields as JSON; lists joined by ';' (:mod:`dirtrack.cell_lists`: a
';' or a backslash inside an item written after a backslash, so that a cell splits back into
its items; a list of objects, as a unit's contacts, is one cell of JSON),
nested objects flattened as ``parent_child`` columns
(or, in a column the listing names, one cell of JSON), an empty cell for null (in a list too),
``true``/``false`` as JSON writes them (never Python's ``True``/``False``), and text that would
start a formula marked as text (:mod:`dirtrack.render.formulas`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dirtrack.cell_lists import join_list
from dirtrack.records import Record
from dirtrack.render import scalar_text
from dirtrack.render.formulas import csv_field


def flatten(
    record: Record, prefix: str = "", whole: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """``record`` as CSV cells; an object under a key of ``whole`` is one cell of JSON."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and name in whole:
            flat[name] = csv_field(json.dumps(value, ensure_ascii=False, default=str))
        elif isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            # objects in a list (a unit's contacts) were left out, the cell empty
            flat[name] = csv_field(json.dumps(value, ensure_ascii=False, default=str))
        elif isinstance(value, list):
            flat[name] = csv_field(
                join_list(scalar_text(v) for v in value if not isinstance(v, dict))
            )
        elif value is None or isinstance(value, bool):
            flat[name] = scalar_text(value)
        else:
            flat[name] = csv_field(value)
    return flat


def dump_records(
    records: Iterable[Record],
    fields: Sequence[str] | None = None,
    keys: Callable[[], Sequence[str]] | None = None,
) -> str:
    """The records as CSV, header first.

    Args:
        fields: the columns, in order (``--fields``); default every column the rows have.
        keys: the keys of a record of the listing (:func:`dirtrack.records.directive_keys`
            and its kin): the header, with rows or without, so a script reading the columns
            by name finds the same ones in every listing of the command, an empty one too.

    A column named by ``fields`` or ``keys`` whose value is an object (``history``'s
    ``params``, the ``before`` and ``after`` of a change) holds it as one cell of JSON, whatever
    options the command had: one column list for every row.
    """
    if fields is None and keys is not None:
        fields = list(keys())
    whole = frozenset(fields or ())
    rows = [flatten(r, whole=whole) for r in records]
    if fields is None:
        # Every column any row has, in the order they first appear: rows of several kinds
        # each keep theirs, not only those of the first row.
        fields = list(dict.fromkeys(name for row in rows for name in row))
    buffer = io.StringIO()
    if not any("\r" in v for row in rows for v in row.values() if isinstance(v, str)):
        writer = csv.DictWriter(
            buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    # A field holding a carriage return is quoted, as one holding a line feed is: the csv
    # module quotes only the characters of its line terminator, and a bare CR ends a record for
    # a spreadsheet, so "abc\r=HYPERLINK(…)" started a row with a live formula. Each record is
    # written with CR LF (which quotes both) and ended with LF, as every other record is.
    writer = csv.DictWriter(
        buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\r\n"
    )
    lines = []
    for row in [None, *rows]:
        writer.writeheader() if row is None else writer.writerow(row)
        lines.append(buffer.getvalue()[:-2] + "\n")
        buffer.seek(0)
        buffer.truncate()
    return "".join(lines)
