"""History and undo: every change recorded with who, when, old and new values;
`undo` restores the exact earlier state, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import getpass
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, update

from dirtrack.db import open_engine, session_scope
from dirtrack.models import UnitAlias
from dirtrack.store import bulk
from dirtrack.store.history import BATCH
from tests.conftest import Cli, cli_at, file_digest, language_twin, prebuilt, snapshot


def state_of(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the change log itself."""
    return {name: rows for name, rows in snapshot(db).items() if name != "change_log"}


def history(cli: Cli, *args: str) -> Any:
    return cli.json("history", *args)


@pytest.fixture
@prebuilt
def seeded(meeting: int, units: Cli) -> Cli:
    """The seed meeting with two directives, one with a coordinating unit, and a limitation."""
    units.ok("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đẩy nhanh đề án")
    units.ok(
        "assign",
        str(meeting),
        "--unit",
        "VPTU",
        "--with",
        "BTC",
        "--due",
        "tháng 9/2022",
        "Phối hợp",
    )
    units.ok(
        "add-limitation", str(meeting), "--unit", "UBKT", "--category", "staffing", "Thiếu lái xe"
    )
    return units


# Every kind of change a user can make, each from the seeded state.
CHANGES = {
    "unit add": [
        "unit",
        "add",
        "BTG",
        "Ban Tuyên giáo Tỉnh ủy",
        "--parent",
        "VPTU",
        "--alias",
        "BTG TU",
    ],
    "unit alias": ["unit", "alias", "BDV", "Ban Dân vận"],
    # a new code and name, the old ones kept as aliases
    "unit rename": ["unit", "rename", "UBKT", "Ủy ban Kiểm tra", "--code", "UBKTTU"],
    "add-meeting": [
        "add-meeting",
        "--date",
        "7/9/2022",
        "--title",
        "Giao ban",
        "--attendee",
        "BTC",
        "--attendee",
        "VPUB",
        "--doc",
        "46-QĐ/ThU",
    ],
    "assign attendees": [
        "assign",
        "1",
        "--attendees",
        "--due",
        "quý III/2022",
        "--key",
        "k1",
        "Nâng cao chất lượng",
    ],
    "progress": [
        "progress",
        "1",
        "--percent",
        "40",
        "--note",
        "Đã trình dự thảo",
        "--date",
        "15/6/2022",
    ],
    "done": ["done", "2", "--date", "20/9/2022", "--note", "Báo cáo 35-BC/VPTU"],
    "extend": [
        "extend",
        "1",
        "--to",
        "tháng 10/2022",
        "--date",
        "28/6/2022",
        "--reason",
        "Chờ ý kiến",
    ],
    "cancel": ["cancel", "2", "--date", "10/8/2022", "--reason", "Không còn phù hợp"],
    "add-limitation": [
        "add-limitation",
        "1",
        "--unit",
        "BDV",
        "--category",
        "budget",
        "Kinh phí hạn hẹp",
    ],
    "resolve": ["resolve", "1", "--date", "1/8/2022", "--note", "Đã hợp đồng lái xe"],
    "unit retire": ["unit", "retire", "BTC", "--successor", "BDV", "--date", "1/7/2022"],
    "calendar add": ["calendar", "add", "5/5/2025", "--off", "--note", "nghỉ bù"],
}


@pytest.mark.engine_dependent_cases("each kind of change writes and restores other tables' rows")
@pytest.mark.parametrize("kind", list(CHANGES))
def test_undo_restores_the_exact_earlier_state(seeded: Cli, db: str, kind: str) -> None:
    before = state_of(db)
    seeded.ok(*CHANGES[kind])
    changed = state_of(db)
    assert changed != before
    seeded.ok("undo", "--yes")
    assert state_of(db) == before
    latest = history(seeded, "--limit", "2")
    assert latest[0]["command"] == "undo"
    assert latest[1]["command"] == kind.split(" attendees")[0]
    assert latest[1]["undone_by"] == latest[0]["id"]
    assert latest[0]["undoes"] == [latest[1]["id"]]
    assert all(c["undone_by"] == latest[0]["id"] for c in latest[1]["changes"])


def test_undo_of_an_import_restores_the_exact_earlier_state(
    seeded: Cli, db: str, tmp_path: Path
) -> None:
    sheet = tmp_path / "theo-doi.csv"
    sheet.write_text(
        "Nội dung,Đơn vị chủ trì,Thời hạn\n"
        "Rà soát quy chế làm việc,VPTU,30/9/2022\n"
        "Kiện toàn tổ chức bộ máy,BTC,31/12/2022\n",
        encoding="utf-8",
    )
    before = state_of(db)
    seeded.ok("import", str(sheet), "--meeting", "1")
    assert len(seeded.json("list")) == 4
    seeded.ok("undo", "--yes")
    assert state_of(db) == before


def test_undo_of_an_import_of_units_that_name_each_other(cli: Cli, db: str, tmp_path: Path) -> None:
    """Undoing an import removes its units in one statement, whichever names the other (a
    parent, a successor): the triggers that keep a referenced unit on SQLite leave the links
    within the unit table to the foreign keys, which SQLite checks after the statement."""
    source = cli_at(tmp_path / "source.db")
    source.ok("unit", "add", "A", "Sở A")
    source.ok("unit", "add", "B", "Phòng B", "--parent", "A")
    source.ok("unit", "add", "C", "Phòng C", "--parent", "B")
    source.ok("unit", "retire", "A", "--successor", "C")
    meeting = source.id("add-meeting", "--date", "2024-01-15", "--title", "Giao ban")
    source.ok("assign", str(meeting), "--unit", "B", "Việc A")
    exported = tmp_path / "e.json"
    source.ok("export", "--out", str(exported))
    before = state_of(db)
    cli.ok("import", str(exported))
    assert [u["code"] for u in cli.json("unit", "list")] == ["A", "B", "C"]
    cli.ok("undo", "--yes")
    assert state_of(db) == before


