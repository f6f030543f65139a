"""Reading an export document's bytes safely, and into records: the guard each part read goes
through before ijson's C parser sees it (a run of digits too long, nesting too deep, half a UTF-16
character, text not in NFC), ijson's parse events, the records of a section built from them (a
key given twice refused), and what is wrong with a file that is not JSON.

What the records must hold is :mod:`.records` and :mod:`.checks`; what is done with them is
:mod:`.importer`.
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase, cut
from dirtrack.inputs import json_problem, refused_input, utf16_encoding
from dirtrack.text import has_direction
from dirtrack.transfer.json_format.records import READS

# The document's version, looked for in its first bytes (:func:`open_export`): an export of a
# version import does not read is refused by its own message before it is parsed.
_VERSION = re.compile(rb'"version"\s*:\s*(\d+)')


def json_syntax(exc: Exception) -> Phrase:
    """What is wrong with a file that is not JSON, said by the catalog (:func:`json_problem`),
    with the text around the place the parser shows (``… near '{"a": NaN}'``)."""
    said = exc.args[0] if exc.args else ""
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    lines = text.strip("\n").splitlines()
    near = " ".join(lines[1].split()) if len(lines) > 2 and "(right here)" in lines[2] else ""
    return json_problem(lines[0] if lines else "premature EOF", near)


def json_not_utf8(exc: UnicodeDecodeError) -> Phrase:
    """A text of the document whose bytes are not UTF-8 although ijson's C parser let them
    through (a half of a character encoded on its own, ``ED A0 80``, as CESU-8 writes one),
    said as the parser's own refusal of such bytes is, with the text around them."""
    near = " ".join(exc.object[: exc.start + 40].decode("utf-8", "replace").split())
    return json_problem("invalid bytes", cut(near[-80:]))


