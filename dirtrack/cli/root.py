"""The root command: the global options, and every command, registered by importing its module.

:func:`dirtrack.cli.main` imports this module once Ctrl-C can be handled; tests use ``app``.
"""

from typing import Annotated

import typer

from dirtrack import __version__
from dirtrack.cli import (  # noqa: F401
    calendar,
    corrections,
    directives,
    documents,
    extract,
    fields,
    limitations,
    meetings,
    office,
    ops,
    packs,
    reports,
    requests,
    scores,
    series,
    transfer,
    units,
)
from dirtrack.cli.app import app
from dirtrack.cli.common import Lang, State


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dirtrack {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            "-d",
            envvar="DIRTRACK_DB",
            help="SQLite file or database URL (default: dirtrack.db in the user data folder).",
            metavar="TARGET",
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            envvar="DIRTRACK_LANG", case_sensitive=False, help="vi or en (default: from LANG)."
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            envvar="DIRTRACK_ACTOR",
            help="Who makes the changes, for the history (default: the OS user).",
            metavar="NAME",
        ),
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option(
            help="Time zone for the times people read, e.g. Asia/Ho_Chi_Minh "
            "(default: the machine's).",
            metavar="ZONE",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Follow up on what leaders decide in meetings: directives, limitations and reports."""
    from dirtrack.i18n import default_lang

    ctx.obj = State(
        db=db,
        lang=lang.value if lang else default_lang(),
        actor=_actor(actor),
        timezone=timezone,
    )
    ctx.obj.zone()  # an unknown zone is an error whatever the command


def _actor(value: str | None) -> str | None:
    from dirtrack.errors import InvalidInput
    from dirtrack.text import clean_text

    if value is None:
        return None
    name = clean_text(value, "--actor")
    if not name or len(name) > 200:
        raise InvalidInput.of("bad_actor")
    return name


__all__ = ["app"]
