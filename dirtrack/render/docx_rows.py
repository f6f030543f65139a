"""A Word table's rows under its header, written as XML into the saved file.

A table of a large register holds some hundred thousand cells; as python-docx's XML tree (lxml
elements, about 5 KB a cell) they took most of a report's memory (600-900 MB at 100,000
directives). So a table's body rows are not put in the tree: python-docx makes the document
without them (its header row, styles, sections, pictures), where they go is marked with a
comment in the table, and :func:`save` writes the package part by part, the rows written into
``word/document.xml`` at their marks as they are produced, the same XML python-docx and lxml
would have written, byte for byte.
"""

from __future__ import annotations

import io
import itertools
import re
import secrets
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dirtrack.render.official import LINE_BREAK

# Marks of this run (a comment no text in the document can make: its "<" is escaped).
_TOKEN = secrets.token_hex(8)
_MARK = re.compile(rb"<!--dirtrack-rows " + _TOKEN.encode() + rb" (\d+)-->")
_numbers = itertools.count(1)
# The rows marked and not yet written, by number.
_pending: dict[int, Rows] = {}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_INNER_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK = 1 << 16  # characters written to the zip at a time
# The data rows at a long table's end kept on one page (half of a table of fewer): an office
# sends back a table whose last page holds two rows alone under its repeated header.
TAIL_ROWS = 4


@dataclass
class Rows:
    """The rows of one table under its header: each row's cell texts; the cells' width
    elements (the header's), alignments (None: the paragraph's own), the size (half points)
    of the paragraph marks and of the text; the first of the rows of totals (bold); and which
    rows are kept on the page of the next (a short table whole, a last row with what follows
    the table; a longer table's ends, so that no page holds its header over one row alone, nor
    begins with a few of its last rows alone under the repeated header: the last
    :data:`TAIL_ROWS` data rows, or half of a shorter table's, stay together with the totals
    under them)."""

    texts: list[list[str]]
    widths: list[str]
    aligns: list[str | None]
    mark_size: str
    run_size: str
    first_total: int
    keep_all: bool = False
    keep_last: bool = False
    keep_ends: bool = False

    def kept(self, index: int) -> bool:
        """Whether row ``index`` is kept on the page of the next one."""
        last = len(self.texts) - 1
        if index < last and self.keep_all:
            return True
        if index == last:
            return self.keep_last
        # the first row with the second; the last data rows with one another (and so with the
        # totals under them): a split table's last page holds more than two of its rows
        data = min(self.first_total, last + 1)
        tail = min(TAIL_ROWS, (data + 1) // 2)
        return self.keep_ends and (index == 0 or index >= data - tail)

    def xml(self) -> Iterator[str]:
        """The rows' XML, a row at a time."""
        mark = f'<w:sz w:val="{self.mark_size}"/><w:szCs w:val="{self.mark_size}"/>'
        for index, row in enumerate(self.texts):
            keep = "<w:keepNext/>" if self.kept(index) else ""
            bold = "<w:b/>" if index >= self.first_total else '<w:b w:val="0"/>'
            run = f'<w:rPr>{bold}<w:sz w:val="{self.run_size}"/></w:rPr>'
            cells = []
            for text, width, align in zip(row, self.widths, self.aligns, strict=True):
                jc = f'<w:jc w:val="{align}"/>' if align else ""
                cells.append(
                    f"<w:tc><w:tcPr>{width}</w:tcPr><w:p><w:pPr>{keep}{jc}<w:rPr>{mark}"
                    f"</w:rPr></w:pPr><w:r>{run}{_text(text)}</w:r></w:p></w:tc>"
                )
            yield "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>"


def _escaped(text: str) -> str:
    if _NOT_XML.search(text):  # as lxml refuses it
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control "
            "characters"
        )
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(text: str) -> str:
    """A run's content: a hyphen inside a word (a date, ``46-QĐ/TU``) as one the line never
    breaks at (Word's non-breaking hyphen; it reads back as ``-``); a line break the text holds
    (LF, CR or both) a line break and a tab a tab, as python-docx writes a paragraph's text
    (raw in the text, LibreOffice set one as a space and another as a break)."""
    out: list[str] = []
    for number, line in enumerate(LINE_BREAK.split(text)):
        if number:
            out.append("<w:br/>")
        for index, piece in enumerate(_INNER_HYPHEN.split(line)):
            if index:
                out.append("<w:noBreakHyphen/>")
            for place, part in enumerate(piece.split("\t")):
                if place:
                    out.append("<w:tab/>")
                if part:
                    out.append(f'<w:t xml:space="preserve">{_escaped(part)}</w:t>')
    return "".join(out)


