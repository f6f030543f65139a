"""Hostile inputs, round C: interrupts, database URLs, a full disk, the configuration file.

Runs each case in English and in Vietnamese and prints the failures only, then the number of
checks on stderr. Run as root, from the repository, after `make install`:

    .venv/bin/python tools/hostile_c.py [--only urls,config,disk,interrupts]

It mounts a 200 KiB tmpfs on /mnt/tiny (and unmounts it), runs a few commands as `nobody`
(setpriv), and builds a register of 100,000 directives with bench/bench.py under
$HOSTILE_WORK (default /tmp/dirtrack-hostile), about 400 MB; remove it afterwards. A PostgreSQL
URL case that is refused needs nothing listening on 127.0.0.1:1.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TREE = Path(__file__).resolve().parent.parent
DIRTRACK = str(TREE / ".venv" / "bin" / "dirtrack")
PYTHON = str(TREE / ".venv" / "bin" / "python")
WORK = Path(os.environ.get("HOSTILE_WORK", "/tmp/dirtrack-hostile"))
TINY = Path("/mnt/tiny")
LANGS = ("en", "vi")

FAILURES: list[str] = []
CASES = 0

# Words that betray English in a Vietnamese error line (after what the user typed is removed).
ENGLISH = re.compile(
    r"\b(the|is|not|no|cannot|could|can't|database|file|folder|error|errors|connection|refused|"
    r"timeout|timed|host|unknown|invalid|denied|permission|unexpected|failed|name|resolve|"
    r"interrupted|disk|full|space|read|write|written|password|server|port|such|directory|"
    r"value|key|expected|must|exists|already|operation|unable|open|column|table|a|an|of|to|"
    r"in|for|with|was|were|has|have)\b",
    re.IGNORECASE,
)


@dataclass
class Ran:
    args: list[str]
    code: int
    out: str
    err: str
    seconds: float


def run(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    user: str | None = None,
    cwd: Path | None = None,
) -> Ran:
    command = [DIRTRACK, *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", "--regid=65534", "--clear-groups", *command]
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DIRTRACK_")}
    full_env.update({"LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"})
    full_env.update(env or {})
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=full_env,
            timeout=timeout,
            cwd=cwd,
        )
    except subprocess.TimeoutExpired:
        return Ran(list(args), -999, "", "(hung: killed after the timeout)", timeout)
    return Ran(
        list(args),
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
        time.monotonic() - started,
    )


def fail(case: str, lang: str, why: str, ran: Ran | None = None) -> None:
    shown = f" [exit {ran.code}, {ran.seconds:.1f}s] {ran.err.strip()[:400]!r}" if ran else ""
    FAILURES.append(f"{case} ({lang}): {why}{shown}")


def settle(db: Path) -> None:
    """Fold the WAL into the file, so that a reader's own checkpoint changes no byte."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def digest(db: Path) -> str:
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        part = Path(f"{db}{suffix}")
        h.update(part.read_bytes() if part.exists() else b"")  # an empty -wal is no -wal
    return h.hexdigest()


def one_error(
    case: str,
    lang: str,
    ran: Ran,
    *,
    code: int = 1,
    typed: tuple[str, ...] = (),
    within: float | None = None,
    secret: str | None = None,
) -> None:
    """The rule: exit ``code``, one line ``Error: …``, no traceback, Vietnamese under vi."""
    global CASES
    CASES += 1
    lines = ran.err.strip().splitlines()
    if ran.code != code:
        fail(case, lang, f"exit {ran.code}, expected {code}", ran)
    if len(lines) != 1 or not lines[0].startswith("Error: "):
        fail(case, lang, "not one Error: line", ran)
    low = ran.err.lower()
    if "traceback" in low or "unexpected" in low or "ngoài dự kiến" in low:
        fail(case, lang, "traceback or unexpected", ran)
    if within is not None and ran.seconds > within:
        fail(case, lang, f"took {ran.seconds:.1f}s (more than {within}s)", ran)
    if secret is not None and secret in ran.err + ran.out:
        fail(case, lang, "the password is shown", ran)
    if lang == "vi" and lines:
        text = lines[0][len("Error: ") :]
        for word in sorted(typed, key=len, reverse=True):
            text = text.replace(word, " ")
        text = re.sub(
            r"(?:/[\w.+@%:-]*)+|\w+://\S*|--[\w-]+|'[^']*'|\"[^\"]*\"|\w+\.[\w-]+|\([^)]*\)",
            " ",
            text,
        )
        found = ENGLISH.findall(text)
        if found:
            fail(case, lang, f"English words in the Vietnamese line: {sorted(set(found))}", ran)


