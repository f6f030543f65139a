"""How ``remind``, ``overdue``'s follow-up, ``history``, ``config`` and ``doctor`` look.

``remind`` prints plain text whatever stdout is, because it is meant to be mailed: one section
per unit, one item a paragraph, stale items marked with ⚠.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from typing import Any

from dirtrack.i18n import (
    CATEGORY,
    KIND,
    TEXT,
    Count,
    Entry,
    clauses,
    code_label,
    day,
    msg,
    t,
    within_key,
)
from dirtrack.patterns import LazyPattern
from dirtrack.records import Record
from dirtrack.remind import followup_keys, reminder_item_keys
from dirtrack.render import Column, OutputFormat, emit, labelled, out, visible
from dirtrack.render.views import DIRECTIVE_COLUMNS, directive_style, extended_from_none

# --- remind and overdue ------------------------------------------------------------------------


def _last_update(r: Record, lang: str) -> str:
    if r.get("last_update") is None:
        return ""
    text = day(r["last_update"], lang)
    if r.get("days_since_update") is not None:  # --fields may have left it out
        text += f" ({r['days_since_update']})"
    return f"⚠ {text}" if r.get("stale") else text


FOLLOWUP_COLUMNS = [
    *DIRECTIVE_COLUMNS,
    Column("last_update", "last_update", _last_update, wrap=True, priority=3),
]


def _followup_style(record: Record) -> str | None:
    return "late" if record.get("stale") else directive_style(record)


def overdue_listing(
    records: Iterable[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    title: str | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    """The overdue list, with when each item was last updated; stale ones marked ⚠."""
    if fields is not None:
        from dirtrack.render import select_fields

        records = list(records)  # read more than once
        select_fields(records, FOLLOWUP_COLUMNS, fields, followup_keys())
    emit(
        records,
        FOLLOWUP_COLUMNS,
        fmt,
        lang,
        title=title,
        highlight=_followup_style,
        fields=fields,
        keys=followup_keys,
    )


def _item_lines(record: Record, lang: str, overdue: bool, zone: tzinfo | None = None) -> list[str]:
    mark = "⚠ " if record["stale"] else ""
    lines = [f"  {mark}#{record['id']}  {record['text']}"]
    facts = [msg("remind_due", lang, due=day(record["due"], lang))]
    if record.get("original_due") and record["original_due"] != record["due"]:
        facts[0] += f" ({msg('remind_original', lang, due=day(record['original_due'], lang))})"
    elif extended_from_none(record):
        facts[0] += f" ({t('due_none_at_first', lang)})"
    if overdue:
        facts.append(msg("remind_days_overdue", lang, n=record["days_overdue"]))
    elif record.get("days_left") == 0:
        facts.append(msg("remind_due_today", lang))
    else:
        facts.append(msg("remind_days_left", lang, n=record.get("days_left")))
    if record.get("progress") is not None:
        facts.append(msg("remind_progress", lang, p=record["progress"]))
    if record.get("with"):
        facts.append(msg("remind_with", lang, units=", ".join(record["with"])))
    if record.get("product"):
        facts.append(msg("remind_product", lang, product=record["product"]))
    lines.append("      " + "; ".join(facts))
    fresh = msg(
        "remind_last" if record["days_since_update"] else "remind_last_today",  # not "0 days ago"
        lang,
        date=day(record["last_update"], lang),
        event=t(f"ev_{record['last_update_event']}", lang).lower(),
        n=record["days_since_update"],
    )
    if record["stale"]:
        fresh += "  " + msg("remind_stale", lang, n=record["days_since_update"])
    lines.append("      " + fresh)
    if record.get("last_touched_by"):
        when = HistoryView(zone=zone).when({"at": record["last_touched_at"]}, lang)
        lines.append(
            "      " + msg("remind_touched", lang, who=record["last_touched_by"], when=when)
        )
    return lines


def remind_key(kind: str, within: int, working_days: bool) -> str:
    """The message that says what a reminder covers (``kind`` ``scope``) or that it found
    nothing (``none``): the day itself for ``--within 0``, else the days or working days."""
    if working_days and within:
        return f"remind_{kind}_working"
    return within_key(f"remind_{kind}", within)


def remind_text(reminders: Record, lang: str, zone: tzinfo | None = None) -> list[str]:
    """The reminder as mail-ready lines; empty when there is nothing to remind."""
    if not reminders["units"]:
        return []
    as_of = day(reminders["as_of"], lang)
    lines = [
        f"{t('remind_title', lang)} — "
        + msg(
            remind_key("scope", reminders["within"], reminders["working_days"]),
            lang,
            date=as_of,
            n=reminders["within"],
            until=day(reminders["until"], lang),
        ),
    ]
    for section in reminders["units"]:
        heading = f"{section['code']} — {section['name']}"
        lines += ["", heading, "=" * len(heading)]
        for kind, label in (("overdue", "overdue"), ("due_soon", "due_soon")):
            if section[kind]:
                lines.append(f"{t(label, lang)} ({len(section[kind])}):")
                for record in section[kind]:
                    lines += _item_lines(record, lang, kind == "overdue", zone)
    totals = reminders["totals"]
    found = clauses(
        lang, ("remind_overdue_n", totals["overdue"]), ("remind_due_n", totals["due_soon"])
    )
    stale = clauses(
        lang, ("remind_stale_n", totals["stale"]), days=Count("days", reminders["stale_after"])
    )
    said = "; ".join(p for p in (found, stale) if p)
    if said:  # no clause of a count of 0: "4 overdue directives; 4 with no update …"
        lines += ["", msg("remind_totals", lang, clauses=said)]
    return lines


def remind(
    reminders: Record,
    items: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    fields: Sequence[str] | None = None,
    zone: tzinfo | None = None,
) -> None:
    """JSON: the whole object (``--fields`` narrows each item); CSV: one row per item; else text."""
    if fields is not None:
        from dirtrack.render import select_fields

        # An unknown name is an error in any format, even when there is nothing to remind.
        select_fields(items, FOLLOWUP_COLUMNS, fields, reminder_item_keys())
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump

        if fields is not None:
            for section in reminders["units"]:
                for kind in ("overdue", "due_soon"):
                    section[kind] = [{f: r.get(f) for f in fields} for r in section[kind]]
        out(dump(reminders))
    elif fmt is OutputFormat.CSV:
        emit(items, FOLLOWUP_COLUMNS, fmt, lang, fields=fields, keys=reminder_item_keys)
    else:
        lines = [visible(line) for line in remind_text(reminders, lang, zone)]
        from dirtrack.render.table import is_plain

        if not is_plain():  # at a terminal, wrapped between words to the window
            from dirtrack.render.table import console

            lines = wrapped(lines, console().width)
        for line in lines:
            out(line)


def wrapped(lines: Sequence[str], width: int) -> list[str]:
    """``lines`` wrapped between words to ``width``, each continuation under its line's text."""
    import textwrap

    result: list[str] = []
    for line in lines:
        indent = line[: len(line) - len(line.lstrip())]
        result += textwrap.wrap(
            line,
            width=max(width, 20),
            subsequent_indent=indent + "    ",
            break_long_words=False,
            break_on_hyphens=False,
        ) or [line]
    return result


