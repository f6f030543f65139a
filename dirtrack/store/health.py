"""``doctor``'s checks: is the database whole, consistent and what this dirtrack expects?

On SQLite: ``PRAGMA integrity_check`` (every page, index and constraint) and
``PRAGMA foreign_key_check``. On PostgreSQL, which keeps its own pages consistent and enforces
foreign keys itself, the equivalents: every table read in full, and a query for rows whose parent
is missing. On both: the schema revision and the tables and columns it should have.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, and_, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from dirtrack import models

OK, PROBLEM, WARNING = "ok", "problem", "warning"
_SHOWN = 10


@dataclass(frozen=True)
class Check:
    """One check's outcome; ``status`` is ok, problem or warning."""

    name: str
    status: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"check": self.name, "status": self.status, "detail": self.detail}


def _failure(name: str, exc: SQLAlchemyError) -> Check:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return Check(name, PROBLEM, reason)


def _listed(items: list[str]) -> str:
    shown = "; ".join(items[:_SHOWN])
    return shown + (f"; … ({len(items) - _SHOWN} more)" if len(items) > _SHOWN else "")


def check_schema(conn: Connection, expected_revision: str) -> Check:
    try:
        tables = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        missing: list[str] = []
        for table in models.metadata().sorted_tables:
            if table.name not in tables:
                missing.append(f"table {table.name}")
                continue
            present = {c["name"] for c in inspect(conn).get_columns(table.name)}
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in present]
    except SQLAlchemyError as exc:
        return _failure("schema", exc)
    if revision != expected_revision:
        return Check("schema", PROBLEM, f"revision {revision}, expected {expected_revision}")
    if missing:
        return Check("schema", PROBLEM, "missing " + _listed(missing))
    return Check("schema", OK, f"revision {revision}, {len(models.metadata().tables)} tables")


def check_integrity(conn: Connection) -> Check:
    try:
        if conn.dialect.name == "sqlite":
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if rows == ["ok"]:
                return Check("integrity", OK, "PRAGMA integrity_check: ok")
            return Check("integrity", PROBLEM, _listed(rows))
        counted = 0
        for table in models.metadata().sorted_tables:
            counted += int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
        return Check("integrity", OK, f"every table read in full ({counted} rows)")
    except SQLAlchemyError as exc:
        return _failure("integrity", exc)


def check_foreign_keys(conn: Connection) -> Check:
    try:
        problems: list[str] = []
        if conn.dialect.name == "sqlite":
            for table, rowid, parent, _fkid in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent}")
        else:
            for table in models.metadata().sorted_tables:
                for fk in table.foreign_keys:
                    parent = fk.column.table.alias("parent")
                    orphans = (
                        select(func.count())
                        .select_from(table.outerjoin(parent, parent.c[fk.column.name] == fk.parent))
                        .where(and_(fk.parent.is_not(None), parent.c[fk.column.name].is_(None)))
                    )
                    count = int(conn.execute(orphans).scalar() or 0)
                    if count:
                        problems.append(
                            f"{count} {table.name} row(s) point to a missing {fk.column.table.name}"
                        )
    except SQLAlchemyError as exc:
        return _failure("foreign_keys", exc)
    if problems:
        return Check("foreign_keys", PROBLEM, _listed(problems))
    return Check("foreign_keys", OK, "every reference points to an existing row")


def check_journal(conn: Connection) -> Check:
    try:
        mode = str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()
    except SQLAlchemyError as exc:
        return _failure("journal", exc)
    if mode == "wal":
        return Check("journal", OK, "WAL: readers and writers do not block each other")
    return Check("journal", WARNING, f"journal mode {mode}: concurrent use is slower")


def check_permissions(path: Path) -> Check:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Check(
            "permissions",
            WARNING,
            f"{path} is mode {mode:o}: others can read it (chmod 600 {path})",
        )
    return Check("permissions", OK, f"mode {mode:o}: only its owner can read and write it")


def run_checks(conn: Connection, *, expected_revision: str, path: Path | None) -> list[Check]:
    """Every check, in order; each catches its own database errors."""
    checks = [
        check_schema(conn, expected_revision),
        check_integrity(conn),
        check_foreign_keys(conn),
    ]
    if conn.dialect.name == "sqlite":
        checks.append(check_journal(conn))
    if path is not None:
        checks.append(check_permissions(path))
    return checks
