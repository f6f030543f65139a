"""Processes that start in milliseconds, for the tests whose subject is not the start.

A start of the installed ``dirtrack`` costs about 1.5 s of CPU, nearly all of it importing
Python, Typer, SQLAlchemy and the commands; a script of sixty commands (the examples) pays it
sixty times, and so does every writer process of the tests of writers at once. A fork server
imports dirtrack once, as the entry point would, and then waits. Its programs are executables
that stand for a process of dirtrack's:

- :attr:`ForkServer.dirtrack` is called in place of ``dirtrack`` (``$DIRTRACK`` of the example
  scripts): it runs :func:`dirtrack.cli.main` as the entry point does;
- :attr:`ForkServer.batch` in place of ``python -m tests.batch`` (:class:`tests.batch.Batch`).

Each call is a process of its own: the server forks a copy of itself that takes the caller's
arguments, environment, folder, stdin, stdout and stderr (the descriptors themselves, passed
over a Unix socket) and the limits of :data:`LIMITS` (a file size, an address space, which a
test sets in ``preexec_fn``), runs the program and exits with its code, which the caller exits
with.
What a script or a test sees (exit codes, output, a pipe, ``$(...)``, processes writing at
once) is what a real start gives; only the import phase (and what a process builds the first
time it runs a command and keeps: the models' mappers, SQLAlchemy's memoized columns and cache
keys, rich's tables; :func:`warm`) is shared, which the tests that start the installed entry
point (``tests.conftest.run``) check.

``python -m tests.forkserver SOCKET`` is the server; it imports dirtrack, not pytest.
"""

from __future__ import annotations

