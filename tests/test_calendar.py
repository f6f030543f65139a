"""Working days, deadline phrases on them, and periodic directives (series)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dirtrack.periods import parse_deadline
from dirtrack.workdays import Workdays
from tests.conftest import Cli, snapshot

# --- working days against a tiny reference -------------------------------------------------

# Việt Nam's days off of 2025 and 2026 (and 1/1/2027) as the Government published them (Tết
# 2025: 25/1-2/2, Saturday 26/4/2025 worked for Friday 2/5; Tết 2026: 14/2-22/2; Saturday
# 22/8/2026 worked for Monday 31/8), weekends aside.
HOLIDAYS = {
    date(2025, 1, 1),
    *(date(2025, 1, d) for d in range(27, 32)),
    date(2025, 2, 1),
    date(2025, 4, 7),
    date(2025, 4, 30),
    date(2025, 5, 1),
    date(2025, 5, 2),
    date(2025, 9, 1),
    date(2025, 9, 2),
    date(2026, 1, 1),
    *(date(2026, 2, d) for d in range(16, 21)),
    date(2026, 4, 27),
    date(2026, 4, 30),
    date(2026, 5, 1),
    date(2026, 8, 31),
    date(2026, 9, 1),
    date(2026, 9, 2),
    date(2026, 11, 24),
    # the first day past the last start, 25 working days on (30/11/2026 + 25 reaches 5/1/2027):
    # New Year's Day, a day off every year (the Labour Code); the reference stopped at 2026 and
    # took it for a working Friday when a run drew a start in late November
    date(2027, 1, 1),
}
WORKED_SATURDAYS = {date(2025, 4, 26), date(2026, 8, 22)}


def reference_working(day: date) -> bool:
    if day in WORKED_SATURDAYS:
        return True
    return day.weekday() < 5 and day not in HOLIDAYS


def reference_add(day: date, n: int) -> date:
    while n:
        day += timedelta(days=1)
        n -= reference_working(day)
    return day


@given(
    start=st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 30)),
    n=st.integers(min_value=0, max_value=25),
)
def test_working_days_match_the_published_calendar(start: date, n: int) -> None:
    calendar = Workdays()
    found = calendar.add(start, n)
    assert found == reference_add(start, n)
    assert calendar.count(start, found) == n
    assert calendar.is_working(start) == reference_working(start)
    assert calendar.is_working(calendar.next_working(start))
    assert calendar.next_working(start) >= start >= calendar.previous_working(start)


def test_the_office_word_wins_over_the_national_calendar() -> None:
    calendar = Workdays(office={date(2025, 5, 5): False, date(2025, 5, 2): True})
    assert calendar.add(date(2025, 4, 29), 2) == date(2025, 5, 6)  # 2/5 worked, 5/5 off
    assert calendar.tet_break(2025) == (date(2025, 1, 25), date(2025, 2, 2))
    assert calendar.tet_break(2026) == (date(2026, 2, 14), date(2026, 2, 22))


# --- every deadline form, with the date it gives in 2025 and 2026 (README) -----------------

FORMS = [
    ("trước Tết Nguyên đán 2025", None, "2025-01-24"),
    ("trước Tết 2026", None, "2026-02-13"),
    ("truoc tet", date(2025, 12, 1), "2026-02-13"),
    ("sau Tết 2025", None, "2025-02-14"),
    ("sau Tết", date(2026, 1, 5), "2026-03-06"),
    ("trước ngày 30/4/2025", None, "2025-04-29"),
    ("trước ngày 30/4", date(2026, 3, 2), "2026-04-29"),
    ("đầu tháng 10/2025", None, "2025-10-10"),
    ("đầu tháng 10", date(2026, 3, 2), "2026-10-12"),
    ("giữa năm 2025", None, "2025-06-30"),
    ("giữa năm", date(2026, 1, 5), "2026-06-30"),
    ("cuối quý", date(2025, 8, 4), "2025-09-30"),
    ("cuối quý", date(2026, 2, 2), "2026-03-31"),
    ("trong 10 ngày làm việc", date(2025, 4, 25), "2025-05-13"),
    ("5 working days", date(2025, 8, 29), "2025-09-09"),
    ("trong 05 ngay lam viec", date(2026, 4, 24), "2026-05-06"),
    ("3 working days", date(2026, 8, 28), "2026-09-07"),
    ("quý III/2025", None, "2025-09-30"),
]

# Without a year, the nearest Tết whose deadline has not passed on the meeting's day: Tết 2026
# (break 14/2-22/2, in February), Tết 2028 (mùng 1 on 26/1, break 22/1-30/1, in January).
TET_EDGES = [
    ("sau Tết", date(2026, 2, 13), "2026-03-06"),  # the day before the break
    ("sau Tết", date(2026, 2, 14), "2026-03-06"),  # its first day
    ("sau Tết", date(2026, 2, 22), "2026-03-06"),  # its last day
    ("sau Tết Nguyên đán", date(2026, 2, 23), "2026-03-06"),  # the day after it
    ("sau Tết", date(2026, 3, 6), "2026-03-06"),  # the deadline's own day
    ("sau Tết", date(2026, 3, 9), "2027-02-24"),  # past it: next year's
    ("trước Tết", date(2026, 2, 13), "2026-02-13"),  # the last working day before the break
    ("trước Tết", date(2026, 2, 14), "2027-02-03"),  # the break begun: next year's
    ("trước Tết Nguyên đán", date(2026, 2, 23), "2027-02-03"),
    ("trước Tết", date(2027, 12, 1), "2028-01-21"),
    ("trước Tết", date(2028, 1, 21), "2028-01-21"),
    ("trước Tết", date(2028, 1, 22), "2029-02-09"),
    ("sau Tết", date(2028, 1, 21), "2028-02-11"),
    ("sau Tết", date(2028, 1, 31), "2028-02-11"),
    ("sau Tết", date(2028, 2, 14), "2029-03-02"),
]


@pytest.mark.parametrize(("text", "ref", "due"), TET_EDGES)
def test_tet_without_a_year_is_the_nearest_not_passed(text: str, ref: date, due: str) -> None:
    found = parse_deadline(text, ref, Workdays()).due
    assert found.isoformat() == due and found >= ref


@pytest.mark.parametrize(("text", "ref", "due"), FORMS)
def test_every_deadline_form_gives_the_published_day(text: str, ref: date | None, due: str) -> None:
    assert parse_deadline(text, ref, Workdays()).due.isoformat() == due


# --- commands -------------------------------------------------------------------------------


def _setup(cli: Cli, held: str = "2025-01-02") -> int:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    return cli.id("add-meeting", "--date", held, "--title", "Hội nghị BTV")


def test_assign_resolves_calendar_phrases_and_keeps_the_words(cli: Cli) -> None:
    meeting = _setup(cli, "2025-04-25")
    item = cli.json(
        "assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--due", "trong 10 ngày làm việc"
    )
    assert (item["due"], item["due_phrase"], item["series_id"]) == (
        "2025-05-13",
        "trong 10 ngày làm việc",
        None,
    )
    result = cli("assign", str(meeting), "Trước lễ", "--unit", "BTC", "--due", "trước ngày 30/4")
    assert result.exit_code == 0
    assert "2025-04-29" in result.stderr  # 30/4 is off: said, with the day it moves to
    later = cli.json(
        "assign",
        str(meeting),
        "Từ ngày",
        "--unit",
        "BTC",
        "--due",
        "3 working days",
        "--from",
        "2025-08-29",
    )
    assert later["due"] == "2025-09-05"  # counted from the day after 29/8: 3/9, 4/9, 5/9
    cli.ok("calendar", "add", "2025-05-12", "--off", "--note", "nghỉ bù")
    moved = cli.json(
        "assign", str(meeting), "Lần hai", "--unit", "VPTU", "--due", "trong 10 ngày làm việc"
    )
    assert moved["due"] == "2025-05-14"
    ext_id = moved["id"]
    cli.ok("extend", str(ext_id), "--to", "sau Tết 2026", "--date", "2025-05-10")
    shown = cli.json("show", str(ext_id), "--as-of", "2025-06-01")
    assert (shown["due"], shown["due_phrase"]) == ("2026-03-06", "sau Tết 2026")


def test_a_day_the_calendar_already_had_so_is_said_to_move_nothing(cli: Cli) -> None:
    """``calendar add`` of a Saturday ``--off`` (or a weekday ``--on``) was said as any other
    day, as if deadlines moved with it: recorded still (the office says so), and said to move
    nothing; a day that undoes the office's own earlier one is a change and says nothing more."""
    _setup(cli)
    said = cli("calendar", "add", "2025-05-10", "--off")  # a Saturday
    assert said.exit_code == 0, said.stderr
    assert said.stderr.splitlines() == [
        "2025-05-10: a day off for the office",
        "2025-05-10 was a day off already (a weekend, a holiday or the office's): it moves no "
        "deadline",
    ]
    vi = cli("--lang", "vi", "calendar", "add", "2025-05-13", "--on")  # a Tuesday
    assert vi.stderr.splitlines()[1] == "13/05/2025 vốn đã là ngày làm việc: không hạn nào thay đổi"
    assert len(cli.json("calendar", "list")) == 2  # recorded all the same
    cli.ok("calendar", "add", "2025-05-12", "--off")  # a Monday: a change
    undone = cli("calendar", "add", "2025-05-12", "--on")  # back to a working day: a change too
    assert undone.stderr.splitlines() == ["2025-05-12: a working day for the office"]


