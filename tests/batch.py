"""Many dirtrack commands in one process, for the tests that need other processes (writers at
once, a writer beside a backup) but not one process per command: a process costs one start
(about 1.5 s of CPU), a command run in it a few tens of milliseconds.

``python -m tests.batch`` reads one JSON list of arguments a line on stdin, runs each as the
``dirtrack`` entry point would (on the Click command, built once), and answers each with one
JSON line ``{"code": …, "stdout": …, "stderr": …}``. It imports dirtrack, not pytest.
:class:`Batch` is the test's side of it: a process forked from the test process's fork server
(tests/forkserver.py), which has imported dirtrack already, so that a writer costs no start.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

from tests import forkserver

ROOT = Path(__file__).resolve().parent.parent

Invoke = Callable[[list[str]], tuple[int, str, str]]


def invoker(errors: str = "strict") -> Invoke:
    """Run dirtrack in this process as its entry point would, with bytes for output:
    ``invoke(args)`` gives (exit code, stdout, stderr), decoded from UTF-8 with ``errors``
    (``replace`` for a command that may write a binary file on stdout)."""
    import typer.main

    from dirtrack.cli import app

    command = typer.main.get_command(app)

    def stream() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")

    def text(handle: io.TextIOWrapper) -> str:
        handle.flush()
        raw = handle.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8", errors)

    def invoke(args: list[str]) -> tuple[int, str, str]:
        out, err = stream(), stream()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                command.main(args=args, prog_name="dirtrack")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        return code, text(out), text(err)

    return invoke


class Batch:
    """A process that runs the dirtrack commands it is sent, one at a time, in order.

    ``batch(*args)`` runs one and gives (exit code, stdout, stderr); :meth:`send` and
    :meth:`receive` split that, so that several batches can start a command at the same moment.
    Its environment is the test's (``run`` gives the entry point the same).
    """

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [forkserver.shared().batch],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def send(self, *args: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(list(args)) + "\n")
        self.proc.stdin.flush()

    def receive(self) -> tuple[int, str, str]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the batch process ended: {self.close()}")
        found = json.loads(line)
        return int(found["code"]), str(found["stdout"]), str(found["stderr"])

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.send(*args)
        return self.receive()

    def close(self) -> str:
        """End the process; what it wrote on stderr outside the commands (nothing, normally)."""
        _, stderr = self.proc.communicate(timeout=300)
        assert self.proc.returncode == 0, stderr
        return stderr

    def kill(self) -> None:
        """End the process at once, if it still runs (a test that failed half-way)."""
        if self.proc.returncode is None:
            self.proc.kill()
            self.proc.communicate(timeout=300)

    def __enter__(self) -> Batch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None and self.proc.returncode is None:
            self.close()
        self.kill()


@contextlib.contextmanager
def batches(count: int) -> Iterator[list[Batch]]:
    """``count`` batch processes, started at once; those not closed at the end are killed."""
    started = [Batch() for _ in range(count)]
    try:
        yield started
    finally:
        for batch in started:
            batch.kill()


def main() -> None:
    invoke = invoker()
    answers = sys.stdout
    for line in sys.stdin:
        code, stdout, stderr = invoke(json.loads(line))
        answers.write(json.dumps({"code": code, "stdout": stdout, "stderr": stderr}) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
