"""The meeting of a row: named in its cells (an id, a key, a document number, a title, with its
day), by the heading above it, by the one meeting held on a day its cells give, or by
``--meeting``; a meeting not yet recorded is one the import would create.

A heading row naming a meeting is told apart in :mod:`.row_kinds`; the meeting's day as the bound
of a row's dates is in :mod:`.status_cells`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import FirstFew, Phrase
from dirtrack.text import fold_words
from dirtrack.transfer import values as cells
from dirtrack.transfer.sheet_import.plan import NewMeeting, Planned
from dirtrack.transfer.sheet_import.state import ImportState, MeetingFound, remember
from dirtrack.transfer.values import Value


class MeetingNames(ImportState):
    """Finding the meeting of a row (see the module)."""

    def _index_meetings(self) -> None:
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_doc: dict[str, list[int]] = defaultdict(list)
        self._by_title: dict[str, list[int]] = defaultdict(list)
        for m in self.meetings.values():
            if m.key:
                self._by_key[m.key].append(m.id)
            if m.doc:
                self._by_doc[fold_words(m.doc)].append(m.id)
            self._by_title[fold_words(m.title)].append(m.id)

    def _meeting(self, p: Planned, values: list[Value]) -> None:
        title_value = self._get(values, "meeting")
        doc_value = self._get(values, "doc")
        day_value = self._get(values, "meeting_date")
        column = self._col("meeting") or self._col("doc")
        found: MeetingFound
        if cells.is_blank(title_value) and cells.is_blank(doc_value):
            found = self._meeting_of_day(day_value)
            column = column or self._col("meeting_date")
        else:
            day = None
            if not cells.is_blank(day_value):
                try:
                    day = cells.parse_day(day_value)
                except InvalidInput as exc:
                    p.problem(exc, self._col("meeting_date"))
                    return
            try:
                found = self._find_meeting(
                    cells.text(title_value), cells.text(doc_value) or None, day
                )
            except InvalidInput as exc:
                found = exc
        if not isinstance(found, tuple):
            p.problem(found or Phrase("row_no_meeting"), column)
            return
        p.meeting, p.held = found

    def _meeting_of_day(self, day_value: Value) -> MeetingFound:
        """The meeting of a row naming none in its cells: the heading's above it, else the one
        meeting held on the day a ``Ngày giao`` / ``Ngày họp`` cell gives, else ``--meeting``. A
        day alone never makes a meeting (it has no title: one was made as 'Văn bản None')."""
        if self.current is not None:
            return self.current
        day = None
        if not cells.is_blank(day_value):
            try:
                day = cells.parse_day(day_value)
            except InvalidInput as exc:
                return exc
            held = sorted(i for i, m in self.meetings.items() if m.date == day)
            if len(held) == 1:
                return held[0], day
            if len(held) > 1:
                ids = FirstFew([str(i) for i in held])
                return Phrase("row_meetings_match", shown=cells.show(day_value), ids=ids)
        if self.options.meeting_id is not None:
            return self.options.meeting_id, self.meetings[self.options.meeting_id].date
        if day is not None:
            return Phrase("row_meeting_day_only", day=day)
        return Phrase("row_no_meeting")

    def _find_meeting(
        self, title: str, doc: str | None, day: date | None, *, heading: bool = False
    ) -> MeetingFound:
        """The meeting a cell (or heading) names: an id, a key, a document number or a title.

        A meeting not yet recorded is created with the title, the document number and the day
        found in the cells. Returns why not (a message) when it cannot be told, and None for a
        heading that names no meeting.
        """
        cache_key = (title, doc or "", day)
        if cache_key in self._meeting_cache:
            return self._meeting_cache[cache_key]
        found = self._find_meeting_uncached(title, doc, day, heading)
        return remember(self._meeting_cache, cache_key, found)

    def _find_meeting_uncached(
        self, title: str, doc: str | None, day: date | None, heading: bool
    ) -> MeetingFound:
        if title.isdigit() and doc is None:
            meeting = self.meetings.get(int(title))
            if meeting is None:
                return Phrase("no_meeting", id=title)
            return meeting.id, meeting.date
        # A number and its day in the document column ("45/TB-UBND ngày 10/4/2022"), as the
        # title's cell is read: the number, and the day it was issued
        day = day or (cells.first_day(title) if title else None)
        if doc is not None:
            day = day or cells.first_day(doc)
            doc = cells.doc_number(doc) or doc
        doc = doc or (cells.doc_number(title) if title else None)
        candidates = list(self._by_key.get(title, [])) if title else []
        if not candidates and doc:
            candidates = self._by_doc.get(fold_words(doc), [])
        if not candidates and title:
            candidates = self._by_title.get(fold_words(title), [])
        if day is not None:
            candidates = [i for i in candidates if self.meetings[i].date == day]
        if len(candidates) == 1:
            return candidates[0], self.meetings[candidates[0]].date
        shown = title or doc or ""
        if len(candidates) > 1:
            ids = FirstFew([str(i) for i in sorted(candidates)])
            return Phrase("row_meetings_match", shown=shown, ids=ids)
        if heading and doc is None and day is None:
            return None
        if day is None:
            given = self.options.meeting_id is not None
            return Phrase("row_meeting_when_given" if given else "row_meeting_when", shown=shown)
        key = (fold_words(title), fold_words(doc or ""), day)
        ref = self.new_meeting_refs.get(key)
        if ref is None:
            self.new_meetings.append(
                NewMeeting(title or f"Văn bản {doc}", doc, day, cells.meeting_kind(title))
            )
            ref = -len(self.new_meetings)
            self.new_meeting_refs[key] = ref
        return ref, day

    def _meeting_day(self, p: Planned) -> date | None:
        if p.meeting > 0:
            return self.meetings[p.meeting].date
        if p.meeting < 0:
            return self.new_meetings[-p.meeting - 1].day
        return None

    def _meeting_label(self, p: Planned) -> Any:
        if p.meeting > 0:
            return p.meeting
        if p.meeting < 0:
            new = self.new_meetings[-p.meeting - 1]
            return Phrase("new_meeting_label", title=new.title, day=new.day)
        return None
