"""Packs: the directives each unit is asked about, what the office knew of them, its answers
(who answered, as ``pack status`` and the report show it: :mod:`dirtrack.store.pack_returns`).

A unit's pack of a period holds, as of the day it is made (T), the directives it leads and,
separately, those it coordinates, that are either open at T or whose deadline in force at T
falls in the period; both read through :func:`dirtrack.store.rules.states` (the one rule of
the deadline in force and the status) within the report's scope of the period (given at a
meeting held by its end, not closed before its start).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, case, insert, or_, select

from dirtrack.periods import Period
from dirtrack.status import DirectiveFacts, Status
from dirtrack.store import get_row
from dirtrack.store.rules import OPEN, states
from dirtrack.store.tables import directive_coordinator, meeting, pack_item
from dirtrack.text import path_text

if TYPE_CHECKING:
    from sqlmodel import Session

    from dirtrack.holders import Holders
    from dirtrack.models import Pack

LEAD, WITH = "lead", "with"


@dataclass(frozen=True)
class Judged:
    """A directive's deadline in force and status at T, as :func:`states` gives them."""

    id: int
    due: date | None
    status: Status


@dataclass(frozen=True)
class MeetingInfo:
    doc: str | None
    date: date
    chair: str | None
    chair_title: str | None


@dataclass(frozen=True)
class PackLine:
    """One row of a pack: the directive, judged at T, and the meeting that gave it.

    ``facts`` are the directive as stored (its lead and coordinating units now), which its
    :func:`fingerprint` reads and ``pack in`` compares with the directive as stored then;
    ``held`` the same facts with the lead and coordinating units it had at T (a directive
    ``unit retire`` moved after T: the retired unit's), which the workbook shows."""

    role: str
    facts: DirectiveFacts
    due: date | None
    status: Status
    meeting: MeetingInfo
    held: DirectiveFacts


def asked(
    conn: Connection,
    period: Period,
    made_on: date,
    unit_ids: Collection[int],
    holders: Holders,
) -> dict[int, dict[str, list[Judged]]]:
    """For each of ``unit_ids``: the directives it leads (``lead``) and coordinates (``with``)
    that its pack asks about, in id order; as of ``made_on`` (the pack's ``--as-of``), as
    ``list --as-of`` gives them: a directive ``unit retire`` moved, or whose coordination it
    handed over, after that day is asked of the unit that held it, or coordinated it, then
    (``holders``, :class:`dirtrack.holders.Holders`). The directives are those the report of
    ``period`` as of ``made_on`` counts (:meth:`~dirtrack.holders.Holders.scope`): none given
    after ``made_on``."""
    rows = states(holders.scope(period, made_on))
    wanted = or_(
        rows.c.status.in_([s.value for s in OPEN]),
        and_(
            rows.c.status != Status.CANCELLED.value,
            rows.c.due >= period.start,
            rows.c.due <= period.end,
        ),
    )
    found: dict[int, dict[str, list[Judged]]] = {uid: {LEAD: [], WITH: []} for uid in unit_ids}
    lead = (
        select(rows.c.unit_id, rows.c.id, rows.c.due, rows.c.status)
        .where(wanted, rows.c.unit_id.in_(sorted(unit_ids)))
        .order_by(rows.c.id)
    )
    for uid, did, due, status in conn.execute(lead):
        found[uid][LEAD].append(Judged(did, due, Status(status)))
    dc = directive_coordinator
    handed = {did for did, items in holders.handovers.items() if any(h.on > made_on for h in items)}
    coordinated = (
        select(dc.c.unit_id, rows.c.id, rows.c.due, rows.c.status)
        .select_from(rows.join(dc, dc.c.directive_id == rows.c.id))
        .where(wanted, dc.c.unit_id.in_(sorted(unit_ids)))
        .order_by(rows.c.id)
    )
    for uid, did, due, status in conn.execute(coordinated):
        if did not in handed:
            found[uid][WITH].append(Judged(did, due, Status(status)))
    if handed:
        _coordinated_then(conn, rows, wanted, handed, made_on, holders, found)
        for parts in found.values():
            parts[WITH].sort(key=lambda j: j.id)
    return found