def test_a_day_of_the_office_calendar_replaced_is_recorded_and_undone_exactly(
    seeded: Cli, db: str, tmp_path: Path
) -> None:
    """The calendar's rows are keyed by their day, a date: a change to one was found under
    neither form of its key and left out of the change log, so `calendar add` of a day already
    recorded replaced it with nothing to undo, and undoing an import left its days behind."""
    seeded.ok("calendar", "add", "5/5/2025", "--off", "--note", "nghỉ bù")
    before = state_of(db)
    seeded.ok("calendar", "add", "5/5/2025", "--on", "--note", "làm bù")
    (change,) = history(seeded, "--limit", "1")[0]["changes"]
    assert change["entity"] == "calendar_day"
    assert change["fields"]["off"] == [True, False]
    assert change["fields"]["note"] == ["nghỉ bù", "làm bù"]
    seeded.ok("undo", "--yes")
    assert state_of(db) == before
    assert seeded.json("calendar", "list") == [
        {"date": "2025-05-05", "off": True, "note": "nghỉ bù", "source": "office"}
    ]
    export = tmp_path / "export.json"
    seeded.ok("export", "--out", str(export))
    other = cli_at(tmp_path / "other.db")
    other.ok("import", str(export))
    assert len(other.json("calendar", "list")) == 1
    other.ok("undo", "--yes")
    assert snapshot(str(tmp_path / "other.db"))["calendar_day"] == []


@pytest.mark.engine_independent("the tables' names are put in words in Python")
def test_history_names_every_kind_of_record_in_words(seeded: Cli) -> None:
    """Each table history can show has a name for people: a series stopped or a day of the
    calendar was 'ent_series', 'ent_calendar_day' (the catalog key), in English and Vietnamese."""
    from dirtrack.i18n import TEXT
    from dirtrack.store.history import audited_tables

    assert [t.name for t in audited_tables() if f"ent_{t.name}" not in TEXT] == []
    seeded.ok("calendar", "add", "5/5/2025", "--off")
    shown = seeded.ok("--lang", "vi", "history", "--limit", "1")
    assert "ngày trong lịch làm việc của cơ quan" in shown
    assert "ent_" not in shown


def test_history_names_every_column_in_words_and_says_yes_or_no(seeded: Cli) -> None:
    """A request's columns (asked_on, objective, decided_on…), a result's, a pack's, a series'
    were shown as the database names them, in English under --lang vi, and a flag as Python's
    True or False."""
    from dirtrack.i18n import FIELDS
    from dirtrack.store.history import audited_tables

    unnamed = {
        f"{t.name}.{c.name}"
        for t in audited_tables()
        for c in t.columns
        if c.name not in FIELDS and c.name not in ("id", "created_at")
        and not c.name.endswith("_key")
    }  # fmt: skip
    assert unnamed == set()
    seeded.ok("request", "withdraw", "1", "--reason", "Không phù hợp", "--date", "1/6/2022")
    shown = seeded.ok("--lang", "vi", "history", "--limit", "1")
    assert "ngày đề nghị: 01/06/2022" in shown and "nguyên nhân khách quan: không" in shown
    assert "asked_on" not in shown and "False" not in shown


@pytest.mark.engine_independent("the codes are put in words in Python")
def test_history_says_coded_values_in_words(seeded: Cli) -> None:
    """A request's kind and answer, a meeting's kind, a limitation's category, a series' period,
    a contact's role, a result's verdict were shown as their codes (withdraw, rejected,
    staffing…), in English under --lang vi too; a directive's field as its id, not its code."""
    seeded.ok("request", "withdraw", "1", "--reason", "Không phù hợp", "--date", "1/6/2022")
    seeded.ok("reject", "1", "--reason", "Chưa đủ căn cứ", "--date", "2/6/2022")
    seeded.ok("unit", "contact", "BTC", "--name", "Trần Bình", "--role", "head")
    seeded.ok("done", "2", "--date", "3/6/2022", "--verdict", "exceeds")
    seeded.ok("assign", "1", "Báo cáo tháng", "--unit", "VPTU", "--every", "month", "--day", "20")
    seeded.ok("field", "add", "KT", "Kinh tế")
    seeded.ok("edit", "directive", "1", "--field", "KT")
    shown = "\n".join(
        seeded.ok("--lang", "vi", *target)
        for target in (["history", "1"], ["history", "2"], ["history", "--unit", "BTC"],
                       ["history", "--meeting", "1"], ["history", "--limitation", "1"],
                       ["history", "--limit", "3"])
    )  # fmt: skip
    for words in (
        "loại: rút khỏi chương trình",
        "trả lời: — → không chấp thuận",
        "vai trò: thủ trưởng",
        "đánh giá: vượt yêu cầu",
        "định kỳ: hằng tháng",
        "lĩnh vực: — → KT",
        "loại: Buổi làm việc",
        "nhóm: Biên chế, nhân lực",
    ):
        assert words in shown, words
    for code in ("withdraw", "rejected", "head", "exceeds", "month", "working-session", "staffing"):
        assert f": {code}" not in shown, code
    english = seeded.ok("--lang", "en", "history", "1")
    assert "kind: withdrawal" in english and "decision: — → refused" in english


