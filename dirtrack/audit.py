"""History: every change recorded in ``change_log``, and ``undo``.

Recording needs no cooperation from the code that writes. Listeners on SQLAlchemy's Session
note which rows a unit of work touches and keep each row's image from *before* the unit of work
first touched it:

- ``before_flush``: rows about to be updated or deleted (and the rows ``ON DELETE CASCADE``
  will take with them), read from the database before the flush writes;
- ``after_flush``: rows just inserted;
- the engine's ``before_execute``: rows a Core or bulk ORM ``insert()``, ``update()`` or
  ``delete()`` run through the unit of work's connection is about to change (import's bulk SQL);
- ``after_begin``: for a writing unit, the highest id of each table (the *baseline*): every
  row above it is new, and so is every link (``directive_coordinator`` …) to such a row, so
  such rows need no image from before, nor to be noted one by one: they are found at commit.
  Only the tables whose classes are built are read then (:func:`history.built_tables`); a
  table whose class is built later gets its baseline before rows are first added to it.

At ``before_commit`` each touched row is read again: a row whose image changed becomes one
change row (create, update or delete, with both images as JSON), followed by one command row
naming the command, its options, the actor and the range of its change rows. Rows are read and
written a few thousand at a time, so an import of 100,000 rows never holds all their images at
once. A unit of work that changed nothing leaves nothing. Only raw SQL text
(``text("UPDATE …")``) goes unseen; dirtrack writes with the ORM or SQLAlchemy's
insert/update/delete constructs.

:func:`undo` reverts whole commands, newest first, after checking that every row is still as the
command left it, and is itself recorded like any other command.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Delete, Engine, Insert, Table, Update, event, func, select, true
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from dirtrack.errors import Conflict, InvalidInput, NotFound
from dirtrack.i18n import Phrase
from dirtrack.store import history
from dirtrack.store.history import PK, Change, ChangeEntry, CommandEntry, Image
from dirtrack.store.history import default_actor as default_actor
from dirtrack.store.history import json_safe as _json_safe

_PENDING = "dirtrack.audit"
_SESSION = "dirtrack.audit.session"
UNDOES = "dirtrack.undoes"
COMMAND_ID = "command_id"  # the id of the command row a committed unit of work wrote
MAX_UNDO = 1000


@dataclass
class _Pending:
    """What one unit of work has touched: (table, key) -> the row before the unit began."""

    before: dict[tuple[str, PK], Image | None] = field(default_factory=dict)
    baseline: dict[str, int] | None = None
    flushing: bool = False  # the ORM's own statements are tracked by before_flush
    conn_info: dict[Any, Any] | None = None  # the connection's info, which names the session


def _pending(session: Session) -> _Pending:
    found = session.info.get(_PENDING)
    if not isinstance(found, _Pending):
        found = _Pending()
        session.info[_PENDING] = found
    return found


def _audited(table: Any) -> Table | None:
    if isinstance(table, Table):
        return history.built_table(table.name)
    return None


def _note_baseline(pending: _Pending, conn: Connection, table: Table) -> None:
    """Before rows are added to ``table`` in a writing unit of work, the highest id its rows
    are told new by (:func:`history.age_key`), if the baseline does not hold it yet: its class
    was built after the unit of work began (:func:`history.built_tables`), so nothing in this
    unit of work has added rows to it, and its highest id now is the one it had then."""
    age = history.age_key(table)
    if pending.baseline is None or age is None or table.name in pending.baseline:
        return
    column, parent = age
    if parent != table.name and parent in pending.baseline:
        # a link table: the rows this unit of work added to the table it refers to are new
        held = conn.execute(select(func.max(column))).scalar()
        pending.baseline[table.name] = max(pending.baseline[parent], int(held or 0))
        return
    pending.baseline.update(history.max_ids(conn, [table]))


def _is_new(pending: _Pending, table: Table, pk: PK) -> bool:
    """Whether the row's id (a link's first reference) is above the baseline: created by this
    unit of work (:func:`history.age_key`)."""
    highest = (pending.baseline or {}).get(table.name)
    return highest is not None and isinstance(pk[0], int) and pk[0] > highest


def track(session: Session, table: Table, pks: Iterable[PK], *, cascade: bool = False) -> None:
    """Note rows that are about to change, keeping their images as they are now.

    Call it before writing with Core statements (as :func:`undo` does); ORM writes are tracked
    by the listeners. ``cascade`` also notes the rows ``ON DELETE CASCADE`` would remove. Rows
    above the baseline did not exist when the unit of work began: they are not noted, as
    :func:`_record` finds each of them.
    """
    pending = _pending(session)
    # the new rows left out first: an import's thousands need no key made as images hold it
    old = (pk for pk in pks if not _is_new(pending, table, pk))
    keyed = dict.fromkeys(map(history.pk_key, old))
    todo = [pk for pk in keyed if (table.name, pk) not in pending.before]
    if not todo:
        return
    conn = session.connection()
    found = history.fetch_rows(conn, table, todo)
    for pk in todo:
        pending.before[(table.name, pk)] = found.get(pk)
    if cascade:
        for child, rows in history.fetch_cascade(conn, table, todo):
            for pk, img in rows.items():
                if not _is_new(pending, child, pk):
                    pending.before.setdefault((child.name, pk), img)


def _instance_key(obj: object) -> tuple[Table, PK] | None:
    state = sa_inspect(obj)
    table = _audited(state.mapper.local_table)
    if table is None:
        return None
    identity = state.identity
    if identity is None:
        return None
    return table, history.pk_key(identity)


def _before_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    pending = _pending(session)
    pending.flushing = True
    if pending.baseline is not None:
        for table in {_audited(sa_inspect(obj).mapper.local_table) for obj in session.new}:
            if table is not None:
                _note_baseline(pending, session.connection(), table)
    changing: dict[Table, list[PK]] = defaultdict(list)
    removing: dict[Table, list[PK]] = defaultdict(list)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            key = _instance_key(obj)
            if key is not None:
                changing[key[0]].append(key[1])
    for obj in session.deleted:
        key = _instance_key(obj)
        if key is not None:
            removing[key[0]].append(key[1])
    for table, pks in changing.items():
        track(session, table, pks)
    for table, pks in removing.items():
        track(session, table, pks, cascade=True)


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    pending = _pending(session)
    pending.flushing = False
    for obj in session.new:
        state = sa_inspect(obj)
        table = _audited(state.mapper.local_table)
        if table is None:
            continue
        pk = history.pk_key(state.mapper.primary_key_from_instance(obj))
        if not _is_new(pending, table, pk):
            pending.before.setdefault((table.name, pk), None)


def _session_of(conn: Connection) -> Session | None:
    ref = conn.info.get(_SESSION)
    found = ref() if isinstance(ref, weakref.ref) else None
    return found if isinstance(found, Session) else None


def _before_execute(
    conn: Connection,
    clause: Any,
    multiparams: Sequence[dict[str, Any]],
    params: dict[str, Any],
    _options: Any,
) -> None:
    """Rows a Core (or bulk ORM) INSERT, UPDATE or DELETE is about to change."""
    if not isinstance(clause, Insert | Update | Delete):
        return
    table = _audited(clause.table)
    session = _session_of(conn) if table is not None else None
    if table is None or session is None or _pending(session).flushing:
        return
    sets = list(multiparams) or [params or {}]
    pks: list[PK] = []
    if isinstance(clause, Insert):  # rows given their keys; others are found above the baseline
        _note_baseline(_pending(session), conn, table)
        names = [c.name for c in table.primary_key.columns]
        # Keys the statement itself fixes (insert().values(id=…)) are read from its compiled
        # form; compiling it is skipped when every row gives its keys (an import's batches), as
        # it costs more than the rest of this listener. Those rows' keys are taken a column
        # at a time.
        wanted = set(names)
        if all(values.keys() >= wanted for values in sets):
            keys: Iterable[PK] = zip(*([values[n] for values in sets] for n in names), strict=True)
        else:
            fixed = clause.compile(dialect=conn.dialect).params
            keys = (tuple(values.get(n, fixed.get(n)) for n in names) for values in sets)
        pks = [pk for pk in keys if all(v is not None for v in pk)]
    else:
        where = clause.whereclause
        condition = where if where is not None else true()
        for values in sets:
            pks += list(history.fetch_where(conn, table, condition, values))
    track(session, table, pks, cascade=isinstance(clause, Delete))


def _after_begin(session: Session, transaction: SessionTransaction, connection: Any) -> None:
    if transaction.nested:
        return
    connection.info[_SESSION] = weakref.ref(session)
    pending = _pending(session)
    pending.conn_info = connection.info
    if session.info.get("write"):  # the tables built so far; the others when first written
        pending.baseline = history.max_ids(connection, history.built_tables())


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    session.flush()
    pending = session.info.get(_PENDING)
    if not isinstance(pending, _Pending):
        return
    writer = history.ChangeWriter(
        session.connection(),
        at=datetime.now(UTC),
        actor=str(session.info.get("actor") or default_actor())[:200],
    )
    _record(pending, writer)
    writer.flush()
    if not writer.count:
        _record_named_alone(session, writer)
        writer.flush()
    if not writer.count:
        return
    command = session.info.get("command") or {}
    session.info[COMMAND_ID] = writer.finish(
        name=str(command.get("name") or "api")[:64],
        params=_json_safe(command.get("params") or {}),
        undoes=list(session.info.get(UNDOES) or ()),
    )


def _record(pending: _Pending, writer: history.ChangeWriter) -> None:
    """Write a change row for each row the unit of work changed: creations parents first, then
    updates, then deletions children first; within a table, in the order of the keys.

    Rows are read back :data:`history.BATCH` at a time and each batch written before the next
    is read: only the images of rows noted before a change (updated or deleted ones) are held
    throughout.
    """
    conn = writer.conn
    tables = history.built_tables()  # no row of the others changed
    baseline = pending.baseline or {}
    created: dict[str, list[PK]] = defaultdict(list)  # noted before they existed
    changed: dict[str, list[PK]] = defaultdict(list)  # noted with an image
    for (name, pk), old in pending.before.items():
        (created if old is None else changed)[name].append(pk)

    def chunks(keys: list[PK]) -> Iterable[list[PK]]:
        keys.sort(key=history.pk_order)
        for start in range(0, len(keys), history.BATCH):
            yield keys[start : start + history.BATCH]

    highest_now = history.max_ids(conn, tables) if baseline else {}
    for table in tables:
        for chunk in chunks(created.get(table.name, [])):
            found = history.fetch_rows(conn, table, chunk)
            writer.add_created(table, (found[pk] for pk in chunk if pk in found))
        highest = baseline.get(table.name)
        # Every row above the baseline is new (ids come after, and links to new rows after
        # those to old ones); none when the highest id is not above it.
        if highest is not None and highest_now.get(table.name, 0) > highest:
            for page in history.pages_above(conn, table, highest):
                writer.add_created(table, page)
    deleted: dict[str, list[PK]] = defaultdict(list)
    for table in tables:
        for chunk in chunks(changed.get(table.name, [])):
            found = history.fetch_rows(conn, table, chunk)
            for pk in chunk:
                old = pending.before[(table.name, pk)]
                now = found.get(pk)
                if now is None:
                    deleted[table.name].append(pk)
                elif now != old:
                    writer.add(Change(table, old, now))
    for table in reversed(tables):
        for pk in deleted.get(table.name, ()):
            writer.add(Change(table, pending.before[(table.name, pk)], None))


def _record_named_alone(session: Session, writer: history.ChangeWriter) -> None:
    """A unit of work whose only change is a named action (a correction naming a retired unit
    where its successor leads: the handover of its part is all there is to record) is
    recorded against the row the action names, unchanged, so that it is a command: said,
    listed and taken back by ``undo`` with its named action, never left for the next one. The
    ``undo`` of such a command is recorded likewise."""
    named = session.info.get(history.NAMED_ROWS) or set()
    for entity, ident in sorted(named):
        table = history.table_named(entity)
        if table is None:
            continue
        for image in history.fetch_rows(writer.conn, table, [(ident,)]).values():
            writer.add(Change(table, image, image))


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        pending = session.info.pop(_PENDING, None)
        session.info.pop(history.NAMED_ROWS, None)
        if isinstance(pending, _Pending) and pending.conn_info is not None:
            pending.conn_info.pop(_SESSION, None)


_installed = False


def install() -> None:
    """Start recording (once per process); :func:`dirtrack.db.session_scope` calls it."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Engine, "before_execute", _before_execute)
    event.listen(Session, "after_begin", _after_begin)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_transaction_end", _after_transaction_end)
    _installed = True


