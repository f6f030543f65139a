"""A new directive's values as stored, checked once for both writers (issue 6).

:func:`dirtrack.store.directives.add_directive` (the ORM) and
:func:`dirtrack.store.lite_write.add_directive` (plain sqlite3, the quick start of `assign`)
store the same text and refuse the same input.
"""

from __future__ import annotations

from datetime import date

from dirtrack.errors import InvalidInput
from dirtrack.text import nfc


def optional(text: str | None) -> str | None:
    """Optional text as stored: NFC, and None rather than empty."""
    return (nfc(text) or None) if text is not None else None


def directive_text(text: str, due: date | None, held: date) -> str:
    """The directive's text as stored (NFC).

    Raises:
        InvalidInput: empty text, or a deadline before the meeting held on ``held``.
    """
    text = nfc(text)
    if not text:
        raise InvalidInput.of("directive_no_text")
    if due is not None and due < held:
        raise InvalidInput.of("due_before_meeting", due=due, held=held)
    return text
