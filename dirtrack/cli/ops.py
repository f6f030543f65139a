"""`remind`, `history`, `undo`, `config`, `doctor`, `completion`: running unattended."""

import os
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    AsOfOpt,
    CheckOpt,
    FieldsOpt,
    FormatOpt,
    StaleOpt,
    UnitFilterOpt,
    YesOpt,
    bad_parameter,
    check_overdue,
    confirm,
    field_list,
    fields_option,
    optional_day,
    positive_id,
    state,
    today,
    unit_of_work,
)
from dirtrack.errors import DirtrackError, InvalidInput, NotFound
from dirtrack.i18n import Composed, Entity, msg, t
from dirtrack.records import (
    Record,
    change_keys,
    change_listing_record,
    command_keys,
    command_record,
)
from dirtrack.remind import STALE_AFTER, WITHIN
from dirtrack.render import OutputFormat, err, out
from dirtrack.render import ops as views


@app.command("remind")
def remind(
    ctx: typer.Context,
    *,
    within: Annotated[
        int,
        typer.Option(help="Remind of deadlines up to DAYS days ahead.", metavar="DAYS"),
    ] = WITHIN,
    working_days: Annotated[
        bool,
        typer.Option(
            "--working-days",
            help="Count --within in working days (weekends, holidays, Tết and the office's "
            "days off skipped).",
        ),
    ] = False,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    stale_after: StaleOpt = STALE_AFTER,
    check: CheckOpt = False,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: FieldsOpt = None,
) -> None:
    """Per unit, what is overdue and what falls due within DAYS: plain text for a cron mail.

    Nothing to remind prints nothing on stdout (so cron sends no mail) and a note on stderr.

    Example: dirtrack --lang vi remind --within 7 --unit VPTU
    """
    from dirtrack.cli.common import ensure_occurrences
    from dirtrack.holders import facts_held
    from dirtrack.remind import build_reminders, check_days, is_due_soon, reminder_items
    from dirtrack.status import Status
    from dirtrack.store.history import last_touched
    from dirtrack.store.units import UnitIndex

    check_days(within, "--within")
    check_days(stale_after, "--stale-after")
    if working_days:  # a count of working days has its own limit, said of the option given
        from dirtrack.workdays import MAX_WORKING_DAYS

        if within > MAX_WORKING_DAYS:
            raise InvalidInput.of("bad_working_within", max=MAX_WORKING_DAYS, value=within)
    chosen = field_list(fields)
    day = optional_day(as_of, "--as-of") or today()
    ensure_occurrences(ctx, day)
    until = None
    with unit_of_work(ctx) as session:
        if working_days:
            from dirtrack.store.calendar import load_workdays

            calendar = load_workdays(session.connection())
            calendar.check(day)
            from dirtrack.workdays import counted_from

            with counted_from("--as-of", day, f" (--within {within} --working-days)"):
                until = calendar.add(day, within)
        unit_ids = None
        if unit:
            index = UnitIndex.load(session)
            unit_ids = sorted(index.descendants(index.resolve(unit).id or 0))
        facts = [
            f
            for f in facts_held(session, day, unit_ids, open_only=True)
            if f.status(day) is Status.OVERDUE or is_due_soon(f, day, within, until)
        ]
        touched = last_touched(session.connection(), [f.id for f in facts])
        reminders = build_reminders(
            facts, as_of=day, within=within, stale_after=stale_after, touched=touched, until=until
        )
        lang = state(ctx).lang
        # shown before the occurrences made for it are committed (cli.common.ensure_occurrences):
        # a --fields that names nothing, or a stdout that fails, leaves the register as it was
        views.remind(
            reminders, reminder_items(reminders), fmt, lang, fields=chosen, zone=state(ctx).zone()
        )
    if not reminders["units"] and fmt is OutputFormat.TABLE:
        from dirtrack.render.ops import remind_key

        err(msg(remind_key("none", within, working_days), lang, n=within, date=day))
    check_overdue(check, reminders["totals"]["overdue"], day, lang)


# --- history and undo --------------------------------------------------------------------------


