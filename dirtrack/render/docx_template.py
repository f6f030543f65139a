"""An office's own Word template for its documents: found, checked, filled.

A template is a .docx with docxtpl (Jinja) placeholders. It is checked when it is given
(``office set --template``, ``report --template``): a missing file, a file that is not a Word
document, or a placeholder dirtrack does not fill is an ``Error:`` line before anything is
written.

A template is filled in Jinja's sandbox (:mod:`dirtrack.render.sandbox`), which refuses what is
not a value's own and bounds the size of what it makes and the work filling it does: each is the
template's error, one ``Error:`` line, as a Jinja syntax error is.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dirtrack.errors import InvalidInput
from dirtrack.i18n import Phrase, Reason
from dirtrack.render.sandbox import LIMITS, WORK, TooLarge, TooMuchWork, environment

if TYPE_CHECKING:
    from dirtrack.letterhead import Letterhead
    from dirtrack.render.report_doc import Document


def checked_template_path(value: str) -> Path:
    """The template file ``value`` names, made absolute, once it is known to be readable."""
    from dirtrack.inputs import MAX_READ_MB, read_input, refused_input, user_path

    path = user_path(value)
    try:  # a folder was "no such file", and a FIFO or /dev/null the same
        data = read_input(path, give=Phrase("give_template"))
    except OSError as exc:
        raise refused_input(value, exc) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo("word/document.xml")
            unpacked = sum(info.file_size for info in archive.infolist())
            # what python-docx holds in memory, measured from the zip's directory before a
            # byte is unpacked: a 1 MB template unpacking to 1 GB took 2 GB of memory to be
            # found broken
            if unpacked > MAX_READ_MB * 1024 * 1024:
                raise InvalidInput.of(
                    "template_unpacks_too_large",
                    file=value,
                    size=-(-unpacked // (1024 * 1024)),
                    limit=MAX_READ_MB,
                )
            _refuse_external(archive, value)
    except (OSError, KeyError, zipfile.BadZipFile):
        raise InvalidInput.of("template_broken", file=value) from None
    check_template(path)
    return path.resolve()


_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _refuse_external(archive: zipfile.ZipFile, value: str) -> None:
    """Refuse a template whose parts point outside the document (``TargetMode="External"``):
    a picture or a file linked rather than held, an attached template, which Word fetches
    when the report is opened (a template's remote picture told its author who opened each
    report, and when). A hyperlink, opened only when clicked, is the one kept.

    Raises:
        InvalidInput: ``template_external``, naming the part and where it points.
    """
    from lxml import etree

    from dirtrack.i18n import cut

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for info in archive.infolist():
        if not info.filename.endswith(".rels"):
            continue
        try:
            root = etree.fromstring(archive.read(info), parser)
        except etree.XMLSyntaxError:
            raise InvalidInput.of("template_broken", file=value) from None
        for link in root.iter(_RELATIONSHIP):
            external = link.get("TargetMode") == "External"
            if external and not str(link.get("Type", "")).endswith("/hyperlink"):
                raise InvalidInput.of(
                    "template_external",
                    file=value,
                    part=info.filename,
                    target=cut(str(link.get("Target", ""))),
                )


# What a template may use. The heading: parent_body, body, number, date_line, type_name,
# subject, to (a list), signer_authority, signer_title, signer_name, copies (a list). The
# report: title, header (a list of label, value), report (the body as a sub-document: put
# ``{{p report }}`` alone on a paragraph) and annex (the annex tables, likewise).
PLACEHOLDERS = (
    "kind",
    "parent_body",
    "body",
    "number",
    "date_line",
    "type_name",
    "subject",
    "to",
    "signer_authority",
    "signer_title",
    "signer_name",
    "copies",
    "title",
    "header",
    "report",
    "annex",
)


# What evaluating a template's expressions raises besides Jinja's own errors: {{ 1 / 0 }},
# {{ to[0] + 1 }}, a float too large, a macro that calls itself without end.
_FILLING_FAILED = (ArithmeticError, LookupError, TypeError, ValueError, RecursionError)


def _load(path: Path) -> Any:
    from docx.oxml.ns import nsmap
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    class _Strict(DocxTemplate):  # type: ignore[misc]
        """docxtpl reads the filled body back in lxml's recovering mode, which drops without a
        word what is not XML (a character XML cannot hold, ``{{ '</w:body>'|safe }}``): the
        rest of the report was left out of a document written as if whole. It is read
        strictly first, and what is not XML is the template's error."""

        def fix_tables(self, xml: str) -> Any:
            from lxml import etree

            etree.fromstring(xml)  # raises XMLSyntaxError
            return super().fix_tables(xml)

    try:
        template = _Strict(str(path))
        used = template.get_undeclared_template_variables(jinja_env=environment())
        template.init_docx()  # read again as it is filled
    except TemplateError as exc:
        raise InvalidInput.of("template_unreadable", file=str(path), reason=_reason(exc)) from None
    except Exception:  # python-docx or lxml could not read it
        raise InvalidInput.of("template_broken", file=str(path)) from None
    if not _printable_page(template.docx):
        raise InvalidInput.of("template_page_setup", file=str(path))
    from docx.opc.constants import RELATIONSHIP_TYPE

    parts = [template.get_xml()] + [  # the body, then each header and footer, as docxtpl reads
        template.get_part_xml(part)
        for kind in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER)
        for _key, part in template.get_headers_footers(kind)
    ]
    for xml in parts:
        joined = _joined_paragraph(xml)
        if joined is not None:
            raise InvalidInput.of("template_joined", file=str(path), text=joined)
    declared = template.docx.element.nsmap
    for prefix in _BODY_PREFIXES:
        if declared.get(prefix) != nsmap[prefix]:
            raise InvalidInput.of(
                "template_namespace", file=str(path), prefix=prefix, uri=nsmap[prefix]
            )
    unknown = sorted(set(used) - set(PLACEHOLDERS))
    if unknown:
        raise InvalidInput.of(
            "template_unknown",
            file=str(path),
            names=", ".join(unknown),
            known=", ".join(PLACEHOLDERS),
        )
    return template


