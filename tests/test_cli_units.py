from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Cli, language_twin


def test_unit_add_prints_the_code_and_list_shows_it(units: Cli) -> None:
    listed = units.json("unit", "list")
    by_code = {u["code"]: u for u in listed}
    assert set(by_code) == {"VPTU", "BTC", "BDV", "UBKT", "VPUB"}
    assert by_code["VPTU"] == {
        "code": "VPTU",
        "name": "Văn phòng Tỉnh ủy",
        "parent": None,
        "aliases": ["VP Tỉnh ủy"],
        "successor": None,
        "retired_on": None,
        "contacts": [],
    }


def test_unit_add_json_and_parent(units: Cli) -> None:
    unit = units.json("unit", "add", "P.TH", "Phòng Tổng hợp", "--parent", "van phong tinh uy")
    assert unit["parent"] == "VPTU"
    assert unit["code"] == "P.TH"


def test_a_refused_unit_code_is_told_the_rule_it_breaks(cli: Cli) -> None:
    """'../x' and '..' were refused as not 'letters, digits, '-', '_', '.' or '/'', which they
    are (the rule is also that a code starts with a letter or a digit), and a blank code was
    quoted as ''."""
    rule = "must start with a letter or a digit, then hold only letters, digits and"
    for code in ("../x", "..", "-x/", "a:b"):
        assert rule in cli.fail("unit", "add", "--", code, "Ban X")
    assert cli.fail("unit", "add", "   ", "Ban X") == "Error: a unit needs a code (VPTU, STC…)"
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    assert cli.fail("--lang", "vi", "unit", "rename", "BTC", "Ban Tổ chức mới", "--code", " ") == (
        "Error: đơn vị phải có mã (VPTU, STC…)"
    )
    assert cli.json("unit", "list") == [
        {
            "code": "BTC", "name": "Ban Tổ chức", "parent": None, "aliases": [],
            "successor": None, "retired_on": None, "contacts": [],
        }
    ]  # fmt: skip


def test_search_keys_drop_marks_whatever_the_alphabet() -> None:
    """A search key (unit codes, names and aliases, limitation texts) drops every combining
    mark, reads đ as d and every decimal digit as its ASCII one: the same key whether the table
    of marks it learns is empty, holding the text's characters, or full (a text of more
    characters than it learns)."""
    from dirtrack.text import _UNMARKED, LOOK_ALIKES, fold, shown_only

    def by_character(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", shown_only(text))
        kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        alike = list(zip(LOOK_ALIKES[::2], LOOK_ALIKES[1::2], strict=True))
        alike += [(seen.lower(), read.lower()) for seen, read in alike]
        for letter, plain in [("đ", "d"), ("Đ", "D"), ("\u00d0", "D"), ("\u00f0", "d"), *alike]:
            kept = kept.replace(letter, plain)  # the eth Ð looks like Đ: read as it
        # a full-width form (Ｐ, ３) as its ASCII character, a decimal digit of another script
        # (Arabic-Indic ٣) as the ASCII one
        kept = "".join(chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in kept)
        kept = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in kept)
        return " ".join(kept.casefold().split())

    assert fold("  Văn phòng\u200b Tỉnh ủy  ĐẢNG ") == "van phong tinh uy dang"
    assert fold("Phòng ١٢ / Ｐhòng １２") == "phong 12 / phong 12"
    every = "".join(chr(c) for c in [*range(0x20, 0x3400), *range(0xFF00, 0xFF70)])
    texts = ["Hội nghị sơ kết", "e\u0301\u0323 İ ǅ ß", every, every[::-1], "đ" + every[-999:]]
    for _ in range(2):
        assert [fold(t) for t in texts] == [by_character(t) for t in texts]
    assert len(_UNMARKED) <= _UNMARKED.LEARNT


def test_a_name_written_with_the_eth_is_the_unit_written_with_d(cli: Cli) -> None:
    """Ð (U+00D0, the Icelandic eth) looks exactly like the Vietnamese Đ (U+0110): ``Ðội Ðặc
    nhiệm`` was registered as a second unit beside ``Đội Đặc nhiệm``, and not found by it. It is
    the same name now: refused as one, and found by either spelling."""
    eth = "\u00d0ội \u00d0ặc nhiệm"
    cli.ok("unit", "add", "DDN", "Đội Đặc nhiệm")
    assert cli.fail("unit", "add", "DDN2", eth) == (
        f"Error: name '{eth}' already refers to unit DDN (Đội Đặc nhiệm)"
    )
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    assert cli.json("assign", str(meeting), "--unit", eth, "Việc A")["unit"] == "DDN"
    cli.ok("unit", "add", "PX", "Phòng X", "--alias", "\u00d0ội X")
    assert cli.json("assign", str(meeting), "--unit", "đội x", "Việc B")["unit"] == "PX"
    assert [d["unit"] for d in cli.json("list", "--unit", eth)] == ["DDN"]
    report = cli.json("report", "--quarter", "2022Q2", "--unit", "\u00f0ội \u00f0ặc nhiệm")
    assert [u["code"] for u in report["units"]] == ["DDN"]


