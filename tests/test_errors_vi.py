"""Error lines follow ``--lang``: Vietnamese with ``--lang vi`` (or LANG=vi_…), English otherwise.

The word ``Error:``, the single line, exit code 1 and "nothing was written" never change with the
language; the English text stays what it always was.
"""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

from dirtrack.errors import Conflict, InvalidInput, NotFound
from dirtrack.i18n import ERRORS, Phrase, error_text, say
from tests.conftest import Cli, file_digest, run

SOURCE = Path(__file__).resolve().parent.parent / "dirtrack"


# --- the catalog -----------------------------------------------------------------------------


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def forms(key: str, lang: str) -> list[str]:
    """The catalog's template of ``key`` in ``lang``: one form, or singular and plural."""
    entry = ERRORS[key]
    if isinstance(entry, str) or entry.plural is None:
        return [say(entry, lang)]
    return [say(entry, lang, 1), say(entry, lang, 2)]


@pytest.mark.parametrize("key", sorted(ERRORS))
def test_every_entry_has_both_languages_and_the_same_placeholders(key: str) -> None:
    english = forms(key, "en")
    for vi, en in zip(forms(key, "vi"), english, strict=True):
        assert vi.strip() and en.strip(), key
        assert placeholders(vi) == placeholders(en), key
        # Each template formats with every placeholder filled (no stray braces).
        values = dict.fromkeys(placeholders(en), "x")
        assert vi.format(**values) and en.format(**values)


def test_the_vietnamese_is_not_the_english() -> None:
    same = {k for k in ERRORS if forms(k, "vi") == forms(k, "en")}
    # Only the frames around text that is never translated (a file name, a TOML key…).
    assert same == {
        "cfg_bad_value",
        "draft_in_file",
        "draft_where",
        "draft_field",
        "json_record",
        "json_bad_contact",
        "file_os_failed",  # a file's name and the system's reason, itself translated
        "option_value",  # an option and the refusal of its value, itself translated
        "csv_refused",  # a CSV file's name and why its table is refused, itself translated
    }


def test_every_key_the_code_raises_is_in_the_catalog() -> None:
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r"""\.of\(\s*["']([a-z0-9_]+)["']""", text))
        used.update(re.findall(r"""Phrase\(\s*["']([a-z0-9_]+)["']""", text))
        used.update(re.findall(r"""error_text\(\s*["']([a-z0-9_]+)["']""", text))
        used.update(re.findall(r"""bad_parameter\(\s*ctx,\s*["']([a-z0-9_]+)["']""", text))
    assert len(used) > 80
    assert used - set(ERRORS) == set()
    # The keys built at run time: f"do_{action}", f"day_{what}", f"w_{what}".
    for key in ("do_progress", "do_complete", "do_extend", "do_cancel"):
        assert key in ERRORS
    for key in ("progress", "completion", "approval", "new_deadline", "cancellation"):
        assert f"day_{key}" in ERRORS
    for key in ("meeting", "directive", "limitation", "unit"):
        assert f"w_{key}" in ERRORS


def test_str_is_english_and_render_follows_the_language() -> None:
    exc = NotFound.of("no_directive", id=99)
    assert str(exc) == "no directive with id 99"
    assert exc.render("en") == "no directive with id 99"
    assert exc.render("vi") == "không có nhiệm vụ số 99"
    assert (exc.key, exc.params) == ("no_directive", {"id": 99})
    plain = Conflict("a message from code that has no key")
    assert plain.render("vi") == str(plain) == "a message from code that has no key"


def test_dates_phrases_and_nested_errors() -> None:
    exc = Conflict.of(
        "directive_completed", action=Phrase("do_extend"), id=7, date=date(2022, 6, 1)
    )
    assert str(exc) == "cannot extend directive 7: it was completed on 2022-06-01"
    assert (
        exc.render("vi") == "không thể gia hạn nhiệm vụ 7: nhiệm vụ đã hoàn thành ngày 01/06/2022"
    )
    inner = InvalidInput.of("not_real_date", text="31/2/2022")
    outer = InvalidInput.of("draft_at_line", file="hop.toml", line=41, error=inner)
    assert str(outer) == "hop.toml: line 41, '31/2/2022' is not a real date"
    assert outer.render("vi") == "hop.toml: dòng 41, '31/2/2022' không phải là ngày hợp lệ"
    assert error_text("unit_unknown_none", "vi", {"ref": "XYZ"}).startswith(
        "đơn vị 'XYZ' chưa được đăng ký"
    )