# The prefixes the report's body and annex are written with that their XML does not declare
# (a picture's ``wp:inline``, ``r:embed``): the document's root must, as Word's always does.
# Without them the filled document was no XML, said as a placeholder's fault.
_BODY_PREFIXES = ("w", "wp", "r")

# What docxtpl removes before it reads a template: the XML between a brace and the rest of its
# tag ("{" then "{", "%" or "#"; "%", "}" or "#" then "}"), so that a tag Word split into runs
# reads whole (docxtpl's patch_xml)
_SPLIT_TAG = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", re.DOTALL)
_PARAGRAPH_START = re.compile(r"<w:p[ >]")
_RUN_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _joined_paragraph(xml: str) -> str | None:
    """The text of the first paragraph of ``xml`` (a body, a header, a footer) that docxtpl
    would join to the next one (a paragraph ending in ``{`` before one opening on ``{%p …%}``,
    whose paragraph docxtpl then drops with it: both were gone from the report without a
    word); None if none is."""
    from dirtrack.i18n import cut

    for found in _SPLIT_TAG.finditer(xml):
        if "</w:p>" not in found.group(0):
            continue
        starts = [m.start() for m in _PARAGRAPH_START.finditer(xml, 0, found.start())]
        opened = starts[-1] if starts else 0
        return cut("".join(_RUN_TEXT.findall(xml[opened : found.start()] + "</w:t>")))
    return None


# Word's largest page, either way: 22 inches
_LARGEST_PAGE = 22 * 914400


