"""The rules in SQL equal the straightforward Python reference, on SQLite and on PostgreSQL.

On random registers (hypothesis): per-unit counts aggregated in SQL (store/rules.py,
store/counts.py) equal what tests/oracle.build_report counts in Python over facts read the
plain ORM way; the SQL status filter and the most-overdue-first order equal the Python ones; the
Core loaders (store/facts.py, behind store.directives.iter_facts and
store.limitations.list_limitations) read exactly what the ORM reads. And the read-only commands
start without the libraries only other commands need.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from dirtrack.db import read_scope, session_scope
from dirtrack.periods import Period
from dirtrack.report.sections import scope_end
from dirtrack.status import DirectiveFacts, ExtensionFact, ProgressFact, Status
from dirtrack.store import facts as core
from dirtrack.store import tables as t
from dirtrack.store.directives import DirectiveFilter, iter_facts
from dirtrack.store.rules import Scope, directive_ids, wanted_statuses
from tests.oracle import build_report, judge, unit_counts
from tests.random_register import DAYS, Register, day, fill, periods, registers


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


EXAMPLES = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@EXAMPLES
@given(
    reg=registers(fields_and_requests=False),
    when=periods(earliest=-8),
    only=st.none() | st.sets(st.integers(1, 5), min_size=1),
)
def test_sql_counts_equal_build_report(
    engine: Engine, reg: Register, when: tuple[Period, date], only: set[int] | None
) -> None:
    fill(engine, reg)
    period, as_of = when
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
    reg=registers(fields_and_requests=False),
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
    reg=registers(fields_and_requests=False),
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