# --- through the command line ------------------------------------------------------------------


# args -> (the Vietnamese line, or a part of it; the English line, or a part of it)
CASES: dict[str, tuple[list[str], str, str]] = {
    "unknown unit": (
        ["assign", "1", "--unit", "Ban Tuyên giáo", "x"],
        "Error: đơn vị 'Ban Tuyên giáo' chưa được đăng ký; không đơn vị nào đã đăng ký gần giống",
        "Error: unknown unit 'Ban Tuyên giáo'; no registered unit is close to it (unit list)",
    ),
    "ambiguous unit": (
        ["assign", "1", "--unit", "Văn phòng", "x"],
        "Error: 'Văn phòng' ứng với nhiều đơn vị: ",
        "Error: unit 'Văn phòng' is ambiguous: ",
    ),
    "unknown directive": (
        ["show", "99"],
        "Error: không có nhiệm vụ số 99",
        "Error: no directive with id 99",
    ),
    "unknown meeting": (
        ["assign", "99", "--unit", "BTC", "x"],
        "Error: không có cuộc họp số 99",
        "Error: no meeting with id 99",
    ),
    "unknown limitation": (
        ["resolve", "99"],
        "Error: không có hạn chế số 99",
        "Error: no limitation with id 99",
    ),
    "impossible date": (
        ["add-meeting", "--date", "31/2/2023", "--title", "Họp"],
        "Error: --date: '31/2/2023' không phải là ngày hợp lệ",
        "Error: --date: '31/2/2023' is not a real date",
    ),
    "iso date whose month is out of range": (
        ["done", "1", "--date", "2022-13-01"],
        "Error: --date: '2022-13-01' không phải là ngày hợp lệ: tháng 13 không nằm trong khoảng "
        "1 đến 12 (năm-tháng-ngày); có phải là ngày 2022-01-13?",
        "Error: --date: '2022-13-01' is not a real date: its month, 13, is not one from 1 to 12 "
        "(year-month-day); did you mean 2022-01-13?",
    ),
    "unknown deadline phrase": (
        ["assign", "1", "--unit", "BTC", "--due", "sớm nhất có thể", "x"],
        "Error: --due: 'sớm nhất có thể' không phải là thời hạn; hãy ghi ngày (2022-05-06, ",
        "Error: --due: 'sớm nhất có thể' is not a deadline; use a date (2022-05-06, ",
    ),
    "bad period": (
        ["report", "--quarter", "2022Q5"],
        "Error: --quarter: '2022Q5': một năm chỉ có 4 quý (I đến IV)",
        "Error: --quarter: '2022Q5': a year has 4 quarters (I to IV)",
    ),
    "period ending before it starts": (
        ["report", "--period", "2022-06-30..2022-06-01"],
        "Error: --period: kỳ '2022-06-30..2022-06-01' có ngày kết thúc trước ngày bắt đầu",
        "Error: --period: period '2022-06-30..2022-06-01' ends before it starts",
    ),
    "done before the meeting": (
        ["done", "1", "--date", "2022-05-05"],
        "Error: ngày hoàn thành 05/05/2022 trước ngày cuộc họp giao nhiệm vụ 1 (06/05/2022)",
        "Error: completion date 2022-05-05 is before the meeting that gave directive 1 "
        "(2022-05-06)",
    ),
    "complete twice": (
        ["done", "2", "--date", "2022-06-02"],
        "Error: không thể ghi nhận hoàn thành nhiệm vụ 2: nhiệm vụ đã hoàn thành ngày 01/06/2022",
        "Error: cannot complete directive 2: it was completed on 2022-06-01",
    ),
    "extend a cancelled directive": (
        ["extend", "3", "--to", "2022-12-31"],
        "Error: không thể gia hạn nhiệm vụ 3: nhiệm vụ đã dừng thực hiện từ ngày 01/06/2022",
        "Error: cannot extend directive 3: it was cancelled on 2022-06-01",
    ),
    "resolve twice": (
        ["resolve", "1", "--date", "2022-07-01"],
        "Error: hạn chế 1 đã được khắc phục ngày 01/06/2022",
        "Error: limitation 1 was already resolved on 2022-06-01",
    ),
    "percent above 100": (
        ["progress", "1", "--percent", "140"],
        "Error: tiến độ phải từ 0 đến 100 (%), không phải 140",
        "Error: percent must be between 0 and 100, not 140",
    ),
    "zero id": (
        ["done", "0"],
        "Error: mã số nhiệm vụ phải là số nguyên dương, không phải 0",
        "Error: directive id must be a positive number, not 0",
    ),
    "unknown category": (
        ["add-limitation", "1", "--unit", "BTC", "--category", "weather", "x"],
        "Error: không có nhóm 'weather'; dùng một trong: timeliness (tiến độ, kịp thời), ",
        "Error: unknown category 'weather'; use one of timeliness, ",
    ),
    "unknown status": (
        ["list", "--status", "late"],
        "Error: không có tình trạng 'late'; dùng một trong: ",
        "Error: unknown status 'late'; use one of ",
    ),
    "code taken": (
        ["unit", "add", "btc", "Ban khác"],
        "Error: mã 'btc' đã được dùng cho đơn vị BTC (Ban Tổ chức Tỉnh ủy)",
        "Error: code 'btc' already refers to unit BTC (Ban Tổ chức Tỉnh ủy)",
    ),
    "unknown field": (
        ["list", "--fields", "id,colour"],
        "Error: không có trường 'colour'; dùng các trường: id, ",
        "Error: unknown field 'colour'; use some of: id, ",
    ),
}


