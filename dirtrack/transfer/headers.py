"""Column headers of an office sheet: which field each column holds.

A header is matched without regard to case, accents, tone placement or punctuation, in
Vietnamese or English: ``Đơn vị chủ trì``, ``DON VI CHU TRI`` and ``Lead unit`` all mean
``unit``. An exact name wins over a name found inside a longer header (``Nội dung kết luận,
chỉ đạo của Thường trực Tỉnh ủy`` holds ``nội dung``); words in brackets are ignored
(``Tiến độ (%)``). ``--map 'HEADER=FIELD,…'`` names the field of any column by its header or
its letter.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dirtrack.errors import InvalidInput
from dirtrack.text import fold, fold_words, nfc

# field -> (what it is, for messages and --help), synonyms as fold_words() keys
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": (
        "the directive's text (nội dung)",
        (
            "noi dung",
            "noi dung nhiem vu",
            "noi dung ket luan",
            "noi dung chi dao",
            "noi dung ket luan chi dao",
            "noi dung cong viec",
            "noi dung yeu cau",
            "y kien chi dao",
            "nhiem vu",
            "nhiem vu duoc giao",
            "cong viec",
            "text",
            "task",
            "directive",
            "description",
            "content",
        ),
    ),
    "unit": (
        "the lead unit or units (đơn vị chủ trì)",
        (
            "don vi chu tri",
            "co quan chu tri",
            "co quan don vi chu tri",
            "chu tri",
            "don vi thuc hien",
            "co quan thuc hien",
            "don vi chiu trach nhiem",
            "don vi",
            "co quan",
            "co quan don vi",
            "unit",
            "lead unit",
            "lead",
            "owner",
            "responsible",
            "lead agency",
            "lead agencies",
            "responsible agency",
            "responsible unit",
            "agency",
            "in charge",
        ),
    ),
    "with": (
        "coordinating units (đơn vị phối hợp)",
        (
            "don vi phoi hop",
            "co quan phoi hop",
            "co quan don vi phoi hop",
            "phoi hop",
            "with",
            "coordinating unit",
            "coordinating units",
            "coordinators",
            "supporting units",
            "supporting unit",
            "supporting agency",
            "supporting agencies",
            "coordinating agency",
            "coordinating agencies",
        ),
    ),
    "due": (
        "the deadline (thời hạn)",
        (
            "thoi han",
            "thoi han hoan thanh",
            "han hoan thanh",
            "thoi gian hoan thanh",
            "han",
            "han xu ly",
            "thoi han thuc hien",
            "thoi gian thuc hien",
            "ngay het han",
            "han chot",
            "han bao cao",
            "han giai quyet",
            "moc thoi gian",
            "deadline",
            "due",
            "due date",
        ),
    ),
    "extended": (
        "the deadline an approved extension set (gia hạn)",
        (
            "gia han",
            "gia han den",
            "thoi han gia han",
            "han gia han",
            "thoi han sau gia han",
            "thoi han duoc gia han",
            # "Thời hạn" over "Theo kết luận | Điều chỉnh": the deadline adjusted, approved
            "thoi han dieu chinh",
            "thoi han da dieu chinh",
            "thoi han sau dieu chinh",
            "han dieu chinh",
            "extended to",
            "extension",
        ),
    ),
    "product": (
        "the expected product (sản phẩm)",
        (
            "san pham",
            "san pham dau ra",
            "hinh thuc san pham",
            "hinh thuc van ban",
            "product",
            "output",
            "deliverable",
        ),
    ),
    "progress": (
        "progress: a percentage and/or what was done (tiến độ)",
        (
            "tien do",
            "tien do thuc hien",
            "tinh hinh",
            "tinh hinh thuc hien",
            "tinh hinh trien khai",
            "tinh hinh trien khai thuc hien",
            "ty le hoan thanh",
            "ti le hoan thanh",
            "muc do hoan thanh",
            "progress",
            "percent",
            "percent complete",
        ),
    ),
    "result": (
        "the result or status, e.g. 'Đã hoàn thành', 'Dừng thực hiện' (kết quả)",
        (
            "ket qua",
            "ket qua thuc hien",
            "ket qua thuc hien nhiem vu",
            "tinh trang",
            "tinh trang thuc hien",
            "trang thai",
            "danh gia",
            "status",
            "result",
        ),
    ),
    "completed_on": (
        "the completion date (ngày hoàn thành)",
        (
            "ngay hoan thanh",
            "ngay hoan thanh thuc te",
            "thoi gian hoan thanh thuc te",
            "completed on",
            "completed",
            "completion date",
            "date completed",
            "done on",
        ),
    ),
    "done_mark": (
        "a mark (x, or a date) that the directive is done",
        (
            "da hoan thanh",
            "hoan thanh",
            "da hoan thanh dung han",
            "da hoan thanh qua han",
            "hoan thanh dung han",
            "hoan thanh qua han",
            "da hoan thanh truoc han",
            "da xong",
            "done",
        ),
    ),
    "open_mark": (
        "a mark that the directive is still open (read, not stored)",
        (
            "chua hoan thanh",
            "dang thuc hien",
            "chua xong",
            "chua thuc hien",
            "dang trien khai",
            "chua trien khai",
            "dang trien khai thuc hien",
            "dang xu ly",
            "chua xu ly",
            "dang thuc hien trong han",
            "chua hoan thanh trong han",
            "chua hoan thanh qua han",
            "dang thuc hien qua han",
            "trong han",
            "qua han",
            # "Tiến độ thực hiện" over "Đúng tiến độ | Chậm tiến độ": in progress either way
            "dung tien do",
            "cham tien do",
            "open",
            "in progress",
            "not done",
        ),
    ),
    "note": (
        "a note, kept with the progress (ghi chú)",
        (
            "ghi chu",
            # why a task is not done yet, the words kept (never a mark that it is open)
            "ly do chua hoan thanh",
            "ly do chua thuc hien",
            "ly do cham",
            "ly do cham tien do",
            "ly do qua han",
            "nguyen nhan chua hoan thanh",
            "nguyen nhan chua thuc hien",
            "nguyen nhan cham",
            "note",
            "notes",
            "remarks",
            "comment",
            "comments",
        ),
    ),
    "meeting": (
        "the meeting or document the row came from: its title, its number, or a meeting id",
        (
            "van ban",
            "van ban giao",
            "van ban chi dao",
            "van ban ket luan",
            "nguon",
            "nguon giao",
            "can cu",
            "cuoc hop",
            "hoi nghi",
            "cuoc hop hoi nghi",
            "hoi nghi cuoc hop",
            "ket luan",
            "thong bao ket luan",
            "thong bao",
            # "Số, ngày văn bản": the number and the date together (45/TB-UBND ngày 10/3/2023),
            # which name the meeting as a meeting cell does.
            "so ngay van ban",
            "so va ngay van ban",
            "so ngay ban hanh",
            "so van ban ngay ban hanh",
            "so ky hieu ngay ban hanh",
            "so ky hieu ngay van ban",
            "meeting",
            "source",
            "document",
        ),
    ),
    "doc": (
        "the number of the conclusion document (số, ký hiệu)",
        (
            "so ky hieu",
            "so ky hieu van ban",
            "so van ban",
            "so hieu",
            "document number",
            "doc",
            "doc number",
        ),
    ),
    "meeting_date": (
        "the date of the meeting or document (ngày giao)",
        (
            "ngay giao",
            "ngay hop",
            "ngay ban hanh",
            "ngay ket luan",
            "ngay van ban",
            "ngay giao nhiem vu",
            "meeting date",
            "date assigned",
            "assigned on",
        ),
    ),
    "key": (
        "a code that identifies the row across imports (mã); re-importing updates",
        ("ma", "ma nhiem vu", "ma so", "ma so nhiem vu", "ma theo doi", "key", "task id"),
    ),
    "stt": (
        "the row number (STT), read only to tell heading rows",
        ("stt", "tt", "so tt", "so thu tu", "no", "number"),
    ),
    "ignore": ("a column to leave out", ()),
}

# Headers that name another field when a column names theirs already: "Thời gian hoàn thành"
# is the deadline alone, the day it was done beside "Thời hạn"; "Kết quả thực hiện" is the
# result alone, what was done beside "Đánh giá" or "Tình trạng" (the status).
ALTERNATE: dict[str, str] = {
    "thoi gian hoan thanh": "completed_on",
    "ket qua": "progress",
    "ket qua thuc hien": "progress",
}
# Fields that may be held by several columns.
MULTI = frozenset({"done_mark", "open_mark", "note", "ignore"})
REQUIRED = ("text", "unit")
# Headers of what dirtrack writes (export --format xlsx), which import reads back.
EXPORT_HEADERS: dict[str, tuple[str, str]] = {
    "stt": ("STT", "No."),
    "text": ("Nội dung", "Directive"),
    "unit": ("Đơn vị chủ trì", "Lead unit"),
    "with": ("Đơn vị phối hợp", "Coordinating units"),
    "due": ("Thời hạn", "Deadline"),
    "extended": ("Gia hạn đến", "Extended to"),
    "progress": ("Tiến độ", "Progress"),
    "result": ("Kết quả", "Result"),
    "completed_on": ("Ngày hoàn thành", "Completed on"),
    "product": ("Sản phẩm", "Product"),
    "meeting": ("Cuộc họp", "Meeting"),
    "doc": ("Số, ký hiệu", "Document number"),
    "meeting_date": ("Ngày họp", "Meeting date"),
    "key": ("Mã", "Key"),
}

_SYNONYMS: dict[str, str] = {
    synonym: name for name, (_, synonyms) in FIELDS.items() for synonym in synonyms
}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# A count ("Tổng số nhiệm vụ", "Số lượng", "Số ngày quá hạn", "Số ngày còn lại") names none of
# the fields, whatever it counts: days overdue are dirtrack's to work out, not a status mark.
_COUNT = re.compile(
    r"^(?:tong so|tong cong|so luong|so ngay(?! (?:va |thang )?(?:van ban|ban hanh|ky hieu)))\b"
)
# The level of the unit beside it ("Cấp", "Cấp chủ trì", "Cấp quản lý": Tỉnh, Huyện, Xã; under
# a split header, "Đơn vị chủ trì" over "Cấp | Tên đơn vị"): no unit's name, no field of ours.
# Folded, "cấp" is "cập" too ("Cập nhật tiến độ"): only these whole words are a level.
_LEVEL = re.compile(
    r"^cap(?: (?:quan ly|hanh chinh|don vi|chu tri|thuc hien|phoi hop))?$"
    r"|\bcap(?: quan ly| hanh chinh)?$"
)
# A header naming a request ("Đề nghị gia hạn", "Xin gia hạn"): no extension granted.
_ASKING = re.compile(r"\b(?:de nghi|xin)\b")
# When it is to be done, not that it was: "Thời hạn phải hoàn thành", "Ngày phải hoàn thành",
# "Thời gian yêu cầu hoàn thành", "Dự kiến hoàn thành", "Hoàn thành trước ngày" are the
# deadline, whatever "hoàn thành" alone (a mark that it is done) would make of them.
_TO_BE_DONE = re.compile(
    r"\b(?:phai|yeu cau|du kien|ke hoach)(?: \w+){0,2} hoan thanh\b|\bhoan thanh truoc ngay\b"
)
_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


def names_level(text: str) -> bool:
    """Whether a header names the level of the unit beside it (``Cấp``), no field of ours."""
    return _LEVEL.search(fold_words(_BRACKETS.sub(" ", fold(text)))) is not None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def letter_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@dataclass(frozen=True)
class Match:
    field: str
    score: float


def bare_key(text: str) -> str:
    """A header's words without accents, case, punctuation or what is in brackets."""
    return fold_words(_BRACKETS.sub(" ", fold(text)))


