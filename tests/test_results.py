"""Results and acceptance, requests and answers, withdrawn, fields and leaders in charge, risk
colours and the leader's brief, driven through the CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, snapshot


def setup(cli: Cli, doc: str | None = None) -> tuple[str, list[int]]:
    cli.ok("unit", "add", "SYT", "Sở Y tế")
    cli.ok("unit", "add", "SGD", "Sở Giáo dục và Đào tạo")
    extra = ["--doc", doc] if doc else []
    m = str(cli.id("add-meeting", "--date", "2025-01-10", "--title", "Giao ban", *extra))
    ids = [
        cli.id("assign", m, "Việc một", "--unit", "SYT", "--due", "2025-03-31"),
        cli.id("assign", m, "Việc hai", "--unit", "SGD", "--due", "2025-02-28"),
        cli.id("assign", m, "Việc ba", "--unit", "SYT", "--due", "2025-06-30"),
    ]
    return m, ids


def show(cli: Cli, ident: int, day: str) -> Any:
    return cli.json("show", str(ident), "--as-of", day)


def test_done_with_result_document(cli: Cli, tmp_path: Path) -> None:
    _, (one, *_) = setup(cli)
    proof = tmp_path / "bao-cao.pdf"
    proof.write_bytes(b"%PDF bao cao")
    cli.ok(
        "done", str(one), "--date", "5/4/2025", "--doc", "45 / BC-SYT", "--doc-date", "28/3/2025",
        "--file", str(proof), "--verdict", "exceeds",
    )  # fmt: skip
    record = show(cli, one, "2025-04-30")
    # Without acceptance the result document's date decides: done on time.
    assert record["status"] == "done_on_time" and record["completed_on"] == "2025-03-28"
    result = record["result"]
    assert (result["doc"], result["doc_date"], result["verdict"]) == (
        "45/BC-SYT",
        "2025-03-28",
        "exceeds",
    )
    assert result["accepted_on"] is None
    assert result["file_hash"] == hashlib.sha256(b"%PDF bao cao").hexdigest()
    assert "45/BC-SYT" in cli.ok("show", str(one), "--as-of", "2025-04-30")
    # Reproducible: before the report the directive was open and had no result.
    assert show(cli, one, "2025-03-20")["result"] is None


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_empty_result_file_is_refused(cli: Cli, db: str, tmp_path: Path, lang: str) -> None:
    """`done --file` of a file of 0 bytes was kept with the SHA-256 of nothing, as if it were
    the result document: it is refused, one line naming the file, nothing written."""
    _, (one, *_) = setup(cli)
    empty = tmp_path / "bao-cao.pdf"
    empty.write_bytes(b"")
    before = snapshot(db)
    said = cli.fail("--lang", lang, "done", str(one), "--file", str(empty))
    assert len(said.strip().splitlines()) == 1 and said.startswith("Error:"), said
    assert str(empty) in said
    assert ("empty (0 bytes)" if lang == "en" else "rỗng (0 byte)") in said, said
    assert snapshot(db) == before
    empty.write_bytes(b"%")  # one byte is a file
    cli.ok("done", str(one), "--file", str(empty))


def test_acceptance_decides_when_the_office_says_so(cli: Cli) -> None:
    _, (one, two, _) = setup(cli)
    cli.ok("office", "set", "--accept-completions", "có", "--on-time-by", "nghiệm thu")
    assert cli.json("office")["on_time_by"] == "acceptance"
    cli.ok("done", str(one), "--date", "2025-03-25", "--doc", "45/BC-SYT")
    assert show(cli, one, "2025-04-05")["status"] == "overdue"  # waiting: not done yet
    cli.fail("done", str(one), "--date", "2025-03-26")  # already waiting for an answer
    cli.ok("return", str(one), "--reason", "Thiếu số liệu", "--date", "2025-03-28")
    record = show(cli, one, "2025-04-05")
    assert record["result"]["returned_on"] == "2025-03-28"
    cli.ok("done", str(one), "--date", "2025-04-02", "--doc", "46/BC-SYT")
    cli.ok("accept", str(one), "--date", "2025-04-10")
    record = show(cli, one, "2025-04-30")
    assert record["status"] == "done_late" and record["completed_on"] == "2025-04-10"
    assert record["result"]["accepted_on"] == "2025-04-10"
    assert record["result"]["doc"] == "46/BC-SYT"
    # The acceptance is the completion: one event, one row (it was a 'completed' and an
    # 'accepted' row of the same day); JSON keeps the completion's event, marked accepted.
    assert [(e["date"], e["event"]) for e in record["history"][-4:]] == [
        ("2025-03-25", "result"),
        ("2025-03-28", "returned"),
        ("2025-04-02", "result"),
        ("2025-04-10", "completed"),
    ]
    assert record["history"][-1]["accepted"] is True
    for lang, said, day in (
        ("en", "Completed (accepted)", "2025-04-10"),
        ("vi", "Hoàn thành (đã nghiệm thu)", "10/04/2025"),
    ):
        table = cli.ok("--lang", lang, "show", str(one), "--as-of", "2025-04-30")
        rows = [line for line in table.splitlines() if line.startswith(day)]
        assert len(rows) == 1 and said in rows[0], table
    # An acceptance of what was not reported done, an acceptance twice.
    cli.fail("accept", str(two))
    cli.fail("accept", str(one))
    # Reported and accepted the same day: one event too, with its result document.
    cli.ok("done", str(two), "--date", "2025-04-11", "--doc", "47/BC-SYT")
    cli.ok("accept", str(two), "--date", "2025-04-11")
    history = show(cli, two, "2025-04-30")["history"]
    assert [(e["date"], e["event"], e.get("accepted")) for e in history[-1:]] == [
        ("2025-04-11", "completed", True)
    ]
    assert "accepted" not in [e["event"] for e in history]
    table = cli.ok("show", str(two), "--as-of", "2025-04-30")
    rows = [line for line in table.splitlines() if line.startswith("2025-04-11")]
    assert len(rows) == 1 and "Completed (accepted)" in rows[0], table


def test_requests_extend_and_withdraw(cli: Cli) -> None:
    _, (one, two, three) = setup(cli)
    late = cli.id(
        "request", "extend", str(two), "--to", "tháng 4/2025", "--reason", "Chờ",
        "--doc", "12/CV-SGD", "--date", "2025-03-05",
    )  # fmt: skip
    early = cli.id(
        "request",
        "extend",
        str(one),
        "--to",
        "2025-05-31",
        "--reason",
        "Chờ",
        "--date",
        "2025-03-20",
    )
    cli.ok("approve", str(late), "--date", "2025-03-07", "--doc", "99/QĐ-UBND")
    cli.ok("reject", str(early), "--reason", "Không có căn cứ", "--date", "2025-03-25")
    record = show(cli, two, "2025-03-31")
    assert record["due"] == "2025-04-30" and record["original_due"] == "2025-02-28"
    assert show(cli, two, "2025-03-06")["due"] == "2025-02-28"  # extension dated on approval
    assert show(cli, one, "2025-04-30")["due"] == "2025-03-31"
    wd = cli.id(
        "request", "withdraw", str(three), "--reason", "Không còn phù hợp", "--date", "2025-04-01"
    )
    assert [r["id"] for r in cli.json("requests", "--pending", "--as-of", "2025-04-01")] == [wd]
    cli.ok("approve", str(wd), "--date", "2025-04-02")
    assert show(cli, three, "2025-04-02")["status"] == "withdrawn"
    assert show(cli, three, "2025-04-01")["status"] == "open_in_time"
    listed = {r["id"]: r for r in cli.json("requests", "--as-of", "2025-12-31")}
    assert listed[late]["asked_late"] is True and listed[early]["asked_late"] is False
    assert (listed[late]["status"], listed[early]["status"]) == ("approved", "rejected")
    # The column of a request asked after the deadline said "Hoàn thành quá hạn" (completed
    # late, done_late's words) under --lang vi
    header = cli.ok("--lang", "vi", "requests", "--as-of", "2025-12-31").splitlines()[0]
    assert "Đề nghị sau hạn" in header and "Hoàn thành" not in header
    report = cli.json("report", "--quarter", "2025Q1", "--as-of", "2025-03-31")
    assert report["requests"]["extend"] == {
        "asked": 2, "granted": 1, "refused": 1, "pending": 0, "moot": 0, "asked_late": 1,
    }  # fmt: skip
    h1 = cli.json("report", "--period", "2025H1")
    # Withdrawn: apart from cancelled, outside every count and rate.
    assert h1["totals"]["withdrawn"] == 1 and h1["totals"]["cancelled"] == 0
    assert h1["totals"]["total"] == 2
    assert h1["requests"]["withdraw"]["granted"] == 1
    assert "withdrawn" in cli.ok("list", "--status", "withdrawn", "--as-of", "2025-06-30") or True
    assert [
        d["id"] for d in cli.json("list", "--status", "withdrawn", "--as-of", "2025-06-30")
    ] == [three]


def test_requests_fields_name_the_keys_the_json_has(cli: Cli) -> None:
    """`requests --fields late` was taken (the table column's key) and gave `"late": null` in
    JSON and CSV, a key no request has: `asked_late` is the column's name, as in the JSON."""
    _, (_, two, _) = setup(cli)
    cli.ok("request", "extend", str(two), "--to", "2025-04-30", "--reason", "Chờ",
           "--date", "2025-03-05")  # fmt: skip
    picked = cli.json("requests", "--fields", "id,asked_late")
    assert [list(r.items()) for r in picked] == [[("id", 1), ("asked_late", True)]]
    assert cli.ok("requests", "--fields", "id,asked_late").splitlines()[-1].split() == ["1", "yes"]
    refused = cli.fail("requests", "--format", "json", "--fields", "id,late")
    assert refused.startswith("Error: unknown field 'late'") and "asked_late" in refused


def test_a_request_of_a_closed_directive_is_moot_not_pending(cli: Cli) -> None:
    _, (one, two, three) = setup(cli)
    asked = [
        cli.id("request", "extend", str(d), "--to", "2025-12-31", "--reason", "Chờ", "--date", day)
        for d, day in ((one, "2025-02-01"), (two, "2025-02-02"), (three, "2025-02-03"))
    ]
    cli.ok("done", str(one), "--date", "2025-02-10")
    cli.ok("cancel", str(two), "--reason", "Không còn cần", "--date", "2025-02-11")
    # Before the closing day they waited; from it, nothing is left to answer.
    assert [r["id"] for r in cli.json("requests", "--pending", "--as-of", "2025-02-09")] == asked
    assert [r["id"] for r in cli.json("requests", "--pending", "--as-of", "2025-03-01")] == [
        asked[2]
    ]
    listed = {r["id"]: r["status"] for r in cli.json("requests", "--as-of", "2025-03-01")}
    assert listed == {asked[0]: "moot", asked[1]: "moot", asked[2]: "pending"}
    report = cli.json("report", "--quarter", "2025Q1", "--as-of", "2025-03-01")
    assert report["requests"]["extend"] == {
        "asked": 3, "granted": 0, "refused": 0, "pending": 1, "moot": 2, "asked_late": 0,
    }  # fmt: skip
    # the report's text accounts for every request asked: the moot ones too
    text = cli.ok("report", "--quarter", "2025Q1", "--as-of", "2025-03-01")
    assert "1 pending" in text and "2 requests left unanswered became moot" in text
    text = cli.ok("--lang", "vi", "report", "--quarter", "2025Q1", "--as-of", "2025-03-01")
    assert "2 đề nghị chưa trả lời không còn xem xét" in text
    events = [e["event"] for e in show(cli, one, "2025-03-01")["history"]]
    assert events[-2:] == ["completed", "request_moot"]
    assert "request_moot" not in [e["event"] for e in show(cli, one, "2025-02-09")["history"]]
    cli.fail("approve", str(asked[0]), "--date", "2025-03-01")
    # Open again: the request waits again.
    cli.ok("reopen", str(one), "--reason", "Chưa đạt", "--date", "2025-03-02")
    assert [r["id"] for r in cli.json("requests", "--pending", "--as-of", "2025-03-05")] == [
        asked[0],
        asked[2],
    ]


def test_bad_requests_change_nothing(cli: Cli, db: str) -> None:
    _, (one, two, three) = setup(cli)
    cli.ok("done", str(one), "--date", "2025-03-01")
    cli.ok("accept", str(one), "--date", "2025-03-02")  # a plain `done` can be accepted too
    assert cli.json("show", str(one))["result"]["accepted_on"] == "2025-03-02"
    r = cli.id(
        "request",
        "extend",
        str(two),
        "--to",
        "2025-05-31",
        "--reason",
        "Chờ",
        "--date",
        "2025-02-20",
    )
    cli.ok("approve", str(r), "--date", "2025-02-25")
    before = snapshot(db)
    cli.fail("request", "extend", str(one), "--to", "2025-05-31", "--reason", "Chờ")  # closed
    cli.fail("approve", str(r))  # twice
    cli.fail("reject", str(r), "--reason", "x")
    cli.fail("approve", "999")
    cli.fail("request", "extend", str(three), "--to", "2025-05-31", "--reason", "Chờ")  # earlier
    cli.fail("request", "withdraw", str(three), "--reason", "  ")
    cli.fail("done", str(three), "--doc", "không phải số")
    cli.fail("done", str(three), "--verdict", "tuyệt")
    cli.fail("done", str(three), "--file", "/khong/co/tep.pdf")
    cli.fail("return", str(three), "--reason", "x")  # nothing reported
    assert "rút" in cli.fail("--lang", "vi", "accept", str(three)) or True
    assert snapshot(db) == before


def test_a_deadline_asked_not_after_the_one_in_force_is_refused_with_a_request_waiting(
    cli: Cli, db: str
) -> None:
    """What is asked for is judged before whether it may be asked now: a deadline not after
    the one in force is a bad value whether or not a request of the same kind waits."""
    _, (_, _, three) = setup(cli)
    cli.ok(
        "request", "extend", str(three), "--to", "2025-12-31", "--reason", "Chờ",
        "--date", "2025-02-20",
    )  # fmt: skip
    before = snapshot(db)
    said = cli.fail("request", "extend", str(three), "--to", "2025-01-01", "--reason", "Chờ")
    assert "the deadline asked for (2025-01-01) is not after the one in force (2025-06-30)" in said
    later = cli.fail("request", "extend", str(three), "--to", "2026-01-31", "--reason", "Chờ")
    assert "already has request 1 of that kind waiting for an answer" in later, later
    assert snapshot(db) == before


def test_fields_and_leaders(cli: Cli, db: str) -> None:
    _, (one, two, three) = setup(cli, doc="12/TB-UBND-KGVX")
    cli.ok("field", "add", "KGVX", "Khoa giáo – văn xã")
    cli.ok("field", "add", "KT", "Kinh tế")
    assert [f["code"] for f in cli.json("field", "list")] == ["KGVX", "KT"]
    suggested = cli.json("field", "suggest")
    assert {(s["id"], s["field"], s["because"]) for s in suggested} == {
        (i, "KGVX", "suffix") for i in (one, two, three)
    }
    assert cli.json("show", str(one))["field"] is None  # never set silently
    applied = cli("field", "suggest", "--apply")
    assert applied.exit_code == 0 and applied.stderr == "field set on 3 directives\n"
    assert cli.json("show", str(one))["field"] == "KGVX"
    # Nothing left to suggest: it said 'field set on 0 directives'.
    again = cli("--lang", "vi", "field", "suggest", "--apply")
    assert again.exit_code == 0
    assert again.stderr == (
        "không có gợi ý lĩnh vực nào cho các nhiệm vụ chưa có lĩnh vực: không đặt gì\n"
    )
    cli.ok("leader", "assign", "Trần Văn B", "--field", "KGVX", "--from", "2025-01-01")
    cli.ok("leader", "assign", "Lê Thị C", "--field", "kgvx", "--from", "2025-05-01")
    cli.ok("done", str(one), "--date", "2025-03-20")
    before = snapshot(db)
    cli.fail("leader", "assign", "Lê Thị C", "--field", "KGVX", "--from", "2025-06-01")  # overlap
    cli.fail("leader", "assign", "Ai Đó", "--field", "VHXH", "--from", "2025-06-01")  # no field
    cli.fail("leader", "assign", "Ai Đó", "--from", "2025-06-01")
    assert cli.fail("field", "add", "kt", "Kinh tế 2") == (
        "Error: code 'kt' already refers to field KT (Kinh tế)"
    )
    # The name taken, not the new code: 'KT2' was said to be field KT already.
    assert cli.fail("--lang", "vi", "field", "add", "KT2", "kinh te") == (
        "Error: tên 'kinh te' đã được dùng cho lĩnh vực KT (Kinh tế)"
    )
    cli.fail("list", "--leader", "Không Có")
    assert snapshot(db) == before
    # The past is not rewritten: before May, Trần Văn B; after, Lê Thị C.
    march = cli.json("list", "--leader", "tran van b", "--as-of", "2025-03-31")
    assert [d["id"] for d in march] == [one, two, three]
    assert cli.json("list", "--leader", "Trần Văn B", "--as-of", "2025-06-01") == []
    report = cli.json("report", "--period", "2025H1", "--by", "leader")
    rows = {r["leader"]: (r["total"], r["done_on_time"], r["overdue"]) for r in report["by_leader"]}
    # Done in March under B; open at the end of June under C.
    assert rows == {"Trần Văn B": (1, 1, 0), "Lê Thị C": (2, 0, 1)}
    assert [r["field"] for r in report["by_field"]] == ["KGVX"]
    table = cli.ok("report", "--period", "2025H1", "--by", "field")
    assert "Khoa giáo" in table
    assert (
        cli.ok("report", "--period", "2025H1", "--by", "leader", "--format", "csv").count("\n") == 4
    )


def test_leaders_of_the_same_letters_with_other_marks_are_two_people(cli: Cli, db: str) -> None:
    """`leader assign "Nguyễn Văn Hóa"` after "Nguyễn Văn Hòa" put the field in Hòa's charge
    (one leader, found by the letters alone), and `list --leader "Nguyễn Văn Hóa"` listed Hòa's
    directives: two people. A name with its tone placed the other way, or in capitals, is the
    same person; one typed without marks, or with marks neither has, is ambiguous naming both,
    nothing written; both survive an export and its import."""
    _, (one, two, _) = setup(cli)
    cli.ok("field", "add", "KT", "Kinh tế")
    cli.ok("field", "add", "VH", "Văn hóa")
    cli.ok("field", "add", "XH", "Xã hội")
    cli.ok("leader", "assign", "Nguyễn Văn Hòa", "--field", "KT", "--from", "2025-01-01")
    cli.ok("leader", "assign", "Nguyễn Văn Hóa", "--field", "VH", "--from", "2025-01-01")
    cli.ok("leader", "assign", "NGUYỄN VĂN HOÀ", "--field", "XH", "--from", "2025-01-01")
    cli.ok("edit", "directive", str(one), "--field", "KT")
    cli.ok("edit", "directive", str(two), "--field", "VH")
    charge = {(a["leader"], a["field"]) for a in cli.json("leader", "list")}
    assert charge == {("Nguyễn Văn Hòa", "KT"), ("Nguyễn Văn Hóa", "VH"), ("Nguyễn Văn Hòa", "XH")}
    as_of = ("--as-of", "2025-03-01")
    assert [d["id"] for d in cli.json("list", "--leader", "Nguyễn Văn Hóa", *as_of)] == [two]
    assert [d["id"] for d in cli.json("list", "--leader", "nguyễn văn hoà", *as_of)] == [one]
    before = snapshot(db)
    both = "Nguyễn Văn Hòa, Nguyễn Văn Hóa"
    for name in ("Nguyen Van Hoa", "Nguyễn Văn Hõa"):
        assert cli.fail("list", "--leader", name) == (
            f"Error: leader '{name}' is ambiguous: {both}"
        )
    assert cli.fail(
        "leader", "assign", "Nguyen Van Hoa", "--field", "XH", "--from", "2025-02-01"
    ) == (f"Error: leader 'Nguyen Van Hoa' is ambiguous: {both}")
    assert cli.fail("list", "--leader", "Nguyen Van Hoaa").startswith(
        f"Error: no leader 'Nguyen Van Hoaa'; closest: {both}"
    )
    assert cli.fail("--lang", "vi", "list", "--leader", "nguyen van hoa") == (
        f"Error: 'nguyen van hoa' ứng với nhiều lãnh đạo: {both}"
    )
    assert snapshot(db) == before
    report = cli.json("report", "--period", "2025H1", "--by", "leader")
    assert {r["leader"]: r["total"] for r in report["by_leader"]} == {
        "Nguyễn Văn Hòa": 1,
        "Nguyễn Văn Hóa": 1,
        None: 1,  # the third directive, of no field
    }
    exported = cli.ok("export", "--format", "json")
    copy = cli.at(str(db) + "-copy") if "://" not in db else None
    if copy is not None:
        path = Path(db).with_name("exported.json")
        path.write_text(exported, encoding="utf-8")
        copy.ok("import", str(path))
        assert {(a["leader"], a["field"]) for a in copy.json("leader", "list")} == charge


def test_risk_colours(cli: Cli, tmp_path: Path) -> None:
    _, (one, two, three) = setup(cli)
    cli.ok("progress", str(three), "--percent", "10", "--date", "2025-06-20")
    colours = {d["id"]: d["risk"] for d in cli.json("list", "--as-of", "2025-06-25")}
    # one: overdue; two: overdue; three: due in 5 days at 10 %: red (within 3 days? no: yellow).
    assert colours == {one: "red", two: "red", three: "yellow"}
    assert cli.json("show", str(three), "--as-of", "2025-06-28")["risk"] == "red"
    assert cli.json("show", str(three), "--as-of", "2025-05-01")["risk"] == "yellow"  # no news
    cli.ok("progress", str(three), "--percent", "60", "--date", "2025-04-25")
    assert cli.json("show", str(three), "--as-of", "2025-05-01")["risk"] == "green"
    cli.ok("done", str(one), "--date", "2025-03-01")
    assert cli.json("show", str(one), "--as-of", "2025-06-25")["risk"] == "green"
    # The office tunes the thresholds in the config file.
    config = tmp_path / "config.toml"
    config.write_text("[risk]\nsoon-days = 1\nred-days = 0\n", encoding="utf-8")
    env = {"DIRTRACK_CONFIG": str(config)}
    result = cli("show", str(three), "--as-of", "2025-06-28", "--format", "json", env=env)
    assert '"risk": "yellow"' not in result.stdout and '"risk": "green"' in result.stdout
    config.write_text("[risk]\nsoon-dayz = 1\n", encoding="utf-8")
    bad = cli("list", env=env)
    assert bad.exit_code == 1 and "soon-dayz" in bad.stderr
    report = cli.json("report", "--period", "2025H1")
    units = {u["code"]: u["risk"] for u in report["units"]}
    assert units["SGD"] == "red"
    brief = cli.json("report", "--period", "2025H1", "--brief")
    assert [r["id"] for r in brief["red"]] == [two, three] and brief["red_count"] == 2
    for fmt in ("docx", "html"):
        out = tmp_path / f"brief.{fmt}"
        cli.ok("report", "--period", "2025H1", "--brief", "--format", fmt, "--out", str(out))
        assert out.stat().st_size > 0


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_in_both_languages(cli: Cli, lang: str) -> None:
    _, (one, *_) = setup(cli)
    message = cli.fail("--lang", lang, "accept", str(one))
    assert message.startswith("Error:") or message.startswith("Lỗi:")
    assert "\n" not in message.strip()


def test_edit_directive_sets_and_clears_its_field(cli: Cli, db: str) -> None:
    _, (one, two, _three) = setup(cli)
    cli.ok("field", "add", "YT", "Y tế")
    edited = cli.json("edit", "directive", str(one), "--field", "y te")
    assert edited["field"] == "YT" and cli.json("show", str(two))["field"] is None
    assert [d["id"] for d in cli.json("list", "--field", "YT")] == [one]
    before = snapshot(db)
    cli.fail("edit", "directive", str(one), "--field", "KT")  # no such field
    cli.fail("edit", "directive", str(one), "--field", "YT", "--no-field", code=2)
    assert snapshot(db) == before
    assert cli.json("edit", "directive", str(one), "--no-field")["field"] is None
    cli.ok("undo", "--yes")
    assert cli.json("show", str(one))["field"] == "YT"


def test_reopen_a_withdrawn_or_accepted_directive(cli: Cli) -> None:
    _, (one, _two, three) = setup(cli)
    wd = cli.id("request", "withdraw", str(three), "--reason", "Thôi", "--date", "2025-04-01")
    cli.ok("approve", str(wd), "--date", "2025-04-02")
    cli.ok("reopen", str(three), "--date", "2025-04-03", "--reason", "Nhầm")
    assert show(cli, three, "2025-04-05")["status"] == "open_in_time"
    cli.ok(
        "done", str(one), "--date", "2025-03-20", "--doc", "45/BC-SYT", "--doc-date", "2025-03-18"
    )
    assert show(cli, one, "2025-03-31")["result"]["doc"] == "45/BC-SYT"
    cli.ok("reopen", str(one), "--date", "2025-03-25")
    reopened = show(cli, one, "2025-03-31")
    assert reopened["status"] == "open_in_time" and reopened["result"] is None


def test_a_withdrawal_is_not_stopped_by_progress_reported_later(cli: Cli, db: str) -> None:
    """Progress reported after the day a withdrawal is approved is no decision on the directive
    (done, cancel and the answer to a withdrawal are refused only before an extension approval,
    a request or a return recorded on it): the approval stands, the progress stays in its
    history."""
    _, (one, *_) = setup(cli)
    r = cli.id(
        "request", "withdraw", str(one), "--reason", "Không còn phù hợp", "--date", "2025-02-01"
    )
    cli.ok("progress", str(one), "--percent", "30", "--date", "2025-02-10")
    cli.ok("approve", str(r), "--date", "2025-02-05")
    assert show(cli, one, "2025-02-10")["status"] == "withdrawn"


def test_no_new_completion_before_the_return_of_the_last(cli: Cli, db: str) -> None:
    """A completion sent back is open again from the return's day: a new completion (or a
    cancellation) dated before it is refused."""
    _, (one, *_) = setup(cli)
    cli.ok("done", str(one), "--date", "2025-03-01")
    cli.ok("return", str(one), "--reason", "Thiếu số liệu", "--date", "2025-03-05")
    before = snapshot(db)
    assert cli.fail("done", str(one), "--date", "2025-03-03") == (
        "Error: completion date 2025-03-03 is before the return date 2025-03-05 recorded on "
        "directive 1"
    )
    assert "trước ngày trả lại 05/03/2025" in cli.fail(
        "--lang", "vi", "cancel", str(one), "--date", "2025-03-04"
    )
    assert snapshot(db) == before
    cli.ok("done", str(one), "--date", "2025-03-05")


def test_no_acceptance_before_what_is_recorded_while_it_waited(cli: Cli, db: str) -> None:
    """When the acceptance decides, the directive stays open until it: an extension approved
    meanwhile counts, so an acceptance dated before that approval (or a progress report) is
    refused; dated before it, a late completion would count as on time."""
    cli.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    _, (one, *_) = setup(cli)  # due 2025-03-31
    cli.ok("done", str(one), "--date", "2025-03-25")
    cli.ok("extend", str(one), "--to", "2025-04-30", "--date", "2025-04-05")
    before = snapshot(db)
    assert cli.fail("accept", str(one), "--date", "2025-04-02") == (
        "Error: acceptance date 2025-04-02 is before the approval date 2025-04-05 recorded on "
        "directive 1"
    )
    assert snapshot(db) == before
    cli.ok("accept", str(one), "--date", "2025-04-05")
    assert show(cli, one, "2025-06-30")["status"] == "done_on_time"


def test_one_list_of_verdicts() -> None:
    """The verdicts a completion may carry were listed twice (the store's check and the score
    rules'); one list, which both use (in dirtrack.kinds, so that checking one loads no score
    rules)."""
    from dirtrack import kinds, scoring
    from dirtrack.store import results

    assert results.VERDICTS is scoring.VERDICTS is kinds.VERDICTS


def test_a_verdict_by_its_vietnamese_name(cli: Cli, db: str) -> None:
    """--verdict took only meets, exceeds and short while its Vietnamese help named them đạt,
    vượt and chưa đạt (and --kind, --category or --on-time-by took their Vietnamese names)."""
    _, (one, two, three) = setup(cli)
    for ident, typed, code in ((one, "chưa đạt", "short"), (two, "VUOT", "exceeds")):
        cli.ok("done", str(ident), "--date", "2025-02-20", "--verdict", typed)
        assert show(cli, ident, "2025-03-01")["result"]["verdict"] == code
    before = snapshot(db)
    error = cli.fail("--lang", "vi", "done", str(three), "--verdict", "tuyệt")
    assert error == (
        "Error: không có mức đánh giá 'tuyệt'; dùng một trong: meets (đạt), exceeds (vượt), "
        "short (chưa đạt)"
    )
    assert snapshot(db) == before


@pytest.mark.parametrize("accepts", [False, True])
def test_a_return_keeps_what_the_completion_said(cli: Cli, tmp_path: Path, accepts: bool) -> None:
    """`return` cleared the completion's note with its day: the note was then nowhere but in the
    change log. After a return the completion's note, result document, file and hash are all
    readable (`show`: its result, and the history's result event with the note; `export`), and
    `undo` of the return gives the completion back as it was; whether the office decides by
    acceptance (the completion waited) or not (it had counted)."""
    _, (one, *_) = setup(cli)
    if accepts:
        cli.ok("office", "set", "--accept-completions", "có", "--on-time-by", "nghiệm thu")
    proof = tmp_path / "bao-cao.pdf"
    proof.write_bytes(b"%PDF bao cao")
    digest = hashlib.sha256(b"%PDF bao cao").hexdigest()
    cli.ok("done", str(one), "--date", "2025-03-25", "--doc", "45/BC-SYT", "--doc-date",
           "2025-03-20", "--file", str(proof), "--note", "Đã gửi báo cáo")  # fmt: skip
    before = show(cli, one, "2025-04-30")
    cli.ok("return", str(one), "--reason", "Thiếu số liệu", "--date", "2025-03-28")
    record = show(cli, one, "2025-04-30")
    assert (record["status"], record["completed_on"]) == ("overdue", None)
    result = record["result"]
    assert (result["doc"], result["doc_date"], result["file"], result["file_hash"]) == (
        "45/BC-SYT",
        "2025-03-20",
        str(proof),
        digest,
    )
    assert (result["returned_on"], result["return_reason"]) == ("2025-03-28", "Thiếu số liệu")
    assert [(e["event"], e.get("note")) for e in record["history"][1:]] == [
        ("result", "45/BC-SYT; Đã gửi báo cáo"),
        ("returned", "Thiếu số liệu"),
    ]
    [exported] = [d for d in json.loads(cli.ok("export"))["directives"] if d["id"] == one]
    assert (exported["completed_on"], exported["completion_note"]) == (None, "Đã gửi báo cáo")
    assert exported["result"]["file_hash"] == digest
    assert exported["result"]["returned_on"] == "2025-03-28"
    cli.ok("undo", "--yes")
    assert show(cli, one, "2025-04-30") == before
    # the next completion reported says its own note
    cli.ok("return", str(one), "--reason", "Thiếu số liệu", "--date", "2025-03-28")
    cli.ok("done", str(one), "--date", "2025-04-02", "--doc", "46/BC-SYT")
    again = show(cli, one, "2025-04-30")
    # one row for the completion reported after the return, with its document (it was a
    # "completed" row and a "result" row of the same day); waiting for acceptance, its result
    assert [(e["date"], e["event"], e.get("note")) for e in again["history"][1:]] == [
        ("2025-03-25", "result", "45/BC-SYT; Đã gửi báo cáo"),
        ("2025-03-28", "returned", "Thiếu số liệu"),
        ("2025-04-02", "result" if accepts else "completed", "46/BC-SYT"),
    ]
    # the returned one's note is its own, never the current completion's
    assert [r["note"] for r in again["returned_completions"]] == ["Đã gửi báo cáo"]


def _returned_sequence(db: str, tmp_path: Path) -> dict[str, Any]:
    """The sequence that lost the first completion, each command a process of its own (forked
    from the fork server): done with a document, its date, a file and a note; return; done
    again with another. The database's rows (but the change log) after each step."""
    from tests.conftest import run

    (tmp_path / "f1.txt").write_bytes(b"bao cao lan 1")
    (tmp_path / "f2.txt").write_bytes(b"bao cao lan 2")
    states: dict[str, Any] = {}
    for name, args in (
        ("unit", ("unit", "add", "BTC", "Ban Tổ chức")),
        ("meeting", ("add-meeting", "--date", "2025-01-10", "--title", "Giao ban")),
        ("assign", ("assign", "1", "--unit", "BTC", "--due", "2025-03-31", "Báo cáo")),
        ("done", ("done", "1", "--doc", "12/BC-BTC", "--doc-date", "2025-01-30", "--file",
                  str(tmp_path / "f1.txt"), "--note", "ghi chu 1", "--date", "2025-02-01")),
        ("return", ("return", "1", "--reason", "Chua dat", "--date", "2025-02-03")),
        ("again", ("done", "1", "--doc", "15/BC-BTC", "--file", str(tmp_path / "f2.txt"),
                   "--note", "ghi chu 2", "--date", "2025-02-10")),
    ):  # fmt: skip
        # the office's clerk returns it (who is kept with the returned completion)
        prefix = ("--actor", RETURNER) if name == "return" else ()
        done = run(*prefix, *args, db=db, forked=True)
        assert done.returncode == 0, done.stderr
        states[name] = {k: v for k, v in snapshot(db).items() if k != "change_log"}
    return states


RETURNER = "Lê Thị Hoa"


def test_a_completion_returned_is_kept_when_the_unit_reports_done_again(
    db: str, tmp_path: Path
) -> None:
    """`done` after a `return` overwrote the result row and the completion note: the first
    document, file, SHA-256, note and the return with its reason were left only in the change
    log. Every completion returned stays (`show`: ``returned_completions`` and the history), the
    current one last; it never counts; `undo` of the second `done` and of the `return` give the
    database back exactly."""
    from tests.conftest import run

    states = _returned_sequence(db, tmp_path)
    shown = run("show", "1", "--format", "json", "--as-of", "2025-03-01", db=db, forked=True)
    record = json.loads(shown.stdout)
    assert (record["status"], record["completed_on"]) == ("done_on_time", "2025-02-10")
    assert record["result"]["doc"] == "15/BC-BTC" and record["result"]["returned_on"] is None
    assert record["returned_completions"] == [
        {
            "claimed_on": "2025-02-01",
            "doc": "12/BC-BTC",
            "doc_date": "2025-01-30",
            "verdict": None,
            "file": str(tmp_path / "f1.txt"),
            "file_hash": hashlib.sha256(b"bao cao lan 1").hexdigest(),
            "note": "ghi chu 1",
            "returned_on": "2025-02-03",
            "return_reason": "Chua dat",
            "returned_by": RETURNER,
        }
    ]
    assert [(e["date"], e["event"], e.get("note")) for e in record["history"][1:]] == [
        ("2025-02-01", "result", "12/BC-BTC; ghi chu 1"),
        ("2025-02-03", "returned", "Chua dat"),
        ("2025-02-10", "completed", "15/BC-BTC; ghi chu 2"),
    ]
    # as of a day before the return: reported, not yet returned
    before = json.loads(
        run("show", "1", "--format", "json", "--as-of", "2025-02-02", db=db, forked=True).stdout
    )
    assert [(r["returned_on"], r["returned_by"]) for r in before["returned_completions"]] == [
        (None, None)
    ]
    exported = json.loads(run("export", db=db, forked=True).stdout)
    assert exported["version"] == 7
    assert [r["returned_by"] for r in exported["directives"][0]["returned_completions"]] == [
        RETURNER
    ]
    table = run("--lang", "en", "show", "1", "--as-of", "2025-03-01", db=db, forked=True).stdout
    assert "12/BC-BTC; ghi chu 1" in table and "Chua dat" in table
    # the meeting may not move after what the returned completion said it did
    moved = run("edit", "meeting", "1", "--date", "2025-02-05", db=db, forked=True)
    assert moved.returncode == 1 and moved.stderr == (
        "Error: meeting 1 cannot be moved to 2025-02-05: the result document date of directive "
        "1 is 2025-01-30, before it\n"
    )
    # undo of the second done, then of the return: each state exactly as it was
    assert run("undo", "--yes", db=db, forked=True).returncode == 0
    assert {k: v for k, v in snapshot(db).items() if k != "change_log"} == states["return"]
    assert run("--actor", RETURNER, "undo", "--yes", db=db, forked=True).returncode == 0
    assert {k: v for k, v in snapshot(db).items() if k != "change_log"} == states["done"]


def test_a_returned_completion_stays_when_its_directive_is_reopened(cli: Cli) -> None:
    """A completion returned, then the directive cancelled and reopened (a cancellation by
    mistake here): `reopen` cleared the result row, the return with it; it is kept as every
    returned completion is, and a completion is still refused a day before the return."""
    _, (one, *_) = setup(cli)
    cli.ok("done", str(one), "--date", "2025-03-01", "--doc", "45/BC-SYT", "--note", "Lần 1")
    cli.ok("return", str(one), "--reason", "Thiếu số liệu", "--date", "2025-03-05")
    cli.ok("cancel", str(one), "--date", "2025-03-10", "--reason", "Trùng việc")
    cli.ok("reopen", str(one), "--date", "2025-03-12", "--mistake")
    record = show(cli, one, "2025-04-30")
    assert [(r["doc"], r["note"], r["return_reason"]) for r in record["returned_completions"]] == [
        ("45/BC-SYT", "Lần 1", "Thiếu số liệu")
    ]
    assert record["result"] is None and record["status"] == "overdue"
    # a completion is open again only from the return's day, the return kept or not
    error = cli.fail("done", str(one), "--date", "2025-03-04")
    assert error.startswith("Error: completion date 2025-03-04 is before the return date "), error


def test_the_export_writes_a_result_and_a_returned_completion_in_their_order(
    db: str, tmp_path: Path
) -> None:
    """A returned completion's keys and a result's, as the export writes them (their models
    share what a completion claimed, ``ClaimOut``): the same keys in the same order as version
    7 always wrote them."""
    from tests.conftest import run

    _returned_sequence(db, tmp_path)
    [directive] = json.loads(run("export", "--format", "json", db=db, forked=True).stdout)[
        "directives"
    ]
    claim = ["claimed_on", "doc", "doc_date", "file", "file_hash", "verdict"]
    assert list(directive["result"]) == [*claim, "accepted_on", "returned_on", "return_reason"]
    [returned] = directive["returned_completions"]
    assert list(returned) == [
        "id", *claim, "note", "returned_on", "return_reason", "returned_by",
    ]  # fmt: skip
    assert (returned["doc"], returned["returned_by"]) == ("12/BC-BTC", RETURNER)
