"""How an import looks: the dry run's row-by-row table, the summary, JSON and CSV."""

from __future__ import annotations

import sys
from typing import Any

from dirtrack.i18n import Count, Phrase, clauses, day, msg, status_label, t
from dirtrack.records import Record
from dirtrack.render import Column, OutputFormat, err, out
from dirtrack.transfer.base import ImportResult, ranges, row_label

SHOWN_WARNINGS = 10


def _units(record: Record, lang: str) -> str:
    units = ", ".join(str(u) for u in record.get("units") or [])
    others = ", ".join(str(u) for u in record.get("with") or [])
    return f"{units} (+ {others})" if others else units


def _status(record: Record, lang: str) -> str:
    code = record.get("status")
    text = status_label(code, lang) if code else ""
    if record.get("progress") is not None and code not in ("done_on_time", "done_late"):
        text = f"{text} {record['progress']}%".strip()
    return text


def _issues(record: Record, lang: str) -> str:
    lines = [
        str(p["message"]) if p["column"] is None else f"{p['column']}: {p['message']}"
        for p in record.get("problems") or []
    ]
    lines += [f"! {w}" for w in record.get("warnings") or []]
    changes = record.get("changes") or []
    if changes:
        lines.append("; ".join(changes))
    return "\n".join(lines)


def _meeting(record: Record, lang: str) -> str:
    meeting = record.get("meeting")
    return (
        "" if meeting is None else str(meeting if not isinstance(meeting, int) else f"#{meeting}")
    )


def _row(record: Record, lang: str) -> str:
    """The row's number, ``'Quý 1'!5`` when the import read several sheets."""
    row = record.get("row")
    return "" if row is None else str(row_label(record.get("sheet"), row))


COLUMNS = [
    Column("row", "imp_row", _row, justify="right", priority=0),
    Column("action", "imp_action", lambda r, lang: t(f"imp_act_{r['action']}", lang)),
    Column("units", "unit_short", _units, wrap=True, priority=0),
    Column("text", "text", wrap=True, priority=0, min_width=24),
    Column(
        "due",
        "due",
        lambda r, lang: day(r.get("due"), lang) or (r.get("due_text") or ""),
        wrap=True,
        priority=0,
    ),
    Column("status", "status", _status),
    Column("meeting", "meeting", _meeting, wrap=True, priority=2),
    Column("problems", "imp_problems", _issues, wrap=True, priority=0, min_width=20),
]


def _style(record: Record) -> str | None:
    if record["action"] == "error":
        return "overdue"
    if record["action"] in ("skip", "section", "unchanged"):
        return "muted"
    return None


def _summary(result: ImportResult, lang: str, *, done: bool) -> dict[str, Any]:
    """The file and what the import does (``done``) or would do, in ``lang``: only what is
    not 0 ("created 3 directives; updated 2", never "0 meetings, 0 units; unchanged 0")."""
    created = result.created
    kinds: tuple[str, ...] = ("units", "meetings", "directives", "limitations")
    if result.kind != "dirtrack-json":  # a sheet creates no limitation; a draft may
        kinds = ("directives", "limitations", "meetings", "units")
    things = ", ".join(
        Count(kind, created[kind]).render(lang) for kind in kinds if created.get(kind)
    )
    bad = len(result.bad_rows())
    if result.kind == "dirtrack-json":
        changes = things
    else:
        keys = ("imp_created", "imp_updated", "imp_unchanged") if done else ()
        create, update, leave = keys or ("imp_create", "imp_update", "imp_leave")
        changes = "; ".join(
            filter(
                None,
                [
                    t(create, lang, things=things) if things else "",
                    clauses(lang, (update, result.updated), (leave, result.unchanged), sep="; "),
                ],
            )
        )
    if not changes:
        nothing = "imp_nothing_done" if done else "imp_nothing"
        changes = t("imp_no_records" if result.kind == "dirtrack-json" else nothing, lang)
    if bad and not done:
        changes += "; " + Count("bad_rows", bad).render(lang)
    # standard input (`import -`) is "-" in the result, as typed, and said in words here
    file = Phrase("w_stdin").render(lang) if result.file == "-" else result.file
    return {"file": file, "changes": changes}


def new_units_line(result: ImportResult, lang: str) -> str:
    """The line "New units: BTCTU (Ban Tổ chức Tỉnh ủy), …", for a dry run as for the import
    (``import`` and ``extract --apply``)."""
    units = ", ".join(f"{u['code']} ({u['name']})" for u in result.new_units)
    return msg("imp_new_units", lang, units=units)


