"""Recording a reviewed meeting draft: ``dirtrack import DRAFT`` and ``extract --apply``.

All or nothing, as every import: the draft is checked whole (units resolved, dates present,
texts not empty) and only then written, in the caller's one transaction. Every problem is named
with the line of the draft it stands on.

Decisions: the draft's ``units`` are the meeting's attendees. A limitation or directive whose
``unit`` is empty goes to the meeting's one unit when it has exactly one; otherwise the import
stops and names the item's line (nothing is dropped, nothing copied onto every attendee).

A second import of the same draft changes nothing: the meeting's ``key`` (derived from the
article by ``extract``) is stored with it, and a draft recorded already, unchanged, is reported
as unchanged and writes nothing. A draft whose key, or else whose date and title, is already a
meeting's but which differs from what was recorded (edited since) is refused with that
meeting's id, unless ``allow_duplicate`` (the copy is then recorded without keys). The
document's number (``doc``: a notice's, a letter's, a conclusion's), each directive's
``product`` and ``key`` are stored as given.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session, col, select

from dirtrack import collector
from dirtrack.errors import Conflict, DirtrackError, InvalidInput, NotFound
from dirtrack.extract.deadlines import deadline_problem, resolve
from dirtrack.extract.draft import Draft, DraftProblems
from dirtrack.i18n import Phrase
from dirtrack.inputs import decode_text, json_problem, long_number_at, open_input, refused_input
from dirtrack.models import Category, Directive, Limitation, Meeting, MeetingKind, Unit
from dirtrack.store import directives as directive_store
from dirtrack.store import limitations as limitation_store
from dirtrack.store.meetings import add_meeting
from dirtrack.store.units import UnitIndex, add_unit, check_not_retired, is_code
from dirtrack.text import (
    MarkedNames,
    clean_optional,
    clean_text,
    fold_words,
    may_be_stored,
    spelled_out,
    start_of,
)
from dirtrack.transfer.base import (
    ImportOptions,
    ImportRejected,
    ImportResult,
    Problem,
    Progress,
    Wording,
)

# A table header as TOML allows it: [meeting] or [[directives]], spaces inside the brackets,
# the name quoted, a comment after it.
_HEADER = re.compile(
    r"\s*\[{1,2}\s*[\"']?(meeting|units|limitations|directives)[\"']?\s*\]{1,2}\s*(?:#.*)?"
)
_MEETING_KEY = re.compile(r"\s*[\"']?meeting[\"']?\s*(?:=|\.)")
# [meeting.date] or [meeting.a.b]: a table inside the meeting's, which makes the meeting too
_MEETING_SUB = re.compile(r"\s*\[\s*[\"']?meeting[\"']?\s*\.")
_WHERE = re.compile(r"^(meeting|draft|(units|limitations|directives) #(\d+))\b")


def _header_lines(text: str) -> dict[str, int]:
    """Line numbers (1-based) of ``[meeting]`` and of each ``[[section]]`` block, by place."""
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = _HEADER.fullmatch(line)
        if m is None:
            if "meeting" not in lines and (
                (not counts and _MEETING_KEY.match(line)) or _MEETING_SUB.match(line)
            ):
                lines["meeting"] = number  # meeting = "…" (a value, not a table), meeting.x
            continue
        if m[1] == "meeting":  # [meeting], or the [[meeting]] a draft must not have
            lines.setdefault("meeting", number)
        elif m[0].lstrip().startswith("[["):
            counts[m[1]] = counts.get(m[1], 0) + 1
            lines[f"{m[1]} #{counts[m[1]]}"] = number
    return lines


def _json_marks(text: str) -> Iterator[tuple[int, str, str]]:
    """Walk a JSON text as its lines go: ``(line, "key", '"name"')`` for each key of an object
    (the string as written, quotes included), ``(line, ch, ch)`` for each bracket outside
    strings; a draft's problems are named by these lines."""
    line, in_string, escaped, start = 1, False, False, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                if text[i + 1 : i + 40].lstrip().startswith(":"):
                    yield line, "key", text[start : i + 1]
            continue
        if ch == '"':
            in_string, start = True, i
        elif ch in "{[}]":
            yield line, ch, ch


