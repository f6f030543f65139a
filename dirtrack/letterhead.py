"""What the heading and signature of an office's document say: number, date line, recipients.

Pure: the office profile (:mod:`dirtrack.store.office`) and the options of a document command
in, the words of the layout out; :mod:`dirtrack.render.official` lays them out in Word.

Document numbers (DOMAIN.md §5): a state body writes ``Số: 12/BC-VPUB`` (number, slash, type
and issuer joined by a hyphen; a công văn has no type: ``Số: 12/VPUB``), a Party body
``Số 12-BC/VPTU`` (number, hyphen, type, slash, issuer). Numbers below 10 take a leading 0.
The place-and-date line pads days below 10 and the months January and February:
``Ninh Bình, ngày 05 tháng 02 năm 2023``, ``ngày 15 tháng 7 năm 2023``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.patterns import LazyPattern

PARTY, STATE = "party", "state"
REPORT, LETTER = "BC", "CV"  # the type abbreviations of a báo cáo and a công văn
BLANK_NUMBER = "     "  # left for the clerk who numbers the document by hand

# Digits 0-9 only (\d would take other scripts' digits, kept as typed): read as ASCII first.
_BARE = LazyPattern(r"^[0-9]{1,6}$")
_WORD = r"[A-Za-zĐđ0-9]+"
_PARTY_NUMBER = LazyPattern(rf"^[0-9]{{1,6}}-{_WORD}/{_WORD}(?:-{_WORD})*$")
_STATE_NUMBER = LazyPattern(rf"^[0-9]{{1,6}}(?:/(?:19|20)[0-9][0-9])?/{_WORD}(?:-{_WORD})*$")


def number_text(
    kind: str, doc_type: str, code: str | None, number: str | None, lang: str = "vi"
) -> str:
    """The whole number line: ``Số 12-BC/VPTU`` (Party) or ``Số: 12/BC-VPUB`` (state); in
    English ``No. 12-BC/VPTU``.

    ``number`` is a bare number (``12``), a whole number in the body's form, or None (left
    blank for the clerk).

    Raises:
        InvalidInput: a number that is neither, or in the other kind's form (``12/BC-VPTU``
            for a Party office).
    """
    from dirtrack.i18n import t

    key = "doc_number_party" if kind == PARTY else "doc_number_state"
    return t(key, lang, number=number_alone(kind, doc_type, code, number))


def number_alone(kind: str, doc_type: str, code: str | None, number: str | None) -> str:
    """The number without ``Số``, as another text cites it: ``12-BC/VPTU``, ``12/BC-VPUB``.

    Raises:
        InvalidInput: as :func:`number_text`.
    """
    from dirtrack.text import ascii_typed, clean_optional

    issuer = code or "…"
    number = clean_optional(number, "number")  # blank, or a control character: said as such
    if number is not None:
        # Fullwidth digits and marks (an IME's １２／ＢＣ), another script's digits (١٢), as the
        # ASCII the document writes.
        number = ascii_typed(number).strip()
        if not _BARE.match(number):
            form = _PARTY_NUMBER if kind == PARTY else _STATE_NUMBER
            if not form.match(number):
                example = _compose(kind, doc_type, issuer, "12")
                raise InvalidInput.of("doc_bad_number", number=number, example=example)
        # A body's documents are numbered from 01 each year: a number 0 is none.
        if not int(re.split(r"[-/]", number, maxsplit=1)[0]):
            raise InvalidInput.of("doc_number_zero", number=number)
        if not _BARE.match(number):
            return number
        number = f"{int(number):02d}"
    return _compose(kind, doc_type, issuer, number or BLANK_NUMBER)


def _compose(kind: str, doc_type: str, issuer: str, number: str) -> str:
    if kind == PARTY:
        return f"{number}-{doc_type}/{issuer}"
    if doc_type == LETTER:  # a công văn: issuer (and drafting unit) only
        return f"{number}/{issuer}"
    return f"{number}/{doc_type}-{issuer}"


def date_words(day: date, lang: str) -> str:
    """``ngày 05 tháng 02 năm 2023`` / ``5 February 2023``."""
    if lang != "vi":
        return f"{day.day} {day.strftime('%B')} {day.year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str | None, day: date, lang: str) -> str:
    """The place-and-date line: ``Ninh Bình, ngày 05 tháng 02 năm 2023``."""
    return f"{place or '…'}, {date_words(day, lang)}"


@dataclass
class Letterhead:
    """Everything around a document's body, in the body's kind of layout."""

    kind: str
    parent_body: str | None
    body: str | None
    number: str  # the whole line, from number_text
    date_line: str
    type_name: str | None  # BÁO CÁO; None for a công văn
    subject: str  # trích yếu
    to: list[str]
    signer_authority: str | None
    signer_title: str | None
    signer_name: str | None
    copies: list[str] = field(default_factory=list)  # Nơi nhận, before "Lưu"
    lang: str = "vi"
    # As an annex cites the document: "Báo cáo số 12-BC/VPTU ngày 05 tháng 10 năm 2022".
    cited_number: str = ""  # the number without "Số"
    cited_date: str = ""  # the date without the place

    @classmethod
    def of(
        cls,
        profile: dict[str, Any],
        *,
        doc_type: str,
        number: str | None,
        day: date,
        type_name: str | None,
        subject: str,
        to: list[str] | None,
        signer: str | None,
        lang: str,
    ) -> Letterhead:
        """The letterhead from the office profile, with a command's overrides."""
        recipients = list(to) if to else list(profile.get("to") or [])
        kind = profile.get("kind") or STATE
        return cls(
            kind=kind,
            parent_body=profile.get("parent_body"),
            body=profile.get("body"),
            number=number_text(kind, doc_type, profile.get("code"), number, lang),
            date_line=date_line(profile.get("place"), day, lang),
            type_name=type_name,
            subject=subject,
            to=recipients,
            signer_authority=profile.get("signer_authority"),
            signer_title=profile.get("signer_title"),
            signer_name=signer or profile.get("signer_name"),
            copies=recipients,
            lang=lang,
            cited_number=number_alone(kind, doc_type, profile.get("code"), number),
            cited_date=date_words(day, lang),
        )
