"""`dirtrack import` of office sheets: the sample workbook, CSV dialects, mapping, re-import."""

from __future__ import annotations

import codecs
import csv
import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import SHEET_HEADER as HEADER
from tests.conftest import Cli, cp1258, file_digest, prebuilt, program, run, snapshot

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "office_sheet.xlsx"
GENERATOR = ROOT / "examples" / "make_office_sheet.py"
AS_OF = "2022-09-30"


def by_text(cli: Cli) -> dict[tuple[str, str], dict[str, Any]]:
    records = cli.json("list", "--as-of", AS_OF)
    return {(r["unit"], r["text"]): r for r in records}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample sheet, made afresh by its generator (as examples/ documents)."""
    out = tmp_path / "office_sheet.xlsx"
    subprocess.run([sys.executable, str(GENERATOR), str(out)], check=True)
    return out


def _cells(path: Path) -> list[list[Any]]:
    book = load_workbook(path)
    return [
        [ws.title, sorted(str(r) for r in ws.merged_cells.ranges)]
        + [list(row) for row in ws.iter_rows(values_only=True)]
        for ws in book.worksheets
    ]


def test_committed_sample_matches_its_generator(sample: Path) -> None:
    assert _cells(sample) == _cells(SAMPLE)


def test_dry_run_reads_every_quirk_and_writes_nothing(
    units: Cli, sample: Path, db_path: Path
) -> None:
    before = file_digest(db_path)
    report = units.json("import", str(sample), "--dry-run")
    assert file_digest(db_path) == before
    assert report["dry_run"] is True
    assert report["sheet"] == "Theo dõi KL"
    assert report["as_of"] == AS_OF  # from "(Số liệu tính đến ngày 30/9/2022)" above the header
    fields = {c["column"]: c["field"] for c in report["columns"]}
    assert fields == {
        "A": "stt",
        "B": "text",
        "C": "unit",
        "D": "with",
        "E": "due",
        "F": "progress",
        "G": "result",
        "H": "completed_on",
        "I": "note",
    }
    rows = {r["row"]: r for r in report["rows"]}
    # Title rows, the two header rows, the column numbers and the signature block are no rows.
    assert sorted(rows) == [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    assert rows[10]["action"] == "section" and rows[16]["action"] == "section"
    assert rows[12]["units"] == ["BTC", "VPTU"] and rows[12]["with"] == ["UBKT"]
    assert rows[12]["due"] == "2022-09-30" and rows[12]["due_text"] == "Quý III/2022"
    assert rows[13]["text"] == rows[14]["text"]  # merged over two rows, one per unit
    assert rows[13]["due"] == "2022-08-15"  # "15/8/2022" typed as text, day first
    assert rows[11]["due"] == "2022-06-30"  # a real Excel date
    assert rows[15]["due"] is None and rows[15]["due_text"] == "Thường xuyên"
    assert rows[17]["with"] == ["BDV", "BTC"] or rows[17]["with"] == ["BTC", "BDV"]
    assert report["created"] == {"units": 0, "meetings": 2, "directives": 9}
    assert report["problems"] == [] and report["bad_rows"] == []


def test_import_records_the_sample_as_the_office_sees_it(units: Cli, sample: Path) -> None:
    units.ok("import", str(sample))
    found = by_text(units)
    assert len(found) == 9
    statuses = sorted(r["status"] for r in found.values())
    assert statuses == sorted(
        [
            "done_on_time",
            "open_in_time",
            "open_in_time",
            "done_on_time",
            "overdue",
            "open_in_time",
            "open_in_time",
            "cancelled",
            "open_in_time",
        ]
    )
    first = found[
        ("VPTU", "Rà soát, bổ sung quy chế làm việc của các cơ quan tham mưu, giúp việc Tỉnh ủy")
    ]
    assert first["completed_on"] == "2022-06-25" and first["with"] == ["BTC"]
    late = found[("BDV", "Kiện toàn đội ngũ cán bộ làm công tác văn phòng cấp ủy")]
    assert late["status"] == "overdue" and late["days_overdue"] == 46 and late["progress"] == 50
    cancelled = units.json(
        "show",
        str(
            found[("VPUB", "Báo cáo tình hình thực hiện nhiệm vụ chính trị 9 tháng đầu năm")]["id"]
        ),
    )
    assert cancelled["cancelled_on"] == "2022-09-15"
    assert cancelled["history"][-1]["note"] == "nội dung đã lồng ghép vào báo cáo chung"
    meetings = units.json("meetings")
    assert [(m["date"], m["doc"], m["kind"]) for m in meetings] == [
        ("2022-05-06", "46-TB/TU", "working-session"),
        ("2022-07-29", "52-KL/TU", "briefing"),
    ]
    assert meetings[0]["title"].startswith("Thông báo kết luận số 46-TB/TU")
    report = units.json("report", "--quarter", "2022Q3")
    # Not in Q3's counts: the cancelled one, and the one completed in June, before Q3 began.
    assert report["totals"]["total"] == 7
    assert report["totals"]["overdue"] == 1


def test_importing_the_same_sheet_twice_is_refused(units: Cli, sample: Path, db_path: Path) -> None:
    units.ok("import", str(sample))
    before = file_digest(db_path)
    message = units.fail("import", str(sample))
    assert "repeats directive" in message and "--key-column" in message
    assert "rows 11-15, 17-19" in message or "(11-15, 17-19)" in message
    assert file_digest(db_path) == before


def test_texts_assign_tells_apart_are_told_apart_by_import(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """assign compares texts case, accents and spaces aside; import compared them punctuation
    aside too: 'Báo cáo tháng 1-2' and 'Báo cáo tháng 1/2', two directives assign had taken,
    were one repeated in the register's own `list --format csv`, which import refused."""
    texts = ["Báo cáo tháng 1-2", "Báo cáo tháng 1/2", "''=x", "'''+x"]
    for text in texts:
        units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "--", text)
    listed = units("list", "--format", "csv", "--fields", "text,unit,due")
    assert listed.exit_code == 0, listed.stderr
    sheet = tmp_path / "ds.csv"
    sheet.write_text(listed.stdout, encoding="utf-8")
    done = units("import", str(sheet), "--meeting", str(meeting), "--dry-run", "-f", "json")
    assert done.exit_code == 1, done.stderr  # each row repeats its directive: no other fault
    report = json.loads(done.stdout)
    assert [p["message"] for r in report["rows"] for p in r["problems"]] == [
        f"repeats directive {n} (same meeting, lead unit and text); to update directives from "
        "the sheet, import with --key-column"
        for n in range(1, 5)
    ]
    # (a CSV's text starting with apostrophes and a formula's sign loses one: dirtrack's mark)
    rows = [["", text, "VPTU", "", "", "", ""] for text in texts[:2]]
    other = write_csv(tmp_path / "s.csv", [HEADER, *rows])
    report = units.json("import", str(other), "--meeting", str(meeting), "--dry-run")
    assert [(r["action"], r["text"]) for r in report["rows"]] == [("create", t) for t in texts[:2]]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_row_repeated_in_the_sheet_is_a_bad_row(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path, lang: str
) -> None:
    """A row pasted twice (same meeting, lead unit and text) made two directives, as
    `assign` refuses without --allow-duplicate; importing the sheet again was then refused."""
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            HEADER,
            ["1", "Rà soát quy chế", "VPTU", "", "30/9/2022", "", ""],
            ["2", "Kiện toàn bộ máy", "BTC", "", "31/12/2022", "", ""],
            ["3", "Rà soát  quy chế", "VPTU", "", "30/9/2022", "", ""],
        ],
    )
    before = file_digest(db_path)
    message = units.fail("--lang", lang, "import", str(sheet), "--meeting", str(meeting))
    assert {
        "en": "row 4, column B (Nội dung): repeats row 2 (same meeting, lead unit and text)",
        "vi": "dòng 4, cột B (Nội dung): trùng dòng 2 (cùng cuộc họp, đơn vị chủ trì và nội dung)",
    }[lang] in message, message
    assert file_digest(db_path) == before
    keyed = write_csv(
        tmp_path / "k.csv",
        [
            ["Mã", *HEADER],
            ["A1", "1", "Rà soát quy chế", "VPTU", "", "30/9/2022", "", ""],
            ["A2", "2", "Rà soát quy chế", "VPTU", "", "31/12/2022", "", ""],
        ],
    )
    units.ok("import", str(keyed), "--meeting", str(meeting))  # each its own key: two
    assert len(units.json("list", "--unit", "VPTU")) == 2


