"""`vanthu init` takes the level of a Sở's or a phòng's name from its chủ quản, has a preset for a
phòng chuyên môn (`--kieu phong`), asks on a terminal for every value the kind needs in the
language of its messages, and dates the starter of an office of a level gone since 01/07/2025 in
2025 (findings r11a F5, F9, F10).
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.starters import write_starter
from pipeline.starters.office import office_words, preset_of
from pipeline.workspace import command as init_cli
from pipeline.workspace.init import OfficeAnswers, agency_profile, init_workspace
from pipeline.workspace.presets import needed_answers, presets

PGD = ("--co-quan", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "--chu-quan", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN",
       "--viet-tat", "PGDĐT", "--nguoi-ky", "Nguyễn Thị Hương")  # fmt: skip
# Words of a Sở that a phòng's profile and starters must not print.
SO_WORDS = re.compile(r"\bS[ởỞ]\b|Giám đốc|GIÁM ĐỐC")
LEVEL_GONE = "không còn từ 01/07/2025"


def _run(cli: click.Group, *args: str, lang: str = "vi", stdin: str | None = None):
    result = CliRunner().invoke(cli, ["--lang", lang, *args], input=stdin)
    assert "Traceback" not in result.output, result.output
    return result


def _profile(folder: Path) -> tuple[Path, dict]:
    (path,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    return path, load_yaml(path).data


def _texts(path: Path) -> list[str]:
    document = Document(str(path))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs if p.text.strip()] + [c for c in cells if c]


def _answers(kieu: str, **given: str) -> OfficeAnswers:
    return OfficeAnswers(kieu=kieu, dia_danh=given.pop("dia_danh", ""), nguoi_ky="Lò Văn A",
                         **given)  # fmt: skip


def _refusal(answers: OfficeAnswers) -> InputError:
    with pytest.raises(InputError) as caught:
        agency_profile(answers)
    return caught.value


# --- F5: the level comes from the chủ quản; a phòng has its own preset --------------------------


def test_a_phong_named_for_a_so_nganh_is_refused_pointing_to_its_kind(
    tmp_path: Path, cli: click.Group
) -> None:
    """The finding's command: no "Phòng Giáo dục và Đào tạo tỉnh Mai Sơn" signed by a Giám đốc."""
    result = _run(cli, "init", str(tmp_path / "ws3"), "--kieu", "so-nganh", *PGD,
                  "--dia-danh", "Mai Sơn")  # fmt: skip
    assert result.exit_code == 1
    assert "--kieu phong" in result.output and "tỉnh Mai Sơn" not in result.output
    assert not (tmp_path / "ws3").exists()


def test_a_phong_of_a_district_is_named_for_its_district(tmp_path: Path, cli: click.Group) -> None:
    folder = tmp_path / "pgd"
    result = _run(cli, "init", str(folder), "--kieu", "phong", *PGD, "--pho", "Lò Văn Thắng")
    assert result.exit_code == 0, result.output
    assert "Phòng Giáo dục và Đào tạo huyện Mai Sơn" in result.output
    path, profile = _profile(folder)
    assert path.stem == "phong-giao-duc-va-dao-tao-huyen-mai-son"
    assert profile["ten_day_du"] == "Phòng Giáo dục và Đào tạo huyện Mai Sơn"
    assert profile["dia_danh"] == "Mai Sơn"  # from the chủ quản: no --dia-danh given
    assert profile["co_quan_chu_quan"] == ["ỦY BAN NHÂN DÂN", "HUYỆN MAI SƠN"]
    assert profile["nguoi_ky"] == {
        "truong-phong": {"ho_ten": "Nguyễn Thị Hương", "chuc_vu": "Trưởng phòng"},
        "pho-truong-phong": {"ho_ten": "Lò Văn Thắng", "chuc_vu": "Phó Trưởng phòng",
                             "tham_quyen": "KT.", "thay_cho": "Trưởng phòng"},
    }  # fmt: skip
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["Ủy ban nhân dân huyện Mai Sơn"]
    assert not SO_WORDS.search(path.read_text("utf-8"))
    assert "ten: Phòng Giáo dục và Đào tạo huyện Mai Sơn" in (folder / "vanthu.yaml").read_text(
        "utf-8")


@pytest.mark.parametrize(
    ("co_quan", "chu_quan", "name", "place"),
    [("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "ỦY BAN NHÂN DÂN HUYỆN THUẬN CHÂU",
      "Phòng Tài chính - Kế hoạch huyện Thuận Châu", "Thuận Châu"),
     ("PHÒNG KINH TẾ", "UBND PHƯỜNG TÔ HIỆU", "Phòng Kinh tế phường Tô Hiệu", "Tô Hiệu"),
     ("PHÒNG VĂN HÓA - XÃ HỘI", "ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO",
      "Phòng Văn hóa - Xã hội đặc khu Côn Đảo", "Côn Đảo")],
)  # fmt: skip
def test_a_phong_takes_the_level_and_place_of_its_chu_quan(
    co_quan: str, chu_quan: str, name: str, place: str
) -> None:
    profile = agency_profile(_answers("phong", ten_co_quan=co_quan, co_quan_chu_quan=chu_quan,
                                      viet_tat="X"))  # fmt: skip
    assert profile["ten_day_du"] == name
    assert profile["dia_danh"] == place  # the date line of a xã's (or huyện's) office


