"""Common slips in a document's keys are told with the value to write (findings r11a F4, F12),
and `vanthu new` dates a document in its folder's year and an office gone since 01/07/2025
before that day.

- `so:` a misspelt tu_dong ("tự động", "tudong") gets "có phải 'tu_dong'?"; any other text says
  both forms; the whole printed number ("03/PGDĐT-GDTrH") says to type the number alone.
- `co_quan` left out names the workspace's one profile and where the line goes (after `loai:`),
  or lists the profiles; left empty, the same at its own line.
- `nguoi_ky` holding a title ("Trưởng phòng", "KT. Trưởng phòng") names the signer who signs so
  and lists every signer with how it signs; a typo and a person's name keep their own hints.
- `vanthu new` into inputs/<another year>/ dates the document in that year (a working day);
  for a phòng of a UBND huyện, before 01/07/2025; make_starter's notes say so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.i18n import set_language
from pipeline.starters import make_starter, write_starter

PGD_ID = "phong-giao-duc-va-dao-tao-huyen-mai-son"
PGD = ("--kieu", "phong", "--co-quan", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "--chu-quan",
       "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", "--viet-tat", "PGDĐT", "--dia-danh", "Mai Sơn",
       "--nguoi-ky", "Nguyễn Thị Hương", "--pho", "Lò Văn Thắng")  # fmt: skip
SO = ("--kieu", "so-nganh", "--co-quan", "SỞ NỘI VỤ", "--chu-quan",
      "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "--viet-tat", "SNV", "--dia-danh", "Sơn La",
      "--nguoi-ky", "Lê Văn An")  # fmt: skip
SIGNERS = "truong-phong (Trưởng phòng); pho-truong-phong (KT. Trưởng phòng, Phó Trưởng phòng)"
TODAY = date(2026, 12, 4)


def run(*args: str, lang: str = "vi") -> Result:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output, result.output
    return result


def workspace(tmp_path: Path, answers: tuple[str, ...] = PGD) -> Path:
    """A workspace made by `vanthu init` with `answers` (the phòng of r11a by default)."""
    root = tmp_path / "ws"
    assert run("init", str(root), *answers).exit_code == 0
    return root


@pytest.fixture()
def letter(tmp_path: Path) -> Path:
    """A Công văn of the phòng's workspace, made by `vanthu new`, in the folder of its year."""
    root = workspace(tmp_path)
    path = root / "inputs" / "2025" / "cv.yaml"
    write_starter("cong-van", path, today=TODAY)
    return path


def with_line(path: Path, key: str, line: str | None) -> tuple[Path, list[str]]:
    """A copy of `path` beside it with its top-level `key:` line replaced by `line` (None: left
    out), and the copy's lines."""
    lines = path.read_text("utf-8").splitlines()
    (index,) = [n for n, text in enumerate(lines) if text.startswith(f"{key}:")]
    if line is None:
        del lines[index]
    else:
        lines[index] = line
    copy = path.with_name("slip.yaml")
    copy.write_text("\n".join(lines) + "\n", "utf-8")
    return copy, lines


def line_of(lines: list[str], start: str) -> int:
    (found,) = [n for n, text in enumerate(lines, start=1) if text.startswith(start)]
    return found


def error(path: Path, lang: str = "vi") -> str:
    """The one error `vanthu check` gives for `path`."""
    result = run("check", str(path), lang=lang)
    assert result.exit_code == 1, result.output
    (found,) = [line for line in result.output.splitlines() if line.startswith(("Lỗi", "Error"))]
    return found