def _json_lines(text: str) -> dict[str, int]:
    """Line numbers (1-based) of a JSON draft's blocks, by place, as :func:`_header_lines` gives
    a TOML draft's: ``meeting``, ``directives #2``, and each top-level key by its name."""
    lines: dict[str, int] = {}
    depth, key = 0, None
    counts: dict[str, int] = {}
    for line, mark, value in _json_marks(text):
        if mark == "key":
            if depth == 1:
                key = value[1:-1]
                lines.setdefault(key, line)
        elif mark in "{[":
            depth += 1
            if mark == "{" and depth == 2 and key == "meeting":
                lines["meeting"] = line
            elif mark == "{" and depth == 3 and key in ("units", "limitations", "directives"):
                counts[key] = counts.get(key, 0) + 1
                lines[f"{key} #{counts[key]}"] = line
        else:
            depth -= 1
    return lines


def is_json(path: Path, text: str) -> bool:
    """Whether the draft ``text`` of ``path`` is JSON: a ``.json`` file, or one saved under
    another name (``hop.txt``) that opens on ``{`` as no TOML does."""
    return path.suffix.lower() == ".json" or text.lstrip("\ufeff \t\r\n").startswith("{")


def _block_lines(text: str, path: Path) -> dict[str, int]:
    """Where each block of the draft in ``path`` starts (JSON or TOML)."""
    return _json_lines(text) if is_json(path, text) else _header_lines(text)


def _line_of(message: str, lines: dict[str, int]) -> int | None:
    """The line of the draft where the block ``message`` starts with is (``units #2: …``),
    ``lines`` the draft's :func:`_header_lines` (read once: a draft may have thousands of
    blocks, and as many problems)."""
    m = _WHERE.match(message)
    return lines.get(m[1]) if m else None


# The most text read from one draft: `extract` reads at most 400,000 characters of a meeting's
# text (MAX_TEXT) and writes each item with the sentence it came from, so no draft it writes
# comes near; a hostile one of 45 MB took minutes to check.
MAX_DRAFT = 5_000_000


def _top_key(exc: InvalidInput) -> str | None:
    """The key of the draft as a whole that ``exc`` is about (``[meetin]``, a ``units`` that is
    not a list), if it is about one."""
    if exc.key == "draft_not_list":
        return str(exc.params["key"])
    problem = exc.params.get("problem")
    if (
        exc.key == "draft_where"
        and isinstance(exc.params.get("where"), Phrase)
        and isinstance(problem, Phrase)
        and problem.key in ("draft_unknown_key", "draft_bad_missing")
    ):
        return str(problem.params["key"])
    return None


def _key_line(text: str, key: str) -> int | None:
    """The first line (1-based) that gives the draft's top-level ``key``: its table's header
    (``[key]``, ``[[key]]``, ``[key.sub]``), or ``key = …`` before the first table."""
    name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    header = re.compile(rf"\s*\[{{1,2}}\s*{name}\s*[\].]")
    value = re.compile(rf"\s*{name}\s*[=.]")
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        if header.match(line):
            return number
        if line.lstrip().startswith("["):
            in_table = True
        elif not in_table and value.match(line):
            return number
    return None


def draft_text(path: Path) -> str:
    """The text of a draft file, decoded as every text a person gives (UTF-8, UTF-16 or the
    Windows code page a Notepad on a Vietnamese Windows saves in).

    Raises:
        InvalidInput: unreadable, not text, or more than :data:`MAX_DRAFT` characters (no more
            than four times as many bytes are read).
    """
    try:
        with open_input(path, give=Phrase("give_import_file")) as handle:
            data = handle.read(4 * MAX_DRAFT + 1)
    except OSError as exc:
        raise refused_input(path, exc) from None
    if len(data) > 4 * MAX_DRAFT:
        raise InvalidInput.of("draft_too_large", name=path.name, limit=MAX_DRAFT)
    text = decode_text(data, path.name)
    if len(text) > MAX_DRAFT:
        raise InvalidInput.of("draft_too_large", name=path.name, limit=MAX_DRAFT)
    return text


class _KeyTwice(Exception):
    """A JSON object gave a key twice."""


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused (:class:`_KeyTwice`) when it gives one key twice."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _KeyTwice
        data[key] = value
    return data


