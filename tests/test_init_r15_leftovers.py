"""Leftovers of `vanthu init` (r15): a library caller is told its parameters, not flags; the
files init writes speak English to an English user (their data unchanged); a UBND of a thành
phố thuộc tỉnh is of a level gone since 01/07/2025; a council of a thành phố says thành phố.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from string import Template

import click
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.starters import gone_level, make_starter, read_starter, starter_text
from pipeline.starters.office import office_words
from pipeline.workspace.init import (
    OfficeAnswers,
    agency_profile,
    init_workspace,
    refuse_legacy_answers,
)

STARTERS_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "starters"
NAME = "Lò Văn A"
DAY = date(2026, 3, 10)
# A flag of vanthu init: what a library caller cannot type.
FLAG = re.compile(r"--[a-z]")


def _run(cli: click.Group, *args: str, lang: str = "vi"):
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    assert "Traceback" not in result.output, result.output
    return result


def _refused(call) -> InputError:
    with pytest.raises(InputError) as caught:
        call()
    return caught.value


def _library_says(error: InputError) -> dict[str, str]:
    """The error's message in both languages, none naming a flag."""
    said = {lang: error.message(lang) for lang in ("vi", "en")}
    for lang, text in said.items():
        assert not FLAG.search(text), (lang, text)
        assert "vanthu init" not in text, (lang, text)
    return said


# --- 1. a library caller is told parameters, vanthu init flags ---------------------------------


def test_a_legacy_answer_names_the_parameter_to_the_library(tmp_path: Path) -> None:
    error = _refused(lambda: refuse_legacy_answers(
        OfficeAnswers(kieu="ubnd-xa", dia_danh="S¬n La", nguoi_ky=NAME)))  # fmt: skip
    said = _library_says(error)
    assert "dia_danh='S¬n La' có vẻ gõ bằng bảng mã TCVN3" in said["vi"]
    assert "dia_danh='S¬n La' looks like TCVN3" in said["en"] and "'Sơn La'" in said["en"]
    # A person's name keeps its capitals in the suggestion, as before.
    error = _refused(lambda: refuse_legacy_answers(
        OfficeAnswers(kieu="ubnd-xa", dia_danh="Sơn La", nguoi_ky="Ph¹m Minh ¸nh")))  # fmt: skip
    assert "nguoi_ky='Ph¹m Minh ¸nh'" in _library_says(error)["vi"]
    assert "'Phạm Minh Ánh'" in error.message("vi")


def test_a_legacy_answer_names_the_flag_to_vanthu_init(tmp_path: Path, cli: click.Group) -> None:
    result = _run(cli, "init", str(tmp_path / "x"), "--kieu", "ubnd-xa", "--dia-danh", "Sơn La",
                  "--nguoi-ky", "Lß V¨n TiÕn", lang="en")  # fmt: skip
    assert result.exit_code == 1
    assert "--nguoi-ky 'Lß V¨n TiÕn' looks like TCVN3" in result.output
    assert "nguoi_ky=" not in result.output


def test_an_unfit_chief_level_names_parameters_to_the_library() -> None:
    error = _refused(lambda: agency_profile(OfficeAnswers(
        kieu="so-nganh", dia_danh="Sơn La", nguoi_ky=NAME, ten_co_quan="SỞ TƯ PHÁP",
        viet_tat="STP", co_quan_chu_quan="ỦY BAN NHÂN DÂN HUYỆN MAI SƠN")))  # fmt: skip
    assert error.key == "ws.chief_level_unfit"
    said = _library_says(error)
    assert "dùng kieu='phong'" in said["vi"] and "bằng ten_day_du=..." in said["vi"]
    assert "use kieu='phong'" in said["en"] and "with ten_day_du=..." in said["en"]


