from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, func, insert, inspect, select, text, update
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from dirtrack.db import KNOWN_REVISIONS, SCHEMA_REVISION, make_engine, resolve_target, upgrade
from dirtrack.models import (
    KEPT_LINKS,
    TRIGGER_DIGESTS,
    metadata,
    orphan_triggers,
    own_link_triggers,
    trigger_digest,
)
from dirtrack.store import tables as t
from tests.conftest import BACKENDS, Cli, cli_at, new_database, prebuilt, snapshot


def script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", "dirtrack:migrations")
    return ScriptDirectory.from_config(config)


# Tables revisions after 0003 add (0006: units' contacts, packs).
def test_schema_revision_constant_is_the_alembic_head() -> None:
    assert script().get_current_head() == SCHEMA_REVISION
    revisions = [r.revision for r in script().walk_revisions()]
    assert sorted(revisions) == sorted(KNOWN_REVISIONS)


def without_0007(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """A snapshot as it was before 0007, which adds three tables (empty here) and
    directive.series_id, period and issued_on (NULL here), last."""
    rows = dict(rows)
    for name in ("series", "series_coordinator", "calendar_day"):
        assert rows.pop(name) == []
    assert all(row[-3:] == (None, None, None) for row in rows["directive"])
    rows["directive"] = [row[:-3] for row in rows["directive"]]
    return rows


@pytest.fixture(params=BACKENDS)
def blank(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database (no tables at all) on each backend: its ``--db`` target."""
    return new_database(request, request.param, tmp_path / "blank.db", blank=True)


def test_a_blank_database_migrates_to_exactly_the_models(blank: str) -> None:
    """The migrations and the models describe one schema: tables, columns, types, nullability,
    indexes, unique constraints and foreign keys, on SQLite and PostgreSQL."""
    engine = create_engine(resolve_target(blank).url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            dialect = conn.dialect.name

            def include(obj: Any, _name: Any, _kind: str, _reflected: bool, _to: Any) -> bool:
                """Not what the models make on another dialect only (``ddl_if``): on
                PostgreSQL the partial indexes of unreadable days, which SQLite alone needs."""
                only = getattr(obj, "_ddl_if", None)
                return only is None or only.dialect in (None, dialect)

            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "compare_server_default": False,
                    "include_object": include,
                },
            )
            diff = compare_metadata(context, metadata())
    finally:
        engine.dispose()
    assert diff == []


def sqlite_schema(path: Path) -> dict[str, Any]:
    """Everything SQLite knows of a file's schema, table by table: the columns in order (type,
    NOT NULL, default, primary key), the indexes with their columns, the foreign keys, the
    named constraints, AUTOINCREMENT; and the revision recorded."""
    with sqlite3.connect(path) as conn:
        described: dict[str, Any] = {}
        found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        for name, sql in found.fetchall():
            indexes = []
            for _seq, index, unique, origin, partial in conn.execute(
                f"PRAGMA index_list('{name}')"
            ).fetchall():
                columns = [row[2] for row in conn.execute(f"PRAGMA index_info('{index}')")]
                indexes.append((index if origin == "c" else origin, unique, partial, columns))
            described[name] = {
                "columns": [row[1:] for row in conn.execute(f"PRAGMA table_info('{name}')")],
                "indexes": sorted(indexes),
                "foreign_keys": sorted(
                    row[2:] for row in conn.execute(f"PRAGMA foreign_key_list('{name}')")
                ),
                "named": sorted(re.findall(r"CONSTRAINT (\w+)", sql or "")),
                "autoincrement": "AUTOINCREMENT" in (sql or ""),
            }
        described["triggers"] = conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        described["revision"] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return described


def test_a_new_sqlite_file_is_the_schema_the_migrations_build(tmp_path: Path) -> None:
    """A first command on a new SQLite file makes the schema from the models (no Alembic); it
    is the one the migrations build, but for the order of directive's columns: the migrations
    added some at the end, which no statement depends on (every one names its columns)."""
    from dirtrack.db import open_engine

    made, _ = open_engine(str(tmp_path / "new.db"))
    made.dispose()
    migrated = create_engine(resolve_target(str(tmp_path / "migrated.db")).url)
    upgrade(migrated)
    migrated.dispose()
    new, old = sqlite_schema(tmp_path / "new.db"), sqlite_schema(tmp_path / "migrated.db")
    assert sorted(new["directive"].pop("columns")) == sorted(old["directive"].pop("columns"))
    assert new == old
    assert new["revision"] == [(SCHEMA_REVISION,)]


@pytest.mark.blank_db("checks what the first command makes")
def test_first_use_creates_the_database_owner_only(cli: Cli, db_path: Path, backend: str) -> None:
    assert snapshot(cli.db) == {}
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    assert snapshot(cli.db)["alembic_version"] == [(SCHEMA_REVISION,)]
    if backend == "sqlite":
        assert db_path.exists()
        assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                SCHEMA_REVISION,
            )


def test_foreign_keys_are_enforced(cli: Cli, db_path: Path) -> None:
    from dirtrack.db import open_engine

    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    engine, _ = open_engine(cli.db)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO directive (meeting_id, unit_id, text, created_at) "
                "VALUES (42, 42, 'orphan', '2022-01-01')"
            )
        )
    engine.dispose()


def fill_0001(engine: Engine) -> None:
    """A register as dirtrack 0001 wrote it: units under units with an alias and a successor,
    meetings with attendees, directives open, late, done, extended, cancelled and coordinated,
    progress, limitations with a repeat, and change rows of both kinds."""
    stamp = datetime(2022, 1, 1, tzinfo=UTC)
    rows: list[tuple[Any, list[dict[str, Any]]]] = [
        (
            t.unit,
            [
                {
                    "id": 1,
                    "code": "VPTU",
                    "code_key": "vptu",
                    "name": "Văn phòng Tỉnh ủy",
                    "name_key": "van phong tinh uy",
                    "created_at": stamp,
                },
                {
                    "id": 2,
                    "code": "BTC",
                    "code_key": "btc",
                    "name": "Ban Tổ chức Tỉnh ủy",
                    "name_key": "ban to chuc tinh uy",
                    "parent_id": 1,
                    "created_at": stamp,
                },
                {
                    "id": 3,
                    "code": "BDV",
                    "code_key": "bdv",
                    "name": "Ban Dân vận",
                    "name_key": "ban dan van",
                    "successor_id": 2,
                    "retired_on": date(2022, 3, 1),
                    "created_at": stamp,
                },
            ],
        ),
        (
            t.unit_alias,
            [{"id": 1, "unit_id": 2, "alias": "Ban Tổ chức", "alias_key": "ban to chuc"}],
        ),
        (
            t.meeting,
            [
                {
                    "id": 1,
                    "date": date(2022, 1, 10),
                    "title": "Giao ban tháng 1",
                    "kind": "working-session",
                    "chair": "Phương Thị Thanh",
                    "chair_title": "Bí thư",
                    "key": "gb-1",
                    "created_at": stamp,
                },
                {
                    "id": 2,
                    "date": date(2022, 2, 14),
                    "title": "Hội nghị sơ kết",
                    "kind": "conference",
                    "created_at": stamp,
                },
            ],
        ),
        (t.meeting_attendee, [{"meeting_id": 1, "unit_id": 1}, {"meeting_id": 1, "unit_id": 2}]),
        (
            t.directive,
            [
                {
                    "id": 1,
                    "meeting_id": 1,
                    "unit_id": 2,
                    "text": "Rà soát quy hoạch cán bộ",
                    "original_due": date(2022, 1, 31),
                    "due_text": "tháng 1/2022",
                    "product": "Báo cáo",
                    "key": "k-1",
                    "created_at": stamp,
                },
                {
                    "id": 2,
                    "meeting_id": 1,
                    "unit_id": 1,
                    "text": "Chuẩn bị hội nghị",
                    "original_due": date(2022, 2, 10),
                    "completed_on": date(2022, 2, 12),
                    "completion_note": "Xong",
                    "created_at": stamp,
                },
                {
                    "id": 3,
                    "meeting_id": 2,
                    "unit_id": 2,
                    "text": "Đề án chuyển đổi số",
                    "original_due": date(2022, 3, 1),
                    "created_at": stamp,
                },
                {
                    "id": 4,
                    "meeting_id": 2,
                    "unit_id": 1,
                    "text": "Việc đã hủy",
                    "cancelled_on": date(2022, 2, 20),
                    "cancel_reason": "Trùng",
                    "created_at": stamp,
                },
            ],
        ),
        (t.directive_coordinator, [{"directive_id": 3, "unit_id": 1}]),
        (
            t.extension,
            [
                {
                    "id": 1,
                    "directive_id": 3,
                    "approved_on": date(2022, 2, 25),
                    "new_due": date(2022, 4, 30),
                    "reason": "Chờ số liệu",
                    "created_at": stamp,
                }
            ],
        ),
        (
            t.progress_entry,
            [
                {
                    "id": 1,
                    "directive_id": 1,
                    "reported_on": date(2022, 1, 20),
                    "percent": 40,
                    "note": "Đang làm",
                    "created_at": stamp,
                }
            ],
        ),
        (
            t.limitation,
            [
                {
                    "id": 1,
                    "meeting_id": 1,
                    "unit_id": 2,
                    "text": "Tham mưu còn chậm",
                    "text_key": "tham muu con cham",
                    "category": "timeliness",
                    "created_at": stamp,
                },
                {
                    "id": 2,
                    "meeting_id": 2,
                    "unit_id": 2,
                    "text": "Tham mưu còn chậm",
                    "text_key": "tham muu con cham",
                    "category": "timeliness",
                    "repeat_of_id": 1,
                    "created_at": stamp,
                },
            ],
        ),
        # No directive_id at 0001. The moves of `unit retire` here are fakes: report reads them.
        (t.change_log, [r for r in synthetic_log(40) if r["action"] != "directive.move"]),
    ]
    with engine.begin() as conn:
        for table, values in rows:
            for value in values:  # one by one: the rows leave out different columns
                conn.execute(insert(table).values(**value))


def without_0008(found: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    """A snapshot without what 0008 adds: its tables (empty here) and the two columns of
    ``directive`` it appends (NULL here)."""
    found = dict(found)
    for table in ("field", "leader", "leader_assignment", "directive_result", "request"):
        assert found.pop(table, []) == []
    assert all(row[-2:] == (None, None) for row in found["directive"])
    found["directive"] = [row[:-2] for row in found["directive"]]
    return found


def test_a_database_at_0001_with_data_upgrades_keeping_every_row(blank: str) -> None:
    """Every row of a 0001 register survives the upgrade a command makes, and the commands read
    it: the units, the report's counts and the overdue list."""
    engine = create_engine(resolve_target(blank).url)
    try:
        upgrade(engine, "0001")
        fill_0001(engine)
    finally:
        engine.dispose()
    before = snapshot(blank)
    cli = Cli(db=blank, runner=CliRunner())
    assert [u["code"] for u in cli.json("unit", "list")] == ["BDV", "BTC", "VPTU"]
    after = snapshot(blank)
    assert before.pop("alembic_version") == [("0001",)]
    assert after.pop("alembic_version") == [(SCHEMA_REVISION,)]
    log_before, log_after = before.pop("change_log"), after.pop("change_log")
    after = without_0007(without_0008(after))
    directives_before, directives_after = before.pop("directive"), after.pop("directive")
    assert after == before | {k: [] for k in after.keys() - before.keys()}  # new tables: empty
    # 0002 adds change_log.directive_id after the columns 0001 had.
    assert [row[: len(row) - 1] for row in log_after] == log_before
    # 0009 adds directive.completed_on_exact: every completion recorded so far has its day.
    assert [row[:-1] for row in directives_after] == directives_before
    assert {row[-1] for row in directives_after} == {1}
    report = cli.json("report", "--period", "2022-01-01..2022-03-31", "--as-of", "2022-03-31")
    assert {row["code"]: (row["total"], row["overdue"]) for row in report["units"]} == {
        "BTC": (2, 1),
        "VPTU": (1, 0),
    }
    assert report["totals"]["cancelled"] == 1
    assert [r["id"] for r in report["repeated_limitations"]] == [1]
    overdue = cli.json("overdue", "--as-of", "2022-03-31")
    assert [item["id"] for item in overdue] == [1]


# --- 0002: change_log.directive_id -----------------------------------------------------------

# What the column must hold, computed here from the images alone (the reference).
PARTS = {
    "directive": "id",
    "progress_entry": "directive_id",
    "extension": "directive_id",
    "directive_coordinator": "directive_id",
}


def expected_owner(entity: str, before: str | None, after: str | None) -> int | None:
    # The parts 0002 knew, and those of later tables (none of which existed before them).
    from dirtrack.store.history import DIRECTIVE_PARTS

    column = {**DIRECTIVE_PARTS, **PARTS}.get(entity)
    raw = after if after is not None else before
    if column is None or raw is None:
        return None
    value = json.loads(raw).get(column)
    return value if type(value) is int else None


def downgrade(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", "dirtrack:migrations")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def _triggers_once_down_to(db: str, revision: str) -> set[str]:
    """The SQLite file ``db`` taken down to ``revision``: the names of its triggers then."""
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, revision)
    finally:
        engine.dispose()
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {name for (name,) in found}
    conn.close()
    return names


def log_rows(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        names = {c["name"] for c in inspect(conn).get_columns("change_log")}
        owner = "directive_id" if "directive_id" in names else "NULL"
        query = f'SELECT id, entity, "before", "after", {owner} FROM change_log ORDER BY id'
        return [tuple(row) for row in conn.execute(text(query))]


def synthetic_log(count: int, seed: int = 2) -> list[dict[str, Any]]:
    """Change rows of every kind, ids with gaps, as a 0001 database may hold them: creations,
    updates and deletions of directive parts, command rows, other tables, the image-less moves
    of ``unit retire``, undone rows, and images whose owner is missing or not an integer."""
    rng = random.Random(seed)
    ids = sorted(rng.sample(range(1, 3 * count), count))
    rows = []
    for n, row_id in enumerate(ids):
        entity = rng.choice([*PARTS, "command", "unit", "meeting", "limitation", "move"])
        owner: Any = rng.randint(1, 400)
        if rng.random() < 0.03:
            owner = rng.choice([None, "7", 7.5, True])
        action = rng.choice(["create", "update", "delete"])
        entity_id = rng.randint(1, 10**6)
        image: dict[str, Any] = {"id": entity_id, "note": "ghi chú"}
        if entity in PARTS:
            image[PARTS[entity]] = owner
            if owner is None and rng.random() < 0.5:
                del image[PARTS[entity]]
        before = None if action == "create" else json.dumps({**image, "old": n})
        after = None if action == "delete" else json.dumps(image, ensure_ascii=False)
        if entity == "command":
            action, before, after = "assign", None, json.dumps({"rows": [n, n], "count": 1})
        elif entity == "move":  # a directive.move row of `unit retire`: no id in its images
            entity, action = "directive", "directive.move"
            before, after = json.dumps({"unit_id": 1}), json.dumps({"unit_id": 2, "on": "x"})
        rows.append(
            {
                "id": row_id,
                "at": datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=n // 200),  # ties
                "actor": rng.choice(["an", "bình"]),
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "before": before,
                "after": after,
                "undone_by": rng.choice([None, None, None, row_id + 1]),
            }
        )
    return rows


@pytest.mark.blank_db("built at revision 0001")
def test_the_0002_upgrade_fills_directive_id_of_existing_rows(cli: Cli, db: str) -> None:
    """A 0001 database with more change rows than a batch of the migration (ids with gaps):
    the upgrade fills directive_id from the images, and undoing it removes the column."""
    engine = create_engine(resolve_target(db).url)
    try:
        upgrade(engine, "0001")
        rows = synthetic_log(12_000)
        with engine.begin() as conn:
            conn.execute(insert(t.change_log), rows)  # no directive_id at 0001
        cli.ok("unit", "list")  # a command on the old database upgrades it
        assert snapshot(db)["alembic_version"] == [(SCHEMA_REVISION,)]
        got = log_rows(engine)
        assert len(got) == len(rows)
        wrong = [r for r in got if r[4] != expected_owner(r[1], r[2], r[3])]
        assert wrong == []
        filled = sum(1 for r in got if r[4] is not None)
        assert 4000 < filled < len(rows)  # most part rows have one, the rest none
        # Down to 0001 and up again: the column goes, and comes back the same.
        downgrade(engine, "0001")
        assert all(r[4] is None for r in log_rows(engine))
        with engine.connect() as conn:
            names = {c["name"] for c in inspect(conn).get_columns("change_log")}
            indexes = {i["name"] for i in inspect(conn).get_indexes("change_log")}
        assert "directive_id" not in names and "ix_change_log_directive_id" not in indexes
        upgrade(engine)
        assert log_rows(engine) == got
    finally:
        engine.dispose()


@pytest.mark.blank_db("built at revision 0001")
def test_the_0002_upgrade_refuses_a_directive_row_that_is_not_json(cli: Cli, db: str) -> None:
    """A change row of a directive part whose image is not JSON (edited by hand): the upgrade
    cannot know the directive it belongs to, and stops with one Error line naming the table and
    the row, in the user's language; the database is left at 0001, every row as it was. Once
    the row is corrected, the same command upgrades it. A row of another table is not read."""
    engine = create_engine(resolve_target(db).url)
    try:
        upgrade(engine, "0001")
        rows = synthetic_log(30)
        rows[7].update(entity="progress_entry", action="update", before=None, after="{'x': 1")
        rows[9].update(entity="unit", action="update", before="not json", after="{nor this")
        with engine.begin() as conn:
            conn.execute(insert(t.change_log), rows)
        before = snapshot(db)
        said = cli.fail("unit", "list")
        assert f"change_log row {rows[7]['id']} " in said and "not JSON" in said, said
        said_vi = cli.fail("--lang", "vi", "unit", "list")
        assert f"change_log dòng {rows[7]['id']} " in said_vi and "JSON" in said_vi, said_vi
        assert snapshot(db) == before  # still 0001, every row as it was
        with engine.begin() as conn:
            conn.execute(
                update(t.change_log)
                .where(t.change_log.c.id == rows[7]["id"])
                .values(after=json.dumps({"id": 3, "directive_id": 41}))
            )
        cli.ok("unit", "list")
        got = {r[0]: r for r in log_rows(engine)}
        assert got[rows[7]["id"]][4] == 41
        assert got[rows[9]["id"]][2:] == ("not json", "{nor this", None)  # kept as it is
    finally:
        engine.dispose()


def test_commands_on_an_upgraded_database_fill_directive_id(cli: Cli, db: str) -> None:
    """Rows written before the upgrade (filled by the migration) and after (by the writer)
    agree with the images, through creations, updates, deletions by cascade and undo."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    meeting = cli.id(
        "add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "BTC"
    )
    first = cli.id("assign", str(meeting), "--unit", "BTC", "--with", "VPTU", "Việc một")
    cli.ok("progress", str(first), "--percent", "30", "--date", "1/6/2022")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0001")
        cli.ok("unit", "list")  # upgraded again: the rows so far are filled by the migration
        second = cli.id("assign", str(meeting), "--unit", "VPTU", "--due", "30/6/2022", "Việc hai")
        cli.ok("extend", str(second), "--to", "31/7/2022", "--date", "20/6/2022")
        cli.ok("done", str(first), "--date", "1/7/2022")
        cli.ok("unit", "retire", "BTC", "--successor", "VPTU", "--date", "1/6/2022")
        cli.ok("undo", "--yes")
        got = log_rows(engine)
    finally:
        engine.dispose()
    assert [r for r in got if r[4] != expected_owner(r[1], r[2], r[3])] == []
    assert {r[4] for r in got} == {None, first, second}


@pytest.mark.sqlite_only("restores a SQLite file")
def test_a_restored_0001_backup_is_upgraded(cli: Cli, db: str, tmp_path: Path) -> None:
    """``restore`` takes a backup made at 0001 (a revision it knows) and brings it to the
    current revision before it replaces anything, with the change log's directive_id filled."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    meeting = cli.id(
        "add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "BTC"
    )
    cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Việc một")
    old = tmp_path / "old.db"
    cli.ok("backup", str(old))
    engine = create_engine(f"sqlite:///{old}")
    downgrade(engine, "0001")
    engine.dispose()
    cli.ok("assign", str(meeting), "--unit", "BTC", "Việc hai (after the backup)")
    cli.ok("restore", str(old), "--yes")
    [item] = cli.json("overdue", "--as-of", "2022-07-01")
    assert item["last_touched_by"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_REVISION,
        )
        rows = conn.execute('SELECT entity, "before", "after", directive_id FROM change_log')
        owners = [(expected_owner(e, b, a), d) for e, b, a, d in rows]
    assert owners and all(want == have for want, have in owners)
    assert (1, 1) in owners


# --- 0003: ids are never given twice ----------------------------------------------------------

# Every table with an id of its own, as the models declare them.
ID_TABLES = [
    table.name for table in metadata().sorted_tables if "id" in table.c and table.c.id.primary_key
]


def test_the_0003_upgrade_keeps_every_row_and_never_gives_an_id_twice(
    cli: Cli, db: str, backend: str
) -> None:
    """A 0002 database with data, where `undo` had removed the newest directive: the upgrade
    keeps every row (and its id, links and cascades), and the next directive gets a new id."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok(
        "unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy", "--alias", "Ban Tổ chức", "--parent", "VPTU"
    )
    meeting = cli.id(
        "add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "BTC"
    )
    first = cli.id("assign", str(meeting), "--unit", "BTC", "--with", "VPTU", "Việc một")
    cli.ok("progress", str(first), "--percent", "30", "--date", "1/6/2022")
    cli.ok("extend", str(first), "--to", "31/12/2022", "--date", "1/6/2022")
    cli.id("add-limitation", str(meeting), "--unit", "BTC", "Thiếu người")
    gone = cli.id("assign", str(meeting), "--unit", "VPTU", "Việc bị hoàn tác")
    cli.ok("undo", "--yes")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0002")
        before = snapshot(db)
        assert before["alembic_version"] == [("0002",)]
        cli.ok("unit", "list")  # a command on the old database upgrades it
    finally:
        engine.dispose()
    after = without_0007(without_0008(snapshot(db)))
    assert after["alembic_version"] == [(SCHEMA_REVISION,)]
    skip = {"alembic_version", "sqlite_sequence"}
    # 0009 adds directive.completed_on_exact (true for all) after the columns 0002 had.
    after["directive"] = [row[:-1] for row in after["directive"]]
    new = {k: [] for k in after.keys() - before.keys()}  # tables of later migrations: empty
    assert {k: v for k, v in after.items() if k not in skip} == {
        k: v for k, v in (before | new).items() if k not in skip
    }
    assert len(after["unit_alias"]) == 1 and len(after["directive_coordinator"]) == 1
    if backend == "sqlite":
        with sqlite3.connect(db) as conn:
            for name in ID_TABLES:
                [sql] = conn.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
                ).fetchone()
                assert "AUTOINCREMENT" in sql, name
            assert len(ID_TABLES) >= 9  # 0003 rebuilt 8; later revisions made theirs so
            assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)  # a new connection
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    new = cli.id("assign", str(meeting), "--unit", "VPTU", "Việc mới")
    assert new == gone + 1
    changes = cli.json("history", str(new))
    assert [(c["action"], c["after"]["text"]) for c in changes] == [("create", "Việc mới")]


def test_doctor_on_a_schema_that_lost_a_table_and_a_column(cli: Cli, db: str) -> None:
    """doctor names what is missing once, under schema, and its other checks read what is
    there, on both backends. On PostgreSQL the integrity check read the missing table, and the
    foreign-key check then said only 'current transaction is aborted': three problems for one."""
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE directive DROP COLUMN product"))
            conn.execute(text("DROP TABLE calendar_day"))
    finally:
        engine.dispose()
    result = cli("doctor", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(": 1 problem found"), result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["schema"] == {
        "check": "schema",
        "status": "problem",
        "detail": "missing table calendar_day; directive.product",
    }
    assert checks["integrity"]["status"] == "ok" and checks["foreign_keys"]["status"] == "ok"


def test_a_command_on_a_schema_that_lost_a_column_says_so(cli: Cli, db: str) -> None:
    """A column another program dropped was 'unexpected OperationalError: no such column:
    directive.product' (or PostgreSQL's UndefinedColumn); it is said as a damaged schema,
    pointing to doctor, in the run's language, on both backends, and nothing is written."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE directive DROP COLUMN product"))
    finally:
        engine.dispose()
    before = snapshot(db)
    assert cli.fail("list") == (
        "Error: the database has no directive.product, which dirtrack's schema has (changed by "
        "another program?): nothing was written; dirtrack doctor checks the schema"
    )
    said = cli.fail("--lang", "vi", "assign", str(meeting), "--unit", "VPTU", "Việc A")
    assert said.startswith("Error: cơ sở dữ liệu không có directive.product"), said
    assert snapshot(db) == before