def _printable_page(doc: Any) -> bool:
    """Whether the page set-up of ``doc``'s last section, which the report's pages take
    (:func:`_template_pages`), gives a page Word prints: its width and side margins there (the
    width left for the tables is read from them), none below 0 or past Word's largest page,
    some width left between the margins. A template with no section properties at all is
    given python-docx's page."""
    if doc.element.body.sectPr is None:
        return True
    section = doc.sections[-1]
    try:
        width, left, right = section.page_width, section.left_margin, section.right_margin
        others = (section.page_height, section.top_margin, section.bottom_margin)
    except ValueError:  # a size that is no number
        return False
    if width is None or left is None or right is None:
        return False
    sizes = [width, left, right, *(v for v in others if v is not None)]
    return all(0 <= v <= _LARGEST_PAGE for v in sizes) and width - left - right > 0


def check_template(path: Path) -> None:
    """Raise InvalidInput unless ``path`` is a template dirtrack can fill."""
    _load(path)


def render_template(path: Path, document: Document, head: Letterhead) -> bytes:
    """The report through the office's template: every placeholder filled, or an error."""
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError
    from lxml.etree import XMLSyntaxError

    from dirtrack.render import docx_rows
    from dirtrack.render.docx_out import Pages, annex_sections, write_annex, write_body
    from dirtrack.render.official import file_properties, keep_with_next_block, lend_styles

    template = _load(path)
    template.init_docx()
    lend_styles(template.docx, head.kind)

    def write_report(report: Any) -> None:
        _template_pages(report, template)
        pages = write_body(report, document, formal=True)
        ended_wide = pages.landscape
        keep_with_next_block(report)  # the last rows, with the break after them, then the signature
        pages.turn(False)  # the template's text follows, on its own pages
        if ended_wide:  # …but the signature goes on the page of the last rows: see _sign_on_it
            _mark(report.subdocx.element.body.xpath("./w:p[w:pPr/w:sectPr]")[-1])
        keep_with_next_block(report)  # the template's signature follows the body

    def write_annexes(annex: Any) -> None:
        parts = annex_sections(document)
        if parts:
            _template_pages(annex, template)
            pages = Pages(annex)
            wide = pages.turn(True)
            for part in parts:
                write_annex(annex, part, wide, document.lang, head)
            pages.turn(False)

    report = _Written(template.new_subdoc(), write_report)
    annex = _Written(template.new_subdoc(), write_annexes)
    context = {
        "kind": head.kind,
        "parent_body": head.parent_body or "",
        "body": head.body or "…",  # as the built-in heading has it: the body is never left out
        "number": head.number,
        "date_line": head.date_line,
        "type_name": head.type_name or "",
        "subject": head.subject,
        "to": head.to,
        "signer_authority": head.signer_authority or "",
        "signer_title": head.signer_title or "",
        "signer_name": head.signer_name or "",
        "copies": head.copies,
        "title": document.title,
        "header": document.header,
        "report": report,
        "annex": annex,
    }
    _leave_out_unset(template.docx, context)
    try:
        template.render(context, jinja_env=environment(), autoescape=True)
    except _NotWritten as failed:  # dirtrack's own writing, not the template's
        raise failed.error from None
    except OverflowError:  # a range of more than 100,000, a float beyond any (10.0 ** 400)
        raise InvalidInput.of("template_too_large", file=str(path), **LIMITS) from None
    except TooLarge:
        raise InvalidInput.of("template_too_large", file=str(path), **LIMITS) from None
    except TooMuchWork:
        raise InvalidInput.of("template_too_long", file=str(path), **WORK) from None
    except SecurityError as exc:
        raise InvalidInput.of("template_unsafe", file=str(path), reason=_reason(exc)) from None
    except XMLSyntaxError as exc:  # the body (see _load) or a header or footer, once filled
        raise InvalidInput.of("template_not_xml", file=str(path), reason=_reason(exc)) from None
    except (TemplateError, *_FILLING_FAILED) as exc:
        raise InvalidInput.of("template_unreadable", file=str(path), reason=_reason(exc)) from None
    _sign_on_it(template.docx)
    _tidy_sections(template.docx)
    file_properties(template.docx, document.title)  # a new file, not the template's
    # template.save less its pictures and media replaced (pre_ and post_processing), which
    # dirtrack never asks for
    return docx_rows.save(template.docx)


