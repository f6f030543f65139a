"""The review pack from what the database counted (issue 6): the pure half of the lean path.

:func:`dirtrack.review.pack.build_review` computes the review from the facts of every directive
in scope. On a large register the database counts instead (per unit, per chair, limitations per
unit) and only the directives a section lists are read; this module turns those counts into
the same sections, exactly as the reference computes them:

- :func:`report_of`: a :class:`~dirtrack.report.Report` from counts per unit id;
- :func:`chair_rows`, with :func:`chair_ties` and :func:`shown_chair` for the rare tie: the
  ``by_chair`` section from counts per spelling of chair and title;
- :func:`limitation_summary_of`: ``limitation_summary`` from counts per unit;
- :func:`chain_members`: which limitations ``repeated_limitations`` needs;
- :func:`in_unit_order`: the order of ``directives`` (by unit code, then id).

``tests/test_review_sql.py`` checks on random registers that the lean pack equals the
reference's, section by section, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dirtrack.periods import Period
from dirtrack.records import Record
from dirtrack.report import Report, UnitRow
from dirtrack.review.pack import summary_row
from dirtrack.status import Counts
from dirtrack.text import fold, nfc


@dataclass(frozen=True)
class ChairGroup:
    """Directives in scope given at meetings with one spelling of chair and chair title."""

    chair: str | None
    chair_title: str | None
    meetings: int
    latest: date
    counts: Counts = field(default_factory=Counts)

    @property
    def key(self) -> str:
        """Chairs match without regard to case, accents or tone placement; none is ``""``."""
        return fold(self.chair) if self.chair else ""


@dataclass(frozen=True)
class LimitationCounts:
    """One unit's limitations raised by a report's end, counted as the summary counts them."""

    raised: int
    resolved: int
    still_open: int
    repeated: int


@dataclass(frozen=True)
class ReviewCounts:
    """What :func:`count_review` reads.

    Attributes:
        units: counts per unit id (the unit that held each directive on T).
        earlier: the same for the previous period (as of its own day).
        chairs: counts per chair and chair title as written.
        watched: ids of the directives overdue at T, then of those open in time with a deadline
            by the due-soon day, by deadline in force and id (the overdue list's order).
    """

    units: dict[int, Counts]
    earlier: dict[int, Counts]
    chairs: list[ChairGroup]
    watched: list[int]


# The parts of the review's one counting statement (store.review_counts, store.lite_review),
# told apart by its first column, and the figures of Counts it pivots into columns.
UNITS, EARLIER, CHAIRS, WATCHED = range(4)
FIGURES = (
    "done_on_time",
    "done_late",
    "open_in_time",
    "overdue",
    "cancelled",
    "no_deadline",
    "extended",
)


def review_counts_from(rows: Iterable[Any]) -> ReviewCounts:
    """A :class:`ReviewCounts` from the rows of the counting statement, by attribute: ``part``,
    ``unit_id``, ``chair``, ``chair_title``, the :data:`FIGURES`, ``meetings``, ``day`` (a
    date) and ``id``, ordered by part, day and id."""
    found = ReviewCounts({}, {}, [], [])
    for row in rows:
        if row.part == WATCHED:
            found.watched.append(row.id)
            continue
        counts = Counts(**{figure: getattr(row, figure) for figure in FIGURES})
        if row.part == UNITS:
            found.units[row.unit_id] = counts
        elif row.part == EARLIER:
            found.earlier[row.unit_id] = counts
        else:
            found.chairs.append(
                ChairGroup(row.chair, row.chair_title, row.meetings, row.day, counts)
            )
    return found


def report_of(
    period: Period,
    as_of: date,
    counts: Mapping[int, Counts],
    names: Mapping[int, tuple[str, str]],
    *,
    overdue: Sequence[Record] = (),
    limitations: Sequence[Record] = (),
    meetings: Sequence[Record] = (),
) -> Report:
    """The report whose per-unit counts the database gave by unit id: rows in code order."""
    rows = sorted(
        (UnitRow(names[uid][0], names[uid][1], found) for uid, found in counts.items()),
        key=lambda row: row.code,
    )
    totals = Counts()
    for row in rows:
        totals.merge(row.counts)
    return Report(
        period=period,
        as_of=as_of,
        units=rows,
        totals=totals,
        overdue=list(overdue),
        limitations=list(limitations),
        meetings=list(meetings),
    )


def chair_ties(groups: Iterable[ChairGroup]) -> dict[str, date]:
    """Chairs whose latest meeting day has more than one spelling (or title): the day.

    The reference shows the spelling of the directive it meets last on that day, in the order
    of unit code then id; :func:`shown_chair` picks it from that day's directives.
    """
    latest: dict[str, date] = {}
    spellings: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
    for group in groups:
        day = latest.get(group.key)
        if day is None or group.latest > day:
            latest[group.key] = group.latest
            spellings[group.key] = {(group.chair, group.chair_title)}
        elif group.latest == day:
            spellings[group.key].add((group.chair, group.chair_title))
    return {key: latest[key] for key, found in spellings.items() if len(found) > 1}


def shown_chair(
    key: str,
    on_day: Iterable[tuple[int, int, str | None, str | None]],
    names: Mapping[int, tuple[str, str]],
) -> tuple[str | None, str | None]:
    """Chair and title of the directive last in (unit code, id) order among ``on_day``'s
    ``(id, unit id, chair, chair title)`` whose chair matches ``key``."""
    best = max(
        ((names[uid][0], did), chair, title)
        for did, uid, chair, title in on_day
        if (fold(chair) if chair else "") == key
    )
    return best[1], best[2]


def chair_rows(
    groups: Iterable[ChairGroup], shown: Mapping[str, tuple[str | None, str | None]]
) -> list[Record]:
    """``by_chair``: the groups folded by chair, with the spelling and title of the latest
    meeting (``shown`` settles the ties of :func:`chair_ties`); no chair last."""
    folded: dict[str, list[ChairGroup]] = defaultdict(list)
    for group in groups:
        folded[group.key].append(group)
    rows = []
    for key in sorted(folded, key=lambda k: (k == "", k)):
        members = folded[key]
        counts = Counts()
        for member in members:
            counts.merge(member.counts)
        if key in shown:
            chair, title = shown[key]
        else:
            last = max(members, key=lambda m: m.latest)
            chair, title = last.chair, last.chair_title
        rows.append(
            {
                "chair": nfc(chair) if chair else None,
                "chair_title": title,
                "meetings": sum(m.meetings for m in members),
                **counts.as_dict(),
            }
        )
    return rows


def limitation_summary_of(
    counts: Mapping[str, LimitationCounts],
    targets: Mapping[str, str],
    names: Mapping[str, str],
) -> Record:
    """``limitation_summary`` from the counts per unit code (each unit with a limitation raised
    by the report's end), rolled into ``targets`` (empty: no roll-up)."""
    rows: dict[str, Record] = {}
    totals = summary_row("", "")
    for code, found in counts.items():
        target = targets.get(code, code)
        row = rows.setdefault(target, summary_row(target, names.get(target, target)))
        for key, n in (
            ("raised", found.raised),
            ("resolved", found.resolved),
            ("still_open", found.still_open),
            ("repeated", found.repeated),
        ):
            row[key] += n
            totals[key] += n
    del totals["code"], totals["name"]
    return {"units": [rows[code] for code in sorted(rows)], "totals": totals}


def _path(limitation_id: int, links: Mapping[int, int]) -> list[int]:
    """The ids :func:`dirtrack.review.repeats.first_of` walks, the first occurrence last."""
    walked = [limitation_id]
    seen = {limitation_id}
    current = limitation_id
    while (parent := links.get(current)) is not None and parent not in seen:
        seen.add(parent)
        walked.append(parent)
        current = parent
    return walked


def chain_members(listed: Iterable[int], links: Mapping[int, int]) -> set[int]:
    """Ids of the limitations that ``repeated_limitations`` reads: every member of a chain of
    repeats that a listed limitation belongs to, with the links walked to its first occurrence.

    Args:
        listed: ids of the limitations the report lists.
        links: ``repeat_of_id`` of every limitation raised by the report's end that has one.
    """
    heads = {_path(lid, links)[-1] for lid in listed}
    candidates = set(links) | set(links.values()) | set(listed)
    chains: dict[int, list[list[int]]] = defaultdict(list)
    for lid in candidates:
        walked = _path(lid, links)
        if walked[-1] in heads:
            chains[walked[-1]].append(walked)
    found: set[int] = set()
    for paths in chains.values():
        if len(paths) > 1:  # raised once is no repeat
            for walked in paths:
                found.update(walked)
    return found


def in_unit_order(
    held: Iterable[tuple[int, int]], names: Mapping[int, tuple[str, str]]
) -> list[int]:
    """The ids of ``held`` ``(id, unit id)`` pairs by unit code, then id: the order of
    ``directives``. Sorted here, not by the database, which may sort text by locale."""
    return [did for _, did in sorted((names[uid][0], did) for did, uid in held)]