def test_a_name_of_letters_that_only_look_latin_is_the_name_they_look_like(cli: Cli) -> None:
    """'Văn phòng Тỉnh ủy' with a Cyrillic Т (or Greek Τ, Cyrillic о) was registered as a
    second unit beside 'Văn phòng Tỉnh ủy', and not found by it: it is the same name."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    for name in ("Văn phòng \u0422ỉnh ủy", "Văn phòng \u03a4ỉnh ủy", "Văn ph\u043eng Tỉnh ủy"):
        assert cli.fail("unit", "add", "X1", name) == (
            f"Error: name '{name}' already refers to unit VPTU (Văn phòng Tỉnh ủy)"
        )
        assert cli.json("list", "--unit", name) == []  # found: VPTU, with nothing assigned yet
    assert "unknown unit" in cli.fail("list", "--unit", "Văn phòng \u0414ỉnh ủy")  # Д is no T


def test_a_code_of_letters_that_only_look_latin_is_refused(cli: Cli) -> None:
    """'VРTU' (a Cyrillic Р), 'ＶＰＴＵ' (full-width) and 'VPTU²' were registered as units of
    their own beside VPTU, which they look like, and a field 'КТ' (Cyrillic) beside KT. A code
    is Latin letters (Vietnamese ones, and đ, included), digits and - _ . / &; full-width ones,
    as an IME types them, are those letters."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    assert cli.fail("unit", "add", "\uff36\uff30\uff34\uff35", "Đơn vị") == (
        "Error: code 'VPTU' already refers to unit VPTU (Văn phòng Tỉnh ủy)"
    )
    assert cli.json("unit", "add", "\uff22\uff34\uff23", "Ban Tổ chức")["code"] == "BTC"
    cli.ok("field", "add", "ＫＴ", "Kinh tế")
    assert "'KT'" in cli.fail("field", "add", "KT", "Kinh tế 2")
    for code in ("V\u0420TU", "VPTU\u00b2", "\u03a4U", "V\u200bPTU"):
        said = cli.fail("unit", "add", code, f"Đơn vị {len(code)}")
        assert "not the Cyrillic, Greek or full-width letters that look like them" in said, said
        assert "not the Cyrillic" in cli.fail("unit", "rename", "VPTU", "Văn phòng", "--code", code)
    assert "chữ Kirin" in cli.fail("--lang", "vi", "field", "add", "\u041a\u0422", "Kinh tế")
    for code in ("ĐTN", "P.TH", "BTC&TU", "Ban-1", "X_Y"):
        cli.ok("unit", "add", code, f"Đơn vị {code}")
    codes = sorted(u["code"] for u in cli.json("unit", "list"))
    assert codes == sorted(["BTC", "BTC&TU", "Ban-1", "ĐTN", "P.TH", "VPTU", "X_Y"])


def test_names_are_stored_in_nfc(cli: Cli) -> None:
    nfd = unicodedata.normalize("NFD", "Ban Tuyên giáo Tỉnh ủy")
    cli.ok("unit", "add", "BTG", nfd)
    [unit] = cli.json("unit", "list")
    assert unit["name"] == unicodedata.normalize("NFC", "Ban Tuyên giáo Tỉnh ủy")


@pytest.mark.parametrize(
    "ref",
    [
        "VPTU",
        "vptu",
        "Văn phòng Tỉnh ủy",
        "Văn phòng Tỉnh uỷ",  # the other tone placement
        "van phong tinh uy",
        "VAN PHONG TINH UY",
        unicodedata.normalize("NFD", "Văn phòng Tỉnh ủy"),
        unicodedata.normalize("NFD", "Văn phòng Tỉnh uỷ"),
        "vp tinh uy",  # alias
    ],
)
def test_a_unit_is_matched_by_code_name_or_alias_ignoring_case_accents_and_tones(
    units: Cli, meeting: int, ref: str
) -> None:
    directive = units.json("assign", str(meeting), "--unit", ref, "Nâng cao chất lượng tham mưu")
    assert directive["unit"] == "VPTU"


def test_a_unique_partial_name_matches(units: Cli, meeting: int) -> None:
    assert units.json("assign", str(meeting), "--unit", "ban dan van", "x")["unit"] == "BDV"


def test_a_partial_name_says_once_which_unit_it_was_read_as(units: Cli, meeting: int) -> None:
    """A part of a name (``Dân vận`` for Ban Dân vận Tỉnh ủy) was used without a word of the
    unit it chose. Once the command has done its work, one note on stderr names it (once for
    the same words given twice, in either language), never on stdout (JSON stays JSON) and
    never for a code, name or alias given whole, nor beside an Error: line."""
    made = units("assign", str(meeting), "--unit", "Dân vận", "--with", "dan van", "--format",
                 "json", "Việc A")  # fmt: skip
    assert made.exit_code == 0 and json.loads(made.stdout)["unit"] == "BDV"
    assert made.stderr.splitlines() == [
        # the same unit given as its own coordinator is said too (a unit does not coordinate
        # what it leads), before the note on how the words were read
        "BDV leads directive 1 and was named among its coordinating units too: kept as the "
        "lead only (a unit does not coordinate what it leads)",
        "'Dân vận' is read as unit BDV (Ban Dân vận Tỉnh ủy), the only one whose name holds it",
    ]
    listed = units("--lang", "vi", "list", "--unit", "DÂN VẬN", "--format", "json")
    assert [d["unit"] for d in json.loads(listed.stdout)] == ["BDV"]
    assert listed.stderr.splitlines() == [
        "'DÂN VẬN' được hiểu là đơn vị BDV (Ban Dân vận Tỉnh ủy), đơn vị duy nhất có tên chứa "
        "cụm từ này"
    ]
    for whole in ("BDV", "ban dân vận tỉnh ủy", "VP Tỉnh ủy"):
        assert units("list", "--unit", whole).stderr == ""
    refused = units.fail("assign", str(meeting), "--unit", "Dân vận", "--due", "1/1/2020", "x")
    assert refused.startswith("Error: ") and "Dân vận" not in refused


