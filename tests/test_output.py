"""What dirtrack writes: whole or not at all, never over the database, never a live formula,
never a raw control sequence on a terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ENTRY_POINT, Cli, file_digest, prebuilt, program

pytestmark = pytest.mark.sqlite_only("checks files beside the SQLite database")

FSIZE_LIMIT = 64 * 1024


def _limited(fsize: int | None = None, memory: int | None = None) -> Callable[[], None]:
    """For preexec_fn: files no larger than ``fsize`` (SIGXFSZ ignored, so a write beyond it
    fails with EFBIG as on a full disk) and no more than ``memory`` bytes of address space."""

    def setup() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return setup


def dirtrack(
    *args: str,
    db: str,
    stdout: int | io.BufferedWriter = subprocess.PIPE,
    limit: Callable[[], None] | None = None,
    stderr: int | io.BufferedWriter = subprocess.PIPE,
    forked: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """The command in a process of its own: the installed entry point, or (``forked``, where
    what is checked is not the start) one forked from the fork server, which gives it the file
    size and address space ``limit`` sets (tests/forkserver.py)."""
    return subprocess.run(
        [program(forked), "--db", db, *args],
        stdout=stdout,
        stderr=stderr,
        stdin=subprocess.DEVNULL,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )


def one_error(done: subprocess.CompletedProcess[bytes]) -> str:
    stderr = done.stderr.decode("utf-8")
    lines = stderr.strip().splitlines()
    assert done.returncode == 1, stderr
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


@pytest.fixture
@prebuilt
def big(meeting: int, units: Cli, db: str, tmp_path: Path) -> str:
    """A register whose JSON export, CSV listing and report are well over FSIZE_LIMIT."""
    rows = ["STT,Nội dung,Đơn vị chủ trì,Thời hạn"] + [
        f"{n},Việc số {n}: rà soát hồ sơ và báo cáo kết quả,BTC,30/9/2022" for n in range(1, 701)
    ]
    sheet = tmp_path / "big.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    units.ok("import", str(sheet), "--meeting", str(meeting))
    return db


# --- every write checked ---------------------------------------------------------------------


# A process each: make test runs one command of each kind of writer (streamed JSON, a table,
# a workbook), make test-all the others too.
ANOTHER_WRITER = pytest.mark.slow("a process per command; the writers are in the quick set")


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        pytest.param(["list", "--format", "csv"], marks=ANOTHER_WRITER),
        ["list"],
        pytest.param(
            ["overdue", "--as-of", "2022-12-31", "--format", "json"], marks=ANOTHER_WRITER
        ),
        ["report", "--quarter", "2022Q3", "--format", "xlsx"],
        pytest.param(["report", "--quarter", "2022Q3", "--format", "md"], marks=ANOTHER_WRITER),
        pytest.param(["unit", "list", "--format", "csv"], marks=ANOTHER_WRITER),
    ],
)
def test_stdout_on_a_full_disk_is_an_error(big: str, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = dirtrack(*command, db=big, stdout=full)
    assert "cannot write standard output: the disk is full" in one_error(done)


def test_a_change_whose_output_cannot_be_written_is_not_recorded(
    meeting: int, units: Cli, db: str, db_path: Path, tmp_path: Path
) -> None:
    """A writing command printed its id (or record) after its change was committed: on a full
    disk it said 'Error: cannot write standard output' and exited 1 over a change written,
    and a script running it again recorded it twice. The output goes out before the commit.
    (Each a process forked from the fork server: what is checked is what reaches the register;
    the entry point on a full disk is test_stdout_on_a_full_disk_is_an_error's.)"""
    m = str(meeting)
    first = units.id("assign", m, "--unit", "BTC", "--due", "30/9/2022", "Rà soát quy chế")
    units.ok("add-limitation", m, "--unit", "BDV", "Thiếu cán bộ")
    exported = tmp_path / "all.json"
    units.ok("export", "--out", str(exported))
    before = file_digest(db_path)
    writers = [
        ["unit", "add", "SXD", "Sở Xây dựng"],
        ["assign", m, "--unit", "VPTU", "--unit", "BDV", "Việc mới"],
        ["assign", m, "--unit", "VPTU", "Báo cáo tháng", "--every", "month", "--format", "json"],
        ["edit", "directive", str(first), "--text", "Rà soát lại quy chế"],
        ["delete", "limitation", "1", "--yes", "--format", "json"],  # with the change's id
        ["undo", "--yes", "--format", "json"],
        ["urge", "BTC", "--as-of", "2022-10-10", "--format", "md"],
    ]  # fmt: skip
    for args in writers:
        with open("/dev/full", "wb") as full:
            done = dirtrack(*args, db=db, stdout=full, forked=True)
        assert "cannot write standard output: the disk is full" in one_error(done), args
        assert file_digest(db_path) == before, args
    # an import into a new register leaves none behind
    new = tmp_path / "new.db"
    with open("/dev/full", "wb") as full:
        done = dirtrack(
            "import", str(exported), "--format", "json", db=str(new), stdout=full, forked=True
        )
    assert "the disk is full" in one_error(done) and not new.exists()
    # and with somewhere to write, each goes in and says so
    assert json.loads(units.ok("delete", "limitation", "1", "--yes", "--format", "json"))[
        "change_id"
    ]


def test_no_line_says_all_went_well_before_stdout_fails(units: Cli, db: str) -> None:
    """doctor said 'no problems found' on stderr, then that stdout (its table) was a full
    disk: a line reporting success before the error. What went to stdout goes out first."""
    with open("/dev/full", "wb") as full:
        done = dirtrack("doctor", db=db, stdout=full)
    assert "cannot write standard output: the disk is full" in one_error(done)


def test_remind_whose_output_cannot_be_written_makes_no_occurrences(
    meeting: int, units: Cli, db: str, db_path: Path
) -> None:
    """`remind` rendered after the occurrences of periodic directives made for it were
    committed: on a full disk it exited 1 over a `series generate` written. It prints inside
    that transaction, as `list` does: the register is as it was."""
    from datetime import date, timedelta

    units.ok("assign", str(meeting), "--unit", "VPTU", "Báo cáo tháng", "--every", "month")
    ahead = (date.today() + timedelta(days=200)).isoformat()
    before = file_digest(db_path)
    with open("/dev/full", "wb") as full:
        done = dirtrack("remind", "--as-of", ahead, db=db, stdout=full)
    assert "cannot write standard output: the disk is full" in one_error(done)
    assert file_digest(db_path) == before
    units.ok("remind", "--as-of", ahead)  # with somewhere to write, they are made
    assert units.json("history", "--limit", "1")[0]["command"] == "series generate"


def test_a_notice_stderr_cannot_take_leaves_the_exit_code_to_the_work(
    meeting: int, units: Cli, db: str, tmp_path: Path
) -> None:
    """``2>/dev/full``: `export --out` exited 1 over the file it had written, and `overdue
    --check` 1 instead of 3, because the line saying what was done could not be written. A
    notice stderr cannot take is lost; the exit code is the work's."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Rà soát quy chế")
    target = tmp_path / "all.json"
    with open("/dev/full", "wb") as full:
        exported = dirtrack("export", "--out", str(target), db=db, stderr=full)
        checked = dirtrack("overdue", "--as-of", "2022-10-31", "--check", db=db, stderr=full)
    assert exported.returncode == 0
    assert [d["text"] for d in json.loads(target.read_text())["directives"]] == ["Rà soát quy chế"]
    assert checked.returncode == 3
    assert "Rà soát quy chế" in checked.stdout.decode("utf-8")


def _close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_run_with_its_stdout_closed_is_refused_before_it_writes(
    units: Cli, db: str, db_path: Path, lang: str
) -> None:
    """``dirtrack unit add … >&-``: Python gives no stdout at all; the run is one error line
    and the register is as it was (before: a traceback, and for --help 'unexpected
    AttributeError')."""
    before = file_digest(db_path)
    done = dirtrack("--lang", lang, "unit", "add", "SXD", "Sở Xây dựng", db=db, limit=_close_stdout)
    said = {"en": "cannot write standard output: it is closed", "vi": "nó đã bị đóng"}
    assert said[lang] in one_error(done)
    assert file_digest(db_path) == before
    helped = dirtrack("--lang", lang, "--help", db=db, limit=_close_stdout)
    assert said[lang] in one_error(helped)


def test_stdout_to_a_file_that_cannot_grow_is_an_error(big: str, tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    with target.open("wb") as handle:
        done = dirtrack(
            "list",
            "--format",
            "csv",
            db=big,
            stdout=handle,
            limit=_limited(FSIZE_LIMIT),
            forked=True,
        )
    assert "larger than the system allows" in one_error(done)
    with open("/dev/full", "wb") as full:
        vi = dirtrack("--lang", "vi", "export", db=big, stdout=full, forked=True)
    assert "ổ đĩa đã đầy" in one_error(vi)


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export"], "all.json"),
        (["report", "--quarter", "2022Q3", "--format", "md"], "report.md"),
        pytest.param(
            ["report", "--quarter", "2022Q3", "--format", "csv"], "report.csv", marks=ANOTHER_WRITER
        ),
        (["backup"], "copy.db"),
    ],
)
def test_a_file_is_written_whole_or_not_at_all(
    big: str, tmp_path: Path, command: list[str], name: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / name
    args = [*command, str(target)] if command == ["backup"] else [*command, "--out", str(target)]
    done = dirtrack(*args, db=big, limit=_limited(FSIZE_LIMIT), forked=True)
    if name == "report.csv":  # small: it fits, and is whole
        assert done.returncode == 0, done.stderr
        assert list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))[-1][0]
        return
    message = one_error(done)
    assert f"cannot write {target}" in message or "backup failed" in message
    assert not target.exists()
    assert os.listdir(folder) == []  # no part file left behind either


