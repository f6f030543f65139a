"""Word lists of the extractor: Vietnamese markers, written as search keys (no accents).

Everything here describes the language of meeting reports (how a chair is introduced, how a
limitation or a directive is announced, how units are named), not any particular article.
Keys are matched against :func:`dirtrack.extract.folding.fold_aligned` text, so ``Tỉnh ủy``,
``Tỉnh uỷ`` and ``tinh uy`` are the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def words(*alternatives: str) -> str:
    """A non-capturing, word-bounded alternation, longest alternatives first."""
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return r"\b(?:" + "|".join(ordered) + r")\b"


# --- persons ------------------------------------------------------------------------------

#: Common Vietnamese family names (keys). A run of title-case words starting with one of these
#: is read as a person's name.
SURNAMES = frozenset(
    """
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly phuong nghiem truong
    dinh lam mai luong dao trinh doan cao ha ta chu luu kieu to la trieu thai quach tu chau tang
    lai hua tong than khong lo lu giang mac vuong phung bach ong nong hau ton quan kim vi luc sam
    au diep dong dam dau be ma cam loc thach danh khuc tiet lieu man thieu ung yen tieu son
    """.split()
)

#: Family names of several words that open on a word no family name of its own, and common
#: (keys): "Công" is work ("công tác"), a ministry's ("Bộ Công Thương"), but "Công Tôn Nữ" and
#: "Công Huyền Tôn Nữ" are family names (of the Nguyễn's descendants), whose "Tôn" alone was
#: read as the family name ("Công Tôn Nữ Thị Ninh" lost its "Công").
COMPOUND_SURNAMES = (
    ("cong", "ton", "nu"),
    ("cong", "huyen", "ton", "nu"),
    ("cong", "tang", "ton", "nu"),
)

#: The provinces and centrally-run cities (keys, without their level; before and after the merger
#: of 2025, whose 34 kept the names of 34 of these). A name after "tỉnh" that opens on a family
#: name and is none of them is a person ("Chủ tịch UBND tỉnh Nguyễn Bốn"), where "tỉnh Hà Tĩnh",
#: "tỉnh Thái Bình", "tỉnh Lai Châu" are provinces.
PROVINCES = frozenset(
    name.strip()
    for name in """
    an giang|ba ria vung tau|ba ria - vung tau|bac giang|bac kan|bac can|bac lieu|bac ninh|ben tre|
    binh dinh|binh duong|binh phuoc|binh thuan|ca mau|can tho|cao bang|da nang|dak lak|dac lac|
    dak nong|dac nong|dien bien|dong nai|dong thap|gia lai|ha giang|ha nam|ha noi|ha tinh|
    hai duong|hai phong|hau giang|hoa binh|hung yen|khanh hoa|kien giang|kon tum|lai chau|
    lam dong|lang son|lao cai|long an|nam dinh|nghe an|ninh binh|ninh thuan|phu tho|phu yen|
    quang binh|quang nam|quang ngai|quang ninh|quang tri|soc trang|son la|tay ninh|thai binh|
    thai nguyen|thanh hoa|thua thien hue|thua thien - hue|hue|tien giang|ho chi minh|tra vinh|
    tuyen quang|vinh long|vinh phuc|yen bai
    """.split("|")
)


def person_not_province(keys: Sequence[str]) -> bool:
    """Whether two name words after "tỉnh" are a person's ("Nguyễn Bốn"): they open on a family
    name and no province is named so ("Hà Tĩnh", "Thái Bình" are provinces)."""
    return len(keys) == 2 and keys[0] in SURNAMES and " ".join(keys) not in PROVINCES


#: Words that open a position title (``Phó``, ``Bí thư``, ``Chủ tịch``, ``Ủy viên``...).
TITLE_HEADS = (
    "pho",
    "quyen",
    "uvt",
    "uvtw",
    "tuv",
    "thuong truc ban bi thu",
    "bi thu",
    "chu tich",
    "uy vien",
    "uv",
    "truong ban",
    "truong",
    "giam doc",
    "chanh van phong",
    "chanh an",
    "chanh thanh tra",
    "vien truong",
    "tong bi thu",
    "thu tuong",
    "bo truong",
    "thu truong",
    "pbt",
    "pct",
    "chu nhiem",
    "tong thu ky",
    "dai bieu quoc hoi",
    "ty uy vien",
    "tinh uy vien",
    "thanh uy vien",
    "thi uy vien",
    "huyen uy vien",
    "quan uy vien",
    "dang uy vien",
)
TITLE_HEAD_RE = re.compile(r"^" + words(*TITLE_HEADS))

#: Two-word terms that may appear, in lower case, inside a position title.
TITLE_BIGRAMS = frozenset(
    pair.replace("_", " ")
    for pair in """
    bi_thu chu_tich uy_vien giam_doc thuong_truc thuong_vu chap_hanh trung_uong nhan_dan thi_xa
    thanh_pho tinh_uy thi_uy huyen_uy thanh_uy quan_uy dang_uy truong_ban van_phong to_chuc
    tuyen_giao dan_van noi_chinh kiem_tra mat_tran to_quoc viet_nam quoc_hoi dai_bieu hoi_dong
    uy_ban chanh_an vien_truong kinh_te ngan_sach phap_che van_hoa xa_hoi dan_toc cong_an quan_su
    chi_huy thi_tran co_quan doanh_nghiep phu_trach chu_nhiem tong_thu thu_ky chinh_tri bo_chinh
    dang_doan truong_doan doan_dai pho_truong truong_phong uy_quyen bo_truong thu_truong
    trung_tam
    """.split()
)

#: Lower-case single words allowed inside a title (levels of government, ``kiêm``, ``và``).
TITLE_LOWER_WORDS = frozenset("tinh huyen xa phuong quan thi kiem va tran".split())

#: Words introducing a person (``đồng chí``, ``đ/c``, ``ông``, ``bà``).
PERSON_INTRO = re.compile(r"\b(?:dong chi|d/c|ong|ba)\s*$")

#: Rank of a title, to break ties between co-chairs (higher = more senior).
TITLE_RANK: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^(?:uy vien .*?, )?(?:tong bi thu|thu tuong)"), 9),
    (re.compile(r"^(?:(?:\w+ )*uy vien[^,]*, )?bi thu"), 6),
    (re.compile(r"^(?:(?:\w+ )*uy vien[^,]*, )?(?:pho bi thu|pbt)"), 5),
    (re.compile(r"^(?:(?:\w+ )*uy vien[^,]*, )?chu tich"), 4),
    (re.compile(r"^(?:(?:\w+ )*uy vien[^,]*, )?(?:pho chu tich|pct)"), 3),
    (re.compile(r"^(?:truong ban|giam doc|chanh van phong)"), 2),
)

# --- meeting ------------------------------------------------------------------------------

#: "6/5", "01-3", "6/5/2022", "6.5.22"; the slash before the year typed twice ("07/7//2014").
_DAY_MONTH = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*(?:[/.-]|//)\s*(\d{4}|\d{2})\b)?"
_LONG_DATE = r"(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?nam\s+(\d{4}))?"
_TIME_OF_DAY = r"(?:sang|chieu|toi|trua|dem|hom nay|hom qua)(?:\s+(?:nay|qua|hom nay|hom qua|mai))?"

#: "Sáng 6/5", "Chiều ngày 01-3", "Sáng nay 7/9", "vào chiều ngày 28/12", "(ngày 6/5/2022)".
MEETING_DAY = re.compile(
    rf"\b(?:{_TIME_OF_DAY}\s*,?\s*(?:\(?\s*ngay\s+)?|ngay\s+)\(?\s*(?:{_DAY_MONTH}|{_LONG_DATE})"
)
#: A meeting over a few days, read as its first day: "Ngày 15 và 16/3", "Trong 2 ngày 15-16/3",
#: "Từ ngày 15 đến 17/3/2021", "sáng 15 và chiều 16-3", "Trong 2 ngày (15-16/3)".
MEETING_SPAN = re.compile(
    rf"\b(?:(?:trong\s+(?:\d|hai|ba|bon)\s+)?(?:tu\s+)?ngay|{_TIME_OF_DAY})\s+\(?\s*(\d{{1,2}})\s*"
    rf"(?:va|den|-|–|,)\s*(?:(?:{_TIME_OF_DAY})\s+)?(?:ngay\s+)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})"
    rf"(?:\s*[/.-]\s*(\d{{4}}))?(?![\d/])"
)
#: Any day written in the text (``6/5``, ``06-05-2022``, ``ngày 6 tháng 5 năm 2022``).
ANY_DAY = re.compile(rf"(?<![\d/.-])(?:{_DAY_MONTH}|ngay\s+{_LONG_DATE})(?![\d/])")
#: A full date with its year.
FULL_DATE = re.compile(
    r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])"
    r"|\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})"
)
#: A citation of a document before a date (``Quyết định số 46-QĐ/ThU, ngày 28/9/2022``).
CITATION_BEFORE = re.compile(
    r"(?:\bso\s+[\w./-]+|/[a-z]{1,8}(?:-[a-z]{1,8})*|\b(?:quyet dinh|nghi quyet|chi thi|ket luan|"
    r"thong bao|cong van|ke hoach|van ban|ky|ban hanh))\s*,?\s*(?:ban hanh\s+)?(?:ngay\s*)?$"
)
#: A year the text names: "năm 2020", "tháng 3/2020", "quý I/2020", and the year of a Tết
#: written after its name without "năm" ("Tết Canh Tý 2020", "Tết Nguyên đán Quý Mão 2023").
YEAR_MENTION = re.compile(
    r"\b(?:nam|thang\s+\d{1,2}\s*[/-]|quy\s+[ivx1-4]+\s*[/-]|tet(?:\s+[a-z]+){1,4}?)\s*(\d{4})\b"
    r"(?!\s*-\s*\d{4})"
)

#: Words for the kind of meeting, checked in this order (see ``meeting.kind_of``).
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "review",
        re.compile(r"\b(?:tong ket|so ket|danh gia (?:ket qua )?(?:cong tac )?nam \d{4})\b"),
    ),
    # "họp thường kỳ", "phiên họp thường kỳ tháng 3", "cuộc họp UBND thường kỳ", "phiên họp
    # tháng 7" (a committee's monthly meeting): the regular meeting is a briefing
    ("briefing", re.compile(r"\b(?:giao ban|thuong ky|phien hop thang \d{1,2})\b")),
    (
        "working-session",
        re.compile(
            r"\b(?:buoi lam viec|lam viec voi|co buoi lam viec|lam viec tai|giam sat tai|"
            r"khao sat tai|kiem tra tai|(?:giam sat|kiem tra) (?:tinh hinh|viec|ket qua|thuc hien)|"
            # "đến giám sát hoạt động HĐND thị trấn X": the body whose work is supervised
            r"(?:giam sat|khao sat) hoat dong|"
            # "tổ chức (đoàn) giám sát đối với UBND huyện": a supervision of one body
            r"(?:to chuc|doan) giam sat doi voi|"
            r"buoi (?:kiem tra|giam sat)|"
            # a headline's "X làm việc huyện Giồng Trôm": with the body of that place
            r"lam viec (?=(?:huyen|xa|phuong|thi xa|thi tran|thanh pho|quan|tinh)\b))"
        ),
    ),
    ("conference", re.compile(r"\b(?:hoi nghi|hoi thao|phien hop|cuoc hop|ky hop|hop)\b")),
)
MEETING_NOUN = re.compile(
    r"\b(?:hoi nghi|buoi lam viec|giao ban|phien hop|cuoc hop|ky hop|hoi thao)\b"
)

#: Role of a person in a sentence, with the weight it adds to being the chair.
CHAIR_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:chu tri|dong chu tri)\b")
CHAIR_VERBS_AFTER: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^\s*(?:,|-)?\s*(?:da|vua)?\s*(?:co buoi )?lam viec\b"), 8),
    (re.compile(r"^\s*(?:,|-)?\s*(?:da|vua)?\s*(?:dan dau|kiem tra|tham va lam viec)\b"), 6),
    (re.compile(r"^\s*(?:,|-)?\s*(?:da)?\s*(?:phat bieu )?(?:ket luan|chi dao)\b"), 5),
    (re.compile(r"^\s*(?:,|-)?\s*(?:cung )?(?:da )?(?:yeu cau|de nghi|nhan manh|luu y|giao)\b"), 5),
    (
        re.compile(r"^\s*(?:,|-)?\s*(?:da )?(?:cho biet|giai trinh|bao cao|trinh bay|thong tin)\b"),
        -2,
    ),
    (re.compile(r"^\s*(?:,|-)?\s*(?:da)?\s*phat bieu\b(?! thao luan| y kien)"), 2),
    # "... Nguyễn Quốc Vương đã ký ban hành thông báo kết luận", "... Tạ Anh Tuấn vừa có văn bản
    # phê bình ...": who signs or sends a document is not the chair (a news item about a letter
    # has none), also after the title ("Ông X, Phó Chánh Thanh tra TP vừa ký ban hành …")
    (
        re.compile(
            r"^\s*(?:(?:,|-)?\s*(?:(?:da|vua) )?|[,-]?[^.;:]{0,60}?\s(?:da|vua) )"
            r"(?:ky|ky ban hanh|ban hanh|co (?:van ban|cong van|cong dien|quyet dinh|chi thi))\b"
        ),
        -6,
    ),
)
CHAIR_CUES_BEFORE: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:duoi )?su (?:chu tri|dieu hanh) cua\s*(?:dong chi|d/c|ong|ba)?\s*$"), 10),
    (
        re.compile(r"\b(?:do|la) (?:chi dao|y kien chi dao|ket luan|yeu cau|de nghi)(?: cua)?\s*$"),
        8,
    ),
    (re.compile(r"\bdo\s*$"), 4),
    (re.compile(r"\b(?:ket luan|chi dao|phat bieu ket luan|phat bieu chi dao) cua\s*$"), 5),
    (re.compile(r"\bphat bieu (?:chi dao|ket luan)\b[^.;]*$"), 4),
    (re.compile(r"\b(?:tham du|du) (?:co|hoi nghi co|buoi lam viec co)\s*$"), 3),
)
DISCUSSANT = re.compile(r"^[^.;]{0,60}?\bphat bieu (?:thao luan|y kien|tham luan)\b")

# --- items --------------------------------------------------------------------------------

#: Nouns that announce limitations ("còn một số hạn chế, khó khăn ... như:").
LIMIT_NOUN = re.compile(
    words(
        "han che",
        "ton tai",
        "khuyet diem",
        "yeu kem",
        "kho khan",
        "vuong mac",
        "bat cap",
        "thieu sot",
        "nhuoc diem",
        "hon che",
    )
)
#: ... unless they are the object of overcoming ("khắc phục những hạn chế").
LIMIT_NOUN_OVERCOME = re.compile(
    r"\b(?:khac phuc|thao go|giai quyet|vuot qua|chia se|nhin nhan|chi ro|chi ra|neu len|"
    r"kiem diem)\b[^.;:]{0,40}$"
)
#: A limitation noun that introduces its list in the same clause ("còn nhiều hạn chế do ...",
#: "một số khó khăn như ...", "những hạn chế trong công tác tuyển quân năm 2019 như ...": the
#: work they are found in may stand between the noun and "như").
LIMIT_INLINE_INTRO = re.compile(
    r"\b(?:han che|ton tai|khuyet diem|yeu kem|kho khan|vuong mac|bat cap|thieu sot)\b"
    r"(?:(?:[^,;:.]{0,25}?|[^,;:.]{0,25}?,\s*(?=do la\b)|[^,;:.]{0,50}?\s(?=do la\b)|"
    r"[^;:.]{0,40}?\bkhac phuc )"
    r"\b(?:do la|do|nhu|la|gom|o cho|the hien o)|\s+trong\s[^,;:.]{0,60}?\bnhu)\s*,?\s+"
)
#: The same, enumerating outright ("những hạn chế, yếu kém, đó là X; Y"): what follows is the
#: list, whatever comes before the noun.
LIMIT_INLINE_LIST = re.compile(r"\bdo la\s*,?\s+$")
#: The same after who states them ("chỉ ra một số hạn chế trong công tác tuyển quân năm 2019 như
#: X; Y", see :data:`LIMIT_NOUN_STATED`): "như" enumerates too.
LIMIT_STATED_LIST = re.compile(r"\b(?:do la|nhu)\s*,?\s+$")
#: Who states the shortcomings before their noun ("đã chỉ ra / xác định những hạn chế, đó
#: là ..."): an announcement, unlike "khắc phục những hạn chế".
LIMIT_NOUN_STATED = re.compile(
    r"\b(?:chi ra|chi ro|neu ra|neu len|nhin nhan|xac dinh)\b[^.;:]{0,40}$"
)
#: What an enumeration marker at the end of an announcing clause looks like ("như", "đó là").
ENUMERATION_END = re.compile(r"\b(?:nhu|do la|la|gom|sau|sau day|cu the|nhu sau)\s*$")
#: A directive quoted before its attribution: '"..." - đó là chỉ đạo của đồng chí ...'.
QUOTED_FRAME = re.compile(
    r"[\"”»']\s*[-–—,.]?\s*(?:do|day) la (?:y kien |noi dung |phat bieu )?"
    r"(?:chi dao|yeu cau|ket luan|de nghi)"
    # '"..." - Là một trong những nội dung quan trọng trong phát biểu kết luận của ...'
    r"|[\"”»]\s*[.]?\s*[-–—]\s*(?:do |day )?la\b[^\"“”.;]{0,80}?"
    r"\b(?:chi dao|yeu cau|ket luan|de nghi|phat bieu)\b"
    # '"...", Phó Chủ tịch UBND tỉnh nhấn mạnh.': the leader named after the quotation
    r"|[\"”»]\s*[,\-–—]\s*(?:[^\"“”.;:]{0,80}?\b)?(?:dong chi|d/c|ong|ba|bi thu|chu tich|giam doc|"
    r"truong ban|lanh dao|bo truong|thu truong|pbt|pct)\b[^\"“”.;:]{0,80}?"
    r"\b(?:nhan manh|yeu cau|chi dao|de nghi|luu y|ket luan|dan do|chi ro)\s*(?:[.!]|$)"
)
#: "Tuy nhiên" (folded), and as portals also publish it, misspelt by a letter ("Tuy nhên",
#: "Tuy nhin").
HOWEVER = r"tuy nh(?:ie|e|i)n"
#: The words (folded) that open a turn to what is wrong ("Tuy nhiên", "Song", "Bên cạnh đó"; "Tuy
#: vậy", "Dù vậy", "Mặc dù vậy", "Dẫu vậy": the same concession of what was said before).
CONTRAST_WORDS = (
    rf"{HOWEVER}|tuy vay|(?:mac )?du vay|dau vay|song|nhung|mat khac|ben canh do|canh do|"
    # "Bên cạnh những kết quả đạt được, ...", "Bên cạnh những chuyển biến tích cực, ...",
    # "Ngoài những kết quả tích cực đạt được, ...": the merits conceded before the shortcomings
    r"(?:ben canh|ngoai) (?:nhung|cac) (?:ket qua|mat|uu diem|thanh tich|thanh tuu|chuyen bien)"
    r"[^,]*"
)
#: A contrast that opens a criticism.
CONTRAST_OPEN = re.compile(rf"\s*(?:{CONTRAST_WORDS}|han che|ton tai)\b")
#: Negative evaluation: what a limitation says about the unit.
#: A duty not done, stated with "không" and the duty's verb ("UBND xã … không thực hiện công
#: khai", "cho thuê đất không bảo đảm về điều kiện", "huyện không kiểm tra thực địa", "không báo
#: cáo theo chỉ đạo", "vắng mặt không rõ lý do"), or an office found with no one at work ("không
#: có cán bộ, công chức giải quyết thủ tục", "không người làm việc"): negative words of an
#: inspection's findings (:data:`NEGATIVE`), read with their tones only, as the shortcomings are
#: (not by the directives' model, which reads the key alone).
DUTY_UNDONE = (
    "khong thuc hien",
    "khong bao dam",
    "khong kiem tra",
    "khong bao cao",
    "khong cong khai",
    "khong ro ly do",
    "khong co nguoi",
    "khong nguoi",
    "khong co can bo",
    "khong co cong chuc",
)
NEGATIVE = re.compile(
    words(
        "chua",
        "con thap",
        "con thieu",
        "cham tre",
        "han hep",
        "yeu kem",
        "con yeu",
        "bat cap",
        "con han che",
        "bi dong",
        "khong dap ung",
        "khong dat",
        "kho khan",
        "vuong mac",
        "sai sot",
        "vi pham",
        "con nang ve",
        "khong dam bao",
        "khong kip thoi",
        "khong nghiem",
        "lung tung",
        "ton dong",
        "qua han",
        "tre han",
        "no dong",
        "hieu qua thap",
        "con nhieu",
        "con ton tai",
        "con nhung ton tai",
        "con nhung han che",
        "con xay ra",
        "con xuat hien",
        "buong long",
        "hinh thuc",
        "tiem an",
        "xuong cap",
        # "đạt thấp", and with a word of degree between ("đạt khá thấp so với tiêu chuẩn", "đạt
        # rất thấp"): not the merit "đạt khá" (:data:`MERIT`)
        r"dat (?:(?:kha|rat|qua|tuong doi) )?thap",
        "con kem",
        "con phuc tap",
        # "dù TP đã chỉ đạo quyết liệt nhưng còn diễn biến phức tạp …", "tình hình dịch … đang
        # diễn biến phức tạp": still worsening
        r"(?:con|van|dang) dien bien phuc tap",
        # "công tác bảo đảm an ninh trật tự còn để diễn biến phức tạp", "còn để xảy ra tình trạng
        # …": what a body let happen (not "không để xảy ra …", a task)
        r"(?:con|van) de (?:dien bien phuc tap|xay ra)",
        "can khac phuc",
        "can tiep tuc khac phuc",
        "khong thuan loi",
        "gay ap luc",
        "van con dien ra",
        # "Tuy nhiên tại buổi giám sát vẫn còn một số hộ ...", "còn tình trạng ...": what is
        # still there is what should not be (not "vẫn còn hiệu lực": rare, and read in context)
        "van con",
        "con tinh trang",
        "con hien tuong",
        "con truong hop",
        "con mot so",
        "con mot bo phan",
        # an inspection's findings ("nội dung không đầy đủ", "quyết định ... không đúng thẩm
        # quyền", "báo cáo giải trình không trung thực", "vắng mặt không có lý do")
        "khong day du",
        "khong ro rang",
        "khong dung quy dinh",
        "khong dung quy trinh",
        "khong dung tham quyen",
        "khong dung nguyen tac",
        "khong chap hanh",
        "khong trung thuc",
        "khong co ly do",
        "khong co li do",
        *DUTY_UNDONE,
    )
)
#: A sentence that opens on where things stand and says what is not done ("Đến nay, chưa có xã
#: nào báo cáo ...", "Hiện nay, vẫn còn ..."): a shortcoming, not a task.
SO_FAR_NEGATIVE = re.compile(
    r"\W*(?:den nay|cho den nay|den thoi diem nay|hien nay|tinh den nay)\s*,?\s+"
    r"(?:van\s+)?(?:chua|con)\b"
)
#: A share of the work that is all that was done ("mới có 7,69% nội dung được giải quyết
#: xong", "chỉ mới đạt 45% kế hoạch", "mới chỉ đạt 40% chỉ tiêu", "chỉ đạt 23% kế hoạch", "chỉ
#: mới giải ngân 18,1%", "mới giải ngân 4.040 tỷ đồng, đạt gần 33% kế hoạch"): a judgement that
#: the rest is not. Its first word is read with its tone (``items``): "chi" is also to spend
#: ("tổng chi đạt 95% dự toán").
ONLY_SO_FAR = re.compile(
    r"\b(?:chi\s+)?(?:moi|chi)\s+(?:chi\s+)?(?:co|dat|duoc|hoan thanh|giai ngan|thu|"
    r"giai quyet(?:\s+(?:duoc|xong))?)\s+(?:duoc\s+)?(?:[^;:%]{0,30}?\bdat\s+)?"
    r"(?:(?:gan|hon|khoang|xap xi|tren)\s+)?\d{1,2}(?:[,.]\d+)?\s*%"
)
#: A sentence of the article's own narration, not a task: what it says something is ("Đây là
#: đợt sinh hoạt chính trị quan trọng ...", "Đây là nhiệm vụ khá khó khăn ..."), what would follow
#: ("Có như vậy mới ..."), a forecast ("Theo dự báo của ..."), what the report goes on to say
#: ("Qua đây, ...", "Cùng với ...") or what happened so far ("Trong thời gian qua, ...", "Tính
#: đến ngày 11-9, ..."). Matched on the key of the drafted text; no read gold directive opens so.
NARRATION_OPEN = re.compile(
    r"^\W*(?:day la|co nhu vay|theo du bao|qua day|cung voi|trong thoi gian qua|tinh den)\b"
)
#: What was done well, stated without a negative word ("... được triển khai đồng bộ", "được
#: thực hiện đầy đủ, kịp thời", "bảo vệ tốt ...", "đạt khá so với cùng kỳ", "tăng so với cùng
#: kỳ", "duy trì nền nếp ... theo đúng quy định"): a merit, no shortcoming. Matched on the key;
#: no read gold limitation without a negative word holds one.
MERIT = re.compile(
    r"\b(?:dong bo|chat che|kip thoi|dung quy dinh|nen nep|dat kha|tang so voi cung ky|"
    r"(?:bao ve|lam|thuc hien|trien khai) tot)\b"
)
#: A concession that opens a clause ("Mặc dù thời tiết không thuận lợi ...", "Dù ..."), not
#: "Mặc dù vậy, vẫn còn ..." nor "Tuy nhiên": what the sentence concedes, before the shortcoming
#: it states (or the merit it claims). Matched on the lower-case text with its tones ("dù" is not
#: "dự").
CONCESSION_OPEN = re.compile(r"^\W*(?:mặc dù|dù|tuy)\s+(?!vậy\b|thế\b|nhiên\b)")
#: A shortfall of staff, stated with a number ("chỉ được bố trí 4 biên chế").
SHORTFALL = re.compile(
    r"\b(?:chi (?:duoc )?(?:bo tri|co|giao)|thieu|chua du|con thieu)\s+(?:\d+\s+)?"
    r"(?:bien che|can bo|cong chuc|vien chuc|nhan luc|nhan su|nguoi|chuyen vien|lai xe)\b"
)

#: The families of words Vietnamese writes a shortcoming in, whatever the work it is found in,
#: matched on the lower-case text with its tones (``folding.lower_aligned``: "chậm" is not
#: "chăm", "thấp" not "thu thập", "giảm" not "giám sát", "ít" not "ít nhất"). The limitations'
#: model reads each family found in a clause as a feature of its own (``fam:…``), and whether it
#: holds two families or more that judge (``fams:2+``): a judgement worded as none of the read
#: articles word it ("giải ngân lại quá thấp", "doanh nghiệp trong tỉnh còn ít", "tội phạm … có
#: xu hướng tăng") then weighs as its family does, not as its rare words. A clause with none is
#: not marked so: a shortcoming in words no family holds is not held against it. ``plan`` and
#: ``rate`` only give the context (what is measured against what).
SHORTCOMING_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(words(*items)))
    for name, items in (
        # a noun that names shortcomings
        ("noun", ("hạn chế", "tồn tại", "yếu kém", "bất cập", "vướng mắc", "khó khăn",
                  "thiếu sót", "khuyết điểm", "nhược điểm", "sai sót")),
        # late, slow, left over
        ("slow", ("chậm", "chậm trễ", "trễ hạn", "quá hạn", "tồn đọng", "kéo dài", "dây dưa",
                  "ì ạch")),
        # not yet (not "chưa xảy ra", "chưa phát sinh": nothing has happened, no shortcoming)
        ("notyet", (r"chưa(?! (?:để )?(?:xảy ra|phát sinh))",)),
        # not (yet) done, met, in time, thorough
        ("unmet", (r"(?:chưa|không)(?: được)?(?: thật sự| thực sự| thật| thực| hoàn toàn)? "
                   r"(?:đạt|đáp ứng|bảo đảm|đảm bảo|hoàn thành|kịp thời|đầy đủ|đồng bộ|triệt để|"
                   r"quyết liệt|sâu sát|thường xuyên|chặt chẽ|nghiêm|hiệu quả|cao|đồng đều|rõ|"
                   r"tương xứng|phù hợp|sát|tốt|đúng|ổn định|bền vững|dứt điểm|cụ thể)",)),
        # low, few, narrow
        ("low", ("thấp", "ít(?! nhất)", "hạn hẹp", "nhỏ lẻ", "manh mún", "eo hẹp")),
        ("fall", ("giảm", "sụt giảm", "suy giảm", "sụt")),
        ("lack", ("thiếu", "chưa đủ", "không đủ", "thiếu hụt")),
        # still there, what should not be ("còn nhiều …", "vẫn còn …", "còn để xảy ra …")
        ("still", (r"(?:vẫn )?còn(?: rất| khá| tương đối| quá)? (?:nhiều|chậm|thấp|ít|yếu|hạn chế|"
                   r"thiếu|xảy ra|để xảy ra|tình trạng|hiện tượng|trường hợp|một số|một bộ phận|"
                   r"hình thức|lúng túng|khó khăn|vướng|tồn|phức tạp|cao|nặng|kém|bất cập|sai|"
                   r"vi phạm|chưa|tiềm ẩn|diễn ra|xuất hiện|có|không|dàn trải|bị động|chủ quan|"
                   r"lơ là|lãng phí|lỏng lẻo)", "vẫn còn", "vẫn chưa", "vẫn để")),
        # doing wrong
        ("wrong", ("vi phạm", "sai phạm", "sai quy định", "không đúng", "trái phép", "lấn chiếm",
                   "gian lận", "lãng phí", "thất thoát", "tham nhũng", "tiêu cực", "buông lỏng",
                   "né tránh", "đùn đẩy", "thiếu trách nhiệm", "chủ quan", "lơ là", "lợi dụng",
                   "sai")),
        # a weak manner
        ("weak", ("yếu", "kém", "lúng túng", "bị động", "thụ động", "hình thức", "rườm rà",
                  "chồng chéo", "dàn trải", "chung chung", "nửa vời", "qua loa", "lỏng lẻo")),
        # harm and risk
        ("harm", ("xuống cấp", "ô nhiễm", "hư hỏng", "ùn tắc", "sạt lở", "phức tạp", "tiềm ẩn",
                  "nguy cơ", "gia tăng", "tăng cao", "bức xúc", "khiếu kiện", "nợ đọng",
                  "thua lỗ", "ngập úng", "quá tải")),
        # let it happen
        ("let", ("để xảy ra", "để tồn đọng", "để kéo dài", "để phát sinh", "để mất",
                 r"(?<!chưa )(?<!không )xảy ra", r"(?<!chưa )(?<!không )phát sinh")),
        # a duty not done ("chưa triển khai …", "không kiểm tra thực địa …")
        ("undone", (r"(?:chưa|không)(?: được)? (?:thực hiện|triển khai|kiểm tra|công khai|"
                    r"báo cáo|thông qua|xây dựng|ban hành|giải quyết|xử lý|phát hiện|quan tâm|"
                    r"chú trọng|cập nhật|niêm yết|bố trí|chấp hành)",)),
        # unable to
        ("unable", (r"không (?:\w+ ){1,3}được", "không thể",
                    "khó (?:khăn )?(?:hoàn thành|thực hiện|thực thi|khắc phục)")),
        # absent, late for the public
        ("absent", ("vắng mặt", "bỏ họp", "trễ hẹn", "không có mặt", "không liên lạc được")),
        # worsening
        ("worse", ("nghiêm trọng", "tái diễn", "chênh lệch", "xu hướng tăng", "chùng xuống",
                   "tăng thấp", "giảm sút", "đi xuống", "ngày càng")),
        # what is measured against a plan
        ("plan", ("kế hoạch", "chỉ tiêu", "dự toán", "tiến độ", "cùng kỳ", "yêu cầu",
                  "mục tiêu")),
        ("rate", ("tỷ lệ", "tỉ lệ", "giải ngân", "thu ngân sách", "đạt")),
    )
)  # fmt: skip
#: The families that only give the context of a judgement, not the judgement.
CONTEXT_FAMILIES = frozenset(["plan", "rate"])
#: A field of work, an activity or a measure of one opening a clause ("công tác X", "việc Y",
#: "tỷ lệ Z", "tiến độ …", "chất lượng …", "giải ngân …"): the work a review weighs; not "kết
#: quả" of a check ("Kết quả khảo sát … cho thấy, …": a frame, what it found comes after).
#: Matched on the lower-case text with its tones.
WORK_SUBJECT = re.compile(
    r"(?:công tác|việc|tỷ lệ|tỉ lệ|tiến độ|chất lượng|hoạt động|nguồn thu|thu ngân sách|"
    r"giải ngân|kết quả(?! (?:khảo sát|kiểm tra|giám sát|thanh tra|rà soát|điều tra)))\b"
)
#: The families of :data:`SHORTCOMING_FAMILIES` in which a work is judged to fall short ("còn
#: chậm", "chưa đạt", "còn thấp", "còn hạn chế", "thiếu …"): with a :data:`WORK_SUBJECT` before
#: them, a rule's shortcoming, not only the model's words.
WORK_JUDGEMENTS = frozenset(["slow", "low", "unmet", "still", "lack"])
#: The families of :data:`SHORTCOMING_FAMILIES` in which an inspection's finding judges the body
#: inspected ("Kết quả kiểm tra cho thấy UBND xã X chưa công khai …", "… cho thuê đất không đúng
#: …", "… để xảy ra …"): a work falling short, a wrong done, a duty undone; not a noun that
#: only names shortcomings, a harm or a trend (what a frame's lead-in or a phenomenon holds).
FINDING_JUDGEMENTS = WORK_JUDGEMENTS | frozenset(["notyet", "wrong", "undone", "let", "absent"])

#: Modal verbs of obligation ("cần", "phải"; not "cần thiết"). Matched on the lower-case text
#: with its tones (``folding.lower_aligned``): the accent-free key would confuse "cần" with
#: "cán" (cán bộ) and "phải" with "phái". Not the places named with "Cần" (Cần Thơ, Cần Giờ,
#: Cần Đước, Cần Giuộc: "Chủ tịch UBND TP Cần Thơ yêu cầu ..." is a request, not an obligation).
#: Not "phải" after a verb of meeting with something ("gặp phải", "mắc phải", "vấp phải": "những
#: khó khăn mà ngành học đang gặp phải" states a difficulty met, no duty); nor a duty that the
#: clause goes on to say is not done ("39/70 trường hợp vi phạm … phải xử lý dứt điểm nhưng chưa
#: được xử lý": a shortcoming, no task); nor "phải" of a degree ("vi phạm … đến mức phải xem xét
#: kỷ luật", "sai phạm đến mức phải xử lý hình sự": how grave a fault is, no duty).
MODAL = re.compile(
    r"\b(?<!gặp )(?<!mắc )(?<!vấp )(?<!mức )(?:cần|phải)\b(?! thiết)(?! (?:thơ|giờ|đước|giuộc)\b)"
    r"(?![^.;,]{0,60}\bnhưng (?:vẫn |đến nay |hiện )?(?:chưa|không)\b)"
)
#: "để" (in order to) and "nên" (so), also matched with tones ("đề", "nền" are other words);
#: not "thì nên" (should), the task of a condition ("nếu … thì nên chấn chỉnh"), which keeps it.
PURPOSE = re.compile(r"\s*để\b")
BECAUSE = re.compile(r"(?<!\bthì )\bnên\b")
#: "chậm" (late) with its tone: not "chăm" (care for) or "chấm" (grade).
LATE = re.compile(r"\bchậm\b")
#: "thiếu" (lacking) with its tone: not "tối thiểu" (minimum), "thiểu số" (minority).
LACKING = re.compile(r"\bthiếu\b")
#: The speech verbs with their tones ("giao" assigns; "Tuyên giáo" is a board).
SPEECH_VERB_TONED = frozenset(
    ["đề nghị", "yêu cầu", "chỉ đạo", "giao cho", "giao", "lưu ý", "nhấn mạnh", "kết luận",
     "dặn dò", "quán triệt", "chỉ thị", "phân công", "giao trách nhiệm", "giao trách nhiệm cho",
     "mong muốn"]
)  # fmt: skip
#: The words after "Ban" that name a board ("Ban Văn hóa - Xã hội", "Ban cán sự Đảng"), not a
#: briefing ("giao ban").
_NAMED_BOARD = (
    r"(?:van hoa|can su|phap che|kinh te|dan toc|do thi|to chuc|tuyen giao|dan van|noi chinh|"
    r"quan ly|qlda|chi dao|chi huy)\b"
)
#: "giao" (assign) as a verb of its own: not the second half of "bàn giao" (hand over) or
#: "chuyển giao" (transfer) — "… để bàn giao mặt bằng cho chủ đầu tư" gives no task; "văn bản
#: giao Chủ tịch UBND huyện …" still assigns — nor "giao đất", "giao rừng" (allot land, forest:
#: "xét giao đất ở cho 62 trường hợp").
GIAO = r"(?:(?<=\bvan ban )|(?<!\bban ))(?<!\bchuyen )giao(?! (?:dat|rung)\b)"
#: Verbs a chair uses to give a directive, and that end the reporting frame before it.
SPEECH_VERB = re.compile(
    r"\b(?:de nghi|yeu cau|chi dao|giao cho|luu y|nhan manh|dan do|quan triet|"
    # "theo đúng tinh thần Chỉ thị 35 …", "Kết luận số 12 …": a document's name and number;
    # and an inspection's conclusion ("đã ký ban hành Kết luận thanh tra số 187/KL-TTr …",
    # "thông báo kết luận thanh tra trách nhiệm …", "Kết luận kiểm tra số 5 …")
    r"(?:ket luan|chi thi)(?! (?:so )?\d| thanh tra\b| (?:kiem tra|giam sat) so \d)|"
    r"phan cong(?= (?:cu the )?cho\b)|"
    # "đoàn kiểm tra mong muốn (trong thời gian tới,) Ban chấp hành Hội … lồng ghép …": a wish
    # that a body act is a request; not "mong muốn nhân dân …", "mong muốn góp phần …"
    r"mong muon(?=(?: trong thoi gian toi,?)? (?:dang uy|ban chap hanh|ban thuong vu|ubnd|"
    r"uy ban|hoi|chi bo|cap uy|chinh quyen|cac (?:cap|nganh|don vi|dia phuong|co quan))\b)|"
    # "Giao trách nhiệm Phòng Kinh tế ...": the unit comes after the noun
    r"giao trach nhiem(?: cho)?(?= [a-z])|"
    # "giao ban" is a briefing, but "giao Ban Văn hóa - Xã hội ..." assigns a board its task
    rf"{GIAO}(?! (?:ban(?! {_NAMED_BOARD})|luu|thong|duc|tiep|dich|nhan|hoa|thoa|ket|quyen|dien)\b"
    r"| \d)"
    # "nhiệm vụ UBND tỉnh giao trong năm 2017", "... giao, Sở thực hiện còn chậm": the tasks a
    # body was given, told after it (the time, the place or the clause's end follows)
    r"(?!\s*[,.;]|\s*$| (?:trong|tren|tai|thoi han|tu|den|nam|thang|va|con|da|dung|ve|o|"
    r"hang|chua|nen|nhung|ma|deu|duoc|cho den)\b))\b"
)
#: ... and nouns built on the same words ("đáp ứng yêu cầu", "lãnh đạo, chỉ đạo").
SPEECH_VERB_NOUN_BEFORE = re.compile(
    r"(?:\b(?:dap ung|dap|theo|cac|nhung|su|"
    # "công tác chỉ đạo" (the work of directing), not "đoàn/tổ công tác đề nghị" (a team asking)
    r"(?<!doan )(?<!to )cong tac|"
    r"lanh dao,?|lanh dao va|kien nghi,?|tai|"
    r"phat bieu|"
    r"do la|day la|y kien|loi|noi dung|cua|nhiem vu|nghi quyet|thuc hien|duoc|dieu hanh|"
    r"huong dan|de|thong bao|van ban|cong van|"
    # "… kịp thời báo cáo UBND tỉnh để xem xét, chỉ đạo": what the superior does with a report
    r"de xem xet,?|"
    # "chậm so với yêu cầu", "chưa đạt yêu cầu", "chưa bảo đảm yêu cầu": the requirement a
    # result is weighed against
    r"so voi|dat|bao dam|dam bao|"
    # "Công văn số ... về việc giao nhiệm vụ cho ...": the subject of a document
    r"ve viec|"
    # "hồ sơ đề nghị cấp giấy chứng nhận", "đơn đề nghị của bà X", "tờ trình đề nghị": a file
    # that applies for something, no one asked
    r"ho so|don|to trinh|"
    # "104 vụ việc yêu cầu thực hiện": counted matters that call for the work, no one asked
    r"\d+ (?:vu viec|van de|truong hop)|"
    # a task whose verb is "chỉ đạo" ("UBND xã tập trung chỉ đạo quyết liệt ...")
    r"tap trung|tang cuong|quan tam|truc tiep|kip thoi|thuong xuyen|sat sao|"
    # "lãnh chỉ đạo" (lãnh đạo, chỉ đạo): the work of leading
    r"lanh)\s*$|"
    # "nhiệm vụ, kết luận, chỉ đạo của UBND tỉnh": nouns listed; "mục đích, yêu cầu" (of a
    # plan, a session: the heading every plan opens on); not a leader's "có ý kiến chỉ đạo,
    # giao UBND huyện X …", whose instruction the verb after the comma gives
    r"\b(?:nhiem vu|ket luan|(?<!\bco y kien )chi dao|y kien|de nghi|muc dich)\s*,\s*$|"
    r"\bmuc dich va\s*$)"
)
#: "Ban Chỉ đạo", "đoàn 95 chỉ đạo", "Trưởng đoàn chỉ đạo": a steering body's name, not the
#: verb (read before "chỉ đạo" only: "Đoàn đề nghị ..." is a supervision team asking); not the
#: "bản" of "văn bản chỉ đạo", which folds to the same letters (a document that directs).
STEERING_BODY_BEFORE = re.compile(r"(?<!\bvan )\b(?:ban|doan|to)(?:\s+\d{1,3})?\s*$")
#: "Yêu cầu đặt ra là ...", "nhiệm vụ đặt ra": the requirement set, a noun with "đặt ra" (set)
#: as its verb; no one is asked. "nhấn mạnh tầm quan trọng, ý nghĩa của ...": a view stressed,
#: no task.
SPEECH_VERB_NOUN_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:dieu hanh|cua|tai|ve viec|nhu sau\b(?!:)|dat ra\b|"
    r"(?:den |ve )?(?:tam quan trong|y nghia)\b)"
)
#: A leader as the subject of speech ("đồng chí", "Phó Chủ tịch", "Bí thư Tỉnh ủy").
LEADER_REF = re.compile(
    r"\b(?:dong chi|d/c|ong|bi thu|pho bi thu|chu tich|pho chu tich|truong ban|pho truong ban|"
    r"thu tuong|pho thu tuong|bo truong|chanh van phong|chanh thanh tra|chanh an|vien truong|"
    r"giam doc|pbt|pct|lanh dao (?:tinh|tinh uy|ubnd|uy ban|hdnd|hoi dong nhan dan|huyen|"
    r"huyen uy|xa|phuong|thanh pho|thi xa|dang uy|thanh uy|quan))\b"
)
#: "bà" (Mrs) before a leader's name, read with its tone (folded it is also "ba", three);
#: not "bà con" (the people).
MADAM = re.compile(r"\bbà\b(?!\s+con\b)")


def leader_named(key: str, low: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a leader is named in ``key[start:end]`` (``low``: the same text, tones kept)."""
    stop = len(key) if end is None else end
    return bool(LEADER_REF.search(key, start, stop) or MADAM.search(low, start, stop))


