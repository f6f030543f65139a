"""JSON: one document per call, stable keys, ISO dates, null for missing, UTF-8 as is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, cast

from dirtrack.records import RecordStream


def dump(value: Any) -> str:
    if isinstance(value, list) and value and all(type(item) is dict for item in value):
        records = []
        for item in value:
            text = _record(item, 1)
            if text is None:
                break
            records.append("  " + text)
        else:
            return "[\n" + ",\n".join(records) + "\n]"
    return json.dumps(value, ensure_ascii=False, indent=2)


def dump_chunks(value: Any) -> Iterator[str]:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` in pieces, to be written as they come.

    A :class:`~dirtrack.records.RecordStream`, or an iterator, is written as the list it
    stands for, record by record as it is read (the report's ``directives`` on a large
    register, the records of ``overdue``), so the document is never held whole.
    ``tests/test_report_reference.py`` compares the pieces joined with json.dumps on random values.
    """
    return _chunks(value, 0)


def _indent(level: int) -> str:
    return "\n" + "  " * level


def _chunks(value: Any, level: int) -> Iterator[str]:
    text = _scalar(value)
    if text is not None:
        yield text
    elif isinstance(value, dict):
        if not value:
            yield "{}"
            return
        opening = "{"
        inner = _indent(level + 1)
        for key, item in value.items():
            yield f"{opening}{inner}{_key(key)}: "
            opening = ","
            yield from _chunks(item, level + 1)
        yield _indent(level) + "}"
    elif isinstance(value, list | tuple | RecordStream | Iterator):
        opening = "["
        inner = _indent(level + 1)
        for item in value:
            text = _record(item, level + 1) if type(item) is dict else None
            if text is None:
                yield opening + inner
                yield from _chunks(item, level + 1)
            else:
                yield opening + inner + text
            opening = ","
        yield "[]" if opening == "[" else _indent(level) + "]"
    else:  # NaN and infinities as json writes them; anything else is its TypeError
        yield json.dumps(value, ensure_ascii=False)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return str(_encode(key))
    if isinstance(key, float):  # json turns keys into strings: 1.5 -> "1.5", nan -> "NaN"
        return str(_encode(json.dumps(key)))
    if key is True or key is False or key is None or isinstance(key, int):
        return str(_encode(_scalar(key) or ""))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


# A list of flat records (``list``, ``overdue``: tens of thousands of directives) is written
# here, exactly as json.dumps(indent=2) writes it, with the C string encoder: json.dumps with
# an indent falls back to its pure-Python encoder, the slowest part of a large listing.
# tests/test_plain_table.py compares the two on random records.
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


# "\n" and the indent of each level; and for each shape of record (its keys, in order) and
# level, the text that opens each of its lines: a report writes a hundred thousand records of
# the same shape.
_PADS = ["\n" + "  " * level for level in range(64)]
_OPENINGS: dict[tuple[tuple[Any, ...], int], list[str]] = {}


def _openings(keys: tuple[Any, ...], level: int) -> list[str] | None:
    found = _OPENINGS.get((keys, level))
    if found is None:
        if any(type(key) is not str for key in keys):
            return None
        if len(_OPENINGS) > 1000:  # shapes are few; never let the cache grow without end
            _OPENINGS.clear()
        found = _OPENINGS[(keys, level)] = [f"{_PADS[level]}{_encode(key)}: " for key in keys]
    return found


def _record(record: dict[Any, Any], level: int) -> str | None:
    """A flat record (scalars and lists of scalars) whose brace opens at indent ``level``, as
    json.dumps writes it there; None for anything else."""
    if not record:
        return "{}"
    if level + 2 >= len(_PADS):
        return None
    openings = _openings(tuple(record), level + 1)
    if openings is None:
        return None
    parts = []
    for opening, value in zip(openings, record.values(), strict=True):
        kind = type(value)
        if kind is str:
            parts.append(opening + _encode(value))
        elif value is None:
            parts.append(opening + "null")
        elif kind is int:
            parts.append(opening + int.__repr__(value))
        elif kind is list:
            if not value:
                parts.append(opening + "[]")
                continue
            items = [_scalar(item) for item in value]
            if None in items:
                return None
            inner = _PADS[level + 2]
            texts = cast(list[str], items)
            parts.append(f"{opening}[{inner}{(',' + inner).join(texts)}{_PADS[level + 1]}]")
        else:
            text = _scalar(value)
            if text is None:
                return None
            parts.append(opening + text)
    return "{" + ",".join(parts) + _PADS[level] + "}"