def test_digits_of_other_scripts_are_read_and_stored_as_ascii(cli: Cli) -> None:
    """A date or deadline typed in Arabic-Indic (٦/٥/٢٠٢٥) or full-width (１２) digits is the
    one typed in ASCII, and its words are stored so (NFC, ASCII digits): `list --search 12`
    finds them and an export holds one spelling; a directive's own text is kept as typed."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", "٢٥/٤/٢٠٢٥", "--title", "Họp")
    item = cli.json(
        "assign", str(meeting), "Báo cáo số ١٢", "--unit", "VPTU",
        "--due", "trong １０ ngày làm việc",
    )  # fmt: skip
    assert (item["due"], item["due_phrase"]) == ("2025-05-13", "trong 10 ngày làm việc")
    assert (item["text"], item["meeting_date"]) == ("Báo cáo số ١٢", "2025-04-25")
    edited = cli.json("edit", "directive", str(item["id"]), "--due", "trước ngày ٣٠/٥/٢٠٢٥")
    assert (edited["due"], edited["due_phrase"]) == ("2025-05-30", "trước ngày 30/5/2025")
    cli.ok("extend", str(item["id"]), "--to", "quý ３/２０２５", "--date", "２/６/２０２５")
    shown = cli.json("show", str(item["id"]), "--as-of", "2025-06-03")
    assert (shown["due"], shown["due_phrase"]) == ("2025-09-30", "quý 3/2025")


def test_bad_deadlines_and_days_write_nothing(cli: Cli, db: str) -> None:
    meeting = _setup(cli)
    before = snapshot(db)
    assign = ("assign", str(meeting), "X", "--unit", "VPTU")
    assert "trước Tết" in cli.fail(*assign, "--due", "hôm kia")
    assert "2101" in cli.fail(*assign, "--due", "trước Tết 2101")
    cli.fail(*assign, "--due", "trong 0 ngày làm việc")
    huge = cli.fail("--lang", "vi", *assign, "--due", "trong 99999999 ngày làm việc")
    assert huge == "Error: --due: số ngày làm việc phải từ 1 đến 2600, không phải 99999999"
    cli.fail(*assign, "--due", "đầu tháng 13")
    # --after-tet and --early-day out of range were taken when the deadline did not use them
    assert "--after-tet" in cli.fail(*assign, "--due", "30/6/2025", "--after-tet", "-1")
    assert "--early-day" in cli.fail(*assign, "--due", "30/6/2025", "--early-day", "29")
    assert "--after-tet" in cli.fail(*assign, "--due", "sau Tết 2025", "--after-tet", "367")
    cli.fail(*assign, "--every", "fortnight")
    cli.fail(*assign, "--every", "month", "--day", "32")
    # options that exclude each other: a usage error
    cli.fail(*assign, "--every", "month", "--day", "5", "--offset", "3", code=2)
    cli.fail(*assign, "--every", "month", "--from", "2025-06-01", "--until", "2025-05-01")
    cli.fail(*assign, "--every", "month", "--from", "2024-12-01")
    # options misused together: usage errors
    cli.fail(*assign, "--every", "month", "--due", "2025-05-01", code=2)
    cli.fail(*assign, "--day", "5", code=2)
    cli.fail("calendar", "add", "31/2/2025", "--off")
    cli.fail("calendar", "add", "2025-02-03", code=2)
    cli.fail("calendar", "add", "2150-02-03", "--on")
    # A year out of range was refused naming no option ("'22': dirtrack takes dates …"), where
    # every other value refused names the one it was given with.
    assert cli.fail("calendar", "list", "--year", "22") == (
        "Error: --year: '22': dirtrack takes dates from the year 1900 to 2999"
    )
    assert cli.fail("--lang", "vi", "calendar", "list", "--year", "10000").startswith(
        "Error: --year: '10000': dirtrack chỉ nhận ngày từ năm 1900"
    )
    cli.fail("series", "show", "99")
    cli.fail("series", "stop", "99", "--from", "2025-01-01")
    # An end past the calendar's years was refused naming a year never typed (2101), and no
    # option: it names --until and the years the calendar has.
    args = [*assign, "--every", "month"]
    assert cli.fail(*args, "--until", "1/1/2999") == (
        "Error: --until 2999-01-01 is past the calendar of days off, which covers the years "
        "1901–2100"
    )
    assert cli.fail("--lang", "vi", *args, "--until", "1/1/2999").startswith(
        "Error: --until 01/01/2999 vượt quá lịch ngày nghỉ"
    )
    # So was a first day past them (--from): it names --from.
    assert cli.fail(*args, "--from", "1/1/2101", "--dry-run") == (
        "Error: --from 2101-01-01 is past the calendar of days off, which covers the years "
        "1901–2100"
    )
    assert cli.fail("--lang", "vi", *args, "--from", "1/1/2999").startswith(
        "Error: --from 01/01/2999 vượt quá lịch ngày nghỉ"
    )
    assert snapshot(db) == before


def test_a_series_with_no_occurrence_is_refused(cli: Cli, db: str) -> None:
    """From the meeting's day to the month's end, with each deadline on the 14th (before the
    series began): `assign --every` recorded a series of no occurrence, exit 0, saying nothing."""
    meeting = _setup(cli, "2025-05-20")
    before = snapshot(db)
    args = ["assign", str(meeting), "Báo cáo tháng", "--unit", "VPTU", "--every", "month"]
    short = [*args, "--day", "14", "--until", "31/5/2025"]
    assert cli.fail(*short) == (
        "Error: the series from 2025-05-20 to 2025-05-31 would have no occurrence: the deadline "
        "of every period in it falls before 2025-05-20; give a later --until, or another --day "
        "or --offset"
    )
    assert cli.fail(*short, "--dry-run").startswith("Error: the series from 2025-05-20")
    assert cli.fail("--lang", "vi", *short).startswith(
        "Error: nhiệm vụ định kỳ từ 20/05/2025 đến 31/05/2025 sẽ không có kỳ nào"
    )
    assert snapshot(db) == before
    # a month more, or a later day, gives one
    assert len(cli.json(*args, "--day", "14", "--until", "30/6/2025", "--dry-run")) == 1
    assert len(cli.json(*args, "--day", "25", "--until", "31/5/2025", "--dry-run")) == 1


def test_a_refused_command_says_no_moved_deadline_above_its_error(cli: Cli, db: str) -> None:
    # A deadline that falls on a day off and moves was said on stderr as soon as it was read,
    # so a command refused afterwards printed that line above its Error: line, two lines where
    # a script reads one. It is said once the command is written, and only then.
    meeting = _setup(cli, "2025-01-10")
    cli.ok("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month", "--day", "5")
    before = snapshot(db)
    # 9/2/2024, the eve of Tết 2024, is off: the deadline moves to 7/2/2024, before the meeting
    assert (
        cli.fail(
            "assign", str(meeting), "X", "--unit", "VPTU", "--due", "trước Tết Nguyên đán 2024"
        )
        == "Error: deadline 2024-02-07 is before the meeting (2025-01-10)"
    )
    # 1/1/2025 is off: the day before it moves to 31/12/2024, before the meeting
    cli.fail("assign", str(meeting), "X", "--unit", "VPTU", "--due", "trước ngày 1/1/2025")
    first = cli.id("assign", str(meeting), "Y", "--unit", "BTC", "--due", "2025-12-31")
    before = snapshot(db)
    # 1/5/2025 is off: 'trước ngày 1/5/2025' moves to 29/4, not after the deadline in force
    cli.fail("extend", str(first), "--to", "trước ngày 1/5/2025", "--date", "2025-02-03")
    # day 31 is missing from some months (said when the series is recorded), but this text is
    # the unit's series already
    cli.fail("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month", "--day", "31")
    assert snapshot(db) == before
    result = cli("assign", str(meeting), "Z", "--unit", "BTC", "--due", "trước ngày 30/4/2025")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "'trước ngày 30/4/2025': 2025-04-30 is a day off; the deadline is 2025-04-29\n"
    )


def _done(cli: Cli, series: object, period: str, on: str) -> None:
    shown = cli.json("series", "show", str(series))
    [occ] = [o for o in shown["occurrences"] if o["period"] == period]
    cli.ok("done", str(occ["id"]), "--date", on)


def test_a_year_of_monthly_and_quarterly_duties(cli: Cli, db: str) -> None:
    meeting = _setup(cli)
    monthly = cli.ok(
        "assign",
        str(meeting),
        "Báo cáo tháng",
        "--unit",
        "VPTU",
        "--unit",
        "BTC",
        "--every",
        "tháng",
        "--day",
        "20",
        "--until",
        "2025-12-31",
    ).split()
    quarterly = cli.json(
        "assign",
        str(meeting),
        "Báo cáo quý",
        "--unit",
        "BTC",
        "--every",
        "quarter",
        "--until",
        "2025-12-31",
    )
    assert quarterly["every"] == "quarter" and len(quarterly["occurrences"]) == 4
    shown = cli.json("series", "show", monthly[0])
    dues = {o["period"]: o["due"] for o in shown["occurrences"]}
    assert len(dues) == 12
    # 20/4/2025 is a Sunday, 20/9 a Saturday: Monday. NĐ 09 cut-off 14/6 a Saturday: Monday.
    assert (dues["2025-04"], dues["2025-09"], dues["2025-01"]) == (
        "2025-04-21",
        "2025-09-22",
        "2025-01-20",
    )
    q = {
        o["period"]: o["due"]
        for o in cli.json("series", "show", str(quarterly["id"]))["occurrences"]
    }
    assert q == {
        "2025-Q1": "2025-03-14",
        "2025-Q2": "2025-06-16",
        "2025-Q3": "2025-09-15",
        "2025-Q4": "2025-12-15",
    }
    # Q3: July on time, August late, September not done; the quarterly one late.
    for sid in monthly:
        _done(cli, sid, "2025-07", "2025-07-18")
        _done(cli, sid, "2025-08", "2025-08-25")
    _done(cli, quarterly["id"], "2025-Q3", "2025-09-16")
    before = snapshot(db)
    report = cli.json("report", "--quarter", "2025Q3")
    assert snapshot(db) == before  # everything existed: the report created nothing
    units = {u["code"]: u for u in report["units"]}
    # VPTU: Jan-Jun overdue (6), Jul on time, Aug late, Sep overdue: 9; October not yet given.
    assert (
        units["VPTU"]["total"],
        units["VPTU"]["done_on_time"],
        units["VPTU"]["done_late"],
        units["VPTU"]["overdue"],
    ) == (9, 1, 1, 7)
    # BTC: the same 9 and the quarterly Q1, Q2 (overdue) and Q3 (late).
    assert (units["BTC"]["total"], units["BTC"]["done_late"], units["BTC"]["overdue"]) == (12, 2, 9)
    listed = cli.json("list", "--unit", "BTC", "--as-of", "2025-09-30")
    assert len(listed) == 12 and all(d["series_id"] for d in listed)


def test_occurrences_are_made_once_however_often_asked(cli: Cli, db: str) -> None:
    meeting = _setup(cli, "2026-06-01")
    sid = cli.id(
        "assign",
        str(meeting),
        "Báo cáo tuần",
        "--unit",
        "VPTU",
        "--every",
        "month",
        "--offset",
        "5",
    )
    first = cli.json("series", "show", str(sid))["occurrences"]
    # From June 2026 up to the month after today's: created by assign itself.
    assert first[0]["period"] == "2026-06" and first[0]["due"] == "2026-07-06"
    before = snapshot(db)
    cli.ok("list")
    cli.ok("overdue")
    cli.ok("remind")
    cli.json("series", "list")
    assert snapshot(db) == before
    from sqlalchemy import create_engine, insert
    from sqlalchemy.exc import IntegrityError

    from dirtrack.db import resolve_target
    from dirtrack.store.tables import directive

    engine = create_engine(resolve_target(db).url)
    try:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(
                insert(directive).values(
                    meeting_id=meeting,
                    unit_id=1,
                    text="x",
                    series_id=sid,
                    period="2026-06",
                    created_at=datetime.now(UTC),
                )
            )
    finally:
        engine.dispose()


def test_a_reading_refused_leaves_the_occurrences_it_would_have_made_unmade(
    cli: Cli, db: str
) -> None:
    """A command that reads made the occurrences it needed in a transaction of its own, then
    was refused (an unknown --unit, --fields, id): exit 1 over occurrences written. They are
    committed with the reading, and only when it goes through."""
    meeting = _setup(cli, "2026-06-01")
    sid = cli.id("assign", str(meeting), "Báo cáo quý", "--unit", "VPTU", "--every", "quarter")
    before = snapshot(db)
    ahead = ["--as-of", "2027-06-30"]  # Q2 and Q3 2027 not made yet
    for args in (
        ["list", *ahead, "--unit", "XX"],
        ["list", *ahead, "--fields", "bogus"],
        ["list", *ahead, "--meeting", "99"],
        ["overdue", *ahead, "--unit", "XX"],
        ["remind", *ahead, "--unit", "XX"],
        ["report", "--quarter", "2027Q2", *ahead, "--unit", "XX"],
        ["series", "show", "99", *ahead],
    ):
        cli.fail(*args)
        assert snapshot(db) == before, args
    periods = [o["period"] for o in cli.json("series", "show", str(sid), *ahead)["occurrences"]]
    # made, and read, when the reading goes on (Q3, made ahead, is not given yet on the day)
    assert periods[-1] == "2027-Q2"
    assert snapshot(db) != before
    assert cli.json("list", *ahead, "--unit", "VPTU")  # the same occurrences, made once


def test_series_show_as_of_a_past_day_lists_what_was_given_by_then(cli: Cli) -> None:
    """series show --as-of DAY listed the occurrences of periods begun after DAY (made ahead,
    or later) as "Open, within deadline": they were not given yet on DAY. It lists those given
    by DAY, the directives list --as-of DAY shows of the series (one rule), en and vi, in every
    format."""
    meeting = _setup(cli, "2025-01-02")
    sid = str(cli.id("assign", str(meeting), "Báo cáo tháng", "--unit", "VPTU", "--every", "month"))
    for day in ("2025-03-15", "2025-01-02", "2026-01-31"):
        shown = cli.json("series", "show", sid, "--as-of", day)
        listed = [r for r in cli.json("list", "--as-of", day) if r["series_id"] == int(sid)]
        assert sorted(o["id"] for o in shown["occurrences"]) == sorted(r["id"] for r in listed)
        assert all(o["issued_on"] <= day for o in shown["occurrences"]), day
        assert sum(shown["counts"].values()) == len(shown["occurrences"])
    march = cli.json("series", "show", sid, "--as-of", "2025-03-15")
    assert [o["period"] for o in march["occurrences"]] == ["2025-01", "2025-02", "2025-03"]
    assert march["counts"] == {"overdue": 3}  # each due on the 14th; none given after the day
    later = cli.json("series", "show", sid)["occurrences"]  # today's: made well past March
    assert "2025-04" in {o["period"] for o in later}
    for lang in ("en", "vi"):
        table = cli.ok("--lang", lang, "series", "show", sid, "--as-of", "2025-03-15")
        assert "2025-04" not in table and "04/2025" not in table, table
        assert "2025-03" in table or "03/2025" in table, table
    rows = cli.ok("series", "show", sid, "--as-of", "2025-03-15", "--format", "csv")
    assert len(rows.strip().splitlines()) == 1 + 3


def test_dry_run_clamps_day_31_and_writes_nothing(cli: Cli, db: str) -> None:
    meeting = _setup(cli)
    before = snapshot(db)
    result = cli(
        "assign",
        str(meeting),
        "Báo cáo",
        "--unit",
        "VPTU",
        "--every",
        "month",
        "--day",
        "31",
        "--until",
        "2025-04-30",
        "--dry-run",
        "--format",
        "json",
    )
    assert result.exit_code == 0 and "31" in result.stderr
    import json

    planned = json.loads(result.stdout)
    # 31/1 is mùng 3 Tết: Monday 3/2; February has no 31st: 28/2; 31/3 Monday; 30/4 is off (and 1/5,
    # 2/5, the weekend): Monday 5/5.
    assert [(p["period"], p["scheduled"], p["due"]) for p in planned] == [
        ("2025-01", "2025-01-31", "2025-02-03"),
        ("2025-02", "2025-02-28", "2025-02-28"),
        ("2025-03", "2025-03-31", "2025-03-31"),
        ("2025-04", "2025-04-30", "2025-05-05"),
    ]
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("every", "day", "said"),
    [
        ("month", "29", True),  # February
        ("quarter", "30", False),  # March, June, September and December all have a 30th
        ("quarter", "31", True),  # June, September
        ("half-year", "30", False),
        ("half-year", "31", True),  # June
        ("year", "31", False),  # December has a 31st
    ],
)
def test_a_missing_day_is_said_only_when_a_period_lacks_it(
    cli: Cli, every: str, day: str, said: bool
) -> None:
    """--every year --day 31 said 'day 31 is missing from some months' of December alone."""
    meeting = _setup(cli)
    result = cli("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", every,
                 "--day", day, "--until", "2026-12-31", "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert ("is missing from some months" in result.stderr) is said, result.stderr


def test_a_dry_run_says_periods_and_days_in_the_users_language(cli: Cli) -> None:
    """`assign --every --dry-run --lang vi` listed `2025-Q1  2025-01-02  2025-03-14`, the
    JSON's labels, where every other table says `quý I/2025` and `14/03/2025`."""
    meeting = _setup(cli)
    args = ("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "quarter",
            "--day", "15", "--until", "2025-06-30", "--dry-run")  # fmt: skip
    vi = cli.ok("--lang", "vi", *args).splitlines()
    assert vi == ["quý I/2025\t02/01/2025\t17/03/2025 (15/03/2025)",
                  "quý II/2025\t01/04/2025\t16/06/2025 (15/06/2025)"]  # fmt: skip
    en = cli.ok("--lang", "en", *args).splitlines()
    assert en[0] == "Q1 2025\t2025-01-02\t2025-03-17 (2025-03-15)"
    assert [r["period"] for r in cli.json(*args)] == ["2025-Q1", "2025-Q2"]  # JSON keeps labels
    assert cli.json("series", "list") == []


