"""Days the office works or takes off against the national calendar.

Built when first named (see :mod:`dirtrack.models`).
"""

import datetime as dt

from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, utcnow


class CalendarDay(SQLModel, table=True):
    """A day the office works or takes off against the national calendar (``calendar add``)."""

    model_config = DEFERRED

    __tablename__ = "calendar_day"

    day: dt.date = Field(primary_key=True)
    off: bool
    note: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
