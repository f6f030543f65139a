"""Dates, deadlines and reporting periods as Vietnamese offices write them.

Pure functions, no I/O. Three entry points:

- :func:`parse_date` for a day (``2022-05-06``, ``6/5/2022``, ``06-05-2022``,
  ``ngày 6 tháng 5 năm 2022``);
- :func:`parse_when` for a deadline, a day or the last day of a span (``tháng 9/2022``,
  ``quý III/2022``, ``cuối năm 2022``, ``trong 02 tuần tới``);
- :func:`parse_period` for a reporting period (``2022Q2``, ``quý II/2022``, ``9 tháng 2022``,
  ``2022-04-01..2022-06-30``), under the calendar or the Nghị định 09/2019 cut-off.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase, cut
from dirtrack.patterns import LazyPattern
from dirtrack.text import fold, shown_only
from dirtrack.workdays import MAX_WORKING_DAYS

if TYPE_CHECKING:
    from dirtrack.workdays import Workdays

# Every date dirtrack accepts, typed or imported, lies in these years: a typo such as 6/5/0222
# or year 9999 is refused where it is parsed, so no stored date and no --as-of can overflow the
# day arithmetic of a report. check_day is the one place the rule is applied.
FIRST_YEAR = 1900
LAST_YEAR = 2999

# The office's time zone (``--timezone``, the configuration file's ``timezone``), set by the
# root command for its run; None: the machine's (TZ). "Today" is the day it is in the office: a
# server kept in UTC dated what a clerk in Hà Nội recorded before 07:00 on the day before, and
# refused --date of the day it was there as "after today".
_OFFICE_ZONE: ContextVar[tzinfo | None] = ContextVar("office_zone", default=None)


def use_office_zone(zone: tzinfo | None) -> None:
    """Make :func:`office_today` the day it is in ``zone`` (None: the machine's zone)."""
    _OFFICE_ZONE.set(zone)


def zone_named(name: str) -> tzinfo:
    """The time zone ``name`` (``--timezone``, or the configuration file's ``timezone``).

    Raises:
        InvalidInput: no such zone.
    """
    from zoneinfo import ZoneInfo

    try:
        zone = ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        raise InvalidInput.of("bad_timezone", value=name) from None
    # "Etc/GMT+7" is seven hours behind UTC (POSIX counts west as positive): typed for Việt
    # Nam's UTC+7, today was the day before until 14:00 there. Refused, saying which way.
    if (behind := re.fullmatch(r"Etc/GMT\+(\d{1,2})", name)) and int(behind[1]):
        raise InvalidInput.of("timezone_reversed", value=name, hours=int(behind[1]))
    return zone


# A TZ the C library reads by the POSIX rule, not a zone's name: a name, then the hours to add
# to the local time to get UTC (west of Greenwich positive), then maybe a summer time and its
# rules (``ICT-7``, ``<+07>-7``, ``EST5EDT``, ``CET-1CEST,M3.5.0,M10.5.0/3``).
_POSIX_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_POSIX_OFFSET = r"[+-]?\d{1,2}(?::\d{1,2}){0,2}"
_POSIX_RULE = r"(?:J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)(?:/[+-]?\d{1,3}(?::\d{1,2}){0,2})?"
_POSIX_TZ = LazyPattern(
    rf"(?P<name>{_POSIX_NAME})(?P<offset>{_POSIX_OFFSET})"
    rf"(?P<summer>{_POSIX_NAME}(?:{_POSIX_OFFSET})?(?:,{_POSIX_RULE},{_POSIX_RULE})?)?"
)


@cache
def check_machine_zone(value: str | None) -> None:
    """Refuse a ``TZ`` (``value``) that would make "today" another day than the one meant,
    where no ``--timezone`` (nor the file's ``timezone``) is given: a zone the machine does not
    know (``Nowhere/City``, a typo of ``Asia/Ho_Chi_Minh``), which the C library reads as UTC
    without a word, seven hours off in Việt Nam; ``UTC+7``, ``GMT+7`` or ``ICT+7``, which POSIX
    reads as seven hours *behind* UTC (typed for Việt Nam's UTC+7, today was the day before
    until 14:00), and ``Etc/GMT+7``, as :func:`zone_named` refuses it. Unset or empty: the
    machine's own zone (``/etc/localtime``).

    Raises:
        InvalidInput: such a TZ, said as ``TZ: …``.
    """
    from pathlib import Path
    from zoneinfo import ZoneInfo

    if not value:
        return
    name = value.removeprefix(":")
    try:
        if name.startswith("/"):  # a file of the zone database, by its path
            if Path(name).is_file():
                return
            raise KeyError(name)
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        posix = _POSIX_TZ.fullmatch(value)
        if posix is None:
            detail = Phrase("bad_timezone", value=value)
            raise InvalidInput.of("cfg_bad_value", where="TZ", detail=detail) from None
        hours = int(re.split(r"[+:-]+", posix["offset"].lstrip("+-"))[0] or 0)
        behind = not posix["offset"].startswith("-") and hours > 0
        if behind and not posix["summer"] and posix["name"].upper() in {"UTC", "GMT", "ICT"}:
            ahead = f"{posix['name']}-{posix['offset'].lstrip('+')}"  # the same hours, east
            detail = Phrase("tz_posix_reversed", value=value, hours=hours, ahead=ahead)
            raise InvalidInput.of("cfg_bad_value", where="TZ", detail=detail) from None
        return
    try:
        zone_named(name)
    except InvalidInput as exc:
        detail = Phrase(exc.key or "bad_timezone", **exc.params)
        raise InvalidInput.of("cfg_bad_value", where="TZ", detail=detail) from None


#: A machine's clock that says a day before this year is wrong (a flat battery set it back to
#: 1970 or 2000-01-01): "today" read from it would judge every directive open in time and
#: date what is recorded decades back.
CLOCK_FIRST_YEAR = 2000


def office_today() -> date:
    """Today in the office's time zone (:func:`use_office_zone`), else the machine's.

    Raises:
        InvalidInput: the machine's clock says a day before CLOCK_FIRST_YEAR or after
            LAST_YEAR, or one no date holds: every status judged today, every default
            ``--date`` and every "after today" would be read from it in silence.
    """
    zone = _OFFICE_ZONE.get()
    if zone is None:
        check_machine_zone(os.environ.get("TZ"))
    try:
        day = date.today() if zone is None else datetime.now(zone).date()
    except (ValueError, OverflowError, OSError):
        raise InvalidInput.of("clock_unreadable") from None
    if not CLOCK_FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput.of(
            "clock_out_of_range", day=day.isoformat(), first=CLOCK_FIRST_YEAR, last=LAST_YEAR
        )
    return day


def office_day_of(moment: datetime) -> date:
    """The day ``moment`` (a time the change log kept, UTC when it says no zone) was in the
    office: what :func:`office_today` was then."""
    from datetime import UTC

    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    zone = _OFFICE_ZONE.get()
    if zone is None:
        check_machine_zone(os.environ.get("TZ"))
    return moment.astimezone(zone).date()


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}

DATE_FORMS = Phrase("date_forms")  # "2022-05-06, 6/5/2022 (day first), 06-05-2022"
SPAN_FORMS = (
    "2022-09, 9/2022, tháng 9/2022, 2022Q3, Q3/2022, quý III/2022, 2022H1, "
    "6 tháng đầu năm 2022, 9 tháng 2022, 3 tháng cuối năm 2022, 2022, cuối năm 2022"
)


class Cutoff(StrEnum):
    """How a named period maps onto days."""

    CALENDAR = "calendar"
    ND09 = "nd09"  # Nghị định 09/2019/NĐ-CP, Điều 12: the 15th of one month to the 14th