def test_an_unfit_chief_level_names_flags_to_vanthu_init(
    tmp_path: Path, cli: click.Group
) -> None:
    for lang, words in (("vi", ("dùng --kieu phong", "bằng --ten-day-du ...")),
                        ("en", ("use --kieu phong", "with --ten-day-du ..."))):  # fmt: skip
        result = _run(cli, "init", str(tmp_path / lang), "--kieu", "so-nganh", "--co-quan",
                      "SỞ TƯ PHÁP", "--chu-quan", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", "--viet-tat",
                      "STP", "--nguoi-ky", NAME, lang=lang)  # fmt: skip
        assert result.exit_code == 1
        said = " ".join(result.output.split())
        assert all(word in said for word in words), said
        assert "kieu='phong'" not in said and "ten_day_du=" not in said


def test_a_chief_of_a_province_offers_each_kind_for_it_joined_by_or() -> None:
    error = _refused(lambda: agency_profile(OfficeAnswers(
        kieu="van-phong", dia_danh="Sơn La", nguoi_ky=NAME,
        co_quan_chu_quan="ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG")))  # fmt: skip
    assert error.key == "ws.chief_level_unfit"
    said = _library_says(error)
    assert "kieu='phong'" in said["vi"]


def test_a_folder_not_empty_names_force_as_the_caller_gives_it(
    tmp_path: Path, cli: click.Group
) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "README.md").write_text("của văn thư\n", "utf-8")
    answers = OfficeAnswers(kieu="ubnd-xa", dia_danh="Chiềng Mung", nguoi_ky=NAME)
    error = _refused(lambda: init_workspace(tmp_path / "w", answers, today=DAY))
    assert error.key == "ws.not_empty"
    said = _library_says(error)
    assert said["vi"].endswith("dùng force=True") and said["en"].endswith("use force=True")
    result = _run(cli, "init", str(tmp_path / "w"), "--kieu", "ubnd-xa", "--dia-danh",
                  "Chiềng Mung", "--nguoi-ky", NAME)  # fmt: skip
    assert result.exit_code == 1 and "dùng --force" in result.output
    assert "force=True" not in result.output
    assert (tmp_path / "w" / "README.md").read_text("utf-8") == "của văn thư\n"


def test_a_name_of_another_kind_names_it_as_the_caller_gives_it(
    tmp_path: Path, cli: click.Group
) -> None:
    error = _refused(lambda: agency_profile(OfficeAnswers(
        kieu="so-nganh", dia_danh="Sơn La", nguoi_ky=NAME, ten_co_quan="PHÒNG NỘI VỤ",
        viet_tat="PNV")))  # fmt: skip
    assert error.key == "ws.name_of_other_kind"
    said = _library_says(error)
    assert "dùng kieu='phong'" in said["vi"] and "use kieu='phong'" in said["en"]
    result = _run(cli, "init", str(tmp_path / "x"), "--kieu", "so-nganh", "--co-quan",
                  "PHÒNG NỘI VỤ", "--viet-tat", "PNV", "--dia-danh", "Sơn La", "--nguoi-ky",
                  NAME, lang="en")  # fmt: skip
    said_cli = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "use --kieu phong (see vanthu init --help)" in said_cli and "kieu=" not in said_cli


def test_the_note_of_a_gone_level_names_the_present_kinds_as_the_caller_gives_them(
    tmp_path: Path, cli: click.Group
) -> None:
    answers = OfficeAnswers(kieu="ubnd-huyen", dia_danh="Mai Sơn", nguoi_ky=NAME)
    (note,) = init_workspace(tmp_path / "lib", answers, today=DAY).notes
    assert note.endswith("cơ quan hiện nay (init_workspace với kieu='ubnd-xa', hoặc "
                         "kieu='phong', co_quan_chu_quan='ỦY BAN NHÂN DÂN XÃ ...')")
    assert not FLAG.search(note) and "vanthu init" not in note
    (english,) = init_workspace(tmp_path / "en", answers, today=DAY, lang="en").notes
    assert "the present office's (init_workspace with kieu='ubnd-xa', or kieu='phong'," in english
    result = _run(cli, "init", str(tmp_path / "cli"), "--kieu", "ubnd-huyen", "--dia-danh",
                  "Mai Sơn", "--nguoi-ky", NAME)  # fmt: skip
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("cơ quan hiện nay (vanthu init --kieu ubnd-xa, hoặc --kieu phong --chu-quan "
            "'ỦY BAN NHÂN DÂN XÃ ...')") in said
    assert "kieu=" not in said


