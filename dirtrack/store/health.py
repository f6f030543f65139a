"""``doctor``'s checks: is the database whole, consistent and what this dirtrack expects?

On SQLite: ``PRAGMA integrity_check`` (every page, index and constraint) and
``PRAGMA foreign_key_check``. On PostgreSQL, which keeps its own pages consistent and enforces
foreign keys itself, the equivalents: every table read in full, and a query for rows whose parent
is missing. On both: the schema revision and the tables and columns it should have.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Integer,
    Select,
    String,
    Table,
    and_,
    case,
    func,
    inspect,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from dirtrack import models
from dirtrack.errors import DatabaseError
from dirtrack.i18n import Entity, Field, FirstFew, Phrase
from dirtrack.kinds import Category, MeetingKind
from dirtrack.store.tables import counters_out_of_range, ids_out_of_range

OK, PROBLEM, WARNING = "ok", "problem", "warning"

# What the records check finds in a text that every writer refuses today (clean_text, the JSON
# import): a control character (NUL, ESC…), U+FFFE or U+FFFF. A warning in a register, which
# ``edit`` corrects; a backup holding one is refused by ``restore`` as its import would be.
REFUSED_TEXT = frozenset({"hc_control_text", "hc_xml_text"})


@dataclass(frozen=True)
class Check:
    """One check's outcome; ``status`` is ok, problem or warning; ``detail`` in words of the
    catalog (a :class:`Detail`), or a database's own message (English, as it gives it)."""

    name: str
    status: str
    detail: Detail | str
    # every finding, where ``detail`` names the first few (:class:`~dirtrack.i18n.FirstFew`)
    found: tuple[Phrase | str, ...] = field(default=(), compare=False)

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        """The outcome as a row; ``detail`` in ``lang`` in every format (``check`` and
        ``status`` are codes)."""
        detail = self.detail if isinstance(self.detail, str) else self.detail.render(lang)
        return {"check": self.name, "status": self.status, "detail": detail}


class Detail:
    """Phrases of the catalog (or a database's own words) said one after another."""

    def __init__(self, *parts: Phrase | Detail | FirstFew | str, joined: str = "; ") -> None:
        self.parts, self.joined = parts, joined

    def render(self, lang: str) -> str:
        return self.joined.join(p if isinstance(p, str) else p.render(lang) for p in self.parts)

    def __str__(self) -> str:
        return self.render("en")


def _failure(name: str, exc: SQLAlchemyError) -> Check:
    """The check could not run: the database's reason, in the catalog's words when it is one
    of those it has (``database disk image is malformed``: the file is damaged)."""
    from dirtrack.db import sqlite_reason

    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return Check(name, PROBLEM, Detail(sqlite_reason(reason)))


def check_schema(conn: Connection, expected_revision: str) -> Check:
    try:
        tables = set(inspect(conn).get_table_names())
        revision = None
        revisions: list[str] = []
        if "alembic_version" in tables:
            query = text("SELECT version_num FROM alembic_version")
            revisions = [str(r) for r in conn.execute(query).scalars()]
            revision = revisions[0] if revisions and revisions[0].strip() else None
        missing: list[Phrase | str] = []
        # another program's tables and columns in a SQLite file: restore would carry them over
        # without a word, and a column that takes no NULL fails dirtrack's own inserts. A
        # PostgreSQL database may hold other programs' tables beside dirtrack's.
        sqlite = conn.dialect.name == "sqlite"
        ours = models.metadata().tables
        extra: list[Phrase | str] = [
            Phrase("hc_table", table=name)
            for name in sorted(tables)
            if sqlite and name not in ours and name != "alembic_version"
        ]
        for table in models.metadata().sorted_tables:
            if table.name not in tables:
                missing.append(Phrase("hc_table", table=table.name))
                continue
            present = [c["name"] for c in inspect(conn).get_columns(table.name)]
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in present]
            missing += _missing_indexes(conn, table)
            if sqlite:
                extra += [
                    Phrase("w_column", column=f"{table.name}.{name}")
                    for name in present
                    if name not in table.columns
                ]
        foreign, gone = _triggers_and_views(conn)
        if not missing:  # a table dropped took its triggers with it: named once, as the table
            missing = [Phrase("hc_foreign_trigger", name=name) for name in gone]
    except SQLAlchemyError as exc:
        return _failure("schema", exc)
    if len(revisions) > 1:  # a row added by another program: which schema is it?
        revisions_said = ", ".join(revisions)
        said = Phrase(
            "hc_revisions", n=len(revisions), revisions=revisions_said, expected=expected_revision
        )
        return Check("schema", PROBLEM, Detail(said))
    if revision is None:  # no alembic_version: another program's database, or not made yet
        said = Phrase("hc_no_revision", expected=expected_revision)
        return Check("schema", PROBLEM, Detail(said))
    if revision != expected_revision:
        said = Phrase("hc_revision", revision=revision, expected=expected_revision)
        return Check("schema", PROBLEM, Detail(said))
    if missing:
        return Check(
            "schema", PROBLEM, Detail(Phrase("hc_missing", items=FirstFew.findings(missing)))
        )
    if foreign or extra:
        found = [("hc_foreign_code", foreign), ("hc_foreign_data", extra)]
        parts = [Phrase(key, items=FirstFew.findings(items)) for key, items in found if items]
        return Check("schema", PROBLEM, Detail(*parts))
    n = len(models.metadata().tables)
    return Check("schema", OK, Detail(Phrase("hc_schema_ok", revision=revision, n=n)))


