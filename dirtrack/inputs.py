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

import ast
import errno
import os
import re
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from dirtrack.errors import DirtrackError, InvalidInput
from dirtrack.i18n import Phrase, cut
from dirtrack.patterns import LazyPattern
from dirtrack.text import legacy_font


def user_path(name: str | Path) -> Path:
    """A file name a person typed, ``~`` and ``~user`` expanded as the shell expands them; a
    ``~name`` that names no account, or a home that cannot be told, is kept as typed (as the
    shell keeps it) instead of failing."""
    path = Path(name)
    try:
        return path.expanduser()
    except RuntimeError:
        return path


#: A megabyte, as the limits of what standard input holds are given.
_MB = 1024 * 1024


def read_stdin(command: str, stdin: Any = None, *, limit_mb: int) -> bytes | str:
    """Everything on standard input (``-`` where a command reads a file: ``extract -``,
    ``import -``), up to ``limit_mb`` MB: bytes, or text where ``stdin`` (default
    ``sys.stdin``) is a text stream without bytes under it (a test's ``StringIO``).

    Raises:
        InvalidInput: standard input is closed (a cron job started with ``<&-``), or it holds
            more than ``limit_mb`` MB (``< /dev/zero`` or ``yes |`` never ends: it was read
            until memory ran out).
    """
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:  # closed: no stream to read
        raise InvalidInput.of("stdin_closed", command=command)
    source = stream.buffer if hasattr(stream, "buffer") else stream
    parts: list[Any] = []
    held = 0
    try:
        while True:  # a megabyte at a time, so that what never ends is stopped at the limit
            chunk = source.read(_MB)
            parts.append(chunk)
            held += len(chunk)
            if not chunk or held > limit_mb * _MB:
                break
    except (OSError, ValueError):  # fd 0 not open, or a stream closed under us
        raise InvalidInput.of("stdin_closed", command=command) from None
    if held > limit_mb * _MB:
        raise InvalidInput.of("stdin_too_large", command=command, limit=limit_mb)
    return "".join(parts) if isinstance(parts[0], str) else b"".join(parts)


