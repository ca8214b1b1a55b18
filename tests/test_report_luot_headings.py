"""Bảng 1 of a Báo cáo counts lượt (one per award given) while Bảng 2 and the text count each
person once: its count headings say lượt ("Lượt cá nhân"), each an office phrase of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.errors import InputError
from tests.test_office_wording_r9 import REPORT, rendered, with_phrases


def _headings(texts: list[str], caption: str, count: int) -> list[str]:
    start = texts.index(caption)
    return texts[start + 1 : start + 1 + count]


def test_the_awards_table_says_it_counts_luot(inputs_copy: Path, tmp_path: Path, renderer):
    texts = rendered(renderer, inputs_copy / REPORT, tmp_path / "bc.docx")
    awards = _headings(texts, "Bảng 1. Kết quả khen thưởng năm 2022", 4)
    units = _headings(texts, "Bảng 2. Khen thưởng theo đơn vị năm 2022", 4)
    assert awards[2:] == ["Lượt cá nhân", "Lượt tập thể"]
    assert units[2:] == ["Cá nhân", "Tập thể"]


def test_each_table_s_headings_are_the_office_s_phrases(inputs_copy: Path, tmp_path: Path,
                                                        renderer):  # fmt: skip
    with_phrases(inputs_copy, (
        '  bao_cao_cot_ca_nhan_luot: "Số lượt cá nhân"\n'
        '  bao_cao_cot_tap_the_luot: "Số lượt tập thể"\n'
        '  bao_cao_cot_ca_nhan: "Số người"\n'
    ))  # fmt: skip
    texts = rendered(renderer, inputs_copy / REPORT, tmp_path / "bc.docx")
    awards = _headings(texts, "Bảng 1. Kết quả khen thưởng năm 2022", 4)
    units = _headings(texts, "Bảng 2. Khen thưởng theo đơn vị năm 2022", 4)
    assert awards[2:] == ["Số lượt cá nhân", "Số lượt tập thể"]
    assert units[2:] == ["Số người", "Tập thể"]


def test_an_empty_luot_heading_is_refused(inputs_copy: Path):
    profile = with_phrases(inputs_copy, '  bao_cao_cot_ca_nhan_luot: ""\n')
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / REPORT)
    assert caught.value.params.get("file") == str(profile) or profile.name in caught.value.message()
    assert "bao_cao_cot_ca_nhan_luot" in caught.value.message()
