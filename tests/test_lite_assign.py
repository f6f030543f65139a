"""`assign` with plain sqlite3 is the same command as through SQLAlchemy (issue 6).

On a SQLite file at the current schema, `assign` runs with the standard library's sqlite3 alone
(dirtrack/store/lite_write.py), so that it starts without importing SQLAlchemy, SQLModel or
pydantic. ``DIRTRACK_LITE=0`` sends it down the SQLAlchemy path instead. On random sequences of
`assign` commands (several units, coordinating units, attendees, keys given again, deadlines in
every form, JSON output, both languages, Vietnamese with ủy/uỷ, NFD and accentless unit names,
and every refusal) the two paths must print the same, exit the same and leave every table the
same, change log included: only the timestamps differ, and their format is checked instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dirtrack.store import lite_write
from dirtrack.store.lite import open_lite
from tests.conftest import Cli, run


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def build(db: Path) -> None:
    """Units (old and new tone placement, accentless names), three meetings, one directive."""
    cli = Cli(db=str(db), runner=CliRunner())
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh uỷ", "--alias", "Ban Tổ chức")
    cli.ok("unit", "add", "BDV", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "UBKT", "Ủy ban Kiểm tra Tỉnh ủy")
    cli.ok("unit", "add", "VPUB", "Van phong UBND tinh")
    cli.ok("unit", "add", "SNV", "So Noi vu")
    attend = ["--attendee", "UBKT", "--attendee", "VPTU", "--attendee", "BTC", "--attendee", "VPUB"]
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Làm việc với các ban", *attend)
    cli.ok("add-meeting", "--date", "15/11/2023", "--title", "Giao ban", "--attendee", "SNV")
    cli.ok("add-meeting", "--date", "1/1/2024", "--title", "Hội nghị không ai dự")
    cli.ok("assign", "1", "--unit", "BDV", "--key", "k0", "--with", "SNV", "Việc đã giao")
    with sqlite3.connect(db) as conn:  # everything in the main file, so a copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lite-assign") / "base.db"
    build(path)
    return path


# Dump ------------------------------------------------------------------------------------------

STORED = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$")  # SQLAlchemy on SQLite
IMAGE_STAMP = re.compile(
    r'"created_at": "(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?\+00:00)"'
)


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, timestamps checked for their format and then blanked; the
    change log's ``at`` kept as the order of its distinct values (one per command)."""
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            columns = [d[0] for d in cursor.description]
            rows = []
            moments: dict[str, int] = {}
            for row in cursor:
                values = dict(zip(columns, row, strict=True))
                if "created_at" in values:
                    assert STORED.match(values["created_at"]), values
                    values["created_at"] = "<stamp>"
                if name == "change_log":
                    assert STORED.match(values["at"]), values
                    values["at"] = moments.setdefault(values["at"], len(moments))
                    for field in ("before", "after"):
                        if values[field] is not None:
                            json.loads(values[field])
                            values[field] = IMAGE_STAMP.sub(
                                '"created_at": "<stamp>"', values[field]
                            )
                            assert '"created_at": "2' not in values[field], values
                rows.append(tuple(values.items()))
            found[name] = sorted(rows, key=repr)
        return found
    finally:
        conn.close()


# Commands --------------------------------------------------------------------------------------

REFS = [
    "VPTU",
    "vptu",
    "Văn phòng Tỉnh ủy",
    "Văn phòng Tỉnh uỷ",
    "van phong tinh uy",
    nfd("Ban Tổ chức Tỉnh ủy"),
    "Ban Tổ chức",
    "ban dan van",
    "UBKT",
    "Uỷ ban kiểm tra",
    "VPUB",
    "Văn phòng UBND tỉnh",
    "Sở Nội vụ",
    "SNV",
    "Ban",  # ambiguous
    "Văn phòng",  # ambiguous
    "Ban Tuyên giáo",  # unknown
    "  ",  # empty
]
TEXTS = [
    "Đẩy nhanh tiến độ các đề án",
    "  Rà soát,   bổ sung quy chế  ",
    nfd("Kiện toàn Ủy ban Kiểm tra"),
    'Tỉnh uỷ chỉ đạo | "khẩn"',
    "x",
    "   ",  # empty
]
DUES = [
    "2022-12-31",
    "30/6/2022",
    "tháng 9",
    "quý III/2022",
    "cuối năm",
    "2099",
    "",
    "30/2/2022",  # impossible
    "2022-01-01",  # before meeting 1
    "sớm nhất có thể",  # unknown phrase
]
PRODUCTS = ["Đề án", "  Báo   cáo  ", nfd("Tờ trình"), ""]
KEYS = ["k0", "k1", "k1", "khóa-ủy", nfd("khóa-ủy"), " k1 ", ""]


