"""The status rules of CLI.md at their boundaries, in the product's SQL and in the reference of
tests/oracle.py, and truncated rates."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine

from dirtrack.status import Counts, DirectiveFacts, ExtensionFact, Rate, Status
from dirtrack.store.rules import judge as judge_in_sql
from tests.oracle import classify, judge

D = date(2022, 6, 30)


@pytest.mark.parametrize(
    ("due", "completed", "cancelled", "as_of", "expected"),
    [
        (D, None, None, D, Status.OPEN_IN_TIME),  # the deadline day itself is on time
        (D, None, None, date(2022, 7, 1), Status.OVERDUE),  # overdue from D+1
        (D, D, None, date(2022, 7, 1), Status.DONE_ON_TIME),  # done on the deadline day
        (D, date(2022, 7, 1), None, date(2022, 7, 1), Status.DONE_LATE),
        (D, date(2022, 7, 5), None, date(2022, 7, 4), Status.OVERDUE),  # done after T: not yet
        (D, date(2022, 6, 1), None, date(2022, 5, 31), Status.OPEN_IN_TIME),
        (None, None, None, date(2030, 1, 1), Status.OPEN_IN_TIME),  # no deadline: never overdue
        (None, date(2022, 7, 1), None, date(2022, 7, 1), Status.DONE_ON_TIME),
        (D, None, date(2022, 7, 10), date(2022, 7, 10), Status.CANCELLED),
        (D, None, date(2022, 7, 10), date(2022, 7, 9), Status.OVERDUE),  # cancelled after T
    ],
)
def test_classify(
    due: date | None, completed: date | None, cancelled: date | None, as_of: date, expected: Status
) -> None:
    assert classify(due, completed, cancelled, as_of) is expected
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        assert judge_in_sql(conn, due, completed, cancelled, as_of) is expected


def facts(**kwargs: object) -> DirectiveFacts:
    base: dict[str, object] = {
        "id": 1,
        "meeting_id": 1,
        "meeting_date": date(2022, 5, 6),
        "unit_id": 1,
        "unit_code": "VPTU",
        "unit_name": "Văn phòng Tỉnh ủy",
        "text": "x",
        "original_due": D,
    }
    base.update(kwargs)
    return DirectiveFacts(**base)  # type: ignore[arg-type]


class Judged:
    """``f.status(T)`` and friends, judged by the reference at each T asked."""

    def __init__(self, f: DirectiveFacts) -> None:
        self.f = f

    def due_at(self, as_of: date) -> date | None:
        return judge(self.f, as_of).due_at(as_of)

    def status(self, as_of: date) -> Status:
        return judge(self.f, as_of).status(as_of)

    def days_overdue(self, as_of: date) -> int | None:
        return judge(self.f, as_of).days_overdue(as_of)


def test_facts_read_as_of_one_day_refuse_another() -> None:
    f = judge(facts(), date(2022, 7, 1))
    assert f.status(date(2022, 7, 1)) is Status.OVERDUE
    with pytest.raises(ValueError, match="read as of 2022-07-01"):
        f.status(date(2022, 7, 2))


def test_extension_approved_before_the_deadline_keeps_it_in_time() -> None:
    f = Judged(facts(extensions=(ExtensionFact(date(2022, 6, 25), date(2022, 9, 30)),)))
    assert f.due_at(date(2022, 6, 24)) == D
    assert f.status(date(2022, 7, 15)) is Status.OPEN_IN_TIME
    assert f.days_overdue(date(2022, 7, 15)) is None


def test_extension_approved_after_the_deadline_counts_only_from_its_approval() -> None:
    f = Judged(facts(extensions=(ExtensionFact(date(2022, 7, 10), date(2022, 9, 30)),)))
    assert f.status(date(2022, 7, 9)) is Status.OVERDUE
    assert f.days_overdue(date(2022, 7, 9)) == 9
    assert f.status(date(2022, 7, 10)) is Status.OPEN_IN_TIME
    assert f.f.original_due == D


def test_latest_approved_extension_wins() -> None:
    f = Judged(
        facts(
            extensions=(
                ExtensionFact(date(2022, 6, 20), date(2022, 8, 31)),
                ExtensionFact(date(2022, 8, 25), date(2022, 10, 31)),
            ),
            completed_on=date(2022, 9, 15),
        )
    )
    assert f.due_at(date(2022, 8, 1)) == date(2022, 8, 31)
    assert f.due_at(date(2022, 9, 1)) == date(2022, 10, 31)
    assert f.status(date(2022, 9, 1)) is Status.OPEN_IN_TIME
    assert f.status(date(2022, 9, 30)) is Status.DONE_ON_TIME


def test_government_office_2017_rate_is_truncated() -> None:
    # 1270/BC-TCTTTg: 16,051 done of 16,274 due was published as 98,62 % (98.6297... cut).
    rate = Rate(16051, 16274)
    assert rate.pct == 98.62
    assert round(16051 / 16274 * 100, 2) == 98.63  # rounding would have given 98,63


def test_rates_with_nothing_to_count_are_null() -> None:
    assert Rate(0, 0).pct is None
    assert Rate(2, 3).pct == 66.66
    assert Rate(1, 2).pct == 50.0


def test_counts_reproduce_the_2017_national_figures() -> None:
    counts = Counts(done_on_time=14068, done_late=1983, open_in_time=5640, overdue=223)
    assert counts.total == 21914
    assert counts.completion_rate.as_dict() == {"num": 16051, "den": 16274, "pct": 98.62}
    assert counts.on_time_rate.pct == 87.64  # 87.646… cut
