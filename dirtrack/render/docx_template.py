"""An office's own Word template for its documents: found, checked, filled.

A template is a .docx with docxtpl (Jinja) placeholders. It is checked when it is given
(``office set --template``, ``report --template``): a missing file, a file that is not a Word
document, or a placeholder dirtrack does not fill is an ``Error:`` line before anything is
written.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from dirtrack.errors import InvalidInput


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
    return path.resolve()