#: What a user may type for each cutoff besides its code (any case, with or without accents).
CUTOFF_NAMES: dict[str, tuple[str, ...]] = {
    Cutoff.CALENDAR: ("dương lịch", "tháng dương lịch"),
    Cutoff.ND09: ("nghị định 09", "nđ 09"),
}


class SpanKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    FIRST_MONTHS = "first-months"  # "9 tháng năm 2022": January to September
    LAST_MONTHS = "last-months"  # "3 tháng cuối năm 2022": the last N months
    RANGE = "range"


# "quí" is the older spelling of "quý" (quarter), still typed and printed: both are the word.
_QUI = LazyPattern(r"\bqui\b")


def _folded(text: str) -> str:
    """:func:`~dirtrack.text.fold` of a date or period phrase, "quí" read as "quý"."""
    return _QUI.sub("quy", fold(text))


@dataclass(frozen=True)
class Span:
    """A named run of whole calendar months: ``first_month``..``last_month`` of ``year``."""

    kind: SpanKind
    year: int
    first_month: int
    last_month: int

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.last_month, 1) + relativedelta(day=31)

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    def label(self) -> str:
        if self.kind is SpanKind.MONTH:
            return f"{self.year}-{self.first_month:02d}"
        if self.kind is SpanKind.QUARTER:
            return f"{self.year}-Q{self.last_month // 3}"
        if self.kind is SpanKind.HALF:
            return f"{self.year}-H{1 if self.last_month == 6 else 2}"
        if self.kind is SpanKind.YEAR:
            return f"{self.year}"
        if self.kind is SpanKind.FIRST_MONTHS:
            return f"{self.year}-{self.months}M"
        return f"{self.year}-L{self.months}M"

    def title(self, lang: str) -> str:
        vi = lang == "vi"
        if self.kind is SpanKind.MONTH:
            return f"tháng {self.first_month}/{self.year}" if vi else self.label()
        if self.kind is SpanKind.QUARTER:
            q = self.last_month // 3
            return f"quý {ROMAN_OUT[q]}/{self.year}" if vi else f"Q{q} {self.year}"
        if self.kind is SpanKind.HALF:
            first = self.last_month == 6
            if vi:
                return f"6 tháng {'đầu' if first else 'cuối'} năm {self.year}"
            return f"{'first' if first else 'second'} half of {self.year}"
        if self.kind is SpanKind.YEAR:
            return f"năm {self.year}" if vi else f"year {self.year}"
        if self.kind is SpanKind.FIRST_MONTHS:
            return (
                f"{self.months} tháng đầu năm {self.year}"
                if vi
                else f"first {self.months} months of {self.year}"
            )
        return (
            f"{self.months} tháng cuối năm {self.year}"
            if vi
            else f"last {self.months} months of {self.year}"
        )

    def shifted(self, step: int) -> Span:
        """The span of the same kind ``step`` positions later (negative: earlier)."""
        if self.kind in (SpanKind.MONTH, SpanKind.QUARTER, SpanKind.HALF):
            start = self.first_day + relativedelta(months=step * self.months)
            return Span(self.kind, start.year, start.month, start.month + self.months - 1)
        return Span(self.kind, self.year + step, self.first_month, self.last_month)


# A span's label as Span.label writes it: 2022-09, 2022-Q3, 2022-H1, 2022, 2022-9M, 2022-L3M.
_SPAN_LABEL = LazyPattern(r"(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|(L?)(\d{1,2})M))?")


def span_of_label(label: str) -> Span | None:
    """The span a stored label names (``2022-Q3``: a series' occurrence, a pack's period);
    None for a text of another form."""
    found = _SPAN_LABEL.fullmatch(label)
    if found is None:
        return None
    year_text, month, quarter, half, last, months = found.groups()
    year = int(year_text)
    if month and 1 <= int(month) <= 12:
        return Span(SpanKind.MONTH, year, int(month), int(month))
    if quarter:
        return Span(SpanKind.QUARTER, year, int(quarter) * 3 - 2, int(quarter) * 3)
    if half:
        return Span(SpanKind.HALF, year, 1 if half == "1" else 7, 6 if half == "1" else 12)
    if months and 1 <= int(months) <= 12:
        n = int(months)
        kind = SpanKind.LAST_MONTHS if last else SpanKind.FIRST_MONTHS
        return Span(kind, year, 13 - n if last else 1, 12 if last else n)
    if month is None and months is None:
        return Span(SpanKind.YEAR, year, 1, 12)
    return None


def span_title(label: str, lang: str) -> str:
    """A span's stored label (``2022-Q3``: a series' occurrence, a pack's period) as ``lang``
    names it (``quý III/2022``, ``Q3 2022``); a label of another form as it is."""
    span = span_of_label(label)
    return label if span is None else span.title(lang)


def is_label(kind: SpanKind, text: str) -> bool:
    """Whether ``text`` is the label (:meth:`Span.label`) of a span of ``kind``, as an
    occurrence of a series that runs by ``kind`` names its period."""
    span = span_of_label(text)
    return span is not None and span.kind is kind and span.label() == text


@dataclass(frozen=True)
class Period:
    """A reporting period: inclusive ``start``..``end`` with a stable label.

    ``span`` is the named span it came from (None for an explicit ``START..END``).
    """

    label: str
    start: date
    end: date
    cutoff: Cutoff = Cutoff.CALENDAR
    span: Span | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput.of("period_ends_first", end=self.end, start=self.start)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def title(self, lang: str) -> str:
        if self.span is None:
            return f"{self.start.isoformat()} .. {self.end.isoformat()}"
        return self.span.title(lang)

    def render(self, lang: str) -> str:
        """The period named in a message (:func:`dirtrack.i18n.fill`): its title."""
        return self.title(lang)

    def previous(self) -> Period:
        """The period just before this one, of the same kind and length."""
        if self.span is not None and self.span.kind is not SpanKind.RANGE:
            return period_from_span(self.span.shifted(-1), self.cutoff)
        length = (self.end - self.start).days + 1
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=length - 1)
        return Period(f"{start.isoformat()}..{end.isoformat()}", start, end, self.cutoff)

    def next(self) -> Period:
        if self.span is not None and self.span.kind is not SpanKind.RANGE:
            return period_from_span(self.span.shifted(1), self.cutoff)
        length = (self.end - self.start).days + 1
        start = self.end + timedelta(days=1)
        end = start + timedelta(days=length - 1)
        return Period(f"{start.isoformat()}..{end.isoformat()}", start, end, self.cutoff)


def period_from_span(span: Span, cutoff: Cutoff = Cutoff.CALENDAR) -> Period:
    """Turn a named span into days; under ND09 it runs from the 15th before to the 14th."""
    if cutoff is Cutoff.ND09:
        start = span.first_day - relativedelta(months=1) + relativedelta(day=15)
        end = date(span.year, span.last_month, 14)
        return Period(span.label(), start, end, cutoff, span)
    return Period(span.label(), span.first_day, span.last_day, cutoff, span)


# --- parsing -------------------------------------------------------------------------------