# --- undo --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Undone:
    """A command that :func:`undo` reverted, with the changes it had made."""

    command: CommandEntry
    changes: tuple[ChangeEntry, ...]


def check_undo_count(count: int) -> int:
    """``undo --count``: 1 to :data:`MAX_UNDO` commands."""
    if not 1 <= count <= MAX_UNDO:
        raise InvalidInput.of("undo_count", max=MAX_UNDO, count=count)
    return count


def undo(
    session: Session,
    count: int = 1,
    *,
    actor: str | None = None,
    ids: Sequence[int] | None = None,
) -> list[Undone]:
    """Revert commands, newest first, in this unit of work: the newest ``count`` not yet undone
    (of ``actor`` only, when given), or the commands ``ids`` name (a command's id, or the id of
    one of its change rows).

    Each row a command created is deleted, each row it deleted is put back and each row it
    updated gets its earlier values, so the database is exactly as before the command (the
    change log keeps both the command and the undo, which is recorded like any command).

    Raises:
        InvalidInput: ``count`` is not between 1 and 1000.
        NotFound: an id that names no recorded change.
        Conflict: fewer commands than ``count`` can be undone; a command named is an undo or
            was undone already; a later command, not undone, changed a row the command changed
            or points at a row it created (the message names them); or a row was changed since
            by something that was not recorded. Nothing is written then.
    """
    if ids is not None:
        commands = _named_commands(session, ids)
    else:
        check_undo_count(count)
        commands = history.commands_to_undo(session, count, actor=actor)
        if not commands:
            if actor is not None:
                raise Conflict.of("nothing_to_undo_of", actor=actor)
            raise Conflict.of("nothing_to_undo")
        if len(commands) < count:
            raise Conflict.of("undo_too_few", n=len(commands), count=count)
    conn = session.connection()
    repairs = [c for c in commands if c.name == history.REPAIR]
    if repairs and conn.dialect.name == "sqlite":
        if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
            raise ForeignKeysOn  # the caller begins again with them off
    history.defer_foreign_keys(conn)
    kept = _drop_kept_triggers(conn) if repairs else []
    batch = [c.id for c in commands]
    done: list[Undone] = []
    for command in commands:
        changes = history.command_changes(session, command)
        later = history.later_commands_touching(session, command, changes, skip=batch)
        generated = [c for c in later if c.name == history.GENERATE]
        _refuse_later(command, [c for c in later if c.name != history.GENERATE])
        # The occurrences a reading command created since for what this command recorded (a
        # series it assigned, a unit it added): no one's work, created again when next read;
        # they go with it, listed, rather than making the user undo them by id first.
        batch += [c.id for c in generated]
        for occurrences in sorted(generated, key=lambda c: c.id, reverse=True):
            made = history.command_changes(session, occurrences)
            # work recorded on an occurrence (progress on it) is a user's: it stops the undo
            _refuse_later(command, history.later_commands_touching(
                session, occurrences, made, skip=batch
            ))  # fmt: skip
            _revert_one(session, occurrences, made, done)
        _revert_one(session, command, changes, done)
    for statement in kept:
        conn.exec_driver_sql(statement)
    _check_closed(session, done)
    undone = [item.command for item in done]
    _check_links(session, undone, _damage_put_back(done))
    session.info[UNDOES] = [c.id for c in undone]
    return done


