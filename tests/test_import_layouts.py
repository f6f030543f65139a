"""More office sheets: a deadline "trước ngày …" on the office's own calendar, cells naming
several coordinating units, a unit's request for a new deadline written in the sheet, and
layouts of registers not covered before (each built here with openpyxl, imported through the
CLI and checked row by row in ``list --format json``)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.conftest import Cli, cell_xml, dry_rows, prebuilt, workbook

AS_OF = "2025-03-20"


@pytest.fixture
@prebuilt
def office(cli: Cli) -> Cli:
    for code, name in (
        ("SNV", "Sở Nội vụ"),
        ("STC", "Sở Tài chính"),
        ("SKHDT", "Sở Kế hoạch và Đầu tư"),
        ("STP", "Sở Tư pháp"),
        ("SYT", "Sở Y tế"),
    ):
        cli.ok("unit", "add", code, name)
    cli.ok("add-meeting", "--date", "10/3/2025", "--title", "Phiên họp UBND tỉnh tháng 3")
    return cli


def by_text(cli: Cli, as_of: str = AS_OF) -> dict[str, dict[str, Any]]:
    return {d["text"]: d for d in cli.json("list", "--as-of", as_of)}


# --- "trước ngày …" on the office's calendar ------------------------------------------------


def test_before_a_day_counts_on_the_offices_own_days_off(office: Cli, tmp_path: Path) -> None:
    """'Trước ngày 15/3/2025' (a Saturday) is the last working day before it; the office took
    Friday 14/3 off (calendar add), so that is Thursday 13/3, as assign reads the same words.
    The import read it on the national calendar alone: 14/3, a day the office does not work."""
    office.ok("calendar", "add", "14/3/2025", "--off", "--note", "nghỉ bù")
    assigned = office.json(
        "assign", "1", "--unit", "SNV", "Việc giao tay", "--due", "trước ngày 15/3/2025"
    )
    assert assigned["due"] == "2025-03-13"
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung kết luận", "Cơ quan chủ trì", "Thời hạn"],
            [1, "Báo cáo biên chế", "SNV", "Trước ngày 15/3/2025"],
            [2, "Báo cáo quyết toán", "STC", "hoàn thành trước ngày 15/3/2025"],
            [3, "Báo cáo dự án", "SKHDT", "trước ngày 17/3/2025"],  # a Monday: kept
            [4, "Rà soát văn bản", "STP", "Trong 3 ngày làm việc"],  # 11, 12, 13 (14 is off)
        ],
    )
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    found = by_text(office)
    assert found["Báo cáo biên chế"]["due"] == "2025-03-13"
    assert found["Báo cáo biên chế"]["due_phrase"] == "Trước ngày 15/3/2025"
    assert found["Báo cáo quyết toán"]["due"] == "2025-03-13"
    assert found["Báo cáo dự án"]["due"] == "2025-03-17"
    assert found["Rà soát văn bản"]["due"] == "2025-03-13"
    # An office day worked against the national calendar counts too: Saturday 15/3 worked.
    office.ok("calendar", "add", "15/3/2025", "--on", "--note", "làm bù")
    other = office.at(office.db)
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            [1, "Việc mới", "SYT", "trước 15/3/2025"],
        ],
        name="lam-bu.xlsx",
    )
    other.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert by_text(other)["Việc mới"]["due"] == "2025-03-15"


# --- several coordinating units in one cell ----------------------------------------------------


def test_a_coordinating_cell_naming_several_bodies(office: Cli, tmp_path: Path) -> None:
    """'Sở Tài chính, Sở Kế hoạch và Đầu tư; UBND các huyện' is several coordinating units: each
    is matched as any unit name (case, accents, tone placement), a cell typed in lower case
    too ('sở tài chính, sở kế hoạch và đầu tư' was one unknown unit, made one unit of that whole
    name by --create-units); a group of bodies ('UBND các huyện') names no one unit: it is kept
    as words in the row's progress note with a notice naming the row (it was refused), never
    made a unit, even with --create-units, unless a unit of that name is registered; unknown
    single bodies are listed, and made by --create-units, one unit each."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung kết luận", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
        [1, "Việc A", "SNV", "Sở Tài chính, Sở Kế hoạch và Đầu tư; UBND các huyện", "30/6/2025"],
        [2, "Việc B", "SNV", "sở tài chính, sở kế hoạch và đầu tư", "30/6/2025"],
        [3, "Việc C", "STP", "SO TAI CHINH\nSở Y tế", "30/6/2025"],
        [4, "Việc D", "SYT", "Sở Xây dựng, sở Công Thương", "30/6/2025"],
        [5, "Việc E", "STC", "Sở Nội vụ, các sở, ngành liên quan", "30/6/2025"],
    ]
    path = workbook(tmp_path, rows)
    message = office.fail("import", path, "--meeting", "1")
    assert "1 bad row (5)" in message  # the unknown units only
    found = dry_rows(office, path, "--meeting", "1")
    assert found[2]["with"] == ["STC", "SKHDT"]
    assert found[2]["note"] == "Cơ quan phối hợp: UBND các huyện"
    assert found[2]["warnings"] == [
        "column D: 'UBND các huyện' names a group of bodies, no one coordinating unit: kept as "
        "words in the progress note, no unit recorded for it (name each unit, or register a "
        "unit of that very name with dirtrack unit add)"
    ]
    assert found[3]["with"] == ["STC", "SKHDT"]
    assert found[4]["with"] == ["STC", "SYT"]
    unknown = [p["message"].split(";")[0] for p in found[5]["problems"]]
    assert unknown == ["unknown unit 'Sở Xây dựng'", "unknown unit 'sở Công Thương'"]
    assert found[6]["with"] == ["SNV"] and found[6]["problems"] == []
    office.ok("import", path, "--meeting", "1", "--create-units", "--as-of", AS_OF)
    got = {d["text"]: sorted(d["with"]) for d in office.json("list")}
    assert got["Việc A"] == ["SKHDT", "STC"]
    assert got["Việc E"] == ["SNV"]
    names = {u["code"]: u["name"] for u in office.json("unit", "list")}
    assert "UBND các huyện" not in names.values()
    assert {names[c] for c in got["Việc D"]} == {"Sở Xây dựng", "sở Công Thương"}
    # A unit of the group's name is registered: it is that unit.
    office.ok("unit", "add", "UBNDH", "UBND các huyện")
    office.ok("unit", "add", "SBN", "Các sở, ngành liên quan")
    found = dry_rows(office, path, "--meeting", "1", "--allow-duplicate")
    assert found[2]["with"] == ["STC", "SKHDT", "UBNDH"] and found[2]["warnings"] == []
    assert found[6]["with"] == ["SNV", "SBN"]


