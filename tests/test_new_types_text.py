"""Text typed into the new kinds prints as typed: '&', '<', '{{ }}' in Kính gửi, V/v, a Giấy
mời's place, a Tờ trình's kinh_trinh; a dash or closing mark typed in a list is not doubled."""

from __future__ import annotations

import pytest

from tests.typed_docs import REPO, body, cell_looks, open_docx, render_mapping

INPUTS = REPO / "inputs" / "2024"
ODD = "Sở A & B <C> {{ x }} {% if %}"


@pytest.mark.parametrize(
    ("example", "changes", "expected"),
    [
        ("to-trinh-khen-thuong.yaml", {"kinh_gui": ODD, "kinh_trinh": ODD},
         [f"Kính gửi: {ODD}", f"Kính trình {ODD} xem xét, quyết định./."]),
        ("cv-don-doc-bao-cao-tdkt.yaml", {"kinh_gui": [f"- {ODD};", "Sở D."]},
         [f"Kính gửi:\t- {ODD};", "- Sở D."]),
        ("giay-moi-hoi-nghi-tong-ket.yaml", {"dia_diem": ODD, "kinh_moi": ODD},
         [f"Trân trọng kính mời: {ODD}.", f"Địa điểm: {ODD}."]),
    ],
)  # fmt: skip
def test_typed_text_prints_as_typed(example: str, changes: dict, expected: list[str]) -> None:
    texts = [x.text for x in body(open_docx(render_mapping(INPUTS / example, changes)))]
    for line in expected:
        assert line in texts, texts


def test_v_v_prints_as_typed() -> None:
    doc = open_docx(render_mapping(INPUTS / "cv-don-doc-bao-cao-tdkt.yaml", {"trich_yeu": ODD}))
    assert " ".join(cell_looks(doc, 0, 1, 0)[1].text.split()) == f"V/v {ODD}"  # in even lines