#: A province's, district's or city's committee that "đề nghị" / "chỉ đạo" the bodies under it
#: ("UBND tỉnh Phú Yên đề nghị các sở, ban, ngành, địa phương rà soát ..."): it orders, where a
#: unit below proposes to the one above it and "đã chỉ đạo" reports; so does the place itself
#: named by its level at a clause's start ("Từ đó, thành phố chỉ đạo các xã, phường ..."), and
#: the news of such an order just given ("UBND TX Sông Cầu vừa chỉ đạo các cơ quan, ban ngành
#: ..."), "yêu cầu" too ("UBND huyện X vừa yêu cầu phòng, ban chuyên môn và UBND các xã …"), and
#: the People's Committees of all the places below asked ("huyện X vừa yêu cầu UBND các xã, thị
#: trấn …"); not a committee that is itself asked ("Sở X đề nghị UBND tỉnh chỉ đạo UBND các huyện
#: …": a proposal from below). So does a commune's committee, party committee or steering board
#: that asks all its villages or residential groups, however their bodies are named ("BCĐ xây
#: dựng nông thôn mới xã đề nghị Ban phát triển xây dựng nông thôn mới các thôn …", "UBND xã đề
#: nghị các thôn …"): nothing stands below a village to propose to. The news of a request a
#: province's, district's or city's committee has just made ("vừa yêu cầu", "vừa chỉ đạo") is its
#: order whoever it asks, one body or several ("UBND TP Hà Nội vừa yêu cầu sở, ngành liên quan và
#: UBND huyện X thực hiện …"), but the province's committee, the Government or a ministry asked
#: above it. The match ends at the verb.
SUPERIOR_ORDERS = re.compile(
    r"(?<!van phong )(?<!cua )(?<!duoc )(?<!de nghi )(?<!kien nghi )\b(?:ubnd|uy ban nhan dan) "
    r"(?:tinh|huyen|thanh pho|thi xa|quan|tp|tx)\b(?:(?!\b(?:da|duoc|co|van ban)\b)[^,;.:]){0,25}?"
    r"\bvua (?:yeu cau|chi dao)\b"
    r"(?!\s+(?:(?:chu tich\s+)?(?:ubnd|uy ban nhan dan) tinh|thu tuong|chinh phu|bo)\b)|"
    r"(?:(?<!van phong )(?<!cua )(?<!duoc )(?<!de nghi )(?<!kien nghi )\b(?:ubnd|uy ban nhan dan) "
    r"(?:tinh|huyen|thanh pho|thi xa|quan|tp|tx)|"
    r"(?:^|(?<=, ))(?:tinh|huyen|thanh pho|thi xa|quan))"
    r"\b(?:(?!\b(?:da|duoc|co|van ban)\b)[^,;.:]){0,25}?\b(?:de nghi|chi dao|yeu cau)\b"
    r"(?=\s+(?:(?:(?:ubnd|uy ban nhan dan)\s+)?(?:cac|toan the)\s+"
    r"(?:so|ban|nganh|dia phuong|don vi|huyen|xa|phuong|phong|co quan)"
    r"|phong,? ban)\b)"
    r"|(?:(?<!cua )(?<!duoc )(?<!de nghi )(?<!kien nghi )\b(?:ubnd|uy ban nhan dan|dang uy|"
    r"ban chi dao|bcd)\b|(?:^|(?<=, ))(?:xa|phuong|thi tran)\b)"
    r"(?:(?!\b(?:da|duoc|co|van ban|tiep tuc|can|phai)\b)[^,;.:]){0,60}?"
    r"\b(?:de nghi|chi dao|yeu cau)\b"
    r"(?=\s+(?:[^\W\d]+\s+){0,8}?cac\s+(?:thon|xom|to dan pho|khu pho|khoi pho|ap|buon)\b)"
)
#: A leadership body giving a directive ("Thường trực HĐND huyện đề nghị ..."), unless it is the
#: agent of a passive or a possessive ("được Thường trực ... chỉ đạo", "sự chỉ đạo của ...").
LEADER_BODY_SPEAKS = re.compile(
    # the team named again by its bare noun at a clause's start ("Với những hạn chế được chỉ ra,
    # Đoàn yêu cầu các địa phương ...")
    # a team ("đoàn" or "tổ": "Tổ kiểm tra công vụ huyện đề nghị …") and the body it is of, whose
    # name may hold a comma ("đoàn khảo sát của Ban Văn hóa - Xã hội, HĐND tỉnh đề nghị ...") or
    # a level abbreviated with its full stop ("Đoàn kiểm tra số 1 TP. Hà Nội yêu cầu …")
    r"\b(?:thuong truc|ban thuong vu|(?:doan|to) (?:giam sat|kiem tra|cong tac|khao sat)"
    r"(?: cua [^;.:]{0,50}?)?|"
    r"(?:^|(?<=, ))doan(?= (?:yeu cau|de nghi)\b))\b(?:[^,;.:]|(?<=\btp)\.|(?<=\btx)\.){0,40}?"
    r"\b(?:de nghi|yeu cau|ket luan|giao|luu y|nhan manh|mong muon)\b"
    # a committee above the units, or the meeting itself, orders ("UBND tỉnh yêu cầu ...",
    # "Hội nghị yêu cầu ..."); not "đề nghị" (also how units below make proposals), not
    # "chỉ đạo" (mostly "sự chỉ đạo", what was done), not in the past ("đã", "được")
    r"|(?<!van phong )(?<!cua )(?<!duoc )\b(?:(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) "
    r"(?:tinh|huyen|thanh pho|thi xa|quan|tp|tx|xa|phuong|thi tran)|"
    # a party committee of a province, a city, a town, a rural or an urban district ("Quận ủy
    # quận X yêu cầu …"; not "cơ quan Ủy ban"), or of a commune, a ward or a township ("Đảng ủy
    # xã yêu cầu các chi bộ …", as "UBND xã yêu cầu …")
    r"(?:tinh|huyen|thanh|thi|(?<!co )quan) uy|dang uy (?:xa|phuong|thi tran)|"
    r"hoi nghi|cuoc hop|"
    r"phien hop|ban chi dao|bo chinh tri|ban bi thu|chinh phu|"
    # a party inspection committee, over the bodies it inspected ("UBKT Trung ương yêu cầu Ban
    # Thường vụ Tỉnh ủy X kiểm điểm ...")
    r"uy ban kiem tra|ubkt|"
    # a party board ("Ban Dân vận Thành ủy yêu cầu ...", "Ngoài ra, ban yêu cầu ...")
    r"ban (?:to chuc|tuyen giao|dan van|noi chinh|kinh te|tuyen giao va dan van)|"
    r"(?:^|, )ban(?= (?:yeu cau|de nghi)))\b"
    r"(?:(?!\b(?:da|duoc|vua)\b)[^,;.:]){0,25}?\b(?:yeu cau|"
    # "giao Ban Quản lý dự án …" assigns a board its task, "giao ban" is a briefing
    rf"{GIAO}(?! ban(?! {_NAMED_BOARD})| \d)|luu y|nhan manh)\b"
    # a steering board written with its programme's name ("Ban Chỉ đạo Chương trình mục tiêu
    # quốc gia xây dựng nông thôn mới tỉnh yêu cầu ...")
    r"|\bban chi dao (?:chuong trinh|ctmtqg|cac chuong trinh|xay dung|phong,? chong)"
    r"(?:(?!\b(?:da|duoc|vua)\b)[^,;.:]){0,80}?\b(?:yeu cau|"
    rf"{GIAO}(?! ban(?! {_NAMED_BOARD})| \d)|luu y|nhan manh)\b"
    r"|" + SUPERIOR_ORDERS.pattern
)
PASSIVE_BEFORE = re.compile(r"\b(?:duoc|cua|su|cho|bi)\b[^.;:,]{0,30}$")
SPEECH_FRAME = re.compile(
    rf"\b(?:phat bieu|de nghi|yeu cau|chi dao|nhan manh|luu y|ket luan|{GIAO}|chi ro|chi ra|"
    r"phan cong|(?:dat ra|de ra) (?:cac |nhung |mot so )?(?:nhiem vu|giai phap)|"
    r"danh gia|bieu duong|ghi nhan|quan triet|dan do|goi y)\b"
)
#: A period named by its length, fronted before the task ("6 tháng cuối năm, huyện X tập trung
#: ...", "Nhiệm vụ 3 tháng cuối năm, ...", "Những tháng còn lại, ..."): when it is still to come
#: at the meeting (``items``), what follows is the plan, and the period dates it. ``months``:
#: how many months ("còn lại": none given).
FUTURE_PERIOD_OPEN = re.compile(
    r"\W*(?:(?:nhiem vu|phuong huong)(?: trong tam)?,? )?(?:trong )?"
    r"(?:(?P<months>0?\d|ba|sau|chin) thang cuoi nam|(?:nhung|cac) thang con lai(?: cua nam)?)"
    r"(?:\s*(?:nam\s+)?\d{4})?\s*,\s*"
)
#: Any period fronted before a clause's subject, closed by a comma ("Trong tháng 6, các phòng
#: ...", "Trong năm 2024, huyện ...", "6 tháng cuối năm 2016, MTTQ ...", "Thời gian tới, ..."):
#: the frame of the task, which its text leaves out (the period may still date it).
PERIOD_FRAME_OPEN = re.compile(
    r"\W*(?:trong )?(?:(?:nhung|cac) )?(?:(?:0?\d|hai|ba|sau|chin) )?"
    r"(?:thoi gian toi|(?:thang|quy|nam|tuan)(?: cuoi nam| dau nam| con lai(?: cua nam)?| toi)?)"
    r"(?:\s*(?:nam\s+)?[\divxl/]+)?\s*,\s*"
)
#: Openings that put the rest of a paragraph in the future ("Thời gian tới, ...").
FUTURE_OPEN = re.compile(
    r"^\s*(?:(?:trong )?thoi gian toi|(?:trong )?nhung thang cuoi nam|nhiem vu (?:trong tam )?"
    r"(?:thoi gian|nhung thang|nam) toi|phuong huong,? nhiem vu)\b"
)
#: Headings of a conclusion document.
HEADING_DIRECTIVE = re.compile(
    r"\b(?:nhiem vu|giai phap|phuong huong|kien nghi|de nghi|de xuat|chi dao|ket luan|"
    r"thoi gian toi|yeu cau|giao)\b"
)
HEADING_LIMIT = re.compile(r"\b(?:han che|ton tai|khuyet diem|kho khan|yeu kem|vuong mac)\b")
#: A report or praise, not a directive ("đã biểu dương", "ghi nhận", "đánh giá cao").
PRAISE = re.compile(
    r"\b(?:bieu duong|ghi nhan|danh gia cao|khen ngoi|chuc mung|cam on|tri an|hoan nghenh)\b"
)

