"""`edit directive|meeting|limitation`, `delete`, `reopen`: correcting what was recorded.

These commands change records that other commands made; each is one command in the history,
with the old and new values, and `undo` takes it back. They are together because they share
what a correction needs (the changes given, a confirmation, the record printed after) and
because `edit` is one group over several kinds of record.
"""

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    CATEGORY_HELP,
    KIND_HELP,
    DateOpt,
    DirectiveArg,
    FormatOpt,
    LimitationArg,
    Named,
    YesOpt,
    bad_parameter,
    confirm,
    deadline,
    event_day,
    notice,
    positive_id,
    recorded_change,
    say_passed,
    state,
    today,
    unit_of_work,
    unknown_category,
    when_recorded,
)
from dirtrack.errors import InvalidInput
from dirtrack.i18n import Choices, Phrase, msg
from dirtrack.kinds import CATEGORY_NAMES, KIND_NAMES
from dirtrack.render import OutputFormat, err, out
from dirtrack.render.json_out import dump

if TYPE_CHECKING:
    from sqlmodel import Session

    from dirtrack.records import Record


class KindGroup(DirtrackGroup):
    """A group whose subcommands are kinds of record: an unknown one is an ``Error:`` line."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and not args[0].startswith("-") and self.get_command(ctx, args[0]) is None:
            raise InvalidInput.of(
                "unknown_record_kind", kind=args[0], kinds=", ".join(self.commands)
            )
        return super().resolve_command(ctx, args)


edit_app = DirtrackTyper(
    cls=KindGroup,
    help="Correct a directive, meeting or limitation (recorded; undo takes it back).",
)
app.add_typer(edit_app, name="edit")


def _unknown_kind(value: str, choices: Choices) -> InvalidInput:
    return InvalidInput.of("unknown_kind", kind=value, choices=choices)


def _set_and_clear(ctx: typer.Context, given: str, clear: str) -> Exception:
    """The usage error of an option given with the one that clears the same field."""
    return bad_parameter(
        ctx, "set_and_clear", clear, among=(given, clear), given=given, clear=clear
    )


def _said(ctx: typer.Context, key: str, **values: object) -> None:
    err(msg(key, state(ctx).lang, **values))


def _corrected(ctx: typer.Context, session: "Session", what: str, ident: int) -> None:
    """Say what was corrected and the change to undo it by, or that nothing changed."""
    change = recorded_change(session)
    if change is None:
        _said(ctx, "edit_unchanged", what=Phrase(f"w_{what}"), id=ident)
    else:
        _said(ctx, "edited", what=Phrase(f"w_{what}"), id=ident, change=change)


# --- edit directive ----------------------------------------------------------------------------


def directive_changes(
    ctx: typer.Context,
    session: "Session",
    *,
    given: "date",
    text: str | None,
    unit: str | None,
    with_: list[str] | None,
    no_with: bool,
    due: str | None,
    no_due: bool,
    product: str | None,
    field: str | None = None,
    no_field: bool = False,
    no_product: bool = False,
) -> dict[str, Any]:
    """The options of `edit directive` as the changes :func:`edit_directive` takes."""
    from dirtrack.store.units import UnitIndex

    if with_ and no_with:
        raise bad_parameter(ctx, "with_and_no_with", "--no-with", among=("--with", "--no-with"))
    if due is not None and no_due:
        raise bad_parameter(ctx, "due_and_no_due", "--no-due", among=("--due", "--no-due"))
    changes: dict[str, Any] = {}
    index = UnitIndex.load(session)
    if text is not None:
        changes["text"] = text
    if unit is not None:
        changes["unit"] = index.resolve(unit)
    if with_:
        changes["with"] = index.resolve_many(with_)
    if no_with:
        changes["with"] = []
    if due is not None:
        # on the office's calendar (calendar add), as assign --due reads it, from the day the
        # directive was given (an occurrence's issue day)
        changes["due"], changes["due_text"] = (
            deadline(ctx, session, due, given, option="--due"),
            due,
        )
    if no_due:
        changes["due"], changes["due_text"] = None, None
    if product is not None and no_product:
        raise _set_and_clear(ctx, "--product", "--no-product")
    if product is not None:
        changes["product"] = product
    if no_product:
        changes["product"] = None
    if field is not None and no_field:
        raise bad_parameter(
            ctx, "field_and_no_field", "--no-field", among=("--field", "--no-field")
        )
    if field is not None:
        from dirtrack.store.fields import resolve_field

        changes["field"] = resolve_field(session.connection(), field)[0]
    if no_field:
        changes["field"] = None
    return changes


@edit_app.command("directive")
def edit_directive(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    text: Annotated[str | None, typer.Option(help="The directive's text, corrected.")] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="The lead unit, corrected.")
    ] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", help="Coordinating unit (repeatable): replaces the list."),
    ] = None,
    no_with: Annotated[
        bool, typer.Option("--no-with", help="No coordinating units any more.")
    ] = False,
    due: Annotated[
        str | None,
        typer.Option(
            help="The original deadline, corrected (a typo; `extend` approves a new one).",
            metavar="WHEN",
        ),
    ] = None,
    no_due: Annotated[
        bool, typer.Option("--no-due", help="The directive has no deadline after all.")
    ] = False,
    product: Annotated[str | None, typer.Option(help="The expected product, corrected.")] = None,
    no_product: Annotated[
        bool, typer.Option("--no-product", help="No expected product any more.")
    ] = False,
    field: Annotated[
        str | None,
        typer.Option(help="Its field (lĩnh vực): a code or name of `field list`.", metavar="CODE"),
    ] = None,
    no_field: Annotated[bool, typer.Option("--no-field", help="No field any more.")] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="Keep a text and lead unit that another directive of the meeting has too.",
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Correct a directive: its text, lead unit, coordinating units, deadline, product or field.

    Example: dirtrack edit directive 12 --unit BTC --due 30/9/2022
    """
    from dirtrack.store import directives as store

    positive_id(directive_id, "directive")
    with unit_of_work(ctx) as session:
        directive = store.get_directive(session, directive_id)
        changes = directive_changes(
            ctx,
            session,
            given=store.given_on(session, directive),
            text=text,
            unit=unit,
            with_=with_,
            no_with=no_with,
            due=due,
            no_due=no_due,
            product=product,
            field=field,
            no_field=no_field,
            no_product=no_product,
        )
        had = store.coordinator_ids(session, directive_id)
        store.edit_directive(session, directive_id, changes, allow_duplicate=allow_duplicate)
        _lead_not_with(ctx, session, directive_id, changes, had)
        say_passed(ctx, session)
        record = _directive(session, directive_id)
        _print(record, fmt, str(directive_id))
    _corrected(ctx, session, "directive", directive_id)


