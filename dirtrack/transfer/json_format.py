"""The dirtrack export: every record, losslessly, as one JSON document (format version 1).

``{"format": "dirtrack-export", "version": 1, "units": […], "meetings": […], "directives": […],
"limitations": […]}``. Records hold facts, never values derived as of a day (status, the
deadline in force, days overdue): those follow from the facts. Each list is in id order (units
in code order); references between records are unit codes and meeting ids. The models below are
the format's definition; README.md documents it. A change to the format raises ``VERSION``.

Importing a document puts every record back with its id into an empty database, so that
export → import → export gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import Session

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import Count
from dirtrack.models import Category, Limitation, MeetingKind, Unit
from dirtrack.store import bulk
from dirtrack.text import fold, fold_words
from dirtrack.transfer.base import ImportOptions, ImportResult, NoProgress, Progress

FORMAT = "dirtrack-export"
VERSION = 1
_VERSION = re.compile(rb'"version"\s*:\s*(\d+)')


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitOut(_Record):
    code: str = Field(min_length=1)
    name: str = Field(min_length=1)
    parent: str | None
    successor: str | None
    retired_on: date | None
    aliases: list[str]
    created_at: datetime


class MeetingOut(_Record):
    id: int = Field(gt=0)
    date: date
    title: str = Field(min_length=1)
    kind: MeetingKind
    chair: str | None
    chair_title: str | None
    doc: str | None
    note: str | None
    key: str | None
    attendees: list[str]
    created_at: datetime


class ProgressOut(_Record):
    reported_on: date
    percent: int | None = Field(ge=0, le=100)
    note: str | None
    created_at: datetime


class ExtensionOut(_Record):
    approved_on: date
    new_due: date
    due_text: str | None
    reason: str | None
    created_at: datetime


class DirectiveOut(_Record):
    id: int = Field(gt=0)
    meeting_id: int = Field(gt=0)
    unit: str
    with_: list[str] = Field(alias="with")
    text: str = Field(min_length=1)
    original_due: date | None
    due_text: str | None
    product: str | None
    key: str | None
    completed_on: date | None
    completion_note: str | None
    cancelled_on: date | None
    cancel_reason: str | None
    created_at: datetime
    progress: list[ProgressOut]
    extensions: list[ExtensionOut]


class LimitationOut(_Record):
    id: int = Field(gt=0)
    meeting_id: int = Field(gt=0)
    unit: str
    text: str = Field(min_length=1)
    category: Category
    resolved_on: date | None
    resolve_note: str | None
    repeat_of: int | None
    created_at: datetime


class ExportDoc(_Record):
    format: Literal["dirtrack-export"]
    version: Literal[1]
    units: list[UnitOut]
    meetings: list[MeetingOut]
    directives: list[DirectiveOut]
    limitations: list[LimitationOut]


# --- export ---------------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_doc(session: Session, progress: Progress | None = None) -> dict[str, Any]:
    """Every record of the database as the export document (plain dicts, in the order shown
    in :class:`ExportDoc`)."""
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
    attendees: dict[int, list[str]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.ATTENDEE, "meeting_id", "unit_id"):
        attendees[row["meeting_id"]].append(codes[row["unit_id"]])
    meetings = []
    for row in bulk.rows_of(session, bulk.MEETING):
        meetings.append(
            {
                "id": row["id"],
                "date": _iso(row["date"]),
                "title": row["title"],
                "kind": row["kind"],
                "chair": row["chair"],
                "chair_title": row["chair_title"],
                "doc": row["doc"],
                "note": row["note"],
                "key": row["key"],
                "attendees": sorted(attendees.get(row["id"], [])),
                "created_at": _iso(row["created_at"]),
            }
        )
    progress.advance(len(meetings))
    del attendees
    coordinators: dict[int, list[str]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.COORDINATOR, "directive_id", "unit_id"):
        coordinators[row["directive_id"]].append(codes[row["unit_id"]])
    entries: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.PROGRESS, "directive_id", "reported_on", "id"):
        entries[row["directive_id"]].append(
            {
                "reported_on": _iso(row["reported_on"]),
                "percent": row["percent"],
                "note": row["note"],
                "created_at": _iso(row["created_at"]),
            }
        )
    extensions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in bulk.rows_of(session, bulk.EXTENSION, "directive_id", "approved_on", "id"):
        extensions[row["directive_id"]].append(
            {
                "approved_on": _iso(row["approved_on"]),
                "new_due": _iso(row["new_due"]),
                "due_text": row["due_text"],
                "reason": row["reason"],
                "created_at": _iso(row["created_at"]),
            }
        )
    directives = []
    for row in bulk.rows_of(session, bulk.DIRECTIVE):
        directive_id = row["id"]
        directives.append(
            {
                "id": directive_id,
                "meeting_id": row["meeting_id"],
                "unit": codes[row["unit_id"]],
                "with": sorted(coordinators.pop(directive_id, [])),
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
                "progress": entries.pop(directive_id, []),
                "extensions": extensions.pop(directive_id, []),
            }
        )
        if len(directives) % 1000 == 0:
            progress.advance(1000)
    progress.advance(len(directives) % 1000)
    limitations = []
    for row in bulk.rows_of(session, bulk.LIMITATION):
        limitations.append(
            {
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
        )
    progress.advance(len(limitations))
    return {
        "format": FORMAT,
        "version": VERSION,
        "units": units,
        "meetings": meetings,
        "directives": directives,
        "limitations": limitations,
    }


def dumps(doc: dict[str, Any]) -> str:
    """The document as text: UTF-8 as is, two-space indents, a final newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- import ---------------------------------------------------------------------------------


