from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

import dirtrack.models  # noqa: F401
from dirtrack.db import KNOWN_REVISIONS, SCHEMA_REVISION, upgrade
from tests.conftest import Cli, snapshot


def script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", "dirtrack:migrations")
    return ScriptDirectory.from_config(config)


def test_schema_revision_constant_is_the_alembic_head() -> None:
    assert script().get_current_head() == SCHEMA_REVISION
    revisions = [r.revision for r in script().walk_revisions()]
    assert sorted(revisions) == sorted(KNOWN_REVISIONS)


def test_a_blank_database_migrates_to_exactly_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'blank.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_first_use_creates_the_database_owner_only(cli: Cli, db_path: Path, backend: str) -> None:
    assert snapshot(cli.db) == {}
    cli.ok("unit", "list")
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

    cli.ok("unit", "list")
    engine, _ = open_engine(cli.db)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO directive (meeting_id, unit_id, text, created_at) "
                "VALUES (42, 42, 'orphan', '2022-01-01')"
            )
        )
    engine.dispose()


def test_a_database_at_the_oldest_revision_with_data_upgrades(tmp_path: Path) -> None:
    oldest = list(script().walk_revisions())[-1].revision
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, oldest)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO unit (code, code_key, name, name_key, created_at) "
                "VALUES ('VPTU', 'vptu', 'Văn phòng Tỉnh ủy', 'van phong tinh uy', '2022-01-01')"
            )
        )
    engine.dispose()
    cli = Cli(db=str(path), runner=__import__("typer.testing").testing.CliRunner())
    assert cli.json("unit", "list")[0]["name"] == "Văn phòng Tỉnh ủy"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_REVISION,
        )
