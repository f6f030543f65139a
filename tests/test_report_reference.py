"""The report equals the reference, whole, on SQLite and on PostgreSQL.

``report`` builds its object from counts the database aggregates and from the facts of only the
directives a section lists, streaming the long lists (dirtrack/report/). The reference,
tests/oracle.build_whole_report, computes the same object in Python from the facts of every
directive in scope, read the ORM way (tests/oracle.gather_report). On random registers — chairs
spelled several ways and meeting on the same days, extensions with and without reasons, progress
notes, cancellations, units under units, repeats of limitations (chains, loops, links to later
ones), directives moved by ``unit retire`` and moves undone — and for random periods, days T
(inside the period too), ``--unit``, ``--rollup`` and due-soon windows, the two objects must be
equal, and so must the bytes of every text format.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from dirtrack import risk
from dirtrack.db import read_scope, session_scope
from dirtrack.periods import Period
from dirtrack.records import RecordStream, materialised
from dirtrack.render.json_out import dump_chunks
from dirtrack.render.report_doc import ReportTitles, build_document
from dirtrack.render.report_out import (
    _rich_tables,
    document_text,
    print_document,
    report_csv,
    report_markdown,
)
from dirtrack.repeats import chains
from dirtrack.report import build
from dirtrack.report.sections import chain_members
from dirtrack.risk import RiskRules
from dirtrack.status import Counts
from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.rules import Scope
from tests import oracle
from tests.oracle import gather_report
from tests.random_register import (
    CODES,
    FIELDS,
    Register,
    day,
    fill,
    periods,
    registers,
)
from tests.test_plain_table import pipe_console

EXAMPLES = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _texts(pack: dict[str, Any], titles: ReportTitles) -> dict[str, str]:
    """The pack in every text format: JSON, Markdown, the table as written to a file and as
    written to a pipe (laid out directly: compared with what rich prints in the test)."""
    found = {"json": "".join(dump_chunks(pack))}
    for lang in ("vi", "en"):
        found[f"md {lang}"] = "".join(report_markdown(build_document(pack, titles, lang)))
        for by in ("unit", "chair"):
            terminal = build_document(pack, titles, lang, by=by, detail=False)
            found[f"table {lang} {by}"] = document_text(terminal, by=by)
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                print_document(terminal, by=by)
            found[f"pipe {lang} {by}"] = printed.getvalue()
    return found


def _drawn_here(engine: Engine, config: pytest.Config) -> bool:
    """Whether a test draws, on ``engine``, what Python alone draws from packs already read
    whole and compared (rich's own printing of a pack, the documents of two packs): on
    SQLite; on PostgreSQL in make test-all (``--all-backends``) only, the packs themselves,
    which are what the engine makes, being compared on both."""
    return engine.dialect.name == "sqlite" or bool(config.getoption("--all-backends"))


def _rich_prints(pack: dict[str, Any], titles: ReportTitles) -> dict[str, str]:
    """What rich itself prints to a pipe for the terminal document of ``pack``."""
    found = {}
    for lang in ("vi", "en"):
        for by in ("unit", "chair"):
            printed = io.StringIO()
            console = pipe_console(printed)
            for item in _rich_tables(build_document(pack, titles, lang, by=by), by=by):
                console.print(item)
            found[f"pipe {lang} {by}"] = printed.getvalue()
    return found


@EXAMPLES
@given(
    reg=registers(),
    when=periods(),
    only=st.none() | st.integers(0, len(CODES) - 1),
    rollup=st.booleans(),
    within=st.integers(0, 10),
)
def test_the_report_is_the_reference_report(
    engine: Engine,
    pytestconfig: pytest.Config,
    reg: Register,
    when: tuple[Period, date],
    only: int | None,
    rollup: bool,
    within: int,
) -> None:
    fill(engine, reg)
    period, as_of = when
    unit = CODES[only] if only is not None and only < reg.units else None
    options: dict[str, Any] = {"unit": unit, "rollup": rollup, "due_within": within}
    with session_scope(engine, write=False) as session:
        expected = gather_report(session, period, as_of, **options)
    titles = ReportTitles.of(period, "vi")
    with read_scope(engine) as conn:
        report = build(conn, period, as_of, **options)
        streams = [report["directives"], report["next_period"]["directives"]]
        assert all(isinstance(stream, RecordStream) for stream in streams)
        # Every format from the streams as they are read, before anything is held whole.
        got_texts = _texts(report, titles)
        got = materialised(report)
        counted = build(conn, period, as_of, counts_only=True, **options)
    assert got == expected
    expected_texts = _texts(expected, titles)
    assert got_texts == expected_texts
    if _drawn_here(engine, pytestconfig):  # the pipe's lines as rich prints the reference
        pipe = {k: v for k, v in got_texts.items() if k.startswith("pipe")}
        assert pipe == _rich_prints(expected, titles)
    assert got_texts["json"] == json.dumps(expected, ensure_ascii=False, indent=2)
    for by in ("unit", "chair"):
        assert report_csv(counted, by=by) == report_csv(expected, by=by)


@EXAMPLES
@given(reg=registers(), when=periods(), rollup=st.booleans())
def test_the_documents_leave_out_only_what_they_do_not_show(
    engine: Engine,
    pytestconfig: pytest.Config,
    reg: Register,
    when: tuple[Period, date],
    rollup: bool,
) -> None:
    """For its documents ``report`` counts neither the counts by field and by leader nor the
    risk colours (``build`` without ``groups``): the pack lacks those keys and each unit row
    its colour, all else is the whole pack's, and the terminal's table and the Markdown (by
    unit, chair and periodic directive, in both languages) are the same as from the whole
    pack (drawn on SQLite: on PostgreSQL, the packs the engine makes, unless
    ``--all-backends``)."""
    fill(engine, reg)
    period, as_of = when
    with read_scope(engine) as conn:
        whole = materialised(build(conn, period, as_of, rollup=rollup, sections=True))
        table = materialised(build(conn, period, as_of, rollup=rollup, sections=True, groups=False))
    grouped = {"by_field", "by_leader", "risk"}
    assert set(whole) - set(table) == grouped
    assert set(table) <= set(whole)
    for key in set(table) - {"units"}:
        assert table[key] == whole[key], key
    assert table["units"] == [
        {k: v for k, v in row.items() if k != "risk"} for row in whole["units"]
    ]
    if not _drawn_here(engine, pytestconfig):
        return
    titles = ReportTitles.of(period, "vi")
    for lang in ("vi", "en"):
        for by in ("unit", "chair", "series"):
            shown = [
                document_text(build_document(pack, titles, lang, by=by, detail=False), by=by)
                for pack in (whole, table)
            ]
            assert shown[0] == shown[1], (lang, by)
            written = [
                "".join(report_markdown(build_document(pack, titles, lang, by=by)))
                for pack in (whole, table)
            ]
            assert written[0] == written[1], (lang, by)


def test_a_csv_of_the_counts_reads_as_the_reference(engine: Engine) -> None:
    """One worked register: the CSV columns of the counts-only pack (a smoke test of the
    fixture for readers; the property above is the real check)."""
    reg = Register(
        units=2,
        parents=[None, 0],
        meetings=[(0, 3, 1), (2, 4, 2)],
        directives=[
            {"meeting": 0, "unit": 0, "due": 5, "completed": None, "cancelled": None},
            {"meeting": 1, "unit": 1, "due": 3, "completed": 4, "cancelled": None},
        ],
        extensions=[],
        progress=[],
        coordinators=[],
        limitations=[],
    )
    fill(engine, reg)
    period = Period(label="test", start=day(0), end=day(9))
    with read_scope(engine) as conn:
        pack = build(conn, period, day(9), counts_only=True)
    rows = list(csv.DictReader(io.StringIO(report_csv(pack, by="chair"))))
    # Both chairs fold to one; the spelling shown is the one of the latest meeting.
    assert [(r["chair"], r["chair_title"], r["meetings"], r["total"]) for r in rows] == [
        ("Phuong Thi Thanh", "Phó Bí thư", "2", "2"),
        ("TOTAL", "", "2", "2"),
    ]


@settings(max_examples=3 * settings.default.max_examples)  # cheap: 300 in make test-all
@given(
    links=st.dictionaries(st.integers(1, 12), st.integers(1, 14), max_size=10),
    raised=st.sets(st.integers(1, 14), max_size=14),
    listed=st.sets(st.integers(1, 14), max_size=5),
)
def test_chain_members_are_all_the_repeats_need(
    links: dict[int, int], raised: set[int], listed: set[int]
) -> None:
    """The limitations the report reads for ``repeated_limitations`` hold every chain of
    two or more that a listed one belongs to, exactly as the chains over all of them."""
    shown = listed & raised

    def facts(ids: set[int]) -> list[LimitationFacts]:
        return [
            LimitationFacts(i, i, 1, "A", "x", "other", day(i), None, None, links.get(i))
            for i in sorted(ids & raised)
        ]

    def repeated(items: list[LimitationFacts]) -> list[tuple[int, ...]]:
        found = chains(items, raised_on_or_before=day(99))
        return sorted(
            tuple(m.id for m in c.members)
            for c in found
            if c.times > 1 and any(m.id in shown for m in c.members)
        )

    live = {i: first for i, first in links.items() if i in raised}
    assert repeated(facts(chain_members(shown, live))) == repeated(facts(set(range(1, 15))))


# The units a report is limited to, and directives held by another unit on T (unit, directive).
ONLY = st.none() | st.sets(st.integers(1, len(CODES)), min_size=1)
HELD = st.lists(st.tuples(st.integers(1, len(CODES)), st.integers(1, 25)), max_size=4)


def holding(held: list[tuple[int, int]]) -> dict[int, set[int]]:
    """The directives each unit held on T (a directive once: the first unit drawn for it)."""
    holders: dict[int, set[int]] = {}
    for uid, did in held:
        if not any(did in ids for ids in holders.values()):
            holders.setdefault(uid, set()).add(did)
    return holders


def period_scope(
    period: Period, as_of: date, only: set[int] | None, holders: dict[int, set[int]]
) -> Scope:
    """The scope of the period's report on T: directives given by the period's end (or T) and
    not closed before its start, of the units ``only``, held as ``holders`` says."""
    return Scope(
        as_of=as_of,
        held_on_or_before=min(period.end, as_of),
        closed_not_before=period.start,
        unit_ids=only,
        holders=tuple((uid, tuple(sorted(ids))) for uid, ids in sorted(holders.items())),
    )


@EXAMPLES
@given(
    reg=registers(),
    when=periods(),
    only=ONLY,
    held=HELD,
    within=st.integers(0, 10),
)
def test_one_pass_counts_equal_the_separate_queries(
    engine: Engine,
    reg: Register,
    when: tuple[Period, date],
    only: set[int] | None,
    held: list[tuple[int, int]],
    within: int,
) -> None:
    """count_report's parts equal unit_counts of each period and the overdue and due-soon ids
    picked one query at a time, whoever holds the directives (``holders``)."""
    from sqlalchemy import select

    from dirtrack.status import Status
    from dirtrack.store.counts import count_report
    from dirtrack.store.rules import directive_ids, states

    fill(engine, reg)
    period, as_of = when
    before = period.previous()
    then_day = min(before.end, as_of)
    now = period_scope(period, as_of, only, holding(held))
    then = Scope(
        as_of=then_day,
        held_on_or_before=then_day,
        closed_not_before=before.start,
        unit_ids=only,
        holders=now.holders[:1],
    )
    due_by = as_of + timedelta(days=within)
    with read_scope(engine) as conn:
        found = count_report(conn, now, then, due_by)
        assert found.units == oracle.unit_counts(conn, now)
        assert found.earlier == oracle.unit_counts(conn, then)
        overdue = list(
            conn.execute(directive_ids(now, [Status.OVERDUE], most_overdue_first=True)).scalars()
        )
        rows = states(now)
        soon = select(rows.c.id).where(
            rows.c.status == Status.OPEN_IN_TIME.value, rows.c.due <= due_by
        )
        due_soon = list(conn.execute(soon.order_by(rows.c.due, rows.c.id)).scalars())
    assert found.watched == overdue + due_soon


# Thresholds within the register's short calendar (deadlines at most SPAN days after a
# meeting), so that every branch of the colour rule is reached, the stale one too.
RULES = st.builds(
    RiskRules,
    soon_days=st.integers(0, 6),
    red_days=st.integers(0, 6),
    low_progress=st.sampled_from([0, 30, 50, 101]),
    stale_days=st.integers(0, 8),
    pending_request=st.booleans(),
)


@EXAMPLES
@given(
    reg=registers(),
    when=periods(),
    only=ONLY,
    held=HELD,
    rules=RULES | st.just(risk.DEFAULT),
)
def test_the_sections_and_colours_the_database_counts_are_the_reference(
    engine: Engine,
    reg: Register,
    when: tuple[Period, date],
    only: set[int] | None,
    held: list[tuple[int, int]],
    rules: RiskRules,
) -> None:
    """The risk colour of each directive (store.rules.risk_case), and count_report's sections
    (counts per field, unit and day closed; colours of the open directives per unit and field)
    and the request counts, equal the plain-Python reference of tests/oracle.py, whoever holds
    the directives and whatever the office's [risk] thresholds."""
    from dirtrack.store.counts import count_report, request_counts
    from dirtrack.store.facts import facts_of

    fill(engine, reg)
    period, as_of = when
    end = min(period.end, as_of)
    holders = holding(held)
    holder = {did: uid for uid, ids in holders.items() for did in ids}
    now = period_scope(period, as_of, only, holders)
    before = period.previous()
    then = Scope(as_of=min(before.end, as_of), held_on_or_before=min(before.end, as_of))
    risk.use(rules)
    try:
        with read_scope(engine) as conn:
            found = count_report(conn, now, then, as_of, sections=True)
            asked = request_counts(conn, now, period.start, end)
            every = facts_of(conn, list(range(1, len(reg.directives) + 1)), as_of=as_of)
        fields: dict[tuple[int | None, int, date | None], Counts] = {}
        colours: dict[tuple[int, int | None], dict[str, int]] = {}
        requests: dict[str, dict[str, int]] = {}
        for read in every:
            item = oracle.judge(read, as_of)
            assert read.risk(as_of) == item.risk(as_of), read.id
            unit_id = holder.get(item.id, item.unit_id)
            if not oracle.in_scope(item, period, as_of) or (only and unit_id not in only):
                continue
            status, due = item.status(as_of), item.due_at(as_of)
            field_id = None if item.field_code is None else FIELDS.index(item.field_code) + 1
            shut = item.completed_by(as_of) or item.cancelled_by(as_of) or item.withdrawn_by(as_of)
            counts = fields.setdefault((field_id, unit_id, shut), Counts())
            extended = any(e.approved_on <= as_of for e in item.extensions)
            oracle.count(counts, status, has_deadline=due is not None, extended=extended)
            if status.is_open:
                tally = colours.setdefault((unit_id, field_id), {})
                colour = item.risk(as_of)
                assert colour is not None
                tally[colour] = tally.get(colour, 0) + 1
            for req in item.requests:
                if not period.start <= req.asked_on <= end:
                    continue
                row = requests.setdefault(
                    req.kind,
                    {
                        "asked": 0,
                        "granted": 0,
                        "refused": 0,
                        "pending": 0,
                        "moot": 0,
                        "asked_late": 0,
                    },
                )
                row["asked"] += 1
                answer = req.decision_at(as_of)
                waits = "moot" if shut else "pending"
                row["granted" if answer == "approved" else "refused" if answer else waits] += 1
                then_due = oracle.due_at(item, req.asked_on)
                row["asked_late"] += then_due is not None and req.asked_on > then_due
    finally:
        risk.use(risk.DEFAULT)
    assert found.fields == fields
    assert found.risks == colours
    assert asked == requests
