"""Directives and what happens to them: progress, completion, extensions, cancellation.

Also the rules a directive's days obey (a deadline not before its meeting,
:func:`due_before_meeting`; an act's day not before the day it was given, :func:`not_before_given`,
nor before a decision recorded later),
finding one recorded twice, correcting one (:func:`edit_directive`) and opening one again
(:func:`reopen`), and reading directive facts through a filter (:func:`iter_facts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from sqlmodel import Session, col, select

from dirtrack.errors import Conflict, DatabaseError, DirtrackError, InvalidInput, NotFound
from dirtrack.i18n import Entity, Phrase
from dirtrack.models import (
    Directive,
    DirectiveCoordinator,
    DirectiveResult,
    Extension,
    Meeting,
    ProgressEntry,
    Request,
    Unit,
)
from dirtrack.status import DirectiveFacts, ProgressFact, progress_lowered
from dirtrack.store import check_edits, get_row
from dirtrack.store.units import (
    check_not_retired,
    hand_over_retired,
    holder_after,
    settle_closed,
)
from dirtrack.text import clean_optional, clean_text, clean_when, fold, may_be_stored, nfc

if TYPE_CHECKING:
    from dirtrack.models import Closure


def directive_text(text: str, due: date | None, held: date) -> str:
    """The directive's text as stored (:func:`dirtrack.text.clean_text`).

    Raises:
        InvalidInput: empty or blank-looking text, a control character, or a deadline before
            the meeting held on ``held``.
    """
    text = clean_text(text, "text")
    if not text:
        raise InvalidInput.of("directive_no_text")
    refused = due_before_meeting(due, held)
    if refused is not None:
        raise refused
    return text


def due_before_meeting(due: date | None, held: date) -> InvalidInput | None:
    """Why ``due`` cannot be the deadline of a directive given at a meeting held on ``held``
    (it is before the meeting), or None: ``assign``, ``edit --due``, a sheet's row."""
    if due is not None and due < held:
        return InvalidInput.of("due_before_meeting", due=due, held=held)
    return None


def add_directive(
    session: Session,
    *,
    meeting: Meeting,
    unit: Unit,
    text: str,
    due: date | None = None,
    due_text: str | None = None,
    coordinators: Sequence[Unit] = (),
    product: str | None = None,
    key: str | None = None,
    series_id: int | None = None,
    period: str | None = None,
    issued_on: date | None = None,
) -> Directive:
    """Record one directive for one lead unit (an occurrence of a series: ``series_id``,
    its ``period`` label and the day it is given, ``issued_on``).

    Raises:
        InvalidInput: empty text, or a deadline before the meeting.
    """
    text = directive_text(text, due, meeting.date)
    if series_id is None:  # an occurrence's units were checked with its series
        check_not_retired(session, [unit, *coordinators], meeting.date)
    assert meeting.id is not None and unit.id is not None
    directive = Directive(
        meeting_id=meeting.id,
        unit_id=unit.id,
        text=text,
        original_due=due,
        due_text=clean_when(due_text),
        product=clean_optional(product, "product"),
        key=clean_optional(key, "key"),
        series_id=series_id,
        period=period,
        issued_on=issued_on,
    )
    session.add(directive)
    session.flush()
    assert directive.id is not None
    added = {unit.id}  # the lead, and each coordinator once however often it is named
    for other in coordinators:
        assert other.id is not None
        if other.id not in added:
            added.add(other.id)
            session.add(DirectiveCoordinator(directive_id=directive.id, unit_id=other.id))
    session.flush()
    if series_id is None:  # a series is handed over by unit retire, and refused past it
        hand_over_retired(session, directive)
    return directive


def find_by_key(session: Session, key: str) -> list[Directive]:
    """The directives recorded with ``key``; none for a key no stored text can be
    (:func:`dirtrack.text.may_be_stored`), which :func:`add_directive` then refuses."""
    if not may_be_stored(key):
        return []
    query = select(Directive).where(Directive.key == nfc(key)).order_by(col(Directive.id))
    return list(session.exec(query))


