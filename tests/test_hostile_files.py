"""Hostile contents inside well-formed files, field by field: the files dirtrack itself writes
or documents (its JSON export, an office sheet, a draft from ``extract``, a returned pack, the
configuration file), each changed in one field, cell, key, record or sheet at a time, by the
kind of value it holds (text, number, date, id, key, record), then read back
(tests/test_hostile_tree.py throws hostile values at every option of the command line; this is
its twin for what files hold).

The contract of every case: exit 0 or 1, no traceback; on 1 exactly one line ``Error: …`` on
stderr that names where (the record's path, the row or cell, the line), in Vietnamese under
``--lang vi``, and the register's bytes as they were; on 0 what was read is what is stored
(NFC, the direction controls dropped, a key's white space folded): the export after the
import gives back the file's values, every row of a sheet is a directive or named in a warning
(counted), and a draft's or a pack's text is stored as typed.

Then every output (``list``/``overdue``/``meetings``/``report --format csv``, ``report`` as
xlsx, docx, html and md, ``export`` as xlsx, ``pack out``, the tables) is written from a
register holding hostile texts in every text field, and nothing in them is active: no CSV field
or workbook cell starts a formula unmarked, no CSV record is cut by a carriage return, HTML and
Markdown show markup as text, a table shows no raw control character (README, "What dirtrack
writes").

``make test`` runs one value per field and every structural change (a few hundred cases);
``make test-all`` (``--run-slow``) every value at every field.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
import shutil
import tomllib
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dirtrack.text import clean_imported, nfc, without_direction
from dirtrack.transfer.json_format.records import SECTION_MODELS, field_types
from tests import conftest
from tests.batch import invoker
from tests.test_fuzz import NEWER_SEED
from tests.test_hostile_tree import ENGLISH, db_digest

invoke = invoker("replace")

# --- the registers and files the cases start from ------------------------------------------------

SEED = [
    *[args for args in NEWER_SEED if "--every" not in args],
    # a series of three months, not one directive a month up to today
    ["assign", "2", "--unit", "SYT", "Báo cáo tháng", "--every", "month", "--day", "20"]
    + ["--until", "31/12/2022"],
    ["progress", "2", "--percent", "40", "--note", "Đã trình dự thảo", "--date", "1/7/2022"],
    ["add-meeting", "--date", "6/9/2022", "--title", "Họp 9", "--key", "K9", "--doc", "9-TB/TU"],
    ["assign", "3", "--unit", "VPTU", "--with", "SYT", "--due", "30/11/2022", "--key", "D9"]
    + ["--", "Việc chín"],
    ["extend", "9", "--to", "31/12/2022", "--date", "1/10/2022", "--reason", "Chờ số liệu"],
    ["unit", "contact", "VPTU", "--name", "Trần Thị C", "--email", "c@vptu.vn"],
    ["pack", "out", "--quarter", "2022Q3", "--dir", "{packs}"],
    ["urge", "SYT", "--as-of", "30/9/2022", "--number", "45", "--out", "{urge}"],
]

DRAFT_TEXT = """THÔNG BÁO KẾT LUẬN
của Thường trực Tỉnh ủy tại cuộc họp giao ban ngày 6/5/2022

1. Giao Văn phòng Tỉnh ủy rà soát hồ sơ, hoàn thành trước ngày 30/6/2022.
2. Sở Y tế báo cáo tình hình dịch bệnh trước ngày 30/9/2022.
3. Nhìn chung, công tác phối hợp còn chậm.
"""

SHEET_HEADER = [*conftest.SHEET_HEADER, "Ngày hoàn thành", "Ghi chú", "Mã"]
SHEET_ROWS: list[list[Any]] = [
    [1, "Rà soát hồ sơ", "VPTU", "SYT", "30/6/2022", "40%: Đã trình", "Đang thực hiện", None]
    + ["ghi", "K1"],
    [2, "Báo cáo y tế", "SYT", None, "30/9/2022", None, "Đã hoàn thành", "20/9/2022", None, "K2"],
    [3, "Tổng hợp số liệu", "VPTU", None, "31/12/2022", "50%", "Đang thực hiện", None, None]
    + ["K3"],
]


@dataclass
class Base:
    """What every case starts from, made once a module (and a worker)."""

    folder: Path
    register: Path  # the seeded register, with a pack sent to each unit
    empty: Path  # a migrated register without records (for a JSON export)
    small: Path  # two units and a meeting (for a sheet or a draft)
    export: dict[str, Any]
    draft: dict[str, Any]
    pack: Path  # the pack sent to SYT

    def copy(self, source: Path, to: Path) -> Path:
        shutil.copyfile(source, to)
        return to


def _ok(db: Path, *args: str) -> str:
    code, out, err = invoke(["--db", str(db), "--lang", "en", *args])
    assert code == 0, (args, err)
    return out


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    from dirtrack.db import open_engine

    folder = tmp_path_factory.mktemp("hostile-files")
    register = folder / "register.db"
    made = {"packs": str(folder / "packs"), "urge": str(folder / "urge.docx")}
    for args in SEED:
        _ok(register, *[made.get(a[1:-1], a) if a.startswith("{") else a for a in args])
    export = json.loads(_ok(register, "export"))
    empty = folder / "empty.db"
    engine, _ = open_engine(str(empty))
    engine.dispose()
    small = folder / "small.db"
    for args in (
        ["unit", "add", "VPTU", "Văn phòng Tỉnh ủy"],
        ["unit", "add", "SYT", "Sở Y tế"],
        ["add-meeting", "--date", "6/5/2022", "--title", "Giao ban"],
    ):
        _ok(small, *args)
    (folder / "hop.txt").write_text(DRAFT_TEXT, encoding="utf-8")
    _ok(small, "extract", str(folder / "hop.txt"), "--out", str(folder / "draft.toml"))
    draft = tomllib.loads((folder / "draft.toml").read_text(encoding="utf-8"))
    draft["meeting"]["chair"] = "Nguyễn Văn A"
    draft["limitations"][0]["unit"] = "VPTU"  # two units at the meeting: say whose
    return Base(folder, register, empty, small, export, draft, folder / "packs" / "SYT.xlsx")


# --- the hostile values, by the kind of value a field holds --------------------------------------

TEXTS: dict[str, Any] = {
    "empty": "",
    "blank": " \t ",
    "zero-width": "\u200b\u2060",
    "bidi": "a\u202eb\u2066c",
    "nul": "a\x00b",
    "escape": "a\x1b[31mb",
    "c1": "a\x85b",
    "fffe": "a\ufffeb",
    "nfd": unicodedata.normalize("NFD", "Việc nhỏ"),
    "10000-chars": "ư" * 10_000,
    "excel-too-long": "📌" * 16_384,  # 32,768 as Excel counts
    "formula": "=cmd|' /C calc'!A0",
    "plus": "+1",
    "minus": "-1",
    "at": "@SUM(1)",
    "html": "<script>alert(1)</script>",
    "markdown": "*x* | [a](b) # h",
    "crlf": "a\r\nb",
    "cr": "abc\r=HYPERLINK(1)",
    "line-separator": "a\u2028b",
}
NUMBERS: dict[str, Any] = {
    "negative": -1,
    "zero": 0,
    "float": 1.5,
    "whole-float": 1.0,
    "huge": 1e308,
    "2**40": 2**40,
    "bool": True,
    "string": "1",
    "null": None,
}
DAYS: dict[str, Any] = {
    "day-first": "29/02/2023",
    "common-29-feb": "2023-02-29",
    "leap-29-feb": "2024-02-29",
    "far": "2999-12-31",
    "too-far": "3000-01-01",
    "too-early": "1899-12-31",
    "with-zone": "2022-07-01T10:00:00+07:00",
    "serial": 44000,
    "negative-serial": -5,
    "spaces": " 2022-07-01 ",
    "fullwidth": "２０２２-07-01",
    "empty": "",
}
STAMPS: dict[str, Any] = {
    "other-zone": "2022-07-01T10:00:00+07:00",
    "no-zone": "2022-07-01T10:00:00",
    "day": "2022-07-01",
    "year-1": "0001-01-01T00:00:00+00:00",
    "number": 44000,
}
BOOLS: dict[str, Any] = {"one": 1, "string": "true", "null": None}
LISTS: dict[str, Any] = {"text": "VPTU", "nested": [["VPTU"]], "number": [1], "twice": None}

KINDS = {"text": TEXTS, "number": NUMBERS, "day": DAYS, "stamp": STAMPS, "bool": BOOLS}


def value_kind(annotation: Any) -> str | None:
    types = field_types(annotation)
    if dt.datetime in types or any("Datetime" in getattr(t, "__name__", "") for t in types):
        return "stamp"
    if dt.date in types:
        return "day"
    if bool in types:
        return "bool"
    if int in types:
        return "number"
    if str in types:
        return "text"
    return None


# --- a case -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One file changed in one place. ``make`` writes it into the case's folder and gives the
    command to run; ``where`` is what a refusal names (the record's path, a cell, a line);
    ``check`` looks at what was stored when the file was read."""

    id: str
    make: Callable[[Base, Path], tuple[Path, list[str]]]
    where: tuple[str, ...] = ()
    check: Callable[[Base, Path, Path, str], None] | None = None
    lang: str = "en"
    quick: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _first_with(doc: dict[str, Any], section: str, nested: str | None) -> tuple[Any, ...] | None:
    """The path of the first record of ``section`` (that has a ``nested`` record)."""
    for i, record in enumerate(doc.get(section) or []):
        if nested is None:
            return (section, i)
        inner = record.get(nested)
        if isinstance(inner, list) and inner:
            return (section, i, nested, 0)
        if isinstance(inner, dict):
            return (section, i, nested)
    return None


