"""`extract`: the clause model that decides which candidate clauses are directives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import pytest

from dirtrack.extract import extract
from dirtrack.extract import model as clause_model

LEAD = (
    "Sáng 5/6/2023, UBND huyện họp thường kỳ tháng 6. Đồng chí Trần Văn Nam, Chủ tịch UBND huyện"
    " chủ trì. Kết luận cuộc họp, đồng chí Chủ tịch yêu cầu "
)


@pytest.fixture
def rules_alone() -> Iterator[list[clause_model.Candidate]]:
    """The model switched off as the training script does it: the rules decide alone and every
    candidate clause is recorded."""
    clause_model.RECORDER = []
    try:
        yield clause_model.RECORDER
    finally:
        clause_model.RECORDER = None


def texts(text: str) -> list[str]:
    return [d.text for d in extract(text).directives]


def test_the_shipped_model_is_a_small_json_with_its_thresholds() -> None:
    raw = resources.files("dirtrack.extract").joinpath("clauses.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["seed"] == 0 and 0 < data["add"] < 1 and 0 < data["veto"] < 1
    assert 100 < len(data["weights"]) < 50_000
    model = clause_model.load()
    assert model is not None and model.add == data["add"]


def test_a_task_the_rules_pass_over_is_taken(rules_alone: list[clause_model.Candidate]) -> None:
    text = (
        LEAD + "các phòng tăng cường kiểm tra hoạt động khai thác cát; dọn dẹp bãi rác tự phát ven"
        " đường liên xã; lắp đặt biển báo tại các điểm sạt lở."
    )
    alone = texts(text)
    assert alone == ["các phòng tăng cường kiểm tra hoạt động khai thác cát"]
    # the rules considered the other two clauses and did not take them
    assert [c.rule for c in rules_alone if c.text.startswith(("dọn", "lắp"))] == [False, False]
    clause_model.RECORDER = None
    assert texts(text) == [
        "các phòng tăng cường kiểm tra hoạt động khai thác cát",
        "dọn dẹp bãi rác tự phát ven đường liên xã",
        "lắp đặt biển báo tại các điểm sạt lở",
    ]


def test_a_task_the_model_adds_keeps_the_unit_the_rules_carry() -> None:
    found = extract(
        LEAD + "Phòng Kinh tế tăng cường kiểm tra; xử lý dứt điểm các điểm tập kết vật liệu trái"
        " phép; di dời hộ dân khỏi vùng sạt lở trước ngày 31/7."
    ).directives
    assert [d.unit for d in found] == ["Phòng Kinh tế"] * 3
    assert found[2].text.startswith("di dời") and str(found[2].due) == "2023-07-31"


def test_reports_and_limitations_stay_out() -> None:
    text = (
        "Sáng 5/6/2023, UBND huyện họp thường kỳ tháng 6. Tuy nhiên, tiến độ giải ngân vốn đầu tư"
        " công còn chậm. Trong tháng, các xã đã hoàn thành thu hoạch lúa chiêm xuân; 12 hộ được hỗ"
        " trợ xây nhà. Phòng Nội vụ sẽ tổ chức hội nghị tập huấn."
    )
    assert texts(text) == []


def test_an_ordinal_opening_an_entry_is_a_list_marker(
    rules_alone: list[clause_model.Candidate],
) -> None:
    """ "Thứ nhất, …", "Hai là, …" number a leader's entries as a dash does: the model reads the
    marker (``enum``), not the ordinal's words as the frame before the task ("là" mostly frames
    a report: "kết quả là …")."""
    extract(
        LEAD.replace(" yêu cầu ", " yêu cầu các xã tập trung mấy việc sau: ")
        + "Thứ nhất, kiểm tra các điểm sạt lở. Hai là, di dời hộ dân khỏi vùng nguy hiểm."
        " Phòng Nội vụ rà soát bộ máy."
    )
    feats = {c.text: c.features for c in rules_alone}
    for text in ("kiểm tra các điểm sạt lở", "di dời hộ dân khỏi vùng nguy hiểm"):
        assert "enum" in feats[text]
        assert not {"p:thu", "p:nhat", "p:hai", "p:la"} & set(feats[text])
    assert "enum" not in feats["Phòng Nội vụ rà soát bộ máy"]
    clause_model.RECORDER = None
    found = texts(
        "Sáng 5/6/2023, UBND huyện họp. Chủ tịch UBND huyện đề nghị thời gian tới các phòng cần"
        " tập trung: Thứ nhất, rà soát ngân sách. Thứ hai, kiện toàn bộ máy."
    )
    assert found == ["rà soát ngân sách", "kiện toàn bộ máy"]


def test_features_do_not_depend_on_what_the_model_took(
    rules_alone: list[clause_model.Candidate],
) -> None:
    """The rules' state (zone, previous unit, deadline in force) follows the rules only: the
    model reads at run time what it was trained on."""
    text = (
        LEAD + "các phòng tăng cường kiểm tra hoạt động khai thác cát; dọn dẹp bãi rác tự phát ven"
        " đường liên xã. Tổ chức tốt lễ phát động trồng cây."
    )
    extract(text)
    recorded = [(c.text, sorted(c.features)) for c in rules_alone]
    clause_model.RECORDER = None
    model = clause_model.load()
    assert model is not None
    seen: list[tuple[str, list[str]]] = []
    original = clause_model.Model.decide

    def spy(self: clause_model.Model, feats: list[str], rule: bool) -> bool:
        if self is model:  # the directives' model (the limitations' one decides too)
            seen.append(("", sorted(feats)))
        return original(self, feats, rule)

    clause_model.Model.decide = spy  # type: ignore[method-assign]
    try:
        extract(text)
    finally:
        clause_model.Model.decide = original  # type: ignore[method-assign]
    assert [f for _, f in seen] == [f for _, f in recorded]


@pytest.fixture
def limitation_rules_alone() -> Iterator[list[clause_model.Candidate]]:
    """The limitations' model switched off as the training script does it."""
    clause_model.LIMIT_RECORDER = []
    try:
        yield clause_model.LIMIT_RECORDER
    finally:
        clause_model.LIMIT_RECORDER = None


