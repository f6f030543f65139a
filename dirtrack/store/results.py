"""Results and acceptance of completions; requests (extension, withdrawal) and their answers.

Which day decides on time or late (``directive.completed_on``, the C of the status rules):

- an office that accepts completions and decides on the acceptance: the day of ``accept``; a
  completion reported by ``done`` waits for it, and the directive stays open meanwhile;
- otherwise: the result document's date when ``done`` gives one, else ``done --date``.

``return`` sends a completion back: the directive is open again, the result row keeps the
return and its reason, and the directive its completion note (as while the completion waited
for acceptance) until the next ``done``, which moves them to a
:class:`~dirtrack.models.ReturnedCompletion` (:func:`keep_returned`) before it writes its own:
every completion returned stays on record, oldest first, the current one in the result row.
An approved extension request becomes an :class:`Extension` dated on the approval; an
approved withdrawal request sets ``directive.withdrawn_on`` (status ``withdrawn``).
A new deadline asked for is judged here once (:func:`check_asked_due`), for ``request extend``,
``pack in`` and a sheet's row alike.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dirtrack.errors import Conflict, InvalidInput
from dirtrack.i18n import ERRORS, Phrase
from dirtrack.inputs import open_input, refused_input, user_path
from dirtrack.kinds import VERDICT_NAMES, VERDICTS
from dirtrack.models import Directive, DirectiveResult, Request
from dirtrack.status import ResultFact, ReturnedFact
from dirtrack.store import get_row, tables
from dirtrack.store.directives import (
    _check_not_before_given,
    _check_not_before_recorded,
    _check_open,
    extend,
    get_directive,
)
from dirtrack.store.units import settle_closed
from dirtrack.text import clean_optional, clean_when, match_name, nfc

if TYPE_CHECKING:
    from dirtrack.models import ReturnedCompletion

EXTEND, WITHDRAW = "extend", "withdraw"
APPROVED, REJECTED = "approved", "rejected"

# A document number as NĐ 30/2020 (``45/BC-SYT``, ``42/2014/QĐ-TTg``, ``1298/QĐ-UBND-HC``)
# and the Party's 36-HD/VPTW (``111-KL/TU``, ``8011-CV/BTCTW``) write it.
_DOC = re.compile(
    r"\d{1,6}(?:/\d{4})?[-/][A-ZĐ][A-Za-zĐđ0-9]*(?:[-/.][A-Za-zĐđ0-9]+)*",
)


@dataclass(frozen=True)
class Regime:
    """What the office's profile says about completions."""

    accepts: bool = False  # the office accepts (nghiệm thu) completions
    by_acceptance: bool = False  # the acceptance day, not the result document's, decides


def office_regime(session: Session) -> Regime:
    """What the office profile says about completions (defaults when it was never set)."""
    from dirtrack.store.office import load

    profile = load(session)
    accepts = bool(profile["accepts_completions"])
    return Regime(accepts, accepts and profile["on_time_by"] == "acceptance")


def document_number(text: str | None, what: str = "doc") -> str | None:
    """``text`` as a document number, spaces removed; None for None.

    Raises:
        InvalidInput: not in a form of NĐ 30/2020 or 36-HD/VPTW.
    """
    cleaned = clean_optional(text, what)
    if cleaned is None:
        return None
    compact = re.sub(r"\s+", "", nfc(cleaned))
    if not _DOC.fullmatch(compact):
        raise InvalidInput.of("bad_doc_number", value=cleaned, option="--doc")
    return compact


def drafting_suffix(number: str | None) -> str | None:
    """The drafting unit's suffix of a state document number: ``KGVX`` of ``7565/VPCP-KGVX``."""
    if not number:
        return None
    tail = number.rsplit("/", 1)[-1]
    parts = tail.split("-")
    return parts[-1] if len(parts) >= 2 else None


def file_hash(path: str) -> tuple[str, str]:
    """The path as given (NFC) and the SHA-256 of the file's bytes.

    Raises:
        InvalidInput: the file cannot be read, or is empty (0 bytes: no document, nothing its
            SHA-256 could vouch for).
    """
    target = user_path(path)
    digest = hashlib.sha256()
    size = 0
    try:
        with open_input(target, give=Phrase("give_result_file")) as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise refused_input(path, exc) from None
    if not size:
        raise InvalidInput.of("result_file_empty", path=path)
    return nfc(str(target)), digest.hexdigest()


def _result(session: Session, directive_id: int) -> DirectiveResult | None:
    return session.get(DirectiveResult, directive_id)


