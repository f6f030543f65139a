"""`import` of a dirtrack JSON export checks structure as well as references.

Cycles and self-links of units and limitations, dates before their meeting or out of range,
blank text and control characters are each refused with one `Error:` line naming the record,
exit 1, and the database exactly as it was; a file starting with a UTF-8 byte order mark is read.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, cli_at, file_digest, prebuilt, run

STAMP = "2022-05-06T08:00:00+00:00"


def _unit(code: str, name: str, **given: Any) -> dict[str, Any]:
    record = {"code": code, "name": name, "parent": None, "successor": None}
    record = {**record, "retired_on": None, "aliases": [], "created_at": STAMP}
    return {**record, "contacts": [], **given}


def _meeting(meeting_id: int, day: str, **given: Any) -> dict[str, Any]:
    return {
        "id": meeting_id,
        "date": day,
        "title": f"Giao ban {meeting_id}",
        "kind": "briefing",
        "chair": "Phương Thị Thanh",
        "chair_title": None,
        "doc": None,
        "note": None,
        "key": None,
        "attendees": ["BTC"],
        "created_at": STAMP,
        **given,
    }


def _directive(directive_id: int, meeting_id: int, unit: str, **given: Any) -> dict[str, Any]:
    return {
        "id": directive_id,
        "meeting_id": meeting_id,
        "unit": unit,
        "with": [],
        "text": f"Việc {directive_id}",
        "original_due": None,
        "due_text": None,
        "product": None,
        "key": None,
        "completed_on": None,
        "completed_on_exact": True,
        "completion_note": None,
        "cancelled_on": None,
        "cancel_reason": None,
        "created_at": STAMP,
        "progress": [],
        "extensions": [],
        **given,
    }


def _limitation(limitation_id: int, meeting_id: int, **given: Any) -> dict[str, Any]:
    return {
        "id": limitation_id,
        "meeting_id": meeting_id,
        "unit": "BTC",
        "text": "Thiếu lái xe",
        "category": "staffing",
        "resolved_on": None,
        "resolve_note": None,
        "repeat_of": None,
        "created_at": STAMP,
        **given,
    }


def _doc() -> dict[str, Any]:
    """A valid export: a parent, a successor, progress, an extension, a repeated limitation."""
    return {
        "format": "dirtrack-export",
        "version": 1,
        "units": [
            _unit("BTC", "Ban Tổ chức"),
            _unit("TU", "Tỉnh ủy"),
            _unit("VPTU", "Văn phòng Tỉnh ủy", parent="TU"),
            _unit("XA", "Xã cũ", retired_on="2022-06-30", successor="VPTU"),
        ],
        "meetings": [_meeting(1, "2022-05-06"), _meeting(2, "2022-07-29")],
        "directives": [
            _directive(
                1,
                1,
                "BTC",
                original_due="2022-06-30",
                completed_on="2022-07-20",
                completion_note="Đề án 05-ĐA",
                progress=[
                    {
                        "reported_on": "2022-06-01",
                        "percent": 40,
                        "note": "Đã trình",
                        "created_at": STAMP,
                    }
                ],
                extensions=[
                    {
                        "approved_on": "2022-06-25",
                        "new_due": "2022-07-31",
                        "due_text": None,
                        "reason": "CV 12",
                        "created_at": STAMP,
                    }
                ],
            ),
            _directive(2, 2, "VPTU", text="Dòng một\nDòng hai\tcó tab"),
        ],
        "limitations": [
            _limitation(1, 1, resolved_on="2022-08-01"),
            _limitation(2, 2, repeat_of=1),
        ],
    }


@pytest.fixture
@prebuilt
def empty(cli: Cli) -> Cli:
    """An empty database that exists (so that its bytes can be compared)."""
    cli.ok("unit", "list")
    return cli


def _write(tmp_path: Path, doc: dict[str, Any], *, bom: bool = False) -> Path:
    path = tmp_path / "export.json"
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _v1(doc: dict[str, Any]) -> dict[str, Any]:
    """An export (version 6) as version 1 wrote it: without the sections and keys versions 2
    to 6 added, which a version 1 document imports as none (checked here: they are empty)."""
    added = ("office", "calendar", "fields", "leaders", "series", "packs", "urgings")
    assert all(doc[name] == [] for name in added)
    old = {k: v for k, v in doc.items() if k not in added}
    old["version"] = 1
    for unit in old["units"]:
        del unit["id"], unit["alias_ids"]
        for contact in unit["contacts"]:
            del contact["id"]
    for d in old["directives"]:
        parts = ("series_id", "period", "issued_on", "withdrawn_on", "field", "result")
        assert all(d.pop(key) is None for key in parts) and d.pop("requests") == []
        assert d.pop("moves") == [] and d.pop("handovers") == [] and d.pop("closures") == []
        assert d.pop("returned_completions") == []
        for part in (*d["progress"], *d["extensions"]):
            del part["id"]
    return old


def test_the_valid_document_imports(empty: Cli, tmp_path: Path) -> None:
    empty.ok("import", str(_write(tmp_path, _doc())))
    again = _v1(json.loads(empty.ok("export")))
    assert again == _doc()


def test_a_unit_code_written_another_way_names_that_unit(
    empty: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A reference to a unit by its code in another case, with other marks or in NFD ('btc',
    'vptu', 'Tu') was refused as 'no unit', where every command takes it for that unit: it is
    that unit's, written as the unit's code; named twice so, it is one unit given twice."""
    import unicodedata

    doc = _doc()
    doc["units"][0]["code"] = "ĐBQH"  # a code with a mark, named below in NFD and without it
    doc["units"][2]["parent"] = "tu"
    doc["units"][3]["successor"] = "Vptu"
    doc["meetings"][0]["attendees"] = [unicodedata.normalize("NFD", "đbqh"), "TU"]
    doc["meetings"][1]["attendees"] = ["Đbqh"]
    doc["directives"][0]["unit"] = "dbqh"
    doc["directives"][0]["with"] = ["vPtU"]
    doc["directives"][1]["unit"] = "vptu"
    doc["limitations"][0]["unit"] = "ĐBQH"
    doc["limitations"][1]["unit"] = "Đbqh"
    empty.ok("import", str(_write(tmp_path, doc)))
    again = _v1(json.loads(empty.ok("export")))
    assert [(u["code"], u["parent"], u["successor"]) for u in again["units"]] == [
        ("ĐBQH", None, None),
        ("TU", None, None),
        ("VPTU", "TU", None),
        ("XA", None, "VPTU"),
    ]
    assert again["meetings"][0]["attendees"] == ["TU", "ĐBQH"]
    assert [(d["unit"], d["with"]) for d in again["directives"]] == [
        ("ĐBQH", ["VPTU"]),
        ("VPTU", []),
    ]
    assert [lim["unit"] for lim in again["limitations"]] == ["ĐBQH", "ĐBQH"]
    # one unit named twice, or the lead named as its coordinator, written another way
    doc["directives"][0]["with"] = ["VPTU", "vptu"]
    fresh = tmp_path / "fresh.db"
    from tests.conftest import cli_at

    at_fresh = cli_at(fresh)
    assert at_fresh.fail("import", str(_write(tmp_path, doc))) == (
        "Error: directives[0].with: 'VPTU' is given twice"
    )
    doc["directives"][0]["with"] = ["đbqh"]
    said = at_fresh.fail("--lang", "vi", "import", str(_write(tmp_path, doc)))
    assert said == (
        "Error: directives[0].with: đơn vị 'ĐBQH' không thể là đơn vị phối hợp của chính nó"
    )
    assert not fresh.exists()
    # a code no unit has, however written, is still no unit
    doc["directives"][0]["with"] = ["VPT"]
    assert at_fresh.fail("import", str(_write(tmp_path, doc))) == (
        "Error: directives[0].with: no unit 'VPT'"
    )


