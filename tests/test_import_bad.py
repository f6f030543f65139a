"""Bad files for `dirtrack import`: one `Error:` line naming the row and column, exit 1, and the
database exactly as it was."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import SHEET_HEADER as HEADER
from tests.conftest import Cli, cell_xml, csv_rows, file_digest, prebuilt, run


def xlsx(path: Path, rows: list[list[Any]], *, percent_cells: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    ws = book.worksheets[0]
    for row in rows:
        ws.append(row)
    for ref in percent_cells:
        ws[ref].number_format = "0%"
    book.save(path)
    return path


def text_file(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
@prebuilt
def office(units: Cli, meeting: int, db_path: Path) -> Cli:
    """A database with units, one meeting and one directive, whose file must not change."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Đề án A")
    return units


def refused(cli: Cli, db_path: Path, *args: str) -> str:
    before = file_digest(db_path)
    message = cli.fail("import", *args)
    assert file_digest(db_path) == before
    return message


def test_not_a_spreadsheet(office: Cli, db_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "notes.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "notes.pdf is not a spreadsheet (.xlsx, .csv) or a dirtrack export" in refused(
        office, db_path, str(pdf)
    )
    fake = text_file(tmp_path / "bang.xlsx", "STT,Nội dung\n")
    assert "is not an Excel workbook" in refused(office, db_path, str(fake))
    old = tmp_path / "bang.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "old Excel 97-2003 workbook (.xls)" in refused(office, db_path, str(old))
    docx = tmp_path / "bao-cao.docx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    # A Word document (the meeting's notice) was 'a zip file but not an Excel workbook'.
    assert refused(office, db_path, str(docx)) == (
        f"Error: {docx} is a Word document, not a sheet: `dirtrack extract {docx}` drafts the "
        "meeting record from its text, and `dirtrack import` takes that draft"
    )
    other_zip = tmp_path / "hoso.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("a.txt", "x")
    assert "zip file but not an Excel workbook" in refused(office, db_path, str(other_zip))
    calc = tmp_path / "theo-doi.ods"
    with zipfile.ZipFile(calc, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert refused(office, db_path, str(calc)) == (
        f"Error: {calc} is an OpenDocument spreadsheet (.ods), which dirtrack does not read; "
        "open it in LibreOffice Calc or Excel, save it as .xlsx (or CSV UTF-8) and import that"
    )
    database = tmp_path / "copy.db"
    sqlite3.connect(database).execute("CREATE TABLE t (x)").connection.close()
    assert "dirtrack restore" in refused(office, db_path, str(database))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "empty.csv is empty" in refused(office, db_path, str(empty))
    assert "missing.xlsx: no such file" in refused(office, db_path, str(tmp_path / "missing.xlsx"))
    assert "is a folder" in refused(office, db_path, str(tmp_path))
    other_json = text_file(tmp_path / "x.json", '{"units": []}')
    assert "JSON but not a dirtrack export" in refused(office, db_path, str(other_json))


def test_a_formula_error_in_a_cell_is_named(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """A deadline cell whose formula failed ('#REF!': a sheet it pointed to was deleted) was
    refused as 'not a deadline', listing the date forms, as if the clerk had typed it wrong;
    the row is bad naming the cell as a formula's error, the same in every column read."""
    book = xlsx(
        tmp_path / "loi.xlsx",
        [HEADER, [1, "Đề án B", "BTC", "", "30/9/2022"], [2, "Đề án C", "#N/A", "", "30/9/2022"]],
    )
    cell_xml(book, "E2", '<c r="E2" t="e"><f>Sheet2!A1</f><v>#REF!</v></c>')
    message = refused(office, db_path, str(book), "--meeting", "1")
    assert (
        "row 2, column E (Thời hạn): #REF! is the error of a formula that failed in the sheet, "
        "not a value: correct the formula (or type the value) in the sheet and import it again"
    ) in message
    assert "row 3, column C (Đơn vị chủ trì): #N/A is the error of a formula" in message
    assert "not a deadline" not in message


def test_a_text_that_reads_as_a_formula_error_is_a_text(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A directive whose text (or product) is ``#N/A``, ``#REF!`` or ``#VALUE!``: the register's
    own `export --format xlsx` read back was refused, every such row "the error of a formula".
    A workbook tells the two apart by the cell's type: its text cell reading ``#N/A`` is that
    text, read back unchanged and into an empty register the same; an error cell (a formula
    that failed, t="e") is still a bad row naming it; a CSV, which has no types, still takes a
    field reading as an error for one."""
    office.ok("assign", "1", "--unit", "BTC", "--due", "30/9/2022", "#N/A")
    office.ok("assign", "1", "--unit", "BTC", "--due", "30/9/2022", "--product", "#VALUE!", "#REF!")
    book = tmp_path / "so.xlsx"
    office.ok("export", "--format", "xlsx", "-o", str(book), "--as-of", "2022-07-01")
    again = office.json("import", str(book), "--as-of", "2022-07-01")
    assert again["unchanged"] == 3 and again["bad_rows"] == [], again
    other = office.at(str(tmp_path / "other.db"))
    other.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    made = other.json("import", str(book), "--as-of", "2022-07-01")
    assert made["created"]["directives"] == 3
    assert sorted((d["text"], d["product"]) for d in other.json("list")) == [
        ("#N/A", None),
        ("#REF!", "#VALUE!"),
        ("Đề án A", None),
    ]
    # the same cell as an error of a formula: a bad row naming it
    book = xlsx(tmp_path / "loi.xlsx", [HEADER, [1, "x", "BTC", "", "30/9/2022"]])
    cell_xml(book, "B2", '<c r="B2" t="e"><f>VLOOKUP(A2,Sheet2!A:B,2,0)</f><v>#N/A</v></c>')
    message = refused(office, db_path, str(book), "--meeting", "1")
    assert "row 2, column B (Nội dung): #N/A is the error of a formula that failed" in message
    sheet = tmp_path / "loi.csv"
    sheet.write_text(",".join(HEADER) + "\n1,#N/A,BTC,,30/9/2022\n", encoding="utf-8")
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert "row 2, column B (Nội dung): #N/A is the error of a formula that failed" in message


def test_a_date_past_excels_last_day_is_no_formula_error(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A number in a date format past 31/12/9999 (2958466, 1e10: Excel shows #####) was named
    '#VALUE! is the error of a formula', which openpyxl makes of it; it is said to be no day of
    the years dirtrack takes, while a formula's #VALUE! in a date cell is still named so."""
    rows: list[list[Any]] = [HEADER]
    rows += [[n, f"Đề án {n}", "BTC", "", serial] for n, serial in ((1, 2958466), (2, 1e10))]
    rows += [[3, "Đề án 3", "BTC", "", 44000], [4, "Đề án 4", "BTC", "", 2958466]]
    book = xlsx(tmp_path / "ngay.xlsx", rows)
    loaded = load_workbook(book)
    for ref in ("E2", "E3", "E4"):
        loaded.active[ref].number_format = "dd/mm/yyyy"
    loaded.save(book)
    with zipfile.ZipFile(book) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    style = re.search(r'<c r="E4" s="(\d+)"', sheet)
    assert style is not None
    cell_xml(book, "E4", f'<c r="E4" s="{style[1]}" t="e"><f>1/0+A1</f><v>#VALUE!</v></c>')
    message = refused(office, db_path, str(book), "--meeting", "1")
    assert (
        "row 2, column E (Thời hạn): '2958466': dirtrack takes dates from the year 1900 to 2999"
        in (message)
    )
    assert "row 3, column E (Thời hạn): '10000000000': dirtrack takes dates from the year 1900" in (
        message
    )
    assert "row 4, column E (Thời hạn): #VALUE! is the error of a formula" in message
    assert "row 5, column E (Thời hạn): 2958466 is not a date" in message  # a number, General
    said = office.fail("--lang", "vi", "import", str(book), "--meeting", "1")
    assert "dòng 2, cột E (Thời hạn): '2958466': dirtrack chỉ nhận ngày từ năm 1900" in said


def test_excels_day_60_is_the_29_february_1900_it_shows(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Excel's day 60 in a date format shows 29/02/1900, a day that never was (Lotus 1-2-3's
    leap year, which Excel keeps); openpyxl made it 28/02/1900, a day nobody typed. It is
    refused as the day the sheet shows; days 59 and 61 are the days either side."""
    rows: list[list[Any]] = [HEADER] + [
        [n, f"Đề án {n}", "BTC", "", None, None, None, day]
        for n, day in ((1, 60), (2, 59), (3, 61))
    ]
    book = xlsx(tmp_path / "ngay.xlsx", [[*HEADER, "Ngày họp"], *rows[1:]])
    loaded = load_workbook(book)
    for ref in ("H2", "H3", "H4"):
        loaded.active[ref].number_format = "dd/mm/yyyy"
    loaded.save(book)
    message = refused(office, db_path, str(book))
    assert "row 2, column H (Ngày họp): '29/02/1900' is not a real date" in message
    assert "row 3, column H (Ngày họp): no meeting was held on 1900-02-28 " in message
    assert "row 4, column H (Ngày họp): no meeting was held on 1900-03-01 " in message


def test_a_workbook_dated_from_1904_gives_its_numbers_the_days_it_shows(
    office: Cli, tmp_path: Path
) -> None:
    """A workbook that counts its days from 1904 (Excel for Mac's old date system): a day
    pasted as its number (General, or as text) was read as in any other workbook, 1,462 days
    early (44000, 19/6/2024 there, came in as 18/6/2020, a deadline four years past, said
    nowhere). It is now the day that workbook gives it, as its dates formatted as dates are,
    and a number in another column is the number."""
    book = Workbook()
    ws = book.worksheets[0]
    ws.append([*HEADER[:4], "Thời hạn", "Tiến độ"])
    ws.append([1, "Đề án 1", "BTC", None, 44000, 40])
    ws.append([2, "Đề án 2", "BTC", None, "44000", None])
    ws.append([3, "Đề án 3", "BTC", None, datetime(2024, 6, 30), None])
    ws["E4"].number_format = "dd/mm/yyyy"
    book.epoch = datetime(1904, 1, 1)
    book.save(tmp_path / "mac.xlsx")
    report = office.json("import", str(tmp_path / "mac.xlsx"), "--meeting", "1", "--dry-run")
    rows = {r["row"]: r for r in report["rows"]}
    assert [rows[n]["due"] for n in (2, 3, 4)] == ["2024-06-19", "2024-06-19", "2024-06-30"]
    assert rows[2]["progress"] == 40
    assert [r["row"] for r in report["rows"] if r["problems"]] == []


def test_getting_data_is_named_as_a_formula_error(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """'#GETTING_DATA' (what Excel shows while a data link loads, an error value of its cell) in
    a deadline cell was refused as 'not a deadline', listing the date forms; it is named as the
    formula errors are."""
    book = xlsx(tmp_path / "dang_tai.xlsx", [HEADER, [1, "Đề án B", "BTC", "", "x"]])
    cell_xml(book, "E2", '<c r="E2" t="e"><f>WEBSERVICE(A1)</f><v>#GETTING_DATA</v></c>')
    message = refused(office, db_path, str(book), "--meeting", "1")
    assert (
        "row 2, column E (Thời hạn): #GETTING_DATA is the error of a formula that failed in the "
        "sheet, not a value"
    ) in message
    assert "not a deadline" not in message


def test_a_checkbox_in_a_text_column_is_named(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """Excel's TRUE (a ticked checkbox) in the column of the directive's text was taken as the
    tick "x" and became a directive "x"; TRUE or FALSE in a column of text is a bad row naming
    the cell, while under a column of ticks it is still a tick."""
    rows: list[list[Any]] = [
        [*HEADER, "Đã hoàn thành"],
        [1, True, "BTC", "", "30/9/2022", "", "", None],
        [2, "Đề án C", False, "", "30/9/2022"],
        [3, "Đề án D", "BTC", "", "30/9/2022", "", "", True],
    ]
    book = str(xlsx(tmp_path / "o_danh_dau.xlsx", rows))
    message = refused(office, db_path, book, "--meeting", "1")
    assert message.startswith("Error:") and "\n" not in message
    assert "row 2, column B (Nội dung): TRUE is a checkbox's value (TRUE or FALSE), not text" in (
        message
    )
    assert "row 3, column C (Đơn vị chủ trì): FALSE is a checkbox's value" in message
    assert "row 4, column H (Đã hoàn thành): marked done but gives no completion date" in message
    before = file_digest(db_path)
    said = office.fail("--lang", "vi", "import", book, "--meeting", "1")
    assert file_digest(db_path) == before and said.startswith("Error:")
    assert "TRUE là giá trị của ô đánh dấu (TRUE hoặc FALSE), không phải văn bản" in said
    rows[1][1], rows[2][2] = "Đề án B", "BTC"
    fixed = str(xlsx(tmp_path / "dung.xlsx", rows))
    done = office.json("import", fixed, "--meeting", "1", "--done-date", "20/9/2022")
    assert done["created"]["directives"] == 3, done


def test_a_checkbox_in_a_date_column_is_named_as_the_sheet_shows_it(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Excel's TRUE in the deadline or the completion date column was refused as "'x' is not a
    deadline", a tick the sheet does not show: it is named as TRUE, in both languages."""
    rows: list[list[Any]] = [
        [*HEADER, "Ngày hoàn thành"],
        [1, "Đề án B", "BTC", "", True],
        [2, "Đề án C", "BTC", "", "30/9/2022", "", "", True],
    ]
    book = str(xlsx(tmp_path / "o_danh_dau.xlsx", rows))
    message = refused(office, db_path, book, "--meeting", "1")
    assert "row 2, column E (Thời hạn): TRUE is not a deadline" in message, message
    assert "row 3, column H (Ngày hoàn thành): TRUE is not a date" in message, message
    assert "'x'" not in message
    before = file_digest(db_path)
    said = office.fail("--lang", "vi", "import", book, "--meeting", "1")
    assert file_digest(db_path) == before
    assert "dòng 2, cột E (Thời hạn): TRUE không phải là thời hạn" in said, said
    assert "dòng 3, cột H (Ngày hoàn thành): TRUE không phải là ngày" in said, said


def test_an_unticked_checkbox_in_a_date_column_is_refused_as_a_ticked_one(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Excel's FALSE (an unticked checkbox) in the deadline or the completion date column was
    read as an empty cell, the row made with no deadline: it is refused as TRUE is, named as
    the sheet shows it, in both languages; a CSV's FALSE there already was."""
    rows: list[list[Any]] = [
        [*HEADER, "Ngày hoàn thành"],
        [1, "Đề án B", "BTC", "", False],
        [2, "Đề án C", "BTC", "", "30/9/2022", "", "", False],
        [3, "Đề án D", "BTC", "", "30/9/2022"],
    ]
    book = str(xlsx(tmp_path / "o_bo_danh_dau.xlsx", rows))
    message = refused(office, db_path, book, "--meeting", "1")
    assert "row 2, column E (Thời hạn): FALSE is not a deadline" in message, message
    assert "row 3, column H (Ngày hoàn thành): FALSE is not a date" in message, message
    assert "row 4" not in message, message
    before = file_digest(db_path)
    said = office.fail("--lang", "vi", "import", book, "--meeting", "1")
    assert file_digest(db_path) == before
    assert "dòng 2, cột E (Thời hạn): FALSE không phải là thời hạn" in said, said
    assert "dòng 3, cột H (Ngày hoàn thành): FALSE không phải là ngày" in said, said


def test_a_sheet_in_the_tcvn3_font_says_so(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """A register typed years ago in the TCVN3 (ABC) font ('§¬n vÞ chñ tr×' for 'Đơn vị chủ
    trì') was refused as having no header row, the clerk left to guess why; the refusal says
    the font and how to convert the sheet to Unicode, in the user's language."""
    rows: list[list[Any]] = [
        ["STT", "Néi dung", "§¬n vÞ chñ tr×", "Thêi h¹n", "KÕt qu¶"],
        [1, "B¸o c¸o biªn chÕ", "Së Néi vô", "30/9/2022", "§ang thùc hiÖn"],
    ]
    book = str(xlsx(tmp_path / "cu.xlsx", rows))
    assert refused(office, db_path, book) == (
        "Error: cu.xlsx: the sheet is written in the TCVN3 (ABC) font, not in Unicode ('§¬n vÞ chñ "
        "tr×'), so no column name can be read; convert it to Unicode (Unikey: Công cụ chuyển "
        "mã, from TCVN3 (ABC) to Unicode), save it and import it again"
    )
    assert "phông TCVN3 (ABC)" in office.fail("--lang", "vi", "import", book)
    assert "TCVN3" not in refused(office, db_path, str(xlsx(tmp_path / "x.xlsx", [["a", "b"]])))


def test_a_utf8_csv_with_a_few_bytes_of_another_encoding_says_where(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A CSV in UTF-8 with one row pasted in from a Windows-1258 file was "not text in UTF-8
    or Windows-1258", the clerk left to search the sheet; it says which byte, as a text or a
    draft does (one rule: dirtrack.inputs.damaged_utf8)."""
    good = "STT,Nội dung,Đơn vị chủ trì,Thời hạn\n1,Báo cáo biên chế,Sở Nội vụ,30/9/2022\n"
    pasted = b"2,T\xf4ng k\xeat,S\xf4\xf2 Y t\xea\xf2,30/9/2022\n"  # Windows-1258's bytes
    mixed = tmp_path / "tron.csv"
    mixed.write_bytes(good.encode() + pasted)
    at = len(good.encode()) + 3  # the byte after "2,T"
    assert refused(office, db_path, str(mixed)) == (
        f"Error: {mixed}: byte {at} is not UTF-8 though the text around it is (a piece pasted "
        "in from another encoding?): save the file again as UTF-8"
    )
    in_vi = office.fail("--lang", "vi", "import", str(mixed))
    assert in_vi.startswith(f"Error: {mixed}: byte {at} không phải UTF-8"), in_vi


def test_a_csv_file_in_the_tcvn3_font_says_so(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """A CSV file saved from a sheet typed in the TCVN3 (ABC) font was read as Windows-1258,
    where some of the font's bytes are Vietnamese letters, so the font went unseen and the
    refusal said only 'no header row in the first 30 rows'."""
    rows = "STT,Néi dung,§¬n vÞ chñ tr×,Thêi h¹n\n1,B¸o c¸o biªn chÕ,Së Néi vô,30/9/2022\n"
    legacy = tmp_path / "cu.csv"
    legacy.write_bytes(rows.encode("latin-1"))
    assert refused(office, db_path, str(legacy)).startswith(
        "Error: cu.csv: the sheet is written in the TCVN3 (ABC) font, not in Unicode ("
    )
    assert "phông TCVN3 (ABC)" in office.fail("--lang", "vi", "import", str(legacy))
    # bytes that are no text at all are not taken for a font (they were 'letters lost')
    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 20)
    assert refused(office, db_path, str(noise)) == (
        f"Error: {noise} is not text in UTF-8 or Windows-1258"
    )
    vni = tmp_path / "vni.csv"  # the VNI Windows font: a tone is a letter after its vowel
    vni.write_bytes("STT,Noäi dung,Ñôn vò chuû trì,Thôøi haïn\n1,Baùo caùo,Sôû Y teá,30/9/2022\n"
                    .encode("latin-1"))  # fmt: skip
    assert refused(office, db_path, str(vni)).startswith(
        "Error: vni.csv: the sheet is written in the VNI Windows font, not in Unicode ("
    )


def test_a_workbook_under_another_name_is_read_by_its_content(office: Cli, tmp_path: Path) -> None:
    """An Excel workbook saved under another name ('theo-doi.xls', '.ods', as a clerk renames
    one) was refused with openpyxl's own words ('InvalidFileException: openpyxl does not
    support .ods file format …'); it is a workbook by its content, read as one."""
    book = xlsx(tmp_path / "theo-doi.xlsx", [HEADER, [1, "Đề án B", "BTC", "", "30/9/2022"]])
    for name in ("theo-doi.ods", "theo-doi.xls"):
        renamed = tmp_path / name
        renamed.write_bytes(book.read_bytes())
        assert "openpyxl" not in office("import", str(renamed), "--dry-run").output
    office.ok("import", str(tmp_path / "theo-doi.ods"), "--meeting", "1")
    made = [d["text"] for d in office.json("list", "--unit", "BTC")]
    assert made == ["Đề án A", "Đề án B"]


def test_empty_sheet(office: Cli, db_path: Path, tmp_path: Path) -> None:
    blank = xlsx(tmp_path / "trong.xlsx", [])
    assert "trong.xlsx: sheet 'Sheet' is empty" in refused(office, db_path, str(blank))
    commas = text_file(tmp_path / "trong.csv", ",,,\n,,,\n\n")
    assert "trong.csv has no data: every cell is empty" in refused(office, db_path, str(commas))


@pytest.mark.parametrize("name", ["trong.json", "trong.toml", "trong.csv", "trong.xlsx"])
@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b" \n\t\r\n"])
def test_a_file_of_white_space_or_a_byte_order_mark_is_empty(
    office: Cli, db_path: Path, tmp_path: Path, name: str, data: bytes
) -> None:
    """Notepad saves an empty file as its byte order mark: such a file, or one of white space
    only, was 'not a spreadsheet (.xlsx, .csv) or a dirtrack export (.json)', 'draft: there is
    no [meeting] table' or 'has no data'; it is empty, as a file of 0 bytes is said to be."""
    path = tmp_path / name
    path.write_bytes(data)
    assert refused(office, db_path, str(path)) == f"Error: {path} is empty"
    assert office.fail("--lang", "vi", "import", str(path)) == f"Error: {path} trống"


def test_header_that_cannot_be_mapped(office: Cli, db_path: Path, tmp_path: Path) -> None:
    strange = csv_rows(
        tmp_path / "a.csv", [["Việc", "Ai làm", "Khi nào"], ["x", "BTC", "1/1/2023"]]
    )
    message = refused(office, db_path, str(strange))
    assert "no header row in the first 30 rows" in message and "--map" in message
    no_unit = csv_rows(
        tmp_path / "b.csv", [["STT", "Nội dung", "Ai làm", "Thời hạn"], ["1", "x", "BTC", ""]]
    )
    message = refused(office, db_path, str(no_unit), "--meeting", "1")
    assert message == (
        "Error: b.csv: row 1: no column holds the lead unit or units (đơn vị chủ trì); the "
        "columns are A 'STT', B 'Nội dung', C 'Ai làm', D 'Thời hạn'; name it with --map "
        "'HEADER=unit'"
    )
    assert "--map: no column 'Người làm'" in refused(
        office, db_path, str(no_unit), "--map", "Người làm=unit"
    )
    assert "unknown field 'boss'" in refused(office, db_path, str(no_unit), "--map", "Ai làm=boss")
    assert "has no '=FIELD'" in refused(office, db_path, str(no_unit), "--map", "Ai làm")
    # One header given two fields: the later took the column, and the import then said no
    # column held the first.
    mapped = ("--meeting", "1", "--map", "Ai làm=text,ai lam=unit")
    assert refused(office, db_path, str(no_unit), *mapped) == (
        "Error: --map gives the column 'ai lam' two fields, text and unit: a column holds one"
    )
    twice = csv_rows(
        tmp_path / "c.csv",
        [["Nội dung", "Đơn vị chủ trì", "Thời hạn", "Hạn hoàn thành"], ["x", "BTC", "", ""]],
    )
    assert "columns C (Thời hạn), D (Hạn hoàn thành) both look like 'due'" in refused(
        office, db_path, str(twice), "--meeting", "1"
    )


def test_a_sheet_without_its_text_or_unit_column_names_the_file(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A workbook or CSV with no text or no lead unit column was refused with 'row 1: …' and
    no file name, where every other refusal of a sheet names the file (and the sheet of a
    workbook)."""
    no_unit = xlsx(tmp_path / "khong_don_vi.xlsx", [["STT", "Nội dung", "Thời hạn"], [1, "x", ""]])
    no_text = xlsx(tmp_path / "khong_noi_dung.xlsx", [["STT", "Đơn vị chủ trì"], [1, "BTC"]])
    as_csv = csv_rows(tmp_path / "khong.csv", [["STT", "Nội dung", "Thời hạn"], ["1", "x", ""]])
    before = file_digest(db_path)
    assert refused(office, db_path, str(no_unit), "--meeting", "1").startswith(
        "Error: khong_don_vi.xlsx: sheet 'Sheet': row 1: no column holds the lead unit"
    )
    assert refused(office, db_path, str(no_text), "--meeting", "1").startswith(
        "Error: khong_noi_dung.xlsx: sheet 'Sheet': row 1: no column holds the directive's text"
    )
    assert refused(office, db_path, str(as_csv), "--meeting", "1").startswith(
        "Error: khong.csv: row 1: no column holds the lead unit"
    )
    said = office.fail("--lang", "vi", "import", str(no_unit), "--meeting", "1")
    assert said.startswith(
        "Error: khong_don_vi.xlsx: trang tính 'Sheet': dòng 1: không cột nào chứa đơn vị chủ trì"
    ), said
    assert file_digest(db_path) == before


def test_a_key_column_the_header_lacks_is_said_as_key_column(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """``--key-column 'Mã'`` on a sheet without that column named ``--map``, an option the
    user never gave."""
    sheet = csv_rows(tmp_path / "k.csv", [["STT", "Nội dung", "Đơn vị chủ trì"], ["1", "x", "BTC"]])
    args = (str(sheet), "--meeting", "1", "--key-column", "Mã")
    assert refused(office, db_path, *args) == (
        "Error: k.csv: --key-column: no column 'Mã' in the header (row 1); its columns are "
        "A 'STT', B 'Nội dung', C 'Đơn vị chủ trì'"
    )
    said = office.fail("--lang", "vi", "import", *args)
    assert said.startswith("Error: k.csv: --key-column: dòng tiêu đề (dòng 1) không có cột 'Mã'")
    # a column --map names is still --map's, with a --key-column the header has
    mapped = (str(sheet), "--meeting", "1", "--key-column", "STT", "--map", "Người làm=unit")
    assert refused(office, db_path, *mapped).startswith(
        "Error: k.csv: --map: no column 'Người làm'"
    )


def test_a_date_that_does_not_exist(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = csv_rows(
        tmp_path / "d.csv",
        [
            [*HEADER, "Ngày hoàn thành"],
            ["1", "Việc A", "BTC", "", "31/2/2022", "", "", ""],
            ["2", "Việc B", "BTC", "", "30/9/2022", "", "", "30/2/2022"],
            ["3", "Việc C", "BTC", "", "sớm nhất có thể", "", "", ""],
        ],
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert "3 bad rows (2-4)" in message
    assert "row 2, column E (Thời hạn): '31/2/2022' is not a real date" in message
    assert "row 3, column H (Ngày hoàn thành): '30/2/2022' is not a real date" in message
    assert "row 4, column E (Thời hạn): 'sớm nhất có thể' is not a deadline" in message


def test_a_date_written_month_first_says_so(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """A CSV from Google Sheets or Excel set to English (US) writes '6/30/2022': it was 'not a
    real date', and once the clerk fixed those rows, '3/4/2022' beside them came in as 3 April
    in silence. The message says it is month first, the day it would be, and to check the
    others."""
    sheet = csv_rows(
        tmp_path / "us.csv",
        [
            HEADER,
            ["1", "Việc A", "BTC", "", "6/30/2022", "", ""],
            ["2", "Việc B", "BTC", "", "12/31/2022", "", ""],
        ],
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert (
        "row 2, column E (Thời hạn): '6/30/2022' is not a real date day first; it looks written "
        "month first (as a sheet or computer set to English (US) writes dates), 2022-06-30: "
        "write days day first, and check the others written so, since one such as 3/4/2025 is "
        "read as 3 April"
    ) in message
    assert "'12/31/2022' is not a real date day first" in message and "2022-12-31" in message
    vi = office("--lang", "vi", "import", str(sheet), "--meeting", "1")
    assert "có vẻ được viết tháng trước" in vi.stderr and "30/06/2022" in vi.stderr


def test_a_bad_deadline_on_a_row_without_a_meeting(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A deadline not read without the meeting's day (a bad date, 'trong 10 ngày làm việc') on
    a row whose meeting is not known was 'unexpected AssertionError': each is the row's problem,
    beside its missing meeting."""
    sheet = csv_rows(
        tmp_path / "d.csv",
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            ["1", "Việc A", "BTC", "31/12/99999"],
            ["2", "Việc B", "BTC", "trong 10 ngày làm việc"],
            ["3", "Việc C", "BTC", "30/02/2022"],
        ],
    )
    message = refused(office, db_path, str(sheet))
    assert "unexpected" not in message
    assert "3 bad rows (2-4)" in message
    assert "row 2, column D (Thời hạn): '31/12/99999' is not a deadline" in message
    assert "row 3, column D (Thời hạn): this deadline counts from a day" in message
    assert "row 4, column D (Thời hạn): '30/02/2022' is not a real date" in message


def test_a_percent_of_140(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = xlsx(
        tmp_path / "p.xlsx",
        [
            HEADER,
            [1, "Việc A", "BTC", None, datetime(2022, 9, 30), "140%", None],
            [2, "Việc B", "BTC", None, datetime(2022, 9, 30), 140, None],
            [3, "Việc C", "BTC", None, datetime(2022, 9, 30), 1.4, None],
        ],
        percent_cells=("F4",),
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert "row 2, column F (Tiến độ): 140% is not a percentage between 0 and 100" in message
    assert "row 3, column F (Tiến độ): 140 is not a percentage between 0 and 100" in message
    assert "row 4, column F (Tiến độ): 140% is not a percentage between 0 and 100" in message


def test_a_negative_percentage_in_a_text_cell(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """In a CSV (text cells), '-5%' was read as 5% and '-5' kept as a note, where the same -5 in
    a number cell is refused: each is a bad row now. A dash that is no sign (a range, a
    separator) is read as before."""
    sheet = csv_rows(
        tmp_path / "p.csv",
        [
            HEADER,
            ["1", "Việc A", "BTC", "", "30/9/2022", "-5%", ""],
            ["2", "Việc B", "BTC", "", "30/9/2022", "-5", ""],
            ["3", "Việc C", "BTC", "", "30/9/2022", "Tiến độ −10%", ""],
        ],
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert "3 bad rows (2-4)" in message
    assert "row 2, column F (Tiến độ): -5% is not a percentage between 0 and 100" in message
    assert "row 3, column F (Tiến độ): -5 is not a percentage between 0 and 100" in message
    assert "row 4, column F (Tiến độ): −10% is not a percentage between 0 and 100" in message
    fine = csv_rows(
        tmp_path / "q.csv",
        [HEADER, ["1", "Việc A", "BTC", "", "30/9/2022", "Đang thực hiện - 70%", ""]],
    )
    office.ok("import", str(fine), "--meeting", "1")
    assert office.json("show", "2")["progress"] == 70


def test_a_percentage_too_large_to_round(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """1e300 formatted as a percentage (too long for Decimal to round) is a bad row, not a crash."""
    sheet = xlsx(
        tmp_path / "p.xlsx",
        [
            HEADER,
            [1, "Việc A", "BTC", None, datetime(2022, 9, 30), 1e300, None],
            [2, "Việc C", "BTC", None, datetime(2022, 9, 30), -1e300, None],
        ],
        percent_cells=("F2",),
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert "2 bad rows (2-3)" in message
    assert "row 2, column F (Tiến độ):" in message
    assert "is not a percentage between 0 and 100" in message
    assert "unexpected" not in message


def test_a_date_serial_openpyxl_cannot_read_is_one_line(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A cell formatted as a date whose serial is past 9999 makes openpyxl warn on stderr; the
    warning must not be a second line beside the Error."""
    book = Workbook()
    ws = book.worksheets[0]
    ws.append(HEADER)
    ws.append([1, "Việc A", "BTC", None, 2958466, None, None])
    ws["E2"].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "d.xlsx")
    before = file_digest(db_path)
    result = run("import", str(tmp_path / "d.xlsx"), "--meeting", "1", db=office.db, forked=True)
    assert result.returncode == 1
    assert file_digest(db_path) == before
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.stderr


def test_an_empty_unit_cell(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = csv_rows(
        tmp_path / "u.csv",
        [
            HEADER,
            ["1", "Việc A", "BTC", "", "", "", ""],
            ["2", "Việc B", "", "VPTU", "30/9/2022", "", ""],
        ],
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert message.startswith("Error: u.csv: 1 bad row (3); nothing was imported. ")
    assert "row 3, column C (Đơn vị chủ trì): empty: every directive needs a lead unit" in message
    # a dry run says the same count, singular in English, one message with its plural
    before = file_digest(db_path)
    dry = office("import", str(sheet), "--meeting", "1", "--dry-run")
    assert dry.exit_code == 1
    assert dry.stderr.strip() == "Error: u.csv: 1 bad row (3); an import would write nothing"
    assert file_digest(db_path) == before


def test_every_bad_row_is_named(office: Cli, db_path: Path, tmp_path: Path) -> None:
    rows = [HEADER] + [
        [str(i), f"Việc {i}", "Ban Tuyên giáo", "", "", "", ""] for i in range(1, 31)
    ]
    rows[12][2] = "BTC"
    message = refused(office, db_path, str(csv_rows(tmp_path / "m.csv", rows)), "--meeting", "1")
    assert "29 bad rows (2-12, 14-31)" in message
    assert "unknown unit 'Ban Tuyên giáo'" in message and "and 21 more problems" in message


def test_other_row_problems(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = csv_rows(
        tmp_path / "o.csv",
        [
            [*HEADER, "Văn bản giao"],
            ["1", "Trước cuộc họp", "BTC", "", "1/5/2022", "", "", ""],
            ["2", "", "BTC", "", "", "", "", ""],
            ["3", "Xong mà dừng", "BTC", "", "", "", "Đã hoàn thành ngày 1/6/2022; dừng", ""],
            ["4", "Không rõ họp", "BTC", "", "", "", "", "Hội nghị không ngày"],
            ["5", "Họp không có", "BTC", "", "", "", "", "99"],
            ["6", "Văn phòng", "Văn phòng", "", "", "", "", ""],
        ],
    )
    office.ok("unit", "add", "VPUB2", "Văn phòng Sở")
    before = file_digest(db_path)
    message = office.fail("import", str(sheet), "--meeting", "1")
    assert file_digest(db_path) == before
    assert (
        "row 2, column E (Thời hạn): deadline 2022-05-01 is before the meeting (2022-05-06)"
        in message
    )
    assert "row 3, column B (Nội dung): empty: the directive's text is missing" in message
    assert (
        "row 5, column H (Văn bản giao): cannot tell when 'Hội nghị không ngày' was held" in message
    )
    assert "row 6, column H (Văn bản giao): no meeting with id 99" in message
    assert "row 7, column C (Đơn vị chủ trì): unit 'Văn phòng' is ambiguous" in message


def test_a_day_after_today_is_no_completion_or_sheet_date(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A completion or cancellation dated 2999 (a year typed wrong) was recorded without a
    word, and so was --as-of or --done-date 2999: a bad row, or an error naming the option."""
    today = datetime.now().date()
    sheet = csv_rows(
        tmp_path / "f.csv",
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Ngày hoàn thành", "Kết quả"],
            ["1", "Xong năm 2999", "BTC", "30/6/2022", "1/1/2999", ""],
            ["2", "Dừng năm 2999", "BTC", "30/6/2022", "", "Dừng thực hiện ngày 2/1/2999"],
            ["3", "Đúng", "BTC", "30/6/2022", "", ""],
        ],
    )
    done = csv_rows(
        tmp_path / "d.csv",
        [["STT", "Nội dung", "Đơn vị chủ trì", "Kết quả"], ["1", "Việc", "BTC", "Đã hoàn thành"]],
    )
    before = file_digest(db_path)
    message = office.fail("import", str(sheet), "--meeting", "1")
    assert f"completion date 2999-01-01 is after today ({today.isoformat()})" in message
    assert f"cancellation date 2999-01-02 is after today ({today.isoformat()})" in message
    vi = office.fail("--lang", "vi", "import", str(sheet), "--meeting", "1")
    assert "ngày hoàn thành 01/01/2999 là sau hôm nay" in vi
    for option in ("--as-of", "--done-date"):
        said = office.fail("import", str(done), "--meeting", "1", option, "1/1/2999")
        assert said.startswith(f"Error: {option} 2999-01-01 is after today"), said
    assert file_digest(db_path) == before


def test_a_sheet_closing_a_directive_before_a_decision_recorded_since_is_a_bad_row(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """``done 1 --date 1/7/2022`` is refused once an extension was approved on 15/7 (it would
    make a late completion one on time); the register's own sheet, written before the approval
    and filled in with that completion, recorded it all the same. A bad row naming the cell, in
    either language, as ``done`` says it; nothing written."""
    sheet = tmp_path / "bang.xlsx"
    office.ok("export", "--format", "xlsx", "--out", str(sheet), "--as-of", "10/7/2022")
    office.ok("extend", "1", "--to", "31/12/2022", "--date", "15/7/2022")
    book = load_workbook(sheet)
    ws = book.active
    header = [cell.value for cell in ws[4]]
    ws.cell(6, header.index("Completed on") + 1).value = datetime(2022, 7, 1)
    ws.cell(6, header.index("Result") + 1).value = "Done"
    book.save(sheet)
    said = refused(office, db_path, str(sheet))
    assert (
        "row 6, column I (Completed on): completion date 2022-07-01 is before the approval date "
        "2022-07-15 recorded on directive 1"
    ) in said, said
    before = file_digest(db_path)
    vi = office.fail("--lang", "vi", "import", str(sheet))
    assert "ngày hoàn thành 01/07/2022 trước ngày duyệt gia hạn 15/07/2022" in vi, vi
    assert file_digest(db_path) == before
    assert office.fail("done", "1", "--date", "1/7/2022").endswith(
        "completion date 2022-07-01 is before the approval date 2022-07-15 recorded on directive 1"
    )


@pytest.mark.parametrize("word", ["hôm nay", "Ngày hôm nay", "today", "HOM NAY"])
def test_today_written_in_a_sheet_names_no_day(
    office: Cli, db_path: Path, tmp_path: Path, word: str
) -> None:
    """'hôm nay' in a sheet's completion column was read as the day of the import: a directive
    due 30/6/2022, reported done in a sheet of that summer and imported years later, was stored
    done years late. A file is read on another day than it was written: the word is a bad row,
    in either language, and nothing is written."""
    sheet = csv_rows(
        tmp_path / "f.csv",
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Ngày hoàn thành"],
            ["1", "Việc mới", "BTC", "30/6/2022", word],
        ],
    )
    before = file_digest(db_path)
    said = office.fail("import", str(sheet), "--meeting", "1")
    assert said.startswith("Error: f.csv: 1 bad row (2); nothing was imported."), said
    assert (
        f"column E (Ngày hoàn thành): {word!r} names no day in a file, which is read on another "
        "day than it was written: write the day itself (6/5/2022)"
    ) in said
    vi = office.fail("--lang", "vi", "import", str(sheet), "--meeting", "1")
    assert f"{word!r} trong tệp không chỉ ngày nào" in vi, vi
    assert file_digest(db_path) == before


@pytest.mark.parametrize("dry", [[], ["--dry-run"]], ids=["import", "dry-run"])
def test_a_sheet_that_says_it_is_up_to_a_day_after_today_is_refused(
    office: Cli, db_path: Path, tmp_path: Path, dry: list[str]
) -> None:
    """'Số liệu tính đến ngày 30/9/2999' above the table (a year typed wrong) logged the
    sheet's progress on that day without a word, where --as-of 2999 is refused: the sheet's
    day is refused the same way, and --as-of still gives the day it is up to."""
    today = datetime.now().date()
    sheet = text_file(
        tmp_path / "f.csv",
        "BÁO CÁO TIẾN ĐỘ\n(Số liệu tính đến ngày 30/9/2999)\n"
        "STT,Nội dung,Đơn vị chủ trì,Thời hạn,Tiến độ\n1,Việc mới,BTC,31/12/2022,50%\n",
    )
    before = file_digest(db_path)
    said = office.fail("import", str(sheet), "--meeting", "1", *dry)
    assert said == (
        f"Error: f.csv says it is up to 2999-09-30, after today ({today.isoformat()}): its "
        "progress cannot be dated on a day still to come; give the day it is up to with --as-of"
    )
    vi = office.fail("--lang", "vi", "import", str(sheet), "--meeting", "1", *dry)
    assert vi.startswith("Error: f.csv ghi số liệu tính đến ngày 30/09/2999, là sau hôm nay (")
    assert file_digest(db_path) == before
    office.ok("import", str(sheet), "--meeting", "1", "--as-of", "1/12/2022", *dry)


@pytest.mark.parametrize("dry", [[], ["--dry-run"]], ids=["import", "dry-run"])
def test_a_key_or_a_new_units_name_longer_than_its_column_is_a_bad_row(
    office: Cli, db_path: Path, tmp_path: Path, dry: list[str]
) -> None:
    """--dry-run says it as the import does, naming the row and cell (the import said only
    `directive.key is 201 characters long…` once it wrote, and --dry-run nothing at all)."""
    sheet = csv_rows(
        tmp_path / "long.csv",
        [
            [*HEADER, "Mã"],
            ["1", "Việc A", "BTC", "", "30/9/2022", "", "", "K" * 201],
            ["2", "Việc B", "Ban " + "Mới " * 100, "", "30/9/2022", "", "", "K2"],
            ["3", "Việc C", "BTC", "", "30/9/2022", "", "", "K" * 200],
        ],
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1", "--create-units", *dry)
    assert "2 bad rows (2-3)" in message
    if not dry:
        assert (
            "row 2, column H (Mã): directive.key is 201 characters long, more than the 200 it "
            "can hold" in message
        )
        assert (
            "row 3, column C (Đơn vị chủ trì): unit.name is 403 characters long, more than the "
            "400 it can hold" in message
        )


def test_options_that_do_not_apply(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = csv_rows(tmp_path / "s.csv", [HEADER, ["1", "Việc A", "BTC", "", "", "", ""]])
    assert "no meeting with id 99" in refused(office, db_path, str(sheet), "--meeting", "99")
    assert "--sheet is for Excel workbooks" in refused(office, db_path, str(sheet), "--sheet", "1")
    assert "'32/1/2022' is not a real date" in refused(
        office, db_path, str(sheet), "--as-of", "32/1/2022"
    )
    book = xlsx(tmp_path / "b.xlsx", [HEADER])
    assert "has no sheet 'Nhiệm vụ'; its sheets are 'Sheet'" in refused(
        office, db_path, str(book), "--sheet", "Nhiệm vụ"
    )


def test_usage_errors_exit_2(office: Cli) -> None:
    office.fail("import", code=2)
    office.fail("import", "x.csv", "--no-such-option", code=2)


def test_control_characters_are_removed_with_a_warning_naming_the_row(
    office: Cli, tmp_path: Path
) -> None:
    sheet = csv_rows(
        tmp_path / "c.csv",
        [
            HEADER,
            ["1", "Việc \x1b]0;pwned\x07A", "BTC", "", "30/9/2022", "", ""],
            ["2", "Việc B", "BTC", "", "30/9/2022", "", "đang tổng hợp\x9b"],
        ],
    )
    result = office("import", str(sheet), "--meeting", "1")
    assert result.exit_code == 0, result.stderr
    assert "row 2: control characters removed from column B (Nội dung): U+001B, U+0007" in (
        result.stderr
    )
    assert "row 3: control characters removed from column G (Kết quả): U+009B" in result.stderr
    texts = [d["text"] for d in office.json("list")]
    assert "Việc ]0;pwnedA" in texts and "Việc B" in texts
    assert not any("\x1b" in t or "\x07" in t for t in texts)


def test_a_nul_in_a_csv_cell_is_removed_like_any_control_character(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A NUL byte in one cell made the whole file "not a spreadsheet": NUL was taken for the
    mark of a binary file. UTF-16 without its byte-order mark (a NUL in every other byte) was
    "not a spreadsheet", then refused naming it: it is read, either byte order."""
    sheet = csv_rows(
        tmp_path / "n.csv", [HEADER, ["1", "Việc\x00A", "BTC", "", "30/9/2022", "", ""]]
    )
    result = office("import", str(sheet), "--meeting", "1")
    assert result.exit_code == 0, result.stderr
    assert "row 2: control characters removed from column B (Nội dung): U+0000" in result.stderr
    assert "ViệcA" in [d["text"] for d in office.json("list")]
    text = sheet.read_text(encoding="utf-8").replace("\x00", "")
    for encoding in ("utf-16-le", "utf-16-be"):
        wide = tmp_path / f"{encoding}.csv"
        wide.write_bytes(text.replace("ViệcA", f"Việc {encoding}").encode(encoding))
        assert office.json("import", str(wide), "--meeting", "1", "--dry-run")["encoding"] == (
            encoding
        )
        office.ok("import", str(wide), "--meeting", "1")
        assert f"Việc {encoding}" in [d["text"] for d in office.json("list")]
    # half a character at its end: not UTF-16, said as such; nothing written
    cut = tmp_path / "cut.csv"
    cut.write_bytes(text.encode("utf-16-le") + b"x")
    digest = file_digest(db_path)
    assert office.fail("import", str(cut), "--meeting", "1").startswith("Error: ")
    assert file_digest(db_path) == digest
    binary = tmp_path / "b.csv"  # NULs in both halves of each pair: no text, still no sheet
    binary.write_bytes(bytes([0, 0, 0, 1]) * 500)
    assert office.fail("import", str(binary), "--meeting", "1").endswith(
        "is not a spreadsheet (.xlsx, .csv) or a dirtrack export (.json)"
    )


def test_a_zero_width_text_is_an_empty_text(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = csv_rows(
        tmp_path / "z.csv", [HEADER, ["1", "\u200b\u200b", "BTC", "", "30/9/2022", "", ""]]
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert "row 2, column B (Nội dung): empty: the directive's text is missing" in message


def test_a_csv_field_over_the_csv_limit(office: Cli, db_path: Path, tmp_path: Path) -> None:
    sheet = csv_rows(
        tmp_path / "big.csv", [HEADER, ["1", "x" * 140_000, "BTC", "", "30/9/2022", "", ""]]
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert message == (
        "Error: big.csv, line 2: a field is longer than 131072 characters, the limit for CSV"
    )


def test_a_csv_line_wider_than_any_sheet(office: Cli, db_path: Path, tmp_path: Path) -> None:
    """A line of a million separators is refused at once, not matched cell by cell for
    minutes against the column names."""
    sheet = tmp_path / "wide.csv"
    sheet.write_bytes(
        "STT,Nội dung,Đơn vị chủ trì,Thời hạn\n".encode()
        + b"1,"
        + b"A," * 1_000_000
        + b"BTC,30/9/2022\n"
    )
    message = refused(office, db_path, str(sheet), "--meeting", "1")
    assert message == (
        "Error: wide.csv, line 2: 1000003 columns, more than the 16384 a spreadsheet can have"
    )
    before = file_digest(db_path)
    vi = office.fail("--lang", "vi", "import", str(sheet), "--meeting", "1", "--dry-run")
    assert file_digest(db_path) == before
    assert (
        vi
        == "Error: wide.csv, dòng 2: có 1000003 cột, nhiều hơn 16384 cột mà một bảng tính có thể có"
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_huge_cell_is_quoted_cut_short(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A cell of 40,000 characters is quoted by its first 80 and "…", not whole in the line."""
    sheet = xlsx(
        tmp_path / "big.xlsx",
        [
            HEADER,
            [1, "Việc A", "BTC", None, "sớm " * 10_000, None, None],
            [2, "Việc B", "Ban " * 10_000, None, datetime(2022, 9, 30), None, None],
            [3, "Việc C", "BTC", None, datetime(2022, 9, 30), "5000." + "0" * 40_000, None],
        ],
    )
    before = file_digest(db_path)
    message = office.fail("--lang", lang, "import", str(sheet), "--meeting", "1")
    assert file_digest(db_path) == before
    assert len(message) < 2_000, len(message)
    assert message.count("…") == 3
    assert "'" + ("sớm " * 20)[:80] + "…'" in message
    assert "5000." + "0" * 75 + "…" in message


def _numbers_in_xml(path: Path, numbers: dict[str, str]) -> Path:
    """``path`` with the XML value of number cells replaced (``{"B2": "1e400"}``): what another
    program may write, and Excel never does."""
    import re

    data = path.read_bytes()
    out = path.with_name("x-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, value in numbers.items():
                    text = re.sub(rf'(<c r="{ref}"[^>]*><v>)[^<]*', rf"\g<1>{value}", text)
                data = text.encode()
            dst.writestr(item, data)
    return out


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_infinite_number_cell_is_a_bad_row(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """1e400 in a number cell is read as infinity: not the text 'inf', a bad row naming it."""
    sheet = xlsx(
        tmp_path / "inf.xlsx",
        [
            HEADER,
            [1, 5, "BTC", None, datetime(2022, 9, 30), None, None],
            [2, "Việc B", "BTC", None, 7, 0.5, None],
        ],
    )
    sheet = _numbers_in_xml(sheet, {"B2": "1e400", "E3": "-1e400", "F3": "1e400"})
    before = file_digest(db_path)
    message = office.fail("--lang", lang, "import", str(sheet), "--meeting", "1")
    assert file_digest(db_path) == before
    said = {
        "en": "is not a number a sheet can hold (infinite or undefined)",
        "vi": "không phải là số mà bảng tính có thể chứa (vô hạn hoặc không xác định)",
    }[lang]
    row, column = ("row", "column") if lang == "en" else ("dòng", "cột")
    assert f"{row} 2, {column} B (Nội dung): inf {said}" in message
    assert f"{row} 3, {column} E (Thời hạn): -inf {said}" in message
    assert f"{row} 3, {column} F (Tiến độ): inf {said}" in message
    assert "Traceback" not in message and "row_no_text" not in message
    assert ("missing" if lang == "en" else "thiếu") not in message


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_formula_whose_value_was_never_saved_is_refused(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A workbook a program wrote (openpyxl, pandas) holds formulas without values: the
    deadline =DATE(2022,9,30) was read as an empty cell, a directive without a deadline. The
    sheet is named as its tab shows it (it was the name of its part in the file, sheet1.xml)."""
    sheet = xlsx(tmp_path / "f.xlsx", [HEADER, ["1", "Việc A", "BTC", "", "=DATE(2022,9,30)"]])
    _refused_as_never_saved(office, db_path, sheet, lang, "E2", "=DATE(2022,9,30)")


def _refused_as_never_saved(
    office: Cli, db_path: Path, sheet: Path, lang: str, cell: str, formula: str
) -> None:
    """``import`` of ``sheet``, and its ``--dry-run``, refused in ``lang`` for the formula
    never saved in ``cell`` of its sheet, the register as it was."""
    before = file_digest(db_path)
    for dry in ([], ["--dry-run"]):
        message = office.fail("--lang", lang, "import", str(sheet), "--meeting", "1", *dry)
        assert file_digest(db_path) == before
        if lang == "en":
            assert message.endswith(
                f"{sheet.name}: cell {cell} of sheet 'Sheet' holds a formula ({formula}) whose "
                "value was never saved; open the file in Excel or LibreOffice, save it again "
                "and import that"
            ), message
        else:
            assert f"ô {cell} của trang 'Sheet' có công thức ({formula})" in message, message


def test_a_formula_never_saved_in_a_column_not_read_is_no_matter(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A workbook openpyxl wrote with a formula (no saved value) in a column the import does
    not read was refused whole; only a cell read is refused now, named (the formula in a
    column read, the deadline, is refused as before)."""
    rows: list[list[Any]] = [
        [*HEADER, "Cột tính"],
        ["1", "Việc A", "BTC", "", "30/9/2022", None, None, "=1+1"],
        ["2", "Việc B", "BTC", "", "=DATE(2022,9,30)", None, None, "=2+2"],
    ]
    read = xlsx(tmp_path / "f.xlsx", rows)
    message = refused(office, db_path, str(read), "--meeting", "1")
    assert "cell E3 of sheet 'Sheet' holds a formula (=DATE(2022,9,30))" in message, message
    rows[2][4] = "31/10/2022"
    unread = xlsx(tmp_path / "g.xlsx", rows)
    result = office("import", str(unread), "--meeting", "1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    created = json.loads(result.stdout)["directive_ids"]
    shown = {d["text"]: d["original_due"] for d in office.json("list")}
    assert len(created) == 2 and shown["Việc B"] == "2022-10-31"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_header_holding_a_formula_never_saved_is_refused(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A header cell openpyxl wrote as a formula (``=Mã``, no value saved) was read as no
    header: its column and the keys under it were left out without a word (not even among the
    columns left out of --dry-run). The header row is read, so it is refused as any cell read
    holding a formula never saved is, naming the cell."""
    sheet = xlsx(
        tmp_path / "f.xlsx",
        [[*HEADER, "=Mã"], ["1", "Việc A", "BTC", "", "30/9/2022", None, None, "K1"]],
    )
    _refused_as_never_saved(office, db_path, sheet, lang, "H1", "=Mã")


def test_a_formula_is_read_as_its_saved_value_not_its_text(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A formula is no value: a unit cell holding the formula ``=VPTU`` whose value Excel saved
    as BTC is BTC (the value, never the formula's text); its error value (Excel's #NAME? for
    =VPTU) is refused, naming the cell. A text cell reading ``=VPTU`` (typed with an
    apostrophe) is a text, read as ``--unit =VPTU`` is: marks around a code do not matter."""
    rows: list[list[Any]] = [
        HEADER,
        ["1", "Việc A", "VPUB", "", "30/9/2022"],
        ["2", "Việc B", "VPTU", "", "30/9/2022"],
    ]
    book = cell_xml(
        xlsx(tmp_path / "f.xlsx", rows), "C2", '<c r="C2" t="str"><f>VPTU</f><v>BTC</v></c>'
    )
    result = office("import", str(book), "--meeting", "1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    units = {d["text"]: d["unit"] for d in office.json("list") if d["text"].startswith("Việc")}
    assert units == {"Việc A": "BTC", "Việc B": "VPTU"}
    failed = cell_xml(
        xlsx(tmp_path / "g.xlsx", rows), "C2", '<c r="C2" t="e"><f>VPTU</f><v>#NAME?</v></c>'
    )
    message = refused(office, db_path, str(failed), "--meeting", "1")
    assert "#NAME?" in message and re.search(r"\brow 2\b", message), message


def test_an_unsaved_formula_is_shown_as_typed_not_as_xml(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """openpyxl writes a formula's text outside ASCII as XML character references (&#272;):
    the message showed them as such, not as the characters the cell holds."""
    sheet = xlsx(tmp_path / "f.xlsx", [HEADER, ["1", "Việc A", "BTC", "", '="Đã " & "x<y"']])
    before = file_digest(db_path)
    message = office.fail("import", str(sheet), "--meeting", "1")
    assert file_digest(db_path) == before
    assert 'holds a formula (="Đã " & "x<y") whose value' in message
    assert "&#" not in message and "&amp;" not in message


def _zip_bomb(tmp_path: Path) -> Path:
    """A workbook whose sheet is 20 MB of spaces, packed a thousand times smaller."""
    xlsx(tmp_path / "ok.xlsx", [HEADER, ["1", "Việc A", "BTC", "", "30/9/2022"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as book, zipfile.ZipFile(bomb, "w") as out:
        for entry in book.infolist():
            data = book.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * 20_000_000)
            out.writestr(entry.filename, data, zipfile.ZIP_DEFLATED)
    return bomb


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_zip_bomb_named_xlsx_is_refused_before_it_is_unpacked(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A sheet of 3 GB of spaces packed into 3 MB took a minute and 6 GB of memory to import:
    the sizes in the zip's directory refuse it at once, for import and pack in alike."""
    bomb = _zip_bomb(tmp_path)
    before = file_digest(db_path)
    for args in (["import", str(bomb), "--meeting", "1"], ["pack", "in", str(bomb)]):
        message = office.fail("--lang", lang, *args)
        assert file_digest(db_path) == before
        said = {
            "en": "its part xl/worksheets/sheet1.xml unpacks to 19 MB, ",
            "vi": "phần xl/worksheets/sheet1.xml của tệp giải nén ra 19 MB, gấp ",
        }[lang]
        assert said in message


def _encrypted(path: Path) -> Path:
    """An OLE file as Excel saves a workbook with a password to open it: its directory, past
    the first 8 KB read to tell a file's kind, names the stream EncryptedPackage."""
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20_000)
    name = "EncryptedPackage".encode("utf-16-le")
    body[12_000 : 12_000 + len(name)] = name
    path.write_bytes(bytes(body))
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_workbook_with_a_password_is_named_so_not_an_old_xls(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """It was told to be an Excel 97-2003 workbook, to be saved as .xlsx, which it is."""
    locked = _encrypted(tmp_path / "bang.xlsx")
    before = file_digest(db_path)
    for args in (["import", str(locked)], ["pack", "in", str(locked)]):
        message = office.fail("--lang", lang, *args)
        assert file_digest(db_path) == before
        said = {"en": "protected by a password to open it", "vi": "được đặt mật khẩu để mở"}
        assert said[lang] in message and "97-2003" not in message


def test_a_formula_with_its_saved_value_is_read(office: Cli, tmp_path: Path) -> None:
    sheet = xlsx(tmp_path / "v.xlsx", [HEADER, ["1", "Việc A", "BTC", "", "x", "", "x"]])
    cell_xml(sheet, "E2", '<c r="E2" t="str"><f>"30/9/2022"</f><v>30/9/2022</v></c>')
    cell_xml(sheet, "G2", '<c r="G2" t="str"><f>IF(1=2,"x","")</f><v></v></c>')
    report = office.json("import", str(sheet), "--meeting", "1", "--dry-run")
    assert [(r["text"], r["due"]) for r in report["rows"]] == [("Việc A", "2022-09-30")]


def test_chart_sheets_are_no_table_and_do_not_stop_the_tables(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    only = Workbook()
    only.create_chartsheet("Biểu đồ")  # a chart sheet without a chart: openpyxl fails on it
    only.remove(only["Sheet"])
    only.save(tmp_path / "bieu-do.xlsx")
    for lang, words in (("en", "its only sheets are charts"), ("vi", "đều là biểu đồ")):
        before = file_digest(db_path)
        message = office.fail("--lang", lang, "import", str(tmp_path / "bieu-do.xlsx"))
        assert file_digest(db_path) == before
        assert words in message and "'Biểu đồ'" in message and "AttributeError" not in message
    book = Workbook()
    book.worksheets[0].append(HEADER)
    book.worksheets[0].append(["1", "Việc A", "BTC", "", "30/9/2022", "", ""])
    book.create_chartsheet("Biểu đồ", 0)
    book.active = 0
    book.save(tmp_path / "bang.xlsx")
    report = office.json("import", str(tmp_path / "bang.xlsx"), "--meeting", "1", "--dry-run")
    assert [(r["text"], r["due"]) for r in report["rows"]] == [("Việc A", "2022-09-30")]
    chart = refused(office, db_path, str(tmp_path / "bang.xlsx"), "--sheet", "biểu đồ")
    assert "sheet 'biểu đồ' is a chart, not a table" in chart


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_cells_that_say_too_little_name_the_row_and_what_to_write(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """'Đầu năm 2023' (no day a clerk could tell), 'Đã thực hiện' without a day (done, or acted
    on?), 'Không thực hiện' (stopped, or not done?), an extension that extends nothing and a
    lead unit cell naming several bodies: each row is named with what to write instead, in one
    line, and nothing is written, with --create-units too."""
    sheet = xlsx(
        tmp_path / "it.xlsx",
        [
            HEADER,
            ["1", "Đầu năm", "BTC", "", "Đầu năm 2023", "", ""],
            ["2", "Thực hiện", "BTC", "", "30/9/2022", "", "Đã thực hiện"],
            ["3", "Không", "BTC", "", "30/9/2022", "", "Không thực hiện"],
            ["4", "Gia hạn sớm", "BTC", "", "30/9/2022 (gia hạn đến 30/8/2022)", "", ""],
            ["5", "Các ban", "Các ban, ngành", "", "30/9/2022", "", ""],
            ["6", "Được", "BTC", "", "30/9/2022", "", "Đã thực hiện ngày 1/8/2022"],
        ],
    )
    before = file_digest(db_path)
    message = office.fail("--lang", lang, "import", str(sheet), "--meeting", "1", "--create-units")
    assert file_digest(db_path) == before
    expected = {
        "en": [
            "5 bad rows (2-6)",
            "row 2, column E (Thời hạn): 'Đầu năm 2023' names no day: write the day it means "
            "(31/1/2023), a month (tháng 1/2023) or a quarter (quý I/2023)",
            "row 3, column G (Kết quả): 'Đã thực hiện' does not say whether the directive is "
            "done: if it is, write 'Đã hoàn thành ngày 20/7/2023'",
            "row 4, column G (Kết quả): 'Không thực hiện' may mean cancelled or not done",
            "row 5, column E (Thời hạn): the extension to 2022-08-30 is not later than the "
            "deadline 2022-09-30",
        ],
        "vi": [
            "5 dòng có lỗi (2-6)",
            "dòng 2, cột E (Thời hạn): 'Đầu năm 2023' không chỉ rõ ngày nào",
            "dòng 3, cột G (Kết quả): 'Đã thực hiện' không cho biết nhiệm vụ đã hoàn thành hay "
            "chưa",
            "dòng 4, cột G (Kết quả): 'Không thực hiện' có thể là đã dừng hoặc là chưa làm",
            "dòng 5, cột E (Thời hạn): thời hạn gia hạn 30/08/2022 không muộn hơn thời hạn "
            "30/09/2022",
        ],
    }[lang]
    for part in expected:
        assert part in message, (part, message)
    dry = office("--lang", lang, "import", str(sheet), "--meeting", "1", "--dry-run")
    several = {"en": "'Các ban, ngành' names several bodies", "vi": "là nhiều cơ quan"}[lang]
    assert dry.exit_code == 1 and several in dry.stdout
    assert (
        dry.stderr.strip()
        == {
            "en": "Error: it.xlsx: 5 bad rows (2-6); an import would write nothing",
            "vi": "Error: it.xlsx: có 5 dòng lỗi (2-6); lệnh nhập sẽ không ghi gì",
        }[lang]
    )


def _part_changed(tmp_path: Path, name: str, change: Any) -> Path:
    """A workbook whose part ``name`` is ``change(bytes)``, or left out where that is None."""
    xlsx(tmp_path / "ok.xlsx", [HEADER, ["1", "Việc A", "BTC", "", "30/9/2022"]])
    broken = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as book, zipfile.ZipFile(broken, "w") as out:
        for entry in book.infolist():
            data = book.read(entry) if entry.filename != name else change(book.read(entry))
            if data is not None:
                out.writestr(entry.filename, data, zipfile.ZIP_DEFLATED)
    return broken


@pytest.mark.parametrize(
    ("name", "change", "en", "vi"),
    [
        (
            "xl/worksheets/sheet1.xml",
            lambda data: data.replace(b"<sheetData>", b"<sheetData><c>\x00</c>"),
            "one of its parts is damaged: not well-formed XML",
            "một phần bên trong bị hỏng: không phải XML hợp lệ",
        ),
        (
            "[Content_Types].xml",
            lambda data: None,
            "it lacks its part [Content_Types].xml",
            "thiếu phần [Content_Types].xml",
        ),
        (
            "xl/worksheets/sheet1.xml",
            lambda data: data.replace(
                b"</sheetData>", b'<row r="9"><c r="B9" t="s"><v>99999</v></c></row></sheetData>'
            ),
            "(IndexError: damaged)",
            "(IndexError: bị hỏng)",
        ),
    ],
    ids=["xml-not-well-formed", "part-missing", "shared-string-not-there"],
)
def test_a_damaged_workbook_is_said_in_the_users_language_not_the_parsers(
    office: Cli, db_path: Path, tmp_path: Path, name: str, change: Any, en: str, vi: str
) -> None:
    """The parser's English was the detail of the Vietnamese line ('not well-formed (invalid
    token): line 1, column 1060', "There is no item named '[Content_Types].xml' in the
    archive")."""
    broken = _part_changed(tmp_path, name, change)
    assert en in refused(office, db_path, str(broken))
    before = file_digest(db_path)
    in_vi = office.fail("--lang", "vi", "import", str(broken))
    assert file_digest(db_path) == before
    assert vi in in_vi and "invalid token" not in in_vi and "There is" not in in_vi, in_vi
    assert "out of range" not in in_vi, in_vi


def test_a_workbook_whose_packed_bytes_are_damaged_is_said_to_be_damaged(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A sheet's packed bytes damaged (a copy cut short, a bad sector) raised zlib's error or
    EOFError where dirtrack reads the zip itself: 'unexpected error: Error -3 while
    decompressing data'. The workbook is damaged, said as any other."""
    xlsx(tmp_path / "ok.xlsx", [HEADER, ["1", "Việc A", "BTC", "", "30/9/2022"]])
    data = bytearray((tmp_path / "ok.xlsx").read_bytes())
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as book:
        entry = book.getinfo("xl/worksheets/sheet1.xml")
    start = entry.header_offset + 30 + len(entry.filename.encode()) + len(entry.extra)
    data[start + 4 : start + 12] = b"\xff" * 8
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(bytes(data))
    assert "cannot be read as an Excel workbook (error: damaged)" in refused(
        office, db_path, str(broken)
    )


def test_a_workbook_naming_a_sheet_whose_part_is_missing_is_said_to_be_damaged(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """openpyxl passes over a sheet the workbook names whose part is not in the zip: with
    none left the import said 'its only sheets are charts ()', with one of two it read the
    other alone and `--sheet` named the missing one 'no sheet'. The workbook is damaged: said
    so, naming the sheet, for import and `pack in` alike."""
    book = Workbook()
    book.worksheets[0].title = "Chủ trì"
    book.worksheets[0].append(HEADER)
    book.worksheets[0].append(["1", "Việc A", "BTC", "", "30/9/2022", "", ""])
    second = book.create_sheet("Phối hợp")
    second.append(HEADER)
    second.append(["1", "Việc B", "BTC", "", "30/9/2022", "", ""])
    book.save(tmp_path / "two.xlsx")

    def without(name: str, *parts: str) -> Path:
        made = tmp_path / name
        with zipfile.ZipFile(tmp_path / "two.xlsx") as two, zipfile.ZipFile(made, "w") as out:
            for entry in two.infolist():
                if entry.filename not in parts:
                    out.writestr(entry.filename, two.read(entry), zipfile.ZIP_DEFLATED)
        return made

    none = without("none.xlsx", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")
    half = without("half.xlsx", "xl/worksheets/sheet2.xml")
    for broken, sheet, part in (
        (none, "Chủ trì", "sheet1"),
        (half, "Phối hợp", "sheet2"),
    ):
        for args in ([], ["--sheet", "all"], ["--sheet", "Phối hợp"]):
            assert refused(office, db_path, str(broken), "--meeting", "1", *args) == (
                f"Error: {broken} is a damaged workbook: it names sheet '{sheet}', whose part "
                f"xl/worksheets/{part}.xml is not in the file; nothing was read"
            )
        before = file_digest(db_path)
        assert office.fail("--lang", "vi", "import", str(broken), "--meeting", "1") == (
            f"Error: {broken} là sổ tính bị hỏng: nó có trang tính '{sheet}' nhưng trong tệp "
            f"không có phần xl/worksheets/{part}.xml của trang đó; không đọc gì"
        )
        assert file_digest(db_path) == before
    assert "is a damaged workbook" in office.fail("pack", "in", str(half))


def test_an_error_line_names_the_first_bad_rows_and_counts_the_others(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Every other row of a sheet bad was named one by one in the Error line (20,000 rows made
    one of 65,000 characters): the first 10 runs of rows are named, then how many more, in
    either language with its plural; the problems themselves were capped already."""
    rows = [HEADER]
    for n in range(1, 61):
        due = "31/2/2022" if n % 2 else "30/9/2022"
        rows.append([str(n), f"Việc {n}", "BTC", "", due, "", ""])
    sheet = csv_rows(tmp_path / "bang.csv", rows)
    said = refused(office, db_path, str(sheet), "--meeting", "1")
    assert said.startswith(
        f"Error: {sheet.name}: 30 bad rows (2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 20 more "
        "rows); nothing was imported. row 2, column E (Thời hạn): '31/2/2022' is not a real date; "
    ), said
    assert said.endswith("; and 22 more problems. Run with --dry-run to see every row"), said
    before = file_digest(db_path)
    in_vi = office.fail("--lang", "vi", "import", str(sheet), "--meeting", "1", "--dry-run")
    assert in_vi == (
        f"Error: {sheet.name}: có 30 dòng lỗi (2, 4, 6, 8, 10, 12, 14, 16, 18, 20 và 20 dòng "
        "khác); lệnh nhập sẽ không ghi gì"
    ), in_vi
    # eleven runs: the eleventh is one row more, said in the singular
    rows[1:] = [[r[0], r[1], r[2], r[3], r[4] if int(r[0]) < 22 else "", "", ""] for r in rows[1:]]
    one = refused(office, db_path, str(csv_rows(sheet, rows)), "--meeting", "1")
    assert one.startswith(
        f"Error: {sheet.name}: 11 bad rows (2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 1 more row); "
    ), one
    assert file_digest(db_path) == before


def test_a_draft_with_thousands_of_bad_directives_is_one_short_line(
    office: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A draft of 3,000 directives each with an impossible deadline: the Error line names the
    first 8 with their lines and counts the others, in either language, import or dry run."""
    blocks = ['[meeting]\ndate = "2022-05-07"\ntitle = "Họp"\n']
    blocks += ['[[directives]]\nunit = "BTC"\ntext = "Việc"\ndue = "31/2/2022"\n'] * 3000
    draft = tmp_path / "hop.toml"
    draft.write_text("\n".join(blocks), encoding="utf-8")
    said = refused(office, db_path, str(draft))
    first = "line 5, directives #1: due: '31/2/2022' is not a real date; "
    assert said.startswith(f"Error: hop.toml: nothing was imported. {first}"), said
    assert said.endswith("; and 2992 more problems") and len(said) < 1000, said
    before = file_digest(db_path)
    dry = office("--lang", "vi", "import", str(draft), "--dry-run")
    assert dry.exit_code == 1 and dry.stdout.count("\n") >= 3000  # every one on stdout
    line = dry.stderr.strip()
    assert line.startswith("Error: hop.toml: có 3000 lỗi, lệnh nhập sẽ không ghi gì: dòng 5, "), (
        line
    )
    assert line.endswith("; và 2992 lỗi khác") and "\n" not in line and len(line) < 1000, line
    assert file_digest(db_path) == before