def same_text_key(text: str) -> str:
    """What two directives' texts are compared by when one unit is given the same text twice at
    one meeting: case, accents and white space aside (:func:`dirtrack.text.fold`).

    Raises:
        InvalidInput: the text is blank or holds a control character.
    """
    return fold(clean_text(text, "text"))


def find_same_directive(
    session: Session, *, meeting_id: int, unit_id: int, text: str, other_than: int | None = None
) -> Directive | None:
    """A directive of this meeting for this lead unit whose text is ``text``, compared by
    :func:`same_text_key`; the oldest if several, ``other_than`` (the one being corrected) left
    out. The unit is the one that leads it now or the one the meeting gave it to: a directive
    given to a unit that has since retired has passed to the successor
    (:func:`hand_over_retired`), and naming the retired unit again is giving it the same text
    twice."""
    from dirtrack.moves import given_to
    from dirtrack.store.units import load_moves

    key = same_text_key(text)
    query = select(Directive).where(Directive.meeting_id == meeting_id).order_by(col(Directive.id))
    if other_than is not None:
        query = query.where(Directive.id != other_than)
    alike = [d for d in session.exec(query) if fold(d.text) == key]
    moved = [d.id for d in alike if d.unit_id != unit_id and d.id is not None]
    moves = load_moves(session.connection(), moved) if moved else {}
    for directive in alike:
        assert directive.id is not None
        if directive.unit_id == unit_id:
            return directive
        if moves.get(directive.id) and given_to(directive.unit_id, moves[directive.id]) == unit_id:
            return directive
    return None


def get_directive(session: Session, directive_id: int) -> Directive:
    return get_row(session, Directive, directive_id, "no_directive")


def given_on(session: Session, directive: Directive) -> date:
    """The day ``directive`` counts as given, which its relative deadlines (``trong 10 ngày làm
    việc``, ``sau Tết``…) count from: an occurrence's issue day, else its meeting's day."""
    if directive.issued_on is not None:
        return directive.issued_on
    return _meeting_date(session, directive)


def _meeting_date(session: Session, directive: Directive) -> date:
    """The day of ``directive``'s meeting. A meeting another program deleted under it (foreign
    keys off, before migration 0018's trigger) is said in one line pointing to doctor."""
    if not isinstance(directive.meeting_id, int):  # 1.5, another program's: no id at all
        raise DatabaseError.of(
            "db_link_not_id",
            entity=Entity("directive"),
            row=directive.id,
            parent=Entity("meeting"),
            value=directive.meeting_id,
        )
    meeting = session.get(Meeting, directive.meeting_id)
    if meeting is None:
        raise DatabaseError.of(
            "db_missing_record",
            entity=Entity("directive"),
            row=directive.id,
            parent=Entity("meeting"),
            id=directive.meeting_id,
        )
    return meeting.date


def not_before_given(
    directive_id: int | None, day: date, what: str, *, held: date, issued: date | None
) -> InvalidInput | None:
    """Why an act dated ``day`` cannot be recorded on a directive (``what``: the date's name in
    the error catalog, ``day_<what>``: ``day_completion``), or None: no act on a directive is
    dated before the day it is given (:func:`given_on`), the day of its meeting (``held``), or
    for an occurrence of a series the day it was issued (``issued``). Every writer asks it:
    ``done``, ``progress``, ``extend``, ``request``, ``cancel``, ``reopen``, a sheet, a pack, a
    JSON import."""
    if day < held:
        return InvalidInput.of(
            "day_before_meeting", what=Phrase(f"day_{what}"), day=day, id=directive_id, held=held
        )
    if issued is not None and day < issued:
        return InvalidInput.of(
            "day_before_issued", what=Phrase(f"day_{what}"), day=day, id=directive_id,
            issued=issued,
        )  # fmt: skip
    return None


def _check_not_before_given(session: Session, directive: Directive, day: date, what: str) -> None:
    """:func:`not_before_given`, raised."""
    refused = not_before_given(
        directive.id, day, what, held=_meeting_date(session, directive), issued=directive.issued_on
    )
    if refused is not None:
        raise refused


