"""Read the text of a meeting report: ``.txt``, ``.html``/``.htm``, ``.mht``, ``.docx``, or ``-``.

Text files are UTF-8, UTF-16 or Windows-1258 (:func:`dirtrack.inputs.decode_text`). A page
saved as one file (``.mht``, ``.mhtml``) is read as the HTML page it holds. A page
(found by its first tag, whatever the file is called, on stdin too) is UTF-8 when its bytes
are, else in the charset its ``<meta>`` declares; the article's headline and body are found
by trafilatura (imported only when a page is read), with the day the page declares it was
published in its markup (``<meta>``, JSON-LD) put under the headline as its date line when the
body has none; a page where it finds no body is read whole with the standard library's
:mod:`html.parser` (scripts, styles and the ``<head>`` skipped, block elements as line breaks).
``.docx`` needs python-docx (imported only when such a file is read).

Every failure is a :class:`dirtrack.errors.InvalidInput` whose message names the file: a
missing or unreadable file, an empty one, a binary one (NUL bytes, control characters, or not
decodable), a broken ``.docx``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dirtrack.errors import InvalidInput
from dirtrack.extract import Draft, KnownUnit, extract
from dirtrack.extract.clean import dateline_date
from dirtrack.extract.tables import TaskTable, task_table
from dirtrack.i18n import Phrase
from dirtrack.inputs import (
    OLE_MAGIC,
    PDF_MAGIC,
    RTF_MAGIC,
    ZIP_MAGIC,
    decode_text,
    decode_utf8,
    has_control,
    read_input,
    read_stdin,
    refused_input,
)
from dirtrack.text import legacy_font

_BLOCK_TAGS = frozenset(
    """
    address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5
    h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul
    """.split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head iframe object select".split())
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


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


#: trafilatura's time grows with a page's tags, faster than their number once it finds no
#: article: a portal's page has some thousands (0.1 s), 75,000 took 1.4 s, a 2 MB page of
#: 140,000 links 6 s and one of 21 MB two minutes and 2 GB. A page with more tags than this is
#: read whole (:func:`_visible_text`, in time proportional to its size), and the extractor's
#: own cleaning sets its menus aside.
MAX_BODY_SEARCH_TAGS = 50_000
_TAG = re.compile(r"<[A-Za-z]")
#: lxml's parser, under trafilatura, takes time in the square of one tag's attributes: a page
#: with a tag of 100,000 (800 KB, well under :data:`MAX_PAGE`) ran past four minutes, 20,000
#: took 9 s. A page holding a tag with more than this many is read whole, as one with too many
#: tags is; a page's own tags hold some tens.
MAX_TAG_ATTRIBUTES = 1_000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{" + str(2 * MAX_TAG_ATTRIBUTES) + ",}>")


def _crowded_tag(html: str) -> bool:
    """Whether a tag of ``html`` holds more than :data:`MAX_TAG_ATTRIBUTES` attributes (only
    a tag long enough to hold them is counted: a long data: address is one)."""
    return any(len(tag.split()) > MAX_TAG_ATTRIBUTES for tag in _LONG_TAG.findall(html))


#: The largest page read: some tens of times a portal's page with all its menus and scripts.
MAX_PAGE = 10_000_000


#: A sentence's end, then another sentence: in a row of a table as trafilatura writes it (``|
#: cell | cell |``), a cell holding paragraphs, of a table that lays the page out, not of data.
_PARAGRAPHS = re.compile(r"[.!?…:] +[A-ZĐÀ-Ỹ]")


def _laid_out(body: str) -> bool:
    """Whether trafilatura's text of a page holds a row of a table laying the page out."""
    return any(
        line.startswith("|") and line.rstrip().endswith("|") and _PARAGRAPHS.search(line)
        for line in body.splitlines()
    )


