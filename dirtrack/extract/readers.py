"""Read the text of a meeting report: ``.txt``, ``.html``/``.htm``, ``.docx``, or ``-`` (stdin).

Text files must be UTF-8 (a BOM is fine; UTF-16 with a BOM too). HTML is decoded with the
charset its ``<meta>`` declares (UTF-8 otherwise); the article's headline and body are found
by trafilatura (imported only when a page is read), and a page where it finds none is read
whole with the standard library's :mod:`html.parser` (scripts, styles and the ``<head>``
skipped, block elements as line breaks). ``.docx`` needs python-docx (imported only when such
a file is read).

Every failure is a :class:`dirtrack.errors.InvalidInput` whose message names the file: a
missing or unreadable file, an empty one, a binary one (NUL bytes, control characters, or not
decodable), a broken ``.docx``.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
import zipfile
from collections.abc import Sequence
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO, TextIO

from dirtrack.errors import InvalidInput
from dirtrack.extract import Draft, KnownUnit, extract
from dirtrack.i18n import Phrase
from dirtrack.inputs import os_reason, read_input

_BLOCK_TAGS = frozenset(
    """
    address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5
    h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul
    """.split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head iframe object select".split())
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class _TextOfHTML(HTMLParser):
    """Collects the visible text of an HTML page, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self.has_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        if tag == "h1":
            self.has_h1 = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        body = "".join(self.parts)
        lines = [" ".join(line.split()) for line in body.split("\n")]
        text = "\n".join(line for line in lines if line)
        title = " ".join("".join(self.title).split())
        if title and not self.has_h1:
            text = f"{title}\n{text}"
        return text


def _visible_text(html: str) -> str:
    """Every visible text of an HTML document, one line per block (no body found)."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    return parser.text()


def html_to_text(html: str) -> str:
    """The article of a saved web page: its headline, then its body, one line per paragraph.

    The body is found by trafilatura (menus, related links, comments and footers left out);
    a page where it finds none gives all its visible text, which the extractor's own cleaning
    then reduces.
    """
    import trafilatura  # only the extract command reads pages: not imported at start-up

    try:
        body = trafilatura.extract(
            html,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
        )
        meta = trafilatura.extract_metadata(html) if body else None
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse is read as plain blocks
        body, meta = None, None
    if not body or not body.strip():
        return _visible_text(html)
    lines = [" ".join(line.split()) for line in body.splitlines()]
    text = "\n".join(line for line in lines if line)
    title = " ".join((meta.title or "").split()) if meta is not None else ""
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return text


def decode_text(data: bytes, name: str | Phrase) -> str:
    """Decode the bytes of a text file, refusing binary content."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidInput.of("not_utf16", name=name) from None
    if b"\x00" in data:
        raise InvalidInput.of("binary_file", name=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput.of("not_utf8_file", name=name) from None
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InvalidInput.of("binary_file", name=name)
    return text


def _decode_html(data: bytes, name: str) -> str:
    m = _CHARSET.search(data[:4096])
    if m and b"\x00" not in data:
        encoding = m.group(1).decode("ascii", "replace")
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name)


def docx_to_text(data: bytes, name: str) -> str:
    """The paragraphs (and table cells) of a ``.docx`` document, one per line."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InvalidInput.of("not_docx", name=name)
    try:
        import docx  # python-docx, only needed here
    except ImportError:  # pragma: no cover - python-docx is a dependency of the project
        raise InvalidInput.of("needs_python_docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise InvalidInput.of("unreadable_docx", name=name, detail=str(exc)) from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


# The most text read from one meeting's document: a conclusion or minutes runs to some tens of
# thousands of characters, and drafting takes about 5 s of CPU a million; a page of 20 MB took
# minutes, past any cron job's patience.
MAX_TEXT = 1_000_000


def read_source(source: str | Path, *, stdin: BinaryIO | TextIO | None = None) -> str:
    """The text of ``source``: a ``.txt``, ``.html``/``.htm`` or ``.docx`` file, or ``-``.

    Args:
        source: a path, or ``-`` for standard input (read as UTF-8 text).
        stdin: what ``-`` reads (default ``sys.stdin``); bytes or text.

    Raises:
        InvalidInput: missing, unreadable, empty or binary input.
    """
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin
        name: str | Phrase = Phrase("w_stdin")
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        if isinstance(raw, bytes):
            text = decode_text(raw, name)
        elif "\x00" in raw or len(_CONTROL.findall(raw)) > max(2, len(raw) // 100):
            raise InvalidInput.of("binary_input", name=name)
        else:
            text = raw
    else:
        path = Path(source)
        name = str(path)
        try:
            data = read_input(path)
        except FileNotFoundError:
            raise InvalidInput.of("no_such_file", name=name) from None
        except OSError as exc:
            raise InvalidInput.of("file_unreadable", name=name, reason=os_reason(exc)) from None
        suffix = path.suffix.lower()
        if not data.strip():
            raise InvalidInput.of("file_empty", name=name)
        if suffix == ".docx":
            text = docx_to_text(data, name)
        elif suffix in (".html", ".htm", ".xhtml") or data.lstrip()[:15].lower().startswith(
            (b"<!doctype html", b"<html")
        ):
            text = html_to_text(_decode_html(data, name))
        else:
            text = decode_text(data, name)
    if not text.strip():
        raise InvalidInput.of("file_empty", name=name)
    if len(text) > MAX_TEXT:
        raise InvalidInput.of("text_too_large", name=name, n=len(text), limit=MAX_TEXT)
    return text


def extract_file(
    source: str | Path,
    units: Sequence[KnownUnit] = (),
    *,
    today: date | None = None,
    on: date | None = None,
    chair: str | None = None,
    stdin: BinaryIO | TextIO | None = None,
) -> Draft:
    """Read ``source`` (see :func:`read_source`) and draft the meeting it reports."""
    return extract(read_source(source, stdin=stdin), units, today=today, on=on, chair=chair)
