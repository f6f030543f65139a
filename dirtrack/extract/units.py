"""Units named in a meeting report: finding, completing and matching them.

A gazetteer of the ways Vietnamese offices name each other — ``Văn phòng Tỉnh ủy``,
``Ban Tổ chức [Tỉnh ủy]``, ``Ủy ban Kiểm tra``, ``Sở Nội vụ``, ``UBND huyện Châu Thành``,
``Đảng ủy phường Bắc Hồng``, ``Ủy ban MTTQ tỉnh``, ``Đoàn công tác của Ban Thường vụ Thị ủy``...
— run on accent-free keys (so ``Tỉnh uỷ``/``Tỉnh ủy``/``tinh uy`` are one; the level after a
body's name must keep its tones, ``UBND quan tâm`` is no ``UBND quận``, unless the sentence is
typed without any marks) and then resolved against the rest of the document:

- a party board written without its committee (``Ban Tổ chức``) gets the committee the
  document is about (the most frequent of Tỉnh/Thành/Thị/Huyện/Quận ủy);
- a bare ``Văn phòng``/``văn phòng`` or ``Đoàn``/``các đoàn`` is the office or delegation the
  meeting is about (the unit the lead sentence meets "với"), or the only one named;
- a shorter name (``Đoàn công tác``) is the one fuller name it begins (``Đoàn công tác của Ban
  Thường vụ Thị ủy``);
- ``Ban Thường vụ``, ``Thường trực``, ``Tỉnh ủy`` are the leadership, not units; a unit inside a
  person's title (``Chủ tịch UBND thị xã``) is an affiliation, not a mention; ``các đơn vị``,
  ``văn phòng cấp ủy các cấp`` are collective (every unit);
- a place asked to act by its name (``đề nghị huyện Bắc Trà My ...``, ``phường X cần ...``) is
  the place as written, not its People's Committee; a bare level word (``Huyện cũng cần``,
  ``đề nghị tỉnh ...``, ``Phường cần``) is the one place of that level the document names: the
  place when the text asks it so, for a province or district the body of it the text asks
  (``Tỉnh ủy Đắk Lắk cần ...``), else its People's Committee when named, else the place; a
  place written without its level (``Thanh Hóa phải ...``) and a singular ``địa phương`` that
  must act are resolved the same way;
- a headline that opens on a bare place (``Ninh Thuận: ...``) gives that place to the one level
  the text writes without one (``UBND tỉnh``);
- a document's letterhead, its office in capitals (``UỶ BAN NHÂN DÂN`` / ``HUYỆN CAN LỘC``),
  gives its level's place to the bodies the document writes with that level bare (``Thanh tra
  huyện``).

Names are then matched to the registered units (:class:`KnownUnit`) by a key that ignores case,
accents and tone placement and expands abbreviations (UBND, HĐND, MTTQ, ĐBQH, BTV, BCH, UBKT,
TU, VP...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from dirtrack.extract.folding import Folded, fold_aligned, lower_aligned, tokens, toneless
from dirtrack.extract.lexicon import (
    COLLECTIVE_SUBJECT,
    CONTRAST_WORDS,
    PROVINCES,
    SURNAMES,
    person_not_province,
)
from dirtrack.text import BODY_INITIALS, fold_words

Role = Literal[
    "unit",  # a named unit
    "board",  # a party board without its committee: "Ban Dân vận"
    "bare-office",  # "văn phòng" alone
    "bare-delegation",  # "Đoàn", "các đoàn"
    "internal",  # "Đảng ủy", "Chi bộ" of the unit in focus
    "leadership",  # Ban Thường vụ, Thường trực, Tỉnh ủy
    "collective",  # "văn phòng cấp ủy", "UBND các huyện"
]


@dataclass(frozen=True)
class KnownUnit:
    """A unit already registered in the database."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A unit named in a sentence."""

    start: int
    end: int
    text: str  # as written
    role: Role
    head: str  # "van phong", "ban", "doan", "so"...
    name: str | None = None  # the unit it means (None: not one unit)
    code: str | None = None  # the registered unit's code
    affiliation: bool = False  # part of a person's title ("Chủ tịch UBND thị xã")
    asked: bool = False  # asked to act ("đề nghị huyện X ...", "Tỉnh ủy X cần ...")
    body: str | None = None  # of an affiliation, the body it names ("UBND phường An Khánh")


# --- the gazetteer -------------------------------------------------------------------------

#: The level after a body's name ("UBND huyện", "Đảng ủy xã"), a group of its own: the level
#: must be written with its tones (:func:`_toned_levels`).
_GOV = r"(tinh|thanh pho|tp|huyen|thi xa|tx|quan|xa|phuong|thi tran)"
_PARTY = r"(?:tinh uy|thanh uy|thi uy|huyen uy|(?<!co )quan uy)"
#: The levels below a province, bare (no group: a level written in a list of levels).
_BELOW_PROVINCE = r"(?:huyen|thi xa|thanh pho|quan|xa|phuong|thi tran)"
_UBND = r"(?:ubnd|uy ban nhan dan)"
_HDND = r"(?:hdnd|hoi dong nhan dan)"
#: The Vietnam Fatherland Front's committee, however written ("Ủy ban MTTQ Việt Nam", "Ủy ban
#: MTTQVN", "UB MTTQ", "UBMTTQ", "Mặt trận Tổ quốc"); not "Mặt trận" alone.
_MTTQ = r"(?:(?:uy ban |ub )?(?:mttq(?:vn)?|mat tran to quoc)(?: viet nam)?|ubmttq(?:vn)?)"
#: The Front's standing board ("Ban Thường trực Ủy ban MTTQ", "TTMTTQ").
_MTTQ_BOARD = rf"(?:(?:ban )?thuong truc {_MTTQ}|ttmttq)"
#: A level's road-safety board ("Ban An toàn giao thông", "Ban ATGT", "Ban chỉ đạo an toàn giao
#: thông"), before its level.
_ROAD_SAFETY = r"ban (?:chi dao )?(?:an toan giao thong|atgt)"
#: The socio-political organisations beside the Front, each at every level ("Hội Nông dân
#: huyện", "HND huyện", "Hội LHPN xã", "Hội CCB", "Đoàn Thanh niên", "Liên đoàn Lao động tỉnh").
_MASS_ORGS = (
    r"(?:hoi (?:nong dan|(?:lien hiep )?phu nu|lhpn|cuu chien binh|ccb)(?: viet nam)?|hnd|"
    r"doan thanh nien(?: cong san ho chi minh)?|doan tncs ho chi minh|lien doan lao dong|ldld)"
)
_DBQH = r"(?:dbqh|dai bieu quoc hoi)"
#: The departments' fields, as folded words; a dash between two fields is spaced or not ("Sở Lao
#: động - Thương binh và Xã hội", "Sở Lao động-Thương binh và Xã hội").
_DEPARTMENTS = (
    "noi vu",
    "tai chinh",
    "ke hoach va dau tu",
    "tu phap",
    "cong thuong",
    "xay dung",
    "giao thong van tai",
    "tai nguyen va moi truong",
    "thong tin va truyen thong",
    "lao dong,? thuong binh va xa hoi",
    r"lao dong\s*-\s*thuong binh va xa hoi",
    "van hoa,? the thao va du lich",
    r"van hoa\s*-\s*the thao va du lich",
    "van hoa va the thao",
    "khoa hoc va cong nghe",
    "giao duc va dao tao",
    "y te",
    "nong nghiep va phat trien nong thon",
    "nong nghiep va moi truong",
    "ngoai vu",
    "du lich",
    "dan toc va ton giao",
    r"quy hoach\s*-\s*kien truc",
    "quy hoach kien truc",
)
_PARTY_BOARDS = (
    "to chuc",
    "tuyen giao va dan van",
    "tuyen giao",
    "dan van",
    "noi chinh",
    "kinh te",
    "doi ngoai",
    "bao ve,? cham soc suc khoe can bo",
    "chinh sach,? chien luoc",
)


#: The same departments written with "&", dashes or abbreviations ("Nông nghiệp & PTNT",
#: "NN&PTNT", "TN và MT", "LĐ-TB&XH"), or run together ("Sở NNPTNT", "Sở TNMT", "Sở KHĐT"), or
#: with a spaced dash for "và" ("Sở Kế hoạch - Đầu tư", "Sở Giao thông - Vận tải"), as reports
#: often write them.
_DEPARTMENTS_SHORT = (
    r"nong nghiep\s*(?:va|&|-)\s*(?:phat trien nong thon|ptnt)",
    r"nn\s*(?:va|&|-)?\s*ptnt",
    r"tai nguyen\s*(?:&|-)\s*moi truong",
    r"tn\s*(?:va|&|-)?\s*mt",
    r"lao dong\s*-?\s*thuong binh\s*(?:&|-)\s*xa hoi",
    r"ld\s*-?\s*tb\s*(?:va|&|-)?\s*xh",
    r"giao duc\s*(?:&|-)\s*dao tao",
    r"gd\s*(?:va|&|-)?\s*dt",
    r"van hoa\s*(?:&)\s*thong tin",
    r"vh\s*(?:va|&|-)\s*tt",
    r"ke hoach\s*(?:&|-)\s*dau tu",
    r"giao thong\s*(?:&|-)\s*van tai",
    r"kh\s*(?:va|&|-)?\s*dt",
    r"tc\s*-\s*kh",
    r"gtvt",
    r"khcn",
    r"kh\s*(?:va|&)\s*cn",
    r"tt\s*(?:va|&)\s*tt",
    r"thong tin\s*(?:&|-)\s*truyen thong",
    r"tt\s*-\s*tt",
)


#: What may stand between a department and the province or city it belongs to: its short name
#: in brackets ("Sở Thông tin - Truyền thông (TT-TT) tỉnh Đồng Nai"), then the level.
_DEPARTMENT_OF = re.compile(r"(?: \([^()]{1,15}\))? (?:tinh|thanh pho|tp\.?)(?= )")
#: A province's name right after a department's, its level left out ("Sở Nội vụ Điện Biên").
_PROVINCE_AFTER = re.compile(
    r" (" + "|".join(re.escape(p) for p in sorted(PROVINCES, key=len, reverse=True)) + r")\b"
)
#: A province's name written alone, the centrally-run cities left out (a city's level is
#: "thành phố", and "Huế" was a province's city).
_PROVINCE_NAME = re.compile(
    r"(?<!\w)("
    + "|".join(
        re.escape(p)
        for p in sorted(
            PROVINCES - {"ha noi", "hai phong", "da nang", "can tho", "ho chi minh", "hue"},
            key=len,
            reverse=True,
        )
    )
    + r")(?!\w)"
)
#: What may stand before a province named alone as the one who must act, besides a clause's
#: start: a comma, "nên", "rằng", "vấn đề", "thì", "là".
_PROVINCE_ACTS_AFTER = re.compile(r"(?:,|\b(?:nen|rang|van de|thi|la))\s*$")
#: A short name in brackets inside a body's name, left out of the name the draft writes.
_SHORT_NAME_WITHIN = re.compile(r" \([^()]{1,15}\)(?= )")


#: The qualities a rating counts ("4 tốt", "3 không", "5 sạch"), after its number.
_RATED = r" (?:tot|khong|sach|xanh|dep|gioi|an toan|vung manh)\b"


#: After a body, the second body named with it and the level both share ("…, Quân sự xã").
_SHARED_LEVEL = (
    r"\s*(?:,|&|va)\s*(?:ban cong an|cong an|ban chi huy quan su|ban chqs|quan su|ban quan ly|"
    rf"bql) {_GOV}\b"
)
_SHARED_LEVEL_AFTER = re.compile(_SHARED_LEVEL)


def _alt(items: Sequence[str]) -> str:
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