@pytest.fixture
@prebuilt
def touched_register(cli: Cli) -> dict[str, int]:
    """A small register as an office keeps it, before another program touches it: a unit, a
    meeting, a directive done late and one open past its deadline."""
    cli.ok("unit", "add", "STC", "Sở Tài chính")
    cli.ok("unit", "add", "PTH", "Phòng Tổng hợp")
    meeting = cli.id("add-meeting", "--date", "2024-01-15", "--title", "Giao ban")
    late = cli.id("assign", str(meeting), "--unit", "STC", "Báo cáo", "--due", "2024-02-28")
    cli.ok("done", str(late), "--date", "2024-03-10")
    open_ = cli.id("assign", str(meeting), "--unit", "PTH", "Tổng hợp", "--due", "2024-06-30")
    return {"meeting": meeting, "late": late, "open": open_}


def sql(db: str, *statements: str) -> None:
    """Change the database as another program would (DB Browser for SQLite: foreign keys off)."""
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            conn.execute(statement)
    conn.close()


@pytest.mark.sqlite_only("writes what only SQLite keeps in a DATE column")
@pytest.mark.parametrize(
    ("where", "value", "named"),
    [
        ("directive SET original_due", "2024-6-30", "directive {open}: original deadline"),
        ("directive SET original_due", "30/06/2024", "directive {open}: original deadline"),
        ("directive SET completed_on", "2024-03-10 10:30:00", "directive {late}: completed on"),
        ("directive SET completed_on", "", "directive {late}: completed on"),
        ("meeting SET date", "2024-1-15", "meeting {meeting}: date"),
    ],
)
def test_a_day_another_program_wrote_is_refused_and_doctor_names_it(
    cli: Cli, db: str, touched_register: dict[str, int], where: str, value: str, named: str
) -> None:
    """A day stored as '2024-6-30', '30/06/2024', with a time or as '' (DB Browser for SQLite
    takes any text in a DATE column) was compared as text by every count: the directive open
    past 2024-06-30 was 'in time' on 2024-07-15 and `overdue` listed nothing, without a word.
    Every command now refuses the register in one line naming the record (the look is a
    partial index, empty on a sound register), writes nothing, and doctor names the value."""
    ids = touched_register
    row = ids["late"] if "completed_on" in where else ids["open"]
    row = ids["meeting"] if where.startswith("meeting") else row
    sql(db, f"UPDATE {where} = '{value}' WHERE id = {row}")
    before = snapshot(db)
    named = named.format(**ids)
    for args in (
        ["overdue", "--as-of", "2024-07-15"],
        ["report", "--quarter", "2024Q3", "--as-of", "2024-07-15", "--format", "json"],
        ["list"],
        ["unit", "add", "SXD", "Sở Xây dựng"],
    ):
        said = cli.fail(*args)
        assert said == (
            f"Error: {named} holds {value!r}, not a day as dirtrack stores it (YYYY-MM-DD), so "
            "no count would be right: another program wrote it; correct it there (dirtrack "
            "doctor lists every such value)"
        ), (args, said)
    assert snapshot(db) == before
    result = cli("doctor", "--format", "json")
    assert result.exit_code == 1
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["values"]["status"] == "problem"
    assert checks["values"]["detail"] == (
        f"{named} holds {value!r}, which dirtrack cannot read (it stores YYYY-MM-DD): another "
        "program wrote it; correct it there"
    )
    # put right, as the office would, the counts are those of a day written as dirtrack writes
    day = {"date": "2024-01-15", "original_due": "2024-06-30", "completed_on": "2024-03-10"}
    sql(db, f"UPDATE {where} = '{day[where.split()[-1]]}' WHERE id = {row}")
    assert [d["id"] for d in cli.json("overdue", "--as-of", "2024-07-15")] == [ids["open"]]
    assert cli.json("doctor")[3] == {
        "check": "values",
        "status": "ok",
        "detail": "every value in the form dirtrack stores it",
    }


