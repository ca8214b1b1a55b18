"""Body text pasted from Word (r12b): typed bullets and numbers in Word's many forms are dropped
where vanthu prints its own (a typed number that is not the one printed is said at its line), a
new line in body text starts a paragraph of the same style, a text introducing what follows is
kept with it, and a line that still ends with a line break is not stretched across the page.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pydantic import TypeAdapter

from pipeline.api import load_document
from pipeline.context.typed_numbers import (
    item_text,
    point_text,
    renumbered,
    renumbered_warnings,
    section_title,
)
from pipeline.i18n import set_language
from pipeline.load.yaml_source import load_yaml
from pipeline.model.blocks import Block, DashList
from pipeline.render.fragments import paragraph_runs, rich_runs
from pipeline.text.lead_in import leads_in
from pipeline.verify import verify_file
from tests.docx_text import BREAK, paragraph_texts
from tests.pasted_plan import write_plan

REPO = Path(__file__).resolve().parents[1]
BLOCK: TypeAdapter[Block] = TypeAdapter(Block)


def rendered(path: Path, renderer, out: Path) -> Document:
    out.write_bytes(renderer.render(load_document(path)))
    return Document(str(out))


# --- typed bullets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["- gạch ngang", "– gạch ngang", "— gạch ngang", "+ gạch ngang", "• gạch ngang",
     "\t- gạch ngang", "* gạch ngang", "· gạch ngang", "●\tgạch ngang", "−gạch ngang",
     "–gạch ngang"],
)  # fmt: skip
def test_a_typed_bullet_is_dropped_from_a_dash_line(typed: str) -> None:
    assert BLOCK.validate_python({"gach": [typed]}) == DashList(gach=["gạch ngang"])


@pytest.mark.parametrize(
    "typed", ["-5 độ C là nhiệt độ thấp nhất", "+84 912 345 678", "*Nghiêng* ở đầu dòng",
              "**Đậm** ở đầu dòng", "Lãnh đạo - Văn phòng", "–"],
)  # fmt: skip
def test_a_dash_line_that_starts_with_a_sign_of_its_text_is_kept(typed: str) -> None:
    assert BLOCK.validate_python({"gach": [typed]}) == DashList(gach=[typed])


def test_lines_vanthu_writes_are_its_own() -> None:
    """A list's names put in dash lines by vanthu are not data typed in `gach:`."""
    assert DashList(gach=["- Tên"]).gach == ["- Tên"]


def test_pasted_bullets_print_vanthu_dash_once(tmp_path: Path, renderer) -> None:
    path = write_plan(tmp_path, """  - tieu_de: Nội dung
    doan:
      - gach:
          - "- gạch ngang thường"
          - "– gạch en"
          - "+ dấu cộng"
          - "• chấm tròn"
          - "-5 độ C là mức thấp nhất"
""")
    rendered(path, renderer, tmp_path / "plan.docx")
    lines = paragraph_texts(tmp_path / "plan.docx")
    body = lines[lines.index("I. NỘI DUNG") + 1 : lines.index("Kết thúc./.")]
    assert body == ["- gạch ngang thường", "- gạch en", "- dấu cộng", "- chấm tròn",
                    "- -5 độ C là mức thấp nhất"]  # fmt: skip