def _every_change(table: str) -> Composed:
    """The help of ``history``'s option of a record of ``table``: one sentence for each, the
    record named as ``history`` names it (:class:`dirtrack.i18n.Entity`)."""
    return Composed("Every change to this {record}.", record=Entity(table))


@app.command("history")
def history(
    ctx: typer.Context,
    directive_id: Annotated[
        int | None,
        typer.Argument(metavar="[ID]", help="A directive: every change to it, oldest first."),
    ] = None,
    *,
    meeting: Annotated[
        int | None, typer.Option(help=_every_change("meeting"), metavar="ID")
    ] = None,
    limitation: Annotated[
        int | None, typer.Option(help=_every_change("limitation"), metavar="ID")
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help=_every_change("unit"))] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Only commands run by this actor.", metavar="NAME")
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            help="How many commands, newest first (0: all); with ID, --meeting, --limitation "
            "or --unit, the changes of its latest N commands (default: all).",
            metavar="N",
        ),
    ] = 20,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("id,at,actor,command"),
    ] = None,
) -> None:
    """Show who changed what and when: the latest commands, or every change to one item.

    Example: dirtrack history 7    (directive 7: created, progress, extended, completed…)
    """
    from dirtrack.store import history as log
    from dirtrack.text import clean_text, is_blank, name_text

    chosen = field_list(fields)
    if by is not None:  # in the form --actor is stored in: typed decomposed, it is found
        # a control character is refused as in --actor (it matched no one, and said nothing)
        by = name_text(clean_text(by, "--by"))
        if is_blank(by):  # a zero-width space alone named no one and listed nothing, exit 0
            from dirtrack.i18n import Field

            raise InvalidInput.of("blank_text", field=Field("--by"), option="--by")
    targets = [x for x in (directive_id, meeting, limitation, unit) if x is not None]
    if len(targets) > 1:
        raise bad_parameter(
            ctx,
            "one_history_target",
            "ID",
            among=("directive_id", "--meeting", "--limitation", "--unit"),
        )
    log.check_limit(limit)
    lang = state(ctx).lang
    with unit_of_work(ctx) as session:
        if not targets:
            commands = log.recent_commands(session, limit=limit or None, actor=by)
            records = [command_record(c, log.command_changes(session, c)) for c in commands]
            view = _history_view(ctx, session)
            views.history_commands(records, fmt, lang, fields=chosen, view=view, keys=command_keys)
            return
        parts, ident, title = _history_target(session, directive_id, meeting, limitation, unit)
        changes = log.changes_of(session, parts, ident)
        if not changes:
            _must_exist(session, parts, ident)
        owners = log.command_of(session, [c.id for c in changes])
        view = _history_view(ctx, session)
        named = log.actors_named(session, by) if by is not None else set()
    changes = [c for c in changes if by is None or c.actor in named]
    if limit and _typed(ctx, "limit"):  # the changes of its latest N commands, oldest first
        latest = sorted({o.id for c in changes if (o := owners.get(c.id)) is not None})[-limit:]
        changes = [c for c in changes if (o := owners.get(c.id)) is not None and o.id in latest]
    records = [change_listing_record(change, owners.get(change.id)) for change in changes]
    views.history_changes(
        records,
        fmt,
        lang,
        title=f"{t('history', lang)}: {title}",
        fields=chosen,
        view=view,
        keys=change_keys,
    )


def _typed(ctx: typer.Context, name: str) -> bool:
    """Whether the option ``name`` was given for this run (typed, or by its environment
    variable), not left to its default or the configuration file's."""
    from typer._click.core import ParameterSource

    return ctx.get_parameter_source(name) in (
        ParameterSource.COMMANDLINE,
        ParameterSource.ENVIRONMENT,
    )


def _history_view(ctx: typer.Context, session: Any) -> views.HistoryView:
    """Unit and field codes and leaders' names by id (retired units too) and the zone the
    times are shown in."""
    from dirtrack.store.fields import all_fields, leader_names
    from dirtrack.store.history import former_names
    from dirtrack.store.units import unit_codes

    conn = session.connection()
    # those an undo or a deletion took away since are said as the log last wrote them
    units = {**former_names(conn, "unit", "code"), **unit_codes(session)}
    fields = {**former_names(conn, "field", "code")}
    fields.update({i: code for i, code, _ in all_fields(session)})
    return views.HistoryView(
        units=units,
        zone=state(ctx).zone(),
        fields=fields,
        leaders={**former_names(conn, "leader", "name"), **leader_names(session)},
    )


