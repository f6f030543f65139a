"""Strip a web page or document down to the article: title, datelines, body paragraphs.

Provincial portals wrap the article in tool bars ("Tăng cỡ chữ Giảm cỡ chữ"), counters
("[ Cập nhật vào ngày (04/03/2016) ] - [ Số lần xem: 2416 ]"), photo captions, bylines, reader
comment forms ("Các ý kiến của bạn đọc", "Đánh giá:", "Mã xác thực không đúng") and site footers
("Thống kê:", "Online:"). :func:`clean` sorts every line into a :class:`Block`; only ``body``
and ``heading`` blocks feed the extraction, ``dateline`` blocks give the year, ``header`` blocks
the title and ``caption`` blocks are kept aside (a last resort for finding the chair), as are
the ``signature`` blocks that end a document (its signer's titles, then the name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from dirtrack.extract.folding import fold_aligned, normalize
from dirtrack.extract.keys import own_number
from dirtrack.extract.lexicon import FULL_DATE, LIST_MARKER, MEETING_DAY, SURNAMES, TITLE_HEAD_RE

BlockKind = Literal[
    "header", "dateline", "body", "heading", "caption", "byline", "signature", "closing"
]

_IMAGE_NAME = re.compile(
    r"(?<![\w\-])[\w\-]+\.(?:png|jpe?g|gif|webp|bmp|tiff?|svg)\b", re.IGNORECASE
)
_INLINE_TAIL = re.compile(r"cac y kien cua ban doc|y kien ban doc\s*$|gui y kien cua ban\b")
_BOILERPLATE = re.compile(
    r"publishingportal|block_\w+|tang co chu|giam co chu|^so lan xem|^luot xem|ma xac thuc|"
    r"^thong ke\s*:|^online\s*:|^dang (?:truy cap|online)\s*:?|^(?:tong )?(?:so )?luot truy cap|"
    r"^lien ket website|^ban quyen|copyright|©|^(?:dia chi|dien thoai|email|fax|hotline)\s*:|"
    r"^tu khoa\s*:|^tags?\s*:|^luot danh gia|^trung binh\s*:|^(?:in bai|in trang|gui email|"
    r"gui bai|chia se|facebook|twitter|zalo|luu bai|quay lai|ve dau trang|tro ve|trang chu|"
    r"dang nhap|dang ky|tim kiem|xem tiep|doc tiep)\b.{0,30}$|^(?:ban do|cac ca khuc)\b.{0,60}$|"
    r"[>»|]\s*\w+\s*[>»|]"
)
_TAIL_LINE = re.compile(
    r"^(?:cac y kien cua ban doc|y kien ban doc|y kien cua ban|binh luan|gui binh luan|"
    r"viet binh luan|gui y kien|danh gia|cac tin khac|tin lien quan|tin cung chuyen muc|tin khac|"
    r"xem them|bai viet lien quan|cac bai viet khac|tin moi hon|tin cu hon|tin da dua|noi nhan)"
    r"\s*:?\s*$"
    r"|^luot danh gia"
    # a document's receivers written on the line of "Nơi nhận:" ("Nơi nhận: - Như trên; - Lưu: VT.")
    r"|^noi nhan\s*:"
)
_DATELINE_FILLER = re.compile(
    r"\b(?:cap nhat|vao|ngay|luc|dang|thu (?:hai|ba|tu|nam|sau|bay)|chu nhat|gmt|gio|am|pm|"
    r"so lan xem|luot xem|xem|posted|updated|thang|nam)\b|\d+|[^\w\s]"
)
_PLACE_DATELINE = re.compile(
    r"^[\w .'-]{2,40},\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}\s*$"
)
_TERMINAL = re.compile(r"[.!?…;:]['\"”’)\]]*\s*$")
#: A numbered line of eight words or more that opens no topic ("1. Về công tác …", "2. Đối với
#: …"): in a list a colon announced, an item, not a heading (matched folded).
_LISTED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+(?!(?:ve|doi voi|rieng)\b)\S+(?:\s+\S+){7}")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*\s*$")
_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*|[A-ZĐ])[.)/]\s+\S")
_CAPTION_START = re.compile(
    r"^(?:toan canh|quang canh|anh\s*:|anh minh hoa|hinh anh|anh tu lieu|cac dai bieu|"
    r"dai bieu (?:du|tham du)|cac dong chi lanh dao)\b"
)
_CAPTION_TAIL = re.compile(
    r"\b(?:phat bieu|ket luan|tang|trao|chup anh|thao luan|kiem tra|tham(?! muu| gia)|lam viec|"
    r"du hoi nghi|chu tri)\b[^,;:]{0,60}[.]?\s*$"
)
_PERSONISH_START = re.compile(
    r"^(?:dong chi|d/c|ong|ba|pho|bi thu|chu tich|uy vien|uv|truong|giam doc|lanh dao|"
    r"[a-z]+ [a-z]+ [a-z]+\s*[,-])"
)
_SOURCE_LINE = re.compile(
    r"^\(?(?:theo|nguon)\b|(?<![\w-])[\w-]+\.(?:com|vn|net|org|gov)(?:\.vn)?\b"
)
_GLUED_BYLINE = re.compile(
    r"(?<=[.!?…])\s*((?:[A-ZĐ][^\W\d_]*)(?:\s+[A-ZĐ][^\W\d_]*){0,3})\s*$", re.UNICODE
)


@dataclass(frozen=True)
class Block:
    """One line of the source, sorted by what it is."""

    kind: BlockKind
    text: str
    when: date | None = None  # the date a ``dateline`` carries


#: A document's kind alone on its line, above its subject ("THÔNG BÁO" then "Kết luận của Chủ
#: tịch UBND tỉnh … tại cuộc họp …"), and the national motto above it: never its title.
_DOCUMENT_KIND = re.compile(
    r"^\s*(?:thong bao|ket luan|cong van|chi thi|bao cao|bien ban|ke hoach|quyet dinh|to trinh)"
    r"\s*$"
)
_MOTTO = re.compile(r"^\s*(?:cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc)\W*$")


#: Whom a document's signer signs for, above the signer's title: "KT. CHỦ TỊCH" (on behalf of),
#: "TL. CHỦ TỊCH" (by order of), "TM. ỦY BAN NHÂN DÂN" (in the name of), "TUQ.", "Q.".
_SIGNS_FOR = re.compile(r"^(?:kt|tl|tm|tuq|q)\s*[./]\s*\w")
#: The mark left where the signature is ("(Đã ký)", "(ký, ghi rõ họ tên, đóng dấu)", "[signature]").
_SIGN_MARK = re.compile(r"^[(\[]\s*(?:da ky|ky|chu ky|signature|signed)\b[^)\]]*[)\]]\.?$")


def _signature(lines: list[str]) -> tuple[int, int, list[str], str] | None:
    """The last signature block of a document pasted whole: a line in capitals saying whom the
    signer signs for ("KT. CHỦ TỊCH") or giving a head's title ("CHỦ TỊCH", "GIÁM ĐỐC"), the
    signer's titles in capitals under it ("PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), a signature's mark
    ("(Đã ký)") or none, then a name of two to five capitalised words opening on a family name,
    after the body (a paragraph before it, none after it). Where it starts and ends in
    ``lines``, the signer's titles and the name; else None."""
    found = None
    for start, line in enumerate(lines):
        if not line.isupper() or _words(line) > 8:
            continue
        key = fold_aligned(line).strip()
        if not (_SIGNS_FOR.match(key) or TITLE_HEAD_RE.match(key)):
            continue
        titles: list[str] = []
        at = start
        while at < len(lines) and lines[at].isupper() and _words(lines[at]) <= 8:
            key = fold_aligned(lines[at]).strip()
            if _SIGNS_FOR.match(key):
                titles = []  # whom they sign for: the signer's own title comes under it
            elif TITLE_HEAD_RE.match(key):
                titles.append(lines[at])
            else:
                break
            at += 1
        while at < len(lines) and _SIGN_MARK.match(fold_aligned(lines[at]).strip()):
            at += 1
        if at == start or at >= len(lines):
            continue
        name = lines[at].split()
        if (
            2 <= len(name) <= 5
            and all(word[:1].isupper() and word[1:].islower() for word in name)
            and fold_aligned(name[0]) in SURNAMES
            # it ends the document: a paragraph before it, none after (not a headline in
            # capitals above its byline)
            and any(_words(other) >= 20 for other in lines[:start])
            and all(_words(other) < 25 for other in lines[at + 1 :])
        ):
            found = (start, at + 1, titles, lines[at])
    return found