def seeded(path: Path) -> Path:
    """A small register at ``path``."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = ["--db", str(path)]
    for args in (
        ["unit", "add", "BTC", "Ban Tổ chức"],
        ["unit", "add", "BDV", "Ban Dân vận"],
        ["add-meeting", "--date", "6/5/2022", "--title", "Họp"],
        ["assign", "1", "--unit", "BTC", "--due", "30/6/2022", "Đề án A"],
    ):
        ran = run(*db, *args)
        assert ran.code == 0, ran
    return path


# --- interrupts ---------------------------------------------------------------------------------


def big_register() -> tuple[Path, Path]:
    """A register of 100,000 directives and its JSON export (built once)."""
    folder = WORK / "big"
    folder.mkdir(parents=True, exist_ok=True)
    db, export = folder / "big.db", folder / "big.json"
    if not db.exists():
        code = (
            "import sys; sys.path.insert(0, 'bench'); from pathlib import Path; "
            "from datetime import date; import bench; "
            f"r = bench.build_register(Path({str(folder)!r}), 100000, date(2026, 12, 3)); "
            f"r.path.rename({str(db)!r})"
        )
        subprocess.run([PYTHON, "-c", code], check=True, cwd=TREE, capture_output=True)
    if not export.exists():
        ran = run("--db", str(db), "export", "--out", str(export), timeout=300)
        assert ran.code == 0, ran
    return db, export


def interrupted(args: list[str], after: float, sig: signal.Signals) -> Ran:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIRTRACK_")}
    env["LANG"] = "C.UTF-8"
    started = time.monotonic()
    child = subprocess.Popen(
        [DIRTRACK, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(after)
    child.send_signal(sig)
    try:
        out, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        return Ran(args, -999, "", "(hung after the signal)", 60)
    return Ran(args, child.returncode, out.decode(), err.decode(), time.monotonic() - started)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name or ".dirtrack-" in p.name)


def locked(db: Path) -> bool:
    """Whether a writer could not take the database at once (a stale lock)."""
    ran = run("--db", str(db), "unit", "add", "ZZLOCK", "Kiểm tra khóa", timeout=20)
    if ran.code != 0:
        return True
    run("--db", str(db), "undo", "--yes", timeout=20)
    return False


def case_interrupts() -> None:
    db, export = big_register()
    folder = WORK / "int"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for sig in (signal.SIGINT, signal.SIGTERM):
        for lang in LANGS:
            expected_code = 130 if sig == signal.SIGINT else -signal.SIGTERM
            # import of a big JSON export into a new database, and into an existing one
            for target_kind in ("new",):
                target = folder / f"imp-{target_kind}.db"
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{target}{suffix}").unlink(missing_ok=True)
                if target_kind == "existing":
                    seeded(target)
                before = digest(target) if target.exists() else None
                ran = interrupted(
                    ["--lang", lang, "--db", str(target), "import", str(export)], 8, sig
                )
                name = f"{sig.name} import into a {target_kind} database"
                check_interrupt(name, lang, ran, expected_code)
                if target_kind == "existing":
                    if digest(target) != before:
                        fail(name, lang, "the database changed")
                    if locked(target):
                        fail(name, lang, "a stale lock")
                elif target.exists():
                    ran2 = run("--db", str(target), "unit", "list", "--format", "json")
                    if ran2.code == 0 and ran2.out.strip() not in ("[]", ""):
                        fail(name, lang, "a new database kept part of the import", ran2)
                if leftovers(folder):
                    fail(name, lang, f"files left: {leftovers(folder)}")
                    for left in leftovers(folder):
                        (folder / left).unlink()
            # report of the big register, to stdout and to --out
            settle(db)
            before = digest(db)
            for out in (None, folder / f"report-{lang}.json"):
                extra = ["--out", str(out)] if out else []
                ran = interrupted(
                    [
                        "--lang",
                        lang,
                        "--db",
                        str(db),
                        "report",
                        "--period",
                        "2026",
                        "--format",
                        "json",
                        *extra,
                    ],
                    0.9,
                    sig,
                )
                name = f"{sig.name} report {'--out' if out else 'stdout'}"
                check_interrupt(name, lang, ran, expected_code)
                if out and out.exists():
                    fail(name, lang, "the --out file is there")
                if leftovers(folder):
                    fail(name, lang, f"files left: {leftovers(folder)}")
                    for left in leftovers(folder):
                        (folder / left).unlink()
            if digest(db) != before:
                fail(f"{sig.name} report", lang, "the database changed")
            # backup
            copy = folder / f"copy-{lang}.db"
            ran = interrupted(["--lang", lang, "--db", str(db), "backup", str(copy)], 1.2, sig)
            name = f"{sig.name} backup"
            check_interrupt(name, lang, ran, expected_code)
            if copy.exists():
                fail(name, lang, "the backup file is there")
                copy.unlink()
            if leftovers(folder):
                fail(name, lang, f"files left: {leftovers(folder)}")
                for left in leftovers(folder):
                    (folder / left).unlink()
            if digest(db) != before:
                fail(name, lang, "the database changed")
            # export --out
            out = folder / f"export-{lang}.json"
            ran = interrupted(
                ["--lang", lang, "--db", str(db), "export", "--out", str(out)], 2.5, sig
            )
            name = f"{sig.name} export --out"
            check_interrupt(name, lang, ran, expected_code)
            if out.exists():
                fail(name, lang, "the --out file is there")
            if leftovers(folder):
                fail(name, lang, f"files left: {leftovers(folder)}")
                for left in leftovers(folder):
                    (folder / left).unlink()
            # pack out of the quarter, every unit
            packs = folder / f"packs-{lang}"
            shutil.rmtree(packs, ignore_errors=True)
            packs.mkdir()
            work = folder / f"work-{lang}.db"
            shutil.copy(db, work)
            settle(work)
            before_work = digest(work)
            ran = interrupted(
                [
                    "--lang",
                    lang,
                    "--db",
                    str(work),
                    "pack",
                    "out",
                    "--quarter",
                    "2026Q4",
                    "--dir",
                    str(packs),
                ],
                6,
                sig,
            )
            name = f"{sig.name} pack out"
            check_interrupt(name, lang, ran, expected_code)
            written = sorted(p.name for p in packs.iterdir())
            if written:
                fail(name, lang, f"{len(written)} files left in the folder: {written[:3]}")
            if digest(work) != before_work:
                fail(name, lang, "the database changed")
            if locked(work):
                fail(name, lang, "a stale lock")
            work.unlink()
            for suffix in ("-wal", "-shm"):
                Path(f"{work}{suffix}").unlink(missing_ok=True)
            shutil.rmtree(packs, ignore_errors=True)


def check_interrupt(name: str, lang: str, ran: Ran, code: int) -> None:
    global CASES
    CASES += 1
    if ran.code == 0:
        fail(name, lang, "finished before the signal (make it longer)", ran)
        return
    if ran.code != code:
        fail(name, lang, f"exit {ran.code}, expected {code}", ran)
    lines = ran.err.strip().splitlines()
    if "Traceback" in ran.err:
        fail(name, lang, "traceback", ran)
    if code == 130 and (len(lines) != 1 or not lines[0].startswith("Error: ")):
        fail(name, lang, "not one Error: line", ran)
    if code != 130 and len(lines) > 1:
        fail(name, lang, "more than one line", ran)


# --- database URLs -------------------------------------------------------------------------------

URLS = {
    "nothing listening": "postgresql://nobody@127.0.0.1:1/x",
    "psycopg nothing listening": "postgresql+psycopg://nobody@127.0.0.1:1/x",
    "unknown host": "postgresql://nobody@no-such-host.invalid:5432/x",
    "unroutable host": "postgresql://nobody@10.255.255.1:5432/x",
    "empty postgresql": "postgresql://",
    "mysql": "mysql://x",
    "mysql+pymysql": "mysql+pymysql://u:p@h/x",
    "oracle": "oracle://x",
    "sqlite:///": "sqlite:///",
    "sqlite://": "sqlite://",
    "sqlite:////": "sqlite:////",
    "sqlite:///folder": "sqlite:////tmp",
    "sqlite:///missing folder": "sqlite:////tmp/no-such-folder/x.db",
    "sqlite:///?mode=ro": "sqlite:///x.db?mode=ro",
    "sqlite file URI": "sqlite:///file:x.db?mode=ro&uri=true",
    "file:x?mode=ro": "file:x?mode=ro",
    "file:///etc/passwd": "file:///etc/passwd",
    "http": "http://example.com/x.db",
    "password, nothing listening": "postgresql://vanthu:S3cr3t-pw@127.0.0.1:1/x",
    "password, unknown host": "postgresql://vanthu:S3cr3t-pw@no-such-host.invalid/x",
    "password, bad driver": "postgresql+nodriver://vanthu:S3cr3t-pw@h/x",
    "password, bad port": "postgresql://vanthu:S3cr3t-pw@h:99999/x",
    "password, port not a number": "postgresql://vanthu:S3cr3t-pw@h:abc/x",
    "password with @ and :": "postgresql://van:th%40u:S3cr3t-pw@127.0.0.1:1/x",
    "bad query": "postgresql://nobody@127.0.0.1:1/x?sslmode=bogus",
    "connect_timeout huge": "postgresql://nobody@10.255.255.1/x?connect_timeout=600",
    "just a scheme": "postgresql:",
    "space": " ",
    "NUL byte": "a\x01b",
}


def case_urls() -> None:
    import socket

    folder = WORK / "urls"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    silent = socket.socket()  # accepts connections (the kernel does) and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)
    urls = {
        **URLS,
        "a server that never answers": f"postgresql://u:S3cr3t-pw@127.0.0.1:"
        f"{silent.getsockname()[1]}/x",
    }
    try:
        _urls(folder, urls)
    finally:
        silent.close()


def _urls(folder: Path, urls: dict[str, str]) -> None:
    for name, url in urls.items():
        secret = "S3cr3t-pw" if "S3cr3t-pw" in url else None
        for lang in LANGS:
            for how in ("--db", "DIRTRACK_DB"):
                for args in (["list"], ["unit", "add", "X", "Y"]):
                    if how == "--db":
                        ran = run("--lang", lang, "--db", url, *args, cwd=folder, timeout=60)
                    else:
                        ran = run("--lang", lang, *args, env={"DIRTRACK_DB": url}, cwd=folder)
                    label = f"{how} {name} {' '.join(args)}"
                    if ran.code == 0:
                        # sqlite forms that name a real file are fine; say what was made
                        made = sorted(p.name for p in folder.iterdir())
                        if made and "sqlite" not in url:
                            fail(label, lang, f"exit 0, made {made}", ran)
                        for p in folder.iterdir():
                            p.unlink() if p.is_file() else shutil.rmtree(p)
                        continue
                    one_error(
                        label,
                        lang,
                        ran,
                        typed=(url,),
                        within=15,
                        secret=secret,
                        code=2 if url.strip() == "" or "\x01" in url else 1,
                    )
            if not any(folder.iterdir()):
                continue
            for p in folder.iterdir():
                p.unlink() if p.is_file() else shutil.rmtree(p)


# --- a full disk ---------------------------------------------------------------------------------


@contextmanager
def tiny_disk() -> Iterator[Path]:
    TINY.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "none", str(TINY)], check=True)
    try:
        yield TINY
    finally:
        subprocess.run(["umount", str(TINY)], check=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the disk of ``folder`` up to ``leave`` bytes free."""
    filler = folder / "filler"
    filler.unlink(missing_ok=True)
    free = shutil.disk_usage(folder).free
    if free > leave:
        with filler.open("wb") as handle:
            try:
                handle.write(b"\0" * (free - leave))
            except OSError:
                pass