def decided_after(
    day: date, recorded: Iterable[tuple[date | None, str]]
) -> tuple[date, str] | None:
    """The latest of the ``recorded`` decisions on a directive (their day, and ``approval``,
    ``request`` or ``return``) dated after ``day``, the day it was closed, or None.

    The rule of :func:`before_recorded`, on values. An import of an export does not
    apply it: it restores what a register holds (a register made before `done` refused such a
    day, or by hand), and the status rules read such a directive as they read any other.
    """
    later = [(when, other) for when, other in recorded if when is not None and when > day]
    return max(later) if later else None


def recorded_after(conn: Connection, directive_id: int, day: date) -> tuple[date, str] | None:
    """The latest extension approval, request, return or reopening recorded on the directive
    after ``day`` (:func:`decided_after`), as the database holds them now: a directive reopened
    on a day is closed again on that day or later, never on a day its earlier closure was in
    force."""
    from sqlalchemy import func
    from sqlalchemy import select as core_select

    from dirtrack.models import Closure
    from dirtrack.store.tables import holds_rows

    recorded: list[tuple[date | None, str]] = []
    kinds: list[tuple[str, Any, Any]] = [
        ("approval", Extension.approved_on, Extension.directive_id),
        ("request", Request.asked_on, Request.directive_id),
        ("return", DirectiveResult.returned_on, DirectiveResult.directive_id),
        ("reopening", Closure.reopened_on, Closure.directive_id),
    ]
    if holds_rows(conn, "returned_completion"):  # its class built only when it holds one
        from dirtrack.models import ReturnedCompletion

        kinds.append(("return", ReturnedCompletion.returned_on, ReturnedCompletion.directive_id))
    for other, column, owner in kinds:
        query = core_select(func.max(column)).where(col(owner) == directive_id)
        recorded.append((conn.execute(query).scalar(), other))
    return decided_after(day, recorded)


def before_recorded(
    conn: Connection, directive_id: int, day: date, what: str
) -> InvalidInput | None:
    """Why the directive cannot be closed on ``day`` (``what``: ``completion``,
    ``cancellation``, the ``answer`` that withdraws it), or None: no decision on it may be dated
    later, no extension approved or request asked after ``day`` (an extension approved after
    the completion would turn a completion that was late into one on time), and no return of an
    earlier completion (it is open again only from that day). Progress reported later does not
    stop it: an office's sheet logs progress on the sheet's day, and a completion learnt of
    afterwards is recorded on its own day, as before. Nor may it be closed before the day it
    was given (:func:`not_before_given`: a sheet's row on an occurrence of a series). An import
    checks it before it writes."""
    from sqlalchemy import select as core_select

    from dirtrack.store.tables import directive as d
    from dirtrack.store.tables import meeting as m

    query = (
        core_select(d.c.issued_on, m.c.date)
        .join(m, m.c.id == d.c.meeting_id)
        .where(d.c.id == directive_id)
    )
    given = conn.execute(query).first()
    if given is not None:
        refused = not_before_given(directive_id, day, what, held=given.date, issued=given.issued_on)
        if refused is not None:
            return refused
    found = recorded_after(conn, directive_id, day)
    if found is None:
        return None
    first, other = found
    return InvalidInput.of(
        "day_before_recorded",
        what=Phrase(f"day_{what}"),
        day=day,
        other=Phrase(f"day_{other}"),
        first=first,
        id=directive_id,
    )


def _check_not_before_recorded(
    session: Session, directive: Directive, day: date, what: str
) -> None:
    """:func:`before_recorded`, raised.

    Raises:
        InvalidInput: naming the latest decision dated after ``day``.
    """
    assert directive.id is not None
    refused = before_recorded(session.connection(), directive.id, day, what)
    if refused is not None:
        raise refused


def _check_open(directive: Directive, action: str) -> None:
    """``action``: what was asked, ``do_<action>`` in the error catalog (``do_extend``)."""
    for code, closed_on in (
        ("directive_cancelled", directive.cancelled_on),
        ("directive_withdrawn", directive.withdrawn_on),
        ("directive_completed", directive.completed_on),
    ):
        if closed_on is not None:
            raise Conflict.of(code, action=Phrase(f"do_{action}"), id=directive.id, date=closed_on)