def _signers_title(line: str) -> str:
    """A title written in capitals as the text would write it: "PHÓ CHỦ TỊCH" "Phó Chủ tịch",
    "CHÁNH VĂN PHÒNG" "Chánh Văn phòng"."""
    out: list[str] = []
    for word in line.lower().split():
        after = fold_aligned(out[-1]) if out else ""
        head = not out or after == "pho" or (fold_aligned(word) == "van" and after == "chanh")
        out.append(word[:1].upper() + word[1:] if head else word)
    return " ".join(out)


def signer(blocks: list[Block]) -> tuple[str | None, str | None]:
    """The name and title of who signs a document pasted whole (its ``signature`` blocks: the
    titles, then the name), else (None, None)."""
    signed = [b.text for b in blocks if b.kind == "signature"]
    if not signed:
        return None, None
    titles = [_signers_title(t) for t in signed[:-1]]
    return signed[-1], ", ".join(titles) or None


def _words(text: str) -> int:
    return len(text.split())


def full_dates(text: str) -> list[date]:
    """Every full date (with its year) written in ``text``."""
    found: list[date] = []
    for m in FULL_DATE.finditer(fold_aligned(text)):
        day, month, year = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        try:
            found.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def dateline_date(line: str) -> date | None:
    """The date of a line that is only a date stamp ("06/05/2022", "29/12/2017, 9:12 (GMT+7)",
    "[ Cập nhật vào ngày (04/03/2016) ] - [ Số lần xem: 2416 ]", "Hà Nội, ngày 6 tháng 5 năm
    2022"), else None."""
    dates = full_dates(line)
    if not dates:
        return None
    key = fold_aligned(line)
    if _PLACE_DATELINE.match(key):
        return dates[0]
    rest = _DATELINE_FILLER.sub(" ", FULL_DATE.sub(" ", key))
    if len(rest.split()) <= 1:
        return dates[0]
    return None


