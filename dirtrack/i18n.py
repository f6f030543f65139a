"""Human-readable labels in Vietnamese and English. JSON keys never change with the language."""

from __future__ import annotations

import os

LANGS = ("vi", "en")

STATUS = {
    "done_on_time": ("Hoàn thành đúng hạn", "Done on time"),
    "done_late": ("Hoàn thành quá hạn", "Done late"),
    "open_in_time": ("Đang thực hiện trong hạn", "Open, within deadline"),
    "overdue": ("Quá hạn chưa hoàn thành", "Overdue"),
    "cancelled": ("Dừng thực hiện", "Cancelled"),
}

KIND = {
    "working-session": ("Buổi làm việc", "Working session"),
    "briefing": ("Giao ban", "Briefing"),
    "conference": ("Hội nghị", "Conference"),
    "review": ("Sơ kết, tổng kết", "Review"),
}

CATEGORY = {
    "timeliness": ("Tiến độ, kịp thời", "Timeliness"),
    "quality": ("Chất lượng", "Quality"),
    "staffing": ("Biên chế, nhân lực", "Staffing"),
    "budget": ("Kinh phí", "Budget"),
    "equipment": ("Phương tiện, thiết bị", "Equipment"),
    "coordination": ("Phối hợp", "Coordination"),
    "discipline": ("Kỷ luật, kỷ cương", "Discipline"),
    "other": ("Khác", "Other"),
}

TEXT = {
    "id": ("Số", "ID"),
    "code": ("Mã", "Code"),
    "name": ("Tên đơn vị", "Name"),
    "parent": ("Trực thuộc", "Parent"),
    "aliases": ("Tên khác", "Aliases"),
    "date": ("Ngày", "Date"),
    "title": ("Nội dung cuộc họp", "Title"),
    "kind": ("Loại", "Kind"),
    "chair": ("Chủ trì", "Chair"),
    "attendees": ("Đơn vị dự", "Attending units"),
    "doc": ("Số, ký hiệu", "Document"),
    "meeting": ("Cuộc họp", "Meeting"),
    "unit": ("Đơn vị chủ trì", "Lead unit"),
    "with": ("Phối hợp", "With"),
    "text": ("Nội dung", "Text"),
    "due": ("Thời hạn", "Deadline"),
    "original_due": ("Thời hạn ban đầu", "Original deadline"),
    "status": ("Tình trạng", "Status"),
    "progress": ("Tiến độ", "Progress"),
    "days_overdue": ("Số ngày quá hạn", "Days overdue"),
    "product": ("Sản phẩm", "Product"),
    "category": ("Nhóm", "Category"),
    "raised_on": ("Ngày nêu", "Raised"),
    "resolved_on": ("Ngày khắc phục", "Resolved"),
    "unit_short": ("Đơn vị", "Unit"),
    "total": ("Tổng số", "Total"),
    "done_on_time": ("Đúng hạn", "On time"),
    "done_late": ("Quá hạn (đã xong)", "Late"),
    "open_in_time": ("Trong hạn", "In time"),
    "overdue": ("Quá hạn", "Overdue"),
    "no_deadline": ("Không thời hạn", "No deadline"),
    "cancelled": ("Dừng", "Cancelled"),
    "completion_rate": ("Tỷ lệ hoàn thành", "Completion"),
    "on_time_rate": ("Tỷ lệ đúng hạn", "On time"),
    "totals": ("Tổng cộng", "Total"),
    "report_title": ("Báo cáo kết quả thực hiện nhiệm vụ", "Directive follow-up report"),
    "as_of": ("số liệu tính đến ngày", "as of"),
    "period": ("Kỳ báo cáo", "Period"),
    "overdue_list": ("Nhiệm vụ quá hạn chưa hoàn thành", "Overdue directives"),
    "limitations": ("Hạn chế, tồn tại", "Limitations"),
    "meetings": ("Các cuộc họp trong kỳ", "Meetings in the period"),
    "history": ("Quá trình thực hiện", "History"),
    "rate_base": (
        "Tỷ lệ hoàn thành tính trên số nhiệm vụ đến hạn (đã hoàn thành + quá hạn)",
        "Completion is counted on directives that came due (done + overdue)",
    ),
    "none": ("Không có", "None"),
    "ev_assigned": ("Giao nhiệm vụ", "Assigned"),
    "ev_progress": ("Tiến độ", "Progress"),
    "ev_extended": ("Gia hạn", "Extended"),
    "ev_completed": ("Hoàn thành", "Completed"),
    "ev_cancelled": ("Dừng thực hiện", "Cancelled"),
    "open": ("Còn", "Open"),
    "resolved": ("Đã khắc phục", "Resolved"),
}


def default_lang() -> str:
    """``vi`` when LANG (or LC_ALL) starts with ``vi``, else ``en``."""
    for var in ("LC_ALL", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def _pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]


def t(key: str, lang: str) -> str:
    return _pick(TEXT, key, lang)


def status_label(code: str, lang: str) -> str:
    return _pick(STATUS, code, lang)


def kind_label(code: str, lang: str) -> str:
    return _pick(KIND, code, lang)


def category_label(code: str, lang: str) -> str:
    return _pick(CATEGORY, code, lang)


def number(value: float | None, lang: str, suffix: str = "%") -> str:
    """``98.62`` as ``98,62%`` in Vietnamese, ``98.62%`` in English; ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:.2f}"
    return (text.replace(".", ",") if lang == "vi" else text) + suffix


def day(value: str | None, lang: str) -> str:
    """An ISO date as ``06/05/2022`` in Vietnamese, unchanged in English; empty for None."""
    if not value:
        return ""
    if lang == "vi":
        y, m, d = value.split("-")
        return f"{d}/{m}/{y}"
    return value
