"""A clerk's year on one SQLite register (:mod:`tests.clerk_year`): units named in NFC and NFD,
with either tone placement; meetings, directives, limitations, requests, a recurring duty, an
office sheet; deadlines moved, work done late and on time, cancelled, reopened, returned,
corrected field by field, deleted with what hangs on it, units renamed and retired; texts with
quotes, tabs, `;`, emoji, zero-width characters, 20,000 characters.

After every step `undo` (on a copy) gives back exactly the export before it (make test-all); at
each season export → import → export is byte-identical and every listing and report of the two
registers the same, backup → restore gives the same export, and the CSV listings and the XLSX
sheet carry every character JSON holds. ``python -m tests.clerk_year --every`` checks the travel
at every step too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clerk_year import Clerk, year


# Each step undone on a copy doubles the year's CPU (31 s where the year alone takes 15): make
# test checks the travels at each season; make test-all the undo of every step too (the undo of
# each kind of change, on both backends, is test_history's in make test).
@pytest.mark.parametrize(
    "undo",
    [
        pytest.param(False, id="travels"),
        pytest.param(True, id="every-undo", marks=pytest.mark.slow("every step undone on a copy")),
    ],
)
def test_a_clerks_year_loses_nothing_without_a_word(tmp_path: Path, undo: bool) -> None:
    clerk = Clerk(tmp_path, undo=undo)
    year(clerk)
    clerk.travels("end of year")
    assert clerk.problems == []
    assert clerk.steps > 50
    units = {u["code"]: u for u in clerk.js("unit", "list")}
    assert units["VPTU"]["name"] == "Văn phòng Tỉnh uỷ"  # typed in NFD, stored in NFC
    assert units["BTGDVTU"]["aliases"] == ["Ban Tuyên giáo Tỉnh ủy", "BTGTU"]
    assert units["BDVTU"]["successor"] == "BTGDVTU"