def test_a_field_code_written_another_way_names_that_field(empty: Cli, tmp_path: Path) -> None:
    """A directive's or a leader's field named by its code in another case or without its
    marks ('kt-xh', 'Đt') was refused as 'no field' although the file's own list holds it, where
    a unit's code so written is that unit's: it is that field."""
    from tests.conftest import cli_at

    empty.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    empty.ok("field", "add", "KT-XH", "Kinh tế - Xã hội")
    empty.ok("field", "add", "ĐT", "Đào tạo")
    empty.ok("leader", "assign", "Nguyễn Văn A", "--field", "ĐT", "--from", "1/1/2022")
    m = empty.id("add-meeting", "--date", "2022-03-01", "--title", "Họp")
    for text, field in (("Một", "KT-XH"), ("Hai", "ĐT")):
        made = empty.id("assign", str(m), text, "--unit", "VPTU")
        empty.ok("edit", "directive", str(made), "--field", field)
    doc = json.loads(empty.ok("export"))
    doc["directives"][0]["field"] = "kt-xh"
    doc["directives"][1]["field"] = "Đt"
    doc["leaders"][0]["assignments"][0]["field"] = "dt"
    fresh = cli_at(tmp_path / "fresh.db")
    fresh.ok("import", str(_write(tmp_path, doc)))
    again = json.loads(fresh.ok("export"))
    assert [d["field"] for d in again["directives"]] == ["KT-XH", "ĐT"]
    assert again["leaders"][0]["assignments"][0]["field"] == "ĐT"
    # a code no field has, however written, is still no field
    doc["directives"][0]["field"] = "KT"
    assert cli_at(tmp_path / "other.db").fail("import", str(_write(tmp_path, doc))) == (
        "Error: directives[0].field: no field 'KT'"
    )


def test_a_file_with_a_utf8_byte_order_mark_imports(empty: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, _doc(), bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf{")
    empty.ok("import", str(path))
    assert _v1(json.loads(empty.ok("export"))) == _doc()


@pytest.mark.parametrize("escaped", [False, True], ids=["utf8", "escaped"])
def test_direction_controls_are_not_imported(empty: Cli, tmp_path: Path, escaped: bool) -> None:
    """A title or unit name holding a right-to-left override (U+202E) was imported as it was,
    to show reversed ("Trojan Source"); it is stored as a typed one is: without the direction
    controls and byte order marks, whether the file writes them as UTF-8 or as escapes."""
    doc = _doc()
    doc["meetings"][0]["title"] = "\u202eGiao\u202c ban\u200f 1\ufeff"
    doc["units"][0]["name"] = "\u2067Ban\u2069 Tổ chức"
    doc["directives"][1]["text"] = "Dòng một\u202e\nDòng hai\tcó tab"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc, ensure_ascii=escaped), encoding="utf-8")
    empty.ok("import", str(path))
    assert _v1(json.loads(empty.ok("export"))) == _doc()


def test_a_key_is_stored_as_a_typed_key_is(empty: Cli, tmp_path: Path) -> None:
    """A meeting's or a directive's key with white space around it or a run inside it (`K  2`)
    was stored so, where `--key`, a sheet's key column and a draft store `K 2`: it was never
    found again, so running the script again, or importing the register's own sheet by key,
    recorded the meeting or the directive a second time. It is stored as a typed key is."""
    doc = _doc()
    doc["meetings"][0]["key"] = " hop\t1 "
    doc["directives"][1]["key"] = "K  2\n"
    empty.ok("import", str(_write(tmp_path, doc)))
    again = json.loads(empty.ok("export"))
    assert again["meetings"][0]["key"] == "hop 1"
    assert again["directives"][1]["key"] == "K 2"
    assert empty.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban 1",
                    "--key", "hop 1") == 1  # fmt: skip
    assert empty.id("assign", "2", "--unit", "VPTU", "--key", "K 2", "Việc 2") == 2
    sheet = tmp_path / "s.csv"  # its text, in a cell, is the directive's (line break and tab)
    sheet.write_text("Mã,Nội dung,Đơn vị chủ trì\nK 2,Dòng một Dòng hai có tab,VPTU\n")
    assert empty.json("import", str(sheet), "--meeting", "2")["rows"][0]["action"] == "unchanged"
    # two keys that are one key typed are one key given twice
    doc["meetings"][1]["key"] = "hop 1"
    fresh = cli_at(tmp_path / "fresh.db")
    said = fresh.fail("import", str(_write(tmp_path, doc)))
    assert said == "Error: meetings: two meetings have the same key"


Change = Callable[[dict[str, Any]], None]


def _set(section: str, index: int, **values: Any) -> Change:
    return lambda doc: doc[section][index].update(values)


