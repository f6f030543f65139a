"""The report as one self-contained HTML page: inline CSS, the chart as a base64 PNG.

Built with :mod:`xml.etree.ElementTree`, which escapes every text, so a directive that contains
``<script>`` stays text.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from dirtrack.render.report_doc import (
    DATE,
    NUMERIC,
    TEXT,
    Document,
    Table,
    cell_text,
    for_reading,
)

CSS = """
body { font-family: "Times New Roman", "DejaVu Serif", serif; margin: 2em auto; max-width: 70em;
       color: #111; line-height: 1.4; }
h1 { font-size: 1.5em; text-align: center; text-transform: uppercase; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
h4 { font-size: 1em; margin-top: 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; width: 100%; }
th, td { border: 1px solid #888; padding: .25em .45em; vertical-align: top;
  white-space: pre-line; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
tr.total td { font-weight: bold; background: #f6f6f6; }
dl.header { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dl.header dt { font-weight: bold; }
dl.header dd { margin: 0; }
.note { color: #555; font-style: italic; }
.none { color: #777; }
figure { margin: 1em 0; }
figure img { max-width: 100%; display: block; }
.wide { overflow-x: auto; }
@media (max-width: 40em) {
  body { margin: 1em .6em; }
  h1 { font-size: 1.25em; }
  table { font-size: .8em; }
  dl.header { grid-template-columns: auto; }
  dl.header dd { margin-left: 1em; }
}
@page { size: A4; margin: 1.5cm 1.2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  table { font-size: 9pt; }
  .wide { overflow: visible; }
  thead { display: table-header-group; }
  tr, figure img { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


# A word longer than this (an address, a file's path) may break: without a place to break,
# a browser widened its table past the page to hold it, and printed it cut at the margin.
LONG_WORD = 30
BREAK_AFTER = "/?&=_.-"


def _segments(word: str) -> list[str]:
    """``word`` cut after each of :data:`BREAK_AFTER` and after every 20 letters without one."""
    found, run = [""], 0
    for char in word:
        if run == 20:
            found.append("")
            run = 0
        found[-1] += char
        run += 1
        if char in BREAK_AFTER:
            found.append("")
            run = 0
    return [segment for segment in found if segment]


def _text_cell(parent: ET.Element, text: str, attrs: dict[str, str]) -> None:
    """A cell of text, each word longer than :data:`LONG_WORD` with a ``<wbr>`` (a place a
    line may break, which copied text does not carry) between its :func:`_segments`; other
    words stay whole."""
    cell = _sub(parent, "td", **attrs)
    between = [""]  # the text between one <wbr> and the next
    for word in re.split(r"(\s+)", text):
        parts = _segments(word) if len(word) > LONG_WORD else [word]
        between[-1] += parts[0]
        between.extend(parts[1:])
    cell.text = between[0]
    for segment in between[1:]:
        ET.SubElement(cell, "wbr").tail = segment


def _table(parent: ET.Element, table: Table, lang: str) -> None:
    level = "h4" if table.annex else "h3"
    _sub(parent, level, table.title, id=f"t-{table.key}")
    if not table.rows:
        _sub(parent, "p", _none(lang), **{"class": "none"})
        return
    table = for_reading(table, lang)
    # a table wider than a phone's screen scrolls inside its box, not the whole page
    element = _sub(_sub(parent, "div", **{"class": "wide"}), "table", **{"data-key": table.key})
    head = _sub(_sub(element, "thead"), "tr")
    for header in table.headers:
        _sub(head, "th", header, scope="col")
    body = _sub(element, "tbody")
    for index, row in enumerate(table.rows):
        attrs = {"class": "total"} if index >= len(table.rows) - table.total_rows else {}
        line = _sub(body, "tr", **attrs)
        for value, kind in zip(row, table.kinds, strict=True):
            cell_attrs = {"class": "num"} if kind in NUMERIC else {}
            if kind == DATE and isinstance(value, date):
                cell_attrs["data-value"] = value.isoformat()
                cell_attrs["class"] = "date"  # 30/06/2022 on one line, never cut at a slash
            if kind == TEXT:
                _text_cell(line, cell_text(value, kind, lang), cell_attrs)
            else:
                _sub(line, "td", cell_text(value, kind, lang), **cell_attrs)


def _none(lang: str) -> str:
    from dirtrack.i18n import t

    return t("none_sentence", lang)


def render_html(document: Document) -> str:
    """The whole page. The completion chart in pieces of some twenty units, one under the
    other, as the Word report sets it: in one picture, a province's 2,000 units took some 800
    MB to draw."""
    from dirtrack.i18n import t
    from dirtrack.render.chart import completion_pngs

    lang = document.lang
    charts = completion_pngs(document.chart_rows, lang) if document.chart_rows else []
    root = ET.Element("html", lang=lang)
    head = _sub(root, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _sub(head, "title", document.title)
    _sub(head, "style", CSS)
    body = _sub(root, "body")
    _sub(body, "h1", document.title)
    header = _sub(body, "dl", **{"class": "header"})
    for label, value in document.header:
        _sub(header, "dt", label)
        _sub(header, "dd", value)
    _sub(body, "p", document.rate_note, **{"class": "note"})
    for section in document.sections:
        block = _sub(body, "section")
        _sub(block, "h2", section.title)
        for paragraph in section.paragraphs:
            _sub(block, "p", paragraph)
        shown = [table for table in section.tables if table.key != "directives"]
        if not shown and not section.paragraphs:  # the annex of a period without a directive
            _sub(block, "p", t("none_sentence", lang))
        for table in shown:  # the annex's per-unit tables carry the list of directives
            _table(block, table, lang)
            if section.chart_after == table.key and charts:
                figure = _sub(block, "figure")
                for chart in charts:
                    encoded = base64.b64encode(chart).decode("ascii")
                    _sub(
                        figure,
                        "img",
                        src=f"data:image/png;base64,{encoded}",
                        alt=t("report_chart_title", lang),
                    )
                _sub(figure, "figcaption", t("report_chart_title", lang))
    html: Any = ET.tostring(root, encoding="unicode", method="html")
    return "<!DOCTYPE html>\n" + str(html) + "\n"