def _second_key_line(text: str) -> int:
    """The line of the first key that an object of the JSON ``text`` gives a second time."""
    keys: list[set[str]] = []
    for line, mark, value in _json_marks(text):
        if mark == "key" and keys:
            key = json.loads(value)
            if key in keys[-1]:
                return line
            keys[-1].add(key)
        elif mark == "{":
            keys.append(set())
        elif mark == "}" and keys:
            keys.pop()
    return 1


class PartlyRead(ImportRejected):
    """Values of a draft are wrong, each a problem of its block with its line; :attr:`draft`
    holds the blocks that read right, and :attr:`alone` says the one problem as an error."""

    def __init__(self, file: str, problems: Sequence[Problem], draft: Draft) -> None:
        super().__init__(file, problems)
        self.draft = draft
        first = problems[0]
        alone = InvalidInput.of("draft_where", where=first.place, problem=first.message)
        if first.line is None:
            self.alone = InvalidInput.of("draft_in_file", file=file, error=alone)
        else:
            self.alone = InvalidInput.of("draft_at_line", file=file, line=first.line, error=alone)


def read_draft(path: Path) -> Draft:
    """Read a draft file (TOML, or JSON as ``extract --format json`` prints it).

    Raises:
        InvalidInput: unreadable, not UTF-8, or wrong as a whole; the message gives the line of
            the draft where it can.
        PartlyRead: values wrong in one block or more: each a problem, with its line.
    """
    text = draft_text(path)
    try:
        if is_json(path, text):
            try:
                with collector.paused():
                    data = json.loads(text, object_pairs_hook=_no_key_twice)
            except _KeyTwice:  # the last would win unsaid: TOML refuses it, so does this
                at, detail = _second_key_line(text), Phrase("toml_value_twice")
                raise InvalidInput.of("draft_bad_json", line=at, detail=detail) from None
            except json.JSONDecodeError as exc:
                near = " ".join(exc.doc[max(0, exc.pos - 30) : exc.pos + 10].split())
                detail = json_problem(exc.msg, near)
                raise InvalidInput.of("draft_bad_json", line=exc.lineno, detail=detail) from None
            except ValueError:  # a whole number of more digits than Python converts (4,300)
                at = (long_number_at(text) or (1, 1))[0]
                detail = Phrase("long_number", limit=sys.get_int_max_str_digits())
                raise InvalidInput.of("draft_bad_json", line=at, detail=detail) from None
            except RecursionError:  # lists in lists thousands deep: Python's reader gives up
                raise InvalidInput.of("toml_too_deep") from None
            if not isinstance(data, dict):
                raise InvalidInput.of("draft_not_object")
            return Draft.from_dict(data)
        return Draft.from_toml(text)
    except DraftProblems as exc:
        headers = _block_lines(text, path)
        problems = []
        for error in exc.errors:
            where, said = str(error.params["where"]), error.params["problem"]
            assert isinstance(said, Phrase)
            problems.append(Problem(said, place=where, line=_line_of(where, headers)))
        raise PartlyRead(path.name, problems, exc.draft) from None
    except InvalidInput as exc:
        blocks = _block_lines(text, path)
        line = _line_of(str(exc), blocks)
        named = _top_key(exc)
        if line is None and named is not None:
            json_draft = is_json(path, text)
            line = blocks.get(named) if json_draft else _key_line(text, named)
        if line is None:
            raise InvalidInput.of("draft_in_file", file=path.name, error=exc) from None
        raise InvalidInput.of("draft_at_line", file=path.name, line=line, error=exc) from None


@dataclass
class _Plan:
    attendees: list[Unit] = field(default_factory=list)
    new_units: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Wording] = field(default_factory=list)


def _initials(name: str) -> str:
    words = fold_words(name).split()
    return "".join(w[0] for w in words).upper() or "DV"


def _new_unit_problem(name: str) -> InvalidInput | None:
    """Why a unit of this name cannot be created (a control character, a name longer than its
    column holds), as :func:`~dirtrack.store.units.add_unit` checks it; None if it can."""
    from dirtrack.store.limits import too_long
    from dirtrack.store.tables import unit

    try:
        cleaned = clean_text(name, "name")
    except InvalidInput as exc:
        return exc
    return too_long(unit, "name", cleaned)