def _refuse_later(command: CommandEntry, later: Sequence[CommandEntry]) -> None:
    """Refuse to undo ``command`` under the later commands that touch its records.

    Raises:
        Conflict: ``later`` is not empty; the message names them (five at most).
    """
    if not later:
        return
    names = ", ".join(f"#{c.id} {c.name} ({c.actor})" for c in later[:5])
    if len(later) > 5:
        names += f", +{len(later) - 5}"
    raise Conflict.of("undo_later", id=command.id, command=command.name, later=names)


def _revert_one(
    session: Session, command: CommandEntry, changes: Sequence[ChangeEntry], done: list[Undone]
) -> None:
    """Revert ``command`` (:func:`_revert`) and add it to ``done``.

    Raises:
        Conflict: the revert would break a link between rows.
    """
    try:
        _revert(session, command, changes)
    except IntegrityError:
        raise Conflict.of("undo_breaks_links", id=command.id, command=command.name) from None
    done.append(Undone(command, tuple(changes)))


def _named_commands(session: Session, ids: Sequence[int]) -> list[CommandEntry]:
    """The commands ``ids`` name, newest first, each once."""
    found: dict[int, CommandEntry] = {}
    for ident in ids:
        command = history.command_named(session, ident)
        if command is None:
            raise NotFound.of("no_change", id=ident)
        if command.name == history.UNDO:
            raise Conflict.of("undo_of_undo", id=command.id)
        if command.undone_by is not None:
            raise Conflict.of("already_undone", id=command.id, by=command.undone_by)
        found[command.id] = command
    return [found[i] for i in sorted(found, reverse=True)]


