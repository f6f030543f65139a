"""The review as a Word document (python-docx), laid out as an office files its reports.

With a :class:`~dirtrack.letterhead.Letterhead` (``report --format docx``): the heading block of
the office's kind (:mod:`dirtrack.render.official`), BÁO CÁO and its subject, ``Kính gửi``; the
body in the order of Vietnamese review reports (I. kết quả đạt được with the table per unit and
the chart of completion; II. tồn tại, hạn chế; III. nguyên nhân; IV. nhiệm vụ kỳ tới); then
``Nơi nhận`` and the signature; then the annex (PHỤ LỤC) on landscape pages, one table per unit.

Tables number their rows (STT), fit inside the margins, and give every column at least the
width of its longest word, so that a header never breaks inside a syllable; a table too wide
for the page at 10 pt is set at 9 or 8 pt.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from dirtrack.render.official import (
    body_paragraph,
    fixed_layout,
    heading,
    new_document,
    signature,
    text_width_cm,
)
from dirtrack.render.review_doc import (
    DATE,
    DELTA,
    INT,
    PCT,
    RATE,
    TEXT,
    TREND,
    Document,
    Table,
    cell_text,
    for_reading,
)

if TYPE_CHECKING:
    from dirtrack.letterhead import Letterhead

CELL_PADDING = 0.6  # cm: the cell margins (0.19 cm a side), and air for how LibreOffice sets text
NUMERIC = (INT, PCT, DELTA, RATE, TREND)
# Columns the portrait body leaves to the annex: (table keys, header keys).
PORTRAIT_DROPS = (
    (("overdue", "due_soon", "next"), ("original_due", "rv_completed_on")),
    (("overdue",), ("status",)),
    (("limitations",), ("rv_repeat_of",)),
)


def _words(text: str) -> list[str]:
    return text.replace("/", "/ ").replace("(", " (").split() or [""]


def fit_widths(
    headers: list[str], texts: list[list[str]], kinds: list[str], usable: float, size: float
) -> list[float] | None:
    """Column widths (cm) that fit ``usable`` at ``size`` pt without breaking a word, or None.

    A number or date column is as wide as its widest cell (they never wrap), a rate as its
    widest word; every column at least as wide as the longest word of its header; text columns
    share what is left, by how much they hold.
    """
    minimum: list[float] = []
    weights: list[float] = []
    for column, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
        widest_word = max(text_width_cm(w, size, bold=True) for w in _words(header))
        cells = [row[column] for row in texts]
        if kind == TEXT:
            longest = max((text_width_cm(w, size) for c in cells for w in _words(c)), default=0)
            need = max(widest_word, min(longest, 3.0), 2.2)
            lengths = [len(c) for c in cells] or [0]
            weights.append(float(min(max(sum(lengths) / len(lengths), 4), 80)) ** 1.5)
        else:
            # A rate or trend may wrap between its words; a number or a date never does.
            wraps = kind in (RATE, TREND)
            pieces = [w for c in cells for w in _words(c)] if wraps else cells
            widest = max((text_width_cm(c, size) for c in pieces), default=0.0)
            need = max(widest_word, widest)
            weights.append(0.0)
        minimum.append(need + CELL_PADDING)
    left = usable - sum(minimum)
    if left < 0:
        return None
    total = sum(weights)
    if total == 0:
        return [w + left / len(minimum) for w in minimum]
    return [w + left * weight / total for w, weight in zip(minimum, weights, strict=True)]


def _numbered(table: Table, lang: str) -> tuple[list[str], list[str], list[list[Any]]]:
    """Headers, kinds and rows with an STT column first (in place of the internal id)."""
    from dirtrack.i18n import t

    headers, kinds, rows = list(table.headers), list(table.kinds), [list(r) for r in table.rows]
    if headers and headers[0] == t("rv_rank", lang):  # a ranking numbers itself
        return headers, kinds, rows
    if headers and headers[0] == t("id", lang):
        headers, kinds, rows = headers[1:], kinds[1:], [r[1:] for r in rows]
    first_total = len(rows) - table.total_rows
    numbered = [[index + 1 if index < first_total else "", *row] for index, row in enumerate(rows)]
    return [t("doc_stt", lang), *headers], [INT, *kinds], numbered


def _drop_for_portrait(
    table: Table, headers: list[str], kinds: list[str], rows: list[list[Any]], lang: str
) -> tuple[list[str], list[str], list[list[Any]]]:
    from dirtrack.i18n import t

    gone: set[int] = set()
    for keys, header_keys in PORTRAIT_DROPS:
        if table.key in keys:
            names = {t(k, lang) for k in header_keys}
            gone |= {i for i, h in enumerate(headers) if h in names}
    if not gone:
        return headers, kinds, rows
    keep = [i for i in range(len(headers)) if i not in gone]
    return (
        [headers[i] for i in keep],
        [kinds[i] for i in keep],
        [[row[i] for i in keep] for row in rows],
    )


def _table(doc: Any, table: Table, lang: str, usable: float, *, portrait: bool) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from dirtrack.i18n import t

    doc.add_heading(table.title, level=4 if table.annex else 3)
    if not table.rows:
        doc.add_paragraph(t("none", lang))
        return
    table = for_reading(table, lang)
    headers, kinds, rows = _numbered(table, lang)
    if portrait:
        headers, kinds, rows = _drop_for_portrait(table, headers, kinds, rows, lang)
    texts = [
        [cell_text(v, k, lang) if v != "" else "" for v, k in zip(row, kinds, strict=True)]
        for row in rows
    ]
    size, widths = 10.0, None
    for size in (10.0, 9.0, 8.0):
        widths = fit_widths(headers, texts, kinds, usable, size)
        if widths is not None:
            break
    if widths is None:  # even at 8 pt: share the page by need, words may break
        needs = [max(text_width_cm(h, size, bold=True) / 2, 1.0) for h in headers]
        widths = [usable * n / sum(needs) for n in needs]
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    fixed_layout(grid)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    for cell, header, width in zip(grid.rows[0].cells, headers, widths, strict=True):
        cell.width = Cm(width)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(header)
        run.bold = True
        run.font.size = Pt(size)
    _repeat_header(grid.rows[0])
    first_total = len(texts) - table.total_rows
    for index, row in enumerate(texts):
        cells = grid.add_row().cells
        for cell, text, kind, width in zip(cells, row, kinds, widths, strict=True):
            cell.width = Cm(width)
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
            run.bold = index >= first_total
            if kind in NUMERIC:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif kind == DATE:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _landscape(doc: Any) -> float:
    """Start a landscape section (for the annex); returns its usable width in cm."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(3), Cm(2)
    section.left_margin, section.right_margin = Cm(2), Cm(2)
    section.different_first_page_header_footer = False
    return 29.7 - 4


