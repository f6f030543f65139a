"""Writing a report to ``--out FILE``: whole or not at all.

The content is written to a temporary file in the same folder and renamed over the target, so
a reader (or a crash) never sees half a report. A missing folder, a folder given as the file, or
an existing file without ``--force`` is refused before anything is computed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dirtrack.errors import Conflict, InvalidInput


def check_target(value: str, *, force: bool) -> Path:
    """The path ``--out`` names, if it can be written.

    Raises:
        InvalidInput: empty, a folder, or in a folder that does not exist.
        Conflict: the file exists and ``force`` is false.
    """
    if not value.strip():
        raise InvalidInput.of("out_empty")
    path = Path(value).expanduser()
    if path.is_dir():
        raise InvalidInput.of("out_is_folder", value=value)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput.of("out_no_folder", value=value, folder=folder)
    if path.exists() and not force:
        raise Conflict.of("out_exists", value=value)
    if not os.access(folder, os.W_OK):
        raise InvalidInput.of("out_not_writable", value=value, folder=folder)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, force: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    ``data`` may come in pieces (a JSON review of a large register, written as it is read):
    the file appears, whole, only after the last one.

    Raises:
        InvalidInput, Conflict: as :func:`check_target` (checked again: time has passed).
    """
    path = check_target(str(path), force=force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
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
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