# ijson's C parser turns a whole number into a Python int, and a number of more digits than
# Python converts (4,300: sys.get_int_max_str_digits) makes it crash the process (a segmentation
# fault, no message). No record holds such a number: a run of that many digits is refused as it
# is read, before the parser sees it.
MAX_DIGITS = 4300
# A part with every digit written 0 and every other byte a space: the first run of too many
# digits starts where bytes.find finds MAX_DIGITS + 1 zeros. A regular expression of a
# repeated class tries a match at every byte (it has no first character to skip ahead to),
# about ten times as long as this.
_DIGITS_AS_ZERO = bytes(ord("0") if ord("0") <= i <= ord("9") else ord(" ") for i in range(256))
_TOO_MANY_DIGITS = b"0" * (MAX_DIGITS + 1)
# ijson names each value by its path (``directives.item.requests.item.reason``), and its C
# parser keeps the path of every array and object open: a value nested N deep holds N paths of
# up to N parts, memory that grows as N squared (100,000 brackets took every gigabyte the machine
# had, and the system killed the process). An export nests five deep (the document, a section,
# a record, its list of requests, a request): a document nested deeper than MAX_DEPTH is refused
# as it is read, before the parser sees it.
MAX_DEPTH = 32
_NOT_STRUCTURE = bytes(i for i in range(256) if i not in b'"[]{}')
_AS_LISTS = bytes.maketrans(b"{}", b"[]")  # nested is nested: ijson says when they do not pair
# ijson's C parser reads the escape of half a character (a UTF-16 surrogate without its pair)
# as "?" when it is the first half (the text changed without a word) and fails on the second
# half; no text holds one (the commands refuse them): it is refused as it is read.
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_FIRST_HALF = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}")
_SECOND_HALF = re.compile(rb"\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# Bytes that are not ASCII: a part's bytes after its last ASCII one wait for the next part before
# their texts are looked at for NFC (no ASCII character composes with, or is reordered against,
# the character before it, so the text before an ASCII character is in NFC, or not, whatever
# follows it).
_NOT_ASCII = bytes(range(0x80, 0x100))
# How many bytes are decoded at a time to be looked at for NFC.
NFC_WINDOW = 1 << 18
# What ijson reads at a time. Its C parser copies a string that spans reads again at each read:
# with its 64 KiB, one string of 100 MB took minutes; with 4 MiB, seconds.
READ_SIZE = 4 << 20


class Guarded:
    """The export's bytes as ijson reads them, each part checked for a run of digits longer
    than :data:`MAX_DIGITS` and for arrays and objects nested deeper than :data:`MAX_DEPTH`
    (across the parts' boundaries too)."""

    def __init__(self, handle: IO[bytes], name: str) -> None:
        self._handle, self._name = handle, name
        self._carried = b""  # the digits the last part ended with
        self._offset = 0  # where the last part started, past what was carried
        self._depth = 0  # the lists and objects still open at the end of the last part
        self._in_text = False  # the last part ended inside a string
        self._escaped = b""  # the backslash the last part ended with, escaping the next byte
        self._halves = b""  # the end of the last part, where an escape may be cut (surrogates)
        self._halves_read = 0  # how much of it was looked at
        # Whether every text read so far is in NFC as written: true until a part holds a text
        # that is not (or an escape ``\u…``, whose character is known only once decoded).
        self.in_nfc = True
        self._unlooked = b""  # the last part's bytes from its last ASCII byte on (NFC)

    def read(self, size: int = -1) -> bytes:
        part = self._handle.read(size)
        seen = self._carried + part
        found = seen.translate(_DIGITS_AS_ZERO).find(_TOO_MANY_DIGITS)
        if found >= 0:
            at = self._offset - len(self._carried) + found
            raise InvalidInput.of("json_long_number", name=self._name, limit=MAX_DIGITS, at=at)
        digits = len(seen) - len(seen.rstrip(b"0123456789"))
        self._carried = seen[len(seen) - digits :] if digits else b""
        self._nesting(part)
        self._surrogates(part)
        self._normal(part)
        self._offset += len(part)
        return part

    def _normal(self, part: bytes) -> None:
        """Follow :attr:`in_nfc`: the bytes read so far, up to the last ASCII one, are looked
        at as text (the records read so far end before it: each ends with a ``}``),
        :data:`NFC_WINDOW` bytes at a time, so that what it holds stays small beside the part.
        A run of more than :data:`NFC_WINDOW` bytes without an ASCII one (no real text runs so
        long without a space) is not waited for: the records are then walked one by one."""
        if not self.in_nfc:
            return
        carried = self._unlooked
        if b"\\u" in part or (carried == b"\\" and part.startswith(b"u")):
            self.in_nfc, self._unlooked = False, b""
            return
        view = memoryview(part)
        for start in range(0, len(part), NFC_WINDOW):
            window = carried + view[start : start + NFC_WINDOW]
            cut = max(len(window.rstrip(_NOT_ASCII)) - 1, 0)  # before its last ASCII byte
            carried = window[cut:]
            if len(carried) > NFC_WINDOW or not _is_nfc(window[:cut]):
                self.in_nfc, self._unlooked = False, b""
                return
        if not part:  # the end: what was left is looked at too
            self.in_nfc, carried = _is_nfc(carried), b""
        self._unlooked = carried

    def _surrogates(self, part: bytes) -> None:
        """Refuse the escape of half a character (``\\ud800`` alone). An escape that may be
        cut by the part's end, or followed by its second half in the next part, waits for it."""
        seen = self._halves + part
        start = self._offset - len(self._halves)  # where ``seen`` begins in the file
        last = len(seen) - 12 if part else len(seen)  # 12: the two escapes of a pair
        if last <= self._halves_read:
            self._halves = seen
            return
        if b"\\u" in seen:
            for found in _SURROGATE.finditer(seen, self._halves_read, last + 5):
                at = before = found.start()
                while before and seen[before - 1] == ord("\\"):
                    before -= 1
                if (at - before) % 2:
                    continue  # an escaped backslash, then the letter u
                paired = (
                    _SECOND_HALF.match(seen, found.end())
                    if _FIRST_HALF.match(found[0])
                    else _FIRST_HALF.fullmatch(seen, max(at - 6, 0), at)
                )
                if paired is None:
                    raise InvalidInput.of(
                        "json_half_character", name=self._name, escape=found[0].decode(),
                        at=start + at,
                    )  # fmt: skip
        kept = min(6, last)  # the escape before the next to look at, to pair it
        self._halves, self._halves_read = seen[last - kept :], kept

    def _nesting(self, part: bytes) -> None:
        """Follow the brackets of ``part`` outside strings; refuse a nesting deeper than
        :data:`MAX_DEPTH`. Inside a string of valid JSON a backslash escapes the next byte and
        a quote ends it: escapes are dropped, then every other run between quotes is text.
        About a tenth of the time ijson takes to parse the part."""
        data = self._escaped + part
        self._escaped = b""
        if b"\\" in data:
            if data.endswith(b"\\") and (len(data) - len(data.rstrip(b"\\"))) % 2:
                data, self._escaped = data[:-1], b"\\"  # it escapes the next part's first byte
            for escape in (b"\\\\", b'\\"'):
                if escape in data:
                    data = data.replace(escape, b"")
        # The quotes and brackets alone; two quotes with nothing between them (a string without
        # brackets, nearly all of them) can go, as the runs between the others stay in or out.
        runs = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"").split(b'"')
        outside = b"".join(runs[1::2] if self._in_text else runs[::2])
        if len(runs) % 2 == 0:
            self._in_text = not self._in_text
        brackets = outside.translate(_AS_LISTS)
        still_open = self._depth + brackets.count(b"[") - brackets.count(b"]")
        # The deepest point of the part is the height of the tallest pair once what is still
        # open is closed: each pass closes the innermost pairs, one level.
        nesting = b"[" * self._depth + brackets + b"]" * max(still_open, 0)
        for _ in range(MAX_DEPTH if still_open <= MAX_DEPTH else 0):
            closed = nesting.replace(b"[]", b"")
            if closed == nesting:
                break
            nesting = closed
        if b"[" in nesting:
            raise InvalidInput.of("json_too_deep", name=self._name, limit=MAX_DEPTH)
        self._depth = max(still_open, 0)  # more closed than opened: ijson says so


