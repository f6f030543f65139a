"""The report in every format of ``report --format``, to stdout or to ``--out FILE``.

``table`` and ``md`` lay out the same :mod:`dirtrack.render.report_doc` document as HTML, Word
and Excel; ``json`` is the pack itself; ``csv`` is the main table (per unit, or per chair with
``--by chair``) with the totals last.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import msg, t
from dirtrack.patterns import LazyPattern
from dirtrack.records import Record, materialised
from dirtrack.render import (
    Column,
    Listing,
    ReportFormat,
    err,
    visible,
    visible_cells,
)
from dirtrack.render.report_doc import (
    DATE,
    NUMERIC,
    RATE,
    TEXT,
    TREND,
    Document,
    ReportTitles,
    Table,
    build_document,
    cell_column,
    cell_text,
    cell_writer,
    for_reading,
    printed_text,
)

if TYPE_CHECKING:  # a formal document's: the table formats do not load it
    from dirtrack.letterhead import Letterhead

__all__ = ["ReportTitles", "render_report", "suggestions"]

BAR_WIDTH = 10


def bar(rate: Record) -> str:
    """``██████░░░░`` for 66,66 %: completion as a bar of ten cells (truncated, like rates)."""
    if rate["pct"] is None:
        return "·" * BAR_WIDTH
    full = min(BAR_WIDTH, int(rate["pct"] * BAR_WIDTH // 100))
    return "█" * full + "░" * (BAR_WIDTH - full)


def render_report(
    pack: Record,
    fmt: ReportFormat,
    lang: str,
    titles: ReportTitles,
    *,
    by: str = "unit",
    target: Path | None = None,
    force: bool = False,
    office: Office | None = None,
) -> None:
    """Render the pack in ``fmt`` and write it to ``target`` (atomically) or stdout.

    ``office`` (Word and Excel) makes the document formal: the office's heading and signature,
    units by name, meetings by document number and date, or the office's own template.

    The pack's RecordStreams are read as they are written in JSON and
    Markdown, left unread by the terminal table and the CSV, and read whole for the files.
    """
    data: bytes | Iterator[bytes]
    if fmt is ReportFormat.JSON:
        from dirtrack.render.json_out import dump_chunks

        data = _encoded(chain(dump_chunks(pack), ["\n"]))
    elif fmt is ReportFormat.CSV:
        data = report_csv(pack, by=by).encode()
    elif fmt is ReportFormat.MD:
        document = build_document(pack, titles, lang, by=by)
        data = _encoded(chain(report_markdown(document), ["\n"]))
    elif fmt is ReportFormat.TABLE:
        document = build_document(pack, titles, lang, by=by, detail=False)
        if target is None:
            print_document(document, by=by)
            return
        data = document_text(document, by=by).encode()
    else:
        data = _file(materialised(pack), fmt, titles, lang, by=by, office=office)
    deliver(data, fmt, lang, target=target, force=force)


def deliver(
    data: bytes | Iterable[bytes],
    fmt: ReportFormat,
    lang: str,
    *,
    target: Path | None,
    force: bool,
) -> None:
    """Write a rendered document to ``target`` (atomically) or to stdout, never a binary
    format to a terminal."""
    if target is not None:
        from dirtrack.render.outfile import write_atomic

        write_atomic(target, data, force=force)
        err(msg("report_wrote", lang, path=target))
        return
    if fmt in (ReportFormat.XLSX, ReportFormat.DOCX) and sys.stdout.isatty():
        raise InvalidInput.of("binary_to_terminal", fmt=fmt.value)
    sys.stdout.flush()
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        for piece in data:
            sys.stdout.buffer.write(piece)
    sys.stdout.buffer.flush()


@dataclass
class Office:
    """What a formal document needs besides the pack: the letterhead, the meetings (id -> date
    and document number) and the office's template, if any."""

    head: Letterhead
    meetings: dict[int, tuple[date, str | None]]
    template: Path | None = None


