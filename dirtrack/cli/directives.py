"""`assign`, `progress`, `done`, `extend`, `cancel`, `list`, `show`."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    EVERY_HELP,
    AsOfOpt,
    DateOpt,
    DirectiveArg,
    FieldsOpt,
    FormatOpt,
    Named,
    StatusOpt,
    UnitFilterOpt,
    bad_parameter,
    dated_change,
    duplicate_option,
    event_day,
    field_list,
    from_file,
    named_option,
    notice,
    optional_day,
    positive_id,
    read_date,
    say_passed,
    state,
    unit_of_work,
    unknown_every,
)
from dirtrack.cli.common import deadline as resolve
from dirtrack.errors import InvalidInput
from dirtrack.i18n import Choices, Composed, Phrase, msg
from dirtrack.kinds import EVERY_NAMES, VERDICT_NAMES
from dirtrack.periods import check_after_tet, check_early_day
from dirtrack.render import OutputFormat, err, out
from dirtrack.render.json_out import dump

if TYPE_CHECKING:
    from sqlmodel import Session

    from dirtrack.models import Unit


@app.command("assign")
def assign(
    ctx: typer.Context,
    meeting_id: Annotated[
        int, typer.Argument(metavar="MEETING_ID", help="The meeting that gave the directive.")
    ],
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="The directive, as the chair concluded it.")
    ],
    *,
    unit: Annotated[
        list[str] | None,
        typer.Option("--unit", "-u", help="Lead unit (repeatable: one directive per unit)."),
    ] = None,
    attendees: Annotated[
        bool, typer.Option("--attendees", help="One directive for every unit that attended.")
    ] = False,
    due: Annotated[
        str | None,
        typer.Option(
            help="Deadline: a DATE, a span (tháng 9/2022, quý III/2022) or a phrase (trong 10 "
            "ngày làm việc, trước Tết, trước ngày 30/4).",
            metavar="WHEN",
        ),
    ] = None,
    with_: Annotated[
        list[str] | None, typer.Option("--with", help="Coordinating unit (repeatable).")
    ] = None,
    product: Annotated[
        str | None, typer.Option(help="Expected product (Báo cáo, Tờ trình, Đề án…).")
    ] = None,
    key: Annotated[
        str | None,
        typer.Option(
            help="Idempotency key: the same key again prints the existing ids and writes nothing."
        ),
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every",
            click_type=Named(EVERY_NAMES, unknown_every),
            help=EVERY_HELP,
            metavar="PERIOD",
        ),
    ] = None,
    day: Annotated[
        int | None,
        typer.Option(
            "--day",
            help="With --every: each deadline is day N of the period's last month (the month's "
            "last day when it is shorter). Default: the NĐ 09/2019 cut-off, the 14th.",
            metavar="N",
        ),
    ] = None,
    offset: Annotated[
        int | None,
        typer.Option(
            "--offset",
            help="With --every: each deadline is DAYS days after the period ends.",
            metavar="DAYS",
        ),
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="With --every: the series' first DATE (default: the meeting's). Otherwise the "
            "day working-day and relative deadlines count from (default: the meeting's).",
            metavar="DATE",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", help="With --every: the series' last DATE.", metavar="DATE"),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="With --every: list the occurrences, write nothing."),
    ] = False,
    after_tet: Annotated[
        int | None,
        typer.Option(
            "--after-tet",
            help="'sau Tết' is the N-th working day after the Tết break (default 10).",
            metavar="N",
        ),
    ] = None,
    early_day: Annotated[
        int | None,
        typer.Option(
            "--early-day",
            help="'đầu tháng 10' is day N of October (default 10).",
            metavar="N",
        ),
    ] = None,
    allow_duplicate: Annotated[
        bool,
        duplicate_option(Composed("the unit has the same directive from this meeting")),
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Record a directive given at a meeting to a lead unit.

    With --every, a periodic directive: one occurrence, a directive of its own, per period.

    The same text for the same unit at the same meeting (case, accents and spacing aside) is
    refused, naming the directive, unless --allow-duplicate.

    Example: dirtrack assign 1 "Bổ sung thành viên đoàn công tác" --unit BTC --due "tháng 9/2022"

    Example: dirtrack assign 1 "Báo cáo tháng" --unit BTC --every month --day 20 --until 2025-12-31
    """
    if bool(unit) == attendees:
        raise bad_parameter(ctx, "unit_or_attendees", "--unit", among=("--unit", "--attendees"))
    positive_id(meeting_id, "meeting")
    if after_tet is not None:
        check_after_tet(after_tet)
    if early_day is not None:
        check_early_day(early_day)
    # the file's defaults of what goes with --every apply to series alone, and a --day or
    # --offset typed replaces the other's default
    if every is None or (day is not None and offset is not None):
        file_day, file_offset = from_file(ctx, "day"), from_file(ctx, "offset")
        if every is None or file_day != file_offset:
            day = None if file_day else day
            offset = None if file_offset else offset
    if every is None and from_file(ctx, "until"):
        until = None
    asked = Assignment(
        meeting_id=meeting_id,
        text=text,
        unit=unit,
        attendees=attendees,
        due=due,
        with_=with_,
        product=product,
        key=key,
        from_=from_,
        allow_duplicate=allow_duplicate,
    )
    if every is not None:
        from dirtrack.cli.series import assign_series

        if day is not None and offset is not None:
            raise bad_parameter(ctx, "day_and_offset", "--offset", among=("--day", "--offset"))

        assign_series(
            ctx,
            asked,
            every=every,
            day=day,
            offset=offset,
            until=until,
            dry_run=dry_run,
            fmt=fmt,
        )
        return
    if day is not None or offset is not None or until is not None or dry_run:
        raise bad_parameter(ctx, "needs_every", "--every")
    _assign(
        ctx,
        asked,
        as_json=fmt is OutputFormat.JSON,
        after_tet=after_tet,
        early_day=early_day,
    )


