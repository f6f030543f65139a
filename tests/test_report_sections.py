"""`report`'s review sections against figures worked out by hand (tests/report_register.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, file_digest, language_twin, prebuilt
from tests.report_register import COUNT_KEYS, build, counts


@pytest.fixture
@prebuilt
def reg(cli: Cli) -> dict[str, Any]:
    return build(cli)


def q2(cli: Cli, *extra: str) -> Any:
    return cli.json("report", "--quarter", "2022Q2", *extra)


def test_core_keys_keep_their_meaning(cli: Cli, reg: dict[str, Any]) -> None:
    report = q2(cli)
    assert report["period"] == {
        "label": "2022-Q2",
        "start": "2022-04-01",
        "end": "2022-06-30",
        "cutoff": "calendar",
    }
    rows = {u["code"]: u for u in report["units"]}
    assert {code: counts(row) for code, row in rows.items()} == {
        "BTC": (2, 0, 1, 1, 0, 0, 1),
        "PB": (2, 1, 0, 1, 0, 0, 0),
        "TU": (1, 0, 0, 1, 0, 1, 0),
        "VPTU": (1, 0, 0, 0, 1, 0, 0),
        "VPUB": (2, 0, 0, 1, 1, 0, 0),
    }
    assert counts(report["totals"]) == (8, 1, 1, 4, 2, 1, 1)
    assert report["totals"]["completion_rate"] == {"num": 2, "den": 4, "pct": 50.0}
    d = reg["d"]
    assert [(x["id"], x["days_overdue"]) for x in report["overdue"]] == [
        (d["b1"], 15),
        (d["b6"], 10),
    ]


def test_rollup_rolls_children_into_their_top_unit(cli: Cli, reg: dict[str, Any]) -> None:
    flat = q2(cli)
    rolled = q2(cli, "--rollup")
    assert rolled["scope"] == {"unit": None, "rollup": True}
    rows = {u["code"]: u for u in rolled["units"]}
    assert list(rows) == ["TU", "VPUB"]
    assert counts(rows["TU"]) == (6, 1, 1, 3, 1, 1, 1)
    assert rows["TU"]["completion_rate"] == {"num": 2, "den": 3, "pct": 66.66}
    # The rolled row is exactly the sum of the rows it was rolled from (PB via VPTU).
    by_code = {u["code"]: u for u in flat["units"]}
    members = [c["code"] for c in rows["TU"]["children"]]
    assert sorted(members) == ["BTC", "PB", "TU", "VPTU"]
    for key in COUNT_KEYS:
        assert rows["TU"][key] == sum(by_code[m][key] for m in members), key
        assert sum(r[key] for r in rolled["units"]) == rolled["totals"][key]
    assert rolled["totals"] == flat["totals"]
    assert rolled["overdue"] == flat["overdue"]  # directives keep their own unit


def test_unit_covers_its_descendants_and_rolls_up_to_itself(cli: Cli, reg: dict[str, Any]) -> None:
    report = q2(cli, "--unit", "van phong tinh uy")
    assert [u["code"] for u in report["units"]] == ["PB", "VPTU"]
    assert report["totals"]["total"] == 3
    rolled = q2(cli, "--unit", "VPTU", "--rollup")
    assert [(u["code"], u["total"]) for u in rolled["units"]] == [("VPTU", 3)]
    assert rolled["units"][0]["completion_rate"] == {"num": 1, "den": 2, "pct": 50.0}
    assert [lim["unit"] for lim in report["limitations"]] == ["VPTU", "VPTU"]


def test_trends_compare_with_the_previous_period(cli: Cli, reg: dict[str, Any]) -> None:
    report = q2(cli)
    previous = report["previous"]
    assert previous["period"]["label"] == "2022-Q1" and previous["as_of"] == "2022-03-31"
    assert counts(previous["totals"]) == (3, 1, 0, 1, 1, 0, 0)
    totals = report["trends"]["totals"]
    assert totals["change"]["total"] == 5
    assert totals["change"]["overdue"] == 1
    assert totals["change"]["completion_rate"] == 0.0  # 50 % (1/2) then 50 % (2/4)
    units = {u["code"]: u for u in report["trends"]["units"]}
    assert units["BTC"]["previous"]["overdue"] == 1
    assert units["BTC"]["change"]["completion_rate"] == 100.0
    assert units["VPTU"]["change"]["completion_rate"] == -100.0
    assert units["VPUB"]["previous"] is None  # nothing in Q1
    assert units["VPUB"]["change"]["total"] == 2
    assert units["VPUB"]["change"]["completion_rate"] is None


def test_rankings(cli: Cli, reg: dict[str, Any]) -> None:
    ranks = q2(cli)["rankings"]
    assert [(r["rank"], r["code"], r["pct"]) for r in ranks["completion_rate"]] == [
        (1, "BTC", 100.0),
        (1, "PB", 100.0),
        (3, "VPTU", 0.0),
        (3, "VPUB", 0.0),
    ]
    assert [(r["rank"], r["code"], r["overdue"]) for r in ranks["overdue"]] == [
        (1, "VPUB", 1),
        (1, "VPTU", 1),
        (3, "BTC", 0),
        (3, "PB", 0),
        (3, "TU", 0),
    ]


def test_due_soon_window(cli: Cli, reg: dict[str, Any]) -> None:
    d = reg["d"]
    soon = q2(cli)["due_soon"]
    assert (soon["within_days"], soon["from"], soon["to"]) == (7, "2022-06-30", "2022-07-07")
    assert [x["id"] for x in soon["directives"]] == [d["a3"], d["b2"]]
    wider = q2(cli, "--due-within", "40")["due_soon"]
    assert [x["id"] for x in wider["directives"]] == [d["a3"], d["b2"], d["b3"]]
    assert q2(cli, "--due-within", "0")["due_soon"]["directives"][0]["id"] == d["a3"]


@pytest.mark.parametrize(
    ("lang", "title", "next_line"),
    [
        ("en", "### Due on 30 June 2022", "(1 due on 30 June 2022)"),
        language_twin(
            "vi",
            "### Nhiệm vụ đến hạn ngày 30/06/2022",
            "(trong đó 1 nhiệm vụ đến hạn ngày 30/06/2022)",
        ),
    ],
)
def test_due_within_0_says_the_day_not_within_0_days(
    cli: Cli, reg: dict[str, Any], lang: str, title: str, next_line: str
) -> None:
    # --due-within 0 titled its section "Due within 0 days" ("trong 0 ngày") and said "1 due
    # within 0 days" of the next period: now the day itself, as remind --within 0 says it.
    md = cli.ok("--lang", lang, "report", "--quarter", "2022Q2", "--due-within", "0",
                "--format", "md")  # fmt: skip
    assert title in md.splitlines() and next_line in md, md
    assert "within 0" not in md and "trong 0" not in md, md


@pytest.mark.parametrize(
    ("lang", "nothing", "rate"),
    [
        ("en", "In the period units had no directives to carry out.", "Completion rate on"),
        language_twin(
            "vi", "Trong kỳ, các đơn vị không có nhiệm vụ phải thực hiện.", "Tỷ lệ hoàn thành trên"
        ),
    ],
)
def test_a_period_without_directives_gives_no_rate_sentence(
    cli: Cli, reg: dict[str, Any], lang: str, nothing: str, rate: str
) -> None:
    """A period before the register began said it had no directives, then 'Completion rate on
    directives that came due: — (0/0); done on time: — (0/0).'"""
    for fmt in ("table", "md"):
        text = cli.ok("--lang", lang, "report", "--quarter", "2021Q1", "--format", fmt)
        assert nothing in text, text
        assert rate not in text and "(0/0);" not in text, text
    assert cli.json("report", "--quarter", "2021Q1")["totals"]["completion_rate"] == {
        "num": 0,
        "den": 0,
        "pct": None,
    }  # JSON keeps the rate with its counts


