"""The report and periodic directives: the per-unit counts count the occurrences of the
period (by hand), and the section per series lists them with their status, in every format."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, prebuilt


def _occurrences_of(cli: Cli) -> dict[tuple[int, str], int]:
    """The id of every occurrence by (series, period)."""
    listed = cli.json("list", "--as-of", "2025-12-31")
    return {(d["series_id"], d["period"]): d["id"] for d in listed if d["series_id"]}


@pytest.fixture
@prebuilt
def duties(cli: Cli) -> dict[str, int]:
    """A year of duties given on 2/1/2025 (every deadline worked out by hand):

    - ``monthly``: VPTU and BTC, before the 20th (20/4 a Sunday: 21/4; 20/9 a Saturday: 22/9);
    - ``quarterly``: BTC, the NĐ 09 cut-off (14/9/2025 a Sunday: 15/9);
    - ``yearly``: VPTU, the cut-off 14/12/2025 (a Sunday: 15/12).

    VPTU: July done 18/7 (on time), August 25/8 (late), May 1/8 (late), October on the day it
    was issued, 1/10 (the report sent on 28/9 is recorded no earlier: nothing is dated on an
    occurrence before it is issued). BTC: the Q3 report done 16/9 (late); no monthly one done.
    """
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    m = cli.id("add-meeting", "--date", "2025-01-02", "--title", "Hội nghị BTV")
    common = ["assign", str(m), "--until", "2025-12-31"]
    vptu, btc = map(
        int,
        cli.ok(
            *common, "Báo cáo tháng", "--unit", "VPTU", "--unit", "BTC", "--every", "month",
            "--day", "20",
        ).split(),
    )  # fmt: skip
    quarterly = cli.id(*common, "Báo cáo quý", "--unit", "BTC", "--every", "quarter")
    yearly = cli.id(*common, "Tổng kết năm", "--unit", "VPTU", "--every", "year")
    ids = _occurrences_of(cli)
    for series, period, day in (
        (vptu, "2025-07", "18/7/2025"),
        (vptu, "2025-08", "25/8/2025"),
        (vptu, "2025-05", "1/8/2025"),
        (vptu, "2025-10", "1/10/2025"),
        (quarterly, "2025-Q3", "16/9/2025"),
    ):
        cli.ok("done", str(ids[series, period]), "--date", day)
    return {"vptu": vptu, "btc": btc, "quarterly": quarterly, "yearly": yearly}


def _counts(row: dict[str, Any]) -> tuple[int, ...]:
    keys = ("total", "done_on_time", "done_late", "open_in_time", "overdue")
    return tuple(row[k] for k in keys)


def _occurrences(row: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(o["period"], o["due"], o["status"], o["days_late"]) for o in row["occurrences"]]


def _counts_are_of_the_listed(report: dict[str, Any]) -> None:
    """Each series' counts (the database's count, as the per-unit rows are counted) are those
    of the occurrences it lists, status by status, and the totals their sums."""
    statuses = ("done_on_time", "done_late", "open_in_time", "overdue", "cancelled", "withdrawn")
    for row in report["series"]:
        listed = Counter(o["status"] for o in row["occurrences"])
        assert {k: row[k] for k in statuses} == {k: listed[k] for k in statuses}, row["id"]
        undated = [o for o in row["occurrences"] if o["due"] is None]
        assert row["no_deadline"] == len(undated)
    for key in (*statuses, "total", "no_deadline", "extended", "carried"):
        assert report["series_totals"][key] == sum(r[key] for r in report["series"]), key


def test_the_quarter_counts_the_occurrences_of_its_period(cli: Cli, duties: dict[str, int]) -> None:
    report = cli.json("report", "--quarter", "2025Q3")
    _counts_are_of_the_listed(report)
    units = {u["code"]: _counts(u) for u in report["units"]}
    # (total, on time, late, in time, overdue), by hand, T = 30/9:
    # VPTU: Jul on time; Aug late; Sep overdue (22/9); May late (done 1/8, in Q3); Jan-Apr, Jun
    #   overdue; the year's in time; October's (done 1/10) is for Q4, not counted here.
    # BTC: Jul-Sep and Jan-Jun monthly overdue; Q3 late (16/9 > 15/9); Q1, Q2 overdue.
    assert units == {"VPTU": (10, 1, 2, 1, 6), "BTC": (12, 0, 1, 0, 11)}
    series = {s["id"]: s for s in report["series"]}
    assert [s["id"] for s in report["series"]] == [
        duties["btc"],
        duties["quarterly"],
        duties["vptu"],
        duties["yearly"],
    ]  # by unit code, then id
    assert _occurrences(series[duties["vptu"]]) == [
        ("2025-07", "2025-07-21", "done_on_time", None),
        ("2025-08", "2025-08-20", "done_late", 5),
        ("2025-09", "2025-09-22", "overdue", 8),
    ]
    assert _counts(series[duties["vptu"]]) == (3, 1, 1, 0, 1)
    assert series[duties["vptu"]]["carried"] == 6  # Jan-Jun: counted in VPTU's row too
    assert series[duties["vptu"]]["on_time_rate"] == {"num": 1, "den": 2, "pct": 50.0}
    assert _occurrences(series[duties["quarterly"]]) == [("2025-Q3", "2025-09-15", "done_late", 1)]
    assert series[duties["quarterly"]]["carried"] == 2
    assert _occurrences(series[duties["yearly"]]) == [("2025", "2025-12-15", "open_in_time", None)]
    assert _counts(series[duties["btc"]]) == (3, 0, 0, 0, 3)
    assert _counts(report["series_totals"]) == (8, 1, 2, 1, 4)
    assert report["series_totals"]["carried"] == 14
    # Every occurrence counted in a unit's row is listed or carried, and no other.
    for code in ("VPTU", "BTC"):
        mine = [s for s in report["series"] if s["unit"] == code]
        assert sum(s["total"] + s["carried"] for s in mine) == units[code][0]

    # Q4 as of 31/10: October's, done on 1/10, counts in Q4 (on time); November's is
    # not given yet. VPTU: Oct on time, the year's in time, Jan-Apr, Jun, Sep overdue.
    q4 = cli.json("report", "--quarter", "2025Q4", "--as-of", "2025-10-31")
    assert {u["code"]: _counts(u) for u in q4["units"]}["VPTU"] == (8, 1, 0, 1, 6)
    _counts_are_of_the_listed(q4)
    later = {s["id"]: s for s in q4["series"]}
    assert _occurrences(later[duties["vptu"]]) == [("2025-10", "2025-10-20", "done_on_time", None)]
    assert later[duties["vptu"]]["carried"] == 6

    # An earlier T: September's is not given by 31/8; August's was done 25/8, late.
    early = cli.json("report", "--quarter", "2025Q3", "--as-of", "2025-08-31", "--unit", "VPTU")
    _counts_are_of_the_listed(early)
    assert [s["unit"] for s in early["series"]] == ["VPTU", "VPTU"]
    assert _occurrences(early["series"][0]) == [
        ("2025-07", "2025-07-21", "done_on_time", None),
        ("2025-08", "2025-08-20", "done_late", 5),
    ]


@pytest.mark.parametrize("period", ["--quarter 2026Q2", "--period 2026", "--period 2027H1"])
def test_an_occurrence_open_for_over_a_year_is_still_carried(
    cli: Cli, duties: dict[str, int], period: str
) -> None:
    """The section read the occurrences issued up to a year before the period began: one left
    open longer (BTC's monthly reports of 2025, never sent) was counted in the unit's table but
    in no series' ``carried``, so a review a year or more on no longer added up (BTC's total 16,
    its series 12). Every one still open is carried, however old."""
    as_of = "2027-06-30" if "2027" in period else "2026-06-30"
    report = cli.json("report", *period.split(), "--as-of", as_of)
    units = {u["code"]: u["total"] for u in report["units"]}
    series = {s["id"]: s for s in report["series"]}
    assert series[duties["btc"]]["carried"] == 12  # January to December 2025, all open
    assert series[duties["quarterly"]]["carried"] == 3  # Q1, Q2, Q4 (Q3 done)
    assert series[duties["vptu"]]["carried"] == 8  # all but May, July, August, October
    assert series[duties["yearly"]]["carried"] == 1
    for code in ("VPTU", "BTC"):
        mine = [s for s in report["series"] if s["unit"] == code]
        assert sum(s["total"] + s["carried"] for s in mine) == units[code], code
    assert report["series_totals"]["carried"] == 24 == report["totals"]["total"]


def test_an_occurrence_given_to_another_unit_counts_under_it(
    cli: Cli, duties: dict[str, int]
) -> None:
    """An occurrence whose lead unit a clerk changed (`edit directive --unit`) is counted in
    the section per series under that unit, as the per-unit table and `list` count it: each
    unit's series add up within its total, on any T, with or without ``--unit``."""
    ids = _occurrences_of(cli)
    moved, carried = ids[duties["vptu"], "2025-08"], ids[duties["vptu"], "2025-02"]
    for occurrence in (moved, carried):
        cli.ok("edit", "directive", str(occurrence), "--unit", "BTC", "--allow-duplicate")
    for as_of in ("2025-08-31", "2025-09-30"):
        report = cli.json("report", "--quarter", "2025Q3", "--as-of", as_of)
        _counts_are_of_the_listed(report)
        units = {u["code"]: u["total"] for u in report["units"]}
        for code in ("VPTU", "BTC"):
            mine = [s for s in report["series"] if s["unit"] == code]
            assert sum(s["total"] + s["carried"] for s in mine) == units[code], (as_of, code)
            listed = cli.json("list", "--unit", code, "--as-of", as_of)
            of_quarter = [
                d["id"]
                for d in listed
                if d["period"] in ("2025-07", "2025-08", "2025-09", "2025-Q3", "2025")
            ]
            assert sorted(o["id"] for s in mine for o in s["occurrences"]) == sorted(of_quarter)
        rows = [(s["id"], s["unit"]) for s in report["series"] if s["id"] == duties["vptu"]]
        assert rows == [(duties["vptu"], "BTC"), (duties["vptu"], "VPTU")]
        btc_row = next(s for s in report["series"] if s["unit"] == "BTC" and s["id"] == rows[0][0])
        assert [o["id"] for o in btc_row["occurrences"]] == [moved]
        assert btc_row["carried"] == 1  # February's, still open
    # The summary names the series once.
    assert "(4 series)" in cli.ok("report", "--quarter", "2025Q3")
    # With --unit, the row is the unit's own.
    only = cli.json("report", "--quarter", "2025Q3", "--unit", "BTC")
    assert {s["unit"] for s in only["series"]} == {"BTC"}
    assert sum(s["total"] + s["carried"] for s in only["series"]) == only["totals"]["total"]


