"""Office sheets, round 3: a deadline "trước ngày …" on the office's own calendar, cells naming
several coordinating units, a unit's request for a new deadline written in the sheet, and
layouts of registers not covered before (each built here with openpyxl, imported through the
CLI and checked row by row in ``list --format json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.conftest import Cli

AS_OF = "2025-03-20"


@pytest.fixture
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


def workbook(tmp_path: Path, rows: list[list[Any]], name: str = "theo-doi.xlsx") -> str:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return str(path)


def by_text(cli: Cli, as_of: str = AS_OF) -> dict[str, dict[str, Any]]:
    return {d["text"]: d for d in cli.json("list", "--as-of", as_of)}


def dry_rows(cli: Cli, *args: str) -> dict[int, dict[str, Any]]:
    result = cli("import", *args, "--dry-run", "--format", "json")
    return {r["row"]: r for r in json.loads(result.stdout)["rows"]}


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
        "lam-bu.xlsx",
    )
    other.ok("import", path, "--meeting", "1", "--as-of", AS_OF)
    assert by_text(other)["Việc mới"]["due"] == "2025-03-15"


# --- several coordinating units in one cell ----------------------------------------------------


def test_a_coordinating_cell_naming_several_bodies(office: Cli, tmp_path: Path) -> None:
    """'Sở Tài chính, Sở Kế hoạch và Đầu tư; UBND các huyện' is several coordinating units: each
    is matched as any unit name (case, accents, tone placement), a cell typed in lower case
    too ('sở tài chính, sở kế hoạch và đầu tư' was one unknown unit, made one unit of that whole
    name by --create-units); a group of bodies ('UBND các huyện') is refused as in the lead unit
    column, even with --create-units, unless a unit of that name is registered; unknown single
    bodies are listed, and made by --create-units, one unit each."""
    rows: list[list[Any]] = [
        ["STT", "Nội dung kết luận", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
        [1, "Việc A", "SNV", "Sở Tài chính, Sở Kế hoạch và Đầu tư; UBND các huyện", "30/6/2025"],
        [2, "Việc B", "SNV", "sở tài chính, sở kế hoạch và đầu tư", "30/6/2025"],
        [3, "Việc C", "STP", "SO TAI CHINH\nSở Y tế", "30/6/2025"],
        [4, "Việc D", "SYT", "Sở Xây dựng, sở Công Thương", "30/6/2025"],
        [5, "Việc E", "STC", "Sở Nội vụ, các sở, ngành liên quan", "30/6/2025"],
    ]
    path = workbook(tmp_path, rows)
    message = office.fail("import", path, "--meeting", "1", "--create-units")
    assert "2 bad rows (2, 6)" in message
    assert (
        "row 2, column D (Cơ quan phối hợp): 'UBND các huyện' names several bodies, not one "
        "coordinating unit: name each of them (separated by commas or ';'), or leave the phrase "
        "out; or register a unit of that very name (dirtrack unit add)"
    ) in message
    vi = office.fail("--lang", "vi", "import", path, "--meeting", "1", "--create-units")
    assert "dòng 2, cột D (Cơ quan phối hợp): 'UBND các huyện' là nhiều cơ quan" in vi
    assert office.json("list") == []
    found = dry_rows(office, path, "--meeting", "1")
    assert found[3]["with"] == ["STC", "SKHDT"]
    assert found[4]["with"] == ["STC", "SYT"]
    unknown = [p["message"].split(";")[0] for p in found[5]["problems"]]
    assert unknown == ["unknown unit 'Sở Xây dựng'", "unknown unit 'sở Công Thương'"]
    # A unit of the group's name is registered: it is that unit.
    office.ok("unit", "add", "UBNDH", "UBND các huyện")
    office.ok("unit", "add", "SBN", "Các sở, ngành liên quan")
    office.ok("import", path, "--meeting", "1", "--create-units", "--as-of", AS_OF)
    got = {d["text"]: sorted(d["with"]) for d in office.json("list")}
    assert got["Việc A"] == ["SKHDT", "STC", "UBNDH"]
    assert got["Việc B"] == ["SKHDT", "STC"]
    assert got["Việc C"] == ["STC", "SYT"]
    assert got["Việc E"] == ["SBN", "SNV"]
    assert len(got["Việc D"]) == 2
    names = {u["code"]: u["name"] for u in office.json("unit", "list")}
    assert {names[c] for c in got["Việc D"]} == {"Sở Xây dựng", "sở Công Thương"}


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
        "bad.xlsx",
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
