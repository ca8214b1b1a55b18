"""verify: the signature block of every document type, Nơi nhận lines a person can read, and
a decision's article left with its number only."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from pipeline.verify import verify_file

REPO = Path(__file__).resolve().parents[1]
# One example of each type vanthu writes with a signature (a Giấy khen batch has its own form).
EXAMPLES = [
    "2024/qd-bang-khen-ubnd-tinh.yaml",
    "2022/ke-hoach-tdkt.yaml",
    "2022/bao-cao-tong-ket.yaml",
    "2024/cv-don-doc-bao-cao-tdkt.yaml",
    "2024/to-trinh-khen-thuong.yaml",
    "2024/tb-ket-luan-hop-hoi-dong.yaml",
    "2024/giay-moi-hoi-nghi-tong-ket.yaml",
    "2024/bb-hop-hoi-dong-tdkt.yaml",
]
SIGNING_ROLES = ("THƯ KÝ", "CHỦ TỌA")


def rendered(renderer, example: str, tmp_path: Path) -> Path:
    return renderer.render_file(REPO / "inputs" / example, tmp_path / "out.docx")


def saved(doc, tmp_path: Path, name: str = "edited.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def set_text(paragraph, text: str) -> None:
    """The paragraph's text replaced, its first run's formatting kept."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def without_signature(path: Path, tmp_path: Path) -> Path:
    """The document with the table holding its signature (and Nơi nhận) taken out."""
    doc = Document(str(path))
    removed = 0
    for table in doc.tables:
        texts = {c.text.strip() for row in table.rows for c in row.cells}
        if any(t.startswith(("Nơi nhận", *SIGNING_ROLES)) for t in texts):
            table._element.getparent().remove(table._element)
            removed += 1
    assert removed, "no signature table found"
    return saved(doc, tmp_path)


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_document_without_its_signature_block_fails_verify(
    renderer, example: str, tmp_path: Path
) -> None:
    source = rendered(renderer, example, tmp_path)
    assert verify_file(source).ok
    report = verify_file(without_signature(source, tmp_path))
    assert "chu_ky.missing" in report.rules
    line = next(v for v in report.violations if v.rule == "chu_ky.missing").line("vi")
    assert "họ tên người ký" in line


def test_signature_missing_beside_recipients_is_reported_at_nơi_nhận(
    renderer, tmp_path: Path
) -> None:
    doc = Document(str(rendered(renderer, EXAMPLES[0], tmp_path)))
    cell = next(
        row.cells[-1]
        for table in doc.tables
        for row in table.rows
        if row.cells[0].text.strip().startswith("Nơi nhận")
    )
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.text = ""
    report = verify_file(saved(doc, tmp_path))
    violation = next(v for v in report.violations if v.rule == "chu_ky.missing")
    assert violation.where.kind != "document"
    assert "Nơi nhận" in violation.where.describe("vi")


def test_a_template_without_a_signature_is_not_a_document_missing_one(tmp_path: Path) -> None:
    template = REPO / "templates" / "khoi" / "dau-trang.docx"
    assert "chu_ky.missing" not in verify_file(template, template=True).rules


def test_an_article_with_its_number_only_fails_verify(renderer, tmp_path: Path) -> None:
    doc = Document(str(rendered(renderer, EXAMPLES[0], tmp_path)))
    article = next(p for p in doc.paragraphs if p.text.startswith("Điều 1."))
    set_text(article, "Điều 1. ")
    report = verify_file(saved(doc, tmp_path))
    violations = [v for v in report.violations if v.rule == "dieu.empty"]
    assert len(violations) == 1
    assert "«Điều 1.»" in violations[0].line("vi")
    assert "Every article has content" in violations[0].line("en")


def test_an_article_whose_text_is_in_the_paragraphs_under_it_passes(
    renderer, tmp_path: Path
) -> None:
    doc = Document(str(rendered(renderer, EXAMPLES[0], tmp_path)))
    article = next(p for p in doc.paragraphs if p.text.startswith("Điều 1."))
    text = article.text.removeprefix("Điều 1.").strip()
    set_text(article, "Điều 1.")
    article.insert_paragraph_before("Điều 1.").runs[0].bold = True
    set_text(article, text)
    report = verify_file(saved(doc, tmp_path))
    assert "dieu.empty" not in report.rules
    assert "dieu.order" not in report.rules


def _recipient_lines(doc) -> list:
    cell = next(
        row.cells[0]
        for table in doc.tables
        for row in table.rows
        if row.cells[0].text.strip().startswith("Nơi nhận")
    )
    return [p for p in cell.paragraphs if p.text.strip()][1:]


def test_a_recipient_line_with_only_its_dash_says_so(renderer, tmp_path: Path) -> None:
    doc = Document(str(rendered(renderer, EXAMPLES[0], tmp_path)))
    set_text(_recipient_lines(doc)[-1], "-")
    report = verify_file(saved(doc, tmp_path))
    violation = next(v for v in report.violations if v.rule == "noi_nhan.empty")
    line = violation.line("vi")
    assert "chỉ có dấu gạch ngang" in line and "tên nơi nhận" in line
    assert "«-»; cần «-»" not in line
    assert "noi_nhan.dash" not in report.rules
    assert "noi_nhan.last" in report.rules  # and the archive line Nghị định 30 requires is gone


def test_a_recipient_line_with_only_its_dash_before_the_last(renderer, tmp_path: Path) -> None:
    doc = Document(str(rendered(renderer, EXAMPLES[0], tmp_path)))
    set_text(_recipient_lines(doc)[0], "-")
    report = verify_file(saved(doc, tmp_path))
    assert [v.rule for v in report.violations] == ["noi_nhan.empty"]


def test_a_recipient_line_without_its_dash_shows_how_it_starts(renderer, tmp_path: Path) -> None:
    doc = Document(str(rendered(renderer, EXAMPLES[0], tmp_path)))
    first = _recipient_lines(doc)[0]
    set_text(first, first.text.removeprefix("- "))
    report = verify_file(saved(doc, tmp_path))
    line = next(v for v in report.violations if v.rule == "noi_nhan.dash").line("vi")
    found, expected = line.split("thấy ", 1)[1].split("; cần ", 1)
    assert found != expected
    assert found.startswith("dòng bắt đầu «") and '"- "' in expected