# --- typed numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("I- Mục đích, yêu cầu", "Mục đích, yêu cầu"),
        ("II.Tổ chức thực hiện", "Tổ chức thực hiện"),
        ("III – Kinh phí", "Kinh phí"),
        ("Phần IV. Kinh phí", "Kinh phí"),
        ("PHẦN I: KẾT QUẢ", "KẾT QUẢ"),
        ("1. Mục đánh số Ả Rập", "Mục đánh số Ả Rập"),
        ("VIỆC LÀM", "VIỆC LÀM"),
        ("X-quang và y tế", "X-quang và y tế"),
        ("2026. Năm chuyển đổi số", "2026. Năm chuyển đổi số"),
        ("Mục tiêu: năm 2026", "Mục tiêu: năm 2026"),
        ("IIII. Không phải số La Mã", "IIII. Không phải số La Mã"),
    ],
)
def test_section_title(typed: str, kept: str) -> None:
    assert section_title(typed) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("1.1. Mục tiêu cụ thể", "Mục tiêu cụ thể"),
        ("2.1 Mục tiêu chung", "Mục tiêu chung"),
        ("1/ Nội dung", "Nội dung"),
        ("3- Tổ chức", "Tổ chức"),
        ("(2) Thành phần", "Thành phần"),
        ("1.Thời gian", "Thời gian"),
        ("2.\tYêu cầu", "Yêu cầu"),
        ("2025 là năm cuối", "2025 là năm cuối"),
        ("1.490.000 đồng mỗi người", "1.490.000 đồng mỗi người"),
        ("1.5 tỷ đồng từ ngân sách", "1.5 tỷ đồng từ ngân sách"),
        ("3 đơn vị được khen", "3 đơn vị được khen"),
        ("1 - 2 ngày làm việc", "1 - 2 ngày làm việc"),
        ("01/01/2026 là ngày bắt đầu", "01/01/2026 là ngày bắt đầu"),
        ("10:30 sáng thứ Hai", "10:30 sáng thứ Hai"),
        ("1.1.", "1.1."),
    ],
)
def test_item_text(typed: str, kept: str) -> None:
    assert item_text(typed) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("a. Điểm kiểu chấm", "Điểm kiểu chấm"),
        ("b- Điểm gạch", "Điểm gạch"),
        ("(c) Điểm ngoặc", "Điểm ngoặc"),
        ("c/ Điểm gạch chéo", "Điểm gạch chéo"),
        ("A) Điểm chữ hoa", "Điểm chữ hoa"),
        ("đ) Điểm chữ đ", "Điểm chữ đ"),
        ("a.m. là buổi sáng", "a.m. là buổi sáng"),
        ("e-Office của tỉnh", "e-Office của tỉnh"),
        ("A. Lincoln nói", "A. Lincoln nói"),
        ("y tế cơ sở", "y tế cơ sở"),
    ],
)
def test_point_text(typed: str, kept: str) -> None:
    assert point_text(typed) == kept


NUMBERED = """  - tieu_de: "I- Mục đích"
    khoan:
      - tieu_de: "3. Yêu cầu"
        doan: ["x"]
      - tieu_de: "1.2. Mục tiêu"
        doan: ["x"]
      - noi_dung: "3) Nội dung:"
        doan:
          - diem: ["a. Một", "c/ Ba", "(c) Ba nữa"]
  - tieu_de: "II.Tổ chức thực hiện"
    doan: ["x"]
  - tieu_de: "Phần II. Kinh phí"
    doan: ["x"]
"""


def test_typed_numbers_print_once_at_every_level(tmp_path: Path, renderer) -> None:
    rendered(write_plan(tmp_path, NUMBERED), renderer, tmp_path / "plan.docx")
    lines = paragraph_texts(tmp_path / "plan.docx")
    for line in ("I. MỤC ĐÍCH", "1. Yêu cầu", "2. Mục tiêu", "3. Nội dung:", "a) Một", "b) Ba",
                 "c) Ba nữa", "II. TỔ CHỨC THỰC HIỆN", "III. KINH PHÍ"):  # fmt: skip
        assert line in lines
    assert verify_file(tmp_path / "plan.docx").ok


def test_a_typed_number_that_is_not_the_printed_one_is_said_at_its_line(tmp_path: Path) -> None:
    """"1.2." on the second khoản is its number ("1.2." counts 2); "3." on the first is not."""
    path = write_plan(tmp_path, NUMBERED)
    found = renumbered(load_document(path).info.data)
    assert [(f.loc, f.typed, f.printed) for f in found] == [
        (("muc", 0, "khoan", 0, "tieu_de"), "3.", "1."),
        (("muc", 0, "khoan", 2, "doan", 0, "diem", 1), "c/", "b)"),
        (("muc", 2, "tieu_de"), "Phần II.", "III."),
    ]
    warnings = renumbered_warnings(load_document(path).info.data, load_yaml(path))
    first = warnings[0]
    assert (first.line, first.field) == (10, "muc[1].khoan[1].tieu_de")
    assert "số thứ tự gõ tay «3.»" in first.message() and "«1.»" in first.message()
    set_language("en")
    assert "hand-typed number «3.»" in first.message()


