"""`remind` and the follow-up columns of `overdue`: per unit, what is overdue and what
falls due soon, how long overdue, when last updated, stale items marked."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.conftest import Cli, file_digest, prebuilt, run

AS_OF = "2022-07-10"
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
@prebuilt
def office(meeting: int, units: Cli) -> Cli:
    """Directives of the 6/5/2022 meeting, judged on 10/7/2022 (the ids are in the comments)."""
    m = str(meeting)

    def assign(unit: str, text: str, *due: str) -> str:
        return units.ok(
            "assign", m, "--unit", unit, *(("--due", due[0]) if due else ()), text
        ).strip()

    assign("VPTU", "Rà soát quy chế làm việc", "30/6/2022")  # 1: overdue 10 days, stale
    units.ok("progress", "1", "--percent", "30", "--date", "1/6/2022", "--note", "Đang rà soát")
    assign("BTC", "Trình đề án nhân sự", "12/7/2022")  # 2: due in 2 days
    assign("BTC", "Báo cáo sơ kết", "10/7/2022")  # 3: due today
    assign("BTC", "Tổng hợp ý kiến", "20/7/2022")  # 4: 10 days away
    assign("BDV", "Xây dựng kế hoạch", "1/7/2022")  # 5: done
    units.ok("done", "5", "--date", "30/6/2022")
    assign("UBKT", "Kiểm tra chuyên đề", "5/7/2022")  # 6: cancelled
    units.ok("cancel", "6", "--date", "1/7/2022")
    assign("VPTU", "Theo dõi thường xuyên")  # 7: no deadline
    assign("UBKT", "Bố trí lái xe", "1/7/2022")  # 8: extended to 15/7, approved 28/6
    units.ok("extend", "8", "--to", "15/7/2022", "--date", "28/6/2022")
    assign("UBKT", "Giám sát chuyên đề", "1/6/2022")  # 9: overdue 39 days, fresh progress
    units.ok("progress", "9", "--percent", "80", "--date", "5/7/2022")
    return units


def reminders(cli: Cli, *args: str) -> dict:  # type: ignore[type-arg]
    return json.loads(cli.ok("remind", "--as-of", AS_OF, "--format", "json", *args))


def test_remind_groups_by_unit_what_is_overdue_and_what_falls_due(office: Cli) -> None:
    data = reminders(office)
    assert data["as_of"] == AS_OF and data["within"] == 7 and data["until"] == "2022-07-17"
    assert [u["code"] for u in data["units"]] == ["BTC", "UBKT", "VPTU"]
    btc, ubkt, vptu = data["units"]
    assert btc["name"] == "Ban Tổ chức Tỉnh ủy"
    assert btc["overdue"] == []
    assert [(d["id"], d["days_left"]) for d in btc["due_soon"]] == [(3, 0), (2, 2)]
    assert [d["id"] for d in ubkt["overdue"]] == [9]
    assert [(d["id"], d["due"], d["original_due"]) for d in ubkt["due_soon"]] == [
        (8, "2022-07-15", "2022-07-01")
    ]
    assert [(d["id"], d["days_overdue"]) for d in vptu["overdue"]] == [(1, 10)]
    assert data["totals"] == {"overdue": 2, "due_soon": 3, "stale": 3}  # 1, 2 and 3


def test_each_item_says_when_it_was_last_updated_and_stale_ones_stand_out(office: Cli) -> None:
    items = {
        d["id"]: d
        for u in reminders(office)["units"]
        for k in ("overdue", "due_soon")
        for d in u[k]
    }
    assert (items[1]["last_update"], items[1]["last_update_event"]) == ("2022-06-01", "progress")
    assert (items[1]["days_since_update"], items[1]["stale"]) == (39, True)
    assert (items[9]["last_update"], items[9]["stale"]) == ("2022-07-05", False)
    assert (items[8]["last_update_event"], items[8]["days_since_update"]) == ("extended", 12)
    assert (items[2]["last_update_event"], items[2]["days_since_update"]) == ("assigned", 65)
    assert items[2]["stale"] is True
    assert items[1]["last_touched_by"] and items[1]["last_touched_at"]
    stricter = {
        d["id"]: d for u in reminders(office, "--stale-after", "70")["units"] for d in u["due_soon"]
    }
    assert stricter[2]["stale"] is False


def test_remind_text_is_one_plain_section_per_unit_in_either_language(office: Cli) -> None:
    english = office.ok("--lang", "en", "remind", "--as-of", AS_OF)
    assert not ANSI.search(english)
    assert english.splitlines()[0].startswith("Reminders — as of 2022-07-10")
    headings = [
        line for line in english.splitlines() if " — " in line and not line.startswith(("Rem", " "))
    ]
    assert headings == [
        "BTC — Ban Tổ chức Tỉnh ủy",
        "UBKT — Ủy ban Kiểm tra Tỉnh ủy",
        "VPTU — Văn phòng Tỉnh ủy",
    ]
    assert "BDV" not in english
    vptu = english.split("VPTU — Văn phòng Tỉnh ủy")[1]
    assert "⚠ #1  Rà soát quy chế làm việc" in vptu
    assert "10 days overdue" in vptu and "progress 30%" in vptu
    assert "last update 2022-06-01 (progress, 39 days ago)" in vptu
    assert "no update for 39 days" in vptu
    assert "due today" in english and "2 days left" in english
    assert "In all: 2 overdue directives, 3 directives due soon" in english
    vietnamese = office.ok("--lang", "vi", "remind", "--as-of", AS_OF)
    assert "Nhắc việc — tính đến ngày 10/07/2022" in vietnamese
    assert "quá hạn 10 ngày" in vietnamese and "chưa cập nhật 39 ngày" in vietnamese
    assert "Sắp đến hạn (2):" in vietnamese
    assert "hạn 15/07/2022 (ban đầu 01/07/2022)" in vietnamese


def test_remind_for_one_unit_and_a_narrower_window(office: Cli) -> None:
    data = reminders(office, "--unit", "ban to chuc")
    assert [u["code"] for u in data["units"]] == ["BTC"]
    today_only = reminders(office, "--within", "0")
    assert [d["id"] for u in today_only["units"] for d in u["due_soon"]] == [3]
    wide = reminders(office, "--within", "10")
    assert sorted(d["id"] for u in wide["units"] for d in u["due_soon"]) == [2, 3, 4, 8]


@pytest.mark.parametrize(
    ("lang", "scope", "none"),
    [
        ("en", "and those due on 2022-07-10", "Nothing overdue or due on 2022-05-20."),
        (
            "vi",
            "nhiệm vụ đến hạn ngày 10/07/2022",
            "Không có nhiệm vụ quá hạn hoặc đến hạn ngày 20/05/2022.",
        ),
    ],
)
def test_remind_within_0_says_the_day_not_within_0_days(
    office: Cli, lang: str, scope: str, none: str
) -> None:
    """--within 0 said "those due within 0 days (by 2022-07-10)" ("trong 0 ngày tới"), and
    "Nothing overdue or due within 0 days": now the day itself."""
    text = office.ok("--lang", lang, "remind", "--as-of", AS_OF, "--within", "0")
    assert scope in text.splitlines()[0], text
    assert " 0 " not in text, text
    result = office("--lang", lang, "remind", "--as-of", "2022-05-20", "--within", "0")
    assert result.exit_code == 0 and result.stderr.strip() == none, result.stderr


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "last update 2022-07-05 (progress, today)"),
        ("vi", "cập nhật lần cuối 05/07/2022 (tiến độ, hôm nay)"),
    ],
)
def test_an_update_on_the_day_itself_is_today_not_0_days_ago(
    office: Cli, lang: str, line: str
) -> None:
    """Directive 9's progress of 5/7, reminded of on 5/7, said "(progress, 0 days ago)"."""
    text = office.ok("--lang", lang, "remind", "--as-of", "2022-07-05")
    assert line in text, text
    assert " 0 " not in text, text


