"""The layout an office's documents share, in Word (python-docx): page, heading, signature.

State bodies follow Nghị định 30/2020/NĐ-CP (Phụ lục I), Party bodies Hướng dẫn 36-HD/VPTW:
A4, Times New Roman, margins top and bottom 2 cm, left 3 cm, right 2 cm (1.5 cm for a Party
body); page numbers centred at the top from page 2.

Heading block, a borderless two-column table:

- state: left, the governing body (upper case) and the issuing body (upper case, bold) over a
  short line, then ``Số: 12/BC-VPUB``; right, the Quốc hiệu ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
  NAM`` (bold) and the Tiêu ngữ ``Độc lập - Tự do - Hạnh phúc`` (bold, a line as long under
  it), then the place-and-date line in italics.
- Party: left, the governing and the issuing body, ``*``, then ``Số 12-BC/VPTU``; right,
  ``ĐẢNG CỘNG SẢN VIỆT NAM`` (bold, underlined), then the place-and-date line in italics.

Then the type of document and its subject (trích yếu) centred in bold, ``Kính gửi``; at the
end the signature block on the right (authority, title, room for the signature and seal, name)
and ``Nơi nhận`` on the left.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from copy import deepcopy
from functools import cache, lru_cache
from itertools import groupby
from typing import Any

from dirtrack import collector
from dirtrack.letterhead import PARTY, Letterhead

FONT = "Times New Roman"
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as python-docx, Excel and the text files end a line
PAGE_W, PAGE_H = 21.0, 29.7


def margins(kind: str) -> tuple[float, float, float, float]:
    """Top, bottom, left, right in cm."""
    return (2.0, 2.0, 3.0, 1.5 if kind == PARTY else 2.0)


def body_size(kind: str) -> int:
    return 14


# Fonts with Times New Roman's metrics, to measure text as Word and LibreOffice will set it.
_FONT_FILES = {
    False: (
        "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "C:/Windows/Fonts/times.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
        "C:/Windows/Fonts/timesbd.ttf",
    ),
}


# Where Times New Roman (or its twin) lacks a glyph, LibreOffice sets it in the fallback font:
# Liberation Serif 1.x has none of the Vietnamese letters with two marks (ầ, ổ, ừ, ơ, ư…).
_FALLBACK_FILES = {
    False: ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",),
    True: ("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",),
}


def _load_font(paths: tuple[str, ...]) -> tuple[Any, frozenset[int] | None] | None:
    """The first of ``paths`` at 100 pt with the characters it has (None: all), or None."""
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with matplotlib
        return None
    for path in paths:
        try:
            font = ImageFont.truetype(path, 100)
        except OSError:
            continue
        try:
            from fontTools.ttLib import TTFont

            with TTFont(path, lazy=True) as ttf:
                return font, frozenset(ttf.getBestCmap())
        except Exception:  # pragma: no cover - fontTools comes with matplotlib
            return font, None
    return None


@cache
def _font(bold: bool) -> tuple[Any, frozenset[int] | None] | None:
    """Times New Roman (or Liberation Serif, its metric twin) at 100 pt, or None."""
    return _load_font(_FONT_FILES[bold])


@cache
def _fallback(bold: bool) -> tuple[Any, frozenset[int] | None] | None:
    return _load_font(_FALLBACK_FILES[bold])


@lru_cache(maxsize=1 << 16)
def _width_at_100(text: str, bold: bool) -> float | None:
    """``text``'s width in points at 100 pt in the font (the letters it lacks in the fallback),
    or None without the font. Widths grow with the size, so one measure serves every size: a
    report of many units measures the same words over and over."""
    found = _font(bold)
    if found is None:
        return None
    font, has = found
    spare = _fallback(bold) if has is not None else None
    if spare is None or has is None or all(ord(c) in has for c in text):
        return float(font.getlength(text))
    width = 0.0
    for inside, run in groupby(text, key=lambda c: ord(c) in has):
        width += float((font if inside else spare[0]).getlength("".join(run)))
    return width


# Times-Roman's and Times-Bold's advance widths (the metrics of the PostScript core fonts, which
# Times New Roman and Liberation Serif share), in thousandths of an em, of ' ' to '~'.
# fmt: off
_TIMES_WIDTHS = {
    False: (
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500,
        500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667,
        722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
        722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
        500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500,
        444, 480, 200, 480, 541,
    ),
    True: (
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500,
        500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722,
        722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722,
        722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
        556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500,
        444, 394, 220, 394, 520,
    ),
}
# fmt: on
_BASE_LETTER = {"đ": "d", "Đ": "D"}
# The same fonts' widths of the characters beyond ASCII a document writes (the dashes and
# arrows of the comparison with the previous period, quotation marks, and the letters with a
# horn, wider than their letter without it), regular and bold: without them a column of
# '— → 1 (+1)' was measured a third too narrow and its lines broke.
_OTHER_WIDTHS = {
    "—": (1000, 1000), "–": (500, 500), "→": (1000, 1000), "…": (1000, 1000),
    "“": (444, 500), "”": (444, 500), "‘": (333, 333), "’": (333, 333), "•": (350, 350),
    "×": (564, 570), "≤": (549, 549), "≥": (549, 549),
    "ơ": (529, 554), "ư": (542, 600), "Ơ": (722, 778), "Ư": (776, 796),
}  # fmt: skip
_HORN = "\u031b"


def _estimated_em(text: str, bold: bool) -> float:
    """``text``'s width in ems from Times' widths, with no font file: a Vietnamese letter is as
    wide as its letter without marks (the marks sit above or below it) but for its horn (ơ, ư);
    a character outside printable ASCII and the few above is given the width of a capital or
    of a small letter."""
    widths = _TIMES_WIDTHS[bold]
    em = 0
    for char in unicodedata.normalize("NFC", text):
        if char not in _OTHER_WIDTHS:
            marks = unicodedata.normalize("NFD", char)
            char = unicodedata.normalize(
                "NFC", "".join(c for c in marks if not unicodedata.combining(c) or c == _HORN)
            )
        if char in _OTHER_WIDTHS:
            em += _OTHER_WIDTHS[char][bold]
            continue
        char = _BASE_LETTER.get(char, char)
        if " " <= char <= "~":
            em += widths[ord(char) - 32]
        elif not unicodedata.combining(char):
            em += 722 if char.isupper() else 500
    return em / 1000


def text_width_cm(text: str, size: float, *, bold: bool = False) -> float:
    """How wide ``text`` is in Times New Roman at ``size`` pt (for lines and columns).

    Measured with the font where it is installed (the letters it lacks in the font the office
    suite falls back on); else from Times' own widths (``_estimated_em``), so a machine without
    the font lays a document out almost as one with it. A text of several lines (a line
    break an imported text holds, which the documents keep) is as wide as its widest line.
    """
    if "\n" in text or "\r" in text:
        return max(text_width_cm(line, size, bold=bold) for line in LINE_BREAK.split(text))
    found = _width_at_100(text, bold)
    if found is not None:
        return found / 100 * size * 0.03528
    return _estimated_em(text, bold) * size * 0.03528


def balanced(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """``text`` in as few lines as fit ``room`` cm at ``size`` pt, its lines as even as they
    can be (a line break between them): a subject that takes two lines is set as a clerk sets
    it, ``V/v đôn đốc thực hiện`` over ``nhiệm vụ được giao``, not with its last word alone
    on the second line. A text on one line, or a word wider than ``room``, is as given."""
    words = text.split(" ")
    if "\n" in text or len(words) < 2 or text_width_cm(text, size, bold=bold) <= room:
        return text

    def width(first: int, last: int) -> float:
        return text_width_cm(" ".join(words[first:last]), size, bold=bold)

    count = len(words)
    # best[i]: (lines, widest line) of words[i:] set from word i, and where its first ends
    best: list[tuple[int, float, int]] = [(0, 0.0, count)] * (count + 1)
    for first in range(count - 1, -1, -1):
        choice: tuple[int, float, int] | None = None
        for last in range(first + 1, count + 1):
            line = width(first, last)
            if line > room and last > first + 1:
                break
            after, widest, _ = best[last]
            found = (after + 1, max(line, widest), last)
            if choice is None or found[:2] < choice[:2]:
                choice = found
        assert choice is not None
        best[first] = choice
    set_lines: list[str] = []
    at = 0
    while at < count:
        end = best[at][2]
        set_lines.append(" ".join(words[at:end]))
        at = end
    return "\n".join(set_lines)


def set_font(style: Any, size: float) -> None:
    """Times New Roman, also where the style names a theme font (which would win)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


