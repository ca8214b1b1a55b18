"""Công văn: no type name, Số with agency then drafting unit, 'V/v ...' under it, Kính gửi,
text closing './.', '- Như trên;', the answer to an incoming letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from tests.typed_docs import (
    REPO,
    assert_pages,
    assert_verified,
    body,
    cell_looks,
    cell_texts,
    first,
    open_docx,
    pdfs_of,
    render_mapping,
    render_variants,
)

EXAMPLE = REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
ANSWERED = {
    "so": "98/SNV-TĐKT",
    "ngay": "29/01/2024",
    "cua": "Sở Nội vụ tỉnh Sơn La",
    "ve_viec": "báo cáo tổng kết công tác thi đua, khen thưởng năm 2023",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example; one addressed to one office answering its letter; a long one."""
    out = tmp_path_factory.mktemp("cong-van")
    long_text = "Các đơn vị rà soát, tổng hợp đầy đủ số liệu, bảo đảm chính xác, đúng hạn. " * 12
    variants = {
        "danh_sach": {},
        "tra_loi": {"kinh_gui": "Sở Nội vụ tỉnh Sơn La", "tra_loi": ANSWERED,
                    "trich_yeu": "V/v báo cáo tổng kết năm 2023"},
        "dai": {"noi_dung": [long_text] * 8},
    }  # fmt: skip
    return render_variants(EXAMPLE, variants, out)


@pytest.fixture(scope="module")
def pdfs(rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return pdfs_of(rendered, tmp_path_factory.mktemp("cong-van-pdf"))


def test_number_and_subject_under_it(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["danh_sach"])
    number, about = cell_looks(doc, 0, 1, 0)
    assert number.text == "Số: 125/VPUBND-TCHCQT" and number.size == 13 and not number.bold
    # in even lines under Số (context.cong_van.about_lines), the words as typed
    assert " ".join(about.text.split()) == (
        "V/v Đôn đốc gửi báo cáo tổng kết công tác thi đua, khen thưởng năm 2023"
    )
    assert (about.size, about.bold, about.italic, about.align) == (12, False, False, "CENTER")
    # No type name, no title: the text starts with Kính gửi.
    assert body(doc)[0].text.startswith("Kính gửi:")
    assert not any(x.text in ("CÔNG VĂN", "Công văn") for x in body(doc))


def test_a_typed_v_v_is_not_doubled(rendered: dict[str, Path]) -> None:
    about = cell_looks(open_docx(rendered["tra_loi"]), 0, 1, 0)[1]
    assert about.text == "V/v báo cáo tổng kết năm 2023"


def test_addressees(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["danh_sach"]))
    assert [x.text for x in looks[:2]] == [
        "Kính gửi:\t- Các phòng, ban, đơn vị thuộc Văn phòng;",
        "- Nhà khách Bình Minh.",
    ]
    # The dashes at 55 mm, each name after its dash (2.9 mm), where a wrapped line goes on.
    assert all(x.size == 14 and x.left_mm == 57.9 for x in looks[:2])
    assert round(looks[1].left_mm + looks[1].first_mm, 1) == 55.0
    one = body(open_docx(rendered["tra_loi"]))[0]
    assert one.text == "Kính gửi: Sở Nội vụ tỉnh Sơn La"
    assert (one.size, one.bold, one.align) == (14, False, "CENTER")


def test_text_and_closing(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["danh_sach"]))
    text = first(looks, "Thực hiện Kế hoạch số 05/KH-VPUBND")
    assert (text.size, text.bold, text.align, text.first_mm) == (14, False, "JUSTIFY", 12.7)
    assert first(looks, "- Hoàn thiện báo cáo").first_mm == 12.7
    assert looks[-1].text.endswith("trước ngày 20 tháng 02 năm 2024 để tổng hợp./.")


def test_answer_opens_with_the_letter_answered(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["tra_loi"]))
    assert looks[1].text == (
        "Phúc đáp Văn bản số 98/SNV-TĐKT ngày 29 tháng 01 năm 2024 của Sở Nội vụ tỉnh Sơn La về "
        "việc báo cáo tổng kết công tác thi đua, khen thưởng năm 2023, Văn phòng UBND tỉnh Sơn "
        "La có ý kiến như sau:"
    )
    assert looks[1].align == "JUSTIFY"


def test_recipients_start_with_nhu_tren(rendered: dict[str, Path]) -> None:
    assert cell_texts(open_docx(rendered["danh_sach"]), -1, 0, 0) == [
        "Nơi nhận:", "- Như trên;", "- Lãnh đạo Văn phòng;", "- Lưu: VT, TCHCQT, H01b.",
    ]  # fmt: skip


@pytest.mark.parametrize("variant", ["danh_sach", "tra_loi", "dai"])
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "cong_van")


def test_pdf_pages(pdfs: dict[str, Path]) -> None:
    pages = assert_pages(pdfs["danh_sach"], 1)
    assert any(line.startswith("Số: 125/VPUBND-TCHCQT") for line in pages[0])
    assert any(line.startswith("V/v Đôn đốc") for line in pages[0])
    assert_pages(pdfs["tra_loi"], 1)
    assert len(assert_pages(pdfs["dai"])) >= 2



def test_register_lists_the_addressees_before_noi_nhan() -> None:
    """Sổ văn bản đi: a letter goes to those Kính gửi names, then to its Nơi nhận."""
    from pipeline.register.documents import register_details
    from pipeline.workspace import Workspace

    details = register_details(Workspace.containing(EXAMPLE).load(EXAMPLE))
    assert details.recipients == (
        "Các phòng, ban, đơn vị thuộc Văn phòng; Nhà khách Bình Minh; Lãnh đạo Văn phòng"
    )
    assert details.symbol == "VPUBND-TCHCQT" and details.type_code is None


def test_a_reply_dated_before_the_letter_it_answers_is_refused() -> None:
    later = {**ANSWERED, "ngay": "20/02/2024"}  # the example is dated 05/02/2024
    with pytest.raises(InputError) as caught:
        render_mapping(EXAMPLE, {"tra_loi": later})
    text = caught.value.message()
    assert "tra_loi" in text and "20/02/2024" in text and "05/02/2024" in text


def test_a_reply_the_same_day_as_the_letter_is_accepted(tmp_path: Path) -> None:
    same_day = {**ANSWERED, "ngay": "05/02/2024"}
    rendered = render_variants(EXAMPLE, {"cung_ngay": {"tra_loi": same_day}}, tmp_path)
    texts = [p.text for p in body(open_docx(rendered["cung_ngay"]))]
    assert any("ngày 05 tháng 02 năm 2024" in text for text in texts)
