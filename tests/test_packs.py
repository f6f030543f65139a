"""Units report back: contacts, a workbook per unit out (by mail to a real SMTP server on
localhost), the answers back in as a unit fills them with openpyxl, conflicts, pack status."""

from __future__ import annotations

import datetime as dt
import email
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from email import policy
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import ENTRY_POINT, Cli, file_digest, snapshot

QUARTER = ("--quarter", "2022Q3")
MADE = ("--as-of", "2022-09-10", "--due", "2022-09-20")


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The database of :func:`quarter`, made once for the module (a SQLite file's bytes)."""
    from typer.testing import CliRunner

    path = tmp_path_factory.mktemp("quarter") / "quarter.db"
    _enter(Cli(db=str(path), runner=CliRunner()))
    return path.read_bytes()


@pytest.fixture
def quarter(cli: Cli, register: bytes) -> Cli:
    """Three units and a quarter's directives, as the office entered them."""
    if cli.db.startswith("postgresql"):
        pytest.skip("the quarter's register is a SQLite file, copied")
    Path(cli.db).write_bytes(register)
    return cli


@pytest.fixture(scope="module")
def sent_out(register: bytes, tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """The same after ``pack out`` of the quarter (made 10/9, to answer by 20/9), and the folder
    of workbooks, made once for the module (tests fill copies, never the workbooks)."""
    from typer.testing import CliRunner

    where = tmp_path_factory.mktemp("sent")
    path = where / "sent.db"
    path.write_bytes(register)
    _out(Cli(db=str(path), runner=CliRunner()), where / "phieu")
    return path.read_bytes(), where / "phieu"


@pytest.fixture
def packed(cli: Cli, sent_out: tuple[bytes, Path]) -> tuple[Cli, Path]:
    """:func:`quarter` with every unit's pack made: the database and the folder of workbooks."""
    if cli.db.startswith("postgresql"):
        pytest.skip("the quarter's register is a SQLite file, copied")
    Path(cli.db).write_bytes(sent_out[0])
    return cli, sent_out[1]


def _enter(cli: Cli) -> None:
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "contact", "BTC", "--name", "Nguyễn Văn An", "--email", "an@btc.vn")
    cli.ok(
        "unit", "contact", "BTC", "--name", "Trần Bình", "--email", "binh@btc.vn", "--role", "head"
    )
    cli.ok("unit", "contact", "SYT", "--name", "Lê Chi", "--email", "chi@syt.vn")
    q2 = cli.id("add-meeting", "--date", "2022-04-01", "--title", "Giao ban quý II")
    q3 = cli.id(
        "add-meeting", "--date", "2022-07-05", "--title", "Giao ban quý III", "--doc", "12-TB/TU",
        "--chair", "Nguyễn Văn A", "--chair-title", "Bí thư",
    )  # fmt: skip
    assert q3 == 2
    cli.ok(
        "assign",
        str(q3),
        "--unit",
        "BTC",
        "--with",
        "SYT",
        "--due",
        "2022-08-31",
        "Rà soát quy hoạch",
    )
    cli.ok("assign", str(q3), "--unit", "BTC", "--due", "2022-09-30", "Báo cáo tổ chức")
    cli.ok("assign", str(q3), "--unit", "SYT", "--due", "2022-09-15", "Kế hoạch phòng dịch")
    cli.ok("assign", str(q2), "--unit", "VPTU", "--due", "2022-06-30", "Đã xong quý II")
    cli.ok("assign", str(q3), "--unit", "VPTU", "--due", "2022-12-31", "Đề án cuối năm")
    cli.ok("assign", str(q3), "--unit", "BTC", "--due", "2022-09-01", "Đã dừng")
    cli.ok("progress", "1", "--percent", "40", "--note", "Đang rà soát", "--date", "2022-08-01")
    cli.ok("extend", "3", "--to", "2022-10-15", "--date", "2022-08-20")
    cli.ok("done", "4", "--date", "2022-06-20")
    cli.ok("cancel", "6", "--date", "2022-08-01")


def _out(cli: Cli, folder: Path, *more: str) -> Any:
    return cli.json("pack", "out", *QUARTER, *MADE, "--dir", str(folder), *more)


def _rows(path: Path, sheet: str) -> dict[int, list[Any]]:
    book = load_workbook(path)
    ws = book[sheet]
    return {row[1]: list(row) for row in ws.iter_rows(min_row=7, values_only=True) if row[1]}


def _fill(src: Path, dst: Path, sheet: str, answers: dict[int, dict[int, Any]]) -> None:
    """What a unit does: open the workbook, type into cells of the rows of directives, save."""
    book = load_workbook(src)
    ws = book[sheet]
    for row in range(7, ws.max_row + 1):
        for col, value in answers.get(ws.cell(row, 2).value, {}).items():
            ws.cell(row, col).value = value
    book.save(dst)


# Columns of the lead sheet: K percent, L done on, M doc number, N doc date, O explanation,
# P new deadline asked, Q its reason, R the state (a list); hidden from S.
PCT, DONE, DOC, DOC_DATE, WHY, ASK, ASK_WHY, STATE = range(11, 19)
BASE_PCT = 19  # the hidden _tien_do, column T, as an index of a row of _rows
BASE_DONE, BASE_DUE = 20, 21  # the hidden _hoan_thanh and _thoi_han, columns U and V


# --- contacts ----------------------------------------------------------------------------------


def test_contacts_in_unit_list_replace_and_survive_export_import(
    quarter: Cli, tmp_path: Path
) -> None:
    quarter.ok("unit", "contact", "btc", "--name", "Phạm Dũng", "--phone", "0912 345 678")
    units = {u["code"]: u for u in quarter.json("unit", "list")}
    assert units["BTC"]["contacts"] == [
        {"name": "Phạm Dũng", "email": None, "phone": "0912 345 678", "role": "focal"},
        {"name": "Trần Bình", "email": "binh@btc.vn", "phone": None, "role": "head"},
    ]
    assert units["VPTU"]["contacts"] == []
    assert "Phạm Dũng" in quarter.ok("unit", "list")
    export = tmp_path / "all.json"
    quarter.ok("export", "--format", "json", "--out", str(export))
    copy = Cli(db=str(tmp_path / "copy.db"), runner=quarter.runner)
    copy.ok("import", str(export))
    assert copy.json("unit", "list") == quarter.json("unit", "list")
    again = tmp_path / "again.json"
    copy.ok("export", "--format", "json", "--out", str(again))
    assert again.read_bytes() == export.read_bytes()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_imported_address_is_checked_and_stored_as_typed_one_is(
    quarter: Cli, tmp_path: Path, lang: str
) -> None:
    """A JSON document's contacts go through the rule of `unit contact --email`: a full-width
    address (an IME's) was stored as written while the same typed was folded; a local part of
    two scripts is refused naming the contact, nothing written."""
    export = tmp_path / "all.json"
    quarter.ok("export", "--format", "json", "--out", str(export))
    document = json.loads(export.read_text("utf-8"))
    btc = next(u for u in document["units"] if u["code"] == "BTC")
    btc["contacts"][0]["email"] = "\uff41\uff4e@\uff42\uff54\uff43\uff0e\uff56\uff4e"
    typed = tmp_path / "typed.json"
    typed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    copy = Cli(db=str(tmp_path / "copy.db"), runner=quarter.runner)
    copy.ok("import", str(typed))
    units = {u["code"]: u for u in copy.json("unit", "list")}
    assert units["BTC"]["contacts"][0]["email"] == "an@btc.vn"
    btc["contacts"][0]["email"] = "\u0430n@btc.vn"  # a Cyrillic а
    typed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    other = Cli(db=str(tmp_path / "other.db"), runner=quarter.runner)
    said = other.fail("--lang", lang, "import", str(typed))
    assert "contacts[0]" in said and "(U+0430)" in said, said
    assert {"en": "mixes scripts", "vi": "trộn lẫn các hệ chữ"}[lang] in said, said
    assert not Path(other.db).exists()  # an import makes its database whole or not at all


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--email", "an@"), "not an e-mail address"),
        (("--email", "an @btc.vn"), "not an e-mail address"),
        # longer than a mail server takes (RFC 5321) was stored, and every mail to it refused
        (("--email", "a" * 65 + "@btc.vn"), "64 bytes before the @ (RFC 5321; a Vietnamese"),
        # counted in octets, as RFC 5321 counts: 22 letters of 3 bytes each were taken
        (("--email", "ễ" * 22 + "@btc.vn"), "64 bytes before the @ (RFC 5321; a Vietnamese"),
        (("--email", "an@" + "b" * 250 + ".vn"), "at most 254 bytes (RFC 5321; a Vietnamese"),
        (("--email", "an@" + "bộ" * 63 + ".vn"), "not 258"),  # 132 characters
        # a zero-width space in it looked like a good address, and reached no one
        (("--email", "an@btc\u200b.vn"), "'an@btc\\u200b.vn' is not an e-mail address"),
        (("--email", "an\\@btc.vn"), "not an e-mail address"),
        # an empty label of the domain or of the name: stored, and refused by every server
        (("--email", "an@btc..vn"), "'an@btc..vn' is not an e-mail address"),
        (("--email", "an@.btc.vn"), "not an e-mail address"),
        (("--email", "an.@btc.vn"), "not an e-mail address"),
        (("--email", "an@btc.vn."), "not an e-mail address"),
        # the local part was not checked: RFC 5322's dot-atom, one script
        (("--email", "an..binh@btc.vn"), "'an..binh@btc.vn' is not an e-mail address"),
        (("--email", ".an@btc.vn"), "not an e-mail address"),
        (("--email", '"an binh"@btc.vn'), "not an e-mail address"),
        (("--email", "an@binh@btc.vn"), "not an e-mail address"),
        (("--email", "an\tbinh@btc.vn"), "not an e-mail address"),
        (("--email", "an\x01@btc.vn"), "U+0001"),
        (("--email", "a\ufe6bb@btc.vn"), "before the @ it holds '\ufe6b' (U+FE6B), which no addr"),
        (("--email", "an\u2122@btc.vn"), "before the @ it holds '\u2122' (U+2122)"),
        (("--email", "an\u20ac@btc.vn"), "'\u20ac' (U+20AC)"),
        (("--email", "\u0430n@btc.vn"), "before the @ it mixes scripts, '\u0430' (U+0430) among"),
        (("--email", "an@btc_tu.vn"), "its domain holds '_' (U+005F)"),
        # a label of the domain starting or ending with a hyphen, or of more than 63
        # characters (RFC 1035): stored, and refused by every server
        (("--email", "an@-btc.vn"), "'an@-btc.vn' is not an e-mail address"),
        (("--email", "an@btc-.vn"), "not an e-mail address"),
        (("--email", "an@" + "b" * 64 + ".vn"), "not an e-mail address"),
        (("--phone", "gọi tôi"), "not a telephone number"),
        # five digits: said as if a character were wrong, not the count
        (("--phone", "+84 912"), "(6 to 15 digits, with spaces, + - . ( ))"),
        (("--role", "boss"), None),
    ],
)
def test_a_bad_contact_is_refused(quarter: Cli, args: tuple[str, ...], words: str | None) -> None:
    before = snapshot(quarter.db)
    if words is None:
        quarter.fail("unit", "contact", "BTC", "--name", "X", *args)  # a bad choice: exit 1
    else:
        assert words in quarter.fail("unit", "contact", "BTC", "--name", "X", *args)
    assert snapshot(quarter.db) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_domain_of_letters_of_two_scripts_is_refused(quarter: Cli, lang: str) -> None:
    """`an@btс.vn` (a Cyrillic с) was stored, an address that looks like an@btc.vn and reaches
    someone else, while a unit's code refuses such letters. A Vietnamese domain is one script;
    an IME's full-width letters are the ASCII ones."""
    before = snapshot(quarter.db)
    said = {
        "en": (
            "Error: 'an@bt\u0441.vn' is not an e-mail address: its domain mixes scripts, "
            "'\u0441' (U+0441) among letters like 'b', so that it looks like an address it is not"
        ),
        "vi": (
            "Error: 'an@bt\u0441.vn' không phải là địa chỉ thư điện tử: tên miền trộn lẫn các hệ "
            "chữ, '\u0441' (U+0441) lẫn giữa các chữ như 'b', nên trông giống một địa chỉ mà nó "
            "không phải"
        ),
    }
    assert (
        quarter.fail(
            "--lang", lang, "unit", "contact", "BTC", "--name", "X", "--email", "an@bt\u0441.vn"
        )
        == said[lang]
    )
    for bad, words in (("an@b\u03b1c.vn", "U+03B1"), ("an@bt\u2603.vn", "U+2603")):
        assert words in quarter.fail(
            "--lang", lang, "unit", "contact", "BTC", "--name", "X", "--email", bad
        )
    assert snapshot(quarter.db) == before
    for typed, stored in (
        ("an@bộcôngthương.vn", "an@bộcôngthương.vn"),
        ("an@\uff42\uff54\uff43.vn", "an@btc.vn"),
        # the whole address typed full-width was refused (its full stop is no dot)
        ("\uff41\uff4e@\uff42\uff54\uff43\uff0e\uff56\uff4e", "an@btc.vn"),
        ("nguyễn.văn-an@btc.vn", "nguyễn.văn-an@btc.vn"),
        ("o'brien+tu/vp@btc.vn", "o'brien+tu/vp@btc.vn"),
        ("ễ" * 21 + "@btc.vn", "ễ" * 21 + "@btc.vn"),  # 63 bytes
    ):
        quarter.ok("unit", "contact", "BTC", "--name", "An", "--email", typed)
        btc = {u["code"]: u for u in quarter.json("unit", "list")}["BTC"]
        assert btc["contacts"][0]["email"] == stored


# --- pack out ----------------------------------------------------------------------------------