def add_progress(
    session: Session,
    directive_id: int,
    *,
    on: date,
    percent: int | None = None,
    note: str | None = None,
) -> ProgressEntry:
    """Log progress. Raises InvalidInput for a percent outside 0-100 or nothing to log."""
    directive = get_directive(session, directive_id)
    note = _checked_progress(directive, _meeting_date(session, directive), on, percent, note)
    entry = ProgressEntry(directive_id=directive_id, reported_on=on, percent=percent, note=note)
    session.add(entry)
    session.flush()
    return entry


def progress_lowered_by(
    session: Session, directive_id: int, on: date, percent: int | None
) -> ProgressFact | None:
    """The entry of the directive that ``percent`` reported ``on`` goes down from
    (:func:`dirtrack.status.progress_lowered`), or None."""
    if percent is None:
        return None
    rows = session.exec(
        select(ProgressEntry)
        .where(ProgressEntry.directive_id == directive_id)
        .order_by(col(ProgressEntry.reported_on), col(ProgressEntry.id))
    )
    entries = [ProgressFact(e.reported_on, e.percent, e.note) for e in rows]
    return progress_lowered(entries, percent, on)


def check_percent(percent: int) -> None:
    """Refuse a share done (``progress --percent``) outside 0 to 100."""
    if not 0 <= percent <= 100:
        raise InvalidInput.of("bad_percent", percent=percent)


def _checked_progress(
    directive: Any, held: date, on: date, percent: int | None, note: str | None
) -> str | None:
    """The note of a progress entry as stored, once the entry is checked against the directive
    (anything with ``id``, ``completed_on``, ``cancelled_on``, ``withdrawn_on``,
    ``issued_on``) and the day of its meeting (:func:`not_before_given`)."""
    if percent is not None:
        check_percent(percent)
    note = clean_optional(note, "note")
    if percent is None and note is None:
        raise InvalidInput.of("progress_nothing")
    _check_open(directive, "progress")
    refused = not_before_given(directive.id, on, "progress", held=held, issued=directive.issued_on)
    if refused is not None:
        raise refused
    return note


@dataclass(frozen=True)
class NewProgress:
    directive_id: int
    on: date
    percent: int | None = None
    note: str | None = None


class ProgressRefused(Exception):
    """:func:`add_progress_many` refused ``entries[index]`` with ``error``."""

    def __init__(self, index: int, error: DirtrackError) -> None:
        super().__init__(index, error)
        self.index = index
        self.error = error


def add_progress_many(session: Session, entries: Sequence[NewProgress]) -> None:
    """Log many progress entries at once, each checked exactly as :func:`add_progress` checks
    one: the directives read in a few queries, the entries written in one insert.

    Raises:
        ProgressRefused: the first entry refused, with the error add_progress raises for it;
            nothing is written then.
    """
    from sqlalchemy import insert
    from sqlalchemy import select as core_select

    from dirtrack.store.tables import directive as d
    from dirtrack.store.tables import meeting as m
    from dirtrack.store.tables import progress_entry

    ids = sorted({e.directive_id for e in entries})
    found: dict[int, Any] = {}
    for start in range(0, len(ids), 500):
        query = (
            core_select(
                d.c.id,
                d.c.completed_on,
                d.c.cancelled_on,
                d.c.withdrawn_on,
                d.c.issued_on,
                m.c.date.label("held"),
            )
            .join(m, m.c.id == d.c.meeting_id)
            .where(d.c.id.in_(ids[start : start + 500]))
        )
        found.update((row.id, row) for row in session.connection().execute(query))
    values: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        try:
            row = found.get(entry.directive_id)
            if row is None:
                raise NotFound.of("no_directive", id=entry.directive_id)
            note = _checked_progress(row, row.held, entry.on, entry.percent, entry.note)
        except DirtrackError as exc:
            raise ProgressRefused(index, exc) from None
        values.append(
            {
                "directive_id": entry.directive_id,
                "reported_on": entry.on,
                "percent": entry.percent,
                "note": note,
            }
        )
    if values:
        session.execute(insert(progress_entry), values)


