"""Working days: the Vietnamese calendar of days off, and counting on it.

A day is off when the ``holidays`` library's calendar of Việt Nam says it is not a working day
(Saturdays and Sundays; the public holidays of the Labour Code, Tết Nguyên đán and Giỗ Tổ Hùng
Vương taken from the lunar calendar; the days moved by the Government's decisions, such as
Friday 2 May 2025 off and Saturday 26 April 2025 worked), unless the office said otherwise for
that day (``calendar add DATE --off|--on``): the office's word wins. No lunar arithmetic here.

Every working-day rule of dirtrack lives in this module:

- :meth:`Workdays.add`: the N-th working day counted from the day after a given day (the Civil
  Code's rule, Bộ luật Dân sự 2015 Điều 147: a time limit starts the day after its event);
- :meth:`Workdays.next_working`: a deadline that falls on a day off moves to the next working
  day (Điều 148 khoản 5);
- :meth:`Workdays.previous_working`: "trước …" (before a day) means the last working day on or
  before it;
- :meth:`Workdays.tet`: the first day of Tết Nguyên đán in a year, and the break around it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from dirtrack.errors import InvalidInput

# How far a count may run: ten years of working days.
MAX_WORKING_DAYS = 2600


@cache
def covered_years() -> tuple[int, int]:
    """The first and last year the ``holidays`` library knows Việt Nam's days off for."""
    import holidays

    cls = holidays.country_holidays("VN").__class__
    return int(cls.start_year), int(cls.end_year)


@contextmanager
def counted_from(option: str, day: date, also: str = "") -> Iterator[None]:
    """Days counted on from a day the user gave (``option`` ``day``, with ``also`` the options
    that set the count): a count that runs past the calendar's last year says so of that
    option, not of a year never typed.

    Raises:
        InvalidInput: the count ran past the calendar.
    """
    try:
        yield
    except InvalidInput as exc:
        if exc.key != "calendar_year":
            raise
        first, last = covered_years()
        raise InvalidInput.of(
            "calendar_runs_past", option=option, day=day, also=also, first=first, last=last
        ) from None


@cache
def _country(year: int, language: str = "en_US") -> Any:
    """The library's calendar of Việt Nam for ``year``, its holidays named in ``language``
    (``en_US``, which the code reads, or ``vi`` for people)."""
    import holidays

    return holidays.country_holidays("VN", years=year, language=language)


@dataclass
class Workdays:
    """The calendar of one office: the library's days off, corrected by the office's own days.

    Attributes:
        office: day -> True when the office works that day, False when it is off.
        notes: day -> what the office wrote about it.
    """

    office: Mapping[date, bool] = field(default_factory=dict)
    notes: Mapping[date, str | None] = field(default_factory=dict)

    def check(self, day: date) -> date:
        """``day`` if the library covers its year.

        Raises:
            InvalidInput: a year outside the library's calendar.
        """
        first, last = covered_years()
        if not first <= day.year <= last:
            raise InvalidInput.of("calendar_year", year=day.year, first=first, last=last)
        return day

    def is_working(self, day: date) -> bool:
        if day in self.office:
            return self.office[day]
        return bool(_country(self.check(day).year).is_working_day(day))

    def why_off(self, day: date, lang: str = "en") -> str | None:
        """What makes ``day`` a day off (a holiday's name in ``lang``: Tết Nguyên Đán, Lunar
        New Year; the office's note; ``weekend``), or None on a working day."""
        if self.is_working(day):
            return None
        if day in self.office:
            return self.notes.get(day) or "office"
        name = _country(day.year, "vi" if lang == "vi" else "en_US").get(day)
        return str(name) if name else "weekend"

    def next_working(self, day: date) -> date:
        """``day`` if it is a working day, else the first working day after it."""
        while not self.is_working(day):
            day += timedelta(days=1)
        return day

    def previous_working(self, day: date) -> date:
        """``day`` if it is a working day, else the last working day before it."""
        while not self.is_working(day):
            day -= timedelta(days=1)
        return day

    def add(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself not counted); ``n`` = 0 is
        ``day``.

        Raises:
            InvalidInput: ``n`` negative or above :data:`MAX_WORKING_DAYS`.
        """
        if not 0 <= n <= MAX_WORKING_DAYS:
            raise InvalidInput.of("bad_working_days", n=n, max=MAX_WORKING_DAYS)
        while n:
            day += timedelta(days=1)
            if self.is_working(day):
                n -= 1
        return day

    def count(self, start: date, end: date) -> int:
        """The working days after ``start`` up to and including ``end`` (0 if ``end`` <=
        ``start``)."""
        found = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            found += self.is_working(day)
        return found

    def tet(self, year: int) -> date:
        """The first day of Tết Nguyên đán in the Gregorian ``year`` (mùng 1 tháng Giêng)."""
        self.check(date(year, 1, 1))
        for day, name in _country(year).items():
            if name == "Lunar New Year" and day.year == year:
                return date(day.year, day.month, day.day)
        raise InvalidInput.of("calendar_year", year=year, first=year + 1, last=year - 1)

    def tet_break(self, year: int) -> tuple[date, date]:
        """The run of days off around Tết of ``year``: its first and last day."""
        first = last = self.tet(year)
        while not self.is_working(first - timedelta(days=1)):
            first -= timedelta(days=1)
        while not self.is_working(last + timedelta(days=1)):
            last += timedelta(days=1)
        return first, last

    def next_tet(self, after: date) -> date:
        """The first day of the first Tết after ``after``."""
        tet = self.tet(after.year)
        return tet if tet > after else self.tet(after.year + 1)
