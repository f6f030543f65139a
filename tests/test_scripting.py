"""Scripting and cron: --format and --fields on every listing, plain output when
stdout is not a terminal, NO_COLOR, no prompt ever, keys that make re-runs safe, and the
examples/cron scripts run as a new user would run them."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ENTRY_POINT, Cli, cli_at, file_digest, prebuilt, program, run

ROOT = Path(__file__).resolve().parent.parent
CRON = ROOT / "examples" / "cron"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]+)m")
BOX = re.compile(r"[─━│┃┌┐└┘├┤┬┴┼╇╸╺]")
LONG = "Tăng cường, nâng cao hiệu quả công tác phối hợp giữa các cơ quan tham mưu " * 4


@pytest.fixture
@prebuilt
def office(meeting: int, units: Cli) -> Cli:
    m = str(meeting)
    units.ok("assign", m, "--unit", "VPTU", "--with", "BTC", "--due", "30/6/2022", LONG.strip())
    units.ok("assign", m, "--unit", "BTC", "--due", "31/12/2022", "Trình đề án")
    units.ok("progress", "1", "--percent", "30", "--date", "1/6/2022")
    units.ok("add-limitation", m, "--unit", "UBKT", "--category", "staffing", "Thiếu lái xe")
    return units


# --- --format and --fields ---------------------------------------------------------------------

LISTINGS = {
    "unit list": (["unit", "list"], "code,name", {"code": "BDV", "name": "Ban Dân vận Tỉnh ủy"}),
    "meetings": (["meetings"], "id,date", {"id": 1, "date": "2022-05-06"}),
    "list": (
        ["list", "--as-of", "2022-07-01"],
        "id,status,unit",
        {"id": 1, "status": "overdue", "unit": "VPTU"},
    ),
    "limitations": (["limitations"], "unit,category", {"unit": "UBKT", "category": "staffing"}),
    "overdue": (
        ["overdue", "--as-of", "2022-07-01"],
        "id,days_overdue,stale",
        {"id": 1, "days_overdue": 1, "stale": False},
    ),
    "history": (["history", "1"], "action,entity,actor", None),
    "config": (["config"], "key,source", {"key": "config_file", "source": "default"}),
    "requests": (["requests"], "status,directive_id", {"status": "pending", "directive_id": 2}),
    "series list": (["series", "list"], "every,unit,id", {"every": "year", "unit": "BDV", "id": 1}),
    "calendar list": (
        ["calendar", "list", "--year", "2022"],
        "note,date",
        {"note": "New Year's Day (observed)", "date": "2022-01-03"},  # 1 Jan: a Saturday
    ),
    "field list": (["field", "list"], "name,code", {"name": "Kinh tế", "code": "KT"}),
    "leader list": (
        ["leader", "list"],
        "field,leader",
        {"field": "KT", "leader": "Nguyễn Văn A"},
    ),
}

# What a listing needs to have a row in the office's register.
LISTING_SETUP = {
    "requests": [
        ["request", "extend", "2", "--to", "31/3/2023", "--reason", "Chờ", "--date", "1/7/2022"]
    ],
    "series list": [["assign", "1", "Báo cáo năm", "--unit", "BDV", "--every", "year"]],
    "field list": [["field", "add", "KT", "Kinh tế"]],
    "leader list": [
        ["field", "add", "KT", "Kinh tế"],
        ["leader", "assign", "Nguyễn Văn A", "--field", "KT", "--from", "1/1/2022"],
    ],
}


@pytest.mark.parametrize("name", list(LISTINGS))
def test_every_listing_takes_format_and_fields(office: Cli, name: str) -> None:
    args, fields, first = LISTINGS[name]
    for setup in LISTING_SETUP.get(name, []):
        office.ok(*setup)
    full = office.json(*args)
    assert isinstance(full, list) and full
    picked = office.json(*args, "--fields", fields)
    assert [list(row) for row in picked] == [fields.split(",")] * len(full)
    if first is not None:
        assert picked[0] == first
    rows = list(csv.reader(io.StringIO(office.ok(*args, "--format", "csv", "--fields", fields))))
    assert rows[0] == fields.split(",") and len(rows) == len(full) + 1
    table = office.ok(*args, "--fields", fields)
    assert len(table.splitlines()) >= len(full)
    refused = office.fail(*args, "--fields", f"{fields},no_such_field")
    assert refused.startswith("Error:") and len(refused.splitlines()) == 1
    assert "'no_such_field'" in refused and fields.split(",")[0] in refused  # the known ones


def test_a_field_without_a_column_shows_its_values_as_the_tables_do(office: Cli) -> None:
    """`--fields` naming a field the table has no column for showed a translated header over
    raw values: `true`, `progress`, `2022-06-01`, a Python dict. Its values are shown as the
    tables show the same values elsewhere, in the chosen language (yes/no in words, a code by
    its name, a day as the language writes it); JSON and CSV keep the values themselves."""
    office.ok("done", "2", "--date", "1/6/2022", "--doc", "5/BC")
    office.ok(
        "request", "extend", "1", "--to", "31/3/2023", "--reason", "Chờ", "--date", "1/7/2022"
    )
    listed = office.ok(
        "--lang", "vi", "list", "--fields", "id,completed_on_exact,completed_on,result"
    )
    row = next(line for line in listed.splitlines() if line.split()[:1] == ["2"])
    assert row.split()[1:3] == ["có", "01/06/2022"], listed
    assert "văn bản: 5/BC" in row and "true" not in row and "{" not in row
    english = office.ok("--lang", "en", "list", "--fields", "id,completed_on_exact,result")
    assert "yes" in english and "document: 5/BC" in english and "true" not in english
    overdue = office.ok(
        "--lang", "vi", "overdue", "--as-of", "2022-07-01", "--fields", "id,last_update_event,stale"
    )
    row = next(line for line in overdue.splitlines() if line.split()[:1] == ["1"])
    assert row.split()[1:] == ["Tiến", "độ", "không"], overdue
    asked = office.ok("--lang", "vi", "requests", "--fields", "id,objective,asked_late")
    assert asked.splitlines()[-1].split()[1:] == ["không", "có"], asked  # asked after 30/6
    days = office.ok(
        "--lang", "vi", "calendar", "list", "--year", "2022", "--fields", "date,source"
    )
    assert "theo quy định" in days and "law" not in days
    raw = office.json("list", "--fields", "id,completed_on_exact,result")
    assert raw[1]["completed_on_exact"] is True and raw[1]["result"]["doc"] == "5/BC"
    rows = list(
        csv.reader(
            io.StringIO(
                office.ok(
                    "overdue",
                    "--as-of",
                    "2022-07-01",
                    "--format",
                    "csv",
                    "--fields",
                    "id,last_update_event,stale",
                )
            )
        )
    )
    assert rows[1] == ["1", "progress", "false"]


def _header(cli: Cli, *args: str) -> list[str]:
    """The CSV header of a listing that has no row: the header alone."""
    rows = list(csv.reader(io.StringIO(cli.ok(*args, "--format", "csv"))))
    assert len(rows) == 1, rows
    return rows[0]


# A listing with rows, and the same listing with none (a filter that matches nothing).
EMPTY_LISTINGS = {
    "list": (["list", "--as-of", "2022-07-01"], ["list", "--status", "cancelled"]),
    "overdue": (["overdue", "--as-of", "2022-07-01"], ["overdue", "--as-of", "2022-05-07"]),
    "meetings": (["meetings"], ["meetings", "--period", "2021"]),
    "limitations": (["limitations"], ["limitations", "--period", "2021Q1"]),
    "history": (["history"], ["history", "--by", "Không ai"]),
    "history ID": (["history", "1"], ["history", "1", "--by", "Không ai"]),
    "requests": (["requests"], ["requests", "--as-of", "2022-05-06"]),
    "calendar list": (["calendar", "list", "--year", "2022"], ["calendar", "list"]),
}


def test_an_empty_listing_in_csv_is_its_header(office: Cli) -> None:
    """An empty listing in CSV was a blank line: a script reading the columns by name found
    none. It is the header row of the listing's JSON keys, as a listing with rows gives them."""
    office.ok(
        "request", "extend", "2", "--to", "31/3/2023", "--reason", "Chờ", "--date", "1/7/2022"
    )
    for name, (full, empty) in EMPTY_LISTINGS.items():
        keys = list(office.json(*full)[0])
        assert _header(office, *empty) == keys, name
    # remind: an item has its section, the follow-up keys of overdue, and the days left
    overdue = list(office.json("overdue", "--as-of", "2022-07-01")[0])
    assert _header(office, "remind", "--as-of", "2022-05-07") == ["section", *overdue, "days_left"]
    # Listings empty until something is added: the header, then the same keys as JSON.
    empty = {
        "series list": _header(office, "series", "list"),
        "field list": _header(office, "field", "list"),
        "leader list": _header(office, "leader", "list"),
    }
    office.ok("field", "add", "KT", "Kinh tế")
    office.ok("leader", "assign", "Nguyễn Văn A", "--field", "KT", "--from", "1/1/2022")
    office.ok("assign", "1", "Báo cáo tháng", "--unit", "BDV", "--every", "year")
    for name, header in empty.items():
        assert header == list(office.json(*name.split())[0]), name
    # --fields gives its own header, rows or none; an unknown name is an error, rows or none
    assert _header(office, "list", "--status", "cancelled", "--fields", "id,text") == ["id", "text"]
    assert "'nope'" in office.fail("list", "--status", "cancelled", "--fields", "id,nope")