def test_a_lead_named_among_its_own_coordinators_is_dropped_from_them(
    office: Cli, tmp_path: Path
) -> None:
    """A row led by SNV whose coordinating cell names SNV too showed 'SNV (+ STC, SNV)': the lead
    is dropped from its coordinators at import, as `assign --unit X --with X` stores it, with a
    warning naming the row (in the user's language); the row is imported."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung kết luận", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
        [1, "Việc A", "SNV", "Sở Tài chính, Sở Nội vụ", "30/6/2025"],
        [2, "Việc B", "SNV", "Sở Tài chính", "30/6/2025"],
    ]
    path = workbook(tmp_path, rows)
    found = dry_rows(office, path, "--meeting", "1")
    assert found[2]["with"] == ["STC"]
    assert found[2]["warnings"] == [
        "SNV leads the row and is named among its coordinating units too: kept as the lead only "
        "(a unit does not coordinate what it leads)"
    ]
    assert found[2]["problems"] == [] and found[3]["warnings"] == []
    vi = json.loads(
        office("--lang", "vi", "import", path, "--meeting", "1", "--dry-run", "-f", "json").stdout
    )["rows"][0]
    assert vi["warnings"][0].startswith("SNV chủ trì dòng này nhưng cũng có tên trong các đơn vị")
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert {d["text"]: d["with"] for d in office.json("list")} == {
        "Việc A": ["STC"],
        "Việc B": ["STC"],
    }
    assert office.json("list")[0]["unit"] == "SNV"


# --- a unit's request for a new deadline ---------------------------------------------------------


def test_a_request_for_a_new_deadline_is_recorded_as_one(office: Cli, tmp_path: Path) -> None:
    """'Đề nghị gia hạn đến 30/9/2025' in the progress or note column, or after the deadline,
    is the unit's request (as `request extend` and a pack's 'Đề nghị gia hạn đến' column record
    it): pending, the deadline in force unchanged. It was a note only, or in the deadline cell
    a bare 'not a deadline'. Without the day asked for, the row is refused saying what to
    write. Importing the sheet again asks nothing twice."""
    header = [
        "Mã",
        "Nội dung kết luận",
        "Cơ quan chủ trì",
        "Thời hạn",
        "Kết quả/Tiến độ thực hiện",
        "Ghi chú",
    ]
    rows: list[list[Any]] = [
        header,
        ["K1", "Việc C", "SNV", "30/6/2025", "đề nghị gia hạn đến 30/9/2025", None],
        ["K2", "Việc D", "STC", "30/6/2025 (đề nghị gia hạn đến 31/10/2025)", "60%", None],
        ["K3", "Việc E", "STP", "30/6/2025", "Đang thực hiện", "Sở xin gia hạn đến quý IV/2025"],
        ["K4", "Việc F", "SYT", "30/6/2025", "Đang thực hiện", None],
    ]
    path = workbook(tmp_path, rows)
    report = office.json("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert report["created"]["requests"] == 3
    asked = {r["directive_id"]: r for r in office.json("requests")}
    found = by_text(office)
    wanted = {"Việc C": "2025-09-30", "Việc D": "2025-10-31", "Việc E": "2025-12-31"}
    for text, to in wanted.items():
        d = found[text]
        assert d["due"] == "2025-06-30" and d["status"] == "open_in_time", d
        request = asked[d["id"]]
        assert (request["kind"], request["to"], request["status"]) == ("extend", to, "pending")
        assert request["asked_on"] == AS_OF
    assert asked[found["Việc E"]["id"]]["reason"] == "Sở xin gia hạn đến quý IV/2025"
    assert asked[found["Việc D"]["id"]]["reason"] == "đề nghị gia hạn đến 31/10/2025"
    again = office.json("import", path, "--meeting", "1", "--as-of", "2025-03-25")
    assert again["created"]["requests"] == 0 and again["unchanged"] == 4
    # A later sheet asks for a request on K4: recorded once.
    rows[4][5] = "Đề nghị gia hạn đến 31/8/2025"
    later = office.json("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert later["created"]["requests"] == 1 and later["updated"] == 1
    assert len(office.json("requests")) == 4
    # Without the day asked for, or not later than the deadline: one Error line naming them.
    bad = workbook(
        tmp_path,
        [
            header,
            ["K5", "Việc G", "SNV", "30/6/2025", "Đề nghị gia hạn", None],
            ["K6", "Việc H", "SNV", "30/6/2025", "Đề nghị gia hạn đến 30/5/2025", None],
            ["K7", "Việc I", "SNV", "Đề nghị gia hạn đến 30/9/2025", None, None],
        ],
        name="bad.xlsx",
    )
    message = office.fail("import", bad, "--meeting", "1", "--as-of", AS_OF)
    assert "3 bad rows (2-4)" in message
    assert (
        "row 2, column E (Kết quả/Tiến độ thực hiện): 'Đề nghị gia hạn' asks for a new deadline "
        "without saying which: write the day asked for ('Đề nghị gia hạn đến 30/9/2025')"
    ) in message
    rows_of = dry_rows(office, bad, "--meeting", "1", "--as-of", AS_OF)
    assert rows_of[3]["problems"][0]["message"] == (
        "the deadline asked for (2025-05-30) is not after the one in force (2025-06-30)"
    )
    assert rows_of[4]["problems"][0]["message"].endswith(
        "gives no deadline: write the deadline first ('30/6/2025 (đề nghị gia hạn đến 30/9/2025)')"
    )
    vi = office.fail("--lang", "vi", "import", bad, "--meeting", "1", "--as-of", AS_OF)
    assert "'Đề nghị gia hạn' đề nghị gia hạn nhưng không ghi gia hạn đến ngày nào" in vi


def test_a_deadline_asked_on_a_recorded_directive_is_judged_as_request_extend_judges_it(
    office: Cli, tmp_path: Path
) -> None:
    """A sheet asking a recorded directive for a new deadline is judged by the rule `request
    extend` uses, on the sheet's day: against the deadline in force that day (an extension
    approved after the sheet's day does not count; it was judged against the latest one), and
    what is asked for before whether a request waits, in the same words as `request extend`."""
    first = workbook(
        tmp_path,
        [
            ["Mã", "Nội dung kết luận", "Cơ quan chủ trì", "Thời hạn"],
            ["K1", "Việc A", "SNV", "30/6/2025"],
        ],
        name="first.xlsx",
    )
    office.ok("import", first, "--meeting", "1", "--as-of", AS_OF)
    (directive,) = office.json("list")
    ident = str(directive["id"])
    office.ok("extend", ident, "--to", "31/10/2025", "--date", "2025-05-01", "--reason", "CV 1")

    def sheet(asked: str, name: str) -> Path:
        header = ["Mã", "Nội dung kết luận", "Cơ quan chủ trì", "Kết quả"]
        return workbook(tmp_path, [header, ["K1", "Việc A", "SNV", asked]], name=name)

    # Asked on 1/4, when 30/6 was in force: recorded, as `request extend --date` records it.
    april = sheet("Đề nghị gia hạn đến 31/8/2025", "april.xlsx")
    report = office.json("import", april, "--meeting", "1", "--as-of", "2025-04-01")
    assert report["created"]["requests"] == 1
    (request,) = office.json("requests")
    assert (request["asked_on"], request["to"], request["status"]) == (
        "2025-04-01",
        "2025-08-31",
        "pending",
    )
    # On 1/6 (31/10 in force, a request waiting): the same refusal as `request extend`'s.
    june = ("--meeting", "1", "--as-of", "2025-06-01")
    for asked, wanted in (
        (
            "30/9/2025",
            "the deadline asked for (2025-09-30) is not after the one in force (2025-10-31)",
        ),
        (
            "31/12/2025",
            f"directive {ident} already has request {request['id']} of that kind waiting",
        ),
    ):
        path = sheet(f"Đề nghị gia hạn đến {asked}", f"june-{asked[:2]}.xlsx")
        (said,) = [p["message"] for p in dry_rows(office, path, *june)[2]["problems"]]
        assert said.startswith(wanted), said
        cli_said = office.fail(
            "request", "extend", ident, "--to", asked, "--reason", "Chờ", "--date", "2025-06-01"
        )
        assert said in cli_said, (said, cli_said)
    assert len(office.json("requests")) == 1


# --- layouts of other offices' registers -------------------------------------------------------

SHEET_DAY = "2024-06-30"


@pytest.fixture
@prebuilt
def register(office: Cli) -> Cli:
    """The office with meeting 2 of 12/3/2024, the meeting the registers below come from."""
    office.ok("add-meeting", "--date", "12/3/2024", "--title", "Phiên họp UBND tỉnh tháng 3/2024")
    return office


def rows_of(cli: Cli) -> list[tuple[Any, ...]]:
    """Every directive as (text, unit, with, due, status, completed_on, meeting_id)."""
    return sorted(
        (d["text"], d["unit"], sorted(d["with"]), d["due"], d["status"], d["completed_on"])
        for d in cli.json("list", "--as-of", SHEET_DAY)
    )


def test_columns_in_another_order_under_other_headers(register: Cli, tmp_path: Path) -> None:
    """'Thời gian hoàn thành' before 'Đơn vị thực hiện' before the text, under a title; the
    deadlines as an Excel date, typed day first, 'Quý II/2024', 'Tháng 6/2024', '6 tháng đầu năm
    2024', 'Thường xuyên', a remark in brackets after a day, a duty of every month; statuses
    'Đã hoàn thành ngày …', 'Đang triển khai', 'Chưa thực hiện'."""
    path = workbook(
        tmp_path,
        [
            ["BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN Ý KIẾN CHỈ ĐẠO"],
            ["(Số liệu tính đến ngày 30/6/2024)"],
            [],
            ["TT", "Thời gian hoàn thành", "Đơn vị thực hiện", "Nội dung nhiệm vụ", "Kết quả"],
            [1, "15/03/2024", "Sở Nội vụ", "Rà soát biên chế", "Đã hoàn thành ngày 14/3/2024"],
            [2, datetime(2024, 9, 30), "Sở Tài chính", "Bố trí kinh phí", "Đang triển khai"],
            [3, "Quý II/2024", "SKHDT", "Lập kế hoạch đầu tư công", "Chưa thực hiện"],
            [4, "Tháng 6/2024", "STP", "Thẩm định dự thảo", "Đã hoàn thành ngày 20/6/2024"],
            [5, "6 tháng đầu năm 2024", "SYT", "Báo cáo dịch bệnh", "Đang triển khai"],
            [6, "Thường xuyên", "SNV", "Theo dõi cải cách hành chính", "Đang triển khai"],
            [7, "Trước 15/7/2024 (báo cáo)", "STC", "Báo cáo thu chi", None],
            [8, "Trước ngày 20 hằng tháng", "SYT", "Báo cáo tiêm chủng", None],
        ],
    )
    register.ok("import", path, "--meeting", "2")
    assert rows_of(register) == sorted(
        [
            ("Bố trí kinh phí", "STC", [], "2024-09-30", "open_in_time", None),
            ("Báo cáo dịch bệnh", "SYT", [], "2024-06-30", "open_in_time", None),
            ("Báo cáo thu chi", "STC", [], "2024-07-15", "open_in_time", None),
            ("Báo cáo tiêm chủng", "SYT", [], None, "open_in_time", None),
            ("Lập kế hoạch đầu tư công", "SKHDT", [], "2024-06-30", "open_in_time", None),
            ("Rà soát biên chế", "SNV", [], "2024-03-15", "done_on_time", "2024-03-14"),
            ("Theo dõi cải cách hành chính", "SNV", [], None, "open_in_time", None),
            ("Thẩm định dự thảo", "STP", [], "2024-06-30", "done_on_time", "2024-06-20"),
        ]
    )
    phrases = {d["text"]: d["due_phrase"] for d in register.json("list")}
    assert phrases["Báo cáo tiêm chủng"] == "Trước ngày 20 hằng tháng"
    assert phrases["Báo cáo thu chi"] == "Trước 15/7/2024 (báo cáo)"


def test_han_xu_ly_two_digit_years_and_dotted_days(register: Cli, tmp_path: Path) -> None:
    """'Hạn xử lý' is the deadline, 'Tình hình' the progress; days typed with a two-digit
    year (15/3/24, 30-06-24, as Excel shows dd/mm/yy) were 'not a deadline' and 'not a date',
    every row refused."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Hạn xử lý", "Tình hình"],
            [1, "Việc 1", "SNV", "STC", "15/3/24", "Đang thực hiện"],
            [2, "Việc 2", "STC", None, "30-06-24", "Đã hoàn thành 25/6/24"],
            [3, "Việc 3", "STP", "sở nội vụ, sở y tế", "31.12.2024", "Chưa thực hiện"],
        ],
    )
    register.ok("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Việc 1", "SNV", ["STC"], "2024-03-15", "overdue", None),
        ("Việc 2", "STC", [], "2024-06-30", "done_on_time", "2024-06-25"),
        ("Việc 3", "STP", ["SNV", "SYT"], "2024-12-31", "open_in_time", None),
    ]
    assert {d["text"]: d["due_phrase"] for d in register.json("list")}["Việc 1"] == "15/3/24"