def test_by_chair_matches_names_without_accents(cli: Cli, reg: dict[str, Any]) -> None:
    chairs = {c["chair"]: c for c in q2(cli)["by_chair"]}
    assert set(chairs) == {"Lê Thành Đông", "Phương Thị Thanh"}
    thanh = chairs["Phương Thị Thanh"]
    assert (thanh["meetings"], thanh["chair_title"]) == (2, "Phó Bí thư Thường trực")
    assert counts(thanh) == (5, 0, 1, 3, 1, 0, 1)  # a2, a3, b1, b2, b3; b7 cancelled
    assert counts(chairs["Lê Thành Đông"]) == (3, 1, 0, 1, 1, 1, 0)
    rows = list(
        csv.DictReader(
            io.StringIO(cli.ok("report", "--quarter", "2022Q2", "--by", "chair", "--format", "csv"))
        )
    )
    assert [r["chair"] for r in rows] == ["Lê Thành Đông", "Phương Thị Thanh", "TOTAL"]
    assert rows[-1]["total"] == "8"


def test_by_chair_tells_apart_chairs_whose_marks_differ(units: Cli) -> None:
    """Chairs are told apart by their marks as leaders are: ``Nguyễn Văn Hòa`` and ``Nguyễn Văn
    Hóa`` are two people, ``Nguyễn Văn Hoà`` (the tone placed the other way) is the first; a
    name typed without marks is the only marked spelling it agrees with, and a person of its
    own while two do."""
    held = [
        ("4/4/2022", "Nguyễn Văn Hòa"),
        ("5/4/2022", "Nguyễn Văn Hóa"),
        ("6/4/2022", "Nguyễn Văn Hoà"),
        ("7/4/2022", "Nguyen Van Hoa"),
        ("8/4/2022", "Trần Văn Bình"),
        ("9/4/2022", "tran van binh"),
    ]
    for i, (day, chair) in enumerate(held):
        meeting = units.id("add-meeting", "--date", day, "--title", f"Họp {i}", "--chair", chair)
        units.ok("assign", str(meeting), f"Việc {i}", "--unit", "BTC")
    rows = q2(units, "--by", "chair")["by_chair"]
    assert [(r["chair"], r["meetings"], r["total"]) for r in rows] == [
        ("Nguyen Van Hoa", 1, 1),
        ("Nguyễn Văn Hoà", 2, 2),
        ("Nguyễn Văn Hóa", 1, 1),
        ("tran van binh", 2, 2),
    ]


