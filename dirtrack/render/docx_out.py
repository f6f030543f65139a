"""The report as a Word document (python-docx), laid out as an office files its reports.

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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dirtrack.render.chart import SET_WIDTH, chart_pieces, completion_pngs
from dirtrack.render.official import (
    add_run,
    body_paragraph,
    cant_split,
    fixed_layout,
    heading,
    new_document,
    signature,
    style_id,
    text_width_cm,
)
from dirtrack.render.report_doc import (
    DATE,
    INT,
    NUMERIC,
    RATE,
    TEXT,
    TREND,
    Document,
    Table,
    for_reading,
    numbered,
    printed_text,
)

if TYPE_CHECKING:
    from dirtrack.letterhead import Letterhead

SHORT_TABLE = 5  # rows: a table this short is kept whole on one page (not split 3 + 2)
CELL_PADDING = 0.45  # cm: the cell margins (0.19 cm a side), and air for how text is set
# Columns the lists of open directives never fill: (table keys, header keys). What falls due
# from T on is not overdue on T.
OPEN_DROPS = (
    (("overdue", "due_soon", "next"), ("report_completed_on", "result_doc")),
    (("due_soon",), ("days_overdue",)),
)
# Columns the portrait body leaves to the annex: (table keys, header keys).
PORTRAIT_DROPS = (
    (("overdue", "due_soon", "next"), ("original_due", "report_completed_on")),
    (("overdue",), ("status",)),
    (("limitations",), ("report_repeat_of",)),
)


def _words(text: str) -> list[str]:
    """The pieces a line of ``text`` may break between. Not after a slash: LibreOffice keeps a
    document number (``215/TB-UBND``) and a day (``03/08/2023``) whole, and breaks one inside
    its letters when the column is narrower."""
    return text.replace("(", " (").split() or [""]


def fit_widths(
    headers: list[str],
    texts: list[list[str]],
    kinds: list[str],
    usable: float,
    size: float,
    *,
    bold_from: int | None = None,
    readable: bool = False,
) -> list[float] | None:
    """Column widths (cm) that fit ``usable`` at ``size`` pt without breaking a word, or None.

    Each column needs at least its longest word (of the header and of every cell; a number or
    a date is one word, it never wraps) and would like its longest line unwrapped: a number
    column its header on two lines, a text column its longest cell on one. When the page
    cannot give every column what it would like, the numbers and dates get what they would
    like if the text columns keep their needs, and the text columns share the rest by how much
    more each would like (as browsers lay tables out): a directive's long words get more room
    than a unit's name. Else every column gets its need plus a share of what is left in
    proportion to how much more it would like. The rows from ``bold_from`` on (the totals)
    are measured in bold, as they are set. ``readable``: then each text column made
    :data:`READABLE` wide where the others can give it that (:func:`_readable`).
    """
    needs, wishes = _demands(headers, texts, kinds, size, bold_from=bold_from)
    widths = _shared(needs, wishes, kinds, usable)
    if widths is None or not readable:
        return widths
    return _readable(widths, needs, wishes, [kind == TEXT for kind in kinds])


def _shared(
    needs: list[float], wishes: list[float], kinds: list[str], usable: float
) -> list[float] | None:
    """:func:`fit_widths` before a text column is made readable."""
    left = usable - sum(needs)
    if left < 0:
        return None
    if sum(wishes) <= usable:  # room for every line unwrapped: the rest to the text columns
        spare = usable - sum(wishes)
        grow = [w if k == TEXT else 0.0 for w, k in zip(wishes, kinds, strict=True)]
        if not any(grow):
            grow = wishes
        return [w + spare * g / sum(grow) for w, g in zip(wishes, grow, strict=True)]
    text = [kind == TEXT for kind in kinds]
    firm = [n if t else w for n, w, t in zip(needs, wishes, text, strict=True)]
    if any(text) and sum(firm) <= usable:
        text = _whole_lines(text, needs, wishes, usable)
        firm = [n if t else w for n, w, t in zip(needs, wishes, text, strict=True)]
        left = usable - sum(firm)
        more = [w - n if t else 0.0 for w, n, t in zip(wishes, needs, text, strict=True)]
        if not any(more):
            more = [1.0 if t else 0.0 for t in text]
        return [f + left * m / sum(more) for f, m in zip(firm, more, strict=True)]
    more = [w - n for w, n in zip(wishes, needs, strict=True)]
    return [n + left * m / sum(more) for n, m in zip(needs, more, strict=True)]


# cm: the width (its cell margins included) a text column is read at without a unit's name
# broken over four lines or more, as _roomy judges it: the numbers give up the room they
# would like beyond what they need (a rate on two lines) before a text column is narrower.
READABLE = 3.0


def _readable(
    widths: list[float], needs: list[float], wishes: list[float], text: list[bool]
) -> list[float]:
    """``widths`` with each text column at least :data:`READABLE` wide (or its longest line),
    the room it takes given up by the numbers and dates down to their needs, then by the
    wider text columns down to that width, each in proportion to what it has to give;
    ``widths`` as they are where not even that makes the room."""
    ease = [
        max(n, min(READABLE, w)) if t else n for n, w, t in zip(needs, wishes, text, strict=True)
    ]
    short = sum(max(0.0, e - w) for w, e, t in zip(widths, ease, text, strict=True) if t)
    if short <= 1e-9:
        return widths
    spare = [max(0.0, w - e) for w, e in zip(widths, ease, strict=True)]
    numbers = sum(x for x, t in zip(spare, text, strict=True) if not t)
    texts = sum(x for x, t in zip(spare, text, strict=True) if t)
    if numbers + texts < short - 1e-9:
        return widths
    from_numbers = min(short, numbers)
    from_texts = short - from_numbers
    out = []
    for w, e, x, t in zip(widths, ease, spare, text, strict=True):
        if t and w < e:
            out.append(e)
        elif t:
            out.append(w - (from_texts * x / texts if texts else 0.0))
        else:
            out.append(w - (from_numbers * x / numbers if numbers else 0.0))
    return out


def _demands(
    headers: list[str],
    texts: list[list[str]],
    kinds: list[str],
    size: float,
    *,
    bold_from: int | None = None,
) -> tuple[list[float], list[float]]:
    """What each column needs (cm: its longest word, a number or date whole) and would like
    (its longest line, a number's header on two lines), its cell padding included; the rows
    from ``bold_from`` on (the totals, set in bold) measured in bold."""
    first_bold = len(texts) if bold_from is None else bold_from
    needs: list[float] = []
    wishes: list[float] = []
    for column, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
        cells = [(row[column], index >= first_bold) for index, row in enumerate(texts)]
        need = max(text_width_cm(w, size, bold=True) for w in _words(header))
        wish = text_width_cm(header, size, bold=True)
        if kind in (TEXT, RATE, TREND):  # may wrap between words
            pieces = [(w, b) for c, b in cells for w in _words(c)]
            need = max(need, max((text_width_cm(w, size, bold=b) for w, b in pieces), default=0.0))
            longest = max((text_width_cm(c, size, bold=b) for c, b in cells), default=0.0)
            if kind == TEXT:  # its longest line, however long: a directive's words
                need, wish = max(need, 1.5), max(wish, longest)
            else:  # a rate, a trend: short lines, its header on two
                wish = max(_on_two_lines(header, size), min(longest, 12.0))
        else:  # its header on two lines is enough
            widest = max((text_width_cm(c, size, bold=b) for c, b in cells), default=0.0)
            need, wish = max(need, widest), max(_on_two_lines(header, size), widest)
        needs.append(need + CELL_PADDING)
        wishes.append(max(wish, need) + CELL_PADDING)
    return needs, wishes


def _on_two_lines(header: str, size: float) -> float:
    """The width (cm) of ``header`` in bold set on two lines, broken between its words where
    the longer line is shortest: half its width only where its words halve evenly, more
    where they do not ('Vượt yêu' over 'cầu'; half of it set the header on three lines)."""
    words = header.split()
    if len(words) < 2:
        return text_width_cm(header, size, bold=True)
    return min(
        max(
            text_width_cm(" ".join(words[:cut]), size, bold=True),
            text_width_cm(" ".join(words[cut:]), size, bold=True),
        )
        for cut in range(1, len(words))
    )


def _whole_lines(
    text: list[bool], needs: list[float], wishes: list[float], usable: float
) -> list[bool]:
    """The text columns that still share the page by how much more they would like: a text
    column whose longest line is no wider than an even share of the room the text columns
    have (a meeting's document number and date beside a directive) gets that line whole, as
    the numbers and dates get theirs, and leaves the sharing; the long columns keep the rest."""
    sharing = list(text)
    while True:
        rest = [i for i, s in enumerate(sharing) if s]
        room = usable - sum(w for w, s in zip(wishes, sharing, strict=True) if not s)
        short = [i for i in rest if wishes[i] <= room / len(rest)]
        if not short or len(short) == len(rest):
            return sharing
        trial = [s and i not in short for i, s in enumerate(sharing)]
        firm = [n if s else w for n, w, s in zip(needs, wishes, trial, strict=True)]
        if sum(firm) > usable:
            return sharing
        sharing = trial


def _numbered(table: Table, lang: str) -> tuple[list[str], list[str], list[list[Any]]]:
    """Headers, kinds and rows with an STT column first (in place of the internal id)."""
    from dirtrack.i18n import t

    headers, kinds, rows = list(table.headers), list(table.kinds), [list(r) for r in table.rows]
    if headers and headers[0] == t("report_rank", lang):  # a ranking numbers itself
        return headers, kinds, rows
    if headers and headers[0] == t("id", lang):
        headers, kinds, rows = headers[1:], kinds[1:], [r[1:] for r in rows]
    first_total = len(rows) - table.total_rows
    numbered = [[index + 1 if index < first_total else "", *row] for index, row in enumerate(rows)]
    return [t("doc_stt", lang), *headers], [INT, *kinds], numbered


def _drop(
    table: Table,
    headers: list[str],
    kinds: list[str],
    rows: list[list[Any]],
    lang: str,
    portrait: bool,
) -> tuple[list[str], list[str], list[list[Any]]]:
    from dirtrack.i18n import t

    gone: set[int] = set()
    for keys, header_keys in OPEN_DROPS + (PORTRAIT_DROPS if portrait else ()):
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


@dataclass
class Layout:
    """A table as it will be set: its columns, cell texts, font size and column widths."""

    table: Table
    headers: list[str]
    kinds: list[str]
    texts: list[list[str]]
    size: float
    widths: list[float]


def layout(
    table: Table,
    lang: str,
    usable: float,
    *,
    portrait: bool,
    sizes: tuple[float, ...],
    readable: bool = False,
) -> Layout | None:
    """``table`` set in the first of ``sizes`` at which every word fits ``usable``, or None
    (``readable``: as :func:`fit_widths`)."""
    table = for_reading(table, lang)
    headers, kinds, rows = _numbered(table, lang)
    headers, kinds, rows = _drop(table, headers, kinds, rows, lang, portrait)
    texts = [
        [printed_text(v, k, lang) if v != "" else "" for v, k in zip(row, kinds, strict=True)]
        for row in rows
    ]
    bold_from = len(texts) - table.total_rows
    first: Layout | None = None
    for size in sizes:
        widths = fit_widths(
            headers, texts, kinds, usable, size, bold_from=bold_from, readable=readable
        )
        if widths is None:
            continue
        found = Layout(table, headers, kinds, texts, size, widths)
        if _roomy(found):
            return found
        if first is None or size >= 9:  # not roomy at any size: 9 pt gives text more room
            first = found
    return first


def _roomy(found: Layout) -> bool:
    """Whether every text column is wide enough to read (3 cm, or its longest cell)."""
    for column, (kind, width) in enumerate(zip(found.kinds, found.widths, strict=True)):
        if kind == TEXT:
            longest = max((text_width_cm(r[column], found.size) for r in found.texts), default=0)
            if width < min(3.0, longest + CELL_PADDING) - 0.01:
                return False
    return True


def squeezed(table: Table, lang: str, usable: float, *, portrait: bool) -> Layout:
    """At 8 pt, when no word-keeping layout fits (a word or an address wider than the page):
    the numbers and dates keep what they need, whole, so do the text columns whose longest
    word fits an even share of what is left, and the others share the rest by what each
    needs; only there does a word break."""
    found = layout(table, lang, 1e6, portrait=portrait, sizes=(8.0,))
    assert found is not None
    bold_from = len(found.texts) - found.table.total_rows
    needs, _ = _demands(found.headers, found.texts, found.kinds, found.size, bold_from=bold_from)
    sharing = {i for i, kind in enumerate(found.kinds) if kind == TEXT}
    room = usable - sum(n for i, n in enumerate(needs) if i not in sharing)
    while sharing and room > 0:
        whole = {i for i in sharing if needs[i] <= room / len(sharing)}
        if not whole or whole == sharing:
            break
        sharing -= whole
        room -= sum(needs[i] for i in whole)
    if sharing and room > 0:
        shared = sum(needs[i] for i in sharing)
        found.widths = [room * n / shared if i in sharing else n for i, n in enumerate(needs)]
    else:  # not even the numbers fit: every column by its need
        found.widths = [usable * n / sum(needs) for n in needs]
    return found


def none_sentence(doc: Any, lang: str) -> None:
    """A table without rows: ``Không có.`` where it would stand, set as the body's text is
    (justified, its first line indented), not flush left under the heading."""
    from dirtrack.i18n import t

    body_paragraph(doc, t("none_sentence", lang))


def _table(
    doc: Any,
    table: Table,
    lang: str,
    usable: float,
    *,
    portrait: bool,
    like: Layout | None = None,
    title: str | None = None,
) -> None:
    """``table`` under its heading; with ``like``, in its size and column widths."""

    add_heading(doc, title or table.title, level=4 if table.annex else 3)
    if not table.rows:
        none_sentence(doc, lang)
        return
    if like is not None:
        found = layout(table, lang, usable, portrait=portrait, sizes=(like.size,))
        if found is not None and len(found.widths) == len(like.widths):
            found.widths = like.widths
            _write_table(doc, found)
            return
    found = layout(table, lang, usable, portrait=portrait, sizes=(10.0, 9.0, 8.0))
    _write_table(doc, found or squeezed(table, lang, usable, portrait=portrait))


def _shared_layout(tables: list[Table], lang: str, usable: float) -> Layout | None:
    """One size and one set of column widths for tables of the same columns (the annex's, one
    per unit), laid out over all their rows: each unit's table set alike, its columns under
    the one above, instead of each at its own size (10, 9 or 8 pt) and widths. None when
    they differ in their columns or no such layout keeps every word whole."""
    filled = [table for table in tables if table.rows]
    if len(filled) < 2 or len({(tuple(t.headers), tuple(t.kinds)) for t in filled}) != 1:
        return None
    first = filled[0]
    rows = [row for table in filled for row in table.rows]
    every = Table(first.key, first.title, first.headers, first.kinds, rows, annex=first.annex)
    return layout(every, lang, usable, portrait=False, sizes=(10.0, 9.0, 8.0))


def add_heading(doc: Any, text: str, level: int) -> Any:
    """``doc.add_heading(text, level)``, its style looked up once a document."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = style_id(doc, f"Heading {level}")
    return paragraph


def _write_table(doc: Any, found: Layout) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    headers, texts, size, widths = found.headers, found.texts, found.size, found.widths
    # doc.add_table less its look for the last section's width (the body's every paragraph
    # and table, each time), which only spreads the columns, set again below
    grid = doc._body.add_table(1, len(headers), Cm(sum(widths)))
    grid._tbl.tblStyle_val = style_id(doc, "Table Grid", table=True)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    fixed_layout(grid)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    for cell, header, width in zip(grid.rows[0].cells, headers, widths, strict=True):
        cell.width = Cm(width)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(paragraph, header, size, bold=True)
        _mark_size(paragraph, size)
    _repeat_header(grid.rows[0])
    short = len(texts) <= SHORT_TABLE  # a short table whole on one page, with its heading
    if texts:  # the header with the first rows (a long table's two; a short one's all)
        for cell in grid.rows[0].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    _body_rows(grid._tbl, found, keep=short)


def _body_rows(tbl: Any, found: Layout, *, keep: bool) -> None:
    """The rows under the header, written into the saved file's XML (:mod:`docx_rows`): per
    cell the width, the paragraph's alignment and mark size, the run's weight and size and the
    text, as python-docx's ``add_row``, ``cell.width``, ``add_run`` and ``font`` would write
    them, byte for byte, without a tree of some hundred thousand elements in memory. ``keep``:
    each row but the last kept on the page of the next."""
    from docx.oxml.simpletypes import ST_HpsMeasure
    from docx.shared import Pt

    from dirtrack.render import docx_rows

    widths = [docx_rows.width_element(tc.tcPr.tcW) for tc in tbl.tr_lst[0].tc_lst]
    aligns = [
        "right" if kind in NUMERIC else "center" if kind == DATE else None for kind in found.kinds
    ]
    rows = docx_rows.Rows(
        texts=found.texts,
        widths=widths,
        aligns=aligns,
        mark_size=str(round(found.size * 2)),  # as _mark_size
        run_size=ST_HpsMeasure.convert_to_xml(Pt(found.size)),  # as run.font.size
        first_total=len(found.texts) - found.table.total_rows,
        keep_all=keep,
        keep_ends=not keep,
    )
    docx_rows.add(tbl, rows)


LANDSCAPE_MARGINS = (3.0, 2.0, 2.0, 2.0)  # top, bottom, left, right (cm): binding at the top
LANDSCAPE_USABLE = 29.7 - LANDSCAPE_MARGINS[2] - LANDSCAPE_MARGINS[3]


class Pages:
    """The sections of a document as it is written: the portrait pages of the body, and
    landscape pages for the tables too wide for them (then portrait again)."""

    def __init__(self, doc: Any) -> None:
        first = doc.sections[-1]
        self.doc = doc
        self.portrait = (
            first.page_width,
            first.page_height,
            first.top_margin,
            first.bottom_margin,
            first.left_margin,
            first.right_margin,
        )
        self.usable = float(first.page_width - first.left_margin - first.right_margin) / 360000
        self.landscape = False

    def turn(self, landscape: bool) -> float:
        """Go on on pages of the orientation asked (a new section if it changes); returns the
        usable width in cm."""
        if landscape == self.landscape:
            return LANDSCAPE_USABLE if landscape else self.usable
        self.landscape = landscape
        if landscape:
            return _landscape(self.doc)
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = _new_section(self.doc, WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.PORTRAIT
        (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        ) = self.portrait
        section.different_first_page_header_footer = False
        return self.usable


def _mark_size(paragraph: Any, size: float) -> None:
    """The paragraph mark at the cell's size: an empty cell's line is as high as its
    neighbours' (at the body's 14 pt it made the row taller than the others)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        properties.append(mark)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        mark.append(element)


def _new_section(doc: Any, start: Any) -> Any:
    """``doc.add_section(start)`` without a blank page: python-docx ends the section before on
    an empty paragraph of its own, which a full page pushes onto a page of its own. The break
    goes on the paragraph before it instead; after a table (a break needs a paragraph there)
    the empty one is made as small as a line can be."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section = doc.add_section(start)
    holder = doc.element.body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
    before = holder.getprevious()
    if before is not None and before.tag == qn("w:p") and not before.xpath("./w:pPr/w:sectPr"):
        before.set_sectPr(holder.pPr.sectPr)
        holder.getparent().remove(holder)
        return section
    from docx.text.paragraph import Paragraph

    fmt = Paragraph(holder, doc).paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    return section


def _landscape(doc: Any) -> float:
    """Start a landscape section (for the annex and wide tables); its usable width in cm."""
    from docx.enum.section import WD_SECTION

    section = _new_section(doc, WD_SECTION.NEW_PAGE)
    _set_landscape(section)
    section.different_first_page_header_footer = False
    return LANDSCAPE_USABLE


def _set_landscape(section: Any) -> None:
    """``section`` set up as an A4 landscape page."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    top, bottom, left, right = LANDSCAPE_MARGINS
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)


def _repeat_header(row: Any) -> None:
    """Repeat the header row on every page the table runs over, and never split it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)
    cant_split(row)


def _annex_section(part: Any) -> bool:
    return bool(part.tables) and all(t.annex or t.key == "directives" for t in part.tables)


def annex_sections(document: Document) -> list[Any]:
    """The annex's sections that have a unit's table to print: a period without a directive
    has none, and no PHỤ LỤC page with nothing under its title."""
    return [
        part
        for part in document.sections
        if _annex_section(part) and any(t.key != "directives" for t in part.tables)
    ]


def write_body(doc: Any, document: Document, *, formal: bool) -> Pages:
    """The report's text and tables, section by section, without the annex. A table too wide
    for the portrait page at 9 pt goes on landscape pages (as offices set them), with the
    short tables around it up to the text before and after it. Returns the pages, still
    landscape after a wide last table: the signature goes on its page (turned back to
    portrait, it stood alone on a page), and a portrait section with nothing in it would
    print as an empty last page."""
    from dirtrack.i18n import t

    lang = document.lang
    pages = Pages(doc)
    usable = pages.usable
    parts = [part for part in document.sections if not _annex_section(part)]
    placed = [[_placed(table, lang, usable) for table in part.tables] for part in parts]
    ahead = _wide_ahead(parts, placed)
    # A document without a heading (the brief) whose first table goes on landscape pages
    # after a few lines starts on them: its first page held those lines alone.
    lead = not formal and _landscape_lead(parts, placed, ahead)
    if lead:
        _set_landscape(doc.sections[0])
        pages.landscape = True
    body_paragraph(doc, "; ".join(f"{label}: {value}" for label, value in document.header) + ".")
    note = body_paragraph(doc, "")
    note.add_run(document.rate_note.rstrip(".") + ".").italic = True  # one full stop
    for part, tables, marks in zip(parts, placed, ahead, strict=True):
        if lead and not tables:  # the lines before the first table, on its landscape page
            add_heading(doc, part.title.upper() if formal else part.title, level=2)
            for paragraph in part.paragraphs:
                body_paragraph(doc, paragraph).paragraph_format.keep_with_next = True
            continue
        lead = False
        # A short table goes on landscape pages when a wide one comes before or after it
        # with no text between: after one it does not start a portrait page of its own, and
        # before one it leaves no nearly empty portrait page. The text goes on in portrait,
        # but for a few lines between landscape pages: a section's heading and a sentence or
        # two, turned to portrait between a wide table and the next, stood alone on a page.
        onward = bool(tables) and (tables[0][1] or marks[0] or pages.landscape)
        few = onward and pages.landscape and (tables[0][1] or marks[0])
        few = few and _few_lines(part.paragraphs)
        pages.turn(onward and (not part.paragraphs or few))
        add_heading(doc, part.title.upper() if formal else part.title, level=2)
        for paragraph in part.paragraphs:
            # on the landscape page, with the table it leads to: not split from it at a foot
            body_paragraph(doc, paragraph).paragraph_format.keep_with_next = few or None
        place = 0  # the section's sub-headings numbered 1., 2. … (the chart's among them)
        for table, (found, wide), mark in zip(part.tables, tables, marks, strict=True):
            width = pages.turn(wide or mark or pages.landscape)
            place += 1
            add_heading(doc, numbered(place, table.title), level=3)
            if found is None:
                none_sentence(doc, lang)
            else:
                if pages.landscape and not wide:  # laid out for portrait: the page's width
                    found = layout(table, lang, width, portrait=True, sizes=(found.size,)) or found
                _write_table(doc, found)
            if part.chart_after == table.key and document.chart_rows:  # on its table's page
                if (
                    pages.landscape
                    and chart_pieces(document.chart_rows, LANDSCAPE_CHART_HEIGHT) > 1
                ):
                    # more than a landscape page holds: on portrait pages, which hold more
                    width = pages.turn(False)
                tallest = LANDSCAPE_CHART_HEIGHT if pages.landscape else CHART_HEIGHT
                charts = completion_pngs(document.chart_rows, lang, tallest=tallest)
                place += 1
                title = numbered(place, t("report_chart_heading", lang))
                _chart(doc, charts, width, tallest, title, t("report_chart_title", lang))
    return pages


# characters: the most a section's text between two landscape runs takes on their pages
# (some five lines at 14 pt on a landscape page); a longer one goes on a portrait page.
FEW_LINES = 600


def _few_lines(paragraphs: list[str]) -> bool:
    return sum(len(text) for text in paragraphs) <= FEW_LINES


def _landscape_lead(
    parts: list[Any], placed: list[list[tuple[Any, bool]]], ahead: list[list[bool]]
) -> bool:
    """Whether the body's first table goes on landscape pages after no more than a few
    lines of its sections' text."""
    lines: list[str] = []
    for part, tables, marks in zip(parts, placed, ahead, strict=True):
        lines += part.paragraphs
        if tables:
            return bool(tables[0][1] or marks[0]) and _few_lines(lines)
    return False


# cm: the most a piece of the chart takes, half the portrait page (25.7 cm inside its margins),
# so that where it does not fit under its table's last rows it leaves no page mostly blank (a
# chart of 20 cm left a page holding two rows); a chart of more units goes on in pieces of that
# height. On a landscape page (16 cm inside its margins) 13 cm too: a piece of 20 cm ran off
# its foot.
CHART_HEIGHT = 13.0
LANDSCAPE_CHART_HEIGHT = 13.0


def _chart(
    doc: Any, charts: list[bytes], width: float, tallest: float, title: str, caption_text: str
) -> None:
    """The chart under its heading ``title``, and its caption under its last piece: the
    heading and the first piece are one paragraph (the heading's line, a line break, the
    picture), never split (LibreOffice left a heading kept with the next paragraph at the foot
    of a page, the chart alone on the next), each further piece a paragraph of its own, the
    last kept with the caption. The pieces of a chart of many units follow one another, each
    at its labels' size, set flush left under the heading. The table before it is not kept
    with it: LibreOffice keeps no part of a table split over pages with what follows it, and
    Word carried its last row over to the chart's page, alone under the repeated header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    heading = add_heading(doc, title, level=3)
    heading.paragraph_format.keep_together = True
    heading.add_run().add_break(WD_BREAK.LINE)
    pieces = _pictures(doc, charts, Cm(min(SET_WIDTH, width)), first=heading)
    for index, (holder, picture) in enumerate(pieces):
        if picture.height > Cm(tallest):  # taller than a piece is drawn: made smaller
            picture.width = int(picture.width * Cm(tallest) / picture.height)
            picture.height = Cm(tallest)
        holder.paragraph_format.keep_with_next = index == len(charts) - 1
        if index:
            holder.paragraph_format.space_before = Pt(6)  # air between the pieces
    caption = doc.add_paragraph(caption_text)
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.runs[0].italic = True
    caption.paragraph_format.space_after = Pt(6)


def _pictures(
    doc: Any, images: list[bytes], width: int, *, first: Any = None
) -> Iterator[tuple[Any, Any]]:
    """``doc.add_picture(image, width=width)`` for each of ``images``, one after the other
    (each paragraph with its picture; the first at the end of the paragraph ``first``, if
    given),
    their ids counted on from the first's: python-docx finds a new picture's id by reading
    every id in the document (a report of many units: its every table cell, at each piece of
    the chart)."""
    from docx.oxml.shape import CT_Inline
    from docx.shape import InlineShape

    part = doc.part
    shape_id = part.next_id
    for index, image in enumerate(images):
        holder = first if index == 0 and first is not None else doc.add_paragraph()
        run = holder.add_run()
        rid, found = part.get_or_add_image(io.BytesIO(image))
        cx, cy = found.scaled_dimensions(width, None)
        inline = CT_Inline.new_pic_inline(shape_id, rid, found.filename, cx, cy)
        run._r.add_drawing(inline)
        shape_id += 1  # the only id the picture adds
        yield holder, InlineShape(inline)


def _wide_ahead(parts: list[Any], placed: list[list[tuple[Any, bool]]]) -> list[list[bool]]:
    """For each body table, whether a wide table comes after it before the next text (a
    section's paragraphs, or the chart)."""
    ahead = False
    marks: list[list[bool]] = []
    for part, tables in zip(reversed(parts), reversed(placed), strict=True):
        own: list[bool] = []
        for table, (_, wide) in zip(reversed(part.tables), reversed(tables), strict=True):
            if part.chart_after == table.key:
                ahead = False
            own.append(ahead)
            ahead = ahead or wide
        marks.append(own[::-1])
        if part.paragraphs:
            ahead = False
    return marks[::-1]


# A table whose rows run to more lines than this on average on the portrait page (40 units
# of 120-character names: 7 lines a row at 9 pt, five pages) goes on landscape pages when they
# set it in half the lines or fewer (3 a row at 10 pt, three pages).
TALL_ROWS = 4.0
SAMPLED_ROWS = 200  # the rows whose lines are counted: evenly spread over a longer table


def row_lines(found: Layout) -> float:
    """The lines a row of ``found`` takes on average: its text columns' cells broken between
    words into their widths (the tallest cell of the row), over at most :data:`SAMPLED_ROWS`
    rows spread over the table."""
    texts = found.texts[: len(found.texts) - found.table.total_rows] or found.texts
    if not texts:
        return 0.0
    step = max(1, len(texts) // SAMPLED_ROWS)
    sampled = texts[::step]
    space = text_width_cm(" ", found.size)
    total = 0
    for row in sampled:
        tallest = 1
        for text, kind, width in zip(row, found.kinds, found.widths, strict=True):
            if kind != TEXT or not text:
                continue
            room, lines, line = width - CELL_PADDING, 1, 0.0
            for word in _words(text):
                wide = text_width_cm(word, found.size)
                if line and line + space + wide > room:
                    lines, line = lines + 1, wide
                else:
                    line = line + space + wide if line else wide
            tallest = max(tallest, lines)
        total += tallest
    return total / len(sampled)


def _placed(table: Table, lang: str, usable: float) -> tuple[Layout | None, bool]:
    """How a body table is set: on the portrait page at 10 or 9 pt, else on a landscape page
    (all its columns, 10 to 8 pt), else squeezed at 8 pt. None for a table without rows. A
    table of more than :data:`SHORT_TABLE` rows that fits the portrait page only in tall rows
    (long names in a narrow column: more than :data:`TALL_ROWS` lines a row) goes on landscape
    pages too when they halve its lines. A table whose text columns are narrower than
    :data:`READABLE` at 9 pt is set at 8 pt where that makes them so."""
    if not table.rows:
        return None, False
    found = layout(table, lang, usable, portrait=True, sizes=(10.0, 9.0))
    if found is not None and not _roomy(found):
        # A unit's name over four lines in a column of 2.5 cm (the English headers of the
        # numbers are wider): at 8 pt where that makes every text column readable.
        small = layout(table, lang, usable, portrait=True, sizes=(8.0,), readable=True)
        found = small if small is not None and _roomy(small) else found
    # A short table is kept whole on one page: landscape saves it none (a meeting's long
    # title in five lines took a landscape page of its own, the body's text before it alone).
    if (
        found is not None
        and len(table.rows) > SHORT_TABLE
        and (tall := row_lines(found)) > TALL_ROWS
    ):
        wide = layout(table, lang, LANDSCAPE_USABLE, portrait=False, sizes=(10.0, 9.0, 8.0))
        if wide is not None and 2 * row_lines(wide) <= tall:
            return wide, True
    if found is not None:
        return found, False
    found = layout(table, lang, LANDSCAPE_USABLE, portrait=False, sizes=(10.0, 9.0, 8.0))
    if found is not None:
        return found, True
    found = layout(table, lang, usable, portrait=True, sizes=(8.0,))
    if found is not None:
        return found, False
    return squeezed(table, lang, LANDSCAPE_USABLE, portrait=False), True


def write_annex(doc: Any, part: Any, usable: float, lang: str, head: Letterhead | None) -> None:
    """An annex section: PHỤ LỤC, its title, and one table per unit."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from dirtrack.i18n import t

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(t("doc_annex", lang).upper()).bold = True
    subtitle = doc.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Under PHỤ LỤC its subject, not "Phụ lục: …" again (the section's title elsewhere).
    subtitle.add_run(t("doc_annex_subject", lang).upper()).bold = True
    if head is not None:
        line = doc.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cited = t("doc_annex_of", lang, number=head.cited_number, date=head.cited_date)
        line.add_run(cited).italic = True
    tables = [table for table in part.tables if table.key != "directives"]  # per unit instead
    like = _shared_layout(tables, lang, usable)
    for place, table in enumerate(tables, 1):  # numbered as the body's sub-headings
        _table(
            doc, table, lang, usable, portrait=False, like=like, title=numbered(place, table.title)
        )


def _lead_lower(text: str) -> str:
    """``text`` inside a sentence: its first letter in lower case, unless it opens a word in
    capitals (an abbreviation such as ``UBND``)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def render_docx(document: Document, head: Letterhead | None = None) -> bytes:
    """The .docx bytes; ``head`` the office's heading and signature (without it: a plain
    title, no signature)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from dirtrack.i18n import t
    from dirtrack.render import docx_rows

    lang = document.lang
    doc, usable = new_document(head.kind if head else "state")
    doc.core_properties.title = document.title

    if head is not None:
        heading(doc, head, usable)
    else:
        title = add_heading(doc, document.title.upper(), level=1)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages = write_body(doc, document, formal=head is not None)
    if head is not None:  # on the page of the last row: after a wide table, a landscape one
        usable = pages.turn(pages.landscape)
        # A sentence that closes the body: after a table that runs over pages LibreOffice
        # keeps no row with what follows, and the signature stood alone on the last page.
        closing = body_paragraph(
            doc, t("doc_report_closing", lang, subject=_lead_lower(head.subject))
        )
        closing.paragraph_format.keep_with_next = True
        signature(doc, head, usable)
    for part in annex_sections(document):
        wide = _landscape(doc)
        write_annex(doc, part, wide, lang, head)
    return docx_rows.save(doc)
