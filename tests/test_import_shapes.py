"""Office sheets of shapes other offices keep: status words, split headers, subtotal and note
rows, header wordings. Each sheet is built here with openpyxl and imported through the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.conftest import Cli, dry_run, prebuilt, workbook

AS_OF = "2023-06-30"


@pytest.fixture
@prebuilt
def office(cli: Cli) -> Cli:
    cli.ok("unit", "add", "SNV", "Sở Nội vụ")
    cli.ok("unit", "add", "STC", "Sở Tài chính")
    cli.ok("unit", "add", "STP", "Sở Tư pháp")
    cli.ok("add-meeting", "--date", "10/3/2023", "--title", "Phiên họp UBND tỉnh tháng 3")
    return cli


def by_text(cli: Cli) -> dict[str, dict[str, Any]]:
    return {d["text"]: d for d in cli.json("list", "--as-of", AS_OF)}


def dues_past_a_bad_last_row(
    office: Cli, tmp_path: Path, rows: list[list[Any]], said: str
) -> dict[str, dict[str, Any]]:
    """Import ``rows``, whose last is refused saying ``said`` (nothing written), then all but
    it; the directives imported, by text."""
    last = len(rows)
    result = office("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert result.exit_code == 1 and f"1 bad row ({last})" in result.stderr, result.stderr
    assert said in result.stderr
    office.ok("import", workbook(tmp_path, rows[:-1]), "--meeting", "1", "--as-of", AS_OF)
    return by_text(office)


def test_dung_han_and_dung_tien_do_are_not_a_cancellation(office: Cli, tmp_path: Path) -> None:
    """'Đúng hạn' (on time) and 'Đúng tiến độ' (on schedule) fold to the letters of 'Dừng'
    (stop): they were read as cancellations, and refused for want of a date."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Đánh giá"],
            [1, "Xây dựng đề án du lịch", "SNV", "30/9/2023", "Đúng tiến độ"],
            [2, "Báo cáo quyết toán", "STC", "31/12/2023", "ĐÚNG HẠN"],
            [3, "Rà soát văn bản", "STP", "30/9/2023", "Đúng kế hoạch, đã xin ý kiến"],
            [4, "Sửa quy chế", "STP", "30/9/2023", "Dừng thực hiện ngày 1/6/2023"],
            [5, "Lập đề án cũ", "SNV", "30/9/2023", "Đã dừng ngày 2/6/2023"],
        ],
    )
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)
    for text in ("Xây dựng đề án du lịch", "Báo cáo quyết toán", "Rà soát văn bản"):
        assert found[text]["status"] == "open_in_time", text
        assert found[text]["cancelled_on"] is None
    assert found["Sửa quy chế"]["cancelled_on"] == "2023-06-01"
    assert found["Lập đề án cũ"]["cancelled_on"] == "2023-06-02"


def test_a_so_ngay_van_ban_column_names_the_meeting(office: Cli, tmp_path: Path) -> None:
    """'Số, ngày văn bản' holds the number and the date together: it names the meeting (found
    by its number, or made from both), where it was read as a date and every row refused."""
    office.ok(
        "add-meeting",
        "--date",
        "20/3/2023",
        "--title",
        "Kiểm tra công trình",
        "--doc",
        "52/TB-UBND",
    )
    path = workbook(
        tmp_path,
        [
            ["STT", "Số, ngày văn bản", "Nội dung chỉ đạo", "Cơ quan chủ trì", "Thời hạn"],
            [1, "45/TB-UBND ngày 15/3/2023", "Xây dựng quy chế phối hợp", "STP", "30/6/2023"],
            [2, "52/TB-UBND ngày 20/3/2023", "Kiểm tra an toàn công trình", "SNV", "30/9/2023"],
        ],
    )
    report = office.json("import", path, "--as-of", AS_OF)
    assert report["created"]["meetings"] == 1
    assert {c["header"]: c["field"] for c in report["columns"]}["Số, ngày văn bản"] == "meeting"
    found = by_text(office)
    made = found["Xây dựng quy chế phối hợp"]
    assert made["meeting_date"] == "2023-03-15" and made["meeting_id"] == 3
    assert office.json("show", str(made["id"]))["meeting"]["doc"] == "45/TB-UBND"
    assert found["Kiểm tra an toàn công trình"]["meeting_id"] == 2


def test_header_wordings_of_other_offices(office: Cli, tmp_path: Path) -> None:
    """'Ý kiến chỉ đạo' (the text), 'Ngày hết hạn' (the deadline), 'Tình hình triển khai'
    (progress) and 'Hình thức văn bản' (the product: the text was refused as naming no column,
    and 'Hình thức văn bản' was taken for the meeting)."""
    path = workbook(
        tmp_path,
        [
            [
                "STT",
                "Ý kiến chỉ đạo",
                "Hình thức văn bản",
                "Đơn vị thực hiện",
                "Ngày hết hạn",
                "Tình hình triển khai",
            ],
            [1, "Hoàn thiện hồ sơ dự án", "Tờ trình", "SNV", "30/7/2023", "60%: đã thẩm định"],
            [
                2,
                "Báo cáo tình hình biên chế",
                "Báo cáo",
                "STC",
                "15/6/2023",
                "Đã hoàn thành ngày 14/6/2023",
            ],
        ],
    )
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF)
    fields = {c["header"]: c["field"] for c in report["columns"]}
    assert fields == {
        "STT": "stt",
        "Ý kiến chỉ đạo": "text",
        "Hình thức văn bản": "product",
        "Đơn vị thực hiện": "unit",
        "Ngày hết hạn": "due",
        "Tình hình triển khai": "progress",
    }
    found = by_text(office)
    first = found["Hoàn thiện hồ sơ dự án"]
    assert (first["due"], first["progress"], first["product"]) == ("2023-07-30", 60, "Tờ trình")
    second = found["Báo cáo tình hình biên chế"]
    assert (second["status"], second["completed_on"]) == ("done_on_time", "2023-06-14")


def test_headers_shortened_as_registers_write_them(office: Cli, tmp_path: Path) -> None:
    """'ĐVPH' and 'Ngày HT' were columns left out: the coordinating units were lost in silence
    and a row marked 'HT' beside its day was refused as done without a date."""
    path = workbook(
        tmp_path,
        [
            ["TT", "ND nhiệm vụ", "ĐVCT", "ĐVPH", "TG HT", "Tình hình TH", "Ngày HT"],
            [1, "Việc xong", "SNV", "STC", "30/6/2023", "HT", "20/6/2023"],
            [2, "Việc đang làm", "STP", "SNV, STC", "30/9/2023", "Đang TH", None],
        ],
    )
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF)
    fields = [c["field"] for c in report["columns"]]
    assert fields == ["stt", "text", "unit", "with", "due", "progress", "completed_on"]
    found = by_text(office)
    done, going = found["Việc xong"], found["Việc đang làm"]
    assert (done["with"], done["status"], done["completed_on"]) == (
        ["STC"],
        "done_on_time",
        "2023-06-20",
    )
    assert (sorted(going["with"]), going["status"]) == (["SNV", "STC"], "open_in_time")


@pytest.mark.parametrize(
    "header",
    [
        "Ngày phải hoàn thành",
        "Thời hạn phải hoàn thành",
        "Thời gian yêu cầu hoàn thành",
        "Hoàn thành trước ngày",
        "Dự kiến hoàn thành",
        "Hạn chót",
        "Mốc thời gian",
    ],
)
def test_a_deadline_headed_as_when_it_must_be_done(
    office: Cli, tmp_path: Path, header: str
) -> None:
    """'Ngày phải hoàn thành' (the day it must be done), 'Thời gian yêu cầu hoàn thành', 'Dự
    kiến hoàn thành' hold 'hoàn thành' and were read as a mark that the row is done: every
    row with a day there came in completed on its deadline, without a deadline, and a row
    saying 'Đang thực hiện' was refused as done and not. They, and 'Hạn chót', 'Mốc thời
    gian' (left out: no deadline at all), are the deadline."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", header, "Tình hình thực hiện"],
            [1, "Rà soát biên chế", "SNV", "31/5/2023", "Đang thực hiện"],
            [2, "Báo cáo quyết toán", "STC", "30/9/2023", None],
        ],
    )
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert {c["header"]: c["field"] for c in report["columns"]}[header] == "due"
    found = by_text(office)
    first, second = found["Rà soát biên chế"], found["Báo cáo quyết toán"]
    assert (first["due"], first["status"], first["completed_on"]) == ("2023-05-31", "overdue", None)
    assert (second["due"], second["status"], second["completed_on"]) == (
        "2023-09-30",
        "open_in_time",
        None,
    )


def test_a_time_column_left_out_when_no_column_is_the_deadline(office: Cli, tmp_path: Path) -> None:
    """A register heading its deadlines 'Thời gian' (which may be any time: of the meeting, of
    the work) left the column out and imported every directive without a deadline, never
    overdue, without a word. The column is still left out, but a warning names it and the
    --map that reads it as the deadline; with the map the deadlines are read."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian", "Tình hình thực hiện"],
            [1, "Rà soát biên chế", "SNV", "31/5/2023", "Đang thực hiện"],
            [2, "Báo cáo quyết toán", "STC", "Quý III/2023", None],
        ],
    )
    dry = office.json("import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    assert dry["warnings"] == [
        "no column was read as the deadline, so every directive comes in without one; if "
        "column D (Thời gian) holds it, import with --map 'Thời gian=due'"
    ]
    vi = office.json("--lang", "vi", "import", path, "--meeting", "1", "--dry-run")
    assert vi["warnings"][0].startswith("không cột nào được đọc là thời hạn")
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF, "--map", "Thời gian=due")
    found = by_text(office)
    assert (found["Rà soát biên chế"]["due"], found["Rà soát biên chế"]["status"]) == (
        "2023-05-31",
        "overdue",
    )
    assert found["Báo cáo quyết toán"]["due"] == "2023-09-30"


