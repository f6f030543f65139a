"""Human-readable labels in Vietnamese and English. JSON keys never change with the language."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

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
    # import / export (issue 4)
    "imp_row": ("Dòng", "Row"),
    "imp_action": ("Xử lý", "Action"),
    "imp_problems": ("Lỗi, lưu ý", "Problems, warnings"),
    "imp_act_create": ("Tạo mới", "create"),
    "imp_act_update": ("Cập nhật", "update"),
    "imp_act_unchanged": ("Không đổi", "unchanged"),
    "imp_act_skip": ("Bỏ qua", "skip"),
    "imp_act_section": ("Tiêu đề nhóm", "heading"),
    "imp_act_error": ("LỖI", "ERROR"),
}


MESSAGES = {
    "key_exists": (
        "khóa {key!r} đã có: {ids} (không ghi thêm)",
        "key {key!r} exists already: {ids} (nothing written)",
    ),
    "progress": (
        "nhiệm vụ {id}: đã ghi tiến độ ngày {date}",
        "directive {id}: progress logged on {date}",
    ),
    "done": ("nhiệm vụ {id}: hoàn thành ngày {date}", "directive {id}: completed on {date}"),
    "extend": (
        "nhiệm vụ {id}: gia hạn đến {due}, duyệt ngày {date}",
        "directive {id}: deadline {due} approved on {date}",
    ),
    "cancel": (
        "nhiệm vụ {id}: dừng thực hiện từ ngày {date}",
        "directive {id}: cancelled on {date}",
    ),
    "resolve": (
        "hạn chế {id}: đã khắc phục ngày {date}",
        "limitation {id}: resolved on {date}",
    ),
    "draft_recorded": (
        "đã ghi cuộc họp {id}: {lim} hạn chế, {dir} nhiệm vụ",
        "recorded meeting {id}: {lim} limitation(s), {dir} directive(s)",
    ),
    "overdue_count": (
        "{n} nhiệm vụ quá hạn tính đến ngày {date}",
        "{n} overdue directive(s) as of {date}",
    ),
    # import / export / backup (issue 4)
    "imp_file": (
        "Tệp {file}{sheet}; dòng tiêu đề {header}; số liệu tính đến ngày {as_of}",
        "File {file}{sheet}; header row {header}; as of {as_of}",
    ),
    "imp_columns": ("Cột: {columns}", "Columns: {columns}"),
    "imp_ignored": ("Bỏ qua các cột: {columns}", "Columns left out: {columns}"),
    "imp_unknown": (
        "Đơn vị chưa đăng ký {name!r} (dòng {rows}): {message}",
        "Unknown unit {name!r} (rows {rows}): {message}",
    ),
    "imp_new_units": ("Đơn vị mới: {units}", "New units: {units}"),
    "imp_would": (
        "Sẽ tạo {directives} nhiệm vụ, {meetings} cuộc họp, {units} đơn vị; cập nhật {updated}; "
        "không đổi {unchanged}; {bad} dòng có lỗi",
        "Would create {directives} directives, {meetings} meetings, {units} units; "
        "update {updated}; leave {unchanged} unchanged; {bad} bad rows",
    ),
    "imp_done": (
        "Đã nhập {file}: tạo {directives} nhiệm vụ, {meetings} cuộc họp, {units} đơn vị; "
        "cập nhật {updated}; không đổi {unchanged}",
        "imported {file}: created {directives} directives, {meetings} meetings, {units} units; "
        "updated {updated}; unchanged {unchanged}",
    ),
    "imp_done_json": (
        "Đã nhập {file}: {units} đơn vị, {meetings} cuộc họp, {directives} nhiệm vụ, "
        "{limitations} hạn chế",
        "imported {file}: {units} units, {meetings} meetings, {directives} directives, "
        "{limitations} limitations",
    ),
    "imp_would_json": (
        "Sẽ nhập {file}: {units} đơn vị, {meetings} cuộc họp, {directives} nhiệm vụ, "
        "{limitations} hạn chế",
        "would import {file}: {units} units, {meetings} meetings, {directives} directives, "
        "{limitations} limitations",
    ),
    "imp_warning": ("Lưu ý: {text}", "Warning: {text}"),
    "imp_more": (
        "… và {n} lưu ý khác (xem bằng --dry-run)",
        "… and {n} more warnings (--dry-run shows them all)",
    ),
    "exported": ("Đã xuất ra {file}", "exported to {file}"),
    "backed_up": (
        "Đã sao lưu vào {file} ({size}; {counts})",
        "backed up to {file} ({size}; {counts})",
    ),
    "restored": (
        "Đã khôi phục {file} vào {db} ({counts}); cơ sở dữ liệu cũ được giữ tại {kept}",
        "restored {file} into {db} ({counts}); the previous database is kept as {kept}",
    ),
    "restored_new": (
        "Đã khôi phục {file} vào {db} ({counts})",
        "restored {file} into {db} ({counts})",
    ),
}


def msg(name: str, lang: str, /, **values: object) -> str:
    """A message for stderr in the user's language."""
    vi, en = MESSAGES[name]
    return (vi if lang == "vi" else en).format(**values)


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


# --- issue 3: the review pack --------------------------------------------------------------

