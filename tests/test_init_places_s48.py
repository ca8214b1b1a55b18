"""`vanthu init` and the place of the date line (s48): a level word typed with the place is the
unit's level, said once ("XÃ MƯỜNG BÚ", not "XÃ XÃ MƯỜNG BÚ"); a city of the country's is a
thành phố, never a tỉnh; a unit named by a number keeps its level word on the date line
("Phường 1, ngày ..."); a name of another kind of office, a place or a name without letters are
refused; the questions asked at the terminal say their errors in the clerk's language and ask
again; a phòng is asked its chủ quản before its place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

import pipeline.workspace.command as init_cli
from pipeline.errors import InputError
from pipeline.workspace.init import OfficeAnswers, agency_profile, place_warnings
from pipeline.workspace.places import date_place, read_place

NAME = "Lê Văn C"


def _run(cli: click.Group, *args: str, lang: str = "vi", stdin: str | None = None) -> Result:
    result = CliRunner().invoke(cli, ["--lang", lang, *args], input=stdin)
    assert "Traceback" not in result.output, result.output
    return result


def _profile(kieu: str, **answers: Any) -> dict[str, Any]:
    answers.setdefault("nguoi_ky", NAME)
    answers.setdefault("dia_danh", "")
    return agency_profile(OfficeAnswers(kieu=kieu, **answers))


def _refusal(kieu: str, **answers: Any) -> InputError:
    with pytest.raises(InputError) as refused:
        _profile(kieu, **answers)
    return refused.value


def _header(profile: dict[str, Any]) -> str:
    name = profile["ten_co_quan"]
    return " / ".join(name if isinstance(name, list) else [name])


def _saved_profile(folder: Path) -> dict[str, Any]:
    (path,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text("utf-8"))
    return data


# --- 1. a level word typed with the place ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "level", "name"),
    [("Xã Mường Bú", "xã", "Mường Bú"), ("phường Tô Hiệu", "phường", "Tô Hiệu"),
     ("Đặc khu Phú Quốc", "đặc khu", "Phú Quốc"), ("tỉnh Sơn La", "tỉnh", "Sơn La"),
     ("Thị xã Mường Lay", "thị xã", "Mường Lay"), ("TP. Hồ Chí Minh", "thành phố", "Hồ Chí Minh"),
     ("xã mường bú", "xã", "Mường Bú"), ("Phường 1", "phường", "1"),
     ("Mường Bú", None, "Mường Bú"), ("Xã Hội", None, "Xã Hội"), ("Xã", None, "Xã")],
)  # fmt: skip
def test_the_level_word_a_place_starts_with(typed: str, level: str | None, name: str) -> None:
    place = read_place(typed)
    assert (place.level, place.name) == (level, name)


def test_the_date_line_keeps_the_level_of_a_unit_named_by_a_number_or_a_person() -> None:
    assert date_place("phường", "1") == "Phường 1"
    assert date_place("quận", "3") == "Quận 3"
    assert date_place("thành phố", "Hồ Chí Minh") == "Thành phố Hồ Chí Minh"
    assert date_place("xã", "Mường Bú") == "Mường Bú"


@pytest.mark.parametrize(
    ("typed", "header", "full", "place"),
    [("Xã Mường Bú", "ỦY BAN NHÂN DÂN / XÃ MƯỜNG BÚ", "Ủy ban nhân dân xã Mường Bú", "Mường Bú"),
     ("phường Tô Hiệu", "ỦY BAN NHÂN DÂN / PHƯỜNG TÔ HIỆU", "Ủy ban nhân dân phường Tô Hiệu",
      "Tô Hiệu"),
     ("Đặc khu Phú Quốc", "ỦY BAN NHÂN DÂN / ĐẶC KHU PHÚ QUỐC",
      "Ủy ban nhân dân đặc khu Phú Quốc", "Phú Quốc"),
     ("Phường 1", "ỦY BAN NHÂN DÂN / PHƯỜNG 1", "Ủy ban nhân dân Phường 1", "Phường 1")],
)  # fmt: skip
def test_a_ubnd_xa_takes_its_level_from_the_place(
    typed: str, header: str, full: str, place: str
) -> None:
    profile = _profile("ubnd-xa", dia_danh=typed)
    assert (_header(profile), profile["ten_day_du"], profile["dia_danh"]) == (header, full, place)
    level = read_place(typed).level
    assert profile["don_vi"]["VP"]["ten"] == f"Văn phòng HĐND và UBND {level}"


def test_a_thi_tran_place_points_to_its_full_name(tmp_path: Path, cli: click.Group) -> None:
    """No kind is of a thị trấn (gone from 01/07/2025): the place is refused, pointing to the
    UBND's full name, which a ubnd-xa takes for a document of before that day."""
    refused = _refusal("ubnd-xa", dia_danh="Thị trấn Ít Ong")
    assert refused.key == "ws.place_level_unfit"
    assert "kieu='ubnd-xa' ten_co_quan='ỦY BAN NHÂN DÂN THỊ TRẤN ...'" in str(refused)
    result = _run(cli, "init", str(tmp_path / "tt"), "--kieu", "ubnd-xa", "--dia-danh",
                  "Thị trấn Ít Ong", "--nguoi-ky", NAME, lang="en")  # fmt: skip
    assert result.exit_code == 1
    assert "--kieu ubnd-xa --co-quan 'ỦY BAN NHÂN DÂN THỊ TRẤN ...'" in result.output
    taken = _profile("ubnd-xa", ten_co_quan="ỦY BAN NHÂN DÂN THỊ TRẤN ÍT ONG")
    assert taken["dia_danh"] == "Ít Ong"


