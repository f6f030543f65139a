"""A random register for the property tests that hold the database's figures against the
plain-Python reference (tests/oracle.py): test_report_reference.py and test_report_sql.py.

:func:`registers` draws one (hypothesis): units under units (loops even), chairs spelled several
ways, directives with deadlines, completions and cancellations on a short calendar, extensions,
progress, coordinators, requests, fields, limitations and their repeat links (chains, loops,
links to later ones), directives moved by ``unit retire`` and moves undone. :func:`fill` writes
it into a database whose tables it empties first, ids from 1 in the order drawn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import Engine, insert, update

from dirtrack.periods import Period
from dirtrack.store import tables as t
from tests.conftest import clear_tables

FIRST = date(2021, 1, 1)
DAYS = 40  # a short calendar: deadlines, closings, approvals, moves and T often coincide
SPAN = 12
STAMP = datetime(2024, 1, 1, tzinfo=UTC)
CODES = ["b-2", "B1", "a", "Đ", "ab", "Z9"]  # byte order differs from a locale's order
CHAIRS = [None, "", "  ", "Phương Thị Thanh", "Phuong Thi Thanh", "phương  thị thanh", "Lê Đông"]
# two people of the same letters told apart by their marks, and the name typed without them
CHAIRS += ["Lê Văn Hòa", "Lê Văn Hóa", "Le Van Hoa"]
TITLES = [None, "Bí thư", "Phó Bí thư"]
REASONS = [None, "", "Chờ số liệu", "Chờ ý kiến | sở"]
NOTES = [None, "", "Đang hoàn thiện", "Chậm do thiếu người"]
ANSWERS = [None, "approved", "rejected"]  # an answer without a decision stays pending
FIELDS = ["KT", "VX", "NC"]


def day(n: int) -> date:
    return FIRST + timedelta(days=n)


def period_of(start: int, length: int) -> Period:
    """The period of ``length`` days after day ``start``."""
    first = day(start)
    return Period(label="test", start=first, end=first + timedelta(days=length))


def _period_and_day(start: int, length: int, late: int) -> tuple[Period, date]:
    period = period_of(start, length)
    return period, period.end + timedelta(days=late)


def periods(earliest: int = -20) -> st.SearchStrategy[tuple[Period, date]]:
    """A period of up to 15 days on the register's calendar, and a day T from ``earliest``
    days before its end to 12 after (before, inside and after the period)."""
    return st.builds(
        _period_and_day, st.integers(0, DAYS), st.integers(0, 15), st.integers(earliest, 12)
    )


@dataclass
class Register:
    units: int
    parents: list[int | None]  # unit index -> parent unit index
    meetings: list[tuple[int, int, int]]  # day, chair, title (indexes)
    directives: list[dict[str, Any]]
    extensions: list[tuple[int, int, int, int]]  # directive, approved day, new due day, reason
    progress: list[tuple[int, int, int | None, int]]  # directive, day, percent, note
    coordinators: list[tuple[int, int]]
    limitations: list[tuple[int, int, int | None, int | None]]  # meeting, unit, resolved, repeat
    moves: list[tuple[int, int, int, int, bool]] = field(default_factory=list)
    # directive, day, from unit, to unit, undone
    requests: list[tuple[int, int, int | None, int]] = field(default_factory=list)
    # directive, day asked, day answered (or none), answer (an index of ANSWERS)


@st.composite
def registers(draw: st.DrawFn, *, fields_and_requests: bool = True) -> Register:
    """A random register; without ``fields_and_requests``, no directive has a field and none
    has a request (for a reference that reads neither)."""
    units = draw(st.integers(1, len(CODES)))
    parents = [draw(st.none() | st.integers(0, units - 1)) for _ in range(units)]
    meetings = draw(
        st.lists(
            st.tuples(
                st.integers(0, DAYS - SPAN),
                st.integers(0, len(CHAIRS) - 1),
                st.integers(0, len(TITLES) - 1),
            ),
            min_size=1,
            max_size=7,
        )
    )
    directives = []
    for _ in range(draw(st.integers(0, 25))):
        m = draw(st.integers(0, len(meetings) - 1))
        held = meetings[m][0]
        later = st.integers(held, held + SPAN)
        directives.append(
            {
                "meeting": m,
                "unit": draw(st.integers(0, units - 1)),
                "due": draw(st.none() | later),
                "completed": draw(st.none() | later),
                "cancelled": draw(st.none() | st.none() | later),
                "field": draw(st.none() | st.integers(0, len(FIELDS) - 1))
                if fields_and_requests
                else None,
            }
        )
    n = len(directives)
    extensions, progress, coordinators, moves, requests = [], [], [], [], []
    if n:
        index = st.integers(0, n - 1)
        for _ in range(draw(st.integers(0, 6 if fields_and_requests else 0))):
            i = draw(index)
            held = meetings[directives[i]["meeting"]][0]
            asked = draw(st.integers(held, held + SPAN))
            answered = draw(st.none() | st.integers(asked, asked + SPAN))
            requests.append((i, asked, answered, draw(st.integers(0, len(ANSWERS) - 1))))
        for _ in range(draw(st.integers(0, 12))):
            i = draw(index)
            held = meetings[directives[i]["meeting"]][0]
            extensions.append(
                (
                    i,
                    draw(st.integers(held, held + SPAN)),
                    draw(st.integers(held, held + SPAN + 4)),
                    draw(st.integers(0, len(REASONS) - 1)),
                )
            )
        for _ in range(draw(st.integers(0, 10))):
            i = draw(index)
            held = meetings[directives[i]["meeting"]][0]
            progress.append(
                (
                    i,
                    draw(st.integers(held, held + SPAN)),
                    draw(st.none() | st.integers(0, 100)),
                    draw(st.integers(0, len(NOTES) - 1)),
                )
            )
        pairs = st.tuples(index, st.integers(0, units - 1))
        coordinators = sorted(set(draw(st.lists(pairs, max_size=8))))
        if units > 1:
            for _ in range(draw(st.integers(0, 4))):
                i = draw(index)
                held = meetings[directives[i]["meeting"]][0]
                moves.append(
                    (
                        i,
                        draw(st.integers(held, held + SPAN)),
                        draw(st.integers(0, units - 1)),
                        draw(st.integers(0, units - 1)),
                        draw(st.booleans()) and draw(st.booleans()),
                    )
                )
    limitations = []
    count = draw(st.integers(0, 8))
    for k in range(count):
        m = draw(st.integers(0, len(meetings) - 1))
        resolved = draw(st.none() | st.integers(meetings[m][0], meetings[m][0] + SPAN))
        # Mostly an earlier one, now and then any (a later one, itself: loops in the data).
        repeat = draw(st.none() | st.integers(1, max(1, k)) | st.integers(1, count))
        limitations.append((m, draw(st.integers(0, units - 1)), resolved, repeat))
    return Register(
        units,
        parents,
        meetings,
        directives,
        extensions,
        progress,
        coordinators,
        limitations,
        moves,
        requests,
    )


def fill(engine: Engine, reg: Register) -> None:
    with engine.begin() as conn:
        clear_tables(
            conn,
            t.change_log,
            t.request,
            t.limitation,
            t.extension,
            t.progress_entry,
            t.directive_coordinator,
            t.directive,
            t.meeting_attendee,
            t.meeting,
            t.unit_alias,
            t.unit,
            t.field,
        )
        conn.execute(
            insert(t.field),
            [
                {
                    "id": k + 1,
                    "code": code,
                    "code_key": code.lower(),
                    "name": code,
                    "name_key": code,
                }
                for k, code in enumerate(FIELDS)
            ],
        )
        conn.execute(
            insert(t.unit),
            [
                {
                    "id": u + 1,
                    "code": CODES[u],
                    "code_key": CODES[u].lower() + str(u),
                    "name": f"Đơn vị {CODES[u]}",
                    "name_key": f"don vi {u}",
                    "created_at": STAMP,
                }
                for u in range(reg.units)
            ],
        )
        for u, parent in enumerate(reg.parents):  # once all exist: any unit, a loop even
            if parent is not None:
                conn.execute(
                    update(t.unit).where(t.unit.c.id == u + 1).values(parent_id=parent + 1)
                )
        conn.execute(
            insert(t.meeting),
            [
                {
                    "id": m + 1,
                    "date": day(d),
                    "title": f"họp {m}",
                    "kind": "briefing",
                    "chair": CHAIRS[c],
                    "chair_title": TITLES[ti],
                    "created_at": STAMP,
                }
                for m, (d, c, ti) in enumerate(reg.meetings)
            ],
        )
        conn.execute(
            insert(t.meeting_attendee),
            [
                {"meeting_id": m + 1, "unit_id": u + 1}
                for m in range(len(reg.meetings))
                for u in range(reg.units)
                if (m + u) % 2 == 0
            ],
        )
        # A moved directive is stored under the unit its last move (undone or not) went to.
        holder = {i: to for i, _, _, to, _ in sorted(reg.moves, key=lambda m: m[1])}
        if reg.directives:
            conn.execute(
                insert(t.directive),
                [
                    {
                        "id": i + 1,
                        "meeting_id": d["meeting"] + 1,
                        "unit_id": holder.get(i, d["unit"]) + 1,
                        "text": f"chỉ đạo {i}",
                        "original_due": None if d["due"] is None else day(d["due"]),
                        "completed_on": None if d["completed"] is None else day(d["completed"]),
                        "cancelled_on": None if d["cancelled"] is None else day(d["cancelled"]),
                        "product": "Báo cáo" if i % 3 else None,
                        "field_id": None if d.get("field") is None else d["field"] + 1,
                        "created_at": STAMP,
                    }
                    for i, d in enumerate(reg.directives)
                ],
            )
        if reg.requests:
            conn.execute(
                insert(t.request),
                [
                    {
                        "id": k + 1,
                        "directive_id": i + 1,
                        "kind": ("extend", "withdraw")[k % 2],
                        "asked_on": day(asked),
                        "reason": "lý do",
                        "decision": ANSWERS[answer] if answered is not None else None,
                        "decided_on": None if answered is None else day(answered),
                        "objective": False,
                    }
                    for k, (i, asked, answered, answer) in enumerate(reg.requests)
                ],
            )
        if reg.extensions:
            conn.execute(
                insert(t.extension),
                [
                    {
                        "id": k + 1,
                        "directive_id": i + 1,
                        "approved_on": day(a),
                        "new_due": day(n),
                        "reason": REASONS[r],
                        "created_at": STAMP,
                    }
                    for k, (i, a, n, r) in enumerate(reg.extensions)
                ],
            )
        if reg.progress:
            conn.execute(
                insert(t.progress_entry),
                [
                    {
                        "id": k + 1,
                        "directive_id": i + 1,
                        "reported_on": day(r),
                        "percent": p,
                        "note": NOTES[note],
                        "created_at": STAMP,
                    }
                    for k, (i, r, p, note) in enumerate(reg.progress)
                ],
            )
        if reg.coordinators:
            conn.execute(
                insert(t.directive_coordinator),
                [{"directive_id": i + 1, "unit_id": u + 1} for i, u in reg.coordinators],
            )
        if reg.limitations:
            conn.execute(
                insert(t.limitation),
                [
                    {
                        "id": k + 1,
                        "meeting_id": m + 1,
                        "unit_id": u + 1,
                        "text": f"hạn chế {k % 3}",
                        "text_key": f"han che {k % 3}",
                        "category": "other",
                        "resolved_on": None if r is None else day(r),
                        "created_at": STAMP,
                    }
                    for k, (m, u, r, _) in enumerate(reg.limitations)
                ],
            )
            # Linked once all exist: a link may point at a later one, or loop.
            for k, (*_, repeat) in enumerate(reg.limitations):
                if repeat is not None:
                    conn.execute(
                        update(t.limitation)
                        .where(t.limitation.c.id == k + 1)
                        .values(repeat_of_id=repeat)
                    )
        if reg.moves:
            conn.execute(
                insert(t.change_log),
                [
                    {
                        "id": k + 1,
                        "at": STAMP,
                        "actor": "test",
                        "action": "directive.move",
                        "entity": "directive",
                        "entity_id": i + 1,
                        "before": json.dumps({"unit_id": old + 1, "unit": CODES[old]}),
                        "after": json.dumps(
                            {"unit_id": new + 1, "unit": CODES[new], "on": day(on).isoformat()}
                        ),
                        "undone_by": 999 if undone else None,
                    }
                    for k, (i, on, old, new, undone) in enumerate(reg.moves)
                ],
            )