# --- 2. the files init writes speak the user's language; their data do not change ------------


def _init(folder: Path, lang: str, **given: str) -> dict[str, bytes]:
    """init_workspace in `lang`: every file it wrote by its path in the folder."""
    answers = OfficeAnswers(kieu=given.pop("kieu", "ubnd-xa"),
                            dia_danh=given.pop("dia_danh", "Chiềng Mung"), nguoi_ky=NAME,
                            pho="Hà Văn Giang", **given)  # fmt: skip
    made = init_workspace(folder, answers, today=DAY, lang=lang)
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in made.files}


def _comments(text: str) -> str:
    return "\n".join(re.findall(r"#.*", text))


def _data(name: str, content: bytes) -> object:
    """What a file says as data: a YAML file's values (the workspace identity, random, left
    out), the README as None."""
    if not name.endswith(".yaml"):
        return None
    data = YAML(typ="safe").load(content.decode("utf-8"))
    data.pop("dinh_danh", None)
    return data


def test_init_in_english_writes_english_comments_and_readme(tmp_path: Path) -> None:
    english = _init(tmp_path / "en", "en")
    readme = english["README.md"].decode("utf-8")
    assert readme.startswith("# Ủy ban nhân dân xã Chiềng Mung — vanthu workspace\n")
    assert "## Every day" in readme and "Thư mục này" not in readme
    assert "`inputs/2026/`" in readme and "$" not in readme
    for name, content in english.items():
        if name.endswith(".yaml"):
            comments = _comments(content.decode("utf-8"))
            assert comments, name
            # English prose: none of the Vietnamese comments' common words.
            assert not re.search(r"\b(của|là|tệp|mẫu|dòng|văn bản)\b", comments), (name, comments)
    starter = english["inputs/2026/ke-hoach.yaml"].decode("utf-8")
    assert starter.startswith("# Kế hoạch (plan) — a starter data file.")
    assert "# The vanthu workspace of Ủy ban nhân dân xã Chiềng Mung." in english[
        "vanthu.yaml"].decode("utf-8")  # fmt: skip
    profile = english["inputs/co-quan/uy-ban-nhan-dan-xa-chieng-mung.yaml"].decode("utf-8")
    assert profile.startswith("# Agency profile (hồ sơ cơ quan)")
    assert "# Signers with TM." in profile


def test_init_in_vietnamese_is_as_before(tmp_path: Path) -> None:
    vietnamese = _init(tmp_path / "vi", "vi")
    assert vietnamese["README.md"].decode("utf-8").startswith(
        "# Ủy ban nhân dân xã Chiềng Mung — thư mục làm việc vanthu\n")
    assert vietnamese["inputs/2026/ke-hoach.yaml"].decode("utf-8").startswith(
        "# Kế hoạch — tệp dữ liệu mẫu.")
    config = vietnamese["vanthu.yaml"].decode("utf-8")
    assert config.startswith("# Thư mục làm việc vanthu của Ủy ban nhân dân xã Chiềng Mung.\n")
    assert "# định danh thư mục làm việc trong sổ văn bản dùng chung\n" in config


