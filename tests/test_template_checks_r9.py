"""A Sở GD&ĐT's template maintainer (/root/explore/r9a/findings.md): a header block wider than
the page (F1), equal header widths replaced without a word (F2), copies of quyet-dinh.docx that
render wrong yet passed `templates check` (F5)."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from pipeline.api import Renderer, load_document
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.render.libreoffice import restored_header_widths
from pipeline.template_tools.check import Problem, check_templates
from tests.test_template_round2 import office_copy
from tests.test_template_tools import edit_docx

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
DECISION = REPO / "inputs" / "2021" / "qd-lao-dong-tien-tien.yaml"  # with a Danh sách
HEADER = "khoi/dau-trang"


def header_copy(tmp_path: Path, total: int, left: int, right: int) -> TemplateLibrary:
    """The office's khoi/dau-trang with its width tags replaced by numbers (the tester's
    tools/setw.py: what Word's Table Properties leaves)."""
    path = office_copy(tmp_path, HEADER)
    for tag, width in (("tong", total), ("trai", left), ("phai", right)):
        with zipfile.ZipFile(path) as archive:
            count = archive.read("word/document.xml").decode().count(f"{{{{ dau_trang.{tag} }}}}")
        for _ in range(count):
            edit_docx(path, f"{{{{ dau_trang.{tag} }}}}", str(width))
    return TemplateLibrary(path.parent.parent)


def said(problems: list[Problem], lang: str = "vi") -> list[str]:
    return [t(p.key, lang=lang, **p.params) for p in problems]


# F1: a header table wider than the page is an error, naming the table, its width and the limit.


def test_header_wider_than_the_paper_is_an_error(tmp_path: Path) -> None:
    report = check_templates(header_copy(tmp_path, 13000, 7000, 6000), [HEADER])
    errors = [p for p in report.problems if not p.warning]
    assert not report.ok
    assert [p.params["rule"] for p in errors] == ["bang.width"]
    line = errors[0].params["line"]
    assert "bảng đầu trang (tên cơ quan, Quốc hiệu, số, ngày tháng) rộng 229.3 mm" in line
    assert "vượt ra ngoài mép giấy 17.1 mm (khổ giấy rộng 210 mm)" in line
    assert "cần rộng tối đa 175 mm (vùng chữ 165 mm, thêm 5 mm mỗi bên lề)" in line
    assert errors[0].where.startswith("bảng 1")


def test_header_reaching_further_into_the_margins_than_vanthu_is_an_error(tmp_path: Path) -> None:
    """10200 = 4800 + 5400 centred on the 165 mm text: 7.5 mm into each margin (vanthu's own
    header stops at 5)."""
    report = check_templates(header_copy(tmp_path, 10200, 4800, 5400), [HEADER])
    errors = [p for p in report.problems if not p.warning]
    assert [p.params["rule"] for p in errors] == ["bang.width"]
    assert "rộng 179.9 mm, lấn 7.5 mm vào lề" in errors[0].params["line"]


def test_header_within_vanthus_overhang_passes(tmp_path: Path) -> None:
    """9900 = 4500 + 5400: 4.8 mm into each margin, as vanthu's own widest header."""
    report = check_templates(header_copy(tmp_path, 9900, 4500, 5400), [HEADER])
    assert report.ok
    assert [p.key for p in report.problems] == ["tpl.header_widths_fixed"]


# F2: equal widths the maintainer chose are kept and warned of like unequal ones; an equal split
# of the text width (LibreOffice's save) is replaced, and the check says so.


def test_equal_widths_of_the_maintainers_own_are_kept_and_warned_of(tmp_path: Path) -> None:
    library = header_copy(tmp_path, 12000, 6000, 6000)
    xml = library.package(HEADER).parts["word/document.xml"]
    assert b"dau_trang" not in xml and b'w:w="6000"' in xml  # not replaced by vanthu's
    report = check_templates(library, [HEADER])
    assert "tpl.header_widths_fixed" in [p.key for p in report.problems]
    # 12000 twips on A4 (212 mm) is also wider than the page: an error
    assert [p.params.get("rule") for p in report.problems if not p.warning] == ["bang.width"]


def test_equal_split_of_the_text_width_is_replaced_and_said(tmp_path: Path) -> None:
    library = header_copy(tmp_path, 9354, 4677, 4677)
    assert b"dau_trang.trai" in library.package(HEADER).parts["word/document.xml"]
    report = check_templates(library, [HEADER])
    assert report.ok
    warnings = [p for p in report.problems if p.key == "tpl.header_widths_restored"]
    assert len(warnings) == 1 and warnings[0].warning
    assert said(warnings)[0].startswith(
        "bảng đầu trang có hai cột bằng nhau 4677 + 4677 (twip) chia đôi vùng chữ (9354)"
    )
    assert "Distribute columns evenly" in said(warnings, "en")[0]