def open_input(path: Path, *, give: Phrase | None = None) -> BinaryIO:
    """``path`` opened for reading in binary. ``give`` says what the option or argument that
    named it takes (:func:`give`), for the refusal of what is not a regular file: ``give a
    file, or '-' to read standard input`` only where ``-`` is read (``extract``).

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
            raise InvalidInput.of("input_not_regular", path=path, give=give or Phrase("give_file"))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# errno of a write that failed for want of room or because of the device, and how the catalog
# says it (:func:`dirtrack.render.outfile.output_failure` tells standard output's by them).
WRITE_ERRNOS = {
    errno.ENOSPC: "w_disk_full",
    errno.EDQUOT: "w_disk_quota",
    errno.EFBIG: "w_file_too_big",
    errno.EIO: "w_io_error",
    errno.EROFS: "w_read_only_fs",
    errno.EBADF: "w_closed",
}

# errno of a file that cannot be opened, read or written, or a server that cannot be reached,
# and how the catalog says it.
OS_ERRNOS = {
    errno.EACCES: "w_no_permission",
    errno.EPERM: "w_no_permission",
    errno.ENOENT: "w_no_such_file",
    errno.EISDIR: "w_is_folder",
    errno.ENOTDIR: "w_not_folder",
    errno.ELOOP: "w_link_loop",
    errno.ENAMETOOLONG: "w_name_too_long",
    **WRITE_ERRNOS,
    errno.ECONNREFUSED: "w_conn_refused",
    errno.ECONNRESET: "w_conn_reset",
    errno.ETIMEDOUT: "w_timed_out",
    errno.EHOSTUNREACH: "w_unreachable",
    errno.ENETUNREACH: "w_unreachable",
}


def os_reason(exc: OSError) -> Phrase | str:
    """Why an operating system call failed, in the catalog's words (``Phrase``) where it is one
    of :data:`OS_ERRNOS`, a host name that does not resolve or a time-out; else the system's
    own words (``strerror``), as it gives them."""
    import socket

    if isinstance(exc, socket.gaierror):
        return Phrase("w_unknown_host")
    if isinstance(exc, TimeoutError):
        return Phrase("w_timed_out")
    key = OS_ERRNOS.get(exc.errno or 0)
    if key == "w_no_such_file" and _cwd_gone(exc.filename):
        key = "w_cwd_gone"
    if key is None and isinstance(exc, PermissionError):
        key = "w_no_permission"
    return Phrase(key) if key else (exc.strerror or str(exc) or type(exc).__name__)


def refused_input(path: Path | str, exc: OSError | UnicodeDecodeError) -> DirtrackError:
    """The one refusal of a file a person named (to import, restore, extract, pack in, the
    configuration file, ``report --template``, ``score --rules``, ``done --file``, the mail
    password file) that cannot be opened or read: ``no such file``, ``is a folder, not a
    file``, else ``cannot read PATH: why`` (``not UTF-8 text`` for text that is not), each said
    once in the catalog for every command. A missing file is a
    :class:`~dirtrack.errors.NoSuchFile`."""
    from dirtrack.errors import NoSuchFile

    if isinstance(exc, UnicodeDecodeError):
        return InvalidInput.of("cannot_read", path=path, reason=Phrase("w_not_utf8"))
    if isinstance(exc, FileNotFoundError) and not _cwd_gone(exc.filename):
        return NoSuchFile.of("no_such_file", path=str(path))
    if isinstance(exc, IsADirectoryError):
        return InvalidInput.of("is_folder", path=path)
    return InvalidInput.of("cannot_read", path=path, reason=os_reason(exc))


def check_input(path: Path) -> None:
    """Refuse a name that is no file to read, before it is opened, as :func:`refused_input`
    says it: a folder, or nothing there (a link to nothing too).

    Raises:
        NoSuchFile: nothing is there.
        InvalidInput: it is a folder, or cannot be looked at (a loop of links).
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:  # nothing there, a link to nothing, a loop of links
        raise refused_input(path, exc) from None
    if stat.S_ISDIR(mode):
        raise refused_input(path, IsADirectoryError(21, os.strerror(21), str(path)))


def _cwd_gone(name: object) -> bool:
    """Whether ``name`` is a relative path and the current folder it starts from is gone (a
    cron job or shell whose folder was removed under it): "no such file" misled there."""
    if not isinstance(name, str | bytes | os.PathLike) or os.path.isabs(os.fsdecode(name)):
        return False
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


#: The most of a file read whole (a template, a meeting's document, a rule file, the
#: configuration file, the mail password file), as ``extract -`` reads of standard input: a
#: 2 GB file (a sparse one takes no room on the disk) was read into memory before it was found
#: not to be a document.
MAX_READ_MB = 256


def read_input(path: Path, *, give: Phrase | None = None, limit_mb: int = MAX_READ_MB) -> bytes:
    """The bytes of ``path`` (see :func:`open_input`), refused unread when it holds more than
    ``limit_mb`` MB.

    Raises:
        InvalidInput: ``file_too_large``, or what :func:`open_input` raises.
    """
    with open_input(path, give=give) as handle:
        return read_whole(handle, path, limit_mb=limit_mb)