_ISO = LazyPattern(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = LazyPattern(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DM = LazyPattern(r"^(\d{1,2})[/.-](\d{1,2})$")
_LONG = LazyPattern(r"^(?:ngay )?(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?$")
_DEADLINE_PREFIX = (
    r"^(?:(?:han|thoi han(?: hoan thanh| thuc hien| giai quyet)?|deadline|by|before)\s*:?\s*)?"
    r"(?:la\s+)?"
    r"(?:truoc|cham nhat(?: la)?|khong qua|tu nay den|den|trong|vao|hoan thanh trong)?\s*"
    r"(?:ngay\s+)?"
)
#: "giai đoạn 2023-2025", "2023 - 2025": years in a row, due on the last day of the last one.
_YEARS = r"^(?:giai doan\s+)?(?:nam\s+)?(\d{4})\s*(?:-|–|den)\s*(?:nam\s+)?(\d{4})$"
#: "đầu năm 2024", "đầu năm": no day a clerk could tell (January? before Tết? the first
#: quarter?), unlike "đầu tháng 10" (the office's early day): refused, saying what to write.
_EARLY_YEAR = r"^(?:tu\s+|vao\s+|trong\s+)?dau\s+nam(?:\s+(?:nay|sau|toi|\d{4}))?$"
#: "đầu quý IV/2022", "giữa quý IV/2022": no day either (its first or middle month? which
#: weeks?): refused the same way, naming a day of that month.
_EARLY_QUARTER = r"^(?:tu\s+|vao\s+|trong\s+)?(dau|giua)\s+(quy\s+\S.*)$"
#: Refusals of a deadline phrase that is one, naming no day a clerk could tell ("đầu năm
#: 2024", "đầu quý IV/2022", "ngay sau khi có hướng dẫn"): what a reader of free text skips.
NAMES_NO_DAY = frozenset({"deadline_early_year", "deadline_early_quarter", "deadline_on_event"})
_ROMAN = ("I", "II", "III", "IV")


def check_year(year: int, raw: str) -> int:
    """``year`` if it lies in FIRST_YEAR..LAST_YEAR, else InvalidInput naming ``raw``."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput.of("date_out_of_range", text=raw, first=FIRST_YEAR, last=LAST_YEAR)
    return year


def check_day(day: date, raw: object = None) -> date:
    """``day`` if its year lies in FIRST_YEAR..LAST_YEAR (what the user wrote: ``raw``)."""
    check_year(day.year, str(raw) if raw is not None else day.isoformat())
    return day


def _make_date(year: int, month: int, day: int, raw: str, *, iso: bool = False) -> date:
    """The day ``raw`` writes (``iso``: as year-month-day).

    Raises:
        InvalidInput: a year out of range, or no such day: an ISO day whose month is no month
            (``2022-13-01``: the month out of range, and the day with month and day swapped
            when there is one), a day/month one written month first (``6/30/2025``).
    """
    check_year(year, raw)
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if iso and not 1 <= month <= 12:
        # "2022-13-01": no month 13; nothing says it was written month first
        try:
            swapped = date(year, day, month)
        except ValueError:
            raise InvalidInput.of("date_month_range", text=raw, month=month) from None
        raise InvalidInput.of(
            "date_month_range_swap", text=raw, month=month, day=swapped.isoformat()
        )
    if month > 12 and day <= 12:
        try:
            # "6/30/2025": written month first, as a sheet or machine set to English (US) does
            swapped = date(year, day, month)
        except ValueError:
            pass
        else:
            raise InvalidInput.of("date_month_first", text=raw, day=swapped)
    raise InvalidInput.of("not_real_date", text=raw)


def _match_date(key: str, raw: str, ref: date | None) -> date | None:
    if m := _ISO.match(key):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), raw, iso=True)
    if m := _DMY.match(key):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), raw)
    if m := _LONG.match(key):
        if m[3] is None and ref is None:
            return None
        year = int(m[3]) if m[3] else ref.year  # type: ignore[union-attr]
        return _make_date(year, int(m[2]), int(m[1]), raw)
    if ref is not None and (m := _DM.match(key)):
        return _make_date(ref.year, int(m[2]), int(m[1]), raw)
    return None


def parse_date(text: str, ref: date | None = None, *, typed: bool = True) -> date:
    """Parse a day; day-first when written with slashes (``6/5/2022`` is 6 May 2022).

    Args:
        text: what the user typed.
        ref: a day whose year completes ``6/5`` (news items often omit the year).
        typed: whether ``text`` is typed now (an option), where ``today`` and ``hôm nay`` are
            today. A file's cell or field (False) is read on another day than it was written:
            there they name no day, and are refused rather than read as the day of reading.

    Raises:
        InvalidInput: not a date, or a date that does not exist (``31/2/2022``).
    """
    key = _folded(text).removeprefix("ngay ").strip()
    if key in ("today", "hom nay"):
        if not typed:
            raise InvalidInput.of("date_today_in_file", text=text)
        return office_today()
    found = _match_date(key, text, ref)
    if found is None:
        raise InvalidInput.of("not_a_date", text=text, forms=DATE_FORMS)
    return found


_YEAR = r"(?:nam\s+)?(\d{4})"
_SEP = r"\s*(?:/|-|nam|\s)\s*"
_SPAN_PATTERNS: list[tuple[LazyPattern[str], str]] = [
    (LazyPattern(rf"^{_YEAR}$"), "year"),
    (LazyPattern(rf"^(?:cuoi|het)\s+{_YEAR}$"), "year"),
    # Any number or Roman numeral after "quý"/Q: quý V is then said to be no quarter.
    (LazyPattern(r"^(\d{4})\s*-?\s*q(\d{1,2})$"), "yq"),
    (LazyPattern(r"^q(\d{1,2})\s*[/ -]\s*(\d{4})$"), "qy"),
    (LazyPattern(rf"^(?:cuoi\s+)?(?:quy)\s+(\d{{1,2}}|[ivx]{{1,4}}){_SEP}(\d{{4}})$"), "qy"),
    (LazyPattern(r"^(?:cuoi\s+)?quy\s+(\d{1,2}|[ivx]{1,4})$"), "q"),
    (LazyPattern(r"^(\d{4})\s*-?\s*h([12])$"), "yh"),
    (LazyPattern(r"^h([12])\s*[/ -]\s*(\d{4})$"), "hy"),
    (LazyPattern(rf"^(\d{{1,2}})\s+thang\s+(dau|cuoi)\s+{_YEAR}$"), "nfl"),
    (LazyPattern(r"^(\d{1,2})\s+thang\s+(dau|cuoi)\s+nam$"), "nfl-noyear"),
    (LazyPattern(rf"^(\d{{1,2}})\s+thang\s+{_YEAR}$"), "nfirst"),
    (LazyPattern(r"^(\d{4})-(\d{1,2})$"), "ym"),
    (LazyPattern(r"^(\d{1,2})\s*/\s*(\d{4})$"), "my"),
    (LazyPattern(rf"^(?:cuoi\s+)?thang\s+(\d{{1,2}}){_SEP}(\d{{4}})$"), "my"),
    # "T6/2023": the month as office sheets shorten it (a weekday, "T6", has no year after it)
    (LazyPattern(r"^(?:cuoi\s+)?t(\d{1,2})\s*[/ -]\s*(\d{4})$"), "my"),
    (LazyPattern(r"^(?:cuoi\s+)?thang\s+(\d{1,2})$"), "m"),
    (LazyPattern(r"^(?:cuoi\s+)?nam(?: nay)?$"), "y-noyear"),
]


def _span(kind: SpanKind, year: int, first: int, last: int, raw: str) -> Span:
    check_year(year, raw)
    if not 1 <= first <= last <= 12:
        raise InvalidInput.of("not_valid_period", text=raw, forms=SPAN_FORMS)
    return Span(kind, year, first, last)


def _quarter(q: str, raw: str) -> int:
    number = ROMAN.get(q) or (int(q) if q.isdigit() else 0)
    if not 1 <= number <= 4:
        raise InvalidInput.of("no_such_quarter", text=raw)
    return number


def parse_span(text: str, ref: date | None = None) -> Span | None:  # noqa: C901
    """Parse a named span, or return None if ``text`` is not one.

    ``ref`` supplies the year to phrases that omit it (``quý III``, ``tháng 9``, ``cuối năm``).
    """
    key = _folded(text)
    key = re.sub(r"^(?:trong|den|truoc|het)\s+", "", key)
    for pattern, form in _SPAN_PATTERNS:
        m = pattern.match(key)
        if not m:
            continue
        if form == "year":
            return _span(SpanKind.YEAR, int(m[1]), 1, 12, text)
        if form == "y-noyear":
            return None if ref is None else _span(SpanKind.YEAR, ref.year, 1, 12, text)
        if form in ("yq", "qy", "q"):
            if form == "q":
                if ref is None:
                    return None
                year, q = ref.year, _quarter(m[1], text)
            elif form == "yq":
                year, q = int(m[1]), _quarter(m[2], text)
            else:
                year, q = int(m[2]), _quarter(m[1], text)
            return _span(SpanKind.QUARTER, year, 3 * q - 2, 3 * q, text)
        if form in ("yh", "hy"):
            year, h = (int(m[1]), int(m[2])) if form == "yh" else (int(m[2]), int(m[1]))
            return _span(SpanKind.HALF, year, 6 * h - 5, 6 * h, text)
        if form in ("nfl", "nfl-noyear"):
            if form == "nfl-noyear" and ref is None:
                return None
            n = int(m[1])
            year = int(m[3]) if form == "nfl" else ref.year  # type: ignore[union-attr]
            if not 1 <= n <= 12:
                raise InvalidInput.of("twelve_months", text=text)
            first_part = m[2] == "dau"
            if n == 6:
                return _span(
                    SpanKind.HALF, year, 1 if first_part else 7, 6 if first_part else 12, text
                )
            if n == 12:
                return _span(SpanKind.YEAR, year, 1, 12, text)
            if n == 3 and not first_part:
                return _span(SpanKind.QUARTER, year, 10, 12, text)
            if n == 3 and first_part:
                return _span(SpanKind.QUARTER, year, 1, 3, text)
            if first_part:
                return _span(SpanKind.FIRST_MONTHS, year, 1, n, text)
            return _span(SpanKind.LAST_MONTHS, year, 13 - n, 12, text)
        if form == "nfirst":
            n, year = int(m[1]), int(m[2])
            if not 1 <= n <= 12:
                raise InvalidInput.of("twelve_months", text=text)
            if n == 12:
                return _span(SpanKind.YEAR, year, 1, 12, text)
            if n == 6:
                return _span(SpanKind.HALF, year, 1, 6, text)
            if n == 3:
                return _span(SpanKind.QUARTER, year, 1, 3, text)
            return _span(SpanKind.FIRST_MONTHS, year, 1, n, text)
        if form in ("ym", "my", "m"):
            if form == "m":
                if ref is None:
                    return None
                year, month = ref.year, int(m[1])
            elif form == "ym":
                year, month = int(m[1]), int(m[2])
            else:
                year, month = int(m[2]), int(m[1])
            if not 1 <= month <= 12:  # as for "13 tháng đầu năm": one message for a month
                raise InvalidInput.of("twelve_months", text=text)
            return _span(SpanKind.MONTH, year, month, month, text)
    return None


_RELATIVE = (
    r"^(?:trong(?: vong)?\s+|sau\s+|within\s+)?(\d+)\s+(ngay|tuan|thang|days?|weeks?|months?)"
    r"(?:\s+(?:toi|tiep theo|nua|ke tu ngay hop))?$"
)


# The most days, weeks or months ``trong N tháng`` counts from its day.
MAX_RELATIVE = 999


def _count(digits: str) -> int:
    """The number a phrase gives; a huge one (more digits than any limit has) as one too many,
    not read whole (Python refuses to read a number of thousands of digits)."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 9 else 10**9


def parse_when(text: str, ref: date | None = None, calendar: Workdays | None = None) -> date:
    """Parse a deadline: a day, the last day of a span, or a form on the calendar of working
    days (:func:`parse_deadline`): ``calendar``, the office's, or the national one without it.

    Raises:
        InvalidInput: when ``text`` is none of the accepted forms.
    """
    from dirtrack.workdays import Workdays

    found = _calendar_form(text, ref, calendar or Workdays())
    return found.due if found is not None else _plain_when(text, ref)


def _plain_when(text: str, ref: date | None = None) -> date:
    """Parse a deadline: a day, or the last day of a span.

    Args:
        text: ``2022-09-30``, ``tháng 9/2022``, ``quý III/2022``, ``cuối năm 2022``,
            ``trước ngày 30/6/2022``; with ``ref`` also ``tháng 9``, ``30/6``,
            ``trong 02 tuần tới``.
        ref: the day the deadline was given (the meeting's date), for phrases without a year.

    Raises:
        InvalidInput: when ``text`` is none of the accepted forms.
    """
    p = _deadlines()
    key = _folded(text)
    span = parse_span(text, ref)
    if span is not None:
        return span.last_day
    stripped = p.deadline_prefix.sub("", key).strip()
    found = _match_date(stripped, text, ref)
    if found is not None:
        return found
    span = parse_span(stripped, ref)
    if span is not None:
        return span.last_day
    if m := p.years.match(stripped):
        first, last = check_year(int(m[1]), text), check_year(int(m[2]), text)
        if last < first:
            raise InvalidInput.of("period_reversed", text=text)
        return date(last, 12, 31)
    year = re.search(r"\d{4}", stripped)
    if p.early_year.match(stripped) and (year is not None or ref is not None):
        later = re.search(r"\b(?:sau|toi)$", stripped) is not None
        shown = year[0] if year is not None else str(ref.year + later)  # type: ignore[union-attr]
        raise InvalidInput.of("deadline_early_year", text=text, year=shown)
    early = p.early_quarter.match(stripped)
    quarter = parse_span(early[2], ref) if early is not None else None
    if early is not None and quarter is not None and quarter.kind is SpanKind.QUARTER:
        first = quarter.first_month + (early[1] == "giua")
        month = date(quarter.year, first, 1) + relativedelta(day=31)
        raise InvalidInput.of(
            "deadline_early_quarter",
            text=text,
            day=f"{month.day}/{month.month}/{month.year}",
            month=f"{month.month}/{month.year}",
            quarter=f"{_ROMAN[quarter.last_month // 3 - 1]}/{quarter.year}",
        )
    if ref is not None and (m := p.relative.match(key)):
        n, unit = _count(m[1]), m[2]
        if n == 0:  # "trong 0 tháng": no time at all, as 0 working days is refused
            raise InvalidInput.of("zero_span", text=text)
        if n > MAX_RELATIVE:
            raise InvalidInput.of("span_too_long", text=text, n=cut(m[1]), max=MAX_RELATIVE)
        if unit.startswith(("ngay", "day")):
            return check_day(ref + timedelta(days=n), text)
        if unit.startswith(("tuan", "week")):
            return check_day(ref + timedelta(weeks=n), text)
        return check_day(ref + relativedelta(months=n), text)
    raise InvalidInput.of("not_a_deadline", text=text, date_forms=DATE_FORMS, span_forms=SPAN_FORMS)


def parse_period(text: str, cutoff: Cutoff = Cutoff.CALENDAR, today: date | None = None) -> Period:
    """Parse a reporting period.

    Args:
        text: a named span (``2022Q2``, ``quý II/2022``, ``9 tháng 2022``), ``START..END`` with two
            dates, or ``current`` / ``previous`` (the quarter containing ``today``, or the one
            before it).
        cutoff: calendar months, or the 15th-to-14th windows of Nghị định 09/2019.
        today: the reference day for ``current`` and ``previous``.

    Raises:
        InvalidInput: an unknown phrase (the message lists the accepted forms), or an end
            before the start.
    """
    raw = text.strip()
    if ".." in raw:
        left, _, right = raw.partition("..")
        start, end = parse_date(left), parse_date(right)
        if end < start:
            raise InvalidInput.of("period_reversed", text=raw)
        return Period(f"{start.isoformat()}..{end.isoformat()}", start, end, cutoff)
    key = _folded(raw)
    if key in ("current", "hien tai", "quy nay", "previous", "truoc", "quy truoc"):
        day = today or office_today()
        current = quarter_containing(day, cutoff)
        return current if key in ("current", "hien tai", "quy nay") else current.previous()
    span = parse_span(raw)
    if span is None:
        raise InvalidInput.of("not_a_period", text=text, forms=SPAN_FORMS)
    return period_from_span(span, cutoff)


def parse_quarter(text: str, cutoff: Cutoff = Cutoff.CALENDAR, today: date | None = None) -> Period:
    """Parse ``--quarter``: a quarter (``2022Q2``, ``quý II/2022``, ``3 tháng đầu năm 2022``), or
    ``current`` / ``previous``.

    Another period is refused rather than reviewed in the quarter's place: ``--quarter 3/2024``,
    typed for quý 3/2024, is the month of March, and ``--quarter 2024`` a whole year.

    Raises:
        InvalidInput: not a period (:func:`parse_period`), or a period that is no quarter.
    """
    found = parse_period(text, cutoff, today)
    if found.span is None or found.span.kind is not SpanKind.QUARTER:
        raise InvalidInput.of("period_not_a_quarter", text=text, period=found, year=found.end.year)
    return found


def quarter_containing(day: date, cutoff: Cutoff = Cutoff.CALENDAR) -> Period:
    """The quarter (under ``cutoff``) that contains ``day``."""
    month, year = day.month, day.year
    if cutoff is Cutoff.ND09 and day.day >= 15:
        shifted = date(year, month, 1) + relativedelta(months=1)
        month, year = shifted.month, shifted.year
    q = (month - 1) // 3 + 1
    return period_from_span(Span(SpanKind.QUARTER, year, 3 * q - 2, 3 * q), cutoff)


_PARTITION_MONTHS = {SpanKind.MONTH: 1, SpanKind.QUARTER: 3, SpanKind.HALF: 6, SpanKind.YEAR: 12}


def containing(day: date, kind: SpanKind, cutoff: Cutoff = Cutoff.CALENDAR) -> Period:
    """The month, quarter, half or year (under ``cutoff``) that contains ``day``.

    Under ND09 a day from the 15th on belongs to the next month's window.

    Raises:
        InvalidInput: ``kind`` does not split the year into equal consecutive parts.
    """
    size = _PARTITION_MONTHS.get(kind)
    if size is None:
        raise InvalidInput.of("period_split", kind=kind.value)
    month, year = day.month, day.year
    if cutoff is Cutoff.ND09 and day.day >= 15:
        shifted = date(year, month, 1) + relativedelta(months=1)
        month, year = shifted.month, shifted.year
    first = (month - 1) // size * size + 1
    return period_from_span(Span(kind, year, first, first + size - 1), cutoff)


# --- deadlines on the working-day calendar ---------------------------------------------------

#: ``sau Tết``: this many working days after the Tết break (``--after-tet``).
AFTER_TET = 10
#: ``đầu tháng 10``: this day of the month (``--early-day``).
EARLY_DAY = 10

CALENDAR_FORMS = (
    "trong 10 ngày làm việc, 10 working days, trước Tết [Nguyên đán] [2026], "
    "sau Tết [2026], trước ngày 30/4[/2026], đầu tháng 10[/2026], giữa năm [2026], cuối quý"
)


class Move(StrEnum):
    """What was done to a day the phrase named that is a day off."""

    NONE = "none"
    FORWARD = "forward"  # to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5)
    BACK = "back"  # "trước …": to the last working day before it


@dataclass(frozen=True)
class Deadline:
    """A deadline resolved from the words it was given in.

    ``named`` is the day the words name before any move to a working day (equal to ``due``
    when it was a working day or nothing moves it); ``phrase`` the words as given.
    """

    due: date
    phrase: str
    named: date
    move: Move = Move.NONE

    @property
    def moved(self) -> bool:
        return self.named != self.due


_TRUNG = r"(?:trong(?: vong)?\s+|within\s+)?"
_WORKING = (
    rf"^{_TRUNG}(\d+)\s+(?:ngay lam viec|working days?|business days?|wd)"
    r"(?:\s+(?:toi|tiep theo|ke tu ngay hop|ke tu hom nay))?$"
)
_TET = r"^(truoc|sau)\s+tet(?:\s+nguyen dan)?(?:\s+(?:nam\s+)?(\d{4}))?$"
_BEFORE_DAY = r"^(?:truoc|cham nhat(?: la)?|khong qua|before)\s+(?:ngay\s+)?(.+)$"
_EARLY = r"^dau\s+thang\s+(\d{1,2})(?:\s*(?:/|-|nam|\s)\s*(\d{4}))?$"
_MID_YEAR = r"^giua\s+nam(?:\s+(?:nay|(?:nam\s+)?(\d{4})))?$"
_END_QUARTER = r"^cuoi\s+quy(?:\s+nay)?$"


def _in_year(day_of: Callable[[int], date], year: int | None, ref: date | None) -> date:
    """The day ``day_of(year)``; without a year, in ``ref``'s year (as every phrase without a
    year: the meeting's)."""
    if year is not None:
        return day_of(year)
    if ref is None:
        raise InvalidInput.of("deadline_needs_meeting")
    return day_of(ref.year)


def check_after_tet(n: int) -> int:
    """``--after-tet``: 'sau Tết' is the N-th working day after the Tết break, 0 to 366."""
    if not 0 <= n <= 366:
        raise InvalidInput.of("bad_after_tet", n=n)
    return n


def check_early_day(n: int) -> int:
    """``--early-day``: 'đầu tháng 10' is day N of October, 1 to 28 (in every month)."""
    if not 1 <= n <= 28:
        raise InvalidInput.of("bad_early_day", n=n)
    return n


def parse_deadline(
    text: str,
    ref: date | None,
    calendar: Workdays,
    *,
    after_tet: int = AFTER_TET,
    early_day: int = EARLY_DAY,
) -> Deadline:
    """Parse a deadline on ``calendar``: a DATE, a span's last day, or one of these forms.

    - ``trong N ngày làm việc`` / ``N working days``: the N-th working day after ``ref``;
    - ``trước Tết [Nguyên đán] [năm]``: the last working day before the first day of Tết;
    - ``sau Tết [năm]``: the ``after_tet``-th working day after the Tết break (without a year,
      both take the nearest Tết whose deadline is not before ``ref``);
    - ``trước ngày 30/4[/2026]``: that day, or the last working day before it if it is off;
    - ``đầu tháng 10[/2026]``: day ``early_day`` of that month, or the next working day;
    - ``giữa năm [2026]``: 30 June; ``cuối quý``: the last day of ``ref``'s quarter (spans'
      last days are kept as they are, as for ``quý III/2025``).

    A phrase without a year takes ``ref``'s year (Tết: see above). Accents,
    case and tone placement do not matter.

    Raises:
        InvalidInput: no known form (the message lists them), a year the calendar does not
            cover, or a phrase that needs ``ref`` without one.
    """
    found = _calendar_form(text, ref, calendar, after_tet=after_tet, early_day=early_day)
    if found is not None:
        return found
    try:
        # what conclusions and office sheets write (ten-day periods, runs of months, a weekday
        # before the day…), read as `import` and `extract` read it
        day = read_when(text, ref, calendar)
    except InvalidInput as exc:
        if exc.key != "not_a_deadline":
            raise
        raise InvalidInput.of(
            "not_a_deadline_calendar",
            text=text,
            date_forms=DATE_FORMS,
            span_forms=SPAN_FORMS,
            calendar_forms=CALENDAR_FORMS,
        ) from None
    return Deadline(day, " ".join(text.split()), day)


# "năm nay", "năm sau", "năm tới", "this year", "next year": a year named by its distance
_YEAR_IN_WORDS = LazyPattern(r"\b(?:nam (?:nay|sau|toi)|(?:this|next) year)\b")


# "trước Tết", "sau Tết Nguyên đán", "đến Tết": a deadline told by a Tết (folded)
_TET_WORDS = LazyPattern(r"\b(truoc|sau|den)\s+tet\b")


def no_year_said(
    text: str, ref: date, due: date, read: Callable[[date], date], calendar: Workdays
) -> Phrase | None:
    """What to say of the deadline ``text``, read as ``due`` from ``ref`` (the meeting's date,
    ``--from``), when its words name no year, so that it took its year from ``ref``: ``30/6``,
    ``tháng 9``, ``quý II``, ``cuối quý`` (``ref``'s year), ``trước Tết``, ``sau Tết``, ``đến
    Tết`` (the nearest Tết whose deadline has not passed on ``ref``: the Tết's year named, as it
    is not always ``ref``'s). None for words that name their year (in figures, or in words:
    ``cuối năm nay``, ``quý I năm sau``) or count from ``ref`` (``trong 10 ngày làm việc``,
    ``6 tháng``).

    ``read`` is the parse with another ``ref``: the day depends on ``ref``'s year alone when
    four years later it is the same day of a year four later, and a week later the same."""
    from dirtrack.text import ascii_typed

    if re.search(r"(?<!\d)\d{4}(?!\d)", ascii_typed(text)) or _YEAR_IN_WORDS.search(_folded(text)):
        return None
    if found := _TET_WORDS.search(_folded(text)):
        try:
            if found[1] == "sau":  # the last Tết that began by the deadline
                year = ref.year + 1 if calendar.tet(ref.year + 1) <= due else ref.year
            else:  # the first Tết after the day before it (đến Tết: that Tết's first day)
                year = calendar.next_tet(due - timedelta(days=1)).year
            tet = calendar.tet(year)
        except InvalidInput:  # a year the calendar does not cover
            return None
        return Phrase("deadline_tet_no_year", phrase=text, due=due, ref=ref, year=year, tet=tet)
    if _year_of_ref(ref, read):
        return Phrase("deadline_no_year", phrase=text, due=due, ref=ref)
    return None


def _year_of_ref(ref: date, read: Callable[[date], date]) -> bool:
    """Whether the day a deadline names (``read(ref)``) took its year from ``ref`` alone (see
    :func:`no_year_said`)."""
    try:
        day = read(ref)
        later = ref + relativedelta(years=4)
        shifted = read(later)
        week = read(ref + timedelta(days=7))
    except InvalidInput:  # not a day in the other year (a calendar not covering it)
        return False
    return week == day and shifted == day + relativedelta(years=4)


def _calendar_form(  # noqa: C901
    text: str,
    ref: date | None,
    calendar: Workdays,
    *,
    after_tet: int = AFTER_TET,
    early_day: int = EARLY_DAY,
) -> Deadline | None:
    """The deadline of one of :func:`parse_deadline`'s calendar forms; None for other text."""
    p = _deadlines()
    phrase = " ".join(text.split())
    key = _folded(text)
    key = re.sub(
        r"^(?:han|thoi han(?: hoan thanh| thuc hien| giai quyet)?|deadline|hoan thanh)\s*:?\s*",
        "",
        key,
    ).strip()

    def done(named: date, move: Move = Move.NONE) -> Deadline:
        check_day(named, text)
        calendar.check(named)
        due = named
        if move is Move.FORWARD:
            due = calendar.next_working(named)
        elif move is Move.BACK:
            due = calendar.previous_working(named)
        return Deadline(check_day(due, text), phrase, named, move)

    if m := p.working.match(key):
        if ref is None:
            raise InvalidInput.of("deadline_needs_meeting")
        n = _count(m[1])
        if not 0 < n <= MAX_WORKING_DAYS:
            raise InvalidInput.of("bad_working_days", n=cut(m[1]), max=MAX_WORKING_DAYS)
        calendar.check(ref)
        return done(calendar.add(ref, n))
    if m := p.tet.match(key):
        year = check_year(int(m[2]), text) if m[2] else None
        before = m[1] == "truoc"

        def tet_deadline(y: int) -> Deadline:
            if before:
                return done(calendar.tet(y) - timedelta(days=1), Move.BACK)
            check_after_tet(after_tet)
            return done(calendar.add(calendar.tet_break(y)[1], after_tet))

        if year is not None:
            return tet_deadline(year)
        if ref is None:
            raise InvalidInput.of("deadline_needs_meeting")
        calendar.check(ref)
        # the nearest Tết whose deadline has not passed on the meeting's day
        this_year = tet_deadline(ref.year)
        return this_year if this_year.due >= ref else tet_deadline(ref.year + 1)
    if m := p.early.match(key):
        month = int(m[1])
        if not 1 <= month <= 12:
            raise InvalidInput.of("not_a_month", text=text)
        check_early_day(early_day)
        year = check_year(int(m[2]), text) if m[2] else None
        return done(_in_year(lambda y: date(y, month, early_day), year, ref), Move.FORWARD)
    if m := p.mid_year.match(key):
        year = check_year(int(m[1]), text) if m[1] else None
        return done(_in_year(lambda y: date(y, 6, 30), year, ref))
    if p.end_quarter.match(key):
        if ref is None:
            raise InvalidInput.of("deadline_needs_meeting")
        return done(containing(ref, SpanKind.QUARTER).end)
    if (m := p.before_day.match(key)) and parse_span(m[1], ref) is None:
        rest = m[1].strip()
        day: date | None = _match_date(rest, text, None)
        if day is None and ref is not None and (d := _DM.match(rest) or _LONG.match(rest)):
            month, dom = int(d[2]), int(d[1])
            try:
                day = _in_year(lambda y: date(y, month, dom), None, ref)
            except ValueError:
                raise InvalidInput.of("not_real_date", text=text) from None
        if day is not None:
            return done(day, Move.BACK)
    return None


# Words whose day is counted on the calendar of working days: "trong 10 ngày làm việc",
# "trước Tết", "trước ngày 30/4" (moved back off a day off), "đầu tháng 10" (folded).
_ON_WORKDAYS = (
    r"\b(?:ngay lam viec|working days?|business days?|tet)\b"
    r"|\b(?:truoc|cham nhat(?: la)?|khong qua|before)\s+(?:ngay\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}"
    r"|(?<!tuan )\bdau thang\s+\d"  # "tuần đầu tháng 10" is the 7th, whatever the calendar
)


def counted_on_calendar(phrase: str) -> bool:
    """Whether a deadline phrase's day depends on the calendar of working days (the office's
    days off and moved days): ``trong 10 ngày làm việc``, ``trước ngày 15/3/2025``, ``trước
    Tết``, ``đầu tháng 10``; not a plain day or span."""
    p = _deadlines()
    return p.on_workdays.search(_folded(phrase)) is not None


# --- deadline phrases as meetings and sheets write them --------------------------------------

#: An hour before the day ("trước 17 giờ ngày 20/4", "trước 17h00' ngày 3/5").
DEADLINE_HOUR = r"\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2})?\s*(?:'|phut)?(?:\s*(?:sang|chieu|toi))?"
#: What :func:`parse_when` says of words that are no deadline form at all; any other refusal is
#: a deadline with an impossible value (31/2/2022, quý V, tháng 13).
NOT_A_DEADLINE = frozenset({"not_a_deadline", "not_a_date", "not_a_period"})
_STACKED = (
    r"^(?:(?:hoan thanh|xong|ket thuc|thuc hien xong|truoc|cham nhat(?:\s+la)?|khong qua|"
    r"han chot|den het|den|trong vong|trong|vao|ngay trong|tu nay den|"
    rf"{DEADLINE_HOUR},?)\s+)+"
)
#: "Thứ Hai, 30/6/2025", "thứ 6 ngày 15/8", "Chủ nhật 6/7/2025", "Thứ Sáu (30/6/2023)" (the
#: day in brackets), "T6, 30/6/2023" (T2..T7 and CN for the weekdays): the weekday before the
#: day, checked against it (0 is Monday, as date.weekday() counts). "T6" says a weekday only
#: before a day and its month: "T6 2023", "T6/2023" are June. "ThứSáu" (a zero-width space
#: between the words, removed) is "Thứ Sáu".
_WEEKDAY = (
    r"^(?:vao\s+)?(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])"
    r"|t([2-7])(?=\s*[,:-]?\s*\(?\s*(?:ngay\s+)?\d{1,2}/\d)|(chu nhat|cn))"
    r"\s*[,:-]?\s*(\()?\s*(?=(?:ngay\s+)?\d)"
)
_WEEKDAYS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
#: "30/6/2023 (thứ Sáu)", "trước ngày 30/6/2023 (Thứ 6)", "30/6/2023 (T6)": the weekday in
#: brackets after the day, checked against the day written before it.
_WEEKDAY_AFTER = r"\s*\(\s*(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])|t([2-7])|(chu nhat|cn))\s*\)$"
_WRITTEN_DAY = r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])"


