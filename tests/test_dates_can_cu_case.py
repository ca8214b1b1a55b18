"""A căn cứ line typed with its own "căn cứ" in any case prints "Căn cứ" once (finding 12)."""

from __future__ import annotations

import pytest

from tests.typed_docs import REPO, example_data, open_docx, render_mapping

EXAMPLE = REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml"
BASIS = "Quy chế làm việc của Văn phòng UBND tỉnh Sơn La"


@pytest.mark.parametrize("typed", ["căn cứ", "CĂN CỨ", "Căn Cứ", "  căn  cứ", "Căn cứ", ""])
def test_typed_opening_is_printed_once(typed: str) -> None:
    data = example_data(EXAMPLE)
    line = f"{typed} {BASIS}".strip()
    doc = open_docx(render_mapping(EXAMPLE, {"can_cu": [*data["can_cu"], line]}))
    texts = [p.text for p in doc.paragraphs]
    assert f"Căn cứ {BASIS};" in texts
    assert not any("căn cứ" in t.casefold()[6:] for t in texts if t.startswith("Căn cứ"))


def test_words_that_only_begin_alike_are_left_alone() -> None:
    data = example_data(EXAMPLE)
    line = "căn cứu hộ cứu nạn của tỉnh"  # not "căn cứ": a word of its own
    doc = open_docx(render_mapping(EXAMPLE, {"can_cu": [*data["can_cu"], line]}))
    assert "Căn cứ căn cứu hộ cứu nạn của tỉnh;" in [p.text for p in doc.paragraphs]
