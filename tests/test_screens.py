"""Tables for people at any width: every listing and the report, as a terminal 80, 120 and 200
columns wide shows them, in both languages (golden files in tests/golden/), and piped output as
it always was.

The terminal is rich's Console with a fixed width, forced to be a terminal, in-process. To
write the golden files again after a deliberate change: ``UPDATE_GOLDEN=1 pytest
tests/test_screens.py``, then read the diff.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Cli

GOLDEN = Path(__file__).resolve().parent / "golden"
WIDTHS = (80, 120, 200)
AS_OF = "2022-09-30"
# The note under a table at a terminal too narrow for all its columns, before their names.
LEFT_OUT = {"vi": "Không hiện vì cửa sổ hẹp: ", "en": "Not shown, the window is too narrow: "}

LISTINGS = {
    "list": ["list", "--as-of", AS_OF],
    "overdue": ["overdue", "--as-of", AS_OF],
    "show": ["show", "1"],
    "meetings": ["meetings"],
    "limitations": ["limitations"],
    "remind": ["remind", "--as-of", "2022-08-25", "--within", "40"],
    "history": ["history", "--limit", "4"],
    "unit-list": ["unit", "list"],
    "report": ["report", "--quarter", "2022Q3"],
}


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small register with long Vietnamese texts, an extension, every status and a history
    whose times are fixed."""
    from typer.testing import CliRunner

    db = str(tmp_path_factory.mktemp("screens") / "screens.db")
    office = Cli(db=db, runner=CliRunner())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LANG", "C.UTF-8")
        patch.setenv("XDG_CONFIG_HOME", str(Path(db).parent / "config"))
        patch.delenv("DIRTRACK_CONFIG", raising=False)
        say = ["--actor", "van-thu"]
        office.ok(*say, "unit", "add", "TU", "Tỉnh ủy")
        office.ok(*say, "unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--parent", "TU")
        office.ok(
            *say,
            "unit",
            "add",
            "UBKTTU",
            "Ủy ban Kiểm tra Tỉnh ủy",
            "--parent",
            "TU",
            "--alias",
            "UBKT Tỉnh ủy",
        )
        office.ok(
            *say,
            "add-meeting",
            "--date",
            "6/5/2022",
            "--kind",
            "working-session",
            "--title",
            "Đánh giá hoạt động của các cơ quan tham mưu, giúp việc Tỉnh ủy",
            "--chair",
            "Phương Thị Thanh",
            "--attendee",
            "VPTU",
            "--attendee",
            "UBKTTU",
            "--doc",
            "46-QĐ/ThU",
        )
        office.ok(
            *say,
            "assign",
            "1",
            "--unit",
            "VPTU",
            "--with",
            "UBKTTU",
            "--due",
            "31/7/2022",
            "Tham mưu, đề xuất cho Thường trực, Ban Thường vụ Tỉnh ủy sắp xếp lại bộ máy "
            "tổ chức tinh gọn, hoạt động hiệu lực, hiệu quả",
        )
        office.ok(
            *say,
            "progress",
            "1",
            "--percent",
            "40",
            "--date",
            "15/7/2022",
            "--note",
            "Đã trình dự thảo đề án lần thứ nhất",
        )
        office.ok(
            *say,
            "extend",
            "1",
            "--to",
            "31/8/2022",
            "--date",
            "20/7/2022",
            "--reason",
            "Công văn 123-CV/VPTU xin lùi thời hạn",
        )
        office.ok(
            *say,
            "assign",
            "1",
            "--unit",
            "UBKTTU",
            "--due",
            "quý III/2022",
            "Bố trí lái xe, bảo đảm phương tiện phục vụ công tác kiểm tra, giám sát",
        )
        office.ok(*say, "done", "2", "--date", "10/9/2022")
        office.ok(
            *say,
            "assign",
            "1",
            "--unit",
            "VPTU",
            "--due",
            "30/6/2022",
            "Rà soát những phần việc trong năm và chương trình toàn khóa",
        )
        office.ok(*say, "done", "3", "--date", "5/7/2022")
        office.ok(
            *say,
            "add-limitation",
            "1",
            "--unit",
            "UBKTTU",
            "--category",
            "staffing",
            "Thiếu lái xe, phương tiện phục vụ kiểm tra, giám sát còn hạn chế",
        )
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # the history's times, fixed: 2022-09-01 01:00 UTC on
        conn.execute(
            text(
                "UPDATE change_log SET at = datetime('2022-09-01 01:00', "
                "'+' || (id * 7) || ' minutes')"
            )
        )
    engine.dispose()
    yield db


