from __future__ import annotations

from datetime import date

import pytest

from dirtrack.errors import InvalidInput
from dirtrack.periods import Cutoff, parse_date, parse_period, parse_when, read_when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-05-06", date(2022, 5, 6)),
        ("6/5/2022", date(2022, 5, 6)),
        ("06-05-2022", date(2022, 5, 6)),
        ("06.05.2022", date(2022, 5, 6)),
        ("ngày 6 tháng 5 năm 2022", date(2022, 5, 6)),
        ("29/2/2024", date(2024, 2, 29)),
    ],
)
def test_dates_are_day_first(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/2/2022", "29/2/2023", "2022-13-01", "6/5/22", "hôm qua", ""])
def test_impossible_or_unknown_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_date(text)


def test_a_date_without_year_takes_it_from_the_reference() -> None:
    assert parse_date("6/5", ref=date(2022, 1, 1)) == date(2022, 5, 6)
    with pytest.raises(InvalidInput):
        parse_date("6/5")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-09-30", date(2022, 9, 30)),
        ("2022-09", date(2022, 9, 30)),
        ("9/2022", date(2022, 9, 30)),
        ("tháng 9/2022", date(2022, 9, 30)),
        ("Tháng 2 năm 2024", date(2024, 2, 29)),
        ("T9/2022", date(2022, 9, 30)),  # the month as office sheets shorten it
        ("trong T2 2024", date(2024, 2, 29)),
        ("t12-2022", date(2022, 12, 31)),
        ("2022Q3", date(2022, 9, 30)),
        ("2022-Q1", date(2022, 3, 31)),
        ("Q3/2022", date(2022, 9, 30)),
        ("quý III/2022", date(2022, 9, 30)),
        ("Quý IV năm 2022", date(2022, 12, 31)),
        ("Quí IV năm 2022", date(2022, 12, 31)),  # the older spelling, still printed
        ("2022H1", date(2022, 6, 30)),
        ("6 tháng đầu năm 2022", date(2022, 6, 30)),
        ("6 tháng cuối năm 2022", date(2022, 12, 31)),
        ("2022", date(2022, 12, 31)),
        ("năm 2022", date(2022, 12, 31)),
        ("cuối năm 2022", date(2022, 12, 31)),
        ("trước ngày 20/7/2020", date(2020, 7, 20)),
        ("chậm nhất ngày 15/8/2022", date(2022, 8, 15)),
        ("trong tháng 6/2022", date(2022, 6, 30)),
        ("từ nay đến 31/12/2022", date(2022, 12, 31)),
        ("giai đoạn 2022-2025", date(2025, 12, 31)),
        ("Giai đoạn 2022 – 2025", date(2025, 12, 31)),
        ("2022-2024", date(2024, 12, 31)),
    ],
)
def test_deadlines(text: str, expected: date) -> None:
    assert parse_when(text) == expected


def test_years_in_a_row_backwards_and_early_in_the_year_are_refused() -> None:
    """'giai đoạn 2025-2022' ends before it starts; 'đầu năm 2024' names no day (as `assign
    --due` and an imported sheet read it): both say so, with what to write."""
    with pytest.raises(InvalidInput) as caught:
        parse_when("giai đoạn 2025-2022")
    assert caught.value.key == "period_reversed"
    with pytest.raises(InvalidInput) as caught:
        parse_when("đầu năm 2024")
    assert caught.value.key == "deadline_early_year"
    assert "quý I/2024" in caught.value.render("vi")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tháng 6, 7/2025", date(2025, 7, 31)),
        ("Tháng 6 và 7/2025", date(2025, 7, 31)),
        ("tháng 6 và tháng 7 năm 2025", date(2025, 7, 31)),
        ("Tháng 5, 6 và 7/2025", date(2025, 7, 31)),
        ("Quý II và III/2025", date(2025, 9, 30)),
        ("Tháng 3-6/2023", date(2023, 6, 30)),
    ],
)
def test_months_named_one_by_one_with_the_year_once(text: str, expected: date) -> None:
    """'Tháng 6, 7/2025' and 'Tháng 6 và 7/2025' (two months, the year once) were refused as
    no deadline though 'Tháng 3-6/2023' was read: each is due at the end of its last month.
    Months named backwards are refused as a run written backwards is."""
    assert read_when(text, None) == expected
    with pytest.raises(InvalidInput) as caught:
        read_when("Tháng 7 và 6/2025", None)
    assert caught.value.key == "period_reversed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trong tháng 9", date(2022, 9, 30)),
        ("quý III", date(2022, 9, 30)),
        ("3 tháng cuối năm", date(2022, 12, 31)),
        ("cuối năm", date(2022, 12, 31)),
        ("trước ngày 30/6", date(2022, 6, 30)),
        ("trong 02 tuần tới", date(2022, 9, 21)),
        ("trong 10 ngày", date(2022, 9, 17)),
    ],
)
def test_deadlines_without_a_year_use_the_meeting_date(text: str, expected: date) -> None:
    assert parse_when(text, ref=date(2022, 9, 7)) == expected