class _Units:
    """Resolves the draft's unit references, planning new units when allowed."""

    def __init__(
        self, index: UnitIndex, create: bool, plan: _Plan, unread: Sequence[Sequence[str]] = ()
    ) -> None:
        self.index, self.create, self.plan = index, create, plan
        # the code and name of each [[units]] entry that did not read: no unit is planned for
        # them, none is said unknown (the entry's own problem is said)
        self.unread = {spelled_out(name) for entry in unread for name in entry}
        # name (its initials spelled out, its marks telling two apart) -> planned code
        self.planned: MarkedNames[str] = MarkedNames(spelled=True)
        self.taken = {fold_words(u.code) for u in index.units.values()}
        self.unknown: set[str] = set()  # each unknown reference is reported once
        self.not_registered = False  # a unit --create-units would register

    def ref(self, ref: str, where: str, name: str | None = None) -> Unit | str | None:
        """A registered unit, the code planned for a new one, or None (a problem noted).

        ``name``: the name a ``[[units]]`` entry gives beside its code ``ref``; a new unit is
        planned under that code and that name (not a code made of the initials of the code).
        """
        # one new unit however the draft writes it (initials or words, case, accents), as a
        # registered one is found; and before a registered unit whose longer name holds its
        # name ("UBND tỉnh" planned is not "Văn phòng UBND tỉnh")
        key = spelled_out(ref)
        planned = self.planned.named(ref)
        if len(planned) > 1:  # written without the marks that tell two new units apart
            self._problem(
                key, where, Conflict.of("unit_ambiguous", ref=ref, units=", ".join(planned))
            )
            return None
        if planned:
            return planned[0]
        try:
            return self.index.resolve(ref, noted=False)
        except (NotFound, InvalidInput) as exc:
            if isinstance(exc, NotFound) and key in self.unread:
                return None
            if self.create and isinstance(exc, NotFound):
                refused = self._refused(ref, name)
                if refused is not None:  # what add_unit would refuse, said by the dry run too
                    self._problem(key, where, refused)
                    return None
                if name is not None:
                    code = ref
                    self.planned.put(name, code)
                else:
                    code = base = _initials(ref)
                    n = 2
                    while fold_words(code) in self.taken:
                        code, n = f"{base}{n}", n + 1
                self.taken.add(fold_words(code))
                self.planned.put(ref, code)
                self.plan.new_units.append((code, name if name is not None else ref))
                return code
            self.not_registered |= isinstance(exc, NotFound)
            self._problem(key, where, exc)
            return None
        except Conflict as exc:  # ambiguous
            self._problem(spelled_out(ref), where, exc)
            return None

    def _refused(self, ref: str, name: str | None) -> DirtrackError | None:
        """Why a unit cannot be created from ``ref`` (its name), or from the code ``ref`` and
        ``name``, as :func:`~dirtrack.store.units.add_unit` would refuse it; None if it can."""
        if name is None:
            return _new_unit_problem(ref)
        if not is_code(ref):
            return InvalidInput.of("unit_bad_code", code=ref)
        if fold_words(ref) in self.taken:  # the code of a unit planned from a name
            return Conflict.of("unit_taken", what=Phrase("w_code"), value=ref, unit=ref)
        holder = self.index.holder(name)
        if holder is not None:
            return Conflict.of(
                "unit_taken", what=Phrase("w_name"), value=name, unit=self.index.label(holder)
            )
        planned = self.planned.named(name)
        if planned:
            return Conflict.of("unit_taken", what=Phrase("w_name"), value=name, unit=planned[0])
        return _new_unit_problem(name)

    def _problem(self, key: str, where: str, exc: Exception) -> None:
        if key not in self.unknown:
            self.unknown.add(key)
            said = exc if isinstance(exc, DirtrackError) else str(exc)
            self.plan.problems.append(Problem(said, place=where))


def _name_not_of(index: UnitIndex, unit: Unit, name: str) -> Phrase | None:
    """Why ``name``, given beside the registered code of ``unit`` in a ``[[units]]`` entry, is
    not that unit's (it names another unit, or none), or None when it is (its name, an alias, a
    spelling of them). The code won unsaid: a clerk who gave a new unit a code already taken,
    or changed a code and not its name, had the meeting attended by the code's unit."""
    try:
        other = index.resolve(name, noted=False)
    except (NotFound, InvalidInput):
        other = None
    except Conflict:
        return None  # names several units, this one perhaps: the code tells which
    if other is not None and other.id == unit.id:
        return None
    if other is None:
        return Phrase("draft_code_not_name", code=unit.code, unit=unit.name, name=name)
    said = index.label(other.id) if other.id is not None else other.code
    return Phrase("draft_code_other_name", code=unit.code, unit=unit.name, name=name, other=said)


