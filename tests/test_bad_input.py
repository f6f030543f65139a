"""Every bad input: one ``Error:`` line, exit 1, and the database file byte-for-byte unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli, file_digest, run


@pytest.fixture
def seeded(units: Cli, meeting: int) -> Cli:
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


BAD = {
    "impossible meeting date": ["add-meeting", "--date", "31/2/2022", "--title", "Họp"],
    "impossible done date": ["done", "1", "--date", "31/2/2022"],
    "impossible deadline": ["assign", "1", "--unit", "BTC", "--due", "30/2/2022", "x"],
    "unknown deadline phrase": ["assign", "1", "--unit", "BTC", "--due", "sớm nhất có thể", "x"],
    "unknown unit": ["assign", "1", "--unit", "Ban Tuyên giáo", "x"],
    "ambiguous unit": ["assign", "1", "--unit", "Văn phòng", "x"],
    "unknown coordinating unit": ["assign", "1", "--unit", "BTC", "--with", "Sở Nội vụ", "x"],
    "unknown attendee": [
        "add-meeting",
        "--date",
        "2022-06-01",
        "--title",
        "Họp",
        "--attendee",
        "XYZ",
    ],
    "missing meeting": ["assign", "99", "--unit", "BTC", "x"],
    "missing meeting for limitation": ["add-limitation", "99", "--unit", "BTC", "x"],
    "missing directive (progress)": ["progress", "99", "--percent", "10"],
    "missing directive (done)": ["done", "99"],
    "missing directive (extend)": ["extend", "99", "--to", "2022-12-31"],
    "missing directive (cancel)": ["cancel", "99"],
    "missing directive (show)": ["show", "99"],
    "missing limitation": ["resolve", "99"],
    "percent above 100": ["progress", "1", "--percent", "140"],
    "percent below 0": ["progress", "1", "--percent", "-5"],
    "progress with nothing": ["progress", "1"],
    "done before the meeting": ["done", "1", "--date", "2022-05-05"],
    "progress before the meeting": ["progress", "1", "--percent", "5", "--date", "1/1/2022"],
    "deadline before the meeting": ["assign", "1", "--unit", "BTC", "--due", "2022-01-31", "x"],
    "extend a completed directive": ["extend", "2", "--to", "2022-12-31"],
    "extend a cancelled directive": ["extend", "3", "--to", "2022-12-31"],
    "complete twice": ["done", "2", "--date", "2022-06-02"],
    "cancel a completed directive": ["cancel", "2"],
    "done on a cancelled directive": ["done", "3"],
    "resolve twice": ["resolve", "1", "--date", "2022-07-01"],
    "resolve before the meeting": ["resolve", "2", "--date", "2022-01-01"],
    "empty directive text": ["assign", "1", "--unit", "BTC", "   "],
    "empty limitation text": ["add-limitation", "1", "--unit", "BTC", ""],
    "empty meeting title": ["add-meeting", "--date", "2022-06-01", "--title", " "],
    "unknown category": ["add-limitation", "1", "--unit", "BTC", "--category", "weather", "x"],
    "unknown status": ["list", "--status", "late"],
    "unknown period": ["report", "--quarter", "2022Q5"],
    "period ending before it starts": ["report", "--period", "2022-06-30..2022-06-01"],
    "zero id": ["done", "0"],
}


@pytest.mark.parametrize("args", list(BAD.values()), ids=list(BAD))
def test_bad_input_is_one_error_line_and_writes_nothing(
    seeded: Cli, db_path: Path, args: list[str]
) -> None:
    before = file_digest(db_path)
    seeded.fail(*args)
    assert file_digest(db_path) == before


USAGE = {
    "unknown option": ["list", "--colour"],
    "missing argument": ["assign"],
    "unknown command": ["frobnicate"],
    "bad kind": ["add-meeting", "--date", "2022-06-01", "--title", "x", "--kind", "party"],
    "not a number": ["done", "abc"],
    "unit and attendees": ["assign", "1", "--unit", "BTC", "--attendees", "x"],
    "neither unit nor attendees": ["assign", "1", "x"],
    "bad format": ["list", "--format", "xml"],
}


@pytest.mark.parametrize("args", list(USAGE.values()), ids=list(USAGE))
def test_usage_errors_exit_2(seeded: Cli, db_path: Path, args: list[str]) -> None:
    before = file_digest(db_path)
    seeded.fail(*args, code=2)
    assert file_digest(db_path) == before


def test_database_in_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.db"
    result = run("unit", "list", db=str(target))
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "does not exist" in result.stderr
    assert not target.parent.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_text("Biên bản họp ngày 6/5/2022\n" * 50, encoding="utf-8")
    before = file_digest(target)
    result = run("unit", "list", db=str(target))
    assert result.returncode == 1
    assert result.stderr == f"Error: {target} is not a dirtrack database (not a SQLite file)\n"
    assert file_digest(target) == before


def test_a_sqlite_database_of_another_program(tmp_path: Path) -> None:
    target = tmp_path / "other.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Công ty A')")
    before = file_digest(target)
    result = run("unit", "add", "X", "Y", db=str(target))
    assert result.returncode == 1
    assert "is not a dirtrack database" in result.stderr
    assert file_digest(target) == before


def test_a_database_from_a_newer_dirtrack(cli: Cli) -> None:
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    cli.ok("unit", "list")
    engine = create_engine(resolve_target(cli.db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    error = cli.fail("unit", "list")
    assert "newer dirtrack" in error


def test_no_traceback_from_the_entry_point_on_bad_input(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    result = run("add-meeting", "--date", "31/2/2022", "--title", "Họp", db=db)
    assert result.returncode == 1
    assert result.stderr == "Error: '31/2/2022' is not a real date\n"
    assert result.stdout == ""


def test_a_reader_that_goes_away_is_not_an_error(tmp_path: Path) -> None:
    """`dirtrack list | head -1`: the closed pipe ends dirtrack quietly, as it would `cat`."""
    import subprocess

    from tests.conftest import ENTRY_POINT

    db = str(tmp_path / "x.db")
    assert run("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", db=db).returncode == 0
    child = subprocess.Popen(
        [ENTRY_POINT, "--db", db, "unit", "list", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before dirtrack writes a byte
    stderr = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=120) == 141
    assert stderr == ""
