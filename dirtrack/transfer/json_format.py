"""The dirtrack export: every record, losslessly, as one JSON document (format version 1).

``{"format": "dirtrack-export", "version": 1, "units": […], "meetings": […], "directives": […],
"limitations": […]}``. Records hold facts, never values derived as of a day (status, the
deadline in force, days overdue): those follow from the facts. Each list is in id order (units
in code order); references between records are unit codes and meeting ids. The models below are
the format's definition; README.md documents it. A change to the format raises ``VERSION``.

Both directions stream, so that memory stays flat in the register's size: the export writes
each record as it is read from the database (:func:`export_chunks`), and the import reads one
record at a time (ijson), checks it and writes it in batches, all in the command's one
transaction (:func:`run`). Importing a document puts every record back with its id into an empty
database, so that export → import → export gives the same bytes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationError
from sqlmodel import Session

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import Count, Phrase
from dirtrack.models import Category, Limitation, MeetingKind, Unit
from dirtrack.periods import FIRST_YEAR, LAST_YEAR
from dirtrack.records import RecordStream
from dirtrack.store import bulk
from dirtrack.store.tables import pages
from dirtrack.text import control_character, fold, fold_words, is_blank
from dirtrack.transfer.base import ImportOptions, ImportResult, NoProgress, Progress

FORMAT = "dirtrack-export"
VERSION = 1
SECTIONS = ("units", "meetings", "directives", "limitations")
BATCH = 2000  # records written (and read, on export) per statement
_VERSION = re.compile(rb'"version"\s*:\s*(\d+)')
_BOM = b"\xef\xbb\xbf"


def _text_only(value: object) -> object:
    """Dates and timestamps are JSON strings (ISO 8601), never numbers."""
    if not isinstance(value, str):
        raise ValueError("Input should be a valid string")
    return value


# The records are checked strictly (no number for a string, no 1.0 for 1); dates, timestamps
# and the named values (kind, category) are read from their JSON strings.
Day = Annotated[date, BeforeValidator(_text_only), Strict(False)]
Stamp = Annotated[datetime, BeforeValidator(_text_only), Strict(False)]
Kind = Annotated[MeetingKind, Strict(False)]
Group = Annotated[Category, Strict(False)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class UnitOut(_Record):
    code: str = Field(min_length=1)
    name: str = Field(min_length=1)
    parent: str | None
    successor: str | None
    retired_on: Day | None
    aliases: list[str]
    created_at: Stamp


class MeetingOut(_Record):
    id: int = Field(gt=0)
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


class ProgressOut(_Record):
    reported_on: Day
    percent: int | None = Field(ge=0, le=100)
    note: str | None
    created_at: Stamp


class ExtensionOut(_Record):
    approved_on: Day
    new_due: Day
    due_text: str | None
    reason: str | None
    created_at: Stamp


class DirectiveOut(_Record):
    id: int = Field(gt=0)
    meeting_id: int = Field(gt=0)
    unit: str
    with_: list[str] = Field(alias="with")
    text: str = Field(min_length=1)
    original_due: Day | None
    due_text: str | None
    product: str | None
    key: str | None
    completed_on: Day | None
    completion_note: str | None
    cancelled_on: Day | None
    cancel_reason: str | None
    created_at: Stamp
    progress: list[ProgressOut]
    extensions: list[ExtensionOut]


class LimitationOut(_Record):
    id: int = Field(gt=0)
    meeting_id: int = Field(gt=0)
    unit: str
    text: str = Field(min_length=1)
    category: Group
    resolved_on: Day | None
    resolve_note: str | None
    repeat_of: int | None
    created_at: Stamp


class ExportDoc(_Record):
    """The whole document (its definition; the import reads it a record at a time)."""

    format: Literal["dirtrack-export"]
    version: Literal[1]
    units: list[UnitOut]
    meetings: list[MeetingOut]
    directives: list[DirectiveOut]
    limitations: list[LimitationOut]


SECTION_MODELS: dict[str, type[_Record]] = {
    "units": UnitOut,
    "meetings": MeetingOut,
    "directives": DirectiveOut,
    "limitations": LimitationOut,
}


# --- export ---------------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_doc(session: Session, progress: Progress | None = None) -> dict[str, Any]:
    """Every record of the database as the export document, in the order shown in
    :class:`ExportDoc`: plain dicts, the long lists as :class:`RecordStream` read a batch at a
    time while ``session`` is open (:func:`dirtrack.records.materialised` reads them whole)."""
    progress = progress or NoProgress()
    totals = bulk.counts(session)
    progress.stage("exporting", sum(totals.values()))
    codes = bulk.unit_codes(session)
    aliases: dict[int, list[str]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.ALIAS):
        aliases[row["unit_id"]].append(row["alias"])
    units = []
    for row in bulk.rows_of(session, bulk.UNIT, "code_key", "id"):
        units.append(
            {
                "code": row["code"],
                "name": row["name"],
                "parent": codes.get(row["parent_id"]),
                "successor": codes.get(row["successor_id"]),
                "retired_on": _iso(row["retired_on"]),
                "aliases": aliases.get(row["id"], []),
                "created_at": _iso(row["created_at"]),
            }
        )
    progress.advance(len(units))

    def streamed(
        name: str, table: Any, make: Callable[[list[Any]], Iterator[dict[str, Any]]]
    ) -> RecordStream:
        """The records of ``table`` as ``make`` writes them, a page of rows at a time."""

        def produce() -> Iterator[dict[str, Any]]:
            for page in pages(session, table, BATCH):
                yield from make(page)
                progress.advance(len(page))

        return RecordStream(totals[name], produce)

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

    def directives(page: list[Any]) -> Iterator[dict[str, Any]]:
        coordinators = _children(session, bulk.COORDINATOR, "directive_id", page, "unit_id")
        entries = _children(session, bulk.PROGRESS, "directive_id", page, "reported_on", "id")
        extensions = _children(session, bulk.EXTENSION, "directive_id", page, "approved_on", "id")
        for row in page:
            directive_id = row["id"]
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
                "completion_note": row["completion_note"],
                "cancelled_on": _iso(row["cancelled_on"]),
                "cancel_reason": row["cancel_reason"],
                "created_at": _iso(row["created_at"]),
                "progress": [
                    {
                        "reported_on": _iso(e["reported_on"]),
                        "percent": e["percent"],
                        "note": e["note"],
                        "created_at": _iso(e["created_at"]),
                    }
                    for e in entries.get(directive_id, [])
                ],
                "extensions": [
                    {
                        "approved_on": _iso(e["approved_on"]),
                        "new_due": _iso(e["new_due"]),
                        "due_text": e["due_text"],
                        "reason": e["reason"],
                        "created_at": _iso(e["created_at"]),
                    }
                    for e in extensions.get(directive_id, [])
                ],
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

    return {
        "format": FORMAT,
        "version": VERSION,
        "units": units,
        "meetings": streamed("meetings", bulk.MEETING, meetings),
        "directives": streamed("directives", bulk.DIRECTIVE, directives),
        "limitations": streamed("limitations", bulk.LIMITATION, limitations),
    }


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


def _where(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _open(path: Path) -> IO[bytes]:
    """The file, opened past a UTF-8 byte order mark if it starts with one.

    Raises:
        InvalidInput: it cannot be read, or it is an export of another version.
    """
    try:
        handle = path.open("rb")
        head = handle.read(512)
    except OSError as exc:
        raise InvalidInput.of("json_unreadable", path=path, reason=exc.strerror) from None
    version = _VERSION.search(head)
    if version is not None and int(version[1]) != VERSION:
        handle.close()
        raise InvalidInput.of(
            "json_version", name=path.name, version=int(version[1]), expected=VERSION
        )
    handle.seek(len(_BOM) if head.startswith(_BOM) else 0)
    return handle


# What each record's fields are, for the checks the models cannot make: its texts (single and
# lists), its dates and timestamps, its nested records. Made once per model.
_Shape = tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]
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
        texts, days, nested = [], [], []
        for name, info in model.model_fields.items():
            shown = info.alias or name
            types = _types(info.annotation)
            if any(isinstance(t, type) and issubclass(t, BaseModel) for t in types):
                nested.append((name, shown))
            elif types & {date, datetime}:
                days.append((name, shown))
            elif str in types:
                texts.append((name, shown))
        found = _SHAPES[model] = (texts, days, nested)
    return found


def _check_values(record: BaseModel, where: str) -> None:
    """Text that shows something and holds no control character, dates in range.

    Raises:
        InvalidInput: naming the field (``directives[3].progress[0].note``).
    """
    texts, days, nested = _shape(type(record))
    for name, shown in texts:
        value = getattr(record, name)
        for i, text in enumerate(value if isinstance(value, list) else [value]):
            if text is None:
                continue
            at = f"{where}.{shown}" + (f"[{i}]" if isinstance(value, list) else "")
            char = control_character(text)
            if char is not None:
                raise InvalidInput.of("json_control", where=at, char=char)
            if is_blank(text):
                raise InvalidInput.of("json_blank", where=at)
    for name, shown in days:
        value = getattr(record, name)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise InvalidInput.of(
                "json_year", where=f"{where}.{shown}", year=value.year, first=FIRST_YEAR,
                last=LAST_YEAR,
            )  # fmt: skip
    for name, shown in nested:
        for i, item in enumerate(getattr(record, name)):
            _check_values(item, f"{where}.{shown}[{i}]")


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
        self.held: dict[int, date] = {}  # meeting id -> its day
        self.meeting_keys: set[str] = set()
        self.directive_ids: array[int] = array("q")
        self.directive_keys: set[tuple[str, str]] = set()
        self.repeats: dict[int, int | None] = {}  # limitation id -> the one it repeats
        self.forward: list[dict[str, int]] = []  # links to limitations not yet written
        self.created = dict.fromkeys(
            ("units", "meetings", "directives", "progress", "extensions", "limitations"), 0
        )

    # -- reading ------------------------------------------------------------------------------

    def records(
        self, section: str, events: Iterator[tuple[str, str, Any]]
    ) -> Iterator[tuple[int, Any]]:
        """The section's records, checked against its model, with their index."""
        first = next(events, None)
        if first is None or first[1] != "start_array":
            raise InvalidInput.of(
                "json_record", name=self.name, where=section,
                detail="Input should be a valid list", more="",
            )  # fmt: skip
        model = SECTION_MODELS[section]
        end = functools.partial(operator.ne, (section, "end_array", None))
        items = ijson_items(itertools.takewhile(end, events), f"{section}.item")
        for i, raw in enumerate(items):
            try:
                yield i, model.model_validate(raw)
            except ValidationError as exc:
                self.refuse(exc, section, i)

    def refuse(self, exc: ValidationError, section: str, index: int) -> None:
        first = exc.errors()[0]
        more = exc.error_count() - 1
        raise InvalidInput.of(
            "json_record",
            name=self.name,
            where=_where((section, index, *first["loc"])),
            detail=first["msg"],
            more=Phrase("json_more", n=more) if more else "",
        ) from None

    # -- units ----------------------------------------------------------------------------------

    def read_units(self, events: Iterator[tuple[str, str, Any]]) -> None:
        for i, unit in self.records("units", events):
            _check_values(unit, f"units[{i}]")
            self.units.append(unit)
        units = self.units
        keys: dict[str, str] = {}
        for i, unit in enumerate(units):
            for name in (unit.code, unit.name, *unit.aliases):
                key = fold_words(name)
                if key in keys and keys[key] != unit.code:
                    raise InvalidInput.of(
                        "json_name_taken", where=f"units[{i}]", value=name, unit=keys[key]
                    )
                keys[key] = unit.code
        if len({fold(u.code) for u in units}) != len(units):
            raise InvalidInput.of("json_same_code")
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
        ids = bulk.insert_returning_ids(
            session,
            bulk.UNIT,
            [
                {
                    "code": u.code,
                    "code_key": fold(u.code),
                    "name": u.name,
                    "name_key": fold(u.name),
                    "retired_on": u.retired_on,
                    "created_at": u.created_at,
                }
                for u in units
            ],
        )
        self.unit_ids = dict(zip([u.code for u in units], ids, strict=True))
        unit_ids = self.unit_ids
        links = [
            {
                "id": unit_ids[u.code],
                "parent_id": unit_ids[u.parent] if u.parent else None,
                "successor_id": unit_ids[u.successor] if u.successor else None,
            }
            for u in units
            if u.parent or u.successor
        ]
        bulk.update_by_id(session, Unit, links)
        bulk.insert_rows(
            session,
            bulk.ALIAS,
            [
                {"unit_id": unit_ids[u.code], "alias": alias, "alias_key": fold(alias)}
                for u in units
                for alias in u.aliases
            ],
        )

    def unit(self, code: str, where: str) -> None:
        if code not in self.known_units:
            raise InvalidInput.of("json_no_unit", where=where, code=code)

    @functools.cached_property
    def known_units(self) -> set[str]:
        return {u.code for u in self.units}

    def meeting_day(self, meeting_id: int, where: str) -> date:
        held = self.held.get(meeting_id)
        if held is None:
            raise InvalidInput.of("json_no_meeting", where=f"{where}.meeting_id", id=meeting_id)
        return held

    def not_before(self, where: str, meeting: int, held: date, what: str, day: date | None) -> None:
        if day is not None and day < held:
            raise InvalidInput.of(
                "json_before_meeting", where=where, what=Phrase(f"day_{what}"), day=day,
                meeting=meeting, held=held,
            )  # fmt: skip

    # -- meetings -------------------------------------------------------------------------------

    def read_meetings(self, events: Iterator[tuple[str, str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        attendees: list[dict[str, Any]] = []
        for i, meeting in self.records("meetings", events):
            where = f"meetings[{i}]"
            _check_values(meeting, where)
            if meeting.id in self.held:
                raise InvalidInput.of("json_same_id", what="meetings", id=meeting.id)
            self.held[meeting.id] = meeting.date
            for code in meeting.attendees:
                self.unit(code, f"{where}.attendees")
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

    def new_directive_id(self, directive_id: int) -> None:
        ids = self.directive_ids
        if not ids or directive_id > ids[-1]:  # the export's order: ids ascending
            ids.append(directive_id)
            return
        at = bisect.bisect_left(ids, directive_id)
        if at < len(ids) and ids[at] == directive_id:
            raise InvalidInput.of("json_same_id", what="directives", id=directive_id)
        ids.insert(at, directive_id)

    def read_directives(self, events: Iterator[tuple[str, str, Any]]) -> None:
        batch: dict[str, list[dict[str, Any]]] = defaultdict(list)
        count = 0
        for i, d in self.records("directives", events):
            where = f"directives[{i}]"
            _check_values(d, where)
            self.new_directive_id(d.id)
            held = self.meeting_day(d.meeting_id, where)
            for code in (d.unit, *d.with_):
                self.unit(code, where)
            if d.key is not None:
                if (d.key, d.unit) in self.directive_keys:
                    raise InvalidInput.of("json_same_directive_key", key=d.key)
                self.directive_keys.add((d.key, d.unit))
            meeting = d.meeting_id
            self.not_before(f"{where}.original_due", meeting, held, "deadline", d.original_due)
            self.not_before(f"{where}.completed_on", meeting, held, "completion", d.completed_on)
            self.not_before(f"{where}.cancelled_on", meeting, held, "cancellation", d.cancelled_on)
            for n, entry in enumerate(d.progress):
                at = f"{where}.progress[{n}].reported_on"
                self.not_before(at, meeting, held, "progress", entry.reported_on)
            for n, ext in enumerate(d.extensions):
                at = f"{where}.extensions[{n}]"
                self.not_before(f"{at}.approved_on", meeting, held, "approval", ext.approved_on)
                self.not_before(f"{at}.new_due", meeting, held, "new_deadline", ext.new_due)
            self.created["directives"] += 1
            self.created["progress"] += len(d.progress)
            self.created["extensions"] += len(d.extensions)
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
                    "completion_note": d.completion_note,
                    "cancelled_on": d.cancelled_on,
                    "cancel_reason": d.cancel_reason,
                    "created_at": d.created_at,
                }
            )
            batch["with"] += ({"directive_id": d.id, "unit_id": unit_ids[c]} for c in d.with_)
            batch["progress"] += (
                {
                    "directive_id": d.id,
                    "reported_on": e.reported_on,
                    "percent": e.percent,
                    "note": e.note,
                    "created_at": e.created_at,
                }
                for e in d.progress
            )
            batch["extensions"] += (
                {
                    "directive_id": d.id,
                    "approved_on": e.approved_on,
                    "new_due": e.new_due,
                    "due_text": e.due_text,
                    "reason": e.reason,
                    "created_at": e.created_at,
                }
                for e in d.extensions
            )
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
        self.progress.advance(len(batch["directives"]))
        batch.clear()

    # -- limitations ----------------------------------------------------------------------------

    def read_limitations(self, events: Iterator[tuple[str, str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        for i, lim in self.records("limitations", events):
            where = f"limitations[{i}]"
            _check_values(lim, where)
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


def ijson_items(events: Iterable[tuple[str, str, Any]], prefix: str) -> Iterator[Any]:
    """The objects under ``prefix`` built from ijson's parse events (in C)."""
    import ijson

    return iter(ijson.items(events, prefix))


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
    held = bulk.counts(session)
    if any(held.values()):
        shown = [Count(name, n) for name, n in held.items() if n]
        raise Conflict.of("export_not_empty", records=shown)
    progress.stage("reading")
    state = _Import(session, path.name, write=not options.dry_run, progress=progress)
    readers = {
        "units": state.read_units,
        "meetings": state.read_meetings,
        "directives": state.read_directives,
        "limitations": state.read_limitations,
    }
    seen: list[str] = []
    with _open(path) as handle:
        events = iter(ijson.parse(handle))
        try:
            for prefix, event, value in events:
                if prefix != "" or event != "map_key":
                    continue  # the document's opening brace; its closing one ends the loop
                if value in seen:
                    raise InvalidInput.of("json_twice", name=path.name, where=value)
                seen.append(value)
                if value in readers:
                    # Each section is checked against those before it: they come first.
                    missing = [s for s in SECTIONS[: SECTIONS.index(value)] if s not in seen]
                    if missing:
                        raise InvalidInput.of(
                            "json_order", name=path.name, where=value, after=missing[0]
                        )
                    readers[value](events)
                elif value in ("format", "version"):
                    _top_value(path.name, value, next(events, None))
                else:
                    raise InvalidInput.of(
                        "json_record", name=path.name, where=value,
                        detail="Extra inputs are not permitted", more="",
                    )  # fmt: skip
        except ijson.JSONError as exc:
            said = exc.args[0] if exc.args else ""
            text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
            detail = text.strip().splitlines()[0] if text.strip() else "cut short"
            raise InvalidInput.of("json_invalid", name=path.name, detail=detail) from None
    for name in ("format", "version", *SECTIONS):
        if name not in seen:
            raise InvalidInput.of(
                "json_record", name=path.name, where=name, detail="Field required", more=""
            )
    if state.write:
        bulk.sync_sequences(session)
    return ImportResult(
        file=str(path),
        kind="dirtrack-json",
        dry_run=options.dry_run,
        details={"version": VERSION},
        created=state.created,
        directive_ids=state.directive_ids,
    )


def _top_value(name: str, key: str, event: tuple[str, str, Any] | None) -> None:
    """``"format": "dirtrack-export"`` and ``"version": 1``, as :class:`ExportDoc` says."""
    kind, value = (event[1], event[2]) if event else (None, None)
    if key == "format" and (kind, value) != ("string", FORMAT):
        raise InvalidInput.of(
            "json_record", name=name, where="format",
            detail=f"Input should be {FORMAT!r}", more="",
        )  # fmt: skip
    if key == "version" and (kind != "number" or value != VERSION):
        raise InvalidInput.of("json_bad_version", name=name, expected=VERSION)