def test_a_column_with_a_header_no_field_reads_is_named_when_its_values_are_left_out(
    office: Cli, tmp_path: Path
) -> None:
    """A column whose header names no field (`Người theo dõi`, who follows the task up) was
    named only in the dry run's `Columns left out`: the import itself dropped its values
    without a word (exit 0, `created 2 directives`). It is still not read, but the import
    warns on stderr, naming the column and its rows, in the run's language; a column left out
    by --map 'COLUMN=ignore' (the clerk's choice) or one holding nothing is not named."""
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Người theo dõi", "Lưu trữ"],
        [1, "Rà soát biên chế", "SNV", "31/5/2023", "Chị Lan", None],
        [2, "Báo cáo quyết toán", "STC", "30/9/2023", None, None],
        [3, "Sửa quy chế", "STP", "30/9/2023", "Anh Tú\nphòng TH", None],
    ]
    path = workbook(tmp_path, rows)
    said = (
        "column E (Người theo dõi) holds values (rows 2, 4), which were not read: no field of a "
        "directive takes them; --map 'E=FIELD' reads it, --map 'E=ignore' leaves it out without "
        "this warning"
    )
    dry = office.json("import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    assert dry["warnings"] == [said]
    vi = json.loads(
        office("--lang", "vi", "import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run",
               "--format", "json").stdout
    )  # fmt: skip
    assert vi["warnings"] == [
        "cột E (Người theo dõi) có giá trị (dòng 2, 4) nhưng không được đọc: không trường nào "
        "của nhiệm vụ nhận các giá trị đó; dùng --map 'E=FIELD' để đọc cột đó, hoặc --map "
        "'E=ignore' để bỏ qua cột đó mà không có cảnh báo này"
    ]
    done = office("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    assert f"Warning: {said}" in done.stderr.splitlines()
    assert len(office.json("list", "--status", "all")) == 3
    # the clerk's choice: left out without a word
    again = workbook(tmp_path, [rows[0], [1, "Lập đề án", "SNV", "31/5/2023", "Chị Lan", None]])
    quiet = office("import", again, "--meeting", "1", "--as-of", AS_OF, "--map", "E=ignore")
    assert quiet.exit_code == 0 and "Warning" not in quiet.stderr, quiet.stderr


def test_a_deadline_naming_no_year_is_said_with_the_year_it_was_read_in(
    office: Cli, tmp_path: Path
) -> None:
    """`30/6` or `Quý III` in the deadline column took the meeting's year without a word (the
    dry run showed the day, the import nothing). Each such row now says it in a warning, as
    `assign --due` does, and `Trước Tết` which Tết it was read as; a deadline with its year, or
    one counted from the meeting, says nothing."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            [1, "Rà soát biên chế", "SNV", "30/6"],
            [2, "Báo cáo quyết toán", "STC", "Quý III"],
            [3, "Sửa quy chế", "STP", "30/9/2023"],
            [4, "Lập đề án", "STP", "Trong 3 tháng"],
            [5, "Tổng kết năm", "SNV", "Trước Tết"],
        ],
    )
    done = office("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    warned = [line for line in done.stderr.splitlines() if line.startswith("Warning:")]
    assert warned == [
        "Warning: row 2: '30/6' names no year: the deadline is read as 2023-06-30, in the year of "
        "the day it is counted from (2023-03-10)",
        "Warning: row 3: 'Quý III' names no year: the deadline is read as 2023-09-30, in the year "
        "of the day it is counted from (2023-03-10)",
        # a Tết without its year: the nearest whose deadline has not passed, named
        "Warning: row 6: 'Trước Tết' names no year: it is read as Tết 2024 (its first day "
        "2024-02-10), the nearest whose deadline has not passed on the day it is counted from "
        "(2023-03-10): the deadline is 2024-02-07",
        "Warning: row 6: deadline 'Trước Tết' counted on the office calendar as 2024-02-07 "
        "(working days, days off and moved days as dirtrack calendar list shows): check it",
    ]
    dues = {d["text"]: d["due"] for d in office.json("list", "--status", "all")}
    assert dues == {
        "Rà soát biên chế": "2023-06-30",
        "Báo cáo quyết toán": "2023-09-30",
        "Sửa quy chế": "2023-09-30",
        "Lập đề án": "2023-06-10",
        "Tổng kết năm": "2024-02-07",
    }


def test_a_two_digit_year_is_said_on_its_row(office: Cli, tmp_path: Path) -> None:
    """`05/03/23` in a date cell was read as 5/3/2023 without a word: the century is assumed
    (as Excel assumes it, 00-29 the 2000s), so each such day is named on its row with the day
    it was read as, column and header given; four-digit years and real dates say nothing."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
            [1, "Rà soát biên chế", "SNV", "30/06/23", "Đang thực hiện"],
            [2, "Báo cáo quyết toán", "STC", "30/9/2023", "Đã hoàn thành ngày 5/6/23"],
            [3, "Sửa quy chế", "STP", "30-Jun-23", None],
            [4, "Lập đề án", "STP", "30/9/2023", "Đang thực hiện"],
        ],
    )
    vi = office("--lang", "vi", "import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    shown = vi.stdout + vi.stderr
    assert "'30/06/23'" in shown and "30/06/2023" in shown and "hai chữ số" in shown, shown
    done = office("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    warned = [line for line in done.stderr.splitlines() if line.startswith("Warning:")]
    tail = "(00-29 as 2000-2029, 30-99 as 1930-1999, as Excel reads them): write the year in "
    assert warned == [
        f"Warning: row 2: column D (Thời hạn): '30/06/23' gives its year in two digits; it is "
        f"read as 30/06/2023 {tail}four digits if it is another",
        f"Warning: row 3: column E (Kết quả): '5/6/23' gives its year in two digits; it is "
        f"read as 5/6/2023 {tail}four digits if it is another",
        f"Warning: row 4: column D (Thời hạn): '30-Jun-23' gives its year in two digits; it is "
        f"read as 30/6/2023 {tail}four digits if it is another",
    ], done.stderr
    found = {d["text"]: d for d in office.json("list", "--status", "all")}
    assert found["Rà soát biên chế"]["due"] == "2023-06-30"
    assert found["Báo cáo quyết toán"]["completed_on"] == "2023-06-05"
    assert found["Sửa quy chế"]["due"] == "2023-06-30"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_two_digit_year_in_the_title_line_is_said_as_a_cells_is(
    office: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """'Số liệu tính đến ngày 30/6/23' made the sheet's day 30/6/2023 without a word (a cell's
    '30/06/23' was named on its row): the title's day is read by the same rule and said on
    its line; with --as-of the title is not read, and says nothing. A period in the title
    ('Quý II/23', 'năm 23', with two digits or four) is no day the import reads: nothing
    follows from it either way."""
    from tests.conftest import file_digest

    rows: list[list[Any]] = [
        ["BÁO CÁO TÌNH HÌNH THỰC HIỆN QUÝ II/23"],
        ["Số liệu tính đến ngày 30/6/23"],
        [],
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
        [1, "Rà soát biên chế", "SNV", "31/5/2023", "Đang thực hiện"],
    ]
    path = workbook(tmp_path, rows)
    said = {
        "en": "Warning: row 2: '30/6/23' gives its year in two digits; the sheet is read as of "
        "30/6/2023 (00-29 as 2000-2029, 30-99 as 1930-1999, as Excel reads them): give --as-of "
        "if it is another day",
        "vi": "Lưu ý: dòng 2: '30/6/23' ghi năm bằng hai chữ số; bảng được đọc tính đến "
        "30/6/2023 (00-29 là 2000-2029, 30-99 là 1930-1999, như Excel hiểu): hãy cho --as-of "
        "nếu là ngày khác",
    }[lang]
    before = file_digest(db_path)
    dry = office("--lang", lang, "import", path, "--meeting", "1", "--dry-run", "--format", "json")
    assert dry.exit_code == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["as_of"] == "2023-06-30"
    assert [r["status"] for r in report["rows"]] == ["overdue"]
    assert said.partition(": ")[2] in report["warnings"], report["warnings"]
    assert file_digest(db_path) == before
    done = office("--lang", lang, "import", path, "--meeting", "1")
    assert done.exit_code == 0, done.stderr
    head = said.partition(": ")[0] + ": "
    assert [line for line in done.stderr.splitlines() if line.startswith(head)] == [said]
    given = office("--lang", lang, "import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    assert head not in given.stdout + given.stderr, given.stderr
    rows[1] = ["Kết quả thực hiện năm 23"]  # a period only: no day, no warning, as of today
    quiet = office("import", workbook(tmp_path, rows, name="q.xlsx"), "--meeting", "1", "--dry-run")
    assert "two digits" not in quiet.stderr, quiet.stderr


def test_subtotal_rows_and_notes_under_the_table_are_no_directives(
    office: Cli, tmp_path: Path
) -> None:
    """'Cộng' after each section, 'Tổng cộng' / 'Tổng số' at the end (counts under the x-mark
    columns) and the notes under the table were each read as a directive without a lead unit
    (and 'done and not done' for the counts), so the sheet was refused."""
    path = workbook(
        tmp_path,
        [
            ["BẢNG THEO DÕI"],
            ["Số liệu tính đến ngày 30/6/2023"],
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị thực hiện",
                "Thời hạn",
                "Đã hoàn thành",
                "Chưa hoàn thành",
            ],
            ["I", "Sở Nội vụ"],
            [1, "Hướng dẫn thi tuyển", "SNV", "31/7/2023", "x", None],
            [2, "Quy hoạch cán bộ", "SNV", "30/9/2023", None, "x"],
            [None, "Cộng", None, None, 1, 1],
            ["II", "Sở Tài chính"],
            [3, "Phân bổ dự toán", "STC", "31/12/2023", None, "x"],
            [None, "Cộng (II)", None, None, 0, 1],
            [None, "Tổng cộng", None, None, 1, 2],
            [],
            [None, "Ghi chú: nhiệm vụ quá hạn tô màu đỏ."],
            [None, "- Nhiệm vụ hoàn thành ghi ngày hoàn thành."],
            ["Nơi nhận:", None, None, "KT. CHÁNH VĂN PHÒNG"],
        ],
    )
    report = office.json("import", path, "--meeting", "1", "--dry-run")
    actions = {r["row"]: r["action"] for r in report["rows"]}
    assert actions == {
        4: "skip",
        5: "create",
        6: "create",
        7: "skip",
        8: "skip",
        9: "create",
        10: "skip",
        11: "skip",
    }
    office.ok("import", path, "--meeting", "1")
    found = by_text(office)
    assert sorted(found) == ["Hướng dẫn thi tuyển", "Phân bổ dự toán", "Quy hoạch cán bộ"]
    assert found["Hướng dẫn thi tuyển"]["status"] == "done_on_time"


def test_a_directive_without_a_unit_is_still_refused(office: Cli, tmp_path: Path) -> None:
    """Only a total's words make a row without a unit no directive: 'Tổng kết …' or 'Cộng
    đồng …' without a unit is still a bad row."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"],
            [1, "Tổng kết công tác tuyên truyền", None, "31/12/2023"],
            [2, "Cộng đồng dân cư tự quản", None, "31/12/2023"],
        ],
    )
    result = office("import", path, "--meeting", "1")
    assert result.exit_code == 1
    assert "2 bad rows (2-3)" in result.stderr


def test_a_directive_below_the_notes_is_a_bad_row_not_lost(office: Cli, tmp_path: Path) -> None:
    """The notes or the signature block end the table; a directive written below them (notes
    put between the rows, a second table pasted under the first) was left out in silence. It
    is a bad row naming where the table ended; a signature block whose cells fall under the
    text and unit columns (the signer's title under 'Đơn vị') is still no directive."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"],
        [1, "Hướng dẫn thi tuyển", "SNV", "31/7/2023"],
        [None, "Ghi chú: nhiệm vụ quá hạn tô màu đỏ."],
        [2, "Phân bổ dự toán", "STC", "31/12/2023"],
        [None, "Rà soát văn bản", "Sở Tư pháp", "30/9/2023"],
        [None, "Nơi nhận: - Như trên; - Lưu: VT.", "KT. CHÁNH VĂN PHÒNG"],
        [None, "- Thường trực Tỉnh ủy;", "PHÓ CHÁNH VĂN PHÒNG"],
    ]
    path = workbook(tmp_path, rows)
    before = office.json("list")
    result = office("import", path, "--meeting", "1")
    assert result.exit_code == 1
    assert "2 bad rows (4-5)" in result.stderr
    assert "below the end of the table" in result.stderr and "row 3" in result.stderr
    assert office.json("list") == before
    vi = office("--lang", "vi", "import", path, "--meeting", "1")
    assert vi.exit_code == 1 and "dưới chỗ kết thúc bảng" in vi.stderr
    # Without the directives below it, the same notes and signature end the table quietly.
    office.ok("import", workbook(tmp_path, rows[:3] + rows[5:]), "--meeting", "1")
    assert sorted(d["text"] for d in office.json("list")) == ["Hướng dẫn thi tuyển"]


def test_done_and_open_split_into_on_time_and_late(office: Cli, tmp_path: Path) -> None:
    """'Đã hoàn thành' over 'Đúng hạn | Quá hạn' and 'Chưa hoàn thành' over 'Trong hạn | Quá
    hạn': the second header row names no other field than the first, so it was read as a
    directive (unit 'Đơn vị chủ trì', deadline 'Thời hạn') and the sheet refused."""
    path = workbook(
        tmp_path,
        [
            ["TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ"],
            ["(Số liệu tính đến ngày 30/6/2023)"],
            [
                "TT",
                "Nhiệm vụ",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Đã hoàn thành",
                None,
                "Chưa hoàn thành",
                None,
            ],
            [None, None, None, None, "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"],
            [1, "Ban hành kế hoạch", "SNV", "15/7/2023", "x", None, None, None],
            [2, "Quyết toán ngân sách", "STC", "31/3/2023", None, "15/4/2023", None, None],
            [3, "Cập nhật bảng giá", "STP", "30/9/2023", None, None, "x", None],
            [4, "Giải phóng mặt bằng", "STP", "31/5/2023", None, None, None, "x"],
        ],
        merges=("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:H3"),
    )
    report = office.json("import", path, "--meeting", "1")
    assert report["header_row"] == 3 and report["as_of"] == AS_OF
    assert [c["field"] for c in report["columns"]] == [
        "stt",
        "text",
        "unit",
        "due",
        "done_mark",
        "done_mark",
        "open_mark",
        "open_mark",
    ]
    found = by_text(office)
    assert [found[t]["status"] for t in sorted(found)] == [
        "done_on_time",
        "open_in_time",
        "overdue",
        "done_late",
    ]  # Ban hành, Cập nhật, Giải phóng, Quyết toán
    assert found["Quyết toán ngân sách"]["completed_on"] == "2023-04-15"


def test_a_summary_sheet_before_the_table_is_passed_over(office: Cli, tmp_path: Path) -> None:
    """A workbook whose first sheet sums up per unit ('Tổng số nhiệm vụ | Đã hoàn thành | Đang
    thực hiện') and whose second holds the directives: the summary was read as the table, its
    count column as the text, and the sheet refused (or, count by count, read as directives)."""
    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    for row in [
        ["BẢNG TỔNG HỢP"],
        ["STT", "Đơn vị", "Tổng số nhiệm vụ", "Đã hoàn thành", "Đang thực hiện"],
        [1, "SNV", 2, 1, 1],
        [2, "STC", 1, 0, 1],
    ]:
        summary.append(row)
    detail = book.create_sheet("Chi tiết")
    for row in [
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện"],
        [1, "Tổ chức thi tuyển", "SNV", "30/5/2023", "Đã hoàn thành ngày 20/5/2023"],
        [2, "Đánh giá cán bộ", "SNV", "31/12/2023", "Đang thực hiện"],
        [3, "Phân bổ dự toán", "STC", "30/9/2023", "Đang thực hiện"],
    ]:
        detail.append(row)
    path = tmp_path / "tong-hop.xlsx"
    book.save(path)
    report = office.json("import", str(path), "--meeting", "1")
    assert report["sheet"] == "Chi tiết"
    assert set(by_text(office)) == {"Tổ chức thi tuyển", "Phân bổ dự toán", "Đánh giá cán bộ"}
    # The summary alone is still refused, naming what it lacks.
    del book["Chi tiết"]
    book.save(path)
    result = office("import", str(path), "--meeting", "1")
    assert result.exit_code == 1
    assert "no column holds the directive's text" in result.stderr


def test_numbered_sections_and_field_lines_are_headings(office: Cli, tmp_path: Path) -> None:
    """'1 | Công tác tổ chức' over rows numbered 1.1, 1.2, and a line naming a field ('Lĩnh vực
    tài chính') with nothing else in the row, are headings; each was a directive without a
    lead unit, and the sheet was refused. A heading so numbered may name the notice."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung kết luận", "Cơ quan chủ trì", "Thời hạn hoàn thành", "Kết quả"],
            ["A", "CÁC NHIỆM VỤ THEO KẾT LUẬN"],
            [1, "Công tác tổ chức, cán bộ", None, None, None],
            ["1.1", "Kiện toàn Ban Chỉ đạo", "SNV", "30/4/2023", "Đã hoàn thành ngày 15/4/2023"],
            ["1.2", "Rà soát quy hoạch cán bộ", "SNV", "30/9/2023", "Đang thực hiện"],
            [None, "Lĩnh vực tài chính", None, None, None],
            [2, "Bố trí kinh phí", "STC", "31/8/2023", "Đang thực hiện"],
            [3, "Thông báo số 52/TB-UBND ngày 20/3/2023", None, None, None],
            ["3.1", "Kiểm tra an toàn công trình", "STP", "30/9/2023", None],
        ],
    )
    report = office.json("import", path, "--meeting", "1", "--dry-run")
    actions = {r["row"]: r["action"] for r in report["rows"]}
    assert actions == {
        2: "skip",
        3: "skip",
        4: "create",
        5: "create",
        6: "skip",
        7: "create",
        8: "section",
        9: "create",
    }
    office.ok("import", path, "--meeting", "1")
    found = by_text(office)
    assert len(found) == 4
    assert found["Kiểm tra an toàn công trình"]["meeting_date"] == "2023-03-20"
    assert found["Bố trí kinh phí"]["meeting_id"] == 1


def test_a_numbered_row_without_unit_and_without_rows_under_it_is_still_refused(
    office: Cli, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"],
            [1, "Rà soát quy chế làm việc", None, None],
            [2, "Kiểm tra công tác cán bộ", "SNV", "30/9/2023"],
        ],
    )
    result = office("import", path, "--meeting", "1")
    assert result.exit_code == 1 and "1 bad row (2)" in result.stderr


def test_on_time_or_late_in_brackets_after_the_done_words(office: Cli, tmp_path: Path) -> None:
    """'Hoàn thành (quá hạn)', 'HT (đúng hạn)', 'Đã hoàn thành - chậm' without a day: read as
    the same words without the brackets ('Hoàn thành quá hạn' is done late by the sheet's day),
    they were refused as done on time or late 'cannot be told'."""
    path = workbook(
        tmp_path,
        [
            ["Số liệu tính đến ngày 30/6/2023"],
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Kết quả thực hiện"],
            [1, "Việc trễ", "SNV", "30/5/2023", "Hoàn thành (quá hạn)"],
            [2, "Việc đúng hạn", "STC", "30/4/2023", "HT (đúng hạn)"],
            [3, "Việc chậm", "STP", "30/5/2023", "Đã hoàn thành - chậm"],
        ],
    )
    office.ok("import", path, "--meeting", "1")
    found = by_text(office)
    assert [(found[t]["status"], found[t]["completed_on"]) for t in found] == [
        ("done_late", "2023-06-30"),
        ("done_on_time", "2023-04-30"),
        ("done_late", "2023-06-30"),
    ]


def test_done_late_and_done_100_percent_in_words(office: Cli, tmp_path: Path) -> None:
    """'Hoàn thành chậm ngày 5/6/2023', 'Hoàn thành trễ hạn' and 'Hoàn thành 100%' complete the
    directive; they were read as a note and the directive stayed open (overdue) in silence."""
    path = workbook(
        tmp_path,
        [
            ["Số liệu tính đến ngày 30/6/2023"],
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Kết quả thực hiện"],
            [1, "Tổng kết đề án", "SNV", "30/5/2023", "Hoàn thành chậm ngày 5/6/2023"],
            [2, "Quyết toán dự án", "STC", "30/4/2023", "Hoàn thành trễ hạn ngày 2/5/2023"],
            [3, "Số hóa hồ sơ", "STP", "30/9/2023", "Hoàn thành 100%"],
            [4, "Báo cáo sơ kết", "STP", "30/5/2023", "Hoàn thành chậm ngày 20/5/2023"],
            # after a comma: it was refused, done on time or late 'cannot be told'
            [5, "Rà soát quy chế", "SNV", "30/5/2023", "Đã hoàn thành, chậm so với yêu cầu"],
        ],
    )
    report = office.json("import", path, "--meeting", "1")
    found = by_text(office)
    assert (found["Tổng kết đề án"]["status"], found["Tổng kết đề án"]["completed_on"]) == (
        "done_late",
        "2023-06-05",
    )
    assert found["Quyết toán dự án"]["status"] == "done_late"
    assert found["Số hóa hồ sơ"]["status"] == "done_on_time"
    assert found["Số hóa hồ sơ"]["completed_on_exact"] is False
    # Said late, but done before the deadline: recorded by the date, with a warning.
    assert found["Báo cáo sơ kết"]["status"] == "done_on_time"
    assert any(w.startswith("row 6:") for w in report["warnings"]), report["warnings"]
    late = found["Rà soát quy chế"]
    assert (late["status"], late["completed_on"], late["completed_on_exact"]) == (
        "done_late",
        "2023-06-30",
        False,
    )


def test_done_beside_a_share_below_100_is_a_bad_row(office: Cli, tmp_path: Path) -> None:
    """'Hoàn thành, 50%' (a completion word, then a share set apart) was read as done with
    '50%' kept as the note. Done or half done? The row is bad, naming the cell and what to
    write; 'Hoàn thành 100%' stays done."""
    rows: list[list[Any]] = [
        ["Số liệu tính đến ngày 30/6/2023"],
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Kết quả thực hiện"],
        [1, "Tổng kết đề án", "SNV", "30/9/2023", "Hoàn thành, 50%"],
        [2, "Quyết toán dự án", "STC", "30/9/2023", "Đã hoàn thành (đạt 60%)"],
        [3, "Số hóa hồ sơ", "STP", "30/9/2023", "Hoàn thành, 100%"],
    ]
    result = office("import", workbook(tmp_path, rows), "--meeting", "1")
    assert result.exit_code == 1
    assert "2 bad rows (3-4)" in result.stderr
    assert "row 3, column E (Kết quả thực hiện): 'Hoàn thành, 50%' says done" in result.stderr
    assert "'Đang thực hiện, đạt 50%'" in result.stderr
    assert office.json("list") == []
    rows[2][4], rows[3][4] = "Đang thực hiện, đạt 50%", "Hoàn thành ngày 20/6/2023"
    office.ok("import", workbook(tmp_path, rows), "--meeting", "1")
    found = by_text(office)
    assert (found["Tổng kết đề án"]["status"], found["Tổng kết đề án"]["progress"]) == (
        "open_in_time",
        50,
    )
    assert found["Quyết toán dự án"]["completed_on"] == "2023-06-20"
    assert found["Số hóa hồ sơ"]["status"] == "done_on_time"


def test_deadlines_offices_write_as_weeks_runs_and_events(office: Cli, tmp_path: Path) -> None:
    """'Tuần đầu tháng 10/2023' and 'Quý IV/2023 - Quý I/2024' were refused as no deadline:
    the first is the week's last day (7/10/2023), the second the end of the run (31/3/2024).
    'Đầu quý IV/2023' (its first month? its first weeks?) and 'Ngay sau khi có hướng dẫn' (no
    day yet) stay refused, each naming exactly what to write."""
    rows: list[list[Any]] = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        [1, "Tổng kết đề án", "SNV", "Tuần đầu tháng 10/2023"],
        [2, "Quyết toán dự án", "STC", "Quý IV/2023 - Quý I/2024"],
        [3, "Số hóa hồ sơ", "STP", "Từ tháng 10/2023 đến tháng 2/2024"],
        [4, "Sửa quy chế", "STP", "Tuần cuối tháng 11/2023"],
        [5, "Rà soát văn bản", "SNV", "Đầu quý IV/2023"],
        [6, "Ban hành hướng dẫn", "STC", "Ngay sau khi có hướng dẫn"],
    ]
    report = office.json(
        "import", workbook(tmp_path, rows[:5]), "--meeting", "1", "--as-of", AS_OF, "--dry-run"
    )
    assert not any("calendar" in w for w in report["warnings"]), report["warnings"]
    result = office("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert result.exit_code == 1 and "2 bad rows (6-7)" in result.stderr
    assert (
        "row 6, column D (Thời hạn): 'Đầu quý IV/2023' names no day: write the day it means "
        "(31/10/2023), a month (tháng 10/2023) or the quarter (quý IV/2023)"
    ) in result.stderr
    assert "'Ngay sau khi có hướng dẫn' waits on something to happen" in result.stderr
    assert "'Không thời hạn'" in result.stderr
    office.ok("import", workbook(tmp_path, rows[:5]), "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)
    assert [found[t]["due"] for t in ("Tổng kết đề án", "Quyết toán dự án")] == [
        "2023-10-07",
        "2024-03-31",
    ]
    assert [found[t]["due"] for t in ("Số hóa hồ sơ", "Sửa quy chế")] == [
        "2024-02-29",
        "2023-11-30",
    ]


def test_deadlines_at_the_end_of_a_quarter_or_of_ten_days(office: Cli, tmp_path: Path) -> None:
    """'Cuối quý IV/2023' (read without a year as the end of the quarter), 'Thượng / Trung /
    Hạ tuần tháng 10' (the first, middle and last ten days of a month) were refused as no
    deadline; each has one day, its period's last: 31/12/2023, 10/10, 20/10 and 31/10 (the
    meeting's year when none is written). 'Giữa quý IV/2023' names no day and stays refused,
    naming what to write; 'Giữa tháng 10/2023' stays the 15th."""
    rows: list[list[Any]] = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        [1, "Tổng kết đề án", "SNV", "Cuối quý IV/2023"],
        [2, "Quyết toán dự án", "STC", "Thượng tuần tháng 10/2023"],
        [3, "Số hóa hồ sơ", "STP", "Trung tuần tháng 10/2023"],
        [4, "Sửa quy chế", "STP", "Hạ tuần tháng 10"],
        [5, "Báo cáo sơ kết", "SNV", "Giữa tháng 10/2023"],
        [6, "Rà soát văn bản", "SNV", "Giữa quý IV/2023"],
    ]
    found = dues_past_a_bad_last_row(
        office,
        tmp_path,
        rows,
        "row 7, column D (Thời hạn): 'Giữa quý IV/2023' names no day: write the day it means "
        "(30/11/2023), a month (tháng 11/2023) or the quarter (quý IV/2023)",
    )
    assert {t: d["due"] for t, d in found.items()} == {
        "Tổng kết đề án": "2023-12-31",
        "Quyết toán dự án": "2023-10-10",
        "Số hóa hồ sơ": "2023-10-20",
        "Sửa quy chế": "2023-10-31",
        "Báo cáo sơ kết": "2023-10-15",
    }
    assert found["Sửa quy chế"]["due_phrase"] == "Hạ tuần tháng 10"


def test_a_run_of_months_or_quarters_with_the_year_written_once(
    office: Cli, tmp_path: Path
) -> None:
    """'Tháng 3-6/2023' and 'Quý II-III/2023' (a run of spans, the year written once) were
    refused as no deadline though 'Từ tháng 3 đến tháng 6/2023' was read; each is due at the
    end of its last month or quarter. A run written backwards is refused as such. So were
    'Tháng 6, 7/2023' and 'Tháng 6 và 7/2023' (months named one by one): due at the end of the
    last."""
    rows: list[list[Any]] = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
        [1, "Tổng kết đề án", "SNV", "Tháng 3-6/2023"],
        [2, "Quyết toán dự án", "STC", "Quý II - III/2023"],
        [3, "Báo cáo quý", "STC", "Tháng 6, 7/2023"],
        [4, "Sơ kết", "SNV", "Tháng 6 và 7/2023"],
        [5, "Số hóa hồ sơ", "STP", "Tháng 9-4/2023"],
    ]
    result = office("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert (
        "row 6, column D (Thời gian thực hiện): period 'Tháng 9-4/2023' ends before it starts"
        in (result.stderr)
    )
    office.ok("import", workbook(tmp_path, rows[:5]), "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)
    named = ("Tổng kết đề án", "Quyết toán dự án", "Báo cáo quý", "Sơ kết")
    assert [found[t]["due"] for t in named] == [
        "2023-06-30",
        "2023-09-30",
        "2023-07-31",
        "2023-07-31",
    ]


def test_a_verdict_on_the_result_says_done_or_not(office: Cli, tmp_path: Path) -> None:
    """'Đạt' / 'Không đạt' / 'Chưa đạt' under 'Đánh giá' were kept as a note only ('Không đạt'
    was recorded done on time beside 'Đã hoàn thành ngày …'). A verdict judges a delivered
    result: 'Đạt' reads as completed (its day from another cell), 'Không đạt' and 'Chưa đạt'
    as not completed, each with a warning naming the cell; a row done by one cell and judged
    not achieved by another is refused. 'Đạt' beside 'Đang thực hiện' judges the work so far:
    a note, the row open."""
    rows: list[list[Any]] = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Kết quả thực hiện", "Đánh giá"],
        [1, "Tổng kết đề án", "SNV", "30/6/2023", "Đã hoàn thành ngày 20/6/2023", "Đạt"],
        [2, "Quyết toán dự án", "STC", "30/9/2023", "Đã nộp báo cáo", "Không đạt"],
        [3, "Số hóa hồ sơ", "STP", "30/9/2023", None, "Chưa đạt yêu cầu"],
        [4, "Báo cáo sơ kết", "STC", "30/9/2023", "Đang thực hiện", "Đạt"],
        [5, "Sửa quy chế", "SNV", "30/6/2023", "Đã hoàn thành ngày 25/6/2023", "Không đạt"],
    ]
    dry = office(
        "import",
        workbook(tmp_path, rows),
        "--meeting",
        "1",
        "--as-of",
        AS_OF,
        "--dry-run",
        "--format",
        "json",
    )
    found = {r["row"]: r for r in json.loads(dry.stdout)["rows"]}
    assert found[2]["warnings"] == [
        "column F: 'Đạt', a verdict on the result, read as completed (the result meets what "
        "was asked)"
    ]
    assert found[3]["warnings"] == [
        "column F: 'Không đạt', a verdict on the result, read as not completed (open)"
    ]
    assert (found[5]["action"], found[5]["warnings"]) == ("create", []), found[5]
    assert found[6]["action"] == "error"
    assert found[6]["problems"][0]["message"] == "says it is done and also that it is not"
    office.ok("import", workbook(tmp_path, rows[:5]), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert (listed["Tổng kết đề án"]["status"], listed["Tổng kết đề án"]["completed_on"]) == (
        "done_on_time",
        "2023-06-20",
    )
    assert [listed[t]["status"] for t in ("Quyết toán dự án", "Số hóa hồ sơ")] == [
        "open_in_time",
        "open_in_time",
    ]
    assert listed["Báo cáo sơ kết"]["status"] == "open_in_time"  # the work so far judged
    assert listed["Quyết toán dự án"]["completed_on"] is None


def test_vuot_under_danh_gia_reads_as_done(office: Cli, tmp_path: Path) -> None:
    """'Vượt' / 'Vượt mức' (the result exceeds what was asked) under 'Đánh giá' was kept as a
    note, the row open. It is a verdict as 'Đạt' is: completed, with the same warning."""
    rows: list[list[Any]] = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Kết quả thực hiện", "Đánh giá"],
        [1, "Tổng kết đề án", "SNV", "30/6/2023", "Đã hoàn thành ngày 20/6/2023", "Vượt"],
        [2, "Quyết toán dự án", "STC", "30/9/2023", "Đã hoàn thành ngày 25/6/2023", "Vượt mức"],
    ]
    path = workbook(tmp_path, rows)
    args = ("import", path, "--meeting", "1", "--as-of", AS_OF)
    dry = office(*args, "--dry-run", "--format", "json")
    found = {r["row"]: r for r in json.loads(dry.stdout)["rows"]}
    assert [found[r]["warnings"] for r in (2, 3)] == [
        [
            f"column F: '{said}', a verdict on the result, read as completed (the result meets "
            "what was asked)"
        ]
        for said in ("Vượt", "Vượt mức")
    ]
    office.ok(*args)
    listed = by_text(office)
    assert [(listed[t]["status"], listed[t]["completed_on"]) for t in listed] == [
        ("done_on_time", "2023-06-20"),
        ("done_on_time", "2023-06-25"),
    ]


def test_a_deadline_with_its_weekday_before_the_day(office: Cli, tmp_path: Path) -> None:
    """'Thứ Sáu, 30/6/2023', 'thứ 2 ngày 3/7/2023', 'Chủ nhật 2/7/2023' (the weekday before the
    day, as invitations and registers write it) were refused as no deadline; the day is read
    when the weekday is its own. When they disagree ('Thứ Ba, 30/6/2023', a Friday), which
    was meant cannot be told: a bad row naming both, saying to write the day alone."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Báo cáo sơ kết", "SNV", "Thứ Sáu, 30/6/2023"],
        [2, "Rà soát văn bản", "STC", "thứ 2 ngày 3/7/2023"],
        [3, "Kiểm tra hồ sơ", "STP", "Chủ nhật 2/7/2023"],
        [4, "Tổng hợp ý kiến", "SNV", "Thứ Ba, 30/6/2023"],
    ]
    found = dues_past_a_bad_last_row(
        office,
        tmp_path,
        rows,
        "row 5, column D (Thời hạn): 'Thứ Ba, 30/6/2023': 2023-06-30 is no Thứ Ba; the day and "
        "the weekday written disagree: write the day alone",
    )
    assert {t: d["due"] for t, d in found.items()} == {
        "Báo cáo sơ kết": "2023-06-30",
        "Rà soát văn bản": "2023-07-03",
        "Kiểm tra hồ sơ": "2023-07-02",
    }


def test_a_weekday_deadline_naming_no_real_day_is_quoted_as_written(
    office: Cli, tmp_path: Path
) -> None:
    """'thứ 2 ngày 31/6/2023' was refused as "'ngay 31/6/2023' is not a real date": the words
    after the weekday, their accents dropped. The refusal quotes the cell as written."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Báo cáo sơ kết", "SNV", "Thứ Sáu, 30/6/2023"],
        [2, "Rà soát văn bản", "STC", "thứ 2 ngày 31/6/2023"],
    ]
    found = dues_past_a_bad_last_row(
        office,
        tmp_path,
        rows,
        "row 3, column D (Thời hạn): 'thứ 2 ngày 31/6/2023' is not a real date",
    )
    assert found["Báo cáo sơ kết"]["due"] == "2023-06-30"


def test_a_deadline_with_its_weekday_in_brackets_after_the_day(office: Cli, tmp_path: Path) -> None:
    """'30/6/2023 (thứ Ba)' was read as 30/6/2023, a Friday, the weekday dropped as a remark,
    though 'Thứ Ba, 30/6/2023' is refused. The weekday in brackets after the day is checked
    against the day written beside it ('Trước ngày 1/7/2023 (thứ Bảy)' is still due the
    working day before); a disagreement is a bad row naming both."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Báo cáo sơ kết", "SNV", "30/6/2023 (Thứ Sáu)"],
        [2, "Rà soát văn bản", "STC", "ngày 2/7/2023 (chủ nhật)"],
        [3, "Kiểm tra hồ sơ", "STP", "Trước ngày 1/7/2023 (thứ Bảy)"],
        [4, "Tổng hợp ý kiến", "SNV", "30/6/2023 (thứ Ba)"],
    ]
    found = dues_past_a_bad_last_row(
        office,
        tmp_path,
        rows,
        "row 5, column D (Thời hạn): '30/6/2023 (thứ Ba)': 2023-06-30 is no thứ Ba; the day and "
        "the weekday written disagree: write the day alone",
    )
    assert {t: d["due"] for t, d in found.items()} == {
        "Báo cáo sơ kết": "2023-06-30",
        "Rà soát văn bản": "2023-07-02",
        "Kiểm tra hồ sơ": "2023-06-30",
    }


