"""The report as a document: sections of paragraphs and typed tables.

Every human format (terminal, Markdown, HTML, Word, Excel) renders this one model, so they all
carry the same content. Cells keep their types (int, float, :class:`datetime.date`, rate dicts,
text) so that Excel gets real numbers and dates; text formats go through :func:`cell_text`.

The order follows Vietnamese review reports: kết quả đạt được → tồn tại, hạn chế →
nguyên nhân → nhiệm vụ kỳ tới, then an annex of directives per unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain, groupby
from typing import Any

from dirtrack.i18n import (
    Count,
    category_label,
    clauses,
    code_label,
    kind_label,
    number,
    status_label,
    t,
    within_key,
)
from dirtrack.letterhead import date_words
from dirtrack.periods import Cutoff, Period, parse_period
from dirtrack.records import Record, RecordStream
from dirtrack.report.compare import COUNT_KEYS as COMPARED_KEYS

# The columns of a unit's counts: those compared with the previous period, then the cancelled
COUNT_KEYS = (*COMPARED_KEYS, "cancelled")

# Column kinds: how a cell is typed in Excel and shown as text.
TEXT, INT, DATE, RATE, PCT, DELTA = "text", "int", "date", "rate", "pct", "delta"
POINTS = "points"  # a score's points: a number with two decimals, no % sign


@dataclass(frozen=True)
class ReportTitles:
    """Human titles of the periods involved, in one language."""

    period: str
    previous: str
    next: str
    cutoff: Cutoff

    @classmethod
    def of(cls, period: Period, lang: str) -> ReportTitles:
        return cls(
            period.title(lang),
            period.previous().title(lang),
            period.next().title(lang),
            period.cutoff,
        )


class RowStream:
    """The rows of a table over a :class:`~dirtrack.records.RecordStream`, made as they are
    read: ``len()`` and iteration, like the list it stands for."""

    def __init__(self, records: RecordStream, row: Callable[[Record], list[Any]]) -> None:
        self.records = records
        self.row = row

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[list[Any]]:
        return (self.row(record) for record in self.records)


Rows = list[list[Any]] | RowStream


@dataclass
class Table:
    """One table. ``key`` is stable (tests and sheet order use it); ``kinds`` types columns."""

    key: str
    title: str
    headers: list[str]
    kinds: list[str]
    rows: Rows = field(default_factory=list)
    total_rows: int = 0  # how many rows at the end are totals (bold)
    sheet: str | None = None  # the Excel sheet name; None: not a sheet of its own
    annex: bool = False  # per-unit detail: documents only, not the terminal or Excel
    terminal: bool = True
    keep: tuple[int, ...] = ()  # columns that stay in a narrow window, besides the usual ones


@dataclass
class Section:
    """A numbered part of a report document: its paragraphs, then its tables."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    chart_after: str | None = None  # the key of the table the completion chart follows
    # Tables made one at a time as the section is written, after ``tables``: the annex over a
    # RecordStream, one unit's directives at a time (Markdown only; see build_document).
    more: Callable[[], Iterator[Table]] | None = None


@dataclass
class Document:
    """A report laid out once for every format: title, header lines, sections and the rows of
    the completion chart."""

    title: str
    header: list[tuple[str, str]]
    sections: list[Section]
    chart_rows: list[tuple[str, Record]]  # (unit label, completion_rate) for the chart
    lang: str
    rate_note: str
    # (label, value) lines the Excel "About" sheet adds to the header: what the body says in
    # its paragraphs, which a workbook has no place for (the score's rule set and tiers).
    about: list[tuple[str, str]] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]


class _IsoDates(dict[str | None, date | None]):
    """Each ISO string's day, read the first time it is asked for (None for none)."""

    def __missing__(self, value: str | None) -> date | None:
        found = self[value] = date.fromisoformat(value) if value else None
        return found


# A lookup in C, not a Python function: a long table reads three dates per directive, over a
# few thousand distinct days.
_iso: Callable[[str | None], date | None] = _IsoDates().__getitem__


def _as_is(value: Any) -> str:
    return "" if value is None else str(value)


def cell_writer(kind: str, lang: str) -> Callable[[Any], str]:
    """:func:`cell_text` for the cells of one ``kind``, chosen once for a column (a long table
    writes hundreds of thousands of cells; its dates repeat, and each is written once)."""
    if kind == DATE:
        written: dict[date | None, str] = {}

        def write(value: date | None) -> str:
            text = written.get(value)
            if text is None:
                text = written[value] = cell_text(value, DATE, lang)
            return text

        return write
    if kind in (RATE, PCT, DELTA, POINTS):
        return lambda value: cell_text(value, kind, lang)
    return _as_is


def cell_column(kind: str, lang: str, values: Sequence[Any]) -> list[str]:
    """:func:`cell_text` of each of ``values`` (one column's): a plain table written directly
    makes its cells a column at a time, each distinct day written once."""
    if kind == DATE:
        written = {day: cell_text(day, DATE, lang) for day in set(values)}
        return list(map(written.__getitem__, values))
    if kind in (RATE, PCT, DELTA, POINTS):
        return [cell_text(value, kind, lang) for value in values]
    return ["" if value is None else str(value) for value in values]


def cell_text(value: Any, kind: str, lang: str) -> str:
    """A cell as people read it: ``66,66% (2/3)``, ``06/05/2022``, ``+1``."""
    if kind not in (RATE, PCT, DELTA, DATE, POINTS):
        return _as_is(value)
    if kind == RATE:
        return f"{number(value['pct'], lang)} ({value['num']}/{value['den']})"
    if value is None:
        return "—" if kind in (PCT, DELTA, POINTS) else ""
    if kind == DATE:
        return str(value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat())
    if kind == PCT:
        return number(value, lang)
    if kind == POINTS:
        return number(value, lang, suffix="")
    if isinstance(value, float):  # DELTA
        text = number(abs(value), lang, suffix="")
        return ("+" if value > 0 else "−" if value < 0 else "±") + text
    return f"{value:+d}" if value else "0"