def test_pack_out_writes_each_unit_its_workbook(quarter: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "phieu"
    done = _out(quarter, folder)
    packs = {p["unit"]: p for p in done["packs"]}
    assert done["answer_by"] == "2022-09-20" and done["period"]["label"] == "2022-Q3"
    assert (packs["BTC"]["lead"], packs["BTC"]["with"]) == (2, 0)
    assert (packs["SYT"]["lead"], packs["SYT"]["with"]) == (1, 1)
    assert (packs["VPTU"]["lead"], packs["VPTU"]["with"]) == (1, 0)
    assert sorted(p.name for p in folder.iterdir()) == ["BTC.xlsx", "SYT.xlsx", "VPTU.xlsx"]
    assert packs["BTC"]["to"] == ["Nguyễn Văn An <an@btc.vn>"]
    assert packs["BTC"]["cc"] == ["Trần Bình <binh@btc.vn>"]

    book = load_workbook(folder / "SYT.xlsx")
    assert book.sheetnames == ["Hướng dẫn", "Chủ trì", "Phối hợp", "_dirtrack"]
    assert book["_dirtrack"].sheet_state == "veryHidden"
    assert book.security.lockStructure
    # File > Properties: the pack's own title and dirtrack, not openpyxl with no title.
    assert book.properties.creator == "dirtrack"
    assert (book.properties.title or "").startswith("Phiếu báo cáo tiến độ thực hiện nhiệm vụ — ")
    guide = " ".join(str(c.value) for c in book["Hướng dẫn"]["A"] if c.value)
    assert "Hạn gửi báo cáo: chậm nhất ngày 20/09/2022" in guide and "ô nền vàng" in guide
    lead = book["Chủ trì"]
    assert lead.protection.sheet
    headers = [c.value for c in lead[6]]
    wanted = ("ID", "Tiến độ (%)", "Ngày hoàn thành", "Số văn bản kết quả", "Ngày văn bản kết quả",
              "Giải trình", "Đề nghị gia hạn đến", "Lý do gia hạn")  # fmt: skip
    assert set(wanted) <= set(headers) and headers[17] == "Tình hình thực hiện"
    row = list(lead[7])
    assert row[1].value == 3 and row[2].value == "Kế hoạch phòng dịch"
    assert row[3].value == "12-TB/TU" and row[4].value.date() == dt.date(2022, 7, 5)
    assert row[5].value == "Bí thư Nguyễn Văn A"
    assert row[7].value.date() == dt.date(2022, 10, 15)  # the deadline in force, extended
    assert row[2].protection.locked and not row[PCT - 1].protection.locked
    assert lead.column_dimensions["S"].hidden and not lead.column_dimensions["R"].hidden
    rules = {str(dv.sqref): dv for dv in lead.data_validations.dataValidation}
    assert rules["K7"].type == "whole" and rules["O7"].type == "textLength"
    assert rules["L7"].type == rules["N7"].type == rules["P7"].type == "date"
    assert rules["R7"].type == "list" and rules["R7"].showErrorMessage
    assert rules["R7"].formula1 == '"Đã hoàn thành,Đang thực hiện,Chưa thực hiện,Đề nghị gia hạn"'
    assert lead["L7"].number_format == "DD/MM/YYYY"
    with_rules = {str(dv.sqref): dv for dv in book["Phối hợp"].data_validations.dataValidation}
    assert with_rules["L7"].formula1 == '"Đã hoàn thành,Đang thực hiện,Chưa thực hiện"'
    coordinated = _rows(folder / "SYT.xlsx", "Phối hợp")
    assert coordinated[1][6] == "Ban Tổ chức Tỉnh ủy"
    assert coordinated[1][9] == "40% (01/08/2022): Đang rà soát"
    assert set(_rows(folder / "BTC.xlsx", "Chủ trì")) == {1, 2}  # not the cancelled one

    status = quarter.json("pack", "status", *QUARTER, "--as-of", "2022-09-15")
    assert [(u["code"], u["items"], u["answered"], u["on_time"]) for u in status["units"]] == [
        ("BTC", 2, None, None),
        ("SYT", 2, None, None),
        ("VPTU", 1, None, None),
    ]


def test_the_latest_progress_shown_is_the_one_of_the_day_the_pack_is_made(
    quarter: Cli, tmp_path: Path
) -> None:
    """A pack made as of 10/9 after later news was entered showed 'Hoàn thành ngày 25/09/2022'
    (or the progress of 15/9) beside the status of 10/9, 'Quá hạn chưa hoàn thành'."""
    quarter.ok("progress", "1", "--percent", "70", "--date", "2022-09-05")
    quarter.ok("progress", "1", "--percent", "90", "--note", "Sau", "--date", "2022-09-15")
    quarter.ok("done", "1", "--date", "2022-09-25", "--note", "Xong")
    quarter.ok("progress", "3", "--percent", "20", "--date", "2022-09-12")
    folder = tmp_path / "phieu"
    _out(quarter, folder)
    lead = _rows(folder / "BTC.xlsx", "Chủ trì")
    assert lead[1][8] == "Quá hạn chưa hoàn thành"
    assert lead[1][9] == "70% (05/09/2022)"
    assert _rows(folder / "SYT.xlsx", "Chủ trì")[3][9] is None
    later = tmp_path / "sau"
    quarter.json("pack", "out", *QUARTER, "--as-of", "2022-09-30", "--dir", str(later))
    assert _rows(later / "BTC.xlsx", "Chủ trì")[1][9] == "Hoàn thành ngày 25/09/2022: Xong"
    assert _rows(later / "SYT.xlsx", "Chủ trì")[3][9] == "20% (12/09/2022)"
    # The hidden percentage the office knew (_tien_do) is the store's progress at the pack's
    # day, as the row shows it: it read 90 (entered 15/9) beside "70% (05/09/2022)".
    assert lead[1][BASE_PCT] == "70"
    assert _rows(folder / "SYT.xlsx", "Chủ trì")[3][BASE_PCT] is None
    assert _rows(later / "BTC.xlsx", "Chủ trì")[1][BASE_PCT] == "100"  # done by 30/9
    assert _rows(later / "SYT.xlsx", "Chủ trì")[3][BASE_PCT] == "20"


def test_a_pack_made_as_of_a_day_hides_no_later_completion_or_deadline(
    quarter: Cli, tmp_path: Path
) -> None:
    """A pack made as of 10/9 after a completion of 25/9 was entered held 2022-09-25 in its
    hidden _hoan_thanh beside the status of 10/9, 'Quá hạn chưa hoàn thành'. Every column is
    the directive as it stood on 10/9: no completion, the deadline in force then (not the one
    approved on 20/9), its progress; and the pack still comes back in, its locked cells as
    written."""
    quarter.ok("extend", "1", "--to", "2022-09-28", "--date", "2022-09-20")
    quarter.ok("done", "1", "--date", "2022-09-25")
    folder = tmp_path / "phieu"
    _out(quarter, folder, "--unit", "BTC")
    row = _rows(folder / "BTC.xlsx", "Chủ trì")[1]
    assert row[7] == dt.datetime(2022, 8, 31) and row[8] == "Quá hạn chưa hoàn thành"
    assert row[9] == "40% (01/08/2022): Đang rà soát"
    assert (row[BASE_PCT], row[BASE_DONE], row[BASE_DUE]) == ("40", None, "2022-08-31")
    later = tmp_path / "sau"
    quarter.json(
        "pack", "out", *QUARTER, "--unit", "BTC", "--as-of", "2022-09-30", "--dir", str(later)
    )
    row = _rows(later / "BTC.xlsx", "Chủ trì")[1]
    assert (row[BASE_PCT], row[BASE_DONE], row[BASE_DUE]) == ("100", "2022-09-25", "2022-09-28")
    back = tmp_path / "BTC-tra-loi.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {2: {PCT: 60}})
    [info] = quarter.json("pack", "in", str(back), "--date", "2022-09-26")["files"]
    assert (info["applied"], info["conflicts"]) == (1, 0)
    assert quarter.json("show", "2")["progress"] == 60


def test_the_latest_progress_marks_a_note_as_the_export_does(quarter: Cli, tmp_path: Path) -> None:
    """A progress note given no percentage whose words read as a status or a percentage ('Đã
    hoàn thành 60% khối lượng') showed in the pack as '(05/09/2022): Đã hoàn thành 60% khối
    lượng', a directive done to the unit that reads it, where the export writes it '?%: …'.
    The pack marks it the same way (one rule), after the percentage; a plain note is as it
    was."""
    quarter.ok("progress", "1", "--note", "Đã hoàn thành 60% khối lượng", "--date", "2022-09-05")
    quarter.ok("progress", "3", "--note", "Chờ ý kiến Sở Tài chính", "--date", "2022-09-06")
    folder = tmp_path / "phieu"
    _out(quarter, folder)
    assert (
        _rows(folder / "BTC.xlsx", "Chủ trì")[1][9]
        == "?% (05/09/2022): Đã hoàn thành 60% khối lượng"
    )
    assert _rows(folder / "SYT.xlsx", "Chủ trì")[3][9] == "(06/09/2022): Chờ ý kiến Sở Tài chính"
    sheet = tmp_path / "so.xlsx"
    quarter.ok("export", "--format", "xlsx", "--out", str(sheet), "--as-of", "2022-09-10")
    book = load_workbook(sheet)
    ws = book.worksheets[0]
    header = next(r for r in ws.iter_rows(values_only=True) if "Progress" in r)
    column = header.index("Progress")
    cells = [r[column] for r in ws.iter_rows(values_only=True)]
    assert "?%: Đã hoàn thành 60% khối lượng" in cells and "Chờ ý kiến Sở Tài chính" in cells


def test_a_pack_made_as_of_a_day_asks_the_units_at_work_then(quarter: Cli, tmp_path: Path) -> None:
    """SYT retired on 12/9 into VPTU, after the pack's day of 10/9: the pack of 10/9 is SYT's
    as `list --as-of 2022-09-10` has it (directive 3 it led, 1 it coordinated), and VPTU's
    holds neither; one made as of 12/9 gives them to VPTU."""
    quarter.ok("unit", "retire", "SYT", "--successor", "VPTU", "--date", "2022-09-12")
    listed = {d["id"]: d for d in quarter.json("list", "--as-of", "2022-09-10")}
    assert (listed[3]["unit"], listed[1]["with"]) == ("SYT", ["SYT"])
    packs = {p["unit"]: p for p in _out(quarter, tmp_path / "before")["packs"]}
    assert (packs["SYT"]["lead"], packs["SYT"]["with"]) == (1, 1)
    assert (packs["VPTU"]["lead"], packs["VPTU"]["with"]) == (1, 0)
    assert set(_rows(tmp_path / "before" / "SYT.xlsx", "Phối hợp")) == {1}
    later = quarter.json(
        "pack", "out", *QUARTER, "--as-of", "2022-09-12", "--dir", str(tmp_path / "after")
    )
    packs = {p["unit"]: p for p in later["packs"]}
    assert "SYT" not in packs
    assert (packs["VPTU"]["lead"], packs["VPTU"]["with"]) == (2, 1)


def test_a_pack_made_as_of_a_day_asks_nothing_given_after_it(quarter: Cli, tmp_path: Path) -> None:
    """A meeting of 15/9 entered before a pack made as of 10/9: its directive, which neither
    `list --as-of 2022-09-10` nor the report of the quarter as of 10/9 holds, was asked of its
    unit all the same (the pack judged the quarter's scope up to its end, not up to its day).
    The pack asks about the directives the report of that day counts; one made as of 16/9 asks
    about it."""
    later = quarter.id("add-meeting", "--date", "2022-09-15", "--title", "Họp đột xuất")
    given = quarter.id("assign", str(later), "--unit", "BTC", "--due", "2022-09-28", "Việc mới")
    assert given not in {d["id"] for d in quarter.json("list", "--as-of", "2022-09-10")}
    report = quarter.json("report", *QUARTER, "--as-of", "2022-09-10")
    assert given not in {d["id"] for d in report["directives"]}
    packs = {p["unit"]: p for p in _out(quarter, tmp_path / "before")["packs"]}
    assert (packs["BTC"]["lead"], packs["BTC"]["with"]) == (2, 0)
    assert given not in _rows(tmp_path / "before" / "BTC.xlsx", "Chủ trì")
    after = quarter.json(
        "pack", "out", *QUARTER, "--as-of", "2022-09-16", "--dir", str(tmp_path / "after")
    )
    assert {p["unit"]: p["lead"] for p in after["packs"]}["BTC"] == 3
    assert given in _rows(tmp_path / "after" / "BTC.xlsx", "Chủ trì")


def test_a_pack_made_as_of_a_day_shows_the_units_of_that_day(quarter: Cli, tmp_path: Path) -> None:
    """A pack made as of 10/9, SYT retiring on 12/9 into VPTU, showed each directive's units of
    today: BTC's directive 1 coordinated by VPTU, and its part in SYT's directive coordinated
    under VPTU's lead. It shows them as `list --as-of` does; the fingerprint stays that of the
    directive as stored, so the pack comes back in with nothing changed by the office."""
    quarter.ok("assign", "2", "--unit", "SYT", "--with", "BTC", "--due", "2022-09-25", "Khám")
    quarter.ok("unit", "retire", "SYT", "--successor", "VPTU", "--date", "2022-09-12")
    listed = {d["id"]: d for d in quarter.json("list", "--as-of", "2022-09-10")}
    assert (listed[1]["with"], listed[7]["unit"]) == (["SYT"], "SYT")
    folder = tmp_path / "phieu"
    _out(quarter, folder, "--unit", "BTC")
    # column G: on Chủ trì the coordinating units, on Phối hợp the lead unit
    assert _rows(folder / "BTC.xlsx", "Chủ trì")[1][6] == "Sở Y tế"
    assert _rows(folder / "BTC.xlsx", "Phối hợp")[7][6] == "Sở Y tế"
    today = tmp_path / "hom-nay"
    quarter.json("pack", "out", *QUARTER, "--unit", "BTC", "--dir", str(today), "--due", "2099-1-1")
    assert _rows(today / "BTC.xlsx", "Chủ trì")[1][6] == "Văn phòng Tỉnh ủy"
    assert _rows(today / "BTC.xlsx", "Phối hợp")[7][6] == "Văn phòng Tỉnh ủy"
    back = tmp_path / "BTC-tra-loi.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {1: {PCT: 80}})
    [info] = quarter.json("pack", "in", str(back), "--date", "2022-09-13")["files"]
    assert (info["applied"], info["conflicts"]) == (1, 0)
    assert quarter.json("show", "1")["progress"] == 80


def test_pack_out_dry_run_and_refusals_write_nothing(quarter: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "phieu"
    before = snapshot(quarter.db)
    dry = _out(quarter, folder, "--dry-run", "--unit", "syt")
    assert [p["unit"] for p in dry["packs"]] == ["SYT"] and dry["dry_run"]
    assert not folder.exists() and snapshot(quarter.db) == before
    _out(quarter, folder, "--unit", "BTC")
    after = snapshot(quarter.db)
    message = quarter.fail("pack", "out", *QUARTER, *MADE, "--dir", str(folder))
    assert "BTC.xlsx: exists already; add --force" in message
    assert snapshot(quarter.db) == after and sorted(p.name for p in folder.iterdir()) == [
        "BTC.xlsx"
    ]
    quarter.fail("pack", "out", *QUARTER, "--due", "31/9/2022", "--dir", str(folder))
    quarter.fail("pack", "out", "--dir", str(folder), code=2)


def test_pack_out_never_names_a_file_for_a_windows_device(quarter: Cli, tmp_path: Path) -> None:
    """A code Windows keeps for a device (``CON``, ``nul.x``, ``Lpt1``…) gets ``_`` after it,
    names stay one per unit, and ``pack in`` finds each unit by the pack inside, not the name."""
    codes = ("CON", "nul.x", "Lpt1", "COM9.", "CON_")
    for code in codes:
        quarter.ok("unit", "add", code, f"Đơn vị {code}")
        quarter.ok("assign", "2", "--unit", code, "--due", "2022-09-25", f"Việc của {code}")
    folder = tmp_path / "phieu"
    done = _out(quarter, folder, *(a for code in codes for a in ("--unit", code)))
    assert sorted(p["unit"] for p in done["packs"]) == sorted(codes)
    files = {p["unit"]: Path(p["file"]).name for p in done["packs"]}
    assert sorted(p.name for p in folder.iterdir()) == sorted(files.values())
    assert (files["CON"], files["nul.x"], files["Lpt1"], files["COM9."]) == (
        "CON_.xlsx", "nul_.x.xlsx", "Lpt1_.xlsx", "COM9_.xlsx"
    )  # fmt: skip
    assert files["CON_"] == "CON_-8.xlsx"  # taken by CON: the unit's id
    back = quarter.json("pack", "in", str(folder), "--dry-run", "--date", "2022-09-12")
    by_file = {Path(f["file"]).name: f["unit"] for f in back["files"]}
    assert by_file["nul_.x.xlsx"] == "nul.x" and by_file["Lpt1_.xlsx"] == "Lpt1"
    assert sorted(by_file.values()) == sorted(codes)


def test_pack_out_refuses_a_reply_date_before_the_day_it_is_made(
    quarter: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "phieu"
    before = snapshot(quarter.db)
    made = ("--as-of", "2022-09-10", "--dir", str(folder))
    message = quarter.fail("pack", "out", *QUARTER, *made, "--due", "2000-01-01")
    assert message == "Error: --due 2000-01-01 is before the day the pack is made (2022-09-10)"
    said = quarter.fail("--lang", "vi", "pack", "out", *QUARTER, *made, "--due", "9/9/2022")
    assert said == "Error: --due 09/09/2022 trước ngày lập phiếu (10/09/2022)", said
    assert snapshot(quarter.db) == before and not folder.exists()
    quarter.fail("pack", "out", *QUARTER, *made, "--due", "2000-01-01", "--dry-run")
    same_day = ("--as-of", "2022-09-10", "--due", "2022-09-10", "--dir", str(folder))
    quarter.json("pack", "out", *QUARTER, *same_day, "--unit", "BTC")  # a reply date too


# --- pack in -----------------------------------------------------------------------------------


def test_answers_come_in_through_the_store_and_once_only(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    back = tmp_path / "BTC-tra-loi.xlsx"
    _fill(
        folder / "BTC.xlsx",
        back,
        "Chủ trì",
        {
            1: {DONE: dt.date(2022, 9, 5), DOC: "45-BC/BTC", DOC_DATE: dt.date(2022, 9, 5),
                WHY: "Chờ ý kiến các sở"},
            2: {PCT: 60, ASK: "31/10/2022", ASK_WHY: "Chờ số liệu"},
        },
    )  # fmt: skip
    before = snapshot(quarter.db)
    dry = quarter.json("pack", "in", str(back), "--dry-run", "--date", "2022-09-12")
    assert snapshot(quarter.db) == before
    [info] = dry["files"]
    assert (info["unit"], info["applied"], info["conflicts"]) == ("BTC", 2, 0)
    assert [r["changes"] for r in info["rows"]] == [
        [{"what": "done", "date": "2022-09-05", "doc": "45-BC/BTC", "doc_date": "2022-09-05"}],
        [
            {"what": "progress", "percent": 60},
            {"what": "asks", "date": "2022-10-31", "request": None},  # none recorded: a rehearsal
        ],
    ]
    assert info["requests"] == [None] and quarter.json("requests") == []
    done = quarter("pack", "in", str(back), "--date", "2022-09-12")
    assert "1 request for a new deadline recorded (1)" in done.stderr
    assert "asks for a new deadline: 2022-10-31 (request 1)" in " ".join(done.stdout.split())
    first = quarter.json("show", "1")
    assert first["completed_on"] == "2022-09-05" and first["status"] == "done_late"
    # The result document is the completion's result, as `done --doc --doc-date` records it.
    assert (first["result"]["doc"], first["result"]["doc_date"]) == ("45-BC/BTC", "2022-09-05")
    [completed] = [h for h in first["history"] if h["event"] == "completed"]
    # one row for the completion, its document and its note, the document once
    assert completed["note"] == "45-BC/BTC; Giải trình: Chờ ý kiến các sở"
    assert [h for h in first["history"] if h["event"] == "result"] == []
    second = quarter.json("show", "2")
    assert second["progress"] == 60 and second["due"] == "2022-09-30"  # a request, not an extension
    notes = [h.get("note") for h in second["history"] if h.get("note")]
    assert not any("gia hạn" in note for note in notes)  # the request is not a note
    [asked] = quarter.json("requests", "--pending")
    assert (asked["id"], asked["directive_id"], asked["kind"]) == (1, 2, "extend")
    assert (asked["asked_on"], asked["to"], asked["reason"]) == (
        "2022-09-12",
        "2022-10-31",
        "Chờ số liệu",
    )
    history = quarter.json("history", "--limit", "1")
    assert history[0]["command"] == "pack in"

    once = snapshot(quarter.db)
    again = quarter.json("pack", "in", str(back), "--date", "2022-09-13")
    assert again["files"][0]["unchanged"] == 2 and snapshot(quarter.db) == once
    assert again["files"][0]["requests"] == []
    assert again["files"][0]["rows"][1]["changes"][1]["request"] == 1
    said = quarter("pack", "in", str(back), "--date", "2022-09-13")
    assert said.exit_code == 0 and snapshot(quarter.db) == once
    # and says so, in the table too: nothing recorded, no command in the history
    assert said.stderr == "BTC-tra-loi.xlsx (BTC): already in: 2\n"
    assert [line.split()[5:7] for line in said.stdout.splitlines()[1:]] == [["already", "in"]] * 2

    status = {
        u["code"]: u
        for u in quarter.json("pack", "status", *QUARTER, "--as-of", "2022-09-25")["units"]
    }
    assert (status["BTC"]["answered"], status["BTC"]["on_time"]) == ("2022-09-12", True)
    assert (status["BTC"]["items"], status["BTC"]["items_answered"]) == (2, 2)
    assert (status["SYT"]["answered"], status["SYT"]["on_time"]) == (None, False)
    report = quarter.json("report", *QUARTER, "--as-of", "2022-09-25")
    assert report["packs"] == list(status.values())

    quarter.ok("undo", "--yes")
    assert quarter.json("show", "1")["completed_on"] is None and quarter.json("requests") == []
    assert quarter.json("pack", "status", *QUARTER)["units"][0]["answered"] is None


def test_two_pack_ins_of_one_workbook_at_once_land_once(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """Two processes read the same answered workbook in at the same moment: its answers are
    recorded once; the other finds them already in and records nothing."""
    from tests.conftest import at_once

    quarter, folder = packed
    back = tmp_path / "BTC-tra-loi.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {1: {DONE: dt.date(2022, 9, 5)}, 2: {PCT: 60}})
    args = ["pack", "in", str(back), "--date", "2022-09-12", "--format", "json"]
    said = at_once([args, args], quarter.db, forked=True)
    assert [code for code, _, _ in said] == [0, 0], said
    files = sorted((json.loads(out)["files"][0] for _, out, _ in said), key=lambda f: f["applied"])
    assert [(f["applied"], f["unchanged"]) for f in files] == [(0, 2), (2, 0)]
    assert [c["command"] for c in quarter.json("history", "--limit", "0")].count("pack in") == 1
    assert quarter.json("show", "1")["completed_on"] == "2022-09-05"
    assert len([h for h in quarter.json("show", "2")["history"] if h["event"] == "progress"]) == 1


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_pack_in_never_closes_a_reopened_directive_before_its_reopening(
    packed: tuple[Cli, Path], tmp_path: Path, lang: str
) -> None:
    """As `done` and an office sheet: a unit's workbook saying "done on 5/9" for a directive
    the office completed on 1/9 and reopened on 8/9 is refused, naming the file, sheet, row
    and cell, and nothing is written; a completion on the reopening day or later is taken, and
    the completion the reopening ended still counts on its days."""
    quarter, folder = packed
    quarter.ok("done", "2", "--date", "2022-09-01")
    quarter.ok("reopen", "2", "--date", "2022-09-08", "--reason", "Thiếu phụ lục")
    by_done = quarter.fail("--lang", lang, "done", "2", "--date", "2022-09-05")
    early = tmp_path / "BTC-som.xlsx"
    _fill(folder / "BTC.xlsx", early, "Chủ trì", {2: {DONE: dt.date(2022, 9, 5)}})
    before = snapshot(quarter.db)
    said = quarter.fail("--lang", lang, "pack", "in", str(early), "--date", "2022-09-12")
    cell = {
        "en": "sheet 'Chủ trì', cell L8 (Ngày hoàn thành)",
        "vi": "trang tính 'Chủ trì', ô L8 (Ngày hoàn thành)",
    }[lang]
    assert said == f"Error: {early}, {cell}: " + by_done.removeprefix("Error: "), (by_done, said)
    assert "2022-09-08" in by_done or "08/09/2022" in by_done
    assert snapshot(quarter.db) == before
    # The result document's date is the day that closes it when given: its cell is named.
    by_doc = tmp_path / "BTC-van-ban.xlsx"
    _fill(
        folder / "BTC.xlsx",
        by_doc,
        "Chủ trì",
        {2: {DONE: dt.date(2022, 9, 10), DOC: "45/BC-BTC", DOC_DATE: dt.date(2022, 9, 5)}},
    )
    said = quarter.fail("--lang", lang, "pack", "in", str(by_doc), "--date", "2022-09-12")
    cell = {"en": "cell N8 (Ngày văn bản kết quả)", "vi": "ô N8 (Ngày văn bản kết quả)"}[lang]
    assert f", {cell}: " in said and by_done.removeprefix("Error: ") in said, said
    assert snapshot(quarter.db) == before
    on_time = tmp_path / "BTC-dung.xlsx"
    _fill(folder / "BTC.xlsx", on_time, "Chủ trì", {2: {DONE: dt.date(2022, 9, 8)}})
    quarter.ok("--lang", lang, "pack", "in", str(on_time), "--date", "2022-09-12")
    assert quarter.json("show", "2")["completed_on"] == "2022-09-08"
    assert quarter.json("show", "2", "--as-of", "2022-09-05")["completed_on"] == "2022-09-01"


def test_pack_in_refuses_an_act_before_an_occurrence_was_issued(cli: Cli, tmp_path: Path) -> None:
    """As `done`: a unit's workbook saying "done on 25/8" for the September occurrence of a
    monthly duty (issued 1/9) is refused, naming the file, sheet, cell and the issue day, and
    nothing is written; done on the issue day it is taken."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "2022-07-05", "--title", "Giao ban quý III")
    cli.ok("assign", str(meeting), "--unit", "BTC", "--every", "month", "--day", "20",
           "--until", "2022-12-31", "Báo cáo tháng")  # fmt: skip
    [september] = [
        d["id"]
        for d in cli.json("list", "--as-of", "2022-09-10")
        if d["series_id"] and d["period"] == "2022-09"
    ]
    folder = tmp_path / "phieu"
    _out(cli, folder)
    early = tmp_path / "BTC-som.xlsx"
    _fill(folder / "BTC.xlsx", early, "Chủ trì", {september: {DONE: dt.date(2022, 8, 25)}})
    before = snapshot(cli.db)
    said = cli.fail("pack", "in", str(early), "--date", "2022-09-12")
    assert said.startswith(f"Error: {early}, sheet 'Chủ trì', cell L"), said
    assert "(Ngày hoàn thành): " in said, said
    assert said.endswith(
        f"the completion date 2022-08-25 of directive {september} is before it was issued "
        "(2022-09-01)"
    ), said
    assert snapshot(cli.db) == before
    on_time = tmp_path / "BTC-dung.xlsx"
    _fill(folder / "BTC.xlsx", on_time, "Chủ trì", {september: {DONE: dt.date(2022, 9, 1)}})
    cli.ok("pack", "in", str(on_time), "--date", "2022-09-12")
    assert cli.json("show", str(september))["completed_on"] == "2022-09-01"


def test_a_completion_answered_counts_as_done_records_it(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """The day that closes a directive, and whether it waits for the office's acceptance, are
    decided for a pack's answer as for `done`: by the result document's date when the unit
    gives one, and by `accept` where the office decides on acceptance."""
    quarter, folder = packed
    back = tmp_path / "BTC-tra-loi.xlsx"
    done_on, doc_on = dt.date(2022, 9, 8), dt.date(2022, 8, 30)
    _fill(
        folder / "BTC.xlsx",
        back,
        "Chủ trì",
        {1: {DONE: done_on, DOC: "7/BC-BTC", DOC_DATE: doc_on}},
    )
    quarter.ok("pack", "in", str(back), "--date", "2022-09-12")
    first = quarter.json("show", "1")  # due 31/8: the document's day is on time, the 8th late
    assert (first["completed_on"], first["status"]) == ("2022-08-30", "done_on_time")
    assert first["result"]["claimed_on"] == "2022-09-08"
    quarter.ok("undo", "--yes")

    quarter.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    quarter.ok("pack", "in", str(back), "--date", "2022-09-12")
    waiting = quarter.json("show", "1", "--as-of", "2022-09-12")
    assert waiting["completed_on"] is None and waiting["status"] == "overdue"
    assert waiting["result"]["claimed_on"] == "2022-09-08"
    quarter.ok("accept", "1", "--date", "2022-09-14")
    assert quarter.json("show", "1")["completed_on"] == "2022-09-14"
    quarter.ok("undo", "--yes")  # the acceptance: the completion waits again

    # A corrected answer with another completion while the first waits: a conflict, which
    # --prefer unit cannot settle (the office answers the first with accept or return).
    again = tmp_path / "BTC-sua.xlsx"
    _fill(folder / "BTC.xlsx", again, "Chủ trì", {1: {DONE: dt.date(2022, 9, 10)}})
    before = snapshot(quarter.db)
    for prefer in ((), ("--prefer", "unit")):
        got = quarter.json("pack", "in", str(again), "--date", "2022-09-12", *prefer)
        [row] = got["files"][0]["rows"]
        assert row["action"] == "conflict"
        assert "2022-09-08" in row["conflict"] and "accept" in row["conflict"]
    assert snapshot(quarter.db) == before
    vi = quarter("--lang", "vi", "pack", "in", str(again), "--date", "2022-09-12")
    assert "đang chờ nghiệm thu hoặc trả lại" in vi.stdout + vi.stderr
    # the table's header in Vietnamese throughout: its sheet column said "Sheet"
    assert vi.stdout.splitlines()[0].split()[:2] == ["Tệp", "Trang"], vi.stdout


def test_a_conflict_is_left_for_the_clerk_then_settled(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    back = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 70, WHY: "Đang triển khai"}})
    quarter.ok("progress", "3", "--note", "Văn phòng đôn đốc", "--date", "2022-09-11")
    left = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    [row] = left["files"][0]["rows"]
    assert row["action"] == "conflict" and "office changed" in row["conflict"]
    assert quarter.json("show", "3")["progress"] is None
    kept = quarter.json("pack", "in", str(back), "--prefer", "office", "--date", "2022-09-12")
    assert kept["files"][0]["rows"][0]["action"] == "kept_office"
    assert quarter.json("show", "3")["progress"] is None
    taken = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-12")
    assert taken["files"][0]["rows"][0]["action"] == "unchanged"  # settled already

    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 80}})
    quarter.ok("progress", "3", "--percent", "90", "--date", "2022-09-11")
    forced = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-12")
    row = forced["files"][0]["rows"][0]
    assert row["action"] == "took_unit" and "less than recorded (90%" in row["conflict"]
    assert quarter.json("show", "3")["progress"] == 80

    # Less than the store's progress on the answer's day, not than a percentage entered for a
    # later day (95 on 20/9 made an answer of 85 on 12/9 'less than recorded (95%').
    quarter.ok("progress", "3", "--percent", "95", "--date", "2022-09-20")
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 85}})
    later = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-12")
    row = later["files"][0]["rows"][0]
    assert "less than recorded" not in row.get("conflict", ""), row
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 75}})
    less = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-12")
    row = less["files"][0]["rows"][0]
    assert "less than recorded (85%" in row["conflict"], row


def test_the_hint_after_prefer_unit_names_what_is_left_to_try(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """A conflict --prefer unit cannot settle (an answer on a directive completed since) was
    followed by 'read the file again with --prefer office or --prefer unit', the very option
    just given."""
    quarter, folder = packed
    back = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 70, WHY: "Đang triển khai"}})
    quarter.ok("done", "3", "--date", "2022-09-11")
    plain = quarter("pack", "in", str(back), "--date", "2022-09-12")
    assert plain.exit_code == 0, plain.stderr
    assert plain.stderr.splitlines()[-1].endswith("with --prefer office or --prefer unit")
    for lang, hint in (
        ("en", "settle them by hand, or read the file again with --prefer office"),
        ("vi", "xử lý thủ công, hoặc đọc lại tệp với --prefer office"),
    ):
        forced = quarter("--lang", lang, "pack", "in", str(back), "--prefer", "unit")
        assert forced.exit_code == 0, forced.stderr
        last = forced.stderr.splitlines()[-1]
        assert last.endswith(hint) and "--prefer unit" in last  # named as what cannot settle
        assert not last.endswith("--prefer unit")
    got = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-12")
    assert got["files"][0]["rows"][0]["action"] == "conflict"
    shown = quarter.json("show", "3")
    assert (shown["status"], shown["progress"]) == ("done_on_time", 100)


def test_a_lead_unit_corrected_since_the_pack_was_made_is_kept(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """The pack was made for SYT; `edit directive --unit` moved directive 3 to VPTU since. The
    answer comes back by the directive's id, never by unit and key: it makes no second
    directive, the corrected unit stays, and the answer is the office's conflict (the edit is
    a change the office made since), left for the clerk unless --prefer unit takes it."""
    quarter, folder = packed
    quarter.ok("edit", "directive", "3", "--unit", "VPTU")
    count = len(quarter.json("list"))
    back = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 70, WHY: "Đang triển khai"}})
    left = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    [row] = left["files"][0]["rows"]
    assert row["action"] == "conflict" and "office changed" in row["conflict"]
    taken = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-12")
    assert taken["files"][0]["rows"][0]["action"] == "took_unit"
    shown = quarter.json("show", "3")
    assert (shown["unit"], shown["progress"], len(quarter.json("list"))) == ("VPTU", 70, count)


def test_a_coordinating_units_answer_is_a_note(packed: tuple[Cli, Path], tmp_path: Path) -> None:
    quarter, folder = packed
    back = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", back, "Phối hợp", {1: {11: "Đã góp ý dự thảo"}})
    quarter.ok("pack", "in", str(back), "--date", "2022-09-12")
    shown = quarter.json("show", "1")
    assert shown["completed_on"] is None and shown["progress"] == 40
    assert "Đơn vị phối hợp SYT: Đã góp ý dự thảo" in [h.get("note") for h in shown["history"]]


def _actions(result: Any) -> list[tuple[str, int, str]]:
    return [(f["unit"], r["id"], r["action"]) for f in result["files"] for r in f["rows"]]


def test_other_units_answers_are_no_change_of_the_office(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """Directive 1 is BTC's, SYT coordinates: both answer, in either order, and both go in; a
    change the office makes after them is a conflict for the next answer."""
    quarter, folder = packed
    lead, note = tmp_path / "BTC.xlsx", tmp_path / "SYT.xlsx"
    _fill(folder / "BTC.xlsx", lead, "Chủ trì", {1: {PCT: 60}})
    _fill(folder / "SYT.xlsx", note, "Phối hợp", {1: {11: "Đã góp ý"}})
    first = quarter.json("pack", "in", str(note), str(lead), "--date", "2022-09-12")
    assert _actions(first) == [("SYT", 1, "applied"), ("BTC", 1, "applied")]
    assert quarter.json("show", "1")["progress"] == 60
    quarter.ok("progress", "1", "--note", "Văn phòng đôn đốc", "--date", "2022-09-13")
    _fill(folder / "BTC.xlsx", lead, "Chủ trì", {1: {PCT: 70}})  # a corrected file, later
    again = quarter.json("pack", "in", str(lead), "--date", "2022-09-14")
    assert _actions(again) == [("BTC", 1, "conflict")]
    assert "office changed" in again["files"][0]["rows"][0]["conflict"]


def test_a_dry_run_of_several_files_sees_those_before_it(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """BTC completes directive 1 and SYT, coordinating, writes a note on it: read together, the
    note meets a completed directive, in the rehearsal as in the real reading."""
    quarter, folder = packed
    back = tmp_path / "back"
    back.mkdir()
    _fill(folder / "BTC.xlsx", back / "BTC.xlsx", "Chủ trì", {1: {DONE: dt.date(2022, 9, 5)}})
    _fill(folder / "SYT.xlsx", back / "SYT.xlsx", "Phối hợp", {1: {11: "Đã góp ý"}})
    before = snapshot(quarter.db)
    dry = quarter.json("pack", "in", str(back), "--dry-run", "--date", "2022-09-12")
    assert snapshot(quarter.db) == before
    real = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    assert _actions(dry) == _actions(real) == [("BTC", 1, "applied"), ("SYT", 1, "conflict")]
    assert "completed on 2022-09-05" in real["files"][1]["rows"][0]["conflict"]


def test_what_becomes_of_a_new_deadline_asked_is_said_by_the_rows_action(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    back = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 50, ASK: "30/11/2022", ASK_WHY: "Chờ"}})

    def said(*more: str) -> tuple[str, str]:
        result = quarter("pack", "in", str(back), "--date", "2022-09-12", *more)
        assert result.exit_code == 0, result.stderr
        return " ".join(result.stdout.split()), " ".join(result.stderr.split())

    out, summary = said("--dry-run")
    assert "asks for a new deadline: 2022-11-30 (would be recorded as a request)" in out
    assert " to apply " in out and " applied " not in out  # what a dry run would do
    # the counts of 0 left out: no "conflicts: 0; to keep as the office has them: 0"
    assert "SYT.xlsx (SYT): to apply: 1 (dry run: nothing written)" in summary
    quarter.ok("progress", "3", "--note", "Văn phòng đôn đốc", "--date", "2022-09-11")
    out, summary = said()
    assert "CONFLICT" in out and "2022-11-30 (not recorded)" in out
    assert "SYT.xlsx (SYT): conflicts left: 1 conflicts are" in summary
    assert quarter.json("requests") == []
    status = {u["code"]: u for u in quarter.json("pack", "status", *QUARTER)["units"]}
    assert (status["SYT"]["items"], status["SYT"]["items_answered"]) == (2, 1)  # answered
    out, summary = said("--prefer", "office")
    assert "office kept" in out and "2022-11-30 (not recorded)" in out
    assert "SYT.xlsx (SYT): kept as the office has them: 1" in summary
    assert quarter.json("requests") == []


@pytest.mark.parametrize("pending", [False, True])
def test_a_deadline_asked_earlier_than_the_one_in_force_is_refused_naming_the_cell(
    packed: tuple[Cli, Path], tmp_path: Path, pending: bool
) -> None:
    """A new deadline asked for that is not after the one in force (even 1900-01-01) was a
    conflict, not recorded, when another request waited for an answer, and refused as a bad
    answer otherwise: refused either way, naming the file, sheet and cell, nothing written."""
    quarter, folder = packed
    if pending:
        quarter.ok(
            "request", "extend", "3", "--to", "30/11/2022", "--reason", "Chờ", "--date", "11/9/2022"
        )
    back = tmp_path / "SYT.xlsx"
    for asked in ("1/1/1900", "15/10/2022"):  # before, and the very deadline in force
        _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {ASK: asked, ASK_WHY: "Chờ"}})
        before = snapshot(quarter.db)
        for more in ([], ["--dry-run"], ["--prefer", "unit"], ["--prefer", "office"]):
            said = quarter.fail("pack", "in", str(back), "--date", "2022-09-12", *more)
            where = "sheet 'Chủ trì', cell P7 (Đề nghị gia hạn đến)"
            assert said.startswith(f"Error: {back}, {where}: "), said
            assert "is not after the one in force (2022-10-15)" in said, said
            assert snapshot(quarter.db) == before
        vi = quarter.fail("--lang", "vi", "pack", "in", str(back), "--date", "2022-09-12")
        assert (
            f"{back}, trang tính 'Chủ trì', ô P7 (Đề nghị gia hạn đến): " in vi
            and "(15/10/2022)" in vi
        ), vi
    assert len(quarter.json("requests")) == int(pending)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "SYT.xlsx (SYT): no answer filled in\n"),
        ("vi", "SYT.xlsx (SYT): đơn vị chưa điền nội dung báo cáo nào\n"),
    ],
)
def test_a_pack_returned_blank_says_so_with_no_count_of_0(
    packed: tuple[Cli, Path], lang: str, said: str
) -> None:
    """A pack sent back as it went out said 'applied: 0; conflicts left: 0; kept as the office
    has them: 0; already in: 0'."""
    quarter, folder = packed
    for dry in ([], ["--dry-run"]):
        result = quarter("--lang", lang, "pack", "in", str(folder / "SYT.xlsx"), *dry)
        assert result.exit_code == 0 and result.stderr == said, result.stderr


def test_an_answer_on_a_withdrawn_directive_is_a_conflict(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    request = quarter.id(
        "request", "withdraw", "2", "--reason", "Không còn phù hợp", "--date", "2022-09-11"
    )
    quarter.ok("approve", str(request), "--date", "2022-09-11")
    back = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {1: {PCT: 50}, 2: {PCT: 60}})
    result = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    assert _actions(result) == [("BTC", 1, "applied"), ("BTC", 2, "conflict")]
    assert "withdrawn from the programme on 2022-09-11" in result["files"][0]["rows"][1]["conflict"]
    forced = quarter.json("pack", "in", str(back), "--date", "2022-09-12", "--prefer", "unit")
    assert _actions(forced)[1] == ("BTC", 2, "conflict")  # nothing can be added to it
    assert quarter.json("show", "2")["progress"] is None


def test_an_answer_on_a_directive_deleted_since_says_so_and_how_to_read_the_file(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """Deleting a directive takes its pack item along: its row was refused as one the unit had
    added ('a row that is not in the pack'), a locked row the unit cannot remove."""
    quarter, folder = packed
    back = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {1: {PCT: 50}, 2: {PCT: 60}})
    quarter.ok("delete", "directive", "2", "--yes")
    before = snapshot(quarter.db)
    said = quarter.fail("pack", "in", str(back), "--date", "2022-09-12")
    assert "row 8: directive 2 is no longer in the register (deleted after the pack" in said, said
    assert "undo the deletion" in said and "not in the pack" not in said
    vi = quarter.fail("--lang", "vi", "pack", "in", str(back), "--date", "2022-09-12")
    assert "nhiệm vụ 2 không còn trong cơ sở dữ liệu" in vi, vi
    assert snapshot(quarter.db) == before
    quarter.ok("undo", "--yes")  # what the message says: undo, read, delete again
    result = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    assert _actions(result) == [("BTC", 1, "applied"), ("BTC", 2, "applied")]


def test_extend_from_request_grants_what_the_pack_asked(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    back = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {2: {PCT: 60, ASK: "31/10/2022", ASK_WHY: "Chờ"}})
    quarter.ok("pack", "in", str(back), "--date", "2022-09-12")
    assert "request 1 is not a request for a new deadline of directive 3" in quarter.fail(
        "extend", "3", "--from-request", "1"
    )
    assert "no request with id 9" in quarter.fail("extend", "2", "--from-request", "9")
    for wrong in (("--to", "2022-12-31"), ("--reason", "Đồng ý")):
        assert "--from-request" in quarter.fail(
            "extend", "2", "--from-request", "1", *wrong, code=2
        )
    quarter.fail("extend", "2", code=2)
    quarter.ok("extend", "2", "--from-request", "1", "--date", "2022-09-14")
    shown = quarter.json("show", "2", "--as-of", "2022-09-14")
    [granted] = quarter.json("requests", "--as-of", "2022-09-14")
    assert shown["due"] == "2022-10-31" and granted["status"] == "approved"
    assert "already approved" in quarter.fail("extend", "2", "--from-request", "1")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            ("Chủ trì", 3, 3, "Nội dung khác"),
            "cell C7 (Nội dung nhiệm vụ): a locked cell was changed",
        ),
        (("Chủ trì", 3, 8, dt.date(2023, 1, 1)), "cell H7 (Thời hạn): a locked cell was changed"),
        (("Chủ trì", 3, 19, "0" * 32), "cell S7 (_base): a locked cell was changed"),
        (
            ("Chủ trì", 3, PCT, 120),
            "cell K7 (Tiến độ (%)): 120 is not a whole number from 0 to 100",
        ),
        (("Chủ trì", 3, PCT, "nhiều"), "cell K7 (Tiến độ (%)): 'nhiều' is not a whole number"),
        # a formula a program wrote, never computed: it read as an empty cell, nothing applied
        (("Chủ trì", 3, PCT, "=20+20"), "cell K7 of sheet 'Chủ trì' holds a formula (=20+20)"),
        (("Chủ trì", 3, DONE, "32/9/2022"), "cell L7 (Ngày hoàn thành): '32/9/2022' is not a date"),
        (("Chủ trì", 3, DONE, dt.date(2022, 12, 1)), "after the day the answer came in"),
        # a word for today, read as the day of `pack in`: done on whichever day the office
        # got round to reading the workbook
        (
            ("Chủ trì", 3, DONE, "hôm nay"),
            "cell L7 (Ngày hoàn thành): 'hôm nay' names no day in a file, which is read on "
            "another day than it was written",
        ),
        (("Chủ trì", 3, DONE, "Today"), "cell L7 (Ngày hoàn thành): 'Today' names no day"),
        # a date of a year dirtrack does not take: it said "'9999-01-01' is not a date"
        (
            ("Chủ trì", 3, DONE, dt.date(9999, 1, 1)),
            "cell L7 (Ngày hoàn thành): '9999-01-01': dirtrack takes dates from the year 1900",
        ),
        (("Chủ trì", 3, 2, 99), "row 7: a row that is not in the pack (ID 99)"),
        # its ID cleared: it said "(ID None)"
        (("Chủ trì", 3, 2, ""), "row 7: a row that is not in the pack (without an ID)"),
        (("Phối hợp", 1, 2, None), "the row of directive 1 was deleted"),
        (
            ("_dirtrack", None, None, None),
            "the hidden sheet of unit SYT's pack was changed: its unit",
        ),
    ],
)
def test_a_tampered_or_mistyped_workbook_is_one_error_and_nothing_written(
    packed: tuple[Cli, Path], tmp_path: Path, change: tuple[str, Any, Any, Any], words: str
) -> None:
    quarter, folder = packed
    bad = tmp_path / "SYT.xlsx"
    sheet, ident, col, value = change
    book = load_workbook(folder / "SYT.xlsx")
    if sheet == "_dirtrack":
        book[sheet]["B4"] = "BTC"
    elif col == 2 and value is None:
        for row in range(7, book[sheet].max_row + 1):
            if book[sheet].cell(row, 2).value == ident:
                for c in range(1, 20):
                    book[sheet].cell(row, c).value = None
    else:
        ws = book[sheet]
        for row in range(7, ws.max_row + 1):
            if ws.cell(row, 2).value == ident:
                ws.cell(row, col).value = value
    book.save(bad)
    before = file_digest(Path(quarter.db))
    message = quarter.fail("pack", "in", str(bad), "--date", "2022-09-12")
    assert words in message and "SYT.xlsx" in message
    # in Vietnamese, where it is says so in Vietnamese too ("trang tính", not "sheet")
    vi = quarter.fail("--lang", "vi", "pack", "in", str(bad), "--date", "2022-09-12")
    assert " sheet " not in vi and " cell " not in vi and " row " not in vi, vi
    assert file_digest(Path(quarter.db)) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_cell_of_the_wrong_kind_is_refused_naming_the_cell_that_holds_it(
    packed: tuple[Cli, Path], tmp_path: Path, lang: str
) -> None:
    """What a unit's Excel can put in a cell that is not what the column asks: a number below 1
    in a date cell (0, -5: Excel shows a time or ########), which was quoted as '00:00:00' "is
    not a date"; a checkbox or TRUE in a text cell, which was stored as the text "True"; an ID
    typed over with another row's, which was named by the row's STT cell (A7), untouched. Each
    is one Error naming the cell that holds it, nothing written."""
    quarter, folder = packed
    bad = tmp_path / "BTC.xlsx"
    words = {
        "en": (
            "the cell holds a number below 1 in a date format, which names no day (Excel "
            "shows it as a time or as ########): type the date, such as 20/9/2022",
            "the cell holds the yes/no value TRUE (a checkbox, or TRUE or FALSE typed), not a "
            "text: type the text itself",
            "a locked cell was changed; only the yellow cells are the unit's",
        ),
        "vi": (
            "ô chứa một số nhỏ hơn 1 ở định dạng ngày, không chỉ ngày nào (Excel hiện nó "
            "thành giờ hoặc ########): hãy gõ ngày, chẳng hạn 20/9/2022",
            "ô chứa giá trị đúng/sai TRUE (một ô đánh dấu, hoặc gõ TRUE hay FALSE), không "
            "phải văn bản: hãy gõ chính văn bản",
            "ô đã khóa bị sửa; đơn vị chỉ được điền các ô nền vàng",
        ),
    }[lang]
    where = {"en": "sheet 'Chủ trì', cell", "vi": "trang tính 'Chủ trì', ô"}[lang]
    before = file_digest(Path(quarter.db))
    for answers, cell, said in (
        ({1: {DONE: -5}}, "L7 (Ngày hoàn thành)", words[0]),
        ({2: {DOC_DATE: 0}}, "N8 (Ngày văn bản kết quả)", words[0]),
        ({1: {DOC: True}}, "M7 (Số văn bản kết quả)", words[1]),
        ({1: {2: 2}}, "B7 (ID)", words[2]),
    ):
        _fill(folder / "BTC.xlsx", bad, "Chủ trì", answers)
        message = quarter.fail("--lang", lang, "pack", "in", str(bad), "--date", "2022-09-12")
        assert message == f"Error: {bad}, {where} {cell}: {said}", message
    assert file_digest(Path(quarter.db)) == before


def test_a_formula_never_computed_refuses_its_file_whole_and_says_what_to_do(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """A workbook a program filled (openpyxl: formulas written, never calculated) with one
    formula among good answers: that file is refused whole, naming its sheet and cell and
    saying to open and save it in Excel or LibreOffice (its good row is not applied: a file is
    one transaction, README); the other files of the same `pack in` still go in."""
    quarter, folder = packed
    btc, syt = tmp_path / "BTC.xlsx", tmp_path / "SYT.xlsx"
    _fill(folder / "BTC.xlsx", btc, "Chủ trì", {1: {PCT: 70}, 2: {PCT: "=20+20"}})
    _fill(folder / "SYT.xlsx", syt, "Chủ trì", {3: {PCT: 50}})
    before = snapshot(quarter.db)
    said = quarter.fail("--lang", "en", "pack", "in", str(btc), "--date", "2022-09-12")
    assert said == (
        f"Error: {btc}: cell K8 of sheet 'Chủ trì' holds a formula (=20+20) whose value was "
        "never saved; open the file in Excel or LibreOffice, save it again and import that"
    )
    said = quarter.fail("--lang", "vi", "pack", "in", str(btc), "--date", "2022-09-12")
    assert said == (
        f"Error: {btc}: ô K8 của trang 'Chủ trì' có công thức (=20+20) chưa từng được tính và "
        "lưu giá trị; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập tệp đó"
    )
    assert snapshot(quarter.db) == before
    both = quarter("--lang", "en", "pack", "in", str(btc), str(syt), "--date", "2022-09-12")
    assert both.exit_code == 1
    [error] = [line for line in both.stderr.splitlines() if line.startswith("Error:")]
    assert f"{btc}: cell K8 of sheet 'Chủ trì' holds a formula (=20+20)" in error, error
    assert quarter.json("show", "3")["progress"] == 50
    assert quarter.json("show", "1")["progress"] == 40  # BTC's good row: not applied
    assert quarter.json("show", "2")["progress"] is None


def _progress_typed(folder: Path, tmp_path: Path, value: Any, number_format: str) -> Path:
    """BTC's workbook with directive 2's progress cell holding ``value`` in ``number_format``,
    as a unit's clerk types it, saved apart: its path."""
    back = tmp_path / "BTC.xlsx"
    book = load_workbook(folder / "BTC.xlsx")
    ws = book["Chủ trì"]
    for row in range(7, ws.max_row + 1):
        if ws.cell(row, 2).value == 2:
            ws.cell(row, PCT).value = value
            ws.cell(row, PCT).number_format = number_format
    book.save(back)
    return back


@pytest.mark.parametrize(
    ("value", "number_format", "recorded"),
    [
        # typed "100%" in Excel or LibreOffice: the cell holds 1 in a percentage format, which the
        # column's validation (whole numbers 0-100) lets through; it was recorded as 1%
        (1, "0%", 100),
        (0.7, "0%", 70),
        (0.29, "0.00%", 29),  # 28.999999999999996 percent as a float
        (45, "0", 45),
        (1, "0", 1),
        (1, '0"%"', 1),  # a % written after the number: 1 is shown 1%
        ("70%", "@", 70),
        ("70", "@", 70),
        ("70,0", "@", 70),
        # digits as typed options and dates read them: an IME's full-width, another script's
        ("\uff17\uff10\uff05", "@", 70),
        ("\u0663\u0660", "@", 30),
    ],
)
def test_a_percentage_is_read_as_the_cell_shows_it(
    packed: tuple[Cli, Path], tmp_path: Path, value: Any, number_format: str, recorded: int
) -> None:
    quarter, folder = packed
    back = _progress_typed(folder, tmp_path, value, number_format)
    quarter.ok("pack", "in", str(back), "--date", "2022-09-12")
    assert quarter.json("show", "2")["progress"] == recorded


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (0.705, "0.0%", "'70.5%'"),  # a percentage with a fraction, as shown
        (1.5, "0%", "'150%'"),
        # a thousands group: one thousand to a Vietnamese reader, 1 to an English one; was 1%
        ("1.000", "@", "'1.000'"),
        ("1,000", "@", "'1,000'"),
        ("1e2", "@", "'1e2'"),  # was 100%
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_percentage_that_reads_two_ways_is_refused(
    packed: tuple[Cli, Path],
    tmp_path: Path,
    value: Any,
    number_format: str,
    shown: str,
    lang: str,
) -> None:
    quarter, folder = packed
    back = _progress_typed(folder, tmp_path, value, number_format)
    before = file_digest(Path(quarter.db))
    said = quarter.fail("--lang", lang, "pack", "in", str(back), "--date", "2022-09-12")
    assert f"K8 (Tiến độ (%)): {shown} " in said, said
    assert file_digest(Path(quarter.db)) == before


def test_a_refused_file_does_not_stop_the_others(packed: tuple[Cli, Path], tmp_path: Path) -> None:
    quarter, folder = packed
    good = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", good, "Chủ trì", {2: {PCT: 50}})
    bad = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", bad, "Chủ trì", {3: {PCT: "năm mươi"}})
    result = quarter("pack", "in", str(bad), str(good), "--date", "2022-09-12")
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert [line for line in lines if line.startswith("Error:")] == [lines[-1]]
    assert "SYT.xlsx, sheet 'Chủ trì', cell K7 (Tiến độ (%)): 'năm mươi'" in lines[-1]
    assert quarter.json("show", "2")["progress"] == 50  # the good file went in whole
    answered = {u["code"]: u["answered"] for u in quarter.json("pack", "status", *QUARTER)["units"]}
    assert answered == {"BTC": "2022-09-12", "SYT": None, "VPTU": None}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_pack_in_whose_output_cannot_be_written_says_the_files_went_in(
    packed: tuple[Cli, Path], tmp_path: Path, lang: str
) -> None:
    """`pack in` commits each file before it prints: on a full disk it said only 'cannot write
    standard output' and exit 1, with the answers recorded. The one error line says they were,
    which files, and that reading them again changes nothing."""
    from tests.conftest import program

    quarter, folder = packed
    good = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", good, "Chủ trì", {2: {PCT: 50}})
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [program(forked=True), "--db", quarter.db, "--lang", lang, "pack", "in", str(good),
             "--date", "2022-09-12"],
            stdout=full, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
    said = done.stderr.decode().strip().splitlines()
    assert done.returncode == 1 and len(said) == 1, said
    words = {
        "en": "Error: cannot write standard output: the disk is full; the answers were recorded "
        "all the same, each file in its own transaction: BTC.xlsx (history shows them; reading "
        "them again changes nothing)",
        "vi": "dù vậy, báo cáo của đơn vị trong các tệp vẫn đã được ghi, mỗi tệp trong một giao "
        "dịch riêng: BTC.xlsx (xem bằng lệnh history; đọc lại các tệp này không làm thay đổi gì)",
    }
    assert words[lang] in said[0]
    assert quarter.json("show", "2")["progress"] == 50
    again = quarter.json("pack", "in", str(good), "--date", "2022-09-12")
    assert again["files"][0]["applied"] == 0
    assert quarter.json("show", "2")["progress"] == 50


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ({STATE: "Xong rồi"}, "cell R7 (Tình hình thực hiện): 'Xong rồi' is not one of the list"),
        ({STATE: "Đã hoàn thành", PCT: 100}, "needs the day it was completed"),
        (
            {STATE: "đang thực hiện", DONE: dt.date(2022, 9, 5)},
            "the state to choose is 'Đã hoàn thành'",
        ),
        ({STATE: "Chưa thực hiện", PCT: 30}, "'Chưa thực hiện' beside progress of 30%"),
        ({STATE: "Đề nghị gia hạn", PCT: 50}, "needs the date asked for (Đề nghị gia hạn đến)"),
        ({ASK: dt.date(2022, 11, 30)}, "cell Q7 (Lý do gia hạn): a new deadline asked for needs"),
        # A day the store refuses, named by its cell as a value typed wrong is.
        (
            {DONE: dt.date(2022, 6, 1)},
            "cell L7 (Ngày hoàn thành): completion date 2022-06-01 is before the meeting",
        ),
        (
            {DONE: dt.date(2022, 9, 8), DOC: "số ba"},
            "cell M7 (Số văn bản kết quả): 'số ba' is not a document number",
        ),
        # the same number without a completion day went into a progress note as written
        # ('Văn bản kết quả số ???'): it is read the one way, with or without a completion
        ({DOC: "???"}, "cell M7 (Số văn bản kết quả): '???' is not a document number"),
        ({DOC: "số ba", PCT: 40}, "cell M7 (Số văn bản kết quả): 'số ba' is not a document"),
        # Not after the deadline in force (15/10, extended): `request extend` refuses it too.
        (
            {ASK: dt.date(2022, 10, 1), ASK_WHY: "Chờ"},
            "cell P7 (Đề nghị gia hạn đến): the deadline asked for (2022-10-01) is not after",
        ),
    ],
)
def test_the_state_and_the_request_agree_with_the_cells_beside_them(
    packed: tuple[Cli, Path], tmp_path: Path, answers: dict[int, Any], words: str
) -> None:
    quarter, folder = packed
    bad = tmp_path / "SYT.xlsx"
    _fill(folder / "SYT.xlsx", bad, "Chủ trì", {3: answers})
    before = file_digest(Path(quarter.db))
    message = quarter.fail("pack", "in", str(bad), "--date", "2022-09-12")
    assert words in message and "SYT.xlsx" in message
    assert file_digest(Path(quarter.db)) == before


