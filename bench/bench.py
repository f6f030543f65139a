"""Benchmark dirtrack on registers of 1,000 to 1,000,000 directives.

For each size it builds a register (500 units, meetings over the ten years up to today, a
realistic mix of statuses, extensions, progress and coordinating units, and the change log that
entering it by hand leaves) with bulk SQL, not through the command line, then runs, as a user
would (the installed ``dirtrack``, a fresh process each time, output to a pipe), ``report
--quarter`` (the current quarter), ``overdue``, ``list --status overdue --format json``,
``assign`` and ``import`` of the register's own JSON export into a new file, and prints the
median wall time and the peak memory (the process's maximum resident set) of each.

Beside them, on the same data and in the same run:

- the stack's import floor: ``python -c "import typer, sqlmodel, rich"`` (what any command of a
  Typer/SQLModel/rich program pays before it does anything);
- the query floor: the ``sqlite3`` command-line shell running the very SQL dirtrack sends for
  the per-unit counts and for the overdue list (compiled from ``dirtrack/store/rules.py`` and
  ``counts.py``), and every statement ``report`` sends (both periods' counts, the chairs, the
  fields, the risk colours, the overdue and due-soon lists, the limitations), as SQLite ran
  them in a traced run of the same command with their values written in: what ``report``
  costs beyond its SQL is start-up, building its objects and rendering;
- Taskwarrior (``task``, if installed: ``apt-get install taskwarrior``) on the same tasks (one
  per directive, its unit as project, the deadline in force as due date): ``task summary``
  against ``report`` and ``task overdue`` against ``overdue``, up to ``--taskwarrior-max``
  tasks.

The targets are shown as target / measured /
met, never asserted: every command at 1,000 directives within 1.25 times the import floor;
``report`` and ``overdue`` at 100,000 within 0.6 s and 100 MiB and faster than Taskwarrior; at
1,000,000 within 3 s and 150 MiB, and ``report`` within 4 times the sqlite3 floor; ``import``
of the JSON export flat in memory (the largest size within 1.5 times the smallest) and
1,000,000 directives in 300 MiB.

Units reporting back, up to ``--pack-max`` directives, on a copy of the register:
``pack out`` of the current quarter for every unit (500 workbooks) and ``pack in`` of the
folder of all 500 answers, filled beforehand with openpyxl as units would (untimed): one run
each, against 60 s and 300 MiB at 100,000 directives.

The documents an office files, up to ``--docs-max`` directives, on registers of the same size
led by 20, 200 and 2,000 units (``--docs-units``), each written once to a file on a copy of
the register: ``report`` of the current quarter as a Word document, a workbook and an HTML
page, the brief as a Word document, ``score`` of the year in Word and Excel, ``export --format
xlsx`` and ``urge --all`` (a letter to every unit with something overdue); no target, the
figures are for docs/benchmarks.md.

    python bench/bench.py [--sizes 1000,10000] [--repeat 5] [--out bench-out] [--only pack]
    python bench/bench.py --sizes 10000,100000 --only docs [--docs-units 20,200,2000]
    python bench/bench.py --register saved/register-100000-g5-2026-12-02.db --only pack --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = 500
YEARS = 10
GENERATOR = 5  # bump when the data changes, so cached registers are rebuilt (5: log by action)
STAMP = "2026-01-01 00:00:00.000000"
CLERKS = ["vanthu", "chuyenvien.hoa", "chuyenvien.nam", "chuyenvien.lan", "cron"]

TIME_TARGETS = {  # (size, command) -> (seconds, MiB): at most
    (1_000, "report"): (0.25, None),  # the first start-up target
    (1_000, "assign"): (0.25, None),
    (100_000, "report"): (0.6, 100.0),
    (100_000, "overdue"): (0.6, 100.0),
    (1_000_000, "report"): (3.0, 150.0),
    (1_000_000, "overdue"): (3.0, 150.0),
    (100_000, "pack out"): (60.0, 300.0),  # 500 units
    (100_000, "pack in"): (60.0, 300.0),
}
FLOOR_SIZE, FLOOR_RATIO = 1_000, 1.25  # every command at 1,000 within 1.25 x the import floor
TASK_SIZE = 100_000  # report and overdue faster than Taskwarrior there
QUERY_SIZE, QUERY_RATIO = 1_000_000, 4.0  # report within 4 x the bare sqlite3 query
IMPORT_SIZE, IMPORT_MIB, IMPORT_FLAT = 1_000_000, 300.0, 1.5
STACK = "import typer, sqlmodel, rich"

TASKS = [
    "Xây dựng đề án nâng cao chất lượng tham mưu, giúp việc",
    "Rà soát, bổ sung quy chế làm việc của cơ quan",
    "Kiện toàn đội ngũ cán bộ làm công tác văn phòng",
    "Báo cáo kết quả thực hiện nhiệm vụ chính trị 6 tháng",
    "Đôn đốc các đơn vị khắc phục hạn chế, khuyết điểm",
    "Chuẩn bị nội dung hội nghị sơ kết, tổng kết",
    "Tham mưu ban hành kế hoạch chuyển đổi số",
    "Đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "Giải quyết dứt điểm đơn thư khiếu nại tồn đọng",
    "Hoàn thiện hồ sơ đề nghị công nhận xã nông thôn mới",
]
PRODUCTS = [None, None, "Báo cáo", "Đề án", "Tờ trình", "Kế hoạch", "Quyết định"]
LIMITS = [
    ("Tham mưu còn chậm, chất lượng chưa cao", "timeliness"),
    ("Thiếu cán bộ có chuyên môn", "staffing"),
    ("Kinh phí hạn hẹp", "budget"),
    ("Phối hợp giữa các cơ quan chưa chặt chẽ", "coordination"),
    ("Thiếu phương tiện, thiết bị", "equipment"),
]
KINDS = ["working-session", "briefing", "conference", "review"]
NAMES = [
    ("VPTU", "Văn phòng Tỉnh ủy"),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy"),
    ("BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("VPUB", "Văn phòng UBND tỉnh"),
    ("SNV", "Sở Nội vụ"),
    ("STC", "Sở Tài chính"),
    ("SXD", "Sở Xây dựng"),
    ("SYT", "Sở Y tế"),
    ("SGDDT", "Sở Giáo dục và Đào tạo"),
]


def dirtrack() -> str:
    return shutil.which("dirtrack", path=str(Path(sys.executable).parent)) or "dirtrack"


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- the register -----------------------------------------------------------------------------


@dataclass
class Register:
    path: Path
    size: int
    today: date
    meeting: int  # a recent meeting, for `assign`
    unit: str  # a unit code, for `assign`


def _rows(
    size: int, today: date, rng: random.Random, units: int = UNITS
) -> Iterator[tuple[str, list[tuple]]]:
    """The rows of every table, as (table, rows) chunks, in insertion order."""
    first = today - timedelta(days=365 * YEARS)
    span = (today - first).days
    unit_rows = []
    for i in range(units):
        code, name = NAMES[i] if i < len(NAMES) else (f"XA{i:03d}", f"UBND xã số {i:03d}")
        unit_rows.append((i + 1, code, code.lower(), name, name.lower(), None, None, None, STAMP))
    yield "unit", unit_rows
    meetings_n = max(10, size // 20)
    meeting_days = sorted(rng.randrange(span) for _ in range(meetings_n))
    meetings, attendees, limitations = [], [], []
    for mid, offset in enumerate(meeting_days, start=1):
        held = first + timedelta(days=offset)
        meetings.append(
            (
                mid,
                iso(held),
                f"Hội nghị giao ban số {mid}",
                rng.choice(KINDS),
                "Đồng chí Bí thư",
                "Bí thư Tỉnh ủy",
                f"{mid}-TB/TU",
                None,
                None,
                STAMP,
            )
        )
        for uid in rng.sample(range(1, units + 1), rng.randint(3, 6)):
            attendees.append((mid, uid))
        text, category = rng.choice(LIMITS)
        resolved = held + timedelta(days=rng.randint(20, 400))
        open_lim = rng.random() < 0.08 or resolved > today
        limitations.append(
            (
                mid,
                mid,
                rng.randint(1, units),
                text,
                text.lower(),
                category,
                None if open_lim else iso(resolved),
                None,
                None,
                STAMP,
            )
        )
    yield "meeting", meetings
    yield "meeting_attendee", attendees
    yield "limitation", limitations
    # Directives: most units get a few, some get many (a skewed, office-like spread).
    weights = [1.0 / (1 + (i % 50)) for i in range(units)]
    batch: list[tuple] = []
    extensions: list[tuple] = []
    progress: list[tuple] = []
    coordinators: list[tuple] = []
    ext_id = prog_id = 0
    unit_ids = list(range(1, units + 1))
    for did in range(1, size + 1):
        mid = rng.randint(1, meetings_n)
        held = first + timedelta(days=meeting_days[mid - 1])
        uid = rng.choices(unit_ids, weights)[0]
        due = None if rng.random() < 0.12 else held + timedelta(days=rng.randint(15, 180))
        in_force = due
        if due is not None and rng.random() < 0.12:
            for _ in range(1 if rng.random() < 0.8 else 2):
                approved = (in_force or due) - timedelta(days=rng.randint(-20, 10))
                approved = max(approved, held)
                if approved > today:
                    break
                in_force = (in_force or due) + timedelta(days=rng.randint(30, 120))
                ext_id += 1
                extensions.append(
                    (ext_id, did, iso(approved), iso(in_force), None, "Công văn xin gia hạn", STAMP)
                )
        completed = cancelled = None
        roll = rng.random()
        settled = in_force is None or in_force + timedelta(days=60) < today
        if roll < 0.015:
            cancelled = min(held + timedelta(days=rng.randint(5, 200)), today)
        elif (settled and roll < 0.985) or (not settled and roll < 0.45):
            if in_force is not None and rng.random() < 0.12:
                completed = in_force + timedelta(days=rng.randint(1, 60))  # late
            else:
                deadline = in_force or held + timedelta(days=90)
                completed = held + timedelta(days=rng.randint(3, max(3, (deadline - held).days)))
            completed = min(completed, today)
        if rng.random() < 0.3:
            last = min(completed or today, today)
            for _ in range(rng.randint(1, 3)):
                prog_id += 1
                reported = held + timedelta(days=rng.randint(0, max(0, (last - held).days)))
                progress.append(
                    (
                        prog_id,
                        did,
                        iso(reported),
                        rng.choice([20, 40, 50, 70, 90]),
                        "Đang triển khai",
                        STAMP,
                    )
                )
        if rng.random() < 0.35:
            for other in {rng.randint(1, units) for _ in range(rng.randint(1, 2))} - {uid}:
                coordinators.append((did, other))
        batch.append(
            (
                did,
                mid,
                uid,
                f"{rng.choice(TASKS)} ({did})",
                iso(due),
                None,
                rng.choice(PRODUCTS),
                None,
                iso(completed),
                "Đã có báo cáo" if completed else None,
                iso(cancelled),
                "Không còn phù hợp" if cancelled else None,
                STAMP,
            )
        )
        if len(batch) == 20_000:
            yield "directive", batch
            yield "extension", extensions
            yield "progress_entry", progress
            yield "directive_coordinator", coordinators
            batch, extensions, progress, coordinators = [], [], [], []
    yield "directive", batch
    yield "extension", extensions
    yield "progress_entry", progress
    yield "directive_coordinator", coordinators


# The columns of each table as _rows gives them, for the row images of the change log.
IMAGE_COLUMNS = {
    "unit": (
        "id", "code", "code_key", "name", "name_key", "parent_id", "successor_id", "retired_on",
        "created_at",
    ),
    "meeting": (
        "id", "date", "title", "kind", "chair", "chair_title", "doc", "note", "key", "created_at",
    ),
    "limitation": (
        "id", "meeting_id", "unit_id", "text", "text_key", "category", "resolved_on",
        "resolve_note", "repeat_of_id", "created_at",
    ),
    "directive": (
        "id", "meeting_id", "unit_id", "text", "original_due", "due_text", "product", "key",
        "completed_on", "completion_note", "cancelled_on", "cancel_reason", "created_at",
    ),
    "extension": (
        "id", "directive_id", "approved_on", "new_due", "due_text", "reason", "created_at",
    ),
    "progress_entry": ("id", "directive_id", "reported_on", "percent", "note", "created_at"),
}  # fmt: skip
TABLE_COLUMNS = {
    "meeting_attendee": ("meeting_id", "unit_id"),
    "directive_coordinator": ("directive_id", "unit_id"),
}
LOG_COLUMNS = (
    "id", "at", "actor", "action", "entity", "entity_id", "before", "after", "undone_by",
    "directive_id",
)  # fmt: skip
RANGE = "@ROWS@"  # a follow-up command row's range of change rows, until it is known
_JSON = json.JSONEncoder(ensure_ascii=False)  # as dirtrack writes the log


class _History:
    """The change log the register's rows would have left had they been entered by hand, as
    dirtrack writes it (dirtrack/store/history.py): per command, one change row per table row
    created or changed (its whole image as JSON), then a command row naming the range.

    Creations come first (``unit add``, ``add-meeting``, ``add-limitation``, ``assign`` with
    the coordinating units), in id order, written straight to ``change_log``; the follow-ups
    come after all of them, as in a real log where a directive's progress, extensions and
    completion come long after its creation (``progress``, ``extend``, ``done``, ``cancel``,
    ``resolve``). Those go to a stage table with ids counted from 1 and move to the log at the
    end (:func:`_move_stage`), when the number of creation rows is known.
    """

    def __init__(self, rng: random.Random, start: date) -> None:
        self.rng = rng
        self.start = iso(start)  # the day the units were registered
        self.held: dict[int, str] = {}  # meeting id -> its day
        self.attendees: dict[int, list[int]] = {}
        self.pending: dict[str, list[tuple]] = {}
        self.now: list[tuple] = []  # change_log rows, ids final
        self.later: list[tuple] = []  # change_stage rows, ids counted from 1
        self.next_now = self.next_later = 1

    def _at(self, day: str) -> str:
        """A time in office hours on ``day``, as SQLAlchemy stores it in SQLite."""
        t = self.rng.randrange(9 * 3600 * 10**6)  # microseconds after 08:00
        h, m, sec, us = 8 + t // 3_600_000_000, t // 60_000_000 % 60, t // 10**6 % 60, t % 10**6
        return f"{day} {h:02d}:{m:02d}:{sec:02d}.{us:06d}"

    @staticmethod
    def image(table: str, row: tuple) -> dict[str, object]:
        found = dict(zip(IMAGE_COLUMNS[table], row, strict=True))
        if "created_at" in found:
            found["created_at"] = "2026-01-01T00:00:00+00:00"  # as dirtrack reads STAMP back
        return found

    def command(
        self,
        name: str,
        params: dict[str, object],
        day: str,
        changes: list[tuple[str, str, int | None, object, object, int | None]],
        *,
        later: bool = False,
    ) -> None:
        """One command on ``day``: its change rows (action, entity, entity_id, before, after,
        directive_id), then its command row."""
        at, actor = self._at(day), self.rng.choice(CLERKS)
        rows, first = (self.later, self.next_later) if later else (self.now, self.next_now)
        for n, (action, entity, entity_id, before, after, directive_id) in enumerate(changes):
            dump = (None if before is None else _JSON.encode(before), _JSON.encode(after))
            rows.append(
                (first + n, at, actor, action, entity, entity_id, *dump, None, directive_id)
            )
        last = first + len(changes) - 1
        span = RANGE if later else [first, last]
        summary = _JSON.encode({"params": params, "rows": span, "count": len(changes)})
        rows.append((last + 1, at, actor, name, "command", None, None, summary, None, None))
        if later:
            self.next_later = last + 2
        else:
            self.next_now = last + 2

    def add(self, table: str, rows: list[tuple]) -> None:
        """Note the rows of a chunk of _rows; write the commands of those complete."""
        if table == "unit":
            for row in rows:
                image = self.image("unit", row)
                self.command("unit add", {"code": row[1]}, self.start, [
                    ("create", "unit", row[0], None, image, None),
                ])  # fmt: skip
        elif table == "meeting_attendee":
            for mid, uid in rows:
                self.attendees.setdefault(mid, []).append(uid)
            for row in self.pending.pop("meeting", []):
                mid, day = row[0], row[1]
                self.held[mid] = day
                changes = [("create", "meeting", mid, None, self.image("meeting", row), None)]
                changes += [
                    (
                        "create",
                        "meeting_attendee",
                        None,
                        None,
                        {"meeting_id": mid, "unit_id": u},
                        None,
                    )
                    for u in sorted(self.attendees.pop(mid, []))
                ]
                self.command("add-meeting", {"date": day}, day, changes)
        elif table == "limitation":
            for row in rows:
                image = self.image("limitation", row)
                day, resolved = self.held[row[1]], row[6]
                created = {**image, "resolved_on": None, "resolve_note": None}
                self.command("add-limitation", {"meeting_id": row[1]}, day, [
                    ("create", "limitation", row[0], None, created, None),
                ])  # fmt: skip
                if resolved is not None:
                    self.command("resolve", {"limitation_id": row[0]}, resolved, [
                        ("update", "limitation", row[0], created, image, None),
                    ], later=True)  # fmt: skip
        elif table == "directive_coordinator":
            self._directives(rows)
        else:
            self.pending.setdefault(table, []).extend(rows)

    def _directives(self, coordinators: list[tuple]) -> None:
        """The commands of a batch of directives (with their extensions and progress)."""
        with_ = {}
        for did, uid in coordinators:
            with_.setdefault(did, []).append(uid)
        extensions, progress = {}, {}
        for row in self.pending.pop("extension", []):
            extensions.setdefault(row[1], []).append(row)
        for row in self.pending.pop("progress_entry", []):
            progress.setdefault(row[1], []).append(row)
        for row in self.pending.pop("directive", []):
            did, mid, day = row[0], row[1], self.held[row[1]]
            now = self.image("directive", row)
            created = {**now, "completed_on": None, "completion_note": None}
            created.update(cancelled_on=None, cancel_reason=None)
            changes = [("create", "directive", did, None, created, did)]
            changes += [
                (
                    "create",
                    "directive_coordinator",
                    None,
                    None,
                    {"directive_id": did, "unit_id": u},
                    did,
                )
                for u in sorted(with_.get(did, []))
            ]
            self.command("assign", {"meeting_id": mid, "unit": row[2], "due": row[4]}, day, changes)
            follow = [(p[2], "progress", "progress_entry", p) for p in progress.get(did, [])]
            follow += [(e[2], "extend", "extension", e) for e in extensions.get(did, [])]
            for when, name, table, part in sorted(follow, key=lambda f: (f[0], f[1])):
                image = self.image(table, part)
                self.command(name, {"directive_id": did}, when, [
                    ("create", table, part[0], None, image, did),
                ], later=True)  # fmt: skip
            closed, name = (row[8], "done") if row[8] else (row[10], "cancel")
            if closed:
                self.command(name, {"directive_id": did}, closed, [
                    ("update", "directive", did, created, now, did),
                ], later=True)  # fmt: skip

    def take(self) -> Iterator[tuple[str, list[tuple]]]:
        rows, self.now = self.now, []
        yield "change_log", rows
        rows, self.later = self.later, []
        yield "change_stage", rows


def _with_history(size: int, today: date, units: int) -> Iterator[tuple[str, list[tuple]]]:
    """The rows of _rows, each chunk followed by the change log rows it completes."""
    # Its own draws: the tables are those of generation 3, the log comes on top.
    log = _History(random.Random(size + 1), today - timedelta(days=365 * YEARS + 1))
    for table, rows in _rows(size, today, random.Random(size), units):
        yield table, rows
        log.add(table, rows)
        yield from log.take()


def _move_stage(conn: sqlite3.Connection) -> None:
    """Append the follow-up commands (change_stage) to the log, their ids after the others,
    and write each command row's range of change rows (they just precede it)."""
    offset = conn.execute("SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0]
    names = ", ".join(f'"{c}"' for c in LOG_COLUMNS)
    after = (
        "CASE WHEN entity = 'command' THEN replace(\"after\", :range, '[' || "
        "(id + :offset - json_extract(\"after\", '$.count')) || ', ' || (id + :offset - 1) "
        "|| ']') ELSE \"after\" END"
    )
    picked = ", ".join({"id": "id + :offset", "after": after}.get(c, f'"{c}"') for c in LOG_COLUMNS)
    conn.execute(
        f"INSERT INTO change_log ({names}) SELECT {picked} FROM change_stage ORDER BY id",
        {"offset": offset, "range": _JSON.encode(RANGE)},
    )
    conn.execute("DROP TABLE change_stage")


def register_name(size: int, units: int = UNITS) -> str:
    """The start of a register's file name: its size, and its units when not the usual 500."""
    return f"register-{size}" + ("" if units == UNITS else f"-u{units}")


def build_register(
    folder: Path, size: int, today: date, units: int = UNITS, *, schema: Path | None = None
) -> Register:
    """Create (or reuse, if built today by this generator) a register of ``size`` directives
    led by ``units`` units; from a copy of ``schema`` if given (a file dirtrack has migrated
    to its current schema, as a test session keeps one) rather than a file migrated anew in
    a process of its own."""
    name = register_name(size, units)
    path = folder / f"{name}-g{GENERATOR}-{today.isoformat()}.db"
    found = Register(path, size, today, meeting=max(10, size // 20), unit="VPTU")
    if path.exists():
        return found
    for old in folder.glob(f"{name}-g*.db"):
        old.unlink()
    started = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    # The schema comes from dirtrack itself (its migrations, as a first write runs them); the
    # rows from bulk SQL.
    if schema is not None:
        shutil.copyfile(schema, tmp)
    else:
        make_schema = "import sys; from dirtrack.db import open_engine; open_engine(sys.argv[1])"
        subprocess.run(
            [sys.executable, "-c", make_schema, str(tmp)], check=True, capture_output=True
        )
    conn = sqlite3.connect(tmp)
    # A throwaway file until it is renamed: no journal while it is filled (WAL would write
    # every page twice), then back to WAL, as dirtrack leaves its files.
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    # The log's indexes are built once it is full, with dirtrack's own definitions.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' "
        "AND sql IS NOT NULL"
    ).fetchall()
    with conn:
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.execute("CREATE TEMP TABLE change_stage AS SELECT * FROM change_log WHERE 0")
        for table, rows in _with_history(size, today, units):
            if not rows:
                continue
            if table in ("change_log", "change_stage"):
                names = ", ".join(f'"{c}"' for c in LOG_COLUMNS)
                marks = ", ".join("?" * len(LOG_COLUMNS))
                conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
                continue
            # Named columns: the ones the generator fills; later columns take their defaults.
            names = IMAGE_COLUMNS.get(table) or TABLE_COLUMNS[table]
            listed = ", ".join(f'"{c}"' for c in names)
            marks = ", ".join("?" * len(names))
            conn.executemany(f"INSERT INTO {table} ({listed}) VALUES ({marks})", rows)
        _move_stage(conn)
        for _, sql in indexes:
            conn.execute(sql)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    tmp.rename(path)
    print(f"  built {size:,} directives in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return found


# --- measuring --------------------------------------------------------------------------------


@dataclass
class Figure:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kib: int = 0

    def add(self, seconds: float, kib: int, cpu: float) -> None:
        self.seconds.append(seconds)
        self.cpu.append(cpu)
        self.peak_kib = max(self.peak_kib, kib)

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def median_cpu(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def mib(self) -> float | None:
        return self.peak_kib / 1024 if self.peak_kib else None


# Peak memory is the child's maximum resident set size (ru_maxrss). A child forked from this
# (large) Python process would inherit its size until exec, so the command is started by a
# small process instead: GNU time if installed, else a bare Python that only forks and waits.
_TIME = shutil.which("time", path="/usr/bin:/bin")
_HELPER = (
    "import os,sys\n"
    "pid=os.fork()\n"
    "if pid==0:\n"
    " os.execvp(sys.argv[1],sys.argv[1:])\n"
    "_,st,ru=os.wait4(pid,0)\n"
    "sys.stderr.write('%d %.2f %.2f\\n'%(ru.ru_maxrss,ru.ru_utime,ru.ru_stime))\n"
    "sys.exit(os.waitstatus_to_exitcode(st))\n"
)


def run_once(
    argv: Sequence[str], *, env: dict[str, str], stdin: Path | None = None
) -> tuple[float, int, float]:
    """Wall seconds, peak resident KiB and CPU seconds (user + system) of one process."""
    if _TIME:
        wrapper = [_TIME, "-f", "%M %U %S"]
    else:
        wrapper = [sys.executable, "-S", "-c", _HELPER]
    handle = stdin.open("rb") if stdin else None
    started = time.perf_counter()
    proc = subprocess.run(
        [*wrapper, *argv],
        stdin=handle or subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if handle:
        handle.close()
    lines = proc.stderr.decode(errors="replace").strip().splitlines()
    if proc.returncode not in (0, 3) or not lines:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {' '.join(lines)}")
    kib, user, system = lines[-1].split()[-3:]
    return elapsed, int(kib), float(user) + float(system)


def measure(
    argv: Sequence[str] | Callable[[int], Sequence[str]],
    repeat: int,
    env: dict[str, str],
    **kw: object,
) -> Figure:
    """The figures of ``repeat`` runs of ``argv`` after a warm-up; ``argv`` may be a function of
    the run's number, for a command that must differ each time (``assign`` a new text)."""
    nth = argv if callable(argv) else (lambda _: argv)
    figure = Figure()
    run_once(nth(0), env=env, **kw)  # warm-up: page cache and compiled modules, as for a user
    for n in range(1, repeat + 1):
        figure.add(*run_once(nth(n), env=env, **kw))
    argv = nth(0)
    shown = " ".join(Path(a).name if "/" in a else a for a in argv)
    print(f"  {_cell(figure)}  {shown[:90]}", file=sys.stderr, flush=True)
    return figure


# Runs dirtrack's command line in this process with every statement SQLite executes written to
# the file given first (SQLite's own trace: the statements with their values expanded).
TRACE = """
import sys
import tempfile
from sqlalchemy import event
from sqlalchemy.engine import Engine
out = open(sys.argv[1], "w", encoding="utf-8")
def traced(dbapi_connection, _record):
    dbapi_connection.set_trace_callback(lambda sql: out.write(sql.strip().rstrip(";") + ";\\n"))
event.listen(Engine, "connect", traced)
sys.argv = ["dirtrack", *sys.argv[2:]]
from dirtrack.cli import main
try:
    main()
finally:
    out.close()
"""


def traced_sql(argv: list[str], env: dict[str, str]) -> str:
    """The statements a dirtrack command sends, read-only ones alone (no PRAGMA, no BEGIN)."""
    with tempfile.TemporaryDirectory() as folder:
        trace = Path(folder) / "trace.sql"
        subprocess.run(
            [sys.executable, "-c", TRACE, str(trace), *argv],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        statements = trace.read_text(encoding="utf-8").split(";\n")
    kept = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    return "".join(f"{s};\n" for s in kept)


def floor_sql(reg: Register) -> tuple[str, str]:
    """The plain SQL of the per-unit counts of ``report`` (the reference statement of
    ``tests/oracle.py``) and the SQL dirtrack sends for the rows of ``overdue``, compiled for
    SQLite with the values written in."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from dirtrack.periods import parse_period
    from dirtrack.status import Status
    from dirtrack.store.rules import Scope, directive_ids
    from dirtrack.store.tables import directive
    from tests.oracle import unit_counts_query

    span = parse_period(f"{reg.today.year}Q{(reg.today.month - 1) // 3 + 1}", today=reg.today)
    scope = Scope(as_of=reg.today, held_on_or_before=reg.today, closed_not_before=span.start)
    late = directive_ids(
        Scope(as_of=reg.today, held_on_or_before=reg.today),
        [Status.OVERDUE],
        most_overdue_first=True,
    ).subquery()
    listing = select(directive).join(late, late.c.id == directive.c.id)
    options = {"dialect": sqlite.dialect(), "compile_kwargs": {"literal_binds": True}}
    return (
        str(unit_counts_query(scope).compile(**options)) + ";\n",  # type: ignore[arg-type]
        str(listing.compile(**options)) + ";\n",  # type: ignore[arg-type]
    )


# --- Taskwarrior ------------------------------------------------------------------------------


def taskwarrior_data(reg: Register, folder: Path) -> Path:
    """The register's directives as Taskwarrior tasks, written in its own data-file format."""
    data = folder / f"task-{reg.size}-{reg.today.isoformat()}"
    if (data / "pending.data").exists():
        return data
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    conn = sqlite3.connect(reg.path)
    query = """
        SELECT d.id, d.text, u.code, m.date, d.completed_on, d.cancelled_on,
               COALESCE((SELECT e.new_due FROM extension e WHERE e.directive_id = d.id
                         ORDER BY e.approved_on DESC, e.id DESC LIMIT 1), d.original_due)
        FROM directive d JOIN unit u ON u.id = d.unit_id JOIN meeting m ON m.id = d.meeting_id
    """

    def epoch(text: str) -> int:
        return int(datetime.fromisoformat(text).timestamp())

    with (data / "pending.data").open("w") as pending, (data / "completed.data").open("w") as done:
        for did, text, code, held, completed, cancelled, due in conn.execute(query):
            fields = {
                "description": text.replace('"', "'"),
                "entry": epoch(held),
                "modified": epoch(held),
                "project": code,
                "uuid": str(uuid.UUID(int=did)),
            }
            if due:
                fields["due"] = epoch(due)
            if cancelled:
                fields.update(status="deleted", end=epoch(cancelled))
            elif completed:
                fields.update(status="completed", end=epoch(completed))
            else:
                fields["status"] = "pending"
            line = "[" + " ".join(f'{k}:"{v}"' for k, v in fields.items()) + "]\n"
            (pending if fields["status"] == "pending" else done).write(line)
    conn.close()
    return data


# --- the run ----------------------------------------------------------------------------------


def reuse_register(parser: argparse.ArgumentParser, given: Path, out: Path) -> tuple[int, date]:
    """Copy a register built before into ``out`` under the name :func:`build_register` looks
    for (with its write-ahead log, if any), unless it is there already; return its size and
    the day it ends on."""
    import re

    found = re.fullmatch(r"register-(\d+)-g(\d+)-(\d{4}-\d\d-\d\d)\.db", given.name)
    if found is None or int(found[2]) != GENERATOR or not given.is_file():
        parser.error(f"--register: {given} is no register-SIZE-g{GENERATOR}-DAY.db file")
    target = out / given.name
    if not target.exists():
        for extra in ("-wal", ""):  # the log first: the file itself last, once complete
            source = Path(f"{given}{extra}")
            if source.exists():
                shutil.copyfile(source, f"{target}{extra}.tmp")
        for extra in ("-wal", ""):
            if Path(f"{target}{extra}.tmp").exists():
                Path(f"{target}{extra}.tmp").rename(f"{target}{extra}")
    return int(found[1]), date.fromisoformat(found[3])


def fill_answers(packs: Path, answers: Path) -> int:
    """Each workbook of ``packs`` filled as its unit would, into ``answers``: every open
    directive it leads at some progress ("Đang thực hiện"), a note on those it coordinates.
    Returns the number of rows answered."""
    sys.path.insert(0, str(ROOT))
    from openpyxl import load_workbook

    from dirtrack.store.packs import LEAD, WITH
    from dirtrack.transfer.pack_book import ANSWERS, FIRST_ROW, INFO, SHEETS, STATES

    answers.mkdir(parents=True, exist_ok=True)
    lead = [key for key, _, _ in ANSWERS[LEAD]]
    percent_col, state_col = len(INFO) + 1, len(INFO) + lead.index("state") + 1
    base_pct, base_done = len(INFO) + len(lead) + 2, len(INFO) + len(lead) + 3
    note_col = len(INFO) + 1
    answered = 0
    for path in sorted(packs.glob("*.xlsx")):
        book = load_workbook(path)
        ws = book[SHEETS[LEAD]]
        for row in range(FIRST_ROW, ws.max_row + 1):
            if ws.cell(row, 2).value is None or ws.cell(row, base_done).value:
                continue
            before = int(ws.cell(row, base_pct).value or 0)
            ws.cell(row, percent_col).value = min(100, before + 10)
            ws.cell(row, state_col).value = STATES["ongoing"]
            answered += 1
        ws = book[SHEETS[WITH]]
        for row in range(FIRST_ROW, ws.max_row + 1):
            if ws.cell(row, 2).value is not None:
                ws.cell(row, note_col).value = "Đã phối hợp, gửi ý kiến bằng văn bản"
                answered += 1
        book.save(answers / path.name)
    return answered


def packs_round(
    reg: Register, out: Path, env: dict[str, str], quarter: str
) -> tuple[Figure, Figure]:
    """``pack out`` of ``quarter`` for every unit, then ``pack in`` of all their answers, on a
    copy of the register (the packs are recorded in it): one run each."""
    work = out / f"packs-{reg.size}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    copy = work / "register.db"
    source = sqlite3.connect(reg.path)
    target = sqlite3.connect(copy)
    source.backup(target)  # the WAL's pages too
    source.close()
    target.close()
    run = [dirtrack(), "--db", str(copy)]
    day = reg.today.isoformat()
    made = Figure()
    made.add(
        *run_once(
            [*run, "pack", "out", "--quarter", quarter, "--as-of", day, "--dir", str(work / "out")],
            env=env,
        )
    )
    count = len(list((work / "out").glob("*.xlsx")))
    print(f"  {_cell(made)}  pack out: {count} workbooks", file=sys.stderr, flush=True)
    rows = fill_answers(work / "out", work / "back")
    taken = Figure()
    taken.add(*run_once([*run, "pack", "in", str(work / "back"), "--date", day], env=env))
    print(f"  {_cell(taken)}  pack in: {count} answers, {rows} rows", file=sys.stderr, flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return made, taken


# The documents an office files, each written once to a file (key, what the row says, the
# command's arguments after ``dirtrack --db REGISTER``: {report} is ``report`` of the current
# quarter as of the register's last day, {score} ``score`` of its year, {day} that day and
# {out} a folder for the files).
DOCUMENTS = [
    ("report docx", "report --format docx", "{report} --format docx --out {out}/r.docx"),
    ("report xlsx", "report --format xlsx", "{report} --format xlsx --out {out}/r.xlsx"),
    ("report html", "report --format html", "{report} --format html --out {out}/r.html"),
    ("brief docx", "report --brief --format docx", "{report} --brief -f docx -o {out}/b.docx"),
    ("score docx", "score --format docx", "{score} --format docx --out {out}/s.docx"),
    ("score xlsx", "score --format xlsx", "{score} --format xlsx --out {out}/s.xlsx"),
    ("export xlsx", "export --format xlsx", "export -f xlsx --as-of {day} --out {out}/e.xlsx"),
    ("urge all", "urge --all (a letter a unit)", "urge --all --as-of {day} --dir {out}/urge"),
]
DOC_UNITS = "20,200,2000"


def doc_key(key: str, units: int) -> str:
    return f"{key} @{units}"


def documents_round(
    size: int, units: int, out: Path, env: dict[str, str], today: date
) -> dict[str, Figure]:
    """Every document of :data:`DOCUMENTS` from a register of ``size`` directives and
    ``units`` units, one run each, on a copy of it (``urge`` records its letters)."""
    reg = build_register(out, size, today, units)
    work = out / f"documents-{size}-{units}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    copy = work / "register.db"
    source = sqlite3.connect(reg.path)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    got: dict[str, Figure] = {}
    for key, _, args in DOCUMENTS:
        figure = got[doc_key(key, units)] = Figure()
        day = today.isoformat()
        said = args.format(
            report=f"report --quarter {quarter} --as-of {day}",
            score=f"score --period {today.year} --as-of {day} --rules nd335",
            day=day,
            out=work,
        )
        figure.add(*run_once([dirtrack(), "--db", str(copy), *said.split()], env=env))
        print(f"  {_cell(figure)}  {key}, {units:,} units", file=sys.stderr, flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return got


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("SIZES") or "1000,10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per command (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument(
        "--import-max",
        type=int,
        default=1_000_000,
        help="largest register to export and import again (the import streams: memory is flat)",
    )
    parser.add_argument("--taskwarrior-max", type=int, default=100_000)
    parser.add_argument(
        "--pack-max", type=int, default=100_000, help="largest register to run packs out and in on"
    )
    parser.add_argument(
        "--docs-max", type=int, default=100_000, help="largest register to write documents of"
    )
    parser.add_argument(
        "--docs-units",
        default=DOC_UNITS,
        help="the documents' registers: how many units (comma-separated; default %(default)s)",
    )
    parser.add_argument(
        "--only",
        help="run only these rows (comma-separated: floor, report, overdue, list, assign, "
        "import, sqlite3, task, pack, docs)",
    )
    parser.add_argument(
        "--register",
        type=Path,
        help="a register built before (register-SIZE-gN-DAY.db, of this generator): copied "
        "into --out and used, at its size and day, instead of building one (the file given is "
        "never opened: commands migrate the files they open)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date.today(),
        help="the day the registers end on (default: today; an earlier day reuses its registers)",
    )
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    only = {w.strip() for w in args.only.split(",")} if args.only else None
    doc_units = [int(u.replace("_", "")) for u in args.docs_units.split(",") if u.strip()]

    def want(row: str) -> bool:
        return only is None or row in only

    args.out.mkdir(parents=True, exist_ok=True)
    today = args.today
    if args.register:
        size, today = reuse_register(parser, args.register, args.out)
        sizes = [size]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIRTRACK_")}
    # As on a user's machine: Python keeps the compiled modules (this sandbox turns that off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["LANG"] = "C.UTF-8"
    task = shutil.which("task")
    sqlite_shell = shutil.which("sqlite3")
    results: dict[int, dict[str, Figure]] = {}
    for size in sizes:
        print(f"{size:,} directives", file=sys.stderr)
        reg = build_register(args.out, size, today)
        quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
        db = ["--db", str(reg.path)]
        repeat = args.repeat if size < 1_000_000 else 1  # one timed run (after a warm-up)
        # The floor is measured beside each size's commands, so that both meet the same load.
        got: dict[str, Figure] = {}
        if want("floor"):
            got["import floor"] = measure([sys.executable, "-c", STACK], repeat, env)
        run = [dirtrack(), *db]
        if want("report"):
            got["report"] = measure([*run, "report", "--quarter", quarter], repeat, env)
        if want("overdue"):
            got["overdue"] = measure([*run, "overdue"], repeat, env)
        if want("list"):
            got["list"] = measure(
                [*run, "list", "--status", "overdue", "--format", "json"], repeat, env
            )
        if want("assign"):
            got["assign"] = measure(
                lambda n, run=run, reg=reg: [
                    *run,
                    "assign",
                    str(reg.meeting),
                    "--unit",
                    reg.unit,
                    "--due",
                    "2099-12-31",
                    # unique per run too: a register kept in --out is used again, and
                    # assign refuses the same text twice to a unit at one meeting
                    f"Báo cáo kết quả (bench {os.getpid()}-{n})",
                ],
                repeat,
                env,
            )
        if size <= args.import_max and want("import"):
            export = args.out / f"export-{size}.json"
            got["export"] = figure = Figure()
            figure.add(
                *run_once(
                    [*run, "export", "--format", "json", "--out", str(export), "--force"], env=env
                )
            )
            figure = Figure()
            for i in range(1 if size >= 100_000 else repeat):
                fresh = args.out / f"import-{size}-{i}.db"
                fresh.unlink(missing_ok=True)
                figure.add(
                    *run_once([dirtrack(), "--db", str(fresh), "import", str(export)], env=env)
                )
                print(f"  {_cell(figure)}  import {export.name}", file=sys.stderr, flush=True)
                fresh.unlink(missing_ok=True)
                for extra in ("-wal", "-shm"):
                    Path(f"{fresh}{extra}").unlink(missing_ok=True)
            export.unlink(missing_ok=True)
            got["import"] = figure
        if sqlite_shell and want("sqlite3"):
            counts_sql, overdue_sql = floor_sql(reg)
            for name, sql in (("floor report", counts_sql), ("floor overdue", overdue_sql)):
                script = args.out / f"{name.replace(' ', '-')}.sql"
                script.write_text(sql)
                got[name] = measure([sqlite_shell, str(reg.path)], repeat, env, stdin=script)
            if want("report"):
                script = args.out / "floor-report-all.sql"
                script.write_text(traced_sql([*db, "report", "--quarter", quarter], env))
                got["floor report all"] = measure(
                    [sqlite_shell, str(reg.path)], repeat, env, stdin=script
                )
        if task and size <= args.taskwarrior_max and want("task"):
            data = taskwarrior_data(reg, args.out)
            rc = args.out / "taskrc"
            rc.write_text(
                f"data.location={data}\nconfirmation=off\ngc=off\nhooks=off\nverbose=nothing\n"
            )
            tw_env = {**env, "TASKRC": str(rc)}
            got["task summary"] = measure([task, "summary"], repeat, tw_env)
            got["task overdue"] = measure([task, "overdue"], repeat, tw_env)
        if size <= args.pack_max and want("pack"):
            got["pack out"], got["pack in"] = packs_round(reg, args.out, env, quarter)
        if size <= args.docs_max and want("docs"):
            for units in doc_units:
                got |= documents_round(size, units, args.out, env, today)
        results[size] = got
        if size != sizes[-1]:  # the table so far, should a longer size not finish
            print_table(results, task is not None, args.taskwarrior_max, args.import_max)
            sys.stdout.flush()
    print_table(results, task is not None, args.taskwarrior_max, args.import_max)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    str(n): {
                        k: {"median_s": f.median, "median_cpu_s": f.median_cpu, "peak_mib": f.mib}
                        for k, f in got.items()
                    }
                    for n, got in results.items()
                },
                indent=2,
            )
        )
    return 0


ROWS = [
    ("import floor", f'floor: python -c "{STACK}"'),
    ("report", "report --quarter (current)"),
    ("overdue", "overdue"),
    ("list", "list --status overdue --format json"),
    ("assign", "assign"),
    ("export", "export --format json --out (one run)"),
    ("import", "import (its JSON export, new file)"),
    ("floor report", "floor: sqlite3, per-unit counts"),
    ("floor overdue", "floor: sqlite3, overdue rows"),
    ("floor report all", "floor: sqlite3, every statement report sends"),
    ("task summary", "Taskwarrior: task summary"),
    ("task overdue", "Taskwarrior: task overdue"),
    ("pack out", "pack out, 500 units (one run)"),
    ("pack in", "pack in, 500 answers (one run)"),
]
COMMANDS = ("report", "overdue", "list", "assign", "import")


def _cell(figure: Figure | None) -> str:
    if figure is None or figure.median is None:
        return "—"
    mib = f"{figure.mib:.0f} MiB" if figure.mib else "?"
    return f"{figure.median:.3f} s {figure.median_cpu or 0:6.2f} {mib:>8}"


def _ratio(a: Figure | None, b: Figure | None) -> float | None:
    if a is None or b is None or not a.median or not b.median:
        return None
    return a.median / b.median


def _cpu(a: Figure | None, b: Figure | None) -> float | None:
    """The ratio of CPU times, which a busy machine disturbs less than wall times."""
    if a is None or b is None or not a.median_cpu or not b.median_cpu:
        return None
    return a.median_cpu / b.median_cpu


def _cpu_ratio(a: Figure | None, b: Figure | None) -> str:
    ratio = _cpu(a, b)
    return "" if ratio is None else f" (CPU {ratio:.2f}x)"


def _within(a: Figure | None, b: Figure | None, limit: float, *, strictly: bool = False) -> bool:
    """Whether both the wall-time and the CPU-time ratio of ``a`` to ``b`` are within ``limit``
    (a busy machine can flatter one of them)."""
    ratios = [r for r in (_ratio(a, b), _cpu(a, b)) if r is not None]
    if not ratios:
        return False
    return all(r < limit if strictly else r <= limit for r in ratios)


Target = tuple[str, str, str, bool | None]  # what, target, measured, met (None: not measured)


def targets(results: dict[int, dict[str, Figure]]) -> list[Target]:
    """Each target with what was measured, in the order the targets were set."""
    rows: list[Target] = []

    def add(what: str, target: str, measured: float | None, shown: str, met: bool) -> None:
        rows.append(
            (
                what,
                target,
                shown if measured is not None else "—",
                met if measured is not None else None,
            )
        )

    at = results.get(FLOOR_SIZE, {})
    for command in COMMANDS:
        ratio = _ratio(at.get(command), at.get("import floor"))
        add(
            f"{command} at {FLOOR_SIZE:,} / import floor",
            f"<= {FLOOR_RATIO}x",
            ratio,
            f"{ratio or 0:.2f}x{_cpu_ratio(at.get(command), at.get('import floor'))}",
            _within(at.get(command), at.get("import floor"), FLOOR_RATIO),
        )
    for (n, command), (seconds, mib) in TIME_TARGETS.items():
        figure = results.get(n, {}).get(command)
        median = figure.median if figure else None
        limit = f"<= {seconds} s" + (f", {mib:.0f} MiB" if mib else "")
        shown = f"{median or 0:.3f} s" + (f", {figure.mib or 0:.0f} MiB" if figure and mib else "")
        ok = figure is not None and median is not None and median <= seconds
        ok = ok and (mib is None or (figure is not None and (figure.mib or 0) <= mib))
        add(f"{command} at {n:,}", limit, median, shown, ok)
    at = results.get(TASK_SIZE, {})
    for command, theirs in (("report", "task summary"), ("overdue", "task overdue")):
        ratio = _ratio(at.get(command), at.get(theirs))
        add(
            f"{command} / {theirs} at {TASK_SIZE:,}",
            "< 1x (faster)",
            ratio,
            f"{ratio or 0:.2f}x{_cpu_ratio(at.get(command), at.get(theirs))}",
            _within(at.get(command), at.get(theirs), 1.0, strictly=True),
        )
    at = results.get(QUERY_SIZE, {})
    ratio = _ratio(at.get("report"), at.get("floor report"))
    add(
        f"report / sqlite3 query at {QUERY_SIZE:,}",
        f"<= {QUERY_RATIO:.0f}x",
        ratio,
        f"{ratio or 0:.2f}x{_cpu_ratio(at.get('report'), at.get('floor report'))}",
        _within(at.get("report"), at.get("floor report"), QUERY_RATIO),
    )
    ratio = _ratio(at.get("report"), at.get("floor report all"))
    add(
        f"report / sqlite3, all its statements, at {QUERY_SIZE:,}",
        f"<= {QUERY_RATIO:.0f}x",
        ratio,
        f"{ratio or 0:.2f}x{_cpu_ratio(at.get('report'), at.get('floor report all'))}",
        _within(at.get("report"), at.get("floor report all"), QUERY_RATIO),
    )
    peaks = [(n, got["import"].mib) for n, got in results.items() if "import" in got]
    peaks = [(n, mib) for n, mib in peaks if mib]
    if len(peaks) >= 2:
        (small, low), (large, high) = min(peaks), max(peaks)
        add(
            f"import peak memory, {large:,} / {small:,}",
            f"<= {IMPORT_FLAT}x (flat)",
            high / low,
            f"{high / low:.2f}x ({low:.0f} -> {high:.0f} MiB)",
            high / low <= IMPORT_FLAT,
        )
    figure = results.get(IMPORT_SIZE, {}).get("import") or Figure()
    add(
        f"import at {IMPORT_SIZE:,}",
        f"<= {IMPORT_MIB:.0f} MiB",
        figure.mib,
        f"{figure.mib or 0:.0f} MiB ({figure.median or 0:.0f} s)",
        (figure.mib or 0) <= IMPORT_MIB,
    )
    return rows


def print_table(
    results: dict[int, dict[str, Figure]], have_task: bool, task_max: int, import_max: int
) -> None:
    sizes = list(results)
    width = 40
    units = sorted({int(k.rsplit("@", 1)[1]) for got in results.values() for k in got if "@" in k})
    rows = ROWS + [
        (doc_key(key, n), f"{label[: width - 12]}, {n:,} u.")
        for n in units
        for key, label, _ in DOCUMENTS
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print()
    print("per command and register size: median wall time (s), median CPU time (user + system,")
    print(f"s) and peak memory (MiB, max RSS); {os.cpu_count()} cores, load average now {load}")
    print(f"{'':{width}}" + "".join(f"{n:>27,}" for n in sizes))
    for key, label in rows:
        if all(key not in results[n] for n in sizes):
            continue
        print(f"{label:{width}}" + "".join(f"{_cell(results[n].get(key)):>27}" for n in sizes))
    print()
    print("ratios (time, and memory where shown)")
    pairs = [(c, "import floor", f"{c} / import floor") for c in COMMANDS]
    pairs += [
        ("report", "floor report", "report / sqlite3 floor"),
        ("report", "floor report all", "report / its statements in sqlite3"),
        ("overdue", "floor overdue", "overdue / sqlite3 floor"),
        ("report", "task summary", "dirtrack report / task summary"),
        ("overdue", "task overdue", "dirtrack overdue / task overdue"),
    ]
    for key, floor, label in pairs:
        cells = []
        for n in sizes:
            a, b = results[n].get(key), results[n].get(floor)
            ratio = _ratio(a, b)
            if ratio is not None and a is not None and b is not None:
                mem = f" {a.mib / b.mib:.3g}x mem" if a.mib and b.mib and "task" in floor else ""
                cells.append(f"{ratio:.3g}x{mem}")
            else:
                cells.append("—")
        print(f"{label:{width}}" + "".join(f"{c:>27}" for c in cells))
    print()
    rows = targets(results)
    wide = max(len(r[0]) for r in rows)
    print("targets (a ratio is met when both its wall-time and its CPU-time ratio are)")
    print(f"{'':{wide}}  {'target':>22}  {'measured':>34}  met")
    for what, target, measured, met in rows:
        verdict = "—" if met is None else ("met" if met else "MISSED")
        print(f"{what:{wide}}  {target:>22}  {measured:>34}  {verdict}")
    if any(n > import_max for n in sizes):
        print(f"\nexport and import are run up to {import_max:,} directives (--import-max).")
    if not have_task:
        print("\nTaskwarrior not installed (apt-get install taskwarrior): its rows are left out.")
    elif any(n > task_max for n in sizes):
        print(f"\nTaskwarrior is run up to {task_max:,} tasks (--taskwarrior-max).")


if __name__ == "__main__":
    sys.exit(main())
