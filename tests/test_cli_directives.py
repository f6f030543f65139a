from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from tests.conftest import Cli, language_twin, snapshot


def test_add_meeting_and_list(units: Cli) -> None:
    record = units.json(
        "add-meeting",
        "--date",
        "7/9/2022",
        "--title",
        "Giao ban với các Đoàn công tác",
        "--kind",
        "briefing",
        "--chair",
        "Lê Thành Đông",
        "--chair-title",
        "Bí thư Thị ủy",
        "--attendee",
        "BTC",
        "--attendee",
        "vp tinh uy",
        "--doc",
        "46-QĐ/ThU",
        "--note",
        "Hồng Lĩnh",
    )
    assert record["date"] == "2022-09-07"
    assert record["kind"] == "briefing"
    assert record["attendees"] == ["BTC", "VPTU"]
    assert record["doc"] == "46-QĐ/ThU"
    listed = units.json("meetings", "--period", "quý III/2022")
    assert [m["id"] for m in listed] == [record["id"]]
    assert units.json("meetings", "--period", "2022Q2") == []


def test_add_meeting_key_is_idempotent(units: Cli) -> None:
    args = ("add-meeting", "--date", "2022-05-06", "--title", "Họp", "--key", "hop-1")
    first = units.id(*args)
    again = units(*args)
    assert again.exit_code == 0 and int(again.stdout) == first
    assert len(units.json("meetings")) == 1


def test_assign_records_every_field(units: Cli, meeting: int) -> None:
    d = units.json(
        "assign",
        str(meeting),
        "--unit",
        "BTC",
        "--with",
        "VPTU",
        "--with",
        "ubkt",
        "--due",
        "quý III/2022",
        "--product",
        "Đề án",
        "--key",
        "k1",
        "Đẩy nhanh tiến độ các đề án được giao",
    )
    assert d["meeting_id"] == meeting
    assert d["unit"] == "BTC"
    assert d["with"] == ["UBKT", "VPTU"]
    assert d["due"] == d["original_due"] == "2022-09-30"
    assert d["product"] == "Đề án"
    assert d["key"] == "k1"
    assert d["text"] == "Đẩy nhanh tiến độ các đề án được giao"
    for key in ("status", "progress", "completed_on", "cancelled_on", "days_overdue"):
        assert key in d


@pytest.mark.engine_independent("the deadline's words are read in Python")
def test_deadline_phrase_without_year_takes_the_meetings_year(units: Cli, meeting: int) -> None:
    d = units.json("assign", str(meeting), "--unit", "BTC", "--due", "trong tháng 9", "x")
    assert d["due"] == "2022-09-30"


@pytest.mark.engine_independent("the deadline's words are read in Python")
def test_a_deadline_naming_no_year_says_the_year_it_was_read_in(units: Cli, meeting: int) -> None:
    """`--due 30/6`, `quý III`, `cuối quý` took the meeting's year without a word (stdout the
    id, stderr empty): the clerk learnt which year only from `show`. The command now says it
    on stderr, in the run's language, once it is written; words that name their year, or count
    from the meeting, say nothing; a refused deadline says only its Error: line."""
    m = str(meeting)  # held on 6 May 2022
    said = {
        "30/6": "'30/6' names no year: the deadline is read as 2022-06-30, in the year of the day "
        "it is counted from (2022-05-06)",
        "quý III": "'quý III' names no year: the deadline is read as 2022-09-30, in the year of "
        "the day it is counted from (2022-05-06)",
        "cuối quý": "'cuối quý' names no year: the deadline is read as 2022-06-30, in the year "
        "of the day it is counted from (2022-05-06)",
    }
    for n, (due, line) in enumerate(said.items()):
        result = units("assign", m, "--unit", "BTC", "--due", due, f"Việc {n}")
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines() == [line]
        d = units.json("show", result.stdout.strip())
        assert (d["due"], d["due_phrase"]) == (line.split("read as ")[1][:10], due)
    for n, due in enumerate(["30/6/2022", "quý III/2022", "trong 10 ngày làm việc", "6 tháng",
                             "cuối năm nay", "quý I năm sau"]):  # fmt: skip
        result = units("assign", m, "--unit", "BTC", "--due", due, f"Khác {n}")
        assert result.exit_code == 0 and result.stderr == "", (due, result.stderr)
    vi = units("--lang", "vi", "edit", "directive", "1", "--due", "31/12")
    assert vi.exit_code == 0, vi.stderr
    assert vi.stderr.splitlines()[0] == (
        "'31/12' không ghi năm: thời hạn được hiểu là 31/12/2022, theo năm của ngày làm mốc "
        "tính (06/05/2022)"
    )
    assert units.json("show", "1")["due"] == "2022-12-31"
    refused = units("assign", m, "--unit", "BTC", "--due", "30/4", "Trước họp")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines() == [
        "Error: deadline 2022-04-30 is before the meeting (2022-05-06)"
    ]


