"""`dirtrack backup` and `dirtrack restore`: SQLite's online backup, checked restores."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.batch import Batch
from tests.conftest import Cli, cli_at, file_digest, prebuilt, run, snapshot

pytestmark = pytest.mark.sqlite_only("backup and restore copy the SQLite file itself")


def directives(db: str | Path) -> list[dict[str, object]]:
    return list(cli_at(db).json("list", "--as-of", "2022-12-31"))


@pytest.fixture
@prebuilt
def office(units: Cli, meeting: int) -> Cli:
    for n in range(1, 6):
        units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", f"Việc {n}")
    units.ok("progress", "1", "--percent", "30", "--date", "1/6/2022")
    return units


def test_backup_is_a_complete_single_file_copy(office: Cli, db: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    done = office("backup", str(copy))
    assert done.exit_code == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"backed up to {copy} (")
    assert "5 directives" in done.stderr
    in_vi = office("--lang", "vi", "backup", str(tmp_path / "copy2.db"))
    # counted in the user's language, singular where there is one
    assert "; 5 đơn vị, 1 cuộc họp, 5 nhiệm vụ, 0 hạn chế)" in in_vi.stderr, in_vi.stderr
    # the size as each language writes a decimal: 364.0 KiB, 364,0 KiB
    size = copy.stat().st_size / 1024
    assert f"({size:.1f} KiB; " in done.stderr, done.stderr
    assert f"({size:.1f} KiB; ".replace(".", ",") in in_vi.stderr, in_vi.stderr
    # One self-contained file, checked, whatever journal mode the database runs in.
    assert not Path(f"{copy}-wal").exists() and not list(tmp_path.glob(".*.part"))
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    assert directives(copy) == directives(db)


def test_backup_leaves_the_database_as_it_found_it(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Reading the database in WAL mode read-only left an empty -wal and its -shm beside it,
    which only the next writer removed; the database itself is never written."""
    companions = [Path(f"{db_path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    assert not any(p.exists() for p in companions)
    digest = file_digest(db_path)
    office.ok("backup", str(tmp_path / "copy.db"))
    assert [p.name for p in companions if p.exists()] == []
    assert file_digest(db_path) == digest
    # Refused (the copy exists, its folder does not, its name is too long): the same.
    for refused in (tmp_path / "copy.db", tmp_path / "no" / "x.db", tmp_path / ("y" * 300)):
        office.fail("backup", str(refused))
        assert [p.name for p in companions if p.exists()] == [], refused.name[:20]
    assert file_digest(db_path) == digest


def test_a_refused_restore_leaves_the_database_as_it_found_it(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Asking (no --yes, no terminal) read the database in WAL mode to count its records, and
    left an empty -wal and its -shm beside it when it refused; so did a backup refused later."""
    companions = [Path(f"{db_path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    office.ok("progress", "2", "--percent", "40", "--date", "2/6/2022")
    assert not any(p.exists() for p in companions)
    digest = file_digest(db_path)
    assert "add --yes" in office.fail("restore", str(copy))
    assert [p.name for p in companions if p.exists()] == []
    conn = sqlite3.connect(copy)
    conn.execute("DROP TABLE change_log")
    conn.commit()
    conn.close()
    assert "cannot be restored" in office.fail("restore", str(copy), "--yes")
    assert [p.name for p in companions if p.exists()] == []
    assert file_digest(db_path) == digest


def test_a_backup_used_as_the_database_keeps_its_bytes_until_a_write(
    office: Cli, tmp_path: Path
) -> None:
    """A backup given as --db to a command that only reads, or to one refused, was switched to
    WAL on opening (its header's bytes 18-19 went from 1 to 2): a register nobody wrote to
    changed. It switches at the first command that records something."""
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    digest = file_digest(copy)
    at_copy = cli_at(copy)
    at_copy.ok("list", "--as-of", "2022-12-31")
    at_copy.ok("report", "--quarter", "2022Q3")
    at_copy("--lang", "vi", "doctor")
    at_copy.fail("unit", "retire", "KHONG", "--successor", "BTC")
    at_copy.fail("--lang", "vi", "progress", "99", "--percent", "10")
    at_copy.fail("unit", "add", "BTC", "Trùng mã")
    assert file_digest(copy) == digest
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("copy.db")] == ["copy.db"]
    doctor = {c["check"]: c for c in at_copy.json("doctor")}
    assert doctor["journal"]["status"] == "warning"
    assert "next command that records something" in doctor["journal"]["detail"]
    at_copy.ok("progress", "2", "--percent", "10", "--date", "2/6/2022")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert {c["check"]: c["status"] for c in at_copy.json("doctor")}["journal"] == "ok"


def test_backup_of_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    """An empty file given as --db was 'not a dirtrack database (not a SQLite file)' to backup,
    where every other command that reads says it is empty."""
    empty = tmp_path / "empty.db"
    empty.touch()
    for lang, said in (("en", "no database at"), ("vi", "không có cơ sở dữ liệu tại")):
        message = cli_at(empty).fail("--lang", lang, "backup", str(tmp_path / "copy.db"))
        assert message.startswith(f"Error: {said} {empty}: "), message
        assert "0 b" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
    assert empty.stat().st_size == 0


def test_backup_into_a_folder_and_over_a_file(office: Cli, db: str, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    office.ok("backup", str(folder))
    [made] = list(folder.glob("dirtrack-*.db"))
    assert directives(made) == directives(db)
    assert "exists already; give --force" in office.fail("backup", str(made))
    office.ok("backup", str(made), "--force")


def test_backup_dash_is_standard_output(
    office: Cli, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``backup -`` wrote a file named ``-`` in the current folder (and the next one said it
    exists): it writes the checked copy to standard output, as ``--out -`` does (``backup - |
    gzip``), and leaves no file behind."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    done = office("backup", "-")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.startswith("backed up to standard output (")
    copy = tmp_path / "streamed.db"
    copy.write_bytes(done.stdout_bytes)
    assert directives(copy) == directives(db)
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_name_ending_in_a_slash_is_a_folder_that_must_exist(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """``backup backups/`` (and ``export --out backups/``) with no such folder wrote a file
    named ``backups``; now refused, as ``cp x backups/`` is, and nothing is written. With the
    folder there (its name with spaces and Vietnamese letters), a dated file in it."""
    before = file_digest(db_path)
    wanted = tmp_path / "bản sao lưu"
    said = {"en": "does not exist", "vi": "không tồn tại"}[lang]
    assert said in office.fail("--lang", lang, "backup", f"{wanted}/")
    assert said in office.fail("--lang", lang, "export", "--out", f"{wanted}/")
    assert not wanted.exists() and file_digest(db_path) == before
    wanted.mkdir()
    office.ok("--lang", lang, "backup", f"{wanted}/")
    [made] = list(wanted.glob("dirtrack-*.db"))
    assert directives(made) == directives(db_path)


@dataclass
class ProgressLoop:
    written: list[int] = field(default_factory=list)  # the percents a progress was logged at
    refused: list[str] = field(default_factory=list)  # the stderr of each one refused


@contextmanager
def progress_loop(db: str, *, directive: int, most: int) -> Iterator[ProgressLoop]:
    """Another process logging `progress` on ``directive`` again and again (1%, 2%, … up to
    ``most``; one process, many commands: tests/batch.py) while the body runs: the body starts
    once the first has been tried, and the loop stops when it ends."""
    loop = ProgressLoop()
    stop, writing = threading.Event(), threading.Event()
    batch = Batch()

    def writer() -> None:
        n = 0
        try:
            while not stop.is_set() and n < most:
                n += 1
                code, _, stderr = batch(
                    "--db", db, "progress", str(directive), "--percent", str(n),
                    "--date", "1/7/2022",
                )  # fmt: skip
                if code == 0:
                    loop.written.append(n)
                else:
                    loop.refused.append(stderr)
                writing.set()
        finally:
            writing.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert writing.wait(timeout=300), "the writer never started"
        yield loop
    finally:
        stop.set()
        thread.join()
        batch.close()


def test_backup_refusals(office: Cli, db: str, db_path: Path, tmp_path: Path) -> None:
    before = file_digest(db_path)
    assert "is the database" in office.fail("backup", str(db_path), "--force")
    assert "does not exist" in office.fail("backup", str(tmp_path / "no" / "x.db"))
    assert file_digest(db_path) == before
    missing = cli_at(tmp_path / "none.db").fail("backup", str(tmp_path / "x.db"))
    assert "no database at" in missing
    assert not (tmp_path / "none.db").exists()


def test_backup_while_others_write(office: Cli, db: str, tmp_path: Path) -> None:
    # Fill the database so the copy takes several steps, then back it up while another
    # process logs progress again and again (one process, many commands: tests/batch.py).
    rows = ["STT,Nội dung,Đơn vị chủ trì,Thời hạn"] + [
        f"{n},Việc số {n},BTC,30/9/2022" for n in range(6, 3006)
    ]
    sheet = tmp_path / "big.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    office.ok("import", str(sheet), "--meeting", "1")
    with progress_loop(db, directive=2, most=40) as loop:
        copies = []
        for i in range(3):
            copy = tmp_path / f"copy{i}.db"
            office.ok("backup", str(copy))
            copies.append(copy)
    written = loop.written
    assert written, "the writer never got through"
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM directive").fetchone()[0] == 3005
        logged = conn.execute("SELECT COUNT(*) FROM progress_entry").fetchone()[0]
        conn.close()
        assert 1 <= logged <= 1 + len(written)
        assert len(directives(copy)) == 3005


def test_restore_puts_the_backup_back_and_keeps_the_old_file(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    saved = directives(db)
    office.ok("done", "1", "--date", "1/7/2022")
    office.ok("assign", "1", "--unit", "VPTU", "Việc sau sao lưu")
    changed = directives(db)
    done = office("restore", str(copy), "--yes")
    assert done.exit_code == 0, done.stderr
    assert directives(db) == saved
    [kept] = list(tmp_path.glob("dirtrack.db.*.bak"))
    assert f"the previous database is kept as {kept}" in done.stderr
    assert directives(kept) == changed
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_restore_while_another_program_holds_the_write_lock_says_so_and_keeps_all(
    office: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program in a write transaction the whole time (sqlite3 at a prompt): restore
    waited a minute, then said ``restore failed: database is locked`` (SQLite's English under
    ``--lang vi`` too) and ``the database was kept as …bak``, a file it never wrote. It waits
    as long as every writer does (``dirtrack.db.BUSY_TIMEOUT_MS``), says why in the catalog's
    words and names no copy; the database is as it was, and nothing is left beside it."""
    from dirtrack import db as database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    office.ok("done", "1", "--date", "1/7/2022")
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        before = file_digest(db_path)
        said = office.fail("restore", str(copy), "--yes")
        assert said == "Error: restore failed: another program is writing to it", said
        vi = office.fail("--lang", "vi", "restore", str(copy), "--yes")
        assert vi == "Error: khôi phục thất bại: một chương trình khác đang ghi vào", vi
        assert file_digest(db_path) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "dirtrack.db"]
    assert office.json("show", "1")["completed_on"] == "2022-07-01"


def test_restore_into_a_new_file(office: Cli, db: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    fresh = tmp_path / "fresh.db"
    cli_at(fresh).ok("restore", str(copy), "--yes")
    assert directives(fresh) == directives(db)


def _alembic(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_restore_refuses_what_is_not_a_good_backup(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    before = file_digest(db_path)
    text = tmp_path / "notes.txt"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert "not a dirtrack database (not a SQLite file)" in office.fail("restore", str(text))
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    assert "is a SQLite file but not a dirtrack database" in office.fail("restore", str(other))
    newer = tmp_path / "newer.db"
    office.ok("backup", str(newer))
    _alembic(newer, "9999")
    assert "schema revision '9999', which this dirtrack does not know" in office.fail(
        "restore", str(newer)
    )
    damaged = tmp_path / "damaged.db"
    office.ok("backup", str(damaged))
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    message = office.fail("restore", str(damaged))
    assert "damaged" in message or "cannot be read" in message
    assert "missing.db: no such file" in office.fail("restore", str(tmp_path / "missing.db"))
    assert "is the database" in office.fail("restore", str(db_path))
    # paths with no file name at all: the current folder (an empty "$FILE") and the root
    assert "folder" in office.fail("restore", "", "--yes")
    assert "folder" in office.fail("restore", "/", "--yes")
    assert file_digest(db_path) == before
    assert not list(tmp_path.glob("*.bak"))


def test_postgresql_points_to_pg_dump(tmp_path: Path) -> None:
    url = "postgresql+psycopg://office@db.invalid/dirtrack"
    for command in (["backup", str(tmp_path / "x.db")], ["restore", str(tmp_path / "x.db")]):
        error = cli_at(url).fail(*command)  # one line, exit 1
        assert "pg_dump" in error
        assert error.startswith("Error: backup and restore work on SQLite files")


@pytest.mark.parametrize(
    ("made", "named"),
    [
        ("CREATE TRIGGER wipe AFTER INSERT ON change_log BEGIN DELETE FROM directive; END", "wipe"),
        ("CREATE VIEW overdue AS SELECT * FROM directive", "overdue"),
    ],
    ids=["trigger", "view"],
)
def test_restore_refuses_a_backup_holding_code_dirtrack_does_not_make(
    office: Cli, db: str, db_path: Path, tmp_path: Path, made: str, named: str
) -> None:
    """A trigger another program added to a backup was restored with it, and ran on dirtrack's
    own writes: this one deleted every directive at the next command's history row."""
    tampered = tmp_path / "tampered.db"
    office.ok("backup", str(tampered))
    with sqlite3.connect(tampered) as conn:
        conn.execute(made)
    conn.close()
    before = file_digest(db_path)
    message = office.fail("restore", str(tampered), "--yes")
    assert "code dirtrack does not make" in message and named in message, message
    in_vi = office.fail("--lang", "vi", "restore", str(tampered), "--yes")
    assert "mã lệnh không do dirtrack tạo ra" in in_vi and named in in_vi, in_vi
    assert file_digest(db_path) == before
    assert not list(tmp_path.glob("*.bak"))
    office.ok("doctor")
    with sqlite3.connect(db_path) as conn:  # doctor says the same of the register itself
        conn.execute(made)
    conn.close()
    found = office("doctor")
    assert found.exit_code == 1 and "code dirtrack does not make" in found.stdout, found.stdout
    assert named in found.stdout


def test_no_command_writes_to_a_register_holding_a_trigger_dirtrack_does_not_make(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A trigger another program added to the register ran on dirtrack's own writes: `assign`
    printed the new id, and every directive was gone. A command that writes refuses, naming
    it; one that reads reads, `doctor` says so, and `restore` of a backup puts dirtrack's own
    triggers back."""
    good = tmp_path / "good.db"
    office.ok("backup", str(good))
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "CREATE TRIGGER wipe AFTER INSERT ON directive BEGIN DELETE FROM directive; END"
        )
    conn.close()
    before = file_digest(db_path)
    said = {
        "en": "holds a trigger dirtrack does not make, which would run on its writes: wipe",
        "vi": "có trigger không do dirtrack tạo ra, sẽ chạy khi dirtrack ghi: wipe",
    }
    for lang, words in said.items():
        error = office.fail("--lang", lang, "assign", "1", "--unit", "VPTU", "Việc mới")
        assert words in error, error
    assert file_digest(db_path) == before
    assert office.ok("list", "--format", "json").strip().startswith("[")
    office.ok("restore", str(good), "--yes")
    office.ok("assign", "1", "--unit", "VPTU", "Việc mới")


def test_no_command_writes_to_a_register_whose_trigger_under_dirtracks_name_has_another_body(
    office: Cli, db_path: Path
) -> None:
    """A trigger under the name of one of dirtrack's own with another body ran on dirtrack's
    writes as another program's would: a command that writes refuses, naming it, without
    writing; one that reads reads."""
    with sqlite3.connect(db_path) as conn:
        conn.execute('DROP TRIGGER "unit_keeps_references"')
        conn.execute(
            'CREATE TRIGGER "unit_keeps_references" AFTER INSERT ON directive '
            "BEGIN DELETE FROM directive; END"
        )
    conn.close()
    before = file_digest(db_path)
    error = office.fail("assign", "1", "--unit", "VPTU", "Việc mới")
    assert "trigger dirtrack does not make" in error and "unit_keeps_references" in error, error
    assert file_digest(db_path) == before
    assert office.ok("list", "--format", "json").strip().startswith("[")


def _tampered(office: Cli, path: Path, *statements: str) -> Path:
    """A backup of ``office`` changed by ``statements``, as another program would."""
    office.ok("backup", str(path))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


BIGGEST = 2**63 - 1
CHANGED_TRIGGER = (
    'CREATE TRIGGER "field_keeps_references" BEFORE DELETE ON "field" FOR EACH ROW '
    "BEGIN DELETE FROM directive; END"
)


@pytest.mark.parametrize(
    ("statements", "en", "vi"),
    [
        pytest.param(
            (f"UPDATE directive SET id = {BIGGEST} WHERE id = 5",),
            f"values: directive {BIGGEST}: an id above the largest dirtrack gives (2147483647; "
            "set by hand or by another program), which no command can name and whose export "
            "would not import back; correct it there; the current database is untouched",
            f"giá trị: nhiệm vụ {BIGGEST}: số hiệu lớn hơn số hiệu lớn nhất dirtrack cấp "
            "(2147483647; bị sửa tay hoặc do chương trình khác ghi), không lệnh nào gọi được và "
            "bản xuất của nó sẽ không nhập lại được; hãy sửa lại ở đó; cơ sở dữ liệu hiện tại "
            "giữ nguyên",
            id="largest-id",
        ),
        pytest.param(
            (f"UPDATE sqlite_sequence SET seq = {BIGGEST} WHERE name = 'meeting'",),
            f"values: the counter of meeting ids is at {BIGGEST}, above the largest id "
            "dirtrack gives (2147483647; set by hand or by another program): no meeting can be "
            "added; correct it there (sqlite_sequence); the current database is untouched",
            f"giá trị: bộ đếm số hiệu cuộc họp đang ở {BIGGEST}, lớn hơn số hiệu lớn nhất "
            "dirtrack cấp (2147483647; bị sửa tay hoặc do chương trình khác ghi): không thêm "
            "được cuộc họp nào nữa; hãy sửa lại ở đó (sqlite_sequence); cơ sở dữ liệu hiện tại "
            "giữ nguyên",
            id="counter",
        ),
        pytest.param(
            ("UPDATE directive SET text = 'Việc' || char(27) || '[31m 3' WHERE id = 3",),
            "records: directive 3: text holds the control character U+001B, which no Word "
            "report can hold and dirtrack refuses today; dirtrack edit with the text typed "
            "again without it corrects it; the current database is untouched",
            "bản ghi: nhiệm vụ 3: nội dung có ký tự điều khiển U+001B, không báo cáo Word nào "
            "chứa được và dirtrack nay không nhận; dùng dirtrack edit nhập lại nội dung không "
            "có ký tự đó để sửa; cơ sở dữ liệu hiện tại giữ nguyên",
            id="esc",
        ),
        pytest.param(
            ("UPDATE meeting SET title = 'Họp' || char(0) WHERE id = 1",),
            "records: meeting 1: title holds the control character U+0000, which no Word "
            "report can hold and dirtrack refuses today; dirtrack edit with the text typed "
            "again without it corrects it; the current database is untouched",
            "bản ghi: cuộc họp 1: tiêu đề có ký tự điều khiển U+0000, không báo cáo Word nào "
            "chứa được và dirtrack nay không nhận; dùng dirtrack edit nhập lại nội dung không "
            "có ký tự đó để sửa; cơ sở dữ liệu hiện tại giữ nguyên",
            id="nul",
        ),
        pytest.param(
            ('DROP TRIGGER "field_keeps_references"', CHANGED_TRIGGER),
            "schema: code dirtrack does not make, which would run on its tables: trigger "
            "field_keeps_references, dirtrack's name with another body; the current database "
            "is untouched",
            "cấu trúc: mã lệnh không do dirtrack tạo ra, sẽ chạy trên các bảng của nó: trình "
            "kích hoạt (trigger) field_keeps_references, mang tên của dirtrack nhưng nội dung "
            "khác; cơ sở dữ liệu hiện tại giữ nguyên",
            id="changed-trigger",
        ),
        pytest.param(
            ('DROP TRIGGER "unit_keeps_references"',),
            "schema: missing trigger unit_keeps_references; the current database is untouched",
            "cấu trúc: thiếu trình kích hoạt (trigger) unit_keeps_references; cơ sở dữ liệu "
            "hiện tại giữ nguyên",
            id="missing-trigger",
        ),
        pytest.param(
            ('DROP INDEX "ix_directive_links_not_ids"', 'DROP INDEX "ix_pack_period"'),
            "schema: missing index ix_pack_period; index ix_directive_links_not_ids; the "
            "current database is untouched",
            "cấu trúc: thiếu chỉ mục (index) ix_pack_period; chỉ mục (index) "
            "ix_directive_links_not_ids; cơ sở dữ liệu hiện tại giữ nguyên",
            id="missing-index",
        ),
        pytest.param(
            ("CREATE TABLE notes (body TEXT)", "ALTER TABLE unit ADD COLUMN phone TEXT"),
            "schema: tables and columns dirtrack does not make (another program's, or a "
            "hand's): table notes; column unit.phone; the current database is untouched",
            "cấu trúc: bảng và cột không do dirtrack tạo ra (của chương trình khác, hoặc thêm "
            "bằng tay): bảng notes; cột unit.phone; cơ sở dữ liệu hiện tại giữ nguyên",
            id="extra-table-and-column",
        ),
    ],
)
def test_restore_refuses_what_no_writer_of_dirtrack_would_store(
    office: Cli,
    db: str,
    db_path: Path,
    tmp_path: Path,
    statements: tuple[str, ...],
    en: str,
    vi: str,
) -> None:
    """A backup another program changed was restored as it was: a directive numbered 2**63 - 1
    (or a counter there), after which the next assign said 'the disk is full'; a text holding
    ESC or NUL, which typed text, the JSON import and every other writer refuse; a trigger under
    the name of one of dirtrack's own with another body, or one of them dropped (a unit rows
    point to could then be deleted under them), or one of its indexes dropped (the partial ones
    the look on opening reads too); another program's table or column, carried
    over without a word. Each is refused in one line naming
    the record, in either language, and the register is left as it was."""
    tampered = _tampered(office, tmp_path / "tampered.db", *statements)
    before, kept = file_digest(db_path), file_digest(tampered)
    said = {
        lang: office("--lang", lang, "restore", str(tampered), "--yes") for lang in ("en", "vi")
    }
    assert said["en"].exit_code == 1 and said["en"].stdout == ""
    assert said["en"].stderr == f"Error: {tampered} cannot be restored: {en}\n"
    assert said["vi"].exit_code == 1 and said["vi"].stdout == ""
    assert said["vi"].stderr == f"Error: {tampered} không khôi phục được: {vi}\n"
    assert file_digest(db_path) == before and file_digest(tampered) == kept
    assert not list(tmp_path.glob("*.bak"))
    # doctor names the same in the backup itself: a problem, or (a text edit corrects) a warning
    checked = run("--lang", "en", "doctor", "--format", "json", db=str(tampered), forked=True)
    details = {c["check"]: c for c in json.loads(checked.stdout)}
    name, _, finding = en.removesuffix("; the current database is untouched").partition(": ")
    assert details[name]["detail"] == finding
    assert details[name]["status"] == ("warning" if name == "records" else "problem")
    assert checked.returncode == (0 if name == "records" else 1)


def test_export_refuses_an_id_above_the_largest(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """A directive numbered above the largest id (by another program) was exported, into a
    JSON file whose import refuses that id: every format refuses it, naming the record."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(f"UPDATE directive SET id = {2**31} WHERE id = 5")
    conn.close()
    out = tmp_path / "out.json"
    assert office.fail("export", "--out", str(out)) == (
        f"Error: directive {2**31} has an id above the largest dirtrack gives (2147483647; set "
        "by hand or by another program): its export would not import back, so nothing was "
        "written; correct it there (dirtrack doctor lists every such record)"
    )
    sheet = tmp_path / "out.xlsx"
    assert office.fail("--lang", "vi", "export", "--format", "xlsx", "--out", str(sheet)) == (
        f"Error: nhiệm vụ {2**31} có số hiệu lớn hơn số hiệu lớn nhất dirtrack cấp (2147483647; "
        "bị sửa tay hoặc do chương trình khác ghi): bản xuất của nó sẽ không nhập lại được, "
        "nên không ghi gì; hãy sửa lại ở đó (dirtrack doctor liệt kê mọi bản ghi như vậy)"
    )
    assert not out.exists() and not sheet.exists()


def test_restore_takes_a_backup_of_any_page_size(office: Cli, db: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    saved = directives(db)
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA page_size=8192")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    office.ok("done", "1", "--date", "1/7/2022")
    office.ok("restore", str(copy), "--yes")
    assert directives(db) == saved
    office.ok("doctor")


def test_restore_checks_a_candidate_as_doctor_does(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """A hand-made file with dirtrack's table names and revision, and nothing else, is refused
    before anything is replaced or kept."""
    fake = tmp_path / "fake.db"
    conn = sqlite3.connect(fake)
    for table in ("unit", "meeting", "directive", "limitation"):
        conn.execute(f"CREATE TABLE {table} (x)")
    conn.execute("CREATE TABLE alembic_version (version_num)")
    revision = sqlite3.connect(db_path).execute("SELECT version_num FROM alembic_version")
    conn.execute("INSERT INTO alembic_version VALUES (?)", revision.fetchone())
    conn.commit()
    conn.close()
    before = file_digest(db_path)
    message = office.fail("restore", str(fake))
    assert "cannot be restored" in message and "schema: missing" in message
    assert "the current database is untouched" in message
    assert file_digest(db_path) == before
    assert not list(tmp_path.glob("*.bak")) and not list(tmp_path.glob(".*.part*"))
    office.ok("doctor")


def test_a_backup_that_is_not_healthy_is_refused_in_the_users_language(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """What doctor finds in a backup is said in the catalog's words: the check and its finding."""
    orphan = tmp_path / "orphan.db"
    office.ok("backup", str(orphan))
    conn = sqlite3.connect(orphan)
    conn.execute("UPDATE directive SET unit_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    before = file_digest(db_path)
    assert office.fail("--lang", "vi", "restore", str(orphan), "--yes") == (
        f"Error: {orphan} không khôi phục được: tham chiếu: dòng 1 của nhiệm vụ trỏ tới đơn vị "
        "không tồn tại; cơ sở dữ liệu hiện tại giữ nguyên"
    )
    assert office.fail("--lang", "en", "restore", str(orphan), "--yes") == (
        f"Error: {orphan} cannot be restored: foreign_keys: directive row 1 points to a missing "
        "unit; the current database is untouched"
    )
    assert file_digest(db_path) == before
    assert not list(tmp_path.glob("*.bak"))


def test_a_loop_of_symbolic_links_is_no_unexpected_error(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """Whether a path is the database is asked of a loop of links too: an Error line (restore)
    or a backup beside it, not 'unexpected RuntimeError: Symlink loop'."""
    loop = tmp_path / "loop.db"
    loop.symlink_to(tmp_path / "loop2.db")
    (tmp_path / "loop2.db").symlink_to(loop)
    before = file_digest(db_path)
    assert office.fail("restore", str(loop), "--yes") == (
        f"Error: cannot read {loop}: symbolic links that point to each other in a loop"
    )
    assert file_digest(db_path) == before
    office.ok("export", "--out", str(tmp_path / "loop2.db"), "--force")
    assert (tmp_path / "loop2.db").is_file()


def test_a_truncated_backup_or_database_is_said_in_the_users_language(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """SQLite's "database disk image is malformed" is said in the catalog's words, restore's
    and any command's, in either language (db.sqlite_reason)."""
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    cut = tmp_path / "cut.db"
    cut.write_bytes(copy.read_bytes()[:20_000])
    before = file_digest(db_path)
    said = {
        lang: office.fail("--lang", lang, "restore", str(cut), "--yes") for lang in ("en", "vi")
    }
    assert file_digest(db_path) == before
    assert said["en"].endswith("(the database file is damaged)")
    assert said["vi"].endswith("(tệp cơ sở dữ liệu bị hỏng)")
    assert "malformed" not in said["en"] + said["vi"]
    opened = cli_at(cut).fail("--lang", "vi", "unit", "list")
    assert opened.endswith("tệp cơ sở dữ liệu bị hỏng") and "malformed" not in opened
    # doctor's table said SQLite's English under --lang vi
    checked = run("--lang", "vi", "doctor", db=str(cut), forked=True)
    assert checked.returncode == 1
    assert "tệp cơ sở dữ liệu bị hỏng" in checked.stdout and "malformed" not in checked.stdout


def test_a_backup_damaged_throughout_is_one_short_line_naming_the_first_damage(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """SQLite's quick_check lists every damaged cell in its first row, one a line: the Error:
    line quoted them all (4,700 characters for a backup with 40 bytes overwritten on each
    page)."""
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    conn = sqlite3.connect(copy)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    query = "SELECT rootpage FROM sqlite_master WHERE name = 'ix_change_log_at'"
    root = conn.execute(query).fetchone()[0]
    conn.close()
    data = bytearray(copy.read_bytes())
    start = (root - 1) * page
    cells = start + (8 if data[start] in (10, 13) else 12)  # a leaf's header, an interior's
    data[cells : cells + 200] = b"\xff" * 200  # every cell of the index's root points nowhere
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    assert sqlite3.connect(damaged).execute("PRAGMA quick_check").fetchone()[0].count("\n") > 9
    before = file_digest(db_path)
    for lang, said in (
        ("en", "is damaged (SQLite's check found, in its words: On tree page "),
        ("vi", "bị hỏng (SQLite kiểm tra thấy, nguyên văn: On tree page "),
    ):
        line = office.fail("--lang", lang, "restore", str(damaged), "--yes")
        assert line.startswith(f"Error: {damaged} {said}"), line
        assert "\n" not in line and len(line) < 200 + len(str(damaged)), line
    assert file_digest(db_path) == before
    assert not list(tmp_path.glob("*.bak"))


def test_an_index_out_of_step_with_its_table_is_said_in_the_users_language(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """A backup whose quick_check passes and whose integrity_check does not (two indexes of a
    table swapped: every row missing from each): restore and doctor said SQLite's English
    alone ('row 1 missing from index …') under --lang vi; now a catalog sentence counts the
    problems and quotes SQLite's words as its detail."""
    swapped = tmp_path / "swapped.db"
    office.ok("backup", str(swapped))
    conn = sqlite3.connect(swapped)
    # two whole indexes of one table: a partial one, empty, holds no row to miss
    query = (
        "SELECT name, rootpage FROM sqlite_master WHERE tbl_name = 'directive' "
        "AND type = 'index' AND sql NOT LIKE '% WHERE %' "
    )
    (one, root1), (two, root2) = conn.execute(query + "ORDER BY name LIMIT 2").fetchall()
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (root2, one))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (root1, two))
    conn.commit()
    conn.close()
    conn = sqlite3.connect(swapped)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    found = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    conn.close()
    n = len(found)
    assert n > 2 and found[0].startswith("row 1 missing from index ix_directive_"), found
    before, kept = file_digest(db_path), file_digest(swapped)
    said = {
        lang: office.fail("--lang", lang, "restore", str(swapped), "--yes") for lang in ("en", "vi")
    }
    assert said["en"].startswith(
        f"Error: {swapped} cannot be restored: integrity: SQLite's integrity check found {n} "
        f"problems, in its words: {found[0]}; "
    ), said["en"]
    assert said["vi"].startswith(
        f"Error: {swapped} không khôi phục được: tính toàn vẹn: kiểm tra toàn vẹn của SQLite "
        f"phát hiện {n} lỗi, nguyên văn của SQLite: {found[0]}; "
    ), said["vi"]
    assert all("\n" not in line for line in said.values())
    assert file_digest(db_path) == before and file_digest(swapped) == kept
    assert not list(tmp_path.glob("*.bak"))
    checked = run("--lang", "vi", "doctor", "--format", "json", db=str(swapped), forked=True)
    assert checked.returncode == 1
    integrity = next(c for c in json.loads(checked.stdout) if c["check"] == "integrity")
    assert integrity["status"] == "problem"
    assert integrity["detail"].startswith(f"kiểm tra toàn vẹn của SQLite phát hiện {n} lỗi, ")
    assert file_digest(swapped) == kept


def test_doctor_on_another_programs_file_says_the_missing_tables_in_the_users_language(
    tmp_path: Path,
) -> None:
    """doctor on a SQLite file another program made said SQLite's 'no such table: change_log'
    under --lang vi for the checks that read a table the file lacks."""
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    kept = file_digest(foreign)
    for lang, missing in (
        ("en", "the database has no change_log (not made by dirtrack, or changed by hand)"),
        (
            "vi",
            "cơ sở dữ liệu không có change_log (không do dirtrack tạo, hoặc đã bị sửa bằng tay)",
        ),
    ):
        checked = run("--lang", lang, "doctor", "--format", "json", db=str(foreign), forked=True)
        assert checked.returncode == 1
        details = {c["check"]: c["detail"] for c in json.loads(checked.stdout)}
        assert details["values"] == missing, details
        assert not any("no such" in d for d in details.values()), details
    assert file_digest(foreign) == kept


def test_a_damaged_schema_whose_words_are_not_utf8_is_a_damaged_file(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """SQLite's message on a damaged schema quotes its bytes, which Python cannot decode when
    they are not UTF-8: every command, doctor and restore said 'some input is not valid UTF-8
    text; check the encoding of the terminal or file'."""
    damaged = tmp_path / "damaged.db"
    office.ok("backup", str(damaged))
    conn = sqlite3.connect(damaged)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = CAST(X'435245415445204944E5' AS TEXT) || substr(sql, 7)"
        " WHERE name = 'ix_directive_coordinator_unit_id'"
    )
    conn.commit()
    conn.close()
    before = file_digest(db_path)
    assert office.fail("--lang", "vi", "restore", str(damaged), "--yes") == (
        f"Error: {damaged} không đọc được như một cơ sở dữ liệu (tệp cơ sở dữ liệu bị hỏng)"
    )
    assert file_digest(db_path) == before
    said = file_digest(damaged)
    assert (
        cli_at(damaged).fail("list")
        == f"Error: cannot open {damaged}: the database file is damaged"
    )
    checked = run("--lang", "vi", "doctor", db=str(damaged), forked=True)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "tệp cơ sở dữ liệu bị hỏng" in checked.stdout, checked.stdout
    assert "UTF-8" not in checked.stdout + checked.stderr
    assert file_digest(damaged) == said


def test_a_page_the_opening_does_not_read_damaged_is_a_damaged_file(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """A register whose change log's first page is damaged opens (the opening's checks do not
    read it), and a correction failed on writing its history: 'unexpected DatabaseError:
    (sqlite3.DatabaseError) database disk image is malformed', in English under --lang vi. A
    schema whose text is damaged was named in SQLite's English ('malformed database schema
    (…) - near "CREAT": syntax error') by restore and every command."""
    damaged = tmp_path / "damaged.db"
    office.ok("backup", str(damaged))
    conn = sqlite3.connect(damaged)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    query = "SELECT rootpage FROM sqlite_master WHERE name = 'change_log'"
    root = conn.execute(query).fetchone()[0]
    conn.close()
    data = bytearray(damaged.read_bytes())
    data[(root - 1) * page : root * page] = bytes(page)
    damaged.write_bytes(bytes(data))
    digest = file_digest(damaged)
    at = cli_at(damaged)
    for lang, said in (
        ("en", "Error: the database file is damaged: nothing was written; dirtrack doctor"),
        ("vi", "Error: tệp cơ sở dữ liệu bị hỏng: không ghi được gì; dirtrack doctor"),
    ):
        result = at("--lang", lang, "edit", "meeting", "1", "--title", "Giao ban")
        assert result.exit_code == 1, result.stderr
        assert result.stderr.startswith(said), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert file_digest(damaged) == digest

    schema = tmp_path / "schema.db"
    office.ok("backup", str(schema))
    conn = sqlite3.connect(schema)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'CREATE INDEX', 'CREAT INDEX')"
        " WHERE name = 'ix_directive_coordinator_unit_id'"
    )
    conn.commit()
    conn.close()
    before = file_digest(db_path)
    assert office.fail("--lang", "vi", "restore", str(schema), "--yes") == (
        f"Error: {schema} không đọc được như một cơ sở dữ liệu (tệp cơ sở dữ liệu bị hỏng)"
    )
    assert file_digest(db_path) == before
    assert (
        cli_at(schema).fail("list") == f"Error: cannot open {schema}: the database file is damaged"
    )


def test_a_restore_that_cannot_keep_the_current_database_says_the_restore_failed(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """`restore` keeps the current database as a .bak beside it before it puts the backup in
    its place; when that copy could not be written (the disk filled, a file size limit), it
    said 'Error: backup failed: …' of a command that was a restore. It says the restore
    failed, and leaves the database as it was and no .bak. (A process forked from the fork
    server, under the file size limit the caller sets: what the command says, not its start.)"""
    import resource
    import signal
    import subprocess

    from tests.conftest import program

    backup = tmp_path / "small.db"
    office.ok("backup", str(backup))
    with sqlite3.connect(db_path) as conn:  # the current file grows, its pages free
        conn.execute("CREATE TABLE pad (x)")
        conn.execute("INSERT INTO pad VALUES (zeroblob(3000000))")
        conn.execute("DROP TABLE pad")
    conn.close()
    limit = backup.stat().st_size + 1_000_000  # the backup's copy fits, the .bak does not
    assert db_path.stat().st_size > limit

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    before = file_digest(db_path)
    for lang, said in (("en", "Error: restore failed: "), ("vi", "Error: khôi phục thất bại: ")):
        done = subprocess.run(
            [program(forked=True), "--db", db, "--lang", lang, "restore", str(backup), "--yes"],
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=limited,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith(said), done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert file_digest(db_path) == before
    assert not list(db_path.parent.glob("*.bak"))


def test_a_stored_text_that_is_not_utf8_is_named_by_its_column(
    office: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """A text whose bytes are not UTF-8 (a damaged file, another program) was 'unexpected
    OperationalError: … Could not decode to UTF-8 column …' quoting the bytes, in English
    under --lang vi, at export; and doctor and restore quoted Python's English."""
    damaged = tmp_path / "damaged.db"
    office.ok("backup", str(damaged))
    conn = sqlite3.connect(damaged)
    conn.execute("UPDATE meeting SET title = CAST(X'47C3206261' AS TEXT)")
    conn.commit()
    conn.close()
    said = file_digest(damaged)
    at = cli_at(damaged)
    assert at.fail("export") == (
        "Error: the database holds a text of column title that is not UTF-8 (the file is "
        "damaged, or another program wrote it): nothing was written; dirtrack doctor checks the "
        "file"
    )
    assert at.fail("--lang", "vi", "export").startswith(
        "Error: cơ sở dữ liệu chứa một văn bản ở cột title không phải UTF-8 (tệp bị hỏng"
    )
    assert file_digest(damaged) == said
    checked = run("--lang", "vi", "doctor", "--format", "json", db=str(damaged), forked=True)
    assert checked.returncode == 1
    records = {c["check"]: c for c in json.loads(checked.stdout)}["records"]
    assert records["status"] == "problem"
    assert "một văn bản ở cột title không phải UTF-8" in records["detail"], records
    before = file_digest(db_path)
    refused = office.fail("restore", str(damaged), "--yes")
    assert refused == (
        f"Error: {damaged} cannot be restored: records: a text of column title is not UTF-8 "
        "(the file is damaged, or another program wrote it); the current database is untouched"
    )
    assert file_digest(db_path) == before


def test_doctor_on_another_programs_database_names_no_python_none(tmp_path: Path) -> None:
    """doctor on a SQLite file without dirtrack's schema said 'revision None' (Python's None)."""
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    checked = run("--lang", "vi", "doctor", db=str(other), forked=True)
    assert checked.returncode == 1
    assert "không có phiên bản cấu trúc (không do dirtrack tạo?), cần " in checked.stdout
    assert "None" not in checked.stdout


def test_an_empty_file_name_is_refused(
    office: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`backup "$DEST"` with DEST unset names no file: not a dated copy in the current folder."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    for lang, said in (("en", "an empty file name"), ("vi", "tên tệp để trống")):
        for name in ("", "  "):
            assert said in office.fail("--lang", lang, "backup", name)
    assert list(here.iterdir()) == []


def test_a_web_address_given_for_a_file_is_said_so_as_typed(
    office: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A URL read as a path lost a slash: 'Error: https:/portal.vn/bai.docx: no such file', a
    name never typed, for every command that takes a FILE; one named so that is there is read."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    url = "https://portal.gov.vn/tin//bai.xlsx"
    before = file_digest(db_path)
    for command in (["extract"], ["import"], ["restore"], ["pack", "in"], ["backup"]):
        said = office.fail("--lang", "en", *command, url)
        assert f"'{url}' is a web address, and dirtrack reads and writes the files" in said, said
        in_vi = office.fail("--lang", "vi", *command, url)
        assert f"'{url}' là địa chỉ trang web" in in_vi, in_vi
    assert file_digest(db_path) == before
    assert list(here.iterdir()) == []
    (here / "http:" / "tin").mkdir(parents=True)
    (here / "http:" / "tin" / "a.txt").write_text(
        "Giao Ban Tổ chức rà soát quy hoạch cán bộ, hoàn thành trước 30/9/2022.", encoding="utf-8"
    )
    draft = json.loads(office.ok("extract", "http://tin/a.txt", "--format", "json"))
    assert [d["due"] for d in draft["directives"]] == ["2022-09-30"]


def test_undo_after_a_restore_takes_back_only_what_the_restored_register_holds(
    office: Cli, db: str, tmp_path: Path
) -> None:
    """backup, more writes, restore, undo: the change log is the backup's, so undo takes back
    the backup's last command, never one made after the backup (its rows are not in the
    restored register); with nothing of the actor's left, one Error line and no change."""
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    saved, log = office.json("export"), office.json("history", "--limit", "0")
    office.ok("assign", "1", "--unit", "BTC", "Việc sau sao lưu")
    office.ok("progress", "2", "--percent", "50", "--date", "2/6/2022")
    office.ok("restore", str(copy), "--yes")
    assert office.json("export") == saved
    assert office.json("history", "--limit", "0") == log
    undone = office("undo", "--yes")
    assert undone.exit_code == 0, undone.stderr
    assert undone.stderr.startswith(f"undone #{log[0]['id']} {log[0]['command']}:"), undone.stderr
    assert log[0]["command"] == "progress"  # the fixture's last: directive 1 at 30 %
    assert [d["id"] for d in office.json("list", "--status", "all")] == [1, 2, 3, 4, 5]
    assert office.json("show", "1")["progress"] is None
    for _ in range(len(log) - 1):
        office.ok("undo", "--yes")
    before = snapshot(db)
    assert office.fail("undo", "--yes").startswith("Error: nothing to undo")
    assert snapshot(db) == before
    assert office.json("list", "--status", "all") == []


REGISTERS = sorted((Path(__file__).parent / "registers").glob("*.sql"))


@pytest.mark.parametrize("dump", REGISTERS, ids=[p.stem for p in REGISTERS])
def test_restore_of_a_backup_an_older_revision_made(
    office: Cli, db: str, dump: Path, tmp_path: Path
) -> None:
    """A backup of a register an older dirtrack built (revision 0001, 0008, main's 0014) is
    brought to today's schema on its way in: the register restored holds what the old file,
    opened by today's dirtrack, holds; the backup's own bytes are left as they were."""
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.executescript(dump.read_text())
    conn.close()
    opened = tmp_path / "opened.db"
    opened.write_bytes(old.read_bytes())
    digest = file_digest(old)
    done = office("restore", str(old), "--yes")
    assert done.exit_code == 0, done.stderr
    assert file_digest(old) == digest
    assert office.json("export") == cli_at(opened).json("export")
    assert office.json("history", "--limit", "0") == cli_at(opened).json("history", "--limit", "0")
    assert {c["check"]: c["status"] for c in office.json("doctor")}["schema"] == "ok"


def test_restore_while_another_process_writes(office: Cli, db: str, tmp_path: Path) -> None:
    """A loop of `progress` in another process while `restore` runs: each progress either
    lands in the register restore replaces (kept beside it) or after the restore, in the
    restored register, never half. Restore kept a copy, then copied the backup over the
    register: a progress committed between the two was told it was written and was in
    neither; now both are done under one write lock (backup._swap_in). The restored register
    is the backup, and what was written after it is only the writer's progress, each once."""
    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    backed = snapshot(str(copy))
    with progress_loop(db, directive=3, most=60) as loop:
        done = office("restore", str(copy), "--yes")
    written, refused = loop.written, loop.refused
    assert done.exit_code == 0, done.stderr
    assert written, "the writer never got through"
    assert all(s.startswith("Error: ") and s.count("\n") == 1 for s in refused), refused
    [kept] = list(tmp_path.glob("dirtrack.db.*.bak"))
    after = snapshot(db)
    for table in backed:
        if table not in ("progress_entry", "change_log"):
            assert after[table] == backed[table], table
    for table in ("progress_entry", "change_log"):
        assert set(backed[table]) <= set(after[table]), table
    cli_at(kept).ok("list", "--status", "all")  # the register replaced, whole

    def logged(where: str | Path) -> list[int]:
        with sqlite3.connect(where) as conn:
            rows = conn.execute(
                "SELECT percent FROM progress_entry WHERE directive_id = 3 ORDER BY id"
            ).fetchall()
        conn.close()
        return [int(p) for (p,) in rows]

    here, there = logged(db), logged(kept)
    assert sorted(here + there) == sorted(set(here + there)) == sorted(written)
    assert here == sorted(here) and there == sorted(there)
    if here and there:
        assert max(there) < min(here)  # before the restore, or after it: in the writer's order
    office.ok("doctor")


def test_restore_onto_a_read_only_register_says_so_in_the_catalog_s_words_and_leaves_nothing(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A register file nobody may write (chattr +i, which binds root too): restore said
    ``restore failed: attempt to write a readonly database`` (SQLite's English under ``--lang
    vi`` too) and left a copy of the register beside it that the message named, though the
    register was as it was. It says why in the catalog's words, and leaves no file behind."""
    import subprocess

    copy = tmp_path / "copy.db"
    office.ok("backup", str(copy))
    office.ok("done", "1", "--date", "1/7/2022")
    made = subprocess.run(["chattr", "+i", str(db_path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("chattr +i is not allowed here")
    try:
        before = file_digest(db_path)
        said = office.fail("restore", str(copy), "--yes")
        assert said == "Error: restore failed: the database file cannot be written: it is read-only"
        vi = office.fail("--lang", "vi", "restore", str(copy), "--yes")
        assert (
            vi == "Error: khôi phục thất bại: không ghi được vào tệp cơ sở dữ liệu: tệp chỉ cho đọc"
        )
        assert file_digest(db_path) == before
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=False)
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == ["copy.db", "dirtrack.db"]
    assert office.json("show", "1")["completed_on"] == "2022-07-01"