def since_title(label: str, cutoff: Cutoff, lang: str) -> str:
    """The quarter label of ``repeated_limitations[].since`` as people say it."""
    try:
        return parse_period(label, cutoff).title(lang)
    except Exception:  # a label this version cannot read: show it as stored
        return label


def cutoff_text(cutoff: Cutoff | str, lang: str) -> str:
    return t(f"report_cutoff_{Cutoff(cutoff).value}", lang)


def header_lines(pack: Record, titles: ReportTitles, lang: str) -> list[tuple[str, str]]:
    period = pack["period"]
    scope = pack.get("scope") or {}
    where = (
        t("report_scope_unit", lang).format(unit=scope["unit"])
        if scope.get("unit")
        else t("report_all_units", lang)
    )
    if scope.get("rollup"):
        where += "; " + t("report_rolled_up", lang)
    return [
        period_line(period, titles.period, lang),
        (t("report_cutoff", lang), cutoff_text(period.get("cutoff", "calendar"), lang)),
        as_of_line(pack["as_of"], lang),
        (t("report_scope", lang), where),
    ]


def printed_day(day: date, lang: str) -> str:
    """A day as a printed document's tables and cited texts write it: ``03/08/2023``; in
    English ``3 Aug 2023``, its month in words as the English text writes its days (an ISO day
    is for scripts: the JSON, the CSV, the terminal's listings)."""
    if lang == "vi":
        return cell_text(day, DATE, lang)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def printed_text(value: Any, kind: str, lang: str) -> str:
    """:func:`cell_text` in a printed document (Word): its days as :func:`printed_day`."""
    if kind == DATE and value is not None:
        return printed_day(value, lang)
    return cell_text(value, kind, lang)


def header_day(day: date, lang: str) -> str:
    """A day in a document's header: ``30/09/2022``; in English in words, ``30 September
    2022``, as the English text of the documents writes its dates."""
    return cell_text(day, DATE, lang) if lang == "vi" else date_words(day, lang)


def period_line(period: Record, title: str, lang: str) -> tuple[str, str]:
    """The header's period: ``Kỳ báo cáo``, ``quý III/2022 (01/07/2022 – 30/09/2022)``."""
    start, end = _iso(period["start"]), _iso(period["end"])
    assert start is not None and end is not None
    return t("period", lang), f"{title} ({header_day(start, lang)} – {header_day(end, lang)})"


def as_of_line(as_of: str, lang: str) -> tuple[str, str]:
    """The header's day T: ``Số liệu tính đến ngày``, ``30/09/2022``."""
    day = _iso(as_of)
    assert day is not None
    return t("report_as_of_label", lang), header_day(day, lang)


def numbered(place: int, text: str) -> str:
    """A sub-heading numbered as NĐ 30's reports number the parts of a section (``I.``,
    ``II.`` …): ``1. Kết quả theo đơn vị chủ trì``, in either language (the Word report's
    tables and chart, its annex's units, a letter's lists)."""
    return f"{place}. {text}"


def unit_label(code: str, name: str | None) -> str:
    """A unit as the plain documents name it: ``CODE — name`` (the code alone without one)."""
    return f"{code} — {name}" if name else code


@dataclass(frozen=True)
class Labels:
    """How a document names units and meetings.

    Plain (terminal, Markdown, HTML): ``CODE — name`` and the meeting's id. Formal (the Word
    report and its Excel annex): the unit's name, and the meeting by its document number and
    date, as an office writes them.
    """

    formal: bool = False
    names: dict[str, str] = field(default_factory=dict)  # unit code -> name
    meetings: dict[int, tuple[date, str | None]] = field(default_factory=dict)
    lang: str = "en"
    urged: bool = False  # a column of how often each unit or directive was urged

    def unit(self, row: Record) -> str:
        if self.formal:
            return str(row.get("name") or self.names.get(row["code"]) or row["code"])
        return unit_label(row["code"], row.get("name"))

    def code(self, code: str) -> str:
        return self.names.get(code, code) if self.formal else code

    def meeting(self, meeting_id: int | None) -> Any:
        if not self.formal or meeting_id is None or meeting_id not in self.meetings:
            return meeting_id
        held, doc = self.meetings[meeting_id]
        when = printed_day(held, self.lang)
        if doc:
            return t("doc_meeting_doc", self.lang, doc=doc, date=when)
        return t("doc_meeting_date", self.lang, date=when)


PLAIN = Labels()


def columns(lang: str, *named: tuple[str, str]) -> tuple[list[str], list[str]]:
    """A table's headers (the catalog's words of each key) and kinds, from its columns named
    as (key, kind), side by side: ``Table(key, title, *columns(lang, ("id", INT)), ...)``."""
    return [t(key, lang) for key, _ in named], [kind for _, kind in named]


def _counts_headers(lang: str) -> tuple[list[str], list[str]]:
    return (
        [t(k, lang) for k in COUNT_KEYS] + [t("completion_rate", lang), t("on_time_rate", lang)],
        [INT] * len(COUNT_KEYS) + [RATE, RATE],
    )


def _counts(row: Record) -> list[Any]:
    return [row[k] for k in COUNT_KEYS] + [row["completion_rate"], row["on_time_rate"]]


def _urged_column(labels: Labels, lang: str) -> tuple[list[str], list[str]]:
    return ([t("report_urged", lang)], [INT]) if labels.urged else ([], [])


def _urged(row: Record, labels: Labels) -> list[Any]:
    return [row.get("urged", 0)] if labels.urged else []


