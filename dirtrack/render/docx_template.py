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
    path = Path(value).expanduser()
    if not path.is_file():
        raise InvalidInput.of("template_missing", file=value)
    try:
        with zipfile.ZipFile(path) as archive:
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

    from dirtrack.render.chart import completion_png
    from dirtrack.render.docx_out import annex_sections, write_annex, write_body
    from dirtrack.render.official import PAGE_W, margins

    template = _load(path)
    top, bottom, left, right = margins(head.kind)
    usable = PAGE_W - left - right
    chart = completion_png(document.chart_rows, document.lang) if document.chart_rows else None
    report = template.new_subdoc()
    write_body(report, document, usable, chart, formal=True)
    annex = template.new_subdoc()
    for part in annex_sections(document):
        write_annex(annex, part, 29.7 - 4, document.lang, head)
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
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
