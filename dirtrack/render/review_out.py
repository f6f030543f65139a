"""The review pack in every format of ``report --format``, to stdout or to ``--out FILE``.

``table`` and ``md`` lay out the same :mod:`dirtrack.render.review_doc` document as HTML, Word
and Excel; ``json`` is the pack itself; ``csv`` is the main table (per unit, or per chair with
``--by chair``) with the totals last.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import msg, t
from dirtrack.records import Record
from dirtrack.render import Column, OutputFormat, ReportFormat, emit, err
from dirtrack.render.review_doc import (
    RATE,
    Document,
    ReviewTitles,
    Table,
    build_document,
    cell_text,
    for_reading,
)

__all__ = ["ReviewTitles", "render_review", "suggestions"]

BAR_WIDTH = 10


def bar(rate: Record) -> str:
    """``██████░░░░`` for 66,66 %: completion as a bar of ten cells (truncated, like rates)."""
    if rate["pct"] is None:
        return "·" * BAR_WIDTH
    full = min(BAR_WIDTH, int(rate["pct"] * BAR_WIDTH // 100))
    return "█" * full + "░" * (BAR_WIDTH - full)


def render_review(
    pack: Record,
    fmt: ReportFormat,
    lang: str,
    titles: ReviewTitles,
    *,
    by: str = "unit",
    target: Path | None = None,
    force: bool = False,
) -> None:
    """Render the pack in ``fmt`` and write it to ``target`` (atomically) or stdout."""
    data: bytes
    if fmt is ReportFormat.JSON:
        from dirtrack.render.json_out import dump

        data = (dump(pack) + "\n").encode()
    elif fmt is ReportFormat.CSV:
        data = review_csv(pack, by=by).encode()
    elif fmt is ReportFormat.MD:
        data = (review_markdown(build_document(pack, titles, lang, by=by)) + "\n").encode()
    elif fmt is ReportFormat.TABLE:
        document = build_document(pack, titles, lang, by=by)
        if target is None:
            print_document(document, by=by)
            return
        data = document_text(document, by=by).encode()
    elif fmt is ReportFormat.HTML:
        from dirtrack.render.html_out import render_html

        data = render_html(build_document(pack, titles, lang, by=by)).encode()
    elif fmt is ReportFormat.XLSX:
        from dirtrack.render.xlsx_out import render_xlsx

        data = render_xlsx(build_document(pack, titles, lang, by=by))
    else:
        from dirtrack.render.docx_out import render_docx

        data = render_docx(build_document(pack, titles, lang, by=by))
    if target is not None:
        from dirtrack.render.outfile import write_atomic

        write_atomic(target, data, force=force)
        err(msg("rv_wrote", lang, path=target))
        return
    if fmt in (ReportFormat.XLSX, ReportFormat.DOCX) and sys.stdout.isatty():
        raise InvalidInput(f"{fmt.value} is a binary file: give --out FILE or redirect stdout")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


# --- csv ---------------------------------------------------------------------------------------


def review_csv(pack: Record, *, by: str) -> str:
    from dirtrack.render.csv_out import dump_records

    base = {"period": pack["period"]["label"], "as_of": pack["as_of"]}
    if by == "chair":
        rows = [{**base, **row} for row in pack["by_chair"]]
        total = {**base, "chair": "TOTAL", "chair_title": "", "meetings": len(pack["meetings"])}
    else:
        rows = [
            {**base, **{k: v for k, v in row.items() if k != "children"}} for row in pack["units"]
        ]
        total = {**base, "code": "TOTAL", "name": ""}
    rows.append({**total, **pack["totals"]})
    return dump_records(rows)


# --- markdown --------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table, lang: str) -> list[str]:
    table = for_reading(table, lang)
    lines = [
        "| " + " | ".join(_md_escape(h) for h in table.headers) + " |",
        "| " + " | ".join("---" for _ in table.headers) + " |",
    ]
    for index, row in enumerate(table.rows):
        cells = [_md_escape(cell_text(v, k, lang)) for v, k in zip(row, table.kinds, strict=True)]
        if index >= len(table.rows) - table.total_rows:
            cells[0] = f"**{cells[0]}**"
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def review_markdown(document: Document) -> str:
    lang = document.lang
    lines = [f"# {document.title}", ""]
    lines += [f"- **{label}:** {value}" for label, value in document.header]
    lines += ["", f"_{document.rate_note}_"]
    for section in document.sections:
        lines += ["", f"## {section.title}", ""]
        lines += [p for paragraph in section.paragraphs for p in (paragraph, "")]
        for table in section.tables:
            if table.key == "directives":  # the annex's per-unit tables carry it
                continue
            level = "####" if table.annex else "###"
            lines += [f"{level} {table.title}", ""]
            lines += _md_table(table, lang) if table.rows else [t("none", lang)]
            lines.append("")
    return "\n".join(lines).rstrip()


# --- the terminal ------------------------------------------------------------------------------


def _rich_tables(document: Document, *, by: str) -> list[Any]:
    from rich.text import Text

    from dirtrack.render.table import is_plain, new_table

    lang = document.lang
    plain = is_plain()
    items: list[Any] = [Text(document.title, style="title")]
    items += [Text(f"{label}: {value}") for label, value in document.header]
    for section in document.sections:
        shown = [table for table in section.tables if table.terminal]
        if not shown:
            continue
        items += [Text(""), Text(section.title, style="title")]
        items += [Text(p) for p in section.paragraphs]
        for table in shown:
            if not table.rows:
                items.append(Text(f"{table.title}: {t('none', lang)}", style="muted"))
                continue
            rich_table = new_table(table.title)
            table = for_reading(table, lang)
            headers, kinds = table.headers, table.kinds
            texts = [
                [cell_text(v, k, lang) for v, k in zip(row, kinds, strict=True)]
                for row in table.rows
            ]
            with_bar = table.key in ("units", "by_chair")
            rate_at = kinds.index(RATE) if with_bar else -1
            for i, header in enumerate(headers):
                wide = kinds[i] == "text" and not plain
                rich_table.add_column(
                    header,
                    justify="left" if kinds[i] == "text" else "right",
                    overflow="fold",
                    no_wrap=plain or not wide,
                    max_width=50 if wide else None,
                )
                if i == rate_at:
                    rich_table.add_column(t("rv_completion_bar", lang), no_wrap=True)
            for index, (row, cells) in enumerate(zip(table.rows, texts, strict=True)):
                if with_bar:
                    cells = [*cells[: rate_at + 1], bar(row[rate_at]), *cells[rate_at + 1 :]]
                total = index >= len(table.rows) - table.total_rows
                if total:
                    rich_table.add_section()
                style = "title" if total else _row_style(table, row)
                rich_table.add_row(*cells, style=style)
            items.append(rich_table)
            if table.key == "units":
                items.append(Text(document.rate_note, style="muted"))
    return items


def _row_style(table: Table, row: list[Any]) -> str | None:
    if table.key == "overdue":
        return "overdue"
    if table.key in ("units", "by_chair"):
        # ... overdue, no deadline, cancelled, completion rate, on-time rate
        return "overdue" if row[len(row) - 5] else None
    return None


def print_document(document: Document, *, by: str) -> None:
    from dirtrack.render.table import print_renderables

    print_renderables(_rich_tables(document, by=by))


def document_text(document: Document, *, by: str) -> str:
    """The terminal layout as plain text, for ``--format table --out FILE``."""
    from rich.console import Console

    from dirtrack.render.table import THEME

    buffer = io.StringIO()
    console = Console(
        file=buffer, theme=THEME, width=160, no_color=True, highlight=False, soft_wrap=False
    )
    for item in _rich_tables(document, by=by):
        console.print(item)
    return buffer.getvalue()


# --- limitation suggest ------------------------------------------------------------------------

SUGGESTION_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("first_id", "rv_first_id", justify="right"),
    Column("raised_on", "raised_on"),
    Column("score", "rv_score", justify="right"),
    Column("linked", "rv_linked", lambda r, lang: "✓" if r["linked"] else ""),
    Column("text", "text", wrap=True),
]


def suggestions(records: Sequence[Record], fmt: OutputFormat, lang: str) -> None:
    emit(records, SUGGESTION_COLUMNS, fmt, lang)