def _canonical(node: Any, key: str | None = None) -> Any:
    """A document as the export writes it back: texts in NFC without direction controls, keys
    folded, timestamps in UTC, lists of records in id (or code, day, directive) order."""
    if isinstance(node, dict):
        return {k: _canonical(v, k) for k, v in node.items()}
    if isinstance(node, list):
        items = [_canonical(v, key) for v in node]
        if items and all(isinstance(v, dict) for v in items):
            keys = ("id", "code", "day", "on", "directive_id")
            order = next((k for k in keys if k in items[0]), None)
            if order is not None:
                items.sort(key=lambda v: (v.get(order) is None, str(v.get(order))))
        return items
    if isinstance(node, str):
        if key == "key":
            return nfc(node)
        if key in ("created_at", "sent_at") and "T" in node:
            try:
                return dt.datetime.fromisoformat(node).astimezone(dt.UTC).isoformat()
            except ValueError:
                return node
        return without_direction(unicodedata.normalize("NFC", node))
    return node


def _write_json(doc: Any, to: Path) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    try:
        to.write_text(text, encoding="utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the JSON escape, as another program writes it
        to.write_text(json.dumps(doc), encoding="utf-8")


def _json_case(
    name: str, change: Callable[[dict[str, Any]], None], where: tuple[str, ...], quick: bool
) -> Case:
    def make(base: Base, folder: Path) -> tuple[Path, list[str]]:
        doc = copy.deepcopy(base.export)
        change(doc)
        path = folder / "all.json"
        _write_json(doc, path)
        return path, ["import", str(path)]

    return Case(f"json {name}", make, (*where, *JSON_PLACES), _json_round_trip, quick=quick)


def _json_round_trip(base: Base, db: Path, file: Path, out: str) -> None:
    """The export after the import gives back the file's values."""
    code, again, err = invoke(["--db", str(db), "export"])
    assert code == 0, err
    sent = _canonical(json.loads(file.read_text(encoding="utf-8")))
    back = _canonical(json.loads(again))
    assert back == sent, _first_difference(sent, back)


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{path}.{k}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {str(a)[:80]!r} came back {str(b)[:80]!r}"


#: What a refusal of a JSON export names: a record (``directives[3]``, ``units[0].contacts[1]``),
#: a section, the place of half a character.
JSON_PLACES = (
    r"\b[a-z_]+\[\d+\]",
    r"\b(office|calendar|units|fields|leaders|meetings|series|directives|limitations|packs|urgings)\b",
    "half of a character|nửa ký tự",
)
#: What a refusal of a sheet or a pack names, in either language: a row, a cell, a column.
CELL_PLACES = (r"\b(row|dòng) \d", r"\b(cell|ô) [A-Z]+\d", r"\b(column|cột) [A-Z]+\b")


# What each section's record holds inside it, by the key of a list (or object) of records.
NESTED: dict[str, tuple[str | None, ...]] = {
    "office": (None,),
    "calendar": (None,),
    "units": (None, "contacts"),
    "fields": (None,),
    "leaders": (None, "assignments"),
    "meetings": (None,),
    "series": (None,),
    "directives": (None, "progress", "extensions", "requests", "result"),
    "limitations": (None,),
    "packs": (None, "items"),
    "urgings": (None, "directives"),
}


def _model_of(section: str, nested: str | None) -> Any:
    model = SECTION_MODELS[section]
    if nested is None:
        return model
    inner = [
        t for t in field_types(model.model_fields[nested].annotation) if hasattr(t, "model_fields")
    ]
    return inner[0]


def json_cases() -> Iterator[Case]:
    turn = 0
    for section, nests in NESTED.items():
        for nested in nests:
            model = _model_of(section, nested)
            for name, info in model.model_fields.items():
                key = info.alias or name
                kind = value_kind(info.annotation)
                values = KINDS.get(kind or "", {})
                for i, (label, value) in enumerate(values.items()):
                    yield _json_field(section, nested, key, label, value, i == turn % len(values))
                turn += 1
                # make test: one change of the key every third field, in turn
                for j, how in enumerate(("removed", "upper-case", "given-twice")):
                    yield _json_key(section, nested, key, how, quick=turn % 9 == j * 3)
            yield _json_key(section, nested, "colour", "extra", quick=True)
            yield from _json_records(section, nested)


def _resolve(doc: dict[str, Any], section: str, nested: str | None) -> tuple[Any, ...]:
    path = _first_with(doc, section, nested)
    assert path is not None, f"the register has no {section} record with {nested}: seed one"
    return path


def _json_field(
    section: str, nested: str | None, key: str, label: str, value: Any, quick: bool
) -> Case:
    shown = f"{section}{'.' + nested if nested else ''}.{key}"

    def change(doc: dict[str, Any]) -> None:
        _at(doc, _resolve(doc, section, nested))[key] = value

    return _json_case(f"{shown}={label}", change, (rf"\.{key}\b",), quick)


def _json_key(section: str, nested: str | None, key: str, how: str, quick: bool) -> Case:
    shown = f"{section}{'.' + nested if nested else ''}.{key}"
    marker = "__twice__"

    def change(doc: dict[str, Any]) -> None:
        record = _at(doc, _resolve(doc, section, nested))
        if how == "extra":
            record[key] = "đỏ"
        elif how == "removed":
            del record[key]
        elif how == "upper-case":
            record[key.upper()] = record.pop(key)
        else:  # given twice: written by _write_twice
            record[marker] = record[key]

    def make(base: Base, folder: Path) -> tuple[Path, list[str]]:
        doc = copy.deepcopy(base.export)
        change(doc)
        path = folder / "all.json"
        _write_json(doc, path)
        if how == "given-twice":
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(json.dumps(marker), json.dumps(key), 1), encoding="utf-8")
        return path, ["import", str(path)]

    where = (re.escape(key), re.escape(key.upper()), *JSON_PLACES)
    return Case(f"json {shown} {how}", make, where, _json_round_trip, quick=quick)


