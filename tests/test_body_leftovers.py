"""Body text pasted from Word, what r12b left open: a new line in the closing paragraph or in a
khoản's heading starts a paragraph (as in body text), a dash line or điểm introducing what
follows keeps with it, a bullet typed before a paragraph prints as the decree's "- ", and a long
Nơi nhận goes on under the signature instead of leaving the closing paragraph alone on a page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from pipeline.api import load_document
from pipeline.context.common import typed_bullets
from pipeline.context.signature_room import beside_signature, wrapped_lines
from pipeline.render.styles import StyleSheet
from pipeline.verify import verify_file
from tests.docx_text import BREAK, paragraph_texts
from tests.pasted_plan import write_plan
from tests.typed_docs import page_lines, to_pdf

REPO = Path(__file__).resolve().parents[1]


def rendered(path: Path, renderer) -> Path:
    out = path.with_suffix(".docx")
    out.write_bytes(renderer.render(load_document(path)))
    return out


def printed(docx: Path) -> list[tuple[str, str]]:
    """(text, style) of each paragraph with text outside the tables, in order."""
    return [(p.text, p.style.name) for p in Document(str(docx)).paragraphs if p.text.strip()]


def after(lines: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """The paragraphs after the one reading `text`."""
    return lines[[line for line, _ in lines].index(text) + 1 :]


# --- 1. a new line in the closing paragraph and in a khoản's heading ------------------------

# Every example with a closing paragraph of its own, one of each kind that prints ket_thuc.
CLOSINGS = ["2024/cv-don-doc-bao-cao-tdkt.yaml", "2024/tb-ket-luan-hop-hoi-dong.yaml",
            "2024/ke-hoach-hoi-dong-tdkt-huyen.yaml", "2024/giay-moi-hoi-nghi-tong-ket.yaml",
            "2022/bao-cao-tong-ket.yaml"]  # fmt: skip
KET_THUC = re.compile(r"^ket_thuc:.*(?:\n[ \t]+.*)*", re.MULTILINE)


@pytest.mark.parametrize("example", CLOSINGS)
def test_a_new_line_in_the_closing_paragraph_starts_a_paragraph(
    inputs_copy: Path, renderer, example: str
) -> None:
    """Shift+Enter pasted into ket_thuc was a line break: the justified line before it was
    stretched word by word across the page. Each line is a paragraph now, kept with the
    signature as the closing paragraph is."""
    path = inputs_copy / example
    text = path.read_text("utf-8")
    assert KET_THUC.search(text)
    path.write_text(KET_THUC.sub(
        lambda _: 'ket_thuc: "Trên đây là nội dung dán từ Word;\\nđề nghị các đơn vị thực hiện"',
        text), "utf-8")  # fmt: skip
    docx = rendered(path, renderer)
    lines = printed(docx)
    first = next(i for i, (line, _) in enumerate(lines) if line.startswith("Trên đây là nội dung"))
    assert lines[first : first + 2] == [
        ("Trên đây là nội dung dán từ Word;", "NoiDungCuoi"),
        ("đề nghị các đơn vị thực hiện./.", "NoiDungCuoi"),
    ]  # a line break would be in the text of the first (python-docx reads it as "\n")


def test_a_new_line_in_a_khoan_heading_starts_a_heading_paragraph(
    tmp_path: Path, renderer
) -> None:
    path = write_plan(tmp_path, """  - tieu_de: Nội dung
    khoan:
      - tieu_de: "Mục tiêu dán từ Word\\nphần sau Shift+Enter"
        doan: ["Nội dung."]
