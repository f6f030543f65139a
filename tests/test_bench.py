"""``make bench`` still runs: a register of a thousand directives, each command once.

The figures themselves are never asserted (they depend on the machine and its load); this only
keeps the benchmark from rotting as the commands change.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"


@pytest.mark.slow("builds a register and starts dirtrack a dozen times")
def test_the_benchmark_builds_a_register_and_prints_its_table(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "1000", "--repeat", "1", "--import-max", "1000"]
        + ["--taskwarrior-max", "0", "--out", str(tmp_path / "out"), "--json", str(figures)]
        + ["--docs-units", "20"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "report --quarter" in done.stdout and "targets" in done.stdout
    assert "pack in, 500 answers" in done.stdout
    assert "report --format docx, 20 u." in done.stdout  # the documents, from 20 units
    assert "urge --all (a letter a unit), 20 u." in done.stdout
    measured = json.loads(figures.read_text(encoding="utf-8"))
    assert measured, "the JSON figures are empty"
    if shutil.which("sqlite3"):
        # The statements report sends, traced from a real run, replayed by the sqlite3 shell.
        assert "floor report all" in measured["1000"]
        replayed = (tmp_path / "out" / "floor-report-all.sql").read_text(encoding="utf-8")
        assert "FROM directive" in replayed and "PRAGMA" not in replayed
        assert "report / sqlite3, all its statements" in done.stdout
