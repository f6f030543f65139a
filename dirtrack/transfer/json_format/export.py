"""Writing the export: every record of the database, losslessly, as one JSON document streamed as
it is read (:func:`export_chunks`), so that memory stays flat in the register's size. Records
hold facts, never values derived as of a day (status, the deadline in force, days overdue).

The document's shape is :mod:`.records`; reading it back is :mod:`.importer`.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from dirtrack.records import RecordStream
from dirtrack.store import bulk
from dirtrack.store import tables as t
from dirtrack.store.tables import pages
from dirtrack.store.units import load_handovers, load_moves, unit_codes
from dirtrack.transfer.base import NoProgress, Progress
from dirtrack.transfer.json_format.records import (
    BATCH,
    FORMAT,
    SECTION_TABLES,
    VERSION,
    ClosureOut,
    OfficeOut,
    PackItemOut,
    PackOut,
    Record,
    RequestOut,
    ResultOut,
    ReturnedOut,
    UrgingOut,
    field_types,
)


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
    from dirtrack.db import refuse_fractional_links

    refuse_fractional_links(session.connection())  # its codes would drop such a row's link
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
        returned = _children(session, t.returned_completion, "directive_id", page, "id")
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
                "returned_completions": [
                    _record(r, ReturnedOut) for r in returned.get(directive_id, [])
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


def _record(row: Any, model: type[Record], skip: Iterable[str] = ()) -> dict[str, Any]:
    """A row's columns named as ``model``'s fields (dates as ISO text, flags as booleans)."""
    record: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        value = row[name]
        types = field_types(info.annotation)
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif bool in types and value is not None:
            value = bool(value)
        record[name] = value
    return record


def _closure(row: Any) -> dict[str, Any]:
    """A closure a reopening ended, as :class:`ClosureOut` has it (its result nested)."""
    record = _record(row, ClosureOut, skip=("result",))
    result = None
    if row["claimed_on"] is not None:  # its return none: a completion reopened was never returned
        result = {
            **_record(row, ResultOut, skip=("returned_on", "return_reason")),
            "returned_on": None,
            "return_reason": None,
        }
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
