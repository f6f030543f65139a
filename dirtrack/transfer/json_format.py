"""The dirtrack export: every record, losslessly, as one JSON document (format version 5).

``{"format": "dirtrack-export", "version": 5, "office": […], "calendar": […], "units": […],
"fields": […], "leaders": […], "meetings": […], "series": […], "directives": […],
"limitations": […], "packs": […], "urgings": […]}``. Records hold facts, never values derived
as of a day (status, the deadline in force, days overdue): those follow from the facts. Each
list is in id order (units in code order, calendar days by day); every record carries its id;
references between records are unit and field codes and the ids of the others. The models below
are the format's definition; README.md documents it. A change to the format raises ``VERSION``;
a document of an older version (:data:`READS`) is still read, its missing parts as none.

Both directions stream, so that memory stays flat in the register's size: the export writes
each record as it is read from the database (:func:`export_chunks`), and the import reads one
record at a time (ijson), checks it and writes it in batches, all in the command's one
transaction (:func:`run`). Importing a document puts every record back with its id into an empty
database, so that export → import → export gives the same bytes, and the two databases hold the
same rows in every table but the change log.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import json
import operator
import re
import unicodedata
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Annotated, Any, Literal, TypeVar, get_args, get_origin

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
)
from pydantic_core import PydanticCustomError
from sqlmodel import Session

from dirtrack import models
from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import Count, Phrase, cut
from dirtrack.inputs import json_problem, os_reason
from dirtrack.models import MAX_ID, Category, Limitation, MeetingKind, Unit
from dirtrack.periods import FIRST_YEAR, LAST_YEAR
from dirtrack.records import RecordStream
from dirtrack.store import bulk
from dirtrack.store import tables as t
from dirtrack.store.tables import pages
from dirtrack.store.units import (
    load_handovers,
    load_moves,
    log_handover,
    log_move,
    unit_codes,
    was_ever_a_code,
)
from dirtrack.text import (
    control_character,
    fold,
    fold_words,
    has_direction,
    is_blank,
    nfc,
    text_limit,
    without_direction,
)
from dirtrack.transfer.base import ImportOptions, ImportResult, NoProgress, Progress

FORMAT = "dirtrack-export"
VERSION = 5
READS = (1, 2, 3, 4, 5)  # the versions import reads: version 1 lacks every id but meetings',
# directives' and limitations', and the sections and keys added in version 2 (read as none);
# version 2 lacks the moves of directives (read as none); version 3 their handovers (read as
# none); version 4 their closures reopenings ended (read as none)
SECTIONS = (
    "office",
    "calendar",
    "units",
    "fields",
    "leaders",
    "meetings",
    "series",
    "directives",
    "limitations",
    "packs",
    "urgings",
)
REQUIRED = ("units", "meetings", "directives", "limitations")  # in every version
BATCH = 2000  # records written (and read, on export) per statement
_VERSION = re.compile(rb'"version"\s*:\s*(\d+)')
_BOM = b"\xef\xbb\xbf"


def _text_only(value: object) -> object:
    """Dates and timestamps are JSON strings (ISO 8601), never numbers."""
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    return value


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_only(value: object) -> object:
    """A date is ``YYYY-MM-DD``, as an export writes it: a timestamp is no date, even at
    midnight (pydantic would read ``2025-02-03T00:00:00`` as the day and drop the time)."""
    value = _text_only(value)
    if not _DAY.fullmatch(str(value)):
        raise PydanticCustomError("date_parsing", "Input should be a valid date")
    return value


# The records are checked strictly (no number for a string, no 1.0 for 1); dates, timestamps
# and the named values (kind, category) are read from their JSON strings.
Day = Annotated[date, BeforeValidator(_day_only), Strict(False)]
# A timestamp has its UTC offset, as the database keeps it (an export writes it): pydantic's
# AwareDatetime, checked in its core (no Python call per timestamp).
Stamp = Annotated[AwareDatetime, BeforeValidator(_text_only), Strict(False)]
Kind = Annotated[MeetingKind, Strict(False)]
Group = Annotated[Category, Strict(False)]


# Every id, and every reference to one, as the database holds it (PostgreSQL's INTEGER): a
# larger one is refused on SQLite too, so an export moves between the backends either way.
Id = Annotated[int, Field(gt=0, le=MAX_ID)]
# An id added in version 2: absent from older documents (the database gives one), required in
# version 2 ones (:meth:`_Import.need_id`).
NewId = Id | None
# A text kept as written, even empty (fingerprints): never checked for blank text.
RAW: dict[str, Any] = {"raw": True}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class OfficeOut(_Record):
    id: Literal[1]
    kind: Literal["party", "state"]
    parent_body: str | None
    body: str | None
    code: str | None
    place: str | None
    signer_name: str | None
    signer_title: str | None
    signer_authority: str | None
    recipients: list[str] | None
    template: str | None
    accepts_completions: bool | None
    on_time_by: Literal["document", "acceptance"] | None


class CalendarDayOut(_Record):
    day: Day
    off: bool
    note: str | None
    created_at: Stamp


class ContactOut(_Record):
    id: NewId = None
    role: Literal["focal", "head"]
    name: str = Field(min_length=1, max_length=200)
    email: str | None
    phone: str | None
    created_at: Stamp


class UnitOut(_Record):
    id: NewId = None
    code: str = Field(min_length=1)
    name: str = Field(min_length=1)
    parent: str | None
    successor: str | None
    retired_on: Day | None
    aliases: list[str]
    # The ids of the aliases, in the same order (absent before version 2).
    alias_ids: list[Id] | None = None
    created_at: Stamp
    # Absent from documents written before units had contacts: read as none.
    contacts: list[ContactOut] = Field(default_factory=list)


class FieldOut(_Record):
    id: Id
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=400)


class AssignmentOut(_Record):
    id: Id
    field: str | None
    unit: str | None
    start: Day


class LeaderOut(_Record):
    id: Id
    name: str = Field(min_length=1, max_length=400)
    assignments: list[AssignmentOut]


class MeetingOut(_Record):
    id: Id
    date: Day
    title: str = Field(min_length=1)
    kind: Kind
    chair: str | None
    chair_title: str | None
    doc: str | None
    note: str | None
    key: str | None
    attendees: list[str]
    created_at: Stamp


class SeriesOut(_Record):
    id: Id
    meeting_id: Id
    unit: str
    with_: list[str] = Field(alias="with")
    text: str = Field(min_length=1)
    every: Literal["month", "quarter", "half-year", "year"]
    day: int | None = Field(ge=1, le=31)
    offset: int | None = Field(ge=0, le=366)
    starts_on: Day
    ends_on: Day | None
    next_start: Day | None
    product: str | None
    key: str | None = Field(max_length=200)
    created_at: Stamp


class ProgressOut(_Record):
    id: NewId = None
    reported_on: Day
    percent: int | None = Field(ge=0, le=100)
    note: str | None
    created_at: Stamp


class ExtensionOut(_Record):
    id: NewId = None
    approved_on: Day
    new_due: Day
    due_text: str | None
    reason: str | None
    created_at: Stamp


class ResultOut(_Record):
    claimed_on: Day
    doc: str | None = Field(max_length=200)
    doc_date: Day | None
    file: str | None
    file_hash: str | None = Field(max_length=128)
    verdict: Literal["meets", "exceeds", "short"] | None
    accepted_on: Day | None
    returned_on: Day | None
    return_reason: str | None


class RequestOut(_Record):
    id: Id
    kind: Literal["extend", "withdraw"]
    asked_on: Day
    to_due: Day | None
    due_text: str | None
    reason: str = Field(min_length=1)
    doc: str | None = Field(max_length=200)
    decision: Literal["approved", "rejected"] | None
    decided_on: Day | None
    decision_doc: str | None = Field(max_length=200)
    decision_reason: str | None
    objective: bool
    extension_id: Id | None


class ClosureOut(_Record):
    """A completion (``done``), cancellation or withdrawal of ``closed_on`` that a reopening
    on ``reopened_on`` ended: its note (the completion's) or reason (the cancellation's), the
    completion's result document, and the reason for reopening."""

    id: Id
    kind: Literal["done", "cancelled", "withdrawn"]
    closed_on: Day
    completed_on_exact: bool
    note: str | None
    result: ResultOut | None
    reopened_on: Day
    reopen_reason: str | None


class MoveOut(_Record):
    """On ``on`` the directive passed from unit ``from`` to unit ``to`` (``unit retire``)."""

    on: Day
    from_: str = Field(alias="from")
    to: str


class HandoverOut(_Record):
    """On ``on`` unit ``from`` stopped coordinating the directive, and unit ``to`` began (null:
    none did, the successor leading or coordinating it already) (``unit retire``)."""

    on: Day
    from_: str = Field(alias="from")
    to: str | None


class DirectiveOut(_Record):
    id: Id
    meeting_id: Id
    unit: str
    with_: list[str] = Field(alias="with")
    text: str = Field(min_length=1)
    original_due: Day | None
    due_text: str | None
    product: str | None
    key: str | None
    completed_on: Day | None
    # False: done by completed_on, the exact day unknown (absent in older exports: true)
    completed_on_exact: bool = True
    completion_note: str | None
    cancelled_on: Day | None
    cancel_reason: str | None
    created_at: Stamp
    progress: list[ProgressOut]
    extensions: list[ExtensionOut]
    # Version 2 (absent from older documents: none).
    series_id: Id | None = None
    period: str | None = Field(default=None, max_length=16)
    issued_on: Day | None = None
    withdrawn_on: Day | None = None
    field: str | None = None
    result: ResultOut | None = None
    requests: list[RequestOut] = Field(default_factory=list)
    # Version 3 (absent from older documents: none).
    moves: list[MoveOut] = Field(default_factory=list)
    # Version 4 (absent from older documents: none).
    handovers: list[HandoverOut] = Field(default_factory=list)
    # Version 5 (absent from older documents: none).
    closures: list[ClosureOut] = Field(default_factory=list)


