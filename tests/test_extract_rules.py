"""`extract`: the rules added from the development set's misses, each on a text of its own."""

from __future__ import annotations

from datetime import date

from dirtrack.extract import extract
from dirtrack.extract.clean import clean

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
    assert [unit for unit, _, _ in found] == ["Chi bộ khu dân cư Hòa Bình", None]


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
