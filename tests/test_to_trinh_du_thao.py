"""A Tờ trình with its draft Quyết định (dự thảo): the decision printed after the Tờ trình on a
page of its own marked DỰ THẢO, built from its own file exactly as the decision would be."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.workspace import Workspace
from tests.typed_docs import (
    QUOC_HIEU,
    REPO,
    TEMPLATES,
    assert_verified,
    body,
    cell_looks,
    example_data,
    first,
    open_docx,
    page_lines,
    render_variants,
    to_pdf,
)

EXAMPLE = REPO / "inputs" / "2024" / "to-trinh-kem-du-thao.yaml"
DRAFT = REPO / "inputs" / "2024" / "kem-theo" / "du-thao-qd-bang-khen.yaml"
GENERAL = REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("to-trinh-du-thao")
    written = {k: v for k, v in example_data(GENERAL).items() if k != "loai"}
    variants = {"du_thao": {}, "khong_du_thao": {"du_thao": None}, "viet_san": {"du_thao": written}}
    return render_variants(EXAMPLE, variants, out)


def test_the_draft_follows_on_a_section_of_its_own(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["du_thao"])
    items = body(doc)
    assert first(items, "Kính trình").text.endswith("xem xét, quyết định./.")
    assert first(items, "DỰ THẢO").text == "DỰ THẢO"
    mark = next(p for p in doc.paragraphs if p.text == "DỰ THẢO")
    assert [r.style.name for r in mark.runs if r.text.strip()] == ["Strong"]  # bold
    assert len(doc.element.body.findall(".//{*}pPr/{*}sectPr")) == 1  # a new page
    # The draft's own header: its agency, a number not yet given, its date.
    assert len(doc.tables) == 4  # Tờ trình header and signature, the draft's two
    left = [x.text for x in cell_looks(doc, 2, 0, 0)]
    assert left[0] == "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA"  # the draft's agency, not the Tờ trình's
    assert [x.text for x in cell_looks(doc, 2, 0, 1)][:1] == [QUOC_HIEU]
    assert cell_looks(doc, 2, 1, 0)[0].text == "Số: ..../QĐ-UBND"
    assert cell_looks(doc, 2, 1, 1)[0].text == "Sơn La, ngày 25 tháng 10 năm 2024"


def test_the_draft_is_the_decision_as_it_would_be_issued(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    items = body(open_docx(rendered["du_thao"]))
    part = [x.text for x in items[items.index(first(items, "DỰ THẢO")) + 1 :]]
    alone = Renderer(TEMPLATES).render_file(DRAFT, tmp_path / "du-thao.docx")
    assert part == [x.text for x in body(open_docx(alone))]
    title = first(items, "QUYẾT ĐỊNH")
    assert (title.bold, title.size, title.align) == (True, 14, "CENTER")
    article = first(items, "Điều 1. Tặng Bằng khen")
    assert (article.size, article.align, article.first_mm) == (14, "JUSTIFY", 12.7)
    assert first(items, "- Lê Văn Bình, Trưởng phòng Tổng hợp").first_mm == 12.7
    assert items[-1].text.endswith("chịu trách nhiệm thi hành Quyết định này./.")
    doc = open_docx(rendered["du_thao"])
    recipients = [x.text for x in cell_looks(doc, 3, 0, 0)]
    assert recipients[:2] == ["Nơi nhận:", "- Như Điều 3;"]
    assert [x.text for x in cell_looks(doc, 3, 0, 1)][-1] == "Lê Hồng Minh"


def test_without_a_draft_nothing_follows(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["khong_du_thao"])
    assert len(doc.tables) == 2
    assert body(doc)[-1].text.startswith("Kính trình")


def test_a_draft_written_in_the_submission(rendered: dict[str, Path], tmp_path: Path) -> None:
    """du_thao: the decision's data itself (without loai), printed as its own file would be."""
    items = body(open_docx(rendered["viet_san"]))
    part = [x.text for x in items[items.index(first(items, "DỰ THẢO")) + 1 :]]
    alone = Renderer(TEMPLATES).render_file(GENERAL, tmp_path / "qd.docx")
    assert part == [x.text for x in body(open_docx(alone))]
    assert "Điều 2. Trách nhiệm bàn giao và tiếp nhận" in part


