"""The meeting itself: its date, chair (and title), kind and title.

**Date.** The lead sentence says "Sáng 6/5", "Chiều ngày 01-3", "Sáng nay 7/9", "vào chiều ngày
28/12"; the year comes, in this order, from the date itself (``6/5/2022``), the dateline
nearest before the lead (else the first after it: a publication date — the year is chosen so
that the meeting is on or before it), full dates and "năm 2022" / "tháng 5/2022" mentions in
the text (the most frequent year), the day of a document the meeting deploys or examines
("triển khai Kế hoạch số 1633/KH-UBND ngày 9-5-2017", "thông qua báo cáo số 563 ngày
15/11/2017": the first such day after it), and finally ``today`` (the meeting is then not after
``today``, and within a term or period the text names: "Kỳ họp thứ nhất ... nhiệm kỳ 2021-2026"
and "bầu cử ... nhiệm kỳ 2021-2026" are prepared in 2021, a review of "giai đoạn 2015-2021" is
not after 2021; the draft then names the year as missing, for the clerk to check). Other dates
of cited documents ("Quyết định số 46-QĐ/ThU, ngày 28/9/2022") are skipped.
"Trong ngày 13/10," opening the lead dates it, as "Vào ngày 12/5," does (after a task it is
the task's day). A lead without a day ("Sáng nay", "vừa tiến hành") takes the dateline's day.
A lead that reports a document issued, a source saying something or a request made ("… vừa
yêu cầu …") and names no meeting gives no meeting day: its day is the document's
(``MeetingInfo.issued``).

**Chair.** Every person (a run of title-case words starting with a family name) is scored by
what the sentence says about them: "<X> ... chủ trì" and "dưới sự chủ trì của <X>" (+10), "Đó
là chỉ đạo/kết luận của <X>" (+8), "<X> đã có buổi làm việc với" (+8), "<X> kết luận / chỉ đạo /
yêu cầu / đề nghị" (+5), "Tham dự có <X>" (+3), a mention in the lead (+3), the seniority of the
title (Bí thư > Phó Bí thư > Chủ tịch > Phó Chủ tịch); co-subjects listed before one verb ("các
đồng chí: A, ...; B, ... đã làm việc") share it, the first listed slightly ahead; captions
count half; people who report ("cho biết", "giải trình") or discuss ("phát biểu thảo luận")
lose points. The best total wins; its longest title is the chair's title. A title may run over
commas ("Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú").

**Kind**, from the lead sentence and the headline together (else the first sentences), the
first kind in this order that either names:
``review`` (tổng kết, sơ kết, đánh giá năm N; not "báo cáo tổng kết", a report on the agenda)
> ``briefing`` (giao ban, họp thường kỳ, phiên họp tháng N) > ``working-session``
(buổi làm việc, làm việc với) > ``conference`` (hội nghị, phiên họp, cuộc họp; "họp", not the
"hợp" of "phối hợp", "phù hợp" that folds to the same key). A plain
"hội nghị" whose report is a "báo cáo tổng kết/sơ kết" (a sentence about the same meeting) is a
``review``. When none of these names one, the meeting the body reports things "at" ("Tại hội
nghị ...", "tại buổi làm việc ...") does, kinds in the same order; else the photo captions may.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dirtrack.extract.clean import Block, document_day, full_dates, signer, title_of
from dirtrack.extract.folding import Folded, Token, fold_aligned, lower_aligned, tokens, toneless
from dirtrack.extract.lexicon import (
    ANY_DAY,
    ATTENDING,
    CHAIR_AFTER,
    CHAIR_CUES_BEFORE,
    CHAIR_VERBS_AFTER,
    CITATION_BEFORE,
    COMPOUND_SURNAMES,
    DISCUSSANT,
    FULL_DATE,
    KIND_CUES,
    MEETING_DAY,
    MEETING_NOUN,
    MEETING_SPAN,
    PERSON_INTRO,
    PROVINCES,
    SURNAMES,
    TITLE_BIGRAMS,
    TITLE_HEAD_RE,
    TITLE_HEADS,
    TITLE_LOWER_WORDS,
    TITLE_RANK,
    YEAR_MENTION,
    person_not_province,
    words,
)
from dirtrack.extract.units import places_named
from dirtrack.periods import FIRST_YEAR, LAST_YEAR

_NAMED_REPORT = re.compile(r"\b(?:bao cao|du thao)\s+(?:so ket|tong ket)\b")
_OPENS_ON_DAY = re.compile(r"^\W*(?:sang|chieu|toi|trua|ngay)\b")
_NOW_WORDS = re.compile(r"\b(?:sang nay|chieu nay|toi nay|hom nay|trua nay|vua(?! qua))\b")
#: "Hôm qua", "chiều qua", "tối hôm qua": the day before the article's date line.
_YESTERDAY_WORDS = re.compile(r"\b(?:(?:sang|chieu|toi|trua|dem)\s+(?:hom\s+)?qua|hom qua)\b")
_MEETING_VERB = re.compile(r"\b(?:chu tri|lam viec|to chuc|dien ra|tham du|khai mac)\b")
#: "họp" (meet) with its tone: not "hợp" ("tổng hợp", "phối hợp", "trường hợp").
_MEETS = re.compile(r"\bhọp\b")


def _reports_meeting(sentence: str, key: str) -> bool:
    """Whether a sentence names a meeting or what is done at one."""
    return bool(
        MEETING_NOUN.search(key)
        or _MEETING_VERB.search(key)
        or _MEETS.search(lower_aligned(sentence))
    )


_ANY_TITLE_HEAD = re.compile(words(*TITLE_HEADS))
#: Words whose accent-free key is a family name's but which are not one ("Trường" is a school,
#: "Trưởng" a head: the family name is "Trương"; "Chủ" opens "Chủ nhật", "Chủ tịch", the family
#: name is "Chu").
_NOT_SURNAMES = frozenset(["trường", "trưởng", "tổ", "chủ"])
#: Nouns a person's name follows when it names a place or a school, matched with tones
#: ("trường" is a school, "trưởng" a head).
_NAMED_AFTER = re.compile(
    r"\b(?:trường|thpt|thcs|trung học phổ thông|trung học cơ sở|tiểu học|mầm non|đường|phố|"
    r"cầu|chợ|bệnh viện|trạm y tế|trung tâm y tế|công viên|quảng trường|nhà văn hóa|nhà văn hoá|"
    r"hẻm|ngõ|kiệt|"
    # a village ("thôn Đông Mai", "ấp Phú Hòa"), as the commune after its level is
    r"thôn|xóm|ấp|làng|khu phố|tổ dân phố|"
    # a branch or an industrial park named by its place ("chi nhánh Đông Hải Dương", "Cụm công
    # nghiệp Sơn Cẩm"), African swine fever ("dịch tả lợn Châu Phi"), a season ("vụ Đông Xuân"),
    # a feast ("Tết Nguyên Đán Ất Tỵ")
    r"chi nhánh|cụm công nghiệp|khu công nghiệp|tả lợn|tả heo|(?<!nhiệm )(?<!dịch )(?<!phục )vụ|"
    r"tết|"
    # a river, a canal, an island, a sea, a mountain or a port named so ("rạch Từ Hổ", "sông
    # Hồng", "quần đảo Trường Sa"), or a side or a place named by its side ("về phía Đông Nam",
    # "phía Bắc Hoàng Sa")
    r"sông|rạch|kênh|suối|đảo|biển|vịnh|núi|đèo|đầm|cảng|"
    r"(?:phía|hướng)(?: (?:bắc|nam|đông|tây)(?: bắc| nam)?)?)"
    r"\s*$"
)
#: Places listed after a plural level ("các xã Thạch Tân, Thạch Lâm, Thạch Điền", "Chủ tịch UBND
#: các phường: Thanh Bình, Cẩm Thượng, …", "nhiều quận huyện của Hà Nội như Thường Tín, Đông
#: Anh, …"): every entry of the list is a place, not the first alone (which :data:`_LEVEL_WORD`
#: finds).
_LISTED_PLACE = re.compile(
    r"\b(?:cac|nhieu|mot so|nhung)\s+(?:(?:tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)"
    r"[\s,]*)+(?:[^,;.:()]{0,40}?\b(?:nhu|gom|la)\b\s*:?\s*(?:{entry})*|:?\s*(?:{entry})+)$".replace(
        "{entry}", r"[^,;.:()]{2,30}?(?:\s*\([^()]{1,30}\))?\s*(?:,|\bva\b)\s*"
    )
)
#: A letter's place and date line ("Vị Thanh, ngày 6 tháng 4 năm 2011", "Hà Nội, ngày 5/3/2024"):
#: the place before ", ngày" and a whole day.
_DATELINE_AFTER = re.compile(
    r"\s*,\s*ngay\s+\d{1,2}(?:\s+thang\s+\d{1,2}\s+nam\s+|\s*([/.-])\s*\d{1,2}\s*\1\s*)\d{4}\b"
)
_LEVEL_WORD = re.compile(
    r"\b(?:tinh|huyen|xa|phuong|thi xa|thanh pho|quan|thi tran|tp|(?:tinh|huyen|thi|thanh|quan) uy"
    # a level abbreviated to its capital after a body ("UBND P.Cao Lãnh", "Công an X. Tân
    # Phú"): a ward, commune, precinct or district, no initial of a person
    r"|(?:ubnd|hdnd|ubmttq|mttq|dang uy|cong an)\s+[pxqh]\.)"
    # a house number after the ward is the address's ("HĐND phường 18 Lê Đại Hành")
    r"(?:\s+\d{1,3})?\s*$"
)


@dataclass(frozen=True)
class Person:
    """A person named in a sentence, with the title written next to the name."""

    name: str
    title: str | None
    start: int  # where the mention (title or name) starts in the sentence
    end: int  # where it ends


_Day = date


@dataclass
class MeetingInfo:
    date: date | None = None
    title: str | None = None
    chair: str | None = None
    chair_title: str | None = None
    kind: str | None = None
    source: str | None = None
    issued: _Day | None = None  # the day of the document the lead reports, when no meeting's
    year_assumed: bool = False  # the text gives the day and month only: the year is today's


def _reports_document(lead: str) -> bool:
    """Whether the lead's day is that of a document ("Ngày 18.5, UBND TP có công văn số ...",
    "Ngày 25/9/2019, UBND thị xã ban hành thông báo số ...") or of a source saying so ("Ngày
    15/3, UBND tỉnh Nghệ An cho biết, …", "Tối 20.9, thông tin từ UBND tỉnh cho biết …") or of
    a request made in a lead that names no meeting ("UBND tỉnh vừa yêu cầu …"), not of a
    meeting."""
    key = fold_aligned(lead)
    if _DAY_OF_MEETING.search(key):
        return False
    said = _SAID_ON.match(key)
    return (
        bool(_ISSUES_DOCUMENT.search(key))
        or (said is not None and MEETING_NOUN.search(key, 0, said.end()) is None)
        or (_REQUEST_NEWS.search(key) is not None and not _reports_meeting(lead, key))
    )


# --- persons --------------------------------------------------------------------------------


#: What a team is for, after "đoàn" in its head's title ("Trưởng đoàn giám sát", "Phó Trưởng
#: đoàn công tác"): part of the title, not the verb after it.
_TEAM_OF = frozenset(["giam sat", "kiem tra", "cong tac", "khao sat"])


def _titleish(toks: Sequence[Token], k: int) -> bool:
    tok = toks[k]
    if tok.capitalized:
        return True
    if tok.key in TITLE_LOWER_WORDS:
        return True
    for at in (k, k - 1):  # the first and the second word of the team's work
        if (
            at >= 1
            and at + 1 < len(toks)
            and toks[at - 1].key == "doan"
            and f"{toks[at].key} {toks[at + 1].key}" in _TEAM_OF
        ):
            return True
    if k > 0 and f"{toks[k - 1].key} {tok.key}" in TITLE_BIGRAMS:
        return True
    return k + 1 < len(toks) and f"{tok.key} {toks[k + 1].key}" in TITLE_BIGRAMS


def _trim_title(text: str) -> str | None:
    text = re.sub(r"(?:\s+(?:và|kiêm|cùng))+$", "", text.strip(" ,-–"))
    key = fold_aligned(text)
    m = _ANY_TITLE_HEAD.search(key)
    if m is None:
        return None
    text = text[m.start() :]
    return text if TITLE_HEAD_RE.match(fold_aligned(text)) else None


def _title_before(sentence: str, toks: Sequence[Token], i: int) -> tuple[str | None, int]:
    k = i - 1
    start = toks[i].start
    while k >= 0 and _titleish(toks, k):
        gap = sentence[toks[k].end : toks[k + 1].start]
        if gap != " " and not (
            re.fullmatch(r",\s*", gap)
            and start < toks[i].start
            and TITLE_HEAD_RE.match(fold_aligned(sentence[start:]))
        ):
            break
        start = toks[k].start
        k -= 1
    if start == toks[i].start:
        return None, start
    raw = sentence[start : toks[i].start]
    title = _trim_title(raw)
    if title is None:
        return None, toks[i].start
    return title, sentence.rfind(title, 0, toks[i].start)


def _title_after(
    sentence: str, toks: Sequence[Token], j: int, glued: bool = False
) -> tuple[str | None, int]:
    """Title after a name ("X, Ủy viên ..., Bí thư Tỉnh ủy" / "X - Phó Bí thư ..."; ``glued``:
    written right after it, with no mark, "X Phó Bí thư Tỉnh ủy")."""
    if j >= len(toks):
        return None, toks[j - 1].end
    gap = sentence[toks[j - 1].end : toks[j].start]
    if not (re.fullmatch(r"\s*[,\-–—(]\s*", gap) or (glued and gap == " ")):
        return None, toks[j - 1].end
    if not TITLE_HEAD_RE.match(fold_aligned(sentence[toks[j].start :])):
        return None, toks[j - 1].end
    k = j
    end = toks[j].end
    while k + 1 < len(toks):
        gap = sentence[toks[k].end : toks[k + 1].start]
        nxt = fold_aligned(sentence[toks[k + 1].start :])
        if gap == " " and _titleish(toks, k + 1):
            k += 1
        elif re.fullmatch(r",\s*", gap) and TITLE_HEAD_RE.match(nxt):
            k += 1
        elif gap == " - " and toks[k + 1].capitalized and k + 2 < len(toks):
            k += 1  # "Ban Văn hóa - Xã hội"
        elif gap == "." and toks[k].text.isupper() and toks[k + 1].text.isupper():
            k += 1  # "UVT.Ư"
        else:
            break
        end = toks[k].end
    title = _trim_title(sentence[toks[j].start : end])
    return title, end


#: What makes "Đoàn" a team ("Đoàn Kiểm tra", "Đoàn Giám sát", "Đoàn Công tác").
_TEAM_AFTER = re.compile(r" (?:kiem tra|giam sat|cong tac|thanh tra|khao sat)\b")


def _name_after_place(toks: Sequence[Token], key: str, i: int, j: int) -> int:
    """Where the name starts in a run of four or more title-case words ``toks[i:j]`` that opens
    on a family name: after a place that comes first ("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng",
    "Chủ tịch UBND huyện Mai Sơn Đỗ Văn A"): a province, or, in a run of five or more, two words
    or more after a level word. A name of four or five syllables ("Chủ tịch UBND tỉnh Nguyễn Tự
    Công Hoàng", "đồng chí Công Tôn Nữ Thị Ninh") is kept whole; of six or more words, the first
    family name with two to four words after it starts the name."""
    after_level = j - i >= 5 and _LEVEL_WORD.search(key[: toks[i].start]) is not None
    for k in range(i + 2, j - 1):
        place = " ".join(t.key for t in toks[i:k])
        if toks[k].key in SURNAMES and (place in PROVINCES or after_level):
            return k
    if j - i <= 5:
        return i
    for k in range(i + 1, j - 1):
        if toks[k].key in SURNAMES and 2 <= j - k <= 4:
            return k
    return i


def _compound_before(sentence: str, toks: Sequence[Token], i: int) -> int:
    """How many title-case words before ``toks[i]`` (a family name) open a family name of
    several words with it (:data:`COMPOUND_SURNAMES`: the "Công" of "Công Tôn Nữ Thị Ninh"),
    written one space apart; 0 when none do."""
    for compound in COMPOUND_SURNAMES:
        for back in range(1, len(compound)):
            start = i - back
            if compound[back] != toks[i].key or start < 0 or start + len(compound) > len(toks):
                continue
            words = toks[start : start + len(compound)]
            if (
                [t.key for t in words] == list(compound)
                and all(
                    t.title_case and sentence[a.end : t.start] == " "
                    for a, t in zip(words, words[1:], strict=False)
                )
                and words[0].title_case
            ):
                return back
    return 0


def find_persons(sentence: str) -> list[Person]:
    """People named in a sentence, with their titles when written next to the name."""
    toks = tokens(sentence)
    key = fold_aligned(sentence)
    found: list[Person] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not (tok.title_case and tok.key in SURNAMES) or tok.text.lower() in _NOT_SURNAMES:
            i += 1
            continue
        if tok.key in ("ong", "ba") and i + 1 < len(toks) and toks[i + 1].key in SURNAMES:
            i += 1  # "Ông Huỳnh Thanh Tạo": Mr., not the family name Ông
            continue
        if tok.key == "doan" and _TEAM_AFTER.match(key, tok.end):
            i += 1  # "Đoàn Kiểm tra số 3": a team, not the family name Đoàn
            continue
        if (
            i > 0
            and toks[i - 1].title_case
            and sentence[toks[i - 1].end : tok.start] == " "
            and toks[i - 1].key not in SURNAMES
            and PERSON_INTRO.search(key[: toks[i - 1].start])
        ):
            i -= 1  # "Đồng chí Ngọc Kim Nam": a family name the list does not hold
        j = i + 1
        while (
            j < len(toks)
            and toks[j].title_case
            and sentence[toks[j - 1].end : toks[j].start] == " "
        ):
            j += 1
        # "Ông Huệ lưu ý", "Bà Loan đề nghị": Mr. or Mrs. and a given name, the person a news item
        # named in full before (or only so): the given name ("Ông" the family name has more words)
        given = tok.key in ("ong", "ba") and j - i == 2 and toks[i + 1].key not in SURNAMES
        glued = False  # a title written right after the name, with no mark
        if given:
            i += 1
            tok = toks[i]
        if toks[j - 1].key == "bi" and j < len(toks) and toks[j].key == "thu":
            # "Dương Ngọc Dũng Bí thư Đảng ủy", "Tổng Bí thư", "Nguyễn Văn A Phó Bí thư Tỉnh ủy":
            # the title after the name is written without a comma, its "Bí" title-cased
            end, j = j, j - (2 if j - 2 >= i and toks[j - 2].key in ("tong", "pho") else 1)
            glued = True
            if j - i < 2:
                i = end
                continue
        if j - i >= 4:
            i = _name_after_place(toks, key, i, j)
        if (
            j - i == 4
            and i > 0
            and toks[i - 1].title_case
            and sentence[toks[i - 1].end : tok.start] == " "
            and _titleish(toks, i - 1)
            and toks[i + 1].key in SURNAMES
        ):
            # "Bí thư Tỉnh ủy Gia Lai Hồ Quốc Dũng": the province ends the title; not "Chủ tịch
            # UBND tỉnh Nguyễn Tự Công Hoàng", four syllables of one name after the level
            i += 1
        # "Phó Chủ tịch Công Tôn Nữ Thị Ninh": the family name opens before its "Tôn"; its
        # words count as one in the length of a name ("Công Huyền Tôn Nữ Thị Ninh")
        compound = _compound_before(sentence, toks, i) if toks[i].key in SURNAMES else 0
        if compound:
            i -= compound
            tok = toks[i]
        if not (given or 2 <= j - i - compound <= 5):
            i = j
            continue
        if _NAMED_AFTER.search(lower_aligned(sentence[: tok.start])):
            i = j  # "Trường THPT Võ Thị Hồng", "đường Lê Lợi": a place named after a person
            continue
        if (
            j - i == 2
            and i >= 2
            and sentence[toks[i - 1].end : tok.start].strip() in ("-", "–", "—")
            and toks[i - 1].title_case
            and toks[i - 2].title_case
            and (i == 2 or not toks[i - 3].title_case)
        ):
            i = j  # "đường sắt Cát Linh – Hà Đông": the two ends of a route, places
            continue
        if _LISTED_PLACE.search(key[: tok.start]) or (
            # "thành phố Thủ Dầu Một", "phường Trung Sơn Trầm": a place whose first word is no
            # family name, after its level
            i > 0
            and toks[i - 1].title_case
            and sentence[toks[i - 1].end : tok.start] == " "
            and toks[i - 1].key not in SURNAMES
            and _LEVEL_WORD.search(key[: toks[i - 1].start])
        ):
            i = j
            continue
        title, title_start = _title_before(sentence, toks, i)
        if title is None and (
            # "Đài PTTH Hà Tĩnh", "nối Cao Bằng với Lạng Sơn": a province named bare, and the
            # place of a letter's date line
            (j - i == 2 and " ".join(t.key for t in toks[i:j]) in PROVINCES)
            or (
                _DATELINE_AFTER.match(key, toks[j - 1].end)
                and not PERSON_INTRO.search(key[: tok.start])
            )
        ):
            i = j
            continue
        # "Chủ tịch UBND tỉnh Nguyễn Bốn": no province is named so, the person after the title
        heads_province = (
            title is not None
            and person_not_province([t.key for t in toks[i:j]])
            and re.search(r"\btinh\s*$", key[: tok.start]) is not None
        )
        if (
            _LEVEL_WORD.search(key[: tok.start])
            and (j - i == 2 or not title)
            and not heads_province
        ):
            # "tỉnh Hậu Giang", and a ward or commune named after a person ("HĐND phường Phạm
            # Đình Hổ", "UBND phường Nguyễn Trung Trực"): a place; a person written after a
            # level word has a title before it ("Chủ tịch UBND xã Lê Văn Tám")
            i = j
            continue
        after_title, after_end = _title_after(sentence, toks, j, glued)
        name = sentence[toks[i].start : toks[j - 1].end]
        start = title_start if title else toks[i].start
        found.append(
            Person(name, after_title or title, start, after_end if after_title else toks[j - 1].end)
        )
        i = j
    return found


# --- chair ----------------------------------------------------------------------------------


def _rank(title: str | None) -> int:
    if not title:
        return 0
    key = fold_aligned(title)
    for pattern, rank in TITLE_RANK:
        if pattern.search(key):
            return rank
    return 1


_LIST_GAP = re.compile(r"[\s,;:]*(?:(?:va|cung|cac dong chi|dong chi|d/c|ong|ba)[\s,;:]+)*")


def _after_score(after: str) -> float:
    """Points for what follows a person: "... chủ trì", "đã có buổi làm việc", "kết luận"."""
    score = 0.0
    chair_match = CHAIR_AFTER.match(after)
    if chair_match and not re.search(r"\b(?:tham du|cung du)\b", chair_match.group()):
        score += 10
    for pattern, points in CHAIR_VERBS_AFTER:
        if pattern.match(after):
            score += points
            break
    return score


#: A citizen who wrote or complained ("đơn của bà X", "khiếu nại của ông X", "công dân X").
_PETITIONER = re.compile(
    r"\b(?:(?:don|don thu|khieu nai|to cao|phan anh|kien nghi)(?: cua)?|cong dan|ho)"
    r"\s+(?:ong|ba)?\s*$"
)

#: A sentence that goes on with the request of the one the sentence before named, without
#: naming them again ("Đồng thời yêu cầu ...", "Đồng chí cũng đề nghị ...").
_GOES_ON_ASKING = re.compile(
    r"\W*(?:dong thoi|(?:dong chi|ong|ba) cung|cung)?\s*,?\s*(?:yeu cau|de nghi|chi dao|giao)\b"
)

#: How far after a name its titles are looked for (they take some tens of characters).
_TITLES_SPAN = 200
#: Who holds the meeting, before the verb of the lead ("Ủy ban MTTQ huyện X tổ chức ...").
_HOST_BEFORE = re.compile(r"^(.*?)\b(?:phoi hop to chuc|to chuc|chu tri)\b")
#: The head's title before the body it heads ("Chủ tịch Ủy ban MTTQ ...", "Bí thư Đảng ủy ...").
_HEAD_OF = re.compile(r"^(?:chu tich|bi thu|truong|giam doc|chanh|chu nhiem)\s+(\w+(?:\s+\w+)+)")


def _heads_host(titles: str, host: str) -> bool:
    """Whether one of the titles after a person's name (folded, up to the next ``;``) heads the
    body the lead says holds the meeting ("Dự hội nghị có các đồng chí: X – UVTV, Chủ tịch Ủy
    ban MTTQ huyện" at the Front's own conference): that head, though listed among those who
    attended, may chair it; a deputy ("Phó ...") does not. ``host``: the lead's words before
    its verb, folded ("" when it has none)."""
    for part in re.split(r"\s*[,–-]\s*", titles):
        head = _HEAD_OF.match(part.strip())
        if host and head is not None and head.group(1) in host:
            return True
    return False


def choose_chair(
    sentences: Sequence[str], lead_index: int, captions: Sequence[str] = ()
) -> tuple[str | None, str | None, str | None]:
    """The chair's name and title, and the sentence that names them. A name the document gives
    a place after its level ("thị trấn Hồ Xá", "TX Sầm Sơn", "huyện Tứ Kỳ") is that place wherever
    it stands bare ("3 thị trấn: Hồ Xá, …"), not a person."""
    places = {fold_aligned(name) for names in places_named(sentences).values() for name in names}
    scores: dict[str, float] = {}
    names: dict[str, str] = {}
    titles: dict[str, list[str]] = {}
    sources: dict[str, tuple[float, str]] = {}
    candidates = [(s, 1.0, i) for i, s in enumerate(sentences)] + [(c, 0.5, -1) for c in captions]
    speaker: str | None = None  # the first person with a title the sentence before names
    held_by = _HOST_BEFORE.match(fold_aligned(sentences[lead_index])) if sentences else None
    host = held_by.group(1)[-_TITLES_SPAN:] if held_by else ""
    for sentence, weight, index in candidates:
        key = fold_aligned(sentence)
        persons = find_persons(sentence)
        if not persons and speaker is not None and weight == 1.0 and _GOES_ON_ASKING.match(key):
            # "... đồng chí X đánh giá cao .... Đồng thời yêu cầu ...": X asks it
            scores[speaker] = scores.get(speaker, 0.0) + 5
        titled = [p for p in persons if p.title]
        speaker = fold_aligned(titled[0].name) if titled else None
        after_scores = [_after_score(key[p.end :]) for p in persons]
        # co-subjects ("các đồng chí: A, ...; B, ...; C, ... đã làm việc") share the verb
        first_of_list = [True] * len(persons)
        k = len(persons) - 1
        while k > 0:
            gap = key[persons[k - 1].end : persons[k].start]
            if _LIST_GAP.fullmatch(gap):
                after_scores[k - 1] = max(after_scores[k - 1], after_scores[k])
                first_of_list[k] = False
            k -= 1
        for person, after_score, first in zip(persons, after_scores, first_of_list, strict=True):
            pkey = fold_aligned(person.name)
            if pkey in places:
                continue
            names.setdefault(pkey, person.name)
            if person.title:
                titles.setdefault(pkey, []).append(person.title)
            before, after = key[: person.start], key[person.end :]
            if _PETITIONER.search(before):
                continue  # "trả lời đơn của bà X": who wrote in, not who chaired
            score = 1.0 + after_score + (0.5 if first and after_score else 0.0)
            for pattern, points in CHAIR_CUES_BEFORE:
                if pattern.search(before):
                    score += points
                    break
            if (
                score == 1.0
                and ATTENDING.match(key)
                and not _heads_host(after[:_TITLES_SPAN].split(";")[0], host)
            ):
                # "Tham dự Hội nghị có các đồng chí: X, ...": who attended, unless the sentence
                # says who of them chaired; the lead's place or a title makes no chair of them
                names.setdefault(pkey, person.name)
                scores[pkey] = scores.get(pkey, 0.0) + score * weight
                continue
            if PERSON_INTRO.search(before) and index == lead_index:
                score += 1
            if DISCUSSANT.match(after):
                score -= 3
            if index == lead_index:
                score += 3
            elif 0 <= index <= lead_index + 3:
                score += 1
            score += _rank(person.title) / 2
            scores[pkey] = scores.get(pkey, 0.0) + score * weight
            best_source = sources.get(pkey)
            if weight == 1.0 and (best_source is None or score > best_source[0]):
                sources[pkey] = (score, sentence)
    for short in [k for k in scores if len(k.split()) <= 2]:
        # "Ông Huệ" after "Vương Đình Huệ": the one person whose name ends on the given name
        longer = [
            k
            for k in scores
            if (k.startswith(short + " ") if " " in short else k.endswith(" " + short))
        ]
        if len(longer) == 1:
            # "Phó Chủ tịch UBND tỉnh Nguyễn Minh đề nghị", after "Nguyễn Minh Tiến": the one
            # person whose name its two words begin, written short
            scores[longer[0]] += scores.pop(short)
            titles.setdefault(longer[0], []).extend(titles.pop(short, []))
    if not scores:
        return None, None, None
    best = max(scores, key=lambda k: (scores[k], -len(names[k])))
    if scores[best] < 3:
        return None, None, None
    found_titles = titles.get(best, [])
    title = max(found_titles, key=len) if found_titles else None
    source = sources.get(best, (0.0, None))[1]
    return names[best], title, source


# --- date -----------------------------------------------------------------------------------


def _make(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None  # "6/5/9999": no day dirtrack records, so no meeting date to propose
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_month(match: re.Match[str]) -> tuple[int, int, int | None]:
    groups = list(match.groups())
    if groups[0] is not None:
        day, month, year = groups[0], groups[1], groups[2]
    else:
        day, month, year = groups[3], groups[4], groups[5]
    y = None
    if year:
        y = int(year) + (2000 if len(year) == 2 else 0)
    return int(day), int(month), y


def find_meeting_day(sentence: str) -> tuple[int, int, int | None] | None:
    """Day, month (and year) of the meeting in a sentence: "Sáng 6/5", "chiều ngày 28/12"."""
    key = fold_aligned(sentence)
    # "thông báo kết luận tại cuộc họp giao ban ngày 31/10/2016": the meeting's own day
    for m in _DAY_OF_MEETING.finditer(key):
        return int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    # a day after a request in the sentence ("yêu cầu các xã tổ chức lại ... (ngày 28/6/2020)")
    # is the day of the task asked, not of a meeting held
    asked = _ASKS.search(key)
    bound = asked.start() if asked is not None else len(key)
    for span in MEETING_RANGE.finditer(key, 0, bound):
        # "Từ ngày 30/11 đến ngày 02/12": a meeting over a few days across a month's end
        if CITATION_BEFORE.search(key[max(0, span.start() - 40) : span.start()]):
            continue
        if _PLANNED.search(key[max(0, span.start() - 50) : span.start()]):
            continue
        opening = _span_first(span)
        if opening is not None:
            return opening
    for span in MEETING_SPAN.finditer(key, 0, bound):
        first, last, month = int(span[1]), int(span[2]), int(span[3])
        if CITATION_BEFORE.search(key[max(0, span.start() - 40) : span.start()]):
            continue
        if _PLANNED.search(key[max(0, span.start() - 50) : span.start()]):
            continue
        if 0 < last - first <= 4 and 1 <= month <= 12:  # a few days, not a period's bounds
            return first, month, int(span[4]) if span[4] else None
    for m in MEETING_DAY.finditer(key, 0, bound):
        if not _TIMED.match(key, m.start()) and CITATION_BEFORE.search(
            key[max(0, m.start() - 40) : m.start()]
        ):
            continue
        if _NOT_MEETING_DAY.search(key[max(0, m.start() - 20) : m.start()]) and not _held_on(
            key, m.start()
        ):
            continue
        if _PLANNED.search(key[max(0, m.start() - 50) : m.start()]):
            continue
        return _day_month(m)
    return None


#: A request whose task a later day in the sentence belongs to ("yêu cầu", "đề nghị", "giao"
#: an addressee), not the noun ("theo yêu cầu", "các đề nghị") nor "giao ban".
_ASKS = re.compile(
    r"(?<!\btheo )(?<!\bcac )(?<!\bnhung )\b(?:yeu cau|de nghi|giao)\s+(?!ban\b|nhiem vu\b)"
    r"(?:cho\s+)?(?:ubnd|hdnd|so|phong|ban|cac|uy ban|doan|chi bo|dang uy|truong|giam doc|chu tich|"
    r"xa|phuong|huyen|tinh|thanh pho|thi xa|quan)\b"
)
#: "Từ ngày 30/11 đến ngày 2/12/2023", "ngày 30/4 và 1/5": two whole days, the meeting's span
#: when they are a few days apart.
MEETING_RANGE = re.compile(
    r"\b(?:tu\s+)?ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\s*"
    r"(?:den|-|–|va)\s*(?:het\s+)?(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})"
    r"(?:\s*[/.-]\s*(\d{4}))?(?![\d/])"
)


def _span_first(span: re.Match[str]) -> tuple[int, int, int | None] | None:
    """The first day of a range of whole days a few days long (a meeting's, not a period's)."""
    d1, m1, d2, m2 = int(span[1]), int(span[2]), int(span[4]), int(span[5])
    y2 = int(span[6]) if span[6] else None
    y1 = int(span[3]) if span[3] else (y2 - 1 if y2 is not None and m1 > m2 else y2)
    probe = y1 if y1 is not None else 2001  # any year without a 29 February issue but that one
    first = _make(probe, m1, d1)
    last = _make(probe + 1 if m1 > m2 else probe, m2, d2)
    if first is None or last is None or not 0 < (last - first).days <= 4:
        return None
    return d1, m1, y1


#: "Vào ngày 12/5, ..." or "Trong ngày 13/10, ..." opening the sentence, "... tổ chức hội nghị
#: ... vào ngày 12/5": the day the meeting was held (elsewhere "vào ngày", "trong ngày" is a
#: task's day).
_HELD_ON = re.compile(
    r"(?:^\W*(?:vao|trong)|\b(?:to chuc|hop|dien ra|khai mac|tien hanh)\b[^,;.:]{0,60}?\svao)"
    r"\s*(?:ngay\s*)?$"
)


#: "chiều ngày 17/5/2020": a day with its time of day is when something happened; a document is
#: dated by its day alone, so a number before it ("cơn bão số 5, chiều ngày 17/5/2020") cites none.
_TIMED = re.compile(r"(?:sang|chieu|toi|trua|dem)\b")


def _held_on(key: str, at: int) -> bool:
    return _HELD_ON.search(key[:at]) is not None


_DAY_OF_MEETING = re.compile(
    r"\b(?:cuoc hop|hoi nghi|phien hop|buoi lam viec|ky hop)(?: giao ban| thuong ky)?"
    r"(?: [a-z]+){0,4}? (?:vao )?ngay (\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?"
    # not the two days of a range written before its month ("từ ngày 3 - 7.12")
    r"(?![\d/]|\s*[/.-]\s*\d)"
)


#: A sentence that reports a document issued (a letter, a dispatch …), not a meeting held.
_ISSUES_DOCUMENT = re.compile(
    # also after an opener ("Sau cuộc làm việc, ngày 23-8-2011, cơ quan ... nhận được Thông báo")
    # or a purpose ("Để đẩy nhanh tiến độ …, ngày 1/8, UBND thành phố vừa có văn bản …"); the
    # comma after the day may be left out ("Ngày 03/7/2019 HĐND huyện ban hành báo cáo số …")
    r"^\W*(?:[^;.]{0,200}?,\s*)?(?:(?:sang|chieu|toi)\s+(?:ngay\s+|nay\s+)?|ngay\s+)"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*,?"
    r"[^,;.]{0,60}?\b(?:ban hanh|co|da co|vua co|ky|da ky|gui|nhan duoc|da nhan duoc|phat di) "
    r"(?:cong van|cong dien|van ban|thong bao|thong cao|quyet dinh|chi thi|ke hoach|to trinh|"
    r"bao cao)\b"
    # "UBND tỉnh Gia Lai vừa có thông báo Kết luận ...": the date line's day is the notice's
    # (a city or town abbreviated, "UBND TP. Nha Trang vừa có văn bản …", is no sentence's end)
    r"|^\W*(?:[^,;.]|\b(?:tp|tx)\.){0,60}?\bvua (?:ban hanh|co|ky|gui|nhan duoc) "
    r"(?:cong van|cong dien|van ban|thong bao|quyet dinh|chi thi|ke hoach)\b"
    # "Văn phòng UBND tỉnh ngày 1.10 cho hay đã có công văn ...": the day it said so
    r"|^\W*[^,;.]{0,60}?\bngay\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s+"
    r"(?:cho hay|cho biet|thong tin)?\s*(?:da |vua )?(?:ban hanh|co|ky|gui|nhan duoc) "
    r"(?:cong van|cong dien|van ban|thong bao|quyet dinh|chi thi|ke hoach)\b"
)
#: The day a lead opens on, up to its comma ("Ngày 5/3,", "Sáng 13-4-2024,").
_OPENING_DAY = (
    r"^\W*(?:(?:sang|chieu|toi|trua)\s+)?(?:ngay\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}"
    r"(?:\s*[/.-]\s*\d{4})?\s*,"
)
#: A lead that opens on the day a source said something ("Ngày 5/3, nguồn tin của PV … cho biết",
#: "Sáng 13-4, văn phòng UBND tỉnh cho biết …", a person with the title after the name "Ngày
#: 17-9, ông X, Chủ tịch UBND tỉnh Y cho biết, …"; the news from a body, whose place may follow
#: it after a comma, "Ngày 7-3, thông tin từ UBND huyện X, tỉnh Y cho biết …"): the day of the
#: news, not of a meeting.
_SAID_ON = re.compile(
    _OPENING_DAY + r"(?:[^,;.]|\b(?:tp|tx)\.){0,80}?"
    r"(?:\b(?:ong|ba)\s[^,;.]{1,40},(?:[^,;.]|\b(?:tp|tx)\.){1,80}?"
    r"|\bthong tin tu\s[^;.]{1,100}?)?\b(?:cho biet|cho hay)\b"
)
#: A body or a leader that asks, as the news of a request made: "vừa / đã yêu cầu, chỉ đạo"
#: ("Lãnh đạo UBND thành phố vừa yêu cầu UBND quận, huyện …", "Ngày 25.5, UBND huyện X đã yêu cầu
#: xã Y …"), or a body named right after the day the sentence opens on ("Ngày 21/12, Ủy ban Kiểm
#: tra Tỉnh ủy yêu cầu …"). In a lead that names no meeting, its day (or the date line's) is the
#: request's, as a letter's is, not a meeting's. Not "Ban Chỉ đạo", "đi kiểm tra, chỉ đạo", "dự
#: và chỉ đạo Đại hội".
_REQUEST_NEWS = re.compile(
    r"\b(?:da|vua|moi)\s+(?:yeu cau|chi dao)\s"
    r"|" + _OPENING_DAY + r"[^,;.]{0,60}?\byeu cau\s"
)
#: A day that is a deadline or a count's cut-off, not the meeting's ("trước ngày 15-12",
#: "tính đến ngày 30-10", "từ ngày 1/12 đến 15/12").
_NOT_MEETING_DAY = re.compile(
    r"\b(?:truoc|den|den het|cham nhat|han|tinh den|tu|ke tu|sau|hoan thanh|ngay trong|"
    r"trong|vao)\s*(?:ngay\s*)?$"
)


#: "kỷ niệm 51 năm ngày giải phóng Gio Linh (02/4/1972 – 02/4/2023)": two days in parentheses
#: give the span of what is named before them (an anniversary's years), not the meeting's day
#: (one day in parentheses may be: "Sáng thứ Hai (15/3)").
_ANNOTATED_SPAN = re.compile(
    r"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*(?:-|–|den)\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*\)"
)
#: "Kỳ họp dự kiến tổ chức từ ngày 20 - 22.7": the day of a meeting planned, not held.
#: "thống nhất lịch tiếp xúc cử tri từ ngày 3 - 7.12": the days of a schedule, to come.
_PLANNED = re.compile(
    r"\b(?:du kien|se (?:to chuc|dien ra|khai mac|hop)|lich(?! su))\b[^.;:]{0,30}$"
)


#: "12/12 chỉ tiêu", "5/9 công trình": a share of what is counted, not a day and its month (unless
#: a day's word stands before it: "ngày 5/9 công trình khởi công").
_COUNTED = re.compile(
    r"\s*(?:chi tieu|tieu chi|cong trinh|truong hop|du an|ho gia dinh|ho dan|hang muc|nhiem vu)\b"
)
_DAY_WORD_BEFORE = re.compile(r"\b(?:ngay|sang|chieu|toi|trua|dem)\s*$")


def _any_day(sentence: str) -> tuple[int, int, int | None] | None:
    key = fold_aligned(sentence)
    asked = _ASKS.search(key)
    for m in ANY_DAY.finditer(key, 0, asked.start() if asked is not None else len(key)):
        if CITATION_BEFORE.search(key[max(0, m.start() - 40) : m.start()]):
            continue
        if _NOT_MEETING_DAY.search(key[max(0, m.start() - 20) : m.start()]):
            continue
        if any(a.start() < m.start() < a.end() for a in _ANNOTATED_SPAN.finditer(key)):
            continue
        if _PLANNED.search(key[max(0, m.start() - 50) : m.start()]):
            continue
        if _COUNTED.match(key, m.end()) and not _DAY_WORD_BEFORE.search(key, 0, m.start()):
            continue
        day, month, year = _day_month(m)
        if 1 <= day <= 31 and 1 <= month <= 12:
            return day, month, year
    return None


def find_lead(sentences: Sequence[str]) -> int:
    """Index of the sentence that reports the meeting (its day and what happened)."""
    for i, sentence in enumerate(sentences):
        key = fold_aligned(sentence)
        if find_meeting_day(sentence) and _reports_meeting(sentence, key):
            return i
    for i, sentence in enumerate(sentences[:6]):
        key = fold_aligned(sentence)
        if (
            _NOW_WORDS.search(key) or _YESTERDAY_WORDS.search(key) or _any_day(sentence)
        ) and _reports_meeting(sentence, key):
            return i
    for i, sentence in enumerate(sentences[:4]):
        # "Sáng ngày 11/3/2015, BTV huyện ủy đã duyệt ...": a sentence that opens on the time
        # of day and the date reports the meeting, whatever its verb
        m = find_meeting_day(sentence)
        if m is not None and _OPENS_ON_DAY.match(fold_aligned(sentence)):
            return i
    for i, sentence in enumerate(sentences[:6]):
        # "Tại buổi trao đổi với ... sáng 3/2, ...": a day with its time of day is an event's,
        # not the publication line's ("Thứ bảy, ngày 04/02/2017 13:22")
        key = fold_aligned(sentence)
        if any(
            _TIMED.match(key, m.start()) for m in MEETING_DAY.finditer(key)
        ) and find_meeting_day(sentence):
            return i
    return 0


#: "đến năm 2030", "tầm nhìn năm 2045": a horizon, never the year of the meeting that sets it;
#: "(trồng rừng) từ năm 2002", "kể từ năm 2015": when something began, years before it.
_HORIZON_BEFORE = re.compile(r"\b(?:den|tam nhin(?: den)?|tu|ke tu)\s*$")
#: "Luật Hoạt động giám sát của Quốc hội và HĐND năm 2015": the year in a law's name.
_LAW_BEFORE = re.compile(r"\b(?:luat|bo luat|hien phap|phap lenh)\b[^,;.:()]{0,80}$")
#: "tháng 8/2018", "tháng 8 năm 2018": a month with its year.
_MONTH_YEAR = re.compile(r"\bthang\s+(\d{1,2})\s*(?:[/-]|,?\s*nam)\s*(\d{4})\b(?!\s*-\s*\d{4})")
#: "quý I năm 2025", "quý 1/2025": a quarter with its year.
_QUARTER_YEAR = re.compile(
    r"\bquy\s+(iv|iii|ii|i|[1-4])\s*(?:[/-]|,?\s*nam)\s*(\d{4})\b(?!\s*-\s*\d{4})"
)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: "năm học 2022 - 2023": a school year, which opens in September.
_SCHOOL_YEAR = re.compile(r"\bnam hoc(?: moi)?\s+(\d{4})\s*[-–]\s*(\d{4})\b")


def _year_from_text(texts: Sequence[str], month: int | None = None) -> int | None:
    """The year a text talks about: its most frequent year, not counting cited documents, laws
    ("Luật ... năm 2015"), horizons ("đến năm 2030") or beginnings ("từ năm 2002").

    Given the meeting's ``month``: a month written with its year that is the meeting's month or
    next to it ("phiên họp thường kỳ tháng 2 năm 2021", "kết quả tháng 8/2018" at a meeting of
    5 September), and so does a quarter ("quý I năm 2025" planned at a meeting of 17 December:
    2024), gives the year outright; a school year ("năm học 2022 - 2023") counts as the
    year it is in at that month; and of two years named as often, a meeting in the second half
    of the year is in the earlier (this year's results, next year's plans), one in the first
    half in the later (last year's results, this year's plans)."""
    years: Counter[int] = Counter()
    near: Counter[int] = Counter()
    for text in texts:
        key = fold_aligned(text)
        for m in FULL_DATE.finditer(key):
            if CITATION_BEFORE.search(key[max(0, m.start() - 40) : m.start()]):
                continue  # "Nghị quyết số 25/2021/NQ-HĐND ngày 30/12/2021": a cited document
            for day in full_dates(m.group()):
                years[day.year] += 1
        for m in YEAR_MENTION.finditer(key):
            if _HORIZON_BEFORE.search(key[max(0, m.start() - 12) : m.start()]):
                continue
            if _LAW_BEFORE.search(key[max(0, m.start() - 90) : m.start()]):
                continue
            years[int(m[1])] += 1
        if month is None:
            continue
        for m in _MONTH_YEAR.finditer(key):
            written, year = int(m[1]), int(m[2])
            if written == month or abs(written - month) == 1:
                near[year] += 1
            elif written == 12 and month == 1:
                near[year + 1] += 1  # "tháng 12/2020" reviewed at a meeting in January
            elif written == 1 and month == 12:
                near[year - 1] += 1  # "tháng 1/2021" planned at a meeting in December
        for m in _QUARTER_YEAR.finditer(key):
            # as months are: the meeting's quarter or the next or last, across a year's end
            written, year, own = _QUARTERS[m[1]], int(m[2]), (month - 1) // 3 + 1
            if abs(written - own) <= 1:
                near[year] += 1
            elif written == 4 and own == 1:
                near[year + 1] += 1  # "quý IV/2020" reviewed at a meeting in January
            elif written == 1 and own == 4:
                near[year - 1] += 1  # "quý I năm 2025" planned at a meeting in December
        for m in _SCHOOL_YEAR.finditer(key):
            first, second = int(m[1]), int(m[2])
            if second == first + 1:
                years[first if month >= 8 else second] += 1
    if near:
        return max(near, key=lambda y: (near[y], y))
    if not years:
        return None
    late = month is not None and month >= 7
    return max(years, key=lambda y: (years[y], -y if late else y))


def reference_day(body: Sequence[str], today: date | None) -> date | None:
    """The day deadlines are read against when the text gives no day of its meeting: the first
    day of the year the text talks about when that is before ``today`` (a report of 2022 read
    in 2025: "trong năm 2022" is its deadline, not a past period), else ``today``."""
    year = _year_from_text(body)
    now = today or date.today()
    if year is not None and year < now.year:
        return date(year, 1, 1)
    return today


def meeting_date(
    blocks: Sequence[Block],
    lead: str,
    lead_block: int,
    body: Sequence[str],
    today: date | None,
) -> tuple[date | None, bool]:
    """The day of the meeting (see the module docstring for where the year comes from), and
    whether its year is only assumed: nothing in the text gives it, ``today``'s is taken."""
    found = find_meeting_day(lead) or _any_day(lead)
    datelines = [(i, b.when) for i, b in enumerate(blocks) if b.kind == "dateline" and b.when]
    before = [when for i, when in datelines if i < lead_block]
    after = [when for i, when in datelines if i > lead_block]
    stamp = before[-1] if before else (after[0] if after else None)
    if found is None:
        if _YESTERDAY_WORDS.search(fold_aligned(lead)) and stamp is not None:
            return stamp - timedelta(days=1), False
        if _NOW_WORDS.search(fold_aligned(lead)) and stamp is not None:
            return stamp, False
        return None, False
    day, month, year = found
    if year is not None:
        return _make(year, month, day), False
    if stamp is not None:
        guess = _make(stamp.year, month, day)
        if guess is not None and guess > stamp:
            guess = _make(stamp.year - 1, month, day)
        return guess, False
    # the headline is part of the text ("... họp phiên thường kỳ tháng 2 năm 2021")
    headline = title_of(list(blocks))
    text_year = _year_from_text([*body, headline] if headline else body, month)
    now = today or date.today()
    if text_year is not None and text_year <= now.year:
        # not a later year than the reference day's: a text read in November 2025 that plans
        # "năm 2026" reports a meeting of 2025
        held = _make(text_year, month, day)
        due = _due_days([*body, headline] if headline else body)
        if held is not None and due and max(due) < held and max(due).year == text_year:
            # "Ngày 22-11, … yêu cầu … đến ngày 31-3-2024 phải hoàn thành": the work is due
            # after the meeting, so the meeting is of the year before
            held = _make(text_year - 1, month, day)
        return held, False
    guess = _make(now.year, month, day)
    if guess is not None and guess > now:
        guess = _make(now.year - 1, month, day)
    if text_year is None and guess is not None:
        # no year but the day of a document the meeting deploys or examines ("triển khai Kế
        # hoạch số 1633/KH-UBND ngày 9-5-2017", "báo cáo số 563 ngày 15/11/2017"): the meeting
        # is the first such day after it, not the reference day's year
        issued = _fresh_document_day([*body, headline] if headline else body)
        if issued is not None and issued <= guess:
            held = _make(issued.year, month, day)
            if held is not None and held < issued:
                held = _make(issued.year + 1, month, day)
            if held is not None and held <= guess:
                return held, False
        # no year but a term's or a period's ("nhiệm kỳ 2021-2026", "giai đoạn 2015-2021"): the
        # meeting is held within it (still only assumed, for the clerk to check)
        termed = _term_year([*body, headline] if headline else body, guess.year)
        if termed is not None:
            guess = _make(termed, month, day) or guess
    return guess, guess is not None


#: A day written with its year that work is due by ("đến ngày 31-3-2024 phải hoàn thành",
#: "trước ngày 3-7-2010", "chậm nhất ngày 15/01/2021").
_DUE_BY = re.compile(
    r"\b(?:den|truoc|cham nhat(?: la)?(?: vao)?|han chot(?: la)?)(?: ngay)? "
    r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\b"
)


def _due_days(texts: Sequence[str]) -> list[date]:
    """The days, written with their year, that the texts' work is due by."""
    out = []
    for text in texts:
        for m in _DUE_BY.finditer(fold_aligned(text)):
            day = _make(int(m[3]), int(m[2]), int(m[1]))
            if day is not None:
                out.append(day)
    return out


#: A document a meeting deploys or examines, cited with its day: "triển khai (thực hiện) Quyết
#: định số 101/QĐ-TTg ngày 23-1-2017 … và Kế hoạch số 1633/KH-UBND ngày 9-5-2017", "thông qua
#: báo cáo số 563 ngày 15/11/2017" — issued for the meeting or shortly before it, unlike one whose
#: implementation it reviews years on ("sơ kết … thực hiện Chỉ thị số 10-CT/TW ngày 30/3/2007",
#: "khảo sát việc thực hiện Nghị quyết số 25/2021/NQ-HĐND ngày 30/12/2021"). The text between
#: the verb and the day holds no sentence's end (and is looked for in the 300 characters before
#: the day).
_DEPLOYS = re.compile(
    r"\btrien khai\s+(?:thuc hien\s+)?(?:quyet dinh|ke hoach|chi thi|nghi quyet|nghi dinh|"
    r"thong tu|cong van|van ban|huong dan|chuong trinh|de an)\b[^.;:]*$"
)
_REPORT_CITED = re.compile(r"\bbao cao(?:\s+so\s+[\w./-]+)?\s*,?\s*(?:ngay\s*)?$")
#: A review of the years of a deployment ("sơ kết 5 năm triển khai …", "tổng kết việc triển khai
#: …"): the document it deploys is old.
_REVIEWED = re.compile(r"\b(?:so ket|tong ket|\d+ nam)\b")


def _fresh_document_day(texts: Sequence[str]) -> date | None:
    """The latest day of a document the texts say the meeting deploys or examines (see
    :data:`_DEPLOYS`), else None."""
    days: list[date] = []
    for text in texts:
        key = fold_aligned(text)
        for m in FULL_DATE.finditer(key):
            before = key[max(0, m.start() - 300) : m.start()]
            if not CITATION_BEFORE.search(before[-40:]):
                continue
            deploys = _DEPLOYS.search(before)
            if deploys is not None and not _REVIEWED.search(before[: deploys.start()]):
                days += full_dates(m.group())
            elif _REPORT_CITED.search(before[-40:]):
                days += full_dates(m.group())
    return max(days, default=None)


#: "nhiệm kỳ 2021-2026", "giai đoạn 2015-2021": a term or a period, from its first year to its last.
_TERM = re.compile(r"\b(?:nhiem ky|giai doan)\s+(\d{4})\s*[-–]\s*(\d{4})\b")
#: "Kỳ họp thứ nhất ... nhiệm kỳ 2021-2026": a council's first session, held in its term's first
#: year; "(chuẩn bị) bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp, nhiệm kỳ 2021 - 2026",
#: "bầu cử trưởng thôn nhiệm kỳ 2021 - 2023": an election for a term, held in its first year.
_TERM_OPENS = re.compile(
    r"\b(?:ky hop (?:thu nhat|dau tien)|bau cu)\b[^.;]{0,80}?\bnhiem ky\s+(\d{4})\s*[-–]\s*"
    r"\d{4}\b"
)


def _term_year(texts: Sequence[str], year: int) -> int | None:
    """The year of a meeting whose text names no year but a term or period: the first year of
    a term whose first session or election it prepares (not after ``year``), else ``year``
    brought within every period named (the last year of a period that ended before it)."""
    spans: list[tuple[int, int]] = []
    for text in texts:
        key = fold_aligned(text)
        first = _TERM_OPENS.search(key)
        if first is not None:
            return min(int(first[1]), year)
        spans += [(int(m[1]), int(m[2])) for m in _TERM.finditer(key) if int(m[1]) < int(m[2])]
    if not spans:
        return None
    last = min(b for _, b in spans)
    return min(year, last) if year > last else None


# --- kind and title -------------------------------------------------------------------------


#: The meeting named as the place of what the text reports ("Tại buổi làm việc, ...").
_AT_MEETING = re.compile(
    r"\btai (?:cac |cuoc |buoi )?((?:buoi lam viec|hoi nghi|cuoc hop|phien hop|buoi giam sat|"
    r"buoi kiem tra))\b"
)


#: "hop" is the key of "họp" (to meet) and of "hợp" (phối hợp, phù hợp, tập hợp, trường hợp):
#: only the first names a meeting.
_HOP = re.compile(r"\bhop\b")


def _kind_key(text: str) -> str:
    """The search key of ``text`` for the kind cues: a "hop" that is written "hợp" (or with any
    tone but "họp") is masked, unless the text is written without tones at all."""
    key, low = fold_aligned(text), lower_aligned(text)
    if toneless(text):
        return key
    return _HOP.sub(lambda m: m.group() if low[m.start() : m.end()] == "họp" else "h~p", key)


def kind_of(lead: str, title: str | None, body: Sequence[str]) -> str | None:
    """The kind of meeting (see the module docstring for the order of precedence)."""
    found: str | None = None
    # the lead and the headline together first, kinds in order ("Hội nghị giao ban ..." in the
    # headline is a briefing even when the lead only says "hội nghị"); a report named in the
    # lead ("Báo cáo tổng kết 05 năm ...") does not make the meeting a review
    heads = [_NAMED_REPORT.sub(" ", _kind_key(text)) for text in (lead, title or "")]
    for kind, pattern in KIND_CUES:
        if any(pattern.search(key) for key in heads):
            found = kind
            break
    for text in body[:3] if found is None else ():
        key = _kind_key(text)
        for kind, pattern in KIND_CUES:
            if pattern.search(key):
                found = kind
                break
        if found:
            break
    if found is None:
        # "Tại hội nghị ...", "tại buổi làm việc ...": the meeting named where the text reports
        # what happened at it, anywhere in the body, kinds in order
        places = [m.group(1) for text in body for m in _AT_MEETING.finditer(fold_aligned(text))]
        found = next(
            (kind for kind, pattern in KIND_CUES if any(pattern.search(p) for p in places)), None
        )
    if found in (None, "conference"):
        review = KIND_CUES[0][1]
        for sentence in body[:8]:
            key = fold_aligned(sentence)
            if re.search(
                r"\b(?:hoi nghi|buoi lam viec|phien hop|cuoc hop)\b", key
            ) and review.search(key):
                return "review"
    return found


#: Where the lead's meeting phrase ends and who chaired or attended it begins ("Hội nghị sơ kết
#: 6 tháng, đồng chí Lê Văn Tám, Bí thư Huyện ủy chủ trì"): no part of the title.
_TITLE_END = re.compile(
    r",\s*(?:do |duoi su (?:chu tri|chi dao) cua |voi su (?:tham du|chu tri) cua |co su tham du "
    r"cua )?(?:cac )?(?:dong chi|d/c|ong|ba)\b"
)


def title_from_lead(lead: str) -> str | None:
    """A title made from the lead sentence: its meeting noun phrase ("Giao ban với ..."), up to
    who chaired or attended it."""
    folded = Folded.of(lead)
    m = MEETING_NOUN.search(folded.key)
    if m is None:
        return None
    end = _TITLE_END.search(folded.key, m.end())
    text = lead[m.start() : end.start() if end else None].strip().rstrip(".…;:, ")
    words = text.split()
    if len(words) > 30:
        text = " ".join(words[:30])
    return text[:1].upper() + text[1:]


def extract_meeting(
    blocks: Sequence[Block],
    sentences: Sequence[str],
    sentence_blocks: Sequence[int],
    today: date | None = None,
) -> tuple[MeetingInfo, int]:
    """Everything about the meeting itself, and the index of the lead sentence."""
    info = MeetingInfo()
    if not sentences:
        return info, 0
    lead_index = find_lead(sentences)
    lead = sentences[lead_index]
    info.source = lead
    info.date, info.year_assumed = meeting_date(
        blocks, lead, sentence_blocks[lead_index], sentences, today
    )
    if _reports_document(lead):
        info.issued, info.date, info.year_assumed = info.date, None, False
    if info.date is None and info.issued is None:
        # a document pasted whole that names no meeting: its own day is the record's
        info.date = document_day(list(blocks))
    captions = [b.text for b in blocks if b.kind == "caption"]
    info.chair, info.chair_title, chair_source = choose_chair(sentences, lead_index, captions)
    if info.chair is None:
        # no chair in the body: a photo caption read as a heading ("Đồng chí X, Phó Bí thư
        # Thường trực Tỉnh ủy phát biểu kết luận hội nghị") may name them
        more = [b.text for b in blocks if b.kind == "header"][1:]
        if more:
            info.chair, info.chair_title, chair_source = choose_chair(
                sentences, lead_index, [*captions, *more]
            )
    if info.chair is None:
        # a document pasted whole whose body names no leader: who signs it ("KT. CHỦ TỊCH /
        # PHÓ CHỦ TỊCH / Nguyễn Văn A"); a notice's conclusions are the leader's its body names
        info.chair, info.chair_title = signer(list(blocks))
    headline = title_of(list(blocks))
    info.title = headline or title_from_lead(lead)
    # no kind in the text: a photo caption may name the meeting ("... phát biểu chỉ đạo tại buổi
    # làm việc với Ban Thường vụ Tỉnh ủy")
    info.kind = kind_of(lead, headline, sentences) or kind_of("", None, captions)
    if info.date is None and chair_source is not None:
        info.source = chair_source
    return info, lead_index
