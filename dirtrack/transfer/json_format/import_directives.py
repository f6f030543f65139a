"""The directives and limitations of an export read, checked and written: a directive's parts
(progress, extensions, requests, its result, moves, handovers, the closures reopenings ended),
each day checked against its meeting and the days before it, written in batches; limitations
and the links between those raised again.

The other sections are :mod:`.import_sections`; what every section shares is
:mod:`.import_state`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.models import Limitation
from dirtrack.store import bulk
from dirtrack.store import tables as t
from dirtrack.store.directives import closure_exact
from dirtrack.store.units import log_handover, log_move
from dirtrack.text import fold
from dirtrack.transfer.json_format.checks import check_not_before, find_cycle
from dirtrack.transfer.json_format.import_state import ImportState, no_id
from dirtrack.transfer.json_format.records import (
    BATCH,
    CLOSURE_RESULT,
    NO_RESULT,
    DirectiveOut,
    HandoverOut,
    MoveOut,
    RequestOut,
    ResultOut,
)


class DirectiveSections(ImportState):
    """Reading and writing directives and limitations."""

    def read_directive_parts(self, d: DirectiveOut, where: str) -> int | None:
        """Check what version 2 added to a directive: its series and period, its field, the
        ids of its progress entries and extensions, its requests. Returns its field's id."""
        self.ref("series", d.series_id, f"{where}.series_id")
        self.check_period(d, where)
        if d.series_id is not None and d.period is not None:
            if (d.series_id, d.period) in self.periods:
                raise InvalidInput.of("json_same_value", where=f"{where}.period", value=d.period)
            self.periods.add((d.series_id, d.period))
        field_id = self.field_id(d.field, f"{where}.field")
        for entry in d.progress:
            self.new_id("directives.progress", entry.id)
        for ext in d.extensions:
            self.new_id("directives.extensions", ext.id)
        own = {ext.id for ext in d.extensions}
        for n, asked in enumerate(d.requests):
            at = f"{where}.requests[{n}]"
            self.new_id("directives.requests", asked.id)
            if asked.extension_id is not None and asked.extension_id not in own:
                raise InvalidInput.of(
                    "json_no_ref", where=f"{at}.extension_id", what=f"{where}.extensions",
                    id=asked.extension_id,
                )  # fmt: skip
            self.check_request(asked, at, d.meeting_id, d.issued_on)
        if d.result is not None:
            self.check_result(d.result, f"{where}.result", d.meeting_id, d.issued_on)
        self.check_closures(d, where)
        self.check_returned(d, where)
        return field_id

    def check_period(self, d: DirectiveOut, where: str) -> None:
        """An occurrence of a series names its period as the series labels it (2026-06 for a
        monthly one), which is how the series knows which occurrences it made; a directive of
        no series has none. Another period was stored as it came: the series did not know the
        occurrence, and a directive of no series showed a period in the lists."""
        from dirtrack.periods import is_label
        from dirtrack.store.series import EVERY

        if d.series_id is None:
            if d.period is not None:
                raise InvalidInput.of("json_period_no_series", where=f"{where}.period")
            return
        every = self.series_every.get(d.series_id)
        if every is None:
            return  # a series the document does not hold: ref said so, or its version has none
        if d.period is None or not is_label(EVERY[every], d.period):
            raise InvalidInput.of(
                "json_period_of_series",
                where=f"{where}.period",
                value=d.period,
                series=d.series_id,
            )

    def check_returned(self, d: DirectiveOut, where: str) -> None:
        """The order `done` and `return` keep for the completions returned and reported again
        since: each reported on or after the meeting (and after the return before it), its
        document dated between the meeting and the report, returned on or after the report and
        on or before the next completion was reported."""
        returned: date | None = None
        for n, kept in enumerate(d.returned_completions):
            at = f"{where}.returned_completions[{n}]"
            self.new_id("directives.returned_completions", kept.id)
            claim = ResultOut.model_construct(
                **kept.model_dump(exclude={"id", "note"}), accepted_on=None
            )
            self.check_result(claim, at, d.meeting_id, d.issued_on)
            check_not_before(f"{at}.claimed_on", "completion", kept.claimed_on, "return", returned)
            returned = kept.returned_on
        if d.result is not None:
            at = f"{where}.result.claimed_on"
            check_not_before(at, "completion", d.result.claimed_on, "return", returned)

    def check_closures(self, d: DirectiveOut, where: str) -> None:
        """The order `reopen` keeps: each closure on or after the meeting (and after the
        reopening before it), reopened on or after its day; a result only for a completion;
        the directive's own closure on or after the last reopening. The status rules read at
        most one closure in force on a day: their spans never overlap."""
        held = self.held[d.meeting_id]
        reopened: date | None = None
        what = {"done": "completion", "cancelled": "cancellation", "withdrawn": "answer"}
        for n, ended in enumerate(d.closures):
            at = f"{where}.closures[{n}]"
            self.new_id("directives.closures", ended.id)
            kind = what[ended.kind]
            self.not_before(
                f"{at}.closed_on", d.meeting_id, held, kind, ended.closed_on, d.issued_on
            )
            check_not_before(f"{at}.closed_on", kind, ended.closed_on, "reopening", reopened)
            check_not_before(
                f"{at}.reopened_on", "reopening", ended.reopened_on, kind, ended.closed_on
            )
            if ended.result is not None:
                if ended.kind != "done":
                    raise InvalidInput.of("json_result_not_done", where=f"{at}.result")
                if ended.result.returned_on is not None or ended.result.return_reason:
                    # `return` opens the directive again: no reopening ends a returned one
                    raise InvalidInput.of("json_closure_returned", where=f"{at}.result")
                self.check_result(ended.result, f"{at}.result", d.meeting_id, d.issued_on)
            reopened = ended.reopened_on
        for key, kind in (
            ("completed_on", "completion"),
            ("cancelled_on", "cancellation"),
            ("withdrawn_on", "answer"),
        ):
            check_not_before(f"{where}.{key}", kind, getattr(d, key), "reopening", reopened)

    def check_request(self, asked: RequestOut, at: str, meeting: int, issued: date | None) -> None:
        """The order `request`, `approve` and `reject` keep: asked on or after the meeting, a
        new deadline for a request of more time, answered on or after the asking, with the day
        of the answer given exactly when there is one, and a refusal's reason."""
        held = self.held[meeting]
        self.not_before(f"{at}.asked_on", meeting, held, "request", asked.asked_on, issued)
        self.not_before(f"{at}.to_due", meeting, held, "new_deadline", asked.to_due, issued)
        if asked.kind == "extend" and asked.to_due is None:
            raise InvalidInput.of("json_missing", where=f"{at}.to_due")
        if (asked.decision is None) != (asked.decided_on is None):
            raise InvalidInput.of("json_answer_day", where=f"{at}.decided_on")
        check_not_before(f"{at}.decided_on", "answer", asked.decided_on, "request", asked.asked_on)
        if asked.decision == "rejected" and not asked.decision_reason:
            raise InvalidInput.of("json_no_reason", where=f"{at}.decision_reason")

    def check_result(self, result: ResultOut, at: str, meeting: int, issued: date | None) -> None:
        """The order `done`, `accept` and `return` keep: reported on or after the meeting, its
        document dated between the meeting and the report, accepted or sent back (not both,
        and a return with its reason) on or after the report."""
        held = self.held[meeting]
        self.not_before(f"{at}.claimed_on", meeting, held, "completion", result.claimed_on, issued)
        self.not_before(f"{at}.doc_date", meeting, held, "result_doc", result.doc_date, issued)
        check_not_before(
            f"{at}.claimed_on", "completion", result.claimed_on, "result_doc", result.doc_date
        )
        check_not_before(
            f"{at}.accepted_on", "acceptance", result.accepted_on, "completion", result.claimed_on
        )
        check_not_before(
            f"{at}.returned_on", "return", result.returned_on, "completion", result.claimed_on
        )
        if result.accepted_on is not None and result.returned_on is not None:
            raise InvalidInput.of("json_accepted_returned", where=at)
        if result.returned_on is not None and not result.return_reason:
            raise InvalidInput.of("json_no_reason", where=f"{at}.return_reason")

    def read_directives(self, events: Iterator[tuple[str, str, Any]]) -> None:
        batch: dict[str, list[dict[str, Any]]] = defaultdict(list)
        count = 0
        for i, d in self.records("directives", events):
            where = f"directives[{i}]"
            self.directives.add(d.id)
            held = self.meeting_day(d.meeting_id, where)
            self.unit(d.unit, where)
            self.units_listed(d.with_, f"{where}.with", d.unit)
            if d.key is not None:
                if (d.key, d.unit) in self.directive_keys:
                    raise InvalidInput.of("json_same_directive_key", key=d.key)
                self.directive_keys.add((d.key, d.unit))
            meeting, issued = d.meeting_id, d.issued_on
            closed = [k for k in ("completed_on", "cancelled_on", "withdrawn_on") if getattr(d, k)]
            if len(closed) > 1:  # `cancel`, `done` and `request withdraw` refuse a closed one
                raise InvalidInput.of("json_closed_twice", where=f"{where}.{closed[1]}")
            self.not_before(
                f"{where}.original_due", meeting, held, "deadline", d.original_due, issued
            )
            self.not_before(
                f"{where}.completed_on", meeting, held, "completion", d.completed_on, issued
            )
            self.not_before(
                f"{where}.cancelled_on", meeting, held, "cancellation", d.cancelled_on, issued
            )
            for n, entry in enumerate(d.progress):
                at = f"{where}.progress[{n}].reported_on"
                self.not_before(at, meeting, held, "progress", entry.reported_on, issued)
            for n, ext in enumerate(d.extensions):
                at = f"{where}.extensions[{n}]"
                self.not_before(
                    f"{at}.approved_on", meeting, held, "approval", ext.approved_on, issued
                )
                self.not_before(f"{at}.new_due", meeting, held, "new_deadline", ext.new_due, issued)
            field_id = self.read_directive_parts(d, where)
            for n, move in enumerate(d.moves):
                at = f"{where}.moves[{n}]"
                self.unit(move.from_, f"{at}.from")
                self.unit(move.to, f"{at}.to")
                if move.from_ == move.to:
                    raise InvalidInput.of("json_move_same_unit", where=at, unit=move.to)
                self.not_before(f"{at}.on", meeting, held, "move", move.on)
            for n, handover in enumerate(d.handovers):
                at = f"{where}.handovers[{n}]"
                self.unit(handover.from_, f"{at}.from")
                if handover.to is not None:
                    self.unit(handover.to, f"{at}.to")
                if handover.from_ == handover.to:
                    raise InvalidInput.of("json_move_same_unit", where=at, unit=handover.to)
                self.not_before(f"{at}.on", meeting, held, "move", handover.on)
            self.created["directives"] += 1
            self.created["progress"] += len(d.progress)
            self.created["extensions"] += len(d.extensions)
            self.created["results"] += d.result is not None
            self.created["requests"] += len(d.requests)
            if not self.write:
                continue
            unit_ids = self.unit_ids
            batch["directives"].append(
                {
                    "id": d.id,
                    "meeting_id": meeting,
                    "unit_id": unit_ids[d.unit],
                    "text": d.text,
                    "original_due": d.original_due,
                    "due_text": d.due_text,
                    "product": d.product,
                    "key": d.key,
                    "completed_on": d.completed_on,
                    "completed_on_exact": d.completed_on_exact,
                    "completion_note": d.completion_note,
                    "cancelled_on": d.cancelled_on,
                    "cancel_reason": d.cancel_reason,
                    "created_at": d.created_at,
                    "series_id": d.series_id,
                    "period": d.period,
                    "issued_on": d.issued_on,
                    "withdrawn_on": d.withdrawn_on,
                    "field_id": field_id,
                }
            )
            batch["with"] += ({"directive_id": d.id, "unit_id": unit_ids[c]} for c in d.with_)
            batch["progress"] += (
                no_id(
                    {
                        "id": e.id,
                        "directive_id": d.id,
                        "reported_on": e.reported_on,
                        "percent": e.percent,
                        "note": e.note,
                        "created_at": e.created_at,
                    }
                )
                for e in d.progress
            )
            batch["extensions"] += (
                no_id(
                    {
                        "id": e.id,
                        "directive_id": d.id,
                        "approved_on": e.approved_on,
                        "new_due": e.new_due,
                        "due_text": e.due_text,
                        "reason": e.reason,
                        "created_at": e.created_at,
                    }
                )
                for e in d.extensions
            )
            if d.result is not None:
                batch["results"].append({"directive_id": d.id, **d.result.model_dump()})
            batch["requests"] += ({"directive_id": d.id, **r.model_dump()} for r in d.requests)
            batch["closures"] += (
                {
                    "directive_id": d.id,
                    **c.model_dump(exclude={"result"}),
                    # as `reopen` stores it: a cancellation's day is exact, whatever was written
                    "completed_on_exact": closure_exact(c.kind, c.completed_on_exact),
                    **(
                        c.result.model_dump(include=set(CLOSURE_RESULT))
                        if c.result is not None
                        else NO_RESULT
                    ),
                }
                for c in d.closures
            )
            batch["returned"] += (
                {"directive_id": d.id, **r.model_dump()} for r in d.returned_completions
            )
            batch["moves"] += ({"directive_id": d.id, "move": m} for m in d.moves)
            batch["handovers"] += ({"directive_id": d.id, "handover": h} for h in d.handovers)
            count += 1
            if count == BATCH:
                self.flush_directives(batch)
                count = 0
        self.flush_directives(batch)

    def flush_directives(self, batch: dict[str, list[dict[str, Any]]]) -> None:
        session = self.session
        bulk.insert_rows(session, bulk.DIRECTIVE, batch["directives"])
        bulk.insert_rows(session, bulk.COORDINATOR, batch["with"])
        bulk.insert_rows(session, bulk.PROGRESS, batch["progress"])
        bulk.insert_rows(session, bulk.EXTENSION, batch["extensions"])
        bulk.insert_rows(session, t.directive_result, batch["results"])
        bulk.insert_rows(session, t.request, batch["requests"])
        bulk.insert_rows(session, t.closure, batch["closures"])
        bulk.insert_rows(session, t.returned_completion, batch["returned"])
        for moved in batch["moves"]:  # kept where `unit retire` keeps them: the change log
            move: MoveOut = moved["move"]
            log_move(
                session, moved["directive_id"], move.on,
                (self.unit_ids[move.from_], move.from_), (self.unit_ids[move.to], move.to),
            )  # fmt: skip
        for handed in batch["handovers"]:  # kept where `unit retire` keeps them too
            handover: HandoverOut = handed["handover"]
            to = handover.to
            log_handover(
                session, handed["directive_id"], handover.on,
                (self.unit_ids[handover.from_], handover.from_),
                (self.unit_ids[to], to) if to is not None else None,
            )  # fmt: skip
        self.progress.advance(len(batch["directives"]))
        batch.clear()

    def read_limitations(self, events: Iterator[tuple[str, str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        for i, lim in self.records("limitations", events):
            where = f"limitations[{i}]"
            if lim.id in self.repeats:
                raise InvalidInput.of("json_same_id", what="limitations", id=lim.id)
            self.repeats[lim.id] = lim.repeat_of
            held = self.meeting_day(lim.meeting_id, where)
            self.unit(lim.unit, f"{where}.unit")
            self.not_before(
                f"{where}.resolved_on", lim.meeting_id, held, "resolution", lim.resolved_on
            )
            if lim.repeat_of == lim.id:
                raise InvalidInput.of("json_repeat_self", where=f"{where}.repeat_of", id=lim.id)
            self.created["limitations"] += 1
            if not self.write:
                continue
            # A link to a limitation already written goes in with the row; one to a later
            # limitation once that is written.
            written = lim.repeat_of is None or lim.repeat_of in self.repeats
            if not written:
                self.forward.append({"id": lim.id, "repeat_of_id": lim.repeat_of or 0})
            rows.append(
                {
                    "id": lim.id,
                    "meeting_id": lim.meeting_id,
                    "unit_id": self.unit_ids[lim.unit],
                    "text": lim.text,
                    "text_key": fold(lim.text),
                    "category": lim.category.value,
                    "resolved_on": lim.resolved_on,
                    "resolve_note": lim.resolve_note,
                    "repeat_of_id": lim.repeat_of if written else None,
                    "created_at": lim.created_at,
                }
            )
            if len(rows) >= BATCH:
                self.flush_limitations(rows)
        self.flush_limitations(rows)
        self.check_repeats()
        if self.write:
            bulk.update_by_id(self.session, Limitation, self.forward)

    def flush_limitations(self, rows: list[dict[str, Any]]) -> None:
        bulk.insert_rows(self.session, bulk.LIMITATION, rows)
        self.progress.advance(len(rows))
        rows.clear()

    def check_repeats(self) -> None:
        """Every link names a limitation, and no chain of links comes back on itself."""
        repeats = self.repeats
        order = {lim_id: i for i, lim_id in enumerate(repeats)}
        done: set[int] = set()
        for lim_id, target in repeats.items():
            if target is not None and target not in repeats:
                where = f"limitations[{order[lim_id]}].repeat_of"
                raise InvalidInput.of("json_no_limitation", where=where, id=target)
            cycle = find_cycle(repeats, lim_id, done)
            if cycle is not None:
                raise InvalidInput.of(
                    "json_repeat_cycle", where=f"limitations[{order[cycle[0]]}].repeat_of",
                    chain=" → ".join(map(str, cycle)),
                )  # fmt: skip