def _weekday(named: str | None, sunday: str | None) -> int:
    """The weekday (0 is Monday, as date.weekday() counts) that "thứ Sáu", "thứ 6" or "chủ
    nhật" (folded) names."""
    named = named or ""
    return 6 if sunday else _WEEKDAYS.get(named, int(named) - 2 if named.isdigit() else 0)


_DONE_WORDS = r"^(?:(?:hoan thanh|xong|ket thuc|thuc hien xong)\s+)+"
_DOTTED = r"(?<![\d.])\d{1,2}\.\d{1,2}(?:\.\d{4})?(?![\d.])"
_BY_ON = r"(?i)\b(chậm nhất(?:\s+là)?)\s+vào\b"
_NEXT_YEAR = r"(?i)\b(năm)\s+(?:sau|tới)\b"
_MID_MONTH = r"^giua\s+thang\s+(\d{1,2})(?:\s*(?:/|-|nam)\s*(\d{4}))?$"
#: "thượng tuần / trung tuần / hạ tuần tháng 10[/2022]": the first, middle or last ten days of
#: the month, due on their last day (the 10th, the 20th, the month's last day).
_TEN_DAYS = (
    r"^(thuong|trung|ha)\s+tuan\s+(?:cua\s+)?thang\s+(\d{1,2})(?:\s*(?:/|-|nam)\s*(\d{4}))?$"
)
_UNTIL_TET = r"^(?:tu nay\s+)?den\s+tet(?:\s+nguyen dan)?(?:\s+(?:nam\s+)?(\d{4}))?$"
_LATE_MONTHS = r"^(?:trong\s+)?(?:nhung|cac|may)\s+thang\s+cuoi\s+nam(?:\s+(\d{4}))?$"
#: "trong hai tháng còn lại", "những tháng còn lại của năm 2023": the rest of the year.
#: "tuần đầu tháng 10/2022", "tuần thứ hai của tháng 10", "tuần cuối tháng 10": the week's
#: last day (the 7th, the 14th …; the month's last day for its last week).
_WEEK_OF_MONTH = (
    r"^(?:trong\s+)?tuan\s+(dau|dau tien|thu nhat|thu hai|thu ba|thu tu|thu [1-4]|[1-4]|cuoi)"
    r"\s+(?:cua\s+)?thang\s+(\d{1,2})(?:\s*(?:/|-|nam)\s*(\d{4}))?$"
)
_WEEK_NUMBER = {"hai": 2, "ba": 3, "tu": 4}
#: "quý IV/2022 - quý I/2023", "từ tháng 10/2022 đến tháng 3/2023": a run of spans, due at the
#: end of the last.
_SPAN_RUN = r"^(?:tu\s+)?(.+?)\s*(?:\s-\s|–|—|\sden\s)\s*(.+)$"
#: "tháng 3-6/2023", "quý II-III/2023": a run of months or quarters with the year written once,
#: due at the end of the last; so are "tháng 6, 7/2025" and "tháng 6 và 7/2025" (months named
#: one by one, the year once).
_SHORT_RUN = (
    r"^(?:tu\s+)?(thang|quy)\s+((?:\d{1,2}|[ivx]{1,4})"
    r"(?:\s*(?:-|–|—|den|,|va)\s*(?:\1\s+)?(?:\d{1,2}|[ivx]{1,4}))+)\s*(?:/|-|nam)\s*(\d{4})$"
)
#: The months or quarters a :data:`_SHORT_RUN` names ("v" of "và" is no quarter V).
_RUN_PART = r"(?<![a-z])(\d{1,2}|[ivx]{1,4})(?![a-z])"
#: "ngay sau khi có hướng dẫn", "sau khi có ý kiến", "khi có yêu cầu": a deadline waiting on
#: something to happen, no day (recording none would drop the deadline the office set).
_ON_EVENT = r"^(?:ngay\s+)?(?:sau\s+khi|khi\s+co|theo\s+yeu\s+cau)\b"
_REMAINING_MONTHS = (
    r"^(?:trong\s+)?(?:\d{1,2}|hai|ba|bon|nam|sau|nhung|cac|may)\s+thang\s+con\s+lai"
    r"(?:\s+cua\s+nam(?:\s+(\d{4}))?)?$"
)


