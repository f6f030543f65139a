"""`office`, `office set` and `office template`: the issuing office's details that its documents
carry, and its own Word template."""

from typing import Annotated, Any

import typer

from dirtrack.cli.app import DirtrackGroup, DirtrackTyper, app
from dirtrack.cli.common import (
    ForceOpt,
    FormatOpt,
    bad_parameter,
    named_option,
    recorded_change,
    state,
    unit_of_work,
)
from dirtrack.errors import InvalidInput
from dirtrack.i18n import N_, Choices, Phrase, msg
from dirtrack.kinds import OFFICE_KIND_NAMES, ON_TIME_NAMES, YES_NO_NAMES
from dirtrack.render import OutputFormat, err

office_app = DirtrackTyper(
    cls=DirtrackGroup,
    help="The office that issues the documents: its kind, names, place, signer, recipients.",
    invoke_without_command=True,
)
app.add_typer(office_app, name="office")


# The help of --kind, said once for `office set` and `office template`.
OFFICE_KIND_HELP = N_(
    "party (đảng: Quy định 66-QĐ/TW) or state (nhà nước: NĐ 30/2020): the code or the "
    "Vietnamese name, accents optional."
)


# The refusals are the store's (dirtrack.store.office), which checks the same values given
# another way; imported when one is said, not on every start.
def _unknown_kind(value: str, choices: Choices) -> InvalidInput:
    from dirtrack.store.office import bad_kind

    return bad_kind(value)


def _unknown_yes_no(value: str, choices: Choices) -> InvalidInput:
    from dirtrack.store.office import bad_yes_no

    return bad_yes_no(value, "--accept-completions")


def _unknown_on_time_by(value: str, choices: Choices) -> InvalidInput:
    from dirtrack.store.office import bad_on_time_by

    return bad_on_time_by(value)


