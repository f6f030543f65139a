"""Concurrent use: writers in several processes at once finish every write, with no
`database is locked`, and no row lost or duplicated; readers meanwhile see whole commands.

Each writer is a separate OS process (tests/batch.py) that runs dirtrack commands one after
another, each with its own connection and transaction, as the entry point would; the test drives
each one from a thread of its own and keeps what it wrote. make test runs four writers, make
test-all eight with many more commands each. The full one-minute run is
bench/concurrent_writers.py.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import make_url

from dirtrack import db as database
from tests.batch import Invoke, batches
from tests.conftest import Cli, cli_at, prebuilt, snapshot

UNITS = ("VPTU", "BTC", "BDV", "UBKT")


def writers(request: pytest.FixtureRequest) -> int:
    return 8 if request.config.getoption("--run-slow") else 4


def worker(invoke: Invoke, db: str, number: int, commands: int) -> dict[str, Any]:
    """Run ``commands`` dirtrack commands against ``db``; return what each one wrote."""
    made: dict[str, Any] = {
        "meetings": [],
        "directives": [],
        "progress": 0,
        "limitations": [],
        "reads": 0,
        "failures": [],
    }
    meeting = directive = None
    for i in range(commands):
        unit = UNITS[(number + i) % len(UNITS)]
        step = i % 6 if meeting is not None else 0
        if step == 0:
            args = ["add-meeting", "--date", "6/5/2022", "--title", f"Họp {number}-{i}",
                    "--attendee", unit, "--key", f"w{number}-m{i}"]  # fmt: skip
        elif step == 1:
            key, text = f"w{number}-d{i}", f"Nhiệm vụ {number}-{i}"
            args = ["assign", str(meeting), "--unit", unit, "--with", UNITS[number % 4],
                    "--due", "30/9/2022", "--key", key, text]  # fmt: skip
        elif step == 2:
            args = ["progress", str(directive), "--percent", str(i % 101), "--date", "1/6/2022"]
        elif step == 3:
            args = ["add-limitation", str(meeting), "--unit", unit, f"Hạn chế {number}-{i}"]
        elif step == 4:
            args = [
                "assign",
                str(meeting),
                "--attendees",
                "--key",
                f"w{number}-a{i}",
                f"Chung {number}-{i}",
            ]
        else:
            args = ["report", "--quarter", "2022Q3", "--format", "json"]
        code, stdout, stderr = invoke(["--db", db, *args])
        assert "locked" not in stderr, stderr
        if code != 0:
            made["failures"].append(f"{args[0]}: {code} {stderr.strip()}")
            continue
        out = stdout.split()
        if step == 0:
            meeting = int(out[0])
            made["meetings"].append(meeting)
        elif step in (1, 4):
            made["directives"] += [int(x) for x in out]
            directive = int(out[-1])
        elif step == 2:
            made["progress"] += 1
        elif step == 3:
            made["limitations"].append(int(out[0]))
        else:
            report = json.loads(stdout)
            totals = report["totals"]
            # A reader sees whole commands: the counts always add up.
            assert totals["total"] == sum(
                totals[k] for k in ("done_on_time", "done_late", "open_in_time", "overdue")
            )
            made["reads"] += 1
    return made


def start_writers(db: str, count: int, commands: int) -> list[dict[str, Any]]:
    """``count`` writer processes at once, each running ``commands`` commands."""
    with batches(count) as started, ThreadPoolExecutor(count) as pool:
        futures = [
            pool.submit(worker, lambda args, b=batch: b(*args), db, number, commands)
            for number, batch in enumerate(started)
        ]
        results = [future.result(timeout=600) for future in futures]
        for batch in started:
            assert "locked" not in batch.close()
    return results


@pytest.fixture
@prebuilt
def shared(units: Cli) -> Cli:
    units.ok("add-meeting", "--date", "1/5/2022", "--title", "Họp chung")
    return units


def test_writers_at_once_lose_and_duplicate_nothing(
    shared: Cli, db: str, backend: str, request: pytest.FixtureRequest
) -> None:
    # Two rounds of the six kinds of command per writer in make test; make test-all (--run-slow)
    # runs the long version, where the register grows under the readers.
    commands = 12
    if request.config.getoption("--run-slow"):
        commands = 200 if backend == "sqlite" else 100
    results = start_writers(db, writers(request), commands)
    failures = [f for r in results for f in r["failures"]]
    assert failures == []
    meetings = [m for r in results for m in r["meetings"]]
    directives = [d for r in results for d in r["directives"]]
    limitations = [x for r in results for x in r["limitations"]]
    assert len(set(meetings)) == len(meetings) and len(set(directives)) == len(directives)
    assert all(r["reads"] > 0 for r in results)

    listed = shared.json("meetings")
    assert sorted(m["id"] for m in listed) == sorted([1, *meetings])
    keys = Counter(m["key"] for m in listed)
    assert keys.most_common(1)[0][1] == 1 and len(keys) == len(meetings) + 1
    assert sorted(d["id"] for d in shared.json("list")) == sorted(directives)
    assert sorted(x["id"] for x in shared.json("limitations")) == sorted(limitations)
    # Every progress report is there once: the history counts the rows each command wrote.
    log = shared.json("history", "--limit", "0")
    written = Counter(c["command"] for c in log)
    assert written["progress"] == sum(r["progress"] for r in results)
    assert written["add-meeting"] == len(meetings) + 1
    assert sum(len(c["changes"]) for c in log if c["command"] == "progress") == written["progress"]
    assert shared("doctor").exit_code == 0


def test_a_database_another_process_just_created_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two first uses at once: the other process creates the file between this one's looks and
    its own creation (the moment is made certain here by hiding the file from the looks). The
    file is used as it is, not refused with "File exists"."""
    target = tmp_path / "new.db"
    target.touch(mode=0o600)  # the other process's creation
    looked: list[Path] = []
    real_exists = Path.exists

    def looks_miss(path: Path, *args: Any, **kwargs: Any) -> bool:
        if path == target:
            looked.append(path)
            return False
        return real_exists(path, *args, **kwargs)

    with monkeypatch.context() as hidden:
        hidden.setattr(Path, "exists", looks_miss)
        assert cli_at(target).ok("unit", "add", "BTC", "Ban Tổ chức").strip() == "BTC"
    assert looked
    assert [u["code"] for u in cli_at(target).json("unit", "list")] == ["BTC"]