# --- new lines, lead-ins, line breaks --------------------------------------------------------


def paragraphs_of(runs: str) -> list[str]:
    """The paragraphs `runs` make once the renderer's listing pass has run over them."""
    from pipeline.render.compose import _patcher

    xml = (f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:pPr><w:pStyle w:val="NoiDung"/></w:pPr>{runs}</w:p>')  # fmt: skip
    return _patcher().resolve_listing(xml).split("</w:p>")[:-1]


def test_a_new_line_of_body_text_starts_a_paragraph_of_the_same_style() -> None:
    text = "Dán từ Word:  \nDòng sau Shift+Enter,\n\n  **đoạn** thứ ba."
    found = paragraphs_of(paragraph_runs(text))
    assert len(found) == 3
    assert all('<w:pStyle w:val="NoiDung"/>' in p and "<w:br/>" not in p for p in found)
    assert ">Dòng sau Shift+Enter,<" in found[1] and 'w:val="Strong"' in found[2]
    assert paragraph_runs("Một dòng") == rich_runs("Một dòng")


def test_other_text_keeps_its_line_breaks() -> None:
    assert "<w:br/>" in rich_runs("V/v dòng một\ndòng hai") and "\a" not in rich_runs("a\nb")


def test_a_lead_in_ends_with_a_colon() -> None:
    assert leads_in("Các nhiệm vụ sau:") and leads_in("**Gồm:** ") and not leads_in("Gồm: a, b.")


DECISION = """loai: quyet_dinh
co_quan: van-phong-ubnd-son-la
so: 46
ngay: 04/03/2024
trich_yeu: Về việc giao nhiệm vụ
tham_quyen: Chánh Văn phòng UBND tỉnh Sơn La
can_cu:
  - Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư
theo_de_nghi: Trưởng phòng Tổ chức - Hành chính - Quản trị
dieu:
  - noi_dung: "Giao Phòng Tổng hợp các nhiệm vụ sau:"
    khoan:
      - noi_dung: Tổng hợp báo cáo.
      - noi_dung: Theo dõi tiến độ.
  - noi_dung: |-
      Dòng thứ nhất dán từ Word, khá dài để chiếm hơn một dòng trên trang giấy khổ A4 đứng.

      Đoạn thứ hai sau một dòng trống.
  - noi_dung: Các phòng chịu trách nhiệm thi hành Quyết định này.
noi_nhan: [Lãnh đạo Văn phòng]
don_vi_soan_thao: TCHCQT
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: chanh-van-phong
"""


def test_an_article_pasted_as_two_paragraphs_prints_two_and_a_lead_in_keeps_with_its_khoan(
    tmp_path: Path, renderer
) -> None:
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "co-quan")
    path = tmp_path / "qd.yaml"
    path.write_text(DECISION, "utf-8")
    document = rendered(path, renderer, tmp_path / "qd.docx")
    by_text = {p.text: p for p in document.paragraphs if p.text.strip()}
    lead = by_text["Điều 1. Giao Phòng Tổng hợp các nhiệm vụ sau:"]
    assert lead.style.name == "NoiDungCuoi" and lead.style.paragraph_format.keep_with_next
    first = by_text["Điều 2. Dòng thứ nhất dán từ Word, khá dài để chiếm hơn một dòng trên "
                    "trang giấy khổ A4 đứng."]  # fmt: skip
    second = by_text["Đoạn thứ hai sau một dòng trống."]
    assert first.style.name == second.style.name == "NoiDung"
    assert second.style.paragraph_format.first_line_indent > 0
    assert not any(BREAK in line for line in paragraph_texts(tmp_path / "qd.docx"))
    assert by_text["Điều 3. Các phòng chịu trách nhiệm thi hành Quyết định này./."]
    assert verify_file(tmp_path / "qd.docx").ok


