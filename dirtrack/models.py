"""The tables, as SQLModel classes, and the enums stored in them.

Text columns hold NFC; each searchable text has a ``*_key`` twin holding :func:`dirtrack.text.fold`
so that matching ignores case, accents and tone placement in SQL on SQLite and PostgreSQL alike.
This is the one definition of the schema: the Core tables of :mod:`dirtrack.store.tables` are
these classes' ``__table__``, and a test checks that the Alembic migrations in
``dirtrack/migrations`` build exactly this metadata on SQLite and PostgreSQL.
"""

import datetime as dt

from pydantic import ConfigDict
from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, UniqueConstraint, true
from sqlmodel import Field, SQLModel

from dirtrack.kinds import Category, MeetingKind

__all__ = ["Category", "MeetingKind"]


# Ids are never handed out twice, even after `undo` removed the newest rows: every table with an
# id says sqlite_autoincrement (migration 0003); PostgreSQL's sequences never go back.
# Ids are INTEGER columns: 32 bits on PostgreSQL. A larger id names no record on either backend
# (dirtrack.cli.common.positive_id says so before any query, where PostgreSQL would refuse it).
MAX_ID = 2**31 - 1


class _Row(SQLModel):
    """The base of every table: pydantic builds a row's validator when one is first needed, not at
    import, which saves every command about a fifth of building these classes."""

    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _fk(
    target: str, *, nullable: bool = False, ondelete: str | None = None, name: str | None = None
) -> Column[int]:
    foreign = ForeignKey(target, ondelete=ondelete, name=name)
    return Column(Integer, foreign, nullable=nullable, index=True)


class Unit(_Row, table=True):
    """A cơ quan / đơn vị. Never deleted once referenced; retired units point to a successor."""

    __tablename__ = "unit"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    code_key: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=400)
    name_key: str = Field(max_length=400, index=True)
    parent_id: int | None = Field(default=None, sa_column=_fk("unit.id", nullable=True))
    successor_id: int | None = Field(default=None, sa_column=_fk("unit.id", nullable=True))
    retired_on: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class UnitAlias(_Row, table=True):
    __tablename__ = "unit_alias"
    __table_args__ = (UniqueConstraint("unit_id", "alias_key"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=_fk("unit.id", ondelete="CASCADE"))
    alias: str = Field(max_length=400)
    alias_key: str = Field(max_length=400, index=True)


class Meeting(_Row, table=True):
    """A meeting whose chair concluded directives and named limitations."""

    __tablename__ = "meeting"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    title: str
    kind: str = Field(default=MeetingKind.WORKING_SESSION.value, max_length=32)
    chair: str | None = None
    chair_title: str | None = None
    doc: str | None = Field(default=None, max_length=200)
    note: str | None = None
    key: str | None = Field(default=None, max_length=200, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class MeetingAttendee(_Row, table=True):
    __tablename__ = "meeting_attendee"

    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    )
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id"), primary_key=True, index=True)
    )


class Series(_Row, table=True):
    """A periodic directive (định kỳ): one occurrence, a directive of its own, per period.

    ``every`` is ``month``, ``quarter``, ``half-year`` or ``year``; the deadline of each
    occurrence is day ``day`` of the period's last month, or ``offset`` days after the period's
    end, or (neither) the Nghị định 09/2019 cut-off (the 14th of the last month), moved to the
    next working day when it falls on a day off. Occurrences exist from the period containing
    ``starts_on`` to the one containing ``ends_on``; ``next_start`` is the first day of the
    first period not created yet (NULL once every period is).
    """

    __tablename__ = "series"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    unit_id: int = Field(sa_column=_fk("unit.id"))
    text: str
    every: str = Field(max_length=16)
    day: int | None = None
    offset: int | None = None
    starts_on: dt.date
    ends_on: dt.date | None = None
    next_start: dt.date | None = Field(default=None, index=True)
    product: str | None = None
    key: str | None = Field(default=None, max_length=200)
    created_at: dt.datetime = Field(default_factory=utcnow)


class SeriesCoordinator(_Row, table=True):
    __tablename__ = "series_coordinator"

    series_id: int = Field(
        sa_column=Column(Integer, ForeignKey("series.id", ondelete="CASCADE"), primary_key=True)
    )
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id"), primary_key=True, index=True)
    )


