"""Importing an export document into an empty database (:func:`run`, the registry's handler): the
document read once, record by record, each section checked as it is read (against the sections
before it: units, meetings, directives…) and written in batches, all in the command's one
transaction, every record back with its id, so that export → import → export gives the same
bytes.

The bytes are read by :mod:`.reading`; each record's own checks are :mod:`.checks`; its shape
is :mod:`.records`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import Session

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import Count, Phrase
from dirtrack.store import bulk
from dirtrack.transfer.base import ImportOptions, ImportResult, Progress
from dirtrack.transfer.json_format.import_directives import DirectiveSections
from dirtrack.transfer.json_format.import_sections import RegisterSections
from dirtrack.transfer.json_format.reading import (
    Guarded,
    KeyTwice,
    events_of,
    json_not_utf8,
    json_syntax,
    key_twice_at,
    open_export,
)
from dirtrack.transfer.json_format.records import (
    FORMAT,
    READS,
    REQUIRED,
    SECTION_TABLES,
    SECTIONS,
    VERSION,
)


class _Import(DirectiveSections, RegisterSections):
    """One import: the state it keeps (:mod:`.import_state`) and the readers of its sections."""


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
    with open_export(path) as handle:
        state.source = Guarded(handle, path.name)
        events = events_of(state.source)
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
        except KeyTwice as exc:  # the last value would win unsaid: refused, as in a draft
            where = key_twice_at(path) or str(exc.args[0])
            raise InvalidInput.of("json_twice", name=path.name, where=where) from None
        except ijson.JSONError as exc:
            detail = json_syntax(exc)
            raise InvalidInput.of("json_invalid", name=path.name, detail=detail) from None
        except UnicodeDecodeError as exc:  # a text's bytes the C parser let through (CESU-8)
            detail = json_not_utf8(exc)
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