def _history_target(
    session: Any,
    directive_id: int | None,
    meeting: int | None,
    limitation: int | None,
    unit: str | None,
) -> tuple[dict[str, str], int, str]:
    from dirtrack.store import history as log
    from dirtrack.store.units import UnitIndex

    if directive_id is not None:
        return log.DIRECTIVE_PARTS, positive_id(directive_id, "directive"), f"#{directive_id}"
    if meeting is not None:
        return log.MEETING_PARTS, positive_id(meeting, "meeting"), f"meeting {meeting}"
    if limitation is not None:
        return (
            log.LIMITATION_PARTS,
            positive_id(limitation, "limitation"),
            f"limitation {limitation}",
        )
    assert unit is not None
    found = UnitIndex.load(session).resolve(unit)
    assert found.id is not None
    return log.UNIT_PARTS, found.id, found.code


def _must_exist(session: Any, parts: dict[str, str], ident: int) -> None:
    """No history: fine for an item recorded before history was kept, an error for none at all."""
    from dirtrack.store.directives import get_directive
    from dirtrack.store.limitations import get_limitation
    from dirtrack.store.meetings import get_meeting

    if "directive" in parts:
        get_directive(session, ident)
    elif "meeting" in parts:
        get_meeting(session, ident)
    elif "limitation" in parts:
        get_limitation(session, ident)


class _DryRun(Exception):
    """Raised inside the unit of work so that a dry run rolls back."""


