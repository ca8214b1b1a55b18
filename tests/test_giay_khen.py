"""Giấy khen: one page per row of the award decision's list on the phôi, fields in mm from the
paper's edge, names fitted to one line or refused with their row, a 500-certificate batch as
one .docx and one PDF, the test print's border, `vanthu build` through the registry."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from pipeline.api import Renderer
from pipeline.errors import InputError
from pipeline.verify import verify_file
from tests.typed_docs import REPO, TEMPLATES, open_docx, page_lines, to_pdf

EXAMPLE = REPO / "inputs" / "2024" / "giay-khen-bang-khen-ubnd-tinh.yaml"
DECISION = REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml"
LIST = REPO / "inputs" / "2024" / "danh-sach-bang-khen-ubnd-tinh.csv"
TWIPS_PER_MM = 1440 / 25.4
LONG_NAME = "Trường Phổ thông Dân tộc nội trú Trung học cơ sở xã Mường Bú"  # 60 characters
# 80 characters that fit at 18 pt; with "Mường Bú" (ư measured as the horned letter it is, not
# as u) they are 0.1 mm too wide even at 18 pt, and refused (tests/test_horned_widths_s50.py).
LONGER_NAME = "Trường Phổ thông Dân tộc nội trú Trung học cơ sở và Trung học phổ thông Yên Châu"
BATCH = 500


def workspace(tmp_path: Path, rows: list[dict[str, str]], certificate: str) -> Path:
    """A workspace holding the example office, the example decision with `rows` as its list,
    and a batch of certificates; returns the batch's YAML."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    year = tmp_path / "inputs" / "2024"
    year.mkdir()
    shutil.copy(DECISION, year / DECISION.name)
    with (year / LIST.name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    target = year / "giay-khen.yaml"
    target.write_text(certificate, encoding="utf-8")
    return target


def example_rows() -> list[dict[str, str]]:
    with LIST.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def batch_rows(count: int) -> list[dict[str, str]]:
    """`count` rows made from the example list: each name its own (a number after it)."""
    base = example_rows()
    rows = []
    for index in range(count):
        row = dict(base[index % len(base)])
        row["Họ và tên"] = f"{row['Họ và tên']} {index + 1:03d}"
        rows.append(row)
    return rows


CERTIFICATE = "loai: giay_khen\nquyet_dinh: qd-bang-khen-ubnd-tinh.yaml\nso_vao_so: 1201\n"


def frame_mm(paragraph) -> tuple[float, ...]:
    """x, y, width, height of a positioned paragraph, in mm from the paper's edge."""
    frame = paragraph._p.pPr.find(qn("w:framePr"))
    return tuple(round(int(frame.get(qn(f"w:{k}"))) / TWIPS_PER_MM, 1) for k in "xywh")


def name_size(paragraph) -> float | None:
    """The size the name's run sets (None: its style's)."""
    run = next(r for r in paragraph.runs if r.text)
    return None if run.font.size is None else run.font.size.pt


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("giay-khen")
    docx = Renderer(TEMPLATES).render_file(EXAMPLE, out / "giay-khen.docx")
    return docx, to_pdf([docx], out)[0]


def test_fields_stand_in_mm_from_the_paper_edge(example: tuple[Path, Path]) -> None:
    doc = open_docx(example[0])
    section = doc.sections[-1]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    names = [p for p in doc.paragraphs if p.style.name == "GiayKhenTen"]
    assert [p.text for p in names] == [row["Họ và tên"] for row in example_rows()]
    name = names[0]
    assert frame_mm(name) == (30.0, 80.0, 237.0, 14.0)
    assert name.style.font.size.pt == 26 and name.style.font.bold
    assert name_size(name) is None  # a short name keeps the style's 26 pt
    unit = next(p for p in doc.paragraphs if p.style.name == "GiayKhenDonVi")
    assert unit.text == "Chuyên viên, Sở Nội vụ" and unit.style.font.italic
    texts = {p.style.name: p.text for p in doc.paragraphs[:12] if p.text}
    assert texts["GiayKhenQuyetDinh"] == "Quyết định số 2150/QĐ-UBND ngày 15 tháng 10 năm 2024"
    assert texts["GiayKhenNgay"] == "Sơn La, ngày 15 tháng 10 năm 2024"
    assert texts["GiayKhenThanhTich"].startswith("Đã có thành tích xuất sắc trong phong trào")
    assert texts["GiayKhenSoVaoSo"] == "Số vào sổ: 1201"
    assert texts["GiayKhenNguoiKy"] == "Lê Hồng Minh"
    sovaoso = [p.text for p in doc.paragraphs if p.style.name == "GiayKhenSoVaoSo"]
    assert sovaoso[-1] == f"Số vào sổ: {1200 + len(names)}"
    # No page numbers on a phôi: the section has no header.
    assert not section._sectPr.findall(qn("w:headerReference"))


def test_one_page_each_name_where_the_field_is(example: tuple[Path, Path]) -> None:
    pages = page_lines(example[1])
    names = [row["Họ và tên"] for row in example_rows()]
    assert len(pages) == len(names)
    for page, name in zip(pages, names, strict=True):
        assert any(name in line for line in page), page[:2]
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(example[1]), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    first = next(line for line in words.splitlines() if ">Nguyễn<" in line)
    y_min = float(first.split('yMin="')[1].split('"')[0])
    assert abs(y_min * 25.4 / 72 - 80) < 3  # the name's line starts at the field's top, 80 mm


def test_the_example_passes_verify(example: tuple[Path, Path]) -> None:
    report = verify_file(example[0])
    assert report.doc_type == "giay_khen" and report.ok, [v.line() for v in report.violations]


def test_a_batch_of_500_is_one_docx_and_one_pdf_of_500_pages(tmp_path: Path) -> None:
    source = workspace(tmp_path, batch_rows(BATCH), CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    pdf = to_pdf([docx], tmp_path)[0]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    assert f"Pages:           {BATCH}" in info.stdout.splitlines()
    pages = page_lines(pdf)
    assert len(pages) == BATCH
    for index, page in enumerate(pages):
        own = [line for line in page if line.endswith(f" {index + 1:03d}")]
        assert len(own) == 1, page[:2]
    assert verify_file(docx).ok


def test_long_names_stay_on_one_line_shrinking_if_they_must(tmp_path: Path) -> None:
    assert len(LONG_NAME) == 60 and len(LONGER_NAME) == 80
    rows = example_rows()[:3]
    rows[1] = {**rows[1], "Họ và tên": LONG_NAME, "Loại": "Tập thể", "Chức vụ": ""}
    rows[2] = {**rows[2], "Họ và tên": LONGER_NAME, "Loại": "Tập thể", "Chức vụ": ""}
    source = workspace(tmp_path, rows, CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "long.docx")
    doc = open_docx(docx)
    names = [p for p in doc.paragraphs if p.style.name == "GiayKhenTen"]
    assert [p.text for p in names] == [rows[0]["Họ và tên"], LONG_NAME, LONGER_NAME]
    assert name_size(names[0]) is None  # the style's 26 pt
    sixty, eighty = name_size(names[1]), name_size(names[2])
    assert sixty is None or 18 <= sixty <= 26
    assert eighty is not None and 18 <= eighty < 26  # smaller, never below 18 pt
    pages = page_lines(to_pdf([docx], tmp_path)[0])
    assert len(pages) == 3
    assert LONG_NAME in pages[1] and LONGER_NAME in pages[2]  # each whole name on one line
    assert verify_file(docx).ok


def test_a_name_too_long_even_at_18_pt_is_refused_with_its_row(tmp_path: Path) -> None:
    rows = example_rows()
    too_long = "Ban Chỉ đạo phong trào thi đua " * 4
    rows[2] = {**rows[2], "Họ và tên": too_long.strip()}
    source = workspace(tmp_path, rows, CERTIFICATE)
    with pytest.raises(InputError) as caught:
        Renderer(TEMPLATES).render_file(source, tmp_path / "x.docx")
    error = caught.value
    assert error.key == "data.name_too_long"
    assert (Path(error.file).name, error.row, error.field) == (LIST.name, 4, "Họ và tên")
    assert "18 pt" in str(error)


def test_test_print_draws_the_phoi_border(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE + "in_thu: co\n")
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "thu.docx")
    doc = open_docx(docx)
    borders = [p for p in doc.paragraphs if p.style.name == "GiayKhenKhungPhoi"]
    assert len(borders) == len(example_rows())
    assert frame_mm(borders[0]) == (12.0, 12.0, 273.0, 186.0)
    assert borders[0]._p.pPr.find(qn("w:pBdr")) is not None
    assert len(page_lines(to_pdf([docx], tmp_path)[0])) == len(example_rows())
    source.write_text(CERTIFICATE, encoding="utf-8")
    doc = open_docx(Renderer(TEMPLATES).render_file(source, tmp_path / "plain.docx"))
    assert not [p for p in doc.paragraphs if p.style.name == "GiayKhenKhungPhoi"]


def test_row_filter_and_inherited_fields(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE + "chon:\n  doi_tuong: tap_the\n")
    doc = open_docx(Renderer(TEMPLATES).render_file(source, tmp_path / "tt.docx"))
    names = [p.text for p in doc.paragraphs if p.style.name == "GiayKhenTen"]
    expected = [r["Họ và tên"] for r in example_rows() if r["Loại"] == "Tập thể"]
    assert names == expected and expected
    source.write_text(CERTIFICATE + "ngay: 01/01/2024\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Renderer(TEMPLATES).render_file(source, tmp_path / "x.docx")
    assert (caught.value.key, caught.value.line, caught.value.field) == (
        "data.inherited_field",
        4,
        "ngay",
    )
    source.write_text(CERTIFICATE + "chon:\n  dong: [99]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Renderer(TEMPLATES).render_file(source, tmp_path / "x.docx")
    assert (caught.value.key, caught.value.line) == ("data.no_such_row", 5)
    assert "dòng 99 không có" in str(caught.value)


def test_an_office_phoi_in_mau_is_used(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE + "mau: phoi-so-noi-vu\n")
    (tmp_path / "mau").mkdir()
    shutil.copy(TEMPLATES / "giay-khen.docx", tmp_path / "mau" / "phoi-so-noi-vu.docx")
    from pipeline.workspace import Workspace

    ws = Workspace.containing(source)
    data = Renderer(ws).render(ws.load(source))
    names = [p.text for p in open_docx(data).paragraphs if p.style.name == "GiayKhenTen"]
    assert names == [row["Họ và tên"] for row in example_rows()]


def test_vanthu_build_makes_the_batch_and_its_pdf(tmp_path: Path) -> None:
    from pipeline.cli import main

    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    (tmp_path / "mau").mkdir()
    shutil.copy(TEMPLATES / "giay-khen.docx", tmp_path / "mau" / "giay-khen.docx")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "inputs"), "-j", "1", "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "outputs" / "2024" / f"{source.stem}.pdf"
    assert len(page_lines(pdf)) == len(example_rows())


def test_vanthu_render_in_thu_draws_the_border_without_editing_the_file(tmp_path: Path) -> None:
    from pipeline.cli import main

    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    out = tmp_path / "thu.docx"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out), "--in-thu"])
    assert result.exit_code == 0, result.output
    borders = [p for p in open_docx(out).paragraphs if p.style.name == "GiayKhenKhungPhoi"]
    assert len(borders) == len(example_rows())
    assert "in_thu" not in source.read_text(encoding="utf-8")