def units_table(pack: Record, lang: str, labels: Labels = PLAIN) -> Table:
    headers, kinds = _counts_headers(lang)
    more, kinds_more = _urged_column(labels, lang)
    table = Table(
        "units",
        t("report_by_unit", lang),
        [t("unit_short", lang), *headers, *more],
        [TEXT, *kinds, *kinds_more],
        sheet=t("report_sheet_units", lang),
    )
    rows = [[labels.unit(row), *_counts(row), *_urged(row, labels)] for row in pack["units"]]
    rows.append([t("totals", lang), *_counts(pack["totals"]), *_urged(pack["totals"], labels)])
    table.rows = rows
    table.total_rows = 1
    return table


def children_table(pack: Record, lang: str, labels: Labels = PLAIN) -> Table | None:
    if not (pack.get("scope") or {}).get("rollup"):
        return None
    headers, kinds = _counts_headers(lang)
    more, kinds_more = _urged_column(labels, lang)
    table = Table(
        "children",
        t("report_rolled_detail", lang),
        [t("report_rolled_into", lang), t("unit_short", lang), *headers, *more],
        [TEXT, TEXT, *kinds, *kinds_more],
        sheet=t("report_sheet_children", lang),
    )
    table.rows = [
        [labels.code(row["code"]), labels.unit(child), *_counts(child), *_urged(child, labels)]
        for row in pack["units"]
        for child in row.get("children", [])
    ]
    return table


def chair_table(pack: Record, lang: str) -> Table:
    headers, kinds = _counts_headers(lang)
    table = Table(
        "by_chair",
        t("report_by_chair", lang),
        [
            t("chair", lang),
            t("report_chair_title", lang),
            t("report_meetings_count", lang),
            *headers,
        ],
        [TEXT, TEXT, INT, *kinds],
        sheet=t("report_sheet_chair", lang),
    )
    table.rows = [
        [
            row["chair"] or t("report_no_chair", lang),
            row["chair_title"] or "",
            row["meetings"],
            *_counts(row),
        ]
        for row in pack.get("by_chair", [])
    ]
    return table


def group_table(pack: Record, by: str, lang: str) -> Table:
    """The counts per field or per leader in charge (``report --by field|leader``)."""
    headers, kinds = _counts_headers(lang)
    label = t("field" if by == "field" else "leader", lang)
    table = Table(
        f"by_{by}",
        t(f"report_by_{by}", lang),
        [label, *headers],
        [TEXT, *kinds],
        sheet=t(f"report_sheet_{by}", lang),
    )
    none = t("report_no_field" if by == "field" else "br_no_leader", lang)
    rows = []
    for row in pack.get(f"by_{by}", []):
        if by == "field":
            name = f"{row['field']} — {row['name']}" if row["field"] else none
        else:
            name = row["leader"] or none
        rows.append([name, *_counts(row)])
    table.rows = rows
    return table


def series_tables(pack: Record, lang: str, labels: Labels = PLAIN) -> list[Table]:
    """The section per periodic directive: one row per series (its occurrences of the period
    counted per status, and how many of earlier periods the report still counts), then every
    occurrence of the period with its deadline, status and completion. None without series."""
    listed = pack.get("series") or []
    if not listed:
        return []
    # An occurrence always has a deadline: no column for those without one.
    keys = [k for k in COUNT_KEYS if k != "no_deadline"]
    headers = [t(k, lang) for k in keys] + [t("completion_rate", lang), t("on_time_rate", lang)]
    kinds = [INT] * len(keys) + [RATE, RATE]

    def counted(row: Record) -> list[Any]:
        return [row[k] for k in keys] + [row["completion_rate"], row["on_time_rate"]]

    summary = Table(
        "series",
        t("report_series", lang),
        [
            t("unit_short", lang),
            t("text", lang),
            t("every", lang),
            *headers,
            t("report_series_carried", lang),
        ],
        [TEXT, TEXT, TEXT, *kinds, INT],
        sheet=t("report_sheet_series", lang),
    )
    rows: list[list[Any]] = [
        [
            labels.unit({"code": row["unit"], "name": row["name"]}),
            row["text"],
            code_label("every_", row["every"], lang),
            *counted(row),
            row["carried"],
        ]
        for row in listed
    ]
    totals = pack.get("series_totals")
    if totals:
        rows.append([t("totals", lang), "", "", *counted(totals), totals["carried"]])
        summary.total_rows = 1
    summary.rows = rows
    detail = Table(
        "series_occurrences",
        t("report_series_occurrences", lang),
        *columns(
            lang,
            ("id", INT),
            ("unit_short", TEXT),
            ("text", TEXT),
            ("report_occurrence_period", TEXT),
            ("due", DATE),
            ("status", TEXT),
            ("report_completed_on", DATE),
            ("report_days_late", INT),
        ),
        sheet=t("report_sheet_series_occurrences", lang),
    )
    detail.rows = [
        [
            occ["id"],
            labels.code(row["unit"]),
            row["text"],
            occ["period"],
            _iso(occ["due"]),
            status_label(occ["status"], lang),
            _iso(occ["completed_on"]),
            occ["days_late"],
        ]
        for row in listed
        for occ in row["occurrences"]
    ]
    return [summary, detail]


