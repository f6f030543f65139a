"""Which importer reads a file: a small registry of file kinds, tried in order.

``dirtrack import FILE`` looks at the file's first bytes (and, where bytes cannot tell, its
extension) and hands it to the first kind whose ``sniff`` accepts it. To teach ``import`` a new
kind of file (meeting drafts, say), add a :class:`FileKind` to :data:`KINDS` here. Its handler
is named as
``"module:function"`` and imported only when a file of that kind is imported; it has the
signature of :data:`Handler`.
"""

from __future__ import annotations

import codecs
import importlib
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from sqlmodel import Session

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase
from dirtrack.inputs import (
    OLE_MAGIC,
    ZIP_MAGIC,
    as_utf8_head,
    check_input,
    holds_nothing,
    open_input,
    refused_input,
    utf16_order,
)
from dirtrack.transfer.base import ImportOptions, ImportResult, Progress

Handler = Callable[[Session, Path, ImportOptions, Progress], ImportResult]

HEAD_BYTES = 8192
SQLITE_MAGIC = b"SQLite format 3\x00"
_EXPORT_MARK = re.compile(rb'^\s*\{\s*"format"\s*:\s*"dirtrack-export"')
TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")


@dataclass(frozen=True)
class FileKind:
    """One kind of file ``dirtrack import`` reads.

    Attributes:
        name: short name, shown in results (``xlsx``, ``csv``, ``dirtrack-json``).
        sniff: given the path and its first bytes, True when this kind reads the file.
        handler: ``"module:function"`` of the :data:`Handler` that imports it.
    """

    name: str
    sniff: Callable[[Path, bytes], bool]
    handler: str

    def load(self) -> Handler:
        module, _, function = self.handler.partition(":")
        return cast(Handler, getattr(importlib.import_module(module), function))


def _strip_bom(head: bytes) -> bytes:
    """The first bytes of a text file as UTF-8 without its byte order mark: a draft or an
    export saved by Notepad as "Unicode" (UTF-16) is told by what it says, as in UTF-8."""
    return as_utf8_head(head).removeprefix(codecs.BOM_UTF8)


def _is_xlsx(path: Path, head: bytes) -> bool:
    if not head.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _is_ods(path: Path) -> bool:
    """An OpenDocument spreadsheet (LibreOffice Calc's .ods): a zip whose ``mimetype`` says so."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument.spreadsheet"
            )
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _is_word(path: Path) -> bool:
    """A Word document (.docx): a zip holding ``word/document.xml``."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


# A workbook saved with a password to open it is an .xlsx encrypted inside an OLE file (the
# format of .xls) whose directory names the stream "EncryptedPackage" (in UTF-16).
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _is_encrypted(path: Path) -> bool:
    """Whether the OLE file ``path`` is an encrypted workbook; its directory may lie anywhere in
    it, so the file is looked through a piece at a time."""
    try:
        with open_input(path) as handle:
            tail = b""
            while piece := handle.read(1 << 20):
                if _ENCRYPTED in tail + piece:
                    return True
                tail = piece[-len(_ENCRYPTED) :]
    except (OSError, InvalidInput):
        return False
    return False


def other_workbook(path: Path, head: bytes) -> str | None:
    """Which workbook of another format ``path`` (its first bytes ``head``) is, that dirtrack
    does not read: ``"encrypted"`` (saved with a password), ``"xls"`` (Excel 97-2003),
    ``"ods"`` (LibreOffice Calc), else None."""
    if head.startswith(OLE_MAGIC):
        return "encrypted" if _is_encrypted(path) else "xls"
    if head.startswith(ZIP_MAGIC) and _is_ods(path):
        return "ods"
    return None


def _is_export(path: Path, head: bytes) -> bool:
    return bool(_EXPORT_MARK.match(_strip_bom(head)))


def _is_csv(path: Path, head: bytes) -> bool:
    if path.suffix.lower() not in TEXT_EXTENSIONS:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Excel's "Unicode text"
        return True
    # Text has no NUL byte, but for a stray one in a cell (removed with a warning, as every
    # control character in a sheet), or UTF-16 without its mark: one in every other byte, read
    # as such (sheet.csv_encoding).
    return head.count(b"\x00") * 10 < len(head) or utf16_order(head) is not None


