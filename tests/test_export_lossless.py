"""`export --format json` → `import` is lossless: every row of every table comes back.

The register uses every table of the schema, through the commands; the comparison is generic
(every table of ``models.metadata()``, every column), so that a table or a column added later
and not exported fails here until the export carries it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from dirtrack.db import resolve_target
from dirtrack.models import metadata
from tests.conftest import Cli, new_database, prebuilt, snapshot

# The change log is the database's own (history and undo): never exported, and an import
# writes its own entry. Every other table must come back row for row.
NOT_EXPORTED = {"change_log"}

# Columns the commands only fill through a mail server or a workbook a unit sends back
# (pack out --mail, pack in): the register sets them in SQL so that they are exported too.
FILLED_IN_SQL = {
    "pack": {
        "sent_at": "2025-04-02 08:30:00.000000",
        "sent_to": "vanthu@btc.example.vn",
        "sent_cc": "lanhdao@tu.example.vn",
        "answered_on": "2025-04-10",
    },
    "pack_item": {
        "answer": "a" * 64,
        "settled": "b" * 64,
        "answered_on": "2025-04-10",
        "steps": '[["c","b"]]',
    },
    "office": {"template": "/srv/mau/bao-cao.docx"},
    # (a closure keeps no return since migration 0023: no command ends a returned completion
    # by a reopening, a return opens it already)
}
# Which rows of a table FILLED_IN_SQL fills (all when not named).
FILLED_IN_WHERE: dict[str, str] = {}


def _csv(tmp: Path) -> Path:
    # A sheet row marked done without a date: completed_on_exact false (done by the sheet's day).
    sheet = tmp / "sheet.csv"
    sheet.write_text(
        "Mã,Nội dung,Đơn vị chủ trì,Thời hạn,Kết quả\n"
        "S1,Việc theo bảng,VPTU,31/3/2025,Đã hoàn thành\n",
        encoding="utf-8",
    )
    return sheet


@pytest.fixture
def other(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Cli:
    """A second, new and empty database on the same backend."""
    db = new_database(request, backend, tmp_path / "other.db")
    return Cli(db=db, runner=CliRunner())


@pytest.fixture
@prebuilt
def full(cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """A register that puts rows in every table, through the commands."""
    tmp = tmp_path_factory.mktemp("full")
    ok = cli.ok
    ok("office", "set", "--kind", "party", "--parent-body", "ĐẢNG BỘ TỈNH X", "--body",
       "TỈNH ỦY X", "--code", "TU", "--place", "X", "--signer-name", "Nguyễn Văn B",
       "--signer-title", "Chánh Văn phòng", "--signer-authority", "T/L BAN THƯỜNG VỤ",
       "--to", "Các ban đảng", "--to", "Lưu VT", "--accept-completions", "yes",
       "--on-time-by", "acceptance")  # fmt: skip
    ok("calendar", "add", "2025-01-25", "--on", "--note", "làm bù")
    ok("calendar", "add", "2025-01-27", "--off", "--note", "nghỉ bù")
    ok("unit", "add", "TU", "Tỉnh ủy")
    ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy")
    ok("unit", "add", "BTC", "Ban Tổ chức", "--parent", "TU", "--alias", "Ban TC")
    ok("unit", "add", "ABC", "Ban cũ")
    ok("unit", "contact", "BTC", "--name", "Trần Thị C", "--email", "c@btc.example.vn",
       "--phone", "0912 345 678", "--role", "focal")  # fmt: skip
    ok("unit", "contact", "BTC", "--name", "Lê Văn D", "--role", "head")
    ok("field", "add", "KT", "Kinh tế")
    ok("field", "add", "XDD", "Xây dựng Đảng")
    ok("leader", "assign", "Nguyễn Văn A", "--field", "KT", "--from", "1/1/2025")
    ok("leader", "assign", "Phạm Thị E", "--field", "KT", "--unit", "BTC", "--from", "1/4/2025")
    first = cli.id("add-meeting", "--date", "6/1/2025", "--title", "Giao ban đầu năm",
                   "--chair", "Phương Thị Thanh", "--chair-title", "Phó Bí thư",
                   "--kind", "briefing", "--attendee", "BTC", "--attendee", "VPTU",
                   "--doc", "12-TB/TU", "--note", "Ghi chú", "--key", "gb-2025")  # fmt: skip
    ok("assign", str(first), "--unit", "BTC", "--with", "VPTU", "--every", "month", "--day",
       "20", "--from", "6/1/2025", "--until", "30/6/2025", "--product", "Báo cáo", "--key",
       "bc-thang", "Báo cáo tháng")  # fmt: skip
    ok("assign", str(first), "--unit", "VPTU", "--every", "quarter", "--offset", "5",
       "--from", "6/1/2025", "Báo cáo quý")  # fmt: skip
    a = cli.id("assign", str(first), "--unit", "BTC", "--with", "TU", "--due", "31/3/2025",
               "--product", "Đề án", "--key", "da-1", "Đề án A")  # fmt: skip
    ok("edit", "directive", str(a), "--field", "KT")
    ok("progress", str(a), "--percent", "40", "--note", "Đã trình", "--date", "1/2/2025")
    ok("request", "extend", str(a), "--to", "trước Tết Nguyên đán 2026", "--reason", "Chờ số liệu",
       "--doc", "05/CV-BTC", "--date", "1/3/2025")  # fmt: skip
    requests = cli.json("requests", "--pending")
    ok("approve", str(requests[0]["id"]), "--doc", "20-CV/VPTU", "--date", "10/3/2025",
       "--objective")  # fmt: skip
    ok("extend", str(a), "--to", "31/3/2026", "--date", "20/3/2025", "--reason", "CV 12")
    ok("done", str(a), "--date", "20/4/2025", "--note", "Đề án 05-ĐA", "--doc", "05-ĐA/BTC",
       "--doc-date", "18/4/2025", "--verdict", "exceeds", "--file", str(_csv(tmp)))  # fmt: skip
    ok("accept", str(a), "--date", "22/4/2025")
    b = cli.id("assign", str(first), "--unit", "VPTU", "--due", "30/6/2025", "Báo cáo B")
    ok(
        "request",
        "extend",
        str(b),
        "--to",
        "31/12/2025",
        "--reason",
        "Thiếu người",
        "--date",
        "1/5/2025",
    )
    ok(
        "reject",
        str(cli.json("requests", "--pending")[0]["id"]),
        "--reason",
        "Không có căn cứ",
        "--date",
        "5/5/2025",
    )
    ok("done", str(b), "--date", "1/6/2025", "--verdict", "short")
    ok("return", str(b), "--reason", "Chưa đủ nội dung", "--date", "3/6/2025")
    # a completion returned and reported again: the first is kept with its return
    f = cli.id("assign", str(first), "--unit", "BTC", "--due", "30/6/2025", "Việc trả lại")
    ok("done", str(f), "--date", "2/5/2025", "--note", "Lần đầu", "--doc", "09/BC-BTC",
       "--doc-date", "30/4/2025", "--verdict", "short", "--file", str(_csv(tmp)))  # fmt: skip
    ok("return", str(f), "--reason", "Chưa đạt", "--date", "5/5/2025")
    ok("done", str(f), "--date", "10/5/2025", "--doc", "10/BC-BTC", "--note", "Lần hai")
    c = cli.id("assign", str(first), "--unit", "BTC", "Việc rút")
    ok("request", "withdraw", str(c), "--reason", "Không còn phù hợp", "--date", "15/2/2025")
    ok("approve", str(cli.json("requests", "--pending")[0]["id"]), "--date", "1/3/2025")
    d = cli.id("assign", str(first), "--unit", "ABC", "--due", "28/2/2025", "Việc hủy")
    ok("cancel", str(d), "--date", "1/2/2025", "--reason", "Trùng việc")
    ok("assign", str(first), "--unit", "ABC", "--due", "30/9/2025", "Việc chuyển")
    ok("assign", str(first), "--unit", "BTC", "--with", "ABC", "--due", "30/9/2025",
       "Việc phối hợp")  # fmt: skip
    ok("unit", "retire", "ABC", "--successor", "TU", "--date", "1/3/2025")
    # reopened: a completion accepted, one not, and a cancellation, each ended by a reopening
    e = cli.id("assign", str(first), "--unit", "BTC", "--due", "30/6/2025", "Việc mở lại")
    ok("done", str(e), "--date", "1/5/2025", "--note", "Lần 1", "--doc", "07/BC-BTC",
       "--doc-date", "30/4/2025", "--verdict", "meets", "--file", str(_csv(tmp)))  # fmt: skip
    ok("accept", str(e), "--date", "2/5/2025")
    ok("reopen", str(e), "--date", "5/5/2025", "--reason", "Trả lại")
    ok("done", str(e), "--date", "6/5/2025", "--doc", "08/BC-BTC")
    ok("accept", str(e), "--date", "6/5/2025")  # the office decides by acceptance
    ok("reopen", str(e), "--date", "7/5/2025", "--reason", "Lần 2")
    ok("cancel", str(e), "--date", "8/5/2025", "--reason", "Không cần nữa")
    ok("reopen", str(e), "--date", "9/5/2025")
    ok("import", str(_csv(tmp)), "--meeting", str(first), "--key-column", "Mã",
       "--as-of", "31/3/2025")  # fmt: skip
    lim = cli.id("add-limitation", str(first), "--unit", "VPTU", "--category", "staffing",
                 "Thiếu người")  # fmt: skip
    ok("resolve", str(lim), "--date", "1/3/2025", "--note", "Đã bổ sung")
    second = cli.id("add-meeting", "--date", "1/4/2025", "--title", "Giao ban quý I")
    cli.id("add-limitation", str(second), "--unit", "VPTU", "Thiếu người")
    ok("pack", "out", "--quarter", "2025Q2", "--unit", "BTC", "--dir", str(tmp / "packs"),
       "--due", "15/4/2025", "--as-of", "1/4/2025")  # fmt: skip
    ok("urge", "BTC", "--as-of", "25/5/2025", "--date", "26/5/2025", "--number", "15-CV/VPTU",
       "--reply-by", "5/6/2025", "--format", "md", "--out", str(tmp / "urge.md"))  # fmt: skip
    engine = create_engine(resolve_target(cli.db).url)
    with engine.begin() as conn:
        for table, values in FILLED_IN_SQL.items():
            sets = ", ".join(f"{column} = :{column}" for column in values)
            where = f" WHERE {FILLED_IN_WHERE[table]}" if table in FILLED_IN_WHERE else ""
            conn.execute(text(f"UPDATE {table} SET {sets}{where}"), values)
    engine.dispose()
    return cli


def _tables() -> list[str]:
    return sorted(metadata().tables)


def test_the_register_fills_every_column_of_every_table(full: Cli) -> None:
    # What makes the comparison below worth something: no table is empty, no column is null
    # in every row, and every flag is both true and false somewhere (or, when the commands
    # allow one value only, that one). A table or a column added later fails here until the
    # register uses it, then in the comparison until the export carries it.
    rows = snapshot(full.db)
    assert set(rows) >= set(_tables())
    engine = create_engine(resolve_target(full.db).url)
    empty: list[str] = []
    with engine.connect() as conn:
        for name in _tables():
            if name in NOT_EXPORTED:
                continue
            table = metadata().tables[name]
            found = [dict(r) for r in conn.execute(table.select()).mappings()]
            if not found:
                empty.append(name)
                continue
            empty += [f"{name}.{c.name}" for c in table.c if all(r[c.name] is None for r in found)]
    engine.dispose()
    assert empty == []


def _export(cli: Cli, path: Path) -> str:
    cli.ok("export", "--out", str(path))
    return path.read_text(encoding="utf-8")


def test_export_import_keeps_every_row_of_every_table(
    full: Cli, other: Cli, tmp_path: Path
) -> None:
    first = _export(full, tmp_path / "first.json")
    copy = other
    copy.ok("import", str(tmp_path / "first.json"))
    assert _export(copy, tmp_path / "second.json") == first
    mine, theirs = snapshot(full.db), snapshot(copy.db)
    compared = [name for name in _tables() if name not in NOT_EXPORTED]
    assert set(compared) | NOT_EXPORTED == set(metadata().tables)
    for name in compared:
        assert theirs[name] == mine[name], name
    # The moves of `unit retire` live in the change log: they come back too, so a report of a
    # day before the retirement counts the moved directive for the unit that held it then.
    before = ("report", "--quarter", "2025Q1", "--as-of", "2025-02-15", "--format", "json")
    mine_report, copy_report = json.loads(full.ok(*before)), json.loads(copy.ok(*before))
    assert [u["code"] for u in copy_report["units"]] == [u["code"] for u in mine_report["units"]]
    assert "ABC" in [u["code"] for u in copy_report["units"]]
    assert copy_report["directives"] == mine_report["directives"]
    # and so do its handovers of coordination: a listing of that day names the unit that
    # coordinated then
    listed = ("list", "--as-of", "2025-02-15", "--status", "all", "--format", "json")
    assert json.loads(copy.ok(*listed)) == json.loads(full.ok(*listed))
    assert [d["with"] for d in json.loads(copy.ok(*listed)) if d["text"] == "Việc phối hợp"] == [
        ["ABC"]
    ]
    # Ids go on after the imported ones, on every table.
    assert (
        copy.id("assign", "1", "--unit", "BTC", "Việc mới")
        == max(r[0] for r in mine["directive"]) + 1
    )


def test_unit_links_to_units_before_and_after_come_back(
    full: Cli, other: Cli, tmp_path: Path
) -> None:
    # The register's links are to units later in the code order (BTC's parent TU, ABC's
    # successor TU); a link to an earlier unit goes in with the row, a later one is set after.
    doc = json.loads(_export(full, tmp_path / "first.json"))
    units = doc["units"]
    assert units[0]["code"] < units[-1]["code"] and units[-1]["parent"] is None
    units[-1]["parent"] = units[0]["code"]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    other.ok("import", str(edited))
    assert json.loads(_export(other, tmp_path / "second.json")) == doc
    # One creation per unit in the change log, its links in it; no update of a unit just made.
    log = snapshot(other.db)["change_log"]
    made = {row[5]: json.loads(row[7]) for row in log if row[3:5] == ("create", "unit")}
    assert len(made) == len(units) and not [r for r in log if r[3:5] == ("update", "unit")]
    ids = {unit["code"]: unit["id"] for unit in units}
    assert made[ids[units[-1]["code"]]]["parent_id"] == ids[units[0]["code"]]
    assert made[ids["BTC"]]["parent_id"] == ids["TU"]


def test_export_sections_and_keys(full: Cli, tmp_path: Path) -> None:
    doc = json.loads(_export(full, tmp_path / "all.json"))
    assert (doc["format"], doc["version"]) == ("dirtrack-export", 7)
    assert list(doc) == [
        "format", "version", "office", "calendar", "units", "fields", "leaders", "meetings",
        "series", "directives", "limitations", "packs", "urgings",
    ]  # fmt: skip
    assert doc["office"][0]["recipients"] == ["Các ban đảng", "Lưu VT"]
    assert doc["office"][0]["accepts_completions"] is True
    assert [(d["day"], d["off"]) for d in doc["calendar"]] == [
        ("2025-01-25", False),
        ("2025-01-27", True),
    ]
    units = {u["code"]: u for u in doc["units"]}
    assert units["ABC"]["successor"] == "TU" and units["ABC"]["retired_on"] == "2025-03-01"
    assert len(units["BTC"]["alias_ids"]) == len(units["BTC"]["aliases"]) == 1
    leaders = {leader["name"]: leader for leader in doc["leaders"]}
    assert [(a["field"], a["unit"], a["start"]) for a in leaders["Phạm Thị E"]["assignments"]] == [
        ("KT", None, "2025-04-01"),
        (None, "BTC", "2025-04-01"),
    ]
    by_text = {d["text"]: d for d in doc["directives"]}
    a = by_text["Đề án A"]
    assert a["field"] == "KT" and a["result"]["verdict"] == "exceeds"
    assert a["result"]["accepted_on"] is not None and a["result"]["file_hash"]
    asked = a["requests"][0]
    assert asked["decision"] == "approved" and asked["objective"] is True
    assert asked["extension_id"] in [e["id"] for e in a["extensions"]]
    assert by_text["Báo cáo B"]["requests"][0]["decision"] == "rejected"
    assert by_text["Báo cáo B"]["result"]["return_reason"] == "Chưa đủ nội dung"
    assert by_text["Việc rút"]["withdrawn_on"] == "2025-03-01"
    assert by_text["Việc chuyển"]["moves"] == [{"on": "2025-03-01", "from": "ABC", "to": "TU"}]
    assert by_text["Việc chuyển"]["unit"] == "TU" and by_text["Việc rút"]["moves"] == []
    shared = by_text["Việc phối hợp"]
    assert (shared["with"], shared["handovers"]) == (
        ["TU"],
        [{"on": "2025-03-01", "from": "ABC", "to": "TU"}],
    )
    assert by_text["Việc chuyển"]["handovers"] == []
    # A cancelled directive was not moved: retire moves only what is open on the day.
    assert by_text["Việc hủy"]["moves"] == [] and by_text["Việc hủy"]["unit"] == "ABC"
    assert by_text["Việc theo bảng"]["completed_on_exact"] is False
    occurrences = [d for d in doc["directives"] if d["series_id"] == 1]
    assert [d["period"] for d in occurrences] == [f"2025-{m:02}" for m in range(1, 7)]
    assert doc["series"][0]["with"] == ["VPTU"] and doc["series"][1]["offset"] == 5
    assert doc["packs"][0]["unit"] == "BTC" and doc["packs"][0]["items"]
    assert doc["urgings"][0]["number"] == "15-CV/VPTU" and doc["urgings"][0]["directives"]


# --- a document of version 1 still imports ---------------------------------------------------


def test_a_version_1_export_still_imports(full: Cli, other: Cli, tmp_path: Path) -> None:
    doc = json.loads(_export(full, tmp_path / "all.json"))
    old: dict[str, Any] = {"format": doc["format"], "version": 1}
    for unit in doc["units"]:
        for key in ("id", "alias_ids"):
            unit.pop(key)
        for contact in unit["contacts"]:
            contact.pop("id")
    old["units"] = doc["units"]
    old["meetings"] = doc["meetings"]
    added = (
        "series_id", "period", "issued_on", "withdrawn_on", "field", "result", "requests", "moves",
        "handovers", "closures", "returned_completions",
    )  # fmt: skip
    for d in doc["directives"]:
        for key in added:
            d.pop(key)
        for part in (*d["progress"], *d["extensions"]):
            part.pop("id")
    old["directives"] = doc["directives"]
    old["limitations"] = doc["limitations"]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    copy = other
    report = json.loads(copy.ok("import", str(path), "--format", "json"))
    assert report["version"] == 1
    assert report["created"]["directives"] == len(doc["directives"])
    again = json.loads(_export(copy, tmp_path / "again.json"))
    assert again["version"] == 7 and again["series"] == [] and again["fields"] == []
    assert [d["text"] for d in again["directives"]] == [d["text"] for d in old["directives"]]
    # A version 1 document with a key of version 2 is refused, as version 1 refused it.
    old["directives"][0]["field"] = "KT"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    third = Cli(db=str(tmp_path / "third.db"), runner=CliRunner())
    assert "directives[0].field: is not a field of this record" in third.fail("import", str(path))


def test_a_version_2_export_imports_without_moves(full: Cli, other: Cli, tmp_path: Path) -> None:
    """Version 2 had no ``moves``: such a document imports, its directives moved by none; a
    version 2 document holding ``moves`` is refused, as is a version 3 one without them."""
    doc = json.loads(_export(full, tmp_path / "all.json"))
    doc["version"] = 2
    for d in doc["directives"]:
        d.pop("moves")
        d.pop("handovers")
        d.pop("closures")
        d.pop("returned_completions")
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = json.loads(other.ok("import", str(path), "--format", "json"))
    assert report["version"] == 2
    again = json.loads(_export(other, tmp_path / "again.json"))
    assert again["version"] == 7 and all(d["moves"] == [] for d in again["directives"])
    doc["directives"][0]["moves"] = []
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    third = Cli(db=str(tmp_path / "third.db"), runner=CliRunner())
    assert "directives[0].moves: is not a field of this record" in third.fail("import", str(path))
    doc["version"] = 3
    doc["directives"][0].pop("moves")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "directives[0].moves: is missing" in third.fail("import", str(path))
    assert not (tmp_path / "third.db").exists() or snapshot(third.db)["directive"] == []


def test_a_version_3_export_imports_without_handovers(
    full: Cli, other: Cli, tmp_path: Path
) -> None:
    """Version 3 had no ``handovers`` (of a retired unit's coordination): such a document
    imports, its directives handed over by none; a version 3 document holding ``handovers`` is
    refused, as is a version 4 one without them."""
    doc = json.loads(_export(full, tmp_path / "all.json"))
    doc["version"] = 3
    for d in doc["directives"]:
        d.pop("handovers")
        d.pop("closures")
        d.pop("returned_completions")
    path = tmp_path / "v3.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert json.loads(other.ok("import", str(path), "--format", "json"))["version"] == 3
    again = json.loads(_export(other, tmp_path / "again.json"))
    assert again["version"] == 7 and all(d["handovers"] == [] for d in again["directives"])
    doc["directives"][0]["handovers"] = []
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    third = Cli(db=str(tmp_path / "third.db"), runner=CliRunner())
    said = third.fail("import", str(path))
    assert "directives[0].handovers: is not a field of this record" in said
    doc["version"] = 4
    doc["directives"][0].pop("handovers")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "directives[0].handovers: is missing" in third.fail("import", str(path))


def test_a_version_4_export_imports_without_closures(full: Cli, other: Cli, tmp_path: Path) -> None:
    """Version 4 had no ``closures`` (completions and cancellations a reopening ended): such a
    document imports, as it did, with none; a version 4 document holding ``closures`` is
    refused, as is a version 5 one without them; closures whose days overlap, or a result on a
    cancellation, are refused naming the record."""
    doc = json.loads(_export(full, tmp_path / "all.json"))
    reopened = next(d for d in doc["directives"] if d["text"] == "Việc mở lại")
    assert [(c["kind"], c["closed_on"], c["reopened_on"]) for c in reopened["closures"]] == [
        ("done", "2025-05-02", "2025-05-05"),  # by acceptance: its day
        ("done", "2025-05-06", "2025-05-07"),
        ("cancelled", "2025-05-08", "2025-05-09"),
    ]
    assert reopened["closures"][0]["result"]["accepted_on"] == "2025-05-02"
    at = f"directives[{doc['directives'].index(reopened)}]"
    doc["version"] = 4
    for d in doc["directives"]:
        d.pop("closures")
        d.pop("returned_completions")
    path = tmp_path / "v4.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert json.loads(other.ok("import", str(path), "--format", "json"))["version"] == 4
    again = json.loads(_export(other, tmp_path / "again.json"))
    assert again["version"] == 7 and all(d["closures"] == [] for d in again["directives"])
    third = Cli(db=str(tmp_path / "third.db"), runner=CliRunner())
    doc["directives"][0]["closures"] = []
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    said = third.fail("import", str(path))
    assert "directives[0].closures: is not a field of this record" in said
    doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    doc["directives"][0].pop("closures")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "directives[0].closures: is missing" in third.fail("import", str(path))
    for change, said in (
        ({"closed_on": "2025-05-04"}, f"{at}.closures[1].closed_on: completion date"),
        ({"reopened_on": "2025-05-05"}, f"{at}.closures[1].reopened_on: reopening date"),
    ):
        doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
        closures = next(d for d in doc["directives"] if d["text"] == "Việc mở lại")["closures"]
        closures[1].update(change)
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert said in third.fail("import", str(path))
    closures[1].update(closures[1] | {"reopened_on": "2025-05-07", "kind": "cancelled"})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "only a completion has a result document" in third.fail("import", str(path))
    assert not (tmp_path / "third.db").exists() or snapshot(third.db)["directive"] == []


def test_a_version_5_export_imports_without_returned_completions(
    full: Cli, other: Cli, tmp_path: Path
) -> None:
    """Version 5 had no ``returned_completions`` (completions returned and reported again):
    such a document imports with none; a version 5 document holding them is refused, as is a
    version 6 one without them; one returned before it was reported, or reported after the next
    completion, is refused naming the record."""
    doc = json.loads(_export(full, tmp_path / "all.json"))
    kept = next(d for d in doc["directives"] if d["text"] == "Việc trả lại")
    [first] = kept["returned_completions"]
    assert (first["doc"], first["verdict"], first["note"]) == ("09/BC-BTC", "short", "Lần đầu")
    assert (first["returned_on"], first["return_reason"]) == ("2025-05-05", "Chưa đạt")
    assert (kept["result"]["doc"], kept["completion_note"]) == ("10/BC-BTC", "Lần hai")
    at = f"directives[{doc['directives'].index(kept)}]"
    doc["version"] = 5
    for d in doc["directives"]:
        d.pop("returned_completions")
    path = tmp_path / "v5.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert json.loads(other.ok("import", str(path), "--format", "json"))["version"] == 5
    again = json.loads(_export(other, tmp_path / "again.json"))
    assert again["version"] == 7 and all(
        d["returned_completions"] == [] for d in again["directives"]
    )
    third = Cli(db=str(tmp_path / "third.db"), runner=CliRunner())
    doc["directives"][0]["returned_completions"] = []
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    said = third.fail("import", str(path))
    assert "directives[0].returned_completions: is not a field of this record" in said
    doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    doc["directives"][0].pop("returned_completions")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "directives[0].returned_completions: is missing" in third.fail("import", str(path))
    for change, said in (
        ({"returned_on": "2025-05-01"}, f"{at}.returned_completions[0].returned_on: return date"),
        ({"claimed_on": "2025-05-03"}, f"{at}.result.claimed_on: completion date"),
        ({"return_reason": ""}, f"{at}.returned_completions[0].return_reason"),
    ):
        doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
        record = next(d for d in doc["directives"] if d["text"] == "Việc trả lại")
        if "claimed_on" in change:  # the next completion reported before this one's return
            record["result"].update(change)
            record["result"]["doc_date"] = None
        else:
            record["returned_completions"][0].update(change)
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert said in third.fail("import", str(path))
    assert not (tmp_path / "third.db").exists() or snapshot(third.db)["directive"] == []


def test_a_version_6_export_imports_without_who_returned(
    full: Cli, other: Cli, tmp_path: Path
) -> None:
    """Version 6 had no ``returned_by`` in a returned completion: such a document imports with
    none (not known); a version 6 document holding it is refused, as is a version 7 one without
    it. A closure's result keeps no return (migration 0023): one that says it was returned is
    refused, naming it."""
    doc = json.loads(_export(full, tmp_path / "all.json"))
    kept = next(d for d in doc["directives"] if d["text"] == "Việc trả lại")
    [first] = kept["returned_completions"]
    assert "returned_by" in first
    at = f"directives[{doc['directives'].index(kept)}]"
    doc["version"] = 6
    for d in doc["directives"]:
        for r in d["returned_completions"]:
            r.pop("returned_by")
    path = tmp_path / "v6.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert json.loads(other.ok("import", str(path), "--format", "json"))["version"] == 6
    again = json.loads(_export(other, tmp_path / "again.json"))
    again_kept = next(d for d in again["directives"] if d["text"] == "Việc trả lại")
    assert again["version"] == 7
    assert [r["returned_by"] for r in again_kept["returned_completions"]] == [None]
    third = Cli(db=str(tmp_path / "third.db"), runner=CliRunner())
    kept = doc["directives"][doc["directives"].index(kept)]
    kept["returned_completions"][0]["returned_by"] = "x"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    said = third.fail("import", str(path))
    assert f"{at}.returned_completions[0].returned_by: is not a field of this record" in said
    doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    record = next(d for d in doc["directives"] if d["text"] == "Việc trả lại")
    record["returned_completions"][0].pop("returned_by")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert f"{at}.returned_completions[0].returned_by: is missing" in third.fail(
        "import", str(path)
    )
    doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    reopened = next(d for d in doc["directives"] if d["text"] == "Việc mở lại")
    [closure] = [c for c in reopened["closures"] if c["result"] is not None][:1]
    assert (closure["result"]["returned_on"], closure["result"]["return_reason"]) == (None, None)
    closure["result"].update(returned_on=closure["closed_on"], return_reason="Chưa đạt")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "a completion a reopening ended was never returned" in third.fail("import", str(path))
    assert not (tmp_path / "third.db").exists() or snapshot(third.db)["directive"] == []


def test_the_returned_sequence_exports_and_imports_identically(
    db: str, other: Cli, tmp_path: Path
) -> None:
    """done, return, done again, each a process of its own: the export carries both
    completions and the return; imported into a new database and exported again, the same
    document."""
    from tests.conftest import run
    from tests.test_results import _returned_sequence

    _returned_sequence(db, tmp_path)
    first = tmp_path / "first.json"
    assert run("export", "--out", str(first), db=db, forked=True).returncode == 0
    doc = json.loads(first.read_text(encoding="utf-8"))
    [record] = doc["directives"]
    assert [(r["doc"], r["note"], r["return_reason"]) for r in record["returned_completions"]] == [
        ("12/BC-BTC", "ghi chu 1", "Chua dat")
    ]
    assert (record["result"]["doc"], record["completion_note"]) == ("15/BC-BTC", "ghi chu 2")
    assert run("import", str(first), db=other.db, forked=True).returncode == 0
    second = tmp_path / "second.json"
    assert run("export", "--out", str(second), db=other.db, forked=True).returncode == 0
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_a_cancellation_closure_imports_as_reopen_stores_it(
    full: Cli, other: Cli, tmp_path: Path
) -> None:
    """`reopen` stores a cancellation it ends with ``completed_on_exact`` true (only a
    completion from a sheet is "done by"); a version 5 document saying false for one was
    imported as written. Its row is what the commands write: true; a completion's false stays."""
    doc = json.loads(_export(full, tmp_path / "all.json"))
    reopened = next(d for d in doc["directives"] if d["text"] == "Việc mở lại")
    assert [c["completed_on_exact"] for c in reopened["closures"]] == [True, True, True]
    reopened["closures"][2]["completed_on_exact"] = False  # the cancellation
    reopened["closures"][1]["completed_on_exact"] = False  # a completion "done by" its day
    path = tmp_path / "v5.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    other.ok("import", str(path))
    again = json.loads(_export(other, tmp_path / "again.json"))
    back = next(d for d in again["directives"] if d["text"] == "Việc mở lại")
    # the rows as the export reads them back
    assert [(c["kind"], c["completed_on_exact"]) for c in back["closures"]] == [
        ("done", True),
        ("done", False),
        ("cancelled", True),
    ]


def test_an_imported_move_is_undone_with_the_import(full: Cli, other: Cli, tmp_path: Path) -> None:
    """The moves an import puts back are its own changes: `undo` of the import takes them back
    with everything else it wrote."""
    other.ok("import", _path(full, tmp_path))
    listed = json.loads(other.ok("list", "--format", "json"))
    moved = [d for d in listed if d["text"] == "Việc chuyển"]
    shown = other.ok("show", str(moved[0]["id"]))
    assert "ABC" in shown and "TU" in shown
    other.ok("undo", "--yes")
    assert snapshot(other.db)["directive"] == []


def _path(cli: Cli, tmp_path: Path) -> str:
    path = tmp_path / "export.json"
    _export(cli, path)
    return str(path)


# --- hostile documents ----------------------------------------------------------------------


def _first(doc: dict[str, Any], section: str, test: Callable[[Any], bool]) -> Any:
    return next(r for r in doc[section] if test(r))


def _requests(doc: dict[str, Any]) -> Any:
    return _first(doc, "directives", lambda d: d["requests"])


HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "series-dangling-meeting": (
        lambda d: d["series"][0].update(meeting_id=99),
        "series[0].meeting_id: no meeting 99",
    ),
    "directive-dangling-series": (
        lambda d: d["directives"][0].update(series_id=77),
        "directives[0].series_id: no record 77 in series",
    ),
    "directive-unknown-field": (
        lambda d: d["directives"][0].update(field="VH"),
        "directives[0].field: no field 'VH'",
    ),
    "request-dangling-extension": (
        lambda d: _requests(d)["requests"][0].update(extension_id=999),
        ".extension_id: no record 999 in directives[",
    ),
    "pack-item-dangling-directive": (
        lambda d: d["packs"][0]["items"][0].update(directive_id=5000),
        "packs[0].items[0].directive_id: no record 5000 in directives",
    ),
    "unit-code-a-formula": (
        lambda d: d["units"][-1].update(code="=Q"),
        "units[3].code: unit code '=Q' must start with a letter or a digit",
    ),
    "unit-code-with-a-tab": (
        lambda d: d["units"][-1].update(code="Q\tR"),
        "units[3].code: unit code 'Q\\tR' must start with a letter or a digit",
    ),
    "field-code-with-a-space": (
        lambda d: d["fields"][0].update(code="KT X"),
        "fields[0].code: unit code 'KT X' must start with a letter or a digit",
    ),
    "urging-unknown-unit": (
        lambda d: d["urgings"][0].update(unit="XYZ"),
        "urgings[0].unit: no unit 'XYZ'",
    ),
    "assignment-unknown-field": (
        lambda d: d["leaders"][0]["assignments"][0].update(field="VH"),
        "leaders[0].assignments[0].field: no field 'VH'",
    ),
    "assignment-field-and-unit": (
        lambda d: d["leaders"][0]["assignments"][0].update(unit="BTC"),
        "leaders[0].assignments[0]: an assignment names either a field or a unit",
    ),
    "wrong-type-objective": (
        lambda d: _requests(d)["requests"][0].update(objective="yes"),
        "objective: must be true or false",
    ),
    "wrong-type-series-day": (
        lambda d: d["series"][0].update(day="20"),
        "series[0].day: must be a whole number",
    ),
    "wrong-verdict": (
        lambda d: _first(d, "directives", lambda x: x["result"])["result"].update(verdict="ok"),
        ".result.verdict: must be one of 'meets', 'exceeds', 'short'",
    ),
    "calendar-off-number": (
        lambda d: d["calendar"][0].update(off=1),
        "calendar[0].off: must be true or false",
    ),
    "duplicate-field-id": (
        lambda d: d["fields"][1].update(id=d["fields"][0]["id"]),
        "fields: two records have the same id (1)",
    ),
    "duplicate-series-id": (
        lambda d: d["series"][1].update(id=d["series"][0]["id"]),
        "series: two records have the same id (1)",
    ),
    "duplicate-request-id": (
        lambda d: d["directives"].__setitem__(
            slice(None),
            [{**x, "requests": x["requests"] * 2} if x["requests"] else x for x in d["directives"]],
        ),
        "directives.requests: two records have the same id",
    ),
    "duplicate-calendar-day": (
        lambda d: d["calendar"][1].update(day=d["calendar"][0]["day"]),
        "calendar[1].day: '2025-01-25' is given twice",
    ),
    "duplicate-pack-token": (
        lambda d: d["packs"].append({**d["packs"][0], "id": 900, "items": []}),
        ".token: ",
    ),
    "duplicate-unit-id": (
        lambda d: d["units"][1].update(id=d["units"][0]["id"]),
        "units: two records have the same id",
    ),
    "move-to-the-same-unit": (
        lambda d: _first(d, "directives", lambda x: x["moves"])["moves"][0].update(to="ABC"),
        ".moves[0]: a move passes a directive to another unit, not to 'ABC'",
    ),
    "move-unknown-unit": (
        lambda d: _first(d, "directives", lambda x: x["moves"])["moves"][0].update(to="XYZ"),
        ".moves[0].to: no unit 'XYZ'",
    ),
    "move-before-the-meeting": (
        lambda d: _first(d, "directives", lambda x: x["moves"])["moves"][0].update(on="2024-12-31"),
        ".moves[0].on: move date 2024-12-31 is before meeting",
    ),
    "progress-before-the-occurrence-was-issued": (
        lambda d: _first(d, "directives", lambda x: x["issued_on"] == "2025-03-01")[
            "progress"
        ].append(
            {
                "id": 9000,
                "reported_on": "2025-02-28",
                "percent": 5,
                "note": None,
                "created_at": "2025-02-28T08:00:00+00:00",
            }
        ),  # fmt: skip
        ".progress[0].reported_on: progress date 2025-02-28 is before the directive was issued "
        "(2025-03-01)",
    ),
    "missing-section": (lambda d: d.pop("urgings"), "urgings: is missing"),
    "missing-id": (
        lambda d: (
            d["directives"][0]["progress"][0].pop("id")
            if d["directives"][0]["progress"]
            else _first(d, "directives", lambda x: x["progress"])["progress"][0].pop("id")
        ),
        ".progress[0].id: is missing",
    ),
    "office-twice": (
        lambda d: d["office"].append(d["office"][0]),
        "office: two records have the same id (1)",
    ),
    "section-out-of-order": (
        lambda d: d.update({"office": d.pop("office")}),
        "calendar must come after office",
    ),
}