""")
    docx = rendered(path, renderer)
    assert after(printed(docx), "I. NỘI DUNG")[:3] == [
        ("1. Mục tiêu dán từ Word", "KhoanTieuDe"),
        ("phần sau Shift+Enter", "KhoanTieuDe"),
        ("Nội dung.", "NoiDung"),
    ]
    assert not any(BREAK in line for line in paragraph_texts(docx))
    assert verify_file(docx).ok


def test_a_new_line_in_a_minutes_item_heading_starts_a_heading_paragraph(
    inputs_copy: Path, renderer
) -> None:
    path = inputs_copy / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
    typed = "Thường trực Hội đồng báo cáo kết quả tổng hợp hồ sơ đề nghị khen thưởng năm 2023"
    text = path.read_text("utf-8")
    assert f"tieu_de: {typed}" in text
    path.write_text(text.replace(f"tieu_de: {typed}",
                                 'tieu_de: "Thường trực Hội đồng báo cáo\\nkết quả tổng hợp"'),
                    "utf-8")  # fmt: skip
    lines = printed(rendered(path, renderer))
    first = next(i for i, (line, _) in enumerate(lines) if line.endswith("Hội đồng báo cáo"))
    assert lines[first : first + 2] == [
        ("1. Thường trực Hội đồng báo cáo", "KhoanTieuDe"),
        ("kết quả tổng hợp", "KhoanTieuDe"),
    ]


# --- 2. a dash line or điểm introducing what follows ----------------------------------------

LEAD_INS = """  - tieu_de: Nội dung
    doan:
      - gach:
          - "Tổ chức các hoạt động sau:"
          - Hoạt động thường
      - "Đoạn sau danh sách."
      - diem:
          - "Các đơn vị gồm:"
          - Điểm thường
      - "Đoạn cuối."
"""


def test_a_dash_line_or_point_introducing_what_follows_keeps_with_it(
    tmp_path: Path, renderer
) -> None:
    docx = rendered(write_plan(tmp_path, LEAD_INS), renderer)
    document = Document(str(docx))
    styles = {p.text: p.style for p in document.paragraphs if p.text.strip()}
    for lead_in in ("- Tổ chức các hoạt động sau:", "a) Các đơn vị gồm:"):
        assert styles[lead_in].name == "NoiDungCuoi"
        assert styles[lead_in].paragraph_format.keep_with_next
    for plain in ("- Hoạt động thường", "b) Điểm thường"):
        assert styles[plain].name == "NoiDung"
        assert not styles[plain].paragraph_format.keep_with_next
    assert verify_file(docx).ok


INNER_LEAD_INS = """  - tieu_de: Nội dung
    khoan:
      - noi_dung: "Tổ chức hai việc sau:\\nViệc một.\\nViệc hai."
    doan:
      - "**Thành phần gồm:**\\nBan Thường vụ.\\nCác phòng, ban."
      - gach:
          - "Hoạt động gồm:\\nThể thao.\\nVăn nghệ."
"""


def test_a_lead_in_line_inside_a_text_keeps_with_the_line_after_it(
    tmp_path: Path, renderer
) -> None:
    """A text of several lines whose first introduces the others ("... sau:" and its lines
    below it, pasted from Word): that line is a paragraph kept with the next, the others are
    not (a whole text kept together would leave a page half blank)."""
    docx = rendered(write_plan(tmp_path, INNER_LEAD_INS), renderer)
    document = Document(str(docx))
    paragraphs = {p.text: p for p in document.paragraphs if p.text.strip()}
    for lead_in in ("1. Tổ chức hai việc sau:", "Thành phần gồm:", "- Hoạt động gồm:"):
        assert paragraphs[lead_in].paragraph_format.keep_with_next, lead_in
    for plain in ("Việc một.", "Ban Thường vụ.", "Thể thao.", "Văn nghệ.", "Việc hai."):
        assert paragraphs[plain].style.name == "NoiDung", plain
        assert not paragraphs[plain].paragraph_format.keep_with_next, plain
        assert not paragraphs[plain].style.paragraph_format.keep_with_next, plain
    assert "\ufdd0" not in "".join(p.text for p in document.paragraphs)
    assert verify_file(docx).ok


# --- 3. bullets typed before a paragraph ----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("– Việc một", "- Việc một"),
        ("+ Việc một", "- Việc một"),
        ("• Việc một", "- Việc một"),
        ("•\tViệc một", "- Việc một"),
        ("-Việc một", "- Việc một"),
        ("- Việc một", "- Việc một"),
        ("* Việc một", "- Việc một"),
        ("-5 độ C là mức thấp nhất", "-5 độ C là mức thấp nhất"),
        ("+84 912 345 678 là số máy", "+84 912 345 678 là số máy"),
        ("*Nghiêng* ở đầu đoạn", "*Nghiêng* ở đầu đoạn"),
        ("Gồm:\n• việc một\n+ việc hai", "Gồm:\n- việc một\n- việc hai"),
    ],
)
def test_a_typed_bullet_before_a_paragraph_prints_the_decrees_dash(typed: str, shown: str) -> None:
    assert typed_bullets(typed) == shown


def test_where_the_template_prints_a_mark_the_typed_bullet_is_dropped_or_kept() -> None:
    assert typed_bullets("• Điểm\n• tiếp", first="drop") == "Điểm\n- tiếp"
    assert typed_bullets("- Tên\n+ tiếp", first="keep") == "- Tên\n- tiếp"


BULLETED = """  - tieu_de: Nội dung
    khoan:
      - noi_dung: "• Khoản gõ dấu chấm tròn"
      - tieu_de: Các việc
        doan:
          - "– Gạch en gõ tay"
          - "+ Dấu cộng"
          - "•\\tChấm tròn và tab"
          - "-5 độ C là mức thấp nhất"
          - "Gồm:\\n• việc một\\n+ việc hai"
          - gach: ["Gạch thường\\n• phần tiếp"]
          - diem: ["– Điểm gõ dấu"]
