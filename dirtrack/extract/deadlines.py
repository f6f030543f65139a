"""Deadline phrases inside a directive, resolved against the meeting's date.

Finding is done here; resolving goes through :func:`dirtrack.periods.read_when`, the reader an
imported sheet's deadline cells go through too: :func:`dirtrack.periods.parse_when` (the parser
of ``assign --due``) and the phrases conclusions add to it (``những tháng cuối năm``, ``giữa
tháng 6``, ``đến Tết``, stacked prepositions such as ``đến hết tháng 9``, ``quý I năm sau``).
Found here: two periods joined by ``đến`` (``trong tháng 7 đến giữa tháng 8``) → the later end.

A phrase whose day falls before the meeting is a reference to the past ("kết quả 6 tháng đầu
năm"), not a deadline, and is dropped; so is when work starts (``bắt đầu từ tháng 6``, ``kể
từ quý III``) and the year a figure is for (``tăng trưởng 8% năm 2025``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dirtrack.errors import InvalidInput
from dirtrack.extract.folding import Folded
from dirtrack.extract.lexicon import CITATION_BEFORE
from dirtrack.periods import DEADLINE_HOUR, NAMES_NO_DAY, NOT_A_DEADLINE, read_when

_PREP = (
    r"(?:(?:hoan thanh|xong|ket thuc|thuc hien xong)\s+)?"
    r"(?:truoc|cham nhat(?:\s+la)?|khong qua|han chot|den het|den|het|trong|vao|ngay trong|"
    r"trong vong|tu nay den)(?:\s+(?:trong|ngay trong|het|truoc|vao))?"
)
#: The word a document writes before a task's deadline: "thời hạn", "thời hạn hoàn thành".
_TERM = r"thoi han(?:\s+(?:hoan thanh|thuc hien|giai quyet))?"
_YEAR_TAIL = r"(?:\s*(?:/|-)\s*\d{4}|\s+nam\s+\d{4}|\s+nam\s+(?:sau|toi)\b)?"
_HOUR = DEADLINE_HOUR
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # (từ nay) đến Tết Nguyên đán năm 2019, trước Tết: before "năm 2019" alone is found
    re.compile(
        r"\b(?:(?:tu nay\s+)?den|(?:hoan thanh\s+)?truoc)\s+tet(?:\s+nguyen dan)?"
        r"(?:\s+(?:nam\s+)?\d{4})?\b"
    ),
    # trước ngày 30/6[/2022], chậm nhất ngày 15-7
    re.compile(
        rf"\b{_PREP}(?:\s+{_HOUR},?)?(?:\s+ngay)?\s+\d{{1,2}}\s*[/.-]\s*\d{{1,2}}"
        rf"(?:\s*[/.-]\s*\d{{4}})?(?![\d/])"
    ),
    # a document's "thời hạn: 31/12/2022", "Thời hạn hoàn thành: ngày 15/6", "(thời hạn trước
    # 30/9)": the day after the word for a deadline
    re.compile(
        rf"\b{_TERM}\s*:?\s*(?:la\s+)?(?:truoc\s+)?(?:ngay\s+)?\d{{1,2}}(?:\s*[/.-]\s*\d{{1,2}}"
        rf"(?:\s*[/.-]\s*\d{{4}})?(?![\d/])|\s+thang\s+\d{{1,2}}(?:\s*,?\s*nam\s+\d{{4}})?)"
    ),
    # trước ngày 30 tháng 6 [năm 2022]
    re.compile(rf"\b{_PREP}\s+ngay\s+\d{{1,2}}\s+thang\s+\d{{1,2}}(?:\s*,?\s*nam\s+\d{{4}})?"),
    # 3 tháng cuối năm [2022], 6 tháng đầu năm
    re.compile(r"\b(?:trong\s+)?\d{1,2}\s+thang\s+(?:dau|cuoi)\s+nam(?:\s+\d{4}|\s+nay)?"),
    # trong hai tháng còn lại [của năm 2023]
    re.compile(
        r"\b(?:trong\s+)?(?:\d{1,2}|hai|ba|bon|nam|sau|nhung|cac|may)\s+thang\s+con\s+lai"
        r"(?:\s+cua\s+nam(?:\s+\d{4})?)?"
    ),
    # những tháng cuối năm
    re.compile(r"\b(?:trong\s+)?(?:nhung|cac|may)\s+thang\s+cuoi\s+nam(?:\s+\d{4}|\s+nay)?"),
    # trong tháng 9, tháng 9/2022, cuối tháng 9, giữa tháng 9, đầu tháng 9 (the 10th)
    re.compile(
        rf"\b(?:{_PREP}\s+)?(?:cuoi\s+|giua\s+|dau\s+)?thang\s+\d{{1,2}}{_YEAR_TAIL}"
        r"(?!\s*(?:nam|/|-)?\s*\d)"
    ),
    # quý III, trong quý 3/2022; and quý V, quý 5 (no such quarter: found, to be refused), but
    # not "quý vị" (ladies and gentlemen)
    re.compile(rf"\b(?:{_PREP}\s+)?(?:cuoi\s+)?quy\s+(?:iv|iii|ii|i|v|\d{{1,2}})\b{_YEAR_TAIL}"),
    # cuối năm [2022], đến hết năm
    re.compile(
        r"\b(?:(?:trong|truoc|den|den het|vao)\s+)?(?:cuoi|het)\s+nam(?:\s+\d{4}|\s+nay|\s+sau)?"
    ),
    # trong năm 2022 / trong năm nay
    re.compile(r"\b(?:trong|truoc|den het|ngay trong)\s+nam\s+(?:\d{4}|nay)\b(?!\s*-\s*\d)"),
    # hoàn thành trong năm: within the meeting's year
    re.compile(
        r"\b(?:hoan thanh|xong|ket thuc|thuc hien xong)\s+(?:ngay\s+)?trong\s+nam\b"
        r"(?!\s*(?:\d|nay|qua|hoc|toi|sau|truoc|ke|tai chinh|nam|du lich))"
    ),
    # năm 2018 (a year named in the task: the tasks of that year)
    re.compile(r"\bnam\s+\d{4}\b(?!\s*-\s*\d)"),
    # trong 02 tuần tới, trong vòng 10 ngày
    re.compile(
        r"\b(?:trong(?:\s+vong)?|sau)\s+\d{1,3}\s+(?:ngay(?:\s+lam\s+viec)?|tuan|thang)"
        r"(?:\s+(?:toi|tiep theo|nua|ke tu ngay hop))?"
    ),
)
_EXPLICIT = re.compile(rf"^(?:{_PREP}|{_TERM})\b")
#: A deadline written as a full date after "trước", "chậm nhất", "hạn chót", "không quá".
_DATED = re.compile(
    r"^(?:truoc|cham nhat(?: la)?(?: vao)?|han chot|khong qua)(?: ngay)?\s+"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
)
#: "từ nay đến cuối năm 2017": counted from the meeting, a deadline however late.
_FROM_NOW = re.compile(r"\btu nay\s+$")
#: An event named just before a bare year ("kỳ họp HĐND ... cuối năm 2018", "Kỳ thi ... năm
#: 2018", "lễ tổng kết năm 2023", "tổ chức ra quân huấn luyện năm 2023", "trước, trong và sau
#: Tết Nguyên đán năm 2021"), matched with its tones ("lễ", not "lệ" or the name "Lê").
_EVENT_BEFORE = re.compile(
    r"\b(?:kỳ thi|kỳ họp|lễ|hội nghị|đại hội|hội thi|hội diễn|ra quân|tết)\b[^.;:]*$"
)
#: A plan or a theme named with its year ("triển khai Kế hoạch kiểm điểm ... năm 2021", "kế
#: hoạch triển khai du lịch năm 2021", "Chỉ thị 05 theo chuyên đề năm 2018"), a budget's estimate
#: ("hoàn thiện dự toán thu, chi ngân sách nhà nước năm 2025") and a movement ("khen thưởng phong
#: trào đời sống văn hóa … năm 2020"): its name, not when the task is due.
_PLAN_BEFORE = re.compile(r"\b(?:kế hoạch|đề án|chuyên đề|dự toán|phong trào)\b[^.;:]*$")
#: "bảo đảm hoàn thành kế hoạch năm 2020", "hoàn thành thắng lợi các chỉ tiêu kế hoạch năm
#: 2020": the year's plan done, by the year's end (not a plan named by its year).
_COMPLETES_PLAN = re.compile(
    r"\bhoàn thành(?: thắng lợi| toàn diện| vượt mức| vượt)?"
    r"(?: (?:các|những|toàn bộ))?(?: (?:chỉ tiêu|mục tiêu|nhiệm vụ))?(?: và)? (?:kế hoạch|dự toán)"
    r"(?: thu(?:,| và)? chi| thu| chi)?(?: ngân sách(?: nhà nước)?| nsnn)?\s*$"
)
#: "Nghị quyết số 05-NQ/TU ... về xây dựng thị xã Long Mỹ đến năm 2020": the horizon in the
#: subject of a cited document is its name, no deadline of the task.
_DOCUMENT_ABOUT = re.compile(
    r"\b(?:nghị quyết|chương trình|kế hoạch|đề án|quyết định|chỉ thị|kết luận|chiến lược)"
    r"\b[^.;:]*?\bvề\b[^.;:,]*$"
)
#: "(kỳ họp ...) dự kiến diễn ra giữa tháng 10/2019", "dự kiến tổ chức vào ngày 26/12/2018": when
#: an event takes place, no deadline (also after "vào"; "trước" still is one).
_EVENT_TIMING = re.compile(
    r"\b(?:dự kiến|diễn ra|khai mạc|được tổ chức)\b(?: tổ chức)?[^.;:,]{0,12}$"
)
#: "(kỳ họp ...) diễn ra trong 2 ngày 13-14/7": how long an event lasts, or the period it is held
#: in, right after the verb that holds it, no deadline of the task that prepares it.
_HELD_DURING = re.compile(r"\b(?:diễn ra|được tổ chức)\s*$")
#: "Về nhiệm vụ trọng tâm tháng 6, ...": the month whose tasks a topic names, without "trong",
#: is what they are about, no deadline; the month's tasks stated as such ("Nhiệm vụ tháng 11 tập
#: trung ...", "đề ra nhiệm vụ trọng tâm tháng 10/2016 như sau: ...") are due in it, and so are
#: "nhiệm vụ những tháng cuối năm".
_TASKS_OF = re.compile(r"\bvề (?:các |những )?nhiệm vụ(?: trọng tâm| chủ yếu)?\s+$")
#: "sản xuất vụ xuân năm 2021", "vụ Đông Xuân 2023-2024", "phòng cháy chữa cháy rừng mùa khô năm
#: 2018": a season named with its year, no deadline.
_SEASON_BEFORE = re.compile(
    r"\b(?:vụ\s+(?:đông xuân|hè thu|xuân hè|thu đông|chiêm xuân|xuân|mùa|hè|thu|đông|chiêm)"
    r"|mùa\s+(?:hanh khô|khô|mưa bão|mưa lũ|mưa|lũ|bão|nắng nóng))"
    r"(?:\s*-\s*\w+)?\s*$"
)
#: "bắt đầu từ tháng 6 năm 2020", "kể từ quý III": when the work starts, not when it is due
#: ("từ nay đến ..." is a phrase of its own, a deadline).
#: Matched with its tone: "từ" (from), not "tư" ("đầu tư", invest).
_STARTS_FROM = re.compile(r"(?<!\w)từ\s*$")
#: "tăng trưởng trên 8% năm 2025", "thu ngân sách 120 tỷ đồng năm 2024": the year a figure is
#: for, no deadline of the task.
_FIGURE_BEFORE = re.compile(r"\d\s*(?:%|phần trăm|tỷ đồng|triệu đồng|tỷ|triệu|ha|km)\s*$")
#: "... cho năm 2023": the year something is for, no deadline.
_FOR_THE_YEAR = re.compile(r"\bcho\s*$")
#: "… năm 2019 và những năm tới", "năm 2017 và những năm tiếp theo": a span with no end, no
#: deadline.
_OPEN_ENDED_AFTER = re.compile(r"^\s*(?:,|và)\s*(?:những|các)\s+năm\s+(?:tới|tiếp theo|sau)\b")
#: "nhất là báo cáo kinh tế - xã hội, quốc phòng an ninh 6 tháng đầu năm 2018": the period a
#: report or a result covers, named without "trong"/"trước", is what the task is about; so is
#: the year of a submission or a settled account ("Tờ trình về phê duyệt quyết toán thu - chi
#: ngân sách năm 2019").
_COVERED_BY = re.compile(
    r"\b(?:báo cáo|kết quả|tình hình|sơ kết|tổng kết|tờ trình|dự thảo|quyết toán)\b[^.;:]*$"
)
#: "giữ vững những kết quả (đã) đạt được trong 6 tháng đầu năm": the period in which results
#: were achieved, with "trong" or without, is past work, no deadline.
_ACHIEVED_IN = re.compile(r"\bđạt được\s*$")
#: "phấn đấu hoàn thành nhiệm vụ 6 tháng cuối năm 2020": the tasks of a period to be done are
#: due at its end, though a result or a report is named before them in the sentence.
_COMPLETES_TASKS = re.compile(
    r"\bhoàn thành(?: thắng lợi| tốt| xuất sắc| toàn diện)?(?: (?:các|những))? nhiệm vụ"
    r"(?: trọng tâm| chủ yếu| được giao)?\s*$"
)
#: "trong tháng 7 và những tháng cuối năm 2022", "trong tháng 6 cũng như các tháng cuối năm": one
#: task over both periods, due at the later.
_JOINED = re.compile(r"^\s*(?:,|và|đến|-|–|cũng như)\s*$")
#: "vào ngày 28/9/2019-29/9/2019", "ngày 28 - 29/9": days given as a range end on the last.
_RANGE_END = re.compile(
    r"\s*(?:-|–|den)\s*(?:ngay\s+)?(\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{4})?)(?![\d/])"
)
#: A deadline proper ("trước", "chậm nhất", "hạn chót", "không quá"), before the day a task
#: is done on ("vào ngày ...") or a period ("trong tháng 9").
_BY_DAY = re.compile(r"(?:hoàn thành\s+)?(?:trước|chậm nhất|hạn chót|không quá)\b")


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase as written, where it is in its text, and the day it means."""

    phrase: str
    start: int
    end: int
    due: date | None
    explicit: bool  # introduced by "trước", "chậm nhất", "trong", "đến"...