class CalendarDay(_Row, table=True):
    """A day the office works or takes off against the national calendar (``calendar add``)."""

    __tablename__ = "calendar_day"

    day: dt.date = Field(primary_key=True)
    off: bool
    note: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Directive(_Row, table=True):
    """A task a meeting gave to one lead unit. Status is derived, never stored.

    An occurrence of a :class:`Series` names it (``series_id``) and its ``period`` (label, e.g.
    ``2025-03``, unique within the series); ``issued_on`` is the day it was given, the start of
    its period, which the report's scope reads instead of the meeting's date.
    """

    __tablename__ = "directive"
    __table_args__ = (
        UniqueConstraint("key", "unit_id"),
        # Named as migration 0007 named them, so that a new file has the names an upgraded one has.
        UniqueConstraint("series_id", "period", name="uq_directive_series_id_period"),
        Index("ix_directive_unit_meeting", "unit_id", "meeting_id"),
        # What judging a directive reads of it (migration 0011): a report's pass over the
        # directives reads this index instead of the table; completed_on first, for the open.
        Index(
            "ix_directive_judged",
            "completed_on",
            "cancelled_on",
            "withdrawn_on",
            "issued_on",
            "original_due",
            "meeting_id",
            "unit_id",
            "field_id",
        ),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    unit_id: int = Field(sa_column=_fk("unit.id"))
    text: str
    original_due: dt.date | None = Field(default=None, index=True)
    due_text: str | None = None
    product: str | None = None
    key: str | None = Field(default=None, max_length=200)
    completed_on: dt.date | None = None
    # False: the exact day is unknown and completed_on is its bound, the day by which it was
    # done (an office sheet's "Đã hoàn thành" as of its own date).
    completed_on_exact: bool = Field(
        default=True, sa_column=Column(Boolean, nullable=False, server_default=true())
    )
    completion_note: str | None = None
    cancelled_on: dt.date | None = None
    cancel_reason: str | None = None
    series_id: int | None = Field(
        default=None,
        sa_column=_fk("series.id", nullable=True, name="fk_directive_series_id_series"),
    )
    period: str | None = Field(default=None, max_length=16)
    issued_on: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    # Withdrawn from the programme (rút khỏi chương trình) by an approved withdrawal request.
    withdrawn_on: dt.date | None = None
    field_id: int | None = Field(default=None, sa_column=_fk("field.id", nullable=True))


class DirectiveCoordinator(_Row, table=True):
    __tablename__ = "directive_coordinator"

    directive_id: int = Field(
        sa_column=Column(Integer, ForeignKey("directive.id", ondelete="CASCADE"), primary_key=True)
    )
    unit_id: int = Field(
        sa_column=Column(Integer, ForeignKey("unit.id"), primary_key=True, index=True)
    )


class ProgressEntry(_Row, table=True):
    __tablename__ = "progress_entry"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    reported_on: dt.date
    percent: int | None = None
    note: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Extension(_Row, table=True):
    """An approved new deadline; the directive's original deadline is never overwritten."""

    __tablename__ = "extension"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    approved_on: dt.date
    new_due: dt.date
    due_text: str | None = None
    reason: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Limitation(_Row, table=True):
    """A hạn chế raised about a unit at a meeting; ``repeat_of_id`` links a recurrence."""

    __tablename__ = "limitation"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    unit_id: int = Field(sa_column=_fk("unit.id"))
    text: str
    text_key: str
    category: str = Field(default=Category.OTHER.value, max_length=32)
    resolved_on: dt.date | None = None
    resolve_note: str | None = None
    repeat_of_id: int | None = Field(default=None, sa_column=_fk("limitation.id", nullable=True))
    created_at: dt.datetime = Field(default_factory=utcnow)


class DirectiveField(_Row, table=True):
    """A lĩnh vực (kinh tế, văn hóa – xã hội, nội chính…): a directive has at most one."""

    __tablename__ = "field"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    code_key: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=400)
    name_key: str = Field(max_length=400, index=True)


class Leader(_Row, table=True):
    """A leader who can be put in charge of fields and units (phân công)."""

    __tablename__ = "leader"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=400)
    name_key: str = Field(max_length=400, unique=True)


class LeaderAssignment(_Row, table=True):
    """From ``start`` on, ``leader`` is in charge of a field or of a unit, until a later
    assignment of the same field or unit to someone else: the past is never rewritten."""

    __tablename__ = "leader_assignment"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    leader_id: int = Field(sa_column=_fk("leader.id", ondelete="CASCADE"))
    field_id: int | None = Field(default=None, sa_column=_fk("field.id", nullable=True))
    unit_id: int | None = Field(default=None, sa_column=_fk("unit.id", nullable=True))
    start: dt.date


class DirectiveResult(_Row, table=True):
    """The result of a completion: the unit's result document, the verdict, and the office's
    acceptance or return. One row per directive; the last completion claimed."""

    __tablename__ = "directive_result"

    directive_id: int = Field(
        sa_column=Column(Integer, ForeignKey("directive.id", ondelete="CASCADE"), primary_key=True)
    )
    claimed_on: dt.date
    doc: str | None = Field(default=None, max_length=200)
    doc_date: dt.date | None = None
    file: str | None = None
    file_hash: str | None = Field(default=None, max_length=128)
    verdict: str | None = Field(default=None, max_length=16)
    accepted_on: dt.date | None = None
    returned_on: dt.date | None = None
    return_reason: str | None = None


class Request(_Row, table=True):
    """A unit's request: more time (``extend``) or leave the programme (``withdraw``), and
    its answer. An approved extension request makes an :class:`Extension` dated on the
    approval."""

    __tablename__ = "request"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    kind: str = Field(max_length=16)
    asked_on: dt.date
    to_due: dt.date | None = None
    due_text: str | None = None
    reason: str
    doc: str | None = Field(default=None, max_length=200)
    decision: str | None = Field(default=None, max_length=16)
    decided_on: dt.date | None = None
    decision_doc: str | None = Field(default=None, max_length=200)
    decision_reason: str | None = None
    objective: bool = False
    extension_id: int | None = Field(
        default=None, sa_column=_fk("extension.id", nullable=True, ondelete="SET NULL")
    )


