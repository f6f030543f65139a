"""Who answered the packs of a period (``pack status``, and the report's ``packs`` section): per
unit, its latest pack of the period made by a day, when it was sent and answered, and how many
of its items were answered by then. Apart from :mod:`dirtrack.store.packs`, which makes and
reads packs, so that a report loads only this.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Connection, case, func, select

from dirtrack.periods import Period, office_day_of
from dirtrack.store import tables
from dirtrack.store.tables import holds_rows, unit


def status_rows(conn: Connection, period: Period, as_of: date) -> list[dict[str, Any]]:
    """Per unit with a pack of ``period`` (the same days) made by ``as_of``: its latest pack,
    when it was sent and answered, and how many of its items were answered, as of that day
    (an answer read in later is not one yet)."""
    if not holds_rows(conn, "pack"):  # no pack was ever made: nothing to read
        return []
    pack, pack_item = tables.pack, tables.pack_item
    counts = (
        select(
            pack_item.c.pack_id,
            func.count().label("n_items"),
            func.count(case((pack_item.c.answered_on <= as_of, 1), else_=None)).label("n_answered"),
        )
        .group_by(pack_item.c.pack_id)
        .subquery()
    )
    query = (
        select(
            pack.c.id,
            pack.c.unit_id,
            unit.c.code,
            unit.c.name,
            pack.c.made_on,
            pack.c.answer_by,
            pack.c.sent_at,
            pack.c.sent_to,
            pack.c.answered_on,
            func.coalesce(counts.c.n_items, 0),
            func.coalesce(counts.c.n_answered, 0),
        )
        .join(unit, unit.c.id == pack.c.unit_id)
        .outerjoin(counts, counts.c.pack_id == pack.c.id)
        .where(
            pack.c.period_start == period.start,
            pack.c.period_end == period.end,
            pack.c.made_on <= as_of,
        )
        .order_by(pack.c.id)
    )
    latest: dict[int, dict[str, Any]] = {}
    answered: dict[int, dict[str, Any]] = {}
    for row in conn.execute(query):
        (pid, uid, code, name, made_on, answer_by, sent_at, sent_to, answered_on, items, done) = row
        if answered_on is not None and answered_on > as_of:
            answered_on = None
        if sent_at is not None and office_day_of(sent_at) > as_of:
            sent_at = sent_to = None
        record = {
            "code": code,
            "name": name,
            "pack": pid,
            "made_on": made_on,
            "due": answer_by,
            "sent": sent_at,
            "sent_to": sent_to,
            "answered": answered_on,
            "items": int(items),
            "items_answered": int(done),
        }
        latest[uid] = record
        if answered_on is not None:
            answered[uid] = record
    chosen = defaultdict(dict, {uid: answered.get(uid, rec) for uid, rec in latest.items()})
    return sorted(chosen.values(), key=lambda r: str(r["code"]).casefold())


def returns(conn: Connection, period: Period, as_of: date) -> list[dict[str, Any]]:
    """Who answered the packs of ``period``, as ``pack status`` and ``report`` show it: per
    unit, when its pack was made and sent, the day to answer by, when it answered, whether on
    time (answered by that day; not answered and the day passed by ``as_of``: False; not yet
    due: None), and how many of its items were answered."""
    found = []
    for row in status_rows(conn, period, as_of):
        answered, due = row["answered"], row["due"]
        on_time = answered <= due if answered is not None else (False if as_of > due else None)
        found.append(_return_record(row, on_time))
    return found


def _return_record(row: Mapping[str, Any], on_time: bool | None) -> dict[str, Any]:
    """A unit's row of :func:`returns`, from its row of :func:`status_rows`."""
    answered = row["answered"]
    return {
        "code": row["code"],
        "name": row["name"],
        "made_on": row["made_on"].isoformat(),
        "due": row["due"].isoformat(),
        "sent": row["sent"].isoformat(timespec="seconds") if row["sent"] else None,
        "sent_to": row["sent_to"],
        "answered": answered.isoformat() if answered else None,
        "on_time": on_time,
        "items": row["items"],
        "items_answered": row["items_answered"],
    }


def return_keys() -> tuple[str, ...]:
    """The keys of a unit's row of :func:`returns`, in order (``pack status``'s CSV header)."""
    blank = {"code": "", "name": "", "made_on": date.min, "due": date.min}
    blank |= dict.fromkeys(("sent", "sent_to", "answered", "items", "items_answered"))
    return tuple(_return_record(blank, None))
