"""The command line. Each module parses options, calls the core and hands records to render.

This module stays light: :func:`main` must be running before Typer, Click and rich are imported
(about 0.3 s), so that Ctrl-C at any moment ends dirtrack with exit 130 and no traceback.
The commands are in :mod:`dirtrack.cli.root` and the modules it imports; ``app`` is loaded from
there when first asked for.
"""

import os
import signal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dirtrack.cli.root import app as app

INTERRUPTED = 130  # dirtrack.errors.ExitCode.INTERRUPTED, without importing it before main runs
TERMINATED = 143  # dirtrack.errors.ExitCode.TERMINATED
# The signals that stop a run: Ctrl-C, and SIGTERM (kill, timeout, systemd, a cron wrapper).
_STOPS = {signal.SIGINT, signal.SIGTERM}


def __getattr__(name: str) -> Any:
    if name == "app":
        return _load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _load(args: list[str] | None = None) -> Any:
    """The root Typer app, with every command registered, or (``args``, the arguments of a
    run) the commands that run needs (:func:`dirtrack.cli.root.commands_run`).

    Importing the commands imports the submodule ``dirtrack.cli.app`` too, which Python binds
    to the name ``app`` of this package: the name is bound again to the Typer app once every
    command is registered, and unbound otherwise, so that using it registers them all.
    """
    from dirtrack.cli.root import app, commands_run, load_commands

    names = None if args is None else commands_run(args)
    load_commands(names)
    if names is None:
        globals()["app"] = app
    elif not isinstance(globals().get("app"), type(app)):
        globals().pop("app", None)
    return app


def _exit_interrupted(_signum: int, _frame: object) -> None:
    """Ctrl-C once the run is over or already being stopped: leave at once, without a word."""
    os._exit(INTERRUPTED)


def _exit_terminated(_signum: int, _frame: object) -> None:
    """SIGTERM once the run is over or already being stopped: leave at once, without a word."""
    os._exit(TERMINATED)


def _terminate(_signum: int, _frame: object) -> None:
    """SIGTERM while dirtrack runs: stopped as Ctrl-C stops it (:class:`Terminated`). A second
    one, while the first is being handled, leaves at once."""
    from dirtrack.errors import Terminated

    _on_sigterm(_exit_terminated)
    raise Terminated


def _on_sigterm(handler: Any) -> None:
    """Handle SIGTERM with ``handler``, unless whoever started dirtrack set it to be ignored."""
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_IGN:
        signal.signal(signal.SIGTERM, handler)


def main() -> None:
    """The ``dirtrack`` command.

    Ctrl-C while the modules load is held back (SIGINT blocked) and delivered once they are
    loaded, where it ends the run quietly with exit 130; Ctrl-C inside a command is that
    command's ``Error: interrupted`` (:class:`dirtrack.cli.app.DirtrackGroup`). SIGTERM is
    held and handled the same way, with exit 143 and ``Error: terminated (SIGTERM)``. A reader
    of stdout that goes away (``dirtrack list | head -1``) ends the run quietly with exit 141.
    A stop that lands as the run hands over to Python's exit (in :func:`_after_the_run`, before
    it made the next one leave at once) ends it quietly with its code, never a traceback.
    """
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        _main()
    except KeyboardInterrupt as exc:
        from dirtrack.errors import stop_code

        _after_the_run()
        raise SystemExit(stop_code(exc)) from None


def _stop_in_finaliser(unraisable: Any) -> None:
    """``sys.unraisablehook``: a Ctrl-C or SIGTERM whose handler ran inside a finaliser (a
    ``__del__``, a weakref callback, such as SQLAlchemy's for a connection the collector
    frees) cannot leave it: Python printed "Exception ignored in …" with a traceback and the
    command went on, the stop lost. It is raised again on the next Python function called,
    outside the finaliser, where the command's own handling ends the run (one line, its
    code, the transaction rolled back): before a function written in C too (``time.sleep``, a
    long query), which would otherwise run to its end first. Anything else is Python's to
    print."""
    import sys

    stop = unraisable.exc_value
    if not isinstance(stop, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)
        return

    def raise_at_next_call(_frame: object, event: str, _arg: object) -> None:
        if event in ("call", "c_call"):
            sys.setprofile(None)
            raise stop

    sys.setprofile(raise_at_next_call)


def _main() -> None:
    import sys

    sys.unraisablehook = _stop_in_finaliser
    try:
        _on_sigterm(_terminate)
        try:
            from dirtrack import collector

            collector.hold()

            app = _load(sys.argv[1:])
            from dirtrack.render.outfile import buffer_stdout
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # a held Ctrl-C or SIGTERM: here
        _refuse_closed_output()
        buffer_stdout()
        try:
            app(prog_name="dirtrack")
        except BrokenPipeError:  # the reader went away while the last output was being flushed
            _broken_pipe()
        except SystemExit:
            _flush_or_fail()  # Click's own output (--help, usage) too: never a silent short write
            raise
        except OSError as exc:  # --help written by Click, outside the commands' error boundary
            _fail_on_output(exc)
            raise
    except KeyboardInterrupt as exc:
        from dirtrack.errors import stop_code

        _after_the_run()
        raise SystemExit(stop_code(exc)) from None
    finally:
        _after_the_run()


def _after_the_run() -> None:
    """What is left is Python's own shutdown: Ctrl-C or SIGTERM there must not print a
    traceback."""
    signal.signal(signal.SIGINT, _exit_interrupted)
    _on_sigterm(_exit_terminated)


def _broken_pipe() -> None:
    from dirtrack.cli.app import quiet_stdout
    from dirtrack.errors import ExitCode

    quiet_stdout()
    raise SystemExit(ExitCode.BROKEN_PIPE) from None


def _refuse_closed_output() -> None:
    """A run started with its standard output closed (``dirtrack list >&-``: Python's
    ``sys.stdout`` is None) is refused before it reads or writes anything, as a write that
    failed; with standard error closed too, the exit code alone says so."""
    import errno
    import os
    import sys

    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the run's own)
    if sys.stdout is None:
        from dirtrack.cli.app import argv_lang
        from dirtrack.errors import ExitCode
        from dirtrack.render import err
        from dirtrack.render.outfile import output_failure

        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (nothing printed)
        failed = output_failure(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        assert failed is not None
        err(f"Error: {failed.render(argv_lang(sys.argv[1:], None))}")
        raise SystemExit(ExitCode.ERROR)


def _flush_or_fail() -> None:
    import sys

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _broken_pipe()
    except OSError as exc:
        _fail_on_output(exc)
        raise


def _fail_on_output(exc: OSError) -> None:
    """Exit 1 with one error line when ``exc`` is stdout refusing output; else return."""
    from dirtrack.cli.app import quiet_stdout
    from dirtrack.errors import ExitCode
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