def check_verdict(verdict: str) -> str:
    """``done --verdict``: one of :data:`dirtrack.kinds.VERDICTS`, given as itself or by its
    Vietnamese name (``đạt``, ``vuot``); the code."""
    code = match_name(verdict, VERDICT_NAMES)
    if code is None:
        raise InvalidInput.of("bad_verdict", value=verdict, choices=", ".join(VERDICTS))
    return code


def complete(
    session: Session,
    directive_id: int,
    *,
    on: date,
    note: str | None = None,
    doc: str | None = None,
    doc_date: date | None = None,
    file: str | None = None,
    verdict: str | None = None,
    regime: Regime = Regime(),
) -> Directive:
    """Record a completion reported on ``on`` with its result; see the module docstring.

    Raises:
        Conflict: the directive is done, cancelled or withdrawn, or its completion waits for
            acceptance.
        InvalidInput: a date before the meeting, a document dated after the report, a bad
            verdict or document number, an unreadable file.
    """
    directive = get_directive(session, directive_id)
    _check_open(directive, "complete")
    _check_not_before_given(session, directive, on, "completion")
    if doc_date is not None:
        _check_not_before_given(session, directive, doc_date, "result_doc")
        if doc_date > on:
            raise InvalidInput.of("doc_after_done", doc_date=doc_date, date=on)
    if verdict is not None:
        verdict = check_verdict(verdict)
    number = document_number(doc)
    stored_file, digest = file_hash(file) if file else (None, None)
    found = _result(session, directive_id)
    if found is not None and found.accepted_on is None and found.returned_on is None:
        raise Conflict.of("awaiting_acceptance", id=directive_id, date=found.claimed_on)
    waits = regime.accepts and regime.by_acceptance
    # The day that closes it (C): the document's when given, else the day reported; the
    # acceptance's, later still, when the office decides by acceptance.
    _check_not_before_recorded(session, directive, on if waits else (doc_date or on), "completion")
    told = (number, doc_date, stored_file, verdict) != (None, None, None, None)
    if found is not None and found.returned_on is not None:
        keep_returned(session, directive, found)
    if found is not None or told or waits:
        # A plain `done` keeps no result row: accept/return make one when they need it.
        if found is None:
            found = DirectiveResult(directive_id=directive_id, claimed_on=on)
        found.claimed_on = on
        found.doc, found.doc_date, found.verdict = number, doc_date, verdict
        found.file, found.file_hash = stored_file, digest
        found.accepted_on = found.returned_on = found.return_reason = None
        session.add(found)
    directive.completion_note = clean_optional(note, "note")
    if not waits:
        directive.completed_on = doc_date or on
    session.add(directive)
    session.flush()
    settle_closed(session, directive)
    return directive


def keep_returned(session: Session, directive: Directive, result: DirectiveResult) -> None:
    """Keep the returned completion ``result`` holds, with the directive's completion note, as
    a :class:`~dirtrack.models.ReturnedCompletion`, before the result row and the note are
    overwritten by the next ``done`` or cleared by ``reopen``: the one writer of that table."""
    from dirtrack.models import ReturnedCompletion
    from dirtrack.store.history import returned_by

    assert directive.id is not None and result.returned_on is not None
    who = returned_by(session.connection(), directive.id, result.returned_on)
    session.add(
        ReturnedCompletion(
            directive_id=directive.id,
            claimed_on=result.claimed_on,
            doc=result.doc,
            doc_date=result.doc_date,
            file=result.file,
            file_hash=result.file_hash,
            verdict=result.verdict,
            note=directive.completion_note,
            returned_on=result.returned_on,
            return_reason=result.return_reason or "",
            returned_by=who,
        )
    )


def returned_in(session: Session, ids: list[int]) -> list[ReturnedCompletion]:
    """The completions returned and reported again since of the directives ``ids``: none
    read, and no class built, when none is recorded."""
    if not tables.holds_rows(session.connection(), "returned_completion"):
        return []
    from dirtrack.models import ReturnedCompletion

    kept = select(ReturnedCompletion).where(col(ReturnedCompletion.directive_id).in_(ids))
    return list(session.exec(kept))