# What a TOML draft starts with, its comments aside: the table of the meeting.
_DRAFT_TABLE = re.compile(rb"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*\[[ \t]*meeting[ \t]*\]")


def _is_draft(path: Path, head: bytes) -> bool:
    """A meeting draft from ``dirtrack extract``: TOML, or JSON whose first key is ``meeting``;
    saved as text (``hop.txt``, Notepad's own name for a file) it is told by what it holds, a
    TOML draft by its ``[meeting]`` table (it was read as a CSV file: "row 28: columns C (…)")."""
    suffix = path.suffix.lower()
    if suffix == ".toml":  # whatever it holds: the draft's reader says what is wrong with it
        return True
    if suffix != ".json" and suffix not in TEXT_EXTENSIONS:
        return False
    body = _strip_bom(head).lstrip()
    if re.match(rb'\{\s*"meeting"\s*:', body) is not None:
        return True
    return suffix != ".json" and _DRAFT_TABLE.match(_strip_bom(head)) is not None


KINDS: list[FileKind] = [
    FileKind("draft", _is_draft, "dirtrack.extract.record:run"),
    FileKind("xlsx", _is_xlsx, "dirtrack.transfer.sheet_import:run_xlsx"),
    FileKind("dirtrack-json", _is_export, "dirtrack.transfer.json_format.importer:run"),
    FileKind("csv", _is_csv, "dirtrack.transfer.sheet_import:run_csv"),
]


#: The most ``import -`` reads from standard input, as much as a workbook may unpack to: a
#: stream that never ends (``< /dev/zero``) was read until memory ran out. A larger export is
#: imported from its file.
MAX_STDIN_MB = 1024


def stdin_file(raw: bytes, folder: Path) -> Path:
    """What ``import -`` read from standard input, written into ``folder`` under a name whose
    suffix says what the bytes are (a workbook is read from a file, and CSV is told by its
    suffix): ``stdin.xlsx`` for a zip, ``stdin.json`` for a dirtrack export or a JSON draft,
    ``stdin.toml`` for a TOML draft, else ``stdin.csv``; :func:`detect` then reads it as any
    file, refusing what no kind reads.

    Raises:
        InvalidInput: nothing came in.
    """
    if not raw:
        raise InvalidInput.of("file_empty", name=Phrase("w_stdin"))
    head = raw[:HEAD_BYTES]
    body = _strip_bom(head)
    if head.startswith(SQLITE_MAGIC):  # `restore` reads a backup from its file only
        raise InvalidInput.of("import_database_stdin")
    if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        suffix = ".xlsx"
    elif _EXPORT_MARK.match(body) or re.match(rb'\s*\{\s*"meeting"\s*:', body):
        suffix = ".json"
    elif _DRAFT_TABLE.match(body):
        suffix = ".toml"
    else:
        suffix = ".csv"
    path = folder / f"stdin{suffix}"
    path.write_bytes(raw)
    return path


def detect(path: Path) -> FileKind:
    """The kind of ``path``.

    Raises:
        NoSuchFile: there is no such file.
        InvalidInput: a folder, an empty file, or a file no kind reads (the message says what
            the file seems to be and what to do).
    """
    check_input(path)
    try:
        with open_input(path, give=Phrase("give_import_file")) as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise refused_input(path, exc) from None
    if holds_nothing(head) and len(head) < HEAD_BYTES:  # the whole file, and nothing in it
        raise InvalidInput.of("file_empty", name=path)
    for kind in KINDS:
        if kind.sniff(path, head):
            return kind
    if head.startswith(SQLITE_MAGIC):
        raise InvalidInput.of("import_database", path=path)
    other = other_workbook(path, head)
    if other is not None:
        raise InvalidInput.of(f"import_{other}", path=path)
    if head.startswith(ZIP_MAGIC):
        raise InvalidInput.of("import_word" if _is_word(path) else "import_zip", path=path)
    if path.suffix.lower() == ".xlsx":
        raise InvalidInput.of("import_not_xlsx", path=path)
    if _strip_bom(head).lstrip().startswith(b"{"):
        raise InvalidInput.of("import_other_json", path=path)
    raise InvalidInput.of("import_unknown_kind", path=path)