def test_a_deadline_with_its_weekday_then_the_day_in_brackets_or_abbreviated(
    office: Cli, tmp_path: Path
) -> None:
    """'Thứ Sáu (30/6/2023)' (the day in brackets after its weekday) and 'T6, 30/6/2023' (T2..T7,
    CN: the weekday abbreviated) were refused as no deadline, though 'Thứ Sáu, 30/6/2023' is
    read. They are read as it is, the weekday checked against the day."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Báo cáo sơ kết", "SNV", "Thứ Sáu (30/6/2023)"],
        [2, "Rà soát văn bản", "STC", "T2, 3/7/2023"],
        [3, "Kiểm tra hồ sơ", "STP", "CN (2/7/2023)"],
        [4, "Tổng hợp ý kiến", "SNV", "T3, 30/6/2023"],
    ]
    found = dues_past_a_bad_last_row(
        office,
        tmp_path,
        rows,
        "row 5, column D (Thời hạn): 'T3, 30/6/2023': 2023-06-30 is no T3; the day and "
        "the weekday written disagree: write the day alone",
    )
    assert {t: d["due"] for t, d in found.items()} == {
        "Báo cáo sơ kết": "2023-06-30",
        "Rà soát văn bản": "2023-07-03",
        "Kiểm tra hồ sơ": "2023-07-02",
    }


def test_a_deadline_with_its_weekday_abbreviated_in_brackets_after_the_day(
    office: Cli, tmp_path: Path
) -> None:
    """'30/6/2023 (T3)' was read as 30/6/2023, a Friday, the bracket dropped as a remark, though
    '30/6/2023 (thứ Ba)' is refused. The abbreviation is checked against the day as the word is."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Báo cáo sơ kết", "SNV", "30/6/2023 (T6)"],
        [2, "Tổng hợp ý kiến", "SNV", "30/6/2023 (T3)"],
    ]
    found = dues_past_a_bad_last_row(
        office,
        tmp_path,
        rows,
        "row 3, column D (Thời hạn): '30/6/2023 (T3)': 2023-06-30 is no T3; the day and "
        "the weekday written disagree: write the day alone",
    )
    assert found["Báo cáo sơ kết"]["due"] == "2023-06-30"


