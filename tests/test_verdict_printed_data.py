"""render, build and check warn of an office's template that no longer prints the data, as
`templates check` finds it (printed_data, with vanthu's examples): a clerk who never runs
`templates check` learns that a paragraph deleted in Word leaves every document without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import example_contexts
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.verdict import errors_by_file, template_warnings
from tests.test_template_checks_r9 import dropped_paragraph
from tests.test_template_round2 import office_copy
from tests.test_template_tools import edit_docx


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))


def test_a_copy_dropping_a_data_paragraph_is_warned_of(tmp_path: Path) -> None:
    library = dropped_paragraph(tmp_path, "{{ theo_de_nghi }}")
    assert errors_by_file(library, "quyet-dinh", example_contexts) == {"quyet-dinh": 1}
    warnings = template_warnings(library, ["quyet-dinh"], example_contexts)
    assert len(warnings) == 1
    assert warnings[0].startswith("vanthu templates check thấy 1 lỗi trong quyet-dinh.docx")


def test_a_block_printing_fixed_text_for_the_data_is_the_one_named(tmp_path: Path) -> None:
    """khoi/kinh-gui printing a fixed first recipient: every Công văn to several places loses
    its first, and the block is named, not the built-in type that includes it."""
    path = office_copy(tmp_path, "khoi/kinh-gui")
    edit_docx(path, "{{ dong }}", "Ủy ban nhân dân tỉnh")
    library = TemplateLibrary(path.parent.parent)
    assert errors_by_file(library, "cong-van", example_contexts) == {"khoi/kinh-gui": 1}
    warnings = template_warnings(library, ["cong-van"], example_contexts)
    assert len(warnings) == 1 and "khoi/kinh-gui.docx" in warnings[0]


def test_a_copy_printing_the_same_data_is_not_warned_of(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "quyet-dinh")
    edit_docx(path, "QUYẾT ĐỊNH:", "QUYẾT ĐỊNH:")
    library = TemplateLibrary(path.parent)
    assert template_warnings(library, ["quyet-dinh"], example_contexts) == []