class ChangeLog(_Row, table=True):
    """Who changed what and when, with the values before and after (JSON text).

    ``directive_id`` is the directive a change row of a directive part belongs to (see
    ``dirtrack.store.history.DIRECTIVE_PARTS``), else NULL: who last touched a directive is an
    index lookup (migration 0002); so are the rows of one action (the moves `report` reads).
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_directive_id", "directive_id", "id"),
        # `report` looks up the moves of `unit retire` by action (migration 0002).
        Index("ix_change_log_action", "action", "id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=64)
    entity: str = Field(max_length=64)
    entity_id: int | None = None
    before: str | None = None
    after: str | None = None
    undone_by: int | None = None
    directive_id: int | None = None


class UnitContact(_Row, table=True):
    """Who answers for a unit: its focal person (đầu mối) or its head, one of each at most."""

    __tablename__ = "unit_contact"
    __table_args__ = (UniqueConstraint("unit_id", "role"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=_fk("unit.id", ondelete="CASCADE"))
    role: str = Field(max_length=16)
    name: str = Field(max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    created_at: dt.datetime = Field(default_factory=utcnow)


class Pack(_Row, table=True):
    """One unit's workbook of a period (``pack out``): when it was made, sent and answered.

    ``token`` is written in the workbook, so that ``pack in`` knows the pack (and refuses a
    workbook of another database); ``answered_on`` is the day its first answer was read.
    """

    __tablename__ = "pack"
    __table_args__ = (
        Index("ix_pack_period", "period_start", "period_end"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(max_length=64, unique=True)
    unit_id: int = Field(sa_column=_fk("unit.id"))
    period_label: str = Field(max_length=64)
    period_start: dt.date
    period_end: dt.date
    made_on: dt.date
    answer_by: dt.date
    file: str | None = None
    sent_at: dt.datetime | None = None
    sent_to: str | None = None
    sent_cc: str | None = None
    answered_on: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class PackItem(_Row, table=True):
    """A directive in a pack: what the office knew of it (``base``, a fingerprint of its facts),
    the fingerprints of the locked cells written (``shown``), the last answer applied
    (``answer``, with ``settled``, the directive's fingerprint right after), and what each
    reading that changed the directive did to it (``steps``: a JSON list of ``[before, after]``
    fingerprints), so that other packs' ``pack in`` tell the units' answers from the office's
    changes."""

    __tablename__ = "pack_item"
    __table_args__ = (UniqueConstraint("pack_id", "directive_id"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    pack_id: int = Field(sa_column=_fk("pack.id", ondelete="CASCADE"))
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    role: str = Field(max_length=16)
    base: str = Field(max_length=64)
    shown: str
    answer: str | None = Field(default=None, max_length=64)
    settled: str | None = Field(default=None, max_length=64)
    answered_on: dt.date | None = None
    steps: str | None = None


class Office(_Row, table=True):
    """The issuing office's details that its documents carry (one row, id 1).

    ``kind`` decides the layout: ``party`` (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW) or ``state``
    (NĐ 30/2020/NĐ-CP). ``recipients`` holds the default ``Kính gửi`` list as a JSON array.
    A new setting is a new nullable column here, in a migration, and in
    :data:`dirtrack.store.office.FIELDS`.
    """

    __tablename__ = "office"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="state", max_length=16)
    parent_body: str | None = Field(default=None, max_length=400)
    body: str | None = Field(default=None, max_length=400)
    code: str | None = Field(default=None, max_length=64)
    place: str | None = Field(default=None, max_length=200)
    signer_name: str | None = Field(default=None, max_length=200)
    signer_title: str | None = Field(default=None, max_length=200)
    signer_authority: str | None = Field(default=None, max_length=200)
    recipients: str | None = None
    template: str | None = None
    # Completions: whether the office accepts them (nghiệm thu), and which day decides on time:
    # ``document`` (the result document's date) or ``acceptance`` (migration 0008).
    accepts_completions: bool | None = None
    on_time_by: str | None = Field(default=None, max_length=16)


class Urging(_Row, table=True):
    """A công văn đôn đốc written to a unit about its overdue and due-soon directives."""

    __tablename__ = "urging"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=_fk("unit.id"))
    issued_on: dt.date = Field(index=True)
    as_of: dt.date
    number: str | None = Field(default=None, max_length=200)
    reply_by: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class UrgingDirective(_Row, table=True):
    """A directive an urging letter names; ``overdue`` false means it falls due soon."""

    __tablename__ = "urging_directive"

    urging_id: int = Field(
        sa_column=Column(Integer, ForeignKey("urging.id", ondelete="CASCADE"), primary_key=True)
    )
    directive_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("directive.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
    overdue: bool = True