@pytest.mark.parametrize(
    ("command", "fsize", "said"),
    [
        # the database cannot grow its shared-memory file: it fails once the folder is made
        (["pack", "out", "--quarter", "2022Q3", "--as-of", "2022-09-10"], 4096, "cannot open"),
        # the letter itself cannot be written whole
        (["urge", "--all", "--as-of", "2022-10-10", "--format", "md"], FSIZE_LIMIT, "BTC.md"),
    ],
)
def test_a_failed_command_leaves_no_folder_it_made(
    big: str, tmp_path: Path, command: list[str], fsize: int, said: str
) -> None:
    """`pack out --dir D` and `urge --all --dir D` make D when it is missing: a write that then
    failed (here the file size limit, as a full disk) left it behind, empty. Now what the
    command made goes with its one error; a folder that was there stays."""
    before = file_digest(Path(big))
    made = tmp_path / "made"
    limit = _limited(fsize)
    message = one_error(dirtrack(*command, "--dir", str(made), db=big, limit=limit, forked=True))
    assert said in message, message
    assert not made.exists()
    there = tmp_path / "there"
    there.mkdir()
    one_error(dirtrack(*command, "--dir", str(there), db=big, limit=limit, forked=True))
    assert there.is_dir() and os.listdir(there) == []
    assert file_digest(Path(big)) == before
    done = dirtrack(*command, "--dir", str(made), db=big, forked=True)  # no limit: it is made
    assert done.returncode == 0, done.stderr
    assert [p.name for p in made.iterdir()] == ["BTC." + ("md" if "urge" in command else "xlsx")]


