"""Vietnamese text: NFC storage and accent-, case- and tone-insensitive keys.

``ủy`` (U+1EE7 y) and ``uỷ`` (u U+1EF7) differ even after normalisation, and ``đ`` has no
decomposition, so a search key drops every combining mark, maps ``đ`` to ``d`` and casefolds.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Generic, TypeVar

from dirtrack.errors import InvalidInput
from dirtrack.patterns import LazyPattern

_SPACES = LazyPattern(r"\s+")
_PUNCT = LazyPattern(r"[^\w\s]", re.UNICODE)
# Control characters (Unicode category Cc: C0, DEL, C1) other than tab and the line breaks
# (LF, and the CR of a Windows line end), which white-space folding turns into spaces. ESC, BEL,
# NUL… would drive a terminal and break the Word and Excel reports: typed text carrying one is
# refused (clean_text), an imported file has them removed with a warning (clean_imported).
# Lone surrogates are refused too: no file encoding can write them; and the two characters
# U+FFFE and U+FFFF, which XML forbids as it forbids the C0 controls: a Word or Excel report
# holding one could not be written.
_CONTROL = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Characters that show nothing: zero-width spaces and joiners, direction marks, the word joiner
# and its kin, variation selectors, the byte order mark, the soft hyphen, Hangul fillers.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
_SHOWN = LazyPattern(f"[^\\s{_INVISIBLE}]")
_UNSEEN = LazyPattern(f"[{_INVISIBLE}]")
# The characters that change the direction text is shown in, and show nothing themselves: the
# embeddings and overrides (U+202A-U+202E), the isolates (U+2066-U+2069), the direction marks
# (U+200E, U+200F, the Arabic letter mark U+061C) and the byte order mark (U+FEFF). Vietnamese
# text needs none of them, and an override kept in a title shows it reversed at a terminal and
# in a report ("Trojan Source"): no stored text keeps them (:func:`nfc`).
_DIRECTION = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


# A whole number as a person types one for an id: ASCII digits, a minus sign before them.
_WHOLE = LazyPattern(r"-?[0-9]+")


def whole_number(text: str) -> int | None:
    """``text`` as a whole number when it is written in digits, else None.

    Digits are read as :func:`ascii_typed` reads them, whatever a keyboard typed: the
    full-width ``１２`` of an IME and the Arabic-Indic ``١٢`` are 12, as they are in a date,
    a sheet's cell or a pack's. Python's ``int()`` also reads underscores (``1_0`` is 10), a
    plus sign and white space around; ``str.isdigit`` also accepts ``¹``, which ``int()`` then
    refuses. An id is none of these. Nor is a number of more digits than Python converts
    (4,300).
    """
    text = ascii_typed(text)
    if _WHOLE.fullmatch(text) is None:
        return None
    try:
        return int(text)
    except ValueError:  # beyond sys.get_int_max_str_digits()
        return None


def path_text(value: str) -> str:
    """A file's name as text keeps it (a column, the change log): the bytes of it that are
    not UTF-8 (which the command line gives as lone surrogates) written ``\\xff``; any other
    name as it is."""
    if not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte of argv makes
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def without_direction(text: str) -> str:
    """``text`` without the characters that set the direction it is shown in (overrides,
    embeddings, isolates, direction marks) and without byte order marks: what a stored text
    keeps, in every field, typed or imported."""
    return text.translate(_DIRECTION)


#: The characters :func:`without_direction` drops, for a query that looks for them.
DIRECTION_CHARACTERS = tuple(chr(point) for point in _DIRECTION)


def has_direction(text: str) -> bool:
    """Whether ``text`` holds a character :func:`without_direction` drops (none is ASCII)."""
    # A search for each character, in C, is three times as fast as a regular expression of
    # them over a long text (a JSON import looks at the whole document).
    return not text.isascii() and any(char in text for char in DIRECTION_CHARACTERS)


def nfc(text: str) -> str:
    """Return ``text`` in NFC with surrounding white space removed, inner runs folded, and no
    direction control (:func:`without_direction`)."""
    # str.split() splits on exactly the characters `\s` matches (str.isspace), in C: the same
    # result as _SPACES.sub(" ", …).strip(), twice as fast (import calls it for every cell).
    return " ".join(without_direction(unicodedata.normalize("NFC", text)).split())


def char_code(char: str) -> str:
    """A character as a message names it: ``U+0441``."""
    return f"U+{ord(char):04X}"


# Format characters (Cf) show nothing; combining marks (Mn, Me) show only on a letter before
# them: a text of these alone (a stray tone mark of an input method) has nothing to read.
_NOTHING_ALONE = frozenset({"Cf", "Mn", "Me"})


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only white space, invisible characters and
    combining marks with no letter to sit on."""
    shown = _SHOWN.search(text)
    # A character that is neither white space (\s), a format character (Cf) nor a combining
    # mark shows.
    return shown is None or (
        unicodedata.category(shown.group()) in _NOTHING_ALONE
        and all(ch.isspace() or unicodedata.category(ch) in _NOTHING_ALONE for ch in text)
    )