@pytest.mark.engine_independent("the deadline's words are read in Python")
def test_a_tet_deadline_without_a_year_says_which_tet(units: Cli, meeting: int) -> None:
    """`--due "trước Tết"` took the nearest Tết whose deadline had not passed without a word
    (only a day off moving it said anything): the clerk learnt the year only from `show`. The
    command now names the Tết it read (its year and first day, by the lunar calendar) and the
    day it is counted from; `trước Tết 2024` names its year and says nothing of it."""
    m = str(meeting)  # held on 6 May 2022: the nearest Tết is 2023's (22 January)
    said = {
        "trước Tết": "2023-01-19",
        "trước Tết Nguyên đán": "2023-01-19",
        "sau Tết": "2023-02-09",
    }
    for n, (due, day) in enumerate(said.items()):
        result = units("assign", m, "--unit", "BTC", "--due", due, f"Việc {n}")
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines()[0] == (
            f"'{due}' names no year: it is read as Tết 2023 (its first day 2023-01-22), the "
            f"nearest whose deadline has not passed on the day it is counted from (2022-05-06): "
            f"the deadline is {day}"
        )
        d = units.json("show", result.stdout.strip())
        assert (d["due"], d["due_phrase"]) == (day, due)
    # counted from a day after the 2023 break: next year's Tết, 10 February 2024
    vi = units("--lang", "vi", "assign", m, "--unit", "BTC", "--due", "trước Tết",
               "--from", "1/3/2023", "Việc sau")  # fmt: skip
    assert vi.exit_code == 0, vi.stderr
    assert "Tết 2024" in vi.stderr.splitlines()[0] and "10/02/2024" in vi.stderr
    assert units.json("show", vi.stdout.strip())["due"] == "2024-02-07"
    named = units("assign", m, "--unit", "BTC", "--due", "trước Tết 2024", "Có năm")
    assert named.exit_code == 0 and "names no year" not in named.stderr, named.stderr
    # a two-digit year is no date here: refused, nothing recorded
    before = len(units.json("list", "--status", "all"))
    refused = units("assign", m, "--unit", "BTC", "--due", "5/3/23", "Hai chữ số")
    assert refused.exit_code == 1 and refused.stderr.startswith("Error: --due: '5/3/23'")
    assert len(units.json("list", "--status", "all")) == before


def test_several_units_give_one_directive_each(units: Cli, meeting: int) -> None:
    out = units.ok("assign", str(meeting), "--unit", "BTC", "--unit", "BDV", "Khắc phục hạn chế")
    ids = [int(line) for line in out.split()]
    assert len(ids) == 2
    listed = units.json("list", "--meeting", str(meeting), "--as-of", "2022-06-01")
    assert sorted(d["unit"] for d in listed) == ["BDV", "BTC"]


