"""`overdue`, `report`."""

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    AsOfOpt,
    CutoffOpt,
    FieldsOpt,
    ForceOpt,
    FormatOpt,
    GroupBy,
    OutOpt,
    PeriodOpt,
    QuarterOpt,
    StaleOpt,
    UnitFilterOpt,
    bad_parameter,
    field_list,
    optional_day,
    period_of,
    state,
    today,
)
from dirtrack.errors import ExitCode
from dirtrack.periods import Cutoff, Period
from dirtrack.remind import STALE_AFTER
from dirtrack.render import OutputFormat, ReportFormat, err

if TYPE_CHECKING:
    from sqlalchemy import Connection


@app.command("overdue")
def overdue(
    ctx: typer.Context,
    *,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 3 when anything is overdue (for cron).")
    ] = False,
    stale_after: StaleOpt = STALE_AFTER,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: FieldsOpt = None,
) -> None:
    """List open directives past their deadline, most overdue first.

    Each shows how many days it is overdue and when it was last updated (progress, extension);
    one with no news for more than --stale-after days is marked ⚠.
    """
    from dirtrack.cli.common import read_only
    from dirtrack.remind import check_days
    from dirtrack.render.ops import overdue_listing
    from dirtrack.report import overdue as overdue_records

    check_days(stale_after, "--stale-after")
    day = optional_day(as_of) or today()
    with read_only(ctx) as conn:
        records = overdue_records(conn, day, unit=unit, stale_after=stale_after)
    lang = state(ctx).lang
    from dirtrack.i18n import msg, t

    overdue_listing(
        records,
        fmt,
        lang,
        title=f"{t('overdue_list', lang)} ({day.isoformat()})",
        fields=field_list(fields),
    )
    if check and records:
        err(msg("overdue_count", lang, n=len(records), date=day.isoformat()))
        raise typer.Exit(ExitCode.CHECK_FAILED)


@app.command("report")
def report(
    ctx: typer.Context,
    *,
    quarter: QuarterOpt = None,
    period: PeriodOpt = None,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    cutoff: CutoffOpt = Cutoff.CALENDAR,
    rollup: Annotated[
        bool, typer.Option("--rollup", help="Roll child units up into their parent.")
    ] = False,
    by: Annotated[
        GroupBy,
        typer.Option(
            "--by",
            case_sensitive=False,
            help="Group the main table by lead unit, by the meeting's chair, by field or by the "
            "leader in charge.",
        ),
    ] = GroupBy.UNIT,
    brief: Annotated[
        bool,
        typer.Option(
            "--brief",
            help="The one-page leader view: risk colours per unit and leader, red directives.",
        ),
    ] = False,
    due_within: Annotated[
        int,
        typer.Option("--due-within", help="Days after T for the due-soon list.", metavar="DAYS"),
    ] = 7,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table, json, csv, md, html, xlsx or docx.",
        ),
    ] = ReportFormat.TABLE,
    out_file: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """The review of a period, per unit: done on time, done late, in time, overdue.

    Also: trends, rankings, due soon, limitations (repeats too) and directives per leader.

    T, the day statuses are judged, is the period's end or --as-of (today while it runs).

    Example: dirtrack report --quarter 2022Q3 --rollup --format docx --out bao-cao.docx
    """
    from dirtrack.cli.common import out_target, read_only
    from dirtrack.errors import InvalidInput
    from dirtrack.render.review_out import ReviewTitles, render_review
    from dirtrack.report import build

    if bool(quarter) == bool(period):
        raise bad_parameter(ctx, "quarter_or_period", "--quarter")
    if due_within < 0:
        raise InvalidInput.of("bad_due_within", n=due_within)
    span = period_of(quarter or period or "", cutoff)
    target = out_target(ctx, out_file, force=force)
    day = optional_day(as_of) or min(span.end, today())
    lang = state(ctx).lang
    titles = ReviewTitles.of(span, lang)
    # Counts by the database, lists read as they are written: the report is rendered while
    # its connection is open.
    with read_only(ctx) as conn:
        pack = build(
            conn,
            span,
            day,
            unit=unit,
            rollup=rollup,
            due_within=due_within,
            counts_only=fmt is ReportFormat.CSV and not brief,
        )
        extra = _extras(conn, pack, span, day, unit)
        if brief:
            from dirtrack.render.scores import brief_document, write_document
            from dirtrack.report.extras import brief as brief_pack

            view = brief_pack(pack, extra)
            rows = [dict(row) for row in view["risk"]["units"]]
            write_document(
                brief_document(view, lang),
                fmt,
                lang,
                target=target,
                force=force,
                csv_rows=rows,
                json_value=view,
            )
            return
        render_review(pack, fmt, lang, titles, by=by.value, target=target, force=force)


def _extras(
    conn: "Connection", pack: dict[str, Any], span: Period, day: date, unit: str | None
) -> dict[str, Any]:
    """Add what leaders weigh to the report's pack: requests, counts by field and by leader,
    risk colours per unit and leader (each unit row gains ``risk``)."""
    from dirtrack.report.extras import extras
    from dirtrack.report.sections import scope_end
    from dirtrack.store.facts import load_units
    from dirtrack.store.rules import Scope

    index = load_units(conn)
    unit_ids = None
    if unit:
        found = index.resolve(unit)
        assert found.id is not None
        unit_ids = frozenset(index.descendants(found.id))
    scope = Scope(
        as_of=day,
        held_on_or_before=scope_end(span, day),
        closed_not_before=span.start,
        unit_ids=unit_ids,
    )
    names = {info.code: info.name for info in index.all_info()}
    extra = extras(conn, scope, span, names)
    colours = {row["code"]: row["risk"] for row in extra["risk"]["units"]}
    for row in pack["units"]:
        row["risk"] = colours.get(row["code"], "grey")
    for key in ("requests", "by_field", "by_leader", "risk"):
        pack[key] = extra[key]
    return extra
