"""`calendar add`, `calendar list`: the office's days off and days worked."""

from typing import TYPE_CHECKING, Annotated

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    FormatOpt,
    bad_parameter,
    field_list,
    fields_option,
    read_date,
    reading,
    recorded_change,
    state,
    unit_of_work,
)
from dirtrack.i18n import Phrase, msg, placeholder
from dirtrack.periods import check_year
from dirtrack.records import calendar_keys, calendar_record
from dirtrack.render import OutputFormat, err

if TYPE_CHECKING:
    from dirtrack.workdays import Workdays

calendar_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Working days: the national days off (holidays, Tết) and the office's own.",
)
app.add_typer(calendar_app, name="calendar")


@calendar_app.command("add")
def calendar_add(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(metavar="DATE", help="The day: 2025-01-25 or 25/1/2025.")],
    *,
    off: Annotated[bool, typer.Option("--off", help="The office does not work that day.")] = False,
    on: Annotated[
        bool, typer.Option("--on", help="The office works that day (làm bù, a moved day).")
    ] = False,
    note: Annotated[str | None, typer.Option(help="Why, e.g. 'làm bù ngày 2/5'.")] = None,
) -> None:
    """Record a day the office takes off or works against the national calendar.

    Example: dirtrack calendar add 2025-04-26 --on --note "làm bù ngày 2/5"
    """
    from dirtrack.store.calendar import load_workdays, set_day
    from dirtrack.store.series import reschedule

    if off == on:
        raise bad_parameter(ctx, "off_or_on", "--off", among=("--off", "--on"))
    found = read_date(day, placeholder("DATE", state(ctx).lang))  # the argument as --help names it
    with unit_of_work(ctx) as session:
        before = load_workdays(session.connection())
        set_day(session, found, off=off, note=note)
        moved = reschedule(session, found, before, load_workdays(session.connection()))
    lang = state(ctx).lang
    if recorded_change(session) is None:  # the day was already recorded so, with that note
        err(msg("edit_unchanged", lang, what=Phrase("w_day"), id=found))
        return
    err(msg("calendar_off" if off else "calendar_on", lang, date=found))
    if before.is_working(found) == on:  # recorded, though the calendar already had it so
        err(msg("calendar_already_off" if off else "calendar_already_on", lang, date=found))
    if moved:
        from dirtrack.i18n import day as day_text

        listed = ", ".join(f"{i} → {day_text(due.isoformat(), lang)}" for i, due in moved)
        err(msg("calendar_moved", lang, moved=listed))


@calendar_app.command("list")
def calendar_list(
    ctx: typer.Context,
    *,
    year: Annotated[
        int | None,
        typer.Option(
            help="Every day off of this year, national and the office's (default: the "
            "office's own days of every year).",
            metavar="YEAR",
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("date,off,note"),
    ] = None,
) -> None:
    """List the office's days; with --year, every day off of that year but weekends."""
    from dirtrack.cli.common import missing_database, read_only
    from dirtrack.render.views import calendar_days
    from dirtrack.store.calendar import office_days
    from dirtrack.workdays import Workdays

    if year is not None:
        with reading("--year"):
            check_year(year, str(year))
    if missing_database(ctx):
        rows = []
    else:
        with read_only(ctx) as conn:
            rows = office_days(conn, year)
    records = [calendar_record(r.day.isoformat(), r.off, r.note, "office") for r in rows]
    if year is not None:
        calendar = Workdays(
            office={r.day: not r.off for r in rows}, notes={r.day: r.note for r in rows}
        )
        records = _year_days(calendar, year, records, state(ctx).lang)
    calendar_days(records, fmt, state(ctx).lang, keys=calendar_keys, fields=field_list(fields))


def _year_days(
    calendar: "Workdays", year: int, office: list[dict[str, object]], lang: str
) -> list[dict[str, object]]:
    """The national holidays of ``year`` (as the library names them, in ``lang``) merged with
    the office's days, in date order; the office's word wins."""
    from datetime import date, timedelta

    from dirtrack.i18n import t

    calendar.check(date(year, 1, 1))
    found = {str(r["date"]): r for r in office}
    day = date(year, 1, 1)
    while day.year == year:
        key = day.isoformat()
        if key not in found and (day.weekday() < 5) != calendar.is_working(day):
            off = day.weekday() < 5  # a holiday, or a weekend day the Government made worked
            note = calendar.why_off(day, lang) if off else t("cal_made_up", lang)
            found[key] = calendar_record(key, off, note, "law")
        day += timedelta(days=1)
    return [found[k] for k in sorted(found)]