class _Deadlines:
    """The patterns deadlines are read with (their sources are the capitalised names above),
    compiled the first time a command reads a deadline (:func:`_deadlines`), not at import:
    most commands read none, and compiling the thirty cost each of them about 30 M
    instructions (the dates' and spans' patterns, which reports read, stay compiled at
    import)."""

    def __init__(self) -> None:
        self.deadline_prefix = re.compile(_DEADLINE_PREFIX)
        self.years = re.compile(_YEARS)
        self.early_year = re.compile(_EARLY_YEAR)
        self.early_quarter = re.compile(_EARLY_QUARTER)
        self.relative = re.compile(_RELATIVE)
        self.working = re.compile(_WORKING)
        self.tet = re.compile(_TET)
        self.before_day = re.compile(_BEFORE_DAY)
        self.early = re.compile(_EARLY)
        self.mid_year = re.compile(_MID_YEAR)
        self.end_quarter = re.compile(_END_QUARTER)
        self.on_workdays = re.compile(_ON_WORKDAYS)
        self.stacked = re.compile(_STACKED)
        self.weekday = re.compile(_WEEKDAY)
        self.weekday_after = re.compile(_WEEKDAY_AFTER)
        self.written_day = re.compile(_WRITTEN_DAY)
        self.done_words = re.compile(_DONE_WORDS)
        self.dotted = re.compile(_DOTTED)
        self.by_on = re.compile(_BY_ON)
        self.next_year = re.compile(_NEXT_YEAR)
        self.mid_month = re.compile(_MID_MONTH)
        self.ten_days = re.compile(_TEN_DAYS)
        self.until_tet = re.compile(_UNTIL_TET)
        self.late_months = re.compile(_LATE_MONTHS)
        self.week_of_month = re.compile(_WEEK_OF_MONTH)
        self.span_run = re.compile(_SPAN_RUN)
        self.short_run = re.compile(_SHORT_RUN)
        self.run_part = re.compile(_RUN_PART)
        self.on_event = re.compile(_ON_EVENT)
        self.remaining_months = re.compile(_REMAINING_MONTHS)