@dataclass(frozen=True)
class Assignment:
    """What ``assign`` was asked, with or without ``--every`` (:func:`_assign`,
    :func:`dirtrack.cli.series.assign_series`)."""

    meeting_id: int
    text: str
    unit: list[str] | None
    attendees: bool
    due: str | None
    with_: list[str] | None
    product: str | None
    key: str | None
    from_: str | None
    allow_duplicate: bool


def _assign(
    ctx: typer.Context,
    asked: Assignment,
    *,
    as_json: bool,
    after_tet: int | None = None,
    early_day: int | None = None,
) -> None:
    """``assign`` in one unit of work, printing the new ids (or, ``as_json``, the directives)
    before it is written; :mod:`dirtrack.audit` writes the change log."""
    from dirtrack.store import directives as store
    from dirtrack.store.meetings import get_meeting

    with unit_of_work(ctx) as session:
        existing = store.find_by_key(session, asked.key) if asked.key else []
        if existing:
            ids = [d.id for d in existing if d.id is not None]
            err(msg("key_exists", state(ctx).lang, key=asked.key, ids=", ".join(map(str, ids))))
        else:
            meeting = get_meeting(session, asked.meeting_id)
            index, leads = lead_units(session, meeting, asked.unit, asked.attendees)
            coordinators = index.resolve_many(asked.with_ or [])
            ref = read_date(asked.from_, "--from") if asked.from_ else meeting.date
            deadline = (
                resolve(
                    ctx,
                    session,
                    asked.due,
                    ref,
                    option="--due",
                    after_tet=after_tet,
                    early_day=early_day,
                )
                if asked.due
                else None
            )
            if not asked.allow_duplicate:
                assert meeting.id is not None
                _refuse_duplicates(session, meeting.id, leads, asked.text)
            ids = []
            for lead in leads:
                directive = store.add_directive(
                    session,
                    meeting=meeting,
                    unit=lead,
                    text=asked.text,
                    due=deadline,
                    due_text=asked.due,
                    coordinators=coordinators,
                    product=asked.product,
                    key=asked.key,
                )
                assert directive.id is not None
                ids.append(directive.id)
                say_lead_kept(
                    ctx, lead, [u.id for u in coordinators], "lead_also_with", directive.id
                )
            say_passed(ctx, session)
        if as_json:
            records = _records(session, ids)
            out(dump(records[0] if len(records) == 1 else records))
        else:
            for directive_id in ids:
                out(str(directive_id))