def test_the_state_column_and_a_request_in_a_pack(packed: tuple[Cli, Path], tmp_path: Path) -> None:
    quarter, folder = packed
    back = tmp_path / "SYT.xlsx"
    _fill(
        folder / "SYT.xlsx",
        back,
        "Chủ trì",  # accents and case as a unit may paste them; the reason from Giải trình
        {3: {STATE: "DANG THUC HIEN", PCT: 70, ASK: "30/11/2022", WHY: "Chờ kinh phí"}},
    )
    _fill(back, back, "Phối hợp", {1: {11: "Đã góp ý", 12: "Đã hoàn thành"}})
    done = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    assert done["files"][0]["requests"] == [1]
    [asked] = quarter.json("requests")
    assert (asked["directive_id"], asked["to"], asked["reason"]) == (
        3,
        "2022-11-30",
        "Chờ kinh phí",
    )
    shown = quarter.json("show", "3")
    assert shown["progress"] == 70 and shown["due"] == "2022-10-15"
    events = [(h["event"], h.get("note")) for h in shown["history"]]
    assert events[-2:] == [
        ("progress", "Tình hình thực hiện: Đang thực hiện; Giải trình: Chờ kinh phí"),
        ("request_extend", "Chờ kinh phí"),
    ]
    lead = [h.get("note") for h in quarter.json("show", "1")["history"] if h.get("note")]
    assert lead[-1] == "Đơn vị phối hợp SYT (Đã hoàn thành): Đã góp ý"

    # The office rejects it; a corrected file asking the same day does not ask it again, one
    # asking another day does: a request waiting for an answer is a conflict instead.
    quarter.ok("reject", "1", "--reason", "Không đủ căn cứ", "--date", "2022-09-13")
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 75, ASK: "30/11/2022", WHY: "Chờ"}})
    again = quarter.json("pack", "in", str(back), "--date", "2022-09-14")
    assert again["files"][0]["requests"] == [] and len(quarter.json("requests")) == 1
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 80, ASK: "15/12/2022", WHY: "Chờ"}})
    quarter.ok("pack", "in", str(back), "--date", "2022-09-15")
    assert [r["status"] for r in quarter.json("requests")] == ["rejected", "pending"]
    _fill(folder / "SYT.xlsx", back, "Chủ trì", {3: {PCT: 85, ASK: "20/12/2022", WHY: "Chờ"}})
    left = quarter.json("pack", "in", str(back), "--prefer", "unit", "--date", "2022-09-16")
    [row] = left["files"][0]["rows"]
    assert row["action"] == "conflict" and "request 2 for another new deadline" in row["conflict"]
    assert quarter.json("show", "3")["progress"] == 80


