"""The office profile: who issues dirtrack's documents (one row, id 1, in table ``office``).

:data:`FIELDS` lists every setting once: its JSON key, its column, how a value given on the
command line is checked, and its value when the profile was never set. ``office``, ``office set``
and every document read the profile through :func:`load` / :func:`office_record`; a new setting
is one column (model and migration) and one :class:`Setting` here (and an option of
``office set``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import Session

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Choices
from dirtrack.kinds import OFFICE_KIND_NAMES, ON_TIME_NAMES, YES_NO_NAMES
from dirtrack.models import Office
from dirtrack.text import clean_text, match_name

OFFICE_ID = 1
KINDS = tuple(OFFICE_KIND_NAMES)
MAX_RECIPIENTS = 50
# A ký hiệu: letters (Đ included), digits and inner hyphens: VPTU, UBND, VPUB, BTC-TU.
_CODE = re.compile(r"^[A-Za-zĐđ0-9]+(?:-[A-Za-zĐđ0-9]+)*$")


def bad_kind(value: str) -> InvalidInput:
    """The refusal of a kind that names none (``office set --kind``, ``office template``)."""
    return InvalidInput.of("office_bad_kind", value=value, choices=Choices(OFFICE_KIND_NAMES))


def bad_yes_no(value: str, option: str = "--accept-completions") -> InvalidInput:
    return InvalidInput.of("office_bad_yes_no", option=option, value=value)


def bad_on_time_by(value: str) -> InvalidInput:
    return InvalidInput.of("office_bad_on_time_by", value=value, choices=Choices(ON_TIME_NAMES))


def check_kind(value: str) -> str:
    code = match_name(value, OFFICE_KIND_NAMES)
    if code is None:
        raise bad_kind(value)
    return code


def _text(limit: int) -> Callable[[str, str], str]:
    def check(value: str, option: str) -> str:
        text = clean_text(value, option)
        if not text:
            raise InvalidInput.of("office_blank", option=option)
        if len(text) > limit:
            raise InvalidInput.of("office_too_long", option=option, n=limit)
        return text

    return check


def check_code(value: str, option: str = "--code") -> str:
    text = _text(64)(value, option)
    if not _CODE.match(text):
        raise InvalidInput.of("office_bad_code", value=text)
    return text


def _kind(value: str, option: str) -> str:
    return check_kind(value)


ON_TIME_BY = tuple(ON_TIME_NAMES)


def _yes_no(value: str, option: str) -> bool:
    code = match_name(value, YES_NO_NAMES)
    if code is None:
        raise bad_yes_no(value, option)
    return code == "yes"


def _on_time_by(value: str, option: str) -> str:
    code = match_name(value, ON_TIME_NAMES)
    if code is None:
        raise bad_on_time_by(value)
    return code


@dataclass(frozen=True)
class Setting:
    """One setting of the profile: JSON key, column, check of a given value, default."""

    key: str
    column: str
    check: Callable[[str, str], Any]
    default: Any = None
    # The option of `office set` that gives it, when not the key's own name.
    flag: str | None = None

    @property
    def option(self) -> str:
        return self.flag or "--" + self.key.replace("_", "-")


FIELDS: tuple[Setting, ...] = (
    Setting("kind", "kind", _kind, "state"),
    Setting("parent_body", "parent_body", _text(400)),
    Setting("body", "body", _text(400)),
    Setting("code", "code", check_code),
    Setting("place", "place", _text(200)),
    Setting("signer_name", "signer_name", _text(200)),
    Setting("signer_title", "signer_title", _text(200)),
    Setting("signer_authority", "signer_authority", _text(200)),
    Setting("to", "recipients", _text(400), []),
    Setting("template", "template", _text(1000)),
    Setting("accepts_completions", "accepts_completions", _yes_no, False, "--accept-completions"),
    Setting("on_time_by", "on_time_by", _on_time_by, "document"),
)
BY_KEY = {s.key: s for s in FIELDS}
LIST_KEYS = frozenset({"to"})


def _value(setting: Setting, raw: Any) -> Any:
    if setting.key in LIST_KEYS:
        return list(json.loads(raw)) if raw else []
    return setting.default if raw is None else raw


def office_record(row: Mapping[str, Any] | None) -> dict[str, Any]:
    """The profile as JSON shows it (every key of :data:`FIELDS`), from the row's columns."""
    return {s.key: _value(s, None if row is None else row.get(s.column)) for s in FIELDS}


def load(conn: Connection | Session) -> dict[str, Any]:
    """The profile (defaults where it was never set), for a command or a document."""
    table = Office.__table__  # type: ignore[attr-defined]
    found = conn.execute(select(table).where(table.c.id == OFFICE_ID)).mappings().first()
    return office_record(dict(found) if found is not None else None)


def set_office(session: Session, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Change the settings given (JSON key -> value typed, or None to clear; ``to`` a list).

    The values are checked first: one bad value changes nothing. Returns the new profile.
    """
    if not changes:
        raise InvalidInput.of("office_nothing")
    columns: dict[str, Any] = {}
    for key, value in changes.items():
        setting = BY_KEY[key]
        if key in LIST_KEYS:
            items = [setting.check(v, setting.option) for v in value or []]
            if len(items) > MAX_RECIPIENTS:
                raise InvalidInput.of("office_too_many", option=setting.option, n=MAX_RECIPIENTS)
            columns[setting.column] = (
                json.dumps(list(dict.fromkeys(items)), ensure_ascii=False) if items else None
            )
        elif value is None:
            columns[setting.column] = None
        else:
            columns[setting.column] = setting.check(value, setting.option)
    row = session.get(Office, OFFICE_ID)
    if {"accepts_completions", "on_time_by"} & set(columns):
        # On time by acceptance holds only where completions are accepted (results.Regime):
        # set alone, the profile said "judged by the acceptance" and the completions counted
        # by their documents.
        accepts = columns.get("accepts_completions", row.accepts_completions if row else None)
        on_time_by = columns.get("on_time_by", row.on_time_by if row else None)
        if on_time_by == "acceptance" and not accepts:
            raise InvalidInput.of("office_acceptance_unaccepted")
    if row is None:
        row = Office(id=OFFICE_ID)
        session.add(row)
    for column, value in columns.items():
        if column == "kind" and value is None:
            value = BY_KEY["kind"].default
        setattr(row, column, value)
    session.flush()
    return load(session)
