"""`extract`: the rules added from the development set's misses, each on a text of its own."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from dirtrack.extract import extract
from dirtrack.extract.clean import clean
from dirtrack.extract.items import has_negative
from dirtrack.extract.meeting import find_persons
from dirtrack.extract.sentences import split_clauses, split_sentences
from dirtrack.extract.units import find_raw, unit_key

LEAD = "Sáng 5/6/2023, UBND huyện họp thường kỳ tháng 6. Đồng chí Trần Văn Nam, Chủ tịch UBND "


def directives(text: str) -> list[tuple[str | None, str, date | None]]:
    return [(d.unit, d.text, d.due) for d in extract(text).directives]


def test_a_quotation_attributed_after_it_is_the_leaders_task() -> None:
    found = directives(
        LEAD + 'huyện chủ trì.\n"Sở Xây dựng chủ trì theo dõi tiến độ dự án; Đề nghị các đồng chí'
        ' trong Ban Chỉ đạo bám sát nhiệm vụ được phân công", Chủ tịch UBND huyện nhấn mạnh.'
    )
    assert found[0] == ("Sở Xây dựng", "Sở Xây dựng chủ trì theo dõi tiến độ dự án", None)
    assert found[1][0] is None  # "các đồng chí ..." is no unit, not the unit before


def test_a_period_in_the_frame_of_a_request_dates_it() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Triển khai nhiệm vụ công tác quý III, đồng chí Chủ tịch đề nghị các"
        " phòng cần tăng cường phối hợp trong thực hiện nhiệm vụ."
    )
    assert [due for _, _, due in found] == [date(2023, 9, 30)]
    past = directives(
        LEAD + "huyện chủ trì. Đánh giá kết quả quý I, đồng chí Chủ tịch đề nghị các phòng cần"
        " tăng cường phối hợp."
    )
    assert [due for _, _, due in past] == [None]  # a past period frames no task


def test_giao_a_unit_an_action_is_a_task_without_a_speaker() -> None:
    found = directives(
        "Theo đó, với các công trình sai phạm thuộc thẩm quyền của thành phố, giao Sở Xây dựng chủ"
        " trì phối hợp với các quận, huyện thống nhất đề xuất giải quyết, báo cáo trước ngày"
        " 15/12/2023."
    )
    assert found == [
        (
            "Sở Xây dựng",
            "Sở Xây dựng chủ trì phối hợp với các quận, huyện thống nhất đề xuất giải quyết, báo"
            " cáo trước ngày 15/12/2023",
            date(2023, 12, 15),
        )
    ]


def test_a_communes_party_organisation_is_its_party_committee() -> None:
    found = directives(
        "Sáng 11/3/2020, Ban Thường vụ Huyện ủy duyệt đại hội Đảng bộ xã Hòa Sơn. Kết luận hội"
        " nghị, đồng chí Bí thư Huyện ủy yêu cầu Đảng bộ xã Hòa Sơn tiếp tục rà soát nhân sự."
        " Đồng chí cũng yêu cầu cấp ủy xã Hòa Sơn nghiêm túc tiếp thu ý kiến các đại biểu."
    )
    assert [unit for unit, _, _ in found] == ["Đảng ủy xã Hòa Sơn", "Đảng ủy xã Hòa Sơn"]


def test_a_cell_named_only_by_its_kind_is_the_one_named_in_full() -> None:
    found = directives(
        "Tối 2/11/2024, đồng chí Lê Văn Ba, Phó Bí thư Thành ủy dự sinh hoạt với chi bộ khu dân cư"
        " Hòa Bình. Đồng chí đề nghị chi bộ phân công chi ủy viên phụ trách từng nội dung. Việc"
        " xây dựng nghị quyết cần tập trung giải quyết những vấn đề bức xúc của khu dân cư."
    )
    # the work of the task just given is the same cell's (dev 51 as relabelled)
    assert [unit for unit, _, _ in found] == ["Chi bộ khu dân cư Hòa Bình"] * 2


def test_a_wrapped_text_is_read_as_its_paragraphs() -> None:
    wrapped = (
        "Phát biểu kết luận hội nghị giao ban công tác dân vận quý III vào chiều\n"
        "6/10/2022, đồng chí Nguyễn Văn An, Trưởng Ban Dân vận Tỉnh ủy đề nghị\n"
        "ngành dân vận cần tiếp tục tuyên truyền, vận động cán bộ, đảng viên và\n"
        "nhân dân thực hiện tốt các mục tiêu, nhiệm vụ năm 2022. Ban Dân vận các\n"
        "Huyện ủy, Thị ủy đôn đốc những xã chưa tổ chức đối thoại với nhân dân.\n"
        "Làm tốt việc xây dựng báo cáo tổng kết các chỉ thị, nghị quyết của tỉnh.\n"
    )
    assert len([b for b in clean(wrapped) if b.kind == "body"]) == 2
    found = directives(wrapped)
    assert [text.split()[:3] for _, text, _ in found] == [
        ["ngành", "dân", "vận"],
        ["Ban", "Dân", "vận"],
        ["Làm", "tốt", "việc"],
    ]
    assert [unit for unit, _, _ in found] == [None, None, None]  # the boards of every district


def test_a_list_whose_numbers_word_lost_gives_one_task_per_line() -> None:
    """A list typed with Word's automatic numbering and pasted as text: its items, one a line,
    have lost their numbers and end without a stop. They were joined as the lines of a wrapped
    text (three tasks drafted as one, under the first unit with the second's product), or read
    as photo captions; each is a task of its own."""
    lead = (
        "Sáng 6/5/2022, đồng chí Phương Thị Thanh, Phó Bí thư Thường trực Tỉnh ủy chủ trì buổi"
        " làm việc với các cơ quan tham mưu.\nĐồng chí yêu cầu:\n"
    )
    items = (
        "Sở Tài chính tham mưu bố trí kinh phí, hoàn thành trước ngày 30/6/2022\n"
        "Sở Nội vụ xây dựng đề án sắp xếp bộ máy, hoàn thành trong quý III/2022\n"
        "Sở Y tế rà soát trang thiết bị, hoàn thành trong tháng 12/2022\n"
    )
    found = extract(lead + items).directives
    assert [(d.unit, d.due, d.product) for d in found] == [
        ("Sở Tài chính", date(2022, 6, 30), None),
        ("Sở Nội vụ", date(2022, 9, 30), "Đề án sắp xếp bộ máy"),
        ("Sở Y tế", date(2022, 12, 31), None),
    ]
    assert [d.text for d in found] == items.splitlines()
    # the same list with its numbers and no stops is read the same (its lines were headings)
    numbered = "".join(f"{n}. {line}\n" for n, line in enumerate(items.splitlines(), 1))
    assert [d.text for d in extract(lead + numbered).directives] == items.splitlines()
    # a numbered line that opens a topic is a heading still
    topic = lead + "1. Về công tác tổ chức cán bộ và xây dựng hệ thống chính trị\n"
    assert [b.kind for b in clean(topic)][-1] == "heading"


@pytest.mark.parametrize(
    "bullet", ["\uf0b7\t", "\uf0a7\t", "\uf0d8 ", "·\t", "§\t", "●\t", "■ ", "➢ ", "o\t"]
)
def test_the_bullets_of_a_list_pasted_from_word_open_its_items(bullet: str) -> None:
    """Text copied from a Word list brings its bullets as the glyphs of the Symbol or
    Wingdings font (private use characters no other font shows, or ·, §, ●…), and the second
    level's "o" before a tab. They opened no item: the items were one task, of no unit, with
    the second's product and the glyph in its text (after "o", nothing at all). Each opens an
    item as a dash does."""
    lead = (
        "Sáng 6/5/2022, đồng chí Phương Thị Thanh, Phó Bí thư Thường trực Tỉnh ủy chủ trì buổi"
        " làm việc với các cơ quan tham mưu.\nĐồng chí yêu cầu:\n"
    )
    items = [
        "Sở Tài chính tham mưu bố trí kinh phí, hoàn thành trước ngày 30/6/2022",
        "Sở Nội vụ xây dựng đề án sắp xếp bộ máy, hoàn thành trong quý III/2022",
    ]
    found = extract(lead + "".join(f"{bullet}{item}\n" for item in items)).directives
    assert [(d.unit, d.text, d.product) for d in found] == [
        ("Sở Tài chính", items[0], None),
        ("Sở Nội vụ", items[1], "Đề án sắp xếp bộ máy"),
    ]


def test_commitments_reports_and_needs_are_no_tasks() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch yêu cầu các phòng tăng cường kiểm tra. Trước mắt,"
        " trong tháng 7, Phòng Nội vụ sẽ phối hợp tổ chức hội nghị. Trong quý II, công tác cải cách"
        " hành chính tiếp tục được thực hiện tốt. Ở một số xã, đời sống nhân dân còn khó khăn cần"
        " được hỗ trợ."
    )
    assert [text for _, text, _ in found] == ["các phòng tăng cường kiểm tra"]


def test_a_school_or_a_street_named_after_a_person_is_not_the_chair() -> None:
    draft = extract(
        "Ban Thường vụ Huyện ủy đề nghị Chi bộ Trường Trung học phổ thông Võ Thị Hồng chuẩn bị các"
        " điều kiện để tổ chức đại hội theo đúng quy định."
    )
    assert draft.meeting.chair is None


def test_the_day_of_the_meeting_beats_the_day_its_notice_was_signed() -> None:
    draft = extract(
        "Ngày 1/11/2016, Chánh Văn phòng HĐND-UBND thành phố Nguyễn Văn Ba đã ký ban hành thông"
        " báo kết luận tại cuộc họp giao ban ngày 31/10/2016 của UBND thành phố. Chủ tịch UBND"
        " thành phố giao Phòng Kinh tế thành phố chủ trì kiểm tra nguyên nhân lúa lép."
    )
    assert draft.meeting.date == date(2016, 10, 31)
    assert draft.meeting.chair is None  # who signs the notice did not chair the meeting


def test_the_standing_committee_of_a_council_is_a_lead_unit() -> None:
    found = directives(
        "Làm việc với Thường trực HĐND huyện Long Mỹ, Thường trực HĐND tỉnh đánh giá cao kết quả"
        " đạt được. Đề nghị Thường trực HĐND huyện tăng cường phối hợp chuẩn bị kỳ họp."
    )
    assert [unit for unit, _, _ in found] == ["Thường trực HĐND huyện Long Mỹ"]


def test_a_headline_and_a_papers_tag_are_not_the_lead() -> None:
    draft = extract(
        "Trưởng ban Tuyên giáo Thành ủy Lê Thị Hoa: Quận Hòa An tập trung chỉ đạo thành công cuộc"
        " bầu cử, hoàn thành cả hai nhiệm vụ của năm nay\n\nKinhtedothi - Hệ thống chính trị quận"
        " Hòa An phải nêu cao tinh thần trách nhiệm, tập trung chỉ đạo thành công cuộc bầu cử” -"
        " Trưởng ban Tuyên giáo Thành ủy Lê Thị Hoa nhấn mạnh."
    )
    assert [(d.unit, d.text) for d in draft.directives] == [
        (
            None,  # the political system of a district: every body of it
            "Hệ thống chính trị quận Hòa An phải nêu cao tinh thần trách nhiệm, tập trung chỉ đạo"
            " thành công cuộc bầu cử",
        )
    ]
    assert draft.meeting.title is not None and draft.meeting.title.startswith("Trưởng ban")


def test_public_service_bodies_are_units() -> None:
    lead = LEAD + "huyện chủ trì. Kết luận cuộc họp, đồng chí Chủ tịch yêu cầu "
    cases = {
        "Hạt Kiểm lâm tăng cường tuần tra bảo vệ rừng.": "Hạt Kiểm lâm",
        "Bảo hiểm xã hội huyện rà soát đối tượng tham gia bảo hiểm y tế.": "Bảo hiểm xã hội huyện",
        "Trung tâm Phát triển quỹ đất phối hợp với Văn phòng đăng ký đất đai đo đạc lại thửa"
        " đất.": "Trung tâm Phát triển quỹ đất",
    }
    for task, unit in cases.items():
        found = extract(lead + task).directives
        assert [d.unit for d in found] == [unit], task
    assert extract(lead + task).directives[0].with_ == ("Văn phòng đăng ký đất đai",)


def test_the_body_announcing_its_tasks_gives_the_list_without_a_speaker() -> None:
    found = directives(
        "Chiều ngày 24 tháng 12 năm 2018, Thường trực HĐND huyện họp lệ kỳ tháng 12. Sau khi thảo"
        " luận, Thường trực HĐND huyện thống nhất một số nội dung trọng tâm cần thực hiện trong"
        " tháng 01 năm 2019 như sau: Tổ chức họp rút kinh nghiệm kỳ họp thứ 9; tổ chức giao ban"
        " với Thường trực HĐND các xã, thị trấn."
    )
    assert [(text.split()[:3], due) for _, text, due in found] == [
        (["Tổ", "chức", "họp"], date(2019, 1, 31)),
        (["tổ", "chức", "giao"], date(2019, 1, 31)),
    ]
    # a list of what delegates discussed is no list of tasks
    assert not directives(
        "Ngày 25/4/2024, UBND thị xã họp phiên thường kỳ tháng 4. Các đại biểu đã đóng góp ý kiến"
        " vào các nội dung như: giải pháp chuyển đổi số; ký số các văn bản điện tử."
    )


def test_a_cited_date_dates_no_part_of_it_either() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    assert find_deadlines("họp Thường trực HĐND huyện lệ kỳ tháng 01 năm 2019", None) == []


def test_the_year_of_an_event_in_a_task_is_no_deadline() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    assert find_deadlines("dự kỳ họp HĐND các xã, thị trấn cuối năm 2018", None) == []
    assert find_deadlines("hoàn thành công việc của Kỳ thi THPT quốc gia năm 2018", None) == []
    # the year the task is for, and a leader named Lê, still date it
    assert [d.phrase for d in find_deadlines("hoàn thành các chỉ tiêu năm 2023", None)] == [
        "năm 2023"
    ]
    found = find_deadlines("đồng chí Lê Văn Nam đề nghị hoàn thành trong năm 2023", None)
    assert [d.phrase for d in found] == ["trong năm 2023"]


def limitations(text: str) -> list[tuple[str | None, str]]:
    return [(item.unit, item.text) for item in extract(text).limitations]


def test_the_cell_or_the_programme_board_of_a_body_is_a_unit() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch yêu cầu Chi bộ Công an xã Tân Lập rà soát hồ"
        " sơ đảng viên; đồng thời chuẩn bị tốt đại hội chi bộ. Đề nghị Ban Chỉ đạo xây dựng"
        " nông thôn mới xã Tân Lập hoàn thiện hồ sơ các tiêu chí."
    )
    assert [unit for unit, _, _ in found] == [
        "Chi bộ Công an xã Tân Lập",
        "Chi bộ Công an xã Tân Lập",
        "Ban Chỉ đạo xây dựng nông thôn mới xã Tân Lập",
    ]


def test_a_term_of_office_is_no_place_name() -> None:
    found = directives(
        "Sáng 5/6/2023, Thường trực HĐND huyện Khóa XI họp. Chủ tịch HĐND huyện đề nghị UBND"
        " huyện tập trung giải quyết kiến nghị của cử tri."
    )
    assert [unit for unit, _, _ in found] == ["UBND huyện"]


def test_the_leaders_of_a_unit_stand_for_it() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch đề nghị Lãnh đạo UBND xã Phú Lộc tiếp tục rà"
        " soát hồ sơ; tập trung hoàn thiện các tiêu chí."
    )
    assert [unit for unit, _, _ in found] == ["UBND xã Phú Lộc", "UBND xã Phú Lộc"]


def test_a_body_asked_to_direct_others_is_the_lead() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch đề nghị các phòng chuyên môn tiếp thu ý kiến;"
        " UBND thị trấn chỉ đạo các tổ dân phố rà soát hộ nghèo."
    )
    assert found[1][0] == "UBND thị trấn"
    assert found[1][1].startswith("UBND thị trấn chỉ đạo")


def test_a_standing_committee_that_weighs_then_asks_gives_tasks() -> None:
    found = directives(
        "Tại phiên họp tháng 3, Thường trực HĐND tỉnh đánh giá cao kết quả của UBND tỉnh thời"
        " gian qua; đề nghị UBND tỉnh chỉ đạo giải quyết dứt điểm kiến nghị của cử tri."
        " Đồng thời, rà soát các dự án chậm tiến độ."
    )
    assert [unit for unit, _, _ in found] == ["UBND tỉnh", "UBND tỉnh"]


def test_a_connective_is_left_out_only_as_a_whole_word() -> None:
    # "Đồng thời, " and "luôn" open no item, but "theo dõi" is not "theo đó" nor "lượng" "luôn":
    # the item keeps its first word (it was cut to "i chặt chẽ …", "g khách …")
    draft = extract(
        "Sáng 10/9/2018, UBND tỉnh Phú Yên họp. Chủ tịch UBND tỉnh yêu cầu Sở Y tế rà soát hồ sơ;"
        " theo dõi chặt chẽ tình hình dịch bệnh; luôn sẵn sàng ứng phó. Đồng thời, rà soát các"
        " dự án chậm tiến độ. Tuy nhiên, lượng khách quốc tế còn thấp."
    )
    assert [d.text for d in draft.directives] == [
        "Sở Y tế rà soát hồ sơ",
        "theo dõi chặt chẽ tình hình dịch bệnh",
        "sẵn sàng ứng phó",
        "rà soát các dự án chậm tiến độ",
    ]
    assert [lim.text for lim in draft.limitations] == ["lượng khách quốc tế còn thấp"]


def test_a_request_after_theo_do_or_cu_the_opens_the_tasks() -> None:
    # "Theo đó, yêu cầu …", "Cụ thể, yêu cầu …": a request as "Đồng thời, yêu cầu …" is, though
    # no leader is named in the sentence
    found = directives(
        "Ngày 5/6/2023, UBND tỉnh Quảng Bình có văn bản về các cầu treo bị hư hỏng. Theo đó, yêu"
        " cầu UBND huyện Bố Trạch khẩn trương kiểm tra, khắc phục những hư hỏng; cảnh báo, cảnh"
        " giới ngăn không cho người dân lưu thông trên cầu. Cụ thể, yêu cầu Sở Giao thông vận tải"
        " rà soát các cầu treo trên địa bàn tỉnh."
    )
    assert [unit for unit, _, _ in found] == ["UBND huyện Bố Trạch"] * 2 + ["Sở Giao thông vận tải"]
    assert [text for _, text, _ in found] == [
        "UBND huyện Bố Trạch khẩn trương kiểm tra, khắc phục những hư hỏng",
        "cảnh báo, cảnh giới ngăn không cho người dân lưu thông trên cầu",
        "Sở Giao thông vận tải rà soát các cầu treo trên địa bàn tỉnh",
    ]


def test_when_an_event_takes_place_is_no_deadline_and_joined_periods_take_the_later() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch yêu cầu Văn phòng chuẩn bị tốt kỳ họp HĐND"
        " huyện dự kiến diễn ra giữa tháng 7/2023. Các phòng thực hiện tốt nhiệm vụ trong tháng"
        " 8 và những tháng cuối năm 2023."
    )
    assert [due for _, _, due in found] == [None, date(2023, 12, 31)]


def test_a_limitation_after_praise_is_the_weighed_units() -> None:
    found = limitations(
        "Sáng 5/6/2023, Đoàn kiểm tra huyện làm việc với xã Phú Lộc. Đoàn kiểm tra đánh giá"
        " cao kết quả Ban quản lý xây dựng nông thôn mới xã Phú Lộc đã đạt được, tuy nhiên,"
        " việc lưu trữ hồ sơ vẫn còn nhiều thiếu sót. Đoàn đề nghị UBND xã Phú Lộc khắc phục"
        " những hạn chế, thiếu sót."
    )
    assert found == [
        (
            "Ban quản lý xây dựng nông thôn mới xã Phú Lộc",
            "việc lưu trữ hồ sơ vẫn còn nhiều thiếu sót",
        )
    ]


def test_limitations_announced_to_be_overcome_and_their_causes() -> None:
    found = limitations(
        "Sáng 5/6/2023, Thường trực HĐND huyện giao ban với HĐND các xã. Bên cạnh kết quả đạt"
        " được, hoạt động của HĐND huyện, HĐND các xã vẫn còn hạn chế cần khắc phục như: việc"
        " giám sát sau kỳ họp còn hạn chế do thiếu cán bộ chuyên trách."
    )
    assert found == [
        (None, "việc giám sát sau kỳ họp còn hạn chế do thiếu cán bộ chuyên trách"),
    ]


def test_courts_schools_radio_and_party_committees_of_forces_are_units() -> None:
    for name in (
        "Đài Truyền thanh - Truyền hình huyện Tân Lập",
        "Đoàn Thanh niên xã Tân Lập",
        "Trường THCS Lê Lợi",
        "Điện lực huyện Tân Lập",
        "Viện Kiểm sát nhân dân huyện Tân Lập",
        "Đảng ủy Quân sự huyện Tân Lập",
        "Đảng ủy Khối cơ quan tỉnh",
        "Văn phòng Điều phối nông thôn mới huyện Tân Lập",
    ):
        found = directives(
            "Sáng 5/6/2023, UBND huyện Tân Lập họp. Chủ tịch UBND huyện yêu cầu "
            + name
            + " rà soát hồ sơ các hộ nghèo."
        )
        assert [unit for unit, _, _ in found] == [name], name


def test_a_cited_documents_year_and_vua_qua_give_no_meeting_day() -> None:
    cited = extract(
        "Ngày 14/4, Thường trực HĐND tỉnh họp phiên thường kỳ, nhiệm kỳ 2021-2026, cho ý kiến về"
        " việc thực hiện Nghị quyết số 25/2021/NQ-HĐND ngày 30/12/2021 của HĐND tỉnh.",
        today=date(2024, 6, 1),
    )
    assert cited.meeting.date == date(2024, 4, 14)
    lately = extract(
        "07/07/2020\n\nVừa qua, Văn phòng điều phối nông thôn mới huyện đã có buổi làm việc với"
        " UBND xã Bình Thủy."
    )
    assert lately.meeting.date is None


def test_shortcomings_announced_in_one_sentence_are_stated_in_the_next() -> None:
    found = limitations(
        "Sáng 5/6/2023, UBND huyện họp phiên thường kỳ. Bên cạnh đó, các ý kiến tại phiên họp"
        " chỉ ra còn không ít hạn chế, bất cập.\n\nCông tác giải phóng mặt bằng còn chậm."
        " Xây dựng nông thôn mới còn một số vấn đề cần tiếp tục khắc phục. Ý thức chấp hành"
        " của người dân còn kém."
    )
    assert [text for _, text in found] == [
        "Công tác giải phóng mặt bằng còn chậm",
        "Xây dựng nông thôn mới còn một số vấn đề cần tiếp tục khắc phục",
        "Ý thức chấp hành của người dân còn kém",
    ]


def test_a_prime_ministers_request_and_a_route_are_not_misread() -> None:
    draft = extract(
        "Dự án đường sắt Cát Linh – Hà Đông đã đi vào hoạt động.\n\nTại phiên họp, dịch bệnh còn"
        " phức tạp, Thủ tướng yêu cầu cần tập trung phân tích, đánh giá kỹ lưỡng hơn vấn đề này."
    )
    assert draft.meeting.chair is None
    assert [d.text for d in draft.directives] == [
        "cần tập trung phân tích, đánh giá kỹ lưỡng hơn vấn đề này"
    ]


def test_a_lead_in_with_its_own_period_and_topics_before_colons() -> None:
    # "trong tháng tới" names no day: the items get no deadline, not the previous sentence's;
    # "Về công tác y tế:" is the topic of the task after it, not a task
    found = directives(
        "Sáng ngày 03/8/2023 Đảng ủy xã An Phú tổ chức giao ban tháng 8 năm 2023. Đồng chí Lê Văn"
        " Tâm, Bí thư Đảng ủy chủ trì và triển khai các nhiệm vụ trọng tâm tháng 8 năm 2023. Trong"
        " đó nhấn mạnh một số nhiệm vụ cần thực hiện trong tháng tới gồm: Về công tác y tế: tăng"
        " cường tuyên truyền phòng chống sốt xuất huyết; Về giao thông: Triển khai làm đường bê"
        " tông thôn 3."
    )
    assert [(text, due) for _, text, due in found] == [
        ("tăng cường tuyên truyền phòng chống sốt xuất huyết", None),
        ("Triển khai làm đường bê tông thôn 3", None),
    ]


def test_a_headlines_place_completes_a_bare_unit() -> None:
    draft = extract(
        "TP. Hà Tiên: Đẩy nhanh giải ngân vốn đầu tư công\n\nChiều 12/5/2023, Thường trực HĐND"
        " thành phố đề nghị UBND thành phố chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công."
    )
    assert [d.unit for d in draft.directives] == ["UBND thành phố Hà Tiên"]


def test_a_news_lead_naming_a_conclusion_and_a_request_made_before_the_meeting() -> None:
    found = directives(
        "Bảo đảm an toàn giao thông dịp Tết là một trong những kết luận của đồng chí Nguyễn Văn"
        " Hải, Chủ tịch UBND huyện tại hội nghị giao ban sáng 05/01/2024. Hội nghị đánh giá kết"
        " quả tháng 12; Triển khai nhiệm vụ tháng 1."
    )
    assert [text for _, text, _ in found] == ["Bảo đảm an toàn giao thông dịp Tết"]
    before = directives(
        "Trước khi tiến hành giám sát, Thường trực HĐND huyện yêu cầu 8 cơ quan báo cáo kết quả"
        " giải quyết kiến nghị. Thường trực HĐND huyện nhận định: Hầu hết kiến nghị đã được giải"
        " quyết."
    )
    assert before == []


def test_limitations_stated_as_a_share_done_criticised_or_to_be_overcome() -> None:
    draft = extract(
        "Ngày 10/4/2023, UBND tỉnh họp. Tuy nhiên, mới có 12,5% nội dung được giải quyết xong."
        " Phê bình một số sở, ngành còn chậm trong giải quyết thủ tục đầu tư.\nĐồng chí Chủ tịch"
        " lưu ý, bên cạnh kết quả đạt được, các huyện còn những hạn chế cần quan tâm, khắc phục"
        " như, tình trạng báo cáo chậm; công tác thu ngân sách còn đạt thấp."
    )
    texts = [lim.text for lim in draft.limitations]
    assert texts[0].startswith("mới có 12,5% nội dung")
    assert texts[1].startswith("một số sở, ngành còn chậm")
    assert "tình trạng báo cáo chậm" in texts
    assert draft.directives == ()


def test_a_session_with_the_sections_under_a_body_and_a_deadline_from_now() -> None:
    draft = extract(
        "Thường trực Huyện ủy vừa có buổi làm việc với lãnh đạo các phòng chuyên môn trực thuộc"
        " UBND huyện Tân Phước. Bí thư Huyện ủy yêu cầu Trưởng các phòng rà soát công việc từ nay"
        " đến cuối năm 2017 để xây dựng kế hoạch.",
        today=date(2025, 1, 1),
    )
    assert [(d.unit, d.due) for d in draft.directives] == [(None, date(2017, 12, 31))]


def test_a_madam_or_an_office_chief_who_asks_opens_the_leaders_speech() -> None:
    madam = directives(
        "Ngày 12/3/2022, Thường trực HĐND xã Phước Lộc họp phiên thường kỳ. Kết thúc phiên họp,"
        " bà Nguyễn Thị Lan đề nghị UBND xã tiếp tục giải quyết dứt điểm các kiến nghị của cử tri."
    )
    assert [text for _, text, _ in madam] == [
        "UBND xã tiếp tục giải quyết dứt điểm các kiến nghị của cử tri"
    ]
    people = directives(
        "Ngày 12/3/2022, xã Phước Lộc tiếp xúc cử tri. Bà con đề nghị xã sớm sửa chữa tuyến"
        " đường liên thôn bị hư hỏng."
    )
    assert people == []  # "bà con" (the people) is no leader
    office = extract(
        "Sáng 02/12/2021, Chánh Văn phòng UBND tỉnh chủ trì họp giao ban. Trong 02 tuần tới,"
        " Chánh Văn phòng UBND tỉnh yêu cầu công chức Văn phòng UBND tỉnh tập trung thực hiện các"
        " nhiệm vụ như: Khẩn trương rà soát các hồ sơ trình ký. Trong đó, đặc biệt lưu ý các hồ sơ"
        " còn tồn đọng để báo cáo Chủ tịch UBND tỉnh."
    )
    found = [(d.unit, d.text[:20], d.due) for d in office.directives]
    # the body asked in the list's lead-in leads its items; "Trong đó, ..." continues the
    # sentence before and takes its period
    assert found == [
        ("Văn phòng UBND tỉnh", "Khẩn trương rà soát ", date(2021, 12, 16)),
        ("Văn phòng UBND tỉnh", "lưu ý các hồ sơ còn ", date(2021, 12, 16)),
    ]


def test_a_quotation_named_in_the_next_sentence_and_the_meetings_own_discussion() -> None:
    found = directives(
        "Quang cảnh cuộc họp giao ban ngày 08/9/2023.\n“Tập trung rà soát các nhiệm vụ trong"
        " chương trình công tác của Sở để về đích sớm trong quý IV/2023”. Đó là phát biểu chỉ đạo"
        " của đồng chí Giám đốc Sở tại cuộc họp.\nTại cuộc họp, đồng chí Giám đốc Sở yêu cầu các"
        " đồng chí tham gia dự họp cho ý kiến thảo luận chi tiết đối với các nhiệm vụ của từng"
        " phòng."
    )
    assert [(text[:20], due) for _, text, due in found] == [
        ("Tập trung rà soát cá", date(2023, 12, 31))
    ]


def test_the_period_a_report_covers_is_no_deadline() -> None:
    found = directives(
        "Chiều 20/6/2018, Chủ tịch HĐND thành phố chủ trì cuộc họp. Chủ tịch HĐND thành phố đề"
        " nghị các sở, ngành tiếp tục hoàn tất tài liệu, nhất là báo cáo kinh tế - xã hội, quốc"
        " phòng an ninh thành phố 6 tháng đầu năm 2018; các phòng hoàn thành báo cáo trong tháng 7."
    )
    assert [due for _, _, due in found] == [None, date(2018, 7, 31)]


def test_a_bare_ubnd_the_advised_bodys_verb_and_the_period_of_the_work_reviewed() -> None:
    bare = directives(
        "Ngày 15/3/2022, Thường trực HĐND xã Phước Lộc họp. UBND xã thông qua báo cáo. Bà"
        " Nguyễn Thị Lan đề nghị UBND tiếp tục chỉ đạo giải quyết các kiến nghị của cử tri;"
        " hai ban HĐND xã tăng cường công tác giám sát theo chương trình."
    )
    # a bare "UBND" is the one People's Committee the article names; "hai ban ..." none
    assert [unit for unit, _, _ in bare] == ["UBND xã Phước Lộc", None]
    advised = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch giao các phòng nghiên cứu kiến nghị của cử tri;"
        " chủ động phối hợp khảo sát ngay để giải quyết hoặc tham mưu cho UBND huyện chỉ đạo"
        " giải quyết."
    )
    assert [text[:22] for _, text, _ in advised] == [
        "các phòng nghiên cứu k",
        "chủ động phối hợp khảo",
    ]
    reviewed = directives(
        LEAD + "huyện chủ trì. Trong 02 tuần tới, đồng chí Chủ tịch yêu cầu các phòng tập trung"
        " thực hiện các nhiệm vụ như: Khẩn trương rà soát các nhiệm vụ cần hoàn thành trong"
        " tháng 12."
    )
    assert [due for _, _, due in reviewed] == [date(2023, 6, 19)]


def test_a_level_after_a_body_is_read_with_its_tones() -> None:
    # "quan tâm" (to care) is no "quận" (district): "UBND quan tâm ..." is the bare "UBND", the
    # one People's Committee the article names, not a "UBND quan"
    cared = directives(
        "Ngày 15/3/2022, Thường trực HĐND phường Phúc Lợi họp. UBND phường Phúc Lợi thông qua báo"
        " cáo. Bà Nguyễn Thị Lan đề nghị UBND quan tâm chỉ đạo giải quyết các kiến nghị của cử"
        " tri."
    )
    assert [(unit, text[:14]) for unit, text, _ in cared] == [
        ("UBND phường Phúc Lợi", "UBND quan tâm ")
    ]
    assert [m.text for m in find_raw("Đề nghị UBND quan tâm chỉ đạo.")] == ["UBND"]
    assert [m.text for m in find_raw("HĐND tinh thần trách nhiệm cao; Đảng ủy xa dân.")] == [
        "HĐND",
        "Đảng ủy",
    ]
    # "Đảng bộ Quân sự huyện" (the military's party organisation) is no "Đảng bộ quận"
    military = directives(
        "Ngày 15/3/2022, Huyện ủy Phú Lương họp. Đồng chí Bí thư đề nghị Đảng bộ Quân sự huyện"
        " tăng cường công tác huấn luyện."
    )
    assert [unit for unit, _, _ in military] == ["Đảng ủy Quân sự huyện Phú Lương"]
    # the level with its tones, and in a text typed without any marks, its key alone
    assert [m.text for m in find_raw("Đề nghị UBND quận Ba Đình rà soát.")] == ["UBND quận Ba Đình"]
    assert [m.text for m in find_raw("De nghi UBND quan Ba Dinh ra soat.")] == ["UBND quan Ba Dinh"]
    found = directives(
        "Ngày 15/3/2022, UBND quận Ba Đình họp. Ông Nguyễn Văn An đề nghị UBND quận Ba Đình quan"
        " tâm chỉ đạo giải quyết các kiến nghị của cử tri."
    )
    assert [unit for unit, _, _ in found] == ["UBND quận Ba Đình"]
    # "UBMTTQVN phường" is the Front's committee, and names the bodies written before it
    front = find_raw("Dự có lãnh đạo HĐND, UBND, UBMTTQVN phường.")
    assert [m.text for m in front] == ["HĐND phường", "UBND phường", "UBMTTQVN phường"]
    assert unit_key("UBMTTQVN phường") == unit_key("Ủy ban MTTQ Việt Nam phường")


def test_giao_trach_nhiem_a_unit_and_a_range_of_days_and_a_report_due_after_it() -> None:
    found = directives(
        "Ngày 20/9/2019, UBND thị xã họp. Đồng chí Phó Chủ tịch UBND thị xã kết luận như sau:"
        " Giao trách nhiệm Phòng Kinh tế huy động lực lượng ra quân xử lý bèo vào ngày"
        " 28/9/2019-29/9/2019; báo cáo kết quả về UBND thị xã trước ngày 03/10/2019."
        " Đề nghị UBND các xã ra quân vào ngày 28/9/2019 - 29/9/2019."
    )
    assert found[0][0] == "Phòng Kinh tế"
    assert found[0][1].startswith("Phòng Kinh tế huy động")
    # a range of days ends on its last; a deadline proper ("trước") before the day of the work
    assert [due for _, _, due in found] == [date(2019, 9, 29), date(2019, 10, 3), date(2019, 9, 29)]


def test_a_section_addressed_to_a_body_leads_its_items() -> None:
    found = directives(
        "Ngày 03/7/2018, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị giao ban."
        " Nghe báo cáo phương hướng nhiệm vụ tháng 7/2018 của các xã.\n"
        "Ông Nguyễn Văn Tốt, chủ trì hội nghị kết luận chỉ đạo như sau:\n"
        "1. Đối với Ban Thường trực Ủy ban MTTQ Việt Nam huyện:\n"
        "- Tăng cường đi cơ sở, theo dõi nắm bắt dư luận xã hội; nắm sát tình hình nhân dân.\n"
        "2. Đối với Ban Thường trực Ủy ban MTTQ Việt Nam các xã:\n"
        "- Tổ chức tốt ngày hội đại đoàn kết toàn dân tộc ở khu dân cư.\n"
    )
    assert found == [
        (
            "Ban Thường trực Ủy ban MTTQ Việt Nam huyện",
            "Tăng cường đi cơ sở, theo dõi nắm bắt dư luận xã hội; nắm sát tình hình nhân dân",
            None,  # the month another sentence reports on dates no item
        ),
        (None, "Tổ chức tốt ngày hội đại đoàn kết toàn dân tộc ở khu dân cư", None),
    ]


def test_a_bare_ward_asked_is_the_ward_the_article_names() -> None:
    found = directives(
        "Sáng 5/6/2023, Đảng ủy phường Phú Thạnh tổ chức hội nghị sơ kết. Đồng chí Trần Văn"
        " Nam, Bí thư Quận ủy phát biểu chỉ đạo. Đồng chí nhấn mạnh, mỗi cán bộ cần gương mẫu."
        " Phường cần tiếp tục đẩy mạnh chuyển đổi số."
    )
    assert found[-1][:2] == ("phường Phú Thạnh", "Phường cần tiếp tục đẩy mạnh chuyển đổi số")


def test_a_text_without_its_meetings_day_is_read_in_the_year_it_reports() -> None:
    draft = extract(
        "Phiên họp tháng 02, Thường trực HĐND xã thông qua báo cáo hoạt động quý I/2022.\n"
        "Kết thúc phiên họp, bà Lê Thị Thúy đề nghị các ban HĐND xã tăng cường giám sát,"
        " phấn đấu hoàn thành xuất sắc nhiệm vụ trong năm 2022.",
        today=date(2025, 1, 1),
    )
    assert [d.due for d in draft.directives] == [date(2022, 12, 31)]


def test_a_plans_year_and_a_task_opened_by_dong_thoi_take_no_deadline() -> None:
    found = directives(
        "Sáng 02/12/2021, Chánh Văn phòng UBND tỉnh chủ trì họp giao ban. Trong 02 tuần tới,"
        " Chánh Văn phòng UBND tỉnh yêu cầu công chức Văn phòng UBND tỉnh tập trung thực hiện"
        " các nhiệm vụ như: Khẩn trương rà soát, tổng hợp các nhiệm vụ tồn đọng. Đồng thời,"
        " tiếp tục triển khai Kế hoạch kiểm điểm tập thể, cá nhân và đánh giá, xếp loại công"
        " chức, viên chức, người lao động năm 2021 của Văn phòng UBND tỉnh."
    )
    assert [due for _, _, due in found] == [date(2021, 12, 16), None]
    reached = directives(LEAD + "huyện đề nghị các phòng phấn đấu hoàn thành chỉ tiêu năm 2023.")
    assert [due for _, _, due in reached] == [date(2023, 12, 31)]


def test_the_tasks_a_body_gave_are_no_request_and_the_giver_is_no_subject() -> None:
    text = (
        "Ngày 20/10/2017, Tổ Công tác của Chủ tịch UBND tỉnh đã có buổi làm việc tại Sở Văn hóa,"
        " Thể thao và Du lịch về tình hình thực hiện nhiệm vụ của UBND tỉnh giao trong năm 2017."
        " Sở cũng đã cập nhật kết quả thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao"
        " trên phần mềm. Tuy nhiên, một số nhiệm vụ trọng tâm của UBND tỉnh giao, Sở thực hiện"
        " còn chậm, chất lượng tham mưu chưa cao."
    )
    draft = extract(text)
    assert draft.directives == ()
    assert draft.meeting.chair is None  # "Tổ Công tác" is no person
    assert [x.unit for x in draft.limitations] == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_sessions_partner_before_its_topic_and_places_named_van() -> None:
    found = limitations(
        "Ngày 30/11/2018, Tổ công tác của UBND tỉnh đã làm việc với UBND huyện Vân Hồ về kết quả"
        " thực hiện chỉ đạo của UBND tỉnh. Tuy nhiên, huyện Vân Hồ vẫn còn tồn tại một số hạn"
        " chế gồm: Sản xuất nông nghiệp chưa mang tính bền vững; một số nhiệm vụ triển khai còn"
        " chậm."
    )
    assert [unit for unit, _ in found] == ["UBND huyện Vân Hồ", "UBND huyện Vân Hồ"]


def test_a_request_and_the_shortcoming_it_gives_as_its_reason() -> None:
    draft = extract(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu các phòng hướng dẫn các xã phân vốn;"
        " có biện pháp thúc đẩy giải ngân vốn đầu tư công, vì tỷ lệ giải ngân của huyện vẫn còn"
        " thấp."
    )
    assert [x.text for x in draft.directives][
        -1
    ] == "có biện pháp thúc đẩy giải ngân vốn đầu tư công"
    assert [x.text for x in draft.limitations] == ["tỷ lệ giải ngân của huyện vẫn còn thấp"]


def test_tasks_set_with_trong_do_and_periods_joined_by_cung_nhu() -> None:
    found = directives(
        "Sáng 29/5/2017, UBND thành phố họp giao ban. Lãnh đạo UBND thành phố cũng đặt ra các"
        " nhiệm vụ trọng tâm trong tháng 6 cũng như các tháng cuối năm, trong đó tập trung tổ"
        " chức tốt các hoạt động phòng chống dịch bệnh mùa hè; đảm bảo cung cấp điện, nước;"
        " tiếp tục công tác quản lý trật tự xây dựng đô thị."
    )
    assert [(text.split()[0], due) for _, text, due in found] == [
        ("tập", date(2017, 12, 31)),
        ("đảm", date(2017, 12, 31)),
        ("tiếp", date(2017, 12, 31)),
    ]


def test_forces_teams_unions_sub_departments_and_cells_are_units() -> None:
    found = directives(
        "UBND thành phố Hải Dương họp ngày 18/5/2018. Chủ tịch UBND thành phố yêu cầu: Lực lượng"
        " Cảnh sát trật tự cần tăng cường kiểm tra vào buổi trưa. Đội Kiểm tra quy tắc quản lý đô"
        " thị được giao bố trí lực lượng phối hợp với các phường. Đề nghị Công đoàn thành phố"
        " tuyên truyền về trật tự đô thị. Đề nghị Chi cục Kiểm lâm tăng cường tuần tra rừng."
        " Đề nghị Chi bộ VKSND rà soát quy chế làm việc."
    )
    assert [unit for unit, _, _ in found] == [
        "Lực lượng Cảnh sát trật tự",
        "Đội Kiểm tra quy tắc quản lý đô thị",
        "Công đoàn thành phố Hải Dương",
        "Chi cục Kiểm lâm",
        "Chi bộ VKSND",
    ]


def test_bodies_named_place_by_place_and_a_documents_day() -> None:
    draft = extract(
        "TP Hải Dương chấn chỉnh trật tự đô thị\n"
        "Ngày 18.5, UBND TP Hải Dương có công văn số 463/UBND-QLĐT về việc tổ chức ra quân chấn"
        " chỉnh trật tự đô thị. Theo đó, UBND thành phố yêu cầu Chủ tịch UBND các phường: Thanh"
        " Bình, Cẩm Thượng, Bình Hàn tổ chức ra quân chấn chỉnh trật tự đô thị. Hoàn thành và báo"
        " cáo kết quả về UBND thành phố trước ngày 31.5.",
        today=date(2018, 5, 21),
    )
    assert draft.meeting.date is None  # the day of a document, not of a meeting
    assert [(d.unit, d.due) for d in draft.directives] == [
        ("UBND phường Thanh Bình", None),
        ("UBND phường Thanh Bình", date(2018, 5, 31)),  # read against the document's day
    ]
    assert draft.directives[0].text.startswith("Chủ tịch UBND các phường: Thanh Bình, Cẩm")


def test_a_plural_level_listing_its_places_by_name_is_led_by_the_first() -> None:
    found = directives(
        "Kết luận hội nghị, đồng chí Chủ tịch UBND tỉnh yêu cầu các cấp, các ngành thường xuyên"
        " theo dõi diễn biến của cơn bão. Hai huyện Tiền Hải và Thái Thụy khẩn trương kêu gọi tàu"
        " thuyền vào nơi tránh trú bão an toàn. Các xã Đông Hoàng, Đông Long tổ chức sơ tán"
        " người dân khỏi khu vực nguy hiểm."
    )
    # GUIDE.md: bodies named place by place are led by the first named; a plural level with no
    # name after it ("các cấp, các ngành") stays no one's
    assert [unit for unit, _, _ in found] == [None, "huyện Tiền Hải", "xã Đông Hoàng"]


def test_a_place_whose_name_holds_an_apostrophe_is_read_whole() -> None:
    found = find_raw(
        "Kết luận đối với Ban Thường vụ Huyện ủy Ea H’leo nhiệm kỳ 2015-2020, UBND huyện Đắk"
        " G'long và huyện Cư M’gar."
    )
    # not "Huyện ủy Ea H", "UBND huyện Đắk G"
    assert [m.text for m in found] == [
        "Huyện ủy Ea H’leo",
        "UBND huyện Đắk G'long",
        "huyện Cư M’gar",
    ]
    # a quotation mark after a place closes the quotation, no syllable follows
    assert [m.text for m in find_raw("Đề nghị huyện Cư Jút' rà soát.")] == ["huyện Cư Jút"]


def test_a_place_asked_by_its_name_is_the_place_not_its_committee() -> None:
    found = directives(
        "Chiều 3/8, Chủ tịch UBND thành phố làm việc với UBND quận Đống Đa về vụ vi phạm trật tự"
        " xây dựng. Kết luận buổi làm việc, Chủ tịch UBND thành phố yêu cầu Sở Xây dựng kiểm tra"
        " toàn bộ công trình. Cùng với đó, quận Đống Đa tổ chức tiếp công dân, giải quyết dứt điểm"
        " những nội dung khiếu nại của công dân."
    )
    # GUIDE.md: "quận Đống Đa …" is the place as written (every read label so), although the
    # text names its People's Committee
    assert [unit for unit, _, _ in found] == ["Sở Xây dựng", "quận Đống Đa"]


def test_a_party_committee_asked_and_lanh_chi_dao() -> None:
    found = directives(
        "Tại buổi làm việc, đoàn công tác đã chỉ ra một số hạn chế. Kết luận buổi làm việc, đồng"
        " chí Trần Văn Chiến đề nghị, thời gian tới, Huyện ủy Gia Lâm cần tiếp tục tập trung lãnh"
        " chỉ đạo tốt công tác xây dựng đảng; đẩy mạnh công tác luân chuyển cán bộ."
    )
    assert [unit for unit, _, _ in found] == ["Huyện ủy Gia Lâm", "Huyện ủy Gia Lâm"]
    assert found[0][1].startswith("Huyện ủy Gia Lâm cần tiếp tục")


def test_an_inspection_its_district_asked_and_what_the_district_did() -> None:
    draft = extract(
        "Sáng 19/6/2020, Tổ công tác của Chủ tịch UBND tỉnh đã kiểm tra tình hình thực hiện nhiệm"
        " vụ của UBND tỉnh giao tại huyện Cao Lộc.\n"
        "6 tháng đầu năm 2020, UBND huyện Cao Lộc được UBND tỉnh giao 13 nhiệm vụ, UBND huyện đã"
        " chỉ đạo, tập trung triển khai các nhiệm vụ. Đã phối hợp giải quyết 7/7 kiến nghị do Đoàn"
        " đại biểu Quốc hội tổng hợp.\n"
        "Đồng thời, đề nghị huyện giải quyết dứt điểm các nội dung giao việc còn tồn tại.",
        today=date(2020, 6, 25),
    )
    assert draft.meeting.date == date(2020, 6, 19)  # "tổng hợp" is no meeting ("họp")
    assert draft.meeting.kind == "working-session"
    # a bare level word is the place, even at a session with its People's Committee (GUIDE)
    assert [(d.unit, d.text.split()[0]) for d in draft.directives] == [("huyện Cao Lộc", "huyện")]


def test_a_condition_and_the_purpose_of_a_meeting_are_no_tasks() -> None:
    found = directives(
        "Phó Chủ tịch UBND huyện Nguyễn Xuân Thảo vừa chủ trì buổi làm việc chỉ đạo xử lý vi phạm"
        " đất đai trên địa bàn. Phó Chủ tịch UBND huyện yêu cầu Chủ tịch UBND các xã tăng cường"
        " kiểm tra. Trong trường hợp, xã để phát sinh vi phạm mới mà không xử lý dứt điểm, Chủ tịch"
        " xã sẽ chịu hình thức kỷ luật."
    )
    assert [text.split()[0] for _, text, _ in found] == ["Chủ"]


def test_who_states_the_shortcomings_is_not_whose_they_are() -> None:
    found = limitations(
        "Ngày 03/8/2023, Đoàn kiểm tra của Thị ủy đã có buổi làm việc, kiểm tra, giám sát việc"
        " thực hiện công tác đảng viên của chi bộ VKSND. Bên cạnh những kết quả đạt được, Đoàn"
        " kiểm tra đã chỉ ra những hạn chế như: Một số nội dung trong Quy chế chưa phù hợp với"
        " thực tế; Công tác tạo nguồn đảng viên đang gặp khó khăn."
    )
    assert [unit for unit, _ in found] == ["Chi bộ VKSND", "Chi bộ VKSND"]


def test_a_session_held_with_the_one_body_its_conclusion_addresses() -> None:
    draft = extract(
        "Tại buổi làm việc, các thành viên đoàn công tác đã chỉ ra một số tồn tại, hạn chế cần sớm"
        " khắc phục là: Công tác giáo dục chính trị cho đảng viên chưa được quan tâm thường xuyên;"
        " việc xây dựng quy chế của một số cấp ủy, Ủy ban Kiểm tra Đảng ủy chưa chặt chẽ.\n"
        "Kết luận buổi làm việc, đồng chí Trần Văn Chiến đề nghị, thời gian tới, Huyện ủy Gia Lâm"
        " cần tiếp tục tập trung lãnh đạo công tác xây dựng đảng."
    )
    assert draft.meeting.kind == "working-session"
    # the unit listed after a plural ("của một số cấp ủy, ...") is none of them
    assert [x.unit for x in draft.limitations] == ["Huyện ủy Gia Lâm", "Huyện ủy Gia Lâm"]


def test_lists_announced_by_tap_trung_or_written_with_ordinals() -> None:
    found = directives(
        "Sáng 5/6/2023, UBND huyện họp. Chủ tịch UBND huyện đề nghị thời gian tới cần tập trung:"
        " Một là, rà soát ngân sách. Hai là, kiện toàn bộ máy."
    )
    assert [text for _, text, _ in found] == ["rà soát ngân sách", "kiện toàn bộ máy"]
    found = directives(
        "Sáng 5/6/2023, UBND huyện họp. Chủ tịch UBND huyện yêu cầu: a) Phòng Tài chính rà soát"
        " ngân sách; b) Phòng Nội vụ kiện toàn bộ máy."
    )
    assert [unit for unit, _, _ in found] == ["Phòng Tài chính", "Phòng Nội vụ"]


def test_whose_view_a_shortcoming_is_given_as_is_no_part_of_it() -> None:
    found = limitations(
        LEAD + "huyện chủ trì. Tuy nhiên, theo các đồng chí lãnh đạo UBND huyện, có những việc"
        " thuộc thẩm quyền của địa phương nhưng vẫn chưa được giải quyết kịp thời."
    )
    assert [text.split()[0] for _, text in found] == ["có"]


def test_giao_before_a_colon_still_assigns() -> None:
    found = directives(LEAD + "huyện chủ trì. Chủ tịch UBND huyện giao: Phòng Nội vụ rà soát.")
    assert [unit for unit, _, _ in found] == ["Phòng Nội vụ"]


def test_a_theme_a_months_tasks_and_the_day_an_event_is_held_are_no_deadlines() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    assert find_deadlines("gắn với thực hiện Chỉ thị 05 theo chuyên đề năm 2018", None) == []
    assert find_deadlines("Về nhiệm vụ trọng tâm tháng 6, Thường trực chỉ đạo", None) == []
    assert find_deadlines("kỳ họp thứ 7 dự kiến tổ chức vào ngày 26/12/2018", None) == []
    # the last months of the year still date the tasks, and "trước" still is a deadline
    found = find_deadlines("Nhiệm vụ những tháng cuối năm còn nặng nề", None)
    assert [d.phrase for d in found] == ["những tháng cuối năm"]
    found = find_deadlines("tổ chức kỳ họp trước ngày 26/12/2018", None)
    assert [d.phrase for d in found] == ["trước ngày 26/12/2018"]


def test_a_period_inside_the_purpose_after_a_task_does_not_date_it() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch yêu cầu UBND các xã kiểm điểm rút kinh nghiệm;"
        " đề ra các giải pháp để thực hiện tốt việc duy trì các tiêu chí trong năm 2023."
        " Các phòng rà soát các chỉ tiêu để hoàn thành trong tháng 12/2023."
    )
    assert [due for _, _, due in found] == [None, None, date(2023, 12, 31)]


def test_the_body_a_lead_in_asks_leads_the_entries_of_the_next_paragraphs() -> None:
    found = directives(
        "Sáng 7/12/2018, HĐND phường Phúc Lợi giao ban tháng 11.\n\nKết luận cuộc họp, ông Dương"
        " Ngọc Dũng, Chủ tịch HĐND phường đề nghị Thường trực HĐND phường Phúc Lợi, các ban HĐND"
        " phường tập trung thực hiện tốt một số nội dung sau:\n\n- Duy trì trực tiếp công dân"
        " theo định kỳ của đại biểu HĐND.\n\n- Chuẩn bị tốt các bước quy trình bầu bổ sung đúng"
        " quy định."
    )
    assert [unit for unit, _, _ in found] == ["Thường trực HĐND phường Phúc Lợi"] * 2


def test_a_bare_standing_committee_is_the_one_council_the_article_names() -> None:
    found = directives(
        "Sáng 7/12/2018, HĐND phường Phúc Lợi giao ban tháng 11.\n\nKết luận cuộc họp, ông Dương"
        " Ngọc Dũng, Chủ tịch HĐND phường đề nghị thường trực HĐND, các ban HĐND phường tập"
        " trung thực hiện tốt một số nội dung sau:\n\n- Duy trì trực tiếp công dân theo định kỳ"
        " của đại biểu HĐND.\n\n- Chuẩn bị tốt các bước quy trình bầu bổ sung đúng quy định."
    )
    assert [unit for unit, _, _ in found] == ["Thường trực HĐND phường Phúc Lợi"] * 2


def test_a_departments_field_written_short_is_the_same_unit() -> None:
    from dirtrack.extract.units import unit_key

    assert unit_key("Phòng TN&MT huyện Mộ Đức") == unit_key(
        "phòng Tài nguyên và Môi trường huyện Mộ Đức"
    )
    assert unit_key("Sở NN&PTNT") == unit_key("Sở Nông nghiệp và Phát triển nông thôn")
    assert unit_key("Sở LĐ-TB&XH") == unit_key("Sở Lao động - Thương binh và Xã hội")
    assert unit_key("Sở GTVT") == unit_key("Sở Giao thông vận tải")


SESSION = (
    "Sáng 3/5/2024, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy"
    " Tân Phú.\n\n"
)


def test_a_committees_standing_board_asked_is_the_committee() -> None:
    found = directives(
        SESSION + "Đồng chí Nguyễn Văn An yêu cầu Ban Thường vụ Huyện ủy Tân Phú phải tập trung"
        " lãnh đạo phát triển kinh tế."
    )
    assert [unit for unit, _, _ in found] == ["Huyện ủy Tân Phú"]


def test_shortcomings_stated_then_listed_after_do_la_are_each_one() -> None:
    found = limitations(
        SESSION + "Ban Thường vụ Huyện ủy Tân Phú đã chỉ ra những hạn chế, đó là chuyển dịch cơ"
        " cấu kinh tế còn chậm; một số chỉ tiêu về y tế chưa đạt; công tác cải cách hành chính"
        " chậm chuyển biến."
    )
    assert [text for _, text in found] == [
        "chuyển dịch cơ cấu kinh tế còn chậm",
        "một số chỉ tiêu về y tế chưa đạt",
        "công tác cải cách hành chính chậm chuyển biến",
    ]


def test_a_caption_names_the_kind_when_the_text_does_not() -> None:
    draft = extract(
        "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy cho biết tình hình kinh tế tiếp tục phát triển.\n\n"
        "Đồng chí Nguyễn Văn An phát biểu chỉ đạo tại buổi làm việc với Huyện ủy Tân Phú\n\n"
        "Đồng chí Nguyễn Văn An chỉ đạo Huyện ủy Tân Phú phải tập trung phát triển kinh tế."
    )
    assert draft.meeting.kind == "working-session"


def test_a_paragraph_opening_on_a_modal_goes_on_with_the_task_before_it() -> None:
    found = directives(
        "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy cho biết tình hình kinh tế tiếp tục phát triển."
        "\n\nĐồng chí Nguyễn Văn An chỉ đạo Huyện ủy Tân Phú phải tập trung phát triển kinh tế."
        "\n\nĐặc biệt phải tiếp tục đổi mới phương thức lãnh đạo của Đảng, xây dựng đội ngũ cán bộ."
    )
    assert [unit for unit, _, _ in found] == ["Huyện ủy Tân Phú"] * 2
    assert found[1][1].startswith("phải tiếp tục đổi mới")


BRIEFING = "Sáng 3/5/2024, UBND tỉnh họp thường kỳ tháng 5. "


def test_a_general_difficulty_and_what_still_goes_on_are_shortcomings() -> None:
    found = limitations(
        BRIEFING + "Tuy nhiên, thời tiết diễn biến không thuận lợi, mưa lớn kéo dài. Tình trạng"
        " khai thác cát trái phép vẫn còn diễn ra ở một số xã. Giải ngân vốn đầu tư chưa cao;"
        " một số địa phương chưa quyết liệt trong chỉ đạo."
    )
    assert [text.split()[0] for _, text in found] == ["thời", "Tình", "Giải", "một"]


def test_where_things_stand_said_negatively_is_a_shortcoming_not_a_task() -> None:
    draft = extract(
        BRIEFING + "Đồng chí Chủ tịch yêu cầu Sở Xây dựng rà soát quy hoạch nghĩa trang. Đến nay,"
        " chưa có xã nào báo cáo kết quả xử lý vi phạm về đất nghĩa trang."
    )
    assert [d.unit for d in draft.directives] == ["Sở Xây dựng"]
    assert [x.text.split()[-1] for x in draft.limitations] == ["trang"]


def test_a_concession_inside_a_clause_then_a_judgement_is_one_shortcoming() -> None:
    found = limitations(
        BRIEFING + "Trong buổi họp, công tác quản lý đất đai tuy có tập trung nhưng còn lúng túng"
        " trong nhiều vụ việc phức tạp."
    )
    assert [text for _, text in found] == [
        "công tác quản lý đất đai tuy có tập trung nhưng còn lúng túng trong nhiều vụ việc phức tạp"
    ]


def test_violations_handled_are_no_judgement() -> None:
    found = limitations(
        BRIEFING + "Bên cạnh đó, huyện đã thành lập tổ kiểm tra và xử lý nghiêm các trường hợp vi"
        " phạm về đất đai."
    )
    assert found == []


def test_more_shortcomings_after_ngoai_ra_go_on_with_those_stated() -> None:
    found = limitations(
        BRIEFING + "Các chi bộ phản ánh một số khó khăn như: đảng viên phần lớn tuổi cao;"
        " cơ sở vật chất còn thiếu.\n\nNgoài ra, khối lượng văn bản ngày càng nhiều, gây áp lực"
        " cho cán bộ kiêm nhiệm."
    )
    assert [text.split()[0] for _, text in found] == ["đảng", "cơ", "khối"]


def test_a_notice_reported_as_just_issued_gives_no_meeting_day() -> None:
    draft = extract(
        "Kết luận của Chủ tịch UBND tỉnh tại hội nghị sơ kết 9 tháng\n\n14/10/2019\n\nUBND tỉnh"
        " vừa có thông báo kết luận của Chủ tịch UBND tỉnh tại hội nghị sơ kết công tác 9 tháng"
        " đầu năm. Chủ tịch UBND tỉnh yêu cầu Sở Tài chính rà soát các khoản thu."
    )
    assert draft.meeting.date is None


def test_a_request_that_only_announces_tasks_is_no_item() -> None:
    found = directives(
        BRIEFING + "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, Chủ tịch UBND các huyện tập trung"
        " vào một số nhiệm vụ trọng tâm."
    )
    assert found == []


def test_a_documents_subject_and_a_bare_marker_clause_announce_the_list() -> None:
    found = directives(
        "Ngày 29/12/2017, Chủ tịch UBND huyện ban hành Công văn số 1423/UBND-NC về việc giao"
        " nhiệm vụ cho các cơ quan tham mưu giải quyết vụ việc. Theo đó, Chủ tịch UBND huyện giao"
        " nhiệm vụ cho thủ trưởng các cơ quan tiếp tục thực hiện các vụ việc; cụ thể như sau:\n\n"
        "1. Giao phòng Tài nguyên và Môi trường huyện:\n\n"
        "1.1. Việc một số hộ dân bao chiếm đất nghĩa trang; trồng cây trong nghĩa trang:\n\n"
        "Giao phòng TN&MT huyện tham mưu xây dựng quy chế quản lý nghĩa trang."
    )
    assert [text for _, text, _ in found] == [
        "phòng TN&MT huyện tham mưu xây dựng quy chế quản lý nghĩa trang"
    ]


def test_a_province_body_written_bare_takes_the_province_the_article_names() -> None:
    found = directives(
        "Ngày 14/9/2018, Thường trực HĐND tỉnh Bình An tổ chức phiên họp thường kỳ tháng 8. Phát"
        " biểu kết luận, Chủ tịch HĐND tỉnh Trương Văn Sáu yêu cầu Văn phòng UBND tỉnh chuẩn bị"
        " đầy đủ các tờ trình."
    )
    assert [unit for unit, _, _ in found] == ["Văn phòng UBND tỉnh Bình An"]


def test_a_person_named_after_a_place_is_no_part_of_it() -> None:
    found = directives(
        "Sáng 5/6/2023, HĐND tỉnh Bạc Liêu Lữ Văn Hùng chủ trì phiên họp. Đồng chí Lữ Văn Hùng"
        " yêu cầu UBND tỉnh triển khai các kiến nghị của cử tri."
    )
    assert [unit for unit, _, _ in found] == ["UBND tỉnh Bạc Liêu"]


def test_a_board_of_a_city_committee_written_short_takes_the_city() -> None:
    found = directives(
        "Sáng 1/10/2025, Bí thư Thành ủy TPHCM Trần Văn Nam làm việc với phường Dĩ An. Bí thư"
        " Thành ủy TPHCM đề nghị Ban Tổ chức Thành ủy, Sở Nội vụ phải ưu tiên phân bổ biên chế."
    )
    assert [unit for unit, _, _ in found] == ["Ban Tổ chức Thành ủy TPHCM"]


def test_the_horizon_in_a_cited_documents_subject_is_no_deadline() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    ref = date(2018, 6, 15)
    cited = "thực hiện Nghị quyết số 05-NQ/TU về xây dựng thị xã Long Mỹ đến năm 2020 đạt chuẩn"
    assert find_deadlines(cited, ref) == []
    assert [d.due for d in find_deadlines("hoàn thành đến năm 2020", ref)] == [date(2020, 12, 31)]


def test_a_semicolon_inside_parentheses_does_not_split() -> None:
    from dirtrack.extract.sentences import split_clauses

    clauses = split_clauses(
        "Quản lý đất chưa chặt chẽ (còn 11 thửa chưa xác lập; 06 thửa bị lấn chiếm); X"
    )
    assert len(clauses) == 2


def test_the_body_inspected_after_a_topic_with_bao_ve_is_the_sessions_partner() -> None:
    found = limitations(
        "Chiều ngày 30 tháng 8 năm 2020, Đoàn giám sát của Thường trực HĐND huyện giám sát kết quả"
        " công tác quản lý đất đai và bảo vệ môi trường tại UBND xã Tân Mỹ. Tuy nhiên, việc ô"
        " nhiễm môi trường trong chăn nuôi vẫn còn xảy ra."
    )
    assert [unit for unit, _ in found] == ["UBND xã Tân Mỹ"]


def test_who_wrote_a_petition_is_not_the_chair() -> None:
    draft = extract(
        "Ngày 08/4/2021, Văn phòng UBND tỉnh ban hành văn bản thông báo ý kiến chỉ đạo của Chủ"
        " tịch UBND tỉnh, giao Sở Tư pháp trả lời đơn của bà Nguyễn Thị Thắng."
    )
    assert draft.meeting.chair is None


def test_what_a_unit_proposes_is_no_task() -> None:
    found = directives(
        "Sáng 5/6/2023, Thường trực HĐND tỉnh làm việc với UBND huyện Bù Đăng. UBND huyện kiến"
        " nghị sớm giao chỉ tiêu thu quỹ phòng chống thiên tai; hướng dẫn thủ tục san lấp mặt bằng."
    )
    assert found == []
    asked = directives(
        "Sáng 5/6/2023, Thường trực HĐND tỉnh làm việc với UBND huyện Bù Đăng. Đồng chí Chủ tịch"
        " HĐND tỉnh yêu cầu Sở Tài chính đề xuất phương án phân bổ vốn trước ngày 30/6/2023."
    )
    assert [unit for unit, _, _ in asked] == ["Sở Tài chính"]


def test_a_headline_working_with_a_place_is_a_working_session() -> None:
    draft = extract(
        "Chủ tịch UBND tỉnh Võ Thành Hạo làm việc huyện Giồng Trôm\n\nNăm 2013, tổng thu ngân sách"
        " của huyện đạt 61 tỷ đồng. Ông Võ Thành Hạo đề nghị huyện Giồng Trôm cần nhân rộng các mô"
        " hình sản xuất."
    )
    assert draft.meeting.kind == "working-session"


def test_boards_assigned_by_giao_are_units_not_a_briefing() -> None:
    head = (
        "Sáng 6/5/2022, HĐND tỉnh Nam Sơn họp. Đồng chí Chủ tịch yêu cầu các đơn vị chuẩn bị tốt. "
    )
    cases = {
        "Giao Ban cán sự Đảng UBND tỉnh chỉ đạo các cơ quan hoàn thiện văn bản.": (
            "Ban cán sự Đảng UBND tỉnh Nam Sơn"
        ),
        "Giao Ban Văn hóa- Xã hội giám sát việc dạy tin học.": "Ban Văn hóa- Xã hội",
    }
    for task, unit in cases.items():
        assert [u for u, _, _ in directives(head + task)][1:] == [unit], task
    # "giao ban" is still a briefing, no one's task
    found = directives(head + "Sau hội nghị giao ban, các sở tổ chức thực hiện.")
    assert [u for u, _, _ in found] == [None, None]


def test_a_cell_named_by_its_number_and_its_members_are_the_unit() -> None:
    found = directives(
        "Tối 5/6/2023, Chi bộ 7 sinh hoạt thường kỳ. Đồng chí Bí thư Đảng ủy phường yêu cầu tập"
        " thể và từng cá nhân cấp ủy chi bộ 7 phải nhanh chóng ổn định tổ chức."
    )
    assert [u for u, _, _ in found] == ["Chi bộ 7"]


def test_a_province_asked_by_its_name_is_the_province() -> None:
    found = directives(
        "Sáng 6/5/2022, UBND tỉnh Nam Sơn họp với các sở. Đồng chí Phó Thủ tướng yêu cầu tỉnh Nam"
        " Sơn chỉ đạo kiểm tra, giải quyết dứt điểm các sai phạm về đất đai."
    )
    assert [u for u, _, _ in found] == ["tỉnh Nam Sơn"]


def test_a_standing_board_without_its_place_is_its_committee() -> None:
    found = directives(
        "Ngày 13-10, Ban Thường vụ Quận ủy Hòa Lạc kiểm điểm tập thể. Dự và chỉ đạo, đồng chí"
        " Nguyễn Văn An yêu cầu BTV Quận ủy cần tập trung kiểm điểm sâu các nội dung."
    )
    assert [u for u, _, _ in found] == ["Quận ủy Hòa Lạc"]


def test_the_headline_names_the_partner_the_lead_does_not() -> None:
    found = directives(
        "Chủ tịch UBND tỉnh làm việc với UBND huyện Khe Sanh\n\nSáng 5/6/2023, đoàn công tác của"
        " tỉnh đã có buổi làm việc tại huyện về phát triển kinh tế. Kết luận buổi làm việc, đồng"
        " chí Chủ tịch yêu cầu tập trung giải phóng mặt bằng các dự án trọng điểm."
    )
    assert [u for u, _, _ in found] == ["UBND huyện Khe Sanh"]


def test_a_unit_a_body_directs_to_act_is_the_unit() -> None:
    head = (
        "Sáng 6/5/2022, UBND tỉnh Nam Sơn họp về đất đai. Đồng chí Chủ tịch yêu cầu các huyện"
        " chuẩn bị tốt mặt bằng. "
    )
    found = directives(
        head + "Theo đó, UBND tỉnh Nam Sơn chỉ đạo Sở Tài nguyên & Môi trường khẩn trương tổ"
        " chức công khai bản đồ quy hoạch tại các xã.\n\nLàm rõ diện tích đất được giao, báo"
        " cáo UBND tỉnh trước ngày 31/5/2022."
    )
    # the paragraph after it goes on with the unit's tasks
    assert [u for u, _, _ in found][1:] == ["Sở Tài nguyên & Môi trường"] * 2
    # what a body directed in the past is no one's task
    found = directives(
        head + "Trước đó, UBND tỉnh Nam Sơn đã chỉ đạo Sở Xây dựng khẩn trương kiểm tra các"
        " công trình."
    )
    assert [u for u, _, _ in found][1:] == []


def test_a_body_s_own_review_gives_its_tasks_to_that_body() -> None:
    found = directives(
        "Ngày 13-10, Ban Thường vụ Huyện ủy Nam Sơn đã kiểm điểm đối với tập thể và cá nhân. Dự"
        " và chỉ đạo, đồng chí Nguyễn Văn An yêu cầu BTV Huyện ủy kiểm điểm toàn diện các nội"
        " dung. Việc kiểm điểm phải theo trình tự, tập thể trước, cá nhân sau."
    )
    assert [u for u, _, _ in found] == ["Huyện ủy Nam Sơn", "Huyện ủy Nam Sơn"]


def test_tasks_named_as_a_leader_s_directive_after_them_are_read() -> None:
    found = directives(
        "Huyện Nam Sơn cần xây dựng những tuyến đường liên kết vùng; đồng thời chuẩn bị các"
        " điều kiện để đón các nhà đầu tư lớn. Đó là chỉ đạo của đồng chí Nguyễn Văn An, Chủ"
        " tịch UBND tỉnh tại buổi làm việc với Ban Thường vụ Huyện ủy Nam Sơn."
    )
    assert [t.split()[0] for _, t, _ in found] == ["Huyện", "chuẩn"]


def test_the_meeting_named_where_the_text_reports_it_gives_the_kind() -> None:
    text = (
        "Thời gian qua nhân dân xã Nam Sơn đã đồng thuận xây dựng nông thôn mới. Đến nay xã đạt"
        " 17 tiêu chí. Các ngành đã thảo luận làm rõ tồn tại. Tại hội nghị, các ngành đề xuất"
        " giải pháp. Tại buổi làm việc, lãnh đạo huyện yêu cầu các ngành giúp xã hoàn thành."
    )
    assert extract(text).meeting.kind == "working-session"
    # a text that names no meeting still gives no kind
    assert extract("Thời gian qua nhân dân xã Nam Sơn đã đồng thuận.").meeting.kind is None


def test_a_level_s_party_committee_written_out_is_that_committee() -> None:
    from dirtrack.extract.units import unit_key

    assert unit_key("Đảng ủy tỉnh Tân Hòa") == unit_key("Tỉnh ủy Tân Hòa")
    assert unit_key("Đảng ủy thành phố Nam Sơn") == unit_key("Thành ủy Nam Sơn")
    assert unit_key("Ban Tổ chức Đảng ủy huyện Nam Sơn") == unit_key("Ban Tổ chức Huyện ủy Nam Sơn")
    # a commune's committee and the military one keep their own names
    assert unit_key("Đảng ủy xã Nam Sơn") == "dang uy xa nam son"
    assert unit_key("Đảng ủy Quân sự tỉnh") != unit_key("Quân ủy sự tỉnh")


def test_a_bare_commune_is_the_place_even_when_its_peoples_committee_is_named() -> None:
    """'Thị trấn còn một số tồn tại' after 'báo cáo của UBND thị trấn' went to the People's
    Committee; GUIDE: a commune, ward or town written by its level is the place."""
    found = extract(
        "Ngày 6/6/2022, HĐND thị trấn Tà Lùng tổ chức kỳ họp thứ 5. Theo báo cáo của UBND thị"
        " trấn, thu ngân sách đạt 90% dự toán. Thị trấn còn một số tồn tại, hạn chế như: công"
        " tác quản lý đô thị còn bất cập; việc thu phí còn chậm."
    ).limitations
    assert [item.unit for item in found] == ["thị trấn Tà Lùng"] * 2
    # so is a district, whichever of its bodies the text names (GUIDE)
    found = extract(
        "Ngày 6/6/2022, HĐND huyện Nam Sơn họp. Theo báo cáo của UBND huyện Nam Sơn, thu ngân"
        " sách đạt 90%. Huyện còn một số hạn chế như: công tác thu ngân sách còn chậm."
    ).limitations
    assert [item.unit for item in found] == ["huyện Nam Sơn"]


def test_a_bare_level_that_still_has_shortcomings_is_the_one_named_before() -> None:
    for lead in ("Bên cạnh những kết quả đạt được, huyện hiện", "Tuy nhiên, huyện vẫn", "Huyện"):
        found = extract(
            "Năm qua huyện Nam Sơn đạt nhiều kết quả. "
            f"{lead} còn một số hạn chế như: công tác thu ngân sách còn chậm; chất lượng"
            " giáo dục chưa đồng đều."
        ).limitations
        assert [item.unit for item in found] == ["huyện Nam Sơn"] * 2, lead
    # a bare level in the middle of a clause names no unit
    found = extract(
        "Năm qua huyện Nam Sơn đạt nhiều kết quả. Đoàn kiểm tra thấy ở huyện còn một số hạn chế"
        " như: công tác thu ngân sách còn chậm."
    ).limitations
    assert all(item.unit != "huyện Nam Sơn" for item in found)


def test_a_place_whose_halves_a_dash_joins_is_one_place() -> None:
    from dirtrack.extract.units import find_raw

    assert [m.text for m in find_raw("UBND tỉnh Bà Rịa - Vũng Tàu cần rà soát.")] == [
        "UBND tỉnh Bà Rịa - Vũng Tàu"
    ]
    # a person after the place, or a phrase that is no name, is not part of it
    assert [m.text for m in find_raw("UBND huyện Nam Sơn - Nguyễn Văn An cho biết.")][0] == (
        "UBND huyện Nam Sơn"
    )
    assert [m.text for m in find_raw("UBND tỉnh Nam Sơn - cơ quan chủ trì.")] == [
        "UBND tỉnh Nam Sơn"
    ]


def test_a_steering_body_named_with_chi_dao_gives_no_task() -> None:
    found = directives(
        "Thực hiện sự chỉ đạo của Chủ tịch UBND tỉnh, Ban Chỉ đạo chương trình xây dựng nông thôn"
        " mới tỉnh vừa tổ chức các đoàn kiểm tra tiến độ tại 10 huyện."
    )
    assert found == []


def test_what_is_planned_and_what_a_visitor_gave_are_no_tasks() -> None:
    found = directives(
        "Sáng 5/6/2023, đồng chí Trần Văn Nam, Phó Thủ tướng làm việc với huyện Bắc Trà My. Tại"
        " buổi làm việc, ông Nam đề nghị huyện Bắc Trà My phải làm tốt công tác an dân. Ông Nam"
        " cũng tặng 30 suất quà cho học sinh có hoàn cảnh khó khăn. Kỳ họp dự kiến tổ chức từ ngày"
        " 20 - 22.7."
    )
    assert [text.split()[0] for _, text, _ in found] == ["huyện"]


def test_offices_named_after_a_colon_do_not_split_the_task() -> None:
    from dirtrack.extract.sentences import split_clauses

    sentence = (
        "giao Ban Quản lý Khu kinh tế chủ trì, phối hợp với các Sở: Tài nguyên và Môi trường,"
        " Xây dựng, Kế hoạch và Đầu tư khảo sát lại địa điểm."
    )
    assert len(split_clauses(sentence)) == 1
    assert len(split_clauses("Chủ tịch yêu cầu các phòng: Rà soát lại hồ sơ.")) == 2


def test_a_planned_session_an_anniversary_and_a_later_year_are_not_the_meetings_day() -> None:
    planned = extract(
        "Tại hội nghị liên tịch, Thường trực HĐND tỉnh yêu cầu UBND tỉnh rà soát các nội dung"
        " trình. Kỳ họp dự kiến tổ chức từ ngày 20 - 22.7.",
        today=date(2022, 6, 12),
    )
    assert planned.meeting.date is None
    anniversary = extract(
        "Thực hiện hướng dẫn tuyên truyền kỷ niệm 51 năm ngày giải phóng Gio Linh (02/4/1972 –"
        " 02/4/2023), Ủy ban nhân dân xã yêu cầu các thôn treo cờ Tổ quốc."
    )
    assert anniversary.meeting.date is None
    later = extract(
        "Ngày 29/11, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ III cho ý kiến vào nhiệm"
        " vụ năm 2026. Hội nghị thông qua chương trình công tác năm 2026.",
        today=date(2025, 11, 29),
    )
    assert later.meeting.date == date(2025, 11, 29)


def test_mid_month_tet_and_a_seasons_year() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    def days(text: str) -> list[date | None]:
        return [d.due for d in find_deadlines(text, date(2018, 12, 20))]

    assert days("chậm nhất giữa tháng 1/2019 tiến hành chi trả") == [date(2019, 1, 15)]
    assert days("kiểm tra từ nay đến Tết Nguyên đán năm 2019, triển khai mạnh") == [
        date(2019, 2, 5)
    ]
    assert days("tập trung sản xuất vụ xuân năm 2019, công tác đón tết") == []


def test_the_task_a_sentence_names_after_nhiem_vu_la_is_the_item() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí Chủ tịch kết luận; trên cơ sở đánh giá tình hình còn nhiều"
        " khó khăn, nhiệm vụ trước mắt là khắc phục các tiêu chí nông thôn mới còn thiếu."
    )
    assert [text for _, text, _ in found] == ["khắc phục các tiêu chí nông thôn mới còn thiếu"]


FINDINGS = (
    " Kết quả cho thấy, UBND xã Tân Lập chưa niêm yết công khai thủ tục hành chính tại trụ sở. Việc"
    " lưu giữ hồ sơ chứng thực còn lộn xộn, yếu kém; sổ theo dõi ghi chép chưa đầy đủ thông tin."
)


def test_a_shortcoming_without_subject_goes_on_with_an_earlier_sentences_unit_only_if_met() -> None:
    # the body an inspection is held at keeps its shortcomings over the sentences that follow
    inspection = "Sáng 25/6/2010, đoàn kiểm tra của huyện kiểm tra đột xuất tại UBND xã Tân Lập."
    assert {u for u, _ in limitations(inspection + FINDINGS)} == {"UBND xã Tân Lập"}
    # the body that holds the meeting states one shortcoming of its own; the next sentence, which
    # names no subject, states the meeting's (carried over, 6 items of the never-read parts got a
    # unit their labels do not give)
    own = "Sáng 5/6/2023, UBND xã Tân Lập tổ chức hội nghị sơ kết 6 tháng."
    assert limitations(own + FINDINGS) == [
        (
            "UBND xã Tân Lập",
            "Kết quả cho thấy, UBND xã Tân Lập chưa niêm yết công khai thủ tục hành"
            " chính tại trụ sở",
        ),
        (None, "Việc lưu giữ hồ sơ chứng thực còn lộn xộn, yếu kém"),
        (None, "sổ theo dõi ghi chép chưa đầy đủ thông tin"),
    ]


def test_a_document_received_said_or_asked_for_gives_no_meeting_day() -> None:
    received = extract(
        "Ngày 14/3/2022, UBND huyện nhận được Công văn số 77/STC-QLNS của Sở Tài chính về việc"
        " quyết toán vốn. Chủ tịch UBND huyện giao Phòng Tài chính rà soát, báo cáo."
    )
    assert received.meeting.date is None
    said = extract(
        "Văn phòng UBND huyện Tân Phú ngày 9.11 cho biết đã có văn bản truyền đạt ý kiến của Chủ"
        " tịch UBND huyện về việc sửa chữa trường học. Theo đó, yêu cầu UBND các xã kiểm tra.",
        today=date(2021, 11, 20),
    )
    assert said.meeting.date is None
    asked = extract(
        "Thị xã Gò Công vừa ban hành công văn số 311, ngày 2/4/2021 về Ngày chủ nhật xanh. Theo"
        " đó, UBND thị xã yêu cầu UBND các phường tổ chức ra quân dọn vệ sinh (ngày 25/4/2021).",
        today=date(2021, 4, 5),
    )
    assert asked.meeting.date is None
    assert asked.meeting.chair is None  # "Ngày chủ nhật xanh" names no one


def test_the_news_of_a_request_made_gives_no_meeting_day() -> None:
    just = extract(
        "Xử lý vi phạm đất đai\n\nThứ Ba, 23/04/2019, 01:45:51\n\nUBND tỉnh vừa yêu cầu UBND"
        " huyện Đức Trọng tiếp tục kiểm tra, xử lý dứt điểm các vi phạm về đất đai trước ngày"
        " 30/6.",
        today=date(2019, 4, 23),
    )
    assert just.meeting.date is None
    dated = extract(
        "Ngày 25.5, UBND huyện Cẩm Giàng đã yêu cầu UBND xã Cẩm Đông khẩn trương xác định vị trí"
        " điểm trung chuyển rác thải.",
        today=date(2024, 6, 1),
    )
    assert dated.meeting.date is None
    # a meeting named, or a leader who attends and directs, keeps its day
    held = extract(
        "Ngày 25.5, UBND huyện Cẩm Giàng tổ chức hội nghị, đồng chí Chủ tịch UBND huyện đã yêu"
        " cầu UBND xã Cẩm Đông xác định vị trí điểm trung chuyển rác thải.",
        today=date(2024, 6, 1),
    )
    assert held.meeting.date == date(2024, 5, 25)
    attended = extract(
        "Sáng 9/7, Bí thư Thành ủy dự và chỉ đạo Đại hội Đảng bộ huyện Mỹ Đức lần thứ XXIV.",
        today=date(2020, 7, 10),
    )
    assert attended.meeting.date == date(2020, 7, 9)


def test_a_share_of_what_is_counted_is_no_meeting_day() -> None:
    shares = extract(
        "Phát biểu tại hội nghị, Phó Chủ tịch UBND thành phố biểu dương xã Thuận An với 12/12 chỉ"
        " tiêu đều đạt và vượt. Đề nghị UBND xã tiếp tục nâng cao đời sống nhân dân.",
        today=date(2025, 1, 1),
    )
    assert shares.meeting.date is None
    counted = extract(
        "Qua công tác thanh tra, Chủ tịch UBND thành phố yêu cầu khẩn trương xử lý dứt điểm 5/9"
        " công trình sai phép.",
        today=date(2021, 3, 31),
    )
    assert counted.meeting.date is None
    # after a day's word it is a day
    day = extract(
        "Sáng 5/9 công trình trụ sở UBND xã được khởi công, Chủ tịch UBND huyện tham dự.",
        today=date(2021, 9, 30),
    )
    assert day.meeting.date == date(2021, 9, 5)


def test_a_meeting_held_vao_ngay_and_over_days_across_a_months_end() -> None:
    def day(lead: str) -> date | None:
        return extract(
            lead + " Chủ tịch Lê Văn Hai chủ trì.", today=date(2022, 12, 20)
        ).meeting.date

    assert day("Vào ngày 8/12, UBND xã Tân Lợi tổ chức họp giao ban tháng 12.") == date(2022, 12, 8)
    assert day("HĐND xã tổ chức hội nghị giao ban quý 4 vào ngày 9/12.") == date(2022, 12, 9)
    assert day("Từ ngày 30/11 đến ngày 2/12, HĐND tỉnh tổ chức kỳ họp thứ 9.") == date(2022, 11, 30)
    assert day("Trong 3 ngày (6-8/12), HĐND huyện họp kỳ họp thứ 5.") == date(2022, 12, 6)
    # the bounds of a period a report covers are no meeting's days
    assert day("Từ ngày 1/11 đến ngày 30/11, Sở Y tế tổ chức hội nghị kiểm tra 40 cơ sở.") is None


def test_the_year_of_a_meeting_day_written_without_it() -> None:
    def day(text: str) -> date | None:
        return extract(text, today=date(2025, 1, 1)).meeting.date

    # the month the meeting reviews, written with its year, beats a horizon and a later year
    assert day(
        "Đảng ủy xã họp phiên thường kỳ tháng 3 năm 2019\nChiều ngày 28 tháng 3, Đảng ủy xã họp"
        " phiên thường kỳ. Đồng chí Lý Văn Tư chủ trì. Hội nghị bàn các giải pháp để đưa xã trở"
        " thành đô thị loại V đến năm 2022 và kế hoạch năm 2022."
    ) == date(2019, 3, 28)
    # late in the year, this year's results and next year's plans: the earlier year
    assert day(
        "Sáng ngày 25/11, UBND xã tổ chức hội nghị do ông Đào Văn Minh chủ trì, đánh giá kết quả"
        " năm 2017, bàn kế hoạch năm 2018."
    ) == date(2017, 11, 25)
    # early in the year, last year's results and this year's plans: the later year
    assert day(
        "Sáng ngày 15/1, UBND xã tổ chức hội nghị do ông Đào Văn Minh chủ trì, đánh giá kết quả"
        " năm 2017, bàn kế hoạch năm 2018."
    ) == date(2018, 1, 15)
    # a school year opening in September; a law's year is no year of the text
    assert day(
        "Chiều 6/9, Phòng Giáo dục huyện tổ chức hội nghị do bà Vi Thị Hoa chủ trì, chuẩn bị khai"
        " giảng năm học 2020 - 2021 theo Luật Giáo dục năm 2019."
    ) == date(2020, 9, 6)


def test_deadline_forms_ranges_starts_figures_and_next_year() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    def days(text: str) -> list[date | None]:
        return [d.due for d in find_deadlines(text, date(2024, 3, 11))]

    # a range of periods is due at its end
    assert days("nạo vét kênh mương trong tháng 4/2024 đến giữa tháng 5/2024") == [
        date(2024, 5, 15)
    ]
    # when work starts is no deadline; where it ends is
    assert days("áp dụng bảng giá mới bắt đầu từ tháng 4 năm 2024") == []
    assert days("thu phí từ quý II đến hết quý III") == [date(2024, 9, 30)]
    assert days("giải ngân vốn đầu tư năm 2024") == [date(2024, 12, 31)]  # "tư" is not "từ"
    # the year a figure is for
    assert days("phấn đấu thu ngân sách đạt trên 12% năm 2024") == []
    # next year, Tết, the start of a month, a bare "trong năm" after a completion verb
    assert days("trình phương án trong quý I năm sau") == [date(2025, 3, 31)]
    # the last working day before the Tết break, as `assign --due` reads it
    assert days("hoàn thành việc chi trả trước Tết Nguyên đán") == [date(2025, 1, 24)]
    assert days("nộp hồ sơ đầu tháng 4") == [date(2024, 4, 10)]
    assert days("phải hoàn thành trong năm, không để kéo dài") == [date(2024, 12, 31)]
    assert days("kết quả đạt được trong năm qua") == []
    # "chậm nhất vào ngày" and "xong trước" read as "trước": a Sunday gives the Friday before
    assert days("báo cáo chậm nhất vào ngày 14/4/2024") == [date(2024, 4, 12)]
    assert days("dọn dẹp xong trước 14-4-2024") == [date(2024, 4, 12)]


def test_a_months_tasks_stated_as_such_are_due_in_it() -> None:
    from dirtrack.extract.deadlines import find_deadlines

    found = find_deadlines("Nhiệm vụ tháng 4 tập trung rà soát hộ nghèo", date(2024, 3, 28))
    assert [d.due for d in found] == [date(2024, 4, 30)]
    assert find_deadlines("Về nhiệm vụ tháng 4, Thường trực yêu cầu", date(2024, 3, 28)) == []


def test_a_plural_of_people_asked_at_a_session_with_one_unit_is_no_unit() -> None:
    # "các thành viên Ban Chỉ đạo" is a group of people, not the commune the session is held with;
    # the clauses after it that name no one go on with it
    found = directives(
        "Sáng 6/5/2022, Đoàn công tác của Tỉnh ủy do đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy làm"
        " trưởng đoàn đã làm việc với Đảng ủy xã Phước Sơn. Đồng chí Nguyễn Văn An đề nghị các"
        " thành viên Ban Chỉ đạo nâng cao tinh thần trách nhiệm. Tiếp tục duy trì các tiêu chí đã"
        " đạt."
    )
    assert [unit for unit, _, _ in found] == [None, None]
    # a task that names no one at all is still the session's unit's
    alone = directives(
        "Sáng 6/5/2022, Đoàn công tác của Tỉnh ủy do đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy làm"
        " trưởng đoàn đã làm việc với Đảng ủy xã Phước Sơn. Đồng chí Nguyễn Văn An đề nghị tiếp"
        " tục duy trì các tiêu chí đã đạt."
    )
    assert [unit for unit, _, _ in alone] == ["Đảng ủy xã Phước Sơn"]


def test_a_topic_that_names_a_unit_before_a_request_names_the_body_asked() -> None:
    found = directives(
        "Sáng 6/5/2022, UBND tỉnh Bình Định họp giao ban. Kết luận cuộc họp, Chủ tịch UBND tỉnh"
        " Nguyễn Văn An yêu cầu các sở, ngành tập trung thực hiện nhiệm vụ. Đối với UBND huyện Phù"
        " Cát, đề nghị khẩn trương hoàn thành giải phóng mặt bằng dự án trước ngày 30/6."
    )
    assert found[1][0] == "UBND huyện Phù Cát"
    assert found[1][1].startswith("khẩn trương hoàn thành")
    # a topic that is not the unit itself names no one
    other = directives(
        "Sáng 6/5/2022, UBND tỉnh Bình Định họp giao ban. Kết luận cuộc họp, Chủ tịch UBND tỉnh"
        " Nguyễn Văn An yêu cầu các sở, ngành tập trung thực hiện nhiệm vụ. Đối với dự án của UBND"
        " huyện Phù Cát, đề nghị khẩn trương hoàn thành giải phóng mặt bằng trước ngày 30/6."
    )
    assert other[1][0] is None


def test_a_bare_level_word_after_a_fronted_period_or_speaker_is_the_place() -> None:
    after_period = directives(
        "Sáng 6/5/2022, UBND huyện Phù Mỹ tổ chức họp giao ban tháng 5. Phát biểu kết luận, Chủ"
        " tịch UBND huyện Nguyễn Văn An yêu cầu trong thời gian tới, huyện cần tập trung hoàn thành"
        " các tiêu chí nông thôn mới trong năm 2022."
    )
    assert [unit for unit, _, _ in after_period] == ["huyện Phù Mỹ"]
    after_speaker = directives(
        "Sáng 6/5/2022, Huyện ủy Phù Mỹ tổ chức hội nghị sơ kết công tác tại xã Mỹ Hòa. Phát biểu"
        " kết luận, đồng chí Nguyễn Văn An, Bí thư Huyện ủy nhấn mạnh, thời gian tới, xã cần tập"
        " trung hoàn thành các tiêu chí nông thôn mới trong năm 2022."
    )
    assert [unit for unit, _, _ in after_speaker] == ["xã Mỹ Hòa"]


def test_a_sentence_going_on_with_a_request_states_no_shortcoming() -> None:
    text = (
        "Chiều 12/4/2023, Ban Thường vụ Huyện ủy Tuy Phước làm việc với Đảng ủy xã Phước Sơn."
        " Kết luận buổi làm việc, đồng chí Lê Văn Hải, Bí thư Huyện ủy đề nghị Đảng ủy xã lãnh đạo"
        " hoàn thành việc cấp giấy chứng nhận quyền sử dụng đất. Đồng thời, rà soát các hồ sơ còn"
        " tồn đọng, chậm giải quyết."
    )
    assert limitations(text) == []
    assert any(item.startswith("rà soát các hồ sơ") for _, item, _ in directives(text))


def test_a_place_surveyed_or_met_by_its_name_is_the_sessions_unit_as_written() -> None:
    surveyed = directives(
        "Ngày 9-8, đoàn công tác Tỉnh ủy Bình Dương do đồng chí Trần Văn Minh, Phó Bí thư Tỉnh"
        " ủy, làm trưởng đoàn, đã khảo sát tình hình tổ chức, hoạt động tại phường Phú Lợi. Tại"
        " buổi làm việc, đồng chí Trần Văn Minh yêu cầu chuẩn bị chu đáo cho Đại hội đại biểu"
        " Đảng bộ phường nhiệm kỳ 2025-2030. Đảng ủy phường cần sớm kiện toàn các chi bộ khu phố."
    )
    assert [unit for unit, _, _ in surveyed] == ["phường Phú Lợi", "Đảng ủy phường Phú Lợi"]
    met = directives(
        "Chiều 3/4/2024, Ban Thường vụ Huyện ủy Tân Uyên làm việc với xã Thạnh Hội. Đồng chí Lê"
        " Văn Tâm, Bí thư Huyện ủy đề nghị thời gian tới tập trung hoàn thành các tiêu chí nông"
        " thôn mới. Đảng ủy xã cần quan tâm công tác phát triển đảng viên."
    )
    assert [unit for unit, _, _ in met] == ["xã Thạnh Hội", "Đảng ủy xã Thạnh Hội"]


def test_the_body_asked_by_a_task_the_model_found_leads_the_rest_of_its_sentence() -> None:
    found = directives(
        "Văn phòng UBND tỉnh Hà Tĩnh ngày 3.9 cho biết đã có văn bản truyền đạt ý kiến chỉ đạo"
        " của Chủ tịch UBND tỉnh Võ Văn Hải về việc khắc phục các tuyến đê bị sạt lở do mưa lũ."
        " Theo đó, yêu cầu UBND các huyện Cẩm Xuyên, Kỳ Anh khẩn trương kiểm tra, gia cố tạm thời"
        " các đoạn đê bị sạt lở để bảo đảm an toàn cho người dân; đồng thời cắm biển cảnh báo,"
        " cảnh giới không cho người dân qua lại các đoạn đê nguy hiểm."
    )
    assert [unit for unit, _, _ in found] == ["UBND huyện Cẩm Xuyên", "UBND huyện Cẩm Xuyên"]


def test_a_body_supervised_by_name_is_the_sessions_unit() -> None:
    found = limitations(
        "Thường trực HĐND xã Tân Hưng: Giám sát việc giải quyết kiến nghị của cử tri\n\nNgày"
        " 12/5/2019, Thường trực HĐND xã Tân Hưng tổ chức giám sát UBND xã Tân Hưng về việc giải"
        " quyết kiến nghị của cử tri. Đoàn do ông Lê Văn Ba, Chủ tịch HĐND xã làm Trưởng đoàn.\n\n"
        "Qua khảo sát, các kiến nghị của cử tri chưa được xử lý dứt điểm, cụ thể: rác thải tại chợ"
        " xã còn tồn đọng; nhiều hộ kinh doanh lấn chiếm vỉa hè."
    )
    assert found[0] == ("UBND xã Tân Hưng", "rác thải tại chợ xã còn tồn đọng")


def test_chua_is_a_shortcoming_only_with_its_tone() -> None:
    repaired = limitations(
        LEAD + "huyện chủ trì. Trong năm, huyện đầu tư xây dựng 8 công trình giao thông, sửa chữa,"
        " xây mới 10 nhà văn hóa thôn. Nhân dân góp công tu bổ chùa làng và nhà văn hóa xóm."
    )
    assert repaired == []
    not_yet = limitations(
        LEAD + "huyện chủ trì. Tuy nhiên, việc thu ngân sách chưa đạt kế hoạch đề ra."
    )
    assert [text for _, text in not_yet] == ["việc thu ngân sách chưa đạt kế hoạch đề ra"]
    untoned = limitations(
        "Sang 5/6/2023, UBND huyen hop thuong ky. Tuy nhien, viec thu ngan sach chua dat ke hoach."
    )
    assert len(untoned) == 1  # a text typed without tones: "chua" is "chưa"


def test_a_city_or_town_written_with_its_level_abbreviated_is_a_place() -> None:
    found = directives(
        "Bí thư Tỉnh ủy: TP Hòa Bình cần quản lý chặt đô thị\n\nSáng 5/6/2023, Ban Thường vụ Tỉnh"
        " ủy làm việc với Ban Thường vụ Thành ủy TP Hòa Bình. Phát biểu kết luận, đồng chí Bí thư"
        " Tỉnh ủy yêu cầu TP. Hòa Bình cần thực hiện nghiêm quy hoạch đô thị. UBND TP. Hòa Bình"
        " khẩn trương rà soát các dự án chậm tiến độ."
    )
    assert [unit for unit, _, _ in found] == ["TP. Hòa Bình", "UBND TP. Hòa Bình"]
    assert unit_key("Thành ủy TP Hòa Bình") == unit_key("Thành ủy Hòa Bình")
    assert unit_key("UBND TP. Hòa Bình") == unit_key("Ủy ban nhân dân thành phố Hòa Bình")


def test_a_steering_board_named_with_its_programme_asks_the_unit_after_its_verb() -> None:
    found = directives(
        "Ngày 12/9/2023, Đoàn kiểm tra của tỉnh đã kiểm tra kết quả xây dựng nông thôn mới tại xã"
        " Ea Tiêu. Qua kiểm tra, Ban Chỉ đạo Chương trình mục tiêu quốc gia xây dựng nông thôn mới"
        " tỉnh yêu cầu UBND xã Ea Tiêu tiếp tục duy trì các tiêu chí đã đạt, nhanh chóng hoàn thiện"
        " các tiêu chí chưa đạt trong năm 2023."
    )
    assert found == [
        (
            "UBND xã Ea Tiêu",
            "UBND xã Ea Tiêu tiếp tục duy trì các tiêu chí đã đạt, nhanh chóng hoàn thiện các tiêu"
            " chí chưa đạt trong năm 2023",
            date(2023, 12, 31),
        )
    ]


def test_a_long_speaker_before_a_request_naming_a_unit_is_no_part_of_the_task() -> None:
    from dirtrack.extract.folding import fold_aligned, lower_aligned
    from dirtrack.extract.items import _after_speaker
    from dirtrack.extract.units import UnitResolver

    sentence = (
        "Hội đồng thẩm định hồ sơ công nhận xã đạt chuẩn nông thôn mới nâng cao của tỉnh yêu cầu"
        " UBND xã Ea Tiêu hoàn thiện hồ sơ."
    )
    key, low = fold_aligned(sentence), lower_aligned(sentence)
    mentions = UnitResolver([sentence]).mentions(sentence)
    at = _after_speaker(key, low, 0, len(key) - 1, mentions)
    assert sentence[at:].strip().startswith("UBND xã Ea Tiêu")
    joined = "Tăng cường kiểm tra, giám sát việc thực hiện các tiêu chí, yêu cầu UBND xã báo cáo."
    key, low = fold_aligned(joined), lower_aligned(joined)
    assert _after_speaker(key, low, 0, len(key) - 1, UnitResolver([joined]).mentions(joined)) == 0


def test_can_in_a_place_name_is_no_modal() -> None:
    found = directives(
        "Sáng 5/6/2023, đại biểu HĐND thành phố tiếp xúc cử tri phường An Khánh. Trả lời ý kiến"
        " cử tri, Chủ tịch UBND TP Cần Thơ Trần Văn Hòa yêu cầu UBND phường An Khánh báo cáo về"
        " tình trạng ô nhiễm tại chợ."
    )
    assert found == [
        ("UBND phường An Khánh", "UBND phường An Khánh báo cáo về tình trạng ô nhiễm tại chợ", None)
    ]


def test_a_leader_who_speaks_after_a_fronted_phrase_is_no_part_of_the_task() -> None:
    from dirtrack.extract.folding import fold_aligned, lower_aligned
    from dirtrack.extract.items import _after_speaker

    sentence = (
        "Trả lời ý kiến cử tri về ô nhiễm, Chủ tịch UBND thành phố Trần Văn Hòa yêu cầu UBND"
        " phường An Khánh báo cáo."
    )
    key, low = fold_aligned(sentence), lower_aligned(sentence)
    at = _after_speaker(key, low, 0, len(key) - 1)
    assert sentence[at:].strip().startswith("UBND phường An Khánh")


def test_a_topic_naming_a_unit_before_the_leader_who_asks_names_the_unit_asked() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Về phía xã Hiệp An, đồng chí Trần Văn Nam, Chủ tịch UBND huyện yêu"
        " cầu tập trung thu ngân sách, hoàn thành trước ngày 30/6/2023."
    )
    assert [(unit, due) for unit, _, due in found] == [("xã Hiệp An", date(2023, 6, 30))]


def test_bodies_named_together_before_the_place_are_that_places() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí đề nghị Đảng ủy, UBND xã Hiệp An tập trung thu ngân sách."
        " Đồng chí yêu cầu Huyện ủy, UBND huyện Lâm Hà phối hợp giải phóng mặt bằng."
    )
    assert [unit for unit, _, _ in found] == ["Đảng ủy xã Hiệp An", "Huyện ủy Lâm Hà"]
    assert unit_key("Huyện ủy Lâm Hà") == unit_key("Huyện ủy huyện Lâm Hà")


def test_a_request_after_the_topic_a_speakers_first_verb_opens_is_the_request() -> None:
    found = directives(
        "Sáng 5/6/2023, Thường trực HĐND tỉnh Bình Phước họp phiên thường kỳ tháng 6. Thường trực"
        " HĐND lưu ý đối với những nội dung phải trình xin ý kiến Ban Thường vụ Tỉnh ủy, đề nghị"
        " UBND tỉnh chỉ đạo các sở, ngành chuẩn bị kỹ hồ sơ trước khi trình."
    )
    assert [(unit, text[:18]) for unit, text, _ in found] == [
        ("UBND tỉnh Bình Phước", "UBND tỉnh chỉ đạo ")
    ]


def test_a_province_is_the_same_unit_with_or_without_its_level() -> None:
    assert unit_key("tỉnh Thái Bình") == unit_key("Thái Bình")
    assert unit_key("Tỉnh ủy Thái Bình") != unit_key("Thái Bình")
    assert unit_key("huyện Thái Thụy") != unit_key("Thái Thụy")  # a district shares names
    found = directives(
        "Sáng 5/6/2023, Tổng Bí thư làm việc với Ban Thường vụ Tỉnh ủy Thái Bình. Tổng Bí thư đề"
        " nghị tỉnh Thái Bình tập trung phát triển nông nghiệp công nghệ cao."
    )
    assert [unit for unit, _, _ in found] == ["tỉnh Thái Bình"]


def test_a_period_still_to_come_fronted_before_a_unit_opens_its_plan() -> None:
    found = directives(
        "Sáng 5/7/2023, Huyện ủy Lâm Hà tổ chức hội nghị sơ kết công tác 6 tháng đầu năm. Nhiệm vụ"
        " 6 tháng cuối năm, huyện Lâm Hà tập trung thu hút đầu tư, phát triển du lịch; đẩy mạnh"
        " cải cách hành chính, nâng cao chất lượng phục vụ người dân."
    )
    end = date(2023, 12, 31)
    assert [(unit, text[:22], due) for unit, text, due in found[:2]] == [
        ("huyện Lâm Hà", "huyện Lâm Hà tập trung", end),  # the period dates it, not its text
        ("huyện Lâm Hà", "đẩy mạnh cải cách hành", end),
    ]
    bare = directives(
        "Ngày 6/6/2023, HĐND xã Hiệp An tổ chức kỳ họp thứ 10. 06 tháng cuối năm, UBND xã Hiệp An"
        " tăng cường hơn nữa công tác quản lý đất đai, xây dựng."
    )
    assert [(unit, text[:13], due) for unit, text, due in bare] == [
        ("UBND xã Hiệp An", "UBND xã Hiệp ", date(2023, 12, 31))
    ]


def test_a_numbered_section_inside_a_list_addresses_its_entries_without_a_colon() -> None:
    found = directives(
        "Chiều 3/4/2019, HĐND phường Phúc Lợi họp giao ban quý I/2019.\n"
        "Kết luận hội nghị, ông Nguyễn Văn An, Chủ tịch HĐND phường đề nghị quý II/2019 tập trung"
        " thực hiện một số nội dung như sau:\n"
        "1. Đối với UBND phường\n"
        "- Rà soát, xử lý dứt điểm các trường hợp lấn chiếm vỉa hè\n"
        "- Hoàn thành kế hoạch thu ngân sách quý II\n"
    )
    assert [unit for unit, _, _ in found] == ["UBND phường Phúc Lợi", "UBND phường Phúc Lợi"]


def test_an_entry_that_only_names_a_body_heads_the_entries_under_it() -> None:
    found = directives(
        "Chiều 3/4/2019, UBND phường Phúc Lợi họp giao ban quý I/2019.\n"
        "Kết luận hội nghị, ông Nguyễn Văn An, Chủ tịch UBND phường đề nghị quý II/2019 tập trung"
        " thực hiện một số nội dung như sau:\n"
        "- Phòng Kinh tế:\n"
        "+ Rà soát, xử lý dứt điểm các trường hợp lấn chiếm vỉa hè\n"
        "+ Hoàn thành kế hoạch thu ngân sách quý II\n"
        "- Thường trực HĐND\n"
        "+ Tổ chức hội nghị tiếp xúc cử tri trước kỳ họp\n"
    )
    assert [(unit, text[:17]) for unit, text, _ in found] == [
        ("Phòng Kinh tế", "Rà soát, xử lý dứ"),
        ("Phòng Kinh tế", "Hoàn thành kế hoạ"),
        (None, "Tổ chức hội nghị "),
    ]  # "Thường trực HĐND" alone is no item, and no unit of the gazetteer: the section's


def test_a_councils_board_named_with_a_dash_is_one_unit() -> None:
    found = directives(
        "Chiều 3/4/2019, HĐND huyện Lâm Hà họp giao ban quý I/2019. Đồng chí Chủ tịch HĐND huyện"
        " đề nghị Ban Kinh tế - Xã hội HĐND huyện khảo sát công tác quản lý đô thị; Ban Kinh tế –"
        " Ngân sách thẩm tra dự toán ngân sách năm 2020."
    )
    assert [unit for unit, _, _ in found] == [
        "Ban Kinh tế - Xã hội HĐND huyện Lâm Hà",
        "Ban Kinh tế – Ngân sách",
    ]


def test_a_question_is_no_task() -> None:
    from dirtrack.extract.folding import fold_aligned, lower_aligned
    from dirtrack.extract.items import _no_task

    for sentence, none in (
        ("Có lợi ích nhóm hay không?", True),
        ("Những hạn chế, yếu kém kéo dài là gì?", True),
        ("Có giải pháp khắc phục các hạn chế, yếu kém kéo dài.", False),
    ):
        key, low = fold_aligned(sentence), lower_aligned(sentence)
        assert _no_task(sentence, key, low, [], 0, len(sentence)) is none  # what the model may add
    found = directives(
        LEAD + "huyện chủ trì. Đồng chí gợi ý đối với các xã: Những tồn tại, yếu kém kéo dài là"
        " gì? Có lợi ích nhóm hay không? Khi xác định xong thì cần đề ra giải pháp khắc phục cho"
        " bằng được."
    )
    assert [text for _, text, _ in found] == [
        "Khi xác định xong thì cần đề ra giải pháp khắc phục cho bằng được"
    ]


def test_a_committee_that_asks_the_bodies_under_it_gives_tasks() -> None:
    found = directives(
        "Sáng 5/9/2018, UBND tỉnh Phú Yên họp phiên thường kỳ tháng 8. Trong tháng 9, UBND tỉnh"
        " Phú Yên đề nghị các sở, ban, ngành, địa phương rà soát các chỉ tiêu đạt thấp. Cùng với"
        " đó là tập trung phòng, chống dịch bệnh trên cây trồng, vật nuôi."
    )
    assert [(text[:21], due) for _, text, due in found] == [
        ("các sở, ban, ngành, đ", date(2018, 9, 30)),  # the period the sentence opens on
        ("tập trung phòng, chốn", None),
    ]
    # a unit below proposes to the one above it; what was ordered before is a report
    assert not directives(
        "Sáng 5/9/2018, UBND tỉnh Phú Yên họp phiên thường kỳ tháng 8. UBND huyện Tuy An đề nghị"
        " tỉnh hỗ trợ kinh phí sửa chữa hồ chứa. UBND tỉnh đã chỉ đạo các sở kiểm tra hiện trạng"
        " các hồ chứa."
    )


def test_a_period_fronted_at_the_years_end_reports() -> None:
    found = directives(
        "Sáng 20/12/2023, Huyện ủy Lâm Hà tổ chức hội nghị tổng kết công tác năm 2023. 6 tháng"
        " cuối năm, huyện Lâm Hà tăng cường thu hút đầu tư; thực hiện các giải pháp thu ngân sách."
    )
    assert found == []  # what the second half of the year did, not a plan


def test_a_session_whose_lead_names_no_partner_gives_its_one_unit_the_unnamed_items() -> None:
    """A working session that names one unit only by what it reports ('xã Tân Lập đã đạt 15
    tiêu chí'), not after 'làm việc với': what names no unit is that unit's (GUIDE), as the
    import would give it."""
    draft = extract(
        "Theo báo cáo, xã Tân Lập đã đạt 15 tiêu chí nông thôn mới. Tuy nhiên, việc thu hút đầu"
        " tư còn chậm.\nKết luận tại buổi làm việc, đồng chí Trần Văn Bình, Chủ tịch UBND huyện"
        " đề nghị tiếp tục vận động nhân dân hiến đất làm đường. Chú trọng xây dựng vườn mẫu."
    )
    assert [u.name for u in draft.units] == ["xã Tân Lập"]
    assert [item.unit for item in draft.limitations] == ["xã Tân Lập"]
    assert [item.unit for item in draft.directives] == ["xã Tân Lập"] * 2
    # a session held with the leaders of several bodies, named collectively, gives them to none
    draft = extract(
        "Thường trực Thị ủy Nam Sơn có buổi làm việc với lãnh đạo các ngành chuyên môn trực thuộc"
        " UBND thị xã về khó khăn trong thực thi công vụ. Đồng chí Bí thư đề nghị rà soát lại"
        " các thủ tục hành chính."
    )
    assert [item.unit for item in draft.directives] == [None]


def test_the_standing_committees_of_every_commune_are_no_one_unit() -> None:
    """'Thường trực HĐND các xã', 'Thường trực HĐND cấp xã': every such body, not one named
    'Thường trực HĐND xã'."""
    draft = extract(
        "Ngày 3/4/2023, Thường trực HĐND huyện Nam Sơn họp giao ban với Thường trực HĐND các xã,"
        " thị trấn. Phó Chủ tịch HĐND huyện lưu ý Thường trực HĐND cấp xã cần chỉ đạo sâu sát"
        " hơn để các Ban HĐND xã bố trí thời gian giám sát."
    )
    assert [item.unit for item in draft.directives] == [None]
    assert "Thường trực HĐND xã" not in [u.name for u in draft.units]


def test_the_body_that_issued_a_document_is_not_the_subject() -> None:
    """'theo Nghị quyết số 07 của HĐND tỉnh': the issuer of the resolution is no one's unit."""
    draft = extract(
        "Ngày 17/9/2018, Chủ tịch UBND huyện Nam Sơn giao ban với Chủ tịch UBND các xã. Tuy"
        " nhiên, việc thu tiền làm đường theo Nghị quyết số 07/2016/NQ-HĐND của HĐND tỉnh tại một"
        " số xã còn khó khăn."
    )
    assert [item.unit for item in draft.limitations] == [None]
    assert "HĐND tỉnh" not in [u.name for u in draft.units]


def test_a_headline_in_capitals_names_the_place_of_bare_bodies() -> None:
    """'THƯỜNG TRỰC HĐND XÃ TÂN LẬP, HUYỆN NAM SƠN: ...' then 'UBND xã': of xã Tân Lập."""
    found = directives(
        "THƯỜNG TRỰC HĐND XÃ TÂN LẬP, HUYỆN NAM SƠN: GIÁM SÁT Ý KIẾN CỬ TRI\n\nNgày 01/11/2023,"
        " Thường trực HĐND xã giám sát việc giải quyết kiến nghị của cử tri. Kết thúc buổi giám"
        " sát, ông Trần Văn Kiên yêu cầu UBND xã phải thực hiện những gì đã hứa với cử tri."
    )
    assert [unit for unit, _, _ in found] == ["UBND xã Tân Lập"]


def test_a_count_after_a_level_is_no_place() -> None:
    """'đối với xã 35 ý kiến' named no commune '35' beside the one the headline names."""
    draft = extract(
        "HĐND xã Tân Lập giám sát việc giải quyết kiến nghị cử tri\n\nNgày 20/9/2019, Thường trực"
        " HĐND xã giám sát đối với UBND xã. Trong 3 năm UBND xã tiếp nhận 51 ý kiến, trong đó"
        " đối với tỉnh 16 ý kiến, đối với xã 35 ý kiến. Tuy nhiên, một số kiến nghị vẫn còn chậm."
    )
    assert [item.unit for item in draft.limitations] == ["UBND xã Tân Lập"]


def test_a_communes_boards_and_bodies_named_together_before_a_bare_level() -> None:
    found = directives(
        "Ngày 5/3/2021, Đảng ủy xã Tân Lập họp Ban Chấp hành. Đồng chí Bí thư yêu cầu Ban Văn hóa"
        " thông tin xã xây dựng kế hoạch tuyên truyền; HĐND, UBND, Ủy ban MTTQ xã chuẩn bị tốt"
        " cho cuộc bầu cử."
    )
    assert [unit for unit, _, _ in found] == [
        "Ban Văn hóa thông tin xã Tân Lập",
        "HĐND xã Tân Lập",
    ]


def test_a_body_that_deploys_some_key_tasks_lists_them() -> None:
    """'lãnh đạo UBND phường triển khai một số nhiệm vụ trọng tâm như: A; B': tasks; what
    was deployed ('đã triển khai các nhiệm vụ như: ...') is no list of tasks."""
    found = directives(
        "Ngày 2/7/2025, UBND phường Tân Lập tổ chức hội nghị. Tại hội nghị, lãnh đạo UBND phường"
        " triển khai một số nhiệm vụ trọng tâm như: Kiện toàn tổ chức bộ máy sau sáp nhập;"
        " tập trung cải cách hành chính; đẩy mạnh công tác dân vận."
    )
    assert [text.split()[0] for _, text, _ in found] == ["Kiện", "tập", "đẩy"]
    found = directives(
        "Ngày 2/7/2025, UBND phường Tân Lập tổ chức hội nghị. Năm qua, phường đã triển khai các"
        " nhiệm vụ như: kiện toàn tổ chức bộ máy; cải cách hành chính."
    )
    assert found == []


def test_a_quoted_shortcoming_ends_before_its_attribution_and_loses_canh_do() -> None:
    draft = extract(
        'Ngày 15/9/2022, Sở Nội vụ làm việc với huyện Nam Sơn. "Cạnh đó, kỹ năng số của cán bộ'
        ' cấp xã còn hạn chế", bà Lan nói và cho biết thêm về kế hoạch.'
    )
    assert [item.text for item in draft.limitations] == ["kỹ năng số của cán bộ cấp xã còn hạn chế"]


def test_the_year_a_task_prepares_for_is_no_deadline() -> None:
    found = directives(
        "Ngày 8/12/2022, Ban Chấp hành Đảng bộ tỉnh Nam Sơn họp. Đồng chí Bí thư yêu cầu các cấp"
        " quyết tâm hoàn thành các chỉ tiêu đã đề ra, tạo tiền đề vững chắc cho năm 2023."
    )
    assert [due for _, _, due in found] == [None]


def test_a_supervision_of_what_a_place_carries_out_is_a_session_with_that_place() -> None:
    """'giám sát thực hiện công tác ... tại phường X': a working session with the ward, whose
    shortcomings are the ward's."""
    draft = extract(
        "Ngày 17/10/2018, HĐND thành phố Nam Sơn đã có buổi tái giám sát thực hiện công tác quản"
        " lý trật tự đô thị tại phường Tân Lập. Nhìn chung, quản lý trật tự xây dựng trên địa"
        " bàn chưa được chặt chẽ."
    )
    assert draft.meeting.kind == "working-session"
    assert [item.unit for item in draft.limitations] == ["phường Tân Lập"]


def test_social_insurance_in_lower_case_is_the_insurance_not_its_agency() -> None:
    draft = extract(
        "Ngày 5/7/2015, UBND tỉnh Nam Sơn họp. Đồng chí Chủ tịch yêu cầu làm rõ một số nội dung"
        " như: nợ đọng bảo hiểm xã hội; việc giải phóng mặt bằng một số nơi còn chậm."
    )
    assert "Bảo hiểm xã hội" not in [u.name for u in draft.units]
    assert all(item.unit is None for item in draft.limitations)
    found = directives(
        "Ngày 5/7/2015, UBND tỉnh Nam Sơn họp. Đồng chí Chủ tịch yêu cầu Bảo hiểm xã hội tỉnh"
        " đôn đốc thu nợ."
    )
    assert [unit for unit, _, _ in found] == ["Bảo hiểm xã hội tỉnh Nam Sơn"]


def test_military_service_councils_and_disaster_commands_are_units() -> None:
    found = directives(
        "Ngày 10/3/2023, UBND huyện Nam Sơn họp. Đồng chí Chủ tịch yêu cầu Ban Chỉ huy PCTT-TKCN"
        " huyện bám sát tình hình; Ban CHQS xã phải vận động thanh niên; HĐNVQS xã cần tập"
        " trung tuyên truyền."
    )
    assert [unit for unit, _, _ in found] == [
        "Ban Chỉ huy PCTT-TKCN huyện Nam Sơn",
        "Ban CHQS xã",
        "HĐNVQS xã",
    ]
    assert unit_key("Ban CHQS xã") == unit_key("Ban Chỉ huy quân sự xã")
    assert unit_key("HĐNVQS huyện") == unit_key("Hội đồng nghĩa vụ quân sự huyện")


def test_topics_a_body_must_explain_are_no_tasks() -> None:
    """'yêu cầu các sở làm rõ một số nội dung như: A; B': what they must explain, no task."""
    found = directives(
        "Ngày 5/7/2015, UBND tỉnh Nam Sơn họp. Đồng chí Chủ tịch yêu cầu các sở, ngành làm rõ"
        " một số nội dung như: tình trạng nợ đọng thuế; tỷ lệ sinh con thứ 3 tăng."
    )
    assert found == []
    # a list of tasks is still one task each
    found = directives(
        "Ngày 5/7/2015, UBND tỉnh Nam Sơn họp. Đồng chí Chủ tịch yêu cầu các sở, ngành tập trung"
        " một số nhiệm vụ như: đôn đốc thu nợ thuế; đẩy nhanh giải phóng mặt bằng."
    )
    assert len(found) == 2


def test_a_list_announced_with_la_is_split_like_one_with_nhu() -> None:
    """'triển khai 3 nhiệm vụ trọng tâm là: A; B; C': one task each, as after 'như:'."""
    tasks = ["rà soát hộ nghèo", "thu ngân sách đạt kế hoạch", "chuẩn bị Tết Nguyên đán"]
    for word in ("là", "đó là", "như"):
        found = directives(
            "Sáng 5/6/2023, UBND xã Nam Sơn họp giao ban. Lãnh đạo UBND xã triển khai 3 nhiệm vụ"
            f" trọng tâm {word}: rà soát hộ nghèo; thu ngân sách đạt kế hoạch; chuẩn bị Tết"
            " Nguyên đán."
        )
        assert [text for _, text, _ in found] == tasks, word
    # a movement launched with the contents to focus on: those contents are its tasks
    found = directives(
        "Sáng 5/6/2023, Đảng ủy xã Nam Sơn tổ chức hội nghị. Đồng chí Bí thư Đảng ủy xã phát động"
        " phong trào thi đua tập trung thực hiện 3 nội dung trọng tâm là: rà soát hộ nghèo; thu"
        " ngân sách đạt kế hoạch; chuẩn bị Tết Nguyên đán."
    )
    assert [text for _, text, _ in found] == tasks
    # what was focused on already is a report, no task
    found = directives(
        "Sáng 5/6/2023, Đảng ủy xã Nam Sơn tổ chức hội nghị. Sáu tháng qua, xã đã tập trung thực"
        " hiện 3 nội dung trọng tâm là: rà soát hộ nghèo; thu ngân sách; chuẩn bị Tết."
    )
    assert found == []


def test_a_count_of_qualities_is_no_party_cell() -> None:
    """'chi bộ 4 tốt' rates cells; 'Chi bộ 4' alone is a cell; 'các chi bộ' is every cell."""
    draft = extract(
        "Sáng 5/6/2023, Đảng ủy xã Nam Sơn tổ chức hội nghị phát động xây dựng “chi bộ 4 tốt”,"
        " “chi bộ 3 không”. Đồng chí Bí thư Đảng ủy xã yêu cầu các chi bộ đăng ký thi đua."
    )
    assert [u.name for u in draft.units] == ["Đảng ủy xã Nam Sơn"]
    assert [d.unit for d in draft.directives] == [None]
    found = directives(
        "Sáng 5/6/2023, Đảng ủy xã Nam Sơn họp. Đồng chí Bí thư Đảng ủy xã yêu cầu Chi bộ 4 tổ"
        " chức sinh hoạt chuyên đề; các chi bộ đăng ký thi đua."
    )
    assert [unit for unit, _, _ in found] == ["Chi bộ 4", None]


def test_every_cell_of_a_shortcoming_is_no_one_cell() -> None:
    """'mỗi chi bộ' is every cell, as 'các chi bộ' is: a shortcoming about it is no cell's, even in
    an article naming one cell (GUIDE: a collective subject, null)."""
    draft = extract(
        "Sáng 5/6/2023, Chi bộ thôn Phú Lễ họp. Tuy nhiên, hoạt động của mỗi chi bộ còn hạn chế,"
        " chưa sâu sát. Chi bộ thôn Phú Lễ còn chậm rà soát đảng viên."
    )
    assert [(x.unit, x.text) for x in draft.limitations] == [
        (None, "hoạt động của mỗi chi bộ còn hạn chế, chưa sâu sát"),
        ("Chi bộ thôn Phú Lễ", "Chi bộ thôn Phú Lễ còn chậm rà soát đảng viên"),
    ]


def test_a_delegates_constituency_in_the_chairs_title_is_no_unit() -> None:
    """'Trưởng đoàn Đại biểu Quốc hội đơn vị tỉnh Nam Sơn': where the chair was elected."""
    draft = extract(
        "Ngày 30/6/2023, Ban Thường vụ Tỉnh ủy Nam Sơn tổ chức hội nghị sơ kết. Đồng chí Trần Văn"
        " Nam, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội đơn vị tỉnh Nam Sơn chủ trì hội"
        " nghị. Đồng chí yêu cầu UBND tỉnh đẩy nhanh giải ngân vốn đầu tư công."
    )
    assert [u.name for u in draft.units] == ["Tỉnh ủy Nam Sơn", "UBND tỉnh Nam Sơn"]
    assert draft.meeting.chair == "Trần Văn Nam"


def test_a_portals_category_line_above_the_headline_is_no_title() -> None:
    """The headline is the first line after the portal's section name, however long."""
    headline = (
        "Kết luận của Phó Chủ tịch UBND tỉnh Trần Văn Nam tại Hội nghị đánh giá kết quả thực hiện"
        " Kế hoạch phát triển ngành nông nghiệp, nông thôn năm 2022 và triển khai Kế hoạch năm"
        " 2023"
    )
    for category in ("Thông tin chỉ đạo điều hành", "Tin hoạt động"):
        draft = extract(
            f"{category}\n{headline}\nNgày 22/11/2022, Phó Chủ tịch UBND tỉnh Trần Văn Nam chủ"
            " trì hội nghị. Đồng chí yêu cầu Sở Nông nghiệp và PTNT hướng dẫn sản xuất vụ Đông"
            " Xuân.\n"
        )
        assert draft.meeting.title == headline, category
        assert draft.meeting.date == date(2022, 11, 22)
        assert [d.unit for d in draft.directives] == ["Sở Nông nghiệp và PTNT"]


def test_who_attended_is_not_who_chaired() -> None:
    """A leader listed after 'Tham dự Hội nghị có' attended; the one who concluded chaired."""
    draft = extract(
        "Tiểu ban Công tác Nam Sơn sơ kết 6 tháng\nĐồng chí Trần Thị Mai phát biểu kết luận tại"
        " Hội nghị.\nTham dự Hội nghị có các đồng chí: Đại tướng Lê Văn Hùng, Bí thư Đảng ủy Công"
        " an Trung ương, Bộ trưởng Bộ Công an, Phó Trưởng Tiểu ban; đồng chí Phạm Văn Đông, Trưởng"
        " Ban Nội chính Trung ương.\nTại Hội nghị, các thành viên Tiểu ban đã thảo luận.\n"
    )
    assert draft.meeting.chair == "Trần Thị Mai"
    # the head of the body that holds it, listed among those who attended, may chair it
    draft = extract(
        "Sáng ngày 30/10/2018, Ủy ban MTTQ Việt Nam huyện Nam Sơn tổ chức hội nghị giao ban. Dự"
        " hội nghị có các đồng chí: Vương Văn Minh – UVTV, Chủ tịch Ủy ban MTTQ Việt Nam huyện;"
        " Lê Văn Hùng – Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện.\nHội nghị nghe báo cáo tiến độ."
        " Các đại biểu thảo luận. Các xã nêu khó khăn.\nPhát biểu tại hội nghị, đồng chí Vương"
        " Văn Minh – UVTV, Chủ tịch Ủy ban MTTQ Việt Nam huyện tiếp thu ý kiến của các đại biểu."
    )
    assert draft.meeting.chair == "Vương Văn Minh"
    # "Dự và chỉ đạo cuộc họp có": who directed it, not only attended
    draft = extract(
        "Ngày 12/9/2023, UBND tỉnh Nam Sơn họp phiên thường kỳ tháng 9. Dự và chỉ đạo cuộc họp có"
        " các đồng chí: Nguyễn Văn Vang, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; Chẩu Văn Lâm, Chủ"
        " tịch UBND tỉnh."
    )
    assert draft.meeting.chair == "Nguyễn Văn Vang"


def test_a_title_goes_on_over_lower_case_words_of_a_body() -> None:
    """'Bộ trưởng Bộ Công an', 'Giám đốc Trung tâm Chính trị': not cut at 'Bộ', 'Trung'."""
    draft = extract(
        "Ngày 5/6/2023, Bộ Công an tổ chức hội nghị. Đồng chí Lê Văn Hùng, Bí thư Đảng ủy Công an"
        " Trung ương, Bộ trưởng Bộ Công an chủ trì hội nghị."
    )
    assert draft.meeting.chair_title == "Bí thư Đảng ủy Công an Trung ương, Bộ trưởng Bộ Công an"
    draft = extract(
        "Ngày 9/6/2023, Ban Thường vụ Đảng ủy phường Nam Sơn tổ chức hội nghị sơ kết. Đến tham dự"
        " hội nghị, đồng chí Đào Văn Thành, Ủy viên Thường vụ Thành ủy, Giám đốc Trung tâm Chính"
        " trị thành phố đánh giá cao sự chủ động của Đảng bộ phường. Đồng thời yêu cầu Đảng bộ"
        " phường đẩy nhanh tiến độ các chỉ tiêu."
    )
    assert draft.meeting.chair == "Đào Văn Thành"  # who goes on to ask, not named again
    assert draft.meeting.chair_title == (
        "Ủy viên Thường vụ Thành ủy, Giám đốc Trung tâm Chính trị thành phố"
    )


def test_a_head_written_trưởng_is_no_family_name() -> None:
    """'Phó Trưởng Công an phường' names no person 'Trưởng Công' (the family name is Trương)."""
    found = find_persons(
        "Ông Trịnh Nhật Thanh – Phó Trưởng Công an phường báo cáo tình hình; bà Lê Thị Huyền,"
        " Phó Bí thư Đảng ủy, Trưởng Khối Dân vận phường phát biểu."
    )
    assert [p.name for p in found] == ["Trịnh Nhật Thanh", "Lê Thị Huyền"]


def test_hợp_is_no_meeting_only_họp_is() -> None:
    """'phối hợp', 'phù hợp', 'tập hợp' fold to the key of 'họp': no kind of meeting from them."""
    for text in (
        "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát các dự án.",
        "Chủ tịch UBND tỉnh yêu cầu các đơn vị thực hiện các giải pháp phù hợp với thực tế.",
        "Chiều 4/10, Ủy ban MTTQ xã Nam Sơn tổ chức tọa đàm về công tác tập hợp quần chúng.",
    ):
        assert extract(text).meeting.kind is None, text
    assert extract("Sáng 5/6/2023, UBND xã Nam Sơn họp bàn kế hoạch.").meeting.kind == "conference"
    # a text typed without tones reads "hop" as the meeting, as before
    assert extract("Sang 5/6/2023, UBND xa Nam Son hop ban ke hoach.").meeting.kind == "conference"


def test_a_ward_named_after_a_person_is_no_chair() -> None:
    """'phường Phạm Đình Hổ', 'phường 18 Lê Đại Hành': a place, not the person who chaired."""
    draft = extract(
        "Ngày 07/5/2018, Thường trực HĐND – UBND – UB.MTTQ phường Phạm Đình Hổ họp liên tịch"
        " thống nhất nội dung kỳ họp thứ bảy HĐND phường Phạm Đình Hổ."
    )
    assert draft.meeting.chair is None
    draft = extract(
        "Ngày 17/9/2018, tại Hội trường Đảng ủy - HĐND phường 18 Lê Đại Hành, Thường trực HĐND"
        " phường tổ chức phiên họp tháng 9."
    )
    assert draft.meeting.chair is None
    # a person written after a level word has a title before it
    draft = extract(
        "Ngày 7/5/2018, HĐND phường Nam Sơn họp. Phó Chủ tịch UBND phường Nguyễn Văn Hùng chủ trì"
        " hội nghị."
    )
    assert draft.meeting.chair == "Nguyễn Văn Hùng"


def test_departments_written_run_together_or_with_a_spaced_dash() -> None:
    """'Sở NNPTNT', 'Sở TNMT', 'Sở Kế hoạch - Đầu tư': departments, as 'Sở NN&PTNT' was."""
    found = directives(
        "Ngày 20/8/2011, Chủ tịch UBND tỉnh Nam Sơn làm việc với các sở. Giao Sở Kế hoạch - Đầu"
        " tư phối hợp với UBND huyện Bắc Sơn làm rõ gói thầu số 7. Giao cho Sở NNPTNT chủ trì,"
        " phối hợp với Sở TNMT làm rõ các nội dung, báo cáo trước ngày 30/8/2011."
    )
    assert [unit for unit, _, _ in found] == ["Sở Kế hoạch - Đầu tư", "Sở NNPTNT"]
    assert unit_key("Sở NNPTNT") == unit_key("Sở Nông nghiệp và Phát triển nông thôn")
    assert unit_key("Sở TNMT") == unit_key("Sở Tài nguyên và Môi trường")
    assert unit_key("Sở Kế hoạch - Đầu tư") == unit_key("Sở Kế hoạch và Đầu tư")


def test_whom_a_task_reports_to_is_no_partner() -> None:
    """'phối hợp với Sở X ..., báo cáo UBND tỉnh': Sở X works with the lead, the UBND receives."""
    draft = extract(
        "Ngày 20/8/2011, Chủ tịch UBND tỉnh Nam Sơn làm việc với các sở. Giao Sở Nông nghiệp và"
        " PTNT chủ trì, phối hợp với Sở Tài chính nghiên cứu, tham mưu UBND tỉnh giải quyết; giao"
        " Sở Xây dựng phối hợp với UBND huyện Bắc Sơn làm rõ vụ việc, báo cáo UBND tỉnh trước ngày"
        " 30/8/2011."
    )
    assert [(d.unit, d.with_) for d in draft.directives] == [
        ("Sở Nông nghiệp và PTNT", ("Sở Tài chính",)),
        ("Sở Xây dựng", ("UBND huyện Bắc Sơn",)),
    ]
    # the partners of a task end where the next one is assigned in the same clause
    draft = extract(
        "Ngày 20/8/2011, Chủ tịch UBND tỉnh Nam Sơn làm việc với các sở. Giao Sở Tài chính phối"
        " hợp với UBND huyện Bắc Sơn làm rõ gói thầu số 7… giao cho Sở Xây dựng chủ trì kiểm tra."
    )
    assert draft.directives[0].with_ == ("UBND huyện Bắc Sơn",)


def test_shortcomings_an_inspection_states_as_a_list_are_each_one() -> None:
    """'Đoàn ... chỉ ra một số hạn chế cần khắc phục như: A; B': A and B, not the lead-in, and
    not the team's own: the body inspected's (the one body the article is about)."""
    draft = extract(
        "Ngày 26/10/2023, Đoàn kiểm tra của UBND huyện kiểm tra công tác cải cách hành chính xã"
        " Nam Sơn. Thành viên đoàn kiểm tra cũng chỉ ra một số tồn tại, hạn chế của đơn vị cần"
        " khắc phục, như: Chưa có sáng kiến mới trong công tác cải cách hành chính; Tỷ lệ hồ sơ"
        " trực tuyến vẫn còn thấp."
    )
    assert [(lim.unit, lim.text) for lim in draft.limitations] == [
        ("xã Nam Sơn", "Chưa có sáng kiến mới trong công tác cải cách hành chính"),
        ("xã Nam Sơn", "Tỷ lệ hồ sơ trực tuyến vẫn còn thấp"),
    ]
    # the topics of good and bad alike are no shortcomings
    draft = extract(
        "Ngày 26/10/2023, Thường trực Thị ủy làm việc với các ngành. Lãnh đạo các ngành đã nêu lên"
        " những thuận lợi, khó khăn trong thực hiện nhiệm vụ như: Lĩnh vực đất đai, mời gọi doanh"
        " nghiệp đầu tư, quản lý đất công."
    )
    assert not draft.limitations


def test_the_year_a_report_or_a_submission_covers_is_no_deadline() -> None:
    """'Báo cáo ... năm 2019 và nhiệm vụ trọng tâm năm 2020', 'Tờ trình ... quyết toán ngân sách
    năm 2019': what the documents are about, however long the report's name."""
    found = directives(
        "Sáng 18/11/2019, HĐND phường Nam Sơn họp. Đồng chí Chủ tịch HĐND phường yêu cầu UBND"
        " phường chuẩn bị Báo cáo của UBND phường về kết quả thực hiện nhiệm vụ phát triển kinh tế"
        " - văn hóa - xã hội, quốc phòng - an ninh năm 2019 và nhiệm vụ trọng tâm năm 2020. UBND"
        " phường chuẩn bị Tờ trình về phê duyệt quyết toán thu - chi ngân sách năm 2019."
    )
    assert [due for _, _, due in found] == [None, None]
    # a year the task is for still dates it
    found = directives(
        "Sáng 18/11/2019, HĐND phường Nam Sơn họp. Đồng chí Chủ tịch HĐND phường yêu cầu UBND"
        " phường hoàn thành các chỉ tiêu năm 2019."
    )
    assert [due for _, _, due in found] == [date(2019, 12, 31)]


def test_a_teams_head_title_goes_on_over_the_teams_work() -> None:
    """'Trưởng đoàn giám sát đề nghị ...': the title ends at 'giám sát', and the person asks."""
    draft = extract(
        "Sáng 12/9/2024, HĐND huyện Nam Sơn tổ chức họp thông qua báo cáo kết quả giám sát. Phát"
        " biểu tại cuộc họp, ông Nguyễn Công Danh, Phó Chủ tịch HĐND huyện, Trưởng đoàn giám sát"
        " đề nghị UBND huyện rà soát công tác quản lý quy hoạch."
    )
    assert draft.meeting.chair == "Nguyễn Công Danh"
    assert draft.meeting.chair_title == "Phó Chủ tịch HĐND huyện, Trưởng đoàn giám sát"
    # "giám sát" after a title with no "đoàn" is the verb
    found = find_persons("Đồng chí Lê Văn Hùng, Phó Chủ tịch HĐND tỉnh giám sát việc thực hiện.")
    assert [p.title for p in found] == ["Phó Chủ tịch HĐND tỉnh"]


def test_the_team_named_again_by_its_bare_noun_asks() -> None:
    """'Đoàn kiểm tra ...' then ', Đoàn yêu cầu ...': the team's request, as 'ban yêu cầu' is."""
    found = directives(
        "Ngày 3/10/2019, Đoàn kiểm tra của tỉnh kiểm tra và làm việc tại phường Bắc Sơn. Với những"
        " hạn chế được chỉ ra, Đoàn yêu cầu các địa phương nghiêm túc khắc phục, tiếp tục xây"
        " dựng nền hành chính hiện đại."
    )
    assert [text for _, text, _ in found] == [
        "các địa phương nghiêm túc khắc phục, tiếp tục xây dựng nền hành chính hiện đại"
    ]
    # a youth member's proposal is none
    assert not directives(
        "Ngày 3/10/2019, Đoàn kiểm tra của tỉnh làm việc tại phường Bắc Sơn. Đoàn viên thanh niên"
        " đề nghị tăng cường sân chơi."
    )


def test_an_ellipsis_before_the_next_assignment_parts_two_tasks() -> None:
    """A quoted notice with words left out: '... gói thầu số 7… giao cho Sở X chủ trì ...'."""
    found = directives(
        "Ngày 20/8/2011, Chủ tịch UBND tỉnh Nam Sơn làm việc với các sở. Đồng chí chỉ đạo rõ: “Giao"
        " cho Sở Tài chính phối hợp với UBND huyện Bắc Sơn làm rõ… gói thầu số 7… giao cho Sở Xây"
        " dựng chủ trì làm rõ các nội dung… báo cáo UBND tỉnh trước ngày 30-8-2011”."
    )
    assert [(unit, due) for unit, _, due in found] == [
        ("Sở Tài chính", None),
        ("Sở Xây dựng", date(2011, 8, 30)),
    ]
    assert found[0][1].endswith("gói thầu số 7")


def test_the_day_a_notice_was_received_after_an_opener_is_no_meeting_day() -> None:
    """'Sau cuộc làm việc, ngày 23-8-2011, cơ quan ... nhận được Thông báo số ...': the notice's
    day, as 'Ngày 23-8-2011, ... nhận được Thông báo' already was."""
    draft = extract(
        "Sau cuộc làm việc, ngày 23-8-2011, cơ quan đại diện báo nhận được Thông báo số 81/TB-UBND"
        " về kết luận của Chủ tịch UBND tỉnh Nam Sơn tại cuộc làm việc. Giao Sở Tài chính làm rõ"
        " gói thầu số 7."
    )
    assert draft.meeting.date is None
    # a meeting held on the day after such an opener keeps it
    draft = extract("Sau khi khai mạc, ngày 23-8-2011, HĐND tỉnh Nam Sơn họp phiên thứ hai.")
    assert draft.meeting.date == date(2011, 8, 23)


def test_a_number_before_a_day_with_its_time_of_day_cites_no_document() -> None:
    """'cơn bão số 5, chiều ngày 17/5/2020 UBND xã tổ chức cuộc họp': a document is dated by its
    day alone; "số 5" before a time of day is the storm's number, and the day is the meeting's."""
    draft = extract(
        "Trước diễn biến của cơn bão số 5, chiều ngày 17/5/2020 UBND xã Nam Hòa tổ chức cuộc họp"
        " với Ban chỉ huy phòng chống thiên tai xã. Ngày 18/9/2020 các thôn dừng mọi cuộc họp.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2020, 5, 17)
    # a document cited by its number keeps its day out of the meeting's
    cited = extract(
        "Theo Công văn số 5, ngày 17/5/2020 của UBND huyện, UBND xã Nam Hòa tổ chức cuộc họp.",
        today=date(2025, 1, 1),
    )
    assert cited.meeting.date is None


def test_a_day_range_before_its_month_and_a_schedule_give_no_meeting_day() -> None:
    """'thống nhất lịch tiếp xúc cử tri từ ngày 3 - 7.12': two days of a range written before
    their month (not 3 July), and the days of a schedule, still to come."""
    draft = extract(
        "Theo dự kiến, kỳ họp thứ 9 HĐND thị xã Nam Hòa sẽ diễn ra trong 2 ngày"
        " (từ 25 - 26.12.2019)."
        " Thường trực HĐND thị xã cũng đã thống nhất lịch tiếp xúc cử tri trước kỳ họp từ ngày"
        " 3 - 7.12.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date is None


def test_a_day_with_its_time_of_day_leads_over_the_publication_line() -> None:
    """'Tại buổi trao đổi với ... sáng 3/2, ...': with no meeting word the lead is the sentence
    whose day has a time of day, not the byline 'Thứ bảy, ngày 04/02/2017 13:22'."""
    draft = extract(
        "Kim Lan (Trung tâm Tin tức)-Thứ bảy, ngày 04/02/2017 13:22 GMT+7\n"
        "Tại buổi trao đổi với các Bí thư Đảng ủy phường, xã trên địa bàn thành phố sáng 3/2, Bí"
        " thư Thành ủy Trần Văn Nam yêu cầu củng cố năng lực lãnh đạo của Đảng bộ phường, xã."
    )
    assert draft.meeting.date == date(2017, 2, 3)


def test_a_quarter_planned_at_a_meeting_late_in_the_year_is_next_years() -> None:
    """'Chiều 17/12, ... trong quý I năm 2025 hoàn thành hồ sơ': the text's only year is of the
    quarter after the meeting, which is then in 2024 (as 'tháng 1/2025' already gave)."""
    draft = extract(
        "Chiều 17/12, Thường trực Thành ủy giao ban công tác tuần. UBND thành phố đẩy mạnh"
        " tuyên truyền, trong quý I năm 2025 hoàn thành hồ sơ đề nghị công nhận.",
        today=date(2025, 6, 1),
    )
    assert draft.meeting.date == date(2024, 12, 17)
    same = extract(
        "Chiều 17/3, Thường trực Thành ủy giao ban công tác tuần. UBND thành phố trong quý I năm"
        " 2025 hoàn thành hồ sơ.",
        today=date(2026, 6, 1),
    )
    assert same.meeting.date == date(2025, 3, 17)


def test_stages_of_one_task_written_alike_are_due_at_the_last() -> None:
    """'hết tháng 6 là 75% và hết tháng 7 phải trên 96%': stages of one task, written alike and
    each later, due at the last (not at the first)."""
    found = directives(
        LEAD
        + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu Phòng Tài chính - Kế hoạch phải giải ngân"
        " hết tháng 6 là 70% và hết tháng 8 phải trên 95% vốn đầu tư công năm 2023."
    )
    assert [due for _, _, due in found] == [date(2023, 8, 31)]


def test_a_term_or_period_bounds_a_year_the_text_does_not_give() -> None:
    """No year but 'nhiệm kỳ 2021-2026' / 'giai đoạn 2015-2021': a council's first session is
    prepared in its term's first year, and a meeting is within a period it reviews (not the
    reference day's year, 2024); the year is still named as only assumed."""
    draft = extract(
        "Ngày 9/6, Thường trực HĐND huyện Nam Hòa họp thống nhất nội dung, chương trình Kỳ họp thứ"
        " nhất HĐND huyện khóa XX, nhiệm kỳ 2021-2026.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2021, 6, 9)
    assert "year" in draft.missing
    draft = extract(
        "Sáng 19/8, UBND huyện Nam Hòa tổ chức Hội nghị kiểm điểm tập thể lãnh đạo UBND huyện"
        " giai đoạn 2015-2021.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2021, 8, 19)
    # within the period, the reference day's year stays
    draft = extract(
        "Sáng 19/8, UBND huyện Nam Hòa tổ chức Hội nghị sơ kết nhiệm kỳ 2020-2025.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2024, 8, 19)


def test_completing_the_years_plan_is_due_at_the_years_end() -> None:
    """'bảo đảm hoàn thành kế hoạch năm 2020': the year's plan done by the year's end, not a plan
    named by its year (as 'triển khai Kế hoạch kiểm điểm năm 2020' still is)."""
    found = directives(
        "Sáng 2/3/2020, UBND huyện họp thường kỳ. Chủ tịch UBND huyện yêu cầu Phòng Kinh tế tập"
        " trung tháo gỡ khó khăn cho doanh nghiệp, bảo đảm hoàn thành kế hoạch năm 2020."
    )
    assert [due for _, _, due in found] == [date(2020, 12, 31)]
    named = directives(
        "Sáng 2/3/2020, UBND huyện họp thường kỳ. Chủ tịch UBND huyện yêu cầu Phòng Nội vụ"
        " triển khai Kế hoạch kiểm điểm năm 2020 đến các cơ quan."
    )
    assert [due for _, _, due in named] == [None]


def test_a_department_named_with_its_short_name_and_province_is_one_unit() -> None:
    # the short name in brackets between the department and its province does not cut the name,
    # and the short name written alone later is the same department
    draft = extract(
        "Sáng 14-10, Phó Chủ tịch UBND tỉnh Bình Phước Trần Văn Mai đã có buổi làm việc với Sở"
        " Thông tin - Truyền thông (TT-TT) tỉnh Bình Phước.\nPhó Chủ tịch UBND tỉnh yêu cầu Sở"
        " TT-TT rà soát hạ tầng số; tăng cường kiểm tra, đôn đốc các đơn vị ứng dụng CNTT."
    )
    full = "Sở Thông tin - Truyền thông tỉnh Bình Phước"
    assert [u.name for u in draft.units] == [full]
    assert [(d.unit, d.text) for d in draft.directives] == [
        (full, "Sở TT-TT rà soát hạ tầng số"),
        (full, "tăng cường kiểm tra, đôn đốc các đơn vị ứng dụng CNTT"),
    ]
    found = directives(
        "Ngày 3/4/2024, UBND thành phố họp. Chủ tịch UBND thành phố yêu cầu Sở Nội vụ TP Cần Thơ"
        " rà soát biên chế."
    )
    assert found[0][0] == "Sở Nội vụ TP Cần Thơ"


def test_a_place_named_without_its_level_opening_a_shortcoming_owns_it() -> None:
    # the text names the place with its level once, then by its name alone, as reports do
    draft = extract(
        "Chiều 9/10/2023, Thủ tướng Chính phủ làm việc với lãnh đạo tỉnh Nam Sơn. Năm 2023, tốc độ"
        " tăng trưởng của tỉnh Nam Sơn đạt 6%. Tuy nhiên, Nam Sơn còn rất nhiều khó khăn, quy mô"
        " kinh tế nhỏ. Theo đó, Nam Sơn mới chỉ triển khai cơ bản ở 3 huyện, các huyện còn lại"
        " chưa triển khai đồng bộ."
    )
    assert [(lim.unit, lim.text[:30]) for lim in draft.limitations] == [
        ("tỉnh Nam Sơn", "Nam Sơn còn rất nhiều khó khăn"),
        ("tỉnh Nam Sơn", "Nam Sơn mới chỉ triển khai cơ "),
    ]


def test_a_party_inspection_committee_asks_the_body_it_inspected() -> None:
    found = directives(
        "Chiều 11/8/2024, Ủy ban Kiểm tra Trung ương họp kỳ thứ 18. Qua xem xét kết quả giám sát,"
        " UBKT Trung ương yêu cầu Ban Thường vụ Tỉnh ủy Nam Sơn kiểm điểm nghiêm túc, rút kinh"
        " nghiệm sâu sắc."
    )
    assert found == [
        (
            "Tỉnh ủy Nam Sơn",
            "Ban Thường vụ Tỉnh ủy Nam Sơn kiểm điểm nghiêm túc, rút kinh nghiệm sâu sắc",
            None,
        )
    ]


def test_what_an_inspection_finds_after_the_merits_is_a_shortcoming_of_the_body_found() -> None:
    draft = extract(
        "Chiều 11/8/2024, Ủy ban Kiểm tra Trung ương họp kỳ thứ 18. Qua xem xét kết quả giám sát,"
        " UBKT Trung ương nhận thấy bên cạnh những ưu điểm, Ban Thường vụ Tỉnh ủy Nam Sơn đã có"
        " một số vi phạm, khuyết điểm trong ban hành và thực hiện Quy chế làm việc."
    )
    assert [(lim.unit, lim.text) for lim in draft.limitations] == [
        (
            "Tỉnh ủy Nam Sơn",
            "Ban Thường vụ Tỉnh ủy Nam Sơn đã có một số vi phạm, khuyết điểm trong ban hành và"
            " thực hiện Quy chế làm việc",
        )
    ]
    # what it finds well done is no shortcoming
    assert not extract(
        "Chiều 11/8/2024, Ủy ban Kiểm tra Trung ương họp. UBKT Trung ương nhận thấy Ban Thường vụ"
        " Tỉnh ủy Nam Sơn đã thực hiện tốt Quy chế làm việc."
    ).limitations


def test_a_two_word_name_after_a_provinces_committee_is_its_head_not_a_province() -> None:
    # no province is called "Nguyễn Bốn": the chairman, named after his title; "tỉnh Hà Tĩnh"
    # opens on a family name too, and is a province
    draft = extract(
        "Sáng 20/12/2018, UBND tỉnh tổ chức hội nghị tổng kết năm 2018. Phó Bí thư Tỉnh ủy, Chủ"
        " tịch UBND tỉnh Nguyễn Bốn chủ trì hội nghị. Chủ tịch UBND tỉnh Nguyễn Bốn yêu cầu các"
        " huyện phải lập biên bản vi phạm ngay từ đầu. UBND tỉnh sẽ tiếp tục chỉ đạo."
    )
    assert draft.meeting.chair == "Nguyễn Bốn"
    assert [u.name for u in draft.units] == ["UBND tỉnh"]
    assert [p.name for p in find_persons("Chủ tịch UBND tỉnh Hà Tĩnh yêu cầu các sở")] == []
    # the same person written short later ("Nguyễn Minh" of "Nguyễn Minh Tiến") is that person
    short = extract(
        "Ngày 28/12/2018, Sở Tài chính tổ chức hội nghị tổng kết. Đồng chí Nguyễn Minh Tiến, Phó"
        " Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị. Phát biểu chỉ đạo, Phó Chủ tịch UBND tỉnh"
        " Nguyễn Minh đề nghị toàn ngành tiếp tục đổi mới lề lối làm việc."
    )
    assert short.meeting.chair == "Nguyễn Minh Tiến"


def test_a_place_named_by_its_level_orders_the_bodies_under_it() -> None:
    found = directives(
        "Sáng 15/2/2019, UBND thành phố tổ chức họp rút kinh nghiệm ngày ra quân đầu năm. Từ đó,"
        " thành phố chỉ đạo các xã, phường nghiêm túc rút kinh nghiệm trong thời gian tới."
    )
    # the task, to no one unit ("các xã, phường" are every commune and ward)
    assert found == [(None, "các xã, phường nghiêm túc rút kinh nghiệm trong thời gian tới", None)]


def test_an_order_carried_out_before_the_meeting_is_reported_no_task() -> None:
    # the meeting of 20/3 reviews a day of action that the town ordered for 10/3: that order,
    # and the report of what was done after it, are no tasks; the request at the meeting is one
    found = directives(
        "Sau Tết, UBND thị xã chỉ đạo các phường đồng loạt ra quân dọn vệ sinh vào ngày 10/3,"
        " tạo không khí thi đua. Sáng 20/3/2021, UBND thị xã tổ chức họp đánh giá kết quả ngày"
        " ra quân.\nTrong đợt ra quân, các phường huy động hơn 2.000 người dân tham gia; các"
        " tuyến phố được dọn dẹp sạch sẽ.\nKết luận cuộc họp, Chủ tịch UBND thị xã yêu cầu các"
        " phường tiếp tục duy trì ra quân hằng tháng."
    )
    assert found == [(None, "các phường tiếp tục duy trì ra quân hằng tháng", None)]
    # a day of action ordered at the meeting for a day after it is the task itself
    later = directives(
        "Sáng 20/3/2021, UBND thị xã tổ chức họp triển khai ngày ra quân. Chủ tịch UBND thị xã"
        " chỉ đạo các phường đồng loạt ra quân dọn vệ sinh vào ngày 27/3."
    )
    assert [text for _, text, _ in later] == [
        "các phường đồng loạt ra quân dọn vệ sinh vào ngày 27/3"
    ]


def test_an_activity_that_must_be_carried_out_is_a_task_written_in_the_passive() -> None:
    # "cần được hỗ trợ" after a problem ("khó khăn") stays a need, no task; what else "cần
    # được / phải được" done is one, an activity's addressed to no unit (the communes it is
    # about are not its doer)
    found = directives(
        LEAD + "huyện chủ trì. Ở một số xã, đời sống nhân dân còn khó khăn cần được hỗ trợ. Vì vậy,"
        " việc phát triển chăn nuôi tập trung cần được tiếp tục triển khai để nâng cao thu nhập."
        " Đồng chí Chủ tịch nhấn mạnh: việc giữ gìn vệ sinh môi trường trên địa bàn các xã phải"
        " được duy trì thường xuyên. Mỗi chi bộ, mỗi đảng viên phải được giao nhiệm vụ cụ thể."
    )
    assert found == [
        (
            None,
            "việc phát triển chăn nuôi tập trung cần được tiếp tục triển khai để nâng cao thu nhập",
            None,
        ),
        (
            None,
            "việc giữ gìn vệ sinh môi trường trên địa bàn các xã phải được duy trì thường xuyên",
            None,
        ),
        (None, "Mỗi chi bộ, mỗi đảng viên phải được giao nhiệm vụ cụ thể", None),
    ]


def test_a_session_with_several_places_of_one_level_has_no_one_partner() -> None:
    # "các phường A, B và C": three wards, the names after the first without their level; a
    # task to no one is none of theirs (with one ward it is that ward's)
    found = directives(
        "Sáng 1/10/2019, Chủ tịch UBND thành phố làm việc với các phường Đông Hòa, Ngọc Sơn và"
        " Bình Minh về trật tự đô thị. Chủ tịch UBND thành phố yêu cầu tăng cường kiểm tra, xử lý"
        " lấn chiếm vỉa hè."
    )
    assert found == [(None, "tăng cường kiểm tra, xử lý lấn chiếm vỉa hè", None)]
    one = directives(
        "Sáng 1/10/2019, Chủ tịch UBND thành phố làm việc với phường Đông Hòa về trật tự đô thị."
        " Chủ tịch UBND thành phố yêu cầu tăng cường kiểm tra, xử lý lấn chiếm vỉa hè."
    )
    assert [unit for unit, _, _ in one] == ["phường Đông Hòa"]


def test_what_a_body_will_do_after_a_topic_is_its_commitment() -> None:
    # "Đối với việc thực hiện X, ..., UBND tỉnh sẽ ...": the body's "sẽ" is a commitment; a
    # target set ("Phấn đấu ... huyện X sẽ ...") and a request after such a topic stay tasks
    found = directives(
        "Sáng 20/12/2018, UBND tỉnh tổ chức hội nghị tổng kết năm 2018. Chủ tịch UBND tỉnh yêu"
        " cầu các huyện phải lập biên bản vi phạm ngay từ đầu. Phấn đấu cuối năm 2019 huyện Đông"
        " Sơn sẽ về đích nông thôn mới. Đối với việc thực hiện Nghị quyết"
        " của Tỉnh ủy về giảm nghèo bền vững, trên cơ sở những hạn chế mà các đại biểu nêu, UBND"
        " tỉnh sẽ tiếp tục triển khai các giải pháp nhằm nâng cao chất lượng giảm nghèo. Đối với"
        " việc thực hiện Nghị quyết về"
        " nông thôn mới, các huyện phải rà soát lại các tiêu chí."
    )
    assert [text for _, text, _ in found] == [
        "các huyện phải lập biên bản vi phạm ngay từ đầu",
        "Phấn đấu cuối năm 2019 huyện Đông Sơn sẽ về đích nông thôn mới",
        "Đối với việc thực hiện Nghị quyết về nông thôn mới, các huyện phải rà soát lại các tiêu"
        " chí",
    ]


def test_a_misspelt_however_opens_the_shortcomings_after_it() -> None:
    # "Tuy nhên" is "Tuy nhiên" with a letter left out, as a portal published it; "còn những
    # tồn tại" states shortcomings as "còn tồn tại" does, and so does "không đạt" a target
    draft = extract(
        "Sáng 10/10/2019, Ban Thường vụ Tỉnh ủy làm việc với Huyện ủy Đông Sơn. Trong 9 tháng,"
        " huyện có 9 chỉ tiêu đạt và vượt. Tuy nhiên, chỉ tiêu về độ che phủ rừng không đạt kế"
        " hoạch.\nTuy nhên, huyện Đông Sơn vẫn còn những tồn tại trong công tác quản lý bảo vệ"
        " rừng; việc quản lý đất đai còn lỏng lẻo."
    )
    assert [lim.text for lim in draft.limitations] == [
        "chỉ tiêu về độ che phủ rừng không đạt kế hoạch",
        "huyện Đông Sơn vẫn còn những tồn tại trong công tác quản lý bảo vệ rừng",
        "việc quản lý đất đai còn lỏng lẻo",
    ]


def test_a_bare_level_in_an_article_on_two_places_is_the_one_named_last_before_it() -> None:
    # a visit to two communes, a paragraph each: "Đảng ủy xã" is the commune of its paragraph
    found = directives(
        "Sáng 5/3/2021, Bí thư Thành ủy làm việc với Đảng ủy xã Hòa Sơn và xã Tân Cương.\n"
        "Tại xã Hòa Sơn, đồng chí Bí thư Thành ủy đề nghị Đảng ủy xã quan tâm công tác kiểm tra,"
        " giám sát.\nTại xã Tân Cương, địa phương đang triển khai nhiều dự án. Đồng chí đề nghị"
        " Đảng ủy xã làm tốt công tác giải phóng mặt bằng."
    )
    assert [unit for unit, _, _ in found] == ["Đảng ủy xã Hòa Sơn", "Đảng ủy xã Tân Cương"]
    # and the level alone as a clause's subject, the place of its part of the article
    wards = directives(
        "Sáng 1/10/2019, Chủ tịch UBND thành phố kiểm tra trật tự đô thị tại phường Đông Hòa và"
        " phường Ngọc Sơn.\nTại phường Ngọc Sơn, nhiều tuyến phố còn lấn chiếm vỉa hè. Chủ tịch"
        " UBND thành phố chỉ đạo: Phường cần xử lý dứt điểm các điểm lấn chiếm."
    )
    assert [unit for unit, _, _ in wards] == ["phường Ngọc Sơn"]


def test_a_communes_or_wards_offices_and_a_school_named_by_its_grades_are_units() -> None:
    # since 2025 a commune or ward has its own offices ("phòng Văn hóa - Xã hội", "Phòng Kinh
    # tế, Hạ tầng và Đô thị"), written lower-case as often as not; a school may be named by the
    # grades it teaches ("Trường Cấp 1-2 Phong Lâm")
    draft = extract(
        "Sáng 14/7/2025, Phó Chủ tịch UBND phường Tân An làm việc với phòng Văn hóa - Xã hội và"
        " Phòng Kinh tế, Hạ tầng và Đô thị phường."
    )
    assert [u.name for u in draft.units] == [
        "Phòng Văn hóa - Xã hội",
        "Phòng Kinh tế, Hạ tầng và Đô thị phường Tân An",
    ]
    school = extract(
        "Ngày 8/8/2018, Phó Chủ tịch UBND huyện kiểm tra công tác chuẩn bị năm học mới. Cơ sở"
        " vật chất cơ bản đã hoàn tất. Tuy nhiên, Trường Cấp 1-2 Phong Lâm vẫn còn thiếu 2 giáo"
        " viên dạy Tin học."
    )
    assert [lim.unit for lim in school.limitations] == ["Trường Cấp 1-2 Phong Lâm"]


def test_the_period_results_were_achieved_in_is_no_deadline_the_tasks_period_is() -> None:
    # "giữ vững những kết quả đạt được trong 6 tháng đầu năm": past work, even with "trong";
    # "hoàn thành nhiệm vụ 6 tháng cuối năm 2020": the tasks of that period, due at its end
    found = directives(
        "Chiều 30/6/2020, UBMTTQ xã Tân Hòa tổ chức hội nghị sơ kết. Đồng chí Phó Trưởng Ban Dân"
        " vận Huyện ủy chỉ đạo cần giữ vững những kết quả đạt được trong 6 tháng đầu năm, phấn"
        " đấu hoàn thành nhiệm vụ 6 tháng cuối năm 2020."
    )
    assert [due for _, _, due in found] == [date(2020, 12, 31)]


def test_the_staff_of_an_office_written_without_its_name_are_that_office() -> None:
    # "lãnh đạo, công chức phòng tiếp tục ...": the office the document names, by its staff
    found = directives(
        "Sáng 14/7/2025, Phó Chủ tịch UBND phường Tân An chủ trì hội nghị với phòng Văn hóa - Xã"
        " hội. Đồng chí yêu cầu lãnh đạo, công chức phòng tiếp tục nâng cao trách nhiệm."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        ("Phòng Văn hóa - Xã hội", "lãnh đạo, công chức phòng tiếp tục nâng cao trách nhiệm")
    ]


def test_what_has_not_happened_is_no_shortcoming() -> None:
    # "chưa xảy ra dịch": a merit of the place, not a judgement of its work
    draft = extract(
        "Ngày 11/7/2019, Đoàn kiểm tra của huyện làm việc tại xã Tân Phú. 6 tháng đầu năm 2019,"
        " xã Tân Phú là địa phương duy nhất trên địa bàn huyện chưa xảy ra dịch tả lợn Châu Phi."
        " Tuy nhiên, việc giải ngân vốn đầu tư còn chậm."
    )
    assert [lim.text for lim in draft.limitations] == ["việc giải ngân vốn đầu tư còn chậm"]


def test_an_inspection_on_signs_of_violation_is_no_violation_found() -> None:
    # "kiểm tra khi có dấu hiệu vi phạm" names a kind of party inspection (Điều lệ Đảng, Điều 32)
    draft = extract(
        "Ngày 5/8/2019, Ủy ban Kiểm tra Huyện ủy tổ chức hội nghị sơ kết. Trong 7 tháng, Ủy ban"
        " Kiểm tra Huyện ủy thực hiện nhiệm vụ theo Điều 32 Điều lệ Đảng: kiểm tra khi có dấu"
        " hiệu vi phạm đối với 02 đảng viên; giám sát chuyên đề đối với 02 tổ chức đảng."
    )
    assert draft.limitations == ()


def test_the_purpose_and_requirements_of_a_session_ask_nothing() -> None:
    # "nêu mục đích, yêu cầu và ý nghĩa của phiên giải trình": "yêu cầu" a noun among nouns;
    # "ngân sách xã 6 tháng đầu năm": six months of the commune's budget, no commune numbered 6
    draft = extract(
        "Sáng 12/7/2022, HĐND xã Tân Lập tổ chức phiên giải trình. Ông Nguyễn Văn Hai, Chủ tịch"
        " HĐND xã phát biểu khai mạc, nêu mục đích, yêu cầu và ý nghĩa của phiên giải trình."
        " Phó Chủ tịch UBND xã báo cáo công tác thu ngân sách xã 6 tháng đầu năm 2022."
    )
    assert draft.directives == ()
    assert [u.name for u in draft.units] == ["HĐND xã Tân Lập"]


def test_a_list_of_what_the_opinions_raised_holds_no_tasks() -> None:
    # "Các ý kiến ... nêu ra tại hội nghị tập trung vào những vấn đề: A; B": topics raised
    found = directives(
        "Sáng 5/10/2023, Thường trực HĐND huyện tổ chức hội nghị giao ban với Thường trực HĐND"
        " các xã. Các ý kiến nêu ra tại hội nghị chủ yếu tập trung vào những vấn đề: tình trạng"
        " lấn chiếm lòng lề đường; việc thu gom rác thải ở các chợ."
    )
    assert found == []


def test_what_a_leader_criticises_is_a_shortcoming_of_whom_he_criticises() -> None:
    # "phê bình TP X, mà trực tiếp là ... chưa quyết liệt": the city's shortcoming; "Sau khi phê
    # bình vì X, Chủ tịch UBND tỉnh yêu cầu ...": X, not the request after it
    draft = extract(
        "Ngày 5/7/2020, Bí thư Tỉnh ủy Nguyễn Văn An phê bình TP Hà Tiên, mà trực tiếp là các cán"
        " bộ phụ trách giải phóng mặt bằng chưa quyết liệt, chưa sâu sát cơ sở."
    )
    assert [(lim.unit, lim.text[:14]) for lim in draft.limitations] == [
        ("TP Hà Tiên", "TP Hà Tiên, mà")
    ]
    after = extract(
        "Sáng 3/8/2022, UBND tỉnh họp về dự án cảng cá. Sau khi phê bình vì chậm trễ giải quyết"
        " vướng mắc mặt bằng ở dự án cảng cá, Chủ tịch UBND tỉnh Trần Văn Bình yêu cầu chính"
        " quyền huyện Lý Sơn khẩn trương xử lý."
    )
    assert [(lim.unit, lim.text) for lim in after.limitations] == [
        (None, "chậm trễ giải quyết vướng mắc mặt bằng ở dự án cảng cá")
    ]
    # the self-criticism of a review criticises no one
    review = extract(
        "Sáng 3/1/2023, Ban Thường vụ Huyện ủy kiểm điểm tự phê bình và phê bình theo Nghị quyết"
        " Trung ương 4, chưa có kết luận."
    )
    assert review.limitations == ()


def test_a_body_or_place_a_project_or_plan_is_named_after_is_no_actor() -> None:
    # "Dự án đầu tư xây dựng Bệnh viện đa khoa X ... giải ngân rất chậm": the project's, no
    # hospital's shortcoming; "quy hoạch chung thị trấn X": the plan's name
    draft = extract(
        "Chiều 20/6/2023, UBND tỉnh họp về giải ngân vốn đầu tư công. Tuy nhiên, Dự án đầu tư xây"
        " dựng Bệnh viện đa khoa Nam Sơn có nguồn vốn lớn nhưng giải ngân rất chậm; công tác điều"
        " chỉnh quy hoạch chung thị trấn Ái Mỹ chưa đảm bảo tiến độ."
    )
    assert [lim.unit for lim in draft.limitations] == [None, None]


def test_a_share_that_is_all_that_was_done_is_a_shortcoming() -> None:
    # "mới chỉ đạt 40% chỉ tiêu", "mới đạt 42,4% kế hoạch": the rest is not done, said with no
    # contrast before it; the clause's subject, when it names none, is the sentence's
    found = limitations(
        "Sáng 10/10/2019, Huyện ủy Tân Phú tổ chức hội nghị sơ kết 9 tháng. Thu ngân sách đạt 120"
        " tỷ đồng; công tác phát triển đảng viên mới chỉ đạt 40% chỉ tiêu. Trong tháng 9, huyện"
        " Tân Phú thu ngân sách được 9 tỷ đồng; nâng tổng thu lên 40 tỷ đồng, mới đạt 38,5% kế"
        " hoạch cả năm. Số hợp tác xã thành lập mới đạt 150% kế hoạch."
    )
    assert [text for _, text in found] == [
        "công tác phát triển đảng viên mới chỉ đạt 40% chỉ tiêu",
        "nâng tổng thu lên 40 tỷ đồng, mới đạt 38,5% kế hoạch cả năm",
    ]
    assert found[1][0] is not None and "Tân Phú" in found[1][0]


def test_a_share_written_with_chi_or_an_amount_before_it_is_a_shortcoming_too() -> None:
    # "chỉ đạt 23% kế hoạch", "chỉ mới giải ngân 18,1%", "mới giải ngân 4.040 tỷ đồng, đạt gần
    # 33% kế hoạch": the same judgement as "mới đạt 40%" (GUIDE: a figure judged against the
    # plan, "đạt thấp"); "tổng chi đạt 95% dự toán" spends, and a share inside a request ("chỉ
    # đạo các ngành ..., không để tình trạng ... chỉ đạt 54%") is the task's, no shortcoming
    found = limitations(
        "Sáng 10/9/2018, UBND tỉnh Phú Yên họp phiên thường kỳ tháng 9. Đến ngày 8/9, toàn tỉnh"
        " mới giải ngân 4.040 tỷ đồng, đạt gần 33% kế hoạch. Lượng khách quốc tế 6 tháng chỉ đạt"
        " 23% kế hoạch. Vốn sự nghiệp chỉ mới giải ngân 18,1%. Tổng chi ngân sách đạt 95% dự"
        " toán. UBND tỉnh chỉ đạo các ngành thực hiện các văn bản đúng hạn, không để tình trạng"
        " thực hiện đúng hạn chỉ đạt 54% như tháng trước."
    )
    assert [text for _, text in found] == [
        "Đến ngày 8/9, toàn tỉnh mới giải ngân 4.040 tỷ đồng, đạt gần 33% kế hoạch",
        "Lượng khách quốc tế 6 tháng chỉ đạt 23% kế hoạch",
        "Vốn sự nghiệp chỉ mới giải ngân 18,1%",
    ]


def test_a_list_whose_lead_in_praises_it_holds_no_shortcomings() -> None:
    # the first list (after "được thực hiện hiệu quả đó là:") is of merits; the shortcomings are
    # the list the same sentence announces after them
    found = limitations(
        "Ngày 1/11/2018, Phó Chủ tịch UBND huyện kiểm tra xã Tân Hòa. Bên cạnh đó, UBND xã Tân"
        " Hòa đã thực hiện 8 nội dung cam kết; trong đó, đã có 6 nội dung được thực hiện hiệu quả"
        " đó là: Thu ngân sách; Giảm nghèo; Bảo vệ phát triển rừng... Bên cạnh những kết quả đạt"
        " được, UBND xã Tân Hòa vẫn còn bộc lộ nhiều hạn chế, đó là: Chưa có chuyển biến rõ nét"
        " trong xây dựng nếp sống văn minh; vệ sinh môi trường chưa được cải thiện nhiều."
    )
    assert [text for _, text in found] == [
        "Chưa có chuyển biến rõ nét trong xây dựng nếp sống văn minh",
        "vệ sinh môi trường chưa được cải thiện nhiều",
    ]


def test_what_an_inspections_conclusion_finds_is_the_faulted_bodys_shortcoming() -> None:
    found = limitations(
        "Trong hai ngày 6-7/3/2019, Ủy ban Kiểm tra Trung ương họp kỳ 34. Theo kết luận, Ban"
        " Thường vụ Huyện ủy Tân Phú đã vi phạm nguyên tắc tập trung dân chủ; thiếu trách nhiệm,"
        " buông lỏng lãnh đạo, chỉ đạo; chấp hành không nghiêm chỉ đạo của Tỉnh ủy."
    )
    assert found == [
        (
            "Huyện ủy Tân Phú",
            "Ban Thường vụ Huyện ủy Tân Phú đã vi phạm nguyên tắc tập trung dân chủ",
        ),
        ("Huyện ủy Tân Phú", "thiếu trách nhiệm, buông lỏng lãnh đạo, chỉ đạo"),
        ("Huyện ủy Tân Phú", "chấp hành không nghiêm chỉ đạo của Tỉnh ủy"),
    ]


def test_a_persons_three_names_after_a_level_are_no_place() -> None:
    # "Chủ tịch UBND tỉnh Trương Văn Nam": the person, not a province of that name
    titled = find_raw("Chủ tịch UBND tỉnh Trương Văn Nam phát biểu.")
    assert [m.text for m in titled] == ["UBND tỉnh"]


def test_a_name_of_four_or_five_syllables_after_a_title_is_whole() -> None:
    """A name of two to five capitalised syllables after a title is the person's, whole; a
    province or a place after a level word before it ends the title."""
    names = {
        "Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng chủ trì.": "Nguyễn Tự Công Hoàng",
        "Phó Chủ tịch UBND tỉnh Tôn Nữ Thị Ninh chủ trì.": "Tôn Nữ Thị Ninh",
        "Sáng nay, đồng chí Công Tôn Nữ Thị Ninh chủ trì.": "Công Tôn Nữ Thị Ninh",
        # a family name of several words whose first, "Công", is a common word: after a
        # title, at the start of a sentence, of six syllables (its "Tôn" alone lost "Công")
        "Phó Chủ tịch UBND tỉnh Công Tôn Nữ Thị Ninh chủ trì.": "Công Tôn Nữ Thị Ninh",
        "Phó Chủ tịch Công Tôn Nữ Thị Ninh chủ trì.": "Công Tôn Nữ Thị Ninh",
        "Công Tôn Nữ Thị Ninh chủ trì.": "Công Tôn Nữ Thị Ninh",
        "Chủ tịch UBND tỉnh Công Huyền Tôn Nữ Thị Ninh chủ trì.": "Công Huyền Tôn Nữ Thị Ninh",
        "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên chủ trì.": "Nguyễn Hồng Diên",
        "Chủ tịch UBND tỉnh Hà Nam Lê Anh chủ trì.": "Lê Anh",
        "Chủ tịch UBND huyện Mai Sơn Đỗ Văn Anh chủ trì.": "Đỗ Văn Anh",
        "Bí thư Thành ủy Hà Nội Đinh Tiến Dũng chủ trì.": "Đinh Tiến Dũng",
        "Bí thư Tỉnh ủy Gia Lai Hồ Quốc Dũng chủ trì.": "Hồ Quốc Dũng",
    }
    assert {s: [p.name for p in find_persons(s)] for s in names} == {
        s: [name] for s, name in names.items()
    }
    draft = extract(
        "Sáng 6/5/2025, Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng chủ trì cuộc họp về công tác"
        " phòng, chống dịch bệnh. Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng yêu cầu Sở Y tế"
        " tăng cường giám sát dịch bệnh."
    )
    assert (draft.meeting.chair, draft.meeting.chair_title) == (
        "Nguyễn Tự Công Hoàng",
        "Phó Chủ tịch UBND tỉnh",
    )
    draft = extract(
        "Sáng 6/5/2022, Phó Chủ tịch UBND tỉnh Công Tôn Nữ Thị Ninh chủ trì cuộc họp giao ban. "
        "Đồng chí yêu cầu Sở Y tế hoàn thành báo cáo trước ngày 30/6/2022."
    )
    assert (draft.meeting.chair, draft.meeting.chair_title) == (
        "Công Tôn Nữ Thị Ninh",
        "Phó Chủ tịch UBND tỉnh",
    )


def test_a_numbered_inspection_team_names_no_department_and_no_person() -> None:
    # "Đoàn Kiểm tra số 3 ... kiểm tra tình hình ... ở quận X": a numbered team (no Sở, no
    # person of the family Đoàn), the place it inspects
    inspected = extract(
        "Ngày 28/5/2014, Đoàn Kiểm tra số 3 về thực hiện Quy chế dân chủ do Trưởng ban Dân vận"
        " Thành ủy làm Trưởng đoàn kiểm tra tình hình thực hiện quy chế ở quận Hòa Tân.\n"
        "Tại buổi kiểm tra, Ban Chỉ đạo quận nêu lên những hạn chế như: Việc triển khai quy chế"
        " ở doanh nghiệp ngoài khu vực Nhà nước còn bất cập."
    )
    assert inspected.meeting.chair is None
    assert [lim.unit for lim in inspected.limitations] == ["quận Hòa Tân"]


def test_a_place_that_opens_its_clause_and_falls_short_is_the_place() -> None:
    # "Từ đầu tháng 5, huyện X còn xuất hiện dịch ...": the place as written, though the text
    # names its People's Committee; "Tại xã Y, việc ... chậm": the body of the place that does
    # the work
    found = limitations(
        "Sáng 5/6/2019, UBND huyện Tân Phú họp. Tuy nhiên, từ đầu tháng 5, huyện Tân Phú còn"
        " xuất hiện dịch sâu keo gây hại đến 200 ha ngô. Tuy nhiên, tại xã Hòa Bình, việc giải"
        " quyết thủ tục đăng ký khai sinh chậm hơn quy định. UBND xã Hòa Bình đã tiếp thu."
    )
    assert [unit for unit, _ in found] == ["huyện Tân Phú", "UBND xã Hòa Bình"]


def test_a_bodys_own_tasks_for_a_period_still_to_come_are_directives() -> None:
    # "Trong tháng 9, Chi bộ tiếp tục chỉ đạo A; B; C" at a meeting on 5/9: the body's own plan,
    # its ;-parts one directive each, no unit, dated by the month (GUIDE; dev 309, 316);
    # the month already past ("Trong tháng 8, …") is a report
    found = directives(
        "Sáng 5/9/2023, Chi bộ khu phố 3 họp thường kỳ. Trong tháng 9, Chi bộ tiếp tục chỉ đạo tổ"
        " chức tổng kết hoạt động hè; tuyên truyền nhân dân chủ động phòng sâu bệnh hại lúa; nắm"
        " chắc tình hình an ninh trật tự tại khu phố.\n"
        "Trong tháng 8, Chi bộ tập trung chỉ đạo thu hoạch lúa hè thu; vận động nhân dân nộp thuế"
        " đúng hạn; duy trì tổ tự quản."
    )
    assert len(found) == 3
    assert [text for _, text, _ in found[1:]] == [
        "tuyên truyền nhân dân chủ động phòng sâu bệnh hại lúa",
        "nắm chắc tình hình an ninh trật tự tại khu phố",
    ]
    assert {(unit, due) for unit, _, due in found} == {(None, date(2023, 9, 30))}


def test_a_bodys_own_plan_for_a_quarter_ahead_gives_every_part_after_its_head() -> None:
    # "Trong quý IV, Đảng ủy xã tiếp tục chỉ đạo A; B; C" at a meeting on 2/10: the body's own
    # plan, its ;-parts read as a request's parts are, whatever the words of each
    found = directives(
        "Ngày 2/10/2024, Đảng ủy xã An Bình họp thường kỳ. Trong quý IV, Đảng ủy xã tiếp tục chỉ"
        " đạo các chi bộ tổ chức sinh hoạt chuyên đề; rà soát, bổ sung quy hoạch cán bộ; quản lý"
        " chặt chẽ đất đai tại các thôn."
    )
    assert [text for _, text, _ in found] == [
        "Đảng ủy xã tiếp tục chỉ đạo các chi bộ tổ chức sinh hoạt chuyên đề",
        "rà soát, bổ sung quy hoạch cán bộ",
        "quản lý chặt chẽ đất đai tại các thôn",
    ]
    assert {due for _, _, due in found} == {date(2024, 12, 31)}


def test_a_body_going_on_with_its_work_for_the_months_ahead_sets_its_own_plan() -> None:
    # "Thực hiện nhiệm vụ … 3 tháng cuối năm, Ban ATGT huyện tiếp tục phối hợp … A; B; C" at a
    # nine-month review: "tiếp tục" before a verb of action sets the body's own work (dev 442)
    found = directives(
        "Sáng 3/10/2024, Ban An toàn giao thông huyện tổ chức hội nghị sơ kết công tác 9 tháng."
        " Thực hiện nhiệm vụ 3 tháng cuối năm, Ban An toàn giao thông huyện tiếp tục phối hợp với"
        " các ngành đẩy mạnh tuyên truyền về an toàn giao thông; tăng cường tuần tra, kiểm soát,"
        " xử lý nghiêm các trường hợp vi phạm; duy trì các mô hình tự quản về an toàn giao thông."
    )
    assert [text for _, text, _ in found[1:]] == [
        "tăng cường tuần tra, kiểm soát, xử lý nghiêm các trường hợp vi phạm",
        "duy trì các mô hình tự quản về an toàn giao thông",
    ]
    assert {due for _, _, due in found} == {date(2024, 12, 31)}


def test_the_months_from_the_years_start_a_review_reports_on_are_no_plan() -> None:
    # "Trong 7 tháng đầu năm 2024, Ủy ban Kiểm tra … tập trung thực hiện …; A; B" at a meeting
    # on 30/7: the period reviewed ends on the day after, and is still no period ahead
    assert not directives(
        "Chiều 30/7/2024, Ủy ban Kiểm tra Huyện ủy tổ chức hội nghị sơ kết công tác 7 tháng."
        " Trong 7 tháng đầu năm 2024, Ủy ban Kiểm tra Huyện ủy tập trung thực hiện nhiệm vụ kiểm"
        " tra, giám sát theo Điều lệ Đảng; kiểm tra 02 tổ chức đảng cấp dưới; giám sát chuyên đề"
        " đối với 03 đảng viên."
    )


def test_the_half_year_a_review_sets_tasks_for_dates_the_sentence_that_goes_on_with_them() -> None:
    # "Ngoài đánh giá kết quả 6 tháng đầu năm, hội nghị … đề ra nhiệm vụ, giải pháp cho 6 tháng
    # còn lại. Trong đó A; B; C." at a review on 5/7: the period after "đề ra" is the one the
    # work is set for (the half-year before it is the one reviewed), and "Trong đó" goes on with
    # that sentence and takes its period (GUIDE); the body's own plan has no unit
    found = directives(
        "Sáng 5/7/2018, Đảng bộ phường Nghi Thủy tổ chức hội nghị sơ kết công tác xây dựng Đảng 6"
        " tháng đầu năm. Ngoài đánh giá kết quả 6 tháng đầu năm, hội nghị cũng chỉ ra những tồn"
        " tại, hạn chế cần khắc phục và đề ra nhiệm vụ, giải pháp cho 6 tháng còn lại. Trong đó"
        " tiếp tục tăng cường quản lý Nhà nước về hoạt động du lịch; Xây dựng thêm đình chợ bằng"
        " nguồn xã hội hóa; Khai thác triệt để nguồn thu ngân sách."
    )
    assert [text for _, text, _ in found] == [
        "tiếp tục tăng cường quản lý Nhà nước về hoạt động du lịch",
        "Xây dựng thêm đình chợ bằng nguồn xã hội hóa",
        "Khai thác triệt để nguồn thu ngân sách",
    ]
    assert {(unit, due) for unit, _, due in found} == {(None, date(2018, 12, 31))}


def test_a_paragraph_reporting_a_past_period_after_announced_tasks_is_no_task() -> None:
    # "... đánh giá kết quả tháng 8 và triển khai các nhiệm vụ trọng tâm trong tháng 9.": the
    # paragraph after it that opens on the month reviewed and says what was done is a report
    found = directives(
        "Sáng 9/9/2019, Đảng ủy phường Tân Phú họp giao ban. Đồng chí Bí thư Đảng ủy đã đánh giá"
        " kết quả thực hiện nhiệm vụ tháng 8 và triển khai các nhiệm vụ trọng tâm trong tháng"
        " 9/2019.\n"
        "Trong tháng 8/2019, khối Đảng, đoàn thể và khối chính quyền đã duy trì việc đánh giá cán"
        " bộ hàng tháng đảm bảo đúng tiến độ. Các công việc trong tháng cơ bản hoàn thành theo kế"
        " hoạch đề ra."
    )
    assert found == []


def test_the_meeting_itself_is_no_task() -> None:
    # who held it ("Sáng ngày 27/3/2019, xã X tổ chức họp triển khai Kế hoạch tập trung đẩy
    # mạnh ...") and what it did ("Cuộc họp điểm lại ... và đã đề ra ..."), whatever the
    # imperative verbs in it: the clause model took both in this report
    found = directives(
        "XÃ HÀM TÂN TRIỂN KHAI NHIỆM VỤ XÂY DỰNG NÔNG THÔN MỚI NĂM 2019.\n\n"
        "XÃ HÀM TÂN TRIỂN KHAI NHIỆM VỤ XÂY DỰNG NÔNG THÔN MỚI NĂM 2019.08/04/2019 16:21:09\n\n"
        "Sáng ngày 27/3/2019, xã Hàm Tân tổ chức họp triển khai Kế hoạch tập trung đẩy mạnh "
        "phong trào thi đua hoàn thành các tiêu chí về đích nông thôn mới năm 2019.\n\n"
        "Cuộc họp có các đồng chí Lãnh đạo Đảng ủy, UBND các Ngành, Hội, Đoàn thể của xã và "
        "thôn; đại diện BGH các Trường Tiểu học và Trường Trung học cơ sở đến tham dự . Cuộc "
        "họp  điểm lại quá trình thực hiện 19 tiêu chí nông thôn mới và đã đề ra nhiều biện "
        "pháp tập trung thực hiện các tiêu chí chưa đạt. Cụ thể như: Tiểu tiêu chí 15.1 về "
        "chỉ tiêu người dân tham gia bảo hiểm Y tế; cần củng cố, tăng cường hệ thống đại lý "
        "để tập trung vận động đạt chỉ tiêu. Tiêu chí 16 cần phấn đấu giữ chuẩn 3/7 thôn văn "
        "hóa; đề nghị công nhận mới 4 thôn văn hóa. Tiểu tiêu chí 18.3 cuối năm Đảng bộ xã "
        "phải đạt được vững mạnh; theo đó các đoàn thể chính trị xã hội đều đạt khá trở lên "
        "(theo tiểu tiêu chí 18.4). Tiểu tiêu chí 19.2 tăng cường vận động bằng mọi hình thức "
        "nhằm kiềm chế, giảm thiểu về tệ nạn xã hội (ma túy, trộm cắp, cờ bạc…). Song với đó, "
        "để phấn đấu đạt  và về đích nông thôn mới năm 2019 cần có sự chung tay góp sức của "
        "cả hệ thống chính trị và sự đồng tình hưởng ứng cao của bà con nhân dân để đạt các "
        "tiêu chí đã đặt ra."
    )
    texts = [text for _, text, _ in found]
    assert not any(t.startswith(("Sáng ngày 27/3/2019", "Cuộc họp")) for t in texts)
    assert any("giữ chuẩn 3/7 thôn văn hóa" in t for t in texts)


def test_a_period_fronted_before_the_subject_is_no_part_of_the_task() -> None:
    """A body's own plan for a period ("Trong tháng 9, Chi bộ tiếp tục chỉ đạo …", "Thời gian
    tới, UBND huyện …") was drafted with the frame words in its text; the text starts at its
    subject, as the gold has it, and the period still dates it."""
    found = directives(
        "Sáng 5/8/2023, UBND huyện họp thường kỳ tháng 8. Trong tháng 9, UBND huyện tập trung chỉ"
        " đạo các xã đẩy nhanh tiến độ thu ngân sách.\nThời gian tới, UBND huyện tiếp tục đẩy"
        " mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.\nTrong năm 2024, huyện"
        " tập trung thực hiện có hiệu quả Đề án phát triển sản xuất nông nghiệp."
    )
    assert [(text[:24], due) for _, text, due in found] == [
        ("UBND huyện tập trung chỉ", date(2023, 9, 30)),
        ("UBND huyện tiếp tục đẩy ", None),
        ("huyện tập trung thực hiệ", date(2024, 12, 31)),
    ]


# The office's own documents: the read parts hold few (notices of conclusions written
# as news, documents reported by a paper), none pasted whole, so these three are written here in
# the shapes an office pastes: a notice whose entries are "Unit: task", a notice whose tasks sit
# under sub-headings naming their unit, and a letter to one commune.
NOTICE_ENTRIES = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Số: 145/TB-UBND
Quảng Trị, ngày 12 tháng 9 năm 2024

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh Võ Văn Hưng tại cuộc họp về tiến độ giải ngân vốn đầu tư \
công năm 2024

Ngày 10/9/2024, Chủ tịch UBND tỉnh Võ Văn Hưng chủ trì cuộc họp về tiến độ giải ngân vốn đầu tư \
công năm 2024. Sau khi nghe Sở Kế hoạch và Đầu tư báo cáo và ý kiến của các đại biểu, Chủ tịch \
UBND tỉnh kết luận như sau:

1. Tồn tại, hạn chế
- Tỷ lệ giải ngân vốn đầu tư công đến ngày 31/8/2024 mới đạt 38,5% kế hoạch.
- Công tác giải phóng mặt bằng một số dự án còn chậm, vướng mắc kéo dài.

2. Nhiệm vụ trong thời gian tới
a) Sở Kế hoạch và Đầu tư: chủ trì, phối hợp với Sở Tài chính rà soát, tham mưu điều chuyển vốn \
của các dự án chậm giải ngân, báo cáo UBND tỉnh trước ngày 30/9/2024.
b) Sở Tài chính: phối hợp với Kho bạc Nhà nước tỉnh đẩy nhanh tiến độ thanh toán vốn cho các dự \
án (hoàn thành trong tháng 10/2024).
c) Giao Sở Xây dựng chủ trì, phối hợp với UBND thành phố Đông Hà kiểm tra chất lượng công trình, \
xong trước ngày 15/10/2024.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.
"""

NOTICE_SECTIONS = """UBND TỈNH BÌNH ĐỊNH
VĂN PHÒNG
Số: 88/TB-VPUB
Bình Định, ngày 20 tháng 5 năm 2024

THÔNG BÁO
Ý kiến kết luận của Phó Chủ tịch UBND tỉnh Lâm Hải Giang tại cuộc họp về công tác phòng, \
chống sốt xuất huyết

Ngày 17/5/2024, Phó Chủ tịch UBND tỉnh Lâm Hải Giang đã chủ trì cuộc họp về công tác phòng, \
chống sốt xuất huyết trên địa bàn tỉnh. Sau khi nghe Sở Y tế báo cáo và ý kiến của các thành \
viên dự họp, Phó Chủ tịch UBND tỉnh kết luận như sau:

I. TỒN TẠI, HẠN CHẾ
1. Số ca mắc sốt xuất huyết tăng cao so với cùng kỳ năm trước.
2. Công tác tuyên truyền tại một số địa phương còn hình thức, chưa hiệu quả.

II. NHIỆM VỤ TRONG THỜI GIAN TỚI
1. Sở Y tế
- Chủ trì, phối hợp với UBND các huyện, thị xã, thành phố tổ chức chiến dịch diệt lăng quăng, \
bọ gậy, hoàn thành trước ngày 15/6/2024.
2. Sở Tài chính
- Tham mưu UBND tỉnh bố trí kinh phí phòng, chống dịch năm 2024 (xong trước ngày 30/6/2024).
3. Các sở, ngành, UBND các huyện, thị xã, thành phố
- Tăng cường tuyên truyền để người dân chủ động phòng bệnh.
"""

LETTER = """ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/UBND-NN
V/v tăng cường công tác phòng, chống bệnh dịch tả lợn châu Phi
Thạch Hà, ngày 05 tháng 3 năm 2025

Kính gửi: UBND xã Thạch Kênh

Thời gian qua, công tác phòng, chống dịch bệnh trên đàn vật nuôi tại xã đã được quan tâm triển \
khai. Tuy nhiên, việc tiêm phòng vắc xin cho đàn lợn còn đạt thấp; công tác kiểm soát giết mổ \
chưa chặt chẽ.

Để chủ động phòng, chống dịch, UBND huyện yêu cầu UBND xã Thạch Kênh thực hiện tốt các nội dung \
sau:
1. Tổ chức tiêm phòng vắc xin dịch tả lợn châu Phi cho toàn bộ đàn lợn trên địa bàn, hoàn thành \
trước ngày 31/3/2025.
2. Báo cáo kết quả thực hiện về UBND huyện (qua Phòng Nông nghiệp và PTNT) trước ngày 10/4/2025.
"""


def test_a_notices_entries_written_unit_colon_task_are_that_units() -> None:
    draft = extract(NOTICE_ENTRIES, today=date(2024, 9, 20))
    found = [(d.unit, d.with_, d.due) for d in draft.directives]
    assert found == [
        ("Sở Kế hoạch và Đầu tư", ("Sở Tài chính",), date(2024, 9, 30)),
        # in parentheses; the province the letterhead names ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")
        ("Sở Tài chính", ("Kho bạc Nhà nước tỉnh Quảng Trị",), date(2024, 10, 31)),
        ("Sở Xây dựng", ("UBND thành phố Đông Hà",), date(2024, 10, 15)),  # "xong trước"
    ]
    # the entry is the task from its addressee, not the unit alone and the task without it
    assert draft.directives[0].text.startswith("Sở Kế hoạch và Đầu tư: chủ trì, phối hợp với")
    # the shortcomings under "Tồn tại, hạn chế" (the meeting has several units: none is theirs)
    assert [(x.unit, x.text[:30]) for x in draft.limitations] == [
        (None, "Tỷ lệ giải ngân vốn đầu tư côn"),
        (None, "Công tác giải phóng mặt bằng m"),
    ]
    meeting = draft.meeting
    # the title is the notice's subject, not the issuer above it; the meeting's day is the one
    # the notice reports (10/9), not the notice's own (12/9); its number is the notice's
    assert meeting.title is not None and meeting.title.startswith("Kết luận của Chủ tịch UBND")
    assert (meeting.date, meeting.chair, meeting.doc) == (
        date(2024, 9, 10),
        "Võ Văn Hưng",
        "145/TB-UBND",
    )


def test_a_notices_tasks_under_a_sub_heading_naming_a_unit_are_that_units() -> None:
    draft = extract(NOTICE_SECTIONS, today=date(2024, 5, 20))
    found = [(d.unit, " ".join(d.text.split()[:3]), d.due) for d in draft.directives]
    assert found == [
        ("Sở Y tế", "Chủ trì, phối", date(2024, 6, 14)),  # 15/6 is a Saturday
        ("Sở Tài chính", "Tham mưu UBND", date(2024, 6, 28)),  # 30/6 a Sunday
        (None, "Tăng cường tuyên", None),  # "Các sở, ngành, …": every unit, none
    ]
    # each entry under "TỒN TẠI, HẠN CHẾ" is a shortcoming, whatever its words ("tăng cao")
    assert [x.text[:20] for x in draft.limitations] == [
        "Số ca mắc sốt xuất h",
        "Công tác tuyên truyề",
    ]
    assert draft.meeting.doc == "88/TB-VPUB"
    assert draft.meeting.title is not None and draft.meeting.title.startswith("Ý kiến kết luận")


def test_a_letter_to_one_unit_is_dated_and_numbered_by_itself_its_items_that_units() -> None:
    draft = extract(LETTER, today=date(2025, 3, 10))
    meeting = draft.meeting
    # no meeting in it: the letter's own day and number are the record's
    assert (meeting.date, meeting.doc, meeting.chair) == (date(2025, 3, 5), "1234/UBND-NN", None)
    assert meeting.title == "V/v tăng cường công tác phòng, chống bệnh dịch tả lợn châu Phi"
    assert "date" not in draft.missing
    # what names no unit is the addressee's ("Kính gửi: UBND xã Thạch Kênh")
    assert [x.unit for x in draft.limitations] == ["UBND xã Thạch Kênh"] * 2
    assert [(d.unit, d.due) for d in draft.directives] == [
        ("UBND xã Thạch Kênh", date(2025, 3, 31)),
        ("UBND xã Thạch Kênh", date(2025, 4, 10)),
    ]
    # a letter to several units, or to a collective, has no one addressee
    many = extract(LETTER.replace("UBND xã Thạch Kênh\n", "UBND các xã, thị trấn\n", 1))
    assert [x.unit for x in many.limitations] == [None, None]


def test_an_entry_opening_on_a_request_verb_in_a_list_to_one_unit_is_its_whole_task() -> None:
    """In a list addressed to one unit, an entry that opens on "Chỉ đạo", "Giao", "Yêu cầu" or
    "Đề nghị" is that unit's directing, assigning or asking: the whole entry, the unit's task.
    In a leader's conclusions ("c) Giao Sở Xây dựng chủ trì …") the verb is the leader's, and
    the task the unit's it names (the notice's test above)."""
    letter = LETTER.replace(
        "2. Báo cáo kết quả",
        "2. Chỉ đạo thú y xã tăng cường kiểm tra, giám sát dịch bệnh trên đàn lợn.\n"
        "3. Đề nghị Hội Nông dân xã tuyên truyền người chăn nuôi tiêm phòng vắc xin.\n"
        "4. Báo cáo kết quả",
    )
    draft = extract(letter, today=date(2025, 3, 10))
    assert [(d.unit, d.text[:35]) for d in draft.directives] == [
        ("UBND xã Thạch Kênh", "Tổ chức tiêm phòng vắc xin dịch tả "),
        ("UBND xã Thạch Kênh", "Chỉ đạo thú y xã tăng cường kiểm tr"),
        ("UBND xã Thạch Kênh", "Đề nghị Hội Nông dân xã tuyên truyề"),
        ("UBND xã Thạch Kênh", "Báo cáo kết quả thực hiện về UBND h"),
    ]


def test_a_documents_signer_chairs_only_when_its_body_names_no_leader() -> None:
    """A notice's conclusions are the leader's its body names, whoever signs it; the signer
    ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / name", "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG / name"),
    before or after "Nơi nhận:", is the chair only when the body names no one."""
    signed = "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nHoàng Nam Hải\n"
    receivers = "\nNơi nhận:\n- Như trên;\n- Lưu: VT, KT.\n"
    named = extract(NOTICE_ENTRIES + receivers + signed, today=date(2024, 9, 20))
    assert (named.meeting.chair, named.meeting.chair_title) == ("Võ Văn Hưng", "Chủ tịch UBND tỉnh")
    unnamed = NOTICE_ENTRIES.replace(" Võ Văn Hưng", "")
    by_order = "\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nPhạm Văn Tám\n"
    draft = extract(unnamed + by_order + receivers, today=date(2024, 9, 20))
    assert (draft.meeting.chair, draft.meeting.chair_title) == ("Phạm Văn Tám", "Chánh Văn phòng")
    # the signature is no item, and changes no item of the notice
    plain = extract(unnamed, today=date(2024, 9, 20))
    assert plain.meeting.chair is None
    assert [d.text for d in draft.directives] == [d.text for d in plain.directives]
    assert [x.text for x in draft.limitations] == [x.text for x in plain.limitations]
    letter = extract(LETTER + signed, today=date(2025, 3, 10))
    assert (letter.meeting.chair, letter.meeting.chair_title) == ("Hoàng Nam Hải", "Phó Chủ tịch")
    # a headline in capitals that opens on a title, above its byline, is no signature
    news = extract(
        "CHỦ TỊCH TỈNH THĂM CAN LỘC\nHoàng Anh\nSáng 6/5/2025, Chủ tịch UBND tỉnh Võ Trọng Hải đã"
        " có buổi làm việc với UBND huyện Can Lộc về tình hình phát triển kinh tế - xã hội."
    )
    assert (news.meeting.title, news.meeting.chair) == (
        "CHỦ TỊCH TỈNH THĂM CAN LỘC",
        "Võ Trọng Hải",
    )


def test_the_eth_that_stands_for_dj_is_read_as_dj() -> None:
    # "Ð" (U+00D0) looks exactly like "Đ" (U+0110); a page from a legacy code page holds it
    draft = extract(
        "Phó Thủ tướng Trương Hòa Bình vừa yêu cầu Chủ tịch UBND tỉnh Lâm Ðồng tiếp tục chỉ"
        " đạo kiểm tra, xử lý dứt điểm các vi phạm về đất đai.\nÐồng thời tăng cường công tác"
        " quản lý nhà nước, thường xuyên kiểm tra và kịp thời xử lý các vi phạm."
    )
    assert [(d.unit, d.text[:30]) for d in draft.directives] == [
        ("UBND tỉnh Lâm Đồng", "Chủ tịch UBND tỉnh Lâm Đồng ti"),
        ("UBND tỉnh Lâm Đồng", "tăng cường công tác quản lý nh"),
    ]
    assert draft.meeting.chair == "Trương Hòa Bình"  # not "Lâm Ðồng", read as a name
    # a village's name after "thôn" is a place, not a person ("Đông" is a family name)
    assert find_persons("Làng nghề tái chế nhựa thôn Đông Mai, xã Chỉ Đạo, huyện Văn Lâm.") == []


def test_a_headline_opening_on_an_abbreviated_level_names_that_levels_place() -> None:
    found = directives(
        "H. Phù Mỹ, Bình Định: Giám sát tình hình xây dựng cơ sở vật chất trường học\n\n"
        "Thường trực HĐND huyện đã tổ chức giám sát tình hình xây dựng trường học năm 2007.\n\n"
        "Thường trực HĐND đề nghị phòng GD – ĐT huyện phối hợp với các ngành liên quan tăng"
        " cường đôn đốc các đơn vị tư vấn hoàn thành hồ sơ thiết kế."
    )
    # GUIDE.md: a headline's place counts as a place the article gives
    assert [unit for unit, _, _ in found] == ["Phòng GD – ĐT huyện Phù Mỹ"]
    # a byline's initial is no place
    byline = directives(
        "Thường trực HĐND huyện đề nghị phòng GD – ĐT huyện tăng cường đôn đốc thi công.\n\nP."
        " Tuyết"
    )
    assert [unit for unit, _, _ in byline] == ["Phòng GD – ĐT huyện"]


# A party committee's notice of conclusions in the shape such notices have: the header, its
# number, "kết luận như sau:", an assessment section (its achievements, then its shortcomings
# under a sub-heading), a section of tasks whose sub-headings only name topics, entries marked
# "a)", "-", "+" and "1.1.", deadlines written "thời hạn: …", "(hoàn thành trước ngày …)", "xong
# trong tháng …", "trước …", "trong quý …", the closing formula and "Nơi nhận:".
NOTICE_TOPICS = """TỈNH ỦY HÀ TĨNH
ĐẢNG CỘNG SẢN VIỆT NAM
Số: 245-TB/TU
Hà Tĩnh, ngày 14 tháng 6 năm 2024

THÔNG BÁO
Kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Can Lộc

Ngày 10/6/2024, đồng chí Hoàng Trung Dũng, Bí thư Tỉnh ủy chủ trì buổi làm việc với Ban \
Thường vụ Huyện ủy Can Lộc về kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024. Sau khi nghe \
báo cáo và ý kiến các đại biểu, Thường trực Tỉnh ủy kết luận như sau:

I. ĐÁNH GIÁ CHUNG
1. Về kết quả đạt được
Trong 6 tháng đầu năm, Huyện ủy đã lãnh đạo thực hiện toàn diện các nhiệm vụ chính trị; kinh \
tế tiếp tục tăng trưởng; quốc phòng, an ninh được giữ vững.
2. Hạn chế, tồn tại
a) Tiến độ giải phóng mặt bằng các dự án trọng điểm còn chậm.
b) Tỷ lệ giải ngân vốn đầu tư công đạt thấp so với kế hoạch.

II. NHIỆM VỤ THỜI GIAN TỚI
1. Về công tác xây dựng Đảng
a) Lãnh đạo tổ chức tốt đại hội chi bộ nhiệm kỳ 2025 - 2027, thời hạn: 31/12/2024.
b) Rà soát, bổ sung quy hoạch cán bộ (hoàn thành trước ngày 15/8).
2. Về phát triển kinh tế - xã hội
- UBND huyện Can Lộc đẩy nhanh giải phóng mặt bằng dự án đường ven biển, xong trong tháng \
7/2024.
+ Hoàn thành giải ngân vốn đầu tư công trước 30/9.
1.1. Ban Tổ chức Huyện ủy Can Lộc tham mưu kiện toàn cán bộ chủ chốt trong quý III/2024.

Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.

Nơi nhận:
- Ban Thường vụ Huyện ủy Can Lộc;
- Ban Tổ chức Tỉnh ủy;
- Lưu Văn phòng Tỉnh ủy.
"""


def test_a_notices_topic_sub_headings_keep_their_sections_kind() -> None:
    """Under "II. NHIỆM VỤ THỜI GIAN TỚI", a sub-heading naming a topic ("1. Về công tác xây dựng
    Đảng") is part of the section: its entries are tasks; under "I. ĐÁNH GIÁ CHUNG" the
    achievements are none, the entries under "2. Hạn chế, tồn tại" shortcomings. Each entry's
    deadline is read in the shape it is written, the year from the meeting's when it has none.
    The closing formula and "Nơi nhận:" give no item and no unit."""
    draft = extract(NOTICE_TOPICS, today=date(2024, 6, 20))
    assert [(d.unit, d.text[:30], d.due, d.due_phrase) for d in draft.directives] == [
        # the session's partner, for what names no unit
        (
            "Huyện ủy Can Lộc",
            "Lãnh đạo tổ chức tốt đại hội c",
            date(2024, 12, 31),
            "thời hạn: 31/12/2024",
        ),
        (
            "Huyện ủy Can Lộc",
            "Rà soát, bổ sung quy hoạch cán",
            date(2024, 8, 15),
            "hoàn thành trước ngày 15/8",
        ),
        (
            "UBND huyện Can Lộc",
            "UBND huyện Can Lộc đẩy nhanh g",
            date(2024, 7, 31),
            "xong trong tháng 7/2024",
        ),
        ("UBND huyện Can Lộc", "Hoàn thành giải ngân vốn đầu t", date(2024, 9, 30), "trước 30/9"),
        (
            "Ban Tổ chức Huyện ủy Can Lộc",
            "Ban Tổ chức Huyện ủy Can Lộc t",
            date(2024, 9, 30),
            "trong quý III/2024",
        ),
    ]
    assert [x.text[:30] for x in draft.limitations] == [
        "Tiến độ giải phóng mặt bằng cá",
        "Tỷ lệ giải ngân vốn đầu tư côn",
    ]
    # "Văn phòng Tỉnh ủy thông báo để …" and the receivers are no unit of the meeting
    assert [u.name for u in draft.units] == [
        "Huyện ủy Can Lộc",
        "UBND huyện Can Lộc",
        "Ban Tổ chức Huyện ủy Can Lộc",
    ]
    assert all("thông báo" not in d.text for d in draft.directives)
    # the receivers written on the line of "Nơi nhận:" are none either
    inline = NOTICE_TOPICS.replace(
        "Nơi nhận:\n- Ban Thường vụ", "Nơi nhận: - Sở Tài chính; - Ban Thường vụ"
    )
    assert [u.name for u in extract(inline, today=date(2024, 6, 20)).units] == [
        u.name for u in draft.units
    ]
    # a request to inform is a task, not the closing formula
    asked = extract(
        "Sáng 6/5/2024, UBND tỉnh họp về phòng, chống dịch. Chủ tịch UBND tỉnh yêu cầu Sở Y tế"
        " thông báo để người dân biết và chủ động phòng bệnh."
    )
    assert [(d.unit, d.text[:28]) for d in asked.directives] == [
        ("Sở Y tế", "Sở Y tế thông báo để người d")
    ]


NOTICE_TOPICS_AFTER_COLON = """UBND TỈNH NGHỆ AN
VĂN PHÒNG
Số: 512/TB-VPUB
Nghệ An, ngày 22 tháng 7 năm 2024

THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh Bùi Đình Long tại cuộc họp về phòng, chống thiên tai

Ngày 18/7/2024, đồng chí Bùi Đình Long, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác \
phòng, chống thiên tai năm 2024. Sau khi nghe Sở Nông nghiệp và Phát triển nông thôn báo cáo, \
ý kiến các đại biểu, Phó Chủ tịch UBND tỉnh kết luận như sau:

1. Về công tác chuẩn bị
Thời gian qua, các sở, ngành, địa phương đã chủ động triển khai phương án phòng, chống thiên \
tai. Tuy nhiên, một số hồ chứa xuống cấp chưa được sửa chữa kịp thời.
2. Về nhiệm vụ thời gian tới
Yêu cầu các sở, ngành, UBND các huyện thực hiện tốt các nhiệm vụ sau
- Rà soát phương án ứng phó với bão mạnh, siêu bão, xong trước ngày 15/8.
- Kiểm tra an toàn các hồ chứa, đê điều trước mùa mưa bão.
3. Về kinh phí
Giao Sở Tài chính các nhiệm vụ sau
- Tham mưu bố trí kinh phí sửa chữa hồ chứa xuống cấp (Thời hạn hoàn thành: 30/8/2024).
- Hướng dẫn các địa phương sử dụng quỹ phòng, chống thiên tai đúng quy định.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.
"""


def test_topics_after_ket_luan_nhu_sau_and_lists_announced_without_their_colon() -> None:
    """After "… kết luận như sau:", topic headings ("1. Về công tác chuẩn bị") go on with the
    conclusions; a list announced without its colon ("Giao Sở Tài chính các nhiệm vụ sau", then
    dashes) gives a task a dash, the unit asked leading them, and an entry of it is a task
    though its words name a shortcoming ("hồ chứa xuống cấp")."""
    draft = extract(NOTICE_TOPICS_AFTER_COLON, today=date(2024, 7, 30))
    assert [(d.unit, d.text[:25], d.due) for d in draft.directives] == [
        (None, "Rà soát phương án ứng phó", date(2024, 8, 15)),  # "các sở, ngành": none leads
        (None, "Kiểm tra an toàn các hồ c", None),
        ("Sở Tài chính", "Tham mưu bố trí kinh phí ", date(2024, 8, 30)),
        ("Sở Tài chính", "Hướng dẫn các địa phương ", None),
    ]
    assert [x.text for x in draft.limitations] == [
        "một số hồ chứa xuống cấp chưa được sửa chữa kịp thời"
    ]
    assert [u.name for u in draft.units] == [
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Tài chính",
    ]


def test_a_deadline_after_thoi_han_is_the_items() -> None:
    """ "thời hạn: 31/12/2022", "Thời hạn hoàn thành: ngày 15 tháng 8" (the colon no list's):
    the day it names, in the meeting's year when it gives none; a day already past is none."""
    from dirtrack.extract.deadlines import find_deadlines

    held = date(2024, 6, 10)
    found = [
        [(d.phrase, d.due) for d in find_deadlines(text, held)]
        for text in (
            "Tổ chức đại hội chi bộ, thời hạn: 31/12/2024.",
            "Báo cáo kết quả (Thời hạn hoàn thành: ngày 15 tháng 8).",
            "Kiện toàn bộ máy, thời hạn 30/9.",
            "Rà soát hồ sơ, thời hạn: 31/12/2023.",
        )
    ]
    assert found == [
        [("thời hạn: 31/12/2024", date(2024, 12, 31))],
        [("Thời hạn hoàn thành: ngày 15 tháng 8", date(2024, 8, 15))],
        [("thời hạn 30/9", date(2024, 9, 30))],
        [],
    ]


def test_a_result_weighed_against_a_requirement_is_no_request() -> None:
    # "chậm so với yêu cầu", "chưa đạt yêu cầu": the noun (the requirement), not a request verb,
    # so the shortcoming is not refused as asking; "yêu cầu các phòng ..." still asks
    text = (
        LEAD + "huyện chủ trì. Công tác lập quy hoạch, điều chỉnh quy hoạch còn chậm so với yêu"
        " cầu. Kết quả này còn thấp so với yêu cầu. Đồng chí Chủ tịch yêu cầu Phòng Kinh tế và"
        " Hạ tầng đẩy nhanh tiến độ lập quy hoạch."
    )
    assert [t for _, t in limitations(text)] == [
        "Công tác lập quy hoạch, điều chỉnh quy hoạch còn chậm so với yêu cầu",
        "Kết quả này còn thấp so với yêu cầu",
    ]
    assert [(u, t) for u, t, _ in directives(text)] == [
        ("Phòng Kinh tế và Hạ tầng", "Phòng Kinh tế và Hạ tầng đẩy nhanh tiến độ lập quy hoạch")
    ]


def test_a_task_the_model_takes_passes_its_unit_on_to_what_names_none_after_it() -> None:
    # the rules take no "X được giao chủ trì": the model does, and the ";"-part and the
    # "Đồng thời, ..." after it name no one: the unit named before them is theirs
    draft = extract(
        "Đồng chí Ngô Văn Tuyên – Phó Chủ tịch UBND xã đã chủ trì hội nghị\nTại hội nghị, đồng"
        " chí Phó Chủ tịch UBND xã đã đánh giá tình hình dịch bệnh trên địa bàn, trong đó đã ghi"
        " nhận 03 hộ có lợn nhiễm bệnh dịch tả lợn châu Phi.\nSau khi nghe các báo cáo, đồng chí"
        " Ngô Văn Tuyên kết luận, yêu cầu các đơn vị liên quan khẩn trương triển khai đồng bộ các"
        " giải pháp phòng, chống dịch. Phòng Kinh tế xã được giao chủ trì, phối hợp với các đơn"
        " vị tham mưu UBND xã ban hành Quyết định thành lập Ban chỉ đạo phòng, chống dịch; hoàn"
        " thiện kế hoạch, thành lập các tổ tiêu hủy tại các thôn. Đồng thời, bố trí điểm chôn hủy"
        " lợn bị nhiễm bệnh tại từng thôn, chuẩn bị đầy đủ vật tư, hóa chất phục vụ tiêu hủy.",
        today=date(2025, 1, 1),
    )
    assert [(d.unit, d.text[:25]) for d in draft.directives] == [
        (None, "yêu cầu các đơn vị liên q"),  # a collective: no one unit
        ("Phòng Kinh tế xã", "Phòng Kinh tế xã được gia"),
        ("Phòng Kinh tế xã", "hoàn thiện kế hoạch, thàn"),
        ("Phòng Kinh tế xã", "bố trí điểm chôn hủy lợn "),
    ]


def test_a_level_abbreviated_after_a_body_is_a_place_not_a_person() -> None:
    # "UBND P.Cao Lãnh": the ward's People's Committee; "Cao" is a family name
    assert find_persons("Theo đó, UBND P.Cao Lãnh được yêu cầu theo dõi sát diễn biến.") == []
    assert find_persons("Công an X. Tân Phú đã kiểm tra địa bàn.") == []
    draft = extract(
        "Tối 20.9, thông tin từ UBND tỉnh Đồng Tháp cho biết, tỉnh đã chỉ đạo các sở, ngành liên"
        " quan và UBND P.Cao Lãnh khẩn trương triển khai các biện pháp ứng phó, khắc phục vụ sạt"
        " lở trên địa bàn.",
        today=date(2025, 9, 21),
    )
    assert draft.meeting.chair is None


# A district's letter to its inspectorate pasted whole, its letterhead's office on two lines
# ("UỶ BAN NHÂN DÂN" / "HUYỆN …"), the motto's column beside it, the text writing the district's
# bodies with the level bare.
DISTRICT_LETTER = """Về việc giao kiểm tra, xác minh nội dung phản ánh của công dân
UỶ BAN NHÂN DÂN
HUYỆN HƯƠNG KHÊ
Số: 845 /UBND-VP
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hương Khê, ngày 12 tháng 8 năm 2021
|
Kính gửi: Thanh tra huyện.
Ngày 10/8/2021, UBND huyện nhận được đơn phản ánh của công dân xã Phúc Đồng về việc cấp giấy \
chứng nhận quyền sử dụng đất.
Chủ tịch UBND huyện giao:
Thanh tra huyện chủ trì, phối hợp với Phòng Tài nguyên và Môi trường kiểm tra, xác minh, làm rõ \
nội dung phản ánh; đồng thời tham mưu UBND huyện văn bản trả lời công dân. Báo cáo kết quả về \
Chủ tịch UBND huyện chậm nhất vào ngày 20/8/2021./.
"""


def test_a_letterheads_level_and_place_name_the_bodies_written_with_the_level_bare() -> None:
    draft = extract(DISTRICT_LETTER, today=date(2021, 8, 12))
    assert [(d.unit, d.due) for d in draft.directives] == [
        ("Thanh tra huyện Hương Khê", None),
        ("Thanh tra huyện Hương Khê", None),
        ("Thanh tra huyện Hương Khê", date(2021, 8, 20)),
    ]
    # the office and its place on one line, or beside the motto's column
    for header in ("ỦY BAN NHÂN DÂN HUYỆN HƯƠNG KHÊ", "HUYỆN HƯƠNG KHÊ Độc lập - Tự do"):
        one_line = DISTRICT_LETTER.replace("UỶ BAN NHÂN DÂN\nHUYỆN HƯƠNG KHÊ", header, 1)
        units = [d.unit for d in extract(one_line, today=date(2021, 8, 12)).directives]
        assert units == ["Thanh tra huyện Hương Khê"] * 3
    # a headline in capitals goes on after the place: it is no letterhead
    headline = DISTRICT_LETTER.replace(
        "UỶ BAN NHÂN DÂN\nHUYỆN HƯƠNG KHÊ", "HUYỆN HƯƠNG KHÊ TRIỂN KHAI KIỂM TRA ĐƠN THƯ", 1
    )
    units = [d.unit for d in extract(headline, today=date(2021, 8, 12)).directives]
    assert units == ["Thanh tra huyện"] * 3


def test_a_leader_orders_through_the_document_just_issued() -> None:
    """ "Chủ tịch UBND tỉnh vừa có công văn giao X …", "UBND thành phố vừa có văn bản yêu cầu X
    …", "Công điện yêu cầu X …": the verb after the document is the order, and the task X's,
    from X on; a unit below that sends a letter asking is no order."""
    found = directives(
        "Chủ tịch UBND tỉnh vừa có công văn giao UBND các huyện, thành phố tổ chức kiểm tra, rà"
        " soát, tổng hợp báo cáo tình hình sạt lở bờ sông, bờ biển, bồi lấp cửa sông đảm bảo đầy"
        " đủ, chính xác; gửi Sở Nông nghiệp và Phát triển nông thôn trước ngày 29/6/2018."
    )
    assert [(unit, text[:30]) for unit, text, _ in found] == [
        (None, "UBND các huyện, thành phố tổ c"),
        (None, "gửi Sở Nông nghiệp và Phát tri"),
    ]
    city = directives(
        "Ngày 1/8, UBND thành phố vừa có văn bản yêu cầu UBND quận Cẩm Lệ phối hợp với các đơn"
        " vị liên quan kiểm tra, xử lý dứt điểm các vướng mắc trong công tác giải phóng mặt bằng."
    )
    assert [(unit, text[:22]) for unit, text, _ in city] == [
        ("UBND quận Cẩm Lệ", "UBND quận Cẩm Lệ phối ")
    ]
    dispatch = directives(
        "Ngày 23.5, Chủ tịch UBND tỉnh đã có Công điện số 1543/CĐ-CTUBND về việc triển khai các"
        " biện pháp chống bệnh dịch tả lợn châu Phi. Công điện yêu cầu UBND huyện Quang Bình"
        " triển khai thực hiện nghiêm các biện pháp chống dịch theo hướng dẫn của cơ quan chuyên"
        " môn."
    )
    assert [(unit, text[:25]) for unit, text, _ in dispatch] == [
        ("UBND huyện Quang Bình", "UBND huyện Quang Bình tri")
    ]
    # the dispatch's day is no meeting's
    issued = "Ngày 23.5, Chủ tịch UBND tỉnh đã có Công điện số 1543/CĐ-CTUBND về việc chống dịch."
    assert extract(issued, today=date(2019, 5, 31)).meeting.date is None
    below = directives(
        "Sở Tài chính vừa có văn bản đề nghị UBND tỉnh xem xét bổ sung kinh phí cho các huyện."
    )
    assert below == []


def test_a_contrast_whose_second_half_has_no_subject_is_one_whole_limitation() -> None:
    """ "X đã được …, tuy nhiên đã xuống cấp …": what follows the contrast has no subject of its
    own, so the shortcoming is the whole sentence, after the frame naming whose report it is;
    a second half with a subject of its own is the shortcoming alone."""
    draft = extract(
        "Chiều 12/11, Phó Chủ tịch UBND tỉnh Đinh Công Sứ đi kiểm tra công tác khắc phục sự cố"
        " sạt trượt mái đê tại xã Xuân Lãng và xã Đại Đình.\nTheo báo cáo của UBND xã Xuân Lãng,"
        " mặt đê Phan - Sáu Vó đã được cứng hóa bằng bê tông, tuy nhiên đã xuống cấp, lún sụt,"
        " xuất hiện nhiều ổ gà.",
        today=date(2025, 11, 12),
    )
    assert [x.text for x in draft.limitations] == [
        "mặt đê Phan - Sáu Vó đã được cứng hóa bằng bê tông, tuy nhiên đã xuống cấp, lún sụt,"
        " xuất hiện nhiều ổ gà"
    ]
    own = extract(
        "Sáng 6/5/2022, Thường trực HĐND huyện giám sát tại xã Tân Phú. Công tác thu ngân sách"
        " đạt kế hoạch, tuy nhiên công tác quản lý đất công còn nhiều hạn chế.",
        today=date(2022, 5, 6),
    )
    assert [x.text for x in own.limitations] == ["công tác quản lý đất công còn nhiều hạn chế"]


def test_paragraphs_a_page_writes_without_full_stops_are_not_one_wrapped_line() -> None:
    """A page whose paragraphs end without a full stop, a blank line between them, is no text
    wrapped at a width: each line is a paragraph, and none is a photo's caption for its missing
    stop; a headline in capitals is not the lead's first line."""
    headline = "CỬ TRI CÁC XÃ TÂN LỘC, PHÚ LỘC: CẦN CÓ BÃI XỬ LÝ RÁC THẢI TẬP TRUNG"
    text = (
        f"{headline}\nTại buổi tiếp xúc giữa đại biểu HĐND huyện với cử tri các xã Tân Lộc, Phú"
        " Lộc, các ý kiến của cử tri tập trung phản ánh, kiến nghị các vấn đề sau:\n"
        f"{headline}\n\nHiện nay chất lượng khám chữa bệnh ở trạm y tế các xã chưa đáp ứng được"
        " nhu cầu của người dân\n\nViệc thu gom rác thải ở các thôn chưa được quan tâm đúng mức,"
        " rác tồn đọng nhiều ngày\n\nCần có bãi xử lý rác thải tập trung phục vụ các xã trong vùng"
        "\n\nTại hội nghị, các đại biểu đã tiếp thu đầy đủ các ý kiến của cử tri để trình cấp có"
        " thẩm quyền giải quyết"
    )
    blocks = clean(text)
    assert [(b.kind, b.text[:20]) for b in blocks] == [
        ("header", headline[:20]),
        ("body", "Tại buổi tiếp xúc gi"),
        ("heading", headline[:20]),
        ("body", "Hiện nay chất lượng "),
        ("body", "Việc thu gom rác thả"),
        ("body", "Cần có bãi xử lý rác"),
        ("body", "Tại hội nghị, các đạ"),
    ]
    draft = extract(text, today=date(2024, 5, 5))
    assert [x.text[:30] for x in draft.limitations] == [
        "Hiện nay chất lượng khám chữa ",
        "Việc thu gom rác thải ở các th",
    ]
    # lines wrapped at a width, one after another with no blank line, are still joined
    wrapped = "\n".join(
        [
            "Ngày 5/6/2023, UBND huyện tổ chức họp thường kỳ tháng 6 để đánh giá kết quả thực",
            "hiện nhiệm vụ phát triển kinh tế - xã hội và quốc phòng an ninh trong tháng, đồng",
            "thời triển khai nhiệm vụ trọng tâm tháng 7. Chủ tịch UBND huyện yêu cầu các phòng",
            "ban chuyên môn tập trung rà soát các chỉ tiêu chưa đạt và đề ra giải pháp cụ thể",
            "để thực hiện trong thời gian tới.",
        ]
    )
    assert [b.kind for b in clean(wrapped)] == ["body"]


def test_a_year_after_tu_is_a_beginning_not_the_year_the_text_is_about() -> None:
    draft = extract(
        "Ngày 28 - 6, Thường trực HĐND huyện Na Hang đã tổ chức phiên họp giải trình về kiến nghị"
        " của cử tri thôn Nà Ngoa. Cử tri đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất"
        " trồng rừng từ năm 2002 theo Chương trình 327.",
        today=date(2024, 7, 1),
    )
    assert draft.meeting.date == date(2024, 6, 28)


def test_a_contrast_after_a_sentence_reporting_a_units_own_work_is_that_units() -> None:
    text = (
        "Ngày 28/12/2018, Sở Tài nguyên và Môi trường tổ chức hội nghị tổng kết công tác năm"
        " 2018.\nNăm 2018, Sở Tài nguyên và Môi trường đã có nhiều nỗ lực, triển khai quyết liệt"
        " các nhiệm vụ được giao. Tuy nhiên, vẫn còn một số tồn tại, hạn chế như: chất lượng quy"
        " hoạch sử dụng đất chưa cao; công tác dự báo còn hạn chế."
    )
    assert limitations(text) == [
        ("Sở Tài nguyên và Môi trường", "chất lượng quy hoạch sử dụng đất chưa cao"),
        ("Sở Tài nguyên và Môi trường", "công tác dự báo còn hạn chế"),
    ]
    # the body that heard the report is not whose shortcomings follow
    heard = text.replace(
        "Sở Tài nguyên và Môi trường đã có nhiều nỗ lực, triển khai quyết liệt",
        "Thường trực HĐND tỉnh đã nghe, xem xét",
    )
    assert [unit for unit, _ in limitations(heard)] == [None, None]


def test_a_session_at_two_places_its_level_names_once_has_no_one_partner() -> None:
    text = (
        "Ngày 12/11/2023, Ban Pháp chế HĐND huyện đã tiến hành giám sát việc thực hiện cơ chế"
        " một cửa tại xã Tân Quang và Giáp Sơn. Tuy nhiên, tại bộ phận một cửa của hai xã vẫn còn"
        " thiếu một số trang thiết bị."
    )
    assert limitations(text) == [
        (None, "tại bộ phận một cửa của hai xã vẫn còn thiếu một số trang thiết bị")
    ]
    numbered = text.replace("tại xã Tân Quang và Giáp Sơn", "tại 2 xã Tân Quang và Giáp Sơn")
    assert [unit for unit, _ in limitations(numbered)] == [None]
    one = text.replace("tại xã Tân Quang và Giáp Sơn", "tại xã Tân Quang")
    assert [unit for unit, _ in limitations(one)] == ["xã Tân Quang"]


def test_a_session_with_people_named_collectively_has_no_one_partner() -> None:
    text = (
        "Ngày 17/12/2023, Bí thư Đảng ủy xã Thanh Ba có buổi làm việc với các đồng chí Bí thư"
        " Chi bộ cụm Đồng Xuân, Vân Lĩnh và thị trấn Thanh Ba về công tác xây dựng Đảng.\nCác"
        " đồng chí Bí thư Chi bộ có nhiều ý kiến như: chế độ phụ cấp cho cán bộ khu dân cư còn"
        " thấp; cơ sở vật chất nhà văn hóa còn hạn chế."
    )
    assert [unit for unit, _ in limitations(text)] == [None, None]


def test_a_place_or_body_where_a_shortcoming_is_is_not_its_subject() -> None:
    found = limitations(
        "Ngày 5/6/2023, UBND tỉnh họp đánh giá tình hình giải ngân. Tuy nhiên, tiến độ giải ngân"
        " vốn đầu tư công ở huyện Chiêm Hóa mới đạt gần 40% kế hoạch năm; tiến độ thi công các"
        " công trình trên địa bàn xã Bắc Phong chậm so với kế hoạch; chất lượng khám chữa bệnh ở"
        " Trạm Y tế xã Thạch Điền chưa đáp ứng nhu cầu."
    )
    assert [unit for unit, _ in found] == [None, None, None]
    # a place that opens the clause is still its subject
    assert (
        limitations(
            "Ngày 5/6/2023, UBND tỉnh họp đánh giá tình hình giải ngân. Tuy nhiên, huyện Chiêm Hóa"
            " mới giải ngân được 40% kế hoạch năm."
        )[0][0]
        == "huyện Chiêm Hóa"
    )


def test_an_inspecting_team_is_never_a_shortcomings_subject() -> None:
    from dirtrack.extract.items import _limitation
    from dirtrack.extract.sentences import split_clauses
    from dirtrack.extract.units import UnitResolver

    lead = "Ngày 3/12/2023, đoàn kiểm tra của thành phố kiểm tra thực tế tại Phường 4."
    sentence = (
        "Tuy nhiên, đoàn kiểm tra cũng nhắc nhở địa phương cần khắc phục một số mặt còn hạn chế"
        " như việc sử dụng bảng chấm điểm hàng quý của hộ dân."
    )
    resolver = UnitResolver([lead, sentence], [], lead, [])
    assert [m.name for m in resolver.mentions(sentence)][0] == "Đoàn kiểm tra"
    clause = split_clauses(sentence)[0]
    item = _limitation(sentence, clause, resolver.mentions(sentence), None)
    # the team that reminds is not whose shortcoming it is: the place it names after is
    assert item is not None and item.unit == "phường 4"


def test_places_written_like_names_are_no_chair() -> None:
    # a commune listed after the first one of a plural level, with or without "như"/a colon
    assert (
        find_persons(
            "Tại buổi tiếp xúc giữa Đại biểu HĐND huyện với cử tri các xã Thạch Tân, Thạch Lâm,"
            " Thạch Điền vào chiều nay, 9 ý kiến của cử tri tập trung phản ánh."
        )
        == []
    )
    assert (
        find_persons(
            "UBND thành phố yêu cầu Chủ tịch UBND các phường: Thanh Bình, Cẩm Thượng, Bình Hàn tổ"
            " chức ra quân chấn chỉnh trật tự đô thị."
        )
        == []
    )
    assert (
        find_persons("Nhiều quận huyện của Hà Nội như Thường Tín, Đông Anh, Cầu Giấy đã vắng mặt.")
        == []
    )
    # a letter's place and date line; a province named bare; a branch, an industrial park, a
    # season, African swine fever; a place whose first word is no family name
    assert find_persons("Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011") == []
    assert find_persons("Đài Phát thanh - Truyền hình Hà Tĩnh đã phát phóng sự.") == []
    assert (
        find_persons(
            "Ngân hàng TMCP Công thương Việt Nam chi nhánh Đông Hải Dương đại hội trước ngày 15.3;"
            " tình hình tại Cụm công nghiệp Sơn Cẩm 1; gieo trồng vụ Đông Xuân đạt 100% kế hoạch;"
            " phòng, chống dịch tả heo Châu Phi; làm việc với thành phố Thủ Dầu Một."
        )
        == []
    )
    # people stay people: after a title, and a name of two words that is no province
    assert [p.name for p in find_persons("Tổng Bí thư Tô Lâm phát biểu tại buổi làm việc.")] == [
        "Tô Lâm"
    ]
    assert [p.name for p in find_persons("Ông Nguyễn Văn Ba, ngày 5/3/2024 đã ký thông báo.")] == [
        "Nguyễn Văn Ba"
    ]
    draft = extract(
        "Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011\n\nUBND thị xã yêu cầu UBND các"
        " phường: Thanh Bình, Cẩm Thượng tổ chức ra quân chấn chỉnh trật tự đô thị."
    )
    assert draft.meeting.chair is None


@pytest.mark.parametrize(
    "lead",
    [
        # a source saying so on that day
        "Ngày 15/3, UBND tỉnh Nghệ An cho biết, vừa phê bình 4 chủ tịch UBND huyện vì chậm trễ"
        " trong giải ngân vốn đầu tư công.",
        "Sáng 13-4, văn phòng UBND tỉnh Quảng Ngãi cho biết Phó Chủ tịch UBND tỉnh đã yêu cầu các"
        " sở kiểm tra.",
        "Tối 20.9, thông tin từ UBND tỉnh Đồng Tháp cho biết, tỉnh đã phê bình UBND TP. Cao Lãnh.",
        # a document issued that day, after a purpose, without a comma, or a press release
        "Để đẩy nhanh tiến độ giải phóng mặt bằng dự án, ngày 1/8, UBND thành phố vừa có văn bản"
        " yêu cầu UBND quận Cẩm Lệ phối hợp kiểm tra.",
        "Ngày 03/7/2019 HĐND huyện ban hành báo cáo số 11/BC-HĐND về kết quả giám sát.",
        # "Sáng nay" before the day
        "Sáng nay 18.7, chủ tịch UBND tỉnh Bình Thuận Nguyễn Ngọc Hai đã ký công văn yêu cầu xử"
        " lý nghiêm các vụ khai thác cát trái phép.",
        "Chiều 11-8, Ủy ban Kiểm tra (UBKT) Trung ương đã ban hành Thông cáo báo chí Kỳ họp"
        " thứ 18.",
    ],
)
def test_the_day_news_was_given_or_a_document_issued_is_no_meetings(lead: str) -> None:
    assert extract(lead, today=date(2024, 9, 30)).meeting.date is None


def test_a_document_issued_by_a_city_abbreviated_takes_no_days_stamp() -> None:
    text = (
        "Nha Trang: Chấn chỉnh quy trình làm việc của tổ công tác xã, phường\n\nThứ Ba,"
        " 04/10/2022, 22:05 [GMT+7]\n\nUBND TP. Nha Trang vừa có văn bản chỉ đạo UBND các xã,"
        " phường chấn chỉnh quy trình công tác."
    )
    assert extract(text, today=date(2022, 10, 4)).meeting.date is None
    # a meeting that day stays the meeting's, whoever speaks at it
    held = extract(
        "Sáng 5/3, tại hội nghị giao ban, Chủ tịch UBND huyện cho biết đã hoàn thành kế hoạch.",
        today=date(2024, 3, 30),
    )
    assert held.meeting.date == date(2024, 3, 5)


def test_a_place_glued_to_its_abbreviated_level_and_a_subject_line_after_a_place() -> None:
    found = directives(
        "Sáng 12/10/2025, Chủ tịch UBND tỉnh kiểm tra điểm sạt lở. Chủ tịch UBND tỉnh yêu cầu"
        " UBND TP.Cao Lãnh khẩn trương triển khai các biện pháp ứng phó sạt lở."
    )
    assert [unit for unit, _, _ in found] == ["UBND TP.Cao Lãnh"]
    assert unit_key("UBND TP.Cao Lãnh") == unit_key("Ủy ban nhân dân thành phố Cao Lãnh")
    draft = extract(
        "Ủy ban nhân dân tỉnh nhận được Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011 của UBND"
        " tỉnh Quảng Ninh V/v tiếp tục phối hợp tuyên truyền, Chủ tịch UBND tỉnh có ý kiến như"
        " sau: Giao Sở Văn hóa, Thể thao và Du lịch tiếp tục tuyên truyền."
    )
    # "V/v" opens the letter's subject: no word of the province's name
    assert [u.name for u in draft.units if "Quảng Ninh" in u.name] == [
        "Ủy ban nhân dân tỉnh Quảng Ninh"
    ]


def test_an_urban_districts_party_committee_asks_and_its_parts_are_tasks() -> None:
    # "Quận ủy" speaks as "Huyện ủy" does; the ";"-parts after its request that open on an
    # imperative verb are tasks, not shortcomings, though they name weak cells ("yếu kém")
    text = (
        "Ngày 12-9, Quận ủy quận Tân Phú tổ chức hội nghị chuyên đề với các cấp ủy cơ sở.\nQua"
        " thảo luận, Quận ủy quận Tân Phú yêu cầu các cấp ủy cần nâng cao chất lượng sinh hoạt chi"
        " bộ; tăng cường kiểm tra, giám sát đối với những chi bộ yếu kém; tiếp tục đẩy mạnh việc"
        " phân công cấp ủy viên dự sinh hoạt ở những chi bộ còn yếu kém."
    )
    draft = extract(text, today=date(2012, 9, 13))
    assert [(d.unit, d.text) for d in draft.directives] == [
        (None, "các cấp ủy cần nâng cao chất lượng sinh hoạt chi bộ"),
        (None, "tăng cường kiểm tra, giám sát đối với những chi bộ yếu kém"),
        (
            None,
            "tiếp tục đẩy mạnh việc phân công cấp ủy viên dự sinh hoạt ở những chi bộ còn yếu kém",
        ),
    ]
    assert not draft.limitations


def test_a_board_given_its_tasks_is_no_briefing() -> None:
    # "giao Ban Quản lý dự án …:" assigns a board the numbered tasks under it; "giao ban" alone
    # is a briefing
    text = (
        "Ngày 3/4/2024, UBND tỉnh có ý kiến về các vướng mắc của dự án cải tạo Bệnh viện Đa khoa"
        " tỉnh.\n\nỦy ban nhân dân tỉnh giao Ban Quản lý dự án đầu tư xây dựng tỉnh:\n\n1. Khẩn"
        " trương hoàn thành việc phê duyệt hồ sơ thiết kế điều chỉnh trước ngày 15/4/2024.\n\n2."
        " Phối hợp chặt chẽ với Sở Y tế bàn giao mặt bằng để bảo đảm thi công đúng tiến độ."
    )
    found = [(d.unit, d.due) for d in extract(text, today=date(2024, 4, 3)).directives]
    assert found == [
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh", date(2024, 4, 15)),
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh", None),
    ]


def test_a_report_for_the_superior_to_review_and_direct_is_the_task() -> None:
    # "… kịp thời báo cáo UBND huyện để xem xét, chỉ đạo": the purpose's "chỉ đạo" is what the
    # superior does with the report, not the request that would start the task after it
    text = (
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu các xã bố trí lực lượng trực trong dịp"
        " nghỉ lễ; thường xuyên nắm tình hình, chủ động xử lý những vấn đề phát sinh; nếu có vấn"
        " đề vượt thẩm quyền, kịp thời báo cáo UBND huyện để xem xét, chỉ đạo."
    )
    assert [t for _, t, _ in directives(text)] == [
        "các xã bố trí lực lượng trực trong dịp nghỉ lễ",
        "thường xuyên nắm tình hình, chủ động xử lý những vấn đề phát sinh",
        "nếu có vấn đề vượt thẩm quyền, kịp thời báo cáo UBND huyện để xem xét, chỉ đạo",
    ]


def test_a_visit_reported_with_its_purpose_gives_no_task() -> None:
    # "… đã đi kiểm tra, chỉ đạo công tác …": the lead's account of the visit; the request after
    # it is the task
    text = (
        "Sáng 14-10, đồng chí Lê Văn Bình, Phó Chủ tịch UBND huyện đã đi kiểm tra, chỉ đạo công"
        " tác phòng chống dịch bệnh trên đàn gia súc tại xã Quảng Hợp. Đồng chí Phó Chủ tịch UBND"
        " huyện yêu cầu xã Quảng Hợp khẩn trương tiêu độc khử trùng các khu vực chăn nuôi."
    )
    assert [(u, t) for u, t, _ in directives(text)] == [
        ("xã Quảng Hợp", "xã Quảng Hợp khẩn trương tiêu độc khử trùng các khu vực chăn nuôi")
    ]


def test_the_topics_opinions_dwelt_on_are_no_list_of_tasks() -> None:
    # "Các ý kiến … tập trung vào các nội dung: Kiến nghị …": topics raised, announced as a list
    # of tasks would be; the chairman's request after them is the task
    text = (
        "Sáng 15/11/2025, Chủ tịch UBND thành phố tiếp công dân định kỳ.\nTại buổi tiếp, các ý"
        " kiến của người dân chủ yếu tập trung vào các nội dung: Kiến nghị sớm điều chỉnh quy"
        " hoạch phân khu để cấp đổi giấy chứng nhận, cấp đất tái định cư, đền bù đất.\nChủ tịch"
        " UBND thành phố yêu cầu các sở, ngành khẩn trương xem xét, đề xuất phương án xử lý dứt"
        " điểm các kiến nghị của người dân."
    )
    found = [t for _, t, _ in directives(text)]
    assert found == [
        "các sở, ngành khẩn trương xem xét, đề xuất phương án xử lý dứt điểm các kiến nghị của"
        " người dân"
    ]


def test_a_project_board_written_short_is_a_unit_with_the_works_it_builds() -> None:
    text = (
        LEAD + "tỉnh chủ trì. Chủ tịch UBND tỉnh yêu cầu Ban QLDA đầu tư xây dựng các công trình"
        " giao thông khẩn trương hoàn thiện hồ sơ điều chỉnh dự án; giao Ban QLDA đầu tư xây dựng"
        " các công trình dân dụng và công nghiệp đẩy nhanh tiến độ thi công trụ sở."
    )
    assert [u for u, _, _ in directives(text)] == [
        "Ban QLDA đầu tư xây dựng các công trình giao thông",
        "Ban QLDA đầu tư xây dựng các công trình dân dụng và công nghiệp",
    ]
    assert unit_key("Ban QLDA đầu tư xây dựng các công trình Nông nghiệp & PTNT") == unit_key(
        "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn"
    )


def test_a_partner_after_phoi_hop_voi_is_never_the_lead() -> None:
    found = directives(
        "Ngày 10/4/2024, UBND huyện Gio Linh họp bàn công tác chống hạn. Chủ tịch UBND huyện yêu"
        " cầu Phòng Nông nghiệp và Phát triển nông thôn rà soát diện tích thiếu nước. Trạm thủy"
        " nông phối hợp với UBND xã Gio Hải huy động thanh niên nạo vét kênh mương."
    )
    assert found[1][1].startswith("Trạm thủy nông phối hợp với UBND xã Gio Hải")
    assert found[1][0] == "Trạm thủy nông"  # not the partner, UBND xã Gio Hải


def test_a_clause_opening_on_a_plural_body_takes_no_unit_carried() -> None:
    found = directives(
        "UBND tỉnh Quảng Trị vừa có văn bản về việc phòng chống hạn hán. Theo đó, UBND tỉnh yêu"
        " cầu Sở Nông nghiệp và Phát triển nông thôn theo dõi chặt chẽ tình hình hạn hán. UBND"
        " các huyện chủ động phương án cấp nước."
    )
    assert found[0][0] == "Sở Nông nghiệp và Phát triển nông thôn"
    assert found[1][1] == "UBND các huyện chủ động phương án cấp nước"
    assert found[1][0] is None  # a collective addressee, not the department before


def test_a_clause_opening_on_a_bare_committee_takes_no_unit_carried() -> None:
    found = directives(
        "Ngày 10/4/2024, UBND huyện Gio Linh họp. Chủ tịch UBND huyện yêu cầu Phòng Giáo dục và"
        " Đào tạo rà soát cơ sở vật chất trường học. Huyện ủy cần chỉ đạo các chi bộ quán triệt"
        " nghị quyết."
    )
    assert found[0][0] == "Phòng Giáo dục và Đào tạo"
    assert found[1][1].startswith("Huyện ủy cần chỉ đạo")
    assert found[1][0] is None


def test_a_body_of_an_abbreviated_level_takes_its_place() -> None:
    found = directives(
        "Chiều 14/10, phát biểu bế mạc phiên họp giải trình của Thường trực HĐND TP Hà Nội, Chủ"
        " tịch HĐND TP đề nghị UBND TP tập trung chỉ đạo đẩy nhanh tiến độ các dự án chậm triển"
        " khai."
    )
    assert found[0][0] == "UBND TP Hà Nội"


def test_the_news_of_an_order_a_committee_has_just_given_gives_its_tasks() -> None:
    found = directives(
        "Tuy Hòa: Phòng, chống dịch tay chân miệng\n\nUBND TP Tuy Hòa vừa chỉ đạo các phòng, ban,"
        " đơn vị và UBND các xã, phường tăng cường công tác phòng, chống dịch tay chân miệng.\n\n"
        "Theo đó, Trung tâm Y tế thành phố giám sát chặt chẽ các ca bệnh tại trường mầm non;"
        " tổ chức tập huấn cho giáo viên về cách phòng bệnh."
    )
    assert [text for _, text, _ in found] == [
        "các phòng, ban, đơn vị và UBND các xã, phường tăng cường công tác phòng, chống dịch tay"
        " chân miệng",
        "Trung tâm Y tế thành phố giám sát chặt chẽ các ca bệnh tại trường mầm non",
        "tổ chức tập huấn cho giáo viên về cách phòng bệnh",
    ]
    # what a body already did is still no task
    assert not directives(
        "UBND huyện Đồng Xuân đã chỉ đạo các xã tăng cường công tác phòng, chống dịch tay chân"
        " miệng."
    )


def test_a_paragraph_opening_on_every_unit_of_a_level_goes_on_with_the_tasks() -> None:
    found = directives(
        "Phát biểu kết luận hội nghị, Bí thư Huyện ủy Phú Ninh đề nghị các chi bộ trực thuộc đẩy"
        " mạnh công tác phát triển đảng viên.\n\nĐảng ủy các xã cần quan tâm bồi dưỡng quần chúng"
        " ưu tú trong đoàn viên thanh niên.\n\nCác đơn vị triển khai rà soát danh sách đảng viên;"
        " báo cáo kết quả về Ban Tổ chức Huyện ủy."
    )
    assert [text for _, text, _ in found][1:] == [
        "Đảng ủy các xã cần quan tâm bồi dưỡng quần chúng ưu tú trong đoàn viên thanh niên",
        "Các đơn vị triển khai rà soát danh sách đảng viên",
        "báo cáo kết quả về Ban Tổ chức Huyện ủy",
    ]


def test_what_a_leader_criticises_a_bodys_head_for_is_the_bodys_shortcoming() -> None:
    found = limitations(
        "Chủ tịch UBND tỉnh phê bình Giám đốc Sở Xây dựng; Chủ tịch UBND các huyện Hưng Hà, Đông"
        " Hưng trong việc chậm giải quyết hồ sơ cấp phép xây dựng.\n\nPhê bình nghiêm khắc đối"
        " với Chủ tịch UBND huyện Tiền Hải trong việc điều hành đơn vị có tỷ lệ hồ sơ đúng hạn"
        " đạt 60%."
    )
    assert found == [
        (
            "Sở Xây dựng",
            "Giám đốc Sở Xây dựng; Chủ tịch UBND các huyện Hưng Hà, Đông Hưng trong việc chậm giải"
            " quyết hồ sơ cấp phép xây dựng",
        ),
        (
            "UBND huyện Tiền Hải",
            "Chủ tịch UBND huyện Tiền Hải trong việc điều hành đơn vị có tỷ lệ hồ sơ đúng hạn đạt"
            " 60%",
        ),
    ]


def test_who_watched_and_reported_is_no_subject_of_the_shortcoming() -> None:
    found = limitations(
        "Tuy nhiên, qua theo dõi, báo cáo của Văn phòng UBND tỉnh, vẫn còn một số sở, ngành chưa"
        " thực hiện nghiêm các nhiệm vụ được giao."
    )
    assert [text for _, text in found] == [
        "vẫn còn một số sở, ngành chưa thực hiện nghiêm các nhiệm vụ được giao"
    ]
    assert found[0][0] != "Văn phòng UBND tỉnh"


def test_a_leaders_speech_after_a_colon_gives_tasks() -> None:
    found = directives(
        "Ngày 5/8/2023, Quận ủy Bình Thạnh sơ kết nghị quyết về công tác cán bộ. Đồng chí Nguyễn"
        " Văn Hòa, Bí thư Quận ủy phát biểu tại hội nghị: “Thời gian tới cần phải rà soát, bổ sung"
        " quy chế làm việc của các chi bộ. Đồng thời thực hiện nghiêm chế độ sinh hoạt định kỳ”."
    )
    assert [text for _, text, _ in found] == [
        "cần phải rà soát, bổ sung quy chế làm việc của các chi bộ",
        "thực hiện nghiêm chế độ sinh hoạt định kỳ",
    ]


def test_stressing_the_importance_of_something_asks_no_task() -> None:
    found = directives(
        "Sáng 9/3/2023, Thường trực Huyện ủy họp với các cơ quan tham mưu. Tại cuộc họp, đồng chí"
        " Phó Bí thư Thường trực Huyện ủy nhấn mạnh tầm quan trọng của đội ngũ bí thư chi bộ"
        " trong việc cụ thể hóa chủ trương của cấp trên. Đồng chí đề nghị Ban Tổ chức Huyện ủy"
        " hoàn thành kế hoạch hội thi."
    )
    assert [text for _, text, _ in found] == ["Ban Tổ chức Huyện ủy hoàn thành kế hoạch hội thi"]


def test_the_party_cell_of_a_commune_is_a_unit() -> None:
    found = directives(
        "Chiều 7/5/2015, đồng chí Phó Bí thư Thường trực Tỉnh ủy làm việc tại xã Nậm Kè. Đồng chí"
        " nhấn mạnh: Chi bộ xã Nậm Kè cần làm tốt công tác chuẩn bị đại hội chi bộ."
    )
    assert found[0][0] == "Chi bộ xã Nậm Kè"


def test_a_place_named_as_the_subject_is_the_place_whichever_body_the_session_is_with() -> None:
    """GUIDE: "Tỉnh cần …", "Lạng Sơn cần …", "huyện phải …" name the place, also at
    a session with its party committee, whose own name ("Đảng bộ tỉnh …") keeps the committee."""
    found = directives(
        "Ngày 25/8/2023, Tổng Bí thư làm việc với Ban Thường vụ Tỉnh ủy Lạng Sơn. Tổng Bí thư đề"
        " nghị Đảng bộ tỉnh Lạng Sơn cần đề ra mục tiêu, xác định nhiệm vụ trọng tâm. Tỉnh cần"
        " xác định rõ vai trò của kinh tế cửa khẩu. Lạng Sơn cần tập trung phát triển nguồn nhân"
        " lực."
    )
    assert [unit_key(unit or "") for unit, _, _ in found] == [
        unit_key("Tỉnh ủy Lạng Sơn"),
        unit_key("tỉnh Lạng Sơn"),
        unit_key("tỉnh Lạng Sơn"),
    ]
    # after the connectives that open a clause ("Do đó,"), at a district party committee's
    found = directives(
        "Ngày 22/3/2019, Phó Bí thư Thường trực Tỉnh ủy làm việc với Huyện ủy Ngọc Hiển. Tốc độ"
        " phát triển của huyện còn thấp. Do đó, huyện phải chủ động kết hợp với các sở ngành để"
        " tháo gỡ khó khăn."
    )
    assert [unit for unit, _, _ in found] == ["huyện Ngọc Hiển"]


def test_the_government_of_a_place_is_the_place_and_a_congress_is_no_actor() -> None:
    found = directives(
        "Ngày 5/10/2025, Chủ tịch UBND tỉnh An Giang kiểm tra vùng sạt lở tại xã Châu Phong. Ông"
        " yêu cầu chính quyền xã Châu Phong và UBND thị xã Tân Châu khẩn trương thống kê các hộ"
        " bị ảnh hưởng."
    )
    assert [unit for unit, _, _ in found] == ["xã Châu Phong"]
    # "Đại hội Đảng bộ phường" names a congress: the ward asked stays the task's unit
    found = directives(
        "Ngày 9/5/2025, Phó Bí thư Thành ủy làm việc với phường Gia Định. Ông đề nghị phường"
        " khẩn trương rà soát, phân công cán bộ; chuẩn bị chỉ đạo Đại hội Đảng bộ phường phải gắn"
        " liền với chỉ đạo Đại hội MTTQ phường."
    )
    assert {unit for unit, _, _ in found} == {"phường Gia Định"}


def test_a_city_abbreviated_with_a_stop_and_no_space_is_the_documents_city() -> None:
    """ "TP.HCM" is the city, as "TP HCM" is: a body written without it takes it (GUIDE)."""
    found = directives(
        "Chiều 5/7/2023, Ban Thường vụ Thành ủy TP.HCM họp. Đồng chí Nguyễn Văn Nên, Bí thư"
        " Thành ủy yêu cầu Văn phòng Thành ủy tham mưu kiện toàn tiểu ban."
    )
    assert [unit_key(unit or "") for unit, _, _ in found] == [unit_key("Văn phòng Thành ủy TP.HCM")]


def test_a_department_named_with_its_provinces_bare_name_is_written_so_everywhere() -> None:
    """ "Sở Nội vụ Điện Biên" names the department with its province (no "tỉnh"): the article's
    bare "Sở Nội vụ" is that department (GUIDE: a unit is written with the place the article
    gives it); a capitalised word after the name makes it a person's, no province."""
    found = directives(
        "Theo Sở Nội vụ Điện Biên, tỷ lệ cử tri đồng ý đạt 84%. Chủ tịch UBND tỉnh yêu cầu Sở"
        " Nội vụ khẩn trương hoàn chỉnh lại phương án sắp xếp đơn vị hành chính cấp xã."
    )
    assert [unit for unit, _, _ in found] == ["Sở Nội vụ Điện Biên"]
    assert [m.text for m in find_raw("Sở Tài chính Hà Nam Phong báo cáo.")] == ["Sở Tài chính"]
    assert [m.text for m in find_raw("Sở Tài chính Hà Nam báo cáo.")] == ["Sở Tài chính Hà Nam"]


def test_a_lead_in_naming_its_place_by_a_bare_level_gives_the_entries_that_place() -> None:
    """ "... của xã trong năm 2022 như: A; B": the shortcomings listed are the commune's, the one
    the document names (an inspecting team states them, it is not whose they are)."""
    found = limitations(
        "Chiều ngày 21/9/2022, Đoàn kiểm tra của UBND huyện kiểm tra công tác cải cách hành chính"
        " tại xã Vi Hương. Đoàn kiểm tra cũng chỉ ra các mặt tồn tại, hạn chế cần khắc phục để"
        " nâng cao chỉ số cải cách hành chính của xã trong năm 2022 như: tỷ lệ hồ sơ trực tuyến"
        " còn thấp chưa đạt chỉ tiêu cấp trên giao; chưa duy trì được kết quả chuyển đổi số."
    )
    assert found and {unit for unit, _ in found} == {"xã Vi Hương"}
    # a level with its name after it is that place, named as the gazetteer names it
    named = limitations(
        "Chiều ngày 21/9/2022, Đoàn kiểm tra của UBND huyện làm việc tại xã Vi Hương và xã Đôn"
        " Phong. Đoàn kiểm tra cũng chỉ ra các hạn chế của xã Đôn Phong trong năm 2022 như: tỷ lệ"
        " hồ sơ trực tuyến còn thấp chưa đạt chỉ tiêu cấp trên giao; chưa duy trì được kết quả."
    )
    assert "xã Vi Hương" not in {unit for unit, _ in named}


def test_a_contrast_announcing_a_list_on_a_bare_level_carries_the_place_to_its_entries() -> None:
    """ "Tuy nhiên, ... trên địa bàn xã còn một số khó khăn cần được tháo gỡ như: A; B; C": the
    commune the sentence before is about, each entry its own."""
    found = limitations(
        "Trong các ngày từ 11 đến 17/7/2019, Đoàn kiểm tra của huyện đã đi kiểm tra tại 8 xã trong"
        " đó có Tân Thịnh và Tân Dương.\n\n6 tháng đầu năm 2019, xã Tân Thịnh là địa phương duy"
        " nhất trên địa bàn huyện chưa xảy ra dịch tả lợn Châu phi. Tuy nhiên, quá trình thực"
        " hiện nhiệm vụ phát triển kinh tế - xã hội trên địa bàn xã còn một số khó khăn tồn tại"
        " cần được tháo gỡ như: Một số chỉ tiêu đạt thấp so với kế hoạch đề ra; tiến độ thực hiện"
        " một số dự án đầu tư xây dựng cơ bản năm 2019 chậm giải ngân; quy mô sản xuất CN-TTCN còn"
        " nhỏ lẻ; tiến độ thực hiện chương trình xây dựng nông thôn mới còn chậm, mới chỉ đạt"
        " 10/19 tiêu chí."
    )
    assert len(found) == 4 and {unit for unit, _ in found} == {"xã Tân Thịnh"}


def test_a_body_s_head_asked_after_the_request_is_the_body() -> None:
    """ "... yêu cầu Chủ tịch UBND xã X thực hiện ngay ...": the commune's People's Committee,
    also where the task's core is found at its start."""
    found = directives(
        "Sau khi Báo đăng, Phó Chủ tịch UBND huyện Tứ Kỳ Vũ Văn Hợp đã có văn bản yêu cầu Chủ tịch"
        " UBND xã Cộng Lạc thực hiện ngay việc rà soát, kiểm tra và xem xét, giải quyết vụ việc."
    )
    assert [unit for unit, _, _ in found] == ["UBND xã Cộng Lạc"]


@pytest.mark.parametrize(
    ("task", "due"),
    [
        # a season with its year, a budget's estimate, a movement and a campaign named with
        # theirs: what the task is about
        ("tổ chức thực hiện tốt công tác phòng cháy chữa cháy rừng mùa khô năm 2023", None),
        ("nghiêm túc hoàn thiện dự toán thu, chi ngân sách nhà nước năm 2025", None),
        ("rà soát danh sách khen thưởng phong trào đời sống văn hóa năm 2023", None),
        ("chuẩn bị trang thiết bị để tổ chức ra quân huấn luyện năm 2023", None),
        # the estimate done, as a plan done, is due at the year's end, written short or not
        ("phấn đấu hoàn thành dự toán thu ngân sách năm 2024", date(2024, 12, 31)),
        ("phấn đấu hoàn thành dự toán thu NSNN năm 2024", date(2024, 12, 31)),
        # a year and those after it: a span with no end
        ("hoàn thành dự toán thu NSNN năm 2024 và những năm tới", None),
        ("rà soát các chỉ tiêu tăng trưởng năm 2024 và những năm tiếp theo", None),
    ],
)
def test_a_year_naming_a_season_an_estimate_a_movement_or_a_campaign_is_no_deadline(
    task: str, due: date | None
) -> None:
    found = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu Phòng Nội vụ " + task + "."
    )
    assert [(unit, d) for unit, _, d in found] == [("Phòng Nội vụ", due)]


def test_a_department_whose_fields_a_dash_joins_without_spaces_is_a_unit() -> None:
    """ "Sở Lao động-Thương binh và Xã hội" as "Sở Lao động - Thương binh và Xã hội": the body
    given the task, not the People's Committee that gives it."""
    found = directives(
        "UBND tỉnh giao trách nhiệm Sở Lao động-Thương binh và Xã hội phối hợp các sở, ngành liên"
        " quan hướng dẫn và tăng cường công tác kiểm tra, báo cáo kịp thời cho UBND tỉnh."
    )
    assert [unit for unit, _, _ in found] == ["Sở Lao động-Thương binh và Xã hội"]
    assert [m.text for m in find_raw("Sở Văn hóa-Thể thao và Du lịch báo cáo.")] == [
        "Sở Văn hóa-Thể thao và Du lịch"
    ]


def test_a_bare_level_that_falls_short_is_the_one_place_of_that_level() -> None:
    """ "Huyện chưa phát huy được …", "huyện vẫn còn hạn chế …": the district the document names
    (even inside a body's name), not the bare word; none where it names none."""
    found = limitations(
        "Chiều 3/12, Ủy ban MTTQ huyện Thường Tín tổ chức hội nghị phản biện. Bên cạnh đó, các đại"
        " biểu có ý kiến về lĩnh vực kinh tế: Huyện chưa phát huy được tiềm năng, lợi thế; một số"
        " doanh nghiệp được giao đất nhưng chưa sử dụng."
    )
    assert found[0] == ("huyện Thường Tín", "Huyện chưa phát huy được tiềm năng, lợi thế")
    assert found[1][0] is None
    named = limitations(
        "Chiều 3/12, UBND huyện Thường Tín họp. Tuy nhiên, huyện vẫn còn hạn chế về thu hút đầu tư."
    )
    assert [unit for unit, _ in named] == ["huyện Thường Tín"]
    unnamed = limitations("Chiều 3/12, UBND tỉnh họp. Tuy nhiên, huyện vẫn còn hạn chế về thu hút.")
    assert [unit for unit, _ in unnamed] == [None]


def test_a_name_the_document_gives_a_place_or_a_feast_is_no_chair() -> None:
    """A name written after a level elsewhere ("UBND thị trấn Hồ Xá") is that place where it
    stands bare; "Tết Nguyên Đán Ất Tỵ" is a feast; "Trạm Y tế Đồng Lộc" a station."""
    draft = extract(
        "Vừa qua, UBND huyện đã ban hành các Quyết định công nhận 3 thị trấn: Hồ Xá, Cửa Tùng và"
        " Bến Quan đạt chuẩn đô thị văn minh.\n\nUBND huyện giao UBND thị trấn Hồ Xá chịu trách"
        " nhiệm tổ chức lễ công bố."
    )
    assert draft.meeting.chair is None
    assert find_persons("Để bảo đảm an toàn dịp Tết Nguyên Đán Ất Tỵ, thành phố yêu cầu.") == []
    assert find_persons("Cán bộ Trạm Y tế Đồng Lộc tham dự buổi làm việc.") == []
    assert [p.name for p in find_persons("Ông Hồ Xá Long, Chủ tịch UBND huyện phát biểu.")] == [
        "Hồ Xá Long"
    ]


def test_mr_and_a_given_name_is_the_person_named_in_full_before() -> None:
    """ "Ông Huệ lưu ý" after "Bí thư Thành ủy Hà Nội Vương Đình Huệ": the one person whose name
    ends on it; alone, the given name ("Ông" the family name has more words)."""
    draft = extract(
        "Sáng 9/7, Bí thư Thành ủy Hà Nội Vương Đình Huệ dự và chỉ đạo Đại hội Đảng bộ huyện Mỹ"
        " Đức. Ông Huệ lưu ý, huyện cần nâng cao hiệu lực quản lý đất đai."
    )
    assert draft.meeting.chair == "Vương Đình Huệ"
    assert [p.name for p in find_persons("Ông Thưởng đề nghị tỉnh lựa chọn cán bộ.")] == ["Thưởng"]
    assert [p.name for p in find_persons("Ông Văn Tùng phát biểu.")] == ["Ông Văn Tùng"]


def test_what_is_still_there_and_an_inspections_findings_are_negative() -> None:
    """ "vẫn còn", "còn tình trạng", "còn một số" state what should not be; "không đầy đủ", "không
    đúng thẩm quyền", "không trung thực" are an inspection's findings: each a shortcoming after a
    contrast, as "chưa" is; "vẫn" alone and "không" alone are not."""
    assert has_negative(
        "Tuy nhiên tại buổi giám sát vẫn còn một số hộ tập kết vật liệu trên vỉa hè"
    )
    assert has_negative("còn tình trạng bỏ sót nội dung")
    assert has_negative("quy định ủy quyền quyết định một số nội dung không đúng thẩm quyền")
    assert has_negative("báo cáo giải trình không trung thực lý do vắng mặt")
    assert not has_negative("Huyện vẫn duy trì tốt nền nếp giao ban và không ngừng đổi mới.")
    found = limitations(
        "Chiều 3/12, HĐND phường An Tây giám sát công tác trật tự xây dựng. Tuy nhiên tại buổi"
        " giám sát vẫn còn một số hộ tập kết vật liệu xây dựng trên vỉa hè."
    )
    assert [text for _, text in found] == [
        "tại buổi giám sát vẫn còn một số hộ tập kết vật liệu xây dựng trên vỉa hè"
    ]


def test_findings_listed_with_semicolons_are_each_a_shortcoming_of_the_first_subject() -> None:
    """A sentence whose ``;``-parts judge ("chưa đầy đủ"; "không đúng quy định"; "thiếu khách
    quan"), with no contrast and no request: each part is a shortcoming, of the body the first
    names; not parts that only name a topic ("khó khăn", "vướng mắc")."""
    found = limitations(
        "Sáng 5/6, Đoàn kiểm tra của Huyện ủy làm việc tại xã Tân Lập. Qua kiểm tra, UBND xã Tân"
        " Lập thực hiện chế độ họp chưa đầy đủ; tổ chức thực hiện quy chế không đúng quy định;"
        " nhận xét, đánh giá cán bộ thiếu khách quan."
    )
    assert [unit for unit, _ in found] == ["UBND xã Tân Lập"] * 3
    assert [text for _, text in found][1:] == [
        "tổ chức thực hiện quy chế không đúng quy định",
        "nhận xét, đánh giá cán bộ thiếu khách quan",
    ]
    conceded = limitations(
        "Sáu tháng đầu năm, mặc dù còn gặp khó khăn nhưng huyện đã đạt nhiều kết quả; các xã đã"
        " khắc phục những vướng mắc; thu ngân sách vượt kế hoạch."
    )
    assert conceded == []


def test_a_verdict_of_many_faults_announces_the_details_after_it() -> None:
    """ "Theo X, Ban Thường vụ Huyện ủy Y có nhiều khuyết điểm, vi phạm." is no shortcoming itself:
    the paragraphs after it ("Cụ thể, ...") state them, each of the body found at fault, not of
    who reports the verdict; "còn nhiều hạn chế." ending a sentence stays one."""
    found = limitations(
        "Ban Thường vụ Tỉnh ủy Phú Thọ vừa thi hành kỷ luật đối với Ban Thường vụ Huyện ủy Tân"
        " Sơn.\n\nTheo Ủy ban Kiểm tra Tỉnh ủy Phú Thọ, Ban Thường vụ Huyện ủy Tân Sơn có nhiều"
        " khuyết điểm, vi phạm.\n\nCụ thể, đã ban hành quy chế làm việc nhưng nội dung không đầy"
        " đủ; phân công nhiệm vụ trong Thường trực Huyện ủy không rõ ràng."
    )
    assert found == [
        ("Huyện ủy Tân Sơn", "Cụ thể, đã ban hành quy chế làm việc nhưng nội dung không đầy đủ"),
        ("Huyện ủy Tân Sơn", "phân công nhiệm vụ trong Thường trực Huyện ủy không rõ ràng"),
    ]
    still = limitations(
        "Chiều 3/12, UBND xã Tân Lập họp. Tuy nhiên, công tác tuyên truyền còn nhiều hạn chế."
    )
    assert [text for _, text in still] == ["công tác tuyên truyền còn nhiều hạn chế"]


def test_a_visit_made_at_one_place_names_the_place_its_findings_are_of() -> None:
    """A report that names no meeting but a visit made at one place ("đã tiến hành kiểm tra đột
    xuất tại xã X", "kiểm tra công vụ đột xuất tại", "kiểm tra thực tế tại") gives that place
    what names no unit, as a working session with it does; a visit at several places none."""
    found = limitations(
        "Ngày 23 tháng 5 năm 2024, ông Lê Văn Hùng, Phó Chủ tịch UBND huyện Hòa Lạc, đã tiến hành"
        " kiểm tra đột xuất tại xã Tân Phong.\n\nTuy nhiên, qua kiểm tra vẫn còn một số trường hợp"
        " cán bộ, công chức đi làm muộn; việc sắp xếp hồ sơ tại các phòng làm việc chưa khoa học;"
        " chưa có bảng niêm yết thông tin."
    )
    assert [unit for unit, _ in found] == ["xã Tân Phong"] * 3
    several = limitations(
        "Ngày 23 tháng 5 năm 2024, ông Lê Văn Hùng, Phó Chủ tịch UBND huyện Hòa Lạc, đã tiến hành"
        " kiểm tra đột xuất tại các xã Tân Phong, Tân Hòa và Tân Bình.\n\nTuy nhiên, qua kiểm tra"
        " vẫn còn một số trường hợp cán bộ, công chức đi làm muộn; việc sắp xếp hồ sơ tại các"
        " phòng làm việc chưa khoa học."
    )
    assert [unit for unit, _ in several] == [None, None]


def test_a_supervision_of_a_bodys_work_is_a_session_with_that_body() -> None:
    """ "đến giám sát hoạt động HĐND thị trấn X": a working session with the body whose work is
    supervised, whose "đơn vị" the requests address."""
    draft = extract(
        "Sáng 4/10/2023, Thường trực HĐND huyện Hòa Lạc do Phó Chủ tịch HĐND huyện làm trưởng đoàn"
        " đã đến giám sát hoạt động HĐND thị trấn Tân Phong.\n\nHĐND thị trấn đã tổ chức 27"
        " phiên họp thường trực, 8 kỳ họp thường kỳ.\n\nĐoàn giám sát ghi nhận những kiến nghị"
        " của HĐND thị trấn Tân Phong; đề nghị đơn vị nghiên cứu kỹ các văn bản hướng dẫn của cấp"
        " trên; theo dõi, đôn đốc việc thực hiện các ý kiến cử tri."
    )
    assert draft.meeting.kind == "working-session"
    assert [d.unit for d in draft.directives] == ["HĐND thị trấn Tân Phong"] * 2


def test_a_contrast_after_an_ellipsis_and_what_is_still_there_after_it() -> None:
    """A list of merits closed by "…" and a lower-case "tuy nhiên" is a contrast inside the
    sentence; "vẫn còn một số cán bộ …" after it brings its own subject: the shortcoming is what
    follows the contrast, not the whole sentence (as "…, tuy nhiên đã xuống cấp" is)."""
    found = limitations(
        "Chiều 3/12, Tổ kiểm tra công vụ huyện làm việc tại xã Tân Phong. Qua kiểm tra, hầu hết"
        " cán bộ, công chức đều thực hiện nghiêm túc về giờ giấc làm việc, thái độ tiếp xúc công"
        " dân hòa nhã, lịch sự… tuy nhiên, vẫn còn một số cán bộ, công chức chưa đeo thẻ, lịch"
        " công tác chưa ghi nội dung cụ thể."
    )
    assert [text for _, text in found] == [
        "vẫn còn một số cán bộ, công chức chưa đeo thẻ, lịch công tác chưa ghi nội dung cụ thể"
    ]
    whole = limitations(
        "Chiều 3/12, UBND xã Tân Phong họp. Theo báo cáo của UBND xã, mặt đê đã được cứng hóa,"
        " tuy nhiên đã xuống cấp nghiêm trọng."
    )
    assert [text for _, text in whole] == [
        "mặt đê đã được cứng hóa, tuy nhiên đã xuống cấp nghiêm trọng"
    ]


def test_a_decisions_closing_formula_gives_no_task() -> None:
    """ "Giao Giám đốc Sở X; Chủ tịch UBND huyện Y; Thủ trưởng … chịu trách nhiệm thi hành Quyết
    định này kể từ ngày ký": who carries the whole decision out, no task of its own."""
    found = directives(
        "Theo đó, UBND tỉnh giao Sở Nông nghiệp và Phát triển nông thôn chủ trì triển khai các"
        " biện pháp cần thiết nhằm khắc phục thiệt hại do xâm nhập mặn. Giao Giám đốc Sở Nông"
        " nghiệp và Phát triển nông thôn, Sở Tài chính; Chủ tịch UBND huyện Hòa Lạc; Thủ trưởng"
        " cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký."
    )
    assert [unit for unit, _, _ in found] == ["Sở Nông nghiệp và Phát triển nông thôn"]


def test_what_a_speaker_affirms_is_no_task() -> None:
    """ "Chủ tịch UBND tỉnh khẳng định, … tỉnh sẽ nghiêm túc chấp hành …": an assessment and a
    commitment, no request; the request before it stays one."""
    found = directives(
        "Ông Trần Văn Hạnh yêu cầu Đoàn thanh tra và tỉnh cần chủ động phối hợp trong quá trình"
        " thực hiện cuộc thanh tra. Đoàn thanh tra cần có lịch làm việc cụ thể với từng đơn vị."
        " Chủ tịch UBND tỉnh Lê Văn Thế khẳng định, đây là cuộc thanh tra theo kế hoạch, là hoạt"
        " động thường xuyên của các cơ quan quản lý nhà nước, tỉnh sẽ nghiêm túc chấp hành và phối"
        " hợp tốt với Đoàn thanh tra."
    )
    assert len(found) == 2
    assert not any("khẳng định" in text for _, text, _ in found)


def test_the_merits_conceded_before_shortcomings_open_a_contrast() -> None:
    """ "Ngoài những kết quả tích cực đạt được, …" and "Bên cạnh những chuyển biến tích cực, …"
    concede the merits as "Bên cạnh những kết quả đạt được, …" does: what falls short after them
    is a shortcoming."""
    found = limitations(
        "Thanh tra thành phố vừa ban hành thông báo kết luận thanh tra tại quận Hòa Lạc.\n\nNgoài"
        " những kết quả tích cực đạt được, Thanh tra thành phố đánh giá, chính quyền quận Hòa Lạc"
        " còn hạn chế, thiếu sót trong việc giải quyết khiếu nại, tố cáo."
    )
    assert len(found) == 1
    assert found[0][1].endswith("còn hạn chế, thiếu sót trong việc giải quyết khiếu nại, tố cáo")


def test_who_sends_or_signs_a_document_is_no_chair() -> None:
    """A news item about a letter ("Chủ tịch UBND tỉnh X vừa có văn bản phê bình …", "Ông Y, Phó
    Chánh Thanh tra TP vừa ký ban hành thông báo …") reports no meeting: its sender is no
    chair; who chairs a meeting still is."""
    letter = extract(
        "Ngày 29-12, tin từ UBND tỉnh Hòa Lạc cho biết, Chủ tịch UBND tỉnh Lê Văn Tuấn vừa có văn"
        " bản phê bình Giám đốc Sở Tài chính vì chậm trễ báo cáo."
    )
    assert letter.meeting.chair is None
    signed = extract(
        "Ông Trần Văn Trữ, Phó Chánh Thanh tra TP vừa ký ban hành thông báo kết luận thanh tra"
        " trách nhiệm của Chủ tịch UBND quận Hòa Lạc."
    )
    assert signed.meeting.chair is None
    meeting = extract(
        "Sáng 5/6/2023, đồng chí Lê Văn Tuấn, Chủ tịch UBND tỉnh chủ trì cuộc họp về giải ngân"
        " vốn đầu tư công."
    )
    assert meeting.meeting.chair == "Lê Văn Tuấn"


def test_a_province_named_alone_as_the_one_who_must_act_is_the_province() -> None:
    """ "..., Gia Lai cần ...", the article never writing "tỉnh Gia Lai": the province, and the
    bare "Tỉnh cần" after it; a province after "của" is no subject."""
    found = directives(
        "Chiều 3/4, Thủ tướng Chính phủ làm việc với lãnh đạo chủ chốt. Theo Thủ tướng, bên cạnh"
        " giữ vững an ninh, Gia Lai cần tập trung phát triển cây công nghiệp. Tỉnh cần tiếp tục cải"
        " thiện môi trường đầu tư kinh doanh."
    )
    assert [unit for unit, _, _ in found] == ["tỉnh Gia Lai", "tỉnh Gia Lai"]
    assert unit_key("tỉnh Gia Lai") == unit_key("Gia Lai")
    other = directives(
        "Chiều 3/4, Thủ tướng Chính phủ làm việc với lãnh đạo chủ chốt. Thủ tướng yêu cầu doanh"
        " nghiệp của Gia Lai cần tập trung phát triển cây công nghiệp."
    )
    assert [unit for unit, _, _ in other] == [None]


def test_a_lead_in_naming_no_one_after_a_task_to_one_unit_passes_it_to_the_entries() -> None:
    found = directives(
        "Sáng 5/6/2025, UBND phường Tân Phú họp giao ban tháng 6 với các phòng chuyên môn. Phó Chủ"
        " tịch UBND phường Trần Thị Hoa yêu cầu lãnh đạo, công chức phòng Kinh tế tiếp tục nâng cao"
        " trách nhiệm trong thực hiện nhiệm vụ. Đồng chí nhấn mạnh một số nhiệm vụ trọng tâm cần"
        " thực hiện thời gian tới:\n"
        "1. Chủ động triển khai các nhiệm vụ theo chức năng được giao.\n"
        "2. Bổ sung, hoàn thiện quy chế làm việc của đơn vị.\n"
    )
    assert [unit for unit, _, _ in found] == ["Phòng Kinh tế"] * 3


def test_a_part_opening_on_directing_after_a_task_to_one_unit_is_that_units() -> None:
    """ "yêu cầu huyện X cần ...; chỉ đạo các lực lượng ...; có biện pháp ...": the district's
    own directing, and what follows it the district's too."""
    found = directives(
        "Chiều 3/8, Phó Chủ tịch UBND tỉnh kiểm tra điểm sạt lở. Đồng chí yêu cầu huyện Tiên Yên"
        " trước mắt cần di dời khẩn cấp các hộ dân trong vùng nguy hiểm; chỉ đạo các lực lượng thu"
        " dọn đất đá sạt lở; có biện pháp cảnh báo an toàn cho người dân qua tuyến đường này."
    )
    assert [unit for unit, _, _ in found] == ["huyện Tiên Yên"] * 3
    assert found[1][1].startswith("chỉ đạo các lực lượng")


def test_a_head_going_on_directing_is_the_task_of_the_head_s_body() -> None:
    """ "Chủ tịch UBND quận X, các huyện tiếp tục chỉ đạo UBND phường, xã ...": the first named
    body's own task, not the wards' (a collective); "Chủ tịch UBND phường, xã ..." no one's."""
    found = directives(
        "Ngày 5/3, Chủ tịch UBND Thành phố chủ trì hội nghị. Chủ tịch UBND Thành phố yêu cầu: Chủ"
        " tịch UBND quận Gò Vấp, các quận, huyện tiếp tục chỉ đạo UBND phường, xã, thị trấn thực"
        " hiện đầy đủ quy chế dân chủ ở cơ sở. Chủ tịch UBND phường, xã, thị trấn chịu trách nhiệm"
        " triển khai các giải pháp tuyên truyền."
    )
    assert [unit for unit, _, _ in found] == ["UBND quận Gò Vấp", None]
    assert found[0][1].startswith("Chủ tịch UBND quận Gò Vấp")
    # the head that speaks is no task's body
    spoke = directives(
        "Ngày 5/3, Tỉnh ủy họp bàn về dịch bệnh. Bí thư Tỉnh ủy yêu cầu các ngành tạo điều kiện cho"
        " doanh nghiệp. Chủ tịch UBND tỉnh Lê Văn Hải khẳng định nhiệm vụ cấp bách, đặc biệt quan"
        " trọng hiện nay là tập trung toàn lực phòng chống dịch bệnh, tìm các giải pháp giải quyết"
        " khó khăn cho doanh nghiệp."
    )
    assert "UBND tỉnh" not in [unit for unit, _, _ in spoke]


def test_the_work_of_a_task_just_given_is_the_same_units() -> None:
    found = directives(
        "Ngày 2/8, Chủ tịch UBND thành phố họp về vụ xây dựng sai phép. Đồng chí giao Giám đốc Sở"
        " Xây dựng chỉ đạo phá dỡ phần xây dựng sai phép; việc phá dỡ phải đúng quy trình kỹ"
        " thuật, đảm bảo tuyệt đối an toàn."
    )
    assert [unit for unit, _, _ in found] == ["Sở Xây dựng", "Sở Xây dựng"]
    # in the sentence after the task, opening on the work, the same (GUIDE's "a task
    # that names no one, after a task to one unit in the same paragraph, is that unit's")
    apart = directives(
        "Ngày 2/8, Chủ tịch UBND thành phố họp về vụ xây dựng sai phép. Đồng chí giao Giám đốc Sở"
        " Xây dựng chỉ đạo phá dỡ phần xây dựng sai phép. Việc phá dỡ phải đúng quy trình kỹ"
        " thuật, đảm bảo tuyệt đối an toàn."
    )
    assert [unit for unit, _, _ in apart] == ["Sở Xây dựng", "Sở Xây dựng"]
    # a sentence that names its speaker again speaks to the meeting: no doer
    spoken = directives(
        "Ngày 2/8, Chủ tịch UBND thành phố họp về vụ xây dựng sai phép. Đồng chí giao Giám đốc Sở"
        " Xây dựng chỉ đạo phá dỡ phần xây dựng sai phép. Đồng chí cũng nhấn mạnh việc phá dỡ"
        " phải đúng quy trình kỹ thuật, đảm bảo tuyệt đối an toàn."
    )
    assert [unit for unit, _, _ in spoken] == ["Sở Xây dựng", None]


def test_a_project_and_land_board_and_a_station_named_by_its_commune_are_whole_units() -> None:
    board = find_raw("Ban Quản lý dự án và Phát triển quỹ đất huyện Châu Thành lập hồ sơ.")
    assert [m.text for m in board] == ["Ban Quản lý dự án và Phát triển quỹ đất huyện Châu Thành"]
    stations = find_raw("Đề nghị Trạm Y tế Mỹ Lộc và Trạm Y tế Đồng Lộc thực hiện tốt.")
    assert [m.text for m in stations] == ["Trạm Y tế Mỹ Lộc", "Trạm Y tế Đồng Lộc"]
    assert [m.text for m in find_raw("Trạm Y tế xã thực hiện tốt.")] == ["Trạm Y tế xã"]


def test_a_quarter_after_a_level_word_is_a_period_not_a_place() -> None:
    """ "HĐND phường Quý I/2019" named a ward "Quý", and the bare standing committee of the one
    council was left without its ward."""
    assert [m.text for m in find_raw("Giao ban hoạt động HĐND phường Quý I/2019.")] == [
        "HĐND phường"
    ]
    found = directives(
        "Giao ban hoạt động HĐND phường Quý I/2019\n\nChiều 3/4/2019, HĐND phường Phúc Lợi họp"
        " giao ban hoạt động HĐND phường Quý I/2019. Kết luận hội nghị, Chủ tịch HĐND phường đề"
        " nghị Thường trực HĐND tập trung chỉ đạo tổ chức hội nghị tiếp xúc cử tri."
    )
    assert [unit for unit, _, _ in found] == ["Thường trực HĐND phường Phúc Lợi"]


def test_the_articles_narration_is_no_task() -> None:
    """ "Có như vậy mới ...", "Đây là ...", "Qua đây, ...": what the article says of the task,
    not a task of its own."""
    found = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu các xã tập trung chuyển đổi số. Có như"
        " vậy mới dẫn dắt, truyền cảm hứng để cán bộ và người dân tăng tốc chuyển đổi số."
    )
    assert [text for _, text, _ in found] == ["các xã tập trung chuyển đổi số"]


def test_a_concession_is_no_shortcoming_and_keeps_the_one_after_its_comma() -> None:
    found = limitations(
        LEAD + "huyện chủ trì. Hạn chế: Mặc dù thời gian qua thời tiết không thuận lợi đã ảnh"
        " hưởng nhiều đến sản xuất; tiến độ xây dựng nông thôn mới còn chậm."
    )
    assert [text for _, text in found] == ["tiến độ xây dựng nông thôn mới còn chậm"]
    # the shortcoming stated after the concession's comma is kept with it
    whole = limitations(
        LEAD + "huyện chủ trì. Mặc dù thời gian qua thời tiết không thuận lợi đã ảnh hưởng nhiều"
        " đến thực hiện các tiêu chí, tiến độ còn chậm."
    )
    assert [text for _, text in whole] == [
        "Mặc dù thời gian qua thời tiết không thuận lợi đã ảnh hưởng nhiều đến thực hiện các tiêu"
        " chí, tiến độ còn chậm"
    ]


def test_a_merit_without_a_negative_word_is_no_shortcoming() -> None:
    found = limitations(
        LEAD + "huyện chủ trì. Còn một số hạn chế như: bảo vệ tốt an ninh trật tự biên giới;"
        " giải ngân chậm."
    )
    assert [text for _, text in found] == ["giải ngân chậm"]
    # with a negative word it stays one ("chưa đồng bộ" is no merit)
    kept = limitations(
        LEAD + "huyện chủ trì. Còn một số hạn chế như: việc triển khai chưa đồng bộ; giải ngân"
        " chậm."
    )
    assert [text for _, text in kept] == ["việc triển khai chưa đồng bộ", "giải ngân chậm"]


def test_a_headline_stating_one_units_shortcoming_gives_it_to_those_naming_none() -> None:
    body = (
        "\n\nSáng 5/6/2023, Đoàn công tác của huyện đã làm việc về tiến độ xây dựng nông thôn mới."
        "\n\nTheo đánh giá, công tác tuyên truyền, vận động người dân còn hạn chế, nhiều tiêu chí"
        " chưa đạt.\n\nMột số xã chưa quan tâm đúng mức đến công tác vệ sinh môi trường.\n"
    )
    headline = (
        "Thời gian qua, xã Hòa Phong đã nỗ lực trong xây dựng nông thôn mới. Tuy nhiên, tiến độ"
        " xây dựng nông thôn mới của xã Hòa Phong còn chậm so với kế hoạch"
    )
    found = [(x.unit, x.text[:22]) for x in extract(headline + body).limitations]
    # a collective subject ("Một số xã") stays without a unit
    assert found == [("xã Hòa Phong", "Theo đánh giá, công tá"), (None, "Một số xã chưa quan tâ")]
    # a headline that praises and names no shortcoming gives no unit
    praised = "Xã Hòa Phong đã nỗ lực trong xây dựng nông thôn mới"
    assert [x.unit for x in extract(praised + body).limitations] == [None, None]


def test_a_hearings_shortcomings_naming_no_unit_are_the_questioned_bodys() -> None:
    text = (
        "Ngày 30/5/2023, Thường trực HĐND xã Ngọc Đường tổ chức phiên chất vấn UBND xã Ngọc"
        " Đường về những phản ánh của cử tri.\n\nTại phiên chất vấn, các đại biểu cho rằng công"
        " tác quản lý đất đai, xây dựng chưa chặt chẽ, còn để xảy ra vi phạm.\n"
    )
    assert [x.unit for x in extract(text).limitations] == ["UBND xã Ngọc Đường"]
    heard = text.replace("phiên chất vấn UBND", "phiên họp thường kỳ với sự tham dự của UBND")
    assert [x.unit for x in extract(heard).limitations] == [None]


def test_a_reprimanded_bodys_shortcomings_naming_no_unit_are_its_own() -> None:
    """A news item about one body an act of oversight names (reprimanded, inspected, reviewed),
    whatever the meeting's kind: what names no unit is that body's, as a clerk files the
    record; a collective subject and an act about many bodies give none."""
    text = (
        "Chủ tịch UBND tỉnh Ninh Bình vừa ký văn bản phê bình, kiểm điểm Chủ tịch UBND huyện Kim"
        " Sơn.\n\nTheo văn bản, việc giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất còn"
        " chậm, nhiều hồ sơ quá hạn.\n\nMột số xã chưa báo cáo kịp thời.\n"
    )
    assert [x.unit for x in extract(text).limitations] == ["UBND huyện Kim Sơn", None]
    many = text.replace(
        "kiểm điểm Chủ tịch UBND huyện Kim Sơn", "kiểm điểm Chủ tịch UBND các huyện"
    )
    assert [x.unit for x in extract(many).limitations] == [None, None]


def test_a_review_held_of_one_body_at_a_conference_gives_it_the_shortcomings() -> None:
    text = (
        "Sáng 28/11/2023, Ban Thường vụ Huyện ủy Đô Lương tổ chức hội nghị kiểm điểm công tác lãnh"
        " đạo, chỉ đạo của tập thể Ban Chấp hành Đảng bộ xã Đà Sơn.\n\nHội nghị chỉ ra, việc thực"
        " hiện một số chỉ tiêu phát triển kinh tế chưa đạt kế hoạch, giải quyết đơn thư còn chậm.\n"
    )
    draft = extract(text)
    assert draft.meeting.kind == "conference"
    assert [x.unit for x in draft.limitations] == ["Đảng ủy xã Đà Sơn"]
    # an act that names no body ("Trước khi tiến hành giám sát, …") gives none
    unnamed = (
        "Trước khi tiến hành giám sát, Thường trực HĐND thành phố yêu cầu 10 cơ quan báo cáo kết"
        " quả.\n\nQua giám sát, việc giải quyết kiến nghị của cử tri còn chậm.\n"
    )
    assert [x.unit for x in extract(unnamed).limitations] == [None]


def test_an_inspection_of_one_body_gives_it_what_names_no_unit_unless_given_to_many() -> None:
    text = (
        "Ngày 3/10/2023, Đoàn kiểm tra của tỉnh kiểm tra và làm việc tại phường Ba Hàng, thị xã Phổ"
        " Yên.\n\nĐoàn chỉ ra những hạn chế cần khắc phục như: công tác tuyên truyền còn hình thức;"
        " niêm yết công khai chưa đúng quy định.\n"
    )
    # the body's place after it ("…, thị xã Phổ Yên") is no second body inspected
    assert [x.unit for x in extract(text).limitations] == ["phường Ba Hàng", "phường Ba Hàng"]
    # a paragraph that gives its shortcomings to the bodies inspected together: none
    many = text.replace(
        "quy định.\n", "quy định. Đoàn yêu cầu các địa phương nghiêm túc khắc phục.\n"
    )
    assert [x.unit for x in extract(many).limitations] == [None, None]


def test_visits_in_turn_give_each_paragraphs_shortcomings_its_visits_body() -> None:
    text = (
        "Ngày 12/9/2023, Đoàn công tác của huyện kiểm tra tiến độ xây dựng nông thôn mới tại xã An"
        " Bình và xã Tân Hòa.\n\nBáo cáo của UBND xã An Bình cho biết, đến nay xã đạt 12/19 tiêu"
        " chí. Tuy nhiên, tiến độ làm đường giao thông còn chậm.\n\nXã Tân Hòa đạt 15/19 tiêu chí."
        " Công tác tuyên truyền còn hạn chế.\n\nNhìn chung, nguồn vốn đối ứng còn thiếu.\n"
    )
    # a paragraph that names no one visit's body (the last) gives none
    assert [x.unit for x in extract(text).limitations] == ["xã An Bình", "xã Tân Hòa", None]
    many = text.replace("tại xã An Bình và xã Tân Hòa", "tại các xã")
    assert [x.unit for x in extract(many).limitations] == [None, None, None]


def test_a_letter_a_committee_issues_orders_through_its_verb() -> None:
    """ "UBND quận X có công văn giao cho Chủ tịch UBND phường Y xử lý …": the letter's "giao"
    assigns the task, as after "vừa có công văn giao" (not the noun "công văn giao")."""
    found = directives(
        "Ngày 13/1/2011, UBND quận Tân Hòa (tỉnh Long An) có công văn giao cho Chủ tịch UBND"
        " phường Tân Phong xử lý tình trạng lấn chiếm kênh thoát nước."
    )
    assert found == [
        (
            "UBND phường Tân Phong",
            "Chủ tịch UBND phường Tân Phong xử lý tình trạng lấn chiếm kênh thoát nước",
            None,
        )
    ]


def test_a_canal_a_sea_or_a_side_names_a_place_not_a_person() -> None:
    """A name after "rạch", "sông", "kênh", "đảo", "biển" or "phía" is a place's ("rạch Trần Văn
    Lớn", "phía Bắc Hoàng Linh", "về phía Đông Nam"): no chair is read from it."""
    assert find_persons("Chủ tịch UBND quận yêu cầu xử lý lấn chiếm rạch Trần Văn Lớn.") == []
    assert (
        find_persons(
            "Bão đang ở vùng biển phía Bắc Hoàng Linh, cách đất liền 600 km về phía Đông Nam."
        )
        == []
    )
    # a person after a title is still one
    assert [p.name for p in find_persons("Chủ tịch UBND quận Trần Văn Lớn yêu cầu.")] == [
        "Trần Văn Lớn"
    ]


def test_a_bare_level_before_a_family_name_names_a_place() -> None:
    """ "làm việc với xã Phan Thành Tây": after a bare level the name is the place's, though it
    opens on a family name; after a body's level it may be a person ("Chủ tịch UBND xã Phan Văn
    Tám")."""
    found = limitations(
        "Sáng 5/6/2023, Chủ tịch UBND huyện làm việc với xã Phan Thành Tây và xã Tân Phong.\n\n"
        "Xã Phan Thành Tây còn chậm trong thực hiện các tiêu chí nông thôn mới."
    )
    assert found == [
        (
            "xã Phan Thành Tây",
            "Xã Phan Thành Tây còn chậm trong thực hiện các tiêu chí nông thôn mới",
        )
    ]
    assert [p.name for p in find_persons("Chủ tịch UBND xã Phan Văn Tám phát biểu.")] == [
        "Phan Văn Tám"
    ]


def test_what_a_body_is_to_do_if_something_happens_is_a_task() -> None:
    """After a condition ("Nếu …, ") what a body is to do is a task; a consequence ("Trong
    trường hợp …, … sẽ chịu kỷ luật") is none."""
    found = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu UBND các xã rà soát hồ sơ. Nếu có khó"
        " khăn, vướng mắc, chủ động báo cáo Văn phòng UBND huyện để tháo gỡ kịp thời."
    )
    assert [text for _, text, _ in found] == [
        "UBND các xã rà soát hồ sơ",
        "Nếu có khó khăn, vướng mắc, chủ động báo cáo Văn phòng UBND huyện để tháo gỡ kịp thời",
    ]
    consequence = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu UBND các xã rà soát hồ sơ. Trong trường"
        " hợp xã để phát sinh vi phạm mới, Chủ tịch UBND xã sẽ chịu kỷ luật."
    )
    assert [text for _, text, _ in consequence] == ["UBND các xã rà soát hồ sơ"]


def test_a_semicolon_before_the_part_it_singles_out_does_not_split() -> None:
    """ "…; đặc biệt là công tác nhân sự …", "…; nhất là …": the main part of what the clause
    before it names, one item with it (not "là công tác nhân sự …" alone)."""
    found = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện yêu cầu các xã chuẩn bị tốt các điều kiện để"
        " tổ chức thành công Đại hội; đặc biệt là công tác nhân sự và xây dựng văn kiện."
    )
    assert [text for _, text, _ in found] == [
        "các xã chuẩn bị tốt các điều kiện để tổ chức thành công Đại hội; đặc biệt là công tác"
        " nhân sự và xây dựng văn kiện"
    ]


def test_a_directive_named_with_its_number_is_a_document_not_a_request() -> None:
    """ "theo đúng tinh thần Chỉ thị 35 …", "Kết luận số 12": a document's name, not the verb
    "chỉ thị" (to instruct) opening a task of its own."""
    found = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện nhấn mạnh các xã cần tiếp tục xây dựng hệ thống"
        " chính trị vững mạnh. Đồng thời, tiếp tục chuẩn bị tốt các điều kiện để tổ chức thành"
        " công Đại hội theo đúng tinh thần Chỉ thị 35 và các văn bản hướng dẫn của cấp trên."
    )
    assert [text for _, text, _ in found] == [
        "các xã cần tiếp tục xây dựng hệ thống chính trị vững mạnh",
        "tiếp tục chuẩn bị tốt các điều kiện để tổ chức thành công Đại hội theo đúng tinh thần Chỉ"
        " thị 35 và các văn bản hướng dẫn của cấp trên",
    ]


def test_a_duty_not_done_stated_with_khong_is_negative() -> None:
    """An inspection's findings with "không" and the duty's verb ("không thực hiện công khai",
    "không bảo đảm", "không kiểm tra", "không có cán bộ … giải quyết") are negative; a duty
    done, or "không" in a prohibition, is not."""
    for finding in (
        "UBND xã Hòa An xét chọn đối tượng được thuê đất không thực hiện công khai",
        "UBND huyện cho thuê đất không bảo đảm về điều kiện, trình tự, thủ tục",
        "huyện không kiểm tra thực địa trước khi lập hồ sơ cho thuê",
        "tại bộ phận một cửa của xã không có cán bộ, công chức giải quyết thủ tục cho dân",
    ):
        assert has_negative(finding), finding
    assert not has_negative("UBND xã thực hiện công khai việc xét chọn đối tượng thuê đất")
    assert not has_negative("tuyệt đối không để người dân thiếu nước uống")


def test_a_reprimand_listing_its_bodies_is_one_shortcoming() -> None:
    """ "Bên cạnh đó, … phê bình thủ trưởng ba đơn vị gồm: Sở Tư pháp; Sở Nội vụ; … vì …": the
    bodies a reprimand names, listed, and what for are one shortcoming, not each name alone."""
    found = limitations(
        "Bên cạnh đó, Chủ tịch UBND tỉnh cũng ký văn bản phê bình thủ trưởng ba đơn vị gồm: Sở Tư"
        " pháp; Sở Nội vụ; Đài Phát thanh và Truyền hình tỉnh vì bỏ phiên bế mạc kỳ họp.\n"
    )
    assert [text for _, text in found] == [
        "thủ trưởng ba đơn vị gồm: Sở Tư pháp; Sở Nội vụ; Đài Phát thanh và Truyền hình tỉnh vì bỏ"
        " phiên bế mạc kỳ họp"
    ]


def test_a_semicolon_part_goes_on_with_its_sentences_obligation() -> None:
    """ "Các địa phương cần rà soát …; bảo đảm cung cấp đầy đủ nước uống …": the ``;``-part
    the model reads carries the "cần" of the part before it (``modal``), and a part after one
    with no obligation does not."""
    from dirtrack.extract import model as clause_model

    def modal_parts(text: str) -> dict[str, bool]:
        clause_model.RECORDER, clause_model.LIMIT_RECORDER = [], []
        try:
            extract(text)
            return {c.text: "modal" in c.features for c in clause_model.RECORDER}
        finally:
            clause_model.RECORDER = clause_model.LIMIT_RECORDER = None

    parts = modal_parts(
        "Các địa phương cần rà soát, di dời người dân ở khu vực ngập sâu; bảo đảm cung cấp đầy đủ"
        " nước uống, lương thực cho người dân."
    )
    assert parts["bảo đảm cung cấp đầy đủ nước uống, lương thực cho người dân"] is True
    plain = modal_parts(
        "Các địa phương đã rà soát, di dời người dân ở khu vực ngập sâu; bảo đảm cung cấp đầy đủ"
        " nước uống, lương thực cho người dân."
    )
    assert plain.get("bảo đảm cung cấp đầy đủ nước uống, lương thực cho người dân") is not True


def test_the_local_authorities_and_forces_in_general_are_no_unit() -> None:
    """ "cấp ủy, chính quyền địa phương và các lực lượng chức năng …", "lực lượng chức năng
    sẵn sàng …": a collective addressee (``null``), not the commune the visit was made at."""
    found = directives(
        "Sáng 1/11, Chủ tịch UBND tỉnh Võ Văn Hải đi kiểm tra tình hình ngập lụt tại xã Cẩm Duệ."
        " Qua kiểm tra thực tế, Chủ tịch UBND tỉnh yêu cầu cấp ủy, chính quyền địa phương và các"
        " lực lượng chức năng theo dõi sát diễn biến mưa lũ, chủ động kích hoạt các phương án ứng"
        " phó."
    )
    assert [unit for unit, _, _ in found] == [None]


def test_to_explain_or_to_assess_opens_a_request_not_a_finding() -> None:
    """ "…, lưu ý bổ sung …; giải thích rõ nguyên nhân … chậm tiến độ; có đánh giá về những hạn
    chế …": the ``;``-parts after a request open on what is asked (``IMPERATIVE``: "giải
    thích", "giải trình", "có đánh giá"), so their negative words name what is to be explained,
    no shortcoming."""
    from dirtrack.extract.folding import fold_aligned
    from dirtrack.extract.lexicon import IMPERATIVE

    for part in (
        "giải thích rõ nguyên nhân việc giải ngân các dự án chậm tiến độ",
        "giải trình việc chậm bàn giao mặt bằng",
        "có đánh giá về những hạn chế, yếu kém trong quản lý xây dựng",
    ):
        assert IMPERATIVE.match(fold_aligned(part)), part
    assert not IMPERATIVE.match(fold_aligned("có nhiều hạn chế trong quản lý xây dựng"))


def test_the_leaders_of_a_bare_place_asked_are_the_place() -> None:
    """ "yêu cầu lãnh đạo xã tăng cường …", "yêu cầu lãnh đạo địa phương …": the leaders of a
    place named by its bare level (or "địa phương") are asked for the place, the one of that
    level the document names, as "yêu cầu xã …" is; "lãnh đạo" with no place stays no one's."""
    found = directives(
        "Sáng 12/7, tổ đại biểu HĐND thành phố tiếp xúc cử tri xã Hòa Hội. Tại buổi tiếp xúc, ông"
        " Phạm Thành Chung tiếp thu ý kiến của các cử tri; đồng thời yêu cầu lãnh đạo xã tăng"
        " cường nắm bắt khó khăn của người dân để kịp thời hỗ trợ."
    )
    assert [unit for unit, _, _ in found] == ["xã Hòa Hội"]
    found = directives(
        "Sáng 12/7, tổ đại biểu HĐND huyện tiếp xúc cử tri tại xã Hợp Phong. Theo đó, đại diện"
        " tổ đại biểu HĐND huyện yêu cầu lãnh đạo địa phương tăng cường công tác lãnh đạo, chỉ"
        " đạo, thường xuyên lắng nghe ý kiến của người dân."
    )
    assert [unit for unit, _, _ in found] == ["xã Hợp Phong"]
    found = directives(
        "Sáng 12/7, tổ đại biểu HĐND thành phố tiếp xúc cử tri xã Hòa Hội. Tại buổi tiếp xúc, ông"
        " Phạm Thành Chung tiếp thu ý kiến của các cử tri; đồng thời yêu cầu lãnh đạo tăng cường"
        " nắm bắt khó khăn của người dân để kịp thời hỗ trợ."
    )
    assert [unit for unit, _, _ in found] == [None]


def test_a_request_opening_on_a_connective_alone_reads_its_addressee() -> None:
    """ "Ngoài ra, yêu cầu Chủ tịch UBND huyện X phải …": a request with no speaker after a
    connective ("Ngoài ra,", "Theo đó,", "Cụ thể,", as "Đồng thời,") is the request itself: the
    task starts at its addressee, the head's body; a body that asks keeps its own addressee."""
    found = directives(
        "UBND tỉnh Đắk Lắk vừa phê bình Chủ tịch UBND huyện Krông Năng do để 360 hồ sơ quá hạn."
        " Ngoài ra, yêu cầu Chủ tịch UBND huyện Krông Năng phải phát huy trách nhiệm người đứng"
        " đầu, chấn chỉnh tinh thần, thái độ phục vụ nhân dân."
    )
    assert [(unit, text.split()[0]) for unit, text, _ in found] == [
        ("UBND huyện Krông Năng", "Chủ")
    ]
    found = directives(
        "UBND tỉnh Đắk Lắk vừa phê bình Chủ tịch UBND huyện Krông Năng do để 360 hồ sơ quá hạn."
        " Ngoài ra, UBND tỉnh yêu cầu các sở tiếp tục theo dõi."
    )
    assert [unit for unit, _, _ in found] == [None]


def test_a_news_items_letter_to_one_body_gives_it_the_tasks_that_name_no_one() -> None:
    """ "UBND tỉnh vừa có văn bản yêu cầu UBND huyện X …", then a paragraph whose task names no
    one: a news item on a letter or an order to one body files that task under the body, as a
    letter "Kính gửi:" one unit does; a letter to a collective, or a meeting's conclusion, gives
    it no one."""
    letter = (
        "Ngày 3/8, UBND tỉnh Quảng Nam vừa có văn bản yêu cầu UBND huyện Duy Xuyên phối hợp với"
        " Ban Quản lý dự án và các đơn vị liên quan kiểm tra, rà soát và xử lý dứt điểm các vướng"
        " mắc về giải phóng mặt bằng tuyến đường ven biển.\n\nCác tồn tại vướng mắc ngoài thẩm"
        " quyền giải quyết phải báo cáo đề xuất UBND tỉnh trước ngày 15/8/2023 để chỉ đạo xử lý,"
        " không để kéo dài làm ảnh hưởng tiến độ dự án."
    )
    found = directives(letter)
    assert [unit for unit, _, _ in found] == ["UBND huyện Duy Xuyên", "UBND huyện Duy Xuyên"]
    assert found[1][2] == date(2023, 8, 15)
    found = directives(letter.replace("UBND huyện Duy Xuyên", "UBND các huyện, thị xã"))
    assert [unit for unit, _, _ in found] == [None, None]
    found = directives(
        letter.replace(
            "Ngày 3/8, UBND tỉnh Quảng Nam vừa có văn bản yêu cầu",
            "Sáng 3/8/2023, UBND tỉnh Quảng Nam họp giao ban. Kết luận cuộc họp, Chủ tịch UBND"
            " tỉnh yêu cầu",
        )
    )
    assert [unit for unit, _, _ in found] == ["UBND huyện Duy Xuyên", None]


def test_to_hand_over_or_to_allot_land_assigns_no_task() -> None:
    found = directives(
        "Phó Chủ tịch UBND tỉnh Nguyễn Văn An yêu cầu Chủ tịch UBND huyện Tứ Kỳ báo cáo cụ thể"
        " nguyên nhân của những vướng mắc trước ngày 31-5-2013. Chủ trì phối hợp với các sở,"
        " ngành, đơn vị liên quan giải quyết dứt điểm vướng mắc đối với trường hợp hộ ông Trương"
        " Văn Sáng để bàn giao mặt bằng cho chủ đầu tư."
    )
    # "bàn giao" (hand over) is no "giao" (assign): the task is the sentence, from its verb
    assert [text for _, text, _ in found][1].startswith("Chủ trì phối hợp với các sở")
    assert not any(text.startswith("mặt bằng") for _, text, _ in found)
    # a document that "giao" a body its task still assigns it
    letter = directives(
        "UBND tỉnh vừa có văn bản giao Chủ tịch UBND huyện Phù Cát chỉ đạo UBND thị trấn Cát Tiến"
        " khẩn trương rà soát nguồn gốc sử dụng đất của 63 trường hợp."
    )
    assert [unit for unit, _, _ in letter] == ["UBND huyện Phù Cát"]


def test_the_days_an_event_is_held_in_are_no_deadline_of_its_preparation() -> None:
    found = directives(
        LEAD + "huyện chủ trì. Kết luận hội nghị, đồng chí Chủ tịch đề nghị các phòng, ban, đơn"
        " vị, xã chuẩn bị tốt các điều kiện phục vụ kỳ họp HĐND huyện diễn ra trong 2 ngày"
        " 13-14/7."
    )
    assert [due for _, _, due in found] == [None]
    within = directives(
        LEAD + "huyện chủ trì. Kết luận hội nghị, đồng chí Chủ tịch đề nghị Phòng Tài chính hoàn"
        " thành báo cáo trong 2 ngày."
    )
    assert [due for _, _, due in within] == [date(2023, 6, 7)]


def test_a_place_opening_a_shortcoming_after_a_connective_or_a_past_period_is_its_subject() -> None:
    """ "Cụ thể, huyện không kiểm tra …", "Nhiệm kỳ qua, Phan Thiết để xảy ra …", "… thì xã Vĩnh
    Hựu chỉ còn …", "Đến nay, Bình Định liên tục 6 năm chưa …": the place a shortcoming opens on,
    after a connective, a past period or "thì" ("thì" is no "thị": no "thị xã"), is whose it is,
    not the body the lead names; a province never written with its level too."""
    found = limitations(
        "Ngày 3/4/2024, Thanh tra tỉnh công bố kết luận thanh tra việc cho thuê đất tại xã Hòa"
        " Điền, huyện Kiên Lương.\n\nCụ thể, huyện không kiểm tra thực địa trước khi lập hồ sơ"
        " cho thuê đất."
    )
    assert [unit for unit, _ in found] == ["huyện Kiên Lương"]
    found = limitations(
        "Sáng 5/6/2023, Thành ủy Phan Thiết tổ chức hội nghị tổng kết nhiệm kỳ tại thành phố Phan"
        " Thiết.\n\nNhiệm kỳ qua, Phan Thiết để xảy ra tình trạng mất an ninh trật tự, ảnh hưởng"
        " xấu đến uy tín của thành phố."
    )
    assert [unit for unit, _ in found] == ["thành phố Phan Thiết"]
    found = limitations(
        "Sáng 5/6/2023, huyện làm việc về nông thôn mới. Theo phân tích của các ngành thì xã Vĩnh"
        " Hựu chỉ còn 3 tiêu chí chưa đạt."
    )
    assert [unit for unit, _ in found] == ["xã Vĩnh Hựu"]
    found = limitations(
        "Kết luận cuộc họp ngày 5/1/2020, Chủ tịch UBND tỉnh chỉ đạo ngành Thuế tập trung thu ngân"
        " sách. Đến nay, Bình Định liên tục 6 năm chưa hoàn thành dự toán thu ngoài quốc doanh."
    )
    assert [unit for unit, _ in found] == ["tỉnh Bình Định"]


def test_a_body_a_shortcoming_is_judged_by_or_a_collective_naming_a_body_is_no_owner() -> None:
    """ "… được UBND tỉnh đánh giá là tiến độ … chậm": the body that judges is not whose the
    shortcoming is; "Các cơ quan chuyên môn của UBND huyện cũng chưa …": a collective subject,
    whatever body it names; a body named as the shortcoming's own still owns it."""
    lead = "Ngày 10/4/2023, UBND tỉnh họp. Với kết quả giải ngân 535 tỷ đồng, mới đạt 24% kế hoạch"
    found = limitations(
        lead + " vốn, công tác xây dựng cơ bản được UBND tỉnh đánh giá là tiến độ triển khai chậm."
    )
    assert [unit for unit, _ in found] == [None]
    found = limitations(lead + " vốn, công tác xây dựng cơ bản của UBND huyện Tân Phú còn chậm.")
    assert [unit for unit, _ in found] == ["UBND huyện Tân Phú"]
    found = limitations(
        "Ngày 10/4/2023, Thanh tra tỉnh công bố kết luận. Các cơ quan chuyên môn của UBND huyện"
        " cũng chưa nắm vững các quy định của pháp luật về đất đai."
    )
    assert [unit for unit, _ in found] == [None]


def test_a_place_named_like_a_body_and_a_local_word_after_two_places() -> None:
    """ "phường Trung Tâm" is a ward, not "Trung tâm"; "địa phương cần …" where two wards are
    named is the one named last before it, as a bare "phường" is."""
    found = directives(
        "Sáng 5/6/2023, đoàn công tác kiểm tra tại phường Nghĩa Lộ và phường Trung Tâm.\n\nĐoàn đề"
        " nghị phường Trung Tâm tiếp tục hỗ trợ các mô hình kinh tế hiệu quả. Đồng thời, địa"
        " phương cần chú trọng công tác phát triển đảng viên."
    )
    assert [unit for unit, _, _ in found] == ["phường Trung Tâm", "phường Trung Tâm"]


def test_a_body_named_by_its_heads_title_is_written_with_its_place() -> None:
    """ "Chủ tịch UBND phường xử lý …" in an article naming one ward: the ward's People's
    Committee with its name, as "UBND phường" alone is written; and a head after the outlet's
    tag opening the lead ("GD&TĐ - Chủ tịch UBND huyện X bị phê bình …") stands for its body."""
    found = directives(
        "Ngày 13/1/2011, UBND quận Ninh Kiều có công văn giao cho Chủ tịch UBND phường An Khánh xử"
        " lý lấn chiếm rạch. Chủ tịch UBND quận yêu cầu Chủ tịch UBND phường xử lý xong trước ngày"
        " 10/2/2011."
    )
    # the district's letter of the same day gives the ward a task too (a document that asks, as
    # "có văn bản yêu cầu" does): whether it is drafted is the model's call; every task drafted
    # is the ward's, written with its name
    assert found[-1] == (
        "UBND phường An Khánh",
        "Chủ tịch UBND phường xử lý xong trước ngày 10/2/2011",
        date(2011, 2, 10),
    )
    assert {unit for unit, _, _ in found} == {"UBND phường An Khánh"}
    found = limitations(
        "GD&TĐ - Chủ tịch UBND huyện Sơn Động bị phê bình do không kịp thời kiểm tra, thiếu kiên"
        " quyết xử lý vi phạm đất đai."
    )
    assert [unit for unit, _ in found] == ["UBND huyện Sơn Động"]


def test_a_concession_of_what_was_said_before_opens_the_shortcomings() -> None:
    """ "Dù vậy, phường vẫn còn …" opens a turn to what is wrong as "Tuy vậy, …" does: the bare
    level after it is the one ward the text names, and "Dù vậy," is no part of the item."""
    found = limitations(
        "Ngày 1-10, phường Bình Quới tổ chức hội nghị sơ kết công tác 9 tháng đầu năm.\n\n"
        "Dù vậy, phường vẫn còn một số hạn chế như: công tác phát triển Đảng còn thấp, tình hình"
        " nhân sự còn nhiều khó khăn."
    )
    assert found == [
        (
            "phường Bình Quới",
            "công tác phát triển Đảng còn thấp, tình hình nhân sự còn nhiều khó khăn",
        )
    ]


def test_shortcomings_listed_after_the_work_they_are_found_in() -> None:
    """ "những tồn tại hạn chế trong thực hiện nhiệm vụ 6 tháng đầu năm như X; Y": the work they
    are found in stands between the noun and "như"; X and Y are the shortcomings."""
    found = limitations(
        "Kỳ họp HĐND phường Hòa Hương khóa XII. Các đại biểu tham dự kỳ họp cũng đã bàn thảo"
        " những tồn tại hạn chế trong thực hiện nhiệm vụ 6 tháng đầu năm như công tác trật tự đô"
        " thị chưa triển khai quyết liệt, hiệu quả; an ninh trật tự trên địa bàn phường còn tiềm"
        " ẩn nguy cơ phức tạp."
    )
    assert [text for _, text in found] == [
        "công tác trật tự đô thị chưa triển khai quyết liệt, hiệu quả",
        "an ninh trật tự trên địa bàn phường còn tiềm ẩn nguy cơ phức tạp",
    ]


def test_a_merit_conceded_then_nhung_without_a_comma() -> None:
    """ "Qua giám sát, mặc dù phường đã có … nhưng tình trạng … vẫn còn": the shortcoming is what
    follows "nhưng"; a difficulty conceded before merits ("mặc dù còn gặp khó khăn nhưng …") is
    no turn to a shortcoming."""
    found = limitations(
        "HĐND thành phố tái giám sát việc quản lý đô thị tại phường Nguyễn Thị Minh Khai.\n\n"
        "Qua giám sát, mặc dù phường đã có những biện pháp xử lý nhưng tình trạng lấn chiếm vỉa"
        " hè để buôn bán vẫn còn, một số tụ điểm chưa giải quyết dứt điểm."
    )
    assert [text for _, text in found] == [
        "tình trạng lấn chiếm vỉa hè để buôn bán vẫn còn, một số tụ điểm chưa giải quyết dứt điểm"
    ]
    found = limitations(
        "Sáng 5/7/2021, UBND huyện họp. Sáu tháng đầu năm 2021, mặc dù còn gặp khó khăn nhưng với"
        " sự chỉ đạo kịp thời của Huyện ủy; kinh tế xã hội của huyện duy trì ổn định; an sinh xã"
        " hội được thực hiện đầy đủ; nhất là người nghèo, người có hoàn cảnh khó khăn."
    )
    assert found == []


def test_a_sentence_announcing_shortcomings_in_the_next_paragraph_is_none() -> None:
    """ "vẫn còn một số tồn tại, hạn chế, trong đó nổi bật như sau:" then a paragraph of them:
    the announcing sentence is no shortcoming, the sentences after it are."""
    for announce in (" như sau:", " như:", ", trong đó nổi bật như sau:"):
        found = limitations(
            "Sáng 4/10/2019, Thành ủy tổ chức Hội nghị Thành ủy lần thứ 25. Tuy nhiên, bên cạnh"
            " những kết quả đạt được, vẫn còn một số tồn tại, hạn chế"
            + announce
            + "\n\nViệc thực hiện Đề án tái cơ cấu ngành nông nghiệp còn chậm, hiệu quả chưa cao."
            " Tình hình dịch bệnh gia súc, gia cầm còn xảy ra."
        )
        assert [text for _, text in found] == [
            "Việc thực hiện Đề án tái cơ cấu ngành nông nghiệp còn chậm, hiệu quả chưa cao",
            "Tình hình dịch bệnh gia súc, gia cầm còn xảy ra",
        ], announce


def test_the_transport_department_written_with_a_spaced_dash_is_a_unit() -> None:
    """ "Sở Giao thông - Vận tải", as "Sở Kế hoạch - Đầu tư": a department, also before the role
    an apposition gives it ("- Cơ quan Thường trực Ban An toàn giao thông tỉnh")."""
    found = find_raw(
        "Giao Sở Giao thông - Vận tải - Cơ quan Thường trực Ban An toàn giao thông tỉnh kiểm tra,"
        " đôn đốc và tổng hợp kết quả."
    )
    assert found[0].text == "Sở Giao thông - Vận tải"
    assert found[0].role == "unit"


def test_shortcomings_a_body_points_out_listed_after_nhu() -> None:
    """ "Hội đồng NVQS thành phố chỉ ra một số hạn chế trong công tác tuyển quân năm 2019 như X;
    Y": who states them points at the list, as with "đó là": X and Y are the shortcomings."""
    found = limitations(
        "Sáng 5/3/2019, thành phố tổ chức hội nghị rút kinh nghiệm công tác tuyển quân. Tại Hội"
        " nghị, Hội đồng NVQS thành phố chỉ ra một số hạn chế trong công tác tuyển quân năm 2019"
        " như các cấp ngành, mặt trận, đoàn thể chưa phối hợp chặt chẽ trong việc tuyên truyền"
        " Luật NVQS; tổ chức khám sơ tuyển chưa phát hiện triệt để bệnh tật của công dân."
    )
    assert [text for _, text in found] == [
        "các cấp ngành, mặt trận, đoàn thể chưa phối hợp chặt chẽ trong việc tuyên truyền Luật"
        " NVQS",
        "tổ chức khám sơ tuyển chưa phát hiện triệt để bệnh tật của công dân",
    ]


def test_a_steering_committee_bodies_sharing_a_level_and_a_cooperative() -> None:
    """ "Ban Chỉ đạo xã" and "BCĐ xã" are the commune's steering committee; bodies named together
    before the level they share ("Công an, Quân sự xã:", "BCĐ, BQL xã") give the first that
    level and its place; "Hợp tác xã Tam Giang" is a cooperative, not a commune, so "UBND xã"
    is still the one commune the text names."""
    found = directives(
        "Ngày 10/9/2021, Tổ Kiểm tra huyện phối hợp Ban Chỉ đạo xã Hòa Bình Thạnh kiểm tra công"
        " tác phòng chống dịch. Tổ Kiểm tra đề nghị Ban Chỉ đạo xã tiếp tục kiểm tra các cơ sở"
        " kinh doanh."
    )
    assert [unit for unit, _, _ in found] == ["Ban Chỉ đạo xã Hòa Bình Thạnh"]
    found = directives(
        "Sáng 3/10/2025, Đảng ủy xã Tiên Phước họp khẩn về ứng phó bão. Đồng chí Bí thư yêu cầu:"
        "\n1. Công an, Quân sự xã: sẵn sàng lực lượng, phương tiện hỗ trợ cứu hộ, cứu nạn.\n2."
        " BCĐ, BQL xã hàng tuần phải đánh giá xếp loại các tổ công tác."
    )
    assert [unit for unit, _, _ in found] == ["Công an xã Tiên Phước", "BCĐ xã Tiên Phước"]
    # bodies after "trong" or "qua" are where something was (not) done, not who does it
    raw = find_raw("Các xã đều chưa thông qua được trong BCĐ và Ban quản lý xã nên chưa đánh giá.")
    assert [m.text for m in raw] == []
    raw = find_raw("Yêu cầu Giám đốc Hợp tác xã Tam Giang tích cực chỉ đạo triển khai")
    assert [(m.text, m.head) for m in raw] == [("Hợp tác xã Tam Giang", "htx")]
    found = directives(
        "Ngày 5/12/2020, UBND xã Quảng Thái làm việc với Hợp tác xã Tam Giang. Phó Chủ tịch UBND"
        " xã kết luận: báo cáo gửi về UBND xã trước ngày 10/12/2020. Đề nghị UBND xã hỗ trợ Hợp"
        " tác xã hoàn thiện hồ sơ."
    )
    units = [unit for unit, _, _ in found]
    assert "UBND xã Quảng Thái" in units
    assert not {"xã Tam Giang", "UBND xã Tam Giang"} & set(units)


def test_a_capitalised_level_opening_a_sentence_on_a_tasks_verb_is_the_place() -> None:
    """ "Huyện tập trung chỉ đạo …" in a conclusion to one district acts as "Huyện cần …" does: the
    district itself, not its People's Committee carried from the task before; a
    level inside a report ("huyện đã tập trung …") is still no unit."""
    found = directives(
        "Ngày 20/3/2024, Phó Chủ tịch UBND tỉnh làm việc với huyện Tứ Kỳ về giải phóng mặt bằng."
        " Đồng chí yêu cầu Chủ tịch UBND huyện Tứ Kỳ báo cáo cụ thể và đề xuất phương án giải"
        " quyết. Huyện tập trung chỉ đạo Hội đồng GPMB huyện hoàn thành việc lập phương án bồi"
        " thường."
    )
    assert [unit for unit, _, _ in found] == ["UBND huyện Tứ Kỳ", "huyện Tứ Kỳ"]
    raw = find_raw("Năm qua, huyện đã tập trung chỉ đạo sản xuất.")
    assert [m.text for m in raw] == []


def test_the_year_of_a_tet_holiday_is_no_deadline() -> None:
    """ "… trước, trong và sau Đại hội … và Tết Nguyên đán năm 2021": the year names the holiday
    the task is about, as a session's or a congress's year does; "từ nay đến Tết" still dates."""
    found = directives(
        "Sáng 5/1/2021, Đảng ủy xã Tân Lập họp. Đồng chí Bí thư yêu cầu Ban Công an xã tăng cường"
        " tuần tra, bảo đảm an ninh trật tự trong dịp Tết Nguyên đán năm 2021."
    )
    assert [due for _, _, due in found] == [None]


def test_a_share_reached_with_a_word_of_degree_before_low_is_a_shortcoming() -> None:
    """ "các chỉ tiêu … đạt khá thấp so với tiêu chuẩn": a word of degree ("khá", "rất")
    between "đạt" and "thấp" is still a share reached too low, not the merit "đạt khá"."""
    found = limitations(
        "Ngày 3/4/2023, UBND thành phố kiểm tra 4 xã. Qua kiểm tra cho thấy, các chỉ tiêu của 4"
        " xã đạt khá thấp so với tiêu chuẩn thành lập phường."
    )
    assert [text for _, text in found] == [
        "các chỉ tiêu của 4 xã đạt khá thấp so với tiêu chuẩn thành lập phường"
    ]


def test_a_requirement_not_ensured_is_no_request_inside_a_list_of_shortcomings() -> None:
    """ "… chưa bảo đảm yêu cầu" weighs a result against the requirement ("chưa đạt yêu cầu"):
    no one is asked, and the list a body states after "đó là:" goes on through it with its
    unit."""
    found = limitations(
        "Sáng 10/7/2023, Ban Chấp hành Đảng bộ huyện Đức Cơ họp. Ban Chấp hành Đảng bộ huyện thẳng"
        " thắn chỉ rõ những hạn chế trong công tác lãnh đạo 6 tháng đầu năm, đó là: Thu ngân sách"
        " đạt thấp so với dự toán. Tiến độ giải phóng mặt bằng một số dự án chưa bảo đảm yêu cầu;"
        " cải cách hành chính còn chậm."
    )
    assert found == [
        ("Đảng ủy huyện Đức Cơ", "Thu ngân sách đạt thấp so với dự toán"),
        (
            "Đảng ủy huyện Đức Cơ",
            "Tiến độ giải phóng mặt bằng một số dự án chưa bảo đảm yêu cầu",
        ),
        ("Đảng ủy huyện Đức Cơ", "cải cách hành chính còn chậm"),
    ]


def test_a_survey_team_of_a_councils_committee_asks_as_a_supervision_team_does() -> None:
    """ "đoàn khảo sát của Ban Kinh tế - Ngân sách, HĐND tỉnh đề nghị Sở X …": a survey team
    asks as a supervision team does, the comma inside the name of the body it is of."""
    found = directives(
        "Ngày 12/5/2022, đoàn khảo sát làm việc với Sở Tài chính. Tại buổi làm việc, đoàn khảo sát"
        " của Ban Kinh tế - Ngân sách, HĐND tỉnh đề nghị Sở Tài chính kịp thời tham mưu UBND tỉnh"
        " bố trí vốn đối ứng; đồng thời rà soát các khoản chi thường xuyên trong năm 2022."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        ("Sở Tài chính", "Sở Tài chính kịp thời tham mưu UBND tỉnh bố trí vốn đối ứng"),
        ("Sở Tài chính", "rà soát các khoản chi thường xuyên trong năm 2022"),
    ]


def test_a_title_written_after_the_name_without_a_comma_opening_on_pho() -> None:
    """ "Ông Trần Văn Hòa Phó Bí thư Huyện ủy, …": "Phó" opens the title, as "Tổng" does before
    "Bí thư"; it is no part of the name, and the title is read."""
    found = find_persons(
        "Ông Trần Văn Hòa Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì hội nghị."
    )
    assert [(p.name, p.title) for p in found] == [
        ("Trần Văn Hòa", "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện")
    ]


def test_the_year_of_a_tet_written_without_nam_gives_a_year_less_meeting_day_its_year() -> None:
    """ "Sau kỳ nghỉ Tết Kỷ Hợi 2019, sáng nay (11/2), …" with no date on the page: the day
    takes the year the text names (GUIDE.md: the year the text gives the work), here a
    Tết's written without "năm"."""
    draft = extract(
        "Sau kỳ nghỉ Tết Kỷ Hợi 2019, sáng nay (11/2), đoàn kiểm tra công vụ của huyện đến kiểm"
        " tra đột xuất tại UBND xã An Bình. Tuy nhiên, bộ phận một cửa chưa niêm yết thủ tục"
        " hành chính.",
        today=date(2025, 6, 1),
    )
    assert draft.meeting.date == date(2019, 2, 11)


def test_a_file_applying_for_something_asks_no_one() -> None:
    """ "… về việc giải quyết hồ sơ đề nghị cấp giấy chứng nhận …": "đề nghị" after "hồ sơ",
    "đơn", "tờ trình" names what the file applies for; no task is drafted from it."""
    found = directives(
        "Ngày 5/3/2022, Chủ tịch UBND tỉnh ký Công văn số 123/UBND-TH về việc giải quyết hồ sơ đề"
        " nghị cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình. Theo đó, Chủ tịch UBND tỉnh"
        " yêu cầu Sở Tài nguyên và Môi trường giải quyết dứt điểm các hồ sơ tồn đọng."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        (
            "Sở Tài nguyên và Môi trường",
            "Sở Tài nguyên và Môi trường giải quyết dứt điểm các hồ sơ tồn đọng",
        )
    ]


def test_a_semicolon_part_opening_on_an_urging_adverb_goes_on_with_the_request() -> None:
    """ "… yêu cầu UBND huyện X rà soát …; gấp rút bố trí bác sĩ còn thiếu …": a ``;``-part that
    opens on "gấp rút" or "nhanh chóng" (as on "khẩn trương") goes on with the request; what
    it names as lacking is what is asked for, not a shortcoming."""
    text = (
        "Chiều 12/9/2023, Phó Chủ tịch UBND tỉnh kiểm tra công tác y tế tại huyện Ea Súp. Phó Chủ"
        " tịch UBND tỉnh yêu cầu UBND huyện Ea Súp rà soát nhân lực các trạm y tế; gấp rút bố trí"
        " bác sĩ còn thiếu theo quy định để bảo đảm khám chữa bệnh cho nhân dân."
    )
    assert limitations(text) == []
    assert [(unit, text) for unit, text, _ in directives(text)] == [
        ("UBND huyện Ea Súp", "UBND huyện Ea Súp rà soát nhân lực các trạm y tế"),
        (
            "UBND huyện Ea Súp",
            "gấp rút bố trí bác sĩ còn thiếu theo quy định để bảo đảm khám chữa bệnh cho nhân dân",
        ),
    ]


def test_the_fronts_bodies_and_the_mass_organisations_are_units() -> None:
    """The Fatherland Front however written ("Ủy ban MTTQVN xã", "UB MTTQ", "TTMTTQ") is a unit of
    its level and place; its standing board keys as its committee (the annotations write "Ban
    thường trực Ủy ban MTTQVN xã" as "Ủy ban MTTQVN xã X"); a bare "UBMTTQ" is the Front of the
    one place the document names; "… các cấp" is every such body; the organisations beside the
    Front (Hội LHPN, Hội CCB, LĐLĐ) with their level and place."""
    found = directives(
        "Sáng 12/4/2022, UBND xã Tân Lập họp liên tịch. Chủ tịch UBND xã đề nghị Ủy ban MTTQVN xã"
        " phối hợp tổ chức tiếp xúc cử tri; Ban thường trực UB MTTQ xã giám sát việc bình xét hộ"
        " nghèo; Hội LHPN xã vận động hội viên vệ sinh đường làng; Hội CCB xã tham gia giữ gìn"
        " an ninh trật tự."
    )
    assert [unit for unit, _, _ in found] == [
        "Ủy ban MTTQVN xã Tân Lập",
        "Ban thường trực UB MTTQ xã Tân Lập",
        "Hội LHPN xã Tân Lập",
        "Hội CCB xã Tân Lập",
    ]
    assert unit_key("Ban thường trực UB MTTQ xã Tân Lập") == unit_key("Ủy ban MTTQ xã Tân Lập")
    assert unit_key("TTMTTQ xã Tân Lập") == unit_key("Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Lập")
    assert unit_key("Hội Phụ nữ huyện Yên Lạc") == unit_key("Hội LHPN huyện Yên Lạc")
    found = directives(
        "Sáng 2/3/2021, UBND phường Hòa Bình họp. Chủ tịch UBND phường yêu cầu: TTMTTQ, các"
        " đoàn thể tuyên truyền nhân dân tham gia bầu cử; LĐLĐ thành phố Biên Hòa hỗ trợ công"
        " nhân khó khăn."
    )
    assert [unit for unit, _, _ in found] == [
        "TTMTTQ phường Hòa Bình",
        "LĐLĐ thành phố Biên Hòa",
    ]
    found = directives(
        "Sáng 2/3/2021, UBND huyện Tứ Kỳ họp. Chủ tịch UBND huyện yêu cầu Phòng Nội vụ rà soát"
        " bộ máy; MTTQ các cấp tăng cường giám sát; Hội Nông dân các cấp vận động hội viên."
    )
    assert [unit for unit, _, _ in found] == ["Phòng Nội vụ", None, None]


def test_an_ordinal_opens_the_leaders_next_request_and_a_road_safety_board_is_a_unit() -> None:
    """ "Thứ hai, chỉ đạo Văn phòng Ban ATGT tỉnh …" after a task given to another body: the ordinal
    numbers the leader's next request as "Đồng thời, …" would, so "chỉ đạo" is the leader's verb
    and the body after it does the task, not the body before's own directing; a level's
    road-safety board ("Ban ATGT huyện", "Văn phòng Ban chỉ đạo an toàn giao thông tỉnh") is a
    unit."""
    found = directives(
        "Ngày 4/3/2019, Chủ tịch UBND tỉnh Hà Nam ký văn bản chỉ đạo. Thứ nhất, giao Giám đốc Công"
        " an tỉnh chỉ đạo lực lượng cảnh sát giao thông tăng cường tuần tra ban đêm.\n\nThứ hai,"
        " chỉ đạo Văn phòng Ban ATGT tỉnh công khai số điện thoại đường dây nóng.\n\nThứ ba, yêu"
        " cầu Ban An toàn giao thông huyện Kim Bảng tổng hợp kết quả gửi về UBND tỉnh."
    )
    assert [(unit, text.split()[0]) for unit, text, _ in found] == [
        ("Công an tỉnh Hà Nam", "Giám"),
        ("Văn phòng Ban ATGT tỉnh Hà Nam", "Văn"),
        ("Ban An toàn giao thông huyện Kim Bảng", "Ban"),
    ]


def test_a_shortcoming_added_to_the_one_before_is_of_its_unit() -> None:
    found = extract(
        "Ngày 10/3/2024, Ban Thường vụ Tỉnh ủy họp nghe báo cáo tình hình các địa phương.\n"
        "Lãnh đạo xã Tân Phú cho biết hiện xã chưa có cán bộ chuyên trách về môi trường. Cùng"
        " với đó, hệ thống thoát nước ở nhiều tuyến đường xuống cấp, chưa đáp ứng nhu cầu.\n"
        "Cạnh đó, việc thu gom rác thải ở các thôn chưa được thực hiện thường xuyên.\n"
        "Bên cạnh đó, một số hộ kinh doanh chưa chấp hành quy định về vệ sinh môi trường.\n"
        "Lãnh đạo xã Hòa Bình cho biết nguồn thu ngân sách của xã còn thấp."
    ).limitations
    units = {item.text: item.unit for item in found}
    # "Cùng với đó," in its paragraph, "Cạnh đó," in the next: the shortcoming just before's
    assert units["hệ thống thoát nước ở nhiều tuyến đường xuống cấp, chưa đáp ứng nhu cầu"] == (
        "xã Tân Phú"
    )
    assert units["việc thu gom rác thải ở các thôn chưa được thực hiện thường xuyên"] == (
        "xã Tân Phú"
    )
    # a plural subject is one of its own
    assert units["một số hộ kinh doanh chưa chấp hành quy định về vệ sinh môi trường"] is None
    assert units["Lãnh đạo xã Hòa Bình cho biết nguồn thu ngân sách của xã còn thấp"] == (
        "xã Hòa Bình"
    )


def test_a_shortcoming_of_many_places_is_no_one_bodys() -> None:
    found = extract(
        "Ngày 10/3/2024, Ban Thường vụ Tỉnh ủy họp nghe báo cáo công tác đất đai.\n"
        "Tuy nhiên, nhiều địa phương còn tồn đọng số lượng lớn hồ sơ tại Văn phòng Đăng ký đất"
        " đai, Phòng Tài nguyên và Môi trường huyện Tân Phú."
    ).limitations
    assert [(item.unit, item.text[:40]) for item in found] == [
        (None, "nhiều địa phương còn tồn đọng số lượng l")
    ]


def test_a_numbered_ward_is_named_with_its_district() -> None:
    found = directives(
        "Ngày 6-6-2024, đoàn công tác của Thành ủy do đồng chí Nguyễn Thị Thu Hà, Phó Bí thư Thành"
        " ủy dẫn đầu đã làm việc với Đảng ủy phường 12 quận Tân Bình về công tác xây dựng Đảng."
        " Đồng chí Nguyễn Thị Thu Hà yêu cầu Đảng bộ phường đầu tư nhiều hơn nữa cho công tác xây"
        " dựng Đảng."
    )
    assert [unit for unit, _, _ in found] == ["Đảng ủy phường 12 quận Tân Bình"]
    # a named ward keeps its own name: the district after it is where it is
    named = directives(
        "Ngày 6-6-2024, đoàn công tác của Thành ủy làm việc với Đảng ủy phường Tân Định quận 1."
        " Đồng chí Phó Bí thư Thành ủy yêu cầu Đảng bộ phường tăng cường công tác xây dựng Đảng."
    )
    assert [unit for unit, _, _ in named] == ["Đảng ủy phường Tân Định"]


def test_the_councils_of_levels_listed_bare_are_no_one_body() -> None:
    """ "HĐND xã, thị trấn còn những hạn chế như: …": every commune's and town's council, none
    named; "UBND huyện, thành phố" the same (not "UBND tỉnh, huyện")."""
    found = limitations(
        "Sáng 5/6/2023, Thường trực HĐND huyện tổ chức hội nghị giao ban với HĐND các xã. Theo đó,"
        " bên cạnh những kết quả đạt được, HĐND xã, thị trấn còn những hạn chế như: Việc chuẩn bị"
        " nội dung các kỳ họp HĐND còn bị động; Chưa tổ chức đối thoại với nhân dân."
    )
    assert found == [
        (None, "Việc chuẩn bị nội dung các kỳ họp HĐND còn bị động"),
        (None, "Chưa tổ chức đối thoại với nhân dân"),
    ]
    tasks = directives(
        "Sáng 5/6/2023, UBND tỉnh họp. Chủ tịch UBND tỉnh yêu cầu UBND huyện, thành phố khẩn"
        " trương rà soát các công trình xây dựng trái phép."
    )
    assert [unit for unit, _, _ in tasks] == [None]
    # the heads of every ward are no one's, not the body of the task before
    heads = directives(
        "Ngày 5/3/2024, Chủ tịch UBND Thành phố chủ trì hội nghị. Chủ tịch UBND Thành phố yêu cầu:"
        " Chủ tịch UBND quận Gò Vấp tiếp tục chỉ đạo rà soát hồ sơ đất đai. Chủ tịch UBND các"
        " phường chịu trách nhiệm triển khai các giải pháp tuyên truyền."
    )
    assert [unit for unit, _, _ in heads] == ["UBND quận Gò Vấp", None]


def test_an_ellipsis_glued_to_the_next_sentence_ends_it() -> None:
    found = limitations(
        "Ngày 3/11/2022, UBND tỉnh ban hành văn bản. UBND tỉnh cho biết đã tổ chức nhiều cuộc họp"
        " tháo gỡ khó khăn và ban hành nhiều văn bản đôn đốc, chỉ đạo thực hiện…Tuy nhiên, đến nay"
        " các huyện chưa trình hồ sơ phê duyệt quy hoạch sử dụng đất."
    )
    assert [text for _, text in found] == [
        "đến nay các huyện chưa trình hồ sơ phê duyệt quy hoạch sử dụng đất"
    ]


def test_no_incident_recorded_is_no_shortcoming() -> None:
    found = limitations(
        "Sáng 20/1/2026, đoàn kiểm tra liên ngành làm việc tại xã Yên Lạc.\nThời gian qua, Ban"
        " Chỉ đạo an toàn thực phẩm (ATTP) xã Yên Lạc đã xây dựng kế hoạch, triển khai hiệu quả"
        " công tác tuyên truyền, phòng ngừa ngộ độc thực phẩm, do đó chưa ghi nhận vụ ngộ độc nào"
        " xảy ra. Tuy nhiên, do lực lượng cán bộ mỏng so với quy mô địa bàn quản lý, xã gặp nhiều"
        " khó khăn trong công tác quản lý nhà nước về ATTP."
    )
    assert [text[:40] for _, text in found] == ["do lực lượng cán bộ mỏng so với quy mô đ"]


def test_a_place_that_proposes_gives_no_task() -> None:
    found = directives(
        "Sáng 20/1/2026, Đoàn kiểm tra liên ngành công tác an toàn thực phẩm số 3 gồm đại diện các"
        " Sở: Công thương, Nông nghiệp và Môi trường, Y tế, Công an tỉnh đã có kiểm tra và làm việc"
        " tại xã Yên Lạc.\nĐại diện lãnh đạo xã Yên Lạc báo cáo với đoàn công tác.\nThời gian qua,"
        " xã đã triển khai công tác tuyên truyền. Tuy nhiên, do lực lượng cán bộ mỏng, xã gặp nhiều"
        " khó khăn trong công tác quản lý nhà nước về ATTP, đặc biệt trong dịp cao điểm cuối năm.\n"
        "Tại buổi làm việc, xã kiến nghị Ban Chỉ đạo ATTP tỉnh quan tâm, chỉ đạo cơ quan chuyên môn"
        " tăng cường hướng dẫn nghiệp vụ quản lý, tổ chức các lớp tập huấn cho cán bộ, người bán"
        " hàng, bếp ăn trường học trên địa bàn xã quản lý, nhằm nâng cao kiến thức, kỹ năng trong"
        " công tác đảm bảo ATTP.\nĐoàn kiểm tra liên ngành đề nghị xã siết chặt quản lý hồ sơ và"
        " quy trình nghiệp vụ."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        ("xã Yên Lạc", "xã siết chặt quản lý hồ sơ và quy trình nghiệp vụ")
    ]


def test_a_shortcoming_stated_in_a_lead_in_with_its_instances_listed_is_one() -> None:
    """A lead-in that states a shortcoming itself ("… chưa có ý thức … như:", "… nên chưa xác
    định được … là:") and lists its instances after the colon is one limitation, the lead-in with
    its list, whose unit is none of the bodies the list names; a lead-in that only announces
    ("còn một số hạn chế như:") or a list whose first entry judges on its own is split."""
    found = limitations(
        "Sáng 12/3/2024, UBND huyện họp kiểm tra công tác vệ sinh môi trường. Tuy nhiên, qua kiểm"
        " tra cho thấy tại một số thôn người dân chưa có ý thức giữ gìn vệ sinh như: vứt rác"
        " thải sinh hoạt ra bờ kênh, thậm chí đổ xuống lòng kênh; nhiều điểm tập kết rác không"
        " đúng quy định."
    )
    assert found == [
        (
            None,
            "tại một số thôn người dân chưa có ý thức giữ gìn vệ sinh như: vứt rác thải sinh hoạt"
            " ra bờ kênh, thậm chí đổ xuống lòng kênh; nhiều điểm tập kết rác không đúng quy định",
        )
    ]
    named = limitations(
        "Sáng 12/3/2024, Huyện ủy họp bàn công tác đại hội. Tuy nhiên, có 2 đơn vị gặp khó khăn"
        " nên chưa xác định được lịch đại hội là: Đảng bộ xã Tân Lập, Đảng bộ Bệnh viện huyện."
    )
    assert [unit for unit, _ in named] == [None]
    assert named[0][1].endswith("là: Đảng bộ xã Tân Lập, Đảng bộ Bệnh viện huyện")
    judged = limitations(
        "Sáng 12/3/2024, UBND huyện họp. Tuy nhiên, qua khảo sát, các kiến nghị của cử tri chưa"
        " được xử lý dứt điểm như: rác thải tại các tụ điểm còn tồn đọng; nhiều hộ lấn chiếm"
        " lề đường chưa được xử lý."
    )
    assert [text for _, text in judged] == [
        "rác thải tại các tụ điểm còn tồn đọng",
        "nhiều hộ lấn chiếm lề đường chưa được xử lý",
    ]


def test_a_conclusion_of_an_inspection_and_a_working_team_give_way_to_the_request() -> None:
    """ "Kết luận buổi kiểm tra," concludes a meeting as "Kết luận hội nghị," does, and "đoàn
    công tác đề nghị" is the team asking, not the noun "công tác": the task opens on the body
    asked, its unit."""
    found = directives(
        "Sáng 12/3/2024, Ban Tổ chức Tỉnh ủy kiểm tra mô hình kinh tế tại phường Trung Tâm. Kết"
        " luận buổi kiểm tra, đoàn công tác đề nghị phường Trung Tâm tiếp tục quan tâm, hỗ trợ"
        " các mô hình kinh tế hiệu quả."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        (
            "phường Trung Tâm",
            "phường Trung Tâm tiếp tục quan tâm, hỗ trợ các mô hình kinh tế hiệu quả",
        )
    ]


def test_a_shortcoming_of_people_counted_by_a_share_is_no_bodys() -> None:
    """ "tại chợ X có một số hộ mua bán chưa chấp hành …", "một bộ phận nhỏ tiểu thương …":
    what households, traders or residents do is no body's shortcoming, not the session's one
    unit's; a shortcoming of the work ("việc thu gom rác …") and reservoirs ("hồ chứa") still
    are."""
    found = limitations(
        "Sáng 12/3/2024, Thường trực HĐND huyện làm việc với UBND xã Tân Phú về công tác phòng"
        " chống dịch. Qua kiểm tra thực tế, tại chợ Tân Phú có một số hộ mua bán chưa chấp hành"
        " nghiêm các biện pháp phòng chống dịch. Bên cạnh đó, một bộ phận nhỏ tiểu thương và"
        " người dân đã không chấp hành việc bỏ rác thải đúng quy định. Tuy nhiên, việc thu gom"
        " rác thải ở các thôn chưa được thực hiện thường xuyên. Ngoài ra, một số hồ chứa nước đã"
        " xuống cấp nghiêm trọng."
    )
    assert found == [
        (
            None,
            "Qua kiểm tra thực tế, tại chợ Tân Phú có một số hộ mua bán chưa chấp hành nghiêm các"
            " biện pháp phòng chống dịch",
        ),
        (
            None,
            "một bộ phận nhỏ tiểu thương và người dân đã không chấp hành việc bỏ rác thải đúng quy"
            " định",
        ),
        ("UBND xã Tân Phú", "việc thu gom rác thải ở các thôn chưa được thực hiện thường xuyên"),
        ("UBND xã Tân Phú", "một số hồ chứa nước đã xuống cấp nghiêm trọng"),
    ]


def test_a_collective_subject_after_a_fronted_time_is_no_bodys() -> None:
    """ "Đến thời điểm này, 2 xã …": the time fronted before a collective subject leaves it one,
    no one body's, not the session's one unit's; "Hiện nay, việc …" still is."""
    found = limitations(
        "Sáng 12/3/2024, Thường trực HĐND huyện làm việc với UBND thị xã Cai Lậy về xây dựng nông"
        " thôn mới. Đến thời điểm này, 2 xã đã đạt 18/19 tiêu chí nhưng đều chưa hoàn thành tiêu"
        " chí trường học do các công trình chậm khởi công. Hiện nay, việc thu gom rác thải ở các"
        " thôn chưa được thực hiện thường xuyên."
    )
    assert found == [
        (
            None,
            "Đến thời điểm này, 2 xã đã đạt 18/19 tiêu chí nhưng đều chưa hoàn thành tiêu chí"
            " trường học do các công trình chậm khởi công",
        ),
        (
            "UBND thị xã Cai Lậy",
            "Hiện nay, việc thu gom rác thải ở các thôn chưa được thực hiện thường xuyên",
        ),
    ]


def test_what_a_session_will_pass_is_its_agenda_not_tasks() -> None:
    """ "Kỳ họp sẽ thông qua nhiều nội dung báo cáo, tờ trình …, như: A; B; C": the reports the
    session will take up, listed after the meeting as the subject of "thông qua", are no tasks,
    even where a date ahead opened the leader's speech."""
    found = directives(
        "Chiều 17/7/2025, Thường trực HĐND xã Tân Hà tổ chức hội nghị liên tịch thống nhất nội"
        " dung kỳ họp thường lệ giữa năm 2025 của HĐND xã.\nTheo dự kiến, kỳ họp thường lệ giữa"
        " năm 2025 HĐND xã diễn ra trong 1 ngày vào 28/7/2025, theo hình thức họp tập trung. Kỳ"
        " họp sẽ thông qua nhiều nội dung báo cáo, tờ trình quan trọng trong thực hiện nhiệm vụ 6"
        " tháng đầu năm, phương hướng giải pháp 6 tháng cuối năm 2025, như: báo cáo thực hiện"
        " nhiệm vụ kế hoạch phát triển kinh tế - xã hội; kết quả công tác tiếp công dân, giải"
        " quyết đơn thư khiếu nại tố cáo của công dân; tờ trình về việc chuyển đổi thôn, khu dân"
        " cư mới hình thành sau sắp xếp đơn vị hành chính cấp xã."
    )
    assert found == []


def test_a_fault_placed_at_many_bodies_is_no_one_bodys() -> None:
    """A shortcoming placed "tại một số cơ quan, đơn vị, địa phương" is theirs, not the body
    whose direction they fail to follow; "nhiệm vụ UBND tỉnh chỉ đạo" names the tasks that body
    gave (its "chỉ đạo" asks nothing), and the `;`-parts after them name no unit either."""
    found = limitations(
        "Qua thời gian theo dõi, đánh giá cho thấy việc chấp hành sự chỉ đạo, điều hành của UBND"
        " tỉnh tại một số cơ quan, đơn vị, địa phương chưa nghiêm; nhiều nhiệm vụ UBND tỉnh chỉ"
        " đạo, triển khai chưa được các cơ quan, đơn vị, địa phương thực hiện đúng tiến độ; tình"
        " trạng kỷ luật, kỷ cương hành chính còn chậm chuyển biến."
    )
    assert found == [
        (
            None,
            "Qua thời gian theo dõi, đánh giá cho thấy việc chấp hành sự chỉ đạo, điều hành của"
            " UBND tỉnh tại một số cơ quan, đơn vị, địa phương chưa nghiêm",
        ),
        (
            None,
            "nhiều nhiệm vụ UBND tỉnh chỉ đạo, triển khai chưa được các cơ quan, đơn vị, địa"
            " phương thực hiện đúng tiến độ",
        ),
        (None, "tình trạng kỷ luật, kỷ cương hành chính còn chậm chuyển biến"),
    ]
    # a body whose own work the clause opens on keeps it, wherever that work is done
    own = limitations(
        "Công tác lãnh đạo, chỉ đạo của các Đoàn công tác tại một số tổ chức cơ sở Đảng, nhất là"
        " tại khối doanh nghiệp thực hiện công tác xây dựng Đảng chưa thật sự hiệu quả."
    )
    assert [unit for unit, _ in own] == ["Đoàn công tác"]


def test_a_request_not_met_by_now_is_a_shortcoming_not_a_task() -> None:
    """ "… đề nghị khởi công 1/3 nhưng đến nay, các đơn vị vẫn chưa có báo cáo": a contrast with
    no comma before "đến nay" states what is still undone; the request made before is no task."""
    text = (
        "Sở Xây dựng vẫn chậm\n\nÔng Nguyễn Văn Hùng đề nghị khởi công 1/3 nhưng đến nay, các đơn"
        " vị vẫn chưa có báo cáo, khiến nhiều dự án chậm tiến độ."
    )
    assert directives(text) == []
    assert [unit for unit, _ in limitations(text)] == [None]
    assert "vẫn chưa có báo cáo" in limitations(text)[0][1]


def test_the_task_of_a_condition_keeps_its_condition() -> None:
    """ "nếu … thì nên chấn chỉnh": "nên" after "thì" is "should", not "so", and the task keeps
    the condition it is given under."""
    found = directives(
        "Sáng 5/3/2024, đồng chí Nguyễn Văn An, Chủ tịch UBND huyện làm việc với xã Tân Lộc. Chủ"
        " tịch UBND huyện yêu cầu xã Tân Lộc cần chú trọng lựa chọn đội ngũ cán bộ thôn. Ngược"
        " lại nếu đội ngũ cán bộ thiếu tâm huyết, không làm được việc thì nên chấn chỉnh, hoặc"
        " thay thế nếu cần."
    )
    assert [text for _, text, _ in found][1].endswith(
        "nếu đội ngũ cán bộ thiếu tâm huyết, không làm được việc thì nên chấn chỉnh, hoặc thay"
        " thế nếu cần"
    )


def test_who_went_along_is_given_no_task() -> None:
    """ "Cùng đi có đồng chí X, Trưởng phòng …; lãnh đạo Văn phòng UBND huyện": who went with
    the leader, as "Tham dự có …" lists who attended; no `;`-part of it is a task."""
    found = directives(
        "Đồng chí Chủ tịch UBND huyện kiểm tra, chỉ đạo ứng phó với mưa, lũ tại xã Xuân Thái.\n"
        "Trước tình hình diễn biến phức tạp của thời tiết, chiều 27/9/2023 đồng chí Đặng Văn"
        " Dũng, Chủ tịch UBND huyện trực tiếp đi cơ sở chỉ đạo phòng, chống mưa lũ tại xã Xuân"
        " Thái. Cùng đi có đồng chí Lương Văn Sỹ, Trưởng phòng NN&PTNT huyện; lãnh đạo Văn phòng"
        " UBND huyện.\nQua kiểm tra thực tế, đồng chí Chủ tịch UBND huyện yêu cầu: Phòng NN&PTNT"
        " huyện cần tiếp tục chủ động ứng phó với mưa lũ trong những ngày tới; tiến hành sơ tán"
        " Nhân dân ra khỏi vùng nguy hiểm."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        (
            "Phòng NN&PTNT huyện",
            "Phòng NN&PTNT huyện cần tiếp tục chủ động ứng phó với mưa lũ trong những ngày tới",
        ),
        ("Phòng NN&PTNT huyện", "tiến hành sơ tán Nhân dân ra khỏi vùng nguy hiểm"),
    ]


def test_a_document_and_a_checking_team_ask_as_a_leader_does() -> None:
    """A document that opens the sentence ("Công văn cũng yêu cầu …") orders for the body that
    issued it, and a team named "tổ kiểm tra" or "tổ công tác" asks as "đoàn kiểm tra" does: the
    request opens the speech, its task is the rules' own, its unit the body asked."""
    document = directives(
        "Ngày 10/5/2023, UBND huyện Ia Grai có Công văn số 512/UBND-NV về việc chấn chỉnh kỷ luật,"
        " kỷ cương hành chính. Công văn cũng yêu cầu Phòng Nội vụ huyện tổ chức đoàn kiểm tra việc"
        " chấp hành giờ giấc làm việc tại các cơ quan, đơn vị."
    )
    assert [(unit, text) for unit, text, _ in document] == [
        (
            "Phòng Nội vụ huyện Ia Grai",
            "Phòng Nội vụ huyện tổ chức đoàn kiểm tra việc chấp hành giờ giấc làm việc tại các cơ"
            " quan, đơn vị",
        )
    ]
    checking = directives(
        "Sáng 5/6/2023, tổ kiểm tra công vụ huyện làm việc tại xã Tân Lộc. Tổ kiểm tra công vụ"
        " huyện đề nghị lãnh đạo UBND xã Tân Lộc có kế hoạch chấn chỉnh lại đội ngũ cán bộ, công"
        " chức."
    )
    assert [(unit, text) for unit, text, _ in checking] == [
        (
            "UBND xã Tân Lộc",
            "lãnh đạo UBND xã Tân Lộc có kế hoạch chấn chỉnh lại đội ngũ cán bộ, công chức",
        )
    ]
    working = directives(
        "Sáng 5/6/2023, tổ công tác của UBND tỉnh kiểm tra tại huyện Phú Lương. Tổ công tác đề nghị"
        " UBND huyện Phú Lương đẩy nhanh tiến độ giải ngân vốn đầu tư công."
    )
    assert [(unit, text) for unit, text, _ in working] == [
        ("UBND huyện Phú Lương", "UBND huyện Phú Lương đẩy nhanh tiến độ giải ngân vốn đầu tư công")
    ]


def test_a_shortcoming_worded_in_its_family_not_in_the_read_articles_words() -> None:
    """A judgement worded as no read article words it weighs as its family does ("còn ít",
    "diễn biến phức tạp", "tăng thấp": few, harm, low), and a merit or a figure falling where
    falling is the aim holds no family that judges and stays out."""
    from dirtrack.extract.folding import lower_aligned
    from dirtrack.extract.items import shortcoming_families

    lead = "Sáng 12/3/2024, UBND huyện Tân Phú tổ chức hội nghị đánh giá tình hình quý I.\n"
    for sentence, text in (
        (
            "Mặt khác, doanh nghiệp trên địa bàn huyện còn ít, quy mô nhỏ.",
            "doanh nghiệp trên địa bàn huyện còn ít, quy mô nhỏ",
        ),
        (
            "Tình hình dịch sốt xuất huyết trên địa bàn đang diễn biến phức tạp.",
            "Tình hình dịch sốt xuất huyết trên địa bàn đang diễn biến phức tạp",
        ),
        (
            "Giá trị sản xuất công nghiệp tăng thấp, ảnh hưởng đến tốc độ tăng trưởng chung.",
            "Giá trị sản xuất công nghiệp tăng thấp, ảnh hưởng đến tốc độ tăng trưởng chung",
        ),
    ):
        assert [x for _, x in limitations(lead + sentence)] == [text]
    for merit in (
        "Tỷ lệ hộ nghèo toàn huyện giảm còn 5,2%, các chỉ tiêu đều đạt kế hoạch.",
        "Công tác tuyên truyền được triển khai đồng bộ, kịp thời.",
    ):
        assert limitations(lead + merit) == []
    # the families read with their tones: "thu thập", "giám sát", "ít nhất" are none of them
    assert shortcoming_families(lower_aligned("giải ngân lại quá thấp so với dự kiến")) == [
        "fam:low",
        "fam:rate",
    ]
    assert shortcoming_families(lower_aligned("thu thập, giám sát ít nhất hai lần")) == []
    assert shortcoming_families(lower_aligned("huyện không kiểm tra thực địa, còn chậm")) == [
        "fam:slow",
        "fam:still",
        "fam:undone",
        "fams:2+",
    ]


def test_a_work_judged_in_the_words_of_a_shortcoming_is_one_by_rule() -> None:
    """A field of work, an activity or a measure of one judged to fall short ("công tác X còn
    chậm", "việc Y chưa đạt", "tỷ lệ Z còn thấp", "tiến độ … chậm so với kế hoạch") is a
    shortcoming with no contrast before it, whatever its other words; not the lead-in of a list
    nor a task, and a work done well holds no judgement."""
    lead = "Chiều 20/9/2024, UBND huyện Krông Búk họp đánh giá tình hình kinh tế - xã hội.\n"
    for sentence, text in (
        (
            "Công tác quản lý nhà nước về khoáng sản còn lỏng lẻo.",
            "Công tác quản lý nhà nước về khoáng sản còn lỏng lẻo",
        ),
        (
            "Công tác thu hồi nợ đọng thuế đất phi nông nghiệp còn chậm.",
            "Công tác thu hồi nợ đọng thuế đất phi nông nghiệp còn chậm",
        ),
        (
            "Việc số hóa hồ sơ hộ tịch chưa đạt kế hoạch đề ra.",
            "Việc số hóa hồ sơ hộ tịch chưa đạt kế hoạch đề ra",
        ),
        (
            "Hiện nay, tỷ lệ hồ sơ nộp trực tuyến toàn trình còn thấp.",
            "Hiện nay, tỷ lệ hồ sơ nộp trực tuyến toàn trình còn thấp",
        ),
        (
            "Tiến độ thi công cầu dân sinh thôn 3 chậm so với kế hoạch.",
            "Tiến độ thi công cầu dân sinh thôn 3 chậm so với kế hoạch",
        ),
    ):
        assert [x for _, x in limitations(lead + sentence)] == [text]
    for other in (
        "Công tác tiếp công dân được triển khai đồng bộ, kịp thời.",
        "Việc số hóa hồ sơ hộ tịch cần khẩn trương, không để chậm tiến độ.",
        "Kết quả khảo sát cho thấy người dân đồng tình với chủ trương của huyện.",
    ):
        assert limitations(lead + other) == []


def test_what_an_inspection_found_behind_its_frame_is_a_shortcoming_by_rule() -> None:
    """An inspection's, a supervision's or a verification's frame ("Kết quả kiểm tra cho thấy
    …", "Quá trình xác minh cho thấy, …", "Đoàn kiểm tra … xác nhận …", "Qua giám sát, Đoàn
    nhận thấy …") marks what follows as a finding: a shortcoming when a negative word or a
    family's judges it, drafted without the frame; a finding of work done well is none."""
    lead = "Chiều 12/6/2024, UBND huyện Krông Ana họp nghe báo cáo kết quả thanh tra.\n"
    for sentence, text in (
        (
            "Quá trình xác minh cho thấy, UBND xã Ea Bông giao đất cho 12 hộ không đúng đối tượng.",
            "UBND xã Ea Bông giao đất cho 12 hộ không đúng đối tượng",
        ),
        (
            "Kết quả kiểm tra cho thấy trong năm 2023, Ban quản lý chợ Buôn Trấp buông lỏng"
            " quản lý thu phí.",
            "trong năm 2023, Ban quản lý chợ Buôn Trấp buông lỏng quản lý thu phí",
        ),
        (
            "Đoàn kiểm tra liên ngành xác nhận trong giờ hành chính, bộ phận một cửa của xã"
            " Quảng Điền không có người trực.",
            "trong giờ hành chính, bộ phận một cửa của xã Quảng Điền không có người trực",
        ),
        (
            "Qua giám sát, Đoàn nhận thấy Phòng Giáo dục và Đào tạo huyện chưa kịp thời tham"
            " mưu sắp xếp trường lớp.",
            "Phòng Giáo dục và Đào tạo huyện chưa kịp thời tham mưu sắp xếp trường lớp",
        ),
    ):
        assert [x for _, x in limitations(lead + sentence)] == [text]
    for other in (
        "Đoàn kiểm tra nhận thấy UBND xã Dray Sáp thực hiện đúng quy định về tiếp công dân.",
        "Kết quả kiểm tra cho thấy các hồ sơ đều được lưu trữ đầy đủ, đúng quy định.",
        "Thanh tra đánh giá cao sự phối hợp của UBND xã Quảng Điền trong quá trình thanh tra.",
    ):
        assert limitations(lead + other) == []


def test_a_document_that_directs_is_no_steering_board() -> None:
    """ "văn bản chỉ đạo" folds to the letters of "Ban Chỉ đạo": after "văn" it is a document a
    body issues to direct, its verb the order ("UBND tỉnh vừa có văn bản chỉ đạo các sở …"), and
    the steering board's own name still reports ("Ban Chỉ đạo tỉnh vừa tổ chức …")."""
    collective = directives(
        "Ngày 15/3/2023, UBND tỉnh Ninh Thuận vừa có văn bản chỉ đạo các sở, ngành và UBND các"
        " huyện tiếp tục triển khai nghiêm túc các biện pháp phòng chống hạn hán."
    )
    assert [(unit, text) for unit, text, _ in collective] == [
        (
            None,
            "các sở, ngành và UBND các huyện tiếp tục triển khai nghiêm túc các biện pháp phòng"
            " chống hạn hán",
        )
    ]
    signed = directives(
        "Ngày 4/7/2019, Chủ tịch UBND tỉnh ký ban hành văn bản chỉ đạo Sở Y tế tăng cường kiểm tra"
        " an toàn thực phẩm tại các bếp ăn tập thể."
    )
    assert [(unit, text) for unit, text, _ in signed] == [
        ("Sở Y tế", "Sở Y tế tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể")
    ]
    board = "Ngày 20/3/2023, Ban Chỉ đạo tỉnh vừa tổ chức hội nghị sơ kết công tác phòng dịch."
    assert directives(board) == []


def test_a_body_asked_in_the_passive_is_the_unit_of_its_task() -> None:
    """ "UBND phường X được yêu cầu theo dõi …", "Sở Tài chính được đề nghị tham mưu …": the body
    the clause opens on is asked, whoever asks, and the clause with its subject is the task; a
    count of what a body was assigned ("được giao thực hiện 861 nhiệm vụ", "được giao chỉ tiêu")
    reports."""
    lead = "Ngày 20/9/2025, UBND tỉnh Đồng Tháp kiểm tra tình hình sạt lở bờ sông Tiền.\n"
    asked = directives(
        lead + "Theo đó, UBND phường Mỹ Trà được yêu cầu theo dõi sát diễn biến sạt lở, cắm biển"
        " cảnh báo."
    )
    assert [(unit, text) for unit, text, _ in asked] == [
        (
            "UBND phường Mỹ Trà",
            "UBND phường Mỹ Trà được yêu cầu theo dõi sát diễn biến sạt lở, cắm biển cảnh báo",
        )
    ]
    proposed = directives(lead + "Sở Tài chính được đề nghị tham mưu nguồn kinh phí khắc phục.")
    assert [(unit, text) for unit, text, _ in proposed] == [
        ("Sở Tài chính", "Sở Tài chính được đề nghị tham mưu nguồn kinh phí khắc phục")
    ]
    for report in (
        "Từ đầu năm đến nay, UBND huyện Tháp Mười được giao thực hiện 861 nhiệm vụ, trong đó có"
        " 310 nhiệm vụ có thời hạn.",
        "Năm 2023, UBND huyện Tháp Mười được giao chỉ tiêu thu ngân sách trên 500 tỷ đồng.",
    ):
        assert directives(lead + report) == []


def test_a_list_given_to_a_body_to_carry_out_is_its_tasks() -> None:
    """ "… gợi mở một số nội dung để HND huyện tiếp tục triển khai thực hiện: A; B; C": the list
    is of the body's tasks, each entry one; "HND" is the farmers' union, "HND từ huyện đến cơ sở"
    every level of it (no one unit), and the entries after it go back to the body given the list
    (named in full where the text names it so)."""
    found = directives(
        "Chiều 12/7/2023, Hội Nông dân huyện Phong Điền tổ chức hội nghị sơ kết 6 tháng đầu năm."
        "\nPhát biểu chỉ đạo tại Hội nghị, đồng chí Lê Văn Hòa - Phó Chủ tịch HND tỉnh đánh giá"
        " cao những kết quả đạt được, đồng thời gợi mở một số nội dung để HND huyện tiếp tục"
        " triển khai thực hiện: HND từ huyện đến cơ sở tích cực vận động hội viên phát triển sản"
        " xuất, ứng dụng khoa học kỹ thuật; tiếp tục tuyên truyền phòng, chống dịch tả lợn Châu"
        " Phi; tuyên truyền, tổ chức triển khai Nghị quyết Đại hội Hội Nông dân các cấp."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        (
            None,
            "HND từ huyện đến cơ sở tích cực vận động hội viên phát triển sản xuất, ứng dụng khoa"
            " học kỹ thuật",
        ),
        ("HND huyện Phong Điền", "tiếp tục tuyên truyền phòng, chống dịch tả lợn Châu Phi"),
        (
            "HND huyện Phong Điền",
            "tuyên truyền, tổ chức triển khai Nghị quyết Đại hội Hội Nông dân các cấp",
        ),
    ]


def test_a_checking_team_of_a_city_written_short_asks() -> None:
    """ "Đoàn kiểm tra số 2 TP. Đà Nẵng yêu cầu quận Hải Châu …; cần …; nhà trường cần …": the
    level's full stop is no sentence's end, the team asks as any checking team does, and the
    school named as the subject of its own part is no unit."""
    found = directives(
        "Kiểm tra công tác bảo đảm an toàn thực phẩm bếp ăn bán trú\n10/11/2021, 20:05\nĐoàn kiểm"
        " tra số 2 TP. Đà Nẵng yêu cầu quận Hải Châu tăng cường kiểm soát chặt chẽ nguồn gốc thực"
        " phẩm đầu vào tại các trường; cần nêu cao vai trò người đứng đầu nhà trường trong bảo"
        " đảm an toàn thực phẩm; nhà trường cần kiểm tra tại chỗ và truy xuất nguồn gốc nơi cung"
        " cấp."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        (
            "quận Hải Châu",
            "quận Hải Châu tăng cường kiểm soát chặt chẽ nguồn gốc thực phẩm đầu vào tại các"
            " trường",
        ),
        (
            "quận Hải Châu",
            "cần nêu cao vai trò người đứng đầu nhà trường trong bảo đảm an toàn thực phẩm",
        ),
        (None, "nhà trường cần kiểm tra tại chỗ và truy xuất nguồn gốc nơi cung cấp"),
    ]


def test_a_headline_the_page_repeats_among_its_paragraphs_is_no_paragraph() -> None:
    """A line that repeats the headline word for word is the page's (a caption, a list's title),
    however long: not read as the body, so not as a task of the body it names."""
    headline = "Ủy ban nhân dân huyện họp bàn đẩy nhanh làm đường và thu ngân sách"
    text = (
        f"{headline}\n12/05/2018 10:15\nSáng ngày 11.5, đồng chí Trần Văn Bình chủ tịch UBND huyện"
        " đã chủ trì cuộc họp bàn đẩy nhanh phong trào làm đường bê tông và thu ngân sách năm 2018."
        " Đồng chí Lê Văn Tâm, Phó Bí thư thường trực Huyện ủy dự và phát biểu chỉ đạo."
        f"\n{headline}\n{headline}\n\n{headline}\n\nSau hơn một tháng ra quân, toàn huyện mới chỉ"
        " làm được 1,5 km đường bê tông xi măng."
    )
    kinds = [b.kind for b in clean(text) if b.text == headline]
    assert kinds == ["header", "caption", "caption", "caption"]
    assert all(d.text != headline for d in extract(text).directives)


def test_many_things_judged_then_their_instances_are_one_shortcoming() -> None:
    """ "Nhiều khoản thu đạt thấp như: A, B, C": the lead-in judges, its list names the instances:
    one limitation with its list, and the list no task; "còn 3 tiêu chí chưa đạt gồm: …" (what
    stands, listed by name) stays as it was read."""
    text = (
        LEAD + "huyện chủ trì.\nĐồng chí Chủ tịch UBND huyện phát biểu chỉ đạo.\nVề thu ngân sách,"
        " 3 tháng đầu năm toàn huyện thu 10 tỷ đồng, bằng 15% kế hoạch. Nhiều khoản thu đạt thấp"
        " như: thu tiền sử dụng đất, thuê đất, thu phí và lệ phí."
    )
    assert limitations(text) == [
        (None, "Nhiều khoản thu đạt thấp như: thu tiền sử dụng đất, thuê đất, thu phí và lệ phí")
    ]
    assert extract(text).directives == ()


def test_what_a_concession_was_done_well_by_is_not_the_shortcomings_subject() -> None:
    """ "…, dù TP đã chỉ đạo quyết liệt nhưng còn diễn biến phức tạp do …": the shortcoming is what
    follows the contrast ("còn diễn biến phức tạp" still worsening), not the sentence from its
    frame, whose concession names who did well."""
    found = limitations(
        "Liên quan đến các công trình xây dựng trái phép trên đất rừng, Chủ tịch UBND tỉnh Trần"
        " Văn An cho biết, dù tỉnh đã chỉ đạo quyết liệt nhưng còn diễn biến phức tạp do một số"
        " hộ tự ý san lấp; để xảy ra vi phạm là do buông lỏng quản lý ở cơ sở."
    )
    assert [text for _, text in found] == [
        "còn diễn biến phức tạp do một số hộ tự ý san lấp",
        "để xảy ra vi phạm là do buông lỏng quản lý ở cơ sở",
    ]


def test_instances_closed_by_an_ellipsis_stay_in_their_sentence() -> None:
    """ "Các dự án như: Cầu A, Chung cư B,… đang gặp khó khăn": the ellipsis before a lower-case
    word ends no sentence, and the colon after "như" opens examples inside the clause."""
    sentence = (
        "Các dự án trọng điểm của tỉnh như: Cầu Văn Lâm, Chung cư sông Dinh,… đang gặp một số"
        " khó khăn, vướng mắc."
    )
    assert split_sentences(sentence + " Nguyên nhân do giá đất chưa thống nhất.") == [
        sentence,
        "Nguyên nhân do giá đất chưa thống nhất.",
    ]
    assert [c.text for c in split_clauses(sentence)] == [sentence]
    assert split_sentences("Có 2.416 lượt xem… Xong") == ["Có 2.416 lượt xem…", "Xong"]


def test_what_the_delegates_did_is_no_task() -> None:
    """ "Các đại biểu đã trao đổi …; làm rõ …, đề xuất …": the parts after the first go on with what
    the delegates did at the meeting, no task; the request after it is."""
    found = directives(
        "Thường trực HĐND huyện đã tổ chức Hội nghị giao ban với Thường trực HĐND các xã, thị"
        " trấn. Các đại biểu đã trao đổi cách làm hay và chia sẻ khó khăn, vướng mắc trong công"
        " tác giám sát; làm rõ những khó khăn, vướng mắc trong tổ chức thực hiện các hoạt động"
        " của HĐND, đề xuất các giải pháp để nâng cao hơn nữa hiệu quả hoạt động. Thường trực"
        " HĐND huyện đề nghị các Ban HĐND 2 cấp rà soát kỹ lưỡng các nghị quyết đã ban hành."
    )
    assert [text for _, text, _ in found] == [
        "các Ban HĐND 2 cấp rà soát kỹ lưỡng các nghị quyết đã ban hành"
    ]


def test_a_question_sessions_own_conduct_is_no_task() -> None:
    """What a question session will question, how the delegates ask and how those questioned
    answer ("đề nghị các vị đại biểu … để phiên chất vấn thực sự trở thành diễn đàn …", "Các đại
    biểu đặt câu hỏi …", "Người trả lời chất vấn cần …") is done at the session: no task; a
    delegate's duty to answer the voters outside it is one."""
    session = directives(
        "Sôi nổi phiên chất vấn nhóm vấn đề thuộc lĩnh vực giáo dục\n09:12 12/07/2019\n\n"
        "Bước sang ngày làm việc thứ 2 (12/7), kỳ họp thứ 5 HĐND tỉnh khóa XVII đã nghe báo cáo"
        " và tiến hành phiên chất vấn & trả lời chất vấn đối với các nhóm vấn đề mà đại biểu và"
        " cử tri quan tâm.\n\nPhát biểu chỉ đạo phiên chất vấn, Chủ tịch HĐND tỉnh Trần Văn Nam"
        " cho biết tại kỳ họp này sẽ tiến hành chất vấn trực tiếp 3 nhóm vấn đề về: nông nghiệp"
        " và phát triển nông thôn, giáo dục và đào tạo, y tế. Đồng chí đề nghị các vị đại biểu"
        " HĐND tỉnh phải nêu cao tinh thần trách nhiệm, dân chủ để phiên chất vấn thực sự trở"
        " thành diễn đàn của đại biểu HĐND tỉnh; thể hiện rõ vai trò, trách nhiệm trước cử tri và"
        " nhân dân, không né tránh, thẳng thắn chất vấn. Các đại biểu đặt câu hỏi tập trung vào"
        " các nhóm vấn đề đã lựa chọn; nêu câu hỏi ngắn gọn, đi thẳng vào nội dung cần hỏi."
        " Người trả lời chất vấn cần đi thẳng vào nội dung câu hỏi, đồng thời nêu rõ nguyên nhân,"
        " trách nhiệm và giải pháp khắc phục trong thời gian tới."
    )
    assert session == []
    outside = directives(
        LEAD + "huyện chủ trì. Chủ tịch UBND huyện đề nghị đại biểu HĐND xã phải nắm rõ các chủ"
        " trương, chính sách của địa phương để trả lời chất vấn trước cử tri."
    )
    assert [text for _, text, _ in outside] == [
        "đại biểu HĐND xã phải nắm rõ các chủ trương, chính sách của địa phương để trả lời chất"
        " vấn trước cử tri"
    ]


def test_a_task_drawn_as_a_consequence_starts_at_its_modal() -> None:
    """ "Đồng chí nhấn mạnh, hiện nay công tác … đang bước vào giai đoạn nước rút, vì vậy cần tập
    trung …": the situation the task is drawn from is no part of it."""
    found = directives(
        "Sáng 12/3, Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình kiểm tra công tác chuẩn bị bầu cử tại"
        " xã Tân Lập. Đồng chí nhấn mạnh, hiện nay công tác chuẩn bị cho ngày bầu cử đang bước vào"
        " giai đoạn nước rút, vì vậy cần tập trung cao độ để hoàn thành các khâu còn lại."
    )
    assert [text for _, text, _ in found] == ["cần tập trung cao độ để hoàn thành các khâu còn lại"]


def test_a_member_stationed_to_direct_and_what_bodies_report_are_no_requests() -> None:
    """ "phân công thành viên đứng điểm chỉ đạo, nhất là …" is one task, not a request whose
    task is what follows "chỉ đạo"; the district's own meeting after a fronted time ("Buổi chiều
    14.9, Ban Chỉ huy … họp khẩn cấp …") and what a report says was done ("Theo Ban …, huyện đã
    tổ chức …") are no tasks."""
    found = directives(
        "Khắp nơi chủ động chống bão\n\nSáng ngày 14.9, Phó Chủ tịch UBND tỉnh Lê Văn An kiểm"
        " tra tình hình ứng phó với bão số 3 tại huyện Tân Lạc.\n\nĐi kiểm tra tại khu neo đậu"
        " tàu thuyền trưa 14.9, Phó Chủ tịch UBND tỉnh Lê Văn An đề nghị huyện Tân Lạc tăng cường"
        " công tác ứng phó với bão số 3; phân công thành viên đứng điểm chỉ đạo, nhất là các vùng"
        " ven biển ven sông; di dời dân ra khỏi vùng nguy hiểm, nghiêm cấm tàu bè ra khơi. Buổi"
        " chiều 14.9, Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện Tân Lạc họp"
        " khẩn cấp tiếp tục triển khai các biện pháp ứng phó với bão số 3.\n\n* Theo Ban Phòng"
        " chống bão lụt và tìm kiếm cứu nạn (PCBL và TKCN) huyện Mai Châu, huyện đã tổ chức đi"
        " kiểm tra công tác phòng chống bão số 3 trên địa bàn huyện vào sáng nay."
    )
    assert [(unit, text) for unit, text, _ in found] == [
        ("huyện Tân Lạc", "huyện Tân Lạc tăng cường công tác ứng phó với bão số 3"),
        (
            "huyện Tân Lạc",
            "phân công thành viên đứng điểm chỉ đạo, nhất là các vùng ven biển ven sông",
        ),
        ("huyện Tân Lạc", "di dời dân ra khỏi vùng nguy hiểm, nghiêm cấm tàu bè ra khơi"),
    ]


def test_what_a_body_found_or_reprimanded_is_not_its_shortcoming() -> None:
    """ "…, Sở Nội vụ phát hiện một số đơn vị … vi phạm …": the finding starts after the frame,
    and the many bodies found at fault are no one unit; "Đoàn đã nhắc nhở một số đơn vị vi phạm
    như: …": the team that reprimands is not whose the shortcoming is."""
    found = extract(
        "Trước đó, qua các đợt kiểm tra việc thực hiện Chỉ thị 17 trong toàn tỉnh, Sở Nội vụ phát"
        " hiện một số đơn vị thuộc huyện Tân Lạc, huyện Mai Châu vi phạm quy định về giờ làm việc"
        " hành chính; 12 cơ quan cấp tỉnh vi phạm trong sử dụng xe công."
    ).limitations
    assert [(item.unit, item.text) for item in found] == [
        (
            None,
            "một số đơn vị thuộc huyện Tân Lạc, huyện Mai Châu vi phạm quy định về giờ làm việc"
            " hành chính",
        ),
        (None, "12 cơ quan cấp tỉnh vi phạm trong sử dụng xe công"),
    ]
    reprimanded = extract(
        "Phòng nội vụ huyện Tân Lạc kiểm tra kỷ luật hành chính tại các xã\n\nSáng ngày 26/2,"
        " phòng nội vụ đã tổ chức đoàn kiểm tra tại các xã Phong Phú, Mỹ Hòa và Quy Hậu.\n\nĐoàn"
        " đã nhắc nhở một số đơn vị vi phạm như: vắng không có lý do hoặc trang phục chưa đảm"
        " bảo."
    ).limitations
    assert [item.unit for item in reprimanded] == [None]


def test_a_merit_conceded_to_many_gives_their_shortcoming_no_body() -> None:
    """ "mặc dù các xã điểm … của tỉnh X đã có nhiều nỗ lực …, tuy nhiên do nhiều nguyên nhân nên
    việc Y còn chậm": the shortcoming starts after its unnamed causes, and the province that owns
    the many communes is not its subject."""
    found = extract(
        "Từ đầu năm đến nay, mặc dù các xã điểm xây dựng nông thôn mới của tỉnh Hòa Bình đã có"
        " nhiều nỗ lực trong việc vận động nhân dân, tuy nhiên do nhiều nguyên nhân nên việc"
        " triển khai thực hiện tiêu chí giao thông còn chậm so với kế hoạch đề ra."
    ).limitations
    assert [(item.unit, item.text) for item in found] == [
        (None, "việc triển khai thực hiện tiêu chí giao thông còn chậm so với kế hoạch đề ra")
    ]


def test_a_team_sent_to_supervise_one_body_holds_a_working_session() -> None:
    """ "Thường trực HĐND huyện tổ chức đoàn giám sát đối với UBND huyện về việc …": a
    supervision of one body, not the council's session the petitions were raised before."""
    draft = extract(
        "(BTNO) -\nChiều 13.11, Thường trực HĐND huyện Tân Lạc tổ chức đoàn giám sát đối với UBND"
        " huyện về việc giải quyết ý kiến, kiến nghị của cử tri trước và sau kỳ họp thứ 7, HĐND"
        " huyện (khóa XI) nhiệm kỳ 2016-2021.\nĐoàn do ông Trần Văn Lên – Phó Chủ tịch Thường trực"
        " HĐND huyện làm trưởng đoàn."
    )
    assert draft.meeting.kind == "working-session"


def test_what_the_voters_petitions_were_about_is_no_shortcoming() -> None:
    """ "Nội dung các kiến nghị tập trung chủ yếu liên quan đến A; B; sửa chữa, khắc phục hư hỏng,
    xuống cấp một số tuyến đường": the petitions' topics; the shortcoming the supervision finds
    after them is one."""
    found = extract(
        "Chiều 13.11, Thường trực HĐND huyện Tân Lạc tổ chức đoàn giám sát đối với UBND huyện về"
        " việc giải quyết ý kiến, kiến nghị của cử tri.\nNội dung các kiến nghị tập trung chủ yếu"
        " liên quan đến quản lý nhà nước về chuyển mục đích sử dụng đất; đầu tư lắp đặt hệ thống"
        " tín hiệu giao thông; đặt lại biển tên đường, cống thoát nước và sửa chữa, khắc phục hư"
        " hỏng, xuống cấp một số tuyến đường...\nTại buổi giám sát, lãnh đạo UBND huyện đã giải"
        " trình, đồng thời tiếp thu ý kiến của các đại biểu về một số nội dung có kết quả giải"
        " quyết các kiến nghị của cử tri còn chậm, kéo dài, chưa thỏa mãn nguyện vọng của người"
        " dân."
    ).limitations
    assert len(found) == 1
    assert "còn chậm, kéo dài" in found[0].text


def test_a_difficulty_met_is_no_duty() -> None:
    """ "phải" after a verb of meeting with something ("gặp phải", "mắc phải") is no modal: "…
    còn thấp … là một trong những khó khăn mà ngành y tế huyện đang gặp phải" states a shortcoming,
    not a task."""
    text = (
        "Chiều 3/4/2024, Ban Văn hóa - Xã hội HĐND tỉnh giám sát tại huyện Đức Cơ.\n"
        "Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng đầy đủ còn thấp (mới đạt 71%) là một trong"
        " những khó khăn mà ngành y tế huyện Đức Cơ đang gặp phải."
    )
    found = limitations(text)
    assert len(found) == 1
    assert found[0][1].startswith("Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng đầy đủ còn thấp")
    assert directives(text) == []


def test_a_shortcoming_and_a_request_joined_by_a_comma_are_two_items() -> None:
    """A sentence whose comma-joined parts are of two kinds gives one item of each: the request
    and then, after ", tuy nhiên,", what stands against it; or the shortcoming and then the
    request after ", đề nghị" (of whoever judged it)."""
    after = (
        "UBND tỉnh Bình Phước yêu cầu đến ngày 15-4 các huyện phải hoàn thành việc rà soát hộ"
        " nghèo, tuy nhiên, đến thời điểm này vẫn còn nhiều vướng mắc."
    )
    assert [text for _, text in limitations(after)] == ["đến thời điểm này vẫn còn nhiều vướng mắc"]
    before = (
        "Ngày 9-5, Phó Chủ tịch UBND tỉnh kiểm tra các công trình giao thông tại huyện Tân Uyên.\n"
        "Một số công trình chậm tiến độ do thiếu vật liệu, đề nghị UBND huyện kiên quyết xử lý"
        " các nhà thầu vi phạm hợp đồng."
    )
    assert [text for _, text in limitations(before)] == [
        "Một số công trình chậm tiến độ do thiếu vật liệu"
    ]
    assert [text for _, text, _ in directives(before)] == [
        "UBND huyện kiên quyết xử lý các nhà thầu vi phạm hợp đồng"
    ]


def test_worse_still_after_a_shortcoming_is_one_too() -> None:
    """ "Thậm chí …" after a shortcoming says it is worse still: in the words of a shortcoming's
    family ("kéo dài", "chậm") it is one too, its text without "Thậm chí"."""
    found = limitations(
        "Huyện Tuy Phước được giao làm chủ đầu tư nhiều dự án giao thông. Tuy nhiên, nhiều dự án"
        " đang gặp khó khăn, chậm tiến độ. Thậm chí có công trình kéo dài nhiều năm nhưng vẫn dở"
        " dang."
    )
    assert [text for _, text in found][-1] == "có công trình kéo dài nhiều năm nhưng vẫn dở dang"


def test_who_chaired_the_meeting_is_no_task() -> None:
    """ "Ngày 8-2, Phó Chủ tịch UBND tỉnh X chủ trì hội nghị triển khai, đôn đốc …" says who
    chaired the meeting and what it was for, as "tổ chức hội nghị" does: no task."""
    found = directives(
        "UBND tỉnh Phú Thọ yêu cầu đến ngày 20-6 các huyện phải hoàn tất việc khảo sát hiện trạng"
        " trường học, báo cáo tỉnh làm cơ sở xây dựng đề án. Ngày 12-5, Phó Chủ tịch UBND tỉnh"
        " Lê Văn Thành chủ trì hội nghị triển khai, đôn đốc các địa phương thực hiện yêu cầu trên."
    )
    assert [text for _, text, _ in found] == [
        "đến ngày 20-6 các huyện phải hoàn tất việc khảo sát hiện trạng trường học, báo cáo tỉnh"
        " làm cơ sở xây dựng đề án"
    ]


def test_a_district_committee_that_just_asked_its_offices_gives_tasks() -> None:
    """ "UBND huyện X vừa yêu cầu phòng, ban chuyên môn và UBND các xã …" is the news of a request
    just made (as "vừa chỉ đạo các cơ quan …"), not a report of what the body did: its task."""
    found = directives(
        "Trước diễn biến phức tạp của dịch bệnh, UBND huyện Ba Vì vừa yêu cầu phòng, ban chuyên"
        " môn và UBND các xã tăng cường kiểm tra, giám sát dịch bệnh trên đàn gia súc."
    )
    assert [text for _, text, _ in found] == [
        "phòng, ban chuyên môn và UBND các xã tăng cường kiểm tra, giám sát dịch bệnh trên đàn"
        " gia súc"
    ]


def test_a_duty_said_to_be_undone_is_a_shortcoming_of_no_informant() -> None:
    """ "… phải xử lý dứt điểm nhưng chưa được xử lý": a duty the clause says is not done is a
    shortcoming, not a task; "Theo thông tin từ UBND tỉnh X," names who gave the news, neither
    the shortcoming's subject nor part of its text."""
    text = (
        "Theo thông tin từ UBND tỉnh Nam Định, tính đến thời điểm hiện tại toàn tỉnh còn 25/61"
        " trường hợp vi phạm pháp luật về đê điều phải xử lý dứt điểm nhưng chưa được xử lý."
    )
    assert directives(text) == []
    assert limitations(text) == [
        (
            None,
            "tính đến thời điểm hiện tại toàn tỉnh còn 25/61 trường hợp vi phạm pháp luật về đê"
            " điều phải xử lý dứt điểm nhưng chưa được xử lý",
        )
    ]


def test_what_a_check_found_done_well_is_listed_as_no_tasks() -> None:
    """ "Qua kiểm tra cho thấy … đã có nhiều cố gắng … như: Có phương án …, bố trí kinh phí …":
    the list after a lead-in on the efforts shown is of what was done well, no task each; the
    shortcoming after it is one."""
    text = (
        "Qua công tác kiểm tra cho thấy Ban chỉ đạo các cấp và chủ trang trại đã có nhiều cố gắng"
        " và ngày càng quan tâm hơn trong công tác phòng chống dịch như: Có phương án phòng dịch"
        " phù hợp với điều kiện thực tiễn, bố trí kinh phí, trang bị vật tư tiêu độc theo quy"
        " định, bố trí lực lượng thường trực sẵn sàng đáp ứng yêu cầu theo phương châm 04 tại"
        " chỗ. Tuy nhiên, còn có một số xã chưa kiểm tra các hộ chăn nuôi nhỏ lẻ."
    )
    assert directives(text) == []
    assert [text for _, text in limitations(text)] == [
        "còn có một số xã chưa kiểm tra các hộ chăn nuôi nhỏ lẻ"
    ]


def test_a_conclusion_named_with_its_kind_is_no_part_of_the_finding() -> None:
    """ "Theo kết luận thanh tra (của …), X chưa …": the conclusion's frame, named with its kind
    and its author, is cut from the shortcoming, and the body that states it is not its unit."""
    lead = "Chiều 12/6/2024, UBND huyện Krông Ana họp nghe báo cáo kết quả thanh tra.\n"
    for frame in ("Theo kết luận thanh tra, ", "Theo kết luận kiểm tra của Thanh tra huyện, "):
        found = limitations(
            lead + frame + "UBND xã Ea Bông chưa công khai danh sách các hộ được giao đất."
        )
        assert found == [
            ("UBND xã Ea Bông", "UBND xã Ea Bông chưa công khai danh sách các hộ được giao đất")
        ]


def test_a_merit_denied_is_a_shortcoming() -> None:
    """ "X không xử lý kịp thời …" after an inspection's frame: "kịp thời" denied by "không" is no
    merit, and the finding is kept; a merit stated ("được sửa chữa kịp thời", "chữa" no "chưa")
    stays none."""
    lead = "Chiều 12/6/2024, UBND huyện Krông Ana họp nghe báo cáo kết quả thanh tra.\n"
    found = limitations(
        lead + "Thanh tra cũng chỉ rõ, UBND xã Ea Bông không xử lý kịp thời các trường hợp lấn"
        " chiếm đất công."
    )
    assert found == [
        (
            "UBND xã Ea Bông",
            "UBND xã Ea Bông không xử lý kịp thời các trường hợp lấn chiếm đất công",
        )
    ]
    assert limitations(lead + "Đoàn kiểm tra đánh giá, các tuyến đê được sửa chữa kịp thời.") == []


def test_a_body_of_a_level_written_as_one_letter_is_asked_in_the_passive() -> None:
    """ "UBND P.Cao Lãnh được yêu cầu …": a ward (precinct, district) written as one letter and
    its stop after the body is the body of that place, asked in the passive, and it is the same
    unit as the ward written in full."""
    found = directives(
        "Chiều 20/9/2025, UBND tỉnh Đồng Tháp họp về tình hình sạt lở bờ sông Tiền. Theo đó, UBND"
        " P.Mỹ Trà được yêu cầu theo dõi sát diễn biến sạt lở, cắm biển cảnh báo."
    )
    assert found == [
        (
            "UBND P.Mỹ Trà",
            "UBND P.Mỹ Trà được yêu cầu theo dõi sát diễn biến sạt lở, cắm biển cảnh báo",
            None,
        )
    ]
    assert unit_key("UBND P.Mỹ Trà") == unit_key("UBND phường Mỹ Trà")
    assert unit_key("UBND Q. Bình Thạnh") == unit_key("Ủy ban nhân dân quận Bình Thạnh")


def test_heads_of_places_named_after_several_levels_are_led_by_the_first() -> None:
    """ "chủ tịch UBND các huyện, thành phố A, B, C" criticised: the places named after the
    levels are led by the first, of the first level ("UBND huyện A"), not the collective and
    not "thành phố A"; levels with no names after them stay a collective."""
    found = limitations(
        "Ngày 13/3, UBND tỉnh Quảng Nam ban hành thông báo phê bình chủ tịch UBND các huyện,"
        " thành phố Núi Thành, Phú Ninh, Tam Kỳ không chấp hành dự họp theo giấy mời."
    )
    assert found == [
        (
            "UBND huyện Núi Thành",
            "chủ tịch UBND các huyện, thành phố Núi Thành, Phú Ninh, Tam Kỳ không chấp hành dự"
            " họp theo giấy mời",
        )
    ]
    assert [(m.text, m.role) for m in find_raw("UBND các huyện, thị xã, thành phố tăng cường")] == [
        ("UBND các huyện", "collective")
    ]
    # every district and the one city, then another body: no places listed after the levels
    assert [
        (m.text, m.role)
        for m in find_raw("Chủ tịch UBND các huyện, thành phố Gia Nghĩa, Giám đốc Sở Tài chính")
    ][:2] == [("UBND các huyện", "collective"), ("thành phố Gia Nghĩa", "unit")]


def test_a_task_whose_words_ask_one_body_is_that_bodys() -> None:
    """A task read whole from a sentence that asks one body, the body after the request verb or
    before "phải" at a clause's start, and that no subject leads: the body asked is its unit (a
    district written bare included)."""
    framed = directives(
        "Ngày 3/10/2023, Thanh tra tỉnh công bố kết luận về việc san lấp đất nông nghiệp trái"
        " phép. Theo Thanh tra tỉnh, sau khi khôi phục hiện trạng, UBND xã Tân Phú phải có biện"
        " pháp quản lý chặt chẽ, không để tái phạm."
    )
    assert [unit for unit, _, _ in framed] == ["UBND xã Tân Phú"]
    bare = directives(
        "Chiều 8/8/2024, đoàn công tác của UBND tỉnh kiểm tra tiến độ xây dựng trường học tại"
        " huyện Tân Hưng. Tuy nhiên, có 7 công trình đạt khối lượng dưới 50%, đề nghị huyện đôn"
        " đốc nhà thầu tăng nhân lực."
    )
    assert bare == [
        (
            "huyện Tân Hưng",
            "có 7 công trình đạt khối lượng dưới 50%, đề nghị huyện đôn đốc nhà thầu tăng nhân lực",
            None,
        )
    ]


def test_a_work_listed_after_a_lead_in_that_asks_one_body_is_that_bodys() -> None:
    """ "đề nghị UBND huyện X cần quan tâm đến một số vấn đề: Công tác …": the entry names a work,
    no doer; the body the lead-in asks is its unit. A count after the place ("giao UBND huyện X
    124 nhiệm vụ") is no part of its name."""
    found = directives(
        "Sáng 9/3/2024, UBND tỉnh làm việc với huyện Tân Hưng. Năm 2023, UBND tỉnh giao UBND"
        " huyện Tân Hưng 124 nhiệm vụ. Phó Chủ tịch UBND tỉnh đề nghị UBND huyện Tân Hưng cần"
        " quan tâm đến một số vấn đề: Công tác thu ngân sách và giải ngân vốn đầu tư công, tiến"
        " độ các công trình trọng điểm."
    )
    assert found == [
        (
            "UBND huyện Tân Hưng",
            "Công tác thu ngân sách và giải ngân vốn đầu tư công, tiến độ các công trình trọng"
            " điểm",
            None,
        )
    ]


def test_a_chairman_who_heads_a_command_board_stands_for_the_peoples_committee() -> None:
    """ "Chủ tịch, Trưởng ban chỉ huy PCTT và TKCN huyện X": the chairman of the district's
    People's Committee, who heads its command board too: the task is UBND huyện X's."""
    found = directives(
        "Ngày 2/11/2023, UBND tỉnh công bố tình huống khẩn cấp sạt lở bờ sông. Chủ tịch UBND tỉnh"
        " giao Chủ tịch, Trưởng ban chỉ huy PCTT và TKCN huyện Tân Hưng huy động lực lượng di dời"
        " các hộ dân khỏi vùng nguy hiểm."
    )
    assert [unit for unit, _, _ in found] == ["UBND huyện Tân Hưng"]


def test_a_shortcoming_of_some_bodies_of_a_kind_is_no_one_bodys() -> None:
    """ "một số Hạt Kiểm lâm chưa …": some of many bodies of one kind, none of them named, so no
    unit, not the kind written as if it were one body."""
    found = limitations(
        "Ngày 14/3/2024, Chi cục Kiểm lâm tỉnh tổ chức hội nghị tổng kết công tác bảo vệ rừng. Tuy"
        " nhiên, một số Hạt Kiểm lâm chưa kiểm tra, hướng dẫn các hộ nhận khoán ghi sổ theo dõi"
        " công tác phòng cháy rừng."
    )
    assert found == [
        (
            None,
            "một số Hạt Kiểm lâm chưa kiểm tra, hướng dẫn các hộ nhận khoán ghi sổ theo dõi công"
            " tác phòng cháy rừng",
        )
    ]


def test_households_asked_are_no_unit_not_the_session_partners() -> None:
    """ "các hộ dân phải …" at a working session with one commune: people, no unit, neither the
    commune's nor the body asked before (GUIDE.md: roles and people are not units)."""
    found = directives(
        "Sáng 10/6/2024, Phó Chủ tịch UBND huyện làm việc với UBND xã Tân Phú về công tác phòng"
        " chống ngập úng. Phó Chủ tịch UBND huyện yêu cầu xã khơi thông kênh mương trước mùa"
        " mưa. Đồng thời, các hộ dân phải chủ động tháo nước ra mương chung, không đổ rác xuống"
        " cống."
    )
    assert found == [
        ("xã Tân Phú", "xã khơi thông kênh mương trước mùa mưa", None),
        (
            None,
            "các hộ dân phải chủ động tháo nước ra mương chung, không đổ rác xuống cống",
            None,
        ),
    ]


def test_a_collective_that_must_act_goes_on_with_the_leaders_tasks() -> None:
    """ "Trước mắt, các cơ quan, đơn vị cần tập trung …" in the paragraph after the leader's
    requests opens on every unit that must act (its modal after the bodies listed), so the
    leader's tasks go on in it, and "Cùng với đó, …; đồng thời …" after it are tasks too."""
    found = directives(
        "Ngày 9-1, Đảng ủy phường Tân Lập tổ chức hội nghị tổng kết năm 2025.\n\n"
        "Phát biểu tại hội nghị, đồng chí Lê Văn Tâm, Bí thư Đảng ủy phường yêu cầu mỗi cán bộ,"
        " đảng viên tiếp tục đoàn kết, phát huy dân chủ.\n\n"
        "Trước mắt, các cơ quan, đơn vị cần tập trung chuẩn bị chu đáo công tác bầu cử. Cùng với"
        " đó, đẩy mạnh các phong trào thi đua chào mừng Đại hội Đảng; đồng thời tập trung chăm lo"
        " cho người dân dịp Tết Nguyên đán."
    )
    texts = [text for _, text, _ in found]
    assert "các cơ quan, đơn vị cần tập trung chuẩn bị chu đáo công tác bầu cử" in texts
    assert "tập trung chăm lo cho người dân dịp Tết Nguyên đán" in texts


def test_a_teams_wish_that_a_body_act_is_a_request() -> None:
    """ "đoàn kiểm tra mong muốn (trong thời gian tới,) Ban chấp hành Hội … lồng ghép …; duy trì
    …": a team's wish that a body act asks it; a wish of the people or to contribute is none."""
    found = directives(
        "Sáng 12/10/2015, Đoàn công tác Hội Liên hiệp Phụ nữ tỉnh kiểm tra công tác Hội tại xã"
        " Bằng Lãng. Đồng thời, đoàn kiểm tra mong muốn trong thời gian tới, Ban chấp hành Hội Phụ"
        " nữ xã lồng ghép các chương trình trọng tâm của Hội vào tình hình thực tế của địa"
        " phương; duy trì và nhân rộng các mô hình có hiệu quả."
    )
    assert [text for _, text, _ in found][-1] == "duy trì và nhân rộng các mô hình có hiệu quả"
    assert (
        directives(
            "Sáng 12/10/2015, Công an huyện tổ chức hội nghị. Phó trưởng Công an huyện mong muốn"
            " nhân dân có nhiều ý kiến đóng góp cho lực lượng công an."
        )
        == []
    )


def test_what_one_was_to_attend_for_is_no_request() -> None:
    """ "… không cử phó chủ tịch dự thay để tiếp thu việc … và chỉ đạo triển khai thực hiện":
    "chỉ đạo" after a purpose's verb is what the absent heads were to do, no request, so the
    fault is kept; "Chủ tịch các địa phương này" (the heads of many places) is no one body's,
    whatever body the sentence names after it."""
    found = limitations(
        "Chủ tịch các địa phương này đã không chấp hành dự họp theo giấy mời của UBND tỉnh Quảng"
        " Ngãi, nhưng không có báo cáo, hoặc không cử phó chủ tịch dự thay để tiếp thu việc xây"
        " dựng bảng giá đất và chỉ đạo triển khai thực hiện."
    )
    assert [(unit, text.split(",")[0]) for unit, text in found] == [
        (
            None,
            "Chủ tịch các địa phương này đã không chấp hành dự họp theo giấy mời của UBND tỉnh"
            " Quảng Ngãi",
        )
    ]


def test_a_meeting_day_without_its_year_is_before_the_work_it_sets_due() -> None:
    """ "Ngày 22-11, …" with no year, in a text whose work is due "đến ngày 31-3-2024": the
    meeting is before the day its work is due, 2023, and the task's end of the year is 2023's."""
    draft = extract(
        "Ngày 22-11, đồng chí Lê Văn Hòa, Chủ tịch UBND tỉnh Lai Châu đã đi kiểm tra tiến độ dự"
        " án trọng điểm. Tại đây, Chủ tịch UBND tỉnh yêu cầu chủ đầu tư tập trung nhân lực đẩy"
        " nhanh tiến độ thi công, bảo đảm đến ngày 31-3-2024 phải hoàn thành dự án.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2023, 11, 22)


def test_a_body_named_with_many_others_owns_no_shortcoming_alone() -> None:
    """ "UBND tỉnh X, các sở, ngành, UBND cấp huyện còn một số hạn chế …": the first body named
    with many others is not the shortcoming's unit (theirs together: none)."""
    found = limitations(
        "UBND tỉnh Cà Mau, các sở, ngành, UBND cấp huyện chưa kiểm tra, xử lý kịp thời các vi"
        " phạm về đất đai."
    )
    assert found == [
        (
            None,
            "UBND tỉnh Cà Mau, các sở, ngành, UBND cấp huyện chưa kiểm tra, xử lý kịp thời các vi"
            " phạm về đất đai",
        )
    ]


def test_a_quoted_motto_and_a_condition_are_no_shortcomings() -> None:
    """The words of a motto quoted after "theo tinh thần:" ("… khởi công những nhà chưa khởi
    công") judge nothing, after a shortcoming as anywhere; "nếu có khó khăn, vướng mắc," before a
    request is a condition, no shortcoming, and the request after it is still a task."""
    found = limitations(
        "Hiện nay, vẫn còn số lượng lớn nhà tạm, nhà dột nát trên địa bàn tỉnh. Tỉnh Lào Cai đã"
        " chỉ đạo các địa phương thực hiện Chương trình theo tinh thần: “Hoàn thành những nhà đã"
        " khởi công, khởi công những nhà chưa khởi công” theo thời gian cụ thể."
    )
    assert found == [
        (None, "Hiện nay, vẫn còn số lượng lớn nhà tạm, nhà dột nát trên địa bàn tỉnh")
    ]
    text = (
        "Ngày 2/11/2023, Chủ tịch UBND tỉnh Lai Châu kiểm tra dự án đường nội thị. Trong quá"
        " trình thi công, nếu có khó khăn, vướng mắc, yêu cầu chủ đầu tư kịp thời tổng hợp, báo"
        " cáo tỉnh tháo gỡ."
    )
    assert limitations(text) == []
    assert [t for _, t, _ in directives(text)] == [
        "chủ đầu tư kịp thời tổng hợp, báo cáo tỉnh tháo gỡ"
    ]


def test_matters_counted_that_call_for_work_are_no_request() -> None:
    """ "57 thông báo … với 104 vụ việc yêu cầu thực hiện": the matters that call for the work,
    counted, are no request and no task."""
    found = directives(
        "HĐND thành phố giám sát phòng Tư pháp thực hiện các thông báo kết luận của Chủ tịch UBND"
        " thành phố\n\nTheo báo cáo của phòng Tư pháp từ năm 2016 đến hết tháng 2/2018, phòng đã"
        " nhận được 57 thông báo kết luận cuộc họp của Chủ tịch UBND thành phố với 104 vụ việc yêu"
        " cầu thực hiện trong đó đã thực hiện 98 nội dung vụ việc, còn 06 vụ việc đang thực hiện."
    )
    assert found == []


def test_no_pattern_anchored_on_a_strings_start_is_matched_from_a_position() -> None:
    """A pattern that opens on ``^`` (no MULTILINE) never matches when ``match`` or ``search``
    is given a position past the string's start: a rule written so does nothing past a clause's
    first one. ``match`` anchors at its position already; such a pattern drops ``^``."""
    trees = {
        path.name: ast.parse(path.read_text(encoding="utf-8"))
        for path in (Path(__file__).parent.parent / "dirtrack" / "extract").glob("*.py")
    }
    anchored = {
        target.id
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and isinstance(node.value, ast.Call)
        and node.value.args
        and isinstance(node.value.args[0], (ast.Constant, ast.JoinedStr))
        and (ast.unparse(node.value.args[0]).lstrip("rf").strip("\"'").startswith("^"))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    called = [
        f"{name}:{node.lineno}: {ast.unparse(node)}"
        for name, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("match", "search", "fullmatch")
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in anchored
        and len(node.args) >= 2
    ]
    assert len(anchored) > 20 and not called, "\n".join(called)


def test_shortcomings_a_lead_in_asks_one_body_to_explain_are_that_bodys() -> None:
    """ "Ban đề nghị UBND xã làm rõ các vấn đề: A; B": the entries are shortcomings of the body
    asked to explain them (found in its report), whichever stage reads them; a lead-in asking
    many bodies ("các phòng, ban") gives them to no one."""
    one = limitations(
        "Sáng 12/6/2023, Ban Kinh tế - Xã hội HĐND xã Tân Phú họp thẩm tra các báo cáo trình kỳ"
        " họp. Ban đề nghị UBND xã làm rõ các vấn đề: công tác thu ngân sách 6 tháng đầu năm còn"
        " thấp; công tác vệ sinh môi trường còn hạn chế; hoạt động của tổ kiểm tra chưa thường"
        " xuyên."
    )
    assert one == [
        ("UBND xã Tân Phú", "công tác thu ngân sách 6 tháng đầu năm còn thấp"),
        ("UBND xã Tân Phú", "công tác vệ sinh môi trường còn hạn chế"),
        ("UBND xã Tân Phú", "hoạt động của tổ kiểm tra chưa thường xuyên"),
    ]
    many = limitations(
        "Sáng 12/6/2023, Ban Kinh tế - Xã hội HĐND xã Tân Phú họp thẩm tra các báo cáo trình kỳ"
        " họp. Ban đề nghị các phòng, ban làm rõ các vấn đề: công tác thu ngân sách 6 tháng đầu"
        " năm còn thấp; công tác vệ sinh môi trường còn hạn chế."
    )
    assert [unit for unit, _ in many] == [None, None]


def test_a_request_after_a_fronted_frame_starts_at_the_body_asked() -> None:
    """ "Trước tình trạng A, gây B, …, huyện X vừa yêu cầu UBND các xã …", "Đối với việc A, …,
    yêu cầu UBND huyện Y …": the frame and the body that asks are no part of the task."""
    framed = directives(
        "Tân Hưng chỉ đạo chấm dứt đốt rác\nTrước tình trạng đốt rác tại các bãi chôn lấp, gây ô"
        " nhiễm môi trường, ảnh hưởng đến đời sống của người dân, huyện Tân Hưng vừa yêu cầu UBND"
        " các xã, thị trấn khẩn trương chấn chỉnh, chấm dứt hành vi đốt rác tại các bãi chôn lấp."
    )
    assert [text for _, text, _ in framed] == [
        "UBND các xã, thị trấn khẩn trương chấn chỉnh, chấm dứt hành vi đốt rác tại các bãi chôn"
        " lấp"
    ]
    topic = directives(
        "Tăng cường xử lý khai thác cát trái phép\nChủ tịch UBND tỉnh vừa có công văn chỉ đạo xử"
        " lý vi phạm trong khai thác cát.\nĐối với việc khai thác cát trái phép trên sông Vàm Cỏ,"
        " nhất là tại khu vực cầu Tân Phú, thuộc xã Tân Phú, huyện Tân Hưng, yêu cầu UBND huyện"
        " Tân Hưng xây dựng kế hoạch phối hợp, xử lý dứt điểm tình trạng khai thác cát trái phép."
    )
    assert (
        "UBND huyện Tân Hưng",
        "UBND huyện Tân Hưng xây dựng kế hoạch phối hợp, xử lý dứt điểm tình trạng khai thác cát"
        " trái phép",
        None,
    ) in topic


def test_a_departments_letter_to_the_districts_asks_them_to_act() -> None:
    """ "Sở X vừa có văn bản đề nghị UBND các huyện … triển khai …": a department's letter to
    the bodies below it, all of a kind, is a task, as a People's Committee's letter is."""
    found = directives(
        "Sở Nông nghiệp và Phát triển nông thôn vừa có văn bản đề nghị UBND các huyện, thị xã,"
        " thành phố triển khai kế hoạch phòng, chống dịch tả lợn châu Phi trên địa bàn."
    )
    assert found == [
        (
            None,
            "UBND các huyện, thị xã, thành phố triển khai kế hoạch phòng, chống dịch tả lợn châu"
            " Phi trên địa bàn",
            None,
        )
    ]


def test_a_fault_grave_enough_to_call_for_discipline_is_no_task() -> None:
    """ "… gây hậu quả nghiêm trọng, đến mức phải xem xét kỷ luật": "phải" of a degree says how
    grave the fault is, no duty; the quoted judgement is a shortcoming of the ward whose cadres
    are to be disciplined."""
    text = (
        "Ngày 21/12/2023, Ủy ban Kiểm tra Tỉnh ủy yêu cầu Ban Thường vụ Thành ủy Tân An kỷ luật"
        ' cán bộ phường Tân Phú.\n"Vi phạm, khuyết điểm của các cán bộ gây hậu quả nghiêm trọng,'
        ' ảnh hưởng xấu đến uy tín của cấp ủy, đến mức phải xem xét kỷ luật", thông báo nêu rõ.'
    )
    assert not any("đến mức phải" in t for _, t, _ in directives(text))
    assert any("đến mức phải" in t for _, t in limitations(text))


def test_a_period_glued_to_an_acronym_ends_a_sentence() -> None:
    """ "… quản lý các đối tượng.UBND nên …": a period glued to the next sentence's acronym ends
    the sentence, as one glued to a capitalised word does; a domain name's dot does not."""
    assert split_sentences("Tăng cường quản lý các đối tượng.UBND nên bố trí kinh phí.") == [
        "Tăng cường quản lý các đối tượng.",
        "UBND nên bố trí kinh phí.",
    ]
    assert len(split_sentences("Xem chi tiết tại baoquangngai.vn hôm nay.")) == 1


def test_a_place_asking_the_peoples_committees_below_it_opens_its_tasks() -> None:
    """ "huyện X vừa yêu cầu UBND các xã, thị trấn …": a place that asks the People's Committees
    of all the places below it orders, as "yêu cầu các xã" does; the sentences after it that
    open on a verb or on the places' governments are its tasks too."""
    found = directives(
        "Tân Hưng chấn chỉnh việc đốt rác\nHuyện Tân Hưng vừa yêu cầu UBND các xã, thị trấn khẩn"
        " trương chấn chỉnh, chấm dứt hành vi đốt rác tại các bãi chôn lấp. Hướng dẫn và yêu cầu"
        " các tổ thu gom rác vận hành bãi chôn lấp theo đúng quy trình. Chính quyền các địa"
        " phương có giải pháp kịp thời phát hiện, xử lý nghiêm hành vi đốt rác."
    )
    assert [text for _, text, _ in found] == [
        "UBND các xã, thị trấn khẩn trương chấn chỉnh, chấm dứt hành vi đốt rác tại các bãi chôn"
        " lấp",
        "Hướng dẫn và yêu cầu các tổ thu gom rác vận hành bãi chôn lấp theo đúng quy trình",
        "Chính quyền các địa phương có giải pháp kịp thời phát hiện, xử lý nghiêm hành vi đốt rác",
    ]
    # a committee itself asked to direct them ("đề nghị UBND tỉnh chỉ đạo UBND các huyện …") is a
    # proposal from below, no order
    proposed = directives(
        "Sở GD-ĐT tổng kết năm học\nTại hội nghị, Sở GD-ĐT đề nghị UBND tỉnh chỉ đạo UBND các"
        " huyện, thị xã, thành phố giao đủ số lượng biên chế công chức cho các Phòng GD-ĐT."
    )
    assert proposed == []


def test_a_communes_body_asking_its_villages_opens_the_list_of_tasks() -> None:
    """ "UBND xã đề nghị các thôn thực hiện tốt các nội dung sau:", "BCĐ … xã đề nghị Ban phát
    triển … các thôn …:": nothing stands below a village to propose to, so a commune's body that
    asks all its villages orders, as a district asking "các xã" does; the list's entries are its
    tasks. A committee asked in a colon's list to direct them ("đề nghị: UBND phường tiếp tục chỉ
    đạo các tổ dân phố …") is the task itself, one item."""
    entries = (
        "\n\n1. Rà soát, đánh giá 10 tiêu chí xây dựng khu dân cư kiểu mẫu.\n\n2. Tổ chức lao động"
        " dọn vệ sinh các tuyến đường trong khu dân cư.\n"
    )
    expected = [
        "Rà soát, đánh giá 10 tiêu chí xây dựng khu dân cư kiểu mẫu",
        "Tổ chức lao động dọn vệ sinh các tuyến đường trong khu dân cư",
    ]
    committee = directives("UBND xã đề nghị các thôn thực hiện tốt các nội dung sau:" + entries)
    assert [text for _, text, _ in committee] == expected
    board = directives(
        "Kính gửi: Ban phát triển xây dựng nông thôn mới các thôn.\n\nVậy BCĐ xây dựng nông thôn"
        " mới xã đề nghị Ban phát triển xây dựng nông thôn mới các thôn thực hiện tốt các nội"
        " dung sau:" + entries
    )
    assert [text for _, text, _ in board] == expected
    asked = directives(
        "Ban pháp chế HĐND phường đề nghị: UBND phường tiếp tục chỉ đạo các tổ dân phố tăng cường"
        " công tác tuyên truyền về trật tự xây dựng."
    )
    assert [text for _, text, _ in asked] == [
        "UBND phường tiếp tục chỉ đạo các tổ dân phố tăng cường công tác tuyên truyền về trật tự"
        " xây dựng"
    ]


def test_shortcomings_seen_in_several_communes_listed_after_a_colon_are_no_ones() -> None:
    """ "kiểm tra … chính quyền các xã: A, B, C": the communes listed after a plural level and its
    colon are many, as "các xã A, B, C" is, no one partner of the session; a shortcoming that
    names none is no one's (not the first listed)."""
    found = limitations(
        "Lãnh đạo tỉnh kiểm tra tình hình thực hiện nhiệm vụ các xã\n\nĐồng chí Phó Bí thư"
        " Thường trực Tỉnh ủy đã đến kiểm tra tình hình thực hiện nhiệm vụ của cấp ủy, chính"
        " quyền các xã: Lao Chải, Tả Van, Bản Phùng.\n\nĐồng chí đã đi thăm người dân tại các"
        " thôn: Hàng, xã Lao Chải; Bản Pho, xã Bản Phùng. Tại các thôn, đồng chí đã chỉ ra một số"
        " vấn đề còn tồn tại như: Các sản phẩm nông nghiệp chưa phong phú; công tác vệ sinh môi"
        " trường chưa đảm bảo."
    )
    assert found == [
        (None, "Các sản phẩm nông nghiệp chưa phong phú"),
        (None, "công tác vệ sinh môi trường chưa đảm bảo"),
    ]


def test_the_police_of_levels_listed_bare_are_no_one_body() -> None:
    """ "công an xã, thị trấn": the police of every commune and township, as "UBND xã, thị trấn"
    is every such committee; the task is no one body's."""
    found = directives(
        "Lãnh đạo huyện yêu cầu công an xã, thị trấn tiếp tục chủ động làm tốt công tác nắm tình"
        " hình, đảm bảo an ninh trật tự."
    )
    assert found == [
        (
            None,
            "công an xã, thị trấn tiếp tục chủ động làm tốt công tác nắm tình hình, đảm bảo an"
            " ninh trật tự",
            None,
        )
    ]


def test_a_clause_that_opens_on_a_prohibition_is_a_task() -> None:
    """ "Đặc biệt, không được chủ quan, lơ là, …": "không được" opening the clause forbids
    (must not), no passive report; the clause is a task as the order before it is."""
    found = directives(
        "Chủ tịch UBND xã chỉ đạo các cán bộ phụ trách các thôn tăng cường công tác tuyên truyền."
        " Đặc biệt, không được chủ quan, lơ là, nâng cao hiệu quả tổ phòng chống dịch tại cộng"
        " đồng."
    )
    assert [text for _, text, _ in found] == [
        "các cán bộ phụ trách các thôn tăng cường công tác tuyên truyền",
        "không được chủ quan, lơ là, nâng cao hiệu quả tổ phòng chống dịch tại cộng đồng",
    ]


def test_a_committee_asking_through_the_letter_its_sentence_is_framed_by() -> None:
    """ "Theo Công văn số …, UBND huyện đề nghị A, B, Chủ tịch UBND các xã tổ chức …, chỉ đạo
    quyết liệt …": the committee speaks through the letter, so its "đề nghị" asks and the task
    starts at the bodies asked; the "chỉ đạo" inside the task is theirs."""
    found = directives(
        "Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện đề nghị các đoàn thể huyện, Chủ"
        " tịch UBND các xã tổ chức tổng vệ sinh ngay tại cơ quan, đơn vị, chỉ đạo quyết liệt các"
        " ban, ngành thực hiện nghiêm kế hoạch diệt muỗi."
    )
    assert [text for _, text, _ in found] == [
        "các đoàn thể huyện, Chủ tịch UBND các xã tổ chức tổng vệ sinh ngay tại cơ quan, đơn vị,"
        " chỉ đạo quyết liệt các ban, ngành thực hiện nghiêm kế hoạch diệt muỗi"
    ]


def test_a_communes_party_committee_that_asks_gives_a_task() -> None:
    """ "Đảng ủy xã yêu cầu các chi bộ …": a commune's party committee asks as a district's
    party committee ("Huyện ủy yêu cầu …") and a commune's People's Committee do, whatever the
    model weighs."""
    found = directives(
        "Sáng 5/6/2023, Đảng ủy xã Tân Lập họp. Đảng ủy xã yêu cầu các chi bộ rà soát đảng viên."
    )
    assert found == [(None, "các chi bộ rà soát đảng viên", None)]


def test_a_document_the_meeting_deploys_or_examines_gives_a_year_less_day_its_year() -> None:
    """No year in the text but the day of a plan the meeting deploys or of a report it examines:
    the meeting is the first such day after it (a text of 2017 read with the reference 2025-01-01
    was dated 2024); a directive whose implementation a review looks back on is old, no year."""
    deploys = extract(
        "Ngày 26-9, đồng chí Lê Văn Bình, Phó Chủ tịch UBND tỉnh chủ trì hội nghị triển khai"
        " Quyết định số 101/QĐ-TTg ngày 23-1-2017 của Thủ tướng Chính phủ và Kế hoạch số"
        " 1633/KH-UBND ngày 9-5-2017 của UBND tỉnh về đăng ký và thống kê hộ tịch.",
        today=date(2025, 1, 1),
    )
    assert deploys.meeting.date == date(2017, 9, 26)
    assert "year" not in deploys.missing
    examines = extract(
        "Ngày 6/12, Đoàn giám sát của HĐND huyện tổ chức buổi kết luận đợt giám sát. Đoàn đã giám"
        " sát thông qua báo cáo số 563 ngày 15/11/2017 của UBND huyện.",
        today=date(2025, 1, 1),
    )
    assert examines.meeting.date == date(2017, 12, 6)
    # a day and month before the plan's in its year: the next year's
    later = extract(
        "Ngày 10/3, UBND huyện tổ chức hội nghị triển khai Kế hoạch số 12/KH-UBND ngày"
        " 20/12/2017 của UBND tỉnh về cải cách hành chính.",
        today=date(2025, 1, 1),
    )
    assert later.meeting.date == date(2018, 3, 10)
    for review in (
        "Ngày 09/5, Đảng ủy xã tổ chức Hội nghị sơ kết công tác kiểm tra việc thực hiện Chỉ thị"
        " số 10-CT/TW ngày 30/3/2007 của Ban Bí thư về sinh hoạt chi bộ.",
        "Ngày 09/5, Đảng ủy xã tổ chức Hội nghị sơ kết 10 năm triển khai Chỉ thị số 10-CT/TW"
        " ngày 30/3/2007 của Ban Bí thư về sinh hoạt chi bộ.",
    ):
        drafted = extract(review, today=date(2025, 1, 1))
        assert drafted.meeting.date == date(2024, 5, 9)
        assert "year" in drafted.missing


def test_an_election_for_a_term_is_prepared_in_the_terms_first_year() -> None:
    """ "kiểm tra công tác chuẩn bị bầu cử … nhiệm kỳ 2021 - 2026" with no year: the election is
    held in its term's first year, as a council's first session is (not the reference's 2024);
    an election the reference day is before gives no later year."""
    draft = extract(
        "Ngày 23/4, kiểm tra công tác chuẩn bị bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân"
        " dân các cấp, nhiệm kỳ 2021 - 2026 tại tỉnh Hậu Giang, Phó Chủ tịch Quốc hội Trần Thanh"
        " Mẫn đề nghị tỉnh tiếp tục quán triệt các văn bản về công tác bầu cử.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2021, 4, 23)
    assert "year" in draft.missing
    ahead = extract(
        "Ngày 20/11, UBND huyện Nam Hòa tổ chức hội nghị triển khai công tác bầu cử đại biểu"
        " HĐND các cấp nhiệm kỳ 2026 - 2031.",
        today=date(2025, 1, 1),
    )
    assert ahead.meeting.date == date(2024, 11, 20)


def test_a_slash_typed_twice_before_the_year_still_gives_it() -> None:
    draft = extract(
        "Ngày 07/7//2014, đoàn đại biểu HĐND huyện tiếp xúc cử tri xã Cẩm Giàng sau kỳ họp thứ 8.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2014, 7, 7)
    assert "year" not in draft.missing


def test_a_sentence_opening_on_trong_ngay_is_dated_by_that_day() -> None:
    """ "Trong ngày 13/10, đồng chí Chủ tịch … đã đi kiểm tra …": the whole day the sentence
    opens on is when it happened, as "Vào ngày 12/5, …" is; "trong ngày 13/10" after a task is
    still its deadline, no meeting day."""
    draft = extract(
        "Trong ngày 13/10, đồng chí Nguyễn Thanh Tuyền, Chủ tịch UBND huyện đã đi kiểm tra tiến độ"
        " thu hoạch lúa mùa tại các xã, thị trấn trong huyện.",
        today=date(2025, 1, 1),
    )
    assert draft.meeting.date == date(2024, 10, 13)
    task = extract(
        "Chủ tịch UBND huyện yêu cầu các xã hoàn thành việc thu hoạch lúa mùa trong ngày 13/10.",
        today=date(2025, 1, 1),
    )
    assert task.meeting.date is None


def test_the_news_of_a_committees_request_asks_whoever_it_names() -> None:
    """ "UBND thành phố vừa yêu cầu sở, ngành liên quan và UBND huyện X …", "UBND huyện X vừa yêu
    cầu UBND xã Y …": the news of a request a committee has just made is its order, one body asked
    or several, named with "các" or not; a committee that asks the province above it proposes,
    and one that "đã chỉ đạo" reports what it did."""
    several = directives(
        "UBND thành phố vừa yêu cầu sở, ngành liên quan và UBND huyện Mỹ Đức thực hiện nghiêm việc"
        " giải quyết vướng mắc trong công tác dồn điền, đổi thửa."
    )
    assert [text for _, text, _ in several] == [
        "sở, ngành liên quan và UBND huyện Mỹ Đức thực hiện nghiêm việc giải quyết vướng mắc trong"
        " công tác dồn điền, đổi thửa"
    ]
    one = directives(
        "UBND huyện Krông Pắc vừa yêu cầu UBND xã Ea Phê khẩn trương kiểm tra, xử lý dứt điểm các"
        " vi phạm về đất đai."
    )
    assert one == [
        (
            "UBND xã Ea Phê",
            "UBND xã Ea Phê khẩn trương kiểm tra, xử lý dứt điểm các vi phạm về đất đai",
            None,
        )
    ]
    assert directives("UBND huyện Krông Pắc vừa yêu cầu UBND tỉnh hỗ trợ kinh phí làm đường.") == []
    assert directives("UBND huyện Krông Pắc đã chỉ đạo UBND xã Ea Phê kiểm tra các vi phạm.") == []


def test_a_request_recalled_after_truoc_do_is_no_task() -> None:
    """ "Trước đó, ngày 20/4, UBND thành phố đã có văn bản chỉ đạo … báo cáo kết quả trước ngày
    15/5": what was asked before the news is recalled, met or not; no task, and no shortcoming
    either (the sentence after it says what is still undone)."""
    found = extract(
        "UBND thành phố vừa yêu cầu UBND huyện Mỹ Đức giải quyết dứt điểm vướng mắc trong công tác"
        " dồn điền, đổi thửa. Trước đó, ngày 20/4, UBND thành phố đã có văn bản chỉ đạo các sở,"
        " ngành và UBND huyện Mỹ Đức thực hiện nhiệm vụ này, báo cáo kết quả trước ngày 15/5."
    )
    assert [d.text for d in found.directives] == [
        "UBND huyện Mỹ Đức giải quyết dứt điểm vướng mắc trong công tác dồn điền, đổi thửa"
    ]
    assert not found.limitations


def test_a_letter_a_committee_sends_out_asks_through_its_content() -> None:
    """ "UBND thành phố vừa ra văn bản chỉ đạo các trường …" (a letter issued, "ra" as "có" or
    "ban hành"), "UBND tỉnh vừa có văn bản gửi các ngành chức năng, trong đó có yêu cầu UBND
    thành phố X tạm đình chỉ …" (what the letter holds): each request is a task."""
    letter = (
        "UBND thành phố vừa ra văn bản chỉ đạo các trường trên địa bàn kiểm tra tất cả các phòng"
        " học có dấu hiệu xuống cấp, không đảm bảo an toàn."
    )
    assert [text for _, text, _ in directives(letter)] == [
        "các trường trên địa bàn kiểm tra tất cả các phòng học có dấu hiệu xuống cấp, không đảm"
        " bảo an toàn"
    ]
    assert limitations(letter) == []
    held = directives(
        "UBND tỉnh Gia Lai vừa có văn bản gửi các ngành chức năng, trong đó có yêu cầu UBND thành"
        " phố Pleiku tạm đình chỉ công tác trưởng phòng Quản lý đô thị thành phố."
    )
    assert held == [
        (
            "UBND thành phố Pleiku",
            "UBND thành phố Pleiku tạm đình chỉ công tác trưởng phòng Quản lý đô thị thành phố",
            None,
        )
    ]


def test_a_leaders_instruction_given_by_co_y_kien_chi_dao_assigns() -> None:
    """ "ông X, Phó Chủ tịch UBND tỉnh đã có ý kiến chỉ đạo, giao UBND huyện Y chủ trì …; thời
    gian hoàn thành …": "ý kiến chỉ đạo" is the instruction, not a noun listed before "giao", so
    the body given the work has its task, and the ";"-part its deadline."""
    found = directives(
        "Sau khi nhận được đơn, ông Lê Văn Bình, Phó Chủ tịch UBND tỉnh đã có ý kiến chỉ đạo, giao"
        " UBND huyện Giao Thủy chủ trì, phối hợp với các đơn vị liên quan rà soát hồ sơ để trả lời"
        " công dân; thời gian hoàn thành và báo cáo kết quả về UBND tỉnh trong tháng 6/2022."
    )
    assert found == [
        (
            "UBND huyện Giao Thủy",
            "UBND huyện Giao Thủy chủ trì, phối hợp với các đơn vị liên quan rà soát hồ sơ để trả"
            " lời công dân",
            None,
        ),
        (
            "UBND huyện Giao Thủy",
            "thời gian hoàn thành và báo cáo kết quả về UBND tỉnh trong tháng 6/2022",
            date(2022, 6, 30),
        ),
    ]


def test_a_delay_placed_on_a_communes_side_or_weighed_against_a_city_is_no_ones() -> None:
    """ "tiến độ thi công bên phía xã X (TP Y) đang chậm hơn so với bên phía xã Z, … chậm hơn TP
    W": "bên phía" places the delay, as "ở" and "tại" do (nor the place in brackets after it),
    and what it is weighed against ("hơn", "so với") owns nothing; "Theo ghi nhận," is the
    reporter's frame, no part of it."""
    found = limitations(
        "Theo ghi nhận, tiến độ thi công bên phía xã Tân Hiệp (TP Tân Uyên) đang chậm hơn so với"
        " bên phía xã Phú Hòa (huyện Củ Chi), một phần do công tác giải phóng mặt bằng chậm hơn"
        " TP Thủ Đức."
    )
    assert found == [
        (
            None,
            "tiến độ thi công bên phía xã Tân Hiệp (TP Tân Uyên) đang chậm hơn so với bên phía xã"
            " Phú Hòa (huyện Củ Chi), một phần do công tác giải phóng mặt bằng chậm hơn TP Thủ"
            " Đức",
        )
    ]


def test_a_report_not_received_is_the_senders_fault_only_when_the_sender_is_named() -> None:
    """ "UBND tỉnh chưa nhận được báo cáo của Sở X": the body that did not send it; "UBND TP vẫn
    chưa nhận được báo cáo và …, nhiều công dân ở … huyện Y …": no sender named in its clause, so
    no one the text names (not the body that waits, nor a place named after "và")."""
    named = limitations(
        "Tuy nhiên, đến nay UBND tỉnh chưa nhận được báo cáo của Sở Tài nguyên và Môi trường về"
        " việc này."
    )
    assert [unit for unit, _ in named] == ["Sở Tài nguyên và Môi trường"]
    unnamed = limitations(
        "Tuy nhiên, đến nay UBND thành phố vẫn chưa nhận được báo cáo và ngày 25/5, nhiều công dân"
        " ở xã Hòa Phú, huyện Chương Mỹ tiếp tục khiếu kiện về việc chậm giải quyết vướng mắc."
    )
    assert [unit for unit, _ in unnamed] == [None]


def test_a_shortcoming_before_a_task_for_the_time_ahead_is_its_own_item() -> None:
    """ "X vẫn còn là một xã nghèo, thời gian tới cần phải thực hiện tốt …": the comma before the
    task for the time ahead closes the shortcoming, as one before "đề nghị" does; both items are
    drafted, each of its kind."""
    found = extract(
        "Phát biểu tại kỳ họp, đồng chí Chủ tịch HĐND huyện nhấn mạnh, đây là kỳ họp quan trọng."
        " Minh Ngọc vẫn còn là một xã nghèo, thời gian tới cần phải thực hiện tốt các chế độ chính"
        " sách, tập trung phát triển kinh tế, xã hội."
    )
    assert [item.text for item in found.limitations] == ["Minh Ngọc vẫn còn là một xã nghèo"]
    assert [d.text for d in found.directives if "chế độ chính sách" in d.text] != []


def test_the_day_a_notice_went_out_or_a_leader_spoke_is_no_meeting_day() -> None:
    """ "Chiều 11-9, Văn phòng UBND thành phố phát đi thông báo kết luận …" (a notice's day),
    "Ngày 17-9, ông X, Chủ tịch UBND tỉnh Y cho biết, …" (the day a leader said so, his title
    after his name): no meeting's day; a meeting named in the lead keeps it."""
    notice = extract(
        "Chiều 11-9, Văn phòng UBND thành phố phát đi thông báo kết luận của Phó Chủ tịch UBND"
        " thành phố Bùi Văn Nam tại cuộc họp về tiến độ bồi thường, giải phóng mặt bằng.",
        today=date(2025, 9, 12),
    )
    assert notice.meeting.date is None
    said = extract(
        "Ngày 17-9, ông Trần Văn Cần, Chủ tịch UBND tỉnh Tây Ninh cho biết, việc giải ngân vốn đầu"
        " tư công được tỉnh quan tâm chỉ đạo.",
        today=date(2024, 9, 18),
    )
    assert said.meeting.date is None
    held = extract(
        "Ngày 17-9, tại hội nghị giao ban, ông Trần Văn Cần, Chủ tịch UBND tỉnh Tây Ninh cho biết,"
        " việc giải ngân vốn đầu tư công được tỉnh quan tâm chỉ đạo.",
        today=date(2024, 9, 18),
    )
    assert held.meeting.date == date(2024, 9, 17)


def test_a_public_body_named_with_its_province_without_the_level_is_that_provinces() -> None:
    """ "Trung tâm Phát triển quỹ đất Bình Dương": a province's public service body named by the
    province without "tỉnh", as "Sở Nội vụ Điện Biên" is; the unit keeps the province."""
    found = directives(
        "Phó Chủ tịch UBND tỉnh yêu cầu Trung tâm Phát triển quỹ đất Bình Dương phối hợp với địa"
        " phương, khẩn trương hoàn thành công tác bồi thường, giải phóng mặt bằng."
    )
    assert [unit for unit, _, _ in found] == ["Trung tâm Phát triển quỹ đất Bình Dương"]


def test_a_departments_own_request_to_the_bodies_below_it_asks_them() -> None:
    """ "Theo đó, Sở Y tế yêu cầu các trung tâm …" with no letter named: a department asking the
    bodies below it, all of a kind ("các phòng …", "các trường", "các đơn vị"), orders as its
    letter does; its tasks go on in the next paragraph. A department's proposal to the committee
    above it stays no task."""
    text = (
        "Theo đó, Sở GD&ĐT tỉnh Nam Định yêu cầu các phòng GD&ĐT rà soát toàn bộ các khoản thu"
        " đầu năm học.\n\n"
        "Ngoài ra, các đơn vị cần quan tâm kiểm tra việc sử dụng sách giáo khoa trong nhà trường."
    )
    assert [text for _, text, _ in directives(text)] == [
        "các phòng GD&ĐT rà soát toàn bộ các khoản thu đầu năm học",
        "các đơn vị cần quan tâm kiểm tra việc sử dụng sách giáo khoa trong nhà trường",
    ]
    assert directives("Sở Tài chính đề nghị UBND tỉnh bổ sung kinh phí cho các huyện.") == []


def test_a_letters_work_given_to_the_bodies_it_names_opens_the_tasks() -> None:
    """ "Theo đó, giao các sở, ngành liên quan …" opens on the work given, as "Theo đó, yêu cầu
    …" does: its paragraph's tasks and those of the paragraphs after it are taken; a body named
    with every place of a level ("UBND thành phố và các huyện", "phòng GD&ĐT các huyện") is many,
    no one unit; the bodies asked, listed with ";" before the work, are no task of their own."""
    text = (
        "Ngày 26/5/2015, UBND tỉnh ban hành Công văn số 703/UBND-TN về quy hoạch sử dụng đất.\n\n"
        "Theo đó, giao các sở, ngành liên quan có trách nhiệm rà soát nhu cầu sử dụng đất, gửi"
        " báo cáo về Sở Tài nguyên và Môi trường trước ngày 28/5/2015.\n\n"
        "Uỷ ban nhân dân thành phố và các huyện tổ chức đánh giá tình hình thực hiện kế hoạch sử"
        " dụng đất kỳ đầu; rà soát nhu cầu sử dụng đất giai đoạn 2016 – 2020 trên địa bàn."
    )
    assert [(unit, text) for unit, text, _ in directives(text)] == [
        (
            None,
            "các sở, ngành liên quan có trách nhiệm rà soát nhu cầu sử dụng đất, gửi báo cáo về"
            " Sở Tài nguyên và Môi trường trước ngày 28/5/2015",
        ),
        (
            None,
            "Uỷ ban nhân dân thành phố và các huyện tổ chức đánh giá tình hình thực hiện kế hoạch"
            " sử dụng đất kỳ đầu",
        ),
        (None, "rà soát nhu cầu sử dụng đất giai đoạn 2016 – 2020 trên địa bàn"),
    ]
    listed = directives(
        "Theo đó, giao các sở, ngành tỉnh; Uỷ ban nhân dân các huyện, thành phố; các Ban quản lý"
        " dự án báo cáo tình hình giải ngân vốn đầu tư công năm 2019."
    )
    assert [text for _, text, _ in listed] == [
        "các Ban quản lý dự án báo cáo tình hình giải ngân vốn đầu tư công năm 2019"
    ]


def test_the_team_named_again_and_the_plan_an_inspection_follows_are_not_overseen() -> None:
    """ "Đoàn UBND huyện kiểm tra … (Đoàn kiểm tra số 03) kiểm tra công tác … xã X năm 2023 theo
    Kế hoạch số … của UBND huyện": the commune is the one body inspected, not the team named
    again in brackets nor the committee whose plan the check follows; the shortcomings that name
    no unit are the commune's."""
    text = (
        "Chiều ngày 26/10/2023 Đoàn UBND huyện kiểm tra công tác cải cách hành chính (Đoàn kiểm"
        " tra số 03) kiểm tra công tác cải cách hành chính xã Bình Minh năm 2023 theo Kế hoạch số"
        " 115/KH-UBND ngày 11/4/2023 của UBND huyện.\n\n"
        "Thành viên đoàn kiểm tra cũng chỉ ra một số tồn tại, hạn chế của đơn vị cần khắc phục,"
        " như: Chưa có sáng kiến, giải pháp mới trong công tác cải cách hành chính của đơn vị."
    )
    assert limitations(text) == [
        (
            "xã Bình Minh",
            "Chưa có sáng kiến, giải pháp mới trong công tác cải cách hành chính của đơn vị",
        )
    ]


def test_a_bare_request_after_the_delegates_proposals_goes_on_with_them() -> None:
    """ "…, các đại biểu đề nghị làm rõ thêm nguyên nhân … . Đề nghị UBND tỉnh chỉ đạo …; tổ chức
    …": a sentence opening on a bare "Đề nghị" after the delegates' proposals is theirs too, no
    directive (GUIDE.md); a bare "Đề nghị" after a leader's words still asks."""
    proposed = directives(
        "Tại phiên họp thẩm tra báo cáo 6 tháng đầu năm, các đại biểu đề nghị làm rõ thêm nguyên"
        " nhân tỷ lệ tiêm chủng đạt thấp. Đề nghị UBND tỉnh chỉ đạo tổng kết công tác giúp xã đặc"
        " biệt khó khăn; tổ chức thực hiện hiệu quả chương trình giáo dục phổ thông mới."
    )
    assert proposed == []
    asked = directives(
        "Phát biểu kết luận, đồng chí Chủ tịch UBND huyện đánh giá cao kết quả đạt được. Đề nghị"
        " UBND xã Tân Lập tổng kết công tác giúp hộ nghèo."
    )
    assert [text for _, text, _ in asked] == ["UBND xã Tân Lập tổng kết công tác giúp hộ nghèo"]


def test_the_day_of_the_news_from_a_body_is_no_meeting_day() -> None:
    """ "Ngày 7-3, thông tin từ UBND huyện X, tỉnh Y cho biết lãnh đạo huyện này vừa ra quyết định
    kỷ luật …": the day the body's news came, its place after a comma, is no meeting's day."""
    news = extract(
        "Ngày 7-3, thông tin từ UBND huyện Thọ Xuân, tỉnh Thanh Hóa cho biết lãnh đạo huyện này vừa"
        " ra quyết định kỷ luật hàng loạt cán bộ huyện, xã do sai phạm trong quản lý khoáng sản.",
        today=date(2017, 3, 8),
    )
    assert news.meeting.date is None


def test_the_body_whose_heads_responsibility_is_inspected_owns_the_findings() -> None:
    """ "Ngày 9/1, Thanh tra thành phố cho biết vừa có thông báo kết luận thanh tra trách nhiệm
    Chủ tịch UBND quận X …": the inspectorate named first by the act's word is not what is
    inspected; the body whose head's responsibility is inspected (no "của" before the head) is,
    and the findings that name no unit are its own. A share of the teams counted ("có 10/18 đoàn
    thanh tra không …") is some of many, no one body's."""
    text = (
        "Kết luận thanh tra trách nhiệm Chủ tịch UBND quận Bình Tây\n\n"
        "Ngày 9/1, Thanh tra thành phố cho biết vừa có thông báo kết luận thanh tra trách nhiệm"
        " Chủ tịch UBND quận Bình Tây trong việc thực hiện pháp luật khiếu nại, tố cáo.\n\n"
        "Theo thanh tra, hồ sơ giải quyết khiếu nại không lập kế hoạch xác minh là thực hiện"
        " chưa đúng quy định. Trong đó có 10/18 đoàn thanh tra không thực hiện việc xây dựng kế"
        " hoạch giám sát."
    )
    found = limitations(text)
    assert [unit for unit, item in found if item.endswith("là thực hiện chưa đúng quy định")] == [
        "UBND quận Bình Tây"
    ]
    assert all(unit is None for unit, item in found if "10/18" in item)
    assert any("10/18" in item for _, item in found)


def test_a_reprimands_reasons_are_shortcomings_of_whom_it_names_and_no_task() -> None:
    """A news item on a chairman's letter of reprimand: "phê bình lãnh đạo Sở X cùng lãnh đạo 9
    địa phương vì …" names many bodies (no one overseen); "phê bình Giám đốc Sở X, Chủ tịch UBND
    TP Y, Chủ tịch UBND huyện Z vì chưa nghiêm túc trong việc chỉ đạo, tổ chức thực hiện …" is
    the heads of bodies of different kinds (no one body's) and what for, no task read in "chỉ
    đạo, tổ chức …"; its part after ";" that criticises again ("phê bình Chủ tịch UBND các
    huyện A, B vì không phối hợp …") is a shortcoming too, whatever its words, the first named
    place's; a request after it is still a task."""
    text = (
        "Ngày 12-5, Văn phòng UBND tỉnh Nam Sơn cho biết Chủ tịch UBND tỉnh vừa có văn bản phê"
        " bình lãnh đạo Sở Xây dựng cùng lãnh đạo 9 địa phương vì chậm trễ trong cấp phép xây"
        " dựng cho người dân.\n\n"
        "Theo văn bản, Chủ tịch UBND tỉnh phê bình Giám đốc Sở Xây dựng, Chủ tịch UBND TP Bắc"
        " Sơn, Chủ tịch UBND huyện Đông Hà vì chưa nghiêm túc trong việc chỉ đạo, tổ chức thực"
        " hiện việc kiểm điểm trách nhiệm của từng cá nhân liên quan; phê bình Chủ tịch UBND các"
        " huyện Tây Sơn, Vân Hà vì không phối hợp với Sở Xây dựng báo cáo số liệu hồ sơ cấp phép."
        "\n\nChủ tịch UBND tỉnh yêu cầu Sở Xây dựng khẩn trương rà soát toàn bộ hồ sơ tồn đọng."
    )
    draft = extract(text)
    found = [(item.unit, item.text) for item in draft.limitations]
    reasons = {
        "chậm trễ": None,
        "chưa nghiêm túc": None,
        "không phối hợp": "UBND huyện Tây Sơn",
    }
    for words, unit in reasons.items():
        assert [u for u, item in found if words in item] == [unit], words
    assert [d.text for d in draft.directives] == [
        "Sở Xây dựng khẩn trương rà soát toàn bộ hồ sơ tồn đọng"
    ]


def test_an_inspections_conclusion_by_its_number_is_a_document_and_no_speech() -> None:
    """ "Chánh Thanh tra quận X đã ký ban hành Kết luận thanh tra số 187/KL-TTr …": the
    inspection's conclusion is a document named, as "Kết luận số 12" is, not the inspector
    concluding; what the inspection found ("Qua thanh tra đã phát hiện nhiều hạn chế, thiếu sót
    cần lưu ý …", "… cho biết, UBND phường A chưa có văn bản …") is no task, and the ward's
    shortcoming is its own."""
    draft = extract(
        "Ngày 01/03/2024, Chánh Thanh tra quận Bình Tây Nguyễn Văn An đã ký ban hành Kết luận"
        " thanh tra số 187/KL-TTr và Kết luận thanh tra số 188/KL-TTr về thanh tra trách nhiệm"
        " thủ trưởng đơn vị trong việc thực hiện pháp luật về tiếp công dân tại UBND 2 phường"
        " Tân Hòa và Tân Lập. Qua thanh tra đã phát hiện nhiều hạn chế, thiếu sót cần lưu ý"
        " trong quá trình thực hiện.\n\n"
        "Tại UBND phường Tân Lập, Kết luận thanh tra số 188/KL-TTr cho biết, UBND phường Tân"
        " Lập chưa có văn bản rà soát, báo cáo tổng hợp kết quả theo dõi tình hình giải quyết"
        " đơn của các bộ phận định kỳ để lưu hồ sơ theo quy định."
    )
    assert not draft.directives
    assert [item.unit for item in draft.limitations if "chưa có văn bản rà soát" in item.text] == [
        "UBND phường Tân Lập"
    ]


def test_the_comments_on_a_body_that_judge_are_its_shortcomings() -> None:
    """ "Nội dung góp ý công an huyện chủ yếu là: A còn chậm, chưa kịp thời; cần tăng cường …;
    C còn để diễn biến phức tạp; tăng cường lực lượng …": the comments that judge are the
    shortcomings of the body the lead-in names; those that propose are none."""
    found = limitations(
        "Hội nghị đã nhận được 06 ý kiến góp ý của cán bộ và nhân dân đối với lực lượng công an"
        " huyện và xã. Nội dung góp ý công an huyện chủ yếu là: điều tra, giải quyết các vụ việc"
        " vi phạm trên địa bàn còn chậm, chưa kịp thời; cần tăng cường công tác giáo dục cán bộ,"
        " chiến sĩ; công tác bảo đảm an ninh trật tự còn để diễn biến phức tạp; tăng cường lực"
        " lượng xuống cơ sở."
    )
    assert found == [
        (
            "Công an huyện",
            "điều tra, giải quyết các vụ việc vi phạm trên địa bàn còn chậm, chưa kịp thời",
        ),
        ("Công an huyện", "công tác bảo đảm an ninh trật tự còn để diễn biến phức tạp"),
    ]


def test_the_shortcomings_named_then_given_after_do_la_further_on() -> None:
    """ "… cũng chỉ ra một số tồn tại hạn chế về kết quả rà soát hiện tại đó là các xã …": the
    work the shortcomings are found in may be long before "đó là"; what follows it is the
    shortcoming (its collective subject no one body's), not who stated it."""
    found = limitations(
        "Ngày 8/5, Ban Văn hóa - xã hội HĐND tỉnh đã tổ chức khảo sát thực tế tại một số địa"
        " phương thuộc huyện Đông Sơn. Bên cạnh đó, thành viên đoàn khảo sát cũng chỉ ra một số"
        " tồn tại hạn chế về kết quả rà soát hiện tại đó là các xã trên địa bàn huyện vẫn chưa"
        " thực sự quan tâm đến công tác giảm nghèo."
    )
    assert found == [
        (None, "các xã trên địa bàn huyện vẫn chưa thực sự quan tâm đến công tác giảm nghèo")
    ]


def test_what_a_leader_left_undone_opens_no_speech() -> None:
    """ "Trong đó, còn 8/11 trường hợp vi phạm chưa được Chủ tịch UBND xã chỉ đạo ngăn chặn, xử lý
    …": the chairman named as who did not direct is no leader speaking; no task ("ngăn chặn, xử
    lý" is what was left undone)."""
    assert not directives(
        "Thanh tra tỉnh phát hiện, trên địa bàn xã Tân Lập có 11 trường hợp vi phạm đất đai. Trong"
        " đó, còn 8/11 trường hợp vi phạm chưa được Chủ tịch UBND xã chỉ đạo ngăn chặn, xử lý,"
        " theo trách nhiệm quy định tại Luật Đất đai."
    )


def test_the_shape_of_an_order_opens_the_tasks_whoever_gives_it() -> None:
    """A sentence, or a ``;``-part, opening on bodies of a kind or many bodies ("Các sở, ngành",
    "UBND các huyện", "Chủ tịch UBND các xã") and going on with a modal of obligation or the
    adverb of an order ("phải", "cần", "khẩn trương", "chủ động", "nghiêm túc") asks them to
    act, though no leader, committee or letter is named as asking; not what they did ("đã"),
    what they will do ("sẽ"), what they still fail at ("còn"), nor what they did in a period
    gone ("Thời gian qua, …")."""
    text = (
        "UBND tỉnh vừa có kế hoạch cải cách hành chính năm 2024.\n\n"
        "Các sở, ngành chủ động rà soát thủ tục hành chính thuộc lĩnh vực quản lý; UBND các huyện"
        " khẩn trương kiện toàn bộ phận một cửa."
    )
    assert [(unit, text) for unit, text, _ in directives(text)] == [
        (None, "Các sở, ngành chủ động rà soát thủ tục hành chính thuộc lĩnh vực quản lý"),
        (None, "UBND các huyện khẩn trương kiện toàn bộ phận một cửa"),
    ]
    report = "Năm 2023, công tác phòng, chống dịch trên địa bàn huyện đạt nhiều kết quả.\n\n"
    for said in (
        "Các xã đã chủ động phun hóa chất diệt muỗi tại các ổ dịch cũ.",
        "Các đơn vị sẽ tập trung triển khai kế hoạch tiêm chủng trong quý III.",
        "Tuy nhiên, các địa phương còn chậm báo cáo số ca mắc, tập trung ở vùng nông thôn.",
        "Thời gian qua, các xã tập trung tuyên truyền, vận động người dân diệt lăng quăng.",
    ):
        assert directives(report + said) == [], said


def test_a_headline_the_first_sentence_names_as_a_leaders_order_is_a_task() -> None:
    """A headline, then "Đây là chỉ đạo của đồng chí … tại cuộc họp …" as the text's first
    sentence: the headline is the task it names; a headline before a plain lead is none."""
    named = extract(
        "Khẩn trương giải phóng mặt bằng các dự án giao thông trọng điểm\n\nĐây là chỉ đạo của"
        " đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh tại cuộc họp về tiến độ các dự án giao"
        " thông diễn ra ngày 12/4."
    )
    assert [d.text for d in named.directives] == [
        "Khẩn trương giải phóng mặt bằng các dự án giao thông trọng điểm"
    ]
    plain = extract(
        "Khẩn trương giải phóng mặt bằng các dự án giao thông trọng điểm\n\nSáng 12/4, Phó Chủ"
        " tịch UBND tỉnh Trần Văn Bình chủ trì cuộc họp về tiến độ các dự án giao thông."
    )
    assert not plain.directives


def test_a_requests_first_part_that_ends_on_the_bodies_asked_is_no_task() -> None:
    """ "Chủ tịch UBND tỉnh vừa có công văn chỉ đạo các sở, ban, ngành, đoàn thể tỉnh; UBND các
    huyện, thị xã đẩy nhanh …": the part before ";" ends on the bodies it asks, no task of its
    own; the part after it is the task."""
    letter = directives(
        "Chủ tịch UBND tỉnh vừa có công văn chỉ đạo các sở, ban, ngành, đoàn thể tỉnh; UBND các"
        " huyện, thị xã đẩy nhanh tiến độ giải ngân vốn thực hiện các chương trình mục tiêu quốc"
        " gia giảm nghèo bền vững."
    )
    texts = [text for _, text, _ in letter]
    assert "các sở, ban, ngành, đoàn thể tỉnh" not in texts
    assert any(text.startswith("UBND các huyện, thị xã đẩy nhanh") for text in texts)


def test_a_topic_fronted_before_who_asks_is_no_report_of_the_request() -> None:
    """ "Riêng về chợ X vừa xảy ra vụ cháy các ki-ốt, thành phố yêu cầu UBND quận Y chỉ đạo …":
    the "vừa" of the fronted topic reports the fire, not the request, which is a task from the
    body asked."""
    found = directives(
        "TP - UBND thành phố vừa có văn bản yêu cầu các sở, ngành, UBND các quận, huyện tăng"
        " cường công tác quản lý chợ trên địa bàn.\n\nRiêng về chợ Đồng Tâm vừa xảy ra vụ cháy"
        " các ki-ốt, thành phố yêu cầu UBND quận Hoàng Mai chỉ đạo khắc phục hậu quả, tổ chức cho"
        " chợ hoạt động ổn định."
    )
    assert any(text.startswith("UBND quận Hoàng Mai chỉ đạo khắc phục") for _, text, _ in found)