def _is_lead(line: str) -> bool:
    n = _words(line)
    key = fold_aligned(line)
    if MEETING_DAY.search(key) and n >= 8:
        return True
    return n >= 20 or (n >= 12 and bool(_TERMINAL.search(line)))


#: The paper's tag before its lead ("Kinhtedothi - ", "VOV.VN - ", "(QBĐT) - ", "(HP)- ").
_AGENCY_TAG = re.compile(r"^\(?[A-ZĐ][\w.]{1,15}(?: Online)?\)?\s*[-–—]\s+(?=[A-ZĐÀ-Ỹ])")


def _is_headline(line: str) -> bool:
    """The article's first line read as its headline: no sentence's end, no meeting day, at most
    45 words ("Trưởng ban Tuyên giáo Thành ủy Bùi Huyền Mai: Quận Thanh Xuân tập trung ...", a
    notice's "Kết luận của Phó Chủ tịch UBND tỉnh X tại Hội nghị ..." of some 40)."""
    return (
        _words(line) <= 45
        and not _TERMINAL.search(line)
        and not MEETING_DAY.search(fold_aligned(line))
    )


def _is_category(line: str) -> bool:
    """A portal's section name above the headline ("Thông tin chỉ đạo điều hành", "Tin hoạt
    động", "Chính trị - Xã hội"): a few words, no sentence, no day."""
    return _words(line) <= 6 and _is_headline(line)


def _is_heading(line: str) -> bool:
    if _words(line) > 20 or line.rstrip().endswith((".", ";")):
        return False
    if _HEADING.match(line):
        return True
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 6 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


