"""Limitations and directives, read from the markers of the language.

**Limitations.** A sentence announces a list of limitations when the clause before its ``:``
names them ("còn một số hạn chế, khó khăn ... như:", "tồn tại, hạn chế đó là:") or opens with a
contrast ("Tuy nhiên ...:"). After an enumeration marker ("như:", "đó là:") every ``;``-clause
is one limitation; after other colons ("... cho biết:") only the clauses that evaluate
negatively ("chưa", "còn thiếu", "hạn hẹp", "yếu kém", "chậm"...). A list can also start inside
the first clause ("vẫn còn nhiều hạn chế do X; Y; Z"). The following sentences of the paragraph
that still evaluate negatively continue the list. A contrast sentence with a negative
evaluation ("Tuy nhiên, việc X còn chậm") is one too, and so is a staff shortfall stated with a
number ("chỉ được bố trí 4 biên chế"). A heading about limitations opens a list for the items
under it. The unit of a limitation is the unit named before its negative predicate (its subject);
else none if the subject is collective ("một số tổ chức", "các đơn vị"); else the unit the
announcing clause named ("hạn chế ... của Văn phòng"); else a unit named later in the clause;
else none (the meeting's subject, every unit). The category is that of the earliest cue word in
the clause (see ``lexicon.CATEGORY_CUES``): "thiếu lái xe" is **staffing** (a missing person,
not a missing vehicle), "kinh phí hạn hẹp" budget, "chưa kịp thời"/"tiến độ" timeliness.

**Directives.** Only the chair's (or a leader's) words give directives: a paragraph enters the
"speech zone" at a sentence where a leader ("đồng chí", "Bí thư", "Phó Chủ tịch"...) or a
leading body ("Thường trực HĐND huyện", not as the agent of a passive) speaks ("phát biểu",
"đề nghị", "yêu cầu", "chỉ đạo", "nhấn mạnh", "lưu ý", "kết luận"...), that opens on the future
("Thời gian tới, ..."), or that quotes the directive before its attribution ('"..." - đó là chỉ
đạo của ...'); a heading about tasks ("Nhiệm vụ thời gian tới") opens one for the paragraphs
under it, and a paragraph ending in ``:`` for the list items after it. In the zone each
``;``-clause is a directive when it has a modal ("cần", "phải"), names a unit followed by an
action ("Ban Tổ chức tham mưu ...", "UBND các huyện, thị xã, thành phố phối hợp ..."), is what
the leader asks for ("đề nghị Đảng ủy xã quan tâm ..."), or — once a directive has been given —
starts with an imperative verb ("Nâng cao ...", "Phối hợp ...", "Cũng cố ..."). Praise and
reports of the past are not directives. The text starts after the speech verb ("đề nghị ..."),
after a purpose ("Để ..., ") or a cause ("... nên <task>"), and stops before a quotation's
attribution. Words that differ only by tone are told apart on the accented text ("cần"/"cán",
"giao"/"giáo", "để"/"đề", "nên"/"nền").
The lead unit is the unit named before the modal/verb; a collective subject ("các đơn vị", "các
địa phương") means every unit (None); a clause without a subject continues the previous
directive's unit. Units after "phối hợp với" are the coordinating units.

**The clause model.** Every clause considered above, inside a leader's speech or not, is a
candidate; when the shipped model (:mod:`dirtrack.extract.model`) is present it decides which
candidates are directives, from their words and the rules' context, the rules' own decision
aside. What the language marks as no task ("sẽ", "đã" among the first words, "tiếp tục được",
praise, a need) is never added. The rules' state follows the rules' decisions only.

**Deadlines** come from :mod:`dirtrack.extract.deadlines`. A phrase inside the task ("nghiên cứu
sửa đổi quy chế trong tháng 9") dates that task; a phrase that frames the sentence before the
task ("Nhiệm vụ 3 tháng cuối năm ...; các đoàn cần ...; hướng dẫn ...") dates every task after
it in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from dirtrack.errors import InvalidInput
from dirtrack.extract import model as clause_model
from dirtrack.extract.deadlines import Deadline, best_deadline, find_deadlines, resolve
from dirtrack.extract.draft import DirectiveDraft, LimitationDraft
from dirtrack.extract.folding import fold_aligned, lower_aligned, toneless
from dirtrack.extract.lexicon import (
    ACTION_AFTER_UNIT,
    AT_MANY,
    ATTENDING,
    BECAUSE,
    CATEGORY_CUES,
    COLLECTIVE_SUBJECT,
    CONCESSION_OPEN,
    CONTEXT_FAMILIES,
    CONTRAST_OPEN,
    DUTY_UNDONE,
    ENUM_TAIL,
    ENUMERATION_END,
    FINDING_JUDGEMENTS,
    FUTURE_OPEN,
    FUTURE_PERIOD_OPEN,
    GIAO,
    HEADING_DIRECTIVE,
    HEADING_LIMIT,
    HOWEVER,
    IMPERATIVE,
    LACKING,
    LATE,
    LEADER_BODY_SPEAKS,
    LEADER_REF,
    LEADING_CONNECTIVE,
    LIMIT_INLINE_INTRO,
    LIMIT_INLINE_LIST,
    LIMIT_NOUN,
    LIMIT_NOUN_OVERCOME,
    LIMIT_NOUN_STATED,
    LIMIT_STATED_LIST,
    LIST_MARKER,
    MANY_SUBJECT,
    MERIT,
    MODAL,
    NARRATION_OPEN,
    NEGATIVE,
    NEXT_ASSIGNMENT,
    ONLY_SO_FAR,
    ORDINAL_ENTRY,
    ORDINAL_OPENS,
    PASSIVE_BEFORE,
    PEOPLE_SUBJECT,
    PERIOD_FRAME_OPEN,
    PRAISE,
    PURPOSE,
    QUOTED_FRAME,
    RECIPIENT_BEFORE,
    SHORTCOMING_FAMILIES,
    SHORTFALL,
    SO_FAR_NEGATIVE,
    SPEECH_FRAME,
    SPEECH_VERB,
    SPEECH_VERB_NOUN_AFTER,
    SPEECH_VERB_NOUN_BEFORE,
    SPEECH_VERB_TONED,
    STEERING_BODY_BEFORE,
    SUPERIOR_ORDERS,
    TOPIC_OPEN,
    WITH_CUE,
    WORK_JUDGEMENTS,
    WORK_SUBJECT,
    leader_named,
)
from dirtrack.extract.sentences import Clause, split_clauses, split_sentences, tidy
from dirtrack.extract.units import GAVE_AFTER, Mention, UnitResolver, unit_key

_USABLE = ("unit", "board", "bare-office", "bare-delegation")
#: A contrast inside a sentence that turns to what is wrong ("..., song X vẫn chưa ...").
_TURNS_POSITIVE = re.compile(r",\s*(?:song|nhung)\s+[^;]*\b(?:dat|co nhieu co gang|ket qua)\b")
#: A leader's report of what was done at the meeting ("đã quán triệt, triển khai ...").
_REPORTS_PAST = re.compile(
    r"\b(?:dong chi|d/c|bi thu|chu tich|giam doc)\b[^.;:]{0,80}?\bda\s+(?:quan triet|trien khai|"
    r"danh gia|thong qua|trinh bay|bao cao|thong tin|neu)\b"
)
#: A collective subject reporting what it did ("Chủ tịch UBND các xã, thị trấn đã chỉ đạo"):
#: the speech verb right after it, in the past, gives no task of the meeting.
_REPORTED_BY_MANY = re.compile(
    r"\b(?:cac|nhung|mot so)\s+(?:(?!\b(?:dong chi|d/c|ong|ba|chu tich|bi thu|giam doc)\b)[^.;:])"
    r"{0,60}\b(?:da|vua|da tung)\s*(?:co\s+)?$"
)
#: "mỗi xã", "từng đơn vị", "mọi cán bộ": every unit, not the one named before.
_EVERY = re.compile(
    r"\b(?:moi|tung)\s+(?:xa|phuong|thi tran|huyen|don vi|co quan|dia phuong|nganh|cap|"
    r"can bo|dang vien|nguoi|so|phong|ban)\b"
)
#: A need, not an order: "... gặp nhiều khó khăn cần được hỗ trợ".
_NEEDS = re.compile(r"\s*được\b")
#: The problem a need is of, right before it ("những khó khăn cần được hỗ trợ", "hạn chế cần
#: được khắc phục", "những vấn đề cần được tiếp tục nhìn nhận").
_PROBLEM_BEFORE = re.compile(
    r"\b(?:han che|ton tai|kho khan|vuong mac|bat cap|yeu kem|khuyet diem|thieu sot|van de)\s*$"
)


def _a_need(
    key: str, low: str, start: int, modal: re.Match[str], mentions: Sequence[Mention]
) -> bool:
    """Whether the modal of a clause starting at ``start`` states a need addressed to no one:
    "cần được" / "phải được" right after a problem ("... gặp nhiều khó khăn cần được hỗ trợ"),
    no unit before it. Anything else that "cần được / phải được" done is a task written in the
    passive ("việc đẩy mạnh X cần được tiếp tục triển khai", "Mỗi chi bộ, mỗi đảng viên phải
    được giao nhiệm vụ cụ thể")."""
    return bool(
        _NEEDS.match(low, modal.end())
        and not any(_usable(m) and start <= m.start < modal.start() for m in mentions)
        and _PROBLEM_BEFORE.search(key, start, modal.start())
    )


#: A commitment ("Ban sẽ phối hợp ..."), matched with its tone ("sẽ"), not a task given.
_COMMITS = re.compile(r"\bsẽ\b")
#: "tiếp tục được thực hiện tốt", "tiếp tục đã ...": what was done, not a task.
_REPORTED_AFTER = re.compile(r"\s+(?:duoc|da|dang|bi)\b")
#: A contrast inside a sentence, after a comma or after the ellipsis that closes a list of merits
#: ("… thái độ tiếp xúc công dân hòa nhã, lịch sự… tuy nhiên, vẫn còn …"), or with no comma
#: before "đến nay" ("… đề nghị khởi công 1/3 nhưng đến nay, các đơn vị vẫn chưa có báo cáo").
_CONTRAST_INSIDE = re.compile(
    r"(?:(?:,|…|\.\.\.)\s*(?:song|nhưng|tuy nhiên|tuy vậy)|"
    r"\s(?:song|nhưng)(?=\s+(?:đến|tới) nay\b))(?:\s*,)?\s+"
)
#: A concession that opens a clause, then its contrast without a comma ("Qua giám sát, mặc dù
#: phường đã có những biện pháp xử lý nhưng tình trạng lấn chiếm vỉa hè vẫn còn"): what follows
#: the contrast is the shortcoming, as after ", nhưng" (see :func:`_conceded_then`).
_CONCEDED_THEN = re.compile(r"(?:^|,)\s*(?:mặc dù|dù)\s+([^,;.:]{1,80}?)\s+(?:nhưng|song)\s+")
#: What follows a contrast inside a sentence with no subject of its own, opening on when or how
#: it stands ("mặt đê … đã được cứng hóa, tuy nhiên đã xuống cấp …", "…, nhưng đến nay vẫn chưa
#: được giải quyết"): the subject is before the contrast, and the shortcoming is the whole; not
#: "vẫn còn" and what is still there ("…, tuy nhiên, vẫn còn một số cán bộ chưa đeo thẻ"), which
#: brings its own subject.
_SUBJECTLESS = re.compile(
    r"(?!(?:van )?con (?:mot so|mot bo phan|nhieu|nhung|tinh trang|truong hop|hien tuong)\b)"
    r"(?:den nay|hien nay|van|con|da|chua|lai|bi)\b"
)
#: What an inspection or a supervision finds, after the merits it weighs first ("UBKT Trung ương
#: nhận thấy bên cạnh những ưu điểm, Ban Thường vụ Tỉnh ủy X đã có một số vi phạm, khuyết điểm
#: ..."): what follows is the finding, its subject the body found at fault, not the finder;
#: "Theo kết luận thanh tra (của …), …": the conclusion named with its kind, no part of it.
_FINDS = re.compile(
    r"(?:\bnhận thấy|^\W*(?:theo kết luận(?: (?:thanh tra|kiểm tra|giám sát|xác minh|rà soát)"
    r"(?: của [^,;.:]{1,60})?(?=\s*,))?|kết luận (?:cho thấy|chỉ rõ)|qua kiểm tra cho thấy))"
    r"\s*[:,]?\s+(?:bên cạnh (?:những|các) (?:ưu điểm|kết quả)[^,;.:]{0,40},\s*)?"
)
#: "Theo báo cáo của UBND xã X, ...": whose report says it, no part of what it says.
_REPORTED_BY = re.compile(r"\W*theo (?:bao cao|phan anh) cua [^,;.:]{1,60},\s*")
#: "Theo thông tin từ UBND thành phố X, ...", "Theo ghi nhận, ...": who gave the news or that a
#: reporter saw it, no part of it.
_INFORMED_BY = re.compile(
    r"\W*theo (?:thong tin (?:tu|cua) [^,;.:]{1,60}|ghi nhan(?: cua [^,;.:]{1,60})?),\s*"
)
#: "Trong buổi họp, ...": where it was said, no part of what was said.
_AT_MEETING = re.compile(
    r"\W*(?:trong|tai)\s+(?:buoi hop|cuoc hop|hoi nghi|buoi lam viec|phien hop)\s*,\s*"
)
#: A unit proposing ("UBND huyện kiến nghị ...", "Sở đề xuất ..."): its proposals, no tasks.
_UNIT_PROPOSES = re.compile(
    r"\s*(?:(?:cung|da|con)\s+)*(?:kien nghi|de xuat|de dat)\b(?!\s+(?:cua|nay|tren|do)\b)"
)
#: A place written bare proposing ("Tại buổi làm việc, xã kiến nghị Ban Chỉ đạo tỉnh …",
#: "Địa phương kiến nghị UBND tỉnh …"): the partner's proposals, as a unit's, no tasks.
_PLACE_PROPOSES = re.compile(
    r"(?:^|[,:])\W*(?:xa|phuong|thi tran|huyen|quan|thi xa|dia phuong)" + _UNIT_PROPOSES.pattern
)
#: "Ngoài ra, ...", "Thậm chí ..." (even: worse still): more of the same, after shortcomings (as
#: a contrast opens them).
_MORE_OPEN = re.compile(r"^\W*(?:ngoai ra|tham chi)\b")
#: A sentence that adds to what was just said ("Cùng với đó, ...", "(Bên) cạnh đó, ...", "Ngoài
#: ra, ...", "Mặt khác, ..."): a shortcoming in it that names no unit is of the unit of the
#: shortcoming just before it.
_ADDS_OPEN = re.compile(r"^\W*(?:ngoai ra|cung voi do|(?:ben )?canh do|them vao do|mat khac)\b")
#: "X tuy có tập trung nhưng còn kéo dài": a concession inside one clause, with its tones.
_CONCEDES = re.compile(r"\btuy\s+[^,;.:]{1,40}?\s+nhưng\s+(?=(?:vẫn|còn|chưa)\b)")
_LIMIT_WORD = r"(?:han che|ton tai|bat cap|kho khan|yeu kem|khuyet diem|vuong mac|thieu sot)"
#: A sentence that only announces shortcomings ("... vẫn còn một số hạn chế.", "các ý kiến chỉ ra
#: còn không ít hạn chế, bất cập.", "vẫn còn một số tồn tại, hạn chế, trong đó nổi bật như sau:"):
#: no limitation itself; the sentences after it state them.
_ANNOUNCES_LIMITS = re.compile(
    rf"\b(?:con|van con|co|van)\s+(?:co\s+)?(?:mot so|khong it|nhung|mot vai)\s+"
    rf"{_LIMIT_WORD}(?:\s*(?:,|va)\s*{_LIMIT_WORD})*(?:\s+(?:nhat dinh|can (?:duoc )?khac phuc))?"
    # "…, trong đó nổi bật như sau:", "… như sau:": the list is in the next paragraph
    r"(?:\s*,?\s*trong do(?:\s+(?:noi bat|chu yeu))?)?(?:\s+(?:nhu sau|sau day|nhu))?\s*[.!:]?\s*$"
    # a verdict that the details follow ("Theo ..., Ban Thường vụ Huyện ủy X có nhiều khuyết
    # điểm, vi phạm." then "Cụ thể, ..."): not "còn nhiều hạn chế.", itself a shortcoming
    r"|\b(?:co|da co)\s+nhieu\s+(?:khuyet diem|vi pham|sai pham)"
    r"(?:\s*(?:,|va)\s*(?:khuyet diem|vi pham|sai pham))*\s*[.!]?\s*$"
)
#: "Theo Thường vụ Tỉnh ủy X, ...": who says it, not whose shortcomings it announces.
_ACCORDING_TO = re.compile(r"^\W*theo\s+[^,;.:]{1,60},\s*")
_CONTRAST_WORD = re.compile(rf"\b(?:{HOWEVER}|tuy vay|song|nhung|ben canh do)\b")
#: "hạn chế cần khắc phục như: ...": the modal belongs to the noun, the clause still announces.
_TO_OVERCOME = re.compile(
    r"\bcần\s+(?:tiếp\s+tục\s+)?(?:được\s+)?(?:quan\s+tâm\s*(?:,|và)?\s+)?khắc\s+phục\b"
)
_SKIP = re.compile(r"[\s,.:;…\-–—+•*/\"“”]*")
_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:cac|nhung|co quan|tap the|lanh dao|toan the|ban thuong vu|ban chap hanh|"
    r"thuong truc|thuong vu|btv|bch|(?:tung |moi )?ca nhan|cong chuc|can bo|vien chuc)"
    r"\s*,?\s+(?:va\s+)?)*$"
)
_CRITICISES = re.compile(r"(?:phe binh|nhac nho|kiem diem)\s+")
#: A team or body that reprimands ("Đoàn đã nhắc nhở một số đơn vị vi phạm như: …"): what it
#: reprimands is the shortcoming, and whose it is follows the verb, not the team.
_CRITICISED_BY = re.compile(
    r"(?:doan|to|thanh tra|so|phong|uy ban|ubnd)\b[^,;:.]{0,60}?(?:\s+(?:cung|da))*\s+"
    r"(?:phe binh|nhac nho)\s+(?!va\b)"
)
#: A leader criticising a body ("phê bình TP X", "nghiêm túc phê bình đối với ..."): not the
#: self-criticism of a review ("kiểm điểm tự phê bình và phê bình").
_CRITICISM = re.compile(
    r"(?<!tu )(?<!kiem diem )(?<!bi )\bphe binh(?: nghiem khac)?(?: doi voi| vi)?\s+"
    r"(?!va\b|theo\b)"
)
#: What a body is criticised for, named as such ("phê bình Giám đốc Sở X trong việc điều hành
#: cơ quan có tỷ lệ giải quyết công việc đúng hạn đạt từ 70-80%"): the shortcoming, whatever its
#: words (with tones: "vì", not "đơn vị").
_CRITICISED_FOR = re.compile(r"\b(?:trong việc|về việc|vì)\s")
#: A request after what a leader criticises a body for ("phê bình X vì …, đồng thời yêu cầu X …"):
#: a task after the criticism.
_ASKS_AFTER_CRITICISM = re.compile(r"\b(?:yeu cau|de nghi|giao|dong thoi|chi dao [A-ZĐ])")


def _criticised_for(key: str, low: str, start: int, end: int) -> bool:
    """Whether the clause ``start``-``end`` is a leader's criticism of a body and what for, or a
    piece of what for ("phê bình Giám đốc Sở X, Chủ tịch UBND huyện Y vì chưa nghiêm túc trong
    việc chỉ đạo, tổ chức thực hiện việc kiểm điểm …; phê bình Chủ tịch UBND các huyện A, B vì
    không phối hợp …"): a shortcoming, no task; not a request after it in the clause."""
    for criticism in _CRITICISM.finditer(key, 0, end):
        reason = _CRITICISED_FOR.search(low, criticism.end(), end)
        if reason is None or _ASKS_AFTER_CRITICISM.search(key, reason.end(), end):
            continue
        if criticism.start() >= start or (
            reason.start() < start and not re.search(r"[;.]", key[criticism.end() : start])
        ):
            return True
    return False


#: A task whose subject is an activity ("Việc bàn và xây dựng nghị quyết cần ..."): it is
#: addressed to no unit, not to the unit of the task before it.
_ACTIVITY_SUBJECT = re.compile(r"^\W*viec\b")
#: Many bodies after the name of the first ("Thường trực HĐND 15 phường và …", "HĐND các xã").
_MANY_AFTER = re.compile(r"\s*(?:\d+|cac|nhung)\s")
#: A body named with every place of a level after it ("UBND thành phố và các huyện", "phòng
#: GD&ĐT các huyện, thành phố, thị xã"): the body of each of them, many.
_OF_EVERY_PLACE = re.compile(
    r"\s*(?:va\s+)?cac\s+(?:huyen|quan|xa|phuong|thi xa|thanh pho|thi tran|tinh|dia phuong)\b"
)
#: A work named as a task's subject ("Việc …", "Công tác …"), which names no doer of its own.
_WORK_SUBJECT = re.compile(r"^\W*(?:viec|cong tac)\b")
#: A task whose subject is a field of work, a party to a project or the school that is no body
#: ("Công tác tư vấn giám sát cần ...", "chủ đầu tư cần ...", "nhà thầu ...", "nhà trường cần
#: kiểm tra ..."): it names its own doer, so it is no unit's, neither the unit of the task before
#: it nor the session's partner's.
_NO_BODY_SUBJECT = re.compile(
    r"^\W*(?:cong tac|(?:cac\s+)?(?:chu dau tu|nha thau|don vi thi cong|(?:don vi )?tu van|"
    r"nha truong)\b)"
)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph (or heading) and its sentences."""

    kind: str  # "body" | "heading"
    text: str
    sentences: tuple[str, ...]


def _usable(m: Mention) -> bool:
    return m.name is not None and m.role in _USABLE and not m.affiliation


def _value(m: Mention) -> str | None:
    return m.code or m.name


#: "Theo (ý kiến của) các đồng chí lãnh đạo UBND thành phố, ...": whose view follows; "qua theo
#: dõi, báo cáo của Văn phòng UBND tỉnh, ...": whose watch found what follows (no subject of it).
_ATTRIBUTED = re.compile(
    r"(?:theo (?:y kien |danh gia |nhan dinh )?(?:cua )?(?:cac |nhieu )?"
    r"(?:dong chi|lanh dao|dai bieu|ong|ba|y kien)\b|"
    r"qua (?:theo doi|bao cao|tong hop|kiem tra|giam sat)(?:,? (?:va )?(?:theo doi|bao cao|"
    r"tong hop|kiem tra|giam sat))? cua\b)[^,;:]{0,60},\s*"
)


def _skip_lead(key: str, start: int, end: int) -> int:
    """Move ``start`` past punctuation, list markers and connectives ("Đồng thời, ")."""
    while True:
        before = start
        m = _SKIP.match(key, start, end)
        if m:
            start = m.end()
        m = LIST_MARKER.match(key[start:end])
        if m and m.end():
            start += m.end()
        m = LEADING_CONNECTIVE.match(key[start:end])
        if m and m.end():
            start += m.end()
        m = _ATTRIBUTED.match(key, start, end)
        if m:
            start = m.end()  # "theo các đồng chí lãnh đạo UBND thành phố, ...": who says it
        if start == before:
            return start


def category_of(text: str) -> str:
    """The category of a limitation: the earliest cue in it wins, ties by the table's order."""
    key = fold_aligned(text)
    best: tuple[int, int, str] | None = None
    for order, (category, pattern) in enumerate(CATEGORY_CUES):
        m = pattern.search(key)
        if category == "timeliness":
            late = LATE.search(lower_aligned(text))
            if late and (m is None or late.start() < m.start()):
                m = late
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, category)
    return best[2] if best else "other"


#: Violations handled ("kiểm tra xử lý nghiêm các trường hợp vi phạm"): an action, no judgement;
#: and "(kiểm tra khi có) dấu hiệu vi phạm", the name of a kind of party inspection.
_HANDLES = re.compile(
    r"\b(?:xu ly|xu phat|ngan chan|phat hien|kiem tra)(?: nghiem| kip thoi| dut diem)?"
    r"(?: (?:cac|nhung|moi))?(?: (?:truong hop|hanh vi|vu viec|doi tuong))?\s*$|"
    r"\bdau hieu\s*$"
)


#: Negative words whose key other words share, with the tone that makes them negative: "chua"
#: is "chưa" (not yet), not "sửa chữa" (repair), "chùa" (a pagoda) or "chứa" (to hold).
_NEGATIVE_TONED = {"chua": "chưa"}

#: "chưa (để) xảy ra dịch", "chưa phát sinh trường hợp nào", "chưa ghi nhận vụ ngộ độc nào": no
#: incident, a merit, not a judgement.
_NONE_HAPPENED = re.compile(
    r"\s+(?:de\s+)?(?:xay ra|phat sinh)\b|\s+ghi nhan\s+(?:them\s+)?(?:vu|ca|truong hop|o dich)\b"
)


def _toned_negative(key: str, low: str, m: re.Match[str]) -> bool:
    """Whether a match of :data:`NEGATIVE` is the negative word as written: a word whose key
    others share must carry its tone, unless the text is written without tones at all."""
    toned = _NEGATIVE_TONED.get(m.group())
    if toned is None or low[m.start() : m.end()] == toned:
        return True
    return toneless(low)  # a text typed without accents: "chua" may be "chưa"


def has_negative(text: str) -> bool:
    """Whether ``text`` states a negative evaluation (:data:`NEGATIVE`, tones heeded)."""
    key, low = fold_aligned(text), lower_aligned(text)
    return any(_toned_negative(key, low, m) for m in NEGATIVE.finditer(key))


def _only_so_far(key: str, low: str, start: int, end: int) -> re.Match[str] | None:
    """The first share in ``key[start:end]`` that is all that was done (:data:`ONLY_SO_FAR`),
    its "chỉ" or "mới" read with the tone: "chi" is also to spend ("tổng chi đạt 95%")."""
    shares = ONLY_SO_FAR.finditer(key, start, end)
    return next((m for m in shares if low[m.start() : m.start() + 3] in _ONLY), None)


_ONLY = ("chỉ", "mới")


def _negative(
    key: str, low: str, start: int = 0, end: int | None = None, toned: bool = True
) -> re.Match[str] | None:
    """The first negative evaluation in ``key[start:end]`` ("chưa", "thiếu", "chậm"...);
    ``toned=False`` reads "chua" by its key alone (any of "chưa", "chữa", "chùa"), and not an
    inspection's :data:`DUTY_UNDONE`, as the directives' model was trained to read it."""
    end = len(key) if end is None else end
    negative = next(
        (
            m
            for m in NEGATIVE.finditer(key, start, end)
            if (_toned_negative(key, low, m) if toned else m.group() not in DUTY_UNDONE)
            and not (
                m.group() == "vi pham" and _HANDLES.search(key, max(0, m.start() - 40), m.start())
            )
            and not (m.group() == "chua" and _NONE_HAPPENED.match(key, m.end()))
        ),
        None,
    )
    found = [
        m
        for m in (
            negative,
            LATE.search(low, start, end),
            LACKING.search(low, start, end),
            _only_so_far(key, low, start, end),
        )
        if m
    ]
    return min(found, key=lambda m: m.start()) if found else None


# --- limitations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Intro:
    unit: Mention | None
    announced: bool = False  # by a sentence that only says there are shortcomings


#: What a clause's subject follows: the clause's start, a comma ("Từ đầu tháng 5, huyện X còn
#: ...").
_SUBJECT_OPENS = re.compile(r"(?:^|[,;:.])\s*$")
_PLURAL_WORD = re.compile(r"(?:cac|nhung|mot so|moi)\b")


#: A level and the place's name ("quận Đống Đa", "Thị trấn Hùng Quốc"), not a level alone.
_NAMED_PLACE = re.compile(r"\w+(?: \w+)? [A-ZĐ0-9]")


def _place_as_subject(key: str, m: Mention) -> Mention:
    """A place named with its name that opens a clause and falls short ("Trong tháng 5, huyện
    Di Linh thu ngân sách ...; ... mới đạt 42% kế hoạch", "huyện Tủa Chùa còn xuất hiện dịch"):
    the place as written, not one of its bodies; not a place after "tại", "của" ("Tại xã X,
    việc ... chậm": the body of the place that does the work). A level written bare ("Huyện chưa
    phát huy ...") keeps the place the resolver gave it ("huyện Thường Tín")."""
    if m.role != "unit" or m.head != "dia phuong" or m.code is not None:
        return m
    if not _NAMED_PLACE.match(m.text):
        return m
    if not _SUBJECT_OPENS.search(key, max(0, m.start - 3), m.start) or _PLURAL_WORD.match(
        key, m.start
    ):
        return m
    text = m.text if m.text[:2].isupper() else m.text[:1].lower() + m.text[1:]
    return replace(m, name=text)


