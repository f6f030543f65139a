"""`score`: the presets and an office's own rule file against a register scored by hand.

The register (2025, judged on 31/12/2025), with what each directive is worth by hand:

- A leads d1 (on time, exceeds), d2 (10 days late), d3 (extension asked and approved before
  its deadline, done in the new one), d4 (extension asked after its deadline, approved as an
  objective cause by 77/QĐ-UBND, done in the new one), d11 (on time, exceeds); A coordinates d10.
- B leads d5 (overdue since 28/2), d6 (withdrawn), d7 (no deadline, open), d8 (on time, falls
  short of requirements).
- C leads d9 (extension approved after its deadline without objective cause, then done 5 days
  after the new one: two delays) and d10 (on time).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, snapshot

PERIOD = ("--period", "2025", "--as-of", "2025-12-31")


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> tuple[Path, dict[str, int]]:
    """The register, made once for the module (forty commands) and copied for each test."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("register")
    path = folder / "register.db"
    shutil.copy(sqlite_template, path)
    with pytest.MonkeyPatch.context() as env:
        for var in ("DIRTRACK_DB", "DIRTRACK_LANG", "LC_ALL", "DIRTRACK_CONFIG"):
            env.delenv(var, raising=False)
        env.setenv("LANG", "C.UTF-8")
        env.setenv("XDG_CONFIG_HOME", str(folder / "xdg-config"))
        ids = make_register(Cli(db=str(path), runner=CliRunner()))
    return path, ids


@pytest.fixture
def register(built: tuple[Path, dict[str, int]], db: str) -> dict[str, int]:
    if db.startswith("postgresql"):
        pytest.skip("the register is a SQLite file, copied")
    shutil.copy(built[0], db)
    return built[1]


def make_register(cli: Cli) -> dict[str, int]:
    for code, name in (("A", "Phòng A"), ("B", "Phòng B"), ("C", "Phòng C")):
        cli.ok("unit", "add", code, name)
    m = str(cli.id("add-meeting", "--date", "2025-01-10", "--title", "Giao ban đầu năm"))
    ids: dict[str, int] = {}

    def assign(name: str, unit: str, due: str | None, *more: str) -> int:
        args = ["assign", m, f"Việc {name}", "--unit", unit, *more]
        if due:
            args += ["--due", due]
        ids[name] = cli.id(*args)
        return ids[name]

    d1 = assign("d1", "A", "2025-03-31")
    cli.ok("done", str(d1), "--date", "2025-03-20", "--doc", "45/BC-A", "--verdict", "exceeds")
    d2 = assign("d2", "A", "2025-04-30")
    cli.ok("done", str(d2), "--date", "2025-05-10")
    d3 = assign("d3", "A", "2025-06-30")
    r = cli.id(
        "request",
        "extend",
        str(d3),
        "--to",
        "2025-09-30",
        "--reason",
        "Chờ",
        "--date",
        "2025-06-20",
    )
    cli.ok("approve", str(r), "--date", "2025-06-25")
    cli.ok("done", str(d3), "--date", "2025-09-15")
    d4 = assign("d4", "A", "2025-05-31")
    r = cli.id(
        "request",
        "extend",
        str(d4),
        "--to",
        "2025-08-31",
        "--reason",
        "Mưa lũ",
        "--date",
        "2025-06-05",
    )
    cli.ok("approve", str(r), "--date", "2025-06-10", "--objective", "--doc", "77/QĐ-UBND")
    cli.ok("done", str(d4), "--date", "2025-08-20")
    d5 = assign("d5", "B", "2025-02-28")
    d6 = assign("d6", "B", "2025-03-31")
    r = cli.id(
        "request", "withdraw", str(d6), "--reason", "Không còn phù hợp", "--date", "2025-03-10"
    )
    cli.ok("approve", str(r), "--date", "2025-03-15")
    assign("d7", "B", None)
    d8 = assign("d8", "B", "2025-04-30")
    cli.ok("done", str(d8), "--date", "2025-04-30", "--verdict", "short")
    d9 = assign("d9", "C", "2025-07-31")
    r = cli.id(
        "request",
        "extend",
        str(d9),
        "--to",
        "2025-09-30",
        "--reason",
        "Thiếu vốn",
        "--date",
        "2025-08-05",
    )
    cli.ok("approve", str(r), "--date", "2025-08-10", "--doc", "88/QĐ-UBND")
    cli.ok("done", str(d9), "--date", "2025-10-05")
    d10 = assign("d10", "C", "2025-03-31", "--with", "A")
    cli.ok("done", str(d10), "--date", "2025-03-01")
    d11 = assign("d11", "A", "2025-10-31")
    cli.ok("done", str(d11), "--date", "2025-10-01", "--verdict", "exceeds")
    assert d5 and d2
    return ids


