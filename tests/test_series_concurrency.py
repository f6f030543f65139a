"""Occurrences of periodic directives made by commands that run at the same time: several
processes that each need the same missing occurrences create them once between them.

Each process is forked from the fork server (tests/forkserver.py): a process of its own that
need not import dirtrack first, so that they reach the store together. The write lock
serialises them (README "Concurrency and crash safety"): the first creates the occurrences in
one transaction, the others find them made and write nothing; the unique constraint on
(series, period) would refuse a second copy in any case.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

from dirtrack.db import resolve_target
from tests.conftest import Cli, at_once


def _months(first: date, last: date) -> list[str]:
    """``YYYY-MM`` of every month from ``first``'s to ``last``'s."""
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _occurrences(db: str) -> list[tuple[int, str]]:
    """(series, period) of every occurrence stored, by id."""
    from sqlalchemy import create_engine, select

    from dirtrack.store.tables import directive

    engine = create_engine(resolve_target(db).url)
    try:
        with engine.connect() as conn:
            query = (
                select(directive.c.series_id, directive.c.period)
                .where(directive.c.series_id.is_not(None))
                .order_by(directive.c.id)
            )
            return [(int(sid), str(period)) for sid, period in conn.execute(query)]
    finally:
        engine.dispose()


def test_commands_at_once_create_each_occurrence_once(cli: Cli, db: str) -> None:
    today = date.today()
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last month's first day
    cli.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy")
    cli.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy")
    meeting = cli.id("add-meeting", "--date", start.isoformat(), "--title", "Hội nghị BTV")
    for n in range(2):
        cli.ok("assign", str(meeting), f"Báo cáo {n}", "--unit", "VPTU", "--unit", "BTC",
               "--every", "month", "--day", str(10 + n))  # fmt: skip
    made_by_assign = len(cli.json("list", "--as-of", today.isoformat()))
    # A day seven months ahead: each command below needs the months up to the one after it.
    ahead = today + timedelta(days=210)
    day = ahead.isoformat()
    commands = [
        ["report", "--period", f"{start.isoformat()}..{day}", "--as-of", day, "--format", "json"],
        ["list", "--as-of", day, "--format", "json"],
        ["series", "show", "1", "--as-of", day, "--format", "json"],
    ]
    for code, stdout, stderr in at_once(commands, db, timeout=300, forked=True):
        assert code == 0 and stderr == "", stderr
        json.loads(stdout)

    rows = _occurrences(db)
    copies = Counter(rows)
    assert max(copies.values()) == 1  # no occurrence twice
    # Every series has each month from its first to the one after the day asked about.
    expected = _months(start, ahead.replace(day=1) + timedelta(days=31))
    for sid in range(1, 5):
        assert sorted(p for s, p in copies if s == sid) == expected
    assert len(rows) > made_by_assign
    # Made by one of them, in one transaction of its own: one `series generate` in the history.
    log = cli.json("history", "--limit", "0")
    generated = [c for c in log if c["command"] == "series generate"]
    assert len(generated) == 1
    # Asked again, nothing more.
    cli.ok("list", "--as-of", day)
    assert _occurrences(db) == rows
