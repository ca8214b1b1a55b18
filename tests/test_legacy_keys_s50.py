"""A mapping's key typed with a legacy font (TCVN3, VNI) is refused as a value is (s50).

The agency profile's khen_thuong_rieng (an office's own awards) and ten_khen_thuong (its names
for a decree's) are keyed by award names a clerk types, printed as typed. The YAML reader
passed every text value through the legacy check but never a key: "ChiÕn sÜ thi ®ua", pasted
from an old .VnTime document, was taken as the name of an award and would print garbled. Now
a key is refused at its own line, in the field of its mapping, with the message and the
suggestion a value gets (once no value is refused: those are said first, as before); in a
file, in either parser's reading, and in a form's mapping.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.yaml_source import (
    Source,
    _FastBuilder,
    _slow_load,
    load_yaml,
    refuse_legacy_text,
    source_of_mapping,
)
from pipeline.text.legacy import TCVN3, VNI, encode_legacy
from tests.new_office import new_office

AWARD = "Chiến sĩ thi đua"
TCVN3_AWARD = encode_legacy(AWARD, TCVN3).decode("latin-1")  # "ChiÕn sÜ thi ®ua"
# TCVN3's ư is byte 0xAD, a soft hyphen as Latin-1: kept by the text gate for this check.
GOOD_DEED = "Người tốt việc tốt"
TCVN3_GOOD_DEED = encode_legacy(GOOD_DEED, TCVN3).decode("latin-1")
VNI_AWARD = encode_legacy(AWARD, VNI).decode("cp1252")
OWN_SOURCE = "Quy chế thi đua, khen thưởng của Sở"


def own_awards(name: str) -> str:
    return (
        "khen_thuong_rieng:\n"
        f"  {json.dumps(name, ensure_ascii=False)}:\n"
        "    ca_nhan: 500000\n"
        f"    nguon: {OWN_SOURCE}\n"
    )


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    return caught.value


@pytest.mark.parametrize(("typed", "meant"), [(TCVN3_AWARD, AWARD),
                                              (TCVN3_GOOD_DEED, GOOD_DEED)])  # fmt: skip
def test_an_own_award_typed_in_tcvn3_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, meant: str
) -> None:
    office = new_office(tmp_path, monkeypatch)
    (profile,) = office.glob("inputs/co-quan/*.yaml")
    text = profile.read_text("utf-8")
    profile.write_text(text + own_awards(typed), "utf-8")
    line = len(text.splitlines()) + 2
    (plan,) = office.glob("inputs/20*/ke-hoach.yaml")
    vi = CliRunner().invoke(main, ["--lang", "vi", "check", str(plan)])
    en = CliRunner().invoke(main, ["--lang", "en", "check", str(plan)])
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    assert (f"{profile.name}, dòng {line}, trường 'khen_thuong_rieng': văn bản có vẻ gõ bằng "
            f"bảng mã TCVN3 (ABC) (phông .VnTime) dán vào; hãy chuyển sang Unicode, ví dụ: "
            f"«{meant}»") in " ".join(vi.output.split()), vi.output  # fmt: skip
    assert (f"line {line}, field 'khen_thuong_rieng': the text looks like TCVN3 (ABC) (a "
            f".VnTime font) pasted in; convert it to Unicode, e.g. «{meant}»"
            ) in " ".join(en.output.split()), en.output  # fmt: skip


@pytest.mark.parametrize("typed", [TCVN3_AWARD, VNI_AWARD])
def test_a_key_says_what_the_same_text_as_a_value_says(tmp_path: Path, typed: str) -> None:
    as_key = tmp_path / "key.yaml"
    as_key.write_text("ten_co_quan: SỞ NỘI VỤ\n" + own_awards(typed), "utf-8")
    as_value = tmp_path / "value.yaml"
    as_value.write_text(f"ten_co_quan: SỞ NỘI VỤ\nkhen_thuong_rieng: {json.dumps(typed)}\n",
                        "utf-8")  # fmt: skip
    key, value = refused(as_key), refused(as_value)
    assert (key.key, key.line, key.field) == (value.key, 3, "khen_thuong_rieng")
    assert key.params == value.params
    for lang in ("vi", "en"):
        assert key.detail(lang) == value.detail(lang)
    assert key.params["fixed"] == AWARD


@pytest.mark.parametrize("mapping", ["ten_khen_thuong", "nguoi_ky", "nhom_noi_nhan"])
def test_every_mapping_with_typed_keys_is_checked(tmp_path: Path, mapping: str) -> None:
    """The profile's other mappings keyed by what a clerk types (an office's award names, its
    signers' and groups' names), and any other: the reader does not know which key is a name."""
    path = tmp_path / "co-quan.yaml"
    path.write_text(f"viet_tat: SNV\n{mapping}:\n  {TCVN3_AWARD}: x\n", "utf-8")
    error = refused(path)
    assert (error.key, error.line, error.field) == ("data.legacy_text", 3, mapping)
    assert error.params["fixed"] == AWARD


def test_a_top_level_key_is_said_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"loai: ke_hoach\n{TCVN3_AWARD}: x\n", "utf-8")
    error = refused(path)
    assert (error.key, error.line, error.field) == ("data.legacy_text", 2, None)


def test_a_legacy_value_is_named_before_a_key(tmp_path: Path) -> None:
    """A file with legacy values is told about them as before (the first in the data's
    order), wherever its legacy keys stand; then, once they are mended, its keys."""
    legacy_value = encode_legacy("Sở Nội vụ", TCVN3).decode("latin-1")
    key_first = tmp_path / "key.yaml"
    key_first.write_text(own_awards(TCVN3_AWARD) + f"ten_day_du: {legacy_value}\n", "utf-8")
    assert (refused(key_first).line, refused(key_first).field) == (5, "ten_day_du")
    key_first.write_text(own_awards(TCVN3_AWARD) + "ten_day_du: Sở Nội vụ\n", "utf-8")
    assert (refused(key_first).line, refused(key_first).field) == (2, "khen_thuong_rieng")


def test_a_legacy_key_alone_sends_the_fast_reader_to_the_check(tmp_path: Path) -> None:
    """The fast reader looks at each key as it reads it, as at each value: a file whose only
    legacy text is a key is walked for it (maybe_legacy), not taken as clean."""
    text = "ten_co_quan: SỞ NỘI VỤ\n" + own_awards(TCVN3_AWARD)
    builder = _FastBuilder(tmp_path / "x.yaml", text)
    builder.build()
    assert builder.maybe_legacy


def test_the_slow_reader_checks_keys_too(tmp_path: Path) -> None:
    """A file the fast reader gives up on is read by ruamel (_slow_load) and always walked for
    legacy text (load_yaml): its keys are looked at the same, at their lines."""
    path = tmp_path / "x.yaml"
    text = "ten_co_quan: SỞ NỘI VỤ\n" + own_awards(TCVN3_AWARD)
    data, lines = _slow_load(path, text)
    with pytest.raises(InputError) as caught:
        refuse_legacy_text(Source(path, data, lines), text)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.legacy_text", 3, "khen_thuong_rieng")


def test_a_forms_key_is_checked(tmp_path: Path) -> None:
    data = {"loai": "ke_hoach", "khen_thuong_rieng": {TCVN3_AWARD: {"nguon": "Quy chế"}}}
    with pytest.raises(InputError) as caught:
        source_of_mapping(data, tmp_path / "bieu-mau.yaml")
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.legacy_text", None, "khen_thuong_rieng")
    assert error.params["fixed"] == AWARD


@pytest.mark.parametrize("name", [AWARD, GOOD_DEED, "Lao động giỏi", "Học sinh Xuất sắc"])
def test_unicode_keys_pass(tmp_path: Path, name: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("ten_co_quan: SỞ NỘI VỤ\n" + own_awards(name), "utf-8")
    source = load_yaml(path)
    assert list(source.data["khen_thuong_rieng"]) == [name]
    # Values only, as texts() always listed them.
    assert [text for _, text in source.texts()] == ["SỞ NỘI VỤ", OWN_SOURCE]
