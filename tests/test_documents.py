"""The documents an office files: the Word report in the official layout, the Excel annex's print
set-up, and the urging letter. Opened with python-docx and openpyxl, checked on what they say."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from openpyxl import load_workbook

from tests.conftest import Cli, file_digest, prebuilt, snapshot

PARTY = (
    "office", "set", "--kind", "party", "--parent-body", "TỈNH ỦY NINH BÌNH",
    "--body", "VĂN PHÒNG", "--code", "VPTU", "--place", "Ninh Bình",
    "--signer-authority", "K/T CHÁNH VĂN PHÒNG", "--signer-title", "PHÓ CHÁNH VĂN PHÒNG",
    "--signer-name", "Nguyễn Văn A", "--to", "Thường trực Tỉnh ủy",
)  # fmt: skip
STATE = (
    "office", "set", "--kind", "state", "--parent-body", "UBND TỈNH NINH BÌNH",
    "--body", "VĂN PHÒNG", "--code", "VPUB", "--place", "Ninh Bình",
    "--signer-authority", "KT. CHÁNH VĂN PHÒNG", "--signer-title", "PHÓ CHÁNH VĂN PHÒNG",
    "--signer-name", "Trần Thị B", "--to", "Chủ tịch UBND tỉnh",
)  # fmt: skip


@pytest.fixture
@prebuilt
def reg(units: Cli) -> Cli:
    """Two meetings of 2022 Q2, one with its document number; overdue, done late, due soon."""
    first = units.id(
        "add-meeting", "--date", "6/4/2022", "--title", "Giao ban", "--doc", "12-TB/TU"
    )
    second = units.id("add-meeting", "--date", "20/5/2022", "--title", "Làm việc")
    late = units.id(
        "assign", str(first), "--unit", "BTC", "Rà soát quy hoạch", "--due", "30/4/2022"
    )
    units.id("assign", str(first), "--unit", "BTC", "Kiện toàn tổ chức", "--due", "3/7/2022")
    done = units.id(
        "assign", str(second), "--unit", "VPTU", "Tổng hợp báo cáo", "--due", "1/6/2022"
    )
    units.ok("done", str(done), "--date", "10/6/2022")
    units.id("assign", str(second), "--unit", "BDV", "Khảo sát dư luận")
    assert late
    return units


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def unnumbered(lines: list[str]) -> list[str]:
    """``lines`` with the number a Word report sets before each sub-heading (``1. ``) left
    out: ``1. Kết quả theo đơn vị chủ trì`` is ``Kết quả theo đơn vị chủ trì``."""
    return [re.sub(r"^\d+\. ", "", line) for line in lines]


def cells(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def report_docx(cli: Cli, tmp_path: Path, *extra: str, lang: str = "vi") -> Path:
    out = tmp_path / "bao-cao.docx"
    cli.ok("--lang", lang, "report", "--quarter", "2022Q2", "--format", "docx",
           "--out", str(out), "--force", *extra)  # fmt: skip
    return out


def test_party_report_heading_number_date_and_signature(reg: Cli, tmp_path: Path) -> None:
    reg.ok(*PARTY)
    out = report_docx(reg, tmp_path, "--number", "7", "--date", "5/2/2023")
    doc = Document(str(out))
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert left.split("\n") == ["TỈNH ỦY NINH BÌNH", "VĂN PHÒNG", "*", "Số 07-BC/VPTU"]
    assert right.split("\n") == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Ninh Bình, ngày 05 tháng 02 năm 2023"]
    lines = texts(out)
    assert "BÁO CÁO" in lines
    assert any(line.startswith("Kính gửi: Thường trực Tỉnh ủy") for line in lines)
    signer = cells(_signature(doc))
    assert "K/T CHÁNH VĂN PHÒNG" in signer[0][1] and "Nguyễn Văn A" in signer[0][1]
    assert signer[0][0].startswith("Nơi nhận:") and "- Thường trực Tỉnh ủy;" in signer[0][0]
    section = doc.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 1.5
    assert doc.styles["Normal"].font.name == "Times New Roman"
    # Every table inside the margins of its page.
    for table, usable in _tables_with_width(doc):
        width = sum(c.width for c in table.rows[0].cells)
        assert width <= Cm(usable) + 2000, (cells(table)[0], width, usable)


def _signature(doc: Any) -> Any:
    return next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))


def _tables_with_width(doc: Any) -> list[tuple[Any, float]]:
    """Each table with the usable width (cm) of the section it is printed in: wide tables and
    the annex are on landscape pages."""
    from docx.oxml.ns import qn

    found, section = [], 0
    tables = {t._tbl: t for t in doc.tables}
    for element in doc.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            found.append((tables[element], section))
        elif element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section += 1
    widths = [(s.page_width - s.left_margin - s.right_margin) / 360000 for s in doc.sections]
    return [(table, widths[index]) for table, index in found]


def test_state_report_layout_and_tables(reg: Cli, tmp_path: Path) -> None:
    reg.ok(*STATE)
    out = report_docx(reg, tmp_path, "--number", "12/BC-VPUB", "--date", "15/7/2022")
    doc = Document(str(out))
    left, right = (c.text for c in doc.tables[0].rows[0].cells)
    assert left.split("\n")[-1] == "Số: 12/BC-VPUB"
    assert right.split("\n")[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert right.split("\n")[-1] == "Ninh Bình, ngày 15 tháng 7 năm 2022"
    tables = [cells(t) for t in doc.tables]
    units = next(t for t in tables if t[0][:2] == ["STT", "Đơn vị"])
    assert [r[0] for r in units[1:]] == ["1", "2", "3", ""]  # STT, the total row unnumbered
    assert "Ban Tổ chức Tỉnh ủy" in [r[1] for r in units]  # by name, never "BTC — …"
    assert not any("—" in r[1] and "BTC" in r[1] for r in units)
    assert "Hoàn thành quá hạn" in units[0]
    overdue = next(t for t in tables if t[0][0] == "STT" and "Số ngày quá hạn" in t[0])
    meeting = overdue[0].index("Cuộc họp")
    assert overdue[1][meeting] == "12-TB/TU ngày 06/04/2022"  # the meeting by document and date
    lines = texts(out)
    assert not any("có 0 cuộc họp" in line for line in lines)
    landscape = doc.sections[-1]
    assert landscape.page_width > landscape.page_height
    assert "PHỤ LỤC" in lines


def test_bad_numbers_and_templates_write_nothing(reg: Cli, tmp_path: Path) -> None:
    reg.ok(*PARTY)
    out = tmp_path / "r.docx"
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    assert "12-BC/VPTU" in reg.fail(*base, "--number", "12/BC-VPTU")
    # In Vietnamese "give the number alone" read "cho số không": "give the number zero".
    assert reg.fail("--lang", "vi", *base, "--number", "12/BC-VPTU") == (
        "Error: số văn bản '12/BC-VPTU' không đúng thể thức của cơ quan: chỉ ghi con số, "
        "hoặc ghi đầy đủ như '12-BC/VPTU'"
    )
    # Number 0 ('Số 00-BC/VPTU') was written: a body numbers its documents from 01.
    assert reg.fail(*base, "--number", "0") == (
        "Error: document number '0': a body numbers its documents from 01 each year, never 0"
    )
    assert "never 0" in reg.fail(*base, "--number", "000-BC/VPTU")
    # Another script's digits matched \d and were written as typed ('Số ١٢-BC/VPTU'): they are
    # read as the ASCII digits the document writes, as a date's or an id's are.
    reg.ok(*base, "--number", "١٢-BC/VPTU")
    assert "12-BC/VPTU" in zipfile.ZipFile(out).read("word/document.xml").decode()
    out.unlink()
    # Spaces alone were "document number '' is not in the office's form", quoting nothing.
    assert reg.fail(*base, "--number", "  ") == (
        "Error: --number: only spaces or invisible characters; write some text"
    )
    assert "control character U+001B" in reg.fail(*base, "--number", "12\x1b")
    assert not out.exists()
    missing = tmp_path / "missing.docx"
    assert reg.fail(*base, "--template", str(missing)) == f"Error: {missing}: no such file"
    # A folder was "no such file" too, and a device the same: each is said as it is.
    folder = tmp_path / "mau"
    folder.mkdir()
    said = reg.fail("--lang", "vi", *base, "--template", str(folder))
    assert said == f"Error: {folder}: là thư mục, không phải tệp"
    assert "is not a regular file" in reg.fail(*base, "--template", "/dev/null")
    (tmp_path / "broken.docx").write_text("not a zip")
    reg.fail(*base, "--template", str(tmp_path / "broken.docx"))
    reg.fail("report", "--quarter", "2022Q2", "--format", "md", "--number", "3", code=2)
    assert not out.exists()
    reg.ok(*base, "--number", "１２－ＢＣ／ＶＰＴＵ")  # fullwidth, as an IME types it
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "12-BC/VPTU" in xml and "１２" not in xml


def test_office_template_fills_placeholders(reg: Cli, tmp_path: Path) -> None:
    reg.ok(*STATE)
    template = tmp_path / "mau.docx"
    doc = Document()
    doc.add_paragraph("{{ body }} — {{ number }} — {{ date_line }}")
    doc.add_paragraph("{{p report }}")
    doc.add_paragraph("{{ signer_name }}")
    doc.save(str(template))
    out = report_docx(reg, tmp_path, "--template", str(template), "--number", "3")
    lines = texts(out)
    assert lines[0].startswith("VĂN PHÒNG — Số: 03/BC-VPUB — Ninh Bình, ngày")
    assert "Trần Thị B" in lines
    bad = tmp_path / "bad.docx"
    doc = Document()
    doc.add_paragraph("{{ nonsense }}")
    doc.save(str(bad))
    target = str(tmp_path / "x.docx")
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", target)
    assert "nonsense" in reg.fail(*base, "--template", str(bad))
    assert not (tmp_path / "x.docx").exists()


# Each kind of template that once ran too far, in make test; the three further ones that spend
# the work budget (several seconds of CPU each, where the one here spends two) in make test-all.
WORK_BUDGET_TOO = ("loops", "silent", "recursive")


@pytest.mark.parametrize(
    "more",
    [
        pytest.param(False, id="each-kind"),
        pytest.param(
            True, id="more-work", marks=pytest.mark.slow("three more that spend the work budget")
        ),
    ],
)
def test_a_template_reaches_no_further_than_its_values(
    reg: Cli, db_path: Path, tmp_path: Path, more: bool
) -> None:
    """A Word template comes from anywhere (the province's model report): its placeholders are
    filled in Jinja's sandbox. One that walked from a text to Python's classes ran a shell
    command while the report was written, and one that multiplied a text by a billion took
    gigabytes, at `office set --template` already (Jinja folded the constant as it parsed).
    Each is one `Error:` line in the user's language; nothing is written, nothing is run."""
    reg.ok(*PARTY)
    ran = tmp_path / "ran"
    escape = (
        "{% for c in title.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == '_wrap_close' %}"
        f"{{{{ c.__init__.__globals__['system']('touch {ran}') }}}}"
        "{% endif %}{% endfor %}"
    )
    out = tmp_path / "r.docx"
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    cases = {
        "escape": (escape, "reaches past the values dirtrack fills in", "vượt ra ngoài"),
        "text": ("{{ 'x' * 5000000000 }}", "too large for a document", "quá lớn"),
        "power": ("{{ 7 ** 999999999 }}", "too large for a document", "quá lớn"),
        "range": ("{% for i in range(10**8) %}x{% endfor %}", "too large", "quá lớn"),
        "zero": ("{{ 1 / 0 }}", "division by zero", "bị lỗi khi điền giá trị (ZeroDivisionError)"),
        "itself": (
            "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
            "recursion",
            "bị lỗi khi điền giá trị (RecursionError)",
        ),
        # each bounded alone, but ten billion turns together: a cron job hung
        "loops": (
            "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
            "too much work for a document",
            "quá nhiều việc",
        ),
        "silent": (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "more than 1000000 loop turns",
            "quá nhiều việc",
        ),
        "twice": (  # no loop: a macro calling itself twice doubles at each depth
            "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}"
            "{{ m(60) }}",
            "too much work",
            "quá nhiều việc",
        ),
        "recursive": (
            "{% for a in [1] recursive %}{% if loop.depth < 4 %}"
            "{{ loop(range(100000)) }}{% endif %}{% endfor %}",
            "too much work",
            "quá nhiều việc",
        ),
        "written": (
            "{% for a in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}",
            "100000000 characters",
            "quá nhiều việc",
        ),
    }
    before = file_digest(db_path)
    # each message is checked in both languages the first time a case gives it; the further
    # cases giving it (each a second or more of a template's work) in one language, in turn
    told: set[str] = set()
    chosen = {k: v for k, v in cases.items() if (k in WORK_BUDGET_TOO) == more}
    for turn, (name, (placeholder, said, said_vi)) in enumerate(chosen.items()):
        template = tmp_path / f"{name}.docx"
        doc = Document()
        doc.add_paragraph("{{ body }} " + placeholder)
        doc.add_paragraph("{{p report }}")
        doc.save(str(template))
        reg.ok("office", "set", "--template", str(template))  # parsed, never evaluated
        reg.ok("office", "set", "--no-template")
        before = file_digest(db_path)
        langs = (("en", said), ("vi", said_vi))
        if said in told:
            langs = (langs[turn % 2],)
        told.add(said)
        for lang, words in langs:
            error = reg.fail("--lang", lang, *base, "--template", str(template))
            assert words in error, (name, error)
            assert error.startswith("Error: template " if lang == "en" else "Error: mẫu "), error
        assert not out.exists() and not ran.exists(), name
        assert file_digest(db_path) == before
    # what a template may do, it does: filters, loops and the values' own methods
    fine = tmp_path / "fine.docx"
    doc = Document()
    doc.add_paragraph("{{ body|lower }} {{ title.upper() }} {{ 'ab' * 3 }} {{ 2 ** 10 }}")
    doc.add_paragraph("{{p report }}")
    doc.save(str(fine))
    reg.ok(*base, "--template", str(fine))
    assert "văn phòng" in texts(out)[0] and "ababab 1024" in texts(out)[0]


def test_a_template_refused_under_vi_says_no_english_sentence(reg: Cli, tmp_path: Path) -> None:
    """Jinja's and Python's own English reason came after the Vietnamese frame ("expected
    token 'as'", "pop from empty list"): under --lang vi the place is said instead (the tag
    Jinja could not read, the attribute refused) or the kind of failure; English keeps them."""
    reg.ok(*PARTY)
    out = tmp_path / "r.docx"
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))

    def made(name: str, placeholder: str) -> str:
        template = tmp_path / f"{name}.docx"
        doc = Document()
        doc.add_paragraph("{{ body }} {% if to %}x{% endif %}")
        doc.add_paragraph("Kính gửi " + placeholder)
        doc.add_paragraph("{{p report }} {{ title }}")
        doc.save(str(template))
        return str(template)

    syntax = made("syntax", "{% import 'os' %}")  # refused as it is read: office set too
    assert reg.fail("--lang", "vi", "office", "set", "--template", syntax) == (
        f"Error: mẫu {syntax}: có trường hoặc thẻ viết sai cú pháp mẫu: {{% import 'os' %}}"
    )
    assert reg.fail("office", "set", "--template", syntax) == (
        f"Error: template {syntax}: expected token 'as', got 'end of statement block'"
    )
    popped = made("popped", "{{ [].pop() }}")
    assert reg.fail("--lang", "vi", *base, "--template", popped) == (
        f"Error: mẫu {popped}: một trường bị lỗi khi điền giá trị (IndexError)"
    )
    assert reg.fail(*base, "--template", popped).endswith(": pop from empty list")
    unsafe = made("unsafe", "{{ title.__class__.__mro__ }}")
    assert reg.fail("--lang", "vi", *base, "--template", unsafe).endswith(
        "không được phép làm (thuộc tính '__class__')"
    )
    # a tag taking in another file: what it does said in both languages, not Jinja's words
    # for its own machinery nor the kind of failure
    taking = made("taking", "{% include '/etc/passwd' %}")
    assert reg.fail("--lang", "vi", *base, "--template", taking).endswith(
        ": có thẻ lấy nội dung từ tệp khác (include, import, extends, from), điều mẫu không "
        "được làm: mọi thứ mẫu điền phải nằm ngay trong tệp .docx"
    )
    assert reg.fail(*base, "--template", taking).endswith(
        ": a tag takes in another file (include, import, extends, from), which a template "
        "cannot: everything it fills is in the .docx itself"
    )
    # a block left open at the end of the template: the tag that opened it
    unclosed = made("unclosed", "{% for name in to %}{{ name }}")
    assert reg.fail("--lang", "vi", *base, "--template", unclosed).endswith(
        ": có khối mở ra mà đến hết mẫu vẫn chưa đóng: {% for name in to %}"
    )
    raw = made("raw", "{% raw %}{{ title }}")
    assert reg.fail("--lang", "vi", *base, "--template", raw).endswith(
        ": có khối mở ra mà đến hết mẫu vẫn chưa đóng: {% raw %}"
    )
    # a placeholder never closed as the template's last words: the place in both languages,
    # not the kind of failure, nor Jinja's words of the XML after it ("unexpected '/'")
    ending = tmp_path / "ending.docx"
    doc = Document()
    doc.add_paragraph("{{p report }}")
    doc.add_paragraph("Kính gửi {{ subject")
    doc.save(str(ending))
    assert reg.fail("--lang", "vi", *base, "--template", str(ending)).endswith(
        ": có trường hoặc thẻ viết sai cú pháp mẫu: {{ subject"
    )
    assert reg.fail("office", "set", "--template", str(ending)).endswith(
        ": a placeholder or tag is not written as a template reads it: {{ subject"
    )
    assert not out.exists()


