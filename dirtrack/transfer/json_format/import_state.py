"""What an export's import keeps while it reads the document, section by section: the records
read so far (as much as the checks need: units, meetings, the ids of every kind of record, the
keys), the steps every section shares (its records read and checked against their model, written
in batches, a refusal naming the record), and the checks that ask what was read before (a unit's
code, a meeting's day, a field).

The sections themselves are :mod:`.import_sections` and :mod:`.import_directives`; the
document's order, :mod:`.importer`.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from dirtrack import models
from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.store import bulk
from dirtrack.text import fold
from dirtrack.transfer.base import Progress
from dirtrack.transfer.json_format.checks import (
    Ids,
    check_columns,
    check_keys,
    check_values,
    key_as_typed,
    location,
    record_in_nfc,
    what_is_wrong,
)
from dirtrack.transfer.json_format.reading import Guarded, ijson_items
from dirtrack.transfer.json_format.records import (
    BATCH,
    COLUMN_TABLES,
    SECTION_MODELS,
    UNIT_REFERENCES,
    VERSION,
    UnitOut,
    named_units,
)


def no_id(row: dict[str, Any]) -> dict[str, Any]:
    """The row, without its id when it has none (a version 1 document: the database gives one)."""
    if row.get("id", 0) is None:
        del row["id"]
    return row


class ImportState:
    """One import: the records read so far (as much as the checks need), and the writes.

    What is kept grows with the small sections only (units, meetings, limitations: their
    references and dates); of the directives only their ids (8 bytes each, for duplicates) and
    the keys of those that have one.
    """

    def __init__(self, session: Session, name: str, *, write: bool, progress: Progress) -> None:
        self.session = session
        self.name = name
        self.write = write
        self.progress = progress
        self.units: list[UnitOut] = []
        self.unit_ids: dict[str, int] = {}
        self.unit_keys: dict[str, str] = {}  # a unit's code, name or alias -> its search key
        self.held: dict[int, date] = {}  # meeting id -> its day
        self.meeting_keys: set[str] = set()
        self.directives = Ids("directives")
        self.directive_keys: set[tuple[str, str]] = set()
        self.repeats: dict[int, int | None] = {}  # limitation id -> the one it repeats
        self.forward: list[dict[str, int]] = []  # links to limitations not yet written
        self.version = VERSION  # set from the document's "version", read before any section
        self.source: Guarded | None = None  # the document's bytes, once opened
        self.ids = {
            what: Ids(what)
            for what in (
                "units", "units.contacts", "units.alias_ids", "fields", "leaders",
                "leaders.assignments", "series", "directives.progress", "directives.extensions",
                "directives.requests", "directives.closures", "directives.returned_completions",
                "packs", "packs.items", "urgings",
            )
        }  # fmt: skip
        self.ids["directives"] = self.directives
        self.field_ids: dict[str, int] = {}  # field code -> id
        self.field_keys: dict[str, int] = {}  # field code folded -> id
        self.periods: set[tuple[int, str]] = set()  # (series id, period) of the occurrences
        self.series_every: dict[int, str] = {}  # series id -> what it runs by (month…)
        self.created = dict.fromkeys(
            (
                "units", "meetings", "directives", "progress", "extensions", "limitations",
                "office", "calendar", "fields", "leaders", "series", "results", "requests",
                "packs", "urgings",
            ),
            0,
        )  # fmt: skip

    def records(
        self, section: str, events: Iterator[tuple[str, str, Any]]
    ) -> Iterator[tuple[int, Any]]:
        """The section's records, checked against its model, with their index."""
        first = next(events, None)
        if first is None or first[1] != "start_array":
            raise InvalidInput.of(
                "json_record", name=self.name, where=section,
                detail=Phrase("json_not_list"), more="",
            )  # fmt: skip
        model = SECTION_MODELS[section]
        end = functools.partial(operator.ne, (section, "end_array", None))
        items = ijson_items(itertools.takewhile(end, events), f"{section}.item")
        source = self.source
        references = UNIT_REFERENCES.get(section, ())
        for i, raw in enumerate(items):
            try:
                # Its texts were looked at for NFC with the bytes they came in, when all were.
                in_nfc = source is not None and source.in_nfc
                raw = raw if in_nfc else record_in_nfc(raw)
                for path in references:
                    named_units(raw, path, self.unit_code)
                record = model.model_validate(raw)
            except ValidationError as exc:
                self.refuse(exc, section, i)
            check_keys(record, f"{section}[{i}]", self.version, self.name)
            # named in the file, as every other refusal of a record is
            check_values(record, f"{self.name}: {section}[{i}]")
            if table := COLUMN_TABLES.get(section):
                check_columns(record, table, f"{self.name}: {section}[{i}]")
            yield i, key_as_typed(record)

    def new_id(self, what: str, record_id: int | None) -> None:
        self.ids[what].add(record_id)

    def ref(self, what: str, record_id: int | None, where: str) -> None:
        """``record_id`` (unless None) names a record of ``what`` read before."""
        if record_id is not None and record_id not in self.ids[what]:
            raise InvalidInput.of("json_no_ref", where=where, what=what, id=record_id)

    def field_id(self, code: str | None, where: str) -> int | None:
        """The id of the field ``code`` names: as written, or with another case, other accents
        or tone marks, as a unit's code is read (:meth:`unit_code`) and as every command finds
        a field (:func:`dirtrack.store.fields.resolve_field`)."""
        if code is None:
            return None
        found = self.field_ids.get(code)
        if found is None:
            found = self.field_keys.get(fold(code))
        if found is None:
            raise InvalidInput.of("json_no_field", where=where, code=code)
        return found

    def flush(self, rows: dict[str, list[dict[str, Any]]], records: int) -> None:
        """Write the rows gathered (table name -> rows, in the order of ``rows``: a table
        before those that refer to it) and count ``records`` done."""
        if self.write:
            tables = models.metadata().tables
            for table, group in rows.items():
                bulk.insert_rows(self.session, tables[table], group)
        rows.clear()
        self.progress.advance(records)

    def section(
        self,
        section: str,
        events: Iterator[tuple[str, str, Any]],
        read: Callable[[int, Any, dict[str, list[dict[str, Any]]]], None],
    ) -> None:
        """Read a section: ``read`` checks each record and adds its rows; they are written
        ``BATCH`` records at a time."""
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        count = 0
        for i, record in self.records(section, events):
            read(i, record, rows)
            self.created[section] += 1
            count += 1
            if count == BATCH:
                self.flush(rows, count)
                count = 0
        self.flush(rows, count)

    def refuse(self, exc: ValidationError, section: str, index: int) -> None:
        first = exc.errors()[0]
        more = exc.error_count() - 1
        raise InvalidInput.of(
            "json_record",
            name=self.name,
            where=location((section, index, *first["loc"])),
            detail=what_is_wrong(first),
            more=Phrase("json_more", n=more) if more else "",
        ) from None

    def key(self, name: str) -> str:
        """The search key of a unit's code, name or alias (:func:`~dirtrack.text.fold`), made
        once though the checks and the rows each ask for it."""
        found = self.unit_keys.get(name)
        if found is None:
            found = self.unit_keys[name] = fold(name)
        return found

    def unit_code(self, code: str) -> str:
        """The code of the unit that ``code`` names: as written, or with another case, other
        accents or tone marks (``btc``, ``ĐBQH`` for ``DBQH``), as every command finds a unit
        by its code; ``code`` itself when no unit has it (refused where it is checked)."""
        if code in self.known_units:
            return code
        return self.code_keys.get(self.key(code), code)

    @functools.cached_property
    def code_keys(self) -> dict[str, str]:
        return {self.key(u.code): u.code for u in self.units}

    def unit(self, code: str, where: str) -> None:
        if code not in self.known_units:
            raise InvalidInput.of("json_no_unit", where=where, code=code)

    def units_listed(self, codes: Iterable[str], where: str, lead: str | None = None) -> None:
        """The units of a list (a meeting's attendees, coordinating units): each known, named
        once, and not the lead unit, as the commands keep them (the database holds one link per
        unit, and a lead unit is never its own coordinating unit)."""
        seen: set[str] = set()
        for code in codes:
            self.unit(code, where)
            if code in seen:
                raise InvalidInput.of("json_same_value", where=where, value=code)
            if code == lead:
                raise InvalidInput.of(
                    "json_own_link", where=where, code=code, link=Phrase("w_coordinator")
                )
            seen.add(code)

    @functools.cached_property
    def known_units(self) -> set[str]:
        return {u.code for u in self.units}

    def meeting_day(self, meeting_id: int, where: str) -> date:
        held = self.held.get(meeting_id)
        if held is None:
            raise InvalidInput.of("json_no_meeting", where=f"{where}.meeting_id", id=meeting_id)
        return held

    def not_before(
        self,
        where: str,
        meeting: int,
        held: date,
        what: str,
        day: date | None,
        issued: date | None = None,
    ) -> None:
        """Refuse ``day`` before the meeting, or before ``issued``, the day an occurrence of a
        series was issued (:func:`dirtrack.store.directives.not_before_given`)."""
        if day is not None and day < held:
            raise InvalidInput.of(
                "json_before_meeting", where=where, what=Phrase(f"day_{what}"), day=day,
                meeting=meeting, held=held,
            )  # fmt: skip
        if day is not None and issued is not None and day < issued:
            raise InvalidInput.of(
                "json_before_issued", where=where, what=Phrase(f"day_{what}"), day=day,
                issued=issued,
            )  # fmt: skip
