"""The closures reopenings ended.

Built when first named (see :mod:`dirtrack.models`): the status rules read this table only
when it holds a row (:func:`dirtrack.store.rules.any_past_closures`), and few registers
have a directive reopened.
"""

import datetime as dt

from sqlalchemy import Boolean, Column, true
from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, _fk, unreadable_days_index


class Closure(SQLModel, table=True):
    """A closure of a directive that a reopening ended: completed (``done``), cancelled or
    withdrawn on ``closed_on``, open again from ``reopened_on``. The directive's own columns
    hold only its current closure; the status rules (:mod:`dirtrack.store.rules`) read a row
    here on the days from ``closed_on`` up to the day before ``reopened_on``, when it was in
    force. A completion keeps its note, whether its day was exact, and its result document
    as ``directive_result`` held it."""

    model_config = DEFERRED

    __tablename__ = "closure"
    __table_args__ = (unreadable_days_index("closure"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    kind: str = Field(max_length=16)  # done, cancelled or withdrawn
    closed_on: dt.date
    completed_on_exact: bool = Field(
        default=True, sa_column=Column(Boolean, nullable=False, server_default=true())
    )
    note: str | None = None  # the completion's note, or the cancellation's reason
    claimed_on: dt.date | None = None
    doc: str | None = Field(default=None, max_length=200)
    doc_date: dt.date | None = None
    file: str | None = None
    file_hash: str | None = Field(default=None, max_length=128)
    verdict: str | None = Field(default=None, max_length=16)
    accepted_on: dt.date | None = None
    reopened_on: dt.date
    reopen_reason: str | None = None