def error_line(cli: Cli, args: list[str], env: dict[str, str] | None = None) -> str:
    result = cli(*args, env=env)
    assert result.exit_code == 1, (args, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


@pytest.mark.parametrize(("args", "vi", "en"), list(CASES.values()), ids=list(CASES))
def test_errors_in_vietnamese_and_in_english(
    seeded: Cli, db_path: Path, args: list[str], vi: str, en: str
) -> None:
    before = file_digest(db_path)
    in_vi = error_line(seeded, ["--lang", "vi", *args])
    assert in_vi.startswith(vi), in_vi
    in_en = error_line(seeded, ["--lang", "en", *args])
    assert in_en.startswith(en), in_en
    assert error_line(seeded, args) == in_en  # English is the default
    assert file_digest(db_path) == before


def test_what_a_command_did_says_its_days_as_the_language_writes_them(seeded: Cli) -> None:
    """The lines saying what was done (progress logged, deadline approved, a day off, a
    deadline moved) gave their days in ISO under --lang vi, where every error says 01/06/2022;
    they say them as the run's language writes days."""
    said = seeded("--lang", "vi", "progress", "1", "--percent", "20", "--date", "2022-06-01")
    assert said.stderr.strip() == "nhiệm vụ 1: đã ghi tiến độ ngày 01/06/2022"
    said = seeded("--lang", "vi", "extend", "1", "--to", "2022-07-31", "--date", "2022-06-02",
                  "--reason", "CV 45")  # fmt: skip
    assert said.stderr.strip() == "nhiệm vụ 1: gia hạn đến 31/07/2022, duyệt ngày 02/06/2022"
    said = seeded("--lang", "vi", "calendar", "add", "2025-05-05", "--off")
    assert said.stderr.strip() == "05/05/2025: ngày nghỉ của cơ quan"
    said = seeded("--lang", "en", "progress", "1", "--percent", "30", "--date", "2022-06-03")
    assert said.stderr.strip() == "directive 1: progress logged on 2022-06-03"
    # the overdue table's title too
    title = seeded.ok("--lang", "vi", "overdue", "--as-of", "2022-07-01").splitlines()[0]
    assert title == "Nhiệm vụ quá hạn chưa hoàn thành (01/07/2022)"


def test_lang_from_the_environment(seeded: Cli, db_path: Path) -> None:
    before = file_digest(db_path)
    assert error_line(seeded, ["show", "99"], env={"LANG": "vi_VN.UTF-8"}) == (
        "Error: không có nhiệm vụ số 99"
    )
    assert error_line(seeded, ["show", "99"], env={"DIRTRACK_LANG": "vi"}) == (
        "Error: không có nhiệm vụ số 99"
    )
    # --lang wins over LANG
    assert error_line(seeded, ["--lang", "en", "show", "99"], env={"LANG": "vi_VN.UTF-8"}) == (
        "Error: no directive with id 99"
    )
    assert file_digest(db_path) == before


def test_an_existing_out_file_without_force(seeded: Cli, db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.md"
    target.write_text("đã có\n", encoding="utf-8")
    args = ["report", "--quarter", "2022Q2", "--format", "md", "--out", str(target)]
    before = file_digest(db_path)
    assert error_line(seeded, ["--lang", "vi", *args]) == (
        f"Error: --out {target}: tệp đã có; thêm --force để ghi đè"
    )
    assert error_line(seeded, args) == (
        f"Error: --out {target}: the file exists; add --force to overwrite it"
    )
    assert target.read_text(encoding="utf-8") == "đã có\n"
    assert file_digest(db_path) == before


def test_a_usage_error_of_ours_keeps_exit_2_and_says_why_in_vietnamese(seeded: Cli) -> None:
    result = seeded("--lang", "vi", "assign", "1", "--unit", "BTC", "--attendees", "x")
    assert result.exit_code == 2
    assert "Error" in result.stderr and "dùng --unit" in result.stderr
    result = seeded("assign", "1", "--unit", "BTC", "--attendees", "x")
    assert result.exit_code == 2 and "give --unit" in result.stderr


def test_a_draft_error_names_the_line_in_either_language(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = "2022-05-06"\ntitle = "Họp"\n\n'
        '[[directives]]\nunit = "BTC"\ntext = "Đề án"\ndue = "31/2/2022"\n',
        encoding="utf-8",
    )
    before = file_digest(db_path)
    assert error_line(cli, ["--lang", "vi", "import", str(draft)]) == (
        "Error: hop.toml: dòng 5, directives #1: due: '31/2/2022' không phải là ngày hợp lệ"
    )
    assert error_line(cli, ["import", str(draft)]) == (
        "Error: hop.toml: line 5, directives #1: due: '31/2/2022' is not a real date"
    )
    assert file_digest(db_path) == before


# --- a process of its own, as cron runs it: the installed entry point for the first test, the
# others forked from the fork server (the same main(), environment and streams; a tenth of the CPU)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_text("Biên bản họp ngày 6/5/2022\n" * 50, encoding="utf-8")
    before = file_digest(target)
    result = run("--lang", "vi", "unit", "list", db=str(target))
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {target} không phải là cơ sở dữ liệu dirtrack (không phải tệp SQLite)\n"
    )
    result = run("unit", "list", db=str(target), env={"LANG": "vi_VN.UTF-8"})
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {target} không phải là cơ sở dữ liệu dirtrack (không phải tệp SQLite)\n"
    )
    result = run("unit", "list", db=str(target))
    assert result.stderr == f"Error: {target} is not a dirtrack database (not a SQLite file)\n"
    assert file_digest(target) == before


