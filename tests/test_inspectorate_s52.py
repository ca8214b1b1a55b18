"""`vanthu init` of a body of kind so-nganh whose name says its head's title, round s52: a Thanh
tra tỉnh is signed by its Chánh Thanh tra ("KT. CHÁNH THANH TRA / PHÓ CHÁNH THANH TRA"), a Ban
Quản lý khu công nghiệp, khu kinh tế by its Trưởng ban, not by a Sở's Giám đốc; a Sở, and a
body whose name says no other head, keep the Giám đốc (kieu-co-quan.yaml, theo_ten).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.errors import InputError
from pipeline.verify import verify_file
from pipeline.workspace.init import OfficeAnswers, agency_profile
from tests.docx_text import paragraph_texts

INSPECTORATE_SIGNERS = {
    "chanh-thanh-tra": {"ho_ten": "Lò Văn A", "chuc_vu": "Chánh Thanh tra"},
    "pho-chanh-thanh-tra": {"ho_ten": "Cầm Thị B", "chuc_vu": "Phó Chánh Thanh tra",
                            "tham_quyen": "KT.", "thay_cho": "Chánh Thanh tra"},
}  # fmt: skip
BOARD_SIGNERS = {
    "truong-ban": {"ho_ten": "Lò Văn A", "chuc_vu": "Trưởng ban"},
    "pho-truong-ban": {"ho_ten": "Cầm Thị B", "chuc_vu": "Phó Trưởng ban",
                       "tham_quyen": "KT.", "thay_cho": "Trưởng ban"},
}  # fmt: skip
# What a Sở's profile and documents print and no other body's may.
SO_WORDS = re.compile(r"\bS[ởỞ]\b|Giám đốc|GIÁM ĐỐC")


def profile_of(name: str, kieu: str = "so-nganh", **given: str) -> dict:
    """The profile `vanthu init` makes for an office of `kieu` named `name` (--co-quan)."""
    answers = {"dia_danh": "Sơn La", "viet_tat": "TTR", **given}
    return agency_profile(OfficeAnswers(kieu=kieu, ten_co_quan=name, nguoi_ky="Lò Văn A",
                                        pho="Cầm Thị B", **answers))  # fmt: skip


@pytest.mark.parametrize(
    "name",
    ["THANH TRA TỈNH", "Thanh tra tỉnh", "THANH TRA | TỈNH", "THANH TRA TỈNH SƠN LA",
     unicodedata.normalize("NFD", "THANH TRA TỈNH")],
    ids=["capitals", "small", "two-lines", "with-place", "nfd"],
)  # fmt: skip
def test_a_provincial_inspectorate_is_signed_by_its_chanh_thanh_tra(name: str) -> None:
    profile = profile_of(name)
    assert profile["nguoi_ky"] == INSPECTORATE_SIGNERS
    assert profile["nhom_noi_nhan"] == {
        "cap-tren": ["UBND tỉnh"],
        "noi-bo": ["Lãnh đạo Thanh tra", "Các phòng, đơn vị thuộc Thanh tra"],
    }
    assert profile["ten_day_du"] == "Thanh tra tỉnh Sơn La"
    assert not SO_WORDS.search(str(profile)), profile


def test_an_inspectorate_of_a_central_city_answers_to_its_city() -> None:
    profile = profile_of("THANH TRA THÀNH PHỐ", dia_danh="Hà Nội",
                         co_quan_chu_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")  # fmt: skip
    assert profile["nguoi_ky"] == INSPECTORATE_SIGNERS
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["UBND thành phố"]


@pytest.mark.parametrize(
    "name",
    ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "BAN QUẢN LÝ KHU KINH TẾ", "Ban Quản lý Khu kinh tế"],
    ids=["khu-cong-nghiep", "khu-kinh-te", "small"],
)
def test_a_board_of_industrial_or_economic_zones_is_signed_by_its_truong_ban(name: str) -> None:
    profile = profile_of(name, viet_tat="BQL")
    assert profile["nguoi_ky"] == BOARD_SIGNERS
    assert profile["nhom_noi_nhan"]["noi-bo"] == ["Lãnh đạo Ban", "Các phòng, đơn vị thuộc Ban"]
    assert not SO_WORDS.search(str(profile)), profile


@pytest.mark.parametrize(
    "name", ["SỞ Y TẾ", "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG"], ids=["so", "ban-quan-ly-du-an"]
)
def test_a_body_whose_name_says_no_other_head_keeps_the_giam_doc(name: str) -> None:
    signers = profile_of(name, viet_tat="X")["nguoi_ky"]
    assert [entry["chuc_vu"] for entry in signers.values()] == ["Giám đốc", "Phó Giám đốc"]


def test_the_office_of_a_ubnd_is_its_own_kind_headed_by_its_chanh_van_phong() -> None:
    signers = profile_of("VĂN PHÒNG UBND TỈNH", kieu="van-phong")["nguoi_ky"]
    titles = [entry["chuc_vu"] for entry in signers.values()]
    assert titles == ["Chánh Văn phòng", "Phó Chánh Văn phòng"]
    with pytest.raises(InputError) as refused:
        profile_of("VĂN PHÒNG UBND TỈNH")
    assert refused.value.key == "ws.name_of_other_kind"


def test_an_inspectorates_starters_print_its_own_signers(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(*args: str) -> None:
        result = CliRunner().invoke(cli, ["--lang", "vi", *args])
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output

    monkeypatch.chdir(tmp_path)
    run("init", "ws", "--kieu", "so-nganh", "--dia-danh", "Sơn La", "--co-quan", "THANH TRA TỈNH",
        "--viet-tat", "TTr", "--nguoi-ky", "Lò Văn A", "--pho", "Cầm Thị B")  # fmt: skip
    monkeypatch.chdir(tmp_path / "ws")
    (plan,) = Path("inputs").glob("*/ke-hoach.yaml")
    year = plan.parent.name
    decision = plan.with_name("quyet-dinh.yaml")
    run("new", "quyet-dinh", "-o", str(decision))
    text = decision.read_text("utf-8")
    deputy = re.sub(r"^nguoi_ky: chanh-thanh-tra\b", "nguoi_ky: pho-chanh-thanh-tra", text,
                    flags=re.MULTILINE)  # fmt: skip
    assert deputy != text
    decision.write_text(deputy, "utf-8")
    run("build")
    built = Path("outputs") / year
    plan_lines = paragraph_texts(built / "ke-hoach.docx")
    assert plan_lines[-2:] == ["CHÁNH THANH TRA", "Lò Văn A"]
    decision_lines = paragraph_texts(built / "quyet-dinh.docx")
    assert "CHÁNH THANH TRA TỈNH SƠN LA" in decision_lines  # ô 5b: the head's own authority
    at = decision_lines.index("KT. CHÁNH THANH TRA")
    assert decision_lines[at : at + 3] == ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA",
                                           "Cầm Thị B"]  # fmt: skip
    for lines in (plan_lines, decision_lines):
        assert not SO_WORDS.search("\n".join(lines)), lines
    for name in ("ke-hoach.docx", "quyet-dinh.docx"):
        report = verify_file(built / name)
        assert report.ok and not report.warnings, report.format_text("vi")