def limitations(text: str) -> list[tuple[str | None, str]]:
    return [(x.unit, x.text) for x in extract(text).limitations]


def test_the_shipped_limitation_model_only_adds() -> None:
    raw = resources.files("dirtrack.extract").joinpath("limitations.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["seed"] == 0 and 0 < data["add"] < 1 and data["veto"] == 0.0
    assert 100 < len(data["weights"]) < 50_000
    model = clause_model.load(clause_model.LIMITATIONS)
    assert model is not None and model.add == data["add"]


INSPECTION = (
    "Sáng 25/6/2010, đoàn kiểm tra của huyện kiểm tra đột xuất tại UBND xã Tân Lập. Kết quả cho"
    " thấy, UBND xã Tân Lập chưa niêm yết công khai thủ tục hành chính tại trụ sở. Việc lưu giữ hồ"
    " sơ chứng thực còn lộn xộn, yếu kém; sổ theo dõi ghi chép chưa đầy đủ thông tin."
)


def test_every_body_clause_is_a_limitation_candidate(
    limitation_rules_alone: list[clause_model.Candidate],
) -> None:
    alone = limitations(INSPECTION)
    cands = {c.text: c for c in limitation_rules_alone}
    # every clause of the body was considered, the first sentence's too
    assert any(t.startswith("Sáng 25/6/2010") for t in cands)
    assert "sổ theo dõi ghi chép chưa đầy đủ thông tin" in cands
    assert "neg" in cands["sổ theo dõi ghi chép chưa đầy đủ thông tin"].features
    # while recording, what is found is what the rules took
    assert {t for _, t in alone} == {t for t, c in cands.items() if c.rule}


def test_the_model_adds_findings_and_carries_their_unit() -> None:
    found = limitations(INSPECTION)
    texts_found = [t for _, t in found]
    assert "sổ theo dõi ghi chép chưa đầy đủ thông tin" in texts_found
    # a shortcoming that names no subject goes on with the unit of the one before it
    assert {u for u, _ in found} == {"UBND xã Tân Lập"}


def test_achievements_give_no_limitation() -> None:
    text = (
        "Sáng 5/6/2023, UBND huyện họp thường kỳ tháng 6. Trong tháng, các xã đã hoàn thành thu"
        " hoạch lúa chiêm xuân; 12 hộ được hỗ trợ xây nhà. Quốc phòng, an ninh được giữ vững."
    )
    assert limitations(text) == []
