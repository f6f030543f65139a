"""`urge`, and what every document an office files shares (the letterhead from the profile)."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dirtrack.cli.app import app
from dirtrack.cli.common import (
    AsOfOpt,
    DocDateOpt,
    ForceOpt,
    NumberOpt,
    OutOpt,
    SignerOpt,
    ToOpt,
)

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy import Connection

    from dirtrack.render.report_out import Office


class LetterFormat(StrEnum):
    """``urge --format``: a choice as every other --format is (any case; a bad one exits 1
    naming the choices), where a text of its own was refused in capitals (``DOCX``)."""

    DOCX = "docx"
    MD = "md"


def document_texts(values: list[str] | None, option: str) -> list[str]:
    """``--to`` / ``--signer`` values as stored text, each once; a blank one is an error."""
    from dirtrack.errors import InvalidInput
    from dirtrack.text import clean_text

    found = []
    for value in values or []:
        text = clean_text(value, option)
        if not text:
            raise InvalidInput.of("office_blank", option=option)
        if len(text) > 400:
            raise InvalidInput.of("office_too_long", option=option, n=400)
        if text not in found:  # a recipient typed twice is written to once
            found.append(text)
    return found


def office_documents(
    conn: "Connection",
    lang: str,
    *,
    subject: str,
    number: str | None,
    day: "date",
    to: list[str],
    signer: str | None,
    template: str | None,
    doc_type: str | None = None,
    type_name: Any = "doc_report_type",
) -> "Office":
    """The letterhead of a document from the office profile and the command's overrides;
    ``doc_type``: :data:`dirtrack.letterhead.REPORT` (the default) or ``LETTER``."""
    from pathlib import Path

    from dirtrack.i18n import t
    from dirtrack.letterhead import REPORT, Letterhead
    from dirtrack.render.docx_template import checked_template_path
    from dirtrack.render.report_out import Office
    from dirtrack.store.documents import meeting_refs
    from dirtrack.store.office import load

    profile = load(conn)
    head = Letterhead.of(
        profile,
        doc_type=doc_type or REPORT,
        number=number,
        day=day,
        type_name=t(type_name, lang) if type_name else None,
        subject=subject,
        to=to,
        signer=signer,
        lang=lang,
    )
    chosen: Path | None = None
    if template is not None:
        chosen = checked_template_path(template)
    elif profile.get("template"):
        chosen = checked_template_path(profile["template"])
    return Office(head=head, meetings=meeting_refs(conn), template=chosen)


@app.command("urge")
def urge(
    ctx: typer.Context,
    unit: Annotated[
        str | None,
        typer.Argument(metavar="UNIT", help="The unit to write to (code, name or alias)."),
    ] = None,
    *,
    every: Annotated[
        bool, typer.Option("--all", help="One letter to each unit with something overdue.")
    ] = False,
    as_of: AsOfOpt = None,
    within: Annotated[
        int,
        typer.Option("--within", help="Also name what falls due within DAYS.", metavar="DAYS"),
    ] = 7,
    fmt: Annotated[
        LetterFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="docx (the letter) or md (text for mail).",
            metavar="FORMAT",
        ),
    ] = LetterFormat.DOCX,
    out_file: OutOpt = None,
    folder: Annotated[
        str | None,
        typer.Option(
            "--dir", help="Write one file per unit into DIR: DIR/<CODE>.docx.", metavar="DIR"
        ),
    ] = None,
    number: NumberOpt = None,
    on: DocDateOpt = None,
    to: ToOpt = None,
    signer: SignerOpt = None,
    reply_by: Annotated[
        str | None,
        typer.Option(
            "--reply-by",
            help="The DATE the unit must report back by (default: 7 days after the letter).",
            metavar="DATE",
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Write a công văn đôn đốc to a unit about its overdue and due-soon directives.

    The letter is recorded (history, and on each directive it names), so reports can say how
    often a unit was urged.

    Example: dirtrack urge VPTU --as-of 30/9/2022 --number 45 --out don-doc-vptu.docx
    """
    from dataclasses import replace
    from datetime import timedelta
    from pathlib import Path

    from dirtrack.cli.common import (
        bad_parameter,
        optional_day,
        out_target,
        state,
        today,
        unit_of_work,
    )
    from dirtrack.errors import InvalidInput
    from dirtrack.holders import facts_held
    from dirtrack.i18n import msg, t, within_key
    from dirtrack.letterhead import LETTER
    from dirtrack.remind import build_reminders, check_days, is_due_soon
    from dirtrack.render import err, out
    from dirtrack.render.letter import Letter, render_letter
    from dirtrack.render.outfile import (
        drop_unit_folder,
        unit_file,
        unit_file_target,
        unit_folder,
        write_atomic,
    )
    from dirtrack.status import Status
    from dirtrack.store.documents import record_urging, urged_before
    from dirtrack.store.office import load
    from dirtrack.store.units import UnitIndex

    lang = state(ctx).lang
    if bool(unit) == every:
        raise bad_parameter(ctx, "urge_unit_or_all", "--all", among=("unit", "--all"))
    if out_file and folder:
        raise bad_parameter(ctx, "urge_out_or_dir", "--out", among=("--out", "--dir"))
    if every and out_file:
        raise bad_parameter(ctx, "urge_all_needs_dir", "--out", among=("--all", "--out"))
    if every and folder is None:
        raise bad_parameter(ctx, "urge_all_no_dir", "--all")
    if every and number:
        raise bad_parameter(ctx, "urge_all_number", "--number", among=("--all", "--number"))
    check_days(within, "--within")
    day = optional_day(as_of, "--as-of") or today()
    issued = optional_day(on, "--date") or today()
    answer_by = optional_day(reply_by, "--reply-by") or issued + timedelta(days=7)
    if answer_by < issued:
        raise InvalidInput.of("urge_reply_before", date=answer_by, issued=issued)
    recipients = document_texts(to, "--to")
    signer_name = document_texts([signer] if signer else None, "--signer")
    target = out_target(ctx, out_file, force=force, fmt=fmt)
    from dirtrack.inputs import user_path

    where = None if folder is None else user_path(folder)
    made = where is not None and unit_folder(where)
    if fmt == "docx" and target is None and folder is None:
        import sys

        if sys.stdout.isatty():
            raise InvalidInput.of("binary_to_terminal", fmt="docx")
    written: list[tuple[Path | None, bytes, str]] = []
    created: list[Path] = []  # the letters written in --dir, none there before
    try:
        with unit_of_work(ctx) as session:
            index = UnitIndex.load(session)
            chosen = index.resolve(unit) if unit else None
            held = [chosen.id] if chosen is not None and chosen.id is not None else None
            facts = [
                f
                for f in facts_held(session, day, held, open_only=True)
                if f.status(day) is Status.OVERDUE or is_due_soon(f, day, within)
            ]
            sections = build_reminders(facts, as_of=day, within=within)["units"]
            if chosen is not None:
                sections = [s for s in sections if s["code"] == chosen.code]
                if not sections or not (sections[0]["overdue"] or sections[0]["due_soon"]):
                    nothing = within_key("urge_nothing", within)
                    raise InvalidInput.of(nothing, unit=chosen.code, date=day, n=within)
            else:
                sections = [s for s in sections if s["overdue"]]
            conn = session.connection()
            ids = {info.code: info for info in index.all_info()} if sections else {}
            taken: set[str] = set()
            # The office's letterhead and meetings, read once for every letter.
            office = office_documents(
                conn,
                lang,
                subject=t("urge_subject", lang),
                number=number,
                day=issued,
                to=recipients,
                signer=signer_name[0] if signer_name else None,
                template=None,
                doc_type=LETTER,
                type_name=None,
            )
            # Nơi nhận: "Như trên" (the unit), then the office's usual recipients.
            copies = [t("urge_as_above", lang), *load(conn)["to"]]
            for section in sections:
                head = replace(
                    office.head,
                    to=recipients or [section["name"] or section["code"]],
                    copies=list(copies),
                )
                unit_id = ids[section["code"]].id
                letter = Letter(
                    head=head,
                    unit=section,
                    as_of=day,
                    within=within,
                    reply_by=answer_by,
                    times=urged_before(session, unit_id, issued),
                    meetings=office.meetings,
                )
                data = render_letter(letter, fmt)
                record_urging(
                    session,
                    unit_id=unit_id,
                    issued_on=issued,
                    as_of=day,
                    number=head.number.split(" ", 1)[1] if number else None,
                    reply_by=answer_by,
                    overdue=[r["id"] for r in section["overdue"]],
                    due_soon=[r["id"] for r in section["due_soon"]],
                )
                path = target
                if where is not None:
                    name = unit_file(section["code"], fmt, unit_id, taken)
                    path = unit_file_target(where / name, force=force)
                written.append((path, data, section["code"]))
            for path, data, _ in written:  # inside the transaction: a failed write records nothing
                if path is not None:
                    fresh = not path.exists()
                    write_atomic(path, data, force=force)
                    if fresh and where is not None:
                        created.append(path)
                elif fmt == "md":
                    out(data.decode())
                else:
                    import sys

                    sys.stdout.buffer.write(data)
                    sys.stdout.buffer.flush()
    except BaseException:
        if where is not None:  # nothing was recorded: no letter (nor a folder made for them)
            drop_unit_folder(where, created, made=made)
        raise
    if not written:
        err(msg("urge_none", lang, date=day))
        return
    for path, _data, code in written:
        if path is not None:
            err(msg("urge_wrote", lang, unit=code, path=path))