#: Verbs that open an imperative clause ("Nâng cao...", "Phối hợp...", "Cũng cố...").
IMPERATIVE_VERBS = (
    "nang cao",
    "tang cuong",
    "tiep tuc",
    "day manh",
    "chu trong",
    "chu dong",
    "phoi hop",
    "tap trung",
    "thuc hien",
    "trien khai",
    "xay dung",
    "kien toan",
    "ra soat",
    "doi moi",
    "cung co",
    "quan tam",
    "khan truong",
    "nghien cuu",
    "tham muu",
    "hoan thanh",
    "hoan thien",
    "don doc",
    "kiem tra",
    "huong dan",
    "sap xep",
    "bo sung",
    "to chuc",
    "dam bao",
    "bao dam",
    "phat huy",
    "khac phuc",
    "quan triet",
    "lam tot",
    "giai quyet",
    "xu ly",
    "thuong xuyen",
    "som",
    # urging adverbs opening a task as "khẩn trương" and "sớm" do ("gấp rút phân bổ giáo viên
    # còn thiếu", "nhanh chóng hoàn thiện các tiêu chí chưa đạt")
    "gap rut",
    "nhanh chong",
    "uu tien",
    "chan chinh",
    "nam chac",
    "nam bat",
    "phan cong",
    "soat xet",
    "can nhac",
    "dieu chinh",
    "ban hanh",
    "tich cuc",
    "duy tri",
    "bam sat",
    "ung dung",
    "cai thien",
    "nghiem tuc",
    "tuyen truyen",
    "van dong",
    "huy dong",
    "chuan bi",
    "bao cao",
    "xem xet",
    "theo doi",
    "giam sat",
    "thu thap",
    "cap nhat",
    "phan dau",
    "quyet liet",
    "giu vung",
    "mo rong",
    "tong hop",
    "chi dao",
    "lanh dao",
    "nang cao hon nua",
    "chu y",
    "tiep thu",
    "day nhanh",
    "san sang",
    "khong de",
    "thanh lap",
    "rut kinh nghiem",
    "hoan chinh",
    "thao go",
    "ho tro",
    "cham lo",
    "siet chat",
    "lam ro",
    "di sau",
    "tuan thu",
    "neu cao",
    "giai thich",
    "giai trinh",
    # "có (các) giải pháp / kế hoạch / biện pháp / phương án ...": what the chair asks to have
    "co giai phap",
    "co cac giai phap",
    "co ke hoach",
    "co bien phap",
    "co cac bien phap",
    "co phuong an",
    "co cac phuong an",
    "co co che",
    "co lo trinh",
    "co danh gia",
)
IMPERATIVE = re.compile(r"^\s*" + words(*IMPERATIVE_VERBS))
#: A topic frame before the task ("Về công tác X, tiếp tục ...", "Đối với dự án Y, khẩn trương
#: ...", "Trong công tác Đảng tiếp tục duy trì ..."): the task starts at its verb.
TOPIC_OPEN = re.compile(
    r"^\W*(?:ve|doi voi|rieng|rieng doi voi|trong|tren)\s+(?:cong tac|linh vuc|viec|van de|"
    r"nhiem vu|du an|chuong trinh|thang|quy|nam|thoi gian|giai doan|dot)\b"
)
#: Verbs that follow a unit named as the subject of a task ("Ban Tổ chức tham mưu...").
ACTION_AFTER_UNIT = re.compile(
    r"^\s*(?:(?:khan truong|som|tiep tuc|chu dong|kip thoi|nghiem tuc|co trach nhiem)\s+)*"
    + words(
        "tham muu",
        "chu tri",
        "phoi hop",
        "ra soat",
        "xay dung",
        "hoan thanh",
        "trien khai",
        "to chuc",
        "thuc hien",
        "bo sung",
        "huong dan",
        "theo doi",
        "bao cao",
        "de xuat",
        "trinh",
        "kiem tra",
        "nghien cuu",
        "cap nhat",
        "chiu trach nhiem",
        "tang cuong",
        "nang cao",
        "tap trung",
        "dieu chinh",
        "sap xep",
        "cung co",
        "giam sat",
        "tham tra",
        "don doc",
        "xu ly",
        "giai quyet",
        "lam viec",
        "chuan bi",
        "tiep thu",
        "hoan thien",
        "khan truong",
        "quan tam",
        "chu trong",
        "phan dau",
        "day manh",
        "doi moi",
        "lanh dao",
        "chi dao",
        "tang cuong",
        "day nhanh",
        "ra soat",
        "xay dung",
        "thuc hien",
        "thanh lap",
        "hoan chinh",
        "lap",
        "ban hanh",
        "quan ly",
        "phat huy",
        "huy dong",
        "bam sat",
        "rut kinh nghiem",
        "tuan thu",
        "thong nhat",
        "tham gia",
        "thao go",
        "ho tro",
        "dam bao",
        "bao dam",
        "van dong",
        "tuyen truyen",
        "cham lo",
        "kiem soat",
    )
)
#: An enumeration that continues a collective subject ("UBND các huyện, thị xã, thành phố").
ENUM_TAIL = re.compile(
    r"(?:\s*(?:,|va)\s*(?:cac\s+)?(?:thi xa|thanh pho|tp|huyen|quan|xa|phuong|thi tran|so|ban|"
    r"nganh|doan the|dia phuong|don vi|co quan|ban nganh|doan the)\b)*"
)
#: The words that number an entry of a list written out ("Một là, …", "Hai là, …", "Thứ nhất,
#: …", "Thứ ba, …"), as ``fold_words`` gives them: a list marker as a dash or "1." is. From the
#: sixth ("sáu là", "thứ tư") only before a comma or a colon: folded, "sau la", "thu tu" are
#: other words too ("sau là", "thứ tự").
ORDINAL_ENTRY = (
    r"(?:(?:mot|hai|ba|bon|nam) la|thu (?:nhat|hai|ba)|"
    r"(?:(?:sau|bay|tam|chin|muoi) la|thu (?:tu|nam|sau|bay|tam|chin|muoi))(?=\s*[,:]))"
)
#: A clause opening on an entry's ordinal ("Một là, rà soát …", "Thứ ba, chỉ đạo …"): what the
#: clause model reads as a list marker (``enum``), not as words of the frame.
ORDINAL_OPENS = re.compile(rf"\s*(?:{ORDINAL_ENTRY})\b\s*[,:]?")
#: Connectives stripped from the start of an item.
LEADING_CONNECTIVE = re.compile(
    rf"^\s*(?:(?:dong thoi|ngoai ra|(?:ben )?canh do|qua do|trong do|{HOWEVER}|tuy vay|"
    r"(?:mac )?du vay|dau vay|theo do|"
    r"vi vay|do do|cung voi do(?: la)?|mat khac|(?:trong )?thoi gian toi|truoc mat|"
    rf"tiep theo|sau cung|cuoi cung|nhat la|dac biet|{ORDINAL_ENTRY}|"
    r"lam sao(?: de| cho)?|luon|tham chi)\b"
    r"\s*[,:]?\s*)+"
)
LIST_MARKER = re.compile(r"^\s*(?:[-+•*–—]+|[a-zđ]\)|\d{1,2}[.)]|[ivx]{1,4}[.)])\s*")
#: The bodies a collective or plural subject counts ("các đơn vị", "nhiều địa phương").
_COLLECTIVE_NOUNS = (
    r"(?:don vi|co quan|dia phuong|so|ban|nganh|cap|huyen|xa|phuong|to chuc|dang bo|chi bo|"
    r"doan the|van phong|dia ban|cap uy|chi uy|dang uy|ubnd|can bo|bo phan|phong|cong chuc|ca nhan|"
    r"uy ban|ban,|so,|ban nganh|co so|tap the|lan|dong chi)"
)
#: Subjects that name every unit rather than one ("các đơn vị", "các địa phương").
COLLECTIVE_SUBJECT = re.compile(
    # "(cả) hệ thống chính trị (quận X)": every body of it
    r"^\s*(?:ca |toan )?he thong chinh tri\b|"
    # the local authorities and forces in general ("cấp ủy, chính quyền địa phương và các lực
    # lượng chức năng …", "chính quyền các cấp", "lực lượng chức năng sẵn sàng …")
    r"^\s*(?:cap uy\s*(?:,|va)\s*)?chinh quyen (?:dia phuong|cac cap|co so)\b|"
    r"^\s*(?:cac )?luc luong chuc nang\b|"
    r"^\s*(?:(?:cac|moi|toan the|tat ca(?: cac)?|mot so|nhung|tung|hai|ba|bon|nam|\d+)\s+)"
    + _COLLECTIVE_NOUNS
)
#: A subject of many bodies ("nhiều địa phương còn tồn đọng hồ sơ tại …"): a shortcoming of it is
#: no one body's, whatever it names after it, as one of a collective subject is (the limitation's
#: unit only: the models' "collective" feature reads :data:`COLLECTIVE_SUBJECT` alone).
#: So is a share of bodies or teams counted ("(Trong đó) có 10/18 đoàn thanh tra không …"): some of
#: many, no one body, whoever the article is about.
MANY_SUBJECT = re.compile(
    r"^\s*(?:nhieu|(?:co\s+)?(?:den\s+)?\d+\s*/\s*\d+)\s+(?:" + _COLLECTIVE_NOUNS + r"|doan|to)\b"
)
#: A subject of people counted by a share ("một số hộ dân chưa chấp hành …", "một bộ phận nhỏ
#: tiểu thương và người dân …", "Còn nhiều tiểu thương …"), after a place or an opening that says
#: they are there ("tại chợ X có một số hộ mua bán …", "tại buổi giám sát vẫn còn một số hộ …",
#: "xảy ra tình trạng nhiều người dân …"): what they do is no body's shortcoming (the limitation's
#: unit only; read on the toned text, so that "hộ" is no "hồ sơ", "hồ chứa").
PEOPLE_SUBJECT = re.compile(
    r"(?:^|[,:])\s*(?:(?:và|nhưng|song)\s+)?(?:(?:tại|ở|trên địa bàn)\s[^,;:]{0,60}?\s)?"
    r"(?:(?:vẫn|còn|có|xảy ra|tình trạng|hiện nay|hiện)\s+)*"
    r"(?:một số|nhiều|một bộ phận(?: nhỏ)?|không ít)\s+"
    r"(?:hộ|người dân|tiểu thương|công dân|doanh nghiệp|người lao động)\b"
)

