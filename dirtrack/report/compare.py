"""Trends against the previous period, and rankings of units."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dirtrack.records import Record

COUNT_KEYS = ("total", "done_on_time", "done_late", "open_in_time", "overdue", "no_deadline")
ZERO: Record = {
    **dict.fromkeys((*COUNT_KEYS, "cancelled", "withdrawn", "extended"), 0),
    "completion_rate": {"num": 0, "den": 0, "pct": None},
    "on_time_rate": {"num": 0, "den": 0, "pct": None},
}


def _counts(row: Record | None) -> Record:
    if row is None:
        return dict(ZERO)
    return {k: v for k, v in row.items() if k not in ("code", "name", "children")}


def _pct_change(now: float | None, before: float | None) -> float | None:
    if now is None or before is None:
        return None
    return round(now - before, 2)


def change(current: Record, previous: Record) -> Record:
    """Current minus previous, count by count; rates in percentage points (None if either
    rate has nothing to count)."""
    done_now = current["done_on_time"] + current["done_late"]
    done_before = previous["done_on_time"] + previous["done_late"]
    return {
        **{k: current[k] - previous[k] for k in COUNT_KEYS},
        "done": done_now - done_before,
        "completion_rate": _pct_change(
            current["completion_rate"]["pct"], previous["completion_rate"]["pct"]
        ),
        "on_time_rate": _pct_change(
            current["on_time_rate"]["pct"], previous["on_time_rate"]["pct"]
        ),
    }


def trends(
    current: Sequence[Record],
    previous: Sequence[Record],
    current_totals: Record,
    previous_totals: Record,
) -> Record:
    """Each unit's counts beside the previous period's, with the change.

    Units of either period appear, in code order; a unit absent from one period counts zero
    there (``previous`` is then null).
    """
    now = {row["code"]: row for row in current}
    before = {row["code"]: row for row in previous}
    units = []
    for code in sorted(now.keys() | before.keys()):
        row_now, row_before = now.get(code), before.get(code)
        name = (row_now or row_before or {}).get("name", code)
        counts_now, counts_before = _counts(row_now), _counts(row_before)
        units.append(
            {
                "code": code,
                "name": name,
                "current": counts_now,
                "previous": counts_before if row_before is not None else None,
                "change": change(counts_now, counts_before),
            }
        )
    return {
        "units": units,
        "totals": {
            "current": _counts(current_totals),
            "previous": _counts(previous_totals),
            "change": change(_counts(current_totals), _counts(previous_totals)),
        },
    }


def _ranked(
    rows: Sequence[Record], key: Callable[[Record], Any], value: Callable[[Record], Any]
) -> list[tuple[int, Record]]:
    """Competition ranking ("1, 1, 3"): equal values share a rank."""
    ordered = sorted(rows, key=key)
    ranked: list[tuple[int, Record]] = []
    for position, row in enumerate(ordered, start=1):
        if ranked and value(ranked[-1][1]) == value(row):
            ranked.append((ranked[-1][0], row))
        else:
            ranked.append((position, row))
    return ranked


def rankings(rows: Sequence[Record]) -> Record:
    """Units ranked by completion rate (highest first) and by overdue count (most first).

    Units with nothing due have no completion rate and are left out of that ranking; units with
    no directive in the period are left out of both.
    """
    rated = [r for r in rows if r["completion_rate"]["den"] > 0]
    by_rate = _ranked(
        rated,
        key=lambda r: (-r["completion_rate"]["pct"], -r["completion_rate"]["den"], r["code"]),
        value=lambda r: r["completion_rate"]["pct"],
    )
    counted = [r for r in rows if r["total"] > 0]
    by_overdue = _ranked(
        counted,
        key=lambda r: (-r["overdue"], -r["total"], r["code"]),
        value=lambda r: r["overdue"],
    )
    return {
        "completion_rate": [
            {"rank": rank, "code": r["code"], "name": r["name"], **r["completion_rate"]}
            for rank, r in by_rate
        ],
        "overdue": [
            {
                "rank": rank,
                "code": r["code"],
                "name": r["name"],
                "overdue": r["overdue"],
                "total": r["total"],
            }
            for rank, r in by_overdue
        ],
    }