def _json_records(section: str, nested: str | None) -> Iterator[Case]:
    shown = f"{section}{'.' + nested if nested else ''}"

    def records(doc: dict[str, Any]) -> list[Any]:
        path = _resolve(doc, section, nested)
        parent = _at(doc, path[:-1])
        return parent if isinstance(parent, list) else [parent]

    def duplicated(doc: dict[str, Any]) -> None:
        found = records(doc)
        found.append(copy.deepcopy(found[0]))

    def removed(doc: dict[str, Any]) -> None:
        del records(doc)[0]

    def reordered(doc: dict[str, Any]) -> None:
        records(doc).reverse()

    if nested == "result":
        return
    yield _json_case(f"{shown} record duplicated", duplicated, (section,), quick=True)
    yield _json_case(f"{shown} record removed", removed, (), quick=True)
    yield _json_case(f"{shown} records reordered", reordered, (section,), quick=nested is None)


# --- office sheets ------------------------------------------------------------------------------


def _book(rows: list[list[Any]], header: list[str] | None = None) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header or SHEET_HEADER)
    for values in rows:
        sheet.append([None] * len(values))
        for j, value in enumerate(values):
            cell = sheet.cell(row=sheet.max_row, column=j + 1)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts like a formula
    return book


def _sheet_case(
    name: str,
    change: Callable[[openpyxl.Workbook], None] | None = None,
    rows: list[list[Any]] | None = None,
    header: list[str] | None = None,
    quick: bool = False,
    text: str | None = None,
) -> Case:
    def make(base: Base, folder: Path) -> tuple[Path, list[str]]:
        book = _book(copy.deepcopy(rows if rows is not None else SHEET_ROWS), header)
        if change is not None:
            change(book)
        path = folder / "bang.xlsx"
        book.save(path)
        return path, ["import", str(path), "--meeting", "1", "--format", "json"]

    return Case(
        f"sheet {name}",
        make,
        CELL_PLACES,
        _sheet_rows,
        quick=quick,
        extra={"text": text},
    )


def _sheet_rows(base: Base, db: Path, file: Path, out: str) -> None:
    """Every data row of the sheet is a directive or named in a warning, and the directives
    stored are those the import said it made, with the texts the cells hold."""
    found = json.loads(out)
    sheet = openpyxl.load_workbook(file).worksheets[0]
    # the rows under the header the import found (title rows may stand above it); a row holding
    # nothing but its number (STT) is an empty line of the table, as a row merged across it is
    data = [
        r[0].row
        for r in sheet.iter_rows(min_row=found.get("header_row", 1) + 1)
        if any(c.value is not None for c in r[1:])
    ]
    said = " ".join(str(w) for w in found["warnings"])
    made = {r["row"] for r in found["rows"] if r["action"] == "create"}
    for row in data:
        assert row in made or re.search(rf"\brows? {row}\b|\b{row}\b", said), (row, found)
    code, listed, err = invoke(["--db", str(db), "list", "--format", "json"])
    assert code == 0, err
    stored = sorted(d["text"] for d in json.loads(listed))
    reported = sorted(
        r["text"] for r in found["rows"] if r["action"] == "create" for _ in r["directives"]
    )
    assert stored == reported
    assert len(stored) == sum(len(r["directives"]) for r in found["rows"])


def _cell(ref: str, value: Any, as_text: bool = True) -> Callable[[openpyxl.Workbook], None]:
    def change(book: openpyxl.Workbook) -> None:
        cell = book.worksheets[0][ref]
        cell.value = value
        if isinstance(value, str) and as_text:
            cell.data_type = "s"

    return change


# no xlsx holds them: XML 1.0 has no NUL, ESC or U+FFFE (openpyxl with lxml refuses to write them)
SHEET_TEXTS = {k: v for k, v in TEXTS.items() if k not in ("nul", "escape", "fffe")}
SHEET_DAYS: dict[str, Any] = {
    "day-first": "29/02/2023",
    "leap": "29/2/2024",
    "iso": "2022-06-30",
    "datetime": dt.datetime(2022, 6, 30, 10, 0),
    "serial": 44742,
    "serial-as-text": "44742",
    "negative-serial": -5,
    "zero": 0,
    "far": "31/12/2999",
    "too-far": "1/1/3000",
    "too-early": "31/12/1899",
    "with-zone": "2022-06-30T10:00:00+07:00",
    "month-first": "6/30/2022",
    "span": "Quý III/2022",
    "huge": 1e308,
    "checkbox": True,
    "weekday": "Thứ Năm, 30/6/2022",
}
SHEET_UNITS: dict[str, Any] = {
    "lower-case": "vptu",
    "name": "Văn phòng Tỉnh ủy",
    "nfd": unicodedata.normalize("NFD", "Sở Y tế"),
    "zero-width-inside": "V\u200bPTU",
    "bidi": "VPTU\u202e",
    "unknown": "Sở Mới",
    "formula": "=VPTU",
    "empty": "",
    "number": 5,
    "checkbox": True,
    "two": "VPTU, SYT",
}
SHEET_NUMBERS: dict[str, Any] = {
    "negative": -1,
    "float": 1.5,
    "huge": 1e308,
    "checkbox": True,
    "text": "50",
    "share": 0.5,
    "over": "150%",
    "negative-percent": "-5%",
    "words": "năm mươi",
}
SHEET_COLUMNS: dict[str, tuple[str, dict[str, Any]]] = {
    "A": ("STT", SHEET_NUMBERS),
    "B": ("text", SHEET_TEXTS),
    "C": ("unit", SHEET_UNITS),
    "D": ("with", SHEET_UNITS),
    "E": ("due", SHEET_DAYS),
    "F": ("progress", SHEET_NUMBERS),
    "G": ("result", {**SHEET_TEXTS, "done": "Đã hoàn thành ngày 1/7/2022"}),
    "H": ("completed_on", SHEET_DAYS),
    "I": ("note", SHEET_TEXTS),
    "J": ("key", SHEET_TEXTS),
}


