"""How each kind of record looks to people: columns, the directive card, the report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
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
    return f"! {label}" if r["status"] == "overdue" else label


def _progress(r: Record, lang: str) -> str:
    return "" if r.get("progress") is None else f"{r['progress']}%"


def _due(r: Record, lang: str) -> str:
    due = day(r.get("due"), lang)
    if r.get("original_due") and r.get("due") != r.get("original_due"):
        due += f" ({day(r['original_due'], lang)})"
    return due


def _contacts(r: Record, lang: str) -> str:
    shown = []
    for contact in r.get("contacts") or []:
        email = f" <{contact['email']}>" if contact.get("email") else ""
        shown.append(f"{contact['name']}{email}")
    return "; ".join(shown)


UNIT_COLUMNS = [
    Column("code", "code"),
    Column("name", "name"),
    Column("parent", "parent"),
    Column("aliases", "aliases"),
    Column("contacts", "contacts", _contacts),
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
    Column("meeting_id", "meeting", justify="right"),
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


# --- packs -------------------------------------------------------------------------------------

PACK_OUT_COLUMNS = [
    Column("unit", "unit_short"),
    Column("file", "pk_file", lambda r, lang: Path(r["file"]).name),
    Column("lead", "pk_lead", justify="right"),
    Column("with", "pk_with", justify="right"),
    Column(
        "to",
        "pk_to",
        lambda r, lang: "\n".join(r["to"] + [f"cc {c}" for c in r["cc"]]),
        wrap=True,
    ),
    Column("sent", "pk_sent", lambda r, lang: (r["sent"] or "")[:16].replace("T", " ")),
]


def packs_out(record: Record, fmt: OutputFormat, lang: str) -> None:
    """``pack out``: one row per unit's workbook; JSON the whole record."""
    emit(record["packs"], PACK_OUT_COLUMNS, fmt, lang, json_value=record)


def _pack_action(r: Record, lang: str) -> str:
    return t(f"pk_act_{r['action']}", lang)


def _pack_changes(r: Record, lang: str) -> str:
    said = []
    for change in r["changes"]:
        params = {k: v for k, v in change.items() if k != "what"}
        if "date" in params:
            params["date"] = day(params["date"], lang)
        said.append(t("pk_ch_" + change["what"], lang, **params))
    if r.get("conflict"):
        said.append(r["conflict"])
    return "; ".join(said)


PACK_IN_COLUMNS = [
    Column("file", "pk_file"),
    Column("sheet", "pk_sheet"),
    Column("row", "imp_row", justify="right"),
    Column("id", "id", justify="right"),
    Column("action", "imp_action", _pack_action),
    Column("changes", "pk_what", _pack_changes, wrap=True),
]


def packs_in(
    plans: Sequence[Any], fmt: OutputFormat, lang: str, *, dry_run: bool, day: Any
) -> None:
    """``pack in``: every answered row with what it did (or would do); a summary per file on
    stderr."""
    from dirtrack.i18n import msg
    from dirtrack.render import err

    files = []
    rows: list[Record] = []
    for plan in plans:
        shown = []
        for row in plan.rows:
            record = {
                "file": plan.path.name,
                "sheet": row.sheet,
                "row": row.row,
                "id": row.directive_id,
                "role": row.role,
                "action": row.action,
                "changes": row.changes,
                "conflict": row.conflict.render(lang) if row.conflict is not None else None,
            }
            shown.append(record)
            rows.append(record)
        files.append(
            {
                "file": str(plan.path),
                "unit": plan.unit,
                "pack": plan.pack_id,
                "applied": plan.count("applied", "took_unit"),
                "conflicts": plan.count("conflict"),
                "kept_office": plan.count("kept_office"),
                "unchanged": plan.count("unchanged"),
                "rows": shown,
            }
        )
    for info in files:
        key = "pack_in_dry" if dry_run else "pack_in_done"
        err(
            msg(
                key,
                lang,
                file=Path(info["file"]).name,
                unit=info["unit"],
                applied=info["applied"],
                conflicts=info["conflicts"],
                kept=info["kept_office"],
                unchanged=info["unchanged"],
            )
        )
    if any(info["conflicts"] for info in files):
        err(msg("pack_in_conflicts_left", lang))
    value = {"dry_run": dry_run, "date": day.isoformat(), "files": files}
    emit(rows, PACK_IN_COLUMNS, fmt, lang, json_value=value if fmt is OutputFormat.JSON else None)


def _yes_no(value: Any, lang: str) -> str:
    if value is None:
        return ""
    return t("yes" if value else "no", lang)


PACK_STATUS_COLUMNS = [
    Column("code", "unit_short"),
    Column("due", "pk_due", _date("due")),
    Column("sent", "pk_sent", lambda r, lang: day((r["sent"] or "")[:10] or None, lang)),
    Column("answered", "pk_answered", _date("answered")),
    Column("on_time", "pk_on_time", lambda r, lang: _yes_no(r["on_time"], lang)),
    Column(
        "items_answered",
        "pk_items",
        lambda r, lang: f"{r['items_answered']}/{r['items']}",
        justify="right",
    ),
]


def packs_status(record: Record, fmt: OutputFormat, lang: str) -> None:
    emit(record["units"], PACK_STATUS_COLUMNS, fmt, lang, json_value=record)
