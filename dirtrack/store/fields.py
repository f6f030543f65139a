"""Fields (lĩnh vực) of directives and the leaders in charge of fields and units (phân công).

An assignment holds from its start until a later assignment of the same field (or unit) to
someone else: a change of leader never rewrites the past. The leader in charge of a directive
on a day T is the one in charge of its field on T, else of its lead unit on T.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, select
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from dirtrack.errors import Conflict, InvalidInput, NotFound
from dirtrack.i18n import Phrase
from dirtrack.models import Directive, DirectiveField, Leader, LeaderAssignment, Unit
from dirtrack.status import DirectiveFacts
from dirtrack.store.tables import field, leader, leader_assignment
from dirtrack.store.units import check_not_retired, is_code, typed_code
from dirtrack.text import (
    clean_text,
    closest,
    fold,
    fold_words,
    marks_agree,
    name_text,
    word_marks,
)


def add_field(session: Session, code: str, name: str) -> DirectiveField:
    """Register a field.

    Raises:
        InvalidInput: an empty or malformed code, an empty name.
        Conflict: the code or the name is another field's.
    """
    code, name = typed_code(code), clean_text(name, "name")
    if not code or not is_code(code):
        raise InvalidInput.of("field_bad_code", code=code)
    if not name:
        raise InvalidInput.of("field_no_name")
    wanted = {fold_words(code): ("w_code", code), fold_words(name): ("w_name", name)}
    for other in session.exec(orm_select(DirectiveField)):
        for key, (what, value) in wanted.items():
            if key in (fold_words(other.code), fold_words(other.name)):
                # the code or the name given, whichever is taken: not the code when the name is
                raise Conflict.of(
                    "field_taken",
                    what=Phrase(what),
                    value=value,
                    field=f"{other.code} ({other.name})",
                )
    found = DirectiveField(code=code, code_key=fold(code), name=name, name_key=fold(name))
    session.add(found)
    session.flush()
    return found


def all_fields(conn: Connection) -> list[tuple[int, str, str]]:
    """``(id, code, name)`` of every field, by code."""
    rows = conn.execute(select(field.c.id, field.c.code, field.c.name, field.c.code_key))
    return [(i, c, n) for i, c, n, _ in sorted(rows, key=lambda r: r[3])]


def leader_names(conn: Connection) -> dict[int, str]:
    """Every leader's name by id."""
    return {int(i): str(n) for i, n in conn.execute(select(leader.c.id, leader.c.name))}


def leaders_named(names: dict[int, str], ref: str) -> tuple[list[int], list[int]]:
    """The leaders (ids) whose name ``ref`` is, and those of its letters: a name of the same
    letters is one person when the marks agree (``Nguyễn Văn Hoà`` is ``Nguyễn Văn Hòa``, and
    ``Nguyen Van Hoa`` typed without marks), another with other marks (``Nguyễn Văn Hóa``:
    :func:`~dirtrack.text.marks_agree`)."""
    key, marks = fold_words(ref), word_marks(ref)
    same = [lid for lid, name in names.items() if fold_words(name) == key]
    return [lid for lid in same if marks_agree(marks, word_marks(names[lid]))], same


def leader_key(name: str, taken: Iterable[str]) -> str:
    """The ``name_key`` a new leader is stored with: its :func:`~dirtrack.text.fold`, or, where
    a leader of the same letters and other marks holds that already (``Nguyễn Văn Hòa`` for a
    new ``Nguyễn Văn Hóa``), its name with its marks, cased one way."""
    key = fold(name)
    return name_text(name).casefold() if key in set(taken) else key


def resolve_field(conn: Connection, ref: str) -> tuple[int, str]:
    """The ``(id, code)`` of the field ``ref`` names by code or name (case, accents ignored).

    Raises:
        NotFound: no such field; the message names the closest.
    """
    key = fold_words(ref)
    rows = all_fields(conn)
    for fid, code, name in rows:
        if key in (fold_words(code), fold_words(name)):
            return fid, code
    if not rows:  # "closest: —" named nothing
        raise NotFound.of("field_unknown_none", ref=ref)
    choices = {fold_words(c): c for _, c, _ in rows} | {fold_words(n): c for _, c, n in rows}
    near = closest(ref, choices)
    if not near:
        raise NotFound.of("field_unknown_far", ref=ref)
    raise NotFound.of("field_unknown", ref=ref, near=", ".join(near))


# --- leaders -----------------------------------------------------------------------------------