# A header naming the lead and the coordinating units (``Chủ trì/Phối hợp``): the lead unit
# column, its cells saying the roles (values.unit_roles, values.slash_roles).
_BOTH_ROLES = re.compile(r"\bchu tri\b.*\bphoi hop\b")
# The roles split by a slash, as the header writes them: the units before it lead.
SLASH_ROLES = re.compile(r"\bchu tri\s*/.*\bphoi hop\b")


# Words registers shorten in their headers (``ĐVPH``, ``Ngày HT``, ``TG HT``, ``KQ``), as
# their status cells shorten ``Đã HT``: read as the words they stand for.
_SHORT_WORDS = {
    "dv": "don vi",
    "dvct": "don vi chu tri",
    "dvph": "don vi phoi hop",
    "cq": "co quan",
    "ht": "hoan thanh",
    "th": "thuc hien",
    "tg": "thoi gian",
    "kq": "ket qua",
    "nd": "noi dung",
    "vb": "van ban",
}


def _unshortened(key: str) -> str:
    return " ".join(_SHORT_WORDS.get(word, word) for word in key.split())


def names_a_count(text: str) -> bool:
    """Whether a header names a count (``Tổng số nhiệm vụ``, ``Số lượng``): a column's name,
    though of no field of ours."""
    return _COUNT.match(_unshortened(fold_words(_BRACKETS.sub(" ", fold(text))))) is not None


