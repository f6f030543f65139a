"""How each kind of record looks to people: columns, the directive card, the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dirtrack.i18n import (
    TEXT,
    FirstFew,
    category_label,
    code_label,
    day,
    kind_label,
    status_label,
    t,
)
from dirtrack.records import (
    Record,
    directive_keys,
    limitation_keys,
    meeting_keys,
    unit_keys,
)
from dirtrack.render import Column, Listing, OutputFormat, emit, labelled, visible

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
    if r.get("completed_on_exact") is False:  # done by the day a sheet was up to
        label += " (" + t("done_by", lang, day=day(r.get("completed_on"), lang)) + ")"
    return f"! {label}" if r["status"] == "overdue" else label


def _completed(r: Record, lang: str) -> str:
    if r.get("completed_on_exact") is False:
        return t("done_by", lang, day=day(r.get("completed_on"), lang))
    return day(r.get("completed_on"), lang)


def _progress(r: Record, lang: str) -> str:
    return "" if r.get("progress") is None else f"{r['progress']}%"


def extended_from_none(r: Record) -> bool:
    """Whether the deadline in force of ``r`` was set by an extension of a directive given no
    deadline at the meeting: its day is then not the day it was given."""
    return bool(r.get("due") and not r.get("original_due") and r.get("extensions"))


def _due(r: Record, lang: str) -> str:
    due = day(r.get("due"), lang)
    if r.get("original_due") and r.get("due") != r.get("original_due"):
        due += f" ({day(r['original_due'], lang)})"
    elif extended_from_none(r):
        due += f" ({t('due_none_at_first', lang)})"
    return due


def _retired(r: Record, lang: str) -> str:
    if not r.get("retired_on"):
        return ""
    return f"{day(r['retired_on'], lang)} → {r.get('successor') or ''}".rstrip()


def _contacts(r: Record, lang: str) -> str:
    shown = []
    for contact in r.get("contacts") or []:
        email = f" <{contact['email']}>" if contact.get("email") else ""
        shown.append(f"{contact['name']}{email}")
    return "; ".join(shown)


# Each listing's columns, with how they give way in a narrow window (Column: ``priority`` 0
# always stays, the highest number goes first; ``wrap`` columns wrap between words and keep at
# least ``min_width``). The README lists what goes first.
UNIT_COLUMNS = [
    Column("code", "code", priority=0),
    Column("name", "name", wrap=True, priority=0, min_width=16),
    Column("retired_on", "unit_retired", _retired, priority=1),
    Column("parent", "parent", priority=1),
    Column("aliases", "aliases", wrap=True, priority=2, min_width=16),
    Column("contacts", "contacts", _contacts, wrap=True, priority=3, min_width=16),
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
    Column(
        "risk",
        "risk",
        lambda r, lang: t(f"risk_{r['risk']}", lang) if r.get("risk") else "",
        priority=5,
    ),
    Column("meeting_id", "meeting", justify="right", priority=4),
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
        parts.append(f"— {code_label('verdict_', result['verdict'], lang)}")
    if result.get("accepted_on"):
        parts.append(f"— {t('accepted_on', lang)} {day(result['accepted_on'], lang)}")
    elif result.get("returned_on"):
        parts.append(f"— {t('returned_on', lang)} {day(result['returned_on'], lang)}")
    return " ".join(parts)


REQUEST_COLUMNS = [
    Column("id", "id", justify="right", priority=0),
    Column("directive_id", "directive_short", justify="right", priority=0),
    Column("unit", "unit_short", priority=0),
    Column("kind", "kind", lambda r, lang: code_label("req_kind_", r["kind"], lang), priority=1),
    Column("asked_on", "asked_on", _date("asked_on"), priority=2),
    Column("to", "due", _date("to"), priority=0),
    Column("reason", "reason", wrap=True, priority=3, min_width=12),
    Column(
        "status",
        "status",
        lambda r, lang: code_label("req_", r["status"], lang),
        wrap=True,
        priority=0,
    ),
    Column(  # "yes" where it was asked late (as --fields shows a yes or no), blank where not
        "asked_late",
        "asked_late",
        lambda r, lang: labelled("asked_late", True, lang) if r["asked_late"] else "",
        priority=2,
    ),
    Column("decision_doc", "doc", priority=4),
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


def _request_keys() -> Sequence[str]:
    from dirtrack.report.extras import listed_request_keys

    return listed_request_keys()


units = Listing(UNIT_COLUMNS, unit_keys)
meetings = Listing(MEETING_COLUMNS, meeting_keys)
directives = Listing(DIRECTIVE_COLUMNS, directive_keys, highlight=directive_style)
limitations = Listing(LIMITATION_COLUMNS, limitation_keys)
requests = Listing(REQUEST_COLUMNS, _request_keys)


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
            _with_words(_due(record, lang), record.get("due"), record["due_phrase"], "  "),
        ),
        (t("product", lang), record["product"] or ""),
        (t("status", lang), _status(record, lang)),
        (t("progress", lang), _progress(record, lang)),
        (t("completed_on", lang), _completed(record, lang)),
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
    card.add_column("", no_wrap=True)
    card.add_column("", overflow="fold")
    card.show_header = False
    for label, value in fields:
        style = directive_style(record) if label == t("status", lang) else None
        # The record's own words: never markup, never a raw control character.
        card.add_row(label, Text(visible(value)), style=style)
    headers = [t(column.header, lang) for column in EVENT_COLUMNS]
    rows = [[column.cell(event, lang) for column in EVENT_COLUMNS] for event in record["history"]]
    history = fitted_table(
        t("history", lang), EVENT_COLUMNS, headers, rows, width=console().width, lang=lang
    )
    print_renderables([card, history])


def _event(event: str, lang: str) -> str:
    """An event of ``show`` in words; a request's whose kind or decision another program typed
    in (none of dirtrack's) with the code as stored, quoted."""
    if "ev_" + event in TEXT or not event.startswith("request_"):
        return t("ev_" + event, lang)
    return t("ev_request_code", lang, code=code_label("", event.removeprefix("request_"), lang))


def _due_words(r: Record, lang: str) -> str:
    """The deadline an event of ``show`` set, with the words it was given in (``30/9/2022
    «Quý III/2022»``), as the card shows the deadline in force."""
    shown = day(r.get("due"), lang)
    return _with_words(shown, r.get("due"), r.get("due_text")) if shown else shown


def _with_words(shown: str, due: str | None, words: str | None, gap: str = " ") -> str:
    """A deadline as shown, with the words it was given in (``30/9/2022 «Quý III/2022»``),
    unless they only repeat its day (``--to 31/12/2022``, in any form a DATE is read in)."""
    if not words:
        return shown
    from dirtrack.errors import DirtrackError
    from dirtrack.periods import parse_date

    try:
        same = due is not None and parse_date(words).isoformat() == due
    except DirtrackError:
        same = False
    return shown if same else f"{shown}{gap}«{words}»"


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
    Column(
        "event",
        "status",
        lambda r, lang: _event(r["event"] + ("_accepted" if r.get("accepted") else ""), lang),
        wrap=True,
        priority=0,
    ),
    Column("due", "due", _due_words, wrap=True, priority=1),
    Column(
        "percent",
        "progress",
        lambda r, lang: "" if r.get("percent") is None else f"{r['percent']}%",
        priority=2,
    ),
    Column("note", "note", lambda r, lang: r.get("note") or "", wrap=True, priority=0),
]