# --- F12: so -------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["tự động", "tudong", "Tự Động", "tu dong", "TU_DONG"])
def test_a_misspelt_tu_dong_is_told_tu_dong(letter: Path, typed: str) -> None:
    path, lines = with_line(letter, "so", f"so: {typed}")
    line = line_of(lines, "so:")
    assert error(path) == (
        f"Lỗi: {path}, dòng {line}, trường 'so': giá trị không hợp lệ: phải là số nguyên (ví "
        "dụ so: 3), hoặc tu_dong để lấy số tiếp theo của sổ (nhận được: "
        f"'{typed}') (có phải 'tu_dong'?)"
    )
    assert error(path, "en") == (
        f"Error: {path}, line {line}, field 'so': invalid value: must be a whole number (e.g. "
        f"so: 3), or tu_dong for the register's next number (got: '{typed}') "
        "(did you mean 'tu_dong'?)"
    )


def test_other_text_in_so_is_told_both_forms_without_a_guess(letter: Path) -> None:
    path, _ = with_line(letter, "so", "so: auto")
    said = error(path)
    assert "ví dụ so: 3), hoặc tu_dong để lấy số tiếp theo của sổ (nhận được: 'auto')" in said
    assert "có phải" not in said


def test_the_printed_number_says_to_type_the_number_alone(letter: Path) -> None:
    path, lines = with_line(letter, "so", "so: 03/PGDĐT-GDTrH")
    line = line_of(lines, "so:")
    assert error(path) == (
        f"Lỗi: {path}, dòng {line}, trường 'so': '03/PGDĐT-GDTrH' là số và ký hiệu như khi in: "
        "chỉ ghi số (so: 03), hoặc tu_dong để lấy số của sổ; ký hiệu (PGDĐT-GDTrH) vanthu tự "
        "ghép từ hồ sơ cơ quan và don_vi_soan_thao"
    )
    assert error(path, "en") == (
        f"Error: {path}, line {line}, field 'so': '03/PGDĐT-GDTrH' is the number and symbol as "
        "printed: write the number alone (so: 03), or tu_dong for the register's; vanthu makes "
        "the symbol (PGDĐT-GDTrH) from the agency profile and don_vi_soan_thao"
    )


@pytest.mark.parametrize("typed", ["so: 3", "so: 03", "so: tu_dong", "so:"])
def test_numbers_as_they_should_be_are_taken(letter: Path, typed: str) -> None:
    path, _ = with_line(letter, "so", typed)
    assert run("check", str(path)).exit_code == 0


def test_the_replied_documents_printed_number_is_taken(letter: Path) -> None:
    """tra_loi.so is another office's number as printed: not the document's own `so`."""
    text = letter.read_text("utf-8").replace("# tra_loi:", "tra_loi:").replace(
        "#   so: 125/SNV-VTLT", "  so: 125/SNV-VTLT").replace(
        "#   ngay:", "  ngay:").replace("#   cua:", "  cua:").replace("#   ve_viec:", "  ve_viec:")
    letter.write_text(text, "utf-8")
    assert "\n  so: 125/SNV-VTLT" in text
    result = run("check", str(letter))
    assert result.exit_code == 0, result.output


# --- F12: co_quan --------------------------------------------------------------------------


def test_a_missing_co_quan_names_the_one_profile_and_where(letter: Path) -> None:
    path, lines = with_line(letter, "co_quan", None)
    kind_line = line_of(lines, "loai:")
    assert error(path) == (
        f"Lỗi: {path}, trường 'co_quan': thiếu trường bắt buộc: thêm dòng 'co_quan: {PGD_ID}' "
        f"cùng các khóa của văn bản (sau dòng {kind_line}: loai: cong_van)"
    )
    assert error(path, "en") == (
        f"Error: {path}, field 'co_quan': required field is missing: add the line "
        f"'co_quan: {PGD_ID}' among the document's keys (after line {kind_line}: loai: cong_van)"
    )


def test_a_missing_co_quan_lists_several_profiles(letter: Path) -> None:
    profiles = letter.parents[1] / "co-quan"
    (profiles / "so-noi-vu.yaml").write_text(
        (profiles / f"{PGD_ID}.yaml").read_text("utf-8"), "utf-8")
    path, _ = with_line(letter, "co_quan", None)
    assert error(path).endswith(
        "thêm dòng 'co_quan: <tên hồ sơ cơ quan>' cùng các khóa của văn bản (sau dòng 7: loai: "
        f"cong_van); hồ sơ cơ quan có: {PGD_ID}, so-noi-vu"
    )


