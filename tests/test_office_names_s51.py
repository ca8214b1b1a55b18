"""Offices' names as `vanthu init` reads them (s51): (1) a place whose name holds a dash ("Bà Rịa -
Vũng Tàu") is the whole place, not cut at the dash, while a dash still parts two fields ("Văn
hóa - Xã hội"); (2) a xã, phường or đặc khu of a thành phố trực thuộc Trung ương answers to the
UBND thành phố, not a UBND tỉnh; (3) a proposal typed with its own opening in small letters
("theo đề nghị của ...") is not given it twice; (4) "XÃ HỘI AN" after "ỦY BAN NHÂN DÂN" is the
xã Hội An, not the field "xã hội"; (5) the words of the phòng and sở of 2025 are common words of
agencies' names, not proper names ("Hạ tầng"), "Công Thương" keeps its capitals and "Thanh tra
tỉnh" its small "tỉnh".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from ruamel.yaml import YAML

from pipeline.rules.agency_names import names_itself, place_in_name, running_text_name
from pipeline.workspace.init import OfficeAnswers, agency_profile
from pipeline.workspace.places import read_place
from tests.cli_lines import run

SIGNER = "Nguyễn Văn A"
BA_RIA = "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU"


def _profile(kieu: str, **answers: Any) -> dict[str, Any]:
    answers.setdefault("nguoi_ky", SIGNER)
    answers.setdefault("dia_danh", "")
    return agency_profile(OfficeAnswers(kieu=kieu, **answers))


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


# --- 1. a place with a dash in its name --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "place"),
    [(BA_RIA, ("tỉnh", "Bà Rịa - Vũng Tàu")),
     ("SỞ Y TẾ TỈNH BÀ RỊA - VŨNG TÀU", ("tỉnh", "Bà Rịa - Vũng Tàu")),
     ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN - HUẾ", ("tỉnh", "Thừa Thiên - Huế")),
     ("ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN RANG - THÁP CHÀM", ("thành phố", "Phan Rang - Tháp Chàm")),
     # a dash before a field's words, or before another place, still ends the place
     ("PHÒNG VĂN HÓA - XÃ HỘI PHƯỜNG BA ĐÌNH", ("phường", "Ba Đình")),
     ("TRUNG TÂM Y TẾ HUYỆN MAI SƠN - BỆNH VIỆN ĐA KHOA", ("huyện", "Mai Sơn")),
     ("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG - HUYỆN MAI SƠN", ("huyện", "Mai Sơn")),
     ("PHÒNG VĂN HÓA - XÃ HỘI", None)],
)  # fmt: skip
def test_a_place_with_a_dash_is_the_whole_place(name: str, place: tuple[str, str] | None) -> None:
    assert place_in_name(name) == place


def test_a_place_with_a_dash_in_running_text() -> None:
    assert running_text_name(BA_RIA) == "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"
    assert running_text_name("PHÒNG VĂN HÓA - XÃ HỘI") == "Phòng Văn hóa - Xã hội"


@pytest.mark.parametrize(
    ("kieu", "answers", "full_name"),
    [("so-nganh", {"ten_co_quan": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "co_quan_chu_quan": BA_RIA,
                   "viet_tat": "SVHTTDL"},
      "Sở Văn hóa, Thể thao và Du lịch tỉnh Bà Rịa - Vũng Tàu"),
     ("hoi-dong-tdkt", {"co_quan_chu_quan": BA_RIA},
      "Hội đồng Thi đua - Khen thưởng tỉnh Bà Rịa - Vũng Tàu"),
     ("ubnd-tinh", {"ten_co_quan": BA_RIA}, "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu")],
)  # fmt: skip
def test_init_keeps_the_whole_place(kieu: str, answers: dict[str, str], full_name: str) -> None:
    profile = _profile(kieu, **answers)
    assert profile["ten_day_du"] == full_name
    assert profile["dia_danh"] == "Bà Rịa - Vũng Tàu"


def test_a_decision_of_a_so_of_ba_ria_vung_tau(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("init", "ws", "--kieu", "so-nganh", "--co-quan",
                       "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "--chu-quan", BA_RIA,
                       "--viet-tat", "SVHTTDL", "--nguoi-ky", SIGNER)  # fmt: skip
    assert code == 0, output
    monkeypatch.chdir(tmp_path / "ws")
    code, output = run("new", "quyet-dinh", "-o", "inputs/2026/qd.yaml")
    assert code == 0, output
    code, output = run("render", "inputs/2026/qd.yaml", "-o", "qd.docx")
    assert code == 0, output
    texts = _paragraphs(tmp_path / "ws" / "qd.docx")
    tables = Document(str(tmp_path / "ws" / "qd.docx")).tables
    header = [cell.text for row in tables[0].rows for cell in row.cells]
    assert any(text.startswith("Bà Rịa - Vũng Tàu, ngày") for text in header), header
    assert "GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BÀ RỊA - VŨNG TÀU" in texts


# --- 2. a xã, phường of a thành phố trực thuộc Trung ương ---------------------------------------


@pytest.mark.parametrize(
    "chief",
    ["THÀNH PHỐ HÀ NỘI", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "UBND TP. HÀ NỘI",
     "UBND THÀNH PHỐ HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN | THÀNH PHỐ HUẾ"],
)  # fmt: skip
def test_a_phuong_of_a_central_city_answers_to_the_city(chief: str) -> None:
    profile = _profile("ubnd-xa", ten_co_quan="ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH",
                       co_quan_chu_quan=chief)  # fmt: skip
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["UBND thành phố", "Sở Nội vụ"]
    assert profile["nhom_noi_nhan"]["thon-ban"] == ["Các thôn, bản, tổ dân phố"]


@pytest.mark.parametrize("chief", [None, "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "UBND THÀNH PHỐ SƠN LA"])
def test_a_xa_of_a_tinh_answers_to_the_tinh(chief: str | None) -> None:
    profile = _profile("ubnd-xa", ten_co_quan="ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG",
                       co_quan_chu_quan=chief)  # fmt: skip
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["UBND tỉnh", "Sở Nội vụ"]


def test_a_huyen_of_a_central_city_answers_to_the_city() -> None:
    profile = _profile("ubnd-huyen", ten_co_quan="ỦY BAN NHÂN DÂN HUYỆN GIA LÂM",
                       co_quan_chu_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")  # fmt: skip
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["UBND thành phố", "Sở Nội vụ thành phố"]
    of_tinh = _profile("ubnd-huyen", ten_co_quan="ỦY BAN NHÂN DÂN HUYỆN MAI SƠN")
    assert of_tinh["nhom_noi_nhan"]["cap-tren"] == ["UBND tỉnh", "Sở Nội vụ tỉnh"]


def test_init_of_a_phuong_of_ha_noi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("init", "ws", "--kieu", "ubnd-xa", "--co-quan",
                       "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH", "--chu-quan", "THÀNH PHỐ HÀ NỘI",
                       "--viet-tat", "UBND", "--nguoi-ky", SIGNER)  # fmt: skip
    assert code == 0, output
    (profile,) = (tmp_path / "ws" / "inputs" / "co-quan").glob("*.yaml")
    text = profile.read_text("utf-8")
    assert "- UBND thành phố\n" in text and "UBND tỉnh" not in text


# --- 3. a proposal typed with its own opening in small letters ----------------------------------


def _decision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **values: Any) -> Path:
    """A starter Quyết định of a new Sở with `values` in place of its own, rendered; `vanthu
    verify` passes it."""
    monkeypatch.chdir(tmp_path)
    code, output = run("init", "ws", "--kieu", "so-nganh", "--co-quan", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                       "--chu-quan", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "--viet-tat", "SGDĐT",
                       "--nguoi-ky", SIGNER)  # fmt: skip
    assert code == 0, output
    monkeypatch.chdir(tmp_path / "ws")
    code, output = run("new", "quyet-dinh", "-o", "inputs/2026/qd.yaml")
    assert code == 0, output
    data = Path("inputs/2026/qd.yaml")
    yaml = YAML(typ="rt")
    document = yaml.load(data.read_text("utf-8"))
    for key, value in values.items():
        document[key] = value
    with data.open("w", encoding="utf-8") as out:
        yaml.dump(document, out)
    code, output = run("render", str(data), "-o", "qd.docx")
    assert code == 0, output
    code, output = run("verify", "qd.docx")
    assert code == 0, output
    return tmp_path / "ws" / "qd.docx"


@pytest.mark.parametrize(
    "typed", ["theo đề nghị của Chánh Văn phòng Sở", "Theo Đề Nghị của Chánh Văn phòng Sở"]
)
def test_a_proposal_typed_with_its_opening_in_any_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    texts = _paragraphs(_decision(tmp_path, monkeypatch, theo_de_nghi=typed))
    proposal = [text for text in texts if "đề nghị" in text.casefold()]
    assert proposal == ["Theo đề nghị của Chánh Văn phòng Sở."]


def test_a_proposal_typed_whole_under_an_offices_own_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _paragraphs(_decision(
        tmp_path, monkeypatch, theo_de_nghi="theo đề nghị của Chánh Văn phòng Sở",
        cau_chu={"theo_de_nghi": "Xét đề nghị của {{ de_nghi }}."}))  # fmt: skip
    proposal = [text for text in texts if "đề nghị" in text.casefold()]
    assert proposal == ["Theo đề nghị của Chánh Văn phòng Sở."]


# --- 4. "XÃ HỘI" where a level stands ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "running_text", "place"),
    [("ỦY BAN NHÂN DÂN XÃ HỘI AN", "Ủy ban nhân dân xã Hội An", ("xã", "Hội An")),
     ("ỦY BAN NHÂN DÂN XÃ HỘI HOAN", "Ủy ban nhân dân xã Hội Hoan", ("xã", "Hội Hoan")),
     ("UBND XÃ HỘI AN", "UBND xã Hội An", ("xã", "Hội An")),
     ("HỘI ĐỒNG NHÂN DÂN XÃ HỘI AN", "Hội đồng nhân dân xã Hội An", ("xã", "Hội An")),
     ("CÔNG AN XÃ HỘI AN", "Công an xã Hội An", ("xã", "Hội An")),
     # elsewhere "xã hội" is the words of a field
     ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội", None),
     ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội", None),
     ("BẢO HIỂM XÃ HỘI HUYỆN MAI SƠN", "Bảo hiểm xã hội huyện Mai Sơn", ("huyện", "Mai Sơn"))],
)  # fmt: skip
def test_xa_hoi_where_a_level_stands(
    name: str, running_text: str, place: tuple[str, str] | None
) -> None:
    assert running_text_name(name) == running_text
    assert place_in_name(name) == place


def test_init_of_the_xa_hoi_an() -> None:
    profile = _profile("ubnd-xa", ten_co_quan="ỦY BAN NHÂN DÂN XÃ HỘI AN",
                       co_quan_chu_quan="TỈNH AN GIANG", viet_tat="UBND")  # fmt: skip
    assert profile["ten_day_du"] == "Ủy ban nhân dân xã Hội An"
    assert profile["dia_danh"] == "Hội An"
    # the place typed with its level: the xã Hội An too, said once
    typed = _profile("ubnd-xa", dia_danh="Xã Hội An", viet_tat="UBND")
    assert typed["ten_day_du"] == "Ủy ban nhân dân xã Hội An"
    assert typed["dia_danh"] == "Hội An"
    assert read_place("Xã Hội An") == read_place("xã Hội An")
    assert read_place("Xã Hội").level is None


# --- 5. the words of the phòng and sở of 2025 ---------------------------------------------------


@pytest.mark.parametrize(
    ("capitals", "running_text"),
    [("PHÒNG KINH TẾ", "Phòng Kinh tế"),
     ("PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", "Phòng Kinh tế, Hạ tầng và Đô thị"),
     ("PHÒNG KINH TẾ - HẠ TẦNG", "Phòng Kinh tế - Hạ tầng"),
     ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội"),
     ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"),
     ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
     ("SỞ DÂN TỘC VÀ TÔN GIÁO", "Sở Dân tộc và Tôn giáo"),
     ("SỞ XÂY DỰNG", "Sở Xây dựng"),
     ("SỞ NỘI VỤ", "Sở Nội vụ"),
     ("SỞ TÀI CHÍNH", "Sở Tài chính"),
     ("SỞ Y TẾ", "Sở Y tế"),
     ("SỞ TƯ PHÁP", "Sở Tư pháp"),
     ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
     ("THANH TRA TỈNH", "Thanh tra tỉnh"),
     ("VĂN PHÒNG HĐND VÀ UBND", "Văn phòng HĐND và UBND")],
)  # fmt: skip
def test_the_names_of_2025(capitals: str, running_text: str) -> None:
    assert running_text_name(capitals) == running_text
    # none holds a place or a proper name: init appends its chủ quản's
    assert not names_itself(running_text)


@pytest.mark.parametrize(
    ("kieu", "name", "chief", "full_name"),
    [("phong", "PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH",
      "Phòng Kinh tế, Hạ tầng và Đô thị phường Ba Đình"),
     ("phong", "PHÒNG KINH TẾ", "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "Phòng Kinh tế xã Chiềng Mung"),
     ("so-nganh", "SỞ CÔNG THƯƠNG", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Sở Công Thương tỉnh Sơn La"),
     ("so-nganh", "THANH TRA TỈNH", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Thanh tra tỉnh Sơn La")],
)  # fmt: skip
def test_init_appends_the_place_to_a_name_of_2025(
    kieu: str, name: str, chief: str, full_name: str
) -> None:
    profile = _profile(kieu, ten_co_quan=name, co_quan_chu_quan=chief, viet_tat="X")
    assert profile["ten_day_du"] == full_name


def test_a_level_after_a_comma_opens_no_field() -> None:
    assert (running_text_name("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG, TỈNH SƠN LA")
            == "Ủy ban nhân dân xã Chiềng Mung, tỉnh Sơn La")  # fmt: skip