def _rule(r: Record, lang: str) -> str:
    """When each occurrence falls due: ``ngày 20``, ``+5``, or the NĐ 09 cut-off (the 14th)."""
    if r.get("day") is not None:
        return f"{t('series_day', lang)} {r['day']}"
    if r.get("offset") is not None:
        return f"+{r['offset']}"
    return "NĐ 09"


def _span(r: Record, lang: str) -> str:
    start, end = r.get("from"), r.get("until")
    if start and end and str(end) < str(start):  # ISO days; an older dirtrack took such a series
        return t("series_span_reversed", lang, start=day(start, lang), end=day(end, lang))
    return f"{day(start, lang)}–{day(end, lang) if end else '…'}"


SERIES_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("unit", "unit_short"),
    Column("text", "text", wrap=True),
    Column("every", "every", lambda r, lang: code_label("every_", r["every"], lang)),
    Column("day", "series_rule", _rule),
    Column("from", "series_span", _span),
]


def _period(r: Record, lang: str) -> str:
    """An occurrence's period as the language names it: ``tháng 10/2022``, ``Q4 2022``."""
    from dirtrack.periods import span_title

    return span_title(str(r.get("period") or ""), lang)


OCCURRENCE_COLUMNS = [
    Column("id", "id", justify="right"),
    Column("period", "period", _period),
    Column("due", "due", _date("due")),
    Column("status", "status", _status, wrap=True),
    Column("progress", "progress", _progress, justify="right"),
    Column("completed_on", "completed_on", _date("completed_on")),
]

