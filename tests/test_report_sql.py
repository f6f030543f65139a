"""The rules in SQL equal the straightforward Python reference, on SQLite and on PostgreSQL.

On random registers (hypothesis): per-unit counts aggregated in SQL (store/rules.py,
store/counts.py) equal what tests/oracle.build_report counts in Python over facts read the
plain ORM way; the SQL status filter and the most-overdue-first order equal the Python ones; the
Core loaders (store/facts.py, behind store.directives.iter_facts and
store.limitations.list_limitations) read exactly what the ORM reads. And the read-only commands
start without the libraries only other commands need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, insert, select

from dirtrack.db import read_scope, session_scope
from dirtrack.periods import Period
from dirtrack.report.sections import scope_end
from dirtrack.status import DirectiveFacts, ExtensionFact, ProgressFact, Status
from dirtrack.store import facts as core
from dirtrack.store import tables as t
from dirtrack.store.counts import unit_counts
from dirtrack.store.directives import DirectiveFilter, iter_facts
from dirtrack.store.rules import Scope, directive_ids, wanted_statuses
from tests.conftest import clear_tables
from tests.oracle import build_report, judge

FIRST = date(2021, 1, 1)
# A short calendar, so that deadlines, completions, approvals and T often fall on the same day.
DAYS = 40
SPAN = 12
STAMP = datetime(2024, 1, 1, tzinfo=UTC)


def day(n: int) -> date:
    return FIRST + timedelta(days=n)


def orm_facts(session: Any, flt: DirectiveFilter) -> list[DirectiveFacts]:
    """The reference: every matching directive's facts read the plain ORM way, in id order."""
    from sqlmodel import col, select

    from dirtrack.models import (
        Directive,
        DirectiveCoordinator,
        Extension,
        Meeting,
        ProgressEntry,
        Unit,
    )

    query = (
        select(Directive, col(Meeting.date), col(Unit.code), col(Unit.name))
        .join(Meeting, col(Meeting.id) == col(Directive.meeting_id))
        .join(Unit, col(Unit.id) == col(Directive.unit_id))
        .order_by(col(Directive.id))
    )
    if flt.ids is not None:
        query = query.where(col(Directive.id).in_(list(flt.ids)))
    if flt.unit_ids is not None:
        query = query.where(col(Directive.unit_id).in_(list(flt.unit_ids)))
    if flt.meeting_id is not None:
        query = query.where(Directive.meeting_id == flt.meeting_id)
    if flt.held_on_or_before is not None:
        query = query.where(Meeting.date <= flt.held_on_or_before)
    if flt.closed_not_before is not None:
        start = flt.closed_not_before
        query = query.where(
            (col(Directive.completed_on).is_(None)) | (col(Directive.completed_on) >= start)
        ).where((col(Directive.cancelled_on).is_(None)) | (col(Directive.cancelled_on) >= start))
    found = []
    for directive, held, code, name in session.exec(query).all():
        exts = session.exec(
            select(Extension)
            .where(Extension.directive_id == directive.id)
            .order_by(col(Extension.approved_on), col(Extension.id))
        ).all()
        steps = session.exec(
            select(ProgressEntry)
            .where(ProgressEntry.directive_id == directive.id)
            .order_by(col(ProgressEntry.reported_on), col(ProgressEntry.id))
        ).all()
        withs = session.exec(
            select(Unit.code)
            .join(DirectiveCoordinator, col(DirectiveCoordinator.unit_id) == col(Unit.id))
            .where(DirectiveCoordinator.directive_id == directive.id)
        ).all()
        found.append(
            DirectiveFacts(
                id=directive.id,
                meeting_id=directive.meeting_id,
                meeting_date=held,
                unit_id=directive.unit_id,
                unit_code=code,
                unit_name=name,
                text=directive.text,
                original_due=directive.original_due,
                completed_on=directive.completed_on,
                cancelled_on=directive.cancelled_on,
                with_codes=tuple(sorted(withs)),
                extensions=tuple(
                    ExtensionFact(e.approved_on, e.new_due, e.reason, e.due_text) for e in exts
                ),
                progress=tuple(ProgressFact(p.reported_on, p.percent, p.note) for p in steps),
                due_text=directive.due_text,
                product=directive.product,
                key=directive.key,
                completion_note=directive.completion_note,
                cancel_reason=directive.cancel_reason,
            )
        )
    return found