def test_limitations_raised_resolved_open_repeated(cli: Cli, reg: dict[str, Any]) -> None:
    report = q2(cli)
    lim = reg["lim"]
    summary = report["limitation_summary"]
    assert summary["totals"] == {"raised": 2, "resolved": 1, "still_open": 2, "repeated": 1}
    assert {
        u["code"]: (u["raised"], u["resolved"], u["still_open"], u["repeated"])
        for u in summary["units"]
    } == {"BTC": (1, 1, 0, 0), "VPTU": (1, 0, 2, 1)}
    (chain,) = report["repeated_limitations"]
    assert (chain["id"], chain["ids"], chain["times"]) == (lim["l1"], [lim["l1"], lim["l2"]], 2)
    assert (chain["since"], chain["open"], chain["unit"]) == ("2022-Q1", True, "VPTU")
    by_id = {x["id"]: x for x in report["limitations"]}
    assert by_id[lim["l2"]]["repeat_of"] == lim["l1"]
    assert by_id[lim["l3"]]["repeat_of"] is None


def test_a_unit_whose_limitations_were_overcome_before_the_period_has_no_row(
    cli: Cli, reg: dict[str, Any]
) -> None:
    """A limitation raised and resolved before the period is none of raised, resolved or still
    open in it: its unit gets no row of zeros in the summary."""
    m = cli.id("add-meeting", "--date", "2022-03-10", "--title", "Giao ban tháng 3")
    gone = cli.id("add-limitation", str(m), "--unit", "PB", "--new", "Thiếu phòng họp")
    cli.ok("resolve", str(gone), "--date", "2022-03-20")
    summary = q2(cli)["limitation_summary"]
    assert [u["code"] for u in summary["units"]] == ["BTC", "VPTU"]
    assert summary["totals"] == {"raised": 2, "resolved": 1, "still_open": 2, "repeated": 1}


def test_causes_next_period_and_directives(cli: Cli, reg: dict[str, Any]) -> None:
    d = reg["d"]
    report = q2(cli)
    assert [(c["directive_id"], c["kind"], c["text"]) for c in report["causes"]] == [
        (d["b1"], "progress", "Đang hoàn thiện dự thảo"),
        (d["b6"], "extension", "Chờ số liệu của các sở"),
    ]
    nxt = report["next_period"]
    assert nxt["period"]["label"] == "2022-Q3"
    assert [x["id"] for x in nxt["directives"]] == [
        d["b1"],
        d["b6"],
        d["a3"],
        d["b2"],
        d["b3"],
        d["b5"],
    ]
    listed = {x["id"]: x["status"] for x in report["directives"]}
    assert d["a1"] not in listed and listed[d["b7"]] == "cancelled"
    assert len(listed) == 9