# --- history -----------------------------------------------------------------------------------

_QUIET = {"created_at"}
# Columns that hold a unit's id: people see the unit's code.
UNIT_FIELDS = frozenset({"unit_id", "parent_id", "successor_id"})
_ISO_DAY = LazyPattern(r"\d{4}-\d{2}-\d{2}")
# Columns that hold a code (a kind, a role, an answer): people see its words, as the listings
# say them. By table and column, the catalog table and the prefix of the code's key in it.
_CODED: dict[tuple[str, str], tuple[Mapping[str, Entry], str]] = {
    ("meeting", "kind"): (KIND, ""),
    ("limitation", "category"): (CATEGORY, ""),
    ("request", "kind"): (TEXT, "req_kind_"),
    ("request", "decision"): (TEXT, "req_"),
    ("series", "every"): (TEXT, "every_"),
    ("unit_contact", "role"): (TEXT, "contact_role_"),
    ("pack_item", "role"): (TEXT, "pk_"),
    ("directive_result", "verdict"): (TEXT, "verdict_"),
    ("office", "kind"): (TEXT, "office_kind_"),
    ("office", "on_time_by"): (TEXT, "office_on_time_by_"),
}


@dataclass(frozen=True)
class HistoryView:
    """What ``history`` needs beyond the records: unit and field codes and leaders' names by
    id, and the zone to show times in (None: the machine's own). ``whole``: values are never
    cut short (a CSV cell has room; a table's has not)."""

    units: Mapping[int, str] = field(default_factory=dict)
    zone: tzinfo | None = None
    fields: Mapping[int, str] = field(default_factory=dict)  # a field's code by its id
    whole: bool = False
    leaders: Mapping[int, str] = field(default_factory=dict)  # a leader's name by id

    def value(self, name: str, value: Any, lang: str, entity: str = "") -> str:
        coded = _CODED.get((entity, name))
        if coded is not None and isinstance(value, str):
            return code_label(coded[1], value, lang, coded[0])
        if isinstance(value, bool):  # the user's words, not Python's True
            return labelled(name, value, lang)
        if name in UNIT_FIELDS and isinstance(value, int):
            return self.units.get(value, f"#{value}")
        if name == "field_id" and isinstance(value, int):
            return self.fields.get(value, f"#{value}")
        if name == "leader_id" and isinstance(value, int):
            return self.leaders.get(value, f"#{value}")
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            return labelled(name, value, lang)
        if name in ("period", "period_label") and isinstance(value, str):  # quý III/2022
            from dirtrack.periods import span_title

            return span_title(value, lang)
        return _shown(value, self.whole)

    def when(self, r: Record, lang: str) -> str:
        """The change's UTC time in the chosen zone, to the minute, its day as the user's
        language writes days (``04/12/2026 08:29`` in Vietnamese)."""
        stamp = str(r.get("at") or "")
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            return stamp[:16].replace("T", " ")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        local = moment.astimezone(self.zone)
        return f"{day(local.date().isoformat(), lang)} {local:%H:%M}"

    def change_text(self, change: Record, lang: str) -> str:
        """``changed directive 7: completed on — → 2022-10-20`` in the user's language."""
        entity_name = change["entity"]
        entity = t(f"ent_{entity_name}", lang)
        ident = f" {change['entity_id']}" if change.get("entity_id") is not None else ""
        head = f"{t('act_' + change['action'], lang)} {entity}{ident}"
        image = change.get("after") or change.get("before") or {}
        if change["action"] == "update":
            parts = [
                f"{field_label(k, lang)}: {self.value(k, old, lang, entity_name)} → "
                f"{self.value(k, new, lang, entity_name)}"
                for k, (old, new) in change["fields"].items()
                if k not in _QUIET and not k.endswith("_key")
            ]
        else:
            parts = [
                f"{field_label(k, lang)}: {self.value(k, v, lang, entity_name)}"
                for k, v in image.items()
                if v is not None and k != "id" and k not in _QUIET and not k.endswith("_key")
            ]
        return head + (": " + ", ".join(parts) if parts else "")

    def summary(self, r: Record, lang: str) -> str:
        changes = r.get("changes") or []
        texts = [self.change_text(c, lang) for c in changes[:3]]
        if len(changes) > 3:
            texts.append(f"+{len(changes) - 3}")
        return "; ".join(texts)


