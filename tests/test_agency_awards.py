"""The office's award names (ten_khen_thuong) stand for awards the money tables know: a typo there
is named in the profile, at its line and key, not at a right row of a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.errors import InputError
from tests.test_wording import line_of, office

TYPO = """\
ten_khen_thuong:
  Lao động tiên tiến cấp huyện: Lao đông tiên tiến
"""


def test_a_misspelt_decree_award_is_named_in_the_profile(tmp_path: Path) -> None:
    office(tmp_path, profile_extra=TYPO)
    profile = tmp_path / "co-quan" / "huyen.yaml"
    with pytest.raises(InputError) as caught:
        load_document(tmp_path / "qd.yaml")
    error = caught.value
    assert error.file == str(profile)
    assert error.line == line_of(profile, "Lao đông tiên tiến")
    assert error.field == "ten_khen_thuong.Lao động tiên tiến cấp huyện"
    message = error.message()
    assert "“Lao đông tiên tiến”" in message and "Có phải là “Lao động tiên tiến”?" in message


def test_names_of_any_decree_are_known(tmp_path: Path) -> None:
    known = (
        "ten_khen_thuong:\n"
        "  Giấy khen của Chủ tịch UBND huyện: Giấy khen\n"
        "  Bằng khen của Chủ tịch UBND tỉnh: Bằng khen của bộ, ban, ngành, tỉnh\n"
        "  Xã tiêu biểu: Xã, phường, thị trấn tiêu biểu\n"
    )
    office(tmp_path, profile_extra=known)
    load_document(tmp_path / "qd.yaml")
