"""The SQLAlchemy dialect of every PostgreSQL database dirtrack opens (``postgresql+dirtrack://``).

It is SQLAlchemy's own ``psycopg`` dialect, with one difference: two instances are equal when
they compile alike, so the PostgreSQL engines of a process share their compiled statements
(:data:`COMPILED`), as the SQLite ones do (:mod:`dirtrack.sqlite_dialect`). SQLAlchemy keys
that cache by the dialect *instance*, one per engine, so a process that opened a second
database compiled every statement again, though the SQL was the same: a program that calls
:func:`dirtrack.cli.main` on one database after another (the test suite makes a database for
each test) paid for it on every database. A single command, the usual process, opens one
database and sees no difference.

Unlike SQLite's, a PostgreSQL dialect is not settled when it is made: on its first connection
it reads its server (``initialize``: the server's version, which turns SQL features on and off,
``standard_conforming_strings``, which decides how a literal's backslashes are written, the
default schema, whether the database has ``hstore``, the maximum identifier length…), and the
compiler reads those. So an instance is equal to another only once both have read their
server, and only when everything each holds is equal (:meth:`PostgreSQLDialect.compiles_by`):
what it was made with, what it read, what it memoised on the way. Left out are only the
objects every instance makes for itself and compiles nothing by (:data:`_OWN`); the identifier
preparer is compared by its settings. A value compared that has no equality of its own is
equal to itself alone, so an attribute a later SQLAlchemy adds makes instances unequal (each
engine compiling for itself, as SQLAlchemy does) rather than wrongly equal. Two servers of
different versions or settings, or two databases of which one has ``hstore``, do not share.

Imported only when a PostgreSQL engine is made (SQLAlchemy's dialect registry loads it by name).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.util import LRUCache

# Enough for every statement dirtrack sends (a few hundred shapes), as SQLAlchemy's own
# per-engine cache holds 500 by default.
COMPILED: LRUCache[Any, Any] = LRUCache(1000)

# An instance's own objects, which it uses to connect or memoises per instance and which no
# statement is compiled by: psycopg's adapters for its connections (hstore's are registered
# there when the database has it, and ``_has_native_hstore``, compared, says so), the type
# implementations it has looked up (derived from its class), and its type compiler (no state
# but the dialect). The identifier preparer is compared by its settings (_preparer).
_OWN = frozenset(
    {
        "_psycopg_adapters_map",
        "_type_memos",
        "type_compiler",
        "type_compiler_instance",
        "identifier_preparer",
        "_dirtrack_facts",
        # the listeners of the dialect's own events (``handle_error``, which store.limits
        # listens to) and the flag that says there are some: what runs when a statement fails
        "dispatch",
        "_has_events",
    }
)


class PostgreSQLDialect(PGDialect_psycopg):
    """psycopg's dialect, equal to another instance that read an equal server (the compiled
    statements' cache key holds the dialect)."""

    supports_statement_cache = True
    _dirtrack_facts: dict[str, Any] | None = None

    def initialize(self, connection: Any) -> None:
        super().initialize(connection)  # type: ignore[no-untyped-call]
        self._dirtrack_facts = self.compiles_by()

    def compiles_by(self) -> dict[str, Any]:
        """Everything this instance holds that a statement could be compiled by."""
        facts = {name: value for name, value in vars(self).items() if name not in _OWN}
        facts["identifier_preparer"] = _preparer(self.identifier_preparer)
        facts["type_compiler"] = type(self.type_compiler_instance)
        return facts

    def __hash__(self) -> int:
        return hash(PostgreSQLDialect)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if type(other) is not PostgreSQLDialect or self._dirtrack_facts is None:
            return False
        return other._dirtrack_facts == self._dirtrack_facts


def _preparer(preparer: Any) -> tuple[Any, ...]:
    """The identifier preparer's class and settings (not its dialect, nor its memo of the
    identifiers it has quoted)."""
    settings = sorted(
        (name, value)
        for name, value in vars(preparer).items()
        if name not in ("dialect", "_strings")
    )
    return (type(preparer), *settings)