@pytest.mark.sqlite_only("writes what only SQLite keeps in a DATE or a text column")
def test_doctor_names_a_day_not_in_the_calendar_and_bytes_where_text_is_stored(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """'2024-02-30' in a DATE column has the form dirtrack stores and no command can read it:
    every command said 'the database holds ?, …; dirtrack doctor names the record', and doctor
    found no problem. Bytes (a BLOB) where text is stored made show and export fail with
    'unexpected TypeError', and doctor found no problem either. Doctor names both; a command
    says the first without a '?'."""
    ids = touched_register
    sql(db, f"UPDATE directive SET completed_on = '2024-02-30' WHERE id = {ids['late']}")
    before = snapshot(db)
    for lang, said in (
        ("en", "Error: the database holds a value dirtrack cannot read (another program "),
        ("vi", "Error: cơ sở dữ liệu chứa một giá trị dirtrack không đọc được (do chương "),
    ):
        line = cli.fail("--lang", lang, "list")
        assert line.startswith(said) and "?," not in line, line
    assert snapshot(db) == before
    sql(db, f"UPDATE meeting SET date = '2024-01-32' WHERE id = {ids['meeting']}")
    sql(db, f"UPDATE directive SET text = X'C328' WHERE id = {ids['open']}")
    result = cli("doctor", "--format", "json")
    assert result.exit_code == 1
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["values"]["status"] == "problem"
    assert checks["values"]["detail"] == (
        f"meeting {ids['meeting']}: date holds '2024-01-32', which dirtrack cannot read (it "
        "stores YYYY-MM-DD): another program wrote it; correct it there; "
        f"directive {ids['open']}: text holds b'\\xc3(', which dirtrack cannot read (it stores "
        "text): another program wrote it; correct it there; "
        f"directive {ids['late']}: completed on holds '2024-02-30', which dirtrack cannot read "
        "(it stores YYYY-MM-DD): another program wrote it; correct it there"
    )
    vi = {
        c["check"]: c for c in json.loads(cli("--lang", "vi", "doctor", "--format", "json").stdout)
    }
    assert "(dạng lưu là văn bản)" in vi["values"]["detail"]


@pytest.mark.sqlite_only("writes a text as another program would")
def test_a_control_character_another_program_stored_is_named_not_unexpected(
    cli: Cli, db: str, touched_register: dict[str, int], tmp_path: Path
) -> None:
    """NUL and ESC, which every command refuses in typed text, written by another program:
    doctor found nothing, and the Word report failed with 'unexpected ValueError: All strings
    must be XML compatible …' in English under --lang vi. Doctor names each (a warning, as
    U+FFFE is), and the report says it in one line, in the run's language."""
    ids = touched_register
    sql(
        db,
        f"UPDATE directive SET text = 'Báo' || char(0) || 'cáo' WHERE id = {ids['late']}",
        f"UPDATE meeting SET title = 'Giao' || char(27) || '[2J ban' WHERE id = {ids['meeting']}",
    )
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "warning"
    assert checks["records"]["detail"] == (
        f"meeting {ids['meeting']}: title holds the control character U+001B, which no Word "
        "report can hold and dirtrack refuses today; dirtrack edit with the text typed again "
        f"without it corrects it; directive {ids['late']}: text holds the control character "
        "U+0000, which no Word report can hold and dirtrack refuses today; dirtrack edit with "
        "the text typed again without it corrects it"
    )
    out = tmp_path / "q1.docx"
    for lang, said in (
        ("en", "Error: a text in the database holds a control character (NUL, ESC…), which no "),
        ("vi", "Error: một nội dung trong cơ sở dữ liệu có ký tự điều khiển (NUL, ESC…), "),
    ):
        line = cli.fail(
            "--lang", lang, "report", "--quarter", "2024Q1", "--format", "docx", "--out", str(out)
        )
        assert line.startswith(said) and "\n" not in line, line
    assert not out.exists()


@pytest.mark.sqlite_only("changes a text as another program would")
def test_doctor_names_a_unit_code_changed_by_another_program_under_its_old_key(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """A unit's code typed 'pth' over 'STC' in DB Browser (its search key, 'stc', left as it
    was): 'pth' then named two units, 'STC' still found the unit, and its export could not be
    imported back ('PTH' also names unit 'pth'), while doctor found nothing. Doctor names it (a
    warning) in both languages; unit rename, as the message says, puts it right."""
    sql(db, "UPDATE unit SET code = 'pth' WHERE code = 'STC'")
    said = cli("unit", "add", "XX", "Xã X").stderr  # a command that writes, before doctor
    assert "Error" not in said
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "warning"
    assert checks["records"]["detail"] == (
        "unit 1: code 'pth' is searched by the key 'stc', made of another text (another "
        "program changed it?): dirtrack finds the record by that text, not by this one; "
        "dirtrack edit with the text typed again (unit rename for a unit) corrects it"
    )
    vi = json.loads(cli("--lang", "vi", "doctor", "--format", "json").stdout)
    assert any("đơn vị 1: mã 'pth' được tìm theo khóa 'stc'" in c["detail"] for c in vi)
    cli.ok("unit", "rename", "STC", "Sở Tài chính", "--code", "STC")
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "ok"


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_a_unit_deleted_under_its_directives_is_said_in_one_line(
    cli: Cli, db: str, touched_register: dict[str, int], tmp_path: Path
) -> None:
    """A unit deleted by another program with foreign keys off (its triggers dropped first, as
    a register damaged before they were there) made `report` and `export` fail with
    'unexpected KeyError: 1'. Each says it in one line, in the user's language, pointing to
    doctor, exit 1, nothing written; doctor names the directive."""
    ids = touched_register
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))
    sql(db, "DELETE FROM unit WHERE code = 'STC'")
    before = snapshot(db)
    for args in (
        ["report", "--quarter", "2024Q1", "--as-of", "2024-03-31", "--format", "json"],
        ["report", "--quarter", "2024Q1", "--format", "docx", "--out", str(tmp_path / "r.docx")],
        ["export", "--out", str(tmp_path / "out.json")],
    ):
        assert cli.fail(*args) == (
            "Error: records in the database point to unit 1, which is not there (deleted by "
            "another program with foreign keys off?): nothing was written; dirtrack doctor "
            "names them, doctor --repair re-creates what is missing"
        ), args
        assert cli.fail("--lang", "vi", *args) == (
            "Error: cơ sở dữ liệu có bản ghi trỏ tới đơn vị 1, đơn vị này không còn (bị chương "
            "trình khác xoá khi tắt khoá ngoại?): không ghi gì; dirtrack doctor chỉ ra các bản "
            "ghi đó, doctor --repair tạo lại những gì bị thiếu"
        ), args
    assert list(tmp_path.glob("out.*")) == list(tmp_path.glob("r.*")) == []
    assert snapshot(db) == before
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["foreign_keys"]["status"] == "problem"
    detail = checks["foreign_keys"]["detail"]
    assert f"directive row {ids['late']} points to a missing unit" in detail


def kept_links() -> dict[str, tuple[tuple[str, str], ...]]:
    """:data:`KEPT_LINKS` as the models give it: every foreign key into a table that a foreign
    key without ON DELETE points to."""
    tables = metadata().tables
    kept = {
        fk.column.table.name
        for t in tables.values()
        for fk in t.foreign_keys
        if fk.ondelete is None
    }
    return {
        parent: tuple(
            (child.name, fk.parent.name)
            for child in sorted(tables.values(), key=lambda t: t.name)
            for fk in sorted(child.foreign_keys, key=lambda fk: fk.parent.name)
            if fk.column.table.name == parent
        )
        for parent in sorted(kept, key=lambda name: (name != "unit", name))
    }


def test_the_links_looked_for_on_opening_are_the_models_foreign_keys() -> None:
    """Opening a register looks for links into the kept tables without building the models:
    the list it reads is every foreign key into those tables, and the triggers keep them."""
    assert kept_links() == KEPT_LINKS
    kept = {name.removesuffix("_keeps_references") for name in orphan_triggers()}
    own = {name.removesuffix("_keeps_own_references") for name in own_link_triggers()}
    assert kept | own == set(KEPT_LINKS)
    # and the triggers a command opening a register to write knows as dirtrack's own, by the
    # digest of their text
    made = {**orphan_triggers(), **own_link_triggers()}
    assert {name: trigger_digest(sql) for name, sql in made.items()} == TRIGGER_DIGESTS


@pytest.fixture
@prebuilt
def damaged_register(cli: Cli, db: str, touched_register: dict[str, int]) -> dict[str, int]:
    """:func:`touched_register` with a unit that only coordinates, one only named by a
    limitation, a parent, a retired unit's successor and a limitation raised again; then every
    trigger dropped, as in a register another program damaged before they were there."""
    ids = dict(touched_register)
    for code, name in [("KHO", "Kho bạc"), ("LIM", "Phòng Lim"), ("CHA", "Sở Cha")]:
        cli.ok("unit", "add", code, name)
    cli.ok("unit", "add", "CON", "Phòng Con", "--parent", "CHA")
    cli.ok("unit", "add", "OLD", "Phòng Cũ")
    cli.ok("unit", "add", "NEW", "Phòng Mới")
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        ids.update({str(code): int(i) for i, code in conn.execute("SELECT id, code FROM unit")})
    conn.close()
    cli.ok("unit", "retire", "OLD", "--successor", "NEW", "--date", "2024-02-01")
    ids["with"] = cli.id(
        "assign",
        str(ids["meeting"]),
        "--unit",
        "PTH",
        "--with",
        "KHO",
        "Rà soát",
        "--due",
        "2024-04-30",
    )
    ids["first"] = cli.id("add-limitation", str(ids["meeting"]), "Thiếu người", "--unit", "LIM")
    later = cli.id("add-meeting", "--date", "2024-02-15", "--title", "Giao ban tháng 2")
    ids["again"] = cli.id("add-limitation", str(later), "Thiếu người", "--unit", "LIM")
    triggers = [*orphan_triggers(), *own_link_triggers()]
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in triggers))
    return ids


# What another program deleted, what points to it (doctor's words), and what commands say.
DAMAGES = {
    "lead": ("unit", "STC", "directive row {late} points to a missing unit", "unit"),
    "coordinator": ("unit", "KHO", "coordinating unit row 1 points to a missing unit", "unit"),
    "limitation": ("unit", "LIM", "limitation row {first} points to a missing unit", "unit"),
    "parent": ("unit", "CHA", "unit row {CON} points to a missing unit", "unit"),
    "successor": ("unit", "NEW", "unit row {OLD} points to a missing unit", "unit"),
    "meeting": (
        "meeting",
        "meeting",
        "directive row {late} points to a missing meeting",
        ("directive {late} points to meeting {meeting}"),
    ),
    "repeat": (
        "limitation",
        "first",
        "limitation row {again} points to a missing limitation",
        ("limitation {again} points to limitation {first}"),
    ),
}


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_record_deleted_under_what_points_to_it_is_said_by_every_command(
    cli: Cli, db: str, damaged_register: dict[str, int], tmp_path: Path, damage: str
) -> None:
    """A unit, meeting or limitation deleted by another program with foreign keys off (before
    the triggers): `list`, `overdue`, `score`, the exports, `remind`, `urge`, `pack out`,
    `series`, `history` left the rows pointing to it out of their lists and counts without a
    word (inner joins), and a unit's missing parent or successor was not looked for. Every
    command says it in one line pointing to doctor, exit 1, nothing written; doctor names the
    row."""
    ids = damaged_register
    table, deleted, doctor_says, said = DAMAGES[damage]
    gone = ids[deleted]
    sql(db, f"DELETE FROM {table} WHERE id = {gone}")
    before = snapshot(db)
    if said == "unit":
        error = (
            f"Error: records in the database point to unit {gone}, which is not there (deleted "
            "by another program with foreign keys off?): nothing was written; dirtrack doctor "
            "names them, doctor --repair re-creates what is missing"
        )
    else:
        error = (
            f"Error: {said.format(**ids)}, which is not there (deleted by another program with "
            "foreign keys off?): nothing was written; dirtrack doctor names such records, doctor "
            "--repair re-creates what is missing"
        )
    out = tmp_path / "written" / "out"
    out.parent.mkdir()
    for args in (
        ["list"],
        ["overdue", "--as-of", "2024-05-01"],
        ["score", "--quarter", "2024Q1"],
        ["report", "--quarter", "2024Q1", "--format", "json"],
        ["export", "--format", "xlsx", "--out", str(out.with_suffix(".xlsx"))],
        ["list", "--format", "csv"],
        ["remind", "--as-of", "2024-05-01"],
        ["urge", "PTH", "--as-of", "2024-05-01", "--out", str(out.with_suffix(".docx"))],
        ["pack", "out", "--quarter", "2024Q1", "--dir", str(out)],
        ["series", "list"],
        ["history"],
        ["unit", "list"],
        ["limitations"],
        ["show", str(ids["open"])],
        ["progress", str(ids["open"]), "--percent", "10", "--date", "2024-05-01"],
    ):
        assert cli.fail(*args) == error, args
    assert [p for p in (tmp_path / "written").rglob("*") if p.is_file()] == []
    assert snapshot(db) == before
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["foreign_keys"]["status"] == "problem"
    assert doctor_says.format(**ids) in checks["foreign_keys"]["detail"]


@pytest.mark.sqlite_only("text in an id column, as only SQLite stores it")
def test_a_link_holding_text_is_said_by_every_command(
    cli: Cli, db: str, damaged_register: dict[str, int]
) -> None:
    """A directive whose meeting another program set to text ('abc') pointed to no meeting
    and fell into no gap between ids: `list` and the exports left it out without a word, and
    `assign` wrote beside it. Every command says it in one line, nothing written."""
    ids = damaged_register
    sql(db, f"UPDATE directive SET meeting_id = 'abc' WHERE id = {ids['late']}")
    before = snapshot(db)
    error = (
        f"Error: directive {ids['late']} points to meeting 'abc', which is no id (written by "
        "another program): nothing was written; dirtrack doctor names such records"
    )
    for args in (["list"], ["export"], ["unit", "add", "MOI", "Đơn vị mới"]):
        assert cli.fail(*args) == error, args
    assert "nhiệm vụ" in cli.fail("--lang", "vi", "list")
    assert snapshot(db) == before
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["foreign_keys"]["status"] == "problem"


@pytest.mark.sqlite_only("a number that is not whole in an id column, as only SQLite stores it")
def test_a_link_holding_a_number_that_is_not_whole_is_said_by_every_command(
    cli: Cli, db: str, damaged_register: dict[str, int], tmp_path: Path
) -> None:
    """A directive whose meeting another program set to 1.5 fell between two ids, where the
    look on opening found nothing: `list` and the report left it out of the numbers without a
    word, the JSON export wrote 1.5, which its import refuses, the sheet left it out, and a
    write on it said the meeting was deleted. Each of those says what it is (the table's
    partial index of such rows, looked up on opening); doctor names it."""
    ids = damaged_register
    sql(db, f"UPDATE directive SET meeting_id = 1.5 WHERE id = {ids['late']}")
    before = snapshot(db)
    error = (
        f"Error: directive {ids['late']} points to meeting 1.5, which is no id (written by "
        "another program): nothing was written; dirtrack doctor names such records"
    )
    out = tmp_path / "out"
    for args in (
        ["list"],
        ["report", "--period", "2024"],
        ["export", "--out", str(out.with_suffix(".json"))],
        ["export", "--format", "xlsx", "--out", str(out.with_suffix(".xlsx"))],
        ["edit", "directive", str(ids["late"]), "--text", "Việc khác"],
    ):
        assert cli.fail(*args) == error, args
    assert cli.fail("--lang", "vi", "export", "--out", str(out)) == (
        f"Error: nhiệm vụ {ids['late']} trỏ tới cuộc họp 1.5, đó không phải số hiệu (do chương "
        "trình khác ghi): không ghi gì; dirtrack doctor chỉ ra các bản ghi như vậy"
    )
    assert list(tmp_path.glob("out*")) == []
    assert snapshot(db) == before
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["values"]["status"] == "problem" and "holds 1.5" in checks["values"]["detail"]
    sql(db, "DROP INDEX ix_directive_links_not_ids")  # another program's: the rows are read
    assert cli.fail("list") == error


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_a_record_deleted_under_what_points_to_it_is_said_in_vietnamese(
    cli: Cli, db: str, damaged_register: dict[str, int]
) -> None:
    ids = damaged_register
    sql(db, f"DELETE FROM limitation WHERE id = {ids['first']}")
    assert cli.fail("--lang", "vi", "limitations") == (
        f"Error: hạn chế {ids['again']} trỏ tới hạn chế {ids['first']}, hạn chế này không còn "
        "(bị chương trình khác xoá khi tắt khoá ngoại?): không ghi gì; dirtrack doctor chỉ ra "
        "các bản ghi như vậy, doctor --repair tạo lại những gì bị thiếu"
    )