def test_a_deadline_with_a_zero_width_character_reads_as_typed(office: Cli, tmp_path: Path) -> None:
    """A zero-width space pasted inside a deadline cell (U+200B, 'Thứ Sáu' run together) made it no
    deadline, quoted with the character that shows nothing. Characters that show nothing are
    removed before the cell is read, as names and search keys drop them."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Báo cáo sơ kết", "SNV", "Thứ\u200bSáu, 30/6/2023"],
        [2, "Rà soát văn bản", "STC", "3/7\u200b/2023"],
        [3, "Kiểm tra hồ sơ", "STP", "Quý\u200d III/2023"],
    ]
    office.ok("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert {t: d["due"] for t, d in by_text(office).items()} == {
        "Báo cáo sơ kết": "2023-06-30",
        "Rà soát văn bản": "2023-07-03",
        "Kiểm tra hồ sơ": "2023-09-30",
    }


def test_split_headers_of_an_adjusted_deadline_and_of_done_or_not(
    office: Cli, tmp_path: Path
) -> None:
    """'Thời hạn' over 'Theo kết luận | Điều chỉnh', and 'Kết quả' over 'Đã xong | Chưa xong':
    both columns looked like the deadline (the result) and the sheet was refused until --map
    chose. The adjusted deadline is the extension approved; 'Đã xong' marks done, 'Chưa xong'
    open."""
    rows: list[list[Any]] = [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", None, "Kết quả", None, "Ghi chú"],
        [None, None, None, "Theo kết luận", "Điều chỉnh", "Đã xong", "Chưa xong", None],
        [1, "Tổng kết đề án", "SNV", "30/6/2023", "30/9/2023", None, "x", None],
        [2, "Sửa quy chế", "STP", "30/4/2023", None, "x", None, "HT ngày 28/4/2023"],
    ]
    merges = ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1", "H1:H2")
    path = tmp_path / "tach.xlsx"
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for span in merges:
        book.active.merge_cells(span)
    book.save(path)
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)
    first = found["Tổng kết đề án"]
    assert (first["due"], first["original_due"], first["status"]) == (
        "2023-09-30",
        "2023-06-30",
        "open_in_time",
    )
    assert (found["Sửa quy chế"]["status"], found["Sửa quy chế"]["completed_on"]) == (
        "done_on_time",
        "2023-04-28",
    )


def test_a_tick_under_a_result_column_asks_for_a_map(office: Cli, tmp_path: Path) -> None:
    """'Kết quả thực hiện' over 'Đúng hạn | Quá hạn | Chưa hoàn thành': an x under 'Đúng hạn'
    was kept as the note 'x' and the directive left open, overdue, in silence. Which status a
    tick marks is the column's to say: the row is refused, naming the --map to give."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện", None, None],
        [None, None, None, None, "Đúng hạn", "Quá hạn", "Chưa hoàn thành"],
        [1, "Tổng kết đề án", "SNV", "30/5/2023", "x", None, None],
        [2, "Phân bổ dự toán", "STC", "30/9/2023", None, None, "x"],
    ]
    merges = ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1")
    path = workbook(tmp_path, rows, merges=merges)
    result = office("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert (
        "row 3, column E (Kết quả thực hiện Đúng hạn): 'x' is a mark, not a result: if the "
        "column marks rows done, say so with --map 'Kết quả thực hiện Đúng hạn=done_mark'"
    ) in result.stderr
    vi = office("--lang", "vi", "import", path, "--meeting", "1", "--as-of", AS_OF)
    assert "'x' là dấu đánh, không phải kết quả" in vi.stderr
    done = "Kết quả thực hiện Đúng hạn=done_mark"
    office.ok("import", path, "--meeting", "1", "--map", done, "--done-date", "29/5/2023")
    found = by_text(office)
    assert found["Tổng kết đề án"]["status"] == "done_on_time"
    assert found["Phân bổ dự toán"]["status"] == "open_in_time"


def test_part_done_is_progress_not_completion(office: Cli, tmp_path: Path) -> None:
    """'Đã hoàn thành 50%', 'Đã hoàn thành dự thảo…', 'Đã hoàn thành giai đoạn 1' say a part
    is done: the directive was recorded completed (by the sheet's date) in silence."""
    path = workbook(
        tmp_path,
        [
            ["Số liệu tính đến ngày 30/6/2023"],
            ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tình hình thực hiện"],
            [1, "Xây dựng đề án", "SNV", "30/9/2023", "Đã hoàn thành 50%"],
            [2, "Sửa quy chế", "STC", "30/9/2023", "Đã hoàn thành dự thảo, đang xin ý kiến"],
            [3, "Đầu tư hạ tầng", "STP", "31/12/2023", "Đã hoàn thành giai đoạn 1"],
            [4, "Rà soát thủ tục", "STP", "30/9/2023", "Đã hoàn thành việc rà soát"],
        ],
    )
    office.ok("import", path, "--meeting", "1")
    found = by_text(office)
    assert (found["Xây dựng đề án"]["status"], found["Xây dựng đề án"]["progress"]) == (
        "open_in_time",
        50,
    )
    assert found["Sửa quy chế"]["completed_on"] is None
    assert found["Đầu tư hạ tầng"]["completed_on"] is None
    assert found["Rà soát thủ tục"]["status"] == "done_on_time"


def test_a_split_deadline_reads_the_adjusted_one_as_its_extension(
    office: Cli, tmp_path: Path
) -> None:
    """'Thời hạn' over 'Theo văn bản | Điều chỉnh': the second header row was read as a
    directive ('unknown unit Cơ quan chủ trì'); it is header. The two deadlines were then an
    Error asking for --map; the adjusted one is the extension approved, as 'Gia hạn' is."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn", None, "Kết quả"],
        [None, None, None, "Theo văn bản", "Điều chỉnh", None],
        [1, "Tổng kết đề án", "SNV", "30/6/2023", "30/9/2023", "Đang thực hiện"],
    ]
    path = workbook(tmp_path, rows, merges=("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"))
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)["Tổng kết đề án"]
    assert (found["due"], found["original_due"]) == ("2023-09-30", "2023-06-30")


def test_a_deadline_split_into_the_conclusions_and_the_extension(
    office: Cli, tmp_path: Path
) -> None:
    """'Thời hạn' over 'Theo kết luận | Gia hạn': the two columns both looked like the deadline
    and the sheet was refused until --map chose. 'Gia hạn' is the extension approved: recorded
    as '30/6/2023 (gia hạn đến 30/9/2023)' in the deadline cell is, with its checks. An x under
    'Đã hoàn thành' beside a note giving the day ('HT ngày 28/6/2023') was refused for want of
    that day."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn", None, "Đã hoàn thành", "Ghi chú"],
        [None, None, None, "Theo kết luận", "Gia hạn", None, None],
        [1, "Rà soát thủ tục", "STP", "30/6/2023", None, "x", "HT ngày 28/6/2023"],
        [2, "Sắp xếp đơn vị", "SNV", "30/6/2023", "30/9/2023", None, None],
        [3, "Quyết toán", "STC", "31/5/2023", "Quý III/2023", None, None],
    ]
    merges = ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2")
    path = workbook(tmp_path, rows, merges=merges)
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)
    assert (found["Rà soát thủ tục"]["status"], found["Rà soát thủ tục"]["completed_on"]) == (
        "done_on_time",
        "2023-06-28",
    )
    assert (found["Sắp xếp đơn vị"]["due"], found["Sắp xếp đơn vị"]["original_due"]) == (
        "2023-09-30",
        "2023-06-30",
    )
    assert found["Quyết toán"]["due"] == "2023-09-30"
    assert found["Sắp xếp đơn vị"]["extensions"] == 1
    # an extension to a day not after the deadline, and one that names no day, are bad rows;
    # one of a directive given no day ("Thường xuyên") is an extension of no deadline, as
    # `extend` records it and the sheet export writes it
    bad = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Thời hạn gia hạn", "Đề nghị gia hạn"],
        [1, "Việc 1", "SNV", "30/9/2023", "30/6/2023", None],
        [2, "Việc 2", "STC", "30/9/2023", "Thường xuyên", None],
        [3, "Việc 3", "STP", "Thường xuyên", "31/12/2023", None],
        [4, "Việc 4", "SNV", "30/9/2023", "Không", None],
        [5, "Việc 5", "STC", "30/9/2023", "-", None],
    ]
    book, _, other = _book(tmp_path, "gia-han.xlsx", bad)
    book.save(other)
    dry, whole = _dry(office, other)
    fields = {c["column"]: c["field"] for c in whole["columns"]}
    assert (fields["E"], fields["F"]) == ("extended", None)
    assert whole["bad_rows"] == [2, 3]
    assert [p["column"] for p in dry[2]["problems"]] == ["E"]
    assert "not later than the deadline" in dry[2]["problems"][0]["message"]
    assert "names no day an extension runs to" in dry[3]["problems"][0]["message"]
    assert (dry[4]["due"], dry[4]["original_due"], dry[4]["problems"]) == ("2023-12-31", None, [])
    # "Không" and "-" under 'Gia hạn': no extension, said so
    assert [(dry[n]["due"], dry[n]["original_due"]) for n in (5, 6)] == [
        ("2023-09-30", "2023-09-30")
    ] * 2


def test_in_progress_words_beside_a_completion_date_are_a_bad_row(
    office: Cli, tmp_path: Path
) -> None:
    """'Đang thực hiện' in 'Tình hình thực hiện' (no result column) beside a date in 'Ngày
    hoàn thành': the words were dropped and the row came in done on that day. The row says
    both, as a result column saying it would: a bad row."""
    path = workbook(
        tmp_path,
        [
            [
                "STT",
                "Nội dung",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Tình hình thực hiện",
                "Ngày hoàn thành",
            ],
            [1, "Việc 1", "SNV", "30/6/2023", "Đang thực hiện", "20/6/2023"],
            [2, "Việc 2", "STC", "30/6/2023", "Đang thực hiện, đạt 70%", None],
            [3, "Việc 3", "STP", "30/6/2023", "Đã gửi báo cáo", "21/6/2023"],
        ],
    )
    result = office(
        "import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run", "--format", "json"
    )
    rows = {r["row"]: r for r in json.loads(result.stdout)["rows"]}
    assert json.loads(result.stdout)["bad_rows"] == [2]
    assert rows[2]["problems"][0]["message"] == "says it is done and also that it is not"
    assert (rows[3]["status"], rows[3]["progress"]) == ("open_in_time", 70)
    assert (rows[4]["status"], rows[4]["completed_on"]) == ("done_on_time", "2023-06-21")


