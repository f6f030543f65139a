"""How each kind of record looks to people: columns, the directive card, the report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dirtrack.i18n import category_label, day, kind_label, status_label, t
from dirtrack.records import Record
from dirtrack.render import Column, OutputFormat, emit, visible

STATUS_STYLE = {
    "overdue": "overdue",
    "done_late": "late",
    "done_on_time": "done",
    "cancelled": "cancelled",
}


def _date(key: str) -> Any:
    return lambda r, lang: day(r.get(key), lang)


def _status(r: Record, lang: str) -> str:
    label = status_label(r["status"], lang)
    if r.get("completed_on_exact") is False:  # done by the day a sheet was up to
        label += " (" + t("done_by", lang, day=day(r.get("completed_on"), lang)) + ")"
    return f"! {label}" if r["status"] == "overdue" else label


def _completed(r: Record, lang: str) -> str:
    if r.get("completed_on_exact") is False:
        return t("done_by", lang, day=day(r.get("completed_on"), lang))
    return day(r.get("completed_on"), lang)


def _progress(r: Record, lang: str) -> str:
    return "" if r.get("progress") is None else f"{r['progress']}%"


def _due(r: Record, lang: str) -> str:
    due = day(r.get("due"), lang)
    if r.get("original_due") and r.get("due") != r.get("original_due"):
        due += f" ({day(r['original_due'], lang)})"
    return due


# Each listing's columns, with how they give way in a narrow window (Column: ``priority`` 0
# always stays, the highest number goes first; ``wrap`` columns wrap between words and keep at
# least ``min_width``). The README lists what goes first.
UNIT_COLUMNS = [
    Column("code", "code", priority=0),
    Column("name", "name", wrap=True, priority=0, min_width=16),
    Column("parent", "parent", priority=1),
    Column("aliases", "aliases", wrap=True, priority=2, min_width=16),
]

MEETING_COLUMNS = [
    Column("id", "id", justify="right", priority=0),
    Column("date", "date", _date("date"), priority=0),
    Column("kind", "kind", lambda r, lang: kind_label(r["kind"], lang), wrap=True, priority=2),
    Column("title", "title", wrap=True, priority=0, min_width=20),
    Column("chair", "chair", wrap=True, priority=1),
    Column("attendees", "attendees", wrap=True, priority=3),
    Column("doc", "doc", priority=4),
]

DIRECTIVE_COLUMNS = [
    Column("id", "id", justify="right", priority=0),
    Column("unit", "unit_short", priority=0),
    Column("text", "text", wrap=True, priority=0, min_width=24),
    Column("due", "due", _due, wrap=True, priority=0, min_width=10),
    Column("status", "status", _status, wrap=True, priority=1),
    Column("progress", "progress", _progress, justify="right", priority=3),
    Column("days_overdue", "days_overdue", justify="right", priority=2),
    Column("meeting_id", "meeting", justify="right", priority=4),
]

LIMITATION_COLUMNS = [
    Column("id", "id", justify="right", priority=0),
    Column("unit", "unit_short", priority=0),
    Column(
        "category",
        "category",
        lambda r, lang: category_label(r["category"], lang),
        wrap=True,
        priority=2,
    ),
    Column("text", "text", wrap=True, priority=0, min_width=24),
    Column("raised_on", "raised_on", _date("raised_on"), priority=1),
    Column("resolved_on", "resolved_on", _date("resolved_on"), priority=1),
    Column("meeting_id", "meeting", justify="right", priority=3),
]


def directive_style(record: Record) -> str | None:
    return STATUS_STYLE.get(record["status"])


def units(
    records: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    fields: Sequence[str] | None = None,
) -> None:
    emit(records, UNIT_COLUMNS, fmt, lang, fields=fields)


def meetings(
    records: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    fields: Sequence[str] | None = None,
) -> None:
    emit(records, MEETING_COLUMNS, fmt, lang, fields=fields)


def directives(
    records: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    title: str | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    emit(
        records,
        DIRECTIVE_COLUMNS,
        fmt,
        lang,
        title=title,
        highlight=directive_style,
        fields=fields,
    )


def limitations(
    records: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    fields: Sequence[str] | None = None,
) -> None:
    emit(records, LIMITATION_COLUMNS, fmt, lang, fields=fields)


def directive_card(record: Record, lang: str) -> None:
    """``show`` for people: the directive's fields, its meeting and its history."""
    from rich.text import Text

    from dirtrack.render.table import console, fitted_table, new_table, print_renderables

    meeting = record["meeting"]
    fields = [
        (t("id", lang), str(record["id"])),
        (t("text", lang), record["text"]),
        (t("unit", lang), f"{record['unit']} ({record['unit_name']})"),
        (t("with", lang), ", ".join(record["with"])),
        (
            t("due", lang),
            _due(record, lang) + (f"  «{record['due_text']}»" if record["due_text"] else ""),
        ),
        (t("product", lang), record["product"] or ""),
        (t("status", lang), _status(record, lang)),
        (t("progress", lang), _progress(record, lang)),
        (t("completed_on", lang), _completed(record, lang)),
        (
            t("meeting", lang),
            f"#{meeting['id']} {day(meeting['date'], lang)} {meeting['title']}"
            + (f" ({meeting['chair']})" if meeting["chair"] else ""),
        ),
    ]
    card = new_table()
    card.add_column("", no_wrap=True)
    card.add_column("", overflow="fold")
    card.show_header = False
    for label, value in fields:
        style = directive_style(record) if label == t("status", lang) else None
        # The record's own words: never markup, never a raw control character.
        card.add_row(label, Text(visible(value)), style=style)
    headers = [t(column.header, lang) for column in EVENT_COLUMNS]
    rows = [[column.cell(event, lang) for column in EVENT_COLUMNS] for event in record["history"]]
    history = fitted_table(t("history", lang), EVENT_COLUMNS, headers, rows, width=console().width)
    print_renderables([card, history])


# The events of ``show``: what happened, when, with the deadline it set and the note.
EVENT_COLUMNS = [
    Column(
        "date",
        "date",
        lambda r, lang: (
            t("done_by", lang, day=day(r["date"], lang))
            if r.get("exact") is False
            else day(r["date"], lang)
        ),
        priority=0,
    ),
    Column("event", "status", lambda r, lang: t(f"ev_{r['event']}", lang), wrap=True, priority=0),
    Column("due", "due", _date("due"), priority=1),
    Column(
        "percent",
        "progress",
        lambda r, lang: "" if r.get("percent") is None else f"{r['percent']}%",
        priority=2,
    ),
    Column("note", "text", lambda r, lang: r.get("note") or "", wrap=True, priority=0),
]