def read_whole(handle: BinaryIO, path: Path, *, limit_mb: int = MAX_READ_MB) -> bytes:
    """Every byte of ``handle`` (a regular file :func:`open_input` opened, named ``path``),
    refused unread when it holds more than ``limit_mb`` MB.

    Raises:
        InvalidInput: ``file_too_large``.
    """
    limit = limit_mb * _MB
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:  # …or it grew while it was read
        raise InvalidInput.of(
            "file_too_large", path=path, size=-(-max(size, len(data)) // _MB), limit=limit_mb
        )
    return data


class TomlError(ValueError):
    """A TOML text that cannot be read; :attr:`detail` says what and where in the catalog's
    words (a :class:`~dirtrack.i18n.Phrase`), ``str()`` in English."""

    def __init__(self, detail: Phrase) -> None:
        super().__init__(str(detail))
        self.detail = detail


def parse_toml(text: str) -> dict[str, Any]:
    """``text`` read as TOML.

    Raises:
        TomlError: not TOML, or nested too deeply to read (arrays or tables inside one another
            thousands of times over, which Python's reader would follow until its stack ran
            out).
    """
    import tomllib  # only when there is TOML to read: most runs have none

    from dirtrack import collector

    text = text.removeprefix("\ufeff")  # Windows Notepad starts UTF-8 with one: not text
    try:
        with collector.paused():
            return tomllib.loads(text)
    except RecursionError:
        raise TomlError(Phrase("toml_too_deep")) from None
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(toml_problem(str(exc))) from None
    except ValueError:  # a whole number of more digits than Python converts (4,300)
        line, column = long_number_at(text) or (0, 0)
        problem = Phrase("long_number", limit=sys.get_int_max_str_digits())
        if not line:
            raise TomlError(problem) from None
        raise TomlError(Phrase("toml_at", problem=problem, line=line, column=column)) from None


# A run of digits, TOML's underscores between them (a number of more digits than Python's int()
# converts is found among these: each is matched once, so the search is linear in the text).
_DIGITS = LazyPattern(r"[0-9][0-9_]*")


def long_number_at(text: str) -> tuple[int, int] | None:
    """The line and column (1-based) where ``text`` first writes a whole number of more digits
    than Python reads (sys.get_int_max_str_digits, 4,300: TOML's and JSON's readers fail on
    one with a ValueError of their own), or None."""
    limit = sys.get_int_max_str_digits()
    found = next((m for m in _DIGITS.finditer(text) if len(m[0]) - m[0].count("_") > limit), None)
    if found is None:
        return None
    start = found.start()
    return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1


# What Python's TOML reader says (its English, the same since 3.11), as the catalog's phrases:
# (pattern of its message, key of the phrase, name of the placeholder its group fills).
_TOML_PROBLEMS: tuple[tuple[str, str, str | None], ...] = (
    (r"Invalid statement", "toml_bad_statement", None),
    (r"Expected newline or end of document after a statement", "toml_expected_newline", None),
    (r"Expected '=' after a key in a key/value pair", "toml_expected_equals", None),
    (r"Expected '\]' at the end of a table declaration", "toml_table_unclosed", None),
    (r"Expected '\]\]' at the end of an array declaration", "toml_array_table_unclosed", None),
    (r"Expected (.+)", "toml_expected", "what"),
    (r"Found invalid character (.+)", "toml_bad_character", "char"),
    (r"Illegal character (.+)", "toml_bad_character", "char"),
    (r"Cannot declare (.+) twice", "toml_declared_twice", "key"),
    (r"Cannot redefine namespace (.+)", "toml_declared_twice", "key"),
    (r"Cannot mutate immutable namespace (.+)", "toml_closed_table", "key"),
    (r"Cannot overwrite a value", "toml_value_twice", None),
    (r"Duplicate inline table key (.+)", "toml_inline_key_twice", "key"),
    (r"Invalid initial character for a key part", "toml_bad_key", None),
    (r"Unclosed array", "toml_array_unclosed", None),
    (r"Unclosed inline table", "toml_inline_unclosed", None),
    (r"Unterminated string", "toml_string_unclosed", None),
    (r"Unescaped '\\' in a string", "toml_bad_escape", None),
    (r"Invalid hex value", "toml_bad_escape", None),
    (r"Escaped character is not a Unicode scalar value", "toml_bad_escape", None),
    (r"Invalid date or datetime", "toml_bad_date", None),
    (r"Invalid value", "toml_bad_value", None),
)
_TOML_WHERE = r"(.*) \(at (?:line (\d+), column (\d+)|(end of document))\)"


@cache
def _toml_patterns() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str, str | None], ...]]:
    """:data:`_TOML_WHERE` and :data:`_TOML_PROBLEMS` compiled, when a TOML text is first
    refused: most runs refuse none, and compiling them cost every command about 10 M
    instructions (about 1 ms)."""
    problems = tuple((re.compile(p, re.DOTALL), key, name) for p, key, name in _TOML_PROBLEMS)
    return re.compile(_TOML_WHERE, re.DOTALL), problems