_MADE: dict[str, Any] = {}


@pytest.fixture
def exported(full: Cli, tmp_path: Path) -> dict[str, Any]:
    """The register's export (made once a test process: the copies export the same)."""
    if "doc" not in _MADE:
        _MADE["doc"] = json.loads(_export(full, tmp_path / "all.json"))
    doc: dict[str, Any] = json.loads(json.dumps(_MADE["doc"]))
    return doc


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_documents_are_refused_and_write_nothing(
    exported: dict[str, Any], other: Cli, tmp_path: Path, case: str
) -> None:
    change, expected = HOSTILE[case]
    change(exported)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    before = snapshot(other.db)
    message = other.fail("import", str(path))
    assert expected in message
    assert snapshot(other.db) == before


def test_a_code_an_earlier_dirtrack_registered_is_imported(
    exported: dict[str, Any], other: Cli, tmp_path: Path
) -> None:
    """Before 2026-12 a code could hold any letters: such a register's export imports, while a
    code no version took ('=Q', refused above) does not."""
    last = exported["units"][-1]
    greek = {**last, "id": last["id"] + 100, "code": "\u0391\u0392", "name": "Ban \u0391\u0392"}
    greek.update(parent=None, successor=None, retired_on=None, aliases=[], alias_ids=[])
    greek["contacts"] = []
    exported["units"].append(greek)
    path = tmp_path / "all.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    other.ok("import", str(path))
    assert "\u0391\u0392" in [u["code"] for u in other.json("unit", "list")]


def test_import_refuses_a_database_with_only_new_kinds_of_records(
    exported: dict[str, Any], other: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    other.ok("calendar", "add", "2025-02-01", "--on")
    message = other.fail("import", str(path))
    assert "already holds records (1 other record)" in message