def test_a_template_whose_page_set_up_is_missing_or_unprintable_is_refused(
    reg: Cli, tmp_path: Path
) -> None:
    """A template from elsewhere whose last section gives no margins (a sectPr with the page
    size alone), or a page width that is no number, was 'unexpected TypeError' (ValueError)
    as the report's pages were laid out: refused where it is given, in both languages."""
    template = tmp_path / "nomargins.docx"
    doc = Document()
    doc.add_paragraph("{{p report }}")
    sect = doc.sections[-1]._sectPr
    sect.remove(sect.find(qn("w:pgMar")))
    doc.save(str(template))
    assert reg.fail("office", "set", "--template", str(template)) == (
        f"Error: template {template}: its page set-up (the page size and margins of its last "
        "section) is missing or no page Word prints; set the page up in Word and save the "
        "template again"
    )
    doc.sections[-1]._sectPr.find(qn("w:pgSz")).set(qn("w:w"), "abc")
    doc.save(str(template))
    assert reg.fail("--lang", "vi", "office", "set", "--template", str(template)).startswith(
        f"Error: mẫu {template}: "
    )


def test_a_template_pointing_outside_the_document_is_refused(
    reg: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A template holding a picture linked from the web (or an attached template on a share)
    was taken: Word fetches it when the report is opened, telling whoever serves it who opened
    the report. It is refused where it is given, naming the part; a hyperlink is kept."""
    reg.ok(*PARTY)
    out = tmp_path / "r.docx"
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    def linked(name: str, rel_type: str, target: str) -> str:
        plain = tmp_path / "plain.docx"
        doc = Document()
        doc.add_paragraph("{{ body }}")
        doc.add_paragraph("{{p report }}")
        doc.save(str(plain))
        path = tmp_path / f"{name}.docx"
        with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "word/_rels/document.xml.rels":
                    rel = (
                        f'<Relationship Id="rId99" Type="{kind}{rel_type}" Target="{target}" '
                        'TargetMode="External"/></Relationships>'
                    )
                    data = data.replace(b"</Relationships>", rel.encode())
                dst.writestr(info, data)
        return str(path)

    remote = linked("remote", "image", "http://tracker.example/p.png")
    before = file_digest(db_path)
    said = {
        "en": "word/_rels/document.xml.rels points outside the document "
        "(http://tracker.example/p.png), which Word would fetch when the report is opened",
        "vi": "word/_rels/document.xml.rels trỏ ra ngoài tài liệu (http://tracker.example/p.png), "
        "Word sẽ tải nội dung đó về khi mở báo cáo",
    }
    for lang, words in said.items():
        assert words in reg.fail("--lang", lang, *base, "--template", remote)
    assert "outside the document" in reg.fail("office", "set", "--template", remote)
    attached = linked("attached", "attachedTemplate", "file://share/t.dotm")
    assert "(file://share/t.dotm)" in reg.fail(*base, "--template", attached)
    assert not out.exists() and file_digest(db_path) == before
    reg.ok(*base, "--template", linked("hyperlink", "hyperlink", "https://office.example/"))
    assert out.exists()


def test_a_template_makes_no_value_too_large(reg: Cli, db_path: Path, tmp_path: Path) -> None:
    """Every value a template makes is bounded, not only `'x' * n`: a text doubled in a loop,
    a list extending itself, a width, a text put in place of each letter of another, a list
    holding one long text a thousand times written out, lorem ipsum by the million each grew
    memory until the machine gave out. Each is one `Error:` line, quickly, nothing written."""
    reg.ok(*PARTY)
    out = tmp_path / "r.docx"
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    long = "{% set s = 'x' * 900000 %}"
    shapes = {
        "doubled": "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "extended": "{% set l = [1] %}{% for i in range(60) %}{% set _ = l.extend(l) %}"
        "{% endfor %}",
        "width": "{{ title|center(10**9) }}",
        "replaced": long + "{{ s|replace('x', s) }}",
        "written": long + "{{ [s] * 1000 }}",
        "fields": long + "{{ ('{0}' * 1000).format(s) }}",
        "lazy": long + "{{ range(1000)|map('string')|join(s) }}",  # items not counted before
        "lipsum": "{{ lipsum(10**7) }}",
    }
    before = file_digest(db_path)
    for turn, (name, placeholder) in enumerate(shapes.items()):
        template = tmp_path / f"{name}.docx"
        doc = Document()
        doc.add_paragraph("{{ body }} " + placeholder)
        doc.add_paragraph("{{p report }}")
        doc.save(str(template))
        lang = ("en", "vi")[turn % 2]
        error = reg.fail("--lang", lang, *base, "--template", str(template))
        said = "too large for a document" if lang == "en" else "quá lớn"
        assert error.startswith("Error: template " if lang == "en" else "Error: mẫu "), error
        assert said in error and "1000000" in error, (name, error)
        assert not out.exists(), name
    assert file_digest(db_path) == before
    # what stays within the bounds is made as before
    fine = tmp_path / "fine.docx"
    doc = Document()
    doc.add_paragraph(
        "{{ '%05d'|format(42) }} {{ '{:>4}'.format('a') }} {{ to|join('; ') }} "
        "{{ 'a b'|replace(' ', '-') }} {{ 'x'|center(5) }}| {{ 'a' ~ 1 ~ [2] }} "
        "{{ (lipsum(2)|length > 100) }}"
    )
    doc.add_paragraph("{{p report }}")
    doc.save(str(fine))
    reg.ok(*base, "--template", str(fine))
    assert texts(out)[0] == "00042    a Thường trực Tỉnh ủy a-b   x  | a1[2] True", texts(out)[0]


def test_excel_annex_print_setup(reg: Cli, tmp_path: Path) -> None:
    out = tmp_path / "phu-luc.xlsx"
    reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(out))
    book = load_workbook(out)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert "&P" in sheet.oddFooter.right.text
        assert sheet.oddHeader.center.text
        # The report's title at the foot: in the header beside the sheet's, a long sheet title
        # (centred, 12 pt) ran over it on a narrow sheet printed at full size.
        assert not sheet.oddHeader.left.text and not sheet.oddHeader.right.text, sheet.title
        assert sheet.oddFooter.left.text == "Báo cáo kết quả thực hiện nhiệm vụ — quý II/2022"
    assert book.chartsheets, "the chart on a sheet of its own"
    # File > Properties: the report's title and dirtrack, not openpyxl's (no title, "openpyxl").
    assert book.properties.title == "Báo cáo kết quả thực hiện nhiệm vụ — quý II/2022"
    assert book.properties.creator == "dirtrack"
    units = book["Tổng hợp theo đơn vị"]
    assert units.oddHeader.center.text == "Kết quả theo đơn vị chủ trì"
    # openpyxl does not read charts back: the chart sheet's drawing, as the file holds it.
    with zipfile.ZipFile(out) as package:
        drawing = package.read("xl/drawings/drawing1.xml").decode()
    size = re.search(r'<absoluteAnchor><pos x="0" y="0"/><ext cx="(\d+)" cy="(\d+)"/>', drawing)
    assert size, drawing
    width, height = (int(x) / 360000 for x in size.groups())  # EMU to cm
    # At no size, LibreOffice printed a dot on an empty page; the chart fills A4 landscape.
    assert 20 < width <= 27.7 and 12 < height <= 19, (width, height)


def test_word_files_carry_their_own_properties(reg: Cli, tmp_path: Path) -> None:
    """File > Properties: the document's title, dirtrack, made today; not python-docx's blank
    document ("generated by python-docx", made on 23/12/2013, no title)."""
    reg.ok(*PARTY)
    letter = tmp_path / "don-doc.docx"
    reg.ok("--lang", "vi", "urge", "BTC", "--as-of", "2022-06-30", "--out", str(letter))
    made = [
        (report_docx(reg, tmp_path), "Báo cáo kết quả thực hiện nhiệm vụ — quý II/2022"),
        (letter, "đôn đốc thực hiện nhiệm vụ được giao"),
    ]
    for path, title in made:
        props = Document(str(path)).core_properties
        assert title in props.title, props.title
        assert props.author == "dirtrack" and props.comments == "", path
        now = datetime.now(UTC).replace(tzinfo=None)
        for stamp in (props.created, props.modified):
            assert abs(stamp.replace(tzinfo=None) - now) < timedelta(days=1), stamp


def test_urge_one_unit_records_the_letter(reg: Cli, tmp_path: Path) -> None:
    reg.ok(*PARTY)
    out = tmp_path / "don-doc.docx"
    reg.ok("--lang", "vi", "urge", "BTC", "--as-of", "2022-06-30", "--number", "45",
           "--date", "30/6/2022", "--out", str(out))  # fmt: skip
    doc = Document(str(out))
    left = doc.tables[0].rows[0].cells[0].text.split("\n")
    assert "Số 45-CV/VPTU" in left and any(x.startswith("V/v ") for x in left)
    lines = texts(out)
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy" in lines
    table = cells(next(t for t in doc.tables if t.rows[0].cells[0].text == "STT"))
    assert table[1][1] == "Rà soát quy hoạch"
    assert table[1][2] == "12-TB/TU ngày 06/04/2022" and table[1][-1] == "61"
    soon = [cells(t) for t in doc.tables if t.rows[0].cells[0].text == "STT"]
    assert soon[1][1][1] == "Kiện toàn tổ chức"
    assert "urge" in reg.ok("history")
    md = reg.ok("--lang", "vi", "urge", "BTC", "--as-of", "2022-06-30", "--format", "md")
    assert "Đây là lần đôn đốc thứ 2" in md
    # The report of the period says how often each unit was urged.
    lines = texts(report_docx(reg, tmp_path))
    assert "Trong kỳ đã ban hành 1 công văn đôn đốc: Ban Tổ chức Tỉnh ủy (1)." in lines


def test_urge_format_is_a_choice_as_every_format_is(
    reg: Cli, tmp_path: Path, db_path: Path
) -> None:
    """urge's --format was a text of its own: 'DOCX' and 'Md' were refused ('unknown letter
    format') where list, report, export, extract take 'JSON'. A choice now, in any case; a
    bad one exits 1 naming the choices in the user's language, and records no urging."""
    before = file_digest(db_path)
    said = reg.fail("--lang", "vi", "urge", "BTC", "--as-of", "2022-06-30", "--format", "pdf")
    assert said.startswith("Error: Giá trị không hợp lệ cho '--format' / '-f': 'pdf' không")
    assert "'docx', 'md'" in said
    assert file_digest(db_path) == before
    md = reg.ok("urge", "BTC", "--as-of", "2022-06-30", "--format", "Md")
    assert md.startswith("**") and "Rà soát quy hoạch" in md
    out = tmp_path / "u.docx"
    reg.ok("urge", "BTC", "--as-of", "2022-06-30", "--format", "DOCX", "--out", str(out))
    assert "Rà soát quy hoạch" in [c[1] for t in Document(str(out)).tables for c in cells(t)]


def test_urge_in_markdown_sets_several_recipients_as_the_letter_does(reg: Cli) -> None:
    """The Markdown letter put the first of several recipients after 'Kính gửi:' without its
    dash and the others from '- ' without ';' or '.', where the Word letter sets each from
    '- ' (';' after each, '.' after the last); a recipient typed twice was written to twice."""
    reg.ok(*PARTY)
    args = ["--lang", "vi", "urge", "BTC", "--as-of", "2022-06-30", "--format", "md"]
    to = ["--to", "Thường trực Tỉnh ủy", "--to", "Ban Thường vụ", "--to", "Ban Thường vụ"]
    lines = reg.ok(*args, *to).splitlines()
    start = lines.index("Kính gửi:")
    assert lines[start + 1 : start + 4] == ["- Thường trực Tỉnh ủy;", "- Ban Thường vụ.", ""]
    one = reg.ok(*args, "--to", "Thường trực Tỉnh ủy").splitlines()
    assert "Kính gửi: Thường trực Tỉnh ủy" in one


def test_urge_in_markdown_has_the_word_letters_heading_and_recipients(reg: Cli) -> None:
    # The Markdown letter left out the nation's (or the Party's) line and 'Nơi nhận' that the
    # Word letter has, and its heading and signature lines, one under the other, ran into one
    # line when the Markdown was rendered. Now it has both, each block's lines ending in a
    # hard break.
    for kind, lang, nation, copy, keep in (
        (PARTY, "vi", ["**ĐẢNG CỘNG SẢN VIỆT NAM**"], "Thường trực Tỉnh ủy", "- Lưu Văn phòng."),
        (STATE, "en", ["**SOCIALIST REPUBLIC OF VIETNAM**  ",
                       "**Independence - Freedom - Happiness**"], "Chủ tịch UBND tỉnh",
         "- File: Records."),
    ):  # fmt: skip
        reg.ok(*kind)
        md = reg.ok("--lang", lang, "urge", "BTC", "--as-of", "2022-06-30", "--format", "md")
        lines = md.splitlines()
        assert lines[: len(nation)] == nation, lines[:4]
        office = lines[len(nation) + 1 :][:4]
        assert all(line.endswith("  ") for line in office[:-1]), office
        label = {"vi": "Nơi nhận:", "en": "Recipients:"}[lang]
        copies = lines[lines.index(label) + 2 :]
        as_above = {"vi": "- Như trên;", "en": "- As above;"}[lang]
        assert copies == [as_above, f"- {copy};", keep], copies


def test_urge_in_markdown_writes_its_days_as_the_word_letter(reg: Cli) -> None:
    # The English Markdown letter wrote its deadlines '2022-04-30' beside '12-TB/TU of 6 Apr
    # 2022' in the same row (the terminal's ISO day in a letter). Now its tables write their
    # days as the Word letter does: '30 Apr 2022', '30/04/2022' in Vietnamese.
    for lang, due, cited in (
        ("en", "30 Apr 2022", "12-TB/TU of 6 Apr 2022"),
        ("vi", "30/04/2022", "12-TB/TU ngày 06/04/2022"),
    ):
        md = reg.ok("--lang", lang, "urge", "BTC", "--as-of", "2022-06-30", "--format", "md")
        row = next(line for line in md.splitlines() if "Rà soát quy hoạch" in line)
        assert [c.strip() for c in row.strip("|").split("|")][2:4] == [cited, due], row
        assert "2022-0" not in md, lang


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_requests_and_periodic_sentences_say_no_zero(reg: Cli, lang: str) -> None:
    # "Đề nghị gia hạn: 1 đề nghị (0 đề nghị sau khi đã quá hạn), 0 được chấp thuận, …;
    # đề nghị rút khỏi chương trình: 0 đề nghị, 0 …" and the periodic directives' "(hoàn
    # thành đúng hạn: 0, …)": the clauses of a count of 0 are now left out.
    meeting = reg.id("add-meeting", "--date", "10/4/2022", "--title", "Họp chuyên đề")
    asked = reg.id("assign", str(meeting), "--unit", "VPTU", "Soạn đề án", "--due", "20/6/2022")
    reg.ok("request", "extend", str(asked), "--to", "30/7/2022", "--reason", "Chờ ý kiến",
           "--date", "1/5/2022")  # fmt: skip
    reg.ok("assign", str(meeting), "--unit", "BTC", "Báo cáo tháng", "--every", "month",
           "--until", "2022-12-31")  # fmt: skip
    text = reg.ok("--lang", lang, "report", "--quarter", "2022Q2")
    sentences = [s for s in text.splitlines() if len(s) > 25 and "  " not in s]
    requests = next(s for s in sentences if s.startswith(("Đề nghị gia hạn:", "Extension")))
    assert requests == (
        "Đề nghị gia hạn: 1 đề nghị, 1 chưa trả lời."
        if lang == "vi"
        else "Extension requests: 1 asked, 1 pending."
    )
    periodic = next(s for s in sentences if s.startswith(("Nhiệm vụ định kỳ (", "Periodic")))
    assert ZERO_CLAUSE.search(periodic) is None and "(" in periodic.split(":", 1)[1]
    assert [s for s in sentences if ZERO_CLAUSE.search(s)] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_urge_with_nothing_overdue_says_no_zero(reg: Cli, tmp_path: Path, lang: str) -> None:
    # A unit with directives falling due but none overdue got "còn 0 nhiệm vụ quá hạn chưa
    # hoàn thành; 1 nhiệm vụ sẽ đến hạn …" and an empty "1. Nhiệm vụ quá hạn" list. Now the
    # letter names what falls due alone, as list 1.
    reg.ok(*PARTY)
    out = tmp_path / f"cv-{lang}.docx"
    reg.ok("--lang", lang, "urge", "BTC", "--as-of", "20/4/2022", "--within", "14",
           "--date", "20/4/2022", "--out", str(out))  # fmt: skip
    lines = texts(out)
    opening = next(p for p in lines if p.startswith(("Qua theo dõi", "Following up")))
    assert ZERO_CLAUSE.search(opening) is None
    assert ("có 1 nhiệm vụ sẽ đến hạn trong 14 ngày tới" if lang == "vi" else
            "has 1 directive falling due within the next 14 days") in opening  # fmt: skip
    # Days in the text in words, as the letter's date is (not "as of 2022-04-20" in English).
    when = "ngày 20 tháng 4 năm 2022" if lang == "vi" else "as of 20 April 2022"
    assert when in opening and "2022-04" not in "\n".join(lines)
    doc = Document(str(out))
    titled = [p.text for p in doc.paragraphs if p.text[:3] in ("1. ", "2. ")]
    assert len(titled) == 1 and titled[0].startswith("1. ")
    assert ("đến hạn" if lang == "vi" else "due") in titled[0].lower()
    md = reg.ok("--lang", lang, "urge", "BTC", "--as-of", "20/4/2022", "--within", "14",
                "--format", "md")  # fmt: skip
    assert ZERO_CLAUSE.search(md) is None


@pytest.mark.parametrize(
    ("lang", "opening", "title", "nothing"),
    [
        (
            "en",
            "as of 30 April 2022, Ban Tổ chức Tỉnh ủy has 1 directive falling due that day, as",
            "### 1. Directives falling due on 30 April 2022",
            "Error: BTC has nothing overdue or due on 2022-04-20: no letter",
        ),
        (
            "vi",
            "tính đến ngày 30 tháng 4 năm 2022, Ban Tổ chức Tỉnh ủy có 1 nhiệm vụ đến hạn trong "
            "ngày, cụ thể",
            "### 1. Nhiệm vụ đến hạn ngày 30 tháng 4 năm 2022",
            "Error: BTC không có nhiệm vụ quá hạn hoặc đến hạn ngày 20/04/2022: "
            "không viết công văn",
        ),
    ],
)
def test_urge_within_0_says_the_day_not_within_0_days(
    reg: Cli, lang: str, opening: str, title: str, nothing: str
) -> None:
    # --within 0 wrote "falling due within the next 0 days" ("trong 0 ngày tới"), titled its
    # list "Directives falling due within 0 days", and refused with "due within 0 days": now
    # the day itself, as remind --within 0 says it.
    reg.ok(*PARTY)
    md = reg.ok("--lang", lang, "urge", "BTC", "--as-of", "2022-04-30", "--within", "0",
                "--format", "md")  # fmt: skip
    assert opening in md and title in md.splitlines(), md
    assert "within 0" not in md and "trong 0" not in md, md
    refused = reg("--lang", lang, "urge", "BTC", "--as-of", "2022-04-20", "--within", "0")
    assert refused.exit_code == 1 and refused.stderr.strip() == nothing, refused.stderr


def test_urge_all_one_file_per_overdue_unit(reg: Cli, tmp_path: Path) -> None:
    reg.ok(*STATE)
    reg.ok("urge", "--all", "--as-of", "2022-06-30", "--dir", str(tmp_path))
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["BTC.docx"]
    before = snapshot(reg.db)
    reg.fail("urge", "VPUB", "--as-of", "2022-06-30", "--out", str(tmp_path / "x.docx"))
    reg.fail("urge", "--all", "--out", str(tmp_path / "y.docx"), code=2)
    reg.fail("urge", "BTC", "--all", code=2)
    # exists, no --force: said as pack out says it, by the file's path; it named --out, which
    # the user never gave
    refused = reg.fail("urge", "--all", "--as-of", "2022-06-30", "--dir", str(tmp_path))
    assert refused == f"Error: {tmp_path / 'BTC.docx'}: exists already; add --force to replace it"
    assert snapshot(reg.db) == before


def test_urge_all_without_a_folder_is_refused_and_records_no_letter(reg: Cli) -> None:
    """``urge --all`` without ``--dir`` wrote every unit's .docx onto standard output, one
    after another, exit 0, and recorded each letter as sent: the file opened (in LibreOffice
    and python-docx) as the last letter alone, the others lost. Now a usage error naming
    --dir, in the language of the run, for Markdown too, and nothing recorded."""
    reg.ok(*STATE)
    reg.ok("assign", "1", "--unit", "VPUB", "--due", "2022-05-31", "Việc thứ hai quá hạn")
    before = snapshot(reg.db)
    for fmt in ("docx", "md"):
        said = reg.fail("urge", "--all", "--as-of", "2022-06-30", "--format", fmt, code=2)
        assert said.startswith("Error: --all writes one letter per unit") and "--dir" in said
        vi = reg.fail("--lang", "vi", "urge", "--all", "--as-of", "2022-06-30", code=2)
        assert vi.startswith("Error: --all viết mỗi đơn vị một công văn") and "--dir" in vi
    assert snapshot(reg.db) == before


def test_urge_all_makes_its_folder_as_pack_out_does(reg: Cli, tmp_path: Path) -> None:
    """``urge --all --dir cong-van/``, README's example, refused a folder not made yet (``no
    such folder``) where ``pack out --dir`` makes it: the folder rule is one, and said alike."""
    reg.ok(*STATE)
    letters = tmp_path / "cong-van"
    reg.ok("urge", "--all", "--as-of", "2022-06-30", "--dir", f"{letters}/")
    assert sorted(p.name for p in letters.glob("*.docx")) == ["BTC.docx"]
    before = snapshot(reg.db)
    deep = tmp_path / "khong-co" / "cong-van"
    for command in (
        ("urge", "--all", "--as-of", "2022-06-30"),
        ("pack", "out", "--quarter", "2022Q2", "--as-of", "1/6/2022"),
    ):
        refused = reg.fail(*command, "--dir", str(deep))
        assert refused == f"Error: --dir {deep}: folder {deep.parent} does not exist", command
        assert not deep.parent.exists()
        said = reg.fail("--lang", "vi", *command, "--dir", str(letters / "BTC.docx"))
        assert said.startswith(f"Error: --dir {letters / 'BTC.docx'}: "), said
    assert snapshot(reg.db) == before


def test_a_dir_that_is_a_link_to_nothing_or_in_a_loop_is_said_so(reg: Cli, tmp_path: Path) -> None:
    """``--dir`` a symbolic link to a folder of a disk not mounted, or links in a loop: it said
    ``cannot write …: File exists``, the system's English under ``--lang vi`` too, of a name
    that holds nothing. Each is said as it is, in the language of the run; nothing written."""
    reg.ok(*STATE)
    nowhere = tmp_path / "o-dia-chua-gan" / "cong-van"
    dangling, loop = tmp_path / "den-o-khac", tmp_path / "vong"
    dangling.symlink_to(nowhere)
    loop.symlink_to(tmp_path / "vong-2")
    (tmp_path / "vong-2").symlink_to(loop)
    before = snapshot(reg.db)
    for command in (
        ("urge", "--all", "--as-of", "2022-06-30"),
        ("pack", "out", "--quarter", "2022Q2", "--as-of", "1/6/2022"),
    ):
        said = reg.fail(*command, "--dir", str(dangling))
        assert said == (
            f"Error: --dir {dangling}: is a symbolic link to {nowhere}, which does not exist "
            "(a disk not mounted?)"
        ), command
        vi = reg.fail("--lang", "vi", *command, "--dir", str(dangling))
        assert vi == (
            f"Error: --dir {dangling}: là liên kết tượng trưng tới {nowhere}, vốn không tồn tại "
            "(ổ đĩa chưa được gắn?)"
        ), command
        said = reg.fail(*command, "--dir", str(loop))
        assert said == (
            f"Error: cannot write {loop}: symbolic links that point to each other in a loop"
        ), command
        vi = reg.fail("--lang", "vi", *command, "--dir", str(loop))
        assert vi == f"Error: không ghi được {loop}: các liên kết tượng trưng trỏ vòng vào nhau"
        assert dangling.is_symlink() and loop.is_symlink() and not nowhere.parent.exists()
    assert snapshot(reg.db) == before
    # a link to a folder that is there is that folder
    folder = tmp_path / "that"
    folder.mkdir()
    linked = tmp_path / "link-to-folder"
    linked.symlink_to(folder)
    reg.ok("urge", "--all", "--as-of", "2022-06-30", "--dir", str(linked))
    assert sorted(p.name for p in folder.glob("*.docx")) == ["BTC.docx"]


def test_urge_all_a_unit_code_never_names_a_folder(reg: Cli, tmp_path: Path) -> None:
    """A code may hold ``/`` and ``..``: each letter stays in --dir, one file per unit."""
    meeting = reg.id("add-meeting", "--date", "6/4/2022", "--title", "Mã lạ")
    for code in ("X/../../ngoai", "A/B"):
        reg.ok("unit", "add", code, f"Đơn vị {code}")
        reg.id("assign", str(meeting), "--unit", code, f"Việc của {code}", "--due", "30/4/2022")
    folder = tmp_path / "a" / "b" / "letters"
    folder.mkdir(parents=True)
    reg.ok("urge", "--all", "--as-of", "2022-06-30", "--date", "30/6/2022", "--dir", str(folder))
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx"))
    names = sorted(p.name for p in folder.glob("*.docx"))
    assert len(written) == len(names) == 3, written
    assert names == ["A-B.docx", "BTC.docx", "X-..-..-ngoai.docx"]


def test_markdown_shows_typed_marks_as_typed(units: Cli) -> None:
    """Report and letter in Markdown: a clerk's `|`, `*`, `<script>`, `&amp;` or leading `#` is
    escaped, never a cell, emphasis, HTML, an entity or a heading of its own."""
    typed = ["a | b `c` <br> d", "<script>alert(1)</script> &amp; ]]>", "# tiêu đề *x* _y_"]
    units.ok("office", "set", "--body", "<b>VĂN PHÒNG</b>", "--place", "# Ninh Bình")
    meeting = units.id("add-meeting", "--date", "6/4/2022", "--title", "Giao ban | *x*")
    for text in typed:
        units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/4/2022", "--", text)
    report = units.ok("report", "--quarter", "2022Q2", "--as-of", "2022-06-30", "--format", "md")
    letter = units.ok("urge", "BTC", "--as-of", "2022-06-30", "--format", "md")
    for md in (report, letter):
        for raw in ("<script>", "<br>", "<b>", "&amp;", "*x*"):
            assert not re.search(r"(?<!\\)" + re.escape(raw), md), raw
        assert "\\<script>alert(1)\\</script> \\&amp; \\]\\]>" in md
        assert "a \\| b \\`c\\` \\<br> d" in md
        assert not any(line.startswith("# tiêu đề") for line in md.splitlines())
        for block in md.split("\n\n"):
            rows = [line for line in block.splitlines() if line.startswith("|")]
            assert len({len(re.findall(r"(?<!\\)\|", row)) for row in rows}) <= 1, rows
    assert "**\\<B>VĂN PHÒNG\\</B>**" in letter  # the body, in capitals


def test_markdown_a_carriage_return_ends_no_line() -> None:
    """An imported text may hold CR (Markdown ends a line there too): a cell stays one line."""
    from dirtrack.render.report_out import md_line, md_text

    assert md_text("a\r| x |\r\n# b\nc") == "a \\| x \\| # b c"
    assert md_line("# a\rb") == "\\# a b"


def _header_codes(part: str) -> list[str]:
    """The ``&`` codes in a part of a print header, ``&&`` (a literal ``&``) left out."""
    return re.findall(r"&(.)", part.replace("&&", ""))


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("VĂN PHÒNG & BAN " * 25, "Kết quả theo đơn vị chủ trì"),  # a long office body
        ("Báo cáo", "Ban Tuyên giáo & Dân vận " * 16),  # a long unit name
        ("&" * 400, "&" * 400),  # nothing but &, both long
        ("a" + "&" * 130, "Sở & Ban & Ngành " * 12),
    ],
)
def test_excel_print_header_keeps_every_and_and_fits_in_255(body: str, title: str) -> None:
    """The print header was cut at 250 characters after & was doubled: a cut through && left a
    lone & (a code to Excel), and its parts together passed Excel's 255. The sheet's title in
    the header and the report's in the footer each stay within it."""
    import io

    from openpyxl import Workbook

    from dirtrack.render.xlsx_out import footer_room, print_setup, printed_cm

    book = Workbook()
    print_setup(book.active, body, title, "vi")
    saved = io.BytesIO()
    book.save(saved)
    sheet = load_workbook(saved).active
    for printed, part, given in (
        (sheet.oddHeader, sheet.oddHeader.center.text, title),
        (sheet.oddFooter, sheet.oddFooter.left.text, body),
    ):
        whole = str(printed).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        assert len(whole) <= 255, len(whole)
        assert _header_codes(part) == [], part  # every & of the text is &&
        said = part.replace("&&", "&")
        assert said == given or (said.endswith("…") and given.startswith(said[:-1])), said
        if printed is sheet.oddHeader:
            assert len(part) >= min(len(given.replace("&", "&&")), 200)  # cut only at the limit
        else:  # cut at the limit, or where it would run into the page number on its right
            room = footer_room(sheet, "vi")
            assert printed_cm(said, 9) <= room
            assert said == given or printed_cm(said, 9) >= room * 0.8 or len(part) >= 200


