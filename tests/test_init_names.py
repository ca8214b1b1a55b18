"""`vanthu init` names the office from --co-quan: a xã's running-text name, a unit's proper
name kept in capitals and no province appended, header lines broken between whole phrases."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.load.yaml_source import load_yaml
from pipeline.rules.agency_names import names_itself, place_in_name, running_text_name
from pipeline.workspace.header_name import header_lines
from pipeline.workspace.init import OfficeAnswers, agency_profile, place_warnings


def _init(cli: click.Group, folder: Path, *flags: str) -> tuple[dict, str, Path]:
    result = CliRunner().invoke(cli, ["--lang", "vi", "init", str(folder), *flags])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    return load_yaml(profile).data, result.output, profile


def test_a_xa_is_named_from_co_quan_not_from_its_place(tmp_path: Path, cli: click.Group) -> None:
    folder = tmp_path / "xa"
    profile, output, path = _init(
        cli, folder, "--kieu", "ubnd-xa", "--dia-danh", "Sơn La", "--co-quan",
        "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "--viet-tat", "UBND", "--nguoi-ky", "Hoàng Văn Minh",
        "--pho", "Lò Thị Xuân",
    )  # fmt: skip
    assert profile["ten_day_du"] == "Ủy ban nhân dân xã Chiềng Mung"
    assert profile["ten_co_quan"] == ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG MUNG"]
    assert path.name == "uy-ban-nhan-dan-xa-chieng-mung.yaml"
    assert "xã Sơn La" not in (folder / "README.md").read_text("utf-8")
    assert "ten: Ủy ban nhân dân xã Chiềng Mung" in (folder / "vanthu.yaml").read_text("utf-8")
    # the clerk's place is kept, with a warning naming the xã's
    assert profile["dia_danh"] == "Sơn La"
    assert "Cảnh báo:" in output and "'Sơn La'" in output and "'Chiềng Mung'" in output


def test_a_xa_s_place_defaults_to_the_xa_in_co_quan(tmp_path: Path, cli: click.Group) -> None:
    profile, output, _ = _init(
        cli, tmp_path / "xa", "--kieu", "ubnd-xa", "--co-quan", "ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU",
        "--nguoi-ky", "Hoàng Văn Minh",
    )  # fmt: skip
    assert profile["dia_danh"] == "Tô Hiệu"
    assert profile["ten_day_du"] == "Ủy ban nhân dân phường Tô Hiệu"
    assert "Cảnh báo" not in output


def test_place_warnings_only_for_a_commune_level_body() -> None:
    def warned(co_quan: str, dia_danh: str) -> bool:
        answers = OfficeAnswers(kieu="so-nganh", dia_danh=dia_danh, nguoi_ky="A",
                                ten_co_quan=co_quan)  # fmt: skip
        return bool(place_warnings(answers))

    assert warned("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "Sơn La")
    assert not warned("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "chiềng mung")
    assert not warned("SỞ TƯ PHÁP TỈNH LÀO CAI", "Sa Pa")  # a province's body: its seat
    assert not warned("TRƯỜNG THPT CHU VĂN AN", "Sơn La")


def test_a_school_keeps_its_proper_name_and_gets_no_province(
    tmp_path: Path, cli: click.Group
) -> None:
    profile, output, _ = _init(
        cli, tmp_path / "truong", "--kieu", "so-nganh", "--dia-danh", "Sơn La", "--co-quan",
        "TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN", "--chu-quan", "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA",
        "--viet-tat", "THPTCVA", "--nguoi-ky", "Nguyễn Thị Hạnh", "--pho", "Lò Văn Tùng",
    )  # fmt: skip
    assert profile["ten_day_du"] == "Trường Trung học phổ thông Chu Văn An"
    assert profile["ten_co_quan"] == ["TRƯỜNG TRUNG HỌC PHỔ THÔNG", "CHU VĂN AN"]
    assert profile["co_quan_chu_quan"] == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH SƠN LA"]
    assert "Trường Trung học phổ thông Chu Văn An tại" in output


@pytest.mark.parametrize(
    ("co_quan", "ten_day_du"),
    [
        ("SỞ TƯ PHÁP", "Sở Tư pháp tỉnh Sơn La"),  # only common words: the province appended
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo tỉnh Sơn La"),
        ("BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU",
         "Bệnh viện Đa khoa khu vực Thảo Nguyên Mộc Châu"),
        ("TRUNG TÂM Y TẾ HUYỆN MAI SƠN", "Trung tâm Y tế huyện Mai Sơn"),
    ],
)  # fmt: skip
def test_the_province_is_appended_only_to_a_name_without_one(co_quan: str, ten_day_du: str) -> None:
    profile = agency_profile(OfficeAnswers(kieu="so-nganh", dia_danh="Sơn La", nguoi_ky="A",
                                           ten_co_quan=co_quan, viet_tat="X"))  # fmt: skip
    assert profile["ten_day_du"] == ten_day_du


@pytest.mark.parametrize(
    ("capitals", "running_text"),
    [
        # Ủy ban nhân dân, Hội đồng nhân dân
        ("ỦY BAN NHÂN DÂN PHƯỜNG CHIỀNG SINH", "Ủy ban nhân dân phường Chiềng Sinh"),
        ("ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", "Ủy ban nhân dân đặc khu Phú Quốc"),
        ("HỘI ĐỒNG NHÂN DÂN XÃ CHIỀNG MUNG", "Hội đồng nhân dân xã Chiềng Mung"),
        # Sở
        ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
        ("SỞ DÂN TỘC VÀ TÔN GIÁO", "Sở Dân tộc và Tôn giáo"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA", "Sở Giáo dục và Đào tạo tỉnh Sơn La"),
        # Trường: the proper name after the common words keeps its capitals
        ("TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN", "Trường Trung học phổ thông Chu Văn An"),
        ("TRƯỜNG THPT CHU VĂN AN", "Trường THPT Chu Văn An"),
        ("TRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN THÁI HỌC", "Trường Trung học cơ sở Nguyễn Thái Học"),
        ("TRƯỜNG TIỂU HỌC HOÀNG HOA THÁM", "Trường Tiểu học Hoàng Hoa Thám"),
        ("TRƯỜNG MẦM NON HOA SEN", "Trường Mầm non Hoa Sen"),
        ("TRƯỜNG THPT LÝ THƯỜNG KIỆT", "Trường THPT Lý Thường Kiệt"),  # "lý" of "quản lý"
        ("TRƯỜNG THPT ĐIỆN BIÊN", "Trường THPT Điện Biên"),
        ("TRƯỜNG CAO ĐẲNG Y TẾ SƠN LA", "Trường Cao đẳng Y tế Sơn La"),
        ("TRƯỜNG ĐẠI HỌC TÂY BẮC", "Trường Đại học Tây Bắc"),
        ("TRƯỜNG PHỔ THÔNG DÂN TỘC NỘI TRÚ TỈNH SƠN LA",
         "Trường Phổ thông dân tộc nội trú tỉnh Sơn La"),
        ("TRƯỜNG TIỂU HỌC SỐ 1 CHIỀNG MUNG", "Trường Tiểu học số 1 Chiềng Mung"),
        # Bệnh viện
        ("BỆNH VIỆN ĐA KHOA TỈNH SƠN LA", "Bệnh viện Đa khoa tỉnh Sơn La"),
        ("BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU",
         "Bệnh viện Đa khoa khu vực Thảo Nguyên Mộc Châu"),
        ("BỆNH VIỆN Y HỌC CỔ TRUYỀN TỈNH SƠN LA", "Bệnh viện Y học cổ truyền tỉnh Sơn La"),
        ("BỆNH VIỆN PHỤC HỒI CHỨC NĂNG", "Bệnh viện Phục hồi chức năng"),
        ("BỆNH VIỆN HỮU NGHỊ VIỆT ĐỨC", "Bệnh viện Hữu nghị Việt Đức"),
        ("BỆNH VIỆN BẠCH MAI", "Bệnh viện Bạch Mai"),
        # Ban Quản lý
        ("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG CÁC CÔNG TRÌNH GIAO THÔNG",
         "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"),
        ("BAN QUẢN LÝ DI TÍCH ĐỀN HÙNG", "Ban Quản lý di tích Đền Hùng"),
        # Văn phòng
        ("VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH SƠN LA", "Văn phòng Đoàn ĐBQH và HĐND tỉnh Sơn La"),
        ("VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "Văn phòng Đăng ký đất đai"),
        ("VĂN PHÒNG UBND TỈNH SƠN LA", "Văn phòng UBND tỉnh Sơn La"),
        # Hội đồng, Trung tâm, other bodies
        ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "Hội đồng Thi đua - Khen thưởng"),
        ("TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH SƠN LA", "Trung tâm Kiểm soát bệnh tật tỉnh Sơn La"),
        ("TRUNG TÂM GIÁO DỤC NGHỀ NGHIỆP - GIÁO DỤC THƯỜNG XUYÊN MỘC CHÂU",
         "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên Mộc Châu"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH SƠN LA",
         "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La"),
        ("BAN CHỈ ĐẠO TRUNG ƯƠNG", "Ban Chỉ đạo Trung ương"),
        ("BẢO HIỂM XÃ HỘI TỈNH SƠN LA", "Bảo hiểm xã hội tỉnh Sơn La"),
        ("CÔNG AN TỈNH SƠN LA", "Công an tỉnh Sơn La"),
        ("TÒA ÁN NHÂN DÂN TỈNH SƠN LA", "Tòa án nhân dân tỉnh Sơn La"),
        ("HỘI LIÊN HIỆP PHỤ NỮ TỈNH SƠN LA", "Hội Liên hiệp Phụ nữ tỉnh Sơn La"),
        ("KHO BẠC NHÀ NƯỚC SƠN LA", "Kho bạc Nhà nước Sơn La"),
    ],
)  # fmt: skip
def test_running_text_keeps_proper_names(capitals: str, running_text: str) -> None:
    assert running_text_name(capitals) == running_text


def test_what_a_name_holds() -> None:
    assert not names_itself("SỞ TƯ PHÁP")
    assert not names_itself("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP")
    assert names_itself("TRƯỜNG THPT CHU VĂN AN")
    assert place_in_name("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG") == ("xã", "Chiềng Mung")
    assert place_in_name("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") is None  # "xã hội": no place


@pytest.mark.parametrize(
    ("name", "style", "lines"),
    [
        # a fixed phrase is not split at its "và" when a break before the place is there
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN LA", "CoQuanChuQuan",
         ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH SƠN LA"]),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH SƠN LA", "CoQuanBanHanh",
         ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "TỈNH SƠN LA"]),
        # the break comes before the proper name, not inside "trung học phổ thông"
        ("TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN", "CoQuanBanHanh",
         ["TRƯỜNG TRUNG HỌC PHỔ THÔNG", "CHU VĂN AN"]),
        ("BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU", "CoQuanBanHanh",
         ["BỆNH VIỆN ĐA KHOA KHU VỰC", "THẢO NGUYÊN MỘC CHÂU"]),
    ],
)  # fmt: skip
def test_header_lines_break_between_phrases(name: str, style: str, lines: list[str]) -> None:
    assert header_lines(name, style) == lines
