"""Reading office cells and headers: dates, deadlines, percentages, statuses, units, headers."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dirtrack.errors import InvalidInput
from dirtrack.transfer.headers import EXPORT_HEADERS, match_header, parse_map
from dirtrack.transfer.values import (
    DueCell,
    Pct,
    Said,
    asked_for,
    doc_number,
    names_bodies,
    parse_day,
    parse_deadline,
    parse_progress,
    read_due,
    read_status,
    unit_pieces,
    unit_roles,
)

MEETING = date(2022, 5, 6)


@pytest.mark.parametrize(
    ("value", "due", "written"),
    [
        ("30/9/2022", date(2022, 9, 30), "30/9/2022"),
        ("06-05-2022", date(2022, 5, 6), "06-05-2022"),
        ("2022-09-30 00:00:00", date(2022, 9, 30), "2022-09-30 00:00:00"),
        ("Quý III/2022", date(2022, 9, 30), "Quý III/2022"),
        ("QUY III/2022", date(2022, 9, 30), "QUY III/2022"),
        ("tháng 9", date(2022, 9, 30), "tháng 9"),
        ("Trước ngày 30/6/2022", date(2022, 6, 30), "Trước ngày 30/6/2022"),
        ("6 tháng cuối năm 2022", date(2022, 12, 31), "6 tháng cuối năm 2022"),
        (datetime(2022, 7, 31), date(2022, 7, 31), None),
        (44834, date(2022, 9, 30), None),  # an Excel serial day in a cell not formatted as a date
        (2023, date(2023, 12, 31), "2023"),
        ("Thường xuyên", None, "Thường xuyên"),
        ("không thời hạn", None, "không thời hạn"),
        ("Hằng năm", None, "Hằng năm"),
        ("", None, None),
        # read as conclusions are (periods.read_when): stacked words, years in a row
        ("Từ nay đến 31/12/2022", date(2022, 12, 31), "Từ nay đến 31/12/2022"),
        ("Tu nay den 31/12/2022", date(2022, 12, 31), "Tu nay den 31/12/2022"),
        ("Giai đoạn 2022-2025", date(2025, 12, 31), "Giai đoạn 2022-2025"),
        ("2022 - 2024", date(2024, 12, 31), "2022 - 2024"),
        ("Đến hết tháng 9/2022", date(2022, 9, 30), "Đến hết tháng 9/2022"),
        ("Giữa tháng 10", date(2022, 10, 15), "Giữa tháng 10"),
        ("Những tháng cuối năm", date(2022, 12, 31), "Những tháng cuối năm"),
        ("Quý I năm sau", date(2023, 3, 31), "Quý I năm sau"),
    ],
)
def test_deadlines(value: object, due: date | None, written: str | None) -> None:
    assert parse_deadline(value, MEETING) == (due, written)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", ["31/2/2022", "sớm", "30/13/2022", 12.5, Pct(40.0), "Giai đoạn 2025-2023"]
)
def test_bad_deadlines(value: object) -> None:
    with pytest.raises(InvalidInput):
        parse_deadline(value, MEETING)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "due"),
    [
        ("Tuần đầu tháng 10/2022", date(2022, 10, 7)),
        ("tuần thứ hai của tháng 10", date(2022, 10, 14)),
        ("Trong tuần cuối tháng 2/2024", date(2024, 2, 29)),
        ("Quý IV/2022 - Quý I/2023", date(2023, 3, 31)),
        ("Quý IV/2022 – Quý I/2023", date(2023, 3, 31)),
        ("Từ quý IV/2022 đến quý I/2023", date(2023, 3, 31)),
    ],
)
def test_weeks_of_a_month_and_runs_of_spans(value: str, due: date) -> None:
    assert parse_deadline(value, MEETING)[0] == due


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("Đầu quý IV/2022", "deadline_early_quarter"),
        ("Ngay sau khi có hướng dẫn", "deadline_on_event"),
        ("Khi có yêu cầu của UBND tỉnh", "deadline_on_event"),
        ("Quý I/2023 - Quý IV/2022", "period_reversed"),
        ("30/6/2023 - 30/9/2023", "not_a_deadline"),  # a deadline and its extension?
    ],
)
def test_deadline_phrases_naming_no_day_say_what_to_write(value: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_deadline(value, MEETING)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("value", "year"),
    [("Đầu năm 2023", 2023), ("Dau nam 2023", 2023), ("Từ đầu năm 2023", 2023), ("đầu năm", 2022)],
)
def test_early_in_the_year_names_no_day_and_says_what_to_write(value: str, year: int) -> None:
    """'Đầu năm 2024': January? before Tết? the first quarter? A clerk is told what to write."""
    with pytest.raises(InvalidInput) as caught:
        parse_deadline(value, MEETING)
    assert caught.value.key == "deadline_early_year"
    assert f"(31/1/{year}), a month (tháng 1/{year}) or a quarter (quý I/{year})" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30/6/2022", DueCell(date(2022, 6, 30), "30/6/2022")),
        (
            "30/6/2022 (gia hạn đến 31/12/2022)",
            DueCell(date(2022, 6, 30), "30/6/2022", date(2022, 12, 31), "31/12/2022"),
        ),
        (
            "Quý III/2022, đã điều chỉnh thời hạn đến quý IV/2022",
            DueCell(date(2022, 9, 30), "Quý III/2022", date(2022, 12, 31), "quý IV/2022"),
        ),
        (
            "30/6/2022 - gia han den 31/12/2022",
            DueCell(date(2022, 6, 30), "30/6/2022", date(2022, 12, 31), "31/12/2022"),
        ),
    ],
)
def test_a_deadline_and_its_extension(value: str, expected: DueCell) -> None:
    assert read_due(value, MEETING) == expected


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("Đã gia hạn đến 31/12/2022", "cell_extension_no_due"),
        ("Thường xuyên (gia hạn đến 31/12/2022)", "cell_extension_no_due"),
        ("31/12/2022 (gia hạn đến 30/6/2022)", "cell_extension_not_later"),
        ("30/6/2022 (gia hạn đến 31/2/2023)", "not_real_date"),
    ],
)
def test_an_extension_that_extends_nothing_is_refused(value: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_due(value, MEETING)
    assert caught.value.key == key


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(2099, 12, 31)))
def test_any_day_typed_day_first_or_as_excel_reads_back(day: date) -> None:
    assert parse_deadline(f"{day.day}/{day.month}/{day.year}", None)[0] == day
    assert parse_day(datetime(day.year, day.month, day.day)) == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_day(serial) == day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("70%", (70, None)),
        ("70 %", (70, None)),
        ("62,5%", (62, None)),
        ("99.9%", (99, None)),
        (Pct(28.999999999999996), (29, None)),
        ("40%: Đã trình dự thảo", (40, "Đã trình dự thảo")),
        ("Đạt 70% khối lượng", (70, "Đạt 70% khối lượng")),
        ("Đang xây dựng dự thảo", (None, "Đang xây dựng dự thảo")),
        ("70", (70, None)),
        # an IME's full-width digits and sign, another script's digits: as a date's are read
        ("\uff17\uff10\uff05: Đã trình", (70, "Đã trình")),
        ("\u0663\u0660", (30, None)),
        (70, (70, None)),
        (Pct(60.00000000000001), (60, None)),
        ("0%", (0, None)),
        (None, (None, None)),
    ],
)
def test_progress(value: object, expected: tuple[int | None, str | None]) -> None:
    assert parse_progress(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["0,75", "0.5", 0.75, 0.05])
def test_a_share_of_one_without_its_percent_is_refused(value: object) -> None:
    """'0,75' typed in 'Tiến độ (%)' (or 0.75 in a cell not formatted as a percentage) was
    rounded to 1%: 75% or 0.75%? It is refused, saying to write '75%'; 0, 1 and a cell
    formatted as a percentage read as before."""
    with pytest.raises(InvalidInput, match=r"is a share of one, not a percentage"):
        parse_progress(value)  # type: ignore[arg-type]
    assert parse_progress(Pct(0.75 * 100)) == (75, None)
    assert [parse_progress(v)[0] for v in ("0", "1", 0, 1, "1,0")] == [0, 1, 0, 1, 1]


@given(st.integers(min_value=101, max_value=9999))
def test_progress_above_100_is_refused_in_every_form(n: int) -> None:
    for value in (f"{n}%", str(n), n, Pct(float(n)), f"Đạt {n}% kế hoạch"):
        with pytest.raises(InvalidInput, match="is not a percentage between 0 and 100"):
            parse_progress(value)


@pytest.mark.parametrize(
    ("value", "said", "day", "note"),
    [
        ("Đã hoàn thành", Said.DONE, None, None),
        ("Đã hoàn thành ngày 20/7/2022", Said.DONE, date(2022, 7, 20), None),
        ("Hoàn thành đúng hạn: Đề án 05", Said.DONE, None, "Đề án 05"),
        (
            "Hoàn thành (Báo cáo số 12-BC/VPTU ngày 20/7/2022)",
            Said.DONE,
            date(2022, 7, 20),
            "(Báo cáo số 12-BC/VPTU ngày 20/7/2022)",
        ),
        ("HOÀN THÀNH", Said.DONE, None, None),
        ("Hoàn thành dự thảo, chờ ý kiến", None, None, "Hoàn thành dự thảo, chờ ý kiến"),
        ("Chưa hoàn thành", Said.OPEN, None, None),
        ("Quá hạn chưa hoàn thành", Said.OPEN, None, None),
        ("Đang thực hiện trong hạn", Said.OPEN, None, None),
        ("Đang xây dựng dự thảo", Said.OPEN, None, "xây dựng dự thảo"),
        (
            "Dừng thực hiện ngày 10/8/2022: không còn phù hợp",
            Said.CANCELLED,
            date(2022, 8, 10),
            "không còn phù hợp",
        ),
        ("Hủy bỏ", Said.CANCELLED, None, None),
        # "Đúng" (right) folds to the letters of "Dừng" (stop): no cancellation.
        ("Đúng tiến độ", None, None, "Đúng tiến độ"),
        ("Đúng hạn", None, None, "Đúng hạn"),
        ("Hoàn thành chậm ngày 5/6/2023", Said.DONE, date(2023, 6, 5), None),
        # how it was done after a comma: done late, the rest a note
        ("Đã hoàn thành, chậm so với yêu cầu", Said.DONE, None, "so với yêu cầu"),
        ("Hoàn thành 100%", Said.DONE, None, None),
        ("Hoàn thành 50%", None, None, "Hoàn thành 50%"),
        ("Đã hoàn thành 50%", None, None, "Đã hoàn thành 50%"),
        (
            "Đã hoàn thành dự thảo, đang xin ý kiến",
            None,
            None,
            "Đã hoàn thành dự thảo, đang xin ý kiến",
        ),
        ("Đã hoàn thành giai đoạn 1", None, None, "Đã hoàn thành giai đoạn 1"),
        ("Đã hoàn thành 100%", Said.DONE, None, None),
        ("Đã hoàn thành việc rà soát", Said.DONE, None, "việc rà soát"),
        ("Đã dừng ngày 2/6/2023", Said.CANCELLED, date(2023, 6, 2), None),
        ("Huy động nguồn lực", None, None, "Huy động nguồn lực"),
        ("Done on 2022-07-20", Said.DONE, date(2022, 7, 20), None),
        ("Done on time: Report 12", Said.DONE, None, "Report 12"),
        ("Open, within deadline", Said.OPEN, None, None),
        ("Cancelled on 10/08/2022: merged", Said.CANCELLED, date(2022, 8, 10), "merged"),
        ("Còn trong hạn", Said.OPEN, None, None),
        ("Con trong han", Said.OPEN, None, None),
        ("Quá hạn", Said.OPEN, None, None),
        ("Chưa thực hiện", Said.OPEN, None, None),
        ("Đang triển khai", Said.OPEN, None, None),
        # not done: the words are the news, kept as the note
        ("Cơ bản hoàn thành", Said.OPEN, None, "Cơ bản hoàn thành"),
        ("Co ban hoan thanh, con 1 huyen", Said.OPEN, None, "Co ban hoan thanh, con 1 huyen"),
        ("Tạm dừng", Said.OPEN, None, "Tạm dừng"),
        ("Tạm dừng thực hiện: chờ vốn", Said.OPEN, None, "Tạm dừng thực hiện: chờ vốn"),
        ("Đã thực hiện ngày 15/6/2022", Said.DONE, date(2022, 6, 15), None),
        ("Đã thực hiện xong", Said.DONE, None, None),
        ("Đã thực hiện các bước đầu", None, None, "Đã thực hiện các bước đầu"),
    ],
)
def test_status_cells(value: str, said: Said | None, day: date | None, note: str | None) -> None:
    status = read_status(value)
    assert (status.said, status.day, status.note) == (said, day, note)


@pytest.mark.parametrize(
    ("value", "days", "working", "day"),
    [
        ("Hoàn thành (quá hạn 5 ngày)", 5, False, None),
        ("Hoàn thành quá hạn 5 ngày", 5, False, None),
        ("Đã hoàn thành, chậm 5 ngày", 5, False, None),
        ("Đã hoàn thành, trễ 4 ngày so với thời hạn", 4, False, None),
        ("HT - chậm 3 ngày làm việc", 3, True, None),
        ("done 5 days late", 5, False, None),
        ("completed 4 days late", 4, False, None),
        ("done late by 2 working days", 2, True, None),
        # with the day it was done: the day, the days late beside it
        ("Hoàn thành ngày 5/4/2024 (quá hạn 5 ngày)", 5, False, date(2024, 4, 5)),
    ],
)
def test_status_cells_done_so_many_days_late(
    value: str, days: int, working: bool, day: date | None
) -> None:
    status = read_status(value)
    assert (status.said, status.late_days, status.late_working) == (Said.DONE, days, working)
    assert (status.day, status.note) == (day, None)
    # the words say late, as the import reads them (done late, or warned against the dates)
    assert re.search(r"\b(?:qua han|cham|muon|tre|late)\b", status.phrase), status.phrase


@pytest.mark.parametrize(
    "value",
    [
        "Hoàn thành (5 ngày)",
        "Hoàn thành 5 ngày",
        "Hoàn thành đúng hạn (quá hạn 5 ngày)",
        "Quá hạn 5 ngày",
    ],
)
def test_status_cells_with_days_that_say_no_lateness(value: str) -> None:
    """Days with no late word, or after words that say on time, or a row not done: none."""
    assert read_status(value).late_days is None


def test_status_words_that_need_more_to_say_a_status() -> None:
    """'Đã thực hiện' is done only with the day it was; 'Không thực hiện' says neither done,
    cancelled nor open (was it stopped, or not done?)."""
    performed = read_status("Đã thực hiện")
    assert (performed.said, performed.needs_day, performed.day) == (Said.DONE, True, None)
    assert not read_status("Đã hoàn thành").needs_day
    assert not read_status("Đã thực hiện xong").needs_day
    for written in ("Không thực hiện", "Khong thuc hien", "Không triển khai được"):
        unclear = read_status(written)
        assert unclear.unclear and unclear.said is None, written
    assert not read_status("Không còn phù hợp").unclear


@pytest.mark.parametrize(
    ("name", "several"),
    [
        ("UBND các huyện, thị xã, thành phố", True),
        ("Các sở, ban, ngành", True),
        ("UBND các xã", True),
        ("Cơ quan, đơn vị", True),
        ("Sở Tài chính", False),
        ("Ban Tổ chức Tỉnh ủy", False),
        ("Sở Kế hoạch và Đầu tư", False),
        ("Sở, ban, ngành", True),
        # one body whose name a comma splits, typed in lower case: an unknown unit as before
        ("Sở Văn hóa, thể thao và du lịch", False),
    ],
)
def test_names_of_several_bodies(name: str, several: bool) -> None:
    assert names_bodies(name) is several


@pytest.mark.parametrize(
    ("value", "to", "words"),
    [
        ("Đề nghị gia hạn đến 30/9/2022", date(2022, 9, 30), "30/9/2022"),
        ("de nghi gia han den 30/9/2022", date(2022, 9, 30), "30/9/2022"),
        ("Đang thực hiện; xin gia hạn đến quý IV/2022", date(2022, 12, 31), "quý IV/2022"),
        ("Sở đề nghị gia hạn đến 30/9/2022 do chờ ý kiến Bộ", date(2022, 9, 30), "30/9/2022"),
        ("Đề nghị điều chỉnh thời hạn: 31/12/2022", date(2022, 12, 31), "31/12/2022"),
        ("Xin lùi thời hạn sang tháng 11", date(2022, 11, 30), "tháng 11"),
        ("Đề nghị gia hạn", None, None),
    ],
)
def test_a_request_for_a_new_deadline(value: str, to: date | None, words: str | None) -> None:
    found = asked_for(value, MEETING)
    assert found is not None and (found.to, found.text, found.cell) == (to, words, value)


@pytest.mark.parametrize(
    "value", ["Đã gia hạn đến 30/9/2022", "Đang thực hiện", "30/9/2022", "Hoàn thành", None]
)
def test_no_request_for_a_new_deadline(value: str | None) -> None:
    assert asked_for(value, MEETING) is None


def test_a_deadline_and_the_new_one_asked_for() -> None:
    found = read_due("30/6/2022 (đề nghị gia hạn đến 30/9/2022)", MEETING)
    assert (found.due, found.text, found.extended_to) == (date(2022, 6, 30), "30/6/2022", None)
    assert found.asked is not None and found.asked.to == date(2022, 9, 30)
    assert found.asked.cell == "đề nghị gia hạn đến 30/9/2022"


@pytest.mark.parametrize(
    ("value", "roles"),
    [
        ("Sở Nội vụ (chủ trì), Sở Tài chính", ("Sở Nội vụ", "Sở Tài chính")),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính", ("Sở Nội vụ", "Sở Tài chính")),
        ("Sở Nội vụ; Sở Tài chính, Sở Y tế phối hợp", ("Sở Nội vụ", "Sở Tài chính; Sở Y tế")),
        ("Ban Tổ chức chủ trì\nVăn phòng phối hợp", ("Ban Tổ chức", "Văn phòng")),
        ("Sở Tư pháp\n(chủ trì)\nSở Nội vụ", ("Sở Tư pháp", "Sở Nội vụ")),
        ("Sở Tài chính (phối hợp)", ("", "Sở Tài chính")),
        ("Sở Nội vụ, Sở Tài chính", None),
    ],
)
def test_roles_in_a_unit_cell(value: str, roles: tuple[str, str] | None) -> None:
    assert unit_roles(value) == roles


def test_status_with_a_date_that_does_not_exist() -> None:
    with pytest.raises(InvalidInput, match="is not a real date"):
        read_status("Đã hoàn thành ngày 31/2/2022")


@pytest.mark.parametrize(
    ("value", "pieces"),
    [
        ("Ban Tổ chức, Văn phòng", [["Ban Tổ chức", "Văn phòng"]]),
        ("UBND các huyện, thị xã, thành phố", [["UBND các huyện, thị xã, thành phố"]]),
        ("- Sở Tài chính\n- Sở Nội vụ", [["Sở Tài chính"], ["Sở Nội vụ"]]),
        ("VPTU; UBKT", [["VPTU"], ["UBKT"]]),
        ("Cơ quan, đơn vị", [["Cơ quan, đơn vị"]]),
        # a body's name typed in lower case after a comma is a body of its own
        ("sở tài chính, sở kế hoạch và đầu tư", [["sở tài chính", "sở kế hoạch và đầu tư"]]),
        ("Ban Tuyên giáo, ban Dân vận", [["Ban Tuyên giáo", "ban Dân vận"]]),
        ("Sở Nội vụ, các sở, ngành liên quan", [["Sở Nội vụ", "các sở, ngành liên quan"]]),
        ("Sở Văn hóa, thể thao và du lịch", [["Sở Văn hóa, thể thao và du lịch"]]),
        ("Các sở, ban, ngành", [["Các sở, ban, ngành"]]),
        ("Mặt trận, đoàn thể", [["Mặt trận, đoàn thể"]]),
        # two bodies joined by a word or a sign, where a body's own name follows it
        ("Sở Nội vụ và Sở Tài chính", [["Sở Nội vụ", "Sở Tài chính"]]),
        ("Sở Nội vụ - Sở Tài chính", [["Sở Nội vụ", "Sở Tài chính"]]),
        ("Sở Nội vụ/Sở Tài chính", [["Sở Nội vụ", "Sở Tài chính"]]),
        ("Ban Tổ chức + Văn phòng Tỉnh ủy", [["Ban Tổ chức", "Văn phòng Tỉnh ủy"]]),
        ("Sở Lao động - Thương binh và Xã hội", [["Sở Lao động - Thương binh và Xã hội"]]),
        ("Sở Tài nguyên và Môi trường", [["Sở Tài nguyên và Môi trường"]]),
        ("Sở Nội vụ và các sở, ngành liên quan", [["Sở Nội vụ", "các sở, ngành liên quan"]]),
        # a ';' after a backslash is one of the name's, as a CSV list of dirtrack writes it
        ("Ban A\\; Mặt trận;VPTU", [["Ban A; Mặt trận"], ["VPTU"]]),
        ("Phòng 1\\\\2; VPTU", [["Phòng 1\\2"], ["VPTU"]]),
        ("Phòng 1\\2", [["Phòng 1\\2"]]),
        ("", []),
    ],
)
def test_unit_cells(value: str, pieces: list[list[str]]) -> None:
    assert unit_pieces(value) == pieces


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Thông báo kết luận số 46-TB/TU ngày 06/5/2022", "46-TB/TU"),
        ("Quyết định 1961/QĐ-UBND", "1961/QĐ-UBND"),
        ("Công văn 304/TB-VPCP ngày 1/2/2022", "304/TB-VPCP"),
        ("Kết luận số 08-QC/TW", "08-QC/TW"),
        ("Họp ngày 6/5/2022", None),
    ],
)
def test_document_numbers(text: str, number: str | None) -> None:
    assert doc_number(text) == number


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nội dung kết luận, chỉ đạo của Thường trực Tỉnh ủy", "text"),
        ("NOI DUNG", "text"),
        ("Đơn vị chủ trì thực hiện", "unit"),
        ("Cơ quan, đơn vị phối hợp", "with"),
        ("Thời hạn hoàn thành (ngày/tháng/năm)", "due"),
        ("Tiến độ (%)", "progress"),
        ("Tình hình thực hiện", "progress"),
        ("Kết quả thực hiện", "result"),
        ("Ngày hoàn thành", "completed_on"),
        ("Lead unit", "unit"),
        ("Due date", "due"),
        ("Ghi chú", "note"),
        ("Văn bản giao nhiệm vụ", "meeting"),
        ("Số, ký hiệu văn bản", "doc"),
        ("Mã nhiệm vụ", "key"),
        ("#", "stt"),
        ("Hạn chế", None),
        # shortened as registers write them: the coordinating units and the day it was done
        # were columns left out, the units lost and the done rows refused as undated
        ("ĐVPH", "with"),
        ("ĐV phối hợp", "with"),
        ("ĐVCT", "unit"),
        ("Ngày HT", "completed_on"),
        ("TG HT", "due"),
        ("KQ thực hiện", "result"),
        ("ND nhiệm vụ", "text"),
        # one column for both roles is the lead unit column
        ("Chủ trì/Phối hợp", "unit"),
        ("Đơn vị chủ trì / Đơn vị phối hợp", "unit"),
    ],
)
def test_headers(header: str, field: str | None) -> None:
    found = match_header(header)
    assert (found.field if found else None) == field


def test_export_headers_read_back_in_both_languages() -> None:
    for field, labels in EXPORT_HEADERS.items():
        for label in labels:
            found = match_header(label)
            assert found is not None and found.field == field, label


def test_map_option() -> None:
    assert parse_map(("nội dung=text,Cơ quan, đơn vị phối hợp=with", "E=thời hạn; F=ignore")) == [
        ("nội dung", "text"),
        ("Cơ quan, đơn vị phối hợp", "with"),
        ("E", "due"),
        ("F", "ignore"),
    ]
