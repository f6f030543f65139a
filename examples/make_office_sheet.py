"""Write examples/office_sheet.xlsx: a made-up office follow-up sheet with the usual quirks.

Title rows above the table, a two-row header with merged cells, a row of column numbers,
headings that name the conclusion document of the rows below them, a directive merged over two
rows for two units, several units in one cell, real Excel dates next to day-first text dates and
spans (Quý III/2022), a percentage column, and a signature block under the table. Its units are
those of the test fixture `units` (VPTU, BTC "Ban Tổ chức", BDV, UBKT, VPUB).

    python examples/make_office_sheet.py [OUT.xlsx]
    dirtrack import examples/office_sheet.xlsx --dry-run
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
WIDTHS = {"A": 6, "B": 55, "C": 24, "D": 24, "E": 14, "F": 14, "G": 30, "H": 14, "I": 28}
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def build() -> Workbook:
    book = Workbook()
    ws = book.worksheets[0]
    ws.title = "Theo dõi KL"
    for column, width in WIDTHS.items():
        ws.column_dimensions[column].width = width

    def put(ref: str, value: Any, *, merge: str | None = None, bold: bool = False) -> None:
        ws[ref] = value
        ws[ref].alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            ws[ref].font = Font(bold=True)
        if merge:
            ws.merge_cells(f"{ref}:{merge}")

    # Title rows, as on every Vietnamese office document.
    put("A1", "TỈNH ỦY HÀ TĨNH", merge="C1", bold=True)
    put("F1", "ĐẢNG CỘNG SẢN VIỆT NAM", merge="I1", bold=True)
    put("A2", "VĂN PHÒNG", merge="C2")
    put("F2", "Hà Tĩnh, ngày 03 tháng 10 năm 2022", merge="I2")
    put(
        "A4",
        "BẢNG THEO DÕI TÌNH HÌNH THỰC HIỆN CÁC KẾT LUẬN, CHỈ ĐẠO CỦA THƯỜNG TRỰC TỈNH ỦY",
        merge="I4",
        bold=True,
    )
    put("A5", "(Số liệu tính đến ngày 30/9/2022)", merge="I5")

    # A two-row header: "Đơn vị" spans "Chủ trì" and "Phối hợp".
    for ref, label in (
        ("A7", "STT"),
        ("B7", "Nội dung kết luận, chỉ đạo"),
        ("E7", "Thời hạn hoàn thành"),
        ("F7", "Tiến độ thực hiện"),
        ("G7", "Kết quả"),
        ("H7", "Ngày hoàn thành"),
        ("I7", "Ghi chú"),
    ):
        put(ref, label, merge=f"{ref[0]}8", bold=True)
    put("C7", "Đơn vị", merge="D7", bold=True)
    put("C8", "Chủ trì", bold=True)
    put("D8", "Phối hợp", bold=True)
    for i, column in enumerate("ABCDEFGHI", start=1):
        put(f"{column}9", f"({i})")

    def percent(ref: str, value: float) -> None:
        ws[ref] = value
        ws[ref].number_format = "0%"

    # I. The rows of one conclusion notice, named by a heading merged across the table.
    put(
        "A10",
        "I. Thông báo kết luận số 46-TB/TU ngày 06/5/2022 của Thường trực Tỉnh ủy tại buổi làm "
        "việc với các cơ quan tham mưu, giúp việc Tỉnh ủy",
        merge="I10",
        bold=True,
    )
    put("A11", 1)
    put("B11", "Rà soát, bổ sung quy chế làm việc của các cơ quan tham mưu, giúp việc Tỉnh ủy")
    put("C11", "Văn phòng Tỉnh ủy")
    put("D11", "Ban Tổ chức Tỉnh ủy")
    put("E11", datetime(2022, 6, 30))
    ws["E11"].number_format = "DD/MM/YYYY"
    percent("F11", 1.0)
    put("G11", "Đã hoàn thành")
    put("H11", datetime(2022, 6, 25))
    ws["H11"].number_format = "DD/MM/YYYY"

    put("A12", 2)
    put("B12", "Xây dựng đề án nâng cao chất lượng công tác tham mưu")
    put("C12", "Ban Tổ chức, Văn phòng Tỉnh ủy")  # two lead units: one directive each
    put("D12", "Ủy ban Kiểm tra Tỉnh ủy")
    put("E12", "Quý III/2022")
    percent("F12", 0.6)
    put("G12", "Đang thực hiện")
    put("I12", "Đã trình dự thảo lần 1")

    # One directive merged over two rows, one row per lead unit with its own state.
    put("A13", 3, merge="A14")
    put("B13", "Kiện toàn đội ngũ cán bộ làm công tác văn phòng cấp ủy", merge="B14")
    put("C13", "Văn phòng Tỉnh ủy")
    put("E13", "15/8/2022")  # typed as text, day first
    put("F13", "100%")
    put("G13", "Hoàn thành ngày 10/8/2022")
    put("C14", "Ban Dân vận Tỉnh ủy")
    put("E14", "15/8/2022")
    put("F14", "50%")
    put("G14", "Chậm tiến độ do thiếu cán bộ")

    put("A15", 4)
    put("B15", "Tăng cường công tác kiểm tra, giám sát việc thực hiện quy chế")
    put("C15", "Ủy ban Kiểm tra Tỉnh ủy")
    put("E15", "Thường xuyên")
    put("G15", "Đang thực hiện")

    # II. Another conclusion, from a briefing.
    put(
        "A16",
        "II. Kết luận số 52-KL/TU ngày 29/7/2022 của Thường trực Tỉnh ủy tại hội nghị giao ban "
        "quý II/2022",
        merge="I16",
        bold=True,
    )
    put("A17", 1)
    put("B17", "Chuẩn bị nội dung hội nghị sơ kết công tác 9 tháng")
    put("C17", "Văn phòng Tỉnh ủy")
    put("D17", "Ban Tổ chức Tỉnh ủy\nBan Dân vận Tỉnh ủy")  # units on separate lines
    put("E17", "tháng 9/2022")
    percent("F17", 0.3)

    put("A18", 2)
    put("B18", "Báo cáo tình hình thực hiện nhiệm vụ chính trị 9 tháng đầu năm")
    put("C18", "Văn phòng UBND tỉnh")
    put("E18", datetime(2022, 9, 20))
    ws["E18"].number_format = "DD/MM/YYYY"
    put("G18", "Dừng thực hiện ngày 15/9/2022: nội dung đã lồng ghép vào báo cáo chung")

    put("A19", 3)
    put("B19", "Đôn đốc các đơn vị báo cáo kết quả khắc phục hạn chế")
    put("C19", "Ban Dân vận Tỉnh ủy")
    put("D19", "Văn phòng Tỉnh ủy")
    put("E19", "31/10/2022")
    put("F19", "20%: đã ban hành công văn đôn đốc")

    for row in ws.iter_rows(min_row=7, max_row=19, max_col=9):
        for cell in row:
            cell.border = BOX

    # The signature block under the table.
    put("A21", "Nơi nhận:", merge="B21", bold=True)
    put("F21", "CHÁNH VĂN PHÒNG", merge="I21", bold=True)
    put("A22", "- Thường trực Tỉnh ủy;", merge="B22")
    put("F22", "(đã ký)", merge="I22")
    put("A23", "- Lưu VP.", merge="B23")
    put("F23", "Nguyễn Văn An", merge="I23", bold=True)
    ws.freeze_panes = "A10"
    return book


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else HERE / "office_sheet.xlsx"
    book = build()
    book.properties.creator = "dirtrack examples"
    # A fixed timestamp, so that the file only changes when the script does.
    book.properties.created = book.properties.modified = datetime(2022, 10, 3, 8, 0, 0)
    book.save(out)


if __name__ == "__main__":
    main(sys.argv)
