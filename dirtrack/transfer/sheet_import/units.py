"""The units a row names: a lead or coordinating unit cell read as registered units (by name,
code, alias, initials, after a person's title, told apart by a level column), groups of bodies
kept as words, unknown units noted for the result (and made with ``--create-units``), and the
codes new units get.

Matching names to units is :class:`dirtrack.store.units.UnitIndex`; splitting a cell into names is
:mod:`dirtrack.transfer.values`. A heading naming the unit of the rows under it is
:mod:`.row_kinds`.
"""

from __future__ import annotations

import re
from typing import Any

from dirtrack.errors import Conflict, DirtrackError, InvalidInput, NotFound
from dirtrack.i18n import FirstFew, Phrase
from dirtrack.store import bulk, limits
from dirtrack.text import fold, fold_words, marks_agree, nfc, word_marks
from dirtrack.transfer import values as cells
from dirtrack.transfer.sheet_import.plan import NewUnit, Planned
from dirtrack.transfer.sheet_import.state import ImportState, UnitsFound, remember
from dirtrack.transfer.values import Value


class UnitNames(ImportState):
    """Reading unit names in a row's cells (see the module)."""

    def _lookup(self, name: str) -> int | DirtrackError:
        """An existing unit's id, or why ``name`` names none (NotFound: unknown; else
        ambiguous or not a unit's name)."""
        cached = self._ref_cache.get(name)
        if cached is not None:
            return cached
        try:
            unit = self.index.resolve(name, noted=False)  # the row says what it was read as
            assert unit.id is not None
            found: int | DirtrackError = unit.id
        except (NotFound, Conflict, InvalidInput) as exc:
            found = exc
        return remember(self._ref_cache, name, found)

    def _unknown(self, name: str, message: NotFound, p: Planned) -> None:
        """Note ``name``, which no registered unit answers to, among the unknown units the
        result lists (one entry per name, with the rows naming it)."""
        key, marks = fold_words(name), word_marks(name)
        place, n = key, 0  # its letters, and its marks ("xã Hòa An" is no "xã Hóa An")
        while place in self.unknown and not marks_agree(
            marks, word_marks(self.unknown[place]["name"])
        ):
            n += 1
            place = f"{key}#{n}"
        entry = self.unknown.setdefault(place, {"name": name, "rows": [], "message": message})
        entry["rows"].append(p.label)

    def _level(self, values: list[Value]) -> str | None:
        """The level the row's level column gives its lead unit (``Cấp tỉnh``, ``Huyện``):
        ``tinh``, ``huyen`` or ``xa``, or None."""
        i = self.layout.level_column
        if i is None or i >= len(values) or cells.is_blank(values[i]):
            return None
        return _level_of(fold_words(cells.text(values[i])))

    def _at_level(self, name: str, level: str | None) -> int | DirtrackError:
        """:meth:`_lookup`, a name several units answer to (``Ủy ban Kiểm tra``: of the Tỉnh ủy
        and of a Huyện ủy) told apart by the level beside it: the one unit whose name says
        that level."""
        found = self._lookup(name)
        if level is None or not isinstance(found, Conflict):
            return found
        units = self.index.units
        at = [
            uid
            for uid in self.index.candidates(name)
            if _level_of(fold_words(units[uid].name)) == level
        ]
        return at[0] if len(at) == 1 else found

    def _units(
        self,
        value: Value,
        p: Planned,
        column: Any,
        *,
        lead: bool = False,
        level: str | None = None,
    ) -> list[int]:
        raw = cells.raw_lines(value)
        cached = self._unit_cache.get((raw, lead, level))
        if cached is None:
            found = self._resolve_cell(value, lead, level)
            cached = remember(self._unit_cache, (raw, lead, level), found)
        refs, errors, groups, read_as = cached
        for key, name, ref in read_as:
            where = column.letter if column is not None else ""
            label = self.index.label(ref)
            code = self.index.code(ref)
            p.warn(Phrase(key, name=name, unit=label, column=where, code=code))
        for name in groups:
            # the words kept in the row's note, under the column's header as a note column's
            kept = f"{column.header}: {name}" if column is not None and column.header else name
            if p.with_groups is None:
                p.with_groups = []
            if kept not in p.with_groups:
                p.with_groups.append(kept)
                where = column.letter if column is not None else ""
                p.warn(Phrase("warn_with_group", name=name, column=where))
        for message in errors:
            p.problem(message, column)
            if isinstance(message, NotFound):
                self._unknown(str(message.params.get("ref", "")), message, p)
        for ref in refs:
            if ref < 0:
                self.new_units[-ref - 1].rows.append(p.row)
        return refs

    def _resolve_cell(self, value: Value, lead: bool, level: str | None = None) -> UnitsFound:
        """The units a cell names; a name of a group of bodies no registered unit is named
        after (``UBND các huyện, thị xã, thành phố``, ``Các sở, ban, ngành``) is never made one
        new unit: as lead unit it is refused (the row needs one unit to answer for it); as
        coordinating unit it is kept as words (returned apart), the row's note says it."""
        refs: list[int] = []
        errors: list[DirtrackError | Phrase] = []
        groups: list[str] = []
        # names read as a unit they are not written as, with the warning that says so
        read_as: list[tuple[str, str, int]] = []
        for pieces in cells.unit_pieces(value):
            whole = self._at_level(", ".join(pieces), level) if len(pieces) > 1 else None
            if isinstance(whole, int):
                refs.append(whole)
                continue
            i = 0
            while i < len(pieces):
                for j in range(len(pieces), i, -1):
                    found = self._at_level(", ".join(pieces[i:j]), level)
                    if isinstance(found, int):
                        refs.append(found)
                        i = j
                        break
                else:
                    found = self._at_level(pieces[i], level)
                    assert isinstance(found, DirtrackError)
                    short = self.index.by_initials(pieces[i]) if isinstance(found, NotFound) else []
                    if len(short) == 1:
                        # "Sở KH&ĐT": the one registered unit whose name it writes by initials
                        refs.append(short[0])
                        read_as.append(("warn_unit_initials", nfc(pieces[i]), short[0]))
                    elif (
                        isinstance(found, NotFound)
                        and (titled := self._after_title(pieces[i], level)) is not None
                    ):
                        # "Giám đốc Sở Nội vụ": the unit, its head's title left out
                        refs.append(titled)
                        read_as.append(("warn_unit_title", nfc(pieces[i]), titled))
                    elif isinstance(found, NotFound) and cells.names_bodies(pieces[i]):
                        if lead:
                            errors.append(Phrase("row_several_units", name=nfc(pieces[i])))
                        else:
                            groups.append(nfc(pieces[i]))
                    elif isinstance(found, NotFound) and self.options.create_units:
                        # A name longer than a unit's is the row's problem, --dry-run's too.
                        longer = limits.too_long(bulk.UNIT, "name", nfc(pieces[i]))
                        made = self._new_unit(pieces[i]) if longer is None else longer
                        if isinstance(made, int):
                            refs.append(made)
                        else:
                            errors.append(made)
                    else:
                        errors.append(found)
                    i += 1
        unique = list(dict.fromkeys(refs))
        return unique, errors, groups, read_as

    def _after_title(self, name: str, level: str | None) -> int | None:
        """The registered unit a name is after a person's title (``Giám đốc Sở Nội vụ``)."""
        for rest in cells.after_titles(name):
            found = self._at_level(rest, level)
            if isinstance(found, int):
                return found
        return None

    def _new_unit(self, name: str) -> int | Conflict:
        """The new unit ``name`` names: one already planned of its letters and marks (written
        with other case, tone placement, or without marks), else a new one (``xã Hóa An``
        beside ``xã Hòa An``, as ``unit add`` registers them); ambiguous when it is written
        without the marks that tell two planned ones apart."""
        named = self.new_unit_refs.named(name)
        if len(named) > 1:
            units = FirstFew([self.new_units[-ref - 1].name for ref in named])
            return Conflict.of("unit_ambiguous", ref=nfc(name), units=units)
        if named:
            return named[0]
        self.new_units.append(NewUnit(nfc(name)))
        ref = -len(self.new_units)
        self.new_unit_refs.put(name, ref)
        return ref

    def _unit_label(self, ref: int) -> str:
        if ref > 0:
            return self.index.code(ref)
        unit = self.new_units[-ref - 1]
        return unit.code or unit.name

    def _new_codes(self) -> None:
        """Give each new unit its code (:func:`unit_code`), once: none that a registered unit's
        code, name or alias, or another new unit's code, already is."""
        if not self.new_units or self.new_units[0].code:
            return
        taken: set[str] = set()
        for info in self.index.all_info():
            taken.update(fold_words(x) for x in (info.code, info.name, *info.aliases))
        for new in self.new_units:
            new.code = unit_code(new.name, taken)