class LimitationOut(_Record):
    id: Id
    meeting_id: Id
    unit: str
    text: str = Field(min_length=1)
    category: Group
    resolved_on: Day | None
    resolve_note: str | None
    repeat_of: Id | None
    created_at: Stamp


class PackItemOut(_Record):
    id: Id
    directive_id: Id
    role: Literal["lead", "with"]
    base: str = Field(max_length=64, json_schema_extra=RAW)
    shown: str = Field(json_schema_extra=RAW)
    answer: str | None = Field(max_length=64, json_schema_extra=RAW)
    settled: str | None = Field(max_length=64, json_schema_extra=RAW)
    answered_on: Day | None
    # What each reading did to the directive (JSON [before, after] pairs); absent from exports
    # made before it existed.
    steps: str | None = Field(default=None, json_schema_extra=RAW)


class PackOut(_Record):
    id: Id
    token: str = Field(min_length=1, max_length=64)
    unit: str
    period_label: str = Field(min_length=1, max_length=64)
    period_start: Day
    period_end: Day
    made_on: Day
    answer_by: Day
    file: str | None
    sent_at: Stamp | None
    sent_to: str | None
    sent_cc: str | None
    answered_on: Day | None
    created_at: Stamp
    items: list[PackItemOut]


class UrgedOut(_Record):
    directive_id: Id
    overdue: bool


class UrgingOut(_Record):
    id: Id
    unit: str
    issued_on: Day
    as_of: Day
    number: str | None = Field(max_length=200)
    reply_by: Day | None
    created_at: Stamp
    directives: list[UrgedOut]


SECTION_MODELS: dict[str, type[_Record]] = {
    "office": OfficeOut,
    "calendar": CalendarDayOut,
    "units": UnitOut,
    "fields": FieldOut,
    "leaders": LeaderOut,
    "meetings": MeetingOut,
    "series": SeriesOut,
    "directives": DirectiveOut,
    "limitations": LimitationOut,
    "packs": PackOut,
    "urgings": UrgingOut,
}


#: Where each section's records name a unit by its code (``*``: every item of a list), as
#: read before the record is checked: a code written with another case, other accents or tone
#: marks is the unit's, as every command takes it (:meth:`_Import.unit_code`).
UNIT_REFERENCES: dict[str, tuple[tuple[str, ...], ...]] = {
    "leaders": (("assignments", "*", "unit"),),
    "meetings": (("attendees", "*"),),
    "series": (("unit",), ("with", "*")),
    "directives": (
        ("unit",),
        ("with", "*"),
        ("moves", "*", "from"),
        ("moves", "*", "to"),
        ("handovers", "*", "from"),
        ("handovers", "*", "to"),
    ),
    "limitations": (("unit",),),
    "packs": (("unit",),),
    "urgings": (("unit",),),
}


def _named_units(raw: Any, path: tuple[str, ...], code: Callable[[str], str]) -> None:
    """Write each unit code at ``path`` in the raw record ``raw`` as ``code`` gives it; what is
    not there or not a text is left for the record's check to refuse."""
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(raw, list):
            for i, item in enumerate(raw):
                if rest:
                    _named_units(item, rest, code)
                elif isinstance(item, str):
                    raw[i] = code(item)
        return
    if not isinstance(raw, dict) or step not in raw:
        return
    if rest:
        _named_units(raw[step], rest, code)
    elif isinstance(raw[step], str):
        dict.__setitem__(raw, step, code(raw[step]))  # replaced: no key given twice (_Object)


# --- export ---------------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _office(row: Any) -> dict[str, Any]:
    recipients = row["recipients"]
    return {
        **{c: row[c] for c in OfficeOut.model_fields if c != "recipients"},
        "recipients": json.loads(recipients) if recipients is not None else None,
    }


def export_doc(session: Session, progress: Progress | None = None) -> dict[str, Any]:
    """Every record of the database as the export document, in the order of
    :data:`SECTIONS`: plain dicts, the long lists as :class:`RecordStream` read a batch at a
    time while ``session`` is open (:func:`dirtrack.records.materialised` reads them whole)."""
    progress = progress or NoProgress()
    totals = bulk.held_rows(session)
    progress.stage("exporting", sum(totals[n] for n in ("unit", *SECTION_TABLES.values())))
    codes = unit_codes(session)
    field_codes = {int(r["id"]): str(r["code"]) for r in bulk.rows_of(session, t.field)}
    aliases: dict[int, list[Any]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.ALIAS):
        aliases[row["unit_id"]].append(row)
    contacts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.CONTACT, "unit_id", "role"):
        contacts[row["unit_id"]].append(
            {
                "id": row["id"],
                "role": row["role"],
                "name": row["name"],
                "email": row["email"],
                "phone": row["phone"],
                "created_at": _iso(row["created_at"]),
            }
        )
    units = []
    for row in bulk.rows_of(session, bulk.UNIT, "code_key", "id"):
        units.append(
            {
                "id": row["id"],
                "code": row["code"],
                "name": row["name"],
                "parent": codes.get(row["parent_id"]),
                "successor": codes.get(row["successor_id"]),
                "retired_on": _iso(row["retired_on"]),
                "aliases": [a["alias"] for a in aliases.get(row["id"], [])],
                "alias_ids": [a["id"] for a in aliases.get(row["id"], [])],
                "created_at": _iso(row["created_at"]),
                "contacts": contacts.get(row["id"], []),
            }
        )
    progress.advance(len(units))
    office = [_office(row) for row in bulk.rows_of(session, t.office)]
    calendar = [
        {
            "day": _iso(row["day"]),
            "off": bool(row["off"]),
            "note": row["note"],
            "created_at": _iso(row["created_at"]),
        }
        for row in bulk.rows_of(session, t.calendar_day, "day")
    ]
    fields = [
        {"id": row["id"], "code": row["code"], "name": row["name"]}
        for row in bulk.rows_of(session, t.field)
    ]
    progress.advance(len(office) + len(calendar) + len(fields))

    def streamed(
        name: str, table: Any, make: Callable[[list[Any]], Iterator[dict[str, Any]]]
    ) -> RecordStream:
        """The records of ``table`` as ``make`` writes them, a page of rows at a time."""

        def produce() -> Iterator[dict[str, Any]]:
            for page in pages(session, table, BATCH):
                yield from make(page)
                progress.advance(len(page))

        return RecordStream(totals[table.name], produce)

    def leaders(page: list[Any]) -> Iterator[dict[str, Any]]:
        held = _children(session, t.leader_assignment, "leader_id", page, "id")
        for row in page:
            yield {
                "id": row["id"],
                "name": row["name"],
                "assignments": [
                    {
                        "id": a["id"],
                        "field": field_codes.get(a["field_id"]),
                        "unit": codes.get(a["unit_id"]),
                        "start": _iso(a["start"]),
                    }
                    for a in held.get(row["id"], [])
                ],
            }

    def meetings(page: list[Any]) -> Iterator[dict[str, Any]]:
        attendees = _children(session, bulk.ATTENDEE, "meeting_id", page, "unit_id")
        for row in page:
            yield {
                "id": row["id"],
                "date": _iso(row["date"]),
                "title": row["title"],
                "kind": row["kind"],
                "chair": row["chair"],
                "chair_title": row["chair_title"],
                "doc": row["doc"],
                "note": row["note"],
                "key": row["key"],
                "attendees": sorted(codes[a["unit_id"]] for a in attendees.get(row["id"], [])),
                "created_at": _iso(row["created_at"]),
            }

    def series(page: list[Any]) -> Iterator[dict[str, Any]]:
        coordinators = _children(session, t.series_coordinator, "series_id", page, "unit_id")
        for row in page:
            yield {
                "id": row["id"],
                "meeting_id": row["meeting_id"],
                "unit": codes[row["unit_id"]],
                "with": sorted(codes[c["unit_id"]] for c in coordinators.get(row["id"], [])),
                "text": row["text"],
                "every": row["every"],
                "day": row["day"],
                "offset": row["offset"],
                "starts_on": _iso(row["starts_on"]),
                "ends_on": _iso(row["ends_on"]),
                "next_start": _iso(row["next_start"]),
                "product": row["product"],
                "key": row["key"],
                "created_at": _iso(row["created_at"]),
            }

    def directives(page: list[Any]) -> Iterator[dict[str, Any]]:
        coordinators = _children(session, bulk.COORDINATOR, "directive_id", page, "unit_id")
        entries = _children(session, bulk.PROGRESS, "directive_id", page, "reported_on", "id")
        extensions = _children(session, bulk.EXTENSION, "directive_id", page, "approved_on", "id")
        results = _children(session, t.directive_result, "directive_id", page)
        requests = _children(session, t.request, "directive_id", page, "id")
        closures = _children(session, t.closure, "directive_id", page, "id")
        moved = load_moves(session.connection(), [row["id"] for row in page])
        handed = load_handovers(session.connection(), [row["id"] for row in page])
        for row in page:
            directive_id = row["id"]
            result = results.get(directive_id)
            yield {
                "id": directive_id,
                "meeting_id": row["meeting_id"],
                "unit": codes[row["unit_id"]],
                "with": sorted(codes[c["unit_id"]] for c in coordinators.get(directive_id, [])),
                "text": row["text"],
                "original_due": _iso(row["original_due"]),
                "due_text": row["due_text"],
                "product": row["product"],
                "key": row["key"],
                "completed_on": _iso(row["completed_on"]),
                "completed_on_exact": bool(row["completed_on_exact"]),
                "completion_note": row["completion_note"],
                "cancelled_on": _iso(row["cancelled_on"]),
                "cancel_reason": row["cancel_reason"],
                "created_at": _iso(row["created_at"]),
                "progress": [
                    {
                        "id": e["id"],
                        "reported_on": _iso(e["reported_on"]),
                        "percent": e["percent"],
                        "note": e["note"],
                        "created_at": _iso(e["created_at"]),
                    }
                    for e in entries.get(directive_id, [])
                ],
                "extensions": [
                    {
                        "id": e["id"],
                        "approved_on": _iso(e["approved_on"]),
                        "new_due": _iso(e["new_due"]),
                        "due_text": e["due_text"],
                        "reason": e["reason"],
                        "created_at": _iso(e["created_at"]),
                    }
                    for e in extensions.get(directive_id, [])
                ],
                "series_id": row["series_id"],
                "period": row["period"],
                "issued_on": _iso(row["issued_on"]),
                "withdrawn_on": _iso(row["withdrawn_on"]),
                "field": field_codes.get(row["field_id"]),
                "result": _record(result[0], ResultOut) if result else None,
                "requests": [_record(r, RequestOut) for r in requests.get(directive_id, [])],
                "moves": [
                    {
                        "on": _iso(m.on),
                        "from": codes[m.from_unit_id],
                        "to": codes[m.to_unit_id],
                    }
                    for m in moved.get(directive_id, [])
                ],
                "handovers": [
                    {
                        "on": _iso(h.on),
                        "from": codes[h.from_unit_id],
                        "to": codes[h.to_unit_id] if h.to_unit_id is not None else None,
                    }
                    for h in handed.get(directive_id, [])
                ],
                "closures": [_closure(c) for c in closures.get(directive_id, [])],
            }

    def limitations(page: list[Any]) -> Iterator[dict[str, Any]]:
        for row in page:
            yield {
                "id": row["id"],
                "meeting_id": row["meeting_id"],
                "unit": codes[row["unit_id"]],
                "text": row["text"],
                "category": row["category"],
                "resolved_on": _iso(row["resolved_on"]),
                "resolve_note": row["resolve_note"],
                "repeat_of": row["repeat_of_id"],
                "created_at": _iso(row["created_at"]),
            }

    def packs(page: list[Any]) -> Iterator[dict[str, Any]]:
        items = _children(session, t.pack_item, "pack_id", page, "id")
        for row in page:
            yield {
                **_record(row, PackOut, skip={"unit", "items"}),
                "unit": codes[row["unit_id"]],
                "items": [_record(i, PackItemOut) for i in items.get(row["id"], [])],
            }

    def urgings(page: list[Any]) -> Iterator[dict[str, Any]]:
        named = _children(session, t.urging_directive, "urging_id", page, "directive_id")
        for row in page:
            yield {
                **_record(row, UrgingOut, skip={"unit", "directives"}),
                "unit": codes[row["unit_id"]],
                "directives": [
                    {"directive_id": u["directive_id"], "overdue": bool(u["overdue"])}
                    for u in named.get(row["id"], [])
                ],
            }

    return {
        "format": FORMAT,
        "version": VERSION,
        "office": office,
        "calendar": calendar,
        "units": units,
        "fields": fields,
        "leaders": streamed("leaders", t.leader, leaders),
        "meetings": streamed("meetings", bulk.MEETING, meetings),
        "series": streamed("series", t.series, series),
        "directives": streamed("directives", bulk.DIRECTIVE, directives),
        "limitations": streamed("limitations", bulk.LIMITATION, limitations),
        "packs": streamed("packs", t.pack, packs),
        "urgings": streamed("urgings", t.urging, urgings),
    }