def _csv(cli: Cli, *args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(cli.ok(*args, "--format", "csv"))))


def test_a_csv_listing_has_one_column_list_with_rows_or_without(office: Cli) -> None:
    """With rows, the CSV's columns were those the rows had: remind without an item due soon
    lost ``days_left``, and history's commands each added their options as ``params_…``
    columns, so the same listing had other columns empty and full. The columns are the
    listing's keys either way; an object (a command's options, a change's values) is one cell
    of JSON."""
    office.ok(
        "request", "extend", "2", "--to", "31/3/2023", "--reason", "Chờ", "--date", "1/7/2022"
    )
    office.ok("assign", "1", "Báo cáo tháng", "--unit", "BDV", "--every", "month", "--day", "20")
    listings = dict(EMPTY_LISTINGS)
    listings["remind"] = (["remind", "--as-of", "2022-07-01"], ["remind", "--as-of", "2022-05-07"])
    for name, (full, empty) in listings.items():
        header = _header(office, *empty)
        rows = _csv(office, *full)
        assert rows and list(rows[0]) == header, name
    commands = _csv(office, "history")
    assert commands[0]["command"] == "assign"
    assert json.loads(commands[0]["params"])["every"] == "month"
    assert json.loads(commands[1]["params"])["to"] == "31/3/2023"
    changes = _csv(office, "history", "1")
    assert json.loads(changes[0]["after"])["id"] == 1
    # the leader's brief with no unit to list: its header, as with rows
    brief = ["report", "--brief", "--quarter", "2022Q1", "--unit", "VPUB"]
    assert _header(office, *brief) == ["code", "name", "risk", "red", "yellow", "green", "grey"]


def test_a_list_in_csv_is_joined_alike_in_every_command(office: Cli) -> None:
    """``office --format csv`` joined its recipients with '; ' by a join of its own, where
    every other CSV list (a unit's aliases, a meeting's attendees) is joined with ';': one
    rule, and the JSON list read back from the cell."""
    office.ok("office", "set", "--to", "Thường trực Tỉnh ủy", "--to", "Các Ban đảng")
    office.ok("unit", "alias", "BDV", "Ban Dân vận")
    office.ok("unit", "alias", "BDV", "Dân vận")
    profile = _csv(office, "office")[0]
    assert profile["to"].split(";") == office.json("office")["to"]
    assert profile["to"] == "Thường trực Tỉnh ủy;Các Ban đảng"
    units = {row["code"]: row for row in _csv(office, "unit", "list")}
    aliases = {u["code"]: u["aliases"] for u in office.json("unit", "list")}
    assert units["BDV"]["aliases"].split(";") == aliases["BDV"] == ["Ban Dân vận", "Dân vận"]


def _list_items(cell: str) -> list[str]:
    """The items of a CSV list cell as README says it is written: joined by ';', a ';' or a
    backslash inside an item after a backslash (the reference reading, apart from dirtrack's)."""
    items, current, escaped = [], "", False
    for char in cell:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == ";":
            items, current = [*items, current], ""
        else:
            current += char
    return [*items, current]


