"""`unit retire` and the report's sections beside the per-unit counts: by field, by leader,
requests, risk colours and scores count a moved directive for the unit that held it on T, as
the per-unit counts do, never for the unit holding it now."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.conftest import Cli, prebuilt


@pytest.fixture
@prebuilt
def moved(cli: Cli) -> dict[str, int]:
    """BDV's open directive (field KT, led by A through BDV) goes to BTGDV (led by B) on 1/7."""
    cli.ok("unit", "add", "TU", "Tỉnh ủy")
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy", "--parent", "TU")
    cli.ok("unit", "add", "BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "--parent", "TU")
    cli.ok("field", "add", "XDD", "Xây dựng Đảng")
    cli.ok("leader", "assign", "Nguyễn Văn A", "--unit", "BDV", "--from", "1/1/2025")
    cli.ok("leader", "assign", "Trần Thị B", "--unit", "BTGDV", "--from", "1/1/2025")
    m = cli.id("add-meeting", "--date", "10/3/2025", "--title", "Giao ban quý I/2025")
    late = cli.id("assign", str(m), "--unit", "BDV", "Quá hạn", "--due", "30/5/2025")
    stays = cli.id("assign", str(m), "--unit", "BTGDV", "Của ban mới", "--due", "30/9/2025")
    cli.ok("edit", "directive", str(late), "--field", "XDD")
    asked = cli.id(
        "request",
        "extend",
        str(late),
        "--to",
        "30/8/2025",
        "--reason",
        "Chờ",
        "--date",
        "20/6/2025",
    )
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    return {"late": late, "stays": stays, "request": asked}


def _by(rows: list[dict[str, Any]], key: str) -> dict[Any, int]:
    return {row[key]: row["total"] for row in rows}


def test_sections_count_the_holder_on_t(cli: Cli, moved: dict[str, int]) -> None:
    q2 = cli.json("report", "--quarter", "2025Q2")
    # By hand: on 30/6 BDV held the overdue one (led by A), BTGDV its own (led by B).
    assert _by(q2["units"], "code") == {"BDV": 1, "BTGDV": 1}
    assert _by(q2["by_leader"], "leader") == {"Nguyễn Văn A": 1, "Trần Thị B": 1}
    assert {(r["code"], r["red"]) for r in q2["risk"]["units"]} == {("BDV", 1), ("BTGDV", 0)}
    assert {(r["leader"], r["red"]) for r in q2["risk"]["leaders"]} == {
        ("Nguyễn Văn A", 1),
        ("Trần Thị B", 0),
    }
    old = cli.json("report", "--quarter", "2025Q2", "--unit", "BDV")
    assert old["totals"]["total"] == 1
    assert _by(old["by_field"], "field") == {"XDD": 1}
    assert _by(old["by_leader"], "leader") == {"Nguyễn Văn A": 1}
    assert old["requests"]["extend"]["asked"] == 1 and old["requests"]["extend"]["pending"] == 1
    # The score of Q2 judges it (overdue) under BDV, that of Q3 under BTGDV; an open directive
    # in time is not scored by the default rules.
    score = {u["code"]: u["scored"] for u in cli.json("score", "--quarter", "2025Q2")["units"]}
    assert score == {"BDV": 1}
    # The request lists tell the holder of the day they are read as of.
    asked = cli.json("requests", "--as-of", "2025-06-30", "--unit", "BDV")
    assert [(r["id"], r["unit"]) for r in asked] == [(moved["request"], "BDV")]
    assert cli.json("requests", "--as-of", "2025-06-30", "--unit", "BTGDV") == []

    q3 = cli.json("report", "--quarter", "2025Q3")
    assert _by(q3["units"], "code") == {"BTGDV": 2}
    assert _by(q3["by_leader"], "leader") == {"Trần Thị B": 2}
    assert [r["code"] for r in q3["risk"]["units"]] == ["BTGDV"]
    score3 = {u["code"]: u["scored"] for u in cli.json("score", "--quarter", "2025Q3")["units"]}
    assert score3 == {"BTGDV": 1}


def test_a_running_series_goes_on_with_the_successor(cli: Cli) -> None:
    today = date.today()
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last month's first day
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy")
    m = cli.id("add-meeting", "--date", start.isoformat(), "--title", "Giao ban")
    sid = cli.id("assign", str(m), "Báo cáo tháng", "--unit", "BDV", "--every", "month")
    made = [d["id"] for d in cli.json("list")]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", today.isoformat())
    assert cli.json("series", "list")[0]["unit"] == "BTGDV"
    ahead = (today + timedelta(days=100)).isoformat()
    later = [d for d in cli.json("list", "--as-of", ahead) if d["id"] not in made]
    assert later and {d["unit"] for d in later} == {"BTGDV"}
    shown = cli.json("series", "show", str(sid), "--as-of", ahead)
    assert shown["unit"] == "BTGDV"
    assert {o["id"] for o in shown["occurrences"]} >= {*made, *(d["id"] for d in later)}


def test_the_series_section_names_the_unit_that_held_the_series_on_t(cli: Cli) -> None:
    """A monthly duty of BDV handed to BTGDV by `unit retire` on 10/3: a report as of 15/2
    counted its two occurrences for BDV in the per-unit table but listed the series (and each
    occurrence of it) under BTGDV, so that BTGDV's series held more than BTGDV's total; with
    `--unit BDV` the series was said to be BTGDV's, and `--unit BTGDV` listed it with nothing;
    `series show --as-of 15/2` named BTGDV as the series' unit and each occurrence's. Now both
    name the unit that held it on T, and a unit's series add up within its total."""
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy")
    m = cli.id("add-meeting", "--date", "10/1/2025", "--title", "Giao ban")
    sid = cli.id("assign", str(m), "Báo cáo tháng", "--unit", "BDV", "--every", "month",
                 "--day", "20")  # fmt: skip
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "10/3/2025")
    for as_of, holder, total in (("15/2/2025", "BDV", 2), ("15/3/2025", "BTGDV", 3)):
        found = cli.json("report", "--quarter", "2025Q1", "--as-of", as_of)
        [series] = found["series"]
        assert (series["id"], series["unit"], series["total"]) == (sid, holder, total)
        assert _by(found["units"], "code")[holder] == total
        other = "BTGDV" if holder == "BDV" else "BDV"
        assert _by(found["units"], "code").get(other, 0) == 0
        mine = cli.json("report", "--quarter", "2025Q1", "--as-of", as_of, "--unit", holder)
        assert [(s["unit"], s["total"]) for s in mine["series"]] == [(holder, total)]
        assert (
            cli.json("report", "--quarter", "2025Q1", "--as-of", as_of, "--unit", other)["series"]
            == []
        )
        table = cli.ok("report", "--quarter", "2025Q1", "--as-of", as_of)
        section = table.split("Periodic directives", 2)[-1]
        assert f"{holder} — " in section and f"{other} — " not in section, section
        # series show --as-of named the successor too, and each occurrence as its own, where
        # list --as-of names the unit that held it that day
        shown = cli.json("series", "show", str(sid), "--as-of", as_of)
        listed = {d["id"]: d["unit"] for d in cli.json("list", "--as-of", as_of)}
        assert shown["unit"] == holder
        assert {o["id"]: o["unit"] for o in shown["occurrences"]} == listed
        assert set(listed.values()) == {holder}
        assert cli.ok("series", "show", str(sid), "--as-of", as_of).startswith(f"#{sid} {holder}:")