def case_disk() -> None:
    source = seeded(WORK / "disk-source.db")
    settle(source)
    before_source = digest(source)
    with tiny_disk() as tiny:
        for lang in LANGS:
            # --db on the tiny disk: a new database that does not fit
            for leave in (0, 4096, 40_000, 120_000):
                fill(tiny, leave)
                db = tiny / "new.db"
                ran = run("--lang", lang, "--db", str(db), "unit", "add", "BTC", "Ban Tổ chức")
                label = f"new database with {leave} bytes free"
                if ran.code == 0:
                    (tiny / "filler").unlink(missing_ok=True)
                    listed = run("--db", str(db), "unit", "list", "--format", "json")
                    if listed.code != 0 or "BTC" not in listed.out:
                        fail(label, lang, "exit 0 but the unit is not there", listed)
                else:
                    one_error(label, lang, ran, typed=(str(db),))
                    if db.exists():
                        fail(label, lang, f"left {db.name} behind")
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                (tiny / "filler").unlink(missing_ok=True)
            # an existing database on the tiny disk that fills up while writing
            db = tiny / "v.db"
            ran = run("--db", str(db), "unit", "add", "BTC", "Ban Tổ chức")
            run("--db", str(db), "add-meeting", "--date", "6/5/2022", "--title", "Họp")
            fill(tiny, 2000)
            before = digest(db)
            for args in (
                ["assign", "1", "--unit", "BTC", "x" * 50_000],
                ["import", str(WORK / "big" / "big.json")],
                ["unit", "add", "B" * 60, "Ban " + "y" * 390],
            ):
                ran = run("--lang", lang, "--db", str(db), *args, timeout=120)
                label = f"write on a full disk: {args[0]}"
                one_error(label, lang, ran, typed=(str(db),))
                if digest(db) != before:
                    fail(label, lang, "the database changed")
            (tiny / "filler").unlink(missing_ok=True)
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            # backup / export --out / report --out onto the tiny disk
            for leave in (1000, 20_000, 60_000):
                fill(tiny, leave)
                for args, target in (
                    (["backup", str(tiny / "copy.db")], tiny / "copy.db"),
                    (["export", "--out", str(tiny / "x.json")], tiny / "x.json"),
                    (
                        [
                            "report",
                            "--period",
                            "2022",
                            "--format",
                            "html",
                            "--out",
                            str(tiny / "r.html"),
                        ],
                        tiny / "r.html",
                    ),
                    (
                        [
                            "report",
                            "--period",
                            "2022",
                            "--format",
                            "xlsx",
                            "--out",
                            str(tiny / "r.xlsx"),
                        ],
                        tiny / "r.xlsx",
                    ),
                    (
                        [
                            "report",
                            "--period",
                            "2022",
                            "--format",
                            "docx",
                            "--out",
                            str(tiny / "r.docx"),
                        ],
                        tiny / "r.docx",
                    ),
                    (
                        ["pack", "out", "--quarter", "2022Q2", "--dir", str(tiny / "packs")],
                        tiny / "packs",
                    ),
                ):
                    if target.name == "packs":
                        target.mkdir(exist_ok=True)
                    ran = run("--lang", lang, "--db", str(source), *args, timeout=120)
                    label = f"{args[0]} onto a full disk ({leave} bytes free)"
                    if ran.code == 0:
                        if target.is_dir():
                            shutil.rmtree(target)
                        else:
                            target.unlink()
                    else:
                        one_error(label, lang, ran, typed=(str(target),))
                        if target.is_file() or (target.is_dir() and any(target.iterdir())):
                            fail(label, lang, "a half-written file is there")
                    if target.is_dir():
                        shutil.rmtree(target)
                    left = leftovers(tiny)
                    if left:
                        fail(label, lang, f"files left: {left}")
                        for name in left:
                            (tiny / name).unlink()
                    if ran.code != 0 and digest(source) != before_source:
                        fail(label, lang, "the database changed")
                    settle(source)
                    before_source = digest(source)  # pack out that succeeds records the packs
                (tiny / "filler").unlink(missing_ok=True)