def _check_texts(draft: Draft, plan: _Plan) -> None:
    """Each text the draft gives, cleaned and measured as the store's writers will (a control
    character, a text longer than its column holds): a problem of the item, with its place, so
    that ``--dry-run`` says what the real import would refuse."""
    from dirtrack.store.limits import too_long
    from dirtrack.store.tables import directive, limitation, meeting

    def check(where: str, table: Table, values: dict[str, tuple[str, str | None]]) -> None:
        """``values``: each key as the draft writes it, the column it is stored in and its
        value. A problem names the draft's key where the column's words are not it (the
        meeting's 'source' is stored as its note, and a 'key' is no script's key)."""
        for key, (name, value) in values.items():
            try:
                cleaned = clean_optional(value, name)
                error = too_long(table, name, cleaned)
            except InvalidInput as exc:
                error = exc
            if error is None:
                continue
            if error.key and "field" in error.params and (key != name or key == "key"):
                error = InvalidInput.of(error.key, **{**error.params, "field": repr(key)})
            plan.problems.append(Problem(error, place=where))

    found = draft.meeting
    check(
        "meeting",
        meeting,
        {
            "title": ("title", found.title),
            "chair": ("chair", found.chair),
            "chair_title": ("chair_title", found.chair_title),
            "doc": ("doc", found.doc),
            "source": ("note", found.source),
            "key": ("key", found.key),
        },
    )
    for i, lim in enumerate(draft.limitations, 1):
        check(draft.place("limitations", i), limitation, {"text": ("text", lim.text)})
    for i, item in enumerate(draft.directives, 1):
        values = {
            "text": ("text", item.text),
            "due_phrase": ("due_text", item.due_phrase),
            "product": ("product", item.product),
            "key": ("key", item.key),
        }
        check(draft.place("directives", i), directive, values)


def _check_retired(
    session: Session, held: date, plan: _Plan, draft: Draft, index: UnitIndex
) -> None:
    """A registered unit the draft names that was retired on or before the meeting: a problem
    at the first place it is named (the store refuses it, as ``assign`` and ``add-meeting``
    do), so that ``--dry-run`` says so with the line."""
    named: list[tuple[str, list[str]]] = [
        (draft.place("units", i), [u.code or u.name]) for i, u in enumerate(draft.units, 1)
    ]
    named += [
        (draft.place("limitations", i), [x.unit])
        for i, x in enumerate(draft.limitations, 1)
        if x.unit
    ]
    named += [
        (draft.place("directives", i), [*([x.unit] if x.unit else []), *x.with_])
        for i, x in enumerate(draft.directives, 1)
    ]
    said: set[int] = set()
    for where, refs in named:
        for ref in refs:
            try:
                unit = index.resolve(ref, noted=False)
            except DirtrackError:
                continue  # unknown or ambiguous: a problem of its own already
            if unit.id in said:
                continue
            try:
                check_not_retired(session, [unit], held)
            except Conflict as exc:
                assert unit.id is not None
                said.add(unit.id)
                plan.problems.append(Problem(exc, place=where))


def existing_meeting(session: Session, draft: Draft) -> int | None:
    """The id of a meeting this draft was already imported as: same key, else same day and title."""
    meeting = draft.meeting
    if meeting.key and may_be_stored(meeting.key):
        found = session.exec(select(Meeting.id).where(Meeting.key == meeting.key)).first()
        if found is not None:
            return found
    if meeting.date is not None and meeting.title:
        title = fold_words(meeting.title)
        for mid, other in session.exec(
            select(Meeting.id, Meeting.title).where(Meeting.date == meeting.date)
        ):
            if fold_words(other) == title:
                return mid
    return None


