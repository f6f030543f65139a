"""Opening the files a person names for dirtrack to read, without ever waiting.

A named pipe (FIFO) with no process writing to it makes a plain ``open`` wait for a writer, and
a device may never end: a cron job given one by mistake would hang. Every file dirtrack reads
because a person named it (``import``, ``extract``, ``restore``, the configuration file, a
result's attachment, the mail password file) is opened here: without blocking, checked to be a
regular file, and only then read. Standard input is named ``-`` where a command reads it.
The TOML files among them (the configuration, a draft, a rule file) are read by
:func:`parse_toml`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, BinaryIO

from dirtrack.errors import InvalidInput


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary.

    Raises:
        InvalidInput: it is not a regular file (a pipe, a device, a socket): nothing is read.
        OSError: it cannot be opened (missing, a folder, no permission), as ``open`` raises.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, os.strerror(21), str(path))
        if not stat.S_ISREG(mode):
            raise InvalidInput.of("input_not_regular", path=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(path: Path) -> bytes:
    """The bytes of ``path`` (see :func:`open_input`)."""
    with open_input(path) as handle:
        return handle.read()


def parse_toml(text: str) -> dict[str, Any]:
    """``text`` read as TOML.

    Raises:
        tomllib.TOMLDecodeError: not TOML, or nested too deeply to read (arrays or tables inside
            one another thousands of times over, which Python's reader would follow until its
            stack ran out).
    """
    import tomllib  # only when there is TOML to read: most runs have none

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("nested too deeply") from None