def test_a_unit_that_coordinates_nothing_gets_no_empty_sheet(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """BTC leads two directives and coordinates none: its pack had a «Phối hợp» sheet of
    nothing but its header, which printed as a blank page. Now the sheet is left out, the
    guide says why, and the pack is taken back as before; a pack made with the sheet still
    needs it."""
    quarter, folder = packed
    book = load_workbook(folder / "BTC.xlsx")
    assert book.sheetnames == ["Hướng dẫn", "Chủ trì", "_dirtrack"]
    meta = {row[0]: row[1] for row in book["_dirtrack"].iter_rows(values_only=True)}
    assert meta["sheets"] == "lead"
    guide = [str(c.value) for c in book["Hướng dẫn"]["A"] if c.value]
    assert guide[guide.index("Hướng dẫn điền phiếu") + 1] == (
        "1. Sheet «Chủ trì» liệt kê các nhiệm vụ đơn vị được giao chủ trì. Trong kỳ báo cáo, "
        "đơn vị không tham gia phối hợp nhiệm vụ nào nên phiếu không có sheet «Phối hợp»."
    )
    # Nothing further of the missing sheet's columns, and the lines numbered one after another.
    steps = guide[guide.index("Hướng dẫn điền phiếu") + 1 :]
    assert [line.split(".")[0] for line in steps] == [str(n) for n in range(1, len(steps) + 1)]
    assert not any("Kết quả phối hợp" in line or "Tình hình phối hợp" in line for line in steps)
    assert any("«Tình hình thực hiện»" in line for line in steps)
    both = load_workbook(folder / "SYT.xlsx")  # leads one, coordinates one: both sheets
    assert both.sheetnames == ["Hướng dẫn", "Chủ trì", "Phối hợp", "_dirtrack"]
    assert {r[0]: r[1] for r in both["_dirtrack"].iter_rows(values_only=True)}["sheets"] == (
        "lead,with"
    )
    guide = [str(c.value) for c in both["Hướng dẫn"]["A"] if c.value]
    assert guide[guide.index("Hướng dẫn điền phiếu") + 1].endswith("tham gia phối hợp.")
    steps = guide[guide.index("Hướng dẫn điền phiếu") + 1 :]
    assert len(steps) == 8 and any("«Kết quả phối hợp»" in line for line in steps)

    back = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {2: {PCT: 50}})
    done = quarter.json("pack", "in", str(back), "--date", "2022-09-12")
    assert done["files"][0]["applied"] == 1 and quarter.json("show", "2")["progress"] == 50
    # SYT's pack was made with the sheet: without it, it is refused, nothing recorded.
    cut = tmp_path / "SYT.xlsx"
    both.remove(both["Phối hợp"])
    both.save(cut)
    before = snapshot(quarter.db)
    assert "the sheet 'Phối hợp' is missing" in quarter.fail("pack", "in", str(cut))
    assert snapshot(quarter.db) == before