def test_the_paper_and_the_fields_come_from_the_offices_phoi(tmp_path: Path) -> None:
    """An office's phôi moved in Word: A4 portrait, the name field 10 mm from the left, 100 mm
    down, 190 mm wide: the PDF follows it, and a long name is fitted to the narrower field."""
    from docx.shared import Mm

    from pipeline.workspace import Workspace

    rows = example_rows()
    rows[1] = {**rows[1], "Họ và tên": LONG_NAME}
    source = workspace(tmp_path, rows, CERTIFICATE)
    (tmp_path / "mau").mkdir()
    phoi = open_docx(TEMPLATES / "giay-khen.docx")
    section = phoi.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = 0  # portrait
    fields = [p for p in phoi.paragraphs if p._p.pPr.find(qn("w:framePr")) is not None]
    for index, paragraph in enumerate(fields):
        if paragraph.style.name == "GiayKhenTen":
            box = {"x": 10, "y": 100, "w": 190}
        elif paragraph.style.name == "GiayKhenKhungPhoi":  # the border, inside the paper too
            box = {"x": 5, "y": 5, "w": 200}
        else:  # the other fields in a column under it, inside the narrower paper
            box = {"x": 20, "y": 120 + 20 * index, "w": 170}
        frame = paragraph._p.pPr.find(qn("w:framePr"))
        for key, value in box.items():
            frame.set(qn(f"w:{key}"), str(round(value * TWIPS_PER_MM)))
    phoi.save(str(tmp_path / "mau" / "giay-khen.docx"))
    ws = Workspace.containing(source)
    docx = tmp_path / "doc.docx"
    docx.write_bytes(Renderer(ws).render(ws.load(source)))
    doc = open_docx(docx)
    assert (round(doc.sections[0].page_width.mm), round(doc.sections[0].page_height.mm)) == (
        210,
        297,
    )
    long = next(p for p in doc.paragraphs if p.text == LONG_NAME)
    assert frame_mm(long)[:3] == (10.0, 100.0, 190.0)
    size = name_size(long)
    assert size is not None and 18 <= size < 24  # narrower than the built-in phôi's 237 mm
    pdf = to_pdf([docx], tmp_path)[0]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in info or "595.304 x 841.89" in info, info
    pages = page_lines(pdf)
    assert len(pages) == len(rows) and LONG_NAME in pages[1]
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    first = next(line for line in words.splitlines() if ">Nguyễn<" in line)
    x_min = float(first.split('xMin="')[1].split('"')[0]) * 25.4 / 72
    y_min = float(first.split('yMin="')[1].split('"')[0]) * 25.4 / 72
    assert abs(y_min - 100) < 3 and 10 <= x_min < 200
    assert verify_file(docx).ok