# Jinja's words for a template cut short inside a block, which a prefix of any template gives
_CUT_SHORT = "Unexpected end of template"
_RAW_UNCLOSED = "Missing end of raw directive"
# Jinja's words for a tag that takes in another template, in an environment that reads none
_NO_LOADER = "no loader for this environment specified"
# The tags that open a block an ``end…`` tag closes (``set`` only without ``=``)
_BLOCK_TAGS = frozenset(
    {"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "raw", "trans", "set"}
)
_TAG_WORD = re.compile(r"\{%[-+]?\s*(\w+)")
_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)
_OPENER = re.compile(r"\{[{%#]")
_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute ('[^']*') of")
_TAG_SHOWN = 80  # characters of a tag a message quotes


def _reason(exc: Exception) -> Reason:
    """What went wrong, as Jinja, Python or lxml say it in English; in another language, the
    place instead (the tag Jinja could not read, the attribute the sandbox refused, the line
    and column of the XML) or the kind of failure: their sentences are not in the catalog."""
    from jinja2 import TemplateSyntaxError
    from jinja2.exceptions import SecurityError
    from lxml.etree import XMLSyntaxError

    english = str(exc) or type(exc).__name__
    instead = Phrase("template_failed_kind", kind=type(exc).__name__)
    if isinstance(exc, TypeError) and _NO_LOADER in english:
        # include, import, extends: the sandbox reads no other file (Jinja's words for it
        # are about its own machinery, in English as in the other language)
        taken = Phrase("template_takes_in")
        return Reason(taken.render("en"), taken)
    if isinstance(exc, TemplateSyntaxError):
        source = exc.source or ""
        left_open = None
        if english.startswith((_CUT_SHORT, _RAW_UNCLOSED)):
            tag, key = _unclosed_tag(source), "template_unclosed"
        else:
            tag, key = _unreadable_tag(source), "template_syntax_at"
            if tag is None:
                tag = left_open = _left_open(source)
        if tag is not None:
            shown = tag if len(tag) <= _TAG_SHOWN else tag[:_TAG_SHOWN] + "…"
            instead = Phrase(key, tag=shown)
        if left_open is not None:  # Jinja's words are of the XML after it ("unexpected '<'")
            english = instead.render("en")
    elif isinstance(exc, SecurityError):
        found = _UNSAFE_ATTRIBUTE.search(english)
        if found is not None:
            instead = Phrase("template_attribute", name=found[1])
    elif isinstance(exc, XMLSyntaxError) and exc.position:
        line, column = exc.position
        instead = Phrase("template_xml_at", line=line, column=column)
    return Reason(english, instead)


def _unreadable_tag(source: str) -> str | None:
    """The first tag of ``source`` (a template's XML) that Jinja cannot read: the template
    up to it reads but for blocks left open, and up to it and no further does not. Found by
    halving (a dozen reads of a large template), only once the template was refused."""
    from jinja2 import TemplateSyntaxError

    env = environment()
    tags = list(_TAG.finditer(source))
    ends = [found.end() for found in tags]

    def fails(end: int) -> bool:
        try:
            env.parse(source[:end])
        except TemplateSyntaxError as exc:
            return not str(exc).startswith(_CUT_SHORT)
        return False

    if not ends or not fails(ends[-1]):
        return None
    low, high = 0, len(ends) - 1  # the first tag whose prefix fails is in ends[low:high + 1]
    while low < high:
        middle = (low + high) // 2
        if fails(ends[middle]):
            high = middle
        else:
            low = middle + 1
    return tags[low][0]