def _check_closed(session: Session, undone: Sequence[Undone]) -> None:
    """Refuse an undo that leaves a directive closed (completed, cancelled, withdrawn) on a day
    before an extension approved, a request asked or a completion returned on it since: undoing
    a reopening after a new deadline was approved. `done`, `cancel` and `approve` refuse that
    state (:func:`dirtrack.store.directives.recorded_after`), and an import of it too."""
    from datetime import date

    from dirtrack.store.directives import recorded_after

    by: dict[int, CommandEntry] = {}
    for item in undone:
        for change in item.changes:
            if change.entity == "directive" and change.action != history.CREATE:
                by.setdefault(int(change.image["id"]), item.command)
    table = history.table_named("directive")
    if not by or table is None:
        return
    rows = history.fetch_rows(session.connection(), table, [(ident,) for ident in by])
    for (ident,), image in sorted(rows.items()):
        for key in ("completed_on", "cancelled_on", "withdrawn_on"):
            if image.get(key) is None:
                continue
            day = date.fromisoformat(str(image[key]))
            found = recorded_after(session.connection(), ident, day)
            if found is not None:
                command = by[ident]
                raise Conflict.of(
                    "undo_closes_before", id=command.id, command=command.name,
                    directive=ident, day=day, other=Phrase(f"day_{found[1]}"), first=found[0],
                )  # fmt: skip


