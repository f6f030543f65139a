"""An office's own Word template for its documents: found, checked, filled.

A template is a .docx with docxtpl (Jinja) placeholders. It is checked when it is given
(``office set --template``, ``report --template``): a missing file, a file that is not a Word
document, or a placeholder dirtrack does not fill is an ``Error:`` line before anything is
written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dirtrack.errors import InvalidInput

if TYPE_CHECKING:
    from dirtrack.letterhead import Letterhead
    from dirtrack.render.review_doc import Document


def checked_template_path(value: str) -> Path:
    """The template file ``value`` names, made absolute, once it is known to be readable."""
    from dirtrack.inputs import os_reason, read_input

    path = Path(value).expanduser()
    try:  # a folder was "no such file", and a FIFO or /dev/null the same
        data = read_input(path)
    except OSError as exc:
        raise InvalidInput.of("template_unreadable", file=value, reason=os_reason(exc)) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        raise InvalidInput.of("template_broken", file=value) from None
    check_template(path)
    return path.resolve()


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


def _load(path: Path) -> Any:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    try:
        template = DocxTemplate(str(path))
        used = template.get_undeclared_template_variables()
    except TemplateError as exc:
        raise InvalidInput.of("template_syntax", file=str(path), reason=str(exc)) from None
    except Exception:  # python-docx or lxml could not read it
        raise InvalidInput.of("template_broken", file=str(path)) from None
    unknown = sorted(set(used) - set(PLACEHOLDERS))
    if unknown:
        raise InvalidInput.of(
            "template_unknown",
            file=str(path),
            names=", ".join(unknown),
            known=", ".join(PLACEHOLDERS),
        )
    return template


def check_template(path: Path) -> None:
    """Raise InvalidInput unless ``path`` is a template dirtrack can fill."""
    _load(path)


def render_template(path: Path, document: Document, head: Letterhead) -> bytes:
    """The report through the office's template: every placeholder filled, or an error."""
    from jinja2 import TemplateError

    from dirtrack.render.docx_out import Pages, annex_sections, write_annex, write_body
    from dirtrack.render.official import file_properties, keep_with_next_block

    template = _load(path)
    report = template.new_subdoc()
    _template_pages(report, template)
    write_body(report, document, formal=True).turn(False)  # the template's text follows
    keep_with_next_block(report)  # the template's signature follows the body
    annex = template.new_subdoc()
    parts = annex_sections(document)
    if parts:
        _template_pages(annex, template)
        pages = Pages(annex)
        wide = pages.turn(True)
        for part in parts:
            write_annex(annex, part, wide, document.lang, head)
        pages.turn(False)
    context = {
        "kind": head.kind,
        "parent_body": head.parent_body or "",
        "body": head.body or "",
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
    try:
        template.render(context, autoescape=True)
    except TemplateError as exc:
        raise InvalidInput.of("template_syntax", file=str(path), reason=str(exc)) from None
    _tidy_sections(template.docx)
    file_properties(template.docx, document.title)  # a new file, not the template's
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _tidy_sections(doc: Any) -> None:
    """After the sub-documents' landscape pages: the last section is not a first page (its
    page number shows), and a document ending on landscape pages (the annex) ends there,
    without an empty portrait page after it."""
    import copy

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
        for tag in ("w:pgSz", "w:pgMar"):
            mine, theirs = final.find(qn(tag)), inner.find(qn(tag))
            if theirs is not None:
                if mine is not None:
                    mine.addprevious(copy.deepcopy(theirs))
                    final.remove(mine)
                else:
                    final.append(copy.deepcopy(theirs))
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
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


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