def test_a_pack_of_the_first_layout_still_reads(packed: tuple[Cli, Path], tmp_path: Path) -> None:
    """Workbooks sent before the state column was added (layout 1) are still taken back."""
    quarter, folder = packed
    old = tmp_path / "BTC.xlsx"
    book = load_workbook(folder / "BTC.xlsx")
    for name in ("Chủ trì", "Phối hợp"):
        if name not in book.sheetnames:  # BTC coordinates nothing: no sheet of it
            continue
        ws = book[name]
        ws.delete_cols(STATE if name == "Chủ trì" else 12)
    book["_dirtrack"]["B2"] = "1"
    book["Chủ trì"]["K8"] = 55
    book.save(old)
    done = quarter.json("pack", "in", str(old), "--date", "2022-09-12")
    assert done["files"][0]["applied"] == 1 and quarter.json("show", "2")["progress"] == 55


def test_the_report_shows_who_answered_in_every_format(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    back = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {2: {PCT: 50}})
    quarter.ok("pack", "in", str(back), "--date", "2022-09-12")
    report = ("report", *QUARTER, "--as-of", "2022-09-25")
    md = quarter.ok(*report, "--format", "md")
    assert "### Units' answers to the report packs" in md
    assert "| BTC | 2022-09-10 |  | 2022-09-20 | 2022-09-12 | on time | 1/2 |" in md
    assert "| SYT | 2022-09-10 |  | 2022-09-20 |  | not answered, past the day asked | 0/2 |" in md
    # No clause of a count of 0 ("0 late"), nor "0 sent by mail".
    assert (
        "Packs made for 3 units: 1 answered (on time); 2 not answered past the day asked "
        "(SYT, VPTU)." in md
    )
    vi = quarter.ok("--lang", "vi", *report, "--format", "md")
    assert "| BTC | 10/09/2022 |  | 20/09/2022 | 12/09/2022 | đúng hạn | 1/2 |" in vi
    assert "2 đơn vị quá hạn chưa báo cáo (SYT, VPTU)" in vi
    # As of a day before the answer came in, and before the packs were made.
    earlier = quarter.json("report", *QUARTER, "--as-of", "2022-09-11")["packs"]
    assert [(u["code"], u["answered"], u["on_time"]) for u in earlier][0] == ("BTC", None, None)
    assert quarter.json("report", *QUARTER, "--as-of", "2022-09-09")["packs"] == []
    assert "report packs" in quarter.ok(*report)  # the terminal's table
    quarter.ok("--lang", "vi", *report, "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"))
    sheet = load_workbook(tmp_path / "r.xlsx")["Phiếu báo cáo"]
    assert [c.value for c in sheet[2]][0::5] == ["Ban Tổ chức Tỉnh ủy", "đúng hạn"]
    plain = quarter.ok(*report, "--format", "md", "--unit", "SYT")  # the units in scope only
    assert "| SYT |" in plain and "| BTC | 2022-09-10" not in plain