def test_the_level_left_out_of_the_date_line_is_said() -> None:
    (warning,) = place_warnings(OfficeAnswers(kieu="ubnd-xa", dia_danh="phường Tô Hiệu",
                                              nguoi_ky=NAME))  # fmt: skip
    assert "'Tô Hiệu, ngày ...'" in warning and "'Phường Tô Hiệu'" in warning
    assert place_warnings(OfficeAnswers(kieu="ubnd-xa", dia_danh="Phường 1", nguoi_ky=NAME)) == []


def test_a_so_nganh_takes_its_chu_quan_s_level_from_the_place() -> None:
    profile = _profile("so-nganh", ten_co_quan="SỞ Y TẾ", viet_tat="SYT", dia_danh="tỉnh Sơn La")
    assert profile["co_quan_chu_quan"] == "UBND TỈNH SƠN LA"
    assert profile["ten_day_du"] == "Sở Y tế tỉnh Sơn La" and profile["dia_danh"] == "Sơn La"


@pytest.mark.parametrize(
    ("kieu", "typed", "key"),
    [("ubnd-tinh", "Xã Mường Bú", "ws.place_level_unfit"),
     ("ubnd-xa", "Tỉnh Sơn La", "ws.place_level_unfit"),
     ("so-nganh", "Xã Mường Bú", "ws.place_level_unfit_chief")],
)  # fmt: skip
def test_a_level_the_kind_cannot_be_of_is_refused(kieu: str, typed: str, key: str) -> None:
    refused = _refusal(kieu, dia_danh=typed, ten_co_quan="SỞ Y TẾ" if kieu == "so-nganh" else None,
                       viet_tat="SYT")  # fmt: skip
    assert refused.key == key and f"'{typed}'" in str(refused)


def test_a_place_s_level_other_than_the_name_s_is_refused() -> None:
    refused = _refusal("ubnd-xa", ten_co_quan="ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU",
                       dia_danh="Xã Tô Hiệu")  # fmt: skip
    assert refused.key == "ws.place_level_differs"


@pytest.mark.parametrize(("lang", "words"), [("vi", "ghi cấp xã"), ("en", "states the xã level")])
def test_the_level_refusal_in_both_languages(
    lang: str, words: str, tmp_path: Path, cli: click.Group
) -> None:
    result = _run(cli, "init", str(tmp_path / "w"), "--kieu", "ubnd-tinh", "--dia-danh",
                  "Xã Mường Bú", "--nguoi-ky", NAME, lang=lang)  # fmt: skip
    assert result.exit_code == 1 and words in result.output
    assert "--dia-danh 'Xã Mường Bú'" in result.output and "--kieu ubnd-xa" in result.output


