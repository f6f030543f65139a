"""What the three passes of a sheet import share: the run's file and options, the register's
units and meetings as loaded, the rows read so far, the units and meetings the import would make,
the worksheet being read, and the caches that keep a long sheet fast.

Holds no rule of reading, matching or writing: :class:`ImportState` is the base of the classes
that do (``rows``, ``row_kinds``, ``status_cells``, ``units``, ``meetings``, ``match``,
``report``, ``write``), each of which reads and sets the state declared here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session

from dirtrack.errors import DirtrackError
from dirtrack.i18n import Phrase
from dirtrack.store.bulk import MeetingRow
from dirtrack.store.results import Regime
from dirtrack.store.units import UnitIndex
from dirtrack.text import MarkedNames
from dirtrack.transfer import values as cells
from dirtrack.transfer.base import ImportOptions, Progress
from dirtrack.transfer.layout import Layout
from dirtrack.transfer.sheet_import.plan import NewMeeting, NewUnit, Part, Planned
from dirtrack.transfer.sheet_import.tables import Tables
from dirtrack.transfer.values import Value
from dirtrack.workdays import Workdays

CACHE_LIMIT = 20_000
_K = TypeVar("_K")
_V = TypeVar("_V")
# The meeting a row names, why none can be told, or None (a heading naming no meeting).
MeetingFound = tuple[int, date] | Phrase | DirtrackError | None
# The units a cell names, why it names no unit (each name), the groups of bodies it names
# (``các sở, ngành liên quan``) in a coordinating column, kept as words, and the names read by
# their initials ("Sở KH&ĐT") or after a title, with the unit each was read as.
UnitsFound = tuple[list[int], list[DirtrackError | Phrase], list[str], list[tuple[str, str, int]]]


def remember(cache: dict[_K, _V], key: _K, found: _V) -> _V:
    """``found`` kept in ``cache`` under ``key``, a cell's reading that the sheet's other rows
    repeat; past :data:`CACHE_LIMIT` entries the cache starts again (memory stays flat)."""
    if len(cache) > CACHE_LIMIT:
        cache.clear()
    cache[key] = found
    return found


class ImportState:
    """The state of one sheet import (see the module)."""

    # Set by the run before the first row is read: the register as the rows are read against it.
    key_required: bool  # a key column named on the command line: every row must have a key
    index: UnitIndex
    calendar: Workdays
    regime: Regime
    waits: bool  # the office decides completions by acceptance: a product submitted is reported
    meetings: dict[int, MeetingRow]
    _by_key: dict[str, list[int]]
    _by_doc: dict[str, list[int]]
    _by_title: dict[str, list[int]]
    # Set for each worksheet read (and again by _at for a row of another): its table, the day it
    # is up to, and the columns its rows are read by.
    part: Part
    layout: Layout
    sheet_day: date | None
    as_of: date
    status_columns: list[int]
    slash_roles: bool
    content: list[int]
    other_header: int | None

    def __init__(
        self,
        session: Session,
        path: Path,
        options: ImportOptions,
        progress: Progress,
        *,
        kind: str,
    ) -> None:
        self.session = session
        self.path = path
        self.options = options
        self.progress = progress
        self.kind = kind
        self.plans: list[Planned] = []
        self.new_units: list[NewUnit] = []
        # each new unit's ref by its name, told apart by its marks too
        self.new_unit_refs: MarkedNames[int] = MarkedNames()
        self.new_meetings: list[NewMeeting] = []
        self.new_meeting_refs: dict[tuple[str, str, date], int] = {}
        self.unknown: dict[str, dict[str, Any]] = {}
        self.current: tuple[int, date] | None = None
        # Without a lead unit column: the unit the last heading named (an error: it named an
        # unknown one), and whether any heading named one.
        self.current_unit: int | DirtrackError | None = None
        self.unit_headings = 0
        self.unit_heading_row = 0
        self.tables = Tables(path, options, kind)
        # Several worksheets in one run (--sheet repeated, or --sheet all)
        self.several = self.tables.several
        self.parts: list[Part] = []
        # (directive id, a sheet's day) -> the recorded directive's deadline in force that day
        self.due_then: dict[tuple[int, date], date | None] = {}
        self._unit_cache: dict[tuple[str, bool, str | None], UnitsFound] = {}
        self._ref_cache: dict[str, int | DirtrackError] = {}
        self._meeting_cache: dict[tuple[str, str, date | None], MeetingFound] = {}
        self._status_cache: dict[Value, cells.Status | DirtrackError] = {}
        # keyed by the value's type too: a number in a date format past Excel's last day
        # (cells.NoDay) equals the same number in a number format, which is read otherwise
        self._due_cache: dict[tuple[type, Value, date | None], cells.DueCell | DirtrackError] = {}

    def _at(self, p: Planned) -> None:
        """Read ``p`` as on its own worksheet: its table's columns and the day it is up to."""
        part = p.part
        if part is not None and part is not self.part:
            self.part, self.layout = part, part.layout
            self.sheet_day, self.as_of = part.sheet_day, part.as_of

    def _where(self, sheet: str | None) -> str:
        """The file, and the worksheet when one is named: ``register.xlsx ('Quý 1')``."""
        return f"{self.path.name} ({sheet!r})" if sheet else self.path.name

    def _planned(self, number: int, **fields: Any) -> Planned:
        return Planned(number, part=self.part, **fields)

    def _get(self, values: list[Value], name: str) -> Value:
        i = self.layout.single.get(name)
        if i is None or i >= len(values):
            return None
        return values[i]

    def _col(self, name: str) -> Any:
        i = self.layout.single.get(name)
        return None if i is None else self.layout.column(i)
