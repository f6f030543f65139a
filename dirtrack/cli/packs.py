"""`pack out`, `pack in`, `pack status`: each unit its own workbook, its answers back in."""

from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    CutoffOpt,
    FormatOpt,
    bad_parameter,
    database_file,
    day_or_today,
    event_day,
    field_list,
    fields_option,
    named_option,
    optional_day,
    period_given,
    state,
    today,
    unit_of_work,
)
from dirtrack.errors import DirtrackError, InvalidInput
from dirtrack.i18n import msg, t
from dirtrack.periods import Cutoff, Period
from dirtrack.render import OutputFormat, err, views

if TYPE_CHECKING:
    from sqlmodel import Session

    from dirtrack.store.contacts import Contact
    from dirtrack.transfer.pack_merge import FilePlan

pack_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="Each unit its own workbook to fill (by mail), its answers back in, who answered.",
)
app.add_typer(pack_app, name="pack")

PeriodOpt = Annotated[
    str | None,
    typer.Option(help="The period: 2022Q3, quý III/2022, 2022-09, START..END.", metavar="PERIOD"),
]
QuarterOpt = Annotated[
    str | None,
    typer.Option(help="The quarter: 2022Q3, Q3/2022, quý III/2022.", metavar="PERIOD"),
]
# How long a unit has to answer when --due is not given and the period is over.
ANSWER_DAYS = 7


def _period(ctx: typer.Context, period: str | None, quarter: str | None, cutoff: Cutoff) -> Period:
    if bool(quarter) == bool(period):
        raise bad_parameter(ctx, "quarter_or_period", "--quarter", among=("--quarter", "--period"))
    return period_given(period, quarter, cutoff)


class _Rehearsal(Exception):
    """Raised inside the unit of work so that a dry run rolls back."""