def _recorded_as_is(
    session: Session,
    draft: Draft,
    meeting_id: int,
    limitations: list[tuple[Unit | str, int]],
    directives: list[tuple[Unit | str, list[Unit | str], int]],
) -> bool:
    """Whether meeting ``meeting_id`` is this draft as it was imported: the same key, day and
    title, and the same limitations and keyed directives (unit, text, deadline), compared as
    stored. A draft edited since its import is not: its second import is refused, not skipped."""
    stored = session.get(Meeting, meeting_id)
    meeting = draft.meeting
    if (
        stored is None
        or not meeting.key
        or stored.key != meeting.key
        or stored.date != meeting.date
        or fold_words(stored.title) != fold_words(meeting.title or "")
    ):
        return False

    def unit_id(unit: Unit | str) -> int | None:
        return None if isinstance(unit, str) else unit.id

    wanted_limitations = sorted(
        (unit_id(unit), fold_words(draft.limitations[i - 1].text)) for unit, i in limitations
    )
    had_limitations = sorted(
        (unit, fold_words(text))
        for unit, text in session.exec(
            select(Limitation.unit_id, Limitation.text).where(Limitation.meeting_id == meeting_id)
        )
    )
    if wanted_limitations != had_limitations:
        return False
    wanted = {
        draft.directives[i - 1].key: (
            unit_id(lead),
            fold_words(draft.directives[i - 1].text),
            draft.directives[i - 1].due,
        )
        for lead, _, i in directives
    }
    had = {
        key: (unit, fold_words(text), due)
        for key, unit, text, due in session.exec(
            select(
                col(Directive.key), Directive.unit_id, Directive.text, col(Directive.original_due)
            ).where(Directive.meeting_id == meeting_id)
        )
    }
    return None not in wanted and len(wanted) == len(directives) and wanted == had


