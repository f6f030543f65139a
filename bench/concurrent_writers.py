"""Eight clerks writing at once for a minute, then everything checked.

WRITERS threads each run the installed ``dirtrack`` over and over, a fresh process per command
as a clerk or a cron job would, for SECONDS: a meeting (with a key), a directive, progress on
it, a limitation, and now and then a report, a reminder or the overdue list as a reader. Each
writer keeps what dirtrack said it wrote. At the end the database is compared with that, through
the CLI's own JSON: every meeting, directive and limitation present exactly once, every progress
report in the history, no ``database is locked``, ``doctor`` clean. The rate and the slowest
command are printed; the exit status is 1 if anything was lost, duplicated or refused.

    python bench/concurrent_writers.py [--writers 8] [--seconds 60] [--db FILE-OR-URL]

Without --db a new SQLite file in a temporary folder is used. The test suite runs a shorter
version (tests/test_concurrency.py); this is the one to run from outside it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

UNITS = ("VPTU", "BTC", "BDV", "UBKT")


def entry_point() -> str:
    found = shutil.which("dirtrack", path=str(Path(sys.executable).parent)) or shutil.which(
        "dirtrack"
    )
    if found is None:
        sys.exit("dirtrack is not installed in this environment")
    return found


@dataclass
class Writer:
    number: int
    meetings: list[int] = field(default_factory=list)
    directives: list[int] = field(default_factory=list)
    limitations: list[int] = field(default_factory=list)
    progress: int = 0
    reads: int = 0
    failures: list[str] = field(default_factory=list)
    slowest: float = 0.0
    commands: int = 0


def dirtrack(program: str, db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [program, "--db", db, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def write(program: str, db: str, writer: Writer, stop: float) -> None:
    meeting = directive = None
    i = 0
    while time.monotonic() < stop:
        unit = UNITS[(writer.number + i) % len(UNITS)]
        step = i % 6 if meeting is not None else 0
        tag = f"w{writer.number}-{i}"
        if step == 0:
            args = ["add-meeting", "--date", "6/5/2022", "--title", f"Họp {tag}", "--key", tag]
        elif step == 1:
            args = ["assign", str(meeting), "--unit", unit, "--due", "30/9/2022", f"Việc {tag}"]
        elif step == 2:
            args = ["progress", str(directive), "--percent", str(i % 101), "--date", "1/6/2022"]
        elif step == 3:
            args = ["add-limitation", str(meeting), "--unit", unit, f"Hạn chế {tag}"]
        else:
            reads = (
                ["report", "--quarter", "2022Q3", "--format", "json"],
                ["remind", "--as-of", "2022-09-25", "--format", "json"],
                ["overdue", "--as-of", "2022-10-01", "--format", "json"],
            )
            args = list(reads[i % 3])
        started = time.monotonic()
        done = dirtrack(program, db, *args)
        writer.slowest = max(writer.slowest, time.monotonic() - started)
        writer.commands += 1
        i += 1
        if done.returncode != 0:
            writer.failures.append(f"{' '.join(args[:2])}: exit {done.returncode}: {done.stderr}")
            continue
        out = done.stdout.split()
        if step == 0:
            meeting = int(out[0])
            writer.meetings.append(meeting)
        elif step == 1:
            directive = int(out[0])
            writer.directives.append(directive)
        elif step == 2:
            writer.progress += 1
        elif step == 3:
            writer.limitations.append(int(out[0]))
        else:
            json.loads(done.stdout)
            writer.reads += 1


def listing(program: str, db: str, *args: str) -> list[dict[str, object]]:
    done = dirtrack(program, db, *args, "--format", "json")
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {done.stderr}")
    found = json.loads(done.stdout)
    assert isinstance(found, list)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--db", help="a SQLite file or database URL (default: a new file)")
    options = parser.parse_args()
    program = entry_point()
    folder = None
    db = options.db
    if db is None:
        folder = tempfile.mkdtemp(prefix="dirtrack-bench-")
        db = str(Path(folder) / "bench.db")
    for code, name in zip(UNITS, ("Văn phòng", "Ban Tổ chức", "Ban Dân vận", "UBKT"), strict=True):
        dirtrack(program, db, "unit", "add", code, f"{name} Tỉnh ủy")
    before = {
        "meetings": len(listing(program, db, "meetings")),
        "directives": len(listing(program, db, "list")),
        "limitations": len(listing(program, db, "limitations")),
    }
    writers = [Writer(n) for n in range(options.writers)]
    stop = time.monotonic() + options.seconds
    threads = [threading.Thread(target=write, args=(program, db, w, stop)) for w in writers]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started

    problems = [f for w in writers for f in w.failures]
    locked = [p for p in problems if "locked" in p or "busy" in p]
    meetings = [m for w in writers for m in w.meetings]
    directives = [d for w in writers for d in w.directives]
    limitations = [x for w in writers for x in w.limitations]
    found_meetings = [m["id"] for m in listing(program, db, "meetings")]
    found_directives = [d["id"] for d in listing(program, db, "list")]
    found_limitations = [x["id"] for x in listing(program, db, "limitations")]
    log = Counter(c["command"] for c in listing(program, db, "history", "--limit", "0"))
    checks = {
        "no command refused": not problems,
        "no 'database is locked'": not locked,
        "every meeting once": len(found_meetings) == before["meetings"] + len(meetings)
        and set(meetings) <= set(found_meetings)
        and len(set(found_meetings)) == len(found_meetings),
        "every directive once": len(found_directives) == before["directives"] + len(directives)
        and set(directives) <= set(found_directives),
        "every limitation once": len(found_limitations) == before["limitations"] + len(limitations),
        "every progress report in the history": log["progress"] == sum(w.progress for w in writers),
        "doctor clean": dirtrack(program, db, "doctor").returncode == 0,
    }
    commands = sum(w.commands for w in writers)
    print(f"{options.writers} writers, {took:.0f} s, {commands} commands ({commands / took:.1f}/s)")
    print(
        f"wrote {len(meetings)} meetings, {len(directives)} directives, "
        f"{sum(w.progress for w in writers)} progress reports, {len(limitations)} limitations; "
        f"{sum(w.reads for w in writers)} reads"
    )
    print(f"slowest command: {max(w.slowest for w in writers):.2f} s")
    for name, ok in checks.items():
        print(f"  {'ok ' if ok else 'FAIL'} {name}")
    for problem in problems[:10]:
        print(f"  refused: {problem.strip()}")
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
