"""The dirtrack export's format (version 7): the sections of the document and their order, the
record models that define every key (pydantic, checked strictly), what each version added, where
records name a unit by its code, and the table each section's records are kept in.

The models are the format's definition (README.md documents it); a change to the format raises
:data:`VERSION`, and :data:`READS` says which older versions are still read, their missing parts
as none. Writing the document is :mod:`.export`; reading one back, :mod:`.reading` (the bytes),
:mod:`.checks` (each record) and :mod:`.importer` (the sections, written).
"""

# Without `from __future__ import annotations`: pydantic would evaluate each field's annotation
# from its text (a compile of each, hundreds at every import), as Typer would (STYLE.md).
import functools
import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

from dirtrack.models import MAX_ID, Category, MeetingKind

FORMAT = "dirtrack-export"
VERSION = 7
READS = (1, 2, 3, 4, 5, 6, 7)  # the versions import reads: version 1 lacks every id but meetings',
# directives' and limitations', and the sections and keys added in version 2 (read as none);
# version 2 lacks the moves of directives (read as none); version 3 their handovers (read as
# none); version 4 their closures reopenings ended (read as none); version 5 their completions
# returned and reported again since (read as none); version 6 who returned each (read as none)
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


def _whole(value: object) -> object:
    """A whole number, checked as strictly as :data:`Id`: ``true`` and ``1.0`` are none, though
    Python takes them for 1 (and pydantic so for ``Literal[1]``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
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
# version 2 ones (:func:`~.checks.check_keys`).
NewId = Id | None
# A text kept as written, even empty (fingerprints): never checked for blank text.
RAW: dict[str, Any] = {"raw": True}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class OfficeOut(Record):
    id: Annotated[Literal[1], BeforeValidator(_whole)]
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


class CalendarDayOut(Record):
    day: Day
    off: bool
    note: str | None
    created_at: Stamp


class ContactOut(Record):
    id: NewId = None
    role: Literal["focal", "head"]
    name: str = Field(min_length=1, max_length=200)
    email: str | None
    phone: str | None
    created_at: Stamp


class UnitOut(Record):
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


class FieldOut(Record):
    id: Id
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=400)


class AssignmentOut(Record):
    id: Id
    field: str | None
    unit: str | None
    start: Day


class LeaderOut(Record):
    id: Id
    name: str = Field(min_length=1, max_length=400)
    assignments: list[AssignmentOut]


class MeetingOut(Record):
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


class SeriesOut(Record):
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


class ProgressOut(Record):
    id: NewId = None
    reported_on: Day
    percent: int | None = Field(ge=0, le=100)
    note: str | None
    created_at: Stamp


class ExtensionOut(Record):
    id: NewId = None
    approved_on: Day
    new_due: Day
    due_text: str | None
    reason: str | None
    created_at: Stamp


class ClaimOut(Record):
    """What a completion reported (``done``) claimed: the fields a directive's result and a
    completion returned since share, in this order in both."""

    claimed_on: Day
    doc: str | None = Field(max_length=200)
    doc_date: Day | None
    file: str | None
    file_hash: str | None = Field(max_length=128)
    verdict: Literal["meets", "exceeds", "short"] | None


class ResultOut(ClaimOut):
    accepted_on: Day | None
    returned_on: Day | None
    return_reason: str | None


class RequestOut(Record):
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


class ClosureOut(Record):
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


class _Numbered(Record):
    id: Id


class ReturnedOut(ClaimOut, _Numbered):
    """A completion reported on ``claimed_on`` that the office returned on ``returned_on`` for
    ``return_reason``, reported again since: what it claimed and its note. Its ``id`` comes
    first (pydantic orders the fields of the bases last to first: ``_Numbered``'s, then
    :class:`ClaimOut`'s, then its own), as the export writes it."""

    note: str | None
    returned_on: Day
    return_reason: str = Field(min_length=1)
    returned_by: str | None = Field(default=None, max_length=200)  # version 7: who returned it


class MoveOut(Record):
    """On ``on`` the directive passed from unit ``from`` to unit ``to`` (``unit retire``)."""

    on: Day
    from_: str = Field(alias="from")
    to: str


class HandoverOut(Record):
    """On ``on`` unit ``from`` stopped coordinating the directive, and unit ``to`` began (null:
    none did, the successor leading or coordinating it already) (``unit retire``)."""

    on: Day
    from_: str = Field(alias="from")
    to: str | None


class DirectiveOut(Record):
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
    # Version 6 (absent from older documents: none).
    returned_completions: list[ReturnedOut] = Field(default_factory=list)


class LimitationOut(Record):
    id: Id
    meeting_id: Id
    unit: str
    text: str = Field(min_length=1)
    category: Group
    resolved_on: Day | None
    resolve_note: str | None
    repeat_of: Id | None
    created_at: Stamp


class PackItemOut(Record):
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


class PackOut(Record):
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


class UrgedOut(Record):
    directive_id: Id
    overdue: bool


class UrgingOut(Record):
    id: Id
    unit: str
    issued_on: Day
    as_of: Day
    number: str | None = Field(max_length=200)
    reply_by: Day | None
    created_at: Stamp
    directives: list[UrgedOut]


SECTION_MODELS: dict[str, type[Record]] = {
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
#: marks is the unit's, as every command takes it (:meth:`.import_state.ImportState.unit_code`).
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


def named_units(raw: Any, path: tuple[str, ...], code: Callable[[str], str]) -> None:
    """Write each unit code at ``path`` in the raw record ``raw`` as ``code`` gives it; what is
    not there or not a text is left for the record's check to refuse."""
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(raw, list):
            for i, item in enumerate(raw):
                if rest:
                    named_units(item, rest, code)
                elif isinstance(item, str):
                    raw[i] = code(item)
        return
    if not isinstance(raw, dict) or step not in raw:
        return
    if rest:
        named_units(raw[step], rest, code)
    elif isinstance(raw[step], str):
        dict.__setitem__(raw, step, code(raw[step]))  # replaced: no key given twice (_Object)


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


#: The table whose columns hold each section's records (their lengths: a unit's code 64, an
#: office's signer 200), as :func:`~.checks.check_columns` reads them.
COLUMN_TABLES = {**SECTION_TABLES, "units": "unit"}


def field_types(annotation: Any) -> set[Any]:
    """The types an annotation stands for, through ``X | None``, ``list[X]`` and ``Annotated``."""
    args = get_args(annotation)
    if get_origin(annotation) is Annotated:
        return field_types(args[0])
    if args:
        return set().union(*(field_types(arg) for arg in args))
    return {annotation}


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
V6_KEYS: dict[type[BaseModel], frozenset[str]] = {DirectiveOut: frozenset({"returned_completions"})}
V7_KEYS: dict[type[BaseModel], frozenset[str]] = {ReturnedOut: frozenset({"returned_by"})}


@functools.cache
def added_after(model: type[BaseModel], version: int) -> frozenset[str]:
    """The keys of ``model`` that versions after ``version`` added."""
    added = {2: V2_KEYS, 3: V3_KEYS, 4: V4_KEYS, 5: V5_KEYS, 6: V6_KEYS, 7: V7_KEYS}
    return frozenset().union(
        *(keys.get(model, frozenset()) for v, keys in added.items() if v > version)
    )


# A closure's result columns when it has none (every row of one insert has the same keys).
# A closure keeps no return (migration 0023): a completion a reopening ended was never returned.
CLOSURE_RESULT = frozenset(ResultOut.model_fields) - {"returned_on", "return_reason"}
NO_RESULT = dict.fromkeys(sorted(CLOSURE_RESULT))