def test_a_register_grouped_by_unit(register: Cli, tmp_path: Path) -> None:
    """No lead unit column: a heading row per unit ('I | SỞ NỘI VỤ' merged across the table,
    '2 | Sở Tài chính (02 nhiệm vụ)') is the lead unit of the rows under it. The sheet was
    refused whole ('no column holds the lead unit'). An unknown unit's heading is listed, and
    made by --create-units when it begins a body's name; a row above every unit heading is a
    bad row saying what to add."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung nhiệm vụ", "Thời hạn", "Kết quả thực hiện"],
        ["I", "SỞ NỘI VỤ", None, None],
        [1, "Rà soát biên chế", "30/6/2024", "Đang thực hiện"],
        [2, "Sắp xếp đơn vị hành chính", "31/12/2024", None],
        [2, "Sở Tài chính (02 nhiệm vụ)", None, None],
        [1, "Bố trí kinh phí", "30/9/2024", "Đã hoàn thành ngày 1/6/2024"],
        [2, "Quyết toán ngân sách", "Quý III/2024", None],
        ["III", "SỞ XÂY DỰNG", None, None],
        [1, "Quy hoạch đô thị", "30/9/2024", None],
    ]
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("B2:D2")
    sheet.merge_cells("B8:D8")
    path = tmp_path / "theo-don-vi.xlsx"
    book.save(path)
    message = register.fail("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert "2 bad rows (8-9)" in message
    assert "row 8, column B (Nội dung nhiệm vụ): unknown unit 'SỞ XÂY DỰNG'" in message
    found = dry_rows(register, str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert found[9]["problems"][0]["message"] == (
        "no lead unit: the heading above it (row 8) names no registered unit"
    )
    assert (found[2]["action"], found[2]["units"]) == ("section", ["SNV"])
    register.ok("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY, "--create-units")
    made = {u["name"]: u["code"] for u in register.json("unit", "list")}["SỞ XÂY DỰNG"]
    assert rows_of(register) == sorted(
        [
            ("Bố trí kinh phí", "STC", [], "2024-09-30", "done_on_time", "2024-06-01"),
            ("Quy hoạch đô thị", made, [], "2024-09-30", "open_in_time", None),
            ("Quyết toán ngân sách", "STC", [], "2024-09-30", "open_in_time", None),
            ("Rà soát biên chế", "SNV", [], "2024-06-30", "open_in_time", None),
            ("Sắp xếp đơn vị hành chính", "SNV", [], "2024-12-31", "open_in_time", None),
        ]
    )
    # Rows above every unit heading, and a sheet naming no unit at all.
    above = workbook(
        tmp_path,
        [rows[0], [1, "Việc trước", "30/6/2024", None], *rows[1:3]],
        name="tren.xlsx",
    )
    message = register.fail("import", above, "--meeting", "2", "--as-of", SHEET_DAY)
    assert "row 2: no lead unit: the sheet has no lead unit column, and no heading" in message
    none = workbook(tmp_path, [rows[0], [1, "Việc", "30/6/2024", None]], name="khong.xlsx")
    message = register.fail("import", none, "--meeting", "2")
    assert message.startswith(
        "Error: khong.xlsx: sheet 'Sheet': row 1: no column holds the lead unit or units"
    )


def test_the_document_of_each_row_names_its_meeting(register: Cli, tmp_path: Path) -> None:
    """'Văn bản chỉ đạo': 'Thông báo số 125-TB/TU ngày 12/3/2024' in each row: rows of one
    document share one new meeting, dated as the cell says (a two-digit year too), numbered
    as it says; a document already recorded is found by its number."""
    register.ok("add-meeting", "--date", "2/4/2024", "--title", "Hội nghị BTV", "--doc", "40-KL/TU")
    path = workbook(
        tmp_path,
        [
            ["STT", "Văn bản chỉ đạo", "Nội dung chỉ đạo", "Cơ quan chủ trì", "Thời hạn"],
            [1, "Thông báo số 125-TB/TU ngày 12/3/2024", "Việc 1", "SNV", "30/6/2024"],
            [2, "Thông báo số 125-TB/TU ngày 12/3/2024", "Việc 2", "STC", "30/9/2024"],
            [3, "Kết luận số 40-KL/TU ngày 02/4/2024", "Việc 3", "STP", "Tháng 6/2024"],
            [4, "Thông báo 130-TB/TU ngày 5/4/24", "Việc 4", "SYT", "Quý III/2024"],
        ],
    )
    report = register.json("import", path, "--as-of", SHEET_DAY)
    assert report["created"] == {
        "units": 0,
        "meetings": 2,
        "directives": 4,
        "progress": 0,
        "extensions": 0,
        "requests": 0,
    }
    meetings = {m["id"]: (m["date"], m["doc"]) for m in register.json("meetings")}
    found = {d["text"]: d["meeting_id"] for d in register.json("list")}
    assert found["Việc 1"] == found["Việc 2"]
    assert meetings[found["Việc 1"]] == ("2024-03-12", "125-TB/TU")
    assert meetings[found["Việc 3"]] == ("2024-04-02", "40-KL/TU") and found["Việc 3"] == 3
    assert meetings[found["Việc 4"]] == ("2024-04-05", "130-TB/TU")


def test_status_marks_under_a_split_header(register: Cli, tmp_path: Path) -> None:
    """'Kết quả thực hiện' over 'Đã hoàn thành | Đang triển khai | Chưa thực hiện', an x in
    one of them: 'Đang triển khai' was taken for the result column and its x refused."""
    book = Workbook()
    sheet = book.active
    for row in [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện", None, None],
        [None, None, None, None, "Đã hoàn thành", "Đang triển khai", "Chưa thực hiện"],
        [1, "Việc 1", "SNV", datetime(2024, 6, 30), "x", None, None],
        [2, "Việc 2", "STC", datetime(2024, 9, 30), None, "x", None],
        [3, "Việc 3", "STP", datetime(2024, 5, 31), None, None, "x"],
    ]:
        sheet.append(row)
    sheet.merge_cells("E1:G1")
    for column in "ABCD":
        sheet.merge_cells(f"{column}1:{column}2")
    path = tmp_path / "danh-dau.xlsx"
    book.save(path)
    register.ok("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-06-30", "done_on_time", "2024-06-30"),
        ("Việc 2", "STC", [], "2024-09-30", "open_in_time", None),
        ("Việc 3", "STP", [], "2024-05-31", "overdue", None),
    ]


def test_checkboxes_saved_as_true_and_false_in_a_csv(register: Cli, tmp_path: Path) -> None:
    """A checkbox column ('Đã hoàn thành' in Google Sheets or Excel) saved as CSV writes TRUE
    and FALSE: TRUE was read as done, but FALSE was a bad row ('neither a mark (x) nor a
    date') and nothing was imported. FALSE is a box left unticked: not done, as 'Không'."""
    path = tmp_path / "google-sheets.csv"
    path.write_text(
        "STT,Nội dung,Đơn vị chủ trì,Thời hạn,Đã hoàn thành,Ngày hoàn thành\r\n"
        "1,Việc 1,SNV,30/06/2024,TRUE,14/06/2024\r\n"
        "2,Việc 2,STC,30/09/2024,FALSE,\r\n"
        "3,Việc 3,STP,31/05/2024,FALSE,\r\n",
        encoding="utf-8",
    )
    register.ok("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-06-30", "done_on_time", "2024-06-14"),
        ("Việc 2", "STC", [], "2024-09-30", "open_in_time", None),
        ("Việc 3", "STP", [], "2024-05-31", "overdue", None),
    ]


