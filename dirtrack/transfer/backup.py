"""``backup`` and ``restore`` of a SQLite database, with SQLite's online backup API.

The backup API copies the database page by page under SQLite's own locking, so the copy is
consistent even while other commands write (a write by another connection restarts the copy).
A backup is written to a temporary file beside its target, checked (``PRAGMA quick_check`` and
the schema revision), switched to a single-file journal mode, and only then moved into place.

``restore`` checks the file first (a SQLite database, intact, written by dirtrack at a schema
revision this dirtrack knows), copies the current database to a timestamped file beside it, and
then copies the backup *into* the database through the same API, so that the database file
keeps its place, its permissions, and any process that has it open sees the restored records.
PostgreSQL has its own tools (``pg_dump`` / ``pg_restore``); these commands refuse it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dirtrack.db import (
    KNOWN_REVISIONS,
    SQLITE_MAGIC,
    Target,
    open_failure,
    sqlite_file_target,
    sqlite_reason,
)
from dirtrack.errors import (
    Conflict,
    DatabaseError,
    DirtrackError,
    InvalidInput,
    NotFound,
)
from dirtrack.i18n import Phrase, cut
from dirtrack.inputs import check_input, open_input, user_path
from dirtrack.render.outfile import (
    fsync_folder,
    names_folder,
    not_regular,
    occupied,
    part_file,
    refuse_database,
    write_failure,
)
from dirtrack.transfer.base import NoProgress, Progress

PAGES_PER_STEP = 256
TABLES = ("unit", "meeting", "directive", "limitation")


@dataclass(frozen=True)
class Copied:
    """What a backup or restore copied."""

    path: Path
    revision: str
    counts: dict[str, int]
    size: int
    kept: Path | None = None


def _sqlite_path(target: Target) -> Path:
    if not target.is_sqlite:
        raise InvalidInput.of("bk_postgresql")
    if target.path is None:
        raise InvalidInput.of("bk_memory")
    return target.path


def _connect(path: Path, *, readonly: bool = False, autocommit: bool = False) -> sqlite3.Connection:
    """A connection to ``path`` that waits for another writer as long as dirtrack's own do
    (:data:`dirtrack.db.BUSY_TIMEOUT_MS`), then gives up ("database is locked")."""
    from dirtrack import db

    wait = db.BUSY_TIMEOUT_MS
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    conn = sqlite3.connect(
        target,
        uri=readonly,
        timeout=wait / 1000,
        isolation_level=None if autocommit else "DEFERRED",
    )
    conn.execute(f"PRAGMA busy_timeout={int(wait)}")
    return conn


def _first_finding(check: tuple[object, ...] | None) -> str:
    """The first thing ``PRAGMA quick_check`` found wrong, on one short line: its first row
    holds every finding, one a line, thousands of them in a file damaged throughout (a line of
    Error: was 4,700 characters long)."""
    lines = [line for line in str(check[0] if check else "?").splitlines() if line.strip()]
    found = [line for line in lines if not line.startswith("***")] or lines or ["?"]
    return cut(" ".join(found[0].split()))


def inspect_file(path: Path) -> tuple[str, dict[str, int]]:
    """The schema revision and record counts of a dirtrack SQLite file.

    Raises:
        NoSuchFile: no such file.
        InvalidInput: not a SQLite file, damaged, not made by dirtrack, or at a schema revision
            this dirtrack does not know.
    """
    check_input(path)
    with open_input(path, give=Phrase("give_backup")) as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise InvalidInput.of("bk_not_sqlite", path=path)
    try:
        conn = _connect(path, readonly=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise InvalidInput.of("bk_damaged", path=path, detail=_first_finding(check))
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables or not set(TABLES) <= tables:
                raise InvalidInput.of("bk_not_dirtrack", path=path)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else ""
            if revision not in KNOWN_REVISIONS:
                raise InvalidInput.of(
                    "bk_unknown_revision",
                    path=path,
                    revision=revision or "none",
                    known=", ".join(KNOWN_REVISIONS),
                )
            counts = {
                f"{name}s": int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
                for name in TABLES
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "database is locked" in str(exc):
            # Another program holds it (a lock that keeps readers out too): busy, not damaged.
            # Read as unreadable, restore kept its bytes and then waited for ever to copy over
            # it; raised as SQLite's, it is said as every command says a database busy.
            raise
        # A disk too full, or a folder or file system too read-only, for SQLite's index of the
        # write-ahead log beside it: said as every command says it (it was "cannot be read as a
        # database (the device reported an input/output error)", of a sound database).
        failed = open_failure(sqlite_file_target(path), str(exc))
        if failed.key in ("disk_full_at", "db_read_only_at"):
            raise failed from None
        raise InvalidInput.of("bk_unreadable", path=path, reason=sqlite_reason(str(exc))) from None
    except UnicodeDecodeError:
        # SQLite's message quoting bytes of a damaged schema that are not UTF-8
        reason = sqlite_reason("database disk image is malformed")
        raise InvalidInput.of("bk_unreadable", path=path, reason=reason) from None
    return revision, counts


def _copy(source: sqlite3.Connection, dest: sqlite3.Connection, progress: Progress) -> None:
    started = False

    def step(status: int, remaining: int, total: int) -> None:
        nonlocal started
        if not started:
            progress.stage("copying", total)
            started = True
        progress.advance(min(PAGES_PER_STEP, total))

    source.backup(dest, pages=PAGES_PER_STEP, progress=step)


def backup(
    target: Target, dest: Path | str, *, force: bool = False, progress: Progress | None = None
) -> Copied:
    """Copy the database of ``target`` to ``dest`` (a file, or a folder to put a dated file in;
    a name ending in ``/`` is a folder, which must exist, as for ``cp``).

    Raises:
        InvalidInput: PostgreSQL, a missing folder, or ``dest`` is the database itself.
        NotFound: the database file does not exist.
        Conflict: ``dest`` exists and ``force`` is not set.
    """
    progress = progress or NoProgress()
    source_path = _sqlite_path(target)
    if not source_path.exists():
        raise NotFound.of("no_database_at", path=source_path)
    from dirtrack.db import blank_file

    if blank_file(source_path):  # said as every command that reads says it
        raise NotFound.of("db_empty_file", path=source_path)
    inspect_file(source_path)
    try:  # refused or failed too, the database is left as it was: no -wal or -shm beside it
        given = str(dest)
        dest = user_path(dest)
        if names_folder(given) and not dest.is_dir():
            raise InvalidInput.of("bk_no_folder", path=given, folder=given)
        if dest.is_dir():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            dest = dest / f"{source_path.stem}-{stamp}.db"
        refuse_database(dest, source_path)
        if not_regular(dest):
            raise InvalidInput.of("bk_not_regular", path=dest)
        if not dest.parent.is_dir():
            raise InvalidInput.of("bk_no_folder", path=dest, folder=dest.parent)
        if occupied(dest) and not force:
            raise Conflict.of("bk_exists", path=dest)
        _backup_to(source_path, dest, progress)
    finally:
        _tidy(source_path)
    revision, counts = inspect_file(dest)
    return Copied(dest, revision, counts, dest.stat().st_size)


def _tidy(database: Path) -> None:
    """Remove the empty write-ahead log and its index that reading a database in WAL mode
    read-only leaves beside it (a read-only connection may not delete them): a connection that
    may write, opened and closed, removes them when it is the last one, and leaves them to the
    others otherwise. Nothing is written to the database itself. A path without a file name
    (``.``, ``/``: a folder, refused already) has no log beside it."""
    if not database.name:
        return
    wal = database.with_name(database.name + "-wal")
    try:
        if not wal.exists() or wal.stat().st_size:
            return
        conn = sqlite3.connect(database, timeout=1)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        pass  # a folder or file this user may not write: the files stay, as before


def _copy_into(source_path: Path, temp: Path, progress: Progress) -> None:
    """Copy the database ``source_path`` into the new file ``temp``, checked, self-contained."""
    source = _connect(source_path, readonly=True)
    copy = sqlite3.connect(temp)
    try:
        _copy(source, copy, progress)
        # A self-contained file: no -wal beside it, whatever mode the source is in.
        copy.execute("PRAGMA journal_mode=DELETE")
        check = copy.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise DatabaseError.of("bk_copy_check", detail=check[0] if check else "?")
    finally:
        copy.close()
        source.close()


def _backup_to(source_path: Path, dest: Path, progress: Progress) -> None:
    """Copy the database to ``dest`` through a part file beside it (see render.outfile)."""
    try:
        with part_file(dest) as (temp, fd):
            _copy_into(source_path, temp, progress)
            os.fsync(fd)
            os.replace(temp, dest)
            fsync_folder(dest.parent)
    except sqlite3.Error as exc:
        raise DatabaseError.of("bk_failed", reason=sqlite_reason(str(exc))) from None
    except OSError as exc:
        raise write_failure(exc, dest) from None


def _kept_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.{stamp}.bak")
    n = 2
    while kept.exists():
        kept = path.with_name(f"{path.name}.{stamp}-{n}.bak")
        n += 1
    return kept


def restore(
    target: Target,
    source: Path,
    progress: Progress | None = None,
    confirm: Callable[[Path, dict[str, int], dict[str, int] | None], None] | None = None,
) -> Copied:
    """Put the backup ``source`` in place of the database of ``target``; keep the old one.

    The backup is first copied to a part file beside the database, brought to the current schema
    and checked as ``doctor`` checks a database (schema, integrity, references); only a healthy
    candidate replaces anything. Its page size is made the database's own, so a backup written
    with any page size restores into a database in WAL mode.

    ``confirm`` is called with the database's path, the backup's counts and the database's
    (None when there is none yet) before anything is written; it raises to stop.

    Raises:
        InvalidInput: PostgreSQL, or ``source`` is not an intact dirtrack database at a known
            schema revision, fails a check, or is the database itself.
        NotFound: ``source`` does not exist.
    """
    progress = progress or NoProgress()
    db_path = _sqlite_path(target)
    source = user_path(source)
    refuse_database(source, db_path)
    try:  # refused or failed too, the files are left as they were: no -wal or -shm beside them
        return _restore(db_path, source, progress, confirm)
    finally:
        _tidy(db_path)
        _tidy(source)


def _restore(
    db_path: Path,
    source: Path,
    progress: Progress,
    confirm: Callable[[Path, dict[str, int], dict[str, int] | None], None] | None,
) -> Copied:
    revision, counts = inspect_file(source)
    kept: Path | None = None
    try:
        with part_file(db_path) as (candidate, _fd):
            _copy_into(source, candidate, NoProgress())
            _check_candidate(candidate, source)
            _match_page_size(candidate, db_path)
            if confirm is not None:  # asked once the backup passed every check, before a write
                _ask(confirm, db_path, counts)
            if db_path.exists():
                kept = _kept_name(db_path)
                try:
                    inspect_file(db_path)
                except InvalidInput:
                    # Not a readable dirtrack database: keep its bytes as they are.
                    shutil.copy2(db_path, kept)
                else:
                    _swap_in(candidate, db_path, kept)
                    return Copied(db_path, revision, counts, db_path.stat().st_size, kept)
            else:
                fd = os.open(db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                os.close(fd)
            src = _connect(candidate, readonly=True)
            dst = _connect(db_path)
            try:
                _copy(src, dst, progress)
            finally:
                dst.close()
                src.close()
    except sqlite3.Error as exc:
        reason = sqlite_reason(str(exc))
        # Named only when it was written: a swap that could not start (another program
        # writing) left the database as it was and no copy, where the message named one.
        if kept is not None and kept.exists():
            raise DatabaseError.of("restore_failed_kept", reason=reason, kept=kept) from None
        raise DatabaseError.of("restore_failed", reason=reason) from None
    except OSError as exc:
        raise write_failure(exc, db_path) from None
    return Copied(db_path, revision, counts, db_path.stat().st_size, kept)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _swap_in(candidate: Path, db_path: Path, kept: Path) -> None:
    """Keep a copy of the database as ``kept`` and put the content of ``candidate`` in its
    place under one write lock: a writer in another process lands before (in the copy kept)
    or after (in the register restored), never between the two, where it was told it had
    written and was in neither. The copy is read, as any reader reads, while the lock holds
    every writer off."""
    dst = _connect(db_path, autocommit=True)
    try:
        dst.execute("ATTACH DATABASE ? AS candidate", (str(candidate),))
        dst.execute("BEGIN IMMEDIATE")
        try:
            try:
                _backup_to(db_path, kept, NoProgress())
            except DatabaseError as exc:
                if exc.key != "bk_failed":
                    raise
                # the copy kept beside the database (.bak): the restore failed, not a backup
                raise DatabaseError.of("restore_failed", **exc.params) from None
            _replace_content(dst)
            dst.execute("COMMIT")
        except BaseException:
            dst.execute("ROLLBACK")
            # the database is as it was (a read-only file refuses the first change): its copy
            # is not needed, and would only be a file the failure left behind
            kept.unlink(missing_ok=True)
            raise
        dst.execute("DETACH DATABASE candidate")
    finally:
        dst.close()


def _replace_content(conn: sqlite3.Connection) -> None:
    """Replace the schema and rows of ``main`` with those of the attached ``candidate``: its
    tables filled before its indexes, views and triggers are made (no trigger fires on the
    copy), its AUTOINCREMENT counters and user_version as they are."""
    listed = "SELECT type, name, sql FROM {}.sqlite_master WHERE sql IS NOT NULL " + (
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    )
    ours = conn.execute(listed.format("main")).fetchall()
    for kind in ("trigger", "view", "index", "table"):
        for type_, name, _sql in ours:
            if type_ == kind:
                conn.execute(f"DROP {kind.upper()} IF EXISTS main.{_quoted(name)}")
    theirs = conn.execute(listed.format("candidate")).fetchall()
    for type_, name, sql in theirs:
        if type_ == "table":
            conn.execute(sql)
            conn.execute(
                f"INSERT INTO main.{_quoted(name)} SELECT * FROM candidate.{_quoted(name)}"
            )
    sequence = "SELECT 1 FROM {}.sqlite_master WHERE name = 'sqlite_sequence'"
    if conn.execute(sequence.format("main")).fetchone():
        conn.execute("DELETE FROM main.sqlite_sequence")
        if conn.execute(sequence.format("candidate")).fetchone():
            conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM candidate.sqlite_sequence")
    for kind in ("index", "view", "trigger"):
        for type_, _name, sql in theirs:
            if type_ == kind:
                conn.execute(sql)
    version = int(conn.execute("PRAGMA candidate.user_version").fetchone()[0])
    conn.execute(f"PRAGMA main.user_version = {version}")


def _ask(
    confirm: Callable[[Path, dict[str, int], dict[str, int] | None], None],
    db_path: Path,
    counts: dict[str, int],
) -> None:
    current: dict[str, int] | None = None
    if db_path.exists():
        try:
            current = inspect_file(db_path)[1]
        except DirtrackError:
            current = {}
    confirm(db_path, counts, current)


def _check_candidate(candidate: Path, source: Path) -> None:
    """Bring the copy of a backup to the current schema and check it as ``doctor`` does.

    Raises:
        InvalidInput: the migration fails, or a check finds a problem.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from dirtrack.db import SCHEMA_REVISION, ensure_schema, make_engine
    from dirtrack.i18n import FirstFew
    from dirtrack.store.health import PROBLEM, Detail, refused_texts, run_checks

    found = sqlite_file_target(candidate)
    engine = make_engine(found)
    try:
        ensure_schema(engine, found)
        with engine.connect() as conn:
            checks = run_checks(conn, expected_revision=SCHEMA_REVISION, path=None)
    except SQLAlchemyError as exc:
        said = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        reason = sqlite_reason(said)
        raise InvalidInput.of("restore_not_healthy", path=source, problems=reason) from None
    except DirtrackError as exc:
        raise InvalidInput.of("restore_not_healthy", path=source, problems=exc) from None
    finally:
        engine.dispose()
    # What doctor found, in the user's language: the check's name and its catalog phrases.
    problems = [
        Detail(Phrase(f"hc_name_{c.name}"), c.detail, joined=": ")
        for c in checks
        if c.status == PROBLEM
    ]
    # A text holding what every writer refuses (NUL, ESC…: a warning in a register, which edit
    # corrects) is refused as the backup's JSON import would refuse it.
    refused = refused_texts([c for c in checks if c.status != PROBLEM])
    if refused:
        problems.append(Detail(Phrase("hc_name_records"), FirstFew.findings(refused), joined=": "))
    if problems:
        raise InvalidInput.of("restore_not_healthy", path=source, problems=Detail(*problems))


def _page_size(path: Path) -> int:
    conn = _connect(path, readonly=True)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def _match_page_size(candidate: Path, db_path: Path) -> None:
    """Rewrite ``candidate`` with the page size of ``db_path``: SQLite's backup cannot change
    the page size of a database in WAL mode."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    try:
        wanted = _page_size(db_path)
    except sqlite3.Error:
        return  # not a readable database: it is replaced whole, page size and all
    if _page_size(candidate) == wanted:
        return
    conn = sqlite3.connect(candidate)
    try:
        conn.execute(f"PRAGMA page_size={wanted}")
        conn.execute("VACUUM")
    finally:
        conn.close()