def _file(
    pack: Record,
    fmt: ReportFormat,
    titles: ReportTitles,
    lang: str,
    *,
    by: str,
    office: Office | None = None,
) -> bytes:
    """HTML, Excel or Word: the whole document."""
    formal = office is not None and fmt in (ReportFormat.XLSX, ReportFormat.DOCX)
    meetings = office.meetings if formal and office is not None else None
    document = build_document(pack, titles, lang, by=by, meetings=meetings)
    if fmt is ReportFormat.HTML:
        from dirtrack.render.html_out import render_html

        return render_html(document).encode()
    if fmt is ReportFormat.XLSX:
        from dirtrack.render.xlsx_out import render_xlsx

        return render_xlsx(document)
    if office is not None and office.template is not None:
        from dirtrack.render.docx_template import render_template

        return render_template(office.template, document, office.head)
    from dirtrack.render.docx_out import render_docx

    return render_docx(document, head=office.head if office is not None else None)


def _encoded(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[bytes]:
    """``pieces`` as UTF-8, in blocks of about ``size`` characters."""
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block).encode()
            block, length = [], 0
    if block:
        yield "".join(block).encode()


# --- csv ---------------------------------------------------------------------------------------


def report_csv(pack: Record, *, by: str) -> str:
    from dirtrack.render.csv_out import dump_records

    base = {"period": pack["period"]["label"], "as_of": pack["as_of"]}
    totals = pack["totals"]
    if by != "unit":
        # ``urged`` counts letters, each sent to a unit: a chair's, a field's or a leader's row
        # has none (a letter may name directives of several), so their table has no such column.
        totals = {k: v for k, v in totals.items() if k != "urged"}
    if by == "chair":
        rows = [{**base, **row} for row in pack["by_chair"]]
        total = {**base, "chair": "TOTAL", "chair_title": "", "meetings": len(pack["meetings"])}
    elif by == "series":
        keep = ("occurrences", "name")
        rows = [
            {**base, **{k: v for k, v in row.items() if k not in keep}}
            for row in pack.get("series", [])
        ]
        blank = dict.fromkeys(("unit", "text", "every", "from", "until"), "")
        total = {**base, "id": "TOTAL", **blank}
        rows.append({**total, **(pack.get("series_totals") or {})})
        return dump_records(rows)
    elif by in ("field", "leader"):
        rows = [{**base, **row} for row in pack.get(f"by_{by}", [])]
        total = {**base, by: "TOTAL"} | ({"name": ""} if by == "field" else {})
    else:
        rows = [
            {**base, **{k: v for k, v in row.items() if k != "children"}} for row in pack["units"]
        ]
        total = {**base, "code": "TOTAL", "name": ""}
        if any("risk" in row for row in pack["units"]):
            total["risk"] = (pack.get("risk") or {}).get("totals", {}).get("risk")
    rows.append({**total, **totals})
    return dump_records(rows)


# --- markdown --------------------------------------------------------------------------------