@pytest.mark.blank_db("first uses at once")
def test_processes_on_a_new_database_with_the_same_key(
    cli: Cli, db: str, request: pytest.FixtureRequest
) -> None:
    """First uses at once: the schema is made once, and the key records one meeting. Each
    process is started and ready first, so that the commands begin at the same moment."""
    args = ["--db", db, "add-meeting", "--date", "6/5/2022", "--title", "Giao ban",
            "--key", "giao-ban-2022-05"]  # fmt: skip
    count = writers(request)
    with batches(count) as started:
        for batch in started:
            assert batch("--version")[0] == 0  # imported, the command built
        for batch in started:
            batch.send(*args)
        outputs = [batch.receive() for batch in started]
        for batch in started:
            assert "locked" not in batch.close()
    assert [code for code, _, _ in outputs] == [0] * count, outputs
    assert len({out.strip() for _, out, _ in outputs}) == 1
    assert sum("exists already" in err for _, _, err in outputs) == count - 1
    assert len(cli.json("meetings")) == 1
    assert cli("doctor").exit_code == 0


@contextlib.contextmanager
def write_lock_held(
    db: str, backend: str, *, for_s: float, program: str | None = None
) -> Iterator[None]:
    """Another program holds the database's write lock (SQLite's, or dirtrack's advisory lock
    on PostgreSQL) in an open transaction, for ``for_s`` seconds at most; on PostgreSQL its
    session named ``program`` (its application_name), or nothing."""
    if backend == "sqlite":
        holder: Any = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        conninfo = make_url(db).set(drivername="postgresql")  # libpq's own URI
        if program is not None:
            conninfo = conninfo.update_query_dict({"application_name": program})
        holder = psycopg.connect(conninfo.render_as_string(hide_password=False))
        holder.execute("SELECT pg_advisory_xact_lock(%s)", [database.PG_WRITE_LOCK])
    release = threading.Timer(for_s, holder.close)
    release.start()
    try:
        yield
    finally:
        release.cancel()
        holder.close()