TEXT.update(
    {
        "rv_cutoff": ("Cách tính kỳ", "Cut-off"),
        "rv_cutoff_calendar": ("theo tháng dương lịch", "calendar months"),
        "rv_cutoff_nd09": (
            "theo Nghị định 09/2019/NĐ-CP (từ ngày 15 tháng trước đến ngày 14)",
            "Decree 09/2019/NĐ-CP windows (15th to 14th)",
        ),
        "rv_as_of_label": ("Số liệu tính đến ngày", "Figures as of"),
        "rv_scope": ("Phạm vi", "Scope"),
        "rv_scope_unit": ("{unit} và các đơn vị trực thuộc", "{unit} and the units under it"),
        "rv_all_units": ("tất cả các đơn vị", "all units"),
        "rv_rolled_up": ("cộng dồn đơn vị trực thuộc vào đơn vị cấp trên", "child units rolled up"),
        "rv_by_unit": ("Kết quả theo đơn vị chủ trì", "By lead unit"),
        "rv_rolled_detail": ("Chi tiết các đơn vị được cộng dồn", "Units rolled up"),
        "rv_rolled_into": ("Cộng vào", "Rolled into"),
        "rv_by_chair": ("Kết quả theo lãnh đạo chủ trì cuộc họp", "By the meeting's chair"),
        "rv_chair_title": ("Chức vụ", "Position"),
        "rv_meetings_count": ("Số cuộc họp", "Meetings"),
        "rv_no_chair": ("(không ghi người chủ trì)", "(no chair recorded)"),
        "rv_prev_short": ("kỳ trước", "previous"),
        "rv_now_short": ("kỳ này", "this period"),
        "rv_change": ("tăng/giảm", "change"),
        "rv_done": ("Đã hoàn thành", "Done"),
        "rv_trends": ("So sánh với kỳ trước", "Compared with the previous period"),
        "rv_ranking_completion": ("Xếp hạng theo tỷ lệ hoàn thành", "Ranking by completion rate"),
        "rv_ranking_overdue": (
            "Xếp hạng theo số nhiệm vụ quá hạn",
            "Ranking by overdue directives",
        ),
        "rv_rank": ("Hạng", "Rank"),
        "rv_progress_pct": ("Tiến độ (%)", "Progress (%)"),
        "rv_completed_on": ("Ngày hoàn thành", "Completed"),
        "rv_limitation_summary": (
            "Tình hình hạn chế: nêu mới, đã khắc phục, còn tồn tại, lặp lại",
            "Limitations: raised, resolved, still open, repeated",
        ),
        "rv_lim_raised": ("Nêu trong kỳ", "Raised"),
        "rv_lim_resolved": ("Khắc phục trong kỳ", "Resolved"),
        "rv_lim_open": ("Chưa khắc phục", "Still open"),
        "rv_lim_repeated": ("Lặp lại", "Repeated"),
        "rv_repeated_limitations": ("Hạn chế được nêu nhiều lần", "Limitations raised repeatedly"),
        "rv_times": ("Số lần nêu", "Times raised"),
        "rv_since": ("Nêu từ", "Since"),
        "rv_first_raised": ("Lần đầu", "First raised"),
        "rv_last_raised": ("Lần gần nhất", "Last raised"),
        "rv_lim_state": ("Tình trạng", "State"),
        "rv_ids": ("Các lần (số)", "Occurrences (ids)"),
        "rv_limitations_list": (
            "Hạn chế nêu trong kỳ hoặc chưa khắc phục",
            "Limitations raised in the period or still open",
        ),
        "rv_repeat_of": ("Lặp lại hạn chế số", "Repeats"),
        "rv_directive": ("Nhiệm vụ số", "Directive"),
        "rv_cause_kind": ("Nguồn", "Source"),
        "rv_cause_extension": ("Lý do gia hạn", "Reason for an extension"),
        "rv_cause_progress": ("Báo cáo của đơn vị", "The unit's latest note"),
        "rv_no_comparison": ("chưa so sánh được", "cannot be compared"),
        "rv_unchanged": ("không đổi", "unchanged"),
        "rv_up": ("tăng", "up"),
        "rv_down": ("giảm", "down"),
        "rv_points": ("điểm phần trăm", "percentage points"),
        "rv_results": ("Kết quả đạt được", "Results"),
        "rv_shortcomings": ("Tồn tại, hạn chế", "Shortcomings and limitations"),
        "rv_causes": ("Nguyên nhân", "Causes"),
        "rv_next_period": ("Nhiệm vụ kỳ tới", "Directives for the next period"),
        "rv_due_soon": ("Nhiệm vụ sắp đến hạn (trong {n} ngày)", "Due within {n} days"),
        "rv_carried_over": (
            "Nhiệm vụ chưa hoàn thành chuyển sang kỳ tới",
            "Open directives carried into the next period",
        ),
        "rv_annex": ("Phụ lục: nhiệm vụ theo từng đơn vị", "Annex: directives by unit"),
        "rv_chart_title": ("Tỷ lệ hoàn thành theo đơn vị (%)", "Completion rate by unit (%)"),
        "rv_no_rate": ("chưa có nhiệm vụ đến hạn", "nothing due"),
        "rv_completion_bar": ("Mức hoàn thành", "Completion (bar)"),
        "ev_moved": ("Chuyển đơn vị", "Moved"),
        "rv_about": ("Thông tin báo cáo", "About this report"),
        "rv_item": ("Mục", "Item"),
        "rv_value": ("Nội dung", "Value"),
        "rv_score": ("Mức giống (%)", "Similarity (%)"),
        "rv_first_id": ("Lần đầu (số)", "First (id)"),
        "rv_linked": ("Đã liên kết", "Linked"),
        "rv_rate_num": ("tử số", "numerator"),
        "rv_rate_den": ("mẫu số", "denominator"),
        "rv_summary_counts": (
            "Trong kỳ, các đơn vị thực hiện {total} nhiệm vụ: đã hoàn thành {done} nhiệm vụ "
            "({on_time} đúng hạn, {late} quá hạn); đang thực hiện trong hạn {in_time}; quá hạn "
            "chưa hoàn thành {overdue}; {none} nhiệm vụ không có thời hạn; {cancelled} nhiệm vụ "
            "dừng thực hiện.",
            "In the period units worked on {total} directives: {done} done ({on_time} on time, "
            "{late} late); {in_time} open within their deadline; {overdue} overdue; {none} "
            "without a deadline; {cancelled} cancelled.",
        ),
        "rv_summary_rates": (
            "Tỷ lệ hoàn thành trên số nhiệm vụ đến hạn: {completion}; tỷ lệ hoàn thành đúng "
            "hạn: {on_time}.",
            "Completion rate on directives that came due: {completion}; done on time: {on_time}.",
        ),
        "rv_summary_trend": (
            "So với {previous}: tỷ lệ hoàn thành {completion}; số nhiệm vụ quá hạn {overdue}.",
            "Compared with {previous}: completion rate {completion}; overdue directives {overdue}.",
        ),
        "rv_summary_rank": (
            "Đơn vị có tỷ lệ hoàn thành cao nhất: {best} ({best_pct}); thấp nhất: {worst} "
            "({worst_pct}).",
            "Highest completion rate: {best} ({best_pct}); lowest: {worst} ({worst_pct}).",
        ),
        "rv_summary_meetings": (
            "Trong kỳ có {n} cuộc họp kết luận, chỉ đạo.",
            "{n} meeting(s) were held in the period.",
        ),
        "rv_summary_overdue": (
            "Còn {n} nhiệm vụ quá hạn chưa hoàn thành.",
            "{n} directive(s) are overdue.",
        ),
        "rv_summary_limitations": (
            "Hạn chế: nêu mới {raised}, khắc phục trong kỳ {resolved}, còn {open} chưa khắc "
            "phục; {repeated} hạn chế được nêu lại.",
            "Limitations: {raised} raised, {resolved} resolved in the period, {open} still "
            "open; {repeated} raised again.",
        ),
        "rv_times_since": ("nêu {n} lần kể từ {since}", "raised {n} times since {since}"),
        "rv_causes_intro": (
            "Nguyên nhân được ghi nhận: lý do gia hạn và báo cáo mới nhất của đơn vị về các "
            "nhiệm vụ quá hạn.",
            "Causes where recorded: reasons given for extensions and the units' latest notes "
            "on overdue directives.",
        ),
        "rv_no_causes": ("Chưa ghi nhận nguyên nhân.", "No causes were recorded."),
        "rv_summary_next": (
            "Kỳ tới tiếp tục thực hiện {n} nhiệm vụ chưa hoàn thành, trong đó {soon} nhiệm vụ "
            "đến hạn trong {days} ngày tới; khắc phục {open} hạn chế còn tồn tại.",
            "Next period: {n} open directives carry over, {soon} of them due within {days} "
            "days; {open} limitations remain to be overcome.",
        ),
        "rv_sheet_about": ("Thông tin", "About"),
        "rv_sheet_units": ("Tổng hợp theo đơn vị", "By unit"),
        "rv_sheet_children": ("Đơn vị trực thuộc", "Rolled-up units"),
        "rv_sheet_chair": ("Theo lãnh đạo", "By chair"),
        "rv_sheet_trends": ("So sánh kỳ trước", "Trends"),
        "rv_sheet_rank_completion": ("Xếp hạng hoàn thành", "Rank by completion"),
        "rv_sheet_rank_overdue": ("Xếp hạng quá hạn", "Rank by overdue"),
        "rv_sheet_meetings": ("Cuộc họp", "Meetings"),
        "rv_sheet_overdue": ("Quá hạn", "Overdue"),
        "rv_sheet_lim_summary": ("Tình hình hạn chế", "Limitation summary"),
        "rv_sheet_repeated": ("Hạn chế lặp lại", "Repeated limitations"),
        "rv_sheet_limitations": ("Hạn chế", "Limitations"),
        "rv_sheet_causes": ("Nguyên nhân", "Causes"),
        "rv_sheet_due_soon": ("Sắp đến hạn", "Due soon"),
        "rv_sheet_next": ("Kỳ tới", "Next period"),
        "rv_sheet_directives": ("Nhiệm vụ", "Directives"),
    }
)