@cache
def _deadlines() -> _Deadlines:
    return _Deadlines()


def read_when(  # noqa: C901
    phrase: str, ref: date | None, calendar: Workdays | None = None
) -> date:
    """The day a deadline phrase means, relative to ``ref`` (the meeting's date): what
    :func:`parse_when` reads, and the phrases conclusions and office sheets add to it. The
    working-day forms (``trước ngày 15/3/2025``, ``trong 10 ngày làm việc``) count on
    ``calendar``: the office's (``calendar add``) when given, as ``assign`` does; without it,
    the national calendar.

    - ``những/các/mấy tháng cuối năm [2022]``, ``trong hai tháng còn lại`` → 31 December;
    - ``giữa tháng 6[/2025]`` → the 15th (the middle of the month);
    - ``thượng / trung / hạ tuần tháng 10[/2022]`` → the 10th, the 20th, the month's last day;
    - ``tháng 3-6/2023``, ``quý II-III/2023``, ``tháng 6, 7/2025``, ``tháng 6 và 7/2025`` → the
      end of the last month or quarter;
    - ``[từ nay] đến Tết [Nguyên đán] [năm 2019]`` → the first day of Tết;
    - stacked words such as ``đến hết tháng 9``, ``chậm nhất trong quý III``, ``hoàn thành
      trước ngày 30/6`` (``xong trước``, ``chậm nhất vào ngày`` are read as ``trước``);
    - ``quý I năm sau``, ``cuối năm tới`` → the year after the meeting's;
    - days written with dots (``20.7.2020``).

    Raises:
        InvalidInput: no deadline (``not_a_deadline``, also for a phrase that needs ``ref``
            without one), or one naming no real day (``trước ngày 31/2/2022``, ``quý V``).
    """
    p = _deadlines()
    from dirtrack.workdays import Workdays

    raw = phrase
    # a zero-width space pasted inside the words ("Thứ\u200bSáu"): read as it looks
    phrase = shown_only(phrase)
    # "20.7.2020", "15.9": the day written with dots, as many reports write it
    phrase = p.dotted.sub(lambda d: d.group().replace(".", "/"), phrase)
    # "chậm nhất vào ngày 15/7": as "chậm nhất ngày 15/7"
    phrase = p.by_on.sub(r"\1", phrase)
    if ref is not None:
        # "quý I năm sau", "tháng 3 năm tới", "cuối năm sau": the year after the meeting's
        phrase = p.next_year.sub(lambda m: f"{m[1]} {ref.year + 1}", phrase)
    folded = _folded(phrase)
    unknown = InvalidInput.of(
        "not_a_deadline", text=raw, date_forms=DATE_FORMS, span_forms=SPAN_FORMS
    )
    if on := p.weekday.match(folded):
        rest = folded[on.end() :]
        if on[4]:  # "Thứ Sáu (30/6/2023)": the day in brackets
            if not rest.endswith(")"):
                raise unknown
            rest = rest.removesuffix(")")
        try:
            day = read_when(rest, ref, calendar)
        except InvalidInput as exc:  # "thứ 2 ngày 31/6/2023": said of the words as written
            if exc.key is None:
                raise
            raise InvalidInput.of(exc.key, **{**exc.params, "text": raw}) from None
        if day.weekday() != _weekday(on[1] or on[2], on[3]):
            shown = phrase.strip()[: len(on[0].rstrip(" ,:-("))]
            raise InvalidInput.of("deadline_weekday", text=raw, day=day, weekday=shown)
        return day
    if after := p.weekday_after.search(folded):
        rest = folded[: after.start()]
        try:
            day = read_when(rest, ref, calendar)
        except InvalidInput as exc:  # said of the words as written
            if exc.key is None:
                raise
            raise InvalidInput.of(exc.key, **{**exc.params, "text": raw}) from None
        # the weekday belongs to the day written beside it ("trước ngày 1/7/2023 (thứ Bảy)"
        # is due the working day before)
        written = p.written_day.findall(rest)
        beside = (
            date(int(written[0][2]), int(written[0][1]), int(written[0][0]))
            if len(written) == 1
            else day
        )
        if beside.weekday() != _weekday(after[1] or after[2], after[3]):
            shown = raw.strip()[-len(after[0].strip()) :].strip("() ")
            raise InvalidInput.of("deadline_weekday", text=raw, day=beside, weekday=shown)
        return day
    m = p.late_months.match(folded) or p.remaining_months.match(folded)
    if m:
        year = int(m[1]) if m[1] else (ref.year if ref else None)
        if year is None:
            raise unknown
        return date(year, 12, 31)
    if m := p.until_tet.match(folded):
        calendar = calendar or Workdays()
        if m[1]:
            return calendar.tet(int(m[1]))
        if ref is None:
            raise unknown
        return calendar.next_tet(ref)
    if m := p.mid_month.match(p.stacked.sub("", folded)):
        year = int(m[2]) if m[2] else (ref.year if ref else None)
        if year is None or not 1 <= int(m[1]) <= 12:
            raise unknown
        return date(year, int(m[1]), 15)
    if m := p.ten_days.match(p.stacked.sub("", folded)):
        year = int(m[3]) if m[3] else (ref.year if ref else None)
        if year is None or not 1 <= int(m[2]) <= 12:
            raise unknown
        check_year(year, raw)
        if m[1] == "ha":
            return date(year, int(m[2]), 1) + relativedelta(day=31)
        return date(year, int(m[2]), 10 if m[1] == "thuong" else 20)
    if m := p.week_of_month.match(p.stacked.sub("", folded)):
        year = int(m[3]) if m[3] else (ref.year if ref else None)
        if year is None or not 1 <= int(m[2]) <= 12:
            raise unknown
        check_year(year, raw)
        last = date(year, int(m[2]), 1) + relativedelta(day=31)
        said = m[1].removeprefix("thu ")
        week = 1 if said in ("dau", "dau tien", "nhat") else _WEEK_NUMBER.get(said)
        if said == "cuoi":
            return last
        return date(year, int(m[2]), 7 * (week or int(said)))
    impossible: InvalidInput | None = None
    # "xong trước 20-8-2017": read as "trước 20-8-2017" (the last working day before it) before
    # every preposition is stripped
    for text in (phrase, p.done_words.sub("", folded), p.stacked.sub("", folded)):
        try:
            return parse_when(text, ref, calendar)
        except InvalidInput as exc:
            if exc.key is not None and exc.key not in NOT_A_DEADLINE and impossible is None:
                impossible = InvalidInput.of(exc.key, **{**exc.params, "text": raw})
            continue
        except ValueError:
            raise unknown from None
    if impossible is None and (run := p.short_run.match(p.stacked.sub("", folded))):
        try:
            spans = [parse_span(f"{run[1]} {n}/{run[3]}") for n in p.run_part.findall(run[2])]
        except InvalidInput as exc:  # "tháng 3-13/2023": said of the words as written
            if exc.key is None:
                raise
            raise InvalidInput.of(exc.key, **{**exc.params, "text": raw}) from None
        ends = [span.last_day for span in spans if span is not None]
        if len(ends) == len(spans):
            if ends != sorted(ends):  # "tháng 9-4/2023", "tháng 7 và 6/2025"
                raise InvalidInput.of("period_reversed", text=raw)
            return ends[-1]
    if impossible is None and (run := p.span_run.match(p.stacked.sub("", folded))):
        opening, closing = parse_span(run[1], ref), parse_span(run[2], ref)
        if opening is not None and closing is not None:
            if closing.last_day < opening.last_day:
                raise InvalidInput.of("period_reversed", text=raw)
            return closing.last_day
    if p.on_event.match(p.stacked.sub("", folded)):
        raise InvalidInput.of("deadline_on_event", text=raw)
    raise impossible or unknown