def trends_table(pack: Record, titles: ReportTitles, lang: str, labels: Labels = PLAIN) -> Table:
    prev, now, delta = (
        t("report_prev_short", lang),
        t("report_now_short", lang),
        t("report_change", lang),
    )
    headers = [t("unit_short", lang)]
    kinds = [TEXT]
    for key in ("total", "report_done", "overdue"):
        label = t(key, lang)
        headers += [f"{label} ({prev})", f"{label} ({now})", f"{label} ({delta})"]
        kinds += [INT, INT, DELTA]
    label = t("completion_rate", lang)
    headers += [f"{label} ({prev})", f"{label} ({now})", f"{label} ({delta})"]
    kinds += [RATE, RATE, DELTA]
    table = Table(
        "trends",
        f"{t('report_trends', lang)}: {titles.previous} → {titles.period}",
        headers,
        kinds,
        sheet=t("report_sheet_trends", lang),
    )

    def cells(label: str, entry: Record) -> list[Any]:
        before = entry["previous"] or {}
        current = entry["current"]
        change = entry["change"]

        def done(counts: Record) -> int | None:
            if not counts:
                return None
            return int(counts["done_on_time"]) + int(counts["done_late"])

        rate_before = before.get("completion_rate") or {"num": 0, "den": 0, "pct": None}
        return [
            label,
            before.get("total"),
            current["total"],
            change["total"],
            done(before),
            done(current),
            change["done"],
            before.get("overdue"),
            current["overdue"],
            change["overdue"],
            rate_before,
            current["completion_rate"],
            change["completion_rate"],
        ]

    trends = pack.get("trends") or {"units": [], "totals": None}
    rows = [cells(labels.unit(entry), entry) for entry in trends["units"]]
    if trends["totals"]:
        rows.append(cells(t("totals", lang), trends["totals"]))
        table.total_rows = 1
    table.rows = rows
    return table


def ranking_tables(pack: Record, lang: str, labels: Labels = PLAIN) -> list[Table]:
    ranks = pack.get("rankings") or {"completion_rate": [], "overdue": []}
    by_rate = Table(
        "rank_completion",
        t("report_ranking_completion", lang),
        *columns(lang, ("report_rank", INT), ("unit_short", TEXT), ("completion_rate", RATE)),
        sheet=t("report_sheet_rank_completion", lang),
    )
    by_rate.rows = [
        [r["rank"], labels.unit(r), {"num": r["num"], "den": r["den"], "pct": r["pct"]}]
        for r in ranks["completion_rate"]
    ]
    by_overdue = Table(
        "rank_overdue",
        t("report_ranking_overdue", lang),
        *columns(
            lang, ("report_rank", INT), ("unit_short", TEXT), ("overdue", INT), ("total", INT)
        ),
        sheet=t("report_sheet_rank_overdue", lang),
    )
    by_overdue.rows = [
        [r["rank"], labels.unit(r), r["overdue"], r["total"]] for r in ranks["overdue"]
    ]
    # A ranking of one unit (a report of one unit, or one unit with anything due) ranks
    # nothing: left out, as the summary leaves out its ranking sentence.
    return [table for table in (by_rate, by_overdue) if len(table.rows) > 1]


def directive_table(
    key: str,
    title: str,
    records: Sequence[Record] | RecordStream,
    lang: str,
    *,
    sheet: str | None,
    with_unit: bool = True,
    annex: bool = False,
    labels: Labels = PLAIN,
) -> Table:
    """A table of directive records; over a RecordStream its rows are made as they are read."""
    headers = [t("id", lang)]
    kinds = [INT]
    if with_unit:
        headers.append(t("unit_short", lang))
        kinds.append(TEXT)
    headers += [
        t("text", lang),
        t("due", lang),
        t("original_due", lang),
        t("status", lang),
        t("days_overdue", lang),
        *_urged_column(labels, lang)[0],
        t("report_progress_pct", lang),
        t("report_completed_on", lang),
        t("meeting", lang),
        t("result_doc", lang),
    ]
    kinds += [TEXT, DATE, DATE, TEXT, INT, *_urged_column(labels, lang)[1]]
    kinds += [INT, DATE, TEXT if labels.formal else INT, TEXT]
    table = Table(key, title, headers, kinds, sheet=sheet, annex=annex, terminal=not annex)

    def row_of(r: Record) -> list[Any]:
        row: list[Any] = [r["id"]]
        if with_unit:
            row.append(r.get("unit_name") or labels.code(r["unit"]) if labels.formal else r["unit"])
        row += [
            r["text"],
            _iso(r["due"]),
            _iso(r["original_due"]),
            status_label(r["status"], lang),
            r["days_overdue"],
            *_urged(r, labels),
            r["progress"],
            _iso(r["completed_on"]),
            labels.meeting(r["meeting_id"]),
            result_citation(r.get("result"), lang),
        ]
        return row

    if isinstance(records, RecordStream):
        table.rows = RowStream(records, row_of)
    else:
        table.rows = [row_of(r) for r in records]
    return table


def result_citation(result: Record | None, lang: str) -> str:
    """The result document as a document cites it: ``45/BC-SYT (18/03/2025)``."""
    if not result or not result.get("doc"):
        return ""
    when = _iso(result.get("doc_date"))
    return str(result["doc"]) + (f" ({printed_day(when, lang)})" if when else "")


def _unit_table(code: str, records: Sequence[Record], lang: str, labels: Labels = PLAIN) -> Table:
    """The annex table of one unit's directives."""
    name = records[0].get("unit_name") or ""
    title = (name or code) if labels.formal else f"{code} — {name}" if name else code
    return directive_table(
        f"unit:{code}", title, records, lang, sheet=None, with_unit=False, annex=True, labels=labels
    )


def annex_tables(
    directives: Sequence[Record] | RecordStream, lang: str, labels: Labels = PLAIN
) -> Iterator[Table]:
    """The annex: one table per unit, in code order. A RecordStream comes in unit order (the
    order of ``directives``) and is read one unit at a time."""
    if isinstance(directives, RecordStream):
        for code, records in groupby(directives, key=lambda r: str(r["unit"])):
            yield _unit_table(code, list(records), lang, labels)
        return
    by_unit: dict[str, list[Record]] = {}
    for record in directives:
        by_unit.setdefault(record["unit"], []).append(record)
    for code in sorted(by_unit):
        yield _unit_table(code, by_unit[code], lang, labels)


