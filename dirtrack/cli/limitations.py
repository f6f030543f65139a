"""`add-limitation`, `resolve`, `limitations`, `limitation link|unlink|suggest`."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    AsOfOpt,
    CategoryOpt,
    CutoffOpt,
    DateOpt,
    FormatOpt,
    LimitationArg,
    UnitFilterOpt,
    bad_parameter,
    dated_change,
    day_or_today,
    duplicate_option,
    field_list,
    fields_option,
    judged_day,
    period_of,
    positive_id,
    state,
    today,
    unit_of_work,
)
from dirtrack.errors import Conflict
from dirtrack.i18n import Composed, msg
from dirtrack.periods import Cutoff
from dirtrack.render import OutputFormat, err, out, views
from dirtrack.render.json_out import dump

if TYPE_CHECKING:  # every command imports this module: no ORM session at start-up
    from sqlmodel import Session

    from dirtrack.records import Record


@app.command("add-limitation")
def add_limitation(
    ctx: typer.Context,
    meeting_id: Annotated[
        int, typer.Argument(metavar="MEETING_ID", help="The meeting that raised it.")
    ],
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="The limitation, as the meeting put it.")
    ],
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
    allow_duplicate: Annotated[
        bool,
        duplicate_option(Composed("the meeting raised the same about the unit already")),
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Record a limitation raised about a unit.

    Raised again about the same unit, it is linked to the first time (see `limitation link`).
    The same text about the same unit at the same meeting is refused, naming the limitation,
    unless --allow-duplicate.

    Example: dirtrack add-limitation 1 "Thiếu lái xe" --unit UBKT --category staffing
    """
    from dirtrack.records import limitation_record
    from dirtrack.store import limitations as store
    from dirtrack.store.meetings import get_meeting
    from dirtrack.store.units import UnitIndex

    kind = store.ensure_category(category)
    if repeat_of is not None and new:
        raise bad_parameter(ctx, "repeat_or_new", "--new", among=("--repeat-of", "--new"))
    with unit_of_work(ctx) as session:
        meeting = get_meeting(session, positive_id(meeting_id, "meeting"))
        found = UnitIndex.load(session).resolve(unit)
        assert meeting.id is not None and found.id is not None
        same = (
            None
            if allow_duplicate
            else store.find_same_limitation(
                session, meeting_id=meeting.id, unit_id=found.id, text=text
            )
        )
        if same is not None:
            raise Conflict.of(
                "limitation_duplicate", id=same.id, unit=found.code, meeting=meeting.id
            )
        if repeat_of is not None:
            # a bad or unknown id refused before the new limitation takes its id (PostgreSQL's
            # sequence gives none back when the command is undone)
            store.get_limitation(session, positive_id(repeat_of, "limitation"))
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
        out(dump(record) if fmt is OutputFormat.JSON else str(record["id"]))
    if note:
        err(note)


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
    fields: Annotated[
        str | None,
        fields_option("id,unit,text"),
    ] = None,
) -> None:
    """List limitations."""
    from dirtrack.records import limitation_record
    from dirtrack.store.limitations import list_limitations as store_list
    from dirtrack.store.units import UnitIndex

    span = period_of(period, cutoff) if period else None
    day = judged_day(as_of, span) if span else day_or_today(as_of, "--as-of")
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


