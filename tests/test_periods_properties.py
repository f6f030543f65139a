"""Periods under both cut-off presets: a table of forms, then properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dirtrack.errors import InvalidInput
from dirtrack.periods import (
    Cutoff,
    Period,
    SpanKind,
    containing,
    parse_period,
    quarter_containing,
)

CAL, ND09 = Cutoff.CALENDAR, Cutoff.ND09
PARTITIONS = [SpanKind.MONTH, SpanKind.QUARTER, SpanKind.HALF, SpanKind.YEAR]

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2990, 12, 31))
cutoffs = st.sampled_from([CAL, ND09])
kinds = st.sampled_from(PARTITIONS)


@pytest.mark.parametrize(
    ("text", "cutoff", "label", "start", "end"),
    [
        ("năm 2022", CAL, "2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("6 tháng cuối năm 2022", CAL, "2022-H2", date(2022, 7, 1), date(2022, 12, 31)),
        ("9 tháng năm 2022", CAL, "2022-9M", date(2022, 1, 1), date(2022, 9, 30)),
        ("Quý IV năm 2022", CAL, "2022-Q4", date(2022, 10, 1), date(2022, 12, 31)),
        ("5/2022", CAL, "2022-05", date(2022, 5, 1), date(2022, 5, 31)),
        ("tháng 2/2024", CAL, "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("Q2/2022", ND09, "2022-Q2", date(2022, 3, 15), date(2022, 6, 14)),
        ("quý III/2022", ND09, "2022-Q3", date(2022, 6, 15), date(2022, 9, 14)),
        ("quý IV/2022", ND09, "2022-Q4", date(2022, 9, 15), date(2022, 12, 14)),
        ("tháng 1/2023", ND09, "2023-01", date(2022, 12, 15), date(2023, 1, 14)),
        ("2022H1", ND09, "2022-H1", date(2021, 12, 15), date(2022, 6, 14)),
        ("6 tháng cuối năm 2022", ND09, "2022-H2", date(2022, 6, 15), date(2022, 12, 14)),
        ("9 tháng 2022", ND09, "2022-9M", date(2021, 12, 15), date(2022, 9, 14)),
        ("4 tháng đầu năm 2022", ND09, "2022-4M", date(2021, 12, 15), date(2022, 4, 14)),
        ("3 tháng cuối năm 2022", ND09, "2022-Q4", date(2022, 9, 15), date(2022, 12, 14)),
        (
            "2022-04-01..2022-06-15",
            ND09,
            "2022-04-01..2022-06-15",
            date(2022, 4, 1),
            date(2022, 6, 15),
        ),
    ],
)
def test_period_forms(text: str, cutoff: Cutoff, label: str, start: date, end: date) -> None:
    period = parse_period(text, cutoff)
    assert (period.label, period.start, period.end, period.cutoff) == (label, start, end, cutoff)


@pytest.mark.parametrize(
    ("today", "cutoff", "current", "previous"),
    [
        (date(2022, 6, 14), CAL, ("2022-Q2", date(2022, 4, 1)), ("2022-Q1", date(2022, 1, 1))),
        (date(2022, 6, 14), ND09, ("2022-Q2", date(2022, 3, 15)), ("2022-Q1", date(2021, 12, 15))),
        (date(2022, 6, 15), ND09, ("2022-Q3", date(2022, 6, 15)), ("2022-Q2", date(2022, 3, 15))),
        (date(2022, 12, 20), ND09, ("2023-Q1", date(2022, 12, 15)), ("2022-Q4", date(2022, 9, 15))),
        (date(2023, 1, 3), CAL, ("2023-Q1", date(2023, 1, 1)), ("2022-Q4", date(2022, 10, 1))),
    ],
)
def test_current_and_previous_follow_the_cutoff(
    today: date, cutoff: Cutoff, current: tuple[str, date], previous: tuple[str, date]
) -> None:
    now = parse_period("current", cutoff, today=today)
    before = parse_period("previous", cutoff, today=today)
    assert (now.label, now.start) == current
    assert (before.label, before.start) == previous
    assert now.contains(today)


@pytest.mark.parametrize(
    "text",
    [
        "2022Q0",
        "quý V/2022",
        "13/2022",
        "15 tháng đầu năm 2022",
        "2022-07-01..2022-06-30",
        "kỳ này",
    ],
)
def test_bad_periods_are_refused_with_the_forms(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_period(text)
    message = str(caught.value)
    assert text in message or "ends before it starts" in message or "12 months" in message


def test_unknown_phrase_lists_the_accepted_forms() -> None:
    with pytest.raises(InvalidInput, match=r"quý III/2022.*current, previous or START\.\.END"):
        parse_period("kỳ này")


@given(day=days, kind=kinds, cutoff=cutoffs)
def test_every_day_lies_in_its_own_period(day: date, kind: SpanKind, cutoff: Cutoff) -> None:
    period = containing(day, kind, cutoff)
    assert period.contains(day)
    assert period.span is not None and period.span.kind is kind
    # The label names the same period back under the same preset.
    assert parse_period(period.label, cutoff) == period


@given(day=days, cutoff=cutoffs)
def test_every_day_lies_in_its_own_quarter(day: date, cutoff: Cutoff) -> None:
    assert quarter_containing(day, cutoff).contains(day)
    assert quarter_containing(day, cutoff) == containing(day, SpanKind.QUARTER, cutoff)


@given(day=days, kind=kinds, cutoff=cutoffs)
def test_consecutive_periods_neither_overlap_nor_leave_a_gap(
    day: date, kind: SpanKind, cutoff: Cutoff
) -> None:
    period = containing(day, kind, cutoff)
    after, before = period.next(), period.previous()
    assert after.start == period.end + timedelta(days=1)
    assert before.end == period.start - timedelta(days=1)
    assert after.previous() == period == before.next()
    # The day after the end belongs to the next period, the day before the start to the previous.
    assert containing(period.end + timedelta(days=1), kind, cutoff) == after
    assert containing(period.start - timedelta(days=1), kind, cutoff) == before


@given(day=days, kind=kinds)
def test_nd09_windows_run_from_the_15th_to_the_14th(day: date, kind: SpanKind) -> None:
    period = containing(day, kind, ND09)
    assert (period.start.day, period.end.day) == (15, 14)
    calendar = containing(period.end, kind, CAL)
    # The same named period: it ends in the calendar period's last month.
    assert period.label == calendar.label
    assert (period.end.year, period.end.month) == (calendar.end.year, calendar.end.month)


@given(start=days, length=st.integers(min_value=0, max_value=800), cutoff=cutoffs)
def test_explicit_ranges_step_by_their_own_length(start: date, length: int, cutoff: Cutoff) -> None:
    end = start + timedelta(days=length)
    period = parse_period(f"{start.isoformat()}..{end.isoformat()}", cutoff)
    assert (period.start, period.end) == (start, end)
    after, before = period.next(), period.previous()
    assert after.start == end + timedelta(days=1) and before.end == start - timedelta(days=1)
    assert (after.end - after.start) == (before.end - before.start) == (end - start)


@given(
    year=st.integers(min_value=1950, max_value=2990),
    q=st.integers(min_value=1, max_value=4),
    cutoff=cutoffs,
)
def test_quarter_spellings_agree(year: int, q: int, cutoff: Cutoff) -> None:
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[q]
    forms = [
        f"{year}Q{q}",
        f"{year}-Q{q}",
        f"Q{q}/{year}",
        f"quý {roman}/{year}",
        f"Quý {roman} năm {year}",
        f"quy {roman.lower()}/{year}",
    ]
    periods = {parse_period(text, cutoff) for text in forms}
    assert len(periods) == 1
    (period,) = periods
    assert period.label == f"{year}-Q{q}"


@given(
    year=st.integers(min_value=1950, max_value=2990),
    n=st.integers(min_value=1, max_value=12),
    cutoff=cutoffs,
)
def test_first_n_months_end_with_month_n(year: int, n: int, cutoff: Cutoff) -> None:
    period = parse_period(f"{n} tháng đầu năm {year}", cutoff)
    assert period == parse_period(f"{n} tháng năm {year}", cutoff)
    month = parse_period(f"tháng {n}/{year}", cutoff)
    year_period = parse_period(str(year), cutoff)
    assert (period.start, period.end) == (year_period.start, month.end)


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput, match=r"ends \(2022-06-01\) before it starts"):
        Period("x", date(2022, 6, 30), date(2022, 6, 1))