def test_a_body_named_inside_another_units_name_is_not_that_unit(cli: Cli) -> None:
    """ "UBND tỉnh" is the People's Committee, not its office "Văn phòng UBND tỉnh": a reference
    that names a body of its own is a partial name only of a unit whose name begins with it
    (the directive went silently to the office)."""
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    cli.ok("unit", "add", "STC", "Sở Tài chính tỉnh Lâm Đồng")
    meeting = str(cli.id("add-meeting", "--date", "6/5/2022", "--title", "Họp"))
    before = cli.ok("export", "--format", "json")
    for ref in ("UBND tỉnh", "Ủy ban nhân dân tỉnh", "Tỉnh ủy", "tinh uy"):
        assert cli.fail("assign", meeting, "--unit", ref, "x").startswith(
            f"Error: unknown unit '{ref}'"
        )
    assert cli.ok("export", "--format", "json") == before
    # a partial name at the start of a unit's name, or one that names no body, still finds it
    cli.ok("unit", "add", "UBKT", "Ủy ban Kiểm tra Tỉnh ủy")
    found = {
        "ban kiem tra": "UBKT",
        "Sở Tài chính": "STC",
        "ban to chuc": "BTC",
        "tài chính": "STC",
        "Văn phòng UBND": "VPUB",
    }
    for ref, code in found.items():
        assert cli.json("assign", meeting, "--unit", ref, f"Việc {ref}")["unit"] == code


def test_an_ambiguous_reference_names_the_candidates(units: Cli, meeting: int) -> None:
    error = units.fail("assign", str(meeting), "--unit", "Văn phòng", "x")
    assert "ambiguous" in error and "VPTU" in error and "VPUB" in error


def test_an_unknown_unit_names_the_closest(units: Cli, meeting: int) -> None:
    error = units.fail("assign", str(meeting), "--unit", "Ban Tổ chưc Tinh uy ABC", "x")
    assert error.startswith("Error: unknown unit")
    assert "BTC (Ban Tổ chức Tỉnh ủy)" in error


def test_an_unknown_unit_far_from_every_one_suggests_none(cli: Cli) -> None:
    """With one unit registered, every unknown one was 'closest: ZZ (Ban Zeta)', however far
    from it: a unit is suggested only when it is close (text.CLOSE_ENOUGH), in either language."""
    cli.ok("unit", "add", "ZZ", "Ban Zeta")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Họp")
    for ref in ("Sở Tài chính", "Ban Tổ chức", "BTC"):
        assert cli.fail("assign", str(meeting), "--unit", ref, "x") == (
            f"Error: unknown unit '{ref}'; no registered unit is close to it (unit list)"
        )
    assert cli.fail("--lang", "vi", "assign", str(meeting), "--unit", "Ban Tổ chức", "x") == (
        "Error: đơn vị 'Ban Tổ chức' chưa được đăng ký; không đơn vị nào đã đăng ký gần giống "
        "(unit list)"
    )
    assert cli.fail("assign", str(meeting), "--unit", "Ban Zetta", "x") == (
        "Error: unknown unit 'Ban Zetta'; closest: ZZ (Ban Zeta)"
    )


def test_aliases_that_repeat_the_name_or_each_other_are_kept_once(cli: Cli) -> None:
    """unit add with --alias 'Ban số' twice as written differently ('ban so') ended in
    'Error: unexpected IntegrityError: UNIQUE constraint failed: unit_alias…'."""
    added = cli.json(
        "unit", "add", "BS", "Ban số", "--alias", "Ban số", "--alias", "bs", "--alias",
        "Ban Số 1", "--alias", "ban so 1", "--alias", "BAN SỐ 1",
    )  # fmt: skip
    assert added["aliases"] == ["Ban Số 1"]
    assert cli.json("list", "--unit", "ban so 1") == []  # found by it