def test_report_names_every_unit_and_every_unit_sharing_a_rank(reg: Cli, tmp_path: Path) -> None:
    # A unit with a limitation but no directive in the period was named by its code in the
    # list of limitations, the units at a meeting by their codes; of two units sharing the
    # highest rate the text named the first alone, by its code.
    meeting = reg.id(
        "add-meeting", "--date", "10/5/2022", "--title", "Kiểm tra", "--attendee", "UBKT"
    )
    shared = reg.id("assign", str(meeting), "--unit", "UBKT", "Báo cáo nhanh", "--due", "1/6/2022")
    reg.ok("done", str(shared), "--date", "20/5/2022")
    reg.ok("add-limitation", str(meeting), "--unit", "VPUB", "Chưa bố trí đủ cán bộ")
    reg.ok(*STATE)
    pack = reg.json("report", "--quarter", "2022Q2")
    assert [r["code"] for r in pack["rankings"]["completion_rate"] if r["rank"] == 1] == [
        "UBKT",
        "VPTU",
    ]
    doc = Document(str(report_docx(reg, tmp_path)))
    listed = next(t for t in doc.tables if "Chưa bố trí đủ cán bộ" in cells(t)[-1])
    unit = cells(listed)[0].index("Đơn vị")
    assert cells(listed)[-1][unit] == "Văn phòng UBND tỉnh"
    meetings = cells(next(t for t in doc.tables if "Đơn vị dự" in cells(t)[0]))
    held = next(row for row in meetings if "Kiểm tra" in row)
    assert held[meetings[0].index("Đơn vị dự")] == "Ủy ban Kiểm tra Tỉnh ủy"
    ranked = next(p.text for p in doc.paragraphs if "cao nhất" in p.text)
    assert "cao nhất: Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy (100,00%)" in ranked
    assert "thấp nhất: Ban Tổ chức Tỉnh ủy (0,00%)" in ranked
    # The terminal and Markdown keep the codes.
    text = reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "md")
    assert "cao nhất: UBKT, VPTU (100,00%)" in text