def test_two_unit_columns_suggest_leaving_out_the_loose_one(office: Cli, tmp_path: Path) -> None:
    """'Cơ quan tham mưu' (the unit only inside its header) beside 'Cơ quan chủ trì': the
    Error suggested leaving out 'Cơ quan chủ trì', the lead unit, which a clerk following it
    would have imported wrong."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Cơ quan tham mưu", "Cơ quan chủ trì", "Thời hạn"],
            [1, "Tổng kết đề án", "STC", "SNV", "30/9/2023"],
        ],
    )
    result = office("import", path, "--meeting", "1")
    assert result.exit_code == 1
    assert "e.g. --map 'Cơ quan tham mưu=ignore'" in result.stderr
    office.ok("import", path, "--meeting", "1", "--map", "Cơ quan tham mưu=ignore")
    assert by_text(office)["Tổng kết đề án"]["unit"] == "SNV"


def csv_file(tmp_path: Path, rows: list[list[Any]]) -> str:
    path = tmp_path / "theo-doi.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([["" if v is None else v for v in row] for row in rows])
    return str(path)


SHEET_KINDS = {"xlsx": workbook, "csv": csv_file}

DEADLINE_ROWS: list[list[Any]] = [
    ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
    [1, "Quý", "SNV", "Quý III/2023"],
    [2, "Tháng", "SNV", "Tháng 9/2023"],
    [3, "Cuối năm", "SNV", "Cuối năm 2023"],
    [4, "Sáu tháng", "SNV", "6 tháng đầu năm 2024"],
    [5, "Giai đoạn", "SNV", "Giai đoạn 2023-2025"],
    [6, "Từ nay", "SNV", "Từ nay đến 31/12/2023"],
    [7, "Trước ngày", "SNV", "Trước ngày 30/6/2023"],
    [8, "Thường xuyên", "SNV", "Thường xuyên"],
    [9, "Hằng năm", "SNV", "Hằng năm"],
    [10, "Gia hạn", "SNV", "30/6/2023 (gia hạn đến 31/12/2023)"],
]


@pytest.mark.parametrize("kind", SHEET_KINDS)
def test_deadline_cells_in_the_forms_offices_write(office: Cli, tmp_path: Path, kind: str) -> None:
    """'Từ nay đến 31/12/2023' and 'Giai đoạn 2023-2025' were refused as no deadline, and a
    deadline with its extension, '30/6/2023 (gia hạn đến 31/12/2023)', too: the cells are read
    by the reader conclusions are read by, and the extension is recorded as one, approved by
    the sheet's day; 'Thường xuyên' and 'Hằng năm' are no deadline, their words kept."""
    path = SHEET_KINDS[kind](tmp_path, DEADLINE_ROWS)
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    assert report["problems"] == [] and report["created"]["directives"] == 10
    rows = {r["text"]: r for r in report["rows"]}
    assert (rows["Gia hạn"]["due"], rows["Gia hạn"]["original_due"]) == (
        "2023-12-31",
        "2023-06-30",
    )
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert report["created"]["extensions"] == 1
    found = by_text(office)
    expected = {
        "Quý": ("2023-09-30", "Quý III/2023"),
        "Tháng": ("2023-09-30", "Tháng 9/2023"),
        "Cuối năm": ("2023-12-31", "Cuối năm 2023"),
        "Sáu tháng": ("2024-06-30", "6 tháng đầu năm 2024"),
        "Giai đoạn": ("2025-12-31", "Giai đoạn 2023-2025"),
        "Từ nay": ("2023-12-31", "Từ nay đến 31/12/2023"),
        "Trước ngày": ("2023-06-30", "Trước ngày 30/6/2023"),
        "Thường xuyên": (None, "Thường xuyên"),
        "Hằng năm": (None, "Hằng năm"),
    }
    for text, (due, written) in expected.items():
        made = found[text]
        assert (made["due"], made["original_due"], made["due_text"]) == (due, due, written), text
        assert made["extensions"] == 0 and made["status"] == "open_in_time", text
    extended = found["Gia hạn"]
    assert (extended["due"], extended["original_due"], extended["extensions"]) == (
        "2023-12-31",
        "2023-06-30",
        1,
    )
    assert (extended["due_text"], extended["due_phrase"]) == ("30/6/2023", "31/12/2023")
    assert extended["status"] == "open_in_time"
    history = office.json("show", str(extended["id"]))["history"]
    assert [(h["date"], h["event"], h["due"]) for h in history] == [
        ("2023-03-10", "assigned", "2023-06-30"),
        ("2023-06-30", "extended", "2023-12-31"),
    ]
    # Before the sheet's day the extension was not known: overdue from 1/7 as first given.
    before = office.json("show", str(extended["id"]), "--as-of", "2023-06-29")
    assert before["due"] == "2023-06-30"
    assert "Từ nay đến 31/12/2023" in office.ok("--lang", "vi", "show", str(found["Từ nay"]["id"]))


