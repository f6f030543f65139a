"""Vietnamese text: NFC storage and accent-, case- and tone-insensitive keys.

``ủy`` (U+1EE7 y) and ``uỷ`` (u U+1EF7) differ even after normalisation, and ``đ`` has no
decomposition, so a search key drops every combining mark, maps ``đ`` to ``d`` and casefolds.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def nfc(text: str) -> str:
    """Return ``text`` in NFC with surrounding white space removed and inner runs folded."""
    # str.split() splits on exactly the characters `\s` matches (str.isspace), in C: the same
    # result as _SPACES.sub(" ", …).strip(), twice as fast (import calls it for every cell).
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Return the search key of ``text``: no accents or tones, ``đ`` as ``d``, casefolded."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped.casefold()).strip()


def fold_words(text: str) -> str:
    """Like :func:`fold`, with punctuation turned into spaces (for matching phrases)."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text))).strip()


def match_name(value: str, names: Mapping[str, Iterable[str]]) -> str | None:
    """The code ``value`` stands for: the code itself or one of its names, compared as
    :func:`fold_words` keys (``Giao ban``, ``giao-ban`` and ``GIAO BAN`` are ``giao ban``).

    Args:
        value: what the user typed.
        names: code -> the other names it goes by.
    """
    key = fold_words(value)
    for code, aliases in names.items():
        if key == fold_words(code) or any(key == fold_words(name) for name in aliases):
            return code
    return None


def closest(query: str, choices: dict[str, str], n: int = 3) -> list[str]:
    """Return up to ``n`` labels whose keys are closest to ``query``.

    Args:
        query: what the user typed.
        choices: search key -> label to show.
        n: how many at most.
    """
    key = fold_words(query)
    scored = sorted(
        ((difflib.SequenceMatcher(None, key, k).ratio(), label) for k, label in choices.items()),
        key=lambda pair: (-pair[0], pair[1]),
    )
    seen: list[str] = []
    for score, label in scored:
        if score < 0.3 and seen:
            break
        if label not in seen:
            seen.append(label)
        if len(seen) == n:
            break
    return seen