@app.command("undo")
def undo(
    ctx: typer.Context,
    change_id: Annotated[
        int | None,
        typer.Argument(
            metavar="[CHANGE_ID]",
            help="A command's id from `history` (or one of its changes): undo that command, "
            "whoever ran it. Default: your own last command.",
        ),
    ] = None,
    *,
    count: Annotated[
        int,
        typer.Option("--count", "-n", help="Undo your last N commands, newest first.", metavar="N"),
    ] = 1,
    yes: YesOpt = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be undone; write nothing.")
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Revert your last command (the actor's: --actor, DIRTRACK_ACTOR, else the OS user).

    With CHANGE_ID, the command `history` shows with that id, whoever ran it. It refuses when
    a later command touched the same records, and names it. At a terminal it shows what it
    will revert and asks; without one it needs --yes. The database returns exactly to its
    earlier state; the undo is itself recorded. An undo is never undone: run the command again.

    Example: dirtrack history --by lan --limit 3 && dirtrack undo --yes
    """
    from dirtrack.audit import default_actor

    if change_id is not None and count != 1:
        raise bad_parameter(ctx, "undo_id_or_count", "--count", among=("change_id", "--count"))
    ids = [positive_id(change_id, "change")] if change_id is not None else None
    actor = None if ids is not None else (state(ctx).actor or default_actor())
    lang = state(ctx).lang

    def show(records: list[Record]) -> None:
        if fmt is OutputFormat.JSON:
            from dirtrack.render.json_out import dump

            out(dump(records))
        elif fmt is OutputFormat.CSV:
            from dirtrack.render.csv_out import dump_records

            rows = [{k: v for k, v in r.items() if k != "changes"} for r in records]
            out(dump_records(rows))

    if dry_run or not yes:
        records, view = _undo(ctx, count, actor, ids, write=False)
        if not dry_run:
            confirm(ctx, yes, [_undo_line("undo_will", r, lang, view) for r in records])
            ids = [r["id"] for r in records]
            records, view = _undo(ctx, count, actor, ids, write=True, show=show)
    else:
        records, view = _undo(ctx, count, actor, ids, write=True, show=show)
    for record in records:
        err(_undo_line("undo_dry" if dry_run else "undone", record, lang, view))
    if dry_run:
        show(records)


def _undo(
    ctx: typer.Context,
    count: int,
    actor: str | None,
    ids: list[int] | None,
    *,
    write: bool,
    show: Callable[[list[Record]], None] | None = None,
) -> tuple[list[Record], views.HistoryView]:
    """Undo in one unit of work; ``write=False`` rolls it back (a dry run, or the check and
    preview before asking), having found every reason to refuse. With the records, the view
    that says them as ``history`` does: unit codes as they were before and after. ``show``
    prints the records undone before the undo is written (cli.common.units_of_work)."""
    from dirtrack import audit

    try:
        return _undo_once(ctx, count, actor, ids, write=write, show=show, unchecked=False)
    except audit.ForeignKeysOn:  # the undo of `doctor --repair`: foreign keys off from BEGIN
        return _undo_once(ctx, count, actor, ids, write=write, show=show, unchecked=True)


def _undo_once(
    ctx: typer.Context,
    count: int,
    actor: str | None,
    ids: list[int] | None,
    *,
    write: bool,
    show: Callable[[list[Record]], None] | None,
    unchecked: bool,
) -> tuple[list[Record], views.HistoryView]:
    from dirtrack import audit

    records: list[Record] = []
    view = views.HistoryView()
    try:
        with unit_of_work(ctx, unchecked=unchecked) as session:
            before = _history_view(ctx, session)
            for item in audit.undo(session, count, actor=actor, ids=ids):
                records.append(command_record(item.command, list(item.changes)))
            after = _history_view(ctx, session)
            view = views.HistoryView(
                units={**before.units, **after.units},
                zone=after.zone,
                fields={**before.fields, **after.fields},
                leaders={**before.leaders, **after.leaders},
            )
            if not write:
                raise _DryRun
            if show is not None:
                show(records)
    except _DryRun:
        pass
    return records, view


def _undo_line(key: str, record: Record, lang: str, view: views.HistoryView) -> str:
    changes = view.summary(record, lang)
    return msg(key, lang, id=record["id"], command=record["command"], actor=record["actor"],
               changes=changes)  # fmt: skip


# --- config ------------------------------------------------------------------------------------

# Settings `config` always shows: (command path, option name).
KNOWN_SETTINGS = (
    ((), "db"),
    ((), "lang"),
    ((), "actor"),
    ((), "timezone"),
    (("report",), "cutoff"),
    (("remind",), "within"),
    (("remind",), "stale_after"),
    (("overdue",), "stale_after"),
)


def _source_name(ctx: Any, name: str) -> str:
    source = ctx.get_parameter_source(name)
    return {
        "COMMANDLINE": "option",
        "ENVIRONMENT": "env",
        "DEFAULT_MAP": "file",
    }.get(getattr(source, "name", ""), "default")


def _shown(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list | tuple):
        return [_shown(v) for v in value]
    return value


def _db_shown(value: str | None) -> str:
    from dirtrack.db import default_path

    if not value:
        return str(default_path())
    if "://" in value:
        from sqlalchemy.engine import make_url

        try:
            return make_url(value).render_as_string(hide_password=True)
        except Exception:
            return value
    from dirtrack.inputs import user_path

    return str(user_path(value))


def _env_shown(name: str) -> str | None:
    value = os.environ.get(name)
    return _db_shown(value) if name == "DIRTRACK_DB" and value else value


def _root_rows(ctx: typer.Context, loaded_path: Path) -> list[Record]:
    from dirtrack import config
    from dirtrack.audit import default_actor
    from dirtrack.i18n import locale_variable

    root = ctx.find_root()
    st = state(ctx)
    params = {p.name: p for p in root.command.params}
    rows: list[Record] = []
    named = os.environ.get(config.CONFIG_ENV, "").strip()
    rows.append(
        {
            "key": "config_file",
            "value": str(loaded_path),
            "source": "env" if named else "default",
            "origin": config.CONFIG_ENV if named else "",
        }
    )
    for name in ("db", "lang", "actor", "timezone"):
        source = _source_name(root, name)
        param = params[name]
        origin = ""
        if source == "env":
            origin = config.env_var(param) or ""
        elif source == "file":
            origin = str(loaded_path)
        elif source == "option":
            origin = "--" + name
        if name == "db":
            value: Any = _db_shown(st.db)
        elif name == "lang":
            value = st.lang
            if source == "default":
                var = locale_variable()
                origin = f"{var}={os.environ[var]}" if var else ""
        elif name == "actor":
            value = st.actor or default_actor()
            if source == "default":
                origin = "OS user"
        else:
            value = st.timezone or _machine_zone()
            if source == "default":
                origin = "TZ=" + os.environ["TZ"] if os.environ.get("TZ") else "machine"
        rows.append({"key": name, "value": value, "source": source, "origin": origin})
    return rows


def _machine_zone() -> str:
    """The machine's time zone: its name where the system says it, else its abbreviation."""

    if os.environ.get("TZ"):
        return os.environ["TZ"]
    link = Path("/etc/localtime")
    if link.is_symlink():
        target = str(link.resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    return datetime.now().astimezone().tzname() or "UTC"


def _command_rows(ctx: typer.Context, loaded: Any) -> list[Record]:
    """Each command's setting in effect, by the key that sets it in the file
    (``remind.stale-after``), from the file or the option's default."""
    from dirtrack import config

    root = ctx.find_root()
    wanted: list[tuple[tuple[str, ...], str]] = [k for k in KNOWN_SETTINGS if k[0]]

    def walk(table: dict[str, Any], path: tuple[str, ...]) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                walk(value, (*path, key))
            elif path and (path, key) not in wanted:
                wanted.append((path, key))

    walk(loaded.default_map, ())
    rows: list[Record] = []
    for path, name in wanted:
        command: Any = root.command
        for part in path:
            command = (getattr(command, "commands", None) or {}).get(part)
            if command is None:
                break
        if command is None:
            continue
        param = next((p for p in command.params if p.name == name), None)
        if param is None:
            continue
        stored: Any = loaded.default_map
        for part in path:
            stored = stored.get(part, {}) if isinstance(stored, dict) else {}
        if isinstance(stored, dict) and name in stored:
            row = {"value": _shown(stored[name]), "source": "file", "origin": str(loaded.path)}
        else:
            row = {"value": _shown(param.default), "source": "default", "origin": ""}
        rows.append({"key": ".".join((*path, config.long_name(param))), **row})
    return rows


def _mail_rows(loaded: Any) -> list[Record]:
    """The ``[mail]`` settings of ``pack out --mail``; the password itself is never shown."""
    from dirtrack.mail import DEFAULT_PORTS, KEYS

    table = loaded.table("mail")
    defaults: dict[str, Any] = {"security": "none"}
    defaults["port"] = DEFAULT_PORTS.get(str(table.get("security", "none")), 25)
    rows: list[Record] = []
    for key in KEYS:
        if key in table:
            row = {"value": table[key], "source": "file", "origin": str(loaded.path)}
        else:
            row = {"value": defaults.get(key), "source": "default", "origin": ""}
        rows.append({"key": f"mail.{key}", **row})
    return rows


def _risk_rows(loaded: Any) -> list[Record]:
    """The ``[risk]`` thresholds the colours are judged by, from the file or the default."""
    from dataclasses import fields as dataclass_fields

    from dirtrack import risk

    # the file may write a key with - or _ (risk.rules_from reads both)
    table = {key.replace("-", "_"): value for key, value in loaded.table("risk").items()}
    rows: list[Record] = []
    for spec in dataclass_fields(risk.RiskRules):
        if spec.name in table:
            row = {"value": table[spec.name], "source": "file", "origin": str(loaded.path)}
        else:
            row = {"value": getattr(risk.DEFAULT, spec.name), "source": "default", "origin": ""}
        rows.append({"key": "risk." + spec.name.replace("_", "-"), **row})
    return rows


@app.command("config")
def config_cmd(
    ctx: typer.Context,
    *,
    path: Annotated[
        bool, typer.Option("--path", help="Print only where the configuration file is.")
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("key,value,source"),
    ] = None,
) -> None:
    """Show the settings in effect and where each comes from: option, environment, file, default.

    The file is config.toml in the user config folder (or $DIRTRACK_CONFIG): a value for each
    global option, a table of defaults per command, and [mail], the SMTP server of
    `pack out --mail`: host, port, security (none, starttls, tls), user, password_env (the
    variable holding the password) or password_file, sender. DIRTRACK_DB, DIRTRACK_LANG and
    DIRTRACK_ACTOR override the file; options override both. No other variable is read.
    """
    from typer._click.core import ParameterSource

    from dirtrack import config

    if path:  # only the file's place, as it is: a --format or --fields typed with it is refused
        for name, option in (("fmt", "--format"), ("fields", "--fields")):
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                raise bad_parameter(ctx, "config_path_alone", option)
    loaded = config.load(ctx.find_root().command)
    if path:
        out(str(loaded.path))
        return
    rows = _root_rows(ctx, loaded.path) + _command_rows(ctx, loaded) + _mail_rows(loaded)
    rows += _risk_rows(loaded)
    lang = state(ctx).lang
    shown = str(loaded.path) + ("" if loaded.exists else f" {msg('config_none', lang)}")
    environment = [
        {"variable": name, "value": _env_shown(name), "meaning": t(meaning, lang)}
        for name, meaning in config.ENVIRONMENT
    ]
    views.config(rows, fmt, lang, path=shown, fields=field_list(fields), environment=environment)


# --- doctor ------------------------------------------------------------------------------------


@app.command("doctor")
def doctor(
    ctx: typer.Context,
    *,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Re-create, as placeholders keeping every row, the units, meetings, series and "
            "fields that rows point to but another program deleted (a limitation's: the link "
            "cleared), and remove a closure that copies another in every value; one change in "
            "history, which undo takes back.",
        ),
    ] = False,
    yes: YesOpt = False,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("check,status,detail"),
    ] = None,
) -> None:
    """Check the database: SQLite's integrity and foreign-key checks, the schema, permissions.

    Exits 1 when it finds a problem; warnings (journal mode, permissions, placeholders a repair
    made) do not fail it. With --repair, puts right a register whose rows point to records
    that are not there (it asks first; without a terminal it needs --yes).
    """
    from typer._click.core import ParameterSource

    if repair:  # a --format or --fields typed with it is refused
        for name, option in (("fmt", "--format"), ("fields", "--fields")):
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                raise bad_parameter(ctx, "doctor_repair_alone", option)
        _repair(ctx, yes)
        return
    if yes:
        raise bad_parameter(ctx, "doctor_yes_alone", "--yes")
    _check(ctx, fmt, fields)