def test_attendees_gives_one_directive_per_attending_unit(units: Cli, meeting: int) -> None:
    records = units.json("assign", str(meeting), "--attendees", "Nâng cao chất lượng tham mưu")
    assert sorted(r["unit"] for r in records) == ["BDV", "BTC", "UBKT", "VPTU"]


def test_assign_key_makes_a_script_safe_to_rerun(units: Cli, meeting: int) -> None:
    args = ("assign", str(meeting), "--unit", "BTC", "--unit", "BDV", "--key", "kl-1", "x")
    first = units.ok(*args).split()
    again = units(*args)
    assert again.exit_code == 0
    assert again.stdout.split() == first
    assert len(units.json("list", "--as-of", "2022-06-01")) == 2


def test_progress_done_extend_cancel_and_show(units: Cli, meeting: int) -> None:
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đề án A")
    units.ok("progress", str(d), "--percent", "40", "--note", "Đã có dự thảo", "--date", "1/6/2022")
    units.ok("extend", str(d), "--to", "tháng 8/2022", "--date", "25/6/2022", "--reason", "CV 12")
    units.ok("progress", str(d), "--percent", "80", "--date", "2022-07-20")
    units.ok("done", str(d), "--date", "2022-08-10", "--note", "Đề án 05-ĐA")
    shown = units.json("show", str(d), "--as-of", "2022-09-30")
    assert shown["status"] == "done_on_time"
    assert shown["due"] == "2022-08-31" and shown["original_due"] == "2022-06-30"
    assert shown["completed_on"] == "2022-08-10"
    assert shown["progress"] == 100
    assert [e["event"] for e in shown["history"]] == [
        "assigned",
        "progress",
        "extended",
        "progress",
        "completed",
    ]
    assert shown["history"][2]["due"] == "2022-08-31"
    assert shown["meeting"]["chair"] == "Phương Thị Thanh"
    # As of an earlier day, only what had happened by then shows.
    earlier = units.json("show", str(d), "--as-of", "2022-06-10")
    assert earlier["status"] == "open_in_time"
    assert earlier["progress"] == 40
    assert earlier["completed_on"] is None
    assert earlier["due"] == "2022-06-30"
    assert [e["event"] for e in earlier["history"]] == ["assigned", "progress"]
    c = units.id("assign", str(meeting), "--unit", "BDV", "--due", "30/6/2022", "Đề án B")
    units.ok("cancel", str(c), "--date", "2022-06-01", "--reason", "Không còn phù hợp")
    assert units.json("show", str(c))["status"] == "cancelled"