def test_trailing_formatted_rows_and_hidden_columns(register: Cli, tmp_path: Path) -> None:
    """Rows formatted down to Excel's last row cost nothing and make no rows; a hidden column
    holding what a visible one holds ('Thời hạn cũ' hidden beside 'Thời hạn') is left out with
    a warning where the sheet was refused ('both look like the deadline'); a hidden column of
    its own ('Mã') is read like any other."""
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    for row in [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Thời hạn cũ", "Mã"],
        [1, "Việc 1", "SNV", "30/9/2024", "30/6/2024", "NV-01"],
        [2, "Việc 2", "STC", "31/12/2024", "30/9/2024", "NV-02"],
    ]:
        sheet.append(row)
    for number in range(4, 3000):
        sheet.cell(row=number, column=2).font = Font(bold=True)
    sheet.cell(row=1048576, column=16384).font = Font(bold=True)
    sheet.column_dimensions["E"].hidden = True
    sheet.column_dimensions["F"].hidden = True
    path = tmp_path / "an-cot.xlsx"
    book.save(path)
    result = register("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert result.exit_code == 0, result.stderr
    assert (
        "Warning: column E (Thời hạn cũ) is hidden and holds what column D (Thời hạn) holds: "
        "column D is read; --map 'Thời hạn cũ=due' reads the hidden one"
    ) in result.stderr
    found = {d["text"]: (d["due"], d["key"]) for d in register.json("list")}
    assert found == {"Việc 1": ("2024-09-30", "NV-01"), "Việc 2": ("2024-12-31", "NV-02")}


def test_a_protected_sheet_with_formulas_of_today(register: Cli, tmp_path: Path) -> None:
    """A protected sheet is read as any other. 'Số ngày quá hạn' (=IF(TODAY()>D2,TODAY()-D2,""))
    is a count dirtrack works out itself, not a status: its 1 was read as an 'open' mark, and a
    done row refused as 'done and also not'. A column of =TODAY() ('Ngày cập nhật') names no
    field. A formula whose value was never saved is refused, naming the cell."""
    book = Workbook()
    sheet = book.active
    header = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"]
    for row in [
        [*header, "Số ngày quá hạn", "Ngày cập nhật"],
        [1, "Việc 1", "SNV", datetime(2024, 5, 31), "Đang thực hiện", "x", "x"],
        [2, "Việc 2", "STC", datetime(2024, 5, 31), "Đã hoàn thành ngày 1/6/2024", "x", "x"],
        [3, "Việc 3", "STP", datetime(2024, 9, 30), "Đang thực hiện", "x", "x"],
    ]:
        sheet.append(row)
    sheet.protection.sheet = True
    sheet.protection.password = "1234"
    path = tmp_path / "bao-ve.xlsx"
    book.save(path)
    late = '<c r="F{n}"><f>IF(TODAY()&gt;D{n},TODAY()-D{n},"")</f><v>{v}</v></c>'
    cell_xml(path, "F2", late.format(n=2, v=30))
    cell_xml(path, "F3", late.format(n=3, v=1))
    cell_xml(path, "F4", '<c r="F4" t="str"><f>IF(TODAY()&gt;D4,TODAY()-D4,"")</f><v></v></c>')
    for n in (2, 3, 4):
        cell_xml(path, f"G{n}", f'<c r="G{n}"><f>TODAY()</f><v>45473</v></c>')
    register.ok("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-05-31", "overdue", None),
        ("Việc 2", "STC", [], "2024-05-31", "done_late", "2024-06-01"),
        ("Việc 3", "STP", [], "2024-09-30", "open_in_time", None),
    ]
    unsaved = tmp_path / "chua-luu.xlsx"
    book.save(unsaved)
    sheet["D2"] = "=TODAY()+30"
    book.save(unsaved)
    message = register.fail("import", str(unsaved), "--meeting", "2")
    assert "cell D2 of sheet 'Sheet' holds a formula (=TODAY()+30) whose value was never saved" in (
        message
    )


def test_a_csv_register_grouped_by_unit_with_short_years(register: Cli, tmp_path: Path) -> None:
    """The same layouts saved as CSV (semicolons, as Excel on a Vietnamese Windows writes it):
    unit headings, 'Thời hạn hoàn thành' with two-digit years, a request for a new deadline."""
    path = tmp_path / "theo-doi.csv"
    path.write_text(
        "STT;Nội dung;Thời hạn hoàn thành;Tiến độ thực hiện\n"
        "I;Sở Y tế;;\n"
        "1;Tiêm chủng mở rộng;30/6/24;Đề nghị gia hạn đến 30/9/24\n"
        "2;Phòng chống dịch;31/12/24;50%\n"
        "II;Sở Tư pháp;;\n"
        "1;Thẩm định văn bản;15/4/24;Đã hoàn thành ngày 10/4/24\n",
        encoding="utf-8",
    )
    register.ok("import", str(path), "--meeting", "2", "--as-of", "2024-05-01")
    assert sorted(
        (d["text"], d["unit"], d["due"], d["status"], d["progress"])
        for d in register.json("list", "--as-of", "2024-05-01")
    ) == [
        ("Phòng chống dịch", "SYT", "2024-12-31", "open_in_time", 50),
        ("Thẩm định văn bản", "STP", "2024-04-15", "done_on_time", 100),
        ("Tiêm chủng mở rộng", "SYT", "2024-06-30", "open_in_time", None),
    ]
    (request,) = register.json("requests")
    assert (request["to"], request["status"], request["unit"]) == ("2024-09-30", "pending", "SYT")


def test_one_column_for_lead_and_coordinating_units(register: Cli, tmp_path: Path) -> None:
    """'Cơ quan chủ trì, phối hợp' in one column, the roles written in the cell: every unit of
    'Sở Nội vụ (chủ trì), Sở Tài chính' was one unknown lead unit ('Sở Nội vụ (chủ trì)'), or
    a lead unit each. A cell naming coordinating units only is a bad row saying what to add.
    The mark on a line of its own under its unit ('Sở Tư pháp' / '(chủ trì)' / 'Sở Nội vụ')
    was refused as naming coordinating units only; it marks the unit above it."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Cơ quan chủ trì, phối hợp", "Thời hạn"],
            [1, "Việc 1", "Sở Nội vụ (chủ trì), Sở Tài chính", "30/6/2024"],
            [2, "Việc 2", "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Y tế", "30/6/2024"],
            [3, "Việc 3", "Sở Tư pháp chủ trì; Sở Tài chính, Sở Y tế phối hợp", "30/6/2024"],
            [4, "Việc 4", "Sở Y tế\nSở Nội vụ (phối hợp)", "30/6/2024"],
            [5, "Việc 5", "Sở Tài chính, Sở Y tế", "30/6/2024"],
            # a narrow column: the mark on a line of its own, under the unit it marks
            [6, "Việc 6", "Sở Tư pháp\n(chủ trì)\nSở Nội vụ", "30/6/2024"],
            [7, "Việc 7", "Sở Y tế\nSở Tài chính\n(phối hợp)", "30/6/2024"],
        ],
    )
    register.ok("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert sorted((d["text"], d["unit"], sorted(d["with"])) for d in register.json("list")) == [
        ("Việc 1", "SNV", ["STC"]),
        ("Việc 2", "SNV", ["STC", "SYT"]),
        ("Việc 3", "STP", ["STC", "SYT"]),
        ("Việc 4", "SYT", ["SNV"]),
        ("Việc 5", "STC", []),
        ("Việc 5", "SYT", []),
        ("Việc 6", "STP", ["SNV"]),
        ("Việc 7", "SYT", ["STC"]),
    ]
    bad = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Cơ quan chủ trì, phối hợp", "Thời hạn"],
            [1, "Việc 6", "Sở Tài chính (phối hợp)", "30/6/2024"],
        ],
        name="bad.xlsx",
    )
    message = register.fail("import", bad, "--meeting", "2")
    assert (
        "row 2, column C (Cơ quan chủ trì, phối hợp): 'Sở Tài chính (phối hợp)' names "
        "coordinating units only: every directive needs a lead unit"
    ) in message


@pytest.mark.parametrize(
    "header", ["Đơn vị chủ trì/phối hợp", "Đơn vị chủ trì / Đơn vị phối hợp", "Chủ trì/Phối hợp"]
)
def test_one_column_for_both_roles_split_by_a_slash(
    register: Cli, tmp_path: Path, header: str
) -> None:
    """'Chủ trì/Phối hợp' over 'Sở Kế hoạch và Đầu tư/Sở Tài chính, Sở Y tế': the units before
    the slash lead, the others coordinate, as the header says. Every unit was a lead unit of a
    directive of its own (three directives for one), in silence; and the headers naming the
    coordinating units last were read as the coordinating units column, the sheet refused for
    want of a lead unit column."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", header, "Thời hạn"],
            [1, "Việc 1", "Sở Kế hoạch và Đầu tư/Sở Tài chính, Sở Y tế", "30/6/2024"],
            [2, "Việc 2", "Sở Nội vụ / Sở Tư pháp", "30/6/2024"],
            [3, "Việc 3", "Sở Y tế", "30/6/2024"],
        ],
    )
    register.ok("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert sorted((d["text"], d["unit"], sorted(d["with"])) for d in register.json("list")) == [
        ("Việc 1", "SKHDT", ["STC", "SYT"]),
        ("Việc 2", "SNV", ["STP"]),
        ("Việc 3", "SYT", []),
    ]