@pytest.mark.engine_independent("the period labels are put in words in Python")
def test_periods_are_said_as_the_language_names_them(seeded: Cli, tmp_path: Path) -> None:
    # A series' occurrence and a pack carry their period as a label, '2022-06', '2022-Q2':
    # history showed 'kỳ: 2022-Q2' and series show a column of '2022-06' under --lang vi,
    # where every other period reads 'quý II/2022', 'tháng 6/2022'. JSON keeps the label.
    series = seeded.ok("assign", "1", "Báo cáo tháng", "--unit", "VPTU", "--every", "month",
                       "--day", "20", "--until", "31/12/2022").split()[0]  # fmt: skip
    occurrences = seeded.json("series", "show", series)["occurrences"]
    labels = [o["period"] for o in occurrences]
    assert labels and all(len(label) == 7 and label[4] == "-" for label in labels), labels
    months = [f"tháng {int(label[5:])}/{label[:4]}" for label in labels]
    table = seeded.ok("--lang", "vi", "series", "show", series)
    assert all(month in table for month in months), table
    assert not any(label in table for label in labels), table
    assert f"kỳ: {months[0]}" in seeded.ok("--lang", "vi", "history", "--limit", "1")
    seeded.ok(
        "pack", "out", "--quarter", "2022Q2", "--dir", str(tmp_path / "packs"), "--unit", "VPTU"
    )
    vi = seeded.ok("--lang", "vi", "history", "--limit", "1")
    en = seeded.ok("--lang", "en", "history", "--limit", "1")
    assert "kỳ: quý II/2022" in vi and "2022-Q2" not in vi, vi
    assert "period: Q2 2022" in en, en