_ENTRIES: tuple[tuple[str, Role, str, bool], ...] = (
    # (pattern, role, head, extend with a place name)
    # the standing committee of a People's Council answers for its council's work: a unit
    # "Thường trực HĐND các xã, thị trấn", "... cấp xã": every such committee
    (rf"thuong truc {_HDND} (?:cac|cap) {_GOV}", "collective", "chinh quyen", False),
    (rf"thuong truc {_HDND} {_GOV}", "unit", "chinh quyen", True),
    # ... and the Front's standing board answers for the Front's
    (rf"{_MTTQ_BOARD} cac {_GOV}", "collective", "chinh quyen", False),
    (rf"{_MTTQ_BOARD} {_GOV}", "unit", "chinh quyen", True),
    # the Front and the organisations beside it at every level ("Mặt trận Tổ quốc các cấp",
    # "Hội Nông dân các cấp", "HND từ huyện đến cơ sở"): every such body
    (
        rf"(?:{_MTTQ_BOARD}|{_MTTQ}|{_MASS_ORGS}) "
        r"(?:cac cap|tu (?:trung uong|tinh|thanh pho|huyen|quan|thi xa) (?:den|toi) co so)",
        "collective",
        "doan the",
        False,
    ),
    (
        rf"(?:ban thuong vu|btv|thuong truc|ban chap hanh|bch|thuong vu)(?: dang bo(?! {_GOV}))?"
        rf"(?: {_PARTY}| {_HDND}(?: {_GOV})?| {_UBND}(?: {_GOV})?| {_GOV})?",
        "leadership",
        "leadership",
        False,
    ),
    (
        r"(?:ban bi thu|bo chinh tri|trung uong dang|chinh phu|thu tuong chinh phu)",
        "leadership",
        "leadership",
        False,
    ),
    (rf"{_PARTY}", "leadership", "committee", True),
    (
        rf"van phong (?:doan {_DBQH}(?: va {_HDND})?(?: {_GOV})?|"
        rf"{_HDND}\s*(?:va|&|-)\s*{_UBND}(?: {_GOV})?|{_UBND}(?: {_GOV})?|"
        rf"{_HDND}(?: {_GOV})?|{_PARTY}|dang uy(?: {_GOV})?|chinh phu|trung uong dang|quoc hoi|"
        rf"chu tich nuoc|{_ROAD_SAFETY}(?: {_GOV})?)",
        "unit",
        "van phong",
        True,
    ),
    (
        r"van phong (?:cap uy|cac|dang uy co so|huyen, thi|huyen|thi|thanh)",
        "collective",
        "van phong",
        False,
    ),
    (r"van phong", "bare-office", "van phong", False),
    # "lãnh đạo, công chức phòng tiếp tục ...": the staff of the one office ("Phòng X") the
    # document names, as a bare "văn phòng" is (not "phòng chống", "phòng họp")
    (
        r"(?:(?<=lanh dao )|(?<=cong chuc )|(?<=can bo )|(?<=vien chuc )|(?<=tap the ))phong"
        r"(?=\s*(?:[,.;:]|$| (?:tiep tuc|can|phai|chu dong|da|dang|se|thuc hien|nang cao|"
        r"tang cuong|khan truong|nghiem tuc)\b))",
        "bare-office",
        "phong",
        False,
    ),
    # "Ban Dân vận cấp ủy cấp huyện", "Ban Tổ chức các huyện ủy": every such board
    (
        rf"ban {_alt(_PARTY_BOARDS)} (?:cap uy )?(?:cap (?:tinh|huyen|xa|co so)|cac"
        rf"(?:,? (?:va )?(?:huyen|thi|thanh|tinh|quan|dang) uy)*)",
        "collective",
        "ban",
        False,
    ),
    (rf"ban {_alt(_PARTY_BOARDS)}(?: (?:{_PARTY}|trung uong))?", "board", "ban", False),
    (
        # a council's boards, "Ban Kinh tế - Xã hội" of a district's council among them, with a
        # hyphen or a dash: not the party's "Ban Kinh tế"
        rf"ban (?:phap che|kinh te\s*[-–]?\s*(?:ngan sach|xa hoi)|van hoa\s*[-–]?\s*xa hoi|"
        r"dan toc|do thi)"
        rf"(?: {_HDND}(?: {_GOV})?)?",
        "unit",
        "ban",
        False,
    ),
    (rf"(?:uy ban kiem tra|ubkt)(?: (?:{_PARTY}|trung uong))?", "board", "ubkt", False),
    # the party delegation that leads a People's Committee or Council: "Ban cán sự Đảng UBND tỉnh"
    (rf"ban can su dang (?:{_UBND}|{_HDND}) {_GOV}", "unit", "ban", True),
    (rf"so {_alt(_DEPARTMENTS + _DEPARTMENTS_SHORT)}", "unit", "so", False),
    (rf"(?:{_UBND}|{_HDND}|{_MTTQ}) (?:cac|cap) {_GOV}", "collective", "chinh quyen", False),
    # "HĐND xã, thị trấn", "UBND huyện, thành phố", "Thường trực HĐND huyện, xã, thị trấn": the
    # bodies of every place of the levels listed, none named (not "UBND tỉnh, huyện": the
    # province's is one body); their police too ("công an xã, thị trấn")
    (
        rf"(?:thuong truc )?(?:{_UBND}|{_HDND}|{_MTTQ}|cong an) {_BELOW_PROVINCE}"
        rf"(?:,? (?:va )?{_BELOW_PROVINCE})+",
        "collective",
        "chinh quyen",
        False,
    ),
    # "Đảng ủy các phường", "cấp ủy các xã": every such party committee, as "UBND các xã"
    (rf"(?:dang uy|cap uy) (?:cac|cap) {_GOV}", "collective", "dang uy", False),
    (rf"(?:{_UBND}|{_HDND}|{_MTTQ}) {_GOV}", "unit", "chinh quyen", True),
    # "UBND P.Cao Lãnh", "UBND Q.Bình Thạnh": a ward, precinct or district written as one
    # letter and its stop, the place glued to it or after a space
    (rf"(?:{_UBND}|{_HDND}|{_MTTQ}) (p|q|h)(?=\. ?[a-z])", "unit", "chinh quyen", True),
    (
        r"uy ban (tinh|huyen|thanh pho|thi xa|quan|xa|phuong|thi tran)",
        "unit",
        "chinh quyen",
        True,
    ),
    # "Đảng bộ Quân sự huyện" is led by its "Đảng ủy Quân sự huyện", as a place's "Đảng bộ" is
    (
        rf"dang (?:uy|bo) (?:(?:quan su|cong an|bien phong|co quan|"
        rf"khoi(?: (?:cac )?(?:co quan|doanh nghiep)(?: (?:va doanh nghiep|dan chinh dang))?)?)"
        rf"(?: {_GOV})?|{_GOV})",
        "unit",
        "dang uy",
        True,
    ),
    # "Đảng bộ xã X", "cấp ủy xã X": the party organisation of a place, led by its Đảng ủy
    # "Cấp ủy, chính quyền phường X": the bodies of one place, led by its Đảng ủy, the first
    (rf"(?:dang bo|cap uy)(?:,? (?:va )?chinh quyen)? {_GOV}", "unit", "dang uy", True),
    # "chính quyền huyện Lý Sơn": the local government of a place, as written
    (rf"chinh quyen {_GOV}", "unit", "chinh quyen", True),
    # "các ấp", "các thôn, tổ dân phố": every hamlet of the commune
    (r"cac (?:ap|thon|xom|khu pho|khoi pho|to dan pho|khu dan cu)", "collective", "thon", False),
    # a standing section of a commune ("Tổ Địa chính"), unlike an ad-hoc group ("tổ công tác")
    (r"to (?:dia chinh(?:\s*-\s*xay dung)?|tu phap(?:\s*-\s*ho tich)?)", "unit", "co quan", False),
    # "chi bộ khu dân cư Thành Tô", "Chi bộ thôn 3": a party cell named by its place; a count
    # of qualities is a rating, no cell's number ("chi bộ 4 tốt", "đảng viên 5 không")
    (
        r"chi bo (?:khu dan cu|khu pho|to dan pho|thon|xom|ap|ban|khoi|khu|to|lang|buon|"
        rf"co quan|truong)|chi bo (?:so )?\d+\b(?!{_RATED})",
        "unit",
        "chi bo",
        False,
    ),
    # "Chi bộ xã Huổi Lếch": the party cell of a commune too small for a party committee
    (r"chi bo (?:xa|phuong|thi tran)", "unit", "chi bo", True),
    # "Chi bộ UBND xã", "Chi bộ Công an huyện": the party cell of a named body
    (
        rf"chi bo (?:(?:{_UBND}|{_HDND}|{_MTTQ}|cong an|quan su|co quan {_UBND}) {_GOV}|"
        rf"(?:vksnd|vien kiem sat nhan dan|tand|toa an nhan dan)(?: {_GOV})?)",
        "unit",
        "chi bo co quan",
        True,
    ),
    # a school named by its name: "Trường THCS Lê Lợi", "Trường Tiểu học Kim Đồng", and by the
    # grades it teaches, "Trường Cấp 1-2 Phong Minh"
    (
        r"truong (?:thcs|thpt|tieu hoc|mam non|trung hoc co so|trung hoc pho thong|"
        r"pt dtnt|ptdtnt|ptdtbt|pt dtbt|cap [1-3](?:\s*[-–,]\s*[1-3])*)",
        "unit",
        "truong",
        False,
    ),
    # the bodies that run a programme in a place: "Ban quản lý (Chương trình mục tiêu quốc gia)
    # xây dựng Nông thôn mới (nâng cao) xã X", "Ban Chỉ đạo xây dựng NTM huyện Y"
    (
        rf"ban (?:quan ly|chi dao)"
        rf"(?: (?:cac )?(?:chuong trinh|ctmtqg)(?: muc tieu quoc gia| mtqg)?)?"
        rf"(?: xay dung)? (?:nong thon moi|ntm)(?: (?:nang cao|kieu mau))?(?: {_GOV})",
        "unit",
        "ban",
        True,
    ),
    (
        # a bare "UBND"/"HĐND": the one such body the document names in full; a bare Front
        # ("UBMTTQ", "TTMTTQ", "Ban Thường trực Ủy ban MTTQ"), else its place's
        rf"(?:dang uy|dang bo|chi bo|cong doan|chi doan|doan thanh nien|{_MTTQ_BOARD}|"
        rf"(?:{_UBND}|{_HDND}|{_MTTQ})(?!\s+(?:\d|cac\b|mot so\b|nhung\b)))",
        "internal",
        "internal",
        False,
    ),
    (
        rf"doan cong tac(?: (?:cua )?(?:ban thuong vu|btv|thuong truc) {_PARTY})?",
        "unit",
        "doan",
        False,
    ),
    (rf"doan {_DBQH}(?: {_GOV})?", "unit", "doan", True),
    (
        r"doan (?:kiem tra|giam sat)(?: cua (?:ban thuong vu|btv|ubkt|uy ban kiem tra) \w+ uy)?",
        "unit",
        "doan",
        False,
    ),
    (
        r"(?<!tap )(?<!giai )(?<!chi )(?<!tinh )(?<!thanh )(?<!huyen )(?<!cong )(?<!dong )"
        r"doan(?! (?:ket|the|vien|thanh nien|tncs|dai bieu|dbqh|cong tac|kiem tra|giam sat|"
        r"chu tich|luat su|nghe thuat|van nghe|xe|tau|dong|dong tac)\b)",
        "bare-delegation",
        "doan",
        False,
    ),
    (
        # a district's offices, and since 2025 a commune's or ward's ("Phòng Văn hóa - Xã hội",
        # "Phòng Kinh tế, Hạ tầng và Đô thị")
        rf"phong (?:tai chinh - ke hoach|tai chinh ke hoach|tai chinh|noi vu|tu phap|"
        rf"giao duc va dao tao|"
        rf"giao duc\s*-\s*dao tao|y te|van hoa va thong tin|van hoa\s*-\s*thong tin|"
        rf"van hoa\s*[-–]\s*xa hoi|kinh te,? ha tang va do thi|"
        rf"tai nguyen va moi truong|kinh te va ha tang|kinh te\s*-\s*ha tang|kinh te ha tang|"
        rf"kinh te|"
        rf"quan ly do thi|"
        rf"nong nghiep va phat trien nong thon|lao dong\s*-\s*thuong binh va xa hoi|"
        rf"lao dong,? thuong binh va xa hoi|dan toc|thanh tra|{_alt(_DEPARTMENTS_SHORT)})"
        rf"(?: {_GOV})?",
        "unit",
        "phong",
        True,
    ),
    (
        r"(?:xa|phuong|thi tran|huyen|thi xa|thanh pho|(?<!co )quan|tinh)",
        "unit",
        "dia phuong",
        True,
    ),
    # a city or town written with its level abbreviated ("TP Vinh", "TP. Hội An", "TX. Cai Lậy")
    (r"(?:tp|tx)(?=\.? [a-z])", "unit", "dia phuong", True),
    # "địa phương cần ...": the one place the document is about (not "các địa phương")
    (r"(?<!cac )(?<!nhung )(?<!moi )(?<!tung )(?<!mot so )dia phuong", "unit", "dia phuong", False),
    (
        rf"(?:cong an|bo chi huy quan su|bo chi huy bo doi bien phong|thanh tra|"
        rf"lien doan lao dong|ldld|kho bac nha nuoc|cuc thue|dien luc|vien kiem sat nhan dan|"
        rf"toa an nhan dan|doan thanh nien(?: cong san ho chi minh)?|doan tncs ho chi minh|"
        rf"cuc (?:thong ke|hai quan|quan ly thi truong)|lien minh hop tac xa|"
        rf"ngan hang nha nuoc(?: chi nhanh)?|{_ROAD_SAFETY}|ban tiep cong dan) "
        rf"{_GOV}",
        "unit",
        "co quan",
        True,
    ),
    # a commune's own boards ("Ban Văn hóa thông tin xã", "Ban Công an xã", "Ban Tư pháp
    # phường"): of a place when one follows
    (
        r"ban (?:cong an|van hoa(?:\s*(?:-|,|va)?\s*thong tin)?|tu phap|thuong binh xa hoi|"
        r"dia chinh|tai chinh|thong ke|giam sat dau tu cong dong) (?:xa|phuong|thi tran)",
        "unit",
        "co quan",
        True,
    ),
    (r"(?:tinh|thanh|huyen) doan", "unit", "doan the", False),
    # a department's sub-department ("Chi cục Kiểm lâm", "Chi cục Hợp tác xã và Phát triển nông
    # thôn tỉnh"), of a place when one follows
    (
        r"chi cuc (?:(?:[a-z]+|va|-) ){1,8}?(?:tinh|thanh pho|huyen)(?= )|"
        r"chi cuc (?:thue|kiem lam|thuy loi|thu y|chan nuoi(?: va thu y)?|thuy san|"
        r"(?:trong trot va )?bao ve thuc vat|phat trien nong thon|quan ly thi truong|"
        r"quan ly chat luong nong lam san(?: va thuy san)?|dan so(?: - ke hoach hoa gia dinh)?|"
        r"van thu(?: - | )luu tru|bao ve moi truong|bien va hai dao|giam dinh xay dung|"
        r"an toan ve sinh thuc pham|tieu chuan do luong chat luong)",
        "unit",
        "co quan",
        True,
    ),
    # the police's own forces ("Lực lượng Cảnh sát trật tự", "Cảnh sát giao thông"), of a
    # place when one follows
    (
        r"(?:luc luong )?canh sat (?:trat tu|giao thong|co dong|khu vuc|kinh te|moi truong|"
        r"phong chay,? chua chay(?: va cuu nan,? cuu ho)?|pccc(?: va cnch)?)",
        "unit",
        "co quan",
        True,
    ),
    (
        rf"(?:tram (?:khuyen nong|y te|thu y|bao ve thuc vat|kiem lam|chan nuoi va thu y|thuy nong)"
        rf"(?: va dich vu nong(?: lam)? nghiep)?|"
        rf"chi cuc (?:thue|thong ke|kiem lam|thu y|chan nuoi va thu y|bao ve thuc vat|"
        rf"trong trot va bao ve thuc vat|thuy loi|quan ly thi truong|dan so|thi hanh an dan su)|"
        rf"trung tam y te|(?:ban quan ly du an|ban qlda|bqlda)"
        # "Ban Quản lý dự án và Phát triển quỹ đất huyện X": a district's board of both
        rf"(?: dau tu xay dung| (?:va|&) phat trien quy dat)?"
        # a province's project boards by the works they build ("Ban QLDA đầu tư xây dựng các
        # công trình Nông nghiệp và PTNT", "… các công trình giao thông", "… dân dụng và công
        # nghiệp")
        rf"(?: (?:cac )?(?:cong trinh|du an) (?:nong nghiep\s*(?:va|&|-)?\s*"
        rf"(?:ptnt|phat trien nong thon)|giao thong|dan dung(?: va cong nghiep)?|nong nghiep))?|"
        rf"ban chi huy quan su|"
        rf"ban chqs|"
        # the standing councils and commands every level has: military service, disasters
        rf"hoi dong nghia vu quan su|hd ?nvqs|"
        rf"ban chi huy (?:pctt(?:\s*(?:-|va|&)\s*tkcn)?|phong chong thien tai"
        rf"(?: va tim kiem cuu nan)?|phong chong lut bao(?: va tim kiem cuu nan)?))"
        rf"(?: khu vuc)?(?: {_GOV})?",
        "unit",
        "co quan",
        True,
    ),
    # a steering committee named by its level ("Ban Chỉ đạo xã", "BCĐ huyện"), of a place
    (rf"(?:ban chi dao|bcd) {_GOV}", "unit", "co quan", True),
    # bodies named together before the level they share ("Công an, Quân sự xã", "BCĐ, BQL xã",
    # "Ban Công an, Ban Chỉ huy quân sự xã"): the first, written with that level and its place
    (
        rf"(?:ban cong an|cong an|ban chi dao|bcd)(?={_SHARED_LEVEL})",
        "unit",
        "shared level",
        False,
    ),
    # a cooperative named by its name ("Hợp tác xã Tam Giang", "HTX Thanh Hòa"), no commune;
    # "Hợp tác xã" alone is the one the document names so
    (r"(?:hop tac xa|htx)", "unit", "htx", False),
    (
        # the farmers' union also by its initials ("HND huyện")
        r"(?:hoi (?:nong dan|(?:lien hiep )?phu nu|lhpn|cuu chien binh|ccb|chu thap do|"
        r"nguoi cao tuoi|cuu thanh nien xung phong)(?: viet nam)?|hnd)"
        rf"(?: {_GOV})?",
        "unit",
        "doan the",
        True,
    ),
    (
        rf"(?:dai phat thanh va truyen hinh|dai phat thanh - truyen hinh|truong chinh tri|"
        rf"dai truyen thanh(?: (?:-|va) truyen hinh)?|"
        rf"van phong dieu phoi(?: chuong trinh)?(?: xay dung)? (?:nong thon moi|ntm))"
        rf"(?: {_GOV})?",
        "unit",
        "co quan",
        True,
    ),
    # the public service bodies of every province and district, named by what they do
    (
        r"(?:trung tam (?:van hoa(?:,? thong tin)?(?: (?:-|va) the thao)?(?: va du lich)?|"
        r"van hoa - thong tin(?: (?:-|va) the thao)?|the duc the thao|phat trien quy dat|"
        r"giao duc nghe nghiep(?: - giao duc thuong xuyen)?|hanh chinh cong|"
        r"phuc vu hanh chinh cong|kiem soat benh tat|dich vu nong nghiep|khuyen nong|"
        r"truyen thong(?: va van hoa)?|quan ly dat dai)|"
        r"hat (?:kiem lam|quan ly de(?: dieu)?)|bao hiem xa hoi|ngan hang chinh sach xa hoi|"
        r"doi quan ly thi truong(?: so \d+)?|"
        r"doi (?:kiem tra|thanh tra|quan ly) (?:quy tac|trat tu)(?: quan ly)? (?:do thi|xay dung)|"
        rf"cong doan {_GOV}|"
        r"(?:chi nhanh )?van phong dang ky dat dai|benh vien da khoa|"
        r"ban quan ly (?:cac )?(?:khu cong nghiep|khu kinh te|rung phong ho|cho|cum cong nghiep))"
        rf"(?: khu vuc)?(?: {_GOV})?",
        "unit",
        "co quan",
        True,
    ),
)
#: Bodies named by what they provide, written in lower case for the thing itself ("nợ đọng bảo
#: hiểm xã hội"): a unit only capitalised or with its place.
_COMMON_NOUN_BODIES = ("bao hiem xa hoi",)
_GAZETTEER: tuple[tuple[re.Pattern[str], Role, str, bool], ...] = tuple(
    (re.compile(rf"\b{pattern}\b"), role, head, extend) for pattern, role, head, extend in _ENTRIES
)
_AFFILIATION_BEFORE = re.compile(
    r"\b(?:(?:pho )?(?:bi thu|chu tich|truong ban|giam doc|chanh van phong|chanh an|vien truong|"
    r"uy vien|uv|truong|thu truong|bo truong|pbt|pct|chu nhiem|pho ban|truong phong|chanh|pho|"
    r"ky uy vien)(?: thuong truc)?(?: btv| ban thuong vu)?)\s*$"
)
#: A document named before the body that issued it ("Nghị quyết số 07 của", "Chỉ thị 05-CT/TU
#: của", "Kế hoạch của").
_ISSUED_BY_BEFORE = re.compile(
    r"\b(?:nghi quyet|quyet dinh|chi thi|ket luan|thong bao|cong van|van ban|ke hoach|huong dan|"
    r"quy dinh|quy che)(?: so)?(?: [\w./-]*\d[\w./-]*)? cua\s*$"
)
#: What a project or a plan is named after ("Dự án đầu tư xây dựng Bệnh viện đa khoa Cà Mau",
#: "quy hoạch chung thị trấn Ái Nghĩa"): the body or place that follows names the work, no actor.
_NAMES_WORK_BEFORE = re.compile(
    r"\b(?:du an(?: dau tu)?(?: xay dung| nang cap| cai tao| mo rong)*|"
    r"quy hoach (?:chung|chi tiet|phan khu)(?: xay dung)?(?: do thi)?|dai hoi(?: dai bieu)?)\s*$"
)
#: A delegate's title before the place that elected them ("Đại biểu Quốc hội đơn vị", "đại
#: biểu HĐND tỉnh đơn vị").
_CONSTITUENCY_BEFORE = re.compile(rf"\b(?:dai bieu|{_DBQH})\b[^,;:.]{{0,30}}\bdon vi\s*$")
#: Levels of local government, highest first, by their keys and with their tones (the
#: accent-free key confuses them with names).
_LEVEL_WORDS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "huyen": "huyện",
    "thi xa": "thị xã",
    "quan": "quận",
    "xa": "xã",
    "phuong": "phường",
    "thi tran": "thị trấn",
}
_LOCALITY_WORDS = frozenset(_LEVEL_WORDS.values())
#: A level word right before a place name ("tỉnh Thanh Hóa", "TP. Cần Thơ").
_LEVEL_BEFORE = re.compile(r"\b(?:" + "|".join(_LEVEL_WORDS) + r"|tp|tx)\.?\s*$")
#: First words of an organisation, never of a place name ("cơ quan Ủy ban ...").
_NOT_A_PLACE = frozenset(
    "uy ban so van dang hoi doan cong phong truong trung bo cuc chi tinh khoa nhiem ky lan".split()
)
#: First words of bodies that also begin place names, with the words after them that make a
#: body ("Chi bộ", "Trung tâm", "Hội Nông dân", "Đoàn công tác"): before any other capitalised
#: word they begin a place ("Chi Lăng", "Trung Hải", "Hội An", "Đoàn Kết", "Phong Điền").
_BODY_AFTER: dict[str, frozenset[str]] = {
    key: frozenset(after.split())
    for key, after in (
        ("chi", "bo cuc nhanh doan hoi uy"),
        ("trung", "tam uong doan hoc"),
        ("phong", "tai noi tu giao y van kinh nong lao dan thanh quan canh cong tn ld gd tc vh"),
        ("hoi", "nong lien cuu chu dong nguoi phu khuyen luat doanh"),
        ("truong", "thcs thpt tieu mam chinh dai cao trung ban phong tram thon khu doan th mn cap"),
        ("doan", "thanh cong kiem giam dai dbqh tncs lam chu khoi the"),
        ("cong", "an doan ty thuong"),
        ("bo", "chi chinh quoc y cong noi tai giao xay ke nong van tu lao khoa thong ngoai"),
    )
}
#: What may stand before a bare "Phường"/"Xã" that is a clause's subject, and what follows it.
_CLAUSE_START = re.compile(r"(?:^|[.;:]|\bdong thoi,?)\W*$")
#: A topic or a purpose that frames a clause ("Đối với công tác quản lý đất đai, phường cần ...",
#: "Muốn giải quyết các vấn đề trên, Cao Bằng cần ...").
_TOPIC_BEFORE = re.compile(r"(?:^|[.;:])\W*(?:doi voi|ve|rieng|muon|de)\b[^.;:]{0,80},\s*$")
#: The verb of who speaks, before the one who must act ("Tổng Bí thư cũng chỉ rõ, Lạng Sơn cần").
_SPEAKER_BEFORE = re.compile(r"\b(?:cho rang|chi ro|nhac nho|luu y|nhan manh|khang dinh),?\s+$")
_MODAL_AFTER = re.compile(r"\s+(?:can|phai)\b")
#: A task's verb right after the one who must act, no modal ("Huyện tập trung …", "Xã phấn đấu
#: …", "Tỉnh tiếp tục chỉ đạo …").
_TASK_VERB_AFTER = re.compile(
    r"\s+(?:tap trung|phan dau|tiep tuc|chu dong|day manh|tang cuong|bam sat|khan truong|"
    r"quyet liet|chi dao|to chuc|thuc hien|trien khai)\b"
)
#: A frame fronted before the one who must act: a request or a speaker's verb, "Đặc biệt,", and a
#: period ("Thời gian tới, xã cần ...", "đề nghị trong năm 2023 huyện phải ...", "Ông nhấn mạnh,
#: trong nhiệm kỳ 2025-2030, phường cần ...").
_FRONTED_BEFORE = re.compile(
    r"(?:(?:^|[.;:])\W*|\b(?:de nghi|yeu cau|cho rang|chi ro|nhac nho|luu y|nhan manh|khang dinh|"
    r"dac biet)\s*,?\s*)(?:trong\s+)?(?:thoi gian (?:toi|sap toi|tiep theo)|nhung thang cuoi nam|"
    r"cuoi nam|(?:nam|nhiem ky|giai doan|quy|thang) [\w/-]+(?: [\w/-]+)?)?\s*,?\s*$"
)
#: A bare level word that owns the shortcomings after it ("huyện vẫn còn hạn chế", "Huyện chưa
#: phát huy được tiềm năng", "Cụ thể, huyện không kiểm tra ..."; not "không để", "không chỉ"), at
#: a clause's start or after the contrast or connective that opens it ("Bên cạnh những kết quả
#: đạt được, huyện ...").
_SHORTCOMING_AFTER = re.compile(
    r"\s+(?:hien\s+|van\s+|hien\s+van\s+)?(?:con\s+(?:ton tai\s+)?(?:mot so\s+|nhieu\s+)?"
    r"(?:han che|ton tai|kho khan|bat cap|vuong mac)|chua|khong(?! (?:de|chi|ngung)\b))\b"
)
#: A shortcoming a few words after the place a clause opens on ("Bình Định liên tục 6 năm chưa
#: hoàn thành …"): a province the text never writes with its level owns it.
_SHORTCOMING_NEAR = re.compile(r"(?:\s+\w+){0,4}?\s+(?:van con|con|chua|khong)\b")
_CONTRAST_START = re.compile(
    rf"(?:^|[.;:])\W*(?:{CONTRAST_WORDS}|ben canh [^.;:,]{{0,60}}|ngoai ra),\s*$"
)
_ASKED_BEFORE = re.compile(r"\b(?:de nghi|yeu cau)\s+$")
#: The leaders or officials of a bare place asked ("yêu cầu lãnh đạo xã tăng cường ...", "đề nghị
#: lãnh đạo, cán bộ xã cần ...", "yêu cầu lãnh đạo địa phương ..."): the place is asked.
_LEADERS_ASKED_BEFORE = re.compile(
    r"\b(?:de nghi|yeu cau)\s+lanh dao(?:\s*(?:,|va)\s*(?:can bo|cong chuc))*\s+$"
)
#: A clause's start, after the connectives that may open it ("Theo đó,", "Tuy nhiên,", "Cụ
#: thể,") and a past period fronted ("Nhiệm kỳ qua, Phan Thiết để xảy ra ...").
_OPENS_CLAUSE = re.compile(
    rf"(?:^|[.;:])\W*(?:(?:{CONTRAST_WORDS}|theo do|ngoai ra|dong thoi|hien nay|do do|vi vay|"
    r"cu the|den nay|(?:trong\s+)?(?:nhiem ky|thoi gian|nam|nhung nam|giai doan) qua)\s*,\s*)*$"
)
#: The word right after a place's name; capitalised, the name goes on (a longer name, a person).
_WORD_AFTER = re.compile(r"\s*[-–]?\s*(\w)")
_PLURAL_BEFORE = re.compile(r"\b(?:cac|nhung|moi)\s*$")
_ORGANIZER_AFTER = re.compile(r"^\s*(?:da\s+)?(?:to chuc|chu tri|phoi hop to chuc)\b")
_LEVEL_KEYS = ("tinh uy", "thanh uy", "thi uy", "huyen uy", "quan uy")
#: A level word before a place's name; an abbreviated one with its stop and no space too ("TP.HCM").
_PLACE_LEVEL = re.compile(
    r"\b(?:(tinh|huyen|thi|thanh|quan) uy|(xa|phuong|huyen|thi xa|thanh pho|quan|thi tran|tinh)|"
    r"(tp|tx)(?:\.?(?=\s)|\.(?=\w)))"
)
#: The levels whose places may be numbered ("Phường 5", "Quận 3").
_NUMBERED_LEVELS = frozenset({"phuong", "quan"})
#: An abbreviated level right after a party committee ("Thành ủy TP Vinh"): its place follows.
_ABBREVIATED_AFTER = re.compile(r" (tp|tx)\.?(?= )")
#: "TP. Lào Cai", "TX. Cai Lậy": the abbreviated levels a headline writes.
_ABBREVIATED_LEVEL = {"tp": "thanh pho", "tx": "thi xa"}
#: "H. Phù Mỹ, Bình Định: …": a headline opening on a district, ward or precinct written with its
#: level as one capital and a stop (a byline's "P. Tuyết" is never a headline's first words).
_ABBREVIATED_HEADLINE = re.compile(r"(H|Q|P)\. ?(?=[A-ZĐ])")
_HEADLINE_LEVEL = {"H": "huyen", "Q": "quan", "P": "phuong"}
#: The same levels in a unit's key ("UBND P.Cao Lãnh", :func:`unit_key`).
_ONE_LETTER_LEVEL = {k.lower(): v for k, v in _HEADLINE_LEVEL.items()}
#: The office a letterhead names before its level and place ("ỦY BAN NHÂN DÂN HUYỆN …").
_LETTERHEAD_OFFICE = re.compile(r"(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) ")
_COMMITTEE_LEVEL = {
    "tinh": "tinh",
    "huyen": "huyen",
    "thi": "thi xa",
    "thanh": "thanh pho",
    "quan": "quan",
}
#: A People's Committee or Council named by its level ("UBND tỉnh", "HĐND huyện").
_BODY_OF_LEVEL = re.compile(
    rf"\b(?:{_UBND}|{_HDND}) (tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran)\b"
)
_COMMUNE_LEVELS = frozenset(["xa", "phuong", "thi tran"])
#: A body named by its bare level, written out or abbreviated ("UBND tỉnh", "UBND TP").
_BARE_LEVEL_END = re.compile(r"\b(xa|phuong|huyen|thi xa|thanh pho|quan|thi tran|tinh|tp|tx)\.?$")
#: "Ban Tổ chức Thành ủy": a party board whose committee is written without its place.
_BARE_COMMITTEE_END = re.compile(r"\b(tinh|huyen|thi|thanh|quan) uy$")
_LEVEL_FOR_DISTRICT = re.compile(
    r"(?:huyen|thi xa|tx|quan|xa|phuong|thi tran|thanh pho|tp|tinh| p| q| h)$"
)
#: A level written short before its stop ("TP.", "TX.", and after a body "P.", "Q.", "H.").
_SHORT_LEVEL_END = re.compile(r"(?:tp|tx| p| q| h)$")