#: A document's closing formula ("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan
#: biết, thực hiện./.", "Trên đây là kết luận của …, Văn phòng Tỉnh ủy xin thông báo để các đơn vị
#: biết, phối hợp thực hiện"): who sends the notice, to whom, no task and no unit of it.
_CLOSING = re.compile(
    r"^([^.;:!?]{0,200})\bthong bao\s+(?:(?:y kien )?ket luan\b[^.;:!?]{0,200})?"
    r"(?:de|cho|den|toi)\s"
    r"[^.;:!?]{0,200}\bbiet\b[^.;:!?]{0,60}$"
)
#: A request before "thông báo" ("yêu cầu Sở Y tế thông báo để người dân biết …"): a task.
_ASKS_BEFORE = re.compile(r"\b(?:yeu cau|de nghi|giao|chi dao|can|phai|kip thoi|chu dong)\b")
#: A line that announces the list under it without its colon: "… các nhiệm vụ sau", "… như
#: sau", "… sau đây", "… gồm".
_ANNOUNCES_LIST = re.compile(r"\b(?:sau|sau day|nhu sau|gom|bao gom|cu the)\s*$")


def _is_caption(line: str, unstopped: bool = False) -> bool:
    """Whether ``line`` reads like a photo's caption: short, and without a full stop, or naming
    who is in the photo. On a page that writes its paragraphs without full stops
    (``unstopped``, see :func:`_unstopped`) the missing stop says nothing."""
    n = _words(line)
    if n > 40 or LIST_MARKER.match(line) or line.rstrip().endswith((":", ";")):
        return False
    key = fold_aligned(line).strip()
    if _CAPTION_START.match(key) and n <= 30:
        return True
    terminal = bool(_TERMINAL.search(line))
    if not terminal:
        return n <= 30 and not unstopped
    inner_sentence = re.search(r"[.!?…]\s+[A-ZĐ]", line.rstrip().rstrip(".!?…"))
    return (
        n <= 30
        and ";" not in line
        and inner_sentence is None
        and bool(_CAPTION_TAIL.search(key))
        and bool(_PERSONISH_START.match(key))
    )


def _unstopped(lines: list[str]) -> bool:
    """Whether a page writes its paragraphs without full stops: of its lines of eight words or
    more (a wrapped text's lines joined), three or more and most end without one."""
    long = [line for line in lines if _words(line) >= 8]
    open_ended = [line for line in long if not _TERMINAL.search(line)]
    return len(open_ended) >= 3 and len(open_ended) * 2 > len(long)


def _cut_tail(text: str) -> str:
    """Drop a reader-comment section that starts inside a line ("...vnCác ý kiến của bạn đọc")."""
    m = _INLINE_TAIL.search(fold_aligned(text))
    return text[: m.start()] if m else text


#: How much longer than the longest line left open a line is in a text not wrapped at one width
#: (a wrapped line never passes the width; its words bring it up to a word short of it).
_WIDER_THAN_WRAPPED = 1.3