def _repeat_header(row: Any) -> None:
    """Repeat the header row on every page the table runs over; never split a row."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _annex_section(part: Any) -> bool:
    return bool(part.tables) and all(t.annex or t.key == "directives" for t in part.tables)


def annex_sections(document: Document) -> list[Any]:
    return [part for part in document.sections if _annex_section(part)]


def write_body(
    doc: Any, document: Document, usable: float, chart: bytes | None, *, formal: bool
) -> None:
    """The report's text and tables, section by section, without the annex."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from dirtrack.i18n import t

    lang = document.lang
    body_paragraph(doc, "; ".join(f"{label}: {value}" for label, value in document.header) + ".")
    note = body_paragraph(doc, "")
    note.add_run(document.rate_note + ".").italic = True
    annex = annex_sections(document)
    for part in document.sections:
        if part in annex:
            continue
        doc.add_heading(part.title.upper() if formal else part.title, level=2)
        for paragraph in part.paragraphs:
            body_paragraph(doc, paragraph)
        for table in part.tables:
            _table(doc, table, lang, usable, portrait=True)
            if part.chart_after == table.key and chart is not None:
                doc.add_picture(io.BytesIO(chart), width=Cm(min(15.5, usable)))
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
                caption = doc.add_paragraph(t("rv_chart_title", lang))
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
                caption.runs[0].italic = True
                caption.paragraph_format.space_after = Pt(6)


def write_annex(doc: Any, part: Any, usable: float, lang: str, head: Letterhead | None) -> None:
    """An annex section: PHỤ LỤC, its title, and one table per unit."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from dirtrack.i18n import t

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(t("doc_annex", lang).upper()).bold = True
    subtitle = doc.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(part.title).bold = True
    if head is not None:
        line = doc.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(t("doc_annex_of", lang, number=head.number, date=head.date_line)).italic = True
    for table in part.tables:
        if table.key == "directives":  # the annex's per-unit tables carry it
            continue
        _table(doc, table, lang, usable, portrait=False)


def render_docx(
    document: Document, chart: bytes | None = None, head: Letterhead | None = None
) -> bytes:
    """The .docx bytes. ``chart`` is the completion chart PNG (drawn here when None); ``head``
    the office's heading and signature (without it: a plain title, no signature)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from dirtrack.render.chart import completion_png

    lang = document.lang
    if chart is None and document.chart_rows:
        chart = completion_png(document.chart_rows, lang)
    doc, usable = new_document(head.kind if head else "state")
    doc.core_properties.title = document.title
    doc.core_properties.author = "dirtrack"

    if head is not None:
        heading(doc, head, usable)
    else:
        title = doc.add_heading(document.title.upper(), level=1)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    write_body(doc, document, usable, chart, formal=head is not None)
    if head is not None:
        signature(doc, head, usable)
    for part in annex_sections(document):
        wide = _landscape(doc)
        write_annex(doc, part, wide, lang, head)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
