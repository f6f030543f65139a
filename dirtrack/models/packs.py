"""The units' workbooks (``pack out`` / ``pack in``).

Built when first named (see :mod:`dirtrack.models`).
"""

import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, _fk, utcnow


class Pack(SQLModel, table=True):
    """One unit's workbook of a period (``pack out``): when it was made, sent and answered.

    ``token`` is written in the workbook, so that ``pack in`` knows the pack (and refuses a
    workbook of another database); ``answered_on`` is the day its first answer was read.
    """

    model_config = DEFERRED

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


class PackItem(SQLModel, table=True):
    """A directive in a pack: what the office knew of it (``base``, a fingerprint of its facts),
    the fingerprints of the locked cells written (``shown``), the last answer applied
    (``answer``, with ``settled``, the directive's fingerprint right after), and what each
    reading that changed the directive did to it (``steps``: a JSON list of ``[before, after]``
    fingerprints), so that other packs' ``pack in`` tell the units' answers from the office's
    changes."""

    model_config = DEFERRED

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