def _coordinated_then(
    conn: Connection,
    rows: Any,
    wanted: Any,
    handed: set[int],
    made_on: date,
    holders: Holders,
    found: dict[int, dict[str, list[Judged]]],
) -> None:
    """Add to ``found`` the directives of ``handed`` (coordination handed over after
    ``made_on``) under the units that coordinated them on ``made_on``."""
    from dirtrack.moves import coordinators_at

    dc = directive_coordinator
    by_code = {code: uid for uid, (code, _) in holders.names.items()}
    now: dict[int, list[str]] = defaultdict(list)
    judged: dict[int, Judged] = {}
    query = (
        select(rows.c.id, rows.c.due, rows.c.status, dc.c.unit_id)
        .select_from(rows.outerjoin(dc, dc.c.directive_id == rows.c.id))
        .where(wanted, rows.c.id.in_(sorted(handed)))
    )
    for did, due, status, uid in conn.execute(query):
        judged[did] = Judged(did, due, Status(status))
        if uid is not None and uid in holders.names:
            now[did].append(holders.names[uid][0])
    for did, item in judged.items():
        then = coordinators_at(now[did], holders.handovers[did], made_on, holders.names)
        for code in then:
            uid = by_code.get(code)
            if uid is not None and uid in found:
                found[uid][WITH].append(item)


def meetings_of(conn: Connection, ids: Iterable[int]) -> dict[int, MeetingInfo]:
    wanted = sorted(set(ids))
    found: dict[int, MeetingInfo] = {}
    for start in range(0, len(wanted), 500):
        query = select(
            meeting.c.id, meeting.c.doc, meeting.c.date, meeting.c.chair, meeting.c.chair_title
        ).where(meeting.c.id.in_(wanted[start : start + 500]))
        for mid, doc, held, chair, title in conn.execute(query):
            found[mid] = MeetingInfo(doc, held, chair, title)
    return found


