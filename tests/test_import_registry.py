"""`dirtrack import` picks its importer by the kind of file, and new kinds can be registered
(as meeting drafts are)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from dirtrack.cli import app
from dirtrack.transfer import registry
from dirtrack.transfer.base import ImportOptions, ImportResult, Progress
from tests.conftest import Cli, file_digest

SEEN: list[tuple[Path, ImportOptions]] = []


def draft_handler(
    session: Session, path: Path, options: ImportOptions, progress: Progress
) -> ImportResult:
    SEEN.append((path, options))
    progress.stage("reading")
    return ImportResult(
        file=str(path), kind="draft", dry_run=options.dry_run, created={"directives": 0}
    )


@pytest.fixture
def drafts() -> Iterator[None]:
    """A kind of file taught to ``import`` as a module would: drafts written in YAML, put in
    place of the built-in drafts and ahead of every kind."""
    saved = list(registry.KINDS)
    yaml_drafts = registry.FileKind(
        "draft",
        lambda path, head: path.suffix == ".yaml" and head.startswith(b"meeting:"),
        f"{__name__}:draft_handler",
    )
    registry.KINDS[:] = [yaml_drafts, *(k for k in saved if k.name != "draft")]
    SEEN.clear()
    yield
    registry.KINDS[:] = saved


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.xlsx", None, "xlsx"),
        ("a.csv", b"STT,N\xe1\xbb\x99i dung\n", "csv"),
        ("a.txt", b"\xff\xfeS\x00", "csv"),
        (
            "export.json",
            b'\xef\xbb\xbf  {"format": "dirtrack-export", "version": 1}',
            "dirtrack-json",
        ),
    ],
)
def test_detects_each_kind(tmp_path: Path, name: str, content: bytes | None, kind: str) -> None:
    path = tmp_path / name
    if content is None:
        from openpyxl import Workbook

        Workbook().save(path)
    else:
        path.write_bytes(content)
    assert registry.detect(path).name == kind


def test_a_registered_kind_gets_its_files(
    drafts: None, units: Cli, db_path: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "hop.yaml"
    draft.write_text("meeting:\n  date: 2022-05-06\n", encoding="utf-8")
    before = file_digest(db_path)
    result = units("import", str(draft), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert [(p, o.dry_run) for p, o in SEEN] == [(draft, True)]
    assert file_digest(db_path) == before
    other = tmp_path / "notes.yaml"
    other.write_text("title: x\n", encoding="utf-8")
    assert "is not a spreadsheet" in units.fail("import", str(other))


def test_import_reads_standard_input(meeting: int, tmp_path: Path) -> None:
    """`import -` reads standard input as `extract -` does: a CSV sheet, the export (JSON),
    and the workbook (bytes a stream cannot seek in, spooled to a file first)."""
    from tests.conftest import cli_at

    office = cli_at(tmp_path / "office.db")
    office.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    there = office.id("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    sheet = "Nội dung,Đơn vị,Hạn\nLàm báo cáo,btc,30/09/2022\n"
    done = office("import", "-", "--meeting", str(there), "-f", "json", input=sheet)
    assert done.exit_code == 0, done.stderr
    assert (json.loads(done.stdout)["kind"], json.loads(done.stdout)["file"]) == ("csv", "-")
    listed = office.json("list")
    assert [(d["text"], d["unit"]) for d in listed] == [("Làm báo cáo", "BTC")]

    exported = office.ok("export")
    fresh = cli_at(tmp_path / "fresh.db")
    piped = fresh("import", "-", input=exported)
    assert piped.exit_code == 0
    assert piped.stderr.startswith("imported standard input: 1 unit, 1 meeting, 1 directive")
    assert [d["text"] for d in fresh.json("list")] == ["Làm báo cáo"]

    book = tmp_path / "book.xlsx"
    office.ok("export", "--format", "xlsx", "--out", str(book))
    runner = CliRunner()
    read = runner.invoke(
        app, ["--db", office.db, "import", "-", "--dry-run", "-f", "json"], input=book.read_bytes()
    )
    assert read.exit_code == 0, read.stderr
    assert json.loads(read.stdout)["kind"] == "xlsx"

    bad = office("--lang", "vi", "import", "-", input=sheet)  # no meeting: nothing written
    assert bad.exit_code == 1
    assert bad.stderr.startswith("Error: đầu vào chuẩn (stdin): 1 dòng có lỗi (2); không nhập gì")
    backup = tmp_path / "office.db"
    held = runner.invoke(app, ["--db", office.db, "import", "-"], input=backup.read_bytes())
    assert held.stderr.startswith("Error: standard input holds a database, not a file to import")
    assert len(office.json("list")) == 1
    empty = office("import", "-", input="")
    assert (empty.exit_code, empty.stderr) == (1, "Error: standard input is empty\n")
