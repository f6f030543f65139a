"""What a row is when it is no directive: the notes or signature block under the table, the
header of another table, a subtotal, the table's header printed again, or a heading (of a section,
a meeting, or the unit of the rows under it); and whether a row's text names a unit or a
meeting's document.

Reading a directive's row is :mod:`.rows`; the meeting and the unit a heading names are found by
:mod:`.meetings` and :mod:`.units`.
"""

from __future__ import annotations

import re

from dirtrack.errors import DirtrackError, InvalidInput, NotFound
from dirtrack.i18n import Phrase
from dirtrack.store import bulk, limits
from dirtrack.text import fold, fold_words, nfc
from dirtrack.transfer import values as cells
from dirtrack.transfer.headers import match_header, names_a_count
from dirtrack.transfer.layout import Layout
from dirtrack.transfer.sheet_import.meetings import MeetingNames
from dirtrack.transfer.sheet_import.plan import Planned
from dirtrack.transfer.sheet_import.units import UnitNames
from dirtrack.transfer.values import Value

# Fields whose cells make a row more than a heading.
_BODY = ("unit", "with", "due", "extended", "progress", "result", "completed_on", "product", "key")
# The first cell of the notes or the signature block under the table (folded words).
_FOOTER = re.compile(
    r"^(?:noi nhan|nguoi lap|nguoi ky|thu truong|chanh van phong|pho chanh van phong"
    r"|t/?m\.? |k/?t\.? |xac nhan cua"
    # the notes under the table: "Ghi chú:", "* Chú thích", "Lưu ý:"
    r"|[*\-–•\s]*(?:ghi chu|chu thich|chu giai|luu y|note|notes)\s*(?:[:*]|$)"
    # a signer's title alone in its cell: "GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "LÃNH ĐẠO ĐƠN VỊ"
    r"|(?:pho\s+)?(?:giam doc|chu tich|bi thu|truong ban|truong phong|chanh an|vien truong)\s*$"
    r"|lanh dao (?:don vi|co quan)\s*$)"
)
# The place and day over the signatures, alone in its row: "Tây Ninh, ngày 30 tháng 6 năm 2025",
# "ngày … tháng … năm 2025" (folded).
_SIGNED_ON = re.compile(
    r"^(?:[^\d,;:]{2,60},\s*)?ngay\s+(?:\d{1,2}|[.…]+)\s+thang\s+(?:\d{1,2}|[.…]+)"
    r"\s+nam\s+\d{4}\s*$"
)
# A subtotal or total row: "Tổng cộng", "Tổng số: 12 nhiệm vụ", "Cộng", "Cộng II", "Cộng: 02
# nhiệm vụ" (folded words).
_TOTAL = re.compile(
    r"^(?:tong cong|tong so|total|subtotal|grand total)\b"
    r"|^(?:cong|tong|sum)(?: [ivxlc]+| [a-z]| \d+)?$"
    r"|^(?:cong|tong) \d+ (?:nhiem vu|viec|noi dung|van ban|ket luan)\b"
)
# A heading's own number before its words: "I. ", "A) ", "2: ".
_HEADING_MARK = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})[.):]\s+")
# A heading naming a field of work, a group of tasks or a bloc of units ("Khối Đảng", "Khối
# chính quyền") (folded words).
_FIELD_HEADING = re.compile(r"^(?:\d{1,2} )?(?:ve )?(?:linh vuc|nhom nhiem vu|cac nhiem vu|khoi)\b")
# "(05 nhiệm vụ)", "- 5 nhiệm vụ" after a unit's name in a heading.
_COUNT_TAIL = re.compile(r"\s*(?:\([^)]*\)|[-–:]\s*\d+\s+\w+(?:\s+\w+)?)\s*$")
# A row's number (STT): a whole one ("3", "3."), and one numbered under it ("3.1").
WHOLE_STT = re.compile(r"^(\d{1,3})\.?$")
_CHILD_STT = re.compile(r"^(\d{1,3})\.\d{1,3}\b")
# An item under a heading: "a)", "b.", or a bullet ("-", "+", "•")
_ITEM_STT = re.compile(r"^(?:[a-zđ][).]|[-+•–*])$", re.IGNORECASE)
# Words naming a meeting or its document, in a heading over the rows it gave (folded).
_SOURCE_WORDS = re.compile(
    r"\b(?:ket luan|thong bao|hoi nghi|cuoc hop|buoi lam viec|van ban|chi thi|nghi quyet"
    r"|cong van|ke hoach|giao ban|phien hop|bien ban|meeting|conclusion)\b"
)