def lines_of(
    conn: Connection,
    judged: dict[str, list[Judged]],
    made_on: date,
    holders: Holders | None = None,
) -> list[PackLine]:
    """The rows of one unit's pack: lead directives first, then those it coordinates; each with
    its lead and coordinating units as ``holders`` has them on ``made_on`` (``held``)."""
    from dirtrack.store.facts import facts_of

    lines: list[PackLine] = []
    for role in (LEAD, WITH):
        items = judged[role]
        for start in range(0, len(items), 500):
            part = items[start : start + 500]
            stored = facts_of(conn, [j.id for j in part], as_of=made_on)
            facts = {f.id: f for f in stored}
            then = holders.attribute(stored, made_on) if holders is not None else stored
            held = {f.id: f for f in then}
            meetings = meetings_of(conn, (f.meeting_id for f in stored))
            for j in part:
                f = facts[j.id]
                line = PackLine(role, f, j.due, j.status, meetings[f.meeting_id], held[j.id])
                lines.append(line)
    return lines


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def fingerprint(f: DirectiveFacts) -> str:
    """What the office knows of a directive, as one short digest: any change to its text, lead
    or coordinating units, deadline, extensions, progress, completion or cancellation changes
    it."""
    parts: list[Any] = [
        f.text,
        f.unit_id,
        f.meeting_id,
        list(f.with_codes),
        _iso(f.original_due),
        _iso(f.completed_on),
        f.completion_note,
        _iso(f.cancelled_on),
        f.cancel_reason,
        [(_iso(e.approved_on), _iso(e.new_due), e.reason) for e in f.extensions],
        [(_iso(p.reported_on), p.percent, p.note) for p in f.progress],
    ]
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fingerprints(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """The :func:`fingerprint` of each of ``ids`` as the database holds them now."""
    from dirtrack.store.facts import facts_of

    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        # The fingerprint reads the facts only, not their judgement: any day will do.
        for f in facts_of(conn, list(ids[start : start + 500]), as_of=date.today()):
            found[f.id] = fingerprint(f)
    return found


@dataclass(frozen=True)
class NewItem:
    directive_id: int
    role: str
    base: str
    shown: str


def create_pack(
    session: Session,
    *,
    token: str,
    unit_id: int,
    period: Period,
    made_on: date,
    answer_by: date,
    file: str | None,
    items: Sequence[NewItem],
) -> int:
    """Record a pack and its items; return its id."""
    from dirtrack.models import Pack

    row = Pack(
        token=token,
        unit_id=unit_id,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        made_on=made_on,
        answer_by=answer_by,
        file=None if file is None else path_text(file),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    if items:
        session.execute(
            insert(pack_item),
            [
                {
                    "pack_id": row.id,
                    "directive_id": i.directive_id,
                    "role": i.role,
                    "base": i.base,
                    "shown": i.shown,
                }
                for i in items
            ],
        )
    return row.id


def mark_sent(session: Session, pack_id: int, *, at: datetime, to: str, cc: str | None) -> None:
    from dirtrack.models import Pack

    found = get_row(session, Pack, pack_id, "pack_gone")
    found.sent_at, found.sent_to, found.sent_cc = at, to, cc
    session.add(found)
    session.flush()


def find_pack(session: Session, token: str) -> Pack | None:
    """The pack of ``token`` (a returned workbook's), or None.

    A token holding a NUL (a workbook's ``_x0000_``) is none (:func:`dirtrack.text.may_be_stored`).
    """
    from sqlmodel import select as orm_select

    from dirtrack.models import Pack
    from dirtrack.text import may_be_stored

    if not may_be_stored(token):
        return None
    return session.exec(orm_select(Pack).where(Pack.token == token)).first()


@dataclass(frozen=True)
class Item:
    id: int
    directive_id: int
    role: str
    base: str
    shown: str
    answer: str | None
    settled: str | None
    steps: str | None = None


def items_of(conn: Connection, pack_id: int) -> dict[int, Item]:
    """The items of a pack by directive id."""
    query = select(
        pack_item.c.id,
        pack_item.c.directive_id,
        pack_item.c.role,
        pack_item.c.base,
        pack_item.c.shown,
        pack_item.c.answer,
        pack_item.c.settled,
        pack_item.c.steps,
    ).where(pack_item.c.pack_id == pack_id)
    return {row[1]: Item(*row) for row in conn.execute(query)}


def record_answers(
    session: Session, values: dict[int, tuple[str, str, str | None]], day: date
) -> None:
    """Write each pack item's answer: ``values`` maps an item's id to the digest of the row the
    unit sent, the fingerprint of its directive once the answer is in, and its steps (JSON);
    every item is answered on ``day``. A CASE per column, 500 items per statement."""
    from sqlalchemy import literal, update

    ids = sorted(values)
    for start in range(0, len(ids), 500):
        chunk = {i: values[i] for i in ids[start : start + 500]}

        def pick(n: int, chunk: dict[int, tuple[str, str, str | None]] = chunk) -> Any:
            # Typed values: a branch of NULLs alone still has the column's type (PostgreSQL).
            kind = pack_item.c.answer.type
            return case({i: literal(v[n], kind) for i, v in chunk.items()}, value=pack_item.c.id)

        session.execute(
            update(pack_item)
            .where(pack_item.c.id.in_(list(chunk)))
            .values(answer=pick(0), settled=pick(1), steps=pick(2), answered_on=day)
        )


def mark_answered(session: Session, item_ids: Sequence[int], day: date) -> None:
    """Mark the items answered on ``day`` (those not answered before), their answers left out."""
    from sqlalchemy import update

    for start in range(0, len(item_ids), 500):
        session.execute(
            update(pack_item)
            .where(
                pack_item.c.id.in_(list(item_ids[start : start + 500])),
                pack_item.c.answered_on.is_(None),
            )
            .values(answered_on=day)
        )


def read_steps(text: str | None) -> list[tuple[str, str]]:
    """``pack_item.steps`` as (before, after) pairs."""
    return [(str(a), str(b)) for a, b in json.loads(text)] if text else []


def steps_of(conn: Connection, ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """By directive: what every answer brought in by ``pack in`` did to it, as (fingerprint
    before, fingerprint after) pairs."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 500):
        query = select(pack_item.c.directive_id, pack_item.c.steps).where(
            pack_item.c.directive_id.in_(wanted[start : start + 500]),
            pack_item.c.steps.is_not(None),
        )
        for did, text in conn.execute(query):
            found[did] += read_steps(text)
    return found


def changed_by_office(reference: str, now: str, steps: Iterable[tuple[str, str]]) -> bool:
    """Whether a directive whose fingerprint was ``reference`` and is ``now`` was changed by
    anything but answers that packs brought in (``steps``, see :func:`steps_of`): ``now``
    cannot be reached from ``reference`` through them."""
    if now == reference:
        return False
    after: dict[str, set[str]] = defaultdict(set)
    for before, then in steps:
        after[before].add(then)
    seen, todo = {reference}, [reference]
    while todo:
        for then in after.get(todo.pop(), ()):
            if then == now:
                return False
            if then not in seen:
                seen.add(then)
                todo.append(then)
    return True
