"""Writing output: a file whole or not at all, standard output checked, never the database.

The rules, for every command that writes (``export``, ``report`` in every format, ``extract``,
``backup``, ``restore``'s kept copy, and every listing on stdout):

- A file is written to a temporary ``.part`` file in the same folder, flushed to the disk
  (fsync) and only then renamed over the target, so a reader (or a crash, or a full disk) never
  sees half a file. A part file is locked by the process writing it; one whose writer was killed
  is removed by the next dirtrack that writes in that folder (:func:`part_file`).
- A failed or short write (disk full, quota, file too large, device error) is one ``Error:``
  line naming the file or standard output, in the user's language, and exit 1
  (:func:`write_failure`); the CLI's boundary flushes stdout before it reports success.
- ``--out`` (and ``backup``'s FILE) never names the database itself or its ``-wal``, ``-shm`` or
  ``-journal`` file, however the path is spelt (:func:`check_target`).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from dirtrack.errors import Conflict, DirtrackError, InvalidInput, OutputError
from dirtrack.patterns import LazyPattern

try:
    import fcntl
except ImportError:  # Windows: a file in use cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]


_NOT_IN_FILE_NAME = LazyPattern(r"[^\w.\-&]+", re.UNICODE)

# Names Windows keeps for its devices, whatever the case and with any extension (``nul.xlsx``,
# ``Com1.tar.gz``): a file so named cannot be opened there.
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in "0123456789\u00b9\u00b2\u00b3"}
)


def unit_file(code: str, suffix: str, unit_id: int, taken: set[str]) -> str:
    """The name of the file a unit's own document is written to in a folder (``pack out``'s
    workbooks, ``urge --dir``'s letters): the unit's code, with what a file name cannot hold
    (``/``, ``\\``, ``:``, spaces…) as ``-`` and no leading dot, so a code such as ``A/B`` or
    ``X/../..`` never names a subfolder or a file outside the folder, and no ending dot or
    space. A code Windows keeps for a device (``CON``, ``nul.x``, ``COM1``…) gets ``_`` after
    that part (``CON_.xlsx``, ``nul_.x.xlsx``), so the file opens there too. A name already
    ``taken`` in this folder (compared without case: ``A/B`` and ``A-B``) gets the unit's id;
    the name is added to ``taken``.
    """
    stem = _NOT_IN_FILE_NAME.sub("-", code).strip(".-") or "unit"
    head, dot, rest = stem.partition(".")
    if head.casefold() in _WINDOWS_DEVICES:
        stem = f"{head}_{dot}{rest}"
    name = f"{stem}.{suffix}"
    if name.casefold() in taken:
        name = f"{stem}-{unit_id}.{suffix}"
    taken.add(name.casefold())
    return name


def unit_file_target(path: Path, *, force: bool) -> Path:
    """A unit's own file in a folder (:func:`unit_file`) checked as ``--out`` is, an existing
    one named by its path (``pk/BTC.xlsx: exists already``): the user gave ``--dir``, not
    ``--out``."""
    if occupied(path) and not force:
        raise Conflict.of("unit_file_exists", file=path)
    return check_target(str(path), force=force)


def unit_folder(folder: Path) -> bool:
    """Make ready the folder ``--dir`` names for one file per unit (``pack out``'s workbooks,
    ``urge --all``'s letters): created when missing and its parent exists; refused when it is a
    file, when its parent is missing too, or when it cannot be written in. Returns whether it
    was created, for :func:`drop_unit_folder` when the command then fails."""
    if folder.is_symlink() and not folder.exists():
        # A link to nothing (its disk not mounted) or a loop of links: mkdir said "File exists",
        # in English whatever the language, of a name that holds nothing.
        try:
            folder.stat()
        except FileNotFoundError:
            raise InvalidInput.of(
                "unit_dir_link_to_nothing", value=folder, target=os.readlink(folder)
            ) from None
        except OSError as exc:
            raise write_failure(exc, folder) from None
    if folder.exists() and not folder.is_dir():
        raise InvalidInput.of("unit_dir_is_file", value=folder)
    made = False
    if not folder.exists():
        if not folder.parent.is_dir():
            raise InvalidInput.of("unit_dir_no_parent", value=folder, folder=folder.parent)
        try:
            folder.mkdir()
        except OSError as exc:
            raise write_failure(exc, folder) from None
        made = True
    if not os.access(folder, os.W_OK):
        raise InvalidInput.of("unit_dir_not_writable", value=folder)
    return made


def drop_unit_folder(folder: Path, files: Iterable[Path], *, made: bool) -> None:
    """Undo what a failed command wrote in its ``--dir`` (:func:`unit_folder`): remove the
    ``files`` it created there, then the folder itself when it ``made`` it and it is empty (a
    file another program put there keeps it). Nothing else is touched; a removal that fails is
    left, the command's own error being the one said."""
    for path in files:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    if made:
        with contextlib.suppress(OSError):
            folder.rmdir()


def write_failure(exc: OSError, target: object) -> DirtrackError:
    """The error to report for ``exc``, raised while writing ``target`` (a path, or a Phrase)."""
    from dirtrack.inputs import os_reason

    return OutputError.of("write_failed", target=target, reason=os_reason(exc))


def output_failure(exc: BaseException) -> DirtrackError | None:
    """The error for a write to standard output that failed, else None (not an output failure).

    A write to stdout raises an OSError without a file name; one of
    :data:`dirtrack.inputs.WRITE_ERRNOS` there is the disk (or pipe's device) refusing the output.
    """
    if not isinstance(exc, OSError) or exc.filename is not None:
        return None
    from dirtrack.i18n import Phrase
    from dirtrack.inputs import WRITE_ERRNOS

    return write_failure(exc, Phrase("w_stdout")) if exc.errno in WRITE_ERRNOS else None


def buffer_stdout() -> None:
    """Give stdout a buffered binary layer, whatever ``python -u`` or PYTHONUNBUFFERED said.

    Unbuffered, stdout writes straight to the file descriptor and a short write (the disk fills,
    the file reaches its size limit) drops the rest without an error; a buffered writer writes
    the rest again and so meets the error, which the CLI's boundary then reports.
    """
    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    if isinstance(stream, io.TextIOWrapper) and isinstance(raw, io.RawIOBase):
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(raw),
            encoding=stream.encoding,
            errors=stream.errors,
            line_buffering=stream.isatty(),
        )