def test_remind_check_exits_3_when_anything_is_overdue(office: Cli) -> None:
    result = office("remind", "--as-of", AS_OF, "--check")
    assert result.exit_code == 3
    assert "2 overdue" in result.stderr
    calm = office("remind", "--as-of", "2022-05-20", "--check", "--within", "3")
    assert calm.exit_code == 0
    assert calm.stdout == ""  # nothing to remind: nothing for cron to mail
    assert "Nothing overdue or due within 3 days" in calm.stderr


def test_remind_as_cron_runs_it(office: Cli, db: str) -> None:
    done = run("--lang", "vi", "remind", "--as-of", AS_OF, "--check", db=db)
    assert done.returncode == 3
    assert not ANSI.search(done.stdout)
    assert "UBKT — Ủy ban Kiểm tra Tỉnh ủy" in done.stdout


def test_remind_csv_and_fields(office: Cli) -> None:
    rows = list(
        csv.DictReader(io.StringIO(office.ok("remind", "--as-of", AS_OF, "--format", "csv")))
    )
    assert [(r["section"], r["id"], r["unit"]) for r in rows] == [
        ("due_soon", "3", "BTC"),
        ("due_soon", "2", "BTC"),
        ("overdue", "9", "UBKT"),
        ("due_soon", "8", "UBKT"),
        ("overdue", "1", "VPTU"),
    ]
    picked = office.ok(
        "remind", "--as-of", AS_OF, "--format", "csv", "--fields", "id,days_overdue,stale"
    )
    assert picked.splitlines()[0] == "id,days_overdue,stale"
    narrow = reminders(office, "--fields", "id,due")
    assert narrow["units"][0]["due_soon"][0] == {"id": 3, "due": "2022-07-10"}


