"""Crash safety and `doctor`: SIGKILL in the middle of a write (an import, an undo)
leaves the database before or after it, never between; doctor finds real damage; the file is
its owner's alone and in WAL mode."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ENTRY_POINT, Cli, cli_at, file_digest, run

ROWS = 1500
# Kills of a writer per kind of write: make test kills each a few times, make test-all more.
KILLS = {"import": (2, 6), "undo": (1, 2)}


def kills(kind: str, request: pytest.FixtureRequest) -> int:
    few, many = KILLS[kind]
    return many if request.config.getoption("--run-slow") else few


def dirtrack(*args: str, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [ENTRY_POINT, "--db", str(db), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def counts(db: Path) -> tuple[int, int, int]:
    """(units, meetings, directives), read through the CLI in one go."""
    data = cli_at(db).json("export")
    return len(data["units"]), len(data["meetings"]), len(data["directives"])


def healthy(db: Path) -> None:
    assert {c["status"] for c in cli_at(db).json("doctor")} <= {"ok", "warning"}


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dirtrack export with two units, a meeting and ROWS directives."""
    folder = tmp_path_factory.mktemp("export")
    cli = cli_at(folder / "source.db")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    sheet = folder / "sheet.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Nội dung", "Đơn vị chủ trì", "Thời hạn"])
        for i in range(ROWS):
            writer.writerow(
                [f"Nhiệm vụ {i}: rà soát, báo cáo", "VPTU" if i % 2 else "BTC", "30/9/2022"]
            )
    cli.ok("import", str(sheet), "--meeting", "1")
    path = folder / "export.json"
    path.write_text(cli.ok("export", "--format", "json"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with its schema and nothing else (so that a kill can only hit the write)."""
    from dirtrack.db import open_engine

    path = tmp_path_factory.mktemp("empty") / "empty.db"
    engine, _ = open_engine(str(path))  # as the first command that writes would create it
    engine.dispose()
    return path


def copy_of(source: Path, path: Path) -> Path:
    shutil.copyfile(source, path)
    path.chmod(0o600)
    return path


def test_sigkill_during_an_import_leaves_it_before_or_after(
    export: Path, empty: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    rng = random.Random(5)
    # How long a whole import takes here, start included, and what it leaves.
    whole = copy_of(empty, tmp_path / "whole.db")
    started = time.monotonic()
    assert run("import", str(export), db=str(whole)).returncode == 0
    took = time.monotonic() - started
    assert counts(whole) == (2, 1, ROWS)
    outcomes: list[tuple[int, tuple[int, int, int]]] = []
    few = kills("import", request)

    def killed() -> bool:
        return any(code == -signal.SIGKILL for code, _ in outcomes)

    # A run that ends before its kill (the machine has become faster than when the whole import
    # was timed) shortens the next waits, and the kills go on until one lands (four more at most).
    attempt = 0
    while attempt < few or (not killed() and attempt < few + 4):
        db = copy_of(empty, tmp_path / f"killed-{attempt}.db")
        proc = dirtrack("import", str(export), db=db)
        time.sleep(rng.uniform(0.15, 1.05) * took)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if proc.returncode == 0:
            took *= 0.7
        attempt += 1
        for leftover in db.parent.glob(f"{db.name}-*"):  # -wal, -shm of the killed writer
            assert private(leftover), leftover
        healthy(db)
        found = counts(db)
        assert found in ((0, 0, 0), (2, 1, ROWS)), (attempt, found)
        outcomes.append((proc.returncode, found))
    assert killed(), outcomes


def test_sigkill_during_an_undo_leaves_it_before_or_after(
    export: Path, empty: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    rng = random.Random(7)
    imported = copy_of(empty, tmp_path / "imported.db")
    cli_at(imported).ok("import", str(export))
    started = time.monotonic()
    assert run("undo", "--yes", db=str(copy_of(imported, tmp_path / "whole.db"))).returncode == 0
    took = time.monotonic() - started
    for attempt in range(kills("undo", request)):
        db = copy_of(imported, tmp_path / f"undo-{attempt}.db")
        proc = dirtrack("undo", "--yes", db=db)
        time.sleep(rng.uniform(0.3, 1.0) * took)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        healthy(db)
        found = counts(db)
        assert found in ((0, 0, 0), (2, 1, ROWS)), (attempt, found)
        latest = cli_at(db).json("history", "--limit", "1")
        assert latest[0]["command"] == ("undo" if found == (0, 0, 0) else "import")


# --- the file ----------------------------------------------------------------------------------


@pytest.mark.blank_db("checks what the first command makes")
@pytest.mark.sqlite_only("the file's mode and journal")
def test_a_new_database_is_its_owners_alone_and_in_wal_mode(cli: Cli, db_path: Path) -> None:
    os.umask(0o022)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    digest = file_digest(db_path)
    cli.fail("unit", "add", "VPTU", "Trùng mã")
    assert file_digest(db_path) == digest


@pytest.mark.blank_db("checks what the first command makes")
@pytest.mark.sqlite_only("the file's mode")
@pytest.mark.parametrize("umask", [0o277, 0o777])
def test_a_new_database_is_600_whatever_the_umask(cli: Cli, db_path: Path, umask: int) -> None:
    # under umask 277 the file was made 400 (and 000 under 777): its owner's next command,
    # or the first one itself, was refused as read-only
    previous = os.umask(umask)
    try:
        cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
        cli.ok("unit", "add", "BTCTU", "Ban Tổ chức Tỉnh ủy")
    finally:
        os.umask(previous)
    assert [u["code"] for u in cli.json("unit", "list")] == ["BTCTU", "VPTU"]


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    digest = file_digest(other)
    cli_at(other).fail("unit", "list")
    assert file_digest(other) == digest


# --- doctor ------------------------------------------------------------------------------------


def test_doctor_on_a_healthy_database(meeting: int, units: Cli) -> None:
    result = units("doctor", "--format", "json")
    assert result.exit_code == 0, result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert {"schema", "integrity", "foreign_keys"} <= set(checks)
    assert all(c["status"] == "ok" for c in checks.values())
    assert "no problems found" in result.stderr


def test_doctor_does_not_create_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert cli_at(missing).fail("doctor").startswith("Error: no database at")
    assert not missing.exists()


@pytest.mark.sqlite_only("damages the file with sqlite3")
def test_doctor_finds_a_broken_reference(meeting: int, units: Cli, db_path: Path) -> None:
    units.ok("assign", str(meeting), "--unit", "BTC", "--with", "VPTU", "Đẩy nhanh đề án")
    units.ok("progress", "1", "--percent", "10", "--date", "1/6/2022")
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM directive WHERE id = 1")
    conn.close()
    result = units("doctor", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: database") and "1 problem" in result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["foreign_keys"]["status"] == "problem"
    detail = checks["foreign_keys"]["detail"]
    # the tables as history names them (Vietnamese under --lang vi)
    assert "coordinating unit row 1 points to a missing directive" in detail
    assert "progress row 1 points to a missing directive" in detail
    said = " ".join(units("--lang", "vi", "doctor").stdout.split())
    assert "dòng 1 của tiến độ trỏ tới nhiệm vụ không tồn tại" in said
    assert "directive" not in said and "progress_entry" not in said


@pytest.mark.sqlite_only("damages the file's pages")
def test_doctor_finds_a_damaged_index(
    meeting: int, units: Cli, db_path: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"  # 40 directives, so that the index has pages of its own
    rows = [f"Nhiệm vụ {i},BTC" for i in range(40)]
    sheet.write_text("\n".join(["Nội dung,Đơn vị chủ trì", *rows]) + "\n", encoding="utf-8")
    units.ok("import", str(sheet), "--meeting", str(meeting))
    with sqlite3.connect(db_path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_directive_unit_id'"
        ).fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with db_path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(bytes(random.Random(1).getrandbits(8) for _ in range(page_size - 8)))
    result = units("doctor", "--format", "json")
    assert result.exit_code == 1, result.stdout
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["integrity"]["status"] == "problem"
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.sqlite_only("writes the row as an older dirtrack did, with sqlite3")
def test_a_series_that_ends_before_it_starts_is_named(
    meeting: int, units: Cli, db_path: Path
) -> None:
    # assign --every refuses --until before --from now, but older versions recorded such a
    # series: doctor said nothing, and series list showed "2022-06-01–2022-01-31" as a span.
    series = units.id("assign", str(meeting), "--unit", "BTC", "--every", "month",
                      "--from", "1/6/2022", "--until", "31/12/2022", "Báo cáo tháng")  # fmt: skip
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE series SET ends_on = '2022-01-31' WHERE id = ?", (series,))
    conn.close()
    result = units("doctor", "--format", "json")
    assert result.exit_code == 0, result.stderr  # a warning: every record is still readable
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["series"]["status"] == "warning"
    assert checks["series"]["detail"] == (
        f"series {series} ends on 2022-01-31, before it starts (2022-06-01)"
    )
    said = " ".join(units("--lang", "vi", "doctor").stdout.split())
    assert f"nhiệm vụ định kỳ {series} kết thúc ngày 31/01/2022, trước khi bắt đầu" in said
    listed = units.ok("series", "list")
    assert "2022-06-01–2022-01-31 (ends before it starts)" in listed
    shown = units.ok("--lang", "vi", "series", "show", str(series))
    assert "01/06/2022–31/01/2022 (kết thúc trước khi bắt đầu)" in shown


def test_doctor_says_every_series_ends_after_it_starts(meeting: int, units: Cli) -> None:
    units.ok("assign", str(meeting), "--unit", "BTC", "--every", "month",
             "--from", "1/6/2022", "--until", "31/12/2022", "Báo cáo tháng")  # fmt: skip
    checks = {c["check"]: c for c in units.json("doctor")}
    assert checks["series"] == {
        "check": "series",
        "status": "ok",
        "detail": "every series ends on or after its first day, and nothing on an occurrence "
        "is dated before it was issued",
    }
    assert "(ends before it starts)" not in units.ok("series", "list")


@pytest.mark.sqlite_only("file permissions")
def test_doctor_warns_about_a_file_others_can_read(units: Cli, db_path: Path) -> None:
    db_path.chmod(0o644)
    result = units("doctor", "--format", "json")
    assert result.exit_code == 0
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["permissions"]["status"] == "warning"
    assert "chmod 600" in checks["permissions"]["detail"]


def test_doctor_names_texts_longer_than_their_field_now_holds(
    meeting: int, units: Cli, db: str
) -> None:
    """A title or a note longer than dirtrack now takes was stored by older versions (their
    export would not import back); doctor names each, by record and field (a warning)."""
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"] == {
        "check": "records",
        "status": "ok",
        "detail": "every record as dirtrack takes it today",
    }
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE meeting SET title = :t, note = :n"), {"t": "T" * 401, "n": "x" * 40_000}
        )
    engine.dispose()
    result = units("doctor", "--format", "json")
    assert result.exit_code == 0, result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["records"]["status"] == "warning"
    assert checks["records"]["detail"] == (
        "meeting 1: title is 401 characters long, more than the 400 an import takes back "
        "(dirtrack edit shortens it); meeting 1: note is 40000 characters long, more than the "
        "32767 an import takes back (dirtrack edit shortens it)"
    )
    said = " ".join(units("--lang", "vi", "doctor").stdout.split())
    assert "ghi chú dài 40000 ký tự" in said


def test_doctor_does_not_count_the_change_log_among_records_too_long(units: Cli) -> None:
    """A note as long as a note may be (32,767 characters) made the change log's entry of its
    command longer than that: doctor warned of it, to be shortened with edit, though the change
    log is never exported nor imported, and no command edits it."""
    units.ok("add-meeting", "--date", "6/5/2022", "--title", "Họp", "--note", "x" * 32_767)
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "ok", checks["records"]["detail"]


@pytest.mark.sqlite_only("file permissions")
def test_doctor_with_warnings_does_not_end_saying_all_is_well(units: Cli, db_path: Path) -> None:
    """doctor ended 'no problems found' under its warnings: whoever reads stderr alone (a cron
    mail) learnt nothing of them. It still exits 0, and counts them in its last line."""
    db_path.chmod(0o644)
    for lang, said in (
        ("en", "no problems found, 1 warning (above)"),
        ("vi", "không phát hiện lỗi, có 1 cảnh báo (ở trên)"),
    ):
        result = units("--lang", lang, "doctor")
        assert result.exit_code == 0 and result.stderr.rstrip().endswith(said), result.stderr


def test_a_reading_command_leaves_no_folder_for_the_default_database(tmp_path: Path) -> None:
    """`dirtrack unit list` with no database made the per-user folder before it said there was
    none; the folder is made with the database, by the first command that writes."""
    from typer.testing import CliRunner

    from dirtrack.cli import app

    folder = tmp_path / "xdg-data" / "dirtrack"
    said = CliRunner().invoke(app, ["unit", "list"])
    assert (said.exit_code, said.stderr) == (1, f"Error: no database at {folder}/dirtrack.db\n")
    assert not (tmp_path / "xdg-data").exists()
    assert CliRunner().invoke(app, ["unit", "add", "BTC", "Ban Tổ chức"]).exit_code == 0
    assert (folder / "dirtrack.db").is_file()


def test_doctor_names_texts_holding_direction_controls(meeting: int, units: Cli, db: str) -> None:
    """No text is stored with a direction override or a byte order mark today (an override
    shows a title reversed); an older dirtrack stored them as typed: doctor names each record
    and field, and edit with the text typed again drops them."""
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE meeting SET title = :t"), {"t": "Giao ban \u202eabc"})
        conn.execute(text("UPDATE unit SET name = :n WHERE code = 'BTC'"), {"n": "\ufeffBan TC"})
    engine.dispose()
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "warning"
    detail = checks["records"]["detail"]
    assert "meeting 1: title holds characters that set the direction" in detail
    assert detail.count("holds characters that set the direction") == 2
    units.ok("edit", "meeting", str(meeting), "--title", "Giao ban abc")
    units.ok("unit", "rename", "BTC", "Ban TC")
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "ok", checks["records"]["detail"]


def test_doctor_names_texts_no_word_or_excel_report_can_hold(
    meeting: int, units: Cli, db: str
) -> None:
    """An older dirtrack stored U+FFFE and U+FFFF as typed; report --format docx then died on
    'unexpected ValueError'. doctor names each record and field holding one."""
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE meeting SET title = :t"), {"t": "Giao ban \uffff"})
    engine.dispose()
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "warning"
    assert checks["records"]["detail"] == (
        "meeting 1: title holds U+FFFE or U+FFFF, which no Word or Excel report can hold; "
        "dirtrack edit with the text typed again drops them"
    )
    units.ok("edit", "meeting", str(meeting), "--title", "Giao ban")
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "ok", checks["records"]["detail"]


def test_doctor_names_codes_texts_and_names_typed_in_by_hand(
    meeting: int, units: Cli, db: str
) -> None:
    """A register typed into by another program (or an old version): a meeting kind and a
    limitation category none of dirtrack's ('' too) were shown as they are, and their export
    could not be imported back; a name in NFD or with spaces around it was missed by a
    grouping by chair. doctor names each row under check records (a warning: every command
    reads them), and typing the value again clears it."""
    import unicodedata

    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    m = str(meeting)
    first = units.id("add-limitation", m, "--unit", "BTC", "Thiếu người")
    second = units.id("add-limitation", m, "--unit", "BDV", "Thiếu xe")
    decomposed = unicodedata.normalize("NFD", "Ban Dân vận Tỉnh ủy")
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE meeting SET kind = 'seminar', chair = ' Phương Thị Thanh'"))
        conn.execute(text("UPDATE limitation SET category = '' WHERE id = :i"), {"i": first})
        conn.execute(text("UPDATE limitation SET category = 'money' WHERE id = :i"), {"i": second})
        conn.execute(text("UPDATE unit SET name = :n WHERE code = 'BDV'"), {"n": decomposed})
        conn.execute(text("UPDATE unit_alias SET alias = 'Ban Tổ chức\t' WHERE id = 2"))
    engine.dispose()
    assert units.json("meetings")[0]["kind"] == "seminar"  # read, and shown as it is
    result = units("doctor", "--format", "json")
    assert result.exit_code == 0, result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["values"]["status"] == "ok"  # nothing a command cannot read
    assert checks["records"]["status"] == "warning"
    said = checks["records"]["detail"].split("; ")
    kinds = "working-session, briefing, conference, review"
    categories = "timeliness, quality, staffing, budget, equipment, coordination, discipline, other"
    expected = [
        f"meeting {m}: kind holds 'seminar', none of dirtrack's ({kinds}): shown as it is, but "
        f"its export cannot be imported back",
        f"dirtrack edit meeting {m} --kind sets one",
        f"meeting {m}: chair holds ' Phương Thị Thanh', with white space before or after it, "
        "which dirtrack drops",
        "typed again (dirtrack edit, unit rename) it is stored without",
        "unit 3: name is not in NFC (its accents stored as separate marks), so that a search or "
        "a grouping can miss it",
        "typed again (dirtrack edit, unit rename) it is stored in NFC",
        "unit alias 2: alias holds 'Ban Tổ chức\\t', with white space before or after it, which "
        "dirtrack drops",
        "typed again (dirtrack edit, unit rename) it is stored without",
        f"limitation {first}: category holds '', none of dirtrack's ({categories}): shown as it "
        "is, but its export cannot be imported back",
        f"dirtrack edit limitation {first} --category sets one",
        f"limitation {second}: category holds 'money', none of dirtrack's ({categories}): shown "
        "as it is, but its export cannot be imported back",
        f"dirtrack edit limitation {second} --category sets one",
    ]
    assert sorted(said) == sorted(expected)
    vi = " ".join(units("--lang", "vi", "doctor").stdout.split())
    assert "không ở dạng NFC" in vi and "'seminar'" in vi
    # typed again, each is stored as dirtrack stores it
    units.ok("edit", "meeting", m, "--kind", "review", "--chair", "Phương Thị Thanh")
    units.ok("edit", "limitation", str(first), "--category", "staffing")
    units.ok("edit", "limitation", str(second), "--category", "budget")
    units.ok("unit", "rename", "BDV", "Ban Dân vận Tỉnh ủy")
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:  # an alias has no edit: the program that wrote it corrects it
        conn.execute(text("UPDATE unit_alias SET alias = 'Ban Tổ chức' WHERE id = 2"))
    engine.dispose()
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "ok", checks["records"]["detail"]


def test_codes_typed_in_by_hand_are_shown_as_stored(
    meeting: int, units: Cli, db: str, tmp_path: Path
) -> None:
    """A verdict, a request's kind or decision, an office's kind or regime none of dirtrack's
    (another program typed it in; doctor warns) showed as a catalog key (``verdict_good``,
    ``req_maybe``) in show, requests, office show and history, and approve failed on it. Each is
    shown as stored, quoted (as doctor quotes it), known ones in words, en and vi; JSON keeps
    the stored value."""
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target
    from dirtrack.i18n import t

    m = str(meeting)
    units.ok("assign", m, "--unit", "BTC", "--due", "30/6/2022", "Báo cáo A")
    units.ok("assign", m, "--unit", "BDV", "--due", "30/6/2022", "Báo cáo B")
    units.ok("assign", m, "--unit", "BDV", "--due", "30/6/2022", "Báo cáo C")
    units.ok("done", "1", "--verdict", "meets", "--date", "1/6/2022")
    for directive in ("2", "3"):
        asked = ["--to", "31/12/2022", "--reason", "Chờ", "--date", "1/6/2022"]
        units.ok("request", "extend", directive, *asked)
    units.ok("office", "set", "--kind", "state")
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE request SET kind = 'delay' WHERE id = 1"))
        conn.execute(text("UPDATE request SET decision = 'maybe' WHERE id = 2"))
        conn.execute(text("UPDATE directive_result SET verdict = 'good'"))
        conn.execute(text("UPDATE office SET kind = 'party ', on_time_by = 'signature'"))
    engine.dispose()
    # approve of the request answered 'maybe' (on no day) says so, the code as stored
    said = units.fail("--lang", "en", "approve", "2", "--doc", "12/QĐ-UBND")
    assert said == "Error: request 2 was already 'maybe'", said
    said = units.fail("--lang", "vi", "approve", "2", "--doc", "12/QĐ-UBND")
    assert "'maybe'" in said and "req_" not in said, said
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE request SET decided_on = '2022-06-10' WHERE id = 2"))
    engine.dispose()
    said = units.fail("--lang", "en", "approve", "2", "--doc", "12/QĐ-UBND")
    assert said == "Error: request 2 was already 'maybe' on 2022-06-10", said
    keys = ("verdict_", "req_", "office_", "ev_")
    for lang in ("en", "vi"):
        said = {
            "show 1": units.ok("--lang", lang, "show", "1", "--as-of", "2022-07-01"),
            "show 2": units.ok("--lang", lang, "show", "2", "--as-of", "2022-07-01"),
            "show 3": units.ok("--lang", lang, "show", "3", "--as-of", "2022-07-01"),
            "requests": units.ok("--lang", lang, "requests", "--as-of", "2022-07-01"),
            "office": units.ok("--lang", lang, "office"),
            "history": units.ok("--lang", lang, "history", "--limit", "50"),
        }
        for where, out in said.items():
            assert not any(key in out for key in keys), (where, out)
        assert "'good'" in said["show 1"]
        assert "'delay'" in said["show 2"] and "'maybe'" in said["show 3"]
        assert "'delay'" in said["requests"] and "'maybe'" in said["requests"]
        assert "'party '" in said["office"] and "'signature'" in said["office"]
        known = {"en": "extension", "vi": t("req_kind_extend", "vi")}[lang]
        assert known in said["requests"]  # a known code still in words
    rows = units.json("requests", "--as-of", "2022-07-01")
    assert [r["kind"] for r in rows] == ["delay", "extend"]
    assert [r["status"] for r in rows] == ["pending", "maybe"]
    events = [
        e["event"]
        for directive in ("2", "3")
        for e in units.json("show", directive, "--as-of", "2022-07-01")["history"]
    ]
    assert "request_delay" in events and "request_maybe" in events
    assert units.json("show", "1")["result"]["verdict"] == "good"


def test_doctor_names_every_column_of_codes_typed_in_by_hand(
    meeting: int, units: Cli, db: str, tmp_path: Path
) -> None:
    """The records check named a meeting kind or a limitation category none of dirtrack's, but
    not the other columns that hold one of a fixed set of codes (checked on input by a command
    or the JSON import): a request's kind and decision, a result's verdict, a contact's role, a
    pack item's role, the office's kind and regime, a series' period. Each row is named, with
    the command that sets it again where there is one; a series' period none of dirtrack's
    stops every command that makes occurrences, so it is a problem."""
    from sqlalchemy import create_engine, text

    from dirtrack.db import resolve_target

    m = str(meeting)
    units.ok("assign", m, "--unit", "BTC", "--due", "30/6/2022", "Báo cáo A")
    units.ok("assign", m, "--unit", "BDV", "--due", "30/6/2022", "Báo cáo B")
    series = units.id("assign", m, "--unit", "BDV", "--every", "month", "Báo cáo tháng")
    units.ok("done", "1", "--verdict", "meets", "--date", "1/6/2022")
    asked = ["request", "extend", "2", "--to", "31/12/2022", "--reason", "Chờ"]
    units.ok(*asked, "--date", "1/6/2022")
    units.ok("unit", "contact", "BTC", "--name", "Nguyễn An", "--role", "focal")
    units.ok("office", "set", "--kind", "state", "--on-time-by", "document")
    units.ok("pack", "out", "--quarter", "2022Q2", "--dir", str(tmp_path / "phieu"))
    assert json.loads(units("doctor", "--format", "json").stdout)[0]["status"] == "ok"
    changes = [
        "UPDATE request SET kind = 'delay', decision = 'maybe'",
        "UPDATE directive_result SET verdict = 'good'",
        "UPDATE unit_contact SET role = 'boss'",
        "UPDATE pack_item SET role = 'chair' WHERE id = 1",
        "UPDATE office SET kind = 'party ', on_time_by = 'signature'",
    ]
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        for change in changes:
            conn.execute(text(change))
    engine.dispose()
    result = units("doctor", "--format", "json")
    assert result.exit_code == 0, result.stderr
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert checks["records"]["status"] == "warning"
    said = checks["records"]["detail"].split("; ")
    shown = "shown as it is, but its export cannot be imported back"
    nobody = ["no command sets it again: the program that wrote it corrects it"]
    expected = [
        f"office profile 1: kind holds 'party ', none of dirtrack's (party, state): {shown}",
        "dirtrack office set --kind sets one",
        "office profile 1: on time judged by holds 'signature', none of dirtrack's (document, "
        f"acceptance): {shown}",
        "dirtrack office set --on-time-by sets one",
        f"unit contact 1: role holds 'boss', none of dirtrack's (focal, head): {shown}",
        *nobody,
        f"result 1: verdict holds 'good', none of dirtrack's (meets, exceeds, short): {shown}",
        *nobody,
        f"request 1: kind holds 'delay', none of dirtrack's (extend, withdraw): {shown}",
        *nobody,
        f"request 1: decision holds 'maybe', none of dirtrack's (approved, rejected): {shown}",
        *nobody,
        f"pack item 1: role holds 'chair', none of dirtrack's (lead, with): {shown}",
        *nobody,
    ]
    found = [line for line in said if "with white space" not in line and "typed again" not in line]
    assert sorted(found) == sorted(expected)
    # a series' period none of dirtrack's: the commands that make occurrences fail; a problem
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE series SET every = 'week'"))
    engine.dispose()
    result = units("--lang", "vi", "doctor", "--format", "json")
    assert result.exit_code == 1
    records = {c["check"]: c for c in json.loads(result.stdout)}["records"]
    assert records["status"] == "problem"
    assert f"{series}: " in records["detail"] and " chứa 'week'" in records["detail"]
    assert "(month, quarter, half-year, year): các lệnh tạo các kỳ" in records["detail"]
    # and those commands say so in one line, pointing to doctor, rather than an unexpected error
    for command in (["list"], ["overdue"], ["series", "list"]):
        said = units.fail("--lang", "en", *command)
        assert said.startswith(
            "Error: the database holds a periodic directive repeated every "
            "'week', none of dirtrack's"
        ), said
        assert said.rstrip().endswith("dirtrack doctor names it"), said
    # set again as dirtrack stores them, nothing is left to say
    units.ok("office", "set", "--kind", "party", "--on-time-by", "document")
    engine = create_engine(resolve_target(db).url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE series SET every = 'month'"))
        conn.execute(text("UPDATE request SET kind = 'extend', decision = NULL"))
        conn.execute(text("UPDATE directive_result SET verdict = NULL"))
        conn.execute(text("UPDATE unit_contact SET role = 'head'"))
        conn.execute(text("UPDATE pack_item SET role = 'lead'"))
    engine.dispose()
    checks = {c["check"]: c for c in json.loads(units("doctor", "--format", "json").stdout)}
    assert checks["records"]["status"] == "ok", checks["records"]["detail"]
