"""What every command shares: global state, the unit of work, option types, value parsing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from sqlmodel import Session

from dirtrack.errors import InvalidInput
from dirtrack.periods import Cutoff, Period, parse_date, parse_period, parse_when
from dirtrack.render import OutputFormat


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


@dataclass
class State:
    db: str | None
    lang: str


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        from dirtrack.i18n import default_lang

        root.obj = State(db=None, lang=default_lang())
    return root.obj


@contextmanager
def unit_of_work(ctx: typer.Context) -> Iterator[Session]:
    """Open the database and run the block as one transaction."""
    from dirtrack.db import open_engine, session_scope

    engine, _ = open_engine(state(ctx).db)
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


def today() -> date:
    return date.today()


def day_or_today(text: str | None) -> date:
    return parse_date(text) if text else today()


def optional_day(text: str | None) -> date | None:
    return parse_date(text) if text else None


def period_of(text: str, cutoff: Cutoff = Cutoff.CALENDAR) -> Period:
    return parse_period(text, cutoff, today=today())


def when(text: str, ref: date | None) -> date:
    return parse_when(text, ref)


def positive_id(value: int, what: str) -> int:
    if value <= 0:
        raise InvalidInput(f"{what} id must be a positive number, not {value}")
    return value


FormatOpt = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", case_sensitive=False, help="table for people; json or csv for scripts."
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Judge statuses as of this DATE (default: today).", metavar="DATE"
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date", help="DATE it happened: 2022-05-06 or 6/5/2022 (default: today).", metavar="DATE"
    ),
]
UnitFilterOpt = Annotated[
    str | None,
    typer.Option(
        "--unit", "-u", help="Only this unit and the units under it (code, name or alias)."
    ),
]
