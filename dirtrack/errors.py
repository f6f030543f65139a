"""The project's exceptions and exit codes.

Core code raises :class:`DirtrackError` subclasses with messages a user can read; the CLI
catches them in one place and turns them into ``Error: <message>`` and exit code 1.

Most are raised from the catalog of error messages in :mod:`dirtrack.i18n`
(``raise NotFound.of("no_directive", id=99)``), so the CLI can say them in the user's
language; ``str(exc)`` is always the English text.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import IntEnum
from typing import Self


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    CHECK_FAILED = 3
    INTERRUPTED = 130
    BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that went away
    TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process that `kill` or `timeout` ended


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, systemd stopping a service) received while dirtrack runs.

    A :class:`KeyboardInterrupt`, so that it takes Ctrl-C's path: every ``finally`` and
    ``except BaseException`` that rolls a transaction back or removes a temporary file runs,
    and the error boundary (:class:`dirtrack.cli.app.DirtrackGroup`) says one line; it differs
    in the line and the exit code (:attr:`ExitCode.TERMINATED`).
    """


def stop_code(exc: KeyboardInterrupt) -> ExitCode:
    """The exit code of a run stopped by Ctrl-C (130) or SIGTERM (:class:`Terminated`, 143)."""
    return ExitCode.TERMINATED if isinstance(exc, Terminated) else ExitCode.INTERRUPTED


class DirtrackError(Exception):
    """A request that could not be carried out; nothing was written.

    Raised with a plain message (then that text in every language), or from a key of
    :data:`dirtrack.i18n.ERRORS` with :meth:`of`, which :meth:`render` says in either language.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.key: str | None = None
        self.params: dict[str, object] = {}

    @classmethod
    def of(cls, key: str, /, **params: object) -> Self:
        """The error ``key`` of the catalog with its ``{placeholders}``; English as ``str()``."""
        from dirtrack.i18n import error_text

        exc = cls(error_text(key, "en", params))
        exc.key, exc.params = key, params
        return exc

    def render(self, lang: str) -> str:
        """The message in ``lang`` (``vi`` or ``en``)."""
        if self.key is None:
            return str(self)
        from dirtrack.i18n import error_text

        return error_text(self.key, lang, self.params)


class NotFound(DirtrackError):
    """An id, unit or other reference that does not exist."""


class NoSuchFile(NotFound):
    """A file named on the command line (to import, to restore) that does not exist: not a
    record looked up in the database."""


class InvalidInput(DirtrackError):
    """A value that cannot be parsed or is out of range."""


class Conflict(DirtrackError):
    """A request that contradicts what is already recorded."""


class DatabaseError(DirtrackError):
    """The database cannot be opened or is not a dirtrack database."""


class OutputError(DirtrackError):
    """Output that could not be written whole: a full disk, a file too large, a device error."""


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what lies behind it, nearest first: the driver's error that a SQLAlchemy
    error wraps (``orig``), else what it was raised from or while handling; each once."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        current = (
            orig if isinstance(orig, BaseException) else current.__cause__ or current.__context__
        )
