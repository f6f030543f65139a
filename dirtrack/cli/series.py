"""`assign --every`, `series list`, `series show`, `series stop`: periodic directives."""

from typing import TYPE_CHECKING, Annotated

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    AsOfOpt,
    FieldsOpt,
    FormatOpt,
    bad_parameter,
    field_list,
    fields_option,
    notice,
    optional_day,
    positive_id,
    read_date,
    state,
    today,
    unit_of_work,
)
from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import clauses, msg
from dirtrack.records import (
    Record,
    iso,
    listed_series,
    listed_series_keys,
    planned_occurrence_record,
    series_record,
)
from dirtrack.render import OutputFormat, err, out
from dirtrack.render.json_out import dump

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from dirtrack.cli.directives import Assignment

series_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Periodic directives (assign --every): their occurrences and results.",
)
app.add_typer(series_app, name="series")


def assign_series(
    ctx: typer.Context,
    asked: "Assignment",
    *,
    every: str,
    day: int | None,
    offset: int | None,
    until: str | None,
    dry_run: bool,
    fmt: OutputFormat,
) -> None:
    """``assign --every``: one series per lead unit; prints the series ids (or, with
    ``--dry-run``, the occurrences it would have)."""
    from dirtrack.cli.directives import lead_units, say_lead_kept
    from dirtrack.store import series as store
    from dirtrack.store.calendar import load_workdays
    from dirtrack.store.meetings import get_meeting

    lang = state(ctx).lang
    if asked.due is not None:
        raise bad_parameter(ctx, "every_with_due", "--due", among=("--every", "--due"))
    every = store.every_named(every)
    starts = read_date(asked.from_, "--from") if asked.from_ else None
    ends = read_date(until, "--until") if until else None
    ids: list[int] = []
    with unit_of_work(ctx) as session:
        existing = store.find_by_key(session, asked.key) if asked.key and not dry_run else []
        if existing:
            ids = [s.id for s in existing if s.id is not None]
            err(msg("key_exists", lang, key=asked.key, ids=", ".join(map(str, ids))))
        else:
            meeting = get_meeting(session, asked.meeting_id)
            assert meeting.id is not None
            schedule = store.Schedule(every, day, offset, starts or meeting.date, ends).check()
            if schedule.starts_on < meeting.date:
                raise InvalidInput.of(
                    "series_before_meeting", start=schedule.starts_on, held=meeting.date
                )
            index, leads = lead_units(session, meeting, asked.unit, asked.attendees)
            coordinators = [u.id for u in index.resolve_many(asked.with_ or []) if u.id is not None]
            calendar = load_workdays(session.connection())
            if schedule.clamps:
                notice(ctx, msg("series_day_clamped", lang, n=day))
            from dirtrack.workdays import counted_from

            # The preview (the first 12 of a series without an end) may run past the calendar;
            # a series recorded only has the occurrences of periods begun.
            with counted_from("--from", schedule.starts_on):
                planned = schedule.occurrences(calendar) if dry_run or ends else []
            if ends and not planned:
                raise InvalidInput.of(
                    "series_no_occurrence", start=schedule.starts_on, end=schedule.ends_on
                )
            if dry_run:
                for lead in leads:  # refused as recording would refuse them
                    assert lead.id is not None
                    store.series_values(
                        session,
                        meeting=meeting,
                        unit_ids=[lead.id, *coordinators],
                        text=asked.text,
                        product=asked.product,
                        key=asked.key,
                        ends_on=schedule.ends_on,
                    )
                records = [planned_occurrence_record(o) for o in planned]
                if fmt is OutputFormat.JSON:
                    out(dump(records))
                else:  # for people: the period and the days as the language says them
                    from dirtrack.i18n import day as said
                    from dirtrack.periods import span_title

                    for r in records:
                        due = said(r["due"], lang)
                        if r["scheduled"] != r["due"]:
                            due += f" ({said(r['scheduled'], lang)})"
                        period = span_title(r["period"], lang)
                        out(f"{period}\t{said(r['issued_on'], lang)}\t{due}")
                return
            for lead in leads:
                assert lead.id is not None
                same = (
                    None
                    if asked.allow_duplicate
                    else store.find_same_series(
                        session, meeting_id=meeting.id, unit_id=lead.id, text=asked.text
                    )
                )
                if same is not None:
                    raise Conflict.of(
                        "series_duplicate", id=same, unit=lead.code, meeting=meeting.id
                    )
            for lead in leads:
                assert lead.id is not None
                made = store.add_series(
                    session,
                    meeting=meeting,
                    unit_id=lead.id,
                    text=asked.text,
                    schedule=schedule,
                    coordinator_ids=coordinators,
                    product=asked.product,
                    key=asked.key,
                )
                assert made.id is not None
                ids.append(made.id)
                say_lead_kept(ctx, lead, coordinators, "lead_also_with_series", made.id)
            from dirtrack.store.series import horizon_of

            store.generate(session, horizon_of(today(), today()), calendar)
        # printed before the transaction is written (cli.common.units_of_work)
        if fmt is OutputFormat.JSON:
            records = series_records(session.connection(), ids)
            out(dump(records[0] if len(records) == 1 else records))
        else:
            for ident in ids:
                out(str(ident))


