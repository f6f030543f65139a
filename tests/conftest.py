"""Shared fixtures: a real database per test, and a driver for the real command line.

``cli`` runs the Click command in-process (CliRunner); ``run`` runs the installed ``dirtrack``
entry point in a subprocess. Both point ``--db`` at the test's own database.

What makes the suite quick (``make test``), and what ``make test-all`` changes:

- The Click command is built from the Typer app once per session (:data:`COMMAND`).
- ``db`` is a copy of a database migrated once per session (a file on SQLite, ``CREATE
  DATABASE … TEMPLATE`` on PostgreSQL), unless the test is marked ``blank_db``.
- PostgreSQL runs the modules of :data:`POSTGRESQL_MODULES` only; of those not the tests (or
  cases) marked ``engine_independent``, and of a parametrized test only its first case, unless
  it is marked ``engine_dependent_cases`` (:func:`_other_cases`); ``--all-backends`` (``make
  test-all``) runs every case of every database test on it.
- Hypothesis runs the ``quick`` profile; ``--hypothesis-profile=thorough`` (``make test-all``)
  runs at least as many examples as the suite always did.
"""

from __future__ import annotations

import atexit
import copy
import fcntl
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
import typer.main
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner, Result

from dirtrack.cli import app
from tests import forkserver
from tests.pg import MISSING, STAND_INS, Cluster, find_binaries, start_cluster

ENTRY_POINT = shutil.which("dirtrack", path=str(Path(sys.executable).parent)) or "dirtrack"

# Typer's CliRunner turns the app into a Click command at every invoke, which costs more than
# most commands do; build it once per session, for every ``CliRunner().invoke(app, …)`` of the
# suite. Nothing is fixed by the build but the command tree: options, the environment, the
# configuration file and the language are read at each invocation.
# (This module is imported twice, as ``conftest`` and as ``tests.conftest``: patch only once.)
if not hasattr(typer.testing._get_command, "cache_info"):
    typer.testing._get_command = functools.cache(typer.main.get_command)
COMMAND = typer.testing._get_command(app)

# Hypothesis: ``quick`` by default, ``thorough`` in make test-all (--hypothesis-profile, loaded
# in pytest_configure, before the test modules are imported). A property test runs the profile's
# number of examples, or a multiple of ``settings.default.max_examples`` if its examples are
# cheap; ``thorough`` gives every test at least the examples it ran before the profiles existed.
# No deadline: the suite runs on busy machines.
settings.register_profile("quick", max_examples=10, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=100, deadline=None, print_blob=True)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in (
        "DIRTRACK_DB",
        "DIRTRACK_LANG",
        "FORCE_COLOR",
        "NO_COLOR",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
    ):
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
    blank: bool = False  # the database was never used (a ``blank_db`` test)
    cluster: Cluster | None = None  # the PostgreSQL cluster of ``db``, if it is there

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        """``dirtrack --db DB ARGS``; on the arguments' own ``--db`` when they give one before
        the command (a second --db is a usage error)."""
        from dirtrack.cli.app import root_args

        own = any(option in ("--db", "-d") for option, _ in root_args(list(args))[0])
        prefix = [] if own else ["--db", self.db]
        return self.runner.invoke(app, [*prefix, *args], input=input, env=env)

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

    def at(self, db: str) -> Cli:
        """The same driver on another database (a second one of the test, same backend)."""
        return Cli(db=db, runner=self.runner, cluster=self.cluster)

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
    """Where the test's SQLite database is (or will be, for a ``blank_db`` test)."""
    return tmp_path / "dirtrack.db"


BACKENDS = ("sqlite", "postgresql")