def test_a_second_sheet_of_directives_is_named_not_left_out_in_silence(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """One sheet is read (the first with a table, or --sheet): a workbook holding the
    directives on two sheets had the second's left out without a word. A sheet of limitations
    (the export's second sheet: no deadline) is no table of directives; nor is it read: the
    export read into another register lost its limitations unsaid. It is named too."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "Quý III"
    first.append(HEADER)
    first.append(["1", "Rà soát quy chế", "VPTU", "", "30/9/2022", "", ""])
    second = book.create_sheet("Quý IV")
    second.append(HEADER)
    second.append(["1", "Kiện toàn bộ máy", "BTC", "", "31/12/2022", "", ""])
    limits = book.create_sheet("Hạn chế")
    limits.append(["STT", "Đơn vị", "Nội dung hạn chế", "Nhóm"])
    limits.append(["1", "BTC", "Thiếu lái xe", "Biên chế"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    done = units("import", str(path), "--meeting", str(meeting))
    assert done.exit_code == 0, done.stderr
    assert done.stderr.splitlines()[1:] == [
        "Warning: sheet 'Quý IV' holds a table of directives too; it was not read (import it "
        "with --sheet 'Quý IV', or every sheet at once with --sheet all)",
        "Warning: sheet 'Hạn chế': column C (Nội dung hạn chế) holds limitations: record them "
        "with dirtrack add-limitation",
    ]
    dry = units("--lang", "vi", "import", str(path), "--meeting", str(meeting), "--dry-run")
    assert "trang tính 'Quý IV' cũng có bảng nhiệm vụ; trang này chưa được đọc" in dry.stdout
    units.ok("import", str(path), "--meeting", str(meeting), "--sheet", "Quý IV")
    assert len(units.json("list")) == 2


def test_unknown_units_are_listed_with_closest_and_created_only_on_request(
    cli: Cli, sample: Path, db_path: Path
) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    before = file_digest(db_path)
    report = json.loads(cli("import", str(sample), "--dry-run", "--format", "json").stdout)
    names = {u["name"]: u for u in report["unknown_units"]}
    assert set(names) == {
        "Ban Tổ chức",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        "Ban Dân vận Tỉnh ủy",
        "Văn phòng UBND tỉnh",
    }
    assert names["Văn phòng UBND tỉnh"]["rows"] == [18]
    assert "closest: VPTU (Văn phòng Tỉnh ủy)" in names["Văn phòng UBND tỉnh"]["message"]
    message = cli.fail("import", str(sample))
    assert "unknown unit" in message and "--create-units" in message
    assert file_digest(db_path) == before
    cli.ok("import", str(sample), "--create-units")
    codes = {u["code"]: u["name"] for u in cli.json("unit", "list")}
    assert codes["BTCTU"] == "Ban Tổ chức Tỉnh ủy"
    assert codes["VPUBNDT"] == "Văn phòng UBND tỉnh"
    assert codes["BTC"] == "Ban Tổ chức"
    assert len(cli.json("list")) == 9


def test_a_dry_run_names_the_new_units_with_the_codes_the_import_gives(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """`--dry-run --create-units` listed the new units by name, with code "" in JSON, where the
    import says 'New units: BTCTU (…)': the dry run shows the codes the import would give."""
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            HEADER,
            ["1", "Việc A", "Sở Xây dựng", "", "", "", ""],
            ["2", "Việc B", "Sở Y tế", "", "", "", ""],
        ],
    )
    args = ["import", str(sheet), "--meeting", str(meeting), "--create-units"]
    before = file_digest(db_path)
    dry = json.loads(units.ok(*args, "--dry-run", "--format", "json"))
    shown = units.ok(*args, "--dry-run")
    assert file_digest(db_path) == before
    expected = [{"name": "Sở Xây dựng", "code": "SXD"}, {"name": "Sở Y tế", "code": "SYT"}]
    assert dry["new_units"] == expected
    assert "New units: SXD (Sở Xây dựng), SYT (Sở Y tế)" in shown
    done = units("import", str(sheet), "--meeting", str(meeting), "--create-units")
    assert "New units: SXD (Sở Xây dựng), SYT (Sở Y tế)" in done.stderr
    made = {u["code"]: u["name"] for u in units.json("unit", "list")}
    assert {u["code"]: made[u["code"]] for u in expected} == {
        "SXD": "Sở Xây dựng",
        "SYT": "Sở Y tế",
    }


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    if encoding == "cp1258":
        path.write_bytes(cp1258(buffer.getvalue()))
    else:
        path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (",", "utf-8"),
        (";", "utf-8-sig"),
        ("\t", "utf-16"),
        ("\t", "utf-16-le"),
        (",", "utf-16-be"),
        (";", "cp1258"),
    ],
    # UTF-16 without its byte order mark, either byte order: told by the NUL in every other byte
    ids=["comma", "semicolon-bom", "utf16-tab", "utf16le-no-bom", "utf16be-no-bom", "windows-1258"],
)
def test_csv_dialects(
    units: Cli, meeting: int, tmp_path: Path, delimiter: str, encoding: str
) -> None:
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            ["Bảng theo dõi, cập nhật đến ngày 31/8/2022"],
            HEADER,
            [
                "1",
                "Tổng hợp ý kiến, kiến nghị",
                "Ban Dân vận",
                "VPTU; UBKT",
                "tháng 9/2022",
                "40%",
                "",
            ],
        ],
        delimiter=delimiter,
        encoding=encoding,
    )
    if encoding.startswith("utf-16-"):
        assert not sheet.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    planned = units.json("import", str(sheet), "--meeting", str(meeting), "--dry-run")
    assert (planned["encoding"], planned["delimiter"]) == (encoding, delimiter)
    units.ok("import", str(sheet), "--meeting", str(meeting))
    [record] = units.json("list")
    assert record["text"] == "Tổng hợp ý kiến, kiến nghị"
    assert record["unit"] == "BDV" and record["with"] == ["UBKT", "VPTU"]
    assert record["due"] == "2022-09-30" and record["progress"] == 40
    shown = units.json("show", str(record["id"]))
    assert [e["date"] for e in shown["history"] if e["event"] == "progress"] == ["2022-08-31"]


def test_a_sheets_direction_controls_are_not_imported(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """A cell holding a right-to-left override (U+202E) or a direction mark was stored as it
    was, to show reversed; a sheet's text is stored as a typed one is, without them."""
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            HEADER,
            ["1", "Tổng hợp \u202eý kiến\u202c", "Ban \u2067Xây dựng\u2069\u200f", "", "", "", ""],
        ],
    )
    units.ok("import", str(sheet), "--meeting", str(meeting), "--create-units")
    [record] = units.json("list")
    assert record["text"] == "Tổng hợp ý kiến"
    names = [u["name"] for u in units.json("unit", "list")]
    assert "Ban Xây dựng" in names


@pytest.mark.parametrize("headers", ["vietnamese", "unaccented"])
def test_a_csv_saved_without_its_vietnamese_letters_is_refused(
    units: Cli, meeting: int, tmp_path: Path, headers: str
) -> None:
    """A CSV saved in Windows-1252 (Excel's 'CSV' on a Western Windows) has '?' for every
    Vietnamese letter the code page lacks: it was refused as having no header row, or, under
    headers typed without accents, its rows came in as 'Ki?m tra d? án' for units never
    registered. It is refused naming a word so garbled, with how to save it again."""
    header = HEADER if headers == "vietnamese" else ["STT", "Noi dung", "Don vi chu tri"]
    header = header[:3] + ["Thoi han"]
    rows = [header, ["1", "Kiểm tra dự án", "Ban Dân vận", "30/6/2022"]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    sheet = tmp_path / "ansi.csv"
    sheet.write_bytes(buffer.getvalue().encode("cp1252", errors="replace"))
    result = units("import", str(sheet), "--meeting", str(meeting))
    assert result.exit_code == 1
    first = "'N?i'" if headers == "vietnamese" else "'Ki?m'"
    assert result.stderr == (
        f"Error: ansi.csv: its Vietnamese letters were lost when it was saved (line "
        f"{1 if headers == 'vietnamese' else 2}: {first}): the program wrote '?' for each "
        "letter its code page lacks; save the sheet again as 'CSV UTF-8 (Comma delimited)' or "
        "as .xlsx\n"
    )
    assert units.json("list") == []
    # a question mark ending a word, and a link, are no letters lost
    kept = write_csv(
        tmp_path / "hoi.csv",
        [header, ["1", "Vì sao chậm? Xem http://a.vn/?id=5", "Ban Dân vận", "30/6/2022"]],
    )
    units.ok("import", str(kept), "--meeting", str(meeting))


def test_map_names_columns_by_header_and_letter(units: Cli, meeting: int, tmp_path: Path) -> None:
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            ["#", "Việc cần làm", "Ai làm", "Cơ quan, đơn vị cùng làm", "Khi nào"],
            ["1", "Rà soát quy chế", "BTC", "VPTU", "15/10/2022"],
        ],
    )
    units.ok(
        "import",
        str(sheet),
        "--meeting",
        str(meeting),
        "--map",
        "việc cần làm=text,Ai lam=unit,Cơ quan, đơn vị cùng làm=with",
        "--map",
        "E=thời hạn",
    )
    [record] = units.json("list")
    assert (record["text"], record["unit"], record["with"], record["due"]) == (
        "Rà soát quy chế",
        "BTC",
        ["VPTU"],
        "2022-10-15",
    )


def test_meeting_column_creates_and_finds_meetings(units: Cli, tmp_path: Path) -> None:
    units.id("add-meeting", "--date", "6/5/2022", "--title", "Làm việc", "--doc", "46-QĐ/ThU")
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            [*HEADER, "Văn bản giao"],
            ["1", "Việc A", "BTC", "", "30/9/2022", "", "", "Kết luận 46-QĐ/ThU"],
            ["2", "Việc B", "VPTU", "", "30/9/2022", "", "", "1"],
            ["3", "Việc C", "BDV", "", "quý IV", "", "", "Thông báo 12-TB/TU ngày 02/8/2022"],
            ["4", "Việc D", "UBKT", "", "", "", "", "Thông báo 12-TB/TU ngày 02/8/2022"],
        ],
    )
    units.ok("import", str(sheet))
    records = {r["text"]: r for r in units.json("list")}
    assert records["Việc A"]["meeting_id"] == 1 and records["Việc B"]["meeting_id"] == 1
    assert records["Việc C"]["meeting_id"] == records["Việc D"]["meeting_id"] == 2
    assert records["Việc C"]["due"] == "2022-12-31"  # "quý IV" takes the meeting's year
    meetings = units.json("meetings")
    assert [(m["id"], m["date"], m["doc"]) for m in meetings] == [
        (1, "2022-05-06", "46-QĐ/ThU"),
        (2, "2022-08-02", "12-TB/TU"),
    ]