def series_records(conn: "Connection", ids: list[int] | None) -> list[Record]:
    """The series objects (all when ``ids`` is None), each with its occurrence ids."""
    from dirtrack.store.series import coordinator_codes, occurrence_ids, series_rows

    rows = series_rows(conn)
    if ids is not None:
        rows = [r for r in rows if r.id in ids]
    withs = coordinator_codes(conn, [r.id for r in rows])
    return [listed_series(row, withs[row.id], occurrence_ids(conn, row.id)) for row in rows]


@series_app.command("list")
def series_list(
    ctx: typer.Context,
    *,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("id,unit,text,occurrences"),
    ] = None,
) -> None:
    """List periodic directives."""
    from dirtrack.cli.common import ensure_occurrences, read_only
    from dirtrack.render.views import series_listing

    ensure_occurrences(ctx)
    with read_only(ctx) as conn:
        records = series_records(conn, None)
        # shown before the occurrences made for it are committed: a --fields that names
        # nothing leaves the register as it was
        series_listing(
            records, fmt, state(ctx).lang, keys=listed_series_keys, fields=field_list(fields)
        )


def occurrence_keys() -> tuple[str, ...]:
    """The keys of an occurrence as ``series show`` lists it, in order: a directive's, then
    the day it counts as given and its deadline before a day off moved it."""
    from dirtrack.records import directive_keys

    return (*directive_keys(), "issued_on", "scheduled")


@series_app.command("show")
def series_show(
    ctx: typer.Context,
    series_id: Annotated[int, typer.Argument(metavar="ID", help="The series.")],
    *,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: FieldsOpt = None,
) -> None:
    """One periodic directive and its occurrences, each with its deadline and result.

    --fields picks the occurrences' keys (in JSON the series' own keys stay).
    """
    from dirtrack.cli.common import ensure_occurrences, read_only
    from dirtrack.errors import NotFound
    from dirtrack.holders import Holders
    from dirtrack.records import directive_record
    from dirtrack.render.views import series_card
    from dirtrack.report.series import held_on
    from dirtrack.store.facts import load_units
    from dirtrack.store.rules import Scope
    from dirtrack.store.series import (
        Schedule,
        coordinator_codes,
        occurrence_facts,
        series_rows,
    )

    positive_id(series_id, "series")
    day = optional_day(as_of, "--as-of") or today()
    ensure_occurrences(ctx, day)
    with read_only(ctx) as conn:
        rows = series_rows(conn, series_id)
        if not rows:
            raise NotFound.of("no_series", id=series_id)
        row = rows[0]
        record = series_record(row, coordinator_codes(conn, [series_id])[series_id])
        schedule = Schedule.of(row)
        occurrences = []
        # each occurrence under the unit that held it on the day, as `list --as-of` has it,
        # and the series under the one that held it then
        units = load_units(conn)
        holders = Holders.load(conn, units)
        held = holders.attribute(list(occurrence_facts(conn, series_id, as_of=day)), day)
        holder = held_on(conn, Scope(as_of=day, holders=holders.at(day)), [series_id])
        if series_id in holder:
            record["unit"] = units.code(holder[series_id])
        for facts in held:
            item = directive_record(facts, day)
            period = schedule.period_at(facts.issued_on or facts.meeting_date)
            item["issued_on"] = iso(facts.issued_on)
            item["scheduled"] = iso(schedule.scheduled(period))
            occurrences.append(item)
        occurrences.sort(key=lambda r: (r["issued_on"] or "", r["id"]))
    record["as_of"] = day.isoformat()
    record["occurrences"] = occurrences
    counts: dict[str, int] = {}
    for item in occurrences:
        counts[item["status"]] = counts.get(item["status"], 0) + 1
    record["counts"] = counts
    series_card(record, fmt, state(ctx).lang, keys=occurrence_keys, fields=field_list(fields))


@series_app.command("stop")
def series_stop(
    ctx: typer.Context,
    series_id: Annotated[int, typer.Argument(metavar="ID", help="The series.")],
    *,
    from_: Annotated[
        str,
        typer.Option(
            "--from",
            help="The first DATE without an occurrence (periods begun before stay).",
            metavar="DATE",
        ),
    ],
) -> None:
    """End a periodic directive from DATE on; what came before stays as it is."""
    from dirtrack.store.series import stop

    day = read_date(from_, "--from")
    positive_id(series_id, "series")
    with unit_of_work(ctx) as session:
        _, removed, kept = stop(session, series_id, day)
    lang = state(ctx).lang
    said = clauses(
        lang,
        ("series_stop_removed", len(removed)),
        ("series_stop_kept", len(kept)),
        sep="; ",
        kept=", ".join(map(str, kept)),
    )
    err("; ".join(filter(None, [msg("series_stopped", lang, id=series_id, date=day), said])))
