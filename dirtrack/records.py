"""The JSON objects of CLI.md, built from facts as of a day.

Every value reflects ``as_of``: a completion, cancellation, resolution, extension or progress
entry dated after it is not shown, so a report made later with the same ``--as-of`` is the same.
The records of series, fields, leaders' charges and calendar days, and the change log's
commands and changes as ``history`` lists them (their times in UTC, to the second), are here too;
each kind's keys, in order, come from its builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from dirtrack.status import DirectiveFacts, RequestFact, ResultFact, ReturnedFact, Status

if TYPE_CHECKING:  # annotations only: importing the models costs SQLModel
    from dirtrack.models import Meeting
    from dirtrack.store.limitations import LimitationFacts
    from dirtrack.store.units import UnitInfo

Record = dict[str, Any]


class RecordStream:
    """A list of records too long to hold at once, made afresh each time it is read.

    ``produce`` yields the records a batch at a time (from the database, while its connection
    is open); ``len()`` is known beforehand. :func:`materialised` turns it into a list.
    """

    def __init__(self, count: int, produce: Callable[[], Iterator[Record]]) -> None:
        self.count = count
        self._produce = produce

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Record]:
        made = 0
        for record in self._produce():
            made += 1
            yield record
        if made != self.count:
            raise AssertionError(f"a stream of {self.count} records made {made}")


def materialised(value: Any) -> Any:
    """``value`` with every :class:`RecordStream` in it read into a list."""
    if isinstance(value, RecordStream):
        return list(value)
    if isinstance(value, dict):
        return {key: materialised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [materialised(item) for item in value]
    return value


class _IsoDays(dict[date | None, str | None]):
    """Each day's ISO string, made the first time it is asked for (None for None)."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


# One string per day, shared by every record that shows it: a report lists tens of thousands of
# directives over a few thousand distinct days. A lookup in C, not a Python function: a long
# listing asks for seven dates per directive.
iso: Callable[[date | None], str | None] = _IsoDays({None: None}).__getitem__


# Each kind of record's keys, in order, are read from its builder given a record with nothing
# recorded (the ``*_keys`` functions below): the header of an empty listing in CSV, and the
# names ``--fields`` knows, come from the one place that makes the JSON.
BLANK_DAY = date(2000, 1, 1)


def blank_directive() -> DirectiveFacts:
    """The facts of a directive with nothing recorded, to read a record's keys from."""
    return DirectiveFacts(
        0, 0, BLANK_DAY, 0, "", "", "", None, judged_on=BLANK_DAY, judged_status=Status.OPEN_IN_TIME
    )


@cache
def directive_keys() -> tuple[str, ...]:
    """The keys of a directive object (:func:`directive_record`), in order."""
    return tuple(directive_record(blank_directive(), BLANK_DAY))


@cache
def unit_keys() -> tuple[str, ...]:
    """The keys of a unit object (:func:`unit_record`), in order."""
    from dirtrack.store.units import UnitInfo

    return tuple(unit_record(UnitInfo(0, "", "", None, ())))


@cache
def meeting_keys() -> tuple[str, ...]:
    """The keys of a meeting object (:func:`meeting_record`), in order."""
    from dirtrack.models import Meeting

    return tuple(meeting_record(Meeting(id=0, date=BLANK_DAY, title=""), []))


@cache
def limitation_keys() -> tuple[str, ...]:
    """The keys of a limitation object (:func:`limitation_record`), in order."""
    from dirtrack.store.limitations import LimitationFacts

    blank = LimitationFacts(0, 0, 0, "", "", "other", BLANK_DAY, None, None, None)
    return tuple(limitation_record(blank, BLANK_DAY))


def unit_record(info: UnitInfo, contacts: Sequence[Any] = ()) -> Record:
    """A unit object; ``contacts`` (:class:`dirtrack.store.contacts.Contact`) focal person first."""
    return {
        "code": info.code,
        "name": info.name,
        "parent": info.parent,
        "aliases": list(info.aliases),
        "successor": info.successor,
        "retired_on": info.retired_on,
        "contacts": [c.record() for c in contacts],
    }