def _set_in(section: str, index: int, part: str, n: int, **values: Any) -> Change:
    return lambda doc: doc[section][index][part][n].update(values)


CASES: list[tuple[str, Change, str]] = [
    (
        "own-parent",
        _set("units", 1, parent="TU"),
        "units[1].parent: unit 'TU' cannot be its own parent",
    ),
    (
        "parent-cycle",
        _set("units", 1, parent="VPTU"),
        "units[1].parent: units form a cycle of parent links: TU → VPTU → TU",
    ),
    (
        "own-successor",
        _set("units", 3, successor="XA"),
        "units[3].successor: unit 'XA' cannot be its own successor",
    ),
    (
        "successor-cycle",
        _set("units", 2, successor="XA"),
        "units[2].successor: units form a cycle of successor links: VPTU → XA → VPTU",
    ),
    (
        "repeats-itself",
        _set("limitations", 1, repeat_of=2),
        "limitations[1].repeat_of: limitation 2 cannot repeat itself",
    ),
    (
        "repeat-cycle",
        _set("limitations", 0, repeat_of=2),
        "limitations[0].repeat_of: limitations repeat each other in a cycle: 1 → 2 → 1",
    ),
    (
        "repeat-cycle-further-on",
        lambda doc: (
            doc["limitations"].append(_limitation(3, 2, repeat_of=2))
            or doc["limitations"][1].update(repeat_of=3)
        ),
        "limitations[1].repeat_of: limitations repeat each other in a cycle: 2 → 3 → 2",
    ),
    (
        "completed-before",
        _set("directives", 0, completed_on="2022-05-05"),
        "directives[0].completed_on: completion date 2022-05-05 is before meeting 1 (2022-05-06)",
    ),
    (
        "cancelled-before",
        _set("directives", 1, cancelled_on="2022-07-01", cancel_reason="Không còn phù hợp"),
        "directives[1].cancelled_on: cancellation date 2022-07-01 is before meeting 2",
    ),
    (
        "due-before",
        _set("directives", 1, original_due="2022-07-28"),
        "directives[1].original_due: deadline 2022-07-28 is before meeting 2 (2022-07-29)",
    ),
    (
        "extension-before",
        _set_in("directives", 0, "extensions", 0, approved_on="2022-05-01"),
        "directives[0].extensions[0].approved_on: approval date 2022-05-01 is before meeting 1",
    ),
    (
        "new-due-before",
        _set_in("directives", 0, "extensions", 0, new_due="2022-01-31"),
        "directives[0].extensions[0].new_due: new deadline date 2022-01-31 is before meeting 1",
    ),
    (
        "progress-before",
        _set_in("directives", 0, "progress", 0, reported_on="2021-12-31"),
        "directives[0].progress[0].reported_on: progress date 2021-12-31 is before meeting 1",
    ),
    (
        "resolved-before",
        _set("limitations", 0, resolved_on="2022-05-01"),
        "limitations[0].resolved_on: resolution date 2022-05-01 is before meeting 1",
    ),
    (
        "year-1",
        _set("meetings", 0, date="0001-05-06"),
        "meetings[0].date: year 1 is outside 1900–2999",
    ),
    (
        "year-9999",
        _set("directives", 0, completed_on="9999-12-31"),
        "directives[0].completed_on: year 9999 is outside 1900–2999",
    ),
    (
        "stamp-year-1",
        _set("units", 0, created_at="0001-01-01T00:00:00+00:00"),
        "units[0].created_at: year 1 is outside 1900–2999",
    ),
    (
        "retired-year-1899",
        _set("units", 3, retired_on="1899-12-31"),
        "units[3].retired_on: year 1899 is outside 1900–2999",
    ),
    (
        "spaces",
        _set("directives", 1, text="   "),
        "directives[1].text: blank text (only spaces or invisible characters)",
    ),
    (
        "zero-width",
        _set("limitations", 0, text="\u200b\u200b \ufeff"),
        "limitations[0].text: blank text",
    ),
    (
        "empty-note",
        _set("directives", 0, completion_note=""),
        "directives[0].completion_note: blank text",
    ),
    (
        "blank-alias",
        _set("units", 0, aliases=["Ban TC", " \u200b"]),
        "units[0].aliases[1]: blank text",
    ),
    # An id or a reference above PostgreSQL's INTEGER: refused on SQLite too, naming the field
    # (SQLite stored the record, PostgreSQL failed with a DataError).
    (
        "directive-id-too-large",
        _set("directives", 1, id=2**31),
        "directives[1].id: must be at most 2147483647",
    ),
    (
        "meeting-id-too-large",
        _set("meetings", 1, id=2**31),
        "meetings[1].id: must be at most 2147483647",
    ),
    (
        "limitation-meeting-too-large",
        _set("limitations", 0, meeting_id=2**63),
        "limitations[0].meeting_id: must be at most 2147483647",
    ),
    (
        "repeat-of-too-large",
        _set("limitations", 1, repeat_of=2**31),
        "limitations[1].repeat_of: must be at most 2147483647",
    ),
    (
        "nul",
        _set("directives", 0, text="Đề án\x00A"),
        "directives[0].text: the text holds the control character U+0000",
    ),
    (
        "escape",
        _set_in("directives", 0, "progress", 0, note="\x1b]0;pwned\x07"),
        "directives[0].progress[0].note: the text holds the control character U+001B",
    ),
    (
        "bell-in-title",
        _set("meetings", 1, title="Giao ban\x07"),
        "meetings[1].title: the text holds the control character U+0007",
    ),
    (
        "vertical-tab",
        _set("units", 2, name="Văn phòng\x0b"),
        "units[2].name: the text holds the control character U+000B",
    ),
    # Lists of units hold each once, as the rows do (a second one failed on the database's
    # unique key: 'unexpected IntegrityError'), and never the lead unit among its coordinating
    # units (imported as given, a state no command makes).
    (
        "coordinating-unit-twice",
        _set("directives", 1, **{"with": ["BTC", "BTC"]}),
        "directives[1].with: 'BTC' is given twice",
    ),
    (
        "lead-unit-coordinating",
        _set("directives", 1, **{"with": ["BTC", "VPTU"]}),
        "directives[1].with: unit 'VPTU' cannot be its own coordinating unit",
    ),
    (
        "attendee-twice",
        _set("meetings", 0, attendees=["BTC", "VPTU", "BTC"]),
        "meetings[0].attendees: 'BTC' is given twice",
    ),
    (
        "alias-twice",
        _set("units", 0, aliases=["Ban TC", "ban tc"]),
        "units[0].aliases: 'ban tc' is given twice",
    ),
    # Closed twice: imported as given (status cancelled, with a completion date), a state
    # `cancel`, `done` and `request withdraw` refuse to make.
    (
        "completed-and-cancelled",
        _set("directives", 0, cancelled_on="2022-07-25", cancel_reason="Không còn phù hợp"),
        "directives[0].cancelled_on: a directive is either completed, cancelled or withdrawn",
    ),
    # A timestamp without its offset failed on writing it ('unexpected StatementError').
    (
        "stamp-without-offset",
        _set("units", 0, created_at="2022-05-06T08:00:00"),
        "units[0].created_at: must be a date and time with its UTC offset",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_import_refuses_a_broken_structure(
    empty: Cli, db_path: Path, tmp_path: Path, change: Change, expected: str
) -> None:
    doc = _doc()
    change(doc)
    path = _write(tmp_path, doc)
    before = file_digest(db_path)
    for dry in ([], ["--dry-run"]):
        message = empty.fail("import", str(path), *dry)
        assert message.startswith("Error: ")
        assert expected in message
        assert file_digest(db_path) == before
    assert json.loads(empty.ok("export"))["units"] == []


def test_a_blank_or_control_text_is_named_in_its_file(empty: Cli, tmp_path: Path) -> None:
    """A blank text or a control character was the one refusal of a record that named no file
    ('Error: units[0].code: blank text…'), where every other names it ('x.json: units[0]…')."""
    doc = _doc()
    doc["units"][0]["code"] = "  "
    path = _write(tmp_path, doc)
    assert empty.fail("--lang", "vi", "import", str(path)) == (
        f"Error: {path.name}: units[0].code: văn bản trống (chỉ có khoảng trắng hoặc ký tự "
        "không hiển thị)"
    )
    doc["units"][0]["code"] = "A\x1b"
    assert empty.fail("import", str(_write(tmp_path, doc))).startswith(
        f"Error: {path.name}: units[0].code: the text holds the control character U+001B"
    )


def test_the_refusal_is_in_vietnamese(empty: Cli, tmp_path: Path) -> None:
    doc = _doc()
    doc["directives"][0]["completed_on"] = "2022-05-05"
    message = empty.fail("--lang", "vi", "import", str(_write(tmp_path, doc)))
    assert message == (
        "Error: directives[0].completed_on: ngày hoàn thành 05/05/2022 trước ngày cuộc họp 1 "
        "(06/05/2022)"
    )


def test_a_later_limitation_may_be_the_first_of_the_chain(empty: Cli, tmp_path: Path) -> None:
    # A link to a limitation with a higher id (entered later, raised earlier) is no cycle.
    doc = _doc()
    doc["limitations"][0]["repeat_of"] = 2
    doc["limitations"][1]["repeat_of"] = None
    empty.ok("import", str(_write(tmp_path, doc)))
    assert _v1(json.loads(empty.ok("export"))) == doc


def test_sections_out_of_order_or_twice_are_refused(
    empty: Cli, db_path: Path, tmp_path: Path
) -> None:
    # Read one record at a time, a section can only be checked against those before it.
    doc = _doc()
    moved = {k: doc[k] for k in ("format", "version", "units", "directives", "meetings")}
    path = tmp_path / "moved.json"
    path.write_text(json.dumps({**moved, "limitations": []}), encoding="utf-8")
    before = file_digest(db_path)
    assert "directives must come after meetings" in empty.fail("import", str(path))
    text = json.dumps(_doc())
    path.write_text(text[:-1] + ', "units": []}', encoding="utf-8")
    assert empty.fail("import", str(path)).endswith(
        "export.json: units: given twice".replace("export.json", path.name)
    )
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('"text": "Việc 1"', '"text": "Việc 1", "text": "Việc khác"', "directives[0].text"),
        ('"percent": 40', '"percent": 40, "percent": 90', "directives[0].progress[0].percent"),
        ('"code": "XA"', '"code": "XA", "code": "XB"', "units[3].code"),
    ],
    ids=["record", "nested", "unit"],
)
def test_a_key_given_twice_in_an_object_is_refused(
    empty: Cli, db_path: Path, tmp_path: Path, old: str, new: str, where: str
) -> None:
    """ijson built each object as a dict: the second value of a key silently replaced the
    first (the draft reader and TOML refuse it, and so does this)."""
    path = tmp_path / "twice.json"
    text = json.dumps(_doc(), ensure_ascii=False)
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    before = file_digest(db_path)
    assert empty.fail("import", str(path)) == f"Error: twice.json: {where}: given twice"
    in_vi = empty.fail("--lang", "vi", "import", str(path))
    assert in_vi.endswith(f"twice.json: {where}: mục này xuất hiện hai lần"), in_vi
    assert file_digest(db_path) == before
    assert empty.json("list") == []


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (b' "units": [{"code": "A\xff"}]}', "is not valid JSON (bytes that are not UTF-8 text"),
        (b' "units": [', "is not valid JSON (it ends before its last value does: cut short)"),
        (b' "units": 5}', "units: must be a list"),
    ],
    ids=["bad-utf8", "cut", "not-a-list"],
)
def test_a_file_that_is_not_an_export_is_one_error_line(
    empty: Cli, db_path: Path, tmp_path: Path, tail: bytes, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "dirtrack-export", "version": 1,' + tail)
    before = file_digest(db_path)
    assert expected in empty.fail("import", str(path))
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("tail", "en", "vi"),
    [
        (
            b' "units": [{"id": NaN}]}',
            """a word JSON does not know (NaN, Infinity, a text without quotes), near""",
            "một từ JSON không hiểu (NaN, Infinity, văn bản không có dấu nháy kép), gần đoạn",
        ),
        (b' "units": []} x', "more follows the end of its value, near", "còn nội dung thừa"),
        (
            b' "units": [{"code": "A\tB"}]}',
            "a control character (a tab, a line break) inside a text, near",
            "một ký tự điều khiển (tab, xuống dòng)",
        ),
        (
            b' "units": [{"id": 1,, "code": "A"}]}',
            "a comma, colon, quote or bracket missing or out of place, near",
            "thiếu hoặc đặt sai chỗ một dấu phẩy",
        ),
        (b' "units": [', "it ends before its last value does: cut short)", "bị cắt cụt)"),
        # a \u escape without its four hex digits (a file cut inside one) was said to hold a
        # control character
        (
            b' "units": [{"code": "\\uZZ"}]}',
            "a character JSON does not allow there, near",
            "một ký tự JSON không cho phép",
        ),
    ],
    ids=["nan", "trailing", "tab", "two-commas", "cut", "broken-escape"],
)
def test_a_file_that_is_not_json_says_why_in_the_users_language(
    empty: Cli, db_path: Path, tmp_path: Path, tail: bytes, en: str, vi: str
) -> None:
    """The JSON parser's own words ('lexical error: invalid char in json text.') were the
    reason given under --lang vi too."""
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "dirtrack-export", "version": 1,' + tail)
    before = file_digest(db_path)
    assert f"Error: bad.json is not valid JSON ({en}" in empty.fail("import", str(path))
    in_vi = empty.fail("--lang", "vi", "import", str(path))
    assert in_vi.startswith("Error: bad.json không đúng cú pháp JSON (") and vi in in_vi, in_vi
    assert "error" not in in_vi.removeprefix("Error:"), in_vi
    assert file_digest(db_path) == before