def unnumbered(batch: Path) -> None:
    """The batch's decision with its so: left blank, as a draft."""
    decision = batch.parent / DECISION.name
    text = decision.read_text("utf-8")
    assert "\nso: 2150" in text
    decision.write_text(text.replace("\nso: 2150", "\nso:", 1), "utf-8")


def test_a_batch_for_the_phoi_is_refused_while_its_decision_has_no_number(tmp_path: Path) -> None:
    """Every certificate would print "Quyết định số ..../QĐ-UBND": nothing is written, the
    message names the quyet_dinh: line and the ways out; a test print still works."""
    from pipeline.cli import main

    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    unnumbered(source)
    out = tmp_path / "gk.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    message = result.output
    assert "Traceback" not in message and message.count("Lỗi:") == 1
    assert f"{source}, dòng 2, trường 'quyet_dinh'" in message
    assert "chưa có số" in message and "so: tu_dong" in message and "--in-thu" in message
    assert not out.exists()
    with pytest.raises(InputError, match="quyet_dinh"):  # the library refuses it too (build)
        Renderer(TEMPLATES).render_file(source, out)
    test_print = CliRunner().invoke(main, ["render", str(source), "-o", str(out), "--in-thu"])
    assert test_print.exit_code == 0, test_print.output
    source.write_text(CERTIFICATE + "in_thu: co\n", "utf-8")
    assert Renderer(TEMPLATES).render_file(source, out) == out
    lines = [p.text for p in open_docx(out).paragraphs if p.style.name == "GiayKhenQuyetDinh"]
    assert lines[0].startswith("Quyết định số ..../")