#: A shortcoming placed at many bodies ("việc chấp hành sự chỉ đạo … của UBND tỉnh tại một số
#: cơ quan, đơn vị, địa phương chưa nghiêm", "… ở một số nơi còn hình thức"): theirs, no one
#: body's, whatever body it names before the place (the limitation's unit only).
AT_MANY = re.compile(r"\b(?:tai|o)\s+(?:mot so|nhieu|cac)\s+(?:noi|" + _COLLECTIVE_NOUNS + r")\b")


#: A sentence listing who attended or went along ("Tham dự Hội nghị có ...", "Cùng dự có ...",
#: "Dự buổi làm việc có ...", "Cùng đi có đồng chí X, …; lãnh đạo Văn phòng UBND huyện"; not "Dự
#: và chủ trì", "Dự và chỉ đạo"): the people it names attended, chaired only when it says so,
#: and are given no task.
ATTENDING = re.compile(
    r"\W*(?:(?:cung )?(?:tham du|du)|cung di|di cung)\b"
    r"(?:(?!chu tri|chi dao|dieu hanh)[^.;:]){0,60}?\bco\b"
)
#: Which units work together with the lead unit.
WITH_CUE = re.compile(r"\b(?:phoi hop (?:chat che )?voi|cung voi|va cac don vi lien quan)\b")
#: A unit the task reports or submits to ("báo cáo UBND tỉnh trước ngày ...", "tham mưu UBND
#: tỉnh giải quyết", "trình HĐND huyện"), written before it: whom the result goes to, no partner.
RECIPIENT_BEFORE = re.compile(
    r"\b(?:bao cao|trinh|tham muu|gui|de xuat)(?: (?:cho|len|ve|voi|ket qua))?\s*$"
)
#: A second assignment inside the same clause ("... gói thầu số 7… giao cho Sở X chủ trì ..."):
#: the units after it are that task's, not partners of the one before.
NEXT_ASSIGNMENT = re.compile(r"\bgiao(?: cho)?\s+(?=\S)")