def test_what_is_wrong_with_a_record_is_said_in_the_users_language(
    empty: Cli, db_path: Path, tmp_path: Path
) -> None:
    doc = _doc()
    doc["directives"][0]["id"] = "abc"
    path = _write(tmp_path, doc)
    before = file_digest(db_path)
    assert empty.fail("import", str(path)).endswith("directives[0].id: must be a whole number")
    in_vi = empty.fail("--lang", "vi", "import", str(path))
    assert in_vi.endswith("directives[0].id: phải là số nguyên"), in_vi
    doc["directives"][0]["id"] = 1
    doc["directives"][0]["original_due"] = 20220630  # a date is a JSON string
    in_vi = empty.fail("--lang", "vi", "import", str(_write(tmp_path, doc)))
    assert in_vi.endswith("directives[0].original_due: phải là văn bản"), in_vi
    # An empty text was pydantic's English in Vietnamese: '(String should have at least 1
    # character)'.
    doc = _doc()
    doc["units"][0]["code"] = ""
    in_vi = empty.fail("--lang", "vi", "import", str(_write(tmp_path, doc)))
    assert in_vi.endswith("units[0].code: không được để trống"), in_vi
    assert empty.fail("import", str(_write(tmp_path, doc))).endswith(
        "units[0].code: must not be empty"
    )
    assert file_digest(db_path) == before