def assign_leader(
    session: Session,
    name: str,
    *,
    field_refs: Sequence[str],
    units: Sequence[tuple[int, str]],
    start: date,
) -> Leader:
    """Put ``name`` in charge of fields and units from ``start``.

    Raises:
        InvalidInput: no name, or neither a field nor a unit.
        NotFound: an unknown field.
        Conflict: the leader is already in charge of one of them on ``start`` (the assignment
            would overlap itself), or someone else's assignment of it starts on that very day;
            a unit retired on or before ``start`` (its work is its successor's).
    """
    name = clean_text(name, "name")
    if not name:
        raise InvalidInput.of("leader_no_name")
    if not field_refs and not units:
        raise InvalidInput.of("leader_nothing")
    check_not_retired(
        session,
        [u for uid, _code in dict.fromkeys(units) if (u := session.get(Unit, uid)) is not None],
        start,
        key="retired_in_charge",
    )
    conn = session.connection()
    fields = list(dict.fromkeys(resolve_field(conn, ref) for ref in field_refs))
    leaders = list(session.exec(orm_select(Leader)))
    named, same = leaders_named({lr.id: lr.name for lr in leaders if lr.id is not None}, name)
    if len(named) > 1:
        chosen = sorted(lr.name for lr in leaders if lr.id in named)
        raise Conflict.of("leader_ambiguous", ref=name, leaders=", ".join(chosen))
    found = next((lr for lr in leaders if named and lr.id == named[0]), None)
    if found is None:
        found = Leader(name=name, name_key=leader_key(name, (lr.name_key for lr in leaders)))
        session.add(found)
        session.flush()
    assert found.id is not None
    targets = [("field", fid, code) for fid, code in fields]
    targets += [("unit", uid, code) for uid, code in dict.fromkeys(units)]
    for kind, target, label in targets:
        column = col(LeaderAssignment.field_id if kind == "field" else LeaderAssignment.unit_id)
        rows = list(session.exec(orm_select(LeaderAssignment).where(column == target)))
        latest = max(
            (a for a in rows if a.start <= start), key=lambda a: (a.start, a.id or 0), default=None
        )
        after = min(
            (a for a in rows if a.start > start), key=lambda a: (a.start, a.id or 0), default=None
        )
        if after is not None and after.leader_id == found.id:
            raise Conflict.of("leader_overlap", what=label, leader=found.name, date=after.start)
        if latest is not None and latest.start == start:
            holder = session.get(Leader, latest.leader_id)
            raise Conflict.of(
                "leader_overlap", what=label, leader=holder.name if holder else "?", date=start
            )
        if latest is not None and latest.leader_id == found.id:
            raise Conflict.of("leader_overlap", what=label, leader=found.name, date=latest.start)
        session.add(
            LeaderAssignment(
                leader_id=found.id,
                field_id=target if kind == "field" else None,
                unit_id=target if kind == "unit" else None,
                start=start,
            )
        )
    session.flush()
    return found


@dataclass(frozen=True)
class Charge:
    """Who was in charge of what, from when (every assignment ever made)."""

    names: dict[int, str]
    by_field: dict[int, list[tuple[date, int, int]]]  # field id -> (start, id, leader id)
    by_unit: dict[int, list[tuple[date, int, int]]]

    @classmethod
    def load(cls, conn: Connection) -> Charge:
        names = leader_names(conn)
        by_field: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
        by_unit: dict[int, list[tuple[date, int, int]]] = defaultdict(list)
        query = select(
            leader_assignment.c.id,
            leader_assignment.c.leader_id,
            leader_assignment.c.field_id,
            leader_assignment.c.unit_id,
            leader_assignment.c.start,
        )
        for aid, lid, fid, uid, start in conn.execute(query):
            if fid is not None:
                by_field[fid].append((start, aid, lid))
            if uid is not None:
                by_unit[uid].append((start, aid, lid))
        for table in (by_field, by_unit):
            for rows in table.values():
                rows.sort()
        return cls(names, dict(by_field), dict(by_unit))

    @staticmethod
    def _at(rows: Iterable[tuple[date, int, int]], day: date) -> int | None:
        holder = None
        for start, _, lid in rows:
            if start > day:
                break
            holder = lid
        return holder

    def leader_of(self, field_id: int | None, unit_id: int, day: date) -> int | None:
        """The leader in charge on ``day`` of a directive of ``field_id`` led by ``unit_id``."""
        if field_id is not None and field_id in self.by_field:
            found = self._at(self.by_field[field_id], day)
            if found is not None:
                return found
        return self._at(self.by_unit.get(unit_id, ()), day)

    def resolve(self, ref: str) -> int:
        """The id of the leader ``ref`` names (case, accents, tone placement ignored).

        Raises:
            NotFound: no such leader.
        """
        named, same = leaders_named(self.names, ref)
        found = named or same  # none of its marks: of its letters, as a unit is found
        if len(found) == 1:
            return found[0]
        if found:
            chosen = sorted(self.names[lid] for lid in found)
            raise Conflict.of("leader_ambiguous", ref=ref, leaders=", ".join(chosen))
        if not self.names:  # "closest: —" named nothing
            raise NotFound.of("leader_unknown_none", ref=ref)
        near = closest(ref, [(fold_words(n), n) for n in self.names.values()])
        if not near:
            raise NotFound.of("leader_unknown_far", ref=ref)
        raise NotFound.of("leader_unknown", ref=ref, near=", ".join(near))

    def assignments(self, conn: Connection) -> list[dict[str, object]]:
        """Every assignment, for ``leader list``: leader, field code or unit id, start, end."""
        codes = {fid: code for fid, code, _ in all_fields(conn)}
        found: list[dict[str, object]] = []
        for kind, table in (("field", self.by_field), ("unit", self.by_unit)):
            for target, rows in table.items():
                for i, (start, _, lid) in enumerate(rows):
                    end = rows[i + 1][0] - timedelta(days=1) if i + 1 < len(rows) else None
                    found.append(
                        {
                            "leader": self.names[lid],
                            "field": codes.get(target) if kind == "field" else None,
                            "unit_id": target if kind == "unit" else None,
                            "from": start,
                            "until": end,
                        }
                    )
        return found


