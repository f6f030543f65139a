"""The enums stored in the tables, importable without SQLModel.

Typer needs ``MeetingKind`` when the command line is built, on every start, so it lives here
rather than in :mod:`dirtrack.models` (which re-exports both): importing the models costs
SQLModel's start-up.
"""

from __future__ import annotations

from enum import StrEnum


class MeetingKind(StrEnum):
    WORKING_SESSION = "working-session"
    BRIEFING = "briefing"
    CONFERENCE = "conference"
    REVIEW = "review"


#: What a user may type for each kind besides its code (any case, with or without accents).
KIND_NAMES: dict[str, tuple[str, ...]] = {
    MeetingKind.WORKING_SESSION: ("buổi làm việc", "làm việc"),
    MeetingKind.BRIEFING: ("giao ban",),
    MeetingKind.CONFERENCE: ("hội nghị",),
    MeetingKind.REVIEW: ("sơ kết, tổng kết", "sơ kết", "tổng kết"),
}


class Category(StrEnum):
    TIMELINESS = "timeliness"
    QUALITY = "quality"
    STAFFING = "staffing"
    BUDGET = "budget"
    EQUIPMENT = "equipment"
    COORDINATION = "coordination"
    DISCIPLINE = "discipline"
    OTHER = "other"


#: What a user may type for each category besides its code (any case, with or without accents).
CATEGORY_NAMES: dict[str, tuple[str, ...]] = {
    Category.TIMELINESS: ("tiến độ, kịp thời", "tiến độ", "kịp thời"),
    Category.QUALITY: ("chất lượng",),
    Category.STAFFING: ("biên chế, nhân lực", "biên chế", "nhân lực", "nhân sự"),
    Category.BUDGET: ("kinh phí", "ngân sách"),
    Category.EQUIPMENT: ("phương tiện, thiết bị", "phương tiện", "thiết bị"),
    Category.COORDINATION: ("phối hợp",),
    Category.DISCIPLINE: ("kỷ luật, kỷ cương", "kỷ luật", "kỷ cương"),
    Category.OTHER: ("khác",),
}


#: The verdicts of a result against the requirements (``done --verdict``, the score rules'
#: ``verdict``), each with what a user may type for it besides its code.
VERDICT_NAMES: dict[str, tuple[str, ...]] = {
    "meets": ("đạt", "đạt yêu cầu"),
    "exceeds": ("vượt", "vượt yêu cầu"),
    "short": ("chưa đạt", "chưa đạt yêu cầu", "không đạt"),
}
#: The verdicts themselves, in order: the one list (``done --verdict`` checks it, a score rule
#: set weighs each), here so that checking one loads no score rules.
VERDICTS = tuple(VERDICT_NAMES)


#: The kinds of issuing office (``office set --kind``): a Party body (Quy định 66-QĐ/TW) or a
#: state one (Nghị định 30/2020), each with what a user may type for it besides its code.
OFFICE_KIND_NAMES: dict[str, tuple[str, ...]] = {
    "party": ("đảng", "cơ quan đảng"),
    "state": ("nhà nước", "chính quyền", "hành chính"),
}

#: What a yes-or-no setting takes (``office set --accept-completions``) besides yes and no.
YES_NO_NAMES: dict[str, tuple[str, ...]] = {
    "yes": ("có", "true", "1", "on"),
    "no": ("không", "false", "0", "off"),
}

#: Which day decides whether a completion was on time (``office set --on-time-by``).
ON_TIME_NAMES: dict[str, tuple[str, ...]] = {
    "document": ("văn bản", "ngày văn bản"),
    "acceptance": ("nghiệm thu", "ngày nghiệm thu"),
}

#: The periods of a periodic directive (``assign --every``), each with what a user may type for
#: it besides its code: the words dirtrack itself shows for it first (``hằng tháng``).
EVERY_NAMES: dict[str, tuple[str, ...]] = {
    "month": ("hằng tháng", "hàng tháng", "tháng", "monthly"),
    "quarter": ("hằng quý", "hàng quý", "quý", "quarterly"),
    "half-year": (
        "6 tháng một lần",
        "6 tháng",
        "nửa năm",
        "hằng 6 tháng",
        "hằng nửa năm",
        "half",
        "halfyear",
        "half-yearly",
    ),
    "year": ("hằng năm", "hàng năm", "năm", "yearly", "annual"),
}