def _missing_indexes(conn: Connection, table: Table) -> list[Phrase | str]:
    """The indexes dirtrack makes on ``table`` in this database that it lacks (dropped by
    another program or a hand, in a backup too): the partial ones the look on opening reads
    (:func:`dirtrack.db.refuse_fractional_links`) among them. Their rows are still read, more
    slowly, without the index; each is named so that it is not lost unsaid."""
    dialect = conn.dialect.name
    there = {index["name"] for index in inspect(conn).get_indexes(table.name)}
    wanted = []
    for index in table.indexes:
        only = getattr(index, "_ddl_if", None)  # Index(...).ddl_if(dialect="sqlite")
        if only is not None and only.dialect is not None and only.dialect != dialect:
            continue
        if index.name is not None and index.name not in there:
            wanted.append(str(index.name))
    return [Phrase("hc_index", name=name) for name in sorted(wanted)]


def _triggers_and_views(conn: Connection) -> tuple[list[Phrase | str], list[str]]:
    """The triggers and views of a SQLite file that dirtrack does not make, and the names of
    dirtrack's own triggers it lacks.

    The first: another program's (or a hand's). A trigger runs on dirtrack's own writes (one
    that deleted every directive at the next command's history row came in with a backup
    ``restore`` took, and stayed); one under the name of dirtrack's own with another body runs
    as well (compared word by word: the white space SQLite keeps as it was written aside).
    The second: a trigger of dirtrack's dropped (by DB Browser for SQLite, by hand), without
    which a unit or a meeting rows point to can be deleted under them (:func:`models.triggers`).
    """
    if conn.dialect.name != "sqlite":
        return [], []
    ours = models.triggers()
    query = (
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name"
    )
    found: list[Phrase | str] = []
    there: set[str] = set()
    for kind, name, sql in conn.exec_driver_sql(query):
        if kind != "trigger" or name not in ours:
            found.append(Phrase(f"hc_foreign_{kind}", name=name))
        elif models.trigger_digest(sql) != models.trigger_digest(ours[name]):
            found.append(Phrase("hc_changed_trigger", name=name))
        there.add(name)
    return found, [name for name in ours if name not in there]


def check_integrity(conn: Connection) -> Check:
    try:
        if conn.dialect.name == "sqlite":
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if rows == ["ok"]:
                return Check("integrity", OK, Detail(Phrase("hc_integrity_ok")))
            found = Phrase("hc_integrity_found", n=len(rows), items=FirstFew.findings(rows))
            return Check("integrity", PROBLEM, Detail(found))
        counted = 0
        present = _present(conn)
        for table in models.metadata().sorted_tables:
            if table.name in present:  # a missing one is the schema check's to say
                counted += int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
        return Check("integrity", OK, Detail(Phrase("hc_read_in_full", n=counted)))
    except SQLAlchemyError as exc:
        return _failure("integrity", exc)


def check_foreign_keys(conn: Connection) -> Check:
    try:
        problems: list[Phrase | str] = []
        if conn.dialect.name == "sqlite":
            for table, rowid, parent, _fkid in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(
                    Phrase("hc_orphan_row", table=Entity(table), rowid=rowid, parent=Entity(parent))
                )
        else:
            present = _present(conn)
            for table in models.metadata().sorted_tables:
                for fk in table.foreign_keys:
                    here, there = fk.parent, fk.column
                    if here.name not in present.get(table.name, ()) or there.name not in (
                        present.get(there.table.name, ())
                    ):
                        continue  # a missing table or column is the schema check's to say
                    parent = fk.column.table.alias("parent")
                    orphans = (
                        select(func.count())
                        .select_from(table.outerjoin(parent, parent.c[fk.column.name] == fk.parent))
                        .where(and_(fk.parent.is_not(None), parent.c[fk.column.name].is_(None)))
                    )
                    count = int(conn.execute(orphans).scalar() or 0)
                    if count:
                        problems.append(
                            Phrase(
                                "hc_orphans",
                                n=count,
                                table=Entity(table.name),
                                parent=Entity(fk.column.table.name),
                            )
                        )
    except SQLAlchemyError as exc:
        return _failure("foreign_keys", exc)
    if problems:
        return Check("foreign_keys", PROBLEM, Detail(FirstFew.findings(problems)))
    return Check("foreign_keys", OK, Detail(Phrase("hc_references_ok")))


# What is recorded on a directive, by its day, named as the error that refuses it names it
# (``day_<what>``): nothing on an occurrence of a series may be dated before the day it was
# issued (:func:`dirtrack.store.directives.not_before_given`). (table, column naming the
# directive, day column, what)
_ACT_DAYS: tuple[tuple[str, str, str, str], ...] = (
    ("directive", "id", "completed_on", "completion"),
    ("directive", "id", "cancelled_on", "cancellation"),
    ("progress_entry", "directive_id", "reported_on", "progress"),
    ("extension", "directive_id", "approved_on", "approval"),
    ("extension", "directive_id", "new_due", "new_deadline"),
    ("request", "directive_id", "asked_on", "request"),
    ("request", "directive_id", "to_due", "new_deadline"),
    ("directive_result", "directive_id", "claimed_on", "completion"),
    ("directive_result", "directive_id", "doc_date", "result_doc"),
    ("returned_completion", "directive_id", "claimed_on", "completion"),
    ("returned_completion", "directive_id", "doc_date", "result_doc"),
    ("returned_completion", "directive_id", "returned_on", "return"),
)


def _before_issued(conn: Connection) -> list[Phrase | str]:
    """What is dated on an occurrence before the day it was issued, by directive and day."""
    tables = models.metadata().tables
    directive = tables["directive"]
    present = _present(conn)
    if not {"id", "issued_on"} <= present.get(directive.name, set()):
        return []  # the schema check's to say
    rows: list[tuple[int, object, str, object]] = []
    for name, owner, column, what in _ACT_DAYS:
        if not {owner, column} <= present.get(name, set()):
            continue
        table = tables[name]
        day = table.c[column]
        query = select(directive.c.id, day, directive.c.issued_on).where(
            directive.c.issued_on.is_not(None), day < directive.c.issued_on
        )
        if table is not directive:
            query = query.join_from(directive, table, table.c[owner] == directive.c.id)
        rows += [(ident, found, what, issued) for ident, found, issued in conn.execute(query)]
    rows.sort(key=lambda row: (row[0], str(row[1]), row[2]))
    return [
        Phrase("day_before_issued", what=Phrase(f"day_{what}"), day=day, id=ident, issued=issued)
        for ident, day, what, issued in rows
    ]