__all__ = [
    "Charge",
    "NotFound",
    "add_field",
    "all_fields",
    "assign_leader",
    "resolve_field",
]


def _suggestion(
    did: int, unit: str, field: str, because: str, doc: str | None, field_id: int
) -> dict[str, object]:
    """A suggestion of :func:`suggest_fields` (its ``field_id`` is dropped once used)."""
    return {
        "id": did,
        "unit": unit,
        "field": field,
        "because": because,
        "doc": doc,
        "field_id": field_id,
    }


def suggestion_keys() -> tuple[str, ...]:
    """The keys of a suggestion ``field suggest`` lists, in order (its CSV header)."""
    return tuple(k for k in _suggestion(0, "", "", "", None, 0) if k != "field_id")


def suggest_fields(session: Session, *, apply: bool = False) -> list[dict[str, object]]:
    """A field for each directive without one, with the reason; set them with ``apply``.

    From the drafting-unit suffix of the meeting's document when a field has that code
    (``because``: ``suffix``), else the field most of the lead unit's directives have, ties
    left unsuggested (``unit``).
    """
    from collections import Counter

    from dirtrack.store.results import drafting_suffix
    from dirtrack.store.tables import directive, meeting, unit

    conn = session.connection()
    fields = all_fields(conn)
    by_code = {fold_words(code): (fid, code) for fid, code, _ in fields}
    code_of = {fid: code for fid, code, _ in fields}
    usual: dict[int, Counter[int]] = defaultdict(Counter)
    for uid, fid in conn.execute(
        select(directive.c.unit_id, directive.c.field_id).where(directive.c.field_id.is_not(None))
    ):
        usual[uid][fid] += 1
    query = (
        select(directive.c.id, directive.c.unit_id, unit.c.code, meeting.c.doc)
        .join(meeting, meeting.c.id == directive.c.meeting_id)
        .join(unit, unit.c.id == directive.c.unit_id)
        .where(directive.c.field_id.is_(None))
        .order_by(directive.c.id)
    )
    found: list[dict[str, object]] = []
    for did, uid, ucode, doc in conn.execute(query).all():
        suffix = drafting_suffix(doc)
        pick = by_code.get(fold_words(suffix)) if suffix else None
        if pick is not None:
            found.append(_suggestion(did, ucode, pick[1], "suffix", doc, pick[0]))
            continue
        common = usual.get(uid, Counter()).most_common(2)
        if common and (len(common) == 1 or common[0][1] > common[1][1]):
            fid = common[0][0]
            found.append(_suggestion(did, ucode, code_of[fid], "unit", doc, fid))
    if apply:
        for row in found:
            item = session.get(Directive, row["id"])
            assert item is not None
            item.field_id = row["field_id"]  # type: ignore[assignment]
            session.add(item)
        session.flush()
    for row in found:
        del row["field_id"]
    return found


def in_charge_filter(
    conn: Connection,
    facts: Iterable[DirectiveFacts],
    day: date,
    *,
    field: str | None = None,
    leader: str | None = None,
) -> Iterator[DirectiveFacts]:
    """The facts of the field ``field`` and whose leader in charge on ``day`` is ``leader``.

    Raises:
        NotFound: no such field or leader.
    """
    code = resolve_field(conn, field)[1] if field is not None else None
    ids = {c: i for i, c, _ in all_fields(conn)}
    charge = Charge.load(conn) if leader is not None else None
    wanted = charge.resolve(leader) if charge is not None and leader is not None else None
    for item in facts:
        if code is not None and item.field_code != code:
            continue
        if charge is not None:
            fid = ids.get(item.field_code) if item.field_code else None
            if charge.leader_of(fid, item.unit_id, day) != wanted:
                continue
        yield item
