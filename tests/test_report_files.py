"""The review as files: Word, Excel, HTML, Markdown; --out, --force, never half a file."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.conftest import Cli, file_digest, prebuilt
from tests.report_register import COUNT_KEYS, build


@pytest.fixture
@prebuilt
def reg(cli: Cli) -> dict[str, Any]:
    return build(cli)


def pct(rate: dict[str, Any], lang: str = "en") -> str:
    text = "—" if rate["pct"] is None else f"{rate['pct']:.2f}%"
    if lang == "vi":
        text = text.replace(".", ",")
    return f"{text} ({rate['num']}/{rate['den']})"


def docx_tables(path: Path) -> dict[str, list[list[str]]]:
    """Each table of the document under the heading just before it, without the heading's
    number ("1. By lead unit" is "By lead unit")."""
    document = open_docx(str(path))
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    by_element = {t._tbl: t for t in document.tables}
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            text = "".join(node.text or "" for node in block.iter() if node.tag.endswith("}t"))
            style = block.find(".//{*}pStyle")
            if style is not None and "Heading" in (style.get(style.keys()[0]) or ""):
                heading = re.sub(r"^\d+\. ", "", text)
        elif block in by_element:
            table = by_element[block]
            tables[heading] = [[cell.text for cell in row.cells] for row in table.rows]
    return tables


def test_word_report_matches_the_json(cli: Cli, reg: dict[str, Any], tmp_path: Path) -> None:
    report = cli.json("report", "--quarter", "2022Q2")
    out = tmp_path / "review.docx"
    result = cli(
        "--lang", "en", "report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    document = open_docx(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    # The structure of a Vietnamese review: results, shortcomings, causes, next period, annex.
    order = [
        "I. RESULTS",
        "II. SHORTCOMINGS AND LIMITATIONS",
        "III. CAUSES",
        "IV. DIRECTIVES FOR THE NEXT PERIOD (Q3 2022)",
    ]
    assert [h for h in headings if h in order] == order
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.index(order[-1]) < text.index("ANNEX") < text.index("DIRECTIVES BY UNIT")
    assert "Cut-off: calendar months" in text
    assert "Completion rate on directives that came due: 50.00% (2/4)" in text
    assert "raised 2 times since Q1 2022" in text
    assert len(document.inline_shapes) == 1  # the chart of completion by unit

    tables = docx_tables(out)
    units = tables["By lead unit"]
    assert units[0][:3] == ["No.", "Unit", "Total"]  # rows numbered, units by name
    body = {row[1]: row for row in units[1:]}
    for unit in report["units"]:
        row = body[unit["name"]]
        assert row[2 : 2 + len(COUNT_KEYS)] == [str(unit[k]) for k in COUNT_KEYS]
        assert row[-2:] == [pct(unit["completion_rate"]), pct(unit["on_time_rate"])]
    assert [r[0] for r in units[1:]] == [str(n) for n in range(1, len(units) - 1)] + [""]
    assert body["Total"][2:9] == [str(report["totals"][k]) for k in COUNT_KEYS]
    overdue = tables["Overdue directives"]
    assert [r[0] for r in overdue[1:]] == [str(n) for n in range(1, len(report["overdue"]) + 1)]
    days = overdue[0].index("Days overdue")
    assert [r[days] for r in overdue[1:]] == [str(d["days_overdue"]) for d in report["overdue"]]
    assert [r[2] for r in overdue[1:]] == [d["text"] for d in report["overdue"]]
    limitations = tables["Limitations raised in the period or still open"]
    assert sorted(r[3] for r in limitations[1:]) == sorted(x["text"] for x in report["limitations"])
    repeated = tables["Limitations raised repeatedly"]
    assert repeated[1][3:5] == ["2", "Q1 2022"]
    trends = tables["Compared with the previous period: Q1 2022 → Q2 2022"]
    assert trends[-1][2] == "3 → 8 (+5)"
    # One table per unit in the annex, titled by its name, listing exactly its directives.
    names = {u["code"]: u["name"] for u in report["units"]}
    for code in ("BTC", "PB", "VPTU", "VPUB", "TU"):
        listed = [r[1] for r in tables[names[code]][1:]]
        assert listed == [d["text"] for d in report["directives"] if d["unit"] == code]


def test_excel_workbook_matches_the_json(cli: Cli, reg: dict[str, Any], tmp_path: Path) -> None:
    report = cli.json("report", "--quarter", "2022Q2")
    out = tmp_path / "review.xlsx"
    cli.ok("--lang", "en", "report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(out))
    book = load_workbook(out)
    assert book.sheetnames[0] == "About"
    for name in (
        "By unit",
        "Trends",
        "Rank by completion",
        "Rank by overdue",
        "By chair",
        "Overdue",
        "Limitations",
        "Repeated limitations",
        "Limitation summary",
        "Causes",
        "Due soon",
        "Next period",
        "Directives",
        "Meetings",
    ):
        assert name in book.sheetnames, name
        assert book[name].freeze_panes == "A2", name
    sheet = book["By unit"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Unit", "Total"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}  # units by name
    for unit in report["units"]:
        row = rows[unit["name"]]
        assert list(row[1:8]) == [unit[k] for k in COUNT_KEYS]  # numbers, not text
        rate = unit["completion_rate"]
        assert (row[8], row[9], row[10]) == (rate["pct"], rate["num"], rate["den"])
    assert rows["Total"][1] == report["totals"]["total"]
    assert book.chartsheets, "a native bar chart of completion, on a sheet of its own"
    overdue = list(book["Overdue"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in overdue] == [d["id"] for d in report["overdue"]]
    due = [r[3] for r in overdue]
    assert all(isinstance(v, dt.datetime) for v in due)  # a real date cell
    assert [v.date().isoformat() for v in due] == [d["due"] for d in report["overdue"]]
    soon = list(book["Due soon"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in soon] == [d["id"] for d in report["due_soon"]["directives"]]
    listed = list(book["Directives"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in listed) == sorted(d["id"] for d in report["directives"])
    about = {r[0]: r[1] for r in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["Cut-off"] == "calendar months"
    assert about["Figures as of"] == "30 June 2022"  # in words, as the English text writes


def test_vietnamese_labels_in_the_files(cli: Cli, reg: dict[str, Any], tmp_path: Path) -> None:
    report = cli.json("report", "--quarter", "2022Q2")
    docx_path, xlsx_path = tmp_path / "bao-cao.docx", tmp_path / "phu-luc.xlsx"
    cli.ok(
        "--lang",
        "vi",
        "report",
        "--quarter",
        "quý II/2022",
        "--format",
        "docx",
        "--out",
        str(docx_path),
    )
    cli.ok(
        "--lang",
        "vi",
        "report",
        "--quarter",
        "quý II/2022",
        "--format",
        "xlsx",
        "--out",
        str(xlsx_path),
    )
    tables = docx_tables(docx_path)
    units = tables["Kết quả theo đơn vị chủ trì"]
    vptu_json = next(u for u in report["units"] if u["code"] == "VPTU")
    vptu = next(r for r in units if r[1] == vptu_json["name"])
    assert vptu[-2] == pct(vptu_json["completion_rate"], "vi")
    headings = [p.text for p in open_docx(str(docx_path)).paragraphs]
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in headings and "II. TỒN TẠI, HẠN CHẾ" in headings
    assert "III. NGUYÊN NHÂN" in headings
    book = load_workbook(xlsx_path)
    assert "Tổng hợp theo đơn vị" in book.sheetnames
    assert book["Quá hạn"]["D2"].number_format == "DD/MM/YYYY"


def test_html_is_one_self_contained_page(cli: Cli, reg: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    cli.ok("--lang", "en", "report", "--quarter", "2022Q2", "--format", "html", "--out", str(out))
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'src="data:image/png;base64,' in page  # the chart, inline
    assert "<link" not in page and "<script" not in page and "http" not in page
    assert 'data-key="units"' in page and 'data-key="overdue"' in page
    assert "50.00% (2/4)" in page and "raised 2 times since Q1 2022" in page


def test_html_reads_on_a_phone_and_prints_on_a_page(
    cli: Cli, reg: dict[str, Any], tmp_path: Path
) -> None:
    """Looked at (rendered to PDF): a table of the directives, a dozen columns, ran past the
    right edge of an A4 page and of a phone's screen, its dates cut at a slash. Each table now
    scrolls inside a box of its own on a narrow screen, a date stays on one line, and the page
    has a print layout (A4 margins, headers repeated, no row or heading split from its
    table); the page says its language and encoding."""
    from html.parser import HTMLParser

    out = tmp_path / "review.html"
    cli.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "html", "--out", str(out))
    page = out.read_text(encoding="utf-8")

    class Walk(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[tuple[str, dict[str, str | None]]] = []
            self.tables = self.boxed = self.dates = 0
            self.lang = ""
            self.charset = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            named = dict(attrs)
            if tag == "html":
                self.lang = named.get("lang") or ""
            if tag == "meta" and named.get("charset"):
                self.charset = named["charset"] or ""
            if tag == "table":
                self.tables += 1
                self.boxed += bool(self.open) and self.open[-1] == ("div", {"class": "wide"})
            if tag == "td" and "data-value" in named:
                self.dates += named.get("class") == "date"
            if tag not in ("meta", "wbr", "img"):
                self.open.append((tag, named))

        def handle_endtag(self, tag: str) -> None:
            while self.open and self.open.pop()[0] != tag:
                pass

    walk = Walk()
    walk.feed(page)
    assert (walk.lang, walk.charset) == ("vi", "utf-8")
    assert walk.tables >= 5 and walk.boxed == walk.tables
    assert walk.dates >= 5 and page.count('data-value="') == walk.dates
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@page { size: A4" in style and "@media print" in style
    assert "@media (max-width: 40em)" in style and ".wide { overflow-x: auto; }" in style


def test_html_escapes_what_users_typed(cli: Cli, reg: dict[str, Any], tmp_path: Path) -> None:
    meeting = reg["meetings"][1]
    cli.ok(
        "assign",
        str(meeting),
        "--unit",
        "VPUB",
        "<script>alert(1)</script> & <b>",
        "--due",
        "30/6/2022",
    )
    out = tmp_path / "review.html"
    cli.ok("report", "--quarter", "2022Q2", "--format", "html", "--out", str(out))
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in page


def test_html_lets_a_long_address_break(cli: Cli, reg: dict[str, Any]) -> None:
    # A directive holding an address of 150 letters without a space: the browser could break
    # it nowhere, so its table grew past the page and printed cut at the margin. Now a word
    # longer than 30 letters has <wbr> after its / ? & = _ . - and every 20 letters; the
    # text reads as typed, and words of a normal length have none.
    import xml.etree.ElementTree as ET

    address = "https://dichvucong.gov.vn/p/ho-so?ma=" + "abcdefghij" * 11 + "&token=1"
    text = f"Tra cứu tại {address} trước ngày báo cáo"
    cli.ok("assign", str(reg["meetings"][1]), "--unit", "VPUB", text, "--due", "30/6/2022")
    page = cli.ok("report", "--quarter", "2022Q2", "--format", "html")
    cells = [c for c in page.split("<td>")[1:] if c.startswith("Tra cứu tại")]
    assert cells
    for cell in cells:
        shown = cell.split("</td>", 1)[0]
        assert shown.count("<wbr>") >= 10, shown
        as_read = ET.fromstring(f"<td>{shown.replace('<wbr>', '<wbr/>')}</td>")
        assert "".join(as_read.itertext()) == text
        runs = shown.replace("&amp;", "&").split("<wbr>")
        assert max(len(run.split(" ")[-1]) for run in runs[:-1]) <= 20, runs
    assert "<wbr>" not in page.split("Tra cứu tại")[0]  # other texts as they were


def test_markdown_has_every_section(cli: Cli, reg: dict[str, Any]) -> None:
    md = cli.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "md")
    assert md.startswith("# Báo cáo kết quả thực hiện nhiệm vụ — quý II/2022")
    for heading in (
        "## I. Kết quả đạt được",
        "## II. Tồn tại, hạn chế",
        "## III. Nguyên nhân",
        "## IV. Nhiệm vụ kỳ tới (quý III/2022)",
        "### Xếp hạng theo tỷ lệ hoàn thành",
    ):
        assert heading in md
    assert (
        "| VPUB — Văn phòng UBND tỉnh | 2 | 0 | 0 | 1 | 1 | 0 | 0 | 0,00% (0/1) | — (0/0) |" in md
    )


def test_markdown_sets_counts_and_rates_flush_right(cli: Cli, reg: dict[str, Any]) -> None:
    # Every Markdown table's delimiter row was '| --- | --- |': rendered (a mail client, a
    # wiki, pandoc), its counts and rates stood flush left under their headers, where the Word
    # table, the HTML page and the terminal set them flush right. Now a number's column is
    # '---:', a text's '---', in the report, the scores and the urging letter alike.
    def delimiter(md: str, header: str) -> list[str]:
        lines = md.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
        return [c.strip() for c in lines[at + 1].strip("|").split("|")]

    report = cli.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "md")
    assert delimiter(report, "Đơn vị") == ["---", *["---:"] * 9]
    scores = cli.ok("--lang", "en", "score", "--quarter", "2022Q2", "--format", "md")
    assert delimiter(scores, "Unit") == ["---", "---:", "---", "---:", "---:", "---:", "---:"]
    letter = cli.ok("--lang", "en", "urge", "VPTU", "--as-of", "2022-06-30", "--format", "md")
    assert delimiter(letter, "No.") == ["---:", "---", "---", "---", "---:"]


def test_out_refuses_an_existing_file_and_force_replaces_it(
    cli: Cli, reg: dict[str, Any], tmp_path: Path, db_path: Path
) -> None:
    out = tmp_path / "report.json"
    out.write_text("keep me", encoding="utf-8")
    digest = file_digest(db_path)
    message = cli.fail("report", "--quarter", "2022Q2", "--format", "json", "--out", str(out))
    assert "exists" in message and "--force" in message
    assert out.read_text(encoding="utf-8") == "keep me"
    assert file_digest(db_path) == digest
    cli.ok("report", "--quarter", "2022Q2", "--format", "json", "--out", str(out), "--force")
    assert json.loads(out.read_text(encoding="utf-8"))["period"]["label"] == "2022-Q2"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_out_refuses_a_missing_folder_or_a_folder(
    cli: Cli, reg: dict[str, Any], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "r.xlsx"
    assert "does not exist" in cli.fail(
        "report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(missing)
    )
    assert not missing.parent.exists()
    assert "is a folder" in cli.fail("report", "--quarter", "2022Q2", "--out", str(tmp_path))


def test_a_failed_render_leaves_no_file(
    cli: Cli, reg: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash while the file is being written leaves neither the file nor a temporary one."""
    import dirtrack.render.outfile as outfile

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outfile.os, "fsync", broken_fsync)
    out = tmp_path / "review.docx"
    result = cli("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert list(tmp_path.glob("*review*")) == []


def test_binary_formats_go_to_stdout_when_redirected(
    cli: Cli, reg: dict[str, Any], db: str, tmp_path: Path
) -> None:
    out = tmp_path / "piped.xlsx"
    import subprocess

    from tests.conftest import program

    with out.open("wb") as handle:
        proc = subprocess.run(
            [program(forked=True), "--db", db, "report", "--quarter", "2022Q2", "--format", "xlsx"],
            stdout=handle,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    assert proc.returncode == 0
    assert load_workbook(out)["By unit"]["A1"].value == "Unit"


def test_table_to_a_file_is_plain_text(cli: Cli, reg: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "review.txt"
    result = cli("--lang", "en", "report", "--quarter", "2022Q2", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert "wrote" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "By lead unit" in text and "█████░░░░░" in text


def _bench() -> Any:
    """bench/bench.py as a module: its register generator."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "bench" / "bench.py"
    spec = importlib.util.spec_from_file_location("dirtrack_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def province_register(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """bench/bench.py's register of 3,000 directives led by 200 units, as of 3 December 2026:
    generated once for the module's tests, each of which works on a copy of its own (its
    schema the session's migrated template's)."""
    folder = tmp_path_factory.mktemp("province")
    day = dt.date(2026, 12, 3)
    return Path(_bench().build_register(folder, 3_000, day, 200, schema=sqlite_template).path)


@pytest.fixture
def province(province_register: Path, tmp_path: Path) -> Path:
    """A copy of :func:`province_register` for one test."""
    copy = tmp_path / "province.db"
    shutil.copyfile(province_register, copy)
    return copy


PROVINCE_REPORT = ("--lang", "en", "report", "--period", "2026", "--as-of", "2026-12-03")


@pytest.fixture(scope="module")
def province_report(
    province_register: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The JSON of the year's report of :func:`province_register` (``PROVINCE_REPORT``), read
    once for the module's tests, which compare their documents with it."""
    from tests.conftest import cli_at

    copy = tmp_path_factory.mktemp("province-report") / "province.db"
    shutil.copyfile(province_register, copy)
    report: dict[str, Any] = cli_at(copy).json(*PROVINCE_REPORT)
    return report


@pytest.mark.sqlite_only("the benchmark's generator writes a SQLite file")
def test_documents_of_200_units_hold_every_unit_and_the_json_totals(
    province: Path, province_report: dict[str, Any], tmp_path: Path
) -> None:
    # The Word report's rows under each table's header and the export's rows are written
    # straight into their XML (render/docx_out._body_rows; a write-only workbook): at the size
    # of a province's register, every unit's row, the totals and every directive are there.
    from tests.conftest import cli_at

    cli = cli_at(province)
    asked, report = PROVINCE_REPORT, province_report
    assert len(report["units"]) > 120  # most of the 200 units have a directive in the year
    out = tmp_path / "review.docx"
    cli.ok(*asked, "--format", "docx", "--out", str(out))
    tables = docx_tables(out)
    units = tables["By lead unit"]
    assert len(units) == 1 + len(report["units"]) + 1  # header, every unit, the total
    assert [r[1] for r in units[1:-1]] == [u["name"] for u in report["units"]]
    assert [r[0] for r in units[1:]] == [str(n) for n in range(1, len(units) - 1)] + [""]
    for row, unit in zip(units[1:-1], report["units"], strict=True):
        assert row[2 : 2 + len(COUNT_KEYS)] == [str(unit[k]) for k in COUNT_KEYS]
    assert units[-1][1:9] == ["Total", *(str(report["totals"][k]) for k in COUNT_KEYS)]
    overdue = tables["Overdue directives"]
    assert [r[2] for r in overdue[1:]] == [d["text"] for d in report["overdue"]]
    names = {u["code"]: u["name"] for u in report["units"]}
    annexed = 0
    for code, name in names.items():
        listed = [d["text"] for d in report["directives"] if d["unit"] == code]
        if listed:
            assert [r[1] for r in tables[name][1:]] == listed
            annexed += len(listed)
    assert annexed == len(report["directives"])  # each directive in its unit's table
    assert len(open_docx(str(out)).inline_shapes) >= 2  # the chart, in pieces

    book = tmp_path / "export.xlsx"
    cli.ok("--lang", "en", "export", "--format", "xlsx", "--as-of", "2026-12-03", "--out",
           str(book))  # fmt: skip
    workbook = load_workbook(book, read_only=True)  # holds the file open until closed
    sheet = workbook["Directives"]
    rows = [r for r in sheet.iter_rows(min_row=6, values_only=True) if r and r[0] is not None]
    workbook.close()
    exported = cli.json("list", "--as-of", "2026-12-03")
    assert [r[0] for r in rows] == list(range(1, len(exported) + 1))
    assert sorted(r[1] for r in rows) == sorted(d["text"] for d in exported)


@pytest.mark.sqlite_only("the benchmark's generator writes a SQLite file")
def test_the_html_chart_of_200_units_goes_on_in_pieces(
    province: Path, province_report: dict[str, Any]
) -> None:
    # The HTML page's chart was one picture of every unit, however tall (2,000 units: 1,125 x
    # 89,703 pixels, some 800 MB to draw). Now it is in pieces of some twenty units, as the
    # Word report's: each as wide as the one picture was and no taller than 20 cm at 15.5 cm
    # wide, one under the other in one figure, the caption under the last.
    import base64
    import io
    import re

    from PIL import Image

    from tests.conftest import cli_at

    cli = cli_at(province)
    page = cli.ok(*PROVINCE_REPORT, "--format", "html")
    figures = re.findall(r"<figure>(.*?)</figure>", page, re.S)
    assert len(figures) == 1, len(figures)
    pieces = re.findall(r'<img src="data:image/png;base64,([^"]+)"', figures[0])
    assert len(pieces) >= 5, len(pieces)
    heights = []
    for piece in pieces:
        width, height = Image.open(io.BytesIO(base64.b64decode(piece))).size
        assert width == 1125, width
        assert height <= 1125 * 20 / 15.5 + 1, height
        heights.append(height)
    # every unit's bar in one of them: the pieces' rows (0.42 inch each at 150 dpi, less each
    # piece's frame of 1.2 inches) as many as the report's units
    report = province_report
    rows = sum(round((h / 150 - 1.2) / 0.42) for h in heights)
    assert rows == len(report["units"]), (rows, len(report["units"]))
    assert figures[0].endswith("<figcaption>Completion rate by unit (%)</figcaption>")