def test_an_extended_deadline_met_is_done_on_time(office: Cli, tmp_path: Path) -> None:
    """Done after the first deadline and before the one it was extended to: done on time, the
    extension recorded as approved by the completion (no later: 'done' refuses a completion
    before an approval)."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả", "Ngày hoàn thành"],
            [1, "Báo cáo", "SNV", "30/4/2023 (đã gia hạn đến 31/5/2023)", "Xong", "20/5/2023"],
        ],
    )
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    made = by_text(office)["Báo cáo"]
    assert (made["status"], made["completed_on"], made["due"]) == (
        "done_on_time",
        "2023-05-20",
        "2023-05-31",
    )
    history = office.json("show", str(made["id"]))["history"]
    assert ("2023-05-20", "extended", "2023-05-31") in [
        (h["date"], h["event"], h.get("due")) for h in history
    ]


def test_an_extension_given_by_a_later_sheet_is_recorded_once(office: Cli, tmp_path: Path) -> None:
    """With a key column, the sheet that adds '(gia hạn đến …)' to a recorded deadline extends
    it, approved on that sheet's day; the same sheet again changes nothing."""
    first = csv_file(
        tmp_path,
        [["Mã", "Nội dung", "Đơn vị chủ trì", "Thời hạn"], ["A1", "Đề án", "SNV", "30/6/2023"]],
    )
    office.ok("import", first, "--meeting", "1", "--as-of", "2023-04-01")
    later = tmp_path / "lan-2.csv"
    Path(first).rename(later)
    csv_file(
        tmp_path,
        [
            ["Mã", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            ["A1", "Đề án", "SNV", "30/6/2023 (gia hạn đến 31/12/2023)"],
        ],
    )
    report = office.json("import", first, "--meeting", "1", "--as-of", "2023-06-20")
    assert (report["updated"], report["created"]["extensions"]) == (1, 1)
    report = office.json("import", first, "--meeting", "1", "--as-of", "2023-06-25")
    assert (report["updated"], report["unchanged"]) == (0, 1)
    made = by_text(office)["Đề án"]
    assert (made["due"], made["original_due"], made["extensions"]) == (
        "2023-12-31",
        "2023-06-30",
        1,
    )
    # The first sheet read again: on its day the deadline in force was the first one, as the
    # database judges it (the extension came later), so it changes nothing and says nothing.
    again = office.json("import", str(later), "--meeting", "1", "--as-of", "2023-04-01")
    assert (again["updated"], again["unchanged"], again["created"]["extensions"]) == (0, 1, 0)
    assert (again["warnings"], again["problems"]) == ([], [])
    assert by_text(office)["Đề án"] == made


def test_status_words_offices_write(office: Cli, tmp_path: Path) -> None:
    """'Còn trong hạn', 'Cơ bản hoàn thành' and 'Tạm dừng' were kept as notes of nothing in
    particular; they say open (the last two keep their words as progress). 'Đã thực hiện' with
    its day is a completion. 'Quá hạn' and 'Còn trong hạn' are claims checked against the
    dates: a warning when they disagree, in the user's language."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả", "Ngày hoàn thành"],
        [1, "Còn hạn", "SNV", "31/12/2023", "Còn trong hạn", None],
        [2, "Cơ bản", "SNV", "31/12/2023", "Cơ bản hoàn thành", None],
        [3, "Tạm dừng", "SNV", "31/12/2023", "Tạm dừng", None],
        [4, "Quá hạn", "SNV", "30/4/2023", "Quá hạn", None],
        [5, "Chưa", "SNV", "31/12/2023", "Chưa thực hiện", None],
        [6, "Đang", "SNV", "31/12/2023", "Đang triển khai", None],
        [7, "Thực hiện ngày", "SNV", "31/12/2023", "Đã thực hiện ngày 15/6/2023", None],
        [8, "Thực hiện cột", "SNV", "31/12/2023", "Đã thực hiện", "16/6/2023"],
        [9, "Không dấu", "SNV", "31/12/2023", "Con trong han", None],
        [10, "Hạn sai", "SNV", "31/5/2023", "Còn trong hạn", None],
        [11, "Quá hạn sai", "SNV", "30/9/2023", "Quá hạn", None],
        [12, "Quá hạn không hạn", "SNV", "Thường xuyên", "Quá hạn", None],
    ]
    path = workbook(tmp_path, rows)
    vi = office("--lang", "vi", "import", path, "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    assert vi.exit_code == 0, vi.stderr
    assert "ghi còn trong hạn, nhưng thời hạn 31/05/2023 đã qua trước ngày 30/06/2023" in vi.stdout
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert report["warnings"] == [
        "row 11: says within the deadline, but its deadline 2023-05-31 passed before 2023-06-30",
        "row 12: says overdue, but its deadline 2023-09-30 is not past on 2023-06-30",
        "row 13: says overdue, but it has no deadline",
    ]
    found = by_text(office)
    status = {text: (d["status"], d["completed_on"]) for text, d in found.items()}
    assert status == {
        "Còn hạn": ("open_in_time", None),
        "Cơ bản": ("open_in_time", None),
        "Tạm dừng": ("open_in_time", None),
        "Quá hạn": ("overdue", None),
        "Chưa": ("open_in_time", None),
        "Đang": ("open_in_time", None),
        "Thực hiện ngày": ("done_on_time", "2023-06-15"),
        "Thực hiện cột": ("done_on_time", "2023-06-16"),
        "Không dấu": ("open_in_time", None),
        "Hạn sai": ("overdue", None),
        "Quá hạn sai": ("open_in_time", None),
        "Quá hạn không hạn": ("open_in_time", None),
    }
    for text in ("Cơ bản", "Tạm dừng"):
        notes = [h.get("note") for h in office.json("show", str(found[text]["id"]))["history"]]
        assert notes[-1] == {"Cơ bản": "Cơ bản hoàn thành", "Tạm dừng": "Tạm dừng"}[text]
    # A sheet that says no date is judged as of today: the warning says to give --as-of.
    older = workbook(tmp_path, [rows[0], [1, "Cũ", "SNV", "31/5/2023", "Còn trong hạn", None]])
    warnings = office.json("import", older, "--meeting", "1")["warnings"]
    assert len(warnings) == 1 and "passed (today is" in warnings[0], warnings
    assert warnings[0].endswith("give --as-of DATE if the sheet is older")


def test_a_lead_unit_cell_naming_several_bodies(office: Cli, tmp_path: Path) -> None:
    """'UBND các huyện, thị xã, thành phố' was one unknown unit, made a new unit by
    --create-units: it names several bodies and is refused, naming the row and what to do,
    unless a registered unit has that very name. Registered units named together make one
    directive each, as before."""
    office.ok("unit", "add", "SKHDT", "Sở Kế hoạch và Đầu tư")
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Rà soát", "UBND các huyện, thị xã, thành phố", "31/12/2023"],
        [2, "Phân bổ", "Sở Tài chính, Sở Kế hoạch và Đầu tư", "31/12/2023"],
        [3, "Tuyên truyền", "Các sở, ban, ngành", "31/12/2023"],
    ]
    path = workbook(tmp_path, rows)
    message = office.fail("import", path, "--meeting", "1", "--create-units")
    assert "2 bad rows (2, 4)" in message
    assert (
        "row 2, column C (Đơn vị chủ trì): 'UBND các huyện, thị xã, thành phố' names several "
        "bodies, not one lead unit: give each its own row, or one lead unit here and the others "
        "under the coordinating units"
    ) in message
    vi = office.fail("--lang", "vi", "import", path, "--meeting", "1", "--create-units")
    assert "dòng 4, cột C (Đơn vị chủ trì): 'Các sở, ban, ngành' là nhiều cơ quan" in vi
    assert office.json("list") == []
    office.ok("unit", "add", "SBN", "Các sở, ban, ngành")
    report = office("import", path, "--meeting", "1", "--dry-run", "--format", "json")
    actions = {r["row"]: r["action"] for r in json.loads(report.stdout)["rows"]}
    assert actions == {2: "error", 3: "create", 4: "create"}
    del rows[1]
    office.ok("import", workbook(tmp_path, rows), "--meeting", "1")
    units = sorted((d["text"], d["unit"]) for d in office.json("list"))
    assert units == [("Phân bổ", "SKHDT"), ("Phân bổ", "STC"), ("Tuyên truyền", "SBN")]
    assert sorted(u["code"] for u in office.json("unit", "list")) == [
        "SBN",
        "SKHDT",
        "SNV",
        "STC",
        "STP",
    ]


# --- hidden rows, percentages in words, submitted products, groups of bodies, calendar ------


def _book(tmp_path: Path, name: str, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Any:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for span in merges:
        sheet.merge_cells(span)
    return book, sheet, tmp_path / name


def _dry(cli: Cli, path: Path, *args: str) -> tuple[dict[int, dict[str, Any]], dict[str, Any]]:
    found = dry_run(cli, str(path), "--meeting", "1", "--as-of", AS_OF, *args)
    return {r["row"]: r for r in found["rows"]}, found


# Three shapes of the same register: other header words, other column orders, a title merged
# across the table above the header, a tall header (each cell merged down over two rows).
_ORDERS = {
    "STT": ("text", "unit", "with", "due", "result"),
    "TT": ("unit", "with", "text", "result", "due"),
    "Số TT": ("due", "text", "result", "unit", "with"),
}
_SHAPES = [
    (["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả"], ()),
    (
        [
            "TT",
            "Cơ quan thực hiện",
            "Cơ quan phối hợp",
            "Nhiệm vụ",
            "Kết quả thực hiện",
            "Hạn xử lý",
        ],
        ("A1:F1",),
    ),
    (
        [
            "Số TT",
            "Thời gian hoàn thành",
            "Nội dung chỉ đạo",
            "Tình trạng",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
        ],
        ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2"),
    ),
]


def _first_row(merges: tuple[str, ...]) -> int:
    """The first data row of a shape: under the title or the tall header, if any."""
    return 3 if merges else 2


def _shaped(header: list[str], merged: bool, rows: list[dict[str, Any]]) -> list[list[Any]]:
    """Rows laid out under ``header`` in its shape's column order."""
    out: list[list[Any]] = []
    if merged and header[0] == "TT":
        out.append(["BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ"] + [None] * (len(header) - 1))
    out.append(header)
    if merged and header[0] == "Số TT":
        out.append([None] * len(header))  # the header's cells are merged down over this row
    for n, r in enumerate(rows, start=1):
        out.append([n, *(r.get(name) for name in _ORDERS[header[0]])])
    return out


@pytest.mark.parametrize(("header", "merges"), _SHAPES)
def test_hidden_rows_are_read_and_named(
    office: Cli, tmp_path: Path, header: list[str], merges: tuple[str, ...]
) -> None:
    """A row the office hid (a finished one, often) is still a row: it was imported in silence,
    or, when hidden, the clerk had no way to know. It is read as any row, and the import (and
    --dry-run) says which rows were hidden; a hidden column that is read is named too."""
    rows = _shaped(
        header,
        bool(merges),
        [
            {
                "text": "Việc xong",
                "unit": "SNV",
                "due": "30/5/2023",
                "result": "Hoàn thành ngày 2/5/2023",
            },
            {
                "text": "Việc đang làm",
                "unit": "STC",
                "due": "30/9/2023",
                "result": "Đang thực hiện",
            },
            {"text": "Việc ẩn hai", "unit": "STP", "due": "30/9/2023"},
        ],
    )
    book, sheet, path = _book(tmp_path, "an.xlsx", rows, merges)
    first = _first_row(merges)
    sheet.row_dimensions[first].hidden = True
    sheet.row_dimensions[first + 2].hidden = True
    sheet.column_dimensions["A"].hidden = True  # STT: no field, not named
    book.save(path)
    found, whole = _dry(office, path)
    assert whole["hidden_rows"] == [first, first + 2]
    said = (
        "2 rows hidden in the sheet were read as any row (hiding is not deleting): "
        f"rows {first}, {first + 2}"
    )
    assert said in whole["warnings"]
    assert found[first]["action"] == "create" and found[first]["completed_on"] == "2023-05-02"
    done = office("--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    out = done.stderr
    assert (
        "2 dòng bị ẩn trong trang tính vẫn được đọc như mọi dòng khác (ẩn không phải là "
        f"xóa): dòng {first}, {first + 2}" in out
    )
    listed = by_text(office)
    assert set(listed) == {"Việc xong", "Việc đang làm", "Việc ẩn hai"}
    assert listed["Việc xong"]["status"] == "done_on_time"


def test_a_hidden_column_that_is_read_is_named(office: Cli, tmp_path: Path) -> None:
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Ghi chú"],
        [1, "Việc A", "SNV", "30/9/2023", "ghi chú ẩn"],
    ]
    book, sheet, path = _book(tmp_path, "cot.xlsx", rows)
    sheet.column_dimensions["E"].hidden = True
    book.save(path)
    _, whole = _dry(office, path)
    assert "column E (Ghi chú) is hidden in the sheet; it was read as note" in whole["warnings"]


def test_values_in_a_column_under_no_header_are_named_not_dropped_in_silence(
    office: Cli, tmp_path: Path
) -> None:
    """A completion written beside the table, in a column with no header (or a CSV line with
    more fields than its header), was left out without a word, where a column with a header
    the import does not read is named among the columns left out: the directive came in
    overdue. It is named, with its rows and the --map that reads it; --map reads it."""
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Việc A", "SNV", "30/6/2023", None, "Đã hoàn thành ngày 10/6/2023"],
        [2, "Việc B", "SNV", "30/6/2023"],
        [3, "Việc C", "SNV", "30/6/2023", None, "x"],
    ]
    book, _sheet, path = _book(tmp_path, "le.xlsx", rows)
    book.save(path)
    _, whole = _dry(office, path)
    said = (
        "column F holds values under no header (rows 2, 4), which were not read: give the column "
        "a header, or --map 'F=FIELD' to read it"
    )
    assert said in whole["warnings"], whole["warnings"]
    found, read = _dry(office, path, "--map", "F=result")
    assert not any("no header" in w for w in read["warnings"]), read["warnings"]
    assert found[2]["status"] == "done_on_time"
    done = office("--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    assert "cột F có giá trị nhưng không có tiêu đề (dòng 2, 4)" in done.stderr, done.stderr
    csv_path = tmp_path / "le.csv"
    csv_path.write_text(
        "STT,Nội dung,Đơn vị chủ trì,Thời hạn\n1,Việc D,SNV,30/6/2023,thừa\n", encoding="utf-8"
    )
    _, from_csv = _dry(office, csv_path)
    assert any(w.startswith("column E holds values under no header (rows 2)") for w in
               from_csv["warnings"]), from_csv["warnings"]  # fmt: skip


def test_a_struck_through_row_and_comments_on_cells_are_named(office: Cli, tmp_path: Path) -> None:
    """A directive crossed out (offices strike through one withdrawn) and a comment on a cell
    ('Đã hoàn thành ngày …' written as a note on the status cell) were imported in silence: the
    struck row open, the comment lost. Both are read as before and named in one line each."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
        [1, "Việc bỏ", "SNV", "30/9/2023", "Đang thực hiện"],
        [2, "Việc có ghi chú", "STC", "30/5/2023", "Đang thực hiện"],
        [3, "Việc thường", "STP", "30/9/2023", "Đang thực hiện"],
    ]
    book, sheet, path = _book(tmp_path, "gach.xlsx", rows)
    for cell in sheet[2]:
        cell.font = Font(strike=True)
    sheet["C4"].font = Font(strike=True)  # a unit struck out alone is no withdrawn row
    sheet["E3"].comment = Comment("Đã hoàn thành ngày 25/5/2023 theo\nCV 123", "VP")
    sheet["B1"].comment = Comment("Ghi chú của tiêu đề", "VP")  # the header is no directive
    # Excel's note under its author's name, and a threaded comment as older versions see it
    sheet["D4"].comment = Comment("Nguyễn Văn A:\nĐã gia hạn đến 31/12/2023", "VP")
    sheet["B4"].comment = Comment(
        "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; "
        "however, any edits to it will get removed if the file is opened in a newer version of "
        "Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    "
        "Giao bổ sung",
        "VP",
    )
    book.save(path)
    found, whole = _dry(office, path)
    assert [r["action"] for r in found.values()] == ["create"] * 3
    assert (
        "1 row struck through in the sheet was read as any row (a line through a cell is not "
        "read): row 2; if it was withdrawn, write 'Dừng thực hiện ngày …' in its status cell, "
        "or delete the row" in whole["warnings"]
    )
    assert (
        "3 comments on cells of the table were not read (comments are no column): E3 "
        "('Đã hoàn thành ngày 25/5/2023 theo CV 123'); B4 ('Giao bổ sung'); D4 ('Đã gia hạn "
        "đến 31/12/2023'); write what they say in the rows' cells (a 'Ghi chú' column) if it "
        "counts" in whole["warnings"]
    )
    done = office("--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert done.exit_code == 0, done.stderr
    assert "1 dòng bị gạch ngang trong trang tính vẫn được đọc" in done.stderr
    assert "3 ghi chú (comment) trên ô của bảng không được đọc" in done.stderr
    assert set(by_text(office)) == {"Việc bỏ", "Việc có ghi chú", "Việc thường"}


@pytest.mark.parametrize(("header", "merges"), _SHAPES)
def test_a_percentage_in_the_result_words_is_the_progress(
    office: Cli, tmp_path: Path, header: list[str], merges: tuple[str, ...]
) -> None:
    """'Đã thực hiện 80%', 'đạt 50 %', 'Đang thực hiện, đạt 70%' in a result cell were a note
    only, the number lost: they are the progress of an open directive, the words kept.
    'Hoàn thành 100%' completes it; 'Đạt 100%' without saying completed stays open with a
    notice; a share of something else ('Giải ngân 30% vốn') is no progress; 180% is refused,
    naming the cell."""
    texts = [
        ("A", "Đã thực hiện 80%"),
        ("B", "đạt 50 %"),
        ("C", "Đang thực hiện, đạt 70%"),
        ("D", "Hoàn thành 100%"),
        ("E", "Đạt 100%"),
        ("F", "Giải ngân 30% vốn"),
    ]
    rows = _shaped(
        header,
        bool(merges),
        [{"text": f"Việc {t}", "unit": "SNV", "due": "30/9/2023", "result": r} for t, r in texts],
    )
    book, _, path = _book(tmp_path, "pt.xlsx", rows, merges)
    book.save(path)
    found, _ = _dry(office, path)
    first = _first_row(merges)
    progress = [found[first + i]["progress"] for i in range(len(texts))]
    assert progress == [80, 50, 70, None, 100, None]
    assert "progress 100% without saying" in found[first + 4]["warnings"][0]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert listed["Việc A"]["status"] == "open_in_time"
    assert listed["Việc A"]["progress"] == 80
    assert listed["Việc B"]["progress"] == 50
    assert listed["Việc D"]["status"] == "done_on_time"
    assert listed["Việc E"]["status"] == "open_in_time" and listed["Việc E"]["progress"] == 100


def test_a_percentage_over_100_in_words_is_one_error_line(office: Cli, tmp_path: Path) -> None:
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Tình hình thực hiện"],
        [1, "Việc A", "SNV", "30/9/2023", "Đã thực hiện 180%"],
    ]
    book, _, path = _book(tmp_path, "sai.xlsx", rows)
    book.save(path)
    message = office.fail("--lang", "vi", "import", str(path), "--meeting", "1")
    # the sheet, the row and the column
    assert message.startswith("Error: sai.xlsx ('Sheet'): 1 dòng có lỗi (2); không nhập gì. ")
    assert "dòng 2, cột E (Tình hình thực hiện)" in message and "180%" in message
    assert len(message.strip().splitlines()) == 1
    assert office.json("list") == []


@pytest.mark.parametrize(("header", "merges"), _SHAPES)
def test_submitted_to_the_leader_is_open_with_a_notice(
    office: Cli, tmp_path: Path, header: list[str], merges: tuple[str, ...]
) -> None:
    """'Đã trình UBND tỉnh', 'Đã tham mưu', 'Đang trình ký': the unit's product is with the
    leader. It is not done (the decision is), so the directive stays open, the words its
    progress, and each row says so, with what to do when the decision is issued."""
    words = ["Đã trình", "Đã trình UBND tỉnh", "Đã tham mưu", "Đang trình ký"]
    rows = _shaped(
        header,
        bool(merges),
        [
            {"text": f"Việc {i}", "unit": "STC", "due": "30/9/2023", "result": w}
            for i, w in enumerate(words)
        ],
    )
    book, _, path = _book(tmp_path, "trinh.xlsx", rows, merges)
    book.save(path)
    found, _ = _dry(office, path)
    first = _first_row(merges)
    for i in range(len(words)):
        assert found[first + i]["status"] == "open_in_time"
        assert "submitted its product to the leader" in found[first + i]["warnings"][0]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    for i in range(len(words)):
        assert listed[f"Việc {i}"]["status"] == "open_in_time"
        assert listed[f"Việc {i}"]["completed_on"] is None


@pytest.mark.parametrize(("header", "merges"), _SHAPES)
def test_a_group_of_coordinating_bodies_is_kept_as_words(
    office: Cli, tmp_path: Path, header: list[str], merges: tuple[str, ...]
) -> None:
    """'Các sở, ngành liên quan', 'UBND các huyện, thành phố' under the coordinating units
    name no one unit: the row was refused. It is imported, the phrase kept in its progress
    note, units named beside it recorded, no unit invented, and a notice names the row."""
    rows = _shaped(
        header,
        bool(merges),
        [
            {
                "text": "Việc G",
                "unit": "SNV",
                "with": "các sở, ngành liên quan",
                "due": "30/9/2023",
            },
            {
                "text": "Việc H",
                "unit": "SNV",
                "with": "UBND các huyện, thành phố",
                "due": "30/9/2023",
            },
            {
                "text": "Việc I",
                "unit": "SNV",
                "with": "Sở Tài chính, các sở ngành liên quan",
                "due": "30/9/2023",
            },
        ],
    )
    book, _, path = _book(tmp_path, "ph.xlsx", rows, merges)
    book.save(path)
    found, _ = _dry(office, path, "--create-units")
    first = _first_row(merges)
    assert [found[first + i]["action"] for i in range(3)] == ["create"] * 3
    assert "'các sở, ngành liên quan' names a group of bodies" in found[first]["warnings"][0]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF, "--create-units")
    listed = by_text(office)
    assert listed["Việc G"]["with"] == []
    assert listed["Việc I"]["with"] == ["STC"]
    assert len(office.json("unit", "list")) == 3  # none invented
    shown = office.json("show", str(listed["Việc H"]["id"]))
    assert "UBND các huyện, thành phố" in json.dumps(shown, ensure_ascii=False)


@pytest.mark.parametrize(
    ("cell", "due"),
    [("Trước ngày 15/4/2023", "2023-04-14"), ("trong 10 ngày làm việc", "2023-03-24")],
)
def test_a_deadline_counted_on_the_calendar_is_named(
    office: Cli, tmp_path: Path, cell: str, due: str
) -> None:
    """'Trước ngày 15/4/2023' (a Saturday: the Friday before) and 'trong 10 ngày làm việc'
    are counted on the office calendar: each such row says the day it was counted as, so the
    clerk can check it; a plain day says nothing."""
    for header in (
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        ["TT", "Thời gian hoàn thành", "Nhiệm vụ", "Cơ quan chủ trì"],
    ):
        if header[0] == "STT":
            rows = [header, [1, "Việc L", "SNV", cell], [2, "Việc M", "SNV", "30/9/2023"]]
        else:
            rows = [header, [1, cell, "Việc L", "SNV"], [2, "30/9/2023", "Việc M", "SNV"]]
        book, _, path = _book(tmp_path, "lich.xlsx", rows)
        book.save(path)
        found, _ = _dry(office, path)
        assert found[2]["due"] == due
        assert found[2]["warnings"] == [
            f"deadline {cell!r} counted on the office calendar as {due} (working days, days off "
            "and moved days as dirtrack calendar list shows): check it"
        ]
        assert found[3]["warnings"] == []
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert by_text(office)["Việc L"]["due"] == due


@pytest.mark.parametrize(("header", "merges"), _SHAPES)
def test_submitted_where_the_office_decides_by_acceptance_awaits_accept(
    office: Cli, tmp_path: Path, header: list[str], merges: tuple[str, ...]
) -> None:
    """Where the office accepts completions and decides by acceptance, 'Đã trình' is the
    completion the unit reported (on the day the cell gives, else the sheet's), waiting for
    accept, as `done` records one there: the directive stays open until `accept` closes it."""
    office.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    rows = _shaped(
        header,
        bool(merges),
        [
            {"text": "Việc T1", "unit": "STC", "due": "30/9/2023", "result": "Đã trình UBND tỉnh"},
            {
                "text": "Việc T2",
                "unit": "SNV",
                "due": "30/9/2023",
                "result": "Đã tham mưu ngày 12/6/2023",
            },
        ],
    )
    book, _, path = _book(tmp_path, "nt.xlsx", rows, merges)
    book.save(path)
    found, _ = _dry(office, path)
    first = _first_row(merges)
    assert "waiting for the office's acceptance" in found[first]["warnings"][0]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert listed["Việc T1"]["status"] == "open_in_time"
    assert listed["Việc T1"]["result"]["claimed_on"] == AS_OF
    assert listed["Việc T2"]["result"]["claimed_on"] == "2023-06-12"
    office.ok("accept", str(listed["Việc T2"]["id"]), "--date", "2023-06-20")
    assert by_text(office)["Việc T2"]["status"] == "done_on_time"
    assert by_text(office)["Việc T2"]["completed_on"] == "2023-06-20"


def test_a_submission_dated_after_today_is_a_bad_row_naming_its_cell(
    office: Cli, tmp_path: Path
) -> None:
    """A submission waiting for acceptance ('Đã trình ngày 12/6/2999') is a completion the unit
    reported: like a completion, a day after today (a year typed wrong) is a bad row naming the
    cell, in the user's language, and nothing is written."""
    office.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
        [1, "Việc S", "STC", "30/9/2023", "Đã trình UBND tỉnh ngày 12/6/2999"],
    ]
    book, _, path = _book(tmp_path, "fut.xlsx", rows)
    book.save(path)
    message = office.fail("--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert "dòng 2, cột E (Kết quả)" in message and "12/06/2999" in message
    assert office.json("list") == []


def test_submitted_and_asking_for_more_time_is_one_error_line(office: Cli, tmp_path: Path) -> None:
    """Where completions wait for acceptance, a row both reporting the product submitted and
    asking for a new deadline is a bad row naming its cell (a request is refused on a
    completion waiting for acceptance); nothing is written."""
    office.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả", "Ghi chú"],
        [1, "Việc R", "STC", "30/9/2023", "Đã trình UBND tỉnh", "Đề nghị gia hạn đến 31/12/2023"],
    ]
    book, _, path = _book(tmp_path, "rq.xlsx", rows)
    book.save(path)
    message = office.fail("--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert "dòng 2, cột F (Ghi chú)" in message
    assert office.json("list") == []


def test_an_extension_or_a_day_asked_for_counted_on_the_calendar_is_named(
    office: Cli, tmp_path: Path
) -> None:
    """The extension in a deadline cell ('30/6/2023 (gia hạn đến trước ngày 15/10/2023)', a
    Sunday: the Friday before) and the day a unit asks for in a note are counted on the office
    calendar too: each row names the day it was counted as."""
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Ghi chú"],
        [1, "Việc X", "SNV", "30/6/2023 (gia hạn đến trước ngày 15/10/2023)", None],
        [2, "Việc Y", "SNV", "30/9/2023", "Đề nghị gia hạn đến trước ngày 15/10/2023"],
    ]
    book, _, path = _book(tmp_path, "gh.xlsx", rows)
    book.save(path)
    found, _ = _dry(office, path)
    said = (
        "deadline 'trước ngày 15/10/2023' counted on the office calendar as 2023-10-13 "
        "(working days, days off and moved days as dirtrack calendar list shows): check it"
    )
    assert found[2]["due"] == "2023-10-13" and found[2]["warnings"] == [said]
    assert found[3]["asked_to"] == "2023-10-13" and found[3]["warnings"] == [said]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert by_text(office)["Việc X"]["due"] == "2023-10-13"


# --- a percentage in the progress column, submissions reported again -------------------------

_PROGRESS_SHAPES = [
    ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Tiến độ thực hiện"],
    ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Hạn xử lý", "Tình hình triển khai", "Kết quả"],
    ["Số TT", "Thời gian hoàn thành", "Nội dung chỉ đạo", "Tình hình thực hiện", "Đơn vị"],
]


def _progress_rows(header: list[str], cells: list[tuple[str, Any]]) -> list[list[Any]]:
    """Rows under ``header`` (one of :data:`_PROGRESS_SHAPES`), a text and a progress each."""
    rows: list[list[Any]] = [header]
    for n, (text, progress) in enumerate(cells, start=1):
        if header[0] == "STT":
            rows.append([n, text, "SNV", "30/9/2023", progress])
        elif header[0] == "TT":
            rows.append([n, text, "SNV", "30/9/2023", progress, None])
        else:
            rows.append([n, "30/9/2023", text, progress, "SNV"])
    return rows


@pytest.mark.parametrize("header", _PROGRESS_SHAPES)
def test_a_percentage_in_the_progress_column_follows_the_words_rule(
    office: Cli, tmp_path: Path, header: list[str]
) -> None:
    """Any percentage in a progress cell was read as the progress: 'Giải ngân 30% vốn' (a
    share of the capital disbursed) made the directive 30% done. The progress column follows
    the result column's rule: a percentage the cell starts with, or one its words give as
    progress ('đạt 70%', 'Đang triển khai (40%)'), is the progress; a share of something
    else is kept as the note only."""
    cells = [
        ("Việc A", "Giải ngân 30% vốn"),
        ("Việc B", "Đã bố trí 50% kinh phí, giải phóng 20% mặt bằng"),
        ("Việc C", "Đang thực hiện, đạt 70%"),
        ("Việc D", "Đang triển khai (40%)"),
        ("Việc E", "60%: đang tổng hợp"),
        ("Việc F", "Giải ngân 30% vốn, đạt 45% kế hoạch"),
    ]
    book, _, path = _book(tmp_path, "tien-do.xlsx", _progress_rows(header, cells))
    book.save(path)
    found, _ = _dry(office, path)
    assert [found[n]["progress"] for n in range(2, 8)] == [None, None, 70, 40, 60, 45]
    assert found[2]["note"] == "Giải ngân 30% vốn" and found[2]["problems"] == []
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert [listed[t]["progress"] for t, _ in cells] == [None, None, 70, 40, 60, 45]
    shown = office.json("show", str(listed["Việc A"]["id"]))
    assert "Giải ngân 30% vốn" in json.dumps(shown, ensure_ascii=False)


def test_a_progress_cell_not_read_as_written_is_warned_of(office: Cli, tmp_path: Path) -> None:
    """Text a spreadsheet or Python reads as a number ('nan', 'inf', '1e309', '5e1', '½')
    became a progress note without a word, 1.5 (a number cell) became 1% silently, and so did
    the text '1.000' (a thousand to a Vietnamese reader, one to an English one). Each is
    now said on its row: the note for what is no percentage, and, for a fraction, the rule
    that drops it (progress is kept in whole percents, never rounded up)."""
    header = _PROGRESS_SHAPES[0]
    cells: list[tuple[str, Any]] = [
        ("Việc A", "nan"),
        ("Việc B", "inf"),
        ("Việc C", "1e309"),
        ("Việc D", "5e1"),
        ("Việc E", "½"),
        ("Việc F", 1.5),
        ("Việc G", "70,5%"),
        ("Việc H", 40),
        ("Việc I", "Đang rà soát"),
        ("Việc J", "1.000"),  # one thousand to a Vietnamese reader: was 1% without a word
        ("Việc K", "1,000%"),
    ]
    book, _, path = _book(tmp_path, "tien-do.xlsx", _progress_rows(header, cells))
    book.save(path)
    found, _ = _dry(office, path)
    for row, value in zip(range(2, 7), ("nan", "inf", "1e309", "5e1", "½"), strict=True):
        assert (found[row]["progress"], found[row]["note"]) == (None, value)
        assert found[row]["warnings"] == [
            f"progress '{value}' is no percentage dirtrack reads (a whole number from 0 to 100, "
            "or 70%): kept as a progress note"
        ], found[row]
    assert found[7]["progress"] == 1 and found[8]["progress"] == 70
    assert found[7]["warnings"] == [
        "progress 1.5%: recorded as 1%, progress being kept in whole percents; the fraction is "
        "dropped, never rounded up (99.5%: 99%)"
    ]
    assert found[8]["warnings"][0].startswith("progress 70.5%: recorded as 70%")
    assert found[9]["warnings"] == found[10]["warnings"] == []
    assert (found[9]["progress"], found[10]["note"]) == (40, "Đang rà soát")
    for row, value in ((11, "1.000"), (12, "1,000%")):
        assert (found[row]["progress"], found[row]["note"]) == (None, value)
        assert found[row]["warnings"] == [
            f"progress '{value}' is no percentage dirtrack reads (a whole number from 0 to 100, "
            "or 70%): kept as a progress note"
        ], found[row]
    vi = office.json(
        "--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF, "--dry-run"
    )
    said = {r["row"]: r["warnings"] for r in vi["rows"]}
    assert said[6] == [
        "tiến độ '½' không phải tỷ lệ phần trăm dirtrack đọc được (số nguyên từ 0 đến 100, "
        "hoặc 70%): giữ làm ghi chú tiến độ"
    ]
    assert said[7][0].startswith("tiến độ 1,5%: ghi là 1%")


def test_a_percentage_in_a_cells_words_is_truncated_with_the_same_warning(
    office: Cli, tmp_path: Path
) -> None:
    """A percentage a progress or result cell gives in words ('đạt 70,5%', 'hoàn thành 33.3 %')
    or starts a result cell with ('60,5%: đang tổng hợp') lost its fraction without the
    warning a percentage cell ('70,5%') gets. Each is read by the same rule (whole percents,
    never rounded up) and says so on its row, in the user's language."""
    progress = [
        ("Việc A", "Đang thực hiện, đạt 70,5%"),
        ("Việc B", "Đã hoàn thành 33.3 % khối lượng"),
        ("Việc C", "Đang thực hiện, đạt 70%"),
    ]
    book, _, path = _book(tmp_path, "tien-do.xlsx", _progress_rows(_PROGRESS_SHAPES[0], progress))
    book.save(path)
    found, _ = _dry(office, path)
    assert [found[n]["progress"] for n in (2, 3, 4)] == [70, 33, 70]
    assert found[2]["warnings"] == [
        "progress 70.5%: recorded as 70%, progress being kept in whole percents; the fraction is "
        "dropped, never rounded up (99.5%: 99%)"
    ]
    assert found[3]["warnings"][0].startswith("progress 33.3%: recorded as 33%")
    assert found[4]["warnings"] == []
    result = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
        [1, "Việc D", "SNV", "30/9/2023", "Đang thực hiện, đạt 70,5%"],
        [2, "Việc E", "SNV", "30/9/2023", "60,5%: đang tổng hợp"],
        [3, "Việc F", "SNV", "30/9/2023", "Đã thực hiện 80%"],
    ]
    book, _, path = _book(tmp_path, "ket-qua.xlsx", result)
    book.save(path)
    found, _ = _dry(office, path)
    assert [found[n]["progress"] for n in (2, 3, 4)] == [70, 60, 80]
    assert found[2]["warnings"][0].startswith("progress 70.5%: recorded as 70%")
    assert found[3]["warnings"][0].startswith("progress 60.5%: recorded as 60%")
    assert found[4]["warnings"] == []
    vi = office.json(
        "--lang", "vi", "import", str(path), "--meeting", "1", "--as-of", AS_OF, "--dry-run"
    )
    said = {r["row"]: r["warnings"] for r in vi["rows"]}
    assert said[2][0].startswith("tiến độ 70,5%: ghi là 70%")