def _hide_row(book: openpyxl.Workbook) -> None:
    book.worksheets[0].row_dimensions[3].hidden = True


def _hide_column(book: openpyxl.Workbook) -> None:
    book.worksheets[0].column_dimensions["I"].hidden = True


def _second_sheet(book: openpyxl.Workbook) -> None:
    other = book.create_sheet("Quý 2")
    other.append(SHEET_HEADER)
    other.append([1, "Việc sheet hai", "SYT", None, "30/9/2022", None, None, None, None, "K20"])


def _merge(ref: str) -> Callable[[openpyxl.Workbook], None]:
    def change(book: openpyxl.Workbook) -> None:
        book.worksheets[0].merge_cells(ref)

    return change


def _title_rows(day: str) -> Callable[[openpyxl.Workbook], None]:
    def change(book: openpyxl.Workbook) -> None:
        sheet = book.worksheets[0]
        sheet.insert_rows(1, 2)
        sheet["A1"] = f"(Số liệu tính đến ngày {day})"

    return change


def _hidden_sheet(book: openpyxl.Workbook) -> None:
    book.worksheets[0].sheet_state = "hidden"
    book.create_sheet("Khác").append(["x"])


def _error_cell(book: openpyxl.Workbook) -> None:
    cell = book.worksheets[0]["B2"]
    cell.value = "#N/A"
    cell.data_type = "e"


def _formula_without_value(book: openpyxl.Workbook) -> None:
    book.worksheets[0]["B2"] = "=1+1"


def sheet_cases() -> Iterator[Case]:
    turn = 0
    for letter, (name, values) in SHEET_COLUMNS.items():
        for i, (label, value) in enumerate(values.items()):
            text = value if letter == "B" and isinstance(value, str) else None
            quick = i == turn % len(values)
            yield _sheet_case(
                f"{letter}2 ({name})={label}", _cell(f"{letter}2", value), quick=quick, text=text
            )
        turn += 1
    rows = SHEET_ROWS
    yield _sheet_case("row removed", rows=rows[1:], quick=True)
    yield _sheet_case("row duplicated", rows=[*rows, rows[0]], quick=True)
    yield _sheet_case("row repeated under another key", rows=[*rows, [*rows[0][:9], "K9"]])
    yield _sheet_case("rows reordered", rows=rows[::-1], quick=True)
    yield _sheet_case("blank row between", rows=[rows[0], [None] * 10, *rows[1:]])
    yield _sheet_case("a second sheet", _second_sheet, quick=True)
    yield _sheet_case("a hidden row", _hide_row, quick=True)
    yield _sheet_case("a hidden column", _hide_column)
    yield _sheet_case("the sheet hidden", _hidden_sheet)
    yield _sheet_case("text merged over two rows", _merge("B2:B3"), quick=True)
    yield _sheet_case("unit merged over two rows", _merge("C3:C4"))
    yield _sheet_case("a row merged across", _merge("A2:J2"))
    yield _sheet_case("header cells merged", _merge("A1:B1"), quick=True)
    yield _sheet_case("title rows and the sheet's day", _title_rows("30/9/2022"))
    yield _sheet_case("the sheet's day to come", _title_rows("30/9/2999"), quick=True)
    yield _sheet_case("a formula's error", _error_cell)
    yield _sheet_case("a formula never saved", _formula_without_value, quick=True)
    english = ["No.", "Task", "Lead agency", "Supporting agencies", "Deadline", "Progress"]
    english += ["Status", "Completion date", "Remarks", "Key"]
    for label, header in {
        "english": english,
        "no-accents": [
            unicodedata.normalize("NFD", h).encode("ascii", "ignore").decode() for h in SHEET_HEADER
        ],
        "upper-case": [h.upper() for h in SHEET_HEADER],
        "nfd": [unicodedata.normalize("NFD", h) for h in SHEET_HEADER],
        "zero-width": [h + "\u200b" for h in SHEET_HEADER],
        "padded": [f"  {h} " for h in SHEET_HEADER],
        "a column twice": [*SHEET_HEADER[:8], "Nội dung", "Mã"],
        "no unit column": [*SHEET_HEADER[:2], "Cột lạ", *SHEET_HEADER[3:]],
        "an extra column": [*SHEET_HEADER, "Cột lạ"],
    }.items():
        yield _sheet_case(
            f"header {label}", header=header, quick=label in ("english", "a column twice")
        )


# --- drafts --------------------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf"}.get(repr(value), repr(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\\u007f", "\\u007F")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(value)


def _toml(doc: dict[str, Any]) -> str:
    lines: list[str] = []
    for key, value in doc.items():
        tables = [value] if isinstance(value, dict) else value
        header = f"[{key}]" if isinstance(value, dict) else f"[[{key}]]"
        for table in tables:
            lines.append(header)
            lines += [
                f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in table.items()
            ]
    return "\n".join(lines) + "\n"