def test_progress_that_goes_down_is_recorded_with_a_warning(units: Cli, meeting: int) -> None:
    """70 % then 40 % was taken without a word. It is recorded as given (exit 0), and one
    warning on stderr says from what and which day, in either language; a percentage below one
    logged only on a later day, and one that does not go down, say nothing."""
    d = str(units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/9/2022", "Đề án A"))
    units.ok("progress", d, "--percent", "70", "--date", "10/7/2022")
    down = units("progress", d, "--percent", "40", "--date", "20/7/2022")
    assert down.exit_code == 0 and down.stderr.splitlines() == [
        f"Warning: directive {d}: progress down to 40%, from 70% (logged on 2022-07-10); it is "
        "recorded as given (check which is right)",
        f"directive {d}: progress logged on 2022-07-20",
    ]
    vi = units("--lang", "vi", "progress", d, "--percent", "35", "--date", "21/7/2022")
    assert vi.stderr.splitlines()[0] == (
        f"Lưu ý: nhiệm vụ {d}: tiến độ giảm xuống 35%, từ 40% (ghi ngày 20/07/2022); vẫn ghi "
        "nhận như đã nhập (hãy kiểm tra lại số nào đúng)"
    )
    earlier = units("progress", d, "--percent", "30", "--date", "5/7/2022")  # before the 70
    up = units("progress", d, "--percent", "50", "--note", "Đã trình", "--date", "22/7/2022")
    note = units("progress", d, "--note", "Chưa có số liệu", "--date", "23/7/2022")
    for quiet in (earlier, up, note):
        assert quiet.exit_code == 0 and "Warning" not in quiet.stderr, quiet.stderr
    shown = units.json("show", d, "--as-of", "2022-07-31")
    assert [e.get("percent") for e in shown["history"] if e["event"] == "progress"] == [
        30,
        70,
        40,
        35,
        50,
        None,
    ]


def test_each_column_of_shows_history_holds_what_its_header_says(units: Cli, meeting: int) -> None:
    """The history of `show` put the deadline as written (``Quý III/2022``) under "Text" on the
    assignment row, beside notes and reasons. The words go with their deadline (assignment and
    extension), and the last column is the note (progress note, an extension's reason), headed
    so, in the table of either language and in JSON (``due_text`` apart from ``note``)."""
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "Quý III/2022", "Đề án A")
    units.ok("extend", str(d), "--to", "tháng 12/2022", "--date", "1/8/2022", "--reason", "CV 12")
    units.ok("progress", str(d), "--percent", "30", "--note", "Đã có dự thảo", "--date", "2/8/2022")
    shown = units.json("show", str(d), "--as-of", "2022-08-31")
    assert [
        (e["event"], e.get("due"), e.get("due_text"), e.get("note")) for e in shown["history"]
    ] == [
        ("assigned", "2022-09-30", "Quý III/2022", None),
        ("extended", "2022-12-31", "tháng 12/2022", "CV 12"),
        ("progress", None, None, "Đã có dự thảo"),
    ]
    for lang, header, note, rows in (
        ("en", "Date Status Deadline Progress Note", "Note", [
            "2022-05-06 Assigned 2022-09-30 «Quý III/2022»",
            "2022-08-01 Extended 2022-12-31 «tháng 12/2022» CV 12",
            "2022-08-02 Progress 30% Đã có dự thảo",
        ]),
        ("vi", "Ngày Tình trạng Thời hạn Tiến độ Ghi chú", "Ghi chú", [
            "06/05/2022 Giao nhiệm vụ 30/09/2022 «Quý III/2022»",
            "01/08/2022 Gia hạn 31/12/2022 «tháng 12/2022» CV 12",
            "02/08/2022 Tiến độ 30% Đã có dự thảo",
        ]),
    ):  # fmt: skip
        table = units.ok("--lang", lang, "show", str(d), "--as-of", "2022-08-31").splitlines()
        at = next(i for i, line in enumerate(table) if " ".join(line.split()) == header)
        lines = table[at + 1 : at + 4]
        assert [" ".join(line.split()) for line in lines] == rows
        column = table[at].index(note)  # the note under its header, the words of a deadline not
        assert lines[0][column:].strip() == "" and lines[0].index("«") < column
        assert lines[1].index("CV 12") == column and lines[2].index("Đã có") == column


def test_no_completion_or_cancellation_before_what_is_recorded_on_it(
    units: Cli, meeting: int, db: str
) -> None:
    """An extension approved after the completion would turn a late completion into one on
    time, and a request asked after it would be pending on a closed directive: a completion or
    cancellation dated before either is refused. A progress report dated later is not a
    decision and does not stop it (an office's sheet logs progress on the sheet's day)."""
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đề án A")
    units.ok("extend", str(d), "--to", "31/7/2022", "--date", "5/7/2022")  # after the deadline
    before = snapshot(db)
    assert units.fail("done", str(d), "--date", "2/7/2022") == (
        "Error: completion date 2022-07-02 is before the approval date 2022-07-05 recorded on "
        "directive 1"
    )
    assert units.fail("--lang", "vi", "cancel", str(d), "--date", "2/7/2022").startswith(
        "Error: ngày dừng thực hiện 02/07/2022 trước ngày "
    )
    units.fail("done", str(d), "--date", "10/7/2022", "--doc-date", "3/7/2022", "--doc", "5/BC-BTC")
    assert snapshot(db) == before
    e = units.id("assign", str(meeting), "--unit", "BDV", "--due", "30/6/2022", "Đề án B")
    units.ok(
        "request", "extend", str(e), "--to", "31/7/2022", "--reason", "Chờ", "--date", "20/6/2022"
    )
    before = snapshot(db)
    assert "request date 2022-06-20" in units.fail("done", str(e), "--date", "15/6/2022")
    assert snapshot(db) == before
    # On the day of the last one, or after it, is fine.
    units.ok("done", str(d), "--date", "5/7/2022")
    assert units.json("show", str(d), "--as-of", "2022-12-31")["status"] == "done_on_time"
    units.ok("cancel", str(e), "--date", "20/6/2022")
    # progress reported on 1/7 does not stop a completion on 28/6, learnt of later
    f = units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đề án C")
    units.ok("progress", str(f), "--percent", "40", "--date", "1/7/2022")
    units.ok("done", str(f), "--date", "28/6/2022")
    assert units.json("show", str(f), "--as-of", "2022-12-31")["status"] == "done_on_time"


