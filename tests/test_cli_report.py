"""The report on a register whose figures were worked out by hand (see each directive's note)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.conftest import Cli, prebuilt


@pytest.fixture
@prebuilt
def register(units: Cli) -> dict[str, Any]:
    c = units
    m1 = c.id("add-meeting", "--date", "2022-01-10", "--title", "Giao ban quý I")
    m2 = c.id(
        "add-meeting", "--date", "2022-05-06", "--title", "Làm việc quý II", "--attendee", "VPTU"
    )
    m3 = c.id("add-meeting", "--date", "2022-07-05", "--title", "Giao ban quý III")

    def assign(meeting: int, unit: str, text: str, due: str | None = None) -> int:
        args = ["assign", str(meeting), "--unit", unit, text]
        if due:
            args += ["--due", due]
        return c.id(*args)

    ids = {}
    ids["d1"] = assign(m1, "VPTU", "done before the period: out of scope", "2022-03-31")
    c.ok("done", str(ids["d1"]), "--date", "2022-03-20")
    ids["d2"] = assign(m1, "VPTU", "done on the deadline day: on time", "2022-04-30")
    c.ok("done", str(ids["d2"]), "--date", "2022-04-30")
    ids["d3"] = assign(m1, "VPTU", "done two days late", "2022-04-30")
    c.ok("done", str(ids["d3"]), "--date", "2022-05-02")
    ids["d4"] = assign(m2, "VPTU", "due on T itself: in time", "2022-06-30")
    ids["d5"] = assign(m2, "VPTU", "due the day before T: overdue 1 day", "2022-06-29")
    ids["d6"] = assign(m2, "VPTU", "no deadline: in time")
    ids["d7"] = assign(m2, "BTC", "extended before its deadline: in time", "2022-05-31")
    c.ok("extend", str(ids["d7"]), "--to", "2022-07-31", "--date", "2022-05-20")
    ids["d8"] = assign(m2, "BTC", "extended after its deadline, still overdue", "2022-05-31")
    c.ok("extend", str(ids["d8"]), "--to", "2022-06-20", "--date", "2022-06-10")
    ids["d9"] = assign(m2, "BTC", "done after T: overdue 15 days at T", "2022-06-15")
    c.ok("done", str(ids["d9"]), "--date", "2022-07-02")
    ids["d10"] = assign(m2, "BDV", "cancelled in the period", "2022-06-30")
    c.ok("cancel", str(ids["d10"]), "--date", "2022-06-01")
    ids["d11"] = assign(m1, "BDV", "cancelled before the period: out of scope", "2022-06-30")
    c.ok("cancel", str(ids["d11"]), "--date", "2022-03-01")
    ids["d12"] = assign(m3, "VPTU", "given after the period: out of scope", "2022-09-30")
    lims = {}
    lims["l1"] = c.id("add-limitation", str(m1), "--unit", "VPTU", "open since Q1")
    lims["l2"] = c.id("add-limitation", str(m1), "--unit", "VPTU", "resolved in Q1")
    c.ok("resolve", str(lims["l2"]), "--date", "2022-03-15")
    lims["l3"] = c.id("add-limitation", str(m2), "--unit", "BTC", "raised in Q2")
    lims["l4"] = c.id("add-limitation", str(m1), "--unit", "BDV", "resolved after the period")
    c.ok("resolve", str(lims["l4"]), "--date", "2022-07-10")
    return {"ids": ids, "lims": lims, "meetings": (m1, m2, m3)}


def test_report_counts_and_rates_by_hand(units: Cli, register: dict[str, Any]) -> None:
    report = units.json("report", "--quarter", "2022Q2")
    assert report["period"] == {
        "label": "2022-Q2",
        "start": "2022-04-01",
        "end": "2022-06-30",
        "cutoff": "calendar",
    }
    assert report["as_of"] == "2022-06-30"
    rows = {u["code"]: u for u in report["units"]}
    assert list(rows) == ["BDV", "BTC", "VPTU"]
    vptu = rows["VPTU"]
    assert vptu["name"] == "Văn phòng Tỉnh ủy"
    expected_vptu = {
        "total": 5,
        "done_on_time": 1,
        "done_late": 1,
        "open_in_time": 2,
        "overdue": 1,
        "no_deadline": 1,
        "cancelled": 0,
    }
    assert {k: vptu[k] for k in expected_vptu} == expected_vptu
    assert vptu["completion_rate"] == {"num": 2, "den": 3, "pct": 66.66}
    assert vptu["on_time_rate"] == {"num": 1, "den": 2, "pct": 50.0}
    btc = rows["BTC"]
    assert (btc["total"], btc["open_in_time"], btc["overdue"]) == (3, 1, 2)
    assert btc["completion_rate"] == {"num": 0, "den": 2, "pct": 0.0}
    assert btc["on_time_rate"] == {"num": 0, "den": 0, "pct": None}
    assert (rows["BDV"]["total"], rows["BDV"]["cancelled"]) == (0, 1)
    totals = report["totals"]
    assert {k: totals[k] for k in expected_vptu} == {
        "total": 8,
        "done_on_time": 1,
        "done_late": 1,
        "open_in_time": 3,
        "overdue": 3,
        "no_deadline": 1,
        "cancelled": 1,
    }
    assert totals["completion_rate"] == {"num": 2, "den": 5, "pct": 40.0}
    ids = register["ids"]
    assert [(d["id"], d["days_overdue"]) for d in report["overdue"]] == [
        (ids["d9"], 15),
        (ids["d8"], 10),
        (ids["d5"], 1),
    ]
    assert report["overdue"][1]["due"] == "2022-06-20"
    assert report["overdue"][1]["original_due"] == "2022-05-31"
    lims = register["lims"]
    assert sorted(x["id"] for x in report["limitations"]) == sorted(
        [lims["l1"], lims["l3"], lims["l4"]]
    )
    l4 = next(x for x in report["limitations"] if x["id"] == lims["l4"])
    assert l4["resolved_on"] is None  # resolved after T: still open at the report's date
    assert [m["id"] for m in report["meetings"]] == [register["meetings"][1]]


def test_total_is_the_sum_of_the_four_statuses(units: Cli, register: dict[str, Any]) -> None:
    report = units.json("report", "--quarter", "2022Q2")
    for row in [*report["units"], report["totals"]]:
        assert row["total"] == sum(
            row[k] for k in ("done_on_time", "done_late", "open_in_time", "overdue")
        )


def test_same_as_of_reproduces_the_report_exactly_later(
    units: Cli, register: dict[str, Any]
) -> None:
    before = units.json("report", "--quarter", "2022Q2")
    ids = register["ids"]
    # Things that happen after the report's date must not change it.
    units.ok("done", str(ids["d5"]), "--date", "2022-07-10")
    units.ok("extend", str(ids["d4"]), "--to", "2022-12-31", "--date", "2022-07-05")
    units.ok("progress", str(ids["d6"]), "--percent", "70", "--date", "2022-08-01")
    units.ok("resolve", str(register["lims"]["l1"]), "--date", "2022-08-01")
    units.ok("add-meeting", "--date", "2022-08-01", "--title", "Họp sau kỳ báo cáo")
    after = units.json("report", "--quarter", "Q2/2022", "--as-of", "2022-06-30")
    assert after == before


def test_as_of_after_the_period_judges_later_but_keeps_the_scope(
    units: Cli, register: dict[str, Any]
) -> None:
    report = units.json("report", "--quarter", "quý II/2022", "--as-of", "2022-07-05")
    rows = {u["code"]: u for u in report["units"]}
    # d9 was completed on 2 July, after its deadline: done late by 5 July.
    assert rows["BTC"]["done_late"] == 1
    assert rows["BTC"]["overdue"] == 1  # d8, due 20 June
    assert rows["VPTU"]["total"] == 5  # d12 (meeting 5 July) stays out of a Q2 report


def test_unit_filter_and_other_periods(units: Cli, register: dict[str, Any]) -> None:
    report = units.json("report", "--period", "2022-04-01..2022-06-30", "--unit", "BTC")
    assert [u["code"] for u in report["units"]] == ["BTC"]
    assert report["totals"]["total"] == 3
    h1 = units.json("report", "--period", "6 tháng đầu năm 2022")
    assert h1["period"]["label"] == "2022-H1"
    # d1 (done 20 March) is inside H1 now.
    assert {u["code"]: u for u in h1["units"]}["VPTU"]["done_on_time"] == 2


def test_report_csv_md_and_table(units: Cli, register: dict[str, Any]) -> None:
    rows = list(
        csv.DictReader(io.StringIO(units.ok("report", "--quarter", "2022Q2", "--format", "csv")))
    )
    assert [r["code"] for r in rows] == ["BDV", "BTC", "VPTU", "TOTAL"]
    assert rows[2]["completion_rate_pct"] == "66.66"
    assert rows[3]["total"] == "8"
    md = units.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "md")
    assert md.startswith("# Báo cáo kết quả thực hiện nhiệm vụ — quý II/2022")
    assert (
        "| VPTU — Văn phòng Tỉnh ủy | 5 | 1 | 1 | 2 | 1 | 1 | 0 | 66,66% (2/3) | 50,00% (1/2) |"
        in md
    )
    table = units.ok("--lang", "en", "report", "--quarter", "2022Q2")
    assert "66.66% (2/3)" in table and "Overdue directives" in table
    assert "\x1b[" not in table  # plain when stdout is not a terminal


def test_report_needs_exactly_one_period(units: Cli) -> None:
    assert units("report").exit_code == 2
    assert units("report", "--quarter", "2022Q2", "--period", "2022").exit_code == 2


def test_one_of_a_thing_is_said_in_the_singular(units: Cli) -> None:
    """The report, the leader's brief, the urging letter and `series stop` with counts of one:
    no '1 directives', '1 limitations', 'directive(s)' in English; Vietnamese has one form."""
    import re

    meeting = units.ok("add-meeting", "--date", "2022-05-06", "--title", "Họp").strip()
    units.ok("assign", meeting, "--unit", "BTC", "Việc", "--due", "2022-06-30")
    units.ok("add-limitation", meeting, "--unit", "BTC", "Hạn chế")
    said = {}
    for lang in ("en", "vi"):
        text = " ".join(
            units.ok("--lang", lang, *args)
            for args in (
                ("report", "--quarter", "2022Q3"),
                ("report", "--quarter", "2022Q3", "--brief"),
                ("urge", "BTC", "--as-of", "2022-07-02", "--format", "md"),
            )
        )
        said[lang] = " ".join(text.split())
    series = units.ok(
        "assign", meeting, "--unit", "BTC", "BC", "--every", "month", "--until", "2023-12-31"
    )
    stopped = units("--lang", "en", "series", "stop", series.strip(), "--from", "2023-12-01")
    en = said["en"] + " " + stopped.stderr
    assert re.findall(r"\b1 (?:directives|limitations|days|occurrences)\b|\(s\)", en) == []
    assert "units worked on 1 directive:" in en
    assert "Next period: 1 open directive carries over;" in en
    assert "1 directive counted: 1 overdue" in en
    assert "has 1 overdue directive not yet done" in en
    assert "1 later occurrence removed" in en
    vi = said["vi"]
    assert "Trong kỳ, các đơn vị thực hiện 1 nhiệm vụ:" in vi
    assert "1 nhiệm vụ được tính" in vi


def test_one_day_is_said_in_the_singular(units: Cli) -> None:
    """remind's 'last update … (1 day ago)', the letter's 'within 1 day', a score's '1 day
    late', urge's refusal 'within 1 day'; Vietnamese says 'ngày' either way."""
    import re

    meeting = units.ok("add-meeting", "--date", "2022-05-06", "--title", "Họp").strip()
    first = units.ok("assign", meeting, "--unit", "BTC", "Việc", "--due", "2022-06-30").strip()
    second = units.ok("assign", meeting, "--unit", "BTC", "Việc 2", "--due", "2022-06-30").strip()
    units.ok("progress", first, "--percent", "10", "--date", "2022-06-29")
    units.ok("done", second, "--date", "2022-07-01")
    en = " ".join(
        " ".join(units.ok("--lang", "en", *args).split())
        for args in (
            ("remind", "--as-of", "2022-06-30", "--within", "1"),
            ("urge", "BTC", "--as-of", "2022-06-29", "--within", "1", "--format", "md"),
            ("score", "--quarter", "2022Q3", "--as-of", "2022-09-30"),
        )
    )
    refused = units.fail("--lang", "en", "urge", "BTC", "--as-of", "2022-05-07", "--within", "1")
    assert re.findall(r"\b1 days\b", en + refused) == []
    assert "(progress, 1 day ago)" in en
    assert "falling due within the next 1 day," in en
    assert "Directives falling due within 1 day" in en
    assert "(deadline 30 Jun 2022, 1 day late)" in en
    assert "due within 1 day as of 2022-05-07: no letter" in refused
    vi = " ".join(units.ok("--lang", "vi", "score", "--quarter", "2022Q3").split())
    assert "chậm 1 ngày)" in vi


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--quarter", "2022Q2"),
        ("report", "--quarter", "2022Q2", "--brief"),
        ("score", "--quarter", "2022Q2"),
        ("limitations", "--period", "2022Q2"),
    ],
)
def test_as_of_before_the_period_is_refused(units: Cli, args: tuple[str, ...]) -> None:
    """An --as-of before the period begins gave figures of all zeros without a word: nothing
    of the period has happened on that day. It is an error naming the day and the period's
    first day; the period's own first day is taken."""
    en = units.fail(*args, "--as-of", "2022-03-01")
    assert en == (
        "Error: --as-of 2022-03-01 is before the period Q2 2022 begins (2022-04-01): "
        "give a day from 2022-04-01 on"
    )
    vi = units.fail("--lang", "vi", *args, "--as-of", "1/3/2022")
    assert "--as-of 01/03/2022 trước ngày bắt đầu kỳ quý II/2022 (01/04/2022)" in vi
    units.ok(*args, "--as-of", "2022-04-01")


@pytest.mark.parametrize("command", [("report",), ("score",), ("limitations",)])
def test_a_period_still_to_come_is_refused_without_as_of(
    units: Cli, command: tuple[str, ...]
) -> None:
    """A period that begins after today was judged as of today, before it began: figures of
    all zeros (or of every earlier limitation) 'as of' a day outside it. It is an error naming
    the period's first day and today, as --as-of before the period is; --as-of still works."""
    from datetime import date

    today = date.today()
    year = today.year + 2
    en = units.fail(*command, "--period", str(year))
    assert en == (
        f"Error: the period year {year} begins on {year}-01-01, after today "
        f"({today.isoformat()}): nothing of it has happened yet; give --as-of a day from "
        f"{year}-01-01 on to see it as of that day"
    )
    vi = units.fail("--lang", "vi", *command, "--period", str(year))
    assert vi.startswith(f"Error: kỳ năm {year} bắt đầu ngày 01/01/{year}, sau hôm nay (")
    units.ok(*command, "--period", str(year), "--as-of", f"{year}-02-01")
    units.ok(*command, "--period", "current")
