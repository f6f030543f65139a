"""Vietnamese text: NFC storage and accent-, case- and tone-insensitive keys.

``ủy`` (U+1EE7 y) and ``uỷ`` (u U+1EF7) differ even after normalisation, and ``đ`` has no
decomposition, so a search key drops every combining mark, maps ``đ`` to ``d`` and casefolds.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

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


# Characters text may not hold: C0 and C1 control characters other than tab and newline, DEL,
# and lone surrogates (which no file encoding can write).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Characters that show nothing: zero-width spaces and joiners, direction marks, the word joiner
# and its kin, variation selectors, the byte order mark, the soft hyphen, Hangul fillers.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
_SHOWN = re.compile(f"[^\\s{_INVISIBLE}]")


def control_character(text: str) -> str | None:
    """The first character of ``text`` that text may not hold (a control character other than
    tab and newline, or a lone surrogate), written ``U+0000``; None when there is none."""
    found = _CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def looks_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only white space and invisible characters."""
    return _SHOWN.search(text) is None
