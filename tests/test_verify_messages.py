"""verify's messages: one fault reported once (header paragraphs were read twice), a mistyped
"Nơi nhận:" quoted as found, a voided number worded as what is wrong, and text in double braces
typed in the data told apart from a template tag left in the document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import yaml
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from pipeline.cli import main
from pipeline.register.model import Status
from pipeline.verify import verify_file
from pipeline.verify.document import read_document
from pipeline.verify.register_check import _check_reference
from pipeline.verify.report import DOCUMENT, Report
from pipeline.verify.rules_text import typed_by_hand

REPO = Path(__file__).resolve().parents[1]
DECISION = REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml"
LETTER = REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"


def page_fields_in_header(doc) -> list:
    """Paragraphs of the first section's default header holding a PAGE field."""
    header = doc.sections[0].header
    return [p for p in header.paragraphs if "PAGE" in p._p.xml]


def test_header_paragraphs_are_read_once(renderer, tmp_path: Path) -> None:
    out = renderer.render_file(DECISION, tmp_path / "qd.docx")
    doc = read_document(out)
    for part in doc.parts.values():
        numbers = [p.where.paragraph for p in part.paragraphs]
        assert numbers == list(range(1, len(numbers) + 1)), (part.name, numbers)


def test_a_page_number_on_the_first_page_is_reported_once(renderer, tmp_path: Path) -> None:
    out = renderer.render_file(DECISION, tmp_path / "qd.docx")
    doc = Document(str(out))
    doc.sections[0].different_first_page_header_footer = False  # page 1 gets the numbered header
    assert page_fields_in_header(doc)
    doc.save(str(tmp_path / "first.docx"))
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "first.docx")])
    assert result.exit_code == 1
    assert result.output.count("[so_trang.first_page]") == 1, result.output
    assert ": 1 vi phạm" in result.output


def test_a_right_aligned_page_number_is_reported_once(renderer, tmp_path: Path) -> None:
    out = renderer.render_file(DECISION, tmp_path / "qd.docx")
    doc = Document(str(out))
    for p in page_fields_in_header(doc):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(tmp_path / "right.docx"))
    report = verify_file(tmp_path / "right.docx")
    assert [v.rule for v in report.violations] == ["so_trang.align"]


def test_a_mistyped_recipients_heading_is_quoted(renderer, tmp_path: Path) -> None:
    out = renderer.render_file(DECISION, tmp_path / "qd.docx")
    doc = Document(str(out))
    heading = next(
        p for t in doc.tables for c in t._cells for p in c.paragraphs if p.text == "Nơi nhận:"
    )
    for run in heading.runs:
        run.text = run.text.replace("nhận", "nhân")
    assert heading.text == "Nơi nhân:"
    doc.save(str(tmp_path / "typo.docx"))
    report = verify_file(tmp_path / "typo.docx")
    # Found as the heading, mistyped: not "no Nơi nhận" and not "no signature".
    assert report.rules == {"noi_nhan_tieu_de.text"}, [v.line("vi") for v in report.violations]
    line = report.violations[0].line("vi")
    assert "thấy «Nơi nhân:»; cần «Nơi nhận:»" in line
    assert "không có" not in line


def test_a_voided_number_says_it_is_voided_and_what_to_do() -> None:
    row = SimpleNamespace(status=Status.VOID, void_reason="in hỏng", details=None)
    register = SimpleNamespace(by_reference=lambda agency, year, reference: [row])
    report = Report(Path("qd.docx"))
    _check_reference(report, register, "03/QĐ-VPUBND", date(2026, 3, 2), DOCUMENT, DOCUMENT)  # type: ignore[arg-type]
    (violation,) = report.violations
    assert violation.rule == "so_dang_ky.void"
    vi = violation.line("vi")
    assert "thấy «03/QĐ-VPUBND» là số đã hủy trong sổ năm 2026 (lý do hủy: in hỏng)" in vi
    assert "cần một số còn hiệu lực trong sổ năm 2026" in vi
    assert "không phải số đã hủy" not in vi
    assert "a number voided in the 2026 register" in violation.line("en")


def with_paragraph(renderer, tmp_path: Path, text: str) -> Path:
    """The decision with one more body paragraph reading `text`."""
    out = renderer.render_file(DECISION, tmp_path / "qd.docx")
    doc = Document(str(out))
    body = next(p for p in doc.paragraphs if p.text.startswith("Điều 1."))
    body.runs[-1].text += " " + text
    path = tmp_path / "braces.docx"
    doc.save(str(path))
    return path


def test_typed_braces_with_vietnamese_words_are_a_warning(renderer, tmp_path: Path) -> None:
    path = with_paragraph(renderer, tmp_path, "{{ năm }}")
    report = verify_file(path)
    assert report.ok
    assert [w.rule for w in report.warnings] == ["text.typed_tag"]
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 0, result.output
    assert "cảnh báo: [text.typed_tag]" in result.output and "«{{ năm }}»" in result.output
    assert "đạt, không có vi phạm (1 cảnh báo)" in result.output
    as_json = CliRunner().invoke(main, ["verify", "--format", "json", str(path)])
    data = json.loads(as_json.output)
    assert data["ok"] and data["files"][0]["warnings"][0]["rule"] == "text.typed_tag"


def test_a_template_field_left_in_the_document_is_a_violation(renderer, tmp_path: Path) -> None:
    for leftover in ("{{ trich_yeu }}", "{{ muc.tieu_de }}", "{% if x == 'Hà Nội' %}"):
        report = verify_file(with_paragraph(renderer, tmp_path, leftover))
        assert "text.template_tag" in report.rules, leftover
        assert not report.warnings
    # A real leftover beside typed text: the leftover is what is quoted.
    report = verify_file(with_paragraph(renderer, tmp_path, "{{ năm }} {{ so_ky_hieu }}"))
    (violation,) = [v for v in report.violations if v.rule == "text.template_tag"]
    assert "«{{ so_ky_hieu }}»" in violation.line("vi")
    # A brace pair alone is not a typed tag.
    report = verify_file(with_paragraph(renderer, tmp_path, "{{ năm"))
    assert "text.template_tag" in report.rules


def test_which_tags_can_only_have_been_typed() -> None:
    assert typed_by_hand("{{ năm }}")
    assert typed_by_hand("{{ họ tên }}")
    assert not typed_by_hand("{{ nam }}")
    assert not typed_by_hand("{{ chu_ky.ho_ten }}")
    assert not typed_by_hand("{% if dia_danh == 'Sơn La' %}")
    assert not typed_by_hand('{{ "Căn cứ" }}')


def test_braces_typed_in_the_data_render_and_verify_agree(renderer, tmp_path: Path) -> None:
    data = yaml.safe_load(LETTER.read_text("utf-8"))
    data["trich_yeu"] = "báo cáo kết quả thi đua {{ năm }}"
    path = tmp_path / "inputs" / "2024" / "cv.yaml"
    path.parent.mkdir(parents=True)
    (tmp_path / "inputs" / "co-quan").symlink_to(REPO / "inputs" / "co-quan")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = renderer.render_file(path, tmp_path / "cv.docx")
    report = verify_file(out)
    assert report.ok, [v.line("vi") for v in report.violations]
    assert [w.rule for w in report.warnings] == ["text.typed_tag"]