# What a file's name says it holds: ``--out x.md --format docx`` would give a Word file that
# every program opens as text (or ``report --out r.xlsx`` a table as text), so a name ending in
# one of these and a format that is not the one it says are refused (:func:`suffix_conflict`).
SUFFIX_FORMATS = {
    ".docx": "docx",
    ".md": "md",
    ".markdown": "md",
    ".xlsx": "xlsx",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".toml": "toml",
}


#: The suffix each format's file is named with (a table is text).
FORMAT_SUFFIXES = {
    "docx": ".docx",
    "md": ".md",
    "xlsx": ".xlsx",
    "json": ".json",
    "csv": ".csv",
    "html": ".html",
    "toml": ".toml",
    "table": ".txt",
}
#: What a name says dirtrack writes in no format: a PDF, an old Word or Excel file, an
#: OpenDocument, a presentation. ``--out r.pdf --format md`` gave a Markdown file that every
#: program refuses as a PDF, whatever the format: refused as a suffix of another format is.
FOREIGN_SUFFIXES = frozenset(
    {
        ".pdf",
        ".doc",
        ".dot",
        ".dotx",
        ".rtf",
        ".odt",
        ".xls",
        ".xlsm",
        ".xlsb",
        ".xlt",
        ".xltx",
        ".ods",
        ".ppt",
        ".pptx",
        ".odp",
    }
)
#: A plain text file's name, which goes with a format of text (a table, Markdown, CSV…), never
#: with a Word or Excel file (a zip archive), which no program opens as text.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
BINARY_FORMATS = frozenset({"docx", "xlsx"})


def suffix_conflict(value: str, fmt: str) -> tuple[str, str] | None:
    """The suffix of ``value`` and the message key that refuses it when the name says another
    file than ``fmt`` writes, else None: a suffix of another format
    (``out_suffix_format``), of a file dirtrack writes in no format (``.pdf``, ``.doc``:
    ``out_suffix_foreign``), or of plain text for a Word or Excel file (``.txt``). No suffix, or
    ``.txt`` for a format of text, goes with any."""
    suffix = Path(value).suffix
    folded = suffix.lower()
    said = SUFFIX_FORMATS.get(folded)
    if said is not None and said != fmt:
        return suffix, "out_suffix_format"
    if folded in FOREIGN_SUFFIXES:
        return suffix, "out_suffix_foreign"
    if folded in TEXT_SUFFIXES and fmt in BINARY_FORMATS:
        return suffix, "out_suffix_format"
    return None


def format_name(value: str, fmt: str) -> str:
    """``value`` named for ``fmt`` (``r.pdf`` as ``r.md``): what a refusal proposes."""
    suffix = FORMAT_SUFFIXES.get(fmt)
    return value if suffix is None else str(Path(value).with_suffix(suffix))


def names_folder(value: str) -> bool:
    """``value`` ends in a path separator (``backups/``): it names a folder, never a file of
    that name (Path() drops the separator; ``cp x new/`` refuses a folder that is not there)."""
    return value.endswith(("/", os.sep)) or bool(os.altsep and value.endswith(os.altsep))


