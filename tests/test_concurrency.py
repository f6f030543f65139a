"""Concurrent use (issue 5): eight processes writing at once finish every write, with no
`database is locked`, and no row lost or duplicated; readers meanwhile see whole commands.

Each writer is a separate OS process (this file run as a script) that runs dirtrack commands
one after another, each with its own connection and transaction, and reports what it wrote.
The full one-minute run is bench/concurrent_writers.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import COMMAND, ENTRY_POINT, Cli, prebuilt, run

ROOT = Path(__file__).resolve().parent.parent
WRITERS = 8
UNITS = ("VPTU", "BTC", "BDV", "UBKT")


def invoker() -> Callable[[list[str]], tuple[int, str, str]]:
    """Run dirtrack in this process as its entry point would, on the command built once
    (conftest.COMMAND), with bytes for output."""
    import contextlib
    import io

    command = COMMAND

    def stream() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")

    def text(handle: io.TextIOWrapper) -> str:
        handle.flush()
        raw = handle.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8")

    def invoke(args: list[str]) -> tuple[int, str, str]:
        out, err = stream(), stream()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                command.main(args=args, prog_name="dirtrack")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        return code, text(out), text(err)

    return invoke


def worker(db: str, number: int, commands: int) -> dict[str, Any]:
    """Run ``commands`` dirtrack commands against ``db``; return what each one wrote."""
    invoke = invoker()
    made: dict[str, Any] = {
        "meetings": [],
        "directives": [],
        "progress": 0,
        "limitations": [],
        "reads": 0,
        "failures": [],
    }
    meeting = directive = None
    for i in range(commands):
        unit = UNITS[(number + i) % len(UNITS)]
        step = i % 6 if meeting is not None else 0
        if step == 0:
            args = ["add-meeting", "--date", "6/5/2022", "--title", f"Họp {number}-{i}",
                    "--attendee", unit, "--key", f"w{number}-m{i}"]  # fmt: skip
        elif step == 1:
            key, text = f"w{number}-d{i}", f"Nhiệm vụ {number}-{i}"
            args = ["assign", str(meeting), "--unit", unit, "--with", UNITS[number % 4],
                    "--due", "30/9/2022", "--key", key, text]  # fmt: skip
        elif step == 2:
            args = ["progress", str(directive), "--percent", str(i % 101), "--date", "1/6/2022"]
        elif step == 3:
            args = ["add-limitation", str(meeting), "--unit", unit, f"Hạn chế {number}-{i}"]
        elif step == 4:
            args = [
                "assign",
                str(meeting),
                "--attendees",
                "--key",
                f"w{number}-a{i}",
                f"Chung {number}-{i}",
            ]
        else:
            args = ["report", "--quarter", "2022Q3", "--format", "json"]
        code, stdout, stderr = invoke(["--db", db, *args])
        if code != 0:
            made["failures"].append(f"{args[0]}: {code} {stderr.strip()}")
            continue
        out = stdout.split()
        if step == 0:
            meeting = int(out[0])
            made["meetings"].append(meeting)
        elif step in (1, 4):
            made["directives"] += [int(x) for x in out]
            directive = int(out[-1])
        elif step == 2:
            made["progress"] += 1
        elif step == 3:
            made["limitations"].append(int(out[0]))
        else:
            report = json.loads(stdout)
            totals = report["totals"]
            # A reader sees whole commands: the counts always add up.
            assert totals["total"] == sum(
                totals[k] for k in ("done_on_time", "done_late", "open_in_time", "overdue")
            )
            made["reads"] += 1
    return made


def start_writers(db: str, commands: int, tmp_path: Path) -> list[dict[str, Any]]:
    procs = []
    for number in range(WRITERS):
        out = tmp_path / f"writer-{number}.json"
        procs.append(
            (
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "tests.test_concurrency",
                        db,
                        str(number),
                        str(commands),
                        str(out),
                    ],
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
                out,
            )
        )
    results = []
    for proc, out in procs:
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stdout + stderr
        assert "locked" not in stderr
        results.append(json.loads(out.read_text(encoding="utf-8")))
    return results


@pytest.fixture
@prebuilt
def shared(units: Cli) -> Cli:
    units.ok("add-meeting", "--date", "1/5/2022", "--title", "Họp chung")
    return units


def test_eight_writers_at_once_lose_and_duplicate_nothing(
    shared: Cli, db: str, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # Four rounds of the six kinds of command per writer in make test; make test-all (--run-slow)
    # runs the long version, where the register grows under the readers.
    commands = 24
    if request.config.getoption("--run-slow"):
        commands = 200 if backend == "sqlite" else 100
    results = start_writers(db, commands, tmp_path)
    failures = [f for r in results for f in r["failures"]]
    assert failures == []
    meetings = [m for r in results for m in r["meetings"]]
    directives = [d for r in results for d in r["directives"]]
    limitations = [x for r in results for x in r["limitations"]]
    assert len(set(meetings)) == len(meetings) and len(set(directives)) == len(directives)
    assert all(r["reads"] > 0 for r in results)

    listed = shared.json("meetings")
    assert sorted(m["id"] for m in listed) == sorted([1, *meetings])
    keys = Counter(m["key"] for m in listed)
    assert keys.most_common(1)[0][1] == 1 and len(keys) == len(meetings) + 1
    assert sorted(d["id"] for d in shared.json("list")) == sorted(directives)
    assert sorted(x["id"] for x in shared.json("limitations")) == sorted(limitations)
    # Every progress report is there once: the history counts the rows each command wrote.
    log = shared.json("history", "--limit", "0")
    written = Counter(c["command"] for c in log)
    assert written["progress"] == sum(r["progress"] for r in results)
    assert written["add-meeting"] == len(meetings) + 1
    assert sum(len(c["changes"]) for c in log if c["command"] == "progress") == written["progress"]
    assert shared("doctor").exit_code == 0


@pytest.mark.blank_db("eight first uses at once")
def test_eight_processes_on_a_new_database_with_the_same_key(db: str) -> None:
    """Eight first uses at once: the schema is made once, and the key records one meeting."""
    args = ["--db", db, "add-meeting", "--date", "6/5/2022", "--title", "Giao ban",
            "--key", "giao-ban-2022-05"]  # fmt: skip
    procs = [
        subprocess.Popen(
            [ENTRY_POINT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(WRITERS)
    ]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * WRITERS, outputs
    assert len({out.strip() for out, _ in outputs}) == 1
    assert sum("exists already" in err for _, err in outputs) == WRITERS - 1
    assert len(json.loads(run("meetings", "--format", "json", db=db).stdout)) == 1
    assert run("doctor", db=db).returncode == 0


if __name__ == "__main__":  # a writer: DB NUMBER COMMANDS OUT
    target, number, count, out_path = sys.argv[1:5]
    Path(out_path).write_text(json.dumps(worker(target, int(number), int(count))), encoding="utf-8")