def test_a_list_item_holding_the_joiner_splits_back_whole(office: Cli, tmp_path: Path) -> None:
    """A ';' inside one item of a CSV list (a recipient, an alias, a coordinating unit's name)
    could not be told from the ';' that joins the items: it is written after a backslash, and
    a backslash of the text doubled, so every cell splits back into the JSON list; and a sheet's
    unit cell reads such a name whole."""
    office.ok("office", "set", "--to", "Thường trực Tỉnh ủy; HĐND", "--to", "Các Ban đảng")
    office.ok("unit", "alias", "BDV", "Ban Dân vận; Mặt trận")
    office.ok("unit", "alias", "BDV", "Dân vận\\tỉnh")
    profile = _csv(office, "office")[0]
    assert profile["to"] == "Thường trực Tỉnh ủy\\; HĐND;Các Ban đảng"
    assert _list_items(profile["to"]) == office.json("office")["to"]
    units = {row["code"]: row for row in _csv(office, "unit", "list")}
    aliases = {u["code"]: u["aliases"] for u in office.json("unit", "list")}
    assert units["BDV"]["aliases"] == "Ban Dân vận\\; Mặt trận;Dân vận\\\\tỉnh"
    assert _list_items(units["BDV"]["aliases"]) == aliases["BDV"]
    assert aliases["BDV"] == ["Ban Dân vận; Mặt trận", "Dân vận\\tỉnh"]
    # an office sheet naming the unit so: one unit, not 'Ban Dân vận' and 'Mặt trận'
    sheet = tmp_path / "phoi-hop.csv"
    sheet.write_text(
        "STT,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn\n"
        "1,Rà soát quy chế,VPUB,Ban Dân vận\\; Mặt trận;VPTU,30/6/2022\n",
        encoding="utf-8",
    )
    report = json.loads(
        office("import", str(sheet), "--meeting", "1", "--dry-run", "--format", "json").stdout
    )
    assert report["problems"] == [] and report["rows"][0]["with"] == ["BDV", "VPTU"], report


def test_series_show_in_csv_without_an_occurrence_is_its_header(office: Cli) -> None:
    """series show --format csv of a series without an occurrence (one that starts years
    ahead) printed a blank line; it prints the header of the occurrences, as with rows."""
    sid = office.id("assign", "1", "Báo cáo tháng", "--unit", "BDV", "--every", "month")
    full = list(csv.reader(io.StringIO(office.ok("series", "show", str(sid), "--format", "csv"))))
    assert len(full) > 1 and full[0] == list(
        office.json("series", "show", str(sid))["occurrences"][0]
    )
    ahead = ("assign", "1", "Báo cáo năm", "--unit", "BDV", "--every", "year")
    later = office.id(*ahead, "--from", "2099-01-01")
    assert office.json("series", "show", str(later))["occurrences"] == []
    assert _header(office, "series", "show", str(later)) == full[0]


def test_suggestions_and_pack_status_in_csv_have_their_header_with_no_row(
    office: Cli, tmp_path: Path
) -> None:
    """limitation suggest, field suggest and pack status printed a blank line in CSV when they
    had nothing to list: each prints its header, the keys of its JSON rows."""
    listings = {
        "limitation suggest": ["limitation", "suggest", "2"],
        "field suggest": ["field", "suggest"],
        "pack status": ["pack", "status", "--quarter", "2022Q2"],
    }
    later = office.id("add-meeting", "--date", "1/8/2022", "--title", "Giao ban tháng 8")
    office.ok("add-limitation", str(later), "--unit", "BDV", "--category", "staffing", "Thiếu xe")
    empty = {name: _header(office, *args) for name, args in listings.items()}
    office.ok("add-limitation", "1", "--unit", "BDV", "--category", "staffing", "Thiếu lái xe")
    office.ok("field", "add", "KT", "Kinh tế")
    office.ok("edit", "directive", "1", "--field", "KT")
    office.ok("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Báo cáo kinh tế")
    office.ok("pack", "out", "--quarter", "2022Q2", "--dir", str(tmp_path / "phieu"))
    for name, args in listings.items():
        found = office.json(*args)
        rows = found["units"] if name == "pack status" else found
        assert rows and empty[name] == list(rows[0]), name
        assert list(_csv(office, *args)[0]) == empty[name], name


def test_suggestions_pack_status_and_series_show_take_fields(
    office: Cli, tmp_path: Path, db_path: Path
) -> None:
    """field suggest, limitation suggest, pack status and series show took no --fields. They
    take it as every listing does: their rows keep those keys, in that order, in every format
    (pack status and series show keep their JSON object around the rows), and an unknown name
    is refused, with rows or without, leaving the register as it was (field suggest --apply)."""
    later = office.id("add-meeting", "--date", "1/8/2022", "--title", "Giao ban tháng 8")
    raised = ["add-limitation", str(later), "--unit", "UBKT", "--category", "staffing"]
    office.ok(*raised, "--new", "Thiếu lái xe")
    office.ok("field", "add", "KT", "Kinh tế")
    office.ok("edit", "directive", "1", "--field", "KT")
    office.ok("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Báo cáo kinh tế")
    office.ok("pack", "out", "--quarter", "2022Q2", "--dir", str(tmp_path / "phieu"))
    sid = str(office.id("assign", "1", "Báo cáo tháng", "--unit", "BDV", "--every", "month"))
    listings = {
        "field suggest": (["field", "suggest"], "field,id", None),
        "limitation suggest": (["limitation", "suggest", "2"], "score,id", None),
        "pack status": (["pack", "status", "--quarter", "2022Q2"], "items,code", "units"),
        "series show": (["series", "show", sid], "due,id", "occurrences"),
    }
    for name, (args, fields, inside) in listings.items():
        names = fields.split(",")
        full = office.json(*args)
        picked = office.json(*args, "--fields", fields)
        rows, chosen = (full, picked) if inside is None else (full[inside], picked[inside])
        assert rows, name
        assert chosen == [{k: row[k] for k in names} for row in rows], name
        if inside is not None:  # the object around the rows is whole
            assert {k: v for k, v in picked.items() if k != inside} == {
                k: v for k, v in full.items() if k != inside
            }, name
        text = office.ok(*args, "--format", "csv", "--fields", fields)
        table = list(csv.reader(io.StringIO(text)))
        assert table == [names, *[[str(row[k]) for k in names] for row in rows]], name
        shown = office.ok(*args, "--fields", fields)
        assert len(shown.splitlines()) >= len(rows), name
        refused = office.fail(*args, "--fields", f"{fields},no_such_field")
        assert "'no_such_field'" in refused and names[0] in refused, name
    # with no row, the keys of one still tell an unknown name
    yearly = ["assign", "1", "Báo cáo năm", "--unit", "BDV", "--every", "year"]
    later = office.id(*yearly, "--from", "2099-01-01")
    assert office.json("series", "show", str(later), "--fields", "id")["occurrences"] == []
    assert "'nope'" in office.fail("series", "show", str(later), "--fields", "id,nope")
    assert _header(office, "pack", "status", "--quarter", "2021Q1", "--fields", "code") == ["code"]
    assert "'nope'" in office.fail("pack", "status", "--quarter", "2021Q1", "--fields", "nope")
    # a refused --fields on field suggest --apply sets no field
    digest = file_digest(db_path)
    office.fail("--lang", "vi", "field", "suggest", "--apply", "--fields", "id,nope")
    assert file_digest(db_path) == digest
    assert office.json("field", "suggest")


