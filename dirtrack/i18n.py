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