def test_rollup_rolls_the_series_rows_as_the_unit_rows(cli: Cli) -> None:
    """With --rollup the per-unit table counts BTG and BDV under their parent TU; the section
    per series did not: its rows stayed under BTG and BDV. A series' occurrences held by units
    rolled into one are now one row of that unit, listed together by day given, and each
    rolled unit's series add up within its row."""
    cli.ok("unit", "add", "TU", "Tỉnh ủy")
    cli.ok("unit", "add", "BTG", "Ban Tuyên giáo", "--parent", "TU")
    cli.ok("unit", "add", "BDV", "Ban Dân vận", "--parent", "TU")
    cli.ok("unit", "add", "VPTU", "Văn phòng")
    m = cli.id("add-meeting", "--date", "2025-01-02", "--title", "Hội nghị")
    common = ["assign", str(m), "--until", "2025-12-31", "--every", "month", "--day", "20"]
    monthly = cli.id(*common, "Báo cáo tháng", "--unit", "BTG")
    own = cli.id(*common, "Báo cáo riêng", "--unit", "VPTU")
    ids = _occurrences_of(cli)
    august = ids[monthly, "2025-08"]
    cli.ok("edit", "directive", str(august), "--unit", "BDV", "--allow-duplicate")
    cli.ok("done", str(ids[monthly, "2025-07"]), "--date", "18/7/2025")

    plain = cli.json("report", "--quarter", "2025Q3")
    assert sorted((s["id"], s["unit"]) for s in plain["series"] if s["id"] == monthly) == [
        (monthly, "BDV"),
        (monthly, "BTG"),
    ]
    rolled = cli.json("report", "--quarter", "2025Q3", "--rollup")
    _counts_are_of_the_listed(rolled)
    assert [(s["id"], s["unit"], s["name"]) for s in rolled["series"]] == [
        (monthly, "TU", "Tỉnh ủy"),
        (own, "VPTU", "Văn phòng"),
    ]
    row = rolled["series"][0]
    assert [o["period"] for o in row["occurrences"]] == ["2025-07", "2025-08", "2025-09"]
    assert _counts(row) == (3, 1, 0, 0, 2)
    assert row["carried"] == 6  # January to June, open on 1/7
    units = {u["code"]: u["total"] for u in rolled["units"]}
    for code in ("TU", "VPTU"):
        mine = [s for s in rolled["series"] if s["unit"] == code]
        assert sum(s["total"] + s["carried"] for s in mine) == units[code], code
    assert _counts(rolled["series_totals"]) == _counts(
        {k: sum(s[k] for s in plain["series"]) for k in _KEYS}
    )