def test_an_import_of_more_rows_than_a_batch_is_one_command_undone_exactly(
    seeded: Cli, db: str, tmp_path: Path
) -> None:
    # The change rows are written a batch at a time: more than one batch of them must
    # still be one command, with one range of ids, creations parents first.
    rows = BATCH // 2 + 50
    sheet = tmp_path / "lon.csv"
    lines = ["Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Tiến độ"]
    for n in range(rows):
        lines.append(f"Nhiệm vụ {n},VPTU,{'BTC' if n % 2 else ''},30/9/2022,{n % 100}%")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = state_of(db)
    seeded.ok("import", str(sheet), "--meeting", "1")
    latest = history(seeded, "--limit", "1")[0]
    changes = latest["changes"]
    assert latest["command"] == "import" and len(changes) == rows + rows // 2 + rows > BATCH
    assert [c["id"] for c in changes] == list(
        range(changes[0]["id"], changes[0]["id"] + len(changes))
    )
    entities = [c["entity"] for c in changes]
    assert (
        entities
        == ["directive"] * rows
        + ["directive_coordinator"] * (rows // 2)
        + ["progress_entry"] * rows
    )
    assert all(c["action"] == "create" for c in changes)
    ids = [c["entity_id"] for c in changes if c["entity"] == "directive"]
    assert ids == sorted(ids)
    seeded.ok("undo", "--yes")
    assert state_of(db) == before


def test_links_to_rows_of_the_same_unit_of_work_are_creations_in_key_order(
    seeded: Cli, db: str
) -> None:
    # Links (directive_coordinator) to directives the unit of work creates are found at commit
    # by their directive's id, a page at a time, pages cutting through one directive's links;
    # a link to an older directive is noted as it is written. All are creations, in key order.
    before = state_of(db)
    new = BATCH // 3 + 7
    engine, _ = open_engine(db)
    try:
        with session_scope(engine, info={"command": {"name": "script"}}) as session:
            bulk.insert_rows(session, bulk.COORDINATOR, [{"directive_id": 1, "unit_id": 3}])
            ids = bulk.insert_with_ids(
                session,
                bulk.DIRECTIVE,
                [{"meeting_id": 1, "unit_id": 1, "text": f"Nhiệm vụ {n}"} for n in range(new)],
            )
            links = [{"directive_id": d, "unit_id": u} for d in reversed(ids) for u in (5, 3, 2)]
            bulk.insert_rows(session, bulk.COORDINATOR, links)
    finally:
        engine.dispose()
    changes = history(seeded, "--limit", "1")[0]["changes"]
    assert all(c["action"] == "create" for c in changes)
    assert [c["entity_id"] for c in changes if c["entity"] == "directive"] == ids
    found = [
        (c["after"]["directive_id"], c["after"]["unit_id"])
        for c in changes
        if c["entity"] == "directive_coordinator"
    ]
    assert found == [(1, 3)] + [(d, u) for d in ids for u in (2, 3, 5)]
    assert len(found) > BATCH
    seeded.ok("undo", "--yes")
    assert state_of(db) == before


def test_a_row_created_then_changed_in_one_unit_of_work_is_one_creation(
    units: Cli, db: str
) -> None:
    # Inserted by Core without its id (as import's bulk SQL does), then updated: the change log
    # must show one creation, and undo must remove the row, not put back its first values.
    before = state_of(db)
    engine, _ = open_engine(db)
    alias = UnitAlias.__table__
    try:
        with session_scope(engine, info={"command": {"name": "script"}}) as session:
            session.execute(insert(alias).values(unit_id=1, alias="VP TU", alias_key="vp tu"))
            session.execute(
                update(alias).where(alias.c.alias_key == "vp tu").values(alias="VPTU tỉnh")
            )
    finally:
        engine.dispose()
    latest = history(units, "--limit", "1")[0]
    assert latest["command"] == "script"
    assert [(c["action"], c["entity"]) for c in latest["changes"]] == [("create", "unit_alias")]
    assert latest["changes"][0]["after"]["alias"] == "VPTU tỉnh"
    units.ok("undo", "--yes")
    assert state_of(db) == before


# A unit of work that begins before the urging tables are built (a fresh process, as every
# command is), then builds them and adds rows without their ids, by Core and by the ORM.
LATER_TABLES = """
import sys
from datetime import date
from sqlalchemy import insert, select
from dirtrack.db import open_engine, session_scope
from dirtrack.store import tables
engine, _ = open_engine(sys.argv[1])
with session_scope(engine, info={"command": {"name": "script"}}) as session:
    session.execute(select(tables.unit.c.id)).first()
    assert "dirtrack.models.urgings" not in sys.modules, "built before the unit of work began"
    from dirtrack.models import Urging
    day = date(2022, 5, 9)
    session.execute(insert(tables.urging).values(unit_id=1, issued_on=day, as_of=day))
    session.add(Urging(unit_id=2, issued_on=day, as_of=day, number="12/CV"))
engine.dispose()
"""


def test_rows_of_a_table_built_after_the_unit_of_work_began_are_recorded(
    units: Cli, db: str
) -> None:
    # Its baseline is read before its first rows go in: both are creations, and undo removes
    # them.
    before = state_of(db)
    done = subprocess.run(
        [sys.executable, "-c", LATER_TABLES, db],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    latest = history(units, "--limit", "1")[0]
    assert latest["command"] == "script"
    changes = [(c["action"], c["entity"], c["after"]["unit_id"]) for c in latest["changes"]]
    assert changes == [("create", "urging", 1), ("create", "urging", 2)]
    units.ok("undo", "--yes")
    assert state_of(db) == before


def test_undo_n_reverts_the_last_commands_newest_first(seeded: Cli, db: str) -> None:
    before = state_of(db)
    seeded.ok("progress", "1", "--percent", "10", "--date", "10/5/2022")
    seeded.ok("extend", "1", "--to", "31/7/2022", "--date", "20/6/2022")
    seeded.ok("done", "1", "--date", "25/7/2022")
    undone = json.loads(seeded.ok("undo", "-n", "3", "--yes", "--format", "json"))
    assert [c["command"] for c in undone] == ["done", "extend", "progress"]
    assert state_of(db) == before


def test_undo_says_units_by_their_codes_as_history_does(seeded: Cli) -> None:
    """What `undo` says it takes back names units by code, as `history` does (it said
    ``unit: #1 → #2``), in the preview, the dry run and once done, a unit it removes too."""
    seeded.ok("edit", "directive", "1", "--unit", "VPTU")
    said = seeded("undo", "--dry-run").stderr
    assert "BTC → VPTU" in said and "#" not in said.split(":", 1)[1]
    said = seeded("undo", "--yes").stderr
    assert said.startswith("undone #") and "unit: BTC → VPTU" in said
    seeded.ok("unit", "add", "MOI", "Ban mới")
    assert "code: MOI" in seeded("undo", "--yes").stderr


def test_undo_is_a_stack_and_never_undoes_an_undo(seeded: Cli, db: str) -> None:
    first = state_of(db)
    seeded.ok("done", "1", "--date", "20/6/2022")
    second = state_of(db)
    seeded.ok("cancel", "2", "--date", "1/7/2022")
    seeded.ok("undo", "--yes")
    assert state_of(db) == second
    seeded.ok("undo", "--yes")  # the `done`, not the undo just made
    assert state_of(db) == first
    commands = [c["command"] for c in history(seeded, "--limit", "4")]
    assert commands == ["undo", "undo", "cancel", "done"]


def test_undo_refuses_what_it_cannot_do_and_writes_nothing(
    cli: Cli, db: str, db_path: Path
) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    digest = file_digest(db_path)
    assert "only 1 command" in cli.fail("undo", "-n", "2", "--yes")
    assert file_digest(db_path) == digest
    cli.fail("undo", "-n", "0", "--yes")
    cli.fail("undo", "-n", "1001", "--yes")
    # an id that looks like a negative number is the change id, refused as one
    assert "not -3" in cli.fail("undo", "-3")
    assert file_digest(db_path) == digest
    cli.ok("undo", "--yes")
    assert "nothing to undo" in cli.fail("undo", "--yes")


def test_undo_takes_a_series_back_with_the_occurrences_made_for_it_since(
    seeded: Cli, db: str, db_path: Path
) -> None:
    """A bare `undo` passed over the `series generate` a later reading made, then refused the
    `assign` of the series because that generation touched it ('undo those first'): the
    command is undone with the occurrences made for it since, each listed, the register as
    before it. Work recorded on one of them is a user's: it still stops the undo."""
    from datetime import date, timedelta

    before = state_of(db)
    seeded.ok("assign", "1", "Báo cáo tháng", "--unit", "VPTU", "--every", "month", "--day", "20")
    ahead = (date.today() + timedelta(days=200)).isoformat()
    seeded.ok("list", "--as-of", ahead)
    made = history(seeded, "--limit", "2")
    assert [c["command"] for c in made] == ["series generate", "assign"]
    generated, assigned = made[0]["id"], made[1]["id"]
    result = seeded("undo", "--yes")
    assert result.exit_code == 0, result.stderr
    said = result.stderr.splitlines()
    assert said[0].startswith(f"undone #{generated} series generate: created directive")
    assert said[1].startswith(f"undone #{assigned} assign: created periodic directive")
    assert state_of(db) == before
    undone = {c["id"]: c["undone_by"] for c in history(seeded, "--limit", "3")}
    assert undone[generated] == undone[assigned] is not None

    # A correction of an occurrence made since is work: the undo is refused, naming it.
    seeded.ok("assign", "1", "Báo cáo quý", "--unit", "BTC", "--every", "quarter")
    seeded.ok("list", "--as-of", ahead)
    assert history(seeded, "--limit", "1")[0]["command"] == "series generate"
    last = max(d["id"] for d in seeded.json("list", "--as-of", ahead, "--unit", "BTC")
               if d["text"] == "Báo cáo quý")  # fmt: skip
    seeded.ok("--actor", "binh", "edit", "directive", str(last), "--text", "Báo cáo quý (sửa)")
    digest = file_digest(db_path)
    error = seeded.fail("undo", "--yes")
    assert error.startswith("Error: cannot undo #") and "(assign)" in error
    assert "edit directive (binh); undo those first" in error
    assert file_digest(db_path) == digest


def test_undo_of_a_reopening_never_closes_a_directive_before_a_later_decision(
    seeded: Cli, db_path: Path
) -> None:
    """`done 1 --date D` is refused once a new deadline was approved after D; undoing the
    reopening of a directive completed on D after such an approval made that state (and an
    export of it that `import` refuses): it is refused as well."""
    seeded.ok("done", "1", "--date", "2022-06-15")
    reopened = history(seeded, "--limit", "1")
    seeded.ok("reopen", "1", "--date", "2022-06-20")
    reopen_id = history(seeded, "--limit", "1")[0]["id"]
    assert reopen_id != reopened[0]["id"]
    seeded.ok("extend", "1", "--to", "2022-12-31", "--date", "2022-07-05")
    digest = file_digest(db_path)
    assert seeded.fail("undo", str(reopen_id), "--yes") == (
        f"Error: cannot undo #{reopen_id} (reopen): directive 1 would be closed again on "
        "2022-06-15, before the approval date 2022-07-05 recorded on it since; undo that first"
    )
    assert "sẽ lại đóng vào ngày 15/06/2022" in seeded.fail(
        "--lang", "vi", "undo", str(reopen_id), "--yes"
    )
    assert file_digest(db_path) == digest
    seeded.ok("undo", "--yes")  # the extension first, then the reopening
    seeded.ok("undo", str(reopen_id), "--yes")
    assert seeded.json("show", "1")["completed_on"] == "2022-06-15"


@pytest.mark.sqlite_only("changes the file behind dirtrack's back with sqlite3")
def test_undo_refuses_when_a_row_changed_since_without_a_record(seeded: Cli, db_path: Path) -> None:
    import sqlite3

    seeded.ok("done", "1", "--date", "20/6/2022")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE directive SET completion_note = 'sửa tay' WHERE id = 1")
    conn.close()
    digest = file_digest(db_path)
    message = seeded.fail("undo", "--yes")
    assert "directive 1 has changed since" in message
    assert file_digest(db_path) == digest


def test_undo_dry_run_shows_and_writes_nothing(seeded: Cli, db_path: Path) -> None:
    seeded.ok("done", "1", "--date", "20/6/2022")
    digest = file_digest(db_path)
    result = seeded("undo", "--dry-run")
    assert result.exit_code == 0
    # Field names as people read them (the JSON keeps the column names).
    assert "would undo" in result.stderr and "completed on: — → 2022-06-20" in result.stderr
    assert file_digest(db_path) == digest
    assert seeded.json("show", "1")["completed_on"] == "2022-06-20"


def test_history_of_a_directive_has_who_when_and_old_and_new_values(
    seeded: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded.ok("--actor", "Nguyễn Văn A", "progress", "1", "--percent", "40", "--date", "1/6/2022")
    monkeypatch.setenv("DIRTRACK_ACTOR", "Trần Thị B")
    seeded.ok("extend", "1", "--to", "31/7/2022", "--date", "28/6/2022")
    monkeypatch.delenv("DIRTRACK_ACTOR")
    seeded.ok("done", "1", "--date", "20/7/2022")
    changes = history(seeded, "1")
    assert [(c["command"], c["action"], c["entity"]) for c in changes] == [
        ("assign", "create", "directive"),
        ("progress", "create", "progress_entry"),
        ("extend", "create", "extension"),
        ("done", "update", "directive"),
    ]
    assert [c["actor"] for c in changes] == [
        getpass.getuser(),
        "Nguyễn Văn A",
        "Trần Thị B",
        getpass.getuser(),
    ]
    assert changes[1]["after"]["percent"] == 40
    assert changes[2]["after"]["new_due"] == "2022-07-31"
    assert changes[3]["fields"] == {"completed_on": [None, "2022-07-20"]}
    for change in changes:
        assert change["at"].endswith("+00:00")
    # The directive given with a coordinating unit has that recorded too.
    second = history(seeded, "2")
    assert {c["entity"] for c in second} == {"directive", "directive_coordinator"}


def test_history_lists_commands_newest_first_and_filters_by_actor(seeded: Cli) -> None:
    seeded.ok("--actor", "chanh-vp", "done", "1", "--date", "20/6/2022")
    commands = history(seeded)
    assert [c["command"] for c in commands[:4]] == ["done", "add-limitation", "assign", "assign"]
    assert commands[0]["params"]["directive_id"] == 1
    assert len(history(seeded, "--limit", "2")) == 2
    mine = history(seeded, "--by", "chanh-vp")
    assert [c["command"] for c in mine] == ["done"]
    # no actor's name holds a NUL: refused as --actor refuses it, before any query (PostgreSQL
    # refuses NUL in one)
    assert "control character U+0000" in seeded.fail("history", "--by", "chanh-vp\x00")
    table = seeded.ok("history", "--limit", "1")
    assert "chanh-vp" in table and "completed on: — → 2022-06-20" in table
    assert "completed_on" not in table
    vi = seeded.ok("--lang", "vi", "history", "--limit", "1")
    assert "ngày hoàn thành: — → 20/06/2022" in vi


@pytest.mark.engine_dependent_cases("past INTEGER's range, and past BIGINT's")
@pytest.mark.parametrize("limit", [str(2**31), str(2**63)])
def test_a_limit_above_any_number_of_commands_lists_them_all(seeded: Cli, limit: str) -> None:
    """The log's ids are INTEGER: no more commands than 2,147,483,647 can be, so a larger
    --limit is no limit, on both backends (PostgreSQL refused 2**63 as out of BIGINT's range,
    SQLite said a number was too large)."""
    assert history(seeded, "--limit", limit) == history(seeded, "--limit", "0")


def test_a_limit_given_with_one_item_keeps_its_latest_commands(seeded: Cli) -> None:
    """`history 1 --limit 2` listed every change to directive 1, the limit dropped without a
    word: it keeps the changes of the item's latest 2 commands, oldest first; without
    --limit, every change, as before."""
    seeded.ok("progress", "1", "--percent", "40", "--date", "1/6/2022")
    seeded.ok("--actor", "chanh-vp", "extend", "1", "--to", "31/7/2022", "--date", "28/6/2022")
    seeded.ok("done", "1", "--date", "20/7/2022")
    every = [c["command"] for c in history(seeded, "1")]
    assert every == ["assign", "progress", "extend", "done"]
    assert [c["command"] for c in history(seeded, "1", "--limit", "2")] == ["extend", "done"]
    assert [c["command"] for c in history(seeded, "1", "--limit", "0")] == every
    mine = history(seeded, "1", "--by", "chanh-vp", "--limit", "1")
    assert [c["command"] for c in mine] == ["extend"]  # the actor's latest, not the item's
    seeded.ok("unit", "contact", "BTC", "--name", "Nguyễn Văn An")
    last = history(seeded, "--unit", "BTC", "--limit", "1")
    assert [(c["command"], c["entity"]) for c in last] == [("unit contact", "unit_contact")]


@pytest.mark.parametrize("lang", ["en", language_twin("vi")])
def test_history_names_a_field_leader_or_unit_undone_since_by_its_code(cli: Cli, lang: str) -> None:
    """Once `undo` took a field, a leader or a unit away, `history` said the commands that had
    named them with their ids (`field: #1 → —`, `leader: #1`, `unit: #1`), the rule being
    codes and names, never ids."""
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("unit", "add", "STC", "Sở Tài chính")
    meeting = cli.id("add-meeting", "--date", "2025-01-10", "--title", "Giao ban")
    one = cli.id("assign", str(meeting), "Việc một", "--unit", "SYT", "--due", "2025-03-31")
    cli.ok("field", "add", "KT", "Kinh tế")
    cli.ok("edit", "directive", str(one), "--field", "KT")
    cli.ok("leader", "assign", "Nguyễn Văn An", "--field", "KT", "--from", "1/1/2025")
    cli.ok("unit", "contact", "STC", "--name", "Lê Chi")
    # contact, leader assign, edit, field add, assign, add-meeting, unit add STC: none left
    for _ in range(7):
        cli.ok("undo", "--yes")
    assert [u["code"] for u in cli.json("unit", "list")] == ["SYT"]
    shown = cli.ok("--lang", lang, "history", "--limit", "0")
    words = {
        "en": ("field: KT → —", "leader: Nguyễn Văn An", "unit: STC"),
        "vi": ("lĩnh vực: KT → —", "lãnh đạo: Nguyễn Văn An", "đơn vị: STC"),
    }[lang]
    for said in words:
        assert said in shown and said.split(":")[0] + ": #" not in shown, shown


def test_history_of_meetings_limitations_and_units(seeded: Cli) -> None:
    seeded.ok("resolve", "1", "--date", "1/8/2022")
    seeded.ok("unit", "alias", "BTC", "Ban TC TU")
    assert [c["entity"] for c in history(seeded, "--meeting", "1")][:1] == ["meeting"]
    assert {c["entity"] for c in history(seeded, "--meeting", "1")} == {
        "meeting",
        "meeting_attendee",
    }
    assert [c["command"] for c in history(seeded, "--limitation", "1")] == [
        "add-limitation",
        "resolve",
    ]
    assert [c["entity"] for c in history(seeded, "--unit", "ban to chuc")] == [
        "unit",
        "unit_alias",
        "unit_alias",
    ]
    seeded.fail("history", "1", "--meeting", "1", code=2)


def test_history_of_a_unit_has_its_contacts(seeded: Cli) -> None:
    """``history --unit`` (every change to this unit) left out its focal person and head."""
    seeded.ok("unit", "contact", "BTC", "--name", "Nguyễn Văn An", "--email", "an@btc.vn")
    seeded.ok("unit", "contact", "BTC", "--name", "Trần Bình", "--role", "head")
    seeded.ok("unit", "contact", "VPTU", "--name", "Lê Chi")
    changes = [c for c in history(seeded, "--unit", "BTC") if c["entity"] == "unit_contact"]
    assert [c["after"]["name"] for c in changes] == ["Nguyễn Văn An", "Trần Bình"]


def test_history_of_a_unit_has_its_leaders(seeded: Cli) -> None:
    """``history --unit`` left out the leaders put in charge of the unit."""
    seeded.ok("leader", "assign", "Nguyễn Văn A", "--unit", "BTC", "--from", "1/1/2025")
    seeded.ok("leader", "assign", "Trần Văn B", "--unit", "VPTU", "--from", "1/1/2025")
    seeded.ok("leader", "assign", "Lê Thị C", "--unit", "BTC", "--from", "1/7/2025")
    changes = [c for c in history(seeded, "--unit", "BTC") if c["entity"] == "leader_assignment"]
    assert [(c["action"], c["after"]["start"]) for c in changes] == [
        ("create", "2025-01-01"),
        ("create", "2025-07-01"),
    ]


def test_history_csv_keeps_every_rows_own_columns(seeded: Cli) -> None:
    """The CSV's columns were the first row's: a change to a coordinating unit (its
    directive_id) or a command's own options (series' --every, a calendar day's --off) after
    a row without them were left out, and a null in a list was written 'None'. Each row's
    options and values are whole, as one cell of JSON under the listing's one header."""
    import csv
    import io

    seeded.ok("calendar", "add", "5/5/2025", "--off", "--note", "Nghỉ bù")
    seeded.ok("assign", "1", "Báo cáo tháng", "--unit", "VPTU", "--every", "month", "--day", "20")
    rows = list(csv.DictReader(io.StringIO(seeded.ok("history", "2", "--format", "csv"))))
    coordinator = next(r for r in rows if r["entity"] == "directive_coordinator")
    assert json.loads(coordinator["after"])["directive_id"] == 2
    assert json.loads(coordinator["fields"])["directive_id"] == [None, 2]
    commands = list(csv.DictReader(io.StringIO(seeded.ok("history", "--format", "csv"))))
    assert [json.loads(c["params"]).get("every") for c in commands][:2] == ["month", None]
    assert [json.loads(c["params"]).get("off") for c in commands][:2] == [None, True]
    assert not any("None" in value for row in rows + commands for value in row.values())


@pytest.mark.engine_independent("the changes are put in words in Python")
def test_history_csv_says_what_each_command_changed(seeded: Cli) -> None:
    """The commands' CSV had an empty ``changes`` cell (a list of objects flattened to
    nothing): it now holds the table's words for each change, in the run's language, with
    values whole."""
    import csv
    import io

    long_text = "Đẩy nhanh tiến độ" + " đề án" * 20
    seeded.ok("edit", "directive", "1", "--text", long_text)
    rows = list(csv.DictReader(io.StringIO(seeded.ok("history", "--format", "csv"))))
    assert rows[0]["command"] == "edit directive"
    assert rows[0]["changes"] == f"changed directive 1: text: Đẩy nhanh đề án → {long_text}"
    assert all(row["changes"] for row in rows)
    vi = seeded.ok("--lang", "vi", "history", "--format", "csv", "--fields", "id,changes")
    first = next(csv.DictReader(io.StringIO(vi)))
    assert first["changes"].startswith("sửa nhiệm vụ 1: nội dung: Đẩy nhanh đề án → ")


def test_history_by_an_actor_typed_decomposed(seeded: Cli) -> None:
    """--actor is stored in NFC, whatever the keyboard sent; --by a name typed decomposed (NFD,
    as some keyboards send Vietnamese) found nothing, with exit 0. It finds the actor's work."""
    import unicodedata

    seeded.ok("--actor", "Lê Văn C", "progress", "1", "--percent", "20", "--date", "10/6/2022")
    typed = unicodedata.normalize("NFD", "Lê Văn C")
    assert [c["command"] for c in history(seeded, "--by", typed)] == ["progress"]
    assert [c["command"] for c in history(seeded, "1", "--by", typed)] == ["progress"]


def test_an_actor_pasted_with_a_zero_width_character_is_the_name_typed(seeded: Cli) -> None:
    """--actor kept a zero-width space or joiner inside the name (pasted from a web page), so
    history --by and undo of the name typed without it found nothing. The name is kept as text
    is: without the characters that show nothing."""
    seeded.ok("--actor", "Lê\u200b Văn\u2060 C", "progress", "1", "--percent", "20",
              "--date", "10/6/2022")  # fmt: skip
    [command] = history(seeded, "--by", "Lê Văn C")
    assert command["actor"] == "Lê Văn C" and command["command"] == "progress"
    assert [c["command"] for c in history(seeded, "--by", "Lê Văn\u200d C")] == ["progress"]
    seeded.ok("--actor", "Lê Văn C", "undo", "--yes")  # the name typed undoes its own work
    undone = {c["command"]: c["undone_by"] for c in history(seeded, "--by", "Lê Văn C")}
    assert undone["progress"] is not None
    # --by of a name that shows nothing named no one and listed nothing, exit 0: refused
    assert seeded.fail("history", "--by", "\u200b") == (
        "Error: --by: only spaces or invisible characters; write some text"
    )


def test_an_actor_is_one_person_whichever_style_their_tones_were_typed_in(
    seeded: Cli, db: str
) -> None:
    """A name typed on two keyboards (Unikey's old and new tone placement: 'Nguyễn Thị Hòa',
    'Nguyễn Thị Hoà') was two actors: history --by one found nothing of the other, and undo
    under one did not undo the other's command. Both are one person; a record stored before
    (in either style) is found too."""
    seeded.ok("--actor", "Nguyễn Thị Hoà", "progress", "1", "--percent", "20",
              "--date", "10/6/2022")  # fmt: skip
    seeded.ok("--actor", "Trần Thủy", "progress", "1", "--percent", "30", "--date", "11/6/2022")
    from sqlalchemy import text

    engine, _target = open_engine(db)
    try:  # as an older dirtrack stored the second: as typed, in the old style
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE change_log SET actor = 'Trần Thủy' WHERE actor = 'Trần Thuỷ'")
            )
    finally:
        engine.dispose()
    for typed in ("Nguyễn Thị Hòa", "Nguyễn Thị Hoà", "Nguyễn Thị Hòa "):
        [command] = history(seeded, "--by", typed)
        assert command["actor"] == "Nguyễn Thị Hoà", typed
    for typed in ("Trần Thủy", "Trần Thuỷ"):
        assert [c["command"] for c in history(seeded, "--by", typed)] == ["progress"], typed
    seeded.ok("--actor", "Trần Thuỷ", "undo", "--yes")  # the other keyboard undoes its own
    seeded.ok("--actor", "Nguyễn Thị Hòa", "undo", "--yes")
    for name in ("Nguyễn Thị Hoà", "Trần Thủy"):
        done = {c["command"]: c["undone_by"] for c in history(seeded, "--by", name)}
        assert set(done) == {"progress", "undo"} and done["progress"] is not None, done


def test_history_by_matches_a_name_regardless_of_case_and_accents(seeded: Cli) -> None:
    """history --by found only the name as stored, letter for letter ('nguyen thi hoa' or
    'NGUYỄN THỊ HOÀ' found nothing, exit 0): it matches as units and search do, regardless of
    case, accents and tone placement, in the latest commands and in one record's changes."""
    seeded.ok("--actor", "Nguyễn Thị Hoà", "progress", "1", "--percent", "20",
              "--date", "10/6/2022")  # fmt: skip
    seeded.ok("--actor", "Đỗ Văn Đức", "progress", "1", "--percent", "30", "--date", "11/6/2022")
    seeded.ok("--actor", "Nguyễn Thị Hoa", "progress", "1", "--percent", "40",
              "--date", "12/6/2022")  # fmt: skip
    for typed in ("nguyen thi hoa", "NGUYỄN THỊ HOÀ", "Nguyễn  thị hòa", "nguyễn thị hoa"):
        found = {c["actor"] for c in history(seeded, "--by", typed)}
        assert found == {"Nguyễn Thị Hoà", "Nguyễn Thị Hoa"}, typed
        mine = {c["actor"] for c in history(seeded, "1", "--by", typed)}
        assert mine == {"Nguyễn Thị Hoà", "Nguyễn Thị Hoa"}, typed
    assert {c["actor"] for c in history(seeded, "--by", "do van duc")} == {"Đỗ Văn Đức"}
    assert {c["actor"] for c in history(seeded, "1", "--by", "ĐỖ VĂN ĐỨC")} == {"Đỗ Văn Đức"}
    assert history(seeded, "--by", "do van") == []  # a name, not a part of one


def test_what_changes_nothing_records_nothing(seeded: Cli, db_path: Path) -> None:
    seeded.ok("add-meeting", "--date", "1/9/2022", "--title", "Họp", "--key", "hop-1")
    count = len(history(seeded, "--limit", "0"))
    digest = file_digest(db_path)
    seeded.ok("add-meeting", "--date", "1/9/2022", "--title", "Họp", "--key", "hop-1")
    seeded.ok("list")
    seeded.ok("report", "--quarter", "2022Q3")
    seeded.fail("done", "99")
    seeded.fail("progress", "1", "--percent", "140")
    assert file_digest(db_path) == digest
    assert len(history(seeded, "--limit", "0")) == count


def test_history_of_an_unknown_directive_is_an_error(cli: Cli) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    assert "no directive with id 5" in cli.fail("history", "5")


def test_reports_say_who_last_touched_an_item(seeded: Cli) -> None:
    seeded.ok("--actor", "Lê Văn C", "progress", "1", "--percent", "20", "--date", "10/6/2022")
    late = seeded.json("overdue", "--as-of", "2022-10-01")
    first = next(d for d in late if d["id"] == 1)
    assert first["last_touched_by"] == "Lê Văn C"
    assert first["last_update"] == "2022-06-10"
    assert first["last_update_event"] == "progress"
    other = next(d for d in late if d["id"] == 2)
    assert other["last_touched_by"] == getpass.getuser()
    assert other["last_update_event"] == "assigned"


def test_undo_never_frees_an_id_for_reuse(cli: Cli) -> None:
    """After `undo` removed the newest directive, the next one gets a new id, so `history ID`
    never mixes two directives (SQLite: AUTOINCREMENT, migration 0003)."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.id("assign", str(meeting), "--unit", "BTC", "Việc một")
    undone = cli.id("assign", str(meeting), "--unit", "BTC", "Việc bị hoàn tác")
    cli.ok("undo", "--yes")
    new = cli.id("assign", str(meeting), "--unit", "BTC", "Việc mới")
    assert new == undone + 1
    assert [c["after"]["text"] for c in cli.json("history", str(new))] == ["Việc mới"]
    cli.fail("show", str(undone))


def test_history_and_remind_write_the_time_of_a_change_as_vietnamese_writes_days(
    seeded: Cli,
) -> None:
    """Under --lang vi the day of a change is 04/12/2026, as every other day is, not ISO."""
    import re

    at = history(seeded, "--limit", "1")[0]["at"]  # the JSON keeps its UTC ISO time
    utc = "--timezone", "UTC"
    vi = seeded.ok("--lang", "vi", *utc, "history", "--limit", "1")
    y, m, d = at[:10].split("-")
    assert f"{d}/{m}/{y} {at[11:16]}" in vi
    assert not re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", vi)
    assert f"{at[:10]} {at[11:16]}" in seeded.ok(*utc, "history", "--limit", "1")
    reminded = seeded.ok("--lang", "vi", *utc, "remind", "--as-of", "2022-10-01")
    assert "nhập/sửa lần cuối" in reminded
    assert not re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", reminded)


def test_history_names_a_leader_by_name_not_by_id(seeded: Cli) -> None:
    """A leader's assignment was 'leader: 1' in history and in undo: a leader is named, as a
    unit is by its code and a field by its code."""
    seeded.ok("field", "add", "KT", "Kinh tế")
    seeded.ok(
        "leader", "assign", "Lê Văn Hải", "--field", "KT", "--unit", "BTC", "--from", "1/1/2022"
    )
    vi = seeded.ok("--lang", "vi", "history", "--limit", "1")
    assert "lãnh đạo: Lê Văn Hải, lĩnh vực: KT" in vi and "lãnh đạo: 1," not in vi
    assert "leader: Lê Văn Hải, unit: BTC" in seeded.ok("history", "--limit", "1")
    undone = seeded("undo", "--yes").stderr
    assert "leader: Lê Văn Hải" in undone and "leader: 1," not in undone


@pytest.mark.parametrize("lang", ["en", language_twin("vi")])
def test_setting_the_same_values_again_says_nothing_changed_and_records_nothing(
    seeded: Cli, db: str, lang: str
) -> None:
    """`unit contact`, `calendar add` and `office set` given the values they already hold
    printed their usual confirmation: they say "nothing changed", as `edit` does, and history
    has no new entry; a different value is still a change."""
    contact = ["unit", "contact", "BTC", "--name", "Nguyễn Văn An", "--email", "an@btc.vn"]
    day = ["calendar", "add", "26/4/2025", "--on", "--note", "làm bù ngày 2/5"]
    office = ["office", "set", "--place", "Hà Nội"]

    def newest() -> int:
        return max(entry["id"] for entry in history(seeded))

    unchanged = {
        "en": [
            "unit BTC: nothing changed",
            "day 2025-04-26: nothing changed",
            "office profile: nothing changed",
        ],
        "vi": [
            "đơn vị BTC: không có gì thay đổi",
            "ngày 26/04/2025: không có gì thay đổi",
            "thông tin cơ quan: không có gì thay đổi",
        ],
    }[lang]
    for args, said in zip((contact, day, office), unchanged, strict=True):
        first = seeded("--lang", lang, *args)
        assert first.exit_code == 0, first.stderr
        assert "nothing changed" not in first.stderr and "không có gì" not in first.stderr
        last, before = newest(), state_of(db)
        again = seeded("--lang", lang, *args)
        assert (again.exit_code, again.stderr.strip()) == (0, said)
        assert again.stdout == first.stdout  # the record (or profile) is still printed
        assert newest() == last
        assert state_of(db) == before
    changed = seeded("unit", "contact", "BTC", "--name", "Trần Bình")
    assert changed.stderr.strip() == "BTC: focal contact is now Trần Bình"
    assert newest() > last