CALENDAR_COLUMNS = [
    Column("date", "date", _date("date"), priority=0),
    Column(
        "off",
        "day_kind",
        lambda r, lang: t("day_off" if r["off"] else "day_worked", lang),
        priority=0,
    ),
    Column("note", "note", wrap=True),  # a clerk's words: wrapped, never left out for width
]


series_listing = Listing(SERIES_COLUMNS)


def series_card(
    record: Record,
    fmt: OutputFormat,
    lang: str,
    *,
    keys: Callable[[], Sequence[str]] | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    """``series show``: the series' rule, then one row per occurrence (CSV: the occurrences,
    headed by ``keys``, an occurrence's keys; JSON: the whole record). ``fields`` are the
    occurrences' keys shown."""
    if fmt is not OutputFormat.TABLE:
        whole = lambda occurrences: {**record, "occurrences": occurrences}  # noqa: E731
        emit(
            record["occurrences"],
            OCCURRENCE_COLUMNS,
            fmt,
            lang,
            json_value=whole,
            keys=keys,
            fields=fields,
        )
        return
    every = code_label("every_", record["every"], lang)
    rule = f"{every}, {_rule(record, lang)}"
    title = f"#{record['id']} {record['unit']}: {record['text']} ({rule}; {_span(record, lang)})"
    emit(
        record["occurrences"],
        OCCURRENCE_COLUMNS,
        fmt,
        lang,
        title=title,
        highlight=directive_style,
        keys=keys,
        fields=fields,
    )


calendar_days = Listing(CALENDAR_COLUMNS)


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


def _pack_action_dry(r: Record, lang: str) -> str:
    """What a dry run would do: "to apply" rather than "applied"."""
    if r["action"] in ("applied", "took_unit"):
        return t(f"pk_act_{r['action']}_dry", lang)
    return _pack_action(r, lang)


def _pack_changes(r: Record, lang: str) -> str:
    said = []
    for change in r["changes"]:
        params = {k: v for k, v in change.items() if k != "what"}
        if "date" in params:
            params["date"] = day(params["date"], lang)
        key = "pk_ch_" + change["what"]
        if change["what"] == "asks" and params["request"] is None:
            # Recorded by a real reading of a row applied (this is a dry run); by none other.
            taken = r["action"] in ("applied", "took_unit")
            key = "pk_ch_asks_new" if taken else "pk_ch_asks_not"
            params = {"date": params["date"]}
        said.append(t(key, lang, **params))
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


def _packs_read_in(plans: Sequence[Any], lang: str) -> tuple[list[dict[str, Any]], list[Record]]:
    """``pack in``'s files (with their counts) and every answered row, as JSON shows them."""
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
                "requests": plan.requests(),
                "rows": shown,
            }
        )
    return files, rows