@dataclass
class Register:
    units: int
    meetings: list[int]  # day offsets
    directives: list[dict[str, Any]]
    extensions: list[tuple[int, int, int]]  # directive index, approved day, new due day
    progress: list[tuple[int, int, int | None]]
    coordinators: list[tuple[int, int]]
    limitations: list[tuple[int, int, int | None, int | None]] = field(default_factory=list)


@st.composite
def registers(draw: st.DrawFn) -> Register:
    units = draw(st.integers(1, 5))
    meetings = draw(st.lists(st.integers(0, DAYS - SPAN), min_size=1, max_size=6))
    directives = []
    for _ in range(draw(st.integers(0, 25))):
        m = draw(st.integers(0, len(meetings) - 1))
        held = meetings[m]
        later = st.integers(held, held + SPAN)
        directives.append(
            {
                "meeting": m,
                "unit": draw(st.integers(0, units - 1)),
                "due": draw(st.none() | later),
                "completed": draw(st.none() | later),
                "cancelled": draw(st.none() | st.none() | later),
            }
        )
    n = len(directives)
    extensions, progress, coordinators = [], [], []
    if n:
        index = st.integers(0, n - 1)
        for _ in range(draw(st.integers(0, 12))):
            i = draw(index)
            held = meetings[directives[i]["meeting"]]
            approved = draw(st.integers(held, held + SPAN))
            extensions.append((i, approved, draw(st.integers(held, held + SPAN + 4))))
        for _ in range(draw(st.integers(0, 8))):
            i = draw(index)
            held = meetings[directives[i]["meeting"]]
            percent = draw(st.none() | st.integers(0, 100))
            progress.append((i, draw(st.integers(held, held + SPAN)), percent))
        pairs = st.tuples(index, st.integers(0, units - 1))
        coordinators = sorted(set(draw(st.lists(pairs, max_size=8))))
    limitations = []
    for n in range(draw(st.integers(0, 6))):
        m = draw(st.integers(0, len(meetings) - 1))
        resolved = draw(st.none() | st.integers(meetings[m], meetings[m] + SPAN))
        repeat = draw(st.none() | st.integers(1, n)) if n else None
        limitations.append((m, draw(st.integers(0, units - 1)), resolved, repeat))
    return Register(units, meetings, directives, extensions, progress, coordinators, limitations)


def fill(engine: Engine, reg: Register) -> None:
    with engine.begin() as conn:
        clear_tables(
            conn,
            t.limitation,
            t.extension,
            t.progress_entry,
            t.directive_coordinator,
            t.directive,
            t.meeting_attendee,
            t.meeting,
            t.unit_alias,
            t.unit,
        )
        # Codes whose byte order differs from a locale's: the order must be Python's everywhere.
        codes = ["b-2", "B1", "a", "Đ", "ab"]
        conn.execute(
            insert(t.unit),
            [
                {
                    "id": u + 1,
                    "code": codes[u],
                    "code_key": codes[u].lower() + str(u),
                    "name": f"Unit {codes[u]}",
                    "name_key": f"unit {u}",
                    "created_at": STAMP,
                }
                for u in range(reg.units)
            ],
        )
        conn.execute(
            insert(t.meeting),
            [
                {"id": m + 1, "date": day(d), "title": "m", "kind": "briefing", "created_at": STAMP}
                for m, d in enumerate(reg.meetings)
            ],
        )
        if reg.directives:
            conn.execute(
                insert(t.directive),
                [
                    {
                        "id": i + 1,
                        "meeting_id": d["meeting"] + 1,
                        "unit_id": d["unit"] + 1,
                        "text": f"directive {i}",
                        "original_due": None if d["due"] is None else day(d["due"]),
                        "completed_on": None if d["completed"] is None else day(d["completed"]),
                        "cancelled_on": None if d["cancelled"] is None else day(d["cancelled"]),
                        "created_at": STAMP,
                    }
                    for i, d in enumerate(reg.directives)
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
                        "created_at": STAMP,
                    }
                    for k, (i, a, n) in enumerate(reg.extensions)
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
                        "created_at": STAMP,
                    }
                    for k, (i, r, p) in enumerate(reg.progress)
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
                        "text": f"hạn chế {k}",
                        "text_key": f"han che {k}",
                        "category": "other",
                        "resolved_on": None if r is None else day(r),
                        "repeat_of_id": repeat,
                        "created_at": STAMP,
                    }
                    for k, (m, u, r, repeat) in enumerate(reg.limitations)
                ],
            )