def test_overdue_table_with_last_update_but_not_its_age(office: Cli) -> None:
    # The last-update cell adds the days since; --fields may leave those out.
    picked = office.json("overdue", "--as-of", AS_OF, "--fields", "id,last_update")
    assert picked and all(set(r) == {"id", "last_update"} for r in picked)
    table = office.ok("overdue", "--as-of", AS_OF, "--fields", "id,unit,last_update,stale")
    for record in picked:
        if record["last_update"] is not None:
            assert record["last_update"] in table


@pytest.mark.engine_independent("refused as the options are read, before any query")
@pytest.mark.parametrize(
    "args",
    [
        ["--within", "-1"],
        ["--within", "99999"],
        ["--stale-after", "-5"],
        ["--unit", "Ban Không Có"],
        ["--as-of", "31/2/2022"],
        ["--fields", "id,nope"],
    ],
)
def test_remind_refuses_bad_input(office: Cli, db_path: Path, args: list[str]) -> None:
    digest = file_digest(db_path)
    office.fail("remind", *args)
    assert file_digest(db_path) == digest


def test_overdue_shows_how_long_and_the_last_update(office: Cli) -> None:
    late = office.json("overdue", "--as-of", AS_OF)
    assert [(d["id"], d["days_overdue"], d["last_update"], d["stale"]) for d in late] == [
        (9, 39, "2022-07-05", False),
        (1, 10, "2022-06-01", True),
    ]
    table = office.ok("--lang", "en", "overdue", "--as-of", AS_OF)
    assert "Last update" in table
    assert "⚠ 2022-06-01 (39)" in table
    assert "2022-07-05 (5)" in table and "⚠ 2022-07-05" not in table
    relaxed = office.json("overdue", "--as-of", AS_OF, "--stale-after", "60")
    assert [d["stale"] for d in relaxed] == [False, False]
    assert office("overdue", "--as-of", AS_OF, "--check").exit_code == 3