def terminal(monkeypatch: pytest.MonkeyPatch, width: int, *, colour: bool = False) -> None:
    """Make dirtrack believe stdout is a terminal ``width`` columns wide (rich reads COLUMNS)."""
    from dirtrack.render import table

    monkeypatch.setattr(table, "is_plain", lambda: False)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("TERM", "xterm-256color")
    if not colour:
        monkeypatch.setenv("NO_COLOR", "1")


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def screen(register: str, lang: str, args: list[str], extra: list[str] = ()) -> str:
    from typer.testing import CliRunner

    from dirtrack.cli import app

    result = CliRunner().invoke(
        app, ["--db", register, "--lang", lang, "--timezone", "Asia/Ho_Chi_Minh", *extra, *args]
    )
    assert result.exit_code == 0, result.stderr + result.stdout
    return result.stdout


def screen_words(plain: str, lang: str) -> set[str]:
    """The words a screen may show: those of the plain output, and the note that names the
    columns left out for the window's width ("Progress;" with its semicolon)."""
    words = set(plain.split())
    return words | {w + ";" for w in words} | set(LEFT_OUT[lang].split())


def page(output: str) -> str:
    """The screen as text: no style codes, no trailing blanks."""
    lines = [ANSI.sub("", line).rstrip() for line in output.splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(LISTINGS))
def test_every_listing_fits_80_120_and_200_columns(
    register: str, monkeypatch: pytest.MonkeyPatch, name: str, lang: str
) -> None:
    args = LISTINGS[name]
    plain = page(screen(register, lang, args))
    words = screen_words(plain, lang)
    pages = []
    for width in WIDTHS:
        with monkeypatch.context() as patch:
            terminal(patch, width)
            shown = page(screen(register, lang, args))
        for line in shown.splitlines():
            assert len(line) <= width, (width, line)
        # Nothing broken inside a word: every word on the screen is a word of the plain output
        # (the box's rules and the report's bars aside).
        broken = {w for w in shown.split() if w not in words and not set(w) <= set("━─█░·")}
        assert not broken, (width, sorted(broken))
        pages.append(f"=== {width} columns ===\n{shown}")
    golden = GOLDEN / f"{name}.{lang}.txt"
    text = "".join(pages)
    if os.environ.get("UPDATE_GOLDEN") or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_id_unit_deadline_and_text_stay_at_80_columns(
    register: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    terminal(monkeypatch, 80)
    shown = page(screen(register, lang, LISTINGS["overdue"]))
    row = next(line for line in shown.splitlines() if re.match(r"^\s+1\s", line))
    assert "VPTU" in row and ("31/08/2022" in row or "2022-08-31" in row)
    assert "Tham mưu, đề xuất" in row
    # The text wraps over lines of a readable width, not a dozen characters.
    text_at = row.index("Tham")
    assert len(row) - text_at >= 24


def header_heights(shown: str) -> list[int]:
    """The lines each table's header takes: those above its rule, up to a blank line."""
    lines = shown.splitlines()
    heights = []
    for at, line in enumerate(lines):
        if line.lstrip().startswith("━"):
            top = at
            while top > 0 and lines[top - 1].strip():
                top -= 1
            heights.append(at - top)
    return heights


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [80, 120])
def test_headers_take_at_most_two_lines_at_80_and_120_columns(
    register: str, monkeypatch: pytest.MonkeyPatch, lang: str, width: int
) -> None:
    """The free text took the spare width first, and short headers broke a word a line: at 80
    and 120 columns "Số ngày quá hạn" took four lines, "Người thực hiện" three. Now the room
    left beside the text at its readable width goes first to the headers, until each takes at
    most two lines; the text keeps at least its readable width."""
    terminal(monkeypatch, width)
    for name in ("list", "overdue", "meetings", "limitations", "history", "unit-list"):
        shown = page(screen(register, lang, LISTINGS[name]))
        heights = header_heights(shown)
        assert heights and max(heights) <= 2, (name, heights, shown)
    shown = page(screen(register, lang, LISTINGS["overdue"]))
    row = next(line for line in shown.splitlines() if re.match(r"^\s+1\s", line))
    assert len(row) - row.index("Tham") >= 24  # the text at its readable width