def period_of(start: int, length: int) -> Period:
    first = day(start)
    return Period(label="test", start=first, end=first + timedelta(days=length))


EXAMPLES = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@EXAMPLES
@given(
    reg=registers(),
    start=st.integers(0, DAYS),
    length=st.integers(0, 15),
    late=st.integers(-8, 12),
    only=st.none() | st.sets(st.integers(1, 5), min_size=1),
)
def test_sql_counts_equal_build_report(
    engine: Engine, reg: Register, start: int, length: int, late: int, only: set[int] | None
) -> None:
    fill(engine, reg)
    period = period_of(start, length)
    as_of = period.end + timedelta(days=late)
    end = scope_end(period, as_of)
    unit_ids = sorted(only) if only else None
    with session_scope(engine, write=False) as session:
        flt = DirectiveFilter(
            unit_ids=unit_ids, held_on_or_before=end, closed_not_before=period.start
        )
        expected = build_report(orm_facts(session, flt), period=period, as_of=as_of)
    scope = Scope(
        as_of=as_of, held_on_or_before=end, closed_not_before=period.start, unit_ids=unit_ids
    )
    with read_scope(engine) as conn:
        counts = unit_counts(conn, scope)
        units = {row.id: (row.code, row.name) for row in conn.execute(select(t.unit))}
        overdue = list(
            conn.execute(directive_ids(scope, [Status.OVERDUE], most_overdue_first=True)).scalars()
        )
    got = {units[uid][0]: c.as_dict() for uid, c in counts.items()}
    assert got == {row.code: row.counts.as_dict() for row in expected.units}
    assert overdue == [record["id"] for record in expected.overdue]


@EXAMPLES
@given(
    reg=registers(),
    as_of=st.integers(0, DAYS),
    status=st.sampled_from(["all", "open", *(s.value for s in Status)]),
)
def test_sql_status_filter_and_core_facts_equal_the_orm_reference(
    engine: Engine, reg: Register, as_of: int, status: str
) -> None:
    fill(engine, reg)
    when = day(as_of)
    wanted = wanted_statuses(status)
    with session_scope(engine, write=False) as session:
        flt = DirectiveFilter(held_on_or_before=when)
        # The reference judged in Python; the store's loader reads the same, judged in SQL.
        reference = [judge(f, when) for f in orm_facts(session, flt)]
        assert list(iter_facts(session, flt, as_of=when)) == reference
        expected = [f for f in reference if wanted is None or f.status(when) in wanted]
    with read_scope(engine) as conn:
        scope = Scope(as_of=when, held_on_or_before=when)
        got = list(core.iter_facts(conn, directive_ids(scope, wanted), as_of=when))
    assert got == expected
    for facts in got:
        assert list(facts.with_codes) == sorted(facts.with_codes)