@pack_app.command("out")
def pack_out(
    ctx: typer.Context,
    *,
    period: PeriodOpt = None,
    quarter: QuarterOpt = None,
    unit: Annotated[
        list[str] | None,
        typer.Option("--unit", "-u", help="Only this unit (repeatable; default: every unit)."),
    ] = None,
    folder: Annotated[
        str, typer.Option("--dir", help="The folder to write the workbooks to.", metavar="DIR")
    ],
    due: Annotated[
        str | None,
        typer.Option(
            "--due",
            help="The DATE by which units answer (default: the period's end, or a week from "
            "today once it is over).",
            metavar="DATE",
        ),
    ] = None,
    mail: Annotated[
        bool, typer.Option("--mail", help="Send each unit its workbook (config file [mail]).")
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show what would be written and sent to whom; do neither."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace workbooks already in DIR.")
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The DATE the office's figures are taken at (default: today).",
            metavar="DATE",
        ),
    ] = None,
    cutoff: CutoffOpt = Cutoff.CALENDAR,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Write one workbook per unit (DIR/<CODE>.xlsx) for it to fill in; optionally mail it.

    Each holds the directives the unit leads and those it coordinates that are open or fell
    due in the period, with the meeting, the deadline in force and the last progress.

    Example: dirtrack pack out --quarter 2022Q3 --dir phieu/ --as-of 12/9/2022 --due 20/9/2022
    """
    import secrets

    from dirtrack.render.outfile import unit_file
    from dirtrack.store.packs import NewItem, asked, create_pack, lines_of
    from dirtrack.store.units import UnitIndex
    from dirtrack.transfer.pack_book import BookMeta, write_book

    lang = state(ctx).lang
    span = _period(ctx, period, quarter, cutoff)
    if dry_run:
        _need_database(ctx)
    made_on = day_or_today(as_of, "--as-of")
    answer_by = optional_day(due, "--due") or (
        span.end if span.end >= made_on else made_on + timedelta(days=ANSWER_DAYS)
    )
    if answer_by < made_on:  # a reply date already past when the pack is made
        raise InvalidInput.of("pack_due_before", date=answer_by, made=made_on, option="--due")
    settings = password = None
    unset: DirtrackError | None = None  # a dry run's missing [mail]: said after what it shows
    if mail:  # before anything is written: a missing password stops here
        try:
            settings, password = _mail_settings(ctx, dry_run=dry_run)
        except DirtrackError as exc:
            if not dry_run:
                raise
            unset = exc
    from dirtrack.inputs import user_path

    target = user_path(folder)
    made = False
    if not dry_run:
        from dirtrack.render.outfile import unit_folder

        made = unit_folder(target)
    rehearsal = dry_run
    results: list[dict[str, Any]] = []
    skipped: list[str] = []
    written: list[Path] = []

    def show() -> None:
        record = {
            "period": {
                "label": span.label,
                "start": span.start.isoformat(),
                "end": span.end.isoformat(),
            },
            "made_on": made_on.isoformat(),
            "answer_by": answer_by.isoformat(),
            "dry_run": dry_run,
            "packs": [{k: v for k, v in r.items() if not k.startswith("_")} for r in results],
        }
        views.packs_out(record, fmt, lang)

    try:
        with unit_of_work(ctx) as session:
            from dirtrack.holders import Holders
            from dirtrack.store.contacts import contacts_of

            index = UnitIndex.load(session)
            if unit:
                chosen = index.resolve_many(unit)
            else:  # the units at work on the pack's day (--as-of), as list --as-of has them
                chosen = [
                    u
                    for u in index.units.values()
                    if u.retired_on is None or u.retired_on > made_on
                ]
            ids = [u.id for u in chosen if u.id is not None]
            conn = session.connection()
            holders = Holders.load(conn, index)
            judged = asked(conn, span, made_on, ids, holders)
            contacts = contacts_of(conn, ids)
            names = {u.code: u.name for u in index.units.values()}
            files: set[str] = set()
            for found in chosen:
                assert found.id is not None
                parts = judged[found.id]
                if not unit and not parts["lead"] and not parts["with"]:
                    skipped.append(found.code)
                    continue
                name = unit_file(found.code, "xlsx", found.id, files)
                path = target / name
                from dirtrack.render.outfile import unit_file_target

                if not dry_run:
                    unit_file_target(path, force=force)
                to, cc = _recipients(contacts.get(found.id, []))
                results.append(
                    {
                        "unit": found.code,
                        "name": found.name,
                        "file": str(path),
                        "token": None,
                        "lead": len(parts["lead"]),
                        "with": len(parts["with"]),
                        "to": to,
                        "cc": cc,
                        "sent": None,
                        "error": None,
                        "_unit_id": found.id,
                        "_parts": parts,
                    }
                )
            if mail:  # an address stored before today's rule: said before anything is sent
                _refuse_stored_addresses(conn, [r["_unit_id"] for r in results])
            for result in results:
                token = secrets.token_hex(16)
                lines = lines_of(conn, result.pop("_parts"), made_on, holders)
                meta = BookMeta(
                    token=token,
                    unit_code=result["unit"],
                    unit_name=result["name"],
                    period_label=span.label,
                    period_title=span.title("vi"),
                    start=span.start,
                    end=span.end,
                    made_on=made_on,
                    answer_by=answer_by,
                )
                data, known = write_book(meta, lines, names)
                result["_data"] = data
                if dry_run:
                    continue
                result["token"] = token
                result["_pack"] = create_pack(
                    session,
                    token=token,
                    unit_id=result["_unit_id"],
                    period=span,
                    made_on=made_on,
                    answer_by=answer_by,
                    file=result["file"],
                    items=[
                        NewItem(line.facts.id, line.role, *known[line.facts.id]) for line in lines
                    ],
                )
            if not dry_run:
                from dirtrack.render.outfile import write_atomic

                for result in results:
                    path = Path(result["file"])
                    write_atomic(path, result["_data"], force=force, database=database_file(ctx))
                    written.append(path)
            if not mail:  # printed before the packs are recorded (cli.common.units_of_work)
                show()
            if rehearsal:
                raise _Rehearsal
    except _Rehearsal:
        pass
    except BaseException:
        from dirtrack.render.outfile import drop_unit_folder

        # the packs were not recorded: their workbooks (and a folder made for them) must not
        # remain
        drop_unit_folder(target, written, made=made)
        raise
    for code in skipped:
        err(msg("pack_nothing", lang, unit=code, period=span.title(lang)))
    if not dry_run and results:
        err(msg("pack_written", lang, n=len(results), dir=target, due=answer_by))
    elif not dry_run:  # every unit said "nothing to ask about" above: no "0 workbooks written"
        err(msg("pack_none_written", lang, dir=target))
    failures: list[str] = []
    if mail:  # what was sent, said once it has been
        failures = _send_all(ctx, results, span, answer_by, settings, password, dry_run=dry_run)
        show()
    if unset is not None:  # the recipients and files are listed above; the settings are not
        raise unset
    if failures:
        raise InvalidInput.of("mail_some_failed", n=len(failures), units=", ".join(failures))


def _need_database(ctx: typer.Context) -> None:
    from dirtrack.cli.common import missing_database
    from dirtrack.db import blank_file
    from dirtrack.errors import DatabaseError

    if missing_database(ctx):
        raise DatabaseError.of("no_database_at", path=database_file(ctx))
    path = database_file(ctx)
    if path is not None and blank_file(path):  # an empty file holds no pack either
        raise DatabaseError.of("db_empty_file", path=path)


def _refuse_stored_addresses(conn: Any, unit_ids: list[int]) -> None:
    """Refuse to mail the packs when a unit's stored address is one today's rule of an address
    refuses (an older version stored it): mailed, a homograph domain reached another server, or
    the server refused it after others were sent. Named with the unit, and how to set it right.

    Raises:
        InvalidInput: the first such address, and how many more units have one.
    """
    from dirtrack.i18n import FirstFew, Phrase
    from dirtrack.store.contacts import refused_addresses

    refused = refused_addresses(conn, unit_ids)
    if not refused:
        return
    units = list(dict.fromkeys(r.unit for r in refused if r.unit != refused[0].unit))
    more = Phrase("pack_refused_more", n=len(units), units=FirstFew(units)) if units else ""
    raise InvalidInput.of("pack_refused_address", refused=refused[0].phrase(), more=more)


def _recipients(contacts: "list[Contact]") -> tuple[list[str], list[str]]:
    """To the focal person, the head in copy; to the head alone when no focal address."""
    from dirtrack.mail import address

    by_role = {c.role: c for c in contacts if c.email}
    focal, head = by_role.get("focal"), by_role.get("head")
    to = [address(c.name, c.email) for c in (focal or head,) if c is not None and c.email]
    cc = [address(head.name, head.email)] if focal and head and head.email else []
    return to, cc


def _mail_settings(ctx: typer.Context, *, dry_run: bool) -> tuple[Any, str | None]:
    from dirtrack import config
    from dirtrack.mail import password_of, settings_from

    loaded = config.load(ctx.find_root().command)
    settings = settings_from(loaded.table("mail"), loaded.path)
    password = None if dry_run else password_of(settings, loaded.path)
    return settings, password


def _send_all(
    ctx: typer.Context,
    results: list[dict[str, Any]],
    span: Period,
    answer_by: date,
    settings: Any,
    password: str | None,
    *,
    dry_run: bool,
) -> list[str]:
    """Mail each pack; record those sent. Returns the units whose mail failed."""
    from datetime import UTC, datetime

    from dirtrack.mail import MailError, message, send

    lang = state(ctx).lang
    # The mail is for the unit, as the workbook it carries (Vietnamese whatever the language):
    # Vietnamese unless English was asked for (--lang en), not merely LANG's.
    said = lang if state(ctx).lang_asked else "vi"
    failures: list[str] = []
    sent: list[tuple[int, datetime, str, str | None]] = []
    stopped: MailError | None = None  # the server failed: the rest are not tried
    untried: list[str] = []
    for result in results:
        if not result["to"]:
            err(msg("pack_no_address", lang, unit=result["unit"], file=result["file"]))
            continue
        if dry_run:
            continue
        if stopped is not None:
            result["error"] = stopped.render(lang)
            failures.append(result["unit"])
            untried.append(result["unit"])
            continue
        name = Path(result["file"]).name
        letter = message(
            sender=settings.sender,
            to=result["to"],
            cc=result["cc"],
            subject=t("pack_mail_subject", said, period=span.title(said), unit=result["name"]),
            body=_letter(result, span, answer_by, name, said),
            attachment=result["_data"],
            filename=name,
        )
        try:
            send(settings, letter, password)
        except MailError as exc:
            result["error"] = exc.render(lang)
            failures.append(result["unit"])
            err(msg("pack_not_sent", lang, unit=result["unit"], reason=exc))
            if exc.server_wide:
                stopped = exc
            continue
        at = datetime.now(UTC)
        result["sent"] = at.isoformat(timespec="seconds")
        sent.append((result["_pack"], at, ", ".join(result["to"]), ", ".join(result["cc"]) or None))
    if untried:
        err(msg("pack_mail_untried", lang, n=len(untried), units=", ".join(untried)))
    if sent:
        from dirtrack.store.packs import mark_sent

        with unit_of_work(ctx) as session:
            for pack_id, at, to, cc in sent:
                mark_sent(session, pack_id, at=at, to=to, cc=cc)
        err(msg("pack_sent", lang, n=len(sent)))
    return failures


def _letter(result: dict[str, Any], span: Period, answer_by: date, name: str, lang: str) -> str:
    """The body of the mail that takes a unit its pack, in ``lang`` (the workbook itself is
    Vietnamese whatever the language)."""
    from dirtrack.i18n import clauses
    from dirtrack.render.report_doc import header_day

    # the counts that are not 0: an office writes no "0 nhiệm vụ phối hợp"
    counts = clauses(lang, ("pack_mail_lead", result["lead"]), ("pack_mail_with", result["with"]))
    paragraphs = (
        t("pack_mail_to", lang, unit=" ".join(result["name"].split())),
        t("pack_mail_ask", lang, period=span.title(lang), file=name, counts=counts),
        t("pack_mail_how", lang, date=header_day(answer_by, lang)),
        t("pack_mail_close", lang),
    )
    return "\n\n".join(paragraphs) + "\n"


class Prefer(StrEnum):
    OFFICE = "office"
    UNIT = "unit"


#: What a user may type for each side of ``pack in --prefer`` besides its code.
PREFER_NAMES: dict[str, tuple[str, ...]] = {
    Prefer.OFFICE: ("cơ quan", "văn phòng"),
    Prefer.UNIT: ("đơn vị",),
}


@pack_app.command("in")
def pack_in(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(help="Returned workbooks, or folders holding them.", metavar="FILE…"),
    ],
    *,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show every change and conflict; write nothing."),
    ] = False,
    prefer: Annotated[
        Prefer | None,
        named_option(
            PREFER_NAMES,
            metavar="office|unit",
            help="Settle every conflict: office (cơ quan) keeps the record, unit (đơn vị) "
            "applies the answer.",
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date", help="The DATE the answers came in (default: today).", metavar="DATE"
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Read the workbooks units returned: their answers in, conflicts listed, each file whole.

    Each file is applied in a transaction of its own, whole or not at all; a file that cannot
    be (not a pack, a locked cell changed, a value mistyped) is named and the others still go in.

    Example: dirtrack pack in phieu/*.xlsx --dry-run
    """
    from dirtrack.cli.common import units_of_work
    from dirtrack.errors import DirtrackError
    from dirtrack.transfer.pack_book import read_book
    from dirtrack.transfer.pack_merge import Units, apply_file, plan_file

    day = event_day(on)
    paths = _expand(files)
    _need_database(ctx)  # a pack belongs to a database that exists: never make an empty one
    choice = prefer.value if prefer else None
    plans = []
    refused: list[tuple[Path, DirtrackError]] = []
    units = Units()

    def read(session: "Session", path: Path) -> None:
        book = read_book(path)
        plan, pack = plan_file(session, book, day=day, prefer=choice, units=units)
        apply_file(session, plan, pack, day=day)
        plans.append(plan)

    with units_of_work(ctx) as begin:
        if dry_run:
            # One rehearsal of the whole reading, each file in a savepoint of its own: a file
            # sees what the files before it would have written (a lead's completion before a
            # coordinating unit's note), as in the real run; all of it is rolled back.
            try:
                with begin() as session:
                    for path in paths:
                        try:
                            with session.begin_nested():
                                read(session, path)
                        except DirtrackError as exc:
                            refused.append((path, exc))
                    raise _Rehearsal
            except _Rehearsal:
                for plan in plans:
                    _forget_requests(plan)
        else:
            for path in paths:  # one transaction, one change in history, per file: all or none
                try:
                    with begin() as session:
                        read(session, path)
                except DirtrackError as exc:
                    refused.append((path, exc))
    lang = state(ctx).lang
    if plans or not refused:
        _show_read_in(plans, fmt, lang, dry_run=dry_run, day=day, prefer=choice)
    if refused:
        first = refused[0][1]
        if len(refused) == 1:
            raise first
        others = ", ".join(path.name for path, _ in refused[1:])
        raise InvalidInput.of("pack_files_refused", first=first, n=len(refused) - 1, files=others)