@pytest.mark.parametrize("lang", ["en", language_twin("vi")])
def test_aliases_of_the_same_letters_with_other_marks_are_refused_not_dropped(
    cli: Cli, lang: str
) -> None:
    """unit add with --alias 'Hòa An' and --alias 'Hóa An' (same letters, other tones: two
    names) kept the first and dropped the second without a word, and so an alias of the
    name's letters with other marks: a unit holds one name of the same letters, as `unit
    alias` refuses the second; one written the other way (tone placement, no marks) is the
    same name, kept once. The refusal names the name it clashes with: it said 'already refers
    to unit HA (…)', the unit being added, as though another unit held the alias."""
    from tests.conftest import snapshot

    cli.ok("unit", "add", "TU", "Tỉnh ủy")
    before = snapshot(cli.db)
    result = cli(
        "--lang", lang, "unit", "add", "HA", "Xã Hòa An mới", "--alias", "Hòa An",
        "--alias", "Hoà An", "--alias", "Hóa An",
    )  # fmt: skip
    assert result.exit_code == 1 and result.stdout == ""
    [line] = result.stderr.splitlines()
    said = {
        "en": "alias 'Hóa An' is 'Hòa An' with other marks: a unit holds one name of the same "
        "letters (two places so named are two units)",
        "vi": "tên khác 'Hóa An' là 'Hòa An' khác dấu: một đơn vị chỉ giữ một tên cùng các chữ "
        "cái này (hai nơi mang hai tên ấy là hai đơn vị)",
    }
    assert line == f"Error: {said[lang]}"
    same_as_name = cli.fail("unit", "add", "HA", "xã Hòa An", "--alias", "Xã Hóa An")
    assert same_as_name.startswith("Error: alias 'Xã Hóa An' is 'xã Hòa An' with other marks:")
    assert "refers to" not in same_as_name
    assert snapshot(cli.db) == before
    added = cli.json("unit", "add", "HA", "xã Hòa An", "--alias", "Hòa An", "--alias", "hoa an")
    assert added["aliases"] == ["Hòa An"]


@pytest.mark.parametrize("ref", ["???", "—", "..."])
def test_a_reference_of_punctuation_alone_is_an_unknown_unit_not_an_empty_one(
    units: Cli, meeting: int, ref: str
) -> None:
    """'--unit ???' was refused as 'a unit reference cannot be empty'."""
    error = units.fail("assign", str(meeting), "--unit", ref, "x")
    assert error == f"Error: unknown unit '{ref}'; no registered unit is close to it (unit list)"
    assert units.fail("list", "--unit", "\u200b ") == "Error: a unit reference cannot be empty"


@pytest.mark.parametrize(
    ("code", "name", "why"),
    [
        ("vptu", "Một tên khác", "code"),
        ("VPTU2", "Văn phòng Tỉnh uỷ", "name"),
        ("X1", "VP tinh uy", "name"),
        ("", "Tên", "code"),
        ("A B", "Tên", "code"),
        ("NEW", "   ", "name"),
    ],
)
def test_duplicate_or_bad_units_are_refused(
    units: Cli, db_path: object, code: str, name: str, why: str
) -> None:
    from tests.conftest import file_digest

    before = file_digest(db_path)  # type: ignore[arg-type]
    error = units.fail("unit", "add", code, name)
    assert why in error
    assert file_digest(db_path) == before  # type: ignore[arg-type]


def test_alias_command(units: Cli, meeting: int) -> None:
    assert units.ok("unit", "alias", "UBKT", "Cơ quan UBKT").strip() == "UBKT"
    assert units.json("assign", str(meeting), "--unit", "co quan ubkt", "x")["unit"] == "UBKT"
    assert "already refers" in units.fail("unit", "alias", "BDV", "Cơ quan UBKT")


def test_unit_contact_says_the_role_in_the_users_language(units: Cli) -> None:
    said = {}
    for lang, name in (("vi", "A"), ("en", "B")):  # a new name: the same one is no change
        for role in ("focal", "head"):
            result = units("--lang", lang, "unit", "contact", "BTC", "--name", name, "--role", role)
            assert result.exit_code == 0
            said[lang, role] = result.stderr.strip()
    assert said["vi", "focal"] == "BTC: đầu mối là A"
    assert said["vi", "head"] == "BTC: thủ trưởng là A"  # not 'đầu mối (head)'
    assert said["en", "focal"] == "BTC: focal contact is now B"
    assert said["en", "head"] == "BTC: head contact is now B"


def test_unit_list_in_csv_keeps_the_contacts(units: Cli) -> None:
    """unit list --format csv had an empty contacts cell for a unit with contacts (a list of
    objects flattened to nothing): the cell holds them as JSON, as the JSON listing has them."""
    import csv
    import io
    import json

    units.ok("unit", "contact", "BTC", "--name", "Trần Bình", "--email", "binh@btc.vn")
    rows = list(csv.DictReader(io.StringIO(units.ok("unit", "list", "--format", "csv"))))
    cell = next(r for r in rows if r["code"] == "BTC")["contacts"]
    listed = next(u for u in units.json("unit", "list") if u["code"] == "BTC")["contacts"]
    assert json.loads(cell) == listed and listed[0]["email"] == "binh@btc.vn"
    assert next(r for r in rows if r["code"] == "BDV")["contacts"] == ""