_KEYS = ("total", "done_on_time", "done_late", "open_in_time", "overdue")


def _series_add_up(cli: Cli, report: dict[str, Any], as_of: str, codes: list[str]) -> None:
    """Each unit's series add up within its total, and list what ``list --unit --as-of``
    lists of the quarter's periods for that unit; with ``--unit``, the unit's own rows."""
    _counts_are_of_the_listed(report)
    units = {u["code"]: u["total"] for u in report["units"]}
    quarter = ("2025-07", "2025-08", "2025-09", "2025-Q3", "2025")
    for code in codes:
        mine = [s for s in report["series"] if s["unit"] == code]
        assert sum(s["total"] + s["carried"] for s in mine) == units.get(code, 0), (as_of, code)
        listed = cli.json("list", "--status", "all", "--unit", code, "--as-of", as_of)
        periodic = [d for d in listed if d["series_id"]]
        assert sorted(o["id"] for s in mine for o in s["occurrences"]) == sorted(
            d["id"] for d in periodic if d["period"] in quarter
        ), (as_of, code)
        only = cli.json("report", "--quarter", "2025Q3", "--as-of", as_of, "--unit", code)
        assert [(s["id"], s["unit"]) for s in only["series"]] == [
            (s["id"], s["unit"]) for s in mine
        ], (as_of, code)
        assert sum(s["total"] + s["carried"] for s in only["series"]) == units.get(code, 0)


