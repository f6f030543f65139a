"""SQLite through the standard library alone: the quick start of `report` and `assign` (issue 6).

Importing SQLAlchemy takes about 0.2 s on the benchmark machine, most of the 0.25 s a command on
a small register may take. So when ``--db`` names a SQLite file that already holds a dirtrack
database at the current schema revision (the everyday case), the commands that must start
quickly open it with :mod:`sqlite3` and run plain SQL. In every other case :func:`open_lite`
gives None and the caller takes the SQLAlchemy path, which creates the file, upgrades the
schema, refuses a foreign file or reaches PostgreSQL, each with its own message:

- no file yet, a folder, a file that is not SQLite, a URL with query options: None;
- a schema behind or ahead of this dirtrack, or not in WAL mode yet: None;
- ``DIRTRACK_LITE=0`` in the environment: None (every command then takes the SQLAlchemy path;
  for diagnosis, and for the tests that hold the two paths equal).

The connection behaves as the engine's does (:mod:`dirtrack.db`): foreign keys on, the same busy
timeout, a deferred transaction for a reader (one snapshot) and ``BEGIN IMMEDIATE`` for a writer
(:func:`transaction`). Values go in and come out as SQLAlchemy stores them on SQLite: a date as
``YYYY-MM-DD`` text, a timestamp as ``YYYY-MM-DD HH:MM:SS.ffffff`` (:func:`params`,
:func:`day`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

# The newest migration in dirtrack/migrations/versions. Comparing with it lets a command skip
# importing Alembic when the schema is current; tests/test_migrations.py keeps the two in step.
SCHEMA_REVISION = "0002"
KNOWN_REVISIONS = ("0001", "0002")

SQLITE_MAGIC = b"SQLite format 3\x00"

# How long a SQLite writer waits for another one to finish before giving up (issue 5: eight
# processes writing at once must all succeed; an import can hold the lock for seconds).
BUSY_TIMEOUT_MS = 60_000

SQLITE_URL = "sqlite:///"


def default_path() -> Path:
    """The per-user database file used when neither ``--db`` nor ``DIRTRACK_DB`` says."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("dirtrack", appauthor=False)) / "dirtrack.db"


def sqlite_file(value: str | None) -> Path | None:
    """The existing file ``--db`` names as a SQLite database, else None (nothing is created)."""
    if not value:
        path = default_path()
    elif "://" in value:
        # Anything SQLAlchemy would read differently (a query, escapes, another backend) is
        # left to it.
        if not value.startswith(SQLITE_URL) or any(c in value for c in "?%#"):
            return None
        path = Path(value[len(SQLITE_URL) :])
    else:
        path = Path(value)
    path = path.expanduser()
    # Not opened here to read its header: closing any descriptor of the file would drop the
    # POSIX locks SQLite holds on it in this process. A foreign file fails the revision query.
    return path if path.is_file() else None


def open_lite(value: str | None) -> sqlite3.Connection | None:
    """A :mod:`sqlite3` connection to the database ``--db`` names, when it is a SQLite file at
    the current schema revision in WAL mode; None otherwise (take the SQLAlchemy path)."""
    if os.environ.get("DIRTRACK_LITE", "").strip() == "0":
        return None
    path = sqlite_file(value)
    if path is None:
        return None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode").fetchone()
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        conn.close()
        return None
    if mode is None or str(mode[0]).lower() != "wal" or revision != [(SCHEMA_REVISION,)]:
        conn.close()
        return None
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, *, write: bool) -> Iterator[sqlite3.Connection]:
    """One unit of work on ``conn``, which it closes: committed when the block ends normally,
    rolled back on any exception. A writer takes the write lock at once (``BEGIN IMMEDIATE``),
    as the engine's writers do; a reader reads one snapshot and never waits for writers."""
    try:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:
        conn.close()


def stored(value: Any) -> Any:
    """A Python value as SQLAlchemy stores it in SQLite (dates and timestamps as text)."""
    if isinstance(value, datetime):
        # SQLAlchemy's DATETIME on SQLite: always the microseconds, never an offset.
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def params(values: Mapping[str, Any]) -> dict[str, Any]:
    """Named parameters for :meth:`sqlite3.Connection.execute`, stored as SQLAlchemy would."""
    return {name: stored(value) for name, value in values.items()}


def day(value: str | None) -> date | None:
    """A date column as read back (``YYYY-MM-DD`` text, or NULL)."""
    return date.fromisoformat(value) if value is not None else None


def id_list(ids: Any) -> str:
    """Integer ids written into SQL (``1,2,3``): ints only, so nothing can be injected. An empty
    list gives ``NULL``, which ``IN (NULL)`` matches nothing with."""
    return ",".join(str(int(i)) for i in ids) or "NULL"
