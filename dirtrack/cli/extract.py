"""`extract`: draft the meeting record from its text."""

import sys
from contextlib import nullcontext
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    ForceOpt,
    OutOpt,
    missing_database,
    say_passed,
    state,
    today,
    unit_of_work,
)
from dirtrack.render import err, out


class DraftFormat(StrEnum):
    TOML = "toml"
    JSON = "json"


@app.command("extract")
def extract(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="The meeting's text: .txt, .html, .mht, .docx, or - for stdin."
        ),
    ],
    *,
    fmt: Annotated[
        DraftFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="toml (to edit) or json (for scripts)."
        ),
    ] = DraftFormat.TOML,
    out_file: OutOpt = None,
    force: ForceOpt = False,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply", help="Record the draft at once (one transaction), after showing it."
        ),
    ] = False,
    create_units: Annotated[
        bool,
        typer.Option("--create-units", help="With --apply: register units the text names."),
    ] = False,
    allow_duplicate: Annotated[
        bool,
        typer.Option(
            "--allow-duplicate",
            help="With --apply: record it even if this draft was recorded before.",
        ),
    ] = False,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The meeting's date when the text does not give it (or gives it wrong).",
            metavar="DATE",
        ),
    ] = None,
    chair: Annotated[
        str | None,
        typer.Option("--chair", help="Who chaired the meeting, when the text does not say."),
    ] = None,
) -> None:
    """Draft a meeting record (meeting, limitations, directives) from the meeting's text.

    Review the draft, then record it with `dirtrack import DRAFT.toml`. A text that does not
    give the date, the chair or any unit still gives a draft, with a warning naming what is
    missing; --date and --chair fill them in.

    Example: dirtrack extract tin-bai.html --out hop-2022-05-06.toml
    """
    from dirtrack.cli.common import database_file, optional_day, out_target
    from dirtrack.extract import KnownUnit
    from dirtrack.extract.readers import extract_file
    from dirtrack.i18n import Count, msg
    from dirtrack.render.json_out import dump
    from dirtrack.render.outfile import write_atomic
    from dirtrack.store.units import UnitIndex
    from dirtrack.text import clean_optional
    from dirtrack.transfer.base import in_lang

    day = optional_day(on, "--date")
    chair_name = clean_optional(chair, "chair")
    target = out_target(ctx, out_file, force=force, fmt=fmt)
    # A draft needs no database: with none yet it knows no units (and creates nothing).
    unopened = not apply and missing_database(ctx)
    with nullcontext(None) if unopened else unit_of_work(ctx, write=apply) as session:
        known = []
        if session is not None:
            index = UnitIndex.load(session)
            known = [KnownUnit(i.code, i.name, i.aliases) for i in index.all_info()]
        # a cron job may run with its standard input closed (sys.stdin is then None)
        stdin = getattr(sys.stdin, "buffer", None)
        draft = extract_file(file, known, today=today(), on=day, chair=chair_name, stdin=stdin)
        lang = state(ctx).lang
        text = dump(draft.to_dict()) if fmt is DraftFormat.JSON else draft.to_toml(lang)
        if target is not None:
            write_atomic(target, text.encode("utf-8"), force=force, database=database_file(ctx))
            err(msg("report_wrote", state(ctx).lang, path=target))
        else:
            out(text)
        warn_controls(draft.controls, file, lang)
        if not apply:
            warn_missing(draft.missing, lang)
            warn_future(None if day else draft.meeting.date, today(), lang)
            if not draft.limitations and not draft.directives:  # --apply says it as it records
                err(msg("imp_warning", lang, text=msg("draft_no_items", lang)))
        if apply:
            from dirtrack.extract.record import record_draft

            assert session is not None

            result = record_draft(
                session, draft, create_units=create_units, allow_duplicate=allow_duplicate
            )
            # a directive for a unit retired after the meeting: passed on, and said so, as
            # assign and import DRAFT say it
            say_passed(ctx, session)
            # said once it is recorded: a draft the import refuses gets its one Error line only
            warn_missing(draft.missing, lang, meeting=result.details["meeting_id"])
            warn_future(
                None if day else draft.meeting.date,
                today(),
                lang,
                meeting=result.details["meeting_id"],
            )
            if result.unchanged:  # the same text applied again: nothing was written
                said = msg(
                    "draft_recorded_already",
                    lang,
                    id=result.details["meeting_id"],
                    n=result.unchanged,
                )
            else:  # only what is not 0: an office writes no "0 limitations"
                kinds = ("limitations", "directives", "units")
                things = ", ".join(
                    Count(kind, n).render(lang)
                    for kind in kinds
                    if (n := result.created.get(kind, 0))
                )
                key = "draft_recorded" if things else "draft_recorded_bare"
                said = msg(key, lang, id=result.details["meeting_id"], things=things)
            err(said)
            if result.new_units:  # the codes --create-units made up, as import names them
                from dirtrack.render.import_view import new_units_line

                err(new_units_line(result, lang))
            for warning in result.warnings:
                err(in_lang(warning, lang))


def warn_controls(controls: tuple[str, ...], source: str, lang: str) -> None:
    """The warning naming the control characters removed from the text (``U+007F``), as an
    import of a sheet names those it removes from a cell."""
    from dirtrack.i18n import Phrase, msg
    from dirtrack.transfer.base import in_lang

    if controls:
        where = Phrase("w_stdin") if source == "-" else source
        text = in_lang(Phrase("warn_controls", where=where, chars=", ".join(controls)), lang)
        err(msg("imp_warning", lang, text=text))


def warn_missing(missing: tuple[str, ...], lang: str, *, meeting: int | None = None) -> None:
    """The one warning line naming what the text does not give (date, title, chair, units):
    to fill in the draft, or, the draft recorded already (``--apply``), to check in ``meeting``."""
    from dirtrack.i18n import msg

    if missing:
        what = ", ".join(msg(f"missing_{name}", lang) for name in missing)
        if meeting is None:
            text = msg("draft_missing", lang, what=what)
        else:
            text = msg("draft_missing_recorded", lang, what=what, id=meeting)
        err(msg("imp_warning", lang, text=text))


def warn_future(held: date | None, now: date, lang: str, *, meeting: int | None = None) -> None:
    """The warning for a meeting the text dates after today: a misread or a mistyped year more
    often than a report written ahead of its meeting (recorded as it is, as `add-meeting` would):
    to check in the draft, or, the draft recorded already (``--apply``), in ``meeting``."""
    from dirtrack.i18n import msg

    if held is not None and held > now:
        if meeting is None:
            text = msg("draft_future", lang, day=held, today=now)
        else:
            text = msg("draft_future_recorded", lang, day=held, today=now, id=meeting)
        err(msg("imp_warning", lang, text=text))