def _people_subject(text: str) -> bool:
    """Whether a shortcoming's subject is people counted by a share (:data:`PEOPLE_SUBJECT`:
    "tại chợ X có một số hộ mua bán chưa chấp hành …"), before what it judges."""
    key, low = fold_aligned(text), lower_aligned(text)
    people = PEOPLE_SUBJECT.search(low)
    if people is None:
        return False
    neg = _negative(key, low)
    return neg is None or people.start() < neg.start()


#: The time or the check a shortcoming is stated at, fronted before its subject ("Đến thời điểm
#: này, 2 xã …", "Qua kiểm tra thực tế, các hộ …", "Hiện nay, một số xã …").
_FRONTED_FRAMES = re.compile(
    r"\W*(?:(?:(?:cho |tinh )?den (?:nay|thoi diem nay|thoi diem hien tai)|hien nay|hien tai|"
    r"(?:trong )?thoi gian qua|qua (?:kiem tra|giam sat|khao sat|ra soat)(?: thuc te)?|"
    r"tai thoi diem (?:kiem tra|giam sat)|"
    r"nam \d{4}|trong (?:nam|thang|quy)(?: \w+){1,3})\s*,\s*)+"
)
#: An inspection's, a supervision's or a verification's frame before what it found ("Kết quả
#: kiểm tra cho thấy …", "Quá trình xác minh cho thấy, …", "Theo kết luận thanh tra, …",
#: "Thanh tra cũng chỉ rõ, …", "Đoàn kiểm tra liên ngành … xác nhận …", "Đoàn nhận thấy …"):
#: what follows is a finding on the body inspected, not the words of the team that states it.
_FINDING_FRAME = re.compile(
    r"(?:[^,;:.]{1,40},\s*){0,2}?"
    r"(?:(?:theo )?ket (?:qua|luan) (?:kiem tra|thanh tra|giam sat|xac minh|ra soat|khao sat)"
    r"(?:\s(?:(?!cho thay)[^,;:.]){1,40}?)?\s*(?:,|cho thay\b\s*,?)|"
    r"(?:qua|qua trinh) (?:kiem tra|thanh tra|giam sat|xac minh|ra soat|khao sat)(?: thuc te)?"
    r"\s*,?\s*cho thay\b\s*,?|"
    r"(?:thanh tra|doan|to (?:kiem tra|giam sat|thanh tra|khao sat|cong tac))\b[^,;:.]{0,60}?"
    r"(?:\s+(?:cung|da|con))*\s+(?:chi ro|chi ra|nhan thay|xac nhan|danh gia(?! cao)|phat hien)"
    r"\b\s*,?|"
    r"(?:qua [^,;:.]{1,80},\s*)?(?:so|phong|co quan|uy ban kiem tra)\b[^,;:.]{0,60}?"
    r"(?:\s+(?:cung|da))*\s+phat hien\b\s*,?)"
    r"\s*"
)


def _collective(key: str) -> int | None:
    """Where a collective subject ("các xã") or one of many bodies ("nhiều địa phương") ends, at
    the start of ``key`` or after the time or the check fronted before it ("Đến thời điểm này, 2
    xã …"); None without one."""
    frames = _FRONTED_FRAMES.match(key)
    at = frames.end() if frames else 0
    head = _HEADS_OF_MANY.match(key, at)  # "Chủ tịch các địa phương này …": their heads
    at = head.end() if head else at
    found = COLLECTIVE_SUBJECT.match(key[at:]) or MANY_SUBJECT.match(key[at:])
    return at + found.end() if found else None


#: The heads of bodies named before a collective ("Chủ tịch các địa phương này đã không …",
#: "Lãnh đạo một số xã …"): many people, of many bodies.
_HEADS_OF_MANY = re.compile(
    r"\s*(?:pho )?(?:chu tich|bi thu|lanh dao|thu truong|nguoi dung dau|giam doc|truong phong)"
    r"(?: (?:ubnd|uy ban nhan dan|dang uy))?\s+(?=cac\b|mot so\b|nhieu\b|nhung\b)"
)


_WORK_JUDGED = tuple(pattern for name, pattern in SHORTCOMING_FAMILIES if name in WORK_JUDGEMENTS)
_FINDING_JUDGED = tuple(
    pattern for name, pattern in SHORTCOMING_FAMILIES if name in FINDING_JUDGEMENTS
)


#: Causes named before the shortcoming they lead to, none of them said ("do nhiều nguyên nhân nên
#: việc triển khai … còn chậm").
_CAUSES_FIRST = re.compile(
    r"(?:do|vi) (?:nhieu|mot so|cac) nguyen nhan(?: khac nhau)?(?: (?:khach quan|chu quan))?"
    r"\s*,?\s*nen\s+"
)
#: What the voters' petitions or the opinions were about ("Nội dung các kiến nghị tập trung chủ
#: yếu liên quan đến A; B; đặt lại biển tên đường, …, khắc phục hư hỏng, xuống cấp …"): their
#: topics, no shortcoming the model may add.
_OPINIONS_ABOUT = re.compile(
    r"\W*(?:noi dung )?(?:cac |nhung )?(?:y kien,? )?(?:kien nghi|y kien)(?: cua cu tri)?"
    r"[^.;:]{0,40}?\blien quan (?:den|toi)\b"
)
#: The causes a sentence lists ("… là do A; B"): a ``;``-part after it goes on with them.
_CAUSES_LISTED = re.compile(r"\b(?:la do|nguyen nhan(?: la)?(?: do)?)\b")


def _work_judged(key: str, low: str, start: int, end: int) -> bool:
    """Whether the clause ``low[start:end]`` opens on a field of work, an activity or a measure
    of one (:data:`WORK_SUBJECT`, after a connective or a fronted time: "Hiện nay, công tác X
    …") and judges it to fall short in the words of a family (:data:`WORK_JUDGEMENTS`: "công
    tác X còn chậm", "việc Y chưa đạt", "tỷ lệ Z còn thấp", "tiến độ … chậm")."""
    begin = _skip_lead(key, start, end)
    frames = _FRONTED_FRAMES.match(key, begin, end)
    begin = _skip_lead(key, frames.end(), end) if frames else begin
    subject = WORK_SUBJECT.match(low, begin, end)
    return subject is not None and any(
        pattern.search(low, subject.end(), end) for pattern in _WORK_JUDGED
    )


def _finding_start(key: str, start: int, end: int) -> int | None:
    """Where an inspection's finding starts in the clause ``key[start:end]``, after its frame
    (:data:`_FINDING_FRAME`, after a connective or a fronted check: "Qua giám sát, Đoàn nhận
    thấy …"); None when the clause opens on no such frame."""
    begin = _skip_lead(key, start, end)
    frames = _FRONTED_FRAMES.match(key, begin, end)
    begin = _skip_lead(key, frames.end(), end) if frames else begin
    found = _FINDING_FRAME.match(key, begin, end)
    return found.end() if found else None


#: The request verbs after which a sentence's comma turns from a shortcoming to a task ("Một số
#: công trình chậm tiến độ …, đề nghị UBND huyện mạnh dạn xử lý …").
_ASKS_AFTER_COMMA = ("de nghi", "yeu cau")
#: A task for the time ahead after a comma ("Giáp Trung vẫn còn là một xã nghèo, thời gian tới
#: cần phải thực hiện tốt …"): it closes the clause before it as a request verb does.
_TASK_AHEAD_AFTER_COMMA = re.compile(r",\s*(?:trong\s+)?thoi gian toi,?\s+(?:can|phai)\b")


def _beside_request(sentence: str, key: str, low: str, start: int, end: int) -> int | None:
    """Where the shortcoming of a clause that joins it to a request with a comma starts, the
    request before it ("UBND thành phố yêu cầu … các địa phương phải hoàn tất …, tuy nhiên, đến
    thời điểm này vẫn còn không ít vướng mắc") or after it ("Một số công trình chậm tiến độ xin
    gia hạn hợp đồng, đề nghị UBND huyện …"); it ends at the request after it (see
    :func:`_request_after`) or with the clause. None when the clause is not so joined."""
    contrast = next(
        (m for m in _CONTRAST_INSIDE.finditer(low, start, end) if m.start() > start), None
    )
    if (
        contrast is not None
        # not "… đề nghị khởi công 1/3 nhưng đến nay, các đơn vị vẫn chưa …": a request not met
        # by now, one shortcoming with it
        and _SUBJECTLESS.match(key, contrast.end()) is None
        and _asks(sentence, start, contrast.start())
        and not _asks(sentence, contrast.end(), end)
        and _negative(key, low, contrast.end(), end) is not None
    ):
        return contrast.end()
    begin = _shortcoming_before(key, low, start, end)
    if begin is None:
        return _shortcoming_before_task_ahead(key, low, start, end)
    request = _request_after(key, low, start, end)
    if begin is not None and request is not None and _IF_THERE_ARE.search(low, begin, request):
        # "Trong quá trình thi công, nếu có khó khăn, vướng mắc, yêu cầu …": a condition (the
        # request after it is still a task, its text from the addressee)
        return None
    return begin


#: A request's word listed as a noun ("hoàn thành mục tiêu, yêu cầu, nhiệm vụ …").
_NOUN_LISTED = re.compile(r"\s*,")
#: What was overcome ("xã đã khắc phục khó khăn, hoàn thành …"): a merit, no shortcoming.
_OVERCAME = re.compile(r"\bkhac phuc\b")


def _judged_more(key: str, low: str, start: int, end: int, even: bool) -> bool:
    """Whether ``key[start:end]`` judges in a negative word, or, after "Thậm chí" (``even``: worse
    still than the shortcoming before it), in the words of a family that judges a work or a
    finding (:data:`FINDING_JUDGEMENTS`: "kéo dài", "chậm")."""
    return _negative(key, low, start, end) is not None or (
        even and any(p.search(low, start, end) for p in _FINDING_JUDGED)
    )


def _past_contrast(key: str, start: int, end: int) -> int:
    """Where the words of ``key[start:end]`` start, past its lead and a contrast opening it
    ("Tuy nhiên, …")."""
    begin = _skip_lead(key, start, end)
    opener = CONTRAST_OPEN.match(key, begin, end)
    return _skip_lead(key, opener.end(), end) if opener else begin


def _shortcoming_before(key: str, low: str, start: int, end: int) -> int | None:
    """Where a shortcoming starts that a comma closes before a request verb in ``key[start:end]``
    ("Tuy nhiên, một số công trình chậm tiến độ …, đề nghị UBND huyện …": after the contrast),
    its subject no leader and itself asking nothing; None when there is none."""
    request = _request_after(key, low, start, end)
    if request is None:
        return None
    begin = _past_contrast(key, start, end)
    if (
        begin < request
        and not _asks_in(key, low, begin, request)
        and not leader_named(key, low, begin, request)
        and _OVERCAME.search(key, begin, request) is None
        and _negative(key, low, begin, request) is not None
    ):
        return begin
    return None


def _shortcoming_before_task_ahead(key: str, low: str, start: int, end: int) -> int | None:
    """Where a shortcoming starts that a comma closes before a task for the time ahead
    (``_TASK_AHEAD_AFTER_COMMA``: "Giáp Trung vẫn còn là một xã nghèo, thời gian tới cần phải
    …"), as :func:`_shortcoming_before` finds one before a request; None when there is none."""
    ahead = _TASK_AHEAD_AFTER_COMMA.search(key, start, end)
    if ahead is None:
        return None
    begin = _past_contrast(key, start, end)
    if (
        begin < ahead.start()
        and not _asks_in(key, low, begin, ahead.start())
        and not MODAL.search(low, begin, ahead.start())
        and _negative(key, low, begin, ahead.start()) is not None
    ):
        return begin
    return None


#: A condition ("Trong quá trình thi công, nếu có khó khăn, vướng mắc, yêu cầu …"): what may
#: happen, no shortcoming (on the lower-case text: "nêu" states).
_IF_THERE_ARE = re.compile(r"\b(?:nếu|khi|trường hợp) (?:có|xảy ra|phát sinh)\b")


def _request_after(key: str, low: str, start: int, end: int) -> int | None:
    """The comma before a request verb ("…, đề nghị UBND huyện …") in ``key[start:end]``, the
    first speech verb of the clause; None without one."""
    verb = _speech_verb(key, low, start, end)
    if verb is None or verb.group() not in _ASKS_AFTER_COMMA or _NOUN_LISTED.match(key, verb.end()):
        return None
    comma = key[start : verb.start()].rstrip()
    return start + len(comma) - 1 if comma.endswith(",") else None


def _no_one_body(text: str) -> bool:
    """Whether a shortcoming's subject is no one body: collective or many bodies
    (:func:`_collective`) or people ("một số hộ dân"); no unit is carried or given to it."""
    return _collective(fold_aligned(text)) is not None or _people_subject(text)


def _first_usable(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    return next((m for m in mentions if start <= m.start < end and _usable(m)), None)


#: A quotation that closes before its attribution ('..." , bà X nói').
_QUOTE_CLOSED = re.compile(r"[\"”»]\s*,")


def _limitation(
    sentence: str,
    clause: Clause,
    mentions: Sequence[Mention],
    intro: _Intro | None,
    partner: str | None = None,
) -> LimitationDraft | None:
    key, low = fold_aligned(sentence), lower_aligned(sentence)
    end = clause.start + len(clause.text)
    start = _skip_lead(key, clause.start, end)
    closed = _QUOTE_CLOSED.search(sentence, start, end)
    if closed is not None and closed.start() > start:
        end = closed.start()  # '"... còn hạn chế", bà Phương nói': the quotation's attribution
    criticises = _CRITICISES.match(key, start, end) or _CRITICISED_BY.match(key, start, end)
    if criticises is not None:
        start = criticises.end()  # "Phê bình một số sở, ngành còn chậm ...": what is criticised
    finding = _finding_start(key, start, end)
    if finding is not None:
        start = finding  # "Kết quả kiểm tra cho thấy, UBND xã X …": what was found
    informed = _INFORMED_BY.match(key, start, end)
    if informed is not None:
        # "Theo thông tin từ UBND thành phố X, tính đến thời điểm hiện tại toàn thành phố còn …":
        # who gave the news and when it stands, no part of the shortcoming nor its subject
        frames = _FRONTED_FRAMES.match(key, informed.end(), end)
        start = frames.end() if frames else informed.end()
    causes = _CAUSES_FIRST.match(key, start, end)
    if causes is not None and len(key[causes.end() : end].split()) >= 3:
        start = causes.end()  # "do nhiều nguyên nhân nên việc X còn chậm": the shortcoming
    inline = LIMIT_INLINE_INTRO.search(key, start, end)
    if (
        inline is not None
        and len(key[inline.end() : end].split()) >= 3
        and (
            len(_CONTRAST_WORD.split(key[start : inline.start()])[-1].split()) <= 4
            or LIMIT_INLINE_LIST.search(key, inline.start(), inline.end())
            or (
                LIMIT_NOUN_STATED.search(key, start, inline.start()) is not None
                and LIMIT_STATED_LIST.search(key, inline.start(), inline.end()) is not None
            )
        )
    ):
        # "tuy nhiên vẫn còn nhiều hạn chế do <the limitation>"; not "việc X còn hạn chế do
        # <its cause>", whose subject is the limitation
        start = inline.end()
    cause = _asked_because(sentence, start, end)
    if cause is not None:
        start = cause  # "có biện pháp thúc đẩy giải ngân ..., vì tỷ lệ giải ngân còn thấp"
    text = tidy(sentence[start:end])
    if len(text.split()) < 3:
        return None
    ckey = key[start:end]
    neg = _negative(key, low, start, end)
    neg_at = neg.start() if neg else end
    inside = [
        m
        for m in mentions
        if start <= m.start < end
        and _usable(m)
        and not _gave_it(key, m)
        and not _AFTER_PLURAL.search(key, max(start, m.start - 40), m.start)
        and not _SOME_OF.search(key, max(start, m.start - 12), m.start)
        and not _WHERE_BEFORE.search(key, start, m.start)
        and not _VISITING_TEAM.match(key, m.start)
    ]
    subject = [m for m in inside if m.start < neg_at]
    headed = _headed_unit(key, mentions, start, neg_at)
    collective = _collective(ckey)
    at_many = AT_MANY.search(key, start, neg_at)
    unit: Mention | None
    if collective is not None and not any(start <= m.start < start + collective for m in mentions):
        # "Các cơ quan chuyên môn của UBND huyện cũng chưa …", "một số địa phương như: huyện
        # Giá Rai, …": a collective subject, whatever body it names after it
        unit = None
    elif _people_subject(sentence[start:end]):
        # "tại chợ X có một số hộ mua bán chưa chấp hành …": people, whatever place they are at
        unit = None
    elif (
        at_many is not None
        and not (subject and not key[start : subject[0].start].strip(" ,"))
        and not (subject and _OWN_WORK_OF.match(key, start, subject[0].start))
    ):
        # "việc chấp hành sự chỉ đạo … của UBND tỉnh tại một số cơ quan, đơn vị … chưa nghiêm":
        # the fault of the bodies it is placed at, not of a body it names on the way; not the
        # body whose own work the clause opens on ("Công tác lãnh đạo, chỉ đạo của các Đoàn công
        # tác tại một số tổ chức cơ sở Đảng …")
        unit = None
    elif headed and _heads_of_other_kinds(key, mentions, headed[0], neg_at):
        # "Giám đốc Sở X, Chủ tịch UBND TP Y, Chủ tịch UBND huyện Z vì chưa …": the heads of
        # bodies of different kinds criticised together, no one body's
        unit = None
    elif headed:
        # "Chủ tịch UBND huyện X và huyện Y trong việc điều hành ...": the shortcoming of a body's
        # head is the body's, the first named
        unit = headed[0]
    elif subject and _NOT_RECEIVED.match(key, subject[0].end):
        # "UBND tỉnh chưa nhận được báo cáo của Sở TN&MT": the body that did not send it; with
        # none named in its clause ("UBND TP vẫn chưa nhận được báo cáo và ngày 25/5, nhiều công
        # dân ở … huyện X …"), no one the text names: not the body that waits
        sender = next((m for m in inside if m.start > neg_at), None)
        unit = sender if sender and not _CLAUSE_BREAK.search(key, neg_at, sender.start) else None
    elif subject and _MANY_WITH.match(key, subject[0].end):
        # "UBND tỉnh X, các sở, ngành, UBND cấp huyện còn một số hạn chế …": a body named with
        # many others, the shortcoming of them all, no one body's
        unit = None
    elif subject:
        unit = _place_as_subject(key, subject[0])
    elif _no_one_body(sentence[start:end]):
        unit = None
    elif intro is not None and intro.unit is not None:
        unit = intro.unit
    elif partner is None:
        # a body named after the predicate, not one it is judged by or reported to
        named = [m for m in inside if not _JUDGE_BEFORE.search(key, start, m.start)]
        unit = named[0] if named else None
    else:
        # "Chưa dự kiến cơ cấu đại biểu HĐND huyện ...", stated at a session with one unit: the
        # unit named after the predicate is its object, the shortcoming the session's unit's
        unit = None
    return LimitationDraft(
        text=text,
        unit=_value(unit) if unit else None,
        category=category_of(text),
        source=sentence,
    )


#: A motto quoted after its name ("theo tinh thần: “…”", "phương châm “…”", "khẩu hiệu …").
_MOTTO = re.compile(r"\b(?:tinh than|phuong cham|khau hieu)\s*:?\s*[\"“]([^\"”]*)[\"”]")


def _without_mottos(key: str, text: str | None = None) -> str:
    """``text`` (``key`` by default) with the words of the mottos ``key`` quotes blanked out."""
    out = key if text is None else text
    for m in _MOTTO.finditer(key):
        out = out[: m.start(1)] + " " * (m.end(1) - m.start(1)) + out[m.end(1) :]
    return out


def _in_motto(key: str, at: int) -> bool:
    """Whether the clause at ``at`` opens inside a quoted motto (at its opening quote or after)."""
    at += len(key[at:]) - len(key[at:].lstrip())
    return any(m.start(1) - 1 <= at < m.end(1) for m in _MOTTO.finditer(key))


#: The head of another body listed after a head ("Giám đốc Sở X, Chủ tịch UBND huyện Y").
_ANOTHER_HEAD = re.compile(
    r"\s*(?:,|va)\s*(?:pho )?(?:chu tich|giam doc|thu truong|bi thu|truong)\s*"
)


def _heads_of_other_kinds(key: str, mentions: Sequence[Mention], first: Mention, end: int) -> bool:
    """Whether the head ``first`` stands for is listed with the head of a body of another kind
    ("Giám đốc Sở X, Chủ tịch UBND TP Y": a department and a city), before ``end``."""
    after = next((m for m in mentions if first.end <= m.start < end), None)
    return (
        after is not None
        and after.role == "unit"
        and after.head != first.head
        and _ANOTHER_HEAD.fullmatch(key, first.end, after.start) is not None
    )


#: More bodies named with a subject, many of them ("…, các sở, ngành", "và các địa phương",
#: "cùng lãnh đạo 11 địa phương"). Not people ("Ban Thường vụ Tỉnh ủy và các đồng chí Thường
#: trực …": the members of that body).
_MANY_WITH = re.compile(
    r"\s*(?:,|va|cung)\s*(?:lanh dao\s+)?(?:cac|nhieu|mot so|\d+)\s+"
    r"(?:so|ban|nganh|dia phuong|don vi|co quan|huyen|xa|phuong|cap|to chuc|doan the)\b"
)
#: The verb of who states shortcomings ("Đoàn kiểm tra (cũng) đã chỉ ra ...", "Thường trực HĐND
#: nhận xét ...").
_STATES = re.compile(
    r"(?:\s+(?:cung|da|van|con))*\s+(?:chi ra|chi ro|neu ra|neu ro|neu|nhan xet|danh gia|"
    r"ghi nhan|phat hien|thang than chi ra|nhac nho|phe binh)\b"
)
#: ", vì ..." / ", bởi vì ...": the reason given for a request (with its tone: not "vi phạm").
_BECAUSE_OF = re.compile(r",\s*(?:bởi vì|vì|bởi)\s+")


#: Where a sentence's subject stands: at its start, after a comma or a frame ("6 tháng đầu năm
#: 2019, xã Tân Thịnh là ..."), or after the contrast of a concession ("trong điều kiện còn nhiều
#: khó khăn, song Ban Thường vụ Thành ủy X đã tập trung ...").
_SUBJECT_AT = re.compile(r"(?:^|[,;:.]|\b(?:song|nhung))\s*$")
#: What the subject did, reported as its own work ("đã có nhiều nỗ lực", "đã tập trung lãnh
#: đạo"): not a body hearing, visiting, supervising or judging others' ("đã nghe", "đã tiến hành
#: giám sát").
_DID_ITS_WORK = re.compile(
    r"(?:\s+(?:cung|van|luon))*\s+da\s+(?!nghe|xem xet|cho y kien|giam sat|kiem tra|khao sat|"
    r"to chuc|tien hanh|lam viec|chu tri|den|danh gia|chi ra|neu|nhan xet|nhan dinh|yeu cau|"
    r"de nghi)"
)


def _weighed_before(
    para: Paragraph, index: int, key: str, resolver: UnitResolver
) -> Mention | None:
    """The unit whose work the sentence before a contrast weighed ("Năm 2018, Sở X đã có nhiều
    nỗ lực ... Tuy nhiên, ... còn một số hạn chế như: ..."): the subject of the sentence before it
    in its paragraph when that sentence reports its work, for a sentence (``key``) that opens on
    a contrast; else None."""
    if index == 0 or not CONTRAST_OPEN.match(key):
        return None
    before = para.sentences[index - 1]
    bkey = fold_aligned(before)
    for m in resolver.mentions(before):
        if not _usable(m) or _STATES.match(bkey, m.end):
            continue
        if _SUBJECT_AT.search(bkey, max(0, m.start - 12), m.start):
            return m if _DID_ITS_WORK.match(bkey, m.end) else None
    return None


def _asked_because(sentence: str, start: int, end: int) -> int | None:
    """Where the shortcoming starts in a request that gives it as its reason ("có biện pháp
    thúc đẩy giải ngân ..., vì tỷ lệ giải ngân của tỉnh vẫn còn thấp"), else None."""
    low = lower_aligned(sentence)
    cause = _BECAUSE_OF.search(low, start, end)
    if cause is None:
        return None
    key = fold_aligned(sentence)
    if not _negative(key, low, cause.end(), end):
        return None
    before = IMPERATIVE.match(key[_skip_lead(key, start, cause.start()) : cause.start()])
    if before is None and not _asks(sentence, start, cause.start()):
        return None
    return cause.end()


#: Where the clause of a body that has not received something ends: a comma, "và", "nhưng".
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:va|nhung|song)\b")
#: A body that has not received what another owed it ("UBND tỉnh chưa nhận được báo cáo ...").
_NOT_RECEIVED = re.compile(r"\s+(?:van\s+)?chua\s+(?:nhan duoc|nhan)\b")
#: A clause that opens on a body's own work ("Công tác lãnh đạo, chỉ đạo của …"), up to the body.
_OWN_WORK_OF = re.compile(r"\W*cong tac [^;:]{0,40}?\bcua (?:cac )?$")
#: A unit listed after a plural ("của một số cấp ủy, Ủy ban Kiểm tra Đảng ủy chưa chặt chẽ"):
#: one of several bodies, not the subject.
_AFTER_PLURAL = re.compile(r"\b(?:mot so|cac|nhung|nhieu) [^,;:]{1,30},\s*$")
#: A share of many bodies of one kind right before it ("một số Hạt Kiểm lâm chưa …", "nhiều
#: Phòng chuyên môn …"): some of them, no one body.
_SOME_OF = re.compile(r"\b(?:mot so|nhieu)\s+$")
#: A body named as the owner of many ("mặc dù các xã điểm xây dựng nông thôn mới của tỉnh X đã
#: …"): the many are the subject, not the body.
_PLURAL_OF = re.compile(r"\b(?:cac|mot so|nhieu|nhung) [^,;:]{1,50}?\bcua\s+$")
#: A team sent to inspect, supervise or survey ("Đoàn giám sát đã khảo sát tuyến đường ... hư
#: hỏng nặng"): it states the shortcomings of those it visits, it is never whose they are.
_VISITING_TEAM = re.compile(r"(?:doan|to) (?:giam sat|kiem tra|khao sat)\b")
#: Where the shortcoming is, inside its clause ("tiến độ giải ngân ... ở huyện X mới đạt 40%",
#: "tiến độ thi công ... trên địa bàn xã Y chậm", "chất lượng ... ở Trạm Y tế xã Z chưa đáp
#: ứng", "tiến độ thi công bên phía xã An Sơn … đang chậm hơn …"): the place or body is where,
#: not who falls short, nor the place in brackets after it ("(TP Thuận An)"); not "về phía
#: UBND huyện" (as for the body: its own).
_WHERE_BEFORE = re.compile(
    r"\w[^,;:]*\s(?:o|tai|tren dia ban|(?<!\bve )(?:ben )?phia)\s+(?:[^,;:()]{1,40}\(\s*)?$"
)
#: Who judges a shortcoming or is told of it, inside its clause ("công tác xây dựng cơ bản được
#: UBND tỉnh đánh giá là tiến độ ... chậm", "theo UBND huyện ...", "tham mưu cho UBND tỉnh ...
#: còn hạn chế"), or what it is weighed against ("chậm hơn TP HCM", "so với xã Y"): not whose
#: it is.
_JUDGE_BEFORE = re.compile(r"\b(?:cho|duoc|theo|hon|so voi)\s+$")


#: A level written bare after "của", "trên địa bàn", "tại", "ở" ("... của xã trong năm 2022
#: như:"): the place of that level the text is about.
_BARE_LEVEL_OF = re.compile(
    r"\b(?:cua|tren dia ban|tai|o)\s+(xa|phuong|huyen|thi tran|thi xa|quan|tinh|thanh pho)\b"
)
_NAME_FOLLOWS = re.compile(r"\s*[A-ZĐ0-9]")