@office_app.callback(invoke_without_command=True)
def office_show(ctx: typer.Context, *, fmt: FormatOpt = OutputFormat.TABLE) -> None:
    """Show the office profile.

    Example: dirtrack office --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    from dirtrack.cli.common import missing_database, read_only
    from dirtrack.store.office import load, office_record

    if missing_database(ctx):
        profile = office_record(None)
    else:
        with read_only(ctx) as conn:
            profile = load(conn)
    _print(profile, fmt, state(ctx).lang)


def _print(profile: dict[str, Any], fmt: OutputFormat, lang: str) -> None:
    from dirtrack.render.views import office_profile

    office_profile(profile, fmt, lang)


@office_app.command("set")
def office_set(
    ctx: typer.Context,
    *,
    kind: Annotated[
        str | None,
        named_option(
            OFFICE_KIND_NAMES, unknown=_unknown_kind, metavar="KIND", help=OFFICE_KIND_HELP
        ),
    ] = None,
    parent_body: Annotated[
        str | None,
        typer.Option(
            "--parent-body",
            help="The governing body: 'TỈNH ỦY NINH BÌNH', 'UBND TỈNH NINH BÌNH'.",
            metavar="TEXT",
        ),
    ] = None,
    body: Annotated[
        str | None,
        typer.Option(
            "--body", help="The issuing body: 'VĂN PHÒNG', 'VĂN PHÒNG UBND TỈNH'.", metavar="TEXT"
        ),
    ] = None,
    code: Annotated[
        str | None,
        typer.Option(
            "--code", help="The issuer's ký hiệu in document numbers: VPTU, VPUB.", metavar="CODE"
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(
            "--place", help="The place name of the date line: 'Ninh Bình'.", metavar="TEXT"
        ),
    ] = None,
    signer_name: Annotated[
        str | None, typer.Option("--signer-name", help="Who signs: 'Nguyễn Văn A'.", metavar="NAME")
    ] = None,
    signer_title: Annotated[
        str | None,
        typer.Option(
            "--signer-title", help="The signer's title: 'PHÓ CHÁNH VĂN PHÒNG'.", metavar="TEXT"
        ),
    ] = None,
    signer_authority: Annotated[
        str | None,
        typer.Option(
            "--signer-authority",
            help="Signing on behalf: 'KT. CHÁNH VĂN PHÒNG', 'TL. CHỦ TỊCH'.",
            metavar="TEXT",
        ),
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            help="A default recipient (Kính gửi; repeatable; replaces the list).",
            metavar="TEXT",
        ),
    ] = None,
    no_to: Annotated[bool, typer.Option("--no-to", help="Clear the default recipients.")] = False,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            help="A Word template (.docx) for the report, used by default.",
            metavar="FILE",
        ),
    ] = None,
    no_template: Annotated[
        bool, typer.Option("--no-template", help="Use the template dirtrack ships.")
    ] = False,
    accept_completions: Annotated[
        str | None,
        named_option(
            YES_NO_NAMES,
            unknown=_unknown_yes_no,
            metavar="yes|no",
            help="yes (có): the office accepts (nghiệm thu) each completion with `accept`; "
            "no (không): it does not.",
        ),
    ] = None,
    on_time_by: Annotated[
        str | None,
        named_option(
            ON_TIME_NAMES,
            unknown=_unknown_on_time_by,
            metavar="document|acceptance",
            help="Which day decides on time: document (văn bản), the result document's date, "
            "or acceptance (nghiệm thu), the day the office accepts; the code or the "
            "Vietnamese name, accents optional.",
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.TABLE,
) -> None:
    """Set the office's details for documents; what is not given stays as it was.

    Example: dirtrack office set --kind party --parent-body "TỈNH ỦY NINH BÌNH" --body "VĂN PHÒNG"
    --code VPTU --place "Ninh Bình" --signer-title "CHÁNH VĂN PHÒNG" --signer-name "Nguyễn Văn A"
    --to "Thường trực Tỉnh ủy"
    """
    from dirtrack.store.office import set_office

    if to and no_to:
        raise bad_parameter(ctx, "office_to_and_no_to", "--no-to", among=("--to", "--no-to"))
    if template and no_template:
        raise bad_parameter(
            ctx,
            "office_template_and_no_template",
            "--no-template",
            among=("--template", "--no-template"),
        )
    changes: dict[str, Any] = {
        key: value
        for key, value in {
            "kind": kind,
            "parent_body": parent_body,
            "body": body,
            "code": code,
            "place": place,
            "signer_name": signer_name,
            "signer_title": signer_title,
            "signer_authority": signer_authority,
            "accepts_completions": accept_completions,
            "on_time_by": on_time_by,
        }.items()
        if value is not None
    }
    if to or no_to:
        changes["to"] = list(to or [])
    if template is not None:
        from dirtrack.render.docx_template import checked_template_path

        changes["template"] = str(checked_template_path(template))
    elif no_template:
        changes["template"] = None
    with unit_of_work(ctx) as session:
        profile = set_office(session, changes)
        _print(profile, fmt, state(ctx).lang)
    if recorded_change(session) is None:  # the profile already said so
        err(msg("office_unchanged", state(ctx).lang, what=Phrase("w_office")))


@office_app.command("template")
def office_template(
    ctx: typer.Context,
    *,
    out_file: Annotated[
        str,
        typer.Option("--out", "-o", help="Write the template to FILE (.docx).", metavar="FILE"),
    ],
    kind: Annotated[
        str | None,
        named_option(
            OFFICE_KIND_NAMES,
            unknown=_unknown_kind,
            metavar="KIND",
            help=OFFICE_KIND_HELP,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Copy the report template dirtrack ships out for editing, in the language of --lang.

    Without --kind, the template of the office's kind (office set --kind). The copy has the
    placeholders dirtrack fills (see README); give the edited file back with
    `office set --template FILE` or `report --template FILE`.

    Example: dirtrack --lang vi office template --out mau-bao-cao.docx
    """
    from dirtrack.cli.common import missing_database, out_target, read_only
    from dirtrack.i18n import msg, t
    from dirtrack.render import err
    from dirtrack.render.docx_template import shipped_template
    from dirtrack.render.outfile import write_atomic
    from dirtrack.store.office import check_kind, load, office_record

    lang = state(ctx).lang
    if kind is not None:
        chosen = check_kind(kind)
    elif missing_database(ctx):
        chosen = office_record(None)["kind"]
    else:
        with read_only(ctx) as conn:
            chosen = load(conn)["kind"]
    target = out_target(ctx, out_file, force=force, fmt="docx")
    if target is None:  # --out -: standard output, never a terminal
        from dirtrack.render import ReportFormat
        from dirtrack.render.report_out import deliver

        deliver(shipped_template(chosen, lang), ReportFormat.DOCX, lang, target=None, force=force)
        return
    write_atomic(target, shipped_template(chosen, lang), force=force)
    err(msg("office_template_wrote", lang, path=target, kind=t(f"office_kind_{chosen}", lang)))
