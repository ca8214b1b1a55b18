"""A document numbered when its profile typed the signer in capitals is the same signer now
that the name prints in title case (s49): the register compares names as spelt, case and tone
place aside; another name is still another signer."""

from __future__ import annotations

import pytest

from pipeline.model.agency import Agency
from pipeline.register.documents import same_signer
from pipeline.register.model import Details

TITLE = "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG"


@pytest.mark.parametrize("recorded, now, same", [
    ("NGUYỄN VĂN A", "Nguyễn Văn A", True),
    ("Nguyễn  Văn Hoà", "Nguyễn Văn Hòa", True),
    ("Nguyễn Văn A", "Nguyễn Văn B", False),
])  # fmt: skip
def test_names_compared_as_spelt(recorded: str, now: str, same: bool) -> None:
    assert same_signer(Details(signer=recorded, signer_title=TITLE),
                       Details(signer=now, signer_title=TITLE)) is same  # fmt: skip


@pytest.mark.parametrize("typed, printed", [
    ("sơn la", "Sơn La"), ("Sơn la", "Sơn La"), ("thành phố hồ chí minh", "Thành phố Hồ Chí Minh"),
    ("Phường 1", "Phường 1"), ("Mường Bú", "Mường Bú"),
])  # fmt: skip
def test_a_profile_place_prints_each_word_capitalised(typed: str, printed: str) -> None:
    """As `vanthu verify` asks of the date line (dia_danh_ngay.place)."""
    agency = Agency.model_validate({
        "ten_co_quan": "VĂN PHÒNG", "ten_day_du": "Văn phòng", "viet_tat": "VP",
        "dia_danh": typed, "nguoi_ky": {"cvp": {"ho_ten": "Nguyễn Văn A", "chuc_vu": "Chánh VP"}},
    })  # fmt: skip
    assert agency.dia_danh == printed
