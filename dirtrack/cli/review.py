"""`unit retire`, `limitation link|unlink|suggest`, and the repeat check of `add-limitation`."""

from typing import TYPE_CHECKING, Annotated

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app, unit_app

if TYPE_CHECKING:  # every command imports this module: no ORM session at start-up
    from sqlmodel import Session
from dirtrack.cli.common import (
    DateOpt,
    FormatOpt,
    day_or_today,
    positive_id,
    state,
    unit_of_work,
)
from dirtrack.i18n import msg
from dirtrack.records import Record
from dirtrack.render import OutputFormat, err, out

limitation_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Link a limitation raised again to the first time it was raised.",
    no_args_is_help=True,
)
app.add_typer(limitation_app, name="limitation")


# --- unit retire ---------------------------------------------------------------------------


@unit_app.command("retire")
def unit_retire(
    ctx: typer.Context,
    unit: Annotated[str, typer.Argument(help="The unit that ceases (code, name or alias).")],
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
    from dirtrack.store.units import UnitIndex, retire_unit

    day = day_or_today(on)
    with unit_of_work(ctx) as session:
        done = retire_unit(session, unit, successor, on=day)
        record = unit_record(UnitIndex.load(session).info(done.unit))
    lang = state(ctx).lang
    err(
        msg(
            "rv_retired",
            lang,
            unit=done.unit.code,
            date=day.isoformat(),
            successor=done.successor.code,
            n=len(done.moved),
            ids=", ".join(map(str, done.moved)) or "-",
        )
    )
    if fmt is OutputFormat.JSON:
        out(dump({**record, "moved": list(done.moved)}))
    else:
        out(done.unit.code)


# --- repeated limitations ------------------------------------------------------------------


def settle_repeat(
    session: "Session", limitation_id: int, *, repeat_of: int | None, new: bool, lang: str
) -> str | None:
    """After ``add-limitation``: link the new limitation as the user said, or as suggested.

    With neither ``--repeat-of`` nor ``--new`` an earlier limitation of the same unit that
    scores at least LINK_SCORE is linked, and a weaker match is only suggested; the returned
    message (for stderr) says which and how to override it.
    """
    from dirtrack.repeats import suggest
    from dirtrack.store.limitations import earlier_limitations, limitation_facts, link_limitation

    if new:
        return None
    if repeat_of is not None:
        first = link_limitation(session, limitation_id, positive_id(repeat_of, "limitation"))
        return msg("rv_linked", lang, id=limitation_id, first=first.id)
    facts = limitation_facts(session, limitation_id)
    found = suggest(facts.text, earlier_limitations(session, facts))
    if not found:
        return None
    best = found[0]
    if best.strong:
        link_limitation(session, limitation_id, best.first_id)
        return msg(
            "rv_auto_linked",
            lang,
            id=limitation_id,
            first=best.first_id,
            date=best.raised_on.isoformat(),
            score=int(best.score),
        )
    return msg("rv_may_repeat", lang, id=limitation_id, first=best.first_id, score=int(best.score))


@limitation_app.command("link")
def limitation_link(
    ctx: typer.Context,
    limitation_id: Annotated[int, typer.Argument(metavar="ID", help="The later limitation.")],
    *,
    to: Annotated[
        int,
        typer.Option("--to", metavar="ID", help="The earlier limitation it raises again."),
    ],
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Record that a limitation was raised again: link it to the earlier one.

    The link points at the first time it was raised: the review says "raised 3 times since …".

    Example: dirtrack limitation link 9 --to 4
    """
    from dirtrack.store.limitations import link_limitation

    with unit_of_work(ctx) as session:
        first = link_limitation(
            session, positive_id(limitation_id, "limitation"), positive_id(to, "limitation")
        )
        record = _limitation_record(session, limitation_id)
    err(msg("rv_linked", state(ctx).lang, id=limitation_id, first=first.id))
    if fmt is OutputFormat.JSON:
        from dirtrack.render.json_out import dump

        out(dump(record))


@limitation_app.command("unlink")
def limitation_unlink(
    ctx: typer.Context,
    limitation_id: Annotated[int, typer.Argument(metavar="ID", help="The limitation.")],
) -> None:
    """Say a limitation is new after all: remove its link to an earlier one."""
    from dirtrack.store.limitations import unlink_limitation

    with unit_of_work(ctx) as session:
        before = unlink_limitation(session, positive_id(limitation_id, "limitation"))
    err(msg("rv_unlinked", state(ctx).lang, id=limitation_id, first=before))


@limitation_app.command("suggest")
def limitation_suggest(
    ctx: typer.Context,
    limitation_id: Annotated[int, typer.Argument(metavar="ID", help="The limitation.")],
    *,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """List earlier limitations of the same unit that this one may repeat, most alike first."""
    from dirtrack.render.review_out import suggestions
    from dirtrack.repeats import suggest
    from dirtrack.store.limitations import earlier_limitations, limitation_facts

    with unit_of_work(ctx) as session:
        facts = limitation_facts(session, positive_id(limitation_id, "limitation"))
        found = suggest(facts.text, earlier_limitations(session, facts), minimum=0.0)
    records = [
        {
            "id": s.id,
            "first_id": s.first_id,
            "raised_on": s.raised_on.isoformat(),
            "score": round(s.score, 1),
            "linked": facts.repeat_of_id == s.first_id,
            "text": s.text,
        }
        for s in found
    ]
    suggestions(records, fmt, state(ctx).lang)


def _limitation_record(session: "Session", limitation_id: int) -> Record:
    from dirtrack.cli.common import today
    from dirtrack.records import limitation_record
    from dirtrack.store.limitations import limitation_facts

    return limitation_record(limitation_facts(session, limitation_id), today())
