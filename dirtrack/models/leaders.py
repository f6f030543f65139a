"""Leaders and what each is in charge of (phân công).

Built when first named (see :mod:`dirtrack.models`).
"""

import datetime as dt

from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, _fk


class Leader(SQLModel, table=True):
    """A leader who can be put in charge of fields and units (phân công)."""

    model_config = DEFERRED

    __tablename__ = "leader"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=400)
    name_key: str = Field(max_length=400, unique=True)


class LeaderAssignment(SQLModel, table=True):
    """From ``start`` on, ``leader`` is in charge of a field or of a unit, until a later
    assignment of the same field or unit to someone else: the past is never rewritten."""

    model_config = DEFERRED

    __tablename__ = "leader_assignment"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    leader_id: int = Field(sa_column=_fk("leader.id", ondelete="CASCADE"))
    field_id: int | None = Field(default=None, sa_column=_fk("field.id", nullable=True))
    unit_id: int | None = Field(default=None, sa_column=_fk("unit.id", nullable=True))
    start: dt.date