def test_alias_ids_not_one_for_each_alias_are_counted_in_words(empty: Cli, tmp_path: Path) -> None:
    """A unit whose alias_ids are not one for each alias was refused with "1 ids for 2
    aliases": each count is said in its form, en and vi, and nothing is imported."""
    empty.ok("import", str(_write(tmp_path, _doc())))
    doc = json.loads(empty.ok("export"))
    fresh = cli_at(tmp_path / "fresh.db")
    unit = doc["units"][0]
    cases = [
        (["Ban TC", "BTCTU"], [901], "1 id for 2 aliases", "1 số cho 2 tên gọi khác"),
        (["Ban TC"], [901, 902], "2 ids for 1 alias", "2 số cho 1 tên gọi khác"),
        ([], [901], "1 id for 0 aliases", "1 số cho 0 tên gọi khác"),
    ]
    for aliases, ids, english, vietnamese in cases:
        unit["aliases"], unit["alias_ids"] = aliases, ids
        path = _write(tmp_path, doc)
        said = fresh.fail("--lang", "en", "import", str(path))
        assert said.endswith(f"units[0].alias_ids: {english}"), said
        said = fresh.fail("--lang", "vi", "import", str(path))
        assert said.endswith(f"units[0].alias_ids: {vietnamese}"), said
    assert not (tmp_path / "fresh.db").exists()  # nothing imported, no register made


def test_contacts_are_optional_and_checked(empty: Cli, tmp_path: Path) -> None:
    old = _doc()
    for unit in old["units"]:
        del unit["contacts"]  # a document written before units had contacts
    empty.ok("import", str(_write(tmp_path, old)))
    assert _v1(json.loads(empty.ok("export"))) == _doc()
    focal = {"role": "focal", "name": "An", "email": "an@btc.vn", "phone": None}
    for contacts, words in (
        ([focal, {**focal, "name": "Bình"}], "units[0].contacts[1]: a second focal contact"),
        ([{**focal, "email": "an@"}], "units[0].contacts[0].email: 'an@' is not an e-mail address"),
        ([{**focal, "email": "an@bt\u0441.vn"}], "domain mixes scripts, '\u0441' (U+0441)"),
        ([{**focal, "role": "boss"}], "units[0].contacts[0].role"),
    ):
        doc = _doc()
        doc["units"][0]["contacts"] = [{**c, "created_at": STAMP} for c in contacts]
        other = Cli(db=str(tmp_path / f"{len(words)}.db"), runner=empty.runner)
        assert words in other.fail("import", str(_write(tmp_path, doc)))


@pytest.mark.parametrize(
    ("phone", "en", "vi"),
    [
        (
            "0912; DROP",
            "'0912; DROP' is not a telephone number (6 to 15 digits, with spaces, + - . ( ))",
            "'0912; DROP' không phải số điện thoại (từ 6 đến 15 chữ số, có thể kèm dấu cách, "
            "+ - . ( ))",
        ),
        ("0912\u0000345678", "the text holds the control character U+0000", "U+0000"),
    ],
    ids=["not-a-number", "control-character"],
)
def test_a_contacts_bad_phone_names_the_file_and_the_field(
    empty: Cli, tmp_path: Path, phone: str, en: str, vi: str
) -> None:
    """A contact's telephone number a unit cannot be called on was said as 'units[0].contacts
    [0]: …', naming neither the file (as every other refusal of the document does) nor the
    field: one Error line naming both, in either language, and no register made."""
    doc = _doc()
    doc["units"][0]["contacts"] = [
        {"role": "focal", "name": "An", "email": "an@btc.vn", "phone": phone, "created_at": STAMP}
    ]
    path = _write(tmp_path, doc)
    fresh = Cli(db=str(tmp_path / "fresh.db"), runner=empty.runner)
    for lang, said in (("en", en), ("vi", vi)):
        line = fresh.fail("--lang", lang, "import", str(path))
        assert line.startswith(f"Error: {path.name}: units[0].contacts[0].phone: "), line
        assert said in line, line
    assert not (tmp_path / "fresh.db").exists()