# Every test that uses ``db`` (so ``cli``, ``units``, ``meeting``…) runs on a SQLite file. These
# modules run on a database of a real PostgreSQL 15 cluster too (tests/pg.py), because what they
# check depends on the database engine: SQL the store or the report sends, transactions and
# locks, the schema's DDL, text ordering under a locale's collation. The others drive the same
# store through commands whose outcome does not depend on the engine (parsing, messages, files,
# rendering, finding a unit by its code, name or alias: every unit is read, then matched in
# Python); ``make test-all`` (``--all-backends``) runs them on PostgreSQL as well. In these
# modules, a test or case marked ``engine_independent`` runs on SQLite only, and so do the cases
# of a parametrized test after its first, unless it is marked ``engine_dependent_cases``
# (:func:`_other_cases`).
POSTGRESQL_MODULES = {
    # the store
    "test_history": "the change log and undo: the store's writers and its exact restores",
    "test_last_touched": "the store's indexed reading of the change log",
    "test_unit_retire": "unit retire: the store's bulk moves and their change rows",
    # the report
    "test_cli_report": "the report's counts, aggregated in SQL",
    "test_report_sections": "the report's review sections: SQL aggregates, ordering of text",
    "test_report_sql": "the report's SQL equals the Python reference",
    "test_report_reference": "the report's review equals the reference",
    "test_report_numbers": "the report's figures on registers recorded through the CLI",
    "test_remind": "overdue and remind: date arithmetic in SQL, last-touched lookups",
    # migrations
    "test_migrations": "Alembic migrations: DDL and batch updates differ per dialect",
    # concurrency
    "test_concurrency": "writers at once: SQLite's file lock, PostgreSQL's advisory lock",
    "test_series_concurrency": "occurrences made at once: the write lock, rows locked for update",
    "test_postgres": "what only a shared server shows",
    # end to end
    "test_cli_directives": "every directive command in turn, as a clerk uses them",
    "test_export": "every record out and back in: ids, sequences, history",
}


def language_twin(*values: Any) -> Any:
    """The Vietnamese case (``values``) of a test run in English and in Vietnamese, where the
    language changes the words only: on PostgreSQL the English case checks what the engine
    does, so this one runs on SQLite only unless ``--all-backends`` (``engine_independent``)."""
    why = "the language twin of the English case, which runs on PostgreSQL"
    return pytest.param(*values, marks=pytest.mark.engine_independent(why))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--all-backends",
        action="store_true",
        help="run every database test on PostgreSQL too, not only those of POSTGRESQL_MODULES",
    )
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the tests marked slow (make test-all)",
    )


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile(config.getoption("--hypothesis-profile") or "quick")
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test checks the SQLite file itself; not on PostgreSQL"
    )
    config.addinivalue_line(
        "markers",
        "engine_independent(reason): in a module of POSTGRESQL_MODULES, a test or case whose "
        "outcome does not depend on the database engine (input refused before any query, a "
        "language twin of a case run there); on SQLite only, unless --all-backends",
    )
    config.addinivalue_line(
        "markers",
        "engine_dependent_cases(reason): in a module of POSTGRESQL_MODULES, a parametrized test "
        "each of whose cases checks something else the engine does (another table's columns, "
        "another bound, another lock); every case runs on PostgreSQL, not only the first",
    )
    config.addinivalue_line(
        "markers",
        "slow(reason): exhaustive or many processes; run by make test-all (--run-slow) only",
    )
    config.addinivalue_line(
        "markers",
        "thorough_cases(argname, values, ids=None): the cases of a test marked slow, "
        "parametrized as parametrize would under --run-slow; without it the first alone is "
        "built (skipped, with the number of the others, which are not collected)",
    )
    config.addinivalue_line(
        "markers",
        "blank_db(reason): ``db`` is a database never used (no file on SQLite, an empty database "
        "on PostgreSQL) rather than a copy of the migrated template",
    )


# The modules that hold the longest tests of make test (tens of seconds each: a walk of every
# example, generated registers made and compared, processes killed or started at once) run
# first, each as a whole: a long test left to the end of a run keeps the other worker idle.
FIRST_MODULES = (
    "test_readme_tour",
    "test_help_vi",
    "test_export",
    "test_limitation_repeats",
    "test_crash",
    "test_concurrency",
    "test_last_touched",
    "test_hostile_tree",
)


def _module_rank(item: pytest.Item) -> int:
    name = item.nodeid.split("::", 1)[0].rsplit("/", 1)[-1].removesuffix(".py")
    return FIRST_MODULES.index(name) if name in FIRST_MODULES else len(FIRST_MODULES)