# --- the configuration file ---------------------------------------------------------------------


CONFIGS: dict[str, bytes | None] = {
    "binary": bytes(range(256)) * 4,
    "not UTF-8": b'lang = "v\xe2n"\n',
    "NUL in a value": b'actor = "a\x00b"\n',
    "huge": b"# " + b"x" * 50_000_000 + b"\n",
    "huge value": b'actor = "' + b"y" * 5_000_000 + b'"\n',
    "many keys": b"".join(b"k%d = 1\n" % i for i in range(200_000)),
    "deeply nested": b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "unknown key": b"colour = true\n",
    "unknown table": b"[frobnicate]\nx = 1\n",
    "unknown option of a command": b"[report]\nfrobnicate = 1\n",
    "lang of the wrong type": b"lang = 1\n",
    "lang not a language": b'lang = "fr"\n',
    "db of the wrong type": b"db = [1, 2]\n",
    "db empty": b'db = ""\n',
    "db a table": b"[db]\nx = 1\n",
    "actor a number": b"actor = 12\n",
    "actor a table": b"actor = {a = 1}\n",
    "timezone bogus": b'timezone = "Mars/Olympus"\n',
    "timezone a path": b'timezone = "../../etc/passwd"\n',
    "remind.within a string": b'[remind]\nwithin = "seven"\n',
    "remind.within a float": b"[remind]\nwithin = 7.5\n",
    "remind.within negative": b"[remind]\nwithin = -7\n",
    "remind.within huge": b"[remind]\nwithin = 99999999999999999999\n",
    "remind.within a bool": b"[remind]\nwithin = true\n",
    "report.cutoff bogus": b'[report]\ncutoff = "moon"\n',
    "report.cutoff a list": b'[report]\ncutoff = ["nd09"]\n',
    "report a value": b'report = "x"\n',
    "mail.port a string": b'[mail]\nport = "x"\n',
    "mail.port 0": b"[mail]\nport = 0\n",
    "mail.host a number": b"[mail]\nhost = 5\n",
    "mail unknown key": b'[mail]\npasword_env = "X"\n',
    "force in the file": b"[import]\nforce = true\n",
    "dry-run in the file": b"[import]\ndry-run = true\n",
    "date of the wrong type": b"[done]\ndate = 2022-05-06\n",
    "datetime": b"actor = 2022-05-06T10:00:00\n",
    "duplicate key": b'lang = "vi"\nlang = "en"\n',
    "BOM": b'\xef\xbb\xbflang = "vi"\n',
    "CRLF only": b'lang = "vi"\r\n',
    "empty": b"",
}


