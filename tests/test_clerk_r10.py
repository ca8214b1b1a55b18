"""Findings r10a of a commune clerk (UBND xã Chiềng Mung, `vanthu init --kieu ubnd-xa`):

- F2: the Giấy khen starter is the Chủ tịch's own decision (thẩm quyền "Chủ tịch Ủy ban nhân
  dân xã ...", signer chu-tich-ca-nhan, no TM.); a Giấy khen decision signed TM. is warned.
- F6: a Kính gửi recipient listed again in Nơi nhận after "- Như trên;" (by hand or through a
  group of the profile) is warned.
- F3: `vanthu check` warns of a copy of a numbered file before render spends a number on it.
- F4: `key:value` typed without the space is said at its own line, in the catalogue's words;
  the parser's other common problems are worded too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest

from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from tests.test_daily_findings import _run, xa

__all__ = ["xa"]  # the fixture, used by name


def _year(folder: Path) -> Path:
    (year,) = folder.glob("inputs/20*")
    return year


def _set(path: Path, **fields: str) -> None:
    """Replace the value of each top-level (or khen_thuong's) `key:` line named."""
    text = path.read_text("utf-8")
    for key, value in fields.items():
        text, count = re.subn(rf"(?m)^(\s*){key}:.*$", rf"\g<1>{key}: {value}", text, count=1)
        assert count == 1, key
    path.write_text(text, "utf-8")


def _warnings(result: click.testing.Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(("Cảnh báo", "Warn"))]


# F2 ---------------------------------------------------------------------------------------------


def test_the_commune_s_giay_khen_starter_is_the_chu_tich_s_own(xa: Path, cli: click.Group) -> None:
    year = _year(xa)
    result = _run(cli, "new", "giay-khen", "-o", str(year / "giay-khen.yaml"))
    assert result.exit_code == 0, result.output
    text = (year / "quyet-dinh-giay-khen.yaml").read_text("utf-8")
    assert re.search(r"(?m)^tham_quyen: Chủ tịch Ủy ban nhân dân xã Chiềng Mung\b", text), text
    assert re.search(r"(?m)^nguoi_ky: chu-tich-ca-nhan$", text), text
    assert re.search(
        r"(?m)^  hanh_dong: Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Chiềng Mung$", text
    ), text
    checked = _run(cli, "check", str(year / "quyet-dinh-giay-khen.yaml"))
    assert checked.exit_code == 0, checked.output
    assert _warnings(checked) == [], checked.output


@pytest.mark.parametrize(
    ("kieu", "extra", "signer", "authority"),
    [
        ("ubnd-tinh", (), "chu-tich-ca-nhan", "Chủ tịch Ủy ban nhân dân tỉnh Sơn La"),
        ("hoi-dong-tdkt", (), "chu-tich-ca-nhan",
         "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh Sơn La"),
        ("so-nganh", ("--co-quan", "SỞ NỘI VỤ", "--ten-day-du", "Sở Nội vụ tỉnh Sơn La",
                      "--viet-tat", "SNV"), "giam-doc", "Giám đốc Sở Nội vụ tỉnh Sơn La"),
    ],
)  # fmt: skip
def test_every_preset_s_giay_khen_starter_is_its_head_s(
    tmp_path: Path, cli: click.Group, kieu: str, extra: tuple[str, ...], signer: str,
    authority: str,
) -> None:  # fmt: skip
    folder = tmp_path / kieu
    result = _run(cli, "init", str(folder), "--kieu", kieu, "--dia-danh", "Sơn La",
                  "--nguoi-ky", "Nguyễn Văn B", "--pho", "Lò Thị C", *extra)  # fmt: skip
    assert result.exit_code == 0, result.output
    result = _run(cli, "new", "giay-khen", "-o", str(_year(folder) / "giay-khen.yaml"))
    assert result.exit_code == 0, result.output
    target = _year(folder) / "quyet-dinh-giay-khen.yaml"
    text = target.read_text("utf-8")
    assert f"\ntham_quyen: {authority} " in text, text
    assert f"\nnguoi_ky: {signer}\n" in text, text
    assert f"\n  hanh_dong: Tặng Giấy khen của {authority}\n" in text, text


def test_a_giay_khen_decision_signed_tm_is_warned(xa: Path, cli: click.Group) -> None:
    """The starter as r10a found it: the collective body's authority, signed TM."""
    year = _year(xa)
    assert _run(cli, "new", "giay-khen", "-o", str(year / "giay-khen.yaml")).exit_code == 0
    decision = year / "quyet-dinh-giay-khen.yaml"
    _set(decision, tham_quyen="Ủy ban nhân dân xã Chiềng Mung", nguoi_ky="chu-tich",
         hanh_dong="Tặng Giấy khen")  # fmt: skip
    line = next(n for n, text in enumerate(decision.read_text("utf-8").splitlines(), start=1)
                if text.startswith("nguoi_ky:"))  # fmt: skip
    result = _run(cli, "check", str(decision))
    assert result.exit_code == 0, result.output
    (warning,) = _warnings(result)
    name = decision.relative_to(xa).as_posix()
    assert warning.startswith(f"Cảnh báo: {name}: dòng {line}, trường 'nguoi_ky': Giấy khen là "
                              "của người đứng đầu"), warning  # fmt: skip
    assert "«TM. ỦY BAN NHÂN DÂN»" in warning and "ví dụ 'chu-tich-ca-nhan'" in warning
    english = _warnings(_run(cli, "check", str(decision), lang="en"))
    assert len(english) == 1 and "a Giấy khen is its giver's own award" in english[0]


# F6 ---------------------------------------------------------------------------------------------


def _letter(cli: click.Group, folder: Path, kinh_gui: list[str], noi_nhan: list[str]) -> Path:
    path = _year(folder) / "cv.yaml"
    assert _run(cli, "new", "cong-van", "-o", str(path)).exit_code == 0
    text = path.read_text("utf-8")
    text = re.sub(r"(?ms)^kinh_gui:[^\n]*\n(  - .*?\n)+", "kinh_gui:\n" + "".join(
        f"  - {name}\n" for name in kinh_gui), text)  # fmt: skip
    text = re.sub(r"(?ms)^noi_nhan:[^\n]*\n(  - .*?\n)+", "noi_nhan:\n" + "".join(
        f"  - {line}\n" for line in noi_nhan), text)  # fmt: skip
    path.write_text(text, "utf-8")
    return path


def test_a_kinh_gui_recipient_again_after_nhu_tren_is_warned(xa: Path, cli: click.Group) -> None:
    letter = _letter(cli, xa, ["Sở Nội vụ", "Sở Tài chính tỉnh Sơn La"],
                     ["sở tài chính tỉnh  Sơn La;", "{nhom: cap-tren}", "TT Đảng ủy xã"])
    lines = letter.read_text("utf-8").splitlines()
    at = {text.strip(): n for n, text in enumerate(lines, start=1)}
    result = _run(cli, "check", str(letter))
    assert result.exit_code == 0, result.output
    name = letter.relative_to(xa).as_posix()
    assert _warnings(result) == [
        f"Cảnh báo: {name}: dòng {at['- sở tài chính tỉnh  Sơn La;']}, trường 'noi_nhan[1]': "
        f"'sở tài chính tỉnh  Sơn La;' đã có ở Kính gửi (dòng {at['- Sở Tài chính tỉnh Sơn La']}, "
        "trường 'kinh_gui[2]'), mà dòng «- Như trên;» đầu Nơi nhận đã gồm mọi nơi ở Kính gửi: "
        "văn bản sẽ gửi nơi ấy hai lần; hãy bỏ dòng này ở Nơi nhận",
        f"Cảnh báo: {name}: dòng {at['- {nhom: cap-tren}']}, trường 'noi_nhan[2]': 'Sở Nội vụ' "
        "(trong nhóm 'cap-tren' của hồ sơ cơ quan) đã có ở Kính gửi (dòng "
        f"{at['- Sở Nội vụ']}, trường 'kinh_gui[1]'), mà dòng «- Như trên;» đầu Nơi nhận đã gồm "
        "mọi nơi ở Kính gửi: văn bản sẽ gửi nơi ấy hai lần; hãy ghi các nơi khác của nhóm "
        "'cap-tren' thay cho nhóm",
    ], result.output


def test_without_nhu_tren_kinh_gui_and_noi_nhan_may_name_one_office(
    xa: Path, cli: click.Group
) -> None:
    """An office whose Nơi nhận opens with no "Như trên" (câu chữ nhu_tren: "") names its
    Kính gửi recipients in Nơi nhận themselves."""
    letter = _letter(cli, xa, ["Sở Nội vụ", "Sở Tài chính"], ["Sở Tài chính", "Sở Nội vụ"])
    letter.write_text(letter.read_text("utf-8") + 'cau_chu:\n  nhu_tren: ""\n', "utf-8")
    result = _run(cli, "check", str(letter))
    assert result.exit_code == 0, result.output
    assert _warnings(result) == [], result.output


# F3 ---------------------------------------------------------------------------------------------


def test_check_warns_of_a_copy_of_a_numbered_file(xa: Path, cli: click.Group) -> None:
    year = _year(xa)
    plan = year / "ke-hoach.yaml"
    _set(plan, so="tu_dong")
    rendered = _run(cli, "render", str(plan))
    assert rendered.exit_code == 0, rendered.output
    copy = year / "kh-copy.yaml"
    shutil.copy(plan, copy)
    result = _run(cli, "check", str(copy), str(plan))
    assert result.exit_code == 0, result.output
    (warning,) = _warnings(result)
    assert warning.startswith(
        f"Cảnh báo: {copy.relative_to(xa).as_posix()}: văn bản giống hệt số 01/KH-UBND "
    ), warning
    assert "[inputs/" in warning and "tệp được chép mà chưa sửa?" in warning
    # Read only: the copy holds no number yet, and render gives it the next one.
    rendered = _run(cli, "render", str(copy))
    assert rendered.exit_code == 0 and "02/KH-UBND" in rendered.output, rendered.output
    # Once it holds its own number, check says nothing new: render keeps that number.
    assert _warnings(_run(cli, "check", str(copy))) == []
    _set(copy, trich_yeu="Kế hoạch khác")
    assert _warnings(_run(cli, "check", str(copy))) == []


# F4 ---------------------------------------------------------------------------------------------


def _yaml_error(tmp_path: Path, text: str) -> InputError:
    path = tmp_path / "q.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "typed"),
    [
        ("loai: quyet_dinh\nso:\ntrich_yeu:Về việc điều động công chức\ntham_quyen: X\n",
         3, "trich_yeu:Về việc điều động công chức"),
        ("loai: quyet_dinh\nso_ban:1\n", 2, "so_ban:1"),
        ("khen_thuong:\n  danh_sach:ds.csv\n  hanh_dong: Tặng\nso: 1\n", 2, "danh_sach:ds.csv"),
        ("loai: x\ntheo_de_nghi:Chánh Văn phòng\n  HĐND và UBND\n  xã\nso: 1\n", 2,
         "theo_de_nghi:Chánh Văn phòng"),
    ],
)  # fmt: skip
def test_a_key_without_its_space_is_said_at_its_line(
    tmp_path: Path, text: str, line: int, typed: str
) -> None:
    error = _yaml_error(tmp_path, text)
    key, value = typed.split(":", 1)
    assert error.key == "data.yaml_key_space" and error.line == line
    assert error.detail("vi") == (f"lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm của khóa "
                                  f"'{key}': «{typed}» → «{key}: {value}»")  # fmt: skip
    assert "a space is missing after the colon" in error.detail("en")


