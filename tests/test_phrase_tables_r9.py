"""Every heading vanthu prints comes from the phrase table: a Kế hoạch's appendix of tasks
(phu_luc_cot_*, also when a Quyết định issues the plan) and a Thông báo's lịch công tác
(lich_cot_*), today's text by default, the office's own when its profile says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.errors import InputError
from tests.docx_text import paragraph_texts
from tests.test_office_awards import line_of
from tests.test_office_wording_r9 import with_phrases

REPO = Path(__file__).resolve().parents[1]
PLAN = "2022/ke-hoach-tdkt.yaml"
ISSUING = "2022/qd-ban-hanh-ke-hoach.yaml"
SCHEDULE = "2024/tb-lich-cong-tac-tuan.yaml"
PLAN_HEADINGS = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
SCHEDULE_HEADINGS = ["Thời gian", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm"]


def rendered(renderer, path: Path, out: Path) -> list[str]:
    renderer.render_file(path, out)
    return paragraph_texts(out)


def follows(texts: list[str], headings: list[str]) -> bool:
    """Whether `headings` stand in `texts` one after another (a table's header row)."""
    at = texts.index(headings[0])
    return texts[at : at + len(headings)] == headings


@pytest.mark.parametrize(
    ("document", "headings"),
    [(PLAN, PLAN_HEADINGS), (ISSUING, PLAN_HEADINGS), (SCHEDULE, SCHEDULE_HEADINGS)],
)
def test_today_s_headings_by_default(
    inputs_copy: Path, tmp_path: Path, renderer, document: str, headings: list[str]
) -> None:
    assert follows(rendered(renderer, inputs_copy / document, tmp_path / "out.docx"), headings)


def test_the_templates_hold_no_fixed_heading() -> None:
    """tools/make_templates.py reads the headings from the context."""
    appendix = paragraph_texts(REPO / "templates/khoi/phu-luc-nhiem-vu.docx")
    assert "Nhiệm vụ" not in appendix and "Đơn vị chủ trì" not in appendix
    assert "{{ phu_luc.cot.nhiem_vu }}" in appendix
    notice = paragraph_texts(REPO / "templates/thong-bao.docx")
    assert "Chủ trì" not in notice and "{{ lich_cot.chu_tri }}" in notice


def test_the_plan_s_appendix_prints_the_office_s_headings(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    with_phrases(inputs_copy, (
        '  phu_luc_cot_nhiem_vu: "Nội dung công việc"\n'
        '  phu_luc_cot_thoi_gian: "Thời hạn"\n'
    ))  # fmt: skip
    expected = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    for document in (PLAN, ISSUING):  # the plan alone, and issued by its decision
        texts = rendered(renderer, inputs_copy / document, tmp_path / "out.docx")
        assert follows(texts, expected), document
        assert "Nhiệm vụ" not in texts


def test_a_document_s_own_wording_heads_its_schedule(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    notice = inputs_copy / SCHEDULE
    notice.write_text(
        notice.read_text("utf-8") + 'cau_chu:\n  lich_cot_chu_tri: "Lãnh đạo chủ trì"\n', "utf-8"
    )
    texts = rendered(renderer, notice, tmp_path / "tb.docx")
    assert follows(texts, ["Thời gian", "Nội dung", "Lãnh đạo chủ trì", "Thành phần", "Địa điểm"])


@pytest.mark.parametrize(
    ("document", "key"), [(PLAN, "phu_luc_cot_phoi_hop"), (SCHEDULE, "lich_cot_dia_diem")]
)
def test_an_empty_heading_is_refused_at_the_profile_s_line(
    inputs_copy: Path, document: str, key: str
) -> None:
    profile = with_phrases(inputs_copy, f'  {key}: ""\n')
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / document)
    assert caught.value.line == line_of(profile, key)
    assert "tên cột" in caught.value.message("vi")


def test_a_heading_naming_a_field_is_refused(inputs_copy: Path) -> None:
    profile = with_phrases(inputs_copy, '  lich_cot_thoi_gian: "Thời gian {{ gio }}"\n')
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / SCHEDULE)
    assert caught.value.line == line_of(profile, "lich_cot_thoi_gian")