def test_status_words_shortened_and_documents_issued(register: Cli, tmp_path: Path) -> None:
    """'Đã HT' / 'HT' (hoàn thành), 'Đang TH' were notes: a done row came in open. 'Đã ban
    hành Quyết định số … ngày …' is done that day, as 'Đã thực hiện ngày …' is; without its
    day it is refused the same way. Deadlines typed '15 / 3 / 2024' and 'T6/2024' are read."""
    header = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện"]
    path = workbook(
        tmp_path,
        [
            header,
            [1, "Việc 1", "SNV", "15 / 3 / 2024", "Đã HT ngày 14/3/2024"],
            [2, "Việc 2", "STC", "T6/2024", "Đang TH"],
            [3, "Việc 3", "STP", "30/6/2024", "HT ngày 20/6/2024"],
            [4, "Việc 4", "SYT", "30/6/2024", "Đã ban hành Quyết định số 12/QĐ-UBND ngày 2/5/2024"],
            [5, "Việc 5", "SKHDT", "30/9/2024", "Chưa HT"],
        ],
    )
    register.ok("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-03-15", "done_on_time", "2024-03-14"),
        ("Việc 2", "STC", [], "2024-06-30", "open_in_time", None),
        ("Việc 3", "STP", [], "2024-06-30", "done_on_time", "2024-06-20"),
        ("Việc 4", "SYT", [], "2024-06-30", "done_on_time", "2024-05-02"),
        ("Việc 5", "SKHDT", [], "2024-09-30", "open_in_time", None),
    ]
    bad = workbook(
        tmp_path,
        [header, [1, "Việc 6", "SNV", "30/6/2024", "Đã ban hành Kế hoạch"]],
        name="bad.xlsx",
    )
    message = register.fail("import", bad, "--meeting", "2", "--as-of", SHEET_DAY)
    assert (
        "row 2, column E (Kết quả thực hiện): 'Đã ban hành Kế hoạch' does not say whether the "
        "directive is done"
    ) in message


def test_every_unit_sheet_in_one_import(register: Cli, tmp_path: Path) -> None:
    """--sheet all reads a workbook of one sheet per unit in one import: each sheet's unit
    leads its rows, a row is named 'Sheet!row' (one naming another unit's sheet by a heading
    is that unit's)."""
    book = Workbook()
    header = ["TT", "Nhiệm vụ", "Hạn hoàn thành", "Tình hình thực hiện"]
    for title, rows in (
        ("Sở Nội vụ", [[1, "Rà soát biên chế", "30/6/2024", "Đã trình UBND tỉnh"]]),
        ("STC", [[1, "Bố trí kinh phí", "30/9/2024", "đạt 30%"]]),
    ):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.remove(book["Sheet"])
    path = tmp_path / "don-vi.xlsx"
    book.save(path)
    args = ["import", str(path), "--meeting", "2", "--as-of", SHEET_DAY, "--sheet", "all"]
    dry = json.loads(register(*args, "--dry-run", "--format", "json").stdout)
    assert [(r["sheet"], r["row"], r["units"]) for r in dry["rows"]] == [
        ("Sở Nội vụ", 2, ["SNV"]),
        ("STC", 2, ["STC"]),
    ]
    assert "row 'Sở Nội vụ'!2: the unit has submitted its product" in " ".join(dry["warnings"])
    register.ok(*args)
    assert rows_of(register) == [
        ("Bố trí kinh phí", "STC", [], "2024-09-30", "open_in_time", None),
        ("Rà soát biên chế", "SNV", [], "2024-06-30", "open_in_time", None),
    ]
    assert {d["text"]: d["progress"] for d in register.json("list")}["Bố trí kinh phí"] == 30


def test_a_workbook_of_one_sheet_per_unit(register: Cli, tmp_path: Path) -> None:
    """One sheet per unit, named after it, without a unit column: the sheet's name is the lead
    unit of its rows (the sheet was refused, 'no column holds the lead unit'), and the other
    units' sheets are named in a warning, each imported with --sheet (they were left out in
    silence: a table without a unit column was not counted as one)."""
    book = Workbook()
    header = ["STT", "Nội dung nhiệm vụ", "Thời hạn", "Tiến độ"]
    for title, rows in (
        ("Sở Nội vụ", [[1, "Rà soát biên chế", "30/6/2024", "50%"]]),
        (
            "STC",
            [[1, "Bố trí kinh phí", "30/9/2024", None], [2, "Quyết toán", "Quý IV/2024", None]],
        ),
    ):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.remove(book["Sheet"])
    path = tmp_path / "moi-don-vi-mot-trang.xlsx"
    book.save(path)
    done = register("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert done.exit_code == 0, done.stderr
    assert (
        "Warning: sheet 'STC' holds a table of directives too; it was not read (import it with "
        "--sheet 'STC', or every sheet at once with --sheet all)"
    ) in done.stderr
    register.ok("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY, "--sheet", "STC")
    assert rows_of(register) == sorted(
        [
            ("Bố trí kinh phí", "STC", [], "2024-09-30", "open_in_time", None),
            ("Quyết toán", "STC", [], "2024-12-31", "open_in_time", None),
            ("Rà soát biên chế", "SNV", [], "2024-06-30", "open_in_time", None),
        ]
    )


def test_a_summary_sheet_before_one_sheet_per_unit(register: Cli, tmp_path: Path) -> None:
    """A summary sheet ('Tổng hợp': units and counts) before the sheets of each unit, which
    have no unit column: the import was refused for the summary, 'no column holds the
    directive's text'. The first unit's sheet is read, the summary passed over, and the other
    units' sheets named in a warning."""
    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    for row in (["STT", "Đơn vị", "Tổng số nhiệm vụ", "Đã hoàn thành"], [1, "Sở Nội vụ", 1, 0]):
        summary.append(row)
    for title, rows in (
        ("SNV", [[1, "Rà soát biên chế", "30/9/2024", "Đang thực hiện"]]),
        ("Sở Y tế", [[1, "Kiểm soát dịch bệnh", "Quý IV/2024", None]]),
    ):
        sheet = book.create_sheet(title)
        sheet.append(["STT", "Nội dung", "Thời hạn", "Tình hình thực hiện"])
        for row in rows:
            sheet.append(row)
    path = tmp_path / "tong-hop-va-don-vi.xlsx"
    book.save(path)
    done = register("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    assert done.exit_code == 0, done.stderr
    assert "sheet 'Sở Y tế' holds a table of directives too" in done.stderr
    assert rows_of(register) == [
        ("Rà soát biên chế", "SNV", [], "2024-09-30", "open_in_time", None)
    ]


def test_a_sheet_whose_title_line_names_its_unit(register: Cli, tmp_path: Path) -> None:
    """One unit's report, its unit in a title line ('Đơn vị: Sở Tài chính', 'Đơn vị báo cáo:
    …') above a table without a unit column, the sheet named 'Sheet1': it was refused, 'no
    column holds the lead unit'. The line is the lead unit of every row, shown as a heading;
    a unit it names that is not registered is listed as unknown (its row the title line's,
    no column), and made by --create-units."""
    path = workbook(
        tmp_path,
        [
            ["SỞ TÀI CHÍNH"],
            ["BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ"],
            ["Đơn vị: Sở Tài chính"],
            [],
            ["STT", "Nội dung nhiệm vụ", "Thời hạn", "Kết quả thực hiện"],
            [1, "Lập dự toán ngân sách", "31/10/2024", "Đang thực hiện"],
            [2, "Quyết toán vốn đầu tư", "30/6/2024", "Đã hoàn thành ngày 20/6/2024"],
        ],
    )
    found = dry_rows(register, path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert (found[3]["action"], found[3]["units"]) == ("section", ["STC"])
    register.ok("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Lập dự toán ngân sách", "STC", [], "2024-10-31", "open_in_time", None),
        ("Quyết toán vốn đầu tư", "STC", [], "2024-06-30", "done_on_time", "2024-06-20"),
    ]
    csv_path = tmp_path / "so-xay-dung.csv"
    csv_path.write_text(
        "Đơn vị báo cáo: Sở Xây dựng\n\nTT,Nhiệm vụ,Thời hạn\n1,Kiểm tra công trình,30/9/2024\n",
        encoding="utf-8-sig",
    )
    args = (str(csv_path), "--meeting", "2", "--as-of", SHEET_DAY)
    result = register("import", *args, "--dry-run", "--format", "json")
    whole = json.loads(result.stdout)
    assert whole["bad_rows"] == [1, 4]
    assert [(u["name"], u["rows"]) for u in whole["unknown_units"]] == [("Sở Xây dựng", [1])]
    assert whole["rows"][0]["problems"][0]["column"] is None
    register.ok("import", *args, "--create-units")
    made = by_text(register, SHEET_DAY)["Kiểm tra công trình"]
    assert (made["unit"], made["due"]) == ("SXD", "2024-09-30")


def test_a_status_written_in_the_note_column(register: Cli, tmp_path: Path) -> None:
    """A register whose only word on the status is in 'Ghi chú' ('Đã hoàn thành ngày …',
    'Dừng thực hiện ngày …'): the row came in open, the words a progress note. A result
    column that says a status still decides; 'Đã thực hiện' in a note stays a note."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả", "Ghi chú"],
            [1, "Việc 1", "SNV", "30/6/2024", None, "Đã hoàn thành ngày 2/5/2024"],
            [2, "Việc 2", "STC", "30/6/2024", None, "Dừng thực hiện ngày 3/5/2024: sáp nhập"],
            [3, "Việc 3", "STP", "30/9/2024", "Đang thực hiện", "Hoàn thành ngày 4/5/2024"],
            [4, "Việc 4", "SYT", "30/9/2024", None, "Đã thực hiện"],
        ],
    )
    register.ok("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    found = by_text(register, SHEET_DAY)
    assert (found["Việc 1"]["status"], found["Việc 1"]["completed_on"]) == (
        "done_on_time",
        "2024-05-02",
    )
    assert (found["Việc 2"]["status"], found["Việc 2"]["cancelled_on"]) == (
        "cancelled",
        "2024-05-03",
    )
    assert found["Việc 3"]["status"] == "open_in_time"
    assert found["Việc 4"]["status"] == "open_in_time"


def test_thoi_gian_hoan_thanh_beside_thoi_han_is_the_day_it_was_done(
    register: Cli, tmp_path: Path
) -> None:
    """'Thời gian hoàn thành' alone is the deadline; beside 'Thời hạn' it is the day the
    directive was done (the sheet was refused: 'both look like the deadline'). The sheet's
    date line may write its year in two digits ('tính đến ngày 30/6/24')."""
    path = workbook(
        tmp_path,
        [
            ["(Số liệu tính đến ngày 30/6/24)"],
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Thời gian hoàn thành", "Kết quả"],
            [1, "Việc 1", "SNV", "30/6/2024", "20/6/2024", "Đã hoàn thành"],
            [2, "Việc 2", "STC", "30/9/2024", None, "Đang thực hiện"],
            [3, "Việc 3", "STP", "30/9/2024", None, "Đã hoàn thành"],
        ],
    )
    report = register.json("import", path, "--meeting", "2")
    assert report["as_of"] == SHEET_DAY
    columns = {c["header"]: c["field"] for c in report["columns"]}
    assert columns["Thời gian hoàn thành"] == "completed_on" and columns["Thời hạn"] == "due"
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-06-30", "done_on_time", "2024-06-20"),
        ("Việc 2", "STC", [], "2024-09-30", "open_in_time", None),
        ("Việc 3", "STP", [], "2024-09-30", "done_on_time", "2024-06-30"),
    ]
    assert by_text(register, SHEET_DAY)["Việc 3"]["completed_on_exact"] is False


def test_a_three_row_header_splitting_the_result(register: Cli, tmp_path: Path) -> None:
    """The national reports' split: 'Kết quả thực hiện' over 'Đã hoàn thành | Chưa hoàn
    thành', each over 'Đúng hạn | Quá hạn' / 'Trong hạn | Quá hạn', an x in one of them. The
    third header row was read as a bad data row; 'Quá hạn' under 'Đã hoàn thành' was an open
    mark. An x done on time is done by the deadline, one done late by the sheet's day (the
    exact day unknown); without these words such a row needs its date, as before."""
    book = Workbook()
    sheet = book.active
    for row in [
        ["STT", "Nội dung", "Cơ quan thực hiện", None, "Thời hạn", "Kết quả thực hiện"],
        [None, None, "Chủ trì", "Phối hợp", None, "Đã hoàn thành", None, "Chưa hoàn thành"],
        [None, None, None, None, None, "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"],
        [1, "Việc 1", "SNV", "STC", "31/5/2024", "x", None, None, None],
        [2, "Việc 2", "STC", None, "31/5/2024", None, "x", None, None],
        [3, "Việc 3", "STP", None, "30/9/2024", None, None, "x", None],
        [4, "Việc 4", "SYT", None, "31/5/2024", None, None, None, "x"],
    ]:
        sheet.append(row)
    for span in ("C1:D1", "F1:I1", "F2:G2", "H2:I2", "A1:A3", "B1:B3", "E1:E3", "C2:C3", "D2:D3"):
        sheet.merge_cells(span)
    path = tmp_path / "ba-tang.xlsx"
    book.save(path)
    report = register.json("import", str(path), "--meeting", "2", "--as-of", SHEET_DAY)
    columns = {c["column"]: c["field"] for c in report["columns"]}
    assert [columns[c] for c in "CDFGHI"] == [
        "unit",
        "with",
        "done_mark",
        "done_mark",
        "open_mark",
        "open_mark",
    ]
    assert rows_of(register) == [
        ("Việc 1", "SNV", ["STC"], "2024-05-31", "done_on_time", "2024-05-31"),
        ("Việc 2", "STC", [], "2024-05-31", "done_late", SHEET_DAY),
        ("Việc 3", "STP", [], "2024-09-30", "open_in_time", None),
        ("Việc 4", "SYT", [], "2024-05-31", "overdue", None),
    ]
    exact = {d["text"]: d["completed_on_exact"] for d in register.json("list")}
    assert exact["Việc 1"] is False and exact["Việc 2"] is False


def test_undated_completions_the_sheet_says_were_on_time_or_late(
    register: Cli, tmp_path: Path
) -> None:
    """'Hoàn thành đúng hạn' / 'Hoàn thành chậm' without a date, due before the sheet's day:
    the row was refused (on time or late could not be told), though the sheet says which."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
            [1, "Việc 1", "SNV", "31/5/2024", "Hoàn thành đúng hạn"],
            [2, "Việc 2", "STC", "31/5/2024", "Hoàn thành chậm"],
            [3, "Việc 3", "STP", "31/5/2024", "Đã hoàn thành"],
        ],
    )
    message = register.fail("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    assert "1 bad row (4)" in message and "done on time or late cannot be told" in message
    fixed = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả"],
            [1, "Việc 1", "SNV", "31/5/2024", "Hoàn thành đúng hạn"],
            [2, "Việc 2", "STC", "31/5/2024", "Hoàn thành chậm"],
        ],
        name="fixed.xlsx",
    )
    register.ok("import", fixed, "--meeting", "2", "--as-of", SHEET_DAY)
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-05-31", "done_on_time", "2024-05-31"),
        ("Việc 2", "STC", [], "2024-05-31", "done_late", SHEET_DAY),
    ]