# The table of each section's records (their count, for progress and the empty check).
SECTION_TABLES = {
    "office": "office",
    "calendar": "calendar_day",
    "fields": "field",
    "leaders": "leader",
    "meetings": "meeting",
    "series": "series",
    "directives": "directive",
    "limitations": "limitation",
    "packs": "pack",
    "urgings": "urging",
}


def _record(row: Any, model: type[_Record], skip: Iterable[str] = ()) -> dict[str, Any]:
    """A row's columns named as ``model``'s fields (dates as ISO text, flags as booleans)."""
    record: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        value = row[name]
        types = _types(info.annotation)
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif bool in types and value is not None:
            value = bool(value)
        record[name] = value
    return record


# A closure's result columns when it has none (every row of one insert has the same keys).
_NO_RESULT = dict.fromkeys(ResultOut.model_fields)


def _closure(row: Any) -> dict[str, Any]:
    """A closure a reopening ended, as :class:`ClosureOut` has it (its result nested)."""
    record = _record(row, ClosureOut, skip=("result",))
    result = _record(row, ResultOut) if row["claimed_on"] is not None else None
    return {**record, "result": result, **{k: record[k] for k in ("reopened_on", "reopen_reason")}}


def _children(
    session: Session, table: Any, key: str, page: list[Any], *order: str
) -> dict[int, list[Any]]:
    """The rows of ``table`` that belong to the page's records (``key`` names their id)."""
    found: dict[int, list[Any]] = defaultdict(list)
    for row in bulk.rows_between(session, table, key, page[0]["id"], page[-1]["id"], *order):
        found[row[key]].append(row)
    return found


def export_chunks(session: Session, progress: Progress | None = None) -> Iterator[bytes]:
    """The export document as UTF-8 text in pieces, as it is read (two-space indents, a final
    newline: what ``json.dumps(doc, ensure_ascii=False, indent=2)`` writes), while ``session``
    is open."""
    from dirtrack.render.json_out import dump_chunks

    pieces: list[str] = []
    size = 0
    for piece in itertools.chain(dump_chunks(export_doc(session, progress)), ["\n"]):
        pieces.append(piece)
        size += len(piece)
        if size > 1 << 16:
            yield "".join(pieces).encode("utf-8")
            pieces, size = [], 0
    yield "".join(pieces).encode("utf-8")


# --- import ---------------------------------------------------------------------------------


def _not_before(where: str, what: str, day: date | None, other: str, first: date | None) -> None:
    """Refuse ``day`` (the record's ``what``) when it comes before ``first`` (its ``other``)."""
    if day is not None and first is not None and day < first:
        raise InvalidInput.of(
            "json_day_order", where=where, what=Phrase(f"day_{what}"), day=day,
            other=Phrase(f"day_{other}"), first=first,
        )  # fmt: skip