def _on_postgresql(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("backend") == "postgresql"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The modules of :data:`FIRST_MODULES` first (the others in their order); the PostgreSQL
    cases of tests marked ``engine_independent`` (on the test, or on one of its parameters:
    ``pytest.param("vi", marks=…)``), and those of :func:`_other_cases`, are deselected unless
    ``--all-backends``; tests marked ``slow`` are left out unless ``--run-slow``: the first
    case of each is skipped with the reason and the number of its other cases, which are
    deselected (pytest counts them). Each of the twelve thousand cases skipped one by one cost
    more than a millisecond of CPU, in the worker and in the process that collects the
    reports, for a line of dots."""
    items.sort(key=_module_rank)  # stable: a module's tests stay together, in their order
    left_out: list[pytest.Item] = []
    if not config.getoption("--all-backends"):
        left_out += [
            item
            for item in items
            if _on_postgresql(item) and item.get_closest_marker("engine_independent") is not None
        ]
        independent = set(left_out)
        left_out += _other_cases([item for item in items if item not in independent])
    if not config.getoption("--run-slow"):
        kept = set(left_out)
        left_out += _slow_left_out([item for item in items if item not in kept])
    if left_out:
        gone = set(left_out)
        items[:] = [item for item in items if item not in gone]
        config.hook.pytest_deselected(items=left_out)


def _other_cases(items: list[pytest.Item]) -> list[pytest.Item]:
    """The PostgreSQL cases of each parametrized test but its first, unless the test is marked
    ``engine_dependent_cases``.

    The first case checks what the engine does with the test's SQL and its writes; the others
    give the same code path other input (another spelling of a name, another refusal, another
    command closing a directive, the Vietnamese words of the same case), which the engine
    treats alike: they run on SQLite, and on PostgreSQL in ``make test-all``. A test whose
    cases each reach the engine differently (the undo of another table's rows, a limit past
    32 or 64 bits, another lock taken) is marked, and runs every case on both."""
    seen: set[str] = set()
    left_out: list[pytest.Item] = []
    for item in items:
        if not _on_postgresql(item) or item.get_closest_marker("engine_dependent_cases"):
            continue
        test = item.nodeid.split("[", 1)[0]
        if test in seen:
            left_out.append(item)
        seen.add(test)
    return left_out


def _slow_left_out(items: list[pytest.Item]) -> list[pytest.Item]:
    """Marks the first case of each ``slow`` test skipped; its other cases, to deselect (those
    of ``thorough_cases``, never built: :func:`_thorough_cases`, are counted too)."""
    cases: dict[Any, list[pytest.Item]] = {}
    for item in items:
        if item.get_closest_marker("slow") is not None:
            cases.setdefault(getattr(item, "function", item), []).append(item)
    left_out: list[pytest.Item] = []
    for first, *others in cases.values():
        marker = first.get_closest_marker("slow")
        assert marker is not None
        why = marker.args[0] if marker.args else "slow"
        thorough = first.get_closest_marker("thorough_cases")
        unbuilt = len(thorough.args[1]) - 1 if thorough is not None else 0
        more = _other_cases_said(len(others), "deselected") + _other_cases_said(
            unbuilt, "not collected"
        )
        first.add_marker(pytest.mark.skip(reason=f"make test-all runs it{more}: {why}"))
        left_out += others
    return left_out


def _other_cases_said(count: int, how: str) -> str:
    """`` and its 3 other cases (deselected)`` of the line of a slow test left out."""
    if not count:
        return ""
    return f" and its {count} other {'case' if count == 1 else 'cases'} ({how})"


def _test_modules(config: pytest.Config) -> list[Path]:
    """The test modules the run's arguments name (files, or every ``test_*.py`` of a folder)."""
    found: list[Path] = []
    for arg in config.args:
        path = config.invocation_params.dir / arg.split("::", 1)[0]
        if path.is_dir():
            found += sorted(path.rglob("test_*.py"))
        elif path.name.startswith("test_") and path.suffix == ".py":
            found.append(path)
    return list(dict.fromkeys(found))


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    """Under pytest-xdist, each worker imports the test modules before collecting them, from a
    point of the list of its own (the second of two from the middle), and writes pytest's
    rewritten code of each (assertions rewritten, ``__pycache__/*-pytest-*.pyc``), which the
    other reads rather than rewriting it: rewriting the suite's eight thousand asserts costs
    some 12 s of CPU per process, which every worker of a fresh clone spent, and every worker
    of every run where ``PYTHONDONTWRITEBYTECODE`` is set (pytest then writes no cache). A
    module that fails to import is left to pytest's collection, which reports it."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    modules = _test_modules(session.config)
    prepend = session.config.getoption("importmode") == "prepend"  # (a module by its name)
    if not worker.startswith("gw") or count < 2 or len(modules) < 2 or not prepend:
        return
    start = int(worker[2:]) * len(modules) // count
    kept, sys.dont_write_bytecode = sys.dont_write_bytecode, False
    try:
        for path in modules[start:] + modules[:start]:
            if str(path.parent) not in sys.path:
                continue  # not importable by its name as pytest will import it
            try:
                __import__(path.stem)
            except (Exception, pytest.skip.Exception, pytest.fail.Exception):
                sys.modules.pop(path.stem, None)  # pytest's collection reports it
    finally:
        sys.dont_write_bytecode = kept


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``backend`` (so ``db``): SQLite always, PostgreSQL where it matters; and
    the cases of a test marked ``thorough_cases`` (:func:`_thorough_cases`)."""
    _thorough_cases(metafunc)
    if "backend" not in metafunc.fixturenames:
        return
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    on_postgresql = (
        metafunc.config.getoption("--all-backends") or module in POSTGRESQL_MODULES
    ) and metafunc.definition.get_closest_marker("sqlite_only") is None
    metafunc.parametrize("backend", BACKENDS if on_postgresql else BACKENDS[:1], indirect=True)


def _thorough_cases(metafunc: pytest.Metafunc) -> None:
    """A test marked ``thorough_cases(argname, values, ids=…)`` (and ``slow``) is parametrized
    over every value with ``--run-slow``, as ``parametrize`` would, and over the first alone
    without it: that case is skipped with the number of the others (:func:`_slow_left_out`),
    which are not built. Building the nine thousand cases of the hostile values at every
    parameter, and the four thousand in every field of a file, to deselect them cost one to
    three seconds of CPU in each process that collects the suite."""
    marker = metafunc.definition.get_closest_marker("thorough_cases")
    if marker is None:
        return
    argname, values = marker.args
    if not metafunc.config.getoption("--run-slow"):
        values = values[:1]
    metafunc.parametrize(argname, values, ids=marker.kwargs.get("ids"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL cluster for the whole run (skipped if its binaries are missing).

    Under pytest-xdist each worker starts its own.
    """
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


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the database behind ``db`` (see pytest_generate_tests)."""
    return str(request.param)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once for the session, as a first command leaves it."""
    from dirtrack.db import open_engine

    path = tmp_path_factory.mktemp("template") / "dirtrack.db"
    engine, _ = open_engine(str(path))
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


def new_database(
    request: pytest.FixtureRequest, backend: str, path: Path, *, blank: bool = False
) -> str:
    """A new database on ``backend`` (at ``path`` on SQLite); returns its ``--db`` target.

    A copy of a database already migrated to the current schema, unless ``blank``: none at all
    on SQLite, an empty one on PostgreSQL, which the first command migrates.
    """
    if backend == "sqlite":
        if not blank:
            shutil.copy(request.getfixturevalue("sqlite_template"), path)  # its mode 0600 too
        return str(path)
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database(blank=blank)


@pytest.fixture
def db(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The ``--db`` target of the test: a SQLite file, or a new PostgreSQL database.

    Migrated already (see :func:`new_database`), or never used if the test is ``blank_db``.
    A PostgreSQL database is dropped after the test (a few hundred of them left to the end
    would only cost disk space and time to delete).
    """
    blank = request.node.get_closest_marker("blank_db") is not None
    target = new_database(request, backend, db_path, blank=blank)
    if backend == "sqlite":
        yield target
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    STAND_INS[db_path] = target
    yield target
    del STAND_INS[db_path]
    cluster.drop_database(target)


@pytest.fixture
def cli(db: str, backend: str, request: pytest.FixtureRequest) -> Cli:
    blank = request.node.get_closest_marker("blank_db") is not None
    cluster = request.getfixturevalue("pg_cluster") if backend == "postgresql" else None
    return Cli(db=db, runner=CliRunner(), blank=blank, cluster=cluster)


def cli_at(db: str | Path) -> Cli:
    """The in-process driver on any ``--db`` target: a file a test made itself, a missing one,
    a URL. For what is not about the process itself, in place of :func:`run`."""
    return Cli(db=str(db), runner=CliRunner())


def program(forked: bool) -> str:
    """The ``dirtrack`` a process runs: the installed entry point, or (``forked``) the fork
    server's (tests/forkserver.py), for a test whose subject is what commands do in processes
    of their own, not how the entry point starts (a tenth of the CPU)."""
    return str(forkserver.shared().dirtrack) if forked else ENTRY_POINT


def run(
    *args: str,
    db: str | None = None,
    env: dict[str, str] | None = None,
    input: str | None = None,
    forked: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point, as cron would: no terminal, no prompt (``forked``: the
    fork server's, see :func:`program`)."""
    full_env = {**os.environ, **(env or {})}
    prefix = ["--db", db] if db else []
    return subprocess.run(
        [program(forked), *prefix, *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input if input is not None else "",
        timeout=120,
        check=False,
    )


def at_once(
    commands: list[list[str]], db: str, timeout: float = 600, *, forked: bool = False
) -> list[tuple[int, str, str]]:
    """Each command run by the installed entry point (``forked``: the fork server's, see
    :func:`program`) in a process of its own, all started before any is waited for (no
    terminal, no prompt): each one's exit code, stdout and stderr, in the order given."""
    started = [
        subprocess.Popen(
            [program(forked), "--db", db, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for args in commands
    ]
    said = [p.communicate(timeout=timeout) for p in started]
    return [(p.returncode, out, err) for p, (out, err) in zip(started, said, strict=True)]


ROOT = Path(__file__).resolve().parent.parent


def run_example(
    script: str, db: Path, dirtrack: str | Path = ENTRY_POINT
) -> subprocess.CompletedProcess[str]:
    """Run ``examples/<script>`` with bash against the SQLite file ``db``, as the README does,
    with ``dirtrack`` as the program it calls (``$DIRTRACK``): the installed entry point, or
    a fork server's (tests/forkserver.py)."""
    env = {**os.environ, "DIRTRACK_DB": str(db), "DIRTRACK": str(dirtrack)}
    return subprocess.run(
        ["bash", str(ROOT / "examples" / script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def clerk_env(folder: Path) -> dict[str, str]:
    """The environment of a clerk's shell for :func:`as_typed`: ``dirtrack`` on PATH is the
    fork server's (a process per command, started in milliseconds), and ``mail`` (and ``jq``
    where it is not installed), which README's pipes end in, read what they are given."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ["mail"] + ([] if shutil.which("jq") else ["jq"]):
        (folder / name).write_text("#!/bin/sh\ncat >/dev/null\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    server = forkserver.shared().dirtrack.parent
    return {**os.environ, "PATH": f"{folder}:{server}:{os.environ['PATH']}", "COLUMNS": "80"}


def as_typed(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A command line as a clerk types it (bash: pipes, ``||``, ``>``, ``&&``), no terminal."""
    return subprocess.run(
        ["bash", "-c", line],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@dataclass(frozen=True)
class Seeded:
    """The demo's database after ``examples/seed_meetings.sh``, and how the script ended."""

    path: Path
    run: subprocess.CompletedProcess[str]

    def copy(self, to: Path) -> Path:
        shutil.copyfile(self.path, to)
        return to

    def cli(self, to: Path) -> Cli:
        """dirtrack in-process on a copy of the demo's database, made at ``to``."""
        return Cli(db=str(self.copy(to)), runner=CliRunner())


@pytest.fixture(scope="session")
def seed_meetings(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """``examples/seed_meetings.sh`` run once per test run; tests take a copy of the file it
    leaves.

    Its five dozen commands are each a process, forked from one that has imported dirtrack
    (tests/forkserver.py): a few seconds of CPU where starting the entry point each time costs
    a minute and a half. ``test_examples`` runs it with the installed entry point too
    (``make test-all``) and finds the same database, as ``test_limitation_repeats`` runs
    ``seed_followup.sh`` with it there.

    Under pytest-xdist every worker shares the run's temporary folder: the first worker to ask
    runs the script there, under a file lock, and records how it ended; the others wait for the
    lock and read that (the tests that need it are far apart in the run, so nobody waits long).
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / "seed-meetings"
    folder.mkdir(exist_ok=True)
    path, ended = folder / "demo.db", folder / "run.json"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ended.exists():
            done = run_example("seed_meetings.sh", path, forkserver.shared().dirtrack)
            record = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            ended.write_text(json.dumps(record), encoding="utf-8")
        record = json.loads(ended.read_text(encoding="utf-8"))
    args = ["bash", str(ROOT / "examples" / "seed_meetings.sh")]
    return Seeded(path, subprocess.CompletedProcess(args, **record))


def file_digest(path: Path) -> str:
    """The database file's bytes, to prove a failed command wrote nothing.

    On PostgreSQL (where the test's ``db_path`` stands for its database) it is a digest of
    :func:`snapshot`, every row of every table, so the same assertion holds on both backends.
    """
    if path in STAND_INS:
        return hashlib.sha256(repr(snapshot(STAND_INS[path])).encode()).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module", params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """One migrated database per backend for a module whose examples empty it
    (:func:`clear_tables`) and fill it by hand (test_report_sql, test_report_reference)."""
    from dirtrack.db import open_engine

    name = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp(name) / "register.db")
    else:
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        target = cluster.create_database(name)
    found, _ = open_engine(target)
    yield found
    found.dispose()


def clear_tables(conn: Any, *tables: Any) -> None:
    """Delete every row of ``tables`` (children first), as a test filling a register by hand
    starts: the links within a table (a unit's parent and successor, a limitation's repeat) are
    cleared first, as dirtrack's own deletes do, since on SQLite a trigger keeps a row another
    of its table names, row by row (migration 0019)."""
    from sqlalchemy import delete, update

    for table in tables:
        own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
        if own:
            conn.execute(update(table).values(dict.fromkeys(own)))
        conn.execute(delete(table))


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


# --- registers built once -----------------------------------------------------------------

F = TypeVar("F", bound=Callable[..., Any])
_BUILT: dict[tuple[str, str], tuple[str, Any]] = {}
# What a prebuilt fixture returned, when it was the test's own Cli or ``--db`` target.
_THE_CLI, _THE_DB = object(), object()
_KEPT_FILES = Path(tempfile.mkdtemp(prefix="dirtrack-built-"))
# Removed when this test process ends (each xdist worker has its own folder).
atexit.register(shutil.rmtree, _KEPT_FILES, ignore_errors=True)


def _is_cli(value: object) -> bool:
    # By name: this module is imported twice (as ``conftest`` and ``tests.conftest``), so a
    # fixture's Cli may be of the other copy's class.
    return type(value).__name__ == "Cli"


def prebuilt(build: F) -> F:
    """A fixture that records a register through the CLI, built once per test process and
    database engine, then copied: the first test that asks runs ``build``; the others get a
    copy of the database it left (a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on
    PostgreSQL) and a copy of what it returned (the test's own ``Cli`` for a ``Cli``).

    Only for fixtures whose whole effect is on the database: the copy is of nothing else. A
    ``blank_db`` test builds its own.
    """

    @functools.wraps(build)
    def fixture(*args: Any, **kwargs: Any) -> Any:
        clis = [value for value in (*args, *kwargs.values()) if _is_cli(value)]
        assert clis, f"{build.__name__}: a prebuilt fixture needs the Cli (cli, units…)"
        cli = clis[0]
        postgresql = cli.db.startswith("postgresql")
        key = (f"{build.__module__}.{build.__qualname__}", "pg" if postgresql else "sqlite")
        found = _BUILT.get(key)
        if found is not None and not cli.blank:
            kept, value = found
            if postgresql:
                cli.cluster.restore(cli.db, kept)  # type: ignore[union-attr]
            else:
                for side in ("-wal", "-shm", "-journal"):
                    Path(cli.db + side).unlink(missing_ok=True)
                shutil.copyfile(kept, cli.db)
            if value is _THE_CLI:
                return cli
            return cli.db if value is _THE_DB else copy.deepcopy(value)
        value = build(*args, **kwargs)
        # (A SQLite file with a write-ahead log left is still open somewhere: not copied.)
        if not cli.blank and not Path(cli.db + "-wal").exists():
            if postgresql:
                kept = cli.cluster.keep_copy(cli.db)  # type: ignore[union-attr]
            else:
                kept = str(_KEPT_FILES / f"{len(_BUILT)}.db")
                shutil.copyfile(cli.db, kept)
            if _is_cli(value):
                shared = _THE_CLI
            elif value == cli.db:
                shared = _THE_DB
            else:
                shared = copy.deepcopy(value)
            _BUILT[key] = (kept, shared)
        return value

    return fixture  # type: ignore[return-value]


@pytest.fixture
@prebuilt
def units(cli: Cli) -> Cli:
    """A database with the units of the seed meeting of 6 May 2022."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy", "--alias", "Ban Tổ chức")
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "UBKT", "Ủy ban Kiểm tra Tỉnh ủy")
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    return cli


@pytest.fixture
@prebuilt
def meeting(units: Cli) -> int:
    return units.id(
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


@pytest.fixture
@prebuilt
def seeded(units: Cli, meeting: int) -> Cli:
    """The seed meeting with a directive of each state (1 open, 2 done, 3 cancelled) and a
    limitation resolved (1) and one open (2), for the commands that refuse bad input on them.
    (test_export and test_history seed registers of their own under this name.)"""
    open_id = units.id("assign", str(meeting), "--unit", "BTC", "--due", "2022-06-30", "Đề án A")
    done_id = units.id("assign", str(meeting), "--unit", "BDV", "--due", "2022-06-30", "Đề án B")
    units.ok("done", str(done_id), "--date", "2022-06-01")
    cancelled_id = units.id("assign", str(meeting), "--unit", "VPTU", "Đề án C")
    units.ok("cancel", str(cancelled_id), "--date", "2022-06-01")
    lim = units.id("add-limitation", str(meeting), "--unit", "UBKT", "Thiếu lái xe")
    units.ok("resolve", str(lim), "--date", "2022-06-01")
    open_lim = units.id("add-limitation", str(meeting), "--unit", "BDV", "Kinh phí hạn hẹp")
    assert (open_id, done_id, cancelled_id, lim, open_lim) == (1, 2, 3, 1, 2)
    return units


def workbook(
    tmp_path: Path,
    rows: list[list[Any]],
    *,
    name: str = "theo-doi.xlsx",
    merges: tuple[str, ...] = (),
) -> str:
    """An office's sheet: ``rows`` in the first sheet of ``tmp_path/name``, cells merged over
    each of ``merges`` ("A1:A2"); its path."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for span in merges:
        sheet.merge_cells(span)
    path = tmp_path / name
    book.save(path)
    return str(path)


#: The header of an office's follow-up sheet, the columns the import tests' sheets hold.
SHEET_HEADER = [
    "STT",
    "Nội dung",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời hạn",
    "Tiến độ",
    "Kết quả",
]


def csv_rows(path: Path, rows: list[list[str]]) -> Path:
    """``rows`` as a CSV file, each cell as it is between commas (no quoting: a cell with a
    comma is two cells, as a clerk typing the file would make it); ``path``."""
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def dry_run(cli: Cli, *args: str) -> dict[str, Any]:
    """The report of ``import ARGS --dry-run --format json``, whatever its exit code (a dry
    run that finds problems says so in it)."""
    report: dict[str, Any] = json.loads(
        cli("import", *args, "--dry-run", "--format", "json").stdout
    )
    return report


def dry_rows(cli: Cli, *args: str) -> dict[int, dict[str, Any]]:
    """The rows of :func:`dry_run`'s report, by their number in the file."""
    return {r["row"]: r for r in dry_run(cli, *args)["rows"]}


def cell_xml(path: Path | str, ref: str, xml: str) -> Path:
    """Write cell ``ref`` of the first sheet as ``xml``, as another program (Excel saving a
    formula and its value) would have it."""
    import re
    import shutil
    import zipfile

    path = Path(path)
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as book, zipfile.ZipFile(temp, "w") as out:
        for entry in book.infolist():
            data = book.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rf'<c r="{ref}"[^>]*?(/>|>.*?</c>)'.encode(), xml.encode(), data)
            out.writestr(entry, data)
    shutil.move(temp, path)
    return path


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 holds Vietnamese: precomposed where it can, tone marks combining."""
    out = b""
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        tries = (
            [(ch, [])]
            + [
                (unicodedata.normalize("NFC", base + m), [x for x in marks if x != m])
                for m in marks
            ]
            + [(base, marks)]
        )
        for head, rest in tries:
            try:
                out += head.encode("cp1258") + "".join(rest).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"{ch!r} has no Windows-1258 form")
    return out