# Beyond DAMAGES, what doctor --repair re-creates too: a series and a field rows point to.
REPAIRS = {
    **{name: (table, deleted) for name, (table, deleted, _doctor, _said) in DAMAGES.items()},
    "series": ("series", "series"),
    "field": ("field", "field"),
}


def counted(cli: Cli) -> dict[str, Any]:
    """What the quarter's report counts, by unit and in all, and what it counts of limitations."""
    report = cli.json("report", "--quarter", "2024Q1", "--as-of", "2024-03-31")
    limitations = report["limitation_summary"]
    return {
        "units": {
            u["code"]: {k: v for k, v in u.items() if k not in ("code", "name")}
            for u in report["units"]
        },
        "totals": report["totals"],
        "series_totals": report["series_totals"],
        "limitations": {u["code"]: u["raised"] for u in limitations["units"]},
        "raised": limitations["totals"]["raised"],
    }


def but_history(db: str) -> dict[str, list[tuple[Any, ...]]]:
    return {table: rows for table, rows in snapshot(db).items() if table != "change_log"}


def guarded_again(db: str) -> None:
    """Make again the triggers that keep what rows point to, as an upgrade to 0019 makes them
    on a register damaged before them (doctor names one missing as a problem)."""
    made = {**orphan_triggers(), **own_link_triggers()}.values()
    sql(db, *(s.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1) for s in made))


def triggers(db: str) -> set[str]:
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        listed = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        found = {str(name) for (name,) in listed}
    conn.close()
    return found


# A unit deleted under a directive it leads stands, in make test, for the four other rows that
# point to a unit (coordinating, a limitation's, a parent, a successor): one repair re-creates
# it whichever points to it.
UNIT_TOO = ("coordinator", "limitation", "parent", "successor")


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(name, marks=pytest.mark.slow("a unit that other rows point to"))
        if name in UNIT_TOO
        else name
        for name in REPAIRS
    ],
)
def test_doctor_repair_re_creates_what_rows_point_to_and_undo_puts_the_damage_back(
    cli: Cli, db: str, damaged_register: dict[str, int], tmp_path: Path, damage: str
) -> None:
    """A register another program damaged (a unit, meeting, series, field or limitation deleted
    under rows pointing to it) was refused by every command with nothing in dirtrack to put it
    right. `doctor --repair` re-creates each missing record as a placeholder with its id (a
    limitation a later one repeats: the link is cleared), in one change: every command reads
    the register again, what the report counts for the live units (and in all) is what it
    counted before the damage, doctor names the placeholders, a second repair has nothing to
    do, and undo puts the damaged register back, triggers and all."""
    ids = damaged_register
    cli.ok("field", "add", "KT", "Kinh tế")
    cli.ok("edit", "directive", str(ids["open"]), "--field", "KT")
    cli.ok("assign", str(ids["meeting"]), "--unit", "PTH", "--every", "quarter", "Báo cáo quý")
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        ids["series"] = int(conn.execute("SELECT id FROM series").fetchone()[0])
        ids["field"] = int(conn.execute("SELECT id FROM field").fetchone()[0])
    conn.close()
    before = counted(cli)
    table, deleted = REPAIRS[damage]
    gone = ids[deleted]
    sql(db, f"DELETE FROM {table} WHERE id = {gone}")
    # an upgrade to 0019 makes the triggers on a register damaged before them
    sql(db, *orphan_triggers().values(), *own_link_triggers().values())
    damaged, made = but_history(db), triggers(db)
    assert "which is not there" in cli.fail("list")
    assert cli.fail("doctor", "--repair") == (
        "Error: doctor asks before it changes anything; not at a terminal, add --yes"
    )
    assert but_history(db) == damaged

    result = cli("doctor", "--repair", "--yes")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines
    said = {
        "unit": f"re-created unit {gone} as MISSING-{gone}, not retired: ",
        "meeting": f"re-created meeting {gone} held on 2024-01-15, the day directive ",
        "series": f"re-created series {gone} from 2024-01-15, making no new occurrence",
        "field": f"re-created field {gone} as MISSING-{gone}: 1 row points to it",
        "limitation": f"limitation {gone} is not there: cleared the link of the 1 limitation",
    }[table]
    assert lines[0].startswith(said), lines
    if table == "meeting":  # the occurrence the quarterly series issued on the meeting's day
        assert " was issued, the earliest day its rows hold: " in lines[0], lines
    closing = "1 record repaired in one change (dirtrack undo takes it back)"
    if table != "limitation":  # a limitation's link is cleared: no placeholder to name
        closing += "; dirtrack doctor names the placeholders until they have their own names"
    assert lines[1].endswith(closing), lines
    cli.ok("list")
    cli.ok("export", "--out", str(tmp_path / "out.json"))
    cli.ok("export", "--format", "xlsx", "--out", str(tmp_path / "out.xlsx"))
    after = counted(cli)
    placeholder = f"MISSING-{gone}"
    if table == "unit":
        live = {code for code in before["units"] if code != deleted}
        assert {c: after["units"][c] for c in live} == {c: before["units"][c] for c in live}
        if deleted in before["units"]:
            assert after["units"][placeholder] == before["units"][deleted]
        assert after["limitations"].pop(placeholder, None) == before["limitations"].pop(
            deleted, None
        )
        assert after["limitations"] == before["limitations"]
        assert after["totals"] == before["totals"]
    elif table == "limitation":
        # the limitation deleted is gone: not re-created, it is not counted; the one that
        # repeated it is counted as raised, no longer as a repeat
        assert after["limitations"] == {**before["limitations"], "LIM": 1}
        assert after["raised"] == before["raised"] - 1
        assert {k: v for k, v in after.items() if k not in ("limitations", "raised")} == {
            k: v for k, v in before.items() if k not in ("limitations", "raised")
        }
    else:
        assert after == before
    checks = {c["check"]: c for c in cli.json("doctor")}
    assert checks["foreign_keys"]["status"] == "ok"
    if table == "limitation":
        assert checks["placeholders"]["status"] == "ok"
    else:
        assert checks["placeholders"]["status"] == "warning"
        assert checks["placeholders"]["detail"].startswith(f"{table} {gone} ")
    assert cli("doctor", "--repair", "--yes").stderr.strip() == (
        f"database {db}: nothing to repair (no row points to a record that is not there, no "
        "closure copies another, no directive closed before its unit retired is held by the "
        "successor)"
    )

    undone = cli("undo", "--yes")
    assert undone.exit_code == 0, undone.stderr
    assert undone.stderr.startswith("undone #"), undone.stderr
    assert but_history(db) == damaged
    assert triggers(db) == made
    assert "not there" in cli.fail("list")
    # and repaired again, renamed, it is no placeholder any more
    cli.ok("doctor", "--repair", "--yes")
    if table == "unit":
        cli.ok("unit", "rename", placeholder, "Sở Tài chính cũ", "--code", "STC2")
    elif table == "meeting":
        cli.ok("edit", "meeting", str(gone), "--title", "Giao ban tháng 1")
    checks = {c["check"]: c for c in cli.json("doctor")}
    renamed = table in ("unit", "meeting", "limitation")
    assert checks["placeholders"]["status"] == ("ok" if renamed else "warning")


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_undo_of_the_commands_before_a_repair(cli: Cli, db: str) -> None:
    """`doctor --repair --yes`, then `undo` of commands recorded before it: one that touches
    no repaired record, and one whose directive points at the unit the repair re-created, are
    each taken back alone; the repair, under the undo that deleted that directive, is then
    refused with one Error line and nothing written."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    cli.ok("unit", "add", "PTH", "Phòng thử")
    cli.ok("add-meeting", "--date", "1/5/2022", "--title", "Họp")
    cli.ok("assign", "1", "--unit", "PTH", "--due", "30/9/2022", "Việc một")
    cli.ok("progress", "1", "--percent", "20", "--date", "1/6/2022")
    cli.ok("assign", "1", "--unit", "BTC", "Việc hai")
    drops = [f'DROP TRIGGER "{name}"' for name in triggers(db)]
    sql(db, *drops, "DELETE FROM unit WHERE code = 'PTH'")
    guarded_again(db)
    cli.ok("doctor", "--repair", "--yes")
    log = cli.json("history", "--limit", "4")
    assert [c["command"] for c in log] == ["doctor --repair", "assign", "progress", "assign"]
    [repair, assign_two, progress, assign_one] = [c["id"] for c in log]
    cli.ok("undo", str(assign_two), "--yes")
    assert [d["text"] for d in cli.json("list", "--status", "all")] == ["Việc một"]
    cli.ok("undo", str(progress), "--yes")
    assert cli.json("show", "1")["progress"] is None
    cli.ok("undo", str(assign_one), "--yes")
    assert cli.json("list", "--status", "all") == []
    assert "MISSING-2" in {u["code"] for u in cli.json("unit", "list")}
    before = snapshot(db)
    refused = cli.fail("undo", str(repair), "--yes")
    assert refused.startswith(f"Error: cannot undo #{repair} (doctor --repair)"), refused
    assert snapshot(db) == before
    assert cli("doctor").exit_code == 0


def _series_with_coordinator_unguarded(cli: Cli, db: str) -> None:
    """Series 1 (monthly, January to March 2024) led by STC with PTH coordinating, and the
    triggers that keep rows from pointing to records not there dropped."""
    cli.ok("unit", "add", "STC", "Sở Tài chính")
    cli.ok("unit", "add", "PTH", "Phòng Tổng hợp")
    meeting = cli.id("add-meeting", "--date", "2024-01-15", "--title", "Giao ban")
    every = ["--every", "month", "--day", "20", "--from", "2024-01-15", "--until", "2024-03-31"]
    cli.ok("assign", str(meeting), "--unit", "STC", "--with", "PTH", *every, "Báo cáo tháng")
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_doctor_repair_of_a_series_with_no_meeting_left_removes_its_coordinators(
    cli: Cli, db: str
) -> None:
    """A series deleted with its occurrences and the only meeting, leaving its coordinating
    units: there is no meeting to re-create it for, yet the register was refused still after
    a repair that said nothing was to be done. The coordinating units of a series that is not
    there, with nothing else left of it, are removed (counted nowhere), undo puts them back."""
    _series_with_coordinator_unguarded(cli, db)
    sql(db, "DELETE FROM directive_coordinator", "DELETE FROM directive", "DELETE FROM series",
        "DELETE FROM meeting")  # fmt: skip
    guarded_again(db)
    damaged = but_history(db)
    assert "which is not there" in cli.fail("list")
    result = cli("doctor", "--repair", "--yes")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (
        "series 1 is not there, nor any occurrence or meeting of it: removed the 1 coordinating "
        "unit it had"
    ), lines
    assert len(lines) == 2, lines
    assert cli.json("series", "list") == []
    assert {c["check"]: c["status"] for c in cli.json("doctor")}["foreign_keys"] == "ok"
    cli.ok("undo", "--yes")
    assert but_history(db) == damaged
    assert "which is not there" in cli.fail("list")


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_undo_of_a_repaired_series_keeps_the_coordinating_units_it_had(cli: Cli, db: str) -> None:
    """The coordinating units of a deleted series were there before the repair: history said
    the repair created them, and its undo deleted them, so the register it put back had lost
    them. They are not the repair's; its undo leaves them."""
    _series_with_coordinator_unguarded(cli, db)
    sql(db, "DELETE FROM series")
    damaged = but_history(db)
    assert damaged["series_coordinator"] != []
    cli.ok("doctor", "--repair", "--yes")
    changes = cli.json("history")[0]["changes"]
    assert [c["entity"] for c in changes] == ["series"], changes
    cli.ok("undo", "--yes")
    assert but_history(db) == damaged


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_doctor_repair_gives_no_unit_a_code_another_still_answers_to(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """MISSING-<id> as the former code of another unit: the placeholder took it, and it named
    two units (`list --unit` refused it as ambiguous, as did the rename the repair proposes)."""
    ids = touched_register
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        gone = int(conn.execute("SELECT id FROM unit WHERE code = 'STC'").fetchone()[0])
    conn.close()
    cli.ok("unit", "add", f"MISSING-{gone}", "Phòng Tạm")
    cli.ok("unit", "rename", f"MISSING-{gone}", "Phòng Kế hoạch", "--code", "PKH")
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))
    sql(db, f"DELETE FROM unit WHERE id = {gone}")
    result = cli("doctor", "--repair", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"re-created unit {gone} as MISSING-{gone}-2, "), result.stderr
    listed = cli.json("list", "--unit", f"MISSING-{gone}-2")
    assert [d["id"] for d in listed] == [ids["late"]]
    cli.ok("unit", "rename", f"MISSING-{gone}-2", "Sở Tài chính", "--code", "STC")


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_doctor_repair_is_said_in_vietnamese(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    ids = touched_register
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))
    sql(db, f"DELETE FROM meeting WHERE id = {ids['meeting']}")
    result = cli("--lang", "vi", "doctor", "--repair", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"đã tạo lại cuộc họp {ids['meeting']} họp ngày 28/02/2024, thời hạn của nhiệm vụ "
        f"{ids['late']}, ngày sớm nhất các dòng của nó ghi: 2 dòng trỏ tới nó (dirtrack edit "
        f"meeting {ids['meeting']} --date NGÀY --title TIÊU_ĐỀ cho nó ngày và tiêu đề riêng)"
    )
    meeting = cli.json("--lang", "vi", "meetings")[0]
    assert meeting["title"] == f"Cuộc họp {ids['meeting']} (tạo lại bởi dirtrack doctor --repair)"


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
@pytest.mark.parametrize("edited", ["create", "command"])
def test_a_repairs_history_edited_into_invalid_json_is_named_by_doctor(
    cli: Cli, db: str, touched_register: dict[str, int], edited: str
) -> None:
    """The history of a repair (its command's summary, or a record it re-created) edited by
    hand into text that is not JSON was `JSONDecodeError` from doctor (its check
    `placeholders` reads them): doctor names the entry, as history does, and exits 1."""
    ids = touched_register
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))
    sql(db, f"DELETE FROM meeting WHERE id = {ids['meeting']}")
    cli.ok("doctor", "--repair", "--yes")
    log = t.change_log
    with make_engine(resolve_target(db)).begin() as conn:
        entry = conn.execute(
            select(func.max(log.c.id)).where(
                log.c.entity == ("meeting" if edited == "create" else "command")
            )
        ).scalar_one()
        conn.execute(update(log).where(log.c.id == entry).values(after="{bad"))
    before = snapshot(db)
    for lang in ("en", "vi"):
        result = cli("--lang", lang, "doctor", "--format", "json")
        assert result.exit_code == 1, result.stderr
        assert result.stdout, result.stderr
        checks = {c["check"]: c for c in json.loads(result.stdout)}
        assert checks["history"]["status"] == "problem"
        assert str(entry) in checks["history"]["detail"]
        assert str(entry) in checks["placeholders"]["detail"], checks["placeholders"]
    repaired = cli("doctor", "--repair", "--yes")
    assert "unexpected" not in repaired.stderr, repaired.stderr
    assert snapshot(db) == before


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_doctor_repair_says_which_day_a_meeting_it_re_creates_is_dated_by(
    cli: Cli, db: str
) -> None:
    """A re-created meeting that held only an open limitation was dated by the day that
    limitation was recorded, and doctor said 'the earliest day its rows hold', which none
    holds. It says which day it used: the row's and what it is (en and vi)."""
    cli.ok("unit", "add", "STC", "Sở Tài chính")
    only = cli.id("add-meeting", "--date", "2024-01-15", "--title", "Giao ban")
    open_ = cli.id("add-limitation", str(only), "Thiếu người", "--unit", "STC")
    resolved = cli.id("add-meeting", "--date", "2024-02-15", "--title", "Giao ban tháng 2")
    fixed = cli.id("add-limitation", str(resolved), "Thiếu xe", "--unit", "STC")
    cli.ok("resolve", str(fixed), "--date", "2024-03-01")
    with sqlite3.connect(resolve_target(db).path or "") as conn:
        (recorded,) = conn.execute(
            "SELECT substr(created_at, 1, 10) FROM limitation WHERE id = ?", (open_,)
        ).fetchone()
    conn.close()
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))
    sql(db, f"DELETE FROM meeting WHERE id IN ({only}, {resolved})")
    planned = cli("--lang", "vi", "doctor", "--repair", "--yes")
    assert planned.exit_code == 0, planned.stderr
    day = "/".join(reversed(recorded.split("-")))
    assert planned.stderr.splitlines()[:2] == [
        f"đã tạo lại cuộc họp {only} họp ngày {day}, ngày hạn chế {open_} được ghi vào sổ, vì "
        f"không dòng nào của nó ghi ngày: 1 dòng trỏ tới nó (dirtrack edit meeting {only} --date "
        "NGÀY --title TIÊU_ĐỀ cho nó ngày và tiêu đề riêng)",
        f"đã tạo lại cuộc họp {resolved} họp ngày 01/03/2024, ngày hạn chế {fixed} được khắc "
        f"phục, ngày sớm nhất các dòng của nó ghi: 1 dòng trỏ tới nó (dirtrack edit meeting "
        f"{resolved} --date NGÀY --title TIÊU_ĐỀ cho nó ngày và tiêu đề riêng)",
    ]
    cli.ok("undo", "--yes")
    result = cli("doctor", "--repair", "--yes")
    assert result.stderr.splitlines()[0] == (
        f"re-created meeting {only} held on {recorded}, the day limitation {open_} was recorded, "
        f"as none of its rows holds a day: 1 row points to it (dirtrack edit meeting {only} "
        "--date DAY --title TITLE gives it its own)"
    )
    assert {m["id"]: m["date"] for m in cli.json("meetings")}[only] == recorded


