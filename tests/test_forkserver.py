"""The tests' fork server (tests/forkserver.py) ends with the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STARTER = """
import os, subprocess, sys
from tests import forkserver
server = forkserver.shared()
print(server.process.pid, flush=True)
done = subprocess.run([str(server.dirtrack), "--version"], capture_output=True, text=True)
print(done.returncode, done.stdout.strip(), flush=True)
os.kill(os.getpid(), 9)  # killed: no exit handler stops the server
"""


def test_a_server_whose_starter_is_killed_ends_too(tmp_path: Path) -> None:
    """A pytest worker killed (a timeout, memory) left its fork server waiting for callers for
    ever, an orphan beside the next runs; it reads the end of its starter's pipe and ends."""
    said = tmp_path / "stderr"  # a file: a pipe the server inherits would be read for ever
    with said.open("w") as stderr:
        ran = subprocess.run(
            [sys.executable, "-c", STARTER],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            check=False,
            timeout=120,
        )
    assert ran.returncode == -signal.SIGKILL, said.read_text()
    pid, answer = ran.stdout.splitlines()
    assert answer.startswith("0 dirtrack ")  # it served a caller
    for _ in range(200):
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(int(pid), signal.SIGKILL)
    raise AssertionError(f"fork server {pid} outlived the process that started it")
