"""CSV: a header row and the same fields as JSON; lists joined by ';', nested objects
flattened as ``parent_child`` columns, an empty cell for null (in a list too), and text that
would start a formula marked as text (:mod:`dirtrack.render.formulas`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dirtrack.records import Record
from dirtrack.render.formulas import csv_field


def flatten(record: Record, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = csv_field(
                ";".join("" if v is None else str(v) for v in value if not isinstance(v, dict))
            )
        elif value is None:
            flat[name] = ""
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
            and its kin): the header when there is no row, so a script reading the columns
            by name finds them in an empty listing too.
    """
    rows = [flatten(r) for r in records]
    if fields is None:
        # Every column any row has, in the order they first appear: rows of several kinds
        # (history's changes to a directive and to its coordinating units, commands with
        # options of their own) each keep theirs, not only those of the first row.
        fields = list(dict.fromkeys(name for row in rows for name in row))
        if not rows and keys is not None:
            fields = list(keys())
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