def _bare_level_unit(
    sentence: str, key: str, start: int, end: int, resolver: UnitResolver
) -> Mention | None:
    """What announces shortcomings and names no unit but its place by a bare level ("Đoàn kiểm
    tra chỉ ra các hạn chế ... của xã trong năm 2022 như: ...", "Tuy nhiên, ... trên địa bàn xã
    còn một số khó khăn như: ..."): the place of that level the document names (of several, the
    one named last before it), as "Xã cần ..." is; not a level with its name after it."""
    for m in _BARE_LEVEL_OF.finditer(key, start, end):
        if _NAME_FOLLOWS.match(sentence, m.end()):
            continue
        word = sentence[m.start(1) : m.end(1)]
        name = resolver.bare_level_place(word, sentence, m.start(1))
        if name is not None:
            return Mention(m.start(1), m.end(1), word, "unit", "dia phuong", name)
    return None


#: The tasks a body directed, written as "nhiệm vụ <body> chỉ đạo" ("nhiều nhiệm vụ UBND tỉnh chỉ
#: đạo, triển khai chưa được các cơ quan … thực hiện"): the body gave them, its "chỉ đạo" asks
#: nothing.
_TASKS_BEFORE = re.compile(r"\b(?:nhiem vu|cong viec|noi dung)(?: do| ma)?\s+$")
_DIRECTED_AFTER = re.compile(r"\s+chi dao\b")
_TASKS_DIRECTED = re.compile(
    r"\b(?:nhiem vu|cong viec|noi dung)(?: do| ma)? (?:ubnd|hdnd|uy ban|thuong truc|chu tich|"
    r"tinh uy|huyen uy|thanh uy|thi uy|dang uy|ban thuong vu)\b[^,;.:]{0,30}$"
)


def _gave_it(key: str, mention: Mention) -> bool:
    """Whether the mention gave the work ("nhiệm vụ của UBND tỉnh giao, Sở thực hiện còn chậm",
    "nhiệm vụ UBND tỉnh chỉ đạo … chưa được thực hiện"), not the one whose work falls short."""
    if GAVE_AFTER.match(key, mention.end):
        return True
    return bool(
        _DIRECTED_AFTER.match(key, mention.end)
        and _TASKS_BEFORE.search(key, max(0, mention.start - 30), mention.start)
    )


#: Who states shortcomings before their noun ("chỉ ra một số hạn chế", "nêu lên những tồn tại"):
#: named in general they are none, but listed after the colon each is one.
_STATED_LIST = re.compile(r"\b(?:chi ra|chi ro|neu len|neu ra)\b[^.;:]{0,40}$")
_GOOD_AND_BAD = re.compile(r"\b(?:thuan loi|uu diem|ket qua|mat duoc)\b")


#: A lead-in that says what it lists was done well ("đến nay đã có 10 nội dung được thực hiện
#: hiệu quả, đó là: ..."): its list is of merits, whatever the sentence opened on.
_MERITS_LISTED = re.compile(
    r"\b(?:duoc thuc hien (?:co |rat |kha )?(?:hieu qua|tot)|thuc hien (?:co )?hieu qua|"
    r"dat va vuot|hoan thanh (?:tot|dat|vuot))\b[^.;:]{0,30}$"
)


def _lists_merits(key: str, intro: Clause) -> bool:
    """Whether the clause before a ``:`` announces a list of what was done well."""
    intro_key = key[intro.start : intro.start + len(intro.text)]
    return bool(_MERITS_LISTED.search(intro_key)) and not NEGATIVE.search(intro_key)


#: The word before a list of instances ("… như:", "… là:", "… gồm:"); not "như sau:", "sau đây:",
#: "cụ thể:", which announce statements of their own.
_INSTANCES_AFTER = re.compile(r"(?<!\bcu the )\b(?:nhu|do la|la|gom|bao gom)\s*$")
#: A lead-in on many things judged, then their instances after "như:" ("Nhiều sắc thuế đạt thấp
#: như: thu cấp quyền khai thác khoáng sản, thuê đất, …"): one shortcoming, announced by no noun
#: of shortcomings; not the bodies or criteria listed after "gồm:", "là:" ("còn 6 tiêu chí chưa
#: đạt gồm: …", what stands, as the read labels leave it).
_MANY_LIKE = re.compile(r"\W*nhieu\s[^;:]*\bnhu\s*$")
#: "…, trong đó, …": what follows names the part of what was announced before it.
_WITHIN = re.compile(r"\btrong do\b")


def _instances_listed(key: str, low: str, clauses: Sequence[Clause], colon: int) -> bool:
    """Whether the lead-in before the ``:`` that opens ``clauses[colon]`` states a shortcoming of
    its own and the list after it names its instances ("người dân chưa có ý thức giữ gìn vệ sinh
    môi trường như: đổ rác thải bừa bãi, …", "3 đơn vị … chưa xác định được lịch đại hội là:
    Đảng bộ phường A, …"): one limitation, the lead-in with its list. Not a lead-in that only
    announces ("còn một số hạn chế như:", "…, trong đó:"), whose judgement is its noun, nor a list
    whose first entry judges on its own ("…: rác thải … còn tồn đọng; …", "…: công tác tuyên truyền
    còn hình thức; …")."""
    intro, first = clauses[colon - 1], clauses[colon]
    i_end = intro.start + len(intro.text)
    intro_key = key[intro.start : i_end]
    if not _INSTANCES_AFTER.search(intro_key.rstrip(" ,")):
        return False
    after = intro.start  # its own judgement comes after the nouns that announce
    for noun in LIMIT_NOUN.finditer(key, intro.start, i_end):
        after = noun.end()
    within = _WITHIN.search(key, after, i_end)
    after = within.end() if within else after
    overcome = _TO_OVERCOME.search(low, after, i_end)  # "hạn chế cần khắc phục như:" announces
    after = overcome.end() if overcome else after
    return (
        _judged(key, low, after, i_end) is not None
        and _negative(key, low, first.start, first.start + len(first.text)) is None
    )


#: The comments made on a body, before the list of them ("Nội dung góp ý (đối với) công an
#: huyện chủ yếu là:", "Các ý kiến góp ý cho UBND xã tập trung vào:"): the ones that judge are
#: that body's shortcomings.
_COMMENTS_ON = re.compile(r"\b(?:noi dung|(?:cac |nhung )?y kien) gop y\b")


def _announces(intro_key: str, sentence_key: str) -> bool:
    """Whether the clause before a ``:`` announces limitations (not the bodies a reprimand names:
    "phê bình thủ trưởng tám đơn vị gồm: Sở X; Sở Y; … vì …", one shortcoming)."""
    if SPEECH_VERB.search(intro_key) and not LIMIT_NOUN.search(intro_key):
        return False
    if _CRITICISM.search(intro_key) and not LIMIT_NOUN.search(intro_key):
        return False
    if _COMMENTS_ON.search(intro_key):
        # "Nội dung góp ý công an huyện chủ yếu là: A còn chậm; …": what the comments judge
        return True
    noun = LIMIT_NOUN.search(intro_key)
    if (
        noun
        and _STATED_LIST.search(intro_key[: noun.start()])
        and ENUMERATION_END.search(intro_key.rstrip(" ,"))
        and not _GOOD_AND_BAD.search(intro_key)
    ):
        # "Đoàn kiểm tra chỉ ra một số hạn chế cần khắc phục như: A; B": stated, and listed
        # (not "nêu lên những thuận lợi, khó khăn ... như:", the topics of both)
        return True
    if noun and not LIMIT_NOUN_OVERCOME.search(intro_key[: noun.start()]):
        # "mặc dù còn nhiều khó khăn, song ... đạt nhiều kết quả trên các mặt như:" lists
        # achievements: the difficulty is conceded, not announced
        return not _TURNS_POSITIVE.search(intro_key, noun.end())
    return bool(CONTRAST_OPEN.match(sentence_key))


#: Negative words that name a topic as often as they judge ("khó khăn", "vướng mắc", "vi phạm":
#: "nêu những thuận lợi, khó khăn", "22 trường hợp vi phạm"): not enough, alone, to read a
#: ``;``-part as a finding.
_TOPIC_NEGATIVES = frozenset(
    ["kho khan", "vuong mac", "vi pham", "ton tai", "bat cap", "hinh thuc"]
)


def _judged(key: str, low: str, start: int, end: int) -> re.Match[str] | None:
    """The first negative evaluation in ``key[start:end]`` that judges (:func:`_negative`, not a
    word of :data:`_TOPIC_NEGATIVES`)."""
    m = _negative(key, low, start, end)
    while m is not None and m.group() in _TOPIC_NEGATIVES:
        m = _negative(key, low, m.end(), end)
    return m


def extract_limitations(
    paragraphs: Sequence[Paragraph],
    resolver: UnitResolver,
    partner: str | None = None,
    *,
    rules_only: bool = False,
) -> tuple[list[LimitationDraft], set[tuple[str, int]]]:
    """The limitations, and the clauses they were read from (sentence, offset).

    ``partner``: the one unit of a working session, given to what names no unit (unless its
    subject is collective: "một số xã"). ``rules_only``: what the rules find, the model left
    out (and nothing recorded for training).
    """
    found: list[LimitationDraft] = []
    taken: set[tuple[str, int]] = set()
    spans: list[tuple[str, int, int, LimitationDraft]] = []
    carry: _Intro | None = None
    headed: _Intro | None = None  # the list a heading about shortcomings opened
    headed_level = 0  # how deep that heading is

    def add(
        sentence: str, clause: Clause, intro: _Intro | None, named_before: int | None = None
    ) -> None:
        if (sentence, clause.start) in taken:
            return
        item = _limitation_of(sentence, clause, resolver, intro, partner, named_before)
        if item is not None:
            found.append(item)
            taken.add((sentence, clause.start))
            spans.append((sentence, clause.start, clause.start + len(clause.text), item))

    before_para = 0  # how many were found before the previous paragraph
    seen_before = 0
    for para in paragraphs:
        before_para, seen_before = seen_before, len(found)
        pkey = fold_aligned(para.text)
        if para.kind == "heading":
            level = heading_level(para.text)
            if headed is not None and level > max(headed_level, 0) and topic_heading(pkey):
                # "II. HẠN CHẾ, TỒN TẠI" then "1. Về công tác cán bộ": a topic of the section,
                # whose entries are shortcomings
                carry = headed
                continue
            limit_heading = HEADING_LIMIT.search(pkey)
            carry = _Intro(None) if limit_heading and not HEADING_DIRECTIVE.search(pkey) else None
            headed, headed_level = carry, level
            continue
        active = carry if (carry and (LIST_MARKER.match(para.text) or carry.announced)) else None
        # "I. TỒN TẠI, HẠN CHẾ" then "1. Số ca mắc tăng cao …": an entry listed under a heading
        # that names shortcomings is one, whatever its words
        entry = active is not None and active is headed and LIST_MARKER.match(para.text)
        if carry and not LIST_MARKER.match(para.text) and not has_negative(para.text):
            carry = None
        for index, sentence in enumerate(para.sentences):
            key, low = fold_aligned(sentence), lower_aligned(sentence)
            modal = MODAL.search(_TO_OVERCOME.sub("", low))
            clauses = split_clauses(sentence)
            weighed_before = _weighed_before(para, index, key, resolver)
            if entry and not modal:
                for clause in clauses:
                    add(sentence, clause, active)
                continue
            for clause in clauses:
                if _asked_because(sentence, clause.start, clause.start + len(clause.text)):
                    add(sentence, clause, None)  # "có biện pháp ..., vì tỷ lệ ... còn thấp"
            colon = next(
                (
                    i
                    for i, c in enumerate(clauses)
                    if c.after == ":" and not (i > 0 and _lists_merits(key, clauses[i - 1]))
                ),
                None,
            )
            if colon is not None and colon > 0:
                intro = clauses[colon - 1]
                intro_key = key[intro.start : intro.start + len(intro.text)]
                intro_low = low[intro.start : intro.start + len(intro.text)]
                if (
                    _announces(intro_key, key)
                    or (
                        _MANY_LIKE.match(intro_key) is not None
                        and _instances_listed(key, low, clauses, colon)
                    )
                ) and not MODAL.search(_TO_OVERCOME.sub("", intro_low)):
                    # "Đoàn kiểm tra đã chỉ ra những hạn chế như: ...": who states them is not
                    # whose they are
                    mentions = [
                        m for m in resolver.mentions(sentence) if not _STATES.match(key, m.end)
                    ]
                    intro_end = intro.start + len(intro.text)
                    unit = _first_usable(mentions, intro.start, intro_end)
                    named = [
                        m
                        for m in mentions
                        if intro.start <= m.start < intro_end
                        and (_usable(m) or m.role == "collective")
                    ]
                    if len({_value(m) or m.text for m in named}) > 1:
                        unit = None  # "hoạt động của HĐND huyện, HĐND xã ...": several bodies
                    elif not named:
                        unit = weighed_before or _bare_level_unit(
                            sentence, key, intro.start, intro_end, resolver
                        )
                    active = _Intro(unit)
                    # (of the comments listed, only those that judge: the rest propose)
                    listed = bool(ENUMERATION_END.search(intro_key.rstrip(" ,"))) and not (
                        _COMMENTS_ON.search(intro_key)
                    )
                    if _instances_listed(key, low, clauses, colon):
                        # "tại một số nơi người dân chưa có ý thức … như: đổ rác …; …": the
                        # lead-in states the shortcoming, its list the instances of it
                        with_list = Clause(sentence[intro.start :], intro.start, intro.after)
                        add(sentence, with_list, active, named_before=intro_end)
                        continue
                    for clause in clauses[colon:]:
                        c_end = clause.start + len(clause.text)
                        if listed or _negative(key, low, clause.start, c_end):
                            add(sentence, clause, active)
                    if sentence is para.sentences[-1] and sentence.rstrip().endswith(":"):
                        carry = active
                    continue
            beside = [
                (c, at)
                for c in clauses
                if (at := _beside_request(sentence, key, low, c.start, c.start + len(c.text)))
                is not None
            ]
            if beside:
                # a shortcoming and a request joined with a comma: the part of each kind is
                # its own item ("…, tuy nhiên, đến thời điểm này vẫn còn không ít vướng mắc")
                for clause, begin in beside:
                    c_end = clause.start + len(clause.text)
                    ahead = _TASK_AHEAD_AFTER_COMMA.search(key, begin, c_end)
                    c_end = (
                        _request_after(key, low, begin, c_end)
                        or (ahead.start() if ahead is not None else None)
                        or c_end
                    )
                    add(sentence, Clause(sentence[begin:c_end], begin, clause.after), active)
                continue
            if modal and active is None:
                continue
            if modal and active is not None and active.announced:
                continue  # a task among the shortcomings announced: they go on after it
            if not modal and _ANNOUNCES_LIMITS.search(key):
                mentions = resolver.mentions(sentence)
                said_by = _ACCORDING_TO.match(key)
                first = _first_usable(mentions, said_by.end() if said_by else 0, len(sentence))
                if first is None and not any(m.role == "collective" for m in mentions):
                    first = _bare_level_unit(sentence, key, 0, len(sentence), resolver)
                active = _Intro(first, announced=True)
                continue
            inline = LIMIT_INLINE_INTRO.search(key, 0, clauses[0].start + len(clauses[0].text))
            if inline and len(clauses) > 1 and not modal:
                noun_at = LIMIT_NOUN.search(key, inline.start())
                before_noun = key[: noun_at.start() if noun_at else inline.start()]
                if not LIMIT_NOUN_OVERCOME.search(before_noun) or (
                    LIMIT_NOUN_STATED.search(before_noun)
                    and LIMIT_STATED_LIST.search(key, inline.start(), inline.end())
                ):
                    # "... còn nhiều hạn chế do X; Y; Z": every clause is one
                    active = active or _Intro(None)
                    for clause in clauses:
                        add(sentence, clause, active)
                    continue
            contrast = CONTRAST_OPEN.match(key)
            so_far = SO_FAR_NEGATIVE.match(key)  # "Đến nay, chưa có xã nào ...": as a contrast
            if contrast is None and len(found) > before_para:
                # "Ngoài ra, X gây áp lực ...": more shortcomings after those just stated
                contrast = _MORE_OPEN.match(key)
            # "Thậm chí có dự án kéo dài … nhưng vẫn dở dang": worse still, in a family's words
            even = contrast is not None and contrast.group().endswith("tham chi")
            if (
                so_far or (contrast and _judged_more(key, low, contrast.end(), len(key), even))
            ) and not modal:
                active = active or _Intro(weighed_before)
                for clause in clauses:
                    if _judged_more(key, low, clause.start, clause.start + len(clause.text), even):
                        add(sentence, clause, active)
                continue
            if contrast and LIMIT_NOUN.search(key):
                first = _first_usable(resolver.mentions(sentence), 0, len(sentence))
                active = _Intro(first or weighed_before)
                continue
            asks = _speech_verb(key, low, 0, len(key)) if active is not None else None
            if asks is not None and asks.group() in ("de nghi", "yeu cau"):
                active = None  # "Đoàn ... đề nghị ... khắc phục những hạn chế": a request
            # a motto quoted ("theo tinh thần: “…, khởi công những nhà chưa khởi công”") is the
            # words of a plan, no judgement
            bare_key, bare_low = _without_mottos(key), _without_mottos(key, low)
            if active is not None and _negative(bare_key, bare_low) and not modal:
                for clause in clauses:
                    c_end = clause.start + len(clause.text)
                    if _negative(bare_key, bare_low, clause.start, c_end):
                        add(sentence, clause, active)
                continue
            concedes = _CONCEDES.search(low)
            finds = _FINDS.search(low)
            conceded = _conceded_then(key, low)
            inside = _CONTRAST_INSIDE.search(low) or conceded or concedes or finds
            if inside and not modal and _negative(key, low, inside.end()):
                # "…, dù TP đã chỉ đạo quyết liệt nhưng còn diễn biến phức tạp …": who did well
                # in the concession is not what the subjectless contrast judges
                whole = (
                    inside is not concedes
                    and inside is not finds
                    and inside is not conceded
                    and _SUBJECTLESS.match(key, inside.end()) is not None
                )
                # "mặc dù huyện đã ..., song các vấn đề như X vẫn chưa ...; Y chưa ...": what
                # follows the contrast is the limitation, and so are the next negative clauses;
                # "... đánh giá cao kết quả Ban X đã thực hiện, tuy nhiên, việc Y còn thiếu sót":
                # what names no unit is about the unit whose work was weighed before it
                if active is None and inside is not finds and not whole:
                    weighed = [
                        m
                        for m in resolver.mentions(sentence)
                        if m.end <= inside.start()
                        and _usable(m)
                        and not _PLURAL_OF.search(key, max(0, m.start - 60), m.start)
                    ]
                    if weighed:
                        active = _Intro(weighed[-1])
                if active is None and inside is finds:
                    # "Theo kết luận, Ban Thường vụ Huyện ủy X đã vi phạm ...; thiếu trách
                    # nhiệm ...": the body found at fault owns the findings that name no other
                    found_at_fault = _first_usable(
                        resolver.mentions(sentence), finds.end(), len(sentence)
                    )
                    if found_at_fault is not None and (
                        _negative(key, low, found_at_fault.end, len(key)) is not None
                    ):
                        active = _Intro(found_at_fault)
                for clause in clauses:
                    c_end = clause.start + len(clause.text)
                    if c_end <= inside.end():
                        continue
                    begin = max(clause.start, inside.end())
                    if whole and clause.start <= inside.start() < c_end:
                        # the subject before the contrast, after the frame ("Theo báo cáo của
                        # UBND xã X, mặt đê … đã được cứng hóa, tuy nhiên đã xuống cấp …")
                        begin = _skip_lead(key, clause.start, c_end)
                        frame = _AT_MEETING.match(key, begin, c_end) or _REPORTED_BY.match(
                            key, begin, c_end
                        )
                        begin = frame.end() if frame else begin
                    if concedes is not None and clause.start <= concedes.start() < c_end:
                        # "X tuy có tập trung nhưng còn kéo dài": X, conceded and then judged,
                        # is the limitation's subject (after the frame, or an "..." before it)
                        begin = _skip_lead(key, clause.start, c_end)
                        frame = _AT_MEETING.match(key, begin, c_end)
                        begin = frame.end() if frame else begin
                        dots = low.rfind("...", begin, concedes.start())
                        begin = dots + 3 if dots >= 0 else begin
                    if _negative(key, low, begin, c_end):
                        add(sentence, Clause(sentence[begin:c_end], begin, clause.after), active)
                active = active or _Intro(None)
                continue
            criticism = _CRITICISM.search(key)
            criticised_for = criticism and _CRITICISED_FOR.search(low, criticism.end())
            if criticism and not modal and (_negative(key, low, criticism.end()) or criticised_for):
                # "Bí thư Tỉnh ủy phê bình TP X, mà trực tiếp là các cán bộ ... chưa quyết liệt":
                # what the leader criticises is the shortcoming, of whom he criticises
                for clause in clauses:
                    c_end = clause.start + len(clause.text)
                    begin = max(clause.start, criticism.end())
                    asks = _speech_verb(key, low, begin, c_end)
                    comma = key.rfind(",", begin, asks.start()) if asks is not None else -1
                    what_for = _CRITICISED_FOR.search(low, begin, c_end)
                    if (
                        asks is not None
                        and comma > begin
                        and LEADER_REF.search(key, comma, asks.start())
                        and not (what_for and comma < what_for.start() < asks.start())
                    ):
                        # "Sau khi phê bình vì X, Chủ tịch UBND tỉnh yêu cầu ...": X, not the
                        # request after it; not the heads criticised, listed before what for
                        # ("phê bình Giám đốc Sở X, Chủ tịch UBND huyện Y vì chưa nghiêm túc
                        # trong việc chỉ đạo …")
                        c_end = comma
                    if criticised_for and begin <= criticised_for.start() < c_end:
                        # "phê bình Giám đốc Sở X; Chủ tịch UBND các huyện … trong việc …": the
                        # bodies criticised, listed with ";", and what for are one shortcoming
                        begin = criticism.end()
                        add(sentence, Clause(sentence[begin:c_end], begin, clause.after), None)
                    elif (
                        what_for is not None
                        and what_for.start() < c_end
                        and _CRITICISM.search(key, begin, what_for.start())
                    ) or (begin < c_end and _negative(key, low, begin, c_end)):
                        # (and a part after ";" that criticises again, whatever its words: "…;
                        # phê bình Chủ tịch UBND các huyện A, B vì không phối hợp …")
                        add(sentence, Clause(sentence[begin:c_end], begin, clause.after), None)
                active = None
                continue
            findings = [c for c in clauses if _judged(key, low, c.start, c.start + len(c.text))]
            judged = (
                _judged(key, low, findings[0].start, findings[0].start + len(findings[0].text))
                if findings
                else None
            )
            subject = (
                _first_usable(resolver.mentions(sentence), findings[0].start, judged.start())
                if judged is not None
                else None
            )
            if (
                subject is not None
                and judged is not None
                and AT_MANY.search(key, subject.end, judged.start())
            ):
                subject = None  # a body named on the way to the bodies the fault is placed at
            if (
                not modal
                and subject is not None
                and len(findings) >= 2
                and all(c.after == ";" for c in clauses[1:])
                and _speech_verb(key, low, 0, len(key)) is None
            ):
                # "UBND xã X thực hiện chế độ họp chưa đầy đủ; tổ chức thực hiện quy chế không
                # đúng thẩm quyền; ...": findings listed with ";", each a shortcoming of the body
                # the first names (one that names none is left to the model, which gives it the
                # unit of the shortcoming before it)
                for clause in findings:
                    add(sentence, clause, _Intro(subject))
                active = None
                continue
            active = None
            shortfall = next(
                (
                    m
                    for m in SHORTFALL.finditer(key)
                    # "thiếu" with its tone: not "giới thiệu nhân sự"
                    if "thieu" not in m.group() or LACKING.search(low, m.start(), m.end())
                ),
                None,
            )
            if shortfall and not modal:
                clause = next(
                    c for c in clauses if c.start <= shortfall.start() < c.start + len(c.text) + 1
                )
                add(sentence, clause, None)
            elif not modal:
                # "công tác phát triển đảng viên mới chỉ đạt 40% chỉ tiêu": the share that is
                # all that was done judges the rest undone, with no contrast before it; its
                # subject, when the clause names none, the sentence's ("huyện X thu ngân sách
                # được 10,5 tỷ đồng; nâng tổng thu ... mới đạt 42,4% kế hoạch"); not in a clause
                # that asks ("chỉ đạo các ngành ..., không để tình trạng ... chỉ đạt 54%")
                for clause in clauses:
                    c_end = clause.start + len(clause.text)
                    share = _only_so_far(key, low, clause.start, c_end)
                    if (
                        share is not None
                        and _negative(key, low, share.end(), c_end) is None
                        and not _asks(sentence, clause.start, c_end)
                    ):
                        subject = _first_usable(resolver.mentions(sentence), 0, clause.start)
                        add(
                            sentence,
                            clause,
                            _Intro(_place_as_subject(key, subject)) if subject else None,
                        )
            if not modal:
                # "Công tác giải phóng mặt bằng còn chậm", "tỷ lệ giải ngân còn thấp": a work
                # judged in the words of a shortcoming's family, whatever the words around it
                # (not the lead-in of a list, nor a clause that asks, nor a cause listed after
                # "là do": "… giải quyết chậm là do A; việc cung cấp tài liệu chậm", one item);
                # and what an inspection found, after its frame, told in a negative word ("Kết
                # quả kiểm tra cho thấy UBND xã X … không thực hiện công khai")
                for i, clause in enumerate(clauses):
                    c_end = clause.start + len(clause.text)
                    finding = _finding_start(key, clause.start, c_end)
                    if (
                        (
                            _work_judged(key, low, clause.start, c_end)
                            or (
                                finding is not None
                                and (
                                    _negative(key, low, finding, c_end) is not None
                                    or any(p.search(low, finding, c_end) for p in _FINDING_JUDGED)
                                )
                            )
                        )
                        and not (i + 1 < len(clauses) and clauses[i + 1].after == ":")
                        and not _asks(sentence, clause.start, c_end)
                        and not _CAUSES_LISTED.search(key, 0, clause.start)
                    ):
                        add(sentence, clause, None)
        if active is not None and active.announced:
            carry = active  # "... còn không ít hạn chế." ending a paragraph: the next states them
    model = clause_model.active_limitations()
    if rules_only or (model is None and clause_model.LIMIT_RECORDER is None):
        return found, taken
    return _limitation_model(paragraphs, resolver, partner, spans, model)


def _limitation_of(
    sentence: str,
    clause: Clause,
    resolver: UnitResolver,
    intro: _Intro | None,
    partner: str | None,
    named_before: int | None = None,
) -> LimitationDraft | None:
    """The limitation ``clause`` of ``sentence`` states; with ``named_before``, its unit read
    from the bodies named before that offset alone (not those a list after its lead-in names)."""
    mentions = resolver.mentions(sentence)
    if named_before is not None:
        mentions = [m for m in mentions if m.start < named_before]
    item = _limitation(sentence, clause, mentions, intro, partner)
    return None if item is None else partners_limitation(item, partner)


def headline_owner(headline: str, resolver: UnitResolver) -> str | None:
    """The one unit whose shortcoming a headline states, as the rules alone read it ("Thời gian
    qua, xã Thạch Hải đã nỗ lực … Tuy nhiên vẫn còn nhiều nỗi lo, … tiến độ chậm so với kế
    hoạch": xã Thạch Hải); None when it states none, or none with one unit."""
    para = Paragraph("body", headline, tuple(split_sentences(headline)))
    told, _ = extract_limitations([para], resolver, rules_only=True)
    owners = {item.unit for item in told}
    return owners.pop() if len(owners) == 1 and None not in owners else None


def partners_limitation(item: LimitationDraft, partner: str | None) -> LimitationDraft:
    """A shortcoming stated at a working session with one unit that names no unit is that
    unit's, unless its subject is no one body ("một số xã", "một số hộ dân")."""
    if item.unit is None and partner is not None and not _no_one_body(item.text):
        return LimitationDraft(item.text, partner, item.category, item.source)
    return item


#: A paragraph that gives what it states to the bodies inspected together ("Đoàn yêu cầu các
#: địa phương nghiêm túc khắc phục"): its shortcomings are many bodies', no one body's.
_INSPECTED_MANY = re.compile(r"\bcac (?:dia phuong|don vi)\b")


