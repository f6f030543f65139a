"""The completions an office sent back (``return``) that a later ``done`` followed.

Built when first named (see :mod:`dirtrack.models`): few registers have a completion returned
and then reported again, and only ``done``, ``reopen``, ``show``, the checks and the export
read this table.
"""

import datetime as dt

from sqlmodel import Field, SQLModel

from dirtrack.models import DEFERRED, _fk, unreadable_days_index


class ReturnedCompletion(SQLModel, table=True):
    """A completion reported on ``claimed_on`` that the office returned on ``returned_on``
    for ``return_reason``, kept when the directive's result row took the next completion
    (:func:`dirtrack.store.results.keep_returned`): what it claimed (its result document and
    date, file and SHA-256, verdict and note) and the return. It never counted as a
    completion: the status rules do not read it."""

    model_config = DEFERRED

    __tablename__ = "returned_completion"
    __table_args__ = (
        unreadable_days_index("returned_completion"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(sa_column=_fk("directive.id", ondelete="CASCADE"))
    claimed_on: dt.date
    doc: str | None = Field(default=None, max_length=200)
    doc_date: dt.date | None = None
    file: str | None = None
    file_hash: str | None = Field(default=None, max_length=128)
    verdict: str | None = Field(default=None, max_length=16)
    note: str | None = None  # the completion's note
    returned_on: dt.date
    return_reason: str
    # who returned it: the actor of the `return` (the change log's), None when not known
    returned_by: str | None = Field(default=None, max_length=200)
