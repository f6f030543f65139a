"""The root command: the global options, and the commands, registered by importing their modules.

:func:`dirtrack.cli.main` imports this module once Ctrl-C can be handled, then the module of the
one command it runs (:func:`load_commands`); tests use ``app``, with every command.
"""

import os
from importlib import import_module
from typing import Annotated

import typer

from dirtrack import __version__
from dirtrack.cli.app import app
from dirtrack.cli.common import Lang, State

# The modules of dirtrack.cli that register commands, in the order their commands are listed.
COMMAND_MODULES = (
    "calendar",
    "corrections",
    "directives",
    "documents",
    "extract",
    "fields",
    "limitations",
    "meetings",
    "office",
    "ops",
    "packs",
    "reports",
    "requests",
    "scores",
    "series",
    "transfer",
    "units",
)
# Which of them registers each top-level command or group (tests/test_startup.py checks it
# against the commands registered): a run imports that one, not all seventeen.
COMMAND_MODULE = {
    "calendar": "calendar",
    "delete": "corrections",
    "edit": "corrections",
    "reopen": "corrections",
    "assign": "directives",
    "cancel": "directives",
    "done": "directives",
    "extend": "directives",
    "list": "directives",
    "progress": "directives",
    "show": "directives",
    "urge": "documents",
    "extract": "extract",
    "field": "fields",
    "leader": "fields",
    "add-limitation": "limitations",
    "limitation": "limitations",
    "limitations": "limitations",
    "resolve": "limitations",
    "add-meeting": "meetings",
    "meetings": "meetings",
    "office": "office",
    "completion": "ops",
    "config": "ops",
    "doctor": "ops",
    "history": "ops",
    "remind": "ops",
    "undo": "ops",
    "pack": "packs",
    "overdue": "reports",
    "report": "reports",
    "accept": "requests",
    "approve": "requests",
    "reject": "requests",
    "request": "requests",
    "requests": "requests",
    "return": "requests",
    "score": "scores",
    "series": "series",
    "backup": "transfer",
    "export": "transfer",
    "import": "transfer",
    "restore": "transfer",
    "unit": "units",
}


def commands_run(args: list[str]) -> frozenset[str] | None:
    """The top-level commands a run with the arguments ``args`` needs registered: the one it
    runs and those the configuration file has a table for; None (every command) when no
    command is named (``--help``, shell completion), for ``config`` (which shows every
    command's settings) or when the file cannot be read."""
    from dirtrack import config
    from dirtrack.cli.app import root_args

    name = root_args(args)[1]
    if name is None or name == "config":  # config shows the settings of every command
        return None
    tables = config.command_tables()
    return None if tables is None else tables | {name}


def load_commands(names: frozenset[str] | None = None) -> None:
    """Register the commands named (top-level names), or every command (None, or a name that
    is no command: Click then lists them or suggests one as usual)."""
    every = names is None or not names <= COMMAND_MODULE.keys()
    wanted = set(COMMAND_MODULES) if every else {COMMAND_MODULE[n] for n in names or ()}
    for module in (m for m in COMMAND_MODULES if m in wanted):
        import_module(f"dirtrack.cli.{module}")


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
            envvar="DIRTRACK_LANG",
            case_sensitive=False,
            help="vi or en (default: from LANGUAGE or LANG, as gettext reads them).",
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
            help="The office's time zone, e.g. Asia/Ho_Chi_Minh: the day that is today, and "
            "the times people read (default: the machine's).",
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
        db=_db_given(ctx, db),
        lang=lang.value if lang else default_lang(),
        lang_asked=lang is not None,
        actor=_actor_given(ctx, actor),
        timezone=timezone,
    )
    from dirtrack.periods import use_office_zone

    use_office_zone(ctx.obj.zone())  # an unknown zone is an error whatever the command


def _actor_given(ctx: typer.Context, value: str | None) -> str | None:
    """:func:`~dirtrack.text.actor_name` of ``--actor``; a bad name that came from
    ``DIRTRACK_ACTOR`` is refused naming the variable, as a bad one in the configuration file
    names the file and key.
    """
    from typer._click.core import ParameterSource

    from dirtrack import config
    from dirtrack.errors import DirtrackError
    from dirtrack.text import actor_name

    empty = _set_but_empty(ctx, "actor")
    try:
        return actor_name("" if empty else value)
    except DirtrackError as exc:
        if empty is None and ctx.get_parameter_source("actor") is not ParameterSource.ENVIRONMENT:
            raise
        param = next(p for p in ctx.command.params if p.name == "actor")
        raise config.bad_value(config.env_var(param) or "DIRTRACK_ACTOR", exc) from None


def _set_but_empty(ctx: typer.Context, name: str) -> str | None:
    """The variable of the global option ``name`` (``DIRTRACK_DB``) when it is set to nothing
    and the command line does not give the option, else None.

    Click takes an empty variable for one not set: ``DIRTRACK_DB="$DB"`` in a crontab, with
    ``DB`` unset, read and wrote the per-user default register without a word. Empty is refused
    as a blank value is (an empty option value is an error, never "not given").
    """
    from typer._click.core import ParameterSource

    from dirtrack import config

    param = next(p for p in ctx.command.params if p.name == name)
    variable = config.env_var(param)
    if variable is None or os.environ.get(variable) != "":
        return None
    if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
        return None
    return variable


def _db_given(ctx: typer.Context, value: str | None) -> str | None:
    """``--db`` as given; a blank value or a URL scheme without ``//`` that came from
    ``DIRTRACK_DB`` is refused here naming the variable (from ``--db`` it is refused when the
    database is opened, as ever)."""
    from typer._click.core import ParameterSource

    from dirtrack import config

    if _set_but_empty(ctx, "db") is not None:
        value = ""
    elif value is None or ctx.get_parameter_source("db") is not ParameterSource.ENVIRONMENT:
        return value
    from dirtrack.errors import DirtrackError

    try:
        config.check_db(value)
    except DirtrackError as exc:
        param = next(p for p in ctx.command.params if p.name == "db")
        raise config.bad_value(config.env_var(param) or "DIRTRACK_DB", exc) from None
    return value


__all__ = ["app"]