def test_an_occurrence_closed_by_a_retired_unit_counts_under_it(
    cli: Cli, duties: dict[str, int]
) -> None:
    """VPTU retires on 1/9/2025 to VPTU2: its series and the occurrences still open that day
    (January to April, June, September made ahead, the year's) are VPTU2's from then, while
    those it closed before (May, July, August) stay VPTU's. The section per series has a row of
    the monthly series under each, adding up with the per-unit table and ``list --as-of``; as
    of a day before the retirement every row is VPTU's; one occurrence given to BTC with
    ``edit directive --unit`` (closed before the retirement, so not handed over) is BTC's on
    any day."""
    ids = _occurrences_of(cli)
    monthly, yearly = duties["vptu"], duties["yearly"]
    cli.ok("edit", "directive", str(ids[monthly, "2025-07"]), "--unit", "BTC", "--allow-duplicate")
    cli.ok("unit", "add", "VPTU2", "Văn phòng Tỉnh ủy (mới)")
    cli.ok("unit", "retire", "VPTU", "--successor", "VPTU2", "--date", "2025-09-01")
    codes = ["BTC", "VPTU", "VPTU2"]
    after = cli.json("report", "--quarter", "2025Q3", "--as-of", "2025-09-30")
    _series_add_up(cli, after, "2025-09-30", codes)
    rows = {(s["id"], s["unit"]): s for s in after["series"] if s["id"] in (monthly, yearly)}
    assert sorted(rows) == sorted(
        [(monthly, "BTC"), (monthly, "VPTU"), (monthly, "VPTU2"), (yearly, "VPTU2")]
    )
    periods = {key: [o["period"] for o in row["occurrences"]] for key, row in rows.items()}
    assert periods[monthly, "VPTU"] == ["2025-08"]  # done 25/8, before it retired
    assert rows[monthly, "VPTU"]["carried"] == 1  # May's, done 1/8: in the quarter
    assert periods[monthly, "BTC"] == ["2025-07"]
    assert periods[monthly, "VPTU2"] == ["2025-09"]
    assert rows[monthly, "VPTU2"]["carried"] == 5  # January to April, June: still open
    assert periods[yearly, "VPTU2"] == ["2025"]
    # series show names the holder on T as the section does
    assert cli.json("series", "show", str(monthly), "--as-of", "2025-09-30")["unit"] == "VPTU2"
    before = cli.json("report", "--quarter", "2025Q3", "--as-of", "2025-08-31")
    _series_add_up(cli, before, "2025-08-31", codes)
    assert {(s["id"], s["unit"]) for s in before["series"] if s["id"] in (monthly, yearly)} == {
        (monthly, "BTC"),
        (monthly, "VPTU"),
        (yearly, "VPTU"),
    }
    assert cli.json("series", "show", str(monthly), "--as-of", "2025-08-31")["unit"] == "VPTU"