def check_series(conn: Connection) -> Check:
    """Series that end before they start: refused at entry now, recorded by older versions;
    and what is dated on an occurrence before the day it was issued, as an older version or
    another program recorded it (:data:`_ACT_DAYS`). A warning: every record is readable, and
    read as before, but such a series has no occurrence to come."""
    series = models.metadata().tables["series"]
    try:
        found: list[Phrase | str] = []
        if {"id", "starts_on", "ends_on"} <= _present(conn).get(series.name, set()):
            # else a missing table or column is the schema check's to say
            found += [
                Phrase("hc_series_reversed", id=ident, start=start, end=end)
                for ident, start, end in conn.execute(
                    select(series.c.id, series.c.starts_on, series.c.ends_on)
                    .where(series.c.ends_on < series.c.starts_on)
                    .order_by(series.c.id)
                )
            ]
        found += _before_issued(conn)
    except SQLAlchemyError as exc:
        return _failure("series", exc)
    if found:
        return Check("series", WARNING, Detail(FirstFew.findings(found)))
    return Check("series", OK, Detail(Phrase("hc_series_ok")))


def check_closures(conn: Connection) -> Check:
    """The closures reopenings ended (``closure``) that would have a directive counted twice,
    as another program (or a hand in DB Browser) may write them: one reopened before the day
    it closed, two of one directive in force on the same days, or one reopened after
    the day the directive's own columns say it is closed again. The status rules read each on
    its days (:mod:`dirtrack.store.rules`): on such days two closures are in force. A problem,
    said only: which day is right is the office's to say (``reopen``, ``done --date``)."""
    tables = models.metadata().tables
    closure, directive = tables["closure"], tables["directive"]
    needed = {"id", "directive_id", "closed_on", "reopened_on"}
    try:
        if not needed <= _present(conn).get(closure.name, set()):
            # a missing table or column is the schema check's to say
            return Check("closures", OK, Detail(Phrase("hc_closures_ok")))
        c = closure.c
        found: list[Phrase | str] = [
            Phrase("hc_closure_reversed", id=d, closure=i, closed=closed, reopened=reopened)
            for i, d, closed, reopened in conn.execute(
                select(c.id, c.directive_id, c.closed_on, c.reopened_on)
                .where(c.reopened_on < c.closed_on)
                .order_by(c.directive_id, c.id)
            )
        ]
        later = closure.alias("later")
        overlap = (
            select(
                c.directive_id,
                c.id,
                later.c.id,
                later.c.closed_on,
                c.reopened_on,
                later.c.reopened_on,
            )
            .join(later, and_(later.c.directive_id == c.directive_id, later.c.id != c.id))
            .where(
                c.closed_on <= later.c.closed_on,
                later.c.closed_on < c.reopened_on,
                later.c.closed_on < later.c.reopened_on,  # a reversed one is said as such
                or_(c.closed_on < later.c.closed_on, c.id < later.c.id),
            )
            .order_by(c.directive_id, c.id, later.c.id)
        )
        found += [
            Phrase("hc_closures_overlap", id=d, first=i, second=j, start=start, end=min(a, b))
            for d, i, j, start, a, b in conn.execute(overlap)
        ]
        own = func.coalesce(
            directive.c.completed_on, directive.c.cancelled_on, directive.c.withdrawn_on
        )
        after = (
            select(c.directive_id, c.id, c.reopened_on, own)
            .join(directive, directive.c.id == c.directive_id)
            .where(own < c.reopened_on)
            .order_by(c.directive_id, c.id)
        )
        found += [
            Phrase("hc_closure_after_own", id=d, closure=i, reopened=reopened, own=day)
            for d, i, reopened, day in conn.execute(after)
        ]
    except SQLAlchemyError as exc:
        return _failure("closures", exc)
    if found:
        return Check("closures", PROBLEM, Detail(FirstFew.findings(found)))
    return Check("closures", OK, Detail(Phrase("hc_closures_ok")))


def check_returns(conn: Connection) -> Check:
    """The completions returned and reported again since (``returned_completion``) whose days
    are out of the order ``done`` and ``return`` keep, as another program may write them:
    returned before it was reported, its document dated after the report, or returned after
    the directive's current completion was reported. No count reads them (a returned
    completion never counted): a warning, said only, for the office to correct."""
    tables = models.metadata().tables
    kept, result = tables["returned_completion"], tables["directive_result"]
    needed = {"id", "directive_id", "claimed_on", "doc_date", "returned_on"}
    try:
        if not needed <= _present(conn).get(kept.name, set()):
            # a missing table or column is the schema check's to say
            return Check("returns", OK, Detail(Phrase("hc_returns_ok")))
        c = kept.c
        found: list[Phrase | str] = []
        for i, d, claimed, doc_date, returned, current in conn.execute(
            select(
                c.id, c.directive_id, c.claimed_on, c.doc_date, c.returned_on, result.c.claimed_on
            )
            .outerjoin(result, result.c.directive_id == c.directive_id)
            .where(
                or_(
                    c.returned_on < c.claimed_on,
                    c.doc_date > c.claimed_on,
                    result.c.claimed_on < c.returned_on,
                )
            )
            .order_by(c.directive_id, c.id)
        ):
            if returned < claimed:
                found.append(
                    Phrase(
                        "hc_return_before_claim", id=d, kept=i, returned=returned, claimed=claimed
                    )
                )
            elif doc_date is not None and doc_date > claimed:
                found.append(
                    Phrase("hc_return_doc_after", id=d, kept=i, doc_date=doc_date, claimed=claimed)
                )
            else:
                found.append(
                    Phrase("hc_return_after_next", id=d, kept=i, returned=returned, next=current)
                )
    except SQLAlchemyError as exc:
        return _failure("returns", exc)
    if found:
        return Check("returns", WARNING, Detail(FirstFew.findings(found)))
    return Check("returns", OK, Detail(Phrase("hc_returns_ok")))


