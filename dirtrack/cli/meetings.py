"""`add-meeting`, `meetings`."""

from typing import Annotated

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    CutoffOpt,
    FormatOpt,
    KindOpt,
    duplicate_option,
    field_list,
    fields_option,
    period_of,
    read_date,
    state,
    unit_of_work,
)
from dirtrack.errors import Conflict
from dirtrack.i18n import Composed, msg
from dirtrack.kinds import MeetingKind
from dirtrack.periods import Cutoff
from dirtrack.render import OutputFormat, err, out, views
from dirtrack.render.json_out import dump


@app.command("add-meeting")
def add_meeting(
    ctx: typer.Context,
    *,
    on: Annotated[
        str, typer.Option("--date", help="DATE held: 2022-05-06 or 6/5/2022.", metavar="DATE")
    ],
    title: Annotated[str, typer.Option(help="What the meeting was about.")],
    chair: Annotated[str | None, typer.Option(help="Who chaired (chủ trì).")] = None,
    chair_title: Annotated[str | None, typer.Option(help="The chair's position.")] = None,
    kind: KindOpt = MeetingKind.WORKING_SESSION,
    attendee: Annotated[
        list[str] | None, typer.Option(help="An attending unit (repeatable).")
    ] = None,
    doc: Annotated[
        str | None,
        typer.Option(help="Conclusion document number, e.g. 46-QĐ/ThU.", metavar="NUMBER"),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free text.")] = None,
    key: Annotated[
        str | None, typer.Option(help="Idempotency key: the same key again prints the existing id.")
    ] = None,
    allow_duplicate: Annotated[
        bool, duplicate_option(Composed("a meeting with the same date and title exists"))
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Record a meeting.

    The same date and title as a meeting already recorded (case, accents and spacing aside)
    is refused, naming it, unless --allow-duplicate.

    Example: dirtrack add-meeting --date 6/5/2022 --title "Làm việc với các cơ quan tham mưu"
    --chair "Phương Thị Thanh" --attendee VPTU --attendee BTC
    """
    from dirtrack.records import meeting_record
    from dirtrack.store.meetings import add_meeting as store_add
    from dirtrack.store.meetings import attendee_ids, find_meeting_by_key, find_same_meeting
    from dirtrack.store.units import UnitIndex

    held = read_date(on, "--date")
    with unit_of_work(ctx) as session:
        index = UnitIndex.load(session)
        existing = find_meeting_by_key(session, key) if key else None
        if existing is not None:
            meeting = existing
            err(msg("key_exists", state(ctx).lang, key=key, ids=existing.id))
        else:
            units = index.resolve_many(attendee or [])
            same = None if allow_duplicate else find_same_meeting(session, on=held, title=title)
            if same is not None:
                raise Conflict.of("meeting_duplicate", id=same.id, date=same.date, title=same.title)
            meeting = store_add(
                session,
                on=held,
                title=title,
                kind=kind,
                chair=chair,
                chair_title=chair_title,
                attendees=units,
                doc=doc,
                note=note,
                key=key,
            )
        assert meeting.id is not None
        codes = [index.code(uid) for uid in attendee_ids(session, [meeting.id])[meeting.id]]
        record = meeting_record(meeting, codes)
        out(dump(record) if fmt is OutputFormat.JSON else str(record["id"]))


@app.command("meetings")
def list_meetings(
    ctx: typer.Context,
    *,
    period: Annotated[
        str | None,
        typer.Option(help="Only meetings held in PERIOD, e.g. 2022Q2.", metavar="PERIOD"),
    ] = None,
    cutoff: CutoffOpt = Cutoff.CALENDAR,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("id,date,title"),
    ] = None,
) -> None:
    """List meetings."""
    from dirtrack.records import meeting_record
    from dirtrack.store.meetings import attendee_ids
    from dirtrack.store.meetings import list_meetings as store_list
    from dirtrack.store.units import UnitIndex

    span = period_of(period, cutoff) if period else None
    with unit_of_work(ctx) as session:
        index = UnitIndex.load(session)
        found = store_list(
            session, start=span.start if span else None, end=span.end if span else None
        )
        attending = attendee_ids(session, [m.id for m in found if m.id is not None])
        records = [
            meeting_record(m, [index.code(u) for u in attending.get(m.id or 0, [])]) for m in found
        ]
    views.meetings(records, fmt, state(ctx).lang, fields=field_list(fields))
