"""Text a spreadsheet would run as a formula, made inert: one rule for every CSV and workbook.

The rule (OWASP's for CSV injection): text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is a formula to Excel and LibreOffice, so every text field dirtrack writes to a
spreadsheet or a CSV file from user text is marked as text:

- in a CSV file, by a leading apostrophe (``'=HYPERLINK(…)``), which a spreadsheet shows as text;
  to keep this reversible, text that already starts with apostrophes and then a formula character
  gets one more, and :func:`from_csv_field` (used by ``import``) takes exactly one away, so a
  CSV written by dirtrack reads back as the text that was typed;
- in a workbook, by a string cell with Excel's quote prefix (what Excel records when one types
  the apostrophe): the cell holds the text exactly as typed, and nothing has to be undone when
  the sheet is imported back; but in the sheet ``export --format xlsx`` writes to be read back,
  text that already starts with apostrophes and then a formula character gets one more, as in
  CSV (:func:`sheet_text`), since a spreadsheet saving that sheet as CSV writes the cell's text
  alone, and ``import`` takes exactly one such apostrophe away from a workbook's cell as from a
  CSV field: one rule, so the text comes back as typed either way. A workbook cell with one
  apostrophe alone before the formula character is no such mark (the export never writes one:
  its mark is the quote prefix) but what a spreadsheet holds when one types ``''=x``: it is
  read as it is (:func:`from_sheet_cell`).

Numbers stay numbers (-5 typed as a number is no formula); only text is marked. JSON is the
lossless format and is never marked.
"""

from __future__ import annotations

from typing import Any

from dirtrack.text import MAX_TEXT, excel_length

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# The most characters one Excel cell holds (the register's texts are held to it).
XLSX_CELL_LIMIT = MAX_TEXT


def _starts_formula(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_START)


def csv_field(value: Any) -> Any:
    """``value`` as a CSV field: text that starts a formula gets a leading apostrophe."""
    if isinstance(value, str) and _starts_formula(value):
        return "'" + value
    return value


def sheet_text(text: str) -> str:
    """``text`` as a cell of the sheet ``import`` reads back: one more apostrophe before the
    apostrophes a formula character follows (``'=x`` as ``''=x``), taken away by
    :func:`from_csv_field` whether the sheet is read as a workbook or saved as CSV."""
    return "'" + text if text.startswith("'") and _starts_formula(text) else text


def from_csv_field(text: str) -> str:
    """The text :func:`csv_field` (or :func:`sheet_text`) was given: the one apostrophe it
    added taken away."""
    if text.startswith("'") and _starts_formula(text[1:]):
        return text[1:]
    return text


def from_sheet_cell(text: str) -> str:
    """A workbook cell's text as ``import`` reads it: :func:`from_csv_field`'s rule, but for a
    cell with one apostrophe alone before a formula character, kept as it is.

    In a workbook dirtrack's mark is the cell's quote prefix, which is no character of the
    text; the only apostrophe it adds is :func:`sheet_text`'s, before another one. A cell
    ``'=x`` is what a spreadsheet holds when one types ``''=x`` (the first apostrophe its own
    quote prefix): the text the person sees, kept whole. ``''=x`` is the export's ``'=x``.
    """
    if text.startswith("''"):
        return from_csv_field(text)
    return text


class CellTooLong(ValueError):
    """Text longer than an Excel cell holds (:data:`XLSX_CELL_LIMIT`)."""

    def __init__(self, length: int) -> None:
        super().__init__(f"{length} characters, more than the {XLSX_CELL_LIMIT} of a cell")
        self.length = length


def set_text(cell: Any, text: str) -> Any:
    """Put ``text`` in the openpyxl ``cell`` as text, never a formula; return the cell.

    Characters a workbook cannot hold (C0 controls other than tab, newline, carriage return)
    are left out, as Excel itself cannot store them.

    Raises:
        CellTooLong: the text does not fit in one cell; nothing is cut.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    length = excel_length(text)
    if length > XLSX_CELL_LIMIT:
        raise CellTooLong(length)
    cell.value = text
    cell.data_type = "s"
    if _starts_formula(text):
        cell.quotePrefix = True
    return cell


def sheet_value(sheet: Any, value: Any) -> Any:
    """``value`` for ``sheet.append``: text as a cell made by :func:`set_text`, else itself."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import Cell

    return set_text(Cell(sheet, row=1, column=1), value)  # append places it