def test_a_database_in_a_missing_folder_or_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.db"
    result = run("unit", "list", db=str(target), env={"LANG": "vi_VN.UTF-8"}, forked=True)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: không tạo được {target}: thư mục {target.parent} không tồn tại\n"
    )
    assert not target.parent.exists()
    result = run("--lang", "vi", "unit", "list", db=str(tmp_path), forked=True)
    assert result.returncode == 1
    assert result.stderr == f"Error: {tmp_path} là thư mục, không phải tệp cơ sở dữ liệu\n"


def test_errors_before_the_session_starts_follow_lang_too(tmp_path: Path) -> None:
    """A broken config file or a bad --actor fails before the root callback has run."""
    config = tmp_path / "config.toml"
    config.write_text("db = \n", encoding="utf-8")
    env = {"DIRTRACK_CONFIG": str(config)}
    result = run("--lang", "vi", "unit", "list", env=env, forked=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: tệp cấu hình {config} không đúng cú pháp TOML: ")
    assert len(result.stderr.splitlines()) == 1
    result = run("unit", "list", env={**env, "LANG": "vi_VN.UTF-8"}, forked=True)
    assert "không đúng cú pháp TOML" in result.stderr
    result = run("unit", "list", env=env, forked=True)
    assert result.stderr.startswith(f"Error: configuration {config} is not valid TOML: ")
    db = tmp_path / "x.db"
    result = run("--lang", "vi", "--actor", " ", "unit", "list", db=str(db), forked=True)
    assert (result.returncode, result.stderr) == (
        1,
        "Error: --actor cần một tên dài từ 1 đến 200 ký tự\n",
    )
    assert not db.exists()