def test_not_a_pack_or_another_databases_pack(quarter: Cli, tmp_path: Path) -> None:
    text = tmp_path / "x.xlsx"
    text.write_text("không phải tệp Excel", encoding="utf-8")
    assert "not an Excel workbook" in quarter.fail("pack", "in", str(text))
    from openpyxl import Workbook

    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    assert "not a pack made by dirtrack pack out" in quarter.fail("pack", "in", str(plain))
    other = Cli(db=str(tmp_path / "other.db"), runner=quarter.runner)
    other.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = other.id("add-meeting", "--date", "2022-07-01", "--title", "Họp")
    other.ok("assign", str(meeting), "--unit", "BTC", "--due", "2022-08-01", "Việc")
    other.ok("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "khac"))
    message = quarter.fail("pack", "in", str(tmp_path / "khac" / "BTC.xlsx"))
    assert "not a pack of this database" in message
    vi = quarter.fail("--lang", "vi", "pack", "in", str(tmp_path / "khac"))
    assert vi.startswith("Error: ") and "không phải phiếu của cơ sở dữ liệu này" in vi


def test_a_large_file_that_is_no_zip_is_no_pack_at_once(quarter: Cli, tmp_path: Path) -> None:
    """calamine took the whole file in memory and tried each format it reads on it: 2 GB of
    nothing (a sparse file, no room on the disk) named .xlsx took 6 GB and a minute."""
    big = tmp_path / "SYT.xlsx"
    with big.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    assert "not an Excel workbook" in quarter.fail("pack", "in", str(big))


# --- mail --------------------------------------------------------------------------------------


class Inbox:
    """An aiosmtpd handler that keeps what arrives and refuses the addresses it is told to."""

    def __init__(self, refuse: tuple[str, ...] = ()) -> None:
        self.refuse = refuse
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(request: pytest.FixtureRequest) -> Iterator[tuple[Inbox, int]]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    # the addresses to refuse, or {"smtputf8": False}, {"auth": False}
    param = getattr(request, "param", ())
    smtputf8 = param.get("smtputf8", True) if isinstance(param, dict) else True
    auth = param.get("auth", True) if isinstance(param, dict) else True
    inbox = Inbox(() if isinstance(param, dict) else param)

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            b"vanthu",
            b"s3cret",
        )
        return AuthResult(success=ok, handled=False)

    port = _free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticate,
        auth_require_tls=not auth,  # AUTH offered only over TLS, which this server has not
        enable_SMTPUTF8=smtputf8,
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _mail_config(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    port: int,
    *,
    security: str = "none",
    sender: str = "Văn phòng Tỉnh ủy <vp@tinhuy.vn>",
    **more: str,
) -> None:
    """A configuration file whose [mail] is the server on ``port`` (``sender`` as TOML writes
    it inside quotes: ``\\r\\n`` is a line break)."""
    config = tmp_path / "config.toml"
    extra = "".join(f'{k} = "{v}"\n' for k, v in more.items())
    config.write_text(
        f'[mail]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\n'
        f'sender = "{sender}"\n{extra}',
        encoding="utf-8",
    )
    monkeypatch.setenv("DIRTRACK_CONFIG", str(config))


@contextmanager
def _silent_mail_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A [mail] server on localhost that takes connections and never answers (they wait in
    its backlog), with dirtrack's time-out at 1 s."""
    monkeypatch.setattr("dirtrack.mail.TIMEOUT", 1)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        _mail_config(tmp_path, monkeypatch, listener.getsockname()[1])
        yield
    finally:
        listener.close()