def html_to_text(html: str) -> str:
    """The article of a saved web page: its headline, then its body, one line per paragraph.

    The body is found by trafilatura (menus, related links, comments and footers left out);
    a page where it finds none, a page laid out in a table (:func:`_laid_out`), or one with
    more than :data:`MAX_BODY_SEARCH_TAGS` tags or a tag with more than
    :data:`MAX_TAG_ATTRIBUTES` attributes, gives all its visible text, one line per block,
    which the extractor's own cleaning then reduces.
    """
    if len(_TAG.findall(html)) > MAX_BODY_SEARCH_TAGS or _crowded_tag(html):
        return _visible_text(html)
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
    if not body or not body.strip() or _laid_out(body):
        # a page laid out in a table (older portals: the menu in a cell, the article in the
        # next) comes out as one row, "| Menu | Sáng 7/9, … |", its paragraphs run together,
        # which the cleaning took for a path of links and left out whole
        return _visible_text(html)
    lines = [line for line in (" ".join(line.split()) for line in body.splitlines()) if line]
    title = " ".join((meta.title or "").split()) if meta is not None else ""
    if title and not "\n".join(lines).startswith(title):
        lines.insert(0, title)
    published = _published(html)
    if published is not None and not any(dateline_date(line) for line in lines):
        # the date line trafilatura leaves out with the page's frame: the page's own date, under
        # its headline, is the day a meeting's day written without its year is read against
        lines.insert(1 if title else 0, f"{published:%d/%m/%Y}")
    return "\n".join(lines)


#: A ``<meta>`` tag, its attributes in any order.
_META_TAG = re.compile(r"<meta\b[^<>]{0,1000}>", re.IGNORECASE)
#: The names a page's publication time is declared under ("article:published_time" of Open
#: Graph, schema.org's "datePublished", Dublin Core's issued day, "pubdate").
_PUBLISHED_NAME = re.compile(
    r"""\b(?:property|name|itemprop)\s*=\s*["']?\s*(?:article:published_time|og:published_time|"""
    r"""datepublished|pubdate|publishdate|dc\.date\.issued|dcterms\.issued)\s*["'\s>/]""",
    re.IGNORECASE,
)
_CONTENT_DAY = re.compile(r"""\bcontent\s*=\s*["']?\s*(\d{4}-\d{2}-\d{2})""", re.IGNORECASE)
#: JSON-LD's "datePublished": "2019-05-07T08:12:00+07:00".
_LD_PUBLISHED = re.compile(r""""datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})""")


def _published(html: str) -> date | None:
    """The day a page declares it was published in its markup (a ``<meta>`` publication time,
    JSON-LD's ``datePublished``), else None. Never a date shown on the page: a portal's header
    shows the day the page was saved, its sidebar other articles' days."""
    found: list[str] = []
    for tag in _META_TAG.findall(html):
        day = _CONTENT_DAY.search(tag) if _PUBLISHED_NAME.search(tag) else None
        if day is not None:
            found.append(day[1])
    for value in [*found, *_LD_PUBLISHED.findall(html)]:
        try:
            return date.fromisoformat(value)
        except ValueError:
            continue
    return None


def _decode_html(data: bytes, name: str | Phrase, declared: str | None = None) -> str:
    """The text of a saved page. Valid UTF-8 is UTF-8 whatever the page's ``<meta>`` says (a
    page saved from a portal keeps the charset its server declared, which need not be what
    the bytes are); else the charset it declares (in its ``<meta>``, else ``declared``: the
    charset of its part of a ``.mht`` file), if that decodes it; else as any text file
    (:func:`~dirtrack.inputs.decode_text`)."""
    if b"\x00" not in data:
        try:
            return decode_utf8(data)
        except UnicodeDecodeError:
            pass
        m = _CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii", "replace") if m else declared
        if charset:
            try:  # a name Python does not know, or a codec that is no text encoding
                text = data.decode(charset)
            except (LookupError, UnicodeError, ValueError):
                pass
            else:
                if not has_control(text):
                    return text
    return decode_text(data, name)


#: A page saved as one file (Chrome's "Webpage, Single File" .mhtml, Internet Explorer's and
#: Edge's "Web Archive" .mht): a MIME message whose first HTML part is the page.
_MIME_HEADER = re.compile(rb"^(?:[A-Za-z][\w-]*:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)+", re.ASCII)