def _commands_with_fields() -> list[str]:
    """Every command of the Click tree that takes ``--fields``, as its words."""
    from typer.main import get_command

    from dirtrack.cli import app

    found: list[str] = []

    def walk(command: object, path: str) -> None:
        subs = getattr(command, "commands", None)
        if subs is None:
            if any(param.name == "fields" for param in getattr(command, "params", ())):
                found.append(path.strip())
            return
        for name, sub in subs.items():
            walk(sub, f"{path} {name}")

    walk(get_command(app), "")
    return found


def test_every_field_of_every_listing_has_a_header_in_either_language(
    office: Cli, tmp_path: Path
) -> None:
    """pack status --fields code,items showed a raw ``items`` header: a field --fields takes
    that no column of the listing shows had its key for a header. Every field every command
    with --fields accepts (as its refusal of an unknown one lists them) has a header in words,
    in English and Vietnamese: never the key itself."""
    later = office.id("add-meeting", "--date", "1/8/2022", "--title", "Giao ban tháng 8")
    office.ok("add-limitation", str(later), "--unit", "UBKT", "--category", "staffing", "Thiếu xe")
    office.ok("field", "add", "KT", "Kinh tế")
    office.ok("leader", "assign", "Nguyễn Văn A", "--field", "KT", "--from", "1/1/2022")
    office.ok("edit", "directive", "1", "--field", "KT")
    office.ok("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Báo cáo kinh tế")
    office.ok(
        "request", "extend", "2", "--to", "31/3/2023", "--reason", "Chờ", "--date", "1/7/2022"
    )
    office.ok("pack", "out", "--quarter", "2022Q2", "--dir", str(tmp_path / "phieu"))
    sid = str(office.id("assign", "1", "Báo cáo tháng", "--unit", "BDV", "--every", "month"))
    arguments = {
        "list": ["--as-of", "2022-07-01"],
        "overdue": ["--as-of", "2022-07-01"],
        "remind": ["--as-of", "2022-07-01"],
        "history": ["1"],
        "calendar list": ["--year", "2022"],
        "limitation suggest": ["2"],
        "pack status": ["--quarter", "2022Q2"],
        "series show": [sid],
    }
    commands = _commands_with_fields()
    assert {"list", "pack status", "series show", "history", "doctor"} <= set(commands)
    known = re.compile(r"use some of: (.*)$")
    raw: list[str] = []
    asked = 0
    for command in commands:
        args = [*command.split(), *arguments.get(command, [])]
        refused = office.fail("--lang", "en", *args, "--fields", "no_such_field")
        found = known.search(refused)
        assert found, (command, refused)
        names = found[1].split(", ")
        for lang in ("en", "vi"):
            # Every field at once (a plain table: every column, each row one line): a header
            # that is its key would be a word of its own there. A field whose key is a word of
            # the listing anyway (in a header such as "Script key", in a value) is asked alone,
            # where its header is a line of its own.
            words = set(office.ok("--lang", lang, *args, "--fields", ",".join(names)).split())
            for name in names:
                asked += 1
                if name not in words:
                    continue
                shown = office.ok("--lang", lang, *args, "--fields", name)
                if any(line.strip() == name for line in shown.splitlines()):
                    raw.append(f"{command} --fields {name} ({lang})")
    assert asked > 300
    assert raw == [], "\n".join(raw)


def test_doctor_and_remind_take_format_and_fields(office: Cli) -> None:
    checks = office.json("doctor", "--fields", "check,status")
    assert {"check": "integrity", "status": "ok"} in checks
    items = office.ok(
        "remind", "--as-of", "2022-07-01", "--format", "csv", "--fields", "section,id"
    )
    assert items.splitlines() == ["section,id", "overdue,1"]


# --- plain output, NO_COLOR, no prompt ---------------------------------------------------------


def plain(text: str) -> bool:
    return not ANSI.search(text) and not BOX.search(text) and "…" not in text


def test_plain_output_when_stdout_is_not_a_terminal(office: Cli, db: str) -> None:
    # The installed command with its stdout on a pipe, as a script reads it.
    done = run("--lang", "vi", "list", "--as-of", "2022-07-01", db=db)
    assert done.returncode == 0, done.stderr
    assert plain(done.stdout), done.stdout
    assert LONG.strip() in done.stdout  # the long text on one line, whole
    # The same decision in process, for the other listings.
    for args in (["overdue", "--as-of", "2022-07-01"], ["meetings"], ["list"]):
        result = office("--lang", "vi", *args)
        assert result.exit_code in (0, 3), result.stderr
        assert plain(result.stdout), args
    assert LONG.strip() in office.ok("list")


