"""What the change log's writers share, without SQLAlchemy (issues 5 and 6).

:class:`dirtrack.store.history.ChangeWriter` (under :mod:`dirtrack.audit`) and the sqlite3
writer of `assign` (:mod:`dirtrack.store.lite_write`) fill ``change_log`` the same way: who
acts, the command's options as kept, the images as JSON and the directive each change row
belongs to.
"""

from __future__ import annotations

import getpass
import json
import os
from typing import Any

# The rows that belong to a directive, and the column of their image that says which
# (change_log.directive_id).
DIRECTIVE_PARTS = {
    "directive": "id",
    "progress_entry": "directive_id",
    "extension": "directive_id",
    "directive_coordinator": "directive_id",
}


def directive_of(entity: str, image: dict[str, Any] | None) -> int | None:
    """The directive a change row of ``entity`` with this image belongs to (the column
    ``change_log.directive_id``): the image's :data:`DIRECTIVE_PARTS` column for a directive
    part, else None. ``image`` is the row after the change, or before it for a deletion."""
    column = DIRECTIVE_PARTS.get(entity)
    value = image.get(column) if column is not None and image is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def default_actor() -> str:
    """Who is at the keyboard (or which account runs cron): ``DIRTRACK_ACTOR``, else the OS user."""
    actor = os.environ.get("DIRTRACK_ACTOR", "").strip()
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def json_safe(value: Any) -> Any:
    """A command's options as the change log keeps them (enums by value, the rest as text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    return str(value.value) if hasattr(value, "value") else str(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # as json.dumps(…, ensure_ascii=False), once


def dump(image: Any) -> str | None:
    """A row image (or a command's summary) as the change log keeps it: JSON, text as typed."""
    return None if image is None else _ENCODER.encode(image)