@pytest.mark.parametrize("command", [("report", "--brief"), ("score",)])
def test_brief_and_scores_name_the_period_in_words(
    reg: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # The leader's brief and the scores were titled "TÓM TẮT CHO LÃNH ĐẠO — 2022-Q2", the
    # period's key, and their note ended on "..".
    for lang, period in (("vi", "quý II/2022"), ("en", "Q2 2022")):
        out = tmp_path / f"{lang}.docx"
        reg.ok("--lang", lang, *command, "--quarter", "2022Q2", "--format", "docx",
               "--out", str(out))  # fmt: skip
        lines = [line for line in texts(out) if line]
        assert lines[0].endswith(f" — {period.upper()}"), lines[0]
        assert lines[1].startswith(f"{'Kỳ báo cáo' if lang == 'vi' else 'Period'}: {period} (")
        assert not any("2022-Q2" in line or line.endswith("..") for line in lines)


@pytest.mark.parametrize(
    ("office", "number", "cited"),
    [
        (PARTY, "Số 07-BC/VPTU", "(Kèm theo Báo cáo số 07-BC/VPTU ngày 05 tháng 02 năm 2023)"),
        (STATE, "Số: 07/BC-VPUB", "(Kèm theo Báo cáo số 07/BC-VPUB ngày 05 tháng 02 năm 2023)"),
    ],
)
def test_annex_cites_the_report_by_number_and_date(
    reg: Cli, tmp_path: Path, office: tuple[str, ...], number: str, cited: str
) -> None:
    # The annex said "(Kèm theo Báo cáo Số 07-BC/VPTU, Ninh Bình, ngày 05 tháng 02 năm 2023)"
    # under "PHỤ LỤC" and "Phụ lục: nhiệm vụ theo từng đơn vị": the heading's "Số" and place
    # copied into the sentence, and "Phụ lục" twice.
    reg.ok(*office)
    out = report_docx(reg, tmp_path, "--number", "7", "--date", "5/2/2023")
    lines = texts(out)
    first = lines.index("PHỤ LỤC")
    assert lines[first + 1 : first + 3] == ["NHIỆM VỤ THEO TỪNG ĐƠN VỊ", cited]
    assert number in Document(str(out)).tables[0].rows[0].cells[0].text  # the heading as before
    english = texts(report_docx(reg, tmp_path, "--number", "7", "--date", "5/2/2023", lang="en"))
    first = english.index("ANNEX")
    assert english[first + 1 : first + 3] == [
        "DIRECTIVES BY UNIT",
        f"(attached to report No. {number.split(' ', 1)[1]} of 5 February 2023)",
    ]


def test_report_names_no_highest_when_every_unit_has_the_same_rate(units: Cli) -> None:
    # Every unit at 0%: "cao nhất: BTC (0,00%); thấp nhất: VPTU (0,00%)" named one unit
    # highest and another lowest for the same rate.
    meeting = units.id("add-meeting", "--date", "6/4/2022", "--title", "Giao ban")
    for code in ("BTC", "VPTU"):
        units.id("assign", str(meeting), "--unit", code, f"Việc của {code}", "--due", "1/5/2022")
    for lang, said in (
        ("vi", "Các đơn vị có cùng tỷ lệ hoàn thành: 0,00%."),
        ("en", "Every unit has the same completion rate: 0.00%."),
    ):
        text = units.ok("--lang", lang, "report", "--quarter", "2022Q2", "--format", "md")
        assert said in text
        assert "cao nhất" not in text and "Highest" not in text


def test_a_sentence_names_at_most_five_units(units: Cli) -> None:
    # A province of 300 units, 200 of them done at 100%: "Highest completion rate: A, B, C, …"
    # named all 200 in one sentence, seven pages of the Word report (so did the urged units
    # and the packs not answered). Now a sentence names five and counts the others; the
    # tables beside it list every one.
    meeting = units.id("add-meeting", "--date", "6/4/2022", "--title", "Giao ban")
    for index in range(8):
        code = f"X{index}"
        units.ok("unit", "add", code, f"Xã số {index}")
        done = units.id("assign", str(meeting), "--unit", code, "Báo cáo", "--due", "1/5/2022")
        units.ok("done", str(done), "--date", "20/4/2022")
    units.id("assign", str(meeting), "--unit", "BTC", "Việc chưa xong", "--due", "1/5/2022")
    for lang, said in (
        ("vi", "cao nhất: X0, X1, X2, X3, X4 và 3 đơn vị khác (100,00%); thấp nhất: BTC (0,00%)"),
        ("en", "Highest completion rate: X0, X1, X2, X3, X4 and 3 other units (100.00%); "
               "lowest: BTC (0.00%)."),
    ):  # fmt: skip
        text = units.ok("--lang", lang, "report", "--quarter", "2022Q2", "--format", "md")
        assert said in text, lang
        assert "X5" not in text.split("|")[0], lang  # before the first table


def test_report_of_one_unit_names_no_highest_and_lowest(units: Cli) -> None:
    # A report of one unit (--unit, or one unit with directives due) said "Highest completion
    # rate: BTC (0.00%); lowest: BTC (0.00%)": the same unit both.
    meeting = units.id("add-meeting", "--date", "6/4/2022", "--title", "Giao ban")
    for code in ("BTC", "VPTU"):
        units.id("assign", str(meeting), "--unit", code, f"Việc của {code}", "--due", "1/5/2022")
    for lang in ("vi", "en"):
        for unit in ("BTC", "VPTU"):
            args = ("report", "--quarter", "2022Q2", "--unit", unit, "--format", "md")
            text = units.ok("--lang", lang, *args)
            assert "cao nhất" not in text and "Highest" not in text, text
            assert "cùng tỷ lệ" not in text and "same completion rate" not in text, text


def test_report_of_one_unit_prints_no_ranking_tables(units: Cli, tmp_path: Path) -> None:
    # A report of one unit left out its ranking sentence but still printed both ranking tables,
    # each of one row ranking the unit first of one. A ranking of fewer than two units is now
    # left out of every format; a report of two units keeps both.
    meeting = units.id("add-meeting", "--date", "6/4/2022", "--title", "Giao ban")
    for code in ("BTC", "VPTU"):
        units.id("assign", str(meeting), "--unit", code, f"Việc của {code}", "--due", "1/5/2022")
    titles = ("Xếp hạng theo tỷ lệ hoàn thành", "Xếp hạng theo số nhiệm vụ quá hạn")
    sheets = ("Xếp hạng hoàn thành", "Xếp hạng quá hạn")
    for unit, shown in (("BTC", False), (None, True)):
        scope = ("--unit", unit) if unit else ()
        out = report_docx(units, tmp_path, *scope)
        said = texts(out)
        assert all((title in unnumbered(said)) is shown for title in titles), said
        for lang, ranking in (("vi", "Xếp hạng theo"), ("en", "Ranking by")):
            text = units.ok("--lang", lang, "report", "--quarter", "2022Q2", *scope)
            assert (ranking in text) is shown, text
        book = tmp_path / "bao-cao.xlsx"
        units.ok("--lang", "vi", "report", "--quarter", "2022Q2", *scope, "--format", "xlsx",
                 "--out", str(book), "--force")  # fmt: skip
        names = load_workbook(book).sheetnames
        assert all((sheet in names) is shown for sheet in sheets), names


def test_report_counts_sentence_adds_up_to_its_total(reg: Cli, tmp_path: Path) -> None:
    # "thực hiện 4 nhiệm vụ: đã hoàn thành 1 …; trong hạn 2; quá hạn 1; 1 nhiệm vụ không có
    # thời hạn; 0 nhiệm vụ dừng thực hiện" listed a part of the total (without a deadline)
    # and what is outside it (cancelled) as if they were more parts: they added up to 5 of 4.
    pack = reg.json("report", "--quarter", "2022Q2")
    tot = pack["totals"]
    assert tot["cancelled"] == 0 and tot["done_on_time"] == 0 and tot["done_late"] == 1
    line = next(p for p in texts(report_docx(reg, tmp_path)) if p.startswith("Trong kỳ, các"))
    assert line == (  # no clause of a count of 0 (the cancelled ones, done on time)
        f"Trong kỳ, các đơn vị thực hiện {tot['total']} nhiệm vụ (trong đó "
        f"{tot['no_deadline']} nhiệm vụ không có thời hạn): đã hoàn thành 1 nhiệm vụ (quá "
        f"hạn); đang thực hiện trong hạn {tot['open_in_time']}; quá hạn chưa hoàn thành "
        f"{tot['overdue']}."
    )
    parts = line.split(": ", 1)[1]
    counted = [int(n) for n in re.findall(r"(?:hoàn thành|trong hạn|hoàn thành) (\d+)", parts)]
    assert sum(counted) == tot["total"] == 4


# A count of 0 said as a word's count: "0 nhiệm vụ", "nêu mới 0,", ": 0." (not 0,00% nor 0/1).
ZERO_CLAUSE = re.compile(r"(?<![\d.,/])\b0 +[^\W\d]|[^\W\d] 0(?:[,;)]|\.$)|: 0\b(?![.,]\d)")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_sentence_states_a_count_of_zero(reg: Cli, tmp_path: Path, lang: str) -> None:
    # "có 0 nhiệm vụ dừng thực hiện", "nêu mới 0, khắc phục trong kỳ 0", "Gia hạn: 0 đề
    # nghị", "Tổng cộng: 0 nhiệm vụ quá hạn": an office leaves such a clause out. Now every
    # sentence of the report (Word and terminal), the brief and the reminders says only the
    # counts that are not 0, and a sentence with nothing to count says so in words.
    reg.ok(*PARTY)
    said = list(texts(report_docx(reg, tmp_path, lang=lang)))
    brief = tmp_path / "brief.docx"
    reg.ok("--lang", lang, "report", "--quarter", "2022Q2", "--brief", "--format", "docx",
           "--out", str(brief))  # fmt: skip
    said += texts(brief)
    for command in (("report", "--quarter", "2022Q2"), ("report", "--quarter", "2022Q2",
                    "--brief"), ("remind", "--as-of", "30/6/2022"), ("report", "--quarter",
                    "2023Q1")):  # fmt: skip
        said += reg.ok("--lang", lang, *command).splitlines()
    sentences = [s for s in said if len(s) > 25 and "  " not in s and "│" not in s]
    assert sentences
    assert [s for s in sentences if ZERO_CLAUSE.search(s) and "—" not in s] == []
    # Limitations: none raised, resolved or open in 2022Q2: said in words, not "0, 0, 0".
    expected = (
        "Trong kỳ không có hạn chế nêu mới, không có hạn chế được khắc phục và không còn hạn "
        "chế chưa khắc phục."
        if lang == "vi"
        else "No limitation was raised or resolved in the period, and none is still open."
    )
    assert expected in said
    assert ("Không có đề nghị gia hạn." if lang == "vi" else "No extension was asked for.") in said


def test_workbooks_give_rows_the_height_of_their_wrapped_text(reg: Cli, tmp_path: Path) -> None:
    # Rows were left at one line: LibreOffice (and Excel until a cell is edited) showed the
    # first line of a long directive, the rest printed over the rows under it.
    from dirtrack.render.xlsx_out import text_lines

    long = "Rà soát, sắp xếp lại bộ máy tổ chức tinh gọn, hoạt động hiệu lực, hiệu quả " * 2
    meeting = reg.id("add-meeting", "--date", "7/4/2022", "--title", "Làm việc với BTC")
    reg.id("assign", str(meeting), "--unit", "BTC", long.strip(), "--due", "30/5/2022")
    out = tmp_path / "phu-luc.xlsx"
    reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(out))
    sheet = load_workbook(out)["Nhiệm vụ"]
    column = [c.value for c in sheet[1]].index("Nội dung") + 1
    width = sheet.column_dimensions[sheet.cell(1, column).column_letter].width
    for row in range(2, sheet.max_row + 1):
        text = sheet.cell(row, column).value
        height = sheet.row_dimensions[row].height
        if text_lines(text, width) > 1:  # wraps: 15 pt for each of its lines
            assert height is not None and height >= 15 * text_lines(text, width), (text, height)
        else:
            assert height is None
    packs = tmp_path / "phieu"
    reg.ok("pack", "out", "--quarter", "2022Q2", "--dir", str(packs), "--as-of", "1/6/2022",
           "--due", "20/6/2022")  # fmt: skip
    lead = load_workbook(packs / "BTC.xlsx")["Chủ trì"]
    row = next(r for r in range(7, lead.max_row + 1) if lead.cell(r, 3).value == long.strip())
    assert (lead.row_dimensions[row].height or 0) >= 15 * (len(long.strip()) // 50 + 1)


def _brief_rows_of(reg: Cli, tmp_path: Path, text: str) -> list[list[Any]]:
    """The rows of the Vietnamese brief's workbook (2022Q2) that hold ``text`` in a cell."""
    book = tmp_path / "brief.xlsx"
    reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--brief", "--format", "xlsx",
           "--out", str(book))  # fmt: skip
    return [
        [c.value for c in r]
        for s in load_workbook(book)
        for r in s.iter_rows()
        if any(c.value == text for c in r)
    ]


