"""The statuses of a directive, the facts read about it, and rates as the Government Office
prints them.

The rule that decides a status is written once, in SQL: :mod:`dirtrack.store.rules`. The facts
of a directive are read judged as of a day T (:mod:`dirtrack.store.facts`): the database gives
the deadline in force at T and the status at T with them, and :class:`DirectiveFacts` only
hands them on. ``tests/oracle.py`` holds the same rule in plain Python, for the tests alone.

D is the deadline in force at T (the latest extension approved on or before T, else the
original); C is the completion date. The deadline day itself is on time.

=================  ==========================================================
``done_on_time``   C <= T and (no D or C <= D)
``done_late``      C <= T and C > D
``open_in_time``   not done by T and (no D or D >= T)
``overdue``        not done by T and D < T
``cancelled``      cancelled on or before T; in no count or rate
``withdrawn``      withdrawn (an approved withdrawal request) on or before T;
                   like ``cancelled``, in no count or rate, but counted apart
=================  ==========================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_IN_TIME = "open_in_time"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    WITHDRAWN = "withdrawn"

    @property
    def is_done(self) -> bool:
        return self in (Status.DONE_ON_TIME, Status.DONE_LATE)

    @property
    def is_open(self) -> bool:
        return self in (Status.OPEN_IN_TIME, Status.OVERDUE)


#: The words ``list --status`` takes: a status, ``open`` (in time or overdue) or ``all``, each
#: also by its Vietnamese names (any case, with or without accents).
STATUS_NAMES: dict[str, tuple[str, ...]] = {
    Status.DONE_ON_TIME: ("hoàn thành đúng hạn", "đúng hạn"),
    Status.DONE_LATE: ("hoàn thành quá hạn", "hoàn thành trễ hạn"),
    Status.OPEN_IN_TIME: ("đang thực hiện trong hạn", "trong hạn"),
    Status.OVERDUE: ("quá hạn chưa hoàn thành", "quá hạn"),
    Status.CANCELLED: ("dừng thực hiện", "dừng"),
    Status.WITHDRAWN: ("rút khỏi chương trình", "rút"),
    "open": ("chưa hoàn thành", "đang thực hiện"),
    "all": ("tất cả",),
}


@dataclass(frozen=True)
class ExtensionFact:
    """An extension approved on ``approved_on``: the new deadline, the reason given and the
    deadline's words."""

    approved_on: date
    new_due: date
    reason: str | None = None
    due_text: str | None = None


@dataclass(frozen=True)
class ResultFact:
    """The result of the last completion claimed: document, verdict, acceptance or return."""

    claimed_on: date
    doc: str | None = None
    doc_date: date | None = None
    file: str | None = None
    file_hash: str | None = None
    verdict: str | None = None
    accepted_on: date | None = None
    returned_on: date | None = None
    return_reason: str | None = None


@dataclass(frozen=True)
class ReturnedFact:
    """A completion the office returned that a later ``done`` followed: what it claimed (its
    ``result``, holding the return) and its note."""

    result: ResultFact
    note: str | None = None
    returned_by: str | None = None  # who returned it (the actor of the `return`), if known


@dataclass(frozen=True)
class ClosureFact:
    """A closure a reopening ended: ``kind`` (``done``, ``cancelled`` or ``withdrawn``) on
    ``closed_on``, in force until the day before ``reopened_on``; the completion's note or the
    cancellation's reason, the reason for reopening, and a completion's result document."""

    kind: str
    closed_on: date
    reopened_on: date
    note: str | None = None
    reopen_reason: str | None = None
    completed_on_exact: bool = True
    result: ResultFact | None = None