"""


def test_typed_bullets_print_as_the_decrees_dash_lines(tmp_path: Path, renderer) -> None:
    """A plain paragraph pasted with Word's bullet is a dash line, as a `gach:` line is: "- "
    and its text, whatever bullet was typed; where vanthu prints a number or a letter, the
    bullet typed after it is dropped."""
    docx = rendered(write_plan(tmp_path, BULLETED), renderer)
    body = [text for text, _ in after(printed(docx), "I. NỘI DUNG")]
    assert body[: body.index("Kết thúc./.")] == [
        "1. Khoản gõ dấu chấm tròn",
        "2. Các việc",
        "- Gạch en gõ tay",
        "- Dấu cộng",
        "- Chấm tròn và tab",
        "-5 độ C là mức thấp nhất",
        "Gồm:",
        "- việc một",
        "- việc hai",
        "- Gạch thường",
        "- phần tiếp",
        "a) Điểm gõ dấu",
    ]
    assert verify_file(docx).ok


# --- 4. a long Nơi nhận ---------------------------------------------------------------------


def xa(count: int) -> str:
    return "[" + ", ".join(f'"UBND xã số {k}"' for k in range(1, count + 1)) + "]"


SHORT_BODY = """  - tieu_de: Nội dung
    doan: ["Đoạn ngắn số 1.", "Đoạn ngắn số 2."]