def test_piped_output_is_as_it_always_was(register: str) -> None:
    """No terminal: one line per row, nothing cut, no box drawing."""
    shown = page(screen(register, "vi", LISTINGS["list"]))
    lines = shown.splitlines()
    assert len(lines) == 4  # header and three directives, each on one line
    assert "sắp xếp lại bộ máy tổ chức tinh gọn, hoạt động hiệu lực, hiệu quả" in lines[1]
    assert "━" not in shown


def test_the_report_is_in_colour_at_a_terminal_unless_no_color(
    register: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch, 120, colour=True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    shown = screen(register, "vi", LISTINGS["report"])
    assert "\x1b[1;31m" in shown  # the overdue rows in red
    assert max(len(ANSI.sub("", line)) for line in shown.splitlines()) <= 120
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[1;31m" not in screen(register, "vi", LISTINGS["report"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_requests_keep_their_status_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The status of a request (waiting, granted, moot) is what a clerk reads the list for: it
    stays at 80 columns, where the reason and the document give way."""
    from typer.testing import CliRunner

    db = str(tmp_path / "requests.db")
    office = Cli(db=db, runner=CliRunner())
    office.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    office.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--chair", "A")
    office.ok("assign", "1", "--unit", "VPTU", "--due", "30/6/2022", "Rà soát chương trình")
    office.ok(
        "request", "extend", "1", "--to", "31/7/2022", "--date", "20/6/2022",
        "--reason", "Chờ ý kiến của các đảng bộ cơ sở trực thuộc",
    )  # fmt: skip
    office.ok("done", "1", "--date", "25/6/2022")
    terminal(monkeypatch, 80)
    shown = page(screen(db, lang, ["requests", "--as-of", "2022-07-01"]))
    assert all(len(line) <= 80 for line in shown.splitlines())
    words = " ".join(shown.split())
    assert ("không còn xem xét" if lang == "vi" else "moot") in words
    assert "31/07/2022" in shown or "2022-07-31" in shown


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_dry_run_with_long_notes_is_readable_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """An import's dry run of two sheets, with a progress in its status and notes of several
    lines: at 80 columns no layout of its columns fits, and rich squeezed each to two or three
    letters a line (the text 'Tổ/ng/kế/t' down the screen). The rows are shown as blocks there,
    each value beside its header; where the columns fit, the table is as before."""
    from openpyxl import Workbook
    from typer.testing import CliRunner

    db = str(tmp_path / "x.db")
    office = Cli(db=db, runner=CliRunner())
    office.ok("unit", "add", "SNV", "Sở Nội vụ")
    office.ok("unit", "add", "SXD", "Sở Xây dựng")
    office.ok("add-meeting", "--date", "2/1/2025", "--title", "Giao ban quý I")
    book = Workbook()
    text = "Xây dựng đề án sắp xếp tổ chức bộ máy các cơ quan tham mưu giúp việc"
    rows = {
        "Quý 1": [1, text, "Sở Nội vụ", "các sở, ngành liên quan", "30/6/2025", "Đạt 80%"],
        "Quý 2": [
            1,
            "Tổng kết công tác cải cách hành chính",
            "Sở Xây dựng",
            "Sở Nội vụ",
            "31/12/2025",
            "",
        ],
    }
    for name, row in rows.items():
        sheet = book.create_sheet(name)
        sheet.append(
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời hạn",
                "Kết quả thực hiện",
            ]
        )
        sheet.append(row)
    del book["Sheet"]
    book.save(tmp_path / "theo-doi.xlsx")
    monkeypatch.chdir(tmp_path)  # the file's name, not a long path, heads the dry run
    args = ["import", "theo-doi.xlsx", "--meeting", "1", "--sheet", "all", "--dry-run"]
    words = screen_words(page(screen(db, lang, args)), lang)
    header = {"vi": "Nội dung", "en": "Text"}[lang]
    for width in (80, 120, 200):
        with monkeypatch.context() as patch:
            terminal(patch, width)
            shown = page(screen(db, lang, args))
        lines = shown.splitlines()
        assert all(len(line) <= width for line in lines), width
        broken = {w for w in shown.split() if w not in words and not set(w) <= set("━─")}
        assert not broken, (width, sorted(broken))
        # The text in lines of a readable width, whatever the layout.
        assert any("Xây dựng đề án sắp xếp" in line for line in lines), (width, shown)
        assert any("Tổng kết công tác cải" in line for line in lines), (width, shown)
        if width == 80:  # blocks: each value beside its header
            assert any(line.startswith(header) and "Xây dựng" in line for line in lines)


def test_a_column_empty_in_every_row_gives_its_room_unless_asked_for(
    register: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No command of the history was undone: 'Undone by' took width and a header of three
    lines at 120 columns; it is left out, and shown when --fields names it."""
    terminal(monkeypatch, 120)
    shown = page(screen(register, "en", LISTINGS["history"]))
    assert "Undone" not in shown
    header = shown.splitlines()[2]
    assert header.split() == ["ID", "When", "By", "Command", "Changes"]
    asked = page(screen(register, "en", ["history", "--limit", "2", "--fields", "id,undone_by"]))
    assert asked.splitlines()[2].split() == ["ID", "Undone", "by"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_row_labels_of_the_reports_tables_are_readable_at_80_columns(
    register: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The first column of a table per leader, per field or of the scores (the unit, the leader
    in charge) was squeezed to 7 to 9 letters at 80 columns, one word a line ('(chưa', 'phân',
    'công'…), while the tier beside it kept 20: it is at least 16 wide, like the unit's."""
    terminal(monkeypatch, 80)
    for args in (
        ["report", "--quarter", "2022Q3", "--by", "leader"],
        ["score", "--quarter", "2022Q3"],
    ):
        shown = page(screen(register, lang, args))
        lines = shown.splitlines()
        assert all(len(line) <= 80 for line in lines)
        unit = next(line for line in lines if line.startswith(" UBKTTU"))
        assert unit.startswith(" UBKTTU — Ủy ban"), (args, unit)
    leaders = page(screen(register, lang, ["report", "--quarter", "2022Q3", "--by", "leader"]))
    label = {"vi": "(chưa phân công", "en": "(no leader in"}[lang]
    assert label in leaders, leaders


def test_the_tier_of_the_scores_keeps_a_readable_width_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The room for the headers of the scores' counts came from their tier, wrapped at 7
    characters like a rate: 'Không/hoàn/thành/nhiệm vụ' a word a line. A label of a table
    without a text of its own keeps the readable width of 12, beside headers of two lines."""
    from typer.testing import CliRunner

    db = str(tmp_path / "scores.db")
    office = Cli(db=db, runner=CliRunner())
    office.ok("unit", "add", "BTCThU", "Ban Tổ chức Thị ủy Hồng Lĩnh")
    office.ok("unit", "add", "VPThU", "Văn phòng Thị ủy Hồng Lĩnh")
    office.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban", "--chair", "A")
    office.ok("assign", "1", "--unit", "BTCThU", "--due", "31/8/2022", "Rà soát chương trình")
    office.ok("assign", "1", "--unit", "VPThU", "--due", "31/8/2022", "Rà soát quy chế")
    office.ok("done", "2", "--date", "20/8/2022")
    terminal(monkeypatch, 80)
    shown = page(screen(db, "vi", ["score", "--quarter", "2022Q3"]))
    assert header_heights(shown)[0] <= 2, shown  # the table per unit
    lines = shown.splitlines()
    rule = next(at for at, line in enumerate(lines) if line.lstrip().startswith("━"))
    rows = "\n".join(lines[rule : lines.index("", rule)])
    assert "Không hoàn" in rows and "Hoàn thành" in rows, shown


@pytest.mark.parametrize(("lang", "header"), [("vi", "bởi"), ("en", "Undone")])
def test_a_column_empty_in_every_row_takes_no_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, header: str
) -> None:
    """A history where nothing was undone showed an "Undone by" column empty in every row, which
    took the width of its header from the changes. Now a column empty in every row is left out
    at a terminal, and shown as soon as one row has something in it."""
    from typer.testing import CliRunner

    db = str(tmp_path / "history.db")
    office = Cli(db=db, runner=CliRunner())
    office.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    office.ok("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    office.ok("assign", "1", "--unit", "VPTU", "Rà soát chương trình")
    terminal(monkeypatch, 120)
    shown = page(screen(db, lang, ["history"]))
    assert header not in shown, shown
    office.ok("progress", "1", "--percent", "10")
    office.ok("undo", "--yes")
    shown = page(screen(db, lang, ["history"]))
    assert header in shown, shown


@pytest.mark.parametrize("width", [0, 1, 5])
def test_a_window_narrower_than_any_layout_still_shows_every_row(
    register: str, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """COLUMNS=0 at a terminal printed nothing at all for list, show, history and the report
    (exit 0), COLUMNS=1 a letter a line and no values: the tables are laid out for the
    narrowest window they fit (40 columns) instead, the terminal folding the lines."""
    terminal(monkeypatch, width)
    listed = " ".join(page(screen(register, "en", LISTINGS["list"])).split())
    assert "Tham mưu, đề xuất cho Thường trực" in listed
    assert "Rà soát những phần việc" in listed
    shown = " ".join(page(screen(register, "en", LISTINGS["show"])).split())
    assert "Đã trình dự thảo đề án lần thứ nhất" in shown
    report = " ".join(page(screen(register, "en", LISTINGS["report"])).split())
    assert "Overdue directives" in report and "VPTU" in report


@pytest.mark.parametrize(
    "setting",
    ["COLUMNS=5", "COLUMNS=100000", "TERMINAL_WIDTH=0", "TERMINAL_WIDTH=abc", "TERMINAL_WIDTH=-5"],
)
def test_help_and_usage_errors_hold_their_width_whatever_the_environment(setting: str) -> None:
    """--help (and a usage error's panel) took COLUMNS or Typer's TERMINAL_WIDTH as it came:
    COLUMNS=5 folded it four letters a line, TERMINAL_WIDTH=0 printed an empty help,
    TERMINAL_WIDTH=abc a ValueError traceback, and COLUMNS=100000 6.9 MB of spaces
    (999999999 filled the memory). The width is held between 40 and 1000 columns."""
    from tests.conftest import run

    name, _, value = setting.partition("=")
    env = {"COLUMNS": "80", name: value}
    shown = run("--help", env=env)
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    lines = shown.stdout.splitlines()
    assert "Usage: dirtrack" in " ".join(" ".join(lines).split())
    assert "add-meeting" in shown.stdout and "Follow up on what leaders decide" in shown.stdout
    assert max(len(line) for line in lines) <= 1000
    assert len(shown.stdout) < 100_000
    refused = run("assign", env=env)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr, refused.stderr
    assert refused.stderr.startswith("Error: Missing argument 'MEETING_ID'.")


@pytest.mark.parametrize(
    ("lang", "said"), [("vi", "(không có mục nào)"), ("en", "(nothing to list)")]
)
def test_an_empty_listing_says_so_at_a_terminal_and_not_in_a_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """At a terminal a listing with no row showed its headers alone, which could pass for a
    listing cut short; a line under them says there is nothing. Piped, the header alone, as
    scripts read it."""
    from typer.testing import CliRunner

    db = str(tmp_path / "empty.db")
    office = Cli(db=db, runner=CliRunner())
    office.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    assert said not in office.ok("--lang", lang, "requests")
    terminal(monkeypatch, 120)
    for args in (["requests"], ["list"], ["meetings"]):
        shown = page(screen(db, lang, args))
        assert shown.splitlines()[-1].strip() == said, shown
    shown = page(screen(db, lang, ["unit", "list"]))
    assert said not in shown, shown


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_field_asked_for_is_never_left_out_at_80_columns(
    register: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """`list --fields …` naming more than 80 columns hold: the columns that give way to the
    others in the listing's own layout (the coordinating units, here) stayed out without a
    word. Every field asked for is on the screen; where they cannot all stand side by side
    the rows come as blocks, each value beside its header."""
    fields = "id,unit,status,completed_on,completed_on_exact,extensions,with,original_due"
    args = ["list", "--as-of", AS_OF, "--fields", fields]
    plain = page(screen(register, lang, args))
    header = plain.splitlines()[0]
    terminal(monkeypatch, 80)
    shown = page(screen(register, lang, args))
    assert max(len(line) for line in shown.splitlines()) <= 80
    with_header = "Phối hợp" if lang == "vi" else "With"
    assert with_header in header  # the plain header names the field …
    assert with_header.split()[0] in shown  # … and so does the screen at 80 columns
    assert "UBKTTU" in plain and "UBKTTU" in shown  # the coordinating unit's value too


@pytest.mark.parametrize(
    ("lang", "named"),
    [("vi", ["Tiến độ", "Cảnh báo", "Cuộc họp"]), ("en", ["Progress", "Risk", "Meeting"])],
)
def test_columns_left_out_for_the_width_are_named_under_the_table(
    register: str, monkeypatch: pytest.MonkeyPatch, lang: str, named: list[str]
) -> None:
    """At 80 columns `list` left out its progress, risk and meeting columns without a word:
    nothing on the screen said there was more to see. Now the columns a window is too narrow
    for are named under the table, in the user's language; a column empty in every row, which
    tells nothing, is not; a window wide enough, and piped output, say nothing."""
    note = LEFT_OUT[lang]
    plain = page(screen(register, lang, LISTINGS["list"]))
    assert note not in plain
    with monkeypatch.context() as patch:
        terminal(patch, 200)
        wide = page(screen(register, lang, LISTINGS["list"]))
    assert note not in wide
    assert all(header in wide for header in named)
    terminal(monkeypatch, 80)
    narrow = page(screen(register, lang, LISTINGS["list"]))
    lines = narrow.splitlines()
    said = [line for line in lines if line.startswith(note)]
    assert len(said) == 1, narrow
    assert said[0][len(note) :].split("; ") == named
    rule = next(at for at, line in enumerate(lines) if line.lstrip().startswith("━"))
    assert not any(header in "\n".join(lines[:rule]) for header in named)
    # a column the user names stays, and is no longer said to be left out
    fields = ["--fields", "id,unit,text,due,meeting_id"]
    asked = page(screen(register, lang, [*LISTINGS["list"], *fields]))
    assert note not in asked, asked


def test_the_note_of_columns_left_out_is_as_wide_as_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under a narrow table (two short columns kept, a long one left out) the note was folded
    to the table's width, 'Not shown, the window is too' / 'narrow: Note' on two lines; it
    takes the window's width, as any line under a table."""
    from io import StringIO

    from rich.console import Console

    from dirtrack.render import Column
    from dirtrack.render.table import fitted_table

    monkeypatch.setattr("dirtrack.render.table.is_plain", lambda: False)
    columns = [Column("day", "date", priority=0), Column("note", "note", priority=1)]
    rows = [["2025-05-05", "x" * 70]]
    out = StringIO()
    Console(file=out, width=60, color_system=None, legacy_windows=False).print(
        fitted_table(None, columns, ["Day", "Note"], rows, width=60, lang="en")
    )
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    assert "x" * 10 not in out.getvalue()
    assert LEFT_OUT["en"] + "Note" in lines, lines


def test_columns_asked_for_with_short_values_stand_side_by_side_at_120(
    register: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eleven fields asked for, most of them empty or short ('Lĩnh vực', 'Ngày hoàn thành
    chính xác', 'Kỳ báo cáo'): each was given the readable width of a text (12 cells) for its
    header alone, the columns could not stand side by side in 120, and the rows came as
    blocks. A column of short values needs them whole and its header's longest word: the
    listing is a table, each header on at most two lines."""
    fields = (
        "id,unit,original_due,due_phrase,risk,field,completed_on_exact,result,with,period,series_id"
    )
    terminal(monkeypatch, 120)
    shown = page(screen(register, "vi", ["list", "--as-of", AS_OF, "--fields", fields]))
    lines = shown.splitlines()
    assert any(line.lstrip().startswith("━") for line in lines), shown  # a table, not blocks
    assert header_heights(shown) == [2], shown
    assert all(len(line) <= 120 for line in lines)
    header = " ".join(lines[: header_heights(shown)[0] + 1])
    for word in ("Lĩnh", "chính", "xác", "Kỳ", "định", "Cảnh"):
        assert word in header, (word, shown)


@pytest.mark.parametrize(
    ("lang", "header", "mark"),
    [("vi", "Thôi hoạt động", "01/07/2025 → BTGDVTU"), ("en", "Retired", "2025-07-01 → BTGDVTU")],
)
def test_unit_list_marks_a_retired_unit_with_its_day_and_successor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, header: str, mark: str
) -> None:
    """`unit list` shows which units are retired, on what day and into which successor (the
    JSON's ``retired_on`` and ``successor``), piped and at a terminal 80 columns wide with
    every other column filled; a register with no retired unit gives the column no room."""
    from typer.testing import CliRunner

    db = str(tmp_path / "retired.db")
    office = Cli(db=db, runner=CliRunner())
    office.ok("unit", "add", "TU", "Tỉnh ủy")
    office.ok("unit", "add", "BDVTU", "Ban Dân vận Tỉnh ủy", "--parent", "TU", "--alias", "BDV")
    office.ok("unit", "add", "BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "--parent", "TU")
    office.ok("unit", "contact", "BTGDVTU", "--name", "Nguyễn Văn An", "--email", "an@tu.vn")
    with monkeypatch.context() as patch:
        terminal(patch, 80)
        assert header not in page(screen(db, lang, ["unit", "list"]))
    office.ok("unit", "retire", "BDVTU", "--successor", "BTGDVTU", "--date", "1/7/2025")
    rows = {
        line.split()[0]: line for line in office.ok("--lang", lang, "unit", "list").splitlines()
    }
    assert mark in rows["BDVTU"] and "→" not in rows["BTGDVTU"] + rows["TU"]
    terminal(monkeypatch, 80)
    shown = page(screen(db, lang, ["unit", "list"]))
    assert all(len(line) <= 80 for line in shown.splitlines()), shown
    assert header in shown, shown
    if LEFT_OUT[lang] in shown:  # the contacts go first; the retirement stays
        assert header not in shown.split(LEFT_OUT[lang])[1], shown
    row = next(line for line in shown.splitlines() if "BDVTU" in line)
    assert mark in row, shown
