"""Pass 3 of a sheet import: what the rows say, written in the caller's one transaction: new units
and meetings, new directives in bulk (a chunk at a time) with their coordinating units, progress,
extensions and requests, the updates of recorded directives, and what passes from a retired unit
to its successor.

Nothing here decides: every outcome was settled by :mod:`.match`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dirtrack.models import Directive
from dirtrack.store import bulk
from dirtrack.store.results import complete
from dirtrack.store.units import hand_over_retired, settle_closed
from dirtrack.text import fold
from dirtrack.transfer.base import ImportResult
from dirtrack.transfer.sheet_import.plan import Outcome, Planned
from dirtrack.transfer.sheet_import.report import Reporting

WRITE_CHUNK = 10_000  # new directives inserted at a time


class Writing(Reporting):
    """Writing the outcomes (see the module)."""

    def _write(self, result: ImportResult) -> None:
        """Write what the plans say, new directives a chunk at a time (memory stays flat)."""
        session = self.session
        self.progress.stage("writing", sum(len(p.outcomes or []) for p in self.plans))
        unit_ids = self._write_units()
        meeting_ids: dict[int, int] = {}
        if self.new_meetings:
            ids = bulk.insert_with_ids(
                session,
                bulk.MEETING,
                [
                    {"date": m.day, "title": m.title, "kind": m.kind.value, "doc": m.doc}
                    for m in self.new_meetings
                ],
            )
            meeting_ids = {-(i + 1): mid for i, mid in enumerate(ids)}

        def unit(ref: int) -> int:
            return ref if ref > 0 else unit_ids[ref]

        created: list[tuple[Planned, Outcome]] = []
        counts = {"progress": 0, "extensions": 0, "requests": 0}
        updated: list[tuple[Planned, Outcome]] = []
        for p in self.plans:
            for o in p.outcomes or ():
                if o.action == "create":
                    created.append((p, o))
                    if len(created) >= WRITE_CHUNK:
                        self._create(created, unit, meeting_ids, counts, result)
                        created = []
                elif o.action == "update":
                    updated.append((p, o))
        self._create(created, unit, meeting_ids, counts, result)
        self._update(updated, unit, counts)
        result.created.update(counts)
        self._report_rows(result)  # again: with the ids of the directives written

    def _write_units(self) -> dict[int, int]:
        if not self.new_units:
            return {}
        self._new_codes()
        ids = bulk.insert_with_ids(
            self.session,
            bulk.UNIT,
            [
                {"code": u.code, "code_key": fold(u.code), "name": u.name, "name_key": fold(u.name)}
                for u in self.new_units
            ],
        )
        return {-(i + 1): uid for i, uid in enumerate(ids)}

    def _create(
        self,
        made: list[tuple[Planned, Outcome]],
        unit: Callable[[int], int],
        meeting_ids: dict[int, int],
        counts: dict[str, int],
        result: ImportResult,
    ) -> None:
        if not made:
            return
        rows = [
            {
                "meeting_id": p.meeting if p.meeting > 0 else meeting_ids[p.meeting],
                "unit_id": unit(o.unit),
                "text": p.text,
                "original_due": p.due,
                "due_text": p.due_text,
                "product": p.product,
                "key": None if p.key_made else p.key,
                "completed_on": p.completed_on,
                "completed_on_exact": p.completed_on_exact,
                "completion_note": p.completion_note,
                "cancelled_on": p.cancelled_on,
                "cancel_reason": p.cancel_reason,
            }
            for p, o in made
        ]
        ids = bulk.insert_with_ids(self.session, bulk.DIRECTIVE, rows)
        del rows
        coordinators: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for (p, o), directive_id in zip(made, ids, strict=True):
            o.directive_id = directive_id
            lead = unit(o.unit)
            for ref in p.withs:
                other = unit(ref)
                if other != lead:
                    coordinators.append({"directive_id": directive_id, "unit_id": other})
            if p.percent is not None or p.note is not None:
                entries.append(self._progress_row(p, directive_id))
        extensions = [
            self._extension_row(p, directive_id)
            for (p, _), directive_id in zip(made, ids, strict=True)
            if p.extended_to is not None
        ]
        bulk.insert_rows(self.session, bulk.COORDINATOR, coordinators)
        bulk.insert_rows(self.session, bulk.PROGRESS, entries)
        bulk.insert_rows(self.session, bulk.EXTENSION, extensions)
        counts["progress"] += len(entries)
        counts["extensions"] += len(extensions)
        for (p, _), directive_id in zip(made, ids, strict=True):
            if p.asked is not None:
                self._ask(p, directive_id)
                counts["requests"] += 1
            if p.submitted_on is not None:
                self.session.flush()
                complete(self.session, directive_id, on=p.submitted_on, regime=self.regime)
        self._hand_over(made)
        result.directive_ids.extend(ids)
        self.progress.advance(len(ids))

    def _update(
        self,
        changed: list[tuple[Planned, Outcome]],
        unit: Callable[[int], int],
        counts: dict[str, int],
    ) -> None:
        if not changed:
            return
        updates: list[dict[str, Any]] = []
        replaced: list[int] = []
        coordinators: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        extensions: list[dict[str, Any]] = []
        for p, o in changed:
            directive_id = o.directive_id
            assert directive_id is not None
            if o.updates:
                updates.append({"id": directive_id, **o.updates})
            if o.replace_with:
                replaced.append(directive_id)
                lead = unit(o.unit)
                coordinators.extend(
                    {"directive_id": directive_id, "unit_id": unit(r)}
                    for r in dict.fromkeys(p.withs)
                    if unit(r) != lead
                )
            if o.add_progress:
                entries.append(self._progress_row(p, directive_id))
            if o.extend:
                extensions.append(self._extension_row(p, directive_id))
        bulk.update_by_id(self.session, Directive, updates)
        bulk.replace_coordinators(self.session, replaced, coordinators)
        bulk.insert_rows(self.session, bulk.PROGRESS, entries)
        bulk.insert_rows(self.session, bulk.EXTENSION, extensions)
        self._settle_closed(changed)
        for p, o in changed:
            if o.ask:
                assert o.directive_id is not None
                self._ask(p, o.directive_id)
                counts["requests"] += 1
            if o.claim:
                assert o.directive_id is not None and p.submitted_on is not None
                self.session.flush()
                complete(self.session, o.directive_id, on=p.submitted_on, regime=self.regime)
        counts["progress"] += len(entries)
        counts["extensions"] += len(extensions)
        self.progress.advance(len(changed))

    def _ask(self, p: Planned, directive_id: int) -> None:
        """Record the row's request for a new deadline as ``request extend`` does, asked on the
        sheet's day (not before the meeting), its words the reason."""
        from dirtrack.store.results import EXTEND, ask

        assert p.asked is not None and p.asked.to is not None
        day = p.asked_on
        self.session.flush()
        ask(
            self.session,
            directive_id,
            kind=EXTEND,
            on=day,
            reason=p.asked.cell,
            to_due=p.asked.to,
            due_text=p.asked.text,
        )

    def _hand_over(self, made: list[tuple[Planned, Outcome]]) -> None:
        """Each directive just created that names a unit retired since its meeting: its part
        passes to the successor from the day the unit retired, as ``assign`` does
        (:func:`hand_over_retired`, which keeps what passed for the command to say)."""
        retired = {uid for uid, u in self.index.units.items() if u.retired_on is not None}
        if not retired:
            return
        self.session.flush()
        for p, o in made:
            if o.directive_id is not None and retired & {o.unit, *p.withs}:
                directive = self.session.get(Directive, o.directive_id)
                assert directive is not None
                hand_over_retired(self.session, directive)

    def _settle_closed(self, changed: list[tuple[Planned, Outcome]]) -> None:
        """Each recorded directive the rows closed (or whose closing day they changed), where a
        unit has retired: held as ``done`` and ``cancel`` leave it (:func:`settle_closed`)."""
        if not any(u.retired_on is not None for u in self.index.units.values()):
            return
        self.session.flush()
        for _, o in changed:
            if o.directive_id is None or not {"completed_on", "cancelled_on"} & set(o.updates):
                continue
            directive = self.session.get(Directive, o.directive_id, populate_existing=True)
            assert directive is not None
            settle_closed(self.session, directive)

    def _extension_row(self, p: Planned, directive_id: int) -> dict[str, Any]:
        extended = p.extended_to is not None
        return {
            "directive_id": directive_id,
            "approved_on": p.approved_on,
            "new_due": p.due_in_force,
            "due_text": p.extended_text if extended else p.due_text,
            "reason": f"import {self.path.name}",
        }

    def _progress_row(self, p: Planned, directive_id: int) -> dict[str, Any]:
        return {
            "directive_id": directive_id,
            "reported_on": p.progress_day,
            "percent": p.percent,
            "note": p.note,
        }