def _left_open(source: str) -> str | None:
    """The placeholder, tag or comment that ``source`` (a template's XML) opens after its last
    whole tag and never closes (``{{ subject`` as the template's last words, ``{%``, ``{#``):
    its text up to the XML that follows it."""
    last = max((found.end() for found in _TAG.finditer(source)), default=0)
    opened = _OPENER.search(source, last)
    if opened is None:
        return None
    return source[opened.start() :].split("<", 1)[0].strip() or None


def _unclosed_tag(source: str) -> str | None:
    """The tag opening the innermost block of ``source`` (a template's XML) that the template
    ends without closing (Jinja says which kind of block, not where)."""
    opened: list[tuple[str, str]] = []
    for found in _TAG.finditer(source):
        word = _TAG_WORD.match(found[0])
        if word is None:
            continue
        name = word[1]
        if opened and opened[-1][0] == "raw" and name != "endraw":
            continue  # a raw block's tags are its text
        if name.startswith("end") and name[3:] in _BLOCK_TAGS:
            while opened and opened.pop()[0] != name[3:]:
                pass
        elif name in _BLOCK_TAGS and not (name == "set" and "=" in found[0]):
            opened.append((name, found[0]))
    return opened[-1][1] if opened else None


class _NotWritten(Exception):
    """What writing a sub-document raised while the template was filled, kept apart from the
    template's own errors (:data:`_FILLING_FAILED`)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class _Written:
    """A sub-document of the report (its body, its annex tables), written the first time the
    template places it: a template that fails before it, or never places it, costs no table
    and no chart (a broken template took a second and more to say so on a large register)."""

    def __init__(self, subdoc: Any, write: Callable[[Any], None]) -> None:
        self._subdoc = subdoc
        self._write: Callable[[Any], None] | None = write

    def __str__(self) -> str:
        if self._write is not None:
            write, self._write = self._write, None
            try:
                write(self._subdoc)
            except Exception as exc:
                raise _NotWritten(exc) from exc
        return str(self._subdoc)

    __html__ = __str__


# The office's details whose line is left out when they are not set, rather than printed blank
# (as the built-in heading leaves out an unset parent body and signer's authority).
_LEFT_OUT_UNSET = ("parent_body", "signer_authority", "signer_title", "signer_name")
_LONE_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*(?:\|[^{}]*)?\}\}")
# The bookmark that marks the section break after the body's last landscape pages.
_BODY_END = "dirtrack_body_end"


def _leave_out_unset(doc: Any, context: dict[str, Any]) -> None:
    """Remove each paragraph of the template that holds nothing but the placeholder of a
    detail of :data:`_LEFT_OUT_UNSET` the office has not set (a cell keeps one paragraph)."""
    for paragraph in _paragraphs(doc):
        found = _LONE_PLACEHOLDER.fullmatch(paragraph.text.strip())
        if found is None or found[1] not in _LEFT_OUT_UNSET or context.get(found[1]):
            continue
        element = paragraph._p
        parent = element.getparent()
        if parent.tag == qn("w:tc") and len(parent.findall(qn("w:p"))) == 1:
            for run in element.findall(qn("w:r")):
                element.remove(run)
            continue
        parent.remove(element)


def _mark(paragraph: Any) -> None:
    """Bookmark ``paragraph`` (an element) as :data:`_BODY_END`, for :func:`_sign_on_it`."""
    from docx.oxml import OxmlElement

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), _BODY_END)
    end.set(qn("w:id"), "0")
    paragraph.append(start)
    paragraph.append(end)


def _sign_on_it(doc: Any) -> None:
    """A body ending on landscape pages (a wide last table) went back to the template's portrait
    pages before the template's text after it, the signature: alone on a page of its own. The
    text after the body up to the next break (the annex's, or the document's end) is set on the
    landscape pages of the last rows instead, so the signature follows them, as in the built-in
    layout."""
    body = doc.element.body
    marks = body.xpath(f".//w:bookmarkStart[@w:name='{_BODY_END}']")
    if not marks:
        return
    holder = marks[0].getparent()
    end = holder.xpath("./w:bookmarkEnd[@w:id='0']")
    for mark in [marks[0], *end[:1]]:
        holder.remove(mark)
    wide = holder.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    if wide is None or holder.getparent() is not body:
        return
    for element in holder.itersiblings():
        if element.tag == qn("w:sectPr"):
            following = element
            break
        following = element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if following is not None:
            break
    else:
        return
    _take_pages(following, wide)
    wide.getparent().remove(wide)


def _take_pages(section: Any, source: Any) -> None:
    """Give the section properties ``section`` the page size and margins of ``source`` (its
    headers and the rest stay its own)."""
    import copy

    for tag in ("w:pgSz", "w:pgMar"):
        mine, theirs = section.find(qn(tag)), source.find(qn(tag))
        if theirs is not None:
            if mine is not None:
                mine.addprevious(copy.deepcopy(theirs))
                section.remove(mine)
            else:
                section.append(copy.deepcopy(theirs))


def _tidy_sections(doc: Any) -> None:
    """After the sub-documents' landscape pages: the last section is not a first page (its
    page number shows), and a document ending on landscape pages (the annex) ends there,
    without an empty portrait page after it."""
    body = doc.element.body
    final = body.sectPr
    breaks = [
        p
        for p in body.iterchildren(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    ]
    if final is None or not breaks:
        return
    last = breaks[-1]
    after = list(last.itersiblings())
    if all(e is final or (e.tag == qn("w:p") and not "".join(e.itertext()).strip()) for e in after):
        inner = last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        _take_pages(final, inner)
        for element in after:
            if element is not final:
                body.remove(element)
        inner.getparent().remove(inner)
    doc.sections[-1].different_first_page_header_footer = False


def _template_pages(subdoc: Any, template: Any) -> None:
    """Give a sub-document the template's page set-up (size, margins, headers), so that the
    landscape pages it adds return to the template's own pages."""
    import copy

    body = subdoc.subdocx.element.body
    own = template.docx.element.body.sectPr
    if own is None:
        return
    if body.sectPr is not None:
        body.remove(body.sectPr)
    body.append(copy.deepcopy(own))


