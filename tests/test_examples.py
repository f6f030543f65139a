"""The examples run, and the demo's report shows every status."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Seeded


def test_seed_meetings_script_records_every_status(seed_meetings: Seeded, tmp_path: Path) -> None:
    done = seed_meetings.run
    assert done.returncode == 0, done.stderr
    demo = seed_meetings.cli(tmp_path / "demo.db")
    meetings = demo.json("meetings")
    assert [m["date"] for m in meetings] == [
        "2016-03-01",
        "2017-12-28",
        "2021-07-29",
        "2022-05-06",
        "2022-09-07",
    ]
    assert meetings[3]["chair"] == "Phương Thị Thanh"
    report = demo.json("report", "--quarter", "2022Q3")
    totals = report["totals"]
    for key in ("done_on_time", "done_late", "open_in_time", "overdue", "no_deadline", "cancelled"):
        assert totals[key] > 0, key
    assert totals["total"] == 11
    assert totals["completion_rate"] == {"num": 3, "den": 5, "pct": 60.0}
    overdue = [d["unit"] for d in report["overdue"]]
    assert overdue == ["VPTU", "UBKTTU"]
    # Re-running a keyed step of the script writes nothing new.
    again = demo.id("add-meeting", "--date", "6/5/2022", "--title", "x", "--key", "seed-000")
    assert again == meetings[3]["id"]
    assert demo("overdue", "--as-of", "2022-09-30", "--check").exit_code == 3
