"""Opening the database: where it is, the engine, the schema check, and one unit of work.

``open_engine(target)`` takes what ``--db`` / ``DIRTRACK_DB`` said (a path or a URL), refuses
a missing folder or a file that is not a dirtrack database, and brings the schema up to date
with Alembic when, and only when, it is behind (a new SQLite file gets the current schema from
the models directly: :func:`create_schema`). ``session_scope(engine)`` is one transaction:
it commits when the block ends normally and rolls back on any exception.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.dialects import registry
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError
from sqlalchemy.exc import DatabaseError as SQLDatabaseError

from dirtrack.errors import DatabaseError
from dirtrack.patterns import LazyPattern

if TYPE_CHECKING:  # imported in session_scope: a read-only command never loads the ORM session
    from sqlmodel import Session

    from dirtrack.i18n import Phrase

# The newest migration in dirtrack/migrations/versions. Comparing with it lets a command skip
# importing Alembic when the schema is current; tests/test_migrations.py keeps the two in step.
SCHEMA_REVISION = "0024"
KNOWN_REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0009",
    "0007",
    "0006",
    "0005",
    "0008",
    "0010b",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
    "0019",
    "0020",
    "0021",
    "0022",
    "0023",
    "0024",
)

SQLITE_MAGIC = b"SQLite format 3\x00"

# Python's sqlite3 binds an int, float or str at once but looks any other value up among its
# adapters; a None, for which none is registered, then costs failed attribute lookups (one
# raises an AttributeError, formatted and cleared) before it is bound as NULL: thousands of
# instructions for each NULL sent, and an import sends tens of thousands. Registered, the
# adapter is found at the first look and a None is bound as NULL after one call. Process-wide,
# as every sqlite3 adapter is; NULL either way.
sqlite3.register_adapter(type(None), lambda value: value)

# How long a writer waits for another one to finish before giving up (SQLite's busy timeout,
# PostgreSQL's lock_timeout): eight processes writing at once must all succeed, and an import
# can hold the lock for seconds.
BUSY_TIMEOUT_MS = 60_000
# Seconds to wait for a PostgreSQL server to answer a connection (libpq's connect_timeout).
CONNECT_TIMEOUT_S = 10


def default_path() -> Path:
    """The per-user database file used when neither ``--db`` nor ``DIRTRACK_DB`` says."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("dirtrack", appauthor=False)) / "dirtrack.db"