_ABBREVIATIONS = {
    **BODY_INITIALS,
    "tu": "tinh uy",
    "hu": "huyen uy",
    "ubmttq": "uy ban mat tran to quoc",
    "ubmttqvn": "uy ban mat tran to quoc viet nam",
    "mttqvn": "mat tran to quoc viet nam",
    "ttmttq": "thuong truc mat tran to quoc",
    "lhpn": "lien hiep phu nu",
    "ccb": "cuu chien binh",
    "ldld": "lien doan lao dong",
    "hnd": "hoi nong dan",
    "vpubnd": "van phong uy ban nhan dan",
    "chqs": "chi huy quan su",
    "hdnvqs": "hoi dong nghia vu quan su",
    "htx": "hop tac xa",
    "nvqs": "nghia vu quan su",
    "pctt": "phong chong thien tai",
    "tkcn": "tim kiem cuu nan",
    "bhxh": "bao hiem xa hoi",
}


#: A department's field written short, as folded words (``&`` and ``-`` dropped, "và" left
#: out): "Phòng TN&MT huyện" is "Phòng Tài nguyên và Môi trường huyện".
_FIELD_KEYS = (
    (r"\btn ?mt\b", "tai nguyen moi truong"),
    (r"\b(?:nn|nong nghiep) ?ptnt\b", "nong nghiep phat trien nong thon"),
    (r"\bld ?tb ?xh\b", "lao dong thuong binh xa hoi"),
    (r"\bgd ?dt\b", "giao duc dao tao"),
    (r"\bkh ?dt\b", "ke hoach dau tu"),
    (r"\bkh ?cn\b", "khoa hoc cong nghe"),
    (r"\btt ?tt\b", "thong tin truyen thong"),
    (r"\btc ?kh\b", "tai chinh ke hoach"),
    (r"\bvh ?tt ?dl\b", "van hoa the thao du lich"),
    (r"\bgtvt\b", "giao thong van tai"),
)