def meetings_table(pack: Record, lang: str, labels: Labels = PLAIN) -> Table:
    table = Table(
        "meetings",
        t("meetings", lang),
        *columns(
            lang,
            ("id", INT),
            ("date", DATE),
            ("kind", TEXT),
            ("title", TEXT),
            ("chair", TEXT),
            ("attendees", TEXT),
            ("doc", TEXT),
        ),
        sheet=t("report_sheet_meetings", lang),
        terminal=False,
    )
    table.rows = [
        [
            m["id"],
            _iso(m["date"]),
            kind_label(m["kind"], lang),
            m["title"],
            m["chair"] or "",
            ", ".join(map(labels.code, m["attendees"])),
            m["doc"] or "",
        ]
        for m in pack["meetings"]
    ]
    return table


def limitation_tables(
    pack: Record, titles: ReportTitles, lang: str, labels: Labels = PLAIN
) -> list[Table]:
    summary = Table(
        "limitation_summary",
        t("report_limitation_summary", lang),
        *columns(
            lang,
            ("unit_short", TEXT),
            ("report_lim_raised", INT),
            ("report_lim_resolved", INT),
            ("report_lim_open", INT),
            ("report_lim_repeated", INT),
        ),
        sheet=t("report_sheet_lim_summary", lang),
    )
    data = pack.get("limitation_summary") or {"units": [], "totals": None}
    keys = ("raised", "resolved", "still_open", "repeated")
    rows = [[labels.unit(r), *(r[k] for k in keys)] for r in data["units"]]
    if data["totals"]:
        rows.append([t("totals", lang), *(data["totals"][k] for k in keys)])
        summary.total_rows = 1
    summary.rows = rows
    repeated = Table(
        "repeated",
        t("report_repeated_limitations", lang),
        *columns(
            lang,
            ("unit_short", TEXT),
            ("text", TEXT),
            ("report_times", INT),
            ("report_since", TEXT),
            ("report_first_raised", DATE),
            ("report_last_raised", DATE),
            ("report_lim_state", TEXT),
            ("report_ids", TEXT),
        ),
        sheet=t("report_sheet_repeated", lang),
    )
    repeated.rows = [
        [
            labels.code(r["unit"]),
            r["text"],
            r["times"],
            since_title(r["since"], titles.cutoff, lang),
            _iso(r["first_raised_on"]),
            _iso(r["last_raised_on"]),
            t("open" if r["open"] else "resolved", lang),
            ", ".join(map(str, r["ids"])),
        ]
        for r in pack.get("repeated_limitations", [])
    ]
    listed = Table(
        "limitations",
        t("report_limitations_list", lang),
        *columns(
            lang,
            ("id", INT),
            ("unit_short", TEXT),
            ("category", TEXT),
            ("text", TEXT),
            ("raised_on", DATE),
            ("resolved_on", DATE),
            ("report_repeat_of", INT),
            ("meeting", TEXT if labels.formal else INT),
        ),
        sheet=t("report_sheet_limitations", lang),
    )
    listed.rows = [
        [
            r["id"],
            labels.code(r["unit"]),
            category_label(r["category"], lang),
            r["text"],
            _iso(r["raised_on"]),
            _iso(r["resolved_on"]),
            r.get("repeat_of"),
            labels.meeting(r["meeting_id"]),
        ]
        for r in pack["limitations"]
    ]
    return [summary, repeated, listed]


def causes_table(pack: Record, lang: str, labels: Labels = PLAIN) -> Table:
    table = Table(
        "causes",
        t("report_causes", lang),
        *columns(
            lang,
            ("unit_short", TEXT),
            ("report_directive", INT),
            ("report_cause_kind", TEXT),
            ("date", DATE),
            ("text", TEXT),
        ),
        sheet=t("report_sheet_causes", lang),
    )
    table.rows = [
        [
            labels.code(c["unit"]),
            c["directive_id"],
            t(f"report_cause_{c['kind']}", lang),
            _iso(c["date"]),
            c["text"],
        ]
        for c in pack.get("causes", [])
    ]
    return table


def pack_answer(row: Record) -> str:
    """How a unit answered its pack (``pack status``): ``on_time``, ``late``, ``missing`` (not
    answered and the day asked is past) or ``waiting`` (not answered, not yet due)."""
    if row["answered"] is not None:
        return "on_time" if row["on_time"] else "late"
    return "missing" if row["on_time"] is False else "waiting"


def packs_table(pack: Record, lang: str, labels: Labels = PLAIN) -> Table:
    """Who answered the period's packs: made, sent, the day asked, answered, how."""
    table = Table(
        "packs",
        t("report_packs", lang),
        *columns(
            lang,
            ("unit_short", TEXT),
            ("report_pk_made", DATE),
            ("pk_sent", DATE),
            ("pk_due", DATE),
            ("pk_answered", DATE),
            ("report_pk_answer", TEXT),
            ("pk_items", TEXT),
        ),
        sheet=t("report_sheet_packs", lang),
        keep=(3, 4, 5),  # the day asked, answered, how
    )
    table.rows = [
        [
            labels.code(r["code"]),
            _iso(r["made_on"]),
            _iso((r["sent"] or "")[:10] or None),
            _iso(r["due"]),
            _iso(r["answered"]),
            t(f"report_pk_{pack_answer(r)}", lang),
            f"{r['items_answered']}/{r['items']}",
        ]
        for r in pack.get("packs") or []
    ]
    return table


NAMED = 5  # units a sentence names; the table beside it lists every one


