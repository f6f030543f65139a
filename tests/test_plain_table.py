"""Plain tables and JSON written directly are exactly what rich and json.dumps print.

``render/table.plain_table_lines`` writes a plain table (stdout not a terminal) without rich, for
speed; on random tables it must give rich's output character for character, or step aside.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from dirtrack.render.table import THEME, new_table, plain_table_lines

# Vietnamese with its tone marks, wide CJK, emoji, spaces, a soft hyphen; now and then markup,
# emoji codes and control characters, which must send the table to rich.
SAFE = st.sampled_from(
    list("aZ09  -./()%⚠—–ĐđủỷữẠặ") + ["ế", "中", "文", "😀", "é", "\u3000", "\u00ad"]
)
SPECIAL = st.sampled_from(["[", "]", ":", "\n", "\t", "\x1b"])
TEXT = st.text(SAFE, max_size=12) | st.text(st.one_of(SAFE, SPECIAL), max_size=6)


def pipe_console(file: io.StringIO) -> Console:
    """The console rich prints with to a pipe or a file, as dirtrack's own (see render.table)."""
    return Console(
        file=file,
        theme=THEME,
        highlight=False,
        no_color=True,
        force_terminal=None,
        width=100_000,
        soft_wrap=True,
    )


def rich_lines(
    title: str | None, headers: list[str], justify: list[str], rows: list[list[str]]
) -> str:
    buffer = io.StringIO()
    console = pipe_console(buffer)
    table = new_table(title)
    for header, side in zip(headers, justify, strict=True):
        table.add_column(header, justify=side, overflow="fold", no_wrap=True, max_width=None)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*row, style="overdue")
    console.print(table)
    return buffer.getvalue()


@st.composite
def tables(draw: st.DrawFn) -> tuple[str | None, list[str], list[str], list[list[str]]]:
    n = draw(st.integers(1, 5))
    headers = draw(st.lists(TEXT.filter(bool), min_size=n, max_size=n))
    justify = draw(st.lists(st.sampled_from(["left", "right"]), min_size=n, max_size=n))
    rows = draw(st.lists(st.lists(TEXT, min_size=n, max_size=n), max_size=6))
    return draw(st.none() | TEXT), headers, justify, rows


@settings(max_examples=4 * settings.default.max_examples)  # cheap: 400 in make test-all
@given(table=tables())
def test_plain_tables_are_what_rich_prints(
    table: tuple[str | None, list[str], list[str], list[list[str]]],
) -> None:
    title, headers, justify, rows = table
    lines = plain_table_lines(title, headers, justify, rows)
    if lines is None:
        return  # left to rich
    assert "".join(line + "\n" for line in lines) == rich_lines(title, headers, justify, rows)


def test_ordinary_text_takes_the_fast_path() -> None:
    rows = [["1", "VPTU", "Tăng cường phối hợp", "2022-09-30"], ["12", "BTC", "", "—"]]
    headers = ["Số", "Đơn vị", "Nội dung", "Thời hạn"]
    justify = ["right", "left", "left", "left"]
    lines = plain_table_lines("Nhiệm vụ quá hạn (2022-10-01)", headers, justify, rows)
    assert lines == [
        "Nhiệm vụ quá hạn (2022-10-01)",
        "Số Đơn vị Nội dung            Thời hạn  ",
        " 1 VPTU   Tăng cường phối hợp 2022-09-30",
        "12 BTC                        —         ",
    ]
    assert "".join(line + "\n" for line in lines) == rich_lines(
        "Nhiệm vụ quá hạn (2022-10-01)", headers, justify, rows
    )


def test_columns_of_one_cell_characters_and_the_others() -> None:
    """A column whose every character takes one cell is justified by its length; one with a
    wide character or a combining mark (Vietnamese decomposed, as some keyboards type it) is
    measured cell by cell: both as rich prints them."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Tăng cường phối hợp kiểm tra")
    rows = [
        ["1", "Tăng cường phối hợp", decomposed, "会议 纪要", "2022-09-30"],
        ["12", "Đôn đốc", "Báo cáo", "x", "—"],
        ["7", "", decomposed[:9], "中", ""],
    ]
    headers = ["Số", "Nội dung", "Khác", "Rộng", "Hạn"]
    for justify in (["right", "left", "left", "left", "left"], ["left"] + ["right"] * 4):
        lines = plain_table_lines("Tiêu đề", headers, justify, rows)
        assert lines is not None
        assert "".join(line + "\n" for line in lines) == rich_lines(
            "Tiêu đề", headers, justify, rows
        )


def test_markup_and_forced_colour_are_left_to_rich(monkeypatch: object) -> None:
    assert plain_table_lines(None, ["A"], ["left"], [["[bold]x[/bold]"]]) is None
    assert plain_table_lines(None, ["A"], ["left"], [["xem :warning: ngay"]]) is None
    assert plain_table_lines(None, ["A"], ["left"], [["hai\ndòng"]]) is None
    import pytest

    mp = pytest.MonkeyPatch()
    mp.setenv("FORCE_COLOR", "1")
    try:
        assert plain_table_lines(None, ["A"], ["left"], [["x"]]) is None
    finally:
        mp.undo()


def as_given(text: str) -> str | Text:
    """A cell as dirtrack hands it to rich: text with markup or emoji codes goes as ``Text``,
    so it is shown as typed ("[/]" would otherwise be a markup error)."""
    return Text(text) if "[" in text or ":" in text else text


@st.composite
def documents(draw: st.DrawFn) -> list[object]:
    from rich.text import Text

    items: list[object] = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            items.append(Text(draw(TEXT), style=draw(st.sampled_from(["title", "muted", ""]))))
            continue
        title, headers, justify, rows = draw(tables())
        table = new_table(title)
        for header, side in zip(headers, justify, strict=True):
            table.add_column(as_given(header), justify=side, overflow="fold", no_wrap=True)  # type: ignore[arg-type]
        for row in rows:
            if draw(st.booleans()):
                table.add_section()
            table.add_row(
                *map(as_given, row), style=draw(st.sampled_from([None, "overdue", "title"]))
            )
        items.append(table)
    return items


@settings(max_examples=3 * settings.default.max_examples)  # 300 in make test-all
@given(items=documents())
def test_printed_documents_are_what_rich_prints(items: list[object]) -> None:
    import contextlib

    from dirtrack.render.table import print_renderables

    expected = io.StringIO()
    console = pipe_console(expected)
    for item in items:
        console.print(item)
    got = io.StringIO()
    with contextlib.redirect_stdout(got):
        print_renderables(items)
    assert got.getvalue() == expected.getvalue()


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
)
RECORDS = st.dictionaries(
    st.text(max_size=6),
    SCALARS
    | st.lists(SCALARS, max_size=3)
    | st.dictionaries(st.text(max_size=3), SCALARS, max_size=2),
    max_size=6,
)


@settings(max_examples=4 * settings.default.max_examples)  # cheap: 400 in make test-all
@given(value=st.lists(RECORDS, max_size=4) | RECORDS | SCALARS)
def test_json_of_records_is_what_json_dumps_writes(value: object) -> None:
    import json

    from dirtrack.render.json_out import dump

    assert dump(value) == json.dumps(value, ensure_ascii=False, indent=2)
