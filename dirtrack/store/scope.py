"""Which directives a query judges, and as of which day (issue 6).

Shared by the SQLAlchemy Core queries (:mod:`dirtrack.store.report_sql`) and the plain
:mod:`sqlite3` ones (:mod:`dirtrack.store.lite_review`); imports neither.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from dirtrack.status import Status

# Statuses a ``list --status`` filter may name besides the codes themselves.
OPEN = (Status.OPEN_IN_TIME, Status.OVERDUE)


@dataclass(frozen=True)
class Scope:
    """Which directives to judge as of ``as_of`` (T); None means no restriction.

    Attributes:
        as_of: T, the day statuses are judged.
        held_on_or_before: only directives given at meetings held on or before this day.
        closed_not_before: leave out directives completed or cancelled before this day (a
            report's start).
        unit_ids: only directives whose lead unit (as held on T: see ``holders``) is one of
            these.
        meeting_id: only directives given at this meeting.
        holders: directives held on T by another unit than the one they are stored under (moved
            since by ``unit retire``): ``(unit id, directive ids)`` pairs. Their counts and the
            ``unit_ids`` filter go to the unit that held them, as
            :func:`dirtrack.review.moves.attribute` does in Python.
    """

    as_of: date
    held_on_or_before: date | None = None
    closed_not_before: date | None = None
    unit_ids: Collection[int] | None = None
    meeting_id: int | None = None
    open_at: date | None = None  # only directives neither completed nor cancelled by this day
    holders: tuple[tuple[int, tuple[int, ...]], ...] = ()
