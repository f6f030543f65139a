"""`add-limitation`, `resolve`, `limitations`."""

from typing import Annotated

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    AsOfOpt,
    CategoryOpt,
    CutoffOpt,
    DateOpt,
    FieldsOpt,
    FormatOpt,
    UnitFilterOpt,
    bad_parameter,
    dated_change,
    field_list,
    optional_day,
    period_of,
    positive_id,
    state,
    today,
    unit_of_work,
)
from dirtrack.periods import Cutoff
from dirtrack.render import OutputFormat, err, out, views
from dirtrack.render.json_out import dump


@app.command("add-limitation")
def add_limitation(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(help="The meeting that raised it.")],
    text: Annotated[str, typer.Argument(help="The limitation, as the meeting put it.")],
    *,
    unit: Annotated[str, typer.Option("--unit", "-u", help="The unit it was raised about.")],
    category: CategoryOpt = "other",
    repeat_of: Annotated[
        int | None,
        typer.Option(
            "--repeat-of",
            metavar="ID",
            help="It repeats this earlier limitation (default: linked when very alike).",
        ),
    ] = None,
    new: Annotated[
        bool, typer.Option("--new", help="It repeats no earlier limitation: do not link it.")
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Record a limitation raised about a unit.

    Raised again about the same unit, it is linked to the first time (see `limitation link`).

    Example: dirtrack add-limitation 1 "Thiếu lái xe" --unit UBKT --category staffing
    """
    from dirtrack.cli.review import settle_repeat
    from dirtrack.records import limitation_record
    from dirtrack.store import limitations as store
    from dirtrack.store.meetings import get_meeting
    from dirtrack.store.units import UnitIndex

    kind = store.ensure_category(category)
    if repeat_of is not None and new:
        raise bad_parameter(ctx, "repeat_or_new", "--new")
    with unit_of_work(ctx) as session:
        meeting = get_meeting(session, positive_id(meeting_id, "meeting"))
        found = UnitIndex.load(session).resolve(unit)
        limitation = store.add_limitation(
            session, meeting=meeting, unit=found, text=text, category=kind
        )
        assert limitation.id is not None
        note = settle_repeat(
            session, limitation.id, repeat_of=repeat_of, new=new, lang=state(ctx).lang
        )
        facts = [
            f
            for f in store.list_limitations(session, unit_ids=[found.id or 0])
            if f.id == limitation.id
        ]
        record = limitation_record(facts[0], today())
    if note:
        err(note)
    out(dump(record) if fmt is OutputFormat.JSON else str(record["id"]))


@app.command("resolve")
def resolve(
    ctx: typer.Context,
    limitation_id: Annotated[int, typer.Argument(metavar="LIMITATION_ID", help="The limitation.")],
    *,
    on: DateOpt = None,
    note: Annotated[str | None, typer.Option(help="How it was overcome.")] = None,
) -> None:
    """Mark a limitation overcome."""
    from dirtrack.store.limitations import resolve as store_resolve

    dated_change(
        ctx,
        "limitation",
        limitation_id,
        on,
        lambda session, ident, day: store_resolve(session, ident, on=day, note=note),
        "resolve",
    )


@app.command("limitations")
def list_limitations(
    ctx: typer.Context,
    *,
    unit: UnitFilterOpt = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only those not yet resolved.")] = False,
    period: Annotated[
        str | None,
        typer.Option(help="Raised in PERIOD or still open at its end.", metavar="PERIOD"),
    ] = None,
    cutoff: CutoffOpt = Cutoff.CALENDAR,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: FieldsOpt = None,
) -> None:
    """List limitations."""
    from dirtrack.records import limitation_record
    from dirtrack.store.limitations import list_limitations as store_list
    from dirtrack.store.units import UnitIndex

    span = period_of(period, cutoff) if period else None
    day = optional_day(as_of) or (min(span.end, today()) if span else today())
    with unit_of_work(ctx) as session:
        unit_ids = None
        if unit:
            index = UnitIndex.load(session)
            found = index.resolve(unit)
            unit_ids = sorted(index.descendants(found.id or 0))
        facts = store_list(session, unit_ids=unit_ids, raised_on_or_before=day)
    records = []
    for lim in facts:
        record = limitation_record(lim, day)
        if span is not None and not (span.contains(lim.raised_on) or record["resolved_on"] is None):
            continue
        if open_only and record["resolved_on"] is not None:
            continue
        records.append(record)
    views.limitations(records, fmt, state(ctx).lang, fields=field_list(fields))
