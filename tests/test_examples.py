"""The examples run, and the demo's report shows every status."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import ENTRY_POINT, run

ROOT = Path(__file__).resolve().parent.parent


def test_seed_meetings_script_records_every_status(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    env = {**os.environ, "DIRTRACK_DB": str(db), "DIRTRACK": ENTRY_POINT}
    done = subprocess.run(
        ["bash", str(ROOT / "examples" / "seed_meetings.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    meetings = json.loads(run("meetings", "--format", "json", db=str(db)).stdout)
    assert [m["date"] for m in meetings] == [
        "2016-03-01",
        "2017-12-28",
        "2021-07-29",
        "2022-05-06",
        "2022-09-07",
    ]
    assert meetings[3]["chair"] == "Phương Thị Thanh"
    report = json.loads(run("report", "--quarter", "2022Q3", "--format", "json", db=str(db)).stdout)
    totals = report["totals"]
    for key in ("done_on_time", "done_late", "open_in_time", "overdue", "no_deadline", "cancelled"):
        assert totals[key] > 0, key
    assert totals["total"] == 11
    assert totals["completion_rate"] == {"num": 3, "den": 5, "pct": 60.0}
    overdue = [d["unit"] for d in report["overdue"]]
    assert overdue == ["VPTU", "UBKTTU"]
    # Re-running a keyed step of the script writes nothing new.
    again = run(
        "add-meeting", "--date", "6/5/2022", "--title", "x", "--key", "seed-000", db=str(db)
    )
    assert again.returncode == 0 and int(again.stdout) == meetings[3]["id"]
    check = run("overdue", "--as-of", "2022-09-30", "--check", db=str(db))
    assert check.returncode == 3
