"""Shared fixtures: a real database per test, and a driver for the real command line.

``cli`` runs the Typer app in-process (CliRunner); ``run`` runs the installed ``dirtrack``
entry point in a subprocess. Both point ``--db`` at the test's own database.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dirtrack.cli import app
from tests.pg import MISSING, STAND_INS, Cluster, find_binaries, start_cluster

ENTRY_POINT = shutil.which("dirtrack", path=str(Path(sys.executable).parent)) or "dirtrack"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("DIRTRACK_DB", "DIRTRACK_LANG", "FORCE_COLOR", "NO_COLOR", "LC_ALL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    # Keep the per-user default database out of the real home folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@dataclass
class Cli:
    """Runs dirtrack against one database and checks what scripts rely on."""

    db: str
    runner: CliRunner

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        return self.runner.invoke(app, ["--db", self.db, *args], input=input, env=env)

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, (
            f"{args}: exit {result.exit_code}\n{result.stderr}\n{result.stdout}"
        )
        return result.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--format", "json"))

    def id(self, *args: str) -> int:
        return int(self.ok(*args).strip())

    def fail(self, *args: str, code: int = 1) -> str:
        """Run a command that must fail with one ``Error:`` line and no traceback."""
        result = self(*args)
        assert result.exit_code == code, (
            f"{args}: exit {result.exit_code}\n{result.stdout}\n{result.stderr}"
        )
        if code == 1:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        return result.stderr.strip()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dirtrack.db"


# Every test that uses ``db`` (so ``cli``, ``units``, ``meeting``…) runs once on a SQLite file and
# once on a database of a real PostgreSQL 15 cluster (tests/pg.py). Issue 6.
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test checks the SQLite file itself; skip on PostgreSQL"
    )


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL cluster for the whole run (skipped if its binaries are missing)."""
    required = os.environ.get("DIRTRACK_REQUIRE_PG") == "1"  # set by .ci/run
    if find_binaries() is None:
        if required:
            pytest.fail(MISSING, pytrace=False)
        pytest.skip(MISSING)
    try:
        cluster = start_cluster()
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        reason = f"could not start a PostgreSQL test cluster: {exc}"
        if required:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the database behind ``db``."""
    return str(request.param)


@pytest.fixture
def db(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """The ``--db`` target of the test: a SQLite file, or a new PostgreSQL database."""
    if backend == "sqlite":
        return str(db_path)
    marker = request.node.get_closest_marker("sqlite_only")
    if marker is not None:
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else 'checks the file'}")
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database()
    STAND_INS[db_path] = url
    return url


@pytest.fixture
def cli(db: str) -> Cli:
    return Cli(db=db, runner=CliRunner())


def run(
    *args: str, db: str | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point, as cron would: no terminal, no prompt."""
    full_env = {**os.environ, **(env or {})}
    prefix = ["--db", db] if db else []
    return subprocess.run(
        [ENTRY_POINT, *prefix, *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input if input is not None else "",
        timeout=120,
        check=False,
    )


def file_digest(path: Path) -> str:
    """The database file's bytes, to prove a failed command wrote nothing.

    On PostgreSQL (where the test's ``db_path`` stands for its database) it is a digest of
    :func:`snapshot`, every row of every table, so the same assertion holds on both backends.
    """
    if path in STAND_INS:
        return hashlib.sha256(repr(snapshot(STAND_INS[path])).encode()).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of ``db`` (a path or a URL, either backend), in a stable order.

    ``snapshot(db)`` before and after a failed command proves it wrote nothing, on SQLite and on
    PostgreSQL alike. A SQLite file that does not exist is an empty snapshot (and stays absent).
    """
    from sqlalchemy import create_engine, inspect, text

    from dirtrack.db import resolve_target

    target = resolve_target(db)
    if target.path is not None and not target.path.exists():
        return {}
    engine = create_engine(target.url)
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            return {
                name: sorted(
                    (tuple(row) for row in conn.execute(text(f'SELECT * FROM "{name}"'))),
                    key=repr,
                )
                for name in tables
            }
    finally:
        engine.dispose()


@pytest.fixture
def units(cli: Cli) -> Cli:
    """A database with the units of the seed meeting of 6 May 2022."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy", "--alias", "Ban Tổ chức")
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "UBKT", "Ủy ban Kiểm tra Tỉnh ủy")
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    return cli


@pytest.fixture
def meeting(units: Cli) -> Iterator[int]:
    yield units.id(
        "add-meeting",
        "--date",
        "6/5/2022",
        "--title",
        "Làm việc với các cơ quan tham mưu, giúp việc Tỉnh ủy",
        "--chair",
        "Phương Thị Thanh",
        "--chair-title",
        "Phó Bí thư Thường trực Tỉnh ủy",
        "--attendee",
        "VPTU",
        "--attendee",
        "BTC",
        "--attendee",
        "BDV",
        "--attendee",
        "UBKT",
    )