def check_extension(
    session: Session, directive_id: int, *, new_due: date, approved_on: date
) -> None:
    """The rule every path that records an extension follows (``extend``, ``approve``, a
    sheet's new deadline): the new deadline is after the one in force on ``approved_on``, and
    before the new deadline of any extension approved later (which it would otherwise leave
    moving the deadline earlier).

    Raises:
        Conflict: ``extend_not_later``, ``extend_after_later``.
    """
    in_force = get_facts(session, directive_id, as_of=approved_on).due_at(approved_on)
    if in_force is not None and new_due <= in_force:
        raise Conflict.of("extend_not_later", id=directive_id, due=new_due, in_force=in_force)
    later = session.exec(
        select(Extension)
        .where(Extension.directive_id == directive_id, Extension.approved_on > approved_on)
        .where(Extension.new_due <= new_due)
        .order_by(col(Extension.approved_on))
    ).first()
    if later is not None:
        raise Conflict.of(
            "extend_after_later",
            id=directive_id,
            due=new_due,
            on=approved_on,
            later=later.new_due,
            later_on=later.approved_on,
        )


def extend(
    session: Session,
    directive_id: int,
    *,
    new_due: date,
    approved_on: date,
    due_text: str | None = None,
    reason: str | None = None,
) -> Extension:
    """Approve a new deadline; the original one is kept.

    Raises:
        Conflict: the directive is completed or cancelled, the new deadline is on or before
            the deadline in force on ``approved_on``, or on or after the new deadline of an
            extension approved later (which would then move the deadline earlier).
        InvalidInput: the approval or the new deadline is before the meeting.
    """
    directive = get_directive(session, directive_id)
    _check_open(directive, "extend")
    _check_not_before_given(session, directive, approved_on, "approval")
    _check_not_before_given(session, directive, new_due, "new_deadline")
    check_extension(session, directive_id, new_due=new_due, approved_on=approved_on)
    extension = Extension(
        directive_id=directive_id,
        approved_on=approved_on,
        new_due=new_due,
        due_text=clean_when(due_text),
        reason=clean_optional(reason, "reason"),
    )
    session.add(extension)
    session.flush()
    return extension


def cancel(
    session: Session, directive_id: int, *, on: date, reason: str | None = None
) -> Directive:
    directive = get_directive(session, directive_id)
    _check_open(directive, "cancel")
    _check_not_before_given(session, directive, on, "cancellation")
    _check_not_before_recorded(session, directive, on, "cancellation")
    directive.cancelled_on = on
    directive.cancel_reason = clean_optional(reason, "reason")
    session.add(directive)
    session.flush()
    settle_closed(session, directive)
    return directive


def reopen(
    session: Session,
    directive_id: int,
    *,
    on: date,
    reason: str | None = None,
    mistake: bool = False,
) -> Directive:
    """Open a completed, cancelled or withdrawn directive again from ``on``.

    A reopening (the unit's product sent back, the task goes on): the closure was true from its
    day until ``on``, and stays on record as a :class:`~dirtrack.models.Closure` (its note or
    reason, its result document, ``on`` and ``reason``) that the status rules read on the days
    it was in force. With ``mistake`` (the clerk closed the wrong directive), the closure is
    cleared as if never recorded: only the change log keeps it. Either way the directive's own
    closure (with its result document) is cleared. A directive of a unit that retired since it
    was closed passes to the unit's successor (following a chain of retirements) from ``on``,
    recorded as a retirement's move is (:func:`hand_over_retired`); with ``mistake``, from the
    day the unit retired, since it was open then.

    Raises:
        Conflict: the directive is neither completed, cancelled nor withdrawn.
        InvalidInput: ``on`` is before the meeting, or before the day it was closed.
    """
    directive = get_directive(session, directive_id)
    closed = (directive.completed_on, directive.cancelled_on, directive.withdrawn_on)
    if all(day is None for day in closed):
        raise Conflict.of("reopen_open", id=directive_id)
    _check_not_before_given(session, directive, on, "reopening")
    for other, day in zip(("completion", "cancellation", "answer"), closed, strict=True):
        if day is not None and on < day:
            raise InvalidInput.of(
                "day_before_recorded",
                what=Phrase("day_reopening"),
                day=on,
                other=Phrase(f"day_{other}"),
                first=day,
                id=directive.id,
            )
    result = session.get(DirectiveResult, directive_id)
    if not mistake:
        session.add(_closure_of(directive, result, on, clean_optional(reason, "reason")))
    if result is not None and result.returned_on is not None:
        # a completion returned, then the directive cancelled or withdrawn: the return stays
        from dirtrack.store.results import keep_returned

        keep_returned(session, directive, result)
    directive.completed_on = None
    directive.completion_note = None
    directive.cancelled_on = None
    directive.cancel_reason = None
    directive.withdrawn_on = None
    if result is not None:
        session.delete(result)
    session.add(directive)
    session.flush()
    # Open again and held by a unit retired meanwhile: its heir takes it from the reopening
    # (from the retirement when the closure is cleared as if never recorded).
    hand_over_retired(session, directive, since=None if mistake else on)
    return directive