# --- 2. the cities of the country -----------------------------------------------------------


@pytest.mark.parametrize("typed", ["Hà Nội", "Thành phố Hà Nội", "TP. Hà Nội", "hà nội"])
def test_a_city_of_the_country_is_a_thanh_pho(typed: str) -> None:
    profile = _profile("ubnd-tinh", dia_danh=typed)
    assert _header(profile) == "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI"
    assert profile["ten_day_du"] == "Ủy ban nhân dân thành phố Hà Nội"
    assert profile["dia_danh"] == "Hà Nội"
    assert profile["nhom_noi_nhan"]["cap-tren"][1:] == ["Thường trực Thành ủy",
                                                         "Thường trực HĐND thành phố"]


def test_thanh_pho_ho_chi_minh_is_written_in_full() -> None:
    for typed in ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"):
        profile = _profile("ubnd-tinh", dia_danh=typed)
        assert _header(profile) == "ỦY BAN NHÂN DÂN / THÀNH PHỐ HỒ CHÍ MINH"
        assert profile["ten_day_du"] == "Ủy ban nhân dân Thành phố Hồ Chí Minh"
        assert profile["dia_danh"] == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(("kieu", "city"), [("so-nganh", "Huế"), ("van-phong", "Đà Nẵng"),
                                            ("hoi-dong-tdkt", "Cần Thơ")])  # fmt: skip
def test_the_chu_quan_of_a_city_s_office_is_the_city_s_ubnd(kieu: str, city: str) -> None:
    profile = _profile(kieu, dia_danh=city, ten_co_quan="SỞ Y TẾ" if kieu == "so-nganh" else None,
                       viet_tat="SYT")  # fmt: skip
    assert profile["co_quan_chu_quan"] == f"UBND THÀNH PHỐ {city.upper()}"
    assert f"thành phố {city}" in profile["ten_day_du"] and profile["dia_danh"] == city
    if kieu == "so-nganh":
        assert profile["nhom_noi_nhan"]["cap-tren"] == ["UBND thành phố"]


def test_a_province_stays_a_tinh() -> None:
    profile = _profile("so-nganh", ten_co_quan="SỞ Y TẾ", viet_tat="SYT", dia_danh="Sơn La")
    assert profile["co_quan_chu_quan"] == "UBND TỈNH SƠN LA"
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["UBND tỉnh"]


# --- 3. a unit named by a number ------------------------------------------------------------


def test_a_phuong_named_by_a_number_keeps_its_level_on_the_date_line(
    tmp_path: Path, cli: click.Group
) -> None:
    folder = tmp_path / "p1"
    result = _run(cli, "init", str(folder), "--kieu", "ubnd-xa", "--co-quan",
                  "ỦY BAN NHÂN DÂN PHƯỜNG 1", "--nguoi-ky", NAME)  # fmt: skip
    assert result.exit_code == 0, result.output
    profile = _saved_profile(folder)
    assert profile["dia_danh"] == "Phường 1"
    assert profile["ten_day_du"] == "Ủy ban nhân dân Phường 1"
    phong = _profile("phong", ten_co_quan="PHÒNG KINH TẾ", viet_tat="PKT",
                     co_quan_chu_quan="UBND PHƯỜNG 1")  # fmt: skip
    assert phong["dia_danh"] == "Phường 1"


# --- 4. a name of another kind of office ----------------------------------------------------


