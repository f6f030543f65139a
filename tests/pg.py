"""A real, throwaway PostgreSQL 15 cluster for the test suite.

:func:`start_cluster` runs ``initdb`` and ``pg_ctl`` from the machine's own binaries on a Unix
socket in a temporary folder, and on 127.0.0.1 at a free port (:meth:`Cluster.tcp_url`: a
client over TCP, as an office's other machines are), no password for the superuser, no data
kept. PostgreSQL
refuses to run as root, so when the tests run as root (as CI does) the cluster belongs to an
ordinary system user, :data:`PG_USER`, created on first use. Each test gets its own database,
created in a few milliseconds by copying a template: one migrated to dirtrack's current schema
once per cluster, or PostgreSQL's empty ``template0`` for a database never used.

The cluster sorts text with the ICU collation ``vi-VN`` (as a Vietnamese province's server
would), not in byte order as SQLite does, so a query that leaves text ordering to the database
shows up as a difference between the two backends.

When the binaries are missing, :func:`find_binaries` returns None with :data:`MISSING` as the
reason; the tests on PostgreSQL are then skipped with that reason, unless
``DIRTRACK_REQUIRE_PG=1`` (set by ``.ci/run``) turns the skip into a failure.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PG_USER = "dirtrack-pg"
SUPERUSER = "postgres"
# A role that must give its password, to check that no message or log ever shows one.
PASSWORD_ROLE = "dirtrack_pw"
PASSWORD = "S3cret-pw"
# The database migrated once per cluster that :meth:`Cluster.create_database` copies.
TEMPLATE = "dirtrack_template"
# A test's db_path -> the URL of the PostgreSQL database standing in for it (see
# conftest.file_digest). Kept here, not in conftest, which is imported twice (as ``conftest`` by
# pytest and as ``tests.conftest`` by the tests).
STAND_INS: dict[Path, str] = {}
SEARCH = ("/usr/lib/postgresql/15/bin", "/usr/local/pgsql/bin")
MISSING = (
    "PostgreSQL 15 server binaries (initdb, pg_ctl, postgres) not found on PATH or in "
    "/usr/lib/postgresql/15/bin: install them (Debian: apt-get install postgresql-15) "
    "to run the tests on PostgreSQL too"
)


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    candidates: list[Path] = []
    if env := os.environ.get("DIRTRACK_PG_BIN"):
        candidates.append(Path(env))
    if found := shutil.which("pg_ctl"):
        candidates.append(Path(found).resolve().parent)
    candidates += [Path(p) for p in SEARCH]
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _server_user() -> pwd.struct_passwd | None:
    """The ordinary user to run the server as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(PG_USER)
    except KeyError:
        made = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
            check=False,
            capture_output=True,
        )
        try:  # made here, or by another test worker at the same moment
            return pwd.getpwnam(PG_USER)
        except KeyError:
            made.check_returncode()
            raise


