"""Arbitrary input at every command: text, dates, numbers and ids of every kind give
exit 0, 1 or 2, never a traceback; an error is one `Error:` line; and whenever the exit is not 0
the database file is byte for byte what it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.batch import invoker
from tests.conftest import cp1258, file_digest

Args = list[str]
invoke = invoker()

# Text as it can reach argv: any character but NUL, with the lone surrogates Python makes of
# bytes that are not UTF-8 (surrogateescape).
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        st.sampled_from(
            ["\udcff", "\udce9", "ủ", "ỷ", "Đ", "\u0301", "\n", "\t", "'", '"', ";", "%"]
        ),
    ),
    max_size=40,
)
NUMBER = st.one_of(
    st.integers(-3, 12),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 100, 101, 2**63 - 1, 2**63, -(2**63) - 1]),
).map(str)
SMALL = st.integers(-1, 6).map(str)
ID = st.one_of(SMALL, SMALL, NUMBER, TEXT)


def _day_forms(day: object) -> st.SearchStrategy[str]:
    d = day  # a datetime.date
    return st.sampled_from(
        [
            d.isoformat(),  # type: ignore[attr-defined]
            f"{d.day}/{d.month}/{d.year}",  # type: ignore[attr-defined]
            f"{d.day:02d}-{d.month:02d}-{d.year}",  # type: ignore[attr-defined]
        ]
    )


VALID_DATE = st.dates(date(2022, 5, 1), date(2023, 12, 31)).flatmap(_day_forms)
DATE = st.one_of(
    VALID_DATE,
    VALID_DATE,
    st.dates().flatmap(_day_forms),
    st.sampled_from(
        [
            "31/2/2022",
            "2022-13-01",
            "0/0/0",
            "29/2/2023",
            "tháng 13/2022",
            "quý V/2022",
            "2022Q5",
            "2022Q3",
            "quý III/2022",
            "cuối năm 2022",
            "2022-01-01..2021-01-01",
            "9999-12-31",
            "1/1/1",
            "",
            " ",
            "today",
            "trước ngày 30/6/2022",
            "6 tháng đầu năm 2022",
        ]  # fmt: skip
    ),
    TEXT,
)
KNOWN_UNIT = st.sampled_from(["VPTU", "btc", "Văn phòng Tỉnh uỷ", "van phong tinh uy", "BTC"])
UNIT = st.one_of(
    KNOWN_UNIT,
    KNOWN_UNIT,
    st.sampled_from(["Ban", "", " ", "U1", "Ban Tổ", "tinh uy"]),
    TEXT,
)
FORMAT = st.sampled_from(["table", "json", "csv", "json", "csv", "md", "xml", ""])
FIELDS = st.one_of(
    st.sampled_from(["id,status", "id", ",", "nope", "id,,due", "id,last_update,stale"]), TEXT
)


def opt(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[Args]:
    """``[name, value]`` or nothing."""
    return st.one_of(st.just([]), values.map(lambda v: [name, v]))


def req(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[Args]:
    """``[name, value]``, nearly always (a missing one is a usage error, tried now and then)."""
    return st.one_of(values.map(lambda v: [name, v]), values.map(lambda v: [name, v]), st.just([]))


def command(*parts: st.SearchStrategy[Args] | Args) -> st.SearchStrategy[Args]:
    pieces = [p if isinstance(p, st.SearchStrategy) else st.just(p) for p in parts]
    return st.tuples(*pieces).map(lambda chunks: [x for chunk in chunks for x in chunk])


def one(values: st.SearchStrategy[str]) -> st.SearchStrategy[Args]:
    return values.map(lambda v: [v])


COMMANDS: dict[str, st.SearchStrategy[Args]] = {
    "unit add": command(
        ["unit", "add"], one(TEXT), one(TEXT), opt("--parent", UNIT), opt("--alias", TEXT)
    ),
    "unit alias": command(["unit", "alias"], one(UNIT), one(TEXT)),
    "unit list": command(["unit", "list"], opt("--format", FORMAT), opt("--fields", FIELDS)),
    "add-meeting": command(
        ["add-meeting"],
        req("--date", DATE),
        req("--title", TEXT),
        opt("--attendee", UNIT),
        opt("--kind", st.sampled_from(["briefing", "review", "party", ""])),
        opt("--key", TEXT),
        opt("--doc", TEXT),
    ),
    "meetings": command(["meetings"], opt("--period", DATE), opt("--format", FORMAT)),
    "assign": command(
        ["assign"],
        one(ID),
        one(TEXT),
        req("--unit", UNIT),
        opt("--due", DATE),
        opt("--with", UNIT),
        opt("--key", TEXT),
        opt("--product", TEXT),
    ),
    "progress": command(
        ["progress"], one(ID), opt("--percent", NUMBER), opt("--note", TEXT), opt("--date", DATE)
    ),
    "done": command(["done"], one(ID), opt("--date", DATE), opt("--note", TEXT)),
    "extend": command(["extend"], one(ID), req("--to", DATE), opt("--date", DATE)),
    "cancel": command(["cancel"], one(ID), opt("--date", DATE), opt("--reason", TEXT)),
    "add-limitation": command(
        ["add-limitation"], one(ID), one(TEXT), req("--unit", UNIT), opt("--category", TEXT)
    ),
    "resolve": command(["resolve"], one(ID), opt("--date", DATE), opt("--note", TEXT)),
    "list": command(
        ["list"],
        opt("--unit", UNIT),
        opt("--status", TEXT),
        opt("--as-of", DATE),
        opt("--meeting", NUMBER),
        opt("--format", FORMAT),
        opt("--fields", FIELDS),
    ),
    "show": command(["show"], one(ID), opt("--as-of", DATE), opt("--format", FORMAT)),
    "limitations": command(["limitations"], opt("--unit", UNIT), opt("--period", DATE)),
    "overdue": command(
        ["overdue"],
        opt("--as-of", DATE),
        opt("--unit", UNIT),
        opt("--stale-after", NUMBER),
        opt("--fields", FIELDS),
    ),
    "report": command(
        ["report"],
        opt("--quarter", DATE),
        opt("--period", DATE),
        opt("--as-of", DATE),
        opt("--unit", UNIT),
        opt("--format", FORMAT),
    ),
    "remind": command(
        ["remind"],
        opt("--within", NUMBER),
        opt("--as-of", DATE),
        opt("--unit", UNIT),
        opt("--stale-after", NUMBER),
        opt("--format", FORMAT),
        opt("--fields", FIELDS),
    ),
    "history": command(
        ["history"],
        opt("--limit", NUMBER),
        opt("--unit", UNIT),
        opt("--meeting", NUMBER),
        opt("--by", TEXT),
    ),
    "undo": command(
        ["undo"],
        st.one_of(st.just([]), one(NUMBER)),
        opt("--count", NUMBER),
        opt("--yes", st.just("")).map(lambda a: a[:1]),
        opt("--dry-run", st.just("")).map(lambda a: a[:1]),
    ),
    "import": command(["import"], one(TEXT), opt("--meeting", NUMBER)),
    "edit directive": command(
        ["edit", "directive"],
        one(ID),
        opt("--text", TEXT),
        opt("--unit", UNIT),
        opt("--with", UNIT),
        opt("--no-with", st.just("")).map(lambda a: a[:1]),
        opt("--due", DATE),
        opt("--product", TEXT),
        opt("--format", FORMAT),
    ),
    "edit meeting": command(
        ["edit", "meeting"],
        one(ID),
        opt("--date", DATE),
        opt("--title", TEXT),
        opt("--kind", st.sampled_from(["briefing", "giao ban", "party", ""])),
        opt("--attendee", UNIT),
        opt("--doc", TEXT),
    ),
    "edit limitation": command(
        ["edit", "limitation"],
        one(ID),
        opt("--text", TEXT),
        opt("--unit", UNIT),
        opt("--category", st.sampled_from(["staffing", "nhân sự", "nope", ""])),
    ),
    "unit rename": command(["unit", "rename"], one(UNIT), one(TEXT), opt("--code", TEXT)),
    "delete": command(
        ["delete"],
        one(st.sampled_from(["meeting", "directive", "limitation", "task", ""])),
        one(ID),
        opt("--yes", st.just("")).map(lambda a: a[:1]),
    ),
    "reopen": command(["reopen"], one(ID), opt("--reason", TEXT), opt("--date", DATE)),
    "config": command(
        ["config"],
        opt("--path", st.just("")).map(lambda a: a[:1]),
        opt("--format", FORMAT),
        opt("--fields", FIELDS),
    ),
    # a path with no file name ("", "/", "."), a missing file, any text: refused, nothing moved
    "restore": command(
        ["restore"],
        one(st.one_of(st.sampled_from(["", "/", ".", "..", "missing.db"]), TEXT)),
        opt("--yes", st.just("")).map(lambda a: a[:1]),
    ),
    "doctor": command(["doctor"], opt("--format", FORMAT)),
}

SEED: list[Args] = [
    ["unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy"],
    ["unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy", "--parent", "VPTU"],
    [
        "add-meeting",
        "--date",
        "6/5/2022",
        "--title",
        "Giao ban",
        "--attendee",
        "VPTU",
        "--attendee",
        "BTC",
    ],
    ["assign", "1", "--attendees", "--due", "30/6/2022", "Nâng cao chất lượng tham mưu"],
    ["progress", "1", "--percent", "40", "--date", "1/6/2022"],
    ["done", "2", "--date", "20/6/2022"],
    ["add-limitation", "1", "--unit", "BTC", "Thiếu biên chế"],
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    for args in SEED:
        code, _, err = invoke(["--db", str(path), *args])
        assert code == 0, (args, err)
    return path


def check(db: Path, args: Args, target: str | None = None) -> None:
    """``args`` run on ``db`` (or on ``target``, the PostgreSQL database ``db`` stands for)."""
    before = file_digest(db)
    code, out, err = invoke(["--db", target or str(db), *args])
    assert code in (0, 1, 2), (args, code, out, err)
    assert "Traceback" not in out + err, (args, err)
    if code == 1:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), (args, err)
        assert "unexpected" not in err, (args, err)
    if code == 2:
        assert err.strip(), args
    if code != 0:
        assert file_digest(db) == before, (args, code, err)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_arbitrary_input(name: str, template: Path, tmp_path: Path) -> None:
    db = tmp_path / "fuzz.db"
    shutil.copyfile(template, db)
    db.chmod(0o600)
    run_one: Callable[[Args], None] = lambda args: check(db, args)  # noqa: E731

    @settings(
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(COMMANDS[name])
    def fuzz(args: Args) -> None:
        run_one(args)

    fuzz()


# --- the hostile battery ---------------------------------------------------------------------
# What an outside checker throws at every command that reads or writes a file, at the register
# itself and at the values, run as cron runs dirtrack: no terminal, stdin closed, LANG=C, stray
# DIRTRACK_* variables set. The contract of every case: exit 1, one line `Error: …` on stderr in
# the language asked for (the English and Vietnamese lines differ), no traceback, no prompt, and
# the register and the file given byte for byte as they were. make test runs each case in both
# languages in-process, and in one language as a process of its own with stdin closed (forked
# from the fork server); make test-all also starts the installed entry point for each, in both.

# Variables a cron job may carry that dirtrack does not read: they change nothing.
STRAY = {
    "LANG": "C",
    "LC_ALL": "C",
    "DIRTRACK_FORMAT": "json",
    "DIRTRACK_VERBOSE": "1",
    "DIRTRACK_DB_URL": "sqlite:////nowhere/else.db",
    "DIRTRACK_YES": "1",
}

Maker = Callable[[Path], Path]


def _text(name: str, text: str | bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return make


def _folder(folder: Path) -> Path:
    path = folder / "a-folder.xlsx"
    path.mkdir()
    return path


def _zip_not_xlsx(folder: Path) -> Path:
    import zipfile

    path = folder / "not-a-book.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    return path


def _template_bomb(folder: Path) -> Path:
    """A Word template whose zip directory says its body unpacks to 3 GB (python-docx held
    what a template unpacked to: two GB of memory at 1 GB, before it was found broken)."""
    import struct
    import zipfile

    from dirtrack.render.docx_template import shipped_template

    path = folder / "bomb.docx"
    path.write_bytes(shipped_template("state", "en"))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    # each central directory record: its signature, the unpacked size 24 bytes on
    at = 0
    for name in names:
        at = data.index(b"PK\x01\x02", at)
        if name == "word/document.xml":
            struct.pack_into("<I", data, at + 24, 3 * 1024**3)
        at += 4
    path.write_bytes(bytes(data))
    return path


def _other_sqlite(folder: Path) -> Path:
    import sqlite3

    path = folder / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (a)")
    conn.execute("INSERT INTO foo VALUES (1)")
    conn.commit()
    conn.close()
    return path


def _book(*rows: list[object], formula: str | None = None, last_row: bool = False) -> Maker:
    def make(folder: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Tiến độ"])
        for row in rows:
            sheet.append(row)
        if formula is not None:
            sheet["B2"] = formula  # saved without its value, as openpyxl does
        if last_row:
            sheet["A1048576"] = " "  # a sheet whose rows reach Excel's last one
        path = folder / "sheet.xlsx"
        book.save(path)
        return path

    return make


HEADER = "STT,Nội dung,Đơn vị chủ trì,Thời hạn\n"
DRAFT = (
    '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n\n[[units]]\ncode = "VPTU"\n'
    'name = "Văn phòng Tỉnh ủy"\n\n[[directives]]\nunit = "VPTU"\ntext = "Rà soát hồ sơ"\n'
)


def _draft(old: str, new: str) -> Maker:
    assert old in DRAFT
    return _text("hop.toml", DRAFT.replace(old, new, 1))


def _export(change: Callable[[dict[str, object]], object] | None = None, raw: str = "") -> Maker:
    """The template's export (made once), changed; or ``raw`` put after its first key."""

    def make(folder: Path) -> Path:
        doc = json.loads(json.dumps(_EXPORT["doc"]))
        if change is not None:
            change(doc)
        text = json.dumps(doc)  # ASCII, a lone surrogate as its escape
        if raw:
            text = text.replace('"version": ', raw + '"version": ', 1)
        return _text("all.json", text)(folder)

    return make