@pytest.mark.parametrize(
    ("every", "day", "span", "said"),
    [
        ("month", "29", ("2028-01-01", "2028-12-31"), False),  # 2028 is a leap year
        ("month", "29", ("2025-01-02", "2025-01-31"), False),  # January alone
        ("month", "31", ("2025-03-01", "2025-03-31"), False),
        ("month", "29", ("2027-01-01", "2028-03-31"), True),  # February 2027
        ("month", "31", ("2025-03-01", "2025-04-30"), True),  # April
        ("quarter", "31", ("2025-01-02", "2025-03-31"), False),  # March alone
        ("quarter", "31", ("2025-01-02", "2025-06-30"), True),  # June
        ("half-year", "31", ("2025-07-01", "2025-12-31"), False),  # December
        ("month", "29", (None, None), True),  # no end: some February lacks it
    ],
)
def test_a_missing_day_is_said_only_when_a_month_of_the_series_lacks_it(
    cli: Cli, db: str, every: str, day: str, span: tuple[str | None, str | None], said: bool
) -> None:
    """A series whose months all have the day (--day 29 over the months of a leap year, or
    January alone) was told 'day 29 is missing from some months: their deadline is the
    month's last day', recorded or rehearsed, though no deadline was moved."""
    meeting = _setup(cli)
    start, end = span
    bounds = [*(["--from", start] if start else []), *(["--until", end] if end else [])]
    args = ["assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", every, "--day", day]
    for rehearsal in (["--dry-run", "--format", "json"], []):
        result = cli(*args, *bounds, *rehearsal)
        assert result.exit_code == 0, result.stderr
        assert ("is missing from some months" in result.stderr) is said, result.stderr
    planned = json.loads(cli.ok(*args, *bounds, "--dry-run", "--format", "json"))
    moved = any(p["scheduled"][-2:] != f"{int(day):02d}" for p in planned)
    assert moved is said


