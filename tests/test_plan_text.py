"""The 2022 plan holds the reference text, word for word, in order, with derived text computed."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from tests.conftest import reference_body_paragraphs


def body_paragraphs(document: DocumentObject) -> list[str]:
    """Text of the paragraphs outside tables, in the first (portrait) section."""
    texts = []
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("PhuLuc"):
            break
        if paragraph.text.strip():
            texts.append(paragraph.text)
    return texts


def test_every_reference_paragraph_in_order(plan_document: DocumentObject) -> None:
    reference = reference_body_paragraphs()
    produced = body_paragraphs(plan_document)
    # Title block first: type name and the two trích yếu lines.
    assert produced[0] == "KẾ HOẠCH"
    assert produced[1] == (
        "Triển khai, thực hiện công tác thi đua, khen thưởng năm 2022\ncủa Văn phòng UBND tỉnh"
    )
    assert produced[2:] == reference, "body text differs from the reference"


def test_header_block_text(plan_document: DocumentObject) -> None:
    header = plan_document.tables[0]
    left = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in header.cell(0, 1).paragraphs if p.text]
    assert left == ["UBND TỈNH SƠN LA", "VĂN PHÒNG"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header.cell(1, 0).text == "Số: 05/KH-VPUBND"
    assert header.cell(1, 1).text == "Sơn La, ngày 22 tháng 12 năm 2021"


def test_recipients_and_signature(plan_document: DocumentObject) -> None:
    block = plan_document.tables[1]
    left = [p.text for p in block.cell(0, 0).paragraphs if p.text]
    assert left == [
        "Nơi nhận:",
        "- Sở Nội vụ;",
        "- Các thành viên Hội đồng TĐKT Văn phòng;",
        "- Các phòng, ban, đơn vị;",
        "- Lưu: VT, TCHCQT, H01b.",
    ]
    right = [p.text for p in block.cell(0, 1).paragraphs if p.text]
    assert right == ["CHÁNH VĂN PHÒNG", "Nguyễn Huy Anh"]
    blank = [p for p in block.cell(0, 1).paragraphs if not p.text]
    assert 3 <= len(blank) <= 4, "room for signature and seal: 3-4 blank lines"


def test_appendix(plan_document: DocumentObject) -> None:
    texts = [p.text for p in plan_document.paragraphs if p.style.name.startswith("PhuLuc")]
    assert texts == [
        "Phụ lục",
        "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022",
        "(Kèm theo Kế hoạch số 05/KH-VPUBND ngày 22 tháng 12 năm 2021 "
        "của Văn phòng UBND tỉnh Sơn La)",
    ]
    table = plan_document.tables[2]
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
    ]  # fmt: skip
    numbers = [row.cells[0].text for row in table.rows[1:]]
    assert numbers == [str(n) for n in range(1, len(table.rows))]
    assert table.rows[1].cells[2].text == "Trung tâm Thông tin"  # TTTT expanded from the profile
    assert len(table.rows) > 5