@pytest.mark.parametrize("typed", ["co_quan:", "co_quan: ''", "co_quan:    # hồ sơ"])
def test_an_empty_co_quan_names_the_profile_at_its_line(letter: Path, typed: str) -> None:
    path, lines = with_line(letter, "co_quan", typed)
    line = line_of(lines, "co_quan:")
    assert error(path) == (
        f"Lỗi: {path}, dòng {line}, trường 'co_quan': co_quan đang để trống: ghi "
        f"'co_quan: {PGD_ID}'"
    )
    assert error(path, "en").endswith(f"co_quan is empty: write 'co_quan: {PGD_ID}'")


# --- F4: nguoi_ky --------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "key"), [
    ("Trưởng phòng", "truong-phong"), ("TRƯỞNG PHÒNG", "truong-phong"),
    ("KT. Trưởng phòng", "pho-truong-phong"), ("KT Trưởng phòng", "pho-truong-phong"),
    ("Phó Trưởng phòng", "pho-truong-phong"), ("truong phong", "truong-phong"),
])  # fmt: skip
def test_a_title_for_a_signer_names_the_signer_who_signs_so(
    letter: Path, typed: str, key: str
) -> None:
    path, lines = with_line(letter, "nguoi_ky", f"nguoi_ky: {typed}")
    line = line_of(lines, "nguoi_ky:")
    assert error(path) == (
        f"Lỗi: {path}, dòng {line}, trường 'nguoi_ky': nguoi_ky ghi chức vụ '{typed}': hãy ghi "
        f"khóa của người ký trong hồ sơ cơ quan {PGD_ID}.yaml, ở đây 'nguoi_ky: {key}'; các "
        f"người ký: {SIGNERS}"
    )
    assert error(path, "en") == (
        f"Error: {path}, line {line}, field 'nguoi_ky': nguoi_ky gives the title '{typed}': give "
        f"the signer's key in the agency profile {PGD_ID}.yaml, here 'nguoi_ky: {key}'; the "
        f"signers: {SIGNERS}"
    )


def test_an_unknown_signer_lists_the_signers(letter: Path) -> None:
    path, _ = with_line(letter, "nguoi_ky", "nguoi_ky: Giám đốc")
    assert error(path).endswith(
        f"người ký 'Giám đốc' không có trong hồ sơ cơ quan {PGD_ID}.yaml; các người ký trong "
        f"hồ sơ: {SIGNERS}"
    )
    assert error(path, "en").endswith(f"; the profile's signers: {SIGNERS}")


def test_a_typo_and_a_name_keep_their_hints(letter: Path) -> None:
    path, _ = with_line(letter, "nguoi_ky", "nguoi_ky: pho-truong-phongg")
    assert error(path).endswith(
        f"người ký 'pho-truong-phongg' không có trong hồ sơ cơ quan {PGD_ID}.yaml (có phải "
        "'pho-truong-phong'?)"
    )
    path, _ = with_line(letter, "nguoi_ky", "nguoi_ky: Lò Văn Thắng")
    assert "nguoi_ky ghi họ tên 'Lò Văn Thắng'" in error(path)
    assert "(pho-truong-phong)" in error(path)


# --- vanthu new: the date ------------------------------------------------------------------


def ngay(path: Path) -> str:
    (line,) = [text for text in path.read_text("utf-8").splitlines() if text.startswith("ngay:")]
    return line.split()[1]


def check_warnings(path: Path) -> list[str]:
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.startswith("Cảnh báo")]