# Every command that records something that happened, with its --date (the record ids are
# filled in by the test; the day is checked before any of them is looked up).
EVENTS = [
    ["progress", "{d}", "--percent", "40"],
    ["done", "{d}"],
    ["extend", "{d}", "--to", "31/12/2030"],
    ["cancel", "{d}"],
    ["reopen", "{d}"],
    ["accept", "{d}"],
    ["return", "{d}", "--reason", "Chưa đạt"],
    ["request", "extend", "{d}", "--to", "31/12/2030", "--reason", "Chờ"],
    ["request", "withdraw", "{d}", "--reason", "Không còn phù hợp"],
    ["approve", "1"],
    ["reject", "1", "--reason", "Không"],
    ["resolve", "{lim}"],
    ["pack", "in", "phieu.xlsx"],
    ["unit", "retire", "BDV", "--successor", "BTC"],
]


@pytest.mark.parametrize("lang", ["en", language_twin("vi")])
def test_nothing_that_happened_is_dated_after_today(
    units: Cli, meeting: int, db: str, lang: str
) -> None:
    """A year typed wrong (2999 for 2022) was recorded without a word; a day after today is
    refused for what has happened, naming the option, the day and today. A deadline may lie
    ahead (extend --to above, assign --due); so may a meeting."""
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "31/12/2030", "Đề án A")
    lim = units.id("add-limitation", str(meeting), "--unit", "BTC", "Chậm tiến độ")
    units.ok("request", "extend", str(d), "--to", "31/3/2031", "--reason", "Chờ ý kiến")
    today = date.today()
    tomorrow = today + timedelta(days=1)
    before = snapshot(db)
    for command in EVENTS:
        args = [a.format(d=d, lim=lim) for a in command]
        for typed, shown in (("2999-01-01", date(2999, 1, 1)), (tomorrow.isoformat(), tomorrow)):
            said = units.fail("--lang", lang, *args, "--date", typed)
            if lang == "en":
                assert said == (
                    f"Error: --date {shown.isoformat()} is after today ({today.isoformat()}): "
                    "what has happened cannot be dated on a day still to come"
                ), args
            else:
                vi = f"{shown:%d/%m/%Y}"
                assert said.startswith(f"Error: --date {vi} là sau hôm nay ({today:%d/%m/%Y})")
    assert snapshot(db) == before
    # Today itself is fine, and so is a meeting ahead.
    units.ok("progress", str(d), "--percent", "40", "--date", today.isoformat())
    units.ok("add-meeting", "--date", "2/1/2999", "--title", "Hội nghị tổng kết")


def test_show_as_a_person_reads_it(units: Cli, meeting: int) -> None:
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đề án A")
    units.ok("extend", str(d), "--to", "2022-08-31", "--date", "2022-06-25")
    text = units.ok("--lang", "vi", "show", str(d), "--as-of", "2022-07-01")
    assert "Đề án A" in text and "Gia hạn" in text and "31/08/2022" in text
    text_en = units.ok("--lang", "en", "show", str(d), "--as-of", "2022-07-01")
    assert "Extended" in text_en and "2022-08-31" in text_en