def _repair(ctx: typer.Context, yes: bool) -> None:
    """``doctor --repair``: plan in a read, ask, then re-create in one unit of work."""
    from dirtrack.db import resolve_target
    from dirtrack.store.history import REPAIR
    from dirtrack.store.repair import Made, makes_placeholders, plan, repair

    lang = state(ctx).lang
    target = resolve_target(state(ctx).db)
    if target.path is not None and not target.path.exists():
        raise NotFound.of("no_database_at", path=target.path)

    def line(made: Made, done: bool = True) -> str:
        key = f"repair_{made.table}" if done else f"repair_{made.table}_will"
        return msg(
            key, lang, id=made.id, code=made.code, day=made.day, source=made.day_from, n=made.rows,
            directive=made.directive, first=made.first, retired=made.retired, heir=made.heir,
        )  # fmt: skip

    with unit_of_work(ctx, write=False, damaged=True) as session:
        planned = plan(session)
    if not planned:  # PostgreSQL: only a copied closure, foreign keys being enforced
        key = "repair_nothing" if target.is_sqlite else "repair_enforced"
        err(msg(key, lang, db=target.display))
        return
    confirm(ctx, yes, [line(made, done=False) for made in planned])
    with unit_of_work(ctx, write=True, name=REPAIR, damaged=True) as session:
        made = repair(session, lang)
    for item in made:
        err(line(item))
    done = "repair_done" if makes_placeholders(made) else "repair_settled"
    err(msg(done, lang, db=target.display, n=len(made)))


