"""`overdue`, `report`."""

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    GROUP_BY_NAMES,
    AsOfOpt,
    CheckOpt,
    CutoffOpt,
    DocDateOpt,
    FieldsOpt,
    ForceOpt,
    FormatOpt,
    GroupBy,
    NumberOpt,
    OutOpt,
    PeriodOpt,
    QuarterOpt,
    ReportFormatOpt,
    SignerOpt,
    StaleOpt,
    TemplateOpt,
    ToOpt,
    UnitFilterOpt,
    bad_parameter,
    check_overdue,
    field_list,
    judged_day,
    named_option,
    optional_day,
    period_given,
    state,
    today,
)
from dirtrack.periods import Cutoff
from dirtrack.remind import STALE_AFTER
from dirtrack.render import OutputFormat, ReportFormat


@app.command("overdue")
def overdue(
    ctx: typer.Context,
    *,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    check: CheckOpt = False,
    stale_after: StaleOpt = STALE_AFTER,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: FieldsOpt = None,
) -> None:
    """List open directives past their deadline, most overdue first.

    Each shows how many days it is overdue and when it was last updated (progress, extension);
    one with no news for more than --stale-after days is marked ⚠.
    """
    from contextlib import closing

    from dirtrack.cli.common import read_only
    from dirtrack.holders import overdue as overdue_records
    from dirtrack.remind import check_days
    from dirtrack.render.ops import overdue_listing

    check_days(stale_after, "--stale-after")
    day = optional_day(as_of, "--as-of") or today()
    from dirtrack.cli.common import ensure_occurrences

    ensure_occurrences(ctx, day)
    lang = state(ctx).lang
    from dirtrack.i18n import day as day_text
    from dirtrack.i18n import t

    # The records are made as they are written: the listing is written while the connection
    # is open, and they are counted as they pass.
    shown = 0

    def counted(records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        nonlocal shown
        for record in records:
            shown += 1
            yield record

    # closing(): a listing cut short (stdout full or closed) ends its statement here, while
    # the connection is still open, not when the failed write's traceback is let go
    with (
        read_only(ctx) as conn,
        closing(overdue_records(conn, day, unit=unit, stale_after=stale_after)) as records,
    ):
        overdue_listing(
            counted(records),
            fmt,
            lang,
            title=f"{t('overdue_list', lang)} ({day_text(day.isoformat(), lang)})",
            fields=field_list(fields),
        )
    check_overdue(check, shown, day, lang)


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
        named_option(
            GROUP_BY_NAMES,
            metavar="GROUP",
            help="Group the main table by lead unit (unit, đơn vị), by the meeting's chair "
            "(chair, chủ trì), by field (field, lĩnh vực), by the leader in charge (leader, "
            "lãnh đạo) or by periodic directive (series, định kỳ): the code or the Vietnamese "
            "name, accents optional.",
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
    fmt: ReportFormatOpt = ReportFormat.TABLE,
    out_file: OutOpt = None,
    force: ForceOpt = False,
    number: NumberOpt = None,
    on: DocDateOpt = None,
    to: ToOpt = None,
    signer: SignerOpt = None,
    template: TemplateOpt = None,
) -> None:
    """The review of a period, per unit: done on time, done late, in time, overdue.

    Also: trends, rankings, due soon, limitations (repeats too) and directives per leader.

    T, the day statuses are judged, is the period's end or --as-of (today while it runs).

    The Word report is an administrative document in the office's layout (see office set);
    --number, --date, --to and --signer fill or override its heading and signature.

    Example: dirtrack report --quarter 2022Q3 --rollup --format docx --out bao-cao.docx
    """
    from dirtrack.cli.common import from_file, out_target, read_only
    from dirtrack.cli.documents import document_texts, office_documents
    from dirtrack.i18n import t
    from dirtrack.remind import check_days
    from dirtrack.render.report_out import ReportTitles, render_report
    from dirtrack.report import build

    if bool(quarter) == bool(period):
        raise bad_parameter(ctx, "quarter_or_period", "--quarter", among=("--quarter", "--period"))
    check_days(due_within, "--due-within")
    span = period_given(period, quarter, cutoff)
    formal = fmt in (ReportFormat.DOCX, ReportFormat.XLSX)
    # the file's defaults of a document's heading apply to documents alone, and the brief is
    # none: it has no heading, number, recipients or signature
    if not formal or brief:
        number = None if from_file(ctx, "number") else number
        on = None if from_file(ctx, "on") else on
        to = None if from_file(ctx, "to") else to
        signer = None if from_file(ctx, "signer") else signer
    if (fmt is not ReportFormat.DOCX or brief) and from_file(ctx, "template"):
        template = None
    given = {"--number": number, "--date": on, "--to": to, "--signer": signer}
    given["--template"] = template
    if brief and any(given.values()):  # were taken, and the brief written without them
        option = next(name for name, value in given.items() if value)
        raise bad_parameter(ctx, "brief_no_heading", option, option=option)
    if not formal and any(given.values()):
        option = next(name for name, value in given.items() if value)
        raise bad_parameter(ctx, "doc_option_needs_docx", option, option=option)
    if template is not None and fmt is not ReportFormat.DOCX:
        raise bad_parameter(ctx, "doc_option_needs_docx", "--template", option="--template")
    doc_day = optional_day(on, "--date") or today()
    recipients = document_texts(to, "--to")
    signer_name = document_texts([signer] if signer else None, "--signer")
    target = out_target(ctx, out_file, force=force, fmt=fmt)
    day = judged_day(as_of, span)
    lang = state(ctx).lang
    titles = ReportTitles.of(span, lang)
    from dirtrack.cli.common import ensure_occurrences

    ensure_occurrences(ctx, max(day, span.end))
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
            # The brief shows the counts, risk colours and requests, and reads its red
            # directives itself: the lists of the full report would be read for nothing.
            counts_only=brief or fmt is ReportFormat.CSV,
            sections=True,
            # Only the JSON, the CSV (its units' colours), the brief and a report grouped by
            # field or leader show the risk colours or the counts by field and by leader: the
            # documents (table, Markdown, HTML, Word, Excel) have them left uncounted.
            groups=brief
            or fmt in (ReportFormat.JSON, ReportFormat.CSV)
            or by in (GroupBy.FIELD, GroupBy.LEADER),
        )
        office = None
        if formal:
            office = office_documents(
                conn,
                lang,
                subject=t("doc_report_subject", lang, period=titles.period),
                number=number,
                day=doc_day,
                to=recipients,
                signer=signer_name[0] if signer_name else None,
                template=template if fmt is ReportFormat.DOCX else None,
            )
        if brief:
            from dirtrack.render.scores import brief_document, write_document
            from dirtrack.report import report_scope
            from dirtrack.report.extras import brief as brief_pack
            from dirtrack.report.extras import red_records, unit_risk_keys

            scope, holders = report_scope(conn, span, day, unit)
            extra = {key: pack[key] for key in ("requests", "risk")}
            view = brief_pack(pack, extra, red_records(conn, scope, holders, limit=15))
            rows = [dict(row) for row in view["risk"]["units"]]
            write_document(
                brief_document(view, titles.period, lang),
                fmt,
                lang,
                target=target,
                force=force,
                csv_rows=rows,
                csv_keys=unit_risk_keys(),
                json_value=view,
            )
            return
        render_report(
            pack, fmt, lang, titles, by=by.value, target=target, force=force, office=office
        )