@EXAMPLES
@given(
    reg=registers(),
    upto=st.none() | st.integers(0, DAYS),
    only=st.none() | st.sets(st.integers(1, 5)),
)
def test_core_limitations_equal_the_orm_reference(
    engine: Engine, reg: Register, upto: int | None, only: set[int] | None
) -> None:
    from sqlmodel import col
    from sqlmodel import select as orm_select

    from dirtrack.models import Limitation, Meeting, Unit
    from dirtrack.store.limitations import LimitationFacts, list_limitations

    fill(engine, reg)
    when = None if upto is None else day(upto)
    unit_ids = sorted(only) if only is not None else None
    with session_scope(engine, write=False) as session:
        query = (
            orm_select(Limitation, col(Meeting.date), col(Unit.code))
            .join(Meeting, col(Meeting.id) == col(Limitation.meeting_id))
            .join(Unit, col(Unit.id) == col(Limitation.unit_id))
            .order_by(col(Meeting.date), col(Limitation.id))
        )
        if unit_ids is not None:
            query = query.where(col(Limitation.unit_id).in_(unit_ids))
        if when is not None:
            query = query.where(Meeting.date <= when)
        expected = [
            LimitationFacts(
                lim.id,
                lim.meeting_id,
                lim.unit_id,
                code,
                lim.text,
                lim.category,
                held,
                lim.resolved_on,
                lim.resolve_note,
                lim.repeat_of_id,
            )
            for lim, held, code in session.exec(query).all()
        ]
        assert list_limitations(session, unit_ids=unit_ids, raised_on_or_before=when) == expected
    with read_scope(engine) as conn:
        got = core.list_limitations(conn, unit_ids=unit_ids, raised_on_or_before=when)
    assert got == expected


# Each command in turn through the entry point's main(), in one process: a heavy library one of
# them loads is in sys.modules from then on, and seen at the first command that loaded it.
LEAN = """
import json, sys
from dirtrack.cli import main
db, commands = sys.argv[1], json.loads(sys.argv[2])
heavy = ("openpyxl", "docx", "matplotlib", "rapidfuzz", "alembic", "psycopg")
for args in commands:
    sys.argv = ["dirtrack", "--db", db, *args]
    code = None
    try:
        main()
    except SystemExit as exit:
        code = exit.code
    loaded = sorted(m for m in heavy if m in sys.modules)
    sys.stderr.write(json.dumps({"args": args, "code": code, "heavy": loaded}) + "\\n")
"""

READ_ONLY = {
    "list-json": ["list", "--status", "overdue", "--format", "json"],
    "list-unit": ["list", "--unit", "VPTU", "--status", "open"],
    "overdue": ["overdue", "--as-of", "2022-12-31"],
    "report": ["report", "--quarter", "2022Q4"],
    "json-unit-rollup": [
        "report", "--quarter", "2022Q4", "--unit", "VPTU", "--rollup", "--format", "json"
    ],
    "md-chair": ["report", "--period", "2022", "--by", "chair", "--format", "md"],
    "csv": ["report", "--quarter", "2022Q4", "--format", "csv"],
}  # fmt: skip


def test_read_only_commands_load_only_what_they_need(meeting: int, db: str) -> None:
    """Start-up time: `list`, `overdue` and `report` in a terminal format or JSON import none
    of the libraries that only files, similarity scores, migrations or PostgreSQL need."""
    import json
    import subprocess
    import sys

    commands = list(READ_ONLY.values())
    done = subprocess.run(
        [sys.executable, "-c", LEAN, db, json.dumps(commands)],
        capture_output=True,
        text=True,
        check=False,
    )
    outcomes = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    assert [o["args"] for o in outcomes] == commands, done.stderr
    for name, outcome in zip(READ_ONLY, outcomes, strict=True):
        assert outcome["code"] in (None, 0), (name, done.stderr)
        heavy = outcome["heavy"]
        if "://" in db:  # the PostgreSQL driver is needed there
            heavy = [m for m in heavy if m != "psycopg"]
        assert heavy == [], name