def _unwrap(lines: list[str], apart: frozenset[int] = frozenset()) -> list[str]:
    """Join the lines of a text wrapped at a fixed width (copied from a PDF or a printed page):
    when most long lines end without a sentence's end, a line that does not end one continues
    on the next (unless the next opens a list item).

    A wrapped paragraph's lines follow one another; a blank line between two lines (``apart``:
    the indexes of the lines a blank line comes before, when some lines have none before them)
    ends a paragraph, and so does a line in capitals before one that is not (a headline): a page
    that writes its paragraphs without full stops ("… chưa đáp ứng được nhu cầu" / blank / "Công
    tác giám sát … chưa được quan tâm đúng mức") is no wrapped text.

    In a text with lines much longer than every line left open (paragraphs of their own beside
    a wrapped passage), a line that begins with a capital in a list a line ending in a colon
    announced is an item of its own, not the line before continued: Word's automatic numbering
    pasted as text loses the items' numbers, and the items were read as one task.
    """
    long = [line for line in lines if len(line) >= 30]
    open_ended = [line for line in long if not _TERMINAL.search(line)]
    paragraphs = [line for line in long if len(line) > 200]  # lines that are whole paragraphs
    if len(open_ended) < 3 or len(open_ended) * 2 < len(long) or len(paragraphs) * 10 > len(long):
        return lines
    width = max(len(line) for line in open_ended)
    mixed = any(len(line) > width * _WIDER_THAN_WRAPPED for line in long)
    out: list[str] = []
    listing = False  # whether the line before announced a list, or is an item of one
    for index, line in enumerate(lines):
        item = mixed and listing and line[:1].isupper()
        headline = out and out[-1].isupper() and not line.isupper()
        if (
            out
            and not _TERMINAL.search(out[-1])
            and not LIST_MARKER.match(line)
            and not item
            and index not in apart
            and not headline
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        listing = out[-1].endswith(":") or (listing and not _SENTENCE_END.search(out[-1]))
    return out


#: The bullets of Word's lists as they come with text pasted from a document: a glyph of the
#: Symbol or Wingdings font (U+F0B7, U+F0A7, U+F0D8…, in the private use area, which no other
#: font shows), the same glyphs as Unicode has them (·, §, ●, ■, ➢…), or the "o" of the second
#: level before its tab. Each opens an item as a dash does.
_WORD_BULLET = re.compile(
    r"^[ \t\u00a0]*(?:[\uf000-\uf0ff·§●○■□◆◇❖➢➤►▸▪▫√✓✔❑]|o(?=\t))[ \t\u00a0]+", re.MULTILINE
)


def clean(text: str) -> list[Block]:
    """Sort the lines of an article into blocks, dropping web boilerplate."""
    text = _cut_tail(_IMAGE_NAME.sub("", normalize(_WORD_BULLET.sub("- ", text))))
    lines = [line.strip() for line in text.split("\n")]
    kept_lines: list[str] = []
    apart: set[int] = set()  # the kept lines a blank line comes before
    blank = False
    for line in lines:
        if not line or re.fullmatch(r"[\W_]+", line):
            blank = blank or not line
            continue
        if blank and kept_lines:
            apart.add(len(kept_lines))
        kept_lines.append(line)
        blank = False
    if len(apart) + 1 >= len(kept_lines):
        apart = set()  # every line has a blank one before it: the page's spacing, no paragraphs
    lines = _unwrap(kept_lines, frozenset(apart))
    signature = _signature(lines)
    signed: list[Block] = []
    if signature is not None:
        start, end, titles, name = signature
        signed = [Block("signature", text) for text in [*titles, name]]
        lines = lines[:start] + lines[end:]
    unstopped = _unstopped(lines)
    kept: list[str] = []
    for i, line in enumerate(lines):
        key = fold_aligned(line).strip()
        if _TAIL_LINE.match(key):
            rest = lines[i + 1 :]
            if all(_words(other) < 25 for other in rest):
                break
            continue
        if _BOILERPLATE.search(key):
            continue
        kept.append(line)

    blocks: list[Block] = []
    lead_seen = False
    only_categories = True  # whether every line so far is a portal's category line
    subject_next = False  # whether the line before is a document's kind alone ("THÔNG BÁO")
    listing = False  # whether the line before announced a list, or is an item of one
    for i, line in enumerate(kept):
        after_kind, subject_next = subject_next, False
        if (
            lead_seen
            and _ANNOUNCES_LIST.search(fold_aligned(line))
            and i + 1 < len(kept)
            and LIST_MARKER.match(kept[i + 1])
        ):
            # "Yêu cầu các sở, ngành thực hiện các nhiệm vụ sau", its colon left out, then "- …":
            # the lead-in of the list under it, read as if it had its colon
            line = f"{line.rstrip()}:"
        when = dateline_date(line)
        if when is not None:
            blocks.append(Block("dateline", line, when))
            only_categories = False
            continue
        if not lead_seen:
            # the headline is the first line, or the first after a portal's category lines
            # ("Thông tin chỉ đạo điều hành", "Tin hoạt động"): a long one reads like a lead
            if _DOCUMENT_KIND.match(fold_aligned(line)):
                subject_next = True
            if _is_lead(line) and not ((only_categories or after_kind) and _is_headline(line)):
                lead_seen = True
                blocks.append(Block("body", _AGENCY_TAG.sub("", line, count=1)))
                # "… 9 ý kiến của cử tri tập trung phản ánh các vấn đề sau:": the lead announces
                # the list under it
                listing = line.endswith(":")
            else:
                blocks.append(Block("header", line))
                only_categories = only_categories and _is_category(line)
            continue
        # the items of a list announced by a line ending in a colon, one a line, are no photo
        # captions, even when their numbers or dashes were lost with Word's numbering, and no
        # headings when numbered ("1. Sở Tài chính …, hoàn thành trước ngày 30/6/2022")
        closing = _CLOSING.match(fold_aligned(line).rstrip(" ./"))
        if closing is not None and not _ASKS_BEFORE.search(closing[1]):
            blocks.append(Block("closing", line))
            listing = False
            continue
        if _is_heading(line) and not (listing and _LISTED_ITEM.match(fold_aligned(line))):
            blocks.append(Block("heading", line))
            listing = False
            continue
        # the headline repeated under a photo is its caption, in a list too, and so is one
        # repeated as the page repeats it ("Ủy ban nhân dân huyện họp bổ cứu …" three times
        # among the paragraphs), whatever its length
        repeated = any(b.kind == "header" and b.text == line for b in blocks)
        body = not repeated and (listing or not _is_caption(line, unstopped))
        blocks.append(Block("body" if body else "caption", line))
        listing = line.endswith(":") or (listing and not _SENTENCE_END.search(line))
    return _mark_bylines(blocks) + signed


def _mark_bylines(blocks: list[Block]) -> list[Block]:
    out = list(blocks)
    # trailing short lines: the author, the source ("P.CNTT theo baohaugiang.com.vn", "MT")
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        if block.kind == "dateline":
            continue
        short = _words(block.text) <= 6 and not _TERMINAL.search(block.text)
        source = _words(block.text) <= 10 and bool(_SOURCE_LINE.search(fold_aligned(block.text)))
        if block.kind in ("caption", "heading", "body") and (short or source):
            out[i] = Block("byline", block.text)
            continue
        break
    # a byline glued to the last paragraph ("...trong tình hình mới.Thanh Tâm")
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        if block.kind != "body":
            continue
        m = _GLUED_BYLINE.search(block.text)
        if m and not re.search(r"[.!?…]\s+$", block.text[: m.start(1)]):
            out[i] = Block("body", block.text[: m.start(1)].rstrip())
        break
    return out


def title_of(blocks: list[Block]) -> str | None:
    """The headline: the longest header line that reads like a title."""
    candidates = [
        b.text
        for b in blocks
        if b.kind == "header"
        and _words(b.text) >= 4
        and not _BOILERPLATE.search(b.text)
        and not _MOTTO.match(fold_aligned(b.text))
    ]
    if not candidates:
        return None
    mixed = [c for c in candidates if not c.isupper()]
    best = max(mixed or candidates, key=_words)
    return best.strip().rstrip(".")


def document_day(blocks: list[Block]) -> date | None:
    """The day a document pasted whole gives itself: the "Quảng Trị, ngày 12 tháng 9 năm 2024"
    of its header, when a header line gives its number ("Số: 145/TB-UBND"); else None."""
    if not any(b.kind == "header" and own_number(b.text) for b in blocks):
        return None
    for b in blocks:
        if b.kind == "dateline" and _PLACE_DATELINE.match(fold_aligned(b.text)):
            return b.when
    return None


def strip_boilerplate(text: str) -> str:
    """The article without the web page around it: title, headings and body paragraphs."""
    blocks = clean(text)
    title = title_of(blocks)
    parts = [title] if title else []
    parts += [b.text for b in blocks if b.kind in ("body", "heading")]
    return "\n".join(parts)