@dataclass(frozen=True)
class RequestFact:
    """A unit's request (``extend`` or ``withdraw``) and its answer, if any."""

    id: int
    kind: str
    asked_on: date
    reason: str
    to_due: date | None = None
    doc: str | None = None
    decision: str | None = None
    decided_on: date | None = None
    decision_doc: str | None = None
    decision_reason: str | None = None
    objective: bool = False

    def decision_at(self, as_of: date) -> str | None:
        """``approved``, ``rejected`` or None (pending, or not yet asked) as of ``as_of``."""
        if self.decided_on is not None and self.decided_on <= as_of:
            return self.decision
        return None


@dataclass(frozen=True)
class ProgressFact:
    """A progress report of ``reported_on``: the percentage, if one was given, and its note."""

    reported_on: date
    percent: int | None
    note: str | None = None


def progress_lowered(
    progress: Iterable[ProgressFact], percent: int | None, on: date
) -> ProgressFact | None:
    """The entry a percentage ``percent`` reported ``on`` that day goes down from: the last
    percentage logged on or before that day (``progress`` in recorded order: by day, then as
    entered, the store's rule for the progress at a day), when ``percent`` is less than it;
    else None. ``progress`` warns of it, and so does a sheet imported again; ``pack in``
    holds such an answer as a conflict."""
    if percent is None:
        return None
    last = None
    for entry in progress:
        if entry.reported_on <= on and entry.percent is not None:
            last = entry
    if last is None or last.percent is None or percent >= last.percent:
        return None
    return last


@dataclass(frozen=True)
class DirectiveFacts:
    """Everything recorded about one directive, in the order it was recorded."""

    id: int
    meeting_id: int
    meeting_date: date
    unit_id: int
    unit_code: str
    unit_name: str
    text: str
    original_due: date | None
    completed_on: date | None = None
    cancelled_on: date | None = None
    with_codes: tuple[str, ...] = ()
    extensions: tuple[ExtensionFact, ...] = ()
    progress: tuple[ProgressFact, ...] = ()
    due_text: str | None = None
    product: str | None = None
    key: str | None = None
    completion_note: str | None = None
    cancel_reason: str | None = None
    withdrawn_on: date | None = None
    field_code: str | None = None
    result: ResultFact | None = None
    requests: tuple[RequestFact, ...] = ()
    # False: completed_on is only the day by which it was done (see models.Directive).
    completed_on_exact: bool = True
    series_id: int | None = None
    period: str | None = None
    issued_on: date | None = None
    # the words of the deadline in force at ``judged_on`` (read with it, see store/facts.py)
    due_phrase: str | None = None
    # the closures reopenings ended, oldest first; completed_on, cancelled_on, withdrawn_on,
    # their note and reason and the result are those of the closure in force at
    # ``judged_on``: one of these on the days it was in force, else the directive's own
    closures: tuple[ClosureFact, ...] = ()
    # the one of ``closures`` in force at ``judged_on`` (the status rules chose it), or None
    ended_in_force: ClosureFact | None = None

    @classmethod
    def read(cls, values: dict[str, Any]) -> DirectiveFacts:
        """The facts as the database gives them, every field named in ``values``: made
        without the dataclass's ``__init__``, which sets each of the 30-odd fields of a frozen
        dataclass through ``object.__setattr__``, and without keyword arguments (a large
        report reads tens of thousands of them)."""
        assert len(values) == len(_FACT_FIELDS), set(_FACT_FIELDS) ^ set(values)
        found = object.__new__(cls)
        found.__dict__.update(values)
        return found

    @property
    def given_on(self) -> date:
        """The day it counts as given: an occurrence's period start, else the meeting's day."""
        return self.issued_on or self.meeting_date

    # Judged by the database as of ``judged_on`` (T), with the facts: the deadline in force at T,
    # the status at T and the risk colour at T (see :mod:`dirtrack.store.rules`).
    judged_on: date | None = None
    due_in_force: date | None = None
    judged_status: Status | None = None
    judged_risk: str | None = None
    # the latest percentage reported by ``judged_on`` (:func:`dirtrack.store.rules.progress_at`)
    judged_progress: int | None = None

    def _judged(self, as_of: date) -> Status:
        if self.judged_status is None or self.judged_on != as_of:
            raise ValueError(f"directive {self.id} was read as of {self.judged_on}, not {as_of}")
        return self.judged_status

    def due_at(self, as_of: date) -> date | None:
        """The deadline in force at ``as_of``, the day the facts were read as of."""
        self._judged(as_of)
        return self.due_in_force

    def completed_by(self, as_of: date) -> date | None:
        return self.completed_on if self.completed_on and self.completed_on <= as_of else None

    def cancelled_by(self, as_of: date) -> date | None:
        return self.cancelled_on if self.cancelled_on and self.cancelled_on <= as_of else None

    def withdrawn_by(self, as_of: date) -> date | None:
        return self.withdrawn_on if self.withdrawn_on and self.withdrawn_on <= as_of else None

    def status(self, as_of: date) -> Status:
        """The status at ``as_of``, the day the facts were read as of."""
        return self._judged(as_of)

    def risk(self, as_of: date) -> str | None:
        """The risk colour at ``as_of`` (:mod:`dirtrack.risk`), the day the facts were read
        as of."""
        self._judged(as_of)
        return self.judged_risk

    def progress_at(self, as_of: date) -> int | None:
        """The latest percentage reported on or before ``as_of``, the day the facts were read
        as of, as the database gives it; 100 once done."""
        self._judged(as_of)
        return 100 if self.completed_by(as_of) else self.judged_progress

    def days_overdue(self, as_of: date) -> int | None:
        if self.status(as_of) is not Status.OVERDUE:
            return None
        due = self.due_at(as_of)
        assert due is not None
        return (as_of - due).days