def closure_exact(kind: str, exact: bool) -> bool:
    """Whether the day of a closure a reopening ended is exact, as it is stored: a
    completion's as it was recorded (False: done by that day, from a sheet), a cancellation's
    or withdrawal's always (a day recorded as given)."""
    return exact if kind == "done" else True


def _closure_of(
    directive: Directive, result: DirectiveResult | None, on: date, reason: str | None
) -> Closure:
    """The directive's current closure, ended by a reopening on ``on``: its cancellation, else
    its withdrawal, else its completion with its result document (the order the status rules
    read them in)."""
    from dirtrack.models import Closure

    assert directive.id is not None
    if directive.cancelled_on is not None:
        kind, day, note = "cancelled", directive.cancelled_on, directive.cancel_reason
    elif directive.withdrawn_on is not None:
        kind, day, note = "withdrawn", directive.withdrawn_on, None
    else:
        assert directive.completed_on is not None
        kind, day, note = "done", directive.completed_on, directive.completion_note
    closure = Closure(
        directive_id=directive.id,
        kind=kind,
        closed_on=day,
        completed_on_exact=closure_exact(kind, directive.completed_on_exact),
        note=note,
        reopened_on=on,
        reopen_reason=reason,
    )
    if kind == "done" and result is not None:
        for name in RESULT_FIELDS:
            setattr(closure, name, getattr(result, name))
    return closure


# The columns of a result document a closure keeps, as directive_result names them: not its
# return, which a completion a reopening ended never had (`return` opens the directive again).
RESULT_FIELDS = (
    "claimed_on",
    "doc",
    "doc_date",
    "file",
    "file_hash",
    "verdict",
    "accepted_on",
)


# What `edit directive` can change; each key of the changes given to edit_directive.
DIRECTIVE_EDITS = ("text", "unit", "with", "due", "due_text", "product", "field")


