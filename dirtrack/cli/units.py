"""`unit add`, `unit list`, `unit alias`, `unit rename`, `unit retire`, `unit contact`."""

from enum import StrEnum
from typing import Annotated

import typer

from dirtrack.cli.app import unit_app
from dirtrack.cli.common import (
    DateOpt,
    FormatOpt,
    event_day,
    field_list,
    fields_option,
    named_option,
    recorded_change,
    say_passed,
    state,
    unit_of_work,
)
from dirtrack.i18n import FirstFew, Phrase, msg, t
from dirtrack.records import unit_record
from dirtrack.render import OutputFormat, err, out, views
from dirtrack.render.json_out import dump

#: The unit `unit alias`, `unit rename` and `unit contact` change.
UnitArg = Annotated[str, typer.Argument(metavar="UNIT", help="The unit (code, name or alias).")]


@unit_app.command("add")
def unit_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", help="Short code, e.g. VPTU.")],
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="Full name, e.g. 'Văn phòng Tỉnh ủy'.")
    ],
    *,
    parent: Annotated[str | None, typer.Option(help="The unit this one belongs to.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Another name (repeatable).")] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Register a unit.

    Example: dirtrack unit add BTGTU "Ban Tuyên giáo Tỉnh ủy" --alias "Ban Tuyên giáo"
    """
    from dirtrack.store.units import UnitIndex, add_unit

    with unit_of_work(ctx) as session:
        unit = add_unit(session, code=code, name=name, parent=parent, aliases=alias or [])
        record = unit_record(UnitIndex.load(session).info(unit))
        out(dump(record) if fmt is OutputFormat.JSON else record["code"])


@unit_app.command("list")
def unit_list(
    ctx: typer.Context,
    *,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("code,name,parent"),
    ] = None,
) -> None:
    """List units."""
    from dirtrack.store.contacts import contacts_of
    from dirtrack.store.units import UnitIndex

    with unit_of_work(ctx) as session:
        contacts = contacts_of(session.connection())
        records = [
            unit_record(info, contacts.get(info.id, ()))
            for info in UnitIndex.load(session).all_info()
        ]

    views.units(records, fmt, state(ctx).lang, fields=field_list(fields))


@unit_app.command("alias")
def unit_alias(
    ctx: typer.Context,
    unit: UnitArg,
    alias: Annotated[
        str, typer.Argument(metavar="ALIAS", help="The other name, e.g. 'VP Tỉnh ủy'.")
    ],
) -> None:
    """Add another name a unit can be referred to by."""
    from dirtrack.store.units import add_alias

    with unit_of_work(ctx) as session:
        found = add_alias(session, unit, alias)
        code = found.code
        out(code)


@unit_app.command("rename")
def unit_rename(
    ctx: typer.Context,
    unit: UnitArg,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Its new name.")],
    *,
    code: Annotated[str | None, typer.Option(help="Its new code.")] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Give a unit its new name (and code); the old name and code stay as aliases.

    Example: dirtrack unit rename BTGTU "Ban Tuyên giáo và Dân vận Tỉnh ủy" --code BTGDVTU
    """
    from dirtrack.store.units import UnitIndex, rename_unit

    with unit_of_work(ctx) as session:
        found = rename_unit(session, unit, name, code=code)
        record = unit_record(UnitIndex.load(session).info(found))
        out(dump(record) if fmt is OutputFormat.JSON else record["code"])
    err(msg("renamed", state(ctx).lang, unit=record["code"], name=record["name"]))


@unit_app.command("retire")
def unit_retire(
    ctx: typer.Context,
    unit: Annotated[
        str, typer.Argument(metavar="UNIT", help="The unit that ceases (code, name or alias).")
    ],
    *,
    successor: Annotated[
        str, typer.Option("--successor", help="The unit that takes over its open directives.")
    ],
    on: DateOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Retire a unit: its open directives move to the successor, its history stays.

    Example: dirtrack unit retire BDVTU --successor BTGDVTU --date 1/7/2025
    """
    from dirtrack.records import unit_record
    from dirtrack.render.json_out import dump
    from dirtrack.store.contacts import contacts_of
    from dirtrack.store.units import UnitIndex, retire_unit

    # Its open directives move now: a retirement ahead would move them on a day to come
    day = event_day(on)
    with unit_of_work(ctx) as session:
        done = retire_unit(session, unit, successor, on=day)
        say_passed(ctx, session)  # what was closed that day and is open again passes later
        contacts = contacts_of(session.connection(), [done.unit.id or 0])
        record = unit_record(
            UnitIndex.load(session).info(done.unit), contacts.get(done.unit.id or 0, ())
        )
        if fmt is OutputFormat.JSON:
            out(dump({**record, "moved": list(done.moved), "handed": list(done.handed)}))
        else:
            out(done.unit.code)
    lang = state(ctx).lang
    err(
        msg(
            "report_retired" if done.moved else "report_retired_none",  # never "0 … moved: -"
            lang,
            unit=done.unit.code,
            date=day,
            successor=done.successor.code,
            n=len(done.moved),
            ids=FirstFew(done.moved) or "-",
        )
    )
    if done.handed:
        err(
            msg(
                "report_handed",
                lang,
                unit=done.unit.code,
                successor=done.successor.code,
                n=len(done.handed),
                ids=FirstFew(done.handed),
            )
        )


class Role(StrEnum):
    FOCAL = "focal"
    HEAD = "head"


#: What a user may type for each role besides its code (any case, with or without accents).
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    Role.FOCAL: ("đầu mối", "người đầu mối"),
    Role.HEAD: ("thủ trưởng", "thủ trưởng đơn vị"),
}


@unit_app.command("contact")
def unit_contact(
    ctx: typer.Context,
    unit: UnitArg,
    *,
    name: Annotated[str, typer.Option("--name", help="The person's full name.")],
    email: Annotated[str | None, typer.Option("--email", help="Their e-mail address.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Their telephone number.")] = None,
    role: Annotated[
        Role,
        named_option(
            ROLE_NAMES,
            metavar="focal|head",
            help="focal (đầu mối): the person who answers for the unit; head (thủ trưởng): its "
            "head, copied on mail. One of each; a second call replaces the first.",
        ),
    ] = Role.FOCAL,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Set a unit's focal person or head, with e-mail and phone (for `pack out --mail`).

    Example: dirtrack unit contact BTC --name "Nguyễn Văn An" --email an@btc.vn --role focal
    """
    from dirtrack.store.contacts import Contact, set_contact

    with unit_of_work(ctx) as session:
        found, contact = set_contact(
            session, unit, role=role.value, name=name, email=email, phone=phone
        )
        code = found.code
        record = Contact(contact.role, contact.name, contact.email, contact.phone).record()
        out(dump({"unit": code, **record}) if fmt is OutputFormat.JSON else code)
    lang = state(ctx).lang
    if recorded_change(session) is None:  # the same person, address and number again
        err(msg("edit_unchanged", lang, what=Phrase("w_unit"), id=code))
        return
    role_said = t(f"contact_role_{role.value}", lang)
    err(msg("contact_set", lang, unit=code, role=role_said, name=record["name"]))
