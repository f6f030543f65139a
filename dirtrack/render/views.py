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
    "withdrawn": "cancelled",
}


def _date(key: str) -> Any:
    return lambda r, lang: day(r.get(key), lang)


def _status(r: Record, lang: str) -> str:
    label = status_label(r["status"], lang)
    return f"! {label}" if r["status"] == "overdue" else label


def _progress(r: Record, lang: str) -> str:
    return "" if r.get("progress") is None else f"{r['progress']}%"


def _due(r: Record, lang: str) -> str:
    due = day(r.get("due"), lang)
    if r.get("original_due") and r.get("due") != r.get("original_due"):
        due += f" ({day(r['original_due'], lang)})"
    return due


UNIT_COLUMNS = [
    Column("code", "code"),
    Column("name", "name"),
    Column("parent", "parent"),
    Column("aliases", "aliases"),
]

MEETING_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("date", "date", _date("date")),
    Column("kind", "kind", lambda r, lang: kind_label(r["kind"], lang)),
    Column("title", "title", wrap=True),
    Column("chair", "chair"),
    Column("attendees", "attendees"),
    Column("doc", "doc"),
]

DIRECTIVE_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("unit", "unit_short"),
    Column("text", "text", wrap=True),
    Column("due", "due", _due),
    Column("status", "status", _status),
    Column("progress", "progress", _progress, justify="right"),
    Column("days_overdue", "days_overdue", justify="right"),
    Column("risk", "risk", lambda r, lang: t(f"risk_{r['risk']}", lang) if r.get("risk") else ""),
    Column("meeting_id", "meeting", justify="right"),
]


def _result_doc(r: Record, lang: str) -> str:
    """The result document as cited: ``45/BC-SYT (10/03/2025)``, with the verdict."""
    result = r.get("result")
    if not result:
        return ""
    parts = []
    if result.get("doc"):
        parts.append(result["doc"])
    if result.get("doc_date"):
        parts.append(f"({day(result['doc_date'], lang)})")
    if result.get("verdict"):
        parts.append(f"— {t('verdict_' + result['verdict'], lang)}")
    if result.get("accepted_on"):
        parts.append(f"— {t('accepted_on', lang)} {day(result['accepted_on'], lang)}")
    elif result.get("returned_on"):
        parts.append(f"— {t('returned_on', lang)} {day(result['returned_on'], lang)}")
    return " ".join(parts)


REQUEST_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("directive_id", "directive_short", justify="right"),
    Column("unit", "unit_short"),
    Column("kind", "kind", lambda r, lang: t(f"req_kind_{r['kind']}", lang)),
    Column("asked_on", "asked_on", _date("asked_on")),
    Column("to", "due", _date("to")),
    Column("reason", "reason", wrap=True),
    Column("status", "status", lambda r, lang: t(f"req_{r['status']}", lang)),
    Column("late", "asked_late", lambda r, lang: "!" if r.get("asked_late") else ""),
    Column("decision_doc", "doc"),
]

LIMITATION_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("unit", "unit_short"),
    Column("category", "category", lambda r, lang: category_label(r["category"], lang)),
    Column("text", "text", wrap=True),
    Column("raised_on", "raised_on", _date("raised_on")),
    Column("resolved_on", "resolved_on", _date("resolved_on")),
    Column("meeting_id", "meeting", justify="right"),
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


def requests(records: Sequence[Record], fmt: OutputFormat, lang: str) -> None:
    emit(records, REQUEST_COLUMNS, fmt, lang)


def directive_card(record: Record, lang: str) -> None:
    """``show`` for people: the directive's fields, its meeting and its history."""
    from rich.text import Text

    from dirtrack.render.table import new_table, print_renderables

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
        (t("risk", lang), t(f"risk_{record['risk']}", lang) if record.get("risk") else ""),
        (t("field", lang), record.get("field") or ""),
        (t("result_doc", lang), _result_doc(record, lang)),
        (
            t("meeting", lang),
            f"#{meeting['id']} {day(meeting['date'], lang)} {meeting['title']}"
            + (f" ({meeting['chair']})" if meeting["chair"] else ""),
        ),
    ]
    card = new_table()
    card.add_column("")
    card.add_column("", overflow="fold")
    card.show_header = False
    for label, value in fields:
        style = directive_style(record) if label == t("status", lang) else None
        # The record's own words: never markup, never a raw control character.
        card.add_row(label, Text(visible(value)), style=style)
    history = new_table(t("history", lang))
    for header in ("date", "status", "due", "progress", "text"):
        history.add_column(t(header, lang), overflow="fold")
    for event in record["history"]:
        history.add_row(
            day(event["date"], lang),
            t(f"ev_{event['event']}", lang),
            day(event.get("due"), lang),
            "" if event.get("percent") is None else f"{event['percent']}%",
            Text(visible(event.get("note") or "")),
        )
    print_renderables([card, history])


def office_profile(profile: Record, fmt: OutputFormat, lang: str) -> None:
    """``office``: the profile as a card for people, one object in JSON."""
    if fmt is not OutputFormat.TABLE:
        if fmt is OutputFormat.JSON:
            from dirtrack.render import out
            from dirtrack.render.json_out import dump

            out(dump(profile))
        else:
            flat = {k: "; ".join(v) if isinstance(v, list) else v for k, v in profile.items()}
            emit([flat], [], fmt, lang)
        return
    from rich.text import Text

    from dirtrack.render.table import new_table, print_renderables

    card = new_table(t("office_title", lang))
    card.add_column("")
    card.add_column("", overflow="fold")
    card.show_header = False
    for key, value in profile.items():
        if key == "kind":
            value = t(f"office_kind_{value}", lang)
        elif key == "accepts_completions":
            value = t("office_yes" if value else "office_no", lang)
        elif key == "on_time_by":
            value = t(f"office_on_time_by_{value}", lang)
        elif isinstance(value, list):
            value = "\n".join(value)
        card.add_row(t(f"office_{key}", lang), Text(visible(value or "")))
    print_renderables([card])