def record_draft(
    session: Session,
    draft: Draft,
    *,
    create_units: bool = False,
    dry_run: bool = False,
    allow_duplicate: bool = False,
) -> ImportResult:
    """Check ``draft`` whole, then (unless ``dry_run``) record it. A draft read in part
    (:attr:`Draft.unread`) is only checked: the blocks it has, on what they need that read.

    Raises:
        ImportRejected: any problem; nothing was written.
    """
    plan = _Plan()
    result = ImportResult(file="", kind="draft", dry_run=dry_run)
    meeting = draft.meeting
    unread = draft.unread
    # a [meeting] that did not read: what needs it (its date, an earlier import) is not checked
    meeting_read = unread is None or not unread.meeting
    duplicate = existing_meeting(session, draft) if meeting_read else None
    if meeting.date is None and meeting_read:
        plan.problems.append(Problem(Phrase("draft_no_date"), place="meeting"))
    if not meeting.title and meeting_read:
        plan.problems.append(Problem(Phrase("draft_no_title"), place="meeting"))
    _check_texts(draft, plan)
    unread_units = unread.units if unread is not None else ()
    units = _Units(UnitIndex.load(session), create_units, plan, unread_units)
    attendees: list[Unit | str] = []
    # an entry that did not read is one of the meeting's units all the same
    unresolved: set[str] = {fold_words(" ".join(entry)) for entry in unread_units}
    for i, unit in enumerate(draft.units, 1):
        named = unit.name if unit.code and unit.name else None
        found = units.ref(unit.code or unit.name, draft.place("units", i), named)
        if isinstance(found, Unit) and named is not None:
            differs = _name_not_of(units.index, found, named)
            if differs is not None:  # the code or the name edited, not both: which is meant?
                plan.problems.append(Problem(differs, place=draft.place("units", i)))
                found = None
        if found is None:
            unresolved.add(fold_words(unit.code or unit.name))
        elif found not in attendees:
            attendees.append(found)
    # the meeting's one unit, however many times the draft lists it (by its name, its code, an
    # alias), when every entry resolves: one that does not may be another unit (a problem)
    only = attendees[0] if len(attendees) == 1 and not unresolved else None

    def no_unit(where: str) -> None:
        if not attendees and len(unresolved) == 1:
            return  # the meeting's one unit is unknown: that is the problem, named at its line
        n = len(attendees) + len(unresolved)
        plan.problems.append(Problem(Phrase("draft_no_unit", n=n), place=where))

    limitation_units: list[tuple[Unit | str, int]] = []
    for i, lim in enumerate(draft.limitations, 1):
        where = draft.place("limitations", i)
        if lim.unit is None:
            if only is None:
                no_unit(where)
            else:
                limitation_units.append((only, i))
            continue
        found = units.ref(lim.unit, where)
        if found is not None:
            limitation_units.append((found, i))
    directive_units: list[tuple[Unit | str, list[Unit | str], int]] = []
    for i, item in enumerate(draft.directives, 1):
        where = draft.place("directives", i)
        lead: Unit | str | None
        if item.unit is None:
            lead = only
            if lead is None:
                no_unit(where)
        else:
            lead = units.ref(item.unit, where)
        partners = [p for p in (units.ref(w, where) for w in item.with_) if p is not None]
        if meeting.date and item.due and item.due < meeting.date:
            plan.problems.append(Problem(Phrase("draft_due_before", due=item.due), place=where))
        if item.due is None and item.due_phrase and meeting_read:
            # The deadline the text gives names no real day: refused, as `assign --due` does,
            # never recorded as "no deadline".
            impossible = deadline_problem(item.due_phrase, meeting.date)
            if impossible is not None:
                place = f"{where} ({start_of(item.text)})"
                plan.problems.append(Problem(impossible, place=place))
        mismatch = (
            _phrase_against_due(item.due, item.due_phrase, meeting.date) if meeting_read else None
        )
        if mismatch is not None:
            plan.problems.append(Problem(mismatch, place=f"{where} ({start_of(item.text)})"))
        if lead is not None:
            directive_units.append((lead, partners, i))
    if meeting.date is not None:
        _check_retired(session, meeting.date, plan, draft, units.index)
    if duplicate is not None and not allow_duplicate:
        as_is = not plan.problems and _recorded_as_is(
            session, draft, duplicate, limitation_units, directive_units
        )
        if as_is and unread is None:
            # The same draft again: nothing to write, and nothing the clerk changed is lost.
            result.details["meeting_id"] = duplicate
            result.created = {"meetings": 0, "units": 0, "limitations": 0, "directives": 0}
            result.unchanged = 1 + len(limitation_units) + len(directive_units)
            return result
        # a draft read in part may be the one recorded but for those blocks: whether it
        # differs is told once they read
        if not as_is and unread is None:
            recorded = session.get(Meeting, duplicate)
            same_key = (
                recorded is not None and meeting.key is not None and recorded.key == meeting.key
            )
            said = "draft_changed_since" if same_key else "draft_imported_already"
            plan.problems.insert(0, Problem(Phrase(said, id=duplicate), place="meeting"))
    if not allow_duplicate:
        # the same text twice to one lead unit, as `assign` refuses it at one meeting
        seen: dict[tuple[object, str], int] = {}
        for lead, _, i in directive_units:
            try:
                said = directive_store.same_text_key(draft.directives[i - 1].text)
            except InvalidInput:
                continue  # a problem of its own already
            who = lead.id if isinstance(lead, Unit) else lead
            if seen.setdefault((who, said), i) != i:
                plan.problems.append(
                    Problem(
                        Phrase(
                            "draft_same_directive",
                            first=draft.number("directives", seen[(who, said)]),
                        ),
                        place=draft.place("directives", i),
                    )
                )
    first_of: dict[str, int] = {}
    for i, item in enumerate(draft.directives, 1):
        if item.key and first_of.setdefault(item.key, i) != i:
            # two directives under one key: `assign --key` and a second import could no longer
            # tell them apart
            plan.problems.append(
                Problem(
                    Phrase(
                        "draft_key_repeated",
                        key=item.key,
                        first=draft.number("directives", first_of[item.key]),
                    ),
                    place=draft.place("directives", i),
                )
            )
    keys = [item.key for item in draft.directives if item.key and may_be_stored(item.key)]
    if keys and duplicate is None and meeting_read:
        rows = session.exec(
            select(Directive.key, Directive.id).where(Directive.key.in_(keys))  # type: ignore[union-attr]
        )
        taken = {str(key): did for key, did in rows}
        for i, item in enumerate(draft.directives, 1):
            if item.key in taken:
                plan.problems.append(
                    Problem(
                        Phrase("draft_key_taken", key=item.key, id=taken[item.key]),
                        place=draft.place("directives", i),
                    )
                )
    result.problems = plan.problems
    result.warnings = plan.warnings
    result.new_units = [{"code": code, "name": name} for code, name in plan.new_units]
    result.created = {
        "meetings": 1,
        "units": len(plan.new_units),
        "limitations": len(limitation_units),
        "directives": len(directive_units),
    }
    if duplicate is not None:
        result.details["existing_meeting_id"] = duplicate
    if plan.problems:  # said in the run's language
        hints = [Phrase("hint_create_units")] if units.not_registered else []
        raise ImportRejected(Phrase("w_draft"), plan.problems, hints)
    if dry_run or unread is not None:  # a draft read in part is never recorded
        return result
    assert meeting.date is not None and meeting.title is not None
    keyed = duplicate is None  # a copy let in by allow_duplicate carries no keys
    created: dict[str, Unit] = {}
    for code, name in plan.new_units:
        created[code] = add_unit(session, code=code, name=name)

    def real(unit: Unit | str) -> Unit:
        return created[unit] if isinstance(unit, str) else unit

    record = add_meeting(
        session,
        on=meeting.date,
        title=meeting.title,
        kind=MeetingKind(meeting.kind or MeetingKind.WORKING_SESSION.value),
        chair=meeting.chair,
        chair_title=meeting.chair_title,
        attendees=[real(u) for u in attendees],
        doc=meeting.doc,
        note=meeting.source,
        key=meeting.key if keyed else None,
    )
    result.details["meeting_id"] = record.id
    for found, i in limitation_units:
        lim = draft.limitations[i - 1]
        limitation_store.add_limitation(
            session,
            meeting=record,
            unit=real(found),
            text=lim.text,
            category=Category(lim.category),
        )
    for lead, partners, i in directive_units:
        item = draft.directives[i - 1]
        directive = directive_store.add_directive(
            session,
            meeting=record,
            unit=real(lead),
            text=item.text,
            due=item.due,
            due_text=item.due_phrase,
            coordinators=[real(p) for p in partners],
            product=item.product,
            key=item.key if keyed else None,
        )
        assert directive.id is not None
        result.directive_ids.append(directive.id)
    return result