@dataclass
class Cluster:
    """A running cluster; :meth:`create_database` hands out new databases."""

    bin_dir: Path
    root: Path
    owner: pwd.struct_passwd | None
    port: int = 5432
    _counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _admin: Any = None
    _migrated: bool = False

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def tcp_url(self, database: str) -> str:
        """A ``--db`` URL reaching ``database`` over TCP, ``host=127.0.0.1``."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> str:
        """A ``--db`` URL reaching ``database`` over the cluster's socket."""
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql+psycopg://{auth}@/{database}?host={self.socket_dir}&port={self.port}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, Any] = {}
        if self.owner is not None:
            kwargs = {"user": self.owner.pw_uid, "group": self.owner.pw_gid, "extra_groups": []}
        return subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env={"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
            cwd="/",
            **kwargs,
        )

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = self.log_file.read_text() if self.log_file.exists() else ""
            raise RuntimeError(f"{what} failed:\n{result.stdout}\n{result.stderr}\n{log}")

    def start(self) -> None:
        self._check(
            self._run(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--locale-provider=icu",
                "--icu-locale=vi-VN",
                "--no-sync",
            ),
            "initdb",
        )
        (self.data_dir / "pg_hba.conf").write_text(
            f"local all {PASSWORD_ROLE} scram-sha-256\nlocal all all trust\n"
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 trust\n"
        )
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write(
                "\n# dirtrack test cluster: its socket and the loopback, nothing worth keeping\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.socket_dir}'\n"
                f"port = {self.port}\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 200\n"
                # Shared memory segments as files of the data folder, removed with it: POSIX
                # ones (/dev/shm) outlive a server stopped in immediate mode, as this one is.
                "dynamic_shared_memory_type = mmap\n"
                # Statements are logged only for a database a test asks it of
                # (create_database's ``logged``), not for every test's.
            )
        self._check(
            self._run(
                "pg_ctl",
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                "60",
                "start",
            ),
            "pg_ctl start",
        )

    def admin(self) -> Any:
        """An autocommit superuser connection to the ``postgres`` database."""
        if self._admin is None or self._admin.closed:
            import psycopg

            self._admin = psycopg.connect(
                host=str(self.socket_dir),
                port=self.port,
                user=SUPERUSER,
                dbname="postgres",
                autocommit=True,
            )
        return self._admin

    def create_database(
        self, prefix: str = "t", *, blank: bool = True, logged: bool = False
    ) -> str:
        """A new database; returns its ``--db`` URL.

        Empty when ``blank`` (as a first command finds it), else already migrated to the
        current schema, as a first command leaves it. ``logged``: every statement sent to it
        goes to the server's log (:meth:`server_log`), for a test that proves what never
        reaches the log.
        """
        template = "template0" if blank else self._migrated_template()
        name = f"{prefix}_{next(self._counter)}"
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE {template} STRATEGY file_copy')
        if logged:
            self.admin().execute(f"ALTER DATABASE \"{name}\" SET log_statement = 'all'")
        return self.url(name)

    def _migrated_template(self) -> str:
        """:data:`TEMPLATE`, migrated by dirtrack on first use, then closed to connections
        (a database being copied must have none)."""
        if not self._migrated:
            from dirtrack.db import open_engine

            self.admin().execute(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE template0')
            engine, _ = open_engine(self.url(TEMPLATE))
            engine.dispose()
            self.admin().execute(
                f'ALTER DATABASE "{TEMPLATE}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false'
            )
            self._migrated = True
        return TEMPLATE

    def keep_copy(self, url: str) -> str:
        """A copy of the database at ``url`` (which nothing may be connected to), to
        :meth:`restore` other databases from; returns its name."""
        name = f"kept_{next(self._counter)}"
        source = url.split("@/", 1)[1].split("?", 1)[0]
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}" STRATEGY file_copy')
        return name

    def restore(self, url: str, kept: str) -> None:
        """Make the database at ``url`` a copy of ``kept`` (from :meth:`keep_copy`)."""
        self.drop_database(url)
        name = url.split("@/", 1)[1].split("?", 1)[0]
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE "{kept}" STRATEGY file_copy')

    def drop_database(self, url: str) -> None:
        name = url.split("@/", 1)[1].split("?", 1)[0]
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def server_log(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def stop(self) -> None:
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
        if self.data_dir.exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def _free_port() -> int:
    """A TCP port of 127.0.0.1 nothing listens on now (each test worker's cluster its own, and
    another checkout's clusters theirs)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_cluster() -> Cluster:
    """Start a cluster in a new temporary folder; it is stopped and removed at exit."""
    bin_dir = find_binaries()
    if bin_dir is None:
        raise RuntimeError(MISSING)
    owner = _server_user()
    # Short and outside pytest's own temporary folders (root-only, and a socket path must stay
    # under 108 bytes); readable by the server's user.
    root = Path(tempfile.mkdtemp(prefix="dtpg-"))
    if owner is not None:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    (root / "sock").mkdir()
    if owner is not None:
        os.chown(root / "sock", owner.pw_uid, owner.pw_gid)
    cluster = Cluster(bin_dir=bin_dir, root=root, owner=owner, port=_free_port())
    atexit.register(cluster.stop)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    cluster.admin().execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
    return cluster
