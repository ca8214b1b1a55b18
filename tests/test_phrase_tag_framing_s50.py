"""A phrase of the office's wording (cau_chu) that is one broken tag, or one unknown field,
alone is refused framed as any invalid value is (s50).

load.validation says vanthu's own reason alone when it quotes the value it refuses ("giờ không
hợp lệ '25:70': ..."), so as not to say the value twice. The phrase checks quote a part of the
phrase (the tag vanthu cannot fill): a phrase that is that tag alone ("{{ x|upper }}") was
quoted whole by chance, and lost the "giá trị không hợp lệ:" ("invalid value:") every other
refused phrase gets. Now it keeps it, in both languages, in a file and in a form; the value is
not said again, as the reason quotes it whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.validation import validate
from pipeline.load.yaml_source import load_yaml, source_of_mapping
from pipeline.model.agency import Agency
from tests.new_office import new_office

WHOLE = ["{{ x|upper }}", "{{ khong_co }}", "{{ don_vi_soan_thao", "{% if x %}"]
REASON_VI = {"{{ khong_co }}": "câu này không có trường '{{ khong_co }}'"}
REASON_EN = {"{{ khong_co }}": "this phrase has no field '{{ khong_co }}'"}


def reason(typed: str, lang: str) -> str:
    if lang == "vi":
        return REASON_VI.get(typed, f"câu này có «{typed}», vanthu không điền được")
    return REASON_EN.get(typed, f"this phrase has «{typed}», which vanthu cannot fill")


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return new_office(tmp_path, monkeypatch)


def checked_with(office: Path, phrase: str) -> tuple[str, str, int, str]:
    """`vanthu check` of the office's plan, its profile's luu phrase `phrase`: the Vietnamese
    and English output on one line each, the phrase's line and the profile's name."""
    (profile,) = office.glob("inputs/co-quan/*.yaml")
    text = profile.read_text("utf-8")
    profile.write_text(f"{text}cau_chu:\n  luu: {json.dumps(phrase)}\n", "utf-8")
    (plan,) = office.glob("inputs/20*/ke-hoach.yaml")
    vi = CliRunner().invoke(main, ["--lang", "vi", "check", str(plan)])
    en = CliRunner().invoke(main, ["--lang", "en", "check", str(plan)])
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    assert "Lỗi nội bộ" not in vi.output
    line = len(text.splitlines()) + 2
    return " ".join(vi.output.split()), " ".join(en.output.split()), line, profile.name


@pytest.mark.parametrize("typed", WHOLE)
def test_a_phrase_that_is_one_broken_tag_is_framed(office: Path, typed: str) -> None:
    vi, en, line, profile = checked_with(office, typed)
    assert (f"{profile}, dòng {line}, trường 'cau_chu.luu': giá trị không hợp lệ: "
            f"{reason(typed, 'vi')}") in vi, vi  # fmt: skip
    assert (f"{profile}, line {line}, field 'cau_chu.luu': invalid value: "
            f"{reason(typed, 'en')}") in en, en  # fmt: skip
    # The reason quotes the phrase whole: not said a second time.
    assert "nhận được" not in vi and "(got:" not in en


@pytest.mark.parametrize("typed", ["Lưu: VT, {{ x|upper }}.", "Lưu: VT, {{ khong_co }}."])
def test_a_phrase_holding_a_broken_tag_says_it_as_before(office: Path, typed: str) -> None:
    vi, en, line, profile = checked_with(office, typed)
    tag = typed.removeprefix("Lưu: VT, ").removesuffix(".")
    assert (f"{profile}, dòng {line}, trường 'cau_chu.luu': giá trị không hợp lệ: "
            f"{reason(tag, 'vi')}") in vi, vi  # fmt: skip
    assert f"(nhận được: '{typed}')" in vi, vi
    assert f"invalid value: {reason(tag, 'en')}" in en and f"(got: '{typed}')" in en, en


def test_a_reason_quoting_the_value_itself_is_still_said_alone(tmp_path: Path) -> None:
    """vanthu's own sentence about the value as a whole keeps its words alone: the profile's
    abbreviation in lower case, quoted whole (wording.abbreviation_case)."""
    path = tmp_path / "co-quan.yaml"
    path.write_text("ten_co_quan: SỞ NỘI VỤ\nten_day_du: Sở Nội vụ\nviet_tat: snv\n"
                    "dia_danh: Sơn La\n", "utf-8")  # fmt: skip
    with pytest.raises(InputError) as caught:
        validate(Agency, load_yaml(path))
    assert caught.value.key == "data.reason_alone"
    assert (caught.value.line, caught.value.field) == (3, "viet_tat")


@pytest.mark.parametrize("typed", WHOLE)
def test_a_forms_phrase_is_framed_too(tmp_path: Path, typed: str) -> None:
    profile = {"ten_co_quan": "SỞ NỘI VỤ", "ten_day_du": "Sở Nội vụ", "viet_tat": "SNV",
               "dia_danh": "Sơn La", "cau_chu": {"luu": typed}}  # fmt: skip
    with pytest.raises(InputError) as caught:
        validate(Agency, source_of_mapping(profile, tmp_path / "co-quan.yaml"))
    error = caught.value
    assert (error.key, error.field) == ("data.invalid_value", "cau_chu.luu")
    assert error.detail("vi").startswith(f"giá trị không hợp lệ: {reason(typed, 'vi')}")
    assert error.detail("en").startswith(f"invalid value: {reason(typed, 'en')}")
