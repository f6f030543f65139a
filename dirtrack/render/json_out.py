"""JSON: one document per call, stable keys, ISO dates, null for missing, UTF-8 as is."""

from __future__ import annotations

import json
from typing import Any


def dump(value: Any) -> str:
    if isinstance(value, list) and value and all(type(item) is dict for item in value):
        records = []
        for item in value:
            text = _record(item)
            if text is None:
                break
            records.append(text)
        else:
            return "[\n" + ",\n".join(records) + "\n]"
    return json.dumps(value, ensure_ascii=False, indent=2)


# A list of flat records (``list``, ``overdue``: tens of thousands of directives) is written
# here, exactly as json.dumps(indent=2) writes it, with the C string encoder: json.dumps with
# an indent falls back to its pure-Python encoder, the slowest part of a large listing (issue
# 6). tests/test_plain_table.py compares the two on random records.
_encode = json.encoder.encode_basestring


_INF = float("inf")


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return str(_encode(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    return None


def _record(record: dict[Any, Any]) -> str | None:
    if not record:
        return "  {}"
    lines = []
    for key, value in record.items():
        if not isinstance(key, str):
            return None
        text = _scalar(value)
        if text is None:
            if not isinstance(value, list):
                return None
            items = [_scalar(item) for item in value]
            if any(item is None for item in items):
                return None
            text = (
                "[\n" + ",\n".join(f"      {item}" for item in items) + "\n    ]" if items else "[]"
            )
        lines.append(f"    {_encode(key)}: {text}")
    return "  {\n" + ",\n".join(lines) + "\n  }"