"""
CLOSING = ('"Trên đây là Kế hoạch; yêu cầu các phòng, đơn vị nghiêm túc triển khai thực hiện, '
           'trong quá trình thực hiện có khó khăn, vướng mắc kịp thời báo cáo"')  # fmt: skip


def test_a_long_recipients_list_goes_on_under_the_signature(tmp_path: Path, renderer) -> None:
    """55 xã one by one: the list cannot share a page with the closing paragraph. It was one
    unsplittable row kept with that paragraph: page 1 held the body only, page 2 the closing
    paragraph alone, page 3 the signature with no text above it. Its first lines now stand
    beside the signature, kept with the closing paragraph under the body, the rest go on in
    rows under them, onto page 2: one that may break, the last two and "- Lưu" in one that
    never does (tests/test_signature_row_s37.py)."""
    path = write_plan(tmp_path, SHORT_BODY, ket_thuc=CLOSING, noi_nhan=xa(55))
    docx = rendered(path, renderer)
    table = Document(str(docx)).tables[-1]
    assert len(table.rows) == 3
    beside = [p.text for p in table.rows[0].cells[0].paragraphs if p.text]
    under = [p.text for row in table.rows[1:] for p in row.cells[0].paragraphs if p.text]
    assert beside[0] == "Nơi nhận:" and 5 < len(beside) - 1 < 15
    assert [*beside[1:], *under] == [f"- UBND xã số {k};" for k in range(1, 56)] + [
        "- Lưu: VT, TCHCQT, H01b."]  # fmt: skip
    assert not any(p.text for row in table.rows[1:] for p in row.cells[1].paragraphs)
    assert verify_file(docx).ok
    pages = page_lines(to_pdf([docx], tmp_path)[0])
    assert len(pages) == 2, [page[:3] + page[-2:] for page in pages]
    first = " ".join(pages[0])
    for text in ("Đoạn ngắn số 2.", "báo cáo./.", "Nơi nhận:", "CHÁNH VĂN PHÒNG",
                 "UBND xã số 9;"):  # fmt: skip
        assert text in first, pages[0]
    assert pages[1][-1] == "- Lưu: VT, TCHCQT, H01b."


def test_a_list_that_fits_with_the_closing_paragraph_moves_whole(tmp_path: Path, renderer) -> None:
    """A list short enough that moving it whole with the closing paragraph leaves no more than
    a third of a page blank (10 lines): one row, moved to the next page whole with the closing
    paragraph when the body leaves no room for it, as before."""
    path = write_plan(tmp_path, SHORT_BODY, ket_thuc=CLOSING, noi_nhan=xa(10))
    docx = rendered(path, renderer)
    table = Document(str(docx)).tables[-1]
    assert len(table.rows) == 1
    lines = [p.text for p in table.rows[0].cells[0].paragraphs if p.text]
    assert len(lines) == 12 and lines[-1] == "- Lưu: VT, TCHCQT, H01b."
    assert verify_file(docx).ok


def test_a_long_recipients_list_under_two_signatures_breaks_where_the_page_ends(
    tmp_path: Path, renderer
) -> None:
    """A Biên bản's Nơi nhận stands under its two signatures, each line kept with the next:
    45 xã moved whole to a page of their own, leaving the signatures' page half blank. The
    lines a single signature would print beside it still keep with the heading, the last with
    "- Lưu", the others break where the page ends."""
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "co-quan")
    minutes = (REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml").read_text("utf-8")
    path = tmp_path / "bb.yaml"
    path.write_text(f"{minutes}noi_nhan: {xa(45)}\n", "utf-8")
    docx = rendered(path, renderer)
    assert verify_file(docx).ok
    pages = page_lines(to_pdf([docx], tmp_path)[0])
    signed = next(n for n, page in enumerate(pages) if any("CHỦ TỌA" in line for line in page))
    assert "Nơi nhận:" in pages[signed] and "- UBND xã số 5;" in pages[signed], pages[signed]
    assert pages[-1][-2:] == ["- UBND xã số 45;", "- Lưu: VT, TCHCQT, H01b."]
    printed = [line for page in pages[signed:] for line in page if line.startswith("- UBND xã")]
    assert printed == [f"- UBND xã số {k};" for k in range(1, 46)]


def frame_styles() -> StyleSheet:
    from pipeline.render.compose import TemplateLibrary

    return StyleSheet(TemplateLibrary().frame.parts["word/styles.xml"])


def test_where_the_list_breaks_follows_the_lines_it_prints() -> None:
    """Wrapped names count for their lines: 10 names of two lines each are as long as 20."""
    styles = frame_styles()
    titles = ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]
    short = [f"UBND xã số {k}" for k in range(10)]
    long = [f"Ủy ban nhân dân xã Chiềng Khoong, huyện Sông Mã, tỉnh Sơn La, số {k}"
            for k in range(10)]  # fmt: skip
    assert wrapped_lines(f"- {long[0]};", 11, 201.8) == 2
    assert beside_signature(short, "Lưu: VT.", titles, styles) is None
    count = beside_signature(long, "Lưu: VT.", titles, styles)
    assert count is not None and 3 < count < 8


def test_a_signature_block_that_lost_the_row_under_the_signature_is_refused(
    tmp_path: Path,
) -> None:
    """An office's copy of khoi/ky-ten without the row that holds a long list's last lines
    would drop them from every such document: templates check says so at the block."""
    from pipeline.render.compose import TemplateLibrary
    from pipeline.template_tools.check import check_templates

    target = tmp_path / "mau" / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True)
    doc = Document(str(REPO / "templates" / "khoi" / "ky-ten.docx"))
    table = doc.tables[0]
    for row in list(table.rows)[1:]:
        row._tr.getparent().remove(row._tr)
    doc.save(str(target))
    library = TemplateLibrary([tmp_path / "mau", REPO / "templates"])
    report = check_templates(library, ["khoi/ky-ten"])
    found = [p for p in report.problems if p.key == "tpl.signature_missing"]
    assert not report.ok and len(found) == 1