def edit_directive(
    session: Session,
    directive_id: int,
    changes: Mapping[str, Any],
    *,
    allow_duplicate: bool = False,
) -> Directive:
    """Correct a directive: ``changes`` maps a name of :data:`DIRECTIVE_EDITS` to its new value.

    ``text``, ``product``: text; ``unit``: the lead :class:`Unit`; ``with``: the coordinating
    units (a sequence of :class:`Unit`, empty for none; the lead unit is left out); ``due``:
    the original deadline (a date, or None for none), with ``due_text`` the words it was given
    in. A deadline corrected here is the original one, not an extension. ``field``: the id of
    its field (:func:`dirtrack.store.fields.resolve_field`), or None for none.

    Raises:
        InvalidInput: empty text, a deadline before the meeting or not before an approved
            extension, no deadline where one was extended, nothing to change.
        Conflict: the new lead unit already holds a directive with this one's key, or
            (unless ``allow_duplicate``) the corrected text or lead unit makes it the same text
            for the same unit at the same meeting as another directive, which ``assign``
            refuses.
    """
    directive = get_directive(session, directive_id)
    check_edits(changes, DIRECTIVE_EDITS)  # the missing record is named first
    assert directive.id is not None
    held = _meeting_date(session, directive)
    was = (fold(directive.text), directive.unit_id)
    if "text" in changes:
        directive.text = directive_text(changes["text"], None, held)
    if "product" in changes:
        directive.product = clean_optional(changes["product"], "product")
    if "field" in changes:
        directive.field_id = changes["field"]
    if "due" in changes:
        due = changes["due"]
        refused = due_before_meeting(due, held)
        if refused is None and due is not None:  # an occurrence's, not before it was issued
            refused = not_before_given(
                directive.id, due, "deadline", held=held, issued=directive.issued_on
            )
        if refused is not None:
            raise refused
        extensions = session.exec(
            select(Extension).where(Extension.directive_id == directive.id)
        ).all()
        later = [e for e in extensions if due is not None and e.new_due <= due]
        if later:
            raise InvalidInput.of(
                "due_after_extension", id=directive.id, due=due, extended=later[0].new_due
            )
        if due is None and extensions:
            # the deadline in force is the extension's: removing the one it extended left it
            # in force in silence (show and the sheet gave 30/9 as due, "given" no deadline)
            last = max(extensions, key=lambda e: e.new_due)
            raise InvalidInput.of("no_due_extended", id=directive.id, extended=last.new_due)
        directive.original_due = due
        directive.due_text = clean_when(changes.get("due_text"))
    if "unit" in changes or "with" in changes:
        changes = _as_handed_over(session, directive, changes)
    if "unit" in changes:
        lead: Unit = changes["unit"]
        assert lead.id is not None
        if lead.id != directive.unit_id:
            check_not_retired(session, [lead], held)
        if directive.key is not None and lead.id != directive.unit_id:
            clash = session.exec(
                select(Directive.id).where(
                    Directive.key == directive.key, Directive.unit_id == lead.id
                )
            ).first()
            if clash is not None:
                raise Conflict.of("edit_key_clash", id=directive.id, unit=lead.code, other=clash)
        directive.unit_id = lead.id
    if not allow_duplicate and (fold(directive.text), directive.unit_id) != was:
        assert directive.meeting_id is not None
        same = find_same_directive(
            session,
            meeting_id=directive.meeting_id,
            unit_id=directive.unit_id,
            text=directive.text,
            other_than=directive.id,
        )
        # the occurrences of one series share their text: each is a period's
        if same is not None and (same.series_id is None or same.series_id != directive.series_id):
            unit = session.get(Unit, directive.unit_id)
            code = unit.code if unit is not None else directive.unit_id
            raise Conflict.of(
                "directive_duplicate", id=same.id, unit=code, meeting=directive.meeting_id
            )
    if "with" in changes:
        had = set(
            session.exec(
                select(DirectiveCoordinator.unit_id).where(
                    DirectiveCoordinator.directive_id == directive.id
                )
            )
        )
        check_not_retired(session, [u for u in changes["with"] if u.id not in had], held)
    session.add(directive)
    session.flush()
    _set_coordinators(session, directive, changes)
    if "unit" in changes or "with" in changes:
        hand_over_retired(session, directive)
    return directive


