"""Accent-insensitive search that keeps character positions.

:func:`dirtrack.text.fold` collapses spaces and so loses positions. Here every character of an
NFC text maps to exactly one character of its key (``ủ`` and ``ỷ`` → ``u``/``y``, ``đ`` → ``d``,
lower case, any white space → a space, an en dash → a hyphen), so a regular expression run on
the key returns spans that cut the original text exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dirtrack.text import ETH_AS_DJ

_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


# The dashes a word processor or a portal's editor puts where a hyphen was typed ("Ngày 17 – 9",
# "17‑9‑2021": Word turns " - " into an en dash): a hyphen in the key, as every date and range
# pattern reads it. The em dash, a clause's break, stays itself.
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212"


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in "đĐðÐ":  # the eth as the "Đ" it stands for (dirtrack.text.ETH_AS_DJ)
        return "d"
    if ch in _HYPHENS:
        return "-"
    if ch.isspace():
        return " "
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


# The rules look at a sentence clause by clause and ask for the key of the whole sentence each
# time: remembered, a sentence is folded once, not once per clause (a long run of clauses would
# otherwise cost the square of its length).
@lru_cache(maxsize=2048)
def fold_aligned(text: str) -> str:
    """The search key of ``text``, character for character (same length as ``text``)."""
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=2048)
def lower_aligned(text: str) -> str:
    """``text`` in lower case, character for character (tones kept: "cần" is not "cán")."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


@lru_cache(maxsize=2048)
def toneless(text: str) -> bool:
    """Whether ``text`` is typed without Vietnamese marks at all (no letter folds to another:
    no tone, no "â", "ơ", "đ"): its words may then be read by their keys alone ("quan" may be
    "quận"). Spaces and dashes, which the key also rewrites, do not count."""
    return all(_fold_char(ch) == ch.lower() for ch in text if ch.isalpha())


def normalize(text: str) -> str:
    """NFC, unified line breaks, single spaces inside lines (line breaks kept); the eth that
    stands for "Đ" written as "Đ" (:data:`dirtrack.text.ETH_AS_DJ`)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(ETH_AS_DJ)
    text = text.replace("\ufeff", "").replace("\u200b", "")
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


@dataclass(frozen=True)
class Folded:
    """A text and its aligned key."""

    raw: str
    key: str

    @classmethod
    def of(cls, raw: str) -> Folded:
        return cls(raw, fold_aligned(raw))

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(self.key)


@dataclass(frozen=True)
class Token:
    """A word of a text: its spelling, its key and where it is."""

    text: str
    key: str
    start: int
    end: int

    @property
    def capitalized(self) -> bool:
        """First letter upper case (``Nguyễn``, ``HĐND``)."""
        return self.text[:1].isupper()

    @property
    def title_case(self) -> bool:
        """Upper-case first letter, the rest lower case (``Nguyễn``; not ``HĐND``)."""
        return self.text[:1].isupper() and (len(self.text) == 1 or self.text[1:].islower())

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def tokens(text: str) -> list[Token]:
    """The words of ``text`` (letters and digits; punctuation is skipped)."""
    key = fold_aligned(text)
    return [
        Token(m.group(), key[m.start() : m.end()], m.start(), m.end()) for m in _WORD.finditer(text)
    ]