def test_an_input_output_error_on_the_database_is_said_so(big: str, tmp_path: Path) -> None:
    """SQLite's "disk I/O error" while a command writes (a failing disk; here the file size
    limit stops its journal growing) was 'unexpected OperationalError': one line in the user's
    language, the register as it was."""
    rows = ["STT,Nội dung,Đơn vị chủ trì,Thời hạn"] + [
        f"{n},Việc mới số {n}: kiểm tra và báo cáo kết quả,BTC,31/12/2022" for n in range(1, 401)
    ]
    sheet = tmp_path / "more.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = file_digest(Path(big))
    for lang, said in (
        ("en", "the device reported an input/output error on the database"),
        ("vi", "thiết bị báo lỗi đọc/ghi trên cơ sở dữ liệu"),
    ):
        done = dirtrack(
            "--lang",
            lang,
            "import",
            str(sheet),
            "--meeting",
            "1",
            db=big,
            limit=_limited(32768),
            forked=True,
        )
        message = one_error(done)
        assert said in message and "unexpected" not in message, message
    assert file_digest(Path(big)) == before


# --- the database is never an output file ----------------------------------------------------


def test_out_never_names_the_database(
    big: str, units: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.db").symlink_to(db_path)
    os.link(db_path, tmp_path / "hard.db")
    before = file_digest(db_path)
    spellings = [
        str(db_path),
        db_path.name,
        f"./{db_path.name}",
        f"sub/../{db_path.name}",
        "link.db",
        "hard.db",
        f"{db_path}-wal",
        f"{db_path}-shm",
        f"{db_path}-journal",
    ]
    commands = [
        ["export"],
        ["export", "--format", "xlsx"],
        ["report", "--quarter", "2022Q3", "--format", "xlsx"],
        ["report", "--quarter", "2022Q3", "--format", "docx"],
    ]
    for spelling in spellings:
        for command in commands:
            message = units.fail(*command, "--out", spelling, "--force")
            assert "is the database" in message, (spelling, command)
    assert "is the database" in units.fail("backup", "hard.db", "--force")
    assert file_digest(db_path) == before
    text = tmp_path / "tin.txt"
    text.write_text("Giao Ban Tổ chức hoàn thành đề án trước ngày 30/9/2022.\n", encoding="utf-8")
    assert "is the database" in units.fail("extract", str(text), "--out", "link.db", "--force")
    assert file_digest(db_path) == before
    units.ok("doctor")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_out_whose_name_says_another_format_is_refused(
    units: Cli, meeting: int, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """``urge --format docx --out x.md`` wrote a Word file named .md, ``report --out r.xlsx``
    (the default format, a table) a text file named .xlsx, ``export --format json --out e.xlsx``
    JSON: each without a word. Now a usage error naming the file and the format, and nothing is
    written; a name of no format (``.txt``, none) or of the right one in capitals still goes."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đẩy nhanh đề án")
    before = file_digest(db_path)
    said = {"en": "but the format is", "vi": "nhưng định dạng là"}[lang]
    for command, name, fmt in [
        (["urge", "BTC", "--as-of", "2022-09-30", "--format", "docx"], "x.md", "docx"),
        (["urge", "BTC", "--as-of", "2022-09-30", "--format", "md"], "x.docx", "md"),
        (["report", "--quarter", "2022Q3"], "r.xlsx", "table"),
        (["report", "--quarter", "2022Q3", "--format", "md"], "r.HTML", "md"),
        (["score", "--quarter", "2022Q3", "--format", "xlsx"], "s.csv", "xlsx"),
        (["export", "--format", "json"], "e.xlsx", "json"),
        (["office", "template"], "t.md", "docx"),
    ]:
        target = tmp_path / name
        message = units.fail("--lang", lang, *command, "--out", str(target), code=2)
        assert message.startswith("Error: ") and "\n" not in message
        assert said in message and repr(str(target)) in message and f" {fmt} " in message
        assert not target.exists()
    assert file_digest(db_path) == before
    units.ok("report", "--quarter", "2022Q3", "--out", str(tmp_path / "r.txt"))
    units.ok("report", "--quarter", "2022Q3", "--format", "xlsx", "--out", str(tmp_path / "R.XLSX"))
    units.ok("urge", "BTC", "--as-of", "2022-09-30", "--format", "md", "--out", str(tmp_path / "u"))
    assert (tmp_path / "u").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_out_named_for_a_file_dirtrack_never_writes_is_refused(
    units: Cli, meeting: int, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """``report --format md --out r.pdf`` wrote Markdown into a file every program refuses as a
    PDF (so ``.doc``, ``.xls``, ``.odt``…), and ``--format docx --out r.txt`` a Word file (a zip
    archive) named as plain text: a usage error naming the file, the format and the name to
    give, and nothing written. ``.txt`` still goes with a format of text."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đẩy nhanh đề án")
    before = file_digest(db_path)
    foreign = {"en": "a kind of file dirtrack does not write", "vi": "loại tệp dirtrack không ghi"}
    text = {"en": "but the format is", "vi": "nhưng định dạng là"}
    for command, name, fmt, proposed, said in [
        (["report", "--quarter", "2022Q3", "--format", "md"], "r.pdf", "md", "r.md", foreign),
        (["report", "--quarter", "2022Q3"], "r.PDF", "table", "r.txt", foreign),
        (["report", "--quarter", "2022Q3", "--format", "docx"], "r.doc", "docx", "r.docx", foreign),
        (["export", "--format", "xlsx"], "e.xls", "xlsx", "e.xlsx", foreign),
        (
            ["urge", "BTC", "--as-of", "2022-09-30", "--format", "docx"],
            "u.odt",
            "docx",
            "",
            foreign,
        ),
        (["report", "--quarter", "2022Q3", "--format", "docx"], "r.txt", "docx", "", text),
        (["score", "--quarter", "2022Q3", "--format", "xlsx"], "s.TXT", "xlsx", "", text),
    ]:
        target = tmp_path / name
        message = units.fail("--lang", lang, *command, "--out", str(target), code=2)
        assert message.startswith("Error: ") and "\n" not in message, message
        assert said[lang] in message and repr(str(target)) in message, message
        assert f" {fmt} " in message, message
        if proposed:
            assert repr(str(tmp_path / proposed)) in message, message
        assert not target.exists()
    assert file_digest(db_path) == before
    units.ok("report", "--quarter", "2022Q3", "--format", "md", "--out", str(tmp_path / "r.txt"))
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("#")


def test_out_dash_is_standard_output(
    units: Cli, meeting: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--out -`` wrote a file named ``-`` in the current folder ('exported to -'), and a second
    run said it exists; ``-`` is standard output, as it is standard input where a command reads
    a file: the same bytes as without --out, and no file."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đẩy nhanh đề án")
    for command in (
        ["export"],
        ["report", "--quarter", "2022Q3", "--format", "json"],
        ["score", "--quarter", "2022Q3", "--format", "csv"],
    ):
        assert units.ok(*command, "--out", "-") == units.ok(*command), command
    letter = units.ok("urge", "BTC", "--as-of", "2022-09-30", "--format", "md", "--out", "-")
    assert "Đẩy nhanh đề án" in letter
    template = units("office", "template", "--out", "-")
    assert template.exit_code == 0 and template.stdout_bytes.startswith(b"PK"), template.stderr
    assert list(here.iterdir()) == []


def test_doctor_speaks_the_users_language_in_every_format(units: Cli) -> None:
    table = units.ok("--lang", "vi", "doctor")
    assert "mọi tham chiếu đều trỏ tới một dòng có thật" in table
    assert "every reference" not in table
    # the checks by name too, as restore names the one that failed (was: schema, integrity…)
    assert "tính toàn vẹn" in table and "quyền truy cập" in table
    assert "\nintegrity" not in table and "permissions" not in table
    # JSON and CSV: the detail is for people, as in the table (it was English); check and
    # status are codes
    rows = {r["check"]: r for r in units.json("--lang", "vi", "doctor")}
    assert rows["foreign_keys"] == {
        "check": "foreign_keys",
        "status": "ok",
        "detail": "mọi tham chiếu đều trỏ tới một dòng có thật",
    }
    assert rows["schema"]["detail"].startswith("phiên bản ")
    assert rows["schema"]["detail"].endswith(" bảng")
    import csv
    import io

    sheet = units.ok("--lang", "vi", "doctor", "--format", "csv")
    by_check = {r["check"]: r for r in csv.DictReader(io.StringIO(sheet))}
    assert by_check["integrity"] == {
        "check": "integrity",
        "status": "ok",
        "detail": "PRAGMA integrity_check: tốt",
    }
    english = {r["check"]: r["detail"] for r in units.json("--lang", "en", "doctor")}
    assert english["foreign_keys"] == "every reference points to an existing row"


# --- a killed backup leaves nothing behind ---------------------------------------------------


def test_a_killed_backup_leaves_no_part_file(units: Cli, db_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE ballast (b BLOB)")
    conn.executemany(
        "INSERT INTO ballast VALUES (zeroblob(1048576))", [()] * 160
    )  # 160 MiB: the copy takes a while
    conn.commit()
    conn.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    copy = folder / "copy.db"
    process = subprocess.Popen(
        [ENTRY_POINT, "--db", str(db_path), "backup", str(copy)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not [n for n in os.listdir(folder) if n.endswith(".part")]:
        assert process.poll() is None, "the backup ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    time.sleep(0.05)
    process.kill()
    process.wait()
    assert not copy.exists()
    assert [n for n in os.listdir(folder) if ".part" in n]  # what the kill left
    units.ok("backup", str(folder / "again.db"))
    assert sorted(os.listdir(folder)) == ["again.db"]


# --- formulas --------------------------------------------------------------------------------

DANGEROUS = [
    '=HYPERLINK("http://x","bấm")',
    "=cmd|' /C calc'!A0",
    "+84 912 345 678",
    "-1",
    "@SUM(A1)",
]


@pytest.fixture
@prebuilt
def hostile(units: Cli, meeting: int) -> Cli:
    for text in DANGEROUS:
        units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "--", text)
    units.ok("add-limitation", str(meeting), "--unit", "BTC", "--", "=1+1 thiếu người")
    return units


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_no_csv_field_starts_a_formula(hostile: Cli) -> None:
    outputs = [
        hostile.ok("list", "--format", "csv"),
        hostile.ok("overdue", "--as-of", "2022-12-31", "--format", "csv"),
        hostile.ok("remind", "--as-of", "2022-06-25", "--format", "csv"),
        hostile.ok("meetings", "--format", "csv"),
        hostile.ok("limitations", "--format", "csv"),
        hostile.ok("unit", "list", "--format", "csv"),
        hostile.ok("history", "--format", "csv"),
        hostile.ok("show", "1", "--format", "csv"),
        hostile.ok("report", "--quarter", "2022Q2", "--format", "csv"),
    ]
    for text in outputs:
        for cell in _csv_cells(text):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (cell, text[:200])
    listed = list(csv.DictReader(io.StringIO(outputs[0])))
    assert [r["text"] for r in listed] == ["'" + t for t in DANGEROUS]
    assert all(r["id"].isdigit() for r in listed)


def test_csv_numbers_stay_numbers(hostile: Cli) -> None:
    rows = list(
        csv.DictReader(io.StringIO(hostile.ok("report", "--quarter", "2022Q2", "-f", "csv")))
    )
    assert rows and all(not r[k].startswith("'") for r in rows for k in r if r[k][:1] != "'")
    counts = [r for r in rows if r.get("total")]
    assert counts and all(r["total"].isdigit() for r in counts)


def test_report_workbook_has_no_formula(hostile: Cli, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    hostile.ok("report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(target))
    with zipfile.ZipFile(target) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in book.read(name).decode("utf-8"), name
    texts = {}
    for ws in load_workbook(target).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(tuple("=+-@\t\r")):
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.value)
                    texts[cell.value] = cell
    assert '=HYPERLINK("http://x","bấm")' in texts  # the text itself, as typed


def test_csv_import_takes_back_the_apostrophe_export_added(hostile: Cli, tmp_path: Path) -> None:
    """A CSV written by dirtrack and read back by import gives back the text as typed."""
    rows = list(csv.DictReader(io.StringIO(hostile.ok("list", "--format", "csv"))))
    assert all(row["text"].startswith("'") for row in rows)  # marked on the way out
    sheet = tmp_path / "back.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"])
        for n, row in enumerate(rows, 1):
            writer.writerow([n, row["text"], "VPTU", "30/6/2022"])  # not a repeat: another unit
        writer.writerow([99, "'bắt đầu bằng dấu nháy", "VPTU", "30/6/2022"])
    preview = json.loads(
        hostile.ok("import", str(sheet), "--meeting", "1", "--dry-run", "--format", "json")
    )
    texts = [r["text"] for r in preview["rows"]]
    assert texts == [*DANGEROUS, "'bắt đầu bằng dấu nháy"]


# --- terminal safety -------------------------------------------------------------------------

RAW = ("\x1b", "\x07", "\x00", "\x9b", "\x08")
POISON = "Việc \x1b[2J\x1b[31mđỏ\x9b\x08\x00"


def _poison(db_path: Path) -> None:
    """Control characters stored before text was cleaned at entry (an older dirtrack)."""
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE unit SET name = ? WHERE code = 'BTC'", ("Ban \x1b]0;pwned\x07 Tổ chức",))
    conn.execute("UPDATE directive SET text = ?", (POISON,))
    conn.commit()
    conn.close()


def test_no_raw_control_sequence_reaches_a_terminal(
    units: Cli, meeting: int, db_path: Path
) -> None:
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Việc một")
    _poison(db_path)
    outputs = [
        units("list"),
        units("show", "1"),
        units("unit", "list"),
        units("history", "1"),
        units("overdue", "--as-of", "2022-12-31"),
        units("remind", "--as-of", "2022-06-25"),
        units("list", "--unit", "X\x1b]0;pwned\x07"),
        units("list", "--unit", "Ban \x1b]0;pwned\x07 Tổ"),
        units("report", "--quarter", "2022Q2"),
    ]
    for done in outputs:
        # (In-process, a crash is an exception kept by the runner, not a traceback printed.)
        assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
        for stream in (done.stdout, done.stderr):
            assert not any(c in stream for c in RAW), repr(stream[:300])
    assert "\\x1b]0;pwned\\x07" in outputs[0].stdout + outputs[2].stdout
    assert "\\x1b" in outputs[1].stdout
    # JSON keeps the data as it is (escaped by JSON itself), for scripts.
    listed = units.json("list")
    assert listed[0]["text"] == POISON


def test_a_binary_file_is_never_written_to_a_terminal(seeded: Cli, db_path: Path) -> None:
    """A workbook, a Word document or a backup asked for without --out while stdout is a
    terminal: one Error line in the run's language, exit 1, nothing written, nothing on the
    terminal. export said it in words of its own ('an xlsx workbook is not for a terminal'),
    which the catalog kept beside report's and urge's: now the one message."""
    import pty

    before = file_digest(db_path)
    said = {
        ("report", "--quarter", "2022Q2", "--format", "xlsx"): "xlsx là tệp nhị phân",
        ("report", "--quarter", "2022Q2", "--format", "docx"): "docx là tệp nhị phân",
        ("urge", "BTC", "--format", "docx"): "docx là tệp nhị phân",
        ("export", "--format", "xlsx"): "xlsx là tệp nhị phân",
        ("backup", "-"): "backup - ",
    }
    for args, start in said.items():
        main, child = pty.openpty()
        try:
            done = subprocess.run(
                [ENTRY_POINT, "--db", str(db_path), "--lang", "vi", *args],
                stdin=subprocess.DEVNULL,
                stdout=child,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
                check=False,
            )
            os.set_blocking(main, False)
            try:
                shown = os.read(main, 4096)
            except BlockingIOError:
                shown = b""
        finally:
            os.close(main)
            os.close(child)
        assert done.returncode == 1, (args, done.stderr)
        assert len(done.stderr.splitlines()) == 1, (args, done.stderr)
        assert done.stderr.startswith(f"Error: {start}"), (args, done.stderr)
        assert shown == b"", (args, shown[:100])
    assert file_digest(db_path) == before


def test_no_direction_override_reaches_a_terminal(
    units: Cli, meeting: int, db_path: Path, tmp_path: Path
) -> None:
    """A file named with a right-to-left override (U+202E) was echoed as it was by the line
    saying what was done ('backed up to …', 'restored …'), the rest of the line drawn reversed
    at a terminal, as a title an older dirtrack stored so was in every table: each is shown as
    ``\\u202e``, as a control character is shown ``\\x1b``; JSON keeps the data as it is."""
    spoof = tmp_path / "sao-luu\u202ebd.txt"
    said = units("backup", str(spoof))
    assert said.exit_code == 0, said.stderr
    assert "\u202e" not in said.stderr and "sao-luu\\u202ebd.txt" in said.stderr
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meeting SET title = ?", ("Giao ban \u2067abc\u2069",))
    conn.commit()
    conn.close()
    for done in (units("meetings"), units("--lang", "vi", "meetings")):
        assert done.exit_code == 0 and "\u2067" not in done.stdout
        assert "Giao ban \\u2067abc\\u2069" in done.stdout
    assert units.json("meetings")[0]["title"] == "Giao ban \u2067abc\u2069"


# --- a text too long for an Excel cell -------------------------------------------------------


def test_xlsx_export_never_cuts_a_long_text(units: Cli, meeting: int, db_path: Path) -> None:
    first = units.id("assign", str(meeting), "--unit", "BTC", "Việc ngắn")
    second = units.id("assign", str(meeting), "--unit", "BTC", "Việc sẽ dài")
    long_text = "Nội dung rất dài. " * 2500  # 45,000 characters
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE directive SET text = ? WHERE id = ?", (long_text, second))
    conn.commit()
    conn.close()
    message = units.fail("export", "--format", "xlsx", "--out", str(db_path.parent / "x.xlsx"))
    assert f"directive {second}" in message and "45000 characters" in message
    assert "--format json" in message
    assert not (db_path.parent / "x.xlsx").exists()
    # JSON keeps it whole.
    exported = json.loads(units.ok("export"))
    texts = {d["id"]: d["text"] for d in exported["directives"]}
    assert texts[second] == long_text and texts[first] == "Việc ngắn"


@pytest.mark.sqlite_only("a text no command takes any longer is written into the file")
def test_a_cell_is_measured_as_excel_counts_its_characters(
    units: Cli, meeting: int, db_path: Path
) -> None:
    """Excel counts a character outside the Basic Multilingual Plane (an emoji, a bold letter
    pasted from a post: 📌, 𝐁) as two of its 32,767: a text of 16,384 such passed as 16,384
    characters, and Excel cut the cell it could not hold; read back by key, the cut text
    replaced the register's. A text is held to what a cell holds as Excel counts it, where it
    enters (it was taken, and then `export --format xlsx` and `pack out` refused the register);
    one a register kept from before is refused by the export as any text too long for a cell."""
    said = units.fail("assign", str(meeting), "--unit", "BTC", "--", "📌" * 16_384)
    assert said == "Error: text is 32768 characters long, more than the 32767 it can hold"
    pinned = units.id("assign", str(meeting), "--unit", "BTC", "--", "Việc ngắn")
    units.ok("assign", str(meeting), "--unit", "VPTU", "--", "📌" * 16_383 + "x")  # 32,767
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE directive SET text = ? WHERE id = ?", ("📌" * 16_384, pinned))
    message = units.fail("export", "--format", "xlsx", "--out", str(db_path.parent / "x.xlsx"))
    assert f"directive {pinned}" in message and "32768 characters" in message
    assert not (db_path.parent / "x.xlsx").exists()
    units.ok("edit", "directive", str(pinned), "--text", "Việc ngắn")
    book = db_path.parent / "y.xlsx"
    units.ok("export", "--format", "xlsx", "--out", str(book))
    assert [r[1].value for r in load_workbook(book).worksheets[0].iter_rows(min_row=6)] == [
        "Việc ngắn",
        "📌" * 16_383 + "x",
    ]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_device_or_a_pipe_is_never_replaced_even_with_force(
    cli: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A file is written beside its target and renamed over it: onto /dev/full (as root) that
    put a copy of the database in place of the device. A target that is no regular file is
    refused, --force or not (a pipe stands for the device here)."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    before = file_digest(db_path)
    said = {
        "en": "is not a regular file (a device, a pipe?); give a file name",
        "vi": "không phải là tệp thông thường (thiết bị, đường ống?); hãy ghi tên một tệp",
    }[lang]
    for args in (
        ["export", "--out", str(pipe)],
        ["report", "--quarter", "2022Q3", "--out", str(pipe)],
    ):
        assert cli.fail("--lang", lang, *args, "--force") == f"Error: --out {pipe}: {said}"
    assert cli.fail("--lang", lang, "backup", str(pipe), "--force") == f"Error: {pipe} {said}"
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert file_digest(db_path) == before
    assert [p.name for p in tmp_path.iterdir() if "part" in p.name] == []


def test_no_python_none_true_or_false_in_text_or_csv(units: Cli, meeting: int) -> None:
    """The English review said "Due within 7 days: None" under an empty table, which reads as
    a value left out, and CSV wrote JSON's booleans as Python's "True"/"False". Now the review
    says "none" (the documents "Nothing to report."), CSV says "true"/"false" as JSON does."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Rà soát")
    units.ok("request", "extend", "1", "--to", "31/7/2022", "--date", "20/6/2022",
             "--reason", "Chờ ý kiến")  # fmt: skip
    units.ok("done", "1", "--date", "25/6/2022")
    shown = units.ok("--lang", "en", "report", "--quarter", "2022Q3")
    assert "Due within 7 days: none" in shown
    markdown = units.ok("--lang", "en", "report", "--quarter", "2022Q3", "--format", "md")
    assert "Nothing to report." in markdown
    outputs = {
        "list": units.ok("list", "--format", "csv"),
        "requests": units.ok("requests", "--format", "csv"),
    }
    for text in [shown, markdown, *outputs.values()]:
        assert not set(_csv_cells(text.replace(" ", ","))) & {"None", "True", "False"}, text
    requests = list(csv.DictReader(io.StringIO(outputs["requests"])))
    assert requests[0]["objective"] == "false"
    assert requests[0]["asked_late"] == "false"
    listed = list(csv.DictReader(io.StringIO(outputs["list"])))
    assert listed[0]["completed_on_exact"] == "true"
