"""Every bad input: one ``Error:`` line, exit 1, and the database file byte-for-byte unchanged."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dirtrack.i18n import Phrase
from tests.conftest import ENTRY_POINT, Cli, cli_at, file_digest, program, run, snapshot

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
    # Text enters at one place (dirtrack.text.clean_text): control characters and blank-looking
    # text are refused wherever they are typed.
    "ESC in a directive": ["assign", "1", "--unit", "BTC", "Đề án \x1b]0;pwned\x07"],
    "NUL in a directive": ["assign", "1", "--unit", "BTC", "Đề án\x00"],
    "U+FFFE in a directive": ["assign", "1", "--unit", "BTC", "Đề án \ufffe"],
    # what Python makes of a byte that is not UTF-8 in argv (a Latin-1 terminal's "ô")
    "a byte not UTF-8 in a title": ["add-meeting", "--date", "2022-06-01", "--title", "H\udcf4p"],
    "U+FFFF in a meeting title": ["add-meeting", "--date", "2022-06-01", "--title", "Họp \uffff"],
    "BEL in a meeting title": ["add-meeting", "--date", "2022-06-01", "--title", "Họp\x07"],
    "ESC in a note": ["progress", "1", "--note", "\x1b[2J", "--percent", "5"],
    "ESC in a unit name": ["unit", "add", "BXD", "Ban \x1b[31mXây dựng"],
    "ESC in an alias": ["unit", "alias", "BTC", "Ban\x1b"],
    "DEL in a limitation": ["add-limitation", "1", "--unit", "BTC", "Thiếu\x7f"],
    "C1 control in a reason": ["cancel", "1", "--reason", "vì\x9b"],
    "ESC in the actor": ["--actor", "an\x1b", "done", "1"],
    # a unit typed with a control character matched the unit without it, as marks are dropped
    "ESC in a lead unit": ["assign", "1", "--unit", "BTC\x1b", "Việc mới"],
    "BEL in a coordinating unit": ["edit", "directive", "1", "--with", "BTC\x07"],
    "ESC in a unit listed": ["list", "--unit", "BTC\x1b"],
    # it matched no one and listed nothing, where --actor refuses it
    "ESC in history --by": ["history", "--by", "an\x1b"],
    "C1 control in history --by": ["history", "--by", "an\x85"],
    "zero-width directive": ["assign", "1", "--unit", "BTC", "\u200b\u200b"],
    # accents with no letter to sit on (a stray keystroke of an input method): nothing to read
    "accents-only directive": ["assign", "1", "--unit", "BTC", "\u0301\u0309 \u0323"],
    "accents-only note": ["done", "1", "--note", "\u0300"],
    "zero-width limitation": ["add-limitation", "1", "--unit", "BTC", "\u200b \ufeff"],
    "zero-width meeting title": ["add-meeting", "--date", "2022-06-01", "--title", "\u2060"],
    "zero-width unit name": ["unit", "add", "BXD", "\u200c\u200d"],
    "blank note": ["done", "1", "--note", " \u200b "],
    "blank resolve note": ["resolve", "2", "--note", "\u200b"],
    "blank chair": ["add-meeting", "--date", "2022-06-01", "--title", "Họp", "--chair", "\u200b"],
    # Dates between 1900 and 2999, wherever they are parsed (dirtrack.periods.check_year).
    "meeting in the year 222": ["add-meeting", "--date", "6/5/0222", "--title", "Họp"],
    "meeting in the year 9999": ["add-meeting", "--date", "9999-12-31", "--title", "Họp"],
    "progress in the year 1": ["progress", "1", "--percent", "5", "--date", "0001-01-01"],
    "done in the year 9999": ["done", "1", "--date", "31/12/9999"],
    "extension to the year 3000": ["extend", "1", "--to", "1/1/3000"],
    "extension approved in 9999": ["extend", "1", "--to", "2022-12-31", "--date", "9999-01-01"],
    "cancel in the year 1": ["cancel", "1", "--date", "1/1/0001"],
    "resolve in the year 9999": ["resolve", "2", "--date", "9999-12-31"],
    "retire in the year 9999": [
        "unit",
        "retire",
        "BDV",
        "--successor",
        "BTC",
        "--date",
        "9999-1-1",
    ],
    "deadline in the year 9999": ["assign", "1", "--unit", "BTC", "--due", "31/12/9999", "x"],
    "deadline beyond 2999": ["assign", "1", "--unit", "BTC", "--due", "trong 12000 tháng", "x"],
    "report as of 9999": ["report", "--period", "2022", "--as-of", "9999-12-31"],
    "report due within 99999999 days": ["report", "--period", "2022", "--due-within", "99999999"],
    "list as of the year 1": ["list", "--as-of", "0001-01-01"],
    "overdue as of 9999": ["overdue", "--as-of", "9999-12-31"],
    "period from the year 1": ["report", "--period", "0001-01-01..2022-12-31"],
    # Lengths of the models' String(n) columns, on SQLite as on PostgreSQL.
    "unit code of 65": ["unit", "add", "A" * 65, "Ban dài"],
    "unit name of 401": ["unit", "add", "BXD", "Ban " + "x" * 397],
    "alias of 401": ["unit", "alias", "BTC", "y" * 401],
    "meeting doc of 201": [
        "add-meeting",
        "--date",
        "2022-06-01",
        "--title",
        "H",
        "--doc",
        "1" * 201,
    ],
    "meeting key of 201": [
        "add-meeting",
        "--date",
        "2022-06-01",
        "--title",
        "H",
        "--key",
        "k" * 201,
    ],
    "directive key of 201": ["assign", "1", "--unit", "BTC", "--key", "k" * 201, "x"],
    # Ids beyond what an INTEGER holds: "no such …" on both backends.
    "directive 2^31 (show)": ["show", "2147483648"],
    "directive 2^31 (done)": ["done", "2147483648"],
    "directive 2^31 (extend)": ["extend", "2147483648", "--to", "2022-12-31"],
    "directive 2^31 (history)": ["history", "2147483648"],
    "meeting 2^31 (assign)": ["assign", "2147483648", "--unit", "BTC", "x"],
    "meeting 2^31 (limitation)": ["add-limitation", "2147483648", "--unit", "BTC", "x"],
    "meeting 2^63 (list)": ["list", "--meeting", "9223372036854775808"],
    "limitation 2^31 (resolve)": ["resolve", "2147483648"],
    "missing meeting (list)": ["list", "--meeting", "99999"],
    # an invalid value Click finds is exit 1 as well, not a usage error
    "bad kind": ["add-meeting", "--date", "2022-06-01", "--title", "x", "--kind", "party"],
    "not a number": ["done", "abc"],
    "bad format": ["list", "--format", "xml"],
    "empty value": ["done", "1", "--date", ""],
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
    "missing option": ["add-meeting", "--date", "2022-06-01"],
    "option without its value": ["add-meeting", "--date"],
    "extra argument": ["show", "1", "2"],
    "unknown command": ["frobnicate"],
    "unit and attendees": ["assign", "1", "--unit", "BTC", "--attendees", "x"],
    "neither unit nor attendees": ["assign", "1", "x"],
    # These were exit 1, as a bad value is, though the README names them usage errors.
    "urge out and dir": ["urge", "BTC", "--format", "md", "--out", "u.md", "--dir", "."],
    "urge all and out": ["urge", "--all", "--format", "md", "--out", "u.md"],
    "urge neither unit nor all": ["urge", "--format", "md"],
    "urge all and number": ["urge", "--all", "--format", "md", "--dir", ".", "--number", "12"],
    "office to and no-to": ["office", "set", "--to", "A", "--no-to"],
    "office template and no-template": ["office", "set", "--template", "t.docx", "--no-template"],
    "edit with and no-with": ["edit", "directive", "1", "--with", "BTC", "--no-with"],
    "edit due and no-due": ["edit", "directive", "1", "--due", "30/9/2022", "--no-due"],
    "edit field and no-field": ["edit", "directive", "1", "--field", "KT", "--no-field"],
    "undo id and count": ["undo", "1", "--count", "2", "--yes"],
    "calendar neither off nor on": ["calendar", "add", "5/5/2025"],
    "calendar off and on": ["calendar", "add", "5/5/2025", "--off", "--on"],
    "every and due": ["assign", "1", "x", "--unit", "BTC", "--every", "month", "--due", "2022"],
    "day without every": ["assign", "1", "x", "--unit", "BTC", "--day", "5"],
    "day and offset": [
        "assign",
        "1",
        "x",
        "--unit",
        "BTC",
        "--every",
        "month",
        "--day",
        "5",
        "--offset",
        "3",
    ],
    "number without docx": ["report", "--quarter", "2022Q3", "--number", "12"],
}


@pytest.mark.parametrize("args", list(USAGE.values()), ids=list(USAGE))
def test_usage_errors_exit_2(seeded: Cli, db_path: Path, args: list[str]) -> None:
    before = file_digest(db_path)
    seeded.fail(*args, code=2)
    assert file_digest(db_path) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_options_misused_together_say_what_to_give_not_a_bad_value(seeded: Cli, lang: str) -> None:
    """Options that exclude each other, or a choice of two left out, are usage errors (exit 2);
    Click's 'Invalid value for --quarter:' in front called them a bad value."""
    for args in (["report"], ["assign", "1", "--unit", "BTC", "--attendees", "x"]):
        said = seeded.fail("--lang", lang, *args, code=2)
        assert "Invalid value" not in said and "không hợp lệ" not in said, said
    said = seeded.fail("--lang", lang, "report", code=2)
    assert said.startswith(("Error: give --quarter or --period", "Error: dùng --quarter")), said


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_option_of_one_value_given_twice_is_refused_not_the_last_one_kept(
    seeded: Cli, db_path: Path, lang: str
) -> None:
    """Click keeps the last of ``--due A --due B``: a script that adds an option its caller
    also gave recorded the other deadline without a word. Both are refused (exit 2), naming the
    option; options that gather values (``--with A --with B``, ``--unit`` for a directive per
    unit) still gather them."""
    before = file_digest(db_path)
    twice = {
        "--due": [
            "assign",
            "1",
            "Báo cáo",
            "--unit",
            "BTC",
            "--due",
            "30/9/2022",
            "--due",
            "31/10/2022",
        ],
        "--date": [
            "add-meeting",
            "--date",
            "6/5/2022",
            "--title",
            "Giao ban",
            "--date",
            "7/5/2022",
        ],
        "--format": ["list", "--format", "json", "--format", "csv"],
        "--db": ["--db", str(db_path), "--db", str(db_path), "list"],  # the driver gives none
    }
    for option, args in twice.items():
        said = seeded.fail("--lang", lang, *args, code=2)
        words = "is given more than once" if lang == "en" else "được ghi nhiều lần"
        assert said.startswith(f"Error: {option} {words}"), said
    assert file_digest(db_path) == before
    made = seeded.id("assign", "1", "Báo cáo", "--unit", "BTC", "--with", "VPTU", "--with", "BDV")
    assert seeded.json("show", str(made))["with"] == ["BDV", "VPTU"]


def test_database_in_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.db"
    assert "does not exist" in cli_at(target).fail("unit", "list")
    assert not target.parent.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_text("Biên bản họp ngày 6/5/2022\n" * 50, encoding="utf-8")
    before = file_digest(target)
    result = cli_at(target)("unit", "list")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {target} is not a dirtrack database (not a SQLite file)\n"
    assert file_digest(target) == before


@pytest.mark.parametrize("args", [["list"], ["unit", "add", "X", "Y"]])
def test_a_database_name_too_long_for_the_file_system(tmp_path: Path, args: list[str]) -> None:
    """--db with a 5,000-character name: the system's ENAMETOOLONG was 'unexpected OSError',
    quoting the whole name."""
    target = tmp_path / ("x" * 5000)
    error = cli_at(target).fail(*args)
    assert error.startswith(f"Error: cannot read {str(target)[:80]}…: "), error[:200]
    assert len(error) < 300
    assert sorted(tmp_path.iterdir()) == []


def test_a_sqlite_database_of_another_program(tmp_path: Path) -> None:
    target = tmp_path / "other.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Công ty A')")
    before = file_digest(target)
    assert "is not a dirtrack database" in cli_at(target).fail("unit", "add", "X", "Y")
    assert file_digest(target) == before


def test_a_database_from_a_newer_dirtrack(cli: Cli) -> None:
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
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
    assert result.stderr == "Error: --date: '31/2/2022' is not a real date\n"
    assert result.stdout == ""


def test_a_deadline_that_names_no_real_day_is_quoted_as_typed(seeded: Cli, db_path: Path) -> None:
    """`assign --due 3.0` said `'3/0' is not a real date`: the text it read the day from, not
    what was typed. The error quotes the words as typed, in either language."""
    before = file_digest(db_path)
    for typed in ("3.0", "31.2.2022", "chậm nhất vào ngày 30.2.2023", "quý V năm sau"):
        said = seeded.fail("assign", "1", "--unit", "BTC", "--due", typed, "x")
        assert said.startswith(f"Error: --due: '{typed}'"), said
        vi = seeded.fail("--lang", "vi", "assign", "1", "--unit", "BTC", "--due", typed, "x")
        assert vi.startswith(f"Error: --due: '{typed}'"), vi
    assert seeded.fail("assign", "1", "--unit", "BTC", "--due", "3.0", "x") == (
        "Error: --due: '3.0' is not a real date"
    )
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ["add-meeting", "--date", "{day}", "--title", "Họp"],
        ["assign", "1", "--unit", "BTC", "--due", "{day}", "x"],
        ["done", "1", "--date", "{day}"],
        ["extend", "1", "--to", "{day}"],
        ["list", "--as-of", "{day}"],
        ["report", "--period", "2022-01-01..{day}"],
        ["request", "extend", "1", "--to", "{day}", "--reason", "Chờ"],
    ],
    ids=lambda args: " ".join(a for a in args if not a.startswith("{") and "..{" not in a),
)
def test_an_iso_date_whose_month_is_out_of_range_says_so(
    seeded: Cli, db_path: Path, args: list[str]
) -> None:
    """`--due 2022-13-01` said it 'looks written month first … 2022-01-13': a year-month-day
    date is not written month first. Every date option (one parser) says its month is out of
    range, suggesting the day with month and day swapped where there is one; a day/month
    date written month first ('6/30/2022') still says so. Each names the option it was
    given with, as other refused values do (it named the value only)."""
    before = file_digest(db_path)
    option = next(args[i - 1] for i, a in enumerate(args) if "{day}" in a)
    said = seeded.fail(*[a.replace("{day}", "2022-13-01") for a in args])
    assert said == (
        f"Error: {option}: '2022-13-01' is not a real date: its month, 13, is not one from 1 "
        "to 12 (year-month-day); did you mean 2022-01-13?"
    )
    said = seeded.fail(*[a.replace("{day}", "2022-13-14") for a in args])
    assert said == (
        f"Error: {option}: '2022-13-14' is not a real date: its month, 13, is not one from 1 "
        "to 12 (year-month-day)"
    )
    vi = seeded.fail("--lang", "vi", *[a.replace("{day}", "31/2/2022") for a in args])
    assert vi == f"Error: {option}: '31/2/2022' không phải là ngày hợp lệ"
    assert "looks written month first" in seeded.fail(
        *[a.replace("{day}", "6/30/2022") for a in args]
    )
    assert file_digest(db_path) == before


def test_a_reader_that_goes_away_is_not_an_error(tmp_path: Path) -> None:
    """`dirtrack list | head -1`: the closed pipe ends dirtrack quietly, as it would `cat`."""
    import subprocess

    from tests.conftest import ENTRY_POINT

    db = str(tmp_path / "x.db")
    cli_at(db).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
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