def test_a_justified_line_ended_by_a_line_break_is_not_stretched(tmp_path: Path, renderer) -> None:
    """Outputs take the frame's settings: Word's and LibreOffice's 'do not expand a line ending
    with Shift+Return'."""
    path = write_plan(tmp_path, '  - tieu_de: Nội dung\n    doan: ["x"]\n')
    docx = renderer.render(load_document(path))
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        settings = archive.read("word/settings.xml").decode("utf-8")
    assert "<w:doNotExpandShiftReturn/>" in settings


def test_a_cell_of_the_appendix_keeps_its_line_breaks(tmp_path: Path, renderer) -> None:
    appendix = """phu_luc:
  - tieu_de: Nhiệm vụ trọng tâm
    nhiem_vu:
      - noi_dung: "Rà soát quy hoạch\\nCập nhật bảng giá đất"
        chu_tri: TCHCQT
        thoi_gian: Quý II/2026
"""
    path = write_plan(tmp_path, '  - tieu_de: Nội dung\n    doan: ["x"]\n', appendix)
    rendered(path, renderer, tmp_path / "plan.docx")
    assert f"Rà soát quy hoạch{BREAK}Cập nhật bảng giá đất" in paragraph_texts(
        tmp_path / "plan.docx")


# --- paragraphs, dash lines, điểm and khoản of a plan (pipeline.context.common, .sections) ----

PASTED = """  - tieu_de: Nội dung
    khoan:
      - noi_dung: "Các điểm:"
        doan:
          - "Dán từ Word:\\nDòng sau Shift+Enter."
          - "Gồm các việc sau:"
          - gach: ["Gạch một\\nphần tiếp của gạch một", "Gạch hai"]
          - diem: ["Điểm một\\n\\nphần tiếp của điểm một"]
      - noi_dung: "Dán nhiều đoạn vào một khoản:"
        doan:
          - |-
            Đoạn thứ nhất dán từ Word.

            Đoạn thứ hai dán từ Word.
      - noi_dung: "3. Khoản gõ số sai\\nvà xuống dòng"
"""


def test_a_new_line_in_a_plan_starts_a_paragraph_and_a_lead_in_keeps_with_what_follows(
    tmp_path: Path, renderer
) -> None:
    document = rendered(write_plan(tmp_path, PASTED), renderer, tmp_path / "plan.docx")
    body = [p for p in document.paragraphs if p.text.strip()]
    start = next(i for i, p in enumerate(body) if p.text == "I. NỘI DUNG") + 1
    printed = [(p.text, p.style.name) for p in body[start:]]
    assert printed[:14] == [
        ("1. Các điểm:", "NoiDungCuoi"),
        ("Dán từ Word:", "NoiDung"),
        ("Dòng sau Shift+Enter.", "NoiDung"),
        ("Gồm các việc sau:", "NoiDungCuoi"),
        ("- Gạch một", "NoiDung"),
        ("phần tiếp của gạch một", "NoiDung"),
        ("- Gạch hai", "NoiDung"),
        ("a) Điểm một", "NoiDung"),
        ("phần tiếp của điểm một", "NoiDung"),
        ("2. Dán nhiều đoạn vào một khoản:", "NoiDungCuoi"),
        ("Đoạn thứ nhất dán từ Word.", "NoiDung"),
        ("Đoạn thứ hai dán từ Word.", "NoiDung"),
        ("3. Khoản gõ số sai", "NoiDung"),
        ("và xuống dòng", "NoiDung"),
    ]
    assert not any(BREAK in line for line in paragraph_texts(tmp_path / "plan.docx"))
    assert verify_file(tmp_path / "plan.docx").ok


def test_check_and_render_say_a_typed_number_vanthu_prints_otherwise(
    tmp_path: Path, cli
) -> None:
    from click.testing import CliRunner

    path = write_plan(tmp_path, NUMBERED)
    result = CliRunner().invoke(cli, ["--lang", "vi", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "dòng 10, trường 'muc[1].khoan[1].tieu_de': số thứ tự gõ tay «3.» bị bỏ" in (
        result.output)
    assert "«c/»" in result.output and "«Phần II.»" in result.output
    english = CliRunner().invoke(cli, ["--lang", "en", "check", str(path)])
    assert "the hand-typed number «3.» is dropped" in english.output
