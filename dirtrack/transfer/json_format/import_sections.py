"""The sections of an export read and written, but for directives and limitations: units (with
their aliases, contacts and parents), the office profile, the calendar, fields and leaders,
meetings, series, packs and urgings.

Directives and limitations are :mod:`.import_directives`; what every section shares is
:mod:`.import_state`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Count, Phrase
from dirtrack.models import Unit
from dirtrack.store import bulk
from dirtrack.store.fields import leader_key, leaders_named
from dirtrack.text import fold, fold_words, marks_agree, word_marks
from dirtrack.transfer.json_format.checks import check_code, check_contacts, find_cycle
from dirtrack.transfer.json_format.import_state import ImportState, no_id
from dirtrack.transfer.json_format.records import (
    BATCH,
    CalendarDayOut,
    FieldOut,
    LeaderOut,
    OfficeOut,
    PackItemOut,
    PackOut,
    SeriesOut,
    UnitOut,
    UrgedOut,
    UrgingOut,
)


def _alias_ids(unit: UnitOut) -> list[int | None]:
    """The ids of the unit's aliases, or None for each (a version 1 document)."""
    return list(unit.alias_ids) if unit.alias_ids is not None else [None for _ in unit.aliases]


class RegisterSections(ImportState):
    """Reading and writing the sections of the register around its directives."""

    def read_units(self, events: Iterator[tuple[str, str, Any]]) -> None:
        for i, unit in self.records("units", events):
            where = f"units[{i}]"
            check_code(unit.code, f"{where}.code", self.name)
            check_contacts(unit, f"{self.name}: {where}")
            self.new_id("units", unit.id)
            for contact in unit.contacts:
                self.new_id("units.contacts", contact.id)
            if unit.alias_ids is not None:
                if len(unit.alias_ids) != len(unit.aliases):
                    raise InvalidInput.of(
                        "json_alias_ids", where=f"{where}.alias_ids", n=len(unit.alias_ids),
                        aliases=Count("aliases", len(unit.aliases)),
                    )  # fmt: skip
                for alias_id in unit.alias_ids:
                    self.new_id("units.alias_ids", alias_id)
            self.units.append(unit)
        units = self.units
        # each name's units: two units may be named with the same letters and other marks
        # ("xã Hòa An", "xã Hóa An"), as unit add registers them; the marks are read only of
        # names whose letters another unit's name has
        keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for i, unit in enumerate(units):
            aliases: set[str] = set()  # one unit's aliases are distinct (folded), as its rows
            for alias in unit.aliases:
                if self.key(alias) in aliases:
                    raise InvalidInput.of(
                        "json_same_value", where=f"units[{i}].aliases", value=alias
                    )
                aliases.add(self.key(alias))
            for name in (unit.code, unit.name, *unit.aliases):
                key = fold_words(name)
                for other, code in keys[key]:
                    if code != unit.code and marks_agree(word_marks(name), word_marks(other)):
                        raise InvalidInput.of(
                            "json_name_taken", where=f"units[{i}]", value=name, unit=code
                        )
                keys[key].append((name, unit.code))
        if len({self.key(u.code) for u in units}) != len(units):
            raise InvalidInput.of("json_same_code")
        # a parent or successor named with another case or other marks: the unit it names
        for i, unit in enumerate(units):
            links = {link: getattr(unit, link) for link in ("parent", "successor")}
            named = {k: self.unit_code(v) for k, v in links.items() if v is not None}
            if any(named[k] != links[k] for k in named):
                units[i] = unit.model_copy(update=named)
        codes = {u.code: i for i, u in enumerate(units)}
        for link in ("parent", "successor"):
            links = {u.code: getattr(u, link) for u in units if getattr(u, link) is not None}
            for i, unit in enumerate(units):
                ref = links.get(unit.code)
                where = f"units[{i}].{link}"
                if ref is not None and ref not in codes:
                    raise InvalidInput.of("json_no_unit", where=where, code=ref)
                if ref == unit.code:
                    raise InvalidInput.of(
                        "json_own_link", where=where, code=unit.code, link=Phrase(f"w_{link}")
                    )
            done: set[str] = set()
            for unit in units:
                cycle = find_cycle(links, unit.code, done)
                if cycle is not None:
                    raise InvalidInput.of(
                        "json_link_cycle", where=f"units[{codes[cycle[0]]}].{link}",
                        link=Phrase(f"w_{link}"), chain=" → ".join(cycle),
                    )  # fmt: skip
        self.created["units"] = len(units)
        if self.write:
            self.write_units()
        self.progress.advance(len(units))

    def write_units(self) -> None:
        session, units = self.session, self.units
        rows = [
            no_id(
                {
                    "id": u.id,
                    "code": u.code,
                    "code_key": self.key(u.code),
                    "name": u.name,
                    "name_key": self.key(u.name),
                    "retired_on": u.retired_on,
                    "created_at": u.created_at,
                }
            )
            for u in units
        ]
        place: dict[str, int] = {}  # version 2: each unit's place in the list
        if self.version >= 2:  # the document's ids
            # A link to a unit before it in the list goes in with the row (that unit is
            # inserted first); one to a later unit once that is written. Updating every linked
            # unit after the insert read each one again for the change log, one query a unit.
            unit_ids = {u.code: u.id or 0 for u in units}
            place = {u.code: i for i, u in enumerate(units)}
            for i, (u, row) in enumerate(zip(units, rows, strict=True)):
                for link, column in (("parent", "parent_id"), ("successor", "successor_id")):
                    target = getattr(u, link)
                    row[column] = unit_ids[target] if target and place[target] < i else None
            bulk.insert_rows(session, bulk.UNIT, rows)
            ids = [u.id or 0 for u in units]
        else:
            ids = bulk.insert_returning_ids(session, bulk.UNIT, rows)
        self.unit_ids = dict(zip([u.code for u in units], ids, strict=True))
        unit_ids = self.unit_ids

        def unwritten(i: int, target: str | None) -> bool:  # a link the rows did not hold
            return bool(target) and place.get(target or "", i) >= i

        links = [
            {
                "id": unit_ids[u.code],
                "parent_id": unit_ids[u.parent] if u.parent else None,
                "successor_id": unit_ids[u.successor] if u.successor else None,
            }
            for i, u in enumerate(units)
            if unwritten(i, u.parent) or unwritten(i, u.successor)
        ]
        bulk.update_by_id(session, Unit, links)
        bulk.insert_rows(
            session,
            bulk.ALIAS,
            [
                no_id(
                    {
                        "id": alias_id,
                        "unit_id": unit_ids[u.code],
                        "alias": alias,
                        "alias_key": self.key(alias),
                    }
                )
                for u in units
                for alias, alias_id in zip(u.aliases, _alias_ids(u), strict=True)
            ],
        )
        bulk.insert_rows(
            session,
            bulk.CONTACT,
            [
                no_id({"unit_id": unit_ids[u.code], **c.model_dump()})
                for u in units
                for c in u.contacts
            ],
        )

    def read_office(self, events: Iterator[tuple[str, str, Any]]) -> None:
        def read(i: int, office: OfficeOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            if self.created["office"]:
                raise InvalidInput.of("json_same_id", what="office", id=office.id)
            recipients = office.recipients
            rows["office"].append(
                {
                    **office.model_dump(exclude={"recipients"}),
                    "recipients": None
                    if recipients is None
                    else json.dumps(recipients, ensure_ascii=False),
                }
            )

        self.section("office", events, read)

    def read_calendar(self, events: Iterator[tuple[str, str, Any]]) -> None:
        days: set[date] = set()

        def read(i: int, day: CalendarDayOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            if day.day in days:
                raise InvalidInput.of("json_same_value", where=f"calendar[{i}].day", value=day.day)
            days.add(day.day)
            rows["calendar_day"].append(day.model_dump())

        self.section("calendar", events, read)

    def read_fields(self, events: Iterator[tuple[str, str, Any]]) -> None:
        keys: set[str] = set()

        def read(i: int, found: FieldOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            check_code(found.code, f"fields[{i}].code", self.name)
            self.new_id("fields", found.id)
            key = fold(found.code)
            if key in keys:
                where = f"fields[{i}].code"
                raise InvalidInput.of("json_same_value", where=where, value=found.code)
            keys.add(key)
            self.field_ids[found.code] = found.id
            self.field_keys[key] = found.id
            rows["field"].append(
                {**found.model_dump(), "code_key": key, "name_key": fold(found.name)}
            )

        self.section("fields", events, read)

    def read_leaders(self, events: Iterator[tuple[str, str, Any]]) -> None:
        names: dict[int, str] = {}  # the leaders read, by their place
        keys: list[str] = []

        def read(i: int, leader: LeaderOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            where = f"leaders[{i}]"
            self.new_id("leaders", leader.id)
            if leaders_named(names, leader.name)[0]:  # one person (leader assign's rule)
                raise InvalidInput.of("json_same_value", where=f"{where}.name", value=leader.name)
            names[i] = leader.name
            key = leader_key(leader.name, keys)
            keys.append(key)
            rows["leader"].append({"id": leader.id, "name": leader.name, "name_key": key})
            for n, charge in enumerate(leader.assignments):
                at = f"{where}.assignments[{n}]"
                self.new_id("leaders.assignments", charge.id)
                if (charge.field is None) == (charge.unit is None):
                    raise InvalidInput.of("json_field_or_unit", where=at)
                if charge.unit is not None:
                    self.unit(charge.unit, f"{at}.unit")
                rows["leader_assignment"].append(
                    {
                        "id": charge.id,
                        "leader_id": leader.id,
                        "field_id": self.field_id(charge.field, f"{at}.field"),
                        "unit_id": self.unit_ids.get(charge.unit) if charge.unit else None,
                        "start": charge.start,
                    }
                )

        self.section("leaders", events, read)

    def read_series(self, events: Iterator[tuple[str, str, Any]]) -> None:
        def read(i: int, found: SeriesOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            where = f"series[{i}]"
            self.new_id("series", found.id)
            self.series_every[found.id] = found.every
            self.meeting_day(found.meeting_id, where)
            self.unit(found.unit, where)
            self.units_listed(found.with_, f"{where}.with", found.unit)
            if found.ends_on is not None and found.ends_on < found.starts_on:
                raise InvalidInput.of(
                    "json_ends_before", where=f"{where}.ends_on", day=found.ends_on,
                    start=found.starts_on,
                )  # fmt: skip
            rows["series"].append(
                {
                    **found.model_dump(exclude={"unit", "with_"}),
                    "unit_id": self.unit_ids.get(found.unit),
                }
            )
            rows["series_coordinator"] += (
                {"series_id": found.id, "unit_id": self.unit_ids.get(code)} for code in found.with_
            )

        self.section("series", events, read)

    def directives_named(self, items: list[PackItemOut] | list[UrgedOut], where: str) -> None:
        """Each of ``items`` names a directive read before, each a different one."""
        named: set[int] = set()
        for n, directive_id in enumerate(item.directive_id for item in items):
            at = f"{where}[{n}].directive_id"
            self.ref("directives", directive_id, at)
            if directive_id in named:
                raise InvalidInput.of("json_same_value", where=at, value=directive_id)
            named.add(directive_id)

    def read_packs(self, events: Iterator[tuple[str, str, Any]]) -> None:
        tokens: set[str] = set()

        def read(i: int, pack: PackOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            where = f"packs[{i}]"
            self.new_id("packs", pack.id)
            if pack.token in tokens:
                raise InvalidInput.of("json_same_value", where=f"{where}.token", value=pack.token)
            tokens.add(pack.token)
            self.unit(pack.unit, f"{where}.unit")
            rows["pack"].append(
                {
                    **pack.model_dump(exclude={"unit", "items"}),
                    "unit_id": self.unit_ids.get(pack.unit),
                }
            )
            self.directives_named(pack.items, f"{where}.items")
            for item in pack.items:
                self.new_id("packs.items", item.id)
                rows["pack_item"].append({**item.model_dump(), "pack_id": pack.id})

        self.section("packs", events, read)

    def read_urgings(self, events: Iterator[tuple[str, str, Any]]) -> None:
        def read(i: int, urging: UrgingOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            where = f"urgings[{i}]"
            self.new_id("urgings", urging.id)
            self.unit(urging.unit, f"{where}.unit")
            rows["urging"].append(
                {
                    **urging.model_dump(exclude={"unit", "directives"}),
                    "unit_id": self.unit_ids.get(urging.unit),
                }
            )
            self.directives_named(urging.directives, f"{where}.directives")
            rows["urging_directive"] += (
                {**named.model_dump(), "urging_id": urging.id} for named in urging.directives
            )

        self.section("urgings", events, read)

    def read_meetings(self, events: Iterator[tuple[str, str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        attendees: list[dict[str, Any]] = []
        for i, meeting in self.records("meetings", events):
            where = f"meetings[{i}]"
            if meeting.id in self.held:
                raise InvalidInput.of("json_same_id", what="meetings", id=meeting.id)
            self.held[meeting.id] = meeting.date
            self.units_listed(meeting.attendees, f"{where}.attendees")
            if meeting.key is not None:
                if meeting.key in self.meeting_keys:
                    raise InvalidInput.of("json_same_meeting_key", key=meeting.key)
                self.meeting_keys.add(meeting.key)
            self.created["meetings"] += 1
            if not self.write:
                continue
            rows.append(
                {
                    **meeting.model_dump(exclude={"attendees", "kind"}),
                    "kind": meeting.kind.value,
                }
            )
            attendees += (
                {"meeting_id": meeting.id, "unit_id": self.unit_ids[code]}
                for code in meeting.attendees
            )
            if len(rows) >= BATCH:
                self.flush_meetings(rows, attendees)
        self.flush_meetings(rows, attendees)

    def flush_meetings(self, rows: list[dict[str, Any]], attendees: list[dict[str, Any]]) -> None:
        bulk.insert_rows(self.session, bulk.MEETING, rows)
        bulk.insert_rows(self.session, bulk.ATTENDEE, attendees)
        self.progress.advance(len(rows))
        rows.clear()
        attendees.clear()