_KEYED_SHAPES = [
    ["Mã", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
    ["TT", "Cơ quan thực hiện", "Nhiệm vụ", "Tình hình thực hiện", "Hạn xử lý", "Mã"],
    ["Mã", "Nội dung chỉ đạo", "Thời gian hoàn thành", "Tình trạng", "Cơ quan chủ trì"],
]


def _keyed(tmp_path: Path, header: list[str], said: dict[str, str | None]) -> Path:
    """A keyed register: K1 (SNV), K2 (STC) and K3 (STP), each with its status cell."""
    units = {"K1": "SNV", "K2": "STC", "K3": "STP"}
    rows: list[list[Any]] = [header]
    for n, (key, status) in enumerate(said.items(), start=1):
        text, unit = f"Việc {key}", units[key]
        if header[0] == "Mã" and header[1] == "Nội dung":
            rows.append([key, text, unit, "30/9/2023", status])
        elif header[0] == "TT":
            rows.append([n, unit, text, status, "30/9/2023", key])
        else:
            rows.append([key, text, "30/9/2023", status, unit])
    book, _, path = _book(tmp_path, "ma.xlsx", rows)
    book.save(path)
    return path


@pytest.mark.parametrize("header", _KEYED_SHAPES)
def test_a_submission_reported_again_waits_on_the_recorded_directive(
    office: Cli, tmp_path: Path, header: list[str]
) -> None:
    """Where completions wait for acceptance, 'Đã trình' made a new directive's completion
    waiting for accept, but a re-import (how offices update) left a recorded open directive as
    it was. A newly reported submission is now that directive's completion, waiting for
    accept, through the one completion writer: once (a second import changes nothing), not
    on a directive done, and not again for the submission the office returned; a submission
    dated after the return waits again."""
    office.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    args = ["import", "--meeting", "1", "--as-of", AS_OF, "--key-column", "Mã"]

    def imported(said: dict[str, str | None]) -> dict[str, Any]:
        path = _keyed(tmp_path, header, said)
        dry = office(*args[:1], str(path), *args[1:], "--dry-run", "--format", "json")
        assert dry.exit_code == 0, dry.stderr
        office.ok(*args[:1], str(path), *args[1:])
        return {r["key"]: r for r in json.loads(dry.stdout)["rows"]}

    imported({"K1": "Đang thực hiện", "K2": "Đang thực hiện", "K3": "Đang thực hiện"})
    ids = {d["key"]: d["id"] for d in office.json("list")}
    office.ok("done", str(ids["K3"]), "--date", "2023-06-01")
    office.ok("accept", str(ids["K3"]), "--date", "2023-06-02")
    later = {"K1": "Đã trình UBND tỉnh ngày 12/6/2023", "K2": "Đang thực hiện", "K3": "Đã trình"}
    rows = imported(later)
    assert rows["K1"]["action"] == "update"
    assert "completion reported 2023-06-12, waiting for acceptance" in rows["K1"]["changes"]
    assert rows["K2"]["action"] == "unchanged"
    done_said = f"directive {ids['K3']} is recorded as completed on 2023-06-02"
    assert any(w.startswith(done_said) for w in rows["K3"]["warnings"])
    assert not any("waiting for the office's acceptance" in w for w in rows["K3"]["warnings"])
    listed = by_text(office)
    assert listed["Việc K1"]["status"] == "open_in_time"
    assert listed["Việc K1"]["result"]["claimed_on"] == "2023-06-12"
    assert listed["Việc K3"]["completed_on"] == "2023-06-02"
    again = imported(later)
    assert again["K1"]["action"] == "unchanged" and again["K1"]["changes"] == []
    other_day = imported({**later, "K1": "Đã trình ngày 15/6/2023"})
    assert other_day["K1"]["warnings"] == [
        f"directive {ids['K1']}: the completion reported on 2023-06-12 waits for accept or "
        "return already; the sheet's submission of 2023-06-15 is not recorded"
    ]
    assert by_text(office)["Việc K1"]["result"]["claimed_on"] == "2023-06-12"
    office.ok("return", str(ids["K1"]), "--reason", "Thiếu hồ sơ", "--date", "2023-06-20")
    returned = imported(later)
    assert not any("completion reported" in c for c in returned["K1"]["changes"])
    assert "returned on 2023-06-20" in returned["K1"]["warnings"][-1]
    assert by_text(office)["Việc K1"]["result"]["returned_on"] == "2023-06-20"
    anew = {**later, "K1": "Đã trình lại ngày 25/6/2023"}
    rows = imported(anew)
    assert "completion reported 2023-06-25, waiting for acceptance" in rows["K1"]["changes"]
    result = by_text(office)["Việc K1"]["result"]
    assert result["claimed_on"] == "2023-06-25" and result["returned_on"] is None
    office.ok("accept", str(ids["K1"]), "--date", "2023-06-28")
    assert by_text(office)["Việc K1"]["status"] == "done_on_time"


# --- what surrounds the table: groups, totals, the signature block; dates pasted as numbers ---

_BOTTOMS = {
    # groups in capitals with no mark, a spacer, a total, the place and day under the text
    "caps": [
        [None, "KHỐI ĐẢNG", None, None, None],
        [1, "Việc 1", "SNV", "30/9/2023", "Đang thực hiện"],
        [None, None, None, None, None],
        [None, "KHỐI CHÍNH QUYỀN", None, None, None],
        [2, "Việc 2", "STC", "Quý III/2023", None],
        [None, "Tổng cộng", None, 2, None],
        [None, None, None, None, None],
        [None, None, None, None, "Tây Ninh, ngày 30 tháng 6 năm 2023"],
        [None, "Người lập biểu", None, None, "Thủ trưởng đơn vị"],
        [None, "(Ký, ghi rõ họ tên)", None, None, "(Ký tên, đóng dấu)"],
        [None, "Nguyễn Văn A", None, None, "Trần Văn B"],
    ],
    # marked groups, the place and day typed under the unit column, titles in capitals
    "marked": [
        ["I", "Khối Đảng", None, None, None],
        [1, "Việc 1", "SNV", "30/9/2023", "Đang thực hiện"],
        ["II", "KHỐI CHÍNH QUYỀN", None, None, None],
        [2, "Việc 2", "STC", "6 tháng cuối năm 2023", None],
        ["TỔNG CỘNG", None, None, None, None],
        [None, None, "Tây Ninh, ngày 30 tháng 6 năm 2023", None, None],
        [None, "NGƯỜI LẬP BIỂU", None, "THỦ TRƯỞNG ĐƠN VỊ", None],
    ],
    # a bloc's heading in words, a count in the total, a title alone and a name under it
    "blocs": [
        [None, "Khối chính quyền", None, None, None],
        [1, "Việc 1", "SNV", "30/9/2023", "Đang thực hiện"],
        [2, "Việc 2", "STC", "31/12/2023", None],
        [None, "Cộng: 02 nhiệm vụ", None, None, "01 đang thực hiện"],
        [None, None, None, None, None],
        [None, None, None, None, "ngày … tháng … năm 2023"],
        [None, None, None, None, "GIÁM ĐỐC"],
        [None, None, None, None, "Lê Văn C"],
    ],
}


@pytest.mark.parametrize("shape", sorted(_BOTTOMS))
def test_groups_totals_and_the_signature_block_are_no_directives(
    office: Cli, tmp_path: Path, shape: str
) -> None:
    """A group's heading in capitals without a mark ('KHỐI CHÍNH QUYỀN'), or naming a bloc
    ('Khối chính quyền'), the place and day over the signatures ('Tây Ninh, ngày 30 tháng 6
    năm 2023', even under the unit column) and a signer's title alone ('GIÁM ĐỐC') were bad
    rows, and nothing was imported: they are headings and the end of the table; the
    directives, spacer rows and totals read as before."""
    rows = [["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"], *_BOTTOMS[shape]]
    book, _, path = _book(tmp_path, "cuoi.xlsx", rows)
    book.save(path)
    found, whole = _dry(office, path)
    assert whole["bad_rows"] == []
    made = [r["text"] for r in found.values() if r["action"] == "create"]
    assert made == ["Việc 1", "Việc 2"]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert sorted(listed) == ["Việc 1", "Việc 2"]
    assert listed["Việc 2"]["due"] in ("2023-09-30", "2023-12-31")


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_day_number_in_a_text_cell_is_the_day(office: Cli, tmp_path: Path, kind: str) -> None:
    """A date copied as values from a cell formatted General, or a CSV Excel wrote so, holds
    Excel's day number as text ('45107'): it was refused as no deadline, no date. It is read
    as the number cell it came from; a number that names no day of 1955-2099 is refused as
    before. An x under a column per status, and deadlines of a quarter or half year, read as
    they did."""
    header = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Ngày hoàn thành"]
    header += ["Đã hoàn thành", "Đang thực hiện"]
    rows: list[list[Any]] = [
        header,
        ["1", "Việc 1", "SNV", "45107", "45090", "x", ""],
        ["2", "Việc 2", "STC", "45199.0", "", "", "x"],
        ["3", "Việc 3", "STP", "Quý III/2023", "", "", "x"],
        ["4", "Việc 4", "SNV", "6 tháng cuối năm 2023", "", "", "x"],
    ]
    if kind == "csv":
        path = tmp_path / "so.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        book, _, path = _book(tmp_path, "so.xlsx", rows)
        book.save(path)
    found, _ = _dry(office, path)
    assert [found[n]["due"] for n in range(2, 6)] == [
        "2023-06-30",
        "2023-09-30",
        "2023-09-30",
        "2023-12-31",
    ]
    assert found[2]["completed_on"] == "2023-06-13" and found[2]["status"] == "done_on_time"
    assert [found[n]["status"] for n in range(3, 6)] == ["open_in_time"] * 3
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert by_text(office)["Việc 1"]["completed_on"] == "2023-06-13"
    bad = [header[:4], ["1", "Việc 5", "SNV", "12345"]]
    book, _, wrong = _book(tmp_path, "sai.xlsx", bad)
    book.save(wrong)
    message = office.fail("import", str(wrong), "--meeting", "1")
    assert "column D (Thời hạn): '12345' is not a deadline" in message


_LEVELS = {
    "column": (
        [["STT", "Nội dung", "Cấp", "Đơn vị chủ trì", "Thời hạn"]],
        (),
    ),
    "beside": (
        [["STT", "Nội dung", "Cấp chủ trì", "Đơn vị chủ trì", "Thời hạn"]],
        (),
    ),
    "split": (
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", None, "Thời hạn"],
            [None, None, "Cấp", "Tên đơn vị", None],
        ],
        ("A1:A2", "B1:B2", "C1:D1", "E1:E2"),
    ),
}


