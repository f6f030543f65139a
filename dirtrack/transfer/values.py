"""Reading the cells of an office sheet: dates, deadlines, percentages, statuses, unit lists.

Pure functions over cell values as :mod:`dirtrack.transfer.sheet` gives them (``str`` for CSV;
``str``, numbers, ``datetime`` and :class:`Pct` for Excel). Each raises
:class:`~dirtrack.errors.InvalidInput` with a message that reads well after "row 7, column C
(Thời hạn): ".
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from dateutil.parser import parserinfo

from dirtrack.cell_lists import escape_item, split_list
from dirtrack.errors import InvalidInput
from dirtrack.i18n import cut
from dirtrack.models import MeetingKind
from dirtrack.periods import (
    FIRST_YEAR,
    LAST_YEAR,
    NOT_A_DEADLINE,
    check_day,
    parse_date,
    parse_when,
    read_when,
)
from dirtrack.text import ascii_typed, fold, nfc
from dirtrack.text import is_blank as blank_text

if TYPE_CHECKING:
    from dirtrack.workdays import Workdays


@dataclass(frozen=True, slots=True)
class Pct:
    """A number Excel shows as a percentage: 0.4 formatted ``0%`` is ``Pct(40.0)``."""

    value: float


class NoDay(float):
    """A number in a date format that names no day a date can hold (31/12/9999, Excel's last,
    is 2958465): Excel shows ``#####``; a column of dates refuses it as out of dirtrack's
    years, not as a formula's error."""

    __slots__ = ()


class Int1904(int):
    """A number in a workbook that counts its days from 1904 (``date1904``: Excel for Mac's old
    date system) and shows it as a number, not a date (a day pasted as a value, a cell
    formatted General): as a day, it is the day that workbook gives it, 1,462 days after the
    day the same number is in any other (:func:`_serial`). As a number it is the number."""

    __slots__ = ()


class Float1904(float):
    """:class:`Int1904` for a number with a fraction."""

    __slots__ = ()


class Text1904(str):
    """A day number written as text (``45107``, :func:`_serial_in_text`) in a workbook that
    counts its days from 1904, as :class:`Int1904`."""

    __slots__ = ()


class Boolean(str):
    """Excel's TRUE or FALSE (a checkbox's value) as the tick ``x`` or as blank ``""``: a column
    of marks reads it as one; a column of text refuses it (:func:`boolean`)."""

    __slots__ = ()


Value = str | int | float | date | datetime | Pct | None


def boolean(value: Value) -> str | None:
    """``TRUE`` or ``FALSE`` as Excel shows a boolean cell, else None (not a boolean)."""
    if isinstance(value, Boolean):
        return "TRUE" if value else "FALSE"
    return None


def says_no_day(value: Value) -> bool:
    """A cell of a column of days (a deadline, a completion) that says nothing:
    blank, and not a checkbox's FALSE, which is no empty cell there (:func:`parse_deadline` and
    :func:`parse_day` refuse it as they refuse TRUE); only a column of ticks reads it so."""
    return is_blank(value) and boolean(value) is None


# Excel's serial day numbers for 1/1/1955 .. 31/12/2099: anything else in a date column is
# not taken for a date.
_SERIAL_MIN, _SERIAL_MAX = 20090, 73050


def is_blank(value: Value) -> bool:
    """An empty cell, or one that only looks filled (spaces, zero-width characters)."""
    return value is None or (isinstance(value, str) and blank_text(value))


def not_finite(value: Value) -> bool:
    """A number cell that holds no number a sheet can hold: infinite or undefined (``1e400`` in
    a file's XML is read as infinity), shown as ``inf`` or ``nan``, which no field can take."""
    if isinstance(value, Pct):
        return not math.isfinite(value.value)
    return isinstance(value, float) and not math.isfinite(value)


class FormulaError(str):
    """Excel's error value for a formula that failed (``#N/A``, ``#REF!``…), as a cell holds
    it: a workbook's error cell (typed so), or a CSV field reading as one (a CSV has no types:
    Excel saves the error as its text). A workbook's text cell reading ``#N/A`` is a text."""

    __slots__ = ()


# What Excel shows in a cell whose formula failed (and a CSV it saves carries as text), and
# "#GETTING_DATA", its placeholder while a data link has not yet loaded: no value either.
_FORMULA_ERRORS = frozenset(
    {
        "#REF!",
        "#N/A",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
    }
)


def formula_error(value: Value) -> bool:
    """A cell holding Excel's error value for a formula that failed (``#REF!``, ``#N/A``,
    ``#VALUE!``…): no value of any field, whatever the column. Only a :class:`FormulaError`:
    a workbook's text that reads ``#N/A`` (the register's own export of such a text) is the
    text."""
    return isinstance(value, FormulaError)


def csv_error(field: str) -> str:
    """A CSV field as a cell's value: a :class:`FormulaError` when it reads as Excel's error
    value (``#N/A``, ``#REF!``…, case and spaces aside), since a CSV carries no type to tell
    it from a text; else the field."""
    return FormulaError(field) if field.strip().upper() in _FORMULA_ERRORS else field


def cell_error(text: str) -> FormulaError:
    """A workbook's error cell (its type is an error) as a cell's value."""
    return FormulaError(text)