def meeting_record(meeting: Meeting, attendee_codes: Sequence[str]) -> Record:
    return {
        "id": meeting.id,
        "date": iso(meeting.date),
        "title": meeting.title,
        "kind": meeting.kind,
        "chair": meeting.chair,
        "chair_title": meeting.chair_title,
        "attendees": sorted(attendee_codes),
        "doc": meeting.doc,
        "note": meeting.note,
        "key": meeting.key,
    }


_STATUS_VALUES = {status: status.value for status in Status}


def directive_record(facts: DirectiveFacts, as_of: date) -> Record:
    # The deadline, status and risk as the database judged them when the facts were read
    # (status() checks they were read as of ``as_of``); made for every row of a long listing.
    status = facts.status(as_of)
    due = facts.due_in_force
    completed = facts.completed_by(as_of)
    return {
        "id": facts.id,
        "meeting_id": facts.meeting_id,
        "meeting_date": iso(facts.meeting_date),
        "unit": facts.unit_code,
        "unit_name": facts.unit_name,
        "with": list(facts.with_codes),
        "text": facts.text,
        "due": iso(due),
        "original_due": iso(facts.original_due),
        "due_text": facts.due_text,
        "extensions": sum(1 for e in facts.extensions if e.approved_on <= as_of)
        if facts.extensions
        else 0,
        "status": _STATUS_VALUES[status],
        "progress": 100 if completed else facts.progress_at(as_of),
        "completed_on": iso(completed),
        # False: done by completed_on, the exact day unknown; null while not completed.
        "completed_on_exact": facts.completed_on_exact if completed else None,
        "cancelled_on": iso(facts.cancelled_by(as_of)),
        "days_overdue": facts.days_overdue(as_of),
        "key": facts.key,
        "product": facts.product,
        "series_id": facts.series_id,
        "period": facts.period,
        "due_phrase": facts.due_phrase,
        "withdrawn_on": iso(facts.withdrawn_by(as_of)),
        "field": facts.field_code,
        "result": result_record(facts, as_of) if facts.result is not None else None,
        "risk": facts.judged_risk,
    }


def result_record(facts: DirectiveFacts, as_of: date) -> Record | None:
    """The result of the completion claimed by T: document, verdict, acceptance (or return)."""
    found = facts.result
    if found is None or found.claimed_on > as_of:
        return None
    accepted = found.accepted_on if found.accepted_on and found.accepted_on <= as_of else None
    returned = found.returned_on if found.returned_on and found.returned_on <= as_of else None
    return {
        "doc": found.doc,
        "doc_date": iso(found.doc_date),
        "verdict": found.verdict,
        "accepted_on": iso(accepted),
        "claimed_on": iso(found.claimed_on),
        "returned_on": iso(returned),
        "return_reason": found.return_reason if returned else None,
        "file": found.file,
        "file_hash": found.file_hash,
    }


def returned_records(returned: Sequence[ReturnedFact], as_of: date) -> list[Record]:
    """The completions returned and reported again since (``show``'s ``returned_completions``)
    claimed by T, oldest first: what each claimed, its note, and its return (when, why and by
    whom) when made by T."""
    found = []
    for kept in returned:
        res = kept.result
        if res.claimed_on > as_of:
            continue
        returned_then = res.returned_on is not None and res.returned_on <= as_of
        found.append(
            {
                "claimed_on": iso(res.claimed_on),
                "doc": res.doc,
                "doc_date": iso(res.doc_date),
                "verdict": res.verdict,
                "file": res.file,
                "file_hash": res.file_hash,
                "note": kept.note,
                "returned_on": iso(res.returned_on) if returned_then else None,
                "return_reason": res.return_reason if returned_then else None,
                "returned_by": kept.returned_by if returned_then else None,
            }
        )
    return found


def closed_by(facts: DirectiveFacts, as_of: date) -> date | None:
    """The day the directive was completed, cancelled or withdrawn, if it was by ``as_of``."""
    days = [facts.completed_by(as_of), facts.cancelled_by(as_of), facts.withdrawn_by(as_of)]
    return min((d for d in days if d is not None), default=None)