def start_of(text: str, size: int = 40) -> str:
    """The start of a text (one line), to name it in a message."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def may_be_stored(text: str) -> bool:
    """False for a text that holds NUL, which no stored text does (:func:`clean_text` refuses
    it) and PostgreSQL refuses even in a query's parameter ('unexpected DataError', where SQLite
    found nothing): a lookup by such a text finds nothing, without asking the database."""
    return "\x00" not in text


def control_character(text: str) -> str | None:
    """The first character of ``text`` that text may not hold, written ``U+0000``, or None."""
    found = _CONTROL.search(text)
    return char_code(found.group()) if found else None


# Letters of the TCVN3 (ABC) font as Unicode shows them ("§¬n vÞ chñ tr×" for "Đơn vị chủ
# trì"): ă â ê ô ơ ư đ and the vowels with a tone, marks no Vietnamese text written in Unicode
# holds; and the letters only Vietnamese in Unicode has (ơ ư đ ă, the vowels with a tone).
# One inside a word, as the font's letters are ("®ång", "S¸ng"); a "©" or "§" stands alone.
_TCVN3_LETTER = LazyPattern(
    "(?<=[^\\W\\d_])[\u00a1-\u00a9\u00ab\u00ac\u00ae\u00b5-\u00b9]"
    "|[\u00a1-\u00a9\u00ab\u00ac\u00ae\u00b5-\u00b9](?=[^\\W\\d_])"
)
# The VNI Windows fonts write a tone as a letter after its vowel ("Ñôn vò chuû trì", "hoäi"):
# a vowel, then ø û ï (a grave, hook or dot below) or å ä ë (a tone on â ê ô or ă), which no
# Vietnamese in Windows-1258 or Unicode writes after a vowel.
_VNI_LETTER = LazyPattern(
    "[aeiouyAEIOUY][\u00f8\u00fb\u00ef\u00e5\u00e4\u00eb\u00d8\u00db\u00cf\u00c5\u00c4\u00cb]"
)
_UNICODE_VIETNAMESE = LazyPattern("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_LEGACY_FONTS = (("TCVN3 (ABC)", _TCVN3_LETTER), ("VNI Windows", _VNI_LETTER))
# The bytes Windows-1252, the code page the fonts draw over, leaves undefined: in a file read as
# Latin-1 they say it is no text typed in a font (random bytes hold them; text never does).
_NO_CODE_PAGE = LazyPattern("[\x81\x8d\x8f\x90\x9d]")


def legacy_font(texts: Iterable[str]) -> tuple[str, str] | None:
    """The legacy font ``texts`` are typed in (``TCVN3 (ABC)`` or ``VNI Windows``) and the
    first of them holding its letters, when they hold several (at least 3, and one character in
    50: a "©" in a footer, an "ë" in a name, is no font) and no letter of Vietnamese in Unicode;
    None otherwise."""
    texts = list(texts)
    if any(_UNICODE_VIETNAMESE.search(t) or _NO_CODE_PAGE.search(t) for t in texts):
        return None
    size = sum(len(t) for t in texts)
    for font, letter in _LEGACY_FONTS:
        marks = sum(len(letter.findall(t)) for t in texts)
        if marks >= 3 and marks * 50 >= size:
            return font, next(t for t in texts if letter.search(t))
    return None


#: The most characters one text of the register holds: what one Excel cell holds, so that every
#: record goes out to a workbook (an export, an office sheet, a unit's pack) as it was typed.
MAX_TEXT = 32_767
#: A meeting's title, its chair and the chair's position are held to a unit's name's length
#: (a column that sets its own length, a unit's code, a key, is checked by
#: :mod:`dirtrack.store.limits` too).
NAME_LENGTH = 400
NAME_FIELDS = frozenset({"title", "chair", "chair_title"})


def excel_length(text: str) -> int:
    """``text``'s length as Excel counts it against :data:`MAX_TEXT`: in UTF-16 code units, a
    character outside the Basic Multilingual Plane (an emoji, a mathematical bold letter pasted
    from a post) counting two; Excel cuts a cell longer than that."""
    if len(text) <= MAX_TEXT // 2:
        return len(text)  # fits however counted
    return len(text.encode("utf-16-le")) // 2


def text_limit(field: str) -> int:
    """How many characters the text of ``field`` may hold (see :data:`NAME_LENGTH`)."""
    return NAME_LENGTH if field in NAME_FIELDS else MAX_TEXT


def held_length(text: str, limit: int) -> int:
    """``text``'s length against ``limit`` (:func:`text_limit`): against :data:`MAX_TEXT`, as
    Excel counts it (:func:`excel_length`), so that every text held goes out whole to every
    workbook (20,000 emoji, 40,000 to Excel, were taken, and `pack out` then refused them)."""
    return excel_length(text) if limit == MAX_TEXT else len(text)


def _column_sets_length(field: str) -> bool:
    """Whether ``field`` is a column that holds fewer characters than :data:`MAX_TEXT` (a key,
    a doc, a unit's code): its own limit is the one said, by the check of every write
    (:func:`dirtrack.store.limits.sets_length`). Asked only of a text past MAX_TEXT."""
    from dirtrack.store.limits import sets_length

    return sets_length(field)


def refuse_undecodable(value: str, field: str) -> None:
    """Refuse ``value`` when it holds a byte that is not UTF-8 from the command line or the
    environment (Python keeps it as a lone surrogate U+DC80–U+DCFF: typed in a terminal set to
    another encoding, or $'\\xff' in a shell), naming ``field`` (a column, an option, a
    variable) and the byte.

    Raises:
        InvalidInput: ``not_utf8_byte``.
    """
    from dirtrack.i18n import Field

    for char in value:
        if "\udc80" <= char <= "\udcff":
            byte = f"{ord(char) - 0xDC00:02X}"
            raise InvalidInput.of("not_utf8_byte", field=Field(field), byte=byte)


def clean_text(value: str, field: str) -> str:
    """The one entrance of text into the register: ``value`` as stored (:func:`nfc`, which
    drops the direction controls and byte order marks, :func:`without_direction`).

    Blank-looking text (only white space or zero-width characters such as U+200B) comes back
    as ``""``: the caller refuses it as it refuses empty text.

    Args:
        value: what the user typed or a file said.
        field: its name, for the message (``text``, ``title``, ``note``…).

    Raises:
        InvalidInput: ``value`` holds a control character other than tab and newline, or is
            longer than the field holds (:func:`text_limit`).
    """
    from dirtrack.i18n import Field

    found = control_character(value)
    if found is not None and "U+DC80" <= found <= "U+DCFF":
        refuse_undecodable(value, field)
    if found is not None and "U+D800" <= found <= "U+DFFF":
        # a JSON draft's "\ud800" escape: no control character, half of one made of two
        raise InvalidInput.of("half_character", field=Field(field), code=found)
    if found is not None:
        raise InvalidInput.of("control_character", field=Field(field), code=found)
    text = nfc(value)
    limit = text_limit(field)
    length = held_length(text, limit)
    if length > limit and not (limit == MAX_TEXT and _column_sets_length(field)):
        raise InvalidInput.of("too_long", field=Field(field), length=length, limit=limit)
    return "" if is_blank(text) else text


def clean_optional(value: str | None, field: str) -> str | None:
    """Optional text as stored: None when not given (None or ``""``), else :func:`clean_text`.

    Raises:
        InvalidInput: a control character, or text given that is blank-looking.
    """
    if value is None or value == "":
        return None
    text = clean_text(value, field)
    if not text:
        from dirtrack.i18n import Field

        raise InvalidInput.of("blank_text", field=Field(field))
    return text


def clean_imported(value: str) -> tuple[str, list[str]]:
    """An imported file's text with its control characters removed (the lenient entrance).

    Returns:
        The text without them (not yet NFC: :func:`clean_text` accepts it), and the removed
        characters as ``U+001B``, once each, for the warning that names the row.
    """
    removed = _CONTROL.findall(value)
    if not removed:
        return value, []
    return _CONTROL.sub("", value), [char_code(c) for c in dict.fromkeys(removed)]


def shown_only(text: str) -> str:
    """``text`` without the characters that show nothing (zero-width spaces and joiners,
    direction marks, the byte order mark…): two texts that look the same are the same."""
    return _UNSEEN.sub("", text)


def name_text(text: str) -> str:
    """A person's name as kept and compared (``--actor``, ``history --by``): :func:`nfc`,
    without the characters that show nothing, its tones placed as the new style places them
    (:func:`tone_spellings`)."""
    return tone_spellings(nfc(shown_only(text)))[0]


def same_spelling(one: str, other: str) -> bool:
    """Whether two texts are one text as written (a recorded text and a copy of it read back):
    the same letters, marks and case, in either Unicode form (NFC, NFD) and with their tones
    placed either way (``hoà``, ``hòa``: :func:`tone_spellings`), as two keyboards write one
    word."""
    return one == other or tone_spellings(nfc(one))[0] == tone_spellings(nfc(other))[0]


def actor_name(value: str | None) -> str | None:
    """The name ``--actor`` (or the configuration file's ``actor``) gives, cleaned.

    Raises:
        InvalidInput: a control character, or not 1 to 200 characters.
    """
    if value is None:
        return None
    # Without the characters that show nothing: a name pasted with a zero-width space is the
    # name typed (history --by and undo find it).
    name = name_text(clean_text(value, "--actor"))
    if not name or len(name) > 200:
        raise InvalidInput.of("bad_actor")
    return name


# The five tone marks, decomposed (grave, acute, tilde, hook above, dot below).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# A syllable ending in oa, oe or uy (not the u of qu) with its tone on the second vowel (the
# new style: hoà, khoẻ, thuỷ) or on the first (the old style: hòa, khỏe, thủy), decomposed.
_NEW_STYLE = LazyPattern(f"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONES}])(?!\\w)")
_OLD_STYLE = LazyPattern(f"(?<![qQ])([oOuU])([{_TONES}])([aAeEyY])(?!\\w)")


def tone_spellings(text: str) -> tuple[str, str]:
    """``text`` (NFC) with its tones placed in the new style (``Hoà``, ``Thuỷ``), then in the
    old (``Hòa``, ``Thủy``): two keyboards (Unikey's option) write one name both ways, and a
    person named is the same person either way. A word the styles agree on stays as it is."""
    decomposed = unicodedata.normalize("NFD", text)
    new = _OLD_STYLE.sub(
        lambda m: m[1] + m[3] + m[2] if (m[1] + m[3]).lower() in ("oa", "oe", "uy") else m[0],
        decomposed,
    )
    old = _NEW_STYLE.sub(lambda m: m[1][0] + m[2] + m[1][1], new)
    return nfc(new), nfc(old)


# The full-width forms of ASCII (U+FF01-FF5E: ``ＶＰＴＵ``, ``１２／ＢＣ``), which an East Asian
# IME types, are their ASCII characters, as NFKC reads them. NFKC's other readings (``²`` as
# 2, ``ﬁ`` as fi) are not typed by any keyboard and are not taken.
_FULL_WIDTH = range(0xFF01, 0xFF5F)


def _ascii(point: int) -> int:
    """``point``, or the ASCII character of a full-width form (``Ｖ``, ``１``, ``／``), or the
    ASCII digit of a decimal digit of another script (Arabic-Indic ``٦``, Devanagari…): a
    number, a date, a code or a unit is read, and a date's words stored, in ASCII whichever a
    keyboard typed."""
    if point in _FULL_WIDTH:
        return point - 0xFEE0
    value = unicodedata.decimal(chr(point), None) if point > 0x7F else None
    return point if value is None else ord("0") + value


class _Digits(dict[int, int]):
    """``str.translate``'s table for :func:`ascii_typed`, learnt as :class:`_Unmarked` is."""

    def __missing__(self, point: int) -> int:
        found = _ascii(point)
        if len(self) < _Unmarked.LEARNT:
            self[point] = found
        return found


_DIGITS = _Digits()


def ascii_typed(text: str) -> str:
    """``text`` with every full-width form as its ASCII character and every decimal digit of
    another script as its ASCII digit (``٦/٥/٢٠٢٦`` is ``6/5/2026``, ``１２`` is ``12``,
    ``ＶＰＴＵ`` is ``VPTU``): the one reading of the numbers, dates and codes typed in an
    option, a sheet's cell or a pack's; :func:`fold` does it too."""
    return text if text.isascii() else text.translate(_DIGITS)


def clean_when(value: str | None, field: str = "due_text") -> str | None:
    """The words a date or deadline was given in, as stored: :func:`clean_optional`, in NFC,
    with ASCII digits (:func:`ascii_typed`)."""
    return clean_optional(None if value is None else ascii_typed(value), field)


class _Unmarked(dict[int, int | None]):
    """``str.translate``'s table for :func:`fold`: combining marks dropped, ``đ`` as ``d``,
    every other character kept. Each code point is looked up in ``unicodedata`` when first met
    and learnt (a text's alphabet is small), so that a text is translated in C, not walked
    character by character in Python; past :data:`LEARNT` code points (a file holding
    every script) the others are looked up each time, and the table stays small."""

    LEARNT = 4096

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else _ascii(point)
        if len(self) < self.LEARNT:
            self[point] = kept
        return kept


# The eth (Ð U+00D0, ð U+00F0) as ``đ``: the capital looks exactly like the Vietnamese Đ
# (U+0110), and text from a legacy code page or a misread font holds it in its place.
#: ``str.translate``'s table that writes the eth as the Vietnamese letter it stands for ("Lâm
#: Ðồng", "Ðồng thời": "Lâm Đồng", "Đồng thời"), for a text read as Vietnamese words.
ETH_AS_DJ = str.maketrans("Ðð", "Đđ")
# The Cyrillic and Greek letters drawn as Latin ones, as those, in either case (the other case
# of each with it, so that a key stays the same whatever the case): "Văn phòng Тỉnh ủy" with a
# Cyrillic Т was a second unit beside the one it looks like, and not found by its name typed.
LOOK_ALIKES = "АAВBЕEКKМMНHОOРPСCТTХXІIЈJЅSҮYУYԀDԚQԜWҺHΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX"
_UNMARKED = _Unmarked(
    {
        ord("đ"): ord("d"),
        ord("Đ"): ord("D"),
        ord("Ð"): ord("D"),
        ord("ð"): ord("d"),
        **{
            ord(seen): ord(read)
            for capital, latin in zip(LOOK_ALIKES[::2], LOOK_ALIKES[1::2], strict=True)
            for seen, read in ((capital, latin), (capital.lower(), latin.lower()))
        },
    }
)


def fold(text: str) -> str:
    """Return the search key of ``text``: no accents or tones, ``đ`` (and the eth ``Ð`` that
    looks like it) as ``d``, a Cyrillic or Greek letter drawn as a Latin one as that
    (:data:`LOOK_ALIKES`), a full-width form or another script's digit as ASCII
    (:func:`ascii_typed`: ``ＶＰＴＵ`` is ``vptu``), casefolded, and no character that shows
    nothing (a zero-width space pasted from a web page: two texts that look the same are the
    same)."""
    decomposed = unicodedata.normalize("NFD", shown_only(text))
    return _SPACES.sub(" ", decomposed.translate(_UNMARKED).casefold()).strip()


def fold_words(text: str) -> str:
    """Like :func:`fold`, with punctuation turned into spaces (for matching phrases)."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text))).strip()


#: The initials offices write for bodies and their parts, as :func:`fold_words` gives them, in
#: any case: "UBND tỉnh" is "Ủy ban nhân dân tỉnh", "VP Tỉnh ủy" is "Văn phòng Tỉnh ủy", "BTC
#: Huyện ủy" is "Ban Tổ chức Huyện ủy", "SKHĐT" is "Sở Kế hoạch và Đầu tư". A unit is found by
#: either form (``dirtrack.store.units``), and ``extract`` reads them so. Only initials that no
#: Vietnamese word folds to (no vowel among them, or too long to be a syllable); those that one
#: does are in :data:`CAPITAL_INITIALS`.
BODY_INITIALS = {
    # the state's and the Front's bodies
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "dbqh": "dai bieu quoc hoi",
    "ubkt": "uy ban kiem tra",
    # the parts of a body
    "vp": "van phong",
    "btc": "ban to chuc",
    "btg": "ban tuyen giao",
    "bdv": "ban dan van",
    "bnc": "ban noi chinh",
    "btv": "ban thuong vu",
    "bch": "ban chap hanh",
    "bcd": "ban chi dao",
    "bql": "ban quan ly",
    # a project board, "Ban QLDA …" / "BQLDA"
    "qlda": "quan ly du an",
    "bqlda": "ban quan ly du an",
    "tw": "trung uong",
    "tp": "thanh pho",
    "tx": "thi xa",
    # the one city every office shortens: "TP.HCM", "Tp HCM", "TPHCM", "Thành phố HCM"
    "hcm": "ho chi minh",
    "tphcm": "thanh pho ho chi minh",
    # the province's departments (sở), written in one word
    "skhdt": "so ke hoach va dau tu",
    "stc": "so tai chinh",
    "snv": "so noi vu",
    "stp": "so tu phap",
    "syt": "so y te",
    "sgddt": "so giao duc va dao tao",
    "sxd": "so xay dung",
    "sct": "so cong thuong",
    "stnmt": "so tai nguyen va moi truong",
    "sgtvt": "so giao thong van tai",
    "skhcn": "so khoa hoc va cong nghe",
    "snnptnt": "so nong nghiep va phat trien nong thon",
    "sldtbxh": "so lao dong thuong binh va xa hoi",
    "svhttdl": "so van hoa the thao va du lich",
    "stttt": "so thong tin va truyen thong",
}
# a party body's part with its committee in one word: "VPTU", "BTCHU", "UBKTTU"
BODY_INITIALS.update(
    {
        part + committee: f"{BODY_INITIALS[part]} {spelled}"
        for part in ("vp", "btc", "btg", "bdv", "bnc", "ubkt")
        for committee, spelled in (("tu", "tinh uy"), ("hu", "huyen uy"))
    }
)

#: The first words (as :func:`spelled_out` writes them) of a name that names a body on its own:
#: "UBND tỉnh", "Tỉnh ủy", "Sở Tài chính". Such a name found inside a longer unit name after
#: other words names another body, whose part or office that unit is ("Văn phòng UBND tỉnh",
#: "Ban Tổ chức Tỉnh ủy"), so it is no partial name of that unit (:func:`names_its_own_body`).
BODY_HEADS = (
    "uy ban",
    "hoi dong",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "quan uy",
    "dang uy",
    "dang bo",
    "mat tran",
    "van phong",
    "ban",
    "so",
    "phong",
    "cuc",
    "chi cuc",
    "cong an",
    "chi bo",
    "doan",
    "hoi",
    "toa an",
    "vien kiem sat",
    "kho bac",
    "bo chi huy",
    "trung tam",
)
_BODY_HEAD = LazyPattern(rf"^(?:{'|'.join(BODY_HEADS)})(?: |$)")


def names_its_own_body(key: str) -> bool:
    """Whether a :func:`spelled_out` key begins as a body's name does (see :data:`BODY_HEADS`)."""
    return _BODY_HEAD.match(key) is not None


#: Initials that some Vietnamese word also folds to ("Sở Tư pháp", "tỉnh Cà Mau", "hư hỏng"),
#: read as initials only when written so: these very capitals, without a mark ("Ban Tổ chức
#: TU", "CA tỉnh"; "TƯ PHÁP" and "CÀ MAU" in capitals are words).
CAPITAL_INITIALS = {"TU": "tinh uy", "HU": "huyen uy", "CA": "cong an"}


#: A level of local government shortened to its capital and a stop before a place's name, as
#: registers write it ("UBND H. Châu Thành", "UBND H.Tân Biên", "UBND X. Tân Bình"): the stop
#: and the capital after it make it no word nor person's initial of a unit's name.
_LEVEL_LETTER = LazyPattern(r"(?<![\w.])([HQPX])\.\s*(?=[A-ZĐÀ-Ỹ0-9])")
_LEVEL_LETTERS = {"H": "huyện ", "Q": "quận ", "P": "phường ", "X": "xã "}


def spelled_out(text: str) -> str:
    """The :func:`fold_words` key of ``text`` with the initials of :data:`BODY_INITIALS` (and
    those of :data:`CAPITAL_INITIALS` written as capitals) written out, and a level shortened
    to its letter (``H. Châu Thành``, :data:`_LEVEL_LETTER`) too."""
    out: list[str] = []
    text = _LEVEL_LETTER.sub(lambda m: _LEVEL_LETTERS[m[1]], nfc(shown_only(text)))
    for word in _PUNCT.sub(" ", text).split():
        if word in CAPITAL_INITIALS:
            out.append(CAPITAL_INITIALS[word])
        else:
            out.extend(BODY_INITIALS.get(folded, folded) for folded in fold_words(word).split())
    return " ".join(out)


class _Marked(dict[int, int]):
    """``str.translate``'s table for :func:`_marked_word`: what :func:`fold` reads a character
    as (a look-alike as its Latin letter, the eth as ``đ``, a full-width form as ASCII), with
    the marks and ``đ`` kept."""

    def __missing__(self, point: int) -> int:
        found = _ascii(point)
        if len(self) < _Unmarked.LEARNT:
            self[point] = found
        return found


_MARKED = _Marked(
    {
        ord("Ð"): ord("Đ"),
        ord("ð"): ord("đ"),
        **{
            ord(seen): ord(read)
            for capital, latin in zip(LOOK_ALIKES[::2], LOOK_ALIKES[1::2], strict=True)
            for seen, read in ((capital, latin), (capital.lower(), latin.lower()))
        },
    }
)


def _marked_word(word: str, folded: str) -> str | None:
    """A word (``folded`` its :func:`fold`) with its marks, cased and toned one way (``hoà``
    for ``Hòa``, ``HOÀ``); None when it has no mark, nor ``đ``."""
    decomposed = unicodedata.normalize("NFD", shown_only(word)).translate(_MARKED).casefold()
    marked = tone_spellings(unicodedata.normalize("NFC", decomposed))[0]
    return None if marked == folded else marked


def word_marks(text: str, *, spelled: bool = False) -> tuple[str | None, ...]:
    """The marks of each word of ``text``'s :func:`fold_words` key (with ``spelled``, of its
    :func:`spelled_out` key), word for word: the word as written, cased and toned one way
    (:func:`tone_spellings`), or None for a word written without a mark or ``đ`` (as it is
    typed on a keyboard without Vietnamese, or a body's initials written out): what tells
    ``xã Hòa An`` from ``xã Hóa An``, which fold to the same letters (:func:`marks_agree`).
    All None where the words cannot be told one by one."""
    key = spelled_out(text) if spelled else fold_words(text)
    size = len(key.split())
    marks: list[str | None] = []
    source = nfc(shown_only(text))
    if spelled:
        source = _LEVEL_LETTER.sub(lambda m: _LEVEL_LETTERS[m[1]], source)
    for word in _PUNCT.sub(" ", source).split():
        if spelled and word in CAPITAL_INITIALS:
            marks.extend([None] * len(CAPITAL_INITIALS[word].split()))
            continue
        folded = fold_words(word).split()
        if spelled and len(folded) == 1 and folded[0] in BODY_INITIALS:
            marks.extend([None] * len(BODY_INITIALS[folded[0]].split()))
        elif len(folded) == 1:
            marks.append(_marked_word(word, folded[0]))
        else:  # a word some reading splits or drops: its marks are not told
            marks.extend([None] * len(folded))
    return tuple(marks) if len(marks) == size else (None,) * size


def marks_agree(one: Sequence[str | None], other: Sequence[str | None]) -> bool:
    """Whether two names of the same :func:`fold_words` key (their :func:`word_marks`) may
    be one name: no word written with marks in both has different marks in each. ``Hòa``
    and ``Hoà`` agree (one tone, placed two ways), ``Hòa`` and ``hoa`` do (typed without
    marks); ``Hòa`` and ``Hóa`` do not (two names)."""
    return all(a is None or b is None or a == b for a, b in zip(one, other, strict=True))


def person_keys(names: Iterable[str]) -> dict[str, str]:
    """The key each of ``names`` (people, as chairs of meetings are written) is one person by:
    its :func:`fold`, as long as every name of those letters may be one name
    (:func:`marks_agree`: ``Nguyễn Văn Hòa``, ``Nguyễn Văn Hoà``, ``Nguyen Van Hoa``). Where
    they are written with marks two ways (``Nguyễn Văn Hòa`` and ``Nguyễn Văn Hóa``), those are
    two people, keyed by their marks as well, and a name written without those marks is the
    one marked spelling it agrees with when there is only one, else a person of its own (it
    cannot be told which it is), as leaders are told apart
    (:func:`dirtrack.store.fields.leaders_named`)."""
    spellings: dict[str, dict[str, tuple[str | None, ...]]] = {}
    for name in names:
        spellings.setdefault(fold(name), {})[name] = word_marks(name)
    keys: dict[str, str] = {}
    for key, marked in spellings.items():
        found = set(marked.values())
        if len({len(m) for m in found}) > 1:  # words not told one by one: by letters alone
            keys.update(dict.fromkeys(marked, key))
            continue
        people = [
            m
            for m in found
            if not any(o != m and marks_agree(m, o) and _marks_cover(o, m) for o in found)
        ]
        for name, marks in marked.items():
            if len(people) <= 1:
                keys[name] = key
                continue
            agreeing = [m for m in people if marks_agree(marks, m)]
            person = agreeing[0] if len(agreeing) == 1 else marks
            keys[name] = key + "\x1f" + "\x1f".join(w or "" for w in person)
    return keys


T = TypeVar("T")


class MarkedNames(Generic[T]):
    """What names stand for (the new units an import plans), told apart as units are: by their
    key (:func:`fold_words`, or :func:`spelled_out` with ``spelled``) and their marks
    (:func:`marks_agree`): ``xã Hòa An`` and ``xã Hóa An`` are two, ``Xã Hoà An`` and ``xa hoa
    an`` the first's."""

    def __init__(self, *, spelled: bool = False) -> None:
        self.spelled = spelled
        self._by_key: dict[str, list[tuple[tuple[str | None, ...], T]]] = {}

    def _key(self, name: str) -> str:
        return spelled_out(name) if self.spelled else fold_words(name)

    def named(self, name: str) -> list[T]:
        """What ``name`` may stand for, each once, in the order put: none, one, or several when
        it is written without the marks that tell them apart (ambiguous)."""
        marks = word_marks(name, spelled=self.spelled)
        found = [v for m, v in self._by_key.get(self._key(name), []) if marks_agree(marks, m)]
        return list(dict.fromkeys(found))

    def put(self, name: str, value: T) -> None:
        """``name`` stands for ``value`` from now on."""
        marks = word_marks(name, spelled=self.spelled)
        self._by_key.setdefault(self._key(name), []).append((marks, value))


def _marks_cover(one: Sequence[str | None], other: Sequence[str | None]) -> bool:
    """Whether ``one`` has a mark on every word ``other`` has one on."""
    return all(a is not None for a, b in zip(one, other, strict=True) if b is not None)


def match_name(value: str, names: Mapping[str, Iterable[str]]) -> str | None:
    """The code ``value`` stands for: the code itself or one of its names, compared as
    :func:`fold_words` keys (``Giao ban``, ``giao-ban`` and ``GIAO BAN`` are ``giao ban``).

    Args:
        value: what the user typed.
        names: code -> the other names it goes by.
    """
    key = fold_words(value)
    for code, aliases in names.items():
        if key == fold_words(code) or any(key == fold_words(name) for name in aliases):
            return code
    return None


#: How like what was typed a key must be to be suggested (difflib's ratio; ``get_close_matches``
#: uses the same 0.6): below it, ``Ban Tổ chức`` was offered ``ZZ (Ban Zeta)``, the only unit,
#: for their shared word ``ban``.
CLOSE_ENOUGH = 0.6


def closest(
    query: str, choices: Mapping[str, str] | Iterable[tuple[str, str]], n: int = 3
) -> list[str]:
    """Return up to ``n`` labels whose keys are closest to ``query``, none that is not close
    (:data:`CLOSE_ENOUGH`): an empty list when nothing is like it.

    Args:
        query: what the user typed.
        choices: search key -> label to show, or (key, label) pairs where several labels
            share a key (``xã Hòa An``, ``xã Hóa An``: each is named).
        n: how many at most.
    """
    key = fold_words(query)
    pairs = choices.items() if isinstance(choices, Mapping) else choices
    matcher = difflib.SequenceMatcher(None, key)
    scored = []
    for k, label in pairs:
        matcher.set_seq2(k)
        # the ratio's upper bounds first, as difflib.get_close_matches does: a key they put
        # below CLOSE_ENOUGH is never suggested (a value of 100,000 characters typed took a
        # quarter of a second of matching against each key)
        if matcher.real_quick_ratio() < CLOSE_ENOUGH or matcher.quick_ratio() < CLOSE_ENOUGH:
            continue
        scored.append((matcher.ratio(), label))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    seen: list[str] = []
    for score, label in scored:
        if score < CLOSE_ENOUGH:
            break
        if label not in seen:
            seen.append(label)
        if len(seen) == n:
            break
    return seen