def load_doc(path: Path) -> ExportDoc:
    """Read and check an export document.

    Raises:
        InvalidInput: not JSON, another format or version, or a record that does not fit the
            format (the message says where: ``directives[3].text``).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput.of("db_unreadable", path=path, reason=exc.strerror) from None
    version = _VERSION.search(data[:512])
    if version is not None and int(version[1]) != VERSION:
        raise InvalidInput.of(
            "export_version", name=path.name, version=int(version[1]), reads=VERSION
        )
    try:
        return ExportDoc.model_validate_json(data, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _where(first["loc"])
        if first["type"] == "json_invalid":
            raise InvalidInput.of("export_not_json", name=path.name, detail=first["msg"]) from None
        if where == "version":
            raise InvalidInput.of("export_reads_version", name=path.name, reads=VERSION) from None
        if exc.error_count() > 1:
            raise InvalidInput.of(
                "export_invalid_more",
                name=path.name,
                where=where,
                detail=first["msg"],
                n=exc.error_count() - 1,
            ) from None
        raise InvalidInput.of(
            "export_invalid", name=path.name, where=where, detail=first["msg"]
        ) from None


def _where(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _check(doc: ExportDoc) -> None:  # noqa: C901
    """References and uniqueness the models cannot see.

    Raises:
        InvalidInput: naming the first record at fault.
    """
    keys: dict[str, str] = {}
    for i, unit in enumerate(doc.units):
        for name in (unit.code, unit.name, *unit.aliases):
            key = fold_words(name)
            if key in keys and keys[key] != unit.code:
                raise InvalidInput.of("export_unit_name_twice", i=i, name=name, unit=keys[key])
            keys[key] = unit.code
    codes = {u.code for u in doc.units}
    if len({fold(u.code) for u in doc.units}) != len(doc.units):
        raise InvalidInput.of("export_same_code")
    for i, unit in enumerate(doc.units):
        for what, ref in (("parent", unit.parent), ("successor", unit.successor)):
            if ref is not None and ref not in codes:
                raise InvalidInput.of("export_no_unit_at", where=f"units[{i}].{what}", unit=ref)
    meeting_ids = _unique("meetings", [m.id for m in doc.meetings])
    for i, meeting in enumerate(doc.meetings):
        for code in meeting.attendees:
            if code not in codes:
                raise InvalidInput.of(
                    "export_no_unit_at", where=f"meetings[{i}].attendees", unit=code
                )
    meeting_keys = [m.key for m in doc.meetings if m.key is not None]
    if len(set(meeting_keys)) != len(meeting_keys):
        raise InvalidInput.of("export_same_meeting_key")
    _unique("directives", [d.id for d in doc.directives])
    pairs = [(d.key, d.unit) for d in doc.directives if d.key is not None]
    if len(set(pairs)) != len(pairs):
        raise InvalidInput.of("export_same_directive_key")
    for i, directive in enumerate(doc.directives):
        if directive.meeting_id not in meeting_ids:
            raise InvalidInput.of(
                "export_no_meeting_at",
                where=f"directives[{i}].meeting_id",
                id=directive.meeting_id,
            )
        for code in (directive.unit, *directive.with_):
            if code not in codes:
                raise InvalidInput.of("export_no_unit_at", where=f"directives[{i}]", unit=code)
    limitation_ids = _unique("limitations", [lim.id for lim in doc.limitations])
    for i, limitation in enumerate(doc.limitations):
        if limitation.meeting_id not in meeting_ids:
            raise InvalidInput.of(
                "export_no_meeting_at",
                where=f"limitations[{i}].meeting_id",
                id=limitation.meeting_id,
            )
        if limitation.unit not in codes:
            raise InvalidInput.of(
                "export_no_unit_at", where=f"limitations[{i}].unit", unit=limitation.unit
            )
        if limitation.repeat_of is not None and limitation.repeat_of not in limitation_ids:
            raise InvalidInput.of(
                "export_no_limitation_at",
                where=f"limitations[{i}].repeat_of",
                id=limitation.repeat_of,
            )


def _unique(what: str, ids: list[int]) -> set[int]:
    found = set(ids)
    if len(found) != len(ids):
        raise InvalidInput.of("export_same_id", what=what)
    return found


def run(session: Session, path: Path, options: ImportOptions, progress: Progress) -> ImportResult:
    """Import an export document into an empty database (the registry's handler).

    Raises:
        InvalidInput: a spreadsheet option was given, or the document is not a valid export.
        Conflict: the database already holds records.
    """
    given = options.sheet_options()
    if given:
        raise InvalidInput.of(
            "export_sheet_options", n=len(given), options=", ".join(given), name=path.name
        )
    progress.stage("reading")
    doc = load_doc(path)
    _check(doc)
    held = bulk.counts(session)
    if any(held.values()):
        shown = [Count(name, n) for name, n in held.items() if n]
        raise Conflict.of("export_not_empty", records=shown)
    created = {
        "units": len(doc.units),
        "meetings": len(doc.meetings),
        "directives": len(doc.directives),
        "progress": sum(len(d.progress) for d in doc.directives),
        "extensions": sum(len(d.extensions) for d in doc.directives),
        "limitations": len(doc.limitations),
    }
    result = ImportResult(
        file=str(path),
        kind="dirtrack-json",
        dry_run=options.dry_run,
        details={"version": doc.version},
        created=created,
        directive_ids=[d.id for d in doc.directives],
    )
    if not options.dry_run:
        progress.stage("writing", sum(created.values()))
        _write(session, doc, progress)
    return result


def _write(session: Session, doc: ExportDoc, progress: Progress) -> None:
    unit_ids = dict(
        zip(
            [u.code for u in doc.units],
            bulk.insert_returning_ids(
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
                    for u in doc.units
                ],
            ),
            strict=True,
        )
    )
    links = [
        {
            "id": unit_ids[u.code],
            "parent_id": unit_ids[u.parent] if u.parent else None,
            "successor_id": unit_ids[u.successor] if u.successor else None,
        }
        for u in doc.units
        if u.parent or u.successor
    ]
    bulk.update_by_id(session, Unit, links)
    bulk.insert_rows(
        session,
        bulk.ALIAS,
        [
            {"unit_id": unit_ids[u.code], "alias": alias, "alias_key": fold(alias)}
            for u in doc.units
            for alias in u.aliases
        ],
    )
    progress.advance(len(doc.units))
    bulk.insert_rows(
        session,
        bulk.MEETING,
        [
            {
                **m.model_dump(exclude={"attendees", "kind"}),
                "kind": m.kind.value,
            }
            for m in doc.meetings
        ],
    )
    bulk.insert_rows(
        session,
        bulk.ATTENDEE,
        [
            {"meeting_id": m.id, "unit_id": unit_ids[code]}
            for m in doc.meetings
            for code in m.attendees
        ],
    )
    progress.advance(len(doc.meetings))
    bulk.insert_rows(
        session,
        bulk.DIRECTIVE,
        [
            {
                **d.model_dump(exclude={"unit", "with_", "progress", "extensions"}),
                "unit_id": unit_ids[d.unit],
            }
            for d in doc.directives
        ],
    )
    bulk.insert_rows(
        session,
        bulk.COORDINATOR,
        [
            {"directive_id": d.id, "unit_id": unit_ids[code]}
            for d in doc.directives
            for code in d.with_
        ],
    )
    bulk.insert_rows(
        session,
        bulk.PROGRESS,
        [{"directive_id": d.id, **e.model_dump()} for d in doc.directives for e in d.progress],
    )
    bulk.insert_rows(
        session,
        bulk.EXTENSION,
        [{"directive_id": d.id, **e.model_dump()} for d in doc.directives for e in d.extensions],
    )
    progress.advance(len(doc.directives))
    bulk.insert_rows(
        session,
        bulk.LIMITATION,
        [
            {
                **lim.model_dump(exclude={"unit", "repeat_of", "category"}),
                "category": lim.category.value,
                "text_key": fold(lim.text),
                "unit_id": unit_ids[lim.unit],
                "repeat_of_id": None,
            }
            for lim in doc.limitations
        ],
    )
    bulk.update_by_id(
        session,
        Limitation,
        [{"id": lim.id, "repeat_of_id": lim.repeat_of} for lim in doc.limitations if lim.repeat_of],
    )
    progress.advance(len(doc.limitations))
    bulk.sync_sequences(session)