def test_an_extension_granted_told_in_the_progress_column(office: Cli, tmp_path: Path) -> None:
    """'Đã được gia hạn đến 30/9/2025' in the progress or note column is the extension the
    deadline cell would give as '30/6/2025 (gia hạn đến 30/9/2025)': it was a note only, the
    directive judged by its first deadline. A request ('Đề nghị gia hạn …') or a refusal
    ('Không đồng ý gia hạn đến …') grants nothing."""
    header = ["Mã", "Nội dung", "Cơ quan chủ trì", "Thời hạn", "Tiến độ thực hiện", "Ghi chú"]
    rows: list[list[Any]] = [
        header,
        ["K1", "Việc 1", "SNV", "31/3/2025", "Đã được gia hạn đến 30/9/2025", None],
        [
            "K2",
            "Việc 2",
            "STC",
            "31/3/2025",
            "60%",
            "UBND tỉnh đồng ý điều chỉnh thời hạn đến quý III/2025",
        ],
        ["K3", "Việc 3", "STP", "31/3/2025", "Không đồng ý gia hạn đến 30/9/2025", None],
    ]
    path = workbook(tmp_path, rows)
    office.ok("import", path, "--meeting", "1", "--as-of", "2025-04-15")
    found = by_text(office, "2025-04-15")
    assert (found["Việc 1"]["due"], found["Việc 1"]["original_due"]) == ("2025-09-30", "2025-03-31")
    assert found["Việc 1"]["status"] == "open_in_time" and found["Việc 1"]["extensions"] == 1
    assert found["Việc 2"]["due"] == "2025-09-30" and found["Việc 2"]["status"] == "open_in_time"
    assert (found["Việc 3"]["due"], found["Việc 3"]["status"]) == ("2025-03-31", "overdue")
    again = office.json("import", path, "--meeting", "1", "--as-of", "2025-04-20")
    assert again["unchanged"] == 3
    rows[1][3] = "31/3/2025 (gia hạn đến 31/10/2025)"
    message = office.fail("import", workbook(tmp_path, rows, name="hai.xlsx"), "--meeting", "1")
    assert (
        "row 2, column E (Tiến độ thực hiện): the deadline cell says it was extended to "
        "2025-10-31, this cell to 2025-09-30: keep the one approved"
    ) in message