def test_every_format_shows_the_section(cli: Cli, duties: dict[str, int], tmp_path: Path) -> None:
    august = _occurrences_of(cli)[duties["vptu"], "2025-08"]
    vi = ["--lang", "vi", "report", "--quarter", "2025Q3"]
    table = cli.ok(*vi)
    assert "Nhiệm vụ định kỳ" in table and "Hoàn thành quá hạn" in table
    md = cli.ok(*vi, "--format", "md")
    assert "### Nhiệm vụ định kỳ" in md
    assert f"| {august} | VPTU | Báo cáo tháng | 2025-08 | 20/08/2025 | Hoàn thành quá hạn |" in md
    # Word lays out the same tables as Excel (render/report_doc.py); Excel is the cheaper check.
    xlsx = tmp_path / "r.xlsx"
    cli.ok(*vi, "--format", "xlsx", "--out", str(xlsx), "--by", "series")
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    assert {"Định kỳ", "Các kỳ"} <= set(book.sheetnames)
    sheet = [r for r in book["Các kỳ"].iter_rows(values_only=True) if r[0] == august]
    book.close()  # a read-only workbook holds its file open until closed
    assert sheet and "Hoàn thành quá hạn" in sheet[0]
    en = ["--lang", "en", "report", "--quarter", "2025Q3"]
    html = cli.ok(*en, "--format", "html")
    assert "Periodic directives (4 series)" in html and "Occurrences of periodic directives" in html
    listed = cli.ok("report", "--quarter", "2025Q3", "--format", "csv", "--by", "series")
    rows = list(csv.DictReader(io.StringIO(listed)))
    assert [(r["id"], r["unit"], r["total"], r["done_late"], r["carried"]) for r in rows] == [
        (str(duties["btc"]), "BTC", "3", "0", "6"),
        (str(duties["quarterly"]), "BTC", "1", "1", "2"),
        (str(duties["vptu"]), "VPTU", "3", "1", "6"),
        (str(duties["yearly"]), "VPTU", "1", "0", "0"),
        ("TOTAL", "", "8", "2", "14"),
    ]
    # Before any periodic directive: no section, and nothing said of them.
    plain = cli.json("report", "--quarter", "2024Q4")
    assert plain["series"] == [] and "Periodic" not in cli.ok("report", "--quarter", "2024Q4")
