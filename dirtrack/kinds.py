"""The enums stored in the tables, importable without SQLModel.

Typer needs ``MeetingKind`` when the command line is built, on every start, so it lives here
rather than in :mod:`dirtrack.models` (which re-exports both) (issue 6).
"""

from __future__ import annotations

from enum import StrEnum


class MeetingKind(StrEnum):
    WORKING_SESSION = "working-session"
    BRIEFING = "briefing"
    CONFERENCE = "conference"
    REVIEW = "review"


class Category(StrEnum):
    TIMELINESS = "timeliness"
    QUALITY = "quality"
    STAFFING = "staffing"
    BUDGET = "budget"
    EQUIPMENT = "equipment"
    COORDINATION = "coordination"
    DISCIPLINE = "discipline"
    OTHER = "other"