def _committee_of_level(m: re.Match[str]) -> str:
    level = m.group(1) or ("thanh" if m.group().endswith("thanh pho") else "thi")
    return f"{level} uy"


def unit_key(name: str) -> str:
    """Matching key of a unit name: no accents/case/tone, abbreviations expanded."""
    out: list[str] = []
    # "TU" (Tỉnh ủy) is written in capitals; "tư" of "Đầu tư", "Tư pháp" is a word of its own
    party_tu = re.search(r"\bTU\b", name) is not None
    for word in fold_words(name).split():
        out.append(word if word == "tu" and not party_tu else _ABBREVIATIONS.get(word, word))
    key = " ".join(out)
    key = re.sub(r"^(?:cac|nhung|co quan)\s+", "", key)
    key = re.sub(r"\b(?:cua)\s+", "", key)
    # "Văn phòng Đoàn ĐBQH và HĐND tỉnh" is "Văn phòng Đoàn đại biểu Quốc hội - HĐND tỉnh"
    key = re.sub(r"\s+va(?=\s)", "", key)
    for short, full in _FIELD_KEYS:
        key = re.sub(short, full, key)
    # "Đảng ủy tỉnh X" is the "Tỉnh ủy X": the committee of a level's party organisation
    key = re.sub(
        r"\bdang uy (?:(tinh|huyen|quan(?! su\b))|thanh pho|thi xa)\b", _committee_of_level, key
    )
    # "Thành ủy TP Vinh" is the "Thành ủy Vinh": the committee's place written with its level
    key = re.sub(
        r"\b(tinh|huyen|quan|thanh|thi) uy (?:tinh|huyen|quan|thanh pho|thi xa) (?=\w)",
        r"\1 uy ",
        key,
    )
    # "UBND P.Cao Lãnh" is "UBND phường Cao Lãnh": a level written as one letter after a body
    key = re.sub(
        r"\b(uy ban nhan dan|hoi dong nhan dan) ([pqh]) (?=\w)",
        lambda m: f"{m[1]} {_ONE_LETTER_LEVEL[m[2]]} ",
        key,
    )
    # "tỉnh Thái Bình" is "Thái Bình": a province is named by its name alone ("Thái Bình phải
    # ..."), where a district, town or commune shares its name with places of other levels
    key = re.sub(r"^tinh (?!(?:uy|doan|hoi|tinh|huyen|xa)\b)(?=\w)", "", key)
    # the Front's standing board acts for its committee ("Ban Thường trực Ủy ban MTTQ xã X",
    # "TTMTTQ xã X" are "Ủy ban MTTQ xã X"), as the annotations write it
    key = re.sub(r"\b(?:ban )?thuong truc (?=(?:uy ban |ub )?mat tran to quoc\b)", "", key)
    key = re.sub(r"\b(?:uy ban|ub) mat tran to quoc\b", "mat tran to quoc", key)
    # "Hội Phụ nữ" is the Women's Union, "Hội Liên hiệp Phụ nữ"
    key = re.sub(r"\bhoi phu nu\b", "hoi lien hiep phu nu", key)
    key = re.sub(r"\bmat tran to quoc viet nam\b", "mat tran to quoc", key)
    return key


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


_PARTY_BODY = re.compile(
    r"^(?:đảng bộ|cấp ủy|cấp uỷ)(?:,? (?:và )?chính quyền(?= ))?\b", re.IGNORECASE
)


_BARE_COMMITTEE = re.compile(
    r"^(?:ủy|uỷ) ban (?=(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\b)", re.IGNORECASE
)


def _party_committee(text: str) -> str:
    """ "Đảng bộ xã X", "cấp ủy xã X" → "Đảng ủy xã X": the committee that leads it; "Ủy ban
    tỉnh" → "UBND tỉnh"."""
    return _BARE_COMMITTEE.sub("UBND ", _PARTY_BODY.sub("Đảng ủy", text))


def _last_named(names: set[str], text: str) -> str | None:
    """Which of ``names`` ``text`` writes last (the longer of two that start together)."""
    last = max(
        (
            (m.start(), len(name), name)
            for name in names
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
        ),
        default=None,
    )
    return last[2] if last is not None else None


def _strip_plural(text: str) -> str:
    return re.sub(r"^(?:các|những|mọi|cơ quan)\s+", "", text, flags=re.IGNORECASE)


# --- finding --------------------------------------------------------------------------------


#: The level of a province, ending what comes before a name.
_PROVINCE_LEVEL_END = re.compile(r"\btinh$")
#: A level written bare, after a word no title ends on or at a clause's start ("làm việc với xã
#: Lương Hòa Lạc", "Xã Lương Hòa Lạc còn …"): what follows is the place, where after a body's
#: level it may be a person ("Chủ tịch UBND tỉnh Trương Cảnh Tuyên").
_LEVEL_WRITTEN_BARE = re.compile(
    r"(?:^|[,;:.(]|\b(?:voi|cua|tai|va|o|den|cho|thuoc|tu|giua|nhu|nay|la|khi|ve|tren)\s)"
    rf"\s*{_GOV}\.?$"
)

#: Cities written short after their level or committee ("Thành ủy TPHCM", "UBND TP HCM").
_CITY_SHORT = frozenset(["tphcm", "hcm", "tphn"])


#: The words a number counts when it is a period ("6 tháng", "2 năm"), not a place's number.
_PERIOD_WORDS = frozenset({"thang", "nam", "quy", "tuan", "ngay"})


#: The apostrophes inside a syllable of a place's name in the Central Highlands' languages.
_APOSTROPHES = ("’", "'", "ʼ")


#: A district's level right after a numbered ward ("phường 12 quận Tân Bình", "Phường 5 Quận 3").
_DISTRICT_AFTER = re.compile(r" (?:quan|huyen|thanh pho|thi xa)(?= \S)")


def _place_after(raw: str, end: int) -> int:
    """Extend a unit name over the place name that follows it ("huyện Châu Thành")."""
    toks = tokens(raw[end : end + 60])
    stop = end
    taken: list[str] = []
    for i, tok in enumerate(toks):
        gap = raw[stop : end + tok.start]
        if gap in (" - ", " – ") and taken and tok.key not in SURNAMES:
            # "tỉnh Thừa Thiên - Huế", "tỉnh Bà Rịa - Vũng Tàu": one place, its halves joined;
            # a person after the place has a surname and more words
            run = 0
            while i + run < len(toks) and toks[i + run].title_case and run < 3:
                if run and raw[end + toks[i + run - 1].end : end + toks[i + run].start] != " ":
                    break
                run += 1
            if not 1 <= run <= 2:
                break
            taken.extend(t.key for t in toks[i : i + run])
            stop = end + toks[i + run - 1].end
            break
        if gap in _APOSTROPHES and taken and stop == end + toks[i - 1].end:
            # "huyện Ea H’leo", "huyện Đắk G’long": one syllable of the place, its halves
            # joined by an apostrophe (the second lower-case)
            taken[-1] += tok.key
            stop = end + tok.end
            continue
        glued = gap == "" and not taken and raw[end - 1 : end] == "."
        if (gap != " " and not glued) or len(taken) >= 4:
            break  # ("UBND TP.Phan Thiết": the place glued to its abbreviated level goes on)
        if not taken and tok.all_caps and tok.key in _CITY_SHORT:
            taken.append(tok.key)  # "Thành ủy TPHCM": the city written short
            stop = end + tok.end
            break
        if not (tok.title_case or tok.text.isdigit()):
            break
        if raw[end + tok.end : end + tok.end + 1] == "/":
            break  # "của UBND tỉnh Quảng Ninh V/v …": a document's subject, no place's word
        if tok.text.isdigit() and taken and len(tok.text) >= 3:
            break  # "giao UBND huyện Bến Lức 103 nhiệm vụ": a count, no place is numbered so
        if tok.text.isdigit() and i + 1 < len(toks) and toks[i + 1].key in _PERIOD_WORDS:
            break  # "thu ngân sách xã 6 tháng đầu năm": a period, no commune numbered 6
        if (
            tok.key in _PERIOD_WORDS
            and i + 1 < len(toks)
            and re.fullmatch(r"[IVX]+|\d+", toks[i + 1].text)
        ):
            break  # "hoạt động HĐND phường Quý I/2019": a period, no ward named "Quý"
        if (
            len(taken) >= 2
            and tok.key in SURNAMES
            and i + 1 < len(toks)
            and toks[i + 1].title_case
            and raw[end + tok.end : end + toks[i + 1].start] == " "
        ):
            break  # "HĐND tỉnh Bạc Liêu Lữ Văn Hùng": the person after the place
        if not taken and tok.key in _NOT_A_PLACE:
            after = toks[i + 1].key if i + 1 < len(toks) else ""
            if tok.key in _BODY_AFTER:
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                last = nxt is not None and (i + 2 >= len(toks) or not toks[i + 2].title_case)
                if (
                    nxt is None
                    or not nxt.title_case
                    or (after in _BODY_AFTER[tok.key] and not last)
                    or raw[end + tok.end : end + nxt.start] != " "
                ):
                    break
                # "phường Chi Lăng", "xã Trung Hải", "xã Đoàn Kết", "phường Trung Tâm" (its
                # two words capitalised, no third): a place, not "Chi bộ", "Trung tâm", "Đoàn
                # công tác", "Trung Tâm Y tế"
            elif tok.key != "van" or (tok.text.lower() == "văn" and after in ("phong", "hoa")):
                break
            # "huyện Vân Hồ", "huyện Văn Lâm": a place, not "Văn phòng", "Văn hóa"
        taken.append(tok.key)
        stop = end + tok.end
    if (
        len(taken) >= 3
        and taken[0] in SURNAMES
        and not _LEVEL_WRITTEN_BARE.search(fold_aligned(raw[max(0, end - 40) : end]))
    ):
        # a person's name after a body's level ("UBND tỉnh Trương Cảnh Tuyên"), not a place; a
        # bare level names the place ("làm việc với xã Lương Hòa Lạc")
        return end
    if person_not_province(taken) and _PROVINCE_LEVEL_END.search(
        fold_aligned(raw[max(0, end - 8) : end])
    ):
        return end  # "Chủ tịch UBND tỉnh Nguyễn Bốn": the person, no province of that name
    if (
        len(taken) == 1
        and taken[0].isdigit()
        and fold_aligned(raw[max(0, end - 7) : end]).rstrip().endswith("phuong")
    ):
        # "phường 12 quận Tân Bình": a numbered ward is named with the district written after it
        district = _DISTRICT_AFTER.match(fold_aligned(raw[stop : stop + 20]))
        if district is not None:
            named = _place_after(raw, stop + district.end())
            if named > stop + district.end():
                return named
    return stop


#: "UBND các xã Lương Phong, Hợp Thịnh", "UBND các phường: Thanh Bình, ...": the bodies of the
#: places named one by one.
_NAMED_ONE_BY_ONE = re.compile(r"\s*:?\s*")
_PLURAL_LEVEL = re.compile(r"\s+cac\s+")


#: More levels after a body's plural level ("UBND các huyện, thành phố A, B"): the places named
#: after them are led by the first, of the first level.
_MORE_LEVELS = re.compile(rf"(?:,? (?:va )?{_BELOW_PROVINCE}\b)+")


