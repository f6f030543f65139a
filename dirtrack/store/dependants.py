"""What depends on a record, and deleting a record together with it.

Found from the schema's foreign keys, so a table added later is covered without a change
here: a row whose foreign key to a deleted row cannot be empty (a directive of a meeting, the
progress of a directive) goes with it, recursively; a row whose foreign key may be empty (a
limitation linked as a repeat of a deleted one) stays, with the link cleared.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, update

from dirtrack.errors import NotFound
from dirtrack.store import history

# The records `delete` removes, and the error for an id that names none.
DELETABLE = {"meeting": "no_meeting", "directive": "no_directive", "limitation": "no_limitation"}


@dataclass
class Plan:
    """What deleting one record takes with it.

    ``removed``: table -> primary keys of the rows deleted (the record itself included);
    ``unlinked``: table -> (primary key, column) of rows that stay with a link cleared.
    """

    entity: str
    id: int
    removed: dict[str, list[history.PK]] = field(default_factory=lambda: defaultdict(list))
    unlinked: dict[str, list[tuple[history.PK, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def dependants(self) -> dict[str, list[Any]]:
        """The rows that go with the record, by table: an id, or a key of several columns."""
        found: dict[str, list[Any]] = {}
        rank = {t.name: i for i, t in enumerate(history.audited_tables())}
        for name, pks in sorted(self.removed.items(), key=lambda item: rank[item[0]]):
            rows = [pk for pk in pks if not (name == self.entity and pk == (self.id,))]
            if rows:
                found[name] = [pk[0] if len(pk) == 1 else list(pk) for pk in rows]
        return found

    def unlinks(self) -> dict[str, list[Any]]:
        return {
            name: [pk[0] if len(pk) == 1 else list(pk) for pk, _ in rows]
            for name, rows in self.unlinked.items()
            if rows
        }


def _children(table: Table) -> list[tuple[Table, Any]]:
    """(child table, its foreign-key column) for every foreign key pointing at ``table``."""
    found = []
    for child in history.audited_tables():
        for fk in child.foreign_keys:
            if fk.column.table is table:
                found.append((child, fk.parent))
    return found


def plan_delete(conn: Connection, entity: str, ident: int) -> Plan:
    """What deleting ``entity`` ``ident`` (a name of :data:`DELETABLE`) takes with it.

    Raises:
        NotFound: no such record.
    """
    table = history.table_named(entity)
    assert table is not None and entity in DELETABLE
    if not history.fetch_rows(conn, table, [(ident,)]):
        raise NotFound.of(DELETABLE[entity], id=ident)
    plan = Plan(entity, ident)
    seen: set[tuple[str, history.PK]] = set()
    todo: list[tuple[Table, list[history.PK]]] = [(table, [(ident,)])]
    while todo:
        parent, pks = todo.pop()
        fresh = [pk for pk in pks if (parent.name, pk) not in seen]
        if not fresh:
            continue
        seen.update((parent.name, pk) for pk in fresh)
        plan.removed[parent.name].extend(fresh)
        if history.int_pk(parent) is None:
            continue  # nothing points at a row without an integer id
        ids = [pk[0] for pk in fresh]
        for child, column in _children(parent):
            rows = history.fetch_where(conn, child, column.in_(ids), None)
            if not rows:
                continue
            if column.nullable:
                plan.unlinked[child.name].extend((pk, column.name) for pk in sorted(rows))
            else:
                todo.append((child, sorted(rows, key=history.pk_order)))
    for name, links in list(plan.unlinked.items()):  # a row that goes anyway needs no unlinking
        plan.unlinked[name] = [(pk, col) for pk, col in links if (name, pk) not in seen]
    for pks in plan.removed.values():
        pks.sort(key=history.pk_order)
    return plan


def delete_planned(conn: Connection, plan: Plan) -> None:
    """Clear the links, then delete the rows, children before parents; the change log records
    each (:mod:`dirtrack.audit` sees these Core statements)."""
    for name, rows in plan.unlinked.items():
        table = history.table_named(name)
        assert table is not None
        by_column: dict[str, list[history.PK]] = defaultdict(list)
        for pk, column in rows:
            by_column[column].append(pk)
        for column, pks in by_column.items():
            key = history.int_pk(table)
            assert key is not None
            conn.execute(update(table).where(key.in_([pk[0] for pk in pks])).values({column: None}))
    order = [t for t in reversed(history.audited_tables()) if t.name in plan.removed]
    for table in order:
        pks = plan.removed[table.name]
        history.delete_rows(conn, table, pks)