def test_show_gives_the_words_of_the_deadline_in_force(units: Cli, meeting: int) -> None:
    # An extension's words replace the original's beside the date, as due_phrase does in JSON.
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "tháng 6/2022", "Đề án A")
    units.ok("extend", str(d), "--to", "tháng 8/2022", "--date", "2022-06-25")
    # (the card's line; the history below gives each deadline with its own words)
    before = units.ok("--lang", "vi", "show", str(d), "--as-of", "2022-06-20")
    [line] = [x for x in before.splitlines() if x.startswith("Thời hạn ")]
    assert "«tháng 6/2022»" in line and "tháng 8/2022" not in before
    after = units.ok("--lang", "vi", "show", str(d), "--as-of", "2022-07-01")
    [line] = [x for x in after.splitlines() if x.startswith("Thời hạn ")]
    assert "«tháng 8/2022»" in line and "«tháng 6/2022»" not in line
    assert units.json("show", str(d), "--as-of", "2022-07-01")["due_phrase"] == "tháng 8/2022"


@pytest.mark.engine_independent("the words are compared with the day shown in Python")
def test_show_leaves_out_words_that_only_repeat_the_deadlines_day(units: Cli, meeting: int) -> None:
    """`request extend --to 31/12/2022`, approved, showed `2022-12-31 (…)  «31/12/2022»`: words
    that the DATE parser reads as the very day shown are not shown as its wording, on the card
    or in the history, in either language; words that say more (a quarter) still are, and
    JSON keeps the words as given."""
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "30-06-2022", "Đề án A")
    asked = units.id(
        "request", "extend", str(d), "--to", "31/12/2022", "--reason", "Chờ", "--date", "1/6/2022"
    )
    units.ok("approve", str(asked), "--date", "2/6/2022")
    q = units.id("assign", str(meeting), "--unit", "BTC", "--due", "Quý III/2022", "Đề án B")
    for lang in ("en", "vi"):
        card = units.ok("--lang", lang, "show", str(d), "--as-of", "2022-07-01")
        assert "«" not in card and "»" not in card, card
        words = units.ok("--lang", lang, "show", str(q), "--as-of", "2022-07-01")
        assert words.count("«Quý III/2022»") == 2, words  # the card and the assignment
    shown = units.json("show", str(d), "--as-of", "2022-07-01")
    assert shown["due_phrase"] == "31/12/2022" and shown["history"][0]["due_text"] == "30-06-2022"
    listed = units.ok("list")
    assert "«" not in listed and "31/12/2022" not in listed


def test_show_before_the_directive_was_given_says_so(units: Cli, meeting: int) -> None:
    d = units.id("assign", str(meeting), "--unit", "BTC", "--due", "30/6/2022", "Đề án A")
    # `list --as-of` leaves it out that day; `show` says it did not exist yet, in both languages.
    assert units.json("list", "--as-of", "2022-05-05") == []
    en = units.fail("--lang", "en", "show", str(d), "--as-of", "5/5/2022")
    assert en == f"Error: directive {d} was not given yet on 2022-05-05: it was given on 2022-05-06"
    vi = units.fail("--lang", "vi", "show", str(d), "--as-of", "5/5/2022", "--format", "json")
    assert "06/05/2022" in vi and "given" not in vi
    assert units.json("show", str(d), "--as-of", "6/5/2022")["status"] == "open_in_time"


