"""Round 6 of the template findings: the Danh sách's money column holds a nine-digit total on
one line (and verify says when an amount cannot), a template that no longer prints Nơi nhận is
refused, and a type template's own page margins are named by templates check."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from pipeline.errors import TemplateError
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from tests.office_templates import builtin_check_report
from tests.typed_docs import page_lines, to_pdf

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
DECISION = "2024/qd-bang-khen-ubnd-tinh.yaml"
AWARD = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
FAMILY = ("Nguyễn", "Lò", "Hoàng", "Cầm", "Quàng", "Lường", "Tòng", "Điêu")
MIDDLE = ("Văn", "Thị", "Đức", "Minh")
GIVEN = ("An", "Bình", "Chi", "Dung", "Hà", "Khánh", "Lan", "Mai", "Nam", "Phúc")


def large_decision(tmp_path: Path, rows: int) -> Path:
    """The 2024 Bằng khen decision with a list of `rows` people (inputs copied to tmp_path)."""
    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    names = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN][:rows]
    lines = ["Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại"]
    lines += [f"{name},Chuyên viên,Sở Nội vụ,{AWARD},Cá nhân" for name in names]
    lines.append(f"Phòng Tổ chức cán bộ,,Sở Giáo dục và Đào tạo,{AWARD},Tập thể")
    (folder / "2024" / "danh-sach-bang-khen-ubnd-tinh.csv").write_text("\n".join(lines) + "\n")
    return folder / DECISION


@pytest.fixture(scope="module")
def big_list(tmp_path_factory: pytest.TempPathFactory, renderer) -> tuple[Path, str]:
    """A decision whose Danh sách totals nine digits, rendered; and that total."""
    tmp_path = tmp_path_factory.mktemp("big")
    out = renderer.render_file(large_decision(tmp_path, 60), tmp_path / "qd.docx")
    total = Document(str(out)).tables[-1].rows[-1].cells[-1].text
    assert re.fullmatch(r"\d{3}\.\d{3}\.\d{3}", total), total
    return out, total


def test_a_nine_digit_total_prints_on_one_line(big_list: tuple[Path, str], tmp_path: Path) -> None:
    """The tester's F6: "131.780.000" printed "131.780.00 / 0" in the 25 mm column."""
    docx, total = big_list
    (pdf,) = to_pdf([docx], tmp_path)
    lines = [line for page in page_lines(pdf) for line in page]
    totals = [line for line in lines if line.startswith("Tổng cộng")]
    assert totals and totals[-1].split()[-1] == total, totals


def test_the_columns_keep_the_text_width() -> None:
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    try:
        from make_templates import list_widths_mm
    finally:
        sys.path.remove(str(REPO / "tools"))
    widths = list_widths_mm()
    assert sum(widths) == 165 and widths[-1] >= 28 and widths[0] == 14


def test_verify_passes_the_total_the_column_holds(big_list: tuple[Path, str]) -> None:
    report = verify_file(big_list[0])
    assert "bang.so_tien_mot_dong" not in report.rules, report.format_text()


def narrowed(docx: Path, target: Path, twips: int) -> Path:
    """`docx` with the Danh sách's money column set to `twips` (as the 25 mm one was)."""
    with zipfile.ZipFile(docx) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    tables = xml.split("<w:tbl>")
    last = tables[-1]
    money = re.findall(r'<w:gridCol w:w="(\d+)"/>', last)[-1]
    last = last.replace(f'w:type="dxa" w:w="{money}"', f'w:type="dxa" w:w="{twips}"')
    last = last.replace(f'<w:gridCol w:w="{money}"/>', f'<w:gridCol w:w="{twips}"/>')
    parts["word/document.xml"] = "<w:tbl>".join([*tables[:-1], last]).encode("utf-8")
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_fails_an_amount_its_column_cannot_hold(
    big_list: tuple[Path, str], tmp_path: Path, lang: str
) -> None:
    docx, total = big_list
    report = verify_file(narrowed(docx, tmp_path / "hep.docx", 1417))  # the old 25 mm
    found = [v for v in report.violations if v.rule == "bang.so_tien_mot_dong"]
    assert found and not report.ok
    assert [v.found.render(lang) for v in found] == [f"«{total}»"]  # the bold total only
    line = found[0].line(lang)
    assert "25.0 mm" in line
    words = ("một dòng", "cột số tiền") if lang == "vi" else ("one line", "money column")
    assert all(word in line for word in words), line


# --- Nơi nhận dropped from an office's template -------------------------------------------


def without_recipients_block(folder: Path) -> Path:
    """An office copy of khoi/ky-ten whose Nơi nhận a maintainer deleted: the signature table's
    left cell emptied, and the Nơi nhận printed under a Biên bản's two signatures removed."""
    target = folder / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = Document(str(BUILTIN / "khoi" / "ky-ten.docx"))
    cell = doc.tables[0].rows[0].cells[0]
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for run in cell.paragraphs[0].runs:
        run.text = ""
    body = doc.paragraphs
    start = next(i for i, p in enumerate(body) if p.text == "{%p if noi_nhan %}")
    end = next(i for i, p in enumerate(body) if i > start and p.text == "- {{ luu }}") + 2
    for paragraph in body[start:end]:  # through its {%p endif %}
        paragraph._p.getparent().remove(paragraph._p)
    doc.save(str(target))
    assert "noi_nhan" not in "".join(p.text for p in Document(str(target)).paragraphs)
    return target