@pytest.mark.parametrize("shape", sorted(_LEVELS))
def test_the_level_written_beside_the_unit_is_no_unit(
    office: Cli, tmp_path: Path, shape: str
) -> None:
    """A register that writes each unit's level in a column of its own ('Cấp': Tỉnh, Huyện),
    beside the unit or under one header with it ('Đơn vị chủ trì' over 'Cấp | Tên đơn vị'):
    'Cấp chủ trì' and the split header were two columns that 'both look like the unit', and
    the sheet was refused. The level names no unit: the unit column is read, the level left
    out as a unit (it is read as the level, see below)."""
    office.ok("unit", "add", "UBNDCT", "UBND huyện Châu Thành")
    header, merges = _LEVELS[shape]
    rows = [
        *header,
        [1, "Việc 1", "Tỉnh", "Sở Nội vụ", "30/9/2023"],
        [2, "Việc 2", "Huyện", "UBND huyện Châu Thành", "31/12/2023"],
    ]
    book, _, path = _book(tmp_path, "cap.xlsx", rows, merges)
    book.save(path)
    found, whole = _dry(office, path)
    first = len(header) + 1
    assert [found[first]["units"], found[first + 1]["units"]] == [["SNV"], ["UBNDCT"]]
    fields = {c["column"]: c["field"] for c in whole["columns"]}
    assert fields["C"] == "level" and fields["D"] == "unit"
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert by_text(office)["Việc 2"]["unit"] == "UBNDCT"


def test_a_directive_in_capitals_numbered_as_the_others_is_no_heading(
    office: Cli, tmp_path: Path
) -> None:
    """A directive typed in capitals whose other cells were left empty ('2 | TỔ CHỨC HỘI NGHỊ
    TỔNG KẾT' between directives 1 and 3) was read as a group's heading and left out in
    silence. Numbered as the directives are, it is a bad row saying its lead unit is missing;
    a numbered group in capitals over rows numbered under it ('2.1') or anew ('1', 'a)') is a
    heading as before."""
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
        [1, "Rà soát quy hoạch", "SNV", "30/9/2023", "Đang thực hiện"],
        [2, "TỔ CHỨC HỘI NGHỊ TỔNG KẾT", None, None, None],
        [3, "Báo cáo tài chính", "STC", "30/9/2023", "Đang thực hiện"],
    ]
    book, _, path = _book(tmp_path, "hoa.xlsx", rows)
    book.save(path)
    found, whole = _dry(office, path)
    assert whole["bad_rows"] == [3]
    assert found[3]["action"] == "error" and found[3]["text"] == "TỔ CHỨC HỘI NGHỊ TỔNG KẾT"
    assert [p["column"] for p in found[3]["problems"]] == ["C"]
    groups = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
        ["1", "KHỐI ĐẢNG"],
        [1, "Việc 1", "SNV", "30/9/2023", "Đang thực hiện"],
        ["2", "KHỐI CHÍNH QUYỀN"],
        ["2.1", "Việc 2", "STC", "30/9/2023", "Đang thực hiện"],
        ["3", "NHIỆM VỤ CHUNG"],
        ["a)", "Việc 3", "STP", "30/9/2023", "Đang thực hiện"],
        ["4", "CÔNG TÁC KHÁC"],
        ["-", "Việc 4", "STP", "30/9/2023", "Đang thực hiện"],
        ["5", "KẾT LUẬN SỐ 12-KL/TU NGÀY 2/3/2023 CỦA BAN THƯỜNG VỤ"],
        ["5.1", "Việc 5", "SNV", "30/9/2023", "Đang thực hiện"],
        ["6", "CÁC NHIỆM VỤ KHÁC"],
        [None, "Việc 6", "STC", "30/9/2023", "Đang thực hiện"],
        ["7", "XÂY DỰNG KẾ HOẠCH CHUYỂN ĐỔI SỐ"],
    ]
    book, _, path = _book(tmp_path, "nhom.xlsx", groups)
    book.save(path)
    found, whole = _dry(office, path)
    assert whole["bad_rows"] == [14]  # a directive in capitals, "kế hoạch" no document
    assert [found[n]["action"] for n in (2, 4, 6, 8, 12)] == ["skip"] * 5
    assert found[10]["action"] == "section"
    assert str(found[11]["meeting"]).startswith("new: KẾT LUẬN SỐ 12-KL/TU")
    book, _, path = _book(tmp_path, "nhom-2.xlsx", groups[:-1])
    book.save(path)
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    assert sorted(by_text(office)) == [f"Việc {n}" for n in range(1, 7)]


def test_ticks_under_on_schedule_and_behind_schedule_mark_open(office: Cli, tmp_path: Path) -> None:
    """'Tiến độ thực hiện' over 'Đúng tiến độ | Chậm tiến độ', an x under one of them: both
    columns looked like the progress and the sheet was refused until --map chose. Each marks
    the directive in progress, as 'Đang thực hiện' does."""
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Tiến độ thực hiện", None, "Ghi chú"],
        [None, None, None, None, "Đúng tiến độ", "Chậm tiến độ", None],
        [1, "Việc đúng tiến độ", "SNV", "31/12/2023", "x", None, None],
        [2, "Việc chậm", "STC", "31/5/2023", None, "x", "Chờ ý kiến"],
    ]
    merges = ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "G1:G2", "E1:F1")
    book, _, path = _book(tmp_path, "tien-do.xlsx", rows, merges)
    book.save(path)
    found, whole = _dry(office, path)
    fields = {c["column"]: c["field"] for c in whole["columns"]}
    assert fields["E"] == fields["F"] == "open_mark"
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert listed["Việc đúng tiến độ"]["status"] == "open_in_time"
    assert listed["Việc chậm"]["status"] == "overdue"


def test_the_level_beside_the_unit_tells_apart_units_of_one_name(
    office: Cli, tmp_path: Path
) -> None:
    """'Ủy ban Kiểm tra' beside 'Cấp tỉnh' or 'Cấp huyện', when the Tỉnh ủy's and a Huyện
    ủy's are registered: the name was ambiguous on every row, the level not read. The level
    picks the one unit whose name says it; a level that leaves two (or none) leaves the name
    ambiguous, a bad row naming both, as before."""
    office.ok("unit", "add", "UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy")
    office.ok("unit", "add", "UBKTCT", "Ủy ban Kiểm tra Huyện ủy Châu Thành")
    office.ok("unit", "add", "UBKTTB", "Ủy ban Kiểm tra Huyện ủy Tân Biên")
    office.ok("unit", "add", "UBKTPT", "Ủy ban Kiểm tra Đảng ủy xã Phước Thạnh")
    rows = [
        ["STT", "Nội dung", "Cấp", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Việc tỉnh", "Cấp tỉnh", "Ủy ban Kiểm tra", "30/9/2023"],
        [2, "Việc xã", "Xã", "Ủy ban Kiểm tra", "30/9/2023"],
        [3, "Việc huyện", "Cấp huyện", "Ủy ban Kiểm tra", "30/9/2023"],
        [4, "Việc không cấp", None, "Ủy ban Kiểm tra", "30/9/2023"],
    ]
    book, _, path = _book(tmp_path, "cung-ten.xlsx", rows)
    book.save(path)
    found, whole = _dry(office, path)
    assert [found[n]["units"] for n in (2, 3)] == [["UBKTTU"], ["UBKTPT"]]
    assert whole["bad_rows"] == [4, 5]
    assert "ambiguous" in found[4]["problems"][0]["message"]
    # the level is read: the dry run names it among the columns read, not those left out
    assert {c["column"]: c["field"] for c in whole["columns"]}["C"] == "level"
    shown = office("import", str(path), "--meeting", "1", "--as-of", AS_OF, "--dry-run")
    assert "C 'Cấp'→level" in shown.stdout and "left out" not in shown.stdout
    # the Châu Thành row, told apart by its name, and the others by the level, import
    named = "Ủy ban Kiểm tra Huyện ủy Châu Thành"
    kept = [*rows[:3], [3, "Việc huyện", "Cấp huyện", named, "30/9/2023"]]
    book, _, path = _book(tmp_path, "cung-ten-2.xlsx", kept)
    book.save(path)
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert [listed[t]["unit"] for t in ("Việc tỉnh", "Việc xã", "Việc huyện")] == [
        "UBKTTU",
        "UBKTPT",
        "UBKTCT",
    ]


def test_a_sheet_of_ten_thousand_columns_is_read_as_its_table(office: Cli, tmp_path: Path) -> None:
    """A register exported with 10,000 columns (every one named, every cell filled): each row's
    every cell was matched against every column name to see whether the row was another
    table's header, and the level column was looked for again on every row; 200 rows took
    three minutes. The rows are read as before: the four columns of ours, the others left
    out, a directive under another table's header pasted below still a bad row."""
    extra = [f"Cột {n}" for n in range(10_000)]
    rows = [["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", *extra]]
    rows += [[str(n), f"Việc {n}", "Sở Tài chính", "30/6/2023", *["x"] * 10_000] for n in (1, 2)]
    rows += [["STT", "Nội dung hạn chế", "Đơn vị", *[""] * 10_001]]
    rows += [["1", "Thiếu biên chế", "Sở Nội vụ", "", *["x"] * 10_000]]
    sheet = tmp_path / "rong.csv"
    with sheet.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    report = dry_run(office, str(sheet), "--meeting", "1", "--as-of", AS_OF)
    read = {c["field"]: c["column"] for c in report["columns"] if c["field"]}
    assert read == {"stt": "A", "text": "B", "unit": "C", "due": "D"}
    by_row = {r["row"]: r for r in report["rows"]}
    assert [by_row[n]["units"] for n in (2, 3)] == [["STC"], ["STC"]]
    assert report["bad_rows"] == [5]  # a directive under the header of another table
    assert "under the header of another table (row 4)" in by_row[5]["problems"][0]["message"]


def test_a_title_merged_over_the_table_is_no_part_of_the_column_names(
    office: Cli, tmp_path: Path
) -> None:
    """A report's name merged across every column above the header was read as the parent of
    each column: the rows were read right, but every message named the columns 'BÁO CÁO KẾT QUẢ
    THỰC HIỆN Đơn vị chủ trì'. The columns are named by the header row only, which is row 2."""
    rows: list[list[Any]] = [
        ["BÁO CÁO KẾT QUẢ THỰC HIỆN", None, None, None],
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Tổng kết đề án", "SNV", "30/6/2023"],
        [2, "Rà soát", "XYZ", "30/2/2023"],
    ]
    path = workbook(tmp_path, rows, merges=("A1:D1",))
    report = dry_run(office, path, "--meeting", "1", "--as-of", AS_OF)
    assert report["header_row"] == 2
    assert [(c["header"], c["field"]) for c in report["columns"]] == [
        ("STT", "stt"),
        ("Nội dung", "text"),
        ("Đơn vị chủ trì", "unit"),
        ("Thời hạn", "due"),
    ]
    assert {(p["column"], p["header"]) for p in report["problems"]} == {
        ("C", "Đơn vị chủ trì"),
        ("D", "Thời hạn"),
    }
    message = office.fail("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert "row 4, column C (Đơn vị chủ trì): unknown unit 'XYZ'" in message, message
    assert "BÁO CÁO" not in message, message
    # the rows are read as before: the good one is a directive of SNV due on 30/6/2023
    good = dry_run(office, path, "--meeting", "1", "--as-of", AS_OF)["rows"][0]
    assert (good["row"], good["units"], good["due"]) == (3, ["SNV"], "2023-06-30")