def show(value: Value) -> str:
    """A cell as people see it, for messages and text fields."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Pct):
        return f"{_number(value.value)}%"
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float):
        return _number(value)
    return str(value)


def _number(value: float) -> str:
    """A number as the cell holds it: its digits when whole and exact in a float (below 2**53,
    as :mod:`.xlsx_cells` makes it an ``int``), else Python's shortest form (``1e+308``, which
    was quoted in messages as 309 digits the sheet never held)."""
    whole = float(value).is_integer() and abs(value) < 2**53
    return str(int(value)) if whole else repr(float(value))


def text(value: Value) -> str:
    """The cell as NFC text on one line; ``""`` for blank-looking text."""
    written = nfc(show(value))
    return "" if blank_text(written) else written


def raw_lines(value: Value) -> str:
    """The cell as NFC text, keeping its line breaks (they separate units)."""
    return unicodedata.normalize("NFC", show(value))


# A day number typed or pasted into a text cell ("45838", "45838.5": a date copied as values
# from a cell formatted General, a CSV Excel wrote so): five digits, an optional fraction.
_SERIAL_TEXT = re.compile(r"\d{5}(?:[.,]\d+)?")


def _serial_in_text(written: str, dated_1904: bool = False) -> date | None:
    """The day an Excel serial number written as text names (see :data:`_SERIAL_TEXT`), or
    None when the text is no such number or names no day of 1955-2099 (read as before);
    ``dated_1904``: in a workbook counting its days from 1904 (:class:`Text1904`)."""
    bare = written.strip()
    if _SERIAL_TEXT.fullmatch(bare) is None:
        return None
    number = float(bare.replace(",", "."))
    if not _SERIAL_MIN <= number <= _SERIAL_MAX:
        return None
    return _serial(number, Float1904(number) if dated_1904 else bare)


def serial_text(value: str) -> bool:
    """Whether ``value`` is written as an Excel day number (:func:`_serial_in_text`)."""
    return _SERIAL_TEXT.fullmatch(value.strip()) is not None


def _serial(number: float, raw: Value) -> date:
    from openpyxl.utils.datetime import from_excel

    if isinstance(raw, NoDay):
        raise InvalidInput.of("date_out_of_range", text=show(raw), first=FIRST_YEAR, last=LAST_YEAR)
    if not _SERIAL_MIN <= number <= _SERIAL_MAX:
        raise InvalidInput.of("cell_not_date", value=show(raw))
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    dated_1904 = isinstance(raw, Int1904 | Float1904)
    found = from_excel(number, CALENDAR_MAC_1904 if dated_1904 else CALENDAR_WINDOWS_1900)
    return found.date() if isinstance(found, datetime) else date.fromordinal(1)


_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_TRAILING = re.compile(r"[\s.,;]+$")


# A day typed with a two-digit year, as Excel shows dd/mm/yy: "15/3/24", "30-06-24".
_SHORT_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\d/.-])")


def _whole_year(m: re.Match[str]) -> str:
    yy = int(m[4])
    return f"{m[1]}{m[2]}{m[3]}{m[2]}{2000 + yy if yy < 30 else 1900 + yy}"


def full_years(written: str) -> str:
    """``written`` with every day typed with a two-digit year given its four digits, as Excel
    reads a year typed so (``15/3/24`` is 15/3/2024; ``00``-``29`` are 2000-2029, ``30``-``99``
    1930-1999). Each is said on its row (:func:`short_years`)."""
    return _SHORT_YEAR.sub(_whole_year, written)


def short_years(value: Value) -> list[tuple[str, str]]:
    """Each day a text cell writes with a two-digit year (``05/03/26``, ``30-Jun-25``), with
    the day it is read as (:func:`full_years`): never taken without a word, since the century
    is assumed."""
    if not isinstance(value, str):
        return []
    written = _SPACED_SLASH.sub("/", nfc(value))
    found = [(m[0], _whole_year(m)) for m in _SHORT_YEAR.finditer(written)]
    for m in _ENGLISH_DAY.finditer(written):
        if m["year3"] is not None and len(m["year3"]) == 2:
            found.append((m[0], full_years(_english_day(m))))
    return list(dict.fromkeys(found))


# "15 / 3 / 2024": spaces around the slashes of a day; "T6/2024": tháng 6/2024.
_SPACED_SLASH = re.compile(r"(?<=\d)\s+/\s*(?=\d)|(?<=\d)/\s+(?=\d)")
_MONTH_T = re.compile(r"\b[Tt]\.?\s?(\d{1,2})(?=\s*[/-]\s*\d{4}\b)")


# "30 June 2025", "30 Jun 2025", "June 30, 2025", "Sept. 30th 2025": a day with its month in
# English words (registers with English headers write them so). Only a whole month name or
# its abbreviation, as dateutil knows them, tells the month: the order of numbers is never
# guessed.
_WORD = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_ENGLISH_DAY = re.compile(
    rf"(?<![\w/.-])(?:(?:{_DAY}\s+(?:of\s+)?{_WORD},?|{_WORD.replace('month', 'month2')}\s+"
    rf"{_DAY.replace('day', 'day2')},?)\s+(?P<year>\d{{4}})"
    # "15-Jun-22", "15-Jun-2022": Excel's d-mmm-yy, as a CSV of an English Excel writes a day
    rf"|(?P<day3>\d{{1,2}})-(?P<month3>[A-Za-z]{{3,9}})-(?P<year3>\d{{4}}|\d{{2}}))(?![\w/.-])"
)
_MONTH_WORDS = parserinfo()


def _english_day(found: re.Match[str]) -> str:
    """``30 June 2025`` as ``30/6/2025``; the text unchanged when the word is no month."""
    month = _MONTH_WORDS.month(found["month"] or found["month2"] or found["month3"])
    if month is None:
        return found[0]
    day = found["day"] or found["day2"] or found["day3"]
    return f"{day}/{month}/{found['year'] or found['year3']}"


def _clean_date_text(value: str) -> str:
    cleaned = _SPACED_SLASH.sub("/", nfc(value))
    cleaned = _ENGLISH_DAY.sub(_english_day, cleaned)
    cleaned = _TRAILING.sub("", full_years(_MONTH_T.sub(r"tháng \1", cleaned)))
    return _TIME_TAIL.sub("", cleaned).strip()


def parse_day(value: Value, ref: date | None = None) -> date:
    """A day: an Excel date, an Excel serial number (in a number cell, or as text:
    ``45838``), or text (``20/7/2022``, ``2022-07-20``)."""
    if isinstance(value, datetime):
        return check_day(value.date(), show(value))
    if isinstance(value, date):
        return check_day(value, show(value))
    if isinstance(value, bool) or isinstance(value, Pct):
        raise InvalidInput.of("cell_not_date", value=show(value))
    if (shown := boolean(value)) is not None:  # a checkbox: TRUE, FALSE, not the tick "x"
        raise InvalidInput.of("cell_not_date", value=shown)
    if isinstance(value, int | float):
        return _serial(float(value), value)
    assert value is not None
    return _serial_in_text(value, isinstance(value, Text1904)) or parse_date(
        _clean_date_text(value), ref, typed=False
    )


# A completion day known only as a bound, as ``export --format xlsx`` writes it (the catalog's
# ``done_by``, in either language): "by 30/06/2023, exact day unknown", "trước hoặc trong ngày
# 30/06/2023, chưa rõ ngày cụ thể" (folded).
_DONE_BY = re.compile(r"^(?:by|truoc hoac trong ngay)\s+(\d{1,2}/\d{1,2}/\d{4})(?:\s*,.*)?$")


def done_by(value: Value) -> date | None:
    """The day a completion cell says the work was done by, the exact day unknown (``by
    30/06/2023, exact day unknown``, as the export writes it), or None for any other cell.

    Raises:
        InvalidInput: a day that does not exist.
    """
    if not isinstance(value, str):
        return None
    found = _DONE_BY.match(fold(value))
    return parse_day(found[1]) if found is not None else None


_NO_DEADLINE = re.compile(
    r"^(?:thuong xuyen|khong thoi han|khong xac dinh thoi han|dinh ky|hang (?:nam|quy|thang|tuan)"
    r"|lien tuc|ongoing|no deadline|none|-+|—|\.+)(?:$|[\s,.;:(])"
)


# A duty repeated every month, quarter, year ("Trước ngày 20 hằng tháng", "báo cáo định kỳ"),
# naming no year: no deadline of its own, as "Hằng năm" ("assign --every" records one per
# period); with a year ("30/6/2024, sau đó hằng tháng") it is read, or refused, as any deadline.
_PERIODIC = re.compile(r"\b(?:hang|moi) (?:nam|quy|thang|tuan)\b|\bdinh ky\b")
_REMARK = re.compile(r"\s*\([^()]*\)$")


def parse_deadline(
    value: Value, ref: date | None, calendar: Workdays | None = None
) -> tuple[date | None, str | None]:
    """A deadline and the text it was written as.

    A date, an Excel date, a year, or a span meaning its last day (``Quý III/2022``,
    ``tháng 9``); ``thường xuyên``, ``không thời hạn``, ``định kỳ``… mean no deadline (the text is
    kept). ``ref`` (the meeting's date) completes phrases without a year; ``calendar`` (the
    office's) counts the working-day forms (``trước ngày 15/3/2025``: that day, or the last
    working day before it), as ``assign`` does.
    """
    if (shown := boolean(value)) is not None:  # a checkbox: TRUE, FALSE, not the tick "x"
        raise InvalidInput.of("cell_not_deadline", value=shown)
    if is_blank(value):
        return None, None
    if isinstance(value, datetime | date):
        return parse_day(value), None
    if isinstance(value, bool) or isinstance(value, Pct):
        raise InvalidInput.of("cell_not_deadline", value=show(value))
    if isinstance(value, int | float):
        if float(value).is_integer() and 1900 <= value <= 2999:
            return parse_when(str(int(value)), ref, calendar), str(int(value))
        return _serial(float(value), value), None
    assert isinstance(value, str)
    written = ascii_typed(nfc(value))
    serial = _serial_in_text(written, isinstance(value, Text1904))
    if serial is not None:
        return serial, None  # as the number cell it was copied from
    periodic = _PERIODIC.search(fold(written)) and not re.search(r"\d{4}", written)
    if _NO_DEADLINE.match(fold(written)) or periodic:
        return None, written
    cleaned = _clean_date_text(written)
    try:
        return read_when(cleaned, ref, calendar), written
    except InvalidInput as exc:
        # "Trước 15/7/2024 (báo cáo)": a deadline and a remark in brackets after it
        bare = _REMARK.sub("", cleaned)
        if exc.key not in NOT_A_DEADLINE or bare == cleaned or not bare:
            raise
        try:
            return read_when(bare, ref, calendar), written
        except InvalidInput:
            raise exc from None


# "30/6/2023 (gia hạn đến 31/12/2023)", "Quý III/2023, đã điều chỉnh thời hạn đến 31/12/2023":
# a deadline and the later one approved in its place (folded, aligned with the cell's text).
_EXTENSION = re.compile(
    r"^(?P<first>.*?)[\s(\[,;:\-–—]*(?:da\s+)?(?:duoc\s+)?"
    r"(?:gia\s+han|dieu\s+chinh\s+(?:thoi\s+han|han))(?:\s+thoi\s+han)?"
    r"\s*(?:den|toi|sang|thanh|:)\s*(?P<new>.+?)[\s)\].;,]*$"
)


# A unit asking for a new deadline, not one approved: "Đề nghị gia hạn đến 30/9/2025", "xin
# lùi thời hạn sang quý IV/2025", "Đơn vị kiến nghị điều chỉnh thời hạn: 31/12/2025" (folded).
_ASKED = re.compile(
    r"(?<!\w)(?:de\s+nghi|xin|kien\s+nghi|de\s+xuat)\s+(?:cho\s+)?(?:duoc\s+)?"
    r"(?:gia\s+han|dieu\s+chinh\s+(?:thoi\s+han|han)|lui\s+(?:thoi\s+han|han)"
    r"|gian\s+(?:thoi\s+han|tien\s+do))(?:\s+(?:thoi\s+han|thuc\s+hien|hoan\s+thanh))?"
    r"(?:\s*(?:den|toi|sang|thanh|:)\s*(?:ngay\s+)?(?P<to>[^;)\]\n]*))?"
)
# What every cell asking for or granting a new deadline holds, looked for before any folding
# (most progress cells hold none): "gia hạn", "điều chỉnh", "lùi", "giãn".
_MAYBE_NEW_DUE = re.compile(r"(?i)gia\s+h|ch[iỉ]nh|l[uù]i|gi[aã]n")


def tells_new_due(value: Value) -> bool:
    """Whether a cell may tell of a new deadline, granted or asked for (:func:`granted_in`,
    :func:`asked_for`): a quick look at its letters, before any folding. The words of a note
    set apart in «…» after a status (:func:`status_note`) tell nothing."""
    if not isinstance(value, str) or note_only(value):
        return False
    return _MAYBE_NEW_DUE.search(_before_quoted_note(value)) is not None


# A completion note or a cancellation reason after its status, set apart by the export as
# ``Hoàn thành đúng hạn: «Đã được gia hạn đến 30/6/2023»`` when its words would be read as
# more than a note (:func:`status_note`).
_QUOTED_NOTE = ": «"


def status_note(note: str) -> str:
    """``note`` as ``export --format xlsx`` writes it after a status (``Hoàn thành đúng hạn:
    …``, ``Dừng thực hiện ngày 01/03/2023: …``) or a percentage (``40%: …``): in «…» when its
    words would be read as more than a note (a deadline granted or asked for, a status, a
    percentage) or its first characters lost (``- Đã trình``, read as ``Đã trình``), and when it is
    already so written (``«Tên»``: one pair more, as :func:`read_status` takes exactly one
    away), so that the import reads it back as this note and nothing else."""
    if _quoted(note) is not None or _read_as_more(note) or _loses_ends(note):
        return f"«{note}»"
    return note


def _loses_ends(note: str) -> bool:
    """Whether ``note`` after a status or a percentage would lose its first characters: the
    separators read between them (``-``, ``:``, ``/``…) are taken away, and a day is read as
    the day of the status (``Done on time: 30/6/2023 …``). (White space is read
    as one space in a sheet's cell, as typed text is, and is no loss.)"""
    if _LEADING_SEPARATOR.match(note) is not None:
        return True
    # a day first is read as the status's own ("Hoàn thành 30/6/2023 …")
    return _LEADING_DAY.match(fold(note.lstrip())) is not None


_LEADING_SEPARATOR = re.compile(r"^\s*[,.;:\-–—/|]")


def _quoted(note: str) -> str | None:
    """The words inside «…» when ``note`` is wholly set apart so, else None."""
    if len(note) >= 2 and note[0] == "«" and note[-1] == "»":
        return note[1:-1]
    return None


def _before_quoted_note(cell: str) -> str:
    """``cell`` without the note set apart in «…» at its end (:func:`status_note`)."""
    at = cell.find(_QUOTED_NOTE)
    if at >= 0 and cell.rstrip().endswith("»"):
        return cell[: at + 1]
    return cell


# Where the day asked for ends when words follow it: "đến 30/9/2025 do chờ ý kiến của Bộ".
_ASKED_END = re.compile(r"\s+(?:do|vi|de|nham|theo|ly do)\s|[,.]\s")


@dataclass(frozen=True, slots=True)
class Asked:
    """A cell that says the unit asked for a new deadline: the day asked for (None when the
    cell does not say it), the words it was asked in, and the cell (the request's reason)."""

    to: date | None
    text: str | None
    cell: str


def asked_for(value: Value, ref: date | None, calendar: Workdays | None = None) -> Asked | None:
    """The request for a new deadline a cell makes (``Đề nghị gia hạn đến 30/9/2025``,
    ``Đang thực hiện; xin gia hạn đến quý IV/2025``), or None when it makes none.

    Raises:
        InvalidInput: the day asked for names no real day (``đến 31/9/2025``).
    """
    if not isinstance(value, str) or _MAYBE_NEW_DUE.search(value) is None:
        return None
    written = text(value)
    key = _aligned(written)
    found = _ASKED.search(key) if key is not None else None
    if found is None or key is None:
        return None
    if not found["to"] or not found["to"].strip(" .,"):
        return Asked(None, None, written)
    day, words = _day_named(written, found, ref, calendar)
    return Asked(day, words, written)


def _day_named(
    written: str, found: re.Match[str], ref: date | None, calendar: Workdays | None
) -> tuple[date | None, str | None]:
    """The deadline the ``to`` group of ``found`` (matched on ``written`` folded) names, and
    its words; words may follow it (``đến 30/9/2025 do chờ ý kiến của Bộ``)."""
    start = found.start("to")
    to_key = found["to"]
    end = _ASKED_END.search(to_key)
    tries = [to_key] if end is None else [to_key, to_key[: end.start()]]
    for tail in tries:
        words = written[start : start + len(tail)].strip(" .,;")
        try:
            day, _ = parse_deadline(words, ref, calendar)
        except InvalidInput as exc:
            # "đến khi có ý kiến của Bộ": words after the day asked for, or no day at all
            if exc.key in NOT_A_DEADLINE or exc.key == "deadline_on_event":
                continue
            raise
        if day is not None:
            return day, words
    return None, None


# An extension granted, told in a progress or result cell: "Đã được gia hạn đến 30/9/2025",
# "UBND tỉnh đồng ý điều chỉnh thời hạn đến quý IV/2025" (folded; asked for is _ASKED).
_GRANTED = re.compile(
    r"(?<!\w)(?:gia\s+han|dieu\s+chinh\s+(?:thoi\s+han|han))(?:\s+thoi\s+han)?"
    r"\s*(?:den|toi|sang|thanh)\s+(?:ngay\s+)?(?P<to>[^;)\]\n]*)"
)
# Words before it that say it was not granted: "chưa được", "không đồng ý", "từ chối".
_NOT_GRANTED = re.compile(r"\b(?:chua|khong|tu choi|bac)\b[^,;.]{0,30}$")


def granted_in(
    value: Value, ref: date | None, calendar: Workdays | None = None
) -> tuple[date, str] | None:
    """The later deadline a progress or result cell says was granted (``Đã được gia hạn đến
    30/9/2025``) and its words; None when it says none (a request, ``Đề nghị gia hạn đến …``,
    is :func:`asked_for`'s; ``Chưa được gia hạn``, ``không đồng ý gia hạn`` grant nothing).

    Raises:
        InvalidInput: the day named does not exist.
    """
    if not isinstance(value, str) or _MAYBE_NEW_DUE.search(value) is None:
        return None
    written = text(value)
    key = _aligned(written)
    if key is None or _ASKED.search(key) is not None:
        return None
    found = _GRANTED.search(key)
    if found is None or _NOT_GRANTED.search(key[: found.start()]) is not None:
        return None
    day, words = _day_named(written, found, ref, calendar)
    return (day, words) if day is not None and words is not None else None


@dataclass(frozen=True, slots=True)
class DueCell:
    """A deadline cell read: the deadline given at the meeting and, when the cell says one was
    approved in its place, the later deadline (the words of each are kept)."""

    due: date | None
    text: str | None
    extended_to: date | None = None
    extended_text: str | None = None
    # "30/6/2025 (đề nghị gia hạn đến 30/9/2025)": a new deadline the unit asked for.
    asked: Asked | None = None


def read_due(value: Value, ref: date | None, calendar: Workdays | None = None) -> DueCell:
    """A deadline cell: :func:`parse_deadline`, or a deadline and its extension (``30/6/2023
    (gia hạn đến 31/12/2023)``), both read the same way.

    Raises:
        InvalidInput: either is no deadline, the cell extends no deadline (``Thường xuyên (gia
            hạn …)``), or the extension is not later than the deadline it replaces.
    """
    if isinstance(value, str):
        written = nfc(value)
        key = _aligned(written)
        asked = _ASKED.search(key) if key is not None else None
        if asked is not None:
            # The deadline is what comes before the request: the request is not approved.
            before = _SEPARATORS.sub("", written[: asked.start()][::-1])[::-1]
            before = before.rstrip(" (").strip()
            request = written[asked.start() :].rstrip(" )]")
            due, due_text = parse_deadline(before or None, ref, calendar)
            return DueCell(due, due_text, asked=asked_for(request, ref, calendar))
        found = _EXTENSION.match(key) if key is not None else None
        if found is not None and not _SEPARATORS.sub("", found["first"]).strip():
            raise InvalidInput.of("cell_extension_no_due", value=written)
        if found is not None:
            first = written[: found.end("first")].strip()
            later = written[found.start("new") : found.end("new")].strip()
            due, text = parse_deadline(first, ref, calendar)
            new_due, new_text = parse_deadline(later, ref, calendar)
            if due is None or new_due is None:
                raise InvalidInput.of("cell_extension_no_due", value=written)
            if new_due <= due:
                raise InvalidInput.of("cell_extension_not_later", due=due, new_due=new_due)
            return DueCell(due, text, new_due, new_text)
    return DueCell(*parse_deadline(value, ref, calendar))


# A percentage in a text, with the minus sign of a negative one ("-5%", "Tiến độ: −5%"), which
# is refused, not read as 5%. A sign touches its digits and follows no letter or digit: in
# "10-20%" (a range) or "Đang thực hiện - 70%" (a separator) the dash is no sign.
_PERCENT = re.compile(r"(?:(?<![\w.,])(?P<minus>[-−]))?(?P<number>\d{1,4}(?:[.,]\d+)?)\s*%")
_MINUS = str.maketrans({"−": "-"})
_SEPARATORS = re.compile(r"^[\s,.;:\-–—/|]+")


def _whole_percent(number: float | Decimal, raw: str) -> int:
    exact = Decimal(str(number))
    # inf, nan and numbers such as 1e300 (too long for Decimal to round) are no percentage.
    # The cell is quoted as the catalog quotes a value (``5000.000…`` of 40,000 characters cut).
    if not exact.is_finite() or abs(exact) > 1000:
        raise InvalidInput.of("cell_not_percent", value=cut(raw))
    # Progress is recorded in whole percents, truncated as rates are: "70,5%" is 70%, and
    # "99,5%" stays short of 100% (work not finished). A float's noise (0.29 shown as a
    # percentage is 28.999999999999996) is rounded away first.
    exact = exact.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    if not 0 <= exact <= 100:
        raise InvalidInput.of("cell_not_percent", value=cut(raw))
    return int(exact.to_integral_value(rounding=ROUND_DOWN))


@dataclass(frozen=True, slots=True)
class ProgressCell:
    """A progress cell read (:func:`read_progress`): its whole percentage and its note, and
    what a person may not expect of it: ``truncated``, the percentage written when a fraction
    of it was dropped (``70,5%`` is 70%); ``as_note``, a cell that writes a number dirtrack
    does not read as one (``nan``, ``inf``, ``1e309``, ``5e1``, ``½``), kept as the note."""

    percent: int | None
    note: str | None
    truncated: Decimal | None = None
    as_note: bool = False


def parse_progress(value: Value) -> tuple[int | None, str | None]:
    """A percentage and a note: ``70%``, ``0.7`` formatted as a percentage, ``70``,
    ``40%: Đã trình dự thảo``, a percentage its words give as progress (``Đang thực hiện, đạt
    70%``: the cell kept as the note; see :func:`said_progress`) or free text (a note only:
    ``Giải ngân 30% vốn`` is a share of something else).

    Raises:
        InvalidInput: a percentage outside 0-100.
    """
    read = read_progress(value)
    return read.percent, read.note


def read_progress(value: Value) -> ProgressCell:
    """:func:`parse_progress`, saying also what was dropped or not read as a number.

    Raises:
        InvalidInput: a percentage outside 0-100.
    """
    if is_blank(value):
        return ProgressCell(None, None)
    if isinstance(value, Pct):
        return _percent_cell(value.value, show(value), None)
    if isinstance(value, bool):
        return ProgressCell(None, None)
    if isinstance(value, int | float):
        _no_fraction(value, show(value))
        return _percent_cell(value, show(value), None)
    if isinstance(value, datetime | date):
        raise InvalidInput.of("cell_date_not_progress", value=show(value))
    written = nfc(str(value))
    if (unsaid := _NOTE_ONLY.match(written)) is not None:
        return ProgressCell(None, written[unsaid.end() :].strip() or None)
    # Its digits and signs as ASCII (an IME's "３０％", "٣٠"), one character for one: the
    # positions found in it are the written text's, whose note keeps what was typed.
    typed = ascii_typed(written)
    bare = typed.replace(",", ".").translate(_MINUS)
    if THOUSANDS.fullmatch(typed.strip().rstrip("%").rstrip()):  # "1.000": a thousand, or one
        return ProgressCell(None, written, as_note=True)
    if re.fullmatch(r"-?\d{1,4}(?:\.\d+)?", bare):  # -5 is refused as a number cell's -5 is
        _no_fraction(Decimal(bare), written)
        return _percent_cell(Decimal(bare), written, None)
    found = _PERCENT.search(typed)
    if found is None:
        return ProgressCell(None, written, as_note=_number_like(bare))
    if found["minus"]:
        raise InvalidInput.of("cell_not_percent", value=cut(found[0]))
    if found.start() != 0:
        return _percent_in_words(written) or ProgressCell(None, written)
    rest = _SEPARATORS.sub("", written[found.end() :]).strip()
    if rest and found.start() == 0 and (quoted := _quoted(rest)) is not None:
        rest = quoted  # a note progress_cell set apart in «…»: its words alone
    return _percent_cell(Decimal(found["number"].replace(",", ".")), found[0], rest or None)


# Digits with three after a point or a comma ("1.000", "1,000"): one thousand to a Vietnamese
# reader, one to an English one. No percentage is read from such a text.
THOUSANDS = re.compile(r"\d{1,3}[.,]\d{3}")


def _percent_cell(number: float | Decimal, raw: str, note: str | None) -> ProgressCell:
    percent = _whole_percent(number, raw)
    exact = Decimal(str(number)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    return ProgressCell(percent, note, exact.normalize() if exact != percent else None)


def _number_like(text: str) -> bool:
    """Whether ``text`` (a cell no percentage was read from) writes a number all the same:
    what Python or a spreadsheet reads as one (``nan``, ``inf``, ``1e309``, ``5e1``) or
    numeric characters (``½``, ``²``)."""
    stripped = text.strip()
    if not stripped:
        return False
    try:
        float(stripped)
    except ValueError:
        return stripped.isnumeric()
    return True


# A progress note written with no percentage as ``export --format xlsx`` writes one its words
# would otherwise be read as more than a note: "?%: Đã hoàn thành" (the percentage not known).
_NOTE_ONLY = re.compile(r"^\?\s*%\s*[:\-–—]?\s*")


def note_only(value: Value) -> bool:
    """Whether a progress cell is a note and nothing else (``?%: Đã hoàn thành``): no
    percentage, status, deadline or request is read from its words."""
    return isinstance(value, str) and _NOTE_ONLY.match(value) is not None


def progress_cell(percent: int | None, note: str | None, *, on: str | None = None) -> str | None:
    """A progress entry as a sheet's cell that :func:`parse_progress` and the sheet import read
    back as the same entry: ``40%: Đã trình``, ``40%``, a note alone as written, or, when its
    words would be read as a status, a percentage, a deadline or a request (``Đã hoàn
    thành``, ``Đã hoàn thành 60% khối lượng``), as ``?%: Đã hoàn thành``.

    ``on``: the day it was reported, as the pack's latest progress shows it after the
    percentage (``40% (01/08/2022): Đã trình``, ``?% (01/08/2022): Đã hoàn thành``, ``(01/08/2022):
    Đang rà soát``), for a person to read, with the same guard."""
    if percent is not None:
        head = f"{percent}%"
        if note and _lost_after_percent(note):
            # after the percentage, words that tell of a deadline granted or asked for were
            # read as one ("40%: Đã được gia hạn đến 30/6/2023" extended the directive): set
            # apart in «…», read back as the note alone (read_progress)
            note = f"«{note}»"
    elif note and _read_as_more(note):
        head = "?%"
    else:
        head = ""
    if on is not None:
        head = f"{head} ({on})".strip()
    if not head:
        return note or None
    return f"{head}: {note}" if note else head


def _lost_after_percent(note: str) -> bool:
    """Whether ``note`` after a percentage (``40%: …``) would be read as more than it, or lose
    its first characters: a deadline granted or asked for, a completion or cancellation,
    separators at its start, or «…» around it; or a note that alone would be read as a note
    and nothing else (``?%: Đề nghị gia hạn đến …``), which after a percentage is read again."""
    if note_only(note) or tells_new_due(note) or _quoted(note) is not None or _loses_ends(note):
        return True
    try:
        said = read_status(note).said
    except InvalidInput:
        return True
    return said in (Said.DONE, Said.CANCELLED)


def _read_as_more(note: str) -> bool:
    """Whether a progress cell holding ``note`` alone would be read as more than that note."""
    if note_only(note) or tells_new_due(note) or says_submitted(note) or is_tick(note):
        return True
    try:
        percent, rest = parse_progress(note)
        status = read_status(note)
    except InvalidInput:
        return True
    return percent is not None or rest != note or status.said is not None or status.unclear


def _no_fraction(number: float | Decimal, raw: str) -> None:
    """Refuse a share of one written without its percent (``0,75``, ``0.5`` in a cell not
    formatted as a percentage): 75% or 0.75%? Rounded, it was read as 1%.

    Raises:
        InvalidInput: ``cell_progress_fraction``.
    """
    if 0 < number < 1:
        raise InvalidInput.of("cell_progress_fraction", value=cut(raw))


def leading_progress(value: Value) -> ProgressCell:
    """A percentage a result cell starts with (``60%``, ``60%: đang tổng hợp``, a cell
    formatted as a percentage) and the rest as a note, read as a progress cell
    (:func:`read_progress`: ``60,5%`` is 60%, ``truncated``); no percentage and no note when
    it starts with none, so ``Kết quả: 3 văn bản`` is never read as progress.

    Raises:
        InvalidInput: a percentage outside 0-100.
    """
    if isinstance(value, Pct):
        return read_progress(value)
    written = text(value)
    found = _PERCENT.match(written)
    if found is None:
        return ProgressCell(None, None)
    return read_progress(written)


# A percentage told in words of a progress or result cell: "Đã thực hiện 80%", "đạt 50 %",
# "Tiến độ: 70%", "Đang triển khai (70%)", "Đã hoàn thành khoảng 60% khối lượng" (folded); not
# any number with a %, which may be a share of something else ("giải ngân 30% vốn").
_PERCENT_SAID = re.compile(
    r"\b(?:thuc\s+hien|hoan\s+thanh|dat|tien\s+do|khoi\s+luong|trien\s+khai|xong)"
    r"(?:\s+(?:duoc|khoang|tren|gan|hon|xap\s+xi))*\s*[:\-–(,]?\s*(\d{1,4}(?:[.,]\d+)?)\s*%"
)


def _percent_in_words(written: str) -> ProgressCell | None:
    """The percentage ``written`` gives as progress in words (:data:`_PERCENT_SAID`), with
    ``written`` as its note, or None: whole, as a percentage cell's (``đạt 70,5%`` is 70%,
    ``truncated``).

    Raises:
        InvalidInput: a percentage outside 0-100.
    """
    found = _PERCENT_SAID.search(fold(written))
    if found is None:
        return None
    return _percent_cell(Decimal(found[1].replace(",", ".")), f"{found[1]}%", written)


def said_progress(value: Value) -> ProgressCell:
    """The percentage a result cell gives as the directive's progress: one it starts with
    (see :func:`leading_progress`) or one told in words (``Đã thực hiện 80%``, ``đạt 50 %``),
    as a progress cell's (:func:`read_progress`, ``truncated`` included); no percentage when
    it gives none.

    Raises:
        InvalidInput: a percentage outside 0-100.
    """
    read = leading_progress(value)
    if read.percent is not None:
        return read
    return _percent_in_words(text(value)) or ProgressCell(None, None)


# The unit's product is with the leader, awaiting a decision: "Đã trình UBND tỉnh", "Đã tham
# mưu", "Đang trình ký", "Đã có tờ trình" (folded).
_SUBMITTED = re.compile(r"^(?:da|dang|vua|da co)\s+(?:trinh(?!\s+bay)|tham\s+muu|to\s+trinh)(?!\w)")


def says_submitted(value: Value) -> bool:
    """Whether a status cell says the unit submitted its product and awaits the leader's
    decision (``Đã trình``, ``Đã tham mưu``, ``Đang trình ký``): still open, since the
    directive is done when the decision or document is issued."""
    return isinstance(value, str) and _SUBMITTED.match(fold(value.strip())) is not None


class Said(StrEnum):
    """What a status cell says about the directive."""

    DONE = "done"
    CANCELLED = "cancelled"
    OPEN = "open"


# How it was done, after "hoàn thành" (and a comma: "Đã hoàn thành, chậm so với yêu cầu"):
# "đúng hạn", "quá hạn", "chậm", "trễ hạn", "100%".
_HOW_DONE = (
    r"(?:,?\s+(?:(?:dung|qua|truoc|som)\s+han|(?:cham|muon|tre)(?:\s+han|\s+tien\s+do)?\b"
    r"|100\s*%))?"
)
# What makes "đã hoàn thành …" a part done, not the directive: "50%", "dự thảo", "giai đoạn 1".
_PART_DONE = r"(?!\s+(?:\d{1,2}(?:[.,]\d+)?\s*%|du\s+thao|giai\s+doan|buoc|mot\s+phan)(?!\w))"
_SAID: list[tuple[Said, re.Pattern[str]]] = [
    (
        Said.OPEN,
        re.compile(
            # The whole phrase when it is one ("Quá hạn chưa hoàn thành", "Đang thực hiện trong
            # hạn"), else its first word ("Đang xây dựng dự thảo": the rest is a note).
            r"^(?:(?:(?:qua|trong|con)\s+han\s+)?(?:chua|dang|tiep\s+tuc)\s+"
            r"(?:hoan\s+thanh|thuc\s+hien|trien\s+khai|xu\s+ly)"
            r"(?:\s+(?:trong|qua|dung|con)\s+han)?(?=$|[\s,.;:()\-–—])"
            r"|(?:con\s+trong|qua|trong|con)\s+han(?=$|[\s,.;:()\-–—])"
            # Basically done, paused: not done, and the words say how far it got (kept whole).
            r"|(?:co\s+ban\s+hoan\s+thanh|tam\s+(?:dung|ngung|hoan)(?:\s+thuc\s+hien"
            r"|\s+trien\s+khai)?)(?=$|[\s,.;:()\-–—])"
            r"|chua\b|dang\b|tiep\s+tuc\b|open(?:,?\s+within\s+deadline)?\b|in progress\b"
            r"|overdue\b|not started\b"
            r"|not done\b|ongoing\b|pending\b)"
        ),
    ),
    (
        Said.DONE,
        re.compile(
            rf"^(?:da\s+(?:hoan\s+thanh|xong|thuc\s+hien\s+xong){_HOW_DONE}{_PART_DONE}"
            # "Đã thực hiện": done only with the day it was (see Status.needs_day); so is "Đã
            # ban hành Quyết định số …" (the document the directive asked for, or a step?)
            r"|da\s+thuc\s+hien(?=$|[\s]*[,.;:()\-–—]|\s+(?:ngay|vao|tu)\b)"
            r"|da\s+ban\s+hanh\b"
            rf"|(?:hoan\s+thanh|xong){_HOW_DONE}"
            r"(?=$|[\s]*[,.;:()\-–—]|\s+(?:ngay|vao|tu)\b|\s+\d{1,4}\s+ngay\b)"
            r"|done(?:\s+(?:on\s+time|late|early))?\b|completed?\b|finished\b)"
        ),
    ),
    (
        Said.CANCELLED,
        re.compile(
            r"^(?:da\s+)?(?:(?:dung|ngung)(?:\s+thuc\s+hien|\s+trien\s+khai)?"
            r"(?=$|[\s,.;:()\-–—])"
            r"|huy(?:\s+bo)?(?=$|[,.;:()\-–—]|\s+(?:nhiem\s+vu|ngay)\b)"
            r"|rut\s+khoi\s+chuong\s+trinh\b|cancell?ed\b|withdrawn\b)"
        ),
    ),
]
# Words that say neither: "Không thực hiện" (not carried out: stopped, or failed to?).
_UNCLEAR = re.compile(
    r"^(?:da\s+)?khong\s+(?:thuc\s+hien|trien\s+khai)(?:\s+duoc)?(?=$|[\s,.;:()\-–—])"
)
# Open words that are themselves the news ("Cơ bản hoàn thành", "Tạm dừng"): kept as the note.
_OPEN_KEPT = re.compile(r"^(?:co\s+ban|tam\s+)")
#: A day as a cell writes it in figures: "30/9/2022", "30-9-2022", "30.9.2022", "2022-09-30".
DAY_IN_FIGURES = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2}"
#: ... or in words, as formal documents write it: "30 tháng 9 năm 2022" (folded).
DAY_IN_WORDS = r"\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}"
_LEADING_DAY = re.compile(rf"^(?:vao\s+|tu\s+|on\s+)?(?:ngay\s+)?({DAY_IN_FIGURES}|{DAY_IN_WORDS})")
_ANY_DAY = re.compile(rf"(?<![\d/.-])({DAY_IN_FIGURES})(?![\d/.-])|ngay\s+({DAY_IN_WORDS})")


@dataclass(frozen=True)
class Status:
    """A status cell read: what it says, the day it gives (if any) and the rest as a note."""

    said: Said | None
    day: date | None
    note: str | None
    phrase: str = ""  # the status words as matched, folded ("hoan thanh dung han")
    # DONE only when a day is known ("Đã thực hiện": done, or merely acted on?).
    needs_day: bool = False
    # Words that say no status a clerk could mean one way only ("Không thực hiện").
    unclear: bool = False
    cell: str = ""  # the cell as written
    # Done, then a share below 100 beside it ("Hoàn thành, 50%"): which one is true?
    part_percent: int | None = None
    # Read from a verdict on the result ("Đạt", "Không đạt"): the import says so.
    verdict: bool = False
    # Done so many days after the deadline, with no day of its own ("Hoàn thành (quá hạn 5
    # ngày)"): the completion day is the deadline in force plus these days, working days on the
    # office's calendar when ``late_working`` ("chậm 3 ngày làm việc").
    late_days: int | None = None
    late_working: bool = False

    @property
    def says_on_time(self) -> bool:
        """Whether the words say it was done on time (``đúng hạn``, ``trước hạn``)."""
        return "dung han" in self.phrase or "truoc han" in self.phrase

    @property
    def says_late(self) -> bool:
        """Whether the words say it was done late (``quá hạn``, ``chậm``, ``trễ``) and not on
        time."""
        return not self.says_on_time and LATE_WORD.search(self.phrase) is not None


def _aligned(written: str) -> str | None:
    """``fold(written)`` when it has the same length, so positions carry over."""
    key = fold(written)
    return key if len(key) == len(written) else None


def _says_stop(written: str, key: str, found: re.Match[str]) -> bool:
    """Whether a ``dung`` the cancellation pattern matched is *dừng* (stop) as written, not
    *đúng* (right: ``Đúng hạn``, ``Đúng tiến độ``), which folds to the same letters: *đúng*
    starts with ``đ``, and its ``u`` carries no horn. Text typed without accents reads as
    before."""
    at = key.find("dung", found.start(), found.end())
    if at < 0:
        return True
    if written[at] in "đĐ":
        return False
    marks = unicodedata.normalize("NFD", written[at + 1])[1:]
    return not marks or "\u031b" in marks


# A share right after the done words, set apart ("Hoàn thành, 50%", "Hoàn thành (đạt 50%)").
_SHARE_BESIDE = re.compile(r"^\(?\s*(?:(?:dat|duoc)\s+)?(\d{1,3}(?:[.,]\d+)?)\s*%")
# Status words that say done only with the day it was done.
_NEEDS_DAY = frozenset({"da thuc hien", "da ban hanh"})
# Status words shortened as registers write them: "Đã HT", "Chưa HT", "Đang TH".
_SHORT_STATUS = re.compile(
    r"^((?:đã|da|Đã|ĐÃ|chưa|chua|Chưa|CHƯA|đang|dang|Đang|ĐANG)\s+)?(HT|TH|ht|th)(?=$|[\s,.;:()\-–—])"
)


def _expand_short(written: str) -> str:
    return _SHORT_STATUS.sub(
        lambda m: (m[1] or "") + ("hoàn thành" if m[2].lower() == "ht" else "thực hiện"), written
    )


def read_status(value: Value) -> Status:
    """Read ``Đã hoàn thành ngày 20/7/2022``, ``Hoàn thành đúng hạn: Đề án 05``,
    ``Dừng thực hiện``, ``Đang thực hiện``… The note is what follows the status and its day.

    Raises:
        InvalidInput: a day that does not exist.
    """
    written = _expand_short(full_years(text(value)))
    if not written:
        return Status(None, None, None)
    key = _aligned(written)
    if key is None:
        return Status(None, first_day(written), written)
    unclear = _UNCLEAR.match(key)
    if unclear is not None:
        return Status(None, None, written, unclear[0], unclear=True)
    for said, pattern in _SAID:
        found = pattern.match(key)
        if found is None or (said is Said.CANCELLED and not _says_stop(written, key, found)):
            continue
        rest_at = found.end()
        rest_key = _SEPARATORS.sub("", key[rest_at:])
        rest_at = len(key) - len(rest_key)
        day = None
        leading = _LEADING_DAY.match(rest_key)
        if leading is not None:
            day = parse_date(leading[1].replace(" thang ", "/").replace(" nam ", "/"))
            rest_key = _SEPARATORS.sub("", rest_key[leading.end() :])
            rest_at = len(key) - len(rest_key)
        note = written[rest_at:].strip() or None
        quoted = _quoted(note) if note is not None and said is not Said.OPEN else None
        if quoted is not None:
            # a note the export set apart (status_note): its words, and nothing read from them
            if day is None:
                day = first_day(written[:rest_at])
            return Status(said, day, quoted or None, found[0], cell=written)
        if said is Said.OPEN and _OPEN_KEPT.match(found[0]):
            note = written
        if day is None and said is not Said.OPEN:
            day = first_day(written)
        phrase = found[0]
        aside = _TIMING_ASIDE.match(fold(note)) if said is Said.DONE and note else None
        late_by = _late_by(phrase, note) if said is Said.DONE and note else None
        late_days, late_working = None, False
        if aside is not None:
            # "Hoàn thành (quá hạn)", "HT - đúng hạn": the same as without the brackets
            phrase, note = f"{phrase} {aside[1]}", None
        elif late_by is not None:
            # "Hoàn thành (quá hạn 5 ngày)", "Đã hoàn thành, chậm 5 ngày", "done 5 days late"
            late_days, late_working = int(late_by["n"]), bool(late_by["work"] or late_by["en"])
            if LATE_WORD.search(phrase) is None:
                phrase = f"{phrase} qua han"
            note = None
        needs_day = said is Said.DONE and found[0] in _NEEDS_DAY
        part = None
        if said is Said.DONE and (share := _SHARE_BESIDE.match(rest_key)) is not None:
            number = float(share[1].replace(",", "."))
            part = int(number) if number < 100 else None
        return Status(
            said,
            day,
            note,
            phrase,
            needs_day,
            cell=written,
            part_percent=part,
            late_days=late_days,
            late_working=late_working,
        )
    return Status(None, None, written)


# Done so many days after the deadline, said after the done words: "(quá hạn 5 ngày)", "chậm 5
# ngày làm việc", "trễ 3 ngày so với thời hạn", "5 days late", "late by 5 working days" (folded).
_LATE_BY = re.compile(
    r"^[(\[\s]*(?P<late>(?:qua|tre|cham|muon)(?:\s+han)?|late)?\s*(?:by\s+)?"
    r"(?P<n>[1-9]\d{0,3})\s+(?:ngay(?P<work>\s+lam\s+viec)?|(?P<en>working\s+|business\s+)?days?)"
    r"(?P<after>\s+late)?(?:\s+so\s+voi\s+(?:thoi\s+)?han(?:\s+\w+){0,2})?[)\]\s.]*$"
)
# Words that say late, in the done words or after them (folded); the sheet import reads a
# status said late with them too.
LATE_WORD = re.compile(r"\b(?:qua\s+han|tre|cham|muon|late)\b")
_ON_TIME_WORD = re.compile(r"\b(?:dung|truoc|som)\s+han\b|\b(?:on\s+time|early)\b")


def _late_by(phrase: str, note: str) -> re.Match[str] | None:
    """The days late the words after a done status give (:data:`_LATE_BY`), when they, or the
    done words before them, say late (``5 ngày`` alone, or after ``đúng hạn``, says none)."""
    found = _LATE_BY.match(fold(note))
    if found is None or _ON_TIME_WORD.search(phrase):
        return None
    said_late = found["late"] or found["after"] or LATE_WORD.search(phrase)
    return found if said_late else None


# Whether it was done on time, set apart after the done words, alone: "(quá hạn)", "- đúng hạn".
_TIMING_ASIDE = re.compile(
    r"^[(\[\-–—:,\s]*(dung han|truoc han|qua han|tre han|cham|tre|muon)[)\]\s.]*$"
)


# A verdict on the result, the whole cell: "Đạt", "Đạt yêu cầu", "Không đạt", "Chưa đạt", and
# "Vượt", "Vượt mức" (the result exceeds what was asked: met, as "Đạt").
_VERDICT = re.compile(r"^(?:(?:(khong|chua)\s+)?dat(?:\s+yeu\s+cau)?|vuot(?:\s+muc)?)\s*[.!]?$")


def read_verdict(value: Value) -> Status | None:
    """A cell under ``Đánh giá`` / ``Kết quả`` that judges the result and says nothing else:
    ``Đạt`` (``Đạt yêu cầu``, and ``Vượt`` / ``Vượt mức``: exceeds it) says the result was
    delivered and meets what was asked, so the directive is done (on a day other cells must
    give); ``Không đạt``, ``Chưa đạt`` say it is not done. None for any other words (``Đạt
    70%`` is a share, read as one)."""
    key = fold(text(value)).strip()
    found = _VERDICT.match(key)
    if found is None:
        return None
    said = Said.OPEN if found[1] else Said.DONE
    return Status(said, None, None, key.rstrip(".! "), cell=text(value), verdict=True)


def first_day(written: str) -> date | None:
    """The first day written in free text, or None.

    Raises:
        InvalidInput: it does not exist (``31/2/2022``).
    """
    found = _ANY_DAY.search(fold(full_years(written)))
    if found is None:
        return None
    if found[1]:
        return parse_date(found[1])
    return parse_date(found[2].replace(" thang ", "/").replace(" nam ", "/"))


# A tick says nothing but "yes": only the column over it tells what.
_TICKS = frozenset({"x", "v", "✓", "✔", "☑", "√"})
_MARKS = _TICKS | {"co", "yes", "y", "1", "true", "ok", "dat"}


def is_mark(value: Value) -> bool:
    """A cell ticked to say yes: ``x``, ``✓``, ``có``, ``1``…"""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and not isinstance(value, Pct):
        return value == 1
    return fold(text(value)) in _MARKS


# "Không", "-", "0" under a column of marks or of extensions: none, said so; "FALSE" is a
# spreadsheet's unticked checkbox as a CSV writes it (Google Sheets, Excel), as "TRUE" a tick.
_NONE = frozenset({"khong", "no", "0", "-", "–", "—", "khong co", "khong gia han", "false"})


def says_none(value: Value) -> bool:
    """A cell saying there is none (``Không``, ``-``, ``0``) where a mark or a day would be."""
    return fold(text(value)).strip(" .") in _NONE


def is_tick(value: Value) -> bool:
    """A cell holding only a tick (``x``, ``✓``), which says no status by itself."""
    return isinstance(value, str) and fold(text(value)) in _TICKS


_LINES = re.compile(r"[\n\r]+")
_BULLET = re.compile(r"^(?:[-–—•+*·>]+|\d{1,2}[.)])\s*")


# "Sở Nội vụ và Sở Tài chính", "Sở Nội vụ - Sở Tài chính", "Sở Nội vụ/Sở Tài chính": two
# bodies joined by a word or a sign, split only where a body's own name follows ("Sở Lao động
# - Thương binh và Xã hội" is one).
_JOINED = re.compile(r"\s+(?:và|va|cùng|cung|&|\+|-|–)\s+|\s*[/+]\s*", re.IGNORECASE)


def _joined(chunk: str) -> list[str]:
    """``chunk`` split where a word or sign joins two bodies' names (:data:`_JOINED`)."""
    parts: list[str] = []
    start = 0
    for found in _JOINED.finditer(chunk):
        before = chunk[start : found.start()].strip()
        if before and starts_body(chunk[found.end() :]):
            parts.append(chunk[start : found.start()])
            start = found.end()
    parts.append(chunk[start:])
    return parts


def unit_pieces(value: Value) -> list[list[str]]:
    """A unit cell as segments of comma-separated pieces.

    Lines and ``;`` always separate units, but for a ``;`` after a backslash, which is one of a
    name's (``Ban A\\; B``: how a CSV list of dirtrack writes it,
    :func:`dirtrack.cell_lists.split_list`). Within a segment, commas separate them too, except
    before a piece that starts in lower case and begins no body's name: ``UBND các huyện, thị
    xã, thành phố`` is one name, ``Ban Tổ chức, Văn phòng`` two, and so are ``sở tài chính, sở
    kế hoạch và đầu tư`` (a kind of body followed by its name) and ``Sở Tài chính, các sở
    ngành liên quan`` (a group of bodies). The importer may still join pieces that together
    name a registered unit (``Cơ quan, đơn vị``).
    """
    segments: list[list[str]] = []
    for line in (item for part in _LINES.split(raw_lines(value)) for item in split_list(part)):
        line = _BULLET.sub("", nfc(line))
        if not line:
            continue
        pieces: list[str] = []
        for piece in (part for chunk in line.split(",") for part in _joined(chunk)):
            piece = _BULLET.sub("", nfc(piece))
            if not piece:
                continue
            first = next((ch for ch in piece if ch.isalpha()), "")
            if pieces and first and first.islower() and not starts_body(piece):
                pieces[-1] = f"{pieces[-1]}, {piece}"
            else:
                pieces.append(piece)
        if pieces:
            segments.append(pieces)
    return segments


# Roles written in a unit cell: "Sở Nội vụ (chủ trì), Sở Tài chính", "Sở Nội vụ chủ trì, phối
# hợp với Sở Tài chính", "Sở Nội vụ; Sở Tài chính, Sở Y tế phối hợp".
_LEAD_MARK = re.compile(r"(?i)\s*[(\[]?\s*(?:đồng\s+|dong\s+)?(?:chủ\s+trì|chu\s+tri)\s*[)\]]?$")
_WITH_MARK = re.compile(r"(?i)\s*[(\[]?\s*(?:phối\s+hợp|phoi\s+hop)\s*[)\]]?$")
_WITH_FROM = re.compile(
    r"(?i)[,;]?\s*[(\[]?\s*(?:và\s+|va\s+)?(?:phối\s+hợp|phoi\s+hop)\s+(?:với|voi|cùng|cung)\s+"
)


_MAYBE_ROLE = re.compile(r"(?i)ch[uủ]\s+tr[iì]|ph[oốô]i\s+h[oợ]p")
# A role in brackets on a line of its own, under the unit it marks (a narrow column):
# "Sở Nội vụ\n(chủ trì)\nSở Tài chính" is "Sở Nội vụ (chủ trì)", then "Sở Tài chính".
_MARK_ALONE = re.compile(
    r"(?i)[ \t]*\r?\n\s*(?=[(\[]\s*(?:đồng\s+|dong\s+)?"
    r"(?:chủ\s+trì|chu\s+tri|phối\s+hợp|phoi\s+hop)\s*[)\]][ \t]*(?:\r?\n|$))"
)


def slash_roles(value: Value) -> tuple[str, str] | None:
    """A unit cell under a header splitting the roles by a slash (``Chủ trì/Phối hợp``) that
    splits its units so (``Sở Kế hoạch và Đầu tư/Sở Tài chính, Sở Xây dựng``): (lead units,
    coordinating units); None without one slash between two names."""
    written = raw_lines(value)
    if written.count("/") != 1:
        return None
    lead, _, withs = (part.strip(" ,;\n") for part in written.partition("/"))
    return (lead, withs) if lead and withs else None


def unit_roles(value: Value) -> tuple[str, str] | None:
    """A unit cell that says who leads and who coordinates, as (lead units, coordinating
    units), each as a cell ``;`` separates; None when it says no role.

    ``Sở Nội vụ (chủ trì), Sở Tài chính`` and ``Sở Nội vụ chủ trì, phối hợp với Sở Tài chính``:
    the unit marked *chủ trì* leads, the others coordinate; ``Sở Nội vụ; Sở Tài chính, Sở Y tế
    phối hợp``: the units marked *phối hợp* (the group of them before the mark) coordinate,
    the others lead.
    """
    written = raw_lines(value)
    if _MAYBE_ROLE.search(written) is None or not re.search(
        r"\b(?:chu tri|phoi hop)\b", fold(written)
    ):
        return None
    written = _MARK_ALONE.sub(" ", written)
    withs: list[str] = []
    after = ""  # the units after "phối hợp với", as written
    found = _WITH_FROM.search(written)
    if found is not None:
        after = written[found.end() :].strip(" ,;")
        written = written[: found.start()]
    leads: list[str] = []
    loose: list[str] = []
    for pieces in unit_pieces(written):
        waiting: list[str] = []
        for piece in pieces:
            if (mark := _LEAD_MARK.search(piece)) is not None:
                loose.extend(waiting)
                waiting = []
                leads.append(piece[: mark.start()])
            elif (mark := _WITH_MARK.search(piece)) is not None:
                withs.extend([*waiting, piece[: mark.start()]])
                waiting = []
            else:
                waiting.append(piece)
        loose.extend(waiting)
    (leads if not leads else withs).extend(loose)
    # each name read kept whole (a ';' of its own escaped), the units after "phối hợp với" as
    # written, for the coordinating units' cell to be read as any is
    kept = [name.strip(" ,;") for name in leads], [name.strip(" ,;") for name in withs]
    lead_cell = "; ".join(escape_item(n) for n in kept[0] if n)
    with_cell = "; ".join([after] * bool(after) + [escape_item(n) for n in kept[1] if n])
    if not lead_cell and not with_cell:
        return None  # the words alone ("Chủ trì"): no unit named, no role said
    return lead_cell, with_cell


# What registers write before a title or for one: "Đồng chí", "Đ/c", "Lãnh đạo", "GĐ", "PGĐ".
_TITLE_MORE = re.compile(r"^(?:dong chi|d/c|lanh dao|gd|pgd)\b")
# A name with words in brackets after it: "Sở Nội vụ (Giám đốc)", "Sở Nội vụ [đ/c Giám đốc]".
_TITLE_AFTER = re.compile(r"^(.*\S)\s*[(\[]([^()\[\]]+)[)\]]\s*$")


def after_titles(name: str) -> list[str]:
    """What may be a unit's name after a person's title written before it (``Giám đốc Sở Nội
    vụ``, ``Phó Chủ tịch UBND huyện``, ``Trưởng ban Tổ chức Tỉnh ủy``, ``Chánh Văn phòng UBND
    tỉnh``): the name with the title's words taken off one at a time, fewest first (the last
    word of a title may begin the unit's name: *Ban* Tổ chức, *Văn phòng* UBND); empty when
    it starts with no title. The titles are the extractor's
    (:data:`dirtrack.extract.lexicon.TITLE_HEADS`), and ``Đồng chí``, ``Lãnh đạo``, ``GĐ``.
    A title in brackets after the name (``Sở Nội vụ (Giám đốc)``, ``Sở Nội vụ (đ/c Giám
    đốc)``) is taken off the same way: the name before the brackets comes first."""
    from dirtrack.extract.lexicon import TITLE_HEAD_RE  # only for a name no unit has

    rests: list[str] = []
    after = _TITLE_AFTER.match(name)
    if after is not None:
        said = fold(after[2]).strip()
        if TITLE_HEAD_RE.match(said) or _TITLE_MORE.match(said):
            name = after[1]
            rests.append(name)
    words = name.split()
    at = 0
    while at < len(words) - 1:
        key = fold(" ".join(words[at:]))
        head = TITLE_HEAD_RE.match(key) or _TITLE_MORE.match(key)
        if head is None:
            break
        n = len(head[0].split())
        rests += [" ".join(words[at + k :]) for k in range(1, n + 1) if at + k < len(words)]
        at += n
    return rests


# The words a body's name starts with (folded): "sở tài chính", "ban dân vận", "ubnd huyện".
_HEADS = re.compile(
    r"^(?:so|ban|ubnd|hdnd|uy ban|phong|van phong|trung tam|cong an|bo|cuc|chi cuc|hoi"
    r"|doan|huyen uy|thi uy|thanh uy|tinh uy|quan uy|dang uy|mat tran|mttq|lien doan|vien"
    r"|truong|benh vien|bao|dai|kho bac|ngan hang|cong ty|tong cong ty|toa an|vien kiem sat"
    r"|chi nhanh|bql|ban quan ly|bch|bo chi huy|ttyt|trung tam y te)\s+\S"
)
# A group of bodies: "các sở, ngành liên quan", "những địa phương có liên quan".
_GROUP_START = re.compile(r"^(?:cac|nhung)\s+\S")


def starts_body(piece: str) -> bool:
    """Whether a piece of a unit cell written in lower case begins a body's own name (``sở
    kế hoạch và đầu tư``, ``các huyện``) rather than going on with the name before it (``thị xã``,
    ``thể thao và du lịch``)."""
    key = fold(piece).strip(" .")
    if key in _KINDS:  # "đoàn thể", "ban": a kind of body listed after another
        return False
    return _HEADS.match(key) is not None or _GROUP_START.match(key) is not None


# "các", "những" before a kind of body: "UBND các huyện", "Các sở, ban, ngành".
_BODIES = re.compile(r"\b(?:cac|nhung)\s+\w")
# Kinds of body listed after a comma ("Cơ quan, đơn vị", "Sở, ban, ngành"), folded.
_KINDS = frozenset(
    {
        "so", "ban", "nganh", "huyen", "thi xa", "thanh pho", "xa", "phuong", "thi tran",
        "quan", "co quan", "don vi", "dia phuong", "doanh nghiep", "to chuc", "doan the",
        "hoi", "truong", "tinh", "mat tran", "ban nganh", "doan the chinh tri xa hoi",
        "huyen uy", "thi uy", "thanh uy", "quan uy", "dang uy", "dia phuong lien quan",
    }
)  # fmt: skip


def names_bodies(name: str) -> bool:
    """Whether a unit name read from a cell names a group of bodies, not one: ``UBND các
    huyện, thị xã, thành phố``, ``Các sở, ban, ngành``, ``Cơ quan, đơn vị`` (kinds of body
    :func:`unit_pieces` joined at a comma); not ``Sở Văn hóa, thể thao và du lịch``."""
    key = fold(name)
    if _BODIES.search(key) is not None:
        return True
    rest = [piece.strip(" .") for piece in key.split(",")[1:]]
    return bool(rest) and all(piece in _KINDS for piece in rest)


_DOC = re.compile(r"(?<![\w/-])(\d{1,5}\s*[-/]\s*[A-ZĐ][A-Za-zĐđ]*(?:[-/.][A-Za-zĐđ0-9]+)*)")


def doc_number(written: str) -> str | None:
    """The number of a document named in text: ``46-QĐ/ThU``, ``304/TB-VPCP``, ``111-KL/TU``."""
    found = _DOC.search(nfc(written))
    return re.sub(r"\s+", "", found[1]) if found else None


def meeting_kind(written: str) -> MeetingKind:
    """Guess the kind of a meeting from its title."""
    key = fold(written)
    if "giao ban" in key:
        return MeetingKind.BRIEFING
    if "so ket" in key or "tong ket" in key:
        return MeetingKind.REVIEW
    if "hoi nghi" in key:
        return MeetingKind.CONFERENCE
    return MeetingKind.WORKING_SESSION


_ROMAN_OR_LETTER = re.compile(r"^(?:[ivxlc]+|[a-z]|phan\s+[ivxlc\d]+)[.):]?$")
_HEADING_START = re.compile(r"^(?:[IVXLC]+|[A-Z])[.):]\s")


def is_heading_mark(stt: str, written: str) -> bool:
    """``I``, ``II.``, ``A``, ``Phần I`` in the STT column, or text that starts ``II. ``."""
    return bool(_ROMAN_OR_LETTER.match(fold(stt))) or bool(_HEADING_START.match(written))