def check_extensions(conn: Connection) -> Check:
    """Extensions that move a deadline earlier: one whose new deadline is not after the one in
    force on its approval day (the original, or the extension approved latest before it), as
    an older version, another program or a file imported wrote it. ``extend`` refuses it now;
    the status rules read it as written (a completion on the original deadline late from
    then on). A warning, said only: which deadline is right is the office's to say."""
    tables = models.metadata().tables
    extension, directive = tables["extension"], tables["directive"]
    try:
        e = extension.c
        rows = conn.execute(
            select(e.directive_id, e.id, e.approved_on, e.new_due, directive.c.original_due)
            .join(directive, directive.c.id == e.directive_id)
            .order_by(e.directive_id, e.approved_on, e.id)
        )
        found: list[Phrase | str] = []
        current, in_force = None, None
        for directive_id, ext, approved, due, original in rows:
            if directive_id != current:
                current, in_force = directive_id, original
            if in_force is not None and due is not None and due <= in_force:
                found.append(
                    Phrase(
                        "hc_extension_not_later",
                        id=directive_id,
                        ext=ext,
                        approved=approved,
                        due=due,
                        in_force=in_force,
                    )  # fmt: skip
                )
            in_force = due
    except SQLAlchemyError as exc:
        return _failure("extensions", exc)
    if found:
        return Check("extensions", WARNING, Detail(FirstFew.findings(found)))
    return Check("extensions", OK, Detail(Phrase("hc_extensions_ok")))


def check_retirements(conn: Connection) -> Check:
    """Directives completed, cancelled or withdrawn on or before the day the unit that held
    them retired, still held by its successor (:func:`dirtrack.store.units.held_after_closing`):
    an older dirtrack recorded the closure after the retirement and moved them as if open. A
    warning: nothing is lost, but the report and ``score`` count them for the successor;
    ``--repair`` gives them back (:func:`dirtrack.store.units.settle_closed`)."""
    from dirtrack.store.units import held_after_closing

    try:
        if "change_log" not in _present(conn):  # the moves are recorded there
            return Check("retirements", OK, Detail(Phrase("hc_retirements_ok")))
        found: list[Phrase | str] = [
            Phrase(
                f"hc_{'held' if held.lead else 'coordinated'}_after_{held.kind}",
                id=held.directive,
                on=held.closed_on,
                unit=held.unit,
                retired=held.retired_on,
                heir=held.heir,
            )
            for held in held_after_closing(conn)
        ]
    except SQLAlchemyError as exc:
        return _failure("retirements", exc)
    if found:
        return Check("retirements", WARNING, Detail(FirstFew.findings(found)))
    return Check("retirements", OK, Detail(Phrase("hc_retirements_ok")))


def check_placeholders(conn: Connection) -> Check:
    """The records ``doctor --repair`` re-created that still hold what it gave them (a unit's
    code MISSING-4, a meeting's title): a warning, so that the clerk gives each its own name
    (``unit rename``, ``edit meeting``)."""
    from dirtrack.store.repair import placeholders

    try:
        if "change_log" not in _present(conn):
            return Check("placeholders", OK, Detail(Phrase("hc_placeholders_ok")))
        found: list[Phrase | str] = [
            Phrase(f"hc_placeholder_{table}", id=ident, code=code)
            for table, ident, code in placeholders(conn)
        ]
    except SQLAlchemyError as exc:
        return _failure("placeholders", exc)
    except DatabaseError as exc:  # a repair's history edited by hand: named as check history does
        if exc.key != "db_history_not_json":
            raise
        return Check("placeholders", PROBLEM, Detail(Phrase("hc_history_not_json", **exc.params)))
    if found:
        return Check("placeholders", WARNING, Detail(FirstFew.findings(found)))
    return Check("placeholders", OK, Detail(Phrase("hc_placeholders_ok")))


def check_addresses(conn: Connection) -> Check:
    """Contacts' e-mail addresses stored before today's rule of an address, which it refuses
    (:func:`dirtrack.store.contacts.refused_addresses`): a homograph domain (``btс.vn`` with a
    Cyrillic ``с``) that mail would take to another server, a character that shows nothing.
    A warning: every command but ``pack out --mail`` reads them, and that one refuses to mail
    them; ``--repair`` leaves them, which address is right being the office's to say."""
    from dirtrack.store.contacts import refused_addresses

    try:
        if "unit_contact" not in _present(conn):
            return Check("addresses", OK, Detail(Phrase("hc_addresses_ok")))
        found: list[Phrase | str] = [refused.phrase() for refused in refused_addresses(conn)]
    except SQLAlchemyError as exc:
        return _failure("addresses", exc)
    if found:
        return Check("addresses", WARNING, Detail(FirstFew.findings(found)))
    return Check("addresses", OK, Detail(Phrase("hc_addresses_ok")))


def _text(column: Column[object]) -> bool:
    """A text column (SQLModel's AutoString decorates String)."""
    kind = column.type
    return isinstance(getattr(kind, "impl", kind), String)


def _free_text(column: Column[object]) -> bool:
    """A text column of no set length (a set one is the schema's to keep)."""
    return _text(column) and getattr(column.type, "length", None) is None


