"""What a command read a value given to it as, collected while it runs, for the command line
to say once on stderr: a unit named by part of its name (``Tài chính`` read as Sở Tài chính).

The store resolves names without a context of the command line to write to; it adds here, and
the command line (:mod:`dirtrack.cli.app`) says what was added once the command did its work.
Nothing here imports the database layer: every run, ``--help`` too, goes through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Each reference read as a unit by part of its name, or by its name written with other marks,
# once (by its folded words): the reference as written, the label of the unit it was read as
# and the message that says how. None while nothing collects.
_BY_PART: ContextVar[dict[str, tuple[str, str, str]] | None] = ContextVar("by_part", default=None)


@contextmanager
def noting_parts() -> Iterator[dict[str, tuple[str, str, str]]]:
    """Collect, while the block runs, each reference read as a unit by part of its name
    (:func:`read_by_part`), as ``{folded: (ref as written, unit's label, message key)}``."""
    found: dict[str, tuple[str, str, str]] = {}
    token = _BY_PART.set(found)
    try:
        yield found
    finally:
        _BY_PART.reset(token)


def read_by_part(key: str, ref: str, unit: str, how: str = "unit_by_part") -> None:
    """Note that ``ref`` (folded: ``key``) was read as the unit labelled ``unit`` by part of
    its name (``how``: ``unit_by_marks``, by its name written with other marks), when a
    command collects such notes (the first reading of each ``key``)."""
    found = _BY_PART.get()
    if found is not None:
        found.setdefault(key, (ref, unit, how))