def packs_in(
    plans: Sequence[Any], fmt: OutputFormat, lang: str, *, dry_run: bool, day: Any
) -> None:
    """``pack in``: every answered row with what it did (or would do), on stdout; the summary
    per file is :func:`packs_in_summary`."""
    files, rows = _packs_read_in(plans, lang)
    value = {"dry_run": dry_run, "date": day.isoformat(), "files": files}
    columns = [
        Column("action", "imp_action", _pack_action_dry) if c.key == "action" and dry_run else c
        for c in PACK_IN_COLUMNS
    ]
    emit(rows, columns, fmt, lang, json_value=value if fmt is OutputFormat.JSON else None)


def packs_in_summary(
    plans: Sequence[Any], lang: str, *, dry_run: bool, prefer: str | None = None
) -> None:
    """``pack in``: a summary per file on stderr, said once the rows are out (:func:`packs_in`).
    With ``prefer`` unit, the conflicts left are those no ``--prefer`` settles for the unit:
    the hint names only what is left to try."""
    from dirtrack.i18n import clauses, msg
    from dirtrack.render import err

    files, _ = _packs_read_in(plans, lang)
    for info in files:
        counts = clauses(  # no "applied: 0"
            lang,
            ("pack_in_n_to_apply" if dry_run else "pack_in_n_applied", info["applied"]),
            ("pack_in_n_conflicts" if dry_run else "pack_in_n_conflicts_left", info["conflicts"]),
            ("pack_in_n_to_keep" if dry_run else "pack_in_n_kept", info["kept_office"]),
            ("pack_in_n_unchanged", info["unchanged"]),
            sep="; ",
        )
        key = ("pack_in_dry" if dry_run else "pack_in_done") if counts else "pack_in_blank"
        name = Path(info["file"]).name
        err(msg(key, lang, file=name, unit=info["unit"], counts=counts))
        if asked := info["requests"]:
            if dry_run:
                err(msg("pack_in_requests_dry", lang, file=name, n=len(asked)))
            else:
                ids = FirstFew(asked)
                err(msg("pack_in_requests", lang, file=name, n=len(asked), ids=ids))
    if any(info["conflicts"] for info in files):
        err(
            msg(
                "pack_in_conflicts_left_unit" if prefer == "unit" else "pack_in_conflicts_left",
                lang,
            )
        )


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


def packs_status(
    record: Record,
    fmt: OutputFormat,
    lang: str,
    *,
    keys: Callable[[], Sequence[str]] | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    """``pack status``: a row per unit (``keys``: the keys of one, the CSV header); JSON the
    whole record, its units with only the ``fields``."""
    emit(
        record["units"],
        PACK_STATUS_COLUMNS,
        fmt,
        lang,
        json_value=lambda units: {**record, "units": units},
        keys=keys,
        fields=fields,
    )


def office_profile(profile: Record, fmt: OutputFormat, lang: str) -> None:
    """``office``: the profile as a card for people, one object in JSON."""
    if fmt is not OutputFormat.TABLE:
        if fmt is OutputFormat.JSON:
            from dirtrack.render import out
            from dirtrack.render.json_out import dump

            out(dump(profile))
        else:
            emit([profile], [], fmt, lang)  # its recipients joined as every CSV list is
        return
    from rich.text import Text

    from dirtrack.render.table import new_table, print_renderables

    card = new_table(t("office_title", lang))
    card.add_column("")
    card.add_column("", overflow="fold")
    card.show_header = False
    for key, value in profile.items():
        if key == "kind":
            value = code_label("office_kind_", value, lang)
        elif key == "accepts_completions":
            value = t("office_yes" if value else "office_no", lang)
        elif key == "on_time_by":
            value = code_label("office_on_time_by_", value, lang)
        elif isinstance(value, list):
            value = "\n".join(value)
        card.add_row(t(f"office_{key}", lang), Text(visible(value or "")))
    print_renderables([card])