def request_status(req: RequestFact, as_of: date, closed_on: date | None) -> str:
    """``approved`` or ``rejected`` when answered by ``as_of``; else ``moot`` when its directive
    was completed, cancelled or withdrawn by then (nothing is left to answer: ``approve``
    refuses it), else ``pending``."""
    return req.decision_at(as_of) or ("moot" if closed_on is not None else "pending")


def request_record(
    req: RequestFact, directive_id: int, as_of: date, closed_on: date | None = None
) -> Record:
    """A request as of ``as_of``; ``closed_on``: the day its directive was closed by then."""
    decided = req.decision_at(as_of)
    return {
        "id": req.id,
        "directive_id": directive_id,
        "kind": req.kind,
        "asked_on": iso(req.asked_on),
        "to": iso(req.to_due),
        "reason": req.reason,
        "doc": req.doc,
        "status": request_status(req, as_of, closed_on),
        "decided_on": iso(req.decided_on) if decided else None,
        "decision_doc": req.decision_doc if decided else None,
        "decision_reason": req.decision_reason if decided else None,
        "objective": req.objective,
    }


def directive_history(
    facts: DirectiveFacts, as_of: date, returned: Sequence[ReturnedFact] = ()
) -> list[Record]:
    """The directive's events up to ``as_of``, oldest first; ``returned``: the completions
    returned and reported again since (:func:`dirtrack.store.results.returned_of`)."""
    events: list[tuple[date, int, Record]] = [
        (
            facts.given_on,
            0,
            {
                "date": iso(facts.given_on),
                "event": "assigned",
                "due": iso(facts.original_due),
                "due_text": facts.due_text,  # the deadline as the meeting wrote it
            },
        )
    ]
    for entry in facts.progress:
        if entry.reported_on <= as_of:
            events.append(
                (
                    entry.reported_on,
                    1,
                    {
                        "date": iso(entry.reported_on),
                        "event": "progress",
                        "percent": entry.percent,
                        "note": entry.note,
                    },
                )
            )
    for ext in facts.extensions:
        if ext.approved_on <= as_of:
            events.append(
                (
                    ext.approved_on,
                    2,
                    {
                        "date": iso(ext.approved_on),
                        "event": "extended",
                        "due": iso(ext.new_due),
                        "due_text": ext.due_text,
                        "note": ext.reason,
                    },
                )
            )
    for kept in returned:  # never counted: a result and its return, no "completed" event
        events += _closure_events(
            as_of,
            done=None,
            exact=True,
            note=kept.note,
            result=kept.result,
            cancelled=None,
            withdrawn=None,
        )
    # the closure in force at T is the facts' own (below; the status rules chose it as of the
    # day the facts were judged on, which is T); one a reopening ended by T is told with its
    # reopening
    assert as_of == facts.judged_on, (as_of, facts.judged_on)
    for past in facts.closures:
        if past.closed_on > as_of or past is facts.ended_in_force:
            continue
        events += _closure_events(
            as_of,
            done=past.closed_on if past.kind == "done" else None,
            exact=past.completed_on_exact,
            note=past.note,
            result=past.result,
            cancelled=past.closed_on if past.kind == "cancelled" else None,
            reason=past.note,
            withdrawn=past.closed_on if past.kind == "withdrawn" else None,
        )
        events.append(
            (
                past.reopened_on,
                3,
                {"date": iso(past.reopened_on), "event": "reopened", "note": past.reopen_reason},
            )
        )
    events += _closure_events(
        as_of,
        done=facts.completed_by(as_of),
        exact=facts.completed_on_exact,
        note=facts.completion_note,
        result=facts.result,
        cancelled=facts.cancelled_by(as_of),
        reason=facts.cancel_reason,
        withdrawn=facts.withdrawn_by(as_of),
    )
    closed = closed_by(facts, as_of)
    for req in facts.requests:
        if req.asked_on <= as_of:
            events.append(
                (
                    req.asked_on,
                    1,
                    {
                        "date": iso(req.asked_on),
                        "event": f"request_{req.kind}",
                        "due": iso(req.to_due),
                        "note": req.reason,
                    },
                )
            )
        if closed and not req.decision_at(as_of) and req.asked_on <= closed:
            events.append((closed, 5, {"date": iso(closed), "event": "request_moot"}))
        if (decided := req.decision_at(as_of)) and req.decided_on:
            events.append(
                (
                    req.decided_on,
                    2,
                    {
                        "date": iso(req.decided_on),
                        "event": f"request_{decided}",
                        "note": req.decision_doc or req.decision_reason,
                    },
                )
            )
    return [record for _, _, record in sorted(events, key=lambda e: (e[0], e[1]))]