@dataclass(frozen=True)
class Target:
    """Where the database is: a SQLAlchemy URL, and the file for SQLite."""

    url: str
    path: Path | None

    @property
    def display(self) -> str:
        """The URL with any password masked, for messages."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


# A database URL's scheme given without its ``//`` (``postgresql:``, ``sqlite:/x.db``): taken as
# a file name, it made a SQLite file of that name.
_SCHEME_ONLY = LazyPattern(r"(?i)(postgresql|postgres|sqlite)(\+[\w]+)?:(?!//)")
# The forms each of those schemes is written in.
_URL_FORMS = {"sqlite": "sqlite:///PATH", "postgres": "postgresql://USER@HOST/DATABASE"}
# A SQLite database in memory (sqlite://, sqlite:///, sqlite:///:memory:): it ends with the
# command, so every write would be lost unsaid.
_IN_MEMORY = LazyPattern(r"(?i)sqlite(\+\w+)?://(/(:memory:)?)?(\?.*)?")


def resolve_target(value: str | None) -> Target:
    """Turn ``--db`` into a :class:`Target`; None means the per-user default file.

    Raises:
        DatabaseError: blank (spaces only), or a database URL's scheme without ``//``: taken as
            a file name, either created a file of that name.
    """
    if not value:
        return sqlite_file_target(default_path())  # its folder is made with the file
    check_db_value(value)
    if "://" in value:
        try:
            url = make_url(value)
            url.port  # noqa: B018  (parsed on first use: a port that is no number fails here)
            # A NUL (%00) ends libpq's connection string where it stands: the settings after it
            # were dropped unsaid (?application_name=x%00&host=h reached the local server).
            parts = [url.username, url.password, url.host, url.database]
            for given in url.query.values():  # a setting given twice is a tuple
                parts += [given] if isinstance(given, str) else list(given)
            if any(part is not None and "\x00" in part for part in parts):
                raise ValueError("NUL")
        except (ArgumentError, ValueError):
            # No password in the message, though the URL could not be parsed to hide it.
            shown = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", value)
            raise DatabaseError.of("not_database_url", value=shown) from None
        scheme, _, driver = url.drivername.partition("+")
        if scheme.lower() in ("postgresql", "postgres"):  # libpq takes either spelling
            if driver not in ("", "psycopg"):
                # psycopg2, asyncpg…: what dirtrack says of a server's refusals is psycopg's
                raise DatabaseError.of("pg_driver_not_psycopg", driver=driver)
            url = url.set(drivername="postgresql+psycopg")
        backend = url.get_backend_name()
        if backend == "sqlite":
            if not url.database or url.database == ":memory:":  # spelt past _IN_MEMORY's form
                raise DatabaseError.of("db_in_memory", value=value, form=_URL_FORMS["sqlite"])
            return _sqlite_target(Path(url.database))
        if backend != "postgresql":
            raise DatabaseError.of("unsupported_database", backend=backend)
        return Target(url.render_as_string(hide_password=False), None)
    return _sqlite_target(Path(value))


def check_db_value(value: str) -> None:
    """Refuse a ``--db`` (``DIRTRACK_DB``, the configuration file's ``db``) that is blank, a
    database URL's scheme without ``//``, or a SQLite database in memory, with the form
    expected.

    Raises:
        DatabaseError: either.
    """
    if not value.strip():
        raise DatabaseError.of("db_blank", value=value)
    scheme = _SCHEME_ONLY.match(value)
    if scheme is not None:
        form = _URL_FORMS["sqlite" if scheme[1].lower() == "sqlite" else "postgres"]
        raise DatabaseError.of("db_url_without_slashes", value=value, form=form)
    if _IN_MEMORY.fullmatch(value.strip()):
        raise DatabaseError.of("db_in_memory", value=value, form=_URL_FORMS["sqlite"])


# The files SQLite keeps for a database: the file itself, then its write-ahead log, its shared
# memory index and its rollback journal.
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def is_database_file(candidate: Path, database: Path) -> bool:
    """Whether ``candidate`` names the SQLite file ``database`` or one of its companions.

    However the path is spelt: relative, with ``.`` or ``..``, through a symbolic link, or as a
    hard link (then the file's device and inode tell, as :func:`os.path.samefile`).
    """
    from dirtrack.inputs import user_path

    candidate = user_path(candidate)
    for suffix in SQLITE_SUFFIXES:
        own = database.with_name(database.name + suffix)
        try:
            if os.path.samefile(candidate, own):
                return True
        except OSError:  # one of them does not exist (yet): compare where they would be
            # os.path.realpath, not Path.resolve: a loop of symbolic links is where it stops,
            # where Path.resolve raises RuntimeError (Python 3.11, 3.12).
            if os.path.realpath(candidate) == os.path.realpath(own):
                return True
    return False


def _sqlite_target(path: Path) -> Target:
    from dirtrack.inputs import user_path

    path = user_path(path)
    try:
        return _checked_sqlite_target(path)
    except FileNotFoundError:
        if not path.is_symlink():
            raise
        raise DatabaseError.of("db_link_to_nothing", path=path, target=os.readlink(path)) from None
    except OSError as exc:  # a name too long for the file system (ENAMETOOLONG), a loop…
        from dirtrack.i18n import cut
        from dirtrack.inputs import os_reason

        raise DatabaseError.of("cannot_read", path=cut(str(path)), reason=os_reason(exc)) from None


def _checked_sqlite_target(path: Path) -> Target:
    if path.is_symlink() and not path.exists():
        # A link to nothing (its disk not mounted) or a loop of links: a loop is said as any
        # file's (OSError, above), a link to nothing by where it points; never a new database.
        path.stat()  # raises: ELOOP, or ENOENT for a link to nothing
    if not path.parent.is_dir():
        raise DatabaseError.of("db_no_folder", path=path, folder=path.parent)
    if path.is_dir():
        raise DatabaseError.of("db_is_folder", path=path)
    if path.exists() and not path.is_file():
        # A FIFO would make SQLite wait for a writer forever; a device or socket is no database.
        raise DatabaseError.of("db_not_regular", path=path)
    return sqlite_file_target(path)


def sqlite_file_target(path: Path) -> Target:
    """The target of the SQLite file ``path``, whatever characters its name holds.

    The URL is built with the name escaped: ``sqlite:///{path}`` read ``?`` as the start of a
    query (``--db 'file:x?mode=ro'`` checked and created the file ``file:x?mode=ro`` while
    SQLite opened ``file:x``, with SQLAlchemy's warning on stderr) and ``%41`` as ``A``.
    """
    from sqlalchemy.engine import URL

    return Target(URL.create("sqlite", database=str(path)).render_as_string(), path)


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            # A command that only reads never creates a database: a mistyped --db must fail
            # loudly (`overdue --check` in cron), not read an empty register.
            raise DatabaseError.of("no_database_at", path=path)
        # Created readable and writable by its owner only: it holds the office's records (in
        # the per-user folder, made now: a command that only reads leaves no empty folder).
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            pass  # another process's first use made it a moment ago: checked below as any file
        except OSError as exc:
            from dirtrack.inputs import os_reason

            raise DatabaseError.of("db_cannot_create", path=path, reason=os_reason(exc)) from None
        else:
            # 600 whatever the umask: under umask 277 or 777 the file was made unwritable or
            # unreadable to its owner, and the first command refused it as read-only
            os.fchmod(fd, 0o600)
            os.close(fd)
            return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        from dirtrack.inputs import os_reason

        raise DatabaseError.of("cannot_read", path=path, reason=os_reason(exc)) from None
    if head and head != SQLITE_MAGIC:
        raise DatabaseError.of("not_sqlite", path=path)
    if not head and not create and not _holds(path.with_name(path.name + "-wal")):
        # An empty file (`touch`, a copy cut short by a full disk, `> dirtrack.db`) is no
        # register: read, it was given the schema and read as one with nothing in it, so
        # `overdue --check` in cron said all was well. A command that records something
        # makes it a database, as it makes a missing file one.
        raise DatabaseError.of("db_empty_file", path=path)


def _holds(path: Path) -> bool:
    """Whether the file ``path`` exists and holds something."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


# SQLite's unix VFS takes the write lock as a POSIX record lock: in WAL mode on byte 120 of the
# ``-shm`` file (WAL_WRITE_LOCK), in rollback-journal mode on the database file's RESERVED byte
# (PENDING_BYTE + 1) (sqlite3.c: wal.c, os_unix.c).
_WRITE_LOCK_BYTES = (("-shm", 120), ("", 0x40000001))


@dataclass(frozen=True)
class LockHolder:
    """The process that holds a SQLite file's write lock, as the system shows it."""

    pid: int
    command: str  # its command line (``dirtrack undo --yes --format json``), cut to a line
    waits_on: str | None  # ``pipe``: blocked writing to a pipe; ``stopped``: Ctrl-Z; else None


def lock_holder(path: Path) -> LockHolder | None:
    """The other process that holds the write lock on the SQLite file ``path``, or None where
    the system does not say (Linux's ``/proc/locks`` does), or no other process holds it.

    For the line of a writer that gave up waiting: a command whose output nobody reads (a pager
    left open, ``| sleep 100``) holds the lock until it is read, since a writing command prints
    before it commits; one stopped with Ctrl-Z holds it until ``fg``."""
    try:
        table = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    wanted: dict[tuple[int, int, int], int] = {}
    for suffix, byte in _WRITE_LOCK_BYTES:
        try:
            found = os.stat(f"{path}{suffix}")
        except OSError:
            continue
        wanted[(os.major(found.st_dev), os.minor(found.st_dev), found.st_ino)] = byte
    for line in table.splitlines():
        # 1: POSIX  ADVISORY  WRITE 21073 fe:00:3301020 120 120  (a waiter's line has "->")
        fields = line.split()
        if len(fields) != 8 or fields[1] != "POSIX" or fields[3] != "WRITE":
            continue
        try:
            major, minor, inode = fields[5].split(":")
            key = (int(major, 16), int(minor, 16), int(inode))
            pid, start = int(fields[4]), int(fields[6])
            end: int | None = None if fields[7] == "EOF" else int(fields[7])
        except ValueError:
            continue
        locked = wanted.get(key)
        if (
            locked is None
            or pid == os.getpid()
            or locked < start
            or (end is not None and locked > end)
        ):
            continue
        return LockHolder(pid, _command_line(pid), _waits_on(pid))
    return None


def _command_line(pid: int) -> str:
    """How process ``pid`` was started, as a person would type it: ``dirtrack`` and its
    arguments (not the Python that runs it), another program's name and arguments."""
    from dirtrack.text import start_of

    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
    except OSError:
        return "?"
    argv = [arg for arg in argv if arg]
    at = next((i for i, arg in enumerate(argv) if Path(arg).name == "dirtrack"), 0)
    words = [Path(argv[at]).name, *argv[at + 1 :]] if argv else ["?"]
    return start_of(" ".join(words), 80)


def _waits_on(pid: int) -> str | None:
    """``stopped`` when process ``pid`` is stopped (Ctrl-Z), ``pipe`` when it sleeps writing to
    a pipe (the kernel function it waits in), else None."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(errors="replace")
        if stat_line.rpartition(")")[2].split()[0] in ("T", "t"):
            return "stopped"
        if "pipe" in Path(f"/proc/{pid}/wchan").read_text(errors="replace"):
            return "pipe"
    except (OSError, IndexError):
        return None
    return None


# Execution option: True for a unit of work that writes (see _sqlite_begin).
WRITE_OPTION = "dirtrack_write"
# Execution option: True for the one unit of work that must leave rows pointing to records that
# are not there (the undo of ``doctor --repair``, which puts a damaged register back as it was):
# on SQLite its transaction begins with foreign keys off, and its connection has them on again
# when it goes back to the pool (_sqlite_checkin).
UNCHECKED_OPTION = "dirtrack_unchecked"
_UNCHECKED = "dirtrack_foreign_keys_off"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own BEGIN handling is turned off: _sqlite_begin emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Start a transaction: IMMEDIATE when the unit of work writes, deferred when it only reads.

    A writer takes the write lock before its first read, so concurrent writers queue behind the
    busy timeout instead of failing with ``database is locked`` when a read lock cannot be
    upgraded; readers never wait for writers under WAL.
    """
    options = conn.get_execution_options()
    write = bool(options.get(WRITE_OPTION))
    if options.get(UNCHECKED_OPTION):
        conn.info[_UNCHECKED] = True  # before BEGIN: the pragma does nothing in a transaction
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _sqlite_checkin(dbapi_connection: Any, record: Any) -> None:
    """A connection a unit of work took with foreign keys off has them on again."""
    if record.info.pop(_UNCHECKED, False):
        dbapi_connection.execute("PRAGMA foreign_keys=ON")


def use_wal(engine: Engine) -> None:
    """Put the SQLite file in WAL mode (persistent, so done once per file), once something has
    been written to it: the schema of a new file, a migration, a unit of work that changed
    something (:func:`session_scope`).

    Never on opening: a register only read, or a command refused, leaves the file's bytes as
    they were (a backup file read with ``--db`` had its header switched to WAL), and a foreign
    file is refused untouched. The switch does not wait: a file that cannot switch at once
    (another process reads it) stays in rollback-journal mode, still correct, only less
    concurrent, until the next write tries again.
    """
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA journal_mode")
        row = cursor.fetchone()
        if row is None or str(row[0]).lower() != "wal":
            cursor.execute("PRAGMA busy_timeout=0")
            try:
                cursor.execute("PRAGMA journal_mode=WAL")
            finally:
                cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()
    except sqlite3.Error:
        pass
    finally:
        raw.close()


def make_engine(target: Target, *, create: bool = True) -> Engine:
    """Create the engine, with foreign keys enforced on every SQLite connection.

    Args:
        target: from :func:`resolve_target`.
        create: whether a SQLite file that does not exist yet is created (for a command that
            writes), or refused (for one that only reads).
    """
    from sqlalchemy.exc import NoSuchModuleError

    from dirtrack.store import limits

    if target.is_sqlite and target.path is not None:
        _check_sqlite_file(target.path, create=create)
    made = _ENGINES.pop(target.url, None)
    if made is not None:
        _ENGINES[target.url] = made  # the most recent last
        return made
    if target.is_sqlite:
        # dirtrack's SQLite dialect, which every SQLite engine of the process shares its compiled
        # statements with (dirtrack.sqlite_dialect)
        from dirtrack.sqlite_dialect import COMPILED

        engine = create_engine(make_url(target.url).set(drivername=_SQLITE_DRIVER))
        engine.update_execution_options(compiled_cache=COMPILED)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "checkin", _sqlite_checkin)
    else:
        # A server that never answers (a firewall that drops the packets, a port held by
        # something that accepts and stays silent) is given up after CONNECT_TIMEOUT_S, not
        # waited on for ever; a connect_timeout in the URL itself wins.
        connect_args: dict[str, Any] = (
            {}
            if "connect_timeout" in make_url(target.url).query
            else {"connect_timeout": CONNECT_TIMEOUT_S}
        )
        if unsafe_passfile(target.url) is not None:
            # libpq would refuse it with its own English WARNING line on stderr, on every
            # command; a path that cannot exist makes it read none, silently (a password the
            # server then asks for is said by open_failure, naming the file)
            connect_args["passfile"] = _NO_PASSFILE
        try:
            # dirtrack's PostgreSQL dialect, which shares its compiled statements with every
            # PostgreSQL engine of the process whose server compiles alike
            # (dirtrack.postgresql_dialect)
            url = make_url(target.url).set(drivername=_POSTGRESQL_DRIVER)
            engine = create_engine(url, pool_pre_ping=False, connect_args=connect_args)
        except ModuleNotFoundError:
            raise DatabaseError.of("needs_psycopg") from None
        except NoSuchModuleError:  # postgresql+nosuchdriver://
            raise DatabaseError.of("not_database_url", value=target.display) from None
        except ArgumentError as exc:
            # a setting of the URL's query that the dialect refuses before connecting
            # (?port=abc): said as the client library's own refusals are
            from dirtrack.i18n import Phrase

            reason = Phrase("w_pg_bad_setting", detail=str(exc))
            raise DatabaseError.of("cannot_open_db", db=target.display, reason=reason) from None
        from dirtrack.postgresql_dialect import COMPILED as PG_COMPILED

        engine.update_execution_options(compiled_cache=PG_COMPILED)
        event.listen(engine, "connect", _postgresql_session, insert=True)
        event.listen(engine, "checkout", _postgresql_checkout)
        event.listen(engine, "begin", _postgresql_begin)
    _quiet_library_log()
    limits.install(engine)
    _ENGINES[target.url] = engine
    while len(_ENGINES) > _KEPT_ENGINES:
        _ENGINES.pop(next(iter(_ENGINES))).dispose()
    return engine


def _quiet_library_log() -> None:
    """Keep psycopg's and SQLAlchemy's own logs off stderr: with no handler of their own,
    Python prints their warnings there ("error ignored terminating <psycopg.Pipeline [BAD]>:
    the connection is lost", on a connection lost during a write; SQLAlchemy's pool logs
    "Exception during reset or similar" with a traceback when Ctrl-C or SIGTERM lands while it
    rolls back a connection handed back, then lets the stop go on), beside the command's one
    ``Error:`` line, which already says what failed."""
    import logging

    for name in ("psycopg", "sqlalchemy"):
        library = logging.getLogger(name)
        if not library.handlers:
            library.addHandler(logging.NullHandler())


# The engines this process has made, by URL, the most recent last. A process that runs several
# commands (the test suite, a program calling dirtrack.cli.main in a loop) then compiles each SQL
# statement once per database rather than once per command: SQLAlchemy keeps compiled
# statements in the engine. Every command disposes of its engine's connections when it ends,
# so what is kept between commands is the engine's dialect and statement cache, never an open
# connection or file. A single command (the usual process) makes one engine, as before.
_ENGINES: dict[str, Engine] = {}

# The SQLite dialect of dirtrack.sqlite_dialect and the PostgreSQL one of
# dirtrack.postgresql_dialect, which SQLAlchemy's registry loads by these names.
_SQLITE_DRIVER = "sqlite+dirtrack"
registry.register("sqlite.dirtrack", "dirtrack.sqlite_dialect", "SQLiteDialect")
_POSTGRESQL_DRIVER = "postgresql+dirtrack"
registry.register("postgresql.dirtrack", "dirtrack.postgresql_dialect", "PostgreSQLDialect")
_KEPT_ENGINES = 4


def forget_engine(target: Target) -> None:
    """Drop the engine kept for ``target`` (after a failure to open it, or to start afresh)."""
    engine = _ENGINES.pop(target.url, None)
    if engine is not None:
        engine.dispose()


# pg_advisory_xact_lock key held by every writing unit of work on PostgreSQL; the
# migrations take their own, PG_MIGRATE_LOCK, after this one.
PG_WRITE_LOCK = 727275
PG_MIGRATE_LOCK = 727274


class NotUtf8(Exception):
    """A PostgreSQL database whose encoding is not UTF8 (:func:`_postgresql_session`)."""

    def __init__(self, encoding: str) -> None:
        super().__init__(encoding)
        self.encoding = encoding

    def phrase(self) -> Phrase:
        """Why the database is refused, and what to do, in the catalog's words."""
        from dirtrack.i18n import Phrase

        return Phrase("w_pg_not_utf8", encoding=self.encoding)


def _postgresql_session(dbapi_connection: Any, _record: Any) -> None:
    """Every PostgreSQL connection speaks UTF-8 and writes dates and times in ISO form, whatever
    the server, database, role or environment sets (as SQLite's pragmas, above).

    A server, database or role with ``DateStyle = 'German, DMY'`` or ``'SQL, DMY'`` (the
    Vietnamese order of day and month) sent times the driver cannot read ("can't parse
    timestamptz with DateStyle …": history, overdue, export and every write failed), and
    ``PGCLIENTENCODING=WIN1258`` (Windows' Vietnamese code page) or ``LATIN1`` made the server
    refuse every Vietnamese letter it has no code for.

    A database whose own encoding is not UTF8 is refused (:class:`NotUtf8`): one made
    ``ENCODING 'LATIN1'`` or ``'WIN1258'`` cannot hold Vietnamese letters ("unexpected error
    UntranslatableCharacter" on the first write), and one made ``SQL_ASCII`` (the default of a
    cluster made with the C locale) counts ``VARCHAR(n)`` in bytes, so a name of 150 Vietnamese
    letters was "value too long". The server says its encoding when the connection opens.
    """
    encoding = dbapi_connection.info.parameter_status("server_encoding")
    if encoding is not None and encoding.upper() != "UTF8":
        dbapi_connection.close()  # the pool never got it: nothing else would close it
        raise NotUtf8(encoding)
    # Named as the command that runs (``dirtrack import``) unless the URL or PGAPPNAME names
    # it: a writer that gives up waiting names the holder of the write lock by it
    # (:func:`pg_lock_holder`), as an administrator's pg_stat_activity does.
    named = not dbapi_connection.info.parameter_status("application_name")
    with dbapi_connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('client_encoding', 'UTF8', false), "
            "set_config('DateStyle', 'ISO, YMD', false), "
            "set_config('application_name', coalesce(%s, current_setting('application_name')), "
            "false)",
            [_APPLICATION[0] if named else None],
        )
    dbapi_connection.commit()
    if named:
        _record.info[_NAMED] = _APPLICATION[0]


def _postgresql_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """A pooled connection that dirtrack named takes the name of the command now running (a
    process that runs several commands: ``tests/batch.py``, a test's CliRunner)."""
    named = record.info.get(_NAMED)
    if named is None or named == _APPLICATION[0]:
        return
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT set_config('application_name', %s, false)", [_APPLICATION[0]])
    dbapi_connection.commit()
    record.info[_NAMED] = _APPLICATION[0]


# The application_name of the PostgreSQL sessions dirtrack opens: ``dirtrack`` and the command
# that runs (:func:`open_engine`); ``_NAMED``, in a connection's info, the name it was given.
_APPLICATION = ["dirtrack"]
_NAMED = "dirtrack_application_name"


@dataclass(frozen=True)
class PgLockHolder:
    """The server session that holds dirtrack's write lock on a PostgreSQL database, as
    pg_stat_activity shows it; what the account may not see (another role's session, without
    pg_read_all_stats) is None."""

    pid: int  # the server process of the session (pg_terminate_backend takes it)
    program: str | None  # its application_name: ``dirtrack import``, ``psql``; None: none given
    user: str | None
    client: str | None  # ``10.0.0.5:52344``, ``[::1]:52344``; ``local``: the server's socket
    state: str | None  # ``idle in transaction``, ``active``…
    open_s: int | None  # for how many seconds its transaction has been open


def pg_lock_holder(target: Target) -> PgLockHolder | None:
    """The other session that holds dirtrack's write lock (or the migrations' lock) on the
    PostgreSQL database ``target``, or None when none does (the lock was let go meanwhile, or
    the wait was on a row another program locked) or the server cannot be asked.

    For the line of a writer that gave up waiting, as :func:`lock_holder` on SQLite."""
    query = text(
        "SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.client_port, "
        "a.state, floor(extract(epoch FROM clock_timestamp() - a.xact_start))::bigint "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.classid = 0 AND l.objid IN (:write, :migrate) AND l.objsubid = 1 "
        "AND l.pid <> pg_backend_pid() ORDER BY l.objid DESC LIMIT 1"
    )
    try:
        with make_engine(target, create=False).connect() as conn:
            row = conn.execute(query, {"write": PG_WRITE_LOCK, "migrate": PG_MIGRATE_LOCK}).first()
    except Exception:  # the server gone, a role that may not read pg_locks: said without it
        return None
    if row is None:
        return None
    pid, program, user, address, port, state, open_s = row
    client = (
        (f"[{address}]:{port}" if ":" in address else f"{address}:{port}")  # IPv6 in brackets
        if address is not None
        else "local"
        if port == -1  # pg_stat_activity: -1 for a Unix socket
        else None
    )
    return PgLockHolder(int(pid), program or None, user, client, state, open_s)


def _postgresql_begin(conn: Connection) -> None:
    """On PostgreSQL, a writing unit of work waits for the database's one write lock.

    SQLite lets one writer at a time in (BEGIN IMMEDIATE, above), so a command's checks and its
    writes can never interleave with another's: two clerks adding the same key, unit or
    completion at once get one success and one clear refusal. The same transaction-scoped
    advisory lock gives PostgreSQL exactly that behaviour; readers never take it. Released at
    commit or rollback. As SQLite's busy timeout, the transaction's lock_timeout gives up a wait
    (for this lock, or one another session holds on a row or table) after
    :data:`BUSY_TIMEOUT_MS`: a writer that never finishes (stopped, or an open transaction of
    another program) made every other one wait for ever.

    A writer reads at READ COMMITTED, whatever the database's default_transaction_isolation:
    at REPEATABLE READ or SERIALIZABLE its snapshot was taken before it waited for the lock, so
    it did not see what the writer before it had just written (two clerks adding one unit: a
    duplicate key, 'unexpected IntegrityError', where one gets a clear refusal), or failed
    with 'could not serialize access'.
    """
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


def open_engine(
    value: str | None, *, create: bool = True, damaged: bool = False, command: str | None = None
) -> tuple[Engine, Target]:
    """Resolve ``--db``, create the engine and make sure the schema is current.

    ``create`` False (a command that only reads): a SQLite file that does not exist is an error
    naming it, never a new empty database; one whose journal files cannot be made beside it (a
    folder one may only read, a read-only file system) is read as it is
    (:func:`readable_target`). ``command`` (``import``, ``unit add``) names the PostgreSQL
    sessions the process opens from now on (their application_name, ``dirtrack import``).

    Raises:
        DatabaseError: a missing folder, a file that is not a dirtrack database, a database
            written by a newer dirtrack, or a server that cannot be reached.
    """
    from dirtrack import collector

    collector.settle()  # the command's own work begins: what was loaded is frozen
    if command is not None:
        _APPLICATION[0] = f"dirtrack {command}"
    target = resolve_target(value)
    opened = target if create else readable_target(target)
    return _open_target(opened, create=create, damaged=damaged)


def readable_target(target: Target) -> Target:
    """How a command that only reads opens ``target``: as it is, or, for a SQLite file whose
    journal files cannot be made beside it (a folder one may only read, a read-only file
    system: SQLite could not open it at all), read-only as a file that does not change
    (SQLite's ``immutable``). Not when its ``-wal`` file holds changes not yet copied into it,
    which that would not read: it is then refused as read-only, as before.
    """
    path = target.path
    if path is None or not path.is_file():
        return target
    real = Path(os.path.realpath(path))  # SQLite keeps the journal files beside the file itself
    if os.access(real.parent, os.W_OK):
        return target
    wal = real.with_name(real.name + "-wal")
    try:
        if wal.stat().st_size > 0:
            return target
    except FileNotFoundError:
        pass
    except OSError:
        return target
    from urllib.parse import quote

    from sqlalchemy.engine import URL

    uri = URL.create(
        "sqlite",
        database=f"file:{quote(str(path.absolute()))}",
        query={"mode": "ro", "immutable": "1", "uri": "true"},
    )
    return Target(uri.render_as_string(), path)


def _open_target(target: Target, *, create: bool, damaged: bool = False) -> tuple[Engine, Target]:
    new = target.path is not None and not target.path.exists()
    blank = target.path is not None and create and blank_file(target.path)
    engine = make_engine(target, create=create)
    try:
        ensure_schema(engine, target)
        if create and not damaged and target.path is not None:
            refuse_foreign_triggers(engine, target)
        if target.path is not None and not _sound_at_a_glance(engine, links=not damaged):
            refuse_unreadable_days(engine)
            if not damaged:
                refuse_missing_records(engine)
    except (OperationalError, SQLDatabaseError) as exc:
        forget_engine(target)
        if new or blank:
            _remove_new(target, keep=blank)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise open_failure(target, reason) from None
    except NotUtf8 as exc:
        forget_engine(target)
        raise DatabaseError.of("cannot_open_db", db=target.display, reason=exc.phrase()) from None
    except UnicodeDecodeError:
        # SQLite's message quoting bytes of a damaged schema that are not UTF-8, which Python
        # cannot decode: the file is damaged (it was "some input is not valid UTF-8 text; check
        # the encoding of the terminal", for every command and doctor)
        forget_engine(target)
        raise open_failure(target, "database disk image is malformed") from None
    except BaseException:
        # A refusal (newer schema, foreign database…) must not leave a connection open to the
        # server behind it.
        forget_engine(target)
        if new or blank:
            _remove_new(target, keep=blank)
        raise
    return engine, target


def blank_file(path: Path) -> bool:
    """Whether the SQLite file ``path`` is empty (0 bytes, no write-ahead log holding anything):
    the first command that records something makes it a database."""
    try:
        return path.stat().st_size == 0 and not _holds(path.with_name(path.name + "-wal"))
    except OSError:
        return False


def _remove_new(target: Target, *, keep: bool = False) -> None:
    """Remove the file (and journals) this run created but could not make a database of; with
    ``keep``, a file that was there empty before the run is emptied again (its name, owner and
    mode as they were) and only its journals are removed."""
    assert target.path is not None
    sides = [target.path.with_name(target.path.name + s) for s in SIDE_FILES]
    if keep:
        try:
            os.truncate(target.path, 0)
        except OSError:
            pass
    for path in ([] if keep else [target.path]) + sides:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


SIDE_FILES = ("-wal", "-shm", "-journal")


_WRITTEN = (
    "SELECT 1 FROM change_log UNION ALL SELECT 1 FROM unit "
    "UNION ALL SELECT 1 FROM meeting UNION ALL SELECT 1 FROM office LIMIT 1"
)


def remove_unwritten(engine: Engine, target: Target, *, keep: bool = False) -> None:
    """Remove the SQLite file this run created when the command then failed, unless something
    was written to it since (another process's first command on the same new file: every write
    leaves a change in ``change_log``). Checked under SQLite's write lock, released just before
    the file goes; with ``keep`` (the file was there, empty, before the run) it is emptied
    again instead (:func:`_remove_new`). On PostgreSQL, the schema this run gave a blank
    database (:func:`made_schema`) is dropped the same way, in one transaction under the write
    lock."""
    if target.path is None:
        _drop_unwritten_schema(engine)
        return
    try:
        with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
            written = conn.exec_driver_sql(_WRITTEN).first()
    except (OperationalError, SQLDatabaseError):
        return  # locked by a writer, or not ours to judge: leave it
    if written is None:
        engine.dispose()
        forget_engine(target)
        _remove_new(target, keep=keep)


def _drop_unwritten_schema(engine: Engine) -> None:
    """Drop dirtrack's tables from a PostgreSQL database when nothing was written to them."""
    from dirtrack import models

    try:
        with engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
            if conn.exec_driver_sql(_WRITTEN).first() is not None:
                return  # another process's first command wrote to it meanwhile: it stays
            models.metadata().drop_all(conn)
            conn.exec_driver_sql("DROP TABLE alembic_version")
    except (OperationalError, SQLDatabaseError):
        return  # the server went away, or the tables are not as we made them: leave them


#: What SQLite says (its English, the first line of its error), in the catalog's words.
SQLITE_REASONS = {
    "database disk image is malformed": "w_db_malformed",
    "file is not a database": "w_not_database",
    "database is locked": "w_db_locked",
    "database or disk is full": "w_disk_full",
    "unable to open database file": "w_db_cannot_open",
    "disk I/O error": "w_io_error",
    "attempt to write a readonly database": "w_db_read_only",
}


#: What psycopg and libpq say of a connection to the server lost while a command runs, its
#: opening included (the server stopped, the session ended by an administrator or by the
#: server's idle_in_transaction_session_timeout or idle_session_timeout, the network gone).
CONNECTION_LOST = (
    "server closed the connection unexpectedly",
    "the connection is lost",
    "the connection is closed",
    "terminating connection due to administrator command",
    "terminating connection due to idle-in-transaction timeout",
    "terminating connection due to idle-session timeout",
)


#: What PostgreSQL's client library says when it cannot connect (a part of the first line of
#: its message), in the catalog's words; the first that is found is said.
SERVER_REASONS = (
    ("connection refused", "w_conn_refused"),
    ("failed to resolve host", "w_unknown_host"),
    ("could not translate host name", "w_unknown_host"),
    ("name or service not known", "w_unknown_host"),
    ("temporary failure in name resolution", "w_unknown_host"),
    ("timeout expired", "w_timed_out"),
    ("timed out", "w_timed_out"),
    ("no route to host", "w_unreachable"),
    ("network is unreachable", "w_unreachable"),
    # a connection lost while the opening checks or a first command's migration ran: the
    # server's 'terminating connection due to administrator command' came through under --lang vi
    *((words, "w_conn_reset") for words in CONNECTION_LOST),
    ("connection reset", "w_conn_reset"),
    ("password authentication failed", "w_pg_auth_failed"),
    ("no password supplied", "w_pg_auth_failed"),
    # SSL asked for by the URL (sslmode=require, verify-ca, verify-full): libpq's English came
    # through under --lang vi, and its 'root certificate file "~/.postgresql/root.crt" does not
    # exist' was said to be "no such database or user"
    ("server does not support ssl", "w_pg_no_ssl"),
    ("root certificate file", "w_pg_no_root_cert"),
    ("certificate verify failed", "w_pg_cert_not_trusted"),
    ("does not match host name", "w_pg_cert_other_host"),
    ("does not exist", "w_pg_no_database"),
    ("invalid response to ssl negotiation", "w_pg_not_postgresql"),
    ("received invalid response", "w_pg_not_postgresql"),
    # 'connection to server on socket "…/.s.PGSQL.5432" failed: No such file or directory': the
    # socket's words, not "on socket", which every refusal of a local server's holds ('…on
    # socket "…" failed: FATAL:  too many connections for role "u"' said there was no server)
    ("failed: no such", "w_pg_no_local_server"),
    ("too many connections", "w_pg_too_many"),
    ("too many clients", "w_pg_too_many"),
    ("connection slots are reserved", "w_pg_too_many"),
    # a first command's migration that waited BUSY_TIMEOUT_MS for another writer (lock_timeout)
    ("due to lock timeout", "w_db_locked"),
    ("canceling statement due to", "w_pg_canceled"),  # statement_timeout, pg_cancel_backend
    # ALLOW_CONNECTIONS false, or a server starting, stopping or recovering
    ("not currently accepting connections", "w_pg_not_accepting"),
    ("not yet accepting connections", "w_pg_not_accepting"),
    ("the database system is", "w_pg_not_accepting"),
    # a first command's schema in a database whose search_path names no schema that exists
    # (the public schema dropped, as some administrators do, or a role's own search_path)
    ("no schema has been selected to create in", "w_pg_no_schema"),
    # a URL's target_session_attrs (primary, standby, read-write, read-only…) that the server
    # is not: libpq's 'server is not in hot standby mode' came through under --lang vi
    ("hot standby mode", "w_pg_session_attrs"),
    ("session is read-only", "w_pg_session_attrs"),
    ("session is not read-only", "w_pg_session_attrs"),
    # a role made without LOGIN (CREATE ROLE, not CREATE USER)
    ("is not permitted to log in", "w_pg_no_login"),
    # 'pg_hba.conf rejects connection for host …', 'no pg_hba.conf entry for host …'
    ("pg_hba.conf", "w_pg_hba"),
)

# PostgreSQL's "permission denied for table directive" (its words: the object's name is kept),
# and 'permission denied for database "dirtrack"' of a role without CONNECT on it
PG_DENIED = LazyPattern(
    r'permission denied for (?:table|relation|sequence|schema|database) "?([^"\s]+)"?'
)


#: What Python's sqlite3 says of a stored text whose bytes are not UTF-8 (a damaged file, or
#: another program's writing): "Could not decode to UTF-8 column 'x' with text '…'", the text
#: being the bytes read as they come, with whatever they hold.
NOT_UTF8_COLUMN = LazyPattern(r"Could not decode to UTF-8 column '([^']*)'")

#: SQLite's words for a table or column a statement names and the file lacks (another
#: program's database, or one whose schema was changed by hand).
NO_SUCH_NAME = LazyPattern(r"^no such (?:table|column): (?:main\.)?([\w.]+)")


def sqlite_reason(reason: str) -> Phrase | str:
    """``reason``, SQLite's message, in the catalog's words where it is one of
    :data:`SQLITE_REASONS`, a text that is not UTF-8 (:data:`NOT_UTF8_COLUMN`, named by its
    column, never quoted) or a table or column the file lacks (:data:`NO_SUCH_NAME`); else as
    SQLite gives it."""
    from dirtrack.i18n import Phrase

    undecodable = NOT_UTF8_COLUMN.search(reason)
    if undecodable is not None:
        return Phrase("w_db_text_not_utf8", column=undecodable[1])
    missing = NO_SUCH_NAME.search(reason.strip())
    if missing is not None:
        return Phrase("w_db_no_such", name=missing[1])
    key = SQLITE_REASONS.get(reason.strip().rstrip("."))
    if key is None and reason.startswith("malformed database schema"):
        # the schema's own text damaged ("malformed database schema (meeting) - unrecognized
        # token: …"): the file is, whatever SQLite found in it
        key = "w_db_malformed"
    return Phrase(key) if key else reason


def server_reason(reason: str) -> Phrase | str:
    """``reason``, PostgreSQL's client library's message, in the catalog's words where it is
    one of :data:`SERVER_REASONS` (refused, unknown host, no answer in time…); else as given."""
    from dirtrack.i18n import Phrase

    said = reason.lower()
    for part, key in SERVER_REASONS:
        if part in said:
            return Phrase(key)
    denied = PG_DENIED.search(reason)
    if denied is not None:
        # a first command's schema in a database whose public schema the role may not create
        # in (PostgreSQL 15's default for a role that does not own the database)
        return Phrase("w_pg_denied_on", name=denied[1])
    setting = _BAD_SETTING.search(reason)
    if setting is not None:
        # a setting of the URL's query (?sslmode=…) the client library refused: the sentence in
        # the run's language, the setting's own words after it
        return Phrase("w_pg_bad_setting", detail=setting[0])
    return reason


# libpq's and psycopg's words for a setting they refuse: 'invalid sslmode value: "bogus"',
# 'invalid connection option "foo"', 'invalid integer value "x" for connection option "port"',
# "bad value for connect_timeout: 'x'", a port out of range ('invalid port number: "99999"',
# after psycopg's English "connection is bad:"), a service the service file does not define
# ('definition of service "x" not found').
_BAD_SETTING = LazyPattern(
    r"(?:invalid (?:[\w ]+ )?(?:value|option|number)|bad value for|definition of service)\b.*",
    re.IGNORECASE,
)


# A path under a file, which no file can have: libpq finds no password file there and says nothing.
_NO_PASSFILE = os.devnull + "/none"


def unsafe_passfile(url: str) -> Path | None:
    """The password file libpq would read for ``url`` and refuse for being open to others, or
    None.

    libpq reads ``?passfile=``, else ``PGPASSFILE``, else ``~/.pgpass``, when neither the URL nor
    ``PGPASSWORD`` gives a password; one that is not a plain file, or that its group or others
    may read or write (not ``chmod 600``), it ignores with a WARNING of its own on stderr.
    """
    if os.name == "nt":
        return None  # libpq checks no permissions there
    parsed = make_url(url)
    if parsed.password is not None or os.environ.get("PGPASSWORD"):
        return None
    given = parsed.query.get("passfile") or os.environ.get("PGPASSFILE")
    if isinstance(given, tuple):
        given = given[-1]
    try:
        path = Path(given) if given else Path.home() / ".pgpass"
        mode = path.stat().st_mode
    except (OSError, RuntimeError):  # no such file, or no home folder: libpq reads none
        return None
    if not stat.S_ISREG(mode) or mode & (stat.S_IRWXG | stat.S_IRWXO):
        return path
    return None


def open_failure(target: Target, reason: str) -> DatabaseError:
    """The error for a database SQLite or PostgreSQL could not open or write, from ``reason``.

    A full disk and a read-only file, folder or file system are told apart from other
    failures, since SQLite often says only "disk I/O error" or "unable to open database file".
    """
    if "file is not a database" in reason:
        return DatabaseError.of("not_dirtrack_db", db=target.display)
    if target.path is not None:
        folder = target.path.parent
        try:
            full = os.statvfs(folder).f_bavail == 0
        except OSError:
            full = False
        if full or "disk is full" in reason:
            return DatabaseError.of("disk_full_at", db=target.display)
        writable = os.access(folder, os.W_OK) and (
            not target.path.exists() or os.access(target.path, os.W_OK)
        )
        if not writable or "readonly" in reason:
            return DatabaseError.of("db_read_only_at", db=target.display)
    said = sqlite_reason(reason) if target.is_sqlite else server_reason(reason)
    if not target.is_sqlite and "no password supplied" in reason.lower():
        unsafe = unsafe_passfile(target.url)
        if unsafe is not None:
            from dirtrack.i18n import Phrase

            said = Phrase("w_pg_passfile_unsafe", path=str(unsafe))
    return DatabaseError.of("cannot_open_db", db=target.display, reason=said)


def current_revision(engine: Engine) -> tuple[str | None, list[str]]:
    """The schema revision recorded in the database (None if none) and its table names.

    The common case, a database at the current revision, costs one small query; the tables are
    looked up (by reflection, several queries) only when the revision is not the current one.

    Raises:
        DatabaseError: ``alembic_version`` holds more than one row (another program added
            one): which schema the tables have cannot be told, so nothing is migrated.
    """
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except (ProgrammingError, OperationalError) as exc:  # no such table (or worse: below)
            if "database is locked" in str(exc.orig):
                # another program's lock that keeps readers out, waited for already: the look
                # at the tables below waited as long again (two minutes in all, not one)
                raise
            conn.rollback()
        else:
            if rows == [SCHEMA_REVISION]:
                return SCHEMA_REVISION, []
            if len(rows) > 1:
                raise DatabaseError.of("db_revisions", revisions=", ".join(map(str, rows)))
        # Also what a database that cannot be read at all raises, from here, as it always did.
        tables = inspect(conn).get_table_names()
        if "alembic_version" not in tables:
            return None, tables
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        # a blank one, as another program may leave it, is none
        return (str(revision) if revision is not None and str(revision).strip() else None), tables


# dirtrack's own tables, by which a database whose schema revision is gone is still known as a
# dirtrack database
OWN_TABLES = frozenset({"unit", "meeting", "directive"})


def _sound_at_a_glance(engine: Engine, *, links: bool) -> bool:
    """Whether a SQLite register is seen, in two statements, to hold no day stored otherwise
    than dirtrack stores it and (``links``) no row pointing to a record that is not there or
    holding a link that is a number not whole: what :func:`refuse_unreadable_days`,
    :func:`refuse_missing_records` and :func:`refuse_fractional_links` look for, a statement per
    table and link (about forty, on every command). False when something is found, when ids
    are missing between the first and the last of a table (a record deleted), or when a
    statement fails (a table, column or index dropped): those two then look again, one table
    at a time, and say what they find exactly as before.
    """
    from dirtrack.models import (
        ALL_DAY_COLUMNS,
        KEPT_LINKS,
        LINK_COLUMNS,
        links_not_ids,
        links_not_ids_name,
        unreadable_days,
        unreadable_days_name,
    )

    days = " UNION ALL ".join(
        f'SELECT * FROM (SELECT 1 FROM "{table}" INDEXED BY "{unreadable_days_name(table)}" '
        f"WHERE {unreadable_days(table)} LIMIT 1)"
        for table in ALL_DAY_COLUMNS
    )
    parents = list(KEPT_LINKS)
    bounds = ", ".join(
        f'(SELECT min(id) FROM "{t}"), (SELECT max(id) FROM "{t}"), (SELECT count(*) FROM "{t}")'
        for t in parents
    )
    try:
        with engine.connect() as conn:
            if conn.exec_driver_sql(days).first() is not None:
                return False
            if not links:
                return True
            row = conn.exec_driver_sql(f"SELECT {bounds}").one()
            gaps: dict[str, list[int]] = {}
            for i, parent in enumerate(parents):
                low, high, count = row[3 * i : 3 * i + 3]
                if low is None:
                    gaps[parent] = [-(2**63), 2**63 - 1]
                    continue
                low, high, count = int(low), int(high), int(count)
                if count != high - low + 1:
                    return False  # ids missing in between: found one table at a time
                gaps[parent] = [-(2**63), low - 1, high + 1, 2**63 - 1]
            selects, values = [], []
            for parent, children in KEPT_LINKS.items():
                ranges = gaps[parent]
                pairs = ", ".join("(?, ?)" for _ in range(len(ranges) // 2))
                for child, column in children:
                    selects.append(
                        f'SELECT * FROM (SELECT 1 FROM (VALUES {pairs}) AS g CROSS JOIN "{child}" '
                        f'AS c WHERE c."{column}" BETWEEN g.column1 AND g.column2 LIMIT 1)'
                    )
                    values += ranges
            # a link holding text (or bytes), which sorts after every number: no id
            selects += [
                f'SELECT * FROM (SELECT 1 FROM "{child}" WHERE "{column}" >= \'\' LIMIT 1)'
                for children in KEPT_LINKS.values()
                for child, column in children
            ]
            # a link holding a number that is not whole, in its table's partial index
            selects += [
                f'SELECT * FROM (SELECT 1 FROM "{table}" INDEXED BY "{links_not_ids_name(table)}" '
                f"WHERE {links_not_ids(table)} LIMIT 1)"
                for table in LINK_COLUMNS
            ]
            found = conn.exec_driver_sql(" UNION ALL ".join(selects), tuple(values)).first()
            return found is None
    except (OperationalError, ValueError, TypeError):
        return False


def refuse_foreign_triggers(engine: Engine, target: Target) -> None:
    """Refuse to write to a SQLite register holding a trigger dirtrack does not make: it runs
    on dirtrack's own writes (one another program added, deleting every directive at each
    insert, left `assign` printing the new id with no directive left), as does one under
    dirtrack's name whose body is another (its text compared with the digest of dirtrack's
    own, :data:`dirtrack.models.TRIGGER_DIGESTS`). ``doctor`` names them
    (:mod:`dirtrack.store.health`); ``restore`` of a backup puts dirtrack's own triggers back.

    Raises:
        DatabaseError: ``db_foreign_trigger``, naming them.
    """
    from dirtrack.models import TRIGGER_DIGESTS, trigger_digest

    query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    with engine.connect() as conn:
        foreign = [
            str(name)
            for name, sql in conn.exec_driver_sql(query)
            if TRIGGER_DIGESTS.get(name) != trigger_digest(sql)
        ]
    if foreign:
        raise DatabaseError.of("db_foreign_trigger", db=target.display, names=", ".join(foreign))


def refuse_unreadable_days(engine: Engine) -> None:
    """Refuse a SQLite database holding a day not stored as dirtrack stores it: every query
    compares the stored text, so '2024-3-5' or '05/03/2024' (written by another program) would
    be counted wrong without a word. Each table's partial index of such rows (migration 0016,
    :data:`dirtrack.models.DAY_COLUMNS`) is normally empty: the look costs next to nothing.

    Raises:
        DatabaseError: the first such day found, naming the record; doctor lists them all.
    """
    from dirtrack.models import ALL_DAY_COLUMNS, day_form, unreadable_days, unreadable_days_name

    with engine.connect() as conn:
        for table, (key, columns) in ALL_DAY_COLUMNS.items():
            names = ", ".join(f'"{c}"' for c in columns)
            # INDEXED BY: else SQLite reads a covering index of every row (ix_directive_judged)
            index = unreadable_days_name(table)
            try:
                row = conn.exec_driver_sql(
                    f'SELECT "{key}", {names} FROM "{table}" INDEXED BY "{index}" '
                    f"WHERE {unreadable_days(table)} LIMIT 1"
                ).first()
            except OperationalError:
                # a table, a column or the index dropped: the command's to say, and doctor's
                conn.rollback()
                continue
            if row is None:
                continue
            for column, value in zip(columns, row[1:], strict=True):
                if value is None:
                    continue
                readable = conn.exec_driver_sql(f"SELECT {day_form('?')}", (value, value)).scalar()
                if not readable:
                    from dirtrack.i18n import Entity, Field

                    raise DatabaseError.of(
                        "db_unreadable_day",
                        entity=Entity(table),
                        id=row[0],
                        column=Field(column),
                        value=repr(value),
                    )


def refuse_missing_records(engine: Engine) -> None:
    """Refuse a SQLite database where a row points to a unit, meeting, series, field or
    limitation that is not there (deleted by another program with foreign keys off, before
    migrations 0018 and 0019's triggers kept them): the lists and counts join those rows to
    what they point to and would leave them out without a word.

    Such a link points into a gap between the ids of the rows there, so rather than reading
    every directive, each foreign key into those tables is looked up in its index for each gap
    (below the first id, between two ids that do not follow each other, above the last): a few
    index lookups where the ids run on; where records were deleted, a read of the ids of the
    table they were deleted from (:func:`_id_gaps`). Then a link that is a number not whole
    (:func:`refuse_fractional_links`), which no gap holds.

    Raises:
        DatabaseError: the first such link found (a missing unit first), naming the record;
            doctor lists them all.
    """
    from dirtrack.i18n import Entity
    from dirtrack.models import KEPT_LINKS

    with engine.connect() as conn:
        for parent, links in KEPT_LINKS.items():
            try:
                gaps = _id_gaps(conn, parent)
            except (OperationalError, ValueError, TypeError):
                conn.rollback()  # a table dropped, text in an id: the schema's and doctor's
                continue
            for child, column in links:
                _refuse_text_link(conn, child, column, parent)
                found = _link_into_gaps(conn, child, column, gaps)
                if found is None:
                    continue
                row, missing = found
                if parent == "unit":
                    raise DatabaseError.of("db_missing_unit", id=missing)
                raise DatabaseError.of(
                    "db_missing_record",
                    entity=Entity(child),
                    row=row,
                    parent=Entity(parent),
                    id=missing,
                )
        refuse_fractional_links(conn)


def _refuse_text_link(conn: Connection, table: str, column: str, parent: str) -> None:
    """Refuse a row of ``table`` whose link ``column`` to ``parent`` holds text or bytes
    (another program's ``'abc'``): it points to no record, and the lists left it out without a
    word. Text sorts after every number, so the column's index finds one at once.

    Raises:
        DatabaseError: ``db_link_not_id``, naming the row and what it holds.
    """
    from dirtrack.i18n import Entity, cut

    try:
        row = conn.exec_driver_sql(
            f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" >= \'\' LIMIT 1'
        ).first()
    except OperationalError:
        conn.rollback()  # a table or column dropped: the command's to say, and doctor's
        return
    if row is not None:
        value = row[1].decode("latin-1") if isinstance(row[1], bytes) else str(row[1])
        raise DatabaseError.of(
            "db_link_not_id",
            entity=Entity(table),
            row=row[0],
            parent=Entity(parent),
            value=cut(value),
        )


def refuse_fractional_links(conn: Connection) -> None:
    """Refuse a SQLite register where a link to a unit, meeting, series, field or limitation
    holds a number that is not whole (another program's ``1.5``): it points to no record and
    falls between two ids, where :func:`refuse_missing_records` looks no further, and the lists,
    the reports and an export's codes left its row out without a word. Each table's partial
    index of such rows (migration 0024, :data:`dirtrack.models.LINK_COLUMNS`) is normally empty:
    the look costs next to nothing. Where another program dropped the index, the table's link
    columns are read whole. Nothing on PostgreSQL, whose columns hold integers only.

    Raises:
        DatabaseError: ``db_link_not_id``, naming the first such row and what it holds; doctor
            names them all.
    """
    from dirtrack.i18n import Entity
    from dirtrack.models import KEPT_LINKS, LINK_COLUMNS, links_not_ids, links_not_ids_name

    if conn.dialect.name != "sqlite":
        return
    parents = {
        (table, column): parent for parent, links in KEPT_LINKS.items() for table, column in links
    }
    for table, columns in LINK_COLUMNS.items():
        names = ", ".join(f'"{c}"' for c in columns)
        query = f'SELECT rowid, {names} FROM "{table}" {{}} WHERE {links_not_ids(table)} LIMIT 1'
        try:
            row = conn.exec_driver_sql(
                query.format(f'INDEXED BY "{links_not_ids_name(table)}"')
            ).first()
        except OperationalError:
            conn.rollback()  # the index dropped (read whole), or a table or column (doctor's)
            try:
                row = conn.exec_driver_sql(query.format("")).first()
            except OperationalError:
                conn.rollback()
                continue
        if row is None:
            continue
        column, value = next(
            (c, v) for c, v in zip(columns, row[1:], strict=True) if isinstance(v, float)
        )
        raise DatabaseError.of(
            "db_link_not_id",
            entity=Entity(table),
            row=row[0],
            parent=Entity(parents[(table, column)]),
            value=value,
        )


def _id_gaps(conn: Connection, table: str) -> list[tuple[int, int]]:
    """The ranges of ids no row of ``table`` holds (inclusive): below its first id, between two
    ids that do not follow each other, above its last. The first and last id are two lookups
    and the count of rows one more (SQLite counts a table by its pages); only where the count
    says some ids between them are missing (a record deleted, an undone command) are its ids
    read along the primary key to find where."""
    first, last = -(2**63), 2**63 - 1
    low = conn.exec_driver_sql(f'SELECT min(id) FROM "{table}"').scalar()
    if low is None:
        return [(first, last)]
    high = int(conn.exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar() or 0)
    low = int(low)
    gaps: list[tuple[int, int]] = []
    if low > first:
        gaps.append((first, low - 1))
    count = int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)
    if count != high - low + 1:
        ids = f'SELECT id, lead(id) OVER (ORDER BY id) AS nxt FROM "{table}"'
        between = conn.exec_driver_sql(f"SELECT id + 1, nxt - 1 FROM ({ids}) WHERE nxt > id + 1")
        gaps += [(int(lo), int(hi)) for lo, hi in between]
    if high < last:
        gaps.append((high + 1, last))
    return gaps


_GAPS_AT_ONCE = 200


def _link_into_gaps(
    conn: Connection, table: str, column: str, gaps: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The rowid and value of a row of ``table`` whose ``column`` falls in one of ``gaps``
    (inclusive ranges), by the column's index (the outer loop runs over the gaps)."""
    for start in range(0, len(gaps), _GAPS_AT_ONCE):
        chunk = gaps[start : start + _GAPS_AT_ONCE]
        values = ", ".join("(?, ?)" for _ in chunk)
        try:
            row = conn.exec_driver_sql(
                f"WITH gaps(lo, hi) AS (VALUES {values}) "
                f'SELECT c.rowid, c."{column}" FROM gaps CROSS JOIN "{table}" AS c '
                f'WHERE c."{column}" BETWEEN gaps.lo AND gaps.hi LIMIT 1',
                tuple(v for gap in chunk for v in gap),
            ).first()
        except OperationalError:
            conn.rollback()  # a table or column dropped: the command's to say, and doctor's
            return None
        if row is not None:
            return int(row[0]), int(row[1])
    return None


def ensure_schema(engine: Engine, target: Target) -> None:
    revision, tables = current_revision(engine)
    if revision == SCHEMA_REVISION:
        return
    if revision is None and tables:
        if OWN_TABLES <= set(tables):  # alembic_version emptied or dropped by another program
            raise DatabaseError.of("db_no_revision", db=target.display)
        raise DatabaseError.of("not_dirtrack_db", db=target.display)
    if revision is not None and revision not in KNOWN_REVISIONS:
        if not OWN_TABLES <= set(tables):
            # Another application's Alembic bookkeeping, not a newer dirtrack.
            raise DatabaseError.of("not_dirtrack_db", db=target.display)
        raise DatabaseError.of("newer_schema", db=target.display, revision=revision)
    if revision is None and engine.dialect.name == "sqlite" and create_schema(engine):
        use_wal(engine)
        return
    if revision is None and not tables and engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            hidden = unusable_schema(conn)
        if hidden is not None:
            from dirtrack.i18n import Phrase

            raise DatabaseError.of(
                "cannot_open_db", db=target.display, reason=Phrase("w_pg_denied_on", name=hidden)
            )
    upgrade(engine)
    use_wal(engine)
    if revision is None and not tables and engine.dialect.name == "postgresql":
        _MADE_SCHEMA.add(engine)


def _search_path(setting: str, user: str) -> list[str]:
    """The schema names a PostgreSQL ``search_path`` setting gives, in its order: ``"$user"``
    is the role's name, an unquoted name in small letters (as the server folds it)."""
    names = []
    for item in setting.split(","):
        item = item.strip()
        if item in ("$user", '"$user"'):
            names.append(user)
        elif len(item) > 1 and item.startswith('"') and item.endswith('"'):
            names.append(item[1:-1].replace('""', '"'))
        elif item:
            names.append(item.lower())
    return names


def unusable_schema(conn: Connection) -> str | None:
    """On PostgreSQL, a schema of the role's ``search_path`` that exists but that the role may
    not use (no ``USAGE`` on it), when it holds a register (an ``alembic_version`` table) or
    when no schema of the search_path is usable at all; else None.

    The server leaves such a schema out of the search_path without a word, so its tables are
    not seen: a first command then made an empty register in the next schema of the
    search_path, the role's own (``"$user"``), and every command read and wrote that one, or,
    with none, was told to create a schema that is there.
    """
    setting, user, usable = conn.execute(
        text("SELECT current_setting('search_path'), current_user, current_schemas(false)")
    ).one()
    named = _search_path(str(setting), str(user))
    rows = conn.execute(
        text(
            "SELECT n.nspname, EXISTS (SELECT 1 FROM pg_catalog.pg_class c "
            "WHERE c.relnamespace = n.oid AND c.relname = 'alembic_version') "
            "FROM pg_catalog.pg_namespace n "
            "WHERE n.nspname = ANY(:named) AND NOT has_schema_privilege(n.oid, 'USAGE')"
        ),
        {"named": named},
    ).all()
    hidden = {str(name): bool(holds) for name, holds in rows}
    for name in named:
        if name in hidden and (hidden[name] or not usable):
            return name
    return None


# The engines whose blank PostgreSQL database this process gave dirtrack's schema, until the
# command that opened it ends (:func:`made_schema`): a refused first command drops it again, as
# a new SQLite file is removed (:func:`remove_unwritten`).
_MADE_SCHEMA: weakref.WeakSet[Engine] = weakref.WeakSet()


def made_schema(engine: Engine) -> bool:
    """Whether opening ``engine`` gave its blank PostgreSQL database the schema; asked once, by
    the command that opened it."""
    made = engine in _MADE_SCHEMA
    _MADE_SCHEMA.discard(engine)
    return made


def create_schema(engine: Engine) -> bool:
    """Make a blank SQLite database the current schema directly: the models' tables and the
    revision stamp, in one transaction, without Alembic (which, with its templates, takes
    longer to import than the rest of a command). False when the database is not blank once
    the write lock is held (another process's first use got there first): then it is brought
    up to date as any other.

    The result is the schema the migrations build (tests/test_migrations.py compares the two,
    table by table), except the order of some of ``directive``'s columns, which no query
    depends on: the migrations added them at the end.
    """
    from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, insert

    from dirtrack import models

    # Alembic's own bookkeeping table, as Alembic makes it (alembic.runtime.migration).
    version = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if inspect(conn).get_table_names():
            return False
        models.metadata().create_all(conn, checkfirst=False)
        version.create(conn)
        conn.execute(insert(version).values(version_num=SCHEMA_REVISION))
    return True


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the Alembic migrations up to ``revision`` in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "dirtrack:migrations")
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
        enforced = False
        if raw is not None:
            enforced = bool(raw.execute("PRAGMA foreign_keys").fetchone()[0])
            # A migration that rebuilds a table drops it, and DROP TABLE with foreign keys
            # enforced deletes the rows that refer to it (ON DELETE CASCADE). Enforcement
            # cannot change inside a transaction, so it is off from before BEGIN to after
            # COMMIT; such a migration checks the keys itself (PRAGMA foreign_key_check).
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            # As a writer: two processes opening a new file at once migrate it one at a time.
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
        finally:
            if raw is not None and enforced:
                raw.execute("PRAGMA foreign_keys=ON")


@contextmanager
def session_scope(
    engine: Engine,
    *,
    write: bool = True,
    info: dict[str, Any] | None = None,
    unchecked: bool = False,
) -> Iterator[Session]:
    """One unit of work: commit at the end of the block, roll back on any exception.

    Args:
        engine: from :func:`open_engine`.
        write: False for a unit that only reads: on SQLite it then neither takes nor waits for
            the write lock. A writing unit has every change recorded in change_log
            (:mod:`dirtrack.audit`).
        info: who and what for the change log (``actor``, ``command``), kept in ``Session.info``.
        unchecked: on SQLite, foreign keys off for this transaction (:data:`UNCHECKED_OPTION`).
    """
    from sqlmodel import Session

    if write:  # a unit that only reads records nothing: the change-log writer stays unloaded
        from dirtrack.audit import COMMAND_ID, install

        install()
    options = {WRITE_OPTION: write, **({UNCHECKED_OPTION: True} if unchecked else {})}
    session = Session(
        engine.execution_options(**options),
        expire_on_commit=False,
        autoflush=True,
        info={**(info or {}), "write": write},
    )
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    if write and session.info.get(COMMAND_ID) is not None:  # it changed something
        use_wal(engine)


@contextmanager
def read_scope(engine: Engine) -> Iterator[Connection]:
    """A unit of work that only reads, on a Core connection (no ORM session).

    Every query in it sees one snapshot, so a report's counts, overdue list and totals agree
    even while others write: a deferred transaction on SQLite (which takes no write lock), a
    read-only REPEATABLE READ transaction on PostgreSQL.
    """
    options: dict[str, Any] = {WRITE_OPTION: False}
    if engine.dialect.name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    with engine.connect() as conn:
        conn.execution_options(**options)
        with conn.begin():
            yield conn