DRAFT_OTHERS: dict[str, Any] = {
    "number": 5,
    "float": 1.5,
    "nan": float("nan"),
    "bool": True,
    "list": ["a"],
    "day": dt.date(2022, 6, 30),
    "datetime-with-zone": dt.datetime(2022, 6, 30, 10, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    "far": dt.date(2999, 12, 31),
    "too-far": dt.date(3000, 1, 1),
    "year-1": dt.date(1, 1, 1),
    "common-29-feb": "29/02/2023",
    "day-as-text": "30/6/2022",
}
DRAFT_FIELDS = {
    "meeting": ("date", "title", "kind", "chair", "key", "source"),
    "units": ("code", "name", "known", "source"),
    "limitations": ("unit", "text", "category", "source"),
    "directives": ("unit", "text", "due", "due_phrase", "key", "source"),
}


def _draft_case(
    name: str, change: Callable[[dict[str, Any]], None], quick: bool, text: Any = None
) -> Case:
    def make(base: Base, folder: Path) -> tuple[Path, list[str]]:
        doc = copy.deepcopy(base.draft)
        change(doc)
        path = folder / "draft.toml"
        path.write_text(_toml(doc), encoding="utf-8")
        return path, ["import", str(path), "--format", "json"]

    where = (r"\b(line|dòng) \d",)
    return Case(f"draft {name}", make, where, _draft_stored, quick=quick, extra={"text": text})


def _draft_table(doc: dict[str, Any], table: str) -> dict[str, Any]:
    found = doc[table]
    return found if isinstance(found, dict) else found[0]


def _draft_stored(base: Base, db: Path, file: Path, out: str) -> None:
    """The draft's directives, limitations and meeting are stored with the texts it holds."""
    draft = tomllib.loads(file.read_text(encoding="utf-8"))
    code, listed, err = invoke(["--db", str(db), "list", "--format", "json"])
    assert code == 0, err
    stored = sorted(d["text"] for d in json.loads(listed))
    sent = sorted(nfc(d["text"]) for d in draft.get("directives", []))
    assert stored == sent
    code, listed, err = invoke(["--db", str(db), "limitations", "--format", "json"])
    assert sorted(x["text"] for x in json.loads(listed)) == sorted(
        nfc(x["text"]) for x in draft.get("limitations", [])
    )
    code, listed, err = invoke(["--db", str(db), "meetings", "--format", "json"])
    titles = [m["title"] for m in json.loads(listed)]
    assert nfc(draft["meeting"]["title"]) in titles


def draft_cases() -> Iterator[Case]:
    turn = 0
    values = {**TEXTS, **DRAFT_OTHERS}
    for table, keys in DRAFT_FIELDS.items():
        for key in keys:
            for i, (label, value) in enumerate(values.items()):

                def change(
                    doc: dict[str, Any], t: str = table, k: str = key, v: Any = value
                ) -> None:
                    _draft_table(doc, t)[k] = v

                yield _draft_case(f"{table}.{key}={label}", change, i == turn % len(values))
            turn += 1

            def removed(doc: dict[str, Any], t: str = table, k: str = key) -> None:
                del _draft_table(doc, t)[k]

            def upper(doc: dict[str, Any], t: str = table, k: str = key) -> None:
                found = _draft_table(doc, t)
                found[k.upper()] = found.pop(k)

            yield _draft_case(f"{table}.{key} removed", removed, quick=True)
            yield _draft_case(f"{table}.{key} upper-case", upper, quick=turn % 2 == 0)

        def extra(doc: dict[str, Any], t: str = table) -> None:
            _draft_table(doc, t)["colour"] = "đỏ"

        yield _draft_case(f"{table} extra key", extra, quick=True)
        if table == "meeting":
            continue

        def duplicated(doc: dict[str, Any], t: str = table) -> None:
            doc[t].append(copy.deepcopy(doc[t][0]))

        def first_removed(doc: dict[str, Any], t: str = table) -> None:
            del doc[t][0]

        def reordered(doc: dict[str, Any], t: str = table) -> None:
            doc[t].reverse()

        yield _draft_case(f"{table} record duplicated", duplicated, quick=True)
        yield _draft_case(f"{table} record removed", first_removed, quick=True)
        yield _draft_case(f"{table} records reordered", reordered, quick=False)


# --- returned packs -----------------------------------------------------------------------------


def _pack_case(name: str, sheet: str, ref: str, value: Any, quick: bool, raw: bool = False) -> Case:
    def make(base: Base, folder: Path) -> tuple[Path, list[str]]:
        book = openpyxl.load_workbook(base.pack)
        cell = book[sheet][ref]
        cell.value = value
        if isinstance(value, str) and not raw:
            cell.data_type = "s"
        path = folder / "SYT.xlsx"
        book.save(path)
        return path, ["pack", "in", str(path), "--format", "json"]

    written = ref[0] in "MOQ" or (sheet, ref) == ("Phối hợp", "K7")  # a column of text
    text = value if isinstance(value, str) and not raw and written else None
    return Case(
        f"pack {sheet}!{ref} {name}",
        make,
        (*CELL_PLACES, "pack", "phiếu"),
        _pack_stored,
        quick=quick,
        extra={"text": text},
    )


def _pack_stored(base: Base, db: Path, file: Path, out: str) -> None:
    """A text the unit wrote is stored as typed (NFC, direction controls dropped)."""
    found = json.loads(out)
    assert [f["unit"] for f in found["files"]] == ["SYT"]


PACK_DAYS = {k: v for k, v in SHEET_DAYS.items() if k not in ("checkbox", "span", "weekday")}
PACK_DAYS["before-the-meeting"] = "1/1/2020"
PACK_STATUS = {
    "done": "Đã hoàn thành",
    "doing": "Đang thực hiện",
    "not-yet": "Chưa thực hiện",
    "asks-more-time": "Đề nghị gia hạn",
    "other": "Xong rồi",
    "formula": "=1",
}
PACK_TEXTS = {k: v for k, v in SHEET_TEXTS.items() if k != "excel-too-long"}
PACK_CELLS = {
    ("Chủ trì", "K7"): {**SHEET_NUMBERS, "hundred": 100, "percent-text": "50%"},
    ("Chủ trì", "L7"): PACK_DAYS,
    ("Chủ trì", "M7"): PACK_TEXTS,
    ("Chủ trì", "N7"): PACK_DAYS,
    ("Chủ trì", "O7"): PACK_TEXTS,
    ("Chủ trì", "P7"): PACK_DAYS,
    ("Chủ trì", "Q7"): PACK_TEXTS,
    ("Chủ trì", "R7"): PACK_STATUS,
    ("Phối hợp", "K7"): PACK_TEXTS,
    ("Phối hợp", "L7"): PACK_STATUS,
}


def pack_cases() -> Iterator[Case]:
    turn = 0
    for (sheet, ref), values in PACK_CELLS.items():
        for i, (label, value) in enumerate(values.items()):
            yield _pack_case(label, sheet, ref, value, quick=i == turn % len(values))
        turn += 1
    for ref in ("B7", "S7", "A7", "C7"):  # the id, the fingerprint, locked cells
        for label, value in {
            "empty": None,
            "another-id": 4,
            "unknown-id": 99,
            "text": "abc",
        }.items():
            yield _pack_case(label, "Chủ trì", ref, value, quick=label == "another-id", raw=True)
    for label, (ref, value) in {
        "token": ("B3", "0" * 32),
        "unit": ("B4", "VPTU"),
        "unit-lower-case": ("B4", "syt"),
        "period": ("B5", "2022-Q4"),
        "version": ("B2", "9"),
        "format": ("B1", "x"),
        "start": ("B6", "2099-01-01"),
    }.items():
        yield _pack_case(label, "_dirtrack", ref, value, quick=label in ("token", "unit"), raw=True)


# --- the configuration file ----------------------------------------------------------------------

CONFIG_FILES = {
    "good": 'lang = "vi"\n[list]\nunit = "VPTU"\n',
    "key upper-case": 'LANG = "vi"\n',
    "table upper-case": '[LIST]\nunit = "VPTU"\n',
    "key twice": 'lang = "vi"\nlang = "en"\n',
    "table twice": '[list]\nunit = "VPTU"\n[list]\nstatus = "open"\n',
    "unknown table": "[nope]\nx = 1\n",
    "command as a key": 'list = "VPTU"\n',
    "a key's value a table": "lang = { a = 1 }\n",
    "mail unknown key": '[mail]\nhost = "x"\npasword_env = "P"\n',
    "mail sender with a line break": '[mail]\nhost = "x"\nsender = "a@b.vn\\nBcc: c@d.vn"\n',
    "nul in a text": '[list]\nunit = "VP\\u0000TU"\n',
    "bidi in a text": '[list]\nunit = "VPTU\\u202e"\n',
    "byte order mark": '\ufefflang = "vi"\n',
}


def _config_case(label: str, text: str) -> Case:
    def make(base: Base, folder: Path) -> tuple[Path, list[str]]:
        path = folder / "config.toml"
        path.write_text(text, encoding="utf-8")
        return path, ["list", "--format", "json"]

    return Case(f"config {label}", make, ("config.toml",), None, quick=True)


def config_cases() -> Iterator[Case]:
    for label, text in CONFIG_FILES.items():
        yield _config_case(label, text)


# --- running a case -----------------------------------------------------------------------------

ALL: list[Case] = []
for _i, _case in enumerate(
    [*json_cases(), *sheet_cases(), *draft_cases(), *pack_cases(), *config_cases()]
):
    # every other case in Vietnamese
    ALL.append(
        Case(
            _case.id,
            _case.make,
            _case.where,
            _case.check,
            ("en", "vi")[_i % 2],
            _case.quick,
            _case.extra,
        )
    )


def _start(base: Base, case: Case, folder: Path) -> tuple[Path, Path, list[str]]:
    folder.mkdir(parents=True)
    source = {"json": base.empty, "sheet": base.small, "draft": base.small}.get(
        case.id.split()[0], base.register
    )
    db = base.copy(source, folder / "register.db")
    made, args = case.make(base, folder)
    return db, made, args


def _run(db: Path, args: list[str], lang: str, config: Path | None) -> tuple[int, str, str]:
    import os

    saved = os.environ.get("DIRTRACK_CONFIG")
    if config is not None:
        os.environ["DIRTRACK_CONFIG"] = str(config)
    try:
        return invoke(["--db", str(db), "--lang", lang, *args])
    finally:
        if config is not None:
            if saved is None:
                os.environ.pop("DIRTRACK_CONFIG", None)
            else:
                os.environ["DIRTRACK_CONFIG"] = saved


def check(case: Case, base: Base, folder: Path) -> None:
    db, made, args = _start(base, case, folder)
    config = made if case.id.startswith("config") else None
    before = db_digest(db)
    code, out, err = _run(db, args, case.lang, config)
    assert code in (0, 1), (case.id, code, err[-2000:])
    assert "Traceback" not in out + err, (case.id, err[-3000:])
    if code == 1:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), (case.id, err[-2000:])
        # an error nothing caught, in either language ("lỗi ngoài dự kiến" under --lang vi)
        assert "unexpected" not in err and "ngoài dự kiến" not in err, (case.id, err)
        assert db_digest(db) == before, (case.id, "the register changed", err)
        # where: the record's path, the row or cell, the line, or the file of a whole refusal
        places = (*case.where, re.escape(made.name))
        assert any(re.search(p, err) for p in places), (case.id, "names no place", places, err)
        if case.lang == "vi":
            english = [words for words in ENGLISH if words in err]
            assert not english, (case.id, "English in the Vietnamese line", english, err)
            en_db, en_made, en_args = _start(base, case, folder.parent / (folder.name + "-en"))
            en_config = en_made if config is not None else None
            en_code, _, en_err = _run(en_db, en_args, "en", en_config)
            assert en_code == 1 and en_err.strip() != err.strip(), (case.id, "not in Vietnamese")
        return
    if case.check is not None:
        case.check(base, db, made, out)
    text = case.extra.get("text")
    if isinstance(text, str) and case.id.split()[0] in ("sheet", "draft", "pack"):
        # a text accepted is stored as typed (NFC, white space folded, direction dropped)
        from tests.conftest import snapshot

        cells = [c for rows in snapshot(str(db)).values() for row in rows for c in row]
        # a control character a file's cell holds (U+0085) is removed, with a warning naming
        # the row (README, "Text in cells"), as clean_imported does
        expected = nfc(clean_imported(text)[0])
        if len(expected) >= 3:
            assert any(isinstance(c, str) and expected in c for c in cells), (
                case.id,
                expected[:80],
            )


