"""`dirtrack extract` and recording its draft with `dirtrack import`, through the real CLI."""

from __future__ import annotations

import codecs
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Cli, cp1258, file_digest, run

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
SEED_000 = SEEDS / "000_2f6cda680aa8e285.txt"
SEED_002 = SEEDS / "002_f049020402ce8e99.txt"
SEED_004 = SEEDS / "004_400cbc39c5814ce6.txt"


def register_tinh_uy(cli: Cli) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh uỷ")  # the other tone placement
    cli.ok("unit", "add", "BTCTU", "Ban Tổ chức Tỉnh ủy")
    cli.ok("unit", "add", "BDVTU", "Ban Dân vận Tỉnh ủy")
    cli.ok("unit", "add", "UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy")


def test_extract_json_has_the_contract_keys(cli: Cli) -> None:
    register_tinh_uy(cli)
    draft = json.loads(cli.ok("extract", str(SEED_000), "--format", "json"))
    assert set(draft) == {"meeting", "units", "limitations", "directives", "missing"}
    meeting = draft["meeting"]
    assert (meeting["date"], meeting["chair"], meeting["kind"]) == (
        "2022-05-06",
        "Phương Thị Thanh",
        "working-session",
    )
    assert {u["code"] for u in draft["units"] if u["known"]} == {"VPTU", "BTCTU", "BDVTU", "UBKTTU"}
    by_unit = {lim["unit"]: lim for lim in draft["limitations"] if lim["unit"]}
    assert by_unit["BDVTU"]["category"] == "budget"
    assert by_unit["UBKTTU"]["category"] == "staffing"
    assert "thiếu lái xe" in by_unit["UBKTTU"]["text"]
    for item in draft["limitations"] + draft["directives"]:
        assert item["source"], item  # every item keeps the sentence it came from


def test_deadline_phrase_takes_the_meetings_year(cli: Cli) -> None:
    draft = json.loads(cli.ok("extract", str(SEED_002), "--format", "json"))
    assert draft["meeting"]["date"] == "2022-09-07"
    september = [d for d in draft["directives"] if d["due_phrase"] == "trong tháng 9"]
    assert september and september[0]["due"] == "2022-09-30"