def check_target(value: str, *, force: bool, database: Path | None = None) -> Path:
    """The path ``--out`` names, if it can be written.

    Args:
        value: what the user gave.
        force: an existing file may be replaced.
        database: the SQLite file of ``--db``, which is never a target (nor its companions).

    Raises:
        InvalidInput: empty, a folder, a device, a pipe or a socket, in a folder that does not
            exist, or the database.
        Conflict: the file exists and ``force`` is false.
    """
    if not value.strip():
        raise InvalidInput.of("out_empty")
    from dirtrack.inputs import user_path

    path = user_path(value)
    if database is not None:
        refuse_database(path, database)
    if path.is_dir():
        raise InvalidInput.of("out_is_folder", value=value)
    if names_folder(value):  # a folder meant, and it is not there: never a file of its name
        raise InvalidInput.of("out_no_folder", value=value, folder=value)
    if not_regular(path):
        raise InvalidInput.of("out_not_regular", value=value)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput.of("out_no_folder", value=value, folder=folder)
    if occupied(path) and not force:
        raise Conflict.of("out_exists", value=value)
    if not os.access(folder, os.W_OK):
        raise InvalidInput.of("out_not_writable", value=value, folder=folder)
    return path


def occupied(path: Path) -> bool:
    """Whether a target is taken: a file is there, or a symbolic link, even one that points
    nowhere. The output is renamed over the link itself, so replacing it needs ``--force`` as a
    file does."""
    return os.path.lexists(path)


def not_regular(path: Path) -> bool:
    """Whether ``path`` is there but is no regular file: a device (``/dev/full``), a pipe, a
    socket. A file is written beside its target and renamed over it, so even with ``--force``
    such a target is refused: the rename would put a file in place of the device itself."""
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not stat.S_ISDIR(path.stat().st_mode)
    except OSError:  # nothing there (or a broken link): a new file
        return False


def refuse_database(path: Path, database: Path) -> None:
    """Raise InvalidInput when ``path`` is the database ``database`` or one of its files."""
    from dirtrack.db import is_database_file

    if is_database_file(path, database):
        raise InvalidInput.of("is_the_database", path=path, db=database)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# .NAME.dirtrack-PID-RANDOM.part: whose part it is, and which process writes it.
_PART_MARK = ".dirtrack-"
_PART = LazyPattern(r"^\..*\.dirtrack-(\d+)-[^.]+\.part$")
_COMPANIONS = ("", "-journal", "-wal", "-shm")


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl-C there; an open file is not removable
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _locked(path: Path) -> bool:
    """Whether a live process holds the part file ``path`` (its writer locks it)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops the lock just taken
    return False


def clean_stale_parts(folder: Path) -> list[Path]:
    """Remove the part files in ``folder`` whose writer is gone (killed); return them."""
    removed: list[Path] = []
    try:
        names = [e.name for e in os.scandir(folder) if _PART_MARK in e.name]
    except OSError:
        return removed
    for name in names:
        m = _PART.match(name)
        if m is None or _alive(int(m[1])):
            continue
        path = folder / name
        if _locked(path):
            continue
        try:
            os.unlink(path)
        except OSError:  # gone meanwhile, or (Windows) still open: its writer lives
            continue
        for suffix in _COMPANIONS[1:]:
            with contextlib.suppress(OSError):
                os.unlink(path.with_name(name + suffix))
        removed.append(path)
    return removed


@contextlib.contextmanager
def part_file(path: Path) -> Iterator[tuple[Path, int]]:
    """A new temporary file beside ``path``: its name and an open descriptor, locked.

    Stale parts in the folder are removed first. The part (and any SQLite journal beside it) is
    removed when the block ends, whether it was renamed into place or not.
    """
    folder = path.parent
    clean_stale_parts(folder)
    fd, name = tempfile.mkstemp(
        prefix=f".{path.name}{_PART_MARK}{os.getpid()}-", suffix=".part", dir=folder
    )
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield Path(name), fd
    finally:
        for suffix in _COMPANIONS:
            with contextlib.suppress(OSError):
                os.unlink(name + suffix)
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(
    path: Path, data: bytes | Iterable[bytes], *, force: bool, database: Path | None = None
) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and a rename.

    ``data`` may come in pieces (a JSON report of a large register, written as it is read):
    the file appears, whole, only after the last one.

    Raises:
        InvalidInput, Conflict: as :func:`check_target` (checked again: time has passed).
        OutputError: the disk is full, the file too large, the device failed: nothing written.
    """
    path = check_target(str(path), force=force, database=database)
    try:
        with part_file(path) as (tmp, fd):
            with open(fd, "wb", closefd=False) as handle:
                if isinstance(data, bytes):
                    handle.write(data)
                else:
                    for piece in data:
                        handle.write(piece)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
            if force:
                os.replace(tmp, path)
            else:
                # link() refuses an existing name: a file created meanwhile is never overwritten.
                try:
                    os.link(tmp, path)
                except FileExistsError:
                    raise Conflict.of("out_exists", value=path) from None
                except OSError:  # a file system without hard links
                    os.replace(tmp, path)
            fsync_folder(path.parent)
    except OSError as exc:
        raise write_failure(exc, path) from None
