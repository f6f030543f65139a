"""The urging letters (công văn đôn đốc).

Built when first named (see :mod:`dirtrack.models`).
"""

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, _fk, utcnow


class Urging(SQLModel, table=True):
    """A công văn đôn đốc written to a unit about its overdue and due-soon directives."""

    model_config = DEFERRED

    __tablename__ = "urging"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=_fk("unit.id"))
    issued_on: dt.date = Field(index=True)
    as_of: dt.date
    number: str | None = Field(default=None, max_length=200)
    reply_by: dt.date | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class UrgingDirective(SQLModel, table=True):
    """A directive an urging letter names; ``overdue`` false means it falls due soon."""

    model_config = DEFERRED

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