def _closure_events(
    as_of: date,
    *,
    done: date | None,
    exact: bool,
    note: str | None,
    result: ResultFact | None,
    cancelled: date | None,
    withdrawn: date | None,
    reason: str | None = None,
) -> list[tuple[date, int, Record]]:
    """The events of one closure up to ``as_of``: its completion (``done``, with its ``note``
    and its result document, acceptance or return), cancellation (with its ``reason``) or
    withdrawal."""
    events: list[tuple[date, int, Record]] = []
    # a completion that counts from the day it was reported is one event, its result document
    # said with its note, as a result's row says them (it was a row of its own the same day)
    reported = result is not None and result.claimed_on == done
    # one the office accepted on the day it counts from (on time by the acceptance, or accepted
    # the day it was reported) is one event too, the completion accepted: it was a 'completed'
    # row and an 'accepted' row of the same day
    accepted = result is not None and done is not None and result.accepted_on == done
    if done:
        said = note
        if result is not None and reported:
            said = "; ".join(filter(None, (result.doc, note))) or None
        event: Record = {
            "date": iso(done),
            "event": "completed",
            "note": said,
            # False: done by this date, the exact day unknown
            "exact": exact,
        }
        if accepted:
            event["accepted"] = True
        events.append((done, 3, event))
    if result is not None:
        res = result
        if res.claimed_on <= as_of and not reported:
            # a completion that does not count (waiting for acceptance, or sent back) has no
            # "completed" event: its result says its note
            said = res.doc if done else "; ".join(filter(None, (res.doc, note))) or None
            events.append(
                (
                    res.claimed_on,
                    3,
                    {"date": iso(res.claimed_on), "event": "result", "note": said},
                )
            )
        if res.accepted_on and res.accepted_on <= as_of and not accepted:
            events.append((res.accepted_on, 4, {"date": iso(res.accepted_on), "event": "accepted"}))
        if res.returned_on and res.returned_on <= as_of:
            events.append(
                (
                    res.returned_on,
                    4,
                    {"date": iso(res.returned_on), "event": "returned", "note": res.return_reason},
                )
            )
    if withdrawn:
        events.append((withdrawn, 3, {"date": iso(withdrawn), "event": "withdrawn"}))
    if cancelled:
        events.append(
            (
                cancelled,
                3,
                {"date": iso(cancelled), "event": "cancelled", "note": reason},
            )
        )
    return events


def limitation_record(facts: LimitationFacts, as_of: date) -> Record:
    resolved = facts.resolved_on if facts.resolved_on and facts.resolved_on <= as_of else None
    return {
        "id": facts.id,
        "meeting_id": facts.meeting_id,
        "unit": facts.unit_code,
        "text": facts.text,
        "category": facts.category,
        "raised_on": iso(facts.raised_on),
        "resolved_on": iso(resolved),
        "repeat_of": facts.repeat_of_id,
    }


# --- periodic directives, fields and leaders, the calendar ---------------------------------------


def series_record(row: Any, coordinators: list[str]) -> Record:
    """A series' rule as ``series show`` gives it (``series list``: :func:`listed_series`)."""
    return {
        "id": row.id,
        "meeting_id": row.meeting_id,
        "unit": row.unit_code,
        "with": coordinators,
        "text": row.text,
        "every": row.every,
        "day": row.day,
        "offset": row.offset,
        "from": iso(row.starts_on),
        "until": iso(row.ends_on),
        "product": row.product,
        "key": row.key,
    }


