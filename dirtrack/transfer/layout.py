"""Finding the table in an office sheet: the header row under the title rows, what each column
holds, and the sheet's own "as of" date.

The header is the row (among the first :data:`HEADER_SCAN`) whose cells name the most fields;
a second header row below it (``Đơn vị`` over ``Chủ trì | Phối hợp``) is read with it when that
names more, and a row of column numbers (``(1) (2) (3)``) under the header is skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.periods import parse_date
from dirtrack.text import fold, fold_words, legacy_font
from dirtrack.transfer.headers import (
    ALTERNATE,
    MULTI,
    REQUIRED,
    bare_key,
    column_letter,
    is_letter_ref,
    letter_index,
    match_header,
    names_level,
)
from dirtrack.transfer.sheet import Row, Sheet
from dirtrack.transfer.values import (
    DAY_IN_FIGURES,
    DAY_IN_WORDS,
    Value,
    first_day,
    full_years,
    short_years,
    show,
    text,
)

HEADER_SCAN = 30
_LONGEST_HEADER = 150
_NUMBERING = re.compile(r"^\(?(?:\d{1,2}|[A-Za-z])\)?$")
_AS_OF = re.compile(
    r"(?:tinh den|cap nhat den|den|as of|as at)\s+(?:het\s+)?(?:thoi diem\s+)?(?:ngay\s+)?"
    rf"({DAY_IN_FIGURES}|{DAY_IN_WORDS})"
)

# A day alone in a cell: "30/6/2022", "30-6-2022", "2022-06-30"
_DAY_ALONE = re.compile(rf"^(?:{DAY_IN_FIGURES})$")

# "Đơn vị: …", "Tên đơn vị: …", "Đơn vị báo cáo: …", "Cơ quan thực hiện: …" above the table
_UNIT_LABEL = re.compile(
    r"^(?:ten )?(?:co quan|don vi)(?: (?:co quan|don vi))?(?: (?:bao cao|thuc hien|chu tri))?$"
)


@dataclass
class Column:
    index: int
    header: str
    field: str | None
    by_map: bool = False

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    def as_dict(self) -> dict[str, object]:
        return {"column": self.letter, "header": self.header, "field": self.field}


@dataclass
class Layout:
    """Where the table is and what its columns hold."""

    sheet: Sheet
    header_first: int
    header_last: int
    columns: list[Column]
    title: str
    data: Iterator[Row]
    single: dict[str, int] = field(default_factory=dict)
    multi: dict[str, list[int]] = field(default_factory=dict)
    # No lead unit column: why, said unless heading rows name the unit of the rows under them
    # (a register grouped by unit: "I. SỞ NỘI VỤ" above its directives).
    no_unit: InvalidInput | None = None
    # Hidden columns left out for a visible one holding the same field: (hidden, visible).
    hidden_left_out: list[tuple[Column, Column]] = field(default_factory=list)
    # The cells above the header, with their row: the title, the sheet's date, its unit.
    titles: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for column in self.columns:
            if column.field is None or column.field == "ignore":
                continue
            if column.field in MULTI:
                self.multi.setdefault(column.field, []).append(column.index)
            else:
                self.single[column.field] = column.index

    @functools.cached_property
    def level_column(self) -> int | None:
        """The column writing the lead unit's level beside it (``Cấp``: Tỉnh, Huyện), which
        tells apart units of one name at two levels; no field of ours. (Looked for once: each
        row asks, and a sheet may have 10,000 columns.)"""
        for column in self.columns:
            if column.field is None and column.header and names_level(column.header):
                return column.index
        return None

    def columns_read(self) -> list[dict[str, object]]:
        """The columns as the dry run and the JSON report name them: the level column as
        ``level`` (read, though no field of ours), not among the columns left out."""
        level = self.level_column
        return [
            {**c.as_dict(), "field": "level"} if c.index == level else c.as_dict()
            for c in self.columns
            if c.header or c.field
        ]

    def has(self, name: str) -> bool:
        return name in self.single or name in self.multi

    def column(self, index: int) -> Column:
        return self.columns[index]

    def unit_line(self) -> tuple[int, str] | None:
        """The row and the unit's name of a title line naming the unit the sheet is of
        (``Đơn vị: Sở Tài chính``, ``Đơn vị báo cáo: Sở Y tế``, ``Cơ quan thực hiện: …``)."""
        for number, line in self.titles:
            label, colon, name = line.partition(":")
            if colon and name.strip() and _UNIT_LABEL.match(fold_words(label)):
                return number, name.strip()
        return None

    def as_of(self) -> date | None:
        """The day the sheet says it is up to (``Số liệu tính đến ngày 30/9/2022``)."""
        found = _AS_OF.search(fold(full_years(self.title)))
        if found is None:
            return None
        try:
            return parse_date(found[1])
        except InvalidInput:
            return None

    def as_of_short_years(self) -> tuple[int, list[tuple[str, str]]] | None:
        """The row of the title line saying the day the sheet is up to, and each day it writes
        with a two-digit year with the day it is read as (:func:`short_years`: the century
        assumed, as for a cell, so never without a word); None when it writes none so."""
        for number, line in self.titles:
            if _AS_OF.search(fold(full_years(line))) is not None:
                found = short_years(line)
                return (number, found) if found else None
        return None

    def title_day(self) -> tuple[int, str, date] | None:
        """The first day a title line gives, with its row and line: on a sheet without a line
        saying the day it is up to, a document's day (``Kèm theo Báo cáo số 45/BC-UBND ngày
        05/10/2022``), which may or may not be it."""
        for number, line in self.titles:
            try:
                day = first_day(line)
            except InvalidInput:
                continue
            if day is not None:
                return number, line, day
        return None


def _labels(sheet: Sheet, number: int, values: list[Value]) -> list[str]:
    """Header texts; a cell merged with its left neighbour repeats nothing."""
    labels = []
    for c, value in enumerate(values):
        merge = sheet.merge_of(number, c)
        if c and merge is not None and merge == sheet.merge_of(number, c - 1):
            labels.append("")
        else:
            labels.append(text(value))
    return labels


def _two_level(sheet: Sheet, top: Row, below: Row) -> tuple[list[str], list[str]]:
    """Parent and child labels of a two-row header."""
    (r1, v1), (r2, v2) = top, below
    width = max(len(v1), len(v2))
    parents, children = [], []
    last_parent = ""
    # A row of one label is a title above the header, not the parent of every column after it.
    spans = sum(1 for v in v1 if text(v)) > 1
    for c in range(width):
        parent = text(v1[c]) if c < len(v1) else ""
        child = text(v2[c]) if c < len(v2) else ""
        merge = sheet.merge_of(r1, c)
        if merge is not None and merge == sheet.merge_of(r2, c):
            child = ""  # one cell merged down over both rows: STT, Nội dung…
        if not parent and child and not sheet.merged and spans:
            parent = last_parent  # CSV of a sheet whose parent header spanned columns
        if parent:
            last_parent = parent
        parents.append(parent)
        children.append(child)
    if _title_over_all(sheet, r1, parents, children):
        return [""] * width, children
    return parents, children


def _title_over_all(sheet: Sheet, row: int, parents: list[str], children: list[str]) -> bool:
    """Whether the labels above a header row are one title merged across the whole table (a
    report's name over every column the row below names): no parent of each column, whose
    name then began with it (``BÁO CÁO … Đơn vị chủ trì`` in every message naming it)."""
    spans = {sheet.merge_of(row, c) for c, parent in enumerate(parents) if parent}
    return (
        len(spans) == 1
        and None not in spans
        and len(set(filter(None, parents))) == 1
        and sum(1 for child in children if child) > 1
        and all(parent for parent, child in zip(parents, children, strict=True) if child)
    )


def _auto_single(labels: list[str]) -> list[str | None]:
    fields: list[str | None] = []
    for label in labels:
        found = match_header(label) if label else None
        fields.append(found.field if found else None)
    return fields


def _auto_pair(parents: list[str], children: list[str]) -> tuple[list[str], list[str | None]]:
    labels, fields = [], []
    for parent, child in zip(parents, children, strict=True):
        combined = " ".join(p for p in (parent, child) if p)
        if parent and child and fold_words(parent) == fold_words(child):
            combined = parent
        labels.append(combined)
        found = None
        for candidate in (combined, child, parent if not child else ""):
            if not candidate:
                continue
            match = match_header(candidate)
            if match is not None and match.score >= 3:
                found = match
                break
        if found is None and combined:
            found = match_header(combined)
        fields.append(found.field if found else None)
    return labels, fields


def _named_under(parents: list[str], children: list[str]) -> bool:
    """Whether the row below a header row is a second header row even though it names no
    other field: it has two cells or more, each under a header spanning several columns, and
    each, read with that header, names a field (``Đã hoàn thành`` over ``Đúng hạn | Quá hạn``,
    ``Thời hạn`` over ``Theo văn bản | Điều chỉnh``)."""
    named = 0
    for c, child in enumerate(children):
        if not child:
            continue
        parent = parents[c]
        if not parent or not (parents[c - 1 : c] == [parent] or parents[c + 1 : c + 2] == [parent]):
            return False
        if names_level(child):
            named += 1  # "Đơn vị chủ trì" over "Cấp | Tên đơn vị": the level beside the unit
            continue
        if (match_header(f"{parent} {child}") or match_header(child)) is None:
            return False
        named += 1
    return named >= 2


def _third_level(two: HeaderChoice) -> HeaderChoice | None:
    """A third header row under a two-row header, as national reports split the result:
    ``Kết quả thực hiện`` over ``Đã hoàn thành | Chưa hoàn thành``, each over ``Đúng hạn | Quá
    hạn``. Read as :func:`_named_under` reads a second row: each of its labels under a label
    spanning several columns, naming a field with it."""
    sheet, buffer, i = two.sheet, two.buffer, two.at
    if i + 2 >= len(buffer):
        return None
    (r2, v2), (r3, v3) = buffer[i + 1], buffer[i + 2]
    if not _is_header_like(v3) or _is_numbering(v3):
        return None
    children = []
    for c in range(len(two.labels)):
        child = text(v3[c]) if c < len(v3) else ""
        merge = sheet.merge_of(r3, c)
        if merge is not None and merge in (sheet.merge_of(r2, c), sheet.merge_of(r3 - 2, c)):
            child = ""  # merged down from a header row above
        children.append(child)
    if not any(children) or not _named_under(two.labels, children):
        return None
    labels, fields = list(two.labels), list(two.fields)
    for c, child in enumerate(children):
        if not child:
            continue  # a column the second row names: as it was
        labels[c] = f"{two.labels[c]} {child}"
        # "Đã hoàn thành" over "Quá hạn" is done late: the row above says what the mark is
        middle = text(v2[c]) if c < len(v2) else ""
        found = match_header(f"{middle} {child}") if middle else None
        if found is None or found.score < 3:
            found = match_header(labels[c]) or found
        fields[c] = found.field if found else None
    if _score(fields) < _score(two.fields):
        return None
    return HeaderChoice(sheet, buffer, i, 3, labels, fields, [])


def _merged_down(sheet: Sheet, buffer: list[Row], last: int) -> bool:
    """Whether the row after ``buffer[last]`` (a header row) holds nothing but the header's
    cells merged down over it (``STT``, ``Nội dung`` each merged over two rows): it repeats the
    header, and is no data row."""
    if last + 1 >= len(buffer) or not sheet.merged:
        return False
    (above, _), (number, values) = buffer[last], buffer[last + 1]
    filled = [c for c, v in enumerate(values) if text(v)]
    return bool(filled) and all(
        (merge := sheet.merge_of(number, c)) is not None and merge == sheet.merge_of(above, c)
        for c in filled
    )


def _score(fields: list[str | None]) -> int:
    return len({f for f in fields if f not in (None, "ignore", "stt")}) + (
        1 if "stt" in fields else 0
    )


def _overrides(labels: list[str], pairs: list[tuple[str, str]]) -> tuple[dict[int, str], list[str]]:
    """Columns ``--map`` names in this header, and the names it does not find."""
    by_label: dict[str, int] = {}
    for i, label in enumerate(labels):
        if label:
            by_label.setdefault(fold_words(label), i)
    found: dict[int, str] = {}
    missing: list[str] = []
    for header, name in pairs:
        c: int | None = by_label.get(fold_words(header))
        if c is None and is_letter_ref(header):
            c = letter_index(header)
        if c is None:
            missing.append(header)
        else:
            found[c] = name
    return found, missing


def _is_numbering(values: list[Value]) -> bool:
    cells = [show(v).strip() for v in values if show(v).strip()]
    return len(cells) >= 2 and all(_NUMBERING.match(c) for c in cells)


def _holds_data(fields: list[str | None], values: list[Value]) -> bool:
    """Whether a row under a header row holds a directive's values, not labels of a second
    header row: a day (a date cell, or a cell holding a day alone, ``30/6/2022``) or a number
    under the STT column, which no header row holds. Its words may name fields all the same
    (``Đang thực hiện`` under ``Kết quả``, a meeting's title): read as labels, the row would be
    lost."""
    for c, v in enumerate(values):
        if isinstance(v, date) or (isinstance(v, str) and _DAY_ALONE.match(v.strip())):
            return True
        stt = c < len(fields) and fields[c] == "stt"
        if stt and isinstance(v, int | float) and not isinstance(v, bool):
            return True
    return False


def _is_header_like(values: list[Value]) -> bool:
    return all(len(text(v)) <= _LONGEST_HEADER for v in values)


class EmptySheet(InvalidInput):
    """The sheet has no cell with anything in it."""


@dataclass
class HeaderChoice:
    """The best header row found in a sheet, before it is checked."""

    sheet: Sheet
    buffer: list[Row]
    at: int
    rows: int
    labels: list[str]
    fields: list[str | None]
    missing: list[str]
    score: int = 0


def find_header(sheet: Sheet, pairs: list[tuple[str, str]]) -> HeaderChoice | None:
    """The row of ``sheet``'s first rows whose cells name the most fields, or None.

    ``pairs`` are the ``--map`` (and ``--key-column``) choices, which override the headers.

    Raises:
        EmptySheet: the sheet has no cell with anything in it.
    """
    buffer: list[Row] = []
    for row in sheet.rows:
        buffer.append(row)
        if len(buffer) >= HEADER_SCAN:
            break
    if len(buffer) < HEADER_SCAN and not any(text(v) for _, values in buffer for v in values):
        raise EmptySheet("has no data: every cell is empty")
    best: HeaderChoice | None = None
    for i, (number, values) in enumerate(buffer):
        if not any(text(v) for v in values) or not _is_header_like(values):
            continue
        labels = _labels(sheet, number, values)
        fields = _auto_single(labels)
        chosen = HeaderChoice(sheet, buffer, i, 1, labels, fields, [])
        if i + 1 < len(buffer) and _is_header_like(buffer[i + 1][1]):
            below_values = buffer[i + 1][1]
            if not _is_numbering(below_values) and not _holds_data(fields, below_values):
                parents, children = _two_level(sheet, buffer[i], buffer[i + 1])
                if any(children):
                    labels2, fields2 = _auto_pair(parents, children)
                    below = _auto_single(_labels(sheet, *buffer[i + 1]))
                    best_single = max(_score(fields), _score(below))
                    if _score(fields2) > best_single or (
                        _score(fields2) == best_single and _named_under(parents, children)
                    ):
                        chosen = HeaderChoice(sheet, buffer, i, 2, labels2, fields2, [])
                        chosen = _third_level(chosen) or chosen
        while _merged_down(sheet, buffer, i + chosen.rows - 1):
            chosen.rows += 1  # a tall header: its cells merged down over the row below
        forced, missing = _overrides(chosen.labels, pairs)
        for c, name in forced.items():
            while c >= len(chosen.fields):
                chosen.fields.append(None)
                chosen.labels.append("")
            chosen.fields[c] = name
        chosen.score = _score(chosen.fields) + 2 * (len(pairs) - len(missing))
        chosen.missing = missing
        if chosen.score >= 2 and (best is None or chosen.score > best.score):
            best = chosen
    if best is None:
        sheet.legacy_font = _legacy_font(buffer)
    return best


def _legacy_font(buffer: list[Row]) -> tuple[str, str] | None:
    """The legacy font a sheet's first rows are typed in, and a cell so typed as it shows
    (:func:`legacy_font`)."""
    cells = [t for _, values in buffer for v in values if (t := text(v))]
    found = legacy_font(cells)
    return None if found is None else (found[0], show(found[1]))


def build_layout(choice: HeaderChoice, pairs: list[tuple[str, str]]) -> Layout:
    """Check the header ``choice`` and make the sheet's :class:`Layout`.

    Raises:
        InvalidInput: ``--map`` names a column the header does not have, two columns hold the same
            field, or the text or lead-unit column cannot be found (the message lists the
            headers and shows how to map them).
    """
    buffer, at = choice.buffer, choice.at
    header_first = buffer[at][0]
    header_last = buffer[at + choice.rows - 1][0]
    if choice.missing:
        raise InvalidInput.of(
            "map_no_column",
            column=choice.missing[0],
            row=header_first,
            columns=_listing(choice.labels),
        )
    forced_columns = set(_overrides(choice.labels, pairs)[0])
    columns = [
        Column(c, label, name, by_map=c in forced_columns)
        for c, (label, name) in enumerate(zip(choice.labels, choice.fields, strict=True))
    ]
    hidden = _settle(columns, header_first, choice.sheet.hidden)
    names = {c.field for c in columns}
    missing: dict[str, InvalidInput] = {
        name: InvalidInput.of(
            "no_column_holds",
            row=header_first,
            what=Phrase(f"field_{name}"),
            columns=_listing(choice.labels),
            field=name,
        )
        for name in REQUIRED
        if name not in names
    }
    if "text" in missing:
        raise missing["text"]
    titles = [(n, text(v)) for n, values in buffer[:at] for v in values if text(v)]
    title = " ".join(line for _, line in titles)
    rest = buffer[at + choice.rows :]
    if rest and _is_numbering(rest[0][1]):
        rest = rest[1:]
    sheet = choice.sheet

    def data() -> Iterator[Row]:
        yield from rest
        yield from sheet.rows

    layout = Layout(sheet, header_first, header_last, columns, title, data())
    layout.no_unit = missing.get("unit")
    layout.hidden_left_out = hidden
    layout.titles = titles
    return layout


def _settle(
    columns: list[Column], row: int, hidden: frozenset[int] = frozenset()
) -> list[tuple[Column, Column]]:
    """One column per field (except the fields several columns may hold); --map wins, then
    the one column of them that is not hidden in the workbook (an old deadline the office
    hid beside the one in force). Returns the hidden columns so left out, each with the
    visible one read instead."""
    left_out: list[tuple[Column, Column]] = []
    holders: dict[str, list[Column]] = {}
    for column in columns:
        if column.field is not None and column.field not in MULTI:
            holders.setdefault(column.field, []).append(column)
    for name, held in holders.items():
        if len(held) == 1:
            continue
        mapped = [c for c in held if c.by_map]
        if len(mapped) == 1:
            for column in held:
                if column is not mapped[0]:
                    column.field = None
            continue
        if name == "stt":
            for column in held[1:]:
                column.field = None
            continue
        # "Thời gian hoàn thành" beside "Thời hạn": the day it was done, not a second deadline
        other = [c for c in held if ALTERNATE.get(bare_key(c.header), name) not in holders]
        if len(other) == 1 and len(held) == 2 and not any(c.by_map for c in held):
            other[0].field = ALTERNATE[bare_key(other[0].header)]
            continue
        shown_held = [c for c in held if c.index not in hidden]
        if len(shown_held) == 1 and not any(c.by_map for c in held):
            for column in held:
                if column is not shown_held[0]:
                    column.field = None
                    left_out.append((column, shown_held[0]))
            continue
        shown = ", ".join(f"{c.letter} ({c.header})" for c in held)  # no English "and" in vi
        # The example leaves out a column whose header only holds the field's name inside it
        # ("Cơ quan tham mưu" beside "Cơ quan chủ trì"), not the one that is its exact name.
        found = [match_header(c.header) for c in held]
        loose = [c for c, m in zip(held, found, strict=True) if m is None or m.score < 3]
        loose_one = loose[0] if len(loose) < len(held) and loose else held[1]
        raise InvalidInput.of(
            "columns_alike", row=row, columns=shown, field=name, header=loose_one.header
        )
    return left_out


def _listing(labels: list[str]) -> str:
    shown = [f"{column_letter(c)} {label!r}" for c, label in enumerate(labels) if label]
    return ", ".join(shown) if shown else "(none)"