def test_a_long_value_is_cut_at_a_word(tmp_path: Path) -> None:
    error = _yaml_error(tmp_path, "trich_yeu:Về việc điều động công chức văn phòng xã\nso: 1\n")
    assert error.detail("vi").endswith("«trich_yeu:Về việc điều động công chức…» → "
                                       "«trich_yeu: Về việc điều động công chức…»")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("a:\n  - x\n  y\nb: 1\n", "không tìm thấy dấu hai chấm của khóa", "a key's colon is"),
        ("a: 1\n---\nb: 2\n", "dòng '---' hoặc '...'", "a '---' or '...' line"),
        ('a: "x\\q"\n', "dấu '\\' bắt đầu một ký tự đặc biệt", "starts a special character"),
        ("a: &\n", "bắt đầu bằng '&' hoặc '*'", "starts with '&' or '*'"),
    ],
)  # fmt: skip
def test_the_parser_s_problems_are_worded(tmp_path: Path, text: str, vi: str, en: str) -> None:
    error = _yaml_error(tmp_path, text)
    assert error.key == "data.yaml_syntax"
    assert error.detail("vi").startswith("lỗi cú pháp YAML (") and vi in error.detail("vi")
    assert en in error.detail("en")
    assert not re.search(r"\b(expected|found|could not)\b", error.detail("vi"))