def _unreadable_as_any(conn: Any, target: Any) -> None:
    """A database that cannot be read for a reason outside it is said once, not by each check
    in its own row as if the file were damaged (14 problems: "the device reported an
    input/output error", "another program is writing to it"): a disk too full for SQLite's
    index of its write-ahead log is refused as every command refuses it, and another
    program's lock that keeps readers out is one problem, the database's opening. A damaged
    file is left to the checks."""
    from sqlalchemy.exc import OperationalError

    from dirtrack.db import open_failure

    try:
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        if "database is locked" in reason:
            raise  # one row: the database could not be opened (doctor's own "open" check)
        failed = open_failure(target, reason)
        if failed.key == "disk_full_at":
            raise failed from None
    finally:
        conn.rollback()


def _check(ctx: typer.Context, fmt: OutputFormat, fields: str | None) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from dirtrack.db import (
        SCHEMA_REVISION,
        NotUtf8,
        make_engine,
        readable_target,
        resolve_target,
        server_reason,
        sqlite_reason,
        unusable_schema,
    )
    from dirtrack.i18n import Phrase
    from dirtrack.store.health import PROBLEM, WARNING, Check, Detail, run_checks

    chosen = field_list(fields)
    lang = state(ctx).lang
    target = resolve_target(state(ctx).db)
    if target.path is not None and not target.path.exists():
        raise NotFound.of("no_database_at", path=target.path)
    engine = make_engine(readable_target(target))
    try:
        with engine.connect() as conn:
            hidden = None if target.is_sqlite else unusable_schema(conn)
            if hidden is not None:
                # its tables are not seen: every check would say what is not so of them
                denied = Detail(Phrase("w_pg_denied_on", name=hidden))
                checks = [Check("open", PROBLEM, denied)]
            else:
                if target.is_sqlite:
                    _unreadable_as_any(conn, target)
                checks = run_checks(conn, expected_revision=SCHEMA_REVISION, path=target.path)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        # in the catalog's words where it is one of the reasons every command says so
        said = sqlite_reason(reason) if target.is_sqlite else server_reason(reason)
        checks = [Check("open", PROBLEM, said if isinstance(said, str) else Detail(said))]
    except NotUtf8 as exc:
        checks = [Check("open", PROBLEM, Detail(exc.phrase()))]
    except UnicodeDecodeError:  # SQLite's message quoting a damaged schema's bytes
        checks = [Check("open", PROBLEM, Detail(sqlite_reason("database disk image is malformed")))]
    finally:
        engine.dispose()
    # the detail is for people, in their language whatever the format; check and status are
    # codes, English in JSON and CSV
    rows = [c.as_dict(lang) for c in checks]
    title = f"{t('doctor_title', lang)}: {target.display}"
    views.doctor(rows, fmt, lang, title=title, fields=chosen)
    problems = sum(1 for c in checks if c.status == PROBLEM)
    if problems:
        raise DirtrackError(msg("doctor_failed", lang, db=target.display, n=problems))
    # a warning (a series that ends before it starts, a text too long) is counted, so that
    # whoever reads stderr alone (a cron mail) is not told all is well without a word of it
    warnings = sum(1 for c in checks if c.status == WARNING)
    if warnings:
        err(msg("doctor_warned", lang, db=target.display, n=warnings))
    else:
        err(msg("doctor_ok", lang, db=target.display))


# --- completion --------------------------------------------------------------------------------


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


@app.command("completion")
def completion(
    shell: Annotated[
        Shell, typer.Argument(metavar="SHELL", case_sensitive=False, help="bash, zsh or fish.")
    ],
) -> None:
    """Print the completion script for SHELL.

    - bash: eval "$(dirtrack completion bash)" in ~/.bashrc;
    - zsh: dirtrack completion zsh > "${fpath[1]}/_dirtrack";
    - fish: dirtrack completion fish > ~/.config/fish/completions/dirtrack.fish
    """
    from typer._completion_shared import get_completion_script

    out(get_completion_script(prog_name="dirtrack", complete_var="_DIRTRACK_COMPLETE", shell=shell))