def achievements(docx: Path) -> list[str]:
    return [p.text for p in open_docx(docx).paragraphs if p.style.name == "GiayKhenThanhTich"]


def test_a_batch_states_the_achievement_its_decision_does_not(tmp_path: Path) -> None:
    """A decision without thanh_tich: the batch's own prints on every certificate; a decision
    stating one: the batch may not restate it (its line is named)."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    decision = source.parent / DECISION.name
    text = decision.read_text("utf-8")
    own = "đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2024"
    source.write_text(CERTIFICATE + f"thanh_tich: {own}\n", "utf-8")
    with pytest.raises(InputError) as refused:
        Renderer(TEMPLATES).render_file(source, tmp_path / "a.docx")
    assert refused.value.field == "thanh_tich" and refused.value.line == 4
    start = text.index("  thanh_tich: >-\n")
    end = start + len("  thanh_tich: >-\n")
    while text[end:].startswith("    "):
        end = text.index("\n", end) + 1
    decision.write_text(text[:start] + text[end:], "utf-8")
    out = Renderer(TEMPLATES).render_file(source, tmp_path / "b.docx")
    assert achievements(out) == [f"Đ{own[1:]}."] * len(example_rows())


def test_the_starter_prints_a_whole_test_certificate(tmp_path: Path) -> None:
    """vanthu new giay-khen renders as it is: a test print (the border drawn), every field
    filled; switched to the phôi, it is refused until its decision has a number."""
    from pipeline.cli import main
    from tests.typed_docs import render_starter

    out = render_starter("giay-khen", tmp_path)
    paragraphs = open_docx(out).paragraphs
    assert any(p.style.name == "GiayKhenKhungPhoi" for p in paragraphs)
    assert all(text.startswith("Đã có thành tích") for text in achievements(out))
    assert len(achievements(out)) == 3
    source = tmp_path / "giay-khen.yaml"
    source.write_text(source.read_text("utf-8").replace("in_thu: co", "in_thu: khong"), "utf-8")
    refused = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "x.docx")])
    assert refused.exit_code == 1 and "quyet_dinh" in refused.output
    decision = tmp_path / "quyet-dinh-giay-khen.yaml"
    decision.write_text(decision.read_text("utf-8").replace("\nso: ", "\nso: 7 ", 1), "utf-8")
    printed = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "x.docx")])
    assert printed.exit_code == 0, printed.output
    borders = [p for p in open_docx(tmp_path / "x.docx").paragraphs if "KhungPhoi" in p.style.name]
    assert borders == []
