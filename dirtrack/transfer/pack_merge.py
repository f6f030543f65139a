"""``pack in``: a returned pack checked against the database, merged three ways, applied.

The three sides of each directive: what the office knew when the pack was made (the item's
``base`` fingerprint, also in the workbook's hidden cells), what the office holds now, and what
the unit wrote. A unit's answer applies where the office changed nothing since; where both did,
or where the answer contradicts the record (a completion on another day, progress on a closed
directive, less progress than recorded), it is a conflict: listed, and left for the clerk
unless ``--prefer office`` (the answer is set aside) or ``--prefer unit`` (it is applied where
the record allows). Answers go through the store's own writers (:mod:`dirtrack.store.directives`),
so they are in ``history`` and ``undo`` takes them back. An item remembers the answer applied
(a digest) and the directive's fingerprint after it, so the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dirtrack.errors import Conflict, DirtrackError, InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.status import progress_lowered
from dirtrack.store.packs import LEAD, Item, fingerprint, items_of
from dirtrack.text import ascii_typed, clean_text, whole_number
from dirtrack.transfer.pack_book import (
    ASKS,
    DONE,
    INFO,
    NOT_STARTED,
    STATE_CHOICES,
    STATE_WORDS,
    STATES,
    TEXT_LIMIT,
    VERSION,
    ReadBook,
    ReadRow,
    header_of,
)
from dirtrack.transfer.values import THOUSANDS, Pct, show

if TYPE_CHECKING:
    from sqlmodel import Session

    from dirtrack.models import Pack
    from dirtrack.status import DirectiveFacts
    from dirtrack.store.units import UnitIndex

APPLY, CONFLICT, KEPT, TAKEN, ALREADY = (
    "applied",
    "conflict",
    "kept_office",
    "took_unit",
    "unchanged",
)


@dataclass(frozen=True)
class Answer:
    percent: int | None = None
    done_on: date | None = None
    doc_no: str | None = None
    doc_date: date | None = None
    explain: str | None = None
    extend_to: date | None = None
    extend_reason: str | None = None
    note: str | None = None
    state: str | None = None  # the choice of the state column (a key of STATES)

    def digest(self) -> str:
        values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(self).items()}
        if values["state"] is None:  # as the answers of packs without a state column were
            del values["state"]
        text = json.dumps(values, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class RowPlan:
    """What ``pack in`` does with one answered row."""

    sheet: str
    row: int
    directive_id: int
    role: str
    answer: Answer
    action: str
    changes: list[dict[str, Any]] = field(default_factory=list)
    conflict: DirtrackError | None = None
    # The request for a new deadline: the one asked already by this answer (not asked again),
    # or after ``apply_file`` the one it recorded.
    request: int | None = None
    asked_now: bool = False  # ``request`` was recorded by this reading
    before: str = ""  # the directive's fingerprint before this reading
    # Where each answer was written (a key of :class:`Answer`: file, sheet, cell, header), for
    # a refusal of the store to name its cell.
    cells: dict[str, dict[str, object]] = field(default_factory=dict)

    def refused(self, file: Path, exc: DirtrackError, keys: tuple[str, ...] = ()) -> InvalidInput:
        """The store's refusal ``exc`` of this row's answer: naming the cell of the value it
        refused (the first of ``keys`` that holds the day, document number or new deadline the
        message names), or the row when no cell of the unit's holds it (the day of the
        answers, ``--date``)."""
        named = next((exc.params[p] for p in _REFUSED_VALUE if p in exc.params), None)
        for key in keys:
            if key in self.cells and named is not None and getattr(self.answer, key) == named:
                return InvalidInput.of("pack_cell_bad", reason=exc, **self.cells[key])
        return InvalidInput.of(
            "pack_row_refused", file=file, sheet=self.sheet, row=self.row, reason=exc
        )


# The parameter of a store's refusal that holds the value refused: the day of
# ``day_before_meeting`` and ``day_before_recorded``, the document's date of
# ``doc_after_done``, the new deadline of ``request_not_later``, the number of
# ``bad_doc_number``.
_REFUSED_VALUE = ("day", "doc_date", "to", "value")
# The cells of a completion (the document's date first: it is the day that closes it when
# given), and of a request for a new deadline.
_CLOSING = ("doc_date", "done_on", "doc_no")
_ASKING = ("extend_to",)


@dataclass
class FilePlan:
    path: Path
    pack_id: int
    unit: str
    rows: list[RowPlan]

    def count(self, *actions: str) -> int:
        return sum(1 for r in self.rows if r.action in actions)

    def requests(self) -> list[int | None]:
        """The requests for a new deadline this reading records (ids; None in a dry run)."""
        return [r.request for r in self.rows if r.asked_now]


def _where(book: ReadBook, row: ReadRow, cell: str) -> dict[str, object]:
    return {
        "file": book.path,
        "sheet": row.sheet,
        "cell": cell,
        "header": header_of(row.role, cell, book.meta.get("version", VERSION)),
    }


class Units:
    """The units of the database, read once for a whole ``pack in`` and only when a pack names
    its unit otherwise than by the code it has (a code or name changed since)."""

    def __init__(self) -> None:
        self._index: UnitIndex | None = None

    def id_of(self, session: Session, ref: str) -> int | None:
        """The unit ``ref`` names (by code, or a name or alias it had since), or None."""
        from dirtrack.store.facts import load_units

        if not ref:
            return None
        if self._index is None:
            self._index = load_units(session.connection())
        try:
            return self._index.resolve(ref, noted=False).id
        except DirtrackError:
            return None


def check_book(
    session: Session, book: ReadBook, units: Units | None = None
) -> tuple[Pack, dict[int, Item], dict[int, ReadRow]]:
    """The pack a returned workbook is, its items, and its rows by directive id.

    Raises:
        InvalidInput: a workbook of another database or of a pack deleted since, its hidden
            sheet changed, a locked cell changed, a row added, deleted or repeated.
    """
    from dirtrack.models import Unit
    from dirtrack.store.packs import find_pack

    pack = find_pack(session, book.meta["token"])
    if pack is None:
        raise InvalidInput.of("pack_unknown", file=book.path)
    assert pack.id is not None
    unit = session.get(Unit, pack.unit_id)
    assert unit is not None
    named = book.meta.get("unit", "")
    if named != unit.code and (units or Units()).id_of(session, named) != pack.unit_id:
        raise InvalidInput.of("pack_meta_changed", file=book.path, key="unit", unit=unit.code)
    expected = {
        "period": pack.period_label,
        "start": pack.period_start.isoformat(),
        "end": pack.period_end.isoformat(),
        "made_on": pack.made_on.isoformat(),
        "answer_by": pack.answer_by.isoformat(),
    }
    for key, value in expected.items():
        if book.meta.get(key) != value:
            raise InvalidInput.of("pack_meta_changed", file=book.path, key=key, unit=unit.code)
    items = items_of(session.connection(), pack.id)
    rows: dict[int, ReadRow] = {}
    for row in book.rows:
        ident = row.ident
        if isinstance(ident, float) and ident.is_integer():
            ident = int(ident)
        if isinstance(ident, str):
            ident = whole_number(ident.strip())
        item = items.get(ident) if isinstance(ident, int) and not isinstance(ident, bool) else None
        if item is None and isinstance(ident, int) and _deleted(session, ident):
            # its directive deleted since (delete directive, delete meeting) took its item along:
            # said so, with the way to read the answers, not as a row the unit added
            raise InvalidInput.of(
                "pack_row_deleted", file=book.path, sheet=row.sheet, row=row.row, id=ident
            )
        if item is None or item.role != row.role:
            raise InvalidInput.of(
                "pack_row_added" if row.ident is not None else "pack_row_added_no_id",
                file=book.path, sheet=row.sheet, row=row.row, id=row.ident,
            )  # fmt: skip
        assert isinstance(ident, int)
        if ident in rows:
            raise InvalidInput.of(
                "pack_row_twice", file=book.path, sheet=row.sheet, row=row.row, id=ident
            )
        for (cell, got), want in zip(row.locked, item.shown.split(","), strict=False):
            if got != want:
                cell = _id_changed(row, items) or cell
                raise InvalidInput.of("pack_locked_changed", **_where(book, row, cell))
        rows[ident] = row
    missing = [item for did, item in items.items() if did not in rows]
    if missing:
        first = min(missing, key=lambda i: i.directive_id)
        from dirtrack.transfer.pack_book import SHEETS

        raise InvalidInput.of(
            "pack_row_missing",
            file=book.path,
            sheet=SHEETS[first.role],
            id=first.directive_id,
            n=len(missing),
        )
    return pack, items, rows


def _id_changed(row: ReadRow, items: dict[int, Item]) -> str | None:
    """The ID cell of ``row`` when it is the cell changed: the row's other locked cells are
    those of another directive of the pack (its ID typed over with another row's). The first
    cell that differs from the directive the ID names was named instead (the STT, A7), which
    the unit never touched."""
    at = next(i for i, (key, _, _) in enumerate(INFO) if key == "id")
    others = [got for i, (_, got) in enumerate(row.locked) if i != at]
    for item in items.values():
        shown = item.shown.split(",")
        if item.role == row.role and shown[:at] + shown[at + 1 :] == others:
            return row.locked[at][0]
    return None


def _deleted(session: Session, directive_id: int) -> bool:
    """Whether the directive was deleted (a deletion in the change log, not undone) and is
    not there."""
    from sqlmodel import select

    from dirtrack.models import MAX_ID, ChangeLog, Directive

    if not 0 < directive_id <= MAX_ID or session.get(Directive, directive_id) is not None:
        return False
    found = session.exec(
        select(ChangeLog.id).where(
            ChangeLog.entity == "directive",
            ChangeLog.entity_id == directive_id,
            ChangeLog.action == "delete",
            ChangeLog.undone_by.is_(None),  # type: ignore[union-attr]
        )
    ).first()
    return found is not None


def _percent(value: Any, where: dict[str, object]) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: Any = value
    if isinstance(value, Pct):
        # what the cell shows: 1 formatted 0% is 100; a float's noise (0.29 is
        # 28.999999999999996 percent) rounded away, as an imported sheet's percentage is
        number = round(value.value, 6)
        value = show(value)
    elif isinstance(value, str):
        text = ascii_typed(value).strip().rstrip("%").strip()
        # digits, and a fraction after a point or a comma; but not three digits after one
        # ("1.000", "1,000"): one thousand to a Vietnamese reader, 1 to an English one
        if not _PERCENT_TEXT.fullmatch(text) or THOUSANDS.fullmatch(text):
            raise InvalidInput.of("pack_bad_percent", value=_as_shown(value), **where)
        number = float(text.replace(",", "."))
    if isinstance(number, bool) or not isinstance(number, int | float):
        raise InvalidInput.of("pack_bad_percent", value=_as_shown(value), **where)
    if not float(number).is_integer() or not 0 <= number <= 100:
        raise InvalidInput.of("pack_bad_percent", value=_as_shown(value), **where)
    return int(number)


_PERCENT_TEXT = re.compile(r"[0-9]{1,3}(?:[.,][0-9]+)?")


def _as_shown(value: Any) -> Any:
    """A cell's value as a message quotes it: a yes/no value as Excel shows it (TRUE), not as
    Python spells it (True)."""
    return ("TRUE" if value else "FALSE") if isinstance(value, bool) else value


def _day(value: Any, where: dict[str, object]) -> date | None:
    from dirtrack.periods import check_day, parse_date

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, time | timedelta):
        # a number below 1 in the date format of the cell (0, -5, 0.5), which calamine reads
        # as a time of day: quoted as '00:00:00', it was said to be "not a date" in words the
        # unit never typed
        raise InvalidInput.of("pack_cell_bad", reason=Phrase("pack_date_not_day"), **where)
    try:
        if isinstance(value, datetime):
            return check_day(value.date())
        if isinstance(value, date):
            return check_day(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            from openpyxl.utils.datetime import from_excel

            if not 1 <= value <= 2_958_465:
                raise InvalidInput("out of range")
            found = from_excel(value)
            return check_day(found.date() if isinstance(found, datetime) else found)
        if isinstance(value, str):
            return parse_date(value.strip(), typed=False)
    except InvalidInput as exc:
        # a date of a year dirtrack does not take, or a word for today, which no file can say
        if exc.key in ("date_out_of_range", "date_today_in_file"):
            raise InvalidInput.of("pack_cell_bad", reason=exc, **where) from None
    except (ValueError, OverflowError, TypeError):
        pass
    raise InvalidInput.of("pack_bad_date", value=str(_as_shown(value)), **where)


def _text(value: Any, where: dict[str, object]) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):  # a checkbox, or TRUE typed (Excel makes it a yes/no value)
        reason = Phrase("pack_not_text", value="TRUE" if value else "FALSE")
        raise InvalidInput.of("pack_cell_bad", reason=reason, **where)
    raw = value if isinstance(value, str) else str(value)
    if isinstance(value, datetime | date):
        raw = (value.date() if isinstance(value, datetime) else value).strftime("%d/%m/%Y")
    elif isinstance(value, float) and value.is_integer():
        raw = str(int(value))
    try:
        text = clean_text(raw, "text")
    except InvalidInput as exc:
        raise InvalidInput.of("pack_cell_bad", reason=exc, **where) from None
    if len(text) > TEXT_LIMIT:
        raise InvalidInput.of("pack_text_long", n=len(text), limit=TEXT_LIMIT, **where)
    return text or None


def _doc_number(value: Any, where: dict[str, object]) -> str | None:
    """A result document's number, read as ``done --doc`` reads one, whether the row completes
    the directive or not: given without a completion day it went into a progress note as
    written ('Văn bản kết quả số ???'), while with one the same cell was refused."""
    from dirtrack.store.results import document_number

    text = _text(value, where)
    try:
        return document_number(text)
    except InvalidInput as exc:
        raise InvalidInput.of("pack_cell_bad", reason=exc, **where) from None


def read_answer(book: ReadBook, row: ReadRow, day: date) -> Answer | None:
    """The unit's answer on ``row`` (None when it wrote nothing), its values checked.

    Raises:
        InvalidInput: naming the file, sheet and cell: a percentage or date that is not one, a
            completion after the day of the answer, a new deadline together with a completion.
    """
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    for key, (cell, raw) in row.answers.items():
        where = _where(book, row, cell)
        cells[key] = cell
        if key == "percent":
            values[key] = _percent(raw, where)
        elif key in ("done_on", "doc_date", "extend_to"):
            values[key] = _day(raw, where)
        elif key == "state":
            values[key] = _state(raw, row.role, where)
        elif key == "doc_no":
            values[key] = _doc_number(raw, where)
        else:
            values[key] = _text(raw, where)
    answer = Answer(**values)
    if answer == Answer():
        return None

    def refuse(key: str, reason: str, **params: object) -> InvalidInput:
        return InvalidInput.of(
            "pack_cell_bad", reason=Phrase(reason, **params), **_where(book, row, cells[key])
        )

    _check_state(answer, row.role, refuse)
    if answer.done_on is not None:
        if answer.done_on > day:
            raise refuse("done_on", "pack_done_future", day=day)
        if answer.percent is not None and answer.percent != 100:
            raise refuse("percent", "pack_done_not_100")
        if answer.extend_to is not None:
            raise refuse("extend_to", "pack_done_extend")
    if answer.extend_reason is not None and answer.extend_to is None:
        raise refuse("extend_to", "pack_reason_no_date")
    if answer.extend_to is not None and not (answer.extend_reason or answer.explain):
        raise refuse("extend_reason", "pack_date_no_reason")
    if answer.doc_date is not None and answer.doc_date > day:
        raise refuse("doc_date", "pack_doc_future", day=day)
    return answer


def _state(value: Any, role: str, where: dict[str, object]) -> str | None:
    """The choice written in the state column (its words, in any case or accents, or the
    English), or None when blank."""
    from dirtrack.text import match_name

    text = _text(value, where)
    if text is None:
        return None
    allowed = STATE_CHOICES[role]
    found = match_name(text, {key: (STATES[key], *STATE_WORDS[key]) for key in allowed})
    if found is None:
        choices = ", ".join(STATES[key] for key in allowed)
        raise InvalidInput.of(
            "pack_cell_bad", reason=Phrase("pack_bad_state", value=text, choices=choices), **where
        )
    return found


def _check_state(answer: Answer, role: str, refuse: Any) -> None:
    """The state chosen agrees with the cells beside it."""
    state = answer.state
    if role == LEAD and state == DONE and answer.done_on is None:
        raise refuse("state", "pack_state_needs_day", state=STATES[DONE])
    if answer.done_on is not None and state not in (None, DONE):
        raise refuse("state", "pack_state_not_done", state=STATES[DONE])
    if state == ASKS and answer.extend_to is None:
        raise refuse("state", "pack_state_needs_ask", state=STATES[ASKS])
    if state == NOT_STARTED and answer.percent:
        raise refuse("state", "pack_state_not_started", state=STATES[state], n=answer.percent)


def _contradiction(
    facts: DirectiveFacts, answer: Answer, role: str, day: date
) -> DirtrackError | None:
    """Why ``answer`` cannot stand beside the record as it is on ``day`` (the facts read as of
    it), or None."""
    if facts.cancelled_on is not None:
        return Conflict.of("pack_c_cancelled", date=facts.cancelled_on)
    if facts.withdrawn_on is not None:
        return Conflict.of("pack_c_withdrawn", date=facts.withdrawn_on)
    if facts.completed_on is not None:
        # The day the store closes it by (the result document's date, else the day done).
        closes = answer.doc_date or answer.done_on
        if role == LEAD and closes == facts.completed_on and answer.extend_to is None:
            return None
        return Conflict.of("pack_c_completed", date=facts.completed_on)
    if _awaiting(facts) and answer.done_on is not None:
        assert facts.result is not None
        return Conflict.of("pack_c_awaiting", date=facts.result.claimed_on)
    lowered = progress_lowered(facts.progress, answer.percent, day)
    if lowered is not None:
        recorded, on = lowered.percent, lowered.reported_on
        return Conflict.of("pack_c_less", percent=answer.percent, recorded=recorded, date=on)
    return None


def _awaiting(facts: DirectiveFacts) -> bool:
    """Whether a completion was reported and waits for the office's accept or return."""
    found = facts.result
    return (
        facts.completed_on is None
        and found is not None
        and found.accepted_on is None
        and found.returned_on is None
    )


def plan_file(
    session: Session,
    book: ReadBook,
    *,
    day: date,
    prefer: str | None,
    units: Units | None = None,
) -> tuple[FilePlan, Pack]:
    """What reading ``book`` would do, row by row (nothing written). ``units``: the units of
    the run, shared by its files."""
    from dirtrack.models import Unit
    from dirtrack.store.directives import get_directive
    from dirtrack.store.facts import facts_of
    from dirtrack.store.packs import changed_by_office, steps_of
    from dirtrack.store.results import check_asked_due

    pack, items, rows = check_book(session, book, units)
    assert pack.id is not None
    unit = session.get(Unit, pack.unit_id)
    assert unit is not None
    answered: list[tuple[int, ReadRow, Answer]] = []
    for did, row in sorted(rows.items(), key=lambda pair: (pair[1].role != LEAD, pair[1].row)):
        answer = read_answer(book, row, day)
        if answer is not None:
            answered.append((did, row, answer))
    session.flush()
    wanted = [did for did, _, _ in answered]
    conn = session.connection()
    now: dict[int, DirectiveFacts] = {}
    for start in range(0, len(wanted), 500):
        now.update((f.id, f) for f in facts_of(conn, wanted[start : start + 500], as_of=day))
    steps = steps_of(conn, wanted)
    asked = _extension_requests(session, [d for d, _, a in answered if a.extend_to], pack)
    plans: list[RowPlan] = []
    for did, row, answer in answered:
        item = items[did]
        facts = now[did]
        plan = RowPlan(row.sheet, row.row, did, row.role, answer, APPLY, before=fingerprint(facts))
        plan.cells = {key: _where(book, row, cell) for key, (cell, _) in row.answers.items()}
        problem = pending = None
        if answer.extend_to is not None:
            plan.request, pending = _asked_already(asked.get(did, []), answer.extend_to)
            problem = pending
            if plan.request is None:  # a deadline asked anew: judged before any conflict
                try:
                    check_asked_due(session, get_directive(session, did), answer.extend_to, day)
                except DirtrackError as exc:
                    raise plan.refused(book.path, exc, _ASKING) from None
        plan.changes = _describe(answer, row.role, unit.code, plan.request)
        if item.answer == answer.digest():
            plan.action = ALREADY
        else:
            reference = (item.settled if item.answer is not None else None) or item.base
            problem = problem or _contradiction(facts, answer, row.role, day)
            if problem is None and changed_by_office(reference, plan.before, steps[did]):
                problem = Conflict.of("pack_c_office")
            if problem is not None:
                plan.conflict = problem
                plan.action = {"office": KEPT, "unit": TAKEN}.get(prefer or "", CONFLICT)
                closed = facts.completed_on or facts.cancelled_on or facts.withdrawn_on
                closing = answer.done_on is not None and _awaiting(facts)
                if plan.action == TAKEN and (closed or closing or pending):
                    # The record is closed, or another request for a new deadline waits for an
                    # answer: nothing can be added to it.
                    plan.action = CONFLICT
        plans.append(plan)
    return FilePlan(book.path, pack.id, unit.code, plans), pack


def _extension_requests(
    session: Session, ids: list[int], pack: Pack
) -> dict[int, list[tuple[int, date, str | None]]]:
    """The requests for a new deadline on ``ids`` that wait for an answer or were asked since
    the pack was made: (id, date asked for, decision) by directive."""
    from sqlmodel import col, or_, select

    from dirtrack.models import Request
    from dirtrack.store.results import EXTEND

    found: dict[int, list[tuple[int, date, str | None]]] = {}
    if not ids:
        return found
    query = (
        select(Request)
        .where(
            col(Request.directive_id).in_(ids),
            Request.kind == EXTEND,
            or_(col(Request.decision).is_(None), col(Request.asked_on) >= pack.made_on),
        )
        .order_by(col(Request.id))
    )
    for req in session.exec(query):
        assert req.id is not None and req.to_due is not None
        found.setdefault(req.directive_id, []).append((req.id, req.to_due, req.decision))
    return found


def _asked_already(
    requests: list[tuple[int, date, str | None]], to: date
) -> tuple[int | None, DirtrackError | None]:
    """The request that already stands for asking ``to`` (the same day asked for: not asked
    again), or the conflict of another request for a new deadline that waits for an answer."""
    for request_id, wanted, _ in requests:
        if wanted == to:
            return request_id, None
    for request_id, _, decision in requests:
        if decision is None:
            return None, Conflict.of("pack_c_request", request=request_id)
    return None, None


def _describe(
    answer: Answer, role: str, code: str, request: int | None = None
) -> list[dict[str, Any]]:
    """The writes an answer makes, as ``pack in`` lists them: ``what`` (``done``,
    ``progress``, ``note``, ``asks`` with the ``request`` that stands for it) and its
    values."""
    notes = _notes(answer, role, code)
    said: list[dict[str, Any]] = []
    if answer.done_on is not None:
        done: dict[str, Any] = {"what": "done", "date": answer.done_on.isoformat()}
        if answer.doc_no:
            done["doc"] = answer.doc_no
        if answer.doc_date:
            done["doc_date"] = answer.doc_date.isoformat()
        said.append(done)
    elif answer.percent is not None:
        said.append({"what": "progress", "percent": answer.percent})
    elif notes:
        said.append({"what": "note"})
    if answer.extend_to is not None:
        said.append({"what": "asks", "date": answer.extend_to.isoformat(), "request": request})
    return said


def _notes(answer: Answer, role: str, code: str) -> str | None:
    """The note an answer leaves in the register (Vietnamese, as the unit wrote it)."""
    parts: list[str] = []
    said = STATES[answer.state] if answer.state is not None else None
    if role != LEAD:
        if not (answer.note or said):
            return None
        state = f" ({said})" if said and answer.note else (f" {said}" if said else "")
        return f"Đơn vị phối hợp {code}{state}" + (f": {answer.note}" if answer.note else "")
    if said and answer.state not in (DONE, ASKS):
        parts.append(f"Tình hình thực hiện: {said}")
    # A completion's result document is its result (``done --doc``), not words of its note.
    if (answer.doc_no or answer.doc_date) and answer.done_on is None:
        doc = f"Văn bản kết quả số {answer.doc_no}" if answer.doc_no else "Văn bản kết quả"
        if answer.doc_date:
            doc += f" ngày {answer.doc_date.strftime('%d/%m/%Y')}"
        parts.append(doc)
    if answer.explain:
        parts.append(f"Giải trình: {answer.explain}")
    # A new deadline asked for is a request of its own (see apply_file), not a note.
    return "; ".join(parts) or None


def apply_file(session: Session, plan: FilePlan, pack: Pack, *, day: date) -> None:
    """Write what ``plan`` says (its rows to apply), and what was answered, in ``session``:
    progress entries in one insert, the items in one update per 500.

    Raises:
        InvalidInput: a store writer refused a value (a day before the meeting or a reopening…),
            naming the file, sheet and cell of the value (the row when no cell holds it) of the
            first such row; the caller's transaction then writes nothing.
    """
    from dirtrack.store import directives as store
    from dirtrack.store.packs import (
        fingerprints,
        items_of,
        mark_answered,
        read_steps,
        record_answers,
    )
    from dirtrack.store.results import EXTEND, ask, complete, office_regime

    regime = office_regime(session)
    progress: list[tuple[RowPlan, store.NewProgress]] = []

    def write_progress() -> None:
        """The progress entries of the rows so far; the first refused names its row."""
        try:
            store.add_progress_many(session, [entry for _, entry in progress])
        except store.ProgressRefused as exc:
            raise progress[exc.index][0].refused(plan.path, exc.error) from None
        progress.clear()

    done: list[RowPlan] = []
    for row in plan.rows:
        if row.action not in (APPLY, TAKEN, KEPT):
            continue
        if row.action != KEPT:
            answer = row.answer
            note = _notes(answer, row.role, plan.unit)
            keys: tuple[str, ...] = ()  # the cells of the write under way
            try:
                if answer.done_on is not None:
                    keys = _CLOSING
                    # As `done` records it: the result document, the office's acceptance.
                    complete(
                        session,
                        row.directive_id,
                        on=answer.done_on,
                        note=note,
                        doc=answer.doc_no,
                        doc_date=answer.doc_date,
                        regime=regime,
                    )
                elif answer.percent is not None or note:
                    entry = store.NewProgress(row.directive_id, day, answer.percent, note)
                    progress.append((row, entry))
                if answer.extend_to is not None and row.request is None:
                    keys = _ASKING
                    # The unit's words are the reason: `request extend` records it the same way.
                    row.request = ask(
                        session,
                        row.directive_id,
                        kind=EXTEND,
                        on=day,
                        reason=answer.extend_reason or answer.explain or "",
                        to_due=answer.extend_to,
                    ).id
                    row.asked_now = True
                    for change in row.changes:
                        if change["what"] == "asks":
                            change["request"] = row.request
            except DirtrackError as exc:
                write_progress()  # a row above refused first
                raise row.refused(plan.path, exc, keys) from None
        done.append(row)
    write_progress()
    session.flush()
    conn = session.connection()
    after = fingerprints(conn, [r.directive_id for r in done])
    items = items_of(conn, plan.pack_id)
    values: dict[int, tuple[str, str, str | None]] = {}
    for row in done:
        item = items[row.directive_id]
        steps = read_steps(item.steps)
        settled = after[row.directive_id]
        if settled != row.before:
            steps.append((row.before, settled))
        text = json.dumps(steps, separators=(",", ":")) if steps else None
        values[item.id] = (row.answer.digest(), settled, text)
    record_answers(session, values, day)
    # A row in conflict was answered too (``pack status`` counts it), though nothing of it is in.
    mark_answered(
        session, [items[r.directive_id].id for r in plan.rows if r.action == CONFLICT], day
    )
    if pack.answered_on is None:
        pack.answered_on = day
        session.add(pack)
    session.flush()
