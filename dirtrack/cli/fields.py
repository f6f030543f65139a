"""`field add|list|suggest`, `leader assign|list`: fields and who is in charge."""

from typing import Annotated

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    FormatOpt,
    day_or_today,
    field_list,
    fields_option,
    state,
    unit_of_work,
)
from dirtrack.i18n import msg
from dirtrack.records import charge_keys, charge_record, field_keys, field_record
from dirtrack.render import Column, OutputFormat, emit, err

field_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Fields (lĩnh vực) of directives: kinh tế, văn hóa – xã hội, nội chính…",
)
app.add_typer(field_app, name="field")

leader_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Leaders in charge of fields and units (phân công), from a day on.",
)
app.add_typer(leader_app, name="leader")


@field_app.command("add")
def field_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="Short code: KT, VHXH, NC, XDD.")],
    name: Annotated[str, typer.Argument(metavar="NAME", help="The field's name.")],
) -> None:
    """Register a field. Example: dirtrack field add VHXH "Văn hóa – xã hội\""""
    from dirtrack.store.fields import add_field

    with unit_of_work(ctx) as session:
        found = add_field(session, code, name)
        typer.echo(found.code)


@field_app.command("list")
def field_list_cmd(
    ctx: typer.Context,
    *,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("code,name"),
    ] = None,
) -> None:
    """List the fields."""
    from dirtrack.cli.common import read_only
    from dirtrack.store.fields import all_fields

    with read_only(ctx) as conn:
        records = [field_record(c, n) for _, c, n in all_fields(conn)]
    columns = [Column("code", "code"), Column("name", "field_name")]
    emit(records, columns, fmt, state(ctx).lang, fields=field_list(fields), keys=field_keys)


@field_app.command("suggest")
def field_suggest(
    ctx: typer.Context,
    *,
    apply: Annotated[
        bool, typer.Option("--apply", help="Set the suggested fields (one change in history).")
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("id,field,because"),
    ] = None,
) -> None:
    """Suggest a field for each directive without one, and say why; never set silently.

    From the drafting-unit suffix of the meeting's document (7565/VPCP-KGVX: the field coded
    KGVX), else from the field most of the lead unit's other directives have. --apply sets them.
    """
    from dirtrack.store.fields import suggest_fields, suggestion_keys

    lang = state(ctx).lang
    columns = [
        Column("id", "id", justify="right"),
        Column("unit", "unit_short"),
        Column("field", "field"),
        Column("because", "because", lambda r, lang: msg(f"because_{r['because']}", lang, **r)),
    ]
    with unit_of_work(ctx, write=apply) as session:
        found = suggest_fields(session, apply=apply)
        emit(found, columns, fmt, lang, keys=suggestion_keys, fields=field_list(fields))
    if apply:  # never "field set on 0 directives"
        err(msg("fields_set", lang, n=len(found)) if found else msg("fields_none", lang))


@leader_app.command("assign")
def leader_assign(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="The leader: Đ/c Nguyễn Văn A, PCT UBND.")
    ],
    *,
    field: Annotated[
        list[str] | None,
        typer.Option("--field", help="A field put in their charge (repeatable).", metavar="CODE"),
    ] = None,
    unit: Annotated[
        list[str] | None,
        typer.Option("--unit", "-u", help="A unit put in their charge (repeatable)."),
    ] = None,
    start: Annotated[str, typer.Option("--from", help="The first day in charge.", metavar="DATE")],
) -> None:
    """Put a leader in charge of fields and units from a day on (phân công).

    A later assignment of the same field or unit to someone else ends this one; the past is
    never rewritten. Example: dirtrack leader assign "Nguyễn Văn A" --field KT --from 1/1/2025
    """
    from dirtrack.store.fields import assign_leader
    from dirtrack.store.units import UnitIndex

    day = day_or_today(start, "--from")
    with unit_of_work(ctx) as session:
        index = UnitIndex.load(session)
        units = [(u.id or 0, u.code) for u in index.resolve_many(unit or [])]
        found = assign_leader(session, name, field_refs=field or [], units=units, start=day)
        shown = found.name
    err(msg("leader_assigned", state(ctx).lang, name=shown, date=day))


@leader_app.command("list")
def leader_list(
    ctx: typer.Context,
    *,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("leader,field,unit"),
    ] = None,
) -> None:
    """Who was in charge of which field or unit, from when until when."""
    from dirtrack.cli.common import read_only
    from dirtrack.i18n import day
    from dirtrack.records import iso
    from dirtrack.store.facts import load_units
    from dirtrack.store.fields import Charge

    with read_only(ctx) as conn:
        index = load_units(conn)
        rows = Charge.load(conn).assignments(conn)
    records = [
        charge_record(
            r["leader"],
            r["field"],
            index.code(r["unit_id"]) if r["unit_id"] else None,  # type: ignore[arg-type]
            iso(r["from"]),  # type: ignore[arg-type]
            iso(r["until"]),  # type: ignore[arg-type]
        )
        for r in rows
    ]
    records.sort(key=lambda r: (str(r["leader"]), r["from"] or "", str(r["field"] or r["unit"])))
    columns = [
        Column("leader", "leader"),
        Column("field", "field"),
        Column("unit", "unit_short"),
        Column("from", "from_day", lambda r, lang: day(r["from"], lang)),
        Column("until", "until_day", lambda r, lang: day(r["until"], lang)),
    ]
    emit(records, columns, fmt, state(ctx).lang, fields=field_list(fields), keys=charge_keys)