def overseen_limitations(
    items: Sequence[LimitationDraft],
    paragraphs: Sequence[Paragraph],
    bodies: Sequence[str],
    resolver: UnitResolver,
) -> list[LimitationDraft]:
    """The shortcomings that name no unit, in an article about the bodies an act of oversight
    names (:func:`~dirtrack.extract.units.overseen_bodies`: the body inspected, visited,
    supervised, reviewed or reprimanded): with one body, that body's; with several visited in
    turn ("Tại xã A, … Đối với xã B, …"), the one the paragraph that states them names, when it
    names one of them and no other. A collective subject ("một số xã") stays without a unit, and
    so does what a paragraph gives to the bodies inspected together ("các địa phương")."""
    if len(bodies) == 1:
        many = {
            s
            for p in paragraphs
            if _INSPECTED_MANY.search(fold_aligned(p.text))
            for s in p.sentences
        }
        return [
            item if item.source in many else partners_limitation(item, bodies[0]) for item in items
        ]
    if len(bodies) < 2:
        return list(items)
    keys = [(body, unit_key(body)) for body in bodies]
    in_force: dict[str, str] = {}
    for para in paragraphs:
        named: list[str] = []
        for sentence in para.sentences:
            for mention in resolver.mentions(sentence):
                if mention.affiliation or mention.name is None:
                    continue
                said = unit_key(mention.name)
                for body, key in keys:
                    if (said.endswith(key) or key.endswith(said)) and body not in named:
                        named.append(body)
            if len(named) == 1:
                in_force.setdefault(sentence, named[0])
    return [
        partners_limitation(item, in_force.get(item.source or "")) if item.unit is None else item
        for item in items
    ]


def _limitation_features(
    para: Paragraph, index: int, clause: Clause, position: int, rule: bool
) -> list[str]:
    """What the limitations' model reads of a clause: its words, the words before it, and what
    the language around it marks (a negative evaluation, a contrast, a noun of shortcomings
    before it or in the sentence before, a modal, a request, praise, the past)."""
    sentence = para.sentences[index]
    key, low = fold_aligned(sentence), lower_aligned(sentence)
    end = clause.start + len(clause.text)
    start = _skip_lead(key, clause.start, end)
    ckey, clow = key[start:end], low[start:end]
    before = key[:start]
    previous = fold_aligned(para.sentences[index - 1]) if index else ""
    head = " ".join(ckey.split()[:3])
    feats = clause_model.text_features(ckey, before)
    feats += clause_model.flags(
        neg=_negative(key, low, start, end) is not None,
        neg_before=_negative(key, low, 0, start) is not None,
        contrast=CONTRAST_OPEN.match(key) is not None,
        contrast_inside=_CONTRAST_INSIDE.search(low, 0, end) is not None,
        noun_in=LIMIT_NOUN.search(ckey) is not None,
        noun_before=LIMIT_NOUN.search(before) is not None,
        noun_prev=LIMIT_NOUN.search(previous) is not None,
        announce_prev=_ANNOUNCES_LIMITS.search(previous) is not None,
        modal=MODAL.search(clow) is not None,
        modal_before=MODAL.search(low[:start]) is not None,
        asks=_speech_verb(key, low, 0, end) is not None,
        praise=PRAISE.search(ckey) is not None,
        past=re.search(r"\b(?:da|vua)\b", head) is not None,
        collective=COLLECTIVE_SUBJECT.match(ckey) is not None,
        shortfall=SHORTFALL.search(ckey) is not None,
        after_colon=clause.after == ":",
        after_semicolon=clause.after == ";",
        first_clause=position == 0,
        first_sentence=index == 0,
        listed=LIST_MARKER.match(para.text) is not None,
        rule=rule,
    )
    return feats + shortcoming_families(clow)


def shortcoming_families(clow: str) -> list[str]:
    """The families of shortcoming words a clause's lower-case text holds
    (:data:`~dirtrack.extract.lexicon.SHORTCOMING_FAMILIES`), and whether two or more judge."""
    found = [name for name, pattern in SHORTCOMING_FAMILIES if pattern.search(clow)]
    judging = sum(1 for name in found if name not in CONTEXT_FAMILIES)
    return [f"fam:{name}" for name in found] + (["fams:2+"] if judging > 1 else [])


def _limitation_model(
    paragraphs: Sequence[Paragraph],
    resolver: UnitResolver,
    partner: str | None,
    spans: Sequence[tuple[str, int, int, LimitationDraft]],
    model: clause_model.Model | None,
) -> tuple[list[LimitationDraft], set[tuple[str, int]]]:
    """Every clause of the body is a candidate; the model keeps what the rules found when it
    agrees and adds what they passed over (the rules' items, as they read them). While the
    training script records, the rules decide alone."""
    found: list[LimitationDraft] = []
    taken: set[tuple[str, int]] = set()
    used: set[int] = set()
    tasks_heading = False  # whether the section's heading announces tasks ("II. NHIỆM VỤ …")
    tasks_asked = False  # whether the paragraph before asks for the entries under it
    # the unit of the last shortcoming taken, and the paragraph it stands in
    before: tuple[int, str | None] = (-2, None)

    def added_to(item: LimitationDraft, at: int, sentence: str) -> LimitationDraft:
        """A shortcoming that names no unit, in a sentence that adds to the shortcoming just
        before it (in its paragraph or the one before: "Cùng với đó, hạ tầng … xuống cấp"), is
        of that shortcoming's unit, unless its subject is collective or plural ("một số doanh
        nghiệp …": a subject of its own)."""
        nonlocal before
        if (
            item.unit is None
            and before[1] is not None
            and before[0] >= at - 1
            and _ADDS_OPEN.match(fold_aligned(sentence))
            and not _no_one_body(item.text)
            and not _PLURAL_WORD.match(fold_aligned(item.text))
        ):
            item = LimitationDraft(item.text, before[1], item.category, item.source)
        before = (at, item.unit)
        return item

    for at, para in enumerate(paragraphs):
        pkey = fold_aligned(para.text)
        if para.kind == "heading":
            if not topic_heading(pkey):
                tasks_heading = bool(
                    HEADING_DIRECTIVE.search(pkey) and not HEADING_LIMIT.search(pkey)
                )
            tasks_asked = False
            continue
        # an entry of a list of tasks ("Giao Sở Tài chính các nhiệm vụ sau:", then "- Tham mưu bố
        # trí kinh phí sửa chữa hồ chứa xuống cấp"; or under "II. NHIỆM VỤ …") is a task, whatever
        # its words: the model adds no shortcoming of it
        listed_task = LIST_MARKER.match(para.text) is not None and (tasks_heading or tasks_asked)
        if LIST_MARKER.match(para.text) is None and para.sentences:
            closing = para.sentences[-1]
            tasks_asked = closing.rstrip().endswith(":") and _asks(closing, 0, len(closing))
        last: str | None = None  # the unit of the paragraph's last shortcoming, taken or not
        for index, sentence in enumerate(para.sentences):
            if last is not None and not _met_in_lead(last, resolver):
                # a subject left out is that of the part before it in the same sentence ("UBND
                # xã chưa công bố ...; chưa thực hiện ..."); a later sentence without one goes on
                # with it only when the lead names that unit (an inspection "tại UBND xã X"):
                # elsewhere it states a shortcoming of its own
                last = None
            clauses = split_clauses(sentence)
            explain: str | None = None  # the body a lead-in asks to explain what it lists
            for position, clause in enumerate(clauses):
                end = clause.start + len(clause.text)
                # the clause that announces a list ("việc dự báo còn hạn chế: ...") is not added
                announces = position + 1 < len(clauses) and clauses[position + 1].after == ":"
                if announces:
                    # "Ban đề nghị UBND xã làm rõ các vấn đề: A; B": the entries are what the
                    # body asked must explain, whatever the rules or the model read of them
                    explain = _asked_to_explain(
                        fold_aligned(sentence), resolver.mentions(sentence), clause.start, end
                    )
                    last = explain or last
                if announces and last is None:
                    skey = fold_aligned(sentence)
                    mentions = resolver.mentions(sentence)
                    if _first_usable(mentions, 0, end) is None:
                        # "Tuy nhiên, ... trên địa bàn xã còn một số khó khăn ... như: A; B": the
                        # entries go on with the place the lead-in names by its bare level
                        place = _bare_level_unit(sentence, skey, 0, end, resolver)
                        last = _value(place) if place is not None else None
                ruled = [
                    (i, span)
                    for i, span in enumerate(spans)
                    if i not in used
                    and span[0] == sentence
                    and span[1] < end
                    and span[2] > clause.start
                ]
                if not ruled and any(
                    i in used and span[0] == sentence and span[1] < end and span[2] > clause.start
                    for i, span in enumerate(spans)
                ):
                    # inside what the rules found across clauses ("phê bình A; B trong việc …")
                    continue
                text = tidy(clause.text)
                if len(text.split()) < 3 and not ruled:
                    continue
                feats = _limitation_features(para, index, clause, position, bool(ruled))
                if clause_model.LIMIT_RECORDER is not None:
                    # labelled by what the rules draft of it: the shortcoming a rule cuts out
                    # of the clause ("…, dù TP đã chỉ đạo … nhưng còn diễn biến phức tạp …")
                    clause_model.LIMIT_RECORDER.append(
                        clause_model.Candidate(
                            sentence,
                            text,
                            feats,
                            bool(ruled),
                            drafted=ruled[0][1][3].text if ruled else None,
                        )
                    )
                take = bool(ruled) if model is None else model.decide(feats, bool(ruled))
                if take and not ruled and _ANNOUNCES_LIMITS.search(fold_aligned(sentence)):
                    # "các ý kiến chỉ ra còn không ít hạn chế, bất cập.": it announces them, the
                    # sentences after it state them (the rules' call, the model overruled)
                    take = False
                if ruled:
                    used.update(i for i, _ in ruled)
                    if take:
                        for _, span in ruled:
                            told = span[3]
                            if told.unit is None and explain is not None:
                                told = LimitationDraft(
                                    told.text, explain, told.category, told.source
                                )
                            found.append(added_to(told, at, sentence))
                            taken.add((sentence, span[1]))
                    last = ruled[-1][1][3].unit or last
                    continue
                negative = "neg" in feats
                # nor a task ("Ông nhấn mạnh, không để tình trạng ... chậm kéo dài"), nor the
                # request of the sentence before going on ("... đề nghị UBND tỉnh chỉ đạo ...
                # Đồng thời, rà soát các dự án chậm tiến độ.")
                take = (
                    take
                    and not announces
                    and not listed_task
                    and not _OPINIONS_ABOUT.match(fold_aligned(sentence))
                    and not _in_motto(fold_aligned(sentence), clause.start)
                    and not _asks(sentence, clause.start, end)
                    and not _goes_on_asking(para, index, clauses[:position], clause)
                )
                if not take and not negative:
                    continue
                item = _limitation_of(sentence, clause, resolver, None, partner)
                if item is None:
                    continue
                if item.unit is None and last is not None:
                    # a shortcoming that names no subject goes on with the one before it
                    # ("UBND xã chưa công bố ...; chưa thực hiện ...")
                    if not _no_one_body(item.text):
                        item = LimitationDraft(item.text, last, item.category, item.source)
                elif negative:
                    last = item.unit
                if take:
                    found.append(added_to(item, at, sentence))
                    taken.add((sentence, clause.start))
    # what the rules found outside the body's clauses (none expected) stays
    for i, span in enumerate(spans):
        if i not in used:
            found.append(span[3])
            taken.add((span[0], span[1]))
    # a merit or a concession is read (still taken: no task either) and drafted as no shortcoming
    return [item for item in found if not _merit_or_concession(item.text)], taken


def _conceded_then(key: str, low: str) -> re.Match[str] | None:
    """A merit conceded at a clause's start and the contrast after it (:data:`_CONCEDED_THEN`);
    not a difficulty conceded before the merits ("mặc dù còn gặp khó khăn nhưng với sự chỉ đạo
    … kinh tế duy trì ổn định")."""
    found = _CONCEDED_THEN.search(low)
    if found is None or _negative(key, low, found.start(1), found.end(1)) is not None:
        return None
    return found


def _merit_or_concession(text: str) -> bool:
    """Whether a clause taken for a shortcoming states what was done well without a negative
    word (:data:`MERIT`: "công tác an sinh xã hội được triển khai đồng bộ"), or only what its
    sentence concedes (:data:`CONCESSION_OPEN`: "Mặc dù thời tiết không thuận lợi ...", no
    "nhưng", "song", "vẫn" and no negative word after its first comma), or that no incident
    happened (:data:`_NONE_HAPPENED`: "xã X là địa phương duy nhất chưa xảy ra dịch …"), with no
    negative word. A merit denied ("không xử lý kịp thời", :data:`_MERIT_DENIED`) is none."""
    key, low = fold_aligned(text), lower_aligned(text)
    if _negative(key, low) is None and any(
        _NONE_HAPPENED.match(key, m.end()) for m in re.finditer(r"\bchua\b", key)
    ):
        return True
    if CONCESSION_OPEN.match(low) and not re.search(r"\b(?:nhưng|song|vẫn)\b", low):
        # "Mặc dù ..., tiến độ còn chậm" states the shortcoming after the concession's comma
        comma = text.find(",")
        return comma < 0 or _negative(key, low, comma) is None
    if _negative(key, low) is not None:
        return False
    return any(
        not _MERIT_DENIED.search(low, max(0, m.start() - 30), m.start())
        for m in MERIT.finditer(key)
    )


#: "không"/"chưa" within three words before a merit's word ("không xử lý kịp thời", "chưa
#: triển khai đồng bộ"): the merit denied, a shortcoming. Read with the tones ("sửa chữa kịp
#: thời" is no "chưa").
_MERIT_DENIED = re.compile(r"\b(?:không|chưa)(?:\s+\w+){0,3}\s+$")


#: A request right before the body asked ("đề nghị UBND xã …", "yêu cầu Chủ tịch UBND xã …").
_REQUEST_BEFORE = re.compile(r"\b(?:de nghi|yeu cau)\s+$")