def test_brief_red_directives_numbers_right_aligned(reg: Cli, tmp_path: Path) -> None:
    # The days overdue and the progress ("40%") were text, set at the left of their cells
    # and written into Excel as text.
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    late = next(d["id"] for d in reg.json("list") if d["text"] == "Rà soát quy hoạch")
    reg.ok("progress", str(late), "--percent", "40", "--date", "20/4/2022")
    out = tmp_path / "brief.docx"
    reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--brief", "--format", "docx",
           "--out", str(out))  # fmt: skip
    red = next(t for t in Document(str(out)).tables if "Số ngày quá hạn" in cells(t)[0])
    header, row = red.rows[0].cells, red.rows[1].cells
    names = [c.text for c in header]
    assert names[-2:] == ["Số ngày quá hạn", "Tiến độ (%)"]
    assert [c.text for c in row][-2:] == ["61", "40"]
    assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in row[-2:])
    values = _brief_rows_of(reg, tmp_path, "Rà soát quy hoạch")
    assert values and values[0][-2:] == [61, 40]  # numbers in Excel too


def test_excel_about_sheet_labels_the_title_as_a_title(reg: Cli, tmp_path: Path) -> None:
    # The first sheet of the Excel report, brief and scores labelled the document's title
    # "Nội dung cuộc họp" (the meeting's subject, the same English word).
    for command in (("report",), ("report", "--brief"), ("score",)):
        out = tmp_path / f"{len(command)}-{command[0]}.xlsx"
        reg.ok("--lang", "vi", *command, "--quarter", "2022Q2", "--format", "xlsx",
               "--out", str(out))  # fmt: skip
        about = load_workbook(out).worksheets[0]
        assert [c.value for c in about[2]][0] == "Tiêu đề"
        assert "quý II/2022" in about.cell(2, 2).value