def _codes() -> dict[tuple[str, str], tuple[tuple[str, ...], str | None]]:
    """The columns that hold one of a fixed set of codes, the set dirtrack checks on input (a
    command's option, the JSON import), each with the command that sets one again (None: no
    command does; the program that wrote it corrects it). Another program (or a hand in DB
    Browser) may write any text there. A code of :data:`_UNREADABLE_CODES` makes the commands
    that read its row fail."""
    from dirtrack.kinds import VERDICT_NAMES
    from dirtrack.store.contacts import ROLES
    from dirtrack.store.office import KINDS, ON_TIME_BY
    from dirtrack.store.packs import LEAD, WITH
    from dirtrack.store.results import APPROVED, EXTEND, REJECTED, WITHDRAW
    from dirtrack.store.series import EVERY

    return {
        ("meeting", "kind"): (tuple(MeetingKind), "edit meeting ID --kind"),
        ("limitation", "category"): (tuple(Category), "edit limitation ID --category"),
        ("office", "kind"): (KINDS, "office set --kind"),
        ("office", "on_time_by"): (ON_TIME_BY, "office set --on-time-by"),
        ("unit_contact", "role"): (ROLES, None),
        ("series", "every"): (tuple(EVERY), None),
        ("directive_result", "verdict"): (tuple(VERDICT_NAMES), None),
        ("returned_completion", "verdict"): (tuple(VERDICT_NAMES), None),
        ("request", "kind"): ((EXTEND, WITHDRAW), None),
        ("request", "decision"): ((APPROVED, REJECTED), None),
        ("pack_item", "role"): ((LEAD, WITH), None),
    }


#: Text columns that hold no text a person typed or a file said (stored through
#: :func:`dirtrack.text.clean_text`): a file's path as the system gave it, a pack's tokens and
#: fingerprints, JSON made by dirtrack. A ``…_key`` column is a key made from a text.
_NOT_TYPED = frozenset(
    {
        ("directive_result", "file"),
        ("directive_result", "file_hash"),
        ("returned_completion", "file"),
        ("returned_completion", "file_hash"),
        ("office", "template"),
        ("office", "recipients"),
        ("pack", "token"),
        ("pack", "file"),
        ("pack", "sent_to"),
        ("pack", "sent_cc"),
        ("pack_item", "base"),
        ("pack_item", "shown"),
        ("pack_item", "answer"),
        ("pack_item", "settled"),
        ("pack_item", "steps"),
    }
)


def _blank_checked(column: Column[object]) -> bool:
    """A column where dirtrack stores no value as NULL, whose '' (or white space alone) the
    records check names as blank."""
    return bool(column.nullable and not column.foreign_keys)


def _typed(table: str, column: Column[object]) -> bool:
    """A text column whose values come in through :func:`dirtrack.text.clean_text`."""
    return (
        _text(column)
        and not column.name.endswith("_key")
        and (table, column.name) not in _NOT_TYPED
    )


# The records check's looks at a table's texts (:func:`_text_checks`): the kind of each, with
# the condition it reads in SQL
_LONG, _BLANK = "hc_long_text", "hc_blank_text"