class RowKinds(UnitNames, MeetingNames):
    """Telling headings, totals and the end of the table from directives (see the module)."""

    def _unit_of_sheet(self, layout: Layout) -> None:
        """The unit of a sheet without a unit column, when it names one: a workbook of one
        sheet per unit, each named after a registered unit (``Sở Nội vụ``, ``SNV``), or a
        title line naming it (``Đơn vị: Sở Tài chính``), read as a heading over every row (a
        heading below may name another)."""
        named = self._lookup(nfc(layout.sheet.name)) if layout.sheet.name else None
        line = layout.unit_line()
        if isinstance(named, int):
            self.current_unit = named
            self.unit_headings += 1
        elif line is not None:
            number, name = line
            heading = self._planned(number, heading=name)
            self._unit_heading(heading, name, in_table=False)
            self.plans.append(heading)

    def _is_footer(self, values: list[Value]) -> bool:
        """Whether the row begins the notes or the signature block under the table: its first
        cell says so, and it names no lead unit, unless every cell it fills says so (``NGƯỜI LẬP
        BIỂU`` and ``GIÁM ĐỐC`` typed under the unit column); or it holds only the place and
        day over the signatures (``Tây Ninh, ngày 30 tháng 6 năm 2025``)."""
        filled = (v for v in values if not cells.is_blank(v))  # folded when looked at only
        first, second = next(filled, None), next(filled, None)
        if first is None:
            return False
        said = fold(cells.text(first))
        if second is None and _SIGNED_ON.match(said):
            return True  # the place and day, alone, in whichever column it is typed
        if not _FOOTER.match(said):
            return False
        rest = [v for v in (second, *filled) if v is not None]
        return cells.is_blank(self._get(values, "unit")) or all(
            _FOOTER.match(fold(cells.text(v))) for v in rest
        )

    def _other_header(self, values: list[Value]) -> bool:
        """Whether the row is the header of another table pasted under this one (``STT | Nội
        dung hạn chế | Đơn vị`` under the directives, or their columns in another order): every
        cell it fills names a column, two at least exactly, and it is not this table's header
        again. Read as a directive, it would be one of unit ``Đơn vị``, and the rows under it
        would be read by this table's columns."""
        if not all(isinstance(v, str) for v in values if v):
            return False
        exact = 0
        filled = 0
        for value in values:  # a cell that names no column ends it (a row of 10,000 cells)
            if cells.is_blank(value):
                continue
            filled += 1
            written = cells.text(value)
            found = match_header(written)
            if found is None and not names_a_count(written):
                return False
            exact += found is not None and found.score >= 3
        if filled < 2 or exact < 2:
            return False
        return not self._repeats_header(values)

    def _is_total(self, values: list[Value], written: str, stt: str) -> bool:
        """A subtotal or total row ("Tổng cộng", "Cộng", "Tổng số: 12"): it names no lead unit,
        and its other cells hold counts, not a directive's."""
        if not cells.is_blank(self._get(values, "unit")):
            return False
        return bool(_TOTAL.match(fold_words(written or stt)))

    def _repeats_header(self, values: list[Value]) -> bool:
        """A row that is the table's header again (``STT | Nội dung | Đơn vị chủ trì …`` over
        a second part of the sheet, ``II. NHIỆM VỤ CHƯA HOÀN THÀNH``, or one of its rows, as a
        header of two rows is printed again on each page): two cells or more, each the header
        of its column (or a row's part of it: ``Đơn vị`` over ``Chủ trì``) or a name of that
        column's field."""
        said = 0
        for i in self.content:
            if i >= len(values) or cells.is_blank(values[i]):
                continue
            column = self.layout.column(i)
            written = cells.text(values[i])
            found = match_header(written)
            piece = f" {fold_words(written)} " in f" {fold_words(column.header)} "
            if not piece and (found is None or found.field != column.field or found.score < 3):
                return False
            said += 1
        return said >= 2

    def _section_above(self, stt: str, values: list[Value]) -> None:
        """A row numbered under the one before (``1.1`` after ``1``, which held only its text)
        makes that one the heading it is: ``1 | Lĩnh vực tổ chức, cán bộ``."""
        if not self.plans or self.plans[-1].section is None:
            return
        above = self.plans[-1]
        child = _CHILD_STT.match(stt)
        # "1 | KHỐI ĐẢNG" in capitals over rows numbered anew (1, or a, b, -), or over
        # directives not numbered at all: a group's heading
        whole = WHOLE_STT.match(stt)
        anew = (whole is not None and whole[1] == "1") or _ITEM_STT.match(stt) is not None
        anew |= not stt and not cells.is_blank(self._get(values, "unit"))
        if (child is not None and above.section == child[1]) or (anew and above.text.isupper()):
            self.plans[-1] = self._heading(above.row, above.text)

    def _body_blank(self, values: list[Value]) -> bool:
        """Whether every cell that makes a row more than a heading is empty."""
        layout = self.layout
        body = [i for name in _BODY if (i := layout.single.get(name)) is not None]
        body += [i for name in ("done_mark", "open_mark") for i in layout.multi.get(name, [])]
        return not any(i < len(values) and not cells.is_blank(values[i]) for i in body)

    def _is_heading(self, number: int, values: list[Value], written: str, stt: str) -> bool:
        layout = self.layout
        text_col, unit_col = layout.single.get("text"), layout.single.get("unit")
        sheet = layout.sheet
        if sheet.merged and text_col is not None:
            # merged across the table: over the text and the lead unit (or, without a unit
            # column, over the text and any other column of the table)
            merge = sheet.merge_of(number, text_col)
            others = [unit_col] if unit_col is not None else self.content
            if merge is not None and any(
                i != text_col and merge == sheet.merge_of(number, i) for i in others
            ):
                return True
        if not self._body_blank(values):
            return False
        heading = written or stt
        if cells.is_heading_mark(stt, heading):
            return True
        if _FIELD_HEADING.match(fold_words(heading)):
            return True  # "Lĩnh vực kinh tế", "1. Lĩnh vực tài chính", "Khối Đảng"
        if written.isupper() and (WHOLE_STT.match(stt) is None or self._names_source(written)):
            # "KHỐI CHÍNH QUYỀN", "CÁC ĐƠN VỊ SỰ NGHIỆP": a group's name in capitals. Numbered
            # as the directives are ("3 | TỔ CHỨC HỘI NGHỊ"), it is a heading only when rows
            # numbered under it follow (see _section_above): else a directive missing its cells;
            # unless it names a meeting's document ("1 | KẾT LUẬN SỐ 12-KL/TU NGÀY 2/3/2022").
            return True
        if layout.no_unit is not None and written and self._names_unit(written):
            return True  # "1 | Sở Nội vụ" over its directives, in a register grouped by unit
        return not (written and stt) and bool(_SOURCE_WORDS.search(fold(heading)))

    @staticmethod
    def _names_source(written: str) -> bool:
        """Whether a row's text names the document or meeting of the rows under it: its kind
        and its number or day (``Kết luận số 123-KL/TU ngày 12/3/2022``), not the words alone
        (``XÂY DỰNG KẾ HOẠCH …`` is a directive)."""
        if not _SOURCE_WORDS.search(fold(written)):
            return False
        return cells.doc_number(written) is not None or cells.first_day(written) is not None

    def _heading(self, number: int, heading: str) -> Planned:
        heading = _HEADING_MARK.sub("", heading) or heading
        p = self._planned(number, heading=heading)
        try:
            found = self._find_meeting(heading, None, None, heading=True)
        except InvalidInput as exc:
            p.problem(exc, self._col("text"))
            return p
        if isinstance(found, Phrase | DirtrackError):
            p.problem(found, self._col("text"))
        elif found is not None:
            self.current = found
            p.meeting, p.held = found
        elif self.layout.no_unit is not None:
            self._unit_heading(p, heading)
        return p

    def _names_unit(self, written: str) -> bool:
        """Whether a row's text is a unit's name alone: a registered unit's, or a body's in
        capitals (``SỞ XÂY DỰNG``)."""
        name = _COUNT_TAIL.sub("", _HEADING_MARK.sub("", written)).strip(" :.-–")
        if isinstance(self._lookup(name), int):
            return True
        return name.isupper() and cells.starts_body(name)

    def _unit_heading(self, p: Planned, heading: str, *, in_table: bool = True) -> None:
        """In a register grouped by unit (no lead unit column), a heading naming a unit (``I.
        SỞ NỘI VỤ``, ``2. Sở Tài chính (05 nhiệm vụ)``) is the lead unit of the rows under it,
        matched as any unit name; one beginning with a body's name (``Sở Xây dựng``) that is
        not registered is an unknown unit, made by --create-units. Other headings (``Lĩnh vực
        kinh tế``) leave the unit as it was."""
        name = _COUNT_TAIL.sub("", heading).strip(" :.-–")
        if not name:
            return
        found = self._lookup(name)
        if isinstance(found, int):
            self.current_unit = found
            self.unit_headings += 1
            p.leads = [found]
            return
        if not cells.starts_body(name):
            return
        self.unit_headings += 1
        self.unit_heading_row = p.row
        if isinstance(found, NotFound) and self.options.create_units:
            longer = limits.too_long(bulk.UNIT, "name", nfc(name))
            made = self._new_unit(name) if longer is None else longer
            if isinstance(made, int):
                self.current_unit = made
                p.leads = [made]
                return
            found = made
        self.current_unit = found
        p.problem(found, self._col("text") if in_table else None)
        if isinstance(found, NotFound):
            self._unknown(name, found, p)
