"""The cell values of chosen sheets of an ``.xlsx`` file, streamed, nothing else.

What ``openpyxl.load_workbook(path, read_only=True, data_only=True)`` gives for a cell's value
(shared and inline strings, numbers as ``int`` or ``float``, booleans, a formula's cached
value, numbers in a date format as ``datetime``), read straight from the file's XML with the
standard library: no fonts, fills, borders, theme or properties are built, only the number
formats that tell a date from a number. ``pack in`` reads 500 returned packs with it several
times faster than openpyxl does. openpyxl's own date rules and conversions are reused
(:func:`openpyxl.styles.numbers.is_date_format`, :func:`openpyxl.utils.datetime.from_excel`).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, fromstring, iterparse

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOCUMENT = "/officeDocument"
_ROW, _CELL, _VALUE, _INLINE = f"{MAIN}row", f"{MAIN}c", f"{MAIN}v", f"{MAIN}is"
_T, _R = f"{MAIN}t", f"{MAIN}r"


class NotWorkbook(Exception):
    """The file is not a workbook this module can read (not a zip, a part missing, bad XML)."""


def _text(node: Element) -> str:
    """A string item's text: its ``t``, or the ``t`` of each run (phonetic runs left out)."""
    parts: list[str] = []
    for child in node:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            found = child.find(_T)
            if found is not None:
                parts.append(found.text or "")
    return "".join(parts)


def _column(ref: str) -> int:
    """1 for ``A7``, 28 for ``AB7``."""
    number = 0
    for char in ref:
        if "A" <= char <= "Z":
            number = number * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            number = number * 26 + ord(char) - 96
        else:
            break
    return number


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


class Workbook:
    """An open ``.xlsx`` file: its sheet names (in order, with their state) and the values of
    any sheet's rows. Use it as a context manager (the file is closed at the end).

    Raises:
        NotWorkbook: on opening, and while reading a sheet.
    """

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise NotWorkbook(str(exc)) from None
        try:
            self._open()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *_: object) -> None:
        self._zip.close()

    def _xml(self, name: str) -> Element:
        try:
            return fromstring(self._zip.read(name))
        except (KeyError, ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise NotWorkbook(f"{name}: {exc}") from None

    def _targets(self, part: str) -> dict[str, tuple[str, str]]:
        """The relationships of ``part``: id -> (type, the target's name in the zip)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self._zip.NameToInfo:
            return {}
        found: dict[str, tuple[str, str]] = {}
        for node in self._xml(rels).iter(f"{PKG}Relationship"):
            target = node.get("Target") or ""
            if node.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            found[node.get("Id") or ""] = (node.get("Type") or "", target)
        return found

    def _open(self) -> None:
        document = next(
            (t for kind, t in self._targets("").values() if kind.endswith(_DOCUMENT)),
            "xl/workbook.xml",
        )
        root = self._xml(document)
        targets = self._targets(document)
        pr = root.find(f"{MAIN}workbookPr")
        date1904 = pr is not None and (pr.get("date1904") or "").lower() in ("1", "true")
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.sheets: dict[str, tuple[str, str]] = {}  # name -> (part, state)
        for node in root.iter(f"{MAIN}sheet"):
            target = targets.get(node.get(f"{REL}id") or "")
            if target is not None:
                self.sheets[node.get("name") or ""] = (target[1], node.get("state") or "visible")
        by_kind = {kind.rsplit("/", 1)[-1]: target for kind, target in targets.values()}
        self._strings_part = by_kind.get("sharedStrings")
        self._styles_part = by_kind.get("styles")
        self._strings: list[str] | None = None
        self._dates: tuple[frozenset[int], frozenset[int]] | None = None

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def _shared(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if self._strings_part and self._strings_part in self._zip.NameToInfo:
                for node in self._xml(self._strings_part).iter(f"{MAIN}si"):
                    self._strings.append(_text(node).replace("x005F_", ""))
        return self._strings

    def _date_styles(self) -> tuple[frozenset[int], frozenset[int]]:
        """The cell formats (``s``) that hold dates, and among them durations."""
        if self._dates is None:
            from openpyxl.styles.numbers import (
                BUILTIN_FORMATS,
                is_date_format,
                is_timedelta_format,
            )

            dates: set[int] = set()
            durations: set[int] = set()
            if self._styles_part and self._styles_part in self._zip.NameToInfo:
                root = self._xml(self._styles_part)
                custom = {
                    node.get("numFmtId"): node.get("formatCode") or ""
                    for node in root.iter(f"{MAIN}numFmt")
                }
                xfs = root.find(f"{MAIN}cellXfs")
                for index, xf in enumerate(xfs if xfs is not None else ()):
                    number = xf.get("numFmtId") or "0"
                    code = custom.get(number)
                    if code is None and number.isdigit():
                        code = BUILTIN_FORMATS.get(int(number))
                    if code and is_date_format(code):
                        dates.add(index)
                        if is_timedelta_format(code):
                            durations.add(index)
            self._dates = (frozenset(dates), frozenset(durations))
        return self._dates

    def rows(self, name: str) -> Iterator[tuple[int, dict[int, Any]]]:
        """The rows of sheet ``name`` that hold a cell: (row number, {column number: value}),
        in the order of the file. Cells without a value are left out."""
        part = self.sheets[name][0]
        try:
            stream: IO[bytes] = self._zip.open(part)
        except (KeyError, zipfile.BadZipFile, OSError, ValueError) as exc:
            raise NotWorkbook(f"{part}: {exc}") from None
        try:
            yield from self._rows(stream)
        except (ParseError, zipfile.BadZipFile, OSError, EOFError) as exc:
            raise NotWorkbook(f"{part}: {exc}") from None
        finally:
            stream.close()

    def _rows(self, stream: IO[bytes]) -> Iterator[tuple[int, dict[int, Any]]]:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        dates, durations = self._date_styles()
        number_row = 0
        for _, node in iterparse(stream):
            if node.tag != _ROW:
                continue
            given = node.get("r")
            number_row = int(given) if given and given.isdigit() else number_row + 1
            values: dict[int, Any] = {}
            column = 0
            for cell in node.iter(_CELL):
                ref = cell.get("r")
                column = _column(ref) if ref else column + 1
                kind = cell.get("t", "n")
                value: Any = None
                if kind == "inlineStr":
                    inline = cell.find(_INLINE)
                    value = _text(inline) if inline is not None else None
                else:
                    raw = cell.findtext(_VALUE) or None
                    if raw is None:
                        continue
                    try:
                        if kind == "n":
                            value = _number(raw)
                            style = int(cell.get("s") or 0)
                            if style in dates:
                                try:
                                    value = from_excel(
                                        value, self.epoch, timedelta=style in durations
                                    )
                                except (OverflowError, ValueError):
                                    value = "#VALUE!"
                        elif kind == "s":
                            value = self._shared()[int(raw)]
                        elif kind == "b":
                            value = bool(int(raw))
                        elif kind == "d":
                            value = from_ISO8601(raw)  # type: ignore[no-untyped-call]
                        else:  # str (a formula's text), e (an error)
                            value = raw
                    except (ValueError, IndexError, TypeError) as exc:
                        raise NotWorkbook(f"{ref}: {exc}") from None
                if value is not None:
                    values[column] = value
            node.clear()
            if values:
                yield number_row, values