def say_lead_kept(
    ctx: typer.Context, lead: "Unit", named: Iterable[int | None], key: str, ident: int
) -> None:
    """Say on stderr that ``lead``, named among the coordinating units too (``--with``), is kept
    as the lead only: ``key`` the message for a directive (``lead_also_with``) or a series
    (``lead_also_with_series``) numbered ``ident``. It was dropped without a word."""
    if lead.id in set(named):
        notice(ctx, msg(key, state(ctx).lang, unit=lead.code, id=ident))


def lead_units(
    session: Any, meeting: Any, unit: list[str] | None, attendees: bool
) -> tuple[Any, list[Any]]:
    """The unit index and the lead units ``assign`` names: ``--unit`` (each resolved), or every
    unit that attended ``meeting`` (``--attendees``)."""
    from dirtrack.store.meetings import attendee_ids
    from dirtrack.store.units import UnitIndex

    assert meeting.id is not None
    index = UnitIndex.load(session)
    if not attendees:
        return index, index.resolve_many(unit or [])
    leads = [index.units[u] for u in attendee_ids(session, [meeting.id])[meeting.id]]
    if not leads:
        raise InvalidInput.of("no_attendees", id=meeting.id)
    return index, leads


def _refuse_duplicates(session: "Session", meeting_id: int, leads: list["Unit"], text: str) -> None:
    """Refuse to record again a directive a lead unit already has from this meeting."""
    from dirtrack.errors import Conflict
    from dirtrack.store.directives import find_same_directive

    for lead in leads:
        assert lead.id is not None
        same = find_same_directive(session, meeting_id=meeting_id, unit_id=lead.id, text=text)
        if same is not None:
            raise Conflict.of("directive_duplicate", id=same.id, unit=lead.code, meeting=meeting_id)


def _records(session: object, ids: list[int]) -> list[dict[str, object]]:
    from dirtrack.cli.common import today
    from dirtrack.records import directive_record
    from dirtrack.store.directives import DirectiveFilter, iter_facts

    day = today()
    return [
        directive_record(f, day)
        for f in iter_facts(session, DirectiveFilter(ids=ids), as_of=day)  # type: ignore[arg-type]
    ]


@app.command("progress")
def progress(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    percent: Annotated[int | None, typer.Option(help="Share done, 0-100.")] = None,
    note: Annotated[str | None, typer.Option(help="What the unit reported.")] = None,
    on: DateOpt = None,
) -> None:
    """Log progress on a directive."""
    from dirtrack.store.directives import add_progress, progress_lowered_by

    def log(session: "Session", ident: int, day: date) -> None:
        lowered = progress_lowered_by(session, ident, day, percent)
        add_progress(session, ident, on=day, percent=percent, note=note)
        if lowered is not None:  # taken as given, and said: a figure that goes back is checked
            lang = state(ctx).lang
            said = Phrase(
                "warn_progress_lower",
                id=ident,
                percent=percent,
                recorded=lowered.percent,
                date=lowered.reported_on,
            )
            notice(ctx, msg("imp_warning", lang, text=said.render(lang)))

    dated_change(ctx, "directive", directive_id, on, log, "progress")


def _bad_verdict(value: str, choices: Choices) -> InvalidInput:
    return InvalidInput.of("bad_verdict", value=value, choices=choices)