def test_ket_qua_thuc_hien_beside_danh_gia(register: Cli, tmp_path: Path) -> None:
    """'Kết quả thực hiện' (what was done) beside 'Đánh giá' (the status): both looked like the
    result and the sheet was refused; now the first is the progress, the second the status."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện", "Đánh giá"],
            [1, "Việc 1", "SNV", "30/6/2024", "Đã ban hành kế hoạch ngày 2/5/2024", "Hoàn thành"],
            [2, "Việc 2", "STC", "30/9/2024", "Đang lấy ý kiến các sở", "Đang thực hiện"],
        ],
    )
    report = register.json("import", path, "--meeting", "2", "--as-of", SHEET_DAY)
    columns = {c["header"]: c["field"] for c in report["columns"]}
    assert (columns["Kết quả thực hiện"], columns["Đánh giá"]) == ("progress", "result")
    assert rows_of(register) == [
        ("Việc 1", "SNV", [], "2024-06-30", "done_on_time", "2024-05-02"),
        ("Việc 2", "STC", [], "2024-09-30", "open_in_time", None),
    ]
    notes = [h.get("note") for h in register.json("show", "2")["history"]]
    assert "Đang lấy ý kiến các sở" in notes


def test_a_register_of_limitations_is_refused_not_made_directives(
    register: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A register of limitations ('Nội dung hạn chế, tồn tại' by unit) came in as directives
    without a deadline, one per row: it is refused, saying how limitations are recorded, unless
    --map says the column holds directives. In a workbook, a sheet of limitations before the
    directives' sheet is passed over; remedial tasks ('Nhiệm vụ khắc phục hạn chế') are
    directives."""
    from tests.conftest import file_digest

    limits = [
        ["STT", "Nội dung hạn chế, tồn tại", "Đơn vị", "Nhóm"],
        [1, "Chậm ban hành văn bản hướng dẫn", "SNV", "Tiến độ"],
    ]
    path = workbook(tmp_path, limits)
    before = file_digest(db_path)
    message = register.fail("import", path, "--meeting", "2")
    assert message == (
        "Error: theo-doi.xlsx: column B (Nội dung hạn chế, tồn tại) holds limitations (hạn chế), "
        "which an import of an office sheet does not read: each would come in as a directive "
        "without a deadline; record them with dirtrack add-limitation MEETING --unit UNIT TEXT, "
        "or, if the column holds directives, say so with --map 'Nội dung hạn chế, tồn tại=text'"
    )
    assert file_digest(db_path) == before
    vi = register.fail("--lang", "vi", "import", path, "--meeting", "2")
    assert "cột B (Nội dung hạn chế, tồn tại) là các hạn chế" in vi
    register.ok("import", path, "--meeting", "2", "--map", "Nội dung hạn chế, tồn tại=text")
    assert [d["text"] for d in register.json("list")] == ["Chậm ban hành văn bản hướng dẫn"]
    book = Workbook()
    first = book.active
    first.title = "Hạn chế"
    for row in limits:
        first.append(row)
    second = book.create_sheet("Nhiệm vụ")
    second.append(["STT", "Nhiệm vụ khắc phục hạn chế", "Đơn vị chủ trì", "Thời hạn"])
    second.append([1, "Ban hành hướng dẫn", "SNV", "30/9/2024"])
    both = tmp_path / "hai-trang.xlsx"
    book.save(both)
    register.ok("import", str(both), "--meeting", "2")
    assert sorted(d["text"] for d in register.json("list")) == [
        "Ban hành hướng dẫn",
        "Chậm ban hành văn bản hướng dẫn",
    ]


def test_unit_names_written_by_their_initials(office: Cli, tmp_path: Path) -> None:
    """'Sở KH&ĐT', 'Sở TC', 'Sở LĐ-TB&XH', as registers write them: each was an unknown unit
    (the closest named, nothing imported). The one registered unit whose name they write by
    its initials is read, with a warning naming the cell and the alias that says so once; an
    abbreviation no one unit's name fits stays unknown."""
    office.ok("unit", "add", "SLDTBXH", "Sở Lao động - Thương binh và Xã hội")
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        [1, "Việc 1", "Sở KH&ĐT", "Sở TC; Sở LĐ-TB&XH", "30/9/2025"],
        [2, "Việc 2", "Sở TP", None, "30/9/2025"],
        [3, "Việc 3", "Sở TT&TT", None, "30/9/2025"],
    ]
    path = workbook(tmp_path, rows)
    found = dry_rows(office, path, "--meeting", "1", "--as-of", AS_OF)
    assert (found[2]["units"], found[2]["with"]) == (["SKHDT"], ["STC", "SLDTBXH"])
    assert found[2]["warnings"][0] == (
        "column C: 'Sở KH&ĐT' read as SKHDT (Sở Kế hoạch và Đầu tư), the one unit whose name "
        "it writes by its initials: check it (dirtrack unit alias SKHDT 'Sở KH&ĐT' says so "
        "once for all)"
    )
    assert found[3]["units"] == ["STP"]
    assert found[4]["action"] == "error"
    assert "unknown unit 'Sở TT&TT'" in found[4]["problems"][0]["message"]
    office.ok("unit", "alias", "SKHDT", "Sở KH&ĐT")
    found = dry_rows(office, path, "--meeting", "1", "--as-of", AS_OF)
    assert not any("'Sở KH&ĐT'" in w for w in found[2]["warnings"])
    office.ok("import", workbook(tmp_path, rows[:3], name="hai.xlsx"), "--meeting", "1")
    listed = by_text(office)
    assert (listed["Việc 1"]["unit"], sorted(listed["Việc 1"]["with"])) == (
        "SKHDT",
        ["SLDTBXH", "STC"],
    )
    assert listed["Việc 2"]["unit"] == "STP"


def test_unit_names_written_with_the_offices_initials(office: Cli, tmp_path: Path) -> None:
    """'VP Tỉnh ủy', 'BTC TU', 'CA tỉnh', 'SKHĐT' in a register's unit columns were unknown
    units (nothing imported) beside 'Văn phòng Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Công an
    tỉnh', 'Sở Kế hoạch và Đầu tư': read as those, as every command reads them."""
    office.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    office.ok("unit", "add", "BTCTU", "Ban Tổ chức Tỉnh ủy")
    office.ok("unit", "add", "CAT", "Công an tỉnh")
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        [1, "Việc 1", "VP Tỉnh ủy", "BTC TU; CA tỉnh", "30/9/2025"],
        [2, "Việc 2", "SKHĐT", "Văn phòng TU", "30/9/2025"],
        [3, "Việc 3", "Tư pháp", None, "30/9/2025"],
    ]
    office.ok("import", workbook(tmp_path, rows), "--meeting", "1")
    listed = by_text(office)
    assert (listed["Việc 1"]["unit"], sorted(listed["Việc 1"]["with"])) == (
        "VPTU",
        ["BTCTU", "CAT"],
    )
    assert (listed["Việc 2"]["unit"], listed["Việc 2"]["with"]) == ("SKHDT", ["VPTU"])
    assert listed["Việc 3"]["unit"] == "STP"


def test_a_persons_title_before_the_unit_is_left_out(office: Cli, tmp_path: Path) -> None:
    """'Giám đốc Sở Nội vụ', 'Phó Chủ tịch UBND huyện …' (the head's title written before the
    unit) were unknown units and nothing was imported. The title is left out when what follows
    is a registered unit, with a warning naming the cell; the last word of a title may begin
    the unit's name ('Trưởng ban Tổ chức', 'Chánh Văn phòng UBND tỉnh'); a title before no
    registered unit stays unknown."""
    office.ok("unit", "add", "UBNDCT", "UBND huyện Châu Thành")
    office.ok("unit", "add", "UBT", "UBND tỉnh")
    office.ok("unit", "add", "VPUBT", "Văn phòng UBND tỉnh")
    office.ok("unit", "add", "BTCTU", "Ban Tổ chức Tỉnh ủy")
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        [1, "Việc 1", "Giám đốc Sở Nội vụ", "Chánh Văn phòng UBND tỉnh", "30/9/2025"],
        [2, "Việc 2", "Phó Chủ tịch UBND huyện Châu Thành", None, "30/9/2025"],
        [3, "Việc 3", "Trưởng ban Tổ chức Tỉnh ủy", None, "30/9/2025"],
        [4, "Việc 4", "Đồng chí Giám đốc Sở Tư pháp", "GĐ Sở Y tế", "30/9/2025"],
        [5, "Việc 5", "Giám đốc Sở Xây dựng", None, "30/9/2025"],
    ]
    path = workbook(tmp_path, rows)
    found = dry_rows(office, path, "--meeting", "1", "--as-of", AS_OF)
    assert (found[2]["units"], found[2]["with"]) == (["SNV"], ["VPUBT"])
    assert found[2]["warnings"][0].startswith(
        "column C: 'Giám đốc Sở Nội vụ' read as SNV (Sở Nội vụ), the person's title written "
        "with the unit's name left out"
    )
    assert found[2]["warnings"][1].startswith("column D: 'Chánh Văn phòng UBND tỉnh' read as")
    assert [found[3]["units"], found[4]["units"]] == [["UBNDCT"], ["BTCTU"]]
    assert (found[5]["units"], found[5]["with"]) == (["STP"], ["SYT"])
    assert found[6]["action"] == "error"
    assert "unknown unit 'Giám đốc Sở Xây dựng'" in found[6]["problems"][0]["message"]
    office.ok("import", workbook(tmp_path, rows[:5], name="bon.xlsx"), "--meeting", "1")
    listed = by_text(office)
    assert (listed["Việc 1"]["unit"], listed["Việc 1"]["with"]) == ("SNV", ["VPUBT"])
    assert [listed["Việc 2"]["unit"], listed["Việc 3"]["unit"]] == ["UBNDCT", "BTCTU"]


