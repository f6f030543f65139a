"""Who last touched a directive (``overdue`` and ``remind``): the indexed lookup of
:func:`dirtrack.store.history.last_touched` gives what a plain reading of the whole change log
gives, on databases built by the real commands, on SQLite and on PostgreSQL.

The reference below reads every change row, decodes its images and keeps, for each directive,
the newest row not undone that belongs to it (the directive's own rows, and those of its
progress, extensions and coordinating units): what ``last_touched`` computed before
``change_log.directive_id`` existed (migration 0002). The column itself must name the same
directive as the images, whoever wrote the row.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, func, insert, select
from sqlalchemy.pool import NullPool

from dirtrack.db import resolve_target, upgrade
from dirtrack.store import history
from dirtrack.store import tables as t
from tests.conftest import Cli, cli_at, new_database, prebuilt
from tests.test_migrations import synthetic_log

# The rows that belong to a directive, and the image's column naming it (written out here, not
# imported: the reference must not share the code it checks).
PARTS = {
    "directive": "id",
    "progress_entry": "directive_id",
    "extension": "directive_id",
    "directive_coordinator": "directive_id",
}
ACTORS = ["Lê Văn C", "Nguyễn Thị A", "cron"]
UNITS = ["VPTU", "BTC", "BDV", "UBKT"]
EXAMPLES = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def owner_of(entity: str, before: str | None, after: str | None) -> int | None:
    """The directive a change row belongs to, read from its image (the row after the change,
    or before it for a deletion). Images written by dirtrack name directives by integer ids;
    anything else (only in hand-made rows) names none."""
    if entity not in PARTS:
        return None
    value = json.loads(after if after is not None else before or "{}").get(PARTS[entity])
    return value if type(value) is int else None


def reference(engine: Engine, ids: list[int]) -> dict[int, tuple[datetime, str]]:
    """Every change row in id order; for each wanted directive, the last one not undone."""
    wanted = set(ids)
    found: dict[int, tuple[datetime, str]] = {}
    log = t.change_log
    query = select(
        log.c.entity, log.c.before, log.c.after, log.c.undone_by, log.c.at, log.c.actor
    ).order_by(log.c.id)
    with engine.connect() as conn:
        for entity, before, after, undone_by, at, actor in conn.execute(query):
            owner = owner_of(entity, before, after)
            if undone_by is None and owner in wanted:
                found[owner] = (at, actor)
    return found


def owners_disagreeing(engine: Engine) -> list[tuple[Any, ...]]:
    """Change rows whose ``directive_id`` is not the directive their images name."""
    log = t.change_log
    query = select(log.c.id, log.c.entity, log.c.before, log.c.after, log.c.directive_id)
    with engine.connect() as conn:
        return [
            (row_id, entity, directive_id)
            for row_id, entity, before, after, directive_id in conn.execute(query)
            if owner_of(entity, before, after) != directive_id
        ]


def check(engine: Engine, ids: list[int]) -> dict[int, tuple[datetime, str]]:
    """last_touched of ``ids``, and the same read beside a listing of the directives among them
    (touched_columns), both as the reference reads the log."""
    directive_id = t.directive.c.id
    listing = select(directive_id, *history.touched_columns(directive_id)).where(
        directive_id.in_(ids)
    )
    with engine.connect() as conn:
        got = history.last_touched(conn, ids)
        beside = {row[0]: (row[1], row[2]) for row in conn.execute(listing) if row[1] is not None}
    expected = reference(engine, ids)
    assert got == expected
    assert beside == {n: found for n, found in expected.items() if n in listed(engine, ids)}
    assert owners_disagreeing(engine) == []
    return got


def listed(engine: Engine, ids: list[int]) -> set[int]:
    """Those of ``ids`` that are directives now."""
    with engine.connect() as conn:
        return set(
            conn.execute(select(t.directive.c.id).where(t.directive.c.id.in_(ids))).scalars()
        )


def directive_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.directive)).scalar() or 0)


@pytest.fixture
def engine(db: str) -> Iterator[Engine]:
    # No connection kept between checks: the commands run beside it, some in other processes.
    found = create_engine(resolve_target(db).url, poolclass=NullPool)
    yield found
    found.dispose()


def setup(cli: Cli) -> Cli:
    """Four units, two meetings."""
    for code in UNITS:
        cli.ok("unit", "add", code, f"Đơn vị {code}")
    for day in ("6/5/2022", "10/6/2022"):
        cli.ok("add-meeting", "--date", day, "--title", "Giao ban", "--attendee", "VPTU")
    return cli


@pytest.fixture
@prebuilt
def office(cli: Cli) -> Cli:
    return setup(cli)


def newest_command(cli: Cli) -> str:
    """The id of the newest command in the history (whoever ran it), for `undo CHANGE_ID`."""
    return str(json.loads(cli.ok("history", "--limit", "1", "--format", "json"))[0]["id"])


def test_the_last_change_not_undone_wins(office: Cli, engine: Engine, db: str) -> None:
    cli = office
    a = cli.id("--actor", "An", "assign", "1", "--unit", "BTC", "--due", "30/6/2022", "Việc A")
    b = cli.id("--actor", "Bình", "assign", "1", "--unit", "VPTU", "--with", "BDV", "Việc B")
    c = cli.id("--actor", "An", "assign", "2", "--unit", "UBKT", "--due", "1/7/2022", "Việc C")
    got = check(engine, [a, b, c])
    assert {k: v[1] for k, v in got.items()} == {a: "An", b: "Bình", c: "An"}
    # Progress by someone else touches the directive; an undo is a change too, by whoever
    # undid it (the undone rows are never the newest again).
    cli.ok("--actor", "Chi", "progress", str(a), "--percent", "40", "--date", "20/6/2022")
    assert check(engine, [a])[a][1] == "Chi"
    cli.ok("--actor", "Dũng", "undo", newest_command(cli), "--yes")
    assert check(engine, [a])[a][1] == "Dũng"
    # An extension, and a directive with a coordinating unit: their rows name it too.
    cli.ok("--actor", "Em", "extend", str(c), "--to", "31/8/2022", "--date", "25/6/2022")
    e = cli.id("--actor", "Em", "assign", "2", "--unit", "BDV", "--with", "UBKT", "Việc E")
    got = check(engine, [a, b, c, e])
    assert (got[c][1], got[e][1]) == ("Em", "Em")
    # `unit retire` moves B (its directive.move rows name no directive id; its updates do).
    # Its undo leaves the move rows in place, not undone: they still name no directive.
    cli.ok(
        "--actor", "Giang", "unit", "retire", "VPTU", "--successor", "BDV", "--date", "15/6/2022"
    )
    assert check(engine, [a, b, c])[b][1] == "Giang"
    cli.ok("--actor", "Hà", "undo", newest_command(cli), "--yes")
    got = check(engine, [a, b, c])
    assert (got[a][1], got[b][1], got[c][1]) == ("Dũng", "Hà", "Em")
    # Undoing a creation deletes the directive: that deletion is its last change. Ids that
    # name nothing are left out.
    d = cli.id("--actor", "Khoa", "assign", "2", "--unit", "BTC", "Việc D")
    cli.ok("--actor", "Lan", "undo", newest_command(cli), "--yes")
    got = check(engine, [a, b, c, d, 999, -1])
    assert sorted(got) == [a, b, c, d] and got[d][1] == "Lan"
    assert check(engine, []) == {}


def test_one_command_touching_many_directives(
    office: Cli, engine: Engine, db: str, tmp_path: Path
) -> None:
    """An import: many rows with one time; each directive gets its own newest row."""
    rows = ["STT,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Tiến độ"] + [
        f"{n},Việc số {n},{UNITS[n % 4]},{UNITS[(n + 1) % 4]},30/9/2022,{n % 90}%"
        for n in range(1, 41)
    ]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    office.ok("--actor", "Nhập", "import", str(sheet), "--meeting", "1")
    office.ok("--actor", "Sửa", "done", "7", "--date", "1/9/2022")
    ids = list(range(1, directive_count(engine) + 3))
    got = check(engine, ids)
    assert len(got) == 40 and got[7][1] == "Sửa"
    assert {actor for n, (_, actor) in got.items() if n != 7} == {"Nhập"}


@pytest.mark.blank_db("built at revision 0001 and upgraded")
def test_on_a_log_of_every_kind_upgraded_from_0001(db: str) -> None:
    """Hand-made rows as a 0001 database may hold them, filled by the migration: undone rows
    (with no later row of the same directive), several rows at one time, ids with gaps. Read
    in one query."""
    engine = create_engine(resolve_target(db).url, poolclass=NullPool)
    try:
        upgrade(engine, "0001")
        rows = synthetic_log(6000)
        with engine.begin() as conn:
            conn.execute(insert(t.change_log), rows)
        upgrade(engine)
        got = check(engine, list(range(-1, 402)))
    finally:
        engine.dispose()
    assert len(got) > 350
    # The data do test the rules: for some directives the newest row is an undone one, and
    # the one that counts shares its time with an older row of the same directive.
    newest: dict[int, dict[str, Any]] = {}
    times: dict[int, list[datetime]] = {}
    for row in rows:
        owner = owner_of(row["entity"], row["before"], row["after"])
        if owner is not None:
            newest[owner] = row
            if row["undone_by"] is None:
                times.setdefault(owner, []).append(row["at"])
    assert sum(1 for row in newest.values() if row["undone_by"] is not None) > 20
    assert sum(1 for found in times.values() if found.count(found[-1]) > 1) > 20


# One step of a random session: a command and the numbers that pick its arguments.
KINDS = ["assign"] * 3 + ["progress"] * 2 + ["extend", "done", "cancel", "undo --yes"]
KINDS += ["undo -n 2 --yes", "undo 2 --yes", "retire"]
STEPS = st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 50),
    st.integers(0, 3),
    st.integers(0, len(ACTORS) - 1),
)


def ids_of(engine: Engine, table: Any) -> list[int]:
    with engine.connect() as conn:
        return [int(i) for i in conn.execute(select(table.c.id).order_by(table.c.id)).scalars()]


def step_args(kind: str, pick: int, unit: int, engine: Engine) -> list[str]:
    directives = ids_of(engine, t.directive)
    # Mostly a directive that exists, now and then one that does not.
    target = str(directives[pick % len(directives)] if directives and pick % 9 else pick + 100)
    day = f"{pick % 28 + 1}/{unit + 6}/2022"
    code, other = UNITS[unit], UNITS[(unit + 1) % 4]
    if kind == "assign":
        meetings = ids_of(engine, t.meeting) or [1]
        extra = ["--with", other] if pick % 3 == 0 else []
        due = ["--due", day] if pick % 4 else []
        meeting = str(meetings[pick % len(meetings)])
        return ["assign", meeting, "--unit", code, *extra, *due, f"Việc {pick}"]
    if kind == "progress":
        return ["progress", target, "--percent", str(pick * 2), "--date", day]
    if kind == "extend":
        return ["extend", target, "--to", f"{pick % 28 + 1}/12/2022", "--date", day]
    if kind == "done":
        return ["done", target, "--date", day]
    if kind == "cancel":
        return ["cancel", target, "--date", day, "--reason", "Không còn phù hợp"]
    if kind == "retire":
        return ["unit", "retire", code, "--successor", other, "--date", day]
    return kind.split()


@pytest.fixture
def fresh(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[], str]:
    """A new database on the test's backend at each call (one per example), with the units and
    meetings of :func:`setup`: recorded by the commands for the first, copied for the others."""
    count = itertools.count()
    kept: list[str] = []

    def make() -> str:
        path = tmp_path / f"example-{next(count)}.db"
        if not kept:
            db = new_database(request, backend, path)
            setup(cli_at(db))
            if backend == "sqlite":
                assert not Path(f"{path}-wal").exists()  # every change is in the file itself
                kept.append(str(shutil.copyfile(path, tmp_path / "setup.db")))
            else:
                kept.append(request.getfixturevalue("pg_cluster").keep_copy(db))
            return db
        if backend == "sqlite":
            return str(shutil.copyfile(kept[0], path))
        cluster = request.getfixturevalue("pg_cluster")
        db = str(cluster.create_database())
        cluster.restore(db, kept[0])
        return db

    return make


@EXAMPLES
@given(
    steps=st.lists(STEPS, min_size=1, max_size=12),
    probe=st.lists(st.integers(-2, 40), max_size=30),
)
def test_last_touched_is_the_plain_reading_of_the_log(
    fresh: Callable[[], str],
    steps: list[tuple[str, int, int, int]],
    probe: list[int],
) -> None:
    """Whatever commands ran, for every directive and for any list of ids (repeated,
    unknown)."""
    db = fresh()
    cli = cli_at(db)
    engine = create_engine(resolve_target(db).url, poolclass=NullPool)
    for kind, pick, unit, actor in steps:
        args = step_args(kind, pick, unit, engine)
        result = cli("--actor", ACTORS[actor], *args)
        # Some steps are refused (a directive that does not exist or is closed, a retired
        # unit, nothing to undo…): refused cleanly, they change nothing.
        assert result.exit_code in (0, 1), (args, result.stderr, result.stdout)
        assert "Traceback" not in result.stderr + result.stdout
    everything = list(range(-1, max(ids_of(engine, t.directive), default=0) + 3))
    check(engine, everything)
    check(engine, probe)
    engine.dispose()
