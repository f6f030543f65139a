"""The checks of an export's records that their models cannot make: texts in NFC and within their
limits, dates in order, codes, contacts, ids given once (:class:`Ids`), references without a
cycle, the keys each version must and must not give; and pydantic's complaints said in the
catalog's words (:func:`what_is_wrong`).

Each check raises :class:`~dirtrack.errors.InvalidInput` naming the record's value
(``directives[3].completed_on``). The models are :mod:`.records`; the checks that need the
records read before (a meeting's day, a unit's code) are :mod:`.import_state`'s.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
import unicodedata
from array import array
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import AwareDatetime, BaseModel

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.models import MAX_ID
from dirtrack.periods import FIRST_YEAR, LAST_YEAR
from dirtrack.store.units import was_ever_a_code
from dirtrack.text import (
    control_character,
    has_direction,
    held_length,
    is_blank,
    nfc,
    text_limit,
    without_direction,
)
from dirtrack.transfer.json_format.records import UnitOut, added_after, field_types


def check_not_before(
    where: str, what: str, day: date | None, other: str, first: date | None
) -> None:
    """Refuse ``day`` (the record's ``what``) when it comes before ``first`` (its ``other``)."""
    if day is not None and first is not None and day < first:
        raise InvalidInput.of(
            "json_day_order", where=where, what=Phrase(f"day_{what}"), day=day,
            other=Phrase(f"day_{other}"), first=first,
        )  # fmt: skip


def location(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


#: pydantic's kinds of error, by the words of :data:`dirtrack.i18n.ERRORS` that say them.
_ERROR_KINDS = {
    "json_not_int": ("int_type", "int_parsing", "int_from_float"),
    "json_not_text": ("string_type", "string_unicode"),
    "json_not_bool": ("bool_type", "bool_parsing"),
    "json_not_date": ("date_type", "date_parsing", "date_from_datetime_parsing",
                      "date_from_datetime_inexact"),
    "json_not_datetime": ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"),
    "json_no_offset": ("timezone_aware",),
    "json_not_list": ("list_type", "tuple_type", "set_type"),
    "json_not_object": ("dict_type", "model_type", "model_attributes_type", "dataclass_type"),
    "json_not_number": ("float_type", "float_parsing", "decimal_type", "decimal_parsing"),
    "json_extra": ("extra_forbidden",),
    "json_absent": ("missing",),
    # every text with a least length needs one character: an empty one is the problem
    "json_empty": ("string_too_short", "too_short"),
}  # fmt: skip
_KIND_OF = {kind: key for key, kinds in _ERROR_KINDS.items() for kind in kinds}
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'")
#: A bound pydantic names, as the limit the message gives: "> 0" is "at least 1".
_LIMITS = {
    "greater_than": ("json_too_small", "gt", 1),
    "greater_than_equal": ("json_too_small", "ge", 0),
    "less_than": ("json_too_large", "lt", -1),
    "less_than_equal": ("json_too_large", "le", 0),
    "too_long": ("json_too_long", "max_length", 0),
    "string_too_long": ("json_too_long", "max_length", 0),
}


def what_is_wrong(error: Any) -> Phrase:
    """What is wrong with a record's value, in the catalog's words (pydantic's own are English
    only); a kind this does not know is named with pydantic's text."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in _KIND_OF:
        return Phrase(_KIND_OF[kind])
    if kind in _LIMITS and isinstance(context.get(_LIMITS[kind][1]), int):
        key, bound, step = _LIMITS[kind]
        return Phrase(key, limit=context[bound] + step)
    if kind in ("enum", "literal_error") and "expected" in context:
        # pydantic joins the last two with an English "or" ('a', 'b' or 'c'): the values alone
        expected = str(context["expected"])
        values = _QUOTED.findall(expected) or re.findall(r"-?\d+", expected)
        return Phrase("json_not_one_of", expected=", ".join(values) if values else expected)
    if kind == "int_parsing_size":  # past what pydantic reads (2**63): larger than any id
        return Phrase("json_too_large", limit=MAX_ID)
    return Phrase("json_bad_value", detail=error.get("msg", kind))


# What each record's fields are, for the checks the models cannot make: its texts (single and
# lists), its dates and timestamps, its nested records. Made once per model.
_Shape = tuple[list[tuple[str, str, int]], list[tuple[str, str]], list[tuple[str, str]]]
_SHAPES: dict[type[BaseModel], _Shape] = {}


def _shape(model: type[BaseModel]) -> _Shape:
    found = _SHAPES.get(model)
    if found is None:
        texts: list[tuple[str, str, int]] = []
        days: list[tuple[str, str]] = []
        nested: list[tuple[str, str]] = []
        for name, info in model.model_fields.items():
            shown = info.alias or name
            types = field_types(info.annotation)
            extra = info.json_schema_extra
            if any(isinstance(k, type) and issubclass(k, BaseModel) for k in types):
                nested.append((name, shown))
            elif types & {date, datetime, AwareDatetime}:
                days.append((name, shown))
            elif str in types and not (isinstance(extra, dict) and extra.get("raw")):
                texts.append((name, shown, text_limit(name)))
        found = _SHAPES[model] = (texts, days, nested)
    return found


def record_in_nfc(value: Any) -> Any:
    """Every string of a record in NFC, as every text is stored: an export holds NFC, but a file
    edited by hand or by another program may hold NFD (a title of 300 letters was then 400 code
    points, and refused, or stored decomposed, unfound by a search for its words). Nor does it
    keep a direction control or byte order mark (:func:`~dirtrack.text.without_direction`):
    a title with U+202E would show reversed."""
    if isinstance(value, str):
        if not unicodedata.is_normalized("NFC", value):
            value = unicodedata.normalize("NFC", value)
        return without_direction(value) if has_direction(value) else value
    if isinstance(value, dict):
        return {key: record_in_nfc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [record_in_nfc(item) for item in value]
    return value


def check_code(code: str, where: str, name: str) -> None:
    """A unit's or field's code as some version of `unit add` and `field add` took it
    (:func:`was_ever_a_code`): a document edited by hand gave a unit '=Q' or 'Q R', which no
    command registers.

    Raises:
        InvalidInput: naming the record (``units[3].code``).
    """
    if not was_ever_a_code(code):
        detail = Phrase("unit_bad_code", code=code)
        raise InvalidInput.of("json_record", name=name, where=where, detail=detail, more="")


def check_values(record: BaseModel, where: str) -> None:
    """Text that shows something, holds no control character and fits the register
    (:func:`~dirtrack.text.text_limit`), dates in range.

    Raises:
        InvalidInput: naming the field (``directives[3].progress[0].note``).
    """
    texts, days, nested = _shape(type(record))
    for name, shown, limit in texts:
        value = getattr(record, name)
        if value is None:
            continue
        if isinstance(value, str):
            if held_length(value, limit) > limit or control_character(value) or is_blank(value):
                _refuse_text(f"{where}.{shown}", value, limit)
            continue
        for i, text in enumerate(value):
            if held_length(text, limit) > limit or control_character(text) or is_blank(text):
                _refuse_text(f"{where}.{shown}[{i}]", text, limit)
    for name, shown in days:
        value = getattr(record, name)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise InvalidInput.of(
                "json_year", where=f"{where}.{shown}", year=value.year, first=FIRST_YEAR,
                last=LAST_YEAR,
            )  # fmt: skip
    for name, shown in nested:
        value = getattr(record, name)
        if isinstance(value, BaseModel):
            check_values(value, f"{where}.{shown}")
            continue
        for i, item in enumerate(value or ()):
            check_values(item, f"{where}.{shown}[{i}]")


@functools.cache
def _column_lengths(model: type[BaseModel], table: str) -> tuple[tuple[str, str, int], ...]:
    """The texts of ``model`` whose column of ``table`` sets a length (a unit's code 64, an
    office's signer 200): (field, key in the file, length)."""
    from dirtrack.models import metadata
    from dirtrack.store.limits import lengths

    held = lengths(metadata().tables[table])
    return tuple(
        (name, info.alias or name, held[name])
        for name, info in model.model_fields.items()
        if name in held and str in field_types(info.annotation)
    )


def check_columns(record: BaseModel, table: str, where: str) -> None:
    """A text longer than its column holds, refused naming it in the file
    (``office[0].signer_name``): the INSERT refused it later naming only the column
    (:mod:`dirtrack.store.limits`), which left the record to be looked for.

    Raises:
        InvalidInput: ``json_long``.
    """
    for name, shown, limit in _column_lengths(type(record), table):
        value = getattr(record, name)
        if isinstance(value, str) and len(value) > limit:
            raise InvalidInput.of(
                "json_long", where=f"{where}.{shown}", length=len(value), limit=limit
            )


_R = TypeVar("_R", bound=BaseModel)


def key_as_typed(record: _R) -> _R:
    """The record with its ``key`` (a meeting's, a series', a directive's) as a key typed with
    ``--key``, read from a sheet's key column or from a draft is stored (:func:`nfc`): a key
    held with white space around it or a run inside it would never be found by the key people
    give, and a script run again, or the register's own sheet imported by key, would record
    the meeting or the directive a second time. Its other texts are kept as written."""
    key = getattr(record, "key", None)
    if key is None:
        return record
    stored = nfc(key)
    return record if stored == key else record.model_copy(update={"key": stored})


def _refuse_text(where: str, text: str, limit: int) -> None:
    """Refuse the text at ``where``: too long, else holding a control character, else blank.

    Raises:
        InvalidInput: always.
    """
    if (length := held_length(text, limit)) > limit:
        raise InvalidInput.of("json_long", where=where, length=length, limit=limit)
    char = control_character(text)
    if char is not None:
        raise InvalidInput.of("json_control", where=where, char=char)
    raise InvalidInput.of("json_blank", where=where)


def check_contacts(unit: UnitOut, where: str) -> None:
    """One contact per role, addresses and numbers as ``unit contact`` takes them; a refusal
    names the file and the field (``units.json: units[0].contacts[1].phone``), as
    :func:`check_values` does, with ``where`` from the file's name on."""
    from dirtrack.store.contacts import check_email, check_phone

    roles: set[str] = set()
    for i, contact in enumerate(unit.contacts):
        at = f"{where}.contacts[{i}]"
        if contact.role in roles:
            raise InvalidInput.of("json_contact_twice", where=at, role=contact.role)
        roles.add(contact.role)
        field = "email"
        try:
            # stored as `unit contact` stores it: an IME's full-width form as ASCII
            unit.contacts[i] = contact.model_copy(update={"email": check_email(contact.email)})
            field = "phone"
            check_phone(contact.phone)
        except InvalidInput as exc:
            raise InvalidInput.of("json_bad_contact", where=f"{at}.{field}", reason=exc) from None


def find_cycle(links: dict[Any, Any], start: Any, done: set[Any]) -> list[Any] | None:
    """The cycle that following ``links`` from ``start`` runs into (``[a, b, a]``), if any.

    ``done`` holds the records that earlier walks went through (none of them ran into a
    cycle); this walk's records are added to it.
    """
    chain: list[Any] = []
    at: dict[Any, int] = {}
    current = start
    while current is not None and current not in done:
        if current in at:
            return [*chain[at[current] :], current]
        at[current] = len(chain)
        chain.append(current)
        current = links.get(current)
    done.update(chain)
    return None


class Ids:
    """The ids of one kind of record read so far, refusing one twice.

    Kept in a sorted array (8 bytes an id) and a set of the latest ones, merged into the array
    when it holds ``RECENT``: ids in ascending order (a section's own) are appended, and the
    ids of parts (progress entries, over all directives) cost no more than that, in memory and
    in time (a merge of the array every ``RECENT`` ids, never a shift per id).
    """

    RECENT = 1 << 16

    def __init__(self, what: str) -> None:
        self.what = what
        self.ids: array[int] = array("q")
        self.recent: set[int] = set()

    def add(self, record_id: int | None) -> None:
        if record_id is None:
            return
        ids = self.ids
        if not self.recent and (not ids or record_id > ids[-1]):  # above every id so far
            ids.append(record_id)
            return
        if record_id in self:
            raise InvalidInput.of("json_same_id", what=self.what, id=record_id)
        self.recent.add(record_id)
        if len(self.recent) >= self.RECENT:
            self.ids = array("q", heapq.merge(ids, sorted(self.recent)))
            self.recent.clear()

    def __contains__(self, record_id: object) -> bool:
        if not isinstance(record_id, int):
            return False
        if record_id in self.recent:
            return True
        ids = self.ids
        at = bisect.bisect_left(ids, record_id)
        return at < len(ids) and bool(ids[at] == record_id)

    def all(self) -> array[int]:
        """Every id, in order."""
        if self.recent:
            self.ids = array("q", heapq.merge(self.ids, sorted(self.recent)))
            self.recent.clear()
        return self.ids


def check_keys(record: BaseModel, where: str, version: int, name: str) -> None:
    """Every key of the document's version is given; none that a later version added.

    Raises:
        InvalidInput: naming the key (``directives[3].requests``).
    """
    model = type(record)
    fields = model.model_fields
    given = record.model_fields_set
    if version >= 2:
        for field in _new_ids(model):  # required since version 2: null is no id
            if field in given and getattr(record, field) is None:
                detail = Phrase("json_not_list" if field.endswith("_ids") else "json_not_int")
                raise InvalidInput.of(
                    "json_record", name=name, where=f"{where}.{field}", detail=detail, more=""
                )
    later = added_after(model, version)
    if version >= 2 and not later and len(given) == len(fields):  # every key given
        for field, shown in _shape(model)[2]:  # only the records inside are left to check
            value = getattr(record, field)
            if value:  # a record, or a list holding some
                _check_nested_keys(value, f"{where}.{shown}", version, name)
        return
    extra = later & given
    absent = fields.keys() - later - given if version >= 2 else frozenset()
    nested = _nested(model)
    for field, info in fields.items():
        if field not in extra and field not in absent and field not in nested:
            continue
        shown = f"{where}.{info.alias or field}"
        if field in extra or field in absent:
            detail = Phrase("json_absent" if field in absent else "json_extra")
            raise InvalidInput.of("json_record", name=name, where=shown, detail=detail, more="")
        _check_nested_keys(getattr(record, field), shown, version, name)


def _check_nested_keys(value: object, shown: str, version: int, name: str) -> None:
    """:func:`check_keys` of the record (or each record of the list) ``value`` holds."""
    if isinstance(value, BaseModel):
        check_keys(value, shown, version, name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, BaseModel):
                check_keys(item, f"{shown}[{i}]", version, name)


@functools.cache
def _new_ids(model: type[BaseModel]) -> tuple[str, ...]:
    """The ids of ``model`` that version 2 added (``id``, ``alias_ids``): absent or null in a
    version 1 document, where the database gives them; in a later one every record has them."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if name in ("id", "alias_ids") and not info.is_required()
    )


@functools.cache
def _nested(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that hold records (one or a list)."""
    return frozenset(name for name, _ in _shape(model)[2])
