"""The general Quyết định (điều động, phê duyệt ...) and the one issuing a Quy chế: articles with
khoản and điểm numbered by vanthu, the Quy chế after the decision with the header again, Chương
and Điều numbered through, its "(Ban hành kèm theo Quyết định số ...)" line from the decision."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from tests.typed_docs import (
    QUOC_HIEU,
    REPO,
    TEMPLATES,
    Look,
    assert_pages,
    assert_verified,
    body,
    cell_looks,
    first,
    open_docx,
    page_lines,
    render_variants,
    to_pdf,
)

GENERAL = REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml"
ISSUING = REPO / "inputs" / "2024" / "qd-ban-hanh-quy-che-hoi-dong.yaml"
KEM_THEO = (
    "(Ban hành kèm theo Quyết định số 05/QĐ-HĐTĐKT ngày 12 tháng 3 năm 2024 của "
    "Hội đồng Thi đua - Khen thưởng huyện Mai Sơn)"
)
INLINE = {
    "trich_yeu": "Làm việc của Tổ giúp việc Hội đồng",
    "dieu": [
        {"tieu_de": "Phạm vi", "doan": ["Quy chế này quy định chế độ làm việc của Tổ."]},
        {"noi_dung": "Tổ họp mỗi quý một lần.", "khoan": []},
    ],
}
LONG = "Cơ quan, đơn vị có liên quan phối hợp thực hiện nội dung của điều này. " * 10


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("qd-chung")
    general = render_variants(
        GENERAL,
        {
            "chung": {},
            "mot_dieu": {"dieu": [{"noi_dung": "Giao nhiệm vụ cho bà Lò Thị Hương."}]},
            "dai": {"dieu": [{"noi_dung": LONG, "doan": [LONG] * 3}] * 3},
        },
        out,
    )
    issuing = render_variants(
        ISSUING,
        {
            "quy_che": {},
            "quy_che_trong_tep": {"ban_hanh": {"quy_che": INLINE}},
            "quy_dinh": {"ban_hanh": {"quy_che": {**INLINE, "loai_van_ban": "quy_dinh"}}},
        },
        out,
    )
    return {**general, **issuing}


def looks(path: Path) -> list[Look]:
    return body(open_docx(path))


def texts(path: Path) -> list[str]:
    return [x.text for x in looks(path)]


# --- the general decision -------------------------------------------------------------------


def test_articles_are_numbered_with_their_khoan_and_diem(rendered: dict[str, Path]) -> None:
    items = looks(rendered["chung"])
    first_article = first(items, "Điều 1. Điều động bà Lò Thị Hương")
    assert (first_article.size, first_article.align, first_article.first_mm) == (
        14, "JUSTIFY", 12.7,
    )  # fmt: skip
    titled = first(items, "Điều 2.")
    assert titled.text == "Điều 2. Trách nhiệm bàn giao và tiếp nhận"
    assert (titled.bold, titled.size, titled.first_mm) == (True, 14, 12.7)
    khoan = first(items, "1. Bà Lò Thị Hương có trách nhiệm bàn giao")
    assert (khoan.bold, khoan.align, khoan.first_mm, khoan.size) == (False, "JUSTIFY", 12.7, 14)
    assert first(items, "2. Phòng Văn hóa - Xã hội có trách nhiệm:").bold is False
    assert first(items, "a) Bố trí chỗ làm việc").first_mm == 12.7
    assert first(items, "b) Báo cáo Lãnh đạo Văn phòng").text.endswith("năm 2024.")
    assert [t.split(".")[0] for t in texts(rendered["chung"]) if t.startswith("Điều ")] == [
        "Điều 1", "Điều 2", "Điều 3", "Điều 4",
    ]  # fmt: skip
    last = items[-1]
    assert last.text.startswith("Điều 4. Trưởng phòng Tổ chức") and last.text.endswith("./.")


def test_article_word_and_number_are_bold(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["chung"])
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("Điều 1."))
    word, *rest = [r for r in paragraph.runs if r.text.strip()]
    assert word.text == "Điều 1." and word.style.name == "Strong"
    assert all(r.style.name != "Strong" and not r.bold for r in rest)


def test_header_preamble_and_recipients(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["chung"])
    assert cell_looks(doc, 0, 1, 0)[0].text == "Số: 45/QĐ-VPUBND"
    items = looks(rendered["chung"])
    assert items[0].text == "QUYẾT ĐỊNH" and items[2].text == "CHÁNH VĂN PHÒNG UBND TỈNH SƠN LA"
    proposal = first(items, "Theo đề nghị của")
    assert proposal.italic and proposal.text.endswith("Quản trị.")
    decides = first(items, "QUYẾT ĐỊNH:")
    assert (decides.bold, decides.align) == (True, "CENTER")
    lines = [x.text for x in cell_looks(doc, 1, 0, 0)]
    assert lines[:2] == ["Nơi nhận:", "- Như Điều 4;"]  # the last article, counted


def test_one_article_closes_the_text(rendered: dict[str, Path]) -> None:
    items = looks(rendered["mot_dieu"])
    assert items[-1].text == "Điều 1. Giao nhiệm vụ cho bà Lò Thị Hương./."
    assert items[-1].style == "NoiDungCuoi"  # kept on the page of the signature


# --- the decision issuing a Quy chế ---------------------------------------------------------


def test_article_1_issues_the_regulation(rendered: dict[str, Path]) -> None:
    assert first(looks(rendered["quy_che"]), "Điều 1.").text == (
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Hội đồng Thi đua - "
        "Khen thưởng huyện Mai Sơn."
    )


def test_the_regulation_repeats_the_header_without_number(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["quy_che"])
    assert len(doc.tables) == 3  # header, signature, the Quy chế's header
    header = doc.tables[2]
    assert len(header.rows) == 1
    left = cell_looks(doc, 2, 0, 0)
    right = cell_looks(doc, 2, 0, 1)
    assert [x.text for x in left] == ["UBND HUYỆN MAI SƠN", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]
    assert left[1].bold and not left[0].bold
    assert [x.text for x in right] == [QUOC_HIEU, "Độc lập - Tự do - Hạnh phúc"]
    assert not any(c.text.startswith("Số:") for r in header.rows for c in r.cells)
    # The frame's section break: the Quy chế starts a page of its own.
    breaks = doc.element.body.findall(".//{*}pPr/{*}sectPr")
    assert len(breaks) == 1


def test_regulation_title_and_attached_line(rendered: dict[str, Path]) -> None:
    items = looks(rendered["quy_che"])
    title = first(items, "QUY CHẾ")
    assert (title.size, title.bold, title.align) == (14, True, "CENTER")
    at = items.index(title)
    subject, attached = items[at + 1], items[at + 2]
    assert subject.text == "Hoạt động của Hội đồng Thi đua - Khen thưởng huyện Mai Sơn"
    assert (subject.bold, subject.align) == (True, "CENTER")
    assert attached.text == KEM_THEO
    assert (attached.italic, attached.size, attached.align) == (True, 14, "CENTER")


def test_chapters_and_articles_numbered_through(rendered: dict[str, Path]) -> None:
    items = looks(rendered["quy_che"])
    part = items[items.index(first(items, "QUY CHẾ")) :]
    chapters = [x for x in part if re.match(r"^Chương [IVX]+$", x.text)]
    assert [x.text for x in chapters] == ["Chương I", "Chương II", "Chương III"]
    for chapter in chapters:
        title = part[part.index(chapter) + 1]
        assert (chapter.bold, chapter.align, chapter.size) == (True, "CENTER", 14)
        assert (title.bold, title.align, title.text == title.text.upper()) == (
            True, "CENTER", True,
        )  # fmt: skip
    assert part[part.index(chapters[1]) + 1].text == "NHIỆM VỤ, QUYỀN HẠN VÀ CHẾ ĐỘ LÀM VIỆC"
    articles = [x for x in part if x.text.startswith("Điều ")]
    assert [x.text.split(".")[0] for x in articles] == [f"Điều {n}" for n in range(1, 6)]
    assert articles[2].text == "Điều 3. Nhiệm vụ của Hội đồng"  # Chương II goes on at 3
    assert all(a.bold and a.first_mm == 12.7 and a.align == "JUSTIFY" for a in articles)
    assert first(part, "1. Tham mưu cho Chủ tịch UBND huyện:").bold is False
    points = [x.text[:2] for x in part if re.match(r"^[a-zđ]\) ", x.text)]
    assert points == ["a)", "b)", "c)"]
    assert part[-1].text.endswith("bổ sung cho phù hợp./.")


def test_regulation_written_in_the_decision_without_chapters(rendered: dict[str, Path]) -> None:
    items = texts(rendered["quy_che_trong_tep"])
    assert not any(t.startswith("Chương") for t in items)
    part = items[items.index("QUY CHẾ") :]
    assert part[1:3] == ["Làm việc của Tổ giúp việc Hội đồng", KEM_THEO]
    assert part[3:] == [
        "Điều 1. Phạm vi", "Quy chế này quy định chế độ làm việc của Tổ.",
        "Điều 2. Tổ họp mỗi quý một lần./.",
    ]  # fmt: skip
    assert items[items.index("QUYẾT ĐỊNH:") + 1] == (
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Tổ giúp việc Hội đồng."
    )


def test_a_quy_dinh_is_issued_the_same_way(rendered: dict[str, Path]) -> None:
    items = texts(rendered["quy_dinh"])
    assert "QUY ĐỊNH" in items
    assert first(looks(rendered["quy_dinh"]), "Điều 1.").text.startswith(
        "Điều 1. Ban hành kèm theo Quyết định này Quy định làm việc"
    )


# --- verify and PDF -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant", ["chung", "mot_dieu", "dai", "quy_che", "quy_che_trong_tep", "quy_dinh"]
)
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "quyet_dinh")


def test_pdf_pages(rendered: dict[str, Path], tmp_path: Path) -> None:
    one, long, issuing = to_pdf(
        [rendered["mot_dieu"], rendered["dai"], rendered["quy_che"]], tmp_path
    )
    assert_pages(one, 1)
    assert len(assert_pages(long)) >= 2
    pages = page_lines(issuing)
    assert len(pages) == 3, [p[:3] for p in pages]
    # The decision on page 1; the Quy chế from page 2, its pages numbered on their own: its
    # first page (Quốc hiệu on one line again) shows no number, its second shows 2.
    assert any(QUOC_HIEU in line for line in pages[0]) and not pages[0][0].isdigit()
    assert any(QUOC_HIEU in line for line in pages[1])
    assert not any(line.endswith(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT")) for line in pages[1])
    assert not pages[1][0].isdigit() and pages[1][2] == "QUY CHẾ"
    assert pages[2][0] == "2"


# --- where the Quy chế comes from, so: tu_dong, bad input -----------------------------------


def test_the_regulation_file_is_not_built_on_its_own() -> None:
    documents = Workspace.containing(ISSUING).documents()
    assert ISSUING in documents
    assert not any("kem-theo" in p.parts for p in documents)


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    return tmp_path / "inputs" / "2024" / ISSUING.name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def render(path: Path, *args: str):
    return CliRunner().invoke(
        main, ["--lang", "vi", "--templates", str(TEMPLATES), "render", str(path), *args]
    )


def test_so_tu_dong_numbers_the_decision_and_its_regulation(workspace: Path) -> None:
    edit(workspace, "so: 5\n", "so: tu_dong\n")
    result = render(workspace)
    assert result.exit_code == 0, result.output
    out = workspace.parents[2] / "outputs" / "2024" / f"{workspace.stem}.docx"
    doc = open_docx(out)
    assert cell_looks(doc, 0, 1, 0)[0].text == "Số: 01/QĐ-HĐTĐKT"
    attached = first(body(doc), "(Ban hành kèm theo")
    assert attached.text.startswith("(Ban hành kèm theo Quyết định số 01/QĐ-HĐTĐKT ngày 12 tháng 3")
    report = verify_file(out)
    assert report.ok, [v.line() for v in report.violations]


BAD = {
    # name: (old text, new text, words of the message, field)
    "outside kem-theo": ("quy_che: kem-theo/quy-che-hoi-dong-tdkt.yaml",
                         "quy_che: qd-dieu-dong-cong-chuc.yaml", "kem-theo/", "ban_hanh.quy_che"),
    "missing file": ("quy_che: kem-theo/quy-che-hoi-dong-tdkt.yaml",
                     "quy_che: kem-theo/khong-co.yaml", "khong-co.yaml", "ban_hanh.quy_che"),
    "outside workspace": ("quy_che: kem-theo/quy-che-hoi-dong-tdkt.yaml",
                          "quy_che: ../../../../kem-theo/x.yaml", "x.yaml", "ban_hanh.quy_che"),
    "plan and regulation": ("ban_hanh:\n", "ban_hanh:\n  ke_hoach: ke-hoach.yaml\n",
                            "ke_hoach", "ban_hanh"),
    "empty article": ("  - noi_dung: Quyết định này có hiệu lực kể từ ngày ký.\n",
                      "  - doan: []\n", "noi_dung, tieu_de", "dieu[1]"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_one_located_message(workspace: Path, case: str) -> None:
    old, new, words, field = BAD[case]
    edit(workspace, old, new)
    result = render(workspace)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert workspace.name in result.output and words in result.output, result.output
    assert field in result.output, result.output


def test_regulation_file_errors_name_its_own_file_and_line(workspace: Path) -> None:
    regulation = workspace.parent / "kem-theo" / "quy-che-hoi-dong-tdkt.yaml"
    chapter = "  - tieu_de: Tổ chức thực hiện\n"
    edit(regulation, chapter, chapter + "    so: 3\n")
    result = render(workspace)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "quy-che-hoi-dong-tdkt.yaml" in result.output and "so" in result.output
    line = next(
        n for n, text in enumerate(regulation.read_text("utf-8").splitlines(), 1)
        if text.strip() == "so: 3"
    )  # fmt: skip
    assert f":{line}" in result.output or f"dòng {line}" in result.output, result.output


def test_chapters_and_articles_together_are_refused(workspace: Path) -> None:
    regulation = workspace.parent / "kem-theo" / "quy-che-hoi-dong-tdkt.yaml"
    text = regulation.read_text("utf-8")
    regulation.write_text(text + "dieu:\n  - noi_dung: Thêm.\n", "utf-8")
    result = render(workspace)
    assert result.exit_code == 1 and "chuong" in result.output and "dieu" in result.output
