"""A Danh sách's title too wide for one line is broken between its phrases (after a comma,
before "của", before a name), never inside "năm 2022" nor, when it can help it, between two
words in lower case; LibreOffice prints the lines as broken."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from pipeline.context.title_lines import BAD, GOOD, NAME, POOR, break_costs, title_lines
from pipeline.rules.metrics import (
    EMU_PER_POINT,
    PORTRAIT_TEXT_WIDTH_PT,
    RULE_RATIO_PART,
    text_width_pt,
)
from tests.typed_docs import to_pdf

REPO = Path(__file__).resolve().parents[1]


def lines_of(title: str) -> list[str]:
    return list(title_lines(title, 14, PORTRAIT_TEXT_WIDTH_PT, bold=True))


def printed_lines(docx: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """`docx` as LibreOffice prints it and pdftotext reads it back: the whole text, and its
    lines with their spaces folded (a line broken in the .docx is a line here)."""
    (pdf,) = to_pdf([docx], tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text, [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        # Word wraps it "… CỦA CHÁNH VĂN" / "PHÒNG UBND TỈNH".
        ("Cá nhân, tập thể được tặng Giấy khen của Chánh Văn phòng UBND tỉnh",
         ["CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN", "CỦA CHÁNH VĂN PHÒNG UBND TỈNH"]),
        # Word wraps it "… THI ĐUA NĂM" / "2022".
        ("Cá nhân, tập thể được công nhận danh hiệu thi đua năm 2022",
         ["CÁ NHÂN, TẬP THỂ", "ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2022"]),
        ("Các tập thể và cá nhân được tặng Bằng khen của Thủ tướng Chính phủ",
         ["CÁC TẬP THỂ VÀ CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN", "CỦA THỦ TƯỚNG CHÍNH PHỦ"]),
        # Three lines; "Học sinh Xuất sắc" and "năm học 2023-2024" kept whole.
        ("Danh sách học sinh đạt danh hiệu Học sinh Xuất sắc, Học sinh Giỏi năm học 2023-2024 "
         "của Trường Trung học phổ thông Chu Văn An",
         ["DANH SÁCH HỌC SINH ĐẠT DANH HIỆU HỌC SINH XUẤT SẮC,", "HỌC SINH GIỎI NĂM HỌC 2023-2024",
          "CỦA TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN"]),
        # Typed in capitals: the joining word still shows where a phrase starts.
        ("CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN CỦA CHÁNH VĂN PHÒNG UBND TỈNH",
         ["CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN", "CỦA CHÁNH VĂN PHÒNG UBND TỈNH"]),
        # One line when it fits; lines typed by the clerk are kept.
        ("Cá nhân được công nhận danh hiệu thi đua năm 2025",
         ["CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2025"]),
        ("Cá nhân, tập thể\nđược tặng Giấy khen", ["CÁ NHÂN, TẬP THỂ", "ĐƯỢC TẶNG GIẤY KHEN"]),
    ],
)  # fmt: skip
def test_a_title_breaks_between_its_phrases(typed: str, printed: list[str]) -> None:
    lines = lines_of(typed)
    assert lines == printed
    for line in lines:
        assert text_width_pt(line, 14, bold=True) <= PORTRAIT_TEXT_WIDTH_PT


def test_break_costs() -> None:
    words = "được tặng Giấy khen năm 2022 của Phó Chủ tịch, thi đua".split()
    costs = break_costs(words)
    assert costs[words.index("Giấy")] == NAME
    assert costs[words.index("khen")] == POOR
    assert costs[words.index("năm")] == GOOD
    assert costs[words.index("2022")] == BAD
    assert costs[words.index("Chủ")] == BAD  # after "Phó"
    assert costs[words.index("thi")] == GOOD  # after a comma


def test_a_name_too_long_for_any_line_is_a_line_of_its_own() -> None:
    word = "A" * 80
    assert lines_of(f"Cá nhân {word} được khen") == ["CÁ NHÂN", word, "ĐƯỢC KHEN"]


def test_libreoffice_prints_the_danh_sach_title_as_broken(renderer, tmp_path: Path) -> None:
    data = REPO / "inputs" / "2022" / "qd-giay-khen.yaml"
    docx = renderer.render_file(data, tmp_path / "gk.docx")
    title = next(p for p in Document(str(docx)).paragraphs if p.style.style_id == "PhuLucTieuDe")
    assert title.text == "CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN\nCỦA CHÁNH VĂN PHÒNG UBND TỈNH"
    text, lines = printed_lines(docx, tmp_path)
    assert "CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN" in lines, text
    assert "CỦA CHÁNH VĂN PHÒNG UBND TỈNH" in lines, text


def test_the_title_is_data(renderer, tmp_path: Path) -> None:
    """A title broken into lines inside its run still prints what the clerk typed: & < > and
    braces are text, not markup."""
    source = (REPO / "inputs" / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    typed = "Cá nhân, tập thể <Tổ 1 & Tổ 2> được tặng Giấy khen {{ nam }} của Chánh Văn phòng"
    data = tmp_path / "inputs" / "2022" / "qd.yaml"
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    data.write_text(source.replace(
        "Cá nhân, tập thể được tặng Giấy khen của Chánh Văn phòng UBND tỉnh", typed), "utf-8")
    docx = renderer.render_file(data, tmp_path / "qd.docx")
    title = next(p for p in Document(str(docx)).paragraphs if p.style.style_id == "PhuLucTieuDe")
    assert title.text.replace("\n", " ") == typed.upper()
    assert "\n" in title.text


def test_a_long_trich_yeu_breaks_between_phrases_and_its_rule_fits_the_lines(
    renderer, tmp_path: Path
) -> None:
    """Word would leave "2022" alone on the trích yếu's last line; the rule under it is as
    long as its longest printed line allows (40 %)."""
    source = (REPO / "inputs" / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    typed = ("Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong "
             "công tác thi đua, khen thưởng năm 2022")
    data = tmp_path / "inputs" / "2022" / "qd.yaml"
    data.write_text(re.sub(r"(?m)^trich_yeu: .*$", f"trich_yeu: {typed}", source), "utf-8")
    docx = renderer.render_file(data, tmp_path / "qd.docx")
    paragraphs = Document(str(docx)).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.style.style_id == "TrichYeu")
    lines = paragraphs[at].text.split("\n")
    assert " ".join(lines) == typed and len(lines) == 2, lines
    assert lines[1].startswith(("cá nhân", "đã có", "trong", "công tác")), lines
    for line in lines:
        assert text_width_pt(line, 14, bold=True) <= PORTRAIT_TEXT_WIDTH_PT
    # The rule (the paragraph after) is 40 % of the longer printed line, not of the whole text.
    longest = max(text_width_pt(line, 14, bold=True) for line in lines)
    rule = paragraphs[at + 1]
    assert rule.style.style_id == "DuongKeTrichYeu"
    assert re.findall(r'wp:extent cx="(\d+)"', rule._p.xml) == [
        str(round(RULE_RATIO_PART * longest * EMU_PER_POINT))
    ]
