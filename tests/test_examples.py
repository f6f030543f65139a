"""The examples run, and the demo's report shows every status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Seeded, run_example, snapshot

# When a row was written (its own column, and inside the change log's images).
WRITTEN_AT = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?")


def rows_but_times(db: Path) -> str:
    """Every row of the database, with the moments rows were written masked."""
    return WRITTEN_AT.sub("<written at>", repr(snapshot(str(db))))


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


@pytest.mark.slow("sixty starts of the installed entry point")
def test_seed_meetings_script_with_the_installed_entry_point(
    seed_meetings: Seeded, tmp_path: Path
) -> None:
    """The script as a user runs it, one start of ``dirtrack`` per command, leaves the database
    that the fork server's run (the ``seed_meetings`` fixture) left."""
    real = tmp_path / "real.db"
    done = run_example("seed_meetings.sh", real)
    assert done.returncode == 0, done.stderr
    said = done.stderr.replace(str(real), str(seed_meetings.path))
    assert said == seed_meetings.run.stderr
    assert rows_but_times(real) == rows_but_times(seed_meetings.path)