def _where(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


#: pydantic's kinds of error, by the words of :data:`dirtrack.i18n.ERRORS` that say them.
_ERROR_KINDS = {
    "json_not_int": ("int_type", "int_parsing", "int_from_float"),
    "json_not_text": ("string_type", "string_unicode"),
    "json_not_bool": ("bool_type", "bool_parsing"),
    "json_not_date": ("date_type", "date_parsing", "date_from_datetime_parsing",
                      "date_from_datetime_inexact"),
    "json_not_datetime": ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"),
    "json_no_offset": ("timezone_aware",),
    "json_not_list": ("list_type", "tuple_type", "set_type"),
    "json_not_object": ("dict_type", "model_type", "model_attributes_type", "dataclass_type"),
    "json_not_number": ("float_type", "float_parsing", "decimal_type", "decimal_parsing"),
    "json_extra": ("extra_forbidden",),
    "json_absent": ("missing",),
    # every text with a least length needs one character: an empty one is the problem
    "json_empty": ("string_too_short", "too_short"),
}  # fmt: skip
_KIND_OF = {kind: key for key, kinds in _ERROR_KINDS.items() for kind in kinds}
#: A bound pydantic names, as the limit the message gives: "> 0" is "at least 1".
_LIMITS = {
    "greater_than": ("json_too_small", "gt", 1),
    "greater_than_equal": ("json_too_small", "ge", 0),
    "less_than": ("json_too_large", "lt", -1),
    "less_than_equal": ("json_too_large", "le", 0),
    "too_long": ("json_too_long", "max_length", 0),
    "string_too_long": ("json_too_long", "max_length", 0),
}


def _what_is_wrong(error: Any) -> Phrase:
    """What is wrong with a record's value, in the catalog's words (pydantic's own are English
    only); a kind this does not know is named with pydantic's text."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in _KIND_OF:
        return Phrase(_KIND_OF[kind])
    if kind in _LIMITS and isinstance(context.get(_LIMITS[kind][1]), int):
        key, bound, step = _LIMITS[kind]
        return Phrase(key, limit=context[bound] + step)
    if kind in ("enum", "literal_error") and "expected" in context:
        return Phrase("json_not_one_of", expected=context["expected"])
    return Phrase("json_bad_value", detail=error.get("msg", kind))


def _json_syntax(exc: Exception) -> Phrase:
    """What is wrong with a file that is not JSON, said by the catalog (:func:`json_problem`),
    with the text around the place the parser shows (``… near '{"a": NaN}'``)."""
    said = exc.args[0] if exc.args else ""
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    lines = text.strip("\n").splitlines()
    near = " ".join(lines[1].split()) if len(lines) > 2 and "(right here)" in lines[2] else ""
    return json_problem(lines[0] if lines else "premature EOF", near)


# ijson's C parser turns a whole number into a Python int, and a number of more digits than
# Python converts (4,300: sys.get_int_max_str_digits) makes it crash the process (a segmentation
# fault, no message). No record holds such a number: a run of that many digits is refused as it
# is read, before the parser sees it.
MAX_DIGITS = 4300
# A part with every digit written 0 and every other byte a space: the first run of too many
# digits starts where bytes.find finds MAX_DIGITS + 1 zeros. A regular expression of a
# repeated class tries a match at every byte (it has no first character to skip ahead to),
# about ten times as long as this.
_DIGITS_AS_ZERO = bytes(ord("0") if ord("0") <= i <= ord("9") else ord(" ") for i in range(256))
_TOO_MANY_DIGITS = b"0" * (MAX_DIGITS + 1)
# ijson names each value by its path (``directives.item.requests.item.reason``), and its C
# parser keeps the path of every array and object open: a value nested N deep holds N paths of
# up to N parts, memory that grows as N squared (100,000 brackets took every gigabyte the machine
# had, and the system killed the process). An export nests five deep (the document, a section,
# a record, its list of requests, a request): a document nested deeper than MAX_DEPTH is refused
# as it is read, before the parser sees it.
MAX_DEPTH = 32
_NOT_STRUCTURE = bytes(i for i in range(256) if i not in b'"[]{}')
_AS_LISTS = bytes.maketrans(b"{}", b"[]")  # nested is nested: ijson says when they do not pair
# ijson's C parser reads the escape of half a character (a UTF-16 surrogate without its pair)
# as "?" when it is the first half (the text changed without a word) and fails on the second
# half; no text holds one (the commands refuse them): it is refused as it is read.
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_FIRST_HALF = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}")
_SECOND_HALF = re.compile(rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# Bytes that are not ASCII: a part's bytes after its last ASCII one wait for the next part before
# their texts are looked at for NFC (no ASCII character composes with, or is reordered against,
# the character before it, so the text before an ASCII character is in NFC, or not, whatever
# follows it).
_NOT_ASCII = bytes(range(0x80, 0x100))
# How many bytes are decoded at a time to be looked at for NFC.
NFC_WINDOW = 1 << 18
# What ijson reads at a time. Its C parser copies a string that spans reads again at each read:
# with its 64 KiB, one string of 100 MB took minutes; with 4 MiB, seconds.
READ_SIZE = 4 << 20


class _Guarded:
    """The export's bytes as ijson reads them, each part checked for a run of digits longer
    than :data:`MAX_DIGITS` and for arrays and objects nested deeper than :data:`MAX_DEPTH`
    (across the parts' boundaries too)."""

    def __init__(self, handle: IO[bytes], name: str) -> None:
        self._handle, self._name = handle, name
        self._carried = b""  # the digits the last part ended with
        self._offset = 0  # where the last part started, past what was carried
        self._depth = 0  # the lists and objects still open at the end of the last part
        self._in_text = False  # the last part ended inside a string
        self._escaped = b""  # the backslash the last part ended with, escaping the next byte
        self._halves = b""  # the end of the last part, where an escape may be cut (surrogates)
        self._halves_read = 0  # how much of it was looked at
        # Whether every text read so far is in NFC as written: true until a part holds a text
        # that is not (or an escape ``\u…``, whose character is known only once decoded).
        self.in_nfc = True
        self._unlooked = b""  # the last part's bytes from its last ASCII byte on (NFC)

    def read(self, size: int = -1) -> bytes:
        part = self._handle.read(size)
        seen = self._carried + part
        found = seen.translate(_DIGITS_AS_ZERO).find(_TOO_MANY_DIGITS)
        if found >= 0:
            at = self._offset - len(self._carried) + found
            raise InvalidInput.of("json_long_number", name=self._name, limit=MAX_DIGITS, at=at)
        digits = len(seen) - len(seen.rstrip(b"0123456789"))
        self._carried = seen[len(seen) - digits :] if digits else b""
        self._nesting(part)
        self._surrogates(part)
        self._normal(part)
        self._offset += len(part)
        return part

    def _normal(self, part: bytes) -> None:
        """Follow :attr:`in_nfc`: the bytes read so far, up to the last ASCII one, are looked
        at as text (the records read so far end before it: each ends with a ``}``),
        :data:`NFC_WINDOW` bytes at a time, so that what it holds stays small beside the part.
        A run of more than :data:`NFC_WINDOW` bytes without an ASCII one (no real text runs so
        long without a space) is not waited for: the records are then walked one by one."""
        if not self.in_nfc:
            return
        carried = self._unlooked
        if b"\\u" in part or (carried == b"\\" and part.startswith(b"u")):
            self.in_nfc, self._unlooked = False, b""
            return
        view = memoryview(part)
        for start in range(0, len(part), NFC_WINDOW):
            window = carried + view[start : start + NFC_WINDOW]
            cut = max(len(window.rstrip(_NOT_ASCII)) - 1, 0)  # before its last ASCII byte
            carried = window[cut:]
            if len(carried) > NFC_WINDOW or not _is_nfc(window[:cut]):
                self.in_nfc, self._unlooked = False, b""
                return
        if not part:  # the end: what was left is looked at too
            self.in_nfc, carried = _is_nfc(carried), b""
        self._unlooked = carried

    def _surrogates(self, part: bytes) -> None:
        """Refuse the escape of half a character (``\\ud800`` alone). An escape that may be
        cut by the part's end, or followed by its second half in the next part, waits for it."""
        seen = self._halves + part
        start = self._offset - len(self._halves)  # where ``seen`` begins in the file
        last = len(seen) - 12 if part else len(seen)  # 12: the two escapes of a pair
        if last <= self._halves_read:
            self._halves = seen
            return
        if b"\\u" in seen:
            for found in _SURROGATE.finditer(seen, self._halves_read, last + 5):
                at = before = found.start()
                while before and seen[before - 1] == ord("\\"):
                    before -= 1
                if (at - before) % 2:
                    continue  # an escaped backslash, then the letter u
                paired = (
                    _SECOND_HALF.match(seen, found.end())
                    if _FIRST_HALF.match(found[0])
                    else _FIRST_HALF.fullmatch(seen, max(at - 6, 0), at)
                )
                if paired is None:
                    raise InvalidInput.of(
                        "json_half_character", name=self._name, escape=found[0].decode(),
                        at=start + at,
                    )  # fmt: skip
        kept = min(6, last)  # the escape before the next to look at, to pair it
        self._halves, self._halves_read = seen[last - kept :], kept

    def _nesting(self, part: bytes) -> None:
        """Follow the brackets of ``part`` outside strings; refuse a nesting deeper than
        :data:`MAX_DEPTH`. Inside a string of valid JSON a backslash escapes the next byte and
        a quote ends it: escapes are dropped, then every other run between quotes is text.
        About a tenth of the time ijson takes to parse the part."""
        data = self._escaped + part
        self._escaped = b""
        if b"\\" in data:
            if data.endswith(b"\\") and (len(data) - len(data.rstrip(b"\\"))) % 2:
                data, self._escaped = data[:-1], b"\\"  # it escapes the next part's first byte
            for escape in (b"\\\\", b'\\"'):
                if escape in data:
                    data = data.replace(escape, b"")
        # The quotes and brackets alone; two quotes with nothing between them (a string without
        # brackets, nearly all of them) can go, as the runs between the others stay in or out.
        runs = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"").split(b'"')
        outside = b"".join(runs[1::2] if self._in_text else runs[::2])
        if len(runs) % 2 == 0:
            self._in_text = not self._in_text
        brackets = outside.translate(_AS_LISTS)
        still_open = self._depth + brackets.count(b"[") - brackets.count(b"]")
        # The deepest point of the part is the height of the tallest pair once what is still
        # open is closed: each pass closes the innermost pairs, one level.
        nesting = b"[" * self._depth + brackets + b"]" * max(still_open, 0)
        for _ in range(MAX_DEPTH if still_open <= MAX_DEPTH else 0):
            closed = nesting.replace(b"[]", b"")
            if closed == nesting:
                break
            nesting = closed
        if b"[" in nesting:
            raise InvalidInput.of("json_too_deep", name=self._name, limit=MAX_DEPTH)
        self._depth = max(still_open, 0)  # more closed than opened: ijson says so


def _is_nfc(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text as stored: in NFC, without a direction control
    (:func:`~dirtrack.text.without_direction`). False for bytes that are not UTF-8: ijson
    refuses them, and the records it builds before that are walked one by one."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return False
    return unicodedata.is_normalized("NFC", text) and not has_direction(text)


def parse_events(handle: IO[bytes], name: str) -> Iterator[tuple[str, str, Any]]:
    """ijson's parse events of the export ``handle``, read :data:`READ_SIZE` at a time with
    no run of digits longer than :data:`MAX_DIGITS` and no nesting deeper than
    :data:`MAX_DEPTH` (:class:`_Guarded`)."""
    return _events(_Guarded(handle, name))


def _events(source: _Guarded) -> Iterator[tuple[str, str, Any]]:
    """ijson's parse events of the bytes ``source`` reads."""
    import ijson

    return iter(ijson.parse(source, buf_size=READ_SIZE))


def _open(path: Path) -> IO[bytes]:
    """The file, opened past a UTF-8 byte order mark if it starts with one.

    Raises:
        InvalidInput: it cannot be read, or it is an export of another version.
    """
    try:
        handle = path.open("rb")
        head = handle.read(512)
    except OSError as exc:
        raise InvalidInput.of("cannot_read", path=path, reason=os_reason(exc)) from None
    version = _VERSION.search(head)
    if version is not None and int(version[1]) not in READS:
        handle.close()
        raise InvalidInput.of(
            "json_version", name=path.name, version=cut(str(int(version[1]))), first=READS[0],
            last=READS[-1],
        )  # fmt: skip
    handle.seek(len(_BOM) if head.startswith(_BOM) else 0)
    return handle


# What each record's fields are, for the checks the models cannot make: its texts (single and
# lists), its dates and timestamps, its nested records. Made once per model.
_Shape = tuple[list[tuple[str, str, int]], list[tuple[str, str]], list[tuple[str, str]]]
_SHAPES: dict[type[BaseModel], _Shape] = {}


def _types(annotation: Any) -> set[Any]:
    """The types an annotation stands for, through ``X | None``, ``list[X]`` and ``Annotated``."""
    args = get_args(annotation)
    if get_origin(annotation) is Annotated:
        return _types(args[0])
    if args:
        return set().union(*(_types(arg) for arg in args))
    return {annotation}


def _shape(model: type[BaseModel]) -> _Shape:
    found = _SHAPES.get(model)
    if found is None:
        texts: list[tuple[str, str, int]] = []
        days: list[tuple[str, str]] = []
        nested: list[tuple[str, str]] = []
        for name, info in model.model_fields.items():
            shown = info.alias or name
            types = _types(info.annotation)
            extra = info.json_schema_extra
            if any(isinstance(k, type) and issubclass(k, BaseModel) for k in types):
                nested.append((name, shown))
            elif types & {date, datetime, AwareDatetime}:
                days.append((name, shown))
            elif str in types and not (isinstance(extra, dict) and extra.get("raw")):
                texts.append((name, shown, text_limit(name)))
        found = _SHAPES[model] = (texts, days, nested)
    return found


def _in_nfc(value: Any) -> Any:
    """Every string of a record in NFC, as every text is stored: an export holds NFC, but a file
    edited by hand or by another program may hold NFD (a title of 300 letters was then 400 code
    points, and refused, or stored decomposed, unfound by a search for its words). Nor does it
    keep a direction control or byte order mark (:func:`~dirtrack.text.without_direction`):
    a title with U+202E would show reversed."""
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        return without_direction(value) if has_direction(value) else value
    if isinstance(value, dict):
        return {key: _in_nfc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_nfc(item) for item in value]
    return value


def _check_code(code: str, where: str, name: str) -> None:
    """A unit's or field's code as some version of `unit add` and `field add` took it
    (:func:`was_ever_a_code`): a document edited by hand gave a unit '=Q' or 'Q R', which no
    command registers.

    Raises:
        InvalidInput: naming the record (``units[3].code``).
    """
    if not was_ever_a_code(code):
        detail = Phrase("unit_bad_code", code=code)
        raise InvalidInput.of("json_record", name=name, where=where, detail=detail, more="")


def _check_values(record: BaseModel, where: str) -> None:
    """Text that shows something, holds no control character and fits the register
    (:func:`~dirtrack.text.text_limit`), dates in range.

    Raises:
        InvalidInput: naming the field (``directives[3].progress[0].note``).
    """
    texts, days, nested = _shape(type(record))
    for name, shown, limit in texts:
        value = getattr(record, name)
        if value is None:
            continue
        if isinstance(value, str):
            if len(value) > limit or control_character(value) is not None or is_blank(value):
                _refuse_text(f"{where}.{shown}", value, limit)
            continue
        for i, text in enumerate(value):
            if len(text) > limit or control_character(text) is not None or is_blank(text):
                _refuse_text(f"{where}.{shown}[{i}]", text, limit)
    for name, shown in days:
        value = getattr(record, name)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise InvalidInput.of(
                "json_year", where=f"{where}.{shown}", year=value.year, first=FIRST_YEAR,
                last=LAST_YEAR,
            )  # fmt: skip
    for name, shown in nested:
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            _check_values(value, f"{where}.{shown}")
            continue
        for i, item in enumerate(value or ()):
            _check_values(item, f"{where}.{shown}[{i}]")


_R = TypeVar("_R", bound=BaseModel)


def _key_as_typed(record: _R) -> _R:
    """The record with its ``key`` (a meeting's, a series', a directive's) as a key typed with
    ``--key``, read from a sheet's key column or from a draft is stored (:func:`nfc`): a key
    held with white space around it or a run inside it would never be found by the key people
    give, and a script run again, or the register's own sheet imported by key, would record
    the meeting or the directive a second time. Its other texts are kept as written."""
    key = getattr(record, "key", None)
    if key is None:
        return record
    stored = nfc(key)
    return record if stored == key else record.model_copy(update={"key": stored})


def _refuse_text(where: str, text: str, limit: int) -> None:
    """Refuse the text at ``where``: too long, else holding a control character, else blank.

    Raises:
        InvalidInput: always.
    """
    if len(text) > limit:
        raise InvalidInput.of("json_long", where=where, length=len(text), limit=limit)
    char = control_character(text)
    if char is not None:
        raise InvalidInput.of("json_control", where=where, char=char)
    raise InvalidInput.of("json_blank", where=where)


def _check_contacts(unit: UnitOut, where: str) -> None:
    """One contact per role, addresses and numbers as ``unit contact`` takes them."""
    from dirtrack.store.contacts import check_email, check_phone

    roles: set[str] = set()
    for i, contact in enumerate(unit.contacts):
        at = f"{where}.contacts[{i}]"
        if contact.role in roles:
            raise InvalidInput.of("json_contact_twice", where=at, role=contact.role)
        roles.add(contact.role)
        try:
            check_email(contact.email)
            check_phone(contact.phone)
        except InvalidInput as exc:
            raise InvalidInput.of("json_bad_contact", where=at, reason=exc) from None


def _cycle(links: dict[Any, Any], start: Any, done: set[Any]) -> list[Any] | None:
    """The cycle that following ``links`` from ``start`` runs into (``[a, b, a]``), if any.

    ``done`` holds the records that earlier walks went through (none of them ran into a
    cycle); this walk's records are added to it.
    """
    chain: list[Any] = []
    at: dict[Any, int] = {}
    current = start
    while current is not None and current not in done:
        if current in at:
            return [*chain[at[current] :], current]
        at[current] = len(chain)
        chain.append(current)
        current = links.get(current)
    done.update(chain)
    return None


class _Ids:
    """The ids of one kind of record read so far, refusing one twice.

    Kept in a sorted array (8 bytes an id) and a set of the latest ones, merged into the array
    when it holds ``RECENT``: ids in ascending order (a section's own) are appended, and the
    ids of parts (progress entries, over all directives) cost no more than that, in memory and
    in time (a merge of the array every ``RECENT`` ids, never a shift per id).
    """

    RECENT = 1 << 16

    def __init__(self, what: str) -> None:
        self.what = what
        self.ids: array[int] = array("q")
        self.recent: set[int] = set()

    def add(self, record_id: int | None) -> None:
        if record_id is None:
            return
        ids = self.ids
        if not self.recent and (not ids or record_id > ids[-1]):  # above every id so far
            ids.append(record_id)
            return
        if record_id in self:
            raise InvalidInput.of("json_same_id", what=self.what, id=record_id)
        self.recent.add(record_id)
        if len(self.recent) >= self.RECENT:
            self.ids = array("q", heapq.merge(ids, sorted(self.recent)))
            self.recent.clear()

    def __contains__(self, record_id: object) -> bool:
        if not isinstance(record_id, int):
            return False
        if record_id in self.recent:
            return True
        ids = self.ids
        at = bisect.bisect_left(ids, record_id)
        return at < len(ids) and bool(ids[at] == record_id)

    def all(self) -> array[int]:
        """Every id, in order."""
        if self.recent:
            self.ids = array("q", heapq.merge(self.ids, sorted(self.recent)))
            self.recent.clear()
        return self.ids


# The keys version 2 added to records of version 1: absent from a version 1 document (and
# refused there, as version 1 refuses unknown keys), required in a version 2 one.
V2_KEYS: dict[type[BaseModel], frozenset[str]] = {
    UnitOut: frozenset({"id", "alias_ids"}),
    ContactOut: frozenset({"id"}),
    ProgressOut: frozenset({"id"}),
    ExtensionOut: frozenset({"id"}),
    DirectiveOut: frozenset(
        {"series_id", "period", "issued_on", "withdrawn_on", "field", "result", "requests"}
    ),
}
# The keys version 3 added: absent from an older document (and refused there), required in a
# version 3 one.
V3_KEYS: dict[type[BaseModel], frozenset[str]] = {DirectiveOut: frozenset({"moves"})}
V4_KEYS: dict[type[BaseModel], frozenset[str]] = {DirectiveOut: frozenset({"handovers"})}
V5_KEYS: dict[type[BaseModel], frozenset[str]] = {DirectiveOut: frozenset({"closures"})}


def _check_keys(record: BaseModel, where: str, version: int, name: str) -> None:
    """Every key of the document's version is given; none that a later version added.

    Raises:
        InvalidInput: naming the key (``directives[3].requests``).
    """
    model = type(record)
    fields = model.model_fields
    given = record.model_fields_set
    later = _added_after(model, version)
    if version >= 2 and not later and len(given) == len(fields):  # every key given
        for field, shown in _shape(model)[2]:  # only the records inside are left to check
            value = getattr(record, field)
            if value:  # a record, or a list holding some
                _check_nested_keys(value, f"{where}.{shown}", version, name)
        return
    extra = later & given
    absent = fields.keys() - later - given if version >= 2 else frozenset()
    nested = _nested(model)
    for field, info in fields.items():
        if field not in extra and field not in absent and field not in nested:
            continue
        shown = f"{where}.{info.alias or field}"
        if field in extra or field in absent:
            detail = Phrase("json_absent" if field in absent else "json_extra")
            raise InvalidInput.of("json_record", name=name, where=shown, detail=detail, more="")
        _check_nested_keys(getattr(record, field), shown, version, name)


@functools.cache
def _added_after(model: type[BaseModel], version: int) -> frozenset[str]:
    """The keys of ``model`` that versions after ``version`` added."""
    added = {2: V2_KEYS, 3: V3_KEYS, 4: V4_KEYS, 5: V5_KEYS}
    return frozenset().union(
        *(keys.get(model, frozenset()) for v, keys in added.items() if v > version)
    )


def _check_nested_keys(value: object, shown: str, version: int, name: str) -> None:
    """:func:`_check_keys` of the record (or each record of the list) ``value`` holds."""
    if isinstance(value, BaseModel):
        _check_keys(value, shown, version, name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, BaseModel):
                _check_keys(item, f"{shown}[{i}]", version, name)


@functools.cache
def _nested(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that hold records (one or a list)."""
    return frozenset(name for name, _ in _shape(model)[2])


def _alias_ids(unit: UnitOut) -> list[int | None]:
    """The ids of the unit's aliases, or None for each (a version 1 document)."""
    return list(unit.alias_ids) if unit.alias_ids is not None else [None for _ in unit.aliases]


def _no_id(row: dict[str, Any]) -> dict[str, Any]:
    """The row, without its id when it has none (a version 1 document: the database gives one)."""
    if row.get("id", 0) is None:
        del row["id"]
    return row


class _Import:
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
        self.directives = _Ids("directives")
        self.directive_keys: set[tuple[str, str]] = set()
        self.repeats: dict[int, int | None] = {}  # limitation id -> the one it repeats
        self.forward: list[dict[str, int]] = []  # links to limitations not yet written
        self.version = VERSION  # set from the document's "version", read before any section
        self.source: _Guarded | None = None  # the document's bytes, once opened
        self.ids = {
            what: _Ids(what)
            for what in (
                "units", "units.contacts", "units.alias_ids", "fields", "leaders",
                "leaders.assignments", "series", "directives.progress", "directives.extensions",
                "directives.requests", "directives.closures", "packs", "packs.items", "urgings",
            )
        }  # fmt: skip
        self.ids["directives"] = self.directives
        self.field_ids: dict[str, int] = {}  # field code -> id
        self.field_keys: dict[str, int] = {}  # field code folded -> id
        self.periods: set[tuple[int, str]] = set()  # (series id, period) of the occurrences
        self.created = dict.fromkeys(
            (
                "units", "meetings", "directives", "progress", "extensions", "limitations",
                "office", "calendar", "fields", "leaders", "series", "results", "requests",
                "packs", "urgings",
            ),
            0,
        )  # fmt: skip

    # -- reading ------------------------------------------------------------------------------

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
                raw = raw if in_nfc else _in_nfc(raw)
                for path in references:
                    _named_units(raw, path, self.unit_code)
                record = model.model_validate(raw)
            except ValidationError as exc:
                self.refuse(exc, section, i)
            _check_keys(record, f"{section}[{i}]", self.version, self.name)
            # named in the file, as every other refusal of a record is
            _check_values(record, f"{self.name}: {section}[{i}]")
            yield i, _key_as_typed(record)

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
            where=_where((section, index, *first["loc"])),
            detail=_what_is_wrong(first),
            more=Phrase("json_more", n=more) if more else "",
        ) from None

    # -- units ----------------------------------------------------------------------------------

    def read_units(self, events: Iterator[tuple[str, str, Any]]) -> None:
        for i, unit in self.records("units", events):
            where = f"units[{i}]"
            _check_code(unit.code, f"{where}.code", self.name)
            _check_contacts(unit, where)
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
        keys: dict[str, str] = {}
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
                if key in keys and keys[key] != unit.code:
                    raise InvalidInput.of(
                        "json_name_taken", where=f"units[{i}]", value=name, unit=keys[key]
                    )
                keys[key] = unit.code
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
                cycle = _cycle(links, unit.code, done)
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
            _no_id(
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
                _no_id(
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
                _no_id({"unit_id": unit_ids[u.code], **c.model_dump()})
                for u in units
                for c in u.contacts
            ],
        )

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
                "json_before_meeting",
                where=where,
                what=Phrase(f"day_{what}"),
                day=day,
                meeting=meeting,
                held=held,
            )
        if day is not None and issued is not None and day < issued:
            raise InvalidInput.of(
                "json_before_issued", where=where, what=Phrase(f"day_{what}"), day=day,
                issued=issued,
            )  # fmt: skip

    # -- the office profile, the calendar, fields and leaders -----------------------------------

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
            _check_code(found.code, f"fields[{i}].code", self.name)
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
        names: set[str] = set()

        def read(i: int, leader: LeaderOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            where = f"leaders[{i}]"
            self.new_id("leaders", leader.id)
            key = fold(leader.name)
            if key in names:
                raise InvalidInput.of("json_same_value", where=f"{where}.name", value=leader.name)
            names.add(key)
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

    # -- series ---------------------------------------------------------------------------------

    def read_series(self, events: Iterator[tuple[str, str, Any]]) -> None:
        def read(i: int, found: SeriesOut, rows: dict[str, list[dict[str, Any]]]) -> None:
            where = f"series[{i}]"
            self.new_id("series", found.id)
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

    # -- packs and urgings ----------------------------------------------------------------------

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

    # -- meetings -------------------------------------------------------------------------------

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

    # -- directives -----------------------------------------------------------------------------

    def read_directive_parts(self, d: DirectiveOut, where: str) -> int | None:
        """Check what version 2 added to a directive: its series and period, its field, the
        ids of its progress entries and extensions, its requests. Returns its field's id."""
        self.ref("series", d.series_id, f"{where}.series_id")
        if d.series_id is not None and d.period is not None:
            if (d.series_id, d.period) in self.periods:
                raise InvalidInput.of("json_same_value", where=f"{where}.period", value=d.period)
            self.periods.add((d.series_id, d.period))
        field_id = self.field_id(d.field, f"{where}.field")
        for entry in d.progress:
            self.new_id("directives.progress", entry.id)
        for ext in d.extensions:
            self.new_id("directives.extensions", ext.id)
        own = {ext.id for ext in d.extensions}
        for n, asked in enumerate(d.requests):
            at = f"{where}.requests[{n}]"
            self.new_id("directives.requests", asked.id)
            if asked.extension_id is not None and asked.extension_id not in own:
                raise InvalidInput.of(
                    "json_no_ref", where=f"{at}.extension_id", what=f"{where}.extensions",
                    id=asked.extension_id,
                )  # fmt: skip
            self.check_request(asked, at, d.meeting_id, d.issued_on)
        if d.result is not None:
            self.check_result(d.result, f"{where}.result", d.meeting_id, d.issued_on)
        self.check_closures(d, where)
        return field_id

    def check_closures(self, d: DirectiveOut, where: str) -> None:
        """The order `reopen` keeps: each closure on or after the meeting (and after the
        reopening before it), reopened on or after its day; a result only for a completion;
        the directive's own closure on or after the last reopening. The status rules read at
        most one closure in force on a day: their spans never overlap."""
        held = self.held[d.meeting_id]
        reopened: date | None = None
        what = {"done": "completion", "cancelled": "cancellation", "withdrawn": "answer"}
        for n, ended in enumerate(d.closures):
            at = f"{where}.closures[{n}]"
            self.new_id("directives.closures", ended.id)
            kind = what[ended.kind]
            self.not_before(
                f"{at}.closed_on", d.meeting_id, held, kind, ended.closed_on, d.issued_on
            )
            _not_before(f"{at}.closed_on", kind, ended.closed_on, "reopening", reopened)
            _not_before(f"{at}.reopened_on", "reopening", ended.reopened_on, kind, ended.closed_on)
            if ended.result is not None:
                if ended.kind != "done":
                    raise InvalidInput.of("json_result_not_done", where=f"{at}.result")
                self.check_result(ended.result, f"{at}.result", d.meeting_id, d.issued_on)
            reopened = ended.reopened_on
        for key, kind in (
            ("completed_on", "completion"),
            ("cancelled_on", "cancellation"),
            ("withdrawn_on", "answer"),
        ):
            _not_before(f"{where}.{key}", kind, getattr(d, key), "reopening", reopened)

    def check_request(self, asked: RequestOut, at: str, meeting: int, issued: date | None) -> None:
        """The order `request`, `approve` and `reject` keep: asked on or after the meeting, a
        new deadline for a request of more time, answered on or after the asking, with the day
        of the answer given exactly when there is one, and a refusal's reason."""
        held = self.held[meeting]
        self.not_before(f"{at}.asked_on", meeting, held, "request", asked.asked_on, issued)
        self.not_before(f"{at}.to_due", meeting, held, "new_deadline", asked.to_due, issued)
        if asked.kind == "extend" and asked.to_due is None:
            raise InvalidInput.of("json_missing", where=f"{at}.to_due")
        if (asked.decision is None) != (asked.decided_on is None):
            raise InvalidInput.of("json_answer_day", where=f"{at}.decided_on")
        _not_before(f"{at}.decided_on", "answer", asked.decided_on, "request", asked.asked_on)
        if asked.decision == "rejected" and not asked.decision_reason:
            raise InvalidInput.of("json_no_reason", where=f"{at}.decision_reason")

    def check_result(self, result: ResultOut, at: str, meeting: int, issued: date | None) -> None:
        """The order `done`, `accept` and `return` keep: reported on or after the meeting, its
        document dated between the meeting and the report, accepted or sent back (not both,
        and a return with its reason) on or after the report."""
        held = self.held[meeting]
        self.not_before(f"{at}.claimed_on", meeting, held, "completion", result.claimed_on, issued)
        self.not_before(f"{at}.doc_date", meeting, held, "result_doc", result.doc_date, issued)
        _not_before(
            f"{at}.claimed_on", "completion", result.claimed_on, "result_doc", result.doc_date
        )
        _not_before(
            f"{at}.accepted_on", "acceptance", result.accepted_on, "completion", result.claimed_on
        )
        _not_before(
            f"{at}.returned_on", "return", result.returned_on, "completion", result.claimed_on
        )
        if result.accepted_on is not None and result.returned_on is not None:
            raise InvalidInput.of("json_accepted_returned", where=at)
        if result.returned_on is not None and not result.return_reason:
            raise InvalidInput.of("json_no_reason", where=f"{at}.return_reason")

    def read_directives(self, events: Iterator[tuple[str, str, Any]]) -> None:
        batch: dict[str, list[dict[str, Any]]] = defaultdict(list)
        count = 0
        for i, d in self.records("directives", events):
            where = f"directives[{i}]"
            self.directives.add(d.id)
            held = self.meeting_day(d.meeting_id, where)
            self.unit(d.unit, where)
            self.units_listed(d.with_, f"{where}.with", d.unit)
            if d.key is not None:
                if (d.key, d.unit) in self.directive_keys:
                    raise InvalidInput.of("json_same_directive_key", key=d.key)
                self.directive_keys.add((d.key, d.unit))
            meeting, issued = d.meeting_id, d.issued_on
            closed = [k for k in ("completed_on", "cancelled_on", "withdrawn_on") if getattr(d, k)]
            if len(closed) > 1:  # `cancel`, `done` and `request withdraw` refuse a closed one
                raise InvalidInput.of("json_closed_twice", where=f"{where}.{closed[1]}")
            self.not_before(
                f"{where}.original_due", meeting, held, "deadline", d.original_due, issued
            )
            self.not_before(
                f"{where}.completed_on", meeting, held, "completion", d.completed_on, issued
            )
            self.not_before(
                f"{where}.cancelled_on", meeting, held, "cancellation", d.cancelled_on, issued
            )
            for n, entry in enumerate(d.progress):
                at = f"{where}.progress[{n}].reported_on"
                self.not_before(at, meeting, held, "progress", entry.reported_on, issued)
            for n, ext in enumerate(d.extensions):
                at = f"{where}.extensions[{n}]"
                self.not_before(
                    f"{at}.approved_on", meeting, held, "approval", ext.approved_on, issued
                )
                self.not_before(f"{at}.new_due", meeting, held, "new_deadline", ext.new_due, issued)
            field_id = self.read_directive_parts(d, where)
            for n, move in enumerate(d.moves):
                at = f"{where}.moves[{n}]"
                self.unit(move.from_, f"{at}.from")
                self.unit(move.to, f"{at}.to")
                if move.from_ == move.to:
                    raise InvalidInput.of("json_move_same_unit", where=at, unit=move.to)
                self.not_before(f"{at}.on", meeting, held, "move", move.on)
            for n, handover in enumerate(d.handovers):
                at = f"{where}.handovers[{n}]"
                self.unit(handover.from_, f"{at}.from")
                if handover.to is not None:
                    self.unit(handover.to, f"{at}.to")
                if handover.from_ == handover.to:
                    raise InvalidInput.of("json_move_same_unit", where=at, unit=handover.to)
                self.not_before(f"{at}.on", meeting, held, "move", handover.on)
            self.created["directives"] += 1
            self.created["progress"] += len(d.progress)
            self.created["extensions"] += len(d.extensions)
            self.created["results"] += d.result is not None
            self.created["requests"] += len(d.requests)
            if not self.write:
                continue
            unit_ids = self.unit_ids
            batch["directives"].append(
                {
                    "id": d.id,
                    "meeting_id": meeting,
                    "unit_id": unit_ids[d.unit],
                    "text": d.text,
                    "original_due": d.original_due,
                    "due_text": d.due_text,
                    "product": d.product,
                    "key": d.key,
                    "completed_on": d.completed_on,
                    "completed_on_exact": d.completed_on_exact,
                    "completion_note": d.completion_note,
                    "cancelled_on": d.cancelled_on,
                    "cancel_reason": d.cancel_reason,
                    "created_at": d.created_at,
                    "series_id": d.series_id,
                    "period": d.period,
                    "issued_on": d.issued_on,
                    "withdrawn_on": d.withdrawn_on,
                    "field_id": field_id,
                }
            )
            batch["with"] += ({"directive_id": d.id, "unit_id": unit_ids[c]} for c in d.with_)
            batch["progress"] += (
                _no_id(
                    {
                        "id": e.id,
                        "directive_id": d.id,
                        "reported_on": e.reported_on,
                        "percent": e.percent,
                        "note": e.note,
                        "created_at": e.created_at,
                    }
                )
                for e in d.progress
            )
            batch["extensions"] += (
                _no_id(
                    {
                        "id": e.id,
                        "directive_id": d.id,
                        "approved_on": e.approved_on,
                        "new_due": e.new_due,
                        "due_text": e.due_text,
                        "reason": e.reason,
                        "created_at": e.created_at,
                    }
                )
                for e in d.extensions
            )
            if d.result is not None:
                batch["results"].append({"directive_id": d.id, **d.result.model_dump()})
            batch["requests"] += ({"directive_id": d.id, **r.model_dump()} for r in d.requests)
            batch["closures"] += (
                {
                    "directive_id": d.id,
                    **c.model_dump(exclude={"result"}),
                    **(c.result.model_dump() if c.result is not None else _NO_RESULT),
                }
                for c in d.closures
            )
            batch["moves"] += ({"directive_id": d.id, "move": m} for m in d.moves)
            batch["handovers"] += ({"directive_id": d.id, "handover": h} for h in d.handovers)
            count += 1
            if count == BATCH:
                self.flush_directives(batch)
                count = 0
        self.flush_directives(batch)

    def flush_directives(self, batch: dict[str, list[dict[str, Any]]]) -> None:
        session = self.session
        bulk.insert_rows(session, bulk.DIRECTIVE, batch["directives"])
        bulk.insert_rows(session, bulk.COORDINATOR, batch["with"])
        bulk.insert_rows(session, bulk.PROGRESS, batch["progress"])
        bulk.insert_rows(session, bulk.EXTENSION, batch["extensions"])
        bulk.insert_rows(session, t.directive_result, batch["results"])
        bulk.insert_rows(session, t.request, batch["requests"])
        bulk.insert_rows(session, t.closure, batch["closures"])
        for moved in batch["moves"]:  # kept where `unit retire` keeps them: the change log
            move: MoveOut = moved["move"]
            log_move(
                session, moved["directive_id"], move.on,
                (self.unit_ids[move.from_], move.from_), (self.unit_ids[move.to], move.to),
            )  # fmt: skip
        for handed in batch["handovers"]:  # kept where `unit retire` keeps them too
            handover: HandoverOut = handed["handover"]
            to = handover.to
            log_handover(
                session, handed["directive_id"], handover.on,
                (self.unit_ids[handover.from_], handover.from_),
                (self.unit_ids[to], to) if to is not None else None,
            )  # fmt: skip
        self.progress.advance(len(batch["directives"]))
        batch.clear()

    # -- limitations ----------------------------------------------------------------------------

    def read_limitations(self, events: Iterator[tuple[str, str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        for i, lim in self.records("limitations", events):
            where = f"limitations[{i}]"
            if lim.id in self.repeats:
                raise InvalidInput.of("json_same_id", what="limitations", id=lim.id)
            self.repeats[lim.id] = lim.repeat_of
            held = self.meeting_day(lim.meeting_id, where)
            self.unit(lim.unit, f"{where}.unit")
            self.not_before(
                f"{where}.resolved_on", lim.meeting_id, held, "resolution", lim.resolved_on
            )
            if lim.repeat_of == lim.id:
                raise InvalidInput.of("json_repeat_self", where=f"{where}.repeat_of", id=lim.id)
            self.created["limitations"] += 1
            if not self.write:
                continue
            # A link to a limitation already written goes in with the row; one to a later
            # limitation once that is written.
            written = lim.repeat_of is None or lim.repeat_of in self.repeats
            if not written:
                self.forward.append({"id": lim.id, "repeat_of_id": lim.repeat_of or 0})
            rows.append(
                {
                    "id": lim.id,
                    "meeting_id": lim.meeting_id,
                    "unit_id": self.unit_ids[lim.unit],
                    "text": lim.text,
                    "text_key": fold(lim.text),
                    "category": lim.category.value,
                    "resolved_on": lim.resolved_on,
                    "resolve_note": lim.resolve_note,
                    "repeat_of_id": lim.repeat_of if written else None,
                    "created_at": lim.created_at,
                }
            )
            if len(rows) >= BATCH:
                self.flush_limitations(rows)
        self.flush_limitations(rows)
        self.check_repeats()
        if self.write:
            bulk.update_by_id(self.session, Limitation, self.forward)

    def flush_limitations(self, rows: list[dict[str, Any]]) -> None:
        bulk.insert_rows(self.session, bulk.LIMITATION, rows)
        self.progress.advance(len(rows))
        rows.clear()

    def check_repeats(self) -> None:
        """Every link names a limitation, and no chain of links comes back on itself."""
        repeats = self.repeats
        order = {lim_id: i for i, lim_id in enumerate(repeats)}
        done: set[int] = set()
        for lim_id, target in repeats.items():
            if target is not None and target not in repeats:
                where = f"limitations[{order[lim_id]}].repeat_of"
                raise InvalidInput.of("json_no_limitation", where=where, id=target)
            cycle = _cycle(repeats, lim_id, done)
            if cycle is not None:
                raise InvalidInput.of(
                    "json_repeat_cycle", where=f"limitations[{order[cycle[0]]}].repeat_of",
                    chain=" → ".join(map(str, cycle)),
                )  # fmt: skip


# How many parse events ijson_items hands to ijson's builder at a time.
_EVENTS = 4096


class _KeyTwice(Exception):
    """An object of the document gave a key twice (``args[0]``: the key)."""


class _Object(dict[str, Any]):
    """An object as ijson builds it, refusing a key given twice (:class:`_KeyTwice`): a plain
    dict keeps the last value unsaid, and the draft reader refuses it too."""

    __slots__ = ()

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            raise _KeyTwice(key)
        dict.__setitem__(self, key, value)


def key_twice_at(path: Path) -> str | None:
    """Where the first key given twice in one object of the document ``path`` is, as a
    refusal of a record names a value (``directives[3].requests[0].reason``); None if none.

    Read again from the start, event by event, once the import has met such a key: the records
    are built in C, and which of them held it is known only then."""
    places: list[list[Any]] = []  # per open container: [keys seen | index, its place]
    where = ""
    with _open(path) as handle:
        for _prefix, event, value in parse_events(handle, path.name):
            if places and isinstance(places[-1][0], int) and event in _STARTS:
                places[-1][0] += 1
                where = f"{places[-1][1]}[{places[-1][0]}]"
            if event == "map_key":
                keys, parent = places[-1]
                if value in keys:
                    return f"{parent}.{value}" if parent else str(value)
                keys.add(value)
                where = f"{parent}.{value}" if parent else str(value)
            elif event == "start_map":
                places.append([set(), where])
            elif event == "start_array":
                places.append([-1, where])
            elif event in ("end_map", "end_array"):
                places.pop()
                where = places[-1][1] if places else ""
    return None


# The events that begin a value in a list (each its own item).
_STARTS = frozenset(
    ("start_map", "start_array", "string", "number", "boolean", "null", "integer", "double")
)


def ijson_items(events: Iterable[tuple[str, str, Any]], prefix: str) -> Iterator[Any]:
    """The objects under ``prefix`` built from ijson's parse events (in C).

    The events go to ijson's builder :data:`_EVENTS` at a time, passed from C (``map`` over a
    slice), not one by one from a Python loop as ``ijson.items`` over events does; the objects
    built from a slice are handed on before the next slice is read, so memory stays that of a
    slice. Objects completed before a fault in the document come out before it is raised.
    """
    import ijson
    from ijson.utils import sendable_list

    built = sendable_list()
    send = ijson.get_backend(ijson.backend).items_basecoro(built, prefix, map_type=_Object).send
    events = iter(events)
    took: deque[None] = deque(maxlen=1)  # holds one None once a slice had any event
    while True:
        try:
            took.extend(map(send, itertools.islice(events, _EVENTS)))
        except BaseException:
            yield from built
            raise
        yield from built
        built.clear()
        if not took:
            return
        took.clear()


def run(session: Session, path: Path, options: ImportOptions, progress: Progress) -> ImportResult:
    """Import an export document into an empty database (the registry's handler).

    The document is read once, record by record; each section is checked as it is read and
    written in batches (unless a dry run), in the order units, meetings, directives,
    limitations. Any fault raises before the command's transaction commits, so nothing is kept.

    Raises:
        InvalidInput: a spreadsheet option was given, or the document is not a valid export
            (the message names the record: ``directives[3].completed_on``).
        Conflict: the database already holds records.
    """
    import ijson

    given = options.sheet_options()
    if given:
        raise InvalidInput.of(
            "export_sheet_options", n=len(given), options=", ".join(given), name=path.name
        )
    held = bulk.held_rows(session)
    if any(held.values()):
        main = {"units": "unit", "meetings": "meeting", "directives": "directive"}
        main["limitations"] = "limitation"
        shown = [Count(name, held[table]) for name, table in main.items() if held[table]]
        # Records of the other sections (their parts, such as aliases, go with them).
        others = sum(held[table] for table in SECTION_TABLES.values() if table not in main.values())
        if others:
            shown.append(Count("records", others))
        raise Conflict.of("export_not_empty", records=shown)
    progress.stage("reading")
    state = _Import(session, path.name, write=not options.dry_run, progress=progress)
    readers = {
        "office": state.read_office,
        "calendar": state.read_calendar,
        "units": state.read_units,
        "fields": state.read_fields,
        "leaders": state.read_leaders,
        "meetings": state.read_meetings,
        "series": state.read_series,
        "directives": state.read_directives,
        "limitations": state.read_limitations,
        "packs": state.read_packs,
        "urgings": state.read_urgings,
    }
    seen: list[str] = []
    with _open(path) as handle:
        state.source = _Guarded(handle, path.name)
        events = _events(state.source)
        try:
            for prefix, event, value in events:
                if prefix != "" or event != "map_key":
                    continue  # the document's opening brace; its closing one ends the loop
                if value in seen:
                    raise InvalidInput.of("json_twice", name=path.name, where=value)
                seen.append(value)
                if value in ("format", "version"):
                    version = _top_value(path.name, value, next(events, None))
                    state.version = version if value == "version" else state.version
                elif value in readers and (value in REQUIRED or state.version >= 2):
                    _in_order(path.name, value, seen)
                    readers[value](events)
                else:
                    raise InvalidInput.of(
                        "json_record", name=path.name, where=value,
                        detail=Phrase("json_extra"), more="",
                    )  # fmt: skip
        except _KeyTwice as exc:  # the last value would win unsaid: refused, as in a draft
            where = key_twice_at(path) or str(exc.args[0])
            raise InvalidInput.of("json_twice", name=path.name, where=where) from None
        except ijson.JSONError as exc:
            detail = _json_syntax(exc)
            raise InvalidInput.of("json_invalid", name=path.name, detail=detail) from None
    required = SECTIONS if state.version >= 2 else REQUIRED
    for name in ("format", "version", *required):
        if name not in seen:
            raise InvalidInput.of(
                "json_record", name=path.name, where=name, detail=Phrase("json_absent"), more=""
            )
    if state.write:
        bulk.sync_sequences(session)
    return ImportResult(
        file=str(path),
        kind="dirtrack-json",
        dry_run=options.dry_run,
        details={"version": state.version},
        created=state.created,
        directive_ids=state.directives.all(),
    )


def _in_order(name: str, section: str, seen: list[str]) -> None:
    """``section`` comes after ``version`` and the sections before it in :data:`SECTIONS`
    (those of :data:`REQUIRED` given), before the sections after it: each is checked against
    those before it.

    Raises:
        InvalidInput: naming the section out of place.
    """
    if "version" not in seen:
        raise InvalidInput.of("json_order", name=name, where=section, after="version")
    at = SECTIONS.index(section)
    for other in seen:
        if other in SECTIONS and SECTIONS.index(other) > at:
            raise InvalidInput.of("json_order", name=name, where=other, after=section)
    missing = [s for s in REQUIRED if SECTIONS.index(s) < at and s not in seen]
    if missing:
        raise InvalidInput.of("json_order", name=name, where=section, after=missing[0])


def _top_value(name: str, key: str, event: tuple[str, str, Any] | None) -> int:
    """``"format": "dirtrack-export"`` and ``"version":`` :data:`VERSION` (or an older one it
    reads); returns the version (the current one for ``format``)."""
    kind, value = (event[1], event[2]) if event else (None, None)
    if key == "format" and (kind, value) != ("string", FORMAT):
        raise InvalidInput.of(
            "json_record", name=name, where="format",
            detail=f"Input should be {FORMAT!r}", more="",
        )  # fmt: skip
    if key == "version":
        if kind != "number" or type(value) is not int or value not in READS:
            raise InvalidInput.of("json_bad_version", name=name, first=READS[0], last=READS[-1])
        return int(value)
    return VERSION