def test_doctor_repair_on_a_sound_register_has_nothing_to_do(
    cli: Cli, db: str, touched_register: dict[str, int], backend: str
) -> None:
    """On PostgreSQL, which enforces foreign keys, there is nothing to repair; nor on a sound
    SQLite register. Nothing is written either way."""
    before = snapshot(db)
    said = cli("doctor", "--repair").stderr.strip()
    if backend == "postgresql":
        assert said.endswith(
            "nothing to repair (PostgreSQL enforces foreign keys: no row can point to a record "
            "that is not there; no closure copies another, no directive closed before its unit "
            "retired is held by the successor)"
        ), said
    else:
        assert said.endswith(
            "nothing to repair (no row points to a record that is not there, no closure copies "
            "another, no directive closed before its unit retired is held by the successor)"
        ), said
    # what --repair does not follow, and --yes alone, are usage errors
    for args, words in (
        (["--repair", "--format", "json"], "--repair says what it did on stderr, with no table"),
        (["--repair", "--yes", "--fields", "check"], "leave out --format and --fields"),
        (["--yes"], "--yes answers the question of --repair: give --repair too"),
        (["--lang", "vi", "--yes"], "--yes trả lời câu hỏi của --repair: cho cả --repair"),
    ):
        lang = args[:2] if args[0] == "--lang" else []
        result = cli(*lang, "doctor", *args[len(lang) :])
        assert result.exit_code == 2, (args, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and words in lines[0], lines
    assert snapshot(db) == before


@pytest.mark.sqlite_only("deletes a row under its references, as only SQLite lets one")
def test_a_meeting_deleted_under_its_directives_is_said_by_the_commands_that_write(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """A meeting deleted by another program with foreign keys off (triggers dropped, as before
    them) made `progress`, `done`, `edit` and `cancel` fail with 'unexpected AssertionError'.
    Each names the directive and the meeting in one line, exit 1, nothing written."""
    ids = touched_register
    sql(db, *(f"DROP TRIGGER IF EXISTS {name}" for name in orphan_triggers()))
    sql(db, f"DELETE FROM meeting WHERE id = {ids['meeting']}")
    before = snapshot(db)
    open_, late, meeting = ids["open"], ids["late"], ids["meeting"]
    for args in (
        ["progress", str(open_), "--percent", "10", "--date", "2024-05-01"],
        ["done", str(open_), "--date", "2024-05-01"],
        ["edit", "directive", str(open_), "--text", "Tổng hợp số liệu"],
        ["cancel", str(open_), "--reason", "trùng"],
    ):
        assert cli.fail(*args) == (
            f"Error: directive {late} points to meeting {meeting}, which is not there (deleted "
            "by another program with foreign keys off?): nothing was written; dirtrack doctor "
            "names such records, doctor --repair re-creates what is missing"
        ), args
        assert cli.fail("--lang", "vi", *args) == (
            f"Error: nhiệm vụ {late} trỏ tới cuộc họp {meeting}, cuộc họp này không còn (bị "
            "chương trình khác xoá khi tắt khoá ngoại?): không ghi gì; dirtrack doctor chỉ ra "
            "các bản ghi như vậy, doctor --repair tạo lại những gì bị thiếu"
        ), args
    assert snapshot(db) == before


@pytest.mark.sqlite_only("SQLite's foreign keys are a pragma another program turns off")
@pytest.mark.parametrize("upgraded", [False, True], ids=["new", "upgraded"])
def test_a_unit_or_limitation_another_of_its_table_names_cannot_be_deleted_with_foreign_keys_off(
    cli: Cli, db: str, upgraded: bool
) -> None:
    """Migration 0018's triggers left the links within a table to the pragma: another program
    with foreign keys off could delete a unit another names as its parent or successor, or a
    limitation raised again later. A trigger refuses it, on a new file and on one upgraded from
    0018; dirtrack's own `delete` of a limitation raised again, and `undo` of the units added,
    still work."""
    cli.ok("unit", "add", "CHA", "Sở Cha")
    cli.ok("unit", "add", "CON", "Phòng Con", "--parent", "CHA")
    cli.ok("unit", "add", "OLD", "Phòng Cũ")
    cli.ok("unit", "add", "NEW", "Phòng Mới")
    cli.ok("unit", "retire", "OLD", "--successor", "NEW", "--date", "2024-02-01")
    first_meeting = cli.id("add-meeting", "--date", "2024-01-15", "--title", "Giao ban")
    later = cli.id("add-meeting", "--date", "2024-02-15", "--title", "Giao ban tháng 2")
    first = cli.id("add-limitation", str(first_meeting), "Thiếu người", "--unit", "CHA")
    again = cli.id("add-limitation", str(later), "Thiếu người", "--unit", "CHA")
    if upgraded:
        assert not _triggers_once_down_to(db, "0018") & set(own_link_triggers())
        cli.ok("unit", "list")  # a command on the old register upgrades it
    before = snapshot(db)
    for statement in (
        "DELETE FROM unit WHERE code = 'CHA'",
        "DELETE FROM unit WHERE code = 'NEW'",
        f"DELETE FROM limitation WHERE id = {first}",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
            sql(db, statement)
    assert snapshot(db) == before
    sql(db, "UPDATE unit SET parent_id = id WHERE code = 'CON'")  # a row naming itself
    sql(db, "DELETE FROM unit WHERE code = 'CON'")  # does not keep itself
    cli.ok("delete", "limitation", str(first), "--yes")  # unlinks the one raised again
    assert [x["id"] for x in cli.json("limitations")] == [again]
    checks = {c["check"]: c["status"] for c in cli.json("doctor")}
    assert checks["foreign_keys"] == "ok"


@pytest.mark.sqlite_only("SQLite's foreign keys are a pragma another program turns off")
@pytest.mark.parametrize("upgraded", [False, True], ids=["new", "upgraded"])
def test_a_unit_or_meeting_under_its_directives_cannot_be_deleted_with_foreign_keys_off(
    cli: Cli, db: str, touched_register: dict[str, int], upgraded: bool
) -> None:
    """Another program with foreign keys off (DB Browser for SQLite) could delete a unit or a
    meeting under its directives. A trigger refuses it, as the foreign key would, on a new
    file and on one upgraded from 0017 (which had none); dirtrack's own delete, which deletes
    the children first, still works."""
    ids = touched_register
    if upgraded:
        assert _triggers_once_down_to(db, "0017") == set()
        cli.ok("unit", "list")  # a command on the old register upgrades it
    before = snapshot(db)
    for statement in (
        "DELETE FROM unit WHERE code = 'STC'",
        f"DELETE FROM meeting WHERE id = {ids['meeting']}",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
            sql(db, statement)
    assert snapshot(db) == before
    sql(db, "DELETE FROM unit WHERE code = 'nothing'")  # a row that is not there: nothing
    # dirtrack's own delete takes the directives first, then the meeting
    cli.ok("delete", "meeting", str(ids["meeting"]), "--yes")
    assert cli.json("list") == []
    cli.ok("undo", "--yes")  # and puts them back
    assert sorted(d["id"] for d in cli.json("list")) == [ids["late"], ids["open"]]
    cli.ok("delete", "meeting", str(ids["meeting"]), "--yes")
    sql(db, "DELETE FROM unit WHERE code = 'STC'")  # nothing points to it now
    assert [u["code"] for u in cli.json("unit", "list")] == ["PTH"]


@pytest.mark.sqlite_only("writes text where SQLite keeps any value")
def test_doctor_names_text_in_a_number_and_blank_where_no_value_is_stored(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """A percent typed as '50%' (text in an INTEGER column) and '' where dirtrack stores no
    value (NULL: the chair, the product) are named by doctor; the blank ones are a warning, as
    their export cannot be imported back ('blank text')."""
    ids = touched_register
    cli.ok("progress", str(ids["open"]), "--percent", "50", "--date", "2024-05-10")
    sql(
        db,
        "UPDATE progress_entry SET percent = '50%'",
        f"UPDATE meeting SET chair = '' WHERE id = {ids['meeting']}",
        f"UPDATE directive SET product = ' ' WHERE id = {ids['open']}",
    )
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["values"]["detail"] == (
        "progress 1: percent holds '50%', which dirtrack cannot read (it stores 0-9): "
        "another program wrote it; correct it there"
    )
    assert checks["records"]["status"] == "warning"
    assert checks["records"]["detail"] == (
        f"meeting {ids['meeting']}: chair is blank where dirtrack stores no value (NULL), so "
        "that its export cannot be imported back; correct it in the program that wrote it; "
        f"directive {ids['open']}: product is blank where dirtrack stores no value (NULL), so "
        "that its export cannot be imported back; correct it in the program that wrote it"
    )


@pytest.mark.sqlite_only("writes text where SQLite keeps any value")
def test_a_time_another_program_wrote_is_said_as_a_value_dirtrack_cannot_read(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """A record's moment written '15/01/2024 10:00' was 'unexpected ValueError: Invalid
    isoformat string' from the commands that read it; it is said as a stored value, pointing to
    doctor, which names the record. A bare day there is read as its midnight: no problem."""
    ids = touched_register
    sql(db, f"UPDATE directive SET created_at = '15/01/2024 10:00' WHERE id = {ids['late']}")
    assert cli.fail("export") == (
        "Error: the database holds '15/01/2024 10:00', which dirtrack cannot read (another "
        "program wrote it?): nothing was written; dirtrack doctor names the record"
    )
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["values"]["detail"].startswith(
        f"directive {ids['late']}: created_at holds '15/01/2024 10:00', which dirtrack cannot read"
    )
    sql(db, f"UPDATE directive SET created_at = '2024-01-15' WHERE id = {ids['late']}")
    assert len(cli.json("export")["directives"]) == 2
    assert cli.json("doctor")[3]["status"] == "ok"


@pytest.mark.sqlite_only("writes bytes where SQLite keeps any value")
def test_bytes_in_a_text_column_are_named_by_every_command(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """A directive's text written as bytes (a BLOB) by another program was `unexpected
    TypeError` from show, edit and export, and list showed it as b'AB': each says where the
    register holds the value of the wrong kind and points to doctor, in the user's language,
    and nothing is written."""
    ids = touched_register
    sql(db, f"UPDATE directive SET text = X'4142' WHERE id = {ids['late']}")
    said = (
        f"Error: the database holds a value of the wrong kind: directive {ids['late']}: text "
        "holds b'AB', bytes where dirtrack stores text (another program wrote it): correct it "
        "there; dirtrack doctor lists every such value"
    )
    before = snapshot(db)
    for args in (
        ("show", str(ids["late"])),
        ("list",),  # a table showed it as b'AB'
        ("list", "--format", "json"),
        ("edit", "directive", str(ids["late"]), "--text", "Báo cáo"),
        ("export",),
    ):
        assert cli.fail(*args) == said, args
    assert snapshot(db) == before
    vi = cli("--lang", "vi", "export")
    assert vi.stderr.startswith("Error: cơ sở dữ liệu chứa một giá trị sai loại: nhiệm vụ")
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["values"]["detail"].startswith(f"directive {ids['late']}: text holds b'AB'")


def test_a_history_entry_edited_into_invalid_json_is_named(
    cli: Cli, db: str, touched_register: dict[str, int]
) -> None:
    """A change row's before/after edited by hand into text that is not JSON was `unexpected
    JSONDecodeError` from history; it names the entry, and doctor's check `history` names
    every such entry (on a server too: it reads the rows one by one)."""
    ids = touched_register
    log = t.change_log
    with make_engine(resolve_target(db)).begin() as conn:
        entry = conn.execute(
            select(func.min(log.c.id)).where(
                log.c.entity == "directive", log.c.entity_id == ids["late"]
            )
        ).scalar_one()
        conn.execute(update(log).where(log.c.id == entry).values(after="{bad"))
    said = (
        f"Error: history entry {entry} holds a value that is not JSON (edited by hand or by "
        "another program): correct it there; dirtrack doctor lists every such entry"
    )
    assert cli.fail("history", str(ids["late"])) == said
    vi = cli("--lang", "vi", "history", str(ids["late"]))
    assert vi.stderr.startswith(f"Error: mục lịch sử {entry} chứa giá trị không phải JSON")
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["history"]["status"] == "problem"
    assert checks["history"]["detail"] == (
        f"history entry {entry} holds a value that is not JSON (edited by hand or by another "
        "program): history and undo cannot read it; correct it there"
    )
    assert checks["values"]["status"] == "ok"


@pytest.mark.sqlite_only("sets an id with sqlite3, as another program would")
def test_an_id_set_below_one_by_hand_is_refused_by_export_and_named_by_doctor(
    cli: Cli, db: str
) -> None:
    """A directive's id set to -5 by hand was `unexpected AssertionError: a stream of 1
    records made 0` from export (its pages are read from id 1 up), and the sheet was written:
    export refuses it in either format naming the record, writes nothing, and doctor names it
    under `values`."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    directive = cli.id("assign", str(meeting), "Làm báo cáo", "--unit", "BTC")
    sql(db, f"UPDATE directive SET id = -5 WHERE id = {directive}")
    result = cli("export")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: directive -5 has an id dirtrack never gives (0 or below; set by hand or by "
        "another program): the export would lose it, so nothing was written; correct it there "
        "(dirtrack doctor lists every such record)\n"
    )
    sheet = Path(db).with_name("sheet.xlsx")
    assert cli("export", "--format", "xlsx", "--out", str(sheet)).stderr == result.stderr
    assert not sheet.exists()  # every format refuses it alike
    vi = cli("--lang", "vi", "export")
    assert vi.stderr.startswith("Error: nhiệm vụ -5 có số hiệu mà dirtrack không bao giờ cấp")
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert checks["values"]["status"] == "problem"
    assert checks["values"]["detail"].startswith(
        "directive -5: an id dirtrack never gives (0 or below"
    )
    sql(db, f"UPDATE directive SET id = {directive} WHERE id = -5")
    assert [d["id"] for d in cli.json("export")["directives"]] == [directive]


@pytest.mark.sqlite_only("edits alembic_version with sqlite3")
@pytest.mark.parametrize(
    ("statements", "said", "found"),
    [
        (
            ["DELETE FROM alembic_version"],
            "Error: {db} holds dirtrack's tables but no schema revision (alembic_version emptied "
            "or dropped by another program?): nothing was changed; dirtrack doctor checks the "
            "schema",
            "no schema revision (not made by dirtrack?), expected {head}",
        ),
        (
            ["DROP TABLE alembic_version"],
            "Error: {db} holds dirtrack's tables but no schema revision (alembic_version emptied "
            "or dropped by another program?): nothing was changed; dirtrack doctor checks the "
            "schema",
            "no schema revision (not made by dirtrack?), expected {head}",
        ),
        (
            ["INSERT INTO alembic_version VALUES ('0014')"],
            "Error: the database records several schema revisions ({head}, 0014) where dirtrack "
            "keeps one (changed by another program?): nothing was changed; dirtrack doctor "
            "checks the schema",
            "alembic_version holds 2 rows ({head}, 0014) where dirtrack keeps one, {head}",
        ),
        (
            [
                "DELETE FROM alembic_version",
                "INSERT INTO alembic_version VALUES ('0003')",
                "INSERT INTO alembic_version VALUES ('{head}')",
            ],
            "Error: the database records several schema revisions (0003, {head}) where dirtrack "
            "keeps one (changed by another program?): nothing was changed; dirtrack doctor "
            "checks the schema",
            "alembic_version holds 2 rows (0003, {head}) where dirtrack keeps one, {head}",
        ),
        (
            ["UPDATE alembic_version SET version_num = '0042'"],
            "Error: {db} was written by a newer dirtrack (schema 0042); upgrade dirtrack",
            "revision 0042, expected {head}",
        ),
    ],
)
def test_a_schema_revision_row_missing_doubled_or_unknown(
    cli: Cli,
    db: str,
    touched_register: dict[str, int],
    statements: list[str],
    said: str,
    found: str,
) -> None:
    """alembic_version emptied or dropped was 'not a dirtrack database'; two rows in it were
    taken as the first one (doctor: all well), or, the older first, 'unexpected CommandError:
    Requested revision … overlaps'. Each is one line pointing to doctor, which names it; nothing
    is migrated or written."""
    sql(db, *(s.format(head=SCHEMA_REVISION) for s in statements))
    before = snapshot(db)
    assert cli.fail("list") == said.format(db=db, head=SCHEMA_REVISION)
    assert cli.fail("unit", "add", "SXD", "Sở Xây dựng") == said.format(db=db, head=SCHEMA_REVISION)
    assert snapshot(db) == before
    result = cli("doctor", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)[0] == {
        "check": "schema",
        "status": "problem",
        "detail": found.format(head=SCHEMA_REVISION),
    }


def test_the_0013_upgrade_makes_keys_of_unseen_characters_again(cli: Cli, db: str) -> None:
    """Keys stored before ``fold`` left out the characters that show nothing kept them: a unit
    named with a zero-width space was not found by its name typed without it. The upgrade
    writes those keys again; a unique code key that would become another unit's stays as it
    was."""
    zw = "\u200b"
    cli.ok("unit", "add", "STC", f"Sở{zw} Tài chính")
    cli.ok("unit", "add", "SXD", "Sở Xây dựng")
    cli.ok("unit", "add", "SXD2", "Sở Xây dựng (bản sao)")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.id("add-limitation", str(meeting), "--unit", "SXD", f"Chậm{zw} giải ngân")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0012")
        old = {  # the keys as the fold before 0013 made them: the unseen characters kept
            "unit": [("name_key", f"so{zw} tai chinh", 1)],
            "limitation": [("text_key", f"cham{zw} giai ngan", 1)],
        }
        with engine.begin() as conn:
            # A code as an older import may have kept it, whose key folds to another unit's.
            conn.execute(
                text("UPDATE unit SET code = :c, code_key = :k WHERE id = 3"),
                {"c": f"SX{zw}D", "k": f"sx{zw}d"},
            )
            for table, keys in old.items():
                for column, value, row in keys:
                    conn.execute(
                        text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),
                        {"v": value, "i": row},
                    )
        cli.ok("unit", "list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            keys = conn.execute(text("SELECT id, code_key, name_key FROM unit ORDER BY id")).all()
            [(lim_key,)] = conn.execute(text("SELECT text_key FROM limitation")).all()
            [(version,)] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    assert version == SCHEMA_REVISION
    assert [tuple(k) for k in keys] == [
        (1, "stc", "so tai chinh"),
        (2, "sxd", "so xay dung"),
        (3, f"sx{zw}d", "so xay dung (ban sao)"),  # "sxd" is unit 2's: left as it was
    ]
    assert lim_key == "cham giai ngan"
    # Found by what a clerk types, and told apart from a new one.
    assert cli.id("assign", str(meeting), "--unit", "Sở Tài chính", "Việc A") > 0
    assert cli.json("unit", "list")[0]["code"] == "STC"


def test_the_0014_upgrade_reads_the_eth_as_d_in_stored_keys(cli: Cli, db: str) -> None:
    """Keys stored before ``fold`` read the eth Ð (U+00D0) as đ kept it: a unit named with it
    was not found by its name typed with Đ. The upgrade writes those keys again."""
    eth = "\u00d0"
    cli.ok("unit", "add", "DDN", f"{eth}ội {eth}ặc nhiệm", "--alias", f"{eth}ội cũ")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0013")
        with engine.begin() as conn:  # the keys as the fold before 0014 made them
            conn.execute(text("UPDATE unit SET name_key = :k"), {"k": "\u00f0oi \u00f0ac nhiem"})
            conn.execute(text("UPDATE unit_alias SET alias_key = :k"), {"k": "\u00f0oi cu"})
        cli.ok("unit", "list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            [(name_key,)] = conn.execute(text("SELECT name_key FROM unit")).all()
            [(alias_key,)] = conn.execute(text("SELECT alias_key FROM unit_alias")).all()
            [(version,)] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    assert (version, name_key, alias_key) == (SCHEMA_REVISION, "doi dac nhiem", "doi cu")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    assert cli.json("assign", str(meeting), "--unit", "Đội Đặc nhiệm", "Việc A")["unit"] == "DDN"


def test_the_0017_upgrade_reads_other_scripts_digits_as_ascii_in_stored_keys(
    cli: Cli, db: str
) -> None:
    """Keys stored before ``fold`` read the digits of other scripts as ASCII kept them as
    typed: a unit named with full-width digits was not found by its name typed with ASCII
    ones. The upgrade writes those keys again."""
    cli.ok("unit", "add", "T12", "Tổ công tác \uff11\uff12")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0016")
        with engine.begin() as conn:  # the key as the fold before 0017 made it
            conn.execute(text("UPDATE unit SET name_key = :k"), {"k": "to cong tac \uff11\uff12"})
        cli.ok("unit", "list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            [(name_key,)] = conn.execute(text("SELECT name_key FROM unit")).all()
    finally:
        engine.dispose()
    assert name_key == "to cong tac 12"
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    assert cli.json("assign", str(meeting), "--unit", "Tổ công tác 12", "Việc A")["unit"] == "T12"


def test_the_0015_upgrade_takes_a_lead_out_of_its_own_coordinating_units(
    cli: Cli, db: str, tmp_path: Path
) -> None:
    """``unit retire`` once moved a directive (and a series) to a successor that already
    coordinated it and left the successor in ``with`` too: the export of such a register was
    refused on import (a unit cannot be its own coordinating unit). The upgrade takes the lead
    out of the list; the other coordinating units stay."""
    for code, name in (("STC", "Sở Tài chính"), ("SXD", "Sở Xây dựng"), ("SYT", "Sở Y tế")):
        cli.ok("unit", "add", code, name)
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    directive = cli.id("assign", str(meeting), "--unit", "STC", "--with", "SXD", "Việc A")
    cli.ok(
        "assign", str(meeting), "--unit", "STC", "--with", "SXD", "--every", "month",
        "--until", "2022-08-31", "Báo cáo tháng",
    )  # fmt: skip
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0014")
        with engine.begin() as conn:  # what a retirement into SXD left before the fix
            conn.execute(text("UPDATE directive SET unit_id = 2"))
            conn.execute(text("UPDATE series SET unit_id = 2"))
            conn.execute(text("INSERT INTO directive_coordinator VALUES (:d, 3)"), {"d": directive})
        cli.ok("unit", "list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            own = conn.execute(
                text(
                    "SELECT count(*) FROM directive_coordinator c JOIN directive d "
                    "ON d.id = c.directive_id WHERE c.unit_id = d.unit_id"
                )
            ).scalar_one()
            series_own = conn.execute(
                text(
                    "SELECT count(*) FROM series_coordinator c JOIN series s "
                    "ON s.id = c.series_id WHERE c.unit_id = s.unit_id"
                )
            ).scalar_one()
            [(version,)] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    assert version == SCHEMA_REVISION
    assert (own, series_own) == (0, 0)
    shown = cli.json("show", str(directive))
    assert shown["unit"] == "SXD" and shown["with"] == ["SYT"]
    out = tmp_path / "export.json"
    cli.ok("export", "--out", str(out))
    cli_at(tmp_path / "again.db").ok("import", str(out))  # the register imports again


# Registers built by the dirtrack of an older revision itself (its own CLI, from the commit on
# main that brought the revision in: git worktree add --detach …; PYTHONPATH=…), each with what
# that version could hold (units under units, aliases, NFD names, meetings, directives done on
# time and late, extended twice, cancelled, with progress, limitations resolved or not, a
# retired unit, and what later versions add), dumped as SQL (sqlite3 iterdump), beside what
# that version's own `report --quarter … --as-of 2026-01-01 --format json`, `list --format json`
# and `export --format json` gave.
REGISTERS = sorted((Path(__file__).parent / "registers").glob("*.sql"))


def kept(old: Any, new: Any, path: str = "") -> list[str]:
    """Where ``new`` lost or changed what ``old`` held: every key of old, with its value (the
    keys a newer export adds are not compared), lists item by item."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            lost
            for key in old
            for lost in (
                kept(old[key], new[key], f"{path}.{key}") if key in new else [f"{path}.{key}"]
            )
        ]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            lost
            for i, (a, b) in enumerate(zip(old, new, strict=True))
            for lost in kept(a, b, f"{path}[{i}]")
        ]
    return [] if old == new else [f"{path}: {old!r} -> {new!r}"]


@pytest.mark.parametrize("dump", REGISTERS, ids=[p.stem for p in REGISTERS])
def test_a_register_an_older_dirtrack_built_upgrades_keeping_every_record(
    dump: Path, tmp_path: Path
) -> None:
    """Opened by today's dirtrack, a register built by the dirtrack of revision 0001, 0008 or
    (main's) 0014 keeps every record and every number: the report of each quarter, each
    directive's status, the export (but the keys a newer one adds and its format version). The
    register of main's 0014 (what is now 0015) had never had today's 0014: its unit named with
    the eth 'Ð' kept a key 'ðang uy …' until migration 0017 wrote it again."""
    expected = json.loads(dump.with_suffix(".expected.json").read_text())
    db = tmp_path / "register.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(dump.read_text())
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (expected["revision"],)
        ]
    conn.close()
    cli = cli_at(db)
    as_of = ("--as-of", expected["as_of"])
    for quarter, units in expected["reports"].items():
        report = cli.json("report", "--quarter", quarter, *as_of)
        counted = {u["code"]: {k: u[k] for k in units.get(u["code"], {})} for u in report["units"]}
        assert {code: counted.get(code) for code in units} == units, quarter
    listed = {str(d["id"]): d["status"] for d in cli.json("list", *as_of)}
    assert listed == expected["statuses"]
    if expected["export"] is not None:
        new = cli.json("export")
        assert kept({**expected["export"], "version": None}, {**new, "version": None}) == []
    assert cli.json("doctor")[0]["detail"] == f"revision {SCHEMA_REVISION}, 26 tables"
    with sqlite3.connect(db) as conn:
        keys = dict(conn.execute("SELECT code, name_key FROM unit").fetchall())
    conn.close()
    assert keys["STC"] == "so tai chinh"  # given in NFD to the old version
    if "DUK" in keys:
        assert keys["DUK"] == "dang uy khoi co quan"
        shown = {u["code"]: u["name"] for u in cli.json("unit", "list")}
        assert shown["DUK"] == "Ðảng ủy Khối cơ quan"


def test_the_0020_upgrade_keeps_every_row_and_reopen_then_keeps_the_closure(
    cli: Cli, db: str
) -> None:
    """A register at 0019 (no ``closure`` table) with a completed and a cancelled directive:
    a command upgrades it keeping every row, and a reopening after it keeps the closure."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    two = cli.id("assign", str(meeting), "--unit", "BTC", "Việc B")
    cli.ok("done", str(one), "--date", "1/7/2022", "--doc", "5/BC-BTC")
    cli.ok("cancel", str(two), "--date", "2/7/2022", "--reason", "Trùng")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0019")
        assert "closure" not in inspect(engine).get_table_names()
        before = {k: v for k, v in snapshot(db).items() if k != "alembic_version"}
        cli.ok("list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            [(version,)] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    after = snapshot(db)
    assert version == SCHEMA_REVISION and after["closure"] == []
    assert {k: v for k, v in after.items() if k in before} == before
    cli.ok("reopen", str(one), "--date", "1/8/2022", "--reason", "Trả lại")
    cli.ok("reopen", str(two), "--date", "1/8/2022")
    then = cli.json("show", str(one), "--as-of", "2022-07-15")
    assert (then["status"], then["result"]["doc"]) == ("done_on_time", "5/BC-BTC")
    assert cli.json("show", str(two), "--as-of", "2022-07-15")["status"] == "cancelled"
    assert [c[2] for c in snapshot(db)["closure"]] == ["done", "cancelled"]


def test_doctor_warns_of_what_is_dated_on_an_occurrence_before_it_was_issued(
    cli: Cli, db: str
) -> None:
    """Progress and a completion dated on an occurrence before it was issued (an older version
    recorded them, or another program): every command refuses such a day now, and doctor warns
    of each under check `series` (exit 0), naming the day; it changes nothing."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.ok("assign", str(meeting), "--unit", "BTC", "--every", "month", "--until", "2022-12-31",
           "Báo cáo tháng")  # fmt: skip
    [august] = [
        d["id"]
        for d in cli.json("list", "--as-of", "2022-12-31")
        if d["series_id"] and d["period"] == "2022-08"
    ]
    cli.ok("progress", str(august), "--percent", "10", "--date", "2022-08-02")
    cli.ok("done", str(august), "--date", "2022-08-05")

    def series() -> dict[str, Any]:
        result = cli("doctor", "--format", "json")
        assert result.exit_code == 0, result.stderr
        return {c["check"]: c for c in json.loads(result.stdout)}["series"]

    assert series()["status"] == "ok"
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE progress_entry SET reported_on = '2022-07-20'"))
            conn.execute(
                text("UPDATE directive SET completed_on = '2022-07-28' WHERE id = :d"),
                {"d": august},
            )
        before = snapshot(db)
        assert series() == {
            "check": "series",
            "status": "warning",
            "detail": f"the progress date 2022-07-20 of directive {august} is before it was "
            f"issued (2022-08-01); the completion date 2022-07-28 of directive {august} is "
            "before it was issued (2022-08-01)",
        }
        assert snapshot(db) == before
    finally:
        engine.dispose()


def test_doctor_warns_of_a_stored_address_todays_rule_refuses(
    cli: Cli, db: str, backend: str
) -> None:
    """A contact's address an older version stored, which today's rule of an address refuses
    (a domain mixing scripts, one that mail took to another server; a character that shows
    nothing), was never looked at again: doctor warns of each under check `addresses`, exit 0,
    naming the unit, the role and how to set it right; --repair leaves it as it is (which
    address is right is the office's to say), and so does every other command."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("unit", "contact", "SYT", "--name", "Lê Chi", "--email", "chi@syt.vn")

    def addresses(*lang: str) -> dict[str, Any]:
        result = cli(*lang, "doctor", "--format", "json")
        assert result.exit_code == 0, result.stderr
        return {c["check"]: c for c in json.loads(result.stdout)}["addresses"]

    assert addresses() == {
        "check": "addresses",
        "status": "ok",
        "detail": "every contact's e-mail address one a mail server takes",
    }
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:  # as an older version wrote them
            units = dict(conn.execute(text("SELECT code, id FROM unit")).all())
            conn.execute(
                insert(t.unit_contact),
                [
                    {
                        "unit_id": units["BTC"],
                        "role": "focal",
                        "name": "An",
                        "email": "an@bt\u0441.vn",
                        "created_at": datetime(2022, 1, 5, tzinfo=UTC),
                    },
                    {
                        "unit_id": units["BTC"],
                        "role": "head",
                        "name": "Bình",
                        "email": "binh\u200b@btc.vn",
                        "created_at": datetime(2022, 1, 5, tzinfo=UTC),
                    },
                ],  # fmt: skip
            )
    finally:
        engine.dispose()
    before = snapshot(db)
    assert addresses() == {
        "check": "addresses",
        "status": "warning",
        "detail": "BTC: the e-mail address of its focal contact, stored by an older version, is "
        "refused today: 'an@bt\u0441.vn' is not an e-mail address: its domain mixes scripts, "
        "'\u0441' (U+0441) among letters like 'b', so that it looks like an address it is not; "
        "dirtrack unit contact BTC --role focal --name NAME --email ADDRESS sets the right one; "
        "BTC: the e-mail address of its head contact, stored by an older version, is refused "
        "today: 'binh\\u200b@btc.vn' is not an e-mail address (name@domain.vn); dirtrack unit "
        "contact BTC --role head --name NAME --email ADDRESS sets the right one",
    }
    vi = addresses("--lang", "vi")
    assert vi["status"] == "warning" and vi["detail"].startswith(
        "BTC: địa chỉ thư điện tử của người liên hệ focal, do một phiên bản cũ lưu, nay không "
        "được chấp nhận: 'an@bt\u0441.vn' không phải là địa chỉ thư điện tử"
    ), vi
    said = cli("--lang", "vi", "doctor").stdout
    assert any(line.startswith("địa chỉ thư ") for line in said.splitlines()), said
    repaired = cli("doctor", "--repair", "--yes")
    assert repaired.exit_code == 0, repaired.stderr
    assert snapshot(db) == before  # --repair leaves the addresses to the office
    [btc] = [u for u in cli.json("unit", "list") if u["code"] == "BTC"]
    assert [c["email"] for c in btc["contacts"]] == ["an@bt\u0441.vn", "binh\u200b@btc.vn"]
    # typed again through unit contact, an address is checked and the warning goes
    cli.ok("unit", "contact", "BTC", "--name", "An", "--email", "an@btc.vn")
    cli.ok("unit", "contact", "BTC", "--role", "head", "--name", "Bình", "--email", "binh@btc.vn")
    assert addresses()["status"] == "ok"


CLOSURE_VALUES = (
    "directive_id, kind, closed_on, completed_on_exact, note, claimed_on, doc, doc_date, file, "
    "file_hash, verdict, accepted_on, reopened_on, reopen_reason"
)


def test_doctor_repair_removes_a_closure_that_copies_another(cli: Cli, db: str) -> None:
    """A closure another program wrote twice (every value the same) counted its directive twice
    on its days, and `doctor --repair` left it: it removes the copy (the later id), saying
    which, in one change that `undo` takes back. A closure overlapping another with days of its
    own is left to the office, which alone knows which day is right: doctor still names it."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    cli.ok("done", str(one), "--date", "1/7/2022", "--doc", "12/BC-BTC", "--note", "Xong")
    cli.ok("reopen", str(one), "--date", "1/8/2022", "--reason", "Thiếu phụ lục")
    cli.ok("done", str(one), "--date", "1/9/2022")
    shown = ["show", str(one), "--as-of", "2022-07-15", "--format", "json"]

    def closures() -> dict[str, Any]:
        checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
        return checks["closures"]

    sound = (cli.ok(*shown), snapshot(db))
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    f"INSERT INTO closure ({CLOSURE_VALUES}) SELECT {CLOSURE_VALUES} FROM closure "
                    "WHERE id = 1"
                )
            )
        damaged = snapshot(db)
        said = closures()["detail"]
        assert said.startswith(f"directive {one}: closures 1 and 2 are both in force"), said
        repaired = cli("doctor", "--repair", "--yes")
        assert repaired.exit_code == 0, repaired.stderr
        assert repaired.stderr.splitlines()[0] == (
            f"removed closure 2 of directive {one}, a copy of closure 1 in every value, which "
            "counted the directive twice"
        )
        assert cli.ok(*shown) == sound[0]
        assert closures()["status"] == "ok"
        assert {k: v for k, v in snapshot(db).items() if k != "change_log"} == {
            k: v for k, v in sound[1].items() if k != "change_log"
        }
        cli.ok("undo", "--yes")
        assert {k: v for k, v in snapshot(db).items() if k != "change_log"} == {
            k: v for k, v in damaged.items() if k != "change_log"
        }
        # a closure of days of its own that overlaps another: said, not repaired
        with engine.begin() as conn:
            conn.execute(
                text(
                    f"INSERT INTO closure ({CLOSURE_VALUES}) SELECT {CLOSURE_VALUES} FROM closure "
                    "WHERE id = 1"
                )
            )
            conn.execute(text("UPDATE closure SET closed_on = '2022-07-10' WHERE id = 3"))
        vi = cli("--lang", "vi", "doctor", "--repair", "--yes").stderr.splitlines()
        assert vi[0] == (
            f"đã xoá lần kết thúc 2 của nhiệm vụ {one}, bản sao mọi giá trị của lần kết thúc 1, "
            "làm nhiệm vụ bị tính hai lần"
        )
        assert len(vi) == 2, vi  # closure 3 is not a copy
        said = closures()["detail"]
        assert said.startswith(f"directive {one}: closures 1 and 3 are both in force"), said
    finally:
        engine.dispose()


def _retirements(cli: Cli, *lang: str) -> dict[str, Any]:
    found = json.loads(cli(*lang, "doctor", "--format", "json").stdout)
    return {c["check"]: c for c in found}["retirements"]


def test_doctor_repair_gives_back_what_an_older_dirtrack_left_with_a_successor(
    cli: Cli, db: str, tmp_path: Path
) -> None:
    """An older dirtrack recorded a closure dated on or before a retirement, typed after it,
    without taking the move back: the directive stayed the successor's (a move dated after it
    closed, in force). Made here as that dirtrack left it: `unit retire` of the open
    directives, then the closure's column set by SQL, as its `done` and `cancel` did. doctor
    names each as a warning (exit 0) and its JSON export says the same; `--repair` settles them
    as every closure writer does today, in one change `undo` takes back. A register with none
    says nothing and --repair changes nothing."""
    cli.ok("unit", "add", "BDVTU", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    m = str(cli.id("add-meeting", "--date", "10/3/2025", "--title", "Giao ban quý I/2025"))
    led = cli.id("assign", m, "--unit", "BDVTU", "Tổng kết công tác dân vận", "--due", "30/9/2025")
    helped = cli.id(
        "assign", m, "--unit", "BTC", "--with", "BDVTU", "Rà soát", "--due", "30/9/2025"
    )
    still = cli.id("assign", m, "--unit", "BDVTU", "Còn mở", "--due", "30/9/2025")
    cli.ok("unit", "retire", "BDVTU", "--successor", "BTGDVTU", "--date", "1/7/2025")
    rules = tmp_path / "rules.toml"
    rules.write_text(
        "[outcome]\nopen_in_time = 1.0\n[weight]\nlead = 1.0\ncoordinator = 1.0\n"
        '[[tier]]\ncode = "a"\nname = "A"\nmin = 0\n',
        encoding="utf-8",
    )

    def scored() -> dict[str, int]:
        found = cli.json(
            "score", "--period", "2025", "--rules", str(rules), "--as-of", "2025-09-30"
        )
        return {u["code"]: u["scored"] for u in found["units"]}

    def held(day: str) -> dict[int, tuple[str, list[str]]]:
        listed = cli.json("list", "--status", "all", "--as-of", day)
        return {d["id"]: (d["unit"], d["with"]) for d in listed}

    def reported(code: str) -> list[int]:
        q2 = ("report", "--quarter", "2025Q2", "--as-of", "2025-09-30", "--unit", code)
        return [d["id"] for d in cli.json(*q2)["directives"] if d["id"] == led]

    # a register with nothing of the kind: nothing said, nothing to repair
    assert _retirements(cli)["status"] == "ok"
    sound = snapshot(db)
    said = cli("doctor", "--repair", "--yes")
    assert said.exit_code == 0 and "nothing to repair" in said.stderr, said.stderr
    assert snapshot(db) == sound

    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:  # as the older `done` and `cancel` wrote them
            conn.execute(
                text("UPDATE directive SET completed_on = '2025-06-20' WHERE id = :id"),
                {"id": led},
            )
            conn.execute(
                text("UPDATE directive SET cancelled_on = '2025-07-01' WHERE id = :id"),
                {"id": helped},
            )
    finally:
        engine.dispose()
    damaged = snapshot(db)
    assert held("2025-07-02")[led] == ("BTGDVTU", [])
    assert held("2025-07-02")[helped] == ("BTC", ["BTGDVTU"])
    scores = scored()
    assert reported("BDVTU") == [] and reported("BTGDVTU") == [led]
    found = _retirements(cli)
    assert found["status"] == "warning"
    assert found["detail"] == (
        f"directive {led} was completed on 2025-06-20, before unit BDVTU retired (2025-07-01), "
        "but is held by its successor BTGDVTU: an older dirtrack recorded the completion after "
        "the retirement; dirtrack doctor --repair gives it back; "
        f"directive {helped} was cancelled on 2025-07-01, before unit BDVTU retired "
        "(2025-07-01), but its successor BTGDVTU coordinates it in its place: an older dirtrack "
        "recorded the cancellation after the retirement; dirtrack doctor --repair gives it back"
    )
    result = cli("doctor")
    assert result.exit_code == 0 and "1 warning" in result.stderr, result.stderr
    vi = _retirements(cli, "--lang", "vi")["detail"]
    assert vi.startswith(
        f"nhiệm vụ {led} đã hoàn thành ngày 20/06/2025, trước khi đơn vị BDVTU thôi hoạt động "
        "(01/07/2025), nhưng đang do đơn vị tiếp nhận BTGDVTU chủ trì"
    ), vi
    # its export holds the same state (an export is lossless): the copy is said the same
    out = tmp_path / "old.json"
    cli.ok("export", "--out", str(out))
    copy = Cli(db=str(tmp_path / "copy.db"), runner=cli.runner)
    copy.ok("import", str(out))
    assert _retirements(copy)["detail"] == found["detail"]

    repaired = cli("doctor", "--repair", "--yes")
    assert repaired.exit_code == 0, repaired.stderr
    assert repaired.stderr.splitlines()[:2] == [
        f"gave directive {led}, closed on 2025-06-20, back to unit BDVTU, which held it then, "
        "before it retired (2025-07-01), from its successor BTGDVTU",
        f"gave directive {helped}, closed on 2025-07-01, back to unit BDVTU, which held it "
        "then, before it retired (2025-07-01), from its successor BTGDVTU",
    ]
    # it re-created nothing: the closing line speaks of no placeholder, in either language
    assert repaired.stderr.splitlines()[2].endswith(
        ": 2 records repaired in one change (dirtrack undo takes it back)"
    ), repaired.stderr
    assert _retirements(cli)["status"] == "ok"
    for day in ("2025-06-01", "2025-07-02", "2025-12-31"):
        now = held(day)
        assert now[led] == ("BDVTU", []) and now[helped] == ("BTC", ["BDVTU"]), day
        assert now[still] == ("BDVTU" if day < "2025-07-01" else "BTGDVTU", []), day
    assert reported("BDVTU") == [led] and reported("BTGDVTU") == []
    now = scored()
    # the completed one scored for BDVTU now (a cancelled one scores for no unit)
    assert now["BDVTU"] == scores.get("BDVTU", 0) + 1, (scores, now)
    assert now["BTGDVTU"] == scores["BTGDVTU"] - 1, (scores, now)
    assert "nothing to repair" in cli("doctor", "--repair", "--yes").stderr
    # undo puts the register back as the older dirtrack left it
    cli.ok("undo", "--yes")
    assert {k: v for k, v in snapshot(db).items() if k != "change_log"} == {
        k: v for k, v in damaged.items() if k != "change_log"
    }
    assert _retirements(cli)["detail"] == found["detail"]
    # said in Vietnamese
    vi_lines = cli("--lang", "vi", "doctor", "--repair", "--yes").stderr.splitlines()
    assert vi_lines[0] == (
        f"đã trả nhiệm vụ {led}, kết thúc ngày 20/06/2025, từ đơn vị tiếp nhận BTGDVTU về đơn vị "
        "BDVTU, đơn vị giữ nó khi đó, trước khi thôi hoạt động (01/07/2025)"
    ), vi_lines
    assert vi_lines[2].endswith(
        ": đã sửa 2 bản ghi trong một thay đổi (dirtrack undo hoàn tác được)"
    ), vi_lines


def test_doctor_takes_a_closure_reopened_on_its_own_day_as_reopen_records_it(cli: Cli) -> None:
    """`reopen --date D` of a directive completed on D (a product sent back the day it came)
    keeps a closure in force on no day; doctor called it a problem (exit 1), though reopen,
    done and import all take it: the register is sound, and every view agrees that the
    directive was open on D."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    cli.ok("done", str(one), "--date", "1/7/2022")
    cli.ok("reopen", str(one), "--date", "1/7/2022", "--reason", "Trả lại ngay")
    cli.ok("done", str(one), "--date", "1/8/2022")
    cli.ok("reopen", str(one), "--date", "1/8/2022")
    result = cli("doctor", "--format", "json")
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["closures"]["status"] == "ok", checks["closures"]
    assert result.exit_code == 0, result.stdout
    for day in ("2022-07-01", "2022-08-01"):
        shown = cli.json("show", str(one), "--as-of", day)
        assert (shown["status"], shown["completed_on"]) == ("open_in_time", None)
        [listed] = cli.json("list", "--status", "all", "--as-of", day)
        assert listed["status"] == "open_in_time"


def test_doctor_names_closures_that_would_count_a_directive_twice(cli: Cli, db: str) -> None:
    """Closures of one directive written by another program so that two are in force on the
    same days (or one reopened before the day it closed, or one reopened after the
    directive's own columns close it again) counted it twice, and doctor said nothing: check
    `closures` names each, a problem; it changes nothing."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    cli.ok("done", str(one), "--date", "1/7/2022")
    cli.ok("reopen", str(one), "--date", "1/8/2022")
    cli.ok("done", str(one), "--date", "1/9/2022")

    def closures() -> dict[str, Any]:
        result = cli("doctor", "--format", "json")
        checks = {c["check"]: c for c in json.loads(result.stdout)}
        assert result.exit_code == (0 if checks["closures"]["status"] == "ok" else 1)
        return checks["closures"]

    assert closures() == {
        "check": "closures",
        "status": "ok",
        "detail": "every closure a reopening ended ends before the next one begins",
    }
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO closure (directive_id, kind, closed_on, completed_on_exact, "
                    "reopened_on) VALUES (:d, 'done', '2022-07-15', :t, '2022-08-15')"
                ),
                {"d": one, "t": True},
            )
        before = snapshot(db)
        said = closures()
        assert (said["status"], said["detail"]) == (
            "problem",
            f"directive {one}: closures 1 and 2 are both in force from 2022-07-15 to the day "
            "before 2022-08-01: it is counted twice on those days",
        )
        vi = json.loads(cli("--lang", "vi", "doctor", "--format", "json").stdout)
        assert {c["check"]: c for c in vi}["closures"]["detail"] == (
            f"nhiệm vụ {one}: lần kết thúc 1 và 2 cùng có hiệu lực từ 15/07/2022 đến trước ngày "
            "01/08/2022: nhiệm vụ bị tính hai lần trong những ngày đó"
        )
        assert snapshot(db) == before
        with engine.begin() as conn:
            conn.execute(text("UPDATE closure SET reopened_on = '2022-07-14' WHERE id = 2"))
        assert closures()["detail"] == (
            f"directive {one}: closure 2 closed on 2022-07-15 is reopened on 2022-07-14, before it"
        )
        with engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE closure SET closed_on = '2022-08-10', reopened_on = '2022-09-15' "
                    "WHERE id = 2"
                )
            )
        assert closures()["detail"] == (
            f"directive {one}: closure 2 is reopened on 2022-09-15, after the directive was "
            "closed again (2022-09-01): it is counted twice from 2022-09-01"
        )
        with engine.begin() as conn:
            conn.execute(text("UPDATE closure SET reopened_on = '2022-08-20' WHERE id = 2"))
        assert closures()["status"] == "ok"  # closed 1/7-31/7, 10/8-19/8, from 1/9: one each day
    finally:
        engine.dispose()