def test_list_filters_by_status_unit_and_meeting(units: Cli, meeting: int) -> None:
    a = units.id("assign", str(meeting), "--unit", "BTC", "--due", "2022-06-30", "A")
    b = units.id("assign", str(meeting), "--unit", "BDV", "--due", "2022-12-31", "B")
    c = units.id("assign", str(meeting), "--unit", "VPTU", "C")
    units.ok("done", str(c), "--date", "2022-07-01")
    as_of = ("--as-of", "2022-07-15")
    assert [d["id"] for d in units.json("list", "--status", "overdue", *as_of)] == [a]
    assert [d["id"] for d in units.json("list", "--status", "open", *as_of)] == [a, b]
    assert [d["id"] for d in units.json("list", "--status", "done_on_time", *as_of)] == [c]
    assert [d["id"] for d in units.json("list", "--unit", "ban dan van", *as_of)] == [b]
    assert len(units.json("list", "--meeting", str(meeting), *as_of)) == 3
    # Before the meeting nothing had been assigned.
    assert units.json("list", "--as-of", "2022-05-05") == []


def test_list_csv_has_the_json_columns(units: Cli, meeting: int) -> None:
    import csv
    import io

    units.ok("assign", str(meeting), "--unit", "BTC", "--with", "VPTU", "--due", "2022-06-30", "A")
    rows = list(
        csv.DictReader(io.StringIO(units.ok("list", "--format", "csv", "--as-of", "2022-07-02")))
    )
    assert rows[0]["unit"] == "BTC"
    assert rows[0]["status"] == "overdue"
    assert rows[0]["days_overdue"] == "2"
    assert rows[0]["with"] == "VPTU"
    assert rows[0]["completed_on"] == ""


def test_limitations_add_resolve_list(units: Cli, meeting: int) -> None:
    lim = units.json(
        "add-limitation", str(meeting), "--unit", "UBKT", "--category", "staffing", "Thiếu lái xe"
    )
    assert lim == {
        "id": lim["id"],
        "meeting_id": meeting,
        "unit": "UBKT",
        "text": "Thiếu lái xe",
        "category": "staffing",
        "raised_on": "2022-05-06",
        "resolved_on": None,
        "repeat_of": None,
    }
    other = units.id("add-limitation", str(meeting), "--unit", "BDV", "Kinh phí hạn hẹp")
    units.ok("resolve", str(lim["id"]), "--date", "1/8/2022", "--note", "Đã hợp đồng lái xe")
    assert [x["id"] for x in units.json("limitations", "--open")] == [other]
    assert [x["id"] for x in units.json("limitations", "--unit", "uy ban kiem tra")] == [lim["id"]]
    assert units.json("limitations", "--unit", "UBKT")[0]["resolved_on"] == "2022-08-01"
    assert (
        units.json("limitations", "--as-of", "2022-07-01", "--unit", "UBKT")[0]["resolved_on"]
        is None
    )
    assert units.json("limitations", "--period", "2022Q3", "--unit", "UBKT") == []
    assert len(units.json("limitations", "--period", "2022Q2")) == 2


@pytest.mark.engine_independent("the deadline's words are read in Python")
def test_assign_reads_every_deadline_phrase_an_office_sheet_reads(units: Cli, meeting: int) -> None:
    """README's WHEN forms ('hạ tuần tháng 10/2022', 'tháng 3-6/2023', a weekday before the day)
    were read from an office sheet and a draft but refused by assign --due."""
    dues = {
        "Hạ tuần tháng 10/2022": "2022-10-31",
        "Tháng 3-6/2023": "2023-06-30",
        "Thứ Sáu, 30/6/2023": "2023-06-30",
    }
    for phrase, due in dues.items():
        ident = units.id("assign", str(meeting), "--unit", "BTC", "--due", phrase, f"Việc {phrase}")
        [record] = [d for d in units.json("list") if d["id"] == ident]
        assert (record["due"], record["due_phrase"]) == (due, phrase)
    said = units.fail("assign", str(meeting), "--unit", "BTC", "--due", "Thứ Ba, 30/6/2023", "X")
    assert "2023-06-30 is no Thứ Ba" in said
    units.ok("edit", "directive", str(ident), "--due", "Trung tuần tháng 11/2022")
    [record] = [d for d in units.json("list") if d["id"] == ident]
    assert (record["due"], record["due_phrase"]) == ("2022-11-20", "Trung tuần tháng 11/2022")


