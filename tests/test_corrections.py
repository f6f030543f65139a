"""Correcting records: edit, delete, reopen, unit rename; undo by actor or by id, asking first;
no silent duplicates; every correction one change in the history that undo takes back."""

from __future__ import annotations

import json
import os
import pty
import select
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ENTRY_POINT, Cli, prebuilt, snapshot


def records(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the change log: what undo must put back exactly."""
    return {k: v for k, v in snapshot(db).items() if k != "change_log"}


def last_command(cli: Cli) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(cli.ok("history", "--limit", "1", "--format", "json"))[0]
    return found


def unchanged(cli: Cli, db: str, *args: str, contains: str = "", code: int = 1) -> str:
    """``args`` fails with one Error line, exit ``code``, and leaves every table as it was."""
    before = snapshot(db)
    message = cli.fail(*args, code=code)
    assert contains in message, message
    assert snapshot(db) == before
    return message


@pytest.fixture
@prebuilt
def office(units: Cli, meeting: int) -> Cli:
    """Directive 1 (BTC, due 30/9/2022, with VPTU) and limitation 1 at the seed meeting."""
    units.ok(
        "assign", str(meeting), "--unit", "BTC", "--with", "VPTU", "--due", "30/9/2022",
        "Bổ sung thành viên đoàn công tác",
    )  # fmt: skip
    units.ok("add-limitation", str(meeting), "--unit", "VPTU", "Thiếu lái xe")
    return units


# --- edit directive ---------------------------------------------------------------------------


def test_edit_directive_corrects_text_unit_with_due_product(office: Cli, db: str) -> None:
    before = records(db)
    got = office.json(
        "edit", "directive", "1", "--text", "Bổ sung  thành viên đoàn", "--unit", "Ban Dân vận",
        "--with", "BTC", "--with", "UBKT", "--due", "quý IV/2022", "--product", "Tờ trình",
    )  # fmt: skip
    assert (got["id"], got["unit"], got["text"]) == (1, "BDV", "Bổ sung thành viên đoàn")
    assert sorted(got["with"]) == ["BTC", "UBKT"]
    assert got["original_due"] == got["due"] == "2022-12-31"
    assert got["product"] == "Tờ trình" and got["extensions"] == 0
    command = last_command(office)
    assert command["command"] == "edit directive"
    update = next(c for c in command["changes"] if c["entity"] == "directive")
    assert update["fields"]["original_due"] == ["2022-09-30", "2022-12-31"]
    assert update["fields"]["text"] == [
        "Bổ sung thành viên đoàn công tác",
        "Bổ sung thành viên đoàn",
    ]
    office.ok("undo", "--yes")
    assert records(db) == before


def test_edit_due_and_a_request_count_on_the_offices_calendar(office: Cli, meeting: int) -> None:
    """edit --due and request extend --to read a WHEN on the national calendar alone: with
    Monday 9/5/2022 an office day off (calendar add), 'trong 3 ngày làm việc' from the meeting
    of Friday 6/5 was 11/5 where assign --due gives 12/5, and 'trước ngày 9/5/2022' the day
    off itself where assign gives Friday 6/5."""
    office.ok("calendar", "add", "2022-05-09", "--off", "--note", "nghỉ bù")
    m = str(meeting)
    for when, day in (
        ("trong 3 ngày làm việc", "2022-05-12"),
        ("trước ngày 9/5/2022", "2022-05-06"),
    ):
        assigned = office.json("assign", m, "--unit", "BDV", f"Việc {when}", "--due", when)
        assert assigned["due"] == day
        edited = office("edit", "directive", "1", "--due", when, "--format", "json")
        assert edited.exit_code == 0, edited.stderr
        assert json.loads(edited.stdout)["due"] == day, when
    office.ok("edit", "directive", "1", "--due", "6/5/2022")
    office.ok("extend", "1", "--to", "31/5/2022", "--date", "7/5/2022")
    office.ok("calendar", "add", "2022-06-13", "--off")
    office.ok("request", "extend", "1", "--to", "trước ngày 13/6/2022", "--reason", "Chờ",
              "--date", "8/5/2022")  # fmt: skip
    [asked] = office.json("requests")
    assert asked["to"] == "2022-06-10"  # Friday: Monday 13/6 is off


def test_a_relative_deadline_of_an_occurrence_counts_from_its_issue_day(
    office: Cli, meeting: int
) -> None:
    """The August 2022 occurrence of a monthly duty set at the meeting of 6/5/2022 is given on
    Monday 1/8: 'trong 10 ngày làm việc' on it is 15/8 (edit --due), not 20/5 from the meeting,
    before the occurrence exists; extend --to and request extend --to count as edit does."""
    office.ok("assign", str(meeting), "Báo cáo tháng", "--unit", "VPTU", "--every", "month",
              "--until", "2022-12-31")  # fmt: skip
    [august] = [
        d["id"]
        for d in office.json("list", "--as-of", "2022-12-31")
        if d["series_id"] and d["period"] == "2022-08"
    ]
    edited = office.json("edit", "directive", str(august), "--due", "trong 10 ngày làm việc")
    assert (edited["due"], edited["due_phrase"]) == ("2022-08-15", "trong 10 ngày làm việc")
    office.ok("request", "extend", str(august), "--to", "trong 15 ngày làm việc",
              "--reason", "Chờ số liệu", "--date", "2022-08-10")  # fmt: skip
    [asked] = office.json("requests")
    assert asked["to"] == "2022-08-22"
    office.ok("extend", str(august), "--to", "trong 20 ngày làm việc", "--date", "2022-08-12")
    shown = office.json("show", str(august))
    assert shown["due"] == "2022-08-29"


def test_an_act_dated_before_an_occurrence_was_issued_is_refused(
    office: Cli, meeting: int, db: str
) -> None:
    """The August 2022 occurrence of a monthly duty set at the meeting of 6/5/2022 exists from
    its issue day, 1/8: every act dated before it (and a deadline before it) is refused like one
    before the meeting, naming that day, in either language; on 1/8 it is taken."""
    office.ok("assign", str(meeting), "Báo cáo tháng", "--unit", "VPTU", "--every", "month",
              "--until", "2022-12-31")  # fmt: skip
    [august] = [
        str(d["id"])
        for d in office.json("list", "--as-of", "2022-12-31")
        if d["series_id"] and d["period"] == "2022-08"
    ]
    issued = "before it was issued (2022-08-01)"
    for args in (
        ("done", august, "--date", "2022-07-28"),
        ("done", august, "--date", "2022-08-05", "--doc", "12/BC", "--doc-date", "2022-07-30"),
        ("progress", august, "--percent", "10", "--date", "2022-07-31"),
        ("extend", august, "--to", "2022-09-30", "--date", "2022-07-28"),
        ("extend", august, "--to", "2022-07-29", "--date", "2022-08-02"),
        ("cancel", august, "--date", "2022-07-15", "--reason", "Trùng"),
        ("request", "extend", august, "--to", "30/9/2022", "--reason", "Chờ", "--date", "7/7/2022"),
        ("request", "withdraw", august, "--reason", "Không còn cần", "--date", "2022-07-01"),
        ("edit", "directive", august, "--due", "2022-07-29"),
    ):
        unchanged(office, db, *args, contains=issued)
    message = unchanged(office, db, "extend", august, "--to", "2022-09-30", "--date", "2022-07-28")
    assert message == f"Error: the approval date 2022-07-28 of directive {august} is {issued}"
    vi = unchanged(office, db, "--lang", "vi", "done", august, "--date", "2022-07-28")
    assert vi == (
        f"Error: ngày hoàn thành 28/07/2022 của nhiệm vụ {august} trước ngày nhiệm vụ được giao "
        "(01/08/2022)"
    ), vi
    office.ok("progress", august, "--percent", "10", "--date", "2022-08-01")
    office.ok("done", august, "--date", "2022-08-03")
    unchanged(office, db, "reopen", august, "--date", "2022-07-30", contains=issued)


def test_edit_directive_no_with_and_lead_leaves_coordinators(office: Cli) -> None:
    got = office.json("edit", "directive", "1", "--unit", "VPTU")
    assert got["unit"] == "VPTU" and got["with"] == []  # the lead is not its own coordinator
    office.ok("edit", "directive", "1", "--with", "BDV")
    assert office.json("edit", "directive", "1", "--no-with")["with"] == []
    assert office.json("edit", "directive", "1", "--no-due")["due"] is None


def test_no_due_is_refused_while_an_extension_is_in_force(
    office: Cli, db: str, tmp_path: Path
) -> None:
    """`edit directive --no-due` after an approved extension removed the deadline given at the
    meeting only: the extension stayed in force in silence (`show` said due 2022-10-31 and no
    deadline given; the office sheet wrote 31/10 as the deadline given, the move lost). It is
    refused, naming the extension and the way; the sheet agrees with `show` throughout."""
    from openpyxl import load_workbook

    office.ok("extend", "1", "--to", "31/10/2022", "--date", "20/9/2022", "--reason", "CV 45")

    def sheet_row() -> tuple[Any, Any]:
        out = tmp_path / "so.xlsx"
        office.ok("export", "--format", "xlsx", "--out", str(out), "--force")
        rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
        header = next(r for r in rows if r and r[0] == "No.")
        row = next(r for r in rows if r and r[0] == 1)
        due, extended = row[header.index("Deadline")], row[header.index("Extended to")]
        return (due and due.date().isoformat(), extended and extended.date().isoformat())

    message = unchanged(office, db, "edit", "directive", "1", "--no-due")
    assert message == (
        "Error: directive 1 has an approved extension to 2022-10-31, which would stay in force "
        "with no deadline given: --no-due removes the deadline given at the meeting only; take "
        "the extension back first (dirtrack history shows its change, dirtrack undo CHANGE "
        "takes it back), or correct the deadline with --due"
    )
    vi = unchanged(office, db, "--lang", "vi", "edit", "directive", "1", "--no-due")
    assert vi.startswith("Error: nhiệm vụ 1 đã được gia hạn đến 31/10/2022"), vi
    shown = office.json("show", "1")
    assert (shown["original_due"], shown["due"], shown["extensions"]) == (
        "2022-09-30",
        "2022-10-31",
        1,
    )
    assert sheet_row() == ("2022-09-30", "2022-10-31")
    # the extension taken back, the deadline given may go: none in force, nor in the sheet
    change = next(c["id"] for c in office.json("history") if c["command"].startswith("extend"))
    office.ok("undo", str(change), "--yes")
    office.ok("edit", "directive", "1", "--no-due")
    shown = office.json("show", "1")
    assert (shown["original_due"], shown["due"], shown["extensions"]) == (None, None, 0)
    assert sheet_row() == (None, None)


def test_edit_clears_the_optional_fields_of_a_meeting_and_a_directive(
    office: Cli, db: str, meeting: int
) -> None:
    """A chair, position, document number, note or attending units typed on the wrong meeting,
    or a product on the wrong directive, could not be taken off: `--note ""` was refused as an
    empty value (`leave the option out`), and no option cleared them (`--no-with`, `--no-due`
    and `--no-field` were the only ones). `--no-chair`, `--no-chair-title`, `--no-doc`,
    `--no-note`, `--no-attendees` and `--no-product` clear them, one change undo takes back;
    given with the option that sets the field, a usage error, nothing written."""
    m = str(meeting)
    office.ok("edit", "meeting", m, "--doc", "46-TB/TU", "--note", "Ghi nhầm")
    office.ok("edit", "directive", "1", "--product", "Tờ trình")
    before = records(db)
    got = office.json(
        "edit", "meeting", m, "--no-chair", "--no-chair-title", "--no-doc", "--no-note",
        "--no-attendees",
    )  # fmt: skip
    assert [got[k] for k in ("chair", "chair_title", "doc", "note", "attendees")] == [
        None, None, None, None, []
    ]  # fmt: skip
    assert office.json("edit", "directive", "1", "--no-product")["product"] is None
    exported = json.loads(office.ok("export"))
    held = next(x for x in exported["meetings"] if x["id"] == meeting)
    assert (held["chair"], held["doc"], held["note"], held["attendees"]) == (None, None, None, [])
    assert exported["directives"][0]["product"] is None
    office.ok("undo", "--yes", "-n", "2")
    assert records(db) == before
    pairs = [("--note", "--no-note"), ("--doc", "--no-doc"), ("--chair", "--no-chair"),
             ("--chair-title", "--no-chair-title"), ("--attendee", "--no-attendees")]  # fmt: skip
    for given, clear in pairs:
        said = unchanged(office, db, "edit", "meeting", m, given, "BTC", clear, code=2)
        assert f"{given} and {clear} cannot be used together" in said
    said = unchanged(office, db, "edit", "directive", "1", "--product", "x", "--no-product", code=2)
    assert "--product and --no-product cannot be used together" in said
    vi = office("--lang", "vi", "edit", "directive", "1", "--product", "x", "--no-product")
    assert vi.exit_code == 2 and "không dùng --product cùng với --no-product" in vi.stderr


def test_a_lead_unit_left_out_of_the_coordinating_units_is_said(office: Cli, meeting: int) -> None:
    """A coordinating unit made the lead (`edit directive --unit`), or the lead named with
    `--with` (`assign`, `edit`), left the coordinating units without a word, where an office
    sheet's row says it: the command now says it on stderr, in the run's language."""
    made = office("edit", "directive", "1", "--unit", "VPTU")  # VPTU coordinated it
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines()[0] == (
        "VPTU leads directive 1 now and is no longer among its coordinating units (a unit does "
        "not coordinate what it leads)"
    )
    assert office.json("show", "1")["with"] == []
    named = office("assign", str(meeting), "--unit", "BTC", "--with", "btc", "--with", "UBKT", "x")
    assert named.exit_code == 0 and named.stdout.strip() == "2", named.stderr
    assert named.stderr.splitlines() == [
        "BTC leads directive 2 and was named among its coordinating units too: kept as the lead "
        "only (a unit does not coordinate what it leads)"
    ]
    assert office.json("show", "2")["with"] == ["UBKT"]
    vi = office("--lang", "vi", "edit", "directive", "2", "--with", "BTC", "--with", "BDV")
    assert vi.stderr.splitlines()[0] == (
        "BTC chủ trì nhiệm vụ 2 nhưng cũng được nêu trong các đơn vị phối hợp: chỉ giữ là đơn vị "
        "chủ trì (một đơn vị không phối hợp việc do chính mình chủ trì)"
    )
    plain = office("edit", "directive", "2", "--unit", "UBKT", "--with", "BDV")
    assert plain.stderr.splitlines()[0].startswith("directive 2 corrected"), plain.stderr
    # A recurring duty (--every) dropped its lead from its coordinating units without a word:
    # said the same way, once for the series, never once per occurrence.
    base = ("assign", str(meeting), "Báo cáo tháng", "--every", "month", "--day", "20")
    series = office(*base, "--unit", "BTC", "--unit", "BDV", "--with", "btc", "--with", "UBKT")
    assert series.exit_code == 0, series.stderr
    first, second = (int(x) for x in series.stdout.split())
    assert series.stderr.splitlines() == [
        f"BTC leads series {first} and was named among its coordinating units too: kept as the "
        "lead only (a unit does not coordinate what it leads)"
    ]
    assert office.json("series", "show", str(first))["with"] == ["UBKT"]
    assert office.json("series", "show", str(second))["with"] == ["BTC", "UBKT"]
    vi = office("--lang", "vi", *base, "--unit", "BDV", "--with", "BDV", "--allow-duplicate")
    assert vi.exit_code == 0, vi.stderr
    assert vi.stderr.splitlines() == [
        f"BDV chủ trì nhiệm vụ định kỳ {vi.stdout.strip()} nhưng cũng được nêu trong các đơn vị "
        "phối hợp: chỉ giữ là đơn vị chủ trì (một đơn vị không phối hợp việc do chính mình chủ trì)"
    ]
    quiet = office(*base, "--unit", "UBKT", "--with", "BTC", "--allow-duplicate")
    assert quiet.exit_code == 0 and quiet.stderr == "", quiet.stderr


def test_edit_directive_refuses_what_breaks_a_rule(office: Cli, db: str) -> None:
    unchanged(
        office, db, "edit", "directive", "1", "--due", "1/5/2022", contains="before the meeting"
    )
    unchanged(office, db, "edit", "directive", "1", "--unit", "Không có", contains="Không có")
    unchanged(office, db, "edit", "directive", "9", "--text", "x", contains="9")
    unchanged(office, db, "edit", "directive", "1", contains="nothing to change")
    unchanged(office, db, "edit", "directive", "1", "--text", "   ")
    unchanged(office, db, "edit", "directive", "1", "--with", "BTC", "--no-with", code=2)
    unchanged(office, db, "edit", "directive", "1", "--due", "30/9/2022", "--no-due", code=2)
    unchanged(office, db, "edit", "directive", "0", "--text", "x")
    unchanged(office, db, "edit", "chỉ thị", "1", "--text", "x", contains="unknown kind")
    office.ok("extend", "1", "--to", "31/10/2022", "--date", "20/9/2022")
    unchanged(office, db, "edit", "directive", "1", "--due", "31/10/2022", contains="extension")
    assert office.json("edit", "directive", "1", "--due", "15/10/2022")["due"] == "2022-10-31"


def test_edit_with_the_same_values_records_nothing(office: Cli, db: str) -> None:
    before = snapshot(db)
    result = office("edit", "directive", "1", "--text", "Bổ sung thành viên đoàn công tác")
    assert result.exit_code == 0 and "nothing changed" in result.stderr
    assert snapshot(db) == before


# --- edit meeting, limitation, unit rename -------------------------------------------------------


def test_edit_meeting_fields_and_attendees(office: Cli, meeting: int, db: str) -> None:
    before = records(db)
    got = office.json(
        "edit", "meeting", str(meeting), "--date", "5/5/2022", "--title", "Họp sửa",
        "--chair", "Nguyễn Văn A", "--chair-title", "Bí thư", "--kind", "giao ban",
        "--doc", "46-TB/TU", "--note", "ghi chú", "--attendee", "UBKT", "--attendee", "BDV",
    )  # fmt: skip
    assert got["date"] == "2022-05-05" and got["title"] == "Họp sửa" and got["kind"] == "briefing"
    assert got["attendees"] == ["BDV", "UBKT"] and got["doc"] == "46-TB/TU"
    assert office.json("list")[0]["meeting_date"] == "2022-05-05"
    office.ok("undo", "--yes")
    assert records(db) == before


def test_edit_meeting_refuses_a_date_after_its_directives_dates(
    office: Cli, meeting: int, db: str
) -> None:
    unchanged(
        office, db, "edit", "meeting", str(meeting), "--date", "1/10/2022", contains="2022-09-30"
    )
    office.ok("done", "1", "--date", "10/5/2022")
    message = unchanged(office, db, "edit", "meeting", str(meeting), "--date", "11/5/2022")
    assert "completion" in message and "directive 1" in message
    unchanged(office, db, "edit", "meeting", str(meeting), "--kind", "tiệc", contains="tiệc")
    later = office.id("add-meeting", "--date", "1/6/2022", "--title", "Họp sau")
    office.ok("add-limitation", str(later), "--unit", "VPTU", "Thiếu lái xe", "--repeat-of", "1")
    message = unchanged(office, db, "edit", "meeting", str(later), "--date", "2/5/2022")
    assert "limitation 2" in message and "limitation 1" in message
    unchanged(office, db, "edit", "meeting", "77", "--title", "x", contains="77")
    unchanged(office, db, "edit", "meeting", str(meeting), "--attendee", "XYZ")
    assert (
        office.json("edit", "meeting", str(meeting), "--date", "10/5/2022")["date"] == "2022-05-10"
    )


def test_edit_meeting_refuses_a_date_after_a_series_it_gave_starts(
    office: Cli, meeting: int, db: str
) -> None:
    """`assign --every --from` refuses a series starting before its meeting; moving the
    meeting after the series' first day was taken, leaving it so (and its first occurrence
    given before the meeting that gave it)."""
    office.ok(
        "assign", str(meeting), "Báo cáo tháng", "--unit", "BTC", "--every", "month",
        "--from", "10/5/2022", "--until", "31/7/2022",
    )  # fmt: skip
    message = unchanged(office, db, "edit", "meeting", str(meeting), "--date", "11/5/2022")
    assert message == (
        "Error: meeting 1 cannot be moved to 2022-05-11: the first day of series 1 is "
        "2022-05-10, before it"
    )
    assert "ngày bắt đầu của nhiệm vụ định kỳ 1 là 10/05/2022" in unchanged(
        office, db, "--lang", "vi", "edit", "meeting", str(meeting), "--date", "11/5/2022"
    )
    office.ok("edit", "meeting", str(meeting), "--date", "10/5/2022")


def test_edit_meeting_refuses_a_date_after_a_request_or_a_result_at_it(
    office: Cli, meeting: int, db: str
) -> None:
    """`request` and `done` refuse a day before the meeting, so moving the meeting after one is
    refused as for the other dates: a request's day, and a completion waiting for acceptance
    (no completion date yet, but the day reported and the result document's date)."""
    office.ok(
        "request", "extend", "1", "--to", "31/10/2022", "--reason", "Chờ", "--date", "20/5/2022"
    )
    message = unchanged(office, db, "edit", "meeting", str(meeting), "--date", "21/5/2022")
    assert message == (
        "Error: meeting 1 cannot be moved to 2022-05-21: the request date of directive 1 is "
        "2022-05-20, before it"
    )
    assert "ngày đề nghị của nhiệm vụ 1 là 20/05/2022" in unchanged(
        office, db, "--lang", "vi", "edit", "meeting", str(meeting), "--date", "21/5/2022"
    )
    office.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    other = office.id("assign", str(meeting), "--unit", "BDV", "--due", "30/9/2022", "Đề án B")
    office.ok(
        "done", str(other), "--date", "15/5/2022", "--doc", "5/BC-BDV", "--doc-date", "12/5/2022"
    )
    assert office.json("show", str(other))["completed_on"] is None  # waits for acceptance
    message = unchanged(office, db, "edit", "meeting", str(meeting), "--date", "13/5/2022")
    assert "result document date of directive 2 is 2022-05-12" in message
    office.ok("edit", "meeting", str(meeting), "--date", "12/5/2022")


def test_edit_limitation(office: Cli, db: str) -> None:
    got = office.json(
        "edit", "limitation", "1", "--text", "Thiếu lái xe và xe", "--unit", "BTC",
        "--category", "phương tiện",
    )  # fmt: skip
    assert (got["unit"], got["text"], got["category"]) == ("BTC", "Thiếu lái xe và xe", "equipment")
    unchanged(office, db, "edit", "limitation", "1", "--category", "nope", contains="nope")
    unchanged(office, db, "edit", "limitation", "5", "--text", "x")
    unchanged(office, db, "edit", "limitation", "1", contains="nothing to change")


@pytest.mark.parametrize(
    ("kind", "missing"),
    [
        ("directive", "Error: no directive with id 99"),
        ("meeting", "Error: no meeting with id 99"),
        ("limitation", "Error: no limitation with id 99"),
    ],
)
def test_edit_of_a_missing_record_names_it_before_asking_for_a_change(
    office: Cli, db: str, kind: str, missing: str
) -> None:
    """`edit limitation 99` with no option said 'nothing to change', as if limitation 99 were
    there: the missing record is said first, in the user's language too."""
    assert unchanged(office, db, "edit", kind, "99") == missing
    vietnamese = unchanged(office, db, "--lang", "vi", "edit", kind, "99")
    assert vietnamese.startswith("Error: không có ") and vietnamese.endswith(" số 99")


def test_unit_rename_keeps_the_old_name_and_code_as_aliases(office: Cli, db: str) -> None:
    before = records(db)
    got = office.json("unit", "rename", "btc", "Ban Tổ chức Tỉnh ủy mới", "--code", "BTCTU")
    assert (got["code"], got["name"]) == ("BTCTU", "Ban Tổ chức Tỉnh ủy mới")
    assert {"BTC", "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức"} <= set(got["aliases"])
    assert office.json("list", "--unit", "BTC")[0]["unit"] == "BTCTU"
    assert office.json("list", "--unit", "ban to chuc tinh uy")[0]["unit"] == "BTCTU"
    unchanged(office, db, "unit", "rename", "BTCTU", "Văn phòng Tỉnh ủy", contains="VPTU")
    unchanged(office, db, "unit", "rename", "BTCTU", "X", "--code", "VPTU", contains="VPTU")
    unchanged(office, db, "unit", "rename", "NOPE", "X")
    unchanged(office, db, "unit", "rename", "BTCTU", "Y", "--code", "bad code")
    office.ok("undo", "--yes")
    assert records(db) == before


# --- delete -------------------------------------------------------------------------------------


def test_delete_meeting_lists_and_takes_its_dependants(office: Cli, meeting: int, db: str) -> None:
    office.ok("progress", "1", "--percent", "20", "--date", "1/6/2022")
    office.ok("extend", "1", "--to", "31/12/2022", "--date", "20/9/2022")
    other = office.id("add-meeting", "--date", "1/7/2022", "--title", "Họp sau")
    repeat = office.id(
        "add-limitation", str(other), "--unit", "VPTU", "Thiếu lái xe", "--repeat-of", "1"
    )
    before = records(db)
    unchanged(office, db, "delete", "meeting", str(meeting), contains="--yes")
    got = office.json("delete", "meeting", str(meeting), "--yes")
    assert got["kind"] == "meeting" and got["record"]["id"] == meeting
    assert got["removed"]["directive"] == [1] and got["removed"]["limitation"] == [1]
    assert got["removed"]["progress_entry"] == [1] and got["removed"]["extension"] == [1]
    assert got["unlinked"] == {"limitation": [repeat]}
    assert [m["id"] for m in office.json("meetings")] == [other]
    assert office.json("list") == []
    assert last_command(office)["id"] == got["change_id"]
    office.ok("undo", str(got["change_id"]), "--yes")
    assert records(db) == before


def test_delete_directive_and_limitation_and_bad_input(office: Cli, db: str) -> None:
    unchanged(office, db, "delete", "directive", "42", "--yes", contains="42")
    unchanged(office, db, "delete", "task", "1", "--yes", contains="unknown kind")
    unchanged(office, db, "delete", "directive", "0", "--yes")
    got = office.json("delete", "directive", "1", "--yes")
    assert got["removed"] == {"directive_coordinator": [[1, 1]]}
    assert office.json("delete", "limitation", "1", "--yes")["removed"] == {}
    assert office.json("limitations") == [] and office.json("list") == []


# --- reopen -------------------------------------------------------------------------------------


def test_reopen_a_completed_or_cancelled_directive(office: Cli, db: str) -> None:
    unchanged(office, db, "reopen", "1", contains="nothing to reopen")
    office.ok("done", "1", "--date", "1/6/2022", "--note", "Báo cáo số 5")
    got = office.json("reopen", "1", "--reason", "Nhập nhầm", "--date", "2/6/2022", "--mistake")
    assert got["completed_on"] is None and got["status"] != "done_on_time"
    command = last_command(office)
    assert command["params"]["reason"] == "Nhập nhầm" and command["params"]["mistake"] is True
    assert [c["entity"] for c in command["changes"]] == ["directive"]
    assert command["changes"][0]["fields"]["completed_on"] == ["2022-06-01", None]
    # recorded by mistake: as if never recorded, on the day it was and in the export
    assert office.json("show", "1", "--as-of", "2022-06-01")["status"] == "open_in_time"
    assert office.json("export")["directives"][0]["closures"] == []
    office.ok("cancel", "1", "--date", "3/6/2022")
    assert office.json("reopen", "1", "--date", "3/6/2022")["cancelled_on"] is None
    unchanged(office, db, "reopen", "77")
    # closed again on the reopening day or later, never on a day the cancellation was in force
    assert unchanged(office, db, "done", "1", "--date", "2/6/2022") == (
        "Error: completion date 2022-06-02 is before the reopening date 2022-06-03 recorded on "
        "directive 1"
    )
    office.ok("done", "1", "--date", "4/6/2022")
    unchanged(office, db, "reopen", "1", "--date", "1/1/2020", contains="before the meeting")
    # Open again from a day before it was closed: refused, naming the day it was closed.
    message = unchanged(office, db, "reopen", "1", "--date", "3/6/2022")
    assert message == (
        "Error: reopening date 2022-06-03 is before the completion date 2022-06-04 recorded on "
        "directive 1"
    )
    assert "ngày mở lại 03/06/2022 trước ngày hoàn thành 04/06/2022" in unchanged(
        office, db, "--lang", "vi", "reopen", "1", "--date", "3/6/2022"
    )
    office.ok("reopen", "1", "--date", "4/6/2022")


def test_a_directive_is_never_closed_again_on_a_day_before_it_was_reopened(
    office: Cli, db: str, tmp_path: Path
) -> None:
    """``reopen 1 --date 15/6`` (the completion of 1/6 was not the work asked for), then
    ``done 1 --date 1/6`` or an old sheet saying it was done on 1/6: recorded, the reopening
    undone without a word. A completion or cancellation dated before the reopening is refused
    as one before an approval is, by ``done``, ``cancel`` and ``import``; on the day itself or
    after, taken; a reopening given no day counts from the day it ran; an undone one, not."""
    office.ok("done", "1", "--date", "1/6/2022")
    sheet = tmp_path / "cu.xlsx"
    office.ok("export", "--format", "xlsx", "--out", str(sheet), "--as-of", "10/6/2022")
    office.ok("reopen", "1", "--date", "15/6/2022", "--reason", "Chưa đạt yêu cầu")
    said = unchanged(office, db, "done", "1", "--date", "1/6/2022")
    assert said == (
        "Error: completion date 2022-06-01 is before the reopening date 2022-06-15 recorded on "
        "directive 1"
    )
    vi = unchanged(office, db, "--lang", "vi", "done", "1", "--date", "1/6/2022")
    assert "ngày hoàn thành 01/06/2022 trước ngày mở lại 15/06/2022" in vi, vi
    unchanged(office, db, "cancel", "1", "--date", "14/6/2022", contains="reopening date")
    said = unchanged(office, db, "import", str(sheet))
    assert "completion date 2022-06-01 is before the reopening date 2022-06-15" in said, said
    assert "column I (Completed on)" in said, said
    office.ok("done", "1", "--date", "15/6/2022")
    office.ok("undo", "--yes")
    # the reopening undone, the completion of 1/6 is back, and a later one is refused as before
    office.ok("undo", "--yes")
    assert office.json("show", "1")["completed_on"] == "2022-06-01"
    office.ok("reopen", "1")  # no --date: from the day it runs, today
    said = unchanged(office, db, "done", "1", "--date", "20/6/2022")
    assert f"before the reopening date {date.today().isoformat()}" in said, said


def test_a_cancellation_reopened_since_still_counts_on_the_days_it_was_in_force(
    office: Cli, tmp_path: Path
) -> None:
    """cancel on 1/7/2022, reopen on 1/8/2022: as of 15/7 the directive was cancelled. The
    report of July (as of 31/7) counted it cancelled before the reopening and still does after
    it, `show --as-of 15/7` says cancelled with the cancellation in its history, `list` and
    `overdue` as of a day say what was so that day, and `export` → `import` keeps the
    cancellation (date, reason) and its reopening."""
    office.ok("cancel", "1", "--date", "1/7/2022", "--reason", "Không còn phù hợp")
    july = ("report", "--period", "2022-07")
    assert office.json(*july)["totals"]["cancelled"] == 1
    office.ok("reopen", "1", "--date", "1/8/2022", "--reason", "Tiếp tục thực hiện")
    assert office.json(*july)["totals"]["cancelled"] == 1
    then = office.json("show", "1", "--as-of", "2022-07-15")
    assert then["status"] == "cancelled" and then["cancelled_on"] == "2022-07-01"
    assert "cancelled" in [e["event"] for e in then["history"]]
    exported = office.json("export")["directives"][0]
    assert "Không còn phù hợp" in json.dumps(exported, ensure_ascii=False)
    # open again from the reopening: in the August report, counted open (it was cancelled
    # before August began, and open again by its end)
    august = office.json("report", "--period", "2022-08")["totals"]
    assert (august["total"], august["open_in_time"], august["cancelled"]) == (1, 1, 0)
    now = office.json("show", "1", "--as-of", "2022-08-15")
    assert now["status"] == "open_in_time" and now["cancelled_on"] is None
    assert [(e["date"], e["event"], e.get("note")) for e in now["history"][1:]] == [
        ("2022-07-01", "cancelled", "Không còn phù hợp"),
        ("2022-08-01", "reopened", "Tiếp tục thực hiện"),
    ]
    assert "Tiếp tục thực hiện" in office.ok("show", "1", "--as-of", "2022-08-15")
    listed = office.json("list", "--status", "cancelled", "--as-of", "2022-07-15")
    assert [d["id"] for d in listed] == [1]
    assert office.json("list", "--status", "cancelled", "--as-of", "2022-08-15") == []
    assert [d["id"] for d in office.json("overdue", "--as-of", "2022-10-01")] == [1]
    assert office.json("overdue", "--as-of", "2022-07-15") == []
    assert exported["cancelled_on"] is None and exported["closures"] == [
        {
            "id": 1,
            "kind": "cancelled",
            "closed_on": "2022-07-01",
            "completed_on_exact": True,
            "note": "Không còn phù hợp",
            "result": None,
            "reopened_on": "2022-08-01",
            "reopen_reason": "Tiếp tục thực hiện",
        }
    ]
    # the history keeps the reopening as one change, and undo takes the closure back with it
    command = last_command(office)
    assert sorted(c["entity"] for c in command["changes"]) == ["closure", "directive"]


def test_a_completion_reopened_counts_until_the_reopening_and_the_last_decides_after(
    office: Cli, tmp_path: Path
) -> None:
    """done on 1/7/2022 (due 30/9) with a result document judged short, the product sent back
    on 1/8, done again on 15/10: July's report and score count the first completion on time
    (with its verdict), August's and September's count the directive open, October's the
    second completion, late; `show --as-of` gives each day's completion and result."""
    office.ok(
        "done", "1", "--date", "1/7/2022", "--note", "Báo cáo lần 1", "--doc", "12/BC-BTC",
        "--doc-date", "1/7/2022", "--verdict", "short",
    )  # fmt: skip
    office.ok("reopen", "1", "--date", "1/8/2022", "--reason", "Sản phẩm bị trả lại")
    office.ok("done", "1", "--date", "15/10/2022", "--note", "Báo cáo lần 2")

    def totals(period: str) -> tuple[int, ...]:
        got = office.json("report", "--period", period)["totals"]
        return tuple(got[k] for k in ("total", "done_on_time", "done_late", "open_in_time"))

    assert totals("2022-07") == (1, 1, 0, 0)
    assert totals("2022-08") == (1, 0, 0, 1)
    assert totals("2022-09") == (1, 0, 0, 1)
    assert totals("2022-10") == (1, 0, 1, 0)
    july = office.json("show", "1", "--as-of", "2022-07-15")
    assert (july["status"], july["completed_on"], july["progress"]) == (
        "done_on_time", "2022-07-01", 100,
    )  # fmt: skip
    assert july["result"]["doc"] == "12/BC-BTC" and july["result"]["verdict"] == "short"
    assert july["history"][-1:] == [  # one event, one row
        {
            "date": "2022-07-01",
            "event": "completed",
            "note": "12/BC-BTC; Báo cáo lần 1",
            "exact": True,
        },
    ]
    august = office.json("show", "1", "--as-of", "2022-08-15")
    assert (august["status"], august["completed_on"], august["result"]) == (
        "open_in_time", None, None,
    )  # fmt: skip
    october = office.json("show", "1", "--as-of", "2022-10-31")
    assert (october["status"], october["completed_on"], october["result"]) == (
        "done_late", "2022-10-15", None,
    )  # fmt: skip
    assert [e["event"] for e in october["history"][1:]] == [
        "completed", "reopened", "completed",
    ]  # fmt: skip
    assert [
        d["id"] for d in office.json("list", "--status", "done_on_time", "--as-of", "2022-07-31")
    ] == [1]
    assert [d["id"] for d in office.json("overdue", "--as-of", "2022-10-10")] == [1]
    # the report as a document, and the score: the first completion and its verdict in July
    text = office.ok("report", "--period", "2022-07", "--format", "md")
    assert "1 done (on time)" in text
    score = office.json("score", "--period", "2022-07", "--rules", "nd335")["units"][0]
    assert [e["rule"] for e in score["explanation"]] == ["outcome.done_on_time", "verdict.short"]
    later = office.json("score", "--period", "2022-10", "--rules", "nd335")["units"][0]
    assert [e["rule"] for e in later["explanation"]][0] == "outcome.done_late"
    # export -> import -> export: the same document, the same history on the imported copy
    first = tmp_path / "a.json"
    office.ok("export", "--out", str(first))
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert doc["directives"][0]["closures"][0]["result"]["doc"] == "12/BC-BTC"
    copy = Cli(db=str(tmp_path / "copy.db"), runner=office.runner)
    copy.ok("import", str(first))
    second = tmp_path / "b.json"
    copy.ok("export", "--out", str(second))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert copy.json("show", "1", "--as-of", "2022-07-15") == july


def test_a_withdrawal_reopened_counts_as_withdrawn_on_its_days(office: Cli) -> None:
    asked = office.id(
        "request", "withdraw", "1", "--reason", "Không còn phù hợp", "--date", "1/6/2022"
    )
    office.ok("approve", str(asked), "--date", "10/6/2022")
    office.ok("reopen", "1", "--date", "1/7/2022", "--reason", "Tiếp tục")
    june = office.json("report", "--period", "2022-06")["totals"]
    assert (june["total"], june["withdrawn"]) == (0, 1)
    assert office.json("show", "1", "--as-of", "2022-06-20")["status"] == "withdrawn"
    assert office.json("show", "1", "--as-of", "2022-07-02")["status"] == "open_in_time"
    july = office.json("report", "--period", "2022-07")["totals"]
    assert (july["total"], july["withdrawn"]) == (1, 0)


def test_reopen_mistake_and_undo_and_delete(office: Cli, db: str) -> None:
    """--mistake clears the closure as if never recorded; undo of a reopening takes its closure
    back; delete takes a directive's closures with it, and undo puts them back."""
    office.ok("done", "1", "--date", "1/7/2022")
    before = records(db)
    office.ok("reopen", "1", "--date", "1/8/2022")
    assert len(records(db)["closure"]) == 1
    office.ok("undo", "--yes")
    assert records(db) == before
    office.ok("reopen", "1", "--date", "1/8/2022")
    with_closure = records(db)
    got = office.json("delete", "directive", "1", "--yes")
    assert got["removed"]["closure"] == [2]  # ids are never given twice
    assert records(db)["closure"] == []
    office.ok("undo", "--yes")
    assert records(db) == with_closure
    # a closure dated after what a reopening recorded cannot be backdated by undo either
    office.ok("done", "1", "--date", "1/9/2022")
    assert office.json("show", "1", "--as-of", "2022-07-15")["status"] == "done_on_time"
    assert office.json("show", "1", "--as-of", "2022-08-15")["status"] == "open_in_time"
    # the meeting is never moved after the day a closure ended since was recorded on
    message = unchanged(office, db, "edit", "meeting", "1", "--date", "15/7/2022")
    assert "the completion date of directive 1 is 2022-07-01" in message
    # --mistake says the closure is cleared, not "open again from" a day: it never held
    cleared = office("reopen", "1", "--mistake", "--reason", "nhầm nhiệm vụ")
    assert cleared.exit_code == 0, cleared.stderr
    assert "open again" not in cleared.stderr
    assert "recorded by mistake and is cleared as if never recorded" in cleared.stderr
    assert office.json("show", "1", "--as-of", "2022-09-15")["status"] == "open_in_time"
    office.ok("undo", "--yes")
    vi = office("--lang", "vi", "reopen", "1", "--mistake", "--reason", "nhầm")
    assert "việc kết thúc đã ghi nhầm nên được xóa" in vi.stderr, vi.stderr


# --- duplicates and extensions --------------------------------------------------------------------


def test_same_meeting_twice_is_refused_naming_it(units: Cli, meeting: int, db: str) -> None:
    args = ["add-meeting", "--date", "2022-05-06", "--title"]
    title = "  làm VIỆC với các cơ quan tham mưu,   giúp việc tỉnh ủy "
    message = unchanged(units, db, *args, title, contains=f"meeting {meeting}")
    assert "--allow-duplicate" in message
    other_day = ["add-meeting", "--date", "7/5/2022", "--title"]
    assert units.id(*other_day, "Làm việc với các cơ quan tham mưu")
    assert units.id(*args, title, "--allow-duplicate") > meeting


def test_same_directive_twice_is_refused_naming_it(office: Cli, meeting: int, db: str) -> None:
    text = "bổ sung THÀNH VIÊN  đoàn công tác"
    unchanged(office, db, "assign", str(meeting), "--unit", "BTC", text, contains="directive 1")
    unchanged(office, db, "assign", str(meeting), "--unit", "VPTU", "--unit", "BTC", text)
    assert office.id("assign", str(meeting), "--unit", "VPTU", text) == 2
    assert office.id("assign", str(meeting), "--unit", "BTC", text, "--allow-duplicate") == 3


def test_an_edit_that_makes_a_directive_or_limitation_twice_is_refused_naming_it(
    office: Cli, meeting: int, db: str
) -> None:
    """`edit directive --text` or `--unit` (`edit limitation` likewise) made the same text for
    the same unit at the same meeting twice, which assign and add-limitation refuse."""
    m = str(meeting)
    assert office.id("assign", m, "--unit", "BTC", "Rà soát hồ sơ") == 2
    assert office.id("assign", m, "--unit", "VPTU", "Bổ sung thành viên đoàn công tác") == 3
    text = "bổ sung THÀNH VIÊN  đoàn công tác"
    said = unchanged(office, db, "edit", "directive", "2", "--text", text, contains="directive 1")
    assert said == (
        f"Error: directive 1 already gives BTC this text at meeting {meeting}; use "
        "--allow-duplicate to record another"
    )
    vi = unchanged(office, db, "--lang", "vi", "edit", "directive", "3", "--unit", "BTC")
    assert vi.startswith("Error: nhiệm vụ 1 đã giao") and "BTC" in vi, vi
    office.ok("edit", "directive", "1", "--text", "Bổ sung thành viên đoàn công tác.")  # itself
    office.ok("edit", "directive", "2", "--text", text, "--allow-duplicate")
    office.ok("edit", "directive", "2", "--product", "Báo cáo")  # the pair kept, not re-checked
    assert [d["text"] for d in office.json("list", "--unit", "BTC")][1] == " ".join(text.split())

    assert office.id("add-limitation", m, "--unit", "VPTU", "Thiếu xe") == 2
    assert office.id("add-limitation", m, "--unit", "BTC", "thiếu lái xe") == 3
    unchanged(
        office, db, "edit", "limitation", "2", "--text", "THIẾU lái  xe", contains="limitation 1"
    )
    unchanged(office, db, "edit", "limitation", "3", "--unit", "VPTU", contains="limitation 1")
    office.ok("edit", "limitation", "3", "--unit", "VPTU", "--allow-duplicate")


def test_same_limitation_twice_is_refused_naming_it(office: Cli, meeting: int, db: str) -> None:
    # a script re-run recorded the meeting's limitation twice, silently
    args = ["add-limitation", str(meeting)]
    message = unchanged(
        office,
        db,
        *args,
        "--unit",
        "van phong tinh uy",
        "  thiếu LÁI  xe ",
        contains="limitation 1",
    )
    assert message == (
        f"Error: limitation 1 already raises this about VPTU at meeting {meeting}; use "
        "--allow-duplicate to record another"
    )
    vi = unchanged(office, db, "--lang", "vi", *args, "--unit", "VPTU", "Thiếu lái xe")
    assert vi.startswith("Error: hạn chế 1 đã nêu nội dung này đối với VPTU tại cuộc họp")
    assert office.id(*args, "--unit", "BTC", "Thiếu lái xe") == 2  # another unit
    assert office.id(*args, "--unit", "VPTU", "Thiếu lái xe", "--allow-duplicate") == 3


def test_extend_to_a_day_not_after_the_deadline_in_force_is_refused(office: Cli, db: str) -> None:
    unchanged(
        office, db, "extend", "1", "--to", "30/9/2022", "--date", "1/9/2022", contains="in force"
    )
    unchanged(office, db, "extend", "1", "--to", "1/9/2022", "--date", "1/9/2022")
    office.ok("extend", "1", "--to", "31/10/2022", "--date", "1/9/2022")
    unchanged(office, db, "extend", "1", "--to", "15/10/2022", "--date", "2/9/2022")
    # Approved before the first extension, the deadline in force is the original one.
    office.ok("extend", "1", "--to", "15/10/2022", "--date", "20/8/2022")


def test_extend_dated_before_a_later_extension_must_stay_before_it(office: Cli, db: str) -> None:
    """An approval dated before one already recorded may not outlast it: the later one would
    then move the deadline earlier (31/12 approved on 15/9, then 31/10 on 28/9)."""
    office.ok("extend", "1", "--to", "31/10/2022", "--date", "28/9/2022")
    message = unchanged(office, db, "extend", "1", "--to", "31/12/2022", "--date", "15/9/2022")
    assert message == (
        "Error: the new deadline 2022-12-31 of directive 1, approved on 2022-09-15, is not "
        "before the deadline 2022-10-31 approved after it, on 2022-09-28: an extension moves it "
        "later"
    )
    vi = unchanged(
        office, db, "--lang", "vi", "extend", "1", "--to", "31/10/2022", "--date", "15/9/2022"
    )
    assert vi.startswith("Error: thời hạn mới 31/10/2022 của nhiệm vụ 1, duyệt ngày 15/09/2022")
    office.ok("extend", "1", "--to", "15/10/2022", "--date", "15/9/2022")
    assert office.json("show", "1", "--as-of", "2022-09-20")["due"] == "2022-10-15"
    assert office.json("show", "1")["due"] == "2022-10-31"


# --- undo -----------------------------------------------------------------------------------------


def test_undo_takes_back_the_actors_own_last_command(office: Cli, db: str) -> None:
    office.ok("--actor", "An", "progress", "1", "--percent", "10", "--date", "1/6/2022")
    office.ok("--actor", "Bình", "edit", "limitation", "1", "--category", "staffing")
    office.ok("--actor", "An", "edit", "directive", "1", "--product", "Báo cáo")
    office.ok("--actor", "Bình", "undo", "--yes")  # Bình's edit, not An's later one
    assert office.json("show", "1")["product"] == "Báo cáo"
    assert office.json("limitations")[0]["category"] == "other"
    office.ok("--actor", "An", "undo", "--yes")
    office.ok("--actor", "An", "undo", "--yes")
    assert office.json("show", "1")["progress"] is None
    message = unchanged(office, db, "--actor", "Chi", "undo", "--yes", contains="Chi")
    assert "nothing to undo" in message


def test_undo_refuses_when_later_commands_touch_the_same_rows(office: Cli, db: str) -> None:
    office.ok("--actor", "An", "edit", "directive", "1", "--text", "Sửa lần một")
    office.ok("--actor", "Bình", "done", "1", "--date", "1/6/2022")
    done_by_binh = last_command(office)["id"]
    message = unchanged(office, db, "--actor", "An", "undo", "--yes", contains=f"#{done_by_binh}")
    assert "done" in message and "Bình" in message
    # A directive recorded at a meeting someone else added: the meeting cannot go alone.
    office.ok("--actor", "Chi", "add-meeting", "--date", "1/7/2022", "--title", "Họp Chi")
    office.ok("--actor", "Dũng", "assign", "2", "--unit", "BDV", "Việc của Dũng")
    unchanged(office, db, "--actor", "Chi", "undo", "--yes", contains="assign")
    office.ok("--actor", "Bình", "undo", "--yes")
    office.ok("--actor", "An", "undo", "--yes")
    assert office.json("show", "1")["text"] == "Bổ sung thành viên đoàn công tác"


def test_undo_change_id_and_its_refusals(office: Cli, db: str) -> None:
    office.ok("--actor", "An", "progress", "1", "--percent", "10", "--date", "1/6/2022")
    progress = last_command(office)
    office.ok("--actor", "Bình", "progress", "1", "--percent", "30", "--date", "2/6/2022")
    # a change row's id names its command too
    undone = json.loads(
        office.ok(
            "--actor", "Chi", "undo", str(progress["changes"][0]["id"]), "--yes", "-f", "json"
        )
    )
    assert [u["id"] for u in undone] == [progress["id"]]
    assert office.json("show", "1")["progress"] == 30
    unchanged(office, db, "undo", str(progress["id"]), "--yes", contains="already undone")
    undo_id = last_command(office)["id"]
    unchanged(office, db, "undo", str(undo_id), "--yes", contains="never undone")
    unchanged(office, db, "undo", "99999", "--yes", contains="99999")
    unchanged(office, db, "undo", "0", "--yes")
    unchanged(office, db, "undo", "5", "--count", "2", "--yes", code=2)


def test_undo_count_is_the_actors_last_n(office: Cli, db: str) -> None:
    before = records(db)
    office.ok("--actor", "An", "progress", "1", "--percent", "10", "--date", "1/6/2022")
    office.ok("--actor", "An", "edit", "limitation", "1", "--text", "Thiếu xe")
    undone = json.loads(office.ok("--actor", "An", "undo", "-n", "2", "--yes", "-f", "json"))
    assert [u["command"] for u in undone] == ["edit limitation", "progress"]
    assert records(db) == before


@pytest.mark.sqlite_only("backup and restore copy the SQLite file itself")
def test_undo_and_delete_and_restore_need_yes_without_a_terminal(
    office: Cli, db: str, tmp_path: Any
) -> None:
    office.ok("progress", "1", "--percent", "10", "--date", "1/6/2022")
    for args in (["undo"], ["delete", "directive", "1"]):
        message = unchanged(office, db, *args, contains="--yes")
        assert message.startswith("Error: ")
    vi = office("--lang", "vi", "undo")
    assert vi.exit_code == 1 and vi.stderr.startswith("Error: ") and "--yes" in vi.stderr
    backup = tmp_path / "b.db"
    office.ok("backup", str(backup))
    unchanged(office, db, "restore", str(backup), contains="--yes")
    result = office("undo", "--dry-run")
    assert result.exit_code == 0 and "would undo" in result.stderr


@pytest.mark.sqlite_only("the installed program, started with its stdin closed")
def test_with_stdin_closed_undo_and_delete_need_yes(office: Cli, db: str, tmp_path: Any) -> None:
    """Started with no standard input at all (``<&-``), Python has ``sys.stdin = None``: undo
    and delete said 'Error: unexpected AttributeError: 'NoneType' object has no attribute
    'isatty''."""
    import subprocess

    backup = tmp_path / "b.db"
    office.ok("backup", str(backup))
    before = snapshot(db)
    for args in (["undo"], ["delete", "directive", "1"], ["restore", str(backup)]):
        done = subprocess.run(
            [ENTRY_POINT, "--db", db, *args],
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.close(0),
            timeout=120,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, done.stderr
        assert "not at a terminal, add --yes" in done.stderr, done.stderr
    assert snapshot(db) == before


@pytest.mark.sqlite_only("a terminal and the installed program")
def test_at_a_terminal_undo_shows_what_it_reverts_and_asks(office: Cli, db: str) -> None:
    office.ok("--actor", "An", "done", "1", "--date", "1/6/2022")

    def answer(reply: bytes) -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: dirtrack on a terminal
            os.execve(
                ENTRY_POINT,
                [ENTRY_POINT, "--db", db, "--lang", "en", "--actor", "An", "undo"],
                {**os.environ, "TERM": "dumb"},
            )
        seen = b""
        deadline = time.monotonic() + 60
        sent = False
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            if not sent and b"[y/N]" in seen:
                os.write(fd, reply)
                sent = True
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")

    code, shown = answer(b"n\n")
    assert code == 1 and "will undo" in shown and "2022-06-01" in shown, shown
    assert office.json("show", "1")["completed_on"] == "2022-06-01"
    code, shown = answer(b"y\n")
    assert code == 0 and "undone" in shown, shown
    assert office.json("show", "1")["completed_on"] is None


def test_new_commands_have_help_in_both_languages(cli: Cli) -> None:
    for args in (["edit", "directive"], ["edit", "meeting"], ["edit", "limitation"],
                 ["delete"], ["reopen"], ["unit", "rename"], ["undo"]):  # fmt: skip
        assert cli.ok(*args, "--help")
        assert cli.ok("--lang", "vi", *args, "--help")