MESSAGES.update(
    {
        "rv_retired": (
            "đơn vị {unit} thôi hoạt động từ ngày {date}; {n} nhiệm vụ chưa hoàn thành chuyển "
            "sang {successor}: {ids}",
            "unit {unit} retired on {date}; {n} open directive(s) moved to {successor}: {ids}",
        ),
        "rv_linked": (
            "hạn chế {id} là lần nêu lại của hạn chế {first}",
            "limitation {id} linked as a repeat of limitation {first}",
        ),
        "rv_auto_linked": (
            "hạn chế {id} được liên kết là lần nêu lại của hạn chế {first} (nêu ngày {date}, "
            "giống {score}%); dùng --new hoặc `dirtrack limitation unlink {id}` nếu không phải",
            "limitation {id} linked as a repeat of limitation {first} (raised {date}, "
            "{score}% alike); use --new or `dirtrack limitation unlink {id}` if it is not",
        ),
        "rv_may_repeat": (
            "hạn chế {id} có thể là lần nêu lại của hạn chế {first} (giống {score}%); nếu đúng: "
            "`dirtrack limitation link {id} --to {first}`",
            "limitation {id} may repeat limitation {first} ({score}% alike); if so: "
            "`dirtrack limitation link {id} --to {first}`",
        ),
        "rv_unlinked": (
            "hạn chế {id} không còn liên kết với hạn chế {first}",
            "limitation {id} is no longer linked to limitation {first}",
        ),
        "rv_wrote": ("đã ghi {path}", "wrote {path}"),
    }
)


# --- issue 5: reminders, history, configuration, doctor ------------------------------------

TEXT.update(
    {
        "remind_title": ("Nhắc việc", "Reminders"),
        "due_soon": ("Sắp đến hạn", "Due soon"),
        "last_update": ("Cập nhật lần cuối", "Last update"),
        "stale_mark": ("lâu chưa cập nhật", "no recent update"),
        "when": ("Thời gian", "When"),
        "actor": ("Người thực hiện", "By"),
        "command": ("Lệnh", "Command"),
        "changes": ("Thay đổi", "Changes"),
        "undone_by": ("Đã hoàn tác bởi", "Undone by"),
        "setting": ("Thiết lập", "Setting"),
        "value": ("Giá trị", "Value"),
        "source": ("Nguồn", "Source"),
        "origin": ("Từ", "From"),
        "config_file": ("Tệp cấu hình", "Configuration file"),
        "src_option": ("dòng lệnh", "command line"),
        "src_env": ("biến môi trường", "environment"),
        "src_file": ("tệp cấu hình", "config file"),
        "src_default": ("mặc định", "default"),
        "env_title": (
            "Biến môi trường dirtrack đọc (không đọc biến nào khác)",
            "Environment variables dirtrack reads (and no other)",
        ),
        "env_variable": ("Biến", "Variable"),
        "env_meaning": ("Tác dụng", "What it does"),
        "env_not_set": ("(chưa đặt)", "(not set)"),
        "env_db": ("cơ sở dữ liệu, như --db", "the database, as --db"),
        "env_lang": ("ngôn ngữ, như --lang", "the language, as --lang"),
        "env_actor": (
            "người thực hiện ghi vào lịch sử, như --actor",
            "who makes changes, as --actor",
        ),
        "env_config": ("tệp cấu hình dùng thay tệp mặc định", "the configuration file to read"),
        "env_no_color": ("bảng không có màu", "tables without colour"),
        "check": ("Kiểm tra", "Check"),
        "result": ("Kết quả", "Result"),
        "detail": ("Chi tiết", "Detail"),
        "ok": ("tốt", "ok"),
        "problem": ("có lỗi", "problem"),
        "warning": ("cảnh báo", "warning"),
        "doctor_title": ("Kiểm tra cơ sở dữ liệu", "Database check"),
        "ent_directive": ("nhiệm vụ", "directive"),
        "ent_progress_entry": ("tiến độ", "progress"),
        "ent_extension": ("gia hạn", "extension"),
        "ent_directive_coordinator": ("đơn vị phối hợp", "coordinating unit"),
        "ent_meeting": ("cuộc họp", "meeting"),
        "ent_meeting_attendee": ("đơn vị dự họp", "attending unit"),
        "ent_limitation": ("hạn chế", "limitation"),
        "ent_unit": ("đơn vị", "unit"),
        "ent_unit_alias": ("tên khác của đơn vị", "unit alias"),
        "act_create": ("thêm", "created"),
        "act_update": ("sửa", "changed"),
        "act_delete": ("xóa", "deleted"),
    }
)