def test_a_writer_gives_up_after_the_busy_timeout(
    cli: Cli, db: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that never finishes (a process stopped in its transaction, another program's
    open transaction) makes the next one give up after the busy timeout with one line, as
    SQLite always did; on PostgreSQL it waited for ever. (The holder lets go after 20 s, so
    that a wait without end fails this test rather than hanging it.) The line said "another
    dirtrack is writing" when the holder was another program (here sqlite3 and psycopg)."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    before = snapshot(db)
    said = {
        "en": "the database stayed busy (another dirtrack, or another program, held it for a "
        "minute): nothing was written; try again",
        "vi": "cơ sở dữ liệu đang bận (một lệnh dirtrack khác, hoặc chương trình khác, giữ nó "
        "suốt một phút): không ghi được gì; hãy thử lại",
    }
    with write_lock_held(db, backend, for_s=20):
        for lang, words in said.items():
            message = cli.fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức")
            if backend == "postgresql":  # the server names the session (the next test)
                assert "(a program that gave no name, user " in message or lang != "en", message
                continue
            assert message == f"Error: {words}", message
    assert snapshot(db) == before


def test_an_edit_the_write_lock_refuses_prints_no_id(
    cli: Cli, db: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`edit` prints the record's id inside its transaction, as every command that records
    something prints its output before the commit; a write lock another program holds refuses
    it when the transaction begins, before anything is printed: no id on stdout over the Error
    line, nothing written."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    directive = cli.id("assign", str(meeting), "--unit", "BTC", "Việc một")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    before = snapshot(db)
    with write_lock_held(db, backend, for_s=20):
        done = cli("edit", "directive", str(directive), "--text", "Việc một, sửa")
    assert done.exit_code == 1, done.stdout
    assert done.stdout == ""
    assert done.stderr.startswith("Error: the database stayed busy"), done.stderr
    assert snapshot(db) == before


def test_a_writer_over_tcp_waits_then_names_the_client_that_holds_the_lock(
    pg_cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another machine of the office holds the write lock over TCP (``host=127.0.0.1``, not
    the server's socket, as every other case): a writer reaching the server over TCP too waits,
    then gives up with one Error line naming the session and the client's address and port,
    in either language; nothing is written."""
    import psycopg

    from tests.pg import Cluster

    assert isinstance(pg_cluster, Cluster)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    name = make_url(pg_cluster.create_database("tcp", blank=False)).database
    assert name is not None
    tcp = pg_cluster.tcp_url(name)
    cli = cli_at(tcp)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    before = snapshot(tcp)
    conninfo = f"host=127.0.0.1 port={pg_cluster.port} dbname={name} user=postgres"
    with psycopg.connect(conninfo, application_name="ke-toan-sync") as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", [database.PG_WRITE_LOCK])
        row = holder.execute("SELECT pg_backend_pid(), inet_client_port()").fetchone()
        assert row is not None
        pid, port = row
        line = cli.fail("--lang", "en", "unit", "add", "BTC", "Ban Tổ chức")
        start = (
            f"Error: the database stayed busy for a minute: the server's session {pid} "
            f"(ke-toan-sync, user postgres, from 127.0.0.1:{port}) held it, idle in a "
            "transaction open for "
        )
        assert line.startswith(start) and line.endswith("nothing was written; try again"), line
        vi = cli.fail("--lang", "vi", "unit", "add", "BTC", "Ban Tổ chức")
        assert vi.startswith(
            f"Error: cơ sở dữ liệu đang bận suốt một phút: phiên {pid} trên máy chủ "
            f"(ke-toan-sync, người dùng postgres, từ 127.0.0.1:{port}) giữ nó"
        ), vi
        assert vi.endswith("; không ghi được gì; hãy thử lại"), vi
    assert snapshot(tcp) == before
    assert [u["code"] for u in cli.json("unit", "list")] == ["VPTU"]


def _holder_session(db: str, program: str) -> tuple[int, str]:
    """The server process and user of the session named ``program`` (pg_stat_activity)."""
    import psycopg

    conninfo = make_url(db).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo) as conn:
        row = conn.execute(
            "SELECT pid, usename FROM pg_stat_activity WHERE application_name = %s", [program]
        ).fetchone()
    assert row is not None, program
    return int(row[0]), str(row[1])


def test_a_writer_that_gives_up_names_the_server_session(
    cli: Cli, db: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL the line of a writer that gave up waiting said only "another dirtrack, or
    another program" where on SQLite it names the process: it names the server session that
    holds the write lock (pg_locks, pg_stat_activity), its program (application_name), user and
    client, and that it sits idle in a transaction open for so long. A session that gave no
    name is said so."""
    if backend == "sqlite":
        pytest.skip("on SQLite the holder is a process (the tests after)")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    before = snapshot(db)
    with write_lock_held(db, backend, for_s=20, program="ke-toan-sync"):
        pid, user = _holder_session(db, "ke-toan-sync")
        line = cli.fail("unit", "add", "BTC", "Ban Tổ chức")
        start = (
            f"Error: the database stayed busy for a minute: the server's session {pid} "
            f"(ke-toan-sync, user {user}, on the server's own socket) held it, idle in a "
            "transaction open for "
        )
        end = (
            " s (the program waits for something else than the database: let it finish, or "
            "end that transaction); nothing was written; try again"
        )
        assert line.startswith(start) and line.endswith(end), line
        assert line[len(start) : -len(end)].isdigit(), line
        vi = cli.fail("--lang", "vi", "unit", "add", "BTC", "Ban Tổ chức")
        start_vi = (
            f"Error: cơ sở dữ liệu đang bận suốt một phút: phiên {pid} trên máy chủ "
            f"(ke-toan-sync, người dùng {user}, qua socket riêng của máy chủ) giữ nó, "
            "đang rỗi trong một giao dịch đã mở được "
        )
        assert vi.startswith(start_vi), vi
        assert vi.endswith("; không ghi được gì; hãy thử lại"), vi
    assert snapshot(db) == before


def test_a_writer_whose_stdout_is_not_read_holds_the_others(
    cli: Cli, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writing command prints before it commits (a stdout that fails rolls it back), so one
    whose reader does not read (a pager left open, ``| (sleep 60; cat)``) holds the write lock
    while its output exceeds the pipe's buffer. Another writer meanwhile waits the busy timeout
    and gives up with one line, nothing written, on SQLite and on PostgreSQL alike; once the
    output is read the first commits whole, and the other goes through."""
    import select
    import subprocess

    from tests.conftest import ENTRY_POINT

    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    sheet = tmp_path / "theo-doi.csv"
    rows = [f"Nhiệm vụ số {i} về việc rà soát,VPTU,30/9/2022,6/5/2022" for i in range(300)]
    sheet.write_text("Nội dung,Đơn vị,Thời hạn,Ngày họp\n" + "\n".join(rows) + "\n")
    importer = subprocess.Popen(
        [ENTRY_POINT, "--db", db, "import", str(sheet), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        assert importer.stdout is not None
        # Its first bytes are out: it has made its changes and writes them before its commit.
        readable, _, _ = select.select([importer.stdout], [], [], 120)
        assert readable
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
        before = snapshot(db)
        if _can_name_the_holder(db):
            _wait_for_the_pipe(importer.pid)
        message = cli.fail("unit", "add", "BTC", "Ban Tổ chức")
        assert message.startswith("Error: the database stayed busy"), message
        if _can_name_the_holder(db):  # the line names the holder and what it waits for
            assert message.startswith(
                "Error: the database stayed busy for a minute: process "
                f"{importer.pid} (dirtrack --db "
            ), message
            assert message.endswith(
                " held it, waiting for its output to be read (a pipe nobody reads, such as a "
                "pager left open: read it, or send its output to a file); nothing was written; "
                "try again"
            ), message
            vi = cli.fail("--lang", "vi", "unit", "add", "BTC", "Ban Tổ chức")
            assert f"tiến trình {importer.pid} (dirtrack --db " in vi, vi
            assert "trong khi chờ kết quả nó in ra được đọc" in vi, vi
        elif "://" in db:  # the server session of the import, named by its command
            pid, user = _holder_session(db, "dirtrack import")
            assert message.startswith(
                "Error: the database stayed busy for a minute: the server's session "
                f"{pid} (dirtrack import, user {user}, on the server's own socket) held it, "
                "idle in a transaction open for "
            ), message
        assert snapshot(db) == before
        out, err = importer.communicate(timeout=300)
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.communicate()
    assert importer.returncode == 0, err
    assert json.loads(out)["created"]["directives"] == 300
    assert len(cli.json("list", "--status", "all")) == 300
    assert cli.ok("unit", "add", "BTC", "Ban Tổ chức").strip() == "BTC"


def _can_name_the_holder(db: str) -> bool:
    """Whether the system says who holds a SQLite file's lock (Linux's /proc/locks)."""
    return "://" not in db and Path("/proc/locks").exists()


def _wait_for_the_pipe(pid: int) -> None:
    """Until process ``pid`` sleeps writing to its full pipe (its kernel function says so)."""
    import time

    wchan = Path(f"/proc/{pid}/wchan")
    for _ in range(6000):
        if "pipe" in wchan.read_text():
            return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} never waited on its pipe: {wchan.read_text()}")


@pytest.mark.sqlite_only("the holder of a SQLite file's lock, as Linux shows it")
def test_a_writer_that_gives_up_names_a_stopped_holder(
    cli: Cli, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The line of a writer that gave up waiting said "another dirtrack, or another program":
    where the system says who holds the write lock, it names the process, its command line and
    why it holds on (stopped by Ctrl-Z here). A holder in dirtrack's own process (the test's,
    in the other test) is not named."""
    import signal
    import subprocess
    import sys

    if not _can_name_the_holder(db):
        pytest.skip("the system does not say who holds a lock")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    script = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, db], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        holder.send_signal(signal.SIGSTOP)
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
        before = snapshot(db)
        program = Path(sys.executable).name
        said = {
            "en": (
                f"Error: the database stayed busy for a minute: process {holder.pid} ({program} "
                "-c import sqlite3, sys, time c = sqlite3.connect(",
                "…) held it, stopped (Ctrl-Z: fg resumes it); nothing was written; try again",
            ),
            "vi": (
                f"Error: cơ sở dữ liệu đang bận suốt một phút: tiến trình {holder.pid} ({program} "
                "-c import sqlite3, sys, time c = sqlite3.connect(",
                "…) giữ nó, đang bị tạm dừng (Ctrl-Z: lệnh fg cho chạy tiếp); không ghi được gì; "
                "hãy thử lại",
            ),
        }
        for lang, (start, end) in said.items():
            line = cli.fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức")
            assert line.startswith(start) and line.endswith(end), line
        assert snapshot(db) == before
    finally:
        holder.kill()
        holder.communicate()
    assert cli.ok("unit", "add", "BTC", "Ban Tổ chức").strip() == "BTC"


@pytest.mark.engine_dependent_cases(
    "the second import waits for the lock, then changes nothing or is refused"
)
@pytest.mark.parametrize("keyed", [True, False], ids=["by-key", "no-key"])
def test_two_imports_of_one_sheet_at_once_land_once(
    shared: Cli, db: str, tmp_path: Path, keyed: bool
) -> None:
    """Two processes import the same sheet at the same moment: its rows are recorded once.
    By key, the second finds them and changes nothing; without, the second is refused, one
    Error line (its rows repeat the directives the first recorded), and writes nothing."""
    from tests.conftest import at_once

    rows = ["STT,Nội dung,Đơn vị chủ trì,Thời hạn"]
    rows += [f"{n},Việc số {n},{UNITS[n % 4]},30/9/2022" for n in range(1, 401)]
    sheet = tmp_path / "big.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["import", str(sheet), "--meeting", "1"]
    if keyed:
        args += ["--key-column", "STT"]
    said = at_once([args, args], db, forked=True)
    codes = sorted(code for code, _, _ in said)
    errors = sorted(err.strip() for _, _, err in said)
    if keyed:
        assert codes == [0, 0], errors
        assert [e.split(": ", 1)[1] for e in errors] == ["created 400 directives", "unchanged 400"]
    else:
        assert codes == [0, 1], errors
        refused = errors[0]
        assert refused.startswith("Error: ") and "\n" not in refused
        assert "400 bad rows" in refused and "nothing was imported" in refused
    listed = shared.json("list", "--status", "all")
    assert len(listed) == 400 and len({d["text"] for d in listed}) == 400
    imports = [c for c in shared.json("history", "--limit", "0") if c["command"] == "import"]
    assert len(imports) == 1 and len(imports[0]["changes"]) == 400
    assert shared("doctor").exit_code == 0


def test_a_lock_that_keeps_readers_out_is_waited_for_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holding the SQLite file with a lock that keeps readers out too
    (locking_mode EXCLUSIVE, in a transaction): a command gives up after one busy timeout, as
    it does behind a writer. Opening it waited twice, once to read the schema revision and
    once more to look at the tables (two minutes); restore took it for a damaged file, kept
    its bytes as the .bak and then waited for ever to copy over it."""
    import time

    db = str(tmp_path / "r.db")
    cli = cli_at(db)
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    backup = str(tmp_path / "copy.db")
    cli.ok("backup", backup)
    wait = 3.0  # seconds: two waits take at least twice as long, whatever the machine's load
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", int(wait * 1000))
    before = snapshot(db)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE unit SET name = name")
        started = time.monotonic()
        said = cli.fail("unit", "list")
        took = time.monotonic() - started
        assert said == f"Error: cannot open {db}: another program is writing to it"
        assert took < 2 * wait, took  # one wait, not two
        # what restore says, not how long it waits: a shorter wait
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
        said = cli.fail("restore", backup, "--yes")
        assert said == "Error: restore failed: another program is writing to it"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(db) == before
    assert not list(tmp_path.glob("r.db.*.bak"))
