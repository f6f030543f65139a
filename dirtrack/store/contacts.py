"""A unit's contacts: its focal person (đầu mối) and its head, each with e-mail and phone."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.text import ascii_typed, char_code, clean_optional, clean_text, shown_only

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from dirtrack.models import UnitContact

ROLES = ("focal", "head")
# One address, as a mail server takes it: local part, @, a domain with a dot; no spaces. The
# local part and each label of the domain are runs of the characters an address may hold,
# joined by single dots (`a@b..vn`, `a@.b.vn`, `a.@b.vn` are no address a server takes).
_ATOM = r"[^@\s<>(),;:\"\[\].]+"
_EMAIL = re.compile(rf"^{_ATOM}(\.{_ATOM})*@{_ATOM}(\.{_ATOM})+$")
# The characters of a local part (RFC 5322 3.2.3 ``atext``, the dot-atom of RFC 5321 4.1.2,
# which allows no quoted string): ASCII letters and digits, these symbols, and (RFC 6531) the
# letters, digits and marks of a script, such as Vietnamese ``nguyễn``.
_LOCAL_SYMBOLS = frozenset("!#$%&'*+-/=?^_`{|}~")
# RFC 5321 4.5.3.1: a local part of at most 64 octets, a path of at most 256 with its brackets.
MAX_LOCAL_PART, MAX_ADDRESS = 64, 254
_PHONE = re.compile(r"^\+?[0-9 ().\-]{6,30}$")


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    email: str | None
    phone: str | None

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "phone": self.phone, "role": self.role}


def check_email(value: str | None) -> str | None:
    """The address as stored, or None when not given: an IME's full-width forms as their
    ASCII characters (``ａｎ@ｂｔｃ．ｖｎ`` is ``an@btc.vn``), checked by :func:`email_problem`.
    Every address that comes in (``unit contact --email``, a JSON document's contacts) comes in
    through it.

    Raises:
        InvalidInput: not one e-mail address.
    """
    email = clean_optional(value, "email")
    if email is None:
        return None
    email = ascii_typed(email)
    problem = email_problem(email)
    if problem is not None:
        raise InvalidInput.of(problem.key, **problem.params)
    return email


def email_problem(email: str) -> Phrase | None:
    """Why ``email`` is no address a mail server takes, or looks like one it is not, else None:
    the one rule of an address (a contact's, the ``[mail]`` sender's).

    Longer than RFC 5321 allows (in octets); not a dot-atom, an @ and a domain with a dot; a
    character that shows nothing or a backslash; in the local part a character RFC 5322's
    ``atext`` does not hold (a quote, a symbol outside ASCII such as ``﹫`` or ``™``, a
    compatibility form) or letters of two scripts (``аn@btc.vn`` with a Cyrillic ``а``); in the
    domain, :func:`domain_problem`."""
    too_long = email_too_long(email)
    if too_long is not None:
        return Phrase(too_long[0], n=too_long[1])
    # A zero-width character looks like nothing and no mail server takes it; a backslash is
    # in no address a person is given.
    if not _EMAIL.match(email) or shown_only(email) != email or "\\" in email:
        return Phrase("bad_email", value=email)
    return _local_problem(email) or domain_problem(email)


def _script(letter: str) -> str:
    """The script a letter is written in, as Unicode names it: LATIN (``ộ``, ``Đ`` too),
    CYRILLIC, GREEK…"""
    return unicodedata.name(letter, "?").split(" ", 1)[0]


def _local_problem(email: str) -> Phrase | None:
    """Why the local part of ``email`` (before the @) is none a server takes, or looks like
    another, else None (see :func:`email_problem`)."""
    local = email.rpartition("@")[0]
    for char in local:
        if char.isascii():
            if not (char.isalnum() or char == "." or char in _LOCAL_SYMBOLS):
                return Phrase("email_local_char", value=email, char=char, code=char_code(char))
        elif not (
            (char.isalpha() or char.isdigit() or unicodedata.combining(char))
            and unicodedata.normalize("NFKC", char) == char
        ):
            return Phrase("email_local_char", value=email, char=char, code=char_code(char))
    mixed = _two_scripts(local)
    if mixed is not None:
        odd, first = mixed
        return Phrase(
            "email_local_scripts", value=email, char=odd, code=char_code(odd), first=first
        )
    return None


def _two_scripts(text: str) -> tuple[str, str] | None:
    """The first letter of ``text`` of another script than the others, and one of those, when
    its letters are of two scripts or more, else None. Latin is the script the others are
    measured by when it is there: ``аn`` (a Cyrillic ``а``) names ``а``."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return None
    first = next((c for c in letters if _script(c) == "LATIN"), letters[0])
    script = _script(first)
    odd = next((c for c in letters if _script(c) != script), None)
    return None if odd is None else (odd, first)


def domain_problem(email: str) -> Phrase | None:
    """Why the domain of ``email`` names no domain, or looks like one it is not, else None: a
    character no domain name holds (a symbol, a space of another width, ``_`` or ``!`` in an
    ASCII one: RFC 5321 names hosts with letters, digits and hyphens), letters of two
    scripts (``an@btс.vn`` with a Cyrillic ``с``: an address that looks like an@btc.vn and
    reaches someone else), or a name IDNA does not encode (a label of more than 63
    characters, or one starting or ending with a hyphen). A Vietnamese domain
    (``bộcôngthương.vn``) is one script, and is taken."""
    domain = email.rpartition("@")[2]
    for char in domain:
        if char.isascii() and (char.isalnum() or char in "-."):
            pass
        elif char.isascii() or not (
            char.isalpha() or char.isdigit() or unicodedata.combining(char)
        ):
            return Phrase("email_domain_char", value=email, char=char, code=char_code(char))
    # RFC 1035 2.3.1, as RFC 5321 names hosts: a label of at most 63 octets, starting and
    # ending with a letter or digit (`an@-btc.vn` was stored, and refused by every server)
    if any(len(label) > 63 or label[:1] == "-" or label[-1:] == "-" for label in domain.split(".")):
        return Phrase("bad_email", value=email)
    mixed = _two_scripts(domain)
    if mixed is not None:
        odd, first = mixed
        return Phrase(
            "email_mixed_scripts", value=email, char=odd, code=char_code(odd), first=first
        )
    if domain.isascii():
        return None
    try:
        domain.encode("idna")
    except UnicodeError:
        return Phrase("bad_email", value=email)
    return None


def email_too_long(email: str) -> tuple[str, int] | None:
    """The message key and length in octets (UTF-8) when ``email`` is longer than a mail
    server takes (RFC 5321 4.5.3.1: 64 octets before the @, 254 in all; a Vietnamese letter
    takes 2 or 3), else None."""
    local = email.rpartition("@")[0]
    if len(local.encode("utf-8", "surrogatepass")) > MAX_LOCAL_PART:
        return "email_local_long", len(local.encode("utf-8", "surrogatepass"))
    if len(email.encode("utf-8", "surrogatepass")) > MAX_ADDRESS:
        return "email_long", len(email.encode("utf-8", "surrogatepass"))
    return None


def check_phone(value: str | None) -> str | None:
    phone = clean_optional(value, "phone")
    if phone is None:
        return None
    digits = sum(ch.isdigit() for ch in phone)
    if not _PHONE.match(phone) or not 6 <= digits <= 15:
        raise InvalidInput.of("bad_phone", value=phone)
    return phone


def set_contact(
    session: Session,
    unit_ref: str,
    *,
    role: str,
    name: str,
    email: str | None = None,
    phone: str | None = None,
) -> tuple[Any, UnitContact]:
    """Make ``name`` (with ``email`` and ``phone``) the unit's contact in ``role``.

    The unit has one contact per role: a second call replaces the first wholly.

    Raises:
        NotFound, Conflict: the unit reference (see :meth:`UnitIndex.resolve`).
        InvalidInput: an empty name, an address or number that is not one.
    """
    from sqlmodel import select

    from dirtrack.models import UnitContact
    from dirtrack.store.units import UnitIndex

    if role not in ROLES:
        raise InvalidInput.of("bad_contact_role", role=role, choices=", ".join(ROLES))
    person = clean_text(name, "name")
    if not person:
        raise InvalidInput.of("contact_no_name")
    if len(person) > 200:
        raise InvalidInput.of("contact_name_long", n=len(person))
    address, number = check_email(email), check_phone(phone)
    unit = UnitIndex.load(session).resolve(unit_ref)
    found = session.exec(
        select(UnitContact).where(UnitContact.unit_id == unit.id, UnitContact.role == role)
    ).first()
    if found is None:
        assert unit.id is not None
        found = UnitContact(unit_id=unit.id, role=role, name=person)
    found.name, found.email, found.phone = person, address, number
    session.add(found)
    session.flush()
    return unit, found


@dataclass(frozen=True)
class RefusedAddress:
    """A contact's address stored before the rule of today (:func:`email_problem`), which that
    rule refuses: an older version, or another program, wrote it."""

    unit: str  # the unit's code
    role: str
    email: str
    problem: Phrase

    def phrase(self) -> Phrase:
        """What is wrong and how to correct it, for doctor and for ``pack out --mail``."""
        return Phrase(
            "refused_contact_address", unit=self.unit, role=self.role, problem=self.problem
        )


def refused_addresses(
    conn: Connection, unit_ids: Collection[int] | None = None
) -> list[RefusedAddress]:
    """The stored contact addresses (of the units ``unit_ids`` only, when given) that the rule
    of an address refuses today, by unit code and role. Never changed here: which address is
    right is the office's to say (``unit contact`` with it typed again)."""
    from sqlalchemy import select

    from dirtrack.store.tables import unit
    from dirtrack.store.tables import unit_contact as uc

    query = (
        select(unit.c.code, uc.c.role, uc.c.email)
        .join(unit, unit.c.id == uc.c.unit_id)
        .where(uc.c.email.is_not(None))
        .order_by(unit.c.code, uc.c.role)
    )
    if unit_ids is not None:
        query = query.where(uc.c.unit_id.in_(sorted(unit_ids)))
    found = []
    for code, role, email in conn.execute(query):
        problem = email_problem(email)
        if problem is not None:
            found.append(RefusedAddress(code, role, email, problem))
    return found


def contacts_of(
    conn: Connection, unit_ids: Collection[int] | None = None
) -> dict[int, list[Contact]]:
    """The contacts of every unit (of ``unit_ids`` only, when given): focal person first."""
    from sqlalchemy import select

    from dirtrack.store.tables import unit_contact as uc

    query = select(uc.c.unit_id, uc.c.role, uc.c.name, uc.c.email, uc.c.phone)
    if unit_ids is not None:
        query = query.where(uc.c.unit_id.in_(sorted(unit_ids)))
    found: dict[int, list[Contact]] = defaultdict(list)
    for unit_id, role, name, email, phone in conn.execute(query):
        found[unit_id].append(Contact(role, name, email, phone))
    for contacts in found.values():
        contacts.sort(key=lambda c: ROLES.index(c.role) if c.role in ROLES else len(ROLES))
    return found