def field_label(name: str, lang: str) -> str:
    """A column of the change log as people call it (``original_due``: original deadline)."""
    from dirtrack.i18n import Field

    return Field(name).render(lang)


def _shown(value: Any, whole: bool = False) -> str:
    if value is None:
        return "—"
    text = str(value).replace("\n", " ")
    return text if whole or len(text) <= 60 else text[:59] + "…"


def _command_label(r: Record, lang: str) -> str:
    return (
        f"#{r['command_id']} {r['command']}" if "command_id" in r else f"#{r['id']} {r['command']}"
    )


def _undone(r: Record, lang: str) -> str:
    return f"#{r['undone_by']}" if r.get("undone_by") else ""


def command_columns(view: HistoryView) -> list[Column]:
    return [
        Column("id", "id", justify="right", priority=0),
        Column("at", "when", view.when, priority=0),
        Column("actor", "actor", priority=2),
        Column("command", "command", priority=1),
        Column("changes", "changes", view.summary, wrap=True, priority=0, min_width=24),
        Column("undone_by", "undone_by", _undone, priority=3),
    ]


def change_columns(view: HistoryView) -> list[Column]:
    return [
        Column("at", "when", view.when, priority=0),
        Column("actor", "actor", priority=2),
        Column("command", "command", _command_label, priority=1),
        Column(
            "action",
            "changes",
            lambda r, lang: view.change_text(r, lang),
            wrap=True,
            priority=0,
            min_width=24,
        ),
        Column("undone_by", "undone_by", _undone, priority=3),
    ]


