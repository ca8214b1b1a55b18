"""Tờ trình: title, Kính gửi (one or a list), running text, 'Kính trình ...', '- Như trên;'."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    word_boxes,
)

EXAMPLE = REPO / "inputs" / "2024" / "to-trinh-khen-thuong.yaml"
ADDRESSEES = ["Ủy ban nhân dân tỉnh Sơn La", "Sở Nội vụ tỉnh Sơn La", "Ban Thi đua - Khen thưởng"]
# Wraps in the list's column: its second line must stand under its text, not under its dash.
LONG_ADDRESSEE = "Ủy ban nhân dân các xã Vân Hồ, Lóng Sập, Phiêng Luông, Chiềng Sơn, Tân Xuân"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example, the example addressed to a list, and a long one (several pages)."""
    out = tmp_path_factory.mktemp("to-trinh")
    long_text = "Nội dung đề nghị được trình bày đầy đủ, rõ ràng để cấp trên xem xét. " * 12
    variants = {
        "mot": {},
        "danh_sach": {"kinh_gui": ADDRESSEES, "kinh_trinh": None},
        "dai_ten": {"kinh_gui": [LONG_ADDRESSEE, *ADDRESSEES[1:]], "kinh_trinh": None},
        "dai": {"mo_dau": [long_text] * 8},
    }
    return render_variants(EXAMPLE, variants, out)


@pytest.fixture(scope="module")
def pdfs(rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return pdfs_of(rendered, tmp_path_factory.mktemp("to-trinh-pdf"))


def test_header_and_title(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["mot"])
    number = cell_looks(doc, 0, 1, 0)[0]
    assert number.text == "Số: 12/TTr-VPUBND" and number.size == 13 and not number.bold
    looks = body(doc)
    title, subject = looks[0], looks[1]
    assert (title.text, title.size, title.bold, title.align) == ("TỜ TRÌNH", 14, True, "CENTER")
    assert subject.text.startswith("Về việc đề nghị tặng Bằng khen")
    assert (subject.size, subject.bold, subject.align) == (14, True, "CENTER")


def test_one_addressee_on_the_line(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["mot"]))
    line = first(looks, "Kính gửi")
    assert line.text == "Kính gửi: Ủy ban nhân dân tỉnh Sơn La"
    assert (line.size, line.bold, line.italic, line.align) == (14, False, False, "CENTER")
    # Right under the trích yếu's rule, before the text.
    assert looks.index(line) == 2


def test_addressees_as_a_list(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["danh_sach"]))
    start = looks.index(first(looks, "Kính gửi"))
    lines = looks[start : start + 3]
    assert [x.text for x in lines] == [
        "Kính gửi:\t- Ủy ban nhân dân tỉnh Sơn La;",
        "- Sở Nội vụ tỉnh Sơn La;",
        "- Ban Thi đua - Khen thưởng.",
    ]
    # The dashes line up at 55 mm (the first line's after a tab there), "Kính gửi:" 25 mm before
    # them; each line hangs its dash, so a wrapped name goes on under its text (2.9 mm: "- ").
    assert {x.left_mm for x in lines} == {57.9}
    assert lines[0].left_mm + lines[0].first_mm == 30.0
    assert {round(x.left_mm + x.first_mm, 1) for x in lines[1:]} == {55.0}
    assert all(x.size == 14 and not x.bold for x in lines)
    closing = looks[-1].text
    assert closing == (
        "Kính trình Ủy ban nhân dân tỉnh Sơn La, Sở Nội vụ tỉnh Sơn La và Ban Thi đua - Khen "
        "thưởng xem xét, quyết định./."
    )


def test_body_and_closing(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["mot"]))
    text = first(looks, "Căn cứ Luật Thi đua")
    assert (text.size, text.bold, text.align, text.first_mm) == (14, False, "JUSTIFY", 12.7)
    assert first(looks, "I. THÀNH TÍCH ĐẠT ĐƯỢC").bold
    assert first(looks, "II. ĐỀ NGHỊ KHEN THƯỞNG").bold
    assert first(looks, "1. Tặng Bằng khen").align == "JUSTIFY"
    assert looks[-2].text == "(Có hồ sơ, danh sách và báo cáo thành tích kèm theo)."
    assert looks[-1].text == "Kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./."
    assert looks[-1].align == "JUSTIFY" and looks[-1].first_mm == 12.7


def test_recipients_start_with_nhu_tren(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["mot"])
    assert cell_texts(doc, -1, 0, 0) == [
        "Nơi nhận:", "- Như trên;", "- Lãnh đạo Văn phòng;", "- Lưu: VT, TCHCQT, H02b.",
    ]  # fmt: skip
    names = cell_texts(doc, -1, 0, 1)
    assert names == ["CHÁNH VĂN PHÒNG", "Nguyễn Huy Anh"]


def test_wording_from_the_phrase_table(tmp_path: Path) -> None:
    """The closing is câu chữ: a document (or office) words it its own way; './.' is added."""
    wording = {"kinh_trinh": "Kính trình {{ kinh_trinh }} xem xét, phê duyệt", "nhu_tren": ""}
    data = render_mapping(EXAMPLE, {"cau_chu": wording})
    doc = open_docx(data)
    assert body(doc)[-1].text == "Kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./."
    assert cell_texts(doc, -1, 0, 0)[1] == "- Lãnh đạo Văn phòng;"


@pytest.mark.parametrize("variant", ["mot", "danh_sach", "dai"])
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "to_trinh")


def test_a_wrapped_addressee_goes_on_under_its_text(pdfs: dict[str, Path]) -> None:
    """Read from the PDF LibreOffice makes: the wrapped line starts where the name did."""
    words = word_boxes(pdfs["dai_ten"])
    dash = next(i for i, (text, _, _) in enumerate(words) if text == "Kính") + 2
    assert words[dash][0] == "-" and words[dash + 1][0] == "Ủy"
    name_x, first_y = words[dash + 1][1], words[dash + 1][2]
    wrapped = next(w for w in words[dash + 1 :] if w[2] > first_y + 5)
    assert abs(wrapped[1] - name_x) < 1.0, (wrapped, name_x)
    assert wrapped[1] - words[dash][1] > 7  # under the name, right of the dash


def test_pdf_pages(pdfs: dict[str, Path]) -> None:
    assert_pages(pdfs["mot"], 1)
    assert_pages(pdfs["danh_sach"], 1)
    pages = assert_pages(pdfs["dai"])
    assert len(pages) >= 2
    assert any("Nguyễn Huy Anh" in line for line in pages[-1])