def _answered_export(cli: Cli) -> dict[str, Any]:
    """An export with a request answered and a completion accepted, as the commands make them."""
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    meeting = cli.id("add-meeting", "--date", "2022-05-06", "--title", "Giao ban", "--chair", "A")
    first = cli.id("assign", str(meeting), "Việc một", "--unit", "BTC", "--due", "2022-06-30")
    second = cli.id("assign", str(meeting), "Việc hai", "--unit", "BTC", "--due", "2022-06-30")
    cli.ok("request", "extend", str(first), "--to", "2022-09-30", "--date", "2022-06-01",
           "--reason", "Chờ vốn")  # fmt: skip
    cli.ok("reject", "1", "--date", "2022-06-10", "--reason", "Không đủ căn cứ")
    cli.ok("done", str(second), "--date", "2022-06-20", "--doc", "12/BC-BTC",
           "--doc-date", "2022-06-18")  # fmt: skip
    doc: dict[str, Any] = json.loads(cli.ok("export"))
    return doc


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """:func:`_answered_export` made once for the refusals below, each of which changes a copy."""
    return _answered_export(cli_at(tmp_path_factory.mktemp("answered") / "source.db"))


REQUEST_AND_RESULT_CASES: list[tuple[str, str, dict[str, Any], str]] = [
    ("asked-before-meeting", "requests", {"asked_on": "2022-05-01"},
     "requests[0].asked_on: request date 2022-05-01 is before meeting"),
    ("new-deadline-before-meeting", "requests", {"to_due": "2022-05-01"},
     "requests[0].to_due: new deadline date 2022-05-01 is before meeting"),
    ("more-time-without-a-deadline", "requests", {"to_due": None},
     "requests[0].to_due: a request for more time needs the deadline asked for"),
    ("answered-before-asked", "requests", {"decided_on": "2022-05-20"},
     "requests[0].decided_on: answer date 2022-05-20 is before the request date (2022-06-01)"),
    ("answer-without-its-day", "requests", {"decided_on": None},
     "requests[0].decided_on: an answered request has the day of its answer, and only then"),
    ("a-timestamp-for-a-day", "requests", {"asked_on": "2022-06-01T00:00:00"},
     "requests[0].asked_on: must be a real date (YYYY-MM-DD)"),
    ("a-day-with-a-zone", "result", {"doc_date": "2022-06-18+07:00"},
     "result.doc_date: must be a real date (YYYY-MM-DD)"),
    ("refused-without-a-reason", "requests", {"decision_reason": None},
     "requests[0].decision_reason: the reason is missing"),
    ("reported-before-meeting", "result", {"claimed_on": "2022-05-01", "doc_date": None},
     "result.claimed_on: completion date 2022-05-01 is before meeting"),
    ("document-after-the-report", "result", {"doc_date": "2022-06-25"},
     "result.claimed_on: completion date 2022-06-20 is before the result document date"),
    ("accepted-before-reported", "result", {"accepted_on": "2022-06-01"},
     "result.accepted_on: acceptance date 2022-06-01 is before the completion date"),
    ("accepted-and-returned", "result",
     {"accepted_on": "2022-06-21", "returned_on": "2022-06-22", "return_reason": "Thiếu"},
     "result: a completion is accepted or sent back, not both"),
    ("returned-without-a-reason", "result", {"returned_on": "2022-06-22"},
     "result.return_reason: the reason is missing"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("part", "change", "expected"),
    [c[1:] for c in REQUEST_AND_RESULT_CASES],
    ids=[c[0] for c in REQUEST_AND_RESULT_CASES],
)
def test_requests_and_results_keep_the_order_of_the_commands(
    empty: Cli,
    db_path: Path,
    tmp_path: Path,
    answered: dict[str, Any],
    part: str,
    change: dict[str, Any],
    expected: str,
) -> None:
    """What `request`, `reject`, `done`, `accept` and `return` refuse, an import refuses too."""
    doc = copy.deepcopy(answered)
    asked, reported = doc["directives"]
    if part == "requests":
        asked["requests"][0].update(change)
    else:
        reported["result"].update(change)
    before = file_digest(db_path)
    for dry in ([], ["--dry-run"]):
        message = empty.fail("import", str(_write(tmp_path, doc)), *dry)
        assert expected in message, message
        assert file_digest(db_path) == before


def test_requests_and_results_as_the_commands_made_them_import(cli: Cli, tmp_path: Path) -> None:
    doc = _answered_export(cli)
    target = cli.at(str(tmp_path / "target.db"))
    target.ok("import", str(_write(tmp_path, doc)))
    again = json.loads(target.ok("export"))
    assert [d["requests"] for d in again["directives"]] == [
        d["requests"] for d in doc["directives"]
    ]
    assert again["directives"][1]["result"] == doc["directives"][1]["result"]


def test_a_period_not_as_its_series_labels_them_or_of_no_series_is_refused(
    cli: Cli, tmp_path: Path
) -> None:
    """An occurrence's period was stored as it came (2022-13 of a monthly series: the series
    did not know its occurrence), and a directive of no series kept one, shown in the lists."""
    cli.ok("unit", "add", "SXD", "Sở Xây dựng")
    meeting = cli.id("add-meeting", "--date", "2022-05-06", "--title", "Giao ban")
    cli.ok("assign", str(meeting), "Việc một lần", "--unit", "SXD", "--due", "2022-06-30")
    cli.ok(
        "assign", str(meeting), "Báo cáo tháng", "--unit", "SXD", "--every", "month",
        "--day", "5", "--from", "2022-06-01", "--until", "2022-08-31",
    )  # fmt: skip
    doc = json.loads(cli.ok("export"))
    once, first = doc["directives"][0], doc["directives"][1]
    assert once["series_id"] is None and first["period"] == "2022-06"
    target = cli.at(str(tmp_path / "target.db"))
    first["period"] = "2022-13"
    assert target.fail("import", str(_write(tmp_path, doc))).endswith(
        "directives[1].period: '2022-13' is no period of series 1 as the series labels them "
        "(2026-06 for a monthly one, 2026-Q2 quarterly, 2026-H1 half-yearly, 2026 yearly)"
    )
    first["period"], once["period"] = "2022-06", "2022-06"
    assert target.fail("--lang", "vi", "import", str(_write(tmp_path, doc))).endswith(
        "directives[0].period: có kỳ cho một nhiệm vụ không thuộc chuỗi định kỳ nào (chỉ các "
        "lần của một chuỗi mới có kỳ)"
    )
    assert not (tmp_path / "target.db").exists()  # a new register refused is not left


def test_a_directive_closed_before_a_decision_on_it_is_restored_as_it_was(
    empty: Cli, db_path: Path, tmp_path: Path
) -> None:
    """`done` and `cancel` refuse a day before an extension approved (or a request asked) on
    the directive; an import of an export restores such a directive as the register held it
    (a register made before `done` refused it, or by other means, must come back whole from
    its own export), and progress logged after the completion too."""
    doc = _doc()
    doc["directives"][0]["extensions"][0]["approved_on"] = "2022-07-25"
    late = {"reported_on": "2022-08-01", "percent": 100, "note": "Báo cáo sau", "created_at": STAMP}
    doc["directives"][0]["progress"].append(late)
    empty.ok("import", str(_write(tmp_path, doc)))
    assert _v1(json.loads(empty.ok("export"))) == doc


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_number_too_long_for_python_is_one_error_line(
    empty: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A whole number of more than 4,300 digits made ijson's C parser crash the process (a
    segmentation fault, no message); it is refused as it is read. Run as cron would: in a
    process of its own."""
    text = json.dumps(_doc()).replace('"id": 1,', '"id": ' + "9" * 5000 + ",", 1)
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    at = text.index("9" * 5000)
    before = file_digest(db_path)
    done = run("--lang", lang, "import", str(path), db=empty.db, forked=True)
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert (
        done.stderr
        == {
            "en": f"Error: export.json: a number of more than 4300 digits (byte {at}); "
            "no record holds one\n",
            "vi": f"Error: export.json: một số dài hơn 4300 chữ số (byte {at}); "
            "không bản ghi nào chứa số như vậy\n",
        }[lang]
    )
    assert file_digest(db_path) == before


def test_a_run_of_digits_is_counted_across_the_reads() -> None:
    import io

    from dirtrack.errors import InvalidInput
    from dirtrack.transfer.json_format import MAX_DIGITS, _Guarded

    data = b'{"a": [' + b"7" * (MAX_DIGITS + 1) + b"]}"
    reader = _Guarded(io.BytesIO(data), "x.json")
    with pytest.raises(InvalidInput, match=r"x.json: a number of more than 4300 digits \(byte 7\)"):
        while reader.read(1000):
            pass
    fine = _Guarded(io.BytesIO(b"[" + b"7" * MAX_DIGITS + b", " + b"2" * MAX_DIGITS + b"]"), "")
    while fine.read(1000):
        pass


def test_texts_are_known_in_nfc_however_the_reads_cut_them() -> None:
    """The reader looks at the texts for NFC with the bytes they come in, so that records need
    not be walked for it when all are (an export holds NFC): a decomposed letter cut from its
    mark by a read, a character cut in the middle of its bytes, an escape (whose character is
    known only once decoded) are each seen, however the reads fall."""
    import io
    import unicodedata

    from dirtrack.transfer.json_format import NFC_WINDOW, READ_SIZE, _Guarded

    title = "Hội nghị sơ kết Tỉnh ủy: đề án “Ấp Bắc” ✓"
    decomposed = unicodedata.normalize("NFD", title)
    written = json.dumps({"a": [title, "e"]}, ensure_ascii=False).encode()
    documents = {
        json.dumps({"a": [title, {"t": title * 3}]}, ensure_ascii=False).encode(): True,
        json.dumps({"a": [title, decomposed]}, ensure_ascii=False).encode(): False,
        written.replace(b'"e"', b'"e\\u0301"'): False,  # an escape: é, decomposed
        written.replace(b'"e"', b'"\\u00e9"'): False,  # escapes: looked at record by record
        written[:-9]: False,  # cut in the middle of a character: not UTF-8 (ijson says so)
    }
    for data, in_nfc in documents.items():
        for size in (1, 2, 3, 5, 7, 64, 4096):
            reader = _Guarded(io.BytesIO(data), "x.json")
            while reader.read(size):
                pass
            assert reader.in_nfc is in_nfc, (data, size)
    # A run of non-ASCII bytes much longer than NFC_WINDOW is not held to be looked at whole:
    # the records are walked one by one instead; a shorter one is looked at.
    for length, in_nfc in ((3 * NFC_WINDOW, False), (NFC_WINDOW - 30, True)):
        data = json.dumps({"a": ["ủ" * (length // 3), title]}, ensure_ascii=False).encode()
        for size in (4096, 1 << 16, READ_SIZE):
            reader = _Guarded(io.BytesIO(data), "x.json")
            while reader.read(size):
                pass
            assert reader.in_nfc is in_nfc, (length, size)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_lists_nested_deeper_than_any_export_are_one_error_line(
    empty: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """ijson keeps the path of every list open: a text nested N lists deep cost memory as N
    squared (3,000 deep, 90 MB; 100,000 deep, every gigabyte there was, and the system killed
    the process). It is refused as it is read, whatever the depth."""
    nested = "[" * 3000 + "]" * 3000
    text = json.dumps(_doc()).replace('"text": "', f'"text": {nested}, "x": "', 1)
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    before = file_digest(db_path)
    done = empty("--lang", lang, "import", str(path))
    assert done.exit_code == 1, (done.exit_code, done.stderr)
    assert (
        done.stderr
        == {
            "en": "Error: export.json: lists and objects nested more than 32 deep; "
            "no dirtrack export nests so deep\n",
            "vi": "Error: export.json: danh sách và đối tượng lồng nhau quá 32 cấp; "
            "không tệp xuất dirtrack nào lồng sâu như vậy\n",
        }[lang]
    )
    assert file_digest(db_path) == before


def test_brackets_in_texts_are_no_nesting_however_the_reads_cut_them() -> None:
    import io

    from dirtrack.errors import InvalidInput
    from dirtrack.transfer.json_format import MAX_DEPTH, _Guarded

    texts = ["[" * 60, "{" * 60 + "\\", '"' + "[" * 60, '\\"[[', "a\\\\", "}]" * 40, ""]
    nested: Any = []
    for _ in range(MAX_DEPTH - 4):
        nested = [nested]  # in the document, a record and its list: MAX_DEPTH deep
    doc = {"format": "x", "a": [{"t": t, "n": nested, "": ""} for t in texts * 3]}
    data = json.dumps(doc).encode()
    for size in (1, 2, 3, 7, 64, 4096):
        reader = _Guarded(io.BytesIO(data), "x.json")
        while reader.read(size):
            pass
    deeper = json.dumps({"t": "]]]", "n": [[[nested]]]}).encode()  # MAX_DEPTH + 1
    for size in (1, 3, 4096):
        reader = _Guarded(io.BytesIO(deeper), "x.json")
        with pytest.raises(InvalidInput, match="nested more than 32 deep"):
            while reader.read(size):
                pass


@pytest.mark.parametrize(
    ("text", "escape"),
    [("\ud800 Đề án", "\\ud800"), ("Đề án \udc00", "\\udc00"), ("Đề án \udbff", "\\udbff")],
)
def test_half_a_character_is_refused_not_read_as_a_question_mark(
    empty: Cli, db_path: Path, tmp_path: Path, text: str, escape: str
) -> None:
    """ijson read the escape of a first half alone (\\ud800) as '?', the text changed without
    a word, and failed on a second half alone with a message about the file's encoding."""
    doc = _doc()
    doc["directives"][1]["text"] = text
    path = tmp_path / "export.json"
    written = json.dumps(doc)  # ASCII: the halves as escapes
    path.write_text(written, encoding="utf-8")
    at = written.index(escape)
    before = file_digest(db_path)
    message = empty.fail("import", str(path))
    assert message == (
        f"Error: export.json: {escape} (byte {at}) is half of a character, without its other "
        "half; no text holds one"
    )
    assert file_digest(db_path) == before
    vi = empty.fail("--lang", "vi", "import", str(path))
    assert f"{escape} (byte {at}) chỉ là một nửa của một ký tự" in vi


def test_both_halves_of_a_character_and_an_escaped_backslash_import(
    empty: Cli, tmp_path: Path
) -> None:
    doc = _doc()
    doc["directives"][1]["text"] = "Đề án 😀 \\ud800"  # an emoji, then a backslash and 'ud800'
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    empty.ok("import", str(path))
    assert empty.json("show", "2")["text"] == "Đề án 😀 \\ud800"


def test_the_halves_of_a_character_are_paired_however_the_reads_cut_them() -> None:
    import io

    from dirtrack.errors import InvalidInput
    from dirtrack.transfer.json_format import _Guarded

    fine = json.dumps({"t": ["😀" * 3, "\\ud800", "a\\\\ud83d😀"]}).encode()
    lone = json.dumps({"t": ["😀", "x\ud83d", "😀"]}).encode()
    for size in (1, 2, 5, 6, 7, 11, 12, 13, 4096):
        reader = _Guarded(io.BytesIO(fine), "x.json")
        while reader.read(size):
            pass
        reader = _Guarded(io.BytesIO(lone), "x.json")
        with pytest.raises(InvalidInput, match=r"\\ud83d \(byte 25\) is half of a character"):
            while reader.read(size):
                pass


def test_one_long_string_is_read_in_seconds() -> None:
    """ijson's C parser copies a string that spans its reads again at each read: a text of
    30 MB read 64 KiB at a time took half a minute (100 MB: minutes); read as the import reads
    it, 4 MiB at a time, about a second."""
    import io

    from dirtrack.transfer.json_format import parse_events

    data = b'{"directives": [{"text": "' + b"z" * 30_000_000 + b'"}]}'
    started = time.monotonic()
    events = list(parse_events(io.BytesIO(data), "x.json"))
    assert time.monotonic() - started < 8
    assert events[-4] == ("directives.item.text", "string", "z" * 30_000_000)


OFFICE = {
    "id": 1, "kind": "party", "parent_body": "TỈNH ỦY HÀ TĨNH", "body": "VĂN PHÒNG", "code": "VPTU",
    "place": "Hà Tĩnh", "signer_name": None, "signer_title": None, "signer_authority": None,
    "template": None, "accepts_completions": False, "on_time_by": "document", "recipients": None,
}  # fmt: skip


@pytest.mark.parametrize(
    ("section", "key", "value", "said"),
    [
        ("meetings", "kind", "họp", "'working-session', 'briefing', 'conference', 'review'"),
        ("limitations", "category", None, "'timeliness', 'quality', "),
        ("office", "id", 2**63, "2147483647"),
    ],
    ids=["meeting-kind", "limitation-category", "office-id-past-64-bits"],
)
def test_a_value_outside_its_choices_or_past_64_bits_is_said_without_english(
    empty: Cli, db_path: Path, tmp_path: Path, section: str, key: str, value: Any, said: str
) -> None:
    """A choice was refused as pydantic lists them, with an English "or" in the Vietnamese line
    ('discipline' or 'other'), and a whole number past 2**63 in pydantic's English ('Unable to
    parse input string as an integer')."""
    # the office is a section of version 2 on: the empty register's export is one
    doc = json.loads(empty.ok("export")) if section == "office" else _doc()
    if section == "office":
        doc["office"] = [dict(OFFICE)]
    doc[section][0][key] = value
    path = _write(tmp_path, doc)
    before = file_digest(db_path)
    in_vi = empty.fail("--lang", "vi", "import", str(path))
    assert f"{section}[0].{key}: " in in_vi and said in in_vi, in_vi
    assert " or " not in in_vi and "Unable" not in in_vi, in_vi
    in_en = empty.fail("import", str(path))
    assert said in in_en and " or " not in in_en, in_en
    assert file_digest(db_path) == before
