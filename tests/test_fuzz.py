"""Arbitrary input at every command: text, dates, numbers and ids of every kind give
exit 0, 1 or 2, never a traceback; an error is one `Error:` line; and whenever the exit is not 0
the database file is byte for byte what it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.batch import invoker
from tests.conftest import file_digest

Args = list[str]
invoke = invoker()

# Text as it can reach argv: any character but NUL, with the lone surrogates Python makes of
# bytes that are not UTF-8 (surrogateescape).
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        st.sampled_from(
            ["\udcff", "\udce9", "ủ", "ỷ", "Đ", "\u0301", "\n", "\t", "'", '"', ";", "%"]
        ),
    ),
    max_size=40,
)
NUMBER = st.one_of(
    st.integers(-3, 12),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 100, 101, 2**63 - 1, 2**63, -(2**63) - 1]),
).map(str)
SMALL = st.integers(-1, 6).map(str)
ID = st.one_of(SMALL, SMALL, NUMBER, TEXT)


def _day_forms(day: object) -> st.SearchStrategy[str]:
    d = day  # a datetime.date
    return st.sampled_from(
        [
            d.isoformat(),  # type: ignore[attr-defined]
            f"{d.day}/{d.month}/{d.year}",  # type: ignore[attr-defined]
            f"{d.day:02d}-{d.month:02d}-{d.year}",  # type: ignore[attr-defined]
        ]
    )


VALID_DATE = st.dates(date(2022, 5, 1), date(2023, 12, 31)).flatmap(_day_forms)
DATE = st.one_of(
    VALID_DATE,
    VALID_DATE,
    st.dates().flatmap(_day_forms),
    st.sampled_from(
        [
            "31/2/2022",
            "2022-13-01",
            "0/0/0",
            "29/2/2023",
            "tháng 13/2022",
            "quý V/2022",
            "2022Q5",
            "2022Q3",
            "quý III/2022",
            "cuối năm 2022",
            "2022-01-01..2021-01-01",
            "9999-12-31",
            "1/1/1",
            "",
            " ",
            "today",
            "trước ngày 30/6/2022",
            "6 tháng đầu năm 2022",
        ]  # fmt: skip
    ),
    TEXT,
)
KNOWN_UNIT = st.sampled_from(["VPTU", "btc", "Văn phòng Tỉnh uỷ", "van phong tinh uy", "BTC"])
UNIT = st.one_of(
    KNOWN_UNIT,
    KNOWN_UNIT,
    st.sampled_from(["Ban", "", " ", "U1", "Ban Tổ", "tinh uy"]),
    TEXT,
)
FORMAT = st.sampled_from(["table", "json", "csv", "json", "csv", "md", "xml", ""])
FIELDS = st.one_of(
    st.sampled_from(["id,status", "id", ",", "nope", "id,,due", "id,last_update,stale"]), TEXT
)


def opt(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[Args]:
    """``[name, value]`` or nothing."""
    return st.one_of(st.just([]), values.map(lambda v: [name, v]))


def req(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[Args]:
    """``[name, value]``, nearly always (a missing one is a usage error, tried now and then)."""
    return st.one_of(values.map(lambda v: [name, v]), values.map(lambda v: [name, v]), st.just([]))


def command(*parts: st.SearchStrategy[Args] | Args) -> st.SearchStrategy[Args]:
    pieces = [p if isinstance(p, st.SearchStrategy) else st.just(p) for p in parts]
    return st.tuples(*pieces).map(lambda chunks: [x for chunk in chunks for x in chunk])


def one(values: st.SearchStrategy[str]) -> st.SearchStrategy[Args]:
    return values.map(lambda v: [v])


COMMANDS: dict[str, st.SearchStrategy[Args]] = {
    "unit add": command(
        ["unit", "add"], one(TEXT), one(TEXT), opt("--parent", UNIT), opt("--alias", TEXT)
    ),
    "unit alias": command(["unit", "alias"], one(UNIT), one(TEXT)),
    "unit list": command(["unit", "list"], opt("--format", FORMAT), opt("--fields", FIELDS)),
    "add-meeting": command(
        ["add-meeting"],
        req("--date", DATE),
        req("--title", TEXT),
        opt("--attendee", UNIT),
        opt("--kind", st.sampled_from(["briefing", "review", "party", ""])),
        opt("--key", TEXT),
        opt("--doc", TEXT),
    ),
    "meetings": command(["meetings"], opt("--period", DATE), opt("--format", FORMAT)),
    "assign": command(
        ["assign"],
        one(ID),
        one(TEXT),
        req("--unit", UNIT),
        opt("--due", DATE),
        opt("--with", UNIT),
        opt("--key", TEXT),
        opt("--product", TEXT),
    ),
    "progress": command(
        ["progress"], one(ID), opt("--percent", NUMBER), opt("--note", TEXT), opt("--date", DATE)
    ),
    "done": command(["done"], one(ID), opt("--date", DATE), opt("--note", TEXT)),
    "extend": command(["extend"], one(ID), req("--to", DATE), opt("--date", DATE)),
    "cancel": command(["cancel"], one(ID), opt("--date", DATE), opt("--reason", TEXT)),
    "add-limitation": command(
        ["add-limitation"], one(ID), one(TEXT), req("--unit", UNIT), opt("--category", TEXT)
    ),
    "resolve": command(["resolve"], one(ID), opt("--date", DATE), opt("--note", TEXT)),
    "list": command(
        ["list"],
        opt("--unit", UNIT),
        opt("--status", TEXT),
        opt("--as-of", DATE),
        opt("--meeting", NUMBER),
        opt("--format", FORMAT),
        opt("--fields", FIELDS),
    ),
    "show": command(["show"], one(ID), opt("--as-of", DATE), opt("--format", FORMAT)),
    "limitations": command(["limitations"], opt("--unit", UNIT), opt("--period", DATE)),
    "overdue": command(
        ["overdue"],
        opt("--as-of", DATE),
        opt("--unit", UNIT),
        opt("--stale-after", NUMBER),
        opt("--fields", FIELDS),
    ),
    "report": command(
        ["report"],
        opt("--quarter", DATE),
        opt("--period", DATE),
        opt("--as-of", DATE),
        opt("--unit", UNIT),
        opt("--format", FORMAT),
    ),
    "remind": command(
        ["remind"],
        opt("--within", NUMBER),
        opt("--as-of", DATE),
        opt("--unit", UNIT),
        opt("--stale-after", NUMBER),
        opt("--format", FORMAT),
        opt("--fields", FIELDS),
    ),
    "history": command(
        ["history"],
        opt("--limit", NUMBER),
        opt("--unit", UNIT),
        opt("--meeting", NUMBER),
        opt("--by", TEXT),
    ),
    "undo": command(
        ["undo"],
        st.one_of(st.just([]), one(NUMBER)),
        opt("--count", NUMBER),
        opt("--yes", st.just("")).map(lambda a: a[:1]),
        opt("--dry-run", st.just("")).map(lambda a: a[:1]),
    ),
    "import": command(["import"], one(TEXT), opt("--meeting", NUMBER)),
    "edit directive": command(
        ["edit", "directive"],
        one(ID),
        opt("--text", TEXT),
        opt("--unit", UNIT),
        opt("--with", UNIT),
        opt("--no-with", st.just("")).map(lambda a: a[:1]),
        opt("--due", DATE),
        opt("--product", TEXT),
        opt("--format", FORMAT),
    ),
    "edit meeting": command(
        ["edit", "meeting"],
        one(ID),
        opt("--date", DATE),
        opt("--title", TEXT),
        opt("--kind", st.sampled_from(["briefing", "giao ban", "party", ""])),
        opt("--attendee", UNIT),
        opt("--doc", TEXT),
    ),
    "edit limitation": command(
        ["edit", "limitation"],
        one(ID),
        opt("--text", TEXT),
        opt("--unit", UNIT),
        opt("--category", st.sampled_from(["staffing", "nhân sự", "nope", ""])),
    ),
    "unit rename": command(["unit", "rename"], one(UNIT), one(TEXT), opt("--code", TEXT)),
    "delete": command(
        ["delete"],
        one(st.sampled_from(["meeting", "directive", "limitation", "task", ""])),
        one(ID),
        opt("--yes", st.just("")).map(lambda a: a[:1]),
    ),
    "reopen": command(["reopen"], one(ID), opt("--reason", TEXT), opt("--date", DATE)),
    "config": command(
        ["config"],
        opt("--path", st.just("")).map(lambda a: a[:1]),
        opt("--format", FORMAT),
        opt("--fields", FIELDS),
    ),
    # a path with no file name ("", "/", "."), a missing file, any text: refused, nothing moved
    "restore": command(
        ["restore"],
        one(st.one_of(st.sampled_from(["", "/", ".", "..", "missing.db"]), TEXT)),
        opt("--yes", st.just("")).map(lambda a: a[:1]),
    ),
    "doctor": command(["doctor"], opt("--format", FORMAT)),
}

SEED: list[Args] = [
    ["unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--alias", "VP Tỉnh ủy"],
    ["unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy", "--parent", "VPTU"],
    [
        "add-meeting",
        "--date",
        "6/5/2022",
        "--title",
        "Giao ban",
        "--attendee",
        "VPTU",
        "--attendee",
        "BTC",
    ],
    ["assign", "1", "--attendees", "--due", "30/6/2022", "Nâng cao chất lượng tham mưu"],
    ["progress", "1", "--percent", "40", "--date", "1/6/2022"],
    ["done", "2", "--date", "20/6/2022"],
    ["add-limitation", "1", "--unit", "BTC", "Thiếu biên chế"],
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    for args in SEED:
        code, _, err = invoke(["--db", str(path), *args])
        assert code == 0, (args, err)
    return path


def check(db: Path, args: Args) -> None:
    before = file_digest(db)
    code, out, err = invoke(["--db", str(db), *args])
    assert code in (0, 1, 2), (args, code, out, err)
    assert "Traceback" not in out + err, (args, err)
    if code == 1:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), (args, err)
        assert "unexpected" not in err, (args, err)
    if code == 2:
        assert err.strip(), args
    if code != 0:
        assert file_digest(db) == before, (args, code, err)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_arbitrary_input(name: str, template: Path, tmp_path: Path) -> None:
    db = tmp_path / "fuzz.db"
    shutil.copyfile(template, db)
    db.chmod(0o600)
    run_one: Callable[[Args], None] = lambda args: check(db, args)  # noqa: E731

    @settings(
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(COMMANDS[name])
    def fuzz(args: Args) -> None:
        run_one(args)

    fuzz()