MESSAGES.update(
    {
        "remind_scope": (
            "tính đến ngày {date}: nhiệm vụ quá hạn và nhiệm vụ đến hạn trong {n} ngày tới "
            "(đến ngày {until})",
            "as of {date}: overdue directives, and those due within {n} days (by {until})",
        ),
        "remind_none": (
            "Không có nhiệm vụ quá hạn hoặc đến hạn trong {n} ngày tới, tính đến ngày {date}.",
            "Nothing overdue or due within {n} days as of {date}.",
        ),
        "remind_totals": (
            "Tổng cộng: {overdue} nhiệm vụ quá hạn, {due} nhiệm vụ sắp đến hạn; "
            "{stale} nhiệm vụ lâu chưa cập nhật (trên {days} ngày).",
            "In all: {overdue} overdue, {due} due soon; {stale} with no update for over "
            "{days} days.",
        ),
        "remind_due": ("hạn {due}", "due {due}"),
        "remind_original": ("ban đầu {due}", "originally {due}"),
        "remind_days_overdue": ("quá hạn {n} ngày", "{n} days overdue"),
        "remind_days_left": ("còn {n} ngày", "{n} days left"),
        "remind_due_today": ("đến hạn hôm nay", "due today"),
        "remind_progress": ("tiến độ {p}%", "progress {p}%"),
        "remind_with": ("phối hợp: {units}", "with: {units}"),
        "remind_product": ("sản phẩm: {product}", "product: {product}"),
        "remind_last": (
            "cập nhật lần cuối {date} ({event}, {n} ngày trước)",
            "last update {date} ({event}, {n} days ago)",
        ),
        "remind_stale": ("⚠ chưa cập nhật {n} ngày", "⚠ no update for {n} days"),
        "remind_touched": ("nhập/sửa lần cuối: {who}, {when}", "last recorded by {who}, {when}"),
        "undone": ("đã hoàn tác #{id} {command}: {changes}", "undone #{id} {command}: {changes}"),
        "undo_dry": (
            "sẽ hoàn tác #{id} {command}: {changes} (chưa ghi gì)",
            "would undo #{id} {command}: {changes} (nothing written)",
        ),
        "doctor_ok": (
            "cơ sở dữ liệu {db}: không phát hiện lỗi",
            "database {db}: no problems found",
        ),
        "doctor_failed": (
            "cơ sở dữ liệu {db}: phát hiện {n} lỗi",
            "database {db}: {n} problem(s) found",
        ),
        "config_none": ("(không có)", "(none)"),
    }
)


# --- error messages (every `Error:` line follows --lang) ------------------------------------
#
# ``raise NotFound.of("no_directive", id=99)`` (dirtrack.errors): ``str(exc)`` is the English
# text, the CLI prints the one of the session's language. A value may be a :class:`Phrase` (a
# part of the message that is itself in this catalog), another DirtrackError (said in the same
# language) or a date (ISO in English, dd/mm/yyyy in Vietnamese); user data stays as given.

