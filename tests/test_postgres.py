"""PostgreSQL: what only a shared server can show .

Every other database test already runs on both backends (the ``db`` fixture); these are the
checks of a database that many clerks' machines open at once: migrations by one client at a
time, eight clients writing at once, passwords kept out of every message and log, sequences
after an import, and text ordered the same way as on SQLite whatever the server's locale.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from dirtrack.cli import app
from dirtrack.db import PG_WRITE_LOCK, SCHEMA_REVISION, resolve_target
from tests import forkserver
from tests.conftest import ENTRY_POINT, Cli, run, snapshot
from tests.pg import PASSWORD, PASSWORD_ROLE, Cluster

CLIENTS = 8


@pytest.fixture
def pg(pg_cluster: Cluster) -> str:
    """A new, empty database on the test cluster."""
    return pg_cluster.create_database("pg")


def on(db: str) -> Cli:
    """dirtrack in-process on ``db``: for what is not about many processes at once."""
    return Cli(db=db, runner=CliRunner())


def rows(db: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(resolve_target(db).url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def at_once(commands: list[list[str]], db: str) -> list[Any]:
    """Run each command as its own process, all started together."""
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        return list(pool.map(lambda args: run(*args, db=db), commands))


# A clerk's machine running several commands in turn: one process, loaded once, that waits for
# a line on stdin (every client loaded) before its first command, and prints what each gave.
CLIENT = """
import functools, json, sys
import psycopg, sqlalchemy, typer.main, typer.testing
from dirtrack.cli import app
typer.testing._get_command = functools.cache(typer.main.get_command)  # built once
db, script = sys.argv[1], json.loads(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
done = []
for args in script:
    r = typer.testing.CliRunner().invoke(app, ["--db", db, *args])
    done.append({"args": args, "code": r.exit_code, "stdout": r.stdout, "stderr": r.stderr})
print(json.dumps(done), flush=True)
"""


def clients_at_once(scripts: list[list[list[str]]], db: str) -> list[list[dict[str, Any]]]:
    """Each script run by its own client process, every client starting at the same moment."""
    with contextlib.ExitStack() as stack:
        clients = [
            stack.enter_context(
                subprocess.Popen(
                    [sys.executable, "-c", CLIENT, db, json.dumps(script)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
            for script in scripts
        ]
        # (Run first on the way out: a client still running is killed before it is waited for.)
        stack.callback(lambda: [c.kill() for c in clients if c.poll() is None])
        for client in clients:
            assert client.stdout is not None and client.stdin is not None
            if client.stdout.readline() != "ready\n":
                raise AssertionError(client.communicate(timeout=60)[1])
        for client in clients:
            client.stdin.write("go\n")  # type: ignore[union-attr]
            client.stdin.flush()  # type: ignore[union-attr]
        results = []
        for client in clients:
            out, err = client.communicate(timeout=300)
            assert client.returncode == 0, err
            results.append(json.loads(out))
        return results


def test_a_new_database_gets_the_schema_on_first_use(pg: str) -> None:
    assert snapshot(pg) == {}
    assert on(pg).json("unit", "list") == []
    assert rows(pg, "SELECT version_num FROM alembic_version") == [(SCHEMA_REVISION,)]


@pytest.mark.slow(
    "eight processes; test_concurrency's first uses at once migrate a blank PostgreSQL database "
    "from four processes in quick runs"
)
def test_eight_clients_starting_together_migrate_once(pg: str) -> None:
    results = at_once([["unit", "list"]] * CLIENTS, pg)
    assert [r.returncode for r in results] == [0] * CLIENTS, [r.stderr for r in results]
    assert rows(pg, "SELECT version_num FROM alembic_version") == [(SCHEMA_REVISION,)]


@pytest.mark.slow(
    "eight client processes; test_concurrency's writers at once run on PostgreSQL in quick runs"
)
def test_eight_clients_writing_at_once_lose_and_duplicate_nothing(pg: str) -> None:
    cli = on(pg)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    mid = str(cli.id("add-meeting", "--date", "2022-05-06", "--title", "Giao ban"))
    per_client = 4
    commands = []
    for client in range(CLIENTS):
        script = []
        for n in range(per_client):
            script.append(["assign", mid, "--unit", "VPTU", f"Nhiệm vụ {client}-{n}"])
        # Every client re-runs the same keyed script line: it must be recorded once.
        script.append(["assign", mid, "--unit", "BTC", "--key", "kl-1", "Nhiệm vụ chung"])
        commands.append(script)

    results = [r for batch in clients_at_once(commands, pg) for r in batch]
    assert all(r["code"] == 0 for r in results), [r["stderr"] for r in results if r["code"]]
    texts = Counter(t for (t,) in rows(pg, "SELECT text FROM directive"))
    assert texts == Counter(
        [f"Nhiệm vụ {c}-{n}" for c in range(CLIENTS) for n in range(per_client)]
        + ["Nhiệm vụ chung"]
    )
    shared = {r["stdout"].strip() for r in results if "--key" in r["args"]}
    assert len(shared) == 1  # every client was told the one id of the keyed directive
    ids = [i for (i,) in rows(pg, "SELECT id FROM directive ORDER BY id")]
    assert ids == list(range(1, CLIENTS * per_client + 2))  # no id lost or taken twice


@pytest.mark.slow("eleven processes; the unit test below shows the same lock in quick runs")
def test_eight_clients_completing_one_directive_one_wins(pg: str) -> None:
    cli = on(pg)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    mid = str(cli.id("add-meeting", "--date", "2022-05-06", "--title", "Giao ban"))
    did = str(cli.id("assign", mid, "--unit", "VPTU", "Đề án"))
    results = at_once(
        [["done", did, "--date", f"2022-06-{10 + n:02d}"] for n in range(CLIENTS)], pg
    )
    assert sorted(r.returncode for r in results) == [0] + [1] * (CLIENTS - 1)
    for r in results:
        if r.returncode:
            assert r.stderr.startswith(f"Error: cannot complete directive {did}: it was completed")
    winner = next(r for r in results if r.returncode == 0)
    day = next(a for a in winner.args if a.startswith("2022-06-"))
    assert rows(pg, f"SELECT completed_on FROM directive WHERE id = {did}") == [
        (date.fromisoformat(day),)
    ]


@pytest.mark.slow(
    "eight processes; test_concurrency's first uses at once show one winner on PostgreSQL "
    "in quick runs"
)
def test_eight_clients_adding_the_same_unit_one_wins(pg: str) -> None:
    results = at_once([["unit", "add", "SNV", f"Sở Nội vụ {n}"] for n in range(CLIENTS)], pg)
    assert sorted(r.returncode for r in results) == [0] + [1] * (CLIENTS - 1)
    assert all(r.stderr.startswith("Error: ") for r in results if r.returncode)
    assert rows(pg, "SELECT count(*) FROM unit") == [(1,)]


def test_passwords_never_appear_in_messages_or_the_server_log(pg_cluster: Cluster) -> None:
    name = pg_cluster.create_database("pw", logged=True)
    log_start = len(pg_cluster.server_log())  # before: the fixture's own CREATE ROLE … PASSWORD
    database = name.split("@/", 1)[1].split("?", 1)[0]
    good = pg_cluster.url(database, user=PASSWORD_ROLE, password=PASSWORD)
    wrong = pg_cluster.url(database, user=PASSWORD_ROLE, password="Wr0ng-" + PASSWORD)
    missing = pg_cluster.url("no_such_db", user=PASSWORD_ROLE, password=PASSWORD)
    on(good).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    # A wrong password: what the whole process writes (the driver's own output included).
    result = run("unit", "list", db=wrong)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot open "), result.stderr
    assert PASSWORD not in result.stderr + result.stdout
    assert "***" in result.stderr
    message = on(missing).fail("unit", "list")
    assert message.startswith("Error: cannot open ") and "***" in message
    assert PASSWORD not in message
    # The same through the environment variable, and for an error inside a command.
    env_run = CliRunner().invoke(
        app, ["assign", "99", "--unit", "VPTU", "x"], env={"DIRTRACK_DB": good}
    )
    assert env_run.exit_code == 1 and env_run.stderr.startswith("Error: ")
    assert PASSWORD not in env_run.stderr + env_run.stdout
    logged = pg_cluster.server_log()[log_start:]
    assert "INSERT INTO unit" in logged  # the commands' statements were logged
    assert PASSWORD not in logged


def test_a_password_file_open_to_others_is_no_second_line(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    """libpq refuses a ~/.pgpass (PGPASSFILE, ?passfile=) that others may read with an English
    "WARNING: password file … has group or world access" of its own on stderr: a second line
    beside the Error: line, and a stray line on every command that needed no password."""
    database = pg_cluster.create_database("pgpass", blank=False).split("@/", 1)[1].split("?")[0]
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{PASSWORD_ROLE}:{PASSWORD}\n")
    needs_password = pg_cluster.url(database, user=PASSWORD_ROLE)
    trusted = pg_cluster.url(database)
    passfile.chmod(0o644)
    env = {"PGPASSFILE": str(passfile), "PGPASSWORD": ""}
    # a role the server trusts: the command is done, and nothing reaches stderr
    result = run("unit", "list", db=trusted, env=env)
    assert (result.returncode, result.stderr) == (0, "")
    # a role that must give the password: one line, in the run's language, naming the file
    for lang, words in (
        ("en", f"the password file {passfile} was not read: other users may read it"),
        ("vi", f"tệp mật khẩu {passfile} không được đọc vì người dùng khác cũng đọc được"),
    ):
        result = run("--lang", lang, "unit", "list", db=needs_password, env=env)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        assert words in lines[0] and f"chmod 600 {passfile}" in lines[0]
        assert PASSWORD not in result.stderr
    # once it is the user's alone, libpq reads it
    passfile.chmod(0o600)
    result = run("unit", "list", db=needs_password, env=env)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_server_that_refuses_writes_is_one_line_in_the_runs_language(
    pg_cluster: Cluster,
) -> None:
    url = pg_cluster.create_database("ro", blank=False)
    on(url).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    database = url.split("@/", 1)[1].split("?", 1)[0]
    admin = pg_cluster.admin()
    for role in ("dt_reader", "dt_standby"):
        with contextlib.suppress(Exception):  # made by an earlier test on this cluster
            admin.execute(f"CREATE ROLE {role} LOGIN")
    admin.execute("ALTER ROLE dt_standby SET default_transaction_read_only = on")
    with psycopg_on(pg_cluster, database) as conn:
        conn.execute("GRANT USAGE ON SCHEMA public TO dt_reader, dt_standby")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO dt_reader")
        conn.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO dt_standby")
        conn.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO dt_standby")
    before = snapshot(url)
    reader = pg_cluster.url(database, user="dt_reader")
    standby = pg_cluster.url(database, user="dt_standby")
    assert [u["code"] for u in on(reader).json("unit", "list")] == ["VPTU"]
    expected = {
        (reader, "en"): "Error: the database server refuses this account access to unit "
        "(permission denied): nothing was written",
        (reader, "vi"): "Error: máy chủ cơ sở dữ liệu không cho tài khoản này truy cập unit "
        "(không có quyền): không ghi được gì",
        (standby, "en"): "Error: the database server takes no changes (a read-only server or "
        "account): nothing was written",
        (standby, "vi"): "Error: máy chủ cơ sở dữ liệu không nhận thay đổi (máy chủ hoặc tài "
        "khoản chỉ đọc): không ghi được gì",
    }
    for (target, lang), message in expected.items():
        assert on(target).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức") == message
    assert snapshot(url) == before

    # doctor warns of it, as of a read-only SQLite file (it said "no problems found")
    def rights(target: str, lang: str) -> tuple[str, str]:
        result = on(target)("--lang", lang, "doctor", "--format", "json")
        assert result.exit_code == 0, result.stderr
        (check,) = [c for c in json.loads(result.stdout) if c["check"] == "permissions"]
        return check["status"], check["detail"]

    assert rights(url, "en") == (
        "ok",
        "this account may read and write every table of the register",
    )
    status, detail = rights(reader, "en")
    assert status == "warning" and detail.startswith("this account may not write to these tables")
    # the first three and how many more (i18n.FirstFew), the tables in their order
    assert re.search(r"refused; calendar_day, change_log, change_log_id_seq and \d+ more$", detail)
    status, detail = rights(reader, "vi")
    assert status == "warning" and detail.startswith("tài khoản này không có quyền ghi"), detail
    assert rights(standby, "en") == (
        "warning",
        "the server or this account takes no changes (a standby, or "
        "default_transaction_read_only): the commands that only read work, those that record "
        "something are refused",
    )
    assert rights(standby, "vi")[1].startswith("máy chủ hoặc tài khoản này không nhận thay đổi")
    assert snapshot(url) == before


def test_a_role_that_may_not_use_the_registers_schema_is_refused_not_given_a_new_one(
    pg_cluster: Cluster,
) -> None:
    """A role without USAGE on the schema that holds the register (``REVOKE ALL ON SCHEMA
    public FROM PUBLIC``, an administrator's hardening): the server leaves that schema out of
    the search_path without a word. With a schema of its own (``"$user"``, first in the default
    search_path) the first command made a new, empty register there, which every command of
    that role then read and wrote (``list`` said nothing was recorded, exit 0); without one it
    was told to CREATE SCHEMA public, which is there. Now one line naming the schema refused,
    nothing made, and doctor says the same instead of a schema "not made by dirtrack"."""
    url = pg_cluster.create_database("no_usage", blank=False)
    on(url).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    database = url.split("@/", 1)[1].split("?", 1)[0]
    with contextlib.suppress(Exception):  # made by an earlier test on this cluster
        pg_cluster.admin().execute("CREATE ROLE dt_no_usage LOGIN")
    with psycopg_on(pg_cluster, database) as conn:
        conn.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    clerk = on(pg_cluster.url(database, user="dt_no_usage"))
    before = snapshot(url)
    expected = (
        ("en", ": the server refuses this account access to public (permission denied)"),
        ("vi", ": máy chủ không cho tài khoản này truy cập public (không có quyền)"),
    )
    for own_schema in (False, True):
        if own_schema:
            with psycopg_on(pg_cluster, database) as conn:
                conn.execute("CREATE SCHEMA dt_no_usage AUTHORIZATION dt_no_usage")
        for lang, words in expected:
            for args in (("unit", "list"), ("unit", "add", "BTC", "Ban Tổ chức")):
                error = clerk.fail("--lang", lang, *args)
                assert error.startswith("Error: cannot open" if lang == "en" else "Error: không")
                assert error.endswith(words), error
            result = clerk("--lang", lang, "doctor", "--format", "json")
            assert result.exit_code == 1, result.stderr
            assert [(c["check"], c["status"], c["detail"]) for c in json.loads(result.stdout)] == [
                ("open", "problem", words[2:])
            ]
        assert rows(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'dt_no_usage'") == [
            (0,)
        ]
    assert snapshot(url) == before
    # given the use of it, the role reads the register itself
    with psycopg_on(pg_cluster, database) as conn:
        conn.execute("GRANT USAGE ON SCHEMA public TO dt_no_usage")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO dt_no_usage")
    assert [u["code"] for u in clerk.json("unit", "list")] == ["VPTU"]
    assert clerk("doctor").exit_code == 0


def test_a_server_that_cancels_or_turns_away_is_one_line_in_the_runs_language(
    pg_cluster: Cluster,
) -> None:
    """The server's own limits: a statement_timeout that ends a command (here its wait for the
    write lock another session holds), a connection limit reached, a blank database whose public
    schema the role may not create in (PostgreSQL 15's default for a role that does not own
    it). One line in the run's language, nothing written; each was the driver's English (the
    first an 'unexpected OperationalError', the second said no server was running)."""
    url = pg_cluster.create_database("limits", blank=False)
    on(url).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    database = url.split("@/", 1)[1].split("?", 1)[0]
    admin = pg_cluster.admin()
    admin.execute(f"ALTER DATABASE \"{database}\" SET statement_timeout = '200ms'")
    with contextlib.suppress(Exception):  # made by an earlier test on this cluster
        admin.execute("CREATE ROLE dt_no_room LOGIN CONNECTION LIMIT 0")
    before = snapshot(url)
    crowded = pg_cluster.url(database, user="dt_no_room")
    expected = {
        "en": (
            "Error: the database server cancelled the command (its statement_timeout, or an "
            "administrator): nothing was written",
            ": the server takes no more connections (its limit is reached); try later",
        ),
        "vi": (
            "Error: máy chủ cơ sở dữ liệu đã hủy lệnh (do giới hạn statement_timeout của máy "
            "chủ, hoặc do người quản trị): không ghi được gì",
            ": máy chủ không nhận thêm kết nối (đã đến giới hạn); hãy thử lại sau",
        ),
    }
    with psycopg_on(pg_cluster, database) as holder:
        holder.execute("BEGIN")
        holder.execute(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
        for lang, (cancelled, turned_away) in expected.items():
            assert on(url).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức") == cancelled
            assert on(crowded).fail("--lang", lang, "unit", "list").endswith(turned_away)
    assert snapshot(url) == before
    blank = pg_cluster.create_database("not_owned").split("@/", 1)[1].split("?", 1)[0]
    with contextlib.suppress(Exception):
        admin.execute("CREATE ROLE dt_not_owner LOGIN")
    not_owner = on(pg_cluster.url(blank, user="dt_not_owner"))
    for lang, words in (
        ("en", ": the server refuses this account access to public (permission denied)"),
        ("vi", ": máy chủ không cho tài khoản này truy cập public (không có quyền)"),
    ):
        assert not_owner.fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức").endswith(words)
    assert snapshot(pg_cluster.url(blank)) == {}
    # a blank database whose public schema was dropped, so its search_path names no schema
    # that exists: it was PostgreSQL's English ("no schema has been selected to create in")
    no_schema = pg_cluster.create_database("no_schema")
    with psycopg_on(pg_cluster, no_schema.split("@/", 1)[1].split("?", 1)[0]) as conn:
        conn.execute("DROP SCHEMA public")
    for lang, words in (
        ("en", ": the database has no schema to create dirtrack's tables in: none of its "),
        ("vi", ": cơ sở dữ liệu không có schema nào để tạo các bảng của dirtrack: không "),
    ):
        error = on(no_schema).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức")
        assert words in error and "CREATE SCHEMA public" in error, error
    assert rows(no_schema, "SELECT count(*) FROM pg_tables WHERE schemaname <> 'pg_catalog' "
                "AND schemaname <> 'information_schema'") == [(0,)]  # fmt: skip


def test_a_role_or_database_the_server_keeps_out_is_one_line_in_the_runs_language(
    pg_cluster: Cluster,
) -> None:
    """A role made without LOGIN, a database the role may not CONNECT to, a pg_hba.conf line
    that rejects the connection, a server not of the kind the URL's target_session_attrs asks
    for: each was libpq's English, with the socket's path, under --lang vi."""
    url = pg_cluster.create_database("kept_out", blank=False)
    database = url.split("@/", 1)[1].split("?", 1)[0]
    admin = pg_cluster.admin()
    for sql in ("CREATE ROLE dt_nologin", "CREATE ROLE dt_noconnect LOGIN"):
        with contextlib.suppress(Exception):  # made by an earlier test on this cluster
            admin.execute(sql)
    admin.execute(f'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC')
    rejected = pg_cluster.create_database("rejected", blank=False)
    rejected_name = rejected.split("@/", 1)[1].split("?", 1)[0]
    hba = pg_cluster.data_dir / "pg_hba.conf"
    hba.write_text(f"local {rejected_name} all reject\n" + hba.read_text())
    admin.execute("SELECT pg_reload_conf()")
    cases = {
        pg_cluster.url(database, user="dt_nologin"): (
            "the server does not let this role log in (it was made without LOGIN)",
            "máy chủ không cho vai trò này đăng nhập (vai trò được tạo không có quyền LOGIN)",
        ),
        pg_cluster.url(database, user="dt_noconnect"): (
            f"the server refuses this account access to {database} (permission denied)",
            f"máy chủ không cho tài khoản này truy cập {database} (không có quyền)",
        ),
        rejected: (
            "the server's pg_hba.conf does not let this user reach this database from this machine",
            "tệp pg_hba.conf của máy chủ không cho người dùng này kết nối tới cơ sở dữ liệu "
            "này từ máy này",
        ),
        # a URL asking for a standby of a primary: libpq's 'server is not in hot standby mode'
        url + "&target_session_attrs=standby": (
            "the server is not of the kind the URL's target_session_attrs asks for (a primary "
            "or a standby, read-write or read-only)",
            "máy chủ không thuộc loại mà target_session_attrs trong địa chỉ (URL) yêu cầu (máy "
            "chủ chính hay máy chủ dự phòng, đọc-ghi hay chỉ đọc)",
        ),
    }
    for target, (english, vietnamese) in cases.items():
        for lang, words in (("en", english), ("vi", vietnamese)):
            error = on(target).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức")
            assert error.endswith(": " + words), error
        # doctor's check of the opening says it in the same words (libpq's English before),
        # in the user's language in JSON too
        for lang, words in (("en", english), ("vi", vietnamese)):
            result = on(target)("--lang", lang, "doctor", "--format", "json")
            assert result.exit_code == 1, result.stderr
            assert json.loads(result.stdout) == [
                {"check": "open", "status": "problem", "detail": words}
            ]
    assert rows(url, "SELECT code FROM unit") == []


def test_a_database_not_in_utf8_is_refused_in_one_line(pg_cluster: Cluster) -> None:
    """A database made LATIN1 or WIN1258 refused every Vietnamese letter, and one made
    SQL_ASCII (a C-locale cluster's default) counted VARCHAR(n) in bytes: each an "unexpected
    error" (UntranslatableCharacter, StringDataRightTruncation), in English, on a write."""
    admin = pg_cluster.admin()
    for encoding in ("LATIN1", "WIN1258", "SQL_ASCII"):
        name = f"enc_{encoding.lower()}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING '{encoding}' "
            "LOCALE 'C' LOCALE_PROVIDER libc"
        )
        url = pg_cluster.url(name)
        for lang, words in (
            ("en", f"the database's encoding is {encoding}, not UTF8, so Vietnamese text is not"),
            ("vi", f"cơ sở dữ liệu dùng bảng mã {encoding}, không phải UTF8, nên không lưu đúng"),
        ):
            error = on(url).fail("--lang", lang, "unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
            assert error.startswith("Error: ") and words in error, error
            assert "createdb --encoding UTF8" in error
        # doctor names it as the problem ("unexpected error NotUtf8" before)
        result = on(url)("--lang", "en", "doctor", "--format", "json")
        assert result.exit_code == 1, result.stderr
        [check] = json.loads(result.stdout)
        assert check["check"] == "open" and check["status"] == "problem"
        assert f"encoding is {encoding}, not UTF8" in check["detail"]
        # refused before the schema is made: the database is as it was
        with psycopg_on(pg_cluster, name) as conn:
            tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            assert tables.fetchone() == (0,)
        pg_cluster.drop_database(url)


# dirtrack as a process of its own, whose session the server ends as the directives are sent
# in one batch (a pipeline): as when the server is stopped or an administrator ends the session.
LOST_CLIENT = """
import sys, time
import psycopg
from sqlalchemy import event
from sqlalchemy.engine import Engine
from dirtrack.cli import main

admin = psycopg.connect(sys.argv.pop(1), autocommit=True)

@event.listens_for(Engine, "before_cursor_execute")
def end_session(conn, cursor, statement, *rest):
    if statement.startswith("INSERT INTO directive "):
        pid = conn.connection.dbapi_connection.info.backend_pid
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        time.sleep(0.2)

sys.argv[0] = "dirtrack"
main()
"""


def test_a_connection_lost_during_a_write_is_one_line(pg_cluster: Cluster, tmp_path: Path) -> None:
    source = pg_cluster.create_database("lost", blank=False)
    cli = on(source)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = str(cli.id("add-meeting", "--date", "2022-05-06", "--title", "Giao ban"))
    for n in range(20):
        cli.ok("assign", meeting, "--unit", "VPTU", f"Việc {n}")
    export = tmp_path / "export.json"
    export.write_text(cli.ok("export", "--format", "json"), encoding="utf-8")
    admin = f"host={pg_cluster.socket_dir} port={pg_cluster.port} user=postgres dbname=postgres"
    for lang, words in (("en", "the connection to the database server was lost"),
                        ("vi", "mất kết nối tới máy chủ")):  # fmt: skip
        target = pg_cluster.create_database("lost")
        args = ["--db", target, "--lang", lang, "import", str(export)]
        result = subprocess.run(
            [sys.executable, "-c", LOST_CLIENT, admin, *args],
            capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        # psycopg's own warning ("error ignored terminating <psycopg.Pipeline [BAD]>") was a
        # second line; the driver's English was the Error line's
        assert result.returncode == 1, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: " + words), result.stderr
        assert on(target).json("list") == []


def test_a_session_ended_while_a_first_command_makes_the_schema_is_one_line(
    pg_cluster: Cluster,
) -> None:
    # The session ended by the server (an administrator's pg_terminate_backend, here an event
    # trigger's on the migration's first statement) while the first command made the schema:
    # the server's 'terminating connection due to administrator command' was the reason of the
    # Error line under --lang vi too.
    blank = pg_cluster.create_database("ended")
    with psycopg_on(pg_cluster, blank.split("@/", 1)[1].split("?", 1)[0]) as conn:
        conn.execute(
            "CREATE FUNCTION end_session() RETURNS event_trigger LANGUAGE plpgsql AS "
            "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); END $$"
        )
        conn.execute("CREATE EVENT TRIGGER end_session ON ddl_command_start "
                     "EXECUTE FUNCTION end_session()")  # fmt: skip
    for lang, words in (("en", ": the connection was closed by the other side"),
                        ("vi", ": kết nối bị phía bên kia đóng")):  # fmt: skip
        assert on(blank).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức").endswith(words)
    assert rows(blank, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


@pytest.mark.parametrize(
    "said",
    [
        "consuming input failed: terminating connection due to idle-in-transaction timeout",
        "FATAL:  terminating connection due to idle-session timeout",
    ],
)
def test_a_session_the_server_ended_for_idling_is_a_lost_connection(said: str) -> None:
    # A session the server ended after its idle_in_transaction_session_timeout (or
    # idle_session_timeout) gave the server's English as the Error line; it is a lost
    # connection, said in the user's language. Waiting out a real timeout would make the test
    # depend on timing: the words come from PostgreSQL's own message.
    import psycopg
    from sqlalchemy.exc import OperationalError

    from dirtrack.cli.app import _known_failure
    from dirtrack.i18n import error_text

    failure = OperationalError("COMMIT", {}, psycopg.OperationalError(said))
    assert _known_failure(failure) == ("db_connection_lost", {})
    for lang, words in (("en", "the connection to the database server was lost"),
                        ("vi", "mất kết nối tới máy chủ")):  # fmt: skip
        assert error_text("db_connection_lost", lang, {}).startswith(words)


def test_a_write_refused_by_what_another_program_added_is_one_line_in_the_runs_language(
    pg_cluster: Cluster,
) -> None:
    # A trigger's RAISE and a NOT NULL column that another program added to the register's
    # database: they were 'unexpected ProgrammingError: (psycopg.errors.RaiseException) …' and
    # PostgreSQL's English 'null value in column … violates not-null constraint' under --lang vi.
    raised = pg_cluster.create_database("raised", blank=False)
    extra = pg_cluster.create_database("extra", blank=False)
    with psycopg_on(pg_cluster, raised.split("@/", 1)[1].split("?", 1)[0]) as conn:
        conn.execute(
            "CREATE FUNCTION no_units() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'chỉ văn thư được thêm'; END $$"
        )
        conn.execute("CREATE TRIGGER no_units BEFORE INSERT ON unit "
                     "FOR EACH ROW EXECUTE FUNCTION no_units()")  # fmt: skip
    with psycopg_on(pg_cluster, extra.split("@/", 1)[1].split("?", 1)[0]) as conn:
        conn.execute("ALTER TABLE unit ADD COLUMN phone text NOT NULL")
    expected = {
        raised: {
            "en": "Error: the database server refused the change: chỉ văn thư được thêm (said by "
            "a trigger or rule of the database, which dirtrack does not make): nothing was written",
            "vi": "Error: máy chủ cơ sở dữ liệu từ chối thay đổi: chỉ văn thư được thêm (do một "
            "trigger hoặc rule của cơ sở dữ liệu, không do dirtrack tạo): không ghi được gì",
        },
        extra: {
            "en": "Error: the database server refused the change: it breaks unit.phone NOT NULL, "
            "which dirtrack does not make (another program's or an administrator's): nothing was "
            "written",
            "vi": "Error: máy chủ cơ sở dữ liệu từ chối thay đổi: thay đổi vi phạm unit.phone NOT "
            "NULL, ràng buộc không do dirtrack tạo (của chương trình khác hoặc của người quản "
            "trị): không ghi được gì",
        },
    }
    for url, said in expected.items():
        for lang, words in said.items():
            assert on(url).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức") == words
        assert rows(url, "SELECT count(*) FROM unit") == [(0,)]


@contextlib.contextmanager
def psycopg_on(cluster: Cluster, database: str) -> Any:
    """An autocommit superuser connection to ``database``."""
    import psycopg

    conn = psycopg.connect(
        host=str(cluster.socket_dir), port=cluster.port, user="postgres", dbname=database,
        autocommit=True,
    )  # fmt: skip
    try:
        yield conn
    finally:
        conn.close()


def test_a_returned_pack_whose_token_holds_a_nul_is_no_pack(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    """A workbook's ``_x0000_`` is a NUL in the text read back: its token named no pack on
    SQLite, and was 'unexpected DataError' on PostgreSQL, which refuses NUL in a parameter."""
    import re
    import zipfile

    url = pg_cluster.create_database("nul", blank=False)
    clerk = on(url)
    clerk.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    clerk.ok("add-meeting", "--date", "2022-05-06", "--title", "Giao ban", "--attendee", "VPTU")
    clerk.ok("assign", "1", "--unit", "VPTU", "--due", "2022-09-30", "Đề án")
    clerk.ok("pack", "out", "--quarter", "2022Q3", "--as-of", "2022-09-01", "--dir", str(tmp_path))
    sent, back = tmp_path / "VPTU.xlsx", tmp_path / "back.xlsx"
    with zipfile.ZipFile(sent) as source, zipfile.ZipFile(back, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/") and name.endswith(".xml"):
                data = re.sub(rb"\b([0-9a-f]{32})\b", rb"\1_x0000_", data)
            target.writestr(name, data)
    before = snapshot(url)
    for lang, words in (("en", "not a pack of this database"), ("vi", "không phải phiếu")):
        message = clerk.fail("--lang", lang, "pack", "in", str(back))
        assert message.startswith(f"Error: {back}: {words}"), message
    assert snapshot(url) == before


def test_a_draft_whose_keys_hold_a_nul_is_refused_naming_them(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    """A meeting draft's keys are looked up before they are checked: one holding a NUL (TOML's
    \\u0000) was 'unexpected DataError' on PostgreSQL; SQLite listed the draft's problems."""
    url = pg_cluster.create_database("draft", blank=False)
    clerk = on(url)
    clerk.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = tmp_path / "nhap.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\nkey = "giao-ban\\u0000"\n\n'
        '[[directives]]\nunit = "VPTU"\ntext = "Đề án"\nkey = "de-an\\u0000"\n',
        encoding="utf-8",
    )
    before = snapshot(url)
    message = clerk.fail("import", str(draft))
    assert message.startswith("Error: nhap.toml: nothing was imported."), message
    assert "line 1, meeting: 'key': control character U+0000" in message
    assert "line 6, directives #1: 'key': control character U+0000" in message
    assert snapshot(url) == before


@pytest.mark.parametrize(
    "command",
    [
        ["add-meeting", "--date", "2022-05-07", "--title", "Giao ban tuần"],
        ["assign", "1", "--unit", "VPTU", "--", "Đề án mới"],
        ["assign", "1", "--unit", "VPTU", "--every", "month", "--day", "5", "--", "Báo cáo"],
    ],
    ids=["meeting", "directive", "series"],
)
def test_a_key_typed_with_a_nul_is_the_control_character_line(
    pg_cluster: Cluster, command: list[str]
) -> None:
    """``--key`` is looked up before it is checked: one holding a NUL was 'unexpected
    DataError' on PostgreSQL (in Vietnamese 'lỗi ngoài dự kiến'), where SQLite found no such
    key and refused the character."""
    url = pg_cluster.create_database("key", blank=False)
    clerk = on(url)
    clerk.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    clerk.ok("add-meeting", "--date", "2022-05-06", "--title", "Giao ban")
    before = snapshot(url)
    for lang, words in (("en", "control character U+0000"), ("vi", "có ký tự điều khiển U+0000")):
        message = clerk.fail("--lang", lang, command[0], "--key", "giao\x00ban", *command[1:])
        assert message.startswith("Error: --key: ") and words in message, message
    assert snapshot(url) == before


def test_a_server_with_its_own_date_style_or_a_client_encoding_reads_the_same(
    pg_cluster: Cluster,
) -> None:
    """A database set to write dates day first (DateStyle 'SQL, DMY', as a Vietnamese server
    may be), and a client whose environment asks for Windows' Vietnamese code page
    (PGCLIENTENCODING=WIN1258): the same register as on any other. The first made history,
    export and every write 'unexpected NotImplementedError: can't parse timestamptz with
    DateStyle'; the second every listing 'unexpected DataError' (UntranslatableCharacter)."""
    url = pg_cluster.create_database("style", blank=False)
    clerk = on(url)
    clerk.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    clerk.ok("add-meeting", "--date", "2022-05-06", "--title", "Giao ban", "--attendee", "VPTU")
    clerk.ok("assign", "1", "--unit", "VPTU", "--due", "2022-09-30", "Đề án nâng cao chất lượng")
    expected = clerk.ok("export")
    database = url.split("@/", 1)[1].split("?", 1)[0]
    pg_cluster.admin().execute(f"ALTER DATABASE \"{database}\" SET DateStyle = 'SQL, DMY'")
    assert clerk.ok("export") == expected
    assert clerk.json("history", "--limit", "1")[0]["command"] == "assign"
    clerk.ok("progress", "1", "--percent", "50", "--date", "2022-06-01")
    listed = clerk(
        "list", "--format", "json", "--as-of", "2022-06-30", env={"PGCLIENTENCODING": "WIN1258"}
    )
    assert listed.exit_code == 0, listed.stderr
    assert json.loads(listed.stdout)[0]["text"] == "Đề án nâng cao chất lượng"


def test_a_writer_that_waited_sees_what_the_one_before_it_wrote(pg_cluster: Cluster) -> None:
    """On a database whose default isolation is REPEATABLE READ (or SERIALIZABLE), a writer's
    snapshot was taken before it waited for the write lock: it did not see the unit the writer
    before it had just added, and failed with 'unexpected IntegrityError' (a duplicate key)
    where it must refuse, as on SQLite, with the unit's name."""
    import time

    from dirtrack.db import open_engine, session_scope
    from dirtrack.store.units import add_unit

    url = pg_cluster.create_database("iso", blank=False)
    database = url.split("@/", 1)[1].split("?", 1)[0]
    admin = pg_cluster.admin()
    admin.execute(
        f"ALTER DATABASE \"{database}\" SET default_transaction_isolation = 'repeatable read'"
    )
    engine, _ = open_engine(url)
    try:
        with session_scope(engine, info={"command": {"name": "unit add"}}) as session:
            add_unit(session, code="BTC", name="Ban Tổ chức")  # holding the write lock
            second = subprocess.Popen(
                [ENTRY_POINT, "--db", url, "unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            deadline = time.monotonic() + 60
            while not admin.execute(waiting).fetchone()[0] and time.monotonic() < deadline:
                time.sleep(0.05)
        _out, error = second.communicate(timeout=120)
    finally:
        engine.dispose()
    assert second.returncode == 1, error
    assert error == "Error: code 'BTC' already refers to unit BTC (Ban Tổ chức)\n"
    assert [u["code"] for u in on(url).json("unit", "list")] == ["BTC"]


def test_the_postgres_scheme_is_postgresql(pg_cluster: Cluster) -> None:
    """postgres://, libpq's other spelling of the scheme (Heroku's, many a DATABASE_URL), was
    'unsupported database 'postgres': use a SQLite file or PostgreSQL'."""
    url = pg_cluster.create_database("spelt", blank=False)
    on(url).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    for scheme in ("postgres://", "POSTGRES://", "postgres+psycopg://"):
        other = on(url.replace("postgresql+psycopg://", scheme))
        assert [u["code"] for u in other.json("unit", "list")] == ["VPTU"]


def test_a_server_that_cannot_be_reached(tmp_path: Path) -> None:
    url = f"postgresql://clerk:{PASSWORD}@/dirtrack?host={tmp_path}&port=5999"
    message = on(url).fail("overdue")
    assert message.startswith("Error: cannot open postgresql+psycopg://clerk:***@/dirtrack")
    assert PASSWORD not in message


def test_sequences_continue_after_an_import_with_ids(pg_cluster: Cluster, tmp_path: Path) -> None:
    source = on(pg_cluster.create_database("src"))
    for args in (
        ["unit", "add", "VPTU", "Văn phòng Tỉnh ủy"],
        ["add-meeting", "--date", "2022-05-06", "--title", "Giao ban", "--attendee", "VPTU"],
        ["assign", "1", "--unit", "VPTU", "--due", "2022-09-30", "Đề án"],
        ["extend", "1", "--to", "2022-10-31", "--date", "2022-09-01"],
        ["add-limitation", "1", "--unit", "VPTU", "Thiếu lái xe"],
    ):
        source.ok(*args)
    export = tmp_path / "all.json"
    source.ok("export", "--format", "json", "--out", str(export))
    target = on(pg_cluster.create_database("dst"))
    target.ok("import", str(export))
    # New rows after the imported ones: every sequence was moved past the imported ids.
    meeting = target.id("add-meeting", "--date", "2022-06-01", "--title", "Giao ban 2")
    assigned = target.id("assign", str(meeting), "--unit", "VPTU", "Việc mới")
    target.ok("extend", str(assigned), "--to", "2022-12-31")
    target.ok("add-limitation", str(meeting), "--unit", "VPTU", "x")
    assert assigned > 1 and meeting > 1


# --- the same answers on both backends --------------------------------------------------------

# Byte order (SQLite, Python) and the server's vi-VN collation disagree on these.
CODES = ["b-2", "B1", "a", "Đ", "ab", "A-1"]


def test_units_and_coordinators_come_out_in_the_same_order(cli: Cli) -> None:
    for n, code in enumerate(CODES):
        cli.ok("unit", "add", code, f"Đơn vị {n}")
    listed = [u["code"] for u in cli.json("unit", "list")]
    assert listed == sorted(CODES, key=lambda c: c.casefold().replace("đ", "d"))
    mid = cli.id("add-meeting", "--date", "2022-05-06", "--title", "Họp")
    withs = [x for c in CODES if c != "a" for x in ("--with", c)]
    made = cli.json("assign", str(mid), "--unit", "a", *withs, "Việc")
    expected = sorted(c for c in CODES if c != "a")
    assert made["with"] == expected
    assert cli.json("list")[0]["with"] == expected
    assert cli.json("show", str(made["id"]))["with"] == expected


def test_a_command_refused_for_what_it_was_given_takes_no_id(cli: Cli) -> None:
    # A --repeat-of that names no limitation, an alias longer than its column: each was refused
    # after the new row took its id, which PostgreSQL's sequence does not give back (the next
    # limitation or unit skipped a number there, not on SQLite).
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = str(cli.id("add-meeting", "--date", "2022-05-06", "--title", "Giao ban"))
    cli.fail("add-limitation", meeting, "--unit", "VPTU", "Thiếu xe", "--repeat-of", "99")
    cli.fail("add-limitation", meeting, "--unit", "VPTU", "Thiếu xe", "--repeat-of", "-1")
    cli.fail("unit", "add", "BTC", "Ban Tổ chức", "--alias", "a" * 401)
    assert cli.id("add-limitation", meeting, "--unit", "VPTU", "Thiếu xe") == 1
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    units = {unit["code"]: unit["id"] for unit in cli.json("export")["units"]}
    assert units == {"VPTU": 1, "BTC": 2}


def test_snapshot_sees_a_write_on_either_backend(cli: Cli) -> None:
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    before = snapshot(cli.db)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    after = snapshot(cli.db)
    assert before != after
    assert sorted(r[1] for r in after["unit"]) == ["BTC", "VPTU"]


def test_a_change_whose_output_cannot_be_written_is_not_recorded_on_the_server(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    """Output goes out before the commit on PostgreSQL too: every writer (and a reading
    command that makes occurrences of periodic directives) with stdout on a full disk is one
    ``Error:`` line and leaves the database as it was.

    Each command is a process of its own with /dev/full for its stdout, forked from the fork
    server (tests/forkserver.py): what is checked is what reaches the server, not the start,
    whose own stdout on a full disk test_output's twin of this test checks with the installed
    entry point."""
    from datetime import timedelta

    program = str(forkserver.shared().dirtrack)

    pg = pg_cluster.create_database("pg", blank=False)
    cli = on(pg)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    m = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "BTC")
    first = cli.id("assign", str(m), "--unit", "BTC", "--due", "30/9/2022", "Rà soát quy chế")
    cli.ok("add-limitation", str(m), "--unit", "BTC", "Thiếu cán bộ")
    cli.ok("assign", str(m), "--unit", "VPTU", "Báo cáo tháng", "--every", "month")
    exported = tmp_path / "all.json"
    cli.ok("export", "--out", str(exported))
    ahead = (date.today() + timedelta(days=200)).isoformat()
    commands = [
        ["unit", "add", "SXD", "Sở Xây dựng"],
        ["assign", str(m), "--unit", "VPTU", "--unit", "BTC", "Việc mới"],
        ["assign", str(m), "--unit", "BTC", "Báo quý", "--every", "quarter", "--format", "json"],
        ["edit", "directive", str(first), "--text", "Rà soát lại quy chế"],
        ["delete", "limitation", "1", "--yes", "--format", "json"],
        ["undo", "--yes", "--format", "json"],
        ["urge", "BTC", "--as-of", "2022-10-10", "--format", "md"],
        ["remind", "--as-of", ahead],
        ["list", "--as-of", ahead, "--format", "json"],
    ]  # fmt: skip
    before = snapshot(pg)
    for args in commands:
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                [program, "--db", pg, *args],
                stdout=full,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                text=True,
                timeout=120,
                check=False,
            )
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.strip() == "Error: cannot write standard output: the disk is full"
        assert snapshot(pg) == before, args
    # an import into a new database leaves no record behind
    new = pg_cluster.create_database("pg", blank=False)
    empty = snapshot(new)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [program, "--db", new, "import", str(exported), "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            check=False,
        )
    assert "the disk is full" in done.stderr and done.returncode == 1
    assert snapshot(new) == empty


def test_doctor_names_each_direction_character_written_by_sql(pg_cluster: Cluster) -> None:
    """doctor's records check looks for direction controls and byte order marks with LIKE; on
    a server sorting text by an ICU collation each one is found, one text each written by SQL
    (as an older dirtrack or another program stored them), and LIKE's own wildcards are not
    taken for them. (doctor names ten records at most: the characters go in by tens.)"""
    from dirtrack.text import DIRECTION_CHARACTERS

    pg = pg_cluster.create_database("pg", blank=False)
    cli = on(pg)
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    m = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    for n in range(11):
        cli.ok("add-limitation", str(m), "--unit", "BTC", f"Hạn chế {n}")
    engine = create_engine(resolve_target(pg).url)
    chars = list(DIRECTION_CHARACTERS)
    try:
        while chars:
            tens, chars = chars[:10], chars[10:]
            with engine.begin() as conn:
                for n in range(1, 11):
                    char = tens[n - 1] if n <= len(tens) else ""
                    conn.execute(
                        text("UPDATE limitation SET text = :t WHERE id = :id"),
                        {"t": f"Hạn chế{char} số {n}", "id": n},
                    )
                conn.execute(  # wildcards of LIKE, no direction character
                    text("UPDATE limitation SET text = :t WHERE id = 11"),
                    {"t": "Đạt 100% _kế hoạch_ \\"},
                )
            checks = {c["check"]: c for c in cli.json("doctor")}
            detail = checks["records"]["detail"]
            assert checks["records"]["status"] == "warning"
            assert detail.count("holds characters that set the direction") == len(tens)
            for n in range(1, len(tens) + 1):
                assert f"limitation {n}: text holds characters" in detail, hex(ord(tens[n - 1]))
            assert "limitation 11:" not in detail
    finally:
        engine.dispose()