def test_new_in_last_years_folder_is_dated_in_that_year(tmp_path: Path) -> None:
    root = workspace(tmp_path, SO)
    path = root / "inputs" / "2025" / "giay-moi.yaml"
    made = make_starter("giay-moi", path, today=TODAY)
    assert made.paths == [path]
    assert ngay(path) == "10/01/2025"  # the starter's own day, in 2025: a Friday
    assert "  ngay: 15/01/2025" in path.read_text("utf-8")  # the meeting follows it
    assert made.notes == (
        "văn bản ghi ngày 10/01/2025, trong năm 2025 của thư mục chứa nó (không phải năm nay): "
        "sửa thành ngày ký",
    )
    assert check_warnings(path) == []


def test_new_dated_in_its_folders_year_on_a_working_day(tmp_path: Path) -> None:
    root = workspace(tmp_path, SO)
    path = root / "inputs" / "2021" / "cong-van.yaml"
    make_starter("cong-van", path, today=TODAY)
    assert ngay(path) == "11/01/2021"  # 10/01/2021 is a Sunday
    set_language("en")
    made = make_starter("cong-van", path, force=True, today=TODAY)
    assert made.notes == (
        "the document is dated 11/01/2021, in 2021, the year of its folder (not this year): "
        "change it to the day it is signed",
    )


@pytest.mark.parametrize("where", ["2026", None])
def test_new_in_this_years_folder_or_none_is_dated_as_before(tmp_path: Path, where) -> None:
    root = workspace(tmp_path, SO)
    folder = root / "inputs" / where if where else root / "inputs"
    made = make_starter("cong-van", folder / "cv.yaml", today=TODAY)
    assert ngay(folder / "cv.yaml") == "10/01/2026"
    assert made.notes == ()


def test_new_for_a_phong_of_a_huyen_is_dated_before_july_2025(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    path = root / "inputs" / "2025" / "cv.yaml"
    made = make_starter("cong-van", path, today=TODAY)
    assert ngay(path) == "10/01/2025"
    (note,) = made.notes
    assert note.startswith(
        "'ỦY BAN NHÂN DÂN HUYỆN MAI SƠN' là cơ quan cấp huyện, cấp này không còn từ 01/07/2025: "
        "văn bản ghi ngày 10/01/2025 (trước 01/07/2025, năm 2025); văn bản từ 01/07/2025 là của "
        "cơ quan hiện nay"
    )
    assert check_warnings(path) == []  # neither the level nor the folder


def test_new_for_a_phong_of_a_huyen_outside_a_year_folder(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    path = root / "inputs" / "cv.yaml"
    made = make_starter("cong-van", path, today=TODAY)
    assert ngay(path) == "10/01/2025"
    (note,) = made.notes
    assert "văn bản ghi ngày 10/01/2025 (trước 01/07/2025, năm 2025); văn bản" in note
    assert check_warnings(path) == []


def test_new_for_a_phong_of_a_huyen_in_a_later_folder_says_to_move_it(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    path = root / "inputs" / "2026" / "cv.yaml"
    set_language("en")
    made = make_starter("cong-van", path, today=TODAY)
    assert ngay(path) == "10/01/2025"
    (note,) = made.notes
    assert "the document is dated 10/01/2025 (before 01/07/2025, in 2025); the file is in the " \
        "2026 folder, a year the level no longer existed: move it to the 2025 folder;" in note


def test_new_for_a_phong_of_a_huyen_in_an_earlier_folder(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    path = root / "inputs" / "2024" / "cv.yaml"
    made = make_starter("cong-van", path, today=TODAY)
    assert ngay(path) == "10/01/2024"
    assert made.notes == (
        "văn bản ghi ngày 10/01/2024, trong năm 2024 của thư mục chứa nó (không phải năm nay): "
        "sửa thành ngày ký",
    )


def test_vanthu_new_writes_into_last_years_folder_dated_in_it(tmp_path: Path) -> None:
    root = workspace(tmp_path, SO)
    year = date.today().year - 1
    path = root / "inputs" / str(year) / "cv.yaml"
    assert run("new", "cong-van", "-o", str(path)).exit_code == 0
    assert ngay(path).endswith(f"/{year}")
    assert check_warnings(path) == []