def _unit0(doc: dict[str, object], **values: object) -> None:
    units = doc["units"]
    assert isinstance(units, list)
    units[0].update(values)


_EXPORT: dict[str, Any] = {}  # the template's export and path, set by ``exported``


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _cut(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _copy_template(folder: Path) -> Path:
    return Path(shutil.copyfile(_EXPORT["template"], folder / "copy.db"))


# (case id, the command's arguments: {file} is the made file, the maker)
FILE_CASES: list[tuple[str, Args, Maker | None]] = [
    ("import-missing", ["import", "{file}"], lambda d: d / "missing.xlsx"),
    ("import-folder", ["import", "{file}"], _folder),
    ("import-empty-xlsx", ["import", "{file}"], _text("e.xlsx", b"")),
    ("import-empty-csv", ["import", "{file}"], _text("e.csv", b"")),
    ("import-empty-json", ["import", "{file}"], _text("e.json", b"")),
    ("import-empty-toml", ["import", "{file}"], _text("e.toml", b"")),
    ("import-binary-xlsx", ["import", "{file}"], _text("b.xlsx", bytes(range(256)) * 8)),
    ("import-binary-csv", ["import", "{file}"], _text("b.csv", bytes(range(128, 256)) * 8)),
    ("import-binary-toml", ["import", "{file}"], _text("b.toml", b"\x00\x01\xff" * 50)),
    ("import-zip-not-xlsx", ["import", "{file}"], _zip_not_xlsx),
    ("import-a-database", ["import", "{file}"], _other_sqlite),
    ("import-truncated-xlsx", ["import", "{file}"], lambda d: _cut(_book([1, "Việc", "VPTU"])(d))),
    ("xlsx-formula-unsaved", ["import", "{file}", "--meeting", "1"], _book(formula="=1+1")),
    (
        "xlsx-impossible-date",
        ["import", "{file}", "--meeting", "1"],
        _book([1, "Việc A", "VPTU", "29/02/2023"]),
    ),
    (
        "xlsx-share-of-one",
        ["import", "{file}", "--meeting", "1"],
        _book([1, "Việc", "VPTU", "", 0.5]),
    ),
    (
        "csv-mixed-encodings",
        ["import", "{file}", "--meeting", "1"],
        lambda d: _text("m.csv", (HEADER + "1,Việc một,VPTU,\n").encode() + cp1258("2,Hai,Ủy,\n"))(
            d
        ),
    ),
    (
        "csv-huge-cell",
        ["import", "{file}", "--meeting", "1"],
        _text("h.csv", HEADER + "1," + "x" * 140_000 + ",VPTU,\n"),
    ),
    ("csv-too-many-columns", ["import", "{file}"], _text("w.csv", "a" + ",a" * 17_000 + "\n")),
    (
        "json-cut-short",
        ["import", "{file}"],
        _text("c.json", '{"format": "dirtrack-export", "version": 4, "units": ['),
    ),
    (
        "json-deep",
        ["import", "{file}"],
        _text(
            "d.json", '{"format": "dirtrack-export", "units": ' + "[" * 50_000 + "]" * 50_000 + "}"
        ),
    ),
    ("json-key-twice", ["import", "{file}"], _export(raw='"version": 4, ')),
    ("json-nan", ["import", "{file}"], _export(raw='"x": NaN, ')),
    ("json-lone-surrogate", ["import", "{file}"], _export(lambda d: _unit0(d, name="A\ud800B"))),
    ("json-wrong-type", ["import", "{file}"], _export(lambda d: _unit0(d, name=["a"]))),
    ("json-code-a-formula", ["import", "{file}"], _export(lambda d: _unit0(d, code="=Q"))),
    ("json-version-huge", ["import", "{file}"], _export(lambda d: d.update(version=10**30))),
    ("json-draft-cut-short", ["import", "{file}"], _text("hop.json", '{"meeting": {"title": "Gi')),
    (
        "json-draft-half-a-character",
        ["import", "{file}"],
        _text("hop.json", '{"meeting": {"date": "2022-05-06", "title": "\\udc00"}}'),
    ),
    ("toml-date-a-number", ["import", "{file}"], _draft("date = 2022-05-06", "date = 20220506")),
    ("toml-title-a-list", ["import", "{file}"], _draft('title = "Giao ban"', 'title = ["a"]')),
    (
        "toml-due-true",
        ["import", "{file}"],
        _draft('text = "Rà soát hồ sơ"', 'text = "x"\ndue = true'),
    ),
    (
        "toml-due-2022Q5",
        ["import", "{file}"],
        _draft('text = "Rà soát hồ sơ"', 'text = "x"\ndue = "2022Q5"'),
    ),
    ("toml-two-meetings", ["import", "{file}"], _draft("[meeting]", "[[meeting]]")),
    (
        "toml-key-twice",
        ["import", "{file}"],
        _draft('title = "Giao ban"', 'title = "a"\ntitle = "b"'),
    ),
    (
        "toml-new-unit-formula-code",
        ["import", "{file}", "--create-units"],
        _draft('code = "VPTU"\nname = "Văn phòng Tỉnh ủy"', 'code = "=U"\nname = "UBND tỉnh"'),
    ),
    ("pack-in-missing", ["pack", "in", "{file}"], lambda d: d / "missing.xlsx"),
    ("pack-in-not-a-book", ["pack", "in", "{file}"], _text("p.xlsx", "hello")),
    ("pack-in-empty-folder", ["pack", "in", "{file}"], lambda d: _mkdir(d / "returned")),
    ("restore-not-sqlite", ["restore", "{file}", "--yes"], _text("b.db", "hello")),
    ("restore-other-sqlite", ["restore", "{file}", "--yes"], _other_sqlite),
    ("restore-without-yes", ["restore", "{file}"], _other_sqlite),
    (
        "score-rules-not-toml",
        ["score", "--quarter", "2022Q2", "--rules", "{file}"],
        _text("r.toml", "[[["),
    ),
    (
        "report-template-not-docx",
        ["report", "--quarter", "2022Q2", "-f", "docx", "--template", "{file}", "-o", "{file}.out"],
        _text("t.docx", "x"),
    ),
    (
        "report-template-zip-bomb",
        ["report", "--quarter", "2022Q2", "-f", "docx", "--template", "{file}", "-o", "{file}.out"],
        _template_bomb,
    ),
    ("done-file-a-folder", ["done", "1", "--file", "{file}"], _folder),
    ("extract-a-folder", ["extract", "{file}", "--apply"], _folder),
    ("extract-binary", ["extract", "{file}", "--apply"], _text("b.txt", b"\x00" * 100)),
    ("export-into-a-folder", ["export", "--out", "{file}"], lambda d: _mkdir(d / "out.json")),
    ("export-over-a-file", ["export", "--out", "{file}"], _text("keep.json", "keep")),
    ("backup-over-a-file", ["backup", "{file}"], _text("keep.db", "keep")),
    ("register-another-database", ["--db", "{file}", "unit", "add", "X", "Y"], _other_sqlite),
    ("register-text", ["--db", "{file}", "list"], _text("t.db", "hello\n")),
    ("register-a-folder", ["--db", "{file}", "list"], lambda d: _mkdir(d / "r.db")),
    (
        "register-truncated",
        ["--db", "{file}", "unit", "add", "X", "Y"],
        lambda d: _cut(_copy_template(d)),
    ),
]

LONG = "x" * 40_000
# (case id, the command's arguments): values that are wrong however a command takes them
VALUE_CASES: list[tuple[str, Args]] = [
    ("text-empty", ["assign", "1", "--unit", "VPTU", ""]),
    ("text-white-space", ["assign", "1", "--unit", "VPTU", " \t "]),
    ("text-zero-width", ["assign", "1", "--unit", "VPTU", "\u200b\u200c\ufeff"]),
    ("text-direction-marks-only", ["assign", "1", "--unit", "VPTU", "\u200f\u202e"]),
    ("text-control-character", ["assign", "1", "--unit", "VPTU", "a\x07b"]),
    ("text-not-utf8", ["assign", "1", "--unit", "VPTU", "a\udcffb"]),
    ("text-too-long", ["assign", "1", "--unit", "VPTU", LONG]),
    ("title-nul", ["add-meeting", "--date", "1/1/2023", "--title", "a\x00b"]),
    ("unit-code-a-formula", ["unit", "add", "=X", "Y"]),
    ("unit-code-greek", ["unit", "add", "\u0391B", "Y"]),
    ("unit-name-another-answers-to", ["unit", "add", "ZZ", "Văn phòng Tỉnh uỷ"]),
    ("rename-to-an-alias-of-another", ["unit", "rename", "BTC", "VP Tỉnh uỷ"]),
    ("rename-code-to-another", ["unit", "rename", "BTC", "Ban X", "--code", "vptu"]),
    ("due-29-feb-non-leap", ["assign", "1", "--unit", "VPTU", "x", "--due", "29/2/2023"]),
    ("due-2022Q5", ["assign", "1", "--unit", "VPTU", "x", "--due", "2022Q5"]),
    ("due-2022-13-01", ["assign", "1", "--unit", "VPTU", "x", "--due", "2022-13-01"]),
    ("due-year-0", ["assign", "1", "--unit", "VPTU", "x", "--due", "0000-01-01"]),
    ("due-year-9999", ["assign", "1", "--unit", "VPTU", "x", "--due", "9999-12-31"]),
    ("due-year-10000", ["assign", "1", "--unit", "VPTU", "x", "--due", "10000-01-01"]),
    ("due-day-before-meeting", ["assign", "1", "--unit", "VPTU", "x", "--due", "5/5/2022"]),
    ("as-of-far-future", ["list", "--as-of", "9999-12-31"]),
    ("report-year-10000", ["report", "--period", "10000"]),
    ("percent-negative", ["progress", "1", "--percent", "-5"]),
    ("percent-huge", ["progress", "1", "--percent", "99999999999999999999999"]),
    ("percent-1e309", ["progress", "1", "--percent", "1e309"]),
    ("percent-nan", ["progress", "1", "--percent", "nan"]),
    ("within-huge", ["remind", "--within", "99999999999"]),
    ("limit-negative", ["history", "--limit", "-1"]),
    ("id-missing", ["done", "999"]),
    ("id-huge", ["show", "9223372036854775808"]),
    ("id-of-a-completed-one", ["done", "2"]),
    ("meeting-id-nan", ["assign", "nan", "--unit", "VPTU", "x"]),
    ("unit-unknown", ["assign", "1", "--unit", "Ban Không Có", "x"]),
    ("unit-zero-width-only", ["assign", "1", "--unit", "\u200b", "x"]),
    ("undo-without-yes", ["undo"]),
    ("delete-without-yes", ["delete", "meeting", "1"]),
    ("calendar-year-10000", ["calendar", "list", "--year", "10000"]),
    # the newer commands: requests and answers, series, the calendar, fields and leaders, scores
    ("request-not-later", ["request", "extend", "1", "--to", "1/6/2022", "--reason", "r"]),
    ("request-2022Q5", ["request", "extend", "1", "--to", "2022Q5", "--reason", "r"]),
    ("request-of-a-completed-one", ["request", "withdraw", "2", "--reason", "r"]),
    ("request-reason-zero-width", ["request", "withdraw", "1", "--reason", "\u200b"]),
    ("approve-missing", ["approve", "99"]),
    ("reject-missing", ["reject", "99", "--reason", "r"]),
    ("accept-nothing-waiting", ["accept", "1"]),
    ("return-nothing-waiting", ["return", "1", "--reason", "r"]),
    ("every-fortnight", ["assign", "1", "--unit", "VPTU", "x", "--every", "fortnight"]),
    ("every-day-32", ["assign", "1", "--unit", "VPTU", "x", "--every", "month", "--day", "32"]),
    ("due-after-tet-2101", ["assign", "1", "--unit", "VPTU", "x", "--due", "sau Tết 2101"]),
    (
        "after-tet-negative",
        ["assign", "1", "--unit", "VPTU", "x", "--due", "30/6/2022", "--after-tet", "-1"],
    ),
    ("series-missing", ["series", "stop", "99", "--from", "1/1/2023"]),
    ("calendar-31-feb", ["calendar", "add", "31/2/2025", "--off"]),
    ("field-name-zero-width", ["field", "add", "X", "\u200b"]),
    ("leader-in-charge-of-nothing", ["leader", "assign", "A", "--from", "1/1/2022"]),
    ("score-2022Q5", ["score", "--quarter", "2022Q5"]),
    ("retire-into-itself", ["unit", "retire", "VPTU", "--successor", "vptu"]),
    ("limitation-repeats-itself", ["limitation", "link", "1", "--to", "1"]),
    ("office-kind-unknown", ["office", "set", "--kind", "nope"]),
    ("pack-status-month-13", ["pack", "status", "--period", "2022-13"]),
]

CASES: dict[str, tuple[Args, Maker | None]] = {
    **{name: (args, make) for name, args, make in FILE_CASES},
    **{name: (args, None) for name, args in VALUE_CASES},
}


# A process's arguments cannot hold NUL: those cases run in-process only.
IN_ARGV = [name for name, (args, _) in CASES.items() if not any("\x00" in a for a in args)]


@pytest.fixture(scope="module")
def exported(template: Path) -> Path:
    code, out, err = invoke(["--db", str(template), "export", "--format", "json"])
    assert code == 0, err
    _EXPORT.update(doc=json.loads(out), template=template)
    return template


def _digests(*paths: Path) -> dict[str, str | None]:
    """Each file's bytes (a folder's names), the SQLite register's journal beside it too."""
    found: dict[str, str | None] = {}
    for path in paths:
        for one in (path, Path(f"{path}-wal")):
            if one.is_dir():
                found[str(one)] = repr(sorted(p.name for p in one.iterdir()))
            else:
                found[str(one)] = file_digest(one) if one.exists() else None
    return found


def _prepare(name: str, folder: Path, template: Path) -> tuple[Path, Args, Path | None]:
    db = folder / "register.db"
    shutil.copyfile(template, db)
    args, make = CASES[name]
    made = make(folder) if make is not None else None
    filled = [a.replace("{file}", str(made)) for a in args] if made is not None else list(args)
    return db, filled, made


def _refused(name: str, args: Args, code: int, out: str, err: str) -> str:
    """The one error line, once the contract is checked."""
    assert "Traceback" not in out + err, (name, err)
    assert code == 1, (name, args[:6], code, out[-500:], err[-2000:])
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), (name, err)
    assert "unexpected" not in err, (name, err)
    return lines[0]


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_is_one_error_line_in_the_language_asked_and_writes_nothing(
    name: str, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var, value in STRAY.items():
        monkeypatch.setenv(var, value)
    said = {}
    for lang in ("en", "vi"):
        folder = tmp_path / lang
        folder.mkdir()
        db, args, made = _prepare(name, folder, exported)
        files = [db, made] if made is not None else [db]
        before = _digests(*files)
        code, out, err = invoke(_command(db, lang, args))
        said[lang] = _refused(name, args, code, out, err)
        assert _digests(*files) == before, (name, lang, err)
    assert said["en"] != said["vi"], said  # the Vietnamese line is not the English one


def _command(db: Path, lang: str, args: list[str]) -> list[str]:
    """The arguments of a case run on ``db`` in ``lang``: a case that names its own register
    (``--db FILE``, a file that is no register) is run on that one, --db given once."""
    return (
        ["--lang", lang, *args]
        if args[:1] == ["--db"]
        else ["--db", str(db), "--lang", lang, *args]
    )


def _as_cron(program: str, name: str, folder: Path, template: Path, lang: str) -> None:
    """The case run by ``program`` as a process of its own, as cron starts it."""
    db, args, made = _prepare(name, folder, template)
    files = [db, made] if made is not None else [db]
    before = _digests(*files)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIRTRACK_", "LC_", "LANG"))}
    done = subprocess.run(
        [program, *_command(db, lang, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env={**env, **STRAY},
        timeout=300,
        check=False,
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    line = _refused(name, args, done.returncode, out, err)
    assert _digests(*files) == before, (name, lang, err)
    if lang == "vi":
        assert line != _refused(name, args, *invoke(_command(db, "en", args))), line


# The cases make test runs as a process too: what reaches the process as bytes (an argument not
# UTF-8, 40,000 characters long, with a control character or Vietnamese text under LANG=C; files
# of bytes in an encoding of their own; a JSON nesting as deep as the stack), a confirmation with
# no terminal, a register that is not one, an output where a folder is, a date's message. Every
# case is refused in process in both languages above; the process around it is the same for all.
AS_A_PROCESS = {
    "import-binary-csv",
    "csv-mixed-encodings",
    "json-deep",
    "restore-without-yes",
    "delete-without-yes",
    "register-text",
    "export-into-a-folder",
    "text-control-character",
    "text-not-utf8",
    "text-too-long",
    "unit-name-another-answers-to",
    "due-year-10000",
}
ANOTHER_AS_A_PROCESS = pytest.mark.slow("the same process around another case refused in process")


@pytest.mark.parametrize(
    "name",
    [n if n in AS_A_PROCESS else pytest.param(n, marks=ANOTHER_AS_A_PROCESS) for n in IN_ARGV],
)
def test_hostile_input_as_a_cron_job(name: str, exported: Path, tmp_path: Path) -> None:
    """Each case as a process with stdin closed, LANG=C and stray variables: forked from the
    fork server (the start is what the entry point's test checks), in one language a case
    (make test: those of :data:`AS_A_PROCESS`)."""
    from tests import forkserver

    lang = ("en", "vi")[IN_ARGV.index(name) % 2]
    _as_cron(forkserver.shared().dirtrack, name, tmp_path, exported, lang)


assert AS_A_PROCESS <= set(IN_ARGV)


@pytest.mark.slow("every hostile case started as the installed entry point, in both languages")
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", IN_ARGV)
def test_hostile_input_from_the_installed_entry_point(
    name: str, lang: str, exported: Path, tmp_path: Path
) -> None:
    from tests.conftest import ENTRY_POINT

    _as_cron(ENTRY_POINT, name, tmp_path, exported, lang)


def _new_directive(db: Path) -> dict[str, Any]:
    code, out, err = invoke(["--db", str(db), "list", "--format", "json"])
    assert code == 0, err
    return dict(max(json.loads(out), key=lambda d: d["id"]))


# (case id, the arguments, the file they name, what the register then holds): input that looks
# hostile and is valid, with the right result
VALID_CASES: list[tuple[str, Args, Maker | None, Callable[[Path, str], None]]] = [
    (
        "unit-in-the-other-tone-placement",
        ["assign", "1", "--unit", "Văn phòng Tỉnh uỷ", "Việc mới"],
        None,
        lambda db, out: _expect(_new_directive(db), unit="VPTU", text="Việc mới"),
    ),
    (
        "unit-without-accents",
        ["assign", "1", "--unit", "van phong tinh uy", "Việc mới"],
        None,
        lambda db, out: _expect(_new_directive(db), unit="VPTU"),
    ),
    *[
        (
            f"text-starting-{sign}",
            ["assign", "1", "--unit", "VPTU", "--", f"{sign}SUM(A1:A9) hoàn thành"],
            None,
            lambda db, out, sign=sign: _expect(
                _new_directive(db), text=f"{sign}SUM(A1:A9) hoàn thành"
            ),
        )
        for sign in "=+-@"
    ],
    (
        "text-of-10000-characters",
        ["assign", "1", "--unit", "VPTU", "ư" * 10_000],
        None,
        lambda db, out: _expect(_new_directive(db), text="ư" * 10_000),
    ),
    (
        "text-in-nfd-with-a-direction-mark",
        ["assign", "1", "--unit", "VPTU", "Vie\u0323\u0302c\u200f mới"],
        None,
        lambda db, out: _expect(_new_directive(db), text="Việc mới"),
    ),
    (
        "as-of-the-last-day-taken",
        ["list", "--as-of", "2999-12-31", "--unit", "VPTU", "--format", "json"],
        None,
        lambda db, out: _expect(
            json.loads(out)[0],
            id=1,
            status="overdue",
            days_overdue=(date(2999, 12, 31) - date(2022, 6, 30)).days,
        ),
    ),
    (
        "csv-in-utf16-without-bom",
        ["import", "{file}", "--meeting", "1"],
        _text("u.csv", (HEADER + "1,Việc từ tệp UTF-16,VPTU,31/12/2022\n").encode("utf-16-le")),
        lambda db, out: _expect(_new_directive(db), text="Việc từ tệp UTF-16", due="2022-12-31"),
    ),
    (
        "xlsx-header-only-to-the-last-row",
        ["import", "{file}", "--meeting", "1"],
        _book(last_row=True),
        lambda db, out: _expect(_new_directive(db), id=2),
    ),
]


def _expect(found: dict[str, Any], **values: object) -> None:
    assert {k: found[k] for k in values} == values


@pytest.mark.parametrize("case", VALID_CASES, ids=[case[0] for case in VALID_CASES])
def test_valid_input_that_looks_hostile_gives_the_right_result(
    case: tuple[str, Args, Maker | None, Callable[[Path, str], None]],
    exported: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for var, value in STRAY.items():
        monkeypatch.setenv(var, value)
    _, args, make, check = case
    db = tmp_path / "register.db"
    shutil.copyfile(exported, db)
    made = make(tmp_path) if make is not None else None
    filled = [a.replace("{file}", str(made)) for a in args]
    code, out, err = invoke(["--db", str(db), *filled])
    assert code == 0 and "Traceback" not in err, (args[:4], code, err)
    check(db, out)


# --- the newer commands ----------------------------------------------------------------------
# Units answering back, recurring duties, working days, results and scores, fields and leaders,
# the office, retirement, repeated limitations: arbitrary input at each, on a register that holds
# every kind of record they act on. On SQLite in make test; make test-all (--all-backends) runs
# them on PostgreSQL too, where a NUL is refused by the server and text lengths by constraints
# (a refused command leaves every row of every table as it was: conftest.file_digest).

NEWER_SEED: list[Args] = [
    ["unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy"],
    ["unit", "add", "SYT", "Sở Y tế"],
    ["unit", "add", "OLD", "Ban Cũ"],
    ["field", "add", "KT", "Kinh tế"],
    ["add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--attendee", "VPTU"],
    ["assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Rà soát hồ sơ"],
    ["assign", "1", "--unit", "SYT", "--due", "30/9/2022", "Báo cáo y tế"],
    ["assign", "1", "--unit", "OLD", "Việc của ban cũ"],
    ["done", "1", "--date", "20/6/2022", "--doc", "12/BC-VPTU", "--doc-date", "19/6/2022"],
    [
        "request",
        "extend",
        "2",
        "--to",
        "31/12/2022",
        "--reason",
        "Chờ số liệu",
        "--date",
        "1/7/2022",
    ],
    ["request", "withdraw", "3", "--reason", "Không còn phù hợp", "--date", "2/7/2022"],
    ["add-limitation", "1", "--unit", "SYT", "Thiếu biên chế"],
    ["add-meeting", "--date", "6/8/2022", "--title", "Giao ban tháng 8"],
    ["add-limitation", "2", "--unit", "SYT", "Vẫn thiếu biên chế"],
    ["assign", "2", "--unit", "SYT", "Báo cáo tháng", "--every", "month", "--day", "20"],
    [
        "leader",
        "assign",
        "Đ/c Nguyễn Văn A",
        "--field",
        "KT",
        "--unit",
        "SYT",
        "--from",
        "1/1/2022",
    ],
    ["calendar", "add", "3/1/2023", "--off", "--note", "nghỉ bù"],
    ["office", "set", "--kind", "party", "--body", "VĂN PHÒNG", "--accept-completions", "yes"],
]

NEWER_UNIT = st.one_of(st.sampled_from(["SYT", "vptu", "Sở Y tế", "OLD", "so y te"]), UNIT)
WHEN = st.one_of(
    DATE,
    st.sampled_from(
        [
            "trong 10 ngày làm việc",
            "trong 0 ngày làm việc",
            "trong 99999999 ngày làm việc",
            "trước Tết",
            "sau Tết 2023",
            "sau Tết 2101",
            "đầu tháng 13",
            "cuối quý",
            "giữa năm 2022",
            "trước ngày 31/4/2023",
            "Thứ Sáu (30/6/2023)",
        ]
    ),
)
PERIOD = st.one_of(
    st.sampled_from(["2022Q3", "2022Q5", "quý III/2022", "2022-13", "2022H3", "9 tháng 2022"]),
    DATE,
)
EVERY = st.sampled_from(["month", "quarter", "half-year", "year", "tháng", "fortnight", ""])
VERDICT = st.sampled_from(["meets", "exceeds", "short", "đạt", "vượt", "great", ""])
DOC = st.one_of(st.sampled_from(["45/CV-SYT", "111-KL/TU", "0", "=1/BC", "45/CV-SYT\n"]), TEXT)

NEWER_COMMANDS: dict[str, st.SearchStrategy[Args]] = {
    "request extend": command(
        ["request", "extend"],
        one(ID),
        req("--to", WHEN),
        req("--reason", TEXT),
        opt("--doc", DOC),
        opt("--date", DATE),
    ),
    "request withdraw": command(
        ["request", "withdraw"], one(ID), req("--reason", TEXT), opt("--date", DATE)
    ),
    "approve": command(["approve"], one(ID), opt("--doc", DOC), opt("--date", DATE)),
    "reject": command(["reject"], one(ID), req("--reason", TEXT), opt("--date", DATE)),
    "accept": command(["accept"], one(ID), opt("--date", DATE)),
    "return": command(["return"], one(ID), req("--reason", TEXT), opt("--date", DATE)),
    "requests": command(["requests"], opt("--as-of", DATE), opt("--format", FORMAT)),
    "done with a result": command(
        ["done"],
        one(ID),
        opt("--date", DATE),
        opt("--doc", DOC),
        opt("--doc-date", DATE),
        opt("--verdict", VERDICT),
    ),
    "assign --every": command(
        ["assign"],
        one(ID),
        one(TEXT),
        req("--unit", NEWER_UNIT),
        req("--every", EVERY),
        opt("--day", NUMBER),
        opt("--offset", NUMBER),
        opt("--from", DATE),
        opt("--until", DATE),
    ),
    "assign --due WHEN": command(
        ["assign"],
        one(ID),
        one(TEXT),
        req("--unit", NEWER_UNIT),
        req("--due", WHEN),
        opt("--after-tet", NUMBER),
        opt("--early-day", NUMBER),
        opt("--from", DATE),
    ),
    "series show": command(["series", "show"], one(ID), opt("--as-of", DATE)),
    "series stop": command(["series", "stop"], one(ID), req("--from", DATE)),
    "calendar add": command(
        ["calendar", "add"],
        one(DATE),
        one(st.sampled_from(["--off", "--on"])),
        opt("--note", TEXT),
    ),
    "calendar list": command(["calendar", "list"], opt("--year", NUMBER), opt("--format", FORMAT)),
    "field add": command(["field", "add"], one(TEXT), one(TEXT)),
    "leader assign": command(
        ["leader", "assign"],
        one(TEXT),
        opt("--field", st.one_of(st.just("KT"), TEXT)),
        opt("--unit", NEWER_UNIT),
        req("--from", DATE),
    ),
    "edit directive --field": command(
        ["edit", "directive"], one(ID), opt("--field", st.one_of(st.just("kinh te"), TEXT))
    ),
    "score": command(
        ["score"],
        one(st.sampled_from(["--quarter", "--period"])),
        one(PERIOD),
        opt("--as-of", DATE),
        # a preset as the decree is written, a blank name (once '.', a folder), any text
        opt("--rules", st.one_of(st.sampled_from(["qd366", "NĐ 335", "nope", "", " "]), TEXT)),
        opt("--format", FORMAT),
    ),
    "office set": command(
        ["office", "set"],
        opt("--kind", st.sampled_from(["party", "state", "đảng", "nope", ""])),
        opt("--body", TEXT),
        opt("--code", TEXT),
        opt("--signer-name", TEXT),
        opt("--to", TEXT),
        opt("--on-time-by", st.sampled_from(["document", "acceptance", "nope"])),
    ),
    "unit retire": command(
        ["unit", "retire"], one(NEWER_UNIT), req("--successor", NEWER_UNIT), opt("--date", DATE)
    ),
    "unit contact": command(
        ["unit", "contact"],
        one(NEWER_UNIT),
        req("--name", TEXT),
        opt("--email", st.one_of(st.just("a@b.vn"), TEXT)),
        opt("--phone", st.one_of(st.just("+84 912 345 678"), TEXT)),
        opt("--role", st.sampled_from(["focal", "head", "boss"])),
    ),
    "limitation link": command(["limitation", "link"], one(ID), req("--to", ID)),
    "limitation unlink": command(["limitation", "unlink"], one(ID)),
    "pack status": command(["pack", "status"], one(st.just("--period")), one(PERIOD)),
    # the brief has no heading: a document's options with it were taken and left out
    "report --brief": command(
        ["report", "--brief"],
        req("--period", PERIOD),
        opt("--format", st.sampled_from(["md", "json", "csv", "table"])),
        opt("--number", DOC),
        opt("--to", TEXT),
        opt("--signer", TEXT),
    ),
}


@pytest.fixture(scope="module")
def newer_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-newer") / "template.db"
    for args in NEWER_SEED:
        code, _, err = invoke(["--db", str(path), *args])
        assert code == 0, (args, err)
    return path


@pytest.mark.parametrize("name", list(NEWER_COMMANDS))
def test_arbitrary_input_at_the_newer_commands(
    name: str, newer_template: Path, db: str, db_path: Path, backend: str
) -> None:
    if backend == "sqlite":
        shutil.copyfile(newer_template, db_path)
    else:  # the server's refusals (NUL, lengths, constraints) are its own: seeded there
        for args in NEWER_SEED:
            code, _, err = invoke(["--db", db, *args])
            assert code == 0, (args, err)

    @settings(
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(NEWER_COMMANDS[name], st.sampled_from(["en", "vi"]))
    def fuzz(args: Args, lang: str) -> None:
        check(db_path, ["--lang", lang, *args], target=db)

    fuzz()
