"""Office sheets whose finished rows say only "Đã hoàn thành": the sheet's own date (or
``--as-of``) bounds the completion, and decides the status when the deadline is that day or
later; the rest are listed with what to add."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli, prebuilt, snapshot

HEAD = "BẢNG THEO DÕI KẾT LUẬN\n{dated}Nội dung,Đơn vị chủ trì,Thời hạn,Kết quả\n"
ROWS = {
    "due_on_the_day": "Việc đến hạn đúng ngày cập nhật,VPTU,30/6/2023,Đã hoàn thành",
    "due_later": "Việc có hạn cuối năm,VPTU,31/12/2023,Đã hoàn thành",
    "no_deadline": "Việc không có thời hạn,VPTU,,Đã hoàn thành",
    "dated": "Việc có ngày hoàn thành,VPTU,31/3/2023,Đã hoàn thành ngày 20/3/2023",
    "open": "Việc đang làm,VPTU,31/12/2023,Đang thực hiện",
    "due_before": "Việc hạn quý I,VPTU,31/3/2023,Đã hoàn thành",
    "due_before_too": "Việc hạn tháng 4,VPTU,30/4/2023,Đã hoàn thành",
}


@pytest.fixture
@prebuilt
def office(cli: Cli) -> Cli:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/1/2023", "--title", "Giao ban đầu năm")
    return cli


def sheet(tmp_path: Path, names: list[str], dated: bool = True) -> str:
    path = tmp_path / "theo-doi.csv"
    head = HEAD.format(dated="Cập nhật đến ngày 30/6/2023\n" if dated else "")
    path.write_text(head + "".join(ROWS[n] + "\n" for n in names), encoding="utf-8")
    return str(path)


DECIDED = ["due_on_the_day", "due_later", "no_deadline", "dated", "open"]


def test_the_sheet_date_decides_rows_marked_done_without_a_date(
    office: Cli, tmp_path: Path
) -> None:
    office.ok("import", sheet(tmp_path, DECIDED), "--meeting", "1")
    found = {d["text"]: d for d in office.json("list", "--as-of", "2023-06-30")}
    for name in ("due_on_the_day", "due_later", "no_deadline"):
        item = found[ROWS[name].split(",")[0]]
        assert item["status"] == "done_on_time", name
        assert item["completed_on"] == "2023-06-30" and item["completed_on_exact"] is False
    dated = found[ROWS["dated"].split(",")[0]]
    assert (dated["completed_on"], dated["completed_on_exact"]) == ("2023-03-20", True)
    assert found[ROWS["open"].split(",")[0]]["completed_on_exact"] is None
    # Before the sheet's day nobody knows it was done yet: still open then.
    earlier = {d["id"]: d["status"] for d in office.json("list", "--as-of", "2023-05-31")}
    assert earlier[1] == "open_in_time" and earlier[4] == "done_on_time"
    # The report counts them: three done on time in Q2 (the dated one was done in Q1).
    totals = office.json("report", "--quarter", "2023Q2")["totals"]
    assert (totals["done_on_time"], totals["done_late"], totals["open_in_time"]) == (3, 0, 1)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_list_and_show_say_the_completion_date_is_unknown(
    office: Cli, tmp_path: Path, lang: str
) -> None:
    office.ok("import", sheet(tmp_path, DECIDED), "--meeting", "1")
    unknown = {"vi": "chưa rõ ngày", "en": "exact day unknown"}[lang]
    listing = office.ok("--lang", lang, "list", "--as-of", "2023-06-30").splitlines()
    marked = [line for line in listing if unknown in line]
    assert len(marked) == 3 and all(("30/06/2023" in m or "2023-06-30" in m) for m in marked)
    assert unknown in office.ok("--lang", lang, "show", "1")
    assert unknown not in office.ok("--lang", lang, "show", "4")


def test_rows_the_dates_cannot_decide_are_listed_with_what_to_add(
    office: Cli, tmp_path: Path
) -> None:
    path = sheet(tmp_path, [*DECIDED, "due_before", "due_before_too"])
    error = office.fail("import", path, "--meeting", "1")
    assert "row 9" in error and "row 10" in error
    assert error.count("on time or late cannot be told") == 2
    assert "--done-date" in error and "Ngày hoàn thành" in error
    assert office.json("list") == []  # nothing written
    # --done-date still settles them (and every undated row), with an exact day.
    office.ok("import", path, "--meeting", "1", "--done-date", "2023-03-25")
    found = {d["text"]: d for d in office.json("list", "--as-of", "2023-06-30")}
    item = found[ROWS["due_before"].split(",")[0]]
    assert (item["status"], item["completed_on"], item["completed_on_exact"]) == (
        "done_on_time",
        "2023-03-25",
        True,
    )


def test_as_of_gives_the_date_a_sheet_does_not(office: Cli, tmp_path: Path) -> None:
    path = sheet(tmp_path, ["due_later"], dated=False)
    error = office.fail("import", path, "--meeting", "1")
    assert "Cập nhật đến ngày" in error and "--as-of" in error
    office.ok("import", path, "--meeting", "1", "--as-of", "2023-07-15")
    (item,) = office.json("list", "--as-of", "2023-12-31")
    assert (item["status"], item["completed_on"], item["completed_on_exact"]) == (
        "done_on_time",
        "2023-07-15",
        False,
    )


def test_a_sheet_up_to_a_day_before_the_meeting_is_refused(office: Cli, tmp_path: Path) -> None:
    """A sheet up to a day before the meeting cannot tell of the directives it gave: its rows
    (with progress or without) are refused, naming the day and the meeting's, nothing written."""
    path = sheet(tmp_path, ["open"], dated=False)
    before = office.json("list")
    for lang, said in {
        "en": "the sheet is up to 2023-01-01 (--as-of, or its date line), before the meeting "
        "(2023-01-06)",
        "vi": "số liệu của bảng tính đến ngày 01/01/2023 (--as-of, hoặc dòng ngày của bảng), "
        "trước ngày họp (06/01/2023)",
    }.items():
        error = office.fail("--lang", lang, "import", path, "--meeting", "1", "--as-of", "1/1/2023")
        assert said in error, error
    assert office.json("list") == before == []
    office.ok("import", path, "--meeting", "1", "--as-of", "6/1/2023")
    assert [d["text"] for d in office.json("list")] == ["Việc đang làm"]