def named(names: list[str], lang: str) -> str:
    """Units as a sentence names them: all up to :data:`NAMED`, else the first ones and "and
    195 other units" (a province's 200 units at the same rate made a sentence of 7 pages)."""
    if len(names) <= NAMED:
        return ", ".join(names)
    return t("report_named_others", lang, names=", ".join(names[:NAMED]), n=len(names) - NAMED)


def packs_paragraph(pack: Record, lang: str, labels: Labels = PLAIN) -> str:
    rows = pack.get("packs") or []
    answers = [pack_answer(r) for r in rows]
    missing = [labels.code(r["code"]) for r, a in zip(rows, answers, strict=True) if a == "missing"]
    text = t("report_summary_packs", lang, n=len(rows))
    if sent := sum(1 for r in rows if r["sent"]):
        text += f" ({t('report_packs_sent', lang, n=sent)})"
    on_time, late = answers.count("on_time"), answers.count("late")
    answered = ""
    if on_time + late:
        how = on_time_or_late(on_time, late, lang)
        answered = f"{t('report_packs_answered', lang, n=on_time + late)} ({how})"
    parts = [
        p
        for p in (
            answered,
            clauses(
                lang,
                ("report_packs_missing", len(missing)),
                who=f" ({named(missing, lang)})" if missing else "",
            ),
            clauses(lang, ("report_packs_waiting", answers.count("waiting"))),
        )
        if p
    ]
    return text + (": " + "; ".join(parts) if parts else "") + "."


def _change_words(value: float | int | None, lang: str, *, points: bool) -> str:
    if value is None:
        return t("report_no_comparison", lang)
    if value == 0:
        return t("report_unchanged", lang)
    amount = number(abs(float(value)), lang, suffix="") if points else str(abs(int(value)))
    word = t("report_up" if value > 0 else "report_down", lang)
    return f"{word} {amount}" + (f" {t('report_points', lang)}" if points else "")


def on_time_or_late(on_time: int, late: int, lang: str) -> str:
    """ "2 on time, 1 late"; of one kind only "all on time" (for one: "late")."""
    if on_time and late:
        return clauses(lang, ("report_counts_on_time", on_time), ("report_counts_late", late))
    which = "on_time" if on_time else "late"
    return t(f"report_counts_{'one' if on_time + late == 1 else 'all'}_{which}", lang)


def counts_sentence(tot: Record, lang: str) -> str:
    """ "In the period units worked on 11 directives (4 of them without a deadline): 3 done (2
    on time, 1 late); …", each clause of a count of 0 left out."""
    if not tot["total"]:
        return t("report_summary_no_directives", lang)
    text = t("report_summary_counts", lang, total=Count("directives", tot["total"]))
    if tot["no_deadline"]:
        text += f" ({t('report_counts_no_deadline', lang, n=tot['no_deadline'])})"
    on_time, late = tot["done_on_time"], tot["done_late"]
    done = ""
    if on_time + late:
        done = t("report_counts_done", lang, n=on_time + late)
        done += f" ({on_time_or_late(on_time, late, lang)})"
    parts = [
        p
        for p in (
            done,
            clauses(lang, ("report_counts_in_time", tot["open_in_time"])),
            clauses(lang, ("report_counts_overdue", tot["overdue"])),
            clauses(lang, ("report_counts_cancelled", tot["cancelled"])),
        )
        if p
    ]
    return text + (": " + "; ".join(parts) if parts else "") + "."


def result_paragraphs(
    pack: Record, titles: ReportTitles, lang: str, labels: Labels = PLAIN
) -> list[str]:
    tot = pack["totals"]
    lines = [counts_sentence(tot, lang)]
    if tot["total"]:  # no directive, no rate: not "— (0/0); done on time: — (0/0)"
        lines.append(
            t("report_summary_rates", lang).format(
                completion=cell_text(tot["completion_rate"], RATE, lang),
                on_time=cell_text(tot["on_time_rate"], RATE, lang),
            )
        )
    trends = pack.get("trends")
    if trends:
        change = trends["totals"]["change"]
        lines.append(
            t("report_summary_trend", lang).format(
                previous=titles.previous,
                completion=_change_words(change["completion_rate"], lang, points=True),
                overdue=_change_words(change["overdue"], lang, points=False),
            )
        )
    ranks = pack.get("rankings") or {}
    # One unit ranked (a report of one unit) is not highest and lowest at once: its rate is
    # the sentence above.
    if len(ranked := ranks.get("completion_rate") or []) > 1:
        # Every unit sharing the first (and the last) rank: "1, 1, 3" names both of the first.
        best = [r for r in ranked if r["rank"] == ranked[0]["rank"]]
        worst = [r for r in ranked if r["rank"] == ranked[-1]["rank"]]
        if len(best) > 1 and len(best) == len(ranked):  # no highest and lowest to name
            lines.append(t("report_summary_rank_equal", lang, pct=number(best[0]["pct"], lang)))
        else:
            lines.append(
                t("report_summary_rank", lang).format(
                    best=named([labels.code(r["code"]) for r in best], lang),
                    best_pct=number(best[0]["pct"], lang),
                    worst=named([labels.code(r["code"]) for r in worst], lang),
                    worst_pct=number(worst[0]["pct"], lang),
                )
            )
    held = len(pack["meetings"])
    lines.append(
        t("report_summary_meetings", lang, n=held)
        if held
        else t("report_summary_no_meetings", lang)
    )
    if tot.get("withdrawn"):
        lines.append(t("report_withdrawn", lang, n=tot["withdrawn"]))
    periodic = pack.get("series_totals")
    if pack.get("series") and periodic:
        how = clauses(
            lang,
            ("report_series_on_time", periodic["done_on_time"]),
            ("report_series_late", periodic["done_late"]),
            ("report_series_in_time", periodic["open_in_time"]),
            ("report_series_overdue", periodic["overdue"]),
        )
        text = t(
            "report_series_summary",
            lang,
            total=periodic["total"],
            series=len({r["id"] for r in pack["series"]}),
        ) + (f" ({how})" if how else "")
        carried = clauses(lang, ("report_series_carried_n", periodic["carried"]))
        lines.append(text + (f"; {carried}" if carried else "") + ".")
    asked = pack.get("requests")
    if asked and (asked["extend"]["asked"] or asked["withdraw"]["asked"]):
        ext, wd = asked["extend"], asked["withdraw"]
        asked_ext = clauses(lang, ("br_asked", ext["asked"]))
        if ext["asked_late"]:
            asked_ext += f" ({t('report_req_late', lang, n=ext['asked_late'])})"
        said = [
            t("report_req_extend", lang, clauses=", ".join(p for p in (asked_ext, how) if p))
            for how in [
                clauses(
                    lang,
                    ("br_granted", ext["granted"]),
                    ("br_refused", ext["refused"]),
                    ("report_req_pending", ext["pending"]),
                )
            ]
            if ext["asked"]
        ]
        if wd["asked"]:
            wd_said = clauses(
                lang,
                ("br_asked", wd["asked"]),
                ("br_granted", wd["granted"]),
                ("br_refused", wd["refused"]),
            )
            said.append(t("report_req_withdraw", lang, clauses=wd_said))
        sentence = "; ".join(said) + "."
        lines.append(sentence[:1].upper() + sentence[1:])
        moot = ext.get("moot", 0) + wd.get("moot", 0)
        if moot:
            lines[-1] += " " + t("report_requests_moot", lang, n=moot)
    return lines


