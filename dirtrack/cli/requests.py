"""`accept`, `return`, `request extend|withdraw`, `approve`, `reject`, `requests`."""

from typing import Annotated

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    AsOfOpt,
    DateOpt,
    DirectiveArg,
    FormatOpt,
    UnitFilterOpt,
    dated_change,
    deadline,
    event_day,
    field_list,
    fields_option,
    positive_id,
    state,
    unit_of_work,
)
from dirtrack.i18n import msg
from dirtrack.render import OutputFormat, err, out

RequestArg = Annotated[int, typer.Argument(metavar="REQUEST", help="The request's id.")]
ReasonOpt = Annotated[str, typer.Option(help="Why (required).", metavar="TEXT")]
DocOpt = Annotated[
    str | None,
    typer.Option(help="The document: its number, 45/CV-SYT or 111-KL/TU.", metavar="NUMBER"),
]


@app.command("accept")
def accept(ctx: typer.Context, directive_id: DirectiveArg, *, on: DateOpt = None) -> None:
    """The office accepts (nghiệm thu) a completion reported with `done`, on DATE (default today).

    When the office decides on time by the acceptance, DATE is the completion day.
    """
    from dirtrack.store.results import accept as store_accept
    from dirtrack.store.results import office_regime

    dated_change(
        ctx,
        "directive",
        directive_id,
        on,
        lambda session, ident, day: store_accept(
            session, ident, on=day, regime=office_regime(session)
        ),
        "accepted",
    )


@app.command("return")
def send_back(
    ctx: typer.Context, directive_id: DirectiveArg, *, reason: ReasonOpt, on: DateOpt = None
) -> None:
    """The office sends a completion back (not accepted): the directive is open again."""
    from dirtrack.store.results import send_back as store_send_back

    dated_change(
        ctx,
        "directive",
        directive_id,
        on,
        lambda session, ident, day: store_send_back(session, ident, on=day, reason=reason),
        "returned",
    )


request_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="A unit's request: more time, or to withdraw a directive from the programme.",
)
app.add_typer(request_app, name="request")


def _ask(
    ctx: typer.Context,
    directive_id: int,
    kind: str,
    *,
    reason: str,
    on: str | None,
    to: str | None = None,
    doc: str | None = None,
) -> None:
    from dirtrack.store.directives import get_directive, given_on
    from dirtrack.store.results import ask

    day = event_day(on)
    positive_id(directive_id, "directive")
    with unit_of_work(ctx) as session:
        new_due = None
        if to is not None:
            given = given_on(session, get_directive(session, directive_id))
            new_due = deadline(ctx, session, to, given, option="--to")  # as assign --due reads it
        found = ask(
            session,
            directive_id,
            kind=kind,
            on=day,
            reason=reason,
            to_due=new_due,
            due_text=to,
            doc=doc,
        )
        request_id = found.id
        out(str(request_id))
    err(msg(f"requested_{kind}", state(ctx).lang, id=directive_id, request=request_id))


@request_app.command("extend")
def request_extend(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    to: Annotated[
        str, typer.Option("--to", help="The deadline asked for: a DATE or a span.", metavar="WHEN")
    ],
    reason: ReasonOpt,
    doc: DocOpt = None,
    on: DateOpt = None,
) -> None:
    """Record a unit's request for more time (also a postponement, lùi or giãn), asked on DATE.

    Prints the request's id. Example: dirtrack request extend 16 --to "tháng 11/2025" --reason
    "Chờ ý kiến Bộ" --doc 45/CV-SYT
    """
    _ask(ctx, directive_id, "extend", reason=reason, on=on, to=to, doc=doc)


@request_app.command("withdraw")
def request_withdraw(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    reason: ReasonOpt,
    doc: DocOpt = None,
    on: DateOpt = None,
) -> None:
    """Record a unit's request to withdraw a directive from the programme (rút khỏi chương trình).

    Prints the request's id.
    """
    _ask(ctx, directive_id, "withdraw", reason=reason, on=on, doc=doc)


@app.command("approve")
def approve(
    ctx: typer.Context,
    request_id: RequestArg,
    *,
    doc: DocOpt = None,
    on: DateOpt = None,
    objective: Annotated[
        bool,
        typer.Option(
            "--objective",
            help="The cause is accepted as objective: a score's delay rule may exempt it.",
        ),
    ] = False,
) -> None:
    """Approve a request on DATE (default today), with the approving document.

    An extension becomes the deadline in force from DATE; a withdrawal takes the directive out of
    every count from DATE (status withdrawn).
    """
    from dirtrack.store.results import approve as store_approve

    day = event_day(on)
    positive_id(request_id, "request")
    with unit_of_work(ctx) as session:
        found = store_approve(session, request_id, on=day, doc=doc, objective=objective)
        kind, directive_id = found.kind, found.directive_id
    err(
        msg(
            f"approved_{kind}",
            state(ctx).lang,
            request=request_id,
            id=directive_id,
            date=day,
        )
    )


@app.command("reject")
def reject(
    ctx: typer.Context, request_id: RequestArg, *, reason: ReasonOpt, on: DateOpt = None
) -> None:
    """Refuse a request on DATE (default today), saying why."""
    from dirtrack.store.results import reject as store_reject

    day = event_day(on)
    positive_id(request_id, "request")
    with unit_of_work(ctx) as session:
        store_reject(session, request_id, on=day, reason=reason)
    err(msg("rejected", state(ctx).lang, request=request_id, date=day))


@app.command("requests")
def requests(
    ctx: typer.Context,
    *,
    pending: Annotated[
        bool, typer.Option("--pending", help="Only requests waiting for an answer.")
    ] = False,
    unit: UnitFilterOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("id,directive_id,status"),
    ] = None,
) -> None:
    """List requests and their answers as of a day (default today), oldest first.

    Each says whether it was asked after the deadline in force on the day it was asked.
    """
    from dirtrack.cli.common import optional_day, read_only, today
    from dirtrack.render import views
    from dirtrack.report.extras import request_records

    day = optional_day(as_of, "--as-of") or today()
    with read_only(ctx) as conn:
        records = request_records(conn, day, unit=unit)
    if pending:
        records = [r for r in records if r["status"] == "pending"]
    views.requests(records, fmt, state(ctx).lang, fields=field_list(fields))
