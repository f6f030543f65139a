"""Units: registering them, finding one from what a user typed (:class:`UnitIndex`), and
retiring one; the moves and handovers a retirement records, and who held a directive after
them (:func:`holder_after`, :func:`load_moves`)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from dirtrack.errors import Conflict, DatabaseError, InvalidInput, NotFound
from dirtrack.i18n import Phrase
from dirtrack.patterns import LazyPattern
from dirtrack.store import get_row
from dirtrack.text import (
    ascii_typed,
    clean_text,
    closest,
    control_character,
    fold,
    fold_words,
    marks_agree,
    names_its_own_body,
    nfc,
    spelled_out,
    word_marks,
)

if TYPE_CHECKING:  # imported where used: a read-only command never opens an ORM session
    from sqlalchemy import Connection
    from sqlmodel import Session

    from dirtrack.models import Directive, Unit, UnitAlias
    from dirtrack.moves import Handover, Move

# A code: ASCII letters and digits (with a Vietnamese letter's marks on them, and đ), then '-',
# '_', '.', '/', '&'. Letters of other scripts that look like Latin ones (Cyrillic Р, Greek Τ),
# full-width letters (ＶＰＴＵ), superscripts and characters that show nothing made a second
# unit that looks like VPTU and is not it.
_CODE = LazyPattern(r"^[A-Za-z0-9][A-Za-z0-9.\-/&_]*$")
_D = {ord("đ"): "d", ord("Đ"): "D", ord("ð"): "d", ord("Ð"): "D"}


def typed_code(text: str) -> str:
    """A unit's or a field's code as typed, cleaned (:func:`dirtrack.text.clean_text`), its
    full-width letters and digits (an IME's ``ＶＰＴＵ``) as the ASCII ones they are
    (:func:`dirtrack.text.ascii_typed`); :func:`is_code` then says whether it is one."""
    return ascii_typed(clean_text(text, "code"))


def is_code(text: str) -> bool:
    """Whether ``text`` may be a unit's or a field's code (:data:`_CODE`)."""
    decomposed = unicodedata.normalize("NFD", text).translate(_D)
    return _CODE.match("".join(c for c in decomposed if not unicodedata.combining(c))) is not None


# The codes registers made before :data:`_CODE` (2026-12) could hold: any letters (Greek,
# Cyrillic, full-width ones too). Their exports are imported, so that no register's export is
# refused; a code neither rule takes ('=Q', 'Q R') comes from a file edited by hand.
_EARLIER_CODE = LazyPattern(r"^\w[\w.\-/&]*$")


def was_ever_a_code(text: str) -> bool:
    """Whether some version of dirtrack registered ``text`` as a code (:func:`is_code`, or the
    wider rule before it): what an export's units and fields may hold."""
    return is_code(text) or _EARLIER_CODE.match(text) is not None


V = TypeVar("V")


class ById(dict[int, V]):
    """Units by id. A record that names a unit that is not there (another program, DB Browser
    for SQLite with foreign keys off, deleted it under its directives) is refused here, in one
    line that sends to `dirtrack doctor`, rather than failing as a KeyError."""

    def __missing__(self, key: int) -> V:
        raise DatabaseError.of("db_missing_unit", id=key)


@dataclass(frozen=True)
class UnitInfo:
    """A unit as listed and exported: code, name, its parent's code, aliases, its successor's
    code and the day it was retired (ISO)."""

    id: int
    code: str
    name: str
    parent: str | None
    aliases: tuple[str, ...]
    successor: str | None = None
    retired_on: str | None = None


def unit_codes(conn: Connection | Session) -> ById[str]:
    """Every unit's code by id, retired units too."""
    from sqlalchemy import select

    from dirtrack.store.tables import unit

    return ById((int(i), str(c)) for i, c in conn.execute(select(unit.c.id, unit.c.code)))


def _all_aliases(session: Session) -> dict[int, list[UnitAlias]]:
    from sqlmodel import col, select

    from dirtrack.models import UnitAlias

    by_unit: dict[int, list[UnitAlias]] = defaultdict(list)
    for alias in session.exec(select(UnitAlias).order_by(col(UnitAlias.id))):
        by_unit[alias.unit_id].append(alias)
    return by_unit


# "Sở KH&ĐT", "Sở LĐ-TB&XH", "Phòng TC-KH", "Sở TC": a body's first words, then capitals.
_ABBREVIATED = LazyPattern(
    r"^(?P<head>(?:[^\W\d_]+ )+?)(?P<abbr>[A-ZĐ]{1,6}(?: ?[&-] ?[A-ZĐ]{1,6})*)$"
)


def _told(
    found: list[int],
    marks: tuple[str | None, ...],
    written: Callable[[int], Iterable[Sequence[str | None]]],
) -> list[int]:
    """Of several units ``found`` by a reference's letters, those its marks name (``xã Hóa An``
    of ``xã Hòa An`` and ``xã Hóa An``: :func:`marks_agree` with one of the ways ``written``
    gives a unit's words); all of them when its marks tell none (typed without marks)."""
    if len(found) < 2 or not any(marks):
        return found
    kept = [uid for uid in found if any(marks_agree(marks, m) for m in written(uid))]
    return kept or found


class UnitIndex:
    """Every unit with the keys it can be referred to by, loaded once per command."""

    def __init__(self, units: Sequence[Unit], aliases: dict[int, list[UnitAlias]]) -> None:
        self.units = ById((u.id, u) for u in units if u.id is not None)
        self.aliases = aliases

    @cached_property
    def _keys(self) -> dict[int, set[str]]:
        """Each unit's keys (code, name, aliases), made when a reference is first resolved:
        the report and the listings, which resolve none, never fold 500 names."""
        keys: dict[int, set[str]] = {}
        for uid, unit in self.units.items():
            keys[uid] = {fold_words(unit.code), fold_words(unit.name)}
            keys[uid].update(fold_words(a.alias) for a in self.aliases.get(uid, []))
        return keys

    @cached_property
    def _spelled(self) -> dict[int, set[str]]:
        """Each unit's name and aliases with the initials offices write written out
        (:func:`spelled_out`): "Văn phòng UBND tỉnh" is found as "Văn phòng Ủy ban nhân dân
        tỉnh", "VP Tỉnh ủy" as "Văn phòng Tỉnh ủy", and the reverse, when no unit is named as
        written. Not its code, which is matched as written: a unit coded VP is no unit named
        "Văn phòng"."""
        spelled: dict[int, set[str]] = {}
        for uid, unit in self.units.items():
            names = [unit.name, *(a.alias for a in self.aliases.get(uid, []))]
            spelled[uid] = {spelled_out(name) for name in names}
        return spelled

    def name_of_letters(self, uid: int, text: str) -> str | None:
        """The unit's code, name or alias whose letters are ``text``'s (:func:`fold_words`),
        if any: the one name of those letters the unit holds."""
        key = fold_words(text)
        return next((n for n in self._names_of(uid) if fold_words(n) == key), None)

    def _names_of(self, uid: int, *, code: bool = True) -> list[str]:
        unit = self.units[uid]
        names = [unit.name, *(a.alias for a in self.aliases.get(uid, []))]
        return [unit.code, *names] if code else names

    def _marks(self, uid: int, key: str) -> list[tuple[str | None, ...]]:
        """The marks (:func:`word_marks`) of each of the unit's code, name and aliases whose
        key is ``key``: two units may have names of one key (``xã Hòa An``, ``xã Hóa An``),
        which their marks tell apart. Made only for the units a key finds."""
        return [word_marks(n) for n in self._names_of(uid) if fold_words(n) == key]

    def _spelled_marks(self, uid: int) -> list[tuple[str, tuple[str | None, ...]]]:
        """Each of the unit's :attr:`_spelled` keys with the marks of its words."""
        names = self._names_of(uid, code=False)
        return [(spelled_out(n), word_marks(n, spelled=True)) for n in names]

    @classmethod
    def load(cls, session: Session) -> UnitIndex:
        from sqlmodel import select

        from dirtrack.models import Unit

        # Sorted in Python, not ORDER BY: PostgreSQL sorts text by its locale, SQLite by code
        # point, and the order shows in `unit list`.
        units = sorted(session.exec(select(Unit)), key=lambda u: u.code_key)
        return cls(units, _all_aliases(session))

    def holder(self, text: str, *, skip: int | None = None, spelled: bool = True) -> int | None:
        """The unit (other than ``skip``) that ``text`` already names by its code, name or an
        alias, as written or, with ``spelled``, with the bodies' initials written out (a name
        "Văn phòng Ủy ban nhân dân tỉnh" is taken by "Văn phòng UBND tỉnh"); a name of the same
        letters with other marks (``xã Hóa An`` beside ``xã Hòa An``: :func:`marks_agree`) is
        another name, one written without marks (``xa hoa an``) is not; without ``spelled`` (a
        code) the letters alone are compared."""
        key = fold_words(text)
        for uid, keys in self._keys.items():
            if uid != skip and key in keys:
                if not spelled:  # a code: its letters alone (ĐTN is DTN), as its key is stored
                    return uid
                if any(marks_agree(word_marks(text), m) for m in self._marks(uid, key)):
                    return uid
        if spelled:
            key = spelled_out(text)
            for uid, keys in self._spelled.items():
                if uid != skip and key in keys:
                    marks = word_marks(text, spelled=True)
                    pairs = self._spelled_marks(uid)
                    if any(k == key and marks_agree(marks, m) for k, m in pairs):
                        return uid
        return None

    def label(self, uid: int) -> str:
        unit = self.units[uid]
        return f"{unit.code} ({unit.name})"

    def code(self, uid: int) -> str:
        return self.units[uid].code

    def resolve(self, ref: str, *, noted: bool = True) -> Unit:
        """Find the unit ``ref`` names by code, name or alias.

        Case, accents and tone placement are ignored (``Tỉnh ủy`` = ``Tỉnh uỷ`` = ``tinh uy``).
        An exact match wins; otherwise a unique unit whose name or alias contains ``ref`` as whole
        words, noted for the command line to say (:func:`dirtrack.notes.read_by_part`) unless
        ``noted`` is False (a name read from a file, whose report says what it was read as).

        Raises:
            InvalidInput: ``ref`` (typed, ``noted``) holds a control character, which matching
                drops as it drops marks: ``SXD`` and an escape matched SXD without a word.
            NotFound: nothing matches; the message names the closest units.
            Conflict: several units match; the message names them.
        """
        if noted and (code := control_character(ref)) is not None:
            raise InvalidInput.of("unit_ref_control", ref=ref, code=code)
        found = self.candidates(ref)
        if len(found) == 1:
            if noted and not self._names_exactly(ref, found[0]):
                from dirtrack.notes import read_by_part

                read_by_part(fold_words(ref), ref, self.label(found[0]))
            elif noted and self._other_marks(ref, found[0]):
                from dirtrack.notes import read_by_part

                read_by_part(fold_words(ref), ref, self.label(found[0]), "unit_by_marks")
            return self.units[found[0]]
        if len(found) > 1:
            raise Conflict.of("unit_ambiguous", ref=ref, units=self._names(found))
        choices = [(k, self.label(uid)) for uid, keys in self._keys.items() for k in keys]
        if not choices:
            raise NotFound.of("unit_unknown_none", ref=ref)
        near = closest(ref, choices)
        if near:
            raise NotFound.of("unit_unknown", ref=ref, near=", ".join(near))
        raise NotFound.of("unit_unknown_far", ref=ref)

    def _names_exactly(self, ref: str, uid: int) -> bool:
        """Whether ``ref`` is the unit's code, name or an alias (as written, or with the
        initials written out), not a part of its name."""
        return fold_words(ref) in self._keys[uid] or spelled_out(ref) in self._spelled[uid]

    def _other_marks(self, ref: str, uid: int) -> bool:
        """Whether ``ref``, the unit's code, name or an alias by its letters, has other marks
        than each of them (``xã Hóa An`` typed for ``xã Hòa An``: :func:`marks_agree`)."""
        marks = word_marks(ref)
        if not any(marks):
            return False
        key = fold_words(ref)
        if key in self._keys[uid]:
            return not any(marks_agree(marks, m) for m in self._marks(uid, key))
        key, marks = spelled_out(ref), word_marks(ref, spelled=True)
        pairs = self._spelled_marks(uid)
        return not any(k == key and marks_agree(marks, m) for k, m in pairs)

    def candidates(self, ref: str) -> list[int]:
        """The ids of the units ``ref`` may name, as :meth:`resolve` matches them: those it
        names exactly, else those whose name or alias holds it as whole words.

        Raises:
            InvalidInput: ``ref`` is blank (white space, characters that show nothing).
        """
        key = fold_words(ref)
        if not key:
            from dirtrack.text import is_blank

            if is_blank(ref):
                raise InvalidInput.of("unit_empty_ref", ref=ref)
            return []  # punctuation alone ('???', '—'): it names no unit, it is not empty
        marks = word_marks(ref)
        exact = [uid for uid, keys in self._keys.items() if key in keys]
        if exact:
            return _told(exact, marks, lambda uid: self._marks(uid, key))
        key, marks = spelled_out(ref), word_marks(ref, spelled=True)
        exact = [uid for uid, keys in self._spelled.items() if key in keys]
        if exact:
            return _told(
                exact, marks, lambda uid: [m for k, m in self._spelled_marks(uid) if k == key]
            )
        pattern = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
        body = names_its_own_body(key)
        size = len(key.split())

        def held(name: str) -> list[int]:
            # where (the word) a name holds it; but a name that names a body of its own ("UBND
            # tỉnh") is no partial name of a unit that is a part or the office of that body,
            # named by a body's words before it ("Văn phòng UBND tỉnh", "Ban Tổ chức Tỉnh
            # ủy"); "ban kiểm tra" still finds "Ủy ban Kiểm tra Tỉnh ủy"
            return [
                len(name[: found.start()].split())
                for found in pattern.finditer(name)
                if not body or not names_its_own_body(name[: found.start()].strip())
            ]

        found = [uid for uid, keys in self._spelled.items() if any(held(k) for k in keys)]

        def places(uid: int) -> list[tuple[str | None, ...]]:
            return [m[at : at + size] for k, m in self._spelled_marks(uid) for at in held(k)]

        return _told(found, marks, places)

    def by_initials(self, ref: str) -> list[int]:
        """The ids of the units whose name ``ref`` writes with the initials offices use
        (``Sở KH&ĐT``: Sở Kế hoạch và Đầu tư; ``Sở LĐ-TB&XH``, ``Phòng TC-KH``): the same
        first words, then capitals that are the first letters of the name's other words
        (``và`` left out). Offices' sheets write names so; matched by the sheet import, which
        says so on the row."""
        found = _ABBREVIATED.match(nfc(ref).strip())
        if found is None:
            return []
        head = fold_words(found["head"]).split()
        letters = re.sub(r"[^a-z]", "", fold(found["abbr"]))
        matches = []
        for uid, unit in self.units.items():
            words = fold_words(unit.name).split()
            if words[: len(head)] != head:
                continue
            rest = [w for w in words[len(head) :] if w != "va"]
            if len(rest) > 1 and "".join(w[0] for w in rest) == letters:
                matches.append(uid)
        return matches

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

    def _parent_code(self, unit: Unit) -> str | None:
        parent = self.units.get(unit.parent_id) if unit.parent_id else None
        return parent.code if parent else None

    def info(self, unit: Unit) -> UnitInfo:
        assert unit.id is not None
        successor = self.units.get(unit.successor_id) if unit.successor_id else None
        return UnitInfo(
            id=unit.id,
            code=unit.code,
            name=unit.name,
            parent=self._parent_code(unit),
            aliases=tuple(a.alias for a in self.aliases.get(unit.id, [])),
            successor=successor.code if successor else None,
            retired_on=unit.retired_on.isoformat() if unit.retired_on else None,
        )

    def all_info(self) -> list[UnitInfo]:
        return [self.info(u) for u in self.units.values()]

    def parents(self) -> dict[str, str | None]:
        """Each unit's code and its parent's (None at the top), as :meth:`info` gives them,
        without making the rest of each unit's info (a report reads only these)."""
        return {u.code: self._parent_code(u) for u in self.units.values()}

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
    code, name = typed_code(code), clean_text(name, "name")
    if not code:
        raise InvalidInput.of("unit_no_code")
    if not is_code(code):
        raise InvalidInput.of("unit_bad_code", code=code)
    if not name:
        raise InvalidInput.of("unit_no_name")
    from dirtrack.models import Unit, UnitAlias
    from dirtrack.store.limits import check_row

    index = UnitIndex.load(session)
    clean_aliases = [a for a in (clean_text(a, "alias") for a in aliases) if a]
    wanted = [("w_code", code), ("w_name", name), *(("w_alias", a) for a in clean_aliases)]
    for what, value in wanted:
        holder = index.holder(value, spelled=what != "w_code")
        if holder is not None:
            raise Conflict.of(
                "unit_taken", what=Phrase(what), value=value, unit=index.label(holder)
            )
    kept = _own_aliases(code, name, clean_aliases)
    aliases_table = UnitAlias.__table__  # type: ignore[attr-defined]
    for alias in kept:
        # before the unit takes its id: PostgreSQL's sequence gives no id back when a refused
        # row of unit_alias undoes the command
        check_row(aliases_table, {"alias": alias, "alias_key": fold(alias)})
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
    for alias in kept:
        session.add(UnitAlias(unit_id=unit.id, alias=alias, alias_key=fold(alias)))
    session.flush()
    return unit


def _own_aliases(code: str, name: str, aliases: Sequence[str]) -> list[str]:
    """The aliases a new unit is given: one that is its code (by its letters), its name or an
    earlier alias written another way (case, tone placement, without marks: "Ban số", "ban
    so") names nothing new and is kept once, as rename_unit does.

    Raises:
        Conflict: an alias of the same letters as its name or an earlier alias with other
            marks ("xã Hòa An", "xã Hóa An"): two names, of which a unit holds one, as
            :func:`add_alias` refuses the second.
    """
    kept: list[str] = []
    for alias in aliases:
        key = fold_words(alias)
        if key == fold_words(code):
            continue
        same = [n for n in (name, *kept) if fold_words(n) == key]
        if any(marks_agree(word_marks(alias), word_marks(n)) for n in same):
            continue
        if same:
            raise Conflict.of("unit_marks_clash", what=Phrase("w_alias"), value=alias, name=same[0])
        kept.append(alias)
    return kept


def add_alias(session: Session, unit_ref: str, alias: str) -> Unit:
    """Give a unit another name it can be referred to by."""
    alias = clean_text(alias, "alias")
    if not alias:
        raise InvalidInput.of("alias_empty")
    from dirtrack.models import UnitAlias

    index = UnitIndex.load(session)
    unit = index.resolve(unit_ref)
    assert unit.id is not None
    holder = index.holder(alias)
    if holder is None and (same := index.name_of_letters(unit.id, alias)) is not None:
        # the unit's own name, code or alias with other marks: one key a unit holds once
        raise Conflict.of("unit_marks_clash", what=Phrase("w_alias"), value=alias, name=same)
    if holder is not None:
        raise Conflict.of(
            "unit_taken", what=Phrase("w_alias"), value=alias, unit=index.label(holder)
        )
    session.add(UnitAlias(unit_id=unit.id, alias=alias, alias_key=fold(alias)))
    session.flush()
    return unit


def rename_unit(session: Session, unit_ref: str, name: str, *, code: str | None = None) -> Unit:
    """Give a unit a new name (and code); the old name (and code) stay aliases, so what was
    typed before still finds it.

    Raises:
        InvalidInput: an empty or malformed name or code, or nothing new.
        Conflict: the name or code already refers to another unit.
    """
    from dirtrack.models import UnitAlias

    index = UnitIndex.load(session)
    unit = index.resolve(unit_ref)
    assert unit.id is not None
    name = clean_text(name, "name")
    if not name:
        raise InvalidInput.of("unit_no_name")
    new_code = unit.code
    if code is not None:
        new_code = typed_code(code)
        if not new_code:
            raise InvalidInput.of("unit_no_code")
        if not is_code(new_code):
            raise InvalidInput.of("unit_bad_code", code=new_code)
    if name == unit.name and new_code == unit.code:
        raise InvalidInput.of("rename_same", unit=unit.code)
    for what, value in (("w_code", new_code), ("w_name", name)):
        holder = index.holder(value, skip=unit.id, spelled=what != "w_code")
        if holder is not None:
            raise Conflict.of(
                "unit_taken", what=Phrase(what), value=value, unit=index.label(holder)
            )
    wanted = {fold_words(new_code): word_marks(new_code)}
    wanted.setdefault(fold_words(name), word_marks(name))

    def is_wanted(text: str) -> bool:
        # the new name or code itself, written with other case or tone placement, or without
        # marks; not a name of the same letters with other marks ("xã Hòa An" renamed "xã
        # Hóa An"), which stays an alias
        key = fold_words(text)
        return key in wanted and marks_agree(word_marks(text), wanted[key])

    current = index.aliases.get(unit.id, [])
    # an alias that is now the name or the code itself goes; one whose key an old name of
    # other marks takes is that name now (a row of the key deleted and one made could not be
    # undone: undo puts the deleted row back first)
    going = {fold_words(a.alias): a for a in current if is_wanted(a.alias)}
    taken = {fold_words(a.alias) for a in current} - set(going)
    for old in (unit.name, unit.code):
        key = fold_words(old)
        if not is_wanted(old) and key not in taken:
            kept = going.pop(key, None)
            if kept is None:
                session.add(UnitAlias(unit_id=unit.id, alias=old, alias_key=fold(old)))
            else:
                kept.alias = old
                session.add(kept)
            taken.add(key)
    for alias in going.values():
        session.delete(alias)
    unit.name, unit.name_key = name, fold(name)
    unit.code, unit.code_key = new_code, fold(new_code)
    session.add(unit)
    session.flush()
    return unit


def check_not_retired(
    session: Session, units: Iterable[Unit], held: date, *, key: str = "retired_at_meeting"
) -> None:
    """Refuse a unit retired on or before ``held``, the day of the meeting that would give it a
    directive or a limitation or count it present, or the first day a leader would be put in
    charge of it: from that day its work is its successor's.

    Args:
        key: the error to raise: ``retired_at_meeting`` (``held`` is a meeting's day) or
            ``retired_in_charge`` (the first day in charge).

    Raises:
        Conflict: naming the unit, the day it retired and its successor.
    """
    from dirtrack.models import Unit as UnitRow

    for unit in units:
        if unit.retired_on is not None and unit.retired_on <= held:
            heir = session.get(UnitRow, unit.successor_id) if unit.successor_id else None
            raise Conflict.of(
                key,
                unit=unit.code,
                date=unit.retired_on,
                successor=heir.code if heir is not None else "-",
                held=held,
            )


def get_unit(session: Session, unit_id: int) -> Unit:
    from dirtrack.models import Unit

    return get_row(session, Unit, unit_id, "no_unit")


# --- retiring a unit -----------------------------------------------------------------------

RETIRE_ACTION = "unit.retire"


@dataclass(frozen=True)
class Retired:
    """What ``unit retire`` did: the unit, its successor, the day, the directives moved and
    those whose coordination was handed over."""

    unit: Unit
    successor: Unit
    on: date
    moved: tuple[int, ...]
    # the open directives it coordinated: the successor coordinates them from ``on`` (or
    # already led or coordinated them)
    handed: tuple[int, ...] = ()


def retire_unit(session: Session, unit_ref: str, successor_ref: str, *, on: date) -> Retired:
    """Retire a unit: mark it, and move the directives still open on ``on`` to its successor,
    and the periodic directives still running then.

    Directives completed, cancelled or withdrawn on or before ``on`` stay with the old unit, and
    so do its limitations: that is its history. Each move is written to ``change_log`` with its day.

    Raises:
        NotFound: an unknown unit.
        InvalidInput: the successor is the unit itself.
        Conflict: the unit is already retired, or the successor is; or a unit retired into
            it after ``on``.
    """
    index = UnitIndex.load(session)
    unit = index.resolve(unit_ref)
    successor = index.resolve(successor_ref)
    assert unit.id is not None and successor.id is not None
    if unit.id == successor.id:
        raise InvalidInput.of("own_successor", unit=unit.code)
    if unit.retired_on is not None:
        heir = index.units.get(unit.successor_id) if unit.successor_id else None
        if heir:
            raise Conflict.of(
                "already_retired_to", unit=unit.code, date=unit.retired_on, successor=heir.code
            )
        raise Conflict.of("already_retired", unit=unit.code, date=unit.retired_on)
    if successor.retired_on is not None:
        heir = index.units.get(successor.successor_id) if successor.successor_id else None
        if heir:
            raise Conflict.of(
                "successor_retired_to",
                successor=successor.code,
                date=successor.retired_on,
                heir=heir.code,
            )
        raise Conflict.of("successor_retired", successor=successor.code, date=successor.retired_on)
    # A unit that took over another's directives on a day cannot cease before that day: the
    # directives would leave it before they came to it, and a listing as of a day between
    # would put them with it rather than with the unit that still held them.
    handed_later = [
        u
        for u in index.units.values()
        if u.successor_id == unit.id and u.retired_on and u.retired_on > on
    ]
    if handed_later:
        first = min(handed_later, key=lambda u: (u.retired_on, u.code))
        raise Conflict.of(
            "retire_before_predecessor",
            unit=unit.code,
            date=on,
            predecessor=first.code,
            retired=first.retired_on,
        )
    named = latest_meeting_naming(session, unit.id)
    if named is not None and named[1] >= on:
        # The rule of check_not_retired the other way round: a meeting on or after the day
        # the unit retires cannot name it, so the day cannot come before such a meeting.
        raise Conflict.of(
            "retire_before_meeting", unit=unit.code, date=on, meeting=named[0], held=named[1]
        )
    from sqlmodel import col, select

    from dirtrack.models import Directive
    from dirtrack.store.history import log_action

    query = (
        select(Directive)
        .where(Directive.unit_id == unit.id)
        .where(col(Directive.completed_on).is_(None) | (col(Directive.completed_on) > on))
        .where(col(Directive.cancelled_on).is_(None) | (col(Directive.cancelled_on) > on))
        .where(col(Directive.withdrawn_on).is_(None) | (col(Directive.withdrawn_on) > on))
        .order_by(col(Directive.id))
    )
    # A directive closed on that day and reopened since (its closure, ended by the reopening,
    # was in force then) was not open: it stays with the unit until the reopening, and passes
    # from that day, as a reopening recorded after the retirement passes it.
    reopened = _reopened_after(session, on)
    found = list(session.exec(query))
    moving = [d for d in found if d.id not in reopened]
    later = [d for d in found if d.id in reopened]
    _refuse_key_clashes(session, moving, successor)
    moved: list[int] = []
    for directive in moving:
        assert directive.id is not None
        directive.unit_id = successor.id
        session.add(directive)
        assert unit.id is not None and successor.id is not None
        log_move(session, directive.id, on, (unit.id, unit.code), (successor.id, successor.code))
        moved.append(directive.id)
    _drop_lead_from_coordinators(session, successor, on)
    handed, coordinated_later = _hand_over_coordination(session, unit, successor, on, reopened)
    _hand_over_series(session, unit, successor, on)
    log_action(
        session,
        action=RETIRE_ACTION,
        entity="unit",
        entity_id=unit.id,
        before={"retired_on": None, "successor_id": None},
        after={"retired_on": on.isoformat(), "successor_id": successor.id, "moved": moved},
    )
    unit.retired_on = on
    unit.successor_id = successor.id
    session.add(unit)
    session.flush()
    for directive in sorted([*later, *coordinated_later], key=lambda d: d.id or 0):
        assert directive.id is not None
        hand_over_retired(session, directive, since=reopened[directive.id])
    return Retired(unit, successor, on, tuple(moved), tuple(handed))


def _reopened_after(session: Session, on: date) -> dict[int, date]:
    """The directives whose closure was in force on ``on`` and ended by a reopening after it
    (:class:`~dirtrack.models.Closure`), each with the day it was reopened: closed on that day,
    though the directive's own columns, which hold only its latest closure, say open."""
    from sqlmodel import col, select

    from dirtrack.models import Closure

    rows = session.exec(
        select(col(Closure.directive_id), col(Closure.reopened_on))
        .where(col(Closure.closed_on) <= on)
        .where(col(Closure.reopened_on) > on)
    )
    return dict(rows.all())


@dataclass(frozen=True)
class Passed:
    """A unit's part in a directive that passed to its successor: on the day it retired, or
    on a later day (``since``) when the directive was reopened after it."""

    unit: str
    successor: str
    on: date  # the day the unit retired
    lead: bool  # its lead (else its coordination)
    since: date | None = None  # the day it passed, when later than ``on``


def hand_over_retired(
    session: Session, directive: Directive, *, since: date | None = None
) -> list[Passed]:
    """What :func:`retire_unit` did on the day a unit retired, done for ``directive`` recorded
    (or corrected) afterwards at a meeting held before that day, which :func:`check_not_retired`
    lets name the unit: if the directive was still open on that day, its lead passes to the
    successor then, and its coordination likewise (to the successor's successor in turn), each
    move recorded with its day, so that a listing as of an earlier day still names the unit.
    Returns what passed, in order (also kept for the command to say: :func:`passed_in`).

    ``since``: the day a directive closed when the unit retired was reopened (``reopen``): what
    the retired unit held passes from that day, when it is later than the retirement's.

    Raises:
        Conflict: the successor already leads a directive with the same key.
    """
    from sqlmodel import select

    from dirtrack.models import DirectiveCoordinator
    from dirtrack.models import Unit as UnitRow

    assert directive.id is not None
    passed: list[Passed] = []
    lead = session.get(UnitRow, directive.unit_id)
    while lead is not None and (heir := _heir_on(session, lead, directive)) is not None:
        assert lead.id is not None and heir.id is not None and lead.retired_on is not None
        _refuse_key_clashes(session, [directive], heir)
        directive.unit_id = heir.id
        session.add(directive)
        day = _passing_day(lead.retired_on, since)
        log_move(session, directive.id, day, (lead.id, lead.code), (heir.id, heir.code))
        own = session.get(DirectiveCoordinator, (directive.id, heir.id))
        if own is not None:  # a lead unit is never its own coordinator
            session.delete(own)
            log_handover(session, directive.id, day, (heir.id, heir.code), None)
        passed.append(Passed(lead.code, heir.code, lead.retired_on, True, _later(day, lead)))
        lead = heir
    session.flush()
    moving = True
    while moving:
        moving = False
        rows = session.exec(
            select(DirectiveCoordinator).where(DirectiveCoordinator.directive_id == directive.id)
        )
        for row in list(rows):
            unit = session.get(UnitRow, row.unit_id)
            heir = _heir_on(session, unit, directive) if unit is not None else None
            if unit is None or heir is None:
                continue
            assert unit.id is not None and heir.id is not None and unit.retired_on is not None
            taken = directive.unit_id == heir.id or (
                session.get(DirectiveCoordinator, (directive.id, heir.id)) is not None
            )
            session.delete(row)
            if not taken:
                session.add(DirectiveCoordinator(directive_id=directive.id, unit_id=heir.id))
            new = None if taken else (heir.id, heir.code)
            day = _passing_day(unit.retired_on, since)
            log_handover(session, directive.id, day, (unit.id, unit.code), new)
            passed.append(Passed(unit.code, heir.code, unit.retired_on, False, _later(day, unit)))
            moving = True
        session.flush()
    session.info.setdefault(_PASSED, []).extend((directive.id, p) for p in passed)
    return passed


def _passing_day(retired_on: date, since: date | None) -> date:
    """The day a retired unit's part passes (:func:`hand_over_retired`): the day it retired, or
    the day the directive was reopened (``since``) when that is later."""
    return retired_on if since is None else max(retired_on, since)


def _later(day: date, unit: Unit) -> date | None:
    """``day`` when it is later than the day ``unit`` retired (:attr:`Passed.since`)."""
    return day if unit.retired_on is not None and day > unit.retired_on else None


_PASSED = "passed_to_successors"


def passed_in(session: Session) -> list[tuple[int, Passed]]:
    """What :func:`hand_over_retired` passed to successors in this unit of work, by directive."""
    found: list[tuple[int, Passed]] = session.info.get(_PASSED, [])
    return found


def holder_after(session: Session, unit: Unit, directive: Directive) -> Unit:
    """The unit that holds ``unit``'s part in ``directive`` once every retirement that would
    hand it over (:func:`hand_over_retired`) has: ``unit`` itself when none would."""
    found = unit
    while (heir := _heir_on(session, found, directive)) is not None:
        found = heir
    return found


def settle_closed(session: Session, directive: Directive) -> None:
    """Make ``directive``, just closed (completed, cancelled, withdrawn) or its closing day
    changed, held as :func:`retire_unit` would have left it had the closure been recorded
    first: the register's meaning does not depend on the order things were typed in.

    A retirement moves only what is open on its day. One dated on or after the day the
    directive closed, that moved it (or handed its coordination over) while it was still
    recorded open, is taken back: the directive is led and coordinated as on the day before it
    closed, the stale move and handovers no longer in force (:func:`dirtrack.moves.in_force`,
    :func:`dirtrack.moves.coordinators_at`: the rule every reader follows), so ``list``,
    ``show``, the report and ``score`` name the unit that closed it on every day; undo of the
    command puts the rows back, and so the move. What was open on a retirement's day still
    passes (:func:`hand_over_retired`): a closure whose day a sheet moved past the
    retirement, or a part that passed on the day of a reopening the closure is dated on.
    Every writer of a closure calls this once the closure is set; nothing happens to a
    directive that is open, awaits acceptance, or was never moved nor handed over."""
    from sqlmodel import col, func, select

    from dirtrack.models import Closure, DirectiveCoordinator

    assert directive.id is not None
    closed = (directive.completed_on, directive.cancelled_on, directive.withdrawn_on)
    days = [d for d in closed if d is not None]
    if not days:
        return
    session.flush()
    conn = session.connection()
    rows = list(
        session.exec(
            select(DirectiveCoordinator).where(DirectiveCoordinator.directive_id == directive.id)
        )
    )
    then = _as_closed(
        directive.unit_id,
        [r.unit_id for r in rows],
        min(days),
        load_moves(conn, [directive.id]).get(directive.id, []),
        load_handovers(conn, [directive.id]).get(directive.id, []),
        unit_codes(conn),
    )
    if then is not None:
        directive.unit_id, wanted = then
        session.add(directive)
        for row in rows:
            if row.unit_id not in wanted:
                session.delete(row)
        for uid in sorted(wanted - {r.unit_id for r in rows}):
            session.add(DirectiveCoordinator(directive_id=directive.id, unit_id=uid))
        session.flush()
    reopened = session.exec(
        select(func.max(col(Closure.reopened_on))).where(Closure.directive_id == directive.id)
    ).one()
    hand_over_retired(session, directive, since=reopened)


def _taken_back(
    unit_id: int, closed_on: date, moves: Sequence[Move], handovers: Sequence[Handover]
) -> tuple[list[Move], list[Handover]]:
    """The moves still in force (:func:`dirtrack.moves.in_force`) and the handovers of a
    directive stored under ``unit_id`` that are dated on or after ``closed_on``, the day it
    closed: what a retirement recorded before the closure may have done."""
    from dirtrack.moves import in_force

    later = [m for m in in_force(unit_id, moves) if m.on >= closed_on]
    return later, [h for h in handovers if h.on >= closed_on]


def _as_closed(
    unit_id: int,
    coordinators: Sequence[int],
    closed_on: date,
    moves: Sequence[Move],
    handovers: Sequence[Handover],
    codes: ById[str],
) -> tuple[int, set[int]] | None:
    """The lead unit and the coordinating units of a directive that closed on ``closed_on``,
    stored under ``unit_id`` with ``coordinators``, as :func:`settle_closed` makes them: as on
    the day before it closed, when a retirement dated on or after that day moved it or handed
    its coordination over (:func:`_taken_back`); None when none did. The one rule: ``doctor``
    (:func:`held_after_closing`) names a directive whose rows differ from it."""
    from datetime import timedelta

    from dirtrack.moves import coordinators_at, unit_at

    later, handed = _taken_back(unit_id, closed_on, moves, handovers)
    if not (later or handed):
        return None
    before = closed_on - timedelta(days=1)
    lead = unit_at(unit_id, moves, before)
    names = {uid: (code, code) for uid, code in codes.items()}
    then = coordinators_at([codes[u] for u in coordinators], handovers, before, names)
    by_code = {code: uid for uid, code in codes.items()}
    return lead, {by_code[code] for code in then} - {lead}


@dataclass(frozen=True)
class HeldAfterClosing:
    """A directive closed on or before the day a unit it was the retired unit's retired, still
    held as if it had been open then: an older dirtrack (before :func:`settle_closed`) recorded
    the closure after the retirement. ``kind`` is how it closed (completed, cancelled,
    withdrawn); ``unit`` retired on ``retired_on``; ``heir``, its successor, leads it in its
    place (``lead``), or took over its coordination (or held it already)."""

    directive: int
    kind: str
    closed_on: date
    unit: str
    retired_on: date
    heir: str
    lead: bool


def held_after_closing(conn: Connection) -> list[HeldAfterClosing]:
    """The closed directives whose lead or coordinating units :func:`settle_closed` would
    change (the rule :func:`_as_closed`), by id: what ``doctor`` names and ``doctor --repair``
    settles. Only read."""
    from sqlalchemy import or_, select

    from dirtrack.store.tables import directive as table
    from dirtrack.store.tables import directive_coordinator, unit

    moves, handovers = load_moves(conn), load_handovers(conn)
    ids = sorted(set(moves) | set(handovers))
    if not ids:
        return []
    c = table.c
    kinds = (("completed", c.completed_on), ("cancelled", c.cancelled_on),
             ("withdrawn", c.withdrawn_on))  # fmt: skip
    rows = conn.execute(
        select(c.id, c.unit_id, *(column for _kind, column in kinds))
        .where(c.id.in_(ids), or_(*(column.is_not(None) for _kind, column in kinds)))
        .order_by(c.id)
    ).all()
    if not rows:
        return []
    coordinators: dict[int, list[int]] = defaultdict(list)
    dc = directive_coordinator.c
    for ident, uid in conn.execute(
        select(dc.directive_id, dc.unit_id).where(dc.directive_id.in_([r[0] for r in rows]))
    ):
        coordinators[int(ident)].append(int(uid))
    codes = unit_codes(conn)
    successors = {
        int(i): int(s)
        for i, s in conn.execute(select(unit.c.id, unit.c.successor_id))
        if s is not None
    }
    found: list[HeldAfterClosing] = []
    for ident, unit_id, *closed in rows:
        days = [(day, kind) for (kind, _column), day in zip(kinds, closed, strict=True) if day]
        on, kind = min(days, key=lambda pair: pair[0])  # the first listed of the same day
        mine, given = moves.get(ident, []), handovers.get(ident, [])
        now = coordinators.get(ident, [])
        then = _as_closed(unit_id, now, on, mine, given, codes)
        if then is None or then == (unit_id, set(now)):
            continue
        later, handed = _taken_back(unit_id, on, mine, given)
        if later:
            moved = later[0]
            found.append(HeldAfterClosing(ident, kind, on, codes[moved.from_unit_id], moved.on,
                                          codes[unit_id], lead=True))  # fmt: skip
            continue
        back = [h for h in handed if h.from_unit_id in then[1]] or handed
        passed = back[0]
        heir = passed.to_unit_id or successors.get(passed.from_unit_id) or passed.from_unit_id
        found.append(HeldAfterClosing(ident, kind, on, codes[passed.from_unit_id], passed.on,
                                      codes[heir], lead=False))  # fmt: skip
    return found


def _heir_on(session: Session, unit: Unit, directive: Directive) -> Unit | None:
    """``unit``'s successor if it has retired and ``directive`` was still open on that day."""
    on = unit.retired_on
    if on is None or unit.successor_id is None:
        return None
    closed = (directive.completed_on, directive.cancelled_on, directive.withdrawn_on)
    if any(day is not None and day <= on for day in closed):
        return None
    from dirtrack.models import Unit as UnitRow

    return session.get(UnitRow, unit.successor_id)


def latest_meeting_naming(session: Session, unit_id: int) -> tuple[int, date] | None:
    """The id and day of the latest meeting that names the unit: it attended, or was given a
    directive, a periodic directive or a limitation there (as lead or coordinating unit)."""
    from sqlalchemy import union_all
    from sqlmodel import col, select

    from dirtrack.models import (
        Directive,
        DirectiveCoordinator,
        Limitation,
        Meeting,
        MeetingAttendee,
        Series,
        SeriesCoordinator,
    )

    named = union_all(
        select(col(MeetingAttendee.meeting_id)).where(col(MeetingAttendee.unit_id) == unit_id),
        select(col(Directive.meeting_id)).where(col(Directive.unit_id) == unit_id),
        select(col(Directive.meeting_id))
        .join(DirectiveCoordinator, col(DirectiveCoordinator.directive_id) == col(Directive.id))
        .where(col(DirectiveCoordinator.unit_id) == unit_id),
        select(col(Limitation.meeting_id)).where(col(Limitation.unit_id) == unit_id),
        select(col(Series.meeting_id)).where(col(Series.unit_id) == unit_id),
        select(col(Series.meeting_id))
        .join(SeriesCoordinator, col(SeriesCoordinator.series_id) == col(Series.id))
        .where(col(SeriesCoordinator.unit_id) == unit_id),
    ).subquery()
    found = (
        session.connection()
        .execute(
            select(col(Meeting.id), col(Meeting.date))
            .where(col(Meeting.id).in_(select(named.c[0])))
            .order_by(col(Meeting.date).desc(), col(Meeting.id).desc())
            .limit(1)
        )
        .first()
    )
    return None if found is None else (int(found[0] or 0), found[1])


def _drop_lead_from_coordinators(session: Session, successor: Unit, on: date) -> None:
    """A unit does not coordinate a directive it leads: where the successor coordinated a
    directive that has just moved to it, it now leads it and leaves its coordinating units
    (the change log keeps the row, so undo puts it back), recorded as a handover on ``on``
    (:func:`log_handover`), so that a listing or report as of an earlier day still names it
    among the coordinating units."""
    from sqlmodel import col, select

    from dirtrack.models import Directive, DirectiveCoordinator

    session.flush()  # the moves, so that the join sees the successor leading them
    rows = session.exec(
        select(DirectiveCoordinator)
        .join(Directive, col(Directive.id) == col(DirectiveCoordinator.directive_id))
        .where(Directive.unit_id == successor.id)
        .where(DirectiveCoordinator.unit_id == successor.id)
    )
    assert successor.id is not None
    for row in list(rows):
        session.delete(row)
        log_handover(session, row.directive_id, on, (successor.id, successor.code), None)


def _hand_over_coordination(
    session: Session, unit: Unit, successor: Unit, on: date, reopened: dict[int, date]
) -> tuple[list[int], list[Directive]]:
    """Where ``unit`` coordinates a directive still open on ``on`` (as :func:`retire_unit`
    moves those it leads), ``successor`` coordinates it from that day; where the successor
    already leads or coordinates it, ``unit`` only leaves it. Each handover is recorded with its
    day (:func:`log_handover`), so that a listing or report as of an earlier day still names
    ``unit``; the coordination of a directive closed by then stays: that is its history.
    Returns the ids of the directives handed over, and the directives ``unit`` coordinates that
    were closed on ``on`` and ``reopened`` after it, left for :func:`hand_over_retired`."""
    from sqlmodel import col, select

    from dirtrack.models import Directive, DirectiveCoordinator

    assert unit.id is not None and successor.id is not None
    open_on = (
        (col(Directive.completed_on).is_(None) | (col(Directive.completed_on) > on))
        & (col(Directive.cancelled_on).is_(None) | (col(Directive.cancelled_on) > on))
        & (col(Directive.withdrawn_on).is_(None) | (col(Directive.withdrawn_on) > on))
    )
    rows = session.exec(
        select(DirectiveCoordinator, Directive.unit_id)
        .join(Directive, col(Directive.id) == col(DirectiveCoordinator.directive_id))
        .where(DirectiveCoordinator.unit_id == unit.id)
        .where(open_on)
        .order_by(col(DirectiveCoordinator.directive_id))
    )
    handed: list[int] = []
    later: list[Directive] = []
    for row, lead in list(rows):
        if row.directive_id in reopened:
            found = session.get(Directive, row.directive_id)
            assert found is not None
            later.append(found)
            continue
        taken = lead == successor.id or (
            session.get(DirectiveCoordinator, (row.directive_id, successor.id)) is not None
        )
        session.delete(row)
        if not taken:
            session.add(DirectiveCoordinator(directive_id=row.directive_id, unit_id=successor.id))
        new = None if taken else (successor.id, successor.code)
        log_handover(session, row.directive_id, on, (unit.id, unit.code), new)
        handed.append(row.directive_id)
    return handed, later


def _hand_over_series(session: Session, unit: Unit, successor: Unit, on: date) -> None:
    """The periodic directives of ``unit`` still running on ``on`` go on with ``successor``:
    their later occurrences are the successor's (those already made moved with the open
    directives), and the successor, their lead now, is no longer among their coordinating
    units; those ``unit`` coordinates, the successor coordinates in its place."""
    from sqlmodel import col, select

    from dirtrack.models import Series, SeriesCoordinator

    running = session.exec(
        select(Series)
        .where(Series.unit_id == unit.id)
        .where(col(Series.ends_on).is_(None) | (col(Series.ends_on) >= on))
        .order_by(col(Series.id))
    )
    for found in list(running):
        assert successor.id is not None
        found.unit_id = successor.id
        session.add(found)
        coordinating = session.get(SeriesCoordinator, (found.id, successor.id))
        if coordinating is not None:
            session.delete(coordinating)
    # those it coordinates: the successor coordinates their later occurrences, unless it
    # leads or coordinates them already
    session.flush()
    coordinated = session.exec(
        select(SeriesCoordinator, Series.unit_id)
        .join(Series, col(Series.id) == col(SeriesCoordinator.series_id))
        .where(SeriesCoordinator.unit_id == unit.id)
        .where(col(Series.ends_on).is_(None) | (col(Series.ends_on) >= on))
        .order_by(col(SeriesCoordinator.series_id))
    )
    for row, lead in list(coordinated):
        assert successor.id is not None
        taken = lead == successor.id or (
            session.get(SeriesCoordinator, (row.series_id, successor.id)) is not None
        )
        session.delete(row)
        if not taken:
            session.add(SeriesCoordinator(series_id=row.series_id, unit_id=successor.id))


def _refuse_key_clashes(session: Session, moving: Sequence[Directive], successor: Unit) -> None:
    """A key names one directive per unit: refuse a move that would give the successor two.

    Raises:
        Conflict: naming each directive that would clash and the successor's one.
    """
    from sqlmodel import col, select

    from dirtrack.models import Directive

    keys = {d.key: d.id for d in moving if d.key is not None}
    if not keys:
        return
    held = session.exec(
        select(Directive.id, Directive.key)
        .where(Directive.unit_id == successor.id)
        .where(col(Directive.key).in_(sorted(keys)))
        .order_by(col(Directive.id))
    ).all()
    if held:
        pairs = ", ".join(
            f"{keys[key]} & {other} ({key!r})" for other, key in held if key is not None
        )
        raise Conflict.of("retire_key_clash", successor=successor.code, pairs=pairs)


def log_move(
    session: Session, directive_id: int, on: date, old: tuple[int, str], new: tuple[int, str]
) -> None:
    """Record that directive ``directive_id`` passed on ``on`` from unit ``old`` to unit ``new``
    (id and code each), as ``unit retire`` moves it and an import of an export puts it back: a
    change row of :data:`dirtrack.moves.MOVE_ACTION`, which :func:`load_moves` reads."""
    from dirtrack.moves import MOVE_ACTION
    from dirtrack.store.history import log_action

    log_action(
        session,
        action=MOVE_ACTION,
        entity="directive",
        entity_id=directive_id,
        before={"unit_id": old[0], "unit": old[1]},
        after={"unit_id": new[0], "unit": new[1], "on": on.isoformat()},
    )


def log_handover(
    session: Session,
    directive_id: int,
    on: date,
    old: tuple[int, str],
    new: tuple[int, str] | None,
) -> None:
    """Record that on ``on`` unit ``old`` stopped coordinating directive ``directive_id`` and
    unit ``new`` began (None: none did), as ``unit retire`` hands coordination over: a change
    row of :data:`dirtrack.moves.COORDINATION_ACTION`, which :func:`load_handovers` reads."""
    from dirtrack.moves import COORDINATION_ACTION
    from dirtrack.store.history import log_action

    log_action(
        session,
        action=COORDINATION_ACTION,
        entity="directive",
        entity_id=directive_id,
        before={"unit_id": old[0], "unit": old[1]},
        after={
            "unit_id": new[0] if new else None,
            "unit": new[1] if new else None,
            "on": on.isoformat(),
        },
    )


def _logged(conn: Connection, action: str, directive_ids: Collection[int] | None) -> Any:
    """The change log's rows of ``action`` on directives (of ``directive_ids`` only, when
    given) that were not undone since, oldest first: entity id, before, after."""
    from sqlalchemy import select

    from dirtrack.store.tables import change_log

    query = (
        select(change_log.c.entity_id, change_log.c.before, change_log.c.after)
        .where(change_log.c.action == action, change_log.c.undone_by.is_(None))
        .order_by(change_log.c.id)
    )
    if directive_ids is not None:
        query = query.where(change_log.c.entity_id.in_(sorted(directive_ids)))
    return conn.execute(query)


def load_handovers(
    conn: Connection, directive_ids: Collection[int] | None = None
) -> dict[int, list[Handover]]:
    """Every recorded handover of a directive's coordination (of ``directive_ids`` only, when
    given), oldest first, by directive id; those undone since are left out."""
    from dirtrack.moves import COORDINATION_ACTION, handovers_from

    return handovers_from(_logged(conn, COORDINATION_ACTION, directive_ids))


def load_moves(
    conn: Connection, directive_ids: Collection[int] | None = None
) -> dict[int, list[Move]]:
    """Every recorded move of a directive between units (of ``directive_ids`` only, when
    given), oldest first, by directive id; moves undone since are left out."""
    from dirtrack.moves import MOVE_ACTION, moves_from

    return moves_from(_logged(conn, MOVE_ACTION, directive_ids))


def predecessors(index: UnitIndex, unit_id: int) -> set[int]:
    """``unit_id`` and every unit retired into it, directly or through other successors."""
    found, stack = {unit_id}, [unit_id]
    while stack:
        current = stack.pop()
        for uid, unit in index.units.items():
            if unit.successor_id == current and uid not in found:
                found.add(uid)
                stack.append(uid)
    return found