@pytest.mark.parametrize("kieu, given", [
    ("ubnd-xa", {}),
    ("hoi-dong-tdkt", {"co_quan_chu_quan": "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "dia_danh": "Sơn La"}),
])  # fmt: skip
def test_the_data_are_the_same_in_either_language(
    tmp_path: Path, kieu: str, given: dict[str, str]
) -> None:
    vietnamese = _init(tmp_path / "vi", "vi", kieu=kieu, **given)
    english = _init(tmp_path / "en", "en", kieu=kieu, **given)
    assert set(vietnamese) == set(english)
    for name in vietnamese:
        assert _data(name, vietnamese[name]) == _data(name, english[name]), name
        if name.endswith(".yaml"):
            assert _comments(vietnamese[name].decode()) != _comments(english[name].decode())


def test_the_same_answers_in_the_same_language_write_the_same_bytes(tmp_path: Path) -> None:
    def without_identity(files: dict[str, bytes]) -> dict[str, bytes]:
        return {name: re.sub(rb"(?m)^dinh_danh: \S+", b"", content)
                for name, content in files.items()}  # fmt: skip

    for lang in ("vi", "en"):
        first = _init(tmp_path / f"{lang}1", lang)
        again = _init(tmp_path / f"{lang}2", lang)
        assert without_identity(first) == without_identity(again)


def test_vanthu_init_lang_en_writes_english_files(tmp_path: Path, cli: click.Group) -> None:
    folder = tmp_path / "xa"
    result = _run(cli, "init", str(folder), "--kieu", "ubnd-xa", "--dia-danh", "Chiềng Mung",
                  "--nguoi-ky", NAME, lang="en")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "## Every day" in (folder / "README.md").read_text("utf-8")
    (starter,) = (folder / "inputs").glob("20*/ke-hoach.yaml")
    assert starter.read_text("utf-8").startswith("# Kế hoạch (plan) — a starter data file.")
    assert load_yaml(starter).data["loai"] == "ke_hoach"


@pytest.mark.parametrize("english", sorted(STARTERS_DIR.glob("*.en.yaml")), ids=lambda p: p.name)
def test_every_english_starter_has_its_vietnamese_twins_data(english: Path) -> None:
    """Line for line, what is not a comment is the Vietnamese starter's; filled, the same data."""
    vietnamese = english.with_name(english.name.replace(".en.yaml", ".yaml"))

    def data_part(line: str) -> str:
        """The line without its comment: from the first " #" outside double quotes."""
        for found in re.finditer(r"\s#", line):
            if line[: found.start()].count('"') % 2 == 0:
                return line[: found.start()].rstrip()
        return line.rstrip()

    def data_lines(text: str) -> list[str]:
        return [data_part(line) for line in text.splitlines() if not line.lstrip().startswith("#")]

    vi_text, en_text = vietnamese.read_text("utf-8"), english.read_text("utf-8")
    assert data_lines(vi_text) == data_lines(en_text)
    names = set(re.findall(r"\$(\w+)", vi_text)) | set(re.findall(r"\$(\w+)", en_text))
    values = {name: "x" for name in names} | {"nam": "2026", "nam_truoc": "2025"}
    yaml = YAML(typ="safe")
    filled = [yaml.load(Template(text).substitute(values)) for text in (vi_text, en_text)]
    assert filled[0] == filled[1]
    assert read_starter(vietnamese.name, "en") == en_text
    assert read_starter(vietnamese.name, "vi") == vi_text


def test_vanthu_new_in_english_writes_english_starters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A starter and its companions (a Giấy khen's decision) in English; a workspace without
    a profile gets the sample one, commented in English too."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vanthu.yaml").write_text("ten: x\n", "utf-8")
    made = make_starter("giay-khen", Path("inputs/2026/gk.yaml"), today=DAY, lang="en")
    texts = {path.name: path.read_text("utf-8") for path in made.paths}
    assert texts["gk.yaml"].startswith("# Giấy khen (certificates of merit) — a starter")
    assert texts["quyet-dinh-giay-khen.yaml"].startswith("# Quyết định tặng Giấy khen (decision")
    assert texts["co-quan-mau.yaml"].startswith("# A sample agency profile (hồ sơ cơ quan)")
    assert load_yaml(Path("inputs/2026/gk.yaml")).data["loai"] == "giay_khen"


def test_a_starter_without_english_comments_is_the_vietnamese_one() -> None:
    assert read_starter("danh-sach-khen-thuong.csv", "en") == read_starter(
        "danh-sach-khen-thuong.csv", "vi")  # fmt: skip


# --- 3. a UBND of a thành phố thuộc tỉnh: a level gone since 01/07/2025 ------------------------


def _dated(path: Path) -> date:
    day, month, year = str(load_yaml(path).data["ngay"]).split("/")
    return date(int(year), int(month), int(day))


@pytest.mark.parametrize("name, level", [
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA", "thành phố thuộc tỉnh"),
    ("ỦY BAN NHÂN DÂN THỊ XÃ MƯỜNG LAY", "thị xã"),
    ("ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", "huyện"),
])  # fmt: skip
def test_a_district_level_ubnd_is_of_a_gone_level(tmp_path: Path, name: str, level: str) -> None:
    answers = OfficeAnswers(kieu="ubnd-huyen", dia_danh="", nguoi_ky=NAME, ten_co_quan=name)
    profile = agency_profile(answers)
    assert gone_level(profile) == (name, level)
    made = init_workspace(tmp_path / "ws", answers, today=DAY)
    assert made.document.parent.name == "2025"
    assert _dated(made.document) < date(2025, 7, 1)
    (note,) = made.notes
    assert f"'{name}' là cơ quan cấp {level}, cấp này không còn từ 01/07/2025" in note


def test_a_new_document_of_a_thanh_pho_thuoc_tinh_is_dated_before_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ws"
    init_workspace(folder, OfficeAnswers(kieu="ubnd-huyen", dia_danh="", nguoi_ky=NAME,
                   ten_co_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA"), today=DAY)  # fmt: skip
    monkeypatch.chdir(folder)
    made = make_starter("cong-van", Path("cv.yaml"), today=DAY)
    assert _dated(made.paths[-1]) < date(2025, 7, 1)
    (note,) = made.notes
    assert "cấp thành phố thuộc tỉnh, cấp này không còn từ 01/07/2025" in note


def test_a_city_of_the_country_is_not_of_a_gone_level(tmp_path: Path) -> None:
    answers = OfficeAnswers(kieu="ubnd-tinh", dia_danh="Hà Nội", nguoi_ky=NAME,
                            ten_co_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")  # fmt: skip
    assert gone_level(agency_profile(answers)) is None
    made = init_workspace(tmp_path / "hn", answers, today=DAY)
    assert made.document.parent.name == "2026" and made.notes == ()
    # A council or a Sở of a thành phố: the name does not tell which thành phố; not gone.
    council = agency_profile(OfficeAnswers(kieu="hoi-dong-tdkt", dia_danh="", nguoi_ky=NAME,
                             co_quan_chu_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"))  # fmt: skip
    assert gone_level(council) is None


# --- 4. a council of a thành phố says thành phố in its starters ----------------------------------

COUNCIL = "Hội đồng Thi đua - Khen thưởng thành phố Hà Nội"


@pytest.mark.parametrize("chu_quan", ["", "UBND TP. HÀ NỘI", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"])
def test_a_council_of_a_city_says_thanh_pho(tmp_path: Path, chu_quan: str) -> None:
    """With no chủ quản printed, or one whose level is not read (TP.), the council's own name
    says thành phố, as init read it: the starters say so too, never tỉnh."""
    answers = OfficeAnswers(kieu="hoi-dong-tdkt", dia_danh="Hà Nội", nguoi_ky=NAME,
                            ten_day_du=COUNCIL, co_quan_chu_quan="")  # fmt: skip
    profile = agency_profile(answers)
    if chu_quan:  # as a clerk may have written it into the profile
        profile["co_quan_chu_quan"] = chu_quan
    words = office_words(profile, "TĐKT", "chu-tich")
    assert words["quy"] == "Quỹ thi đua, khen thưởng của thành phố"
    for kind in ("quyet-dinh", "quyet-dinh-giay-khen"):
        text = starter_text(kind, "hd", "TĐKT", "chu-tich", DAY, profile)
        assert "khen thưởng của thành phố" in text and "tỉnh" not in text, kind


def test_a_council_of_a_province_keeps_tinh(tmp_path: Path) -> None:
    profile = agency_profile(OfficeAnswers(kieu="hoi-dong-tdkt", dia_danh="Sơn La",
                             nguoi_ky=NAME, co_quan_chu_quan=""))  # fmt: skip
    assert office_words(profile, "TĐKT", "chu-tich")["quy"] == "Quỹ thi đua, khen thưởng của tỉnh"