@st.composite
def commands(draw: st.DrawFn) -> list[str]:
    """One `assign` command line, its options in a random order."""
    meeting = draw(st.sampled_from(["1", "1", "1", "2", "3", "99", "0"]))
    groups: list[list[str]] = [[meeting, draw(st.sampled_from(TEXTS))]]
    lead = draw(st.sampled_from(["units"] * 6 + ["attendees"] * 3 + ["neither", "both"]))
    refs = draw(st.lists(st.sampled_from(REFS), min_size=1, max_size=3))
    if lead in ("units", "both"):
        groups += [["--unit", ref] for ref in refs]
    if lead in ("attendees", "both"):
        groups.append(["--attendees"])
    for ref in draw(st.lists(st.sampled_from(REFS[:14]), max_size=3)):
        groups.append(["--with", ref])
    for option, choices in (("--due", DUES), ("--product", PRODUCTS), ("--key", KEYS * 2)):
        if draw(st.sampled_from(choices + [None])) is not None:
            groups.append([option, draw(st.sampled_from(choices))])
    fmt = draw(st.sampled_from([None, "json", "table"]))
    if fmt:
        groups.append(["--format", fmt])
    # Positional arguments may sit anywhere among the options (Click records them in order).
    order = draw(st.permutations(range(len(groups))))
    line = [part for i in order for part in groups[i]]
    head = ["--lang", draw(st.sampled_from(["vi", "en"]))]
    if draw(st.booleans()):
        head += ["--actor", "Nguyễn Văn Á"]
    return [*head, "assign", *line]


def run_all(db: Path, lines: list[list[str]], env: dict[str, str]) -> list[tuple[Any, ...]]:
    """Run each command line in turn; what each printed, its exit code and the tables after."""
    runner = CliRunner()
    seen = []
    before = dump(db)
    for line in lines:
        result = runner.invoke(app(), ["--db", str(db), *line], env=env)
        output = result.stdout + result.stderr
        assert "Traceback" not in output and "unexpected" not in output, output
        if result.exit_code != 0:  # a refusal writes nothing
            assert dump(db) == before, line
        before = dump(db)
        seen.append((line, result.exit_code, result.stdout, result.stderr, before))
        if currently_in_test_context():  # what the examples reach (--hypothesis-show-statistics)
            event(
                f"exit {result.exit_code}" + (": key exists" if "exists" in result.stderr else "")
            )
    return seen


def app() -> Any:
    from dirtrack.cli import app

    return app


@pytest.fixture
def copies(base: Path) -> Iterator[tuple[Path, Path]]:
    folder = Path(tempfile.mkdtemp(prefix="lite-assign-"))
    try:
        yield folder / "lite.db", folder / "orm.db"
    finally:
        shutil.rmtree(folder)


EXAMPLES = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@EXAMPLES
@given(lines=st.lists(commands(), min_size=1, max_size=6))
def test_lite_assign_is_the_sqlalchemy_assign(
    base: Path, copies: tuple[Path, Path], lines: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIRTRACK_LITE", raising=False)
    lite, orm = copies
    for path in copies:
        shutil.copyfile(base, path)
    probe = open_lite(str(lite))
    assert probe is not None, "the lite path must be taken"
    probe.close()
    assert run_all(lite, lines, {}) == run_all(orm, lines, {"DIRTRACK_LITE": "0"})


def test_a_handpicked_sequence_is_the_same(base: Path, copies: tuple[Path, Path]) -> None:
    """The cases the random ones must reach, spelled out: keys given again, coordinators,
    attendees in the order they were recorded, JSON of one and of several, every refusal."""
    lines = [
        [
            "assign",
            "1",
            "--unit",
            "van phong tinh uy",
            "--unit",
            "BTC",
            "--with",
            "uy ban kiem tra tinh ủy",
            "--with",
            "VPTU",
            "--due",
            "tháng 9",
            "--product",
            "Đề án",
            "--key",
            "k1",
            "  Đẩy   nhanh  ",
        ],
        ["assign", "1", "--attendees", "--key", "k1", "--format", "json", "Lần nữa"],
        ["assign", "1", "--attendees", "--key", nfd("khóa-ủy"), "--format", "json", "Phối hợp"],
        ["assign", "1", "--key", "khóa-ủy", "--unit", "SNV", "Lần nữa"],
        ["assign", "2", "--unit", "So Noi vu", "--due", "quý IV", "--format", "json", "Một"],
        ["--lang", "vi", "assign", "3", "--attendees", "x"],
        ["--lang", "vi", "assign", "99", "--unit", "BTC", "x"],
        ["--lang", "vi", "assign", "1", "--unit", "BTC", "--due", "2022-01-01", "x"],
        ["--lang", "vi", "assign", "1", "--unit", "Ban", "x"],
        ["assign", "1", "--unit", "Ban Tuyên giáo", "x"],
        ["assign", "1", "--unit", "BTC", "--with", "Sở Nội vụ", "--due", "30/2/2022", "x"],
        ["assign", "1", "--unit", "BTC", "   "],
        ["assign", "1", "x"],
        ["assign", "0", "--unit", "BTC", "x"],
    ]
    for path in copies:
        shutil.copyfile(base, path)
    lite, orm = copies
    got = run_all(lite, lines, {})
    assert got == run_all(orm, lines, {"DIRTRACK_LITE": "0"})
    assert [code for _, code, *_ in got] == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 1]
    assert got[1][3].startswith("key 'k1' exists already: 2, 3 (nothing written)")
    assert len(json.loads(got[1][2])) == 2 and json.loads(got[4][2])["due"] == "2023-12-31"