def looks_like_mhtml(data: bytes) -> bool:
    """Whether ``data`` is a page saved as one MIME file (.mht, .mhtml)."""
    head = _MIME_HEADER.match(data[:8192])
    return head is not None and b"multipart/related" in head.group(0).lower()


def _mhtml_text(data: bytes, name: str | Phrase) -> tuple[str, list[TaskTable]]:
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return _page_text(payload, name, part.get_content_charset())
    raise InvalidInput.of("page_no_text", name=name)


#: A ``.docx`` is a zip archive: what it unpacks to is measured before it is parsed. A meeting's
#: document holds some hundreds of paragraphs in a few MB of XML (photos aside); python-docx
#: keeps every part in memory and takes some 30 µs a paragraph, so a 340 KB file that unpacked
#: to three million paragraphs took 100 s and 2 GB of memory before it was refused.
MAX_DOCX_MB = 256  # every part, photos included
MAX_DOCX_PARAGRAPHS = 20_000
_MB = 1024 * 1024


def _check_docx_size(data: bytes, name: str | Phrase) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(info.file_size for info in archive.infolist())
        if total > MAX_DOCX_MB * _MB:
            raise InvalidInput.of(
                "docx_too_large", name=name, size=-(-total // _MB), limit=MAX_DOCX_MB
            )
        try:
            with archive.open("word/document.xml") as part:
                xml = part.read(MAX_DOCX_MB * _MB)
        except (KeyError, zipfile.BadZipFile, OSError):
            return  # python-docx says what is wrong with the package
    paragraphs = xml.count(b"<w:p>") + xml.count(b"<w:p ")
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise InvalidInput.of(
            "docx_too_many_paragraphs", name=name, n=paragraphs, limit=MAX_DOCX_PARAGRAPHS
        )


def _refuse_documents(data: bytes, name: str | Phrase) -> None:
    """Refuse, saying what they are and what to do, the documents that are not read: an old
    Word .doc, a PDF, an RTF file (else each would be "a binary file, not text")."""
    if data.startswith(OLE_MAGIC):
        raise InvalidInput.of("extract_doc", name=name)
    if data.startswith(PDF_MAGIC):
        raise InvalidInput.of("extract_pdf", name=name)
    if data.lstrip().startswith(RTF_MAGIC):
        raise InvalidInput.of("extract_rtf", name=name)


def _is_docx(data: bytes) -> bool:
    """Whether ``data`` is a Word document whatever its file is called (a .docx saved as .doc)."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _numbered(paragraph: Any) -> bool:
    """Whether a paragraph of a ``.docx`` is an item of a list Word numbers or bullets itself
    (its own numbering, or its style's: "List Number", "List Bullet"): its text holds no
    number nor bullet, which Word draws, so it is given a dash, which opens an item as the
    number did (the items, without a stop, were read as one task or as captions). A heading
    Word numbers ("Heading 2") stays a heading."""
    if paragraph.style is not None and str(paragraph.style.name).startswith(("Heading", "Title")):
        return False
    if paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None:
        return True
    style = paragraph.style
    for _ in range(10):  # a style's chain of base styles
        if style is None:
            return False
        ppr = style.element.pPr
        if ppr is not None and ppr.numPr is not None:
            return True
        style = style.base_style
    return False


def docx_to_text(data: bytes, name: str | Phrase) -> str:
    """The paragraphs (and table cells) of a ``.docx`` document, one per line."""
    return _read_docx(data, name)[0]


def _docx_fault(exc: Exception) -> Phrase:
    """What is wrong with a package python-docx cannot open, in the catalog's words: its own
    ("There is no item named '[Content_Types].xml' in the archive", "'lxml.etree._Element'
    object has no attribute 'overrides'") are English, and the second an internal name."""
    missing = re.search(r"no item named '([^']*)'", str(exc)) if isinstance(exc, KeyError) else None
    if missing is not None:
        return Phrase("w_part_missing", part=missing[1])
    return Phrase("docx_damaged")


def _read_docx(data: bytes, name: str | Phrase) -> tuple[str, list[TaskTable]]:
    """The paragraphs of a ``.docx`` document, one per line, then the cells of its tables but
    the tables of tasks, which are returned apart (:mod:`dirtrack.extract.tables`)."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InvalidInput.of("not_docx", name=name)
    _check_docx_size(data, name)
    try:
        import docx  # python-docx, only needed here
    except ImportError:  # pragma: no cover - python-docx is a dependency of the project
        raise InvalidInput.of("needs_python_docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise InvalidInput.of("unreadable_docx", name=name, detail=_docx_fault(exc)) from None
    lines = [
        f"- {p.text}" if _numbered(p) and p.text.strip() else p.text for p in document.paragraphs
    ]
    tables: list[TaskTable] = []
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        tasks = task_table(rows)
        if tasks is not None:
            tables.append(tasks)
            continue
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines), tables


# The most text read from one meeting's document: a conclusion or minutes runs to some tens of
# thousands of characters, a portal's page read whole with its menus (more tags than trafilatura
# is given) some hundreds of thousands. Drafting takes 15 to 35 s of CPU a million characters: a
# page of 20 MB took minutes, past any cron job's patience, and a line of 900,000 characters,
# under the million once allowed, more than a minute at a busy machine's load.
MAX_TEXT = 400_000


#: The start of an HTML document, whatever comes before its first tag: a byte order mark, white
#: space, an XML declaration, comments ("<!-- saved from url=… -->", which browsers write
#: into a saved page).
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?xml[^>]{0,200}>|<!--.{0,2000}?-->)*"
    rb"<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` is an HTML page, whatever its file is called (a page saved as ``.txt``,
    or piped into ``extract -``)."""
    return _HTML_START.match(data[:4096]) is not None


def _page_text(
    data: bytes, name: str | Phrase, declared: str | None = None
) -> tuple[str, list[TaskTable]]:
    html = _decode_html(data, name, declared)
    if len(html) > MAX_PAGE:
        raise InvalidInput.of("page_too_large", name=name, n=len(html), limit=MAX_PAGE)
    html, tables = _tables_of_tasks(html)
    text = html_to_text(html) if html.strip() else ""
    if not text.strip() and not tables:  # only scripts, styles or markup: "empty" would puzzle
        raise InvalidInput.of("page_no_text", name=name)
    return text, tables


class _Tables(HTMLParser):
    """The innermost tables of a page: each one's rows of cells' text, and where it is in the
    page (from its ``<table`` to after its ``</table>``)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._lines = [0]
        for m in re.finditer("\n", html):
            self._lines.append(m.end())
        self._html = html
        self._open: list[tuple[int, list[list[str]], bool]] = []  # start, rows, holds a table
        self._cell: list[str] | None = None
        self._skip = 0
        self.found: list[tuple[int, int, list[list[str]]]] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "table":
            if self._open:
                start, rows, _ = self._open[-1]
                self._open[-1] = (start, rows, True)
            self._open.append((self._at(), [], False))
            self._cell = None
        elif tag == "tr" and self._open:
            self._open[-1][1].append([])
            self._cell = None
        elif tag in ("td", "th") and self._open:
            rows = self._open[-1][1]
            if not rows:
                rows.append([])
            rows[-1].append("")
            self._cell = []
        elif tag in _BLOCK_TAGS and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in ("td", "th") and self._open and self._cell is not None:
            rows = self._open[-1][1]
            rows[-1][-1] = "".join(self._cell)
            self._cell = None
        elif tag == "table" and self._open:
            start, rows, nested = self._open.pop()
            close = self._html.find(">", self._at())
            if not nested:
                self.found.append((start, len(self._html) if close < 0 else close + 1, rows))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.append(data)


def _tables_of_tasks(html: str) -> tuple[str, list[TaskTable]]:
    """The page without its tables of tasks, and those tables (:mod:`dirtrack.extract.tables`);
    a page without ``<table`` is returned as it is."""
    if "<table" not in html.lower():
        return html, []
    parser = _Tables(html)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - a page the parser cannot follow: read as text alone
        return html, []
    tables: list[TaskTable] = []
    cuts: list[tuple[int, int]] = []
    for start, end, rows in parser.found:
        table = task_table([[" ".join(c.split()) for c in row] for row in rows])
        if table is not None:
            tables.append(table)
            cuts.append((start, end))
    for start, end in sorted(cuts, reverse=True):
        html = html[:start] + html[end:]
    return html, tables


def read_source(source: str | Path, *, stdin: BinaryIO | TextIO | None = None) -> str:
    """The text of ``source`` (see :func:`read_document`), its tables of tasks left out."""
    return read_document(source, stdin=stdin)[0]


def read_document(
    source: str | Path, *, stdin: BinaryIO | TextIO | None = None
) -> tuple[str, list[TaskTable]]:
    """The text of ``source``: a ``.txt``, ``.html``/``.htm`` or ``.docx`` file, or ``-``; and
    the tables of tasks of a ``.docx`` or a page, read apart (:mod:`dirtrack.extract.tables`).

    Args:
        source: a path, or ``-`` for standard input (read as UTF-8 text).
        stdin: what ``-`` reads (default ``sys.stdin``); bytes or text.

    Raises:
        InvalidInput: missing, unreadable, empty or binary input.
    """
    tables: list[TaskTable] = []
    if str(source) == "-":
        name: str | Phrase = Phrase("w_stdin")
        raw = read_stdin("extract", stdin, limit_mb=MAX_DOCX_MB)  # (a page is less)
        if isinstance(raw, str):
            if "\x00" in raw or has_control(raw):
                raise InvalidInput.of("binary_input", name=name)
            raw = raw.encode("utf-8", "surrogateescape")
        _refuse_documents(raw, name)
        if _is_docx(raw):
            text, tables = _read_docx(raw, name)
        elif looks_like_html(raw):  # a page piped in (curl … | dirtrack extract -)
            text, tables = _page_text(raw, name)
        elif looks_like_mhtml(raw):
            text, tables = _mhtml_text(raw, name)
        else:
            text = decode_text(raw, name)
    else:
        path = Path(source)
        name = str(path)
        try:
            data = read_input(path, give=Phrase("give_file_or_stdin"))
        except OSError as exc:
            raise refused_input(path, exc) from None
        suffix = path.suffix.lower()
        if not data.strip():
            raise InvalidInput.of("file_empty", name=name)
        _refuse_documents(data, name)
        if suffix == ".docx" or _is_docx(data):
            text, tables = _read_docx(data, name)
        elif looks_like_mhtml(data):
            text, tables = _mhtml_text(data, name)
        elif suffix in (".html", ".htm", ".xhtml") or looks_like_html(data):
            text, tables = _page_text(data, name)
        else:
            text = decode_text(data, name)
    if not text.strip() and not tables:
        raise InvalidInput.of("file_empty", name=name)
    if len(text) > MAX_TEXT:
        raise InvalidInput.of("text_too_large", name=name, n=len(text), limit=MAX_TEXT)
    typed = legacy_font(text.splitlines())
    if typed is not None:  # read on, it gave a draft of nothing and a warning that all is missing
        sample = " ".join(typed[1].split()[:6])[:60]
        raise InvalidInput.of("text_legacy_font", name=name, font=typed[0], sample=sample)
    return text, tables


def extract_file(
    source: str | Path,
    units: Sequence[KnownUnit] = (),
    *,
    today: date | None = None,
    on: date | None = None,
    chair: str | None = None,
    stdin: BinaryIO | TextIO | None = None,
) -> Draft:
    """Read ``source`` (see :func:`read_document`) and draft the meeting it reports."""
    text, tables = read_document(source, stdin=stdin)
    return extract(text, units, today=today, on=on, chair=chair, tables=tables)