def test_a_day_alone_names_the_meeting_held_that_day(units: Cli, tmp_path: Path) -> None:
    """A 'Ngày giao' column without a column naming the meeting or its document: each row made
    a meeting titled 'Văn bản None', even with --meeting given. The day names the one meeting
    held on it; on a day without one, --meeting is the rows' meeting, and without it the row
    is bad, saying what to give; no meeting is ever made from a day alone."""
    units.id("add-meeting", "--date", "10/3/2022", "--title", "Hội nghị tháng 3")
    units.id("add-meeting", "--date", "5/4/2022", "--title", "Hội nghị tháng 4")
    sheet = write_csv(
        tmp_path / "ngay-giao.csv",
        [
            ["STT", "Ngày giao", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            ["1", "10/3/2022", "Việc A", "BTC", "Quý III"],
            ["2", "05/04/2022", "Việc B", "VPTU", "30/9/2022"],
            ["3", "15/3/2022", "Việc C", "BDV", "30/9/2022"],
        ],
    )
    result = units("import", str(sheet), "--dry-run", "--format", "json")
    found = {r["row"]: r for r in json.loads(result.stdout)["rows"]}
    assert [found[n].get("meeting") for n in (2, 3)] == [1, 2]
    assert found[2]["due"] == "2022-09-30"  # "Quý III" takes the meeting's year
    [problem] = found[4]["problems"]
    assert (problem["column"], problem["message"]) == (
        "B",
        "no meeting was held on 2022-03-15 and no column names the row's meeting or "
        "document: record it with add-meeting, name it in a column (Văn bản giao, Cuộc họp…), "
        "or give --meeting ID",
    )
    units.ok("import", str(sheet), "--meeting", "1")
    records = {r["text"]: r["meeting_id"] for r in units.json("list")}
    assert records == {"Việc A": 1, "Việc B": 2, "Việc C": 1}
    assert [m["id"] for m in units.json("meetings")] == [1, 2]


def test_key_column_updates_instead_of_duplicating(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    rows = [
        ["Mã", *HEADER, "Ngày hoàn thành"],
        ["KL-1", "1", "Xây dựng đề án", "BTC", "VPTU", "30/9/2022", "20%", "", ""],
        ["KL-2", "2", "Rà soát quy chế", "Ban Tổ chức, VPTU", "", "31/8/2022", "", "", ""],
    ]
    sheet = write_csv(tmp_path / "s.csv", rows)
    units.ok(
        "import",
        str(sheet),
        "--meeting",
        str(meeting),
        "--key-column",
        "Mã",
        "--as-of",
        "2022-07-01",
    )
    assert len(units.json("list")) == 3
    again = units.json(
        "import",
        str(sheet),
        "--meeting",
        str(meeting),
        "--key-column",
        "A",
        "--as-of",
        "2022-07-01",
    )
    assert again["created"]["directives"] == 0 and again["updated"] == 0 and again["unchanged"] == 3
    # The office updates its sheet: progress, a completion, a new deadline, another unit.
    rows[1][6:9] = ["60%: đã trình dự thảo", "", ""]
    rows[2][5:9] = ["31/8/2022", "", "Đã hoàn thành", "25/8/2022"]
    rows[1][5] = "31/10/2022"
    rows[1][4] = "VPTU, UBKT"
    sheet = write_csv(tmp_path / "s2.csv", rows)
    keyed = ("import", str(sheet), "--meeting", str(meeting), "--key-column", "Mã")
    result = units.json(*keyed, "--as-of", "2022-09-01")
    assert result["created"]["directives"] == 0 and result["updated"] == 3
    found = {(r["key"], r["unit"]): r for r in units.json("list", "--as-of", "2022-09-30")}
    assert len(found) == 3
    first = found[("KL-1", "BTC")]
    assert (
        first["progress"] == 60
        and first["due"] == "2022-10-31"
        and first["original_due"] == "2022-09-30"
    )
    assert first["with"] == ["UBKT", "VPTU"]
    assert found[("KL-2", "BTC")]["completed_on"] == "2022-08-25"
    assert found[("KL-2", "VPTU")]["status"] == "done_on_time"
    shown = units.json("show", str(first["id"]))
    assert [e["event"] for e in shown["history"]] == [
        "assigned",
        "progress",
        "progress",
        "extended",
    ]
    assert shown["history"][3]["date"] == "2022-09-01"
    before = file_digest(db_path)
    unchanged = units.json(*keyed, "--as-of", "2022-09-01")
    assert unchanged["updated"] == 0 and unchanged["unchanged"] == 3
    assert file_digest(db_path) == before


def test_a_text_with_its_tones_placed_the_other_way_or_in_nfd_is_the_same_text(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """A sheet's row writing a recorded directive's text with its tones placed the other way
    ('Hoà giải' for 'Hòa giải'), or in NFD, is the same text: without a key it repeats the
    directive (as assign refuses it), and with its key it changed nothing, where it was taken
    as a new text (the register's 'Hòa' rewritten 'Hoà', and so its progress note)."""
    import unicodedata

    m = str(meeting)
    ident = units.id("assign", m, "--unit", "BTC", "--due", "30/9/2022", "Hòa giải ở cơ sở")
    nfd = unicodedata.normalize("NFD", "Hòa giải ở cơ sở")
    for text in ("Hoà giải ở cơ sở", nfd):
        said = units.fail("assign", m, "--unit", "BTC", text)
        assert said.startswith(f"Error: directive {ident} already gives BTC this text")
        rows = [HEADER, ["1", text, "BTC", "", "30/9/2022", "", ""]]
        sheet = write_csv(tmp_path / "s.csv", rows)
        report = json.loads(
            units("import", str(sheet), "--meeting", m, "--dry-run", "-f", "json").stdout
        )
        [row] = report["rows"]
        assert [p["message"] for p in row["problems"]] == [
            f"repeats directive {ident} (same meeting, lead unit and text); to update directives "
            "from the sheet, import with --key-column"
        ]
    keyed_id = units.id(
        "assign", m, "--unit", "BTC", "--due", "30/9/2022", "--key", "K", "Hòa giải ở thôn"
    )
    units.ok("progress", str(keyed_id), "--percent", "40", "--note", "Đã hòa giải 3 vụ")
    before = file_digest(db_path)
    for text, note in (
        ("Hoà giải ở thôn", "40%: Đã hoà giải 3 vụ"),
        (
            unicodedata.normalize("NFD", "Hòa giải ở thôn"),
            unicodedata.normalize("NFD", "40%: Đã hòa giải 3 vụ"),
        ),
    ):
        rows = [["Mã", *HEADER], ["K", "1", text, "BTC", "", "30/9/2022", note, ""]]
        sheet = write_csv(tmp_path / "s.csv", rows)
        result = units.json("import", str(sheet), "--meeting", m, "--key-column", "Mã")
        assert (result["updated"], result["unchanged"]) == (0, 1), result
        assert file_digest(db_path) == before
    assert units.json("show", str(keyed_id))["text"] == "Hòa giải ở thôn"


def test_a_sheet_never_closes_a_reopened_directive_before_its_reopening(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """As `done` and `cancel`: a sheet's completion or cancellation of a directive reopened on
    1/8 is refused on a day before it (the cancellation it ended was in force then), with the
    row named and nothing written; on the reopening day or later it is recorded."""
    rows = [
        ["Mã", *HEADER, "Ngày hoàn thành"],
        ["KL-1", "1", "Xây dựng đề án", "BTC", "", "30/9/2022", "", "", ""],
    ]
    keyed = ("import", "--meeting", str(meeting), "--key-column", "Mã", "--as-of", "2022-09-01")
    units.ok(keyed[0], str(write_csv(tmp_path / "a.csv", rows)), *keyed[1:])
    units.ok("cancel", "1", "--date", "1/7/2022", "--reason", "Tạm dừng")
    units.ok("reopen", "1", "--date", "1/8/2022", "--reason", "Tiếp tục")
    before = snapshot(units.db)
    rows[1][7:9] = ["Đã hoàn thành", "15/7/2022"]
    said = units.fail(keyed[0], str(write_csv(tmp_path / "b.csv", rows)), *keyed[1:])
    assert (
        "row 2, column I (Ngày hoàn thành): completion date 2022-07-15 is before the reopening "
        "date 2022-08-01" in said
    ), said
    assert snapshot(units.db) == before
    rows[1][8] = "15/8/2022"
    units.ok(keyed[0], str(write_csv(tmp_path / "c.csv", rows)), *keyed[1:])
    assert units.json("show", "1", "--as-of", "2022-07-15")["status"] == "cancelled"
    assert units.json("show", "1", "--as-of", "2022-08-20")["completed_on"] == "2022-08-15"


def test_an_edit_made_since_the_last_import_is_kept_or_named(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """import by key, `edit directive` of a row it made, the same sheet imported again: the
    sheet's unchanged text replaced the correction, said only as "updated 1". The correction
    is kept and the row's warning names it (the directive and the edit's change number), in
    either language; once the edit is undone, the sheet's text is taken again."""
    rows = [["Mã", *HEADER], ["KL-1", "1", "Xây dựng đề án", "BTC", "", "30/9/2022", "", ""]]
    sheet = write_csv(tmp_path / "s.csv", rows)
    keyed = ("import", str(sheet), "--meeting", str(meeting), "--key-column", "Mã")
    units.ok(*keyed, "--as-of", "2022-07-01")
    [made] = units.json("list")
    units.ok("edit", "directive", str(made["id"]), "--text", "Xây dựng đề án (sửa)")
    again = units.json(*keyed, "--as-of", "2022-07-01")
    text = units.json("show", str(made["id"]))["text"]
    named = [w for r in again["rows"] for w in r.get("warnings", [])]
    assert text == "Xây dựng đề án (sửa)" or any(str(made["id"]) in str(w) for w in named)
    assert text == "Xây dựng đề án (sửa)" and again["updated"] == 0
    assert any(f"directive {made['id']}'s text was corrected" in w for w in named), named
    vi = units.json("--lang", "vi", *keyed, "--as-of", "2022-07-01", "--dry-run")
    said = [w for r in vi["rows"] for w in r.get("warnings", [])]
    assert any(f"nội dung nhiệm vụ {made['id']} đã được sửa" in w for w in said), said
    units.ok("undo", "--yes")  # the edit taken back: the sheet's text is the register's again
    assert units.json("show", str(made["id"]))["text"] == "Xây dựng đề án"


def test_a_lead_unit_corrected_since_the_last_import_keeps_its_directive(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """import by key, `edit directive --unit` of a row it made, the same sheet imported again:
    the row's key and old unit found no directive and made a second one with the same key,
    said only by a warning. The row updates the directive the edit moved (its unit kept), the
    warning names it and the change, in either language; the other lead of the row, never
    moved, is matched by its unit as before; once the edit is undone the unit is the sheet's."""
    rows = [["Mã", *HEADER], ["KL-1", "1", "Xây dựng đề án", "BTC, VPTU", "", "30/9/2022", "", ""]]
    sheet = write_csv(tmp_path / "s.csv", rows)
    keyed = ("import", str(sheet), "--meeting", str(meeting), "--key-column", "Mã")
    units.ok(*keyed, "--as-of", "2022-07-01")
    made = {d["unit"]: d["id"] for d in units.json("list")}
    edited = units.json("edit", "directive", str(made["BTC"]), "--unit", "UBKT")
    change = units.json("history")[0]["id"]
    assert edited["unit"] == "UBKT"
    rows[1][6] = "40%"  # the unit's progress since: the row still updates its directive
    write_csv(sheet, rows)
    again = units.json(*keyed, "--as-of", "2022-07-15")
    assert again["created"]["directives"] == 0 and again["updated"] == 2, again
    now = {d["id"]: (d["unit"], d["key"], d["progress"]) for d in units.json("list")}
    assert now == {made["BTC"]: ("UBKT", "KL-1", 40), made["VPTU"]: ("VPTU", "KL-1", 40)}
    [said] = [w for r in again["rows"] for w in r.get("warnings", [])]
    assert said == (
        f"directive {made['BTC']} (key KL-1) was moved from BTC to UBKT with dirtrack edit "
        f"(change #{change}): the row updates it and its lead unit is kept, no other directive "
        "is made (correct the sheet, or edit the directive)"
    )
    vi = units.json("--lang", "vi", *keyed, "--as-of", "2022-07-15", "--dry-run")
    [said] = [w for r in vi["rows"] for w in r.get("warnings", [])]
    assert said.startswith(f"nhiệm vụ {made['BTC']} (mã KL-1) đã được chuyển từ BTC sang UBKT")
    assert vi["created"]["directives"] == 0 and vi["unchanged"] == 2
    units.ok("undo", "--yes")  # the progress
    units.ok("undo", "--yes")  # the edit: the directive is BTC's again, as the sheet says
    assert units.json("show", str(made["BTC"]))["unit"] == "BTC"
    plain = units.json(*keyed, "--as-of", "2022-07-15")
    assert plain["created"]["directives"] == 0 and plain["updated"] == 2
    assert all(not r.get("warnings") for r in plain["rows"]), plain["rows"]


def test_coordinating_units_and_a_deadline_corrected_since_the_last_import_are_kept(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """import by key, `edit directive --with --due`, the same sheet imported again: the sheet's
    coordinating units replaced the corrected ones, and its old deadline was recorded as an
    extension back to it, said only as "updated 1". Both corrections are kept and named (the
    change number), in either language, as a corrected text is; once the edit is undone the
    sheet's values are the register's again; an extension approved since the edit is a change
    of the deadline the sheet is compared with as before."""
    rows = [["Mã", *HEADER], ["KL-1", "1", "Xây dựng đề án", "BTC", "VPTU", "30/9/2022", "", ""]]
    sheet = write_csv(tmp_path / "s.csv", rows)
    keyed = ("import", str(sheet), "--meeting", str(meeting), "--key-column", "Mã")
    units.ok(*keyed, "--as-of", "2022-07-01")
    [made] = units.json("list")
    ident = str(made["id"])
    units.ok("edit", "directive", ident, "--with", "UBKT", "--due", "15/10/2022")
    change = units.json("history")[0]["id"]
    again = units.json(*keyed, "--as-of", "2022-07-01")
    assert again["updated"] == 0 and again["unchanged"] == 1, again
    shown = units.json("show", ident)
    assert shown["with"] == ["UBKT"] and shown["due"] == "2022-10-15"
    assert shown["extensions"] == 0
    named = [w for r in again["rows"] for w in r.get("warnings", [])]
    assert named == [
        f"directive {ident}'s coordinating units were corrected with dirtrack edit (change "
        f"#{change}): they are kept, the sheet's are not taken (correct the sheet, or edit the "
        "directive)",
        f"directive {ident}'s deadline was corrected with dirtrack edit (change #{change}): it "
        "is kept, the sheet's deadline is not taken (correct the sheet, or edit the directive)",
    ]
    vi = units.json("--lang", "vi", *keyed, "--as-of", "2022-07-01", "--dry-run")
    said = [w for r in vi["rows"] for w in r.get("warnings", [])]
    assert [w.split(" đã được sửa")[0] for w in said] == [
        f"các đơn vị phối hợp của nhiệm vụ {ident}",
        f"thời hạn của nhiệm vụ {ident}",
    ]
    # an extension approved since: the deadline's latest change is no edit any more, and the
    # sheet's earlier one is judged as `extend` judges it (refused: it would move it earlier)
    units.ok("extend", ident, "--to", "31/10/2022", "--date", "2022-08-01")
    refused = units(*keyed, "--as-of", "2022-08-15", "--dry-run", "--format", "json")
    assert refused.exit_code == 1
    later = json.loads(refused.stdout)
    assert [(p["column"], p["message"]) for p in later["problems"]] == [
        (
            "F",
            f"the new deadline 2022-09-30 of directive {ident} is not after the deadline in "
            "force (2022-10-31): an extension moves it later (to correct a typo: edit "
            "directive --due)",
        )
    ]
    units.ok("undo", "--yes")  # the extension
    units.ok("undo", "--yes")  # the edit: the sheet's values are the register's again
    back = units.json("show", ident)
    assert back["with"] == ["VPTU"] and back["due"] == "2022-09-30"
    assert units.json(*keyed, "--as-of", "2022-07-01")["unchanged"] == 1


def test_a_sheets_new_deadline_follows_the_rule_extend_follows(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """A sheet of a day before an extension recorded since gives a deadline after that one:
    recorded, it would leave the later extension moving the deadline earlier. `extend` refuses
    it with its message; the import refuses the row with the same one, naming the cell, and
    writes nothing, in either language."""
    rows = [["Mã", *HEADER], ["KL-1", "1", "Xây dựng đề án", "BTC", "VPTU", "30/9/2022", "", ""]]
    keyed = ("--meeting", str(meeting), "--key-column", "Mã")
    units.ok("import", str(write_csv(tmp_path / "s.csv", rows)), *keyed, "--as-of", "2022-07-01")
    [made] = units.json("list")
    ident = str(made["id"])
    units.ok("extend", ident, "--to", "31/10/2022", "--date", "2022-08-01")
    said = units.fail("extend", ident, "--to", "15/11/2022", "--date", "2022-07-15")
    rows[1][5] = "15/11/2022"
    sheet = write_csv(tmp_path / "s2.csv", rows)
    before = file_digest(db_path)
    result = units(
        "import", str(sheet), *keyed, "--as-of", "2022-07-15", "--dry-run", "--format", "json"
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [(p["row"], p["column"], p["message"]) for p in report["problems"]] == [
        (2, "F", said.removeprefix("Error: ").strip())
    ]
    assert said.startswith(
        f"Error: the new deadline 2022-11-15 of directive {ident}, approved on 2022-07-15, is "
        "not before the deadline 2022-10-31 approved after it, on 2022-08-01"
    )
    vi = units.fail("--lang", "vi", "import", str(sheet), *keyed, "--as-of", "2022-07-15")
    assert "cột F (Thời hạn): thời hạn mới 15/11/2022 của nhiệm vụ" in vi
    assert file_digest(db_path) == before
    assert units.json("show", ident)["due"] == "2022-10-31"


def test_a_sheets_progress_below_the_last_logged_is_taken_with_a_warning(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """A keyed sheet read again whose percentage went down (70 % logged, the sheet says 40 %)
    logged it without a word. It is logged (exit 0, "updated") and the row warns, in either
    language, as `progress` does (one rule: dirtrack.status.progress_lowered)."""
    rows = [["Mã", *HEADER], ["KL-1", "1", "Xây dựng đề án", "BTC", "", "30/9/2022", "", ""]]
    sheet = write_csv(tmp_path / "s.csv", rows)
    keyed = ("import", str(sheet), "--meeting", str(meeting), "--key-column", "Mã")
    units.ok(*keyed, "--as-of", "2022-07-01")
    [made] = units.json("list")
    units.ok("progress", str(made["id"]), "--percent", "70", "--date", "10/7/2022")
    rows[1][6] = "40%"
    write_csv(sheet, rows)
    vi = units.json("--lang", "vi", *keyed, "--as-of", "2022-08-01", "--dry-run")
    assert [w for r in vi["rows"] for w in r.get("warnings", [])] == [
        f"nhiệm vụ {made['id']}: tiến độ giảm xuống 40%, từ 70% (ghi ngày 10/07/2022); vẫn ghi "
        "nhận như đã nhập (hãy kiểm tra lại số nào đúng)"
    ]
    done = units.json(*keyed, "--as-of", "2022-08-01")
    assert done["updated"] == 1 and [w for r in done["rows"] for w in r.get("warnings", [])] == [
        f"directive {made['id']}: progress down to 40%, from 70% (logged on 2022-07-10); it is "
        "recorded as given (check which is right)"
    ]
    assert units.json("show", str(made["id"]), "--as-of", "2022-08-01")["progress"] == 40
    rows[1][6] = "80%"
    write_csv(sheet, rows)
    up = units.json(*keyed, "--as-of", "2022-08-15")
    assert up["updated"] == 1 and not any(r.get("warnings") for r in up["rows"])


def test_keys_given_to_the_occurrences_of_a_series_adopt_each_once(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """The occurrences of a periodic directive share a meeting, a unit and a text. Keys written
    beside them in the register's own sheet gave the first one its key and recorded each other
    row as a new directive, a copy of its occurrence, unsaid. Each row adopts the occurrence of
    its deadline (whatever the rows' order), and the sheet read again changes nothing."""
    units.ok("assign", str(meeting), "--unit", "VPTU", "--every", "month", "--day", "20",
             "--from", "1/7/2022", "--until", "30/9/2022", "Báo cáo tháng")  # fmt: skip
    book = tmp_path / "k.xlsx"
    units.ok("export", "-f", "xlsx", "-o", str(book), "--as-of", "2022-09-30")
    wb = load_workbook(book)
    ws = wb.worksheets[0]
    key = [c.value for c in ws[4]].index("Key") + 1
    rows = list(range(6, ws.max_row + 1))
    assert [ws.cell(r, 2).value for r in rows] == ["Báo cáo tháng"] * 3
    for r in rows:
        ws.cell(r, key).value = f"T{ws.cell(r, 5).value.month}"
    ws.move_range(f"A{rows[0]}:N{rows[0]}", rows=len(rows))  # the first row last
    wb.save(book)
    before = {d["id"]: d["due"] for d in units.json("list", "--status", "all")}
    report = units.json("import", str(book), "--as-of", "2022-09-30")
    assert report["created"]["directives"] == 0 and report["updated"] == 3
    after = units.json("list", "--status", "all")
    assert {d["id"]: d["due"] for d in after} == before
    assert sorted((d["key"], d["due"]) for d in after) == [
        ("T7", "2022-07-20"),
        ("T8", "2022-08-22"),
        ("T9", "2022-09-20"),
    ]
    digest = file_digest(db_path)
    assert units.json("import", str(book), "--as-of", "2022-09-30")["unchanged"] == 3
    assert file_digest(db_path) == digest


def test_a_sheets_act_before_an_occurrence_was_issued_is_a_bad_row(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """The register's own sheet read back with a completion dated before the August
    occurrence was issued (1/8/2022), or read as of a day before it with its progress: each is
    a bad row naming that day, as `done` and `progress` refuse it; nothing is written."""
    units.ok("assign", str(meeting), "--unit", "VPTU", "--every", "month", "--day", "20",
             "--from", "1/7/2022", "--until", "30/9/2022", "Báo cáo tháng")  # fmt: skip
    book = tmp_path / "k.xlsx"
    units.ok("export", "-f", "xlsx", "-o", str(book), "--as-of", "2022-09-30")
    wb = load_workbook(book)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[4]]
    august = next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 5).value.month == 8)
    ws.cell(august, header.index("Completed on") + 1).value = datetime(2022, 7, 25)
    ws.cell(august, header.index("Result") + 1).value = None
    wb.save(book)
    digest = file_digest(db_path)
    message = units.fail("import", str(book), "--as-of", "2022-09-30")
    assert "completion date 2022-07-25 of directive" in message, message
    assert "before it was issued (2022-08-01)" in message, message
    ws.cell(august, header.index("Completed on") + 1).value = None
    ws.cell(august, header.index("Progress") + 1).value = "50%"
    wb.save(book)
    message = units.fail("import", str(book), "--as-of", "2022-07-25")
    assert "progress date 2022-07-25 of directive" in message, message
    assert "before it was issued (2022-08-01)" in message, message
    assert file_digest(db_path) == digest
    assert units.json("import", str(book), "--as-of", "2022-08-01")["updated"] == 1


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_new_key_on_a_recorded_text_is_created_with_a_warning(
    units: Cli, meeting: int, tmp_path: Path, lang: str
) -> None:
    """A keyed row with a new key and the text of a directive already recorded (same meeting,
    lead unit, text) was created unsaid, where assign asks --allow-duplicate and a keyless row
    is refused. The key says it is another: it is created, and the row says which it repeats."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--key", "K1", "--due", "30/9/2022",
             "Xây dựng đề án")  # fmt: skip
    rows = [["Mã", *HEADER], ["K2", "1", "Xây dựng đề án", "BTC", "", "30/9/2022", "", ""]]
    sheet = write_csv(tmp_path / "s.csv", rows)
    args = ("import", str(sheet), "--meeting", str(meeting), "--as-of", "2022-07-01")
    report = units.json("--lang", lang, *args)
    warned = {
        "en": "directive 1 has the same meeting, lead unit and text; key 'K2' is not its key, "
        "so another directive is recorded",
        "vi": "nhiệm vụ 1 cùng cuộc họp, đơn vị chủ trì và nội dung; khóa 'K2' không phải khóa "
        "của nhiệm vụ đó, nên ghi thêm một nhiệm vụ khác",
    }[lang]
    assert report["created"]["directives"] == 1
    assert [(r["action"], r["warnings"]) for r in report["rows"]] == [("create", [warned])]
    assert sorted(d["key"] for d in units.json("list", "--status", "all")) == ["K1", "K2"]
    # read again, each row is its own directive's: nothing to say
    again = units.json(*args)
    assert [(r["action"], r["warnings"]) for r in again["rows"]] == [("unchanged", [])]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_two_rows_with_another_key_and_the_same_text_are_created_with_a_warning(
    units: Cli, meeting: int, tmp_path: Path, kind: str
) -> None:
    """Two rows of one sheet with different keys and the same text (same meeting, lead unit;
    case, accents and spaces aside) were both created without a word, where a new key on a
    recorded text is warned of. Each later row names the first (one line per pair); another
    unit's row, or the sheet read again, says nothing."""
    from openpyxl import Workbook

    rows = [
        ["Mã", *HEADER],
        ["A1", "1", "Xây dựng đề án", "BTC", "", "30/9/2022", "", ""],
        ["A2", "2", "xây dựng  ĐỀ ÁN", "BTC", "", "31/12/2022", "", ""],
        ["A3", "3", "Xây dựng đề án", "VPTU", "", "30/9/2022", "", ""],
        ["A4", "4", "Xay dung de an ", "BTC", "", "30/9/2022", "", ""],
    ]
    if kind == "csv":
        sheet = write_csv(tmp_path / "s.csv", rows)
    else:
        book = Workbook()
        for row in rows:
            book.active.append(row)
        sheet = tmp_path / "s.xlsx"
        book.save(sheet)
    args = ("import", str(sheet), "--meeting", str(meeting), "--as-of", "2022-07-01")
    planned = units.json("--lang", "vi", *args, "--dry-run")
    said = {
        "en": "row 2 has the same meeting, lead unit and text but another key, so two "
        "directives are recorded",
        "vi": "dòng 2 cùng cuộc họp, đơn vị chủ trì và nội dung nhưng khác khóa, nên ghi thành "
        "hai nhiệm vụ",
    }
    assert [r["warnings"] for r in planned["rows"]] == [[], [said["vi"]], [], [said["vi"]]]
    report = units.json(*args)
    assert report["created"]["directives"] == 4
    assert [(r["row"], r["action"], r["warnings"]) for r in report["rows"]] == [
        (2, "create", []),
        (3, "create", [said["en"]]),
        (4, "create", []),
        (5, "create", [said["en"]]),
    ]
    again = units.json(*args)
    assert [(r["action"], r["warnings"]) for r in again["rows"]] == [("unchanged", [])] * 4


def test_key_column_must_identify_every_row(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            ["STT", *HEADER[1:]],
            ["1", "Việc A", "BTC", "", "", "", ""],
            ["1", "Việc B", "BTC", "", "", "", ""],
            ["", "Việc C", "VPTU", "", "", "", ""],
        ],
    )
    before = file_digest(db_path)
    message = units.fail("import", str(sheet), "--meeting", str(meeting), "--key-column", "STT")
    assert "row 3, column A (STT): key '1' for BTC repeats row 2" in message
    assert "row 4, column A (STT): empty" in message
    assert file_digest(db_path) == before


def test_done_rows_need_a_date_or_done_date(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    sheet = write_csv(
        tmp_path / "s.csv", [HEADER, ["1", "Việc A", "BTC", "", "30/6/2022", "", "Đã hoàn thành"]]
    )
    before = file_digest(db_path)
    message = units.fail("import", str(sheet), "--meeting", str(meeting))
    assert "row 2, column G (Kết quả): marked done but gives no completion date" in message
    assert file_digest(db_path) == before
    units.ok("import", str(sheet), "--meeting", str(meeting), "--done-date", "1/7/2022")
    [record] = units.json("list")
    assert record["completed_on"] == "2022-07-01" and record["status"] == "done_late"


def test_output_for_scripts(units: Cli, meeting: int, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "s.csv", [HEADER, ["1", "Việc A", "BTC, VPTU", "", "", "", ""]])
    result = units("import", str(sheet), "--meeting", str(meeting), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["directive_ids"] == [1, 2] and data["rows"][0]["directives"] == [1, 2]
    assert "created 2 directives" in result.stderr


def test_installed_entry_point_is_quiet_without_a_terminal(db: str, tmp_path: Path) -> None:
    assert run("unit", "add", "BTC", "Ban Tổ chức", db=db).returncode == 0
    assert run("add-meeting", "--date", "2022-05-06", "--title", "Họp", db=db).returncode == 0
    sheet = write_csv(tmp_path / "s.csv", [HEADER, ["1", "Việc A", "BTC", "", "", "50%", ""]])
    done = run("import", str(sheet), "--meeting", "1", db=db, env={"DIRTRACK_LANG": "vi"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.splitlines() == [f"đã nhập {sheet}: tạo 1 nhiệm vụ"]


def test_an_imports_summary_names_no_count_of_nothing(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """The summary said 'created 1 directive, 0 meetings, 0 units; updated 0; unchanged 0'
    and 'Would create 0 directives, …; 0 bad rows': it names only what is not 0, and says
    when nothing is written or changed."""
    rows = [["STT", "Nội dung", "Đơn vị chủ trì", "Tiến độ", "Mã"]]
    rows += [["1", "Việc A", "BTC", "50%", "K1"], ["2", "Việc B", "BTC", "50%", "K2"]]
    sheet = write_csv(tmp_path / "s.csv", rows)
    args = ["import", str(sheet), "--meeting", str(meeting), "--key-column", "Mã"]
    dry = units.ok(*args, "--dry-run", "--as-of", "1/7/2022").splitlines()[-1]
    assert dry == "Would create 2 directives"
    assert units(*args, "--as-of", "1/7/2022").stderr == f"imported {sheet}: created 2 directives\n"
    rows[1][3] = "60%"
    sheet = write_csv(tmp_path / "s.csv", rows)
    dry = units.ok(*args, "--dry-run", "--as-of", "2/7/2022").splitlines()[-1]
    assert dry == "Would update 1; leave 1 unchanged"
    vi = units("--lang", "vi", *args, "--as-of", "2/7/2022").stderr
    assert vi == f"đã nhập {sheet}: cập nhật 1; giữ nguyên 1\n"
    again = units(*args, "--as-of", "2/7/2022").stderr
    assert again == f"imported {sheet}: unchanged 2\n"
    empty = write_csv(tmp_path / "e.csv", rows[:1])
    assert units.ok("import", str(empty), "--meeting", str(meeting), "--dry-run").endswith(
        "Would write nothing\n"
    )
    nothing = units("--lang", "vi", "import", str(empty), "--meeting", str(meeting)).stderr
    assert nothing == f"đã nhập {empty}: không có gì thay đổi\n"


def test_days_with_english_month_names_are_read(units: Cli, meeting: int, tmp_path: Path) -> None:
    """A register with English headers writes "30 June 2025", "June 30, 2025", "30 Jun 2025":
    they were refused as no date. A whole English month name or its abbreviation says the
    month; numbers alone are still read day first, never guessed."""
    header = ["No.", "Directive", "Lead unit", "Deadline", "Completed on"]
    rows = [["1", "Task A", "BTC", "30 June 2025", "June 20, 2025"]]
    rows += [["2", "Task B", "BTC", "June 30, 2025", ""]]
    rows += [["3", "Task C", "BTC", "30 Jun 2025", "3 Jul 2025"]]
    rows += [["4", "Task D", "BTC", "Sept. 5th 2025", ""]]
    # Excel's d-mmm-yy, as the CSV of an English Excel writes its dates: it was refused
    rows += [["5", "Task E", "BTC", "30-Sep-25", "15-Jul-2025"]]
    sheet = write_csv(tmp_path / "s.csv", [header, *rows])
    units.ok("import", str(sheet), "--meeting", str(meeting), "--as-of", "1/8/2025")
    found = {r["text"]: r for r in units.json("list", "--as-of", "2025-08-01")}
    assert {t: r["due"] for t, r in found.items()} == {
        "Task A": "2025-06-30",
        "Task B": "2025-06-30",
        "Task C": "2025-06-30",
        "Task D": "2025-09-05",
        "Task E": "2025-09-30",
    }
    assert [found[t]["completed_on"] for t in ("Task A", "Task B", "Task C", "Task E")] == [
        "2025-06-20",
        None,
        "2025-07-03",
        "2025-07-15",
    ]
    bad = write_csv(tmp_path / "bad.csv", [header, ["1", "Task F", "BTC", "30-Juni-2025", ""]])
    message = units.fail("import", str(bad), "--meeting", str(meeting))
    assert "row 2, column D" in message


def test_a_percentage_with_decimals_is_truncated_to_a_whole_percent(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """Progress is whole percents: "70,5%" and "50.5%" were rounded up to 71% and 51% without
    a word, and "99,5%" became 100% of unfinished work. They are truncated, as rates are."""
    header = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Tiến độ"]
    rows = [["1", "Việc A", "BTC", "31/12/2022", "70,5%"]]
    rows += [["2", "Việc B", "BTC", "31/12/2022", "50.5%"]]
    rows += [["3", "Việc C", "BTC", "31/12/2022", "99,5%: chờ ký"]]
    sheet = write_csv(tmp_path / "s.csv", [header, *rows])
    units.ok("import", str(sheet), "--meeting", str(meeting), "--as-of", "30/9/2022")
    records = {r["text"]: r["progress"] for r in units.json("list", "--as-of", "2022-09-30")}
    assert records == {"Việc A": 70, "Việc B": 50, "Việc C": 99}


def test_a_result_cell_starting_with_a_percentage_is_progress(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """A sheet with no progress column: "60%: đang tổng hợp" under Kết quả is 60 % done."""
    header = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Kết quả"]
    sheet = write_csv(
        tmp_path / "s.csv",
        [
            header,
            ["1", "Rà soát công trình chậm tiến độ", "BTC", "31/12/2022", "60%: đang tổng hợp"],
            ["2", "Báo cáo thu ngân sách", "VPTU", "30/11/2022", "Kết quả: 3 văn bản"],
        ],
    )
    units.ok("import", str(sheet), "--meeting", str(meeting), "--as-of", "30/9/2022")
    records = {r["text"]: r for r in units.json("list", "--as-of", "2022-09-30")}
    assert records["Rà soát công trình chậm tiến độ"]["progress"] == 60
    assert records["Báo cáo thu ngân sách"]["progress"] is None  # a count, not a percentage
    [shown] = [e for e in units.json("show", "1")["history"] if e["event"] == "progress"]
    assert (shown["percent"], shown["note"]) == (60, "đang tổng hợp")

    bad = write_csv(
        tmp_path / "bad.csv",
        [header, ["1", "Việc khác", "BTC", "31/12/2022", "140%"]],
    )
    before = file_digest(db_path)
    message = units.fail("import", str(bad), "--meeting", str(meeting))
    assert "row 2, column E" in message and "140%" in message
    assert file_digest(db_path) == before


def _with_merge(path: Path, ref: str) -> None:
    """Give the first sheet of ``path`` one merged range ``ref``, written into its XML as a
    hostile or careless file would have it (openpyxl itself would expand it while saving)."""
    import shutil
    import zipfile

    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as book, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in book.infolist():
            data = book.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                merge = f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
                data = data.replace(b"</sheetData>", merge.encode())
            out.writestr(entry, data)
    shutil.move(temp, path)


def dry_run_rows(
    db: str, meeting: int, path: Path, *, limited: bool, timeout: int
) -> list[dict[str, Any]]:
    """The rows ``import --dry-run`` reports for ``path``, run in a process of its own (with
    ``limited``, in 600 MB of address space: a file that costs more fails the test), forked
    from the fork server (tests/forkserver.py), which gives it the limit: what the import
    costs, not the start."""
    import resource

    def limit() -> None:
        memory = 600 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    done = subprocess.run(
        [program(forked=True), "--db", db, "import", str(path), "--dry-run"]
        + ["--meeting", str(meeting), "--format", "json"],
        capture_output=True,
        text=True,
        preexec_fn=limit if limited else None,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, Any]] = json.loads(done.stdout)["rows"]
    return rows


@pytest.mark.sqlite_only("memory of the import, not of the backend")
def test_a_huge_merged_range_costs_the_data_not_the_range(
    units: Cli, meeting: int, db: str, tmp_path: Path
) -> None:

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"])
    sheet.append([1, "Rà soát hồ sơ cán bộ", "BTC", "30/9/2022"])
    sheet.append([2, "Báo cáo kết quả", "VPTU", "30/9/2022"])
    path = tmp_path / "gop.xlsx"
    book.save(path)
    _with_merge(path, "A100:XFD1048576")  # 17 billion cells, in a 5 KB file
    assert path.stat().st_size < 8_000

    rows = dry_run_rows(db, meeting, path, limited=True, timeout=120)
    assert [r["text"] for r in rows] == ["Rà soát hồ sơ cán bộ", "Báo cáo kết quả"]


@pytest.mark.sqlite_only("reading the workbook, not the backend")
@pytest.mark.parametrize("corner", ["styled", "empty text"])
def test_a_far_cell_without_a_value_costs_nothing(
    units: Cli, meeting: int, db: str, tmp_path: Path, corner: str
) -> None:
    """A cell that holds only a style (or an empty string) at XFD1048576: openpyxl's rows run
    to it, 17 billion cells, and the import never ended; it reads the cells with values."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"])
    sheet.append([1, "Rà soát hồ sơ cán bộ", "BTC", "30/9/2022"])
    if corner == "styled":
        sheet["XFD1048576"].font = Font(bold=True)
    else:
        sheet["XFD1048576"] = ""
    path = tmp_path / "goc.xlsx"
    book.save(path)
    rows = dry_run_rows(db, meeting, path, limited=False, timeout=60)
    assert [r["text"] for r in rows] == ["Rà soát hồ sơ cán bộ"]


@pytest.mark.sqlite_only("memory of the import, not of the backend")
@pytest.mark.parametrize("far", [" ", "Báo cáo cuối bảng"], ids=["a-space", "a-directive"])
def test_a_value_in_the_sheets_last_row_costs_the_rows_held_not_a_million(
    units: Cli, meeting: int, db: str, tmp_path: Path, far: str
) -> None:
    """A header, a row, and a cell of row 1,048,576 holding a space (or a last directive):
    every row between was made into cells one by one, five million of them, minutes and
    gigabytes for a table of one row. The rows the file holds are read, and the gap is one
    empty row."""

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Tiến độ"])
    sheet.append([1, "Rà soát hồ sơ cán bộ", "BTC", "30/9/2022"])
    sheet["B1048576"], sheet["C1048576"] = far, "VPTU" if far.strip() else None
    path = tmp_path / "cuoi.xlsx"
    book.save(path)

    rows = dry_run_rows(db, meeting, path, limited=True, timeout=600)
    assert [(r["row"], r["text"]) for r in rows] == [(2, "Rà soát hồ sơ cán bộ")] + (
        [(1048576, far)] if far.strip() else []
    )


@pytest.mark.sqlite_only("memory of the import, not of the backend")
def test_rows_formatted_to_the_sheets_end_cost_the_data_not_the_format(
    units: Cli, meeting: int, db: str, tmp_path: Path
) -> None:
    """Half a million rows holding only a format (a border drawn down whole columns) under one
    row of data: openpyxl made an object of each, 20 seconds and 1.7 GB for a million; the
    empty cells and rows are dropped before the sheet is loaded."""
    import re
    import shutil
    import zipfile

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"])
    sheet.append([1, "Rà soát hồ sơ cán bộ", "BTC", "30/9/2022"])
    sheet["E2"].font = Font(bold=True)
    path = tmp_path / "ke-bang.xlsx"
    book.save(path)
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                style = re.search(rb'<c r="E2" s="(\d+)"', data)
                assert style is not None
                s = style[1].decode()
                rows = "".join(
                    f'<row r="{r}" s="{s}" customFormat="1"><c r="A{r}" s="{s}"/>'
                    f'<c r="B{r}" s="{s}"/></row>'
                    for r in range(3, 500_003)
                )
                data = data.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
            out.writestr(entry, data)
    shutil.move(temp, path)

    rows = dry_run_rows(db, meeting, path, limited=True, timeout=120)
    assert [r["text"] for r in rows] == ["Rà soát hồ sơ cán bộ"]


# --- several sheets in one import -------------------------------------------------------------


def _quarters(path: Path, *, bad: bool = False, repeat: bool = False, hide: bool = False) -> Path:
    """A register kept one sheet per quarter, as offices keep it: a summary sheet first, the
    quarters in other wordings and column orders (one under a title merged across it), and
    a sheet of limitations."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    summary.append(["Đơn vị", "Tổng số nhiệm vụ", "Đã hoàn thành"])
    summary.append(["VPTU", 2, 1])
    q1 = book.create_sheet("Quý 1")
    q1.append(["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"])
    q1.append([1, "Rà soát quy chế", "VPTU", "30/9/2022", "Đã thực hiện 60%"])
    q1.append([2, "Kiện toàn bộ máy", "Ban Xây dựng", "31/12/2022", None])
    q2 = book.create_sheet("Quý 2")
    q2.append(["KẾT QUẢ THỰC HIỆN QUÝ 2", None, None, None])
    q2.merge_cells("A1:D1")
    q2.append(["TT", "Cơ quan thực hiện", "Hạn xử lý", "Nhiệm vụ"])
    q2.append([1, "VPTU", "bất kỳ lúc nào" if bad else "31/10/2022", "Báo cáo sơ kết"])
    q2.append([2, "Ban Xây dựng", "30/11/2022", "Tổng kết nghị quyết"])
    if repeat:
        q2.append([3, "VPTU", "30/9/2022", "Rà soát quy chế"])
    limits = book.create_sheet("Hạn chế")
    limits.append(["STT", "Đơn vị", "Nội dung hạn chế", "Nhóm"])
    limits.append(["1", "VPTU", "Thiếu lái xe", "Biên chế"])
    if hide:
        q1.sheet_state = "hidden"  # a quarter closed, its tab hidden
    book.save(path)
    return path


@pytest.fixture
@prebuilt
def quarters(cli: Cli) -> Cli:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("add-meeting", "--date", "10/3/2022", "--title", "Hội nghị Ban Thường vụ")
    return cli


@pytest.mark.parametrize("chosen", [("all",), ("Quý 1", "3"), ("tất cả",)])
def test_several_sheets_are_read_in_one_import(
    quarters: Cli, tmp_path: Path, db_path: Path, chosen: tuple[str, ...]
) -> None:
    """A workbook of one sheet per quarter was read one sheet a run (the others named in a
    warning): `--sheet` repeated, or `--sheet all`, reads them all in one import, rows named
    'Sheet!row', a unit made once for both sheets, the summary and limitations sheets passed
    over by `all`."""
    path = _quarters(tmp_path / "nam.xlsx")
    picks = [arg for name in chosen for arg in ("--sheet", name)]
    args = ["import", str(path), "--meeting", "1", "--as-of", AS_OF, "--create-units", *picks]
    before = file_digest(db_path)
    dry = json.loads(quarters(*args, "--dry-run", "--format", "json").stdout)
    assert file_digest(db_path) == before
    assert [(r["sheet"], r["row"], r["action"]) for r in dry["rows"]] == [
        ("Quý 1", 2, "create"),
        ("Quý 1", 3, "create"),
        ("Quý 2", 3, "create"),
        ("Quý 2", 4, "create"),
    ]
    assert [s["sheet"] for s in dry["sheets"]] == ["Quý 1", "Quý 2"]
    assert dry["created"]["units"] == 1 and dry["warnings"] == []
    table = quarters(*args, "--dry-run").stdout
    assert "nam.xlsx ('Quý 1'); header row 1" in table
    assert "nam.xlsx ('Quý 2'); header row 2" in table  # its title merged above it, row 1
    quarters.ok(*args)
    found = {d["text"]: d for d in quarters.json("list", "--as-of", AS_OF)}
    assert sorted(found) == [
        "Báo cáo sơ kết",
        "Kiện toàn bộ máy",
        "Rà soát quy chế",
        "Tổng kết nghị quyết",
    ]
    assert found["Báo cáo sơ kết"]["due"] == "2022-10-31"
    assert found["Rà soát quy chế"]["progress"] == 60
    assert found["Kiện toàn bộ máy"]["unit"] == found["Tổng kết nghị quyết"]["unit"]
    assert len(quarters.json("unit", "list")) == 2  # 'Ban Xây dựng' made once


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_bad_row_on_one_sheet_writes_nothing_of_any(
    quarters: Cli, tmp_path: Path, db_path: Path, lang: str
) -> None:
    """One transaction for the whole run: a bad cell on the second sheet is one Error line
    naming the sheet, row and column, and nothing of the first sheet is written either."""
    path = _quarters(tmp_path / "nam.xlsx", bad=True)
    before = file_digest(db_path)
    args = ["--lang", lang, "import", str(path), "--meeting", "1", "--sheet", "all"]
    message = quarters.fail(*args, "--create-units")
    assert file_digest(db_path) == before
    assert len(message.strip().splitlines()) == 1
    said = {
        "en": "1 bad row ('Quý 2'!3); nothing was imported. row 'Quý 2'!3, column C (",
        "vi": "1 dòng có lỗi ('Quý 2'!3); không nhập gì. dòng 'Quý 2'!3, cột C (",
    }[lang]
    assert said in message
    assert quarters.json("list") == []
    dry = json.loads(quarters(*args, "--create-units", "--dry-run", "--format", "json").stdout)
    assert dry["bad_rows"] == ["'Quý 2'!3"]
    assert dry["problems"][0]["sheet"] == "Quý 2" and dry["problems"][0]["row"] == 3


def test_a_row_repeating_another_sheets_is_named_with_both(quarters: Cli, tmp_path: Path) -> None:
    path = _quarters(tmp_path / "nam.xlsx", repeat=True)
    args = ["import", str(path), "--meeting", "1", "--sheet", "all", "--create-units"]
    message = quarters.fail(*args)
    assert "1 bad row ('Quý 2'!5)" in message
    assert "repeats row 'Quý 1'!2" in message
    assert quarters.json("list") == []


def test_a_named_sheet_without_a_table_is_refused_by_name(quarters: Cli, tmp_path: Path) -> None:
    """Each sheet named with --sheet must hold a table: the summary sheet named beside a
    quarter is an Error naming it (as it would be alone), and nothing is written."""
    path = _quarters(tmp_path / "nam.xlsx")
    args = ["import", str(path), "--meeting", "1", "--sheet", "Quý 1", "--sheet", "Tổng hợp"]
    message = quarters.fail(*args)
    assert message.startswith("Error: nam.xlsx: sheet 'Tổng hợp': row 1: no column holds")
    assert quarters.json("list") == []
    missing = quarters.fail("import", str(path), "--sheet", "Quý 1", "--sheet", "Quý 9")
    assert "Quý 9" in missing


def test_a_hidden_sheet_is_read_and_named(quarters: Cli, tmp_path: Path) -> None:
    """A sheet whose tab the office hid is read with the others by --sheet all (hiding is not
    deleting), and a warning names it."""
    path = _quarters(tmp_path / "nam.xlsx", hide=True)
    args = ["import", str(path), "--meeting", "1", "--as-of", AS_OF, "--sheet", "all"]
    done = quarters(*args, "--create-units")
    assert done.exit_code == 0, done.stderr
    assert (
        "Warning: sheet 'Quý 1' is hidden in the workbook; its table was read as any sheet's"
    ) in done.stderr
    assert len(quarters.json("list")) == 4


def _hidden_quarters(path: Path) -> Path:
    """The quarters' register with what a clerk hides: a note column on 'Quý 1', a finished
    row on 'Quý 2', and a stale deadline column beside the one in force on 'Quý 2'."""
    _quarters(path)
    book = load_workbook(path)
    q1, q2 = book["Quý 1"], book["Quý 2"]
    q1["F1"], q1["F2"] = "Ghi chú", "ghi chú ẩn"
    q1.column_dimensions["F"].hidden = True
    q2["E2"], q2["E3"], q2["E4"] = "Thời hạn cũ", "30/6/2022", "30/6/2022"
    q2.column_dimensions["E"].hidden = True
    q2.row_dimensions[4].hidden = True
    book.save(path)
    return path


@pytest.mark.parametrize("chosen", [("all",), ("Quý 1", "Quý 2")])
def test_every_warning_of_several_sheets_names_its_sheet(
    quarters: Cli, tmp_path: Path, chosen: tuple[str, ...]
) -> None:
    """Rows of several sheets were named 'Quý 1'!5, but a hidden column's warning said only
    'column F', on whichever sheet: each sheet's warning now names its sheet, in the dry run,
    on stderr and in both languages; a single sheet's warnings read as before."""
    path = _hidden_quarters(tmp_path / "nam.xlsx")
    picks = [arg for name in chosen for arg in ("--sheet", name)]
    args = ["import", str(path), "--meeting", "1", "--as-of", AS_OF, "--create-units", *picks]
    dry = json.loads(quarters(*args, "--dry-run", "--format", "json").stdout)
    assert dry["warnings"] == [
        "sheet 'Quý 1': column F (Ghi chú) is hidden in the sheet; it was read as note",
        "sheet 'Quý 2': column E (Thời hạn cũ) is hidden and holds what column C (Hạn xử lý) "
        "holds: column C is read; --map 'Thời hạn cũ=due' reads the hidden one",
        "sheet 'Quý 2': 1 row hidden in the sheet was read as any row (hiding is not "
        "deleting): row 4",
    ]
    assert dry["hidden_rows"] == ["'Quý 2'!4"]
    alone = ["import", str(path), "--sheet", "Quý 1", "--meeting", "1", "--dry-run"]
    single = json.loads(quarters(*alone, "--format", "json").stdout)
    assert single["warnings"] == ["column F (Ghi chú) is hidden in the sheet; it was read as note"]
    done = quarters("--lang", "vi", *args)
    assert done.exit_code == 0, done.stderr
    warned = [line for line in done.stderr.splitlines() if line.startswith("Lưu ý:")]
    assert len(warned) == 3
    assert all("trang tính 'Quý 1': " in w or "trang tính 'Quý 2': " in w for w in warned)
    found = {d["text"]: d for d in quarters.json("list", "--as-of", AS_OF)}
    assert found["Tổng kết nghị quyết"]["due"] == "2022-11-30"  # the hidden row, read


def _with_other_sheets(path: Path) -> Path:
    """The quarters' register with an empty sheet, a sheet of notes with no table and a chart
    sheet."""
    _quarters(path)
    book = load_workbook(path)
    book.create_sheet("Trống")
    book.create_chartsheet("Biểu đồ")
    notes = book.create_sheet("Ghi chép")
    notes["A1"] = "Số liệu cập nhật hằng quý, gửi Văn phòng trước ngày 5."
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sheet_all_names_the_sheets_it_passes_over(
    quarters: Cli, tmp_path: Path, db_path: Path, lang: str
) -> None:
    """--sheet all passed over the summary sheet, the sheet of limitations, the empty ones and
    the charts in silence: one notice on stderr names each and why, in the user's language, and JSON
    gives them under skipped_sheets; sheets named one by one pass nothing over."""
    path = _with_other_sheets(tmp_path / "nam.xlsx")
    args = ["--lang", lang, "import", str(path), "--meeting", "1", "--as-of", AS_OF]
    args += ["--create-units", "--sheet", "all"]
    dry = quarters(*args, "--dry-run", "--format", "json")
    assert dry.exit_code == 0, dry.stderr
    found = json.loads(dry.stdout)
    assert [(s["sheet"], s["why"]) for s in found["skipped_sheets"]] == [
        ("Tổng hợp", "no_directives"),
        ("Hạn chế", "limitations"),
        ("Trống", "empty"),
        ("Ghi chép", "no_header"),
        ("Biểu đồ", "chart"),
    ]
    said = {
        "en": (
            "Sheets passed over by --sheet all: 'Tổng hợp' (no column of the directives' text "
            "or deadline: a summary or a list, not a table of directives); 'Hạn chế' (column C "
            "(Nội dung hạn chế) holds limitations: record them with dirtrack add-limitation); "
            "'Trống' (empty); 'Ghi chép' (no header row in its first 30 rows); 'Biểu đồ' (a chart "
            "sheet)"
        ),
        "vi": "'Trống' (trống)",
    }[lang]
    assert said in dry.stderr
    assert found["skipped_sheets"][2]["reason"] == {"en": "empty", "vi": "trống"}[lang]
    picks = ["--sheet", "Quý 1", "--sheet", "Quý 2", "--meeting", "1", "--create-units"]
    picked = quarters("import", str(path), *picks, "--dry-run", "--format", "json")
    assert picked.exit_code == 0, picked.stderr
    assert json.loads(picked.stdout)["skipped_sheets"] == [] and picked.stderr == ""
    done = quarters(*args)
    assert done.exit_code == 0, done.stderr
    notices = [line for line in done.stderr.splitlines() if "'Tổng hợp'" in line]
    assert len(notices) == 1 and "'Ghi chép'" in notices[0]
    assert len(quarters.json("list")) == 4


# --- what a sheet tells only by colour -------------------------------------------------------


def _coloured(path: Path, *, worded: bool = False, swatch: bool = False) -> Path:
    """A register telling each row's status by its fill, explained by a legend under the table,
    as offices keep one: green done, red overdue, white in progress; in words naming the
    colours, or (``swatch``) a cell of each colour beside its status."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["BẢNG THEO DÕI NHIỆM VỤ"])
    sheet.append(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện"])
    sheet.append([1, "Báo cáo tổng kết năm", "BTC", "30/6/2022", "Đã hoàn thành ngày 20/6/2022"])
    sheet.append([2, "Kiểm tra công tác cán bộ", "UBKT", "31/7/2022", None])
    sheet.append([3, "Xây dựng kế hoạch năm", "BDV", "31/12/2022", None])
    if not worded:
        sheet["E3"] = None
    green, red = (PatternFill("solid", fgColor=c) for c in ("00B050", "FF0000"))
    for column in "ABCD":
        sheet[f"{column}3"].fill = green
        sheet[f"{column}4"].fill = red
    sheet.append([])
    sheet.append([None, "Chú thích:"])
    if swatch:
        sheet.append([None, None, "Đã hoàn thành"])
        sheet.append([None, None, "Quá hạn"])
    else:
        sheet.append([None, "Màu xanh: đã hoàn thành"])
        sheet.append([None, "Màu đỏ - quá hạn"])
    sheet["B8"].fill, sheet["B9"].fill = green, red
    sheet.append([None, None, "Đang thực hiện"] if swatch else [None, "Màu trắng: đang thực hiện"])
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_status_told_only_by_colour_is_refused_not_lost(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path, lang: str
) -> None:
    """A sheet whose legend says green is done and red overdue came in with every row open:
    the colours, its only status, were lost in silence. It is refused in one line naming the
    legend, the coloured rows and what to write; nothing is written."""
    path = _coloured(tmp_path / "mau.xlsx")
    before = file_digest(db_path)
    args = ["--lang", lang, "import", str(path), "--meeting", str(meeting), "--as-of", AS_OF]
    for extra in (["--dry-run"], []):
        said = units.fail(*args, *extra)
        assert {
            "en": "row 8 says the rows' colours tell their status ('Màu xanh: đã hoàn thành')",
            "vi": "dòng 8 cho biết màu của các dòng",
        }[lang] in said
        assert {"en": "(rows 3-4)", "vi": "(dòng 3-4)"}[lang] in said
        assert "Kết quả thực hiện" in said
    assert file_digest(db_path) == before


def test_coloured_rows_whose_words_say_their_status_are_read_with_a_warning(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """Coloured as the legend says, but each coloured row's status written in words too: read
    by the words, a warning saying the colours were not."""
    path = _coloured(tmp_path / "mau.xlsx", worded=True)
    result = units("import", str(path), "--meeting", str(meeting), "--as-of", AS_OF)
    assert result.exit_code == 1, result.stderr  # row 4, red, has no words: still refused
    book = load_workbook(path)
    book.active["E4"] = "Quá hạn"  # type: ignore[index]
    book.save(path)
    done = units("import", str(path), "--meeting", str(meeting), "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    assert "colours are not read: rows 3-4 were read by the status their words say" in done.stderr
    found = {r["unit"]: r for r in units.json("list", "--as-of", AS_OF, "--status", "all")}
    assert found["BTC"]["status"] == "done_on_time" and found["BTC"]["completed_on"] == "2022-06-20"
    assert found["UBKT"]["status"] == "overdue" and found["BDV"]["status"] == "open_in_time"


def test_a_legend_of_coloured_cells_beside_their_status_is_a_legend_too(
    units: Cli, meeting: int, tmp_path: Path, db_path: Path
) -> None:
    """The legend drawn as a cell of each colour beside its status (no word naming the colour),
    under the table: the rows of those colours without words are refused the same way."""
    path = _coloured(tmp_path / "o-mau.xlsx", swatch=True)
    before = file_digest(db_path)
    said = units.fail("import", str(path), "--meeting", str(meeting), "--as-of", AS_OF)
    assert "row 8 says the rows' colours tell their status ('Đã hoàn thành')" in said
    assert "(rows 3-4)" in said
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    "line", ["(Số liệu tính đến ngày 30 tháng 9 năm 2022)", "Số liệu tính đến thời điểm 30/9/2022"]
)
def test_the_sheets_day_in_words_above_the_table_is_read(
    units: Cli, meeting: int, tmp_path: Path, line: str
) -> None:
    """The day the sheet is up to written as formal documents write it (`30 tháng 9 năm 2022`,
    `tính đến thời điểm …`) was not read: the sheet was taken as of today, an undated completion
    refused as if the sheet named no day."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"])
    sheet.append([line])
    sheet.append(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện"])
    sheet.append([1, "Báo cáo tổng kết công tác cán bộ", "BTC", "31/12/2022", "Đã hoàn thành"])
    path = tmp_path / "tinh-den.xlsx"
    book.save(path)
    report = units.json("import", str(path), "--meeting", str(meeting))
    assert report["as_of"] == AS_OF
    (found,) = units.json("list", "--as-of", AS_OF, "--status", "all")
    assert found["status"] == "done_on_time" and found["completed_on"] == AS_OF


def test_a_data_row_whose_words_name_fields_is_no_second_header_row(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """A one-row header over rows whose words name fields (`Đang thực hiện` under `Kết quả`, a
    notice's title under `Trích yếu`): the first data row was read as a second header row, the
    directive left out in silence. A row holding a day or a number under STT is data."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Trích yếu", "Tên nhiệm vụ", "Cơ quan chủ trì", "Chuyên viên theo dõi"])
    sheet["F1"], sheet["G1"], sheet["H1"] = "Hạn báo cáo", "Kết quả", "Đánh giá"
    sheet.append([1, "Thông báo kết luận giao ban", "Rà soát quy hoạch cán bộ", "BTC", "Chị Hoa"])
    sheet["F2"], sheet["G2"] = "30/10/2022", "Đang thực hiện"
    path = tmp_path / "mot-dong.xlsx"
    book.save(path)
    report = units.json("import", str(path), "--meeting", str(meeting), "--as-of", AS_OF)
    assert report["header_row"] == 1
    (found,) = units.json("list", "--as-of", AS_OF)
    assert found["text"] == "Rà soát quy hoạch cán bộ" and found["due"] == "2022-10-30"


def test_a_document_column_giving_its_day_names_the_meeting(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """`Số, ký hiệu` holding the number and its day (`45/TB-UBND ngày 10/4/2022`) was refused,
    saying to write the day in the cell, which it held: the day is read as in a meeting's
    title, the meeting made once with the number alone."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Số, ký hiệu văn bản", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"])
    sheet.append([1, "45/TB-UBND ngày 10/4/2022", "Rà soát quy hoạch cán bộ", "BTC", "30/10/2022"])
    sheet.append([2, "45/TB-UBND ngày 10/4/2022", "Sơ kết công tác dân vận", "BDV", "30/11/2022"])
    path = tmp_path / "so-ky-hieu.xlsx"
    book.save(path)
    units.ok("import", str(path), "--as-of", AS_OF)
    made = [m for m in units.json("meetings") if m["id"] != meeting]
    assert [(m["doc"], m["date"]) for m in made] == [("45/TB-UBND", "2022-04-10")]
    assert {d["meeting_id"] for d in units.json("list", "--as-of", AS_OF)} == {made[0]["id"]}


def test_a_column_of_why_a_task_is_not_done_is_kept_as_a_note(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """`Lý do chưa hoàn thành` held `chưa hoàn thành` and was read as a mark that the row is
    open: the reasons written in it were dropped in silence. It is a note, kept with the
    progress."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời hạn", "Lý do chưa hoàn thành"])
    sheet.append([1, "Xây dựng đề án nhân sự", "BTC", "30/12/2022", "Thiếu kinh phí"])
    path = tmp_path / "ly-do.xlsx"
    book.save(path)
    report = units.json("import", str(path), "--meeting", str(meeting), "--as-of", AS_OF)
    assert {c["column"]: c["field"] for c in report["columns"]}["E"] == "note"
    (found,) = units.json("list", "--as-of", AS_OF)
    shown = units.json("show", str(found["id"]))
    assert any("Thiếu kinh phí" in (h.get("note") or "") for h in shown["history"]), shown


def test_a_document_day_in_the_title_block_is_named_with_the_day_the_sheet_is_read_as_of(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """A title block whose only day is a document's (`Kèm theo Báo cáo số 45/BC-UBND ngày
    05/10/2022`), with no `tính đến` line: the sheet was read as of today without a word. It
    still is, with a warning naming that day and `--as-of`; given `--as-of`, no warning."""
    from datetime import date

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Kèm theo Báo cáo số 45/BC-UBND ngày 05/10/2022 của UBND huyện"])
    sheet.append(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"])
    sheet.append([1, "Báo cáo tổng kết công tác cán bộ", "BTC", "31/12/2022"])
    path = tmp_path / "kem-theo.xlsx"
    book.save(path)
    args = ("import", str(path), "--meeting", str(meeting), "--dry-run")
    report = units.json(*args)
    assert report["as_of"] == date.today().isoformat()
    assert report["warnings"] == [
        "row 1 gives the day 2022-10-05 ('Kèm theo Báo cáo số 45/BC-UBND ngày 05/10/2022 của "
        f"UBND huyện') but no line says the day the sheet is up to ('Số liệu tính đến ngày …'): "
        f"the sheet is read as of today ({date.today().isoformat()}); give --as-of 2022-10-05 "
        "to read it as of that day"
    ]
    vi = units.json("--lang", "vi", *args)
    assert "--as-of 05/10/2022" in vi["warnings"][0] and "hôm nay" in vi["warnings"][0]
    dated = units.json(*args, "--as-of", "2022-10-05")
    assert dated["as_of"] == "2022-10-05" and dated["warnings"] == []


def test_a_document_number_without_its_day_names_no_option_already_given(
    units: Cli, meeting: int, tmp_path: Path
) -> None:
    """A bare number in the document column (`45/TB-UBND`) with --meeting given: the bad row
    said "or give --meeting ID", the option it had. The advice names only what is left."""
    sheet = write_csv(
        tmp_path / "so-van-ban.csv",
        [
            ["STT", "Số, ký hiệu văn bản", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
            ["1", "45/TB-UBND", "Rà soát quy hoạch cán bộ", "BTC", "30/10/2022"],
        ],
    )

    def problem(*extra: str) -> str:
        result = units("import", str(sheet), "--dry-run", "--format", "json", *extra)
        [row] = json.loads(result.stdout)["rows"]
        [found] = row["problems"]
        return str(found["message"])

    said = "cannot tell when '45/TB-UBND' was held: write its date in the cell ('… ngày 6/5/2022')"
    assert problem() == f"{said}, add a 'Ngày họp' column, or give --meeting ID"
    assert problem("--meeting", str(meeting)) == f"{said} or add a 'Ngày họp' column"


def test_unknown_units_name_their_row_or_rows(units: Cli, meeting: int, tmp_path: Path) -> None:
    """The line under the table said '(rows 4)' of a unit named on one row."""
    path = tmp_path / "don-vi.csv"
    path.write_text(
        "Nội dung,Đơn vị chủ trì\nViệc 1,VPTU\nViệc 2,Sở Mới\nViệc 3,Sở Khác\nViệc 4,Sở Khác\n",
        encoding="utf-8",
    )
    args = ["import", str(path), "--meeting", str(meeting), "--dry-run"]
    en = units("--lang", "en", *args)
    assert en.exit_code == 1  # a dry run with bad rows shows them, then says it would fail
    assert en.stderr.startswith("Error: don-vi.csv: 3 bad rows (3-5)")
    assert "Unknown unit 'Sở Mới' (row 3): " in en.stdout
    assert "Unknown unit 'Sở Khác' (rows 4-5): " in en.stdout
    vi = units("--lang", "vi", *args)
    assert "Đơn vị chưa đăng ký 'Sở Mới' (dòng 3): " in vi.stdout
    assert "Đơn vị chưa đăng ký 'Sở Khác' (dòng 4-5): " in vi.stdout


def test_a_sheets_units_of_the_same_letters_with_other_marks_are_two(
    cli: Cli, tmp_path: Path
) -> None:
    """A sheet naming 'xã Hòa An' and 'xã Hóa An', two communes, made one new unit of both
    with --create-units (their rows went to the first), and listed them as one unknown unit
    without it. They are two, 'Xã Hoà An' (its tone placed the other way) is the first, and a
    row naming them without marks is a bad row, ambiguous, naming both; nothing imported."""
    meeting = str(cli.id("add-meeting", "--date", "6/5/2025", "--title", "Giao ban"))
    rows = [
        ["1", "Việc A", "xã Hòa An", "", "", "", ""],
        ["2", "Việc B", "xã Hóa An", "", "", "", ""],
        ["3", "Việc C", "Xã Hoà An", "", "", "", ""],
    ]
    sheet = write_csv(tmp_path / "s.csv", [HEADER, *rows])
    args = ["import", str(sheet), "--meeting", meeting, "--format", "json"]
    unknown = json.loads(cli("--lang", "en", *args, "--dry-run").stdout)["unknown_units"]
    assert [(u["name"], u["rows"]) for u in unknown] == [("xã Hòa An", [2, 4]), ("xã Hóa An", [3])]
    before = snapshot(cli.db)
    bare = write_csv(
        tmp_path / "bare.csv", [HEADER, *rows, ["4", "Việc D", "xa hoa an"] + [""] * 4]
    )
    said = cli.fail("import", str(bare), "--meeting", meeting, "--create-units")
    assert (
        "row 5, column C (Đơn vị chủ trì): unit 'xa hoa an' is ambiguous: xã Hòa An, xã Hóa An"
        in (said)
    )
    assert snapshot(cli.db) == before
    made = cli.json("import", str(sheet), "--meeting", meeting, "--create-units")
    assert made["new_units"] == [
        {"name": "xã Hòa An", "code": "XHA"},
        {"name": "xã Hóa An", "code": "XHA2"},
    ]
    assert [d["unit"] for d in cli.json("list")] == ["XHA", "XHA2", "XHA"]