def case_config() -> None:
    folder = WORK / "config"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    db = seeded(folder / "c.db")
    settle(db)
    os.chmod(db, 0o666)
    before = digest(db)
    for name, content in CONFIGS.items():
        path = folder / "config.toml"
        path.write_bytes(content or b"")
        for lang in LANGS:
            for args in (
                ["list"],
                ["config"],
                ["add-meeting", "--date", "1/1/2024", "--title", "T", "--key", "k"],
            ):
                ran = run(
                    "--lang",
                    lang,
                    "--db",
                    str(db),
                    *args,
                    env={"DIRTRACK_CONFIG": str(path)},
                    timeout=60,
                )
                label = f"config {name}: {' '.join(args)}"
                if ran.code == 0:
                    if name not in ("BOM", "CRLF only", "empty"):
                        fail(label, lang, "accepted", ran)
                    continue
                one_error(label, lang, ran, typed=(str(path),), within=30)
                if str(path) not in ran.err:
                    fail(label, lang, "the Error line does not name the file", ran)
        if digest(db) != before:
            fail(f"config {name}", "-", "the database changed")
            before = digest(db)
    # a folder, a FIFO, a missing file, a dangling link, unreadable (as nobody)
    specials: dict[str, Path] = {}
    specials["a folder"] = folder / "dir.toml"
    specials["a folder"].mkdir()
    specials["a FIFO"] = folder / "fifo.toml"
    os.mkfifo(specials["a FIFO"])
    specials["missing"] = folder / "missing.toml"
    specials["a dangling link"] = folder / "link.toml"
    specials["a dangling link"].symlink_to(folder / "nowhere.toml")
    specials["/dev/zero"] = Path("/dev/zero")
    specials["/dev/null"] = Path("/dev/null")
    unreadable = folder / "secret.toml"
    unreadable.write_text('lang = "vi"\n')
    os.chmod(unreadable, 0)
    for name, path in specials.items():
        for lang in LANGS:
            ran = run("--lang", lang, "--db", str(db), "list", env={"DIRTRACK_CONFIG": str(path)})
            label = f"config {name}"
            if ran.code == 0 and name in ("/dev/null",):
                continue
            one_error(label, lang, ran, typed=(str(path),), within=30)
    for lang in LANGS:
        ran = run(
            "--lang",
            lang,
            "--db",
            str(db),
            "list",
            env={"DIRTRACK_CONFIG": str(unreadable)},
            user="nobody",
        )
        one_error("config unreadable (as nobody)", lang, ran, typed=(str(unreadable),))
        if str(unreadable) not in ran.err:
            fail("config unreadable (as nobody)", lang, "the file is not named", ran)
        # the default config folder unreadable
        home = folder / "home"
        (home / "dirtrack").mkdir(parents=True, exist_ok=True)
        (home / "dirtrack" / "config.toml").write_text('lang = "vi"\n')
        os.chmod(home / "dirtrack" / "config.toml", 0)
        ran = run(
            "--lang",
            lang,
            "--db",
            str(db),
            "list",
            env={"XDG_CONFIG_HOME": str(home)},
            user="nobody",
        )
        one_error(
            "default config unreadable (as nobody)",
            lang,
            ran,
            typed=(str(home / "dirtrack" / "config.toml"),),
        )
        ran = run(
            "--lang",
            lang,
            "--db",
            str(db),
            "config",
            env={"XDG_CONFIG_HOME": str(home)},
            user="nobody",
        )
        one_error(
            "dirtrack config with it unreadable (as nobody)",
            lang,
            ran,
            typed=(str(home / "dirtrack" / "config.toml"),),
        )
    if digest(db) != before:
        fail("config specials", "-", "the database changed")


SECTIONS: dict[str, Callable[[], None]] = {
    "urls": case_urls,
    "config": case_config,
    "disk": case_disk,
    "interrupts": case_interrupts,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=",".join(SECTIONS))
    options = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    os.chmod(WORK, 0o755)
    for name in options.only.split(","):
        started = time.monotonic()
        count = CASES
        SECTIONS[name]()
        print(
            f"# {name}: {CASES - count} checks in {time.monotonic() - started:.0f} s",
            file=sys.stderr,
        )
    for line in FAILURES:
        print(line)
    print(f"# {CASES} checks, {len(FAILURES)} failures", file=sys.stderr)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