def test_overdue_most_overdue_first_and_check(units: Cli, meeting: int) -> None:
    a = units.id("assign", str(meeting), "--unit", "BTC", "--due", "2022-06-30", "A")
    b = units.id("assign", str(meeting), "--unit", "BDV", "--due", "2022-05-31", "B")
    units.id("assign", str(meeting), "--unit", "VPTU", "--due", "2022-12-31", "C")
    listed = units.json("overdue", "--as-of", "2022-07-10")
    assert [(d["id"], d["days_overdue"]) for d in listed] == [(b, 40), (a, 10)]
    assert [d["id"] for d in units.json("overdue", "--as-of", "2022-07-10", "--unit", "BTC")] == [a]
    result = units("overdue", "--as-of", "2022-07-10", "--check")
    assert result.exit_code == 3
    assert units("overdue", "--as-of", "2022-05-31", "--check").exit_code == 0


@pytest.mark.engine_independent("the text is rendered in Python")
@pytest.mark.parametrize("force_color", ["", "1"], ids=["pipe", "terminal"])
def test_words_that_look_like_markup_are_shown_as_typed(
    units: Cli, meeting: int, force_color: str
) -> None:
    """A directive's text is never read as rich markup or emoji codes: "[/]" used to end
    `list` with an unexpected MarkupError once the table went to rich."""
    text = "Sửa mục [/] và [b]phụ lục[/b] :warning:"
    ident = units.id("assign", str(meeting), "--unit", "BTC", text)
    env = {"FORCE_COLOR": force_color} if force_color else None
    for args in (["list"], ["show", str(ident)]):
        done = units(*args, env=env)
        assert done.exit_code == 0, done.stderr
        assert done.stderr == ""
        shown = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in done.stdout.splitlines()]
        assert any(text in line for line in shown), done.stdout


def test_an_extension_of_a_directive_given_no_deadline_says_there_was_none(
    units: Cli, meeting: int
) -> None:
    """A directive assigned without a deadline, then extended: the register keeps no original
    deadline (null) and the extension alone, as JSON and the history say; the card, the list
    and the reminder gave the extension's day as if it had been given at the meeting."""
    ident = units.id("assign", str(meeting), "--unit", "BTC", "Việc không hạn")
    units.ok("extend", str(ident), "--to", "31/12/2022", "--date", "1/6/2022", "--reason", "CV")
    shown = units.json("show", str(ident))
    assert (shown["due"], shown["original_due"], shown["extensions"]) == ("2022-12-31", None, 1)
    assert [(h["event"], h["due"]) for h in shown["history"]] == [
        ("assigned", None),
        ("extended", "2022-12-31"),
    ]
    changes = units.json("history", str(ident))
    created = [c for c in changes if c["entity"] == "directive" and c["action"] == "create"]
    assert created[0]["after"]["original_due"] is None
    extension = next(c for c in changes if c["entity"] == "extension")
    assert extension["after"]["new_due"] == "2022-12-31"
    assert "Deadline        2022-12-31 (extended; no deadline at first)" in units.ok(
        "show", str(ident)
    )
    card = units.ok("--lang", "vi", "show", str(ident))
    assert "31/12/2022 (gia hạn; ban đầu không có thời hạn)" in card, card
    listed = units.ok("list", "--as-of", "2022-06-30")
    assert "2022-12-31 (extended; no deadline at first)" in listed, listed
    reminded = units.ok("remind", "--as-of", "2022-12-30")
    assert "due 2022-12-31 (extended; no deadline at first); 1 day left" in reminded, reminded
    # given at the meeting, the day says nothing more
    given = units.id("assign", str(meeting), "--unit", "BTC", "--due", "31/12/2022", "Việc có hạn")
    assert "at first" not in units.ok("show", str(given))