def returned_of(conn: Connection, directive_id: int) -> list[ReturnedFact]:
    """The completions of the directive that were returned and followed by another ``done``
    (:func:`keep_returned`), oldest first: none read, and no class built, when none is
    recorded."""
    if not tables.holds_rows(conn, "returned_completion"):
        return []
    kept = tables.returned_completion
    rows = conn.execute(
        core_select(kept)
        .where(kept.c.directive_id == directive_id)
        .order_by(kept.c.claimed_on, kept.c.id)
    ).mappings()
    return [
        ReturnedFact(
            ResultFact(
                claimed_on=row["claimed_on"],
                doc=row["doc"],
                doc_date=row["doc_date"],
                file=row["file"],
                file_hash=row["file_hash"],
                verdict=row["verdict"],
                returned_on=row["returned_on"],
                return_reason=row["return_reason"],
            ),
            row["note"],
            row["returned_by"],
        )
        for row in rows
    ]


def _claimed(session: Session, directive: Directive, action: str) -> DirectiveResult:
    """The completion waiting for the office's answer."""
    assert directive.id is not None
    found = _result(session, directive.id)
    if directive.cancelled_on is not None or directive.withdrawn_on is not None:
        _check_open(directive, action)
    if found is None and directive.completed_on is not None:  # a plain `done`
        found = DirectiveResult(directive_id=directive.id, claimed_on=directive.completed_on)
        session.add(found)
    if found is None or found.returned_on is not None:
        raise Conflict.of("not_done", action=Phrase(f"do_{action}"), id=directive.id)
    if found.accepted_on is not None:
        raise Conflict.of("already_accepted", id=directive.id, date=found.accepted_on)
    return found


def accept(session: Session, directive_id: int, *, on: date, regime: Regime = Regime()) -> None:
    """The office accepts the completion reported for the directive.

    Raises:
        Conflict: nothing reported done, or already accepted.
        InvalidInput: ``on`` before the completion was reported.
    """
    directive = get_directive(session, directive_id)
    found = _claimed(session, directive, "accept")
    if on < found.claimed_on:
        raise InvalidInput.of("accept_before_done", date=on, done=found.claimed_on)
    if directive.completed_on is None:  # the acceptance's day is the completion's
        _check_not_before_recorded(session, directive, on, "acceptance")
    found.accepted_on = on
    session.add(found)
    if directive.completed_on is None:
        directive.completed_on = on
        session.add(directive)
    session.flush()
    settle_closed(session, directive)


def send_back(session: Session, directive_id: int, *, on: date, reason: str) -> None:
    """The office returns the completion: the directive is open again.

    Raises:
        Conflict: nothing reported done, or already accepted.
        InvalidInput: no reason, or ``on`` before the completion was reported.
    """
    directive = get_directive(session, directive_id)
    found = _claimed(session, directive, "return")
    text = clean_optional(reason, "reason")
    if not text:
        raise InvalidInput.of("reason_required")
    if on < found.claimed_on:
        raise InvalidInput.of("accept_before_done", date=on, done=found.claimed_on)
    found.returned_on, found.return_reason = on, text
    session.add(found)
    directive.completed_on = None  # never counted; its note stays, as its result row does
    session.add(directive)
    session.flush()
    # open all along, so held by the successor of a unit retired since it was reported done
    from dirtrack.store.units import hand_over_retired

    hand_over_retired(session, directive)


# --- requests ----------------------------------------------------------------------------------


def ask(
    session: Session,
    directive_id: int,
    *,
    kind: str,
    on: date,
    reason: str,
    to_due: date | None = None,
    due_text: str | None = None,
    doc: str | None = None,
) -> Request:
    """A unit's request on an open directive.

    Raises:
        Conflict: the directive is closed (done, cancelled, withdrawn, or reported done and
            waiting for acceptance), or a request of the same kind waits for an answer.
        InvalidInput: no reason, a day before the meeting, a new deadline not after the one in
            force when asked, a bad document number.
    """
    directive = get_directive(session, directive_id)
    action = f"request_{kind}"
    _check_open(directive, action)
    claim = _result(session, directive_id)
    if claim is not None and claim.accepted_on is None and claim.returned_on is None:
        raise Conflict.of("awaiting_acceptance", id=directive_id, date=claim.claimed_on)
    text = clean_optional(reason, "reason")
    if not text:
        raise InvalidInput.of("reason_required")
    number = document_number(doc)
    _check_not_before_given(session, directive, on, "request")
    if kind == EXTEND:  # what is asked for is judged before whether it may be asked now
        assert to_due is not None
        check_asked_due(session, directive, to_due, on)
    waiting = session.exec(
        select(Request).where(
            Request.directive_id == directive_id,
            Request.kind == kind,
            col(Request.decision).is_(None),
        )
    ).first()
    if waiting is not None:
        raise Conflict.of("request_pending", id=directive_id, request=waiting.id)
    found = Request(
        directive_id=directive_id,
        kind=kind,
        asked_on=on,
        to_due=to_due,
        due_text=clean_when(due_text),
        reason=text,
        doc=number,
    )
    session.add(found)
    session.flush()
    return found