def test_scores_points_are_numbers(reg: Cli, tmp_path: Path) -> None:
    # A unit's points and each line's were text ("65,00"): set at the left in Word and
    # written into Excel as text, which no sum or sort can use.
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    pack = reg.json("score", "--quarter", "2022Q2")
    points = {u["code"]: u["points"] for u in pack["units"]}
    out = tmp_path / "diem.docx"
    reg.ok("--lang", "vi", "score", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    summary = next(t for t in Document(str(out)).tables if "Xếp loại" in cells(t)[0])
    column = cells(summary)[0].index("Điểm")
    for row in summary.rows[1:]:
        cell = row.cells[column]
        code = row.cells[1].text.split(" — ")[0]
        assert cell.text == f"{points[code]:.2f}".replace(".", ",")
        assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    book = tmp_path / "diem.xlsx"
    reg.ok("--lang", "vi", "score", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(book))
    sheet = load_workbook(book).worksheets[1]
    at = [c.value for c in sheet[1]].index("Điểm")
    got = {r[0].split(" — ")[0]: r[at] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert got == points
    assert all(isinstance(v, (int, float)) for v in got.values())


def test_brief_names_units_alike_in_every_table(reg: Cli, tmp_path: Path) -> None:
    # The brief's red directives named their unit by its code ("BTC") where its tables of
    # units said "BTC — Ban Tổ chức Tỉnh ủy". Now every table of the brief names a unit so.
    said = "BTC — Ban Tổ chức Tỉnh ủy"
    out = tmp_path / "brief.docx"
    reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--brief", "--format", "docx",
           "--out", str(out))  # fmt: skip
    tables = [cells(t) for t in Document(str(out)).tables]
    red = next(t for t in tables if "Số ngày quá hạn" in t[0])
    units = next(t for t in tables if t is not red and "Đơn vị" in t[0])
    column = red[0].index("Đơn vị")
    assert red[1:] and {row[column] for row in red[1:]} == {said}
    assert said in [row[units[0].index("Đơn vị")] for row in units[1:]]
    rows = _brief_rows_of(reg, tmp_path, "Rà soát quy hoạch")
    assert rows and said in rows[0]
    assert said in reg.ok("--lang", "vi", "report", "--quarter", "2022Q2", "--brief",
                          "--format", "md")  # fmt: skip


@pytest.mark.parametrize(("lang", "none"), [("vi", "Không có."), ("en", "Nothing to report.")])
def test_an_empty_table_is_said_as_a_sentence(
    reg: Cli, tmp_path: Path, lang: str, none: str
) -> None:
    # A table without rows was replaced by "Không có" ("none") without a full stop, where
    # every other paragraph of the document ends on one.
    reg.ok(*PARTY)
    lines = unnumbered(texts(report_docx(reg, tmp_path, lang=lang)))
    title = "Hạn chế được nêu nhiều lần" if lang == "vi" else "Limitations raised repeatedly"
    at = lines.index(title)
    assert lines[at + 1] == none
    assert none.rstrip(".") not in lines
    markdown = reg.ok("--lang", lang, "report", "--quarter", "2022Q2", "--format", "md")
    assert f"### {title}\n\n{none}\n" in markdown


def test_english_documents_write_their_header_dates_in_words(reg: Cli, tmp_path: Path) -> None:
    # The header line of an English report, brief and scores kept ISO dates, "Period: Q2 2022
    # (2022-04-01 – 2022-06-30)", where the English text (the annex, the letters) writes
    # "5 February 2023". Now in words; the Vietnamese ones keep 01/04/2022.
    for command in (("report",), ("report", "--brief"), ("score",)):
        for lang, period, as_of in (
            ("en", "Period: Q2 2022 (1 April 2022 – 30 June 2022)", "Figures as of: 30 June 2022"),
            ("vi", "Kỳ báo cáo: quý II/2022 (01/04/2022 – 30/06/2022)",
             "Số liệu tính đến ngày: 30/06/2022"),
        ):  # fmt: skip
            out = tmp_path / f"{lang}-{len(command)}-{command[0]}.docx"
            reg.ok("--lang", lang, *command, "--quarter", "2022Q2", "--format", "docx",
                   "--out", str(out))  # fmt: skip
            header = next(line for line in texts(out) if line.startswith(period.split(":")[0]))
            assert header.startswith(period + ";"), header
            assert as_of in header, header
            assert not re.search(r"\d{4}-\d\d-\d\d", header), header


def test_english_letter_sets_its_date_off_with_a_comma(reg: Cli) -> None:
    # "as of 30 June 2022 Ban Tổ chức Tỉnh ủy has 1 overdue directive": the day ran into the
    # unit's name. Now "as of 30 June 2022, Ban Tổ chức Tỉnh ủy has …"; the Vietnamese as
    # before.
    reg.ok(*PARTY)
    for lang, said in (
        ("en", "as of 30 June 2022, Ban Tổ chức Tỉnh ủy has 1 overdue directive"),
        ("vi", "tính đến ngày 30 tháng 6 năm 2022, Ban Tổ chức Tỉnh ủy còn 1 nhiệm vụ"),
    ):
        md = reg.ok("--lang", lang, "urge", "BTC", "--as-of", "2022-06-30", "--format", "md")
        assert said in md, md
    only_soon = reg.ok("--lang", "en", "urge", "BTC", "--as-of", "2022-04-20", "--within",
                       "14", "--format", "md")  # fmt: skip
    assert "as of 20 April 2022, Ban Tổ chức Tỉnh ủy has 1 directive falling due" in only_soon


ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _table_texts(path: Path) -> list[str]:
    return [c.text for table in Document(str(path)).tables for row in table.rows for c in row.cells]


def test_english_documents_write_the_days_of_their_tables_in_words(
    reg: Cli, tmp_path: Path
) -> None:
    # The tables of an English report, brief, scores and letter wrote their days ISO
    # ("2022-04-30", "meeting of 2022-04-06", "Delay (deadline 2022-04-30, …)") where the text
    # above them writes "30 June 2022". Now "30 Apr 2022", in the workbook too; the Vietnamese
    # ones keep 30/04/2022.
    reg.ok(*PARTY)
    made = []
    for lang in ("en", "vi"):
        for name, command in (
            ("report", ("report", "--quarter", "2022Q2", "--format", "docx")),
            ("brief", ("report", "--quarter", "2022Q2", "--brief", "--format", "docx")),
            ("score", ("score", "--quarter", "2022Q2", "--format", "docx")),
            ("urge", ("urge", "BTC", "--as-of", "30/6/2022", "--date", "1/7/2022")),
        ):
            out = tmp_path / f"{lang}-{name}.docx"
            reg.ok("--lang", lang, *command, "--out", str(out))
            made.append((lang, name, _table_texts(out)))
    for lang, name, found in made:
        said = "\n".join(found)
        assert not ISO_DAY.search(said), (lang, name, ISO_DAY.findall(said))
        day = "30 Apr 2022" if lang == "en" else "30/04/2022"
        assert day in found or f"({day}," in said or f"{day}," in said, (lang, name)
    report = {(lang, name): found for lang, name, found in made}
    assert "12-TB/TU of 6 Apr 2022" in report["en", "urge"]
    assert "12-TB/TU ngày 06/04/2022" in report["vi", "urge"]
    assert any("deadline 30 Apr 2022" in cell for cell in report["en", "score"])
    book = tmp_path / "en.xlsx"
    reg.ok("--lang", "en", "report", "--quarter", "2022Q2", "--format", "xlsx", "--out", str(book))
    formats = {
        cell.number_format
        for sheet in load_workbook(book).worksheets
        for row in sheet.iter_rows(min_row=2)
        for cell in row
        if hasattr(cell.value, "year")
    }
    assert formats == {"D MMM YYYY"}, formats


def test_english_documents_head_themselves_in_english(reg: Cli, tmp_path: Path) -> None:
    # An English report and letter translated 'Kính gửi' and 'Nơi nhận' but kept the heading
    # in Vietnamese: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
    # 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số: 12/BC-VPUB', 'V/v urging …'. Now the English ones say it
    # in English, as official translations do; the Vietnamese ones as before.
    reg.ok(*STATE)
    out = report_docx(reg, tmp_path, "--number", "12", "--date", "15/7/2022", lang="en")
    left, right = (c.text for c in Document(str(out)).tables[0].rows[0].cells)
    assert left.split("\n")[-1] == "No. 12/BC-VPUB"
    assert right.split("\n")[:2] == [
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom - Happiness",
    ]
    reg.ok(*PARTY)
    for lang, number, regarding, party in (
        ("en", "No. 45-CV/VPTU", "Re: urging", "COMMUNIST PARTY OF VIETNAM"),
        ("vi", "Số 45-CV/VPTU", "V/v đôn đốc", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ):
        letter = tmp_path / f"cv-{lang}.docx"
        reg.ok("--lang", lang, "urge", "BTC", "--as-of", "2022-06-30", "--number", "45",
               "--date", "30/6/2022", "--out", str(letter))  # fmt: skip
        left, right = (c.text for c in Document(str(letter)).tables[0].rows[0].cells)
        assert number in left.split("\n"), left
        assert any(line.startswith(regarding) for line in left.split("\n")), left
        assert right.split("\n")[0] == party
        md = reg.ok("--lang", lang, "urge", "BTC", "--as-of", "2022-06-30", "--number", "45",
                    "--format", "md")  # fmt: skip
        assert number in md and regarding in md


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_period_without_a_directive_says_so_rather_than_a_row_of_zeros(
    reg: Cli, tmp_path: Path, lang: str
) -> None:
    # A quarter before the first meeting, or a unit that held nothing, printed the per-unit
    # table, the comparison and the limitations' summary as a "Total" row of zeros alone. Now
    # each says there is nothing to report, as a table without rows does; its Excel sheet
    # holds the header alone, each column as wide as its header on two lines (8 characters
    # broke "Hoàn thành quá hạn" in three).
    from openpyxl import load_workbook

    from dirtrack.render.xlsx_out import text_lines

    none = "Không có." if lang == "vi" else "Nothing to report."
    totals = "Tổng cộng" if lang == "vi" else "Total"
    by_unit = "Kết quả theo đơn vị chủ trì" if lang == "vi" else "By lead unit"
    for extra in (("--quarter", "2021Q4"), ("--quarter", "2022Q2", "--unit", "UBKT")):
        args = ("--lang", lang, "report", *extra)
        markdown = reg.ok(*args, "--format", "md")
        assert f"### {by_unit}\n\n{none}\n" in markdown, markdown
        assert f"**{totals}**" not in markdown
        html = reg.ok(*args, "--format", "html")
        assert f'<h3 id="t-units">{by_unit}</h3><p class="none">{none}</p>' in html
        assert totals not in reg.ok(*args)
        out = tmp_path / f"bc-{lang}.docx"
        reg.ok(*args, "--format", "docx", "--out", str(out), "--force")
        lines = unnumbered(texts(out))
        assert lines[lines.index(by_unit) + 1] == none
        assert not any(cells(t)[-1][:2] == ["", totals] or totals in cells(t)[-1][0]
                       for t in Document(str(out)).tables[1:-1])  # fmt: skip
        book = tmp_path / f"bc-{lang}.xlsx"
        reg.ok(*args, "--format", "xlsx", "--out", str(book), "--force")
        workbook = load_workbook(book)
        for sheet in workbook.worksheets[1:]:
            if sheet.max_row == 2 and sheet["A2"].value == none:  # nothing to report, said so
                assert not any(c.value for c in sheet[2][1:]), sheet.title
                assert not sheet.auto_filter.ref, sheet.title
                for cell in sheet[1]:  # each header on two lines at most
                    width = sheet.column_dimensions[cell.column_letter].width
                    assert text_lines(str(cell.value), width, bold=True) <= 2, (
                        sheet.title, cell.value, width,
                    )  # fmt: skip
        units = workbook.worksheets[1]  # a page of its header alone printed: the sentence
        assert [[c.value for c in row][:2] for row in units.iter_rows()][1] == [none, None]
        assert units.max_row == 2, [[c.value for c in row] for row in units.iter_rows()]


def test_the_brief_takes_no_heading_of_a_document(reg: Cli, db_path: Path, tmp_path: Path) -> None:
    """`report --brief --format docx --number 12 --to … --signer … --template …` wrote the brief
    without any of them, and said nothing: the brief has no heading, number, recipients or
    signature. Each typed is a usage error naming it; the configuration file's defaults of a
    document's heading are left aside, as for a report in Markdown."""
    reg.ok(*PARTY)
    out = tmp_path / "brief.docx"
    base = ("report", "--quarter", "2022Q2", "--brief", "--format", "docx", "--out", str(out))
    template = tmp_path / "mau.docx"
    reg.ok("office", "template", "--out", str(template))
    before = file_digest(db_path)
    for option, value in (
        ("--number", "12"),
        ("--date", "5/2/2023"),
        ("--to", "Thường trực Tỉnh ủy"),
        ("--signer", "Nguyễn Văn A"),
        ("--template", str(template)),
    ):
        said = reg.fail("--lang", "en", *base, option, value, code=2)
        assert said.startswith(f"Error: {option} is for the report as a document: the brief")
        said = reg.fail("--lang", "vi", *base, option, value, code=2)
        assert said.startswith(f"Error: {option} dùng cho báo cáo dưới dạng văn bản hành chính")
        assert not out.exists()
    assert file_digest(db_path) == before
    config = tmp_path / "config.toml"
    config.write_text('[report]\nnumber = 12\nsigner = "Nguyễn Văn A"\n', encoding="utf-8")
    result = reg(*base, env={"DIRTRACK_CONFIG": str(config)})
    assert result.exit_code == 0, result.stderr
    assert out.exists()


def test_a_template_may_place_the_report_twice(reg: Cli, tmp_path: Path) -> None:
    """`{{p report }}` twice in an office's template was 'unexpected KeyError' (the rows of the
    body's tables were let go where they were first written): the body is written twice."""
    tables = []
    for times in (1, 2):
        template = tmp_path / f"mau-{times}.docx"
        doc = Document()
        doc.add_paragraph("{{ body }}")
        for _ in range(times):
            doc.add_paragraph("{{p report }}")
        doc.save(str(template))
        made = Document(str(report_docx(reg, tmp_path, "--template", str(template))))
        tables.append([[c.text for c in t.rows[-1].cells] for t in made.tables])
    once, twice = tables
    assert once and twice == once + once


def test_a_template_without_the_styles_of_headings_and_tables_is_filled(
    reg: Cli, tmp_path: Path
) -> None:
    """Word keeps its built-in styles out of a file until they are used: a template made from a
    blank page has no 'Heading 2' nor 'Table Grid', and the report was 'unexpected KeyError:
    no style with name 'Heading 2''. The template lends them from dirtrack's own document."""
    import re as regex

    template = tmp_path / "tu-trang-trang.docx"
    doc = Document()
    doc.add_paragraph("{{ body }}")
    doc.add_paragraph("{{p report }}")
    doc.save(str(template))
    with zipfile.ZipFile(template) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    styles = parts["word/styles.xml"].decode()
    for name in ("heading \\d", "Table Grid"):
        styles = regex.sub(rf'<w:style [^>]*>\s*<w:name w:val="{name}"/>.*?</w:style>', "", styles,
                           flags=regex.S)  # fmt: skip
    assert '<w:name w:val="heading 2"/>' not in styles
    assert '<w:name w:val="Table Grid"/>' not in styles
    parts["word/styles.xml"] = styles.encode()
    with zipfile.ZipFile(template, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    made = Document(str(report_docx(reg, tmp_path, "--template", str(template))))
    assert made.tables and all(t.style is not None and t.style.name == "Table Grid"
                               for t in made.tables)  # fmt: skip
    headings = [p.text for p in made.paragraphs if p.style.name.startswith("Heading")]
    assert headings, [p.style.name for p in made.paragraphs]


def test_a_template_that_fills_in_what_is_not_xml_is_refused(
    reg: Cli, db_path: Path, tmp_path: Path
) -> None:
    """docxtpl read a filled body back in lxml's recovering mode: a placeholder writing a
    character XML cannot hold, or markup marked safe that closes the body, left the rest of
    the report out of a document said to be written. Each is one `Error:` line now, in the
    body or in a header, and nothing is written."""
    out = tmp_path / "r.docx"
    base = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    before = file_digest(db_path)
    for turn, (name, placeholder) in enumerate(
        {"surrogate": "{{ '\\udcff' }}", "closes": "{{ '</w:body>'|safe }}"}.items()
    ):
        template = tmp_path / f"{name}.docx"
        doc = Document()
        doc.add_paragraph("{{ body }} " + placeholder)
        doc.add_paragraph("{{p report }}")
        if name == "closes":  # in the header, which python-docx reads strictly
            doc.sections[0].header.paragraphs[0].text = "{{ '<w:p>'|safe }}"
        doc.save(str(template))
        lang, said = (("en", "is not a Word document"), ("vi", "không còn là văn bản Word"))[turn]
        error = reg.fail("--lang", lang, *base, "--template", str(template))
        assert said in error, error
        assert not out.exists()
    assert file_digest(db_path) == before


def test_a_template_whose_document_lacks_words_namespaces_says_so(
    reg: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A document Word did not write, whose root declares no ``wp`` (or ``r``) namespace, was
    refused only once filled, as 'a placeholder writes what Word's XML cannot hold': the
    report's pictures are written with those prefixes. It is refused where it is given, naming
    the namespace, in both languages."""
    doc = Document()
    doc.add_paragraph("{{p report }}")
    made = tmp_path / "made.docx"
    doc.save(str(made))
    out = tmp_path / "r.docx"
    before = file_digest(db_path)
    for prefix, lang, said in (
        ("wp", "en", "its document does not declare the namespace 'wp' ("),
        ("r", "vi", "văn bản của nó không khai báo không gian tên 'r' ("),
    ):
        template = tmp_path / f"no-{prefix}.docx"
        with zipfile.ZipFile(made) as source, zipfile.ZipFile(template, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "word/document.xml":
                    data = re.sub(rf' xmlns:{prefix}="[^"]*"'.encode(), b"", data, count=1)
                target.writestr(info, data)
        error = reg.fail("--lang", lang, "office", "set", "--template", str(template))
        assert said in error and "XML" not in error, error
        report = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
        assert said in reg.fail("--lang", lang, *report, "--template", str(template))
        assert not out.exists()
    assert file_digest(db_path) == before


def test_a_paragraph_ending_in_a_brace_before_a_tag_is_refused_not_dropped(
    reg: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A paragraph holding only ``{{`` just before a ``{%p if …%}`` paragraph: docxtpl joins
    the two (it removes the XML between a brace and the rest of its tag) and the report lost
    the paragraph, and what the tag held, without a word. Refused where it is given, the
    paragraph named, in both languages; a brace and its tag in one paragraph still fill."""
    template = tmp_path / "brace.docx"
    doc = Document()
    for text in ("Trước", "{{", "{%p if title %}", "Có tên", "{%p endif %}", "{{p report }}"):
        doc.add_paragraph(text)
    doc.save(str(template))
    out = tmp_path / "r.docx"
    report = ("report", "--quarter", "2022Q2", "--format", "docx", "--out", str(out))
    before = file_digest(db_path)
    assert reg.fail("office", "set", "--template", str(template)) == (
        f"Error: template {template}: the paragraph '{{{{' ends in a brace and the next one "
        "opens a tag, so the two are read as one tag and the paragraph is dropped from the "
        "report without a word; put each tag's braces in one paragraph"
    )
    vi = reg.fail("--lang", "vi", *report, "--template", str(template))
    assert vi.startswith(f"Error: mẫu {template}: đoạn '{{{{' kết thúc bằng"), vi
    assert not out.exists() and file_digest(db_path) == before
    doc.paragraphs[1].text = "{{ subject }}"
    header = doc.sections[0].header  # docxtpl reads headers and footers the same way
    header.paragraphs[0].text = "{{"
    for text in ("{%p if number %}", "Số {{ number }}", "{%p endif %}"):
        header.add_paragraph(text)
    doc.save(str(template))
    said = reg.fail("office", "set", "--template", str(template))
    assert said.startswith(f"Error: template {template}: the paragraph '{{{{' ends in"), said
    header.paragraphs[0].text = "Kính gửi"
    doc.save(str(template))
    reg.ok(*report, "--template", str(template))
    assert "Có tên" in [p.text for p in Document(str(out)).paragraphs]


def test_a_file_too_large_to_be_a_template_is_refused_unread(
    reg: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A 2 GB file given as a template (a sparse one takes no room on the disk) was read into
    memory whole before it was found not to be a Word document: it is refused by its size."""
    template = tmp_path / "mau.docx"
    with template.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    before = file_digest(db_path)
    out = tmp_path / "r.docx"
    for lang, said in (("en", "2048 MB, more than the 256 MB"), ("vi", "2048 MB, nhiều hơn 256")):
        error = reg.fail("--lang", lang, "report", "--quarter", "2022Q2", "--format", "docx",
                         "--out", str(out), "--template", str(template))  # fmt: skip
        assert said in error, error
    assert not out.exists() and file_digest(db_path) == before