def test_a_persons_title_in_brackets_after_the_unit_is_left_out(
    office: Cli, tmp_path: Path
) -> None:
    """'Sở Nội vụ (Giám đốc)', 'Sở Tài chính (đ/c Phó Giám đốc)' (the head's title in brackets
    after the unit) were unknown units and nothing was imported. The unit is read with the
    same warning as a title written before it, naming the cell; words in brackets that are no
    title ('(Phòng Tổ chức)') still make the unit unknown."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        [1, "Việc 1", "Sở Nội vụ (Giám đốc)", "Sở Tài chính (đ/c Phó Giám đốc)", "30/9/2025"],
        [2, "Việc 2", "Sở Tư pháp (đ/c Giám đốc)", None, "30/9/2025"],
        [3, "Việc 3", "Sở Y tế (Phòng Tổ chức)", None, "30/9/2025"],
    ]
    found = dry_rows(office, workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert (found[2]["units"], found[2]["with"]) == (["SNV"], ["STC"])
    assert found[2]["warnings"][0].startswith(
        "column C: 'Sở Nội vụ (Giám đốc)' read as SNV (Sở Nội vụ), the person's title written "
        "with the unit's name left out"
    )
    assert found[2]["warnings"][1].startswith(
        "column D: 'Sở Tài chính (đ/c Phó Giám đốc)' read as STC (Sở Tài chính)"
    )
    assert found[3]["warnings"][0].startswith("column C: 'Sở Tư pháp (đ/c Giám đốc)' read as")
    assert "unknown unit 'Sở Y tế (Phòng Tổ chức)'" in found[4]["problems"][0]["message"]
    office.ok("import", workbook(tmp_path, rows[:3], name="hai.xlsx"), "--meeting", "1")
    listed = by_text(office)
    assert (listed["Việc 1"]["unit"], listed["Việc 1"]["with"]) == ("SNV", ["STC"])
    assert listed["Việc 2"]["unit"] == "STP"


def test_a_register_kept_in_english(office: Cli, tmp_path: Path) -> None:
    """A register kept in English for a project's donor ('Lead agency', 'Supporting
    agencies') was refused: no column held the lead unit. 'Lead agency', 'Responsible
    agency', 'Supporting agencies', 'Coordinating agencies' are the unit columns."""
    rows: list[list[Any]] = [
        ["No.", "Task", "Lead agency", "Supporting agencies", "Deadline", "Status",
         "Completion date", "Remarks"],
        [1, "Staffing report", "SNV", "STC", datetime(2025, 5, 30), "Completed",
         datetime(2025, 5, 20), None],
        [2, "Budget settlement", "STC", "SNV, STP", datetime(2025, 9, 30), "In progress",
         None, "Waiting for data"],
    ]  # fmt: skip
    office.ok("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", "2025-06-30")
    listed = by_text(office, "2025-06-30")
    assert (listed["Staffing report"]["unit"], listed["Staffing report"]["with"]) == (
        "SNV",
        ["STC"],
    )
    assert listed["Staffing report"]["completed_on"] == "2025-05-20"
    assert listed["Budget settlement"]["with"] == ["SNV", "STP"]
    assert listed["Budget settlement"]["status"] == "open_in_time"
    rows[0][2:4] = ["Responsible agency", "Coordinating agencies"]
    found = dry_rows(office, workbook(tmp_path, rows, name="hai.xlsx"), "--meeting", "1")
    assert (found[2]["units"], found[2]["with"]) == (["SNV"], ["STC"])


def test_a_second_table_under_the_header_again(office: Cli, tmp_path: Path) -> None:
    """'I. Nhiệm vụ đã hoàn thành' and 'II. Nhiệm vụ chưa hoàn thành' on one sheet, each
    under the same header row: the second header was read as a directive (unknown unit 'Đơn
    vị', 'Thời hạn' no deadline) and nothing was imported. It is skipped as the header it is;
    a directive whose text merely starts like a header is still one."""
    header = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Ngày hoàn thành"]
    rows: list[list[Any]] = [
        ["I. NHIỆM VỤ ĐÃ HOÀN THÀNH"],
        header,
        [1, "Việc 1", "SNV", "31/3/2025", "15/3/2025"],
        [],
        ["II. NHIỆM VỤ CHƯA HOÀN THÀNH"],
        header,
        [1, "Việc 2", "STP", "30/9/2025", None],
        [2, "Nội dung", "SYT", "31/5/2025", None],
    ]
    found = dry_rows(office, workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    assert found[6]["action"] == "skip"
    assert [found[n]["action"] for n in (3, 7, 8)] == ["create"] * 3
    office.ok("import", workbook(tmp_path, rows), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert sorted(listed) == ["Nội dung", "Việc 1", "Việc 2"]
    assert (listed["Việc 1"]["status"], listed["Việc 2"]["unit"]) == ("done_on_time", "STP")


@pytest.mark.parametrize(
    ("header", "below"),
    [
        # a table of limitations under the directives: no deadline, another text column
        (["STT", "Nội dung hạn chế", "Đơn vị"], [1, "Chậm giải ngân vốn", "SKHDT"]),
        # the same fields in another order: read by the first table's columns, units are texts
        (
            ["STT", "Đơn vị chủ trì", "Nội dung", "Thời hạn"],
            [1, "SYT", "Báo cáo y tế", "30/9/2025"],
        ),
    ],
)
def test_another_tables_header_below_ends_the_table(
    office: Cli, tmp_path: Path, header: list[str], below: list[Any]
) -> None:
    """A second table under the directives with a header of its own: with --create-units its
    header became a directive of a new unit 'Đơn vị' and the limitations under it directives
    without a deadline; without, the clerk read 'unknown unit Đơn vị'. That header ends the
    table, and a row under it reading as a directive is a bad row naming both headers."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Việc 1", "SNV", "31/3/2025"],
        [],
        ["II. BẢNG KHÁC"],
        header,
        below,
    ]
    path = workbook(tmp_path, rows)
    found = dry_rows(office, path, "--meeting", "1", "--as-of", AS_OF, "--create-units")
    assert found[2]["action"] == "create" and 5 not in found
    assert found[6]["action"] == "error"
    said = (
        "a directive under the header of another table (row 5), whose columns are not those "
        "of the table's header (row 1): import that table from a sheet of its own, or delete "
        "the row"
    )
    assert [p["message"] for p in found[6]["problems"]] == [said]
    result = office("import", path, "--meeting", "1", "--as-of", AS_OF, "--create-units")
    assert result.exit_code == 1 and "1 bad row (6)" in result.stderr
    assert office.json("list") == []
    assert {u["code"] for u in office.json("unit", "list")} == {"SNV", "STC", "SKHDT", "STP", "SYT"}


def test_a_summary_table_by_unit_under_the_directives_is_passed_over(
    office: Cli, tmp_path: Path
) -> None:
    """'Biểu tổng hợp theo đơn vị' under the directives (Đơn vị | Tổng số nhiệm vụ | Đã hoàn
    thành…): its header and its rows of counts were read as directives ('unknown unit Tổng số
    nhiệm vụ', '0 is not a date'), nothing imported. Its header ends the table; its rows, a
    count under the unit column, are no directives."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        [1, "Việc 1", "SNV", "31/3/2025"],
        [],
        [None, "BIỂU TỔNG HỢP THEO ĐƠN VỊ"],
        ["STT", "Đơn vị", "Tổng số nhiệm vụ", "Đã hoàn thành", "Đang thực hiện"],
        [1, "Sở Nội vụ", 1, 0, 1],
        [None, "Tổng cộng", 1, 0, 1],
    ]
    path = workbook(tmp_path, rows)
    found = dry_rows(office, path, "--meeting", "1", "--as-of", AS_OF)
    assert [r["action"] for r in found.values()] == ["create", "skip"]
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert [d["text"] for d in office.json("list")] == ["Việc 1"]


def test_a_two_row_header_printed_again_down_the_sheet(office: Cli, tmp_path: Path) -> None:
    """A header of two rows ('Đơn vị' over 'Chủ trì | Phối hợp') repeated down the sheet, as
    it is printed on each page: each of its rows is the header again, passed over, not the
    header of another table nor a directive of unit 'Đơn vị'."""
    top = ["STT", "Nội dung", "Đơn vị", None, "Thời hạn", "Kết quả thực hiện", None]
    below = [None, None, "Chủ trì", "Phối hợp", None, "Đã hoàn thành", "Chưa hoàn thành"]
    rows: list[list[Any]] = [
        top,
        below,
        [1, "Việc 1", "SNV", "STC", "31/3/2025", None, "x"],
        top,
        below,
        [2, "Việc 2", "SYT", None, "30/6/2025", None, "x"],
    ]
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for span in ("C1:D1", "F1:G1", "C4:D4", "F4:G4"):
        sheet.merge_cells(span)
    path = tmp_path / "trang.xlsx"
    book.save(path)
    found = dry_rows(office, str(path), "--meeting", "1", "--as-of", AS_OF)
    assert [found[n]["action"] for n in (3, 4, 5, 6)] == ["create", "skip", "skip", "create"]
    office.ok("import", str(path), "--meeting", "1", "--as-of", AS_OF)
    listed = by_text(office)
    assert (listed["Việc 1"]["with"], listed["Việc 2"]["unit"]) == (["STC"], "SYT")


def test_two_units_joined_by_a_word_or_a_sign(office: Cli, tmp_path: Path) -> None:
    """'Sở Nội vụ và Sở Tài chính', 'Sở Nội vụ - Sở Tài chính', 'SYT/STP' in the lead unit
    cell: one unknown unit named after both, nothing imported. Each is a lead unit of its own,
    one directive each, as two units on two lines are; a name joined inside ('Sở Kế hoạch và
    Đầu tư') stays whole."""
    path = workbook(
        tmp_path,
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
            [1, "Việc 1", "Sở Nội vụ và Sở Tài chính", "30/9/2025"],
            [2, "Việc 2", "Sở Kế hoạch và Đầu tư - Sở Y tế", "30/9/2025"],
            [3, "Việc 3", "Sở Tư pháp/Sở Y tế", "30/9/2025"],
        ],
    )
    office.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    made = sorted((d["text"], d["unit"]) for d in office.json("list", "--as-of", AS_OF))
    assert made == [
        ("Việc 1", "SNV"),
        ("Việc 1", "STC"),
        ("Việc 2", "SKHDT"),
        ("Việc 2", "SYT"),
        ("Việc 3", "STP"),
        ("Việc 3", "SYT"),
    ]