MESSAGES = {
    "ESC in a directive": "Error: text: control character U+001B is not allowed",
    # XML forbids them: the Word and Excel reports died on 'unexpected ValueError'
    "U+FFFE in a directive": "Error: text: control character U+FFFE is not allowed",
    # it was 'control character U+DCF4', a character nobody typed
    "a byte not UTF-8 in a title": "Error: --title: byte 0xF4 is not UTF-8: type the text in a "
    "terminal set to UTF-8",
    "U+FFFF in a meeting title": "Error: --title: control character U+FFFF is not allowed",
    "ESC in a lead unit": "Error: unit 'BTC\\x1b': control character U+001B is not allowed",
    "ESC in a unit listed": "Error: unit 'BTC\\x1b': control character U+001B is not allowed",
    "ESC in history --by": "Error: --by: control character U+001B is not allowed",
    "C1 control in history --by": "Error: --by: control character U+0085 is not allowed",
    "zero-width directive": "Error: a directive needs a text",
    "accents-only directive": "Error: a directive needs a text",
    "accents-only note": "Error: --note: only spaces or invisible characters; write some text",
    "blank note": "Error: --note: only spaces or invisible characters; write some text",
    "meeting in the year 222": (
        "Error: --date: '6/5/0222': dirtrack takes dates from the year 1900 to 2999"
    ),
    "report as of 9999": (
        "Error: --as-of: '9999-12-31': dirtrack takes dates from the year 1900 to 2999"
    ),
    # a date beyond Python's year 9999: 'a number is too large', naming no option
    "report due within 99999999 days": "Error: --due-within must be a number of days from 0 to "
    "3660, not 99999999",
    "unit code of 65": "Error: unit.code is 65 characters long, more than the 64 it can hold",
    "meeting key of 201": "Error: --key is 201 characters long, more than the 200",
    "directive key of 201": "Error: --key is 201 characters long, more than the 200",
    "directive 2^31 (done)": "Error: no directive with id 2147483648",
    "meeting 2^31 (assign)": "Error: no meeting with id 2147483648",
    "meeting 2^63 (list)": "Error: no meeting with id 9223372036854775808",
    "missing meeting (list)": "Error: no meeting with id 99999",
    "limitation 2^31 (resolve)": "Error: no limitation with id 2147483648",
}


@pytest.mark.parametrize("name", list(MESSAGES))
def test_refusals_say_why(seeded: Cli, name: str) -> None:
    assert seeded.fail("--lang", "en", *BAD[name]).startswith(MESSAGES[name])


def test_a_refusal_in_vietnamese(seeded: Cli) -> None:
    error = seeded.fail("--lang", "vi", *BAD["ESC in a directive"])
    assert error == (
        "Error: nội dung: có ký tự điều khiển U+001B; văn bản chỉ được có dấu tab và xuống dòng"
    )
    error = seeded.fail("--lang", "vi", *BAD["report as of 9999"])
    assert error == "Error: --as-of: '9999-12-31': dirtrack chỉ nhận ngày từ năm 1900 đến năm 2999"


def test_a_text_past_any_cell_is_held_to_its_own_column(seeded: Cli, db_path: Path) -> None:
    """A key, a doc, a unit's name or code of 40,000 characters is said against what its
    column holds (200, 400, 64), as one of 201 is: the general limit of a text, 32767, was
    said first, though the field never holds more than its own."""
    long = "k" * 40_000
    before = snapshot(str(db_path))
    said = {
        ("assign", "1", "--unit", "BTC", "--key", long, "x"): "--key is 40000 characters "
        "long, more than the 200 it can hold",
        ("add-meeting", "--date", "7/5/2022", "--title", "Họp", "--doc", long): "--doc is "
        "40000 characters long, more than the 200 it can hold",
        ("unit", "add", "BXD", long): "unit.name is 40000 characters long, more than the 400 "
        "it can hold",
        ("unit", "add", long, "Ban X"): "unit.code is 40000 characters long, more than the "
        "64 it can hold",
        ("unit", "alias", "BTC", long): "unit_alias.alias is 40000 characters long, more than "
        "the 400",
    }
    for args, error in said.items():
        assert seeded.fail("--lang", "en", *args).startswith(f"Error: {error}")
    assert seeded.fail("--lang", "vi", "assign", "1", "--unit", "BTC", "--key", long, "x") == (
        "Error: --key dài 40000 ký tự, quá mức tối đa 200"
    )
    # a text with no length of its own keeps the general one
    assert seeded.fail("assign", "1", "--unit", "BTC", "k" * 40_000) == (
        "Error: text is 40000 characters long, more than the 32767 it can hold"
    )
    assert snapshot(str(db_path)) == before


def test_a_column_too_long_is_named_in_vietnamese(seeded: Cli) -> None:
    """A value longer than its column was named as the database names it under --lang vi:
    'unit.code dài 65 ký tự', 'unit_alias.alias dài 401 ký tự'. English keeps 'unit.code'."""
    said = {
        "unit code of 65": "Error: mã của đơn vị dài 65 ký tự, quá mức tối đa 64",
        "unit name of 401": "Error: tên của đơn vị dài 401 ký tự, quá mức tối đa 400",
        "alias of 401": "Error: tên khác của đơn vị dài 401 ký tự, quá mức tối đa 400",
    }
    for name, error in said.items():
        assert seeded.fail("--lang", "vi", *BAD[name]) == error


OPTION_TYPED = {  # the command, the option whose value is refused
    "done --doc": (["done", "1", "--doc", "a\x01b"], "--doc"),
    "done --note": (["done", "1", "--note", "n" * 32_768], "--note"),
    "cancel --reason": (["cancel", "1", "--reason", " \u200b "], "--reason"),
    "extend --reason": (["extend", "1", "--to", "30/12/2022", "--reason", "a\x1bb"], "--reason"),
    "add-meeting --chair-title": (
        ["add-meeting", "--date", "7/5/2022", "--title", "Họp", "--chair-title", "C" * 401],
        "--chair-title",
    ),
    "add-meeting --doc": (
        ["add-meeting", "--date", "7/5/2022", "--title", "Họp", "--doc", "1" * 201],
        "--doc",
    ),
    "edit meeting --note": (["edit", "meeting", "1", "--note", "\u0300"], "--note"),
    "edit directive --product": (["edit", "directive", "1", "--product", "\x07"], "--product"),
    "unit contact --name": (["unit", "contact", "BTC", "--name", "a\x01"], "--name"),
}


@pytest.mark.parametrize("name", list(OPTION_TYPED))
def test_a_refused_value_names_the_option_typed(seeded: Cli, db_path: Path, name: str) -> None:
    """A text typed with an option and refused (a control character, too long, blank) was
    named as the field it is stored in ('document: …', 'chair's title is 401 characters',
    'meeting.doc is 201…', 'lý do: …'): it names the option typed, in both languages."""
    args, option = OPTION_TYPED[name]
    before = file_digest(db_path)
    for lang in ("en", "vi"):
        error = seeded.fail("--lang", lang, *args)
        assert error.startswith((f"Error: {option}: ", f"Error: {option} ")), error
    assert file_digest(db_path) == before


def test_a_refused_argument_keeps_its_field(seeded: Cli) -> None:
    """An argument has no option to name: it keeps its field (a sheet's cell keeps its place,
    test_a_text_longer_than_an_excel_cell_is_refused_at_every_entrance)."""
    error = seeded.fail("--lang", "vi", "assign", "1", "--unit", "BTC", "a\x1bb")
    assert error.startswith("Error: nội dung: có ký tự điều khiển U+001B"), error