def on_terminal(
    args: list[str], env: dict[str, str], *, stderr: bool = False, forked: bool = False
) -> str:
    """Run dirtrack with its stdout (and with ``stderr``, its stderr) on a pseudo-terminal, as
    a person at a terminal would: the installed entry point, or (``forked``) the fork
    server's, whose process has the terminal as its stdout all the same."""
    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [program(forked), *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary if stderr else subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "200", **env},
    )
    os.close(secondary)
    chunks = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                data = os.read(main, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_usage_error_at_a_terminal_shows_the_usage(tmp_path: Path) -> None:
    args = ["--lang", "vi", "assign", "1", "x", "--nope"]
    shown = ANSI.sub("", on_terminal(args, {}, stderr=True))
    assert "Cách dùng: dirtrack assign" in shown
    assert "Không có tùy chọn: --nope" in shown
    assert not shown.startswith("Error: ")
    # the panel's title was Typer's English "Error" under --lang vi
    assert "╭─ Lỗi ─" in shown and "Error" not in shown, shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color(office: Cli, db: str) -> None:
    # what the command draws at a terminal (forked: the usage error above starts the installed
    # entry point at one)
    args = ["--db", db, "overdue", "--as-of", "2022-07-01"]
    coloured = on_terminal(args, {}, forked=True)
    assert COLOUR.search(coloured), coloured
    plain = on_terminal(args, {"NO_COLOR": "1"}, forked=True)
    assert "Overdue" in plain or "Quá hạn" in plain
    assert not COLOUR.search(plain), plain


@pytest.mark.parametrize(
    "args",
    [
        ["add-meeting", "--date", "6/5/2022"],
        ["add-meeting", "--title", "Họp"],
        ["assign", "1"],
        ["extend", "1"],
        ["add-limitation", "1", "Thiếu xe"],
        ["unit", "add", "X"],
        ["unit", "retire", "BTC"],
        ["import"],
        ["completion"],
    ],
)
def test_no_prompt_ever_a_missing_value_is_a_usage_error(office: Cli, args: list[str]) -> None:
    # Answers are there to be read: a prompt would take them and go on.
    result = office(*args, input="y\nyes\n")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Missing" in result.stderr or "missing" in result.stderr


def test_no_prompt_from_the_installed_command_without_a_terminal(office: Cli, db: str) -> None:
    started = time.monotonic()
    done = run("assign", "1", db=db, input="y\nyes\n")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Missing" in done.stderr or "missing" in done.stderr
    assert time.monotonic() - started < 60
    # One line, as every other error, for the script to log.
    assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, done.stderr


def test_undo_never_waits_for_an_answer_without_a_terminal(office: Cli, db: str) -> None:
    # undo's own refusal, in a process with no terminal (forked: the test above starts the
    # installed entry point without one)
    done = run("undo", db=db, input="y\n", forked=True)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Error: ") and "--yes" in done.stderr
    result = office("undo", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "undone" in result.stderr


# --- keys make a script safe to re-run ----------------------------------------------------------


def test_add_meeting_key_makes_a_rerun_safe(units: Cli, db_path: Path) -> None:
    args = [
        "add-meeting",
        "--date",
        "6/5/2022",
        "--title",
        "Giao ban",
        "--attendee",
        "VPTU",
        "--key",
        "gb-2022-05",
    ]
    first = units.json(*args)
    digest = file_digest(db_path)
    result = units(*args)
    assert result.exit_code == 0 and int(result.stdout) == first["id"]
    assert "gb-2022-05" in result.stderr
    retitled = [("Tên khác" if a == "Giao ban" else a) for a in args]
    again = units.json(*retitled)
    assert again == first
    assert file_digest(db_path) == digest
    assert len(units.json("meetings")) == 1


def test_assign_key_makes_a_rerun_safe(meeting: int, units: Cli, db_path: Path) -> None:
    args = ["assign", str(meeting), "--attendees", "--key", "kl-1", "Nâng cao chất lượng tham mưu"]
    ids = units.ok(*args).split()
    assert len(ids) == 4
    digest = file_digest(db_path)
    assert units.ok(*args).split() == ids
    assert file_digest(db_path) == digest
    assert len(units.json("list")) == 4


# --- the cron examples, as a new user runs them ----------------------------------------------

FAKE_MAIL = """#!/bin/sh
# A stand-in for mail(1): keeps each message as a file in $OUTBOX.
n=$(ls "$OUTBOX" | wc -l)
{ printf 'args:'; printf ' [%s]' "$@"; printf '\\n'; cat; } > "$OUTBOX/mail-$n.txt"
"""


@pytest.fixture
def newcomer(tmp_path: Path, db: str) -> dict[str, str]:
    """A fresh account's environment: bare PATH plus dirtrack, a config file naming the database,
    mail(1) replaced by a stand-in that keeps the messages. The ``dirtrack`` on that PATH is
    the fork server's (tests/forkserver.py): each command a script runs is a process of its
    own, with the script's environment, folder, streams and exit code, started in
    milliseconds rather than a second and a half; :func:`installed` puts the installed entry
    point there instead."""
    home = tmp_path / "home"
    config = home / ".config" / "dirtrack"
    config.mkdir(parents=True)
    (config / "config.toml").write_text(f'db = "{db}"\nlang = "vi"\n', encoding="utf-8")
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    mailer = tmp_path / "fake-mail"
    mailer.write_text(FAKE_MAIL, encoding="utf-8")
    mailer.chmod(0o755)
    return {
        "HOME": str(home),
        "PATH": f"{Path(program(forked=True)).parent}:/usr/bin:/bin",
        "MAILER": str(mailer),
        "OUTBOX": str(outbox),
        "LANG": "C.UTF-8",
    }


def installed(env: dict[str, str]) -> dict[str, str]:
    """:func:`newcomer`'s environment with the installed entry point on PATH, as cron finds it
    after ``pip install``."""
    return {**env, "PATH": f"{Path(ENTRY_POINT).parent}:/usr/bin:/bin"}


def cron(script: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(CRON / script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=env["HOME"],
    )


def outbox(env: dict[str, str]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(Path(env["OUTBOX"]).iterdir())]


def vn(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


@pytest.fixture
def today_office(units: Cli) -> Cli:
    """Deadlines around today, since cron runs on today's date."""
    today = date.today()
    m = units.id("add-meeting", "--date", vn(today - timedelta(days=60)), "--title", "Giao ban")
    units.ok(
        "assign",
        str(m),
        "--unit",
        "VPTU",
        "--due",
        vn(today - timedelta(days=10)),
        "Báo cáo quá hạn",
    )
    units.ok(
        "assign",
        str(m),
        "--unit",
        "BTC",
        "--due",
        vn(today + timedelta(days=3)),
        "Đề án sắp đến hạn",
    )
    units.ok(
        "assign", str(m), "--unit", "BDV", "--due", vn(today + timedelta(days=90)), "Việc còn xa"
    )
    return units


def test_morning_reminder_mails_each_unit_with_something_due(
    today_office: Cli, newcomer: dict[str, str], tmp_path: Path
) -> None:
    recipients = tmp_path / "recipients"
    recipients.write_text(
        "# địa chỉ  đơn vị\nvptu@example.vn VPTU\n\nbtc@example.vn Ban Tổ chức Tỉnh ủy\n"
        "bdv@example.vn BDV\n",
        encoding="utf-8",
    )
    done = cron("morning-reminder.sh", str(recipients), env=newcomer)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""  # cron mails nothing else
    mails = outbox(newcomer)
    assert len(mails) == 2
    vptu, btc = mails
    assert "[vptu@example.vn]" in vptu and "Nhắc việc: VPTU" in vptu
    assert "Báo cáo quá hạn" in vptu and "quá hạn 10 ngày" in vptu
    assert "[btc@example.vn]" in btc and "Nhắc việc: Ban Tổ chức Tỉnh ủy" in btc
    assert "Đề án sắp đến hạn" in btc and "còn 3 ngày" in btc
    assert not any(ANSI.search(m) for m in mails)
    assert not any("Việc còn xa" in m for m in mails)


def test_morning_reminder_reports_an_unknown_unit_and_goes_on(
    today_office: Cli, newcomer: dict[str, str], tmp_path: Path
) -> None:
    recipients = tmp_path / "recipients"
    recipients.write_text("x@example.vn XYZ\nvptu@example.vn VPTU\n", encoding="utf-8")
    done = cron("morning-reminder.sh", str(recipients), env=newcomer)
    assert done.returncode == 1
    # The office's locale is Vietnamese, so is the error line; `Error:` itself never changes.
    assert "XYZ: Error: đơn vị 'XYZ' chưa được đăng ký" in done.stderr
    assert len(outbox(newcomer)) == 1


def test_monday_overdue_mails_the_chief_only_when_something_is_overdue(
    today_office: Cli, newcomer: dict[str, str]
) -> None:
    done = cron("monday-overdue.sh", "chanhvanphong@example.vn", env=newcomer)
    assert done.returncode == 0, done.stderr
    (mail,) = outbox(newcomer)
    assert "[chanhvanphong@example.vn]" in mail and "Nhiệm vụ quá hạn" in mail
    assert "Báo cáo quá hạn" in mail and "Đề án sắp đến hạn" not in mail
    assert not ANSI.search(mail) and not BOX.search(mail)
    today_office.ok("done", "1")
    again = cron("monday-overdue.sh", "chanhvanphong@example.vn", env=newcomer)
    assert again.returncode == 0 and again.stdout == "" and again.stderr == ""
    assert len(outbox(newcomer)) == 1


def test_monday_overdue_passes_an_error_on_to_cron(
    newcomer: dict[str, str], tmp_path: Path
) -> None:
    config = Path(newcomer["HOME"]) / ".config" / "dirtrack" / "config.toml"
    config.write_text(f'db = "{tmp_path / "no-such-folder" / "x.db"}"\n', encoding="utf-8")
    # the installed entry point, found on cron's PATH (the other cron tests: the fork server's)
    done = cron("monday-overdue.sh", "chanhvanphong@example.vn", env=installed(newcomer))
    assert done.returncode == 1
    assert done.stderr.startswith("Error: cannot create")
    assert outbox(newcomer) == []


def test_quarter_end_report_files_json_and_markdown(
    office: Cli, newcomer: dict[str, str], tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    done = cron("quarter-end-report.sh", str(reports), env={**newcomer, "PERIOD": "2022Q2"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2022-Q2:")
    assert sorted(p.name for p in reports.iterdir()) == ["2022-Q2.json", "2022-Q2.md"]
    report = json.loads((reports / "2022-Q2.json").read_text(encoding="utf-8"))
    period = report["period"]
    assert (period["label"], period["start"], period["end"]) == (
        "2022-Q2",
        "2022-04-01",
        "2022-06-30",
    )
    assert report["totals"]["total"] == 2 and report["totals"]["overdue"] == 0
    assert (reports / "2022-Q2.md").read_text(encoding="utf-8").startswith("# Báo cáo")


@pytest.mark.slow("the quarter-end script run twice (six starts of the installed dirtrack)")
def test_quarter_end_report_runs_again_over_its_own_files(
    office: Cli, newcomer: dict[str, str], tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    for _ in range(2):
        env = {**installed(newcomer), "PERIOD": "2022Q2"}
        done = cron("quarter-end-report.sh", str(reports), env=env)
        assert done.returncode == 0, done.stderr
        assert sorted(p.name for p in reports.iterdir()) == ["2022-Q2.json", "2022-Q2.md"]
    assert not list(reports.glob(".*.part"))


# --- a reader that goes away, Ctrl-C -------------------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register whose listings fill a pipe many times over: 1,500 overdue directives."""
    folder = tmp_path_factory.mktemp("big")
    db = folder / "big.db"
    cli = cli_at(db)
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    sheet = folder / "sheet.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Nội dung", "Đơn vị chủ trì", "Thời hạn"])
    for i in range(1500):
        writer.writerow([f"Nhiệm vụ {i}: rà soát, báo cáo kết quả thực hiện", "VPTU", "30/9/2022"])
    sheet.write_text(buffer.getvalue(), encoding="utf-8")
    cli.ok("import", str(sheet), "--meeting", "1")
    return db


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        pytest.param(["overdue"], marks=pytest.mark.slow("the same pipe, another listing")),
        pytest.param(["export"], marks=pytest.mark.slow("the same pipe, another listing")),
        pytest.param(["list", "--format", "csv"], marks=pytest.mark.slow("another format")),
        # its open directives (next_period) are streamed from a cursor: the reader gone, the
        # cursor was closed after the connection, and SQLAlchemy logged a traceback (what the
        # command does: forked, the installed entry point's start is the first case's)
        ["report", "--quarter", "2022Q2", "--format", "json"],
    ],
)
def test_head_of_a_listing_exits_141_quietly(big: Path, tmp_path: Path, args: list[str]) -> None:
    """`dirtrack list | head -1`, as the README says: exit 141, nothing on stderr. It exited 0,
    its output cut without a word, when stdout was unbuffered (PYTHONUNBUFFERED)."""
    command = " ".join([program(forked=args[0] == "report"), "--db", str(big), *args])
    for unbuffered in ("", "1"):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        if unbuffered:
            env["PYTHONUNBUFFERED"] = unbuffered
        script = f'{command} 2>"{tmp_path / "err"}" | head -1; echo "exit ${{PIPESTATUS[0]}}"'
        done = subprocess.run(
            ["/bin/bash", "-c", script], env=env, capture_output=True, text=True, timeout=120
        )
        lines = done.stdout.splitlines()
        assert len(lines) == 2 and lines[1] == "exit 141", (unbuffered, done.stdout)
        assert (tmp_path / "err").read_text(encoding="utf-8") == ""


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
def test_a_change_whose_reader_went_away_says_it_was_not_recorded(
    big: Path, tmp_path: Path
) -> None:
    """A writing command prints before it commits, so a reader that leaves (`import … --format
    json | head`) takes the change back: it did so with exit 141 and nothing on stderr, while
    the lines read said 'created'. It says, in one line in the run's language, that nothing
    was recorded; exit 141 as for any reader that goes away. (What the command says and
    does: forked from the fork server.)"""
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(big, db)
    sheet = tmp_path / "more.csv"
    rows = [f"Việc thêm {i}: rà soát hồ sơ,VPTU,30/9/2022" for i in range(600)]
    sheet.write_text("Nội dung,Đơn vị chủ trì,Thời hạn\n" + "\n".join(rows) + "\n")
    before = file_digest(db)
    cases = [  # a reader that leaves after a line; one gone before the first line
        ("en", ["import", str(sheet), "--meeting", "1", "--format", "json"], "head -1",
         "Error: the reader of standard output went away before it took all of it: nothing "
         "was recorded"),
        ("vi", ["unit", "add", "BTC", "Ban Tổ chức"], "(exec 0<&-; sleep 1)",
         "Error: chương trình đọc đầu ra chuẩn đã dừng trước khi nhận hết: chưa ghi nhận gì"),
    ]  # fmt: skip
    for lang, args, reader, said in cases:
        command = " ".join(
            [program(forked=True), "--db", str(db), "--lang", lang, *map(repr, args)]
        )
        script = f'{command} 2>"{tmp_path / "err"}" | {reader}; echo "exit ${{PIPESTATUS[0]}}"'
        done = subprocess.run(
            ["/bin/bash", "-c", script], capture_output=True, text=True, timeout=120
        )
        assert done.stdout.splitlines()[-1] == "exit 141", done.stdout
        lines = (tmp_path / "err").read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].startswith(said), lines
        assert file_digest(db) == before, args


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        pytest.param(["overdue"], marks=pytest.mark.slow("the same pipe, another table")),
        pytest.param(["show", "1"], marks=pytest.mark.slow("a reader gone before the output")),
    ],
)
def test_head_of_a_table_drawn_by_rich_exits_141_quietly(
    big: Path, tmp_path: Path, args: list[str]
) -> None:
    """A table rich draws (a forced terminal, or text rich must escape) exited 1: rich's own
    answer to a closed pipe is SystemExit(1). (What the command does with the pipe: forked
    from the fork server.)"""
    command = " ".join([program(forked=True), "--db", str(big), *args])
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "100"}
    # `show` is short: its reader leaves at once, long before dirtrack writes its first line.
    reader = "(exec 0<&-; true)" if args[0] == "show" else "head -1"
    script = f'{command} 2>"{tmp_path / "err"}" | {reader}; echo "exit ${{PIPESTATUS[0]}}"'
    done = subprocess.run(
        ["/bin/bash", "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.splitlines()[-1] == "exit 141", done.stdout
    assert (tmp_path / "err").read_text(encoding="utf-8") == ""


def signal_held(pid: int, signum: int = signal.SIGINT) -> bool:
    """Whether the process holds the signal back (blocked), as dirtrack does SIGINT and SIGTERM
    while it starts: its start-up has begun."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("SigBlk:"):
            return bool(int(line.split()[1], 16) & (1 << (signum - 1)))
    return False


def _ctrl_c_as_at_a_terminal() -> None:
    """In the child before it runs dirtrack: SIGINT at its default, as a shell at a terminal
    starts a command. A shell without job control starts background jobs with SIGINT ignored,
    which their children inherit: a suite run that way would test nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _extract_waiting(tmp_path: Path) -> subprocess.Popen[bytes]:
    """``extract -`` started as at a terminal: it waits on its standard input."""
    return subprocess.Popen(
        [ENTRY_POINT, "--db", str(tmp_path / "x.db"), "extract", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_at_a_terminal,  # noqa: PLW1509 (the suite starts no threads here)
    )


def _signalled_while_starting(tmp_path: Path, signum: int, delay: float) -> tuple[int, str]:
    """``extract -`` (it waits on stdin, so the signal always finds it running) sent
    ``signum`` ``delay`` seconds after dirtrack's own code began (it holds the signal back
    from then until its modules are loaded); its exit code and stderr."""
    child = _extract_waiting(tmp_path)
    started = time.monotonic()
    name = signal.Signals(signum).name
    while not signal_held(child.pid, signum):
        assert child.poll() is None and time.monotonic() - started < 60, f"{name} never held"
        time.sleep(0.001)
    time.sleep(delay)
    child.send_signal(signum)
    _out, err = child.communicate(timeout=120)
    return child.returncode, err.decode()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
@pytest.mark.parametrize(
    "delay",
    [
        0.0,
        0.2,
        *(pytest.param(d, marks=pytest.mark.slow("more moments")) for d in (0.01, 0.03, 0.1, 0.3)),
    ],
)
def test_ctrl_c_in_the_first_quarter_second_is_exit_130_without_a_traceback(
    tmp_path: Path, delay: float
) -> None:
    """Ctrl-C while dirtrack loads its modules printed a 12-44 line traceback.

    The delay counts from the moment dirtrack's own code runs (it then holds SIGINT back
    until its modules are loaded): before that, Python itself is starting, and a Ctrl-C there
    is Python's to report. `extract -` waits on stdin, so the signal always finds it running.
    """
    code, text = _signalled_while_starting(tmp_path, signal.SIGINT, delay)
    assert code == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert text == "" or text == "Error: interrupted\n"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
@pytest.mark.parametrize("delay", [0.0, 0.2, 1.0])
def test_sigterm_while_starting_or_in_a_command_is_143_without_a_traceback(
    tmp_path: Path, delay: float
) -> None:
    """SIGTERM (timeout, systemd) ended dirtrack with no word and the signal's own status; it
    is now held while the modules load, like Ctrl-C, and ends the run with exit 143: silently
    while starting, with one line once the command runs (`extract -` waits on stdin)."""
    code, text = _signalled_while_starting(tmp_path, signal.SIGTERM, delay)
    assert code == 143, text
    assert text == "" or text == "Error: terminated (SIGTERM)\n", text


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_ctrl_c_in_a_command_is_one_error_line_and_130(tmp_path: Path) -> None:
    child = _extract_waiting(tmp_path)
    # Wait until the command blocks reading its standard input (the read system call on fd 0),
    # so the interrupt lands inside the command, not during start-up.
    read_call = {"x86_64": "0", "aarch64": "63"}.get(os.uname().machine)
    if read_call is None:
        pytest.skip("the read system call's number is not known for this processor")
    started = time.monotonic()
    while True:
        assert child.poll() is None and time.monotonic() - started < 120
        fields = Path(f"/proc/{child.pid}/syscall").read_text().split()
        if fields[:2] == [read_call, "0x0"]:
            break
        time.sleep(0.01)
    time.sleep(0.2)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert (child.returncode, err.decode()) == (130, "Error: interrupted\n")


def test_a_stop_while_a_command_builds_a_class_is_one_line_and_its_code(tmp_path: Path) -> None:
    """A SIGTERM or Ctrl-C that lands while a command loads a module and Python builds one of
    its classes (a dataclass field's ``__set_name__``) reached dirtrack wrapped by Python 3.11 in
    ``RuntimeError('Error calling __set_name__ …')`` and was said as an unexpected error, exit
    1. Here the handler's exception is raised at that very place, through the real ``main``."""
    db = tmp_path / "t.db"
    cli_at(db).ok("unit", "add", "VP", "Văn phòng")  # the register, in process
    script = (
        "import sys\n"
        "from dirtrack.errors import Terminated\n"
        "import dirtrack.store.contacts as contacts\n"
        "class Field:\n"
        "    def __set_name__(self, owner, name):\n"
        "        raise {}\n"
        "def contacts_of(_conn):\n"
        "    class Result:\n"
        "        details = Field()\n"
        "contacts.contacts_of = contacts_of\n"
        "import dirtrack.cli\n"
        "sys.argv = ['dirtrack', '--db', sys.argv[1], 'unit', 'list']\n"
        "dirtrack.cli.main()\n"
    )
    for raised, code, line in (
        ("Terminated", 143, "Error: terminated (SIGTERM)\n"),
        ("KeyboardInterrupt", 130, "Error: interrupted\n"),
    ):
        done = subprocess.run(
            [sys.executable, "-c", script.format(raised), str(db)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "DIRTRACK_LANG": "en"},
        )
        assert (done.returncode, done.stderr) == (code, line)


# Each scenario of the test below: a stop raised where a signal's handler may run, as the
# handler raises it (Terminated), through the real `main`, in one process run after run.
_STOP_AT = r"""
import io, json, signal, sys
import sqlalchemy.pool.base as pool
import dirtrack.cli as cli
import dirtrack.cli.app as app
import dirtrack.store.contacts as contacts
from dirtrack.errors import Terminated

db = sys.argv[1]
armed = {"where": None}

def stop_once(where, real=None):
    def patched(*args, **kwargs):
        if armed["where"] == where:
            armed["where"] = None
            raise Terminated
        return real(*args, **kwargs) if real else None
    return patched

class Finalised:
    __del__ = stop_once("finaliser")

class FinalisedThenC:
    __del__ = stop_once("finaliser, then C")

went_on = []
real_contacts = contacts.contacts_of
def contacts_with_a_finaliser(conn):
    if armed["where"] == "finaliser, then C":
        FinalisedThenC()
        went_on.append(1)  # a function written in C: the stop is raised before it runs
    else:
        Finalised()  # freed at once: its __del__ runs here, inside the command
    return real_contacts(conn)

contacts.contacts_of = contacts_with_a_finaliser
pool._ConnectionFairy._reset = stop_once("pool reset", pool._ConnectionFairy._reset)
app.err = stop_once("error said", app.err)
cli._after_the_run = stop_once("exit", cli._after_the_run)
said = []
for where, args in [
    ("finaliser", ["unit", "list"]),
    ("finaliser, then C", ["unit", "list"]),
    ("pool reset", ["unit", "list"]),
    ("error said", ["show", "99"]),
    ("exit", ["unit", "list"]),
]:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    armed["where"] = where
    sys.argv = ["dirtrack", "--db", db, *args]
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        cli.main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        sys.setprofile(None)
    said.append([where, code, err.getvalue(), armed["where"] is None])
said.append(["went on after the finaliser", len(went_on), "", True])
print(json.dumps(said))
"""


def test_a_stop_in_a_finaliser_a_rollback_an_error_line_or_the_exit_is_its_code_alone(
    tmp_path: Path,
) -> None:
    """Where a SIGTERM's handler can run but its exception could not go its way: inside a
    finaliser (a ``__del__``, a weakref callback), where Python printed "Exception ignored in
    …" with a traceback and the command went on; inside SQLAlchemy's rollback of a connection
    handed back, whose pool logged "Exception during reset or similar" with a traceback; while
    a failure's line was being said, which Click took for its own "Aborted!", exit 1; as the
    run handed over to Python's exit, a traceback. Each ends the run with 143 and at most the
    one line (the handler's exception raised at that very place, through the real ``main``).
    A stop caught in a finaliser is raised before the next function, one written in C too (a
    ``time.sleep`` after it slept its whole time first, under a test that waited for it)."""
    db = tmp_path / "t.db"
    cli_at(db).ok("unit", "add", "VP", "Văn phòng")  # the register, in process
    done = subprocess.run(
        [sys.executable, "-c", _STOP_AT, str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DIRTRACK_LANG": "en"},
    )
    assert done.returncode == 0, done.stderr
    said = {where: (code, err, left) for where, code, err, left in json.loads(done.stdout)}
    line = "Error: terminated (SIGTERM)\n"
    assert said == {
        "finaliser": (143, line, True),
        "finaliser, then C": (143, line, True),
        "went on after the finaliser": (0, "", True),
        "pool reset": (143, line, True),
        "error said": (143, "", True),
        "exit": (143, "", True),
    }
