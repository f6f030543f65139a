"""Sentences and clauses of Vietnamese administrative prose.

A sentence ends at ``.``, ``!``, ``?``, ``…`` (or the ``./.`` end mark) followed by a capital
letter, a digit or a list marker — not after abbreviations (``TP.``, ``TS.``, ``Đ/c.``, initials)
or inside numbers (``2.416``) and domain names. A clause is a piece of a sentence between
``;`` and ``:`` — the units in which enumerations of limitations and directives are written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "tp tx tt ts ths pgs gs bs ks cn nxb q p h x đ/c đc ông bà st v.v vv th tr".split()
)
# a period (or ! ? …) that may end a sentence, with what can follow it
_BOUNDARY = re.compile(r"(?:\.{2,}|…+|[.!?])(?:\s*/\s*\.)?['\"”’)\]]*(?=\s+|$)")
_STARTER = re.compile(r"\s*(?:[A-ZĐÀ-Ỹ\d\"“'(\-–•+]|$)", re.UNICODE)
#: A period glued to the next sentence's first word, a capitalised word or an acronym ("… phòng
#: chống tội phạm.Tình hình …", "… quản lý các đối tượng.UBND nên …"); not a domain name's dot.
_GLUED = re.compile(r"(?<=[a-zà-ỹđ]{2})\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ]|[A-ZĐ]{2,}\b)", re.UNICODE)
#: An ellipsis glued to a turn that opens the next sentence ("… chỉ đạo thực hiện…Tuy nhiên, đến
#: nay …", "…Bên cạnh đó, …"); not to any capital: "… kế hoạch công tác tháng, quý…Chú trọng đến
#: …" goes on with a numbered entry, one item.
_GLUED_ELLIPSIS = re.compile(
    r"(?<=\S)(…+|\.{3,})(?=(?:Tuy nhiên|Tuy vậy|Song|Nhưng|Bên cạnh|Mặt khác|Mặc dù vậy|Dù vậy|"
    r"Dẫu vậy)\b)"
)
_TRAILING = re.compile(r"[\s.…;,:/]+$")
#: The longest sentence read whole. No sentence of a real report comes near it (the longest of the
#: development set has under 1,000 characters); a longer run without a sentence's end (a page's
#: text run together, or hostile input) is read in pieces of at most this length, cut at a space,
#: so that what the rules do per sentence stays in proportion to the text.
MAX_SENTENCE = 2000


@dataclass(frozen=True)
class Clause:
    """A piece of a sentence between ``;`` / ``:`` separators."""

    text: str
    start: int  # offset in the sentence
    after: str  # the separator before it: "" (first clause), ";" or ":"


def _last_word(text: str) -> str:
    m = re.search(r"([\w/.]+)$", text)
    return m.group(1).lower().rstrip(".") if m else ""


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences."""
    text = _GLUED_ELLIPSIS.sub(r"\1 ", _GLUED.sub(". ", paragraph.strip()))
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        starter = _STARTER.match(text, end)
        if not starter or starter.group().strip().islower():
            # "À-Ỹ" also spans lower-case letters ("đang", "ưu tiên"): a sentence opens on a
            # capital ("… Chung cư sông Cà Ty,… đang gặp khó khăn" goes on)
            continue
        if m.group().startswith(".") and len(m.group().rstrip("'\"”’)]")) == 1:
            before = text[start : m.start()]
            word = _last_word(before)
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        out.extend(_pieces(text[start:end].strip()))
        start = end
    out.extend(_pieces(text[start:].strip()))
    return out


def _pieces(sentence: str) -> list[str]:
    """``sentence`` itself, or in pieces of at most :data:`MAX_SENTENCE` characters."""
    out: list[str] = []
    while len(sentence) > MAX_SENTENCE:
        cut = sentence.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        out.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        out.append(sentence)
    return out


#: Two or more proper names after a colon, separated by commas ("các phường: Thanh Bình, Cẩm
#: Thượng, ...", "các khu, cụm công nghiệp: Nam Sách, Đại An, ...").
_NAME = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,3}"
_NAMES_AFTER = re.compile(rf"\s*{_NAME}\s*,\s*{_NAME}\s*(?:,|và\b)", re.UNICODE)
#: Offices of one kind written with a capital before a colon ("các Sở:", "các Ban:", "các Bộ:"):
#: what follows are their names ("Tài nguyên và Môi trường, Xây dựng, ..."), however written.
_OFFICES_BEFORE = re.compile(r"\bcác\s+(?:Sở|Bộ|Ban|Phòng)\s*$")