def _check_links(
    session: Session,
    commands: Sequence[CommandEntry],
    allowed: frozenset[tuple[str, int]] = frozenset(),
) -> None:
    """On SQLite, whose foreign keys are checked at commit here, refuse an undo that would leave
    a row pointing at one it removed (PostgreSQL refuses it at the statement); but for the
    records in ``allowed`` (table, id): the placeholders of ``doctor --repair`` undone, whose
    rows pointed to nothing before it."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    columns: dict[tuple[str, int], str] = {}
    for table, rowid, parent, fkid in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        if allowed:
            if (table, fkid) not in columns:
                for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
                    columns[(table, int(row[0]))] = str(row[3])
            value = conn.exec_driver_sql(
                f'SELECT "{columns[(table, fkid)]}" FROM "{table}" WHERE rowid = ?', (rowid,)
            ).scalar()
            if (parent, value) in allowed:
                continue
        command = commands[-1]
        raise Conflict.of("undo_breaks_links", id=command.id, command=command.name)


class ForeignKeysOn(Exception):
    """Undoing ``doctor --repair`` on SQLite needs a transaction begun with foreign keys off:
    it puts back rows pointing to records that are not there."""


def _drop_kept_triggers(conn: Connection) -> list[str]:
    """Drop the triggers that keep a record rows point to (``undo`` of a repair deletes its
    placeholders under those rows), returning the statements that make them again."""
    from dirtrack.models import triggers

    if conn.dialect.name != "sqlite":
        return []
    there = {
        str(name)
        for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    made: list[str] = []
    for name, statement in triggers().items():
        if name in there:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
            made.append(statement)
    return made


def _damage_put_back(done: Sequence[Undone]) -> frozenset[tuple[str, int]]:
    """The records rows may point to without their being there once ``done`` is undone: the
    placeholders each repair among them re-created, the limitations whose repeats it
    unlinked, and the series whose coordinating units it removed."""
    found: set[tuple[str, int]] = set()
    for item in done:
        if item.command.name != history.REPAIR:
            continue
        for change in item.changes:
            if change.action == history.CREATE and change.entity_id is not None:
                found.add((change.entity, change.entity_id))
            elif change.entity == "limitation" and change.before is not None:
                repeat = change.before.get("repeat_of_id")
                if isinstance(repeat, int):
                    found.add(("limitation", repeat))
            elif change.entity == "series_coordinator" and change.before is not None:
                series = change.before.get("series_id")  # of a series with nothing else left
                if isinstance(series, int):
                    found.add(("series", series))
    return frozenset(found)


def _revert(session: Session, command: CommandEntry, changes: Sequence[ChangeEntry]) -> None:
    """Check that every row is as ``command`` left it, then put each back, a table at a time."""
    conn = session.connection()
    rank = {t.name: i for i, t in enumerate(history.audited_tables())}
    tables: dict[str, Table] = {}
    keys: dict[str, list[PK]] = defaultdict(list)
    planned: list[tuple[ChangeEntry, Table, PK]] = []
    for change in changes:
        table = history.table_named(change.entity)
        if table is None:
            raise Conflict.of("undo_unknown_table", id=command.id, table=change.entity)
        pk = history.pk_of(table, change.image)
        if change.before == change.after and change.entity_id is not None:
            # a named action's own row (:func:`_record_named_alone`): its undoing is the same
            session.info.setdefault(history.NAMED_ROWS, set()).add((table.name, change.entity_id))
        tables[table.name] = table
        keys[table.name].append(pk)
        planned.append((change, table, pk))
    now: dict[tuple[str, PK], Image] = {}
    for name, pks in keys.items():
        for pk, img in history.fetch_rows(conn, tables[name], pks).items():
            now[(name, pk)] = img
    for change, table, pk in planned:
        if now.get((table.name, pk)) != change.after:
            what = f"{change.entity} {', '.join(map(str, pk))}"
            raise Conflict.of("undo_changed_since", id=command.id, command=command.name, what=what)
    for name, pks in keys.items():
        track(session, tables[name], pks, cascade=True)

    # Put deleted rows back parents first, restore updated ones, remove created ones children
    # first: every foreign key holds at every step.
    steps: dict[tuple[int, int, str], list[tuple[ChangeEntry, PK]]] = defaultdict(list)
    for change, table, pk in planned:
        group = {history.DELETE: 0, history.UPDATE: 1, history.CREATE: 2}[change.action]
        position = -rank[table.name] if change.action == history.CREATE else rank[table.name]
        steps[(group, position, table.name)].append((change, pk))
    for (group, _, name), items in sorted(steps.items()):
        table = tables[name]
        if group == 0:
            history.insert_rows(conn, table, [c.before for c, _ in items if c.before is not None])
        elif group == 1:
            for change, _ in items:
                assert change.before is not None
                history.update_row(conn, table, change.before)
        else:
            history.delete_rows(conn, table, [pk for _, pk in items])
