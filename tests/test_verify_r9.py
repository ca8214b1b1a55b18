"""verify after a Sở GD&ĐT made vanthu speak its own way (/root/explore/r9a/findings.md): a
header table past the page (F1), an office's "- Như trên (để thực hiện);" (F3), "QUYẾT ĐỊNH"
without its colon (F5)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pipeline.api import Renderer, load_document
from pipeline.render.compose import TemplateLibrary
from pipeline.verify import verify_file
from tests.test_template_round2 import office_copy
from tests.test_template_tools import edit_docx

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
DECISION = REPO / "inputs" / "2021" / "qd-lao-dong-tien-tien.yaml"
ADDRESSED = [
    REPO / "inputs" / "2024" / "to-trinh-khen-thuong.yaml",
    REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml",
]


def rendered(example: Path, folder: Path, library: TemplateLibrary | None = None) -> Path:
    path = folder / f"{example.stem}.docx"
    path.write_bytes(Renderer(library or TemplateLibrary([BUILTIN])).render(load_document(example)))
    return path


def edited(path: Path, old: str, new: str) -> Path:
    """`path` with one text of its body replaced (a hand edit, or an office's wording)."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def rules(path: Path) -> list[str]:
    return [v.rule for v in verify_file(path).violations]


# F1


def wide_header(tmp_path: Path, total: int, left: int, right: int) -> TemplateLibrary:
    block = office_copy(tmp_path, "khoi/dau-trang")
    for tag, width in (("tong", total), ("trai", left), ("phai", right)):
        while f"dau_trang.{tag} " in zipfile.ZipFile(block).read("word/document.xml").decode():
            edit_docx(block, f"{{{{ dau_trang.{tag} }}}}", str(width))
    return TemplateLibrary([tmp_path / "mau", BUILTIN])


@pytest.mark.parametrize(
    ("widths", "found"),
    [
        ((13000, 7000, 6000), "rộng 229.3 mm, vượt ra ngoài mép giấy 17.1 mm"),
        ((10200, 4800, 5400), "rộng 179.9 mm, lấn 7.5 mm vào lề"),
    ],
)
def test_header_table_past_the_margins_is_a_violation(
    tmp_path: Path, widths: tuple[int, int, int], found: str
) -> None:
    path = rendered(DECISION, tmp_path, wide_header(tmp_path, *widths))
    violations = [v for v in verify_file(path).violations if v.rule == "bang.width"]
    assert len(violations) == 1
    line = violations[0].line("vi")
    assert line.startswith("bảng 1: [bang.width]")
    assert f"bảng đầu trang (tên cơ quan, Quốc hiệu, số, ngày tháng) {found}" in line
    assert "cần rộng tối đa 175 mm (vùng chữ 165 mm, thêm 5 mm mỗi bên lề)" in line
    assert "the header table (agency, Quốc hiệu, number, date)" in violations[0].line("en")


def test_builtin_outputs_keep_their_tables_on_the_page(tmp_path: Path) -> None:
    for example in (DECISION, *ADDRESSED):
        assert "bang.width" not in rules(rendered(example, tmp_path))


def test_left_aligned_table_reaching_off_the_paper(tmp_path: Path) -> None:
    """A body table set from the left margin, wider than the text and the right margin."""
    path = rendered(DECISION, tmp_path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    tables = xml.count("<w:tbl>")
    assert tables >= 3  # header, signature, the Danh sách's
    wide = (
        '<w:tbl><w:tblPr><w:tblW w:w="12000" w:type="dxa"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="12000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="12000" '
        'w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Bảng rộng</w:t></w:r></w:p></w:tc></w:tr>'
        "</w:tbl><w:p/>"
    )
    edited(path, "<w:body>", "<w:body>" + wide)
    violations = [v for v in verify_file(path).violations if v.rule == "bang.width"]
    assert [v.where.table for v in violations] == [1]
    assert "bảng 1 rộng 211.7 mm, vượt ra ngoài mép giấy 31.7 mm" in violations[0].line("vi")


# F3


@pytest.mark.parametrize("example", ADDRESSED, ids=lambda p: p.stem)
@pytest.mark.parametrize("purpose", ["(để thực hiện)", "(để t/h)"])
def test_nhu_tren_with_a_purpose_passes(tmp_path: Path, example: Path, purpose: str) -> None:
    path = edited(rendered(example, tmp_path), "- Như trên;", f"- Như trên {purpose};")
    assert "noi_nhan.nhu_tren" not in rules(path)


@pytest.mark.parametrize("line", ["- Như trên và các đơn vị;", "- Như trên ();", "- Sở Tài chính;"])
def test_other_first_lines_still_fail(tmp_path: Path, line: str) -> None:
    path = edited(rendered(ADDRESSED[0], tmp_path), "- Như trên;", line)
    assert "noi_nhan.nhu_tren" in rules(path)


# F5


def test_decision_label_without_colon_is_a_violation(tmp_path: Path) -> None:
    path = rendered(DECISION, tmp_path)
    assert "quyet_dinh.colon" not in rules(path)
    edited(path, ">QUYẾT ĐỊNH:<", ">QUYẾT ĐỊNH<")
    violations = [v for v in verify_file(path).violations if v.rule == "quyet_dinh.colon"]
    assert len(violations) == 1
    assert violations[0].line("vi").endswith(
        '[quyet_dinh.colon] Chữ "QUYẾT ĐỊNH:" trước các điều có dấu hai chấm: thấy «QUYẾT ĐỊNH»; '
        "cần «QUYẾT ĐỊNH:»"
    )