#: Categories of limitations: the earliest cue in the clause wins; ties by this order.
CATEGORY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "budget",
        re.compile(
            words(
                "kinh phi",
                "ngan sach",
                "nguon von",
                "von dau tu",
                "giai ngan",
                "thieu von",
                "chi phi",
                "tai chinh han hep",
                "han hep",
            )
        ),
    ),
    (
        "staffing",
        re.compile(
            words(
                "bien che",
                "dinh bien",
                "nhan luc",
                "nhan su",
                "lai xe",
                "trinh do",
                "doi ngu can bo",
                "nang luc can bo",
                "nang luc cua can bo",
            )
            + r"|\b(?:thieu|chua du)\s+(?:\d+\s+)?(?:can bo|cong chuc|vien chuc|nguoi|"
            r"chuyen vien|giao vien|bac si)\b|^\s*(?:mot so |doi ngu )?can bo,? cong chuc"
        ),
    ),
    (
        "equipment",
        re.compile(
            words(
                "trang thiet bi",
                "thiet bi",
                "co so vat chat",
                "phuong tien",
                "may moc",
                "tru so",
                "phong lam viec",
                "xe o to",
                "xe cong",
                "phan mem",
                "may tinh",
                "ha tang cong nghe thong tin",
                "duong truyen",
            )
        ),
    ),
    ("coordination", re.compile(words("phoi hop", "lien ket", "gan ket", "thong tin qua lai"))),
    (
        "timeliness",
        re.compile(
            words(
                "kip thoi",
                "tien do",
                "cham tre",
                "tre han",
                "qua han",
                "dung han",
                "thoi han",
                "ton dong",
                "no dong",
                "keo dai",
                "dung thoi gian",
            )
        ),
    ),
    (
        "discipline",
        re.compile(
            words(
                "ky luat",
                "ky cuong",
                "tu giac",
                "nghiem tuc",
                "chap hanh",
                "vi pham",
                "chua thuong xuyen",
                "deu tay",
                "tam huyet",
                "triet de",
                "ne tranh",
                "day dua",
                "trach nhiem",
                "le loi",
                "chua nghiem",
                "khong nghiem",
                "lo la",
            )
        ),
    ),
    (
        "quality",
        re.compile(
            words(
                "chat luong",
                "hieu qua",
                "chua cao",
                "sau sat",
                "chua dap",
                "dap ung",
                "yeu kem",
                "ngang tam",
                "bi dong",
                "chu dong",
                "con thap",
                "dong bo",
                "quan tam",
                "chua tot",
                "han che",
                "thuc chat",
                "chat che",
                "hinh thuc",
                "ket qua thap",
                "chua day du",
                "thieu sot",
                "ben vung",
                "vung chac",
                "ro rang",
                "chung chung",
                "chua phu hop",
                "doi moi",
                "dat yeu cau",
                "tuong xung",
                "lung tung",
                "long leo",
                "bat cap",
            )
        ),
    ),
)