def _as_handed_over(
    session: Session, directive: Directive, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """``changes`` with a retired unit whose part in ``directive`` a retirement handed over (a
    recorded move of its lead, a handover of its coordination) named where its successor
    already is (the lead, or a coordinating unit), as that successor: naming it again changes
    nothing (and records no second handover). A retired unit that never had a part here stays
    as typed: the correction holds on every day, and :func:`hand_over_retired` hands its part
    over from the day it retired, said as every handover is."""
    from dirtrack.moves import in_force
    from dirtrack.store.units import load_handovers, load_moves

    assert directive.id is not None
    found = dict(changes)
    conn = session.connection()
    moves = load_moves(conn, [directive.id]).get(directive.id, [])
    handed = {m.from_unit_id for m in in_force(directive.unit_id, moves)}
    handed |= {h.from_unit_id for h in load_handovers(conn, [directive.id]).get(directive.id, [])}
    now = set(
        session.exec(
            select(DirectiveCoordinator.unit_id).where(
                DirectiveCoordinator.directive_id == directive.id
            )
        )
    )
    lead = found.get("unit")
    if (
        lead is not None
        and lead.id in handed
        and holder_after(session, lead, directive).id == directive.unit_id
    ):
        found["unit"] = session.get(Unit, directive.unit_id)
    if "with" in found:
        held = {directive.unit_id, *now}
        found["with"] = [
            heir
            if u.id in handed and (heir := holder_after(session, u, directive)).id in held
            else u
            for u in found["with"]
        ]
    return found


def coordinator_ids(session: Session, directive_id: int) -> set[int]:
    """The ids of the units that coordinate ``directive_id`` now."""
    return set(
        session.exec(
            select(DirectiveCoordinator.unit_id).where(
                DirectiveCoordinator.directive_id == directive_id
            )
        )
    )


def _set_coordinators(session: Session, directive: Directive, changes: Mapping[str, Any]) -> None:
    """Replace the coordinating units when ``with`` is given; drop the lead unit from them."""
    assert directive.id is not None
    current = {
        c.unit_id: c
        for c in session.exec(
            select(DirectiveCoordinator).where(DirectiveCoordinator.directive_id == directive.id)
        )
    }
    wanted = set(current)
    if "with" in changes:
        wanted = {u.id for u in changes["with"] if u.id is not None}
    wanted.discard(directive.unit_id)
    for unit_id, row in current.items():
        if unit_id not in wanted:
            session.delete(row)
    for unit_id in sorted(wanted - set(current)):
        session.add(DirectiveCoordinator(directive_id=directive.id, unit_id=unit_id))
    session.flush()


@dataclass(frozen=True)
class DirectiveFilter:
    """Which directives to fetch; None means no restriction."""

    ids: Sequence[int] | None = None
    unit_ids: Sequence[int] | None = None
    meeting_id: int | None = None
    held_on_or_before: date | None = None
    # Leave out directives completed or cancelled before this day (a report's start).
    closed_not_before: date | None = None
    # Only directives open (in time or overdue) on this day.
    open_on: date | None = None


def iter_facts(session: Session, flt: DirectiveFilter, *, as_of: date) -> Iterator[DirectiveFacts]:
    """Yield the facts of every matching directive, judged as of ``as_of``, in id order, a batch
    at a time.

    Read as Core rows by :mod:`dirtrack.store.facts`, several times faster than ORM objects
    and in constant memory; pending ORM changes are flushed first, so they are seen.
    """
    from dirtrack.store import facts

    session.flush()
    ids = facts.filter_ids(
        ids=flt.ids,
        unit_ids=flt.unit_ids,
        meeting_id=flt.meeting_id,
        held_on_or_before=flt.held_on_or_before,
        closed_not_before=flt.closed_not_before,
        open_on=flt.open_on,
    )
    yield from facts.iter_facts(session.connection(), ids, as_of=as_of)


def get_facts(session: Session, directive_id: int, *, as_of: date) -> DirectiveFacts:
    """The facts of one directive, judged as of ``as_of``."""
    for facts in iter_facts(session, DirectiveFilter(ids=[directive_id]), as_of=as_of):
        return facts
    raise NotFound.of("no_directive", id=directive_id)


def facts_given_by(session: Session, directive_id: int, *, as_of: date) -> DirectiveFacts:
    """:func:`get_facts` of a directive given by ``as_of`` (its meeting's day, or an
    occurrence's issue day), as ``list --as-of`` shows it (:func:`dirtrack.store.rules.held_by`).

    Raises:
        NotFound: no such directive.
        InvalidInput: it was not given yet on ``as_of``.
    """
    facts = get_facts(session, directive_id, as_of=as_of)
    if as_of < facts.given_on:
        raise InvalidInput.of("not_given_yet", id=facts.id, day=as_of, given=facts.given_on)
    return facts