def limitations_sentence(summary: Record, lang: str) -> str:
    """ "Limitations: 2 raised, 1 resolved in the period, 8 still open; 1 raised again.", the
    clauses of a count of 0 left out."""
    said = clauses(
        lang,
        ("report_lims_raised", summary.get("raised", 0)),
        ("report_lims_resolved", summary.get("resolved", 0)),
        ("report_lims_open", summary.get("still_open", 0)),
    )
    again = clauses(lang, ("report_lims_repeated", summary.get("repeated", 0)))
    if not said:
        return t("report_summary_no_limitations", lang)
    return t("report_summary_limitations", lang, clauses="; ".join(p for p in (said, again) if p))


def shortcoming_paragraphs(
    pack: Record, titles: ReportTitles, lang: str, labels: Labels = PLAIN
) -> list[str]:
    summary = (pack.get("limitation_summary") or {}).get("totals") or {}
    lines = [
        t("report_summary_overdue", lang, n=len(pack["overdue"]))
        if len(pack["overdue"])
        else t("report_summary_no_overdue", lang),
        limitations_sentence(summary, lang),
    ]
    for r in pack.get("repeated_limitations", []):
        lines.append(
            f"{labels.code(r['unit'])}: «{r['text']}» — "
            + t(
                "report_times_since",
                lang,
                n=r["times"],
                since=since_title(r["since"], titles.cutoff, lang),
            )
        )
    return lines


def next_sentence(carried: int, soon: int, due: Record, summary: Record, lang: str) -> str:
    """ "Next period: 8 open directives carry over (2 due within 7 days); limitations still to
    be overcome: 8.", the clauses of a count of 0 left out."""
    text = (
        t("report_summary_next", lang, n=carried)
        if carried
        else t("report_summary_next_none", lang)
    )
    if soon:
        within = due["within_days"]
        key = within_key("report_next_soon", within)
        on = header_day(date.fromisoformat(due["from"]), lang) if "from" in due else None
        text += f" ({t(key, lang, n=soon, days=Count('days', within), date=on)})"
    still = summary.get("still_open", 0)
    return text + (f"; {t('report_next_open', lang, n=still)}" if still else "") + "."


def _unit_names(pack: Record) -> dict[str, str]:
    """Each unit's name by code, from every part of the pack that names units: a unit with
    limitations but no directive in the period is in ``limitation_summary`` alone."""
    rows = [*pack["units"], *(pack.get("limitation_summary") or {}).get("units", [])]
    rows += [child for row in pack["units"] for child in row.get("children", [])]
    return {row["code"]: row["name"] for row in rows if row.get("name")}


def _urged_units(pack: Record) -> dict[str, int]:
    """The units urged in the period (letters of ``urge``), by code: rolled-up rows by child."""
    found: dict[str, int] = {}
    for row in pack["units"]:
        for member in row.get("children") or [row]:
            if member.get("urged"):
                found[member["code"]] = member["urged"]
    return found