def _show_read_in(
    plans: list["FilePlan"],
    fmt: OutputFormat,
    lang: str,
    *,
    dry_run: bool,
    day: date,
    prefer: str | None = None,
) -> None:
    """Print what ``pack in`` read and flush it, then its summary per file on stderr.

    Each file was committed in its own transaction before (deliberately: one bad file does not
    stop the others), so a stdout that cannot take this cannot take them back: the one error
    line then says which files are recorded, and that reading them again changes nothing.

    Raises:
        OutputError: stdout refused the output after files were recorded.
    """
    import sys

    from dirtrack.cli.app import quiet_stdout
    from dirtrack.errors import OutputError
    from dirtrack.render.outfile import output_failure

    try:
        views.packs_in(plans, fmt, lang, dry_run=dry_run, day=day)
        sys.stdout.flush()
    except OSError as exc:
        failed = output_failure(exc)
        if failed is None or dry_run or not plans:
            raise
        quiet_stdout()  # what is left in its buffer would fail again at exit
        files = ", ".join(dict.fromkeys(plan.path.name for plan in plans))
        raise OutputError.of("pack_in_unshown", failed=failed, files=files) from None
    views.packs_in_summary(plans, lang, dry_run=dry_run, prefer=prefer)


def _forget_requests(plan: "FilePlan") -> None:
    """A rehearsal's requests are rolled back: their ids are no one's."""
    for row in plan.rows:
        if row.asked_now:
            row.request = None
            for change in row.changes:
                if change["what"] == "asks":
                    change["request"] = None


