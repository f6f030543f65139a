"""Queries and mutations. Functions take ``session`` first, add and flush, and never commit:
the caller's :func:`dirtrack.db.session_scope` makes each command one transaction."""

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlmodel import Session

Row = TypeVar("Row")


def get_row(session: "Session", model: type[Row], ident: int, missing: str) -> Row:
    """The row ``ident`` of ``model``'s table.

    Raises:
        NotFound: there is none; ``missing`` is the catalog's key that says so (``no_unit``),
            given the id.
    """
    found = session.get(model, ident)
    if found is None:
        from dirtrack.errors import NotFound

        raise NotFound.of(missing, id=ident)
    return found


def check_edits(changes: Mapping[str, object], allowed: Collection[str]) -> None:
    """The changes given to an ``edit_*`` function: only names it knows, and at least one.

    Raises:
        ValueError: a name it does not know (a bug in the caller, not the user's input).
        InvalidInput: no change at all.
    """
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ValueError(f"unknown edits: {unknown}")
    if not changes:
        from dirtrack.errors import InvalidInput

        raise InvalidInput.of("edit_nothing")


def positive_id(value: int, what: str) -> int:
    """``value`` as the id of a ``meeting``, ``directive``, ``limitation`` or ``unit`` (typed
    for a command, or a default of the configuration file).

    Raises:
        InvalidInput: zero or negative.
        NotFound: above the largest id a table holds (:data:`dirtrack.models.MAX_ID`): no such
            record, on SQLite as on PostgreSQL (whose INTEGER would refuse the value).
    """
    from dirtrack.errors import InvalidInput, NotFound

    if value <= 0:
        from dirtrack.i18n import ERRORS, Phrase

        name = Phrase(f"w_{what}") if f"w_{what}" in ERRORS else what
        raise InvalidInput.of("bad_id", what=name, value=value)
    from dirtrack.models import MAX_ID

    if value > MAX_ID:
        raise NotFound.of(f"no_{what}", id=value)
    return value