# --- the templates dirtrack ships ---------------------------------------------------------------

KINDS = ("party", "state")
LANGS = ("vi", "en")
# Markers the layout code writes where a placeholder goes (upper case: the heading upper-cases
# some lines), replaced by the placeholder in the saved file.
_MARKS = {
    "@@PARENT@@": "{{ parent_body|upper }}",
    "@@BODY@@": "{{ body|upper }}",
    "@@NUMBER@@": "{{ number }}",
    "@@DATE@@": "{{ date_line }}",
    "@@TYPE@@": "{{ type_name|upper }}",
    "@@SUBJECT@@": "{{ subject }}",
    "@@AUTHORITY@@": "{{ signer_authority|upper }}",
    "@@TITLE@@": "{{ signer_title|upper }}",
    "@@SIGNER@@": "{{ signer_name }}",
}


def template_name(kind: str, lang: str) -> str:
    return f"report-{kind}-{lang}.docx"


def shipped_template(kind: str, lang: str) -> bytes:
    """The default template of an office of ``kind`` in ``lang``, as dirtrack ships it."""
    from importlib.resources import files

    return (files("dirtrack") / "templates" / template_name(kind, lang)).read_bytes()


def default_template(kind: str, lang: str) -> bytes:
    """The default template, made by the code that lays out the report itself (the heading,
    ``Kính gửi``, the signature and ``Nơi nhận`` of :mod:`dirtrack.render.official`), with
    placeholders where the office's details and the report go. ``make templates`` saves it
    into ``dirtrack/templates/``."""
    import copy

    from dirtrack.i18n import t
    from dirtrack.letterhead import Letterhead
    from dirtrack.render.official import heading, new_document, signature

    head = Letterhead(
        kind=kind,
        parent_body="@@PARENT@@",
        body="@@BODY@@",
        number="@@NUMBER@@",
        date_line="@@DATE@@",
        type_name="@@TYPE@@",
        subject="@@SUBJECT@@",
        to=["@@TO@@"],
        signer_authority="@@AUTHORITY@@",
        signer_title="@@TITLE@@",
        signer_name="@@SIGNER@@",
        copies=["@@COPY@@"],
        lang=lang,
    )
    doc, usable = new_document(kind)
    heading(doc, head, usable)
    doc.add_paragraph("{{p report }}")
    signature(doc, head, usable)
    doc.add_paragraph("{{p annex }}")
    label = t("doc_to", lang)
    for paragraph in _paragraphs(doc):
        if "@@TO@@" in paragraph.text:  # Kính gửi as the heading sets it (official.py)
            _recipients(doc, head, usable, label, paragraph)
        elif "@@COPY@@" in paragraph.text:  # one line per recipient
            before, after = copy.deepcopy(paragraph._p), copy.deepcopy(paragraph._p)
            paragraph._p.addprevious(before)
            paragraph._p.addnext(after)
            for element, text in (
                (before, "{%p for name in copies %}"),
                (after, "{%p endfor %}"),
            ):
                runs = element.findall(qn("w:r"))
                for run in runs[1:]:
                    element.remove(run)
                runs[0].find(qn("w:t")).text = text
            paragraph.runs[0].text = paragraph.runs[0].text.replace("@@COPY@@", "{{ name }}")
        for run in paragraph.runs:
            for mark, placeholder in _MARKS.items():
                if mark in run.text:
                    run.text = run.text.replace(mark, placeholder)
    props = doc.core_properties  # made on a fixed day, not each time `make templates` runs
    props.created = props.modified = TEMPLATES_MADE
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


