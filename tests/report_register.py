"""A register for the review tests, with every figure worked out by hand.

Units: TU (Tỉnh ủy) over VPTU and BTC; PB (Phòng Tổng hợp) under VPTU; VPUB on its own.
Meetings: m1 10/2/2022 (chair written "Phuong Thi Thanh"), m2 6/5/2022 ("Phương Thị Thanh"),
m3 20/5/2022 ("Lê Thành Đông").

Quý II/2022, T = 30/6/2022:

| id | meeting | unit | deadline | what happens | status at T |
|---|---|---|---|---|---|
| a1 | m1 | VPTU | 15/3 | done 10/3 | out of Q2 (done before it); Q1: on time |
| a2 | m1 | BTC | 20/3 | done 10/4 | done late; Q1: overdue |
| a3 | m1 | PB | 30/6 | — | in time (due on T: due soon); Q1: in time |
| b1 | m2 | VPTU | 15/6 | progress 20/6 "Đang hoàn thiện dự thảo" | overdue 15 days |
| b2 | m2 | VPUB | 5/7 | — | in time, due soon |
| b3 | m2 | BTC | 31/7 | — | in time |
| b4 | m3 | PB | 1/6 | done 30/5 | on time |
| b5 | m3 | TU | none | — | in time, no deadline |
| b6 | m3 | VPUB | 10/6 | extended 5/6 to 20/6 "Chờ số liệu của các sở" | overdue 10 days |
| b7 | m2 | BTC | 30/6 | cancelled 1/6 | cancelled |

Limitations: l1 (m1, VPTU) and l2 (m2, VPTU, alike: linked to l1 without being told); l3 (m2,
BTC, --new, resolved 15/6).
"""

from __future__ import annotations

from typing import Any

from tests.conftest import Cli


def build(cli: Cli) -> dict[str, Any]:
    c = cli
    c.ok("unit", "add", "TU", "Tỉnh ủy")
    c.ok("unit", "add", "VPTU", "Văn phòng Tỉnh ủy", "--parent", "TU")
    c.ok("unit", "add", "BTC", "Ban Tổ chức Tỉnh ủy", "--parent", "TU")
    c.ok("unit", "add", "PB", "Phòng Tổng hợp", "--parent", "VPTU")
    c.ok("unit", "add", "VPUB", "Văn phòng UBND tỉnh")
    m1 = c.id(
        "add-meeting",
        "--date",
        "10/2/2022",
        "--title",
        "Giao ban quý I",
        "--chair",
        "Phuong Thi Thanh",
    )
    m2 = c.id(
        "add-meeting",
        "--date",
        "6/5/2022",
        "--title",
        "Làm việc với các cơ quan",
        "--chair",
        "Phương Thị Thanh",
        "--chair-title",
        "Phó Bí thư Thường trực",
    )
    m3 = c.id(
        "add-meeting",
        "--date",
        "20/5/2022",
        "--title",
        "Giao ban Thị ủy",
        "--chair",
        "Lê Thành Đông",
        "--chair-title",
        "Bí thư Thị ủy",
    )

    def assign(meeting: int, unit: str, text: str, due: str | None = None) -> int:
        args = ["assign", str(meeting), "--unit", unit, text]
        return c.id(*args, *(["--due", due] if due else []))

    d = {
        "a1": assign(m1, "VPTU", "a1 xong trước quý II", "15/3/2022"),
        "a2": assign(m1, "BTC", "a2 xong muộn", "20/3/2022"),
        "a3": assign(m1, "PB", "a3 hạn đúng ngày T", "30/6/2022"),
        "b1": assign(m2, "VPTU", "b1 quá hạn 15 ngày", "15/6/2022"),
        "b2": assign(m2, "VPUB", "b2 sắp đến hạn", "5/7/2022"),
        "b3": assign(m2, "BTC", "b3 trong hạn", "31/7/2022"),
        "b4": assign(m3, "PB", "b4 đúng hạn", "1/6/2022"),
        "b5": assign(m3, "TU", "b5 không thời hạn"),
        "b6": assign(m3, "VPUB", "b6 gia hạn nhưng vẫn quá hạn", "10/6/2022"),
        "b7": assign(m2, "BTC", "b7 dừng thực hiện", "30/6/2022"),
    }
    c.ok("done", str(d["a1"]), "--date", "10/3/2022")
    c.ok("done", str(d["a2"]), "--date", "10/4/2022")
    c.ok(
        "progress",
        str(d["b1"]),
        "--percent",
        "50",
        "--date",
        "20/6/2022",
        "--note",
        "Đang hoàn thiện dự thảo",
    )
    c.ok("done", str(d["b4"]), "--date", "30/5/2022")
    c.ok(
        "extend",
        str(d["b6"]),
        "--to",
        "20/6/2022",
        "--date",
        "5/6/2022",
        "--reason",
        "Chờ số liệu của các sở",
    )
    c.ok("cancel", str(d["b7"]), "--date", "1/6/2022")
    lim = {
        "l1": c.id(
            "add-limitation",
            str(m1),
            "--unit",
            "VPTU",
            "--category",
            "timeliness",
            "Tham mưu, đề xuất có lúc chưa kịp thời",
        ),
        "l2": c.id(
            "add-limitation",
            str(m2),
            "--unit",
            "VPTU",
            "--category",
            "timeliness",
            "Công tác tham mưu, đề xuất có lúc còn chưa kịp thời",
        ),
        "l3": c.id(
            "add-limitation",
            str(m2),
            "--unit",
            "BTC",
            "--category",
            "staffing",
            "--new",
            "Thiếu cán bộ theo dõi",
        ),
    }
    c.ok("resolve", str(lim["l3"]), "--date", "15/6/2022")
    return {"d": d, "lim": lim, "meetings": (m1, m2, m3)}


COUNT_KEYS = (
    "total",
    "done_on_time",
    "done_late",
    "open_in_time",
    "overdue",
    "no_deadline",
    "cancelled",
)


def counts(row: dict[str, Any]) -> tuple[int, ...]:
    return tuple(row[k] for k in COUNT_KEYS)