def test_cutoff_from_the_config_file_and_the_option(
    cli: Cli, reg: dict[str, Any], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[report]\ncutoff = "nd09"\n', encoding="utf-8")
    env = {"DIRTRACK_CONFIG": str(config)}
    result = cli("report", "--quarter", "2022Q2", "--format", "json", env=env)
    assert result.exit_code == 0, result.stderr

    report = json.loads(result.stdout)
    assert report["period"] == {
        "label": "2022-Q2",
        "start": "2022-03-15",
        "end": "2022-06-14",
        "cutoff": "nd09",
    }
    assert report["as_of"] == "2022-06-14"
    assert report["previous"]["period"]["start"] == "2021-12-15"
    # The option wins over the file.
    calendar = cli(
        "report", "--quarter", "2022Q2", "--cutoff", "calendar", "--format", "json", env=env
    )
    assert json.loads(calendar.stdout)["period"]["cutoff"] == "calendar"
    table = cli("--lang", "vi", "report", "--quarter", "2022Q2", env=env).stdout
    assert "Cách tính kỳ: theo Nghị định 09/2019/NĐ-CP" in table
    assert "Kỳ báo cáo: quý II/2022 (15/03/2022 – 14/06/2022)" in table
    english = cli.ok("--lang", "en", "report", "--quarter", "2022Q2")
    assert "Cut-off: calendar months" in english


def test_the_terminal_table_shows_completion_bars(cli: Cli, reg: dict[str, Any]) -> None:
    table = cli.ok("--lang", "en", "report", "--quarter", "2022Q2")
    lines: dict[str, str] = {}
    for line in table.splitlines():  # the first table is the one per unit
        lines.setdefault(line.split(" — ")[0], line)
    assert "100.00% (1/1) ██████████" in lines["BTC"]
    assert "0.00% (0/1) ░░░░░░░░░░" in lines["VPTU"]
    assert "— (0/0) ··········" in lines["TU"]
    total = next(line for line in table.splitlines() if line.startswith("Total "))
    assert "50.00% (2/4) █████░░░░░" in total
    assert "→" in table  # the trend cells: previous → current (change)
    assert "raised 2 times since Q1 2022" in table


def test_same_as_of_reproduces_the_whole_pack(cli: Cli, reg: dict[str, Any]) -> None:
    before = q2(cli)
    d = reg["d"]
    cli.ok("done", str(d["b1"]), "--date", "2/7/2022")
    cli.ok("extend", str(d["b2"]), "--to", "31/12/2022", "--date", "1/7/2022")
    meeting = cli.id("add-meeting", "--date", "1/8/2022", "--title", "Sau kỳ")
    cli.ok("add-limitation", str(meeting), "--unit", "VPTU", "Tham mưu có lúc chưa kịp thời")
    assert q2(cli, "--as-of", "2022-06-30") == before


PARSED = pytest.mark.engine_independent("refused as it is read, before any query")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        pytest.param(["--quarter", "2022Q5"], "a year has 4 quarters", marks=PARSED),
        pytest.param(["--period", "2022-06-30..2022-06-01"], "ends before it starts", marks=PARSED),
        pytest.param(["--quarter", "2022Q2", "--due-within", "-1"], "--due-within", marks=PARSED),
        (["--quarter", "2022Q2", "--unit", "Ban Tuyen giao"], "unknown unit"),  # the store's lookup
        pytest.param(
            ["--quarter", "2022Q2", "--format", "docx", "--out", "/nonexistent/r.docx"],
            "does not exist",
            marks=PARSED,
        ),
    ],
)
def test_bad_input_is_one_error_line(
    cli: Cli, reg: dict[str, Any], db_path: Any, args: list[str], fragment: str
) -> None:
    digest = file_digest(db_path)
    assert fragment in cli.fail("report", *args)
    assert file_digest(db_path) == digest


@pytest.mark.engine_independent("the choices are refused as they are parsed")
def test_a_bad_choice_exits_1(cli: Cli, reg: dict[str, Any]) -> None:
    cli.fail("report", "--quarter", "2022Q2", "--cutoff", "monthly")
    cli.fail("report", "--quarter", "2022Q2", "--by", "office")
    cli.fail("report", "--quarter", "2022Q2", "--format", "pdf")
    # DIRTRACK_CUTOFF is no setting: it changes nothing, a bad value included.
    stray = cli("report", "--quarter", "2022Q2", "--format", "json", env={"DIRTRACK_CUTOFF": "x"})
    assert stray.exit_code == 0 and json.loads(stray.stdout)["period"]["cutoff"] == "calendar"
