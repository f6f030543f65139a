"""Scores for emulation (thi đua): points and tier per unit, every point explained.

A rule set is data, a TOML file (the presets ``qd366`` and ``nd335`` ship beside this module;
an office may write its own, see README "Scores"). Pure: the facts of the directives in a
period's scope go in, with T; no database.

A unit's points = ``base`` + ``scale`` × Σ (weight × share) / Σ weight over its scored
directives (those it leads, weight ``weight.lead``, and those it coordinates, weight
``weight.coordinator``). A directive's share, as of T:

- ``outcome.<status>`` (``"skip"``: not scored at all, in neither sum);
- plus ``verdict.<meets|exceeds|short>`` for a done directive whose result has a verdict;
- less ``delay.deduct`` per delay: each deadline missed (passed while in force, the directive
  not done by it) is one delay, or with ``delay.days`` > 0 one per started ``days`` days late.
  A deadline replaced by an extension approved after it had passed is exempted when
  ``delay.exempt`` says so: ``objective`` (an extension request approved with ``--objective``),
  ``approved`` (any approved extension) or ``none``;
- never below ``delay.floor``.

Each of these is one line of the explanation (``directive_id``, ``rule``, ``points``), its
points already multiplied out, so the lines add up to the unit's points (the total is truncated
to two decimals, like rates; so is each line, and the hundredths the cutting lost go back one
each to the lines that lost most, so that the lines shown add up to the points shown). Tiers are
tried in order; the first whose ``min`` and hard conditions hold is the unit's (``all_done``,
``all_on_time``, ``max_behind_share``, ``min_exceeds_share``, counted over the directives the
unit leads and that are scored).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.inputs import (
    TomlError,
    holds_nothing,
    parse_toml,
    read_input,
    refused_input,
    user_path,
)
from dirtrack.kinds import VERDICTS
from dirtrack.status import DirectiveFacts, Status
from dirtrack.text import control_character, fold, is_blank, nfc

PRESETS_DIR = Path(__file__).resolve().parent
PRESETS = ("nd335", "qd366")
SKIP = "skip"
OUTCOMES = ("done_on_time", "done_late", "overdue", "open_in_time", "withdrawn")
EXEMPT = ("objective", "approved", "none")
CONDITIONS = ("all_done", "all_on_time", "max_behind_share", "min_exceeds_share")
# The largest number a rule file may hold, either sign: points, weights and shares are small
# numbers; beyond any meaning, a float overflowed (1e308) and the score stopped, naming nothing.
NUMBER_LIMIT = 1_000_000


@dataclass(frozen=True)
class Tier:
    code: str
    name: str
    min: Fraction
    name_en: str | None = None  # the name an English document shows (else ``name``)
    all_done: bool = False
    all_on_time: bool = False
    max_behind_share: Fraction | None = None
    min_exceeds_share: Fraction | None = None


@dataclass(frozen=True)
class RuleSet:
    name: str
    title: str
    source: str
    title_en: str | None  # the title an English document shows (else ``title``)
    base: Fraction
    scale: Fraction
    outcome: dict[str, Fraction | None]  # None: skip
    verdict: dict[str, Fraction]
    deduct: Fraction
    days: int
    exempt: str
    floor: Fraction | None
    lead: Fraction
    coordinator: Fraction
    tiers: tuple[Tier, ...]


# --- reading a rule file ---------------------------------------------------------------------


class _Reader:
    """Reads values out of the parsed TOML, naming the file, line and key of a bad one."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def line_of(self, table: str | None, key: str, nth: int = 0) -> int | None:
        """The line of ``key = …`` in ``[table]`` (or at the top; in the ``nth`` table of that
        name, counted from 0, for an array of tables such as ``[[tier]]``), best effort."""
        current: str | None = None
        seen = -1
        for number, raw in enumerate(self.lines, 1):
            line = raw.strip()
            if line.startswith("["):
                current = line.strip("[] ")
                seen += current == table
                continue
            if current == table and line.split("=", 1)[0].strip().strip('"') == key:
                if table is None or seen == nth:
                    return number
        return None

    def fail(self, table: str | None, key: str, problem: Phrase, nth: int = 0) -> InvalidInput:
        name = f"{table}.{key}" if table else key
        line = self.line_of(table, key, nth)
        where = f"{self.path}:{line}" if line else self.path
        return InvalidInput.of("rules_bad_key", where=where, key=name, problem=problem)

    def number(self, table: Mapping[str, Any], name: str | None, key: str, default: Any) -> Any:
        value = table.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(name, key, Phrase("rk_number"))
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(name, key, Phrase("rk_number"))
        if abs(value) > NUMBER_LIMIT:  # 1e308 gave points beyond any float: 'a number is too large'
            raise self.fail(name, key, Phrase("rk_number_range", limit=NUMBER_LIMIT))
        # Exactly as the file writes it (0.1 is a tenth, not the float nearest it). Rounded to
        # a millionth, a weight of 1e-9 became 0 and was refused as "must be above 0".
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)

    def share(self, tier: Mapping[str, Any], key: str, nth: int) -> Fraction | None:
        """A share of a ``[[tier]]`` (the ``nth``): from 0 to 1 (5 or -2 meant nothing)."""
        value: Fraction | None = self.number(tier, "tier", key, None)
        if value is not None and not 0 <= value <= 1:
            raise self.fail("tier", key, Phrase("rk_share"), nth)
        return value

    def text(self, table: Mapping[str, Any], name: str | None, key: str, default: str) -> str:
        """A text of the file (a name, a title): shown in every format, so never a control
        character (ESC, BEL…), which would drive the terminal or break the Word file, nor
        blank (a zero-width space alone)."""
        value = table.get(key, default)
        if not isinstance(value, str) or is_blank(value):
            raise self.fail(name, key, Phrase("rk_text"))
        found = control_character(value)
        if found is not None:
            raise self.fail(name, key, Phrase("rk_plain_text", code=found))
        # as every stored text: NFC, without the direction overrides that would show it
        # reversed at a terminal and in the documents
        return nfc(value)

    def keys(self, table: Mapping[str, Any], name: str | None, known: Iterable[str]) -> None:
        allowed = set(known)
        for key in table:
            if key not in allowed:
                raise self.fail(name, key, Phrase("rk_one_of", names=", ".join(sorted(allowed))))

    def table(self, raw: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(None, key, Phrase("rk_table"))
        return value


def load_rules(ref: str) -> RuleSet:
    """The rule set a preset name or a file path names.

    Raises:
        InvalidInput: neither a preset nor a file; not a regular file (a device, a pipe); a
            file that cannot be read, or is empty; not TOML; a bad key or value.
    """
    name = ref.strip()
    # a preset as the decree is written too, in any case: QĐ366, NĐ 335, qđ-366
    preset = fold(name).replace(" ", "").replace("-", "")
    if preset in PRESETS:
        path = PRESETS_DIR / f"{preset}.toml"
        source = preset
    else:
        path = user_path(name)
        source = str(path)
        if not (path.exists() or path.is_symlink()):
            raise InvalidInput.of("rules_unknown", ref=ref, presets=", ".join(PRESETS))
    try:
        # a device or a pipe: refused, never read
        give = Phrase("give_rule_file", presets=", ".join(PRESETS))
        text = read_input(path, give=give).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise refused_input(source, exc) from None
    if holds_nothing(text):
        raise InvalidInput.of("file_empty", name=source)
    try:
        raw = parse_toml(text)
    except TomlError as exc:
        raise InvalidInput.of("rules_not_toml", path=source, detail=exc.detail) from None
    return parse_rules(raw, source, text)


def parse_rules(raw: Mapping[str, Any], source: str, text: str = "") -> RuleSet:
    """A :class:`RuleSet` from a parsed rule file (see the module docstring)."""
    rd = _Reader(source, text)
    rd.keys(
        raw,
        None,
        (
            "name",
            "title",
            "title_en",
            "base",
            "scale",
            "outcome",
            "verdict",
            "delay",
            "weight",
            "tier",
        ),  # fmt: skip
    )
    outcome_raw = rd.table(raw, "outcome")
    rd.keys(outcome_raw, "outcome", OUTCOMES)
    outcome: dict[str, Fraction | None] = {}
    defaults = {"done_on_time": 1, "done_late": 1, "overdue": 0, "open_in_time": SKIP}
    for key in OUTCOMES:
        value = outcome_raw.get(key, defaults.get(key, SKIP))
        if value == SKIP:
            outcome[key] = None
        else:
            outcome[key] = rd.number({key: value}, "outcome", key, None)
    verdict_raw = rd.table(raw, "verdict")
    rd.keys(verdict_raw, "verdict", VERDICTS)
    verdict = {key: rd.number(verdict_raw, "verdict", key, 0) for key in VERDICTS}
    delay = rd.table(raw, "delay")
    rd.keys(delay, "delay", ("deduct", "days", "exempt", "floor"))
    days = delay.get("days", 0)
    # (9223372036854775807 days was taken: every number of the file is held to NUMBER_LIMIT)
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= NUMBER_LIMIT:
        raise rd.fail("delay", "days", Phrase("rk_whole", limit=NUMBER_LIMIT))
    exempt = delay.get("exempt", "objective")
    if exempt not in EXEMPT:
        raise rd.fail("delay", "exempt", Phrase("rk_one_of", names=", ".join(EXEMPT)))
    weight = rd.table(raw, "weight")
    rd.keys(weight, "weight", ("lead", "coordinator"))
    numbers = {
        "base": rd.number(raw, None, "base", 0),
        "scale": rd.number(raw, None, "scale", 100),
        "deduct": rd.number(delay, "delay", "deduct", 0),
        "floor": rd.number(delay, "delay", "floor", None),
        "lead": rd.number(weight, "weight", "lead", 1),
        "coordinator": rd.number(weight, "weight", "coordinator", 0),
    }
    # A share taken per delay, a weight, or a scale below 0 would give points for a delay or
    # take them for a directive led (the worst unit first): a sign typed wrong.
    signed = (("delay", "deduct"), ("weight", "lead"), ("weight", "coordinator"), (None, "scale"))
    for table, key in signed:
        if numbers[key] < 0:
            raise rd.fail(table, key, Phrase("rk_not_negative"))
    # Both weights at 0, or every outcome skipped, scores no directive of any unit: a table of
    # nobody, which said nothing of why.
    if not numbers["lead"] and not numbers["coordinator"]:
        raise rd.fail("weight", "lead", Phrase("rk_some_weight"))
    if all(share is None for share in outcome.values()):
        raise rd.fail("outcome", "done_on_time", Phrase("rk_some_outcome"))
    floor = numbers["floor"]
    # A floor above a directive's full share would give every one, even overdue, more.
    if floor is not None and floor > 1:
        raise rd.fail("delay", "floor", Phrase("rk_floor"))
    tiers_raw = raw.get("tier", [])
    if not isinstance(tiers_raw, list) or not tiers_raw:
        raise rd.fail(None, "tier", Phrase("rk_tiers"))
    tiers: list[Tier] = []
    codes: set[str] = set()  # the tiers' codes so far (a list searched per tier: 20,000 hung)
    for item in tiers_raw:
        if not isinstance(item, dict):
            raise rd.fail(None, "tier", Phrase("rk_tiers"))
        rd.keys(item, "tier", ("code", "name", "name_en", "min", *CONDITIONS))
        code = item.get("code")
        if not isinstance(code, str) or is_blank(code):  # a zero-width space alone too
            raise rd.fail("tier", "code", Phrase("rk_text"))
        if nfc(code) in codes:  # the unit's tier, by its code
            raise rd.fail("tier", "code", Phrase("rk_code_twice", code=nfc(code)))
        for flag in ("all_done", "all_on_time"):
            if not isinstance(item.get(flag, False), bool):
                raise rd.fail("tier", flag, Phrase("rk_bool"))
        minimum = rd.number(item, "tier", "min", None)
        if minimum is None:
            raise rd.fail("tier", "min", Phrase("rk_number"))
        tiers.append(
            Tier(
                code=rd.text(item, "tier", "code", ""),
                name=rd.text(item, "tier", "name", code),
                name_en=rd.text(item, "tier", "name_en", code) if "name_en" in item else None,
                min=minimum,
                all_done=item.get("all_done", False),
                all_on_time=item.get("all_on_time", False),
                max_behind_share=rd.share(item, "max_behind_share", len(tiers)),
                min_exceeds_share=rd.share(item, "min_exceeds_share", len(tiers)),
            )
        )
        codes.add(tiers[-1].code)
    _check_tiers(rd, tiers, numbers, outcome, verdict)
    name = rd.text(raw, None, "name", Path(source).stem)
    return RuleSet(
        name=name,
        title=rd.text(raw, None, "title", name if "name" in raw else source),
        title_en=rd.text(raw, None, "title_en", name) if "title_en" in raw else None,
        source=source,
        outcome=outcome,
        verdict=verdict,
        days=days,
        exempt=exempt,
        tiers=tuple(tiers),
        **numbers,
    )


def _number_text(value: Fraction) -> str:
    """Points as a rule file's message writes them: truncated to two decimals, no trailing
    zeros, never in exponent form (-100000000, not -1e+08)."""
    return f"{truncated(value):.2f}".rstrip("0").rstrip(".")


def _check_tiers(
    rd: _Reader,
    tiers: Sequence[Tier],
    numbers: Mapping[str, Fraction | None],
    outcome: Mapping[str, Fraction | None],
    verdict: Mapping[str, Fraction],
) -> None:
    """Refuse a tier no unit can reach, and tiers that leave a unit earning nothing, or the
    fewest points a unit can fall to, without one (it would be scored and given no tier)."""
    base, scale, floor = numbers["base"], numbers["scale"], numbers["floor"]
    assert base is not None and scale is not None
    done = [v for k, v in outcome.items() if v is not None and k.startswith("done")]
    other = [v for k, v in outcome.items() if v is not None and not k.startswith("done")]
    bonus = max((v for v in verdict.values() if v > 0), default=Fraction(0))
    shares = [*other, *(v + bonus for v in done)]
    if floor is not None:
        shares.append(floor)
    if shares and scale >= 0:
        most = base + scale * max(shares)
        for nth, tier in enumerate(tiers):
            if tier.min > most:
                reach = Phrase("rk_tier_unreachable", most=_number_text(most))
                raise rd.fail("tier", "min", reach, nth)
    # The fewest points a unit can fall to: base, unless a share can be below 0 (an outcome or
    # a verdict below 0, or delays deducted with no floor to stop them).
    lowest = base
    if shares and scale > 0:
        worst = min((v for v in verdict.values() if v < 0), default=Fraction(0))
        lows = [*other, *(v + worst for v in done)]
        deducts = numbers["deduct"] is not None and numbers["deduct"] > 0
        if (
            deducts
            and floor is None
            and any(value is not None for key, value in outcome.items() if key != "withdrawn")
        ):
            raise rd.fail("delay", "floor", Phrase("rk_floor_needed"))
        if deducts and floor is not None:
            # delays take a directive's share down to the floor and never below it, however low
            # the floor is (one of -5 let a unit fall to -200 points, with no tier)
            least = floor
        else:
            least = max(min(lows), floor) if floor is not None else min(lows)
        if least < 0:
            lowest = base + scale * least
    # Tiers are tried in order: one after a tier without conditions whose min is no higher
    # is never given (its units all taken before it).
    for nth, tier in enumerate(tiers):
        for before in tiers[:nth]:
            if before.min <= tier.min and _unconditional(before):
                shadowed = Phrase(
                    "rk_tier_shadowed", min=_number_text(before.min), code=before.code
                )
                raise rd.fail("tier", "min", shadowed, nth)
    catches_all = any(tier.min <= lowest and _unconditional(tier) for tier in tiers)
    if not catches_all:
        last = len(tiers) - 1
        if lowest < base:
            problem = Phrase("rk_tier_none_at_least", least=_number_text(lowest))
            raise rd.fail("tier", "min", problem, last)
        raise rd.fail("tier", "min", Phrase("rk_tier_none_at_base", base=_number_text(base)), last)


def _unconditional(tier: Tier) -> bool:
    """Whether ``tier`` takes every unit with its min in points: no condition that holds back
    one (a share condition at its loosest, 1 behind or 0 exceeding, holds back none)."""
    return (
        not tier.all_done
        and not tier.all_on_time
        and (tier.max_behind_share is None or tier.max_behind_share >= 1)
        and (tier.min_exceeds_share is None or tier.min_exceeds_share <= 0)
    )


# --- delays ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Miss:
    """A deadline that passed while in force, the directive not done by it."""

    due: date
    days_late: int
    cured_on: date | None  # the approval of the extension that replaced it, if any
    doc: str | None = None  # the approving document of that extension's request
    objective: bool = False
    requested: bool = False


def misses(facts: DirectiveFacts, as_of: date) -> list[Miss]:
    """The deadlines ``facts`` missed as of T, oldest first."""
    done = facts.completed_by(as_of)
    exts = sorted(
        (e for e in facts.extensions if e.approved_on <= as_of), key=lambda e: e.approved_on
    )
    segments: list[tuple[date | None, date, date | None]] = []
    start, due = facts.meeting_date, facts.original_due
    for ext in exts:
        segments.append((due, start, ext.approved_on))
        start, due = ext.approved_on, ext.new_due
    segments.append((due, start, None))
    found = []
    for due, begun, end in segments:
        if due is None or due >= as_of or (done is not None and done <= due):
            continue
        if end is not None and end <= max(due, begun):
            continue  # replaced before it passed (or never in force)
        stop = min(d for d in (end, done, as_of) if d is not None)
        cure = None
        if end is not None:
            cure = next(
                (
                    r
                    for r in facts.requests
                    if r.kind == "extend"
                    and r.decision_at(as_of) == "approved"
                    and r.decided_on == end
                ),
                None,
            )
        found.append(
            Miss(
                due=due,
                days_late=(stop - due).days,
                cured_on=end,
                doc=cure.decision_doc if cure else None,
                objective=bool(cure and cure.objective),
                requested=cure is not None,
            )
        )
    return found


# --- scoring -----------------------------------------------------------------------------------


def truncated(value: Fraction) -> float:
    """Truncated (not rounded) to two decimals, like the report's rates."""
    return math.trunc(value * 100) / 100


def lines_adding_up(values: Sequence[Fraction], total: Fraction) -> list[float]:
    """``values`` (which add up to ``total``) to two decimals, adding up to ``total``
    truncated: each is truncated, then the hundredths the cutting lost in all are given back
    one each to the values that lost most (three lines of 33.333… are 33.34, 33.33 and 33.33
    beside 100.00 points, not 33.33 three times, which add up to 99.99)."""
    cents = [math.trunc(v * 100) for v in values]
    left = math.trunc(total * 100) - sum(cents)
    step = 1 if left > 0 else -1
    # What each value lost to the cutting, in hundredths, in the direction still owed.
    lost = [(v * 100 - c) * step for v, c in zip(values, cents, strict=True)]
    for i in sorted(range(len(values)), key=lambda i: -lost[i])[: abs(left)]:
        cents[i] += step
    return [c / 100 for c in cents]


@dataclass
class _Unit:
    code: str
    name: str
    lines: list[dict[str, Any]] = field(default_factory=list)
    parts: list[tuple[int, Fraction, list[tuple[str, Fraction, dict[str, Any]]]]] = field(
        default_factory=list
    )
    led: int = 0
    done: int = 0
    behind: int = 0
    exceeds: int = 0
    on_time: int = 0


def _directive_parts(
    facts: DirectiveFacts, as_of: date, rules: RuleSet
) -> tuple[Status, list[tuple[str, Fraction, dict[str, Any]]], bool] | None:
    """The share of one directive, as (rule, share, details) parts; None when not scored.
    Also whether it is behind schedule (a delay not exempted)."""
    status = facts.status(as_of)
    if status is Status.CANCELLED:
        return None
    value = rules.outcome.get(status.value)
    if value is None:
        return None
    parts: list[tuple[str, Fraction, dict[str, Any]]] = [(f"outcome.{status.value}", value, {})]
    total = value
    result = facts.result
    if status.is_done and result is not None and result.verdict in rules.verdict:
        bonus = rules.verdict[result.verdict]
        parts.append((f"verdict.{result.verdict}", bonus, {}))
        total += bonus
    behind = False
    if status is not Status.WITHDRAWN:
        for miss in misses(facts, as_of):
            exempt = miss.cured_on is not None and (
                rules.exempt == "approved" or (rules.exempt == "objective" and miss.objective)
            )
            count = 1 if rules.days == 0 else max(1, -(-miss.days_late // rules.days))
            details = {
                "due": miss.due.isoformat(),
                "days_late": miss.days_late,
                "delays": count,
                "doc": miss.doc,
            }
            if exempt:
                parts.append(("delay.exempt", Fraction(0), details))
                continue
            behind = True
            cut = -rules.deduct * count
            parts.append(("delay", cut, details))
            total += cut
    if rules.floor is not None and total < rules.floor:
        parts.append(("delay.floor", rules.floor - total, {}))
    return status, parts, behind


def score_units(
    facts: Iterable[DirectiveFacts],
    as_of: date,
    rules: RuleSet,
    *,
    units: Mapping[str, str] | None = None,
    only: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Points, tier and explanation of every unit with a directive in ``facts`` (those of the
    period's scope), by code; ``units`` maps codes to names, ``only`` keeps those codes."""
    found: dict[str, _Unit] = {}
    names = units or {}

    def unit(code: str) -> _Unit:
        if code not in found:
            found[code] = _Unit(code, names.get(code, code))
        return found[code]

    for item in facts:
        judged = _directive_parts(item, as_of, rules)
        if judged is None:
            continue
        status, parts, behind = judged
        if rules.lead > 0:
            lead = unit(item.unit_code)
            lead.parts.append((item.id, rules.lead, parts))
            lead.led += 1
            lead.done += status.is_done
            lead.behind += behind
            lead.on_time += not behind and status.is_done
            lead.exceeds += bool(
                status.is_done and item.result is not None and item.result.verdict == "exceeds"
            )
        if rules.coordinator > 0:
            for code in item.with_codes:
                co = unit(code)
                co.parts.append(
                    (item.id, rules.coordinator, [(f"coordinator.{r}", s, d) for r, s, d in parts])
                )
    rows = []
    for code in sorted(found):
        if only is not None and code not in only:
            continue
        rows.append(_unit_row(found[code], rules))
    return rows


def _unit_row(u: _Unit, rules: RuleSet) -> dict[str, Any]:
    weights = sum((w for _, w, _ in u.parts), Fraction(0))
    explanation: list[dict[str, Any]] = []
    if not weights:
        return {
            "code": u.code,
            "name": u.name,
            "points": None,
            "tier": None,
            "tier_name": None,
            "scored": 0,
            "explanation": [],
            "checks": [],
        }
    points = rules.base
    values: list[Fraction] = []
    if rules.base:
        explanation.append({"directive_id": None, "rule": "base", "points": None})
        values.append(rules.base)
    for directive_id, weight, parts in u.parts:
        for rule, share, details in parts:
            value = rules.scale * weight * share / weights
            points += value
            explanation.append(
                {"directive_id": directive_id, "rule": rule, "points": None, **details}
            )
            values.append(value)
    for line, shown in zip(explanation, lines_adding_up(values, points), strict=True):
        line["points"] = shown
    checks = []
    chosen: Tier | None = None
    for tier in rules.tiers:
        failed = _failed(tier, u, points)
        checks.append({"tier": tier.code, "met": not failed, "failed": failed})
        if not failed and chosen is None:
            chosen = tier
    return {
        "code": u.code,
        "name": u.name,
        "points": truncated(points),
        "tier": chosen.code if chosen else None,
        "tier_name": chosen.name if chosen else None,
        "scored": len(u.parts),
        "led": u.led,
        "done": u.done,
        "on_time": u.on_time,
        "behind": u.behind,
        "exceeds": u.exceeds,
        "explanation": explanation,
        "checks": checks,
    }


def _failed(tier: Tier, u: _Unit, points: Fraction) -> list[str]:
    failed = []
    if points < tier.min:
        failed.append("min")
    if tier.all_done and u.done < u.led:
        failed.append("all_done")
    if tier.all_on_time and (u.behind or u.done < u.led):
        failed.append("all_on_time")
    if (
        tier.max_behind_share is not None
        and u.led
        and Fraction(u.behind, u.led) > tier.max_behind_share
    ):
        failed.append("max_behind_share")
    if tier.min_exceeds_share is not None and (
        not u.led or Fraction(u.exceeds, u.led) < tier.min_exceeds_share
    ):
        failed.append("min_exceeds_share")
    return failed


def rules_record(rules: RuleSet) -> dict[str, Any]:
    return {
        "name": rules.name,
        "title": rules.title,
        "title_en": rules.title_en,
        "source": rules.source,
        "base": truncated(rules.base),
        "scale": truncated(rules.scale),
        "tiers": [
            {"code": t.code, "name": t.name, "name_en": t.name_en, "min": truncated(t.min)}
            for t in rules.tiers
        ],
    }


__all__ = ["PRESETS", "RuleSet", "load_rules", "misses", "parse_rules", "score_units"]