import array
import atexit
import gc
import io
import marshal
import os
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The environment of the process that imports this module, as it started (before a test
#: changed it): the server's own, which the libraries it loads read at import (matplotlib
#: made its configuration folder in the XDG_CONFIG_HOME of the test that started the server,
#: a folder of that test's). Each call runs in the caller's environment.
STARTING_ENVIRONMENT = dict(os.environ)

#: The resource limits a call passes on to the process forked for it, as a start would inherit
#: them (SIGXFSZ is ignored in both, as Python ignores it at start: a write past the file size
#: fails with EFBIG, as on a full disk).
LIMITS = ("RLIMIT_AS", "RLIMIT_FSIZE")

# The caller: Python's standard library only, started without site-packages (-I -S) and
# importing only modules written in C (``_socket``: ``socket`` makes its enumerations at import;
# ``marshal``: ``json`` compiles its patterns), some 15 ms of CPU where ``json`` and ``socket``
# took 40. {socket!r}, {program!r} and {limits!r} are filled in when the file is written.
CLIENT = """\
#!{python} -IS
import _socket, marshal, os, resource, sys
limits = {{name: resource.getrlimit(getattr(resource, name)) for name in {limits!r}}}
request = marshal.dumps(
    {{"program": {program!r}, "argv": sys.argv[1:], "env": dict(os.environ), "cwd": os.getcwd(),
     "limits": limits}}
)
conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
conn.connect({socket!r})
fds = b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2))
conn.sendmsg(
    [len(request).to_bytes(4, "big") + request],
    [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)],
)
answer = b""
while len(answer) < 4:
    chunk = conn.recv(4 - len(answer))
    if not chunk:
        sys.exit("fork server: the server went away")
    answer += chunk
sys.exit(int.from_bytes(answer, "big"))
"""


#: The server's argument that leaves out the warm-up (:meth:`ForkServer.__init__`).
COLD = "--no-warm-up"


class ForkServer:
    """A running server (:meth:`stop` ends it) and the programs that call it."""

    def __init__(self, *, warm_up: bool = True) -> None:
        """``warm_up=False``: the server runs no :data:`WARM_UP` (for a test of the server
        itself, whose commands' speed does not matter)."""
        self.folder = Path(tempfile.mkdtemp(prefix="dtfork-"))
        sock = self.folder / "s"
        self.dirtrack = self._client("dirtrack", sock)
        self.batch = self._client("batch", sock)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.forkserver", str(sock), *([] if warm_up else [COLD])],
            cwd=ROOT,
            env=STARTING_ENVIRONMENT,
            # never written: the server ends when it reads the end of it, that is when this
            # process is gone, even killed or ended without its exit handlers (an orphan
            # server waited for callers for ever)
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":
            self.stop()
            raise RuntimeError(f"the fork server did not start (exit {self.process.returncode})")

    def _client(self, program: str, sock: Path) -> Path:
        path = self.folder / program
        text = CLIENT.format(
            python=sys.executable, socket=str(sock), program=program, limits=LIMITS
        )
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
        return path

    def stop(self) -> None:
        """End the server (processes it forked finish what they are doing) and its files."""
        if self.process.returncode is None:
            self.process.kill()
        self.process.communicate(timeout=60)
        for path in self.folder.iterdir():
            path.unlink()
        self.folder.rmdir()


_SHARED: list[ForkServer] = []


def shared() -> ForkServer:
    """This process's fork server, started on first use and stopped when the process ends."""
    if not _SHARED:
        server = ForkServer()
        atexit.register(server.stop)
        _SHARED.append(server)
    return _SHARED[0]


# --- the server ---------------------------------------------------------------------------


def _receive(conn: socket.socket) -> tuple[dict[str, object], list[int]]:
    """The caller's request and its three descriptors (stdin, stdout, stderr)."""
    fds = array.array("i")
    data, ancillary, _flags, _addr = conn.recvmsg(65536, socket.CMSG_SPACE(3 * fds.itemsize))
    for level, kind, raw in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(raw[: len(raw) - len(raw) % fds.itemsize])
    while len(data) < 4 or len(data) < 4 + int.from_bytes(data[:4], "big"):
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError("the caller went away")
        data += chunk
    return marshal.loads(data[4:]), list(fds)


def _stdio(fd: int, *, write: bool, errors: str, line: bool) -> io.TextIOWrapper:
    """A standard stream on ``fd`` made as Python makes it at start (PEP 538/540: UTF-8)."""
    unbuffered = write and bool(os.environ.get("PYTHONUNBUFFERED"))
    raw = io.FileIO(fd, "wb" if write else "rb", closefd=False)
    buffered: io.RawIOBase | io.BufferedIOBase = raw
    if not unbuffered:
        buffered = io.BufferedWriter(raw) if write else io.BufferedReader(raw)
    return io.TextIOWrapper(
        buffered,  # type: ignore[arg-type]
        encoding="utf-8",
        errors=errors,
        newline="\n",
        line_buffering=line and not unbuffered,
        write_through=unbuffered,
    )


def _run_command(request: dict[str, object], fds: list[int]) -> int:
    """In the forked process: become the caller's program and run it; its exit code."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    env = request["env"]
    assert isinstance(env, dict)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(str(request["cwd"]))
    limits = request["limits"]
    assert isinstance(limits, dict)
    for name, (soft, hard) in limits.items():
        which = getattr(resource, name)
        if resource.getrlimit(which) != (soft, hard):
            resource.setrlimit(which, (soft, hard))
    argv = request["argv"]
    assert isinstance(argv, list)
    program = request["program"]
    sys.argv = [str(program), *argv]
    tty = os.isatty(1)
    # Kept in sys.__stdout__ & co. as well, as at a real start: dirtrack wraps stdout's raw
    # layer again, and the first wrapper must not close it when nothing refers to it any more.
    sys.stdin = sys.__stdin__ = _stdio(0, write=False, errors="strict", line=False)
    sys.stdout = sys.__stdout__ = _stdio(1, write=True, errors="strict", line=tty)
    sys.stderr = sys.__stderr__ = _stdio(2, write=True, errors="backslashreplace", line=True)
    from dirtrack.cli import main
    from tests import batch

    code: int
    try:
        {"dirtrack": main, "batch": batch.main}[str(program)]()
        code = 0
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            code = code or 120  # as Python does when stdout cannot be flushed at exit
    return code


def _start(request: dict[str, object], fds: list[int], servers: list[socket.socket]) -> int:
    """Fork the process that runs the caller's command; its pid. In it, SIGCHLD is as at a
    start (the commands wait for their own children) and the server's sockets (``servers``:
    its listener, the callers' connections, which the server answers) are closed."""
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        for sock in servers:
            sock.close()
        os._exit(_run_command(request, fds))
    for fd in fds:
        os.close(fd)
    return pid


def preload(*, warm_up: bool = True) -> None:
    """Import what the commands import, once for every process forked from this one.

    What the entry point loads before it runs a command (:func:`dirtrack.cli.main`), the batch
    runner (:mod:`tests.batch`), the
    Click command that Typer builds from the app at every start, and every module of dirtrack
    (what the commands import when they run: SQLAlchemy, the store, the report, the
    renderers); not the migrations, which Alembic loads from their files. Then the libraries
    the commands import when they write a document, a letter, a table on a terminal or a
    calendar (:data:`LIBRARIES`); and SQLAlchemy's mappers of the models are configured, which
    the first query of each forked process did again (some 40 ms of CPU a command).
    """
    import functools
    import importlib
    import pkgutil

    import typer.main

    import dirtrack
    import dirtrack.cli
    import dirtrack.render.outfile  # noqa: F401
    import tests.batch  # noqa: F401

    app = dirtrack.cli._load()
    typer.main.get_command = functools.cache(typer.main.get_command)
    typer.main.get_command(app)
    for module in pkgutil.walk_packages(dirtrack.__path__, "dirtrack."):
        if not module.name.startswith(("dirtrack.migrations", "dirtrack.__main__")):
            importlib.import_module(module.name)
    for name in ONE_THREAD:
        os.environ[name] = "1"
    for name in LIBRARIES:
        importlib.import_module(name)
    import matplotlib

    matplotlib.use("Agg", force=True)
    from sqlalchemy.engine import make_url
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    _compile_patterns()
    make_url("sqlite:///dirtrack.db")  # its pattern, compiled once into re's cache
    if warm_up:
        warm(app)


#: The commands :func:`warm` runs, in order, on a register of its own, and the exit code each
#: must give: one of each kind the tests run through the entry point (writers, a listing, a card,
#: the report in each format, a letter, the exchange formats, the change log, the checks, an
#: error in the other language, a usage error).
WARM_UP: tuple[tuple[int, str], ...] = (
    (0, "unit add STC 'Sở Tài chính'"),
    (0, "unit add SNV 'Sở Nội vụ'"),
    (0, "add-meeting --date 2022-03-01 --title 'Giao ban' --chair A"),
    (0, "assign 1 --unit STC --with SNV --due 2022-05-01 'Báo cáo'"),
    (0, "assign 1 --unit SNV --due 2022-09-30 'Đề án'"),
    (0, "add-limitation 1 --unit SNV 'Thiếu người'"),
    (0, "progress 1 --percent 40 --note 'Dự thảo' --date 2022-04-01"),
    (0, "extend 2 --to 2022-10-31 --date 2022-09-01"),
    (0, "done 1 --date 2022-04-20"),
    (0, "show 1"),
    (0, "list"),
    (0, "list --format json"),
    (0, "list --format csv"),
    (0, "limitations"),
    (0, "meetings"),
    (0, "unit list"),
    (0, "overdue --as-of 2022-12-31"),
    (0, "remind --as-of 2022-09-25"),
    (0, "report --quarter 2022Q3"),
    (0, "report --quarter 2022Q3 --format json"),
    (0, "report --quarter 2022Q3 --format md"),
    (0, "report --quarter 2022Q3 --format docx --out {dir}/r.docx"),
    (0, "report --quarter 2022Q3 --format xlsx --out {dir}/r.xlsx"),
    (0, "report --quarter 2022Q3 --format html --out {dir}/r.html"),
    (0, "urge SNV --as-of 2022-12-31 --out {dir}/u.docx"),
    (0, "export --format json --out {dir}/all.json"),
    (0, "export --format xlsx --out {dir}/all.xlsx"),
    (0, "--db {dir}/copy.db import {dir}/all.json"),
    (0, "--db {dir}/sheet.db import {dir}/all.xlsx --create-units"),
    (0, "history"),
    (0, "undo --yes"),
    (0, "doctor"),
    (0, "backup {dir}/b.db"),
    (1, "--lang vi show 9"),
    (2, "show --no-such-option"),
)


def warm(app: object) -> None:
    """Run :data:`WARM_UP` in this process on a register made for it, then remove it: what a
    command builds the first time a process runs it and keeps (SQLAlchemy's memoized columns,
    joins and cache keys, rich's tables of widths and emoji, the catalogs) is then built once,
    here, not in every forked process (about half of a forked ``show``'s CPU). Nothing else of
    a command is kept: each forked one still opens its register, compiles its statements and
    reads its environment, language and configuration, as at a real start. A command that does
    not end as :data:`WARM_UP` says stops the server (a warm-up that quietly did less)."""
    import shlex
    import shutil

    from typer.testing import CliRunner

    folder = tempfile.mkdtemp(prefix="dtwarm-")
    env: dict[str, str | None] = {
        "XDG_CONFIG_HOME": f"{folder}/config",
        "XDG_DATA_HOME": f"{folder}/data",
        "XDG_CACHE_HOME": f"{folder}/cache",
        "DIRTRACK_DB": f"{folder}/warm.db",
        "DIRTRACK_LANG": None,
        "DIRTRACK_CONFIG": None,
    }
    try:
        runner = CliRunner()
        for code, line in WARM_UP:
            result = runner.invoke(app, shlex.split(line.format(dir=folder)), env=env)  # type: ignore[arg-type]
            if result.exit_code != code:
                raise RuntimeError(
                    f"warm-up: dirtrack {line}: exit {result.exit_code}\n{result.output}"
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _compile_patterns() -> None:
    """Compile dirtrack's patterns now, once for every process forked from this one: those of
    its modules (:class:`dirtrack.patterns.LazyPattern`, compiled at their first use) and the
    deadlines' (compiled the first time a command reads a deadline), some 15 ms of CPU a
    command."""
    from dirtrack import periods
    from dirtrack.patterns import LazyPattern

    for name, module in list(sys.modules.items()):
        if name.startswith("dirtrack."):
            for value in list(vars(module).values()):
                if isinstance(value, LazyPattern):
                    value.compiled()
    periods._deadlines()


#: What commands import only when they need it, imported by the server (:func:`preload`): the
#: libraries of documents, letters, workbooks, charts, tables on a terminal and the calendar,
#: and what a usage error or the change log's actor loads. numpy (which openpyxl and matplotlib
#: import) is loaded with its BLAS on one thread (:data:`ONE_THREAD`): a process with threads is
#: not one to fork.
LIBRARIES = (
    "docx",
    "docxtpl",
    "getpass",
    "holidays",
    "holidays.countries",
    "ijson",
    "jinja2",
    "lxml.etree",
    "matplotlib.backends.backend_agg",
    "matplotlib.figure",
    "matplotlib.font_manager",
    "openpyxl",
    "openpyxl.chart",
    "platformdirs",
    "rich.console",
    "rich.progress",
    "rich.table",
    "typer.rich_utils",
)

#: The environment of the server's own import of numpy: its BLAS's pool of threads is made at
#: import, of one thread here (the forked processes compute the same; only a matrix product
#: would run on fewer cores, and the commands draw a chart of bars).
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


#: The connection of each command running, by its process's pid: the server sends its exit
#: code there when it ends (:func:`_reap`).
_CALLERS: dict[int, socket.socket] = {}


def _reap(_signal: int, _frame: object) -> None:
    """Wait for the commands that have ended (on SIGCHLD) and answer each caller its code; the
    CPU they took is then the server's children's (``cutime`` and ``cstime`` of
    ``/proc/PID/stat``), which a measure of a test's CPU can count."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = _CALLERS.pop(pid, None)
        if conn is None:
            continue
        code = os.waitstatus_to_exitcode(status)
        try:
            conn.sendall((code if code >= 0 else 128 - code).to_bytes(4, "big"))
        except OSError:
            pass  # the caller is gone
        conn.close()


def main() -> None:
    preload(warm_up=COLD not in sys.argv[2:])
    gc.collect()
    # What the server made is never collected again: a forked process's collections would go
    # through it all (and copy the pages of every object they touch).
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(sys.argv[1])
    listener.listen(64)
    signal.signal(signal.SIGCHLD, _reap)
    waiting = selectors.DefaultSelector()
    waiting.register(listener, selectors.EVENT_READ)
    waiting.register(sys.stdin.fileno(), selectors.EVENT_READ)  # the test process's pipe
    print("ready", flush=True)
    while True:
        ready = [key.fileobj for key, _ in waiting.select()]
        if listener not in ready:  # the pipe's end: the process that started it is gone
            os._exit(0)
        conn, _ = listener.accept()
        try:
            request, fds = _receive(conn)
        except (EOFError, OSError):
            conn.close()
            continue
        # SIGCHLD held until the command's connection is recorded: one that ended at once
        # would otherwise be reaped with no caller to answer
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            _CALLERS[_start(request, fds, [listener, conn, *_CALLERS.values()])] = conn
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})


if __name__ == "__main__":
    main()