# The day the shipped templates say they were made, and the date of each part of their zip: the
# same content gives the same bytes, so `make templates` run again leaves git status clean.
TEMPLATES_MADE = datetime(2026, 1, 1)


def _fixed_zip(data: bytes) -> bytes:
    """``data`` (a .docx) again with every part dated :data:`TEMPLATES_MADE`, in the order
    python-docx wrote them, as a Unix zip: its bytes depend on its content only."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=TEMPLATES_MADE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(item))
    return out.getvalue()


def _recipients(doc: Any, head: Any, usable: float, label: str, mark: Any) -> None:
    """In place of the paragraph ``mark``: one recipient centred on the line of the label,
    several one under the other, each from ``- `` (nothing when there is none)."""
    from dirtrack.render.official import to_line, to_single

    made = [
        doc.add_paragraph("{%p if to|length == 1 %}"),
        to_single(doc, label, "{{ to[0] }}"),
        doc.add_paragraph("{%p elif to %}"),
        doc.add_paragraph("{%p for name in to %}"),
        to_line(
            doc,
            head,
            usable,
            f"{{% if loop.first %}}{label}{{% endif %}}",
            "- {{ name }}{% if loop.last %}.{% else %};{% endif %}",
        ),
        doc.add_paragraph("{%p endfor %}"),
        doc.add_paragraph("{%p endif %}"),
    ]
    for paragraph in made:
        mark._p.addprevious(paragraph._p)
    mark._p.getparent().remove(mark._p)


def _paragraphs(doc: Any) -> list[Any]:
    """Every paragraph of the body, also those in table cells."""
    found = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return found


def qn(name: str) -> str:
    from docx.oxml.ns import qn as qualified

    return str(qualified(name))


if __name__ == "__main__":  # make templates
    import sys

    where = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / "templates")
    where.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        for lang in LANGS:
            (where / template_name(kind, lang)).write_bytes(default_template(kind, lang))
            print(where / template_name(kind, lang))