def units(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {u["code"]: u for u in result["units"]}


def lines(unit: dict[str, Any]) -> list[tuple[int | None, str, float]]:
    return [(x["directive_id"], x["rule"], x["points"]) for x in unit["explanation"]]


def test_nd335_by_hand(cli: Cli, register: dict[str, int]) -> None:
    got = units(cli.json("score", *PERIOD, "--rules", "nd335"))
    d = register
    # A: (1 + 0.75 + 1 + 1 + 1) / 5 = 95; d4's miss is exempted by its objective approval.
    assert got["A"]["points"] == 95.0 and got["A"]["tier"] == "excellent"
    assert (d["d2"], "delay", -5.0) in lines(got["A"])
    exempt = [x for x in got["A"]["explanation"] if x["rule"] == "delay.exempt"]
    assert [(x["directive_id"], x["doc"], x["due"], x["days_late"]) for x in exempt] == [
        (d["d4"], "77/QĐ-UBND", "2025-05-31", 10)
    ]
    # B: d5 overdue (0, a delay floored back to 0), d8 on time but short (1 - 0.5): 25.
    assert got["B"]["points"] == 25.0 and got["B"]["tier"] == "not_done"
    assert lines(got["B"]) == [
        (d["d5"], "outcome.overdue", 0.0),
        (d["d5"], "delay", -12.5),
        (d["d5"], "delay.floor", 12.5),
        (d["d8"], "outcome.done_on_time", 50.0),
        (d["d8"], "verdict.short", -25.0),
    ]
    # C: d9 done late with two delays (1 - 0.5), d10 on time: 75.
    assert got["C"]["points"] == 75.0 and got["C"]["tier"] == "good"
    assert [x["due"] for x in got["C"]["explanation"] if x["rule"] == "delay"] == [
        "2025-07-31",
        "2025-09-30",
    ]
    for unit in got.values():  # every point explained: the lines add up
        assert round(sum(p for *_, p in lines(unit)), 2) == unit["points"]


def test_qd366_by_hand(cli: Cli, register: dict[str, int]) -> None:
    got = units(cli.json("score", *PERIOD, "--rules", "qd366"))
    # A: 30 + 70 × (1 + 0.5 + 1 + 1 + 1) / 5 = 93, but d2 was late: not "xuất sắc" nor "tốt";
    # every task done and 1 of 5 (20 %) behind: "hoàn thành nhiệm vụ".
    assert got["A"]["points"] == 93.0 and got["A"]["tier"] == "done"
    checks = {c["tier"]: c["failed"] for c in got["A"]["checks"]}
    assert checks["excellent"] == ["all_on_time"] and checks["done"] == []
    assert got["A"]["explanation"][0] == {"directive_id": None, "rule": "base", "points": 30.0}
    # B: 30 + 70 × (0 + 0.5) / 2 = 47.5.
    assert got["B"]["points"] == 47.5 and got["B"]["tier"] == "not_done"
    # C: 30 + 70 × (0.5 + 1) / 2 = 82.5, but half its tasks were behind.
    assert got["C"]["points"] == 82.5 and got["C"]["tier"] == "not_done"
    assert "max_behind_share" in {c["tier"]: c["failed"] for c in got["C"]["checks"]}["done"]


def test_an_office_rule_file(cli: Cli, register: dict[str, int], tmp_path: Path) -> None:
    rules = tmp_path / "tinh.toml"
    rules.write_text(
        'name = "tinh"\nscale = 100\n[outcome]\ndone_late = 1.0\n'
        '[delay]\ndeduct = 0.2\ndays = 7\nexempt = "approved"\nfloor = 0\n'
        "[weight]\nlead = 1\ncoordinator = 0.5\n"
        '[[tier]]\ncode = "a"\nmin = 90\n[[tier]]\ncode = "b"\nmin = 0\n',
        encoding="utf-8",
    )
    got = units(cli.json("score", *PERIOD, "--rules", str(rules), "--unit", "A"))
    # d2 10 days late: two started weeks, 2 × 0.2; d10 as coordinator with weight 0.5:
    # (1 + 0.6 + 1 + 1 + 1 + 0.5) / 5.5 = 92.7272… truncated.
    assert list(got) == ["A"]
    assert got["A"]["points"] == 92.72 and got["A"]["tier"] == "a"
    assert (register["d10"], "coordinator.outcome.done_on_time", 9.09) in lines(got["A"])
    c = units(cli.json("score", *PERIOD, "--rules", str(rules), "--unit", "C"))["C"]
    # d9: the first miss exempted (an approved extension), the second 5 days: one delay.
    assert [x["rule"] for x in c["explanation"] if x["directive_id"] == register["d9"]] == [
        "outcome.done_late",
        "delay.exempt",
        "delay",
    ]
    assert c["points"] == 90.0


def test_the_readmes_rule_file_is_taken_as_shown(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    """README's "A rule file", copied as it stands: it had one tier with conditions and a
    ``min`` above ``base``, which ``score`` refuses (a unit earning nothing would get no tier)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split("**A rule file**", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    rules = tmp_path / "quy-che-tinh.toml"
    rules.write_text(shown, encoding="utf-8")
    result = cli.json("score", *PERIOD, "--rules", str(rules))
    assert result["rules"]["name"] == "tinh"
    assert [t["code"] for t in result["rules"]["tiers"]][-1] == "not-done"
    assert all(u["tier"] in ("excellent", "not-done", None) for u in result["units"])


def test_as_of_reproduces_the_past(cli: Cli, register: dict[str, int]) -> None:
    """Judged on 30/6, d2's lateness and d5's overdue count, later work does not."""
    got = units(cli.json("score", "--period", "2025H1", "--as-of", "2025-06-30"))
    assert got["A"]["scored"] == 2  # d1, d2 done; d3, d4, d11 open within their deadlines
    assert [x["rule"] for x in got["A"]["explanation"]][-2:] == ["outcome.done_late", "delay"]
    assert got["C"]["scored"] == 1  # d10; d9 not yet due


def test_formats(cli: Cli, register: dict[str, int], tmp_path: Path) -> None:
    text = cli.ok("score", *PERIOD, "--rules", "nd335")
    assert "Phòng A" in text and "95.00" in text
    csv = cli.ok("score", *PERIOD, "--format", "csv")
    assert csv.splitlines()[0].startswith("code,name,points,tier")
    # A period with no unit to score is its header, not a blank line
    assert cli.ok("score", "--period", "2020", "--format", "csv").splitlines() == [
        csv.splitlines()[0]
    ]
    for fmt in ("xlsx", "docx", "html", "md"):
        out = tmp_path / f"s.{fmt}"
        cli.ok("score", *PERIOD, "--format", fmt, "--out", str(out))
        assert out.stat().st_size > 0


def test_explanation_names_units_as_the_summary_does(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    # The Word scores' explanation table named units by their bare code ('A') under a summary
    # that names them 'A — Phòng A', and set the directive's number as text, left-aligned.
    # Now it names each unit as the summary does and sets the number as a number.
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    out = tmp_path / "s.docx"
    cli.ok("--lang", "vi", "score", *PERIOD, "--rules", "nd335", "--format", "docx",
           "--out", str(out))  # fmt: skip
    summary, ledger = Document(str(out)).tables[-2:]
    assert [c.text for c in ledger.rows[0].cells] == ["STT", "Đơn vị", "Số", "Quy tắc", "Điểm"]
    named = {row.cells[1].text for row in summary.rows[1:]}
    assert named == {"A — Phòng A", "B — Phòng B", "C — Phòng C"}
    assert {row.cells[1].text for row in ledger.rows[1:]} == named
    numbered = [row.cells[2] for row in ledger.rows[1:] if row.cells[2].text]
    assert numbered and all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in numbered)


def test_english_scores_name_the_presets_tiers_in_english(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    # An English score document named each unit's tier, the tiers' thresholds and the rule set
    # in Vietnamese ('Hoàn thành tốt nhiệm vụ ≥ 70.00'). The presets now give each tier and
    # their title an English form (name_en, title_en), which English documents show; an
    # office's file may do the same, and a file without it is shown as written.
    from docx import Document

    out = tmp_path / "en.docx"
    cli.ok("--lang", "en", "score", *PERIOD, "--rules", "qd366", "--format", "docx",
           "--out", str(out))  # fmt: skip
    doc = Document(str(out))
    said = "\n".join(p.text for p in doc.paragraphs)
    assert "Regulation 366-QĐ/TW — results of assigned tasks" in said
    assert "Excellent task completion ≥ 90.00; Good task completion ≥ 70.00" in said
    summary = doc.tables[-2]
    tiers = {row.cells[3].text for row in summary.rows[1:]}
    assert tiers and tiers <= {
        "Excellent task completion", "Good task completion", "Task completion",
        "Failure to complete tasks",
    }, tiers  # fmt: skip
    assert "nhiệm vụ" not in said + "".join(tiers)
    vi = cli.ok("--lang", "vi", "score", *PERIOD, "--rules", "qd366")
    assert "Hoàn thành xuất sắc nhiệm vụ ≥ 90,00" in vi
    rules = tmp_path / "tinh.toml"
    rules.write_text(
        'title = "Quy chế tỉnh"\ntitle_en = "Provincial rules"\n'
        '[[tier]]\ncode = "a"\nname = "Loại A"\nname_en = "Grade A"\nmin = 50\n'
        '[[tier]]\ncode = "b"\nname = "Loại B"\nmin = 0\n',
        encoding="utf-8",
    )
    text = cli.ok("--lang", "en", "score", *PERIOD, "--rules", str(rules))
    assert "Provincial rules" in text and "Grade A ≥ 50.00; Loại B ≥ 0.00." in text
    assert cli.json("score", *PERIOD, "--rules", str(rules))["rules"]["tiers"][0]["name_en"] == (
        "Grade A"
    )


def test_workbooks_about_sheet_names_the_rule_set_and_tiers(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    # The Excel scores' "About" sheet gave the period and the date of the figures but not the
    # rule set nor the tiers' thresholds that the Word scores print: a workbook read alone did
    # not say by which rules its points were given. It now has both, in either language, each
    # row as high as its wrapped value.
    from openpyxl import load_workbook

    for lang, rules, want in (
        ("vi", "nd335", {"Bộ quy tắc": "NĐ 335/2025/NĐ-CP", "Mức xếp loại": "≥ 90,00"}),
        ("en", "qd366", {"Rule set": "Regulation 366-QĐ/TW", "Tiers": "Excellent task"}),
    ):  # fmt: skip
        out = tmp_path / f"s-{lang}.xlsx"
        cli.ok("--lang", lang, "score", *PERIOD, "--rules", rules, "--format", "xlsx",
               "--out", str(out))  # fmt: skip
        about = load_workbook(out).worksheets[0]
        rows = {r[0].value: (r[1].value, r[0].row) for r in about.iter_rows(min_row=2)}
        for label, part in want.items():
            assert label in rows and part in rows[label][0], (label, rows)
        tiers = rows["Mức xếp loại" if lang == "vi" else "Tiers"]
        assert tiers[0].count("≥") >= 3
        assert (about.row_dimensions[tiers[1]].height or 0) > 15  # wraps: more than one line


def test_bad_rules(cli: Cli, register: dict[str, int], db: str, tmp_path: Path) -> None:
    before = snapshot(db)
    assert "qd366" in cli.fail("score", *PERIOD, "--rules", "nd999")
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[delay]\ndeduct = "nhiều"\n', encoding="utf-8")
    message = cli.fail("score", *PERIOD, "--rules", str(bad))
    assert f"{bad}:3" in message and "delay.deduct" in message
    bad.write_text("[outcome\n", encoding="utf-8")
    assert "TOML" in cli.fail("score", *PERIOD, "--rules", str(bad))
    bad.write_text('[[tier]]\ncode = "x"\nmin = 0\nsurprise = 1\n', encoding="utf-8")
    assert "tier.surprise" in cli.fail("score", *PERIOD, "--rules", str(bad))
    assert snapshot(db) == before


def test_a_preset_is_named_as_its_decree_is_written(cli: Cli, register: dict[str, int]) -> None:
    """`--rules QĐ366` (the decree's own letters, as a clerk writes it) and `NĐ 335` said "no
    rule set 'QĐ366': neither a preset (nd335, qd366) nor a file"; `QD366` went. A preset is
    read in any case, with or without its marks, spaces and hyphens."""
    for typed, preset in (("QĐ366", "qd366"), ("NĐ 335", "nd335"), ("qđ-366", "qd366")):
        assert cli.json("score", *PERIOD, "--rules", typed)["rules"]["name"] == preset
    assert cli.fail("score", *PERIOD, "--rules", "QĐ367").startswith(
        "Error: no rule set 'QĐ367': neither a preset (nd335, qd366) nor a file"
    )


def test_a_rule_file_that_is_empty_a_device_or_a_folder_says_so(
    cli: Cli, register: dict[str, int], db: str, tmp_path: Path
) -> None:
    """`--rules /dev/null` said "neither a preset nor a file" and an empty file that it held no
    [[tier]]: each says what is wrong with the file it names, and nothing is written."""
    before = snapshot(db)
    empty, blank, fifo = tmp_path / "trống.toml", tmp_path / "blank.toml", tmp_path / "fifo.toml"
    empty.write_bytes(b"")
    blank.write_text("  \n\n", encoding="utf-8")
    # Notepad's empty file: its byte order mark alone ('tier must be one [[tier]] table')
    marked = tmp_path / "notepad.toml"
    marked.write_bytes(b"\xef\xbb\xbf\r\n")
    os.mkfifo(fifo)  # never opened for a writer: reading it would wait
    said = {
        "/dev/null": "Error: /dev/null is not a regular file (a pipe or a device?)",
        str(fifo): f"Error: {fifo} is not a regular file (a pipe or a device?)",
        str(empty): f"Error: {empty} is empty",
        str(blank): f"Error: {blank} is empty",
        str(marked): f"Error: {marked} is empty",
        str(tmp_path): f"Error: {tmp_path}: is a folder, not a file",
        str(tmp_path / "none.toml"): "Error: no rule set",  # neither a preset nor a file
    }
    for rules, line in said.items():
        message = cli.fail("score", *PERIOD, "--rules", rules)
        assert message.startswith(line) and len(message.strip().splitlines()) == 1, message
    assert (
        cli.fail("--lang", "vi", "score", *PERIOD, "--rules", str(empty)) == f"Error: {empty} trống"
    )
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("content", "en", "vi"),
    [
        # a title or tier name holding ESC or BEL was printed as is (Markdown, the table)
        (
            'title = "a\\u001b[31mb"\n',
            "title must be a text without control characters (U+001B found)",
            "title phải là một chuỗi chữ không có ký tự điều khiển (ở đây có U+001B)",
        ),
        (
            '[[tier]]\ncode = "A"\nname = "T\\u0007t"\nmin = 0\n',
            "tier.name must be a text without control characters (U+0007 found)",
            "tier.name phải là một chuỗi chữ không có ký tự điều khiển",
        ),
        # a tier's name of another kind was made text (5 became "5")
        ('[[tier]]\ncode = "A"\nname = 5\nmin = 0\n', "tier.name must be a text", "tier.name"),
        # 1e308 went through, and the score stopped on 'a number is too large', naming nothing
        (
            "[delay]\ndeduct = 1e308\n",
            "delay.deduct must be a number from -1000000 to 1000000",
            "delay.deduct phải là một số từ -1000000 đến 1000000",
        ),
        ("scale = 1e308\n", "scale must be a number from -1000000", "scale phải là một số từ"),
        # 9223372036854775807 days was taken, as no other number of the file is
        (
            "[delay]\ndays = 9223372036854775807\n",
            "bad.toml:2: delay.days must be a whole number from 0 to 1000000",
            "delay.days phải là một số nguyên từ 0 đến 1000000",
        ),
        ("[delay]\ndays = -1\n", "delay.days must be a whole number from 0 to", "số nguyên từ 0"),
        # a deduction or weight below 0 (a sign typed wrong) gave 200 points for a delay, or
        # scored no unit at all
        ("[delay]\ndeduct = -1\n", "delay.deduct must be a number, 0 or more", "từ 0 trở lên"),
        ("[weight]\nlead = -1.0\n", "weight.lead must be a number, 0 or more", "weight.lead"),
        ("[weight]\ncoordinator = -0.5\n", "weight.coordinator must be a number, 0", "từ 0"),
        # a tier's code of a zero-width space alone: a tier named by nothing
        (
            '[[tier]]\ncode = "\\u200b"\nmin = 0\n',
            "bad.toml:2: tier.code must be a text",
            "tier.code",
        ),
        # shares of 5 or -2 were taken: a condition always or never met
        (
            '[[tier]]\ncode = "A"\nmin = 0\nmax_behind_share = 5\n',
            "bad.toml:4: tier.max_behind_share must be a share from 0 to 1",
            "tier.max_behind_share phải là một tỷ lệ từ 0 đến 1",
        ),
        (
            '[[tier]]\ncode = "A"\nmin = 0\nmin_exceeds_share = -2\n',
            "bad.toml:4: tier.min_exceeds_share must be a share from 0 to 1",
            "tier.min_exceeds_share",
        ),
        # a scale below 0 ranked the unit that did least first
        ("scale = -100\n", "bad.toml:1: scale must be a number, 0 or more", "scale phải là"),
        # a floor above a full share gave an overdue directive more than one done on time
        (
            "[delay]\nfloor = 1.5\n",
            "bad.toml:2: delay.floor must be a share of 1 or less",
            "delay.floor phải là một tỷ lệ không quá 1",
        ),
        # a tier above the most points a unit can get was accepted, and never given
        (
            '[[tier]]\ncode = "A"\nmin = 0\n[[tier]]\ncode = "B"\nmin = 101\n',
            "bad.toml:6: tier.min must be points a unit can reach: at most 100 (base + scale",
            "bad.toml:6: tier.min phải là số điểm mà một đơn vị có thể đạt: tối đa 100",
        ),
        # no tier for a unit whose directives earn nothing: scored, and given no tier at all
        (
            'base = 20\n[[tier]]\ncode = "A"\nmin = 50\n'
            '[[tier]]\ncode = "B"\nmin = 10\nall_done = true\n',
            "bad.toml:7: tier.min must be 20 or less in one [[tier]] without conditions at least",
            "tier.min phải là 20 trở xuống ở ít nhất một [[tier]] không kèm điều kiện",
        ),
        # delays deducted with no floor took a unit below every tier: scored, and no tier
        (
            "[delay]\ndeduct = 0.25\n",
            "bad.toml: delay.floor must be a share, given whenever delay.deduct is above 0",
            "bad.toml: delay.floor phải là một tỷ lệ, phải ghi khi delay.deduct lớn hơn 0",
        ),
        # an outcome below 0 did too (an overdue directive at -100 000 000 points, no tier)
        (
            "[outcome]\noverdue = -1000000\n",
            "bad.toml:6: tier.min must be -100000000 or less in one [[tier]] without conditions",
            "tier.min phải là -100000000 trở xuống ở ít nhất một [[tier]] không kèm điều kiện",
        ),
        # both weights at 0, or every outcome skipped: no directive scored, a table of nobody
        # with exit 0 and no word of why
        (
            "[weight]\nlead = 0\ncoordinator = 0\n",
            "bad.toml:2: weight.lead must be a number above 0 when weight.coordinator is 0",
            "weight.lead phải là một số lớn hơn 0 khi weight.coordinator bằng 0",
        ),
        (
            '[outcome]\ndone_on_time = "skip"\ndone_late = "skip"\noverdue = "skip"\n',
            'bad.toml:2: outcome.done_on_time must be a number when every other outcome is "skip"',
            'outcome.done_on_time phải là một số khi mọi mục khác của [outcome] đều là "skip"',
        ),
        # a floor below 0 under delays deducted: delays took a unit to -200 points, no tier
        (
            "[delay]\ndeduct = 0.5\nfloor = -2\n",
            "bad.toml:7: tier.min must be -200 or less in one [[tier]] without conditions",
            "bad.toml:7: tier.min phải là -200 trở xuống ở ít nhất một [[tier]] không kèm",
        ),
        # a tier after one without conditions and of no higher min: never given, silently
        (
            '[[tier]]\ncode = "Z"\nmin = 0\n[[tier]]\ncode = "A"\nmin = 90\n',
            "bad.toml:6: tier.min must be below 0: [[tier]] 'Z', tried before it without "
            "conditions, takes every unit with 0 points or more, so this one is never given",
            "bad.toml:6: tier.min phải là dưới 0: [[tier]] 'Z', được xét trước và không kèm",
        ),
        # two tiers of one code: a unit's tier (its code, in JSON) said two tiers at once
        (
            '[[tier]]\ncode = "A"\nmin = 50\n[[tier]]\ncode = "A"\nmin = 0\n',
            "tier.code must be a code no other [[tier]] has ('A' is given twice)",
            "('A' được dùng hai lần)",
        ),
    ],
)
def test_a_rule_files_texts_and_numbers_are_checked(
    cli: Cli, register: dict[str, int], tmp_path: Path, content: str, en: str, vi: str
) -> None:
    bad = tmp_path / "bad.toml"
    tier = '[[tier]]\ncode = "A"\nname = "Tốt"\nmin = 0\n'
    bad.write_text(content + ("" if "[[tier]]" in content else tier), encoding="utf-8")
    for lang, words in (("en", en), ("vi", vi)):
        message = cli.fail("--lang", lang, "score", *PERIOD, "--rules", str(bad))
        assert words in message and str(bad) in message, message


def test_a_rule_files_numbers_are_read_as_written(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    """A weight of 1e-9 was rounded to a millionth, 0, then refused as "must be a number above
    0": a number is read exactly as the file writes it, so weights of 1e-9 and 2e-9 weigh as
    1 and 2 do (rounded, both were 0), and a lead weight of 1e-9 alone as 1 alone."""
    tier = '[[tier]]\ncode = "A"\nmin = 0\n'

    def points(weights: str) -> dict[str, float]:
        rules = tmp_path / "weights.toml"
        rules.write_text(f"[weight]\n{weights}\n{tier}", encoding="utf-8")
        got = units(cli.json("score", *PERIOD, "--rules", str(rules)))
        return {code: u["points"] for code, u in got.items()}

    both = points("lead = 1\ncoordinator = 2")
    assert points("lead = 1e-9\ncoordinator = 2e-9") == both and len(both) > 1
    lead = points("lead = 1")
    assert points("lead = 1e-9") == lead


def test_a_tier_catches_the_fewest_points_a_rule_file_allows(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    # short of requirements takes a done directive below 0: a tier from -50 catches it
    rules = tmp_path / "low.toml"
    rules.write_text(
        '[verdict]\nshort = -1.5\n[[tier]]\ncode = "ok"\nmin = 50\n'
        '[[tier]]\ncode = "low"\nmin = -50\n',
        encoding="utf-8",
    )
    got = units(cli.json("score", *PERIOD, "--rules", str(rules)))
    assert {u["tier"] for u in got.values()} <= {"ok", "low"} and got["B"]["tier"] == "low"
    assert got["B"]["points"] == -25.0


def test_qd366_100_points_is_excellent_only_with_a_third_exceeding(cli: Cli) -> None:
    """Điều 11 khoản 1 of 366-QĐ/TW: "xuất sắc" is 90 points or more *and*, for a collective,
    every task on time with at least 30 % done beyond requirements. 100 points with every
    result merely meeting them is "tốt", the failed condition named; a third exceeding makes
    it "xuất sắc"."""
    cli.ok("unit", "add", "A", "Phòng A")
    m = str(cli.id("add-meeting", "--date", "2025-01-10", "--title", "Giao ban"))
    done = []
    for n in range(3):
        d = str(cli.id("assign", m, f"Việc {n}", "--unit", "A", "--due", "2025-03-31"))
        cli.ok("done", d, "--date", "2025-03-01", "--verdict", "meets")
        done.append(d)
    (unit,) = cli.json("score", *PERIOD, "--rules", "qd366")["units"]
    assert (unit["points"], unit["tier"]) == (100.0, "good")
    assert {c["tier"]: c["failed"] for c in unit["checks"]}["excellent"] == ["min_exceeds_share"]
    cli.ok("reopen", done[0], "--date", "2025-03-02", "--reason", "Bổ sung")
    cli.ok("done", done[0], "--date", "2025-03-03", "--verdict", "exceeds")
    (unit,) = cli.json("score", *PERIOD, "--rules", "qd366")["units"]
    assert (unit["points"], unit["tier"], unit["exceeds"]) == (100.0, "excellent", 1)


def test_the_lines_shown_add_up_to_the_points_shown(cli: Cli, tmp_path: Path) -> None:
    # three directives of a third each: 33.33 three times beside 100.00 points
    cli.ok("unit", "add", "A", "Phòng A")
    m = str(cli.id("add-meeting", "--date", "2025-01-10", "--title", "Giao ban"))
    for n in range(3):
        d = str(cli.id("assign", m, f"Việc {n}", "--unit", "A", "--due", "2025-03-31"))
        cli.ok("done", d, "--date", "2025-03-01")
    d = str(cli.id("assign", m, "Việc 3", "--unit", "A", "--due", "2025-02-28"))
    cli.ok("done", d, "--date", "2025-03-02")  # late: a delay of a sixth of the points
    for rules in ("nd335", "qd366"):
        (unit,) = cli.json("score", *PERIOD, "--rules", rules)["units"]
        shown = [line["points"] for line in unit["explanation"]]
        assert round(sum(shown), 2) == unit["points"], (rules, shown, unit["points"])
        # each line is its exact value cut to two decimals, or one hundredth more
        assert all(abs(p - round(p, 2)) < 1e-9 for p in shown)
    (unit,) = cli.json("score", *PERIOD, "--rules", "nd335")["units"]
    assert unit["points"] == 93.75  # (1 + 1 + 1 + 0.75) / 4
    assert sorted(line["points"] for line in unit["explanation"]) == [-6.25, 25.0, 25.0, 25.0, 25.0]
    cli.ok("unit", "add", "B", "Phòng B")
    for n in range(3):
        d = str(cli.id("assign", m, f"Việc B{n}", "--unit", "B", "--due", "2025-03-31"))
        cli.ok("done", d, "--date", "2025-03-01")
    got = {u["code"]: u for u in cli.json("score", *PERIOD, "--rules", "nd335")["units"]}
    assert got["B"]["points"] == 100.0
    assert sorted(line["points"] for line in got["B"]["explanation"]) == [33.33, 33.33, 33.34]


def test_a_unit_with_nothing_scored_is_not_listed(cli: Cli) -> None:
    # as README says: no directive, every one cancelled, or every one skipped by the rules
    # (open in time under qd366) gives a unit no row, rather than one of null points
    for code in ("A", "E", "F", "G"):
        cli.ok("unit", "add", code, f"Phòng {code}")
    m = str(cli.id("add-meeting", "--date", "2025-01-10", "--title", "Giao ban"))
    d = str(cli.id("assign", m, "Việc A", "--unit", "A", "--due", "2025-03-31"))
    cli.ok("done", d, "--date", "2025-03-01")
    d = str(cli.id("assign", m, "Việc F", "--unit", "F", "--due", "2025-06-30"))
    cli.ok("cancel", d, "--date", "2025-02-01", "--reason", "Không còn phù hợp")
    cli.ok("assign", m, "Việc G", "--unit", "G", "--due", "2026-06-30")
    for rules in ("nd335", "qd366"):
        got = cli.json("score", *PERIOD, "--rules", rules)["units"]
        assert [(u["code"], u["points"]) for u in got] == [("A", 100.0)], rules
        for code in ("E", "F", "G"):
            assert cli.json("score", *PERIOD, "--rules", rules, "--unit", code)["units"] == []
            csv = cli.ok("score", *PERIOD, "--rules", rules, "--unit", code, "--format", "csv")
            assert csv.strip().splitlines()[1:] == []


def test_a_rule_files_names_keep_no_direction_override(
    cli: Cli, register: dict[str, int], tmp_path: Path
) -> None:
    rules = tmp_path / "bidi.toml"
    rules.write_text(
        'title = "Quy \u202eché"\n[[tier]]\ncode = "A\u2066"\nname = "T\u202eốt"\nmin = 0\n',
        encoding="utf-8",
    )
    got = cli.json("score", *PERIOD, "--rules", str(rules))
    assert got["rules"]["title"] == "Quy ché"
    assert [(t["code"], t["name"]) for t in got["rules"]["tiers"]] == [("A", "Tốt")]
    assert {u["tier"] for u in got["units"]} == {"A"}
    blank = tmp_path / "blank.toml"
    blank.write_text('[[tier]]\ncode = "A"\nname = "\u200b"\nmin = 0\n', encoding="utf-8")
    assert "tier.name must be a text" in cli.fail("score", *PERIOD, "--rules", str(blank))
