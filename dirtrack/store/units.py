"""Units: registering them and finding one from what a user typed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dirtrack.errors import Conflict, InvalidInput, NotFound
from dirtrack.i18n import Phrase
from dirtrack.text import closest, fold, fold_words, nfc

if TYPE_CHECKING:  # imported where used: `report`, `overdue` and `list` never load SQLModel
    from sqlmodel import Session

    from dirtrack.models import Unit, UnitAlias

_CODE = re.compile(r"^[\w][\w.\-/&]*$", re.UNICODE)


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    parent: str | None
    aliases: tuple[str, ...]
    successor: str | None = None
    retired_on: str | None = None


def _all_aliases(session: Session) -> dict[int, list[UnitAlias]]:
    from sqlmodel import col, select

    from dirtrack.models import UnitAlias

    by_unit: dict[int, list[UnitAlias]] = defaultdict(list)
    for alias in session.exec(select(UnitAlias).order_by(col(UnitAlias.id))):
        by_unit[alias.unit_id].append(alias)
    return by_unit


class UnitIndex:
    """Every unit with the keys it can be referred to by, loaded once per command."""

    def __init__(self, units: Sequence[Unit], aliases: dict[int, list[UnitAlias]]) -> None:
        self.units = {u.id: u for u in units if u.id is not None}
        self.aliases = aliases
        self._keys: dict[int, set[str]] = {}
        for uid, unit in self.units.items():
            keys = {fold_words(unit.code), fold_words(unit.name)}
            keys.update(fold_words(a.alias) for a in aliases.get(uid, []))
            self._keys[uid] = keys

    @classmethod
    def load(cls, session: Session) -> UnitIndex:
        from sqlmodel import select

        from dirtrack.models import Unit

        # Sorted in Python, not ORDER BY: PostgreSQL sorts text by its locale, SQLite by code
        # point, and the order shows in `unit list`.
        units = sorted(session.exec(select(Unit)), key=lambda u: u.code_key)
        return cls(units, _all_aliases(session))

    def label(self, uid: int) -> str:
        unit = self.units[uid]
        return f"{unit.code} ({unit.name})"

    def code(self, uid: int) -> str:
        return self.units[uid].code

    def resolve(self, ref: str) -> Unit:
        """Find the unit ``ref`` names by code, name or alias.

        Case, accents and tone placement are ignored (``Tỉnh ủy`` = ``Tỉnh uỷ`` = ``tinh uy``).
        An exact match wins; otherwise a unique unit whose name or alias contains ``ref`` as whole
        words.

        Raises:
            NotFound: nothing matches; the message names the closest units.
            Conflict: several units match; the message names them.
        """
        key = fold_words(ref)
        if not key:
            raise InvalidInput.of("unit_empty_ref")
        exact = [uid for uid, keys in self._keys.items() if key in keys]
        if len(exact) == 1:
            return self.units[exact[0]]
        if len(exact) > 1:
            raise Conflict.of("unit_ambiguous", ref=ref, units=self._names(exact))
        pattern = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
        partial = [uid for uid, keys in self._keys.items() if any(pattern.search(k) for k in keys)]
        if len(partial) == 1:
            return self.units[partial[0]]
        if len(partial) > 1:
            raise Conflict.of("unit_ambiguous", ref=ref, units=self._names(partial))
        choices = {k: self.label(uid) for uid, keys in self._keys.items() for k in keys}
        near = closest(ref, choices) if choices else []
        if near:
            raise NotFound.of("unit_unknown", ref=ref, near=", ".join(near))
        raise NotFound.of("unit_unknown_none", ref=ref)

    def resolve_many(self, refs: Iterable[str]) -> list[Unit]:
        """Resolve each reference, dropping repeats but keeping the order given."""
        found: dict[int, Unit] = {}
        for ref in refs:
            unit = self.resolve(ref)
            assert unit.id is not None
            found.setdefault(unit.id, unit)
        return list(found.values())

    def _names(self, uids: list[int]) -> str:
        return ", ".join(self.label(uid) for uid in sorted(uids, key=lambda u: self.code(u)))

    def info(self, unit: Unit) -> UnitInfo:
        assert unit.id is not None
        parent = self.units.get(unit.parent_id) if unit.parent_id else None
        successor = self.units.get(unit.successor_id) if unit.successor_id else None
        return UnitInfo(
            id=unit.id,
            code=unit.code,
            name=unit.name,
            parent=parent.code if parent else None,
            aliases=tuple(a.alias for a in self.aliases.get(unit.id, [])),
            successor=successor.code if successor else None,
            retired_on=unit.retired_on.isoformat() if unit.retired_on else None,
        )

    def all_info(self) -> list[UnitInfo]:
        return [self.info(u) for u in self.units.values()]

    def descendants(self, uid: int) -> set[int]:
        """``uid`` and every unit under it."""
        children: dict[int, list[int]] = defaultdict(list)
        for unit in self.units.values():
            if unit.parent_id is not None and unit.id is not None:
                children[unit.parent_id].append(unit.id)
        found, stack = set(), [uid]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(children[current])
        return found


def add_unit(
    session: Session,
    *,
    code: str,
    name: str,
    parent: str | None = None,
    aliases: Sequence[str] = (),
) -> Unit:
    """Register a unit.

    Raises:
        InvalidInput: an empty or malformed code or name.
        Conflict: the code, the name or an alias already refers to another unit.
        NotFound: the parent does not exist.
    """
    code, name = nfc(code), nfc(name)
    if not code or not _CODE.match(code):
        raise InvalidInput.of("unit_bad_code", code=code)
    if not name:
        raise InvalidInput.of("unit_no_name")
    from dirtrack.models import Unit, UnitAlias

    index = UnitIndex.load(session)
    wanted = {fold_words(code): ("w_code", code), fold_words(name): ("w_name", name)}
    clean_aliases = [nfc(a) for a in aliases if nfc(a)]
    wanted.update({fold_words(a): ("w_alias", a) for a in clean_aliases})
    for uid, keys in index._keys.items():
        for key, (what, value) in wanted.items():
            if key in keys:
                raise Conflict.of(
                    "unit_taken", what=Phrase(what), value=value, unit=index.label(uid)
                )
    parent_unit = index.resolve(parent) if parent else None
    unit = Unit(
        code=code,
        code_key=fold(code),
        name=name,
        name_key=fold(name),
        parent_id=parent_unit.id if parent_unit else None,
    )
    session.add(unit)
    session.flush()
    assert unit.id is not None
    for alias in dict.fromkeys(clean_aliases):
        session.add(UnitAlias(unit_id=unit.id, alias=alias, alias_key=fold(alias)))
    session.flush()
    return unit


def add_alias(session: Session, unit_ref: str, alias: str) -> Unit:
    """Give a unit another name it can be referred to by."""
    alias = nfc(alias)
    if not alias:
        raise InvalidInput.of("alias_empty")
    from dirtrack.models import UnitAlias

    index = UnitIndex.load(session)
    unit = index.resolve(unit_ref)
    key = fold_words(alias)
    for uid, keys in index._keys.items():
        if key in keys:
            raise Conflict.of(
                "unit_taken", what=Phrase("w_alias"), value=alias, unit=index.label(uid)
            )
    assert unit.id is not None
    session.add(UnitAlias(unit_id=unit.id, alias=alias, alias_key=fold(alias)))
    session.flush()
    return unit


def get_unit(session: Session, unit_id: int) -> Unit:
    from dirtrack.models import Unit

    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound.of("no_unit", id=unit_id)
    return unit
