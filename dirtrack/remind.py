"""Reminders and follow-up: what falls due soon, what is overdue, and how fresh its news is.

Pure: the CLI hands over directive facts and who last touched each one; nothing here queries or
prints. ``as_of`` (T) is explicit.

An item's *last update* is its latest recorded event on or before T: the meeting that assigned
it, a progress report, or an approved extension. It is *stale* when that is more than
``stale_after`` days before T: the unit has sent no news for too long. When the record was last
*touched* (typed in, corrected, undone) and by whom comes from the change log and is shown beside
it, but does not make an item fresh: a clerk fixing a typo today is no news from the unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from functools import cache
from typing import NamedTuple

from dirtrack.errors import InvalidInput
from dirtrack.records import BLANK_DAY, Record, blank_directive, directive_record, iso
from dirtrack.status import DirectiveFacts, Status

WITHIN = 7
STALE_AFTER = 30
MAX_DAYS = 3660

Touched = Mapping[int, tuple[datetime, str]]


def check_days(value: int, what: str) -> int:
    if not 0 <= value <= MAX_DAYS:
        raise InvalidInput.of("bad_days", what=what, max=MAX_DAYS, value=value)
    return value


class Freshness(NamedTuple):
    last_update: date
    event: str
    days: int
    stale: bool


def freshness(facts: DirectiveFacts, as_of: date, stale_after: int) -> Freshness:
    """The latest event on or before ``as_of`` and whether it is older than ``stale_after`` days."""
    # On the same day an extension is later news than a progress report, and that than the
    # assignment.
    day, event = facts.given_on, "assigned"
    for p in facts.progress:
        if day <= p.reported_on <= as_of:
            day, event = p.reported_on, "progress"
    for e in facts.extensions:
        if day <= e.approved_on <= as_of:
            day, event = e.approved_on, "extended"
    days = max(0, (as_of - day).days)
    return Freshness(day, event, days, days > stale_after)


def followup_record(
    facts: DirectiveFacts,
    as_of: date,
    *,
    stale_after: int = STALE_AFTER,
    touched: tuple[datetime, str] | None = None,
) -> Record:
    """The directive object of CLI.md plus how fresh its news is and who last touched it."""
    fresh = freshness(facts, as_of, stale_after)
    record = directive_record(facts, as_of)
    record["last_update"] = iso(fresh.last_update)
    record["last_update_event"] = fresh.event
    record["days_since_update"] = fresh.days
    record["stale"] = fresh.stale
    record["last_touched_at"] = touched[0].isoformat() if touched else None
    record["last_touched_by"] = touched[1] if touched else None
    return record


@cache
def followup_keys() -> tuple[str, ...]:
    """The keys of a directive object with its follow-up fields (:func:`followup_record`),
    in order: what ``--fields`` may name, the header of an empty ``overdue`` in CSV."""
    return tuple(followup_record(blank_directive(), BLANK_DAY))


def is_due_soon(facts: DirectiveFacts, as_of: date, within: int, until: date | None = None) -> bool:
    """Open and in time at ``as_of``, with its deadline no more than ``within`` days away (or
    by ``until``, the last day of ``within`` working days, when given)."""
    due = facts.due_at(as_of)
    return (
        due is not None
        and facts.status(as_of) is Status.OPEN_IN_TIME
        and as_of <= due <= (until or as_of + timedelta(days=within))
    )


def build_reminders(
    facts: Iterable[DirectiveFacts],
    *,
    as_of: date,
    within: int = WITHIN,
    stale_after: int = STALE_AFTER,
    touched: Touched | None = None,
    until: date | None = None,
) -> Record:
    """Per unit (in code order), what is overdue (most overdue first) and what falls due soon
    (by ``until`` when ``within`` counts working days, else ``within`` days after ``as_of``).

    Units with nothing to remind are left out. Returns the JSON object ``remind`` prints.
    """
    touched = touched or {}
    last = until or as_of + timedelta(days=within)
    units: dict[str, Record] = {}
    for item in facts:
        overdue = item.status(as_of) is Status.OVERDUE
        if not overdue and not is_due_soon(item, as_of, within, last):
            continue
        section = units.setdefault(
            item.unit_code,
            {"code": item.unit_code, "name": item.unit_name, "overdue": [], "due_soon": []},
        )
        record = followup_record(item, as_of, stale_after=stale_after, touched=touched.get(item.id))
        if overdue:
            section["overdue"].append(record)
        else:
            due = item.due_at(as_of)
            assert due is not None
            record["days_left"] = (due - as_of).days
            section["due_soon"].append(record)
    for section in units.values():
        section["overdue"].sort(key=lambda r: (-(r["days_overdue"] or 0), r["id"]))
        section["due_soon"].sort(key=lambda r: (r["due"], r["id"]))
    ordered = [units[code] for code in sorted(units, key=lambda c: (c.casefold(), c))]
    overdue_items = [r for s in ordered for r in s["overdue"]]
    return {
        "as_of": as_of.isoformat(),
        "within": within,
        "working_days": until is not None,
        "until": last.isoformat(),
        "stale_after": stale_after,
        "units": ordered,
        "totals": {
            "overdue": len(overdue_items),
            "due_soon": sum(len(s["due_soon"]) for s in ordered),
            "stale": sum(1 for r in overdue_items if r["stale"])
            + sum(1 for s in ordered for r in s["due_soon"] if r["stale"]),
        },
    }


def reminder_items(reminders: Record) -> list[Record]:
    """Every item of a reminder as one flat list (for CSV), with its section."""
    items: list[Record] = []
    for section in reminders["units"]:
        for kind in ("overdue", "due_soon"):
            for record in section[kind]:
                items.append({"section": kind, **record})
    return items


def reminder_item_keys() -> tuple[str, ...]:
    """The keys of an item of :func:`reminder_items`, in order (an item due soon has them all)."""
    return ("section", *followup_keys(), "days_left")