ERRORS: dict[str, tuple[str, str]] = {
    "retire_key_clash": (
        "{successor} đã có nhiệm vụ trùng khóa với nhiệm vụ sẽ chuyển sang: {pairs}; hãy hoàn "
        "thành hoặc dừng thực hiện một nhiệm vụ trong mỗi cặp rồi mới cho đơn vị thôi hoạt động",
        "{successor} already holds a directive with the key of one to be moved: {pairs}; "
        "complete or cancel one of each pair first, then retire",
    ),
    # words and phrases used inside other messages
    "w_meeting": ("cuộc họp", "meeting"),
    "w_directive": ("nhiệm vụ", "directive"),
    "w_limitation": ("hạn chế", "limitation"),
    "w_unit": ("đơn vị", "unit"),
    "w_code": ("mã", "code"),
    "w_name": ("tên", "name"),
    "w_alias": ("tên khác", "alias"),
    "w_none": ("không có", "none"),
    "w_stdin": ("đầu vào chuẩn (stdin)", "standard input"),
    "date_forms": (
        "2022-05-06, 6/5/2022 (ngày/tháng/năm), 06-05-2022",
        "2022-05-06, 6/5/2022 (day first), 06-05-2022",
    ),
    "do_progress": ("ghi tiến độ cho", "log progress on"),
    "do_complete": ("ghi nhận hoàn thành", "complete"),
    "do_extend": ("gia hạn", "extend"),
    "do_cancel": ("dừng thực hiện", "cancel"),
    "day_progress": ("ngày báo cáo tiến độ", "progress date"),
    "day_completion": ("ngày hoàn thành", "completion date"),
    "day_approval": ("ngày duyệt gia hạn", "approval date"),
    "day_new_deadline": ("thời hạn mới", "new deadline date"),
    "day_cancellation": ("ngày dừng thực hiện", "cancellation date"),
    # the command line
    "interrupted": ("lệnh bị ngắt giữa chừng", "interrupted"),
    "not_utf8_input": (
        "dữ liệu đưa vào có phần không phải văn bản UTF-8; hãy kiểm tra bảng mã của cửa sổ "
        "lệnh hoặc của tệp",
        "some input is not valid UTF-8 text; check the encoding of the terminal or file",
    ),
    "number_too_large": ("có số quá lớn", "a number is too large"),
    "database_busy": (
        "cơ sở dữ liệu đang bận (một lệnh dirtrack khác đang ghi); hãy thử lại",
        "the database stayed busy (another dirtrack is writing); try again",
    ),
    "disk_full": (
        "đĩa đã đầy: không ghi được gì; hãy giải phóng chỗ trống rồi chạy lại",
        "the disk is full: nothing was written; free some space and run it again",
    ),
    "db_read_only": (
        "không ghi được vào cơ sở dữ liệu (tệp, thư mục hoặc ổ đĩa chỉ cho đọc): không ghi được gì",
        "the database cannot be written (its file, folder or file system is read-only): "
        "nothing was written",
    ),
    "unexpected": (
        "lỗi ngoài dự kiến {kind}: {detail} (đặt DIRTRACK_DEBUG=1 để xem chi tiết)",
        "unexpected {kind}: {detail} (DIRTRACK_DEBUG=1 shows more)",
    ),
    "csv_field_too_long": (
        "{path}, dòng {line}: có ô dài quá {limit} ký tự, giới hạn của tệp CSV",
        "{path}, line {line}: a field is longer than {limit} characters, the limit for CSV",
    ),
    "csv_unreadable": (
        "{path}, dòng {line}: không đọc được dạng CSV ({detail})",
        "{path}, line {line}: cannot be read as CSV ({detail})",
    ),
    "too_long": (
        "{field} dài {length} ký tự, quá mức tối đa {limit}",
        "{field} is {length} characters long, more than the {limit} it can hold",
    ),
    "control_character": (
        "{field}: có ký tự điều khiển {code}; văn bản chỉ được có dấu tab và xuống dòng",
        "{field}: control character {code} is not allowed (only tab and newline are)",
    ),
    "blank_text": (
        "{field}: chỉ có khoảng trắng hoặc ký tự không nhìn thấy; hãy ghi nội dung",
        "{field}: only spaces or invisible characters; write some text",
    ),
    "bad_actor": (
        "--actor cần một tên dài từ 1 đến 200 ký tự",
        "--actor needs a name of 1 to 200 characters",
    ),
    "bad_id": (
        "mã số {what} phải là số nguyên dương, không phải {value}",
        "{what} id must be a positive number, not {value}",
    ),
    "no_fields": (
        "--fields cần ít nhất một tên trường, ví dụ --fields id,status",
        "--fields needs at least one field name, e.g. --fields id,status",
    ),
    "unknown_fields": (
        "không có trường {names}; dùng các trường: {known}",
        "unknown field(s) {names}; use some of: {known}",
    ),
    "unit_or_attendees": (
        "dùng --unit (một hoặc nhiều lần) hoặc --attendees, chỉ một trong hai",
        "give --unit (one or more) or --attendees, not both",
    ),
    "no_attendees": (
        "cuộc họp {id} chưa ghi đơn vị dự họp",
        "meeting {id} has no attending units recorded",
    ),
    "unknown_status": (
        "không có tình trạng {status!r}; dùng một trong: {choices}",
        "unknown status {status!r}; use one of {choices}",
    ),
    "repeat_or_new": (
        "dùng --repeat-of hoặc --new, không dùng cả hai",
        "give --repeat-of or --new, not both",
    ),
    "one_history_target": (
        "chỉ cho một trong: ID, --meeting, --limitation hoặc --unit",
        "give one of ID, --meeting, --limitation or --unit",
    ),
    "bad_limit": (
        "--limit phải từ 0 trở lên, không phải {n}",
        "--limit must be 0 or more, not {n}",
    ),
    "no_database_at": ("không có cơ sở dữ liệu tại {path}", "no database at {path}"),
    "quarter_or_period": (
        "dùng --quarter hoặc --period (một trong hai)",
        "give --quarter or --period (one of them)",
    ),
    "bad_due_within": (
        "--due-within phải từ 0 ngày trở lên, không phải {n}",
        "--due-within must be 0 or more days, not {n}",
    ),
    "bad_days": (
        "{what} phải là số ngày từ 0 đến {max}, không phải {value}",
        "{what} must be a number of days from 0 to {max}, not {value}",
    ),
    "import_dry_bad_row": (
        "{file}: có {n} dòng lỗi ({rows}); lệnh nhập sẽ không ghi gì",
        "{file}: {n} bad row ({rows}); an import would write nothing",
    ),
    "import_dry_bad_rows": (
        "{file}: có {n} dòng lỗi ({rows}); lệnh nhập sẽ không ghi gì",
        "{file}: {n} bad rows ({rows}); an import would write nothing",
    ),
    "export_as_of_json": (
        "--as-of chỉ dùng với --format xlsx; bản xuất JSON chứa toàn bộ dữ liệu",
        "--as-of is for --format xlsx; a JSON export holds every record",
    ),
    "xlsx_to_terminal": (
        "không thể đưa sổ tính xlsx ra màn hình; hãy dùng --out FILE",
        "an xlsx workbook is not for a terminal; give --out FILE",
    ),
    "binary_to_terminal": (
        "{fmt} là tệp nhị phân: hãy dùng --out FILE hoặc chuyển hướng stdout",
        "{fmt} is a binary file: give --out FILE or redirect stdout",
    ),
    # --out FILE
    "out_empty": ("--out cần có tên tệp", "--out needs a file name"),
    "out_is_folder": (
        "--out {value}: đây là thư mục; hãy cho tên tệp",
        "--out {value}: is a folder; give a file name",
    ),
    "out_no_folder": (
        "--out {value}: thư mục {folder} không tồn tại",
        "--out {value}: folder {folder} does not exist",
    ),
    "out_exists": (
        "--out {value}: tệp đã có; thêm --force để ghi đè",
        "--out {value}: the file exists; add --force to overwrite it",
    ),
    "out_not_writable": (
        "--out {value}: không ghi được vào thư mục {folder}",
        "--out {value}: cannot write in folder {folder}",
    ),
    "is_the_database": (
        "{path} là chính cơ sở dữ liệu {db} hoặc một tệp đi kèm của nó; hãy chọn tệp khác",
        "{path} is the database {db} itself or one of its files; choose another file",
    ),
    # writing output: files and standard output
    "write_failed": ("không ghi được {target}: {reason}", "cannot write {target}: {reason}"),
    "w_stdout": ("đầu ra chuẩn (stdout)", "standard output"),
    "w_disk_full": ("ổ đĩa đã đầy", "the disk is full"),
    "w_disk_quota": ("đã hết hạn mức dung lượng đĩa", "the disk quota is used up"),
    "w_file_too_big": (
        "tệp vượt quá kích thước hệ thống cho phép",
        "the file is larger than the system allows",
    ),
    "w_io_error": ("lỗi đọc ghi của thiết bị", "the device reported an input/output error"),
    "w_read_only_fs": ("hệ thống tệp chỉ cho đọc", "the file system is read-only"),
    "w_no_permission": ("không có quyền ghi", "permission denied"),
    "xlsx_cell_too_long": (
        "{what} {ident}: {field} dài {n} ký tự, quá {limit} ký tự một ô Excel chứa được; không "
        "xuất gì. Hãy dùng export --format json (giữ nguyên toàn bộ)",
        "{what} {ident}: {field} has {n} characters, more than the {limit} an Excel cell holds; "
        "nothing was exported. Use export --format json (lossless)",
    ),
    "xlsx_text_too_long": (
        "trang {sheet}: có đoạn văn bản dài {n} ký tự, quá {limit} ký tự một ô Excel chứa được; "
        "hãy dùng --format docx, html hoặc json",
        "sheet {sheet}: a text has {n} characters, more than the {limit} an Excel cell holds; "
        "use --format docx, html or json",
    ),
    "sheet_merges_too_large": (
        "trang {sheet}: các ô gộp phủ {n} ô mà không xác định được vùng có dữ liệu; hãy mở tệp "
        "bằng Excel, lưu lại rồi nhập lại",
        "sheet {sheet}: merged cells cover {n} cells and where its data ends cannot be told; "
        "open the file in Excel, save it again and import that",
    ),
    # backup and restore
    "bk_postgresql": (
        "backup và restore dùng cho tệp SQLite; với PostgreSQL hãy dùng pg_dump "
        "(pg_dump -Fc -f FILE DBNAME) và pg_restore, hoặc dirtrack export --format json",
        "backup and restore work on SQLite files; for PostgreSQL use pg_dump "
        "(pg_dump -Fc -f FILE DBNAME) and pg_restore, or dirtrack export --format json",
    ),
    "bk_memory": (
        "không thể sao lưu hay khôi phục cơ sở dữ liệu trong bộ nhớ",
        "an in-memory database cannot be backed up or restored",
    ),
    "bk_no_file": ("không có tệp {path!r}", "no file {path!r}"),
    "bk_folder": (
        "{path} là thư mục, không phải tệp cơ sở dữ liệu",
        "{path} is a folder, not a database file",
    ),
    "bk_not_sqlite": (
        "{path} không phải cơ sở dữ liệu dirtrack (không phải tệp SQLite)",
        "{path} is not a dirtrack database (not a SQLite file)",
    ),
    "bk_damaged": ("{path} bị hỏng ({detail})", "{path} is damaged ({detail})"),
    "bk_not_dirtrack": (
        "{path} là tệp SQLite nhưng không phải cơ sở dữ liệu dirtrack",
        "{path} is a SQLite file but not a dirtrack database",
    ),
    "bk_unknown_revision": (
        "{path} ở phiên bản lược đồ {revision!r} mà bản dirtrack này không biết ({known}); "
        "hãy nâng cấp dirtrack",
        "{path} is at schema revision {revision!r}, which this dirtrack does not know "
        "({known}); upgrade dirtrack",
    ),
    "bk_unreadable": (
        "{path} không đọc được như một cơ sở dữ liệu ({reason})",
        "{path} cannot be read as a database ({reason})",
    ),
    "bk_no_folder": (
        "không ghi được {path}: thư mục {folder} không tồn tại",
        "cannot write {path}: folder {folder} does not exist",
    ),
    "bk_exists": (
        "{path} đã có; thêm --force để ghi đè",
        "{path} exists already; give --force to replace it",
    ),
    "bk_copy_check": (
        "bản sao không qua được bước kiểm tra ({detail})",
        "the copy failed its check ({detail})",
    ),
    "bk_failed": ("sao lưu thất bại: {reason}", "backup failed: {reason}"),
    "restore_failed": ("khôi phục thất bại: {reason}", "restore failed: {reason}"),
    "restore_failed_kept": (
        "khôi phục thất bại: {reason}; cơ sở dữ liệu cũ được giữ ở {kept}",
        "restore failed: {reason}; the database was kept as {kept}",
    ),
    "restore_not_healthy": (
        "{path} không khôi phục được: {problems}; cơ sở dữ liệu hiện tại giữ nguyên",
        "{path} cannot be restored: {problems}; the current database is untouched",
    ),
    # dates, deadlines and periods
    "no_such_quarter": (
        "{text!r}: một năm chỉ có 4 quý (I đến IV)",
        "{text!r}: a year has 4 quarters (I to IV)",
    ),
    "not_real_date": ("{text!r} không phải là ngày hợp lệ", "{text!r} is not a real date"),
    "not_a_date": (
        "{text!r} không phải là ngày; hãy viết theo dạng {forms}",
        "{text!r} is not a date; use {forms}",
    ),
    "not_a_deadline": (
        "{text!r} không phải là thời hạn; hãy ghi ngày ({date_forms}) hoặc {span_forms}",
        "{text!r} is not a deadline; use a date ({date_forms}) or {span_forms}",
    ),
    "date_out_of_range": (
        "{text!r}: dirtrack chỉ nhận ngày từ năm {first} đến năm {last}",
        "{text!r}: dirtrack takes dates from the year {first} to {last}",
    ),
    "twelve_months": ("{text!r}: một năm chỉ có 12 tháng", "{text!r}: a year has 12 months"),
    "not_valid_period": (
        "{text!r} không phải là kỳ hợp lệ; hãy viết theo dạng {forms}",
        "{text!r} is not a valid period; use {forms}",
    ),
    "not_a_period": (
        "{text!r} không phải là kỳ báo cáo; hãy viết theo dạng {forms}, hiện tại, quý trước "
        "hoặc TỪ_NGÀY..ĐẾN_NGÀY",
        "{text!r} is not a period; use {forms}, current, previous or START..END",
    ),
    "period_reversed": (
        "kỳ {text!r} có ngày kết thúc trước ngày bắt đầu",
        "period {text!r} ends before it starts",
    ),
    "period_ends_first": (
        "kỳ báo cáo kết thúc ({end}) trước khi bắt đầu ({start})",
        "period ends ({end}) before it starts ({start})",
    ),
    "period_split": (
        "kỳ loại {kind} không chia năm thành các phần bằng nhau",
        "a {kind} period does not split the year",
    ),
    # the database
    "not_database_url": (
        "{value!r} không phải là địa chỉ (URL) cơ sở dữ liệu",
        "{value!r} is not a database URL",
    ),
    "unsupported_database": (
        "không hỗ trợ cơ sở dữ liệu {backend!r}: hãy dùng tệp SQLite hoặc PostgreSQL",
        "unsupported database {backend!r}: use a SQLite file or PostgreSQL",
    ),
    "db_no_folder": (
        "không tạo được {path}: thư mục {folder} không tồn tại",
        "cannot create {path}: folder {folder} does not exist",
    ),
    "db_is_folder": (
        "{path} là thư mục, không phải tệp cơ sở dữ liệu",
        "{path} is a folder, not a database file",
    ),
    "db_not_regular": (
        "{path} không phải là tệp thường (có thể là ống dẫn hoặc thiết bị), không thể là cơ sở "
        "dữ liệu",
        "{path} is not a regular file (a pipe or a device?), so not a database",
    ),
    "db_cannot_create": ("không tạo được {path}: {reason}", "cannot create {path}: {reason}"),
    "db_unreadable": ("không đọc được {path}: {reason}", "cannot read {path}: {reason}"),
    "not_sqlite": (
        "{path} không phải là cơ sở dữ liệu dirtrack (không phải tệp SQLite)",
        "{path} is not a dirtrack database (not a SQLite file)",
    ),
    "needs_psycopg": (
        "cần trình điều khiển psycopg để dùng PostgreSQL: pip install 'dirtrack[postgres]'",
        "PostgreSQL needs the psycopg driver: pip install 'dirtrack[postgres]'",
    ),
    "not_dirtrack_db": (
        "{db} không phải là cơ sở dữ liệu dirtrack",
        "{db} is not a dirtrack database",
    ),
    "disk_full_at": (
        "không mở được {db}: đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại",
        "cannot open {db}: the disk is full; free some space and run it again",
    ),
    "db_read_only_at": (
        "không mở được {db}: tệp, thư mục chứa nó hoặc ổ đĩa chỉ cho đọc (dirtrack cần ghi tệp "
        "nhật ký bên cạnh)",
        "cannot open {db}: the file, its folder or the file system is read-only (dirtrack "
        "writes its journal files beside it)",
    ),
    "cannot_open_db": ("không mở được {db}: {reason}", "cannot open {db}: {reason}"),
    "newer_schema": (
        "{db} do phiên bản dirtrack mới hơn ghi (lược đồ {revision}); hãy nâng cấp dirtrack",
        "{db} was written by a newer dirtrack (schema {revision}); upgrade dirtrack",
    ),
    # the configuration file
    "cfg_is_folder": (
        "tệp cấu hình {path} là thư mục, không phải tệp",
        "configuration {path} is a folder, not a file",
    ),
    "cfg_unreadable": (
        "không đọc được tệp cấu hình {path}: {reason}",
        "cannot read configuration {path}: {reason}",
    ),
    "cfg_not_toml": (
        "tệp cấu hình {path} không đúng cú pháp TOML: {detail}",
        "configuration {path} is not valid TOML: {detail}",
    ),
    "cfg_not_utf8": (
        "tệp cấu hình {path} không phải văn bản UTF-8",
        "configuration {path} is not UTF-8 text",
    ),
    "cfg_list": (
        "{where}: cần một giá trị, không phải danh sách",
        "{where}: one value expected, not a list",
    ),
    "cfg_bad_value": ("{where}: {detail}", "{where}: {detail}"),
    "cfg_invalid_value": ("giá trị không hợp lệ", "invalid value"),
    "cfg_no_command": (
        "{where}: không có lệnh nào tên là {key!r}",
        "{where}: no command is called {key!r}",
    ),
    "cfg_no_global": (
        "{where}: không có thiết lập chung này (các thiết lập có: {known})",
        "{where}: no such global setting (known: {known})",
    ),
    "cfg_no_setting": (
        "{where}: lệnh này không có thiết lập này (các thiết lập có: {known})",
        "{where}: no such setting of this command (known: {known})",
    ),
    "empty_value": (
        "giá trị để trống; muốn dùng giá trị mặc định thì bỏ hẳn tùy chọn này",
        "an empty value; to use the default, leave the option out",
    ),
    "cfg_command_line_only": (
        "{where}: {option} chỉ được đưa ra trên dòng lệnh, không đặt trong tệp cấu hình",
        "{where}: {option} can only be given on the command line, not in the configuration file",
    ),
    "cfg_table": (
        "{where}: cần một giá trị, không phải một bảng",
        "{where}: a value expected, not a table",
    ),
    # units
    "unit_empty_ref": (
        "tên hoặc mã đơn vị không được để trống",
        "a unit reference cannot be empty",
    ),
    "unit_ambiguous": (
        "{ref!r} ứng với nhiều đơn vị: {units}",
        "unit {ref!r} is ambiguous: {units}",
    ),
    "unit_unknown": (
        "đơn vị {ref!r} chưa được đăng ký; gần giống nhất: {near}",
        "unknown unit {ref!r}; closest: {near}",
    ),
    "unit_unknown_none": (
        "đơn vị {ref!r} chưa được đăng ký; hiện chưa đăng ký đơn vị nào",
        "unknown unit {ref!r}; no units are registered yet",
    ),
    "unit_bad_code": (
        "mã đơn vị {code!r} chỉ được gồm chữ cái, chữ số, '-', '_', '.' hoặc '/'",
        "unit code {code!r} must be letters, digits, '-', '_', '.' or '/'",
    ),
    "unit_no_name": ("đơn vị phải có tên", "a unit needs a name"),
    "unit_taken": (
        "{what} {value!r} đã được dùng cho đơn vị {unit}",
        "{what} {value!r} already refers to unit {unit}",
    ),
    "alias_empty": ("tên khác không được để trống", "an alias cannot be empty"),
    "no_unit": ("không có đơn vị số {id}", "no unit with id {id}"),
    # meetings, directives, limitations
    "meeting_no_title": ("cuộc họp phải có tiêu đề", "a meeting needs a title"),
    "no_meeting": ("không có cuộc họp số {id}", "no meeting with id {id}"),
    "directive_no_text": ("nhiệm vụ phải có nội dung", "a directive needs a text"),
    "no_directive": ("không có nhiệm vụ số {id}", "no directive with id {id}"),
    "due_before_meeting": (
        "thời hạn {due} trước ngày họp ({held})",
        "deadline {due} is before the meeting ({held})",
    ),
    "day_before_meeting": (
        "{what} {day} trước ngày cuộc họp giao nhiệm vụ {id} ({held})",
        "{what} {day} is before the meeting that gave directive {id} ({held})",
    ),
    "directive_cancelled": (
        "không thể {action} nhiệm vụ {id}: nhiệm vụ đã dừng thực hiện từ ngày {date}",
        "cannot {action} directive {id}: it was cancelled on {date}",
    ),
    "directive_completed": (
        "không thể {action} nhiệm vụ {id}: nhiệm vụ đã hoàn thành ngày {date}",
        "cannot {action} directive {id}: it was completed on {date}",
    ),
    "bad_percent": (
        "tiến độ phải từ 0 đến 100 (%), không phải {percent}",
        "percent must be between 0 and 100, not {percent}",
    ),
    "progress_nothing": ("cần --percent, --note hoặc cả hai", "give --percent, --note or both"),
    "limitation_no_text": ("hạn chế phải có nội dung", "a limitation needs a text"),
    "no_limitation": ("không có hạn chế số {id}", "no limitation with id {id}"),
    "already_resolved": (
        "hạn chế {id} đã được khắc phục ngày {date}",
        "limitation {id} was already resolved on {date}",
    ),
    "resolved_before_meeting": (
        "ngày khắc phục {day} trước ngày cuộc họp nêu hạn chế ({held})",
        "resolution date {day} is before the meeting that raised it ({held})",
    ),
    "unknown_category": (
        "không có nhóm {value!r}; dùng một trong: {choices}",
        "unknown category {value!r}; use one of {choices}",
    ),
    # extract: reading documents and meeting drafts
    "text_empty": ("văn bản trống", "the text is empty"),
    "no_meeting_found": (
        "không tìm thấy cuộc họp trong văn bản: không có ngày họp, cũng không có người chủ trì",
        "no meeting found in the text: neither its date nor its chair",
    ),
    "not_utf16": ("{name}: không phải văn bản UTF-16 hợp lệ", "{name}: not valid UTF-16 text"),
    "binary_file": (
        "{name} là tệp nhị phân, không phải văn bản",
        "{name} is a binary file, not text",
    ),
    "not_utf8_file": (
        "{name} không phải văn bản UTF-8 (tệp nhị phân, hoặc bảng mã cũ)",
        "{name} is not UTF-8 text (binary, or a legacy encoding)",
    ),
    "binary_input": (
        "{name} là dữ liệu nhị phân, không phải văn bản",
        "{name} is binary, not text",
    ),
    "not_docx": ("{name} không phải là tài liệu .docx", "{name} is not a .docx document"),
    "needs_python_docx": (
        "cần python-docx để đọc tệp .docx (pip install python-docx)",
        "reading .docx files needs python-docx (pip install python-docx)",
    ),
    "unreadable_docx": (
        "{name} là tài liệu .docx không đọc được ({detail})",
        "{name} is not a readable .docx document ({detail})",
    ),
    "no_such_file": ("{name}: không có tệp này", "{name}: no such file"),
    "file_unreadable": ("{name}: không đọc được ({reason})", "{name}: cannot be read ({reason})"),
    "file_empty": ("{name} trống", "{name} is empty"),
    "draft_not_utf8": ("{name}: không phải văn bản UTF-8", "{name}: not UTF-8 text"),
    "draft_unreadable": ("không đọc được {path}: {reason}", "cannot read {path}: {reason}"),
    "draft_bad_json": (
        "dòng {line}: không đúng cú pháp JSON ({detail})",
        "line {line}: not valid JSON ({detail})",
    ),
    "draft_not_object": (
        "bản nháp phải là một đối tượng JSON",
        "a draft must be a JSON object",
    ),
    "draft_in_file": ("{file}: {error}", "{file}: {error}"),
    "draft_at_line": ("{file}: dòng {line}, {error}", "{file}: line {line}, {error}"),
    "draft_not_toml": (
        "bản nháp không đúng cú pháp TOML: {detail}",
        "the draft is not valid TOML: {detail}",
    ),
    "draft_where": ("{where}: {problem}", "{where}: {problem}"),
    "draft_required": ("thiếu {key!r}", "{key!r} is required"),
    "draft_not_text": ("{key!r} phải là văn bản", "{key!r} must be text"),
    "draft_empty": ("{key!r} đang để trống", "{key!r} is empty"),
    "draft_unknown_key": (
        "khóa {key!r} không hợp lệ (chỉ dùng: {allowed})",
        "unknown key {key!r} (expected one of {allowed})",
    ),
    "draft_field": ("{key}: {error}", "{key}: {error}"),
    "draft_not_date": ("{key!r} phải là ngày", "{key!r} must be a date"),
    "draft_bad_due": (
        "'due' phải là ngày hoặc cụm từ chỉ thời hạn",
        "'due' must be a date or a deadline phrase",
    ),
    "draft_not_table": ("phải là một bảng khóa = giá trị", "must be a table of keys and values"),
    "draft_not_list": ("{key!r} phải là danh sách", "{key!r} must be a list"),
    "draft_bad_kind": ("loại {kind!r} không thuộc: {kinds}", "kind {kind!r} is not one of {kinds}"),
    "draft_bad_known": ("'known' phải là true hoặc false", "'known' must be true or false"),
    "draft_bad_category": (
        "nhóm {category!r} không thuộc: {categories}",
        "category {category!r} is not one of {categories}",
    ),
    "draft_bad_with": (
        "'with' phải là danh sách tên hoặc mã đơn vị",
        "'with' must be a list of unit names or codes",
    ),
    "draft_options": (
        "{options} không dùng được với bản nháp cuộc họp",
        "{options} do not apply to a meeting draft",
    ),
    # the JSON export and its import (dirtrack/transfer/json_format.py)
    "json_unreadable": ("không đọc được {path}: {reason}", "cannot read {path}: {reason}"),
    "json_version": (
        "{name} là bản xuất dirtrack định dạng phiên bản {version}; dirtrack này đọc phiên bản "
        "{expected}",
        "{name} is a dirtrack export of format version {version}; this dirtrack reads version "
        "{expected}",
    ),
    "json_bad_version": (
        "{name}: dirtrack này đọc định dạng xuất phiên bản {expected}",
        "{name}: this dirtrack reads export format version {expected}",
    ),
    "json_invalid": (
        "{name} không đúng cú pháp JSON ({detail})",
        "{name} is not valid JSON ({detail})",
    ),
    "json_record": ("{name}: {where}: {detail}{more}", "{name}: {where}: {detail}{more}"),
    "json_more": (" (và {n} lỗi khác)", " (and {n} more)"),
    "json_twice": (
        "{name}: {where}: mục này xuất hiện hai lần",
        "{name}: {where}: given twice",
    ),
    "json_order": (
        "{name}: {where} phải đứng sau {after} (theo thứ tự format, version, units, meetings, "
        "directives, limitations mà dirtrack export ghi)",
        "{name}: {where} must come after {after} (in the order format, version, units, "
        "meetings, directives, limitations that dirtrack export writes)",
    ),
    "json_sheet_options": (
        "{options} chỉ dùng cho bảng tính; {name} là bản xuất dirtrack, được nhập toàn bộ",
        "{options} {verb} for spreadsheets; {name} is a dirtrack export, imported whole",
    ),
    "json_not_empty": (
        "cơ sở dữ liệu đã có dữ liệu ({shown}); bản xuất dirtrack chỉ được nhập vào cơ sở dữ "
        "liệu trống (dùng --db với một tệp mới)",
        "the database already holds records ({shown}); a dirtrack export is imported into "
        "an empty database only (use --db with a new file)",
    ),
    "json_name_taken": (
        "{where}: {value!r} cũng là tên của đơn vị {unit!r}",
        "{where}: {value!r} also names unit {unit!r}",
    ),
    "json_same_code": ("units: hai đơn vị cùng mã", "units: two units have the same code"),
    "json_no_unit": ("{where}: không có đơn vị {code!r}", "{where}: no unit {code!r}"),
    "json_no_meeting": ("{where}: không có cuộc họp {id}", "{where}: no meeting {id}"),
    "json_no_limitation": ("{where}: không có hạn chế {id}", "{where}: no limitation {id}"),
    "json_same_id": (
        "{what}: hai bản ghi cùng số {id}",
        "{what}: two records have the same id",
    ),
    "json_same_meeting_key": (
        "meetings: hai cuộc họp cùng khóa {key!r}",
        "meetings: two meetings have the same key",
    ),
    "json_same_directive_key": (
        "directives: hai nhiệm vụ của một đơn vị cùng khóa {key!r}",
        "directives: two directives of one unit have the same key",
    ),
    "json_own_link": (
        "{where}: đơn vị {code!r} không thể là {link} của chính nó",
        "{where}: unit {code!r} cannot be its own {link}",
    ),
    "json_link_cycle": (
        "{where}: các đơn vị tạo thành vòng {link}: {chain}",
        "{where}: units form a cycle of {link} links: {chain}",
    ),
    "w_parent": ("đơn vị cấp trên", "parent"),
    "w_successor": ("đơn vị kế thừa", "successor"),
    "json_repeat_self": (
        "{where}: hạn chế {id} không thể là lần lặp lại của chính nó",
        "{where}: limitation {id} cannot repeat itself",
    ),
    "json_repeat_cycle": (
        "{where}: các hạn chế lặp lại nhau thành vòng: {chain}",
        "{where}: limitations repeat each other in a cycle: {chain}",
    ),
    "json_before_meeting": (
        "{where}: {what} {day} trước ngày cuộc họp {meeting} ({held})",
        "{where}: {what} {day} is before meeting {meeting} ({held})",
    ),
    "day_deadline": ("thời hạn", "deadline"),
    "day_resolution": ("ngày khắc phục", "resolution date"),
    "json_year": (
        "{where}: năm {year} nằm ngoài khoảng {first}–{last}",
        "{where}: year {year} is outside {first}–{last}",
    ),
    "json_blank": (
        "{where}: văn bản trống (chỉ có khoảng trắng hoặc ký tự không hiển thị)",
        "{where}: blank text (only spaces or invisible characters)",
    ),
    "json_control": (
        "{where}: văn bản chứa ký tự điều khiển {char}",
        "{where}: the text holds the control character {char}",
    ),
}


class Phrase:
    """A part of an error message that is itself in :data:`ERRORS`, said in the same language."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        return error_text(self.key, lang, self.params)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Phrase({self.key!r})"


def _error_value(value: object, lang: str) -> object:
    render = getattr(value, "render", None)
    if callable(render):  # a Phrase, or a DirtrackError given as the reason of another
        return render(lang)
    if type(value) is date:
        return day(value.isoformat(), lang)
    return value


def error_text(key: str, lang: str, params: Mapping[str, object]) -> str:
    """The error message ``key`` in ``lang``, its placeholders filled from ``params``."""
    vi, en = ERRORS[key]
    values = {name: _error_value(value, lang) for name, value in params.items()}
    return (vi if lang == "vi" else en).format(**values)
