"""The progress bar: drawn on stderr when it is a terminal, absent otherwise."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ENTRY_POINT, Cli, run

pytestmark = pytest.mark.sqlite_only("one backend is enough to see the bar")


def _sheet(tmp_path: Path, rows: int) -> Path:
    lines = ["STT,Nội dung,Đơn vị chủ trì,Thời hạn,Tiến độ"]
    lines += [f"{n},Việc số {n},BTC,30/9/2022,{n % 100}%" for n in range(1, rows + 1)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read_until_closed(leader: int, seconds: float) -> bytes:
    """Everything written to a pseudo-terminal until its last writer closes it."""
    deadline = time.monotonic() + seconds
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"the terminal still open after {seconds} s; last shown:\n{shown[-2000:]!r}"
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            return shown
        if not chunk:
            return shown
        shown += chunk


def test_bar_on_a_terminal(cli: Cli, db: str, tmp_path: Path) -> None:
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    cli.ok("add-meeting", "--date", "2022-05-06", "--title", "Họp")
    sheet = _sheet(tmp_path, 2_000)
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "DIRTRACK_LANG": "en"}
    with subprocess.Popen(
        [ENTRY_POINT, "--db", db, "import", str(sheet), "--meeting", "1"],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    ) as child:
        os.close(follower)
        # Read while the child writes: a full pseudo-terminal would block it otherwise.
        try:
            shown = _read_until_closed(leader, seconds=300)
        finally:
            os.close(leader)
            if child.poll() is None:
                child.kill()
        returncode = child.wait(timeout=60)
    text = shown.decode("utf-8", "replace")
    assert returncode == 0
    assert "Checking rows" in text or "Writing" in text
    assert "imported" in text and "created 2000 directives" in text


def test_no_bar_without_a_terminal(cli: Cli, db: str, tmp_path: Path) -> None:
    cli.ok("unit", "add", "BTC", "Ban Tổ chức")
    cli.ok("add-meeting", "--date", "2022-05-06", "--title", "Họp")
    done = run("import", str(_sheet(tmp_path, 3000)), "--meeting", "1", db=db)
    assert done.returncode == 0
    assert done.stderr == f"imported {tmp_path / 'big.csv'}: created 3000 directives\n"
    assert "\x1b" not in done.stderr


@pytest.mark.slow("the benchmark's own smoke test: a dozen dirtrack processes, as it times them")
def test_benchmark_script_runs_and_prints_its_table(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parent.parent / "bench" / "bench_import.py"
    done = subprocess.run(
        [sys.executable, str(script), "--rows", "500", "--keep", str(tmp_path / "bench")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["measure", "value", "note"]
    assert any(line.startswith("import time") for line in lines)
    assert any(line.startswith("import peak memory") for line in lines)
    assert "created 550 directives" in done.stdout
