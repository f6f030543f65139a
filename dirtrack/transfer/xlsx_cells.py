"""The cell values of chosen sheets of an ``.xlsx`` file, nothing else.

Read with python-calamine (the Rust reader ``calamine``): shared and inline strings, numbers
(``int`` when whole, as openpyxl gives them, else ``float``), booleans, a formula's cached value,
numbers in a date or time format as ``datetime``/``date``/``time``/``timedelta``. No fonts,
fills, borders or theme are built, which is what makes ``pack in`` of 500 returned packs
several times faster than with openpyxl.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any


class NotWorkbook(Exception):
    """The file is not a workbook that can be read (not a zip, a part missing, bad XML)."""


def _value(value: Any) -> Any:
    """openpyxl's value for a cell: None when empty, a whole number as ``int``."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class Workbook:
    """An open ``.xlsx`` file: its sheet names (in order, with their state) and the values of
    any sheet's rows. Use it as a context manager (the file is closed at the end).

    Raises:
        NotWorkbook: on opening, and while reading a sheet.
    """

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        from dirtrack.inputs import ZIP_MAGIC

        try:
            # Given the open file, calamine reads the workbook by what it holds; given its name,
            # by the name's ending: a pack renamed .xls or .ods was "not an Excel workbook that
            # can be read", and a name holding bytes that are not UTF-8 (as any file's may) was
            # no such file (calamine takes the name as UTF-8 text).
            with open(path, "rb") as handle:
                # calamine takes the whole file in memory, and tries each format it reads on
                # it: 2 GB that are no zip took 6 GB and a minute to be found no workbook
                if not handle.read(len(ZIP_MAGIC)).startswith(ZIP_MAGIC):
                    raise NotWorkbook("not a zip archive")
                handle.seek(0)
                self._book = CalamineWorkbook.from_filelike(handle)
            self.sheets = {
                sheet.name: str(sheet.visible).rsplit(".", 1)[-1].lower()
                for sheet in self._book.sheets_metadata
            }
        except (FileNotFoundError, NotWorkbook):
            raise
        except Exception as exc:  # calamine's errors: not a zip, a missing part, bad XML
            raise NotWorkbook(str(exc)) from None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_: object) -> None:
        self._book.close()

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def rows(self, name: str) -> Iterator[tuple[int, dict[int, Any]]]:
        """The rows of sheet ``name`` that hold a cell: (row number, {column number: value}),
        in order. Cells without a value are left out."""
        try:
            rows = self._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine's errors, as above
            raise NotWorkbook(f"{name}: {exc}") from None
        for number, row in enumerate(rows, start=1):
            values = {}
            for column, raw in enumerate(row, start=1):
                value = _value(raw)
                if value is not None:
                    values[column] = value
            if values:
                yield number, values