def build_document(
    pack: Record,
    titles: ReportTitles,
    lang: str,
    *,
    by: str = "unit",
    detail: bool = True,
    meetings: dict[int, tuple[date, str | None]] | None = None,
) -> Document:
    """Lay the report's pack out as a document in ``lang``.

    Without ``detail`` (the terminal, which shows neither) the carried-over list and the annex
    are left empty, so their directives are never read. Over a pack whose lists are
    RecordStreams (Markdown), their rows are made as the document is written.

    With ``meetings`` (id -> date and document number: the Word report and its Excel annex) the
    document is formal: units by name, meetings by document number and date (:class:`Labels`).
    """
    labels = PLAIN
    if meetings is not None:
        labels = Labels(formal=True, names=_unit_names(pack), meetings=meetings, lang=lang)
    urged = _urged_units(pack)
    if urged:  # letters sent in the period: how often each unit and directive was urged
        labels = replace(labels, urged=True)
    units = units_table(pack, lang, labels)
    chairs = chair_table(pack, lang)
    results = Section(
        f"I. {t('report_results', lang)}", result_paragraphs(pack, titles, lang, labels)
    )
    main = [chairs, units] if by == "chair" else [units]
    if by in ("field", "leader"):
        main = [group_table(pack, by, lang), units]
    periodic = series_tables(pack, lang, labels)
    if by == "series":
        main = [*periodic, units]
    results.tables += main
    if (children := children_table(pack, lang, labels)) is not None:
        results.tables.append(children)
    if by != "series":
        results.tables += periodic
    results.tables.append(trends_table(pack, titles, lang, labels))
    results.tables += ranking_tables(pack, lang, labels)
    if by != "chair":
        results.tables.append(chairs)
    results.tables.append(meetings_table(pack, lang, labels))
    if pack.get("packs"):  # only where the office sent packs for the period
        results.paragraphs.append(packs_paragraph(pack, lang, labels))
        results.tables.append(packs_table(pack, lang, labels))
    results.chart_after = "units"

    shortcomings = Section(
        f"II. {t('report_shortcomings', lang)}", shortcoming_paragraphs(pack, titles, lang, labels)
    )
    if urged:
        who = named([f"{labels.code(code)} ({n})" for code, n in sorted(urged.items())], lang)
        shortcomings.paragraphs.append(
            t("report_summary_urged", lang, n=sum(urged.values()), units=who)
        )
    shortcomings.tables.append(
        directive_table(
            "overdue",
            t("overdue_list", lang),
            pack["overdue"],
            lang,
            sheet=t("report_sheet_overdue", lang),
            labels=labels,
        )
    )
    shortcomings.tables += limitation_tables(pack, titles, lang, labels)

    causes = Section(f"III. {t('report_causes', lang)}")
    if pack.get("causes"):
        causes.paragraphs.append(t("report_causes_intro", lang))
        causes.tables.append(causes_table(pack, lang, labels))
    else:  # the sentence alone: no heading over "Nothing to report.", no sheet of a header
        causes.paragraphs.append(t("report_no_causes", lang))

    soon = pack.get("due_soon") or {"within_days": 0, "directives": []}
    carried = (pack.get("next_period") or {}).get("directives", [])
    summary = (pack.get("limitation_summary") or {}).get("totals") or {}
    upcoming = Section(
        f"IV. {t('report_next_period', lang)} ({titles.next})",
        [next_sentence(len(carried), len(soon["directives"]), soon, summary, lang)],
    )
    upcoming.tables.append(
        directive_table(
            "due_soon",
            t(
                within_key("report_due_soon", soon["within_days"]),
                lang,
                n=soon["within_days"],
                date=header_day(date.fromisoformat(soon["from"]), lang) if "from" in soon else None,
            ),
            soon["directives"],
            lang,
            sheet=t("report_sheet_due_soon", lang),
            labels=labels,
        )
    )
    upcoming.tables.append(
        directive_table(
            "next",
            t("report_carried_over", lang),
            carried if detail else [],
            lang,
            sheet=t("report_sheet_next", lang),
            labels=labels,
        )
    )
    upcoming.tables[-1].terminal = False

    annex = Section(t("report_annex", lang))
    directives = pack.get("directives", []) if detail else []
    flat = directive_table(
        "directives",
        t("report_annex", lang),
        directives,
        lang,
        sheet=t("report_sheet_directives", lang),
        labels=labels,
    )
    flat.terminal = False  # the Excel form of the per-unit tables below
    if isinstance(directives, RecordStream):
        listed = directives
        annex.more = lambda: chain(annex_tables(listed, lang, labels), [flat])
    else:
        annex.tables += annex_tables(directives, lang, labels)
        annex.tables.append(flat)

    chart_rows = [
        (labels.unit(row) if labels.formal else row["code"], row["completion_rate"])
        for row in pack["units"]
    ]
    title = f"{t('report_title', lang)} — {titles.period}"
    sections = [results, shortcomings, causes, upcoming, annex]
    for section in sections:
        for table in section.tables:
            nothing_but_totals(table)
    return Document(
        title=title,
        header=header_lines(pack, titles, lang),
        sections=sections,
        chart_rows=chart_rows,
        lang=lang,
        rate_note=t("rate_base", lang),
    )


def nothing_but_totals(table: Table) -> None:
    """A table whose rows are its totals alone (no unit had a directive, a limitation … in the
    period: an empty register, a ``--unit`` that held nothing, a period before the first
    meeting) is left without rows: every format then says there is nothing to report where it
    would stand, as under any table without rows, rather than a row of zeros."""
    if table.total_rows and len(table.rows) <= table.total_rows:
        table.rows, table.total_rows = [], 0


TREND = "trend"  # a cell already written as "previous → current (change)"
# The kinds of cell set flush right, in every format: counts, rates, points, trends.
NUMERIC = frozenset({INT, PCT, DELTA, RATE, TREND, POINTS})


def for_reading(table: Table, lang: str) -> Table:
    """The table as people read it: the trends table folds each (previous, current, change)
    triple into one cell, ``9 → 11 (+2)``; every other table is returned as it is."""
    if table.key != "trends":
        return table
    headers = [table.headers[0]] + [h.rsplit(" (", 1)[0] for h in table.headers[1::3]]
    rows = []
    for row in table.rows:
        cells: list[Any] = [row[0]]
        for i in range(1, len(row), 3):
            before, now, change = (
                cell_text(row[i + j], table.kinds[i + j], lang) for j in range(3)
            )
            cells.append(f"{before or '—'} → {now} ({change})")
        rows.append(cells)
    return Table(
        table.key,
        table.title,
        headers,
        [TEXT] + [TREND] * (len(headers) - 1),
        rows,
        total_rows=table.total_rows,
        sheet=table.sheet,
        annex=table.annex,
        terminal=table.terminal,
    )