@app.command("done")
def done(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    on: DateOpt = None,
    note: Annotated[str | None, typer.Option(help="The result, in words.")] = None,
    doc: Annotated[
        str | None,
        typer.Option(help="The result document's number: 45/BC-SYT, 111-KL/TU.", metavar="NUMBER"),
    ] = None,
    doc_date: Annotated[
        str | None,
        typer.Option("--doc-date", help="The result document's date.", metavar="DATE"),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option(
            help="The result document's file: its path and SHA-256 are kept.", metavar="PATH"
        ),
    ] = None,
    verdict: Annotated[
        str | None,
        named_option(
            VERDICT_NAMES,
            unknown=_bad_verdict,
            metavar="meets|exceeds|short",
            help="Against the requirements: meets (đạt), exceeds (vượt) or short (chưa đạt): "
            "the code or the Vietnamese name, accents optional.",
        ),
    ] = None,
) -> None:
    """Mark a directive completed: reported on DATE (default today), with its result.

    The day that decides on time or late is the result document's date when given, else DATE;
    an office that accepts completions on the acceptance day waits for `accept`.

    Example: dirtrack done 16 --doc 45/BC-SYT --doc-date 10/3/2025 --verdict meets
    """
    from dirtrack.store.results import complete, office_regime

    day = event_day(on)
    document_day = optional_day(doc_date, "--doc-date")
    positive_id(directive_id, "directive")
    with unit_of_work(ctx) as session:
        regime = office_regime(session)
        directive = complete(
            session,
            directive_id,
            on=day,
            note=note,
            doc=doc,
            doc_date=document_day,
            file=file,
            verdict=verdict,
            regime=regime,
        )
        completed = directive.completed_on
    lang = state(ctx).lang
    if completed is None:
        err(msg("done_awaiting", lang, id=directive_id, date=day))
    else:
        err(msg("done", lang, id=directive_id, date=completed))


@app.command("extend")
def extend(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    to: Annotated[
        str | None,
        typer.Option("--to", help="The new deadline: a DATE or a span.", metavar="WHEN"),
    ] = None,
    reason: Annotated[str | None, typer.Option(help="Why, and the approving document.")] = None,
    on: DateOpt = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="The day working-day and relative deadlines count from (default: the meeting's).",
            metavar="DATE",
        ),
    ] = None,
    from_request: Annotated[
        int | None,
        typer.Option(
            "--from-request",
            help="Grant the unit's request for a new deadline REQUEST (from `request extend` or "
            "a returned pack), as `approve REQUEST` does: its day and reason, instead of --to.",
            metavar="REQUEST",
        ),
    ] = None,
) -> None:
    """Approve a new deadline on DATE (default today); the original deadline is kept.

    Example: dirtrack extend 16 --to 31/3/2023 --reason "Công văn 45/CV-VP"

    Example: dirtrack extend 16 --from-request 1 --date 15/12/2022
    """
    from dirtrack.store.directives import extend as store_extend
    from dirtrack.store.directives import get_directive, given_on

    if to is None and from_request is None:
        raise bad_parameter(ctx, "extend_to_missing", "--to")
    if from_request is not None and (to, reason, from_) != (None, None, None):
        raise bad_parameter(
            ctx,
            "extend_to_or_request",
            "--from-request",
            among=("--from-request", "--to", "--reason", "--from"),
        )
    approved = event_day(on)
    with unit_of_work(ctx) as session:
        directive = get_directive(session, positive_id(directive_id, "directive"))
        if from_request is not None:
            from dirtrack.store.results import approve_for

            request_id = positive_id(from_request, "request")
            new_due = approve_for(session, directive_id, request_id, on=approved)
        else:
            assert to is not None
            given = given_on(session, directive)
            since = read_date(from_, "--from") if from_ else given
            new_due = resolve(ctx, session, to, since, option="--to")
            store_extend(
                session,
                directive_id,
                new_due=new_due,
                approved_on=approved,
                due_text=to,
                reason=reason,
            )
    err(
        msg(
            "extend",
            state(ctx).lang,
            id=directive_id,
            due=new_due,
            date=approved,
        )
    )


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    reason: Annotated[str | None, typer.Option(help="Why it was cancelled.")] = None,
    on: DateOpt = None,
) -> None:
    """Withdraw a directive; from DATE on it leaves every count."""
    from dirtrack.store.directives import cancel as store_cancel

    dated_change(
        ctx,
        "directive",
        directive_id,
        on,
        lambda session, ident, day: store_cancel(session, ident, on=day, reason=reason),
        "cancel",
    )


