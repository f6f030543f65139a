"""The draft of a meeting record: what ``dirtrack extract`` proposes and a clerk corrects.

:meth:`Draft.to_dict` gives the JSON shape of the command contract; :meth:`Draft.to_toml`
renders a human-editable TOML file (a missing value is an absent key, since TOML has no null)
and :meth:`Draft.from_toml` / :meth:`Draft.from_dict` read it back, checking every value:
what is wrong with the whole raises :class:`dirtrack.errors.InvalidInput`, wrong values raise
:class:`DraftProblems`, one for each block, with the draft of the blocks that read right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.inputs import TomlError, parse_toml
from dirtrack.kinds import CATEGORY_NAMES, KIND_NAMES, Category
from dirtrack.periods import parse_date, parse_when
from dirtrack.text import match_name

KINDS = ("working-session", "briefing", "conference", "review")
#: What a draft can lack, in the order the warnings name them.
MISSING = ("date", "year", "title", "chair", "units")
#: The limitations' categories, as the register keeps them.
CATEGORIES = tuple(category.value for category in Category)

T = TypeVar("T")


@dataclass(frozen=True)
class MeetingDraft:
    date: date | None = None
    title: str | None = None
    chair: str | None = None
    chair_title: str | None = None
    kind: str | None = None
    source: str | None = None
    doc: str | None = None  # the number of the notice that reports it ("45-TB/TU")
    key: str | None = None  # derived from the article: the same text gives the same key

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "chair": self.chair,
            "chair_title": self.chair_title,
            "kind": self.kind,
            "doc": self.doc,
            "key": self.key,
            "source": self.source,
        }


@dataclass(frozen=True)
class UnitDraft:
    name: str
    code: str | None = None
    known: bool = False
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "known": self.known, "source": self.source}


@dataclass(frozen=True)
class LimitationDraft:
    text: str
    unit: str | None = None  # the registered unit's code when known, else its name; None: all
    category: str = "other"
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "text": self.text,
            "category": self.category,
            "source": self.source,
        }


@dataclass(frozen=True)
class DirectiveDraft:
    text: str
    unit: str | None = None  # the lead unit (code when known, else name); None: every unit
    with_: tuple[str, ...] = ()  # coordinating units
    due: date | None = None
    due_phrase: str | None = None
    source: str | None = None
    product: str | None = None  # what the unit is to hand in ("Báo cáo", "Kế hoạch")
    key: str | None = None  # the meeting's key and the item's place and words

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "with": list(self.with_),
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "due_phrase": self.due_phrase,
            "product": self.product,
            "key": self.key,
            "source": self.source,
        }


@dataclass(frozen=True)
class Unread:
    """What of a draft could not be read, beside the blocks that could (:class:`DraftProblems`)."""

    #: Whether ``[meeting]`` is one of them (the draft's meeting is then an empty one).
    meeting: bool = False
    #: The code and name each unreadable ``[[units]]`` entry gives as text, as written.
    units: tuple[tuple[str, ...], ...] = ()
    #: The place in the file of each block kept, by section (``"directives": (1, 3)``).
    numbers: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Draft:
    meeting: MeetingDraft
    units: tuple[UnitDraft, ...] = ()
    limitations: tuple[LimitationDraft, ...] = ()
    directives: tuple[DirectiveDraft, ...] = ()
    #: What the text did not give (a subset of :data:`MISSING`, in that order); empty when read
    #: back from a file.
    missing: tuple[str, ...] = ()
    #: The control characters removed from the text (``U+007F``, once each, as they came):
    #: a draft holding them would be refused by the import. Empty when read back from a file.
    controls: tuple[str, ...] = ()
    #: The blocks a draft read in part could not give; None when it was read whole.
    unread: Unread | None = field(default=None, compare=False)

    def number(self, section: str, i: int) -> int:
        """The place in the file of the ``i``-th block (1-based) kept of ``section``."""
        kept = self.unread.numbers.get(section) if self.unread is not None else None
        return kept[i - 1] if kept else i

    def place(self, section: str, i: int) -> str:
        """The ``i``-th block of ``section`` as problems name it (``directives #3``)."""
        return f"{section} #{self.number(section, i)}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``meeting``, ``units``, ``limitations``, ``directives``, ``missing``."""
        return {
            "meeting": self.meeting.to_dict(),
            "units": [u.to_dict() for u in self.units],
            "limitations": [item.to_dict() for item in self.limitations],
            "directives": [item.to_dict() for item in self.directives],
            "missing": list(self.missing),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Draft:
        """Read a draft in the :meth:`to_dict` shape (dates as ISO or Vietnamese text)."""
        return _read(data)

    def to_toml(self, lang: str = "en") -> str:
        """A TOML file for a clerk to correct (see the comments it starts with, in ``lang``)."""
        return _render_toml(self, lang)

    @classmethod
    def from_toml(cls, text: str) -> Draft:
        """Read a corrected draft back; TOML dates and Vietnamese date text both work."""
        try:
            data = parse_toml(text)
        except TomlError as exc:
            raise InvalidInput.of("draft_not_toml", detail=exc.detail) from None
        return _read(data)


# --- reading -------------------------------------------------------------------------------


def _fail(where: str, problem: str, /, **params: object) -> InvalidInput:
    """``where: <problem>``, ``problem`` a key of the error catalog and ``params`` its values.

    ``where`` names a table of the draft as the file writes it (``meeting``, ``directives #2``);
    the draft as a whole is said in the run's language."""
    said: object = Phrase("w_draft") if where == "draft" else where
    return InvalidInput.of("draft_where", where=said, problem=Phrase(problem, **params))


def _text(data: Mapping[str, Any], key: str, where: str, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise _fail(where, "draft_required", key=key)
        return None
    if not isinstance(value, str):
        raise _fail(where, "draft_not_text", key=key)
    value = value.strip()
    if not value:  # never "not given": a key left out is that (TOML has no null)
        raise _fail(where, "draft_empty" if required else "draft_empty_value", key=key)
    return value


def _check_keys(data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise _fail(where, "draft_unknown_key", key=unknown[0], allowed=", ".join(allowed))


def _no_empty(value: Any, where: str, key: str) -> None:
    """A date or deadline given as an empty text is refused, never read as left out."""
    if isinstance(value, str) and not value.strip():
        raise _fail(where, "draft_empty_value", key=key)


def _day(value: Any, where: str, key: str) -> date | None:
    if value is None:
        return None
    _no_empty(value, where, key)
    if isinstance(value, date):  # a TOML date: checked as the same day written out
        value = value.isoformat()
    if isinstance(value, str):
        try:
            return parse_date(value, typed=False)
        except InvalidInput as exc:
            raise _fail(where, "draft_field", key=key, error=exc) from None
    raise _fail(where, "draft_not_date", key=key)


def _deadline(value: Any, ref: date | None, where: str, unsure: bool = False) -> date | None:
    if value is None:
        return None
    _no_empty(value, where, "due")
    if isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, str):
        try:
            return parse_when(value, ref)
        except InvalidInput as exc:
            if unsure and _names_a_day(value):
                return None
            raise _fail(where, "draft_field", key="due", error=exc) from None
    raise _fail(where, "draft_bad_due")


def _names_a_day(value: str) -> bool:
    """Whether the deadline ``value`` names a day once its meeting's date is known."""
    try:
        parse_when(value, date(2000, 1, 1))
    except InvalidInput:
        return False
    return True


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(where, "draft_not_table")
    return value


def _array(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput.of("draft_not_list", key=key)
    return value


class DraftProblems(InvalidInput):
    """Blocks of a draft are wrong: :attr:`errors`, one for each, in the draft's order (each
    ``where: problem``, as :func:`_fail` makes it), so a clerk sees them all at once; and
    :attr:`draft`, the blocks that read right, for the checks that need no more."""

    def __init__(self, errors: Sequence[InvalidInput], draft: Draft) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = list(errors)
        self.draft = draft

    def render(self, lang: str) -> str:
        return "; ".join(e.render(lang) for e in self.errors)


def _unit_names(raw: Any) -> tuple[str, ...]:
    """The code and name an unreadable ``[[units]]`` entry gives as text."""
    if not isinstance(raw, Mapping):
        return ()
    return tuple(v.strip() for v in (raw.get("code"), raw.get("name")) if isinstance(v, str))


def _read(data: Mapping[str, Any]) -> Draft:
    """The draft in ``data``. What is wrong with the whole (an unknown table, no [meeting]) stops
    at once; a wrong value stops its block only, and every wrong block is reported.

    Raises:
        InvalidInput: what is wrong with the whole.
        DraftProblems: a wrong value in one block or more, with the draft of the others.
    """
    _check_keys(data, ("meeting", "units", "limitations", "directives", "missing"), "draft")
    _check_missing(data.get("missing"))
    if "meeting" not in data:
        raise _fail("draft", "draft_no_meeting")
    if isinstance(data["meeting"], list):  # [[meeting]]: an array of tables
        raise _fail("meeting", "draft_meeting_list")
    raw_units = _array(data, "units")
    raw_limitations = _array(data, "limitations")
    raw_directives = _array(data, "directives")
    errors: list[InvalidInput] = []
    numbers: dict[str, tuple[int, ...]] = {}
    unread_units: list[tuple[str, ...]] = []
    meeting_unread = False
    try:
        meeting = _meeting(_table(data["meeting"], "meeting"))
        held = meeting.date
    except InvalidInput as exc:
        errors.append(exc)
        meeting, meeting_unread = MeetingDraft(), True
        held = _held(data["meeting"])

    def blocks(raws: Sequence[Any], name: str, read: Callable[[Any, str], T]) -> list[T]:
        """The blocks read that are right; each wrong one's problem joins ``errors``."""
        found: list[T] = []
        kept: list[int] = []
        for i, raw in enumerate(raws, 1):
            try:
                found.append(read(raw, f"{name} #{i}"))
                kept.append(i)
            except InvalidInput as exc:
                errors.append(exc)
                if name == "units":
                    unread_units.append(_unit_names(raw))
        numbers[name] = tuple(kept)
        return found

    units = blocks(raw_units, "units", _unit)
    limitations = blocks(raw_limitations, "limitations", _limitation)
    directives = blocks(
        raw_directives,
        "directives",
        lambda raw, where: _directive(raw, where, held, unsure=meeting_unread and held is None),
    )
    if not errors:
        return Draft(meeting, tuple(units), tuple(limitations), tuple(directives))
    unread = Unread(meeting_unread, tuple(unread_units), numbers)
    read = Draft(meeting, tuple(units), tuple(limitations), tuple(directives), unread=unread)
    raise DraftProblems(errors, read)


def _check_missing(value: Any) -> None:
    """The draft's ``missing``, what the text did not give (:data:`MISSING`): a note for the
    clerk, which the import does not read, but a value it cannot be (``missing = 5``) is said,
    as every other key's is, not passed over."""
    if value is None:
        return
    if not isinstance(value, list) or not all(v in MISSING for v in value):
        raise _fail("draft", "draft_bad_missing", key="missing", names=", ".join(MISSING))


def _meeting(m: Mapping[str, Any]) -> MeetingDraft:
    _check_keys(
        m, ("date", "title", "chair", "chair_title", "kind", "doc", "key", "source"), "meeting"
    )
    kind = _text(m, "kind", "meeting")
    if kind is not None:
        # by its code or a Vietnamese name, as --kind takes it ("giao ban" was refused here)
        code = match_name(kind, KIND_NAMES)
        if code is None:
            raise _fail("meeting", "draft_bad_kind", kind=kind, kinds=", ".join(KINDS))
        kind = str(code)
    return MeetingDraft(
        date=_day(m.get("date"), "meeting", "date"),
        title=_text(m, "title", "meeting"),
        chair=_text(m, "chair", "meeting"),
        chair_title=_text(m, "chair_title", "meeting"),
        kind=kind,
        source=_text(m, "source", "meeting"),
        doc=_text(m, "doc", "meeting"),
        key=_text(m, "key", "meeting"),
    )


def _unit(raw: Any, where: str) -> UnitDraft:
    u = _table(raw, where)
    _check_keys(u, ("code", "name", "known", "source"), where)
    known = u.get("known", False)
    if not isinstance(known, bool):
        raise _fail(where, "draft_bad_known")
    return UnitDraft(
        name=_text(u, "name", where, required=True) or "",
        code=_text(u, "code", where),
        known=known,
        source=_text(u, "source", where),
    )


def _limitation(raw: Any, where: str) -> LimitationDraft:
    item = _table(raw, where)
    _check_keys(item, ("unit", "text", "category", "source"), where)
    category = _text(item, "category", where) or "other"
    # by its code or a Vietnamese name, as --category takes it ("nhân sự" was refused here)
    code = match_name(category, CATEGORY_NAMES)
    if code is None:
        raise _fail(
            where, "draft_bad_category", category=category, categories=", ".join(CATEGORIES)
        )
    category = str(code)
    return LimitationDraft(
        text=_text(item, "text", where, required=True) or "",
        unit=_text(item, "unit", where),
        category=category,
        source=_text(item, "source", where),
    )


def _held(raw: Any) -> date | None:
    """The date of a ``[meeting]`` that did not read, when its own value does."""
    try:
        return _day(raw.get("date"), "meeting", "date") if isinstance(raw, Mapping) else None
    except InvalidInput:
        return None


def _directive(raw: Any, where: str, held: date | None, *, unsure: bool = False) -> DirectiveDraft:
    """``unsure``: the meeting's date could not be read; a deadline that would name a day
    once it is (``30/6``, the meeting's year) is then left unread, not refused."""
    item = _table(raw, where)
    _check_keys(
        item,
        ("unit", "with", "text", "due", "due_phrase", "product", "key", "source"),
        where,
    )
    partners = item.get("with", [])
    if partners is None:
        partners = []
    if not isinstance(partners, list) or not all(isinstance(p, str) for p in partners):
        raise _fail(where, "draft_bad_with")
    if not all(p.strip() for p in partners):
        raise _fail(where, "draft_with_empty")
    return DirectiveDraft(
        text=_text(item, "text", where, required=True) or "",
        unit=_text(item, "unit", where),
        with_=tuple(p.strip() for p in partners),
        due=_deadline(item.get("due"), held, where, unsure),
        due_phrase=_text(item, "due_phrase", where),
        source=_text(item, "source", where),
        product=_text(item, "product", where),
        key=_text(item, "key", where),
    )


# --- writing -------------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
}


def toml_string(text: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _line(key: str, value: Any, comment: str = "") -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        rendered = "true" if value else "false"
    elif isinstance(value, date):
        rendered = value.isoformat()
    elif isinstance(value, (list, tuple)):
        rendered = "[" + ", ".join(toml_string(str(v)) for v in value) + "]"
    else:
        rendered = toml_string(str(value))
    return f"{key} = {rendered}" + (f"  # {comment}" if comment else "")


def _comment(text: str) -> str:
    """``text`` as TOML comment lines of at most 96 characters."""
    import textwrap

    return textwrap.fill(
        text,
        width=96,
        initial_indent="# ",
        subsequent_indent="# ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _render_toml(draft: Draft, lang: str) -> str:
    from dirtrack.i18n import msg

    lines = [_comment(msg("draft_header", lang)) + "\n"]
    if draft.missing:
        what = ", ".join(msg(f"missing_{name}", lang) for name in draft.missing)
        lines.append(_comment(msg("draft_not_given", lang, what=what)))
    lines.append("[meeting]")
    m = draft.meeting
    for entry in (
        _line("date", m.date),
        _line("title", m.title),
        _line("chair", m.chair),
        _line("chair_title", m.chair_title),
        _line("kind", m.kind, " | ".join(KINDS)),
        _line("doc", m.doc),
        _line("key", m.key),
        _line("source", m.source),
    ):
        if entry is not None:
            lines.append(entry)
    for unit in draft.units:
        lines += ["", "[[units]]"]
        lines += [
            e
            for e in (
                _line("code", unit.code),
                _line("name", unit.name),
                _line("known", unit.known),
                _line("source", unit.source),
            )
            if e is not None
        ]
    for lim in draft.limitations:
        lines += ["", "[[limitations]]"]
        lines += [
            e
            for e in (
                _line("unit", lim.unit),
                _line("text", lim.text),
                _line("category", lim.category, " | ".join(CATEGORIES)),
                _line("source", lim.source),
            )
            if e is not None
        ]
    for d in draft.directives:
        lines += ["", "[[directives]]"]
        lines += [
            e
            for e in (
                _line("unit", d.unit),
                _line("with", list(d.with_)) if d.with_ else None,
                _line("text", d.text),
                _line("due", d.due),
                _line("due_phrase", d.due_phrase),
                _line("product", d.product),
                _line("key", d.key),
                _line("source", d.source),
            )
            if e is not None
        ]
    return "\n".join(lines) + "\n"
