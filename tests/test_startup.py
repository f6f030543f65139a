"""Start-up: each command imports what it uses and nothing more.

Every run of dirtrack is a new process (cron, a script, a person at a prompt), so what it imports
is what it costs. The heavy libraries (openpyxl, python-docx, matplotlib, rapidfuzz, psycopg)
are loaded only by the commands and formats that use them, and a command that only reads never
loads the change-log writer or the migrations. Checked on the modules a real run leaves loaded,
not on timings (the machine's load would make those flaky; `make bench` measures them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import Cli
from tests.pg import Cluster

# Runs the installed entry point's main() and writes the names of the loaded modules to a file.
WRAPPER = """
import atexit, json, sys
target = sys.argv[1]
atexit.register(lambda: open(target, "w").write(json.dumps(sorted(sys.modules))))
sys.argv = ["dirtrack", *sys.argv[2:]]
from dirtrack.cli import main
main()
"""

HEAVY = ("openpyxl", "docx", "matplotlib", "rapidfuzz", "psycopg", "numpy", "PIL")
# The change-log writer, the migrations, the sheet importer.
WRITERS_ONLY = ("dirtrack.audit", "alembic", "dirtrack.transfer.sheet_import")
# What only the report loads: its sections and the counts they aggregate (list and overdue
# read who held each directive from dirtrack.holders); and what no command that reads uses:
# the score rules (a verdict is checked against dirtrack.kinds), the OS user (the change log's
# actor).
REPORT_ONLY = ("dirtrack.report", "dirtrack.store.counts", "dirtrack.repeats")
NOT_READING = ("dirtrack.scoring", "getpass")


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("startup") / "office.db"
    cli = Cli(db=str(db), runner=CliRunner())  # made in-process: the runs below are the subject
    for args in (
        ("unit", "add", "VPTU", "Văn phòng Tỉnh ủy"),
        ("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy"),
        ("add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "VPTU"),
        ("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Báo cáo sơ kết"),
        ("assign", "1", "--unit", "BTC", "--due", "31/12/2030", "Trình đề án"),
        ("add-limitation", "1", "--unit", "BTC", "Thiếu cán bộ"),
    ):
        cli.ok(*args)
    return db


def wrapped(wrapper: str, target: Path, db: Path, *args: str) -> Any:
    """What a run of ``dirtrack --db DB ARGS…`` under ``wrapper`` (a script given ``target``
    and the command line) wrote in ``target``, as JSON; the run exits 0 or 3."""
    done = subprocess.run(
        [sys.executable, "-c", wrapper, str(target), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr
    return json.loads(target.read_text(encoding="utf-8"))


def loaded(db: Path, tmp_path: Path, *args: str) -> set[str]:
    """The modules a run of ``dirtrack --db DB ARGS…`` has loaded when it exits."""
    return set(wrapped(WRAPPER, tmp_path / "modules.json", db, *args))


def packages(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


READS = {
    "overdue": ["overdue"],
    "overdue --check": ["overdue", "--check", "--format", "json"],
    "report json": ["report", "--quarter", "2022Q2", "--format", "json"],
    "report table": ["report", "--quarter", "2022Q2"],
    "report csv": ["report", "--quarter", "2022Q2", "--format", "csv"],
    "list": ["list"],
    "list json": ["list", "--format", "json"],
    "show": ["show", "1"],
    "meetings": ["meetings"],
    "limitations": ["limitations"],
    "unit list": ["unit", "list"],
    "remind": ["remind"],
    "history": ["history", "1"],
    "export json": ["export"],
}
# A process each: make test checks one command of each module that reads (the report, the
# directives' listings, the reminders, the change log, the export) and cron's overdue check;
# make test-all every one.
QUICK = {"overdue --check", "report table", "list json", "remind", "history", "export json"}
ANOTHER_READ = pytest.mark.slow("a process per command; one of each reader is in the quick set")


@pytest.mark.parametrize(
    "args",
    [pytest.param(a, id=n, marks=() if n in QUICK else ANOTHER_READ) for n, a in READS.items()],
)
def test_a_command_that_reads_loads_no_heavy_library_and_no_writer(
    register: Path, tmp_path: Path, args: list[str]
) -> None:
    modules = loaded(register, tmp_path, *args)
    assert packages(modules, HEAVY) == []
    assert packages(modules, WRITERS_ONLY) == []
    assert packages(modules, NOT_READING) == []
    if args[0] != "report":
        assert packages(modules, REPORT_ONLY) == []


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["overdue", "--help"]])
def test_help_and_version_open_no_database(register: Path, tmp_path: Path, args: list[str]) -> None:
    modules = loaded(register, tmp_path, *args)
    assert packages(modules, (*HEAVY, "sqlalchemy", "sqlmodel", "dirtrack.store")) == []


def test_a_write_loads_only_what_it_uses(register: Path, tmp_path: Path) -> None:
    modules = loaded(register, tmp_path, "assign", "1", "--unit", "VPTU", "Rà soát quy chế")
    assert packages(modules, HEAVY) == []


def test_the_formats_that_need_a_library_load_it(register: Path, tmp_path: Path) -> None:
    """The check above would see a heavy library if a command loaded one."""
    out = tmp_path / "bao-cao.xlsx"
    modules = loaded(
        register, tmp_path, "report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(out)
    )
    assert "openpyxl" in packages(modules, HEAVY)  # with its own optional PIL and numpy
    assert packages(modules, ("docx", "matplotlib", "rapidfuzz", "psycopg")) == []
    word = tmp_path / "bao-cao.docx"
    modules = loaded(
        register, tmp_path, "report", "--quarter", "2022Q2", "--format", "docx", "--out", str(word)
    )
    assert "docx" in packages(modules, HEAVY)


def test_a_command_loads_its_own_command_module_only(register: Path, tmp_path: Path) -> None:
    modules = loaded(register, tmp_path, "overdue")
    commands = {m for m in modules if m.startswith("dirtrack.cli.")}
    assert commands == {f"dirtrack.cli.{m}" for m in ("app", "common", "root", "reports")}


# Runs the installed entry point's main() and writes the statements it sent to a file.
STATEMENTS = """
import atexit, json, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
sent = []
event.listen(Engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
target = sys.argv[1]
atexit.register(lambda: open(target, "w").write(json.dumps(sent)))
sys.argv = ["dirtrack", *sys.argv[2:]]
from dirtrack.cli import main
main()
"""


@pytest.mark.parametrize(
    "args",
    [["report", "--quarter", "2022Q2"], ["overdue"], ["list", "--format", "json"], ["remind"]],
)
def test_a_command_that_reads_opens_the_register_once(
    register: Path, tmp_path: Path, args: list[str]
) -> None:
    """It reads twice (the look for missing occurrences of periodic directives, then its own
    read), and opens and checks the register once: the schema's revision, the days stored as
    dirtrack stores them and the rows pointing to records that are there are read once, in
    three statements on a sound register (one for the days, the first and last ids of the
    tables pointed to, the links into what lies outside them)."""
    from dirtrack.models import ALL_DAY_COLUMNS, KEPT_LINKS

    sent = wrapped(STATEMENTS, tmp_path / "statements.json", register, *args)
    assert sum("alembic_version" in s for s in sent) == 1
    days = [s for s in sent if "_unreadable_days" in s]
    assert len(days) == 1 and all(
        f"ix_{table}_unreadable_days" in days[0] for table in ALL_DAY_COLUMNS
    )
    links = [s for s in sent if "BETWEEN g.column1 AND g.column2" in s]
    assert len(links) == 1
    assert links[0].count("CROSS JOIN") == sum(len(children) for children in KEPT_LINKS.values())
    assert any("series" in s and "next_start" in s for s in sent)  # the look for occurrences
    assert any(s.lstrip().startswith(("SELECT", "WITH")) and "directive" in s for s in sent)


def test_a_configuration_table_loads_its_command(register: Path, tmp_path: Path) -> None:
    """The file is checked against every command it has a table for, as with all loaded."""
    config = tmp_path / "config.toml"
    config.write_text("[remind]\nwithin = 14\n\n[risk]\nsoon-days = 7\n", encoding="utf-8")
    target = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(target), "--db", str(register), "overdue"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DIRTRACK_CONFIG": str(config)},
    )
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(target.read_text(encoding="utf-8")))
    assert {"dirtrack.cli.reports", "dirtrack.cli.ops"} <= modules
    assert "dirtrack.cli.directives" not in modules
    config.write_text("[remind]\nwithin = 'x'\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "dirtrack", "--db", str(register), "overdue"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DIRTRACK_CONFIG": str(config)},
    )
    assert done.returncode == 1 and "remind.within" in done.stderr, done.stderr


def test_the_command_modules_are_where_the_root_looks_for_them() -> None:
    """Each top-level command and group is registered by the module the root imports for it,
    and the root options that take a value are those the arguments are read with."""
    import typer.main

    from dirtrack.cli import app
    from dirtrack.cli.app import ROOT_VALUE_OPTIONS
    from dirtrack.cli.root import COMMAND_MODULE, COMMAND_MODULES

    found: dict[str, set[str]] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        found.setdefault(info.name or info.callback.__name__, set()).add(info.callback.__module__)
    for group in app.registered_groups:
        sub = group.typer_instance
        assert group.name is not None and sub is not None
        found.setdefault(group.name, set()).update(
            i.callback.__module__ for i in sub.registered_commands if i.callback is not None
        )
    assert {name: sorted(mods) for name, mods in found.items()} == {
        name: [f"dirtrack.cli.{module}"] for name, module in COMMAND_MODULE.items()
    }
    assert set(COMMAND_MODULE.values()) == set(COMMAND_MODULES)
    root = typer.main.get_command(app)
    with_value = {
        opt
        for param in root.params
        if not getattr(param, "is_flag", False) and param.param_type_name == "option"
        for opt in param.opts
    }
    assert with_value == ROOT_VALUE_OPTIONS


def test_a_listing_builds_only_the_tables_it_reads(register: Path, tmp_path: Path) -> None:
    modules = loaded(register, tmp_path, "overdue")
    assert "dirtrack.models" in modules
    assert sorted(m for m in modules if m.startswith("dirtrack.models.")) == []


def test_a_report_builds_no_class_of_a_table_that_holds_no_row(
    register: Path, tmp_path: Path
) -> None:
    # No pack, urging letter or closure a reopening ended is recorded: the report's sections of
    # them are asked by the tables' names and their classes are never built.
    modules = loaded(register, tmp_path, "report", "--quarter", "2022Q2")
    assert sorted(m for m in modules if m.startswith("dirtrack.models.")) == []


def test_a_write_builds_only_the_tables_it_writes(register: Path, tmp_path: Path) -> None:
    # The change log's baseline (the highest id of each table) reads the tables built so far.
    modules = loaded(register, tmp_path, "assign", "1", "--unit", "BTC", "Rà soát biên chế")
    assert sorted(m for m in modules if m.startswith("dirtrack.models.")) == []


def test_the_tables_built_later_are_where_the_models_say() -> None:
    from dirtrack import models
    from dirtrack.store import tables

    every = models.metadata()
    for name, (module, table) in models.LATER.items():
        model = getattr(models, name)
        assert model.__module__ == f"dirtrack.models.{module}"
        assert model.__table__ is every.tables[table] is getattr(tables, table)
    assert len(every.tables) == 26


def test_nothing_outside_the_commands_imports_them() -> None:
    """The core (configuration, store, report, render) never calls back into ``dirtrack.cli``:
    a check the configuration file's values share with an option lives with its concept, and
    both call it there. Only the entry point (``python -m dirtrack``) starts the commands."""
    import ast

    import dirtrack

    package = Path(dirtrack.__file__).parent
    reaching: list[str] = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] == "cli" or relative == Path("__main__.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            reaching += [
                f"{relative}: {n}"
                for n in names
                if n == "dirtrack.cli" or n.startswith("dirtrack.cli.")
            ]
    assert reaching == []


# Runs main() with re.compile watched: the patterns compiled by a module's own body (at import).
COMPILED_AT_IMPORT = """
import json, re, sys
target = sys.argv[1]
compile = re.compile
found = []
def watched(*args, **kwargs):
    caller = sys._getframe(1)
    if caller.f_code.co_name == "<module>" and caller.f_globals["__name__"].startswith("dirtrack"):
        found.append(f"{caller.f_globals['__name__']}:{caller.f_lineno}")
    return compile(*args, **kwargs)
re.compile = watched
sys.argv = ["dirtrack", *sys.argv[2:]]
from dirtrack.cli import main
try:
    main()
finally:
    open(target, "w").write(json.dumps(found))
"""


@pytest.mark.parametrize(
    "args", [["report", "--quarter", "2022Q2"], ["overdue"], ["list", "--format", "json"]]
)
def test_a_command_that_reads_compiles_no_pattern_at_import(
    register: Path, tmp_path: Path, args: list[str]
) -> None:
    """dirtrack's modules declare their regular expressions as ``LazyPattern``s, compiled when
    first used: a read command loads the modules of most of them and uses a few."""
    target = tmp_path / "compiled.json"
    done = subprocess.run(
        [sys.executable, "-c", COMPILED_AT_IMPORT, str(target), "--db", str(register), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == []


def test_a_lazy_pattern_finds_what_its_compiled_pattern_finds() -> None:
    import re

    from dirtrack.patterns import LazyPattern

    source = r"(\d{1,2})/(\d{1,2})/(\d{4})"
    texts = ["", "30/6/2022", "hạn 30/6/2022 và 1/7/2022", "6/2022", "31/12/2030."]

    def spans(found: re.Match[str] | None) -> tuple[int, int] | None:
        return None if found is None else found.span()

    for text in texts:
        lazy, compiled = LazyPattern(source), re.compile(source)
        assert spans(lazy.search(text)) == spans(compiled.search(text))
        assert spans(lazy.match(text)) == spans(compiled.match(text))
        assert spans(lazy.fullmatch(text)) == spans(compiled.fullmatch(text))
        assert lazy.findall(text) == compiled.findall(text)
        assert [m.span() for m in lazy.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert lazy.sub(r"\3-\2-\1", text) == compiled.sub(r"\3-\2-\1", text)
        # once used, its methods are the compiled pattern's own
        assert lazy.search.__self__ == compiled  # type: ignore[attr-defined]
    raw = LazyPattern(rb"[\xc2-\xdf][\x80-\xbf]")
    utf8 = "Việt Nam".encode()
    assert raw.findall(utf8) == re.compile(rb"[\xc2-\xdf][\x80-\xbf]").findall(utf8)


# What the counts below are of: a register's first unit, meeting and directive, its report and
# its list.
COMPILED_COMMANDS = [
    ["unit", "add", "SXD", "Sở Xây dựng"],
    ["add-meeting", "--date", "2022-05-01", "--chair", "Ông A", "--title", "Giao ban"],
    ["assign", "1", "Lập kế hoạch", "--unit", "SXD", "--due", "2022-06-30"],
    ["report", "--quarter", "2022Q2", "--format", "json"],
    ["list", "--format", "json"],
]


def compilations(targets: list[str]) -> list[int]:
    """How many statements SQLAlchemy compiles for :data:`COMPILED_COMMANDS` on each of
    ``targets`` in turn, in process, after a first command on each (which makes a SQLite file's
    schema; DDL is never cached)."""
    from sqlalchemy.sql import compiler

    from tests.conftest import cli_at

    made: list[str] = []
    original = compiler.SQLCompiler.__init__

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        made.append(type(self).__name__)
        original(self, *args, **kwargs)

    counts = []
    for target in targets:
        cli = cli_at(target)
        cli.ok("unit", "add", "VP", "Văn phòng")
        made.clear()
        compiler.SQLCompiler.__init__ = counting  # type: ignore[method-assign]
        try:
            outputs = [cli.ok(*args) for args in COMPILED_COMMANDS]
        finally:
            compiler.SQLCompiler.__init__ = original  # type: ignore[method-assign]
        counts.append(len(made))
        assert json.loads(outputs[-1])[0]["unit"] == "SXD"
    return counts


def test_a_second_register_compiles_no_statement_again(tmp_path: Path) -> None:
    """A process that runs commands on one SQLite register after another (a program calling
    main in a loop; this suite) compiles each statement once: the SQLite engines share their
    compiled statements (dirtrack.sqlite_dialect). Counted by the compilations SQLAlchemy
    makes for the same commands on a first and a second register."""
    from dirtrack.sqlite_dialect import COMPILED

    COMPILED.clear()  # as in a process that opens its first register (not this suite's)
    counts = compilations([str(tmp_path / "first.db"), str(tmp_path / "second.db")])
    assert counts[0] > 20
    assert counts[1] <= counts[0] // 4, counts


def test_a_second_postgresql_database_compiles_no_statement_again(pg_cluster: Cluster) -> None:
    """The same on PostgreSQL, where the engines share their compiled statements only when their
    servers compile alike (dirtrack.postgresql_dialect): a database whose sessions write a
    literal's backslashes otherwise (``standard_conforming_strings`` off), or that has
    ``hstore`` (which the driver then adapts), compiles its own, and a statement whose SQL
    depends on it reads back what it was given on each."""
    from sqlalchemy import bindparam, create_engine, select, text
    from sqlalchemy.engine import make_url

    from dirtrack.db import make_engine, resolve_target
    from dirtrack.postgresql_dialect import COMPILED

    plain, second, escapes, hstore = (
        pg_cluster.create_database(prefix, blank=False)
        for prefix in ("plain", "second", "escapes", "hstore")
    )
    name = make_url(escapes).database
    pg_cluster.admin().execute(f'ALTER DATABASE "{name}" SET standard_conforming_strings = off')
    made = create_engine(hstore)
    with made.begin() as conn:
        conn.execute(text("CREATE EXTENSION hstore"))
    made.dispose()

    COMPILED.clear()  # as in a process that opens its first database (not this suite's)
    counts = compilations([plain, escapes, hstore, second])
    assert counts[0] > 20
    # each compiled everything again (the first may have found a few statements compiled
    # already: the ORM keeps its own per mapper, for a dialect equal to the first's)
    assert min(counts[1], counts[2]) >= counts[0], counts
    assert counts[3] <= counts[0] // 4, counts

    dialects = {url: make_engine(resolve_target(url)).dialect for url in (plain, second, escapes)}
    dialects[hstore] = make_engine(resolve_target(hstore)).dialect
    assert dialects[plain] == dialects[second]
    assert dialects[escapes] != dialects[plain] and dialects[hstore] != dialects[plain]
    assert dialects[escapes] != dialects[hstore]
    # A value written into the SQL as a literal: 'C:\\new' where backslashes escape, 'C:\new'
    # where they do not. The statement compiled on one database and sent to the other would
    # read back "C:", a line break and "ew".
    typed = "C:\\new"
    statement = select(bindparam("path", typed, literal_execute=True))
    for url in (plain, escapes, second, escapes):
        with make_engine(resolve_target(url)).connect() as conn:
            assert conn.execute(statement).scalar_one() == typed, url