_STYLE_IDS: weakref.WeakKeyDictionary[Any, dict[tuple[str, bool], str | None]] = (
    weakref.WeakKeyDictionary()
)


def style_id(doc: Any, name: str, *, table: bool = False) -> str | None:
    """The id of the paragraph (or table) style ``name`` in ``doc``, None for the default, as
    python-docx gives it; looked up once a run for the documents copied from one blank
    (:func:`new_document`), once a document for others, where python-docx searches styles.xml
    (some hundred styles) at every heading and table."""
    from docx.enum.style import WD_STYLE_TYPE

    known = _STYLE_IDS.setdefault(doc.part, {})
    if (name, table) not in known:
        kind = WD_STYLE_TYPE.TABLE if table else WD_STYLE_TYPE.PARAGRAPH
        known[name, table] = doc.part.get_style_id(name, kind)
    return known[name, table]


# The styles dirtrack's own writing names (:func:`dirtrack.render.docx_out.add_heading`, its
# tables): each (name, a table style).
WRITTEN_STYLES = (*((f"Heading {level}", False) for level in (1, 2, 3, 4)), ("Table Grid", True))


def lend_styles(doc: Any, kind: str) -> None:
    """Give ``doc`` (an office's own template) each of :data:`WRITTEN_STYLES` it lacks, as the
    blank document of ``kind`` has it. Word keeps its built-in styles out of a file until they
    are used, so a template made in Word from a blank page has no 'Heading 2': the report was
    refused with "unexpected KeyError: no style with name 'Heading 2'"."""
    import copy

    from docx.enum.style import WD_STYLE_TYPE

    blank = new_document(kind)[0].styles
    held = doc.styles
    for name, table in WRITTEN_STYLES:
        wanted = WD_STYLE_TYPE.TABLE if table else WD_STYLE_TYPE.PARAGRAPH
        if name in held and held[name].type == wanted:
            continue
        held.element.append(copy.deepcopy(blank[name].element))