@pytest.mark.parametrize("text", ["trong 0 tháng", "trong 00 tuần", "0 days", "sau 0 ngày"])
def test_a_time_to_do_it_of_nothing_is_refused(text: str) -> None:
    """'trong 0 tháng' gave the meeting's own day as the deadline, where '0 working days' was
    refused: a span of nothing is refused the same way, in the run's language."""
    with pytest.raises(InvalidInput) as caught:
        parse_when(text, ref=date(2022, 9, 7))
    assert caught.value.key == "zero_span"
    assert "thời gian thực hiện phải từ 1 ngày" in caught.value.render("vi")


@pytest.mark.parametrize(
    ("text", "key", "en", "vi"),
    [
        (
            "trong 99999999 ngày làm việc",
            "bad_working_days",
            "a number of working days must be from 1 to 2600, not 99999999",
            "số ngày làm việc phải từ 1 đến 2600, không phải 99999999",
        ),
        (
            "within 2601 working days",
            "bad_working_days",
            "must be from 1 to 2600, not 2601",
            "phải từ 1 đến 2600, không phải 2601",
        ),
        (
            "trong 99999999 ngày",
            "span_too_long",
            "is at most 999 days, weeks or months, not 99999999",
            "nhiều nhất là 999 ngày, tuần hoặc tháng, không phải 99999999",
        ),
        (
            "trong " + "9" * 5000 + " ngày làm việc",
            "bad_working_days",
            "must be from 1 to 2600, not 999",
            "phải từ 1 đến 2600, không phải 999",
        ),
    ],
)
def test_a_huge_time_to_do_it_says_the_limit(text: str, key: str, en: str, vi: str) -> None:
    """'trong 99999999 ngày làm việc' (more digits than the phrase's pattern took) was 'not a
    deadline' with the list of every form: it now says the number is too large, and the
    limit, in either language."""
    with pytest.raises(InvalidInput) as caught:
        parse_when(text, ref=date(2022, 9, 7))
    assert caught.value.key == key
    assert en in caught.value.render("en")
    assert vi in caught.value.render("vi")
    assert len(caught.value.render("en")) < 200


def test_deadline_phrase_without_year_and_without_reference_is_refused() -> None:
    with pytest.raises(InvalidInput):
        parse_when("tháng 9")


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2022Q2", "2022-Q2", date(2022, 4, 1), date(2022, 6, 30)),
        ("Q2/2022", "2022-Q2", date(2022, 4, 1), date(2022, 6, 30)),
        ("quý II/2022", "2022-Q2", date(2022, 4, 1), date(2022, 6, 30)),
        ("quí 2/2022", "2022-Q2", date(2022, 4, 1), date(2022, 6, 30)),
        ("2022-05", "2022-05", date(2022, 5, 1), date(2022, 5, 31)),
        ("tháng 5/2022", "2022-05", date(2022, 5, 1), date(2022, 5, 31)),
        ("2022H1", "2022-H1", date(2022, 1, 1), date(2022, 6, 30)),
        ("4 tháng đầu năm 2022", "2022-4M", date(2022, 1, 1), date(2022, 4, 30)),
        ("9 tháng 2022", "2022-9M", date(2022, 1, 1), date(2022, 9, 30)),
        ("3 tháng cuối năm 2022", "2022-Q4", date(2022, 10, 1), date(2022, 12, 31)),
        ("2022", "2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("2022-04-01..2022-06-15", "2022-04-01..2022-06-15", date(2022, 4, 1), date(2022, 6, 15)),
        ("1/4/2022..15/6/2022", "2022-04-01..2022-06-15", date(2022, 4, 1), date(2022, 6, 15)),
    ],
)
def test_periods(text: str, label: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.label, period.start, period.end) == (label, start, end)


def test_nd09_cutoff_runs_from_the_15th_to_the_14th() -> None:
    q2 = parse_period("2022Q2", Cutoff.ND09)
    assert (q2.start, q2.end) == (date(2022, 3, 15), date(2022, 6, 14))
    q1 = parse_period("quý I/2022", Cutoff.ND09)
    assert (q1.start, q1.end) == (date(2021, 12, 15), date(2022, 3, 14))
    year = parse_period("2022", Cutoff.ND09)
    assert (year.start, year.end) == (date(2021, 12, 15), date(2022, 12, 14))


def test_current_and_previous_quarter() -> None:
    today = date(2026, 11, 21)
    assert parse_period("current", today=today).label == "2026-Q4"
    assert parse_period("previous", today=today).label == "2026-Q3"
    assert parse_period("previous", today=date(2026, 2, 1)).label == "2025-Q4"


@pytest.mark.parametrize(
    "text",
    ["tháng 13/2022", "13/2022", "2022-13", "T13/2022", "tháng 0/2022", "13 tháng đầu năm 2022"],
)
def test_a_month_out_of_range_is_said_so_whichever_form(text: str) -> None:
    """'tháng 13/2022' said 'is not a valid period' (listing the forms) where '13 tháng đầu năm
    2022' said 'a year has 12 months': one message for a month number out of range."""
    with pytest.raises(InvalidInput) as caught:
        parse_period(text)
    assert str(caught.value) == f"{text!r}: a year has 12 months"


@pytest.mark.parametrize(
    "text",
    ["2022Q5", "quý V/2022", "tháng 13/2022", "T13/2022", "T6", "2022-06-30..2022-06-01", "soon"],
)
def test_bad_periods_name_the_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_period(text)