def test_the_files_as_written_are_read(base: Base, tmp_path: Path) -> None:
    """Each file the cases change is read whole before it is changed: the battery tries the
    changes, not a file the product refuses anyway."""
    doc = base.export
    for section, nests in NESTED.items():
        for nested in nests:
            assert _first_with(doc, section, nested) is not None, (section, nested)
    for name, case in {
        "json": _json_case("as written", lambda doc: None, (), True),
        "sheet": _sheet_case("as written"),
        "draft": _draft_case("as written", lambda doc: None, True),
        "pack": _pack_case("as written", "Chủ trì", "K7", 50, True),
    }.items():
        db, made, args = _start(base, case, tmp_path / name)
        code, out, err = invoke(["--db", str(db), *args])
        assert code == 0, (name, err)
        assert case.check is not None
        case.check(base, db, made, out)


#: make test: every other case of the representative set (one value a field, each change of
#: records and sheets), so that the suite keeps within its minutes; make test-all: all of them.
QUICK = [c for c in ALL if c.quick][::2]
_QUICK_IDS = {c.id for c in QUICK}


@pytest.mark.parametrize("case", QUICK, ids=lambda c: c.id)
def test_hostile_content(case: Case, base: Base, tmp_path: Path) -> None:
    check(case, base, tmp_path / "case")


@pytest.mark.slow("every hostile value in every field of every file")
@pytest.mark.thorough_cases("case", [c for c in ALL if c.id not in _QUICK_IDS], ids=lambda c: c.id)
def test_hostile_content_thorough(case: Case, base: Base, tmp_path: Path) -> None:
    check(case, base, tmp_path / "case")


# --- what dirtrack writes, from a register of hostile texts --------------------------------------

#: Texts that would be active somewhere: a formula (OWASP's starts, a tab, a carriage return
#: before one), markup, Markdown, a line break of each kind, an attribute's end.
ACTIVE = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=tab",
    "\r=cr",
    'abc\r=HYPERLINK("http://x","y")',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "*x* | [a](b) # h &amp;",
    "'=quoted",
    "a\r\nb\nc",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile(base: Base) -> Path:
    """The seeded register, every text of its meetings, directives, progress, limitations,
    units and office profile made one of :data:`ACTIVE` (imported from its export, which keeps
    a text's tabs and line breaks as they are)."""
    doc = copy.deepcopy(base.export)
    turn = iter(range(10_000))

    def put(record: dict[str, Any], *keys: str) -> None:
        for key in keys:
            if key in record and (record[key] is not None or key in ("note", "product")):
                n = next(turn)
                record[key] = f"{ACTIVE[n % len(ACTIVE)]} #{n}"

    for meeting in doc["meetings"]:
        put(meeting, "title", "chair", "chair_title", "doc", "note")
    for directive in doc["directives"]:
        put(directive, "text", "product", "completion_note", "cancel_reason")
        for entry in directive["progress"]:
            put(entry, "note")
        for extension in directive["extensions"]:
            put(extension, "reason")
    for limitation in doc["limitations"]:
        put(limitation, "text")
    for unit in doc["units"]:
        put(unit, "name")
        unit["aliases"], unit["alias_ids"] = [], []
    for office in doc["office"]:
        put(office, "body", "parent_body", "place", "signer_name", "signer_title")
    folder = base.folder / "hostile"
    folder.mkdir()
    _write_json(doc, folder / "all.json")
    db = folder / "register.db"
    _ok(db, "import", str(folder / "all.json"))
    return db