@pytest.mark.parametrize(
    ("kieu", "name", "key", "other"),
    [("ubnd-tinh", "SỞ Y TẾ", "ws.name_of_other_kind", "so-nganh"),
     ("ubnd-tinh", "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ", "ws.name_of_other_kind", "ubnd-xa"),
     ("so-nganh", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "ws.name_of_other_kind", "ubnd-tinh"),
     ("so-nganh", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH SƠN LA", "ws.name_of_other_kind",
      "hoi-dong-tdkt"),
     ("ubnd-xa", "TRƯỜNG THPT CHU VĂN AN", "ws.name_not_body", None),
     ("ubnd-xa", "XÃ HỘI CHIỀNG MUNG", "ws.name_not_body", None),
     ("ubnd-huyen", "HĐND HUYỆN MAI SƠN", "ws.name_not_body", None)],
)  # fmt: skip
def test_a_name_of_another_kind_of_office_is_refused(
    kieu: str, name: str, key: str, other: str | None
) -> None:
    refused = _refusal(kieu, ten_co_quan=name, dia_danh="Sơn La", viet_tat="SYT")
    assert refused.key == key
    if other:
        assert f"kieu='{other}'" in str(refused)


@pytest.mark.parametrize(("kieu", "name"), [("ubnd-tinh", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
                                            ("ubnd-tinh", "UBND THÀNH PHỐ HÀ NỘI"),
                                            ("ubnd-xa", "XÃ CHIỀNG MUNG"),
                                            ("ubnd-xa", "UỶ BAN NHÂN DÂN PHƯỜNG TÔ HIỆU"),
                                            ("so-nganh", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP")])
def test_a_name_of_the_kind_is_taken(kieu: str, name: str) -> None:
    assert _profile(kieu, ten_co_quan=name, dia_danh="Sơn La", viet_tat="SYT")["ten_co_quan"]


@pytest.mark.parametrize(("lang", "words"), [("vi", "là cơ quan kiểu so-nganh"),
                                             ("en", "it is a so-nganh office")])
def test_a_so_named_for_a_ubnd_is_refused_in_both_languages(
    lang: str, words: str, tmp_path: Path, cli: click.Group
) -> None:
    result = _run(cli, "init", str(tmp_path / "w"), "--kieu", "ubnd-tinh", "--co-quan", "SỞ Y TẾ",
                  "--dia-danh", "Sơn La", "--nguoi-ky", NAME, lang=lang)  # fmt: skip
    assert result.exit_code == 1 and words in result.output and "--kieu so-nganh" in result.output
    assert not (tmp_path / "w" / "vanthu.yaml").exists()


# --- 5. no letters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "key_words"),
    [(("--dia-danh", "..."), ("--dia-danh ...", "không phải địa danh", "is no place name")),
     (("--dia-danh", "123"), ("--dia-danh 123", "không phải địa danh", "is no place name")),
     (("--dia-danh", "Mường Bú", "--nguoi-ky", "456"),
      ("--nguoi-ky 456", "không phải họ tên người", "is no person's name"))],
)  # fmt: skip
def test_a_place_or_a_name_without_letters_is_refused(
    flags: tuple[str, ...], key_words: tuple[str, str, str], tmp_path: Path, cli: click.Group
) -> None:
    option, vi, en = key_words
    for lang, words in (("vi", vi), ("en", en)):
        result = _run(cli, "init", str(tmp_path / lang), "--kieu", "ubnd-xa", *flags,
                      *(() if "--nguoi-ky" in flags else ("--nguoi-ky", NAME)), lang=lang)
        assert result.exit_code == 1, result.output
        assert option in result.output and words in result.output
        assert not (tmp_path / lang / "vanthu.yaml").exists()


def test_a_numbered_place_with_its_level_is_taken() -> None:
    profile = _profile("ubnd-huyen", dia_danh="Quận 3")
    assert (_header(profile), profile["dia_danh"]) == ("ỦY BAN NHÂN DÂN / QUẬN 3", "Quận 3")


# --- 6. the questions at the terminal -------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """init run as on a terminal (CliRunner's stdin is none)."""
    monkeypatch.setattr(init_cli, "_on_terminal", lambda: True)


@pytest.mark.usefixtures("terminal")
def test_an_answer_refused_at_a_question_is_asked_again_in_vietnamese(
    tmp_path: Path, cli: click.Group
) -> None:
    folder = tmp_path / "ws"
    answers = "xyz\nubnd-xa\nS¬n La\n...\nMường Bú\n456\nLò Văn Bình\n"
    result = _run(cli, "init", str(folder), stdin=answers)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output and "is not one of" not in result.output
    assert "'xyz' không phải kiểu cơ quan" in result.output
    assert "câu trả lời 'S¬n La' cho câu hỏi «Địa danh ở dòng ngày tháng»" in result.output
    assert "câu trả lời '456' cho câu hỏi «Họ tên người đứng đầu, người ký»" in result.output
    assert "--dia-danh" not in result.output and "--nguoi-ky" not in result.output
    assert result.output.count("Hãy trả lời lại.") == 4
    assert _saved_profile(folder)["dia_danh"] == "Mường Bú"


@pytest.mark.usefixtures("terminal")
def test_an_answer_refused_at_a_question_is_asked_again_in_english(
    tmp_path: Path, cli: click.Group
) -> None:
    answers = "ubnd-tinh\nXã Mường Bú\nSơn La\nLò Văn Bình\n"
    result = _run(cli, "init", str(tmp_path / "ws"), stdin=answers, lang="en")
    assert result.exit_code == 0, result.output
    assert "the answer 'Xã Mường Bú' to the question “Place name on the date line”" in (
        result.output)
    assert "Please answer again." in result.output


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(("lang", "words"), [("vi", "không có câu trả lời cho câu hỏi «Địa danh"),
                                             ("en", "no answer to the question “Place name")])
def test_end_of_input_at_a_question_is_said(
    lang: str, words: str, tmp_path: Path, cli: click.Group
) -> None:
    result = _run(cli, "init", str(tmp_path / "ws"), stdin="ubnd-xa\n", lang=lang)
    assert result.exit_code == 1 and words in result.output
    assert "Aborted" not in result.output
    assert not (tmp_path / "ws" / "vanthu.yaml").exists()


# --- 7. a phòng's chủ quản before its place -------------------------------------------------


def test_a_phong_is_told_of_its_chu_quan_before_its_place(tmp_path: Path, cli: click.Group) -> None:
    result = _run(cli, "init", str(tmp_path / "ws"), "--kieu", "phong", "--co-quan",
                  "PHÒNG NỘI VỤ", "--viet-tat", "PNV", "--nguoi-ky", "A B")  # fmt: skip
    assert result.exit_code == 1
    assert "co_quan_chu_quan" in result.output and "--chu-quan" in result.output
    assert "'dia_danh'" not in result.output


# --- init, build, verify --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flags", "header", "date_place"),
    [(("--kieu", "ubnd-tinh", "--dia-danh", "Hà Nội"), "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
      "Hà Nội"),
     (("--kieu", "ubnd-xa", "--dia-danh", "Phường 1"), "ỦY BAN NHÂN DÂN\nPHƯỜNG 1", "Phường 1"),
     (("--kieu", "ubnd-xa", "--dia-danh", "Xã Mường Bú"), "ỦY BAN NHÂN DÂN\nXÃ MƯỜNG BÚ",
      "Mường Bú"),
     (("--kieu", "so-nganh", "--co-quan", "SỞ Y TẾ", "--viet-tat", "SYT", "--dia-danh",
       "Đà Nẵng"), "UBND THÀNH PHỐ ĐÀ NẴNG\nSỞ Y TẾ", "Đà Nẵng")],
)  # fmt: skip
def test_init_build_verify(
    flags: tuple[str, ...], header: str, date_place: str, tmp_path: Path, cli: click.Group,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from docx import Document

    folder = tmp_path / "ws"
    made = _run(cli, "init", str(folder), *flags, "--nguoi-ky", NAME)
    assert made.exit_code == 0, made.output
    monkeypatch.chdir(folder)
    built = _run(cli, "build")
    assert built.exit_code == 0, built.output
    verified = _run(cli, "verify", "outputs")
    assert verified.exit_code == 0, verified.output
    (output,) = (folder / "outputs").rglob("ke-hoach.docx")
    rows = Document(str(output)).tables[0].rows
    assert rows[0].cells[0].text.strip() == header
    assert rows[1].cells[1].text.startswith(f"{date_place}, ngày ")
