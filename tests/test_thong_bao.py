"""Thông báo: title, opening, Mục with khoản, closing './.', Nơi nhận with groups, signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from pipeline.verify import verify_file
from tests.typed_docs import (
    REPO,
    TEMPLATES,
    assert_pages,
    assert_verified,
    body,
    cell_looks,
    cell_texts,
    first,
    open_docx,
    render_variants,
    to_pdf,
)

EXAMPLE = REPO / "inputs" / "2024" / "tb-ket-luan-hop-hoi-dong.yaml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("thong-bao")
    long_text = "Các phòng, ban, đơn vị triển khai nghiêm túc, kịp thời nội dung kết luận. " * 12
    variants = {"vi_du": {}, "dai": {"mo_dau": [long_text] * 8}, "khong_muc": {"muc": None}}
    return render_variants(EXAMPLE, variants, out)


def test_header_and_title(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["vi_du"])
    assert cell_looks(doc, 0, 1, 0)[0].text == "Số: 07/TB-VPUBND"
    title, subject = body(doc)[:2]
    assert (title.text, title.size, title.bold, title.align) == ("THÔNG BÁO", 14, True, "CENTER")
    assert subject.text.startswith("Kết luận của Chánh Văn phòng tại cuộc họp")
    assert (subject.size, subject.bold, subject.align) == (14, True, "CENTER")


def test_body(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["vi_du"]))
    opening = looks[2]
    assert opening.text.startswith("Ngày 06 tháng 02 năm 2024, đồng chí Nguyễn Huy Anh")
    assert (opening.size, opening.bold, opening.align, opening.first_mm) == (
        14, False, "JUSTIFY", 12.7,
    )  # fmt: skip
    section = first(looks, "I. ĐÁNH GIÁ CHUNG")
    assert section.bold and section.size == 14
    assert first(looks, "II. NHIỆM VỤ THỜI GIAN TỚI").bold
    assert first(looks, "2. Các phòng, ban, đơn vị tiếp tục").align == "JUSTIFY"
    assert looks[-1].text == (
        "Văn phòng UBND tỉnh thông báo để các phòng, ban, đơn vị biết, thực hiện./."
    )


def test_without_sections(rendered: dict[str, Path]) -> None:
    texts = [x.text for x in body(open_docx(rendered["khong_muc"]))]
    assert not any(t.startswith("I. ") for t in texts)
    assert texts[-1].endswith("biết, thực hiện./.")


def test_recipients(rendered: dict[str, Path]) -> None:
    assert cell_texts(open_docx(rendered["vi_du"]), -1, 0, 0) == [
        "Nơi nhận:", "- Lãnh đạo Văn phòng;", "- Các thành viên Hội đồng TĐKT Văn phòng;",
        "- Các phòng, ban, đơn vị;", "- Lưu: VT, TCHCQT, H01b.",
    ]  # fmt: skip


@pytest.mark.parametrize("variant", ["vi_du", "dai", "khong_muc"])
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "thong_bao")


def test_pdf_pages(rendered: dict[str, Path], tmp_path: Path) -> None:
    example, long = to_pdf([rendered["vi_du"], rendered["dai"]], tmp_path)
    assert_pages(example, 1)
    assert len(assert_pages(long)) >= 2



SCHEDULE = REPO / "inputs" / "2024" / "tb-lich-cong-tac-tuan.yaml"


def test_schedule_table(tmp_path: Path) -> None:
    """Thông báo lịch công tác: a table whose first cell says the weekday, computed."""
    from pipeline.api import Renderer

    out = Renderer(TEMPLATES).render_file(SCHEDULE, tmp_path / "lich.docx")
    doc = open_docx(out)
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == [
        "Thời gian", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm",
    ]  # fmt: skip
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    days = [row.cells[0].text for row in table.rows[1:]]
    assert days == [
        "Thứ Hai\n12/02/2024\n08 giờ 00", "Thứ Ba\n13/02/2024\n14 giờ 00",
        "Thứ Năm\n15/02/2024", "Chủ nhật\n18/02/2024\n07 giờ 30",
    ]  # fmt: skip
    assert table.rows[3].cells[3].text == ""
    assert body(doc)[-1].text.endswith("khi có điều chỉnh./.")
    report = verify_file(out)
    assert report.doc_type == "thong_bao" and report.ok, [v.rule for v in report.violations]
    (pdf,) = to_pdf([out], tmp_path)
    assert_pages(pdf, 1)
