"""verify and templates check: the space for the signature and seal (about 3–4 blank lines between
the signer's title and name) and the "QUYẾT ĐỊNH:" line before a decision's articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from tests.office_templates import builtin_check_report

REPO = Path(__file__).resolve().parents[1]
DECISION = "2024/qd-bang-khen-ubnd-tinh.yaml"
MINUTES = "2024/bb-hop-hoi-dong-tdkt.yaml"
BLANK = "ChuKyKhoangTrong"


def rendered(renderer, example: str, tmp_path: Path) -> Path:
    return renderer.render_file(REPO / "inputs" / example, tmp_path / "out.docx")


def rules(path: Path, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    return [v.rule for v in verify_file(path, **kwargs).violations]


def blanks_of(cell) -> list:  # type: ignore[no-untyped-def]
    return [p for p in cell.paragraphs if p.style.style_id == BLANK and not p.text.strip()]


def signature_cells(doc) -> list:  # type: ignore[no-untyped-def]
    """Cells holding a signature: those with the seal-space paragraphs."""
    return [c for t in doc.tables for row in t.rows for c in row.cells if blanks_of(c)]


def keep_blanks(path: Path, keep: int, tmp_path: Path, cells: slice = slice(None)) -> Path:
    """The document with only `keep` empty paragraphs left between title and name."""
    doc = Document(str(path))
    for cell in signature_cells(doc)[cells]:
        for p in blanks_of(cell)[keep:]:
            p._element.getparent().remove(p._element)
    out = tmp_path / f"blanks-{keep}.docx"
    doc.save(str(out))
    return out


def test_the_built_documents_seal_space_passes(renderer, tmp_path: Path) -> None:
    assert "chu_ky.seal_space" not in rules(rendered(renderer, DECISION, tmp_path))


@pytest.mark.parametrize("keep", [0, 1, 2])
def test_too_little_space_for_the_seal_is_reported_at_the_name(
    renderer, tmp_path: Path, keep: int
) -> None:
    path = keep_blanks(rendered(renderer, DECISION, tmp_path), keep, tmp_path)
    found = [v for v in verify_file(path).violations if v.rule == "chu_ky.seal_space"]
    assert len(found) == 1
    assert found[0].where.kind == "cell"
    line = found[0].line()
    assert found[0].where.excerpt != found[0].where.excerpt.upper()  # the name, not a title
    assert f"{keep} dòng" in line or f"{keep}." in line


def test_three_blank_lines_are_enough(renderer, tmp_path: Path) -> None:
    path = keep_blanks(rendered(renderer, DECISION, tmp_path), 3, tmp_path)
    assert "chu_ky.seal_space" not in rules(path)


def test_space_made_by_paragraph_spacing_counts(renderer, tmp_path: Path) -> None:
    """One blank line plus 36 pt before the name (LibreOffice and Word offices do both)."""
    path = keep_blanks(rendered(renderer, DECISION, tmp_path), 1, tmp_path)
    doc = Document(str(path))
    cell = signature_cells(doc)[0]
    blank = blanks_of(cell)[0]
    name = cell.paragraphs[[p._element for p in cell.paragraphs].index(blank._element) + 1]
    name.paragraph_format.space_before = Pt(36)
    out = tmp_path / "spaced.docx"
    doc.save(str(out))
    assert "chu_ky.seal_space" not in rules(out)


def test_blank_lines_set_smaller_are_measured_by_their_size(renderer, tmp_path: Path) -> None:
    """Four empty paragraphs whose marks are 6 pt give about 1.7 lines of a 14 pt name."""
    doc = Document(str(rendered(renderer, DECISION, tmp_path)))
    for p in blanks_of(signature_cells(doc)[0]):
        rpr = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "12")
        rpr.append(size)
        p._element.get_or_add_pPr().append(rpr)
    out = tmp_path / "small.docx"
    doc.save(str(out))
    assert "chu_ky.seal_space" in rules(out)


def test_both_signatures_of_a_minutes_are_measured(renderer, tmp_path: Path) -> None:
    source = rendered(renderer, MINUTES, tmp_path)
    assert "chu_ky.seal_space" not in rules(source)
    left_only = keep_blanks(source, 1, tmp_path, slice(0, 1))
    assert rules(left_only).count("chu_ky.seal_space") == 1


def _office_copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "mau"
    target = folder / f"{name}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "templates" / f"{name}.docx", target)
    return target


def test_templates_check_reports_the_seal_space_at_the_signature_block(tmp_path: Path) -> None:
    block = _office_copy(tmp_path, "khoi/ky-ten")
    keep_blanks(block, 1, tmp_path).replace(block)
    report = check_templates(TemplateLibrary([tmp_path / "mau"]))
    found = [p for p in report.problems if p.params.get("rule") == "chu_ky.seal_space"]
    assert {p.template for p in found} == {"khoi/ky-ten"}
    assert len(found) == 3  # the Nơi nhận table's signer, and both of the two-signature table
    assert all("{{" in p.where for p in found)  # located at the name's tag
    assert not report.ok


def test_builtin_templates_pass_both_rules() -> None:
    report = builtin_check_report()
    rules_found = {p.params.get("rule") for p in report.problems}
    assert not rules_found & {"chu_ky.seal_space", "quyet_dinh.missing"}
    assert report.ok


def _without_label(path: Path, out: Path, text: str | None = None) -> Path:
    doc = Document(str(path))
    label = next(p for p in doc.paragraphs if p.text.strip() == "QUYẾT ĐỊNH:")
    if text is None:
        label._element.getparent().remove(label._element)
    else:
        label.runs[0].text = text
        for run in label.runs[1:]:
            run.text = ""
    doc.save(str(out))
    return out


def test_a_decision_without_its_label_fails_at_article_one(renderer, tmp_path: Path) -> None:
    source = rendered(renderer, DECISION, tmp_path)
    assert "quyet_dinh.missing" not in rules(source)
    path = _without_label(source, tmp_path / "no-label.docx")
    found = [v for v in verify_file(path).violations if v.rule == "quyet_dinh.missing"]
    assert len(found) == 1
    assert found[0].where.excerpt.startswith("Điều 1.")


def test_a_label_written_in_lower_case_is_quoted(renderer, tmp_path: Path) -> None:
    source = rendered(renderer, DECISION, tmp_path)
    path = _without_label(source, tmp_path / "lower.docx", "Quyết định:")
    found = [v for v in verify_file(path).violations if v.rule == "quyet_dinh.missing"]
    assert len(found) == 1
    assert "«Quyết định:»" in found[0].line()


def test_templates_check_reports_a_decision_template_without_its_label(tmp_path: Path) -> None:
    template = _office_copy(tmp_path, "quyet-dinh")
    _without_label(template, template)
    report = check_templates(TemplateLibrary([tmp_path / "mau"]), ["quyet-dinh"])
    found = [p for p in report.problems if p.params.get("rule") == "quyet_dinh.missing"]
    assert len(found) == 1
    assert "khoi/dieu" in found[0].where
    assert not report.ok