def _sheets_passed_over(result: ImportResult, lang: str) -> None:
    """One notice on stderr naming the sheets ``--sheet all`` passed over, each with why."""
    if not result.skipped_sheets:
        return
    sheets = "; ".join(
        msg("imp_skipped_sheet", lang, sheet=name, reason=why)
        for name, why in result.skipped_sheets
    )
    err(msg("imp_skipped", lang, n=len(result.skipped_sheets), sheets=sheets))


def dry_run(result: ImportResult, fmt: OutputFormat, lang: str) -> None:
    """The dry run: every row and what it would become, with every problem."""
    _sheets_passed_over(result, lang)
    records = [r.as_dict(lang) for r in result.rows]
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump

        out(dump(result.as_dict(with_rows=True, lang=lang)))
        return
    if fmt is OutputFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        flat = [
            {
                **r,
                "problems": [
                    str(p["column"] or "") + ": " + str(p["message"]) for p in r["problems"]
                ],
            }
            for r in records
        ]
        sys.stdout.write(dump_records(flat))
        return
    from dirtrack.render.table import print_lines, print_table

    lines = []
    # one table, or each of the sheets read in one run (--sheet repeated, --sheet all)
    for details in result.details.get("sheets") or [result.details]:
        if "header_row" not in details:
            continue
        sheet = f" ('{details['sheet']}')" if details.get("sheet") else ""
        lines.append(
            msg(
                "imp_file",
                lang,
                file=result.file,
                sheet=sheet,
                header=details["header_row"],
                as_of=day(details.get("as_of"), lang),
            )
        )
        mapped = [
            f"{c['column']} {c['header']!r}→{c['field']}"
            for c in details.get("columns", [])
            if c["field"] not in (None, "ignore")
        ]
        lines.append(msg("imp_columns", lang, columns=", ".join(mapped)))
        left = [
            f"{c['column']} {c['header']!r}"
            for c in details.get("columns", [])
            if c["field"] in (None, "ignore") and c["header"]
        ]
        if left:
            lines.append(msg("imp_ignored", lang, columns=", ".join(left)))
    print_lines(lines)
    if records:
        print_table(records, COLUMNS, lang, highlight=_style)
    tail = [
        msg(
            "imp_unknown",
            lang,
            name=u["name"],
            n=len(u["rows"]),
            rows=ranges(u["rows"]),
            message=u["message"],
        )
        for u in result.unknown_units
    ]
    if result.new_units:
        tail.append(new_units_line(result, lang))
    # the file's own warnings (a sheet left unread); the rows' are in the table
    warnings = [
        msg("imp_warning", lang, text=w)
        for w in result.warnings
        if getattr(w, "key", None) != "row_warning"
    ]
    if result.kind == "draft" and result.problems:
        # with the draft's lines; then what was not checked for them
        tail += [p.render(lang) for p in result.problems] + warnings
    elif result.kind == "dirtrack-json":
        tail += warnings
        tail.append(msg("imp_would_json", lang, **_summary(result, lang, done=False)))
    else:
        tail += warnings
        tail.append(msg("imp_would", lang, **_summary(result, lang, done=False)))
    print_lines(tail)


def imported_rows(result: ImportResult, fmt: OutputFormat, lang: str) -> None:
    """A real import's JSON or CSV on stdout when asked, printed before it is written (so that
    a stdout that cannot take it leaves the register as it was); :func:`imported` follows."""
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump

        out(dump(result.as_dict(with_rows=True, lang=lang)))
    elif fmt is OutputFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        sys.stdout.write(
            dump_records(
                [{k: v for k, v in r.as_dict(lang).items() if k != "problems"} for r in result.rows]
            )
        )


def imported(result: ImportResult, lang: str) -> None:
    """After a real import: its summary on stderr."""
    _sheets_passed_over(result, lang)
    err(msg("imp_done", lang, **_summary(result, lang, done=True)))
    if result.new_units:
        err(new_units_line(result, lang))
    for warning in result.warnings[:SHOWN_WARNINGS]:
        err(msg("imp_warning", lang, text=warning))
    if len(result.warnings) > SHOWN_WARNINGS:
        err(msg("imp_more", lang, n=len(result.warnings) - SHOWN_WARNINGS))
