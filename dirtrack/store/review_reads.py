"""What the review reads, through SQLAlchemy Core, on SQLite or PostgreSQL (issue 6).

:class:`CoreReads` gathers the Core readers of :mod:`dirtrack.store.facts`,
:mod:`dirtrack.store.review_counts` and :mod:`dirtrack.store.review_sql` behind the methods
:func:`dirtrack.cli.review_lean.gather_review_lean` calls; :class:`dirtrack.store.lite_review.
LiteReads` answers the same on a plain :mod:`sqlite3` connection, without SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from dirtrack.review.lean import LimitationCounts, ReviewCounts
from dirtrack.review.moves import Move
from dirtrack.status import DirectiveFacts, Status
from dirtrack.store import facts, history, review_counts, review_sql
from dirtrack.store.limitations import LimitationFacts
from dirtrack.store.report_sql import OPEN, Scope, directive_ids
from dirtrack.store.units import UnitIndex


class CoreReads:
    """What the review reads, on a Core connection (one snapshot)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def load_units(self) -> UnitIndex:
        return facts.load_units(self.conn)

    def load_moves(self) -> dict[int, list[Move]]:
        return review_sql.load_moves(self.conn)

    def stored_units(self, ids: Collection[int]) -> dict[int, int]:
        return review_sql.stored_units(self.conn, ids)

    def count_review(self, now: Scope, then: Scope, due_by: date) -> ReviewCounts:
        return review_counts.count_review(self.conn, now, then, due_by)

    def chair_directives_on(
        self, scope: Scope, held: date
    ) -> list[tuple[int, int, str | None, str | None]]:
        return review_sql.chair_directives_on(self.conn, scope, held)

    def facts_of(self, ids: Sequence[int]) -> list[DirectiveFacts]:
        return facts.facts_of(self.conn, ids)

    def extension_cause_ids(self, scope: Scope, start: date, end: date) -> list[int]:
        return review_sql.extension_cause_ids(self.conn, scope, start, end)

    def held_directives(self, scope: Scope) -> list[tuple[int, int]]:
        return review_sql.held_directives(self.conn, scope)

    def id_batches(self, scope: Scope, statuses: Sequence[Status] = OPEN) -> Iterator[list[int]]:
        return facts.iter_ids(self.conn, directive_ids(scope, statuses, most_overdue_first=True))

    def last_touched(self, directive_ids: Iterable[int]) -> dict[int, tuple[datetime, str]]:
        return history.last_touched(self.conn, directive_ids)

    def list_meetings(self, *, start: date | None, end: date | None) -> list[Any]:
        return facts.list_meetings(self.conn, start=start, end=end)

    def attendee_ids(self, meeting_ids: Sequence[int]) -> dict[int, list[int]]:
        return facts.attendee_ids(self.conn, meeting_ids)

    def list_limitations(
        self,
        *,
        unit_ids: Sequence[int] | None = None,
        raised_on_or_before: date | None = None,
        ids: Sequence[int] | None = None,
        listed_from: date | None = None,
    ) -> list[LimitationFacts]:
        return facts.list_limitations(
            self.conn,
            unit_ids=unit_ids,
            raised_on_or_before=raised_on_or_before,
            ids=ids,
            listed_from=listed_from,
        )

    def limitation_counts(
        self, unit_ids: Sequence[int] | None, start: date, end: date
    ) -> dict[int, LimitationCounts]:
        return review_sql.limitation_counts(self.conn, unit_ids, start, end)

    def repeat_links(self, end: date) -> dict[int, int]:
        return review_sql.repeat_links(self.conn, end)