HUGE = "x" * 100_000
HUGE_VALUES = {  # (exit code, the command)
    "date": (1, ["done", "1", "--date", HUGE]),
    "deadline": (1, ["assign", "1", "--unit", "BTC", "--due", HUGE, "Đề án D"]),
    "period": (1, ["report", "--period", HUGE]),
    "unit": (1, ["list", "--unit", HUGE]),
    "status": (1, ["list", "--status", HUGE]),
    "field": (1, ["list", "--fields", HUGE]),
    "category": (1, ["add-limitation", "1", "--unit", "BTC", "--category", HUGE, "Thiếu"]),
    "id": (1, ["show", "9" * 5000]),
    "choice": (1, ["list", "--format", HUGE]),
    # Click's usage errors say what was typed unquoted
    "extra argument": (2, ["show", "1", HUGE]),
    "unknown option": (2, ["list", "--" + HUGE]),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", list(HUGE_VALUES))
def test_a_huge_value_is_cut_in_the_error(seeded: Cli, db_path: Path, name: str, lang: str) -> None:
    """The error quotes the start of what was typed, not 100,000 characters of it."""
    code, args = HUGE_VALUES[name]
    before = file_digest(db_path)
    error = seeded.fail("--lang", lang, *args, code=code)
    assert len(error) < 600, error[:200]
    assert "x" * 78 + "…" in error or "9" * 80 + "…" in error, error[:200]  # 78: after "--"
    assert file_digest(db_path) == before


FILE_NAMES = {
    "export --out, a name too long": (["export", "--out", "y" * 300], "the name is too long"),
    "report --out, a huge name": (
        ["report", "--quarter", "2022Q2", "--out", "y" * 10_000],
        "the name is too long",
    ),
    "import, a name too long": (["import", "y" * 300], "the name is too long"),
    "backup, a NUL": (["backup", "a\x00b"], "cannot hold the character U+0000"),
    "export --out, a NUL": (["export", "--out", "a\x00b"], "cannot hold the character U+0000"),
    "--db, a huge name": (["--db", "z" * 10_000, "list"], "the name is too long"),
}


@pytest.mark.parametrize("name", list(FILE_NAMES))
def test_a_file_name_the_system_refuses_is_said_not_unexpected(
    seeded: Cli, db_path: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name longer than the file system takes, or holding NUL, was 'unexpected OSError:
    [Errno 36] File name too long: …' (10,000 characters of it) in English whatever --lang."""
    monkeypatch.chdir(tmp_path)
    args, words = FILE_NAMES[name]
    if args[0] == "backup" and seeded.cluster is not None:
        words = "backup and restore work on SQLite files"  # PostgreSQL's own tools do it
    before = file_digest(db_path)
    error = seeded.fail("--lang", "en", *args)
    assert words in error and "unexpected" not in error and len(error) < 600, error[:200]
    said = seeded.fail("--lang", "vi", *args)
    assert "ngoài dự kiến" not in said and "File name" not in said and "null" not in said, said
    assert file_digest(db_path) == before


@pytest.mark.sqlite_only("the names given are SQLite files and files beside them")
def test_a_relative_name_when_the_current_folder_is_gone_says_so(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A shell or cron job whose folder was removed under it: a relative --out, FILE or --db
    was 'no such file', though the name was right; it says the folder is gone."""
    gone = tmp_path / "gone"
    before = file_digest(db_path)
    for args in (
        ["--db", str(db_path), "export", "--out", "e.json"],
        ["--db", str(db_path), "backup", "b.db"],
        ["--db", "new.db", "unit", "add", "A", "Đơn vị A"],
        ["--db", str(db_path), "--lang", "vi", "report", "--quarter", "2022Q2", "--out", "r.txt"],
    ):
        gone.mkdir()
        done = subprocess.run(
            ["/bin/bash", "-c", 'cd "$1" && rmdir "$1" && shift && exec "$@"', "-", str(gone)]
            + [ENTRY_POINT, *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 1, (args, done.stderr)
        [line] = done.stderr.splitlines()
        assert line.endswith(
            ": the current folder, where a relative name starts, no longer exists (removed "
            "while in use): change to another folder, or give the full path"
        ) or line.endswith(
            ": thư mục hiện hành, nơi tính tên tương đối, không còn nữa (đã bị "
            "xóa khi đang dùng): hãy chuyển sang thư mục khác, hoặc ghi đường dẫn đầy đủ"
        ), line
    assert file_digest(db_path) == before


def test_a_value_of_a_long_name_is_quoted_whole(seeded: Cli) -> None:
    name = "Ban " + "y" * 396  # as long as a unit name may be: no cut
    assert f"'{name}'" in seeded.fail("list", "--unit", name)


NAMING_A_RETIRED_UNIT = {
    "assign": ["assign", "1", "--unit", "VPUB", "Đề án E"],
    "assign --with": ["assign", "1", "--unit", "BTC", "--with", "VPUB", "Đề án E"],
    "assign --every": ["assign", "1", "--unit", "VPUB", "--every", "month", "Báo cáo tháng"],
    "assign --every --with": [
        "assign",
        "1",
        "--unit",
        "BTC",
        "--with",
        "VPUB",
        "--every",
        "year",
        "Báo cáo năm",
    ],
    "add-meeting --attendee": [
        "add-meeting",
        "--date",
        "2022-06-01",
        "--title",
        "H",
        "--attendee",
        "VPUB",
    ],
    "add-limitation": ["add-limitation", "1", "--unit", "VPUB", "Thiếu xe"],
    "edit directive --unit": ["edit", "directive", "1", "--unit", "VPUB"],
    "edit directive --with": ["edit", "directive", "1", "--with", "VPUB"],
    "edit limitation --unit": ["edit", "limitation", "2", "--unit", "VPUB"],
    "edit meeting --attendee": ["edit", "meeting", "1", "--attendee", "VPTU", "--attendee", "VPUB"],
}


# One message at every command: in Vietnamese at the first, and at the others in make test-all.
ANOTHER_VIETNAMESE_TWIN = pytest.mark.slow("the same message in Vietnamese at another command")


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        pytest.param(name, lang, marks=() if lang == "en" or i == 0 else ANOTHER_VIETNAMESE_TWIN)
        for i, name in enumerate(NAMING_A_RETIRED_UNIT)
        for lang in ("en", "vi")
    ],
)
def test_a_meeting_after_a_units_retirement_cannot_name_it(
    seeded: Cli, db_path: Path, name: str, lang: str
) -> None:
    """VPUB retired on 1/1/2022 (its work went to VPTU): the meeting of 6/5/2022 cannot give it
    a directive or a limitation, nor count it present."""
    seeded.ok("unit", "retire", "VPUB", "--successor", "VPTU", "--date", "2022-01-01")
    before = file_digest(db_path)
    error = seeded.fail("--lang", lang, *NAMING_A_RETIRED_UNIT[name])
    assert error.startswith(
        {
            "en": "Error: unit VPUB was retired on 2022-01-01 (successor VPTU), on or before the "
            "meeting of 2022-",
            "vi": "Error: đơn vị VPUB đã thôi hoạt động từ ngày 01/01/2022 (đơn vị tiếp nhận: "
            "VPTU)",
        }[lang]
    ), error
    assert file_digest(db_path) == before


def test_a_meeting_before_a_units_retirement_still_names_it(seeded: Cli) -> None:
    seeded.ok("unit", "retire", "VPUB", "--successor", "VPTU", "--date", "2022-01-01")
    held = seeded.id(
        "add-meeting", "--date", "2021-12-01", "--title", "Họp cũ", "--attendee", "VPUB"
    )
    seeded.ok("assign", str(held), "--unit", "VPUB", "Việc cũ")
    seeded.ok("add-limitation", str(held), "--unit", "VPUB", "Thiếu xe")
    # a unit kept on an edit is not named anew
    seeded.ok("edit", "meeting", str(held), "--attendee", "VPUB", "--attendee", "BTC")


def test_the_same_periodic_directive_twice_is_refused(seeded: Cli, db_path: Path) -> None:
    """`assign --every` with the text of a series the unit already has from this meeting made a
    second series silently; it is refused as `assign` refuses a directive given twice."""
    seeded.ok("assign", "1", "--unit", "BTC", "--every", "month", "Báo cáo tháng")
    before = file_digest(db_path)
    error = seeded.fail("assign", "1", "--unit", "BTC", "--every", "month", "báo cáo  THÁNG")
    assert error == (
        "Error: periodic directive 1 already gives BTC this text at meeting 1; use "
        "--allow-duplicate to record another"
    )
    error = seeded.fail(
        "--lang", "vi", "assign", "1", "--unit", "BTC", "--every", "year", "Báo cáo tháng"
    )
    assert error.startswith("Error: nhiệm vụ định kỳ 1 đã giao nội dung này cho BTC")
    assert file_digest(db_path) == before
    seeded.ok(
        "assign", "1", "--unit", "BTC", "--every", "month", "Báo cáo tháng", "--allow-duplicate"
    )
    seeded.ok("assign", "1", "--unit", "BDV", "--every", "month", "Báo cáo tháng")


def test_a_zero_width_character_makes_no_new_text(seeded: Cli, db_path: Path) -> None:
    """A zero-width space or joiner (pasted from a web page) made a text that looks the same
    another one: 'Đề án\u200b A' was a second directive to BTC at the meeting, 'Ban Tổ\u200b
    chức' a second unit of that name, silently. Texts are compared without what shows nothing."""
    before = file_digest(db_path)
    error = seeded.fail("assign", "1", "--unit", "BTC", "Đề án\u200b A")
    assert error.startswith("Error: directive 1 already gives BTC this text at meeting 1")
    error = seeded.fail("unit", "add", "BTX", "Ban Tổ\u2060 chức Tỉnh ủy")
    assert error.startswith("Error: name 'Ban Tổ\\u2060 chức Tỉnh ủy' already refers to unit BTC")
    error = seeded.fail(
        "add-meeting", "--date", "6/5/2022", "--title",
        "Làm việc với các cơ quan tham mưu,\u200b giúp việc Tỉnh ủy",
    )  # fmt: skip
    assert "same title" in error
    assert file_digest(db_path) == before
    assert seeded.json("list", "--unit", "Ban Tổ\u200b chức")[0]["unit"] == "BTC"


def test_tab_and_newline_are_kept_as_spaces_and_the_limits_are_reachable(seeded: Cli) -> None:
    ident = seeded.id("assign", "1", "--unit", "BTC", "Đề án\tmột\nhai", "--key", "k" * 200)
    assert seeded.json("show", str(ident))["text"] == "Đề án một hai"
    seeded.ok("unit", "add", "A" * 64, "Ban " + "x" * 396)
    day = seeded.id("add-meeting", "--date", "31/12/2999", "--title", "Họp", "--doc", "1" * 200)
    assert seeded.json("meetings")[-1]["id"] == day
    seeded.ok("add-meeting", "--date", "1/1/1900", "--title", "Họp cũ")


# --- opening the database -------------------------------------------------------------------

READ_ONLY = [
    ["list"],
    ["show", "1"],
    ["meetings"],
    ["limitations"],
    ["overdue"],
    ["overdue", "--check"],
    ["report", "--period", "2022"],
    ["unit", "list"],
    ["remind"],
    ["history"],
    ["doctor"],
    ["export"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_a_read_command_never_creates_a_database(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "dirtrak.db"  # mistyped
    result = cli_at(target)(*args)
    assert result.exit_code == 1, result.stderr
    assert result.stderr == f"Error: no database at {target}\n"
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_a_read_command_on_an_empty_file_reads_no_register(tmp_path: Path, args: list[str]) -> None:
    """An empty file (`touch`, a copy cut short by a full disk) was given the schema by a
    command that only reads and read as a register with nothing in it: `overdue --check` exited
    0, all well. It is no database, as a missing file is; doctor says what is wrong; a command
    that records something makes it one."""
    target = tmp_path / "dirtrack.db"
    target.touch()
    result = cli_at(target)(*args)
    assert result.exit_code == 1, result.stderr
    if args[0] != "doctor":
        assert result.stderr == (
            f"Error: no database at {target}: the file is empty (0 bytes); a command that "
            "records something makes it one\n"
        )
        assert result.stdout == ""
    assert target.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == [
        "dirtrack.db"
    ]
    if args == ["list"]:
        said = cli_at(target)("--lang", "vi", *args).stderr
        assert said.startswith(f"Error: không có cơ sở dữ liệu tại {target}: tệp rỗng"), said
        cli_at(target).ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
        assert cli_at(target).json("unit", "list")[0]["code"] == "VPTU"


NEEDS_RECORDS = [
    ["unit", "retire", "BDV", "--successor", "BTC"],
    ["unit", "rename", "BDV", "Ban Dân vận"],
    ["unit", "alias", "BDV", "Dân vận"],
    ["leader", "assign", "Nguyễn Văn A", "--unit", "BDV", "--from", "1/1/2025"],
    ["done", "1"],
    ["assign", "1", "--unit", "BTC", "x"],
    ["add-meeting", "--date", "6/5/2022", "--title", "Họp", "--attendee", "BTC"],
]


@pytest.mark.parametrize("args", NEEDS_RECORDS, ids=[" ".join(a[:2]) for a in NEEDS_RECORDS])
def test_a_write_command_on_a_missing_database_says_there_is_none(
    tmp_path: Path, args: list[str]
) -> None:
    """A command that records something about a unit or a record it names said "unknown unit
    'BDV'; no units are registered yet" (or "no directive with id 1") on a mistyped --db."""
    target = tmp_path / "dirtrak.db"
    for lang, said in (("en", "no database at"), ("vi", "không có cơ sở dữ liệu tại")):
        result = cli_at(target)("--lang", lang, *args)
        assert (result.exit_code, result.stderr) == (1, f"Error: {said} {target}\n")
        assert sorted(p.name for p in tmp_path.iterdir()) == []
    result = cli_at(target)("import", str(tmp_path / "none.xlsx"))
    assert result.stderr == f"Error: {tmp_path / 'none.xlsx'}: no such file\n"


@pytest.mark.parametrize("args", NEEDS_RECORDS, ids=[" ".join(a[:2]) for a in NEEDS_RECORDS])
def test_a_write_command_on_an_empty_file_says_so_and_leaves_it_empty(
    tmp_path: Path, args: list[str]
) -> None:
    """An empty file given as --db kept the schema a refused command gave it (364 KiB where
    there were 0 bytes); it is left empty, its mode as it was, and said to be empty, as a
    command that only reads says."""
    import os

    target = tmp_path / "dirtrack.db"
    target.touch()
    os.chmod(target, 0o640)
    for lang, said in (("en", "no database at"), ("vi", "không có cơ sở dữ liệu tại")):
        result = cli_at(target)("--lang", lang, *args)
        assert result.exit_code == 1, result.stderr
        assert result.stderr.startswith(f"Error: {said} {target}: "), result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dirtrack.db"]
        assert (target.stat().st_size, target.stat().st_mode & 0o777) == (0, 0o640)


def test_a_write_command_still_creates_the_database(tmp_path: Path) -> None:
    cli = cli_at(tmp_path / "new.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "list")


# Each command a process of its own (forked from the fork server: its start is not what is
# checked), and what it leaves on disk once it has ended.
REFUSED_FIRST_WRITES = [
    ["assign", "99", "Báo cáo", "--unit", "VPTU"],
    ["progress", "1", "--percent", "30"],
    ["add-limitation", "7", "Thiếu xe", "--unit", "VPTU"],
    ["import", "sheet.csv", "--meeting", "3"],
]


@pytest.mark.parametrize("args", REFUSED_FIRST_WRITES, ids=[a[0] for a in REFUSED_FIRST_WRITES])
def test_a_refused_first_write_leaves_no_database(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "sheet.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    target = tmp_path / "new.db"
    done = run(
        *[str(tmp_path / a) if a == "sheet.csv" else a for a in args], db=str(target), forked=True
    )
    assert done.returncode == 1 and done.stderr.startswith("Error: "), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.csv"]


@pytest.mark.parametrize("args", REFUSED_FIRST_WRITES, ids=[a[0] for a in REFUSED_FIRST_WRITES])
def test_a_refused_first_write_leaves_an_empty_file_empty(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "sheet.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    target = tmp_path / "empty.db"
    target.touch()
    done = run(
        *[str(tmp_path / a) if a == "sheet.csv" else a for a in args], db=str(target), forked=True
    )
    assert done.returncode == 1 and done.stderr.startswith("Error: "), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db", "sheet.csv"]
    assert target.stat().st_size == 0


def test_pack_in_refuses_an_empty_file_as_no_database(tmp_path: Path) -> None:
    target = tmp_path / "empty.db"
    target.touch()
    book = tmp_path / "phieu.xlsx"
    book.write_bytes(b"not a workbook")
    assert cli_at(target).fail("pack", "in", str(book)) == (
        f"Error: no database at {target}: the file is empty (0 bytes); a command that records "
        "something makes it one"
    )
    assert target.stat().st_size == 0


def test_a_refused_write_keeps_a_new_database_once_written(tmp_path: Path) -> None:
    cli = cli_at(tmp_path / "new.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    before = snapshot(str(tmp_path / "new.db"))
    cli.fail("assign", "99", "Báo cáo", "--unit", "VPTU")
    assert snapshot(str(tmp_path / "new.db")) == before


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    target = tmp_path / "pipe.db"
    os.mkfifo(target)
    for args in (["list"], ["unit", "add", "X", "Y"]):
        result = cli_at(target)(*args)  # pytest-timeout ends it if it hangs
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: {target} is not a regular file (a pipe or a device?), so not a database\n"
        )


def test_a_database_link_to_nothing_or_in_a_loop_is_said_so(tmp_path: Path) -> None:
    """--db a symbolic link to a file that is not there (its disk not mounted) was 'no database
    at x.db' to a reading command and 'cannot read x.db: no such file' to a writing one; a loop
    of links was 'no database' to a reading one. Each is said as it is, the same for both, and
    nothing is created."""
    import os

    link, loop = tmp_path / "x.db", tmp_path / "loop.db"
    link.symlink_to(tmp_path / "mnt" / "nas" / "x.db")
    loop.symlink_to(tmp_path / "loop2.db")
    (tmp_path / "loop2.db").symlink_to(loop)
    for args in (["list"], ["unit", "add", "X", "Y"], ["doctor"]):
        assert cli_at(link).fail(*args) == (
            f"Error: {link} is a symbolic link to {tmp_path}/mnt/nas/x.db, which does not exist "
            "(a disk not mounted?): dirtrack neither reads nor creates a database there"
        )
        assert cli_at(loop).fail(*args) == (
            f"Error: cannot read {loop}: symbolic links that point to each other in a loop"
        )
    assert (
        cli_at(link)
        .fail("--lang", "vi", "list")
        .startswith(f"Error: {link} là liên kết tượng trưng tới")
    )
    assert sorted(os.listdir(tmp_path)) == ["loop.db", "loop2.db", "x.db"]


@pytest.mark.sqlite_only("restore, among the readers, takes a SQLite file")
def test_a_fifo_named_as_a_file_to_read_is_refused_without_waiting(
    seeded: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every option or argument that names a file to read refuses a FIFO (or a device) at
    once, without waiting for a writer, and says what it takes: it said "give a file, or '-'
    where a command reads standard input" for each, where only extract reads '-'
    (``score --rules -`` is "no rule set '-'", ``import -`` "no file '-'")."""
    import os

    pipe = tmp_path / "answers.json"  # no process ever writes to it: reading it would wait
    os.mkfifo(pipe)
    refused = f"Error: {pipe} is not a regular file (a pipe or a device?): "
    config = tmp_path / "config.toml"
    config.write_text(
        f'[mail]\nhost = "127.0.0.1"\nsender = "vp@tinhuy.vn"\nuser = "vt"\n'
        f'password_file = "{pipe}"\n',
        encoding="utf-8",
    )
    before = file_digest(db_path)
    importing = "give the sheet (.xlsx, .csv), the dirtrack export (.json) or the meeting draft "
    docx = "give a Word document (.docx)"
    for args, hint in (
        (["import", str(pipe)], f"{importing}(.toml) to import"),
        (["import", str(pipe), "--dry-run"], f"{importing}(.toml) to import"),
        (["extract", str(pipe)], "give a file, or '-' to read standard input"),
        (["restore", str(pipe), "--yes"], "give a backup made by dirtrack backup"),
        (["done", "1", "--date", "2022-06-20", "--file", str(pipe)], "give the result "
         "document's file"),
        (["score", "--quarter", "2022Q3", "--rules", str(pipe)], "give a rule file (TOML), or a "
         "preset: nd335, qd366"),
        (["report", "--quarter", "2022Q3", "--format", "docx", "--out",
          str(tmp_path / "r.docx"), "--template", str(pipe)], docx),
        (["office", "set", "--template", str(pipe)], docx),
        (["--config", str(config), "pack", "out", "--quarter", "2022Q3", "--dir",
          str(tmp_path / "p"), "--mail"], "give the file that holds the password ([mail] "
         "password_file)"),
    ):  # fmt: skip
        if args[0] == "--config":
            monkeypatch.setenv("DIRTRACK_CONFIG", args[1])
            args = args[2:]
        result = seeded(*args)  # pytest-timeout ends it if it hangs
        monkeypatch.delenv("DIRTRACK_CONFIG", raising=False)
        assert result.exit_code == 1, (args, result.stderr)
        assert result.stderr == f"{refused}{hint}\n", (args, result.stderr)
    vi = seeded("--lang", "vi", "score", "--quarter", "2022Q3", "--rules", str(pipe)).stderr
    assert vi == (
        f"Error: {pipe} không phải là tệp thông thường (đường ống hay thiết bị?): hãy đưa một tệp "
        "quy tắc (TOML), hoặc một bộ có sẵn: nd335, qd366\n"
    ), vi
    assert file_digest(db_path) == before
    # The configuration file: every command reads it before it starts.
    done = run("list", db=seeded.db, env={"DIRTRACK_CONFIG": str(pipe)}, forked=True)
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: {pipe} is not a regular file (a pipe or a device?), so not a configuration file\n"
    )
    assert file_digest(db_path) == before


def test_toml_nested_too_deeply_is_one_error_line(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    deep = tmp_path / "hop.toml"
    deep.write_text("a = " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    before = file_digest(db_path)
    error = seeded.fail("import", str(deep))
    assert error == "Error: hop.toml: the draft is not valid TOML: nested too deeply"
    done = run("list", db=seeded.db, env={"DIRTRACK_CONFIG": str(deep)}, forked=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"Error: configuration {deep} is not valid TOML: nested too deeply\n"
    error = seeded.fail("--lang", "vi", "import", str(deep))
    assert error == "Error: hop.toml: bản nháp không đúng cú pháp TOML: lồng nhau quá nhiều tầng"
    assert file_digest(db_path) == before


# Every kind of message Python's TOML reader has, by a text that draws it.
BROKEN_TOML = (
    "a",
    "a = 1 b",
    'a = """x',
    "a = '''x",
    "[a\nb = 1",
    "[[a]\n",
    "a = 1\na = 2",
    "a.b = 1\n[a]\nb = 2",
    "a.b = 1\na.b.c = 2",
    "a = {b = 1}\na.c = 2",
    "a = [1",
    "a = {b = 1, b = 2}",
    "a = {b = 1",
    'a = "\\q"',
    'a = "\\uD800"',
    'a = "\\u12G4"',
    'a = "\x01"',
    "a = 2022-02-30",
    "a = hello",
    "= 1",
    "[a]\nb.c = 1\n[a.b]\n",
)


@pytest.mark.parametrize("text", BROKEN_TOML)
def test_what_is_wrong_with_a_toml_file_is_said_in_the_users_language(text: str) -> None:
    import tomllib

    from dirtrack.inputs import TomlError, parse_toml

    with pytest.raises(tomllib.TOMLDecodeError) as english:
        tomllib.loads(text)
    with pytest.raises(TomlError) as raised:
        parse_toml(text)
    detail = raised.value.detail
    where = str(english.value).rsplit(" (at ", 1)[1]
    # Each of the reader's messages is one of the catalog's, at the place it gave.
    assert detail.key in ("toml_at", "toml_at_end")
    problem = detail.params["problem"]
    assert isinstance(problem, Phrase) and problem.key != "toml_unreadable", english.value
    if where.startswith("line"):
        assert f"(line {detail.params['line']}, column {detail.params['column']})" == f"({where}"
    vi = detail.render("vi")
    assert ("dòng" in vi and "cột" in vi) or "cuối tệp" in vi
    for word in ("Expected", "Cannot", "Invalid", "Unclosed", "Unterminated", "line", "column"):
        assert word not in vi, vi


def test_a_broken_draft_and_configuration_in_vietnamese(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "nhap.toml"
    draft.write_text('date = 2022-05-06\ntitle = "Họp"\ntitle = "Họp lại"\n', encoding="utf-8")
    before = file_digest(db_path)
    assert seeded.fail("--lang", "vi", "import", str(draft)) == (
        "Error: nhap.toml: bản nháp không đúng cú pháp TOML: một khóa được gán giá trị hai lần "
        "(dòng 3, cột 18)"
    )
    assert seeded.fail("--lang", "en", "import", str(draft)) == (
        "Error: nhap.toml: the draft is not valid TOML: a key is given a value twice "
        "(line 3, column 18)"
    )
    config = tmp_path / "config.toml"
    config.write_text("[list]\nlimit 5\n", encoding="utf-8")
    done = run(
        "--lang", "vi", "list", db=seeded.db, env={"DIRTRACK_CONFIG": str(config)}, forked=True
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: tệp cấu hình {config} không đúng cú pháp TOML: "
        "thiếu '=' sau khóa (dòng 2, cột 7)\n"
    )
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://an:S3cret@db.example:port/dirtrack",
        "postgresql://an:S3cret@[::1/dirtrack",
        # a NUL ends libpq's connection string: the host after it was dropped, unsaid, and the
        # local server reached instead
        "postgresql://an:S3cret@/dirtrack?application_name=x%00&host=db.example",
        "postgresql://an:S3c%00ret@db.example/dirtrack",
    ],
)
def test_a_malformed_database_url(url: str) -> None:
    error = cli_at(url).fail("list")
    assert error.endswith("is not a database URL"), error
    assert "S3cret" not in error


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "sqlite:///"])
def test_a_database_in_memory_is_refused(url: str) -> None:
    """--db sqlite:// (in memory) took every write and said so, and all of it was gone when the
    command ended: it is refused, naming the form of a file."""
    assert cli_at(url).fail("unit", "add", "VPTU", "Văn phòng Tỉnh ủy") == (
        f"Error: --db '{url}' is a database in memory, gone when the command ends: give a file "
        "(sqlite:///PATH, or its path)"
    )
    assert "cơ sở dữ liệu trong bộ nhớ" in cli_at(url).fail("--lang", "vi", "list")


def test_a_postgresql_driver_other_than_psycopg_is_refused_naming_the_url_to_write() -> None:
    """psycopg2 and asyncpg said to install dirtrack[postgres], which does not install them;
    a made-up driver, that the URL was not one. (postgres://, libpq's other spelling, is taken:
    test_postgres.)"""
    for driver in ("psycopg2", "asyncpg", "nosuchdriver"):
        url = f"postgresql+{driver}://an:S3cret@localhost/dirtrack"
        assert cli_at(url).fail("--lang", "vi", "list") == (
            f"Error: dirtrack kết nối PostgreSQL qua psycopg, không qua {driver}: hãy viết "
            "postgresql://USER@HOST/DATABASE"
        )
    assert cli_at("postgres+pg8000://an@localhost/dirtrack").fail("list") == (
        "Error: dirtrack reaches PostgreSQL through psycopg, not pg8000: write "
        "postgresql://USER@HOST/DATABASE"
    )


def test_postgresql_without_its_driver_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without psycopg (``make demo``'s venv, ``pip install .``) a PostgreSQL URL said to run
    ``pip install 'dirtrack[postgres]'``, which fetches a package of that name from PyPI rather
    than the driver for the dirtrack installed: it names the driver, and the clone's extra."""
    monkeypatch.setitem(sys.modules, "psycopg", None)
    url = "postgresql://an@localhost/dirtrack"
    line = cli_at(url).fail("list")
    assert line.startswith("Error: PostgreSQL needs the psycopg driver"), line
    assert "pip install 'psycopg[binary]'" in line and "'.[postgres]'" in line, line
    assert "dirtrack[postgres]" not in line, line
    said = cli_at(url).fail("--lang", "vi", "list")
    assert "psycopg" in said and "pip install 'psycopg[binary]'" in said, said
    assert "dirtrack[postgres]" not in said and "needs the" not in said, said


def test_another_programs_alembic_database(tmp_path: Path) -> None:
    target = tmp_path / "other.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    before = file_digest(target)
    result = cli_at(target)("unit", "add", "X", "Y")
    assert result.stderr == f"Error: {target} is not a dirtrack database\n"
    assert file_digest(target) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs of our own (needs root, as the CI container has)."""
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave_kib: int) -> None:
    import os

    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize // 1024
    with (folder / f"filler-{leave_kib}").open("wb") as handle:
        handle.write(b"\0" * max(free - leave_kib, 0) * 1024)


def test_a_full_disk_is_said_so_and_writes_nothing(small_disk: Path) -> None:
    db = str(small_disk / "v.db")
    cli = cli_at(db)
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    _fill(small_disk, 40)
    before = snapshot(db)
    # the longest text a directive holds, 3 bytes a character: more than the 40 KiB left
    result = cli("assign", "1", "--unit", "BTC", "ệ" * 32_767)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the disk is full: nothing was written; free some space and run it again\n"
    )
    assert len(result.stderr.splitlines()) == 1
    assert snapshot(db) == before
    _fill(small_disk, 0)
    # backup: "cannot be read as a database (the device reported an input/output error)"
    copy = small_disk.parent / "copy.db"
    assert cli.fail("backup", str(copy)) == (
        f"Error: cannot open {db}: the disk is full; free some space and run it again"
    )
    assert not copy.exists()
    # doctor: 14 problems, "the device reported an input/output error", of a sound database
    result = cli("doctor")
    assert (result.exit_code, result.stderr, result.stdout) == (
        1,
        f"Error: cannot open {db}: the disk is full; free some space and run it again\n",
        "",
    )
    new = small_disk / "new.db"
    result = cli_at(new)("unit", "add", "X", "Y")
    assert (
        result.stderr
        == f"Error: cannot open {new}: the disk is full; free some space and run it again\n"
    )
    assert not new.exists()


def test_a_read_only_file_system_is_read_and_refuses_writes(small_disk: Path) -> None:
    """A register on a read-only file system (or in a folder one may only read) was refused by
    every command, since SQLite could not make its journal files beside it: the commands that
    only read read it now (as a file that does not change), and those that write are refused
    in one line (a reading that needs occurrences of a periodic directive not made yet reads
    without them, saying so). One whose -wal file holds changes not yet copied into it,
    without the index (-shm) to read them through, is refused still: read without them, it
    would show the register as it was before them."""
    import os
    import shutil
    import subprocess
    import sys

    db = str(small_disk / "v.db")
    cli = cli_at(db)
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    cli.ok("assign", str(meeting), "--unit", "BTC", "Việc A", "--due", "2022-06-30")
    monthly = ["Báo cáo tháng", "--every", "month", "--from", date.today().isoformat()]
    cli.ok("assign", str(meeting), "--unit", "BTC", *monthly)
    with sqlite3.connect(db) as conn:  # the occurrences made up to next month
        [(made,)] = conn.execute("SELECT count(*) FROM directive").fetchall()
    conn.close()
    pending = str(small_disk / "pending.db")
    # a link on the read-only disk to a register in a folder that can be written: SQLite keeps
    # the journal files beside the file itself, so it is read as any, its -wal included
    outside = str(small_disk.parent / "outside.db")
    (small_disk / "link.db").symlink_to(outside)
    for copy in (pending, outside):
        shutil.copyfile(db, copy)
        # a writer killed with its last change in the -wal file alone
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import os, sqlite3; c = sqlite3.connect(os.sys.argv[1], isolation_level=None); "
                "c.execute('PRAGMA wal_autocheckpoint=0'); "
                "c.execute(\"UPDATE unit SET name = 'Ban Tổ chức mới'\"); os._exit(0)",
                copy,
            ],
            check=True,
        )
        assert os.path.getsize(copy + "-wal") > 0
        os.remove(copy + "-shm")  # its -wal file left without its index (with it, SQLite reads)

    def disk() -> dict[str, str]:
        return {p.name: file_digest(p) for p in small_disk.iterdir() if not p.is_symlink()}

    before = disk()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        assert [d["text"] for d in cli.json("list", "--status", "all")][0] == "Việc A"
        report = cli.json("report", "--quarter", "2022Q2")
        assert report["totals"]["total"] == 1
        # a reading that needs occurrences of the monthly report not made yet: read without
        # them, saying so, where it was refused as if it wrote
        ahead = (date.today() + timedelta(days=150)).isoformat()
        result = cli("list", "--as-of", ahead, "--status", "all", "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert len(json.loads(result.stdout)) == made
        assert result.stderr.startswith(
            "the database cannot be written here (read-only): the occurrences of periodic "
            "directives needed up to "
        ), result.stderr
        assert len(result.stderr.splitlines()) == 1
        found = {c["check"]: c for c in cli.json("doctor")}
        checks = {name: c["status"] for name, c in found.items()}
        assert checks["journal"] == "ok", checks  # a WAL file, though read as one that is not
        # the writes it would refuse are said: a warning (doctor exits 0), not "no problems"
        assert checks["permissions"] == "warning", checks
        assert found["permissions"]["detail"] == (
            f"{db}, its folder or the file system is read-only: the commands that only read "
            "work, those that record something are refused"
        )
        assert {s for n, s in checks.items() if n != "permissions"} == {"ok"}, checks
        said = cli("--lang", "vi", "doctor")
        assert said.exit_code == 0, said.stderr
        assert "chỉ cho đọc" in said.stdout
        refused = (
            "Error: cannot open {}: the file, its folder or the file system is read-only "
            "(dirtrack writes its journal files beside it)"
        )
        assert cli.fail("unit", "add", "X", "Y") == refused.format(db)
        assert cli.fail("done", "1") == refused.format(db)
        assert cli_at(pending).fail("unit", "list") == refused.format(pending)
        linked = cli_at(small_disk / "link.db").json("unit", "list")
        assert linked[0]["name"] == "Ban Tổ chức mới"
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert disk() == before


# --- an empty option value ---------------------------------------------------------------------

# A run of each command that works on the `seeded` database; every text option of the command is
# then given '' in turn. A command with text options that is missing here fails the test.
WORKING = {
    (): ["list"],
    ("assign",): ["assign", "1", "x", "--unit", "BTC"],
    ("progress",): ["progress", "1", "--percent", "10"],
    ("done",): ["done", "1"],
    ("extend",): ["extend", "1", "--to", "2022-12-31"],
    ("cancel",): ["cancel", "1"],
    ("list",): ["list"],
    ("show",): ["show", "1"],
    ("extract",): ["extract", "{text}"],
    ("add-limitation",): ["add-limitation", "1", "x", "--unit", "BTC"],
    ("resolve",): ["resolve", "2"],
    ("limitations",): ["limitations"],
    ("add-meeting",): ["add-meeting", "--date", "2022-06-01", "--title", "Họp"],
    ("meetings",): ["meetings"],
    ("remind",): ["remind"],
    ("history",): ["history"],
    ("config",): ["config"],
    ("doctor",): ["doctor"],
    ("overdue",): ["overdue"],
    ("report",): ["report", "--quarter", "2022Q2"],
    ("import",): ["import", "{sheet}", "--meeting", "1"],
    ("export",): ["export"],
    ("unit", "retire"): ["unit", "retire", "VPUB", "--successor", "VPTU"],
    ("unit", "add"): ["unit", "add", "NEW", "Đơn vị mới"],
    ("unit", "list"): ["unit", "list"],
    ("calendar", "list"): ["calendar", "list"],
    ("series", "list"): ["series", "list"],
    ("field", "list"): ["field", "list"],
    ("field", "suggest"): ["field", "suggest"],
    ("limitation", "suggest"): ["limitation", "suggest", "2"],
    ("leader", "list"): ["leader", "list"],
    ("calendar", "add"): ["calendar", "add", "2025-05-05", "--off"],
    ("series", "show"): ["series", "show", "1"],
    ("series", "stop"): ["series", "stop", "1", "--from", "2025-01-01"],
    ("unit", "contact"): ["unit", "contact", "BTC", "--name", "Nguyễn Văn An"],
    ("pack", "out"): ["pack", "out", "--quarter", "2022Q2", "--dir", "{text}.d", "--dry-run"],
    ("pack", "in"): ["pack", "in", "{sheet}", "--dry-run"],
    ("pack", "status"): ["pack", "status", "--quarter", "2022Q2"],
    ("unit", "rename"): ["unit", "rename", "VPUB", "Văn phòng UBND tỉnh mới"],
    ("edit", "directive"): ["edit", "directive", "1", "--text", "Đề án A sửa"],
    ("edit", "meeting"): ["edit", "meeting", "1", "--title", "Họp sửa"],
    ("edit", "limitation"): ["edit", "limitation", "2", "--text", "Kinh phí hạn hẹp sửa"],
    ("reopen",): ["reopen", "2"],
    ("urge",): ["urge", "BTC", "--format", "md"],
    ("accept",): ["accept", "2"],
    ("return",): ["return", "2", "--reason", "Thiếu số liệu"],
    ("request", "extend"): ["request", "extend", "1", "--to", "2022-12-31", "--reason", "Chờ"],
    ("request", "withdraw"): ["request", "withdraw", "1", "--reason", "Không còn phù hợp"],
    ("approve",): ["approve", "1"],
    ("reject",): ["reject", "1", "--reason", "Không có căn cứ"],
    ("requests",): ["requests"],
    ("leader", "assign"): [
        "leader",
        "assign",
        "Trần Văn B",
        "--unit",
        "BTC",
        "--from",
        "2022-06-01",
    ],
    ("office", "set"): ["office", "set", "--body", "Văn phòng"],
    ("office", "template"): ["office", "template", "--out", "{text}.docx"],
    ("score",): ["score", "--quarter", "2022Q2"],
}


def text_options() -> list[tuple[tuple[str, ...], str]]:
    """(command path, option) for every option of every command that takes text: free text,
    or a code or one of its names (``--verdict``, ``--kind``: ``''`` is no unknown verdict)."""
    from typer._click.types import StringParamType

    from dirtrack.cli.common import Named
    from tests.conftest import COMMAND

    found: list[tuple[tuple[str, ...], str]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        for param in getattr(command, "params", []):
            if param.param_type_name == "option" and isinstance(
                param.type, StringParamType | Named
            ):
                found.append((path, max(param.opts, key=len)))
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(COMMAND, ())
    return found


def test_an_empty_option_value_is_an_error_never_not_given(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    """`done 1 --date ''` recorded today, `remind --unit ''` listed every unit: an empty value
    is refused, for every text option of every command, and nothing is written."""
    (tmp_path / "hop.txt").write_text("Giao Ban Tổ chức rà soát quy chế.\n", encoding="utf-8")
    (tmp_path / "sheet.csv").write_text("Nội dung,Đơn vị chủ trì\nRà soát,BTC\n", encoding="utf-8")
    files = {"text": str(tmp_path / "hop.txt"), "sheet": str(tmp_path / "sheet.csv")}
    pairs = text_options()
    assert len(pairs) >= 26
    before = file_digest(db_path)
    wrong = []
    for path, option in pairs:
        assert path in WORKING, f"add a working run of {' '.join(path)!r} to WORKING"
        args = [a.format(**files) for a in WORKING[path]]
        if option in args:  # the working run's own value of it gives way to the empty one
            del args[args.index(option) : args.index(option) + 2]
        result = seeded(option, "", *args) if not path else seeded(*args, option, "")
        shown = result.stderr
        lines = shown.strip().splitlines()
        good = result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error: ")
        good = good and option in shown  # an invalid value (exit 1) naming the option
        if not good or "Traceback" in shown or file_digest(db_path) != before:
            wrong.append(f"{' '.join(path)} {option} '': exit {result.exit_code} {shown!r}")
    assert not wrong, "\n".join(wrong)


# A run of each command with a file argument (metavar FILE), the file left to the test; a command
# with a FILE argument that is missing here fails the test.
FILE_RUNS = {
    ("extract",): ["extract"],
    ("import",): ["import"],
    ("backup",): ["backup"],
    ("restore",): ["restore", "--yes"],
    ("pack", "in"): ["pack", "in"],
}
# Likewise each option that names a folder or a file (metavar DIR, FILE, PATH, NAME|FILE), the
# option last: `score --rules " "` said '.' was a folder, `done --file " "` and `--template " "`
# that a file named by a space did not exist.
DIR_RUNS = {
    ("pack", "out", "--dir"): ["pack", "out", "--quarter", "2022Q2", "--dir"],
    ("urge", "--dir"): ["urge", "--all", "--format", "md", "--dir"],
    ("urge", "--out"): ["urge", "BTC", "--format", "md", "--out"],
    ("done", "--file"): ["done", "1", "--file"],
    ("extract", "--out"): ["extract", "{text}", "--out"],
    ("report", "--out"): ["report", "--quarter", "2022Q2", "--out"],
    ("report", "--template"): ["report", "--quarter", "2022Q2", "--format", "docx", "--template"],
    ("score", "--rules"): ["score", "--quarter", "2022Q2", "--rules"],
    ("score", "--out"): ["score", "--quarter", "2022Q2", "--out"],
    ("export", "--out"): ["export", "--out"],
    ("office", "set", "--template"): ["office", "set", "--template"],
    ("office", "template", "--out"): ["office", "template", "--out"],
}
PATH_METAVARS = ("DIR", "FILE", "PATH", "NAME|FILE")


@pytest.mark.sqlite_only("the current folder holds a copy of the SQLite database; digests compared")
def test_an_empty_file_name_is_an_error_never_the_current_folder(
    seeded: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pack in "$INBOX"` with INBOX unset read every workbook of the folder the script ran in;
    `import ''` and `extract ''` said '.' was a folder, `restore ''` likewise. A blank file name
    is refused for every FILE argument, naming it, in the user's language, and so is a folder
    or file option's (`pack out --dir " "` wrote the workbooks into a folder named by a space,
    `score --rules " "` read '.'); nothing is read or written, the current folder left as it
    was."""
    from tests.conftest import COMMAND

    found: list[tuple[str, ...]] = []
    folders: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        for param in getattr(command, "params", []):
            if param.param_type_name == "argument" and str(param.metavar).startswith("FILE"):
                found.append(path)
            elif param.param_type_name == "option" and param.metavar in PATH_METAVARS:
                folders.append((*path, param.opts[0]))
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(COMMAND, ())
    assert sorted(found) == sorted(FILE_RUNS)
    assert sorted(folders) == sorted(DIR_RUNS)
    here = tmp_path / "here"
    here.mkdir()
    seeded.ok("pack", "out", "--quarter", "2022Q2", "--dir", str(here))
    seeded.ok("backup", str(here / "copy.db"))
    text = here / "hop.txt"
    text.write_text("Kết luận cuộc họp ngày 6/5/2022.\n", encoding="utf-8")
    monkeypatch.chdir(here)
    folder = sorted((p.name, p.stat().st_mtime_ns) for p in here.iterdir())
    before = file_digest(db_path)
    blanks = ("", "  ")
    runs = [[*r[: len(p)], name, *r[len(p) :]] for p, r in FILE_RUNS.items() for name in blanks]
    runs += [
        [*(a.format(text=text) for a in r), name] for r in DIR_RUNS.values() for name in blanks
    ]
    wrong = []
    for args in runs:
        for lang, said in (
            ("en", "Error: Invalid value for '"),
            ("vi", "Error: Giá trị không hợp lệ cho '"),
        ):
            result = seeded("--lang", lang, *args)
            lines = result.stderr.strip().splitlines()
            good = result.exit_code == 1 and len(lines) == 1 and lines[0].startswith(said)
            good = good and ("empty file name" if lang == "en" else "tên tệp để trống") in lines[0]
            if not good or result.stdout:
                wrong.append(f"{' '.join(args)!r}: exit {result.exit_code} {result.stderr!r}")
    assert not wrong, "\n".join(wrong)
    assert file_digest(db_path) == before
    assert sorted((p.name, p.stat().st_mtime_ns) for p in here.iterdir()) == folder


@pytest.mark.sqlite_only(
    "the file names and the database given are SQLite files; its digest is compared"
)
def test_a_byte_not_utf8_names_the_option_or_argument_it_was_given_to(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A byte that is not UTF-8 (Python's lone surrogate U+DCFF for argv's b'\\xff') given to
    any option or argument of any command is refused in one line naming it (`history --by`,
    `assign --key` said "some input is not valid UTF-8 text"; `list --unit` showed the escape
    '\\udcff'), and nothing is written. A file's path (FILE, DIR) may hold any bytes: it is
    read or written as given, and the change log records it with the byte as ``\\xff``."""
    from tests.conftest import COMMAND

    given: list[tuple[tuple[str, ...], str, list[str]]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        for param in getattr(command, "params", []):
            words = set(str(param.metavar or "").replace("…", "").split("|"))
            if (
                getattr(param, "is_flag", False)
                or getattr(param, "count", False)
                or (words & {"FILE", "DIR", "PATH"})
            ):
                continue
            if param.param_type_name == "option":
                name = max(param.opts, key=len)
                after = [] if path else ["unit", "list"]  # a global option: a command
                given.append((path, name, [*path, name, "\udcff", *after]))
            elif param.nargs == 1:  # an argument alone on the line: the first one
                if next(p for p in command.params if p.param_type_name == "argument") is param:
                    given.append((path, param.human_readable_name, [*path, "\udcff"]))
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(COMMAND, ())
    assert len(given) >= 250
    before = file_digest(db_path)
    wrong = []
    for _path, name, args in given:
        result = seeded(*args)
        lines = result.stderr.strip().splitlines()
        said = f"Error: {name}: byte 0xFF is not UTF-8: type the text in a terminal set to UTF-8"
        if result.exit_code != 1 or lines != [said] or file_digest(db_path) != before:
            wrong.append(f"{' '.join(args)!r}: exit {result.exit_code} {result.stderr!r}")
    assert not wrong, "\n".join(wrong)
    # argv as a terminal set to another encoding gives it: bytes, through the entry point
    for args, name in (
        ([b"history", b"--by", b"\xff"], "--by"),
        ([b"assign", b"1", b"x", b"--unit", b"BTC", b"--key", b"k\xff"], "--key"),
        ([b"list", b"--unit", b"\xff"], "--unit"),
        ([b"list", b"--unit=\xff"], "--unit"),
        ([b"--lang", b"vi", b"done", b"1", b"--note", b"\xff"], "--note"),
    ):
        run = subprocess.run(
            [os.fsencode(ENTRY_POINT), b"--db", os.fsencode(db_path), *args], capture_output=True
        )
        assert run.returncode == 1, run.stderr
        line = run.stderr.decode()
        assert line.startswith(f"Error: {name}: byte 0xFF ") and line.count("\n") == 1, line
    # the database's path from the environment names the variable and the option
    env = {**os.environb, b"DIRTRACK_DB": os.fsencode(tmp_path) + b"/\xff.db"}
    run = subprocess.run([ENTRY_POINT, "unit", "list"], capture_output=True, env=env)
    assert run.stderr.decode().startswith("Error: DIRTRACK_DB: --db: byte 0xFF "), run.stderr
    assert run.returncode == 1 and b"\xff.db" not in os.listdir(os.fsencode(tmp_path))
    assert file_digest(db_path) == before
    # A file's name: written, read, and recorded in the change log with the byte as \xff (what
    # the commands do with it, in processes forked from the fork server: the start is above).
    name = os.fsencode(tmp_path) + b"/so\xff.json"
    copy = os.fsencode(tmp_path / "copy.db")
    forked = program(forked=True)
    for db, args in (
        (os.fsencode(db_path), [b"export", b"--out", name]),
        (copy, [b"import", name]),
    ):
        run = subprocess.run([os.fsencode(forked), b"--db", db, *args], capture_output=True)
        assert run.returncode == 0, run.stderr
    assert file_digest(db_path) == before
    logged = subprocess.run(
        [forked, "--db", str(tmp_path / "copy.db"), "history", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    [command] = [c for c in json.loads(logged.stdout) if c["command"] == "import"]
    assert command["params"]["file"] == f"{tmp_path}/so\\xff.json"


def test_why_a_file_cannot_be_read_is_said_in_vietnamese(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    """The system's reason (strerror) came through in English under --lang vi: 'Too many
    levels of symbolic links'. It is said through the catalog (inputs.os_reason)."""
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    before = file_digest(db_path)
    assert seeded.fail("--lang", "vi", "extract", str(loop)) == (
        f"Error: không đọc được {loop}: các liên kết tượng trưng trỏ vòng vào nhau"
    )
    assert seeded.fail("--lang", "en", "extract", str(loop)) == (
        f"Error: cannot read {loop}: symbolic links that point to each other in a loop"
    )
    rules = tmp_path / "rules.toml"
    rules.write_bytes(b'title = "V\xe2n"\n')
    assert seeded.fail("--lang", "vi", "score", "--quarter", "2022Q3", "--rules", str(rules)) == (
        f"Error: không đọc được {rules}: không phải văn bản UTF-8"
    )
    done = run(
        "--lang", "vi", "list", db=seeded.db, env={"DIRTRACK_CONFIG": str(loop)}, forked=True
    )
    assert done.stderr == (
        f"Error: DIRTRACK_CONFIG: không đọc được {loop}: các liên kết tượng trưng trỏ vòng vào "
        "nhau\n"
    )
    assert file_digest(db_path) == before


def test_the_reasons_of_the_system_in_the_catalogs_words() -> None:
    import errno
    import socket

    from dirtrack.inputs import os_reason

    def said(exc: OSError) -> str:
        reason = os_reason(exc)
        return reason if isinstance(reason, str) else reason.render("vi")

    assert said(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")) == (
        "kết nối bị từ chối"
    )
    assert said(socket.gaierror(-2, "Name or service not known")) == (
        "không tìm thấy tên máy chủ (DNS)"
    )
    assert said(TimeoutError("timed out")) == "không có trả lời trong thời gian chờ"
    assert said(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền truy cập"
    assert said(OSError(errno.EBADF, "Bad file descriptor")) == "nó đã bị đóng"
    assert said(OSError(errno.ENXIO, "No such device or address")) == "No such device or address"


def test_a_leader_is_never_put_in_charge_of_a_retired_unit(seeded: Cli, db_path: Path) -> None:
    """`leader assign --unit` took a unit retired before the first day in charge, which every
    other way of giving a unit work refuses (store.units.check_not_retired)."""
    seeded.ok("unit", "retire", "UBKT", "--successor", "BTC", "--date", "1/7/2022")
    before = file_digest(db_path)
    for lang, said in (
        ("en", "Error: unit UBKT was retired on 2022-07-01 (successor BTC), on or before"),
        ("vi", "Error: đơn vị UBKT đã thôi hoạt động từ ngày 01/07/2022 (đơn vị tiếp nhận: BTC)"),
    ):
        for day in ("1/7/2022", "1/1/2025"):
            args = ["leader", "assign", "Nguyễn Văn A", "--unit", "UBKT", "--from", day]
            assert seeded.fail("--lang", lang, *args).startswith(said)
    assert file_digest(db_path) == before
    seeded.ok("leader", "assign", "Nguyễn Văn A", "--unit", "UBKT", "--from", "30/6/2022")


@pytest.mark.sqlite_only("backup, among the writers, copies a SQLite file")
def test_a_symbolic_link_is_an_existing_target(seeded: Cli, db_path: Path, tmp_path: Path) -> None:
    """`backup` onto a link that points nowhere replaced the link without --force: a path that
    is a symbolic link, dangling or not, is taken (render.outfile.occupied)."""
    link = tmp_path / "copy.db"
    link.symlink_to(tmp_path / "nowhere" / "x.db")
    before = file_digest(db_path)
    for lang, backup_said, out_said in (
        ("en", f"Error: {link} exists already; give --force to replace it", "the file exists"),
        ("vi", f"Error: {link} đã có; thêm --force để ghi đè", "tệp đã có"),
    ):
        assert seeded.fail("--lang", lang, "backup", str(link)) == backup_said
        for args in (["export"], ["report", "--period", "2022", "--format", "md"]):
            said = seeded.fail("--lang", lang, *args, "--out", str(link))
            assert said == f"Error: --out {link}: {out_said}; " + (
                "add --force to overwrite it" if lang == "en" else "thêm --force để ghi đè"
            )
        assert link.is_symlink() and not link.exists()
    assert file_digest(db_path) == before
    seeded.ok("backup", str(link), "--force")
    assert not link.is_symlink() and link.is_file()


@pytest.mark.parametrize("typed", ["1_0", "+1", " 1", "1 ", "¹", "１_０", "٣.0"])
def test_an_id_is_digits(seeded: Cli, db_path: Path, typed: str) -> None:
    """int() reads underscores and a plus sign: `done 1_0` completed directive 10. Every whole
    number typed is digits (cli.common.WholeNumber)."""
    before = file_digest(db_path)
    for lang, said in (("en", "is not a valid integer"), ("vi", "không phải là số nguyên hợp lệ")):
        for args in (["done", typed], ["show", typed], ["progress", "1", "--percent", typed]):
            result = seeded("--lang", lang, *args)
            assert result.exit_code == 1, (args, result.stderr)
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: ") and said in lines[0]
    assert file_digest(db_path) == before
    assert seeded.json("show", "01")["id"] == 1


def number_params() -> list[tuple[tuple[str, ...], Any]]:
    """Every whole-number or decimal option and argument of every command, with its path."""
    from typer._click.types import FloatParamType, IntParamType

    from tests.conftest import COMMAND

    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        for param in getattr(command, "params", []):
            if isinstance(param.type, IntParamType | FloatParamType):
                found.append((path, param))
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(COMMAND, ())
    return found


def test_every_number_option_reads_digits_alone_in_the_users_language(
    seeded: Cli, db_path: Path
) -> None:
    """`--percent 1_0`, `show +1`: every option and argument of every command that takes a
    number (found by walking the command tree, so a new one is covered) refuses what Python's
    int() or float() reads but a person does not type for a number, in one `Error:` line in
    Vietnamese under --lang vi naming the option, exit 1, nothing written; and reads the digits
    of another width or script (cli.common.WholeNumber, text.ascii_typed)."""
    found = number_params()
    assert len(found) >= 40 and all(type(p.type).__name__ == "WholeNumber" for _, p in found)
    before = file_digest(db_path)
    for path, param in found:
        assert param.type.convert("١٠", param, None) == 10, (path, param.name)
        assert param.type.convert("１０", param, None) == 10, (path, param.name)
        for typed in ("1_0", "+1", "¹", "1e3", "0x10", "1.0", "١_٠"):
            if param.param_type_name == "option":
                args = [*path, param.opts[0], typed]
            else:  # the arguments before it (a good value each), then it
                ahead = [p for p in param_list(path) if p.param_type_name == "argument"]
                before_it = ahead[: ahead.index(param)]
                assert len(before_it) <= len(ARGUMENTS_BEFORE.get(path, [])), path
                args = [*path, *ARGUMENTS_BEFORE.get(path, [])[: len(before_it)], typed]
            result = seeded("--lang", "vi", *args)
            lines = result.stderr.splitlines()
            assert result.exit_code == 1 and len(lines) == 1, (args, result.stderr)
            assert lines[0].startswith("Error: Giá trị không hợp lệ cho "), (args, lines)
            assert f"'{typed}' không phải là số nguyên hợp lệ" in lines[0], (args, lines)
    assert file_digest(db_path) == before


# A good value of each argument before a number argument, for a run that reaches the number.
ARGUMENTS_BEFORE = {("delete",): ["meeting"]}


def param_list(path: tuple[str, ...]) -> list[Any]:
    from tests.conftest import COMMAND

    command: Any = COMMAND
    for name in path:
        command = command.commands[name]
    return list(command.params)


def test_digits_typed_in_another_width_or_script_are_read_as_everywhere(seeded: Cli) -> None:
    """`--percent ٣` was refused while a pack cell `٣٠` read as 30 and a date `٣٠/٥/٢٠٢٥` as
    30 May: digits are read one way, full-width (an IME's) and other scripts' as ASCII, in an
    id, a typed whole number, a unit's code or a date alike."""
    assert seeded.json("show", "１")["id"] == 1
    assert seeded.json("show", "١")["id"] == 1  # Arabic-Indic 1
    seeded.ok("progress", "١", "--percent", "٣٠", "--date", "2022-05-20")
    assert seeded.json("show", "1")["progress"] == 30
    seeded.ok("progress", "1", "--percent", "４０", "--date", "2022-05-21")
    assert seeded.json("show", "1")["progress"] == 40
    made = seeded.json("assign", "1", "--unit", "ＶＰＴＵ", "Đề án D")
    assert made["unit"] == "VPTU"


def test_a_pack_row_id_is_digits() -> None:
    from dirtrack.text import whole_number

    typed = ("12", "007", "-3", "１２", "١٢", "－３")
    assert [whole_number(t) for t in typed] == [12, 7, -3, 12, 12, -3]
    assert [whole_number(t) for t in ("¹", "1_0", "+1", " 1", "", "1.0", "Ⅻ")] == [None] * 7


def test_a_postgresql_server_that_never_answers_is_given_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that accepts the connection and stays silent (or a firewall that drops the
    packets) kept dirtrack waiting for ever: libpq has no time limit of its own."""
    import socket
    import time

    import dirtrack.db

    monkeypatch.setattr(dirtrack.db, "CONNECT_TIMEOUT_S", 1)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    try:
        for lang, said in (
            ("en", "no answer in time"),
            ("vi", "không có trả lời trong thời gian chờ"),
        ):
            started = time.monotonic()
            url = f"postgresql://vanthu:S3cr3t@127.0.0.1:{port}/x"
            error = cli_at(url).fail("--lang", lang, "list")
            assert time.monotonic() - started < 30
            assert error.endswith(f"postgresql+psycopg://vanthu:***@127.0.0.1:{port}/x: {said}")
            assert "S3cr3t" not in error
    finally:
        listener.close()


def test_why_postgresql_cannot_be_reached_is_said_in_the_language_of_the_run() -> None:
    """libpq's English ('connection failed: … Connection refused') came through under --lang vi."""
    from dirtrack.db import server_reason

    def said(reason: str) -> str:
        found = server_reason(reason)
        return found if isinstance(found, str) else found.render("vi")

    refused = 'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection'
    assert said(refused + " refused") == "kết nối bị từ chối"
    assert said("failed to resolve host 'h': [Errno -2] Name or service not known") == (
        "không tìm thấy tên máy chủ (DNS)"
    )
    assert said("connection timeout expired") == "không có trả lời trong thời gian chờ"
    assert said('FATAL:  password authentication failed for user "u"') == (
        "máy chủ từ chối tên người dùng hoặc mật khẩu"
    )
    assert said('connection is bad: connection to server on socket "/run/x" failed: No such') == (
        "máy này không có máy chủ PostgreSQL nào đang chạy"
    )
    # A local server's refusals are not "no server": the socket's path was taken for that.
    local = 'connection failed: connection to server on socket "/run/x/.s.PGSQL.5432" failed: '
    assert said(local + 'FATAL:  too many connections for role "u"') == (
        "máy chủ không nhận thêm kết nối (đã đến giới hạn); hãy thử lại sau"
    )
    assert said(local + 'FATAL:  role "u" is not permitted to log in') == (
        "máy chủ không cho vai trò này đăng nhập (vai trò được tạo không có quyền LOGIN)"
    )
    assert said("canceling statement due to statement timeout") == (
        "máy chủ đã hủy một câu lệnh (do giới hạn statement_timeout của máy chủ, hoặc do người "
        "quản trị)"
    )
    assert said("canceling statement due to lock timeout") == "một chương trình khác đang ghi vào"
    assert said(local + 'FATAL:  database "d" is not currently accepting connections') == (
        "máy chủ hiện không nhận kết nối tới cơ sở dữ liệu này (đang khởi động, đang dừng, hoặc "
        "đã đóng kết nối)"
    )
    assert said("permission denied for schema public") == (
        "máy chủ không cho tài khoản này truy cập public (không có quyền)"
    )
    assert said("something new") == "something new"
    if not socket_refuses(1):
        return
    for lang, words in (("en", "the connection was refused"), ("vi", "kết nối bị từ chối")):
        error = cli_at("postgresql://nobody@127.0.0.1:1/x").fail("--lang", lang, "list")
        assert error == f"Error: {'cannot open' if lang == 'en' else 'không mở được'} " + (
            f"postgresql+psycopg://nobody@127.0.0.1:1/x: {words}"
        )


def test_ssl_that_the_url_asks_for_and_cannot_have_is_said_in_the_language_of_the_run(
    pg_cluster: Any,
) -> None:
    """libpq's SSL refusals came through in English under --lang vi, and its 'root certificate
    file "/root/.postgresql/root.crt" does not exist' (sslmode=verify-full, no root.crt) was
    said to be 'the server has no such database or user'."""
    from dirtrack.db import server_reason

    def said(reason: str) -> str:
        found = server_reason(reason)
        return found if isinstance(found, str) else found.render("vi")

    at = 'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
    assert said(at + 'root certificate file "/root/.postgresql/root.crt" does not exist') == (
        "không có chứng thư gốc để kiểm tra chứng thư của máy chủ (sslmode verify-ca hoặc "
        "verify-full): hãy chỉ ra bằng sslrootcert, hoặc đặt vào ~/.postgresql/root.crt"
    )
    assert said(at + "SSL error: certificate verify failed") == (
        "chứng thư của máy chủ không được ký bởi chứng thư gốc đã chỉ ra (sslrootcert)"
    )
    assert said(at + 'server certificate for "a" does not match host name "b"') == (
        "chứng thư của máy chủ mang tên máy chủ khác với địa chỉ (URL) (sslmode verify-full)"
    )
    # the suite's cluster offers no SSL: a URL that requires it, in either language
    url = f"{pg_cluster.tcp_url('postgres')}?sslmode=require"
    for lang, words in (
        ("en", "the server does not offer SSL, which the URL's sslmode requires"),
        ("vi", "máy chủ không hỗ trợ SSL, mà sslmode trong địa chỉ (URL) đòi hỏi SSL"),
    ):
        error = cli_at(url).fail("--lang", lang, "list")
        assert error.endswith(f"127.0.0.1:{pg_cluster.port}/postgres?sslmode=require: {words}")


def test_a_bad_setting_in_a_postgresql_url_is_said_in_the_language_of_the_run() -> None:
    """`?sslmode=bogus` gave libpq's English alone under --lang vi, and `?port=abc` an
    "unexpected error" (the dialect's ArgumentError, raised before any connection)."""
    base = "postgresql://nobody@127.0.0.1:1/x"
    for query, detail in (
        ("sslmode=bogus", 'invalid sslmode value: "bogus"'),
        ("foo=1", 'invalid connection option "foo"'),
        ("connect_timeout=x", "bad value for connect_timeout: 'x'"),
        ("port=abc", "Received non-integer port arguments: ('abc',)"),
        # libpq's refusals after psycopg's English "connection is bad:", which was the reason
        ("port=99999", 'invalid port number: "99999"'),
        ("port=0", 'invalid port number: "0"'),
        ("service=no-such-service", 'definition of service "no-such-service" not found'),
    ):
        shown = f"postgresql+psycopg://nobody@127.0.0.1:1/x?{query}"
        for lang, words in (
            ("en", f"cannot open {shown}: a connection setting in the URL is not valid"),
            (
                "vi",
                f"không mở được {shown}: một thiết lập kết nối trong địa chỉ (URL) không hợp lệ",
            ),  # noqa: E501
        ):
            error = cli_at(f"{base}?{query}").fail("--lang", lang, "list")
            assert error == f"Error: {words}: {detail}"


def socket_refuses(port: int) -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    except OSError:
        return False
    return False


@pytest.mark.parametrize("name", ["file:x?mode=ro", "a%41.db", "b#c.db"])
def test_a_database_file_name_is_taken_as_it_is(tmp_path: Path, name: str) -> None:
    """`--db 'file:x?mode=ro'` checked and created the file 'file:x?mode=ro' while SQLite wrote
    to 'file:x', with SQLAlchemy's warning on stderr; `a%41.db` was opened as `aA.db`."""

    def files() -> list[str]:  # SQLite's -wal and -shm aside
        return sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))

    target = tmp_path / name
    result = cli_at(target)("unit", "add", "BTC", "Ban Tổ chức")
    assert (result.exit_code, result.stderr) == (0, "")
    assert files() == [name]
    assert cli_at(target).json("unit", "list")[0]["code"] == "BTC"
    copy = tmp_path / f"copy-{name}"
    cli_at(target).ok("backup", str(copy))
    assert files() == sorted([name, copy.name])


@pytest.mark.parametrize(
    ("value", "en", "vi"),
    [
        (" ", "is blank: give a SQLite file or a database URL", "để trống: hãy ghi một tệp SQLite"),
        ("\t ", "is blank", "để trống"),
        ("postgresql:", "write postgresql://USER@HOST/DATABASE", "hãy ghi postgresql://USER@HOST"),
        ("postgres:", "write postgresql://USER@HOST/DATABASE", "hãy ghi postgresql://USER@HOST"),
        ("PostgreSQL+psycopg:x", "write postgresql://USER@HOST/DATABASE", "hãy ghi postgresql://"),
        ("sqlite:", "write sqlite:///PATH", "hãy ghi sqlite:///PATH"),
        ("sqlite:x.db", "write sqlite:///PATH", "hãy ghi sqlite:///PATH"),
    ],
)
def test_a_blank_db_or_a_url_scheme_without_slashes_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, en: str, vi: str
) -> None:
    """`--db ' '` and `--db postgresql:` were taken as file names and created those files. From
    DIRTRACK_DB the line names the variable (it said --db, which nobody typed)."""
    from typer.testing import CliRunner

    from dirtrack.cli import app

    monkeypatch.chdir(tmp_path)
    for lang, said in (("en", en), ("vi", vi)):
        from_env = CliRunner().invoke(
            app, ["--lang", lang, "unit", "list"], env={"DIRTRACK_DB": value}
        )
        assert from_env.exit_code == 1, from_env.stderr
        for error, where in (
            (cli_at(value).fail("--lang", lang, "unit", "add", "BTC", "Ban Tổ chức"), ""),
            (from_env.stderr.strip(), "DIRTRACK_DB: "),
        ):
            assert error.startswith(f"Error: {where}--db {value!r} ") and said in error, error
            assert "\n" not in error
    assert list(tmp_path.iterdir()) == []


def exported_register(tmp_path: Path) -> tuple[Path, Path, float]:
    """A register of 20,000 directives (bench.py's), its JSON export, and the seconds an import
    of that export into a new file takes on this machine now: the slow interrupt tests stop
    imports at shares of it."""
    import subprocess
    import sys
    import time
    from datetime import date

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import bench  # type: ignore[import-not-found]

    register: Path = bench.build_register(tmp_path, 20_000, date.today()).path
    export = tmp_path / "all.json"
    subprocess.run(
        [ENTRY_POINT, "--db", str(register), "export", "--out", str(export)],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    started = time.monotonic()
    subprocess.run(
        [ENTRY_POINT, "--db", str(tmp_path / "timed.db"), "import", str(export)],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    return register, export, time.monotonic() - started


def _directives_in(path: Path) -> int:
    """How many directives the SQLite file at ``path`` holds (-1: none can be read)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM directive").fetchone()[0])
    except sqlite3.DatabaseError:
        return -1
    finally:
        conn.close()


@pytest.mark.slow("a register of 20,000 directives exported, then imported and interrupted")
def test_ctrl_c_in_an_import_into_a_new_database_leaves_nothing_at_once(tmp_path: Path) -> None:
    """Ctrl-C in the middle of an import's inserts kept SQLite's write lock alive in the
    traceback: dirtrack waited the whole busy timeout (60 s), then left the new file behind."""
    import signal
    import subprocess
    import time

    register, export, whole = exported_register(tmp_path)
    target = tmp_path / "new.db"
    interrupted = 0
    # Some of them in the middle of an insert. The import was timed once, and on a busy machine
    # that time can be several times what the next ones take: the early shares still land.
    for share in (0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8):
        for left in tmp_path.glob("new.db*"):
            left.unlink()
        child = subprocess.Popen(
            [ENTRY_POINT, "--db", str(target), "import", str(export)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            # SIGINT at its default, as a shell at a terminal starts a command: a suite run as a
            # background job (nohup … &) has it ignored, the child would inherit that, and every
            # import would run to its end.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
        )
        time.sleep(whole * share)
        child.send_signal(signal.SIGINT)
        sent = time.monotonic()
        _out, err = child.communicate(timeout=120)
        if "imported" in err.decode():
            # On a busy machine the import can end before the signal comes: nothing to see.
            continue
        if (child.returncode, err.decode()) == (130, ""):
            # On a busy machine the signal can come while dirtrack still loads its modules: held
            # until they are loaded, it ends the run quietly (cli.main), before the import opens
            # any file.
            assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("new.db")], share
            continue
        assert (child.returncode, err.decode()) == (130, "Error: interrupted\n"), share
        assert time.monotonic() - sent < 45, share  # the busy timeout it used to wait is 60 s
        if target.exists() and _directives_in(target) == _directives_in(register):
            # The import had committed when the signal came (a share of a time measured on a
            # busy machine can fall after its end): the whole register is there, nothing partial.
            continue
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("new.db")], share
        interrupted += 1
    assert interrupted >= 3


def _wait_until_held(child: subprocess.Popen[bytes], marker: Path) -> None:
    """Until ``child`` (a script of :data:`_HELD_AT_FSYNC` or :data:`_HELD_BEFORE_THE_COMMAND`)
    has made its ``marker`` and sleeps in the held call, as the kernel says (``/proc/PID/wchan``:
    ``hrtimer_nanosleep``), so that a signal sent now interrupts that sleep.

    The marker alone was made a moment before the sleep: a signal sent then, on a loaded
    machine where the child was not run again at once, could come while the collector ran a
    finalizer in between, where Python reports the exception it raises and goes on; the child
    then slept its 120 s and the test timed out. Where the system does not say (no
    ``/proc``), the marker alone."""
    wchan = Path(f"/proc/{child.pid}/wchan")
    stat = Path(f"/proc/{child.pid}/stat")
    started = time.monotonic()
    while True:
        assert child.poll() is None, child.communicate()
        assert time.monotonic() - started < 600, "the child never reached the held call"
        if marker.exists():
            try:
                where = wchan.read_text(encoding="ascii").strip()
                state = stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                return
            if "nanosleep" in where:
                return
            # "0" or nothing is also what a running child shows (on a loaded machine, between
            # its marker and its sleep, where the signal came too early): only a child asleep
            # ("S") whose kernel does not say where is taken as held
            if where in ("", "0") and state == "S":
                return
        time.sleep(0.01)


def _held_at(module: str, name: str) -> str:
    """A child that runs dirtrack but waits, the first time it calls ``module.name``, until it
    is sent a signal (its marker file written first, for :func:`_wait_until_held`)."""
    return f"""
import sys, time
import {module} as patched
marker = sys.argv.pop(1)
real = patched.{name}
def held(*args, **kwargs):
    patched.{name} = real
    open(marker, "w").close()
    time.sleep(120)
    return real(*args, **kwargs)
patched.{name} = held
sys.argv[0] = "dirtrack"
from dirtrack.cli import main
main()
"""


# Held the first time it would fsync (the part file of `--out` or `backup`, about to be renamed
# into place): the test sends SIGTERM at that moment, as `timeout` or systemd would.
_HELD_AT_FSYNC = _held_at("os", "fsync")


# Each command in one language in make test (a new interpreter each, 1.5 s of CPU): the line is
# one message, which the other language words alone.
ANOTHER_LANGUAGE = pytest.mark.slow("the same stop in the other language (a new interpreter)")


@pytest.mark.parametrize(
    ("command", "lang"),
    [
        ("export", "en"),
        ("backup", "vi"),
        pytest.param("export", "vi", marks=ANOTHER_LANGUAGE),
        pytest.param("backup", "en", marks=ANOTHER_LANGUAGE),
    ],
)
def test_sigterm_while_a_file_is_written_is_one_line_143_and_no_part_left(
    tmp_path: Path, command: str, lang: str
) -> None:
    """SIGTERM (timeout, systemd, a cron wrapper) killed dirtrack silently, leaving its hidden
    .part file in the --out folder; it now takes Ctrl-C's path: one line, exit 143."""
    import hashlib
    import signal
    import subprocess
    import sys

    db = tmp_path / "x.db"
    cli_at(db).ok("unit", "add", "BTC", "Ban Tổ chức")
    out = tmp_path / "out"
    out.mkdir()

    def digests() -> dict[str, str]:
        """The database file's and its -wal's bytes (an empty -wal, which a read opening the
        file in WAL mode leaves, as a successful backup does, is as none)."""
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in tmp_path.iterdir()
            if p.name in ("x.db", "x.db-wal") and p.stat().st_size
        }

    before = digests()
    target = out / ("all.json" if command == "export" else "copy.db")
    args = ["--out", str(target)] if command == "export" else [str(target)]
    marker = tmp_path / "held"
    child = subprocess.Popen(
        [sys.executable, "-c", _HELD_AT_FSYNC, str(marker)]
        + ["--lang", lang, "--db", str(db), command, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_held(child, marker)
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")], "no part file written"
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=60)
    said = {"en": "terminated (SIGTERM)", "vi": "lệnh bị dừng giữa chừng (SIGTERM)"}[lang]
    assert (child.returncode, err.decode()) == (143, f"Error: {said}\n")
    assert list(out.iterdir()) == []
    assert digests() == before


# Held once its change is committed (as the register is put in WAL mode, after the commit).
_HELD_AFTER_THE_COMMIT = _held_at("dirtrack.db", "use_wal")


@pytest.mark.slow("a child process held after its commit, then sent SIGTERM (over a second)")
def test_sigterm_after_the_commit_says_the_change_was_saved(tmp_path: Path) -> None:
    """SIGTERM that came once the change was committed said "Error: terminated (SIGTERM)", a
    failure, over a change that is in the register: a script would run it again and record it
    twice. It still ends with 143 (the signal's code), but says the change was saved."""
    import signal
    import sys

    db = tmp_path / "x.db"
    cli = cli_at(db)
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    marker = tmp_path / "held"
    child = subprocess.Popen(
        [sys.executable, "-c", _HELD_AFTER_THE_COMMIT, str(marker)]
        + ["--lang", "en", "--db", str(db), "unit", "add", "VP", "Văn phòng"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_held(child, marker)
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=60)
    assert (child.returncode, err.decode()) == (
        143,
        "terminated (SIGTERM) after the change was saved: it is recorded, as history shows\n",
    )
    assert [u["code"] for u in cli.json("unit", "list")] == ["BTC", "VP"]


@pytest.mark.parametrize(
    ("stop", "code", "en", "vi"),
    [
        (
            "Terminated",
            143,
            "terminated (SIGTERM) after the change was saved: it is recorded, as history shows",
            "lệnh bị dừng (SIGTERM) sau khi thay đổi đã được lưu: thay đổi đã được ghi nhận, "
            "history cho thấy",
        ),
        (
            "KeyboardInterrupt",
            130,
            "interrupted after the change was saved: it is recorded, as history shows",
            "lệnh bị ngắt sau khi thay đổi đã được lưu: thay đổi đã được ghi nhận, "
            "history cho thấy",
        ),
    ],
    ids=["SIGTERM", "Ctrl-C"],
)
def test_a_stop_after_the_commit_is_no_error_and_one_before_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: str, code: int, en: str, vi: str
) -> None:
    """A Ctrl-C or SIGTERM (its handler's exception, raised where the handler runs) once the
    command's transaction is committed says so in the run's language, with the stop's code
    and no "Error:"; one before the commit is the failure it was, nothing written; the
    occurrences of periodic directives a command commits before its own change do not count as
    its change."""
    import dirtrack.db
    from dirtrack import errors

    raised = getattr(errors, stop) if stop == "Terminated" else KeyboardInterrupt
    cli = cli_at(tmp_path / "x.db")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    real = dirtrack.db.use_wal

    def stop_after_commit(engine: Any) -> None:
        monkeypatch.setattr(dirtrack.db, "use_wal", real)
        raise raised

    for lang, said, unit, name in (("en", en, "VP", "Văn phòng"), ("vi", vi, "TU", "Tỉnh ủy")):
        monkeypatch.setattr(dirtrack.db, "use_wal", stop_after_commit)
        result = cli("--lang", lang, "unit", "add", unit, name)
        assert (result.exit_code, result.stderr) == (code, said + "\n")
    assert [u["code"] for u in cli.json("unit", "list")] == ["BTC", "TU", "VP"]
    # the same stop before the commit: the change rolled back, and said as a failure
    import dirtrack.cli.common as common

    def stop_before_commit(_ctx: Any) -> Any:
        def flush(_session: Any) -> None:
            raise raised

        return flush

    monkeypatch.setattr(common, "_output_before_commit", stop_before_commit)
    result = cli("--lang", "en", "unit", "add", "KT", "Kinh tế")
    word = "terminated (SIGTERM)" if code == 143 else "interrupted"
    assert (result.exit_code, result.stderr) == (code, f"Error: {word}\n")
    assert [u["code"] for u in cli.json("unit", "list")] == ["BTC", "TU", "VP"]


# A child that runs dirtrack but waits, when the root command reads the configuration file
# (``config``) or parses the global options (``parse``), before any command runs, until it is
# sent a signal.
_HELD_BEFORE_THE_COMMAND = """
import sys, time
marker, phase = sys.argv.pop(1), sys.argv.pop(1)
def hold(real):
    def held(*args, **kwargs):
        open(marker, "w").close()
        time.sleep(120)
        return real(*args, **kwargs)
    return held
if phase == "config":
    import dirtrack.config as config
    config.load = hold(config.load)
else:
    from dirtrack.cli.app import DirtrackGroup
    DirtrackGroup.parse_args = hold(DirtrackGroup.parse_args)
sys.argv[0] = "dirtrack"
from dirtrack.cli import main
main()
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("phase", ["config", "parse"])
@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_a_stop_while_the_options_or_the_config_are_read_is_one_line(
    tmp_path: Path, stop: str, phase: str, lang: str
) -> None:
    """Ctrl-C or SIGTERM while Click parsed the options or the configuration file was read,
    before a command ran, met Typer's own handler: exit 130 without a word, for SIGTERM too.
    It is now as inside a command: one line in the run's language, 130 or 143."""
    import signal
    import subprocess
    import sys

    marker = tmp_path / "held"
    db = tmp_path / "x.db"
    child = subprocess.Popen(
        [sys.executable, "-c", _HELD_BEFORE_THE_COMMAND, str(marker), phase]
        + ["--lang", lang, "--db", str(db), "list"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
    )
    _wait_until_held(child, marker)
    child.send_signal(getattr(signal, stop))
    out, err = child.communicate(timeout=60)
    said = {
        ("SIGINT", "en"): "interrupted",
        ("SIGINT", "vi"): "lệnh bị ngắt giữa chừng",
        ("SIGTERM", "en"): "terminated (SIGTERM)",
        ("SIGTERM", "vi"): "lệnh bị dừng giữa chừng (SIGTERM)",
    }[stop, lang]
    code = 130 if stop == "SIGINT" else 143
    assert (child.returncode, err.decode(), out) == (code, f"Error: {said}\n", b"")
    assert not db.exists()


@pytest.mark.slow("a register of 20,000 directives exported, then imported, backed up, stopped")
def test_sigterm_in_a_long_import_backup_or_export_leaves_nothing(tmp_path: Path) -> None:
    """SIGTERM in the middle of a real import (a 20,000-directive JSON export), backup or
    export --out: exit 143, one line, the new database removed, no .part or -journal left, the
    register unchanged."""
    import hashlib
    import signal
    import subprocess
    import time

    work = tmp_path / "work"
    work.mkdir()
    register, export, whole = exported_register(tmp_path)

    def digests() -> dict[str, str]:  # an empty -wal is as none (see the test above)
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in tmp_path.iterdir()
            if p.name in (register.name, f"{register.name}-wal") and p.stat().st_size
        }

    def stopped(args: list[str], when: float | None) -> None:
        """Run dirtrack with ``args``; SIGTERM after ``when`` seconds, or (None) as soon as a
        part file shows in the work folder."""
        child = subprocess.Popen(
            [ENTRY_POINT, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        started = time.monotonic()
        if when is not None:
            time.sleep(when)
        else:
            while not any(p.name.endswith(".part") for p in work.iterdir()):
                assert child.poll() is None and time.monotonic() - started < 60, args
                time.sleep(0.002)
        child.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        _out, err = child.communicate(timeout=120)
        assert (child.returncode, err.decode()) == (143, "Error: terminated (SIGTERM)\n"), args
        assert time.monotonic() - sent < 20, args
        assert list(work.iterdir()) == [], args

    for share in (0.15, 0.35, 0.55):  # well before the end, even on a busy machine
        stopped(["--db", str(work / "new.db"), "import", str(export)], whole * share)
    before = digests()
    stopped(["--db", str(register), "backup", str(work / "copy.db")], None)
    stopped(["--db", str(register), "export", "--out", str(work / "out.json")], None)
    assert digests() == before


def test_an_unknown_field_or_leader_with_none_registered_names_what_to_do(units: Cli) -> None:
    """With no field registered (or no leader in charge), an unknown one was 'no field 'KT';
    closest: —', naming nothing: it says none is registered yet and the command that does it."""
    meeting = units.id("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Đề án A")
    assert units.fail("list", "--field", "KT") == (
        "Error: no field 'KT'; no fields are registered yet (field add)"
    )
    assert units.fail("--lang", "vi", "edit", "directive", "1", "--field", "KT") == (
        "Error: không có lĩnh vực 'KT'; chưa đăng ký lĩnh vực nào (field add)"
    )
    assert units.fail("list", "--leader", "Lê Văn A") == (
        "Error: no leader 'Lê Văn A'; no leader is in charge of anything yet (leader assign)"
    )
    units.ok("field", "add", "KT", "Kinh tế")
    assert units.fail("list", "--field", "KTE") == "Error: no field 'KTE'; closest: KT"


def test_a_text_longer_than_an_excel_cell_is_refused_at_every_entrance(
    seeded: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A text of 100,000 characters was stored, and the register could then not go out to a
    workbook (an export, a pack); a note, a JSON import's text and an office sheet's cell are
    held to what one cell holds, as typed texts are."""
    db = str(db_path)
    before = snapshot(db)
    long = "A" * 32_768
    assert seeded.fail("--lang", "vi", "progress", "1", "--note", long) == (
        "Error: --note dài 32768 ký tự, quá mức tối đa 32767"
    )
    assert seeded.fail("edit", "directive", "1", "--text", long).startswith(
        "Error: --text is 32768"
    )
    # The lossless JSON export of a register and an office sheet are held to the same length.
    exported = tmp_path / "all.json"
    seeded.ok("export", "--format", "json", "--out", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["directives"][0]["text"] = long
    exported.write_text(json.dumps(data), encoding="utf-8")
    new = tmp_path / "new.db"
    message = cli_at(str(new)).fail("import", str(exported))
    assert message == (
        "Error: all.json: directives[0].text: 32768 characters, more than the 32767 a text can hold"
    )
    assert not new.exists()
    sheet = tmp_path / "long.csv"
    sheet.write_text(
        "STT,Nội dung,Đơn vị chủ trì,Thời hạn\n1," + long + ",BTC,30/6/2022\n", encoding="utf-8"
    )
    said = seeded.fail("--lang", "vi", "import", str(sheet), "--meeting", "1")
    assert "dòng 2, cột B (Nội dung): dài 32768 ký tự, quá mức tối đa 32767" in said
    assert snapshot(db) == before
    # What one cell holds is taken whole.
    seeded.ok("edit", "directive", "1", "--text", long[:-1])


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("add-meeting", "--date", "7/5/2022", "--title", "T" * 401), "--title is 401 characters"),
        (("add-meeting", "--date", "7/5/2022", "--title", "Họp", "--chair", "C" * 401),
         "--chair is 401 characters"),
        (("add-meeting", "--date", "7/5/2022", "--title", "Họp", "--chair-title", "C" * 401),
         "--chair-title is 401 characters"),
        (("edit", "meeting", "1", "--title", "T" * 401), "--title is 401 characters"),
        (("assign", "1", "--unit", "BTC", "X" * 32_768), "text is 32768 characters"),
        (("add-limitation", "1", "--unit", "BTC", "X" * 32_768), "text is 32768 characters"),
    ],
)  # fmt: skip
def test_a_free_text_longer_than_its_field_holds_is_refused(
    meeting: int, units: Cli, db_path: Path, args: tuple[str, ...], said: str
) -> None:
    # A meeting's title and chair had no limit (a 200,000-character title was stored), where a
    # unit's name holds 400: they hold as much; any other text, as much as a workbook cell
    # (32,767 characters), since export and pack out write each into one.
    before = file_digest(db_path)
    error = units.fail(*args)
    assert error.startswith(f"Error: {said} long, more than the"), error
    assert file_digest(db_path) == before
    assert "--title dài 401 ký tự" in units.fail("--lang", "vi", "edit", "meeting", "1",
                                                 "--title", "T" * 401)  # fmt: skip


def test_a_title_as_long_as_a_field_holds_is_taken(meeting: int, units: Cli) -> None:
    units.ok("edit", "meeting", "1", "--title", "T" * 400, "--chair", "C" * 400)
    got = units.json("meetings")
    assert [len(m["title"]) for m in got] == [400]
    assert [len(m["chair"]) for m in got] == [400]


def test_a_json_import_holds_texts_to_the_same_lengths(
    meeting: int, units: Cli, tmp_path: Path
) -> None:
    exported = json.loads(units.ok("export"))
    exported["meetings"][0]["title"] = "T" * 200_000
    source = tmp_path / "long.json"
    source.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    fresh = units.at(str(tmp_path / "fresh.db"))
    error = fresh.fail("import", str(source))
    assert "meetings[0].title: 200000 characters, more than the 400 a text can hold" in error


@pytest.mark.parametrize("escaped", [False, True])
def test_a_json_import_stores_its_texts_in_nfc(
    meeting: int, units: Cli, tmp_path: Path, escaped: bool
) -> None:
    """An export edited by another program in NFD: its title was stored decomposed (not found
    by its words as typed), and a title of 375 letters counted 471 code points and was refused
    as too long. Every text is stored in NFC, as typed ones are, its letters written as they
    are or as escapes (``\\u0301``)."""
    import unicodedata

    exported = json.loads(units.ok("export"))
    title = "Hội nghị sơ kết " + "Tỉnh ủy " * 45  # 375 letters, 471 code points in NFD
    nfd = unicodedata.normalize("NFD", title.strip())
    assert len(nfd) > 400 >= len(title.strip())
    exported["meetings"][0]["title"] = nfd
    exported["directives"] = []
    source = tmp_path / "nfd.json"
    source.write_text(json.dumps(exported, ensure_ascii=escaped), encoding="utf-8")
    fresh = units.at(str(tmp_path / "fresh.db"))
    fresh.ok("import", str(source))
    [stored] = fresh.json("meetings")
    assert stored["title"] == unicodedata.normalize("NFC", title.strip())


# Each output (a table, JSON, another command's table) in ASCII; in latin-1 (Python's name for
# it differs: iso8859-1) the first one, the others in make test-all: each a start of the
# installed entry point, whose streams PYTHONIOENCODING sets.
ANOTHER_OUTPUT = pytest.mark.slow("the same refusal at another output, in another encoding")


@pytest.mark.parametrize(
    ("encoding", "named", "args"),
    [
        pytest.param(
            encoding,
            named,
            args,
            marks=ANOTHER_OUTPUT if encoding == "latin-1" and i else (),
            id=f"{encoding}-{' '.join(args)}",
        )
        for encoding, named in (("ascii", "ascii"), ("latin-1", "iso8859-1"))
        for i, args in enumerate((["meetings"], ["meetings", "--format", "json"], ["unit", "list"]))
    ],
)
def test_an_output_that_cannot_write_vietnamese_is_said_so(
    meeting: int, units: Cli, encoding: str, named: str, args: list[str]
) -> None:
    # PYTHONIOENCODING=ascii (or a latin-1 locale) with Vietnamese names to print said "some
    # input is not valid UTF-8 text; check the encoding of the terminal or file": nothing typed
    # was wrong. It names the output's encoding and what to set; nothing half written.
    result = run(*args, db=units.db, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: the output is set to {named}, which cannot write these characters "
        "(Vietnamese letters): set PYTHONIOENCODING=utf-8, or a UTF-8 locale, and run it "
        "again"
    ]


def test_direction_controls_and_byte_order_marks_are_not_kept(seeded: Cli) -> None:
    """A right-to-left override (U+202E) kept in a title showed it reversed at a terminal and
    in a report, as did the isolates, embeddings, direction marks and a byte order mark
    (a "Trojan Source" spoof); no stored text keeps them, one-line or free text."""
    spoof = "\u202eHọp\u202c \u2067giao\u2069 ban\u200f\ufeff"
    meeting = seeded.id("add-meeting", "--date", "2022-07-01", "--title", spoof, "--chair", spoof)
    shown = next(m for m in seeded.json("meetings") if m["id"] == meeting)
    assert (shown["title"], shown["chair"]) == ("Họp giao ban", "Họp giao ban")
    seeded.ok("unit", "add", "BXD", "\u202aBan\u202c Xây dựng\u200e", "--alias", "\ufeffXD\u202e")
    unit = next(u for u in seeded.json("unit", "list") if u["code"] == "BXD")
    assert (unit["name"], unit["aliases"]) == ("Ban Xây dựng", ["XD"])
    ident = seeded.id("assign", str(meeting), "--unit", "XD", "Đề án \u202eđảo\u202c chiều")
    seeded.ok("done", str(ident), "--date", "2022-07-02", "--note", "\u2066xong\u2069")
    shown = seeded.json("show", str(ident))
    assert shown["text"] == "Đề án đảo chiều"
    assert shown["unit"] == "BXD"
    assert "\u2066" not in json.dumps(shown, ensure_ascii=False)
    # A text of nothing but direction controls is empty, refused as such.
    assert seeded.fail("assign", str(meeting), "--unit", "BXD", "\u202e\u202c") == (
        "Error: a directive needs a text"
    )


@pytest.mark.sqlite_only("the names given are SQLite files and files beside them")
def test_a_home_of_no_account_is_a_name_as_typed(seeded: Cli, db_path: Path) -> None:
    """A name "~nosuch/x" names no account's home: the shell keeps it as typed, and so does dirtrack
    (it was "unexpected RuntimeError: Could not determine home directory")."""
    before = file_digest(db_path)
    for args in (
        ["restore", "~0"],
        ["restore", "~no-such-account-here/b.db"],
        ["export", "--out", "~no-such-account-here/e.json"],
        ["report", "--quarter", "2022Q2", "--out", "~no-such-account-here/r.txt"],
    ):
        for lang in ("en", "vi"):
            error = seeded.fail("--lang", lang, *args)
            assert error.startswith("Error: ") and len(error.splitlines()) == 1, (args, error)
            assert "unexpected" not in error and "ngoài dự kiến" not in error, (args, error)
            assert "~" in error, (args, error)  # the name as typed
    assert file_digest(db_path) == before


def id_commands() -> list[tuple[str, ...]]:
    """The path of every command that takes an id argument (a whole-number argument)."""
    from typer._click.types import IntParamType

    from tests.conftest import COMMAND

    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        params = getattr(command, "params", [])
        if any(
            p.param_type_name == "argument" and isinstance(p.type, IntParamType) for p in params
        ):
            found.append(path)
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, (*path, name))

    walk(COMMAND, ())
    return found


# A run with an id of the commands whose run in WORKING has none, or that have none there.
ID_RUNS = {
    ("delete",): ["delete", "meeting", "1", "--yes"],
    ("history",): ["history", "1"],
    ("undo",): ["undo", "1"],
    ("limitation", "link"): ["limitation", "link", "2", "--to", "1"],
    ("limitation", "unlink"): ["limitation", "unlink", "2"],
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_id_that_looks_like_a_negative_number_is_refused_as_an_id(
    seeded: Cli, db_path: Path, lang: str
) -> None:
    """`edit meeting -1 --title x`, `assign -1 …`, `show -1`: Click took the id for an option,
    'No such option: -1', exit 2. Every id argument of every command reads it as the id and
    refuses it as no id (exit 1, one Error: line in the user's language), nothing written; an
    option that takes a value still takes a negative one as its value."""
    paths = id_commands()
    assert len(paths) >= 25
    before = file_digest(db_path)
    wrong = []
    for path in paths:
        runs = ID_RUNS | WORKING
        assert path in runs, f"add a run of {' '.join(path)!r} to ID_RUNS"
        args = list(ID_RUNS.get(path) or runs[path])
        first = next(i for i, a in enumerate(args) if i >= len(path) and a.isdigit())
        args[first] = "-1"
        result = seeded("--lang", lang, *args)
        lines = result.stderr.strip().splitlines()
        said = "id must be a positive number, not -1" if lang == "en" else "không phải -1"
        good = result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error: ")
        if not good or said not in lines[0] or file_digest(db_path) != before:
            wrong.append(f"{' '.join(args)}: exit {result.exit_code} {result.stderr!r}")
    assert not wrong, "\n".join(wrong)
    assert "-5" in seeded.fail("progress", "1", "--percent", "-5")
    assert seeded.fail("show", "-x", code=2).startswith("Error: No such option: -x")


@contextmanager
def ordinary_user(*owned: Path) -> Iterator[None]:
    """Run what follows as an ordinary user, to whom a file of mode 000 is unreadable: tests
    run as root, who reads it all the same. As root, the effective user of this process
    becomes the one the PostgreSQL server runs as (tests/pg.py), who is given ``owned`` (the
    database and its folder), and root again after; otherwise nothing changes."""
    if os.geteuid() != 0:
        yield
        return
    from tests.pg import _server_user

    user = _server_user()
    assert user is not None
    for path in owned:
        os.chown(path, user.pw_uid, user.pw_gid)
    os.setegid(user.pw_gid)
    os.seteuid(user.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_file_or_folder_the_user_may_not_read_is_one_error_line(tmp_path: Path) -> None:
    """import, restore, pack in and DIRTRACK_CONFIG on a file of mode 000, or one in a folder
    of mode 000 (tests run as root, who reads them: run as an ordinary user here). Each is one
    Error line naming it and saying why, in either language, exit 1, the database unchanged;
    `pack in` said 'not an Excel workbook (.xlsx) that can be read' of a workbook it could not
    open."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="dirtrack-unreadable-"))  # tmp_path is root's alone
    try:
        base.chmod(0o755)
        home = base / "home"
        home.mkdir()
        cli = cli_at(home / "reg.db")
        cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
        cli.ok("backup", str(base / "reg.bak"))
        cli.ok("export", "--format", "json", "-o", str(base / "exp.json"))
        (base / "pack.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
        (base / "c.toml").write_text('lang = "en"\n', encoding="utf-8")
        shut = base / "shut"
        shut.mkdir()
        for name in ("reg.bak", "exp.json", "pack.xlsx", "c.toml"):
            (shut / name).write_bytes((base / name).read_bytes())
            (base / name).chmod(0)
        shut.chmod(0)
        env = {"XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home), "HOME": str(home)}
        cases: list[tuple[list[str], str | None, Path]] = []  # args, DIRTRACK_CONFIG, named
        for where in (base, shut):
            cases += [
                (["import", str(where / "exp.json")], None, where / "exp.json"),
                (["restore", str(where / "reg.bak"), "--yes"], None, where / "reg.bak"),
                (["pack", "in", str(where / "pack.xlsx")], None, where / "pack.xlsx"),
                (["unit", "list"], str(where / "c.toml"), where / "c.toml"),
            ]
        cases.append((["pack", "in", str(shut)], None, shut))
        for args, config, _ in cases:  # as root first: what they import is imported (the
            # interpreter's own library may be root's alone here, not on an office's machine)
            cli(*args, env={**env, "DIRTRACK_CONFIG": config} if config else env)
        before = file_digest(home / "reg.db")
        said = {"en": "permission denied", "vi": "không có quyền truy cập"}
        with ordinary_user(home, home / "reg.db"):
            for args, config, named in cases:
                for lang in ("en", "vi"):
                    extra = {**env, "DIRTRACK_CONFIG": config} if config else env
                    result = cli("--lang", lang, *args, env=extra)
                    lines = result.stderr.strip().splitlines()
                    assert result.exit_code == 1 and result.stdout == "", (args, result.stderr)
                    assert len(lines) == 1 and lines[0].startswith("Error: "), (args, lines)
                    assert str(named) in lines[0] and said[lang] in lines[0], (args, lines)
        assert file_digest(home / "reg.db") == before
    finally:
        for path in (base, base / "shut"):
            if path.exists():
                path.chmod(0o755)
        import shutil

        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.sqlite_only("restore, among the commands, takes a SQLite file")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_file_that_is_not_there_is_said_alike_by_every_command(
    seeded: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """import said "no file 'x'", pack in "x: no such file or folder", restore "no file 'x'",
    extract "x: no such file", the configuration "configuration x, which DIRTRACK_CONFIG
    names, does not exist"; a folder was "not a file to import", "not a database file",
    "cannot be read (it is a folder)". One message for each, from the catalog, for all."""
    gone, folder = tmp_path / "khong-co.xlsx", tmp_path / "thu-muc"
    folder.mkdir()
    loop = tmp_path / "vong.xlsx"
    loop.symlink_to(tmp_path / "vong2.xlsx")
    (tmp_path / "vong2.xlsx").symlink_to(loop)
    missing = {"en": f"{gone}: no such file", "vi": f"{gone}: không có tệp này"}[lang]
    a_folder = {
        "en": f"{folder}: is a folder, not a file",
        "vi": f"{folder}: là thư mục, không phải tệp",
    }[lang]
    looped = {
        "en": f"cannot read {loop}: symbolic links that point to each other in a loop",
        "vi": f"không đọc được {loop}: các liên kết tượng trưng trỏ vòng vào nhau",
    }[lang]
    before = file_digest(db_path)
    for command in (["import"], ["pack", "in"], ["restore", "--yes"], ["extract"]):
        for path, said in ((gone, missing), (folder, a_folder), (loop, looped)):
            if command == ["pack", "in"] and path == folder:
                continue  # a folder of workbooks is what pack in reads
            args = [*command, str(path)]
            assert seeded.fail("--lang", lang, *args) == f"Error: {said}", args
    # a file an option names: the report's template, a completion's result document, a rule
    # file (a name that is no file may be a preset: "no rule set …")
    report = ["report", "--quarter", "2022Q2", "--format", "docx", "-o", str(tmp_path / "r.docx")]
    for command in (
        [*report, "--template"],
        ["done", "1", "--date", "1/6/2022", "--file"],
        ["score", "--quarter", "2022Q2", "--rules"],
    ):
        for path, said in ((gone, missing), (folder, a_folder), (loop, looped)):
            if command[0] == "score" and path == gone:
                continue
            args = [*command, str(path)]
            assert seeded.fail("--lang", lang, *args) == f"Error: {said}", args
    # the mail password file the configuration names: after the setting that names it
    config = tmp_path / "config.toml"
    for path, said in ((gone, missing), (folder, a_folder), (loop, looped)):
        config.write_text(
            f'[mail]\nhost = "127.0.0.1"\nsender = "vp@tinhuy.vn"\nuser = "vt"\n'
            f'password_file = "{path}"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("DIRTRACK_CONFIG", str(config))
        args = ["pack", "out", "--quarter", "2022Q3", "--dir", str(tmp_path / "p"), "--mail"]
        line = seeded.fail("--lang", lang, *args)
        assert line == f"Error: [mail] password_file: {said}", line
    monkeypatch.setenv("DIRTRACK_CONFIG", str(gone))
    assert seeded.fail("--lang", lang, "list") == f"Error: DIRTRACK_CONFIG: {missing}"
    monkeypatch.setenv("DIRTRACK_CONFIG", str(folder))
    assert seeded.fail("--lang", lang, "list") == f"Error: DIRTRACK_CONFIG: {a_folder}"
    monkeypatch.delenv("DIRTRACK_CONFIG")
    assert file_digest(db_path) == before
