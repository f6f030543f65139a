"""`overdue`, `report`."""

from __future__ import annotations

from typing import Annotated

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    AsOfOpt,
    FormatOpt,
    UnitFilterOpt,
    optional_day,
    period_of,
    state,
    today,
    unit_of_work,
)
from dirtrack.errors import ExitCode
from dirtrack.periods import Cutoff
from dirtrack.render import OutputFormat, ReportFormat, err, views


@app.command("overdue")
def overdue(
    ctx: typer.Context,
    *,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 3 when anything is overdue (for cron).")
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """List open directives past their deadline, most overdue first."""
    from dirtrack.records import directive_record
    from dirtrack.status import most_overdue_first
    from dirtrack.store.directives import DirectiveFilter, iter_facts
    from dirtrack.store.units import UnitIndex

    day = optional_day(as_of) or today()
    with unit_of_work(ctx) as session:
        unit_ids = None
        if unit:
            index = UnitIndex.load(session)
            unit_ids = sorted(index.descendants(index.resolve(unit).id or 0))
        flt = DirectiveFilter(unit_ids=unit_ids, held_on_or_before=day)
        late = most_overdue_first(list(iter_facts(session, flt)), day)
        records = [directive_record(f, day) for f in late]
    lang = state(ctx).lang
    from dirtrack.i18n import t

    views.directives(records, fmt, lang, title=f"{t('overdue_list', lang)} ({day.isoformat()})")
    if check and records:
        err(f"{len(records)} overdue directive(s) as of {day.isoformat()}")
        raise typer.Exit(ExitCode.CHECK_FAILED)


@app.command("report")
def report(
    ctx: typer.Context,
    *,
    quarter: Annotated[
        str | None,
        typer.Option(help="The quarter: 2022Q2, Q2/2022, quý II/2022.", metavar="PERIOD"),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="Any PERIOD: 2022-05, 2022H1, 9 tháng 2022, 2022, START..END.", metavar="PERIOD"
        ),
    ] = None,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    cutoff: Annotated[
        Cutoff,
        typer.Option(
            case_sensitive=False,
            help="calendar months, or nd09: the 15th-to-14th windows of Nghị định 09/2019.",
        ),
    ] = Cutoff.CALENDAR,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", case_sensitive=False)
    ] = ReportFormat.TABLE,
) -> None:
    """The review of a period, per unit: done on time, done late, in time, overdue.

    T (the day statuses are judged) is the period's end, or --as-of; a period still running is
    judged as of today.

    Example: dirtrack report --quarter 2022Q2 --format json
    """
    from dirtrack.records import meeting_record
    from dirtrack.report import build_report, scope_end
    from dirtrack.store.directives import DirectiveFilter, iter_facts
    from dirtrack.store.limitations import list_limitations
    from dirtrack.store.meetings import attendee_ids, list_meetings
    from dirtrack.store.units import UnitIndex

    if bool(quarter) == bool(period):
        raise typer.BadParameter("give --quarter or --period (one of them)", param_hint="--quarter")
    span = period_of(quarter or period or "", cutoff)
    day = optional_day(as_of) or min(span.end, today())
    end = scope_end(span, day)
    with unit_of_work(ctx) as session:
        index = UnitIndex.load(session)
        unit_ids = None
        if unit:
            unit_ids = sorted(index.descendants(index.resolve(unit).id or 0))
        flt = DirectiveFilter(
            unit_ids=unit_ids, held_on_or_before=end, closed_not_before=span.start
        )
        found = list_meetings(session, start=span.start, end=end)
        attending = attendee_ids(session, [m.id for m in found if m.id is not None])
        meetings = [
            meeting_record(m, [index.code(u) for u in attending.get(m.id or 0, [])]) for m in found
        ]
        built = build_report(
            iter_facts(session, flt),
            period=span,
            as_of=day,
            limitations=list_limitations(session, unit_ids=unit_ids, raised_on_or_before=end),
            meetings=meetings,
        )
    lang = state(ctx).lang
    views.report(built.as_dict(), fmt, lang, span.title(lang))