def test_a_dry_run_of_a_series_refuses_what_recording_refuses(cli: Cli, db: str) -> None:
    """assign --every --dry-run listed the occurrences of a text of a zero-width space alone,
    or a product or key recording refuses, exit 0; it refuses them as recording does."""
    meeting = str(_setup(cli))
    every = ("assign", meeting, "--unit", "VPTU", "--every", "month", "--dry-run")
    before = snapshot(db)
    assert cli.fail(every[0], every[1], "\u200b", *every[2:]) == "Error: a directive needs a text"
    assert "U+001B" in cli.fail(every[0], every[1], "Báo cáo", *every[2:], "--product", "\x1b")
    assert "--key" in cli.fail(every[0], every[1], "Báo cáo", *every[2:], "--key", "\u200b")
    cli.ok(every[0], every[1], "Báo cáo", *every[2:])
    assert snapshot(db) == before


def test_stop_keeps_the_past_and_what_has_records(cli: Cli) -> None:
    meeting = _setup(cli)
    sid = cli.id("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "quarter")
    occ = {o["period"]: o["id"] for o in cli.json("series", "show", str(sid))["occurrences"]}
    cli.ok("progress", str(occ["2025-Q4"]), "--percent", "40", "--date", "2025-10-05")
    cli.ok("series", "stop", str(sid), "--from", "2025-07-01")
    after = {o["period"] for o in cli.json("series", "show", str(sid))["occurrences"]}
    assert after == {"2025-Q1", "2025-Q2", "2025-Q4"}  # Q3 removed, Q4 has progress: kept
    assert cli.json("series", "list")[0]["until"] == "2025-06-30"
    cli.fail("series", "stop", str(sid), "--from", "2025-08-01")
    cli.ok("list")
    assert {o["period"] for o in cli.json("series", "show", str(sid))["occurrences"]} == after


def test_stop_from_the_first_day_is_refused(cli: Cli, db: str) -> None:
    """A stop from the series' first day left it ending the day before it starts, listed as
    "2025-01-02–2025-01-01" (and refused by import after an export): a series keeps its first
    day, so that stop is refused and nothing changes."""
    meeting = _setup(cli)
    sid = str(cli.id("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month"))
    cli.ok("series", "list")
    before = snapshot(db)
    assert cli.fail("series", "stop", sid, "--from", "2025-01-02") == (
        "Error: --from 2025-01-02 is the first day of series 1: a series keeps at least its "
        "first day (stop it from a later day, or undo the assign that recorded it)"
    )
    said = cli.fail("--lang", "vi", "series", "stop", sid, "--from", "2025-01-02")
    assert said.startswith("Error: --from 02/01/2025 ") and "nhiệm vụ định kỳ 1" in said
    assert snapshot(db) == before
    cli.ok("series", "stop", sid, "--from", "2025-01-03")
    assert cli.json("series", "list")[0]["until"] == "2025-01-02"


def test_stop_says_no_zero_count_and_no_empty_list(cli: Cli) -> None:
    """series stop said '…; 60 later occurrences removed, kept (something recorded on them): -'
    when nothing was kept, and '0 later occurrences removed' when nothing was: each clause is
    said only when it has something to name."""
    meeting = _setup(cli)
    sid = str(cli.id("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month"))
    occ = {o["period"]: o["id"] for o in cli.json("series", "show", sid)["occurrences"]}
    cli.ok("progress", str(occ["2025-12"]), "--percent", "40", "--date", "2025-12-05")
    far = cli("--lang", "en", "series", "stop", sid, "--from", "2999-01-01").stderr.strip()
    assert far == "series 1 ends before 2999-01-01"
    # the occurrences made (the next period's, made ahead, too: series show lists those given
    # by its day) but those before November and the one kept
    made = cli.json("series", "list")[0]["occurrences"]
    later = len(made) - sum(1 for period in occ if period < "2025-11") - 1
    kept = cli("--lang", "vi", "series", "stop", sid, "--from", "2025-11-01").stderr.strip()
    assert kept == (
        f"nhiệm vụ định kỳ 1 kết thúc trước ngày 01/11/2025; đã xóa {later} kỳ sau đó; "
        f"giữ lại (đã có ghi nhận hoặc chỉnh sửa): {occ['2025-12']}"
    )
    said = cli("--lang", "en", "series", "stop", sid, "--from", "2025-09-01").stderr.strip()
    assert said == (
        "series 1 ends before 2025-09-01; 2 later occurrences removed; "
        f"kept (something recorded on it): {occ['2025-12']}"
    )


def test_stop_keeps_an_occurrence_corrected_or_asked_about(cli: Cli) -> None:
    meeting = _setup(cli)
    sid = cli.id("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month")
    occ = {o["period"]: o["id"] for o in cli.json("series", "show", str(sid))["occurrences"]}
    cli.ok("edit", "directive", str(occ["2025-09"]), "--text", "Báo cáo tháng 9 (sửa)")
    cli.ok("edit", "directive", str(occ["2025-10"]), "--with", "BTC")
    cli.ok(
        "request", "extend", str(occ["2025-11"]), "--to", "2026-03-31", "--reason", "Chờ",
        "--date", "2025-11-03",
    )  # fmt: skip
    cli.ok("edit", "directive", str(occ["2025-12"]), "--text", "Sửa rồi bỏ")
    cli.ok("undo", "--yes")  # a correction taken back leaves nothing to keep
    stopped = cli("--lang", "en", "series", "stop", str(sid), "--from", "2025-08-01")
    kept = [occ[p] for p in ("2025-09", "2025-10", "2025-11")]
    assert stopped.exit_code == 0 and ", ".join(map(str, kept)) in stopped.stderr
    after = {o["period"] for o in cli.json("series", "show", str(sid))["occurrences"]}
    assert after == {f"2025-{m:02}" for m in range(1, 8)} | {"2025-09", "2025-10", "2025-11"}
    assert cli.json("show", str(occ["2025-09"]))["text"] == "Báo cáo tháng 9 (sửa)"
    assert [r["directive_id"] for r in cli.json("requests")] == [occ["2025-11"]]
    # Undone and stopped again: the occurrences the undo restored are not "corrected".
    cli.ok("undo", "--yes")
    cli.ok("series", "stop", str(sid), "--from", "2025-08-01")
    assert {o["period"] for o in cli.json("series", "show", str(sid))["occurrences"]} == after


def test_remind_within_working_days(cli: Cli) -> None:
    meeting = _setup(cli, "2025-04-20")
    cli.ok("assign", str(meeting), "Việc", "--unit", "VPTU", "--due", "2025-05-05")
    # From 28/4: 29/4, then 5/5 (30/4-4/5 off): two working days, seven calendar days.
    plain = cli.json("remind", "--as-of", "2025-04-28", "--within", "2")
    assert plain["totals"]["due_soon"] == 0
    working = cli.json("remind", "--as-of", "2025-04-28", "--within", "2", "--working-days")
    assert working["totals"]["due_soon"] == 1 and working["until"] == "2025-05-05"
    # The text said "due within 2 days (by 5 May)" of seven calendar days: working days.
    text = cli.ok(
        "--lang", "en", "remind", "--as-of", "2025-04-28", "--within", "2", "--working-days"
    )
    assert "due within 2 working days (by " in text.splitlines()[0]
    none = cli("--lang", "vi", "remind", "--as-of", "2025-01-02", "--within", "1", "--working-days")
    assert none.stderr.strip() == (
        "Không có nhiệm vụ quá hạn hoặc đến hạn trong 1 ngày làm việc tới, "
        "tính đến ngày 02/01/2025."
    )
    # A count of working days past their limit named no option: it names --within.
    assert cli.fail("remind", "--within", "3000", "--working-days") == (
        "Error: --within with --working-days is a number of working days from 0 to 2600, not 3000"
    )


def test_a_count_past_the_calendar_names_the_option_given(cli: Cli, db: str) -> None:
    """Working days counted past 2100 said "not 2101", a year nobody typed: the message names
    the option the count started from, and the years the calendar covers."""
    meeting = str(_setup(cli, "2100-11-01"))
    before = snapshot(db)
    assert cli.fail("remind", "--working-days", "--as-of", "31/12/2100") == (
        "Error: --as-of 2100-12-31 (--within 7 --working-days): the days counted from it run "
        "past the calendar of days off, which covers the years 1901–2100"
    )
    every = ("assign", meeting, "Báo cáo", "--unit", "VPTU", "--every", "month")
    assert cli.fail(*every, "--from", "1/12/2100", "--dry-run") == (
        "Error: --from 2100-12-01: the days counted from it run past the calendar of days off, "
        "which covers the years 1901–2100"
    )
    assert cli.fail("--lang", "vi", *every, "--from", "1/12/2100", "--dry-run") == (
        "Error: --from 01/12/2100: số ngày tính từ ngày này vượt quá lịch ngày nghỉ, lịch chỉ "
        "có các năm 1901–2100"
    )
    assert snapshot(db) == before
    # Recorded, a series only has the occurrences of periods begun: its first twelve, which
    # only the dry run lists, were computed anyway and refused it.
    assert cli.ok(*every, "--from", "1/12/2100").strip() == "1"


def test_calendar_list_shows_the_year(cli: Cli) -> None:
    _setup(cli)
    cli.ok("calendar", "add", "2025-05-05", "--off", "--note", "nghỉ bù")
    days = {d["date"]: d for d in cli.json("calendar", "list", "--year", "2025")}
    assert days["2025-01-29"]["off"] and days["2025-04-26"]["off"] is False
    assert days["2025-05-05"] == {
        "date": "2025-05-05",
        "off": True,
        "note": "nghỉ bù",
        "source": "office",
    }
    assert [d["date"] for d in cli.json("calendar", "list")] == ["2025-05-05"]


def test_calendar_list_names_the_days_in_the_users_language(cli: Cli) -> None:
    """Under --lang vi the national days were named in English (Lunar New Year, National Day),
    and a Saturday worked in place of a holiday was 'làm bù' under --lang en too."""
    _setup(cli)
    vi = {
        d["date"]: d["note"] for d in cli.json("--lang", "vi", "calendar", "list", "--year", "2025")
    }
    en = {
        d["date"]: d["note"] for d in cli.json("--lang", "en", "calendar", "list", "--year", "2025")
    }
    assert vi["2025-01-29"] == "Tết Nguyên Đán" and en["2025-01-29"] == "Lunar New Year"
    assert vi["2025-09-02"] == "Quốc khánh" and en["2025-09-02"] == "National Day"
    assert vi["2025-04-26"] == "làm bù" and en["2025-04-26"] == "worked in place of a day off"
    table = cli.ok("--lang", "vi", "calendar", "list", "--year", "2025")
    assert "Tết Nguyên Đán" in table and "Lunar" not in table


def test_calendar_lists_head_the_kind_of_each_day_as_what_it_is(cli: Cli) -> None:
    """The column saying 'Day off' or 'Working day' was headed 'Day off' ('Ngày nghỉ'), over
    'Working day' too: it is headed 'Kind of day' ('Loại ngày')."""
    _setup(cli)
    cli.ok("calendar", "add", "2025-05-05", "--off", "--note", "nghỉ bù")
    cli.ok("calendar", "add", "2025-05-10", "--on", "--note", "làm bù")
    said = {"en": ("Kind of day", "Day off", "Working day"), "vi": ("Loại ngày", "Ngày nghỉ", "")}
    for lang, (header, off, worked) in said.items():
        table = cli.ok("--lang", lang, "calendar", "list").splitlines()
        assert header in table[0] and off not in table[0], table
        assert off in table[1] and worked in table[2], table


def test_calendar_list_wraps_a_long_note_at_80_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A note longer than the window left the whole 'Note' column out at 80 columns (the note
    # did not wrap), and a narrower window could leave out the day's kind. Now the note wraps
    # under its header, and the day and its kind always stay.
    from tests.test_screens import LEFT_OUT, page, terminal

    _setup(cli)
    note = "Nghỉ bù Tết Dương lịch theo thông báo của Bộ Lao động - Thương binh và Xã hội năm 2025"
    cli.ok("calendar", "add", "2025-05-05", "--off", "--note", note)
    terminal(monkeypatch, 80)
    for lang, header in (("vi", "Ghi chú"), ("en", "Note")):
        shown = page(cli.ok("--lang", lang, "calendar", "list"))
        lines = shown.splitlines()
        assert all(len(line) <= 80 for line in lines), shown
        assert header in shown and LEFT_OUT[lang] not in shown, shown
        assert " ".join(" ".join(lines).split()).count(note[:40]) == 1, shown
    terminal(monkeypatch, 40)
    shown = page(cli.ok("--lang", "en", "calendar", "list"))
    assert "2025-05-05" in shown and "Day off" in shown, shown


def test_a_day_off_added_moves_the_occurrences_made_ahead(cli: Cli, db: str) -> None:
    """Occurrences are made ahead; a day off the office recorded afterwards left the one due
    that day on it (the next one, made later, went to the next working day), against BLDS
    Điều 148 and the series' own rule."""
    meeting = _setup(cli)
    series = cli.json(
        "assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month", "--day", "15",
        "--until", "2025-06-30",
    )  # fmt: skip
    first, second, third = series["occurrences"][:3]  # 15/1, 17/2 and 17/3 (Saturdays moved)
    assert cli.json("show", str(first))["due"] == "2025-01-15"
    cli.ok("edit", "directive", str(third), "--due", "2025-03-20")  # a clerk's own deadline
    result = cli("calendar", "add", "2025-01-15", "--off", "--note", "nghỉ bù")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == (
        f"deadlines of periodic directives moved with it (directive → deadline): {first} → "
        "2025-01-16"
    )
    assert cli.json("show", str(first))["due"] == "2025-01-16"
    vi = cli("--lang", "vi", "calendar", "add", "2025-01-16", "--off")
    assert vi.stderr.splitlines()[1].endswith(f"{first} → 17/01/2025")
    cli.ok("calendar", "add", "2025-03-17", "--off")  # the 15th is a Saturday: moved to 17/3
    assert cli.json("show", str(third))["due"] == "2025-03-20"  # the clerk's word stays
    cli.ok("calendar", "add", "2025-01-15", "--on")  # worked after all: back to the 15th
    assert cli.json("show", str(first))["due"] == "2025-01-15"
    assert cli.json("show", str(second))["due"] == "2025-02-17"
    cli.ok("undo", "--yes")
    assert cli.json("show", str(first))["due"] == "2025-01-17"


@pytest.mark.parametrize(
    ("typed", "every"),
    [
        ("hằng tháng", "month"),
        ("Hàng tháng", "month"),
        ("hang quy", "quarter"),
        ("6 tháng một lần", "half-year"),
        ("nửa năm", "half-year"),
        ("HẰNG NĂM", "year"),
        ("quý", "quarter"),
    ],
)
def test_every_takes_the_words_series_list_says_the_period_in(
    cli: Cli, typed: str, every: str
) -> None:
    """`series list --lang vi` says a monthly series is `hằng tháng`; `--every "hằng tháng"`
    (or `hàng quý`, `6 tháng một lần`, `hằng năm`) was refused as no period."""
    meeting = _setup(cli)
    made = cli.json("assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", typed,
                    "--until", "2026-12-31")  # fmt: skip
    assert made["every"] == every


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_period_every_does_not_know_is_one_line_naming_the_choices(cli: Cli, lang: str) -> None:
    meeting = _setup(cli)
    said = cli.fail("--lang", lang, "assign", str(meeting), "x", "--unit", "VPTU",
                    "--every", "hàng tuần")  # fmt: skip
    assert (
        said
        == {
            "en": "Error: --every 'hàng tuần' is not a period; use month, quarter, half-year, year",
            "vi": "Error: --every 'hàng tuần' không phải là một kỳ; hãy dùng month (hằng tháng), "
            "quarter (hằng quý), half-year (6 tháng một lần), year (hằng năm)",
        }[lang]
    )
    assert cli.json("series", "list") == []


def test_a_deadline_a_clerk_wrote_as_the_rule_gave_it_stays_when_the_day_goes_off(
    cli: Cli,
) -> None:
    """`edit directive --due` of an occurrence to the very day its rule gave (the clerk's word,
    kept as `due_phrase`) was moved by a later `calendar add --off` as if never corrected,
    leaving a deadline that contradicts the words kept beside it."""
    meeting = _setup(cli)
    series = cli.json(
        "assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month", "--day", "15",
        "--until", "2025-03-31",
    )  # fmt: skip
    first, second = series["occurrences"][:2]
    cli.ok("edit", "directive", str(first), "--due", "15/1/2025")  # what the rule gave
    result = cli("calendar", "add", "2025-01-15", "--off")
    assert result.exit_code == 0 and len(result.stderr.splitlines()) == 1, result.stderr
    shown = cli.json("show", str(first))
    assert (shown["due"], shown["due_phrase"]) == ("2025-01-15", "15/1/2025")
    cli.ok("calendar", "add", "2025-02-17", "--off")  # the rule's deadlines still move
    assert cli.json("show", str(second))["due"] == "2025-02-18"


def test_a_day_worked_after_all_never_moves_a_deadline_before_the_series_began(cli: Cli) -> None:
    meeting = _setup(cli)
    cli.ok("calendar", "add", "2025-01-15", "--off")
    series = cli.json(
        "assign", str(meeting), "Báo cáo", "--unit", "VPTU", "--every", "month", "--day", "15",
        "--from", "2025-01-16", "--until", "2025-03-31",
    )  # fmt: skip
    first = series["occurrences"][0]
    assert cli.json("show", str(first))["due"] == "2025-01-16"  # the 15th off: the next day
    result = cli("calendar", "add", "2025-01-15", "--on")
    assert result.exit_code == 0 and len(result.stderr.splitlines()) == 1, result.stderr
    assert cli.json("show", str(first))["due"] == "2025-01-16"


def test_a_day_that_is_none_is_said_with_the_argument_as_help_names_it(cli: Cli) -> None:
    """`calendar add 30/2/2025 --off` said 'DAY: …', an argument --help calls DATE."""
    assert cli.fail("calendar", "add", "30/2/2025", "--off") == (
        "Error: DATE: '30/2/2025' is not a real date"
    )
    # in Vietnamese as the Vietnamese --help names it (it said DATE in both languages)
    assert cli.fail("--lang", "vi", "calendar", "add", "30/2/2025", "--off") == (
        "Error: NGÀY: '30/2/2025' không phải là ngày hợp lệ"
    )
    assert cli.json("calendar", "list") == []
