"""The SQLAlchemy dialect of every SQLite database dirtrack opens (``sqlite+dirtrack://``).

It is SQLAlchemy's own ``pysqlite`` dialect, with one difference: its instances are equal to
each other. SQLAlchemy keeps each statement it has compiled in a cache whose keys hold the
dialect *instance*, and makes one instance per engine, so a process that opens a second SQLite
file compiled every statement again, though the SQL is the same: one SQLite library, one set of
options (:func:`dirtrack.db.make_engine` gives every SQLite engine the same). With equal
instances and one cache shared by those engines (:data:`COMPILED`), each statement is compiled
once per process: a program that calls :func:`dirtrack.cli.main` on one register after another
(the test suite opens a new file for each test) does not pay for it on every file. A single
command, the usual process, opens one file and sees no difference.

Imported only when a SQLite engine is made (SQLAlchemy's dialect registry loads it by name), so
a command on PostgreSQL never imports SQLite's dialect.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.util import LRUCache

# Enough for every statement dirtrack sends (a few hundred shapes), as SQLAlchemy's own
# per-engine cache holds 500 by default.
COMPILED: LRUCache[Any, Any] = LRUCache(1000)


class SQLiteDialect(SQLiteDialect_pysqlite):
    """pysqlite's dialect, every instance equal to every other (the compiled statements' cache
    key holds the dialect)."""

    supports_statement_cache = True

    def __hash__(self) -> int:
        return hash(SQLiteDialect)

    def __eq__(self, other: object) -> bool:
        return type(other) is SQLiteDialect
