"""The root Typer app and its error boundary.

Every failure a user can cause becomes one ``Error: …`` line on stderr and exit code 1;
usage errors stay with Click (exit 2); Ctrl-C exits 130. No traceback reaches the user.
"""

from __future__ import annotations

import os
from typing import Any

import typer
from typer.core import TyperGroup

from dirtrack.errors import DirtrackError, ExitCode
from dirtrack.render import err


class DirtrackGroup(TyperGroup):
    """Keeps commands in the order they are defined and turns errors into one line."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DirtrackError as exc:
            err(f"Error: {exc}")
            raise typer.Exit(ExitCode.ERROR) from None
        except KeyboardInterrupt:
            err("Error: interrupted")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as exc:  # a bug or an unexpected database failure: still no traceback
            if os.environ.get("DIRTRACK_DEBUG"):
                raise
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            err(f"Error: unexpected {type(exc).__name__}: {detail} (DIRTRACK_DEBUG=1 shows more)")
            raise typer.Exit(ExitCode.ERROR) from None


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