def toml_problem(message: str) -> Phrase:
    """The message of Python's TOML reader as a phrase of the catalog, its line and column kept;
    a message it does not know (a later Python's) is "cannot be read" at the same place."""
    where, problems = _toml_patterns()
    found = where.fullmatch(message)
    what = found[1] if found else message
    problem = Phrase("toml_unreadable")
    for pattern, key, name in problems:
        matched = pattern.fullmatch(what)
        if matched:
            params = {name: _toml_name(matched[1])} if name else {}
            problem = Phrase(key, **params)
            break
    if found is None:
        return problem
    if found[2] is None:
        return Phrase("toml_at_end", problem=problem)
    return Phrase("toml_at", problem=problem, line=int(found[2]), column=int(found[3]))


# What the JSON readers say is wrong, in their English words (yajl's through ijson, for an
# export; Python's json, for a draft), and the catalog's words for it; the first that the
# message holds.
_JSON_PROBLEMS = (
    ("premature EOF", "json_cut_short"),
    ("Incomplete JSON", "json_cut_short"),
    ("Unterminated string", "json_cut_short"),
    ("trailing garbage", "json_trailing"),
    ("Extra data", "json_trailing"),
    ("invalid bytes", "json_not_utf8"),
    # yajl's "invalid (non-hex) character occurs after '\\u' inside string": a broken escape,
    # not a control character
    ("non-hex", "json_bad_character"),
    ("inside string", "json_control_in_string"),
    ("Invalid control character", "json_control_in_string"),
    ("invalid char in json text", "json_bad_word"),
    ("invalid string in json text", "json_bad_word"),
    ("Expecting value", "json_bad_word"),
    ("lexical error", "json_bad_character"),
    ("Invalid \\", "json_bad_character"),
)


def json_problem(message: str, near: str = "") -> Phrase:
    """What a JSON reader's ``message`` says is wrong, in the catalog's words (theirs are
    English only), with the text ``near`` the place; a punctuation problem when it is none of
    those it knows ("Expecting ',' delimiter", "unallowed token")."""
    key = next((k for words, k in _JSON_PROBLEMS if words in message), "json_punctuation")
    return Phrase("json_near", what=Phrase(key), near=near) if near else Phrase(key)


