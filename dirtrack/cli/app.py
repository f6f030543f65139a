"""The root Typer app and its error boundary.

Every failure a user can cause becomes one ``Error: …`` line on stderr and exit code 1, in the
language of ``--lang`` (the word ``Error:`` itself never changes); usage errors stay with Click
(exit 2); Ctrl-C exits 130. No traceback reaches the user.
"""

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from dirtrack.errors import DirtrackError, ExitCode
from dirtrack.i18n import error_text
from dirtrack.render import err
from dirtrack.render.outfile import output_failure


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


class DirtrackGroup(TyperGroup):
    """Keeps commands in the order they are defined and turns errors into one line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from dirtrack.cli.common import refuse_empty_values

        refuse_empty_values(self)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        """The root context reads the configuration file into Click's default_map.

        Options then come from the command line, else the configuration file, else their
        defaults. Only the global options --db, --lang and --actor also read an environment
        variable, named on the option itself (``DIRTRACK_DB``…): there is no automatic
        ``DIRTRACK_<COMMAND>_<OPTION>``, so no variable left in a cron job's environment can
        turn a command into --help, --version, a dry run or an apply. A broken file is reported
        by :meth:`invoke`, as an error line.
        """
        problem: DirtrackError | None = None
        if parent is None:
            from dirtrack import config

            if "default_map" not in extra:
                try:
                    extra["default_map"] = config.load(self).default_map
                except DirtrackError as exc:
                    problem = exc
        ctx = super().make_context(info_name, args, parent, **extra)
        if problem is not None:
            ctx.meta[_CONFIG_PROBLEM] = problem
        return ctx

    def invoke(self, ctx: Any) -> Any:
        try:
            if ctx.parent is None and isinstance(ctx.meta.get(_CONFIG_PROBLEM), DirtrackError):
                raise ctx.meta[_CONFIG_PROBLEM]
            try:
                result = super().invoke(ctx)
            except typer.Exit:
                _flush_stdout(ctx)
                raise
            _flush_stdout(ctx)
            return result
        except DirtrackError as exc:
            err(f"Error: {exc.render(session_lang(ctx))}")
            raise typer.Exit(ExitCode.ERROR) from None
        except KeyboardInterrupt:
            err(f"Error: {error_text('interrupted', session_lang(ctx), {})}")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (`dirtrack overdue | head`): not the user's error, no message.
            quiet_stdout()
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as exc:  # a bug or an unexpected database failure: still no traceback
            lang = session_lang(ctx)
            failed = output_failure(exc)
            if failed is not None:  # stdout on a full disk: the output is cut, so say so
                quiet_stdout()
                err(f"Error: {failed.render(lang)}")
                raise typer.Exit(ExitCode.ERROR) from None
            known = _known_failure(exc)
            if known is not None:
                err(f"Error: {error_text(known, lang, {})}")
                raise typer.Exit(ExitCode.ERROR) from None
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            params = {"kind": type(exc).__name__, "detail": detail}
            err(f"Error: {error_text('unexpected', lang, params)}")
            raise typer.Exit(ExitCode.ERROR) from None


_CONFIG_PROBLEM = "dirtrack.config_problem"


def _flush_stdout(ctx: Any) -> None:
    """Push what the command wrote to stdout out now, while a failure can still be reported.

    Redirected stdout is block-buffered: without this, a full disk would only be met at the
    interpreter's exit, after the command had reported success.
    """
    if ctx.parent is None:
        sys.stdout.flush()


def session_lang(ctx: Any) -> str:
    """The language of this run's messages: ``--lang`` (or DIRTRACK_LANG, the config file).

    Read from the root's State, or, when the failure came before the root callback made it (a
    broken config file, a bad ``--actor``), from the parsed ``--lang``; else from LANG.
    """
    root = ctx.find_root()
    lang = getattr(root.obj, "lang", None) or root.params.get("lang")
    if lang:
        return str(getattr(lang, "value", lang))
    from dirtrack.i18n import default_lang

    return default_lang()


def _known_failure(exc: BaseException) -> str | None:
    """The error key for failures that bad input or a busy database cause, wherever they surface."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, UnicodeError):
            return "not_utf8_input"
        if isinstance(current, OverflowError):
            return "number_too_large"
        text = str(current)
        if "database is locked" in text or "database is busy" in text:
            return "database_busy"
        # SQLite's SQLITE_FULL, PostgreSQL's DiskFull (53100), a journal that cannot grow.
        if "database or disk is full" in text or "No space left on device" in text:
            return "disk_full"
        if "attempt to write a readonly database" in text:
            return "db_read_only"
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException):
            current = orig
        else:
            current = current.__cause__ or current.__context__
    return None


app = typer.Typer(
    cls=DirtrackGroup,
    name="dirtrack",
    help="Follow up on what leaders decide in meetings: directives, limitations and reports.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

unit_app = typer.Typer(
    cls=DirtrackGroup,
    help="Register and list units (cơ quan, đơn vị).",
    no_args_is_help=True,
)
app.add_typer(unit_app, name="unit")