def _asked_to_explain(key: str, mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The one body a lead-in (``key[start:end]``, before a ``:``) asks to explain or clarify
    what it lists ("Ban đề nghị UBND xã làm rõ các vấn đề: A; B", "yêu cầu Chủ tịch UBND xã giải
    trình làm rõ thêm như: …"; a head stands for the body): the entries are that body's
    shortcomings, found in its report. None when the lead-in asks a collective ("yêu cầu các
    sở, ngành, địa phương liên quan làm rõ …") or asks no one to explain."""
    for m in mentions:
        if not start <= m.start < end or not _REQUEST_BEFORE.search(key, start, m.start):
            continue
        if not _CLARIFY.match(key[m.end : end].lstrip()):
            return None  # "làm rõ các vấn đề:", "giải trình làm rõ thêm như:" right after it
        if m.affiliation:
            return m.body
        return _value(m) if _usable(m) else None
    return None


def _goes_on_asking(
    para: Paragraph, index: int, before: Sequence[Clause], clause: Clause | None = None
) -> bool:
    """Whether a clause goes on with a request, so that what it names is asked for, not stated
    as a shortcoming: a sentence that opens with "Đồng thời," after a sentence of its paragraph
    that asks (its first clause after the opener), or a ``;``-part that opens on an imperative
    verb after a request earlier in its sentence ("Quận ủy yêu cầu các cấp ủy cần …; tăng
    cường …; tiếp tục đẩy mạnh … ở những chi bộ còn yếu kém")."""
    if clause is not None and before and clause.after == ";":
        sentence = para.sentences[index]
        key, low = fold_aligned(sentence), lower_aligned(sentence)
        end = clause.start + len(clause.text)
        if IMPERATIVE.match(key[_skip_lead(key, clause.start, end) : end]) and (
            _speech_verb(key, low, 0, before[0].start + len(before[0].text)) is not None
        ):
            return True
    if index == 0 or any(len(tidy(c.text).split()) >= 3 for c in before):
        return False
    if not _ALSO.match(fold_aligned(para.sentences[index])):
        return False
    previous = para.sentences[index - 1]
    return _asks(previous, 0, len(previous))


def _met_in_lead(unit: str, resolver: UnitResolver) -> bool:
    """Whether the lead names ``unit`` as the body met with or inspected: after its first unit,
    the one that meets, visits or inspects (``UnitResolver.lead_others``)."""
    return unit_key(unit) in resolver.lead_others


def _asks(sentence: str, start: int, end: int) -> bool:
    """Whether a clause asks for something: a request verb, "cần"/"phải", "không để", an urging
    "khẩn trương" ("UBND TP. X khẩn trương rà soát các dự án chậm tiến độ")."""
    return _asks_in(fold_aligned(sentence), lower_aligned(sentence), start, end)


def _asks_in(key: str, low: str, start: int, end: int) -> bool:
    """:func:`_asks` on a sentence's key and lower-case text."""
    if _speech_verb(key, low, start, end) is not None or _PROHIBITS.search(key, start, end):
        return True
    if _URGES.search(key, start, end):
        return True
    return MODAL.search(_TO_OVERCOME.sub("", low[start:end])) is not None


_PROHIBITS = re.compile(r"\bkhong (?:de|duoc) (?:tinh trang|xay ra|phat sinh)\b")
#: "khẩn trương" urging the work, not a want of it ("chưa khẩn trương", "thiếu khẩn trương").
_URGES = re.compile(r"(?<!\bchua )(?<!\bthieu )(?<!\bkhong )(?<!\bkem )\bkhan truong\b")


# --- directives -----------------------------------------------------------------------------


_MEETING_BEFORE = re.compile(r"\b(?:buoi lam viec|cuoc hop|hoi nghi|phien hop)\s*$")
#: A visit reported as done, joined to the "chỉ đạo" after it ("Phó Chủ tịch … đã đi kiểm tra,
#: chỉ đạo công tác chăm sóc …"): the lead's account of the visit, the tasks come after it.
_VISITED_BEFORE = re.compile(
    r"\b(?:da|vua) (?:di |den |truc tiep )?(?:kiem tra|khao sat|tham)(?: thuc te)?(?:,| va)\s*$"
)
#: A purpose ("để …") whose verbs "và chỉ đạo" goes on: what someone was to do it for, no request.
_PURPOSE_AND = re.compile(r"\bde (?!nghi\b)[^,.;:]{3,120}\bva\s*$")
#: The meeting a "kết luận" concludes ("Kết luận hội nghị, ...", "Kết luận buổi kiểm tra, ..."):
#: the noun, the request comes after it.
_MEETING_AFTER = re.compile(
    r"\s+(?:hoi nghi|buoi lam viec|cuoc hop|phien hop|ky hop|buoi (?:kiem tra|giam sat|khao sat))\b"
)
#: A topic before the request in a conclusion: "Về công tác giải phóng mặt bằng, giao ...",
#: "Đối với dự án X, yêu cầu ...".
_TOPIC = re.compile(r"^\W*(?:ve|doi voi|rieng|rieng doi voi|rieng ve|ve viec)\b[^;:]*,\s*$")
#: "X là một trong những kết luận của đồng chí ...": the task X, named by a news lead.
_CONCLUSION_OF = re.compile(
    r"(?<=\w)(?<!\bdo)(?<!\bday)\s+la (?:mot trong (?:nhung|cac) )?(?:noi dung |y kien )?"
    r"(?:chi dao|yeu cau|ket luan)\s+(?:quan trong\s+)?(?:cua|tai)\b"
)
#: A decision's closing formula ("Giao Giám đốc Sở X; Chủ tịch UBND huyện Y; Thủ trưởng cơ quan
#: có liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký"): who carries the whole
#: document out, no task of its own, whatever its "Giao" (GUIDE.md, "The closing formula").
_EXECUTES_DOCUMENT = re.compile(
    r"\bchiu trach nhiem (?:thi hanh|thuc hien) (?:quyet dinh|chi thi|nghi quyet|quy dinh|"
    r"thong bao|cong dien|van ban) nay\b"
)
#: A request made before the meeting it prepared, and answered at it.
_BEFORE_MEETING = re.compile(
    r"\W*truoc khi (?:tien hanh |to chuc |dien ra |bat dau |vao )?(?:cuoc |buoi |dot )?"
    r"(?:giam sat|hoi nghi|lam viec|hop|ky hop|phien hop|kiem tra|thanh tra|khao sat)\b"
)
#: A sentence that opens on "Trước đó," or "Trước đây," recalls what was asked before the news
#: ("Trước đó, ngày 20/4, UBND TP đã có văn bản chỉ đạo các sở … báo cáo kết quả trước ngày
#: 15/5"): an earlier request, whether met or not, is no task of this text.
_RECALLED = re.compile(r"\W*truoc (?:do|day)\s*,")
#: The day an order was carried out on ("... chỉ đạo các địa phương đồng loạt ra quân vào ngày
#: 12/02"): when it is before the meeting's, the order was given before it, and is reported.
_CARRIED_OUT_ON = re.compile(
    r"\bvao\s+(?:cac\s+)?ngay\s+(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?)(?![\d/])"
)


def _ordered_before(key: str, low: str, held: date | None) -> bool:
    """Whether a sentence reports an order carried out before the meeting held on ``held``
    ("UBND thành phố chỉ đạo các địa phương ra quân vào ngày 12/02", at a meeting of 15/2
    that reviews it): a speech verb, and after it a day before the meeting's."""
    if held is None:
        return False
    verb = _speech_verb(key, low, 0, len(key))
    if verb is None:
        return False
    for m in _CARRIED_OUT_ON.finditer(key, verb.end()):
        try:
            day = resolve("ngay " + m.group(1), held)
        except InvalidInput:
            continue
        if day is not None and day < held:
            return True
    return False


#: A sentence that only names the quotation before it ("Đó là phát biểu chỉ đạo của ..."):
#: the task is the quotation.
_NAMES_QUOTE = re.compile(
    r"\W*(?:do|day) (?:cung )?la (?:mot trong (?:nhung|cac) )?(?:y kien |noi dung |phat bieu )?"
    r"(?:chi dao|yeu cau|ket luan|de nghi)\b"
)


def _names_tasks_before(sentence: str) -> bool:
    """Whether a sentence names what comes before it as a leader's tasks ("Đó là chỉ đạo của
    đồng chí ... tại buổi làm việc ...")."""
    key = fold_aligned(sentence)
    m = _NAMES_QUOTE.match(key)
    return m is not None and re.match(r"\s*(?:quan trong\s+)?cua\b", key[m.end() :]) is not None


def headline_named(headline: str | None, paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """``paragraphs`` with ``headline`` joined before the first when that paragraph opens on
    naming what comes before it as a leader's tasks ("Kiên quyết thu hồi …" then "Đây là chỉ
    đạo của đồng chí … tại cuộc họp …"): the headline is what it names."""
    if headline is None or not paragraphs or paragraphs[0].kind != "body":
        return list(paragraphs)
    first = paragraphs[0]
    if not first.sentences or not _names_tasks_before(first.sentences[0]):
        return list(paragraphs)
    text = headline.strip().rstrip(".") + ". " + first.text
    joined = Paragraph("body", text, (headline.strip(), *first.sentences))
    return [joined, *paragraphs[1:]]


#: "(trên cơ sở ..., tuy nhiên) nhiệm vụ trước mắt là khắc phục ...": the task is what "là"
#: names.
_TASK_IS = re.compile(
    r"\bnhiem vu (?:truoc mat|trong tam|quan trong|chu yeu|hang dau|cap bach)"
    r"(?: (?:hien nay|thoi gian toi|sap toi))? la\s+(?=\w)"
)
#: What a task draws as its consequence from the situation before it ("hiện nay công tác … đang
#: bước vào giai đoạn nước rút, vì vậy cần tập trung …"): the situation is no part of the task.
_SO_THEN = re.compile(r"[^;:]*\b(?:vi vay|vi the|do do|do vay|cho nen|boi vay)\s*,?\s*")
#: A request for the meeting's own discussion ("yêu cầu các đồng chí tham gia dự họp cho ý kiến
#: thảo luận ..."): done at the meeting, nothing to follow up.
_OWN_DISCUSSION = re.compile(
    r"\W*(?:cac|moi) (?:dong chi|dai bieu|thanh vien)(?: tham gia| co mat)?(?: du)? "
    r"(?:hop|hoi nghi|cuoc hop|phien hop|buoi lam viec)\b[^;.]{0,20}?"
    r"\b(?:cho y kien|gop y|thao luan|phat bieu|tap trung thao luan)\b"
)
#: A question session's own conduct: what is questioned at it, who asks and who answers ("tại kỳ
#: họp này sẽ tiến hành chất vấn 4 nhóm vấn đề về: …", "đề nghị các vị đại biểu … để phiên chất vấn
#: thực sự trở thành diễn đàn …", "Các đại biểu đặt câu hỏi …; nêu câu hỏi ngắn gọn", "Người trả
#: lời chất vấn cần đi thẳng …"): done at the session, as its own discussion, nothing to follow up;
#: not "Đại biểu … phải nắm rõ … để trả lời chất vấn trước cử tri" (a task outside it).
_OWN_QUESTIONING = re.compile(
    r"\b(?:phien chat van|tien hanh chat van|nguoi (?:tra loi|duoc) chat van|"
    r"(?:dat|neu) (?:ra )?(?:cac |nhieu )?cau hoi)\b"
)
#: A sentence that reports what the delegates or members did ("Các đại biểu đã trao đổi cách làm
#: hay …; làm rõ những khó khăn …", "Các đại biểu tham dự cuộc họp đã thảo luận các nội dung về:
#: …; …"): the parts after its first name no one and go on with what they did, no task.
#: The delegates' proposals ("các đại biểu đề nghị làm rõ …", "nhiều ý kiến đại biểu kiến nghị
#: …"), and a sentence after them that opens on a bare request ("Đề nghị UBND tỉnh chỉ đạo …"):
#: it goes on with their proposals, which are no directive (GUIDE.md), no one else named asking.
_DELEGATES_PROPOSE = re.compile(
    r"\b(?:cac|nhieu|mot so)\s+(?:y kien\s+)?dai bieu\b[^.;:]{0,40}?"
    r"\b(?:de nghi|kien nghi|de xuat)\b"
)
_BARE_REQUEST = re.compile(r"\W*(?:de nghi|kien nghi)\b")
_DELEGATES_DID = re.compile(r"\W*(?:cac |nhieu )?(?:dai bieu|thanh vien)\b[^;.:]{0,30}?\bda\s")
#: A clause that only says who judges or reports what its colon opens.
_JUDGES = re.compile(
    r"\b(?:nhan dinh|cho rang|danh gia|khang dinh|neu ro|chi ro|nhan xet|cho biet|thong tin|"
    r"bao cao|phat bieu)\s*$"
)
#: A topic heading the task after its colon: "Về công tác y tế:", "Đối với ngành giáo dục:".
#: A sub-heading's number or letter ("1.", "2.1.", "b)"), not a section's Roman numeral.
_SUB_HEADING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s*")
#: A heading's number: a section's Roman numeral, a sub-heading's number ("1.", "2.1."), a letter.
_HEADING_NUMBER = re.compile(
    r"^\s*(?:(?P<roman>[IVX]{1,4})|(?P<num>\d{1,2}(?:\.\d{1,2})*)|[a-zđ])[.)/]"
)
#: A heading that assesses the work done ("I. ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được", "Ưu điểm"):
#: neither tasks nor shortcomings are listed under it.
_ASSESSMENT_HEAD = re.compile(r"\b(?:danh gia|ket qua|uu diem|tinh hinh|thanh tuu|mat duoc)\b")


def heading_level(text: str) -> int:
    """How deep a heading is: 0 for one without a number ("NHIỆM VỤ THỜI GIAN TỚI"), 1 for a
    Roman numeral ("II."), 2 for a number ("1."), one more for each dotted part ("1.1." is 3),
    4 for a letter ("a)")."""
    m = _HEADING_NUMBER.match(text)
    if m is None:
        return 0
    if m["roman"]:
        return 1
    if m["num"]:
        return 1 + len(m["num"].split("."))
    return 4


def topic_heading(key: str) -> bool:
    """Whether a heading (folded) only names a topic ("1. Về công tác xây dựng Đảng", "2. Lĩnh vực
    y tế"): not tasks, shortcomings or an assessment of the work done. Under a section it goes on
    with the section's kind (the entries under "II. NHIỆM VỤ …", then "1. Về công tác …", are
    tasks)."""
    return not (
        HEADING_DIRECTIVE.search(key) or HEADING_LIMIT.search(key) or _ASSESSMENT_HEAD.search(key)
    )


_TOPIC_HEAD = re.compile(r"\W*(?:ve|doi voi|rieng ve|rieng doi voi|linh vuc)\s+[^,;:]*$")
#: A paragraph of a conclusion's list that has no dash: "Về ..., giao ...", "Giao ...".
_TASK_START = re.compile(r"^\W*(?:ve|doi voi|rieng|giao|yeu cau|de nghi)\b")
_FRAMING_VERB = frozenset(["ket luan", "nhan manh", "quan triet"])
#: A frame before the request that names the tasks of a period ("Triển khai nhiệm vụ công tác
#: quý IV, đồng chí ... đề nghị ...", "Nhấn mạnh nhiệm vụ trong tháng 6, hội nghị yêu cầu ..."):
#: that period dates the request.
#: A sentence that opens on the period its request is for ("Trong tháng 9, UBND tỉnh đề nghị
#: ..."): a period still to come (one already past is no deadline) dates what is asked.
_OPENS_ON_PERIOD = re.compile(r"\W*trong\s+(?:thang|quy)\s+[\divx]+(?:\s*(?:/|nam)\s*\d{4})?\s*,")
_TASK_FRAME = re.compile(
    r"\b(?:nhiem vu|trien khai|ke hoach|chuong trinh|phuong huong|muc tieu|chi tieu)\b"
)


#: A period that dates the work a task is about: "các nhiệm vụ cần ... hoàn thành trong ...".
_WORK_DATED = re.compile(
    r"\b(?:nhiem vu|cong viec|viec|noi dung|chi tieu)\s+(?:can|phai|chua|duoc giao)\b[^;.:]*$"
)
#: "đề ra các giải pháp để thực hiện tốt việc duy trì ... trong năm 2020": a period inside the
#: purpose after the task dates the purpose, not the task ("trước ..." still dates the task).
_PURPOSE_DATED = re.compile(r"\s(?:để|nhằm)\s+(?:thực hiện|duy trì|nâng cao|giữ vững)\b[^;.:]*$")


def _dates_purpose(key: str, low: str, core: int, start: int, d: Deadline) -> bool:
    """Whether the period ``d`` (found from ``start``) is inside a purpose after the task."""
    at = start + d.start
    return key.startswith("trong ", at) and _PURPOSE_DATED.search(low, core, at) is not None


#: "tham mưu cho UBND Thành phố chỉ đạo giải quyết": the verb after it is the advised body's.
_ADVISES = re.compile(r"\btham muu(?: cho)?\s[^,;.:]{0,50}$")
#: A document a leader or a leading committee has just issued, right before the verb that orders
#: through it ("Chủ tịch UBND tỉnh vừa có công văn giao …", "UBND thành phố vừa có văn bản yêu
#: cầu …", "Chủ tịch UBND tỉnh ký ban hành văn bản chỉ đạo …", "UBND TP vừa ra văn bản chỉ đạo
#: …"), or the document itself opening the clause ("Công điện yêu cầu UBND huyện …", "Công văn
#: cũng yêu cầu …", "Các văn bản trên đề nghị …"): the verb is the order, not a noun.
_DOCUMENT_ISSUED = re.compile(
    r"\b(?:co|ban hanh|gui|ky|ra)\s+(?:cong van|van ban|cong dien|chi thi)(?:\s+khan)?\s*$"
)
_DOCUMENT_OPENS = re.compile(
    r"^\W*(?:cac\s+)?(?:cong van|van ban|cong dien|chi thi)(?:\s+(?:nay|tren))?(?:\s+cung)?\s*$"
)
#: A sentence framed by the document it reports ("Theo Công văn số 3517/UBND ngày 18/7/2022, …"),
#: up to the clause the issuer opens.
_DOCUMENT_FRAME = re.compile(r"\btheo (?:cong van|van ban|cong dien|chi thi)\b[^;:]*,\s*$")
#: What a document just sent holds, in the clause after it ("UBND tỉnh vừa có văn bản gửi các
#: ngành chức năng, trong đó có yêu cầu UBND TP X tạm đình chỉ …"): its request orders.
_DOCUMENT_SENT = re.compile(
    r"\b(?:co|ban hanh|gui|ky|ra)\s+(?:cong van|van ban|cong dien|chi thi)\b"
)
_DOCUMENT_HOLDS = re.compile(r"^\W*trong do(?:\s+co)?\s*$")
#: Who issues a document that orders: a leader or a leading committee.
_ISSUER = re.compile(
    r"\b(?:ubnd|uy ban nhan dan|chu tich|pho chu tich|thuong truc|ban thuong vu|"
    r"(?:tinh|huyen|thanh|thi|quan) uy)\b"
)

#: A department that opens the clause, with a document it issues (``_DOCUMENT_ISSUED``: "Sở
#: Công Thương vừa có văn bản …") or without one ("Theo đó, Sở GD&ĐT Hà Nội yêu cầu …"), and
#: the bodies below it it writes to, all of a kind ("UBND các huyện", "các địa phương", "các
#: xã", "các phòng GD&ĐT", "các trường"), or its own offices of every district ("phòng GD&ĐT các
#: huyện, thành phố …"): a department's request to many bodies below it is an order to act.
_DEPARTMENT = re.compile(r"\W*so\s+[^\W\d]")
_MANY_BELOW = re.compile(
    r"\s+(?:(?:(?:ubnd|uy ban nhan dan)\s+)?cac\s+(?:huyen|xa|phuong|quan|thi xa|thanh pho|"
    r"dia phuong|don vi|phong|truong|co so)"
    r"|phong\s+[^,;.:]{1,30}?\s+cac\s+(?:huyen|quan|thi xa|thanh pho|dia phuong))\b"
)
#: The verbs by which a department asks the bodies below it (not "giao", not "lưu ý").
_DEPARTMENT_ASKS = re.compile(r"(?:yeu cau|de nghi|chi dao)")


def _document_orders(key: str, start: int, verb: re.Match[str]) -> bool:
    """Whether the speech verb ``verb`` orders through a document a leader or a leading
    committee has just issued (``_DOCUMENT_ISSUED``, its issuer in the clause before it), or
    through the document opening the clause (``_DOCUMENT_OPENS``)."""
    begin = max(start, *(key.rfind(c, 0, verb.start()) + 1 for c in ",;.:"))
    head = key[begin : verb.start()]
    if _DOCUMENT_OPENS.match(head):
        return True
    if _DOCUMENT_FRAME.search(key, start, begin) and _ISSUER.match(head.strip()):
        # "Theo Công văn số 3517/UBND …, UBND huyện đề nghị …": the committee speaks through the
        # document the clause is framed by
        return True
    if _DOCUMENT_HOLDS.match(head):
        sent = _DOCUMENT_SENT.search(key, start, begin)
        return sent is not None and _ISSUER.search(key, start, sent.start()) is not None
    issued = _DOCUMENT_ISSUED.search(head)
    if issued is None:
        # "Theo đó, Sở GD&ĐT Hà Nội yêu cầu các phòng GD&ĐT tập trung …": a department's own
        # request to the bodies below it, all of a kind, with no letter named, orders as its
        # letter does (not a department's proposal to the committee above it)
        return (
            _DEPARTMENT.match(head) is not None
            and _DEPARTMENT_ASKS.fullmatch(verb.group()) is not None
            and _MANY_BELOW.match(key, verb.end()) is not None
        )
    if _ISSUER.search(head, 0, issued.start()) is not None:
        return True
    # "Sở Công Thương vừa có văn bản đề nghị UBND các huyện, thị xã, thành phố triển khai …": a
    # department's letter to the bodies below it, all of a kind, asks them to act
    return _DEPARTMENT.match(head) is not None and _MANY_BELOW.match(key, verb.end()) is not None


def _document_asks(key: str, low: str) -> bool:
    """Whether a sentence's request verb orders through a document (``_document_orders``: "UBND
    thành phố vừa có văn bản yêu cầu UBND quận X phối hợp …", "Công văn cũng yêu cầu Phòng Nội
    vụ …"): the document speaks for the body that issued it, as a leader's speech does."""
    verb = _speech_verb(key, low, 0, len(key))
    return verb is not None and _document_orders(key, 0, verb)


#: What may open a sentence before an order's subject: a connective ("Theo đó,", "Đồng thời,")
#: or a committee above the bodies of a kind ("UBND các xã …").
_ORDER_LEAD = re.compile(
    r"\W*(?:(?:theo do|dong thoi|ben canh do|ngoai ra|mat khac|truoc mat|dac biet|nhat la)"
    r"\s*,?\s*)?(?:(?:ubnd|uy ban nhan dan)\s+(?=cac\b))?"
)
#: A modal of obligation or an adverb an order opens on, right after its subject ("Các đơn vị
#: phải …", "UBND các xã khẩn trương …"), matched with tones ("cần", not "căn"; "phải", not
#: "phái"), not "cần thiết"; not "kịp thời", which reports as often ("Các lực lượng chức năng
#: kịp thời phát hiện, xử lý …").
_ORDER_MODAL = re.compile(
    r"\s(?:cũng\s+)?(?:phải|cần|khẩn trương|chủ động|tập trung|nghiêm túc)\b(?! thiết)"
)
#: Between an order's subject and its modal, what makes it a report, a shortcoming or a promise
#: ("Các xã đã chủ động …", "các địa phương còn …", "các đơn vị sẽ tập trung …").
_NOT_ORDERED = re.compile(r"\b(?:đã|sẽ|còn|đang|chưa|được|bị|vẫn|không)\b")


def _order_shape(key: str, low: str) -> bool:
    """Whether a sentence has the shape of an order, whoever gives it: it opens on bodies of a
    kind or many bodies (``_collective``: "Các đơn vị", "Các phòng GD&ĐT", "UBND các xã", "Chủ
    tịch UBND các xã, thị trấn") and goes on, within a few words, with a modal of obligation or
    an adverb of an order ("phải", "cần", "khẩn trương", "chủ động", "tập trung", "nghiêm
    túc"), no "đã", "sẽ", "còn", "đang" between them. Such a sentence asks them to act as a
    leader's "yêu cầu" does; not a report of what they did, a shortcoming, nor a promise."""
    part = 0  # where the ";"-part holding the clause opens
    for at, char in enumerate(key):
        if char == ";":
            part = at + 1
        elif char != "," or _FRONTED_FRAMES.match(key, part) is not None:
            continue  # "Thời gian qua, các xã …": the clause after a fronted frame is a report
        if _order_shape_at(key, low, at + 1) is not None:
            return True
    return _order_shape_at(key, low, 0) is not None


def _order_shape_at(key: str, low: str, start: int) -> int | None:
    """Where the modal of an order opens in the clause opening at ``start`` (the sentence's, or
    one after a comma or a semicolon: "…; UBND các huyện khẩn trương …"), when the clause has
    the shape of one (``_order_shape``); None otherwise."""
    lead = _ORDER_LEAD.match(key, start)
    at = lead.end() if lead else start
    frames = _FRONTED_FRAMES.match(key, at)
    if frames is not None and frames.end() > at:
        return None  # "Hiện nay, các xã …", "Thời gian qua, các đơn vị …": a report
    subject = _collective(key[at:])
    if subject is None:
        return None
    end = at + subject
    modal = _ORDER_MODAL.search(low, end, min(len(low), end + 60))
    if modal is None or any(c in key[end : modal.start()] for c in ".;:"):
        return None
    if _NOT_ORDERED.search(low, at, modal.end()) is not None:
        return None
    if _speech_verb(key, low, end, modal.start()) is not None:
        return None  # "UBND các huyện chỉ đạo, khẩn trương …": they direct; the order is theirs
    return modal.start() + 1


def _verb_as_noun(key: str, start: int, verb: re.Match[str]) -> bool:
    """Whether the speech verb ``verb`` is read as a noun ("nhiệm vụ được giao", "sự chỉ đạo",
    "công văn giao"), unless a document just issued orders through it ("UBND quận có công văn
    giao cho Chủ tịch UBND phường …": ``_document_orders``)."""
    before = key[max(0, verb.start() - 25) : verb.start()]
    return bool(SPEECH_VERB_NOUN_BEFORE.search(before)) and not _document_orders(key, start, verb)


#: Where a member is stationed to direct ("phân công thành viên đứng điểm chỉ đạo"): "chỉ đạo"
#: says what the member does there, no request.
_STATIONED_BEFORE = re.compile(r"\b(?:dung diem|dung chan|cam chot|bam diem)\s*$")


def _speech_verb(key: str, low: str, start: int, end: int) -> re.Match[str] | None:
    """The verb by which a leader gives a directive, not a noun ("đáp ứng yêu cầu").

    "Kết luận hội nghị, đồng chí X yêu cầu ...": a framing verb ("kết luận", "nhấn mạnh")
    followed, within the clause, by a request verb gives way to the request; "đã quán triệt"
    reports what was done, not a task.
    """
    found: list[re.Match[str]] = []
    # read on to the sentence's end, so that the verb sees the punctuation that really follows
    # it: "giao:" asks (what follows the colon is the task), "giao." or "giao," reports
    for m in SPEECH_VERB.finditer(key, start):
        if m.end() > end:
            break
        if low[m.start() : m.end()] not in SPEECH_VERB_TONED:
            continue
        before = key[max(0, m.start() - 25) : m.start()]
        if _verb_as_noun(key, start, m):
            continue
        if SPEECH_VERB_NOUN_AFTER.match(key[m.end() : end]):
            continue
        if m.group() == "quan triet" and re.search(r"\bda\s*$", before):
            continue
        if m.group() == "chi dao" and _STATIONED_BEFORE.search(before):
            continue  # "phân công thành viên đứng điểm chỉ đạo, nhất là …": where one directs
        if m.group() == "chi dao" and STEERING_BODY_BEFORE.search(before):
            continue  # "Ban Chỉ đạo ... tỉnh vừa tổ chức ...": the steering body's name
        if m.group() == "chi dao" and _MEETING_BEFORE.search(before):
            continue  # "chủ trì buổi làm việc chỉ đạo xử lý ...": what the meeting was held for
        if m.group() == "chi dao" and _VISITED_BEFORE.search(before):
            continue  # "… đã đi kiểm tra, chỉ đạo khắc phục sạt lở …": what the visit was for
        if m.group() == "chi dao" and _PURPOSE_AND.search(key, max(0, m.start() - 150), m.start()):
            continue  # "… dự thay để tiếp thu việc … và chỉ đạo triển khai": what one came for
        if m.group() == "chi dao" and _TASKS_DIRECTED.search(
            key, max(0, m.start() - 60), m.start()
        ):
            continue  # "nhiều nhiệm vụ UBND tỉnh chỉ đạo, triển khai chưa được …": tasks given
        if re.search(r"\b(?:da|vua|dang)\s*$", before):
            begin = max(key.rfind(c, 0, m.start()) for c in ",;.:") + 1
            orders = SUPERIOR_ORDERS.search(key, begin)
            if not leader_named(key, low, begin, m.start()) and (
                orders is None or orders.end() != m.end()
            ):
                # "UBND huyện đã chỉ đạo, tập trung ...": what a body did, not a request; not
                # "UBND thị xã vừa chỉ đạo các cơ quan ...", the news of an order just given
                continue
        if _ADVISES.search(key, max(0, m.start() - 60), m.start()):
            continue  # "tham mưu cho UBND Thành phố chỉ đạo ...": what the body advised does

        if m.group() == "ket luan" and _MEETING_AFTER.match(key, m.end()):
            continue  # "Kết luận hội nghị, ...": the noun (the conclusion of the meeting)
        found.append(m)
    if not found:
        return None
    first = found[0]
    topical = [
        m
        for m in found[1:]
        if m.group() in ("yeu cau", "de nghi") and _TOPIC.match(key[first.end() : m.start()])
    ]
    if topical:
        # "lưu ý đối với những nội dung phải trình ..., đề nghị UBND tỉnh chỉ đạo ...": the
        # topic the first verb opens is what the request after it is about
        return topical[0]
    if first.group() in _FRAMING_VERB or key.startswith(",", first.end()):
        later = [
            m
            for m in found[1:]
            if m.group() not in _FRAMING_VERB
            and m.start() - first.end() <= 160
            # "yêu cầu, thời gian tới huyện X cần ... giao nhiệm vụ ...": a verb after a modal
            # is the task's own
            and not _task_modal(low, first.end(), m.start())
        ]
        if later:
            return later[0]
    return first


#: "tiếp tục" right before a speech verb: what its subject goes on doing.
_GOES_ON = re.compile(r"\btiep tuc\s*$")


def _task_modal(low: str, start: int, end: int) -> bool:
    """Whether a task's modal ("cần", "phải"; not a need, "cần được") stands in
    ``low[start:end]``: a speech verb after it is the task's own ("... cần tiếp tục chỉ đạo")."""
    return any(not _NEEDS.match(low, m.end()) for m in MODAL.finditer(low, start, end))


def _requests(
    key: str, low: str, mentions: Sequence[Mention], start: int, end: int, verb: re.Match[str]
) -> bool:
    """Whether the speech verb of a clause is the request itself: a leader or a leading body
    speaks, or nothing but a connective or a topic stands before it."""
    before_verb = key[start : verb.start()]
    if any(
        _TOPIC.match(key[m.end() : verb.start()])
        and _requests(key, low, mentions, start, m.end(), m)
        for m in SPEECH_VERB.finditer(key, start, verb.start())
    ):
        # "Thường trực HĐND lưu ý đối với những nội dung phải trình ..., đề nghị ...": the
        # speaker's first verb opened the topic of this request (its modal is the topic's)
        return True
    if _task_modal(low, start, verb.start()) or _GOES_ON.search(key, start, verb.start()):
        # "X cần tiếp tục chỉ đạo ...", "Chủ tịch UBND TP X, các quận, huyện tiếp tục chỉ đạo
        # ...": the verb is the task's, after its modal or "tiếp tục"
        return False
    body = LEADER_BODY_SPEAKS.search(key, start, verb.end())
    # what follows the verb decides the superior's order ("... chỉ đạo các sở ..."): the search
    # above stops at the verb
    orders = SUPERIOR_ORDERS.search(key, start)
    return bool(
        leader_named(key, low, 0, verb.start())
        or (body is not None and body.end() == verb.end())
        or (orders is not None and orders.end() == verb.end())
        or not re.sub(r"[\W_]+", "", before_verb)
        or re.match(r"^\W*(?:dong thoi|qua do|va|cung)\b", before_verb)
        # "Ngoài ra, yêu cầu ...": nothing before the verb but a connective a request may open on
        or _REQUEST_CONNECTIVE.fullmatch(before_verb) is not None
        or _TOPIC.match(before_verb)
        or _assigned_at(key, low, mentions, start, end) == verb.start()
        or _directs_unit(key, mentions, start, end, verb)
        or _document_orders(key, start, verb)
        # "Một số công trình chậm tiến độ …, đề nghị UBND huyện mạnh dạn xử lý …": the request
        # after a shortcoming, of whoever judged it
        or _shortcoming_before(key, low, start, verb.end()) is not None
    )


def _directs_unit_in(key: str, low: str, mentions: Sequence[Mention]) -> bool:
    """Whether a sentence's speech verb is a body directing a named unit to act."""
    verb = _speech_verb(key, low, 0, len(key))
    return verb is not None and _directs_unit(key, mentions, 0, len(key), verb)


def _directs_unit(
    key: str, mentions: Sequence[Mention], start: int, end: int, verb: re.Match[str]
) -> bool:
    """Whether a named body "chỉ đạo" a named unit to act ("UBND tỉnh chỉ đạo Sở Xây dựng
    khẩn trương kiểm tra ..."): the unit after the verb is asked, as after "giao"."""
    if verb.group() != "chi dao":
        return False
    body = next((m for m in reversed(mentions) if start <= m.start and m.end <= verb.start()), None)
    if body is None or not _usable(body) or key[body.end : verb.start()].strip():
        return False
    unit = next((m for m in mentions if verb.end() <= m.start < end), None)
    if unit is None or not _usable(unit):
        return False
    if not _HEAD_GAP.match(key[verb.end() : unit.start].lstrip()):
        return False
    after = ENUM_TAIL.match(key, unit.end, end)
    return bool(ACTION_AFTER_UNIT.match(key[after.end() if after else unit.end : end]))


#: The connectives that may stand alone before a request with no speaker ("Đồng thời, yêu cầu
#: ...", "Ngoài ra, yêu cầu Chủ tịch UBND huyện X phải ...", "Theo đó, đề nghị ...").
_CONNECTIVES = (
    r"(?:dong thoi|ngoai ra|ben canh do|cung|qua do|qua giam sat|qua kiem tra|theo do|cu the|va|"
    # an entry's ordinal ("Thứ ba, chỉ đạo Văn phòng …"): the leader's next request
    rf"{ORDINAL_ENTRY})"
)
_REQUEST_CONNECTIVE = re.compile(rf"\W*{_CONNECTIVES}\b\W*")
#: A ``;``-part that only names bodies, of every place or of a kind ("Giao các sở, ngành tỉnh;",
#: "Uỷ ban nhân dân các huyện, thành phố;"): an addressee listed before the task, no task.
_BODIES = (
    r"(?:(?:cac|toan the)\s+)?(?:(?:ubnd|uy ban nhan dan|so|ban|nganh|phong|don vi|co quan|"
    r"dia phuong|doan the|huyen|xa|phuong|thanh pho|thi xa|quan|tinh|thi tran|cac)\b[\s,]*"
    r"(?:va\s+)?)+\W*"
)
_BODIES_ONLY = re.compile(
    rf"\W*(?:{_CONNECTIVES}\s*,?\s*)?(?:(?:giao|yeu cau|de nghi)\s+)?{_BODIES}"
    # "Chủ tịch UBND tỉnh vừa có công văn chỉ đạo các sở, ban, ngành, đoàn thể tỉnh; UBND các
    # huyện … đẩy nhanh …": the request's first part ends on the bodies it asks
    rf"|.*\b(?:giao|yeu cau|de nghi|chi dao)\s+{_BODIES}"
)
#: A sentence that opens on the request itself ("Đề nghị Thường trực HĐND huyện tăng cường
#: ...", "Đồng thời, yêu cầu ...", "Theo đó, yêu cầu ...", "Cụ thể, yêu cầu ..."), or on the
#: work given to the bodies it names ("Theo đó, giao các sở, ngành liên quan có trách nhiệm
#: …", "Giao UBND các huyện …"): the report's subject (the leader, the body, the document) asks.
_REQUEST_OPEN = re.compile(
    rf"^\W*(?:{_CONNECTIVES}\s*,?\s*)?"
    r"(?:(?:de nghi|yeu cau)\b(?!\s*(?:cua|dat ra|nay|tren|do la|la|ve|nhiem vu|chung)\b)"
    r"|giao\b(?=\s+(?:trach nhiem\s+)?(?:cho\s+)?(?:cac|ubnd|uy ban nhan dan|so|phong|ban|"
    r"chu tich|giam doc|thu truong|cong an)\b))"
)


#: A leading body that weighs the work and then asks, in the same sentence ("Thường trực HĐND
#: thành phố đánh giá cao ...; đề nghị UBND thành phố ..."): the request opens the zone.
_WEIGHS_THEN_ASKS = re.compile(
    r"\b(?:thuong truc|ban thuong vu|doan giam sat|doan kiem tra|doan cong tac|hoi nghi)\b"
    r"[^;.:]{0,60}?\b(?:danh gia cao|ghi nhan|bieu duong|hoan nghenh)\b[^.]*?;\s*"
    r"(?:dong thoi\s*,?\s*)?(?:de nghi|yeu cau)\b"
)
_ASSIGN = re.compile(rf"\b{GIAO}(?:\s+trach nhiem)?(?:\s+cho)?\s+")
_HEAD_GAP = re.compile(r"^(?:(?:chu tich|giam doc|thu truong|chanh van phong|truong)\s+)?$")


def _assigned_at(
    key: str, low: str, mentions: Sequence[Mention], start: int, end: int
) -> int | None:
    """Where "giao <unit> <action>" assigns a task to a named unit ("..., giao Sở Xây dựng chủ
    trì ...", "UBND TP giao Chủ tịch UBND các quận ... chỉ đạo ..."), wherever it stands in the
    sentence: the assignment needs no speaker. None when there is none."""
    for m in _ASSIGN.finditer(key, start, end):
        if low[m.start() : m.start() + 4] != "giao":
            continue  # "giáo", "giảo"
        if _verb_as_noun(key, start, m):
            continue  # "nhiệm vụ được giao", "theo giao ..."
        unit = next((u for u in mentions if u.start >= m.end() and u.start < end), None)
        if unit is None or not _HEAD_GAP.match(key[m.end() : unit.start]):
            continue
        if not (_usable(unit) or unit.role == "collective" or unit.affiliation):
            continue
        after = ENUM_TAIL.match(key, unit.end, end)
        if ACTION_AFTER_UNIT.match(key[after.end() if after else unit.end : end]):
            return m.start()
    return None


#: A request told in the passive after the body asked ("UBND phường X được yêu cầu theo dõi …",
#: "Bộ Chỉ huy quân sự tỉnh được giao theo dõi …"): "được" with the verb of asking or assigning.
_ASKED_PASSIVE = re.compile(r"\s*(?:cung\s+)?duoc\s+(?:yeu cau|de nghi|giao)\s+")


def _asked_passive(key: str, mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Whether the clause opens on a named body asked in the passive to act (``_ASKED_PASSIVE``
    then a verb of ``ACTION_AFTER_UNIT``): the body is asked, the clause its task, whoever asks.
    Not a count of what was assigned ("UBND huyện X được giao thực hiện 861 nhiệm vụ", "được
    giao chỉ tiêu …"): a figure right after the verb, or no verb, reports."""
    opener = next((m for m in mentions if start <= m.start < end), None)
    if opener is None or not _usable(opener) or not _opens_subject(key, start, opener.start):
        return False
    passive = _ASKED_PASSIVE.match(key, opener.end, end)
    if passive is None:
        return False
    action = ACTION_AFTER_UNIT.match(key[passive.end() : end])
    return action is not None and not re.match(r"\s*\d", key[passive.end() + action.end() : end])


def _addressed_body(key: str, mentions: Sequence[Mention], start: int, verb: re.Match[str]) -> bool:
    """Whether the clause opens on a named body whose "chỉ đạo" is its task."""
    if verb.group() != "chi dao":
        return False
    body = next((m for m in mentions if start <= m.start < verb.start()), None)
    return (
        body is not None
        and _usable(body)
        and not body.affiliation
        and bool(_SUBJECT_PREFIX.match(key[start : body.start]))
        and not key[body.end : verb.start()].strip()
    )


def _opens_on_request(key: str, low: str) -> bool:
    m = _REQUEST_OPEN.match(key)
    if m is None:
        return False
    return (
        low[m.end() - len("de nghi") : m.end()] in SPEECH_VERB_TONED
        or low[m.end() - len("yeu cau") : m.end()] in SPEECH_VERB_TONED
        or low[m.end() - len("giao") : m.end()] == "giao"  # not "giáo"
    )


#: A leader's speech given after a colon ("… phát biểu tại hội nghị sơ kết: “…”"): what follows
#: is what the leader said, though "phát biểu tại …" alone only reports that he spoke.
_SPEAKS_THEN = re.compile(r"\bphat bieu\b[^.;:]{0,80}:")


#: A leader named as who did not do what the verb after him says ("8/11 trường hợp chưa được Chủ
#: tịch UBND xã chỉ đạo ngăn chặn, xử lý"): what was left undone, no one speaking.
_UNDONE_BY = re.compile(r"\b(?:chua|khong)\s+(?:duoc|bi)\s+[^.;:,]{0,40}$")


def _speech_frame(key: str, low: str) -> bool:
    """A leader speaking ("đồng chí ... đề nghị"), or "Phát biểu ...", "Thời gian tới, ..."."""
    head = key.lstrip()
    if head.startswith("phat bieu") or FUTURE_OPEN.match(head):
        return True
    speaks = _SPEAKS_THEN.search(key)
    if speaks is not None and leader_named(key, low, max(0, speaks.start() - 120), speaks.start()):
        return True  # "Đ/c X – Bí thư Quận ủy phát biểu tại hội nghị: “Thời gian tới cần ...”"
    for m in SPEECH_FRAME.finditer(key):
        if _verb_as_noun(key, 0, m):
            continue
        if SPEECH_VERB_NOUN_AFTER.match(key[m.end() :]):
            continue
        begin = max(0, m.start() - 120)
        begin = max(
            begin, key.rfind(";", begin, m.start()) + 1, key.rfind(".", begin, m.start()) + 1
        )
        if _UNDONE_BY.search(key, begin, m.start()):
            continue  # "… chưa được Chủ tịch UBND xã chỉ đạo ngăn chặn": a duty undone
        if leader_named(key, low, begin, m.start()):
            return True
    for m in LEADER_BODY_SPEAKS.finditer(key):
        if not PASSIVE_BEFORE.search(key[max(0, m.start() - 30) : m.start()]):
            return True
    return False


_MONTH_WORDS = {"ba": 3, "sau": 6, "chin": 9}


def _plans_ahead(key: str, ref: date | None) -> bool:
    """Whether a sentence opens on a period still to come at the meeting ("6 tháng cuối năm, ..."
    at a mid-year review, not at the year's end, where it reports; "Những tháng còn lại, ...")."""
    m = FUTURE_PERIOD_OPEN.match(key)
    if m is None:
        return False
    if m["months"] is None or ref is None:
        return True
    months = _MONTH_WORDS.get(m["months"]) or int(m["months"])
    return 0 < months < 12 and ref.month <= 13 - months


#: What a body sets itself to do ("tiếp tục chỉ đạo", "tập trung", "đề ra nhiệm vụ trọng tâm";
#: in a plan's head, "tiếp tục" before a verb of action: "tiếp tục phối hợp …"), not "sự chỉ
#: đạo", "ý kiến chỉ đạo" (a noun: ``SPEECH_VERB_NOUN_BEFORE``) nor "tiếp tục ổn định".
_SETS_TASKS = re.compile(r"\b(?:chi dao|tap trung|de ra|tiep tuc)\b")
#: What was done or will be done by others, in the head of the sentence: a report, no plan.
_REPORTED_HEAD = re.compile(r"\b(?:đã|vừa|đang|sẽ|được)\b")


def _tasks_for_period_ahead(
    sentence: str,
    key: str,
    low: str,
    ref: date | None,
    held: date | None,
    before: Deadline | None,
    goes_on: bool = False,
) -> Deadline | None:
    """The period for which a sentence sets the meeting's own tasks, if still to come: a period that
    ends on or after the meeting ("Về nhiệm vụ trọng tâm tháng 6, Thường trực HĐND tỉnh chỉ đạo
    …", "Trong tháng 9, Chi bộ tiếp tục chỉ đạo …", "… đề ra nhiệm vụ trọng tâm tháng 10/2016 như
    sau:"; "Trong đó, tập trung …" after a sentence that gave one) and a body setting itself to
    the work, in the head before the first ``;``, with nothing done or to be done by others.
    Gives that period (the one after the verb when the head names one already past before it:
    "Ngoài đánh giá kết quả 6 tháng đầu năm, hội nghị … đề ra nhiệm vụ, giải pháp cho 6 tháng
    còn lại"), else None. ``goes_on``: "tiếp tục" before a verb of action sets the work too
    ("…, Ban ATGT huyện tiếp tục phối hợp … đẩy mạnh …; tăng cường …")."""
    day = held or ref
    if day is None:
        return None
    stop = key.find(";")
    head = len(key) if stop < 0 else stop
    if _REPORTED_HEAD.search(low, 0, head):
        return None
    sets = next(
        (
            m
            for m in _SETS_TASKS.finditer(key, 0, head)
            if not SPEECH_VERB_NOUN_BEFORE.search(key[max(0, m.start() - 25) : m.start()])
            and (m.group() != "tiep tuc" or (goes_on and IMPERATIVE.match(key[m.end() : head])))
        ),
        None,
    )
    if sets is None:
        return None
    period = best_deadline(find_deadlines(sentence[:head], ref))
    if period is None and _CONTINUES.match(key):
        period = before  # "Trong đó, tập trung …": the period of the sentence before
    if period is None or period.due is None or period.due < day:
        period = best_deadline(find_deadlines(sentence[sets.end() : head], ref))
    return period if period is not None and period.due is not None and period.due >= day else None


#: A period counted from the year's start ("7 tháng đầu năm") or a bare length ("Trong 9
#: tháng"): what a review reports on, not a period a plan is for.
_REVIEWED_PERIOD = re.compile(r"\bdau nam\b|^\W*(?:trong\s+)?\d{1,2}\s+(?:thang|quy)\W*$")


def _own_plan(
    sentence: str, key: str, low: str, ref: date | None, held: date | None, before: Deadline | None
) -> Deadline | None:
    """The period of a body's own plan whose tasks a sentence lists after its head ("Trong tháng
    9, Chi bộ tiếp tục chỉ đạo A; B; C" at a meeting on 5/9): a period still to come at the
    meeting's known day (``_tasks_for_period_ahead``), none reviewed; else None."""
    if ";" not in key or held is None:
        return None
    period = _tasks_for_period_ahead(sentence, key, low, ref, held, before, goes_on=True)
    if period is None or _REVIEWED_PERIOD.search(fold_aligned(period.phrase)):
        return None
    return period


def _fronted_period(key: str, start: int, end: int) -> int:
    """Where a clause goes on after a period still to come fronted before it ("6 tháng cuối năm,
    huyện X tập trung ..."), else ``start``."""
    m = FUTURE_PERIOD_OPEN.match(key, start, end)
    return m.end() if m is not None else start


def _opens_subject(key: str, start: int, at: int) -> bool:
    """Whether the words from ``start`` to a unit named at ``at`` leave it the clause's subject:
    none, or only what a subject may open on ("các", "Ban Thường vụ", …), after a fronted period
    still to come ("Nhiệm vụ 6 tháng cuối năm, huyện X tập trung ...")."""
    return bool(_SUBJECT_PREFIX.match(key[_fronted_period(key, start, at) : at]))


def _core(
    key: str, low: str, start: int, end: int, open_ctx: bool, mentions: Sequence[Mention]
) -> int | None:
    """Where the task starts in a clause (its modal or verb), or None if it is no directive."""
    ckey = key[start:end]
    modal = MODAL.search(low, start, end)
    if PRAISE.search(ckey) and not modal:
        return None
    if modal:
        if _a_need(key, low, start, modal, mentions):
            return None  # "... cần được hỗ trợ": a need, addressed to no one
        return modal.start()
    imperative = IMPERATIVE.match(ckey) if open_ctx else None
    opener = next((m for m in mentions if start <= m.start < end), None)
    if (
        imperative
        and opener is not None
        and _usable(opener)
        and key[start : opener.start].strip()
        and _SUBJECT_PREFIX.match(key[start : opener.start])
    ):
        imperative = None  # "Lãnh đạo UBND xã X tiếp tục ...": the unit's leaders, not a verb
    if imperative and not _REPORTED_AFTER.match(ckey, imperative.end()):
        return start
    topic = TOPIC_OPEN.match(ckey) if open_ctx else None
    if topic is not None:
        # "Về công tác X, tiếp tục ...", "trong công tác Đảng tiếp tục duy trì ...": the task
        # starts at the first imperative verb of the next few words
        for word in re.finditer(r"\S+", key[start + topic.end() : end]):
            if word.start() > 60 or low[start + topic.end() :][word.start() : word.end()] in (
                "được",
                "đã",
                "đang",
            ):
                break  # "Trong quý II, công tác X tiếp tục được thực hiện": a report
            at = start + topic.end() + word.start()
            verb = IMPERATIVE.match(key[at:end])
            if verb and not _REPORTED_AFTER.match(key[at:end], verb.end()):
                return at
    first = next(
        (m for m in mentions if start <= m.start < end and (_usable(m) or m.role == "collective")),
        None,
    )
    if first is not None and _opens_subject(key, start, first.start):
        if ACTION_AFTER_UNIT.match(key[first.end : end]):
            return first.end
    if first is not None and _opens_subject(key, start, first.start):
        tail = ENUM_TAIL.match(key, first.end, end)
        after = tail.end() if tail else first.end
        if ACTION_AFTER_UNIT.match(key[after:end]):
            return after
    collective = COLLECTIVE_SUBJECT.match(ckey)
    if collective:
        tail = ENUM_TAIL.match(key, start + collective.end(), end)
        after = tail.end() if tail else start + collective.end()
        if ACTION_AFTER_UNIT.match(key[after:end].lstrip(" ,")):
            return after
    return None


#: The end of a lead-in that gives what it lists to a body to carry out ("… gợi mở một số thông
#: tin, nội dung để HND huyện tiếp tục triển khai thực hiện:"); ``body``: where that body is named.
_FOR_BODY_TO_DO = r"\bde\s+(?P<body>)[^;:]{0,60}?\b(?:trien khai\s+)?thuc hien\s*$"
#: The clause before a ``:`` that announces a list of tasks ("... cụ thể như sau", "các nội dung
#: như", "bao gồm", "tập trung vào các vấn đề", "một số nhiệm vụ trọng tâm sau"), or gives it to a
#: body to carry out (``_FOR_BODY_TO_DO``).
_LIST_INTRO = re.compile(
    r"(?:\b(?:nhu|gom|bao gom|nhu sau|cu the|sau day|do la|sau|tap trung(?: vao)?)\s*$|"
    rf"{_FOR_BODY_TO_DO}|"
    r"\b(?:cac|nhung|mot so|\d+)\s+(?:nhiem vu|noi dung|van de|cong viec|giai phap|nhom nhiem vu|"
    r"viec|linh vuc|nhiem vu trong tam|cong viec trong tam)\b[^;]*$)"
)
#: The body that holds the meeting announcing its tasks without a speaker ("Thường trực HĐND
#: huyện thống nhất một số nội dung trọng tâm cần thực hiện trong tháng 01 năm 2019 như sau:"):
#: the list after the colon is of tasks, whatever word announces it ("như:", "gồm:", "là:").
#: What people's or delegates' opinions dwelt on ("Các ý kiến của người dân chủ yếu tập trung vào
#: các nội dung: Kiến nghị …"): the topics raised, announced like a list of tasks but none.
_OPINIONS_ON = re.compile(r"\b(?:y kien|kien nghi|phan anh)\b[^.;:]{0,60}?\btap trung\b")
_TASK_LIST_INTRO = re.compile(
    r"\b(?:nhiem vu|noi dung|cong viec|giai phap)(?: trong tam| chu yeu)?\s+"
    r"(?:can|phai|se)?\s*(?:tap trung\s+)?(?:thuc hien|trien khai)\b[^.;:]*:|"
    # "lãnh đạo UBND phường triển khai một số nhiệm vụ trọng tâm như: ...": not what was done
    r"(?<!da )(?<!duoc )\b(?:trien khai|dat ra|de ra|tap trung(?: thuc hien| vao)?)\s+"
    r"(?:mot so|cac|nhung|\d+)\s+"
    r"(?:nhiem vu|noi dung|cong viec|giai phap)(?: trong tam| chu yeu| can thuc hien)?"
    r"(?: (?:nhu|sau|nhu sau|sau day|gom|bao gom|cu the|(?:do )?la))?\s*:"
)
#: The opinions raised at the meeting as the subject of a list ("Các ý kiến ... nêu ra tại hội
#: nghị tập trung vào những vấn đề: ..."): the topics they raised, no task each.
_RAISED = re.compile(
    r"\W*(?:cac |nhung )?(?:y kien|kien nghi|tham luan)\b[^.;:]*\b(?:neu(?: ra| len)?|phan anh|"
    r"de cap)\b"
)
#: A meeting that takes up what it lists ("Kỳ họp sẽ thông qua nhiều nội dung báo cáo, tờ trình
#: …, như: báo cáo …; tờ trình …", "Hội nghị đã được nghe … về các vấn đề: …"): its agenda, the
#: reports and topics it will pass or hear, no task each.
_AGENDA = re.compile(
    r"\W*(?:ky hop|hoi nghi|phien hop|cuoc hop)\b[^.;:]{0,30}?"
    r"(?:\s+(?:se|da|duoc|du kien|tap trung|cung))*"
    r"\s+(?:thong qua|xem xet|cho y kien|thao luan|nghe)\b"
)
#: A lead-in giving its list to a body to carry out (``_FOR_BODY_TO_DO``).
_GIVEN_TO_DO = re.compile(_FOR_BODY_TO_DO)
#: A lead-in on the efforts a check found ("Qua công tác kiểm tra cho thấy BCĐ các cấp và chủ
#: rừng đã có nhiều cố gắng và ngày càng quan tâm hơn trong công tác PCCCR như: Có phương án
#: …"): what it lists was done well, no task each.
_EFFORTS_SHOWN = re.compile(
    r"\b(?:da )?co (?:nhieu|su) (?:co gang|no luc|chuyen bien)\b[^.;:]*\b(?:nhu|gom|cu the)\s*$"
)
#: A request to explain ("làm rõ", "giải trình") the topics listed after it.
_CLARIFY = re.compile(r"\b(?:lam ro|giai trinh)\b")
#: The first entry of a list written with ordinals ("...: Một là, ...", "...: Thứ nhất, ...").
_FIRST_OF_LIST = re.compile(r"\s*(?:mot la|thu nhat)\b")
#: Inline numbers of an enumeration: "(1) ...; (2) ...", "1) ...", "a) ...".
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)\(?(?:\d{1,2}|[a-zđ])\)\s+")


#: Where a clause naming tasks opens their list with ", trong đó" ("các nhiệm vụ trọng tâm
#: trong tháng 6, trong đó tập trung ...").
_TASKS_THEN_AMONG = re.compile(
    r"\b(?:cac|nhung|mot so)\s+(?:nhiem vu|giai phap|noi dung|cong viec)\b[^;:]*?"
    r"(,\s*trong do\s*,?\s*)"
)


#: What may come before an entry's first word: its number, letter or dash.
#: The verb of a body directing its own offices ("chỉ đạo các lực lượng …").
_DIRECTS = re.compile(r"chi dao")
_ENTRY_MARK = re.compile(r"[\s\W]*(?:(?:\d{1,2}|[a-zđ])[.)/][\s\W]*)?")


def _clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence; an inline enumeration ("(1) ...; (2) ...") gives one per number
    (the ``;`` inside an item do not split it), each with ``after == "#"``."""
    marks = list(_INLINE_NUMBER.finditer(sentence))
    clauses = split_clauses(sentence)
    named = _TASKS_THEN_AMONG.search(fold_aligned(clauses[0].text)) if len(clauses) > 1 else None
    if len(marks) < 2 and named is not None:
        # "... đặt ra các nhiệm vụ trọng tâm trong tháng 6, trong đó tập trung A; B; C": the
        # clause announces the list its "trong đó" opens
        first = clauses[0]
        return [
            Clause(first.text[: named.start(1)], first.start, first.after),
            Clause(first.text[named.end(1) :], first.start + named.end(1), ":"),
            *clauses[1:],
        ]
    if len(marks) >= 2:
        out: list[Clause] = []
        head = sentence[: marks[0].start()]
        if head.strip():
            out.extend(split_clauses(head))
        for i, m in enumerate(marks):
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(sentence)
            piece = sentence[m.end() : stop]
            if piece.strip(" ;,."):
                out.append(Clause(piece, m.end(), "#"))  # "#": a numbered item
        return out
    return split_clauses(sentence)


def _is_list_intro(key: str, clause: Clause, next_clause: Clause | None) -> bool:
    """Whether ``clause`` announces the list that follows it (after a ``:``)."""
    if next_clause is None or next_clause.after not in (":", "#"):
        return False
    body = key[clause.start : clause.start + len(clause.text)].rstrip(" ,")
    return bool(_LIST_INTRO.search(body) or _FIRST_OF_LIST.match(key, next_clause.start))


#: A clause that is only the marker of the list after it ("; cụ thể như sau:").
_MARKER_ONLY = re.compile(
    r"\W*(?:cu the\s*,?\s*)?(?:nhu sau(?: day)?|sau day|gom|bao gom|cu the)\W*$"
)
#: A clause whose task is only "some key tasks" ("... tập trung vào một số nhiệm vụ trọng tâm."):
#: it announces tasks, listed after it or not, and is none itself.
_ANNOUNCES_ONLY = re.compile(
    r"\b(?:tap trung(?: vao| thuc hien)?|thuc hien|trien khai)\s+(?:tot\s+)?"
    r"(?:mot so|cac|nhung|\d+)\s+(?:nhom\s+)?(?:nhiem vu|noi dung|giai phap|van de|cong viec)"
    r"(?:\s+(?:trong tam|chu yeu|quan trong|sau|sau day|nhu sau|cu the))+\W*$"
)
#: A sentence that announces the tasks of the next paragraphs without a colon ("... tập trung
#: thực hiện một số nhiệm vụ trọng tâm sau.", "... các nội dung như sau.").
_ANNOUNCES_TASKS = re.compile(
    r"(?:\b(?:mot so|cac|nhung|\d+)\s+(?:nhiem vu|noi dung|giai phap|van de|cong viec|"
    r"nhom nhiem vu|nhom giai phap)\b[^.;:]*|\bnhu sau|\bsau day)\s*[.…]?\s*$"
)


def _opens_task(para: Paragraph, resolver: UnitResolver) -> bool:
    """Whether a paragraph after an announcement of tasks is one of them: it opens on a list
    marker, "Về ...", "Giao ...", an imperative verb, a topic frame or a unit that acts."""
    if not para.sentences:
        return False
    first = para.sentences[0]
    key, low = fold_aligned(first), lower_aligned(first)
    period = _OPENS_ON_PERIOD.match(key)
    if (
        period is not None
        and MODAL.search(low) is None
        and _NO_TASK_EARLY.search(" ".join(low[period.end() :].split()[:10]))
    ):
        return False  # "Trong tháng 8/2019, khối Đảng, đoàn thể ... đã duy trì ...": a report
    if LIST_MARKER.match(para.text) or _TASK_START.match(key) or TOPIC_OPEN.match(key):
        return True
    clause = split_clauses(first)[0]
    start = _skip_lead(key, clause.start, clause.start + len(clause.text))
    end = clause.start + len(clause.text)
    # a modal alone ("... cần ...") does not open a task paragraph: its verb or subject must,
    # or the modal itself when it opens the sentence ("Đặc biệt phải tiếp tục ...": the task
    # goes on with the subject before it)
    mentions = resolver.mentions(first)
    core = _core(key, low, start, end, True, mentions)
    modal = MODAL.search(low, start, end)
    head = next((m for m in mentions if m.start >= start), None)
    if (
        modal is not None
        and head is not None
        and (_usable(head) or head.role == "collective")
        and not key[start : head.start].strip()
        and _modal_next(low, head.end)
    ):
        # "Thanh Hóa phải tiếp tục ...": the unit that must act opens it; so do every unit of a
        # level ("Đảng ủy các phường cần quan tâm ...", "UBND các xã phải ...")
        return True
    # (matched on the clause's own text: "^" does not match at a start position)
    collective = COLLECTIVE_SUBJECT.match(key[start:end])
    if collective is not None:
        more = _MORE_BODIES.match(key, start + collective.end(), end)
        after = more.end() if more else start + collective.end()
        if IMPERATIVE.match(key[after:end].lstrip()) or _modal_next(low, after):
            # "Các đơn vị triển khai công tác …", "Trước mắt, các cơ quan, đơn vị cần tập
            # trung …": every unit asked, on its verb or its modal
            return True
    return core is not None and (modal is None or core != modal.start() or modal.start() == start)


#: More bodies named with a collective subject ("các cơ quan, đơn vị", "các sở, ban, ngành").
_MORE_BODIES = re.compile(
    r"(?:\s*(?:,|va)\s*(?:cac\s+)?(?:don vi|co quan|dia phuong|ban nganh|nganh|doan the))*"
)


def _opens_on_unit(para: Paragraph, resolver: UnitResolver) -> bool:
    """Whether a paragraph opens on a named unit ("Phòng Kinh tế hạ tầng đánh giá lại ..."):
    after "... yêu cầu:", the task of that unit."""
    if not para.sentences:
        return False
    first = para.sentences[0]
    key = fold_aligned(first)
    start = _skip_lead(key, 0, len(key))
    head = next((m for m in resolver.mentions(first) if m.start >= start), None)
    return head is not None and _usable(head) and not key[start : head.start].strip()


#: The head of a body before its name ("Chủ tịch UBND phường 11"), after the outlet's tag that
#: may open a lead ("GD&TĐ - Chủ tịch UBND huyện X bị phê bình …", "(PLO)- …").
_HEAD_OF = re.compile(
    r"^\W*(?:[a-z&]{2,8}\)?\s*[-–]\s*)?(?:(?:dong chi|cac dong chi)\s+)?(?:chu tich|giam doc|"
    r"thu truong|truong|chanh van phong|chi huy truong|bi thu)\s*$"
)


#: A chairman who also heads the body named after ("Chủ tịch, Trưởng ban chỉ huy …"): the
#: chairman of a People's Committee.
_CHAIR_AND_HEAD = re.compile(r"^\W*(?:(?:dong chi|ong|ba)\s+)?chu tich\s*,\s*(?:pho\s+)?truong\s*$")
#: The level and place that end a body's name ("… huyện Đại Lộc"), written with their tones.
_PLACE_OF_BOARD = re.compile(
    r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+[A-ZĐ0-9][\w’' -]*$"
)


#: Levels listed after a body's bare level ("UBND phường, xã, thị trấn"): the bodies of
#: every place of those levels.
_LEVELS_LISTED = re.compile(r"\s*,\s*(?:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\b")


#: What the head a clause opens on goes on with when the task is the head's body's own ("Chủ
#: tịch UBND TP X, các quận, huyện tiếp tục chỉ đạo …"), not a speaker's verb.
_HEAD_ACTS = re.compile(
    r"(?:\s*,\s*[^,;:]{1,30}?)*\s+(?:tiep tuc|can|phai|chu dong|khan truong|tap trung|"
    r"chiu trach nhiem)\b"
)


def _headed_unit(key: str, mentions: Sequence[Mention], start: int, core: int) -> list[Mention]:
    """ "Chủ tịch UBND phường 11 thành lập ...": the head of a unit stands for the unit."""
    for m in mentions:
        if start <= m.start < core and m.role == "unit" and m.affiliation:
            if _HEAD_OF.match(key[start : m.start]):
                name = m.body or _capitalize_first(m.text)
                return [Mention(m.start, m.end, m.text, m.role, m.head, name, m.code, False)]
            place = _PLACE_OF_BOARD.search(m.body or "")
            if _CHAIR_AND_HEAD.match(key[start : m.start]) and place is not None:
                # "Chủ tịch, Trưởng ban chỉ huy PCTT và TKCN huyện Đại Lộc": the chairman of the
                # place's People's Committee, who heads its board too
                name = "UBND " + place.group()
                return [Mention(m.start, m.end, m.text, m.role, m.head, name, None, False)]
            return []
    return []


#: A plural level before the bodies it lists by name ("các xã Châu Minh, Ngọc Sơn …", "Hai huyện
#: Tiền Hải và Thái Thụy …"): the quantifier alone stands before the first named.
_PLURAL_BEFORE_NAMED = re.compile(r"\s*(?:cac|nhung|hai|ba|bon|nam|\d+)\s+$")
#: Another name after the first in such a list.
_NEXT_NAMED = re.compile(r"\s*(?:,|và)\s+[A-ZĐ0-9]")


def _lists_by_name(sentence: str, key: str, start: int, first: Mention) -> bool:
    """Whether a subject opening on a plural ("các", "hai" …) lists its bodies by name, the
    first of them ``first`` (a level with its place's name): the first named leads, as a list of
    bodies by name does (GUIDE.md: "UBND các xã Lương Phong, Hợp Thịnh, …")."""
    return (
        _PLURAL_BEFORE_NAMED.fullmatch(key, start, first.start) is not None
        and first.head == "dia phuong"
        and len(first.text.split()) > 1
        and _NEXT_NAMED.match(sentence, first.end) is not None
    )


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


_PAST_TONED = re.compile(r"\b(?:đã|vừa|đang)\b")
_WILL_TONED = re.compile(r"\bsẽ\b")


def _modal_goes_on(key: str, low: str, start: int) -> bool:
    """Whether a ``;``-part goes on with the obligation its sentence stated before it ("Các địa
    phương cần rà soát, kiên quyết di dời …; bảo đảm cung cấp đầy đủ nước uống …"): the "cần" /
    "phải" of an earlier part of the sentence, after its last ``:``."""
    semicolon = key.rfind(";", 0, start)
    if semicolon < 0 or len(key[semicolon + 1 : start].split()) > 2:
        return False  # another part between, or a request of its own
    return MODAL.search(low, key.rfind(":", 0, semicolon) + 1, semicolon) is not None


def _clause_features(
    key: str,
    low: str,
    mentions: Sequence[Mention],
    start: int,
    end: int,
    *,
    opening: int,
    **context: bool,
) -> list[str]:
    """What the clause model reads of ``key[start:end]`` (see :mod:`.model`), in the clause
    that opens at ``opening``: an ordinal opening it ("Một là, …") is a list marker, read as
    ``enum`` and left out of the frame."""
    opener = next((m for m in mentions if start <= m.start < end), None)
    unit_first = (
        opener is not None
        and _usable(opener)
        and bool(_SUBJECT_PREFIX.match(key[start : opener.start]))
    )
    ordinal = ORDINAL_OPENS.match(key, opening, start)
    before = key[:start] if ordinal is None else key[:opening] + " " + key[ordinal.end() : start]
    return clause_model.features(
        key[start:end],
        before,
        enumerated=ordinal is not None,
        modal=MODAL.search(low, start, end) is not None or _modal_goes_on(key, low, start),
        leader=LEADER_REF.search(key) is not None,
        unit_first=unit_first,
        collective=COLLECTIVE_SUBJECT.match(key[start:end]) is not None,
        past=_PAST_TONED.search(low, start, end) is not None,
        will=_WILL_TONED.search(low, start, end) is not None,
        praise=PRAISE.search(key, start, end) is not None,
        # by the key alone: read with its tone, "chua" moves the directives' weights enough to
        # veto tasks the tests keep (a conclusion notice's first task at 0.43 against 0.45)
        negative=_negative(key, low, start, end, toned=False) is not None,
        **context,
    )


#: What the language marks as no task, whatever the model says: "sẽ" (what the reporting body
#: will do), "đã", "đang", "vừa" (what was done) among the first words, "tiếp tục được ..."
#: right after the verb (a report), "cần được" with no one addressed (a need).
_NO_TASK_EARLY = re.compile(r"\b(?:sẽ|đã|đang|vừa)\b")
#: Not a clause that opens on "không được" ("Đặc biệt, không được chủ quan, lơ là, …"): a
#: prohibition, which asks.
_REPORTED_EARLY = re.compile(r"^(?!không được\b)(?:\S+\s+){0,3}?(?:được|bị)\b")
#: A unit whose verb is past or passive ("UBND huyện đã chỉ đạo", "... được UBND tỉnh giao 13
#: nhiệm vụ"); not "được giao <việc>", "được yêu cầu <việc>" (a task given: "Đội Kiểm tra ...
#: được giao bố trí ...", ``_asked_passive``).
_REPORTED_AFTER_UNIT = re.compile(r"\s+(?:được(?! giao| yêu cầu| đề nghị)|đã|đang|vừa|bị)\b")
#: A unit's commitment ("UBND tỉnh (cũng) sẽ ..."), with its tone.
_WILL_AFTER_UNIT = re.compile(r"\s+(?:cũng\s+)?sẽ\b")


def _unit_commits(key: str, low: str, mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Whether a clause without "cần"/"phải" says what a body will do ("Đối với việc thực hiện
    Nghị quyết ..., UBND tỉnh sẽ tiếp tục triển khai ..."): its commitment, wherever the topic
    before it puts the clause's first verb. Not a target set ("Phấn đấu cuối năm xã X sẽ về
    đích"): the clause opens on the verb asked."""
    if MODAL.search(low, start, end) is not None or IMPERATIVE.match(key[start:end]):
        return False
    return any(
        _usable(m) and _WILL_AFTER_UNIT.match(low, m.end)
        for m in mentions
        if start <= m.start < end
    )


_REPORTED_ANYWHERE = re.compile(r"\b(?:tiếp tục|vẫn|luôn|đều|cơ bản)\s+(?:được|bị)\b")
#: The meeting itself: who held or chaired it ("Sáng 27/3, xã X tổ chức họp triển khai Kế hoạch
#: ...", "Ngày 8-2, Phó Chủ tịch UBND thành phố X chủ trì hội nghị triển khai, đôn đốc ...") and
#: what it did ("Cuộc họp điểm lại ...", "Hội nghị đã đánh giá ...").
_MEETING_ITSELF = re.compile(
    r"^\W*(?:buổi\s+)?(?:sáng|chiều|tối|trưa|ngày)\b[^,;]{0,30},[^,;]{0,60}\b(?:tổ chức|chủ trì)\s+"
    r"(?:cuộc\s+|buổi\s+)?(?:họp|hội nghị|làm việc)\b|"
    r"^\W*(?:buổi\s+)?(?:sáng|chiều|tối|trưa|ngày)\b[^,;]{0,30},[^,;]{0,100}?"
    r"(?<!cuộc )(?<!buổi )(?<!phiên )(?<!kỳ )(?<!phòng )\bhọp\b|"
    r"^\W*(?:cuộc họp|hội nghị|buổi làm việc|phiên họp)\s+(?:(?:cũng|đã)\s+)*"
    r"(?:điểm lại|đánh giá|nghe|thảo luận|thông qua|tổng kết|sơ kết|rà soát)\b"
)
#: Who a report is from ("Theo Ban Phòng chống bão lụt … huyện X, …"), before what it reports.
_SAID_BY = re.compile(r"\W*theo\s+[^,;.:]{1,100},\s*")
#: "Kỳ họp dự kiến tổ chức từ ngày 20 - 22.7": what is planned, an announcement, no task.
_PLANNED_EARLY = re.compile(r"^(?:\S+\s+){0,3}?dự kiến\b")
#: "Ông Bình cũng tặng 30 suất quà ...": a person named as the subject, without "cần"/"phải",
#: reports what that person (the visiting leader) did; tasks are addressed to bodies.
_PERSON_ACTS = re.compile(r"\W*(?:Ông|Bà)\s+[A-ZĐ]")
#: "X khẳng định, ...": what a speaker affirms (an assessment, a commitment), with its tone (not
#: "khang định"); without "cần"/"phải" no task.
_ASSERTS = re.compile(r"\bkhẳng định\b")


def _no_task(
    sentence: str, key: str, low: str, mentions: Sequence[Mention], start: int, end: int
) -> bool:
    """Whether a clause the rules passed over is, by its own words, no task (a commitment, a
    report, a plan, a need, what a person did): the model may not take it."""
    start = _after_topic(key, start, end)
    head = " ".join(low[start:end].split()[:8])
    if _NO_TASK_EARLY.search(head) or _REPORTED_EARLY.match(low[start:end].lstrip()):
        return True
    if sentence[start:end].rstrip(" \"'”’»)").endswith("?"):
        return True  # "Những tồn tại kéo dài là gì?", "Có lợi ích nhóm hay không?": a question
    if _PLANNED_EARLY.match(low[start:end].lstrip()):
        return True
    said = _SAID_BY.match(key, start, end)
    if said is not None and MODAL.search(low, start, end) is None:
        if _NO_TASK_EARLY.search(" ".join(low[said.end() : end].split()[:8])):
            return True  # "Theo Ban Chỉ huy … huyện X, huyện đã tổ chức …": what it reports
    if _MEETING_ITSELF.match(low[start:end].lstrip()) and MODAL.search(low, start, end) is None:
        return True  # "xã X tổ chức họp triển khai ...", "Cuộc họp điểm lại ...": the meeting
    modal = MODAL.search(low, start, end)
    if modal is None and _PERSON_ACTS.match(sentence, start):
        return True
    if modal is None and _ASSERTS.search(low, 0, end):
        return True  # "Chủ tịch UBND tỉnh khẳng định, ... tỉnh sẽ nghiêm túc chấp hành": no request
    if SO_FAR_NEGATIVE.match(key, start, end):
        return True  # "Đến nay, chưa có xã nào báo cáo ...": where things stand
    if modal is None and start > 0 and _DELEGATES_DID.match(key):
        return True  # "Các đại biểu đã trao đổi …; làm rõ …": what the delegates did
    if _REPORTED_ANYWHERE.search(low, start, end):
        return True
    if PRAISE.search(key, start, end):
        return True
    subject = next((m for m in mentions if start <= m.start < min(end, start + 60)), None)
    if modal is None and subject is not None and _REPORTED_AFTER_UNIT.match(low, subject.end):
        return True  # "UBND huyện Cao Lộc được UBND tỉnh giao ...", "UBND huyện đã chỉ đạo ..."
    if _unit_commits(key, low, mentions, start, end):
        return True
    return modal is not None and _a_need(key, low, start, modal, mentions)


#: A topic fronted before who asks ("Riêng về chợ X vừa xảy ra vụ cháy, thành phố yêu cầu …").
_TOPIC_FRONT = re.compile(r"\W*(?:rieng ve|rieng doi voi|doi voi)\s+[^,;:]{0,100},\s*")
#: A speaker's verb that frames what follows it ("Tổng Bí thư cũng chỉ rõ, Lạng Sơn cần ...",
#: "Thủ tướng cho rằng, cần ...", "UBND thành phố cũng yêu cầu các sở ...").
_SPEAKER_VERB = re.compile(
    r"\b(?:cho rang|chi ro|nhac nho|yeu cau|de nghi|luu y|nhan manh)\b\s*,?\s*"
)


def _after_topic(key: str, start: int, end: int) -> int:
    """Where a clause starts after a topic fronted before who asks ("Riêng về chợ X vừa xảy ra
    vụ cháy, thành phố yêu cầu …"): what the topic reports is not what the request asks."""
    topic = _TOPIC_FRONT.match(key, start, end)
    if topic is not None and _SPEAKER_VERB.search(key, topic.end(), end):
        return topic.end()
    return start


def _after_speaker(
    key: str, low: str, start: int, end: int, mentions: Sequence[Mention] = ()
) -> int:
    """Where the task starts in a clause the model takes that opens on who says it ("Thủ tướng
    cho rằng, Cao Bằng cần ..."): after the speaker's verb, so that neither the speaker nor
    the verb is the task or its lead; else ``start``. A speaker of more than eight words (a
    body's long name) is one when nothing separates it from a request that names a unit right
    after its verb ("Ban Chỉ đạo Chương trình ... tỉnh yêu cầu UBND xã X tiếp tục ...")."""
    verb = _SPEAKER_VERB.search(key, start, end)
    if verb is None or len(key[verb.end() : end].split()) < 3:
        return start
    before = key[start : verb.start()]
    if MODAL.search(low, start, verb.start()):
        return start  # "X cần đề nghị ...": the verb is the task's own
    comma = before.rfind(",")
    if comma >= 0 and leader_named(key, low, start + comma + 1, verb.start()):
        # "Trả lời ý kiến cử tri, Chủ tịch UBND thành phố yêu cầu ...": a leader speaks after
        # the fronted phrase
        if len(before[comma + 1 :].split()) <= 12:
            return verb.end()
    if comma >= 0 and _asks_after_frame(key, start, start + comma + 1, verb, mentions):
        # "Trước tình trạng đốt rác …, gây ô nhiễm …, huyện X vừa yêu cầu UBND các xã …",
        # "Đối với việc khai thác cát …, yêu cầu UBND huyện X …": a fronted frame, then the
        # request of a body (or of no one named) to the unit right after it
        return verb.end()
    if len(before.split()) > 8:
        asked = next((m for m in mentions if m.start >= verb.end()), None)
        if (
            not verb.group().startswith(("yeu cau", "de nghi"))
            or "," in before
            or asked is None
            or key[verb.end() : asked.start].strip()
            or not _usable(asked)
        ):
            return start
    return verb.end()


#: A clause that opens on a frame, the topic or the situation a request answers ("Đối với việc
#: khai thác cát …,", "Trước tình trạng đốt rác …,", "Liên quan đến …,").
_FRAME_OPENS = re.compile(
    r"\W*(?:doi voi|rieng doi voi|ve viec|lien quan (?:den|toi)|truoc (?:tinh trang|thuc trang))\b"
)
#: What may stand between a body that asks and its request verb ("huyện X vừa yêu cầu …").
_BODY_ASKS = re.compile(r"\s*(?:(?:vua|da|cung|tiep tuc)\s+)*$")


def _asks_after_frame(
    key: str, start: int, at: int, verb: re.Match[str], mentions: Sequence[Mention]
) -> bool:
    """Whether the part of a clause (from ``start``) after the last comma of a fronted frame
    (``at``) up to its request verb ("yêu cầu", "đề nghị") is a body that asks, or nothing after
    a clause that opens on a frame (``_FRAME_OPENS``), and a unit is named right after the verb:
    the request is the task, the frame no part of it. Not a task that goes on with a request
    ("Tăng cường kiểm tra …, yêu cầu UBND xã báo cáo": one task), nor a shortcoming that does
    ("có 7 công trình đạt dưới 50%, đề nghị huyện …": one item)."""
    if not verb.group().startswith(("yeu cau", "de nghi")):
        return False
    asked = next((m for m in mentions if m.start >= verb.end()), None)
    if asked is None or key[verb.end() : asked.start].strip():
        return False
    if not (_usable(asked) or asked.role == "collective"):
        return False
    if not key[at : verb.start()].strip():
        return _FRAME_OPENS.match(key, start) is not None
    speaker = next((m for m in mentions if at <= m.start and m.end <= verb.start()), None)
    return (
        speaker is not None
        and _usable(speaker)
        and not key[at : speaker.start].strip()
        and _BODY_ASKS.match(key, speaker.end, verb.start()) is not None
    )


def _model_core(key: str, low: str, mentions: Sequence[Mention], start: int, end: int) -> int:
    """Where the task starts in a clause the model takes: after the unit it opens on (its
    lead), or after the unit that must act right after a fronted phrase ("Muốn giải quyết các
    vấn đề trên, Cao Bằng cần ..."), else at its start."""
    opener = next((m for m in mentions if start <= m.start < end), None)
    if opener is None or not _usable(opener):
        return start
    if _opens_subject(key, start, opener.start):
        return opener.end
    comma = key.rfind(",", start, opener.start)
    if comma >= 0 and _SUBJECT_PREFIX.match(key[comma + 1 : opener.start]):
        if _modal_next(low, opener.end):
            return opener.end
    return start


#: Where a body asked stands: right after a request verb, or opening a clause (not "Đại biểu
#: HĐND xã phải …", the body's members, nor "13 Tổ đại biểu HĐND quận …").
_ASKED_AT = re.compile(r"(?:^|[,;:]|\b(?:de nghi|yeu cau|giao))\s*$")


def _one_asked(key: str, mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The one body asked between ``start`` and ``end`` ("đề nghị Ban quản lý dự án …", "UBND
    huyện X phải …": a unit after a request verb or before "cần"/"phải"), else None (none, or
    several bodies asked)."""
    asked = [
        m
        for m in mentions
        if start <= m.start < end
        and m.asked
        and _usable(m)
        and _ASKED_AT.search(key, max(0, m.start - 20), m.start)
    ]
    return asked[0] if asked and len({_value(m) for m in asked}) == 1 else None


def _subject_body(key: str, mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The body a clause from ``start`` opens on as its subject (after what a subject may open
    on, "các", "lãnh đạo", …), whatever it resolves to; None when it opens on no body or on a
    person's title ("Chủ tịch UBND xã …")."""
    opener = next((m for m in mentions if start <= m.start < end), None)
    if opener is None or opener.affiliation or not _opens_subject(key, start, opener.start):
        return None
    return opener


def _named_addressee(sentence: str, at: int) -> bool:
    """Whether what a request asks opens with a capital inside a sentence: a name ("yêu cầu
    Nhà đầu tư ứng kinh phí"), not the verb of the task; not after a colon or a quote
    ("yêu cầu: Tiếp tục ...")."""
    before = sentence[:at].rstrip()
    after = sentence[at:].lstrip()
    if not before or not after or before[-1] in ":\"“'(-–•+*":
        return False
    return after[0].isupper()


def _modal_next(low: str, at: int) -> bool:
    """Whether a modal follows ``at`` (the end of a unit): the unit that must act ("địa
    phương cần ...")."""
    return MODAL.match(low, at + len(low[at:]) - len(low[at:].lstrip())) is not None


#: "Đối với UBND huyện X, đề nghị ...", "Về phía Sở Y, yêu cầu ...": the topic names the body asked.
_TOPIC_UNIT = re.compile(r"\W*(?:rieng\s+)?(?:doi voi|ve phia|rieng)\s+$")


def _topic_unit(
    key: str, mentions: Sequence[Mention], start: int, verb: int, low: str = ""
) -> list[Mention]:
    """The unit a topic before a request names when the request names no one ("Đối với UBND
    huyện Phù Cát, đề nghị khẩn trương ..."): the topic is all of what stands before the verb,
    or before the leader who speaks ("Về phía xã X, đồng chí Bí thư yêu cầu ...")."""
    first = next((m for m in mentions if start <= m.start < verb), None)
    if first is None or not _usable(first) or not _TOPIC_UNIT.fullmatch(key[start : first.start]):
        return []
    between = key[first.end : verb]
    if between.strip(" ,"):
        speaker = between.lstrip()
        if not (
            between.startswith(",")
            and low
            and len(speaker.split()) <= 16
            and not MODAL.search(low, first.end, verb)
            and leader_named(key, low, first.end + 1, verb)
        ):
            return []
    return [first]


#: A plural of people or of bodies that are no unit ("các thành viên Ban Chỉ đạo", "các chủ đầu
#: tư"), addressed as a task's subject: no unit, neither the session's partner's.
_ROLE_PLURAL = re.compile(
    r"^\W*(?:cac|nhung|toan the|tat ca(?: cac)?|moi|tung)\s+(?:thanh vien|dai bieu|dang vien|"
    r"hoi vien|doan vien|vien chuc|lanh dao|to|thon|ap|khu pho|chu dau tu|nha thau|doanh nghiep|"
    r"don vi thi cong|ho dan|ho gia dinh|ho kinh doanh|dong chi|"
    r"truong|luc luong|nguoi)\b"
)


class _NoUnit:
    """Marks "no earlier directive in this paragraph"."""


_NO_CONTEXT = _NoUnit()
#: A sentence that continues the one before it and takes its period ("Trong đó, ...").
_CONTINUES = re.compile(r"\W*trong do\b")
_ALSO = re.compile(r"\W*dong thoi\b")
#: A sentence that opens on a condition ("Trong trường hợp ...", "Nếu ...", with its tone: not
#: "Nêu"): without a request or a "cần"/"phải", what it states is the consequence ("… sẽ chịu kỷ
#: luật", ``_CONSEQUENCE``), no task; what a body is to do then ("Nếu có khó khăn, vướng mắc, chủ
#: động thông tin về Văn phòng …") is one.
_CONDITION = re.compile(r"\W*(?:trong trường hợp|trường hợp|nếu)\b")
_CONSEQUENCE = re.compile(r"\b(?:se|chiu|bi|thi)\b")


#: A section of a conclusion addressed to one body: "1. Đối với Ban Thường trực ...:",
#: "Riêng đối với UBND xã X:".
_ADDRESSED_SECTION = re.compile(
    r"\W*(?:(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)/]\s*)?(?:rieng\s+)?(?:doi voi|giao cho|giao)\s+"
)


def _names_only_body(text: str, resolver: UnitResolver) -> Mention | None:
    """The body a list's entry names and nothing else ("- Thường trực HĐND", "+ Ban Kinh tế -
    Xã hội:"), a unit or a leadership, else None."""
    marker = LIST_MARKER.match(text)
    if marker is None or not marker.end():
        return None
    mentions = resolver.mentions(text)
    first = next((m for m in mentions if m.start >= marker.end()), None)
    if first is None or text[marker.end() : first.start].strip():
        return None
    if not _usable(first) and first.role != "leadership":
        return None
    return first if not text[first.end :].strip(" .:;,\t") else None


def _heads_entry(text: str, resolver: UnitResolver) -> Mention | None:
    """The unit a clause names and nothing else, before the ``:`` of its task ("a) Sở Tài chính:
    chủ trì, phối hợp …", "- UBND các huyện: …" gives None: a collective names no one unit)."""
    marker = LIST_MARKER.match(text)
    at = marker.end() if marker is not None else 0
    first = next((m for m in resolver.mentions(text) if m.start >= at), None)
    if first is None or text[at : first.start].strip() or not _usable(first):
        return None
    return first if not text[first.end :].strip(" .,:\t") else None


def _names_addressee(text: str, resolver: UnitResolver) -> bool:
    """Whether a numbered or lettered sub-heading names only the bodies its tasks are addressed
    to: one unit ("1. Sở Y tế", "b) UBND huyện:") or a collective ("3. Các sở, ngành, UBND các
    huyện, thị xã, thành phố")."""
    marker = _SUB_HEADING.match(text)
    if marker is None:
        return False
    if _heads_entry(text, resolver) is not None:
        return True
    rest = fold_aligned(text[marker.end() :]).rstrip(" :.")
    return (
        bool(COLLECTIVE_SUBJECT.match(rest))
        and not _speech_verb(rest, rest, 0, len(rest))
        and (len(rest.split()) <= 15 and not HEADING_DIRECTIVE.search(rest))
    )


def _names_again(key: str, mentions: Sequence[Mention], at: int, lead: Mention) -> bool:
    """Whether the unit named right after a request verb at ``at`` is ``lead`` again ("1. Giao
    phòng Tài nguyên và Môi trường huyện:", then "Giao phòng TN&MT huyện tham mưu …"): the verb
    is the leader's, repeated, not the unit's own assigning."""
    first = next((m for m in mentions if m.start >= at), None)
    if first is None or key[at : first.start].strip(" ,") not in ("", "cho"):
        return False
    return unit_key(_value(first) or first.text) == unit_key(_value(lead) or lead.text)


def _section_lead(mentions: Sequence[Mention], at: int) -> Mention | None:
    """The unit a section's heading names right after "Đối với" (None for a collective one)."""
    first = next((m for m in mentions if m.start >= at), None)
    if first is None or first.start > at or not _usable(first):
        return None
    return first


#: A period counted from the meeting that names no day ("trong tháng tới", "thời gian tới"):
#: a lead-in that states one gives its items no deadline, not the previous sentence's.
_RELATIVE_PERIOD = re.compile(
    r"\b(?:thang|tuan|quy|nam|thoi gian|giai doan)\s+(?:toi|sap toi|tiep theo|sau)\b"
)


def extract_directives(
    paragraphs: Sequence[Paragraph],
    resolver: UnitResolver,
    ref: date | None,
    taken: set[tuple[str, int]] | None = None,
    partner: str | None = None,
    held: date | None = None,
) -> list[DirectiveDraft]:
    """The directives given at the meeting (see the module docstring); ``partner``: the one
    unit of a working session, lead of what names no unit and no collective subject; ``held``:
    the meeting's day, when known (an order carried out before it is reported, no task)."""
    taken = taken or set()
    model = clause_model.active()
    found: list[DirectiveDraft] = []
    seen: set[tuple[str | None, str]] = set()
    carry: str | None = None  # "heading": the whole section; "colon": the list items after ":"
    carried_frame: Deadline | None = None  # the deadline of the lead-in of those list items
    carried_lead: Mention | None = None  # the unit a section of those items is addressed to
    section_lead: Mention | None = None  # the unit a numbered section's heading addresses
    task_section = False  # whether the last section heading announced tasks
    section_level = -1  # how deep the heading of the section of tasks is (-1: a list after ":")
    lead_level = 0  # how deep the sub-heading naming the unit that leads its entries is
    for para in paragraphs:
        pkey = fold_aligned(para.text)
        if para.kind == "heading":
            level = heading_level(para.text)
            addressed = _ADDRESSED_SECTION.match(pkey)
            if (
                carry is not None
                and addressed is not None
                and (pkey.rstrip().endswith(":") or carry == "colon")
            ):
                # "1. Đối với Ban Thường trực Ủy ban MTTQ huyện:" in a conclusion's list: the
                # section's items are that unit's (the colon may be left out inside a list
                # announced by one: "... như sau:" then "1. Đối với HĐND phường")
                carry = "colon"
                carried_lead = _section_lead(resolver.mentions(para.text), addressed.end())
                section_lead = carried_lead
                lead_level = level
                continue
            if task_section and _names_addressee(para.text, resolver):
                # "II. NHIỆM VỤ …" then "1. Sở Y tế" (or "3. Các sở, ngành, UBND các huyện"):
                # the section's tasks go on, those under it addressed to that unit (to none)
                carry = "heading"
                carried_lead = section_lead = _heads_entry(para.text, resolver)
                lead_level = level
                continue
            if (
                (task_section or carry in ("heading", "colon"))
                and level > max(section_level, 0)
                and topic_heading(pkey)
            ):
                # "II. NHIỆM VỤ …" (or "… kết luận như sau:") then "1. Về công tác xây dựng
                # Đảng": a topic of the section, whose entries are its tasks; a unit a heading
                # above it names still leads them, not one beside it
                if task_section:
                    carry = "heading"
                if level <= lead_level:
                    carried_lead = section_lead = None
                continue
            is_tasks = HEADING_DIRECTIVE.search(pkey) and not HEADING_LIMIT.search(pkey)
            carry = "heading" if is_tasks else None
            task_section = bool(is_tasks)
            carried_lead = section_lead = None
            section_level = level
            continue
        in_zone = carry == "heading" or (
            carry == "colon"
            and bool(
                LIST_MARKER.match(para.text)
                or _TASK_START.match(pkey)
                or _opens_task(para, resolver)
                or _opens_on_unit(para, resolver)
            )
        )
        # "... yêu cầu tập trung thực hiện một số nhiệm vụ sau." and then a paragraph per task
        in_zone = in_zone or (carry == "tasks" and _opens_task(para, resolver))
        in_zone = in_zone or bool(QUOTED_FRAME.search(pkey))  # '"..." - đó là chỉ đạo của ...'
        # "X cần ...; đồng thời ... . Đó là chỉ đạo của đồng chí ...": the same without quotes
        in_zone = in_zone or any(_names_tasks_before(s) for s in para.sentences[1:])
        if carry in ("colon", "tasks") and not in_zone:
            carry = None
            carried_lead = None
        if carry == "colon" and in_zone:
            named_only = _names_only_body(para.text, resolver)
            if named_only is not None:
                # "- Phòng Tài chính:" then "+ Rà soát ...": an entry that only names a body is
                # no task; a unit it names leads the entries under it (a leadership the gazetteer
                # gives no unit, "- Thường trực HĐND", leaves them the section's, if any)
                carried_lead = named_only if _usable(named_only) else section_lead
                continue
        open_ctx = in_zone
        previous: Mention | None | _NoUnit = _NO_CONTEXT
        previous_many = False
        # in a list announced by "...như:", "...gồm:" or numbers, every item is one directive
        listing = carry == "colon" and in_zone
        # whether the lead-in calls its entries tasks ("tập trung một số nhiệm vụ như: A; B")
        tasks_named = False
        if (listing or carry == "heading" or (carry == "tasks" and in_zone)) and (
            carried_lead is not None
        ):
            # the list's or the previous paragraph's addressee leads what names none
            previous = carried_lead
        # the unit a list of tasks is addressed to ("yêu cầu UBND xã X thực hiện các nội dung
        # sau:", "1. Sở Y tế"), whose entries are its own tasks; not the unit of the entry before
        list_lead = (
            carried_lead
            if in_zone
            and carried_lead is not None
            and (carry == "colon" or carried_lead is section_lead)
            else None
        )
        list_frame = carried_frame if listing else None
        dashed_entry = carry == "heading" and LIST_MARKER.match(para.text) is not None
        last_due: Deadline | None = None  # the deadline the previous sentence gave
        asked_lead: Mention | None = None  # the body a lead-in ending the paragraph asks
        gave_last = False  # whether the paragraph's last sentence gave a directive
        gave_any = False  # whether the paragraph gave a directive so far
        # whether it gave one outside a body's own plan (a plan opens no speech that goes on)
        spoke = False
        # whether a directive comes just before, in the paragraph or in the one it continues
        # (the leader's tasks go on across the paragraph break)
        continues_tasks = carry == "tasks"
        for sentence_index, sentence in enumerate(para.sentences):
            # whether the sentence before gave a directive (its work goes on: "Việc … phải …")
            gave_before = gave_last
            gave_last = False
            key, low = fold_aligned(sentence), lower_aligned(sentence)
            if _NAMES_QUOTE.match(key):
                continue  # '"...". Đó là phát biểu chỉ đạo của ...': the quotation is the task
            if _BEFORE_MEETING.match(key):
                continue  # "Trước khi tiến hành giám sát, ... yêu cầu ...": asked and answered
            if _RECALLED.match(key):
                continue  # "Trước đó, ngày 20/4, UBND TP đã có văn bản chỉ đạo …": asked before
            if _OWN_QUESTIONING.search(key):
                continue  # "Các đại biểu đặt câu hỏi …": the question session's own conduct
            if (
                sentence_index
                and _BARE_REQUEST.match(key)
                and _DELEGATES_PROPOSE.search(fold_aligned(para.sentences[sentence_index - 1]))
            ):
                continue  # "… các đại biểu đề nghị làm rõ … . Đề nghị UBND tỉnh …": theirs too
            if _EXECUTES_DOCUMENT.search(key):
                continue  # "... chịu trách nhiệm thi hành Quyết định này": the closing formula
            if _ordered_before(key, low, held):
                continue  # an order given and carried out before the meeting: no task, no speech
            if (
                _CONDITION.match(low)
                and _CONSEQUENCE.search(key)
                and not MODAL.search(low)
                and _speech_verb(key, low, 0, len(key)) is None
            ):
                continue  # "Trong trường hợp xã để phát sinh vi phạm mới, ... sẽ chịu kỷ luật"
            # "Trong tháng 9, Chi bộ tiếp tục chỉ đạo A; B; C": a body's own plan for a period
            # still to come, its head a task and its ";"-parts read as a request's (GUIDE.md)
            own_plan = _own_plan(sentence, key, low, ref, held, last_due) if not listing else None
            if not in_zone and (
                own_plan is not None
                or _speech_frame(key, low)
                or _plans_ahead(key, ref)
                or _opens_on_request(key, low)
                or _assigned_at(key, low, resolver.mentions(sentence), 0, len(key)) is not None
                or _directs_unit_in(key, low, resolver.mentions(sentence))
                or _document_asks(key, low)
                or _order_shape(key, low)
                or (_TASK_LIST_INTRO.search(key) and not _OPINIONS_ON.search(key))
                or _WEIGHS_THEN_ASKS.search(key)
                or _tasks_for_period_ahead(sentence, key, low, ref, held, last_due) is not None
                # "Một số công trình chậm tiến độ …, đề nghị UBND huyện …": who judged, asks
                or _shortcoming_before(key, low, 0, len(key)) is not None
            ):
                in_zone = True
            # "Chuẩn bị ... là một trong những kết luận của đồng chí X": one task, named by
            # a news lead; it opens no speech
            named = None if QUOTED_FRAME.search(key) else _CONCLUSION_OF.search(key)
            # outside a leader's speech only the model may find a task (a task written
            # without the markers that open the zone)
            out_of_zone = not in_zone and named is None
            if out_of_zone and model is None and clause_model.RECORDER is None:
                continue
            asked = _speech_verb(key, low, 0, len(key))
            if asked is not None and _REPORTED_BY_MANY.search(key[: asked.start()]):
                continue  # "Chủ tịch UBND các xã đã chỉ đạo ...": what others did, no task
            if _REPORTS_PAST.search(key) and (asked is None or asked.group() in _FRAMING_VERB):
                continue  # "đồng chí X đã quán triệt, triển khai ...": what was done, no task
            if asked is None and ATTENDING.match(key):
                continue  # "Cùng đi có đồng chí X, …; lãnh đạo Văn phòng UBND huyện": who went
            mentions = resolver.mentions(sentence)
            proposes = _PLACE_PROPOSES.search(key)
            if not listing and (
                any(
                    _usable(m)
                    and m.head != "doan"
                    and (asked is None or m.start < asked.start())
                    and _UNIT_PROPOSES.match(key, m.end)
                    for m in mentions
                )
                or (proposes is not None and (asked is None or proposes.start() < asked.start()))
            ):
                # "UBND huyện kiến nghị sớm giao ...": what a unit asks for, no task; not
                # "yêu cầu Sở Tài chính đề xuất ...", nor a listed entry "Sở X đề xuất ..."
                continue
            frame: Deadline | None = list_frame
            if (
                frame is None
                and _CONTINUES.match(key)
                and last_due is not None
                and last_due.due is not None
                and last_due.due >= (held or ref or last_due.due)
            ):
                # "… đề ra nhiệm vụ cho 6 tháng còn lại. Trong đó A; B": the sentence goes on
                # with the one before and takes the period that dates it (GUIDE.md)
                frame = last_due
            if _ALSO.match(key):
                frame = None  # "Đồng thời, ...": a task of its own, not dated by the list's period
            if listing and LIST_MARKER.match(para.text):
                clauses = [Clause(sentence, 0, "#")]  # a dashed entry: one item, ";" and all
            else:
                clauses = _clauses(sentence)
            sentence_due: Deadline | None = None
            planned = False  # whether the rules took its head only as such a plan
            led_in = False  # whether a lead-in of this sentence announced a list
            given_lead: Mention | None = None  # the body it gave the list to ("để X thực hiện:")
            # the one body its lead-in asks to do the list ("đề nghị UBND huyện X quan tâm một
            # số vấn đề: …")
            asked_list: Mention | None = None
            topics = False  # whether it announced topics to clarify ("làm rõ ... như:")
            asks_next = False  # whether the clause before ended on its request verb ("giao:")
            # the body asked by a task the model found, for the clauses after it in the sentence
            # ("yêu cầu UBND các huyện A, B khẩn trương ...; đồng thời cảnh báo ...")
            model_lead: Mention | None = None
            entry_head: int | None = None  # where the unit heading the next clause's task is
            asking = False  # whether the clause before was a task a request verb governs
            for index, clause in enumerate(clauses):
                asked_before, asks_next = asks_next, False
                # "yêu cầu Sở Y tế rà soát …; theo dõi …; luôn sẵn sàng ứng phó": a part after
                # ";" goes on with the request that gave the part before it
                carries_request, asking = asking and clause.after == ";", False
                headed_at, entry_head = entry_head, None
                end = clause.start + len(clause.text)
                if topics:
                    continue  # an entry of the topics a body must explain: no task
                if (
                    (sentence, clause.start) in taken
                    and _shortcoming_before(key, low, clause.start, end) is None
                    and _shortcoming_before_task_ahead(key, low, clause.start, end) is None
                ):
                    # (not "… chậm tiến độ …, đề nghị UBND huyện …", "… xã nghèo, thời gian tới
                    # cần phải …": the request or the task after the shortcoming is a task)
                    reason = _BECAUSE_OF.search(low, clause.start, end)
                    if reason is None or _asked_because(sentence, clause.start, end) is None:
                        continue
                    end = reason.start()  # the request before the reason it gives is a task
                if _criticised_for(key, low, clause.start, end):
                    continue  # "phê bình X vì chưa …, tổ chức …": what X is criticised for
                start = clause.start
                following = clauses[index + 1] if index + 1 < len(clauses) else None
                numbered_next = following is not None and following.after == "#"
                # a sentence ending in ":" announces the list items of the next paragraphs, and
                # so does the clause before a bare "; cụ thể như sau:"; a sentence that only
                # names "một số nhiệm vụ trọng tâm." announces them (no item, listed or not)
                ends_colon = sentence.rstrip().endswith(":")
                lead_in = (following is None and ends_colon) or bool(
                    following is not None
                    and index + 2 == len(clauses)
                    and ends_colon
                    and _MARKER_ONLY.match(
                        key, following.start, following.start + len(following.text)
                    )
                )
                lead_in = lead_in or (
                    following is None and bool(_ANNOUNCES_ONLY.search(key, start, end))
                )
                # an entry of a list that ends in ":" heads the entries under it ("1.1. Việc
                # ...; ...:"): no item itself
                sub_heading = clause.after == "#" and following is None and ends_colon
                if (numbered_next and clause.after != "#") or (
                    (clause.after != "#" or sub_heading)
                    and (lead_in or _is_list_intro(key, clause, following))
                ):
                    if out_of_zone:
                        continue
                    if following is not None and (
                        _CLARIFY.search(key, start, end)
                        or _RAISED.match(key, start, end)
                        or _AGENDA.match(key, start, end)
                        or _EFFORTS_SHOWN.search(key, start, end)
                    ):
                        # "yêu cầu các sở làm rõ một số nội dung như: A; B": what they must
                        # explain at the meeting, no task each; "Kỳ họp sẽ thông qua …, như:
                        # A; B": what the meeting takes up; "… đã có nhiều cố gắng … như: Có
                        # phương án …": what was done well
                        topics = True
                        continue
                    # "... một số nhiệm vụ trọng tâm trong tháng 9, cụ thể như sau:" announces;
                    # its deadline dates every item
                    listing = True
                    tasks_named = tasks_named or bool(
                        _TASK_LIST_INTRO.search(key, 0, min(len(key), end + 3))
                    )
                    open_ctx = True
                    found_due = best_deadline(find_deadlines(sentence[start:end], ref))
                    # the previous sentence's period only for a lead-in that continues it
                    # ("... trong tháng 4. Trong đó, tập trung vào các vấn đề: ..."), unless a
                    # lead-in of this sentence already framed the list or states a period of
                    # its own; a period another sentence reports on dates nothing
                    inherit = (
                        not led_in
                        and _CONTINUES.match(key)
                        and not _RELATIVE_PERIOD.search(key, start, end)
                    )
                    led_in = True
                    # "yêu cầu lãnh đạo, công chức ... Văn phòng UBND tỉnh tập trung thực hiện
                    # các nhiệm vụ như: ...": the body asked leads the items
                    asked_verb = _speech_verb(key, low, start, end)
                    if asked_verb is not None:
                        addressee = next(
                            (m for m in mentions if asked_verb.end() <= m.start < end), None
                        )
                        if COLLECTIVE_SUBJECT.match(key[asked_verb.end() : end]):
                            # "yêu cầu các ban ngành, đoàn thể, ..., Trạm y tế thực hiện các
                            # công việc sau": every unit, none of them leads
                            previous = None
                            previous_many = True
                            if following is None:
                                asked_lead = None
                        elif addressee is not None and _usable(addressee):
                            previous = addressee
                            if not _MANY_AFTER.match(key, addressee.end):
                                asked_list = addressee  # not "Thường trực HĐND 15 phường"
                            if following is None:
                                asked_lead = addressee  # it leads the entries after it too
                    else:
                        # "... những công việc mà địa phương cần khẩn trương thực hiện đó là:":
                        # the unit that must do them leads them
                        bound = next(
                            (
                                m
                                for m in mentions
                                if start <= m.start < end and _usable(m) and _modal_next(low, m.end)
                            ),
                            None,
                        )
                        given = _GIVEN_TO_DO.search(key, start, end)
                        if bound is None and given is not None:
                            # "… để HND huyện tiếp tục triển khai thực hiện: A; B": the body the
                            # list is given to leads its entries
                            bound = next(
                                (m for m in mentions if m.start == given.start("body")), None
                            )
                            bound = bound if bound is not None and _usable(bound) else None
                            given_lead = bound
                        if bound is not None:
                            previous = bound
                            if following is None:
                                asked_lead = bound
                    addressed = _ADDRESSED_SECTION.match(key, start, end)
                    if addressed is not None and following is None:
                        # "2. Đối với UBND các xã:": the items after it are that unit's
                        carried_lead = _section_lead(mentions, addressed.end())
                        if carried_lead is not None:
                            previous = carried_lead
                    list_frame = found_due or list_frame or (last_due if inherit else None)
                    frame = list_frame
                    sentence_due = found_due or sentence_due
                    continue
                if (
                    following is not None
                    and following.after == ":"
                    and _TOPIC_HEAD.match(key, start, end)
                ):
                    continue  # "Về công tác y tế: ...": the topic of the task after it
                if (
                    following is not None
                    and following.after == ";"
                    and _BODIES_ONLY.fullmatch(key, start, end)
                ):
                    # "Giao các sở, ngành tỉnh; UBND các huyện, thành phố; các Ban QLDA … báo
                    # cáo …": the bodies asked, listed with ";", are no task of their own; the
                    # part after them goes on with the request
                    asking = True
                    continue
                if (
                    following is not None
                    and following.after == ":"
                    and _JUDGES.search(key, start, end)
                ):
                    continue  # "Thường trực HĐND thành phố nhận định: ...": who speaks
                if following is not None and following.after == ":":
                    heads = _heads_entry(sentence[start:end], resolver)
                    if heads is not None:
                        # "a) Sở Kế hoạch và Đầu tư: chủ trì, phối hợp với …" (a document's
                        # entry): the unit before the colon leads the task after it
                        previous = heads
                        asks_next = True
                        entry_head = start + heads.start
                        continue
                requested = False
                if named is not None:
                    if not start < named.start() <= end:
                        continue
                    end = named.start()
                    requested = True
                quoted_at = QUOTED_FRAME.search(key, start, end)
                if quoted_at is not None and quoted_at.start() > start:
                    end = quoted_at.start()  # '"...", X nhấn mạnh': the verb of the attribution
                verb = _speech_verb(key, low, start, end)
                while verb is not None and not _requests(key, low, mentions, start, end, verb):
                    # "khảo sát giao chỉ tiêu ..., giao các Ban ...": a later verb may ask
                    verb = _speech_verb(key, low, verb.end(), end)
                if (
                    verb is not None
                    and list_lead is not None
                    and _ENTRY_MARK.fullmatch(key, start, verb.start())
                    and not _names_again(key, mentions, verb.end(), list_lead)
                ):
                    # "yêu cầu UBND xã X thực hiện …: 1. Chỉ đạo thú y xã …": an entry that opens
                    # on a request verb in a list addressed to one unit is that unit's own
                    # directing (or assigning, asking), the whole entry its task
                    verb = None
                if (
                    verb is not None
                    and list_lead is None
                    and (gave_last or gave_any or continues_tasks)
                    and isinstance(previous, Mention)
                    and _DIRECTS.fullmatch(key, verb.start(), verb.end())
                    and _ENTRY_MARK.fullmatch(key, start, verb.start())
                    and not _names_again(key, mentions, verb.end(), previous)
                ):
                    # "yêu cầu huyện X cần di dời …; chỉ đạo các lực lượng thu dọn …": a part
                    # that opens on "chỉ đạo" after a task given to one unit is that unit's own
                    # directing, the whole part its task
                    verb = None
                if verb is not None and gave_last and _addressed_body(key, mentions, start, verb):
                    # "đề nghị các Ban ...; UBND tỉnh chỉ đạo các cơ quan ...": after a request
                    # in the same sentence, the body that "chỉ đạo" is the one asked
                    verb = None
                if verb is not None:
                    open_ctx = open_ctx or not out_of_zone
                    requested = True
                    # "Để thực hiện tốt nhiệm vụ quý II/2013, đồng chí ... đề nghị ...":
                    # the purpose before the request dates it
                    purpose = best_deadline(find_deadlines(sentence[start : verb.start()], ref))
                    if purpose is not None and (
                        PURPOSE.match(low, _skip_lead(key, start, end))
                        or _TASK_FRAME.search(key, start, start + purpose.start)
                        or _OPENS_ON_PERIOD.match(key, start, start + purpose.end + 3)
                    ):
                        frame = purpose
                    start = verb.end()
                start = _skip_lead(key, start, end)
                task_is = _TASK_IS.search(key, start, end)
                if task_is is not None:
                    start = task_is.end()  # "... nhiệm vụ trước mắt là khắc phục ...": the task
                if requested and _OWN_DISCUSSION.match(key, start, end):
                    continue  # the meeting's own discussion
                modal = MODAL.search(low, start, end)
                if modal is not None and _SO_THEN.fullmatch(key, start, modal.start()):
                    start = modal.start()  # "…, vì vậy cần tập trung …": the task is from "cần"
                if PURPOSE.match(low, start) and modal is not None:
                    comma = key.rfind(",", start, modal.start())
                    if comma > start:
                        start = _skip_lead(key, comma + 1, end)
                if len(key[start:end].split()) < 2:
                    asks_next = (
                        verb is not None and following is not None and following.after == ":"
                    )
                    continue
                core = _core(key, low, start, end, open_ctx, mentions)
                if core is None and (listing or dashed_entry) and len(key[start:end].split()) >= 3:
                    # an item of an announced list is a task whatever its verb, and so is an
                    # entry under a heading that announces tasks ("- Tham mưu UBND tỉnh …");
                    # the unit it opens on is its lead ("Phòng Kinh tế hạ tầng đánh giá lại ...")
                    opener = next((m for m in mentions if start <= m.start < end), None)
                    core = start
                    if opener is not None and _usable(opener):
                        if _SUBJECT_PREFIX.match(key[start : opener.start]):
                            core = opener.end
                if core is None and requested and len(key[start:end].split()) >= 3:
                    # "đề nghị Đảng ủy xã quan tâm ...": what a leader asks for is a task
                    head = next((m for m in mentions if start <= m.start < end), None)
                    at_start = head is not None and (
                        _SUBJECT_PREFIX.match(key[start : head.start])
                        or _HEAD_OF.match(key[start : head.start])
                    )
                    core = head.end if head is not None and at_start else start
                # "Các sở, ngành chủ động …", "Chủ tịch UBND các xã nghiêm túc …": an order by
                # its shape, its task from the modal, the ";"-parts after it its own
                shaped = None if out_of_zone else _order_shape_at(key, low, start)
                if core is None and shaped is not None:
                    core = shaped
                if core is None and own_plan is not None and index == 0 and not out_of_zone:
                    # the body's own plan: its period dates the head and the parts after it
                    core = _model_core(key, low, mentions, start, end)
                    frame, planned = own_plan, True
                if core is not None and (
                    _COMMITS.search(low, start, core + 1)
                    or _unit_commits(key, low, mentions, start, end)
                ):
                    core = None  # "Ban sẽ phối hợp ...": what the reporting body will do
                # The rules' state (the zone, the previous unit, the deadline in force) follows
                # what the rules decide, whatever the model emits: the model reads the same
                # context at run time as when it was trained.
                rule = core is not None and not out_of_zone
                take = rule
                if model is not None or clause_model.RECORDER is not None:
                    feats = _clause_features(
                        key,
                        low,
                        mentions,
                        start,
                        end,
                        opening=clause.start,
                        zone=not out_of_zone,
                        open_ctx=open_ctx,
                        # "Chủ tịch UBND huyện giao: Phòng Nội vụ rà soát": what follows the colon
                        # is asked
                        requested=requested or asked_before,
                        rule=rule,
                        previous_directive=gave_any or continues_tasks,
                        # a dashed or numbered entry under a heading that announces tasks is a
                        # list's entry as much as one after a colon
                        listing=listing or dashed_entry,
                        first_sentence=sentence_index == 0,
                    )
                    if clause_model.RECORDER is not None:
                        clause_model.RECORDER.append(
                            clause_model.Candidate(sentence, tidy(sentence[start:end]), feats, rule)
                        )
                    if model is not None:
                        # a task a news lead names as a conclusion is one whatever its words:
                        # the model has seen too few such leads to weigh them
                        # and so is an entry the rules take under a heading that announces
                        # tasks ("2. Nhiệm vụ thời gian tới" then "- ..."), what the leader's
                        # sentence calls the task ("nhiệm vụ trước mắt là khắc phục ..."), an
                        # entry of a list its lead-in calls tasks, or a part after ";" of the
                        # request before it: the text itself says what its entries are
                        take = model.decide(feats, rule) or (
                            rule
                            and (
                                named is not None
                                or dashed_entry
                                or task_is is not None
                                or (listing and tasks_named)
                                or carries_request
                            )
                        )
                    asking = take and (
                        verb is not None
                        or carries_request
                        or shaped is not None
                        or (own_plan is not None and index == 0)
                    )
                # a body asked in the passive ("UBND phường X được yêu cầu theo dõi …") is asked
                # whoever asks: its words say so, whatever the model weighs
                asked_passive = _asked_passive(key, mentions, start, end)
                take = take or asked_passive
                if out_of_zone:
                    core = None
                deadlines = find_deadlines(sentence[start:end], ref)
                sentence_due = best_deadline(deadlines) or sentence_due
                if core is None:
                    chosen = best_deadline(
                        [d for d in deadlines if not _dates_purpose(key, low, start, start, d)]
                    )
                    if chosen is not None:
                        frame = chosen
                    if (
                        not out_of_zone
                        and COLLECTIVE_SUBJECT.match(key[start:end])
                        and (MODAL.search(low, start, end))
                    ):
                        # "Mỗi chi bộ, mỗi đảng viên phải được giao ...": every unit's, so what
                        # names no unit after it is no longer the unit before
                        previous = None
                        previous_many = True
                    if not take or (
                        not asked_passive and _no_task(sentence, key, low, mentions, start, end)
                    ):
                        continue
                    if not asked_passive:
                        start = _after_topic(key, start, end)
                        start = _after_speaker(key, low, start, end, mentions)
                    core = _model_core(key, low, mentions, start, end)  # the model's own find
                local = [
                    d
                    for d in deadlines
                    if start + d.start >= core and not _dates_purpose(key, low, core, start, d)
                ]
                framing = [d for d in deadlines if start + d.start < core]
                if framing and rule:
                    frame = best_deadline(framing)
                if frame is not None:
                    # "rà soát các nhiệm vụ cần ... hoàn thành trong tháng 12", under a lead-in
                    # with a period of its own: the period dates the work reviewed, the lead-in
                    # dates the task
                    local = [
                        d
                        for d in local
                        if not _WORK_DATED.search(
                            key, max(start, start + d.start - 70), start + d.start
                        )
                    ]
                due = best_deadline(local) or frame
                # "6 tháng cuối năm, huyện X tập trung ...", "Trong tháng 6, các phòng tiếp tục
                # ...": the period frames the task (and may date it), the task starts at its
                # subject
                text_start = _fronted_period(key, start, core)
                framed = PERIOD_FRAME_OPEN.match(key, start, end) if text_start == start else None
                if framed is not None:
                    text_start = framed.end()
                because = BECAUSE.search(low, start, core)
                if because is not None:
                    text_start = _skip_lead(key, because.end(), end)
                quoted = QUOTED_FRAME.search(key, text_start, end)
                if quoted is not None:
                    end = quoted.start()  # the attribution after a quotation is not the task
                if headed_at is not None and text_start == start:
                    text_start = headed_at  # "Sở Tài chính: phối hợp …", from the addressee
                text = tidy(sentence[text_start:end]).strip("\"“”'«» ")
                if len(text.split()) < 3 or NARRATION_OPEN.match(fold_aligned(text)):
                    continue  # too short, or the article's narration ("Đây là ...")
                # a body after "phối hợp với" is a partner, not the subject ("Trạm thủy nông phối
                # hợp với UBND xã X, huy động ...")
                subject = [
                    m
                    for m in mentions
                    if start <= m.start < core
                    and _usable(m)
                    and not WITH_CUE.search(key, start, m.start)
                ]
                levels_listed = False  # the subject a head of bodies of several levels
                if not subject:
                    # "yêu cầu Chủ tịch UBND xã X thực hiện ngay ...": the head asked, which the
                    # clause opens on after the request, also where its core is at its start
                    # and so where the clause opens on the head, its core found at its start
                    # ("Chủ tịch UBND TP X tiếp tục chỉ đạo …")
                    asked_head = verb is not None and verb.end() <= text_start
                    opens_head = not asked_head and core <= text_start
                    subject = _headed_unit(
                        key,
                        mentions,
                        text_start,
                        max(core, end) if asked_head or opens_head else core,
                    )
                    if opens_head and subject and _LEVELS_LISTED.match(key, subject[0].end):
                        # "Chủ tịch UBND phường, xã, thị trấn …": every one's, no one's
                        subject, levels_listed = [], True
                    elif opens_head and not subject:
                        # "Chủ tịch UBND xã, phường, thị trấn …", "Chủ tịch UBND các xã …": the
                        # heads of many bodies (the gazetteer's collective), no one's
                        levels_listed = any(
                            m.role == "collective"
                            and m.affiliation
                            and text_start <= m.start < max(core, end)
                            and _HEAD_OF.match(key[text_start : m.start]) is not None
                            for m in mentions
                        )
                    elif opens_head and subject and not _HEAD_ACTS.match(key, subject[0].end):
                        subject = []  # "Chủ tịch UBND tỉnh X khẳng định …": the speaker
                if not subject and verb is not None:
                    subject = _topic_unit(key, mentions, clause.start, verb.start(), low)
                # the body the clause opens on as its subject, resolved to one unit or not
                # ("UBND các huyện chủ động ...", "Huyện ủy cần chỉ đạo ...")
                opener = _subject_body(key, mentions, text_start, end)
                collective = (
                    COLLECTIVE_SUBJECT.match(key[text_start:end])
                    or _EVERY.search(key, text_start, max(core, text_start))
                    or _ROLE_PLURAL.match(key[text_start:end])
                ) or any(
                    m.role == "collective" and (start <= m.start < core or m is opener)
                    for m in mentions
                )
                collective = collective or levels_listed
                if (
                    subject
                    and subject[0].start == text_start
                    and _OF_EVERY_PLACE.match(key, subject[0].end)
                ):
                    # "UBND thành phố và các huyện tổ chức …", "phòng GD&ĐT các huyện, thành phố
                    # … tiến hành rà soát …": the body of every place, no one's
                    subject, collective = [], True
                lead: Mention | None
                opens_collective = COLLECTIVE_SUBJECT.match(key[text_start:end])
                carried_many = False  # the lead carried is a plural or a role, no unit
                activity = _ACTIVITY_SUBJECT.match(key[text_start:end])
                if opens_collective and (not subject or subject[0].start > text_start):
                    # "các xã Châu Minh, Ngọc Sơn … tổ chức …", "Hai huyện Tiền Hải và Thái Thụy
                    # khẩn trương …": bodies listed by name, the first listed leads
                    listed = _first_usable(mentions, text_start, end)
                    if listed is not None and _lists_by_name(sentence, key, text_start, listed):
                        subject, opens_collective, collective = [listed], None, False
                if (
                    subject
                    and not (opens_collective and subject[0].start > text_start)
                    and not activity
                ):
                    lead = subject[0]
                    if lead.start == text_start and _NAMED_PLACE.match(lead.text):
                        # "quận Đống Đa tổ chức tiếp công dân …", "06 tháng cuối năm, Thị trấn
                        # Hùng Quốc tăng cường …": a place asked by its name is the place as
                        # written, not its People's Committee that the text names elsewhere
                        lead = _place_as_subject(key, lead)
                elif collective or (
                    requested
                    and _named_addressee(sentence, text_start)
                    and not resolver.names_place(sentence[text_start:])
                ):
                    # "đồng thời yêu cầu Nhà đầu tư ứng kinh phí ...": a body asked by its name,
                    # which is no unit of the gazetteer nor a place, is no one's unit before it
                    lead = None
                elif (
                    activity
                    # the sentence after the task, opening on the work ("Việc thực hiện phải
                    # …"), not a speech about it ("Đồng thời, nhấn mạnh việc …")
                    and (gave_last or (gave_before and not key[:text_start].strip(" ,.;:-–")))
                    and isinstance(previous, Mention)
                    and not any(text_start <= m.start < end and _usable(m) for m in mentions)
                ):
                    # "giao Sở X chỉ đạo phá dỡ … . Việc phá dỡ phải đúng quy định": the work of
                    # the task just given, named by no other body, is the same unit's
                    lead = previous
                elif activity or _NO_BODY_SUBJECT.match(key[text_start:end]):
                    # "việc lập lại trật tự đô thị trên địa bàn các phường phải được duy trì":
                    # an activity names no doer; the bodies in it are what it is about; but an
                    # entry of a list whose lead-in asks one body ("đề nghị UBND huyện X quan tâm
                    # một số vấn đề: Công tác giải phóng mặt bằng …") is that body's work
                    lead = (
                        (asked_list if listing else None) or list_lead
                        if _WORK_SUBJECT.match(key[text_start:end])
                        else None
                    )
                elif opener is not None and opener.role == "leadership":
                    # "Huyện ủy cần chỉ đạo ...": a body the clause names as its subject, which
                    # is no one unit the text names in full, is not the unit of the task before
                    lead = None
                elif model_lead is not None:
                    lead = model_lead
                elif isinstance(previous, _NoUnit):
                    lead = None
                else:
                    lead = previous
                    carried_many = previous is None and previous_many
                partners: list[str] = []
                cue = WITH_CUE.search(key, start, end)
                if cue is not None:
                    # the partners end where another task is assigned; whom the result is
                    # reported or submitted to is no partner
                    stop = NEXT_ASSIGNMENT.search(key, cue.end(), end)
                    last = stop.start() if stop else end
                    for m in mentions:
                        value = _value(m)
                        if (
                            m.start >= cue.end()
                            and m.end <= last
                            and _usable(m)
                            and value
                            and not RECIPIENT_BEFORE.search(key, max(0, m.start - 30), m.start)
                        ):
                            if value not in partners and (lead is None or value != _value(lead)):
                                partners.append(value)
                unit = _value(lead) if lead else None
                if unit is None and not collective and not carried_many:
                    # a task whose words ask one body that no subject leads ("Đối với những
                    # công trình …, đề nghị Ban quản lý dự án … theo dõi …", "Theo UBND tỉnh,
                    # …, UBND huyện X phải …"): the body asked is its unit (the task's alone:
                    # what follows does not take it as its lead)
                    asked_one = _one_asked(key, mentions, text_start, end)
                    unit = _value(asked_one) if asked_one is not None else None
                if (
                    unit is None
                    and partner is not None
                    and not collective
                    and not _NO_BODY_SUBJECT.match(key[text_start:end])
                    and not carried_many
                ):
                    if partner not in partners:
                        unit = partner
                signature = (unit, fold_aligned(text))
                # a task the lead gave already ("Thủ tướng nhấn mạnh X cần ..." in the lead and
                # the body) is one item, but the body's speech goes on from it
                repeated = signature in seen
                seen.add(signature)
                if take and not repeated:
                    found.append(
                        DirectiveDraft(
                            text=text,
                            unit=unit,
                            with_=tuple(partners),
                            due=due.due if due else None,
                            due_phrase=due.phrase if due else None,
                            source=sentence,
                        )
                    )
                if not rule or named is not None:
                    # a task the model found and the rules did not, or one a news lead
                    # names: no state change of the rules, but its subject leads what names
                    # none after it, in the sentence and the paragraph, as a task the rules
                    # took passes its unit on ("Phòng Kinh tế xã được giao chủ trì …; hoàn
                    # thiện kế hoạch … . Đồng thời, bố trí …", "Cao Bằng cần tập trung … .
                    # Giữ gìn …")
                    if take and not repeated and subject and lead is not None:
                        model_lead = lead
                        previous, previous_many = lead, False
                    continue
                if lead is None:
                    previous_many = bool(collective) or carried_many
                else:
                    previous_many = False
                previous = lead
                if lead is None and given_lead is not None:
                    # "… để HND huyện thực hiện: HND từ huyện đến cơ sở …; tiếp tục tuyên truyền
                    # …": an entry to every level leaves the next ones to the body given the list
                    previous, previous_many = given_lead, False
                open_ctx = True
                gave_last = True
                gave_any = True
                spoke = spoke or not planned
            if sentence_due is None or (
                sentence_due.due is not None and held is not None and sentence_due.due < held
            ):
                # a sentence that sets the work for a period ahead passes that period on
                # ("… đề ra nhiệm vụ, giải pháp cho 6 tháng còn lại. Trong đó A; B")
                sentence_due = (
                    _tasks_for_period_ahead(sentence, key, low, ref, held, last_due) or sentence_due
                )
            last_due = sentence_due
        if in_zone and para.sentences and para.sentences[-1].rstrip().endswith(":"):
            opens_list = carry != "colon"
            if carry != "colon":
                section_level = -1
            carry = "colon"
            carried_frame = list_frame or last_due
            if asked_lead is not None:
                # "... đề nghị Thường trực HĐND phường tập trung thực hiện một số nội dung sau:"
                carried_lead = asked_lead
            elif opens_list and gave_any and isinstance(previous, Mention):
                # "... yêu cầu lãnh đạo, công chức phòng X tiếp tục … . Đồng chí nhấn mạnh một
                # số nhiệm vụ trọng tâm cần thực hiện:": a lead-in that names no one goes on
                # with the paragraph's tasks, its entries the same unit's
                carried_lead = previous
        elif (
            in_zone and para.sentences and _ANNOUNCES_TASKS.search(fold_aligned(para.sentences[-1]))
        ):
            carry = "tasks"
            carried_frame = None
            # the unit asked to carry out the tasks announced leads them
            carried_lead = previous if isinstance(previous, Mention) else None
        elif in_zone and spoke and carry != "colon":
            # the leader's tasks go on in the next paragraph when it opens on one, addressed
            # to the same unit when it names none ("Đặc biệt phải ...")
            carry = "tasks"
            carried_frame = None
            carried_lead = previous if isinstance(previous, Mention) else None
        elif carry != "colon":
            carried_frame = None
    return found
