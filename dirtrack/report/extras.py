"""What leaders weigh beside the counts: requests and their answers, counts by field and by
leader in charge, risk colours per unit, and the one-page brief.

Read from a Core connection as of an explicit ``as_of``, like the report. The counts by field
and by leader come from one grouped statement (status × field × lead unit); the leader of each
group is the one in charge of its field, else of its unit, on T
(:class:`dirtrack.store.fields.Charge`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from dirtrack.periods import Period
from dirtrack.records import (
    BLANK_DAY,
    Record,
    blank_directive,
    closed_by,
    directive_record,
    request_record,
)
from dirtrack.risk import GREY, RED, YELLOW, tally_risk
from dirtrack.status import Counts, DirectiveFacts, RequestFact
from dirtrack.store.rules import Scope

if TYPE_CHECKING:
    from dirtrack.holders import Holders
    from dirtrack.store.counts import ReportCounts

REQUEST_KINDS = ("extend", "withdraw")


def _request_facts(
    conn: Connection,
    as_of: date,
    *,
    directive_scope: Iterable[int] | None = None,
    holders: Holders | None = None,
) -> list[tuple[DirectiveFacts, RequestFact, bool]]:
    """Each request asked by ``as_of`` with the facts of its directive (judged as of
    ``as_of``, under the unit ``holders`` says held it then) and whether it was asked late, by
    day asked and id."""
    from dirtrack.store.counts import late_request_ids, requested_directive_ids
    from dirtrack.store.facts import facts_of

    wanted = requested_directive_ids(conn, as_of)
    if directive_scope is not None:
        keep = set(directive_scope)
        wanted = [i for i in wanted if i in keep]
    late = late_request_ids(conn, as_of) if wanted else set()
    found = []
    for start in range(0, len(wanted), 500):
        batch = facts_of(conn, wanted[start : start + 500], as_of=as_of)
        for facts in holders.attribute(batch, as_of) if holders is not None else batch:
            found += [(facts, r, r.id in late) for r in facts.requests if r.asked_on <= as_of]
    found.sort(key=lambda item: (item[1].asked_on, item[1].id))
    return found


def request_records(conn: Connection, as_of: date, *, unit: str | None = None) -> list[Record]:
    """Every request asked by ``as_of`` (of ``unit`` and the units under it), oldest first,
    each under the unit that held its directive on ``as_of``."""
    from dirtrack.holders import Holders, units_under
    from dirtrack.store.counts import held_directive_ids
    from dirtrack.store.facts import load_units

    index = load_units(conn)
    holders = Holders.load(conn, index)
    units, _ = units_under(index, unit)
    scope = None
    if units is not None:
        held = Scope(as_of=as_of, holders=holders.at(as_of))
        scope = held_directive_ids(conn, held, units)
    return [
        listed_request(facts, req, as_of, late)
        for facts, req, late in _request_facts(conn, as_of, directive_scope=scope, holders=holders)
    ]


def listed_request(facts: DirectiveFacts, req: RequestFact, as_of: date, late: bool) -> Record:
    """A request as ``requests`` lists it: the request object, the unit that held its directive
    on ``as_of`` and whether it was asked after the deadline."""
    record = request_record(req, facts.id, as_of, closed_by(facts, as_of))
    record["unit"] = facts.unit_code
    record["asked_late"] = late
    return record


def listed_request_keys() -> tuple[str, ...]:
    """The keys of :func:`listed_request`, in order (an empty listing's CSV header)."""
    blank = RequestFact(0, "extend", BLANK_DAY, "")
    return tuple(listed_request(blank_directive(), blank, BLANK_DAY, False))


def request_counts(conn: Connection, scope: Scope, period: Period) -> Record:
    """Per kind, the requests on directives in scope asked in the period (by T): asked, granted,
    refused, pending on T, moot on T (unanswered, the directive closed by T), and asked after
    the deadline had passed. Counted by the database."""
    from dirtrack.store.counts import request_counts as counted

    found = counted(conn, scope, period.start, min(period.end, scope.as_of))
    empty = {"asked": 0, "granted": 0, "refused": 0, "pending": 0, "moot": 0, "asked_late": 0}
    return {kind: found.get(kind, dict(empty)) for kind in REQUEST_KINDS}


def by_field_and_leader(
    conn: Connection,
    scope: Scope,
    groups: Mapping[tuple[int | None, int, date | None], Counts],
) -> tuple[list[Record], list[Record]]:
    """The counts of the report per field and per leader in charge (none last): in charge on
    the day the directive was closed (done, cancelled, withdrawn) if it was by T, else on T.
    ``groups``: the counts per field id, unit id (that held it on T) and day closed by T."""
    from dirtrack.store.fields import Charge, all_fields

    fields = {fid: (code, name) for fid, code, name in all_fields(conn)}
    charge = Charge.load(conn)
    per_field: dict[int | None, Counts] = defaultdict(Counts)
    per_leader: dict[int | None, Counts] = defaultdict(Counts)
    for (field_id, unit_id, shut), counts in groups.items():
        per_field[field_id].merge(counts)
        per_leader[charge.leader_of(field_id, unit_id, shut or scope.as_of)].merge(counts)
    field_rows = [
        {"field": fields[fid][0], "name": fields[fid][1], **per_field[fid].as_dict()}
        for fid in sorted((f for f in per_field if f is not None), key=lambda f: fields[f][0])
    ]
    if None in per_field:
        field_rows.append({"field": None, "name": None, **per_field[None].as_dict()})
    leader_rows = [
        {"leader": charge.names[lid], **per_leader[lid].as_dict()}
        for lid in sorted((x for x in per_leader if x is not None), key=lambda x: charge.names[x])
    ]
    if None in per_leader:
        leader_rows.append({"leader": None, **per_leader[None].as_dict()})
    return field_rows, leader_rows


def unit_risks(
    conn: Connection,
    scope: Scope,
    tallies: Mapping[tuple[int, int | None], Mapping[str, int]],
    names: Mapping[int, tuple[str, str]],
) -> list[Record]:
    """Each unit with an open directive or repeated limitations: its colour and the tally.
    ``tallies``: the colours counted per unit (that held the directive on T) and field."""
    from dirtrack.store.counts import repeated_limitations

    colours: dict[str, Counter[str]] = defaultdict(Counter)
    for (unit_id, _), counted in tallies.items():
        colours[names[unit_id][0]].update(counted)
    repeated = repeated_limitations(conn, scope)
    shown = dict(names.values())
    rows = []
    for code in sorted(set(colours) | set(repeated)):
        judged = tally_risk(colours.get(code, {}), repeated_limitations=repeated.get(code, 0))
        rows.append({"code": code, "name": shown.get(code, code), **judged})
    return rows


def unit_risk_keys() -> tuple[str, ...]:
    """The keys of a row of :func:`unit_risks`, in order (the brief's CSV header)."""
    return tuple({"code": "", "name": "", **tally_risk({})})


def leader_risks(
    conn: Connection, scope: Scope, tallies: Mapping[tuple[int, int | None], Mapping[str, int]]
) -> list[Record]:
    """Each leader in charge of an open directive on T (of its field, else of the unit that
    held it on T): colour and tally (none last)."""
    from dirtrack.store.fields import Charge

    charge = Charge.load(conn)
    colours: dict[int | None, Counter[str]] = defaultdict(Counter)
    for (unit_id, field_id), counted in tallies.items():
        colours[charge.leader_of(field_id, unit_id, scope.as_of)].update(counted)
    rows = [
        {"leader": charge.names[lid], **tally_risk(colours[lid])}
        for lid in sorted((x for x in colours if x is not None), key=lambda x: charge.names[x])
    ]
    if None in colours:
        rows.append({"leader": None, **tally_risk(colours[None])})
    return rows


def extras(
    conn: Connection, scope: Scope, period: Period, holders: Holders, counted: ReportCounts
) -> Record:
    """The sections the report adds: ``requests``, ``by_field``, ``by_leader``, ``risk``.

    ``scope`` is the report's: like the per-unit counts, each section counts a directive moved
    by ``unit retire`` for the unit that held it on T. ``counted``: the report's counts with
    its sections (:func:`dirtrack.store.counts.count_report`), where the database judged and
    counted the colours.
    """
    by_field, by_leader = by_field_and_leader(conn, scope, counted.fields)
    everything: Counter[str] = Counter()
    for tally in counted.risks.values():
        everything.update(tally)
    return {
        "requests": request_counts(conn, scope, period),
        "by_field": by_field,
        "by_leader": by_leader,
        "risk": {
            "units": unit_risks(conn, scope, counted.risks, holders.names),
            "leaders": leader_risks(conn, scope, counted.risks),
            "totals": tally_risk(everything),
        },
    }


def red_records(conn: Connection, scope: Scope, holders: Holders, limit: int) -> list[Record]:
    """The records of the first ``limit`` red directives open on T in ``scope``, most overdue
    first (by deadline in force, then id), each under the unit that held it on T."""
    from dirtrack.store.counts import red_ids
    from dirtrack.store.facts import facts_of

    ids = red_ids(conn, scope, limit)
    read = facts_of(conn, ids, as_of=scope.as_of, past_closures=scope.past_closures)
    found = holders.attribute(read, scope.as_of)
    return [directive_record(item, scope.as_of) for item in found]


def brief(pack: Record, extra: Record, red: list[Record], limit: int = 15) -> Record:
    """The one-page leader view: the totals, colours per unit and leader, the red directives
    (most overdue first: ``red``, from :func:`red_records`) and the requests."""
    red = sorted(red, key=lambda r: (-(r["days_overdue"] or 0), r["due"] or "9999", r["id"]))
    order = {"red": 0, "yellow": 1, "green": 2, GREY: 3}
    units = sorted(extra["risk"]["units"], key=lambda u: (order[u["risk"]], -u["red"], u["code"]))
    totals = extra["risk"]["totals"]
    return {
        "period": pack["period"],
        "as_of": pack["as_of"],
        "totals": pack["totals"],
        "risk": {**extra["risk"], "units": units},
        "red": red[:limit],
        "red_count": totals[RED],
        "yellow_count": totals[YELLOW],
        "requests": extra["requests"],
    }


def add_urgings(conn: Connection, pack: Record, period: Period, as_of: date) -> None:
    """How often each unit and each directive was urged (letters of ``urge`` sent in the
    period, up to T): ``urged`` on every unit row (a rolled-up row adds its children's), on
    the totals, and on every directive record of the report."""
    from dirtrack.records import RecordStream
    from dirtrack.report.sections import scope_end
    from dirtrack.store.documents import urge_counts

    by_unit, by_directive = urge_counts(conn, period.start, scope_end(period, as_of))
    total = 0
    for row in pack["units"]:
        for child in row.get("children", []):
            child["urged"] = by_unit.get(child["code"], 0)
        children = row.get("children", [])
        own = 0 if row["code"] in {c["code"] for c in children} else by_unit.get(row["code"], 0)
        row["urged"] = own + sum(c["urged"] for c in children)
        total += row["urged"]
    pack["totals"]["urged"] = total

    def mark(record: Record) -> Record:
        record["urged"] = by_directive.get(record["id"], 0)
        return record

    def marked(stream: RecordStream) -> RecordStream:
        return RecordStream(len(stream), lambda: (mark(r) for r in stream))

    for record in pack["overdue"]:
        mark(record)
    for record in (pack.get("due_soon") or {}).get("directives", []):
        mark(record)
    carried = pack["next_period"]["directives"]
    pack["next_period"]["directives"] = (
        marked(carried) if isinstance(carried, RecordStream) else [mark(r) for r in carried]
    )
    listed = pack["directives"]
    pack["directives"] = (
        marked(listed) if isinstance(listed, RecordStream) else [mark(r) for r in listed]
    )