#: The listings that show the register's texts, read by the CSV and the terminal-table checks.
LISTINGS: list[list[str]] = [
    ["list"],
    ["list", "--as-of", "1/8/2022"],
    ["overdue"],
    ["meetings"],
    ["limitations"],
    ["unit", "list"],
    ["history"],
    ["report", "--quarter", "2022Q3"],
    ["show", "9"],
]


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    "args",
    LISTINGS,
    ids=" ".join,
)
def test_no_csv_field_starts_a_formula_and_no_record_is_cut(hostile: Path, args: list[str]) -> None:
    """Every record of the CSV has the header's fields (a carriage return inside a field is
    quoted: bare, it ended the record for a spreadsheet, and the next row began with the live
    formula after it), and no field starts a formula unmarked (README: "No live formulas")."""
    from dirtrack.render.formulas import from_csv_field

    code, out, err = invoke(["--db", str(hostile), *args, "--format", "csv"])
    assert code == 0, err
    rows = _csv_rows(out)
    assert rows and all(len(row) == len(rows[0]) for row in rows), out[:2000]
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_START), (args, value)
    if args[0] == "list":
        code, listed, _ = invoke(["--db", str(hostile), *args, "--format", "json"])
        records = json.loads(listed)
        assert len(rows) == len(records) + 1
        column = rows[0].index("text")
        assert [from_csv_field(r[column]) for r in rows[1:]] == [d["text"] for d in records]


def _workbook_cells(path: Path) -> Iterator[tuple[str, Any]]:
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                yield f"{sheet.title}!{cell.coordinate}", cell


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--quarter", "2022Q3", "--format", "xlsx", "--out", "{out}.xlsx"],
        ["export", "--format", "xlsx", "--out", "{out}.xlsx"],
        ["pack", "out", "--quarter", "2022Q3", "--dir", "{out}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_no_workbook_cell_runs(hostile: Path, tmp_path: Path, args: list[str]) -> None:
    """A cell written from user text that would start a formula is a text cell with Excel's
    quote prefix; no cell of the register's texts is a formula."""
    out = tmp_path / "out"
    code, _, err = invoke(["--db", str(hostile), *[a.replace("{out}", str(out)) for a in args]])
    assert code == 0, err
    books = sorted(out.glob("*.xlsx")) if out.is_dir() else [out.with_suffix(".xlsx")]
    assert books
    active = 0
    for book in books:
        for where, cell in _workbook_cells(book):
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                active += 1
                assert cell.data_type == "s" and cell.quotePrefix, (book.name, where, cell.value)
            assert cell.data_type != "f" or not str(cell.value).lstrip("=").startswith(
                ("cmd", "SUM(1)", "HYPERLINK")
            ), (book.name, where, cell.value)
    assert active  # the texts are there, and marked


def test_html_and_markdown_show_markup_as_text(hostile: Path, tmp_path: Path) -> None:
    code, _, err = invoke(
        ["--db", str(hostile), "report", "--quarter", "2022Q3", "--format", "html", "--out"]
        + [str(tmp_path / "r.html")]
    )
    assert code == 0, err
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    code, md, err = invoke(
        ["--db", str(hostile), "report", "--quarter", "2022Q3", "--format", "md"]
    )
    assert code == 0, err
    assert re.search(r"(?<!\\)<script>", md) is None and "\\<script>" in md
    assert "\r" not in md  # a carriage return ends a Markdown line: a space there


def test_the_report_document_holds_the_texts_as_text(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    code, _, err = invoke(
        ["--db", str(hostile), "report", "--quarter", "2022Q3", "--format", "docx", "--out"]
        + [str(out)]
    )
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert "<script>" not in xml and "instrText" not in xml.split("cmd|")[0][-200:]
    assert not re.search(r"<w:(instrText|fldSimple)[^>]*>[^<]*(cmd\||HYPERLINK\(\"http://x)", xml)


@pytest.mark.parametrize(
    "args",
    [*LISTINGS, ["remind"]],
    ids=" ".join,
)
def test_tables_show_no_raw_control_character(hostile: Path, args: list[str]) -> None:
    """A carriage return a text holds (from a JSON export or a workbook) is shown ``\\x0d``, never
    sent raw: at a terminal it moved the cursor back and wrote over the line."""
    code, out, err = invoke(["--db", str(hostile), *args])
    assert code == 0, err
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out), (args, out[:500])


def test_the_export_gives_every_hostile_text_back(hostile: Path) -> None:
    code, out, err = invoke(["--db", str(hostile), "export"])
    assert code == 0, err
    sent = _canonical(json.loads((hostile.parent / "all.json").read_text(encoding="utf-8")))
    back = _canonical(json.loads(out))
    for section in ("office", "units", "meetings", "directives", "limitations"):
        assert back[section] == sent[section], _first_difference(sent[section], back[section])
    assert "\\r=cr" in json.dumps(back)  # a text starting with a carriage return, kept


# --- the defects the battery found, one test each ------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("section", "nested", "key"),
    [
        ("units", None, "id"),
        ("units", None, "alias_ids"),
        ("units", "contacts", "id"),
        ("directives", "progress", "id"),
        ("directives", "extensions", "id"),
    ],
)
def test_a_null_id_of_a_version_2_export_is_refused_naming_it(
    base: Base, tmp_path: Path, section: str, nested: str | None, key: str, lang: str
) -> None:
    """Version 2 gave these records their ids: ``null`` is none. A unit's stopped the import
    with 'unexpected IntegrityError'; a progress entry's, an extension's or a contact's was
    given a new id without a word (an extension a request names by id then named another)."""
    doc = copy.deepcopy(base.export)
    path = _resolve(doc, section, nested)
    _at(doc, path)[key] = None
    _write_json(doc, tmp_path / "all.json")
    db = base.copy(base.empty, tmp_path / "register.db")
    before = db_digest(db)
    code, _, err = invoke(["--db", str(db), "--lang", lang, "import", str(tmp_path / "all.json")])
    said = {"en": "must be a ", "vi": "phải là "}[lang]
    assert code == 1 and f"{_where(path)}.{key}: {said}" in err, err
    assert db_digest(db) == before