def _first_named(sentence: str, key: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the first place of a body named place by place ends, and that body's name
    ("UBND xã Lương Phong"; "UBND các huyện, thành phố Hiệp Đức, Duy Xuyên": "UBND huyện Hiệp
    Đức"); None when no name follows, or only one."""
    more = _MORE_LEVELS.match(key, end)
    names = more.end() if more else end
    gap = _NAMED_ONE_BY_ONE.match(sentence, names)
    at = gap.end() if gap else names
    stop = _place_after(sentence, at - 1) if at > names else _place_after(sentence, names)
    if stop <= at:
        return None
    joined = re.match(r"\s*(?:,|và\b)\s*", sentence[stop:])
    if joined is None:
        return None  # one place: "UBND các xã Lương Phong" is no list
    second = stop + joined.end()
    if more is not None and len(sentence[second : _place_after(sentence, second - 1)].split()) < 2:
        # "Chủ tịch UBND các huyện, thành phố Gia Nghĩa, Giám đốc Sở …": every district and the
        # one city, no places listed after the levels
        return None
    plural = _PLURAL_LEVEL.search(key, start, end)
    if plural is None:
        return None
    body = sentence[start : plural.start()] + " " + sentence[plural.end() : end].strip()
    return stop, f"{body} {sentence[at:stop].strip()}"


#: A party committee's standing board named with the committee's place: it stands for the
#: committee ("Ban Thường vụ Quận ủy Ba Đình" is written "Quận ủy Ba Đình").
_STANDING_BOARD = re.compile(rf"(?:ban thuong vu|btv) ({_PARTY})")


def written_level(sentence: str, start: int, end: int) -> bool:
    """Whether the level word at ``sentence[start:end]`` after a body's name is written as the
    level: with its tones ("UBND quận", not "UBND quan tâm"; "HĐND tỉnh", not "tinh thần"), or
    in a sentence typed without marks at all ("UBND quan Ba Dinh")."""
    return lower_aligned(sentence[start:end]) in _LOCALITY_WORDS or toneless(sentence)


def _toned_levels(m: re.Match[str], sentence: str) -> re.Match[str] | None:
    """``m``, a gazetteer match on the key of ``sentence``, cut before the first level word
    (a group of :data:`_GOV`) not :func:`written_level` and matched again; None when nothing
    is left ("UBND quan tâm ..." names the bare "UBND", no "UBND quận")."""
    found: re.Match[str] | None = m
    while found is not None:
        key = found.string
        bad = next(
            (
                found.start(i)
                for i in range(1, found.re.groups + 1)
                if found.start(i) >= 0
                and key[found.start(i) : found.end(i)] in _LEVEL_WORDS
                and not written_level(sentence, found.start(i), found.end(i))
            ),
            None,
        )
        if bad is None:
            return found
        found = found.re.match(key, found.start(), len(key[:bad].rstrip()))
    return None


def find_raw(sentence: str) -> list[Mention]:
    """Every gazetteer match in ``sentence``; overlaps resolved longest-first."""
    folded = Folded.of(sentence)
    found: list[Mention] = []
    for pattern, role, head, extend in _GAZETTEER:
        for match in folded.finditer(pattern):
            m = _toned_levels(match, sentence)
            if m is None:
                continue
            start, end = m.start(), m.end()
            actual_role = role
            if (
                folded.key.startswith(_COMMON_NOUN_BODIES, start)
                and sentence[start].islower()
                and not re.match(rf" {_GOV}\b", folded.key[end:])
            ):
                continue  # "nợ đọng bảo hiểm xã hội": the insurance, not its agency
            board = (
                _STANDING_BOARD.fullmatch(folded.key, start, end) if role == "leadership" else None
            )
            if board is not None and _place_after(sentence, end) > end:
                # "Ban Thường vụ Tỉnh ủy Phú Yên" asked or inspected: the committee itself
                end = _place_after(sentence, end)
                found.append(
                    Mention(start, end, sentence[board.start(1) : end], "unit", "committee")
                )
                continue
            if head == "committee":
                after = _place_after(sentence, end)
                level = _ABBREVIATED_AFTER.match(folded.key, end)
                if after == end and level is not None and sentence[level.start(1)].isupper():
                    # "Thành ủy TP Vinh", "Thị ủy TX. Cai Lậy": the place after its level
                    after = max(end, _place_after(sentence, level.end()))
                if after == end:
                    actual_role = "leadership"
                else:
                    actual_role = "unit"
                end = after
            elif role == "bare-delegation" and lower_aligned(sentence[start:end]) not in (
                "đoàn",
                "đòan",
            ):
                continue  # "dự đoán", "đoạn": not a delegation
            elif head == "so":
                # "Sở Thông tin - Truyền thông (TT-TT) tỉnh Đồng Nai", "Sở Nội vụ TP Hải Phòng":
                # the department of the province or city named right after it, with its short
                # name in brackets between or not; the name is written without the brackets
                level = _DEPARTMENT_OF.match(folded.key, end)
                after = _place_after(sentence, level.end()) if level is not None else end
                if level is not None and after > level.end():
                    text = _SHORT_NAME_WITHIN.sub("", sentence[start:after])
                    found.append(Mention(start, after, text, role, head))
                    continue
                # "Sở Nội vụ Điện Biên": a province named right after it without its level
                province = _PROVINCE_AFTER.match(folded.key, end)
                word = _WORD_AFTER.match(sentence, province.end()) if province else None
                if (
                    province is not None
                    and sentence[province.start(1)].isupper()
                    and not (word is not None and word[1].isupper())  # "Hà Nam Phong": a person
                ):
                    found.append(
                        Mention(start, province.end(), sentence[start : province.end()], role, head)
                    )
                    continue
            elif (
                head == "co quan"
                and folded.key.startswith("tram ", start)
                and not _LEVEL_FOR_DISTRICT.search(folded.key[start:end])
            ):
                # "Trạm Y tế Mỹ Lộc": a commune's station named by its commune, level or not
                end = _place_after(sentence, end)
            elif head == "co quan" and (province := _PROVINCE_AFTER.match(folded.key, end)):
                # "Trung tâm Phát triển quỹ đất Bình Dương": a province's body named by the
                # province without its level, as "Sở Nội vụ Điện Biên" is
                word = _WORD_AFTER.match(sentence, province.end())
                if sentence[province.start(1)].isupper() and not (word and word[1].isupper()):
                    end = province.end()
            elif head == "shared level":
                level = _SHARED_LEVEL_AFTER.match(folded.key, end)
                if level is None or not written_level(sentence, level.start(1), level.end(1)):
                    continue
                if folded.key.endswith(("trong ", "qua "), 0, start):
                    continue  # "chưa thông qua được trong BCĐ và Ban quản lý xã": where, not who
                tail = sentence[level.start(1) : _place_after(sentence, level.end(1))]
                found.append(Mention(start, end, f"{sentence[start:end]} {tail}", role, "co quan"))
                continue
            elif head == "htx":
                if sentence[start].islower():
                    continue  # "phát triển hợp tác xã": the kind of body, no one
                end = _place_after(sentence, end)
                if end == m.end():
                    if not folded.key.startswith("hop tac xa", start):
                        continue
                    actual_role = "internal"  # "Hội đồng quản trị Hợp tác xã": the one named
            elif head in ("chi bo", "truong"):
                end = _place_after(sentence, end)
                if end == m.end() and not m.group()[-1].isdigit():
                    continue  # "chi bộ thôn", "trường THCS" alone name no cell, no school
            elif head == "dia phuong" and m.group() == "dia phuong":
                before = folded.key[:start]
                subject = (
                    _CLAUSE_START.search(before)
                    or _TOPIC_BEFORE.search(before)
                    or _CONTRAST_START.search(before)
                    or _FRONTED_BEFORE.search(before)
                    or re.search(r"\bma\s*$", before)  # "những công việc mà địa phương cần ..."
                ) and _MODAL_AFTER.match(folded.key, end)
                if not (
                    subject or _ASKED_BEFORE.search(before) or _LEADERS_ASKED_BEFORE.search(before)
                ):
                    continue
                actual_role = "internal"
            elif head == "dia phuong" and m.group() in ("tp", "tx"):
                # "TP Vinh", "TX. Cai Lậy": the place, named like "thành phố Vinh"
                at = end + 1 if sentence[end : end + 1] == "." else end
                after = _place_after(sentence, at)
                if not sentence[start:end].isupper() or after == at:
                    continue  # "TP" alone, or a word that only shares the letters
                end = after
            elif head == "dia phuong":
                if lower_aligned(sentence[start:end]) not in _LOCALITY_WORDS:
                    second = sentence.find(" ", start, end) + 1
                    if not second or lower_aligned(sentence[second:end]) not in _LOCALITY_WORDS:
                        continue  # "Phương Thị Thanh" is a person, not "phường"
                    start = second  # "thì xã Vĩnh Hựu": "thì" is no "thị", the level is "xã"
                end = _place_after(sentence, end)
                if end == m.end():
                    asked = _ASKED_BEFORE.search(folded.key[:start]) or (
                        _LEADERS_ASKED_BEFORE.search(folded.key[:start])
                    )
                    owns = _SHORTCOMING_AFTER.match(folded.key, end) and (
                        _CLAUSE_START.search(folded.key[:start])
                        or _CONTRAST_START.search(folded.key[:start])
                        or _OPENS_CLAUSE.search(folded.key[:start])
                    )
                    # "Huyện tập trung chỉ đạo …", "Xã phấn đấu …": a capitalised level that
                    # opens a sentence on a task's verb acts as "Huyện cần …" does
                    acts = (
                        sentence[start].isupper()
                        and _CLAUSE_START.search(folded.key[:start])
                        and _TASK_VERB_AFTER.match(folded.key, end)
                    )
                    if (
                        not asked
                        and not owns
                        and not acts
                        and not (
                            (
                                (
                                    sentence[start].isupper()
                                    and _CLAUSE_START.search(folded.key[:start])
                                )
                                or _TOPIC_BEFORE.search(folded.key[:start])
                                or _FRONTED_BEFORE.search(folded.key[:start])
                                # "Do đó, huyện phải ...": after the connectives opening a clause
                                or _OPENS_CLAUSE.search(folded.key[:start])
                            )
                            and _MODAL_AFTER.match(folded.key, end)
                        )
                    ):
                        continue  # "xã", "huyện" alone name no unit
                    # "Phường cần ...", "đề nghị huyện giải quyết ...": the one ward or district
                    # the document names (see _resolve_name)
                    actual_role = "internal"
            elif extend and _LEVEL_FOR_DISTRICT.search(folded.key[start:end]):
                if _SHORT_LEVEL_END.search(folded.key, 0, end) and sentence[end : end + 1] == ".":
                    # "UBND TP. Vũng Tàu", "UBND P.Cao Lãnh": the abbreviated level's full stop
                    # is no end
                    after = _place_after(sentence, end + 1)
                    end = after if after > end + 1 else end
                else:
                    end = _place_after(sentence, end)
            elif role == "collective" and head == "chinh quyen":
                first = _first_named(sentence, folded.key, start, end)
                if first is not None:
                    # "Chủ tịch UBND các phường: Thanh Bình, Cẩm Thượng, ...": the first named
                    found.append(Mention(start, first[0], first[1], "unit", head))
                    continue
            found.append(Mention(start, end, sentence[start:end], actual_role, head))
    found.sort(key=lambda mn: (mn.start, -(mn.end - mn.start)))
    chosen: list[Mention] = []
    for mention in found:
        if any(mention.start < c.end and c.start < mention.end for c in chosen):
            continue
        chosen.append(mention)
    result: list[Mention] = []
    chosen = _joined_bodies(sentence, folded.key, sorted(chosen, key=lambda mn: mn.start))
    for mention in chosen:
        before = folded.key[max(0, mention.start - 40) : mention.start]
        affiliation = bool(_AFFILIATION_BEFORE.search(before)) and mention.role != "leadership"
        # "theo Nghị quyết số 07 của HĐND tỉnh": the body that issued a document, no actor
        affiliation = affiliation or bool(_ISSUED_BY_BEFORE.search(before))
        # "Trưởng đoàn Đại biểu Quốc hội đơn vị tỉnh X": a delegate's constituency, no body
        affiliation = affiliation or bool(_CONSTITUENCY_BEFORE.search(before))
        # "Dự án đầu tư xây dựng Bệnh viện đa khoa X": the name of a project or a plan
        affiliation = affiliation or (
            mention.role == "unit" and bool(_NAMES_WORK_BEFORE.search(before))
        )
        final_role: Role = mention.role
        if final_role in ("bare-office", "internal") and _PLURAL_BEFORE.search(before):
            final_role = "collective"
        # "đề nghị huyện kiểm tra …", "Đảng ủy cần …": a bare level or the body in focus asked
        by_request = final_role in ("unit", "internal") and bool(
            _ASKED_BEFORE.search(before) or _MODAL_AFTER.match(folded.key, mention.end)
        )
        result.append(
            Mention(
                mention.start,
                mention.end,
                mention.text,
                final_role,
                mention.head,
                None,
                None,
                affiliation,
                by_request,
            )
        )
    return result


#: What joins bodies named together ("Đảng ủy, HĐND, UBND xã X", "Huyện ủy - UBND huyện Y").
_JOIN = re.compile(r"\s*(?:,|-|–|&)?\s*(?:va\s+)?")
#: The place a full body is named with, and its level ("UBND xã Hiệp An": "xã", "Hiệp An"), or
#: its level alone ("UBND xã").
_LEVEL_PLACE = re.compile(
    rf"^(?:{_UBND}|{_HDND}|{_MTTQ}|dang uy|dang bo|chinh quyen) "
    r"(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|tp|tx)\.?(?: (?=\w)|$)"
)
_BARE_BODY = re.compile(rf"^(?:dang uy|{_UBND}|{_HDND}|{_MTTQ})$")
_COMMITTEE_OF = {
    "tinh uy": ("tinh",),
    "huyen uy": ("huyen",),
    "quan uy": ("quan",),
    "thi uy": ("thi xa", "tx"),
    "thanh uy": ("thanh pho", "tp"),
}


def _joined_bodies(sentence: str, key: str, chosen: list[Mention]) -> list[Mention]:
    """Bodies named together before the one that carries the place ("Đảng ủy, UBND xã Hiệp An",
    "Huyện ủy, UBND huyện Lâm Hà") are that place's: "Đảng ủy xã Hiệp An", "Huyện ủy Lâm Hà"."""
    out = list(chosen)
    for i, mention in enumerate(chosen):
        bare = key[mention.start : mention.end]
        internal = mention.role == "internal" and _BARE_BODY.match(bare)
        committee = mention.head == "committee" and mention.role == "leadership"
        if not internal and not committee:
            continue
        j = i + 1
        at = mention.end
        while j < len(chosen):
            gap = _JOIN.fullmatch(key, at, chosen[j].start)
            if gap is None or (chosen[j].start == at):
                break
            if chosen[j].role == "internal" and _BARE_BODY.match(
                key[chosen[j].start : chosen[j].end]
            ):
                at = chosen[j].end
                j += 1
                continue
            break
        if j >= len(chosen) or _JOIN.fullmatch(key, at, chosen[j].start) is None:
            continue
        if chosen[j].start == at:
            continue
        full = chosen[j]
        place = _LEVEL_PLACE.match(key[full.start : full.end])
        if full.role != "unit" or place is None:
            continue
        level = place.group(1)
        tail = sentence[full.start + place.start(1) : full.end]  # "xã Hiệp An"
        name = sentence[full.start + place.end() : full.end]  # "Hiệp An"
        if internal:
            head = "dang uy" if bare.startswith("dang") else "chinh quyen"
            text = f"{sentence[mention.start : mention.end]} {tail}"
        elif level in _COMMITTEE_OF.get(bare, ()) and name:
            head, text = "committee", f"{sentence[mention.start : mention.end]} {name}"
        else:
            continue
        out[i] = replace(mention, text=text, role="unit", head=head)
    return out


# --- resolving ------------------------------------------------------------------------------


_BARE_STANDING = "thuong truc hoi dong nhan dan"


def places_named(sentences: Sequence[str]) -> dict[str, set[str]]:
    """Place names the document gives each level, written after it ("xã Tân Phú", "Huyện ủy Châu
    Thành"), as written ("Tân Phú"), by the level's key ("xa")."""
    places: dict[str, set[str]] = {}
    for sentence in sentences:
        folded = Folded.of(sentence)
        for m in folded.finditer(_PLACE_LEVEL):
            if folded.key.endswith("dia ", 0, m.start()):
                continue  # "chính quyền địa phương 2 cấp": no ward
            if folded.key.endswith("hop tac ", 0, m.start()):
                continue  # "Hợp tác xã Tam Giang": a cooperative, no commune
            if m[2] and lower_aligned(sentence[m.start(2) : m.end(2)]) not in _LOCALITY_WORDS:
                continue  # "thì xã Liêm Sơn": no "thị xã"
            level = m[2] or (_ABBREVIATED_LEVEL[m[3]] if m[3] else _COMMITTEE_LEVEL[m[1]])
            end = _place_after(sentence, m.end())
            name = sentence[m.end() : end].strip()
            if name.isdigit() and level not in _NUMBERED_LEVELS:
                continue  # "đối với xã 35 ý kiến": a count, no commune ("Phường 5" is one)
            if end > m.end():
                places.setdefault(level, set()).add(name)
    # "xã Đại sơn" written once in lower case gave "Đại": the full name is the place
    for level, names in places.items():
        keys = {fold_words(name): name for name in names}
        places[level] = {
            name
            for key, name in keys.items()
            if not any(other != key and other.startswith(key + " ") for other in keys)
        }
    return places


class UnitResolver:
    """Resolves the unit mentions of one document (see the module docstring)."""

    def __init__(
        self,
        sentences: Sequence[str],
        known: Sequence[KnownUnit] = (),
        lead: str | None = None,
        headings: Sequence[str] = (),
    ) -> None:
        self._raw: dict[str, list[Mention]] = {}
        self._sentences = list(sentences)
        self._named_before: dict[str, list[str | None]] = {}  # see _place_near
        self._index: dict[str, int] = {}
        for i, sentence in enumerate(self._sentences):
            self._index.setdefault(sentence, i)
        self._known = tuple(known)
        self._known_index: dict[str, KnownUnit] = {}
        for unit in self._known:
            for label in (unit.code, unit.name, *unit.aliases):
                key = unit_key(label)
                if key:
                    self._known_index.setdefault(key, unit)
        self._known_patterns = self._compile_known()
        self.level = self._dominant_level(sentences)
        # the headline names the place too ("TP. Lào Cai: Khẩn trương giải quyết ...")
        self._places = places_named([*headings, *sentences])
        self._capital_headline_places(headings)
        self._abbreviated_headline_place(headings)
        self._headline_place(headings, sentences)
        self._letterhead_places(headings)
        # what every sentence looks its places up in, made once: the names written without their
        # level, each with its pattern, and the full names by their first words (a text naming
        # a thousand places took minutes, each sentence compiling a pattern for each of them)
        self._bare_places = {
            n: re.compile(rf"(?<!\w){re.escape(n)}(?!\w)")
            for level, ns in self._places.items()
            if level in _LEVEL_WORDS
            for n in ns
        }
        self._place_rests: dict[str, list[tuple[int, int, str]]] = {}
        fulls = [fold_words(p).split() for names in self._places.values() for p in names]
        for index, words in enumerate(fulls):
            for k in range(1, len(words)):
                rests = self._place_rests.setdefault(" ".join(words[:k]), [])
                rests.append((index, k, " " + " ".join(words[k:])))
        self._full: dict[str, str] = {}  # key -> display name of named units, in order
        for sentence in sentences:
            for mention in self.raw(sentence):
                if (
                    mention.role == "unit"
                    and not mention.affiliation
                    and mention.head != "dia phuong"
                ):
                    display = self._with_place(
                        _party_committee(_capitalize(_strip_plural(mention.text)))
                    )
                    self._full.setdefault(unit_key(display), display)
                elif mention.role == "board" and not mention.affiliation:
                    display = self._complete_board(mention.text)
                    self._full.setdefault(unit_key(display), display)
        # the named units by each shorter name their keys begin with (see _longer)
        self._longer_names: dict[str, list[str]] = {}
        for key, display in self._full.items():
            words = key.split(" ")
            for k in range(1, len(words)):
                self._longer_names.setdefault(" ".join(words[:k]), []).append(display)
        # the places and bodies the document asks (a place asked by its name names its bodies so)
        self._asked = {
            unit_key(
                m.text
                if m.head == "dia phuong"
                else self._with_place(_party_committee(_capitalize(_strip_plural(m.text))))
            )
            for sentence in sentences
            for m in self.raw(sentence)
            if m.asked and not m.affiliation
        }
        self.focus: str | None = None  # read by _focus itself, through mentions()
        self.focus = self._focus(lead) if lead else None
        #: the keys of the units the lead names after its first (the body that meets, visits or
        #: inspects): the bodies met with or inspected ("Đoàn kiểm tra ... tại UBND xã X")
        named = [
            unit_key(m.code or m.name)
            for m in (self.mentions(lead) if lead else ())
            if m.name is not None and not m.affiliation
        ]
        self.lead_others: frozenset[str] = (
            frozenset(named[1:]) - {named[0]} if named else frozenset()
        )

    # -- document context

    def _dominant_level(self, sentences: Sequence[str]) -> str | None:
        counts: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        pattern = re.compile(rf"\b{_PARTY}\b")
        for sentence in sentences:
            folded = Folded.of(sentence)
            for m in folded.finditer(pattern):
                counts[m.group()] += 1
                spellings.setdefault(m.group(), Counter())[sentence[m.start() : m.end()]] += 1
        if not counts:
            return None
        best = max(_LEVEL_KEYS, key=lambda k: (counts[k], -_LEVEL_KEYS.index(k)))
        if counts[best] == 0:
            return None
        return _capitalize(spellings[best].most_common(1)[0][0])

    def _capital_headline_places(self, headings: Sequence[str]) -> None:
        """A headline in capitals ("THƯỜNG TRỰC HĐND XÃ CẨM GIANG, HUYỆN GÒ DẦU: GIÁM SÁT ...")
        names the place of a level the text writes only bare ("UBND xã"): the words after a
        level up to a comma, colon or dash, at most four (a letterhead, "TỈNH ỦY QUẢNG NGÃI",
        names its issuer, not a place of the text)."""
        for heading in headings[:1]:
            letters = [c for c in heading if c.isalpha()]
            if not letters or not all(c.isupper() for c in letters):
                continue
            titled = " ".join(word.capitalize() for word in heading.split(" "))
            for level, names in places_named([titled]).items():
                if level in self._places:
                    continue
                for name in names:
                    at = titled.find(name)
                    after = titled[at + len(name) :].lstrip()
                    if at >= 0 and after[:1] in (",", ":", ";", "-", "–"):
                        self._places.setdefault(level, set()).add(name)

    def _abbreviated_headline_place(self, headings: Sequence[str]) -> None:
        """A headline that opens on a place written with its level abbreviated ("H. Phù Mỹ,
        Bình Định: Giám sát …", "Q. Hoàn Kiếm: …", "P. Tân Định, Quận 1: …") names the place of
        that level, which the text writes bare ("phòng GD – ĐT huyện", "UBND phường")."""
        if not headings:
            return
        m = _ABBREVIATED_HEADLINE.match(headings[0])
        if m is None:
            return
        headline = f"{m[1]}. {headings[0][m.end() :]}"  # "P.Tân Định" as "P. Tân Định"
        end = _place_after(headline, 2)
        if end > 2 and headline[end:].lstrip()[:1] in (",", ":", "-", "–"):
            self._places.setdefault(_HEADLINE_LEVEL[m[1]], set()).add(headline[3:end])

    def _letterhead_places(self, headings: Sequence[str]) -> None:
        """A document pasted whole names its office in capitals, the level and its place alone
        on a line (``UỶ BAN NHÂN DÂN`` / ``HUYỆN CAN LỘC``, ``ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ``),
        or before the motto's column (``TỈNH HẬU GIANG Độc lập - Tự do - Hạnh phúc``, ``… |
        CỘNG HÒA …``): the place of that level, which the document writes bare (``Thanh tra
        huyện``, ``UBND huyện``), when the text gives that level no place of its own. A headline
        in capitals goes on after the place ("HUYỆN THUẬN BẮC HỌP TRIỂN KHAI …"): no
        letterhead."""
        for heading in headings:
            words: list[str] = []
            for word in heading.split("|")[0].split():
                letters = [c for c in word if c.isalpha()]
                if not letters or not all(c.isupper() for c in letters):
                    break
                words.append(word.capitalize())
            if not 2 <= len(words) <= 10:
                continue
            titled = " ".join(words)
            folded = fold_aligned(titled)
            office = _LETTERHEAD_OFFICE.match(folded)
            m = _PLACE_LEVEL.match(folded, office.end() if office else 0)
            if m is None or not m[2]:
                continue
            end = _place_after(titled, m.end())
            if end == len(titled) and end > m.end() and m[2] not in self._places:
                self._places[m[2]] = {titled[m.end() :].strip()}

    def _headline_place(self, headings: Sequence[str], sentences: Sequence[str]) -> None:
        """A headline that opens on a bare place name ("Ninh Thuận: Khẩn trương ...") names the
        place of the one level whose bodies the text writes without a place ("UBND tỉnh")."""
        if not headings:
            return
        head, colon, _ = headings[0].partition(":")
        words = head.split()
        if not colon or not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return
        if fold_words(words[0]) in _NOT_A_PLACE or lower_aligned(head) in _LOCALITY_WORDS:
            return
        levels: set[str] = set()
        for sentence in sentences:
            folded = Folded.of(sentence)
            for m in folded.finditer(_BODY_OF_LEVEL):
                if _place_after(sentence, m.end()) == m.end() and written_level(
                    sentence, m.start(1), m.end(1)
                ):
                    levels.add(m[1])
        if len(levels) == 1:
            level = levels.pop()
            if level not in self._places:
                self._places[level] = {" ".join(words)}

    def _levels_of(self, name: str) -> list[str]:
        key = fold_words(name)
        return [
            level
            for level, names in self._places.items()
            if any(fold_words(n) == key for n in names)
        ]

    def _place_names(self, sentence: str, found: list[Mention]) -> list[Mention]:
        """A place the document names written without its level, as a clause's subject that
        "cần"/"phải" or as what is asked ("Thanh Hóa cần ...", "yêu cầu Đắk Lắk bảo đảm ...");
        and a province the document never names with its level, so ("Sóc Trăng cần ...")."""
        names = [(n, pattern) for n, pattern in self._bare_places.items() if n in sentence]
        folded = Folded.of(sentence).key
        provinces = [
            m
            for m in _PROVINCE_NAME.finditer(folded)
            if sentence[m.start()].isupper() and not self._levels_of(sentence[m.start() : m.end()])
        ]
        if not names and not provinces:
            return found
        extra: list[Mention] = []
        for m in [*(m for _, p in names for m in p.finditer(sentence)), *provinces]:
            province = m.re is _PROVINCE_NAME
            start, end = m.start(), m.end()
            if any(start < f.end and f.start < end for f in (*found, *extra)):
                continue
            before = folded[:start]
            if _LEVEL_BEFORE.search(before):
                continue  # "tỉnh Thanh Hóa": the gazetteer's
            subject = (
                _CLAUSE_START.search(before)
                or _TOPIC_BEFORE.search(before)
                or _CONTRAST_START.search(before)
                or _SPEAKER_BEFORE.search(before)
                or _FRONTED_BEFORE.search(before)
            ) and _MODAL_AFTER.match(folded, end)
            # "Tuy nhiên, Sơn La còn rất nhiều khó khăn", "Theo đó, Thạch Lâm mới chỉ triển
            # khai ...": the place a clause opens on is what it says something of
            after = _WORD_AFTER.match(sentence, end)
            if province:
                # a province the text never writes with its level: only as the one who
                # must act or is asked, not followed by another name ("Hà Nam Phong")
                # ("..., Sóc Trăng cần", "nên Kon Tum cần", "đặt vấn đề Sóc Trăng cần")
                subject = subject or (
                    _PROVINCE_ACTS_AFTER.search(before) and _MODAL_AFTER.match(folded, end)
                )
                # "Đến nay, Bình Định liên tục 6 năm chưa …": the province a shortcoming opens on
                owns = _OPENS_CLAUSE.search(before) and _SHORTCOMING_NEAR.match(folded, end)
                if (subject or owns or _ASKED_BEFORE.search(before)) and not (
                    after and after[1].isupper()
                ):
                    extra.append(Mention(start, end, sentence[start:end], "internal", "province"))
                continue
            opens = _OPENS_CLAUSE.search(before) and not (after and after[1].isupper())
            if subject or opens or _ASKED_BEFORE.search(before):
                extra.append(Mention(start, end, m.group(), "internal", "place name"))
        return sorted([*found, *extra], key=lambda mn: mn.start) if extra else found

    def names_place(self, text: str) -> bool:
        """Whether ``text`` opens on a place the document names ("Đắk Lắk đảm bảo ...")."""
        key = fold_words(text)
        return any(
            key == fold_words(name) or key.startswith(fold_words(name) + " ")
            for names in self._places.values()
            for name in names
        )

    def _complete_places(self, sentence: str, found: list[Mention]) -> list[Mention]:
        """Extend a mention over the rest of a place name the document gives in full ("xã Đại
        sơn" when the text also writes "xã Đại Sơn")."""
        if not self._place_rests:
            return found
        folded = Folded.of(sentence).key
        out: list[Mention] = []
        for mention in found:
            head = folded[mention.start : mention.end]
            end = mention.end
            # the full names whose first words end the mention, in the order they are tried
            # (the first name, then its shortest start, that goes on in the text wins)
            words = head.split()
            tried = sorted(
                (index, k, prefix, rest)
                for j in range(1, len(words))
                for prefix in (" ".join(words[j:]),)
                for index, k, rest in self._place_rests.get(prefix, ())
            )
            for _, _, prefix, rest in tried:
                if head.endswith(" " + prefix) and folded.startswith(rest, end):
                    after = end + len(rest)
                    if after == len(folded) or not folded[after].isalnum():
                        end = after
                        break
            if end != mention.end:
                mention = replace(mention, end=end, text=sentence[mention.start : end])
            out.append(mention)
        return out

    def _with_place(self, display: str, near: tuple[str, int] | None = None) -> str:
        """Add the document's only place of that level to a name without one ("Đảng ủy xã",
        "UBND tỉnh", "Ban Tổ chức Thành ủy"); of several, the one named last before ``near``
        (a sentence and a position in it; see :meth:`_place_near`)."""
        key = fold_aligned(display)
        m = _BARE_LEVEL_END.search(key)
        committee = _BARE_COMMITTEE_END.search(key)
        if m is not None:
            level = _ABBREVIATED_LEVEL.get(m[1], m[1])  # "UBND TP": the city's
        elif committee is not None:
            level = _COMMITTEE_LEVEL[committee[1]]  # "Ban Tổ chức Thành ủy"
        else:
            return display
        known = self._places.get(level, set())
        if len(known) == 1:
            return f"{display} {next(iter(known))}"
        place = self._place_near(level, *near) if near is not None and known else None
        return f"{display} {place}" if place is not None else display

    def bare_level_place(self, word: str, sentence: str, at: int) -> str | None:
        """A level written bare ("Phường", "xã") at ``at`` in ``sentence``: the one place of that
        level the document names ("phường Phú Thạnh"); of several, the one named last before it
        ("Tại phường A, ... Phường cần ..."); None when there is none."""
        level = unit_key(word)
        known = self._places.get(level, set())
        named = (
            next(iter(known))
            if len(known) == 1
            else self._place_near(level, sentence, at)
            if known
            else None
        )
        return None if named is None else f"{word.lower()} {named}"

    def _place_near(self, level: str, sentence: str, at: int) -> str | None:
        """Of the several places of ``level`` the document names, the one named last before
        ``at`` in ``sentence`` or in a sentence before it ("Tại xã Sơn Cẩm, ... . ... đề nghị
        Đảng ủy xã ...": the commune that part of the article is about); None when none is."""
        index = self._index.get(sentence)
        if index is None:
            return None
        here = _last_named(self._places.get(level, set()), sentence[:at])
        if here is not None:
            return here
        before = self._named_before.get(level)
        if before is None:
            # once per level: the place named last before each sentence (a long text of bare
            # levels would otherwise read every sentence before each of them)
            names = self._places.get(level, set())
            before, last = [], None
            for text in self._sentences:
                before.append(last)
                last = _last_named(names, text) or last
            self._named_before[level] = before
        return before[index]

    def _council_of(self, text: str) -> str | None:
        """ "thường trực HĐND" with no place, in a document naming one council ("HĐND phường Phúc
        Lợi"): that council's standing committee, a unit (as "Thường trực HĐND phường X" is)."""
        if unit_key(text) != _BARE_STANDING:
            return None
        councils = [n for k, n in self._full.items() if k.startswith("hoi dong nhan dan ")]
        return f"Thường trực {councils[0]}" if len(councils) == 1 else None

    def _committee_of(self, text: str) -> str | None:
        """ "BTV Quận ủy" with no place, in a document giving one place of that level ("quận Hà
        Đông"): that committee, a unit (as "Ban Thường vụ Quận ủy Hà Đông" is)."""
        key = fold_aligned(text)
        board = _STANDING_BOARD.fullmatch(key)
        if board is None:
            return None
        places = self._places.get(_COMMITTEE_LEVEL[board[1].split()[0]], set())
        if len(places) != 1:
            return None
        return f"{_capitalize(text[board.start(1) :])} {next(iter(places))}"

    def _complete_board(self, text: str) -> str:
        name = _capitalize(_strip_plural(text))
        key = fold_aligned(name)
        if re.search(r"\b(?:" + "|".join(_LEVEL_KEYS) + r"|trung uong)$", key):
            return name
        return f"{name} {self.level}" if self.level else name

    def _focus(self, lead: str) -> str | None:
        folded = Folded.of(lead)
        for mention in self.mentions(lead):
            if mention.name is None or mention.affiliation or mention.role != "unit":
                continue
            if _ORGANIZER_AFTER.match(folded.key[mention.end :]):
                continue
            return mention.name
        return None

    def _compile_known(self) -> list[tuple[re.Pattern[str], KnownUnit, bool]]:
        patterns: list[tuple[re.Pattern[str], KnownUnit, bool]] = []
        for unit in self._known:
            for label in (unit.name, *unit.aliases):
                key = fold_words(label)
                if len(key) >= 4:
                    body = r"\W+".join(re.escape(w) for w in key.split())
                    patterns.append((re.compile(rf"\b{body}\b"), unit, False))
            if len(unit.code) >= 2:
                patterns.append(
                    (re.compile(rf"(?<![\w]){re.escape(unit.code)}(?![\w])"), unit, True)
                )
        return patterns

    # -- per sentence

    def raw(self, sentence: str) -> list[Mention]:
        cached = self._raw.get(sentence)
        if cached is None:
            cached = find_raw(sentence)
            cached = self._complete_places(sentence, cached)
            cached = self._place_names(sentence, cached)
            cached = self._add_known(sentence, cached)
            self._raw[sentence] = cached
        return cached

    def _add_known(self, sentence: str, found: list[Mention]) -> list[Mention]:
        if not self._known_patterns:
            return found
        folded = Folded.of(sentence)
        extra: list[Mention] = []
        for pattern, unit, exact in self._known_patterns:
            hay = sentence if exact else folded.key
            for m in pattern.finditer(hay):
                if any(m.start() < f.end and f.start < m.end() for f in (*found, *extra)):
                    continue
                extra.append(
                    Mention(
                        m.start(),
                        m.end(),
                        sentence[m.start() : m.end()],
                        "unit",
                        "known",
                        unit.name,
                        unit.code,
                    )
                )
        return sorted([*found, *extra], key=lambda mn: mn.start)

    def _resolve_name(self, mention: Mention, sentence: str) -> str | None:
        if mention.role == "unit":
            if mention.head == "known" and mention.name:
                return mention.name
            if mention.head == "dia phuong":
                # "xã Hòa Chính" is the commune's People's Committee when the text names it
                key = unit_key(mention.text)
                # a province asked by its name ("yêu cầu tỉnh Vĩnh Phúc chỉ đạo ...", a central
                # body's request) is the province as a whole, its party committee and its
                # People's Committee: the place as written; so is any place the document asks
                # by its name ("đề nghị huyện Bắc Trà My ...", "phường X cần ...")
                heads = (
                    ()
                    if fold_words(mention.text).startswith("tinh ")
                    or mention.asked
                    or key in self._asked
                    else ("uy ban nhan dan ", "dang uy ")
                )
                for head in heads:
                    # "xã Hòa Chính" is the commune's People's Committee when the text names
                    # it, else its party committee when the text names that
                    for full_key, name in self._full.items():
                        if full_key.startswith(head) and full_key.endswith(" " + key):
                            return name
                return _strip_plural(mention.text)
            if fold_words(mention.text).startswith("chinh quyen "):
                # "chính quyền xã Châu Phong": the place's government as a whole, no one of its
                # bodies: the place, as a bare level word or the place's name is
                return self._with_place(
                    _strip_plural(mention.text.split(" ", 2)[2]), near=(sentence, mention.start)
                )
            display = self._with_place(
                _party_committee(_capitalize(_strip_plural(mention.text))),
                near=(sentence, mention.start),
            )
            return self._longer(display)
        if mention.role == "board":
            return self._longer(
                self._with_place(self._complete_board(mention.text), near=(sentence, mention.start))
            )
        if mention.role == "internal" and mention.head in ("dia phuong", "place name", "province"):
            if mention.head == "province":
                # "Sóc Trăng cần ...", the text never writing "tỉnh Sóc Trăng": the province
                place = f"{_LEVEL_WORDS['tinh']} {mention.text}"
            elif mention.head == "place name":
                # "Thanh Hóa cần ...": the place the document names so ("tỉnh Thanh Hóa")
                levels = self._levels_of(mention.text)
                if len(levels) != 1:
                    return None
                level = levels[0]
                place = f"{_LEVEL_WORDS[level]} {mention.text}"
            elif unit_key(mention.text) == "dia phuong":
                # "địa phương cần ...": the one place of the lowest level the document names; of
                # several, the one named last before it ("đề nghị phường A …. Đồng thời, địa
                # phương cần …"), as a bare level's
                lowest = next((lv for lv in reversed(_LEVEL_WORDS) if lv in self._places), None)
                if lowest is None:
                    return None
                named = (
                    next(iter(self._places[lowest]))
                    if len(self._places[lowest]) == 1
                    else self._place_near(lowest, sentence, mention.start)
                )
                if named is None:
                    return None
                place = f"{_LEVEL_WORDS[lowest]} {named}"
            else:
                # "Phường cần ...": the one place of that level the document names ("phường Phú
                # Thạnh"), the place itself
                bare = self.bare_level_place(mention.text, sentence, mention.start)
                if bare is None:
                    return None
                place = bare
            if unit_key(place) in self._asked:
                return place  # "Huyện cũng cần ..." after "đề nghị huyện X ..."
            return place
        if mention.role == "internal" and unit_key(mention.text) == "mat tran to quoc":
            # "UBMTTQ", "TTMTTQ" alone: the one Front the document names in full, else the
            # Front of the one place of the lowest level it names ("UBMTTQ phường Phúc Đồng"),
            # as "địa phương" is that place
            same = [name for key, name in self._full.items() if key.startswith("mat tran to quoc ")]
            if len(same) == 1:
                return same[0]
            lowest = next((lv for lv in reversed(_LEVEL_WORDS) if lv in self._places), None)
            if lowest is None or len(self._places[lowest]) != 1:
                return None
            return f"{mention.text} {_LEVEL_WORDS[lowest]} {next(iter(self._places[lowest]))}"
        if mention.role == "internal":
            # "chi bộ", "Đảng ủy" alone: the one such body the document names in full
            head = unit_key(_party_committee(mention.text.lower()))
            if head not in (
                "chi bo",
                "dang uy",
                "uy ban nhan dan",
                "hoi dong nhan dan",
                "hop tac xa",
            ):
                return None
            # "Đảng ủy huyện X" keys as "Huyện ủy X" but is still a "Đảng ủy" written in full
            same = [
                name
                for key, name in self._full.items()
                if key.startswith(head + " ") or fold_words(name).startswith(head + " ")
            ]
            return same[0] if len(same) == 1 else None
        if mention.role in ("bare-office", "bare-delegation"):
            head = mention.head
            if self.focus and unit_key(self.focus).startswith(head):
                return self.focus
            same = [name for key, name in self._full.items() if key.startswith(head + " ")]
            return same[0] if len(same) == 1 else None
        return None

    def _longer(self, display: str) -> str:
        """The one fuller name in the document that this name begins, else itself."""
        longer = self._longer_names.get(unit_key(display), ())
        return longer[0] if len(longer) == 1 else display

    def match_known(self, name: str) -> KnownUnit | None:
        """The registered unit a name means: same key, else the only one whose key begins it."""
        key = unit_key(name)
        if key in self._known_index:
            return self._known_index[key]
        hits = {
            unit.code
            for k, unit in self._known_index.items()
            if key.startswith(k + " ") or k.startswith(key + " ")
        }
        if len(hits) == 1:
            code = hits.pop()
            return next(u for u in self._known if u.code == code)
        return None

    def mentions(self, sentence: str) -> list[Mention]:
        """The unit mentions of a sentence, resolved to names (and codes when registered)."""
        out: list[Mention] = []
        for mention in self.raw(sentence):
            name = None if mention.affiliation else self._resolve_name(mention, sentence)
            code = mention.code
            if name is not None and code is None:
                unit = self.match_known(name)
                if unit is not None:
                    name, code = unit.name, unit.code
            role: Role = mention.role
            if role == "internal" and name is not None:
                role = "unit"
            if role == "leadership" and not mention.affiliation:
                council = self._council_of(mention.text) or self._committee_of(mention.text)
                if council is not None:
                    role, name = "unit", council
            # "Chủ tịch UBND phường": the body a head's title names, with its place, as the body
            # named alone would be written (a head stands for the body)
            body = (
                self._resolve_name(replace(mention, affiliation=False), sentence)
                if mention.affiliation and mention.role == "unit"
                else None
            )
            out.append(
                Mention(
                    mention.start,
                    mention.end,
                    mention.text,
                    role,
                    mention.head,
                    name,
                    code,
                    mention.affiliation,
                    mention.asked,
                    body,
                )
            )
        return out


#: A visit that inspects, supervises or surveys a place, with how it is made ("kiểm tra đột xuất
#: tại xã X", "kiểm tra công vụ đột xuất tại", "kiểm tra thực tế tại", "giám sát chuyên đề tại"):
#: the place or body after "tại" is the one visited.
_VISIT_AT = (
    r"(?:kiem tra|giam sat|khao sat)(?: (?:cong vu|dot xuat|thuc te|chuyen de|truc tiep))* tai"
)
_VISITS = re.compile(r"\b" + _VISIT_AT + r"\b")
_WORKS_WITH = re.compile(
    r"\b(?:lam viec voi|lam viec tai|" + _VISIT_AT + "|"
    # "kiểm tra, giám sát việc thực hiện ... (của) chi bộ VKSND": the body inspected; "khảo sát
    # tình hình tổ chức, hoạt động tại phường X": the body surveyed; "giám sát hoạt động (của)
    # HĐND thị trấn X": the body whose work is supervised
    r"(?:kiem tra|giam sat|khao sat)(?:,? (?:kiem tra|giam sat|khao sat))* "
    r"(?:viec|tinh hinh|ket qua|tien do|thuc hien|hoat dong)|"
    # "tổ chức giám sát UBND xã X về việc ...": the body supervised, named right after the verb
    # (not "Đoàn Kiểm tra số 3": a team's number, no Sở)
    r"(?:giam sat|kiem tra)(?= (?:doi voi )?(?:ubnd|uy ban nhan dan|so(?! \d)|phong|dang uy|chi bo|"
    r"huyen uy|tinh uy|thanh uy|thi uy|quan uy|trung tam|benh vien|truong)\b))\b"
)
#: "(nhiệm vụ) UBND tỉnh, Chủ tịch UBND tỉnh giao": the body that gave the work, not the one that
#: does it.
GAVE_AFTER = re.compile(r"(?:\s*,\s*(?:cac )?(?:pho )?chu tich [^,;.:]{0,25}?)*\s+giao\b")


_JOINED_AFTER = re.compile(r"\s*(?:,|va)\s")
_UNDER = re.compile(r"\b(?:truc thuoc|thuoc)\s*$")


def session_partners(
    lead: str, resolver: UnitResolver, *, visit_only: bool = False
) -> list[str] | None:
    """The units the lead says a working session was held with ("... làm việc với Đảng ủy xã An
    Khương nghe báo cáo ...": codes or names); None when it names bodies it cannot tell apart
    ("HĐND và UBND xã X"), [] when it names none. The session's partner is the only one.
    ``visit_only``: only a visit made at a place ("... đã kiểm tra đột xuất tại xã X")."""
    key = fold_aligned(lead)
    m = (_VISITS if visit_only else _WORKS_WITH).search(key)
    if m is None:
        return []
    # "... làm việc với UBND huyện Vân Hồ về kết quả thực hiện chỉ đạo của UBND tỉnh": the topic
    # after "về" names no partner
    # (with tones: "về", not "bảo vệ")
    stop = re.search(r"[.;]|\b(?:để|nhằm|về)\b", lower_aligned(lead)[m.end() :])
    end = m.end() + stop.start() if stop else len(key)
    names: list[str] = []
    if COLLECTIVE_SUBJECT.match(_LEADERS_OF.sub("", key[m.end() : end], count=1)):
        # partners named collectively ("làm việc với lãnh đạo các ngành chuyên môn"), also when a
        # place follows ("với các đồng chí Bí thư Chi bộ cụm A, B và thị trấn C")
        return None
    for mention in resolver.mentions(lead):
        if not m.end() <= mention.start < end or mention.affiliation:
            continue
        if mention.name is None:
            if mention.role == "internal" and _JOINED_AFTER.match(key, mention.end):
                return None  # "hoạt động của HĐND và UBND xã X": two bodies
            continue
        if mention.role not in ("unit", "board"):
            continue
        if GAVE_AFTER.match(key, mention.end):
            continue  # "kiểm tra tình hình thực hiện nhiệm vụ của UBND tỉnh giao ... tại huyện X"
        if _UNDER.search(key, m.end(), mention.start):
            # "làm việc với lãnh đạo các ngành chuyên môn trực thuộc UBND thị xã": the body
            # the session's partners belong to, not one partner
            continue
        if mention.head in ("dia phuong", "place name") and _several_places(
            lead, key, mention, resolver.mentions(lead)
        ):
            return None  # "làm việc với các phường Đông Vệ, Ngọc Trạo và Ba Đình": three
        value = mention.code or mention.name
        if mention.head == "dia phuong" and mention.code is None:
            # "làm việc với phường X", "khảo sát ... tại phường X": the place met, as written
            # (its tasks are the place's, not one of its bodies')
            value = _strip_plural(mention.text)
        if value not in names:
            names.append(value)
    return names


#: A plural or a number before a level ("các phường ...", "2 xã ..."), and a name after the first
#: of its list (", Ngọc Trạo", "và Ba Đình"); a name after "và" alone ("xã Tân Quang và Giáp Sơn").
#: A list after a plural level and a colon is the same ("kiểm tra … các xã: Lao Chải, Tả Van, …").
_PLURAL_LEVEL_BEFORE = re.compile(
    r"\b(?:cac|nhung|hai|ba|\d+)\s+"
    r"(?:(?:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|thon|xom|ap|to dan pho|khu pho)"
    r"\s*:\s*)?$"
)
_ANOTHER_NAME = re.compile(r"\s*(?:,|và)\s+(\w)")
_AND_NAME = re.compile(r"\s+và\s+(\w)")


def _several_places(lead: str, key: str, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether a place is the first of several its plural level lists ("các phường Đông Vệ,
    Ngọc Trạo và Ba Đình", "2 xã Tân Tiến và Lục Bình"), the names after the first written
    without their level; or the first of two places its level names once ("tại xã Tân Quang và
    Giáp Sơn": a name after "và" that no body or level opens)."""
    if _PLURAL_LEVEL_BEFORE.search(key, 0, mention.start):
        after = _ANOTHER_NAME.match(lead, mention.end)
        return after is not None and after.group(1).isupper()
    after = _AND_NAME.match(lead, mention.end)
    if after is None or not after.group(1).isupper():
        return False
    return not any(m.start == after.start(1) for m in mentions)


#: The people of a body a session is held with ("lãnh đạo các ngành"): the body is the partner.
_LEADERS_OF = re.compile(r"^\s*(?:lanh dao|dai dien|truong)\s+")

#: A body holding its own meeting ("... đã kiểm điểm đối với tập thể ...", "... sinh hoạt thường
#: kỳ"): its own review, which superiors attend.
_HOLDS_OWN = re.compile(r"\s*(?:(?:da|vua|to chuc)\s+)*(?:kiem diem|sinh hoat)\b")


#: A hearing and the body it questions ("tổ chức phiên chất vấn UBND xã về ...", "phiên giải
#: trình chất vấn giữa HĐND với UBND phường"): the body named right after.
_QUESTIONS = re.compile(r"\bchat van\s+(?:doi voi\s+)?|\bgiai trinh\b[^.;]{0,40}?\bvoi\s+")


def questioned_body(lead: str, resolver: UnitResolver) -> str | None:
    """The body a hearing the lead reports questions (a code or name), else None."""
    key = fold_aligned(lead)
    m = _QUESTIONS.search(key)
    if m is None:
        return None
    for mention in resolver.mentions(lead):
        if mention.start == m.end() and mention.name and not mention.affiliation:
            return mention.code or mention.name if mention.role in ("unit", "board") else None
    return None


def meeting_host(lead: str, resolver: UnitResolver) -> str | None:
    """The body whose own review the lead reports ("Ban Thường vụ Quận ủy X đã kiểm điểm ...":
    a code or name), the first unit it names; None when it reports no such meeting."""
    key = fold_aligned(lead)
    for mention in resolver.mentions(lead):
        if mention.affiliation or mention.name is None or mention.role not in ("unit", "board"):
            continue
        if _HOLDS_OWN.match(key, mention.end):
            return mention.code or mention.name
        return None
    return None


#: An act of oversight a lead or a headline reports, before the body it is about: a visit,
#: an inspection, a supervision, a survey, an audit, a review, a reprimand or a discipline
#: ("kiểm tra đột xuất tại UBND xã X", "giám sát UBND xã X", "thanh tra trách nhiệm của Chủ
#: tịch UBND quận 5", "phê bình, kiểm điểm Chủ tịch UBND TP X", "làm việc với Đảng ủy xã X");
#: not the noun a team, a plan, a work or a title is named by ("Đoàn kiểm tra …", "chương trình
#: kiểm tra …", "hoạt động giám sát", "Chánh Thanh tra …").
_ACT = (
    r"(?:kiem tra|giam sat|khao sat|thanh tra|kiem diem|phe binh|ky luat|khien trach|canh cao|"
    r"lam viec voi|lam viec tai|duyet noi dung)"
)
_OVERSEES = re.compile(
    r"(?<!\bdoan )(?<!\bto )(?<!\bban )(?<!\bdot )(?<!\bcuoc )(?<!\bke hoach )"
    r"(?<!\bchuong trinh )(?<!\bcong tac )(?<!\buy ban )(?<!\bquy che )(?<!\bhoat dong )"
    r"(?<!\bchanh )(?<!\bthu tuong )(?<!\bthanh tra )"
    r"\b" + _ACT + r"(?:(?:,| va) " + _ACT + r")*\b"
)
#: An act that names no body: a comma or "cho thấy" right after it ("Trước khi tiến hành giám
#: sát, Thường trực HĐND …", "Qua kiểm tra cho thấy …", "Kiểm tra đột xuất, lãnh đạo TP …"), or
#: its agent ("Hội nghị giám sát của Thường trực HĐND tỉnh về …").
_NAMES_NONE = re.compile(
    r"\s*(?:(?:cong vu|dot xuat|thuc te|chuyen de|truc tiep)\s*)*(?:,|cho thay\b|cua\b)"
)
#: Many bodies, none of them named ("giám sát … tại các xã", "Kiểm điểm 8 công an phường",
#: "làm việc với lãnh đạo các ngành"): the act is about no one body.
_MANY = re.compile(r"\s*(?:cac|nhung|mot so|\d+)\s+\w")
#: Many bodies named with one ("Sở X cùng lãnh đạo 11 địa phương", "UBND tỉnh và các sở"): the
#: act is about no one body.
_WITH_MANY = re.compile(r"\s*(?:,|va|cung)\s*(?:lanh dao\s+)?(?:cac|nhieu|mot so|\d+)\s+\w")
#: A plural a few words before a body ("tại các trường học xã Đồng Phúc"): many, of that body.
_MANY_BEFORE = re.compile(r"\b(?:cac|nhung|mot so)\s+(?:\w+\s+){0,2}$")
#: Where the body an act of oversight is about is named: after "tại", "đối với", "với" (and the
#: bodies listed with the first: "tại xã A và xã B").
_OVERSEEN_AT = re.compile(r"\b(?:tai|doi voi|voi)\s*$")
_LISTED_WITH = re.compile(r"^\s*(?:,|va)\s*$")
#: A place the act is made in, not the body it is about ("… của các trường học trên địa bàn
#: huyện X").
_WHERE_IN = re.compile(r"\bdia ban\b")
#: A body's place or its superior after it ("UBND xã Tân Triều (huyện Thanh Trì)", "xã Huổi
#: Lếch, huyện Mường Nhé", "Chi cục … (Sở Y tế)"): where it is, not another body overseen.
_LOCATED = re.compile(r"^\s*(?:,|\(|-)\s*$")
#: The head of a body right after the act: the body is what is overseen ("phê bình Chủ tịch
#: UBND X", "thanh tra trách nhiệm (của) Chủ tịch UBND quận 5"); not a head named further on,
#: the subject of another clause ("…, Chủ tịch UBND tỉnh yêu cầu …").
_HEAD_AFTER_ACT = re.compile(
    r"\s*(?:doi voi\s+|trach nhiem(?: cua)?\s+)?(?:(?:ong|ba|dong chi)\s+)?(?:pho )?"
    r"(?:chu tich|giam doc|thu truong|bi thu)\s*"
)


#: A team or a delegation that oversees, named again in brackets after the act ("Đoàn UBND huyện
#: kiểm tra … (Đoàn kiểm tra số 03) kiểm tra …"): not what is overseen (a team the session is held
#: with, "làm việc với Ban X và Đoàn kiểm tra của …", still is).
_TEAM = re.compile(r"(?:doan|to)\s+(?:kiem tra|giam sat|cong tac|khao sat|thanh tra)\b")


def overseen_bodies(text: str, resolver: UnitResolver) -> list[str]:
    """The bodies a lead or a headline names as what its act of oversight is about (codes or
    names, in order): those after "tại", "đối với" or "với" (and listed with them) when it names
    any there, else every body after the act, to the sentence's end or its purpose or topic
    ("để", "nhằm", "về"): "kiểm tra … tại UBND xã Tân Triều (huyện Thanh Trì)": UBND xã Tân
    Triều; "làm việc với xã Lương Hòa Lạc, huyện Chợ Gạo và xã Vĩnh Hựu, …": two. A body that
    gave the work inspected ("nhiệm vụ UBND tỉnh giao") and the place the act is made in ("trên
    địa bàn huyện X") are none of them; an act about many bodies it does not name ("các xã",
    "8 công an phường", "xã Tân Quang và Giáp Sơn") or about none gives []."""
    key = fold_aligned(text)
    found = _OVERSEES.search(key)
    if found is None or _NAMES_NONE.match(key, found.end()):
        return []
    # (and the plan or decision the act follows: "… theo Kế hoạch số 115/KH-UBND … của UBND
    # huyện" names who planned it, not what is overseen)
    stop = re.search(
        r"[.]|\b(?:để|nhằm|về)\b|\btheo (?:kế hoạch|quyết định|chương trình|công văn|thông báo)\b",
        lower_aligned(text)[found.end() :],
    )
    end = found.end() + stop.start() if stop else len(key)
    if _MANY.match(
        _LEADERS_OF.sub("", re.sub(r"^\s*(?:tai|doi voi|voi)\s+", "", key[found.end() : end]))
    ):
        return []
    mentions = resolver.mentions(text)
    at: list[str] = []
    named: list[str] = []
    before: Mention | None = None
    for mention in mentions:
        if not found.end() <= mention.start < end:
            continue
        if (
            mention.role == "collective"
            or _PLURAL_LEVEL_BEFORE.search(key, 0, mention.start)
            or _MANY_BEFORE.search(key, found.end(), mention.start)
        ):
            return []  # "Kiểm điểm 8 công an phường", "… và HĐND các Phường": many bodies
        if _WITH_MANY.match(key, mention.end):
            return []  # "phê bình lãnh đạo Sở X cùng lãnh đạo 11 địa phương": many bodies
        if _several_places(text, key, mention, mentions) or (
            (after := _AND_NAME.match(text, mention.end)) is not None
            and after.group(1).isupper()
            and not any(m.start == after.start(1) for m in mentions)
        ):
            return []  # "tại xã Tân Quang và Giáp Sơn": a second place named without its level
        located = before is not None and _LOCATED.match(key[before.end : mention.start])
        listed = before is not None and _LISTED_WITH.match(key[before.end : mention.start])
        before = mention
        if located or _WHERE_IN.search(key, found.end(), mention.start):
            continue
        if GAVE_AFTER.match(key, mention.end) or _UNDER.search(key, found.end(), mention.start):
            continue
        if mention.role not in ("unit", "board"):
            continue
        if _TEAM.match(key, mention.start) and key[: mention.start].rstrip().endswith("("):
            continue  # "(Đoàn kiểm tra số 03)": the team that oversees, named again
        value: str | None
        if mention.affiliation:
            # "phê bình Chủ tịch UBND TP Cà Mau": the body its head stands for, right after an
            # act (not only the first: "Thanh tra TP cho biết … kết luận thanh tra trách nhiệm
            # Chủ tịch UBND quận X", the inspectorate named first by its act's word)
            if not any(
                _HEAD_AFTER_ACT.fullmatch(key, act.end(), mention.start)
                for act in _OVERSEES.finditer(key, found.start(), mention.start)
            ):
                continue
            value = mention.code or mention.text[:1].upper() + mention.text[1:]
        else:
            value = mention.code or mention.name
        if value is None:
            continue
        if mention.head == "dia phuong" and mention.code is None:
            value = _strip_plural(mention.text)
        if value not in named:
            named.append(value)
        if (
            _OVERSEEN_AT.search(key, found.end(), mention.start) or (listed and at)
        ) and value not in at:
            at.append(value)
    return at or named