def test_only_an_equal_split_of_the_text_width_is_restored() -> None:
    with zipfile.ZipFile(BUILTIN / "khoi" / "dau-trang.docx") as package:
        shipped = package.read("word/document.xml")

    def block(left: str, right: str) -> bytes:
        xml = shipped.replace(b"{{ dau_trang.trai }}", left.encode())
        xml = xml.replace(b"{{ dau_trang.phai }}", right.encode())
        return xml.replace(b"{{ dau_trang.tong }}", str(int(left) + int(right)).encode())

    for left, right in (("6000", "6000"), ("5100", "5100")):
        chosen = block(left, right)
        assert restored_header_widths(chosen) is chosen
    for left, right in (("4676", "4677"), ("4677", "4677")):
        assert b"dau_trang.trai" in restored_header_widths(block(left, right))


# F5: copies of quyet-dinh.docx that print the data otherwise than the built-in template.


@pytest.fixture(scope="module")
def samples() -> dict[str, list[Mapping[str, Any]]]:
    """The context of a decision with a Danh sách and a "Xét đề nghị" line."""
    context = Renderer(TemplateLibrary([BUILTIN])).context(load_document(DECISION))
    assert context["danh_sach"] and context["theo_de_nghi"]
    return {"quyet-dinh": [context]}


def decision_copy(tmp_path: Path, old: str, new: str) -> TemplateLibrary:
    path = office_copy(tmp_path, "quyet-dinh")
    edit_docx(path, old, new)
    return TemplateLibrary(path.parent)


def dropped_paragraph(tmp_path: Path, tag: str) -> TemplateLibrary:
    """quyet-dinh.docx without the paragraph holding `tag` (deleted in Word)."""
    import docx

    path = office_copy(tmp_path, "quyet-dinh")
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text == tag)
    paragraph._element.getparent().remove(paragraph._element)
    document.save(str(path))
    return TemplateLibrary(path.parent)


def test_unchanged_copy_prints_the_data_as_the_builtin(tmp_path: Path, samples: Any) -> None:
    library = decision_copy(tmp_path, "QUYẾT ĐỊNH:", "QUYẾT ĐỊNH:")
    report = check_templates(library, ["quyet-dinh"], samples)
    assert report.problems == []


def test_copy_dropping_theo_de_nghi_is_an_error(tmp_path: Path, samples: Any) -> None:
    library = dropped_paragraph(tmp_path, "{{ theo_de_nghi }}")
    report = check_templates(library, ["quyet-dinh"], samples)
    problems = [p for p in report.problems if p.key == "tpl.data_not_printed"]
    assert not report.ok and len(problems) == 1 and not problems[0].warning
    assert problems[0].params["field"] == "theo_de_nghi"
    assert said(problems)[0].startswith(
        "bản của cơ quan không còn in trường 'theo_de_nghi' của tệp dữ liệu (mẫu có sẵn in "
        "«Theo đề nghị của Hội đồng thi đua"
    )
    assert "the office's copy no longer prints the data file's 'theo_de_nghi'" in said(
        problems, "en"
    )[0]


def test_copy_replacing_the_kem_theo_line_is_an_error(tmp_path: Path, samples: Any) -> None:
    fixed = "(Kèm theo Quyết định của Chủ tịch Ủy ban nhân dân tỉnh)"
    library = decision_copy(tmp_path, "{{ danh_sach.kem_theo }}", fixed)
    report = check_templates(library, ["quyet-dinh"], samples)
    problems = [p for p in report.problems if p.key == "tpl.data_not_printed"]
    assert [p.params["field"] for p in problems] == ["danh_sach.kem_theo"]
    assert problems[0].params["text"].startswith("(Kèm theo Quyết định số")


def test_copy_lowering_the_authority_is_an_error(tmp_path: Path, samples: Any) -> None:
    library = decision_copy(tmp_path, "{{ tham_quyen }}", "{{ tham_quyen|lower }}")
    report = check_templates(library, ["quyet-dinh"], samples)
    problems = [p for p in report.problems if p.key == "tpl.data_recased"]
    assert not report.ok and [p.params["field"] for p in problems] == ["tham_quyen"]
    assert problems[0].where.startswith("bản riêng của cơ quan trong mau/, "
                                        "đoạn 5 «{{ tham_quyen|lower }}»")
    text = problems[0].params["text"]
    assert text.isupper() and problems[0].params["printed"] == text.lower()


def test_copy_without_the_list_title_names_the_title(tmp_path: Path, samples: Any) -> None:
    """The DANH SÁCH line deleted: said as that, not as the "(Kèm theo ...)" line not bold."""
    library = dropped_paragraph(tmp_path, "{{ danh_sach.ten }}")
    report = check_templates(library, ["quyet-dinh"], samples)
    assert [(p.key, p.params.get("field")) for p in report.problems] == [
        ("tpl.data_not_printed", "danh_sach.ten")
    ]
    # without example data, verify's reading still fails it
    assert not check_templates(library, ["quyet-dinh"]).ok


def test_decision_label_without_its_colon_is_an_error(tmp_path: Path) -> None:
    library = decision_copy(tmp_path, "QUYẾT ĐỊNH:", "QUYẾT ĐỊNH")
    report = check_templates(library, ["quyet-dinh"])
    assert [p.params.get("rule") for p in report.problems] == ["quyet_dinh.colon"]
    assert report.problems[0].where.startswith("đoạn 10 «QUYẾT ĐỊNH»")
    assert "cần «QUYẾT ĐỊNH:»" in report.problems[0].params["line"]