_FACT_FIELDS = tuple(f.name for f in fields(DirectiveFacts))


@dataclass(frozen=True)
class Rate:
    """``num`` of ``den`` as a percentage truncated (not rounded) to two decimals.

    The Government Office publishes 16,051 done of 16,274 due as 98,62 % (98.6297… cut, not
    rounded), so ``pct`` cuts too; it is None when nothing is counted.
    """

    num: int
    den: int

    @property
    def pct(self) -> float | None:
        if self.den == 0:
            return None
        return (self.num * 10000 // self.den) / 100

    def as_dict(self) -> dict[str, int | float | None]:
        return {"num": self.num, "den": self.den, "pct": self.pct}


@dataclass
class Counts:
    """Directive counts of one unit (or of all) in a report."""

    done_on_time: int = 0
    done_late: int = 0
    open_in_time: int = 0
    overdue: int = 0
    no_deadline: int = 0
    cancelled: int = 0
    extended: int = field(default=0)
    withdrawn: int = 0

    def merge(self, other: Counts) -> None:
        # Field by field, not by name: a report merges tens of thousands of them (per field,
        # unit and day closed).
        self.done_on_time += other.done_on_time
        self.done_late += other.done_late
        self.open_in_time += other.open_in_time
        self.overdue += other.overdue
        self.no_deadline += other.no_deadline
        self.cancelled += other.cancelled
        self.extended += other.extended
        self.withdrawn += other.withdrawn

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    @property
    def total(self) -> int:
        return self.done + self.open_in_time + self.overdue

    @property
    def completion_rate(self) -> Rate:
        """Done over due (done + overdue): the share of what has come due that was done."""
        return Rate(self.done, self.done + self.overdue)

    @property
    def on_time_rate(self) -> Rate:
        return Rate(self.done_on_time, self.done)

    def as_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "done_on_time": self.done_on_time,
            "done_late": self.done_late,
            "open_in_time": self.open_in_time,
            "overdue": self.overdue,
            "no_deadline": self.no_deadline,
            "cancelled": self.cancelled,
            "withdrawn": self.withdrawn,
            "extended": self.extended,
            "completion_rate": self.completion_rate.as_dict(),
            "on_time_rate": self.on_time_rate.as_dict(),
        }