def _directive(session: "Session", directive_id: int) -> "Record":
    from dirtrack.records import directive_record
    from dirtrack.store.directives import get_facts

    day = today()
    return directive_record(get_facts(session, directive_id, as_of=day), day)


def _lead_not_with(
    ctx: typer.Context,
    session: "Session",
    directive_id: int,
    changes: dict[str, Any],
    had: set[int],
) -> None:
    """Say that the lead unit is not among the coordinating units it was named among: `--with`
    naming it, or `--unit` making a coordinating unit the lead (it left them without a word)."""
    from dirtrack.cli.directives import say_lead_kept
    from dirtrack.models import Directive, Unit

    directive = session.get(Directive, directive_id)
    lead = session.get(Unit, directive.unit_id) if directive is not None else None
    if lead is None:
        return
    lang = state(ctx).lang
    if "with" in changes:
        named = [u.id for u in changes["with"]]
        say_lead_kept(ctx, lead, named, "lead_also_with", directive_id)
    elif "unit" in changes and lead.id in had:
        notice(ctx, msg("lead_was_with", lang, unit=lead.code, id=directive_id))


def _print(record: "Record", fmt: OutputFormat, plain: str) -> None:
    if fmt is OutputFormat.JSON:
        out(dump(record))
    elif fmt is OutputFormat.CSV:
        from dirtrack.render.csv_out import dump_records

        out(dump_records([record]))
    else:
        out(plain)


# --- edit meeting ------------------------------------------------------------------------------


