"""The project's exceptions and exit codes.

Core code raises :class:`DirtrackError` subclasses with messages a user can read; the CLI
catches them in one place and turns them into ``Error: <message>`` and exit code 1.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    CHECK_FAILED = 3
    INTERRUPTED = 130
    BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that went away


class DirtrackError(Exception):
    """A request that could not be carried out; nothing was written."""


class NotFound(DirtrackError):
    """An id, unit or other reference that does not exist."""


class InvalidInput(DirtrackError):
    """A value that cannot be parsed or is out of range."""


class Conflict(DirtrackError):
    """A request that contradicts what is already recorded."""


class DatabaseError(DirtrackError):
    """The database cannot be opened or is not a dirtrack database."""