def test_a_json_export_keeps_the_unknown_day(office: Cli, tmp_path: Path, cli: Cli) -> None:
    office.ok("import", sheet(tmp_path, ["due_later"]), "--meeting", "1")
    out = tmp_path / "all.json"
    office.ok("export", "--out", str(out))
    other = Cli(db=str(tmp_path / "other.db"), runner=office.runner)
    other.ok("import", str(out))
    (item,) = other.json("list", "--as-of", "2023-12-31")
    assert (item["completed_on"], item["completed_on_exact"]) == ("2023-06-30", False)


LATE = {
    "late_days": ("Việc trễ năm ngày,VPTU,31/3/2023,Hoàn thành (quá hạn 5 ngày)", "2023-04-05"),
    # working days on the office's calendar: 3, 5 and 6 April (4 April is its day off)
    "late_working": (
        'Việc chậm ba ngày làm việc,VPTU,31/3/2023,"Đã hoàn thành, chậm 3 ngày làm việc"',
        "2023-04-06",
    ),
    "late_en": ("Việc báo cáo tiếng Anh,VPTU,31/3/2023,done 2 days late", "2023-04-02"),
    # counted from the deadline in force: the extension the cell gives
    "late_extended": (
        "Việc được gia hạn,VPTU,31/3/2023 (gia hạn đến 30/4/2023),Hoàn thành quá hạn 10 ngày",
        "2023-05-10",
    ),
}


def test_done_so_many_days_late_is_done_on_the_deadline_plus_those_days(
    office: Cli, tmp_path: Path
) -> None:
    """'Hoàn thành (quá hạn 5 ngày)' with no completion date was refused (or, with the sheet's
    date, recorded as done by that day, the exact day unknown): the row says the day, counted
    from its deadline in calendar days, or in the office's working days where it says 'ngày
    làm việc'. The summary says how many rows had their day counted so."""
    office.ok("calendar", "add", "4/4/2023", "--off", "--note", "Nghỉ bù")
    path = tmp_path / "tre-han.csv"
    rows = "".join(row + "\n" for row, _ in LATE.values())
    path.write_text(HEAD.format(dated="Cập nhật đến ngày 30/6/2023\n") + rows, encoding="utf-8")
    planned = office.json("import", str(path), "--meeting", "1", "--dry-run")
    assert planned["completion_derived"] == [4, 5, 6, 7]
    assert [r["completed_on"] for r in planned["rows"]] == [day for _, day in LATE.values()]
    result = office("import", str(path), "--meeting", "1")
    assert result.exit_code == 0, result.stderr
    assert (
        "Warning: 4 rows said done some days late without their completion date: each done on "
        "its deadline plus those days (working days where it says 'ngày làm việc'): rows 4-7"
    ) in result.stderr
    found = {d["text"]: d for d in office.json("list", "--as-of", "2023-06-30")}
    for row, day in LATE.values():
        item = found[row.split(",")[0]]
        assert (item["status"], item["completed_on"], item["completed_on_exact"]) == (
            "done_late",
            day,
            True,
        ), row
    said = office("--lang", "vi", "import", str(path), "--meeting", "1", "--dry-run").stdout
    assert "không có ngày hoàn thành" not in said  # the rows are read, not refused for a day