def _expand(files: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in files:
        from dirtrack.inputs import check_input, user_path

        path = user_path(name)
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() == ".xlsx"
                and not p.name.startswith(("~$", "."))
                and p.is_file()
            )
            if not inside:
                raise InvalidInput.of("pack_empty_folder", folder=path)
            found += inside
        elif not path.exists():
            check_input(path)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


@pack_app.command("status")
def pack_status(
    ctx: typer.Context,
    *,
    period: PeriodOpt = None,
    quarter: QuarterOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Judge 'on time' as of this DATE (default: today).", metavar="DATE"
        ),
    ] = None,
    cutoff: CutoffOpt = Cutoff.CALENDAR,
    fmt: FormatOpt = OutputFormat.TABLE,
    fields: Annotated[
        str | None,
        fields_option("code,sent,answered"),
    ] = None,
) -> None:
    """Per unit: when its pack was sent, when it answered, on time or not, items answered.

    --fields picks the units' keys (in JSON the period and as_of stay).

    Example: dirtrack pack status --quarter 2022Q3
    """
    from dirtrack.cli.common import read_only
    from dirtrack.store.pack_returns import return_keys, returns

    span = _period(ctx, period, quarter, cutoff)
    day = optional_day(as_of, "--as-of") or today()
    with read_only(ctx) as conn:
        units = returns(conn, span, day)
    record = {
        "period": {
            "label": span.label,
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
        },
        "as_of": day.isoformat(),
        "units": units,
    }
    views.packs_status(record, fmt, state(ctx).lang, keys=return_keys, fields=field_list(fields))