def test_the_0022_upgrade_keeps_a_returned_completion_for_the_next_done(cli: Cli, db: str) -> None:
    """A register at 0021 (no ``returned_completion`` table) with a completion returned: a
    command upgrades it keeping every row (the return still in the result row, as 0021 kept
    it), and the next `done` keeps the returned completion where it overwrote it before."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    cli.ok("done", str(one), "--date", "1/7/2022", "--doc", "5/BC-BTC", "--note", "Lần 1")
    cli.ok("return", str(one), "--date", "3/7/2022", "--reason", "Chưa đạt")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0021")
        assert "returned_completion" not in inspect(engine).get_table_names()
        before = {k: v for k, v in snapshot(db).items() if k != "alembic_version"}
        cli.ok("list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            [(version,)] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    after = snapshot(db)
    assert version == SCHEMA_REVISION and after["returned_completion"] == []
    assert {k: v for k, v in after.items() if k in before} == before
    assert cli.json("show", str(one))["result"]["return_reason"] == "Chưa đạt"
    cli.ok("done", str(one), "--date", "10/7/2022", "--doc", "6/BC-BTC", "--note", "Lần 2")
    record = cli.json("show", str(one), "--as-of", "2022-08-01")
    assert [(r["doc"], r["note"], r["returned_on"], r["return_reason"])
            for r in record["returned_completions"]] == [
        ("5/BC-BTC", "Lần 1", "2022-07-03", "Chưa đạt")
    ]  # fmt: skip
    assert (record["status"], record["result"]["doc"]) == ("done_on_time", "6/BC-BTC")


def test_doctor_warns_of_an_extension_that_moves_a_deadline_earlier(
    cli: Cli, db: str, tmp_path: Path
) -> None:
    """An extension whose new deadline is not after the one in force on its approval day moves
    the deadline earlier (a completion on the original deadline is late from then on): an
    older version or another program recorded one, or an import of a file took it as written.
    ``extend --date`` of a day before an extension already recorded made one (approved 10/6 to
    15/7, then another approved 5/6 to 31/8: from 10/6 the deadline was 15/7, not 31/8), and
    now refuses it, naming the later one. Check ``extensions`` names each, a warning, in
    English and Vietnamese; it changes nothing."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Việc A")

    def extensions(*lang: str) -> dict[str, Any]:
        result = cli(*lang, "doctor", "--format", "json")
        assert result.exit_code == 0, result.stdout
        return {c["check"]: c for c in json.loads(result.stdout)}["extensions"]

    cli.ok("extend", str(one), "--to", "15/7/2022", "--date", "10/6/2022")
    before = snapshot(db)
    for lang, said in (("en", "is not before the deadline 2022-07-15 approved after it, on "
                       "2022-06-10"), ("vi", "15/07/2022")):  # fmt: skip
        assert said in cli.fail("--lang", lang, "extend", str(one), "--to", "31/8/2022",
                                "--date", "5/6/2022")  # fmt: skip
    assert snapshot(db) == before
    cli.ok("extend", str(one), "--to", "10/7/2022", "--date", "5/6/2022")
    assert extensions()["status"] == "ok"
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.begin() as conn:  # as another program, or an older version, wrote it
            conn.execute(text("UPDATE extension SET new_due = '2022-08-31' WHERE id = 2"))
    finally:
        engine.dispose()
    before = snapshot(db)
    found = extensions()
    assert (found["status"], found["detail"]) == (
        "warning",
        f"directive {one}: extension 1, approved on 2022-06-10, sets the deadline to "
        "2022-07-15, not after the one in force then (2022-08-31)",
    )
    assert extensions("--lang", "vi")["detail"] == (
        f"nhiệm vụ {one}: gia hạn 1, duyệt ngày 10/06/2022, đặt thời hạn 15/07/2022, không sau "
        "thời hạn đang áp dụng khi đó (31/08/2022)"
    )
    assert snapshot(db) == before
    assert cli.json("show", str(one), "--as-of", "2022-06-30")["due"] == "2022-07-15"
    # a file that shortens the deadline is imported as written, and said so
    doc = json.loads(cli.ok("export"))
    doc["directives"][0]["extensions"] = [
        {**doc["directives"][0]["extensions"][0], "approved_on": "2022-06-05",
         "new_due": "2022-06-20"}
    ]  # fmt: skip
    path = tmp_path / "shortened.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    other = cli.at(str(tmp_path / "other.db")) if "://" not in db else None
    if other is not None:
        other.ok("import", str(path))
        result = other("doctor", "--format", "json")
        found = {c["check"]: c for c in json.loads(result.stdout)}["extensions"]
        assert found["status"] == "warning" and "sets the deadline to 2022-06-20" in found["detail"]