#: Instances after "như:" closed by an ellipsis, the sentence going on in lower case ("Các dự án
#: trọng điểm như: Cầu A, Chung cư B,… đang gặp một số khó khăn", "các mô hình như: A, B… nhằm
#: nâng cao …"): examples inside the clause, no list of its own.
_INSTANCES_CLOSED = re.compile(r"[^;:.…]{1,120}?,?\s*(?:…|\.\.\.)\s*(?!thì\b)[a-zđà-ỹ]")
_LIKE_BEFORE = re.compile(r"\bnhư\s*$", re.IGNORECASE)


#: The word for a deadline before its colon ("…, thời hạn: 31/12/2024", "Thời hạn hoàn thành:
#: quý III/2024"): the deadline of the task before it, no list after it.
_TERM_BEFORE = re.compile(
    r"\bthời hạn(?:\s+(?:hoàn thành|thực hiện|giải quyết))?\s*$", re.IGNORECASE
)


#: An ellipsis where a quoted notice leaves words out, before the next assignment ("... làm rõ…
#: gói thầu số 7… giao cho Sở NNPTNT chủ trì, ..."): it parts two tasks as a ``;`` does.
_NEXT_TASK_ELIDED = r"(?:…|\.\.\.)(?=\s*giao (?:cho )?[A-ZĐ])"


#: What a ``;`` opens when it only singles out the main part of what precedes it ("…, hướng dẫn
#: của cấp trên; đặc biệt là công tác nhân sự Đại hội …", "; nhất là …"): no clause of its own.
_EMPHASIS_AFTER = re.compile(r"\s*(?:đặc biệt là|nhất là)\b", re.IGNORECASE)


def split_clauses(sentence: str) -> list[Clause]:
    """Split a sentence on ``;`` and on ``:`` (not the ``:`` of a time like ``9:12``, nor
    inside parentheses; not a ``;`` before "đặc biệt là", "nhất là"), and on an ellipsis before
    another assignment."""
    clauses: list[Clause] = []
    start = 0
    after = ""
    for m in re.finditer(rf";|(?<!\d):|:(?!\d)|{_NEXT_TASK_ELIDED}", sentence):
        if m.group() == ":" and _NAMES_AFTER.match(sentence, m.end()):
            continue  # "UBND các phường: Thanh Bình, Cẩm Thượng, ...": names, not a list's items
        if m.group() == ":" and _OFFICES_BEFORE.search(sentence, 0, m.start()):
            continue  # "phối hợp với các Sở: Tài nguyên và Môi trường, Xây dựng": their names
        if m.group() == ":" and _TERM_BEFORE.search(sentence, 0, m.start()):
            continue  # "…, thời hạn: 31/12/2024": the task's deadline
        if (
            m.group() == ":"
            and _LIKE_BEFORE.search(sentence, 0, m.start())
            and _INSTANCES_CLOSED.match(sentence, m.end())
        ):
            continue  # "Các dự án như: A, B,… đang gặp khó khăn": examples in the clause
        if m.group() == ";" and _EMPHASIS_AFTER.match(sentence, m.end()):
            continue  # "…; đặc biệt là công tác nhân sự …": the main part of the clause before
        if sentence.count("(", start, m.start()) > sentence.count(")", start, m.start()):
            continue  # "chưa chặt chẽ (còn 11 thửa ...; 06 thửa bị lấn chiếm)": one aside
        piece = sentence[start : m.start()]
        if piece.strip():
            clauses.append(Clause(piece, start, after))
        start = m.end()
        after = m.group()
    piece = sentence[start:]
    if piece.strip():
        clauses.append(Clause(piece, start, after))
    return clauses


def tidy(text: str) -> str:
    """Trim an item's text: surrounding spaces and trailing punctuation ("…", "./.", ";")."""
    return _TRAILING.sub("", text.strip()).strip()