@functools.cache
def _inner_names() -> dict[str, list[tuple[int, str, str]]]:
    """The names a header may hold inside it (:func:`match_header`), by their first word: their
    place among the synonyms, the name, its field. Short one-word names ("han", "ma", "unit")
    only count on their own, never inside."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    for place, (synonym, name) in enumerate(_SYNONYMS.items()):
        if " " in synonym or len(synonym) >= 5:
            found.setdefault(synonym.split(" ", 1)[0], []).append((place, synonym, name))
    return found


@functools.lru_cache(maxsize=4096)
def match_header(text: str) -> Match | None:
    """The field a header names, with how sure: 3 for an exact name, 1+ for a name inside it
    (the longest inside it, the first of the synonyms among names as long). Looked up by the
    words the header holds, not by every name in turn: a sheet of 10,000 columns asks it of
    every cell of its first rows."""
    key = _unshortened(fold_words(text))
    if not key:
        return Match("stt", 3) if text.strip() == "#" else None
    if key in _SYNONYMS:
        return Match(_SYNONYMS[key], 3)
    bare = _unshortened(fold_words(_BRACKETS.sub(" ", fold(text))))
    if bare in _SYNONYMS:
        return Match(_SYNONYMS[bare], 3)
    if _COUNT.match(bare) or _LEVEL.search(bare):
        return None
    if _TO_BE_DONE.search(bare):
        return Match("due", 2)
    if _BOTH_ROLES.search(bare):
        return Match("unit", 2)  # "Đơn vị chủ trì / Đơn vị phối hợp": one column for both
    words = bare.split(" ")
    padded = f" {bare} "
    asking = _ASKING.search(bare) is not None
    inside: list[tuple[int, int, str, str]] = []  # -length, place, name, its field
    names = _inner_names()
    for word in set(words):
        for place, synonym, name in names.get(word, ()):
            if asking and name == "extended":
                continue  # "Đề nghị gia hạn": asked for, not granted
            if f" {synonym} " in padded:
                inside.append((-len(synonym), place, synonym, name))
    if not inside:
        return None
    _, _, synonym, name = min(inside)
    return Match(name, 1 + len(synonym) / 1000)


def field_of(name: str) -> str:
    """The field ``name`` stands for: a field name, or any header that names one.

    Raises:
        InvalidInput: no field has that name.
    """
    key = fold_words(name).replace(" ", "_")
    if key in FIELDS:
        return key
    found = match_header(name)
    if found is not None and found.score >= 3:
        return found.field
    raise InvalidInput.of("unknown_field", name=name, fields=", ".join(FIELDS))


def parse_map(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """``--map 'nội dung=text,Cơ quan, đơn vị phối hợp=with'`` as (header, field) pairs.

    A comma that is not followed by another ``HEADER=FIELD`` belongs to the header, so headers
    may hold commas. ``;`` separates as well.

    Raises:
        InvalidInput: a part without ``=``, an empty header, an unknown field, or one header
            given two fields (the later one took its column silently, and the first field was
            then said to be missing).
    """
    pairs: list[tuple[str, str]] = []
    for value in values:
        pending = ""
        for piece in re.split(r"[,;]", value):
            pending = f"{pending},{piece}" if pending else piece
            if "=" not in piece:
                continue
            header, _, name = pending.rpartition("=")
            pending = ""
            header = nfc(header)
            if not header:
                raise InvalidInput.of("map_no_header", value=value)
            pairs.append((header, field_of(name)))
        if nfc(pending):
            raise InvalidInput.of("map_no_field", value=value, part=nfc(pending))
    given: dict[str, tuple[str, str]] = {}
    for header, name in pairs:
        first = given.setdefault(fold_words(header), (header, name))
        if first[1] != name:
            raise InvalidInput.of("map_header_twice", header=header, first=first[1], second=name)
    return pairs


def is_letter_ref(name: str) -> bool:
    return bool(_LETTERS.match(name))