def _toml_name(text: str) -> str:
    """A key the reader quotes as a tuple of its parts, ``('a', 'b')``, as it is written: a.b
    (cut, with a character or a delimiter as the reader quotes it)."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return cut(text)
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return cut(".".join(value))
    return cut(text)


# The first bytes of the files a person gives by mistake for a table or a text.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003: .xls, .doc
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .docx, and any zip
PDF_MAGIC = b"%PDF-"
RTF_MAGIC = b"{\\rtf"

#: What a text that is not UTF-8 is read as: the code page Notepad ("ANSI") and Excel's "CSV
#: (Comma delimited)" write on a Vietnamese Windows. Any other legacy encoding either fails to
#: decode in it or is refused as binary by its control characters.
LEGACY_ENCODING = "cp1258"
_CONTROL = LazyPattern(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def utf16_order(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` (a file's first bytes) has the NULs of
    UTF-16 text without its byte order mark: one in every two bytes, on the same side, as text
    that is mostly ASCII has them; else None. The pattern alone: whether the bytes decode is
    for whoever reads them to find (a last character may be cut in two)."""
    data = data[: len(data) // 2 * 2]
    if not data:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # a combining mark (U+0300…) has a NUL as its other byte: a few of those are text too
        if zeros.count(0) * 3 >= len(zeros) and other.count(0) * 50 <= len(other):
            return encoding
    return None


def utf16_encoding(head: bytes) -> str | None:
    """The UTF-16 a file's first bytes are in: ``"utf-16"`` after a byte order mark (which
    the codec reads and drops), ``"utf-16-le"`` or ``"utf-16-be"`` without one
    (:func:`utf16_order`); None for any other text (a JSON file Notepad saved as "Unicode")."""
    import codecs

    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_order(head) if b"\x00" in head else None


def as_utf8_head(head: bytes) -> bytes:
    """A file's first bytes as UTF-8, for telling what the file is: UTF-16 decoded (a last
    character cut in two left out), anything else as it is."""
    encoding = utf16_encoding(head)
    if encoding is None:
        return head
    return head[: len(head) // 2 * 2].decode(encoding, "ignore").encode()


def unmarked_utf16(data: bytes) -> str | None:
    """``data`` as UTF-16 without its byte order mark (:func:`utf16_order`), little- or
    big-endian; else None."""
    if len(data) < 2 or len(data) % 2:
        return None
    encoding = utf16_order(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_UTF8_SEQUENCE = LazyPattern(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def holds_nothing(data: bytes | str) -> bool:
    """Whether a file's bytes or text hold nothing: none, white space, or only the byte order
    mark a Windows editor writes before the text (Notepad saves an empty file as three bytes),
    which is said as an empty file is (``Error: quy-che.toml is empty``), never read on as a
    file of no tiers or of no known kind."""
    if isinstance(data, bytes):
        return not data.removeprefix(b"\xef\xbb\xbf").strip()
    return not data.removeprefix("\ufeff").strip()


def decode_utf8(data: bytes) -> str:
    """``data`` as UTF-8, without the half of a character a file cut short ends with.

    Raises:
        UnicodeDecodeError: it is not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return data[: exc.start].decode("utf-8-sig")
        raise


def damaged_utf8(data: bytes) -> bool:
    """Whether ``data``, which is not UTF-8, is UTF-8 text with a few bytes wrong (cut in the
    middle of a character, a piece pasted in from another encoding) rather than text in a
    legacy code page, where the sequences UTF-8 writes its letters with hardly ever occur:
    read in the code page, its Vietnamese would come out as "Há»™i nghá»‹"."""
    wrong = data.decode("utf-8", "replace").count("\ufffd") - data.count("\ufffd".encode())
    return len(_UTF8_SEQUENCE.findall(data)) > wrong


def has_control(text: str) -> bool:
    """Whether ``text`` has more control characters than a text file ever has by accident (a
    stray form feed or escape): a binary file decoded as text."""
    return len(_CONTROL.findall(text)) > max(2, len(text) // 100)


def decode_text(data: bytes, name: str | Phrase) -> str:
    """The text of a file a person gave to be read as text (an article, a draft).

    UTF-8, with or without its byte order mark; UTF-16 with its mark, or without it (as mostly
    ASCII text shows); else :data:`LEGACY_ENCODING`, composed (NFC: the code page writes a
    tone as a mark after its letter), or Latin-1 when the bytes are Vietnamese typed in a
    legacy font, TCVN3 or VNI (:func:`dirtrack.text.legacy_font`), which its reader refuses by
    name.

    Raises:
        InvalidInput: a binary file (NUL bytes, control characters), or text in none of these.
    """
    import codecs
    import unicodedata

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput.of("not_utf16", name=name) from None
    elif b"\x00" in data:
        unmarked = unmarked_utf16(data)
        if unmarked is None:
            raise InvalidInput.of("binary_file", name=name)
        text = unmarked
    else:
        try:
            text = decode_utf8(data)
        except UnicodeDecodeError as exc:
            if damaged_utf8(data):
                raise InvalidInput.of("not_utf8_at", name=name, at=exc.start) from None
            latin = data.decode("latin-1")
            if legacy_font(latin.splitlines()) is not None:
                # the letters a legacy font (TCVN3, VNI) draws over these bytes are Latin-1's,
                # as a sheet typed in it shows them: the reader names the font (legacy_font)
                text = latin
            else:
                try:
                    text = unicodedata.normalize("NFC", data.decode(LEGACY_ENCODING))
                except UnicodeDecodeError:
                    raise InvalidInput.of("not_utf8_or_1258", path=name) from None
    if has_control(text):
        raise InvalidInput.of("binary_file", name=name)
    return text