def resolve(phrase: str, ref: date | None) -> date | None:
    """The day a deadline phrase means, relative to ``ref`` (the meeting's date), read by
    :func:`dirtrack.periods.read_when` (as an imported sheet's deadline cells are).

    Returns None for a phrase that is not a deadline.

    Raises:
        InvalidInput: a deadline that names no real day ("trước ngày 31/2/2022", "quý V").
    """
    try:
        return read_when(phrase, ref)
    except InvalidInput as exc:
        if exc.key in NOT_A_DEADLINE or exc.key in NAMES_NO_DAY:
            return None
        raise


def deadline_problem(phrase: str, ref: date | None) -> InvalidInput | None:
    """Why the deadline ``phrase`` names no real day, or None (see :func:`resolve`)."""
    try:
        resolve(phrase, ref)
    except InvalidInput as exc:
        return exc
    return None


def find_deadlines(text: str, ref: date | None) -> list[Deadline]:
    """Deadline phrases in ``text``, in order; past periods and cited documents are skipped."""
    folded = Folded.of(text)
    spans: list[tuple[int, int]] = []
    cited: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in folded.finditer(pattern):
            start, end = m.start(), m.end()
            while start < end and folded.key[start] == " ":
                start += 1
            if any(s < end and start < e for s, e in (*spans, *cited)):
                continue
            explicit = _EXPLICIT.match(folded.key[start:end]) and not folded.key[start:].startswith(
                "ngay"
            )
            before = text[max(0, start - 50) : start].lower()
            wider = text[max(0, start - 150) : start].lower()
            held_on = (folded.key[start:].startswith("vao ") and _EVENT_TIMING.search(before)) or (
                folded.key[start:].startswith("trong ") and _HELD_DURING.search(before)
            )
            named = (
                not explicit or folded.key[start:].startswith("den ")
            ) and _DOCUMENT_ABOUT.search(text[max(0, start - 150) : start].lower())
            if (
                held_on
                or named
                or _ACHIEVED_IN.search(before)
                or (
                    not explicit
                    and (
                        _EVENT_BEFORE.search(before)
                        or _EVENT_TIMING.search(before)
                        or _SEASON_BEFORE.search(before)
                        or (
                            re.match(r"thang \d", folded.key[start:end])
                            and _TASKS_OF.search(before)
                        )
                        or (
                            _PLAN_BEFORE.search(text[max(0, start - 150) : start].lower())
                            and not _COMPLETES_PLAN.search(before)
                        )
                        or (_COVERED_BY.search(wider) and not _COMPLETES_TASKS.search(before))
                        or _STARTS_FROM.search(before)
                        or (folded.key.startswith("nam ", start) and _FIGURE_BEFORE.search(before))
                        # "tạo tiền đề vững chắc cho năm 2023": the year a task prepares for
                        or (folded.key.startswith("nam ", start) and _FOR_THE_YEAR.search(before))
                        or (
                            folded.key.startswith("nam ", start)
                            and _OPEN_ENDED_AFTER.match(text[end : end + 40].lower())
                        )
                    )
                )
            ):
                # "dự kỳ họp ... cuối năm 2018", "Kỳ thi THPT quốc gia năm 2018": the year of an
                # event the task is about, not its deadline
                cited.append((start, end))
                continue
            if (
                not explicit
                and CITATION_BEFORE.search(folded.key[max(0, start - 40) : start])
                and not _COMPLETES_PLAN.search(before)
            ):
                # the date of a cited document or event: no deadline, nor any part of it
                # ("kỳ họp ... tháng 01 năm 2019": not "năm 2019" either)
                cited.append((start, end))
                continue
            spans.append((start, end))
    found: list[Deadline] = []
    for start, end in sorted(spans):
        phrase = text[start:end].strip()
        try:
            due = resolve(phrase, ref)
        except InvalidInput:  # kept without a day: recording it is refused (extract.record)
            due = None
        tail = _RANGE_END.match(folded.key, end)
        if due is not None and tail is not None:
            closing = _range_end(due, tail[1])
            if closing is not None:
                end = tail.end()
                phrase = text[start:end].strip()
                due = closing
        if (
            due is not None
            and ref is not None
            and due < ref
            and not _DATED.match(folded.key[start:end])
            and not _FROM_NOW.search(folded.key[max(0, start - 8) : start])
        ):
            continue  # a past period; not "trước ngày 20/7/2020", a deadline however late
        explicit = bool(_EXPLICIT.match(folded.key[start:end]))
        last = found[-1] if found else None
        if (
            last is not None
            and last.due is not None
            and due is not None
            and (
                _JOINED.match(text[last.end : start].lower())
                # "trong tháng 7/2018 đến giữa tháng 8/2018": a range, due at its end
                or (not text[last.end : start].strip() and folded.key.startswith("den ", start))
            )
        ):
            found[-1] = Deadline(
                text[last.start : end].strip(),
                last.start,
                end,
                max(last.due, due),
                last.explicit or explicit,
            )
            continue
        found.append(Deadline(phrase, start, end, due, explicit))
    return found