# The blank document of each kind, set up once a run: each document begins as a copy of it
# (python-docx reads and parses its template's parts for every new document, and a run writing
# a letter to each of 2,000 units spent a third of its time there).
_BLANK: dict[str, tuple[Any, float]] = {}


def new_document(kind: str) -> tuple[Any, float]:
    """A Word document set up for the office's kind; returns it and the usable width in cm."""
    import copy

    from dirtrack.render import docx_rows

    collector.document_begun()  # the previous document of a batch is freed before this one
    if kind not in _BLANK:
        _BLANK[kind] = _set_up(kind)
        docx_rows.constant(_BLANK[kind][0].styles.element)
    blank, usable = _BLANK[kind]
    styles = blank.styles.element  # some hundred styles: shared, never changed once set up
    doc = copy.deepcopy(blank, {id(styles): styles})
    # Its styles are the blank's: their ids too (nothing changes a document's styles later).
    _STYLE_IDS[doc.part] = _STYLE_IDS.setdefault(blank.part, {})
    file_properties(doc, "")  # made now, not when the first was
    return doc, usable


def _set_up(kind: str) -> tuple[Any, float]:
    from docx import Document as NewDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = NewDocument()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_W), Cm(PAGE_H)
    top, bottom, left, right = margins(kind)
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)
    section.header_distance = Cm(1.0)
    size = body_size(kind)
    normal = doc.styles["Normal"]
    set_font(normal, size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _defaults_as_normal(doc)
    for level in (1, 2, 3, 4):
        style = doc.styles[f"Heading {level}"]
        set_font(style, size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = True
        style.font.italic = level == 4
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True
    _page_numbers(section, WD_ALIGN_PARAGRAPH.CENTER)
    return doc, PAGE_W - left - right


def file_properties(doc: Any, title: str) -> None:
    """What Word shows under File > Properties: the document's title, dirtrack its author,
    made and saved now. Not what python-docx's blank document carries (no title, "generated
    by python-docx", made on 23/12/2013), which a Word file of any language kept before."""
    import datetime as dt

    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)  # UTC, as the file says
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "dirtrack", "dirtrack"
    props.comments = ""
    props.created = props.modified = now
    props.revision = 1


def _defaults_as_normal(doc: Any) -> None:
    """The document's defaults (under every style) as the Normal style says: its font, size,
    line spacing and space before and after. python-docx's template keeps Calibri 11, 1.15
    lines and 10 pt after there, which a paragraph not in Normal takes (a table cell, in
    LibreOffice): its lines set apart by space no style asked for."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    normal = doc.styles["Normal"].element
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for part, properties, tags in (
        ("w:pPrDefault", "w:pPr", ("w:spacing",)),
        ("w:rPrDefault", "w:rPr", ("w:rFonts", "w:sz", "w:szCs")),
    ):
        target = defaults.find(f"{qn(part)}/{qn(properties)}")
        for tag in tags:
            own = normal.find(f"{qn(properties)}/{qn(tag)}")
            old = target.find(qn(tag))
            if own is None:
                continue
            if old is not None:
                old.addprevious(deepcopy(own))
                target.remove(old)
            else:
                target.append(deepcopy(own))


def _page_numbers(section: Any, align: Any) -> None:
    """The page number centred at the top, from the second page on."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = align
    field(paragraph, "PAGE")


def field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            shown = OxmlElement("w:t")
            shown.text = "2"
            run._r.append(shown)


def _line(cell: Any, text: str, size: float, **style: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = (
        cell.add_paragraph() if cell.paragraphs[-1].text or style.pop("new", False) else None
    )
    paragraph = paragraph or cell.paragraphs[-1]
    paragraph.alignment = style.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    looks = (style.get("bold", False), style.get("italic", False), style.get("underline", False))
    add_run(paragraph, text, size, *looks)
    return paragraph


def add_run(
    paragraph: Any,
    text: str,
    size: float,
    bold: bool | None = None,
    italic: bool | None = None,
    underline: bool | None = None,
) -> Any:
    """``paragraph.add_run(text)`` with its font ``size`` and, those not None, ``bold``,
    ``italic`` and ``underline`` set, as python-docx sets them: the run's properties are made
    once for each look (:func:`_run_properties`) and copied into each run. Set run by run,
    python-docx placed each property among its siblings by a search, a fifth of the time of
    ``urge --all``'s letters. A text without a tab or a line break is one ``w:t``, as
    python-docx makes it, without its reading of the text a character at a time."""
    from docx.text.run import Run

    if _BREAKS.search(text) is None:
        r = paragraph._p.add_r()
        if text:
            r.add_t(text)
        run = Run(r, paragraph)
    else:
        run = paragraph.add_run(text)
    run._r.insert(0, deepcopy(_run_properties(size, bold, italic, underline)))
    return run


_BREAKS = re.compile(r"[\t\r\n]")  # what python-docx writes as a w:tab or a w:br


@cache
def _run_properties(
    size: float, bold: bool | None, italic: bool | None, underline: bool | None
) -> Any:
    """The ``w:rPr`` python-docx makes for a run of that look (nothing may change it)."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt
    from docx.text.run import Run

    run = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
    run.font.size = Pt(size)
    for name, value in (("bold", bold), ("italic", italic), ("underline", underline)):
        if value is not None:
            setattr(run, name, value)
    return run._r.rPr


def rule(container: Any, width_cm: float, box_cm: float, *, after: float = 0) -> None:
    """A short horizontal line, ``width_cm`` long, centred in a box ``box_cm`` wide."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    paragraph = container.add_paragraph()
    indent = max(0.0, (box_cm - width_cm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(indent), Cm(indent)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    fmt.space_after = Pt(after)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _grid(doc: Any, widths: list[float]) -> Any:
    """A borderless table of one row, never split over two pages, with columns ``widths`` cm
    wide."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = Cm(width)
        cell.width = Cm(width)
    fixed_layout(table)
    cant_split(table.rows[0])
    return table


def fixed_layout(table: Any) -> None:
    """Widths as given: Word and LibreOffice do not widen the table past them."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)


def heading(doc: Any, head: Letterhead, usable: float) -> None:
    """The heading block, the document's type and subject, and ``Kính gửi``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from dirtrack.i18n import t

    party = head.kind == PARTY
    left_w = 7.0 if party else 6.2
    right_w = usable - left_w
    table = _grid(doc, [left_w, right_w])
    left, right = table.rows[0].cells
    size = 14 if party else 13
    if head.parent_body:
        _line(left, head.parent_body.upper(), size)
    _line(left, (head.body or "…").upper(), size, bold=True, new=bool(head.parent_body))
    if party:
        _line(left, "*", size, new=True)
    else:
        body = (head.body or "…").upper()
        rule(left, min(left_w * 0.5, max(1.5, text_width_cm(body, size, bold=True) * 0.5)), left_w)
    number = _line(left, head.number, 14 if party else 13, new=True)
    number.paragraph_format.space_before = Pt(4)
    if head.type_name is None:  # a công văn: its subject under the number, after "V/v"
        regarding = balanced(t("doc_regarding", head.lang, subject=head.subject), left_w - 0.4, 12)
        _line(left, regarding, 12, italic=party, new=True)

    if party:
        _line(right, t("doc_party_name", head.lang), 15, bold=True, underline=True)
        date = _line(right, head.date_line, 14, italic=True, new=True)
        date.paragraph_format.space_before = Pt(14)
    else:
        _line(right, t("doc_nation", head.lang), 12, bold=True)
        motto = t("doc_motto", head.lang)
        _line(right, motto, 13, bold=True, new=True)
        rule(right, text_width_cm(motto, 13, bold=True), right_w)
        date = _line(right, head.date_line, 14, italic=True, new=True)
        date.paragraph_format.space_before = Pt(6)
    if party:
        date.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_after = Pt(6)
    if head.type_name:
        title = doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(6)
        run = title.add_run(head.type_name.upper())
        run.bold = True
        run.font.size = Pt(16 if party else 14)
        subject = doc.add_paragraph()
        subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = subject.add_run(balanced(head.subject, usable - 1.0, 14, bold=True))
        run.bold = True
        run.font.size = Pt(14)
        if party:
            dashes = doc.add_paragraph("-----")
            dashes.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            rule(
                doc, min(usable * 0.4, text_width_cm(head.subject, 14, bold=True) * 0.4 + 1), usable
            )
    if head.to:
        _kinh_gui(doc, head, usable)
    after = doc.add_paragraph()
    after.paragraph_format.space_after = Pt(6)


def _kinh_gui(doc: Any, head: Letterhead, usable: float) -> None:
    """``Kính gửi`` as NĐ 30 sets it: one recipient on one line, centred; several one under
    the other after the label, each from ``- `` (``;`` after each, ``.`` after the last)."""
    from dirtrack.i18n import t

    label = t("doc_to", head.lang)
    to_gap(doc)
    if len(head.to) == 1:
        to_single(doc, label, head.to[0])
        return
    for index, name in enumerate(head.to):
        end = "." if index == len(head.to) - 1 else ";"
        to_line(doc, head, usable, label if index == 0 else "", f"- {name}{end}")


def to_gap(doc: Any) -> None:
    from docx.shared import Pt

    doc.add_paragraph().paragraph_format.space_after = Pt(6)


def to_single(doc: Any, label: str, name: str) -> Any:
    """``Kính gửi: NAME``, centred."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = doc.add_paragraph(f"{label} {name}")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def to_line(doc: Any, head: Letterhead, usable: float, lead: str, text: str) -> Any:
    """One recipient's line of several: ``lead`` (the label on the first, else nothing), a tab,
    then ``text``; the names line up after the label (a hanging indent as wide as it)."""
    from docx.shared import Cm

    from dirtrack.i18n import t

    indent = max(1.0, usable / 2 - 4.5)
    hang = text_width_cm(t("doc_to", head.lang) + " ", body_size(head.kind))
    paragraph = doc.add_paragraph(f"{lead}\t{text}")
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(indent + hang)
    fmt.first_line_indent = Cm(-hang)
    fmt.tab_stops.add_tab_stop(Cm(indent + hang))
    return paragraph


def body_paragraph(doc: Any, text: str) -> Any:
    """A paragraph of the body: justified, first line indented, 6 pt after."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = doc.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(1)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    return paragraph


def signature(doc: Any, head: Letterhead, usable: float) -> None:
    """``Nơi nhận`` on the left, the signer on the right, kept on one page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from dirtrack.i18n import t

    party = head.kind == PARTY
    keep_with_next_block(doc)
    gap = doc.add_paragraph()
    gap.paragraph_format.space_after = Pt(6)
    gap.paragraph_format.keep_with_next = True
    left_w = usable * 0.45
    table = _grid(doc, [left_w, usable - left_w])
    left, right = table.rows[0].cells
    label = t("doc_copies", head.lang)
    if party:
        _line(left, label, 14, underline=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    else:
        _line(left, label, 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    small = 12 if party else 11
    for name in head.copies:
        _line(left, f"- {name};", small, new=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    keep = t("doc_keep_party" if party else "doc_keep_state", head.lang)
    _line(left, f"- {keep}", small, new=True, align=WD_ALIGN_PARAGRAPH.LEFT)

    size = 14 if party else 14
    if head.signer_authority:
        _line(right, head.signer_authority.upper(), size, bold=True)
    _line(
        right,
        (head.signer_title or "").upper() or " ",
        size,
        bold=True,
        new=bool(head.signer_authority),
    )
    for _ in range(4):
        _line(right, " ", size, new=True)
    _line(right, head.signer_name or " ", size, bold=True, new=True)


def keep_with_next_block(doc: Any) -> None:
    """The last paragraph written, or the last table's last row, on the page of what comes
    next: a signature (or a chart) never stands alone on a page of its own."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from dirtrack.render import docx_rows

    last = doc.element.body[-1]
    if last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is None:
        return
    if last.tag == qn("w:tbl"):
        streamed = docx_rows.of(last)
        if streamed is not None:  # written as the file is saved
            streamed.keep_last = True
            return
        rows = Table(last, doc).rows
        paragraphs = [p for cell in rows[-1].cells for p in cell.paragraphs] if rows else []
    else:
        paragraphs = [Paragraph(last, doc)]
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True


def cant_split(row: Any) -> None:
    """Keep ``row`` on one page: Word and LibreOffice move it whole to the next page."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