def check_asked_due(session: Session, directive: Directive, to_due: date, on: date) -> None:
    """Refuse a new deadline asked for on ``on`` (``request extend --to``, a pack's "new
    deadline asked" cell) that is not after the deadline in force that day, or before the
    meeting: a bad value whether or not another request waits for an answer.

    Raises:
        InvalidInput: not after the deadline in force, or before the meeting.
    """
    from dirtrack.store.directives import get_facts

    assert directive.id is not None
    refused = asked_not_later(to_due, get_facts(session, directive.id, as_of=on).due_at(on))
    if refused is not None:
        raise refused
    _check_not_before_given(session, directive, to_due, "new_deadline")


def asked_not_later(to_due: date, in_force: date | None) -> InvalidInput | None:
    """Why a new deadline ``to_due`` cannot be asked for while ``in_force`` is the deadline in
    force, or None: the comparison of :func:`check_asked_due`, on values (a sheet's row read
    before its directive is recorded gives the deadline its cells say)."""
    if in_force is not None and to_due <= in_force:
        return InvalidInput.of("request_not_later", to=to_due, due=in_force)
    return None


def get_request(session: Session, request_id: int) -> Request:
    return get_row(session, Request, request_id, "no_request")


def _pending(session: Session, request_id: int) -> Request:
    found = get_request(session, request_id)
    if found.decision is not None:
        # a decision another program typed in (none of dirtrack's) is said as stored, quoted
        known = f"req_{found.decision}" in ERRORS
        decision = Phrase(f"req_{found.decision}") if known else repr(found.decision)
        if found.decided_on is None:
            raise Conflict.of("request_answered_undated", id=request_id, decision=decision)
        raise Conflict.of(
            "request_answered", id=request_id, decision=decision, date=found.decided_on
        )
    return found


def approve(
    session: Session,
    request_id: int,
    *,
    on: date,
    doc: str | None = None,
    objective: bool = False,
) -> Request:
    """Approve a request: an extension dated ``on``, or the directive withdrawn on ``on``.

    Raises:
        Conflict: already answered; the directive was closed meanwhile.
        InvalidInput: ``on`` before the request; a bad document number.
    """
    found = _pending(session, request_id)
    number = document_number(doc)
    if on < found.asked_on:
        raise InvalidInput.of("answer_before_request", date=on, asked=found.asked_on)
    directive = get_directive(session, found.directive_id)
    if found.kind == EXTEND:
        assert found.to_due is not None
        reason = found.reason if number is None else f"{found.reason} ({number})"
        ext = extend(
            session,
            found.directive_id,
            new_due=found.to_due,
            approved_on=on,
            due_text=found.due_text,
            reason=reason,
        )
        found.extension_id = ext.id
    else:
        _check_open(directive, "withdraw")
        _check_not_before_recorded(session, directive, on, "answer")
        directive.withdrawn_on = on
        session.add(directive)
    found.decision, found.decided_on, found.decision_doc = APPROVED, on, number
    found.objective = objective
    session.add(found)
    session.flush()
    if found.kind != EXTEND:
        settle_closed(session, directive)
    return found


def approve_for(session: Session, directive_id: int, request_id: int, *, on: date) -> date:
    """Approve ``request_id``, a request for a new deadline of ``directive_id``
    (``extend ID --from-request REQUEST``); return the new deadline.

    Raises:
        NotFound: no such request.
        InvalidInput: it is another directive's, or not a request for a new deadline.
        Conflict, InvalidInput: as :func:`approve`.
    """
    found = get_request(session, request_id)
    if found.directive_id != directive_id or found.kind != EXTEND:
        raise InvalidInput.of("request_not_extension", request=request_id, id=directive_id)
    approved = approve(session, request_id, on=on)
    assert approved.to_due is not None
    return approved.to_due


def reject(session: Session, request_id: int, *, on: date, reason: str) -> Request:
    """Refuse a request, with the reason.

    Raises:
        Conflict: already answered.
        InvalidInput: no reason; ``on`` before the request.
    """
    found = _pending(session, request_id)
    text = clean_optional(reason, "reason")
    if not text:
        raise InvalidInput.of("reason_required")
    if on < found.asked_on:
        raise InvalidInput.of("answer_before_request", date=on, asked=found.asked_on)
    found.decision, found.decided_on, found.decision_reason = REJECTED, on, text
    session.add(found)
    session.flush()
    return found
