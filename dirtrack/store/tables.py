"""The models' tables as SQLAlchemy Core objects, for aggregates, bulk reads and bulk writes.

The schema is defined once, by the SQLModel classes of :mod:`dirtrack.models`; these are the
very tables those classes declare (their ``__table__``), under short names, so that a Core
query reads ``directive.c.unit_id``.
"""

from __future__ import annotations

from sqlmodel import SQLModel

from dirtrack import models  # noqa: F401  (declares the tables on SQLModel.metadata)

_TABLES = SQLModel.metadata.tables

unit = _TABLES["unit"]
unit_alias = _TABLES["unit_alias"]
meeting = _TABLES["meeting"]
meeting_attendee = _TABLES["meeting_attendee"]
directive = _TABLES["directive"]
directive_coordinator = _TABLES["directive_coordinator"]
extension = _TABLES["extension"]
progress_entry = _TABLES["progress_entry"]
limitation = _TABLES["limitation"]
change_log = _TABLES["change_log"]
field = _TABLES["field"]
leader = _TABLES["leader"]
leader_assignment = _TABLES["leader_assignment"]
directive_result = _TABLES["directive_result"]
request = _TABLES["request"]