# The level a unit's name or a level cell says, folded: a commune's words before a district's
# ("thị xã" is a district, "xã" alone a commune), a district's before the province's.
_LEVELS = (
    ("xa", re.compile(r"(?<!thi )\bxa\b|\bphuong\b|\bthi tran\b")),
    ("huyen", re.compile(r"\bhuyen\b|\bthi xa\b|\bthanh pho\b")),
    ("tinh", re.compile(r"\btinh\b")),
)


def _level_of(folded: str) -> str | None:
    return next((name for name, words in _LEVELS if words.search(folded)), None)


def unit_code(name: str, taken: set[str]) -> str:
    """A code for a new unit from its name's initials: ``Ban Tổ chức Tỉnh ủy`` -> ``BTCTU``;
    acronyms stay whole (``UBND huyện`` -> ``UBNDH``); a number is added when it is taken."""
    parts = []
    for word in re.findall(r"\w+", nfc(name)):
        if word.isdigit():
            parts.append(word)
        elif len(word) > 1 and word.isupper():
            parts.append(fold(word).upper())
        else:
            parts.append(fold(word)[0].upper())
    base = "".join(parts)[:16] or "DV"
    code, n = base, 2
    while fold_words(code) in taken:
        code, n = f"{base}{n}", n + 1
    taken.add(fold_words(code))
    return code