@pytest.mark.parametrize("variant", ["du_thao", "khong_du_thao", "viet_san"])
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "to_trinh")


def test_pdf_pages(rendered: dict[str, Path], tmp_path: Path) -> None:
    (pdf,) = to_pdf([rendered["du_thao"]], tmp_path)
    pages = page_lines(pdf)
    assert len(pages) == 2, [p[:3] for p in pages]
    for page in pages:  # each starts its own numbering: no number on either first page
        assert not page[0].isdigit()
        assert any(QUOC_HIEU in line for line in page)
        assert not any(line.endswith(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT")) for line in page)
    assert pages[1][0] == "DỰ THẢO"


def test_the_draft_in_kem_theo_is_not_built_alone() -> None:
    documents = Workspace.containing(EXAMPLE).documents()
    assert EXAMPLE in documents and DRAFT not in documents


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    return tmp_path / "inputs" / "2024" / EXAMPLE.name


def render(path: Path):
    return CliRunner().invoke(
        main, ["--lang", "vi", "--templates", str(TEMPLATES), "render", str(path)]
    )


def test_a_changed_draft_changes_the_submission(workspace: Path) -> None:
    draft = workspace.parent / "kem-theo" / DRAFT.name
    draft.write_text(
        draft.read_text("utf-8").replace("ngay: 25/10/2024", "ngay: 28/10/2024"), "utf-8"
    )
    result = render(workspace)
    assert result.exit_code == 0, result.output
    doc = open_docx(workspace.parents[2] / "outputs" / "2024" / f"{workspace.stem}.docx")
    assert cell_looks(doc, 2, 1, 1)[0].text == "Sơn La, ngày 28 tháng 10 năm 2024"


BAD = {
    # name: (new du_thao, words of the message)
    "not a decision": ("../2024/to-trinh-khen-thuong.yaml", "không phải Quyết định"),
    "missing": ("kem-theo/khong-co.yaml", "khong-co.yaml"),
    "with a Danh sách": ("qd-bang-khen-ubnd-tinh.yaml", "phần in sau chữ ký"),
    "itself": ("to-trinh-kem-du-thao.yaml", "to-trinh-kem-du-thao.yaml"),
}


def test_an_error_in_a_written_draft_names_the_submissions_line(workspace: Path) -> None:
    text = workspace.read_text("utf-8")
    draft = (
        "du_thao:\n  co_quan: ubnd-tinh-son-la\n  ngay: 25/10/2024\n"
        "  trich_yeu: Về việc giao nhiệm vụ\n  tham_quyen: Chủ tịch UBND tỉnh\n"
        "  can_cu: [Luật Tổ chức chính quyền địa phương]\n  theo_de_nghi: Chánh Văn phòng\n"
        "  dieu:\n    - noi_dung: Giao nhiệm vụ.\n      so_dieu: 1\n"
        "  don_vi_soan_thao: NC\n  nguoi_ky: pho-chu-tich\n"
    )
    workspace.write_text(
        text.replace("du_thao: kem-theo/du-thao-qd-bang-khen.yaml\n", draft), "utf-8"
    )
    line = next(
        n for n, t in enumerate(workspace.read_text("utf-8").splitlines(), 1) if "so_dieu" in t
    )
    result = render(workspace)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{workspace.name}, dòng {line}" in result.output, result.output
    assert "du_thao.dieu[1].so_dieu" in result.output, (
        result.output
    )


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_draft_is_one_located_message(workspace: Path, case: str) -> None:
    name, words = BAD[case]
    text = workspace.read_text("utf-8")
    workspace.write_text(
        text.replace("du_thao: kem-theo/du-thao-qd-bang-khen.yaml", f"du_thao: {name}"), "utf-8"
    )
    result = render(workspace)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert words in result.output and "du_thao" in result.output, result.output
    assert workspace.name in result.output, result.output