def test_a_sender_longer_than_a_mail_server_takes_is_refused(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quarter.ok("unit", "contact", "BTC", "--name", "X", "--email", "a" * 64 + "@btc.vn")
    config = tmp_path / "config.toml"
    config.write_text(f'[mail]\nhost = "x"\nsender = "VP <{"a" * 65}@tinhuy.vn>"\n', "utf-8")
    monkeypatch.setenv("DIRTRACK_CONFIG", str(config))
    assert quarter.fail("config") == (
        f"Error: {config}: mail.sender: an e-mail address has at most 64 bytes before the @ "
        "(RFC 5321; a Vietnamese letter takes 2 or 3), not 65"
    )
    # the rule of a contact's address, the local part too
    config.write_text('[mail]\nhost = "x"\nsender = "VP <v\u0440@tinhuy.vn>"\n', "utf-8")
    assert quarter.fail("--lang", "vi", "config") == (
        f"Error: {config}: mail.sender: 'v\u0440@tinhuy.vn' không phải là địa chỉ thư điện tử: "
        "phần trước dấu @ trộn lẫn các hệ chữ, '\u0440' (U+0440) lẫn giữa các chữ như 'v', nên "
        "trông giống một địa chỉ mà nó không phải"
    )
    config.write_text('[mail]\nhost = "x"\nsender = "VP <vp@tinhu\u0443.vn>"\n', "utf-8")
    assert quarter.fail("config") == (
        f"Error: {config}: mail.sender: 'vp@tinhu\u0443.vn' is not an e-mail address: its domain "
        "mixes scripts, '\u0443' (U+0443) among letters like 't', so that it looks like an "
        "address it is not"
    )


def test_pack_out_mails_each_unit_its_workbook(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, user="vanthu", password_env="PACK_PW")
    monkeypatch.setenv("PACK_PW", "s3cret")
    folder = tmp_path / "phieu"
    result = quarter(
        "pack", "out", *QUARTER, *MADE, "--dir", str(folder), "--mail", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    assert "VPTU: no e-mail address" in result.stderr  # named, its workbook still written
    assert (folder / "VPTU.xlsx").exists()
    by_to = {tuple(rcpt): content for _, rcpt, content in inbox.messages}
    assert set(by_to) == {("an@btc.vn", "binh@btc.vn"), ("chi@syt.vn",)}
    letter = email.message_from_bytes(by_to[("an@btc.vn", "binh@btc.vn")], policy=policy.default)
    assert "Trần Bình <binh@btc.vn>" in str(letter["Cc"])
    assert "quý III/2022" in str(letter["Subject"]) and "Ban Tổ chức Tỉnh ủy" in str(
        letter["Subject"]
    )
    body = letter.get_body(("plain",))
    assert body is not None and "20/09/2022" in body.get_content()
    [attached] = list(letter.iter_attachments())
    assert attached.get_filename() == "BTC.xlsx"
    book = load_workbook(io.BytesIO(attached.get_content()))
    assert book["_dirtrack"]["B4"].value == "BTC"
    status = {u["code"]: u for u in quarter.json("pack", "status", *QUARTER)["units"]}
    assert status["BTC"]["sent"] is not None and status["VPTU"]["sent"] is None
    assert status["BTC"]["sent_to"] == "Nguyễn Văn An <an@btc.vn>"


def test_a_pack_is_sent_on_the_day_it_was_in_the_office(quarter: Cli, tmp_path: Path) -> None:
    """The moment a pack was mailed is kept in UTC; ``pack status --as-of D`` judged it sent
    by that moment's UTC day, so a pack mailed at 06:30 in Hà Nội on 13/9 (23:30 UTC on 12/9)
    was sent as of 12/9. It is the day it was in the office (the ``timezone``)."""
    quarter.ok("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "phieu"))
    with sqlite3.connect(quarter.db) as conn:  # as pack out --mail stores the moment it went
        conn.execute(
            "UPDATE pack SET sent_at = '2022-09-12 23:30:00.000000', sent_to = 'an@btc.vn' "
            "WHERE unit_id = (SELECT id FROM unit WHERE code = 'BTC')"
        )
    conn.close()

    def sent(zone: str, day: str) -> Any:
        found = quarter.json("--timezone", zone, "pack", "status", *QUARTER, "--as-of", day)
        return {u["code"]: u for u in found["units"]}["BTC"]["sent"]

    assert sent("Asia/Ho_Chi_Minh", "2022-09-12") is None
    assert sent("Asia/Ho_Chi_Minh", "2022-09-13") is not None
    assert sent("UTC", "2022-09-12") is not None
    assert sent("America/New_York", "2022-09-12") is not None  # 19:30 on 12/9 there


def test_the_mail_with_a_pack_is_vietnamese_unless_english_is_asked_for(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """The letter and subject of the mail were Vietnamese written in the code, outside the
    catalog: `--lang en` gave them in Vietnamese too. Now they are catalog texts: English under
    --lang en; Vietnamese when the language is not asked for (LANG=C in cron: the unit reads
    it, as it reads the workbook), and under --lang vi, word for word as before."""
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, user="vanthu", password_env="PACK_PW")
    monkeypatch.setenv("PACK_PW", "s3cret")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("DIRTRACK_LANG", raising=False)
    letters = {}
    for run, lang in (("asked-en", ("--lang", "en")), ("asked-vi", ("--lang", "vi")), ("not", ())):
        inbox.messages.clear()
        folder = tmp_path / run
        quarter.ok(*lang, "pack", "out", *QUARTER, *MADE, "--dir", str(folder), "--mail",
                   "--unit", "BTC", "--force")  # fmt: skip
        [(_, _, content)] = inbox.messages
        letter = email.message_from_bytes(content, policy=policy.default)
        body = letter.get_body(("plain",))
        assert body is not None
        letters[run] = (str(letter["Subject"]), body.get_content().replace("\r\n", "\n"))
    subject, body = letters["asked-en"]
    unit = "Ban Tổ chức Tỉnh ủy"
    assert subject == f"Request to report progress on the directives of Q3 2022 – {unit}"
    assert body.startswith("To: Ban Tổ chức Tỉnh ủy\n\nThe office asks your unit"), body
    assert "in Q3 2022, in the attached form (BTC.xlsx: 2 directives it leads)" in body, body
    assert "send it back by 20 September 2022.\n\nYours faithfully.\n" in body, body
    assert letters["not"] == letters["asked-vi"]
    subject, body = letters["not"]
    assert subject == f"Đề nghị báo cáo tiến độ thực hiện nhiệm vụ quý III/2022 – {unit}"
    assert body == (
        "Kính gửi: Ban Tổ chức Tỉnh ủy\n\n"
        "Văn phòng đề nghị đơn vị báo cáo tiến độ thực hiện các nhiệm vụ được giao trong "
        "quý III/2022 theo phiếu đính kèm (BTC.xlsx: 2 nhiệm vụ chủ trì).\n\n"
        "Đơn vị điền vào các ô nền vàng của phiếu (hướng dẫn ở sheet đầu tiên), giữ nguyên "
        "tên tệp và gửi lại chậm nhất ngày 20/09/2022.\n\nTrân trọng./.\n"
    ), body


def test_an_address_stored_before_todays_rule_stops_the_mail_before_it_goes(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """A contact's address an older version stored, which today's rule refuses, was mailed as
    it was: a domain mixing scripts (``btс.vn``, a Cyrillic ``с``) went out as
    ``xn--bt-pmc.vn``, another server. pack out --mail now refuses before anything is written
    or sent, naming the unit, the role and how to set it right (and how many more units have
    one); --dry-run says it too. Typed again, the address is checked and the mail goes."""
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port)
    with sqlite3.connect(quarter.db) as conn:  # as an older version stored them
        conn.execute(
            "UPDATE unit_contact SET email = 'an@bt\u0441.vn' WHERE role = 'focal' "
            "AND unit_id = (SELECT id FROM unit WHERE code = 'BTC')"
        )
        conn.execute(
            "UPDATE unit_contact SET email = 'chi@syt.vn\u200b' "
            "WHERE unit_id = (SELECT id FROM unit WHERE code = 'SYT')"
        )
    conn.close()
    before = snapshot(quarter.db)
    folder = tmp_path / "phieu"
    for dry in ([], ["--dry-run"]):
        message = quarter.fail("pack", "out", *QUARTER, *MADE, "--dir", str(folder), "--mail", *dry)
        assert message == (
            "Error: BTC: the e-mail address of its focal contact, stored by an older version, "
            "is refused today: 'an@bt\u0441.vn' is not an e-mail address: its domain mixes "
            "scripts, '\u0441' (U+0441) among letters like 'b', so that it looks like an address "
            "it is not; dirtrack unit contact BTC --role focal --name NAME --email ADDRESS sets "
            "the right one (and the address of 1 more unit: SYT; dirtrack doctor lists them); no "
            "workbook was written, no mail sent"
        ), message
        assert inbox.messages == [] and not folder.exists()
        assert snapshot(quarter.db) == before
    vi = quarter.fail("--lang", "vi", "pack", "out", *QUARTER, *MADE, "--dir", str(folder),
                      "--mail", "--unit", "BTC")  # fmt: skip
    assert vi.startswith(
        "Error: BTC: địa chỉ thư điện tử của người liên hệ focal, do một phiên bản cũ lưu, nay "
        "không được chấp nhận: 'an@bt\u0441.vn' không phải là địa chỉ thư điện tử"
    ) and vi.endswith("; chưa ghi phiếu nào, chưa gửi thư nào"), vi
    # without --mail the workbooks are written as before; typed again, the mail goes
    quarter.ok("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "tay"))
    quarter.ok("unit", "contact", "BTC", "--name", "Nguyễn Văn An", "--email", "an@btc.vn")
    quarter.ok("unit", "contact", "SYT", "--name", "Lê Chi", "--email", "chi@syt.vn")
    quarter.ok("pack", "out", *QUARTER, *MADE, "--dir", str(folder), "--mail")
    assert sorted(rcpt for _, rcpt, _ in inbox.messages) == [
        ["an@btc.vn", "binh@btc.vn"],
        ["chi@syt.vn"],
    ]


@pytest.mark.parametrize("smtp", [("an@btc.vn",)], indirect=True)
def test_one_refused_mail_does_not_stop_the_others(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port)
    result = quarter("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "p"), "--mail")
    assert result.exit_code == 1
    assert "BTC: not sent:" in result.stderr and "an@btc.vn" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: mail to 1 unit failed (BTC)")
    # the head got it; the focal person did not, so BTC's pack is not counted as sent
    assert [rcpt for _, rcpt, _ in inbox.messages] == [["binh@btc.vn"], ["chi@syt.vn"]]
    status = {u["code"]: u for u in quarter.json("pack", "status", *QUARTER)["units"]}
    assert status["BTC"]["sent"] is None and status["SYT"]["sent"] is not None


def test_a_wrong_password_or_no_server_is_named(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, user="vanthu", password_env="PACK_PW")
    monkeypatch.setenv("PACK_PW", "wrong")
    result = quarter("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "a"), "--mail")
    assert result.exit_code == 1 and "refused the login of 'vanthu'" in result.stderr
    assert inbox.messages == []
    monkeypatch.delenv("PACK_PW")
    message = quarter.fail("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "b"), "--mail")
    assert "PACK_PW" in message and not (tmp_path / "b").exists()
    _mail_config(tmp_path, monkeypatch, _free_port())
    result = quarter("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "c"), "--mail")
    assert result.exit_code == 1 and "cannot reach the mail server 127.0.0.1" in result.stderr
    # a server that takes the connection and closes it at once: said, in either language
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def hang_up() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    try:
        _mail_config(tmp_path, monkeypatch, listener.getsockname()[1])
        for lang, said in (
            ("en", "the connection was closed by the other side"),
            ("vi", "kết nối bị phía bên kia đóng"),
        ):
            result = quarter(
                "--lang",
                lang,
                "pack",
                "out",
                *QUARTER,
                *MADE,
                "--dir",
                str(tmp_path / lang),
                "--mail",
            )
            assert result.exit_code == 1 and said in result.stderr, result.stderr
            assert "Connection unexpectedly closed" not in result.stderr
    finally:
        listener.close()
    dry = quarter(
        "pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "d"), "--mail", "--dry-run"
    )
    assert dry.exit_code == 0 and "VPTU: no e-mail address" in dry.stderr


@pytest.mark.parametrize("smtp", [{"smtputf8": False}], indirect=True)
def test_addresses_outside_ascii_are_sent_or_refused_in_words(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """A contact 'nguyễn@btc.vn' (which unit contact takes) stopped the whole pack out --mail
    with 'unexpected NonASCIILocalPartDefect'; a domain 'sở-y-tế.vn' went to a server without
    SMTPUTF8 and came back with smtplib's English. The domain is now sent as IDNA (every server
    takes it); the local part goes where the server takes SMTPUTF8, else that unit's mail is
    not sent and says why, in the run's language."""
    inbox, port = smtp  # a server that does not offer SMTPUTF8
    quarter.ok("unit", "contact", "BTC", "--name", "An", "--email", "nguyễn@btc.vn")
    quarter.ok("unit", "contact", "SYT", "--name", "Chi", "--email", "chi@sở-y-tế.vn")
    _mail_config(tmp_path, monkeypatch, port)
    result = quarter(
        "--lang", "vi", "pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "p"), "--mail"
    )
    assert result.exit_code == 1, result.stderr
    assert "unexpected" not in result.stderr and "ngoài dự kiến" not in result.stderr
    assert (
        f"BTC: chưa gửi được: 127.0.0.1:{port} không nhận địa chỉ thư có chữ ngoài bảng mã "
        "ASCII (máy chủ không hỗ trợ SMTPUTF8): nguyễn@btc.vn"
    ) in result.stderr
    assert ["chi@xn--s-y-t-s61b1i.vn"] in [rcpt for _, rcpt, _ in inbox.messages]
    status = {u["code"]: u for u in quarter.json("pack", "status", *QUARTER)["units"]}
    assert status["SYT"]["sent_to"] == "Chi <chi@sở-y-tế.vn>" and status["BTC"]["sent"] is None


def test_an_address_outside_ascii_goes_to_a_server_that_takes_smtputf8(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    quarter.ok("unit", "contact", "BTC", "--name", "An", "--email", "nguyễn@btc.vn")
    _mail_config(tmp_path, monkeypatch, port)
    result = quarter("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "p"), "--mail")
    assert result.exit_code == 0, result.stderr
    assert ["nguyễn@btc.vn", "binh@btc.vn"] in [rcpt for _, rcpt, _ in inbox.messages]


def test_a_letter_names_no_count_of_0_and_a_name_with_a_line_break_is_one_subject(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """The letter said '(BTC.xlsx: 2 nhiệm vụ chủ trì, 0 nhiệm vụ phối hợp)'; a unit's name
    holding a line break (which a JSON import stores) stopped pack out --mail with 'unexpected
    ValueError: Header values may not contain linefeed or carriage return characters', after
    every workbook was written and recorded."""
    import sqlite3

    inbox, port = smtp
    with sqlite3.connect(quarter.db) as conn:
        conn.execute("UPDATE unit SET name = 'Sở Y tế\r\nBcc: x@y.vn' WHERE code = 'SYT'")
    conn.close()
    _mail_config(tmp_path, monkeypatch, port)
    result = quarter("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "p"), "--mail")
    assert result.exit_code == 0, result.stderr
    letters = {
        tuple(rcpt): email.message_from_bytes(raw, policy=policy.default)
        for _, rcpt, raw in inbox.messages
    }
    assert set(letters) == {("an@btc.vn", "binh@btc.vn"), ("chi@syt.vn",)}
    subject = str(letters[("chi@syt.vn",)]["Subject"])
    assert subject.endswith("– Sở Y tế Bcc: x@y.vn") and "\n" not in subject
    for letter in letters.values():
        body = letter.get_body(("plain",))
        assert body is not None and " 0 nhiệm vụ" not in body.get_content()


def test_a_period_with_nothing_to_ask_writes_no_0_workbooks(quarter: Cli, tmp_path: Path) -> None:
    """It said '0 workbooks written to …' below each unit's 'nothing to ask about'."""
    folder = tmp_path / "p"
    result = quarter(
        "pack", "out", "--quarter", "2020Q1", "--dir", str(folder), "--due", "2026-12-31"
    )
    assert result.exit_code == 0, result.stderr
    assert "0 workbooks" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"no workbook written to {folder}: no unit has anything to ask about"
    )


def test_a_server_that_never_answers_is_named_so(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that takes the connection and says nothing was said to have closed it ('the
    connection was closed by the other side'), smtplib's name for its own time-out."""
    with _silent_mail_server(tmp_path, monkeypatch):
        for lang, said, wrong in (
            ("en", "no answer in time", "closed by the other side"),
            ("vi", "không có trả lời trong thời gian chờ", "phía bên kia đóng"),
        ):
            folder = str(tmp_path / lang)
            result = quarter(
                "--lang", lang, "pack", "out", *QUARTER, *MADE, "--dir", folder, "--mail"
            )
            assert result.exit_code == 1 and said in result.stderr, result.stderr
            assert wrong not in result.stderr


def _garbling_mail_server(listener: socket.socket) -> None:
    """Answers SMTP until the message's end, then a line that is no reply; for one connection."""
    conn, _ = listener.accept()
    with conn, conn.makefile("rb") as lines:
        conn.sendall(b"220 hi ESMTP\r\n")
        data = False
        for line in lines:
            if data and line == b".\r\n":
                conn.sendall(b"\xff\xfe garbage\r\n")
                return
            if not data:
                data = line.strip().upper() == b"DATA"
                conn.sendall(b"354 go\r\n" if data else b"250-hi\r\n250 SMTPUTF8\r\n")


def test_a_server_that_answers_no_smtp_is_named_so(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server answering a line that starts with no reply code was reported as '-1 arbage':
    smtplib's -1 and the line less its first four bytes."""
    import threading

    monkeypatch.setattr("dirtrack.mail.TIMEOUT", 5)
    for lang, said in (
        ("en", "answered with something that is not SMTP"),
        ("vi", "trả lời bằng nội dung không phải SMTP"),
    ):
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(1)
            _mail_config(tmp_path, monkeypatch, listener.getsockname()[1])
            server = threading.Thread(target=_garbling_mail_server, args=(listener,))
            server.start()
            folder = str(tmp_path / lang)
            result = quarter(
                "--lang", lang, "pack", "out", *QUARTER, *MADE, "--dir", folder, "--mail"
            )
            server.join(10)
        assert result.exit_code == 1 and said in result.stderr, result.stderr
        # (the folder's path is left out: pytest's own may hold "-1", as in ".../pytest-1/")
        told = result.stderr.replace(str(tmp_path), "")
        assert "arbage" not in told and "-1" not in told
        # the server itself failed: the other unit was not tried
        assert "(SYT)" in result.stderr.splitlines()[-2]


def test_a_server_that_fails_is_not_tried_again_for_every_unit(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A silent server was waited on for 30 s for each unit in turn (hours for a province's
    units): once the server itself fails, the other units are not tried, and said so."""
    with _silent_mail_server(tmp_path, monkeypatch):
        result = quarter("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "p"), "--mail")
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 1
        assert [line.split(":")[0] for line in lines if ": not sent:" in line] == ["BTC"], lines
        assert "1 more unit not tried (SYT): the mail server failed as said above" in lines
        assert lines[-1].startswith("Error: mail to 2 units failed (BTC, SYT)")
        vi = quarter(
            "--lang", "vi", "pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "q"),
            "--mail", "--format", "json",
        )  # fmt: skip
        assert "1 đơn vị còn lại chưa gửi thử (SYT)" in vi.stderr
        records = {r["unit"]: r for r in json.loads(vi.stdout)["packs"]}
        assert records["SYT"]["error"] == records["BTC"]["error"] != ""
    status = {u["code"]: u for u in quarter.json("pack", "status", *QUARTER)["units"]}
    assert status["BTC"]["sent"] is None and status["SYT"]["sent"] is None


def test_starttls_asked_of_a_server_without_it_is_named(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """It said '… refused the message: STARTTLS extension not supported by server.', in
    English under --lang vi, though the server refused no message."""
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, security="starttls", sender="VP <vp@tinhuy.vn>")
    for lang, said in (
        ("en", f'127.0.0.1:{port} does not offer STARTTLS, which [mail] security = "starttls"'),
        ("vi", f'127.0.0.1:{port} không hỗ trợ STARTTLS mà [mail] security = "starttls" yêu cầu'),
    ):
        folder = str(tmp_path / lang)
        result = quarter("--lang", lang, "pack", "out", *QUARTER, *MADE, "--dir", folder, "--mail")
        assert result.exit_code == 1 and said in result.stderr, result.stderr
        assert "not supported by server" not in result.stderr
    assert inbox.messages == []


def test_tls_asked_of_a_plain_port_is_named(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """security = "tls" for a port that speaks plain SMTP (587, 25) said 'TLS with … failed:
    WRONG_VERSION_NUMBER', OpenSSL's code, under --lang vi too."""
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, security="tls", sender="VP <vp@tinhuy.vn>")
    for lang, said in (
        ("en", f'127.0.0.1:{port} answers without TLS, which [mail] security = "tls" asks for'),
        ("vi", f'127.0.0.1:{port} trả lời không qua TLS mà [mail] security = "tls" yêu cầu'),
    ):
        folder = str(tmp_path / lang)
        result = quarter("--lang", lang, "pack", "out", *QUARTER, *MADE, "--dir", folder, "--mail")
        assert result.exit_code == 1 and said in result.stderr, result.stderr
        assert "WRONG_VERSION_NUMBER" not in result.stderr
    assert inbox.messages == []


@pytest.mark.parametrize("smtp", [{"auth": False}], indirect=True)
def test_a_login_asked_of_a_server_that_offers_none_is_named(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """A [mail] user given for a server that offers no AUTH (many offer it only after
    STARTTLS) said, for every unit in turn, '… refused the message: SMTP AUTH extension not
    supported by server.', in English under --lang vi: the server refused no message, and the
    units after the first were tried in vain."""
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, user="vanthu", password_env="PACK_PW")
    monkeypatch.setenv("PACK_PW", "s3cret")
    for lang, said in (
        ("en", f"127.0.0.1:{port} offers no login (AUTH), which [mail] user asks for"),
        ("vi", f"127.0.0.1:{port} không cho đăng nhập (AUTH) mà [mail] user yêu cầu"),
    ):
        folder = str(tmp_path / lang)
        result = quarter("--lang", lang, "pack", "out", *QUARTER, *MADE, "--dir", folder, "--mail")
        assert result.exit_code == 1 and said in result.stderr, result.stderr
        assert "not supported by server" not in result.stderr
        assert result.stderr.count(said) == 1, result.stderr  # the units after it not tried
    assert inbox.messages == []


def test_the_mail_table_is_checked_and_shown(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    monkeypatch.setenv("DIRTRACK_CONFIG", str(config))
    config.write_text('[mail]\nhost = "mail.tinhuy.vn"\npasword_env = "X"\n', encoding="utf-8")
    assert "mail.pasword_env: not a mail setting" in quarter.fail("unit", "list")
    config.write_text('[mail]\nhost = "h"\nsecurity = "ssl"\n', encoding="utf-8")
    assert "'ssl' is not one of none, starttls, tls" in quarter.fail("unit", "list")
    config.write_text('[mail]\nhost = "mail.tinhuy.vn"\nsecurity = "tls"\n', encoding="utf-8")
    message = quarter.fail("pack", "out", *QUARTER, *MADE, "--dir", str(tmp_path / "p"), "--mail")
    assert "needs a [mail] table with sender" in message
    # A NUL in the host or a password variable no shell could set was taken, and failed only
    # as mail was sent: refused at load, naming the key, in the user's language.
    for body, said in (
        ('host = "h\\u0000"', "mail.host: holds the control character U+0000"),
        ('host = "h"\nuser = "van\\nthu"', "mail.user: holds the control character U+000A"),
        ('host = "h"\npassword_env = "A B"', "mail.password_env: 'A B' is not the name of an "),
        ('host = "h"\npassword_env = "1PW"', "mail.password_env: '1PW' is not the name of an "),
    ):
        config.write_text(f"[mail]\n{body}\n", encoding="utf-8")
        message = quarter.fail("unit", "list")
        assert message.startswith("Error: ") and said in message, message
        assert len(message.splitlines()) == 1, message
    vi = quarter.fail("--lang", "vi", "unit", "list")
    assert "mail.password_env: '1PW' không phải tên một biến môi trường" in vi, vi
    config.write_text('[mail]\nhost = "h"\npassword_env = "_PACK_PW2"\n', encoding="utf-8")
    quarter.ok("unit", "list")
    config.write_text('[mail]\nhost = "mail.tinhuy.vn"\nsecurity = "tls"\n', encoding="utf-8")
    rows = {r["key"]: r for r in quarter.json("config")}
    assert rows["mail.host"]["value"] == "mail.tinhuy.vn" and rows["mail.host"]["source"] == "file"
    assert rows["mail.port"]["value"] == 465 and rows["mail.port"]["source"] == "default"


def test_a_dry_run_without_mail_settings_lists_the_mail_then_says_so(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pack out --mail --dry-run with no [mail] was refused before showing anything: the dry
    run is where one looks whom the workbooks would go to before setting up the mail. It lists
    the recipients and files, then says the settings are missing (exit 1, as the run would
    fail); nothing is written."""
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("DIRTRACK_CONFIG", str(config))
    folder = tmp_path / "p"
    args = ("pack", "out", *QUARTER, *MADE, "--dir", str(folder), "--mail", "--dry-run")
    dry = quarter(*args, "--format", "json")
    assert dry.exit_code == 1
    assert dry.stderr.splitlines()[-1] == (
        f"Error: no mail server: the configuration file {config} needs a [mail] table with "
        "host, sender (see dirtrack config)"
    )
    packs = json.loads(dry.stdout)["packs"]
    assert json.loads(dry.stdout)["dry_run"] is True
    to = {p["unit"]: p["to"] for p in packs}
    assert to["BTC"] and all(p["sent"] is None and p["token"] is None for p in packs)
    assert {Path(p["file"]).name for p in packs} >= {"BTC.xlsx"}
    assert not folder.exists()
    vi = quarter("--lang", "vi", *args)
    assert vi.exit_code == 1 and "BTC.xlsx" in vi.stdout
    assert vi.stderr.splitlines()[-1].startswith("Error: chưa có máy chủ thư")
    real = quarter(*args[:-1])
    assert real.exit_code == 1 and real.stdout == "" and not folder.exists()


def test_a_sender_with_a_line_break_is_refused_before_anything_is_written(
    quarter: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[Inbox, int]
) -> None:
    """'VP <vp@tinhuy.vn>\\r\\nBcc: …' passed the check, and pack out --mail wrote and recorded
    every workbook, then stopped on 'unexpected ValueError: Header values may not contain
    linefeed or carriage return characters'."""
    inbox, port = smtp
    _mail_config(tmp_path, monkeypatch, port, sender="VP <vp@tinhuy.vn>\\r\\nBcc: an@btc.vn")
    folder = tmp_path / "p"
    message = quarter.fail("pack", "out", *QUARTER, *MADE, "--dir", str(folder), "--mail")
    assert message == (
        f"Error: {tmp_path / 'config.toml'}: mail.sender: 'VP <vp@tinhuy.vn>\\r\\nBcc: an@btc.vn' "
        "is not an address "
        "(Office <office@example.vn>)"
    )
    assert not folder.exists() and inbox.messages == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_again_by_libreoffice_reads_back(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    quarter, folder = packed
    filled = tmp_path / "filled" / "SYT.xlsx"
    filled.parent.mkdir()
    _fill(
        folder / "SYT.xlsx",
        filled,
        "Chủ trì",
        {3: {DONE: dt.date(2022, 9, 9), DOC: "12/BC-SYT", STATE: "Đã hoàn thành"}},
    )
    saved = tmp_path / "saved"
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "xlsx", "--outdir", str(saved), str(filled)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and (saved / "SYT.xlsx").exists(), done.stderr
    kept = load_workbook(saved / "SYT.xlsx")["Chủ trì"].data_validations.dataValidation
    assert any(v.type == "list" and "Đề nghị gia hạn" in (v.formula1 or "") for v in kept)
    read = quarter.json("pack", "in", str(saved / "SYT.xlsx"), "--date", "2022-09-12")
    assert read["files"][0]["applied"] == 1
    assert quarter.json("show", "3")["completed_on"] == "2022-09-09"


def _xlsx(path: Path, sheet: str, *, date1904: bool = False) -> None:
    """A workbook as Excel and LibreOffice write one: shared strings (one of rich-text runs, with
    a phonetic run), a date format among the cell formats, cells without their reference."""
    import zipfile

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="r1" '
        f'Target="xl/workbook.xml" Type="{rel}/officeDocument"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}">'
        f'<workbookPr date1904="{int(date1904)}"/><sheets><sheet name="Tờ" sheetId="1" '
        'state="hidden" r:id="s1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}">'
        f'<Relationship Id="s1" Target="worksheets/a.xml" Type="{rel}/worksheet"/>'
        f'<Relationship Id="s2" Target="sharedStrings.xml" Type="{rel}/sharedStrings"/>'
        f'<Relationship Id="s3" Target="styles.xml" Type="{rel}/styles"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}"><si><t>Tiến độ</t></si><si><r>'
        '<t xml:space="preserve">Đã </t></r><r><t>xong</t></r><rPh><t>x</t></rPh></si></sst>',
        "xl/styles.xml": f'<styleSheet xmlns="{main}"><numFmts><numFmt numFmtId="170" '
        'formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/>'
        '<xf numFmtId="14"/></cellXfs></styleSheet>',
        "xl/worksheets/a.xml": f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData>'
        "</worksheet>",
    }
    with zipfile.ZipFile(path, "w") as book:
        for name, text in parts.items():
            book.writestr(name, text)


def test_the_workbook_reader_gives_the_values_of_the_cells(tmp_path: Path) -> None:
    """Numbers (whole ones as int, as openpyxl gives them), a date format's numbers as days (1900
    or 1904 based), a formula's last value, rich text without its phonetic run, a sheet's
    state; a file that is not a workbook is refused."""
    from dirtrack.transfer.xlsx_cells import NotWorkbook, Workbook

    sheet = (
        '<row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c s="1"><v>44805</v></c>'
        '<c s="2"><v>44805.0</v></c><c><v>7</v></c><c><v>2.5</v></c><c t="b"><v>1</v></c>'
        '<c t="str"><f>A1</f><v>=x</v></c><c t="inlineStr"><is><t>Ô</t></is></c><c/></row>'
        '<row><c r="A3"><v>1E2</v></c></row>'
    )
    path = tmp_path / "a.xlsx"
    _xlsx(path, sheet)
    with Workbook(path) as book:
        assert book.sheets == {"Tờ": "hidden"}
        rows = list(book.rows("Tờ"))
    day = dt.date(2022, 9, 1)
    assert rows == [
        (2, {2: "Tiến độ", 3: "Đã xong", 4: day, 5: day, 6: 7, 7: 2.5, 8: True, 9: "=x", 10: "Ô"}),
        (3, {1: 100}),
    ]
    _xlsx(path, sheet, date1904=True)
    with Workbook(path) as book:
        assert next(book.rows("Tờ"))[1][4] == dt.date(2026, 9, 2)
    path.write_bytes(b"PK\x03\x04 not a zip at all")
    with pytest.raises(NotWorkbook):
        Workbook(path)


def test_an_empty_row_inserted_is_passed_over(packed: tuple[Cli, Path], tmp_path: Path) -> None:
    """Rows are read by their directive ID: a wholly empty row between them names nothing, so
    the file goes in (README: an added row is refused when it has anything in it)."""
    quarter, folder = packed
    spaced = tmp_path / "BTC.xlsx"
    _fill(folder / "BTC.xlsx", spaced, "Chủ trì", {2: {PCT: 50}})
    book = load_workbook(spaced)
    book["Chủ trì"].insert_rows(7)
    book.save(spaced)
    quarter.ok("pack", "in", str(spaced), "--date", "2022-09-12")
    assert quarter.json("show", "2")["progress"] == 50
    # A row added with something in it is still refused.
    crowded = tmp_path / "SYT.xlsx"
    book = load_workbook(folder / "SYT.xlsx")
    book["Chủ trì"].insert_rows(7)
    book["Chủ trì"].cell(7, PCT).value = 40
    book.save(crowded)
    before = file_digest(Path(quarter.db))
    assert "row 7: a row that is not in the pack" in quarter.fail(
        "pack", "in", str(crowded), "--date", "2022-09-12"
    )
    assert file_digest(Path(quarter.db)) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_pack_in_of_a_pipe_or_a_device_says_it_is_no_file(
    quarter: Cli, tmp_path: Path, lang: str
) -> None:
    # /dev/null was "not an Excel workbook that can be read", a named pipe made pack in wait
    # for a writer, and /dev/zero read on until memory ran out: each is refused at once as no
    # file, before anything is read, and the database is left as it was.
    pipe = tmp_path / "phieu.xlsx"
    os.mkfifo(pipe)
    before = file_digest(Path(quarter.db))
    said = {
        "en": "not a file but a pipe or a device",
        "vi": "không phải là tệp thông thường mà là đường ống hoặc thiết bị",
    }[lang]
    for name in ("/dev/null", str(pipe), "/dev/zero"):
        error = quarter.fail("--lang", lang, "pack", "in", name)
        assert error.startswith(f"Error: {name}: {said}"), error
    assert file_digest(Path(quarter.db)) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_pack_in_of_a_pack_saved_as_ods_or_xls_says_to_save_it_as_xlsx(
    quarter: Cli, tmp_path: Path, lang: str
) -> None:
    # A unit that filled its pack in LibreOffice Calc and saved it as .ods, or saved it as
    # Excel 97-2003, was told "not an Excel workbook (.xlsx) that can be read", leaving the
    # office to guess why; each is named, with how to save it so that pack in reads it.
    ods = tmp_path / "SYT.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    xls = tmp_path / "SYT.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    said = {
        "en": (
            "an OpenDocument spreadsheet (.ods), not the pack as it went out",
            "an old Excel 97-2003 workbook (.xls), not the pack as it went out",
            "save it as Excel (.xlsx) and give that to pack in",
        ),
        "vi": (
            "bảng tính OpenDocument (.ods), không còn là phiếu như khi gửi đi",
            "bảng tính Excel 97-2003 cũ (.xls), không còn là phiếu như khi gửi đi",
            "lưu thành tệp Excel (.xlsx) rồi đưa tệp đó cho lệnh pack in",
        ),
    }[lang]
    before = file_digest(Path(quarter.db))
    for path, kind in ((ods, said[0]), (xls, said[1])):
        error = quarter.fail("--lang", lang, "pack", "in", str(path))
        assert error.startswith(f"Error: {path}: {kind}; ") and error.endswith(said[2]), error
    assert file_digest(Path(quarter.db)) == before


def test_a_pack_renamed_xls_or_ods_is_read_by_what_it_holds(
    packed: tuple[Cli, Path], tmp_path: Path
) -> None:
    """A unit's answered pack renamed ``BTC.xls`` or ``BTC.ods`` (an Excel workbook still) was
    "not an Excel workbook (.xlsx) that can be read": the reader went by the name's ending. The
    same answers are recorded as from the .xlsx, a percentage cell's format read too (where
    openpyxl, given the name, failed as an unexpected error)."""
    cli, folder = packed
    answered = tmp_path / "answered.xlsx"
    _fill(folder / "BTC.xlsx", answered, "Chủ trì", {1: {PCT: 60}})
    for name in ("BTC.xls", "BTC.ods", "BTC.XLSX"):
        renamed = tmp_path / name
        renamed.write_bytes(answered.read_bytes())
        before = snapshot(cli.db)
        [info] = cli.json("pack", "in", str(renamed), "--dry-run", "--date", "2022-09-13")["files"]
        assert (info["unit"], info["applied"], info["conflicts"]) == ("BTC", 1, 0), info
        assert snapshot(cli.db) == before
    [info] = cli.json("pack", "in", str(tmp_path / "BTC.ods"), "--date", "2022-09-13")["files"]
    assert info["applied"] == 1 and cli.json("show", "1")["progress"] == 60


def test_a_folder_and_a_workbook_whose_names_hold_a_byte_not_utf8(
    quarter: Cli, tmp_path: Path
) -> None:
    """A file or folder may hold any bytes, as a file name may (README): ``pack out --dir``
    into a folder named with the byte 0xFF said ``some input is not valid UTF-8 text`` (the
    name went into the register's text column as it was) and wrote nothing; ``pack in`` of a
    workbook so named said it was ``not an Excel workbook that can be read`` (the reader took
    the name as UTF-8 text and found no such file). The folder is written, the register keeps
    the name with the byte as ``\\xff`` (as history shows it), and the answers come in."""
    folder = tmp_path / "phi\udcffeu"
    # (tables, not JSON: CliRunner's stdout takes no byte that is not UTF-8, where dirtrack's
    # own writes it as it is)
    quarter.ok("pack", "out", *QUARTER, *MADE, "--dir", str(folder))
    assert sorted(p.name for p in folder.iterdir()) == ["BTC.xlsx", "SYT.xlsx", "VPTU.xlsx"]
    files = sorted(str(row[-1]) for row in snapshot(quarter.db)["pack"])
    kept = [cell for row in snapshot(quarter.db)["pack"] for cell in row if isinstance(cell, str)]
    assert sum(cell.endswith("phi\\xffeu/BTC.xlsx") for cell in kept) == 1, files
    back = tmp_path / "BTC-tr\udcffa-l\u1eddi.xlsx"
    _fill(folder / "BTC.xlsx", back, "Chủ trì", {2: {PCT: 60}})
    # (its table names the file: run as dirtrack is, whose stdout writes the byte as it is)
    done = subprocess.run(
        [ENTRY_POINT, "--db", quarter.db, "pack", "in", str(back), "--date", "2022-09-12"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"BTC-tr\xffa-l" in done.stdout
    assert quarter.json("show", "2")["progress"] == 60


def test_a_unit_that_only_coordinates_gets_the_guide_of_its_one_sheet(
    cli: Cli, tmp_path: Path
) -> None:
    """A pack of the coordination sheet alone: its guide speaks of that sheet's two columns
    only (no progress, completion or extension columns it does not have), numbered 1 to N."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    meeting = cli.id("add-meeting", "--date", "2022-07-05", "--title", "Giao ban quý III")
    cli.ok(
        "assign", str(meeting), "--unit", "BTC", "--with", "SYT", "--due", "2022-08-31", "Rà soát"
    )
    folder = tmp_path / "packs"
    _out(cli, folder)
    book = load_workbook(folder / "SYT.xlsx")
    assert book.sheetnames == ["Hướng dẫn", "Phối hợp", "_dirtrack"]
    guide = [str(c.value) for c in book["Hướng dẫn"]["A"] if c.value]
    steps = guide[guide.index("Hướng dẫn điền phiếu") + 1 :]
    assert steps[0].startswith("1. Sheet «Phối hợp»") and "không có sheet «Chủ trì»" in steps[0]
    assert [line.split(".")[0] for line in steps] == [str(n) for n in range(1, len(steps) + 1)]
    text = " ".join(steps)
    assert "«Kết quả phối hợp»" in text and "«Tình hình phối hợp»" in text
    for lead_only in ("Tiến độ (%)", "Ngày hoàn thành", "Đề nghị gia hạn đến", "Giải trình"):
        assert lead_only not in text