def _range_end(first: date, written: str) -> date | None:
    """The last day of a range that opens on ``first`` ("29/9/2019", "29/9"); None when it is
    no later day within a year."""
    parts = [int(p) for p in re.split(r"\s*[/.]\s*", written.strip())]
    try:
        last = date(parts[2] if len(parts) == 3 else first.year, parts[1], parts[0])
    except ValueError:
        return None
    return last if first < last <= first + timedelta(days=366) else None


def _shape(phrase: str) -> str:
    """A deadline phrase without its numbers: "hết tháng 6" and "đến hết tháng 7" are alike."""
    key = re.sub(r"\b(?:\d+|iv|iii|ii|i)\b", " ", Folded.of(phrase).key)
    return " ".join(key.split()).removeprefix("den ")


def best_deadline(found: list[Deadline]) -> Deadline | None:
    """The phrase to record: an explicit one ("trước ngày 30/6") before a bare period."""
    if not found:
        return None
    # "vào ngày 28/9 ...; báo cáo ... trước ngày 03/10": the day it must be done by
    chosen = sorted(
        found,
        key=lambda d: (not d.explicit, not _BY_DAY.match(d.phrase.lower()), d.due is None, d.start),
    )[0]
    # "hết tháng 6 là 75% và hết tháng 7 phải trên 96%": stages of one task, written alike and
    # each later than the one before, due at the last
    stages = [d for d in found if d.explicit and d.due is not None and d.start >= chosen.start]
    if (
        chosen.due is not None
        and len(stages) > 1
        and len({_shape(d.phrase) for d in stages}) == 1
        and not any(_BY_DAY.match(d.phrase.lower()) for d in stages)
        and all(a.due < b.due for a, b in zip(stages, stages[1:], strict=False) if a.due and b.due)
    ):
        return stages[-1]
    return chosen