def test_a_unit_is_found_with_the_bodies_initials_written_out_or_not(cli: Cli) -> None:
    """A clerk typing "Văn phòng Ủy ban nhân dân tỉnh" for the unit registered as "Văn phòng
    UBND tỉnh" (or "UBND huyện" for "Ủy ban nhân dân huyện ...") was told the unit is unknown:
    the initials every office writes (UBND, HĐND, MTTQ, ĐBQH, UBKT) match their words."""
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    cli.ok("unit", "add", "HDND", "Thường trực Hội đồng nhân dân tỉnh")
    cli.ok("unit", "add", "UBXA", "Ủy ban nhân dân xã Tân Hòa")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    for n, (ref, code) in enumerate(
        (
            ("Văn phòng Ủy ban nhân dân tỉnh", "VPUB"),
            ("van phong uy ban nhan dan tinh", "VPUB"),
            ("Thường trực HĐND tỉnh", "HDND"),
            ("UBND xã Tân Hoà", "UBXA"),
        )
    ):
        directive = cli.id("assign", str(meeting), "--unit", ref, f"Việc số {n}")
        assert cli.json("show", str(directive))["unit"] == code, ref
    # a part of the words still finds the one unit that holds them, written either way
    assert cli.json("list", "--unit", "ubnd xa tan hoa")[0]["unit"] == "UBXA"
    said = cli.fail("assign", str(meeting), "--unit", "Ủy ban nhân dân huyện", "Việc")
    assert said.startswith("Error: unknown unit"), said
    # the same name written the other way is the same unit's: refused as a second one
    for args in (
        ("unit", "add", "VPUB2", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("unit", "add", "VPUB3", "Văn phòng", "--alias", "Văn phòng Uỷ ban nhân dân tỉnh"),
        ("unit", "alias", "HDND", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("unit", "rename", "HDND", "Văn phòng Ủy ban nhân dân tỉnh"),
    ):
        said = cli.fail(*args)
        assert "already refers to unit VPUB (Văn phòng UBND tỉnh)" in said, (args, said)


def test_ho_chi_minh_city_is_found_as_offices_shorten_it(cli: Cli, tmp_path: Path) -> None:
    """ "Tp HCM", "TP.HCM", "TPHCM", "Thành phố HCM" were unknown units beside "UBND Thành phố
    Hồ Chí Minh", typed or in a sheet's cell ("TP. Hồ Chí Minh" was read already, TP being
    thành phố); and `unit add` took them for other units."""
    cli.ok("unit", "add", "UBHCM", "UBND Thành phố Hồ Chí Minh")
    cli.ok("unit", "add", "STCHCM", "Sở Tài chính Thành phố Hồ Chí Minh")
    meeting = str(cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban"))
    for n, ref in enumerate(
        (
            "UBND Tp HCM",
            "UBND TP.HCM",
            "UBND TP. Hồ Chí Minh",
            "Ủy ban nhân dân Thành phố HCM",
            "UBND TPHCM",
            "ubnd tp.hcm",
        )
    ):
        directive = cli.id("assign", meeting, "--unit", ref, f"Việc số {n}")
        assert cli.json("show", str(directive))["unit"] == "UBHCM", ref
    directive = cli.id("assign", meeting, "--unit", "STC TP.HCM", "Việc của Sở")
    assert cli.json("show", str(directive))["unit"] == "STCHCM"
    said = cli.fail("unit", "add", "X", "Sở Tài chính TP.HCM")
    assert said == (
        "Error: name 'Sở Tài chính TP.HCM' already refers to unit STCHCM (Sở Tài chính Thành phố "
        "Hồ Chí Minh)"
    )
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        "STT,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn\n"
        "1,Rà soát hồ sơ,UBND Tp. HCM,Sở Tài chính Thành phố HCM,30/9/2022\n",
        encoding="utf-8",
    )
    report = cli.json("import", str(sheet), "--meeting", meeting, "--dry-run")
    [row] = report["rows"]
    assert (row["action"], row["units"], row["with"]) == ("create", ["UBHCM"], ["STCHCM"])


def test_a_unit_is_found_with_the_offices_other_initials(cli: Cli) -> None:
    """Offices write VP, BTC, BTG, BDV, BCĐ, BQL, SKHĐT… and TU, HU, CA as well as the five
    bodies' initials: "VP Tỉnh ủy" was an unknown unit beside "Văn phòng Tỉnh ủy", and "unit
    add" took it for a second unit. TU, HU and CA, which "Tư pháp", "hư" and "Cà Mau" also fold
    to, are initials only written as these capitals; a unit whose code or name is the initials
    themselves is found by them first."""
    for code, name in (
        ("VPTU", "Văn phòng Tỉnh ủy"),
        ("BTCHU", "Ban Tổ chức Huyện ủy Can Lộc"),
        ("BCD", "Ban Chỉ đạo phòng, chống tham nhũng tỉnh"),
        ("BQLKKT", "Ban Quản lý Khu kinh tế tỉnh"),
        ("SKH", "Sở Kế hoạch và Đầu tư"),
        ("CAT", "Công an tỉnh"),
        ("STP", "Sở Tư pháp"),
        ("UBCM", "UBND tỉnh Cà Mau"),
    ):
        cli.ok("unit", "add", code, name)
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    found = {
        "VP Tỉnh ủy": "VPTU",
        "vp tinh uy": "VPTU",
        "Văn phòng TU": "VPTU",
        "BTC HU Can Lộc": "BTCHU",
        "BCĐ phòng, chống tham nhũng tỉnh": "BCD",
        "BQL Khu kinh tế tỉnh": "BQLKKT",
        "SKHĐT": "SKH",
        "CA tỉnh": "CAT",
        "Tư pháp": "STP",  # not "Tỉnh ủy pháp"
        "TƯ PHÁP": "STP",
        "Cà Mau": "UBCM",  # not "Công an Mau"
        "CÀ MAU": "UBCM",
    }
    for n, (ref, code) in enumerate(found.items()):
        directive = cli.id("assign", str(meeting), "--unit", ref, f"Việc số {n}", "--with", ref)
        shown = cli.json("show", str(directive))
        assert (shown["unit"], shown["with"]) == (code, []), ref  # the lead is no coordinator
        listed = cli.json("list", "--unit", ref, "--status", "all")
        assert {d["unit"] for d in listed} == {code}, ref
        assert directive in {d["id"] for d in listed}, ref
    # "Công an" is the police, not every unit of Cà Mau; "ca tinh" written small is no initials
    assert cli.json("list", "--unit", "Công an", "--status", "all")[0]["unit"] == "CAT"
    assert cli.fail("list", "--unit", "ca tinh").startswith("Error: unknown unit 'ca tinh'")
    # a unit whose code or name is the initials themselves is found by them first
    cli.ok("unit", "add", "VP", "Văn phòng Sở Nội vụ")
    cli.ok("unit", "add", "CA1", "CA")
    for n, (ref, code) in enumerate((("VP", "VP"), ("vp", "VP"), ("CA", "CA1"), ("ca", "CA1"))):
        directive = cli.id("assign", str(meeting), "--unit", ref, f"Việc thêm {n}")
        assert cli.json("show", str(directive))["unit"] == code, ref
    said = cli.fail("list", "--unit", "Văn phòng")  # a code is matched as written only
    assert said.startswith("Error: unit 'Văn phòng' is ambiguous: VP (Văn phòng Sở Nội vụ), "), said
    # a second spelling of a registered unit's name is refused as a second unit
    for args, holder in (
        (("unit", "add", "VPTU2", "VP Tỉnh ủy"), "VPTU (Văn phòng Tỉnh ủy)"),
        (("unit", "add", "X", "Văn phòng TU"), "VPTU (Văn phòng Tỉnh ủy)"),
        (("unit", "add", "X", "Khác", "--alias", "SKHĐT"), "SKH (Sở Kế hoạch và Đầu tư)"),
        (("unit", "alias", "STP", "CA tỉnh"), "CAT (Công an tỉnh)"),
        (
            ("unit", "rename", "STP", "BQL Khu kinh tế tỉnh"),
            "BQLKKT (Ban Quản lý Khu kinh tế tỉnh)",
        ),
    ):
        said = cli.fail(*args)
        assert said.endswith(f"already refers to unit {holder}"), (args, said)
    said = cli.fail("--lang", "vi", "unit", "add", "X", "VP Tỉnh ủy")
    assert said == "Error: tên 'VP Tỉnh ủy' đã được dùng cho đơn vị VPTU (Văn phòng Tỉnh ủy)"
    cli.ok("unit", "add", "STP2", "Sở Tỉnh ủy pháp")  # 'Tư' is no TU


def test_a_level_written_by_its_letter_is_the_level(cli: Cli, tmp_path: Path) -> None:
    """Registers of other provincial systems shorten a level to its capital and a stop: "UBND
    H. Châu Thành", "UBND H.Tân Biên", "UBND X. Tân Bình". They were unknown units (closest
    the unit meant), where "UBND TP. Tây Ninh" and "UBND TX Hòa Thành" were found; a sheet
    writing its district's committee five ways now gives the one unit five times. A capital
    with a stop inside a person's name, or before a word in small letters, is no level."""
    cli.ok("unit", "add", "UBCT", "Ủy ban nhân dân huyện Châu Thành")
    cli.ok("unit", "add", "UBTB", "UBND huyện Tân Biên")
    cli.ok("unit", "add", "UBXTB", "UBND xã Tân Bình")
    cli.ok("unit", "add", "UBP1", "UBND phường 1")
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    for n, (ref, code) in enumerate(
        (
            ("UBND H. Châu Thành", "UBCT"),
            ("Ủy ban nhân dân H.Châu Thành", "UBCT"),
            ("UBND H.Tân Biên", "UBTB"),
            ("UBND X. Tân Bình", "UBXTB"),
            ("UBND P. 1", "UBP1"),
        )
    ):
        directive = cli.id("assign", str(meeting), "--unit", ref, f"Việc số {n}")
        assert cli.json("show", str(directive))["unit"] == code, ref
    assert cli.fail("list", "--unit", "UBND H. châu thành").startswith("Error: unknown unit")
    five = ["UBND huyện Châu Thành", "Ủy ban nhân dân huyện Châu Thành", "UBND H. Châu Thành"]
    five += ["UBND HUYỆN CHÂU THÀNH", "Châu Thành"]
    sheet = tmp_path / "bang.csv"
    sheet.write_text(
        "STT,Nội dung,Đơn vị chủ trì,Thời hạn\n"
        + "".join(f"{n},Việc {n},{unit},30/6/2022\n" for n, unit in enumerate(five, 1)),
        encoding="utf-8",
    )
    report = cli.json("import", str(sheet), "--meeting", str(meeting), "--dry-run")
    assert [r["units"] for r in report["rows"]] == [["UBCT"]] * 5


def test_names_of_the_same_letters_with_other_marks_are_two_units(cli: Cli) -> None:
    """'xã Hóa An' beside 'xã Hòa An' (two communes: their letters fold alike, their tones
    differ) was refused as the same name. They are two units: a name typed with its marks
    names the one it is (tone placement, case and NFD aside), one typed without marks is
    ambiguous naming both, nothing written; a name the same as one of them with its tone placed
    the other way, or without marks, is still refused."""
    from tests.conftest import snapshot

    assert cli.ok("unit", "add", "HOAAN", "xã Hòa An").strip() == "HOAAN"
    assert cli.ok("unit", "add", "HOA2", "xã Hóa An").strip() == "HOA2"
    cli.ok("unit", "add", "T1", "phường Thủy An")
    cli.ok("unit", "add", "T2", "phường Thụy An")
    cli.ok("unit", "add", "D1", "xã Đông Hòa")
    cli.ok("unit", "add", "D2", "xã Dông Hòa")
    for name, holder in (("xã Hoà An", "HOAAN (xã Hòa An)"), ("XÃ HOÁ AN", "HOA2 (xã Hóa An)")):
        assert cli.fail("unit", "add", "X", name) == (
            f"Error: name '{name}' already refers to unit {holder}"
        )
    assert "already refers to unit" in cli.fail("unit", "add", "X", "xa hoa an")
    assert "already refers to unit HOA2" in cli.fail("unit", "alias", "T1", "xã Hóa An")
    # its own name with other marks: a unit holds one key once (an IntegrityError at the second)
    assert cli.fail("unit", "alias", "T1", "phường Thúy An").startswith(
        "Error: alias 'phường Thúy An' is 'phường Thủy An' with other marks: a unit holds one"
    )
    # a code is its letters alone, as its key is stored (an IntegrityError, not two units)
    cli.ok("unit", "add", "HÒA", "Đơn vị một")
    assert cli.fail("unit", "add", "HÓA", "Đơn vị hai") == (
        "Error: code 'HÓA' already refers to unit HÒA (Đơn vị một)"
    )
    assert "code 'HỎA' already refers" in cli.fail("unit", "rename", "T1", "T", "--code", "HỎA")
    meeting = str(cli.id("add-meeting", "--date", "6/5/2025", "--title", "Giao ban"))
    named = {
        "xã Hòa An": "HOAAN",
        "Xã Hoà An": "HOAAN",
        unicodedata.normalize("NFD", "XÃ HÒA AN"): "HOAAN",
        "xã Hóa An": "HOA2",
        "xa Hoá An": "HOA2",
        "phường Thuỷ An": "T1",
        "phường Thụy An": "T2",
        "xã Đông Hòa": "D1",
        "xã Dông Hoà": "D2",
    }
    for i, (ref, code) in enumerate(named.items()):
        made = cli("assign", meeting, "--unit", ref, "--format", "json", f"Việc {i}")
        assert made.exit_code == 0 and json.loads(made.stdout)["unit"] == code, (ref, made)
        assert made.stderr == "", ref  # its name as written: nothing to say
    before = snapshot(cli.db)
    for ref, both in (
        ("xa hoa an", "HOA2 (xã Hóa An), HOAAN (xã Hòa An)"),
        ("xã Hõa An", "HOA2 (xã Hóa An), HOAAN (xã Hòa An)"),
        ("phuong thuy an", "T1 (phường Thủy An), T2 (phường Thụy An)"),
        ("xa dong hoa", "D1 (xã Đông Hòa), D2 (xã Dông Hòa)"),
    ):
        assert cli.fail("assign", meeting, "--unit", ref, "Việc mới") == (
            f"Error: unit '{ref}' is ambiguous: {both}"
        )
        assert cli.fail("list", "--unit", ref) == f"Error: unit '{ref}' is ambiguous: {both}"
    assert cli.fail("--lang", "vi", "edit", "directive", "1", "--unit", "xa hoa an") == (
        "Error: 'xa hoa an' ứng với nhiều đơn vị: HOA2 (xã Hóa An), HOAAN (xã Hòa An)"
    )
    # both are named as closest to a name neither is (one key: one was left out)
    assert cli.fail("list", "--unit", "xa hoa anh").startswith(
        "Error: unknown unit 'xa hoa anh'; closest: HOA2 (xã Hóa An), HOAAN (xã Hòa An)"
    )
    assert snapshot(cli.db) == before
    assert [d["unit"] for d in cli.json("list", "--unit", "Xã Hoá An")] == ["HOA2", "HOA2"]
    report = cli.json("report", "--quarter", "2025Q2", "--unit", "xã hòa an")
    assert [u["code"] for u in report["units"]] == ["HOAAN"]
    # part of a name, told apart by its marks
    found = cli("edit", "directive", "1", "--unit", "Hóa An", "--format", "json")
    assert found.exit_code == 0 and json.loads(found.stdout)["unit"] == "HOA2"
    assert "'Hóa An' is read as unit HOA2 (xã Hóa An)" in found.stderr
    assert "ambiguous" in cli.fail("list", "--unit", "hoa an")


def test_a_name_typed_with_other_marks_than_the_only_unit_of_its_letters_says_so(
    cli: Cli,
) -> None:
    """Without another unit of its letters, 'xã Hóa An' still finds 'xã Hòa An' (marks are
    not needed to name a unit), but it was said nothing of: it may be another commune, not yet
    registered. The command says once on stderr which unit it took, in either language."""
    cli.ok("unit", "add", "HOAAN", "xã Hòa An")
    cli.ok("unit", "add", "UB", "Ủy ban nhân dân xã Tân Hòa")
    meeting = str(cli.id("add-meeting", "--date", "6/5/2025", "--title", "Giao ban"))
    made = cli("assign", meeting, "--unit", "xã Hóa An", "--format", "json", "Việc A")
    assert made.exit_code == 0 and json.loads(made.stdout)["unit"] == "HOAAN"
    assert made.stderr.splitlines() == [
        "'xã Hóa An' is read as unit HOAAN (xã Hòa An), the only one named with these "
        "letters, whose marks differ"
    ]
    said = cli("--lang", "vi", "list", "--unit", "UBND xã Tân Hóa")
    assert said.exit_code == 0
    assert said.stderr.splitlines() == [
        "'UBND xã Tân Hóa' được hiểu là đơn vị UB (Ủy ban nhân dân xã Tân Hòa), đơn vị duy "
        "nhất có tên cùng các chữ cái này nhưng khác dấu"
    ]
    for same in ("xã Hoà An", "xa hoa an", "HOAAN", "UBND xã Tân Hoà"):
        assert cli("list", "--unit", same).stderr == "", same


def test_a_rename_to_other_marks_keeps_the_old_name_and_undoes(cli: Cli) -> None:
    """`unit rename` to the same letters with other marks ('xã Hòa An' to 'xã Hóa An', a
    spelling corrected) kept no alias of the old name (it was taken for the new one), so a new
    unit could be given it; renamed back, the alias of the old key is that name again (a row
    deleted and one made of the same key would not undo)."""
    cli.ok("unit", "add", "HOAAN", "xã Hòa An")
    cli.ok("unit", "rename", "HOAAN", "xã Hóa An")
    assert cli.json("unit", "list")[0]["aliases"] == ["xã Hòa An"]
    assert "already refers to unit HOAAN" in cli.fail("unit", "add", "X", "xã Hòa An")
    cli.ok("unit", "rename", "HOAAN", "Xã Hoà An")
    unit = cli.json("unit", "list")[0]
    assert (unit["name"], unit["aliases"]) == ("Xã Hoà An", ["xã Hóa An"])
    cli.ok("undo", "--yes")
    unit = cli.json("unit", "list")[0]
    assert (unit["name"], unit["aliases"]) == ("xã Hóa An", ["xã Hòa An"])
    cli.ok("undo", "--yes")
    unit = cli.json("unit", "list")[0]
    assert (unit["name"], unit["aliases"]) == ("xã Hòa An", [])


# Syllables whose tones (and the horn, the breve, đ) make other words of the same letters.
_SYLLABLES = [
    ["hòa", "hóa", "hỏa", "họa", "hoa"],
    ["thủy", "thúy", "thùy", "thụy", "thuy"],
    ["đông", "dông", "dong", "đồng", "động"],
    ["an", "ân", "ấn", "ẩn"],
    ["hưng", "hùng", "hưng", "hứng", "hung"],
]


def _index(names: list[str]) -> Any:
    from types import SimpleNamespace

    from dirtrack.store.units import UnitIndex

    units = [
        SimpleNamespace(id=i + 1, code=f"U{i + 1}", name=name, parent_id=None, successor_id=None)
        for i, name in enumerate(names)
    ]
    return UnitIndex(cast(Any, units), {})


@given(data=st.data())
def test_units_of_the_same_letters_are_told_apart_by_their_marks(data: st.DataObject) -> None:
    """Two registered names of the same letters with other marks (neither written without
    them): each, typed with its marks in any case, tone placement or NFD, names its own unit,
    and is taken by it (unit add refuses it again); typed without marks it names both."""
    from dirtrack.errors import Conflict
    from dirtrack.text import fold, tone_spellings

    words = data.draw(st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=3))
    one = [data.draw(st.sampled_from([w for w in family if w != fold(w)])) for family in words]
    at = data.draw(st.integers(0, len(words) - 1))
    other = list(one)
    other[at] = data.draw(st.sampled_from([w for w in words[at] if w != fold(w) and w != one[at]]))
    level = data.draw(st.sampled_from(["xã", "phường", "UBND xã"]))
    names = [f"{level} {' '.join(one).title()}", f"{level} {' '.join(other).title()}"]
    index = _index(names)
    for i, name in enumerate(names):
        typed = data.draw(
            st.sampled_from(
                [name, name.upper(), name.lower(), *tone_spellings(name),
                 unicodedata.normalize("NFD", name)]
            )
        )  # fmt: skip
        assert index.resolve(typed, noted=False).code == f"U{i + 1}", (names, typed)
        assert index.holder(typed) == i + 1, (names, typed)
    bare = fold(names[0])
    with pytest.raises(Conflict):
        index.resolve(bare, noted=False)
    assert index.holder(bare) is not None  # a name without marks is no third name
