"""What makes a draft round-trip: the keys, the document's number and each task's product.

**Keys.** The meeting's key is derived from the words of the sentences the draft is read from
(accents, case, spacing and markup ignored), so the same article, as text or as a saved page,
always gives the same key; each directive's key is the meeting's key and the directive's place
in the draft. ``dirtrack import`` stores them, and a second import of the same draft finds its
meeting by that key and changes nothing.

**A sheet's keys.** ``export --format xlsx`` writes a key on every row, so that ``import``
tells each row's directive from another of the same meeting, unit and text (the occurrences of
a periodic directive, directives recorded ``--allow-duplicate``): a directive without a key of
its own gets :func:`sheet_key`, made from what its row shows (the meeting's day, the text, the
deadline), ``-2``, ``-3``… after it for a second row showing the same. ``import`` derives the
same from the row (:func:`is_sheet_key`): such a key finds the directive as its text does and
is never stored, so the register's own sheet read back changes nothing.

**Document number.** A notice that reports the conclusions has a number such as
``45-TB/TU`` or ``123/TB-UBND`` ("Thông báo số 45-TB/TU", "thông báo kết luận số ...", the
header's "Số: 123/TB-UBND"); only a *thông báo* (TB) is the meeting's own document:
resolutions, decisions and conclusions cited in the text (``03-NQ/HU``, ``Kết luận số
02-KL/HU``) are other documents.

**Product.** What the unit is to hand in, when the task names it: the document after a verb
of drafting or submitting ("xây dựng Kế hoạch ...", "trình UBND tỉnh ban hành Quyết định ...",
"tham mưu Đề án ...") or "báo cáo" used as a verb ("báo cáo UBND tỉnh trước ngày 15/12":
a report).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date

from dirtrack.extract.folding import fold_aligned
from dirtrack.text import fold_words

_DOC = re.compile(
    r"\b(\d{1,5}\s*(?:-\s*TB\s*/|/\s*TB\s*-)\s*[A-ZĐ][A-Za-zĐđ&.]*(?:\s*-\s*[A-ZĐ][A-Za-zĐđ&]*)?)"
)
_DOC_FOLDED = re.compile(r"\b(?:thong bao|ket luan)\b")
# the number's own word just before it: "số 45-TB/TU", and a document's header "Số: 123/TB-UBND"
_DOC_SO = re.compile(r"\bso\s*:?\s*$")

_PRODUCT_NOUN = (
    r"(?:bao cao|to trinh|ke hoach|de an|quyet dinh|van ban|phuong an|quy che|quy dinh|"
    r"chuong trinh|huong dan|nghi quyet|du thao|chi thi|cong van|danh muc|du toan)"
)
_PRODUCT_VERB = re.compile(
    r"\b(?:xay dung|ban hanh|trinh(?: [^,;.]{0,40}?)?|tham muu(?: [^,;.]{0,40}?)?|"
    r"hoan thanh|hoan chinh|hoan thien|lap|soan thao|gui|de xuat)\s+(?:(?:cac|mot|01|02)\s+)?"
    rf"(?={_PRODUCT_NOUN}\b)"
)
_REPORT_VERB = re.compile(
    r"\bbao cao\s+(?:ket qua\s+)?(?:ve\s+)?(?=ubnd|uy ban|thuong truc|ban thuong vu|chu tich|"
    r"tinh uy|huyen uy|cap co tham quyen|lanh dao|hdnd|truoc|trong|cho|ve)"
)
_PRODUCT_STOP = re.compile(
    r"\s(?:truoc|trong|de|theo|gui|cho|trinh|va|cham nhat|hoan thanh|ngay|dam bao|bao dam)\b|"
    r"[,;.:()]"
)


def source_key(sentences: Sequence[str]) -> str:
    """The meeting's key: the same words give the same key (``bai-`` and 16 hex digits)."""
    words = " ".join(fold_words(s) for s in sentences)
    return "bai-" + hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def item_key(meeting_key: str | None, index: int) -> str | None:
    """A directive's key: the meeting's key and its place in the draft."""
    return f"{meeting_key}.{index}" if meeting_key else None


def sheet_key(held: date | None, text: str, due: date | None, due_text: str | None) -> str:
    """The key of a sheet's row whose directive has none (``dt-`` and 12 hex digits): from the
    meeting's day, the text and the deadline the row shows (its words when it has no day),
    case, accents and white space aside, as the import reads them back."""
    from dirtrack.text import fold

    parts = (held.isoformat() if held else "", fold(text), due.isoformat() if due else "")
    shown = "\n".join((*parts, "" if due else fold(due_text or "")))
    return "dt-" + hashlib.sha256(shown.encode("utf-8")).hexdigest()[:12]


def is_sheet_key(
    key: str, held: date | None, text: str, due: date | None, due_text: str | None
) -> bool:
    """Whether ``key`` is the one :func:`sheet_key` makes of a row that shows these (or a
    later row's, ``-2``…), not a key of a person's."""
    base = sheet_key(held, text, due, due_text)
    if key == base:
        return True
    n = key[len(base) + 1 :] if key.startswith(base + "-") else ""
    return n.isdigit() and int(n) >= 2 and not n.startswith("0")


#: A document's own number, alone on its header line ("Số: 1234/UBND-NN", "Số: 45-TB/TU"),
#: whatever kind of document it numbers.
_OWN_NUMBER = re.compile(r"^\s*Số\s*:\s*(\d{1,6}\s*[/-]\s*[A-ZĐ][\w&.]*(?:\s*[/-]\s*[\w&.]+)*)\s*$")


def own_number(line: str) -> str | None:
    """The number of the document ``line`` heads ("Số: 1234/UBND-NN"), else None."""
    m = _OWN_NUMBER.match(line)
    return re.sub(r"\s+", "", m[1]) if m else None


def document_number(sentences: Sequence[str]) -> str | None:
    """The number of the notice that reports the meeting, when the text gives it, or of the
    document the text is ("Số: 1234/UBND-NN" on its header line)."""
    for sentence in sentences:
        if (own := own_number(sentence)) is not None:
            return own
        for m in _DOC.finditer(sentence):
            before = fold_aligned(sentence[max(0, m.start() - 40) : m.start()])
            if _DOC_FOLDED.search(before) or _DOC_SO.search(before):
                return re.sub(r"\s+", "", m[1])
    return None


def product_of(text: str) -> str | None:
    """What a task hands in ("Kế hoạch triển khai ...", "Báo cáo"), or None."""
    key = fold_aligned(text)
    m = _PRODUCT_VERB.search(key)
    if m is not None:
        start = m.end()
        stop = _PRODUCT_STOP.search(key, start + 1)
        end = stop.start() if stop else len(text)
        words = text[start:end].split()[:8]
        phrase = " ".join(words).strip()
        if phrase:
            return phrase[:1].upper() + phrase[1:]
    if _REPORT_VERB.search(key):
        return "Báo cáo"
    return None