def _where(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@pytest.mark.parametrize("value", [True, 1.0, "1"])
def test_the_office_id_is_a_whole_number(base: Base, tmp_path: Path, value: Any) -> None:
    """``"id": true`` and ``1.0`` were read as the office's id 1, where every other id of the
    document refuses them."""
    doc = copy.deepcopy(base.export)
    doc["office"][0]["id"] = value
    _write_json(doc, tmp_path / "all.json")
    db = base.copy(base.empty, tmp_path / "register.db")
    code, _, err = invoke(["--db", str(db), "import", str(tmp_path / "all.json")])
    assert code == 1 and "office[0].id: must be a whole number" in err, err


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_half_a_character_encoded_alone_names_the_file(
    base: Base, tmp_path: Path, lang: str
) -> None:
    """The bytes ED A0 80 (U+D800 encoded alone, as CESU-8 writes it) pass ijson's C parser and
    failed as 'some input is not valid UTF-8 text', naming neither the file nor the place."""
    data = json.dumps(base.export, ensure_ascii=False).encode()
    at = data.index(b"Giao ban")
    (tmp_path / "all.json").write_bytes(data[:at] + b"\xed\xa0\x80" + data[at:])
    db = base.copy(base.empty, tmp_path / "register.db")
    code, _, err = invoke(["--db", str(db), "--lang", lang, "import", str(tmp_path / "all.json")])
    said = {
        "en": "Error: all.json is not valid JSON (bytes that are not UTF-8 text, near '",
        "vi": "Error: all.json không đúng cú pháp JSON (có byte không phải văn bản UTF-8, gần",
    }[lang]
    assert code == 1 and err.startswith(said) and "Giao ban" in err, err


def test_a_text_is_held_to_what_a_workbook_cell_holds_as_excel_counts(
    base: Base, tmp_path: Path
) -> None:
    """16,384 emoji are 32,768 to Excel: refused where they enter (an office sheet's cell, a
    JSON export's record), as they were not, and `pack out` then refused the register."""
    long = "📌" * 16_384
    book = _book([[1, long, "VPTU", None, "30/6/2022", None, None, None, None, None]])
    book.save(tmp_path / "bang.xlsx")
    db = base.copy(base.small, tmp_path / "small.db")
    code, _, err = invoke(
        ["--db", str(db), "import", str(tmp_path / "bang.xlsx"), "--meeting", "1"]
    )
    assert code == 1 and "column B (Nội dung): 32768 characters, more than the 32767" in err, err
    doc = copy.deepcopy(base.export)
    doc["directives"][0]["text"] = long
    _write_json(doc, tmp_path / "all.json")
    db = base.copy(base.empty, tmp_path / "register.db")
    code, _, err = invoke(["--db", str(db), "import", str(tmp_path / "all.json")])
    assert code == 1 and "directives[0].text: 32768 characters, more than the 32767" in err, err
    _write_json(copy.deepcopy(base.export), tmp_path / "all.json")  # one fewer fits
    doc["directives"][0]["text"] = "📌" * 16_383 + "x"
    _write_json(doc, tmp_path / "all.json")
    code, _, err = invoke(["--db", str(db), "import", str(tmp_path / "all.json")])
    assert code == 0, err
    code, _, err = invoke(
        ["--db", str(db), "pack", "out", "--quarter", "2022Q3", "--dir"] + [str(tmp_path / "p")]
    )
    assert code == 0, err


def test_a_huge_number_cell_is_quoted_as_the_sheet_holds_it(base: Base, tmp_path: Path) -> None:
    """1E+308 in a deadline or progress cell was quoted as 309 digits the sheet never held."""
    for column in ("E2", "F2"):
        book = _book(copy.deepcopy(SHEET_ROWS))
        book.worksheets[0][column] = 1e308
        book.save(tmp_path / "bang.xlsx")
        db = base.copy(base.small, tmp_path / "small.db")
        code, _, err = invoke(
            ["--db", str(db), "import", str(tmp_path / "bang.xlsx"), "--meeting", "1"]
        )
        assert code == 1 and "1e+308 is not a" in err and "0000000000" not in err, err


def test_a_carriage_return_in_a_csv_field_is_quoted(base: Base, tmp_path: Path) -> None:
    """The csv module quotes only the characters of its line terminator (LF): a text holding a
    bare CR was written unquoted, and a spreadsheet began a new row at it."""
    doc = copy.deepcopy(base.export)
    doc["directives"][0]["text"] = 'abc\r=HYPERLINK("http://x","y")'
    _write_json(doc, tmp_path / "all.json")
    db = base.copy(base.empty, tmp_path / "register.db")
    _ok(db, "import", str(tmp_path / "all.json"))
    code, out, err = invoke(["--db", str(db), "list", "--format", "csv", "--fields", "id,text"])
    assert code == 0, err
    assert out.splitlines()[1] == '1,"abc'  # the field quoted, the record whole
    assert _csv_rows(out)[1] == ["1", 'abc\r=HYPERLINK("http://x","y")']


def test_two_columns_alike_are_named_in_vietnamese_without_english(
    base: Base, tmp_path: Path
) -> None:
    book = _book(copy.deepcopy(SHEET_ROWS), header=[*SHEET_HEADER[:8], "Nội dung", "Mã"])
    book.save(tmp_path / "bang.xlsx")
    db = base.copy(base.small, tmp_path / "small.db")
    code, _, err = invoke(["--db", str(db), "--lang", "vi", "import", str(tmp_path / "bang.xlsx")])
    assert code == 1 and "các cột B (Nội dung), I (Nội dung) đều giống cột 'text'" in err, err


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("section", "key", "length", "limit"),
    [("office", "signer_name", 300, 200), ("units", "code", 70, 64), ("meetings", "doc", 201, 200)],
)
def test_a_text_longer_than_its_column_is_named_where_it_is(
    base: Base, tmp_path: Path, section: str, key: str, length: int, limit: int, lang: str
) -> None:
    """A text longer than its column (a unit's code 64, an office's signer 200) was refused as
    the INSERT ran, naming the column alone (`office.signer_name is 300 characters long`, in
    Vietnamese `người ký của thông tin cơ quan dài …`): the record is named in the file, as a
    text too long for any column is."""
    doc = copy.deepcopy(base.export)
    doc[section][0][key] = "U" * length
    _write_json(doc, tmp_path / "all.json")
    db = base.copy(base.empty, tmp_path / "register.db")
    before = db_digest(db)
    code, _, err = invoke(["--db", str(db), "--lang", lang, "import", str(tmp_path / "all.json")])
    said = {
        "en": f"{length} characters, more than the {limit} a text can hold",
        "vi": f"dài {length} ký tự, quá mức tối đa {limit}",
    }[lang]
    assert code == 1 and err.startswith(f"Error: all.json: {section}[0].{key}: {said}"), err
    assert db_digest(db) == before


def test_doctor_counts_a_text_as_excel_counts_it(base: Base, tmp_path: Path) -> None:
    """A register that took 16,384 emoji before texts were held as Excel counts them (32,768):
    `doctor` names it, since its export is no longer imported back, where it said all was well."""
    import sqlite3

    db = base.copy(base.small, tmp_path / "small.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meeting SET note = ?", ("📌" * 16_384,))
    code, out, err = invoke(["--db", str(db), "doctor", "--format", "json"])
    checks = {c["check"]: c for c in json.loads(out)}
    assert checks["records"]["status"] == "warning", (code, err, checks["records"])
    assert (
        "meeting 1: note is 32768 characters long, more than the 32767"
        in checks["records"]["detail"]
    )
