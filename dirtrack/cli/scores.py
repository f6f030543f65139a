"""`score`: points and tier per unit for emulation, every point explained."""

from typing import TYPE_CHECKING, Annotated

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    AsOfOpt,
    CutoffOpt,
    ForceOpt,
    OutOpt,
    PeriodOpt,
    QuarterOpt,
    ReportFormatOpt,
    UnitFilterOpt,
    bad_parameter,
    judged_day,
    period_given,
    state,
)
from dirtrack.periods import Cutoff
from dirtrack.render import ReportFormat

if TYPE_CHECKING:
    from sqlalchemy import Connection


@app.command("score")
def score(
    ctx: typer.Context,
    *,
    quarter: QuarterOpt = None,
    period: PeriodOpt = None,
    rules: Annotated[
        str | None,
        typer.Option(
            help="A preset (qd366, nd335) or a rule file (TOML). Default: qd366 for a Party "
            "office, else nd335.",
            metavar="NAME|FILE",
        ),
    ] = None,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    cutoff: CutoffOpt = Cutoff.CALENDAR,
    fmt: ReportFormatOpt = ReportFormat.TABLE,
    out_file: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Points and tier of each unit for a period, with the explanation of every point.

    Scores the directives of the report's scope as of T (the period's end, or --as-of), by a
    rule set: which directive, which rule, how many points, which delay was exempted and by
    which document.

    Example: dirtrack score --quarter 2025Q3 --rules qd366 --format xlsx --out diem.xlsx
    """
    from dirtrack.cli.common import out_target, read_only
    from dirtrack.holders import Holders, units_under
    from dirtrack.records import iso
    from dirtrack.render.scores import score_document, write_document
    from dirtrack.scoring import load_rules, rules_record, score_units
    from dirtrack.store.facts import iter_batches, load_units
    from dirtrack.store.rules import directive_ids

    if bool(quarter) == bool(period):
        raise bad_parameter(ctx, "quarter_or_period", "--quarter", among=("--quarter", "--period"))
    span = period_given(period, quarter, cutoff)
    target = out_target(ctx, out_file, force=force, fmt=fmt)
    day = judged_day(as_of, span)
    lang = state(ctx).lang
    with read_only(ctx) as conn:
        rule_set = load_rules(rules or _default_rules(conn))
        # Every directive of the report's scope, under the unit that held it on T.
        index = load_units(conn)
        holders = Holders.load(conn, index)
        scope = holders.scope(span, day)
        under, _ = units_under(index, unit)
        only = sorted(index.code(u) for u in under) if under is not None else None
        names = dict(holders.names.values())
        judged = (
            item
            for batch in iter_batches(conn, directive_ids(scope), as_of=day)
            for item in holders.attribute(batch, day)
        )
        units = score_units(judged, day, rule_set, units=names, only=only)
    pack = {
        "period": {"label": span.label, "start": iso(span.start), "end": iso(span.end)},
        "as_of": iso(day),
        "rules": rules_record(rule_set),
        "units": units,
    }
    summary = [{k: u.get(k) for k in SUMMARY_KEYS} for u in units]
    write_document(
        score_document(pack, span.title(lang), lang),
        fmt,
        lang,
        target=target,
        force=force,
        csv_rows=summary,
        csv_keys=SUMMARY_KEYS,
        json_value=pack,
    )


# A unit's row of `score --format csv`: the keys of its JSON object without the explanation.
SUMMARY_KEYS = ("code", "name", "points", "tier", "tier_name", "scored", "on_time", "behind")


def _default_rules(conn: "Connection") -> str:
    """qd366 for a Party office (the office profile's kind), else nd335."""
    from dirtrack.store.office import load

    return "qd366" if load(conn)["kind"] == "party" else "nd335"
