"""The command line. Each module parses options, calls the core and hands records to render."""

from typing import Annotated

import typer

from dirtrack import __version__
from dirtrack.cli import (  # noqa: F401
    directives,
    extract,
    limitations,
    meetings,
    ops,
    reports,
    review,
    transfer,
    units,
)
from dirtrack.cli.app import app
from dirtrack.cli.common import Lang, State
from dirtrack.errors import ExitCode


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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Follow up on what leaders decide in meetings: directives, limitations and reports."""
    from dirtrack.i18n import default_lang

    ctx.obj = State(db=db, lang=lang.value if lang else default_lang(), actor=_actor(actor))


def _actor(value: str | None) -> str | None:
    from dirtrack.errors import InvalidInput
    from dirtrack.text import clean_text

    if value is None:
        return None
    name = clean_text(value, "--actor")
    if not name or len(name) > 200:
        raise InvalidInput.of("bad_actor")
    return name


def main() -> None:
    from dirtrack.render.outfile import buffer_stdout

    buffer_stdout()
    try:
        app(prog_name="dirtrack")
    except BrokenPipeError:  # the reader went away while the last output was being flushed
        from dirtrack.cli.app import quiet_stdout

        quiet_stdout()
        raise SystemExit(ExitCode.BROKEN_PIPE) from None
    except SystemExit:
        _flush_or_fail()  # Click's own output (--help, usage) too: never a silent short write
        raise
    except OSError as exc:  # --help written by Click, outside the commands' error boundary
        _fail_on_output(exc)
        raise


def _flush_or_fail() -> None:
    import sys

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        from dirtrack.cli.app import quiet_stdout

        quiet_stdout()
        raise SystemExit(ExitCode.BROKEN_PIPE) from None
    except OSError as exc:
        _fail_on_output(exc)
        raise


def _fail_on_output(exc: OSError) -> None:
    """Exit 1 with one error line when ``exc`` is stdout refusing output; else return."""
    from dirtrack.cli.app import quiet_stdout
    from dirtrack.i18n import default_lang
    from dirtrack.render import err
    from dirtrack.render.outfile import output_failure

    failed = output_failure(exc)
    if failed is None:
        return
    quiet_stdout()
    err(f"Error: {failed.render(default_lang())}")
    raise SystemExit(ExitCode.ERROR) from None


__all__ = ["app", "main"]
