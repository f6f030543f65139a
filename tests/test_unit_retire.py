"""`unit retire`: open directives move to the successor, history stays with the old unit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, file_digest, prebuilt, snapshot


@pytest.fixture
@prebuilt
def merged(cli: Cli) -> dict[str, Any]:
    """Ban Tuyên giáo and Ban Dân vận merge into one board on 1/7/2025."""
    cli.ok("unit", "add", "TU", "Tỉnh ủy")
    cli.ok("unit", "add", "BTG", "Ban Tuyên giáo Tỉnh ủy", "--parent", "TU")
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy", "--parent", "TU")
    cli.ok("unit", "add", "BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "--parent", "TU")
    m = cli.id("add-meeting", "--date", "10/3/2025", "--title", "Giao ban quý I/2025")
    ids = {
        "done": cli.id("assign", str(m), "--unit", "BDV", "Đã xong", "--due", "30/4/2025"),
        "cancelled": cli.id("assign", str(m), "--unit", "BDV", "Dừng", "--due", "30/4/2025"),
        "open": cli.id("assign", str(m), "--unit", "BDV", "Còn mở", "--due", "30/9/2025"),
        "late": cli.id("assign", str(m), "--unit", "BDV", "Quá hạn", "--due", "30/5/2025"),
        "other": cli.id(
            "assign", str(m), "--unit", "BTG", "Của Ban Tuyên giáo", "--due", "30/9/2025"
        ),
    }
    cli.ok("done", str(ids["done"]), "--date", "20/4/2025")
    cli.ok("cancel", str(ids["cancelled"]), "--date", "1/4/2025")
    lim = cli.id("add-limitation", str(m), "--unit", "BDV", "Thiếu biên chế")
    return {"ids": ids, "meeting": m, "limitation": lim}


def _scorer(cli: Cli, tmp_path: Path) -> Callable[[str], dict[str, int]]:
    """How many directives each unit is scored for in 2025 as of a day, lead and coordinating
    units alike (a rule file that counts every open one)."""
    rules = tmp_path / "rules.toml"
    rules.write_text(
        "[outcome]\nopen_in_time = 1.0\n[weight]\nlead = 1.0\ncoordinator = 1.0\n"
        '[[tier]]\ncode = "a"\nname = "A"\nmin = 0\n',
        encoding="utf-8",
    )

    def scored(day: str) -> dict[str, int]:
        found = cli.json("score", "--period", "2025", "--rules", str(rules), "--as-of", day)
        return {u["code"]: u["scored"] for u in found["units"]}

    return scored


def test_retire_moves_open_directives_and_keeps_history(cli: Cli, merged: dict[str, Any]) -> None:
    ids = merged["ids"]
    result = cli(
        "unit",
        "retire",
        "ban dan van",
        "--successor",
        "BTGDV",
        "--date",
        "1/7/2025",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    import json

    record = json.loads(result.stdout)
    assert (record["code"], record["successor"], record["retired_on"]) == (
        "BDV",
        "BTGDV",
        "2025-07-01",
    )
    assert record["moved"] == [ids["open"], ids["late"]]
    assert "2 open directives moved to BTGDV" in result.stderr
    units = {u["code"]: u for u in cli.json("unit", "list")}
    assert units["BDV"]["successor"] == "BTGDV" and units["BDV"]["retired_on"] == "2025-07-01"
    listed = {d["id"]: d["unit"] for d in cli.json("list", "--as-of", "2025-07-02")}
    assert listed[ids["open"]] == listed[ids["late"]] == "BTGDV"
    assert listed[ids["done"]] == listed[ids["cancelled"]] == "BDV"
    limitations = cli.json("limitations")
    assert [x["unit"] for x in limitations] == ["BDV"]  # its history stays

    # show tells the move, on its day.
    show = cli.json("show", str(ids["late"]))
    moved = [e for e in show["history"] if e["event"] == "moved"]
    assert moved == [
        {
            "date": "2025-07-01",
            "event": "moved",
            "from": "BDV",
            "to": "BTGDV",
            "note": "BDV → BTGDV",
        }
    ]
    assert "BDV → BTGDV" in cli.ok("--lang", "vi", "show", str(ids["late"]))
    before = cli.json("show", str(ids["late"]), "--as-of", "2025-06-30")
    assert [e["event"] for e in before["history"]] == ["assigned"]


def test_reports_before_the_move_keep_the_old_unit(cli: Cli, merged: dict[str, Any]) -> None:
    ids = merged["ids"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    q2 = cli.json("report", "--quarter", "2025Q2")
    assert {u["code"]: u["total"] for u in q2["units"]} == {"BDV": 3, "BTG": 1}
    assert [d["unit"] for d in q2["overdue"]] == ["BDV"]
    q3 = cli.json("report", "--quarter", "2025Q3")
    assert {u["code"]: u["total"] for u in q3["units"]} == {"BTG": 1, "BTGDV": 2}
    assert q3["previous"]["units"][0]["code"] == "BDV"  # Q2 as it was
    trends = {u["code"]: u for u in q3["trends"]["units"]}
    assert trends["BDV"]["change"]["total"] == -3 and trends["BTGDV"]["change"]["total"] == 2
    # --unit of the old unit still finds what it held in Q2.
    old = cli.json("report", "--quarter", "2025Q2", "--unit", "BDV")
    assert old["totals"]["total"] == 3
    assert [d["id"] for d in old["overdue"]] == [ids["late"]]
    new = cli.json("report", "--quarter", "2025Q3", "--unit", "BTGDV")
    assert new["totals"]["total"] == 2
    rolled = cli.json("report", "--quarter", "2025Q3", "--rollup")
    assert [(u["code"], u["total"]) for u in rolled["units"]] == [("TU", 3)]


def test_list_and_overdue_before_the_move_keep_the_old_unit(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """`list --unit` and `overdue --unit` as of a day before the move find what the old unit
    held that day (as the report of that day counts it), under its code; from the day of the
    move on, under the successor's."""
    ids = merged["ids"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    june = ["--as-of", "2025-06-30"]
    held = cli.json("list", "--unit", "BDV", *june)
    assert {d["id"]: d["unit"] for d in held} == dict.fromkeys(
        [ids["done"], ids["cancelled"], ids["open"], ids["late"]], "BDV"
    )
    assert cli.json("list", "--unit", "BTGDV", *june) == []
    everyone = {d["id"]: d["unit"] for d in cli.json("list", "--status", "open", *june)}
    assert everyone == {ids["open"]: "BDV", ids["late"]: "BDV", ids["other"]: "BTG"}
    late = cli.json("overdue", "--unit", "BDV", *june)
    assert [(d["id"], d["unit"]) for d in late] == [(ids["late"], "BDV")]
    assert cli.json("overdue", "--unit", "BTGDV", *june) == []
    july = ["--as-of", "2025-07-01"]
    assert [d["id"] for d in cli.json("list", "--unit", "BDV", "--status", "open", *july)] == []
    assert [(d["id"], d["unit"]) for d in cli.json("overdue", "--unit", "BTGDV", *july)] == [
        (ids["late"], "BTGDV")
    ]


def test_show_before_the_move_gives_the_old_unit(cli: Cli, merged: dict[str, Any]) -> None:
    """`show --as-of` a day before the move gave the successor as the unit, where `list` of
    that day gives the old one."""
    late = merged["ids"]["late"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    june = cli.json("show", str(late), "--as-of", "2025-06-30")
    assert (june["unit"], june["unit_name"]) == ("BDV", "Ban Dân vận Tỉnh ủy")
    assert cli.json("show", str(late), "--as-of", "2025-07-01")["unit"] == "BTGDV"
    assert "BDV (Ban Dân vận Tỉnh ủy)" in cli.ok("show", str(late), "--as-of", "2025-06-30")


def test_a_moved_directive_given_to_another_unit_is_its_on_every_day(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """``edit directive --unit`` on a directive `unit retire` handed over is a correction: BTG's
    on every day (``show``, ``list``, the report, before the retirement as after it); the record
    and its move go out and back in unchanged."""
    moved = merged["ids"]["late"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    cli.ok("edit", "directive", str(moved), "--unit", "BTG")
    assert cli.json("show", str(moved))["unit"] == "BTG"

    def held(as_of: str) -> str:
        return {d["id"]: d["unit"] for d in cli.json("list", "--as-of", as_of)}[moved]

    assert (held("2025-06-30"), held("2025-07-01"), held("2025-12-31")) == ("BTG", "BTG", "BTG")
    for quarter, as_of, unit in (("2025Q2", "2025-06-30", "BTG"), ("2025Q3", "2025-09-30", "BTG")):
        report = cli.json("report", "--quarter", quarter, "--as-of", as_of)
        assert [d["unit"] for d in report["directives"] if d["id"] == moved] == [unit]
        mine = cli.json("report", "--quarter", quarter, "--as-of", as_of, "--unit", unit)
        assert moved in [d["id"] for d in mine["directives"]]
    assert cli.json("show", str(moved), "--as-of", "2025-06-30")["unit"] == "BTG"
    # the unit it is stored under now, and the move, both go out and back in
    out = cli.json("export")
    [record] = [d for d in out["directives"] if d["id"] == moved]
    assert record["unit"] == "BTG" and [(m["from"], m["to"]) for m in record["moves"]] == [
        ("BDV", "BTGDV")
    ]


def test_remind_and_urge_before_the_move_keep_the_old_unit(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """`remind` and `urge` as of a day before the move put what the old unit held then under
    it: the reminder of 30 June and the letter to BDV name its overdue directive."""
    ids = merged["ids"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")

    def overdue(*args: str) -> dict[str, list[int]]:
        found = cli.json("remind", "--as-of", "2025-06-30", *args)
        return {u["code"]: [d["id"] for d in u["overdue"]] for u in found["units"]}

    assert overdue() == {"BDV": [ids["late"]]}
    assert overdue("--unit", "BDV") == {"BDV": [ids["late"]]}
    assert overdue("--unit", "BTGDV") == {}
    letter = cli.ok("urge", "BDV", "--as-of", "2025-06-30", "--format", "md")
    assert "Quá hạn" in letter


@pytest.mark.engine_independent("refused as the units are matched in Python, before any write")
@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["BDV", "--successor", "BDV"], "its own successor"),
        (["BDV", "--successor", "Ban Kinh tế"], "unknown unit"),
        (["Ban", "--successor", "BTGDV"], "ambiguous"),
        (["BDV", "--successor", "BTGDV", "--date", "31/6/2025"], "not a real date"),
    ],
)
def test_bad_retirements_write_nothing(
    cli: Cli, merged: dict[str, Any], db_path: Path, args: list[str], fragment: str
) -> None:
    digest = file_digest(db_path)
    assert fragment in cli.fail("unit", "retire", *args)
    assert file_digest(db_path) == digest


@pytest.mark.engine_independent("refused on the units' own columns, compared in Python")
def test_a_unit_is_retired_once_and_never_into_a_retired_one(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    digest = file_digest(db_path)
    assert "already retired on 2025-07-01" in cli.fail(
        "unit", "retire", "BDV", "--successor", "BTG"
    )
    assert "its successor is BTGDV" in cli.fail("unit", "retire", "BTG", "--successor", "BDV")
    assert file_digest(db_path) == digest
    cli.fail("unit", "retire", "BTG", code=2)  # --successor is required


def test_a_unit_cannot_retire_before_a_unit_retired_into_it(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    """BDV retired into BTGDV on 1/7/2025, handing over its open directives; BTGDV was then
    retired on 1/6/2025 and took them to its successor: the directives left BTGDV a month
    before they came to it, and a listing as of 15/6/2025 put them with BTGDV, not BDV."""
    ids = merged["ids"]
    cli.ok("unit", "add", "BTT", "Ban Tuyên truyền Tỉnh ủy", "--parent", "TU")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    digest = file_digest(db_path)
    assert cli.fail("unit", "retire", "BTGDV", "--successor", "BTT", "--date", "1/6/2025") == (
        "Error: unit BTGDV cannot retire on 2025-06-01: unit BDV retired into it on "
        "2025-07-01, handing over its directives; a unit retires on or after the day it takes "
        "another's over"
    )
    said = cli.fail(
        "--lang", "vi", "unit", "retire", "BTGDV", "--successor", "BTT", "--date", "30/6/2025"
    )
    assert said.startswith("Error: đơn vị BTGDV không thể thôi hoạt động từ ngày 30/06/2025")
    assert file_digest(db_path) == digest
    listed = {d["id"]: d["unit"] for d in cli.json("list", "--as-of", "2025-06-15")}
    assert listed[ids["open"]] == "BDV"
    # on the day of the handover or later, the chain goes on
    cli.ok("unit", "retire", "BTGDV", "--successor", "BTT", "--date", "1/7/2025")
    assert {d["id"]: d["unit"] for d in cli.json("list", "--as-of", "2025-06-30")}[
        ids["open"]
    ] == "BDV"
    assert {d["id"]: d["unit"] for d in cli.json("list", "--as-of", "2025-07-01")}[
        ids["open"]
    ] == "BTT"


def test_a_unit_retires_after_the_last_meeting_that_names_it(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    """A day before the meeting of 10/3/2025 that gave BDV its directives was taken: 'show'
    then told the move (1/1/2025) before the assignment, and the meeting named a unit retired
    before it, which every command that records a meeting refuses."""
    digest = file_digest(db_path)
    for day in ("1/1/2025", "10/3/2025"):
        assert cli.fail("unit", "retire", "BDV", "--successor", "BTGDV", "--date", day) == (
            f"Error: unit BDV cannot retire on 2025-{day.split('/')[1].zfill(2)}-"
            f"{day.split('/')[0].zfill(2)}: meeting {merged['meeting']} of 2025-03-10 names it "
            "(its directives, limitations or attendance); a unit retires after the last "
            "meeting that names it"
        )
    assert file_digest(db_path) == digest
    # a coordinating unit is named too
    cli.ok("unit", "add", "BKT", "Ban Kinh tế")
    cli.ok("edit", "directive", str(merged["ids"]["other"]), "--with", "BKT")
    digest = file_digest(db_path)
    assert "meeting" in cli.fail(
        "unit", "retire", "BKT", "--successor", "BTG", "--date", "1/3/2025"
    )
    assert file_digest(db_path) == digest
    # the day after it, a unit that held nothing open says so, with no "0 … moved: -"
    result = cli("unit", "retire", "BKT", "--successor", "BTG", "--date", "11/3/2025")
    assert result.exit_code == 0 and result.stderr == (
        "unit BKT retired on 2025-03-11 (successor BTG); it held no open directive\n"
        "BKT's part in the 1 open directive it coordinated passes to BTG: "
        f"{merged['ids']['other']}\n"
    ), result.stderr
    # a unit no meeting names retires on any day
    cli.ok("unit", "add", "BNC", "Ban Nội chính")
    vi = cli("--lang", "vi", "unit", "retire", "BNC", "--successor", "BTG", "--date", "1/1/2020")
    assert vi.exit_code == 0 and vi.stderr == (
        "đơn vị BNC thôi hoạt động từ ngày 01/01/2020 (đơn vị tiếp nhận: BTG); không có nhiệm "
        "vụ chưa hoàn thành nào phải chuyển\n"
    ), vi.stderr


def test_a_move_that_would_give_the_successor_a_key_twice_is_refused(
    cli: Cli, tmp_path: Path, db_path: Path
) -> None:
    """A sheet row for two units gives each a directive with the same key; merging the units
    would make the key name two directives of one unit."""
    cli.ok("unit", "add", "BTG", "Ban Tuyên giáo Tỉnh ủy")
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy")
    m = cli.id("add-meeting", "--date", "10/3/2025", "--title", "Giao ban quý I/2025")
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        'Mã,Nội dung,Đơn vị chủ trì,Thời hạn\nk1,Sơ kết công tác,"BTG, BDV",30/9/2025\n',
        encoding="utf-8",
    )
    cli.ok("import", str(sheet), "--meeting", str(m))
    ids = {r["unit"]: r["id"] for r in cli.json("list")}
    digest = file_digest(db_path)
    message = cli.fail("unit", "retire", "BDV", "--successor", "BTG", "--date", "1/7/2025")
    assert f"{ids['BDV']} & {ids['BTG']} ('k1')" in message
    assert "complete or cancel one of each pair first" in message
    assert file_digest(db_path) == digest
    assert "trùng khóa" in cli.fail(
        "--lang", "vi", "unit", "retire", "BDV", "--successor", "BTG", "--date", "1/7/2025"
    )
    cli.ok("cancel", str(ids["BDV"]), "--date", "30/6/2025")
    cli.ok("unit", "retire", "BDV", "--successor", "BTG", "--date", "1/7/2025")
    assert [(r["id"], r["unit"]) for r in cli.json("list")] == [
        (ids["BTG"], "BTG"),
        (ids["BDV"], "BDV"),
    ]


def test_the_successor_that_coordinated_leads_and_leaves_the_coordinating_units(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """BTGDV coordinated BDV's open directive (and its periodic one): once BDV retires into
    it, BTGDV leads them and is no longer in their `with`; undo puts both back."""
    ids, m = merged["ids"], str(merged["meeting"])
    cli.ok("edit", "directive", str(ids["open"]), "--with", "BTGDV", "--with", "BTG")
    series = cli.id(
        "assign", m, "--unit", "BDV", "--with", "BTGDV", "--every", "quarter", "Báo cáo quý"
    )
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    shown = cli.json("show", str(ids["open"]))
    assert (shown["unit"], shown["with"]) == ("BTGDV", ["BTG"])
    listed = {d["id"]: d for d in cli.json("list")}
    assert (listed[ids["open"]]["unit"], listed[ids["open"]]["with"]) == ("BTGDV", ["BTG"])
    with_line = [x for x in cli.ok("show", str(ids["open"])).splitlines() if x.startswith("With")]
    assert [x.split() for x in with_line] == [["With", "BTG"]]
    periodic = cli.json("series", "show", str(series))
    assert (periodic["unit"], periodic["with"]) == ("BTGDV", [])
    # undone, the directive is BDV's again today, not moved (the move's row is undone too)
    cli.ok("undo", "--yes")
    shown = cli.json("show", str(ids["open"]))
    assert (shown["unit"], sorted(shown["with"])) == ("BDV", ["BTG", "BTGDV"])
    assert [e for e in shown["history"] if e["event"] == "moved"] == []
    assert {d["id"]: d["unit"] for d in cli.json("list")}[ids["open"]] == "BDV"
    periodic = cli.json("series", "show", str(series))
    assert (periodic["unit"], periodic["with"]) == ("BDV", ["BTGDV"])


def snapshot_but_history(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the change log, which undo adds to."""
    from tests.conftest import STAND_INS, snapshot

    rows = snapshot(STAND_INS.get(db_path, str(db_path)))
    return {k: v for k, v in rows.items() if k != "change_log"}


def test_the_successor_coordinates_in_place_of_the_retired_unit(
    cli: Cli, db_path: Path, tmp_path: Path, merged: dict[str, Any]
) -> None:
    """BDV coordinated other units' directives: once retired into BTGDV it stayed in their
    `with`, a unit that no longer exists asked to coordinate. From the retirement day BTGDV
    coordinates the open ones in its place (where it leads or coordinates one already, BDV only
    leaves it), and the running periodic ones; a listing, `show` or `score` as of an earlier
    day still names BDV; a directive closed by then keeps it (its history); undo puts all back
    exactly."""
    import json

    m = str(merged["meeting"])
    given = {
        "open": cli.id("assign", m, "--unit", "BTG", "--with", "BDV", "A", "--due", "30/9/2025"),
        "both": cli.id(
            "assign",
            m,
            "--unit",
            "BTG",
            "--with",
            "BDV",
            "--with",
            "BTGDV",
            "B",
            "--due",
            "30/9/2025",
        ),  # fmt: skip
        "led": cli.id("assign", m, "--unit", "BTGDV", "--with", "BDV", "C", "--due", "30/9/2025"),
        "closed": cli.id("assign", m, "--unit", "BTG", "--with", "BDV", "D", "--due", "30/4/2025"),
        "later": cli.id("assign", m, "--unit", "BTG", "--with", "BDV", "E", "--due", "30/9/2025"),
    }
    series = cli.id(
        "assign", m, "--unit", "BTG", "--with", "BDV", "--every", "quarter", "Báo cáo quý"
    )
    cli.ok("done", str(given["closed"]), "--date", "20/4/2025")
    cli.ok("done", str(given["later"]), "--date", "20/8/2025")  # closed after the day: handed
    before = snapshot_but_history(db_path)
    result = cli(
        "--lang", "vi", "unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025",
        "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    handed = [given[k] for k in ("open", "both", "led", "later")]
    got = json.loads(result.stdout)["handed"]
    assert got[:4] == handed and got[4:]  # and the occurrences of the periodic one made so far
    shown = [cli.json("show", str(i), "--as-of", "2030-12-31") for i in got[4:]]
    assert {s["series_id"] for s in shown} == {series}
    # the first 10 ids, then how many more (every id of thousands made the line as long)
    more = f" và {len(got) - 10} mục khác" if len(got) > 10 else ""
    assert result.stderr.splitlines()[-1] == (
        f"phần phối hợp của BDV ở {len(got)} nhiệm vụ chưa hoàn thành chuyển sang BTGDV: "
        + ", ".join(map(str, got[:10]))
        + more
    )

    def withs(*args: str) -> dict[int, list[str]]:
        listed = cli.json("list", "--status", "all", *args)
        return {d["id"]: d["with"] for d in listed if d["id"] in given.values()}

    expected_after = {
        given["open"]: ["BTGDV"],
        given["both"]: ["BTGDV"],
        given["led"]: [],
        given["closed"]: ["BDV"],
        given["later"]: ["BTGDV"],
    }
    assert withs("--as-of", "2025-07-01") == expected_after
    as_before = {k: ["BDV"] for k in given.values()}
    as_before[given["both"]] = ["BDV", "BTGDV"]
    assert withs("--as-of", "2025-06-30") == as_before
    shown = cli.json("show", str(given["open"]), "--as-of", "2025-06-30")
    assert shown["with"] == ["BDV"]
    assert cli.json("show", str(given["open"]))["with"] == ["BTGDV"]
    assert cli.json("series", "show", str(series))["with"] == ["BTGDV"]
    # coordinating units are scored as of the day: BDV for June, BTGDV after
    scored = _scorer(cli, tmp_path)

    assert scored("2025-06-30").get("BTGDV", 0) < scored("2025-07-01")["BTGDV"]
    assert "BDV" in scored("2025-06-30")
    said = cli(
        "--lang", "vi", "unit", "retire", "BTG", "--successor", "BTGDV", "--date", "2/7/2025"
    )
    assert said.exit_code == 0, said.stderr
    assert len(said.stderr.splitlines()) == 1, said.stderr  # BTG coordinated none of them
    cli.ok("undo", "--yes")
    # undo: exactly as before
    cli.ok("undo", "--yes")
    assert snapshot_but_history(db_path) == before
    assert withs("--as-of", "2025-07-01") == as_before
    assert withs() == as_before
    assert cli.json("series", "show", str(series))["with"] == ["BDV"]


def test_the_successor_coordinating_a_directive_it_comes_to_lead_is_named_as_of_before(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    """BTGDV coordinated a directive BDV led: once BDV retired into it, BTGDV leads it and
    leaves its coordinating units (a unit never coordinates what it leads), but a listing,
    `show` or `score` as of a day before the retirement lost BTGDV's part as a coordinating
    unit (the row was gone, no day kept). It is recorded as a handover on the retirement day,
    by `unit retire` and for a directive recorded after it alike; undo puts all back."""
    m = str(merged["meeting"])
    given = cli.id("assign", m, "--unit", "BDV", "--with", "BTGDV", "A", "--due", "30/9/2025")
    before = snapshot_but_history(db_path)
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")

    def held(as_of: str, ident: int) -> tuple[str, list[str]]:
        [found] = [d for d in cli.json("list", "--as-of", as_of) if d["id"] == ident]
        return found["unit"], found["with"]

    assert held("2025-06-30", given) == ("BDV", ["BTGDV"])
    assert held("2025-07-01", given) == ("BTGDV", [])
    shown = cli.json("show", str(given), "--as-of", "2025-06-30")
    assert (shown["unit"], shown["with"]) == ("BDV", ["BTGDV"])
    assert cli.json("show", str(given))["with"] == []
    late = cli.id("assign", m, "--unit", "BDV", "--with", "BTGDV", "B", "--due", "30/9/2025")
    assert held("2025-06-30", late) == ("BDV", ["BTGDV"])
    assert held("2025-07-01", late) == ("BTGDV", [])
    cli.ok("undo", "--yes")
    cli.ok("undo", "--yes")
    assert snapshot_but_history(db_path) == before
    assert held("2025-07-01", given) == ("BDV", ["BTGDV"])


@pytest.mark.engine_independent("the lead's retirement day is compared in Python, before any write")
def test_a_series_recorded_after_the_retirement_ends_before_it(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    """A periodic directive recorded after BDV retired, at a meeting held before, ran on with no
    end: BDV, retired, got an occurrence of every quarter after its retirement (one still
    running on the day of `unit retire` goes over to the successor)."""
    m = str(merged["meeting"])
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    digest = file_digest(db_path)
    for more in ((), ("--until", "1/7/2025"), ("--dry-run",)):
        message = cli.fail("assign", m, "--unit", "BDV", "--every", "quarter", "Báo cáo", *more)
        assert message == (
            "Error: unit BDV was retired on 2025-07-01 (successor BTGDV): a periodic directive "
            "it leads must end before that day (--until 2025-06-30); give the periods after it "
            "to BTGDV"
        )
    vi = cli.fail("--lang", "vi", "assign", m, "--unit", "BDV", "--every", "quarter", "Báo cáo")
    assert "phải kết thúc trước ngày đó (--until 30/06/2025)" in vi
    assert file_digest(db_path) == digest
    # ending before the retirement, it is the unit's history, as a directive given then is
    series = cli.json(
        "assign", m, "--unit", "BDV", "--every", "quarter", "Báo cáo", "--until", "30/6/2025"
    )
    assert series["unit"] == "BDV"
    assert [cli.json("show", str(i))["period"] for i in series["occurrences"]] == [
        "2025-Q1",
        "2025-Q2",
    ]


def test_a_directive_recorded_after_the_retirement_is_handed_over_at_once(
    cli: Cli, merged: dict[str, Any], db: str
) -> None:
    """A directive given to BDV at the meeting of 10/3/2025 and recorded after BDV retired on
    1/7/2025 went to BDV, open, and no one was asked about it: it passes to BTGDV from 1/7, as
    `unit retire` passed those it found, and so does BDV's part as a coordinating unit; as of
    30/6 it is BDV's, `undo` takes the whole of it back."""
    m = str(merged["meeting"])
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")

    def rows() -> dict[str, Any]:
        return {k: v for k, v in snapshot(db).items() if k != "change_log"}

    before = rows()
    result = cli(
        "assign", m, "--unit", "ban dan van", "--with", "BTG", "Muộn", "--due", "30/9/2025"
    )
    assert result.exit_code == 0, result.stderr
    late = int(result.stdout)
    assert result.stderr.splitlines() == [
        f"unit BDV retired on 2025-07-01: directive {late} passes to BTGDV from that day",
        # a part of its name, said once the directive is recorded
        "'ban dan van' is read as unit BDV (Ban Dân vận Tỉnh ủy), the only one whose name holds it",
    ]
    shown = cli.json("show", str(late))
    assert (shown["unit"], shown["with"]) == ("BTGDV", ["BTG"])
    [then] = [d for d in cli.json("list", "--as-of", "2025-06-30") if d["id"] == late]
    assert then["unit"] == "BDV"
    assert late in [d["id"] for d in cli.json("list", "--unit", "BTGDV", "--as-of", "2025-07-01")]
    cli.ok("undo", "--yes")
    assert rows() == before
    # as a coordinating unit; the successor named too is named once
    result = cli("assign", m, "--unit", "BTG", "--with", "BDV", "--with", "BTGDV", "Phối hợp")
    assert result.exit_code == 0, result.stderr
    coordinated = int(result.stdout)
    assert cli.json("show", str(coordinated))["with"] == ["BTGDV"]
    [then] = [d for d in cli.json("list", "--as-of", "2025-06-30") if d["id"] == coordinated]
    assert sorted(then["with"]) == ["BDV", "BTGDV"]
    vi = cli("--lang", "vi", "assign", m, "--unit", "BTG", "--with", "BDV", "Lần nữa")
    assert vi.exit_code == 0, vi.stderr
    assert vi.stderr.startswith("đơn vị BDV thôi hoạt động từ ngày 01/07/2025:"), vi.stderr
    cli.ok("undo", "--yes")
    cli.ok("undo", "--yes")
    assert rows() == before

    # a directive unit retire handed over, given to the retired unit again: nothing changes,
    # and no second move is recorded
    def moves() -> int:
        return sum(1 for row in snapshot(db)["change_log"] if "directive.move" in row)

    moved, recorded = str(merged["ids"]["open"]), moves()
    again = cli("edit", "directive", moved, "--unit", "BDV")
    assert (again.exit_code, again.stderr.strip()) == (0, f"directive {moved}: nothing changed")
    assert rows() == before
    assert moves() == recorded


MEETING_TEXT = """THÔNG BÁO
Kết luận của Thường trực Tỉnh ủy tại buổi làm việc ngày 12/5/2025

1. Giao Ban Dân vận Tỉnh ủy rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/9/2025.
2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận tổng hợp báo cáo, hoàn thành \
trong tháng 9/2025.
"""


@pytest.mark.engine_independent(
    "the handover of assign, which runs on PostgreSQL; the words are said in Python"
)
@pytest.mark.parametrize("how", ["extract --apply", "import DRAFT"])
def test_a_draft_recorded_hands_over_and_says_so_as_assign_does(
    cli: Cli, merged: dict[str, Any], tmp_path: Path, how: str
) -> None:
    """A draft of a meeting held before BDV retired (1/7/2025), recorded after: its directives
    passed to BTGDV as assign passes them, but `extract --apply` said nothing of it, where
    assign, import (a sheet, a draft) and edit each say it in one line per directive."""
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    text = tmp_path / "thong-bao.txt"
    text.write_text(MEETING_TEXT, encoding="utf-8")
    draft = tmp_path / "thong-bao.toml"
    if how == "import DRAFT":
        cli.ok("extract", str(text), "--out", str(draft))
        result = cli("import", str(draft))
    else:
        result = cli("extract", str(text), "--apply", "--out", str(draft))
    assert result.exit_code == 0, result.stderr
    listed = {d["text"]: d for d in cli.json("list") if d["meeting_id"] != merged["meeting"]}
    led = next(d for t, d in listed.items() if "rà soát quy hoạch" in t)
    coordinated = next(d for t, d in listed.items() if "tổng hợp báo cáo" in t)
    assert (led["unit"], coordinated["unit"], coordinated["with"]) == ("BTGDV", "BTG", ["BTGDV"])
    said = result.stderr.splitlines()
    assert (
        said.count(
            f"unit BDV retired on 2025-07-01: directive {led['id']} passes to BTGDV from that day"
        )
        == 1
    )
    assert (
        said.count(
            f"unit BDV retired on 2025-07-01: its part in directive {coordinated['id']} passes to "
            "BTGDV from that day"
        )
        == 1
    )


def test_a_sheet_import_hands_over_or_refuses_as_assign_does(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    """`import sheet.csv` gave BDV, retired on 1/7/2025, open directives of the meeting of
    10/3/2025 and of a meeting held after it retired, where `assign` hands the first over and
    refuses the second: the import does the same, through the same code and words."""
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    cli.ok("add-meeting", "--date", "15/8/2025", "--title", "Giao ban tháng 8")
    header = "STT,Ngày họp,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn\n"
    after = db_path.parent / "after.csv"
    after.write_text(
        header + "1,10/3/2025,Việc cũ,BTG,,30/9/2025\n2,15/8/2025,Việc mới,BDV,,30/9/2025\n",
        encoding="utf-8",
    )
    digest = file_digest(db_path)
    said = cli.fail("import", str(after))
    assert (
        "row 3, column D (Đơn vị chủ trì): unit BDV was retired on 2025-07-01 (successor "
        "BTGDV), on or before the meeting of 2025-08-15: that meeting cannot name it"
    ) in said
    after.write_text(header + "1,15/8/2025,Phối hợp mới,BTG,BDV,30/9/2025\n", encoding="utf-8")
    assert "column E (Đơn vị phối hợp): unit BDV was retired" in cli.fail("import", str(after))
    assert file_digest(db_path) == digest

    sheet = db_path.parent / "before.csv"
    sheet.write_text(
        header + "1,10/3/2025,Giao muộn,ban dan van,BTG,30/9/2025\n"
        "2,10/3/2025,Phối hợp muộn,BTG,BDV,30/9/2025\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet), "--format", "json")
    assert result.exit_code == 0, result.stderr
    ids = json.loads(result.stdout)["directive_ids"]
    assert result.stderr.splitlines()[:2] == [
        f"unit BDV retired on 2025-07-01: directive {ids[0]} passes to BTGDV from that day",
        f"unit BDV retired on 2025-07-01: its part in directive {ids[1]} passes to BTGDV from "
        "that day",
    ]
    led, coordinated = (cli.json("show", str(i)) for i in ids)
    assert (led["unit"], led["with"]) == ("BTGDV", ["BTG"])
    assert (coordinated["unit"], coordinated["with"]) == ("BTG", ["BTGDV"])
    then = {d["id"]: d for d in cli.json("list", "--as-of", "2025-06-30")}
    assert (then[ids[0]]["unit"], then[ids[1]]["with"]) == ("BDV", ["BDV"])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_same_text_given_again_to_a_retired_unit_is_refused_not_doubled(
    cli: Cli, merged: dict[str, Any], db_path: Path, lang: str
) -> None:
    """A directive BDV was given at the meeting of 10/3/2025 passed to BTGDV when BDV retired:
    `assign` of the same text to BDV at that meeting again, and a sheet naming BDV imported
    twice, each recorded it a second time without a word (the duplicate was looked for under
    BTGDV alone); they are refused as for any unit, naming the directive, and a sheet with a key
    column updates it."""
    m, moved = str(merged["meeting"]), merged["ids"]["open"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    digest = file_digest(db_path)
    for unit in ("BDV", "ban dân vận tỉnh uỷ"):
        said = cli.fail("--lang", lang, "assign", m, "--unit", unit, "còn  mở")
        assert said.startswith("Error:") and f"{moved}" in said, said
        assert len(said.strip().splitlines()) == 1
    assert file_digest(db_path) == digest
    # the successor's own directives, and other texts, are untouched by the rule
    assert cli("assign", m, "--unit", "BDV", "Việc khác").exit_code == 0
    cli.ok("undo", "--yes")

    header = "STT,Ngày họp,Nội dung,Đơn vị chủ trì,Thời hạn\n"
    sheet = db_path.parent / "sheet.csv"
    sheet.write_text(header + "1,10/3/2025,Giao muộn,BDV,30/9/2025\n", encoding="utf-8")
    cli.ok("import", str(sheet))
    count = len(cli.json("list", "--status", "all"))
    digest = file_digest(db_path)
    said = cli.fail("--lang", lang, "import", str(sheet))
    assert said.startswith("Error:") and file_digest(db_path) == digest, said
    assert len(cli.json("list", "--status", "all")) == count

    keyed = db_path.parent / "keyed.csv"
    keyed.write_text(
        "Mã,Ngày họp,Nội dung,Đơn vị chủ trì,Thời hạn\nK1,10/3/2025,Có mã,BDV,30/9/2025\n",
        encoding="utf-8",
    )
    cli.ok("import", str(keyed), "--key-column", "Mã")
    again = cli("import", str(keyed), "--key-column", "Mã", "--format", "json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["unchanged"] == 1 and "Warning" not in again.stderr
    keyed.write_text(keyed.read_text(encoding="utf-8").replace("Có mã", "Có mã sửa"))
    cli.ok("import", str(keyed), "--key-column", "Mã")
    [row] = [d for d in cli.json("list", "--status", "all") if d["key"] == "K1"]
    assert (row["unit"], row["text"]) == ("BTGDV", "Có mã sửa")
    assert len(cli.json("list", "--status", "all")) == count + 1


def test_a_sheet_naming_the_retired_unit_of_a_corrected_directive_gives_it_anew(
    cli: Cli, merged: dict[str, Any], db_path: Path
) -> None:
    """BDV's open directive passed to BTGDV on 1/7/2025, then `edit directive --unit TU`: it is
    TU's on every day (moves.in_force), so BDV was never given it. A sheet naming BDV with its
    text was matched to it by the last move's unit (and refused as a repeat) while `assign`
    records it anew; both now record it, by the one rule, and the sheet again repeats that."""
    m, ident = str(merged["meeting"]), merged["ids"]["open"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    cli.ok("edit", "directive", str(ident), "--unit", "TU")
    sheet = db_path.parent / "sheet.csv"
    sheet.write_text(
        "STT,Ngày họp,Nội dung,Đơn vị chủ trì,Thời hạn\n1,10/3/2025,Còn mở,BDV,30/9/2025\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet), "--format", "json")
    assert result.exit_code == 0, result.stderr
    [new] = json.loads(result.stdout)["directive_ids"]
    assert new != ident
    assert _held(cli, new, "2025-06-30")[0] == "BDV"
    assert _held(cli, ident, "2025-06-30")[0] == "TU"
    said = cli.fail("import", str(sheet))
    assert f"repeats directive {new} " in said, said
    cli.ok("undo", "--yes")
    assert cli("assign", m, "--unit", "BDV", "Còn mở").exit_code == 0


def _held(cli: Cli, ident: int, day: str) -> tuple[str, list[str]]:
    shown = cli.json("show", str(ident), "--as-of", day)
    return shown["unit"], shown["with"]


def test_a_lead_corrected_after_a_move_holds_the_directive_on_every_day(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """retire BDV (its open directive moves to BTGDV), then `edit directive --unit BTG`: the
    correction is what show, list and the report say on every day. (They said BTGDV from the
    retirement on and BDV before it, while the register and its export held BTG.)"""
    ident = merged["ids"]["open"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    cli.ok("edit", "directive", str(ident), "--unit", "BTG")
    for day in ("2025-05-01", "2025-08-01"):
        assert _held(cli, ident, day)[0] == "BTG", day
        listed = [d["id"] for d in cli.json("list", "--unit", "BTG", "--as-of", day)]
        assert ident in listed, day
        report = cli.json("report", "--period", f"2025-01-01..{day}", "--as-of", day)
        btg = next(u for u in report["units"] if u["code"] == "BTG")
        assert btg["total"] == 2, day  # its own directive and the corrected one
    assert "moved" not in [h["event"] for h in cli.json("show", str(ident))["history"]]
    exported = json.loads(cli.ok("export"))
    assert next(d for d in exported["directives"] if d["id"] == ident)["unit"] == "BTG"
    cli.ok("undo", "--yes")
    assert _held(cli, ident, "2025-05-01")[0] == "BDV"
    assert _held(cli, ident, "2025-08-01")[0] == "BTGDV"


def test_a_lead_corrected_to_a_retired_unit_after_a_move_is_handed_over_from_its_day(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """A correction naming a unit retired since the meeting hands it over at once: that move
    counts, the ones before the correction do not."""
    ident = merged["ids"]["open"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    cli.ok("unit", "retire", "BTG", "--successor", "TU", "--date", "1/6/2025")
    cli.ok("edit", "directive", str(ident), "--unit", "BTG")
    assert _held(cli, ident, "2025-05-01")[0] == "BTG"
    assert _held(cli, ident, "2025-06-15")[0] == "TU"
    assert _held(cli, ident, "2025-08-01")[0] == "TU"
    moved = [h for h in cli.json("show", str(ident))["history"] if h["event"] == "moved"]
    assert [(h["date"], h["from"], h["to"]) for h in moved] == [("2025-06-01", "BTG", "TU")]


def test_coordinating_units_corrected_after_a_handover_hold_on_every_day(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """BDV coordinated a directive of BTG; retired, its part passed to BTGDV; `edit directive
    --with TU` then says TU coordinates it on every day (BDV was still named before the
    retirement)."""
    ident = cli.id("assign", str(merged["meeting"]), "--unit", "BTG", "--with", "BDV", "Phối hợp")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    assert _held(cli, ident, "2025-05-01")[1] == ["BDV"]
    cli.ok("edit", "directive", str(ident), "--with", "TU")
    assert _held(cli, ident, "2025-05-01")[1] == ["TU"]
    assert _held(cli, ident, "2025-08-01")[1] == ["TU"]
    cli.ok("undo", "--yes")
    assert _held(cli, ident, "2025-05-01")[1] == ["BDV"]
    assert _held(cli, ident, "2025-08-01")[1] == ["BTGDV"]


def test_a_retired_unit_named_where_its_successor_leads_is_kept_as_typed(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """A directive given to BTGDV at a meeting before BDV retired into it: `edit directive
    --with BDV` (or `--unit BDV`), BDV never having had a part in it, is a correction and is
    kept as typed, BDV's part passing to BTGDV from the retirement, said on stderr; show, list
    and the report agree (it was swapped for BTGDV without a word, and so dropped)."""
    m = str(merged["meeting"])
    ident = cli.id("assign", m, "--unit", "BTGDV", "Của ban mới", "--due", "30/9/2025")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    result = cli("edit", "directive", str(ident), "--with", "BDV")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"unit BDV retired on 2025-07-01: its part in directive {ident} passes to BTGDV from "
        "that day"
    )
    assert _held(cli, ident, "2025-06-30") == ("BTGDV", ["BDV"])
    assert _held(cli, ident, "2025-07-01") == ("BTGDV", [])
    [listed] = [d for d in cli.json("list", "--as-of", "2025-06-30") if d["id"] == ident]
    assert listed["with"] == ["BDV"]
    report = cli.json("report", "--period", "2025Q2")
    [reported] = [d for d in report["directives"] if d["id"] == ident]
    assert reported["with"] == ["BDV"]
    # named again: its part was handed over, nothing changes
    again = cli("edit", "directive", str(ident), "--with", "BDV")
    assert (again.exit_code, again.stderr.strip()) == (0, f"directive {ident}: nothing changed")
    cli.ok("undo", "--yes")
    assert _held(cli, ident, "2025-06-30") == ("BTGDV", [])

    # the lead likewise
    result = cli("edit", "directive", str(ident), "--unit", "BDV")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"unit BDV retired on 2025-07-01: directive {ident} passes to BTGDV from that day"
    )
    assert _held(cli, ident, "2025-06-30")[0] == "BDV"
    assert _held(cli, ident, "2025-07-01")[0] == "BTGDV"
    again = cli("edit", "directive", str(ident), "--unit", "BDV")
    assert (again.exit_code, again.stderr.strip()) == (0, f"directive {ident}: nothing changed")


def test_a_directive_reopened_after_the_retirement_passes_to_the_successor_from_that_day(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """A directive the retired unit completed before it retired, reopened after: open again,
    it is the successor's from the reopening (``show``, ``list``, ``overdue``, the report),
    closed under the retired unit before it; said on stderr, taken back whole by ``undo``."""
    ident = merged["ids"]["done"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    result = cli("reopen", str(ident), "--date", "1/8/2025", "--reason", "Trả lại")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"unit BDV retired on 2025-07-01: directive {ident}, open again, passes to BTGDV from "
        "2025-08-01"
    )
    show = cli.json("show", str(ident))
    assert show["unit"] == "BTGDV"
    assert [(e["date"], e["event"]) for e in show["history"]] == [
        ("2025-03-10", "assigned"),
        ("2025-04-20", "completed"),
        ("2025-08-01", "reopened"),
        ("2025-08-01", "moved"),
    ]
    assert show["history"][-1]["note"] == "BDV → BTGDV"
    assert cli.json("show", str(ident), "--as-of", "2025-07-31")["unit"] == "BDV"

    def held(as_of: str) -> tuple[str, str]:
        found = {d["id"]: d for d in cli.json("list", "--as-of", as_of)}[ident]
        return found["unit"], found["status"]

    assert held("2025-07-31") == ("BDV", "done_on_time")
    assert held("2025-08-01") == ("BTGDV", "overdue")
    august = ["--as-of", "2025-08-02"]
    assert ident in [d["id"] for d in cli.json("overdue", "--unit", "BTGDV", *august)]
    assert cli.json("overdue", "--unit", "BDV", *august) == []
    assert cli.json("overdue", "--unit", "BDV", "--as-of", "2025-07-31") == []
    q3 = cli.json("report", "--quarter", "2025Q3")
    assert {u["code"]: u["total"] for u in q3["units"]} == {"BTG": 1, "BTGDV": 3}
    assert [d["unit"] for d in q3["overdue"] if d["id"] == ident] == ["BTGDV"]
    q2 = cli.json("report", "--quarter", "2025Q2")
    assert {u["code"]: u["total"] for u in q2["units"]} == {"BDV": 3, "BTG": 1}
    # the move goes out with the record
    out = cli.json("export")
    [record] = [d for d in out["directives"] if d["id"] == ident]
    assert [(m["from"], m["to"], m["on"]) for m in record["moves"]] == [
        ("BDV", "BTGDV", "2025-08-01")
    ]
    cli.ok("undo", "--yes")
    assert held("2025-12-31") == ("BDV", "done_on_time")
    assert [e["event"] for e in cli.json("show", str(ident))["history"]] == [
        "assigned",
        "completed",
    ]


def test_a_retirement_recorded_after_a_later_reopening_passes_it_from_the_reopening(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """The same directive reopened on 1/8/2025, but the reopening recorded before the
    retirement of 1/7/2025: the retirement read the directive's own columns (open now) and
    moved it on 1/7, so that a listing as of July put a directive BDV had completed in April
    under BTGDV, done; and the coordination of one closed then likewise.
    Closed on the day of the retirement, it stays with BDV until the reopening and passes
    from that day, as a reopening recorded afterwards passes it."""
    ids = merged["ids"]
    cli.ok("edit", "directive", str(ids["other"]), "--with", "BDV")
    cli.ok("done", str(ids["other"]), "--date", "1/6/2025")
    for ident in (ids["done"], ids["other"]):
        cli.ok("reopen", str(ident), "--date", "1/8/2025", "--reason", "Trả lại")
    result = cli("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    assert (
        f"unit BDV retired on 2025-07-01: directive {ids['done']}, open again, passes to BTGDV "
        "from 2025-08-01"
    ) in said
    assert "unit BDV retired on 2025-07-01; 2 open directives moved to BTGDV: " in said[-1]

    def held(ident: int, as_of: str) -> tuple[str, list[str], str]:
        found = {d["id"]: d for d in cli.json("list", "--as-of", as_of)}[ident]
        return found["unit"], found["with"], found["status"]

    assert held(ids["done"], "2025-07-15") == ("BDV", [], "done_on_time")
    assert held(ids["done"], "2025-08-01") == ("BTGDV", [], "overdue")
    assert held(ids["other"], "2025-07-15") == ("BTG", ["BDV"], "done_on_time")
    assert held(ids["other"], "2025-08-01") == ("BTG", ["BTGDV"], "open_in_time")
    moved = [e for e in cli.json("show", str(ids["done"]))["history"] if e["event"] == "moved"]
    assert [(e["date"], e["from"], e["to"]) for e in moved] == [("2025-08-01", "BDV", "BTGDV")]
    cli.ok("undo", "--yes")
    assert held(ids["done"], "2025-12-31") == ("BDV", [], "overdue")


def test_a_reopening_follows_a_chain_of_retirements(cli: Cli, merged: dict[str, Any]) -> None:
    """Reopened between two retirements, the directive passes to the first successor from the
    reopening and to the second from its retirement; cleared as a mistake, or a completion sent
    back, it was open when the unit retired and passes from that day."""
    ids = merged["ids"]
    cli.ok("unit", "add", "VP", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    cli.ok("unit", "retire", "BTGDV", "--successor", "VP", "--date", "1/9/2025")
    result = cli("--lang", "vi", "reopen", str(ids["done"]), "--date", "1/8/2025")
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    assert f"nhiệm vụ {ids['done']}, được mở lại" in said[0]
    assert "BTGDV" in said[0] and "01/08/2025" in said[0]
    assert "VP" in said[1] and "01/09/2025" in said[1]

    def unit(ident: int, as_of: str) -> str:
        return {d["id"]: d["unit"] for d in cli.json("list", "--as-of", as_of)}[ident]

    days = ("2025-07-31", "2025-08-01", "2025-08-31", "2025-09-01")
    assert [unit(ids["done"], day) for day in days] == ["BDV", "BTGDV", "BTGDV", "VP"]
    moved = [e for e in cli.json("show", str(ids["done"]))["history"] if e["event"] == "moved"]
    assert [(e["date"], e["from"], e["to"]) for e in moved] == [
        ("2025-08-01", "BDV", "BTGDV"),
        ("2025-09-01", "BTGDV", "VP"),
    ]
    result = cli("reopen", str(ids["cancelled"]), "--mistake")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"unit BDV retired on 2025-07-01: directive {ids['cancelled']} passes to BTGDV from "
        "that day"
    )
    days = ("2025-06-30", "2025-07-01", "2025-09-01")
    assert [unit(ids["cancelled"], day) for day in days] == ["BDV", "BTGDV", "VP"]
    # a plain completion sent back never counted: open on the day of the retirement
    m = cli.id("add-meeting", "--date", "1/6/2025", "--title", "Giao ban tháng 6")
    ident = cli.id("assign", str(m), "--unit", "BTG", "Báo cáo", "--due", "30/6/2025")
    cli.ok("done", str(ident), "--date", "20/6/2025")
    cli.ok("unit", "retire", "BTG", "--successor", "VP", "--date", "1/10/2025")
    result = cli("return", str(ident), "--reason", "Thiếu số liệu", "--date", "2/10/2025")
    assert result.exit_code == 0, result.stderr
    assert f"directive {ident} passes to VP from that day" in result.stderr
    assert [unit(ident, day) for day in ("2025-09-30", "2025-10-01")] == ["BTG", "VP"]


# --- a closure recorded after the retirement, dated before it ------------------------------

RETIRED = "15/7/2025"  # mid-quarter: a directive closed before it still counts in Q3


def _close(cli: Cli, db_path: Path, ident: int, kind: str, day: str) -> None:
    """Close directive ``ident`` (given BDV at the ``merged`` meeting of 10/3/2025, key KL-1,
    'Có mã', due 30/9/2025) on ``day``, the way ``kind`` says."""
    if kind == "done":
        cli.ok("done", str(ident), "--date", day)
    elif kind == "done --doc-date":  # reported later, its result document dated ``day``
        cli.ok("done", str(ident), "--date", "20/8/2025", "--doc-date", day)
    elif kind == "accept":  # an office deciding by acceptance: the acceptance's day closes it
        cli.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
        cli.ok("done", str(ident), "--date", "1/7/2025")
        cli.ok("accept", str(ident), "--date", day)
    elif kind == "cancel":
        cli.ok("cancel", str(ident), "--date", day, "--reason", "Không còn phù hợp")
    elif kind == "withdraw":
        cli.ok(
            "request", "withdraw", str(ident), "--reason", "Không còn phù hợp", "--date", "1/7/2025"
        )
        asked = [r["id"] for r in cli.json("requests", "--pending") if r["directive_id"] == ident]
        cli.ok("approve", str(asked[0]), "--date", day)
    elif kind == "sheet":  # the office's sheet: the row of the directive, its completion day
        sheet = db_path.parent / "status.csv"
        sheet.write_text(
            "Mã,Ngày họp,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Ngày hoàn thành\n"
            f"KL-1,10/3/2025,Có mã,BDV,,30/9/2025,{day}\n",
            encoding="utf-8",
        )
        result = cli("import", str(sheet), "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["directive_ids"] == [], result.stdout  # no new one
    else:
        raise AssertionError(kind)


def _units_on(cli: Cli, ident: int, *days: str) -> list[str]:
    """The unit ``list --as-of`` names for ``ident`` on each of ``days``."""
    found = []
    for day in days:
        listed = {d["id"]: d["unit"] for d in cli.json("list", "--status", "all", "--as-of", day)}
        found.append(listed[ident])
    return found


CLOSURES = ["done", "done --doc-date", "accept", "cancel", "withdraw", "sheet"]


@pytest.mark.parametrize("kind", CLOSURES)
def test_a_closure_recorded_after_the_retirement_dated_before_it_stays_the_retired_units(
    cli: Cli, db_path: Path, tmp_path: Path, merged: dict[str, Any], kind: str
) -> None:
    """BDV retires into BTGDV on 15/7/2025, its open directive moving; the clerk then records
    that BDV closed it on 10/7: the directive was not open on the day BDV retired, so it is
    BDV's on every day (``list``, ``show``, the report of Q3, ``score``), as it is when the
    closure is recorded first; the export imported again says the same; ``undo`` of the
    closure brings the move back."""
    m = str(merged["meeting"])
    ident = cli.id("assign", m, "--unit", "BDV", "--key", "KL-1", "Có mã", "--due", "30/9/2025")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", RETIRED)
    days = ("2025-07-14", "2025-07-15", "2025-09-30", "2026-01-01")
    assert _units_on(cli, ident, *days) == ["BDV", "BTGDV", "BTGDV", "BTGDV"]
    scored = _scorer(cli, tmp_path)

    _close(cli, db_path, ident, kind, "10/7/2025")
    assert _units_on(cli, ident, *days) == ["BDV"] * 4
    shown = cli.json("show", str(ident))
    assert shown["unit"] == "BDV"
    assert "moved" not in [e["event"] for e in shown["history"]]
    assert cli.json("show", str(ident), "--as-of", "2025-09-30")["unit"] == "BDV"
    q3 = cli.json("report", "--quarter", "2025Q3", "--as-of", "2025-09-30")
    assert [d["unit"] for d in q3["directives"] if d["id"] == ident] == ["BDV"]
    mine = cli.json("report", "--quarter", "2025Q3", "--as-of", "2025-09-30", "--unit", "BDV")
    assert ident in [d["id"] for d in mine["directives"]]
    # BDV holds the same on 14/7 and on 30/9 but its two open directives that moved on 15/7
    before, after = scored("2025-07-14"), scored("2025-09-30")
    assert after["BDV"] == before["BDV"] - 2, (before, after)
    assert after["BTGDV"] == before.get("BTGDV", 0) + 2, (before, after)
    # the export imported again gives the same answers
    out = tmp_path / "all.json"
    cli.ok("export", "--out", str(out))
    copy = Cli(db=str(tmp_path / "copy.db"), runner=cli.runner)
    copy.ok("import", str(out))
    assert _units_on(copy, ident, *days) == ["BDV"] * 4
    for day in days:
        mine = {
            d["id"]: (d["unit"], d["with"], d["status"]) for d in cli.json("list", "--as-of", day)
        }
        theirs = {
            d["id"]: (d["unit"], d["with"], d["status"]) for d in copy.json("list", "--as-of", day)
        }
        assert mine == theirs, day
    # undo of the closure: open on the day of the retirement, moved then
    cli.ok("undo", "--yes")
    assert _units_on(cli, ident, *days) == ["BDV", "BTGDV", "BTGDV", "BTGDV"]
    assert cli.json("show", str(ident))["unit"] == "BTGDV"


@pytest.mark.parametrize(("day", "expected"), [("15/7/2025", "BDV"), ("16/7/2025", "BTGDV")])
def test_a_late_closure_on_the_retirement_day_stays_one_after_it_passes(
    cli: Cli, merged: dict[str, Any], day: str, expected: str
) -> None:
    """Closed on the day BDV retired, the directive was not open then (``unit retire`` moves
    what is open on its day, and leaves what was closed on or before it): BDV's on every day,
    whichever was recorded first. Closed the day after, it was open: BTGDV's from 15/7."""
    ident = merged["ids"]["open"]
    cli.ok("done", str(merged["ids"]["late"]), "--date", day)
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", RETIRED)
    first = _units_on(cli, merged["ids"]["late"], "2025-07-14", "2025-07-15", "2025-12-31")
    cli.ok("unit", "retire", "BTG", "--successor", "BTGDV", "--date", "16/7/2025")  # unrelated
    cli.ok("done", str(ident), "--date", day)
    got = _units_on(cli, ident, "2025-07-14", "2025-07-15", "2025-12-31")
    assert got == first == ["BDV", expected, expected]


def test_a_late_closure_gives_back_the_coordination_too(cli: Cli, merged: dict[str, Any]) -> None:
    """A closure dated before the retirement gives back what the retirement handed over of the
    retired unit's coordination, and a successor that coordinated a directive the retirement
    made it lead coordinates it again: as when the closure is recorded first."""
    m = str(merged["meeting"])
    coordinated = cli.id("assign", m, "--unit", "BTG", "--with", "BDV", "A", "--due", "30/9/2025")
    led = cli.id("assign", m, "--unit", "BDV", "--with", "BTGDV", "B", "--due", "30/9/2025")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", RETIRED)
    assert _held(cli, coordinated, "2025-08-01") == ("BTG", ["BTGDV"])
    assert _held(cli, led, "2025-08-01") == ("BTGDV", [])
    cli.ok("done", str(coordinated), "--date", "10/7/2025")
    cli.ok("cancel", str(led), "--date", "10/7/2025")
    for day in ("2025-07-14", "2025-08-01"):
        assert _held(cli, coordinated, day) == ("BTG", ["BDV"]), day
        assert _held(cli, led, day) == ("BDV", ["BTGDV"]), day
    listed = {d["id"]: (d["unit"], d["with"]) for d in cli.json("list", "--status", "all")}
    assert listed[coordinated] == ("BTG", ["BDV"]) and listed[led] == ("BDV", ["BTGDV"])
    cli.ok("undo", "--yes")
    assert _held(cli, led, "2025-08-01") == ("BTGDV", [])
    assert _held(cli, led, "2025-07-14") == ("BDV", ["BTGDV"])


def test_a_late_closure_stays_with_the_unit_that_held_it_in_a_chain(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """BDV → BTGDV on 15/7, BTGDV → VP on 1/9: closed on 20/8, recorded after both, the
    directive is BTGDV's from 15/7 on; closed on 10/7, BDV's on every day."""
    ids = merged["ids"]
    cli.ok("unit", "add", "VP", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", RETIRED)
    cli.ok("unit", "retire", "BTGDV", "--successor", "VP", "--date", "1/9/2025")
    days = ("2025-07-14", "2025-07-15", "2025-09-01")
    assert _units_on(cli, ids["open"], *days) == ["BDV", "BTGDV", "VP"]
    cli.ok("done", str(ids["open"]), "--date", "20/8/2025")
    cli.ok("done", str(ids["late"]), "--date", "10/7/2025")
    assert _units_on(cli, ids["open"], *days) == ["BDV", "BTGDV", "BTGDV"]
    assert _units_on(cli, ids["late"], *days) == ["BDV", "BDV", "BDV"]
    moved = [e for e in cli.json("show", str(ids["open"]))["history"] if e["event"] == "moved"]
    assert [(e["date"], e["from"], e["to"]) for e in moved] == [("2025-07-15", "BDV", "BTGDV")]


def test_a_late_closure_reopened_passes_as_unit_retire_would_have_moved_it(
    cli: Cli, merged: dict[str, Any]
) -> None:
    """The directive BDV closed on 10/7 (recorded after it retired on 15/7), opened again: a
    reopening after the retirement passes it to BTGDV from the reopening; one dated before it,
    ``reopen --mistake`` and a completion sent back (``return``) leave it open on 15/7, so it
    passes from that day. ``undo`` of each closes it again under BDV."""
    ident = merged["ids"]["open"]
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", RETIRED)
    cli.ok("done", str(ident), "--date", "10/7/2025")
    days = ("2025-07-14", "2025-07-15", "2025-07-31", "2025-08-01")
    closed = ["BDV"] * 4
    assert _units_on(cli, ident, *days) == closed
    result = cli("reopen", str(ident), "--date", "1/8/2025", "--reason", "Trả lại")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"unit BDV retired on 2025-07-15: directive {ident}, open again, passes to BTGDV from "
        "2025-08-01"
    )
    assert _units_on(cli, ident, *days) == ["BDV", "BDV", "BDV", "BTGDV"]
    for reopening in (
        ("reopen", str(ident), "--date", "12/7/2025", "--reason", "Trả lại"),
        ("reopen", str(ident), "--mistake"),
        ("return", str(ident), "--reason", "Thiếu số liệu", "--date", "20/7/2025"),
    ):
        cli.ok("undo", "--yes")
        assert _units_on(cli, ident, *days) == closed, reopening
        result = cli(*reopening)
        assert result.exit_code == 0, result.stderr
        assert f"directive {ident} passes to BTGDV from that day" in result.stderr, reopening
        assert _units_on(cli, ident, *days) == ["BDV", "BTGDV", "BTGDV", "BTGDV"], reopening


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_meeting_is_not_moved_to_a_day_a_unit_it_names_had_retired(
    cli: Cli, db_path: Path, lang: str
) -> None:
    """`edit meeting --date` moved a meeting held before BDV retired to a day after, with BDV
    present, given a directive and a limitation there: a meeting no command may record (assign,
    add-meeting and add-limitation refuse it), and `show` then listed the directive moved to
    BTGDV before it was assigned. It is refused as they refuse it, whichever way the meeting
    names BDV: present, about a limitation, given a directive (moved to the successor since) or
    a part in one (handed over since); a correction that no longer names BDV lets it move."""
    for code, name in (("BDV", "Ban Dân vận"), ("BTGDV", "Ban Tuyên giáo và Dân vận")):
        cli.ok("unit", "add", code, name)
    cli.ok("unit", "add", "VP", "Văn phòng")
    cli.ok("unit", "retire", "BDV", "--successor", "BTGDV", "--date", "1/7/2025")
    ways = {
        "present": ["add-meeting", "--attendee", "BDV"],
        "limitation": ["add-limitation", "--unit", "BDV", "Thiếu biên chế"],
        "lead": ["assign", "--unit", "BDV", "Rà soát"],
        "with": ["assign", "--unit", "VP", "--with", "BDV", "Phối hợp"],
    }
    for way, command in ways.items():
        title = f"Họp {way}"
        if command[0] == "add-meeting":
            m = cli.id("add-meeting", "--date", "10/3/2025", "--title", title, *command[1:])
        else:
            m = cli.id("add-meeting", "--date", "10/3/2025", "--title", title)
            cli.ok(command[0], str(m), *command[1:])
        digest = file_digest(db_path)
        for day in ("1/7/2025", "15/8/2025"):
            said = cli.fail("--lang", lang, "edit", "meeting", str(m), "--date", day)
            assert len(said.strip().splitlines()) == 1, said
            if lang == "en":
                assert said.startswith(
                    "Error: unit BDV was retired on 2025-07-01 (successor BTGDV), on or before "
                    "the meeting of"
                ), said
            else:
                assert said.startswith("Error: đơn vị BDV đã thôi hoạt động từ ngày 01/07/2025")
        assert file_digest(db_path) == digest
        cli.ok("edit", "meeting", str(m), "--date", "30/6/2025")
    # the directive given to BDV corrected to VP (on every day): the meeting names BDV no more
    lead = next(d for d in cli.json("list") if d["text"] == "Rà soát")
    cli.ok("edit", "directive", str(lead["id"]), "--unit", "VP")
    cli.ok("edit", "meeting", str(lead["meeting_id"]), "--date", "15/8/2025")


@pytest.mark.engine_independent("the line is rendered in Python from the moved ids")
def test_a_retirement_moving_many_directives_names_the_first_and_counts_the_others(
    units: Cli, meeting: int
) -> None:
    """The line saying what a retirement moved listed every directive's id: one retiring unit
    holding thousands made a line as long. The first 10 are named, then how many more."""
    for n in range(1, 15):
        units.ok("assign", str(meeting), "--unit", "BTC", f"Việc {n}")
    units.ok("unit", "add", "BTCM", "Ban Tổ chức mới")
    done = units(
        "--lang", "vi", "unit", "retire", "BTC", "--successor", "BTCM", "--date", "1/7/2022"
    )
    assert done.exit_code == 0, done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert line.endswith(": 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 4 mục khác"), line