@edit_app.command("meeting")
def edit_meeting(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(metavar="ID", help="The meeting.")],
    *,
    on: Annotated[
        str | None, typer.Option("--date", help="The DATE it was held, corrected.", metavar="DATE")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The title, corrected.")] = None,
    chair: Annotated[str | None, typer.Option(help="Who chaired (chủ trì).")] = None,
    chair_title: Annotated[str | None, typer.Option(help="The chair's position.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(click_type=Named(KIND_NAMES, _unknown_kind), metavar="KIND", help=KIND_HELP),
    ] = None,
    doc: Annotated[
        str | None, typer.Option(help="Conclusion document number.", metavar="NUMBER")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free text.")] = None,
    attendee: Annotated[
        list[str] | None,
        typer.Option(help="An attending unit (repeatable): replaces the list."),
    ] = None,
    no_chair: Annotated[bool, typer.Option("--no-chair", help="No chair recorded.")] = False,
    no_chair_title: Annotated[
        bool, typer.Option("--no-chair-title", help="No chair's position recorded.")
    ] = False,
    no_doc: Annotated[
        bool, typer.Option("--no-doc", help="No conclusion document recorded.")
    ] = False,
    no_note: Annotated[bool, typer.Option("--no-note", help="No note.")] = False,
    no_attendees: Annotated[
        bool, typer.Option("--no-attendees", help="No attending units recorded.")
    ] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate", help="Keep a date and title that another meeting has too."
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Correct a meeting: its date, title, chair, kind, document, note or attending units.

    Example: dirtrack edit meeting 4 --date 6/5/2022 --doc 46-TB/TU
    """
    from dirtrack.cli.common import read_date
    from dirtrack.store.meetings import edit_meeting as store_edit
    from dirtrack.store.units import UnitIndex

    positive_id(meeting_id, "meeting")
    given = {
        "title": title,
        "chair": chair,
        "chair_title": chair_title,
        "kind": kind,
        "doc": doc,
        "note": note,
    }
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    cleared = {
        "chair": no_chair,
        "chair_title": no_chair_title,
        "doc": no_doc,
        "note": no_note,
        "attendees": no_attendees,
    }
    for name, clear in cleared.items():
        option = "--" + name.replace("_", "-")
        if clear and (name in changes or (name == "attendees" and attendee)):
            raise _set_and_clear(ctx, "--attendee" if name == "attendees" else option,
                                 "--no-" + option[2:])  # fmt: skip
        if clear:
            changes[name] = [] if name == "attendees" else None
    if on is not None:
        changes["date"] = read_date(on, "--date")
    with unit_of_work(ctx) as session:
        if attendee:
            changes["attendees"] = UnitIndex.load(session).resolve_many(attendee)
        store_edit(session, meeting_id, changes, allow_duplicate=allow_duplicate)
        record = _meeting(session, meeting_id)
        _print(record, fmt, str(meeting_id))
    _corrected(ctx, session, "meeting", meeting_id)


def _meeting(session: "Session", meeting_id: int) -> "Record":
    from dirtrack.records import meeting_record
    from dirtrack.store.meetings import attendee_ids, get_meeting
    from dirtrack.store.units import UnitIndex

    index = UnitIndex.load(session)
    codes = [index.code(u) for u in attendee_ids(session, [meeting_id])[meeting_id]]
    return meeting_record(get_meeting(session, meeting_id), codes)


# --- edit limitation ---------------------------------------------------------------------------


@edit_app.command("limitation")
def edit_limitation(
    ctx: typer.Context,
    limitation_id: LimitationArg,
    *,
    text: Annotated[str | None, typer.Option(help="The limitation's text, corrected.")] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="The unit it is about, corrected.")
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            click_type=Named(CATEGORY_NAMES, unknown_category),
            metavar="CATEGORY",
            help=CATEGORY_HELP,
        ),
    ] = None,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="Keep a text and unit that another limitation of the meeting has too.",
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Correct a limitation: its text, unit or category.

    Example: dirtrack edit limitation 4 --category staffing
    """
    from dirtrack.store.limitations import edit_limitation as store_edit
    from dirtrack.store.units import UnitIndex

    positive_id(limitation_id, "limitation")
    changes: dict[str, Any] = {}
    if text is not None:
        changes["text"] = text
    if category is not None:
        changes["category"] = category
    with unit_of_work(ctx) as session:
        if unit is not None:
            changes["unit"] = UnitIndex.load(session).resolve(unit)
        store_edit(session, limitation_id, changes, allow_duplicate=allow_duplicate)
        record = _limitation(session, limitation_id)
        _print(record, fmt, str(limitation_id))
    _corrected(ctx, session, "limitation", limitation_id)


def _limitation(session: "Session", limitation_id: int) -> "Record":
    from dirtrack.records import limitation_record
    from dirtrack.store.limitations import limitation_facts

    return limitation_record(limitation_facts(session, limitation_id), today())


# --- delete ------------------------------------------------------------------------------------

RECORD_KINDS = {
    "meeting": ("cuộc họp", "họp"),
    "directive": ("chỉ đạo", "nhiệm vụ"),
    "limitation": ("hạn chế",),
}


def _unknown_record(value: str, choices: Choices) -> InvalidInput:
    return InvalidInput.of("unknown_record_kind", kind=value, kinds=choices)


@app.command("delete")
def delete(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            click_type=Named(RECORD_KINDS, _unknown_record),
            metavar="meeting|directive|limitation",
            help="meeting (cuộc họp), directive (nhiệm vụ) or limitation (hạn chế): what to "
            "delete, the code or the Vietnamese name.",
        ),
    ],
    ident: Annotated[int, typer.Argument(metavar="ID", help="Its id.")],
    *,
    yes: YesOpt = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Delete a record entered by mistake, with what depends on it (listed first).

    A meeting goes with its directives and limitations, a directive with its progress,
    extensions and coordinating units; a limitation linked as a repeat of it stays, unlinked.
    At a terminal it asks; without one it needs --yes. `undo` puts it all back.

    Example: dirtrack delete meeting 4 --yes
    """
    from dirtrack.store.dependants import delete_planned, plan_delete

    positive_id(ident, kind)
    lang = state(ctx).lang
    with unit_of_work(ctx, write=False) as session:
        plan = plan_delete(session.connection(), kind, ident)
        record = _record_of(session, kind, ident)
    confirm(ctx, yes, _delete_preview(plan, lang))
    with unit_of_work(ctx) as session:
        again = plan_delete(session.connection(), kind, ident)
        if again.dependants() != plan.dependants() or again.unlinks() != plan.unlinks():
            from dirtrack.errors import Conflict

            raise Conflict.of("changed_while_asking")
        delete_planned(session.connection(), again)

        def show(recorded: "Session") -> None:
            if fmt is not OutputFormat.JSON:
                out(str(ident))
                return
            out(
                dump(
                    {
                        "kind": kind,
                        "id": ident,
                        "record": record,
                        "removed": plan.dependants(),
                        "unlinked": plan.unlinks(),
                        "change_id": recorded_change(recorded),
                    }
                )
            )

        when_recorded(ctx, show)
    _said(
        ctx, "deleted", what=Phrase(f"w_{kind}"), id=ident, change=recorded_change(session) or "?"
    )


def _record_of(session: "Session", kind: str, ident: int) -> "Record":
    if kind == "meeting":
        return _meeting(session, ident)
    if kind == "directive":
        return _directive(session, ident)
    return _limitation(session, ident)


def _delete_preview(plan: Any, lang: str) -> list[str]:
    from dirtrack.i18n import FirstFew, t

    lines = [msg("delete_what", lang, what=Phrase(f"w_{plan.entity}"), id=plan.id)]
    for name, ids in plan.dependants().items():
        shown = FirstFew(
            [str(i) if not isinstance(i, list) else "/".join(map(str, i)) for i in ids]
        )
        lines.append(msg("delete_with", lang, what=t(f"ent_{name}", lang), n=len(ids), ids=shown))
    for name, ids in plan.unlinks().items():
        shown = FirstFew(ids)
        lines.append(msg("delete_unlink", lang, what=t(f"ent_{name}", lang), ids=shown))
    return lines


# --- reopen ------------------------------------------------------------------------------------


@app.command("reopen")
def reopen(
    ctx: typer.Context,
    directive_id: DirectiveArg,
    *,
    reason: Annotated[str | None, typer.Option(help="Why it is open again.")] = None,
    on: DateOpt = None,
    mistake: Annotated[
        bool,
        typer.Option(
            "--mistake",
            help="The completion, cancellation or withdrawal was recorded by mistake (the "
            "wrong directive): clear it as if never recorded; only the history keeps it.",
        ),
    ] = False,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Open a completed, cancelled or withdrawn directive again from --date (default today).

    The closure was true until then: every view as of a day it was in force still shows it
    (done on time or late, cancelled, withdrawn), and show, export and the report keep it with
    the reason given. With --mistake it is cleared instead, as if never recorded.

    Example: dirtrack reopen 12 --reason "Sản phẩm bị trả lại"
    """
    from dirtrack.store.directives import reopen as store_reopen
    from dirtrack.text import clean_optional

    day = event_day(on)
    clean_optional(reason, "reason")
    positive_id(directive_id, "directive")
    with unit_of_work(ctx) as session:
        store_reopen(session, directive_id, on=day, reason=reason, mistake=mistake)
        say_passed(ctx, session)
        record = _directive(session, directive_id)
        _print(record, fmt, str(directive_id))
    change = recorded_change(session) or "?"
    if mistake:
        _said(ctx, "reopened_mistake", id=directive_id, change=change)
    else:
        _said(ctx, "reopened", id=directive_id, date=day, change=change)
