"""Who answers for a unit.

Built when first named (see :mod:`dirtrack.models`).
"""

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, _fk, utcnow


class UnitContact(SQLModel, table=True):
    """Who answers for a unit: its focal person (đầu mối) or its head, one of each at most."""

    model_config = DEFERRED

    __tablename__ = "unit_contact"
    __table_args__ = (UniqueConstraint("unit_id", "role"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=_fk("unit.id", ondelete="CASCADE"))
    role: str = Field(max_length=16)
    name: str = Field(max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    created_at: dt.datetime = Field(default_factory=utcnow)
