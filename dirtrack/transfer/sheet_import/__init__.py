"""Importing an office follow-up sheet (.xlsx or .csv): one directive per row and lead unit.

Three passes; nothing is written unless the first two found no problem:

1. *read*: find the table (:mod:`.tables`, :mod:`dirtrack.transfer.layout`) and read every row
   into a :class:`~.plan.Planned` directive (:mod:`.rows`, with :mod:`.row_kinds`,
   :mod:`.units`, :mod:`.meetings`, :mod:`.status_cells`), noting each problem with its row and
   column;
2. *match*: with a key column, find the directives earlier imports made and work out what
   changed; without one, warn about rows that repeat a directive already recorded
   (:mod:`.match`);
3. *write*: create units (only with ``--create-units``) and meetings, insert the new
   directives, their coordinating units and progress in bulk, and apply the updates, all in the
   caller's one transaction (:mod:`.write`).

The result, written or not, is :mod:`.report`'s. This module holds the entry points the
registry names (:func:`run_xlsx`, :func:`run_csv`) and the order of the passes; the state they
share is :mod:`.state`.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from dirtrack.errors import InvalidInput, NotFound
from dirtrack.store import bulk
from dirtrack.store.calendar import load_workdays
from dirtrack.store.results import office_regime
from dirtrack.store.units import UnitIndex
from dirtrack.text import fold_words, nfc
from dirtrack.transfer.base import ImportOptions, ImportRejected, ImportResult, Progress
from dirtrack.transfer.headers import parse_map
from dirtrack.transfer.sheet_import.match import Matching
from dirtrack.transfer.sheet_import.rows import RowReading
from dirtrack.transfer.sheet_import.write import Writing


def run_xlsx(
    session: Session, path: Path, options: ImportOptions, progress: Progress
) -> ImportResult:
    """Import an Excel follow-up sheet (the registry's handler for ``xlsx``)."""
    return SheetImport(session, path, options, progress, kind="xlsx").run()


def run_csv(
    session: Session, path: Path, options: ImportOptions, progress: Progress
) -> ImportResult:
    """Import a CSV follow-up sheet (the registry's handler for ``csv``)."""
    return SheetImport(session, path, options, progress, kind="csv").run()


class SheetImport(RowReading, Matching, Writing):
    """One import of one file: :meth:`run` reads, matches and (unless a dry run, or a row is
    bad) writes."""

    def run(self) -> ImportResult:
        pairs = parse_map(self.options.mapping)
        # A key column named on the command line must identify every row; one found by its
        # header ("Mã") may leave rows without a key.
        self.key_required = any(name == "key" for _, name in pairs)
        self.key_required |= self.options.key_column is not None
        if self.options.key_column is not None:
            pairs.append((nfc(self.options.key_column), "key"))
        self.progress.stage("reading")
        try:
            layouts = self.tables.layouts(pairs)
        except InvalidInput as exc:
            raise self._named_by_option(exc) from None
        self.index = UnitIndex.load(self.session)
        # "Trước ngày 15/3/2025", "trong 10 ngày làm việc": on the office's calendar, as assign
        self.calendar = load_workdays(self.session.connection())
        self.regime = office_regime(self.session)
        # the office decides completions by acceptance: a product submitted is one reported
        self.waits = self.regime.accepts and self.regime.by_acceptance
        self.meetings = {m.id: m for m in bulk.all_meetings(self.session)}
        self._index_meetings()
        if self.options.meeting_id is not None and self.options.meeting_id not in self.meetings:
            raise NotFound.of("no_meeting", id=self.options.meeting_id)
        self.progress.stage("checking")
        for layout in layouts:
            self._read(layout)
        self._match()
        result = self._result()
        if result.problems and not self.options.dry_run:
            # the file, and the one sheet read (rows of several are named with their sheet)
            sheet = self.parts[0].layout.sheet.name if not self.several else None
            raise ImportRejected(self._where(sheet), result.problems, self._hint(result))
        if not self.options.dry_run and not result.problems:
            self._write(result)
        return result

    def _named_by_option(self, exc: InvalidInput) -> InvalidInput:
        """``exc`` as the option that named the missing column says it: ``--key-column`` is
        looked for among the headers as ``--map``'s columns are, but a column it names that the
        header lacks is its own mistake, not ``--map``'s."""
        key = self.options.key_column
        # the refusal as it names the file and sheet (Tables._refused), or as it was
        inner = exc.params.get("reason", exc)
        if not isinstance(inner, InvalidInput) or inner.key != "map_no_column" or key is None:
            return exc
        if fold_words(str(inner.params.get("column", ""))) != fold_words(nfc(key)):
            return exc
        said = InvalidInput.of("key_column_no_column", **inner.params)
        if inner is exc:
            return said
        return InvalidInput.of(exc.key or "", **{**exc.params, "reason": said})
