"""How each kind of record looks to people: columns, the directive card, the report."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from dirtrack.i18n import category_label, day, kind_label, number, status_label, t
from dirtrack.records import Record
from dirtrack.render import Column, OutputFormat, ReportFormat, emit, out

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
        card.add_row(label, value, style=style)
    history = new_table(t("history", lang))
    for header in ("date", "status", "due", "progress", "text"):
        history.add_column(t(header, lang), overflow="fold")
    for event in record["history"]:
        history.add_row(
            day(event["date"], lang),
            t(f"ev_{event['event']}", lang),
            day(event.get("due"), lang),
            "" if event.get("percent") is None else f"{event['percent']}%",
            event.get("note") or "",
        )
    print_renderables([card, history])


# --- the report ------------------------------------------------------------------------------

COUNT_KEYS = (
    "total",
    "done_on_time",
    "done_late",
    "open_in_time",
    "overdue",
    "no_deadline",
    "cancelled",
)


def _rate(rate: Record, lang: str) -> str:
    return f"{number(rate['pct'], lang)} ({rate['num']}/{rate['den']})"


def _unit_cells(row: Record, lang: str) -> list[str]:
    return [str(row[k]) for k in COUNT_KEYS] + [
        _rate(row["completion_rate"], lang),
        _rate(row["on_time_rate"], lang),
    ]


def _headers(lang: str) -> list[str]:
    return (
        [t("unit_short", lang)]
        + [t(k, lang) for k in COUNT_KEYS]
        + [
            t("completion_rate", lang),
            t("on_time_rate", lang),
        ]
    )


def _report_title(report: Record, lang: str, period_title: str) -> str:
    return (
        f"{t('report_title', lang)} — {period_title} "
        f"({day(report['period']['start'], lang)} – {day(report['period']['end'], lang)}), "
        f"{t('as_of', lang)} {day(report['as_of'], lang)}"
    )


def report(report: Record, fmt: ReportFormat, lang: str, period_title: str) -> None:
    if fmt is ReportFormat.JSON:
        from dirtrack.render.json_out import dump

        out(dump(report))
    elif fmt is ReportFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        rows = [
            {"period": report["period"]["label"], "as_of": report["as_of"], **unit}
            for unit in report["units"]
        ]
        rows.append(
            {
                "period": report["period"]["label"],
                "as_of": report["as_of"],
                "code": "TOTAL",
                "name": "",
                **report["totals"],
            }
        )
        sys.stdout.write(dump_records(rows))
    elif fmt is ReportFormat.MD:
        out(report_markdown(report, lang, period_title))
    else:
        _report_table(report, lang, period_title)


def _report_table(report: Record, lang: str, period_title: str) -> None:
    from dirtrack.render.table import new_table, print_lines, print_renderables

    table = new_table(_report_title(report, lang, period_title))
    for i, header in enumerate(_headers(lang)):
        table.add_column(header, justify="left" if i == 0 else "right")
    for row in report["units"]:
        style = "overdue" if row["overdue"] else None
        table.add_row(f"{row['code']} {row['name']}", *_unit_cells(row, lang), style=style)
    table.add_section()
    table.add_row(t("totals", lang), *_unit_cells(report["totals"], lang), style="title")
    print_renderables([table])
    print_lines([t("rate_base", lang)], style="muted")
    if report["overdue"]:
        print_lines([""])
        directives(report["overdue"], OutputFormat.TABLE, lang, title=t("overdue_list", lang))
    if report["limitations"]:
        print_lines([""])
        limitations_table = new_table(t("limitations", lang))
        for column in LIMITATION_COLUMNS:
            limitations_table.add_column(t(column.header, lang), overflow="fold")
        for lim in report["limitations"]:
            limitations_table.add_row(*(c.cell(lim, lang) for c in LIMITATION_COLUMNS))
        print_renderables([limitations_table])


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [_md_row(headers), _md_row(["---"] * len(headers))]
    lines.extend(_md_row(r) for r in rows)
    return lines


def report_markdown(report: Record, lang: str, period_title: str) -> str:
    lines = [f"# {_report_title(report, lang, period_title)}", ""]
    rows = [[f"{r['code']} — {r['name']}", *_unit_cells(r, lang)] for r in report["units"]]
    rows.append([f"**{t('totals', lang)}**", *_unit_cells(report["totals"], lang)])
    lines += _md_table(_headers(lang), rows)
    lines += ["", f"_{t('rate_base', lang)}_", "", f"## {t('overdue_list', lang)}", ""]
    if report["overdue"]:
        lines += _md_table(
            [t(c.header, lang) for c in DIRECTIVE_COLUMNS],
            [[c.cell(r, lang) for c in DIRECTIVE_COLUMNS] for r in report["overdue"]],
        )
    else:
        lines.append(t("none", lang))
    lines += ["", f"## {t('limitations', lang)}", ""]
    if report["limitations"]:
        lines += _md_table(
            [t(c.header, lang) for c in LIMITATION_COLUMNS],
            [[c.cell(r, lang) for c in LIMITATION_COLUMNS] for r in report["limitations"]],
        )
    else:
        lines.append(t("none", lang))
    lines += ["", f"## {t('meetings', lang)}", ""]
    if report["meetings"]:
        lines += _md_table(
            [t(c.header, lang) for c in MEETING_COLUMNS],
            [[c.cell(r, lang) for c in MEETING_COLUMNS] for r in report["meetings"]],
        )
    else:
        lines.append(t("none", lang))
    return "\n".join(lines)
