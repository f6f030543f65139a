"""The review as a Word document (python-docx), laid out as Vietnamese review reports are.

Title and header (period, cut-off, T, scope); I. kết quả đạt được with the table per unit and
the chart of completion; II. tồn tại, hạn chế with the overdue list and the limitations;
III. nguyên nhân where recorded; IV. nhiệm vụ kỳ tới; then an annex with one table per unit.
Times New Roman 13 pt for the text, as administrative documents use, 10 pt in tables.
"""

from __future__ import annotations

import io
from typing import Any

from dirtrack.render.review_doc import (
    DATE,
    DELTA,
    INT,
    PCT,
    RATE,
    TREND,
    Document,
    Table,
    cell_text,
    for_reading,
)

# Column widths in cm by kind; text columns share what is left, by how much they hold.
FIXED_WIDTH = {INT: 1.3, DELTA: 1.4, PCT: 1.7, RATE: 2.4, DATE: 2.3, TREND: 2.9}
MIN_TEXT_WIDTH = 1.8


def _widths(table: Table, texts: list[list[str]], usable: float) -> list[float]:
    fixed = [FIXED_WIDTH.get(kind) for kind in table.kinds]
    left = usable - sum(w for w in fixed if w is not None)
    weights = []
    for column, width in enumerate(fixed):
        if width is not None:
            weights.append(0.0)
            continue
        lengths = [len(row[column]) for row in texts] + [len(table.headers[column]) // 2]
        weights.append(float(min(max(sum(lengths) / len(lengths), 4), 45)))
    total = sum(weights) or 1.0
    return [
        width if width is not None else max(MIN_TEXT_WIDTH, left * weight / total)
        for width, weight in zip(fixed, weights, strict=True)
    ]


def _table(doc: Any, table: Table, lang: str, usable: float) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from dirtrack.i18n import t

    doc.add_heading(table.title, level=4 if table.annex else 3)
    if not table.rows:
        doc.add_paragraph(t("none", lang))
        return
    table = for_reading(table, lang)
    texts = [
        [cell_text(v, k, lang) for v, k in zip(row, table.kinds, strict=True)] for row in table.rows
    ]
    widths = [Cm(w) for w in _widths(table, texts, usable)]
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for cell, header, width in zip(grid.rows[0].cells, table.headers, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(header)
        run.bold = True
        run.font.size = Pt(10)
    _repeat_header(grid.rows[0])
    first_total = len(table.rows) - table.total_rows
    for index, row in enumerate(texts):
        cells = grid.add_row().cells
        for cell, text, kind, width in zip(cells, row, table.kinds, widths, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = Pt(10)
            run.bold = index >= first_total
            if kind in (INT, PCT, DELTA, RATE, TREND):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _font(style: Any, size: Any) -> None:
    """Times New Roman, also where the style names a theme font (which would win)."""
    from docx.oxml.ns import qn

    style.font.name = "Times New Roman"
    style.font.size = size
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), "Times New Roman")


def _landscape(doc: Any) -> float:
    """Start a landscape section (for the annex); returns its usable width in cm."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(2), Cm(2)
    return 29.7 - 4


def _repeat_header(row: Any) -> None:
    """Repeat the header row on every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def render_docx(document: Document, chart: bytes | None = None) -> bytes:
    """The .docx bytes. ``chart`` is the completion chart PNG (drawn here when None)."""
    from docx import Document as NewDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    from dirtrack.i18n import t
    from dirtrack.render.chart import completion_png

    lang = document.lang
    if chart is None and document.chart_rows:
        chart = completion_png(document.chart_rows, lang)
    doc = NewDocument()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    usable = 21 - 2.5 - 1.5
    normal = doc.styles["Normal"]
    _font(normal, Pt(13))
    for level, size in ((1, 15), (2, 14), (3, 13), (4, 13)):
        style = doc.styles[f"Heading {level}"]
        _font(style, Pt(size))
        style.font.color.rgb = RGBColor(0, 0, 0)
    doc.core_properties.title = document.title
    doc.core_properties.author = "dirtrack"

    title = doc.add_heading(document.title.upper(), level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, value in document.header:
        line = doc.add_paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    note = doc.add_paragraph()
    note.add_run(document.rate_note).italic = True

    for part in document.sections:
        if part.tables and all(table.annex or table.key == "directives" for table in part.tables):
            usable = _landscape(doc)
        doc.add_heading(part.title, level=2)
        for paragraph in part.paragraphs:
            doc.add_paragraph(paragraph)
        for table in part.tables:
            if table.key == "directives":  # the annex's per-unit tables carry it
                continue
            _table(doc, table, lang, usable)
            if part.chart_after == table.key and chart is not None:
                doc.add_picture(io.BytesIO(chart), width=Cm(16))
                caption = doc.add_paragraph(t("rv_chart_title", lang))
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