def test_a_phong_without_a_level_to_read_is_refused() -> None:
    missing = _refusal(_answers("phong", ten_co_quan="PHÒNG KINH TẾ", viet_tat="PKT",
                                dia_danh="Mai Sơn"))  # fmt: skip
    assert missing.key == "ws.chief_missing" and "co_quan_chu_quan=" in str(missing)
    unknown = _refusal(_answers("phong", ten_co_quan="PHÒNG KINH TẾ", viet_tat="PKT",
                                co_quan_chu_quan="UBND MAI SƠN", dia_danh="Mai Sơn"))  # fmt: skip
    assert unknown.key == "ws.chief_level_unknown" and "UBND MAI SƠN" in str(unknown)


@pytest.mark.parametrize(
    ("kieu", "co_quan", "name"),
    [("so-nganh", "SỞ TƯ PHÁP", "Sở Tư pháp thành phố Hà Nội"),
     ("van-phong", None, "Văn phòng UBND thành phố Hà Nội"),
     ("hoi-dong-tdkt", None, "Hội đồng Thi đua - Khen thưởng thành phố Hà Nội")],
)  # fmt: skip
def test_a_province_level_office_takes_the_level_of_its_chu_quan(
    kieu: str, co_quan: str | None, name: str
) -> None:
    profile = agency_profile(_answers(kieu, ten_co_quan=co_quan, viet_tat="STP",
                                      co_quan_chu_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"))
    assert profile["ten_day_du"] == name
    assert profile["dia_danh"] == "Hà Nội"


def test_a_so_nganh_keeps_its_province_by_default() -> None:
    for chu_quan in (None, ""):  # the preset's UBND TỈNH; none printed: still a province's
        profile = agency_profile(_answers("so-nganh", ten_co_quan="SỞ TƯ PHÁP", viet_tat="STP",
                                          dia_danh="Sơn La", co_quan_chu_quan=chu_quan))
        assert profile["ten_day_du"] == "Sở Tư pháp tỉnh Sơn La"


def test_a_so_nganh_of_a_district_is_refused_unless_its_name_says_its_place() -> None:
    refused = _refusal(_answers("so-nganh", ten_co_quan="SỞ TƯ PHÁP", viet_tat="STP",
                                co_quan_chu_quan="ỦY BAN NHÂN DÂN HUYỆN MAI SƠN"))  # fmt: skip
    assert refused.key == "ws.chief_level_unfit"
    assert "huyện" in str(refused) and "kieu='phong'" in str(refused)
    # A name holding its place, or one given for running text, takes no level from the chủ quản.
    held = agency_profile(_answers("so-nganh", ten_co_quan="TRUNG TÂM Y TẾ HUYỆN MAI SƠN",
                                   viet_tat="TTYT", co_quan_chu_quan="UBND HUYỆN MAI SƠN"))
    assert held["ten_day_du"] == "Trung tâm Y tế huyện Mai Sơn"
    given = agency_profile(_answers(
        "hoi-dong-tdkt", co_quan_chu_quan="UBND HUYỆN MAI SƠN",
        ten_day_du="Hội đồng Thi đua - Khen thưởng huyện Mai Sơn"))  # fmt: skip
    assert given["ten_day_du"] == "Hội đồng Thi đua - Khen thưởng huyện Mai Sơn"


def test_the_refusals_speak_english(tmp_path: Path, cli: click.Group) -> None:
    result = _run(cli, "init", str(tmp_path / "x"), "--kieu", "so-nganh", *PGD, lang="en")
    assert result.exit_code == 1 and "Error:" in result.output
    assert "use --kieu phong" in result.output
    result = _run(cli, "init", str(tmp_path / "y"), "--kieu", "phong", "--co-quan", "PHÒNG KINH TẾ",
                  "--viet-tat", "PKT", "--dia-danh", "X", "--nguoi-ky", "A", lang="en")
    assert result.exit_code == 1 and "is missing: a phong office" in result.output


def test_the_help_names_the_phong_preset(cli: click.Group) -> None:
    for lang, words in (("vi", "phong: Phòng chuyên môn"), ("en", "phong: a specialised office")):
        result = _run(cli, "init", "--help", lang=lang)
        assert words in " ".join(result.output.split()), result.output


def test_a_phong_s_starters_speak_for_the_phong(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "pkt"
    made = _run(cli, "init", str(folder), "--kieu", "phong", "--co-quan", "PHÒNG KINH TẾ",
                "--chu-quan", "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ", "--viet-tat", "PKT",
                "--nguoi-ky", "Lò Văn Xa", "--pho", "Quàng Thị Y")  # fmt: skip
    assert made.exit_code == 0, made.output
    _path, profile = _profile(folder)
    assert preset_of(profile) is presets()["phong"]
    words = office_words(profile, "TH", "truong-phong")
    assert words["quy"] == "Quỹ thi đua, khen thưởng của xã"
    assert words["lanh_dao"] == "Lãnh đạo Phòng"
    year = folder / "inputs" / str(date.today().year)
    day = date(date.today().year, 3, 2)
    for kind in ("quyet-dinh-chung", "cong-van"):
        write_starter(kind, year / f"{kind}.yaml", today=day)
    letter = year / "cong-van.yaml"
    letter.write_text(re.sub(r"(?m)^nguoi_ky: .*$", "nguoi_ky: pho-truong-phong",
                             letter.read_text("utf-8")), "utf-8")  # fmt: skip
    monkeypatch.chdir(folder)
    built = _run(cli, "build")
    assert built.exit_code == 0, built.output
    assert "Cảnh báo" not in built.output, built.output
    decision = _texts(folder / "outputs" / year.name / "quyet-dinh-chung.docx")
    assert "TRƯỞNG PHÒNG KINH TẾ XÃ MƯỜNG BÚ" in decision  # ô 5b
    assert "TRƯỞNG PHÒNG" in decision and "Lò Văn Xa" in decision
    signed = _texts(folder / "outputs" / year.name / "cong-van.docx")
    at = signed.index("KT. TRƯỞNG PHÒNG")
    assert signed[at : at + 3] == ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Quàng Thị Y"]
    assert not SO_WORDS.search("\n".join(decision + signed))


def test_an_office_of_a_city_is_still_read_as_its_kind() -> None:
    """preset_of (the starters' words) reads a van-phong profile of a thành phố as van-phong,
    its signer's key renamed by hand ({cap} of its name: tỉnh or thành phố, nothing else)."""
    profile = agency_profile(_answers("van-phong", co_quan_chu_quan="UBND THÀNH PHỐ HÀ NỘI"))
    profile["nguoi_ky"] = {"chanh-vp": profile["nguoi_ky"]["chanh-van-phong"]}
    profile["ten_co_quan"] = "VĂN PHÒNG ỦY BAN NHÂN DÂN"
    assert preset_of(profile) is presets()["van-phong"]
    assert office_words(profile, "TH", "chanh-vp")["lanh_dao"] == "Lãnh đạo Văn phòng"
    profile["ten_day_du"] = "Văn phòng UBND huyện Mai Sơn"  # no level van-phong is for
    assert preset_of(profile) is None


# --- F9: a terminal is asked every value the kind needs, in the messages' language --------------


def test_each_kind_says_what_it_needs() -> None:
    assert needed_answers(presets()["phong"]) == ("ten_co_quan", "co_quan_chu_quan", "viet_tat")
    assert needed_answers(presets()["so-nganh"]) == ("ten_co_quan", "viet_tat")
    assert needed_answers(presets()["ubnd-xa"]) == ()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """init run as on a terminal (CliRunner's stdin is none)."""
    monkeypatch.setattr(init_cli, "_on_terminal", lambda: True)


@pytest.mark.usefixtures("terminal")
def test_the_finding_s_answers_are_completed_by_asking(tmp_path: Path, cli: click.Group) -> None:
    folder = tmp_path / "ws4"
    answers = "so-nganh\nSỞ TƯ PHÁP\nSTP\nThuận Châu\nNguyễn Văn Bình\n"
    result = _run(cli, "init", str(folder), stdin=answers)
    assert result.exit_code == 0, result.output
    for prompt in ("Kiểu cơ quan (", "Tên cơ quan ban hành", "Chữ viết tắt", "Địa danh",
                   "Họ tên người đứng đầu"):  # fmt: skip
        assert prompt in result.output, result.output
    _path, profile = _profile(folder)
    assert profile["ten_co_quan"] == "SỞ TƯ PHÁP" and profile["viet_tat"] == "STP"


@pytest.mark.usefixtures("terminal")
def test_a_phong_is_asked_its_chu_quan_in_english(tmp_path: Path, cli: click.Group) -> None:
    folder = tmp_path / "pgd"
    # The place is left to its default, the chủ quản's: Enter.
    answers = "phong\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ\nPGDĐT\n\nLò Văn A\n"
    result = _run(cli, "init", str(folder), stdin=answers, lang="en")
    assert result.exit_code == 0, result.output
    prompts = result.output.split("Created")[0]
    for prompt in ("Kind of office (", "Name of the issuing office", "Parent body",
                   "Abbreviation", "Place name on the date line [Mường Bú]", "Full name"):
        assert prompt in prompts, prompts
    assert not re.search(r"Kiểu|Địa danh|Họ tên|Tên cơ quan", prompts), prompts
    _path, profile = _profile(folder)
    assert profile["ten_day_du"] == "Phòng Giáo dục và Đào tạo xã Mường Bú"
    assert profile["dia_danh"] == "Mường Bú"


@pytest.mark.usefixtures("terminal")
def test_a_kind_that_needs_nothing_more_asks_nothing_more(tmp_path: Path, cli: click.Group) -> None:
    result = _run(cli, "init", str(tmp_path / "xa"), "--kieu", "ubnd-xa", "--co-quan",
                  "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", stdin="\nLò Văn A\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Tên cơ quan ban hành" not in result.output
    assert "Địa danh ở dòng ngày tháng [Chiềng Mung]" in result.output


def test_without_a_terminal_a_missing_name_is_refused_by_its_flag(
    tmp_path: Path, cli: click.Group
) -> None:
    result = _run(cli, "init", str(tmp_path / "x"), "--kieu", "so-nganh", "--dia-danh", "Sơn La",
                  "--nguoi-ky", "A", stdin="")  # fmt: skip
    assert result.exit_code == 1 and "--co-quan" in result.output


def test_a_real_terminal_is_asked(tmp_path: Path) -> None:
    """On a real terminal (a pseudo-terminal as stdin), as the finding ran it with `script`."""
    primary, secondary = pty.openpty()
    env = {**os.environ, "VANTHU_LANG": "en"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli import run; run()", "init", "ws"],
        stdin=secondary, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path, env=env,
    )  # fmt: skip
    os.close(secondary)
    answers = "phong\nPHÒNG KINH TẾ\nUBND PHƯỜNG TÔ HIỆU\nPKT\n\nLò Văn A\n"
    os.write(primary, answers.encode("utf-8"))
    output, _ = process.communicate(timeout=60)
    os.close(primary)
    text = output.decode("utf-8")
    assert process.returncode == 0, text
    assert "Parent body" in text and "Kiểu" not in text
    _path, profile = _profile(tmp_path / "ws")
    assert profile["ten_day_du"] == "Phòng Kinh tế phường Tô Hiệu"


# --- F10: a level gone since 01/07/2025: the starter is dated and filed in 2025 -----------------


@pytest.mark.parametrize(
    ("flags", "name"),
    [(["--kieu", "ubnd-huyen", "--dia-danh", "Mai Sơn", "--nguoi-ky", "Lò Văn A"],
      "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN"),
     (["--kieu", "phong", *PGD], "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN")],
)  # fmt: skip
def test_a_district_office_s_starter_checks_clean(
    flags: list[str], name: str, tmp_path: Path, cli: click.Group,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert date.today() >= date(2025, 7, 1)  # the days this test is for
    folder = tmp_path / "huyen"
    made = _run(cli, "init", str(folder), *flags)
    assert made.exit_code == 0, made.output
    starter = folder / "inputs" / "2025" / "ke-hoach.yaml"
    assert starter.is_file() and not (folder / "inputs" / str(date.today().year)).exists()
    assert load_yaml(starter).data["ngay"] == "06/01/2025"  # 05/01/2025 is a Sunday
    assert f"Lưu ý: '{name}' là cơ quan cấp huyện" in made.output
    assert "ngày 06/01/2025" in made.output and "inputs/2025/ke-hoach.yaml" in made.output
    assert "inputs/2025/ke-hoach.yaml" in (folder / "README.md").read_text("utf-8")
    monkeypatch.chdir(folder)
    checked = _run(cli, "check")
    assert checked.exit_code == 0, checked.output
    assert "Cảnh báo" not in checked.output and LEVEL_GONE not in checked.output, checked.output


def test_a_district_office_made_before_the_change_keeps_its_day(tmp_path: Path) -> None:
    answers = _answers("ubnd-huyen", dia_danh="Mai Sơn")
    before = init_workspace(tmp_path / "a", answers, today=date(2025, 3, 3))
    assert before.document == tmp_path / "a" / "inputs" / "2025" / "ke-hoach.yaml"
    assert not before.notes
    after = init_workspace(tmp_path / "b", answers, today=date(2027, 2, 1))
    assert after.document == tmp_path / "b" / "inputs" / "2025" / "ke-hoach.yaml"
    assert after.notes and "30/06/2025" not in after.notes[0]
    present = init_workspace(tmp_path / "c", _answers("ubnd-xa", dia_danh="Mường Bú"),
                             today=date(2027, 2, 1))  # fmt: skip
    assert present.document.parent.name == "2027" and not present.notes