def history_commands(
    records: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    fields: Sequence[str] | None,
    view: HistoryView | None = None,
    keys: Callable[[], Sequence[str]] | None = None,
) -> None:
    view = view or HistoryView()
    if fmt is OutputFormat.CSV:
        # A CSV cell holds no list of objects: each change in the words of the table, whole.
        whole = replace(view, whole=True)
        records = [
            {**r, "changes": "; ".join(whole.change_text(c, lang) for c in r["changes"])}
            for r in records
        ]
    emit(
        records,
        command_columns(view),
        fmt,
        lang,
        title=t("history", lang),
        fields=fields,
        keys=keys,
    )


def history_changes(
    records: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    title: str,
    fields: Sequence[str] | None,
    view: HistoryView | None = None,
    keys: Callable[[], Sequence[str]] | None = None,
) -> None:
    emit(
        records,
        change_columns(view or HistoryView()),
        fmt,
        lang,
        title=title,
        fields=fields,
        keys=keys,
    )


# --- config and doctor -------------------------------------------------------------------------

# Where a default comes from, as `config --format json` gives it, and its words for people.
_ORIGINS = {"OS user": "cfg_origin_os_user", "machine": "cfg_origin_machine"}


def _origin(origin: str | None, lang: str) -> str:
    if origin in _ORIGINS:
        return t(_ORIGINS[origin], lang)
    return origin or ""


# At 80 columns every column stays: the source and where it comes from wrap between words,
# and a path (the value, or the file a setting comes from) is folded, rather than "From" left
# out beside the setting's 25 letters.
CONFIG_COLUMNS = [
    Column("key", "setting", priority=0),
    Column("value", "value", wrap=True, priority=0, fold_over=12),
    Column("source", "source", lambda r, lang: t(f"src_{r['source']}", lang), wrap=True),
    Column(
        "origin",
        "origin",
        lambda r, lang: _origin(r["origin"], lang),
        wrap=True,
        priority=2,
        fold_over=12,
    ),
]


ENVIRONMENT_COLUMNS = [
    Column("variable", "env_variable", priority=0),
    Column(
        "value",
        "value",
        lambda r, lang: t("env_not_set", lang) if r["value"] is None else r["value"],
    ),
    Column("meaning", "env_meaning", wrap=True, priority=0),
]


def config(
    rows: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    path: str,
    fields: Sequence[str] | None,
    environment: Sequence[Record] = (),
) -> None:
    """The settings; in a table, followed by the environment variables dirtrack reads."""
    emit(rows, CONFIG_COLUMNS, fmt, lang, title=f"{t('config_file', lang)}: {path}", fields=fields)
    if fmt is OutputFormat.TABLE and environment and fields is None:
        emit(environment, ENVIRONMENT_COLUMNS, fmt, lang, title=t("env_title", lang))


def _check_name(check: str, lang: str) -> str:
    """A check of ``doctor`` by its name for people (``integrity``: tính toàn vẹn), as
    ``restore`` names the check that failed; the JSON keeps the code."""
    from dirtrack.i18n import ERRORS, Phrase

    key = f"hc_name_{check}"
    return Phrase(key).render(lang) if key in ERRORS else check


DOCTOR_COLUMNS = [
    Column("check", "check", lambda r, lang: _check_name(r["check"], lang), priority=0),
    Column("status", "result", lambda r, lang: t(r["status"], lang), priority=0),
    Column("detail", "detail", wrap=True, priority=0, min_width=20),
]


def _doctor_style(record: Record) -> str | None:
    return {"problem": "overdue", "warning": "late"}.get(record["status"])


def doctor(
    rows: Sequence[Record],
    fmt: OutputFormat,
    lang: str,
    *,
    title: str,
    fields: Sequence[str] | None,
) -> None:
    emit(rows, DOCTOR_COLUMNS, fmt, lang, title=title, highlight=_doctor_style, fields=fields)