def test_extract_reads_stdin(cli: Cli) -> None:
    result = cli("extract", "-", "--format", "json", input=SEED_000.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["meeting"]["date"] == "2022-05-06"


def seed_draft(cli: Cli, tmp_path: Path, *, date: str | None = None) -> str:
    """The units of the Tỉnh ủy registered, the draft ``extract`` writes of the seed minutes
    (``date``: the meeting's date given), as text."""
    register_tinh_uy(cli)
    draft = tmp_path / "hop.toml"
    cli.ok("extract", str(SEED_000), "--out", str(draft), *(("--date", date) if date else ()))
    return draft.read_text(encoding="utf-8")


def give_unit(text: str, unit: str) -> str:
    """The draft with ``unit`` given to every limitation and directive that names none."""
    out = []
    for block in text.split("\n\n"):
        head = block.lstrip().split("\n", 1)[0]
        if head in ("[[limitations]]", "[[directives]]") and "\nunit = " not in block:
            block = block.replace(head, f'{head}\nunit = "{unit}"', 1)
        out.append(block)
    return "\n\n".join(out)


def test_review_then_import_the_draft(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    draft = tmp_path / "hop.toml"
    # the draft written says so, as report, score and export --out do (it said nothing)
    written = cli("extract", str(SEED_000), "--out", str(draft))
    assert written.exit_code == 0 and f"wrote {draft}\n" in written.stderr, written.stderr
    said = cli("--lang", "vi", "extract", str(SEED_000), "--out", str(draft), "--force")
    assert said.exit_code == 0 and f"đã ghi {draft}\n" in said.stderr, said.stderr
    assert said.stdout == ""
    assert draft.read_text(encoding="utf-8").count("[[directives]]") >= 3
    from dirtrack.db import open_engine

    open_engine(cli.db)[0].dispose()  # the database exists, with no units
    before = file_digest(db_path)
    error = cli.fail("import", str(draft))
    assert "unknown unit 'Văn phòng Tỉnh ủy'" in error and "line " in error
    assert error.count("unknown unit 'Văn phòng Tỉnh ủy'") == 1  # each unknown unit once
    # a sheet's options are refused, said in the number they were given in ("--meeting do not")
    said = cli.fail("import", str(draft), "--meeting", "1")
    assert said == "Error: --meeting does not apply to a meeting draft"
    said = cli.fail("import", str(draft), "--meeting", "1", "--sheet", "1")
    assert said == "Error: --meeting, --sheet do not apply to a meeting draft"
    assert file_digest(db_path) == before
    # Items without a unit at a meeting of four units: the import stops at their lines.
    error = cli.fail("import", str(draft), "--create-units")
    assert "directives #1: names no unit and the meeting has 4 units" in error
    assert file_digest(db_path) == before
    draft.write_text(give_unit(draft.read_text(encoding="utf-8"), "Văn phòng Tỉnh ủy"), "utf-8")
    cli.ok("import", str(draft), "--create-units")
    meetings = cli.json("meetings")
    assert [(m["date"], m["chair"]) for m in meetings] == [("2022-05-06", "Phương Thị Thanh")]
    assert sorted(meetings[0]["attendees"]) == ["BDVTU", "BTCTU", "UBKTTU", "VPTU"]
    limitations = cli.json("limitations")
    assert {x["unit"] for x in limitations} == {"BDVTU", "BTCTU", "UBKTTU", "VPTU"}
    directives = cli.json("list", "--as-of", "2022-05-06")
    quality = [d for d in directives if "nâng cao chất lượng tham mưu" in d["text"]]
    assert [d["unit"] for d in quality] == ["VPTU"]
    assert all(d["key"] and d["key"].startswith("bai-") for d in directives)
    # The same draft again: reported unchanged, nothing written, exit 0.
    before = file_digest(db_path)
    again = cli.json("import", str(draft))
    assert again["meeting_id"] == 1 and again["created"]["directives"] == 0
    assert again["unchanged"] == 1 + len(limitations) + len(directives)
    assert file_digest(db_path) == before
    # Edited since its import: refused, naming the meeting, rather than skipped or doubled.
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("nâng cao chất lượng tham mưu", "nâng cao", 1),
        "utf-8",
    )
    said = "imported already as meeting 1, and the two differ now (the draft or the record was"
    assert said in cli.fail("import", str(draft))
    assert file_digest(db_path) == before
    cli.ok("import", str(draft), "--allow-duplicate")
    assert len(cli.json("meetings")) == 2


def test_the_same_draft_after_its_meeting_was_corrected_says_either_changed(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """The clerk corrected the meeting with `edit` and the same draft came again (a script run
    twice): the refusal said the draft "has changed since", though nobody had touched it."""
    text = give_unit(seed_draft(cli, tmp_path), "Văn phòng Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    draft.write_text(text, encoding="utf-8")
    cli.ok("import", str(draft))
    cli.ok("edit", "meeting", "1", "--title", "Làm việc với các cơ quan tham mưu")
    before = file_digest(db_path)
    for lang, said in (
        (
            "en",
            "this draft was imported already as meeting 1, and the two differ now (the draft "
            "or the record was changed since): correct the record with 'dirtrack edit'",
        ),
        (
            "vi",
            "bản nháp này đã được nhập thành cuộc họp 1 và nay hai bên khác nhau (bản nháp "
            "hoặc bản ghi đã được sửa sau đó)",
        ),
    ):
        for dry in ((), ("--dry-run",)):
            error = cli.fail("--lang", lang, "import", str(draft), *dry)
            assert said in error and "has changed since" not in error, error
    assert file_digest(db_path) == before


def test_a_texts_stray_control_characters_never_stop_its_draft(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A stray control character in the text (DEL, ESC; a page break or a vertical tab pasted
    from Word) went into the draft as it was, and the import refused the draft dirtrack had
    just made (`text: control character U+007F is not allowed`), `--apply` too. They are
    removed as a sheet's are, with a warning naming them; the breaks are line breaks."""
    register_tinh_uy(cli)
    text = SEED_000.read_text(encoding="utf-8")
    words = "nâng cao chất lượng tham mưu"
    assert words in text
    source = tmp_path / "tin.txt"
    source.write_text(
        text.replace(words, "nâng\x7f cao chất\x1b lượng\x0btham mưu", 1).replace("\n", "\x0c", 1),
        encoding="utf-8",
    )
    draft = tmp_path / "hop.toml"
    result = cli("extract", str(source), "--out", str(draft))
    assert result.exit_code == 0, result.stderr
    assert f"Warning: control characters removed from {source}: U+007F, U+001B" in result.stderr
    drafted = cli.ok("extract", str(source), "--format", "json")
    assert not re.search(r"\\u00(?:7f|1b|0b|0c)|[\x7f\x1b\x0b\x0c]", drafted, re.IGNORECASE)
    draft.write_text(give_unit(draft.read_text(encoding="utf-8"), "Văn phòng Tỉnh ủy"), "utf-8")
    cli.ok("import", str(draft))
    assert [d for d in cli.json("list") if "nâng cao chất lượng" in d["text"]]
    before = file_digest(db_path)
    assert cli.json("import", str(draft))["created"]["directives"] == 0
    assert file_digest(db_path) == before


def test_an_edited_draft_in_an_invalid_state_names_the_line(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    text = seed_draft(cli, tmp_path)
    broken = text.replace("\n[[directives]]\n", '\n[[directives]]\ndue = "31/2/2022"\n', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(broken, encoding="utf-8")
    before = file_digest(db_path)
    error = cli.fail("import", str(bad))
    line = broken.splitlines().index('due = "31/2/2022"')  # 0-based: the header's line number
    assert f"line {line}, directives #1" in error and "not a real date" in error
    assert file_digest(db_path) == before
    unknown_key = tmp_path / "typo.toml"
    unknown_key.write_text(text.replace("chair_title =", "chair_tilte =", 1), encoding="utf-8")
    assert "unknown key 'chair_tilte'" in cli.fail("import", str(unknown_key))


def test_a_drafts_kind_and_category_take_their_vietnamese_names_as_the_options_do(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """``kind = "giao ban"`` and ``category = "nhân sự"`` in a draft edited by hand were
    refused, while ``--kind "giao ban"`` and ``--category "nhân sự"`` are taken: one rule."""
    text = seed_draft(cli, tmp_path)
    edited = give_unit(text, "VPTU").replace('kind = "working-session"', 'kind = "Giao Ban"', 1)
    edited = edited.replace('category = "budget"', 'category = "ngân sách"', 1)
    edited = edited.replace('category = "staffing"', 'category = "nhan su"', 1)
    assert edited.count('"Giao Ban"') == 1 and '"ngân sách"' in edited and '"nhan su"' in edited
    draft = tmp_path / "edited.toml"
    draft.write_text(edited, encoding="utf-8")
    cli.ok("import", str(draft))
    assert [m["kind"] for m in cli.json("meetings")] == ["briefing"]
    categories = sorted(lim["category"] for lim in cli.json("limitations"))
    assert categories == ["budget", "quality", "quality", "staffing", "timeliness", "timeliness"]
    # a word that names no kind is still refused, naming it
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('kind = "working-session"', 'kind = "họp"', 1), "utf-8")
    before = file_digest(db_path)
    assert "kind 'họp' is not one of working-session, briefing" in cli.fail("import", str(bad))
    assert file_digest(db_path) == before


def test_today_as_a_drafts_meeting_date_names_no_day(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """``date = "hôm nay"`` in a draft recorded the meeting on the day of the import, whichever
    day the draft was written: a file names its days."""
    text = seed_draft(cli, tmp_path)
    assert "\ndate = 2022-05-06\n" in text
    bad = tmp_path / "today.toml"
    bad.write_text(text.replace("\ndate = 2022-05-06\n", '\ndate = "hôm nay"\n', 1), "utf-8")
    before = file_digest(db_path)
    error = cli.fail("import", str(bad))
    assert "'hôm nay' names no day in a file" in error, error
    vi = cli.fail("--lang", "vi", "import", str(bad))
    assert "'hôm nay' trong tệp không chỉ ngày nào" in vi, vi
    assert file_digest(db_path) == before


def test_a_draft_without_its_one_meeting_table_says_so(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    text = seed_draft(cli, tmp_path)
    line = text.splitlines().index("[meeting]") + 1
    before = file_digest(db_path)
    listed = tmp_path / "list.toml"
    listed.write_text(text.replace("[meeting]", "[[meeting]]", 1), encoding="utf-8")
    assert cli.fail("import", str(listed)) == (
        f"Error: list.toml: line {line}, meeting: a draft has one [meeting] table, not [[meeting]]"
    )
    assert cli.fail("--lang", "vi", "import", str(listed)) == (
        f"Error: list.toml: dòng {line}, meeting: bản nháp có một bảng [meeting], "
        "không phải [[meeting]]"
    )
    commented = tmp_path / "commented.toml"
    commented.write_text(
        text.replace("[meeting]", "[ meeting ]  # họp", 1).replace(
            'title = "', 'title = "\\u0007', 1
        ),
        encoding="utf-8",
    )
    assert f"line {line}, meeting: title: " in cli.fail("import", str(commented))
    lines = text.splitlines()
    start = lines.index("[meeting]")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("[["))
    none = tmp_path / "none.toml"
    none.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    assert cli.fail("import", str(none)) == (
        "Error: none.toml: draft: there is no [meeting] table (the meeting's date and title)"
    )
    assert cli.fail("--lang", "vi", "import", str(none)) == (
        "Error: none.toml: bản nháp: không có bảng [meeting] (ngày và tên cuộc họp)"
    )
    stray = tmp_path / "stray.toml"
    stray.write_text('title = "Họp"\n' + text, encoding="utf-8")
    assert cli.fail("--lang", "vi", "import", str(stray)).startswith(
        "Error: stray.toml: dòng 1, bản nháp: khóa 'title' không hợp lệ"
    )
    assert file_digest(db_path) == before


def test_a_dry_run_names_every_text_the_import_refuses(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    text = seed_draft(cli, tmp_path)
    # A control character in the title (as a clerk's edit may leave it) and a key longer than
    # its column: the real import refused them without the draft's line, the dry run let them.
    broken = text.replace('title = "', 'title = "Họp\\u0007 ', 1)
    broken = broken.replace('\nkey = "', '\nkey = "' + "k" * 300, 1)
    # the meeting's source is stored as its note: the problem named 'note', a key no draft has
    broken = broken.replace('\nsource = "', '\nsource = "\\u001b', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(broken, encoding="utf-8")
    before = file_digest(db_path)
    lines = broken.splitlines()
    meeting = lines.index("[meeting]") + 1
    for lang, words, title, key, source in (
        ("en", "control character U+0007", "title", "'key' is ", "'source': control char"),
        # the field in the run's language; the draft's keys as the draft writes them (the
        # meeting's key was "khóa của tập lệnh của cuộc họp", a script's key)
        ("vi", "ký tự điều khiển U+0007", "tiêu đề", "'key' dài ", "'source': có ký tự"),
    ):
        dry = cli("--lang", lang, "import", str(bad), "--dry-run")
        assert dry.exit_code == 1 and f"{meeting}, meeting: {title}: " in dry.stdout + dry.stderr
        error = cli.fail("--lang", lang, "import", str(bad))
        assert words in error and f"{meeting}, meeting: {title}: " in error
        assert key in error and "200" in error
        assert f"{meeting}, meeting: {source}" in error, error
        assert "note" not in error and "ghi chú" not in error
    assert file_digest(db_path) == before


def test_a_key_repeated_in_a_draft_is_refused_with_its_line(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    text = seed_draft(cli, tmp_path, date="2022-05-06")
    keys = [line for line in text.splitlines() if line.startswith('key = "bai-') and "." in line]
    assert len(keys) >= 2
    # a clerk copies a block and keeps its key: two directives under one key were recorded, and
    # the same draft imported again was refused as changed
    copied = tmp_path / "copied.toml"
    copied.write_text(text.replace(keys[1], keys[0], 1), encoding="utf-8")
    before = file_digest(db_path)
    for options in ((), ("--dry-run",)):
        result = cli("--lang", "en", "import", str(copied), *options)
        said = result.stdout + result.stderr
        assert (
            result.exit_code == 1
            and "directives #2" in said
            and "is the key of directives #1" in said
        )
        assert re.search(r"line \d+, directives #2: key 'bai-", said), said
    assert "cũng là khóa của directives #1" in cli.fail("--lang", "vi", "import", str(copied))
    assert file_digest(db_path) == before


def test_a_text_with_its_tones_placed_the_other_way_or_in_nfd_is_the_same_in_a_draft(
    cli: Cli, tmp_path: Path
) -> None:
    """Two directives of a draft whose texts differ only in tone placement ('Hòa', 'Hoà') or
    in Unicode form (NFC, NFD) give the unit the same text, as `assign` and a sheet tell it."""
    import unicodedata

    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    text = "Hòa giải ở cơ sở"
    for other in ("Hoà giải ở cơ sở", unicodedata.normalize("NFD", text)):
        draft = tmp_path / "hop.toml"
        draft.write_text(
            '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
            f'[[directives]]\ntext = "{text}"\nunit = "BTC"\n\n'
            f'[[directives]]\ntext = "{other}"\nunit = "BTC"\n',
            encoding="utf-8",
        )
        error = cli.fail("import", str(draft))
        assert "directives #2: directives #1 gives the same unit the same text" in error
    assert cli.json("list") == []


def test_the_same_text_twice_to_one_unit_in_a_draft_is_no_silent_duplicate(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    text = seed_draft(cli, tmp_path, date="2022-05-06")
    items = json.loads(
        cli.ok("extract", str(SEED_000), "--format", "json", "--date", "2022-05-06")
    )["directives"]
    n, first = 1, {**items[0], "unit": items[0]["unit"] or "VPTU"}
    text = give_unit(text, "VPTU")
    # the first directive again, as a clerk's copied block without its key
    copy = f"[[directives]]\nunit = {json.dumps(first['unit'])}\ntext = {json.dumps(first['text'])}"
    twice = tmp_path / "twice.toml"
    twice.write_text(text.rstrip("\n") + "\n\n" + copy + "\n", encoding="utf-8")
    before = file_digest(db_path)
    for lang, words in (("en", "gives the same unit the same text"), ("vi", "cùng nội dung")):
        dry = cli("--lang", lang, "import", str(twice), "--dry-run")
        assert dry.exit_code == 1 and words in dry.stdout + dry.stderr
        assert re.search(rf"(line|dòng) \d+, directives #\d+: directives #{n} ", cli.fail(
            "--lang", lang, "import", str(twice)
        ))  # fmt: skip
    assert file_digest(db_path) == before
    # as `assign`, --allow-duplicate records both
    cli.ok("import", str(twice), "--allow-duplicate")


MEETING_12_5 = """THÔNG BÁO
Kết luận của Thường trực Tỉnh ủy tại buổi làm việc ngày 12/5/2025

1. Giao Ban Tổ chức Tỉnh ủy rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/9/2025.
2. Ban Dân vận Tỉnh ủy tổng hợp báo cáo, hoàn thành trong tháng 9/2025.
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_draft_whose_deadline_and_its_words_disagree_is_refused(
    cli: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A clerk who corrects a draft's deadline words (``due_phrase = "quý IV/2025"``) and not
    its ``due`` (30/9/2025), or deletes ``due`` and keeps the words, had the old day (or none)
    recorded under the new words, exit 0 and not a word: the import refuses it, naming the
    block, both days, and what to do; the draft as extract wrote it still imports."""
    register_tinh_uy(cli)
    source = tmp_path / "tb.txt"
    source.write_text(MEETING_12_5, encoding="utf-8")
    draft = tmp_path / "tb.toml"
    cli.ok("extract", str(source), "--out", str(draft))
    text = draft.read_text(encoding="utf-8")
    assert 'due_phrase = "hoàn thành trong tháng 9/2025"' in text
    before = file_digest(db_path)
    edited = tmp_path / "edited.toml"
    edited.write_text(
        text.replace('due_phrase = "hoàn thành trong tháng 9/2025"', 'due_phrase = "quý IV/2025"'),
        encoding="utf-8",
    )
    said = cli.fail("--lang", lang, "import", str(edited))
    if lang == "en":
        assert "directives #2 (" in said and (
            "due_phrase 'quý IV/2025' means 2025-12-31, but due is 2025-09-30" in said
        ), said
    else:
        assert "due_phrase 'quý IV/2025' là ngày 31/12/2025, nhưng due là 30/09/2025" in said
    no_due = tmp_path / "no-due.toml"
    no_due.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("due = ")),
        encoding="utf-8",
    )
    said = cli.fail("--lang", lang, "import", str(no_due))
    assert ("write due = 2025-09-30" if lang == "en" else "ghi due = 30/09/2025") in said, said
    assert file_digest(db_path) == before
    # the words deleted: the day is the deadline, the words none
    no_words = tmp_path / "no-words.toml"
    no_words.write_text(
        "\n".join(line for line in edited.read_text(encoding="utf-8").splitlines()
                  if not line.startswith("due_phrase = ")),
        encoding="utf-8",
    )  # fmt: skip
    cli.ok("import", str(no_words))
    assert [(d["due"], d["due_phrase"]) for d in cli.json("list")] == [
        ("2025-09-30", None),
        ("2025-09-30", None),
    ]


@pytest.mark.parametrize("form", ["toml", "json"])
def test_a_draft_saved_as_a_text_file_is_read_as_the_draft(
    cli: Cli, db_path: Path, tmp_path: Path, form: str
) -> None:
    """A draft saved as hop.txt (Notepad's own name for a text file) was read as a CSV sheet:
    'row 28: columns C (khó khăn nhất định …), G (…)', nothing a clerk could act on. It is told
    by what it holds and read as its .toml or .json would be, problems at their lines."""
    text = give_unit(seed_draft(cli, tmp_path), "VPTU")
    if form == "json":
        json_draft = tmp_path / "hop.json"
        cli.ok("extract", str(SEED_000), "--format", "json", "--out", str(json_draft))
        data = json.loads(json_draft.read_text(encoding="utf-8"))
        for item in (*data["limitations"], *data["directives"]):
            item["unit"] = item["unit"] or "VPTU"
        text = json.dumps(data, ensure_ascii=False, indent=2)
    named = tmp_path / f"{form}.toml"
    if form == "json":
        named = tmp_path / "hop.json"
    named.write_text(text, encoding="utf-8")
    saved = tmp_path / "hop.txt"
    saved.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))  # as Notepad saves it
    before = file_digest(db_path)
    as_named = json.loads(cli.ok("import", str(named), "--dry-run", "--format", "json"))
    as_text = json.loads(cli.ok("import", str(saved), "--dry-run", "--format", "json"))
    assert as_text["kind"] == "draft" and as_text["created"] == as_named["created"]
    assert as_text["created"]["directives"] >= 3
    day = '"2022-05-06"' if form == "json" else "2022-05-06"
    broken = text.replace(day, '"31/2/2022"', 1)
    saved.write_text(broken, encoding="utf-8")
    error = cli.fail("import", str(saved))
    assert error.startswith("Error: hop.txt: line ") and "'31/2/2022' is not a real date" in error
    assert file_digest(db_path) == before
    cli.ok("import", str(named))
    saved.write_text(text, encoding="utf-8")
    assert json.loads(cli.ok("import", str(saved), "--format", "json"))["unchanged"] > 3


def test_a_json_draft_or_export_saved_as_unicode_is_read(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """Notepad's "Unicode" is UTF-16: a JSON draft saved so was refused as "not a spreadsheet
    or a dirtrack export" (a TOML draft was read), and so was an export. Both are read as the
    UTF-8 they decode to, with or without the byte order mark; half a character is refused."""
    register_tinh_uy(cli)
    draft = tmp_path / "hop.json"
    cli.ok("extract", str(SEED_000), "--format", "json", "--out", str(draft))
    text = draft.read_text(encoding="utf-8")
    unicode = tmp_path / "u" / "hop.json"
    unicode.parent.mkdir()
    unicode.write_bytes(text.encode("utf-16"))
    as_utf8 = cli("import", str(draft), "--dry-run")
    as_utf16 = cli("import", str(unicode), "--dry-run")
    assert "not a spreadsheet" not in as_utf16.stderr
    assert (as_utf16.exit_code, as_utf16.stdout) == (as_utf8.exit_code, as_utf8.stdout)
    assert as_utf16.stderr.replace(str(unicode), str(draft)) == as_utf8.stderr
    meeting = cli.id("add-meeting", "--date", "6/5/2022", "--title", "Giao ban")
    cli.ok("assign", str(meeting), "--unit", "VPTU", "--due", "30/6/2022", "Rà soát quy chế")
    recorded = [(d["unit"], d["text"]) for d in cli.json("list", "--status", "all")]
    exported = tmp_path / "so.json"
    cli.ok("export", "--format", "json", "--out", str(exported))
    whole = exported.read_text(encoding="utf-8")
    for n, encoding in enumerate(("utf-16", "utf-16-le", "utf-16-be")):
        saved = tmp_path / f"so-{n}.json"
        saved.write_bytes(whole.encode(encoding))
        other = cli.at(tmp_path / f"other-{n}.db")
        other.ok("import", str(saved))
        assert [(d["unit"], d["text"]) for d in other.json("list", "--status", "all")] == recorded
    cut = tmp_path / "so-cut.json"
    cut.write_bytes(whole.encode("utf-16")[:-1])
    empty = cli.at(tmp_path / "empty.db")
    assert empty.fail("import", str(cut)) == "Error: so-cut.json: not valid UTF-16 text"
    assert not (tmp_path / "empty.db").exists() or not empty.json("list", "--status", "all")


def test_a_draft_saved_in_another_encoding_imports_as_the_same_draft(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    # Notepad saves "Unicode" (UTF-16) or, on a Vietnamese Windows, "ANSI" (Windows-1258)
    text = give_unit(seed_draft(cli, tmp_path), "VPTU")
    utf16 = tmp_path / "hop-unicode.toml"
    utf16.write_bytes(text.encode("utf-16"))
    ansi = tmp_path / "hop-ansi.toml"
    ansi.write_bytes(cp1258(text))
    dry = cli("import", str(utf16), "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    first = cli("import", str(utf16))
    assert first.exit_code == 0, first.stderr
    directives = cli.json("list")
    assert any("Văn phòng" in d["unit_name"] for d in directives)
    # the same words, whatever the file's encoding: the second import changes nothing
    before = file_digest(db_path)
    again = cli("import", str(ansi))
    assert again.exit_code == 0, again.stderr
    said = again.stderr + again.stdout
    assert "unchanged" in said and "created" not in said, said
    assert file_digest(db_path) == before
    # a draft that is not text is refused as such, not as "not a spreadsheet"
    broken = tmp_path / "hop-broken.toml"
    broken.write_bytes(text.encode("utf-8")[:200] + b"\x00\x00\x01\x02" * 50)
    error = cli.fail("import", str(broken))
    assert error == f"Error: {broken.name} is a binary file, not text"
    assert file_digest(db_path) == before


# "Sáng 6/5/2022, đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy chủ trì hội nghị giao ban. Giao Sở Tài
# chính xây dựng kế hoạch trong tháng 9/2022." typed in the TCVN3 (ABC) font, as Unicode shows it
TCVN3 = (
    "S\xb8ng 6/5/2022, \xaeång ch\xdd Nguy\xd4n V\xa8n A, B\xdd th\xad T\xd8nh \xf1y ch\xf1 "
    "tr\xd7 h\xe9i ngh\xde giao ban. Giao S\xeb T\xb5i ch\xddnh x\xa9y d\xf9ng k\xd5 "
    "ho\xb9ch trong th\xb8ng 9/2022.\n"
)


# the same typed in the VNI Windows font, where a tone is a letter after its vowel
VNI = (
    "Sa\xf9ng 6/5/2022, \xf1oa\xf8ng ch\xed Nguye\xe3n Va\xean A, B\xed th\xf6 T\xe6nh u\xfby "
    "chu\xfb tr\xec hoa\xe4i ngh\xf2 giao ban. Giao S\xf4\xfb Ta\xf8i ch\xednh xa\xe2y "
    "d\xf6\xefng ke\xe1 hoa\xefch trong tha\xf9ng 9/2022.\n"
)


def test_a_text_typed_in_the_tcvn3_font_is_named_so(cli: Cli, tmp_path: Path) -> None:
    """Its bytes were read as Windows-1258 and gave a draft of nothing, exit 0, with a warning
    that the date, title, chair and units were all missing; saved as UTF-8 the same."""
    legacy, pasted = tmp_path / "tcvn.txt", tmp_path / "dan.txt"
    legacy.write_bytes(TCVN3.encode("latin-1"))
    pasted.write_text(TCVN3, encoding="utf-8")
    for path in (legacy, pasted):
        assert cli.fail("extract", str(path)) == (
            f"Error: {path} is written in the TCVN3 (ABC) font, not in Unicode ('S\xb8ng "
            "6/5/2022, \xaeång ch\xdd Nguy\xd4n V\xa8n'); convert it to Unicode (Unikey: Công cụ "
            "chuyển mã, from TCVN3 (ABC) to Unicode), save it and read it again"
        )
    in_vi = cli.fail("--lang", "vi", "extract", str(legacy))
    assert in_vi.startswith(f"Error: {legacy} được gõ bằng phông TCVN3 (ABC), không phải Unicode")
    # "đọc lại" (read it again) left the clerk to read the file once more: the command is rerun
    assert in_vi.endswith("sang Unicode), lưu tệp rồi chạy lại lệnh"), in_vi
    vni = tmp_path / "vni.txt"
    vni.write_bytes(VNI.encode("latin-1"))
    assert cli.fail("extract", str(vni)) == (
        f"Error: {vni} is written in the VNI Windows font, not in Unicode ('Sa\xf9ng 6/5/2022, "
        "\xf1oa\xf8ng ch\xed Nguye\xe3n Va\xean'); convert it to Unicode (Unikey: Công cụ chuyển "
        "mã, from VNI Windows to Unicode), save it and read it again"
    )
    # a few of the font's letters in text typed in Unicode ("©", "§") are no font
    unicode_text = tmp_path / "unicode.txt"
    unicode_text.write_text(
        "Sáng 6/5/2022, đồng chí Nguyễn Văn A chủ trì hội nghị giao ban.\n© 2022 § 1 ®\n", "utf-8"
    )
    assert cli.json("extract", str(unicode_text))["meeting"]["date"] == "2022-05-06"
    english = tmp_path / "english.txt"
    english.write_text("The meeting.\n© 2022 § 1 ® © §\n", "utf-8")
    cli.ok("extract", str(english))
    noise = tmp_path / "noise.txt"  # high bytes in every order show a font's letters by chance
    noise.write_bytes(bytes(range(0x80, 0x100)) * 20)
    assert cli.fail("extract", str(noise)) == f"Error: {noise} is not text in UTF-8 or Windows-1258"
    german = tmp_path / "german.txt"  # umlauts after consonants: no VNI tone
    german.write_text("Die Behörde überprüft täglich die Anträge; für Rückfragen.\n", "utf-8")
    cli.ok("extract", str(german))


def test_one_unit_listed_several_ways_is_the_meetings_one_unit(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    # the meeting's units were counted as the draft's entries ("the meeting has 3 units"), and
    # a coordinator named twice passed the dry run, then failed the import with "unexpected
    # IntegrityError: UNIQUE constraint failed"
    register_tinh_uy(cli)
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
        '[[units]]\nname = "Văn phòng Tỉnh ủy"\n\n[[units]]\nname = "VPTU"\n\n'
        '[[units]]\nname = "van phong tinh uy"\n\n'
        '[[limitations]]\ntext = "Còn chậm"\n\n'
        '[[directives]]\ntext = "Rà soát hồ sơ"\n'
        'with = ["BTCTU", "btctu", "Ban Tổ chức Tỉnh ủy"]\n',
        encoding="utf-8",
    )
    dry = cli("import", str(draft), "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    cli.ok("import", str(draft))
    (meeting,) = cli.json("meetings")
    assert meeting["attendees"] == ["VPTU"]
    (directive,) = cli.json("list")
    assert (directive["unit"], directive["with"]) == ("VPTU", ["BTCTU"])
    assert [lim["unit"] for lim in cli.json("limitations")] == ["VPTU"]
    # an entry that names no registered unit may be another unit: the item still needs one
    before = file_digest(db_path)
    other = tmp_path / "hop2.toml"
    other.write_text(
        draft.read_text(encoding="utf-8")
        .replace('title = "Giao ban"', 'title = "Giao ban 2"')
        .replace('name = "VPTU"', 'name = "Sở Ma"'),
        encoding="utf-8",
    )
    error = cli.fail("import", str(other))
    assert "names no unit and the meeting has 2 units" in error and "unknown unit 'Sở Ma'" in error
    assert file_digest(db_path) == before


def test_a_new_unit_written_several_ways_is_one_new_unit(cli: Cli, tmp_path: Path) -> None:
    """A unit not registered yet, written in a draft by its initials and by its words, in
    another case or in NFD, was planned as two new units by --create-units, and the import
    then stopped at the second ('name … already refers to unit UXAP'); the dry run named it
    twice as unknown. It is one unit, as a registered one is found however it is written."""
    import unicodedata

    cli.ok("unit", "add", "TU", "Tỉnh ủy")
    spelled = unicodedata.normalize("NFD", "Ủy ban nhân dân xã An Phú")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
        '[[units]]\nname = "UBND xã An Phú"\n\n'
        f'[[units]]\nname = "{spelled}"\n\n'
        '[[units]]\nname = "ubnd xa an phu"\n\n'
        '[[directives]]\ntext = "Rà soát hồ sơ"\nunit = "UBND Xã An Phú"\n'
        'with = ["VP Tỉnh ủy", "Văn phòng Tỉnh ủy"]\n',
        encoding="utf-8",
    )
    dry = cli("import", str(draft), "--dry-run")
    assert dry.exit_code == 1
    assert dry.stdout.count("unknown unit '") == 2, dry.stdout  # An Phú and Văn phòng, once each
    cli.ok("import", str(draft), "--create-units")
    assert [(u["code"], u["name"]) for u in cli.json("unit", "list")] == [
        ("TU", "Tỉnh ủy"),
        ("UXAP", "UBND xã An Phú"),
        ("VTU", "VP Tỉnh ủy"),
    ]
    (meeting,) = cli.json("meetings")
    assert meeting["attendees"] == ["UXAP"]
    (directive,) = cli.json("list")
    assert (directive["unit"], directive["with"]) == ("UXAP", ["VTU"])


def test_two_new_units_whose_names_differ_in_marks_are_two_units(cli: Cli, tmp_path: Path) -> None:
    """'xã Hòa An' and 'xã Hóa An' in a draft (two communes: same letters, other tones) were
    planned as one new unit by --create-units, the second's directive given to the first; they
    are two, as `unit add` and a sheet's import make them; one written with its tone placed
    the other way is the first, one written without marks is ambiguous (nothing written)."""
    draft = tmp_path / "hop.toml"
    body = (
        '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
        '[[directives]]\ntext = "Rà soát hồ sơ"\nunit = "xã Hòa An"\n\n'
        '[[directives]]\ntext = "Báo cáo kết quả"\nunit = "xã Hóa An"\n\n'
        '[[directives]]\ntext = "Tổng hợp số liệu"\nunit = "Xã Hoà An"\n'
    )
    draft.write_text(body + '\n[[directives]]\ntext = "Họp dân"\nunit = "xa hoa an"\n')
    error = cli.fail("import", str(draft), "--create-units")
    assert "'xa hoa an'" in error and "XHA, XHA2" in error
    assert cli.json("unit", "list") == []
    draft.write_text(body, encoding="utf-8")
    dry = json.loads(cli.ok("import", str(draft), "--create-units", "--dry-run", "-f", "json"))
    assert dry["new_units"] == [
        {"code": "XHA", "name": "xã Hòa An"},
        {"code": "XHA2", "name": "xã Hóa An"},
    ]
    cli.ok("import", str(draft), "--create-units")
    units = {u["code"]: u["name"] for u in cli.json("unit", "list")}
    assert units == {"XHA": "xã Hòa An", "XHA2": "xã Hóa An"}
    assert {d["text"]: d["unit"] for d in cli.json("list")} == {
        "Rà soát hồ sơ": "XHA",
        "Báo cáo kết quả": "XHA2",
        "Tổng hợp số liệu": "XHA",
    }


def test_a_new_unit_listed_with_its_code_and_name_is_created_so(cli: Cli, tmp_path: Path) -> None:
    """A [[units]] entry giving a new unit's code and name: --create-units created a unit
    coded with the initials of the code ('U'), named with the code ('UBNDT'), the name lost;
    and a directive naming the new unit went to a registered unit whose longer name holds it
    ('Văn phòng UBND tỉnh')."""
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
        '[[units]]\ncode = "VPUB"\nname = "Văn phòng UBND tỉnh"\n\n'
        '[[units]]\ncode = "UBNDT"\nname = "UBND tỉnh"\n\n'
        '[[directives]]\ntext = "Rà soát hồ sơ"\nunit = "UBND tỉnh"\n\n'
        '[[directives]]\ntext = "Báo cáo kết quả"\nunit = "ubndt"\n',
        encoding="utf-8",
    )
    dry = json.loads(cli.ok("import", str(draft), "--create-units", "--dry-run", "-f", "json"))
    assert dry["new_units"] == [{"code": "UBNDT", "name": "UBND tỉnh"}]
    cli.ok("import", str(draft), "--create-units")
    units = {u["code"]: u["name"] for u in cli.json("unit", "list")}
    assert units == {"UBNDT": "UBND tỉnh", "VPUB": "Văn phòng UBND tỉnh"}
    assert [d["unit"] for d in cli.json("list")] == ["UBNDT", "UBNDT"]


@pytest.mark.parametrize(
    ("unit", "said"),
    [
        ('code = "=U"\nname = "UBND tỉnh"', "unit code '=U' must start with a letter"),
        ('code = "NEW"\nname = "VP UBND tỉnh"', "name 'VP UBND tỉnh' already refers to unit VPUB"),
        ('code = "NEW"\nname = "Sở\\u0007Lạ"', "name: control character U+0007 is not allowed"),
    ],
    ids=["formula-code", "name-of-another-unit", "control-character"],
)
def test_a_new_unit_listed_with_a_code_it_cannot_have_is_a_problem(
    cli: Cli, db_path: Path, tmp_path: Path, unit: str, said: str
) -> None:
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh", "--alias", "VP UBND tỉnh")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        f'[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n[[units]]\n{unit}\n\n'
        '[[directives]]\ntext = "Rà soát hồ sơ"\nunit = "VPUB"\n',
        encoding="utf-8",
    )
    before = file_digest(db_path)
    for args in (("--dry-run",), ()):
        error = cli.fail("import", str(draft), "--create-units", *args)
        assert f"line 5, units #1: {said}" in error, error
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("unit", "en", "vi"),
    [
        (
            'code = "VPTU"\nname = "Văn phòng UBND tỉnh"',
            "code VPTU is Văn phòng Tỉnh ủy, but the name beside it, 'Văn phòng UBND tỉnh', is "
            "VPUB (Văn phòng UBND tỉnh): correct the code or the name",
            "mã VPTU là Văn phòng Tỉnh ủy, nhưng tên ghi bên cạnh, 'Văn phòng UBND tỉnh', là VPUB",
        ),
        (
            'code = "VPTU"\nname = "Sở Xây dựng"',
            "code VPTU is Văn phòng Tỉnh ủy, not 'Sở Xây dựng': correct the code or the name",
            "mã VPTU là Văn phòng Tỉnh ủy, không phải 'Sở Xây dựng': hãy sửa mã hoặc tên",
        ),
    ],
    ids=["another-units-name", "a-new-units-name"],
)
def test_a_registered_code_beside_a_name_that_is_not_its_units_is_a_problem(
    cli: Cli, db_path: Path, tmp_path: Path, unit: str, en: str, vi: str
) -> None:
    """A clerk who changed a [[units]] entry's code and not its name (or gave a new unit a code
    already taken) had the meeting attended by the code's unit, the name ignored unsaid; the
    --create-units of a new unit's name did not make it either."""
    cli.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    head = '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n[[units]]\n'
    tail = '\n\n[[directives]]\ntext = "Rà soát hồ sơ"\nunit = "VPUB"\n'
    draft.write_text(head + unit + tail, encoding="utf-8")
    before = file_digest(db_path)
    for args in (("--dry-run",), (), ("--create-units",)):
        error = cli.fail("import", str(draft), *args)
        assert f"line 5, units #1: {en}" in error, error
    assert f"dòng 5, units #1: {vi}" in cli.fail("--lang", "vi", "import", str(draft))
    assert file_digest(db_path) == before
    # the code's unit by its name, an alias or a spelling of it is that unit
    for name in ("VP Tỉnh uỷ", "van phong tinh uy"):
        draft.write_text(head + f'code = "VPTU"\nname = "{name}"' + tail, encoding="utf-8")
        cli.ok("import", str(draft), "--dry-run")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Sở\\u0007Lạ", "name: control character U+0007 is not allowed"),
        ("Sở " * 300, "unit.name is 899 characters long, more than the 400 it can hold"),
    ],
    ids=["control-character", "too-long"],
)
def test_a_unit_the_import_cannot_create_is_a_problem_of_the_dry_run_too(
    cli: Cli, db_path: Path, tmp_path: Path, name: str, said: str
) -> None:
    # the dry run promised "1 unit" to create; the import then failed on the unit's name
    # with no line
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
        f'[[directives]]\nunit = "{name}"\ntext = "Rà soát hồ sơ"\n',
        encoding="utf-8",
    )
    before = file_digest(db_path)
    for args in (("--dry-run",), ()):
        error = cli.fail("import", str(draft), "--create-units", *args)
        assert f"line 5, directives #1: {said}" in error, error
    assert file_digest(db_path) == before


def test_a_unit_retired_before_the_meeting_is_a_problem_of_the_dry_run_too(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    # the dry run said "Would create 2 directives"; the import then failed with no line
    register_tinh_uy(cli)
    cli.ok("unit", "retire", "BDVTU", "--successor", "BTCTU", "--date", "1/1/2022")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-09-07\ntitle = "Giao ban"\n\n'
        '[[directives]]\nunit = "VPTU"\ntext = "Rà soát hồ sơ"\nwith = ["Ban Dân vận Tỉnh ủy"]\n\n'
        '[[directives]]\nunit = "BDVTU"\ntext = "Báo cáo kết quả"\n',
        encoding="utf-8",
    )
    before = file_digest(db_path)
    for args in (("--dry-run",), ()):
        error = cli.fail("import", str(draft), *args)
        assert "line 5, directives #1: unit BDVTU was retired on 2022-01-01" in error, error
        assert error.count("was retired") == 1  # once, where it is first named
    assert file_digest(db_path) == before


def test_a_json_draft_nested_thousands_deep_is_one_error_line(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    # Python's JSON reader gave up with a RecursionError, reported as "unexpected"
    draft = tmp_path / "hop.json"
    draft.write_text('{"meeting": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    before = file_digest(db_path)
    for args in ((), ("--dry-run",)):
        assert cli.fail("import", str(draft), *args) == "Error: hop.json: nested too deeply"
    vi = cli.fail("--lang", "vi", "import", str(draft))
    assert vi == "Error: hop.json: lồng nhau quá nhiều tầng"
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("text", "en", "vi"),
    [
        (
            '{\n"meeting": {\n"date": "2022-05-06",,\n"title": "Giao ban"}}',
            "line 3: not valid JSON (a comma, colon, quote or bracket missing or out of place, "
            """near 'ting": { "date": "2022-05-06",, "title":')""",
            "dòng 3: không đúng cú pháp JSON (thiếu hoặc đặt sai chỗ một dấu phẩy",
        ),
        (
            '{\n"meeting": {\n"date": "2022-05-06",\n"title": "Giao',
            "line 4: not valid JSON (it ends before its last value does: cut short",
            "dòng 4: không đúng cú pháp JSON (tệp kết thúc trước khi giá trị cuối cùng kết thúc",
        ),
        (
            '{"meeting": {"date": "2022-05-06", "title": "Giao ban"}}\nx',
            "line 2: not valid JSON (more follows the end of its value",
            "dòng 2: không đúng cú pháp JSON (còn nội dung thừa sau khi giá trị đã kết thúc",
        ),
    ],
    ids=["two-commas", "cut-short", "more-after"],
)
def test_a_json_draft_that_is_not_json_says_why_in_the_language_of_the_run(
    cli: Cli, db_path: Path, tmp_path: Path, text: str, en: str, vi: str
) -> None:
    """Python's JSON reader's English ('Unterminated string starting at') was the reason
    given under --lang vi too."""
    draft = tmp_path / "hop.json"
    draft.write_text(text, encoding="utf-8")
    before = file_digest(db_path)
    assert cli.fail("import", str(draft)).startswith(f"Error: hop.json: {en}")
    assert cli.fail("--lang", "vi", "import", str(draft)).startswith(f"Error: hop.json: {vi}")
    assert file_digest(db_path) == before


def test_half_a_character_in_a_json_draft_is_named_so(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A "\\ud800" escape in a JSON draft was refused as a "control character U+D800"."""
    draft = tmp_path / "hop.json"
    draft.write_text(
        '{"meeting": {"date": "2022-05-06", "title": "Giao \\ud800 ban"}}', encoding="utf-8"
    )
    before = file_digest(db_path)
    said = "title: U+D800 is half of a character, without its other half; no text holds one"
    assert said in cli.fail("import", str(draft))
    in_vi = cli.fail("--lang", "vi", "import", str(draft))
    assert "tiêu đề: U+D800 chỉ là một nửa của một ký tự, thiếu nửa còn lại" in in_vi, in_vi
    assert file_digest(db_path) == before


def test_a_key_given_twice_in_a_json_draft_is_refused_at_its_line(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """The last value won unsaid (a TOML draft is refused for it): a title typed twice was
    recorded as the second."""
    draft = tmp_path / "hop.json"
    draft.write_text(
        '{\n"meeting": {\n"date": "2022-05-06",\n"title": "Giao ban",\n"title": "Tên khác"\n},\n'
        '"directives": [{"text": "A", "unit": "X"},\n{"text": "B", "unit": "X"}]\n}\n',
        encoding="utf-8",
    )
    before = file_digest(db_path)
    said = "Error: hop.json: line 5: not valid JSON (a key is given a value twice)"
    assert cli.fail("import", str(draft), "--dry-run") == said
    assert cli.fail("--lang", "vi", "import", str(draft)) == (
        "Error: hop.json: dòng 5: không đúng cú pháp JSON (một khóa được gán giá trị hai lần)"
    )
    assert file_digest(db_path) == before


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_a_number_of_thousands_of_digits_in_a_draft_is_one_error_line(
    cli: Cli, db_path: Path, tmp_path: Path, suffix: str
) -> None:
    """Python's readers fail on a whole number of more than 4,300 digits with a ValueError of
    their own: 'unexpected ValueError: Exceeds the limit …', in English under --lang vi."""
    draft = tmp_path / f"hop{suffix}"
    number = "1" + "0" * 5000
    if suffix == ".json":
        draft.write_text(
            '{\n"meeting": {\n"date": "2022-05-06",\n"kind": ' + number + "\n}\n}\n",
            encoding="utf-8",
        )
        en = "line 4: not valid JSON (a number of more than 4300 digits; no value holds one)"
        vi = "dòng 4: không đúng cú pháp JSON (một số dài hơn 4300 chữ số; không giá trị nào"
    else:
        draft.write_text(
            '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\nkind = ' + number + "\n",
            encoding="utf-8",
        )
        en = (
            "the draft is not valid TOML: a number of more than 4300 digits; no value holds one "
            "(line 4, column 8)"
        )
        vi = "bản nháp không đúng cú pháp TOML: một số dài hơn 4300 chữ số; không giá trị nào"
    before = file_digest(db_path)
    for args in ((), ("--dry-run",)):
        assert cli.fail("import", str(draft), *args) == f"Error: hop{suffix}: {en}"
    assert cli.fail("--lang", "vi", "import", str(draft)).startswith(f"Error: hop{suffix}: {vi}")
    assert file_digest(db_path) == before


def test_extract_apply_records_in_one_step(cli: Cli) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    result = cli("extract", str(SEED_004), "--apply", "--create-units")
    assert result.exit_code == 0, result.stderr
    assert "[meeting]" in result.stdout  # the draft is shown
    assert "recorded meeting 1" in result.stderr
    assert {d["unit"] for d in cli.json("list")} == {"VPTU"}


def test_extract_apply_with_unknown_units_writes_nothing(cli: Cli, db_path: Path) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    before = file_digest(db_path)
    cli.fail("extract", str(SEED_000), "--apply")
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 20, "not text"),
    ],
)
def test_bad_sources(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "tin.txt"
    source.write_bytes(content)
    result = run("extract", str(source), db=str(tmp_path / "x.db"), forked=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert message in result.stderr.lower() or message.split()[0] in result.stderr.lower()
    assert not (tmp_path / "x.db").exists()  # a draft never creates the database


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><script>var tin = 'Sáng 6/5 họp giao ban';</script></head>"
        "<body><script>document.write('x')</script><style>p {}</style></body></html>",
        "<script>alert(1)</script>",
    ],
    ids=["scripts-and-styles", "a-script-alone"],
)
def test_a_page_with_no_text_says_so(cli: Cli, tmp_path: Path, page: str) -> None:
    source = tmp_path / "tin.html"
    source.write_text(page, encoding="utf-8")
    for lang, words in (("en", "the page has no text to read"), ("vi", "trang không có nội dung")):
        result = cli("--lang", lang, "extract", str(source))
        assert result.exit_code == 1
        assert result.stderr == f"Error: {source}: {result.stderr.split(': ', 2)[2]}"
        assert words in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_meeting_dated_after_today_is_drafted_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    from datetime import date

    later = date.today().year + 2
    source = tmp_path / "tin.txt"
    source.write_text(
        f"Hội nghị giao ban\nSáng 6/5/{later}, đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh chủ trì "
        "hội nghị giao ban. Sở Tài chính khẩn trương hoàn thành báo cáo.",
        encoding="utf-8",
    )
    result = cli("extract", str(source), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["meeting"]["date"] == f"{later}-05-06"
    assert result.stderr.startswith(f"Warning: the text dates the meeting {later}-05-06, after")
    assert len(result.stderr.splitlines()) == 1
    vi = cli("--lang", "vi", "extract", str(source))
    assert vi.exit_code == 0 and f"ngày họp là 06/05/{later}, sau hôm nay" in vi.stderr
    # the clerk who gives the day is not second-guessed
    given = cli("extract", str(source), "--date", f"6/5/{later}")
    assert given.exit_code == 0 and given.stderr == ""
    # recorded at once: the warning comes with the record, as add-meeting records such a day
    applied = cli("extract", str(source), "--apply", "--create-units")
    assert applied.exit_code == 0, applied.stderr
    lines = applied.stderr.splitlines()
    assert lines[0].startswith("Warning: the text dates the meeting") and "recorded" in lines[1]
    [meeting] = cli.json("meetings")
    assert meeting["date"] == f"{later}-05-06"
    # the draft is recorded already: the meeting is what to check, not a draft or --date
    assert lines[0].endswith(
        f"check the date of meeting {meeting['id']} as recorded (dirtrack edit meeting "
        f"{meeting['id']} --date corrects it)"
    ), lines[0]
    cli.ok("delete", "meeting", str(meeting["id"]), "--yes")
    vi = cli("--lang", "vi", "extract", str(source), "--apply")
    assert vi.exit_code == 0, vi.stderr
    [meeting] = cli.json("meetings")
    assert (
        f"hãy kiểm tra lại ngày của cuộc họp {meeting['id']} đã ghi (sửa bằng dirtrack edit "
        f"meeting {meeting['id']} --date)"
    ) in vi.stderr.splitlines()[0], vi.stderr


def test_extract_with_its_standard_input_closed(tmp_path: Path) -> None:
    # a cron job started with stdin closed: "unexpected AttributeError: 'NoneType' object has no
    # attribute 'buffer'", even for a file
    import shlex
    import subprocess

    from tests.conftest import ENTRY_POINT

    db = tmp_path / "x.db"

    def closed(*args: str, stdin: str = "<&-") -> subprocess.CompletedProcess[str]:
        line = shlex.join([ENTRY_POINT, "--db", str(db), *args]) + " " + stdin
        return subprocess.run(["bash", "-c", line], capture_output=True, text=True, check=False)

    read = closed("extract", str(SEED_000), "--format", "json")
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)["meeting"]["date"] == "2022-05-06"
    # a closed stdin was said to be empty: it is said to be closed, an empty one empty
    shut = closed("extract", "-")
    assert shut.returncode == 1
    assert shut.stderr.startswith("Error: standard input is closed: pipe it in")
    assert "đầu vào chuẩn (stdin) đã bị đóng" in closed("--lang", "vi", "extract", "-").stderr
    empty = closed("extract", "-", stdin="</dev/null")
    assert (empty.returncode, empty.stderr) == (1, "Error: standard input is empty\n")
    assert not db.exists()


@pytest.mark.parametrize(
    ("command", "limit", "lang"),
    [
        ("extract", 256, "vi"),
        pytest.param(
            "import", 1024, "en", marks=pytest.mark.slow("a gigabyte read before the refusal")
        ),
    ],
)
def test_a_standard_input_that_never_ends_is_refused_at_its_limit(
    cli: Cli, db_path: Path, command: str, limit: int, lang: str
) -> None:
    """``extract - < /dev/zero`` (and ``import -``) read until memory ran out, a minute and
    more: standard input is read up to a limit, then refused in one line."""
    import subprocess

    from tests import forkserver

    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    before = file_digest(db_path)
    said = {
        "en": "Error: standard input holds more than {n} MB, more than dirtrack {command} reads "
        "from it: give the file itself\n",
        "vi": "Error: đầu vào chuẩn (stdin) chứa hơn {n} MB, nhiều hơn mức dirtrack {command} "
        "đọc từ đó: hãy đưa chính tệp đó\n",
    }[lang]
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [forkserver.shared().dirtrack, "--db", str(db_path), "--lang", lang, command, "-"],
            stdin=zeros,
            capture_output=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1, done.stderr
    assert done.stderr.decode() == said.format(n=limit, command=command)
    assert file_digest(db_path) == before


def test_a_text_without_a_meeting_gives_a_draft_and_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "tin.txt"
    source.write_text("Hôm nay trời đẹp. Không có gì để ghi.", encoding="utf-8")
    result = run("extract", str(source), "--format", "json", db=str(tmp_path / "x.db"), forked=True)
    assert result.returncode == 0
    assert json.loads(result.stdout)["missing"] == ["date", "title", "chair", "units"]
    assert result.stderr.startswith("Warning: ") and "--date" in result.stderr
    given = run(
        "extract",
        str(source),
        "--date",
        "4/5/2023",
        "--chair",
        "Lê Văn Tám",
        "--format",
        "json",
        db=str(tmp_path / "x.db"),
        forked=True,
    )
    meeting = json.loads(given.stdout)["meeting"]
    assert (meeting["date"], meeting["chair"]) == ("2023-05-04", "Lê Văn Tám")


def test_a_toml_draft_is_commented_in_the_language_of_the_run(cli: Cli, tmp_path: Path) -> None:
    """Under --lang vi the draft a clerk corrects began with English comments (how to edit it,
    'The text does not give: date, title, chair, units'): they are in the run's language, the
    missing values in words; the draft reads back the same."""
    source = tmp_path / "tin.txt"
    source.write_text("Hôm nay trời đẹp. Không có gì để ghi.", encoding="utf-8")
    vi = cli.ok("--lang", "vi", "extract", str(source))
    comments = " ".join(line[2:] for line in vi.splitlines() if line.startswith("# "))
    assert comments.startswith("Bản nháp biên bản cuộc họp do `dirtrack extract` lập")
    assert "Văn bản không nêu: ngày họp (--date), tên cuộc họp" in comments
    assert "Draft" not in vi and "does not give" not in vi
    assert all(len(line) <= 96 for line in vi.splitlines() if line.startswith("#"))
    en = cli.ok("--lang", "en", "extract", str(source))
    assert "# The text does not give: the meeting's date (--date)" in en
    from dirtrack.extract.draft import Draft

    assert Draft.from_toml(vi) == Draft.from_toml(en)


def test_apply_of_a_text_without_a_meeting_is_one_error_line(cli: Cli, db_path: Path) -> None:
    """With --apply, a draft the import refuses (no date, no title) gets its one Error line and
    no warning beside it; a draft recorded with a field missing still gets the warning."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    before = file_digest(db_path)
    for lang in ("en", "vi"):
        result = cli("--lang", lang, "extract", "-", "--apply", input="Hôm nay trời đẹp.")
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert file_digest(db_path) == before
    text = "Sáng 6/5/2022, Văn phòng Tỉnh ủy họp giao ban. Văn phòng Tỉnh ủy cần rà soát hồ sơ."
    done = cli("extract", "-", "--apply", input=text)
    assert done.exit_code == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith("Warning: ") and "--chair" in lines[0]
    assert "recorded meeting 1" in done.stderr


def test_a_draft_needs_no_database(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = run("extract", str(SEED_000), "--format", "json", db=str(db), forked=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["meeting"]["date"] == "2022-05-06"
    assert not db.exists()


def test_extract_reads_an_html_page_and_ignores_its_boilerplate(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "tin.html"
    body = SEED_000.read_text(encoding="utf-8").replace("\n", "</p><p>")
    page.write_text(
        f"<html><head><title>Cổng TTĐT</title><script>var x=1;</script></head>"
        f"<body><nav>Trang chủ | Tin tức</nav><p>{body}</p>"
        f"<footer>Số lần xem: 1234. Bản quyền thuộc Văn phòng Tỉnh ủy</footer></body></html>",
        encoding="utf-8",
    )
    draft = json.loads(cli.ok("extract", str(page), "--format", "json"))
    assert draft["meeting"]["date"] == "2022-05-06"
    everything = json.dumps(draft, ensure_ascii=False)
    assert "PublishingPortal" not in everything and "Số lần xem" not in everything
    assert "var x" not in everything


def test_a_pages_own_date_is_the_date_line_a_year_less_day_is_read_against(
    cli: Cli, tmp_path: Path
) -> None:
    """A page that declares its publication day in its markup only (a portal's date line sits
    outside the article, and trafilatura leaves it out): "Sáng 6/5" is the 6 May before the
    page's 7 May 2019, not today's year guessed with a warning. A date the page only shows (its
    header's day, the day it was saved; a related article's) is no publication day: the year is
    still named missing."""
    lead = (
        "<p>Sáng 6/5, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện Nam Hòa chủ trì phiên họp"
        " thường kỳ tháng 5 để đánh giá tình hình kinh tế - xã hội.</p><p>Kết luận phiên họp,"
        " đồng chí Chủ tịch UBND huyện yêu cầu Phòng Tài chính - Kế hoạch khẩn trương rà soát các"
        " dự án chậm tiến độ.</p>"
    )
    declared = {
        "meta": '<meta content="2019-05-07T08:12:00+07:00" property="article:published_time">',
        "json-ld": '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2019-05-07T08:12:00+07:00"}</script>',
        "shown": "",
    }
    for name, head in declared.items():
        page = tmp_path / f"tin-{name}.html"
        page.write_text(
            f"<html><head><meta charset='utf-8'>{head}"
            "<title>UBND huyện họp phiên thường kỳ tháng 5</title></head><body>"
            '<div class="header"><span class="date">Thứ Hai, 07/12/2026</span></div><nav>Trang'
            " chủ | Tin tức</nav><article><h1>UBND huyện họp phiên thường kỳ tháng 5</h1>"
            f"{lead}</article><div class='related'><a href='/a'>Tin khác</a>"
            "<span class='date'>12/03/2018</span></div><footer>Bản quyền thuộc UBND huyện"
            "</footer></body></html>",
            encoding="utf-8",
        )
        result = cli("extract", str(page), "--format", "json")
        assert result.exit_code == 0, result.output
        draft = json.loads(result.stdout)
        if name != "shown":
            assert draft["meeting"]["date"] == "2019-05-06", name
            assert draft["missing"] == [], name
            assert "year" not in result.stderr
        else:
            assert draft["meeting"]["date"] not in ("2019-05-06", "2018-05-06")
            assert draft["missing"] == ["year"]


NOTICE_WITH_IMPOSSIBLE_DEADLINES = """\
TỈNH ỦY QUẢNG NGÃI
Số 512-TB/TU
THÔNG BÁO
Kết luận của đồng chí Bí thư Tỉnh ủy tại buổi làm việc với Ban Dân vận Tỉnh ủy
Ngày 07/4/2022, đồng chí Bùi Thị Quỳnh Vân, Bí thư Tỉnh ủy đã chủ trì buổi làm việc với Ban \
Dân vận Tỉnh ủy.
Sau khi nghe báo cáo, đồng chí Bí thư Tỉnh ủy kết luận như sau:
2. Nhiệm vụ thời gian tới
- Ban Dân vận Tỉnh ủy tham mưu ban hành kế hoạch thực hiện Kết luận số 120-KL/TW, hoàn thành \
{first}.
- Ban Dân vận Tỉnh ủy hoàn thành sơ kết Chỉ thị số 49-CT/TU trong {second}.
"""


@pytest.mark.parametrize(
    ("first", "second", "phrase", "reason"),
    [
        ("trước ngày 31/2/2022", "quý III/2022", "hoàn thành trước ngày 31/2/2022", "not a real"),
        ("trước ngày 30/6/2022", "quý V", "trong quý V", "4 quarters"),
    ],
)
def test_extract_apply_refuses_an_impossible_deadline_as_assign_does(
    cli: Cli, db_path: Path, tmp_path: Path, first: str, second: str, phrase: str, reason: str
) -> None:
    cli.ok("unit", "add", "BDVTU", "Ban Dân vận Tỉnh ủy")
    source = tmp_path / "tb.txt"
    source.write_text(
        NOTICE_WITH_IMPOSSIBLE_DEADLINES.format(first=first, second=second), encoding="utf-8"
    )
    draft = json.loads(cli.ok("extract", str(source), "--format", "json"))
    assert [d["due_phrase"] for d in draft["directives"]] == [
        f"hoàn thành {first}",
        f"trong {second}",
    ]
    before = file_digest(db_path)
    message = cli.fail("extract", str(source), "--apply")
    assert f"{phrase!r}" in message and reason in message and "directives #" in message
    assert file_digest(db_path) == before
    # assign --due says the same of the same words: one parser.
    meeting = cli.id("add-meeting", "--date", "7/4/2022", "--title", "Làm việc")
    due = phrase.removeprefix("hoàn thành ")
    assert reason in cli.fail("assign", str(meeting), "--unit", "BDVTU", "--due", due, "Việc")
    # Recorded from the draft file, the phrase is refused the same way.
    toml = tmp_path / "tb.toml"
    cli.ok("extract", str(source), "--out", str(toml))
    assert reason in cli.fail("import", str(toml))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_text_of_more_than_four_hundred_thousand_characters_is_refused_at_once(
    cli: Cli, tmp_path: Path, lang: str
) -> None:
    """A page of 20 MB took minutes to draft, and so did one line of 900,000 characters, under
    the million once allowed (15 to 35 s of CPU a million characters, more than a minute at a
    busy machine's load)."""
    page = tmp_path / "trang.html"
    page.write_text("<html><body><p>" + "chữ " * 120_000 + "</p></body></html>", encoding="utf-8")
    line = tmp_path / "dong.txt"
    line.write_text(("Giao Sở Tài chính xây dựng kế hoạch " * 25_000)[:900_000], encoding="utf-8")
    said = {
        "en": "{n} characters of text, more than the 400000 read from one meeting's "
        "document (a conclusion runs to some tens of thousands)",
        "vi": "{n} ký tự, nhiều hơn 400000 ký tự được đọc từ văn bản của một cuộc họp "
        "(một thông báo kết luận thường chỉ vài chục nghìn ký tự)",
    }[lang]
    assert cli.fail("--lang", lang, "extract", str(page)) == (
        f"Error: {page}: " + said.format(n=479_999)
    )
    assert cli.fail("--lang", lang, "extract", str(line)) == (
        f"Error: {line}: " + said.format(n=900_000)
    )


def test_a_problem_of_the_draft_as_a_whole_names_its_line(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A mistyped table name or a [units] that should be [[units]] was refused without the line
    of the draft it stands on."""
    meeting = '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n'
    before = file_digest(db_path)
    typo = tmp_path / "typo.toml"
    typo.write_text("# ghi chú\n\n" + meeting.replace("[meeting]", "[meetin]"), "utf-8")
    assert cli.fail("import", str(typo), "--dry-run").startswith(
        "Error: typo.toml: line 3, draft: unknown key 'meetin'"
    )
    table = tmp_path / "table.toml"
    table.write_text(meeting + '\n[units]\nname = "UBND xã An Phú"\n', "utf-8")
    assert cli.fail("import", str(table)) == "Error: table.toml: line 5, 'units' must be a list"
    assert cli.fail("--lang", "vi", "import", str(table)).startswith("Error: table.toml: dòng 5, ")
    # a table inside the meeting's ([meeting.a.b]) was named without its line
    nested = tmp_path / "nested.toml"
    nested.write_text("# ghi chú\n" + meeting.replace("[meeting]", "[meeting.a.b]"), "utf-8")
    assert cli.fail("import", str(nested)).startswith(
        "Error: nested.toml: line 2, meeting: unknown key 'a'"
    )
    dotted = tmp_path / "dotted.toml"
    dotted.write_text('meeting.date = 2022-05-06\nmeeting.title = "Giao ban"\nmeeting.x = 1\n')
    assert cli.fail("import", str(dotted)).startswith(
        "Error: dotted.toml: line 1, meeting: unknown key 'x'"
    )
    assert file_digest(db_path) == before


def test_a_key_no_draft_holds_is_named_at_its_line(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    """A key the draft format does not have, in any block (``missing = 5`` under a directive),
    is named with its block's line by the dry run and the import alike; the draft's own
    ``missing`` (what the text did not give, a note the import does not read) was taken
    whatever it held: a value it cannot be is said too."""
    cli.ok("unit", "add", "BDV", "Ban Dân vận")
    meeting = '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n'
    blocks = (
        '\n[[limitations]]\nunit = "BDV"\ntext = "Thiếu người"\nmissing = 5\n'
        '\n[[directives]]\nunit = "BDV"\ntext = "Rà soát quy chế"\nmissing = 5\n'
    )
    draft = tmp_path / "hop.toml"
    draft.write_text(meeting.replace("Giao ban", 'Giao ban"\nmissing = 5\nx = "') + blocks)
    before = file_digest(db_path)
    said = cli.fail("import", str(draft), "--dry-run")
    assert "line 1, meeting: unknown key 'missing'" in said, said
    assert "line 7, limitations #1: unknown key 'missing'" in said, said
    assert "line 12, directives #1: unknown key 'missing'" in said, said
    real = cli.fail("import", str(draft))
    assert real.startswith("Error: hop.toml: nothing was imported. line 1, meeting"), real
    assert real.count("unknown key 'missing'") == 3, real
    top = tmp_path / "top.toml"
    for value, line in (("5", 1), ('["date", "tittle"]', 1)):
        top.write_text(f"missing = {value}\n" + meeting)
        assert cli.fail("import", str(top)) == (
            f"Error: top.toml: line {line}, draft: 'missing' must be a list of what the text did "
            "not give, each one of date, year, title, chair, units (or leave it out)"
        )
    vi = cli.fail("--lang", "vi", "import", str(top))
    assert vi.startswith("Error: top.toml: dòng 1, bản nháp: 'missing' phải là danh sách"), vi
    assert file_digest(db_path) == before
    # what extract writes in its JSON draft reads, and is not recorded
    top.write_text('missing = ["year", "chair"]\n' + meeting)
    cli.ok("import", str(top))
    assert [m["title"] for m in cli.json("meetings")] == ["Giao ban"]


def test_an_empty_value_in_a_draft_is_refused_at_its_line_never_read_as_left_out(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """``kind = ""`` recorded the meeting as the default kind, ``due = ""`` a directive with no
    deadline, ``category = ""`` an 'other' limitation and ``with = ["BDV", ""]`` one coordinator:
    an empty value is named at its block's line, in TOML and JSON alike; a key left out (JSON's
    null) still means what the README says."""
    cli.ok("unit", "add", "BDV", "Ban Dân vận")
    head = '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n'
    item = '\n[[directives]]\nunit = "BDV"\ntext = "Rà soát quy chế"\n'
    draft = tmp_path / "hop.toml"
    before = file_digest(db_path)
    for meeting, extra, said in (
        ('kind = ""\n', "", "line 1, meeting: 'kind' is empty"),
        ('chair = " "\n', "", "line 1, meeting: 'chair' is empty"),
        ('date = ""\n', "", "line 1, meeting: 'date' is empty"),
        ("", 'due = ""\n', "line 5, directives #1: 'due' is empty"),
        ("", 'due_phrase = ""\n', "line 5, directives #1: 'due_phrase' is empty"),
        ("", 'with = ["BDV", ""]\n', "line 5, directives #1: 'with' holds an empty name"),
    ):
        text = (head + meeting).replace("date = 2022-05-06\n", "", meeting.startswith("date"))
        draft.write_text(text + item + extra, encoding="utf-8")
        assert said in cli.fail("import", str(draft), "--dry-run"), (meeting, extra)
        assert said in cli.fail("import", str(draft)), (meeting, extra)
    draft.write_text(head + '\n[[limitations]]\nunit = "BDV"\ntext = "Thiếu"\ncategory = ""\n')
    vi = cli.fail("--lang", "vi", "import", str(draft))
    assert "dòng 5, limitations #1: 'category' đang để trống: ghi giá trị" in vi, vi
    as_json = tmp_path / "hop.json"
    meeting_json = {"date": "2022-05-06", "title": "Giao ban", "kind": ""}
    as_json.write_text(json.dumps({"meeting": meeting_json}), encoding="utf-8")
    assert "meeting: 'kind' is empty" in cli.fail("import", str(as_json))
    assert file_digest(db_path) == before
    meeting_json["kind"] = None  # left out: the default kind, as the README says
    as_json.write_text(json.dumps({"meeting": meeting_json}), encoding="utf-8")
    cli.ok("import", str(as_json))
    assert [m["kind"] for m in cli.json("meetings")] == ["working-session"]


def test_a_huge_draft_is_refused_before_it_is_read(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    """A draft of tens of megabytes (no `extract` writes one) took minutes to check."""
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n' + "# x\n" * 1_300_000, "utf-8"
    )
    before = file_digest(db_path)
    for args in ((), ("--dry-run",)):
        error = cli.fail("import", str(draft), *args)
        assert error.startswith("Error: hop.toml: a draft of more than 5000000 characters")
    assert file_digest(db_path) == before


def test_an_item_at_a_meeting_whose_one_unit_is_unknown_is_no_second_problem(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """The meeting's one unit not registered: the dry run named it, then each item without a
    unit as 'names no unit and the meeting has 1 unit', which the unit's registration cures."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n\n'
        '[[units]]\nname = "UBND xã An Phú"\n\n'
        '[[directives]]\ntext = "Hoàn thành báo cáo tổng kết"\n',
        "utf-8",
    )
    before = file_digest(db_path)
    for args in ((), ("--dry-run",)):
        error = cli.fail("import", str(draft), *args)
        assert "line 5, units #1: unknown unit 'UBND xã An Phú'" in error, error
        assert "names no unit" not in error and error.count("line ") == 1, error
    # and what to do about it, as extract --apply and a sheet's import say (it was dropped)
    assert cli.fail("import", str(draft)).endswith("or rerun with --create-units")
    vi = cli.fail("--lang", "vi", "import", str(draft))
    assert vi.endswith("chạy lại với --create-units"), vi
    assert file_digest(db_path) == before
    cli.ok("import", str(draft), "--create-units")
    assert [d["unit"] for d in cli.json("list", "--as-of", "2022-05-06")] == ["UXAP"]


MADE_UP = (
    "Sáng ngày 6/5/2022, UBND xã An Phú họp giao ban tháng 5. Đồng chí Nguyễn Văn Bình, Chủ tịch "
    "UBND xã An Phú chủ trì cuộc họp.\n\nKết luận cuộc họp, đồng chí Chủ tịch yêu cầu UBND xã An "
    "Phú khẩn trương hoàn thành báo cáo tổng kết trước ngày 30/6/2022.\n"
)


def test_what_a_draft_records_is_counted_whole_and_without_zeros(cli: Cli, tmp_path: Path) -> None:
    """import DRAFT said 'created 1 directive, 1 meeting' over a limitation it created too;
    extract --apply said 'recorded meeting 2: 0 limitations, 1 directive'."""
    cli.ok("unit", "add", "STC", "Sở Tài chính")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n\n[[units]]\nname = "Sở Tài chính"\n\n'
        '[[limitations]]\ntext = "Chậm báo cáo"\n\n[[directives]]\ntext = "Làm kế hoạch"\n',
        "utf-8",
    )
    result = cli("import", str(draft))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == (
        f"imported {draft}: created 1 directive, 1 limitation, 1 meeting"
    )
    text = tmp_path / "tin.txt"
    text.write_text("Sáng 7/5/2022, đồng chí Nguyễn Văn A chủ trì hội nghị của Sở Tài chính.\n")
    applied = cli("--lang", "vi", "extract", str(text), "--apply")
    assert applied.exit_code == 0, applied.stderr
    assert "đã ghi cuộc họp 2, không có hạn chế hay nhiệm vụ nào" in applied.stderr
    assert " 0 " not in applied.stderr


def test_extract_apply_again_says_nothing_was_written(cli: Cli, db_path: Path) -> None:
    """The same text applied twice wrote nothing the second time, but said 'recorded meeting 1:
    0 limitations, 0 directives', as if its directive had been lost."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    first = cli("extract", "-", "--apply", "--create-units", input=MADE_UP)
    assert first.exit_code == 0 and "recorded meeting 1: 1 directive" in first.stderr
    assert "0 limitations" not in first.stderr  # a count of 0 is no clause
    before = file_digest(db_path)
    en = "meeting 1 was recorded from this draft already: nothing written, 2 items unchanged"
    vi = "cuộc họp 1 đã được ghi từ bản nháp này trước đó: không ghi thêm gì, 2 mục giữ nguyên"
    for lang, words in (("en", en), ("vi", vi)):
        again = cli("--lang", lang, "extract", "-", "--apply", "--create-units", input=MADE_UP)
        assert again.exit_code == 0 and again.stderr.strip() == words, again.stderr
    assert file_digest(db_path) == before
    assert len(cli.json("list", "--as-of", "2022-05-06")) == 1


def test_extract_apply_names_the_units_it_creates(cli: Cli) -> None:
    """extract --apply --create-units said 'recorded meeting 1: 1 directive, 1 unit', never
    which unit it had registered nor under what code, where import DRAFT --create-units names
    each ('New units: …')."""
    made = cli("extract", "-", "--apply", "--create-units", input=MADE_UP)
    assert made.exit_code == 0, made.stderr
    [unit] = cli.json("unit", "list")
    assert made.stderr.splitlines()[:2] == [
        "recorded meeting 1: 1 directive, 1 unit",
        f"New units: {unit['code']} ({unit['name']})",
    ]
    other = MADE_UP.replace("An Phú", "Bình Phú").replace("6/5/2022", "9/5/2022")
    vi = cli("--lang", "vi", "extract", "-", "--apply", "--create-units", input=other)
    assert vi.exit_code == 0, vi.stderr
    [new] = [u for u in cli.json("unit", "list") if u["code"] != unit["code"]]
    assert vi.stderr.splitlines()[:2] == [
        "đã ghi cuộc họp 2: 1 nhiệm vụ, 1 đơn vị",
        f"Đơn vị mới: {new['code']} ({new['name']})",
    ]


def test_extract_apply_refused_for_an_unknown_unit_names_create_units(
    cli: Cli, db_path: Path
) -> None:
    """Refused for a unit not registered, it did not say that --create-units registers it, as
    an office sheet's import does."""
    before = file_digest(db_path) if db_path.exists() else None
    said = cli("extract", "-", "--apply", input=MADE_UP)
    assert said.exit_code == 1 and "unknown unit" in said.stderr
    assert said.stderr.strip().endswith(
        "register the unknown units (dirtrack unit add, dirtrack unit alias) or rerun with "
        "--create-units"
    )
    vi = cli("--lang", "vi", "extract", "-", "--apply", input=MADE_UP)
    assert vi.stderr.strip().endswith("hoặc chạy lại với --create-units"), vi.stderr
    if before is not None:
        assert file_digest(db_path) == before


def test_extract_apply_refused_names_the_draft_in_the_language_of_the_run(
    cli: Cli, db_path: Path
) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    undated = MADE_UP.replace("Sáng ngày 6/5/2022, ", "")
    before = file_digest(db_path)
    for lang, words in (
        ("vi", "Error: bản nháp: không nhập gì. meeting: thiếu 'date'"),
        ("en", "Error: draft: nothing was imported. meeting: 'date' is missing"),
    ):
        result = cli("--lang", lang, "extract", "-", "--apply", "--create-units", input=undated)
        assert result.exit_code == 1 and result.stderr.startswith(words), result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert file_digest(db_path) == before


def test_a_day_without_a_year_anywhere_is_drafted_with_a_warning(cli: Cli) -> None:
    """'Sáng ngày 28/8' with no year and no dateline was drafted in this year, silently: an old
    article saved without its dateline went into the record years off."""
    from datetime import date

    text = MADE_UP.replace("6/5/2022", "6/5").replace(" trước ngày 30/6/2022", "")
    result = cli("extract", "-", "--format", "json", input=text)
    assert result.exit_code == 0, result.stderr
    draft = json.loads(result.stdout)
    held = date.fromisoformat(draft["meeting"]["date"])
    assert (held.month, held.day) == (5, 6) and held <= date.today()
    assert draft["missing"] == ["year"]
    assert result.stderr.startswith("Warning: the text does not give the meeting's year (")
    vi = cli("--lang", "vi", "extract", "-", input=text)
    assert vi.stderr.startswith("Lưu ý: văn bản không nêu năm họp (") and "--date" in vi.stderr
    assert "# Văn bản không nêu: năm họp" in vi.stdout
    given = cli("extract", "-", "--date", "6/5/2019", "--format", "json", input=text)
    assert given.stderr == "" and json.loads(given.stdout)["missing"] == []
    # a year the text gives elsewhere, or a full date, is no guess
    dated = cli("extract", "-", "--format", "json", input=text + "Năm 2019 xã đạt chuẩn.\n")
    assert json.loads(dated.stdout)["missing"] == [] and dated.stderr == ""


def test_extract_apply_without_a_year_says_to_check_the_meeting_not_the_draft(
    cli: Cli,
) -> None:
    """With --apply there is no draft left to fill in: the warning said 'fill it in the draft
    before importing it' over a meeting recorded with the year guessed; it names the meeting
    recorded and the command that corrects it."""
    text = MADE_UP.replace("6/5/2022", "6/5").replace(" trước ngày 30/6/2022", "")
    for lang, words in (
        ("en", "check meeting 1 as recorded (dirtrack edit meeting 1 corrects it)"),
        ("vi", "hãy kiểm tra lại cuộc họp 1 đã ghi (sửa bằng dirtrack edit meeting 1)"),
    ):
        result = cli("--lang", lang, "extract", "-", "--apply", "--create-units", input=text)
        assert result.exit_code == 0, result.stderr
        warning = result.stderr.splitlines()[0]
        assert words in warning and "--date" in warning
        assert "before importing" not in warning and "trước khi nhập" not in warning
    assert len(cli.json("meetings")) == 1


def test_wrong_values_in_several_blocks_are_all_named(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A draft edited badly in three places was refused at the first only: the clerk corrected
    it and ran the dry run again for each."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = "hôm qua"\ntitle = "Giao ban"\n\n'
        '[[units]]\nname = "VPTU"\nknown = "có"\n\n'
        '[[directives]]\nunit = "VPTU"\ntext = "Rà soát hồ sơ"\n\n'
        '[[directives]]\nunit = 7\ntext = "Hoàn thành báo cáo"\ndue = "31/2/2023"\n',
        "utf-8",
    )
    before = file_digest(db_path)
    dry = cli("import", str(draft), "--dry-run")
    assert dry.exit_code == 1
    assert dry.stdout.splitlines() == [
        "line 1, meeting: date: 'hôm qua' is not a date; use 2022-05-06, 6/5/2022 (day first), "
        "06-05-2022",
        "line 5, units #1: 'known' must be true or false",
        "line 13, directives #2: 'unit' must be text",
        # said once: the meeting's date is what the items' deadlines are checked against
        "Warning: what the items need the meeting for (deadlines against its date, units "
        "retired by then, an earlier import) is checked once [meeting] reads",
    ]
    assert dry.stderr.startswith("Error: hop.toml: 3 problems, an import would write nothing: ")
    error = cli.fail("--lang", "vi", "import", str(draft))
    assert error.startswith("Error: hop.toml: không nhập gì. dòng 1, meeting: date: ")
    assert "; dòng 5, units #1: " in error and "; dòng 13, directives #2: " in error
    assert error.count("[meeting]") == 1
    assert file_digest(db_path) == before


def test_a_json_draft_names_the_lines_of_its_problems(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A draft in JSON (`extract --format json`) named the block but never the line."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = {
        "meeting": {"date": "2022-05-06", "title": "Giao ban"},
        "units": [{"name": "VPTU"}],
        "directives": [
            {"unit": "VPTU", "text": "Rà soát hồ sơ"},
            {"unit": 7, "text": "Hoàn thành báo cáo"},
            {"unit": "Sở Không Có", "text": "Lập kế hoạch"},
        ],
    }
    path = tmp_path / "hop.json"
    path.write_text(json.dumps(draft, ensure_ascii=False, indent=2), "utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    second = [i for i, line in enumerate(lines, 1) if line.strip() == "{"][3]
    before = file_digest(db_path)
    third = [i for i, line in enumerate(lines, 1) if line.strip() == "{"][4]
    error = cli.fail("import", str(path))
    assert error == (
        f"Error: hop.json: nothing was imported. line {second}, directives #2: 'unit' must be "
        f"text; line {third}, directives #3: unknown unit 'Sở Không Có'; no registered unit is "
        "close to it (unit list). register the unknown units (dirtrack unit add, dirtrack unit "
        "alias) or rerun with --create-units"
    )
    draft["directives"][1]["unit"] = "VPTU"
    path.write_text(json.dumps(draft, ensure_ascii=False, indent=2), "utf-8")
    error = cli.fail("import", str(path), "--dry-run")
    assert f"line {third}, directives #3: unknown unit 'Sở Không Có'" in error, error
    path.write_text(json.dumps({**draft, "units": {"name": "VPTU"}}, indent=2), "utf-8")
    assert cli.fail("import", str(path)) == "Error: hop.json: line 6, 'units' must be a list"
    assert file_digest(db_path) == before


ONE_OF_EACH = """[meeting]
date = 2022-05-06
title = "Giao ban"

[[units]]
name = "VPTU"

[[directives]]
unit = "VPTU"
text = "Hoàn thành báo cáo"
due = "31/2/2018"

[[directives]]
unit = "Sở Không Có"
text = "Lập kế hoạch"

[[directives]]
unit = "VPTU"
text = "Rà soát hồ sơ"

[[directives]]
unit = "VPTU"
text = "Rà soát hồ sơ"
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_wrong_value_no_longer_hides_the_drafts_other_problems(
    cli: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    """A bad date in one block stopped the checks of the others: the unknown unit and the
    duplicate further on were named only once the clerk had corrected the date."""
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    draft.write_text(ONE_OF_EACH, "utf-8")
    before = file_digest(db_path)
    at = [i for i, line in enumerate(ONE_OF_EACH.splitlines(), 1) if line == "[[directives]]"]
    line, directive = ("line", "directives") if lang == "en" else ("dòng", "directives")
    due, unknown, same = {
        "en": ("'31/2/2018' is not", "unknown unit 'Sở Không Có'", "directives #3 gives the same"),
        "vi": ("'31/2/2018' không", "đơn vị 'Sở Không Có' chưa được", "directives #3 đã giao cùng"),
    }[lang]
    dry = cli("--lang", lang, "import", str(draft), "--dry-run")
    assert dry.exit_code == 1, dry.stderr
    said = dry.stdout.splitlines()
    assert len(said) == 4, said
    assert said[0].startswith(f"{line} {at[0]}, {directive} #1: due: {due}")
    assert said[1].startswith(f"{line} {at[1]}, {directive} #2: {unknown}")
    assert said[2].startswith(f"{line} {at[3]}, {directive} #4: {same}")
    # what to do about the unknown unit, as extract --apply and a sheet's import say
    assert said[3].startswith(("Warning: ", "Lưu ý: ")) and "--create-units" in said[3]
    assert "[meeting]" not in dry.stdout  # the meeting read
    json_dry = cli("--lang", lang, "import", str(draft), "--dry-run", "-f", "json")
    assert json.loads(json_dry.stdout)["lines"] == [at[0], at[1], at[3]]
    error = cli.fail("--lang", lang, "import", str(draft))
    for shown in said[:3]:
        assert shown in error
    assert error.index(said[0]) < error.index(said[1]) < error.index(said[2])
    assert error.endswith("--create-units"), error
    assert file_digest(db_path) == before
    assert cli.json("meetings") == []


def test_a_units_entry_that_does_not_read_is_not_also_an_unknown_unit(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "hop.toml"
    text = (
        '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\n\n'
        '[[units]]\ncode = "SKC"\nname = "Sở Không Có"\nknown = "có"\n\n'
        '[[directives]]\nunit = "SKC"\ntext = "Lập kế hoạch"\n\n'
        '[[directives]]\ntext = "Báo cáo kết quả"\n\n'
        '[[directives]]\nunit = "Ban Không Có"\ntext = "Rà soát hồ sơ"\n'
    )
    draft.write_text(text, "utf-8")
    before = file_digest(db_path)
    for options in ((), ("--dry-run",), ("--create-units",), ("--create-units", "--dry-run")):
        result = cli("import", str(draft), *options)
        said = result.stdout + result.stderr
        assert result.exit_code == 1 and "line 5, units #1: 'known' must be true or false" in said
        # the entry's code and name, and the item with no unit of the meeting's one unit: no
        # other problem; the unit the draft names nowhere else still is one without the option
        assert "SKC" not in said.replace('code = "SKC"', "") and "directives #2" not in said
        assert ("unknown unit 'Ban Không Có'" in said) is ("--create-units" not in options)
        assert "New units" not in said
    # the entry alone wrong: said as the one error it is, as before
    draft.write_text(text.replace("Ban Không Có", "SKC"), "utf-8")
    error = cli.fail("import", str(draft), "--dry-run")
    assert error == "Error: hop.toml: line 5, units #1: 'known' must be true or false"
    assert file_digest(db_path) == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_meeting_that_does_not_read_leaves_the_items_checked_but_what_needs_it(
    cli: Cli, db_path: Path, tmp_path: Path, lang: str
) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    # a kind no meeting has: the meeting's date is read for the deadlines all the same; with
    # the date itself wrong, a deadline in the meeting's year ('30/6') is not refused for it
    for meeting in ('date = 2022-05-06\nkind = "party"', 'date = "31/2/2022"'):
        text = (
            f'[meeting]\n{meeting}\ntitle = "Giao ban"\n\n'
            '[[directives]]\nunit = "VPTU"\ntext = "Lập kế hoạch"\ndue = "30/6"\n\n'
            '[[directives]]\nunit = "Ban Không Có"\ntext = "Rà soát hồ sơ"\n\n'
            '[[directives]]\nunit = "VPTU"\ntext = "Báo cáo"\ndue = "30/2/2022"\n'
        )
        draft.write_text(text, "utf-8")
        at = [i for i, line in enumerate(text.splitlines(), 1) if line == "[[directives]]"]
        before = file_digest(db_path)
        dry = cli("--lang", lang, "import", str(draft), "--dry-run")
        said = dry.stdout.splitlines()
        assert dry.exit_code == 1 and len(said) == 5, said
        assert re.match(r"(line|dòng) 1, meeting: ", said[0])
        assert re.match(rf"(line|dòng) {at[1]}, directives #2: ", said[1])
        assert re.match(rf"(line|dòng) {at[2]}, directives #3: due: '30/2/2022' ", said[2])
        assert said[3].startswith(("Warning: ", "Lưu ý: ")) and "--create-units" in said[3]
        assert said[4].startswith(("Warning: ", "Lưu ý: ")) and "[meeting]" in said[4]
        assert ("deadlines" in said[4]) is (lang == "en")
        error = cli.fail("--lang", lang, "import", str(draft))
        assert said[1] in error and said[2] in error and error.count("[meeting]") == 1
        assert "directives #1" not in error
        assert file_digest(db_path) == before


def test_a_draft_imported_before_then_broken_names_both(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    draft = tmp_path / "hop.toml"
    draft.write_text(
        '[meeting]\ndate = 2022-05-06\ntitle = "Giao ban"\nkey = "bai-1"\n\n'
        '[[units]]\nname = "VPTU"\n\n'
        '[[directives]]\ntext = "Hoàn thành báo cáo"\ndue = "30/6/2022"\nkey = "bai-1.1"\n\n'
        '[[directives]]\ntext = "Rà soát hồ sơ"\nkey = "bai-1.2"\n',
        "utf-8",
    )
    cli.ok("import", str(draft))
    assert "unchanged" in cli("import", str(draft)).stderr  # the same again
    before = file_digest(db_path)
    draft.write_text(draft.read_text("utf-8").replace("30/6/2022", "31/2/2022"), "utf-8")
    for options in ((), ("--dry-run",)):
        result = cli("import", str(draft), *options)
        said = result.stdout + result.stderr
        assert result.exit_code == 1 and "directives #1: due: '31/2/2022'" in said
        # whether the draft differs from what was recorded is told once every block reads
        assert "imported already" not in said
    draft.write_text(draft.read_text("utf-8").replace("31/2/2022", "31/7/2022"), "utf-8")
    assert "line 1, meeting: this draft was imported already as meeting 1, and the two differ" in (
        cli.fail("import", str(draft), "--dry-run")
    )
    # a [[units]] entry broken, the rest as imported: the entry is the news, no more
    draft.write_text(
        draft.read_text("utf-8")
        .replace("31/7/2022", "30/6/2022")
        .replace('name = "VPTU"', 'name = "VPTU"\nknown = 1'),
        "utf-8",
    )
    error = cli.fail("import", str(draft))
    assert error == "Error: hop.toml: line 6, units #1: 'known' must be true or false"
    assert file_digest(db_path) == before


def test_an_empty_draft_says_its_meeting_is_missing(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "hop.toml"
    before = file_digest(db_path)
    for text, said in (("", "hop.toml is empty"), ("# nothing yet\n", "hop.toml: ")):
        draft.write_text(text, "utf-8")
        for options in ((), ("--dry-run",)):
            error = cli.fail("import", str(draft), *options)
            assert said in error and error.count("Error:") == 1, error
            assert text == "" or "[meeting]" in error
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("parts", "vi", "en"),
    [
        ({"a.txt": "x"}, "thiếu phần [Content_Types].xml", "it lacks its part [Content_Types].xml"),
        (
            {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document"},
            "các phần bên trong bị hỏng",
            "its parts are damaged",
        ),
    ],
    ids=["a-part-missing", "parts-broken"],
)
def test_a_broken_docx_is_said_in_the_users_language_without_the_librarys_words(
    cli: Cli, tmp_path: Path, parts: dict[str, str], vi: str, en: str
) -> None:
    """python-docx's own words were the detail, English in the Vietnamese line ("There is no
    item named '[Content_Types].xml' in the archive", "'lxml.etree._Element' object has no
    attribute 'overrides'")."""
    path = tmp_path / "bien-ban.docx"
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    in_vi = cli.fail("--lang", "vi", "extract", str(path))
    assert in_vi.startswith("Error: ") and vi in in_vi, in_vi
    assert "There is" not in in_vi and "lxml" not in in_vi and "attribute" not in in_vi, in_vi
    in_en = cli.fail("--lang", "en", "extract", str(path))
    assert en in in_en and "lxml" not in in_en, in_en


def test_a_text_with_no_item_found_says_so(cli: Cli) -> None:
    """A meeting's account in which nothing is found as a limitation or a directive gave a draft
    of its meeting alone, and no word that its items were missing: the clerk took it for a
    meeting that decided nothing. The warning says so, in the run's language; a text with items
    gives no such warning, and ``--apply`` says it as it records."""
    text = (
        "Sáng 5/3/2024, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện Tân Phú chủ trì hội nghị giao"
        " ban tháng 3 với Phòng Tài chính - Kế hoạch huyện.\nHội nghị diễn ra trong không khí vui"
        " vẻ.\n"
    )
    en = cli("extract", "-", "--format", "json", input=text)
    assert en.exit_code == 0, en.stderr
    draft = json.loads(en.stdout)
    assert draft["limitations"] == [] and draft["directives"] == []
    assert "Warning: no limitation or directive was found in the text" in en.stderr
    vi = cli("--lang", "vi", "extract", "-", input=text)
    assert "Lưu ý: không tìm thấy hạn chế hay nhiệm vụ nào trong văn bản" in vi.stderr
    found = cli("extract", "-", "--format", "json", input=MADE_UP)
    assert json.loads(found.stdout)["directives"] and "no limitation or directive" not in (
        found.stderr
    )