def test_done_so_many_days_late_without_a_deadline_is_refused_naming_the_row(
    office: Cli, tmp_path: Path, db: str
) -> None:
    path = tmp_path / "tre-han.csv"
    rows = [LATE["late_days"][0], "Việc không hạn,VPTU,,Hoàn thành (quá hạn 5 ngày)"]
    path.write_text(HEAD.format(dated="") + "\n".join(rows) + "\n", encoding="utf-8")
    before = snapshot(db)
    error = office.fail("import", str(path), "--meeting", "1")
    assert error == (
        "Error: tre-han.csv: 1 bad row (4); nothing was imported. row 4, column D (Kết quả): "
        "'Hoàn thành (quá hạn 5 ngày)' says done 5 days late, but the row gives no deadline to "
        "count them from: add its deadline or its completion date. Run with --dry-run to see "
        "every row"
    )
    planned = office("import", str(path), "--meeting", "1", "--dry-run", "--format", "json")
    (problem,) = json.loads(planned.stdout)["problems"]
    assert (problem["row"], problem["column"]) == (4, "D")
    assert problem["message"] == (
        "'Hoàn thành (quá hạn 5 ngày)' says done 5 days late, but the row gives no deadline to "
        "count them from: add its deadline or its completion date"
    )
    vi = office("--lang", "vi", "import", str(path), "--meeting", "1", "--dry-run").stdout
    assert "không có thời hạn để tính" in " ".join(vi.split())
    assert snapshot(db) == before


def test_a_completion_day_beside_days_late_is_recorded_and_a_disagreement_said(
    office: Cli, tmp_path: Path
) -> None:
    """The day a row gives wins over the days late it says; when they disagree a warning names
    both, as one says the dates disagree with 'quá hạn'."""
    path = tmp_path / "tre-han.csv"
    rows = [
        "Việc đúng số ngày,VPTU,31/3/2023,Hoàn thành ngày 5/4/2023 (quá hạn 5 ngày)",
        "Việc sai số ngày,VPTU,31/3/2023,Hoàn thành ngày 10/4/2023 (quá hạn 5 ngày)",
    ]
    path.write_text(HEAD.format(dated="") + "\n".join(rows) + "\n", encoding="utf-8")
    planned = office.json("import", str(path), "--meeting", "1", "--dry-run")
    assert "completion_derived" not in planned
    assert [r["completed_on"] for r in planned["rows"]] == ["2023-04-05", "2023-04-10"]
    assert [r["warnings"] for r in planned["rows"]] == [
        [],
        [
            "'Hoàn thành ngày 10/4/2023 (quá hạn 5 ngày)' says done 5 days late, but completed "
            "on 2023-04-10 after a deadline of 2023-03-31: the completion day is recorded"
        ],
    ]


def test_a_units_pack_says_the_completion_day_is_unknown(office: Cli, tmp_path: Path) -> None:
    # The pack's column of the latest progress said "Hoàn thành ngày 30/06/2023" for a
    # completion known only to be by that day.
    from openpyxl import load_workbook

    office.ok("import", sheet(tmp_path, DECIDED), "--meeting", "1")
    folder = tmp_path / "packs"
    office.ok("pack", "out", "--quarter", "2023Q2", "--as-of", "2023-06-30", "--dir", str(folder))
    book = load_workbook(folder / "VPTU.xlsx", read_only=True)
    cells = [
        str(v) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for v in r if v
    ]
    book.close()
    said = [c for c in cells if c.startswith("Hoàn thành") and "ngày" in c]
    assert said and all(
        c == "Hoàn thành trước hoặc trong ngày 30/06/2023, chưa rõ ngày cụ thể" for c in said
    ), said