def test_check_refuses_every_type_a_block_without_recipients_leaves_without(
    tmp_path: Path,
) -> None:
    office = tmp_path / "mau"
    without_recipients_block(office)
    library = TemplateLibrary([office, BUILTIN])
    report = check_templates(library, [*library.type_names(), "khoi/ky-ten"])
    missing = [p for p in report.problems if p.key == "tpl.recipients_missing"]
    assert not report.ok
    # Not a Biên bản (its Nơi nhận is optional) nor a phôi; a Tờ trình's own, not its draft's.
    assert sorted(p.template for p in missing) == [
        "bao-cao", "cong-van", "giay-moi", "ke-hoach", "quyet-dinh", "thong-bao", "to-trinh",
    ]  # fmt: skip
    assert not any(p.warning for p in missing)
    assert all(p.where == "khoi/ky-ten.docx, bản riêng của cơ quan trong mau/" for p in missing)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_render_refuses_a_block_without_recipients(tmp_path: Path, lang: str) -> None:
    from pipeline.api import Renderer

    office = tmp_path / "mau"
    without_recipients_block(office)
    renderer = Renderer(TemplateLibrary([office, BUILTIN]))
    with pytest.raises(TemplateError) as caught:
        renderer.render_file(REPO / "inputs" / DECISION, tmp_path / "qd.docx")
    error = caught.value
    assert error.key == "tpl.recipients_missing"
    said = error.message(lang)
    assert "khoi/ky-ten.docx" in error.location(lang) and "quyet-dinh.docx" in error.location(lang)
    words = ("Nơi nhận", "noi_nhan", "vanthu templates copy khoi/ky-ten --force")
    assert all(word in said for word in words), said
    assert ("bị bỏ mất" if lang == "vi" else "dropped from every document") in said
    assert not (tmp_path / "qd.docx").exists()


def test_a_type_template_without_the_signature_block_is_refused(tmp_path: Path) -> None:
    """An office's quyet-dinh.docx whose maintainer typed a signature of their own instead of
    including khoi/ky-ten: said at the type template, with how to put the block back."""
    from pipeline.api import Renderer

    office = tmp_path / "mau"
    office.mkdir()
    target = office / "quyet-dinh.docx"
    with zipfile.ZipFile(BUILTIN / "quyet-dinh.docx") as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    include = '{%p include "khoi/ky-ten" %}'
    assert xml.count(include) == 1
    parts["word/document.xml"] = xml.replace(include, "{{ chu_ky.ho_ten }}").encode("utf-8")
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    library = TemplateLibrary([office, BUILTIN])
    report = check_templates(library, ["quyet-dinh"])
    missing = [p for p in report.problems if p.key == "tpl.recipients_missing"]
    assert len(missing) == 1 and missing[0].where == "bản riêng của cơ quan trong mau/"
    with pytest.raises(TemplateError) as caught:
        Renderer(library).render_file(REPO / "inputs" / DECISION, tmp_path / "qd.docx")
    assert "vanthu templates copy quyet-dinh --force" in caught.value.message("vi")


def test_the_built_in_templates_print_recipients() -> None:
    report = builtin_check_report()
    assert "tpl.recipients_missing" not in [p.key for p in report.problems]


# --- A type template's own page margins ----------------------------------------------------

DECREE_MARGINS = 'w:top="1134" w:right="851" w:bottom="1134" w:left="1701"'
OWN_MARGINS = 'w:top="1418" w:right="1134" w:bottom="1418" w:left="1985"'  # 25, 20, 25, 35 mm


def with_own_margins(folder: Path) -> TemplateLibrary:
    """An office's quyet-dinh.docx set (Layout ▸ Margins) to 25/25/35/20 mm."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(BUILTIN / "quyet-dinh.docx") as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert DECREE_MARGINS in xml
    parts["word/document.xml"] = xml.replace(DECREE_MARGINS, OWN_MARGINS).encode("utf-8")
    with zipfile.ZipFile(folder / "quyet-dinh.docx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return TemplateLibrary([folder, BUILTIN])


def test_a_type_templates_margins_are_the_frames_in_its_documents(tmp_path: Path) -> None:
    """What vanthu does with them: every section of the output has the frame's margins."""
    from pipeline.api import Renderer

    library = with_own_margins(tmp_path / "mau")
    out = Renderer(library).render_file(REPO / "inputs" / DECISION, tmp_path / "qd.docx")
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    margins = set(re.findall(r"<w:pgMar\b[^>]*>", xml))
    assert len(margins) == 1 and DECREE_MARGINS in margins.pop()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_warns_that_a_type_templates_margins_are_replaced(
    tmp_path: Path, lang: str
) -> None:
    from pipeline.i18n import current_language, set_language, t

    before = current_language()
    set_language(lang)
    try:
        report = check_templates(with_own_margins(tmp_path / "mau"), ["quyet-dinh"])
        found = [p for p in report.problems if p.key == "tpl.own_margins"]
        assert len(found) == 1 and found[0].warning and found[0].template == "quyet-dinh"
        said = t(found[0].key, **found[0].params)
    finally:
        set_language(before)
    assert report.ok  # a warning: the documents keep the decree's margins
    if lang == "vi":
        assert "trên 25, dưới 25, trái 35, phải 20 mm" in said
        assert "khung.docx (khung có sẵn của vanthu: trên 20, dưới 20, trái 30, phải 15 mm)" in said
    else:
        assert "top 25, bottom 25, left 35, right 20 mm" in said
        frame = "khung.docx (vanthu's built-in frame: top 20, bottom 20, left 30, right 15 mm)"
        assert frame in said


def test_no_margin_warning_for_the_built_in_templates() -> None:
    report = builtin_check_report()
    assert "tpl.own_margins" not in [p.key for p in report.problems]