def test_doctor_warns_of_a_returned_completion_out_of_order(cli: Cli, db: str) -> None:
    """A returned completion another program wrote with its days out of the order `done` and
    `return` keep (returned before it was reported, its document dated after its report, or
    returned after the next completion was reported): check `returns` names each, a warning
    (no count reads it), in English and Vietnamese; it changes nothing."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    cli.ok("done", str(one), "--date", "1/7/2022", "--doc", "5/BC-BTC")
    cli.ok("return", str(one), "--date", "3/7/2022", "--reason", "Chưa đạt")
    cli.ok("done", str(one), "--date", "10/7/2022")

    def returns(*lang: str) -> dict[str, Any]:
        result = cli(*lang, "doctor", "--format", "json")
        assert result.exit_code == 0, result.stdout
        return {c["check"]: c for c in json.loads(result.stdout)}["returns"]

    assert returns()["status"] == "ok"
    engine = create_engine(resolve_target(db).url)
    try:
        for change, said in (
            (
                "returned_on = '2022-06-20'",
                f"directive {one}: returned completion 1 is returned on 2022-06-20, before it "
                "was reported (2022-07-01)",
            ),
            (
                "doc_date = '2022-07-02'",
                f"directive {one}: returned completion 1 has its document dated 2022-07-02, "
                "after it was reported (2022-07-01)",
            ),
            (
                "returned_on = '2022-07-12'",
                f"directive {one}: returned completion 1 is returned on 2022-07-12, after the "
                "next completion was reported (2022-07-10)",
            ),
        ):
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE returned_completion SET returned_on = '2022-07-03', doc_date = NULL"
                    )
                )
                conn.execute(text(f"UPDATE returned_completion SET {change}"))
            before = snapshot(db)
            found = returns()
            assert (found["status"], found["detail"]) == ("warning", said)
            assert snapshot(db) == before
        vi = returns("--lang", "vi")["detail"]
        assert vi == (
            f"nhiệm vụ {one}: lần hoàn thành bị trả lại 1 bị trả lại ngày 12/07/2022, sau ngày "
            "báo cáo hoàn thành lần sau (10/07/2022)"
        )
    finally:
        engine.dispose()


def test_the_0023_upgrade_keeps_who_returned_and_drops_the_closures_return(
    cli: Cli, db: str
) -> None:
    """A register at 0022 with a completion returned by one clerk and reported again, and a
    completion reopened: the upgrade gives the kept returned completion the actor of its
    `return` (the change log's), drops the closure's return columns (nothing ever filled them),
    keeps every other row, and a closure id once given is not given again."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    two = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc B")
    cli.ok("done", str(one), "--date", "1/7/2022", "--doc", "5/BC-BTC", "--note", "Lần 1")
    cli.ok("--actor", "Lê Thị Hoa", "return", str(one), "--date", "3/7/2022", "--reason", "Chưa")
    cli.ok("done", str(one), "--date", "10/7/2022", "--doc", "6/BC-BTC")
    for day in ("1/7/2022", "5/7/2022"):  # two closures, the second taken back by undo
        cli.ok("done", str(two), "--date", day)
        cli.ok("reopen", str(two), "--date", day)
    cli.ok("undo", "--yes")
    engine = create_engine(resolve_target(db).url)
    try:
        downgrade(engine, "0022")
        with engine.begin() as conn:
            assert "returned_on" in {c["name"] for c in inspect(conn).get_columns("closure")}
            kept = {c["name"] for c in inspect(conn).get_columns("returned_completion")}
            assert "returned_by" not in kept
        before = snapshot(db)
        cli.ok("list")  # a command on the old database upgrades it
        with engine.connect() as conn:
            [(version,)] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            columns = {c["name"] for c in inspect(conn).get_columns("closure")}
    finally:
        engine.dispose()
    after = snapshot(db)
    assert version == SCHEMA_REVISION
    assert not {"returned_on", "return_reason"} & columns
    assert len(after["closure"]) == len(before["closure"]) == 1
    assert after["directive"] == before["directive"]
    [kept] = cli.json("show", str(one))["returned_completions"]
    assert (kept["doc"], kept["returned_by"]) == ("5/BC-BTC", "Lê Thị Hoa")
    cli.ok("reopen", str(two), "--date", "6/7/2022")
    # the closure undo took back (id 2) was given once: the next is 3, as before the rebuild
    assert [row[0] for row in snapshot(db)["closure"]] == [1, 3]