def test_the_copies_of_the_orm_shapes_agree() -> None:
    """The columns lite_write writes are the models' own, in their order."""
    from dirtrack import models

    directive = models.Directive.__table__.columns  # type: ignore[attr-defined]
    assert tuple(c.name for c in directive) == lite_write.DIRECTIVE_COLUMNS
    coordinator = models.DirectiveCoordinator.__table__.columns  # type: ignore[attr-defined]
    assert tuple(c.name for c in coordinator) == lite_write.COORDINATOR_COLUMNS


# What it imports -------------------------------------------------------------------------------

PROBE = """
import sys
sys.argv = ["dirtrack", "--db", sys.argv[1], "assign", "1", "--unit", "BTC", "--due",
            "2022-12-31", "Báo cáo kết quả"]
from dirtrack.cli import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
finally:
    heavy = {"sqlalchemy", "sqlmodel", "pydantic", "alembic"}
    print(sorted({m.split(".")[0] for m in sys.modules} & heavy))
"""


@pytest.mark.parametrize(
    ("lite", "heavy"), [("1", []), ("0", ["pydantic", "sqlalchemy", "sqlmodel"])]
)
def test_assign_on_sqlite_imports_no_sqlalchemy(
    base: Path, tmp_path: Path, lite: str, heavy: list[str]
) -> None:
    """The lite path loads none of them; DIRTRACK_LITE=0 (the SQLAlchemy path) loads them all,
    which shows the probe can see them."""
    db = tmp_path / "register.db"
    shutil.copyfile(base, db)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "DIRTRACK_LITE": lite},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.strip().splitlines()
    assert printed == ["2", repr(heavy)], done


# History and undo ------------------------------------------------------------------------------


def test_history_and_undo_after_a_lite_assign(base: Path, tmp_path: Path) -> None:
    db = tmp_path / "register.db"
    shutil.copyfile(base, db)
    before = {k: v for k, v in dump(db).items() if k != "change_log"}
    got = run(
        "--actor",
        "Trần Thị B",
        "assign",
        "1",
        "--attendees",
        "--with",
        "SNV",
        "--with",
        "VPTU",
        "--due",
        "quý III",
        "--format",
        "json",
        "Báo cáo kết quả",
        db=str(db),
        env={"DIRTRACK_LITE": ""},
    )
    assert got.returncode == 0, got.stderr
    made = [r["id"] for r in json.loads(got.stdout)]
    assert len(made) == 4
    cli = Cli(db=str(db), runner=CliRunner())
    latest = cli.json("history", "--limit", "1")[0]
    assert latest["command"] == "assign" and latest["actor"] == "Trần Thị B"
    changes = latest["changes"]
    assert [(c["action"], c["entity"]) for c in changes] == [("create", "directive")] * 4 + [
        ("create", "directive_coordinator")
    ] * 7  # SNV for each of the four, VPTU for the three others
    assert [c["entity_id"] for c in changes[:4]] == made
    for directive_id in made:
        shown = cli.json("show", str(directive_id))
        assert shown["due"] == "2022-09-30" and shown["text"] == "Báo cáo kết quả"
        assert "SNV" in shown["with"] and shown["unit"] not in shown["with"]
    # Who last touched each one (change_log.directive_id, migration 0002), as `overdue` shows.
    late = {d["id"]: d for d in cli.json("overdue", "--as-of", "2022-10-01")}
    assert all(late[i]["last_touched_by"] == "Trần Thị B" for i in made)
    assert all(late[i]["last_update_event"] == "assigned" for i in made)
    for directive_id in made:  # `history ID`: the directive, then each coordinating unit
        entities = [c["entity"] for c in cli.json("history", str(directive_id))]
        coordinators = len(cli.json("show", str(directive_id))["with"])
        assert entities == ["directive"] + ["directive_coordinator"] * coordinators
    cli.ok("undo")
    assert {k: v for k, v in dump(db).items() if k != "change_log"} == before
    again = cli.json("history", "--limit", "2")
    assert again[0]["command"] == "undo" and again[1]["undone_by"] == again[0]["id"]