def _attributes(attrib: Any) -> str:
    """An element's attributes as lxml writes them in a python-docx part (``w:`` prefixed)."""
    names = {_W: "w:", _XML: "xml:"}
    pieces = []
    for key, value in attrib.items():
        space, _, local = key.rpartition("}")
        value = _escaped(value).replace('"', "&quot;")
        pieces.append(f' {names[space + "}"] if space else ""}{local}="{value}"')
    return "".join(pieces)


def width_element(tcW: Any) -> str:
    """A cell's ``w:tcW`` element as XML, the same as the header cell's ``tcW``."""
    return f"<w:tcW{_attributes(tcW.attrib)}/>"


def add(tbl: Any, rows: Rows) -> None:
    """Mark ``rows`` as the body of the table ``tbl`` (after its header row)."""
    from lxml import etree

    number = next(_numbers)
    _pending[number] = rows
    tbl.append(etree.Comment(f"dirtrack-rows {_TOKEN} {number}"))


def of(tbl: Any) -> Rows | None:
    """The rows marked in the table ``tbl``, if its body is written at saving."""
    from lxml import etree

    last = tbl[-1] if len(tbl) else None
    if last is None or last.tag is not etree.Comment:
        return None
    found = _MARK.fullmatch(f"<!--{last.text}-->".encode())
    return _pending.get(int(found[1])) if found else None


# Parts' XML trees that never change once made (the styles of the documents copied from one
# blank, shared by them), by id, with the bytes they are saved as, serialized once.
_constant: dict[int, tuple[Any, bytes | None]] = {}


def constant(element: Any) -> None:
    """Save the part of ``element`` (its root) serialized once, however many documents hold
    it: nothing may change it afterwards."""
    _constant.setdefault(id(element), (element, None))


def _blob(part: Any) -> bytes:
    element = getattr(part, "_element", None)
    if element is None or id(element) not in _constant:
        return bytes(part.blob)
    held, blob = _constant[id(element)]
    if blob is None:
        blob = bytes(part.blob)
        _constant[id(element)] = (held, blob)
    return blob


def save(doc: Any) -> bytes:
    """The python-docx document ``doc`` as the bytes of its file, as ``doc.save`` writes it
    (python-docx's package writer, part by part, in its order), each table's rows written in
    at its mark as the part is compressed."""
    from docx.opc.pkgwriter import PackageWriter

    writes: Any = PackageWriter  # its steps, partly untyped
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        writer: Any = _Writer(target)  # as python-docx's PhysPkgWriter
        writes._write_content_types_stream(writer, package.parts)
        writes._write_pkg_rels(writer, package.rels)
        for part in package.parts:  # as PackageWriter._write_parts
            writer.write(part.partname, _blob(part))
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
    for number in writer.used:  # written: let them go
        _pending.pop(number, None)
    return out.getvalue()


class _Writer:
    """python-docx's zip writer (``write(pack_uri, blob)``), a part with marks written with
    the rows at them."""

    def __init__(self, target: zipfile.ZipFile) -> None:
        self.target = target
        self.used: set[int] = set()  # the marks written

    def write(self, pack_uri: Any, blob: bytes) -> None:
        name = pack_uri.membername
        if _MARK.search(blob) is None:
            self.target.writestr(name, blob)
            return
        info = zipfile.ZipInfo(name, date_time=time.localtime(time.time())[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16  # as writestr gives a part
        with self.target.open(info, "w") as stream:
            _write(stream, blob, self.used)


def _write(stream: Any, part: bytes, used: set[int]) -> None:
    """``part`` into ``stream`` with the rows at each mark, some 64 K characters at a time;
    the marks written are added to ``used``. A mark may be met twice: an office's template
    that places ``{{p report }}`` twice holds the body's tables twice (their rows were let go
    at the first, and the second was 'unexpected KeyError')."""
    done = 0
    for found in _MARK.finditer(part):
        stream.write(part[done : found.start()])
        done = found.end()
        number = int(found[1])
        used.add(number)
        rows = _pending[number]
        block: list[str] = []
        size = 0
        for row in rows.xml():
            block.append(row)
            size += len(row)
            if size >= _BLOCK:
                stream.write("".join(block).encode())
                block, size = [], 0
        stream.write("".join(block).encode())
    stream.write(part[done:])
