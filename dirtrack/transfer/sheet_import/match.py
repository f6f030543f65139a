"""Pass 2 of a sheet import: each row read matched with the register. With a key, the directive
recorded with that key and unit (or moved by ``edit directive``, or adopted without a key) is
compared field by field into an update; without one, a row repeating a recorded directive, or an
earlier row, is refused; units retired before the meeting are refused as ``assign`` refuses them.

What a row says is :mod:`.rows`; writing the outcome is :mod:`.write`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.status import DirectiveFacts
from dirtrack.store import bulk
from dirtrack.store.directives import not_before_given, same_text_key
from dirtrack.store.units import check_not_retired
from dirtrack.text import nfc, same_spelling
from dirtrack.transfer.sheet_import.meetings import MeetingNames
from dirtrack.transfer.sheet_import.plan import Outcome, Planned
from dirtrack.transfer.sheet_import.units import UnitNames


class Matching(UnitNames, MeetingNames):
    """Matching rows with recorded directives (see the module)."""

    def _match(self) -> None:  # noqa: C901
        """Decide, per row and lead unit, whether to create, update or leave a directive.

        With a key, the directive recorded with that key and unit is updated; failing that, one
        recorded without a key at the same meeting, for the same unit, with the same text is
        adopted (it gets the key). Without a key, a row that repeats a recorded directive is a
        problem: importing a sheet twice must not double it.
        """
        from dirtrack.store.directives import DirectiveFilter, iter_facts
        from dirtrack.store.rules import deadlines_in_force

        ready = [p for p in self.plans if p.problems is None and p.heading is None]
        keys = {p.key for p in ready if p.key}
        by_key = bulk.directive_ids_by_key(self.session, keys) if keys else {}
        # every directive of a meeting, unit and text, in id order: the occurrences of a
        # periodic directive share them, and so do directives recorded --allow-duplicate
        recorded: dict[tuple[int, int, str], list[tuple[int, str | None]]] = defaultdict(list)
        meetings = {p.meeting for p in ready if p.meeting > 0}
        signatures = sorted(bulk.directive_signatures(self.session, meetings))
        for directive_id, meeting_id, unit_id, written, key in signatures:
            recorded[meeting_id, unit_id, same_text_key(written)].append((directive_id, key))
        given_to = self._given_to_retired({d: u for d, _, u, _, _ in signatures})
        for directive_id, meeting_id, unit_id, written, key in signatures:
            if given_to.get(directive_id, unit_id) != unit_id:
                entry = (meeting_id, given_to[directive_id], same_text_key(written))
                recorded[entry].append((directive_id, key))
                recorded[entry].sort()
        wanted = {i for found in by_key.values() for i in found}
        if keys:
            wanted.update(i for found in recorded.values() for i, key in found if key is None)
        facts: dict[int, DirectiveFacts] = {}
        ids = sorted(wanted)
        # Read with everything recorded (its progress, its requests), and the deadline in force
        # on each sheet's day, which a row's deadline is compared with.
        days = {self.as_of, *(p.part.as_of for p in ready if p.part is not None)}
        conn = self.session.connection()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for found in iter_facts(self.session, DirectiveFilter(ids=chunk), as_of=date.max):
                facts[found.id] = found
            for day in days:
                for ident, due in deadlines_in_force(conn, chunk, day).items():
                    self.due_then[ident, day] = due
        keyed: dict[tuple[str, int], DirectiveFacts] = {
            (f.key, f.unit_id): f for f in facts.values() if f.key is not None
        }
        for f in facts.values():
            if f.key is not None and f.id in given_to:
                keyed.setdefault((f.key, given_to[f.id]), f)
        # per key, its directives no row of the sheet names by their own unit: one moved to
        # another unit with edit directive is found by the unit it had (_moved_by_edit)
        named = {keyed[p.key, r].id for p in ready if p.key for r in p.leads if (p.key, r) in keyed}
        unnamed = {
            key: [i for i in found if i in facts and i not in named]
            for key, found in by_key.items()
        }
        moved: set[int] = set()
        seen: dict[tuple[str, int], int | str] = {}
        rows_of: dict[tuple[int, int, str], int | str] = {}  # keyless rows: the first of each
        # rows that make a new directive: the first of each meeting, lead unit and text, with
        # its key (a keyless row's: None)
        made: dict[tuple[int, int, str], tuple[int | str, str | None]] = {}
        adopted: set[int] = set()
        for p in ready:
            self._at(p)
            if self._names_retired(p):
                continue
            p.outcomes = []
            text_key = same_text_key(p.text) if recorded and p.meeting > 0 else ""
            for ref in p.leads:
                alike = recorded.get((p.meeting, ref, text_key), []) if text_key and ref > 0 else []
                same = alike[0] if alike else None
                if p.key is None:
                    # as assign refuses the same text to the same unit at the same meeting
                    first = rows_of.setdefault((p.meeting, ref, same_text_key(p.text)), p.label)
                    if same is not None:
                        p.problem(Phrase("row_repeats", id=same[0]), self._col("text"))
                    elif first != p.label:
                        p.problem(Phrase("row_repeats_row", row=first), self._col("text"))
                    else:
                        self._same_text(p, made, (p.meeting, ref, same_text_key(p.text)))
                        p.outcomes.append(Outcome(ref))
                    continue
                if (p.key, ref) in seen:
                    unit, first = self._unit_label(ref), seen[(p.key, ref)]
                    repeats = Phrase("row_key_repeats", key=p.key, unit=unit, row=first)
                    p.problem(repeats, self._col("key"))
                    continue
                seen[(p.key, ref)] = p.label
                current = keyed.get((p.key, ref)) if ref > 0 else None
                lead = ref
                if current is None and ref > 0 and p.key in unnamed:
                    current = self._moved_by_edit(p, ref, unnamed[p.key], facts)
                    if current is not None:
                        moved.add(current.id)
                        lead = current.unit_id  # the unit it has now: its coordinators' lead
                if current is None:
                    current = self._adopt(p, alike, facts, adopted)
                if current is None:
                    if same is not None:
                        # a new key says it is another, which assign asks --allow-duplicate for
                        p.warn(Phrase("warn_key_same_text", id=same[0], key=p.key))
                    else:
                        self._same_text(p, made, (p.meeting, ref, same_text_key(p.text)))
                    p.outcomes.append(Outcome(ref))
                    continue
                outcome = self._compare(p, lead, current)
                if current.key is None and not p.key_made:
                    outcome.updates["key"] = p.key
                    outcome.changes.append(Phrase("chg_key", key=p.key))
                    outcome.action = "update"
                p.outcomes.append(outcome)
        for key, found_ids in by_key.items():
            rows_of_key = [p for p in ready if p.key == key]
            in_sheet = {ref for p in rows_of_key for ref in p.leads}
            for directive_id in found_ids:
                left = facts.get(directive_id)
                if left is None or not rows_of_key or directive_id in moved:
                    continue
                if left.unit_id not in in_sheet and given_to.get(left.id) not in in_sheet:
                    rows_of_key[0].warn(
                        Phrase("warn_key_elsewhere", id=left.id, unit=left.unit_code, key=key)
                    )

    @staticmethod
    def _same_text(
        p: Planned,
        made: dict[tuple[int, int, str], tuple[int | str, str | None]],
        signature: tuple[int, int, str],
    ) -> None:
        """``p`` makes a new directive of ``signature`` (meeting, lead unit, folded text): when
        an earlier row of the sheet made one of the same with another key, it is another
        directive, as with a recorded one (``warn_key_same_text``): ``p`` says which row it
        repeats (one line for each later row, naming the first). Keyless rows that repeat each
        other are refused before this."""
        first = made.setdefault(signature, (p.label, p.key))
        # a key the export made says only that the register held two: no one asked for another
        if first[0] != p.label and first[1] != p.key and not p.key_made:
            p.warn(Phrase("warn_key_same_row", row=first[0]))

    def _adopt(
        self,
        p: Planned,
        alike: list[tuple[int, str | None]],
        facts: dict[int, DirectiveFacts],
        adopted: set[int],
    ) -> DirectiveFacts | None:
        """The recorded directive without a key that the keyed row ``p`` gives its key to, of
        those of its meeting, unit and text (``alike``, in id order), or None: the one whose
        deadline in force on the sheet's day is the row's (the occurrences of a periodic
        directive differ by it), else the first. Each is adopted once: a row adopting none is
        a new directive."""
        free = [facts[i] for i, key in alike if key is None and i not in adopted]
        if not free:
            return None
        found = next((f for f in free if self._due_then(f) == p.due_in_force), free[0])
        adopted.add(found.id)
        return found

    def _due_then(self, facts: DirectiveFacts) -> date | None:
        """The deadline in force on the sheet's day of the recorded directive ``facts``."""
        return self.due_then[facts.id, self.as_of]

    def _given_to_retired(self, stored: Mapping[int, int]) -> dict[int, int]:
        """The unit each directive that passed from a retired unit to its successor was given
        to, by directive id (none when no unit retired), from the unit it is ``stored`` under
        now and the moves in force for it (:func:`dirtrack.moves.given_to`, the rule
        :func:`dirtrack.store.directives.find_same_directive` follows): such a directive is
        found under that unit as well as under the one that leads it now, so a sheet naming
        the retired unit again (imported twice) repeats it, or updates it by key, rather than
        giving it anew; one corrected to another unit since (``edit directive --unit``) is that
        unit's on every day, and the retired unit named again gives it anew."""
        from dirtrack.moves import given_to
        from dirtrack.store.units import load_moves

        if not any(u.retired_on is not None for u in self.index.units.values()):
            return {}
        moves = load_moves(self.session.connection())
        return {
            ident: given_to(stored[ident], found)
            for ident, found in moves.items()
            if found and ident in stored
        }

    def _names_retired(self, p: Planned) -> bool:
        """Refuse ``p`` when its meeting was held on or after the day a unit it names (lead or
        coordinating) retired, as ``assign`` does (:func:`check_not_retired`, naming the
        successor). A unit that retired after the meeting is named: what the row gives it passes
        to the successor once written (:meth:`_hand_over`)."""
        day = self._meeting_day(p)
        if day is None:
            return False
        for refs, column in ((p.leads, "unit"), (p.withs, "with")):
            units = [self.index.units[ref] for ref in refs if ref > 0]
            try:
                check_not_retired(self.session, units, day)
            except Conflict as exc:
                p.problem(exc, self._col(column) or self._col("unit"))
                return True
        return False

    def _edited(self, p: Planned, directive_id: int, field: str) -> bool:
        """Whether the directive's ``field`` (text, product, coordinating units, deadline) was
        last corrected with ``edit directive``: the correction is kept, and the row warns that
        the sheet's value was not taken."""
        from dirtrack.store.history import corrected_by_edit

        found = corrected_by_edit(self.session.connection(), directive_id, field)
        if found is None:
            return False
        p.warn(Phrase(f"warn_edited_{field}", id=directive_id, change=found.change))
        return True

    def _moved_by_edit(
        self, p: Planned, ref: int, ids: list[int], facts: dict[int, DirectiveFacts]
    ) -> DirectiveFacts | None:
        """The directive of the row's key that ``edit directive`` moved from the row's unit
        ``ref`` to another since (``ids``: those of the key that no row of the sheet names by
        its own unit), or None. The row updates it and its corrected unit is kept, as a
        corrected text is: the sheet is the unit's old copy, the correction the clerk's."""
        from dirtrack.store.history import corrected_by_edit

        conn = self.session.connection()
        for directive_id in ids:
            found = corrected_by_edit(conn, directive_id, "unit")
            if found is None or found.before != ref:
                continue
            ids.remove(directive_id)
            moved = facts[directive_id]
            p.warn(
                Phrase(
                    "warn_edited_unit",
                    id=directive_id,
                    key=p.key,
                    was=self._unit_label(ref),
                    unit=moved.unit_code,
                    change=found.change,
                )
            )
            return moved
        return None

    def _compare(self, p: Planned, ref: int, facts: DirectiveFacts) -> Outcome:  # noqa: C901
        layout = self.layout
        o = Outcome(ref, action="update", directive_id=facts.id)
        closed = facts.completed_on is not None or facts.cancelled_on is not None
        if _differs(p.text, facts.text) and not self._edited(p, facts.id, "text"):
            o.updates["text"] = p.text
            o.changes.append(Phrase("chg_text"))
        if (
            layout.has("product")
            and _differs(p.product, facts.product)
            and not self._edited(p, facts.id, "product")
        ):
            o.updates["product"] = p.product
            o.changes.append(Phrase("chg_product"))
        if layout.has("with"):
            wanted = sorted(self._unit_label(r) for r in p.withs if r != ref)
            if (
                any(r < 0 for r in p.withs) or wanted != sorted(facts.with_codes)
            ) and not self._edited(p, facts.id, "with"):
                o.replace_with = True
                o.changes.append(Phrase("chg_with"))
        if layout.has("due"):
            # the deadline in force on the sheet's day, which the sheet gives: one extended
            # since is no change the sheet makes
            current = self._due_then(facts)
            if p.due_in_force != current:
                if closed:
                    p.warn(Phrase("warn_closed_due", id=facts.id))
                elif p.due_in_force is None:
                    if current is None:
                        p.warn(Phrase("warn_no_due_none", id=facts.id))
                    else:
                        p.warn(Phrase("warn_no_due", id=facts.id, due=current))
                elif self._edited(p, facts.id, "due"):
                    pass  # the deadline corrected since is kept, and the row says so
                elif self.as_of < facts.meeting_date:
                    params = {"as_of": self.as_of, "held": facts.meeting_date}
                    p.problem(Phrase("row_approved_before", **params), self._col("due"))
                else:
                    self._extend(p, o, facts)
        if p.asked is not None and p.asked.to is not None:
            self._compare_asked(p, o, facts, closed)
        if p.percent is not None or p.note is not None:
            # the news of the sheet's day, against what was logged by that day: a sheet of an
            # earlier day, read after later progress was logged, logged its old figure again
            day = p.progress_day
            known = [entry for entry in facts.progress if entry.reported_on <= day]
            last = known[-1] if known else None
            if last is None or last.percent != p.percent or _differs(p.note, last.note):
                if closed:
                    p.warn(Phrase("warn_closed_progress", id=facts.id))
                else:
                    o.add_progress = True
                    o.changes.append(Phrase("chg_progress"))
                    self._lowered(p, facts)
        status_known = any(
            layout.has(name) for name in ("result", "progress", "completed_on", "done_mark")
        )
        if p.completed_on is not None:
            if facts.cancelled_on is not None:
                p.warn(Phrase("warn_cancelled_completion", id=facts.id))
            elif not p.completed_on_exact and facts.completed_on is not None:
                pass  # the register knows the day (or its bound) already
            elif facts.completed_on != p.completed_on:
                if not self._before_recorded(p, facts, p.completed_on, "completion"):
                    o.updates["completed_on"] = p.completed_on
                    o.updates["completed_on_exact"] = p.completed_on_exact
                    o.updates["completion_note"] = p.completion_note
                    o.changes.append(Phrase("chg_completed", day=p.completed_on))
            elif p.completion_note is not None and _differs(
                p.completion_note, facts.completion_note
            ):
                o.updates["completion_note"] = p.completion_note
                o.changes.append(Phrase("chg_completion_note"))
        elif p.cancelled_on is not None:
            if facts.completed_on is not None:
                p.warn(Phrase("warn_completed_cancellation", id=facts.id))
            elif facts.cancelled_on is None and facts.withdrawn_on == p.cancelled_on:
                pass  # withdrawn that day, as export --format xlsx writes it: nothing new
            elif facts.cancelled_on != p.cancelled_on:
                if not self._before_recorded(p, facts, p.cancelled_on, "cancellation"):
                    o.updates["cancelled_on"] = p.cancelled_on
                    o.updates["cancel_reason"] = p.cancel_reason
                    o.changes.append(Phrase("chg_cancelled", day=p.cancelled_on))
            elif p.cancel_reason is not None and _differs(p.cancel_reason, facts.cancel_reason):
                o.updates["cancel_reason"] = p.cancel_reason
                o.changes.append(Phrase("chg_cancel_reason"))
        elif p.submitted_on is not None and not closed:
            self._compare_submitted(p, o, facts)
        elif closed and status_known:
            _no_claim(p)  # a submission is not recorded on a closed directive
            if facts.completed_on:
                p.warn(Phrase("warn_recorded_done", id=facts.id, day=facts.completed_on))
            else:
                p.warn(Phrase("warn_recorded_cancelled", id=facts.id, day=facts.cancelled_on))
        for written, act, day in (  # the sheet's day, before an occurrence was issued
            (o.add_progress, "progress", p.progress_day),
            (o.extend, "approval", p.approved_on),
            (o.ask, "request", p.asked_on),
        ):
            if written and (
                refused := not_before_given(
                    facts.id, day, act, held=facts.meeting_date, issued=facts.issued_on
                )
            ):
                p.problem(refused)
        if not o.changes:
            o.action = "unchanged"
        return o

    def _extend(self, p: Planned, o: Outcome, facts: DirectiveFacts) -> None:
        """The row's deadline, other than the one in force on the sheet's day, recorded as an
        extension approved on :attr:`Planned.approved_on`, judged by the rule ``extend`` follows
        (:func:`dirtrack.store.directives.check_extension`): one not after the deadline in
        force, or not before one approved later, is a bad row naming the cell that gave it."""
        from dirtrack.store.directives import check_extension

        assert p.due_in_force is not None
        try:
            check_extension(
                self.session, facts.id, new_due=p.due_in_force, approved_on=p.approved_on
            )
        except Conflict as exc:
            column = self._col("extended") if p.extended_to is not None else None
            p.problem(exc, column or self._col("due"))
            return
        o.extend = True
        o.changes.append(Phrase("chg_due", due=p.due_in_force))

    def _lowered(self, p: Planned, facts: DirectiveFacts) -> None:
        """Warn when the row's percentage goes down from the last one logged by the day it is
        logged on (:func:`dirtrack.status.progress_lowered`): recorded as given, and said."""
        from dirtrack.status import progress_lowered

        day = p.progress_day
        lowered = progress_lowered(facts.progress, p.percent, day)
        if lowered is not None:
            p.warn(
                Phrase(
                    "warn_progress_lower",
                    id=facts.id,
                    percent=p.percent,
                    recorded=lowered.percent,
                    date=lowered.reported_on,
                )
            )

    def _before_recorded(self, p: Planned, facts: DirectiveFacts, day: date, what: str) -> bool:
        """Whether closing the recorded directive on ``day`` (``what``: ``completion``,
        ``cancellation``) comes before a decision recorded on it, which ``done`` and ``cancel``
        refuse: a bad row naming the cell that gave the day (a sheet of an earlier day read
        after an extension was approved recorded the completion ``done`` refused)."""
        from dirtrack.store.directives import before_recorded

        refused = before_recorded(self.session.connection(), facts.id, day, what)
        if refused is not None:
            p.problem(refused, p.closing_column)
        return refused is not None

    def _compare_submitted(self, p: Planned, o: Outcome, facts: DirectiveFacts) -> None:
        """A submission the sheet reports (``Đã trình``, where the office decides by acceptance)
        on a recorded open directive is the completion it reported, waiting for accept, as on a
        new one: not when one waits already, nor when the register returned that submission
        (the sheet's day not after the return), nor on a withdrawn directive; and, as ``done``,
        not on a day before a decision recorded on it."""
        from dirtrack.store.directives import before_recorded

        assert p.submitted_on is not None
        day, result = p.submitted_on, facts.result
        kept = None
        if result is not None and result.accepted_on is None and result.returned_on is None:
            if result.claimed_on == day:
                return  # waiting already: the register says what the sheet says
            kept = Phrase("warn_claim_waiting", id=facts.id, day=result.claimed_on, other=day)
        elif facts.withdrawn_on is not None:
            kept = Phrase("warn_withdrawn_submitted", id=facts.id, day=facts.withdrawn_on)
        elif result is not None and result.returned_on is not None and day <= result.returned_on:
            kept = Phrase("warn_returned_submitted", id=facts.id, day=result.returned_on)
        if kept is not None:
            _no_claim(p)
            p.warn(kept)
            return
        refused = before_recorded(self.session.connection(), facts.id, day, "completion")
        if refused is not None:
            p.problem(refused, p.submitted_column)
            return
        o.claim = True
        o.changes.append(Phrase("chg_claimed", day=day))

    def _compare_asked(self, p: Planned, o: Outcome, facts: DirectiveFacts, closed: bool) -> None:
        """A request the sheet gives again is recorded once: not when a request for that day
        stands already (waiting, granted or refused), refused while another waits. What is
        asked for is judged first, as ``request extend`` judges it
        (:func:`dirtrack.store.results.check_asked_due`, on the day it is recorded as asked
        on); when the row gives the directive a new deadline too, :meth:`_asked` judged it
        against that one."""
        from sqlmodel import select

        from dirtrack.models import Request
        from dirtrack.store.directives import get_directive
        from dirtrack.store.results import EXTEND, check_asked_due

        assert p.asked is not None and p.asked.to is not None
        known = self.session.exec(
            select(Request).where(Request.directive_id == facts.id, Request.kind == EXTEND)
        ).all()
        if any(r.to_due == p.asked.to for r in known):
            return
        if closed:
            p.warn(Phrase("warn_closed_request", id=facts.id))
            return
        if not o.extend:
            directive = get_directive(self.session, facts.id)
            try:
                check_asked_due(self.session, directive, p.asked.to, p.asked_on)
            except InvalidInput as exc:
                p.problem(exc, p.asked_column)
                return
        waiting = next((r for r in known if r.decision is None), None)
        if waiting is not None:
            params = {"id": facts.id, "request": waiting.id}
            p.problem(Phrase("request_pending", **params), p.asked_column)
            return
        o.ask = True
        o.changes.append(Phrase("chg_asked", to=p.asked.to))


def _as_read(text: str | None) -> str | None:
    """A recorded text as a cell holding it is read (:func:`~dirtrack.text.nfc`): a JSON import
    keeps line breaks, tabs and runs of spaces, which a cell's text is read without, so a
    sheet cannot tell them from one space and saying them again is no change."""
    return nfc(text) if text else text


def _differs(written: str | None, recorded: str | None) -> bool:
    """Whether a cell's text (``written``) says another than the recorded one, read as a cell
    holding it is (:func:`_as_read`): one with its tones placed the other way is the same text
    (:func:`~dirtrack.text.same_spelling`), as the row found its directive by it."""
    recorded = _as_read(recorded)
    if not written or not recorded:
        return written != recorded
    return not same_spelling(written, recorded)


def _no_claim(p: Planned) -> None:
    """Take back the row's notice that its submission is recorded as a completion waiting for
    accept: on a recorded directive, it is not (the row's other notice says why)."""
    if p.warnings:
        p.warnings = [
            w for w in p.warnings if not (isinstance(w, Phrase) and w.key == "warn_submitted_claim")
        ]