def run(session: Session, path: Path, options: ImportOptions, progress: Progress) -> ImportResult:
    """The ``dirtrack import`` handler for drafts: every problem is named with its line."""
    refused = [o for o in options.sheet_options() if o != "--create-units"]
    if refused:
        raise InvalidInput.of("draft_options", options=", ".join(refused), n=len(refused))
    progress.stage("reading")
    read: PartlyRead | None = None
    try:
        draft = read_draft(path)
    except PartlyRead as exc:  # the blocks that read are checked all the same
        read, draft = exc, exc.draft
    progress.stage("writing")
    problems: list[Problem] = list(read.problems) if read is not None else []
    hints: list[Phrase] = []
    try:
        result = record_draft(
            session,
            draft,
            create_units=options.create_units,
            dry_run=options.dry_run or read is not None,
            allow_duplicate=options.allow_duplicate,
        )
    except ImportRejected as exc:
        headers = _block_lines(draft_text(path), path)
        problems += [replace(p, line=_line_of(p.place or "", headers)) for p in exc.problems]
        hints += exc.hints  # what to do about them (register the units, --create-units)
    if read is not None and len(problems) == 1:
        raise read.alone  # one wrong value, said as the one error it is
    if not problems:
        result.file = str(path)
        return result
    problems.sort(key=lambda p: p.line or 0)  # as the clerk goes through the draft
    if (
        draft.unread is not None
        and draft.unread.meeting
        and (draft.directives or draft.limitations)
    ):
        hints.append(Phrase("draft_meeting_unread"))
    if not options.dry_run:
        raise ImportRejected(path.name, problems, hints) from None
    result = ImportResult(file=str(path), kind="draft", dry_run=True, problems=problems)
    result.warnings += hints
    result.details["lines"] = sorted({p.line for p in problems if p.line is not None})
    return result


def _phrase_against_due(due: date | None, phrase: str | None, held: date | None) -> Phrase | None:
    """Why a draft's ``due`` and ``due_phrase`` disagree, or None. ``extract`` writes the day
    the phrase means as ``due``; a clerk who corrects one (``due_phrase = "quý IV/2025"``) and
    not the other would record the old day under the new words without a word. A phrase that
    names no day of its own (``sớm``) is the clerk's to date."""
    if not phrase:
        return None
    try:
        day = resolve(phrase, held)
    except InvalidInput:
        return None  # said above when there is no due; a due given is the day then
    if day is None or day == due:
        return None
    if due is None:
        return Phrase("draft_due_phrase_no_due", phrase=phrase, day=day)
    return Phrase("draft_due_phrase_differs", phrase=phrase, day=day, due=due)