def planned_occurrence_record(occ: Any) -> Record:
    """An occurrence ``assign --every --dry-run`` plans: its period, issue day, day and deadline."""
    return {
        "period": occ.label,
        "issued_on": iso(occ.issued_on),
        "scheduled": iso(occ.scheduled),
        "due": iso(occ.due),
    }


def listed_series(row: Any, coordinators: list[str], occurrences: list[int]) -> Record:
    """A series as ``series list`` gives it: :func:`series_record` with its occurrences' ids."""
    record = series_record(row, coordinators)
    record["occurrences"] = occurrences
    return record


def listed_series_keys() -> tuple[str, ...]:
    """The keys of :func:`listed_series`, in order (an empty listing's CSV header)."""
    from types import SimpleNamespace

    # A series row's columns, every one empty.
    columns = ("id", "meeting_id", "unit_code", "text", "every", "day", "offset", "starts_on")
    blank = SimpleNamespace(**dict.fromkeys((*columns, "ends_on", "product", "key")))
    return tuple(listed_series(blank, [], []))


def field_record(code: str, name: str) -> Record:
    """A field as ``field list`` gives it."""
    return {"code": code, "name": name}


def field_keys() -> tuple[str, ...]:
    """The keys of :func:`field_record`, in order (an empty listing's CSV header)."""
    return tuple(field_record("", ""))


def charge_record(
    leader: object, field: object, unit: str | None, start: str | None, until: str | None
) -> Record:
    """Who was in charge of a field or a unit, from when until when (``leader list``)."""
    return {"leader": leader, "field": field, "unit": unit, "from": start, "until": until}


def charge_keys() -> tuple[str, ...]:
    """The keys of :func:`charge_record`, in order (an empty listing's CSV header)."""
    return tuple(charge_record(None, None, None, None, None))


def calendar_record(day: str, off: bool, note: str | None, source: str) -> Record:
    """A day of ``calendar list``: ISO day, off or worked, why, and whose word (office, law)."""
    return {"date": day, "off": off, "note": note, "source": source}


def calendar_keys() -> tuple[str, ...]:
    """The keys of :func:`calendar_record`, in order (an empty listing's CSV header)."""
    return tuple(calendar_record("", False, None, ""))


# --- the change log, as history lists it ------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds")


def change_record(change: Any) -> Record:
    """One change row as JSON: the fields that changed as [old, new], and both images."""
    before, after = change.before or {}, change.after or {}
    keys = list(dict.fromkeys([*before, *after]))
    changed = {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}
    return {
        "id": change.id,
        "action": change.action,
        "entity": change.entity,
        "entity_id": change.entity_id,
        "fields": changed,
        "before": change.before,
        "after": change.after,
        "undone_by": change.undone_by,
    }


def command_record(command: Any, changes: list[Any]) -> Record:
    return {
        "id": command.id,
        "at": _stamp(command.at),
        "actor": command.actor,
        "command": command.name,
        "params": command.params,
        "changes": [change_record(c) for c in changes],
        "undoes": list(command.undoes),
        "undone_by": command.undone_by,
    }


def change_listing_record(change: Any, command: Any) -> Record:
    """A change as ``history ID`` lists it: :func:`change_record` with when, who, and the
    command it was part of (``command``: None when the log has none)."""
    record = change_record(change)
    record.update(
        {
            "at": _stamp(change.at),
            "actor": change.actor,
            "command_id": command.id if command else None,
            "command": command.name if command else None,
        }
    )
    return record


_NEVER = datetime(2000, 1, 1, tzinfo=UTC)  # any time: the keys of a blank record


def command_keys() -> tuple[str, ...]:
    """The keys of a command as ``history`` lists it (:func:`command_record`), in order."""
    from dirtrack.store.history import CommandEntry

    blank = CommandEntry(0, _NEVER, "", "", {}, 0, 0, 0, (), None)
    return tuple(command_record(blank, []))


def change_keys() -> tuple[str, ...]:
    """The keys of a change as ``history ID`` lists it (:func:`change_listing_record`)."""
    from dirtrack.store.history import ChangeEntry

    blank = ChangeEntry(0, _NEVER, "", "", "", None, None, None, None)
    return tuple(change_listing_record(blank, None))