def test_the_0023_upgrade_passes_over_a_return_whose_history_is_not_json(cli: Cli, db: str) -> None:
    """A return's history entry edited by hand into text that is not JSON, in a register at
    0022: the upgrade does not stop on it (no actor is read from it, so the kept completion's
    returner is left blank) and keeps every row; doctor names the entry."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Việc A")
    cli.ok("done", str(one), "--date", "1/7/2022", "--doc", "5/BC-BTC")
    cli.ok("--actor", "Lê Thị Hoa", "return", str(one), "--date", "3/7/2022", "--reason", "Chưa")
    log = t.change_log
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.connect() as conn:  # the return's entry
            entry = conn.execute(
                select(func.max(log.c.id)).where(
                    log.c.action == "update", log.c.entity == "directive_result"
                )
            ).scalar_one()
        cli.ok("done", str(one), "--date", "10/7/2022", "--doc", "6/BC-BTC")
        downgrade(engine, "0022")
        with engine.begin() as conn:
            conn.execute(update(log).where(log.c.id == entry).values(after="{bad"))
        before = snapshot(db)
        cli.ok("meetings")  # a command on the old database upgrades it
    finally:
        engine.dispose()
    after = snapshot(db)
    assert after["directive"] == before["directive"]
    assert len(after["returned_completion"]) == len(before["returned_completion"]) == 1
    [kept] = cli.json("show", str(one))["returned_completions"]
    assert (kept["doc"], kept["returned_by"]) == ("5/BC-BTC", None)
    checks = {c["check"]: c for c in json.loads(cli("doctor", "--format", "json").stdout)}
    assert str(entry) in checks["history"]["detail"]
