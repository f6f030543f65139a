"""The tests' fork server (tests/forkserver.py) ends with the process that started it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STARTER = """
import os, subprocess, sys
from tests import forkserver
server = forkserver.ForkServer(warm_up=False)  # as shared() starts it, less the warm-up
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


def test_a_forked_command_has_the_limits_its_caller_set(tmp_path: Path) -> None:
    """A file size limit set in ``preexec_fn`` (a full disk, as tests/test_output.py makes one)
    bounds the forked command as it bounds a start of the entry point: a backup larger than it
    fails with one line and leaves no part file; the next call, without it, writes it whole."""
    import resource

    from tests import forkserver

    dirtrack = str(forkserver.shared().dirtrack)
    db, backup = tmp_path / "r.db", tmp_path / "b.db"
    made = subprocess.run([dirtrack, "--db", str(db), "unit", "add", "A", "Đơn vị A"], check=False)
    assert made.returncode == 0
    limit = db.stat().st_size // 2

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    args = [dirtrack, "--db", str(db), "backup", str(backup)]
    failed = subprocess.run(
        args, preexec_fn=limited, capture_output=True, text=True, timeout=120, check=False
    )
    assert failed.returncode == 1, failed.stderr
    assert failed.stderr.startswith("Error: backup failed: ") and failed.stderr.count("\n") == 1
    assert not backup.exists() and list(tmp_path.iterdir()) == [db]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert backup.stat().st_size > limit


def test_the_server_runs_one_thread_and_leaves_the_tests_folders_alone(tmp_path: Path) -> None:
    """What the server loads (numpy's BLAS among it) starts no thread: a process with threads
    is not one to fork. Nor does it make folders where the environment of the test that started
    it points (matplotlib's configuration folder in that test's XDG_CONFIG_HOME): it starts in
    the environment its starter began with. Its warm-up's register is gone once it is ready."""
    starter = (
        "import os\n"
        "from tests import forkserver\n"
        f"os.environ['XDG_CONFIG_HOME'] = {str(tmp_path / 'config')!r}  # as a test sets it\n"
        "server = forkserver.shared()\n"
        "print(len(os.listdir(f'/proc/{server.process.pid}/task')), flush=True)\n"
        "print(*sorted(name.split('-')[0] for name in os.listdir(os.environ['TMPDIR'])))\n"
    )
    # its own temporary folder, short: the server's socket is made in it (at most 108 bytes)
    temporary = Path(tempfile.mkdtemp(prefix="dt-"))
    try:
        done = subprocess.run(
            [sys.executable, "-c", starter],
            cwd=ROOT,
            env={**os.environ, "TMPDIR": str(temporary)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["1", "dtfork"]  # its own folder, no warm-up's
    assert not (tmp_path / "config").exists()
