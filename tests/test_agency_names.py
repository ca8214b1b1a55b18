"""pipeline.rules.agency_names: an agency's name in running text from its name in capitals."""

from __future__ import annotations

import pytest

from pipeline.rules.agency_names import running_text_name


@pytest.mark.parametrize(
    ("capitals", "running_text"),
    [
        ("SỞ TƯ PHÁP", "Sở Tư pháp"),
        ("SỞ Y TẾ", "Sở Y tế"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("CHI CỤC THUẾ KHU VỰC", "Chi cục Thuế khu vực"),
        ("TRUNG TÂM Y TẾ", "Trung tâm Y tế"),
        ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Ban Quản lý các khu công nghiệp"),
        ("VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND", "Văn phòng Đoàn ĐBQH và HĐND"),
        ("BAN THI ĐUA - KHEN THƯỞNG", "Ban Thi đua - Khen thưởng"),
        # the place after its level, each word a capital; "xã hội" is no place
        ("SỞ TƯ PHÁP TỈNH LÀO CAI", "Sở Tư pháp tỉnh Lào Cai"),
        ("TRUNG TÂM Y TẾ THÀNH PHỐ SƠN LA", "Trung tâm Y tế thành phố Sơn La"),
        ("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "Ủy ban nhân dân xã Chiềng Mung"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "Hội đồng nhân dân tỉnh Sơn La"),
        (
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ KHU KINH TẾ CỬA KHẨU TỈNH LÀO CAI",
            "Ban Quản lý các khu công nghiệp và Khu kinh tế cửa khẩu tỉnh Lào Cai",
        ),
        ("Sở Tư pháp", "Sở Tư pháp"),  # already running text: as given
        ("  SỞ   NỘI VỤ ", "Sở Nội vụ"),
        ("", ""),
    ],
)
def test_running_text_name(capitals: str, running_text: str) -> None:
    assert running_text_name(capitals) == running_text