def _is_nfc(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text as stored: in NFC, without a direction control
    (:func:`~dirtrack.text.without_direction`). False for bytes that are not UTF-8: ijson
    refuses them, and the records it builds before that are walked one by one."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return False
    return unicodedata.is_normalized("NFC", text) and not has_direction(text)


def parse_events(handle: IO[bytes], name: str) -> Iterator[tuple[str, str, Any]]:
    """ijson's parse events of the export ``handle``, read :data:`READ_SIZE` at a time with
    no run of digits longer than :data:`MAX_DIGITS` and no nesting deeper than
    :data:`MAX_DEPTH` (:class:`Guarded`)."""
    return events_of(Guarded(handle, name))


def events_of(source: Guarded) -> Iterator[tuple[str, str, Any]]:
    """ijson's parse events of the bytes ``source`` reads."""
    import ijson

    return iter(ijson.parse(source, buf_size=READ_SIZE))


def open_export(path: Path) -> IO[bytes]:
    """The file, opened past a UTF-8 byte order mark if it starts with one; a file in UTF-16
    (with its mark or without), as the UTF-8 it decodes to.

    Raises:
        InvalidInput: it cannot be read, or it is an export of another version.
    """
    try:
        handle: IO[bytes] = path.open("rb")
        head = handle.read(512)
        encoding = utf16_encoding(head)
        if encoding is not None:  # saved by Notepad as "Unicode": read as the UTF-8 it says
            handle.seek(0)
            with handle:
                data = handle.read()
            try:
                handle = io.BytesIO(data.decode(encoding).encode())
            except UnicodeDecodeError:
                raise InvalidInput.of("not_utf16", name=path.name) from None
            head = handle.read(512)
    except OSError as exc:
        raise refused_input(path, exc) from None
    version = _VERSION.search(head)
    if version is not None and int(version[1]) not in READS:
        handle.close()
        raise InvalidInput.of(
            "json_version", name=path.name, version=cut(str(int(version[1]))), first=READS[0],
            last=READS[-1],
        )  # fmt: skip
    handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
    return handle


# How many parse events ijson_items hands to ijson's builder at a time.
_EVENTS = 4096


class KeyTwice(Exception):
    """An object of the document gave a key twice (``args[0]``: the key)."""


class _Object(dict[str, Any]):
    """An object as ijson builds it, refusing a key given twice (:class:`KeyTwice`): a plain
    dict keeps the last value unsaid, and the draft reader refuses it too."""

    __slots__ = ()

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            raise KeyTwice(key)
        dict.__setitem__(self, key, value)


def key_twice_at(path: Path) -> str | None:
    """Where the first key given twice in one object of the document ``path`` is, as a
    refusal of a record names a value (``directives[3].requests[0].reason``); None if none.

    Read again from the start, event by event, once the import has met such a key: the records
    are built in C, and which of them held it is known only then."""
    places: list[list[Any]] = []  # per open container: [keys seen | index, its place]
    where = ""
    with open_export(path) as handle:
        for _prefix, event, value in parse_events(handle, path.name):
            if places and isinstance(places[-1][0], int) and event in _STARTS:
                places[-1][0] += 1
                where = f"{places[-1][1]}[{places[-1][0]}]"
            if event == "map_key":
                keys, parent = places[-1]
                if value in keys:
                    return f"{parent}.{value}" if parent else str(value)
                keys.add(value)
                where = f"{parent}.{value}" if parent else str(value)
            elif event == "start_map":
                places.append([set(), where])
            elif event == "start_array":
                places.append([-1, where])
            elif event in ("end_map", "end_array"):
                places.pop()
                where = places[-1][1] if places else ""
    return None


# The events that begin a value in a list (each its own item).
_STARTS = frozenset(
    ("start_map", "start_array", "string", "number", "boolean", "null", "integer", "double")
)


def ijson_items(events: Iterable[tuple[str, str, Any]], prefix: str) -> Iterator[Any]:
    """The objects under ``prefix`` built from ijson's parse events (in C).

    The events go to ijson's builder :data:`_EVENTS` at a time, passed from C (``map`` over a
    slice), not one by one from a Python loop as ``ijson.items`` over events does; the objects
    built from a slice are handed on before the next slice is read, so memory stays that of a
    slice. Objects completed before a fault in the document come out before it is raised.
    """
    import ijson
    from ijson.utils import sendable_list

    built = sendable_list()
    send = ijson.get_backend(ijson.backend).items_basecoro(built, prefix, map_type=_Object).send
    events = iter(events)
    took: deque[None] = deque(maxlen=1)  # holds one None once a slice had any event
    while True:
        try:
            took.extend(map(send, itertools.islice(events, _EVENTS)))
        except BaseException:
            yield from built
            raise
        yield from built
        built.clear()
        if not took:
            return
        took.clear()