@app.command("list")
def list_directives(
    ctx: typer.Context,
    *,
    unit: UnitFilterOpt = None,
    meeting: Annotated[
        int | None, typer.Option(help="Only directives from this meeting.", metavar="ID")
    ] = None,
    status: StatusOpt = "all",
    as_of: AsOfOpt = None,
    field: Annotated[
        str | None, typer.Option("--field", help="Only directives of this field.", metavar="CODE")
    ] = None,
    leader: Annotated[
        str | None,
        typer.Option(
            help="Only directives this leader is in charge of on the day.", metavar="NAME"
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: FieldsOpt = None,
) -> None:
    """List directives with their status as of a day."""
    from dirtrack.cli.common import ensure_occurrences, optional_day, read_only, today
    from dirtrack.holders import listing_scope
    from dirtrack.records import directive_record
    from dirtrack.status import DirectiveFacts
    from dirtrack.store.facts import iter_listed, require_meeting
    from dirtrack.store.rules import wanted_statuses

    wanted = status
    day = optional_day(as_of, "--as-of") or today()
    ensure_occurrences(ctx, day)
    # The status filter runs in SQL; only the matches are read, a batch at a time.
    with read_only(ctx) as conn:
        if meeting is not None:
            require_meeting(conn, positive_id(meeting, "meeting"))
        # each directive under the unit that held it on the day, as a report of that day
        scope, holders = listing_scope(conn, day, unit, meeting)
        batches = iter_listed(conn, scope, wanted_statuses(wanted))
        matching: Iterable[DirectiveFacts] = (
            item for batch in batches for item in holders.attribute(batch, day)
        )
        if field is not None or leader is not None:
            from dirtrack.store.fields import in_charge_filter

            matching = in_charge_filter(conn, matching, day, field=field, leader=leader)
        records = [directive_record(f, day) for f in matching]
        from dirtrack.render import views  # here: the writing commands of this module show none

        # shown before the occurrences made for it are committed (cli.common.read_only): a
        # --fields that names nothing, or a stdout that fails, leaves the register as it was
        views.directives(records, fmt, state(ctx).lang, fields=field_list(fields))


@app.command("show")
def show(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Show one directive with its progress log, extensions and meeting."""
    from dirtrack.cli.common import optional_day, today
    from dirtrack.records import (
        directive_history,
        directive_record,
        meeting_record,
        returned_records,
    )
    from dirtrack.store.directives import facts_given_by
    from dirtrack.store.meetings import attendee_ids, get_meeting
    from dirtrack.store.results import returned_of
    from dirtrack.store.units import UnitIndex

    day = optional_day(as_of, "--as-of") or today()
    with unit_of_work(ctx) as session:
        facts = facts_given_by(session, positive_id(directive_id, "directive"), as_of=day)
        meeting = get_meeting(session, facts.meeting_id)
        index = UnitIndex.load(session)
        codes = [index.code(u) for u in attendee_ids(session, [facts.meeting_id])[facts.meeting_id]]
        from dirtrack.moves import attribute, history_with_moves
        from dirtrack.store.units import load_handovers, load_moves

        moves = load_moves(session.connection(), [facts.id]).get(facts.id)
        handovers = load_handovers(session.connection(), [facts.id])
        names = {uid: (u.code, u.name) for uid, u in index.units.items()}
        stored = facts.unit_id
        if moves or handovers:
            # `unit retire` moved it, or handed over its coordination: shown under the unit
            # that held it on the day, with the units that coordinated it then
            facts = attribute([facts], {facts.id: moves or []}, day, names, handovers)[0]
        returned = returned_of(session.connection(), facts.id)
        record = directive_record(facts, day)
        record["returned_completions"] = returned_records(returned, day)
        record["history"] = directive_history(facts, day, returned)
        if moves:
            record["history"] = history_with_moves(record["history"], stored, moves, day, names)
        record["meeting"] = meeting_record(meeting, codes)
    if fmt is OutputFormat.TABLE:
        from dirtrack.render import views

        views.directive_card(record, state(ctx).lang)
    else:
        from dirtrack.render.csv_out import dump_records

        out(
            dump(record)
            if fmt is OutputFormat.JSON
            else dump_records(
                [
                    {
                        k: v
                        for k, v in record.items()
                        if k not in ("history", "meeting", "returned_completions")
                    }
                ]
            )
        )