@cache
def _text_checks(
    table: Table, columns: tuple[str, ...]
) -> tuple[Select[Any], tuple[tuple[str, Column[object]], ...]] | None:
    """One query for every look of the records check at the text columns of ``table`` that the
    database holds (``columns``): each row of it a row that one look or more finds, its id and
    a value for each look (the text for a long one, to be measured as Excel counts it, else 1;
    NULL where that look finds nothing). Built once per table and columns: a look per column
    was a statement and a full read of the table each, about 250 in all. None: nothing to
    look at."""
    from dirtrack.text import DIRECTION_CHARACTERS, MAX_TEXT, text_limit

    if "id" not in table.c:
        return None
    looks: list[tuple[str, Column[object], ColumnElement[Any]]] = []
    for column in table.columns:
        if column.name not in columns or not _text(column):
            continue
        if _free_text(column):
            # held as Excel counts (an emoji two: held_length), so a text of 16,384 emoji,
            # which an import refuses today, is found among those of more than half the limit
            limit = text_limit(column.name)
            looks.append(
                (_LONG, column, func.length(column) > (limit // 2 if limit == MAX_TEXT else limit))
            )
        # '' where dirtrack stores no value (NULL): another program's blank cell; an import
        # refuses blank text, so the export could not be read back
        if _blank_checked(column):
            looks.append((_BLANK, column, func.trim(column) == ""))
        # direction controls, dropped today; U+FFFE, U+FFFF, refused today (clean_text): a
        # Word or Excel report with one cannot be written
        for key, characters in (
            ("hc_direction_text", DIRECTION_CHARACTERS),
            ("hc_xml_text", "\ufffe\uffff"),
        ):
            looks.append((key, column, or_(*(column.contains(char) for char in characters))))
    if not looks:
        return None
    values = [
        case((condition, column if key == _LONG else literal(1)))
        for key, column, condition in looks
    ]
    query = (
        select(table.c.id, *values)
        .where(or_(*(condition for _key, _column, condition in looks)))
        .order_by(table.c.id)
    )
    return query, tuple((key, column) for key, column, _condition in looks)


def _stored_texts(conn: Connection, table: Table, columns: tuple[str, ...]) -> list[Phrase]:
    """What the records check finds in the texts of ``table`` (:func:`_text_checks`): longer
    than their field holds, blank, holding a direction character or U+FFFE/U+FFFF; by column,
    then by look, then by id."""
    from dirtrack.text import held_length, text_limit

    built = _text_checks(table, columns)
    if built is None:
        return []
    query, looks = built
    found: list[list[Phrase]] = [[] for _ in looks]
    for ident, *values in conn.execute(query):
        for i, ((key, column), value) in enumerate(zip(looks, values, strict=True)):
            if value is None:
                continue
            where = {"entity": Entity(table.name), "id": ident, "field": Field(column.name)}
            if key == _LONG:
                limit = text_limit(column.name)
                length = held_length(value, limit)
                if length > limit:
                    found[i].append(Phrase(key, length=length, limit=limit, **where))
            else:
                found[i].append(Phrase(key, **where))
    return [phrase for phrases in found for phrase in phrases]


def _typed_as_stored(conn: Connection, table: Table, columns: list[Column[object]]) -> list[Phrase]:
    """The texts of ``columns`` not as :func:`dirtrack.text.clean_text` stores them: holding a
    control character (NUL, ESC…: a Word report cannot hold it), not in NFC (their accents as
    separate marks: a search or a report's grouping by chair can miss them), or with white
    space before or after (a name typed in by hand), one row at a time in order of id."""
    import unicodedata

    from dirtrack.text import control_character

    found: list[Phrase] = []
    query = select(table.c.id, *columns).where(or_(*(c.is_not(None) for c in columns)))
    for row in conn.execute(query.order_by(table.c.id)):
        for column, value in zip(columns, row[1:], strict=True):
            if not isinstance(value, str):
                continue  # None, or another type (the values check's to name)
            where = {"entity": Entity(table.name), "id": row[0], "field": Field(column.name)}
            # NUL, ESC… (refused today, clean_text): no Word report can hold one (U+FFFE and
            # U+FFFF, which clean_text refuses too, are the xml look's to name)
            code = control_character(value.replace("\ufffe", "").replace("\uffff", ""))
            if code is not None:
                found.append(Phrase("hc_control_text", code=code, **where))
            if not unicodedata.is_normalized("NFC", value):
                found.append(Phrase("hc_not_nfc", **where))
            if value != value.strip() and (value.strip() or not _blank_checked(column)):
                found.append(Phrase("hc_spaced", value=repr(value), **where))
    return found


def _stale_keys(conn: Connection, table: Table, columns: tuple[str, ...]) -> list[Phrase]:
    """The rows of ``table`` whose search key (a ``…_key`` column beside the text it is made
    of: a unit's code and name, an alias, a field, a leader, a limitation's text) is not
    :func:`dirtrack.text.fold` of that text: another program changed the text and not its key
    (a unit's code typed 'vptu' over 'BTCTU', now found by neither), in order of id."""
    from dirtrack.text import fold

    pairs = [
        (table.c[name[: -len("_key")]], table.c[name])
        for name in columns
        if name.endswith("_key") and name[: -len("_key")] in columns
    ]
    if not pairs or "id" not in table.c:
        return []
    found: list[Phrase] = []
    query = select(table.c.id, *(c for pair in pairs for c in pair)).order_by(table.c.id)
    for row in conn.execute(query):
        for i, (column, _key) in enumerate(pairs):
            value, key = row[1 + 2 * i], row[2 + 2 * i]
            if isinstance(value, str) and isinstance(key, str) and fold(value) != key:
                where = {"entity": Entity(table.name), "id": row[0], "field": Field(column.name)}
                found.append(Phrase("hc_stale_key", value=repr(value), key=repr(key), **where))
    return found


#: Columns whose code, when none of dirtrack's, stops the commands that read the row (a series'
#: period: its occurrences cannot be made, and every listing makes them first).
_UNREADABLE_CODES = frozenset({("series", "every")})


def _unknown_codes(
    conn: Connection,
    table: Table,
    column: Column[object],
    choices: tuple[str, ...],
    option: str | None,
) -> list[Phrase]:
    """The rows whose ``column`` holds a code none of ``choices`` (no value, NULL, is none), in
    order of their key (a result's: its directive), each named with the command that sets one."""
    (key,) = table.primary_key.columns
    query = select(key, column).where(column.not_in(choices)).order_by(key)
    found = []
    for ident, value in conn.execute(query):
        where = {
            "entity": Entity(table.name),
            "id": ident,
            "field": Field(column.name),
            "value": repr(value),
            "choices": ", ".join(choices),
        }
        if (table.name, column.name) in _UNREADABLE_CODES:
            found.append(Phrase("hc_unknown_code_fails", **where))
        elif option is None:
            found.append(Phrase("hc_unknown_code_no_command", **where))
        else:
            command = f"dirtrack {option.replace('ID', str(ident))}"
            found.append(Phrase("hc_unknown_code", option=command, **where))
    return found


def check_records(conn: Connection) -> Check:
    """Texts that dirtrack refuses or changes today but an older version (or another program,
    or a hand in DB Browser) stored: longer than their field holds
    (:func:`dirtrack.text.text_limit`), so that their export cannot be imported back; holding a
    character that sets the direction text is shown in (:func:`dirtrack.text.without_direction`:
    an override shows a title reversed), or U+FFFE or U+FFFF (no Word or Excel report can hold
    them); blank ('' where dirtrack stores no value, which an import refuses); not in NFC, or
    with white space before or after; a code none of dirtrack's in a column of codes
    (:func:`_codes`: a meeting kind, a limitation category, a request's kind or decision, a
    result's verdict, a contact's role, a series' period...: shown as it is, but its export
    cannot be imported back; a series' period none of dirtrack's stops every command that makes
    occurrences, a problem). A warning: nothing is
    damaged, every command reads them, and ``edit`` (``unit rename``) with the value typed
    again stores it as dirtrack does."""
    found: list[Phrase | str] = []
    codes = _codes()
    try:
        present = _present(conn)
        for table in models.metadata().sorted_tables:
            if table.name == models.ChangeLog.__tablename__:
                # what commands did, as JSON around texts as long as their fields hold: never
                # exported nor imported, and no command edits it
                continue
            for column in table.columns:
                code = codes.get((table.name, column.name))
                if code is None or column.name not in present.get(table.name, ()):
                    continue
                found += _unknown_codes(conn, table, column, *code)
            columns = tuple(c.name for c in table.columns if c.name in present.get(table.name, ()))
            found += _stored_texts(conn, table, columns)
            found += _stale_keys(conn, table, columns)
            typed = [
                c
                for c in table.columns
                if _typed(table.name, c) and c.name in present.get(table.name, ())
            ]
            if typed and "id" in table.c:
                found += _typed_as_stored(conn, table, typed)
    except SQLAlchemyError as exc:
        return _failure("records", exc)
    if found:
        fails = any(isinstance(p, Phrase) and p.key == "hc_unknown_code_fails" for p in found)
        return Check(
            "records", PROBLEM if fails else WARNING, Detail(FirstFew.findings(found)), tuple(found)
        )
    return Check("records", OK, Detail(Phrase("hc_records_ok")))


def refused_texts(checks: list[Check]) -> list[Phrase | str]:
    """What ``checks`` found in texts that every writer refuses today (:data:`REFUSED_TEXT`)."""
    return [
        phrase
        for check in checks
        for phrase in check.found
        if isinstance(phrase, Phrase) and phrase.key in REFUSED_TEXT
    ]


# What SQLite may hold in a column that dirtrack cannot read back (another program wrote it:
# DB Browser for SQLite, a script), by the column's type: the SQL condition that a value
# (``{c}``) is one dirtrack reads, and the form it stores, for the message. SQLite keeps any
# value in any column; a PostgreSQL column holds only values of its type.
_STORED_FORMS: tuple[tuple[type[Any], str, str | Phrase], ...] = (
    # and a day of the calendar: '2022-02-30' has the form, and no command could read it (a
    # day past its month's end is carried into the next by date(…, '+0 days'))
    (Date, models.day_form("{c}") + " AND coalesce(date({c}, '+0 days'), '') = {c}", "YYYY-MM-DD"),
    (
        DateTime,
        # a day alone is read as its midnight
        "typeof({c}) = 'text' AND (length({c}) = 10 OR substr({c}, 11, 1) IN (' ', 'T')) "
        "AND substr({c}, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'",
        "YYYY-MM-DD HH:MM:SS",
    ),
    (Boolean, "typeof({c}) = 'integer' AND {c} IN (0, 1)", "0 / 1"),
    (Integer, "typeof({c}) = 'integer'", "0-9"),
    # bytes (a BLOB) where dirtrack stores text: no command can read it as text
    (String, "typeof({c}) <> 'blob'", Phrase("hc_form_text")),
)


def stored_form(column: Column[object]) -> tuple[str, str | Phrase] | None:
    """For a column of a type SQLite may hold unreadable values in: the SQL condition that a
    value (``{c}``) is one dirtrack reads, and the form it stores, for the message."""
    kind = column.type
    kind = getattr(kind, "impl", kind)
    for type_, readable, form in _STORED_FORMS:
        if isinstance(kind, type_):
            return readable, form
    return None


def bad_values(conn: Connection, *, text_only: bool = False) -> Iterator[Phrase]:
    """Each stored value (SQLite only) not in the form dirtrack stores, named with its record
    and column (:data:`_STORED_FORMS`); ``text_only``: bytes (a BLOB) in text columns only."""
    present = _present(conn)
    for table in models.metadata().sorted_tables:
        if "id" not in table.c:
            continue
        for column in table.columns:
            form = stored_form(column)
            if form is None or column.name not in present.get(table.name, ()):
                continue
            if text_only and not isinstance(form[1], Phrase):
                continue
            name = f'"{column.name}"'
            query = (
                f'SELECT id, {name} FROM "{table.name}" WHERE {name} IS NOT NULL '
                f"AND NOT ({form[0].format(c=name)}) ORDER BY id"
            )
            for ident, value in conn.exec_driver_sql(query):
                yield Phrase(
                    "hc_bad_value",
                    entity=Entity(table.name),
                    id=ident,
                    field=Field(column.name),
                    value=repr(value),
                    form=form[1],
                )


def check_values(conn: Connection) -> Check:
    """Values no dirtrack writes, which commands cannot read (SQLite only: a PostgreSQL column
    holds nothing but its type): a day as '2024-3-5', '05/03/2024', with a time or '' where
    dirtrack stores 2024-03-05 or NULL; text in a number or yes/no column, or in a reference
    (which the foreign-key check also names); bytes where dirtrack stores text; an id of 0 or
    below, set by hand (on a server too), which an export would lose, or above the largest
    dirtrack gives, or a SQLite counter there, after which no record can be added. A problem: every
    command that reads the record fails until the value is corrected, in the program that
    wrote it."""
    found: list[Phrase | str] = []
    try:
        if conn.dialect.name == "sqlite":
            found += bad_values(conn)
        found += [  # on a server too: an id set by hand
            Phrase(
                "hc_id_not_positive" if ident <= 0 else "hc_id_too_large",
                entity=Entity(table),
                id=ident,
                limit=models.MAX_ID,
            )
            for table, ident in ids_out_of_range(conn)
        ]
        found += [
            Phrase("hc_counter_too_large", entity=Entity(table), n=seq, limit=models.MAX_ID)
            for table, seq in counters_out_of_range(conn)
        ]
    except SQLAlchemyError as exc:
        return _failure("values", exc)
    if found:
        return Check("values", PROBLEM, Detail(FirstFew.findings(found)))
    return Check("values", OK, Detail(Phrase("hc_values_ok")))


def check_history(conn: Connection) -> Check:
    """History entries whose ``before`` or ``after`` is not JSON (edited by hand or by another
    program): ``history`` and ``undo`` cannot read them (:func:`dirtrack.store.history.
    load_image`), so a problem. SQLite tells them by its ``json_valid``; a server's rows are
    read one by one."""
    log = models.metadata().tables[models.ChangeLog.__tablename__]
    found: list[Phrase | str] = []
    try:
        if not {"id", "before", "after"} <= _present(conn).get(log.name, set()):
            return Check("history", OK, Detail(Phrase("hc_history_ok")))  # the schema's to say
        if conn.dialect.name == "sqlite":
            query = (
                'SELECT id FROM change_log WHERE ("before" IS NOT NULL AND NOT json_valid('
                '"before")) OR ("after" IS NOT NULL AND NOT json_valid("after")) ORDER BY id'
            )
            bad = [ident for (ident,) in conn.exec_driver_sql(query)]
        else:
            bad = []
            rows = conn.execution_options(yield_per=1000).execute(
                select(log.c.id, log.c.before, log.c.after).order_by(log.c.id)
            )
            for ident, *images in rows:
                for raw in images:
                    try:
                        None if raw is None else json.loads(raw)
                    except ValueError:
                        bad.append(ident)
                        break
        found += [Phrase("hc_history_not_json", id=ident) for ident in bad]
    except SQLAlchemyError as exc:
        return _failure("history", exc)
    if found:
        return Check("history", PROBLEM, Detail(FirstFew.findings(found)))
    return Check("history", OK, Detail(Phrase("hc_history_ok")))


def check_journal(conn: Connection, path: Path | None = None) -> Check:
    try:
        mode = str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()
    except SQLAlchemyError as exc:
        return _failure("journal", exc)
    if path is not None and conn.engine.url.query.get("immutable") == "1":
        # read as a file that does not change (a folder one may only read): SQLite says
        # "delete" whatever the file is; its header says (bytes 18-19 are 2 for WAL)
        with path.open("rb") as handle:
            mode = "wal" if handle.read(20)[18:20] == b"\x02\x02" else mode
    if mode == "wal":
        return Check("journal", OK, Detail(Phrase("hc_wal")))
    return Check("journal", WARNING, Detail(Phrase("hc_journal", mode=mode)))


def check_permissions(path: Path, conn: Connection | None = None) -> Check:
    mode = stat.S_IMODE(path.stat().st_mode)
    real = Path(os.path.realpath(path))  # SQLite makes its journal files beside the file itself
    read_only = conn is not None and conn.engine.url.query.get("immutable") == "1"
    if read_only or not os.access(real, os.W_OK) or not os.access(real.parent, os.W_OK):
        # read as a file that does not change: every command that writes is refused
        return Check("permissions", WARNING, Detail(Phrase("hc_read_only", path=path)))
    if mode & 0o077:
        return Check(
            "permissions",
            WARNING,
            Detail(Phrase("hc_readable", path=path, mode=f"{mode:o}")),
        )
    return Check("permissions", OK, Detail(Phrase("hc_private", mode=f"{mode:o}")))


def check_server_rights(conn: Connection) -> Check:
    """On PostgreSQL, whether this account may record something: the server or the account
    takes changes (not a standby, not ``default_transaction_read_only``) and the account may
    insert, update and delete in every table of the register and use its sequences; as
    :func:`check_permissions` says of a read-only SQLite file."""
    try:
        read_only = conn.execute(
            text("SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery()")
        ).scalar()
        if read_only:
            return Check("permissions", WARNING, Detail(Phrase("hc_server_read_only")))
        denied = conn.execute(
            text(
                "SELECT c.relname FROM pg_catalog.pg_class c "
                "WHERE c.relnamespace = (SELECT relnamespace FROM pg_catalog.pg_class "
                "WHERE oid = to_regclass('alembic_version')) "
                # the schema revision, written by an upgrade alone (which needs more: DDL)
                "AND c.relname <> 'alembic_version' "
                "AND ((c.relkind IN ('r', 'p') AND NOT (has_table_privilege(c.oid, 'INSERT') "
                "AND has_table_privilege(c.oid, 'UPDATE') "
                "AND has_table_privilege(c.oid, 'DELETE'))) "
                "OR (c.relkind = 'S' AND NOT has_sequence_privilege(c.oid, 'USAGE'))) "
                "ORDER BY c.relname"
            )
        ).scalars()
        names = [str(name) for name in denied]
    except SQLAlchemyError as exc:
        return _failure("permissions", exc)
    if names:
        # a few: an account without the rights on one table usually has none on the others
        shown = FirstFew(names, shown=3)
        return Check("permissions", WARNING, Detail(Phrase("hc_rights_missing"), shown))
    return Check("permissions", OK, Detail(Phrase("hc_rights_ok")))


# Where :func:`run_checks` keeps, on its connection, what :func:`_present` found, so that its
# checks look the tables up once between them (a look reads every table's columns: on
# PostgreSQL, several queries of the catalog; ten looks were most of a sound register's check)
_PRESENT = "dirtrack_tables_present"


def _present(conn: Connection) -> dict[str, set[str]]:
    """The tables the database holds, each with its columns' names (during :func:`run_checks`,
    looked up once for all its checks)."""
    memo: list[dict[str, set[str]]] | None = conn.info.get(_PRESENT)
    if memo:
        return memo[0]
    found = inspect(conn).get_multi_columns()
    present = {table: {c["name"] for c in columns} for (_schema, table), columns in found.items()}
    if memo is not None:
        memo.append(present)
    return present


def run_checks(conn: Connection, *, expected_revision: str, path: Path | None) -> list[Check]:
    """Every check, in order; each catches its own database errors, in a transaction of its own
    (on PostgreSQL a failed statement aborts the transaction: the checks after the first failure
    said only 'current transaction is aborted')."""
    checks = [check_schema(conn, expected_revision)]
    conn.rollback()  # they only read
    conn.info[_PRESENT] = []  # the connection's info outlives the run: dropped below
    try:
        checks += _checks_after_schema(conn, path)
    finally:
        conn.info.pop(_PRESENT, None)
    return checks


def _checks_after_schema(conn: Connection, path: Path | None) -> list[Check]:
    """The checks of :func:`run_checks` after the schema's, in order."""
    checks: list[Check] = []
    checks_after = (
        check_integrity,
        check_foreign_keys,
        check_values,
        check_history,
        check_series,
        check_closures,
        check_retirements,
        check_returns,
        check_extensions,
        check_records,
        check_addresses,
        check_placeholders,
    )
    for check in checks_after:
        checks.append(check(conn))
        conn.rollback()
    if conn.dialect.name == "sqlite":
        checks.append(check_journal(conn, path))
    if path is not None:
        checks.append(check_permissions(path, conn))
    elif conn.dialect.name == "postgresql":
        checks.append(check_server_rights(conn))
    return checks
