"""Row problems and warnings of an import are said in the user's language (--lang)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli, csv_rows, file_digest, prebuilt

HEADER = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"]
WIDE = {"COLUMNS": "250"}


@pytest.fixture
@prebuilt
def office(units: Cli, meeting: int, db_path: Path) -> Cli:
    return units


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """Row 3 has no lead unit; row 4 names an unknown unit; row 2 has a control character."""
    return csv_rows(
        tmp_path / "bad.csv",
        [
            HEADER,
            ["1", "Việc \x07A", "BTC", "30/9/2022"],
            ["2", "Việc B", "", "30/9/2022"],
            ["3", "Việc C", "Sở Không Có", "30/9/2022"],
        ],
    )


def test_a_refused_import_names_its_row_problems_in_vietnamese(
    office: Cli, db_path: Path, bad: Path
) -> None:
    before = file_digest(db_path)
    vi = office.fail("--lang", "vi", "import", str(bad), "--meeting", "1")
    assert file_digest(db_path) == before
    assert "dòng 3, cột C (Đơn vị chủ trì): để trống: nhiệm vụ nào cũng cần đơn vị chủ trì" in vi
    assert "empty:" not in vi and "unknown unit" not in vi
    en = office.fail("--lang", "en", "import", str(bad), "--meeting", "1")
    assert "row 3, column C (Đơn vị chủ trì): empty: every directive needs a lead unit" in en
    assert "row 4, column C (Đơn vị chủ trì): unknown unit 'Sở Không Có'" in en


def test_the_dry_run_table_says_problems_and_warnings_in_the_language(
    office: Cli, bad: Path
) -> None:
    vi = office("--lang", "vi", "import", str(bad), "--meeting", "1", "--dry-run", env=WIDE)
    assert vi.exit_code == 1  # a dry run of a file with problems says so by its exit code
    assert "để trống: nhiệm vụ nào cũng cần đơn vị chủ trì" in vi.stdout
    assert "! đã bỏ ký tự điều khiển ở cột B (Nội dung): U+0007" in vi.stdout
    assert "Sở Không Có" in vi.stdout and "unknown unit" not in vi.stdout
    en = office("--lang", "en", "import", str(bad), "--meeting", "1", "--dry-run", env=WIDE)
    assert en.exit_code == 1
    assert "empty: every directive needs a lead unit" in en.stdout
    assert "! control characters removed from column B (Nội dung): U+0007" in en.stdout


def test_json_keeps_its_keys_and_says_the_message_in_the_language(office: Cli, bad: Path) -> None:
    args = ("import", str(bad), "--meeting", "1", "--dry-run", "--format", "json")
    vi = json.loads(office("--lang", "vi", *args).stdout)
    en = json.loads(office("--lang", "en", *args).stdout)
    assert vi.keys() == en.keys()
    by_row = {p["row"]: p for p in vi["problems"]}
    assert set(by_row[3]) == {"row", "column", "header", "message"}
    assert by_row[3]["message"] == "để trống: nhiệm vụ nào cũng cần đơn vị chủ trì"
    assert {p["row"]: p for p in en["problems"]}[3]["message"] == (
        "empty: every directive needs a lead unit"
    )
    assert vi["unknown_units"][0]["name"] == "Sở Không Có"
    assert en["unknown_units"][0]["message"].startswith("unknown unit 'Sở Không Có'")
    assert vi["unknown_units"][0]["message"] != en["unknown_units"][0]["message"]
    assert vi["warnings"] == ["dòng 2: đã bỏ ký tự điều khiển ở cột B (Nội dung): U+0007"]
    assert en["warnings"] == ["row 2: control characters removed from column B (Nội dung): U+0007"]


def test_a_warning_on_stderr_after_an_import_is_in_the_language(
    office: Cli, tmp_path: Path
) -> None:
    sheet = csv_rows(tmp_path / "w.csv", [HEADER, ["1", "Việc \x07A", "BTC", "30/9/2022"]])
    vi = office("--lang", "vi", "import", str(sheet), "--meeting", "1")
    assert vi.exit_code == 0, vi.stderr
    assert "dòng 2: đã bỏ ký tự điều khiển ở cột B (Nội dung): U+0007" in vi.stderr
    assert "control characters" not in vi.stderr


def test_a_problem_with_a_date_says_it_as_the_language_writes_dates(
    office: Cli, tmp_path: Path
) -> None:
    sheet = csv_rows(tmp_path / "d.csv", [HEADER, ["1", "Việc A", "BTC", "1/5/2022"]])
    vi = office.fail("--lang", "vi", "import", str(sheet), "--meeting", "1")
    assert "thời hạn 01/05/2022 trước ngày họp (06/05/2022)" in vi
    en = office.fail("--lang", "en", "import", str(sheet), "--meeting", "1")
    assert "deadline 2022-05-01 is before the meeting (2022-05-06)" in en


def test_a_drafts_problems_name_its_line_and_block_in_the_language(
    cli: Cli, tmp_path: Path
) -> None:
    seed = Path(__file__).resolve().parent.parent / "examples" / "seeds"
    draft = tmp_path / "hop.toml"
    cli.ok("extract", str(seed / "000_2f6cda680aa8e285.txt"), "--out", str(draft))
    vi = cli.fail("--lang", "vi", "import", str(draft), "--create-units")
    assert ", directives #1: không ghi đơn vị mà cuộc họp có 4 đơn vị: hãy ghi 'unit'" in vi
    assert "dòng " in vi and "line " not in vi
    en = cli.fail("--lang", "en", "import", str(draft), "--create-units")
    assert ", directives #1: names no unit and the meeting has 4 units: give its 'unit'" in en
    assert "line " in en


def test_what_a_row_changes_is_said_in_the_language(office: Cli, tmp_path: Path) -> None:
    rows = [["Mã", *HEADER, "Văn bản giao"], ["KL-1", "1", "Việc A", "BTC", "30/9/2022", "1"]]
    office.ok("import", str(csv_rows(tmp_path / "a.csv", rows)), "--key-column", "Mã")
    rows[1][2:5] = ["Việc A (sửa lại)", "BTC", "31/10/2022"]
    rows.append(["KL-2", "2", "Việc B", "BTC", "30/9/2022", "Thông báo 12-TB/TU ngày 02/8/2022"])
    sheet = csv_rows(tmp_path / "b.csv", rows)
    args = ("import", str(sheet), "--key-column", "Mã", "--dry-run", "--format", "json")
    vi = {r["row"]: r for r in json.loads(office("--lang", "vi", *args).stdout)["rows"]}
    en = {r["row"]: r for r in json.loads(office("--lang", "en", *args).stdout)["rows"]}
    assert en[2]["changes"] == ["text", "deadline 2022-10-31"]
    assert vi[2]["changes"] == ["nội dung", "hạn 31/10/2022"]
    assert en[3]["meeting"].startswith("new: ") and en[3]["meeting"].endswith("(2022-08-02)")
    assert vi[3]["meeting"].startswith("mới: ") and vi[3]["meeting"].endswith("(02/08/2022)")