# What Markdown would read as a mark in a clerk's text, each escaped with a backslash (CommonMark
# lets any ASCII punctuation be): the table's cell separator, emphasis, code, links, strikethrough,
# and `<` and `&` where they would open an HTML tag or an entity, so `<script>`, `&amp;`, `*x*` or
# `a | b` show as typed and nothing is run or lost. The text's first character is escaped too
# when it would open a heading, a quote or a list at a line's start (md_line).
_MD_MARK = LazyPattern(r"[\\`*_\[\]|~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
# A line ends at a CR as at an LF in Markdown (CommonMark): an imported text may hold either.
_MD_LINE_END = LazyPattern(r"\r\n?|\n")
_MD_LINE_START = LazyPattern(r"^(?:\d{1,9}(?=[.)])|(?=[#>+=-]))")


def md_text(text: str) -> str:
    """``text`` inert in Markdown, inside a line or a table's cell."""
    return _MD_LINE_END.sub(" ", _MD_MARK.sub(lambda m: "\\" + m.group(), text))


def md_line(text: str) -> str:
    """``text`` inert in Markdown at a line's start: :func:`md_text`, and no heading, quote or
    list made by its first character."""
    return _MD_LINE_START.sub(lambda m: m.group() + "\\", md_text(text), count=1)


def _md_table(table: Table, lang: str, *, printed: bool = False) -> Iterator[str]:
    """``table`` in Markdown; ``printed``: its days as a printed document's (the letter's)."""
    table = for_reading(table, lang)
    text = printed_text if printed else cell_text
    yield "| " + " | ".join(md_text(h) for h in table.headers) + " |"
    # Counts, rates and points flush right, as in the Word table and at the terminal.
    yield "| " + " | ".join("---:" if k in NUMERIC else "---" for k in table.kinds) + " |"
    first_total = len(table.rows) - table.total_rows
    for index, row in enumerate(table.rows):
        cells = [md_text(text(v, k, lang)) for v, k in zip(row, table.kinds, strict=True)]
        if index >= first_total:
            cells[0] = f"**{cells[0]}**"
        yield "| " + " | ".join(cells) + " |"


def report_markdown(document: Document) -> Iterator[str]:
    """The Markdown of ``report --format md`` in pieces, as it is written (but the last
    newline): :func:`markdown_lines` without the whitespace that ends the document."""
    return _without_trailing_space(markdown_lines(document))


def markdown_lines(document: Document) -> Iterator[str]:
    """The Markdown document line by line, a table's rows as they are made."""
    lang = document.lang
    yield f"# {md_text(document.title)}"
    yield ""
    yield from (f"- **{label}:** {md_text(value)}" for label, value in document.header)
    yield ""
    yield f"_{document.rate_note}_"
    for section in document.sections:
        yield from ("", f"## {md_text(section.title)}", "")
        for paragraph in section.paragraphs:
            yield from (md_line(paragraph), "")
        tables = section.tables if section.more is None else chain(section.tables, section.more())
        shown = bool(section.paragraphs)
        for table in tables:
            if table.key == "directives":  # the annex's per-unit tables carry it
                continue
            shown = True
            level = "####" if table.annex else "###"
            yield from (f"{level} {md_text(table.title)}", "")
            if table.rows:
                yield from _md_table(table, lang)
            else:
                yield t("none_sentence", lang)
            yield ""
        if not shown:  # the annex of a period without a directive: not a heading alone
            yield from (t("none_sentence", lang), "")


def _without_trailing_space(lines: Iterable[str]) -> Iterator[str]:
    """The lines joined by newlines, in pieces, without the whitespace that ends them: what
    ``"\\n".join(lines).rstrip()`` gives, without holding the lines."""
    held = ""  # from the last line that is not blank on: it may end the document
    first = True
    for line in lines:
        piece = line if first else "\n" + line
        first = False
        if line.strip() and held:
            yield held
            held = piece
        else:
            held += piece
    yield held.rstrip()


# --- the terminal ------------------------------------------------------------------------------


BAR = "bar"  # the kind of the completion-bar column the terminal adds
_CONTROL = LazyPattern(r"[\x00-\x1f\x7f-\x9f]")  # what rich writes otherwise than as is


def _rich_tables(
    document: Document, *, by: str, direct: bool = False, width: int | None = None
) -> Iterator[Any]:
    """The document as rich renderables, one at a time.

    With ``direct`` (stdout when it is not a terminal) a table comes as the plain lines rich
    would print for it (:class:`~dirtrack.render.table.PlainLines`), without building the rich
    table: the overdue list of a large register has tens of thousands of rows. Its cells are
    then made a column at a time (:func:`~dirtrack.render.report_doc.cell_column`), as the
    plain layout reads them, instead of a row at a time.
    """
    from dirtrack.render.table import PlainLines, plain_columns

    def text(line: str, style: str | None = None) -> Any:
        # Directly, a line rich would print as it is; rich only for control characters.
        line = visible(line)
        if direct and not _CONTROL.search(line):
            return PlainLines([line])
        from rich.text import Text

        return Text(line, style=style or "")

    lang = document.lang
    yield text(document.title, "title")
    yield from (text(f"{label}: {value}") for label, value in document.header)
    for section in document.sections:
        shown = [table for table in section.tables if table.terminal]
        if not shown:
            continue
        yield from (text(""), text(section.title, "title"))
        yield from (text(p) for p in section.paragraphs)
        for table in shown:
            if not table.rows:
                yield text(f"{table.title}: {t('none', lang)}", "muted")
                continue
            table = for_reading(table, lang)
            headers, kinds = list(table.headers), list(table.kinds)
            rate_at = kinds.index(RATE) if table.key in ("units", "by_chair") else -1
            if rate_at >= 0:
                headers.insert(rate_at + 1, t("report_completion_bar", lang))
                kinds.insert(rate_at + 1, BAR)
            justify = ["left" if kind in (TEXT, BAR) else "right" for kind in kinds]
            if direct:
                columns = _cell_columns(table, lang, rate_at)
                lines = plain_columns(table.title, headers, justify, columns, len(table.rows))
                if lines is not None:
                    yield PlainLines(lines)
                else:
                    texts = [list(row) for row in zip(*columns, strict=True)]
                    yield _rich_table(table, headers, kinds, texts, width, lang)
            else:
                yield _rich_table(
                    table, headers, kinds, _cell_rows(table, lang, rate_at), width, lang
                )
            if table.key == "units":
                yield text(document.rate_note, "muted")


def _cell_rows(table: Table, lang: str, rate_at: int) -> list[list[str]]:
    """The table's cells as people read them (:func:`visible`), row by row, with the bar of
    completion after the column ``rate_at`` (none when -1)."""
    texts = []
    writers = [cell_writer(kind, lang) for kind in table.kinds]
    for row in table.rows:
        cells = [write(v) for write, v in zip(writers, row, strict=True)]
        # One search per row for a control character (visible() escapes them).
        if visible(joined := " ".join(cells)) is not joined:
            cells = [visible(cell) for cell in cells]
        if rate_at >= 0:
            cells.insert(rate_at + 1, bar(row[rate_at]))
        texts.append(cells)
    return texts


def _cell_columns(table: Table, lang: str, rate_at: int) -> list[list[str]]:
    """The cells of :func:`_cell_rows`, column by column: each column's cells are made and
    searched for a control character at once (:func:`visible_cells`)."""
    values = list(zip(*table.rows, strict=True))
    columns = [
        visible_cells(cell_column(kind, lang, column))
        for kind, column in zip(table.kinds, values, strict=True)
    ]
    if rate_at >= 0:
        columns.insert(rate_at + 1, [bar(rate) for rate in values[rate_at]])
    return columns


# The table per periodic directive (render/report_doc.series_tables): unit, text, every, total,
# on time, late, in time, overdue, cancelled, completion rate, on-time rate, earlier ones. The
# counts of on time, late and overdue stay longest.
SERIES_PRIORITY = (0, 0, 3, 1, 1, 1, 2, 1, 4, 2, 3, 3)


# The longest a label of a report's table is (a tier, "Hoàn thành xuất sắc nhiệm vụ"); a longer
# text column is words a person wrote (a directive's, a limitation's), kept at least 20 wide.
SHORT_TEXT = 30


def report_columns(
    table: Table, kinds: Sequence[str], texts: Sequence[Sequence[str]]
) -> list[Column]:
    """How the report's columns give way in a narrow window (see :class:`Column`).

    The first two columns (the unit, the chair, the id and the unit), the longest text (a
    directive's or limitation's own words) and the first date (the deadline) always stay. In
    the tables per unit and per chair the counts of directives without a deadline and
    cancelled ones, the bar and the on-time rate go first; elsewhere, the later dates and the
    numbers. Texts, rates and trends wrap between words.
    """
    counts = table.key in ("units", "by_chair")
    plain_kinds = [kind for kind in kinds if kind != BAR]
    columns = []
    seen_date = False
    longest = {i: max((len(row[i]) for row in texts), default=0) for i, k in enumerate(kinds)}
    words = [i for i, kind in enumerate(kinds) if kind == TEXT and i > 0]
    main = max(words, key=lambda i: longest[i], default=-1)
    if main >= 0 and longest[main] <= SHORT_TEXT:  # labels (tiers, kinds), not a text
        main = -1
    at = 0  # the index among the table's own columns (the bar is not one)
    for index, kind in enumerate(kinds):
        from_end = len(plain_kinds) - at
        priority = 2
        if kind == BAR:
            priority = 4
        elif index == 0:
            priority = 0
        elif kind == TEXT:
            priority = 0 if index in (1, main) else 1
        elif kind == DATE:
            priority = 2 if seen_date else 0
            seen_date = True
        elif kind in (RATE, TREND):
            priority = 1
        if counts and kind != BAR and index > 0:
            # ... overdue, no deadline, cancelled, completion rate, on-time rate; a chair's title
            priority = {1: 2, 2: 1, 3: 3, 4: 3}.get(from_end, 3 if kind == TEXT else 1)
        if table.key == "series" and index < len(SERIES_PRIORITY):
            priority = SERIES_PRIORITY[index]
        if kind != BAR:
            if at in table.keep:
                priority = 0
            at += 1
        wrap = kind in (TEXT, RATE, TREND)
        # A rate, a trend, or a label beside a text (a status) may wrap at 7; the labels of a
        # table without a text (the tiers of the scores) are not squeezed below fit's READABLE.
        minimum = 7 if wrap and (kind != TEXT or main >= 0) else 0
        if kind == TEXT and index < 2 and index != main:  # the unit, chair, field or leader
            minimum = 16
        elif index == main:
            minimum = 20
        columns.append(
            Column(
                str(index),
                "",
                justify="left" if kind in (TEXT, BAR) else "right",
                wrap=wrap,
                priority=priority,
                min_width=minimum,
            )
        )
    return columns


def _rich_table(
    table: Table,
    headers: list[str],
    kinds: list[str],
    texts: list[list[str]],
    width: int | None,
    lang: str,
) -> Any:
    from dirtrack.render.table import console, fitted_table

    rows = list(table.rows)
    first_total = len(rows) - table.total_rows
    styles = [
        "title" if index >= first_total else _row_style(table, row)
        for index, row in enumerate(rows)
    ]
    return fitted_table(
        table.title,
        report_columns(table, kinds, texts),
        headers,
        texts,
        styles,
        width=width or console().width,
        sections=[first_total] if table.total_rows else [],
        lang=lang,
    )


def _row_style(table: Table, row: list[Any]) -> str | None:
    if table.key == "overdue":
        return "overdue"
    if table.key in ("units", "by_chair"):
        # ... overdue, no deadline, cancelled, completion rate, on-time rate
        return "overdue" if row[len(row) - 5] else None
    return None


def print_document(document: Document, *, by: str) -> None:
    """The report on stdout: at a terminal fitted to the window, in colour (unless NO_COLOR);
    elsewhere plain, written directly."""
    from dirtrack.render.table import is_plain, print_renderables

    print_renderables(_rich_tables(document, by=by, direct=is_plain()))


def document_text(document: Document, *, by: str) -> str:
    """The terminal layout as plain text, for ``--format table --out FILE``."""
    from rich.console import Console

    from dirtrack.render.table import theme

    buffer = io.StringIO()
    console = Console(
        file=buffer, theme=theme(), width=160, no_color=True, highlight=False, soft_wrap=False
    )
    for item in _rich_tables(document, by=by, width=160):
        console.print(item)
    return buffer.getvalue()


# --- limitation suggest ------------------------------------------------------------------------

SUGGESTION_COLUMNS = [
    Column("id", "id", justify="right", priority=0),
    Column("first_id", "report_first_id", justify="right"),
    Column("raised_on", "raised_on"),
    Column("score", "report_score", justify="right"),
    Column("linked", "report_linked", lambda r, lang: "✓" if r["linked"] else ""),
    Column("text", "text", wrap=True, priority=0, min_width=24),
]


suggestions = Listing(SUGGESTION_COLUMNS)
