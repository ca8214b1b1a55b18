"""`vanthu init` of a UBND takes its level of place from --co-quan: a ubnd-xa of a phường or an
đặc khu is not written "xã" (its Văn phòng, its starters), and a --co-quan that names only the
place ("XÃ CHIỀNG MUNG") is the place's Ủy ban, its địa danh taken from it (findings r7b F8, F9).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.load.yaml_source import load_yaml
from pipeline.workspace.init import OfficeAnswers, agency_profile, default_place, place_warnings
from pipeline.workspace.presets import level_names, levels, place_body, presets

# "xã" as a level of place ("UBND xã", "của xã"), not the "Xã hội" of a unit's name.
LEVEL_XA = re.compile(r"\bxã\b(?! hội)")


def _run(cli: click.Group, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--lang", "vi", *args])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def _init(cli: click.Group, folder: Path, *flags: str) -> tuple[dict, str]:
    code, output = _run(cli, "init", str(folder), *flags, "--nguoi-ky", "Lò Văn Thắng")
    assert code == 0, output
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    return load_yaml(profile).data, output


@pytest.mark.parametrize(
    ("co_quan", "level", "place"),
    [("ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU", "phường", "Tô Hiệu"),
     ("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO", "đặc khu", "Côn Đảo")],
)  # fmt: skip
def test_a_ward_or_special_zone_is_not_written_xa(
    co_quan: str, level: str, place: str, tmp_path: Path, cli: click.Group,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    folder = tmp_path / "ubnd"
    profile, _ = _init(cli, folder, "--kieu", "ubnd-xa", "--co-quan", co_quan)
    assert profile["don_vi"]["VP"]["ten"] == f"Văn phòng HĐND và UBND {level}"
    assert profile["dia_danh"] == place
    (written,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    assert not LEVEL_XA.search(written.read_text("utf-8"))
    monkeypatch.chdir(folder / "inputs" / str(date.today().year))
    assert _run(cli, "new", "quyet-dinh-chung", "-o", "qd.yaml")[0] == 0
    for starter in ("qd.yaml", "ke-hoach.yaml"):
        text = Path(starter).read_text("utf-8")
        assert not LEVEL_XA.search(text), (starter, LEVEL_XA.findall(text))
    decision = load_yaml(Path("qd.yaml")).data
    assert decision["theo_de_nghi"] == f"Chánh Văn phòng HĐND và UBND {level}"
    # The preset's own wording, its level the office's (it was the generic "của cơ quan").
    assert _run(cli, "new", "quyet-dinh", "-o", "khen.yaml")[0] == 0
    award = load_yaml(Path("khen.yaml")).data
    assert award["khen_thuong"]["nguon_kinh_phi"] == f"Quỹ thi đua, khen thưởng của {level}"


@pytest.mark.parametrize(
    "flags",
    [["--dia-danh", "Chiềng Mung"],  # no --co-quan: the preset's own name
     ["--co-quan", "ỦY BAN NHÂN DÂN CHIỀNG MUNG", "--dia-danh", "Chiềng Mung"]],  # no level
)  # fmt: skip
def test_a_name_stating_no_level_keeps_xa(
    flags: list[str], tmp_path: Path, cli: click.Group
) -> None:
    profile, _ = _init(cli, tmp_path / "xa", "--kieu", "ubnd-xa", *flags)
    assert profile["don_vi"]["VP"]["ten"] == "Văn phòng HĐND và UBND xã"


def test_a_xa_is_still_written_xa_in_its_starters(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "xa"
    profile, _ = _init(cli, folder, "--kieu", "ubnd-xa", "--co-quan",
                       "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG")  # fmt: skip
    assert profile["don_vi"]["VP"]["ten"] == "Văn phòng HĐND và UBND xã"
    monkeypatch.chdir(folder / "inputs" / str(date.today().year))
    assert _run(cli, "new", "quyet-dinh-chung", "-o", "qd.yaml")[0] == 0
    assert load_yaml(Path("qd.yaml")).data["theo_de_nghi"] == "Chánh Văn phòng HĐND và UBND xã"


@pytest.mark.parametrize(
    ("kieu", "co_quan", "key", "group", "expected"),
    [("ubnd-tinh", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "nhom_noi_nhan", "cap-tren",
      "Thường trực HĐND thành phố"),
     ("ubnd-tinh", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "nhom_noi_nhan", "cap-tren",
      "Thường trực HĐND tỉnh"),
     ("ubnd-huyen", "ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", "nhom_noi_nhan", "phong-ban",
      "Các phòng, ban chuyên môn thuộc UBND quận")],
)  # fmt: skip
def test_every_ubnd_preset_follows_its_level(
    kieu: str, co_quan: str, key: str, group: str, expected: str
) -> None:
    answers = OfficeAnswers(kieu=kieu, dia_danh="", nguoi_ky="A", ten_co_quan=co_quan)
    profile = agency_profile(answers)
    assert expected in profile[key][group]
    assert "cap" not in profile  # the preset's levels are not the profile's
    if kieu == "ubnd-huyen":
        assert profile["don_vi"]["VP"] == {"ten": "Văn phòng HĐND và UBND quận"}


def test_the_level_placeholders_of_a_preset() -> None:
    xa = presets()["ubnd-xa"]
    assert level_names(xa, "phường") == {"cap": "phường", "CAP": "PHƯỜNG"}
    assert level_names(xa, None) == {"cap": "xã", "CAP": "XÃ"}
    assert level_names(xa, "tỉnh") == {"cap": "xã", "CAP": "XÃ"}  # not a level it is for
    assert level_names(presets()["so-nganh"], "tỉnh") == {"cap": "", "CAP": ""}
    # Each UBND preset's names spell its first level, the one a name stating none gets.
    for name, preset in presets().items():
        if levels(preset):
            assert place_body(preset) == "ỦY BAN NHÂN DÂN", name
            assert f" {levels(preset)[0]} {{dia_danh}}" in preset["ten_day_du"], name
        else:
            assert place_body(preset) is None, name


@pytest.mark.parametrize("dia_danh", [[], ["--dia-danh", "Chiềng Mung"]])
def test_a_co_quan_naming_only_the_xa_is_its_ubnd(
    dia_danh: list[str], tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "xa"
    profile, output = _init(cli, folder, "--kieu", "ubnd-xa", "--co-quan", "XÃ CHIỀNG MUNG",
                            *dia_danh)  # fmt: skip
    assert profile["ten_co_quan"] == ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG MUNG"]
    assert profile["ten_day_du"] == "Ủy ban nhân dân xã Chiềng Mung"
    assert profile["dia_danh"] == "Chiềng Mung"
    assert profile["don_vi"]["VP"]["ten"] == "Văn phòng HĐND và UBND xã"
    assert "Cảnh báo: 'XÃ CHIỀNG MUNG' là tên xã Chiềng Mung" in output
    assert "'ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG'" in output
    monkeypatch.chdir(folder)
    assert _run(cli, "build")[0] == 0
    document = Document(str(next((folder / "outputs").rglob("ke-hoach.docx"))))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells
             for p in cell.paragraphs]  # fmt: skip
    assert "ỦY BAN NHÂN DÂN\nXÃ CHIỀNG MUNG" in cells  # the header, its two lines


def test_a_place_name_in_english(tmp_path: Path, cli: click.Group) -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "init", str(tmp_path / "p"), "--kieu",
                                      "ubnd-xa", "--co-quan", "Phường Tô Hiệu", "--nguoi-ky", "A"])
    assert result.exit_code == 0, result.output
    assert ("'PHƯỜNG TÔ HIỆU' names the phường of Tô Hiệu, not the issuing body: a ubnd-xa "
            "office is the phường's Ủy ban nhân dân, so the agency profile holds the name 'ỦY "
            "BAN NHÂN DÂN PHƯỜNG TÔ HIỆU'") in " ".join(result.output.split())  # fmt: skip


@pytest.mark.parametrize(
    ("kieu", "co_quan", "header"),
    [("ubnd-tinh", "TỈNH SƠN LA", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
     ("ubnd-huyen", "huyện mai sơn", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN"),
     ("ubnd-xa", "ĐẶC KHU | CÔN ĐẢO", "ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO"),
     # other names, and other kinds of office, as typed
     ("ubnd-xa", "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG"),
     ("hoi-dong-tdkt", "TỈNH SƠN LA", "TỈNH SƠN LA"),
     ("hoi-dong-tdkt", "XÃ HỘI CHIỀNG MUNG", "XÃ HỘI CHIỀNG MUNG")],
)  # fmt: skip
def test_which_names_are_read_as_a_place(kieu: str, co_quan: str, header: str) -> None:
    answers = OfficeAnswers(kieu=kieu, dia_danh="Sơn La", nguoi_ky="A", ten_co_quan=co_quan,
                            viet_tat="UBND")  # fmt: skip
    name = agency_profile(answers)["ten_co_quan"]
    assert " ".join(name if isinstance(name, list) else [name]) == header


def test_the_place_of_a_name_that_is_only_a_place() -> None:
    assert default_place("XÃ CHIỀNG MUNG") == "Chiềng Mung"
    assert default_place("thành phố Hà Nội") == "Hà Nội"
    assert default_place("XÃ HỘI") is None
    # --dia-danh other than the xã the name gives is a likely slip, as for a full name
    answers = OfficeAnswers(kieu="ubnd-xa", dia_danh="Sơn La", nguoi_ky="A",
                            ten_co_quan="XÃ CHIỀNG MUNG")  # fmt: skip
    assert place_warnings(answers)
