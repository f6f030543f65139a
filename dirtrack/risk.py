"""Risk colours: green, yellow, red, or grey when a directive cannot be judged yet.

A directive's colour at T is judged by the database, next to its status
(:func:`dirtrack.store.rules.risk_case`); ``tests/oracle.py`` holds the same rule in plain
Python. This module holds the thresholds and the colour of a group, and is pure: no database,
no printing. A directive, as of T:

- **red**: overdue; or due within ``red_days`` days with progress below ``low_progress`` %;
- **yellow**: due within ``soon_days`` days with progress below ``low_progress`` %; or no news
  (assignment, progress, extension, request) for more than ``stale_days`` days; or an extension
  or withdrawal request waiting for an answer (``pending_request``);
- **grey**: open without a deadline (nothing to judge it by), or cancelled or withdrawn;
- **green**: done, or open and none of the above.

A unit or a leader, over their directives judged as of T: **red** when at least
``unit_red_share`` of the open ones are red; **yellow** when any is red, or at least
``unit_yellow_share`` are red or yellow, or (a unit) it has ``repeated_limitations`` or more
open limitations raised again; **grey** when none of its open directives can be judged and no
limitation says otherwise; else **green**.

An office tunes the thresholds in the config file's ``[risk]`` table (:func:`rules_from`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"
COLOURS = (RED, YELLOW, GREEN, GREY)


@dataclass(frozen=True)
class RiskRules:
    """The thresholds of the risk colours, the configuration file's ``[risk]`` table."""

    soon_days: int = 7
    red_days: int = 3
    low_progress: int = 50
    stale_days: int = 30
    pending_request: bool = True
    unit_red_share: float = 0.25
    unit_yellow_share: float = 0.25
    repeated_limitations: int = 2


DEFAULT = RiskRules()
_current = DEFAULT


def use(rules: RiskRules) -> None:
    """The rules every record made from now on is coloured by (the config file's)."""
    global _current
    _current = rules


def current() -> RiskRules:
    return _current


def rules_from(table: Mapping[str, Any], where: str) -> RiskRules:
    """The rules of a ``[risk]`` table; unknown keys and values of the wrong kind are errors.

    Raises:
        ConfigError: an unknown key, or a value of the wrong kind or out of range.
    """
    from dirtrack.config import ConfigError

    known = {f.name: f for f in fields(RiskRules)}
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        spec = known.get(key)
        place = f"{where}.{raw_key}"
        if spec is None:
            names = ", ".join(name.replace("_", "-") for name in known)
            raise ConfigError.of("cfg_risk_key", where=place, known=names)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if spec.type == "bool":
            ok, problem = isinstance(value, bool), "cfg_risk_flag"
        elif key == "low_progress":  # progress is a percentage: above 100 no directive is green
            ok, problem = (
                number and isinstance(value, int) and 0 <= value <= 100,
                "cfg_risk_percent",
            )
        elif spec.type == "int":
            ok = number and isinstance(value, int) and value >= 0
            problem = "cfg_risk_days" if key.endswith("_days") else "cfg_risk_count"
        else:
            ok, problem = number and 0 <= value <= 1, "cfg_risk_share"
        if not ok:
            raise ConfigError.of(problem, where=place, value=value)
        values[key] = value
    return replace(DEFAULT, **values)


def tally_risk(
    counted: Mapping[str, int], *, repeated_limitations: int = 0, rules: RiskRules | None = None
) -> dict[str, Any]:
    """The colour of a unit or leader from how many of their open directives have each colour
    (as the database counts them): ``{"risk": colour, "red": n, "yellow": n, "green": n,
    "grey": n}``."""
    rules = rules or _current
    tally = {colour: counted.get(colour, 0) for colour in COLOURS}
    judged = tally[RED] + tally[YELLOW] + tally[GREEN]
    limited = rules.repeated_limitations > 0 and repeated_limitations >= rules.repeated_limitations
    if judged and tally[RED] / judged >= rules.unit_red_share:
        colour = RED
    elif (
        tally[RED]
        or limited
        or (judged and (tally[RED] + tally[YELLOW]) / judged >= rules.unit_yellow_share)
    ):
        colour = YELLOW
    elif not judged:
        colour = GREY
    else:
        colour = GREEN
    return {"risk": colour, **tally}