limitation_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Link a limitation raised again to the first time it was raised.",
)
app.add_typer(limitation_app, name="limitation")


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
        to = positive_id(repeat_of, "limitation")
        first = link_limitation(session, limitation_id, to)
        return linked(lang, limitation_id, to, first.id)
    facts = limitation_facts(session, limitation_id)
    found = suggest(facts.text, earlier_limitations(session, facts))
    if not found:
        return None
    best = found[0]
    if best.strong:
        link_limitation(session, limitation_id, best.first_id)
        # The day and the likeness are those of the limitation it is alike (best.id), which is
        # the chain's first only when that one was not raised again since.
        return msg(
            "report_auto_linked" if best.id == best.first_id else "report_auto_linked_through",
            lang,
            id=limitation_id,
            first=best.first_id,
            like=best.id,
            date=best.raised_on,
            score=int(best.score),
        )
    return msg(
        "report_may_repeat" if best.id == best.first_id else "report_may_repeat_through",
        lang,
        id=limitation_id,
        first=best.first_id,
        like=best.id,
        score=int(best.score),
    )


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

    Example: dirtrack limitation link 10 --to 7
    """
    from dirtrack.store.limitations import limitation_facts, link_limitation

    with unit_of_work(ctx) as session:
        to = positive_id(to, "limitation")
        limitation_id = positive_id(limitation_id, "limitation")
        replaced = limitation_facts(session, limitation_id).repeat_of_id
        first = link_limitation(session, limitation_id, to)
        record = _limitation_record(session, limitation_id)
        if fmt is OutputFormat.JSON:
            from dirtrack.render.json_out import dump

            out(dump(record))
    lang = state(ctx).lang
    err(linked(lang, limitation_id, to, first.id))
    if replaced is not None:  # a link in place of another: said, as undo takes it back
        err(msg("report_link_replaced", lang, id=limitation_id, before=replaced))


def linked(lang: str, limitation_id: int, to: int, first: int | None) -> str:
    """What ``limitation link`` and ``add-limitation --repeat-of`` say: the link goes to the
    first time the limitation was raised, named with the one typed when that is a later repeat."""
    key = "report_linked" if to == first else "report_linked_through"
    return msg(key, lang, id=limitation_id, first=first, to=to)


@limitation_app.command("unlink")
def limitation_unlink(
    ctx: typer.Context,
    limitation_id: LimitationArg,
) -> None:
    """Say a limitation is new after all: remove its link to an earlier one."""
    from dirtrack.store.limitations import unlink_limitation

    with unit_of_work(ctx) as session:
        before = unlink_limitation(session, positive_id(limitation_id, "limitation"))
    err(msg("report_unlinked", state(ctx).lang, id=limitation_id, first=before))


@limitation_app.command("suggest")
def limitation_suggest(
    ctx: typer.Context,
    limitation_id: LimitationArg,
    *,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("id,score,text"),
    ] = None,
) -> None:
    """List earlier limitations of the same unit that this one may repeat, most alike first."""
    from dirtrack.render.report_out import suggestions
    from dirtrack.repeats import suggest
    from dirtrack.store.limitations import earlier_limitations, limitation_facts

    with unit_of_work(ctx) as session:
        facts = limitation_facts(session, positive_id(limitation_id, "limitation"))
        found = suggest(facts.text, earlier_limitations(session, facts), minimum=0.0)
    records = [_repeat_record(s, facts.repeat_of_id) for s in found]
    suggestions(records, fmt, state(ctx).lang, keys=repeat_keys, fields=field_list(fields))


def _repeat_record(s: Any, linked_to: int | None) -> "Record":
    """An earlier limitation ``limitation suggest`` lists: ``s`` a suggestion of
    :func:`dirtrack.repeats.suggest`; ``linked_to`` the first one this one is linked to."""
    return {
        "id": s.id,
        "first_id": s.first_id,
        "raised_on": s.raised_on.isoformat(),
        "score": round(s.score, 1),
        "linked": linked_to == s.first_id,
        "text": s.text,
    }


def repeat_keys() -> tuple[str, ...]:
    """The keys of :func:`_repeat_record`, in order (an empty listing's CSV header)."""
    from datetime import date
    from types import SimpleNamespace

    blank = SimpleNamespace(id=0, first_id=0, raised_on=date.min, score=0.0, text="")
    return tuple(_repeat_record(blank, None))


def _limitation_record(session: "Session", limitation_id: int) -> "Record":
    from dirtrack.cli.common import today
    from dirtrack.records import limitation_record
    from dirtrack.store.limitations import limitation_facts

    return limitation_record(limitation_facts(session, limitation_id), today())
