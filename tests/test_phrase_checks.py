"""Câu chữ refused when loaded: broken tags, required phrases left empty, a doubled authority line.

Each is refused like an unknown field: the file, the line and the key, in the user's language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.errors import InputError
from pipeline.i18n import set_language
from pipeline.rules.phrases import FIELDS, REQUIRED, broken_tags, default_phrases, empty_required
from pipeline.rules.placeholders import stray_tags
from tests.docx_text import paragraph_texts
from tests.test_award_named import DECISION as AWARD_DECISION
from tests.test_wording import PROFILE  # the same UBND huyện

SIGNER_LINES = "    chuc_vu: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]\n"
SIGNER_KEYS = "    chuc_vu: Chủ tịch\n    tham_quyen: TM.\n    thay_cho: Ủy ban nhân dân\n"

SHEET = """\
Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại
Lò Văn An,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân
Cầm Thị Bình,Kế toán,Phòng Nội vụ,Lao động tiên tiến,Cá nhân
"""

# The UBND huyện's award decision of tests/test_award_named, with its money's source.
DECISION = AWARD_DECISION.format(
    hanh_dong="Khen thưởng",
    khen_thuong="  nguon_kinh_phi: Quỹ thi đua, khen thưởng huyện",
    extra="{extra}",
)


def office(tmp_path: Path, *, profile: str = "", document: str = "", signer: str = "") -> Path:
    """A profile, a list and a decision in tmp_path; the decision's path."""
    (tmp_path / "co-quan").mkdir(exist_ok=True)
    text = PROFILE.replace(SIGNER_LINES, signer or SIGNER_LINES) + profile
    (tmp_path / "co-quan" / "huyen.yaml").write_text(text, "utf-8")
    (tmp_path / "ds.csv").write_text(SHEET, "utf-8")
    path = tmp_path / "qd.yaml"
    path.write_text(DECISION.format(extra=document), "utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line
    )


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_document(path)
    return caught.value


def refused_in_profile(tmp_path: Path, needle: str, **written: str) -> str:
    """The message `office(tmp_path, **written)` is refused with, checked to name the
    profile's line holding `needle`."""
    error = refused(office(tmp_path, **written))
    profile = tmp_path / "co-quan" / "huyen.yaml"
    assert Path(str(error.file)) == profile and error.line == line_of(profile, needle)
    return error.message()


# --- the checks themselves ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Xét đề nghị của {{ de_nghi }}.", []),
        ("{{ a }}, {{ b.c }} và {{d}}", []),
        ("{ một cặp ngoặc đơn } là chữ", []),
        ("Xét đề nghị của {{ de_nghi }.", ["{{ de_nghi }."]),
        ("Xét đề nghị của {{ de_nghi|upper }}.", ["{{ de_nghi|upper }}"]),
        ("Xét {% if de_nghi %}{{ de_nghi }}{% endif %}.", ["{% if de_nghi %}", "{% endif %}"]),
        ("Xét {# ghi chú #} đề nghị", ["{# ghi chú #}"]),
        ("Xét de_nghi }} đề nghị", ["}}"]),
        ("{{ a }} rồi {{ b", ["{{ b"]),
    ],
)
def test_stray_tags_are_what_is_not_a_plain_field(text: str, pieces: list[str]) -> None:
    assert stray_tags(text) == pieces


def test_defaults_have_no_broken_tag_and_write_every_required_phrase() -> None:
    table = default_phrases()
    assert set(REQUIRED) <= set(FIELDS)
    for key, text in table.items():
        assert not broken_tags(text), key
        assert empty_required(key, text) is None, key


def test_phrases_documented_as_droppable_may_be_empty() -> None:
    for key in ("nhu_dieu", "nhu_tren", "dieu_2_muc"):
        assert empty_required(key, "") is None
    assert empty_required("dieu_1_danh_sach", "  ") == "empty_article"
    assert empty_required("luu", "") == "lone_dash"


# --- refused at load, at the phrase's line --------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "shown"),
    [
        ('"Xét đề nghị của {{ de_nghi }."', "{{ de_nghi }."),
        ('"Xét đề nghị của {{ de_nghi|upper }}."', "{{ de_nghi|upper }}"),
        ('"Xét đề nghị của {% if de_nghi %}{{ de_nghi }}{% endif %}."', "{% if de_nghi %}"),
    ],
)
def test_a_broken_tag_in_the_office_s_phrase_is_refused_at_its_line(
    tmp_path: Path, phrase: str, shown: str
) -> None:
    message = refused_in_profile(
        tmp_path, "theo_de_nghi", profile=f"cau_chu:\n  theo_de_nghi: {phrase}\n"
    )
    assert "cau_chu.theo_de_nghi" in message
    assert f"«{shown}»" in message
    assert "{{ ten_truong }}" in message and "{{ de_nghi }}" in message


def test_a_broken_tag_in_the_document_s_phrase_is_refused_in_english(tmp_path: Path) -> None:
    path = office(tmp_path, document='cau_chu:\n  nhu_dieu: "Như Điều {{ dieu_thi_hanh }"\n')
    set_language("en")
    try:
        error = refused(path)
        message = error.message()
    finally:
        set_language("vi")
    assert Path(str(error.file)) == path and error.line == line_of(path, "nhu_dieu")
    assert "would print as it is" in message and "{{ field_name }}" in message


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("dieu_1_danh_sach", "Điều ..."),
        ("dieu_1_co_ten", "Điều ..."),
        ("dieu_2_mo_dau", "Điều ..."),
        ("luu", "«-»"),
        ("dong_co_ten_mot_loai", "«-»"),
        ("theo_de_nghi", "bỏ mất"),
        ("cot_ten", "tên cột"),
    ],
)
def test_a_required_phrase_left_empty_is_refused_naming_the_default(
    tmp_path: Path, key: str, says: str
) -> None:
    message = refused_in_profile(tmp_path, f"{key}:", profile=f'cau_chu:\n  {key}: ""\n')
    assert f"cau_chu.{key}" in message and says in message
    assert str(default_phrases()[key]) in message


def test_a_droppable_phrase_left_empty_still_drops_its_line(tmp_path: Path, renderer) -> None:
    path = office(tmp_path, document='cau_chu:\n  nhu_dieu: ""\n')
    text = paragraph_texts(renderer.render_file(path, tmp_path / "out.docx"))
    assert not any(line.startswith("- Như Điều") for line in text)
    assert any(line.startswith("- Lưu: VT") for line in text)


# --- the signer's authority line, once ------------------------------------------------------


def test_authority_in_chuc_vu_lines_and_in_tham_quyen_is_refused_at_tham_quyen(
    tmp_path: Path,
) -> None:
    signer = "    chuc_vu: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]\n    tham_quyen: TM.\n"
    signer += "    thay_cho: Ủy ban nhân dân\n"
    message = refused_in_profile(tmp_path, "tham_quyen", signer=signer)
    assert "nguoi_ky.ct.tham_quyen" in message and "«TM. ỦY BAN NHÂN DÂN»" in message


@pytest.mark.parametrize(
    ("signer", "above_name"),
    [
        (SIGNER_LINES, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (SIGNER_KEYS, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (  # a title on two lines of its own, under the profile's authority
            "    chuc_vu: [Phó Chủ tịch, thường trực]\n    tham_quyen: KT.\n"
            "    thay_cho: Chủ tịch\n",
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THƯỜNG TRỰC"],
        ),
    ],
)
def test_each_way_of_writing_the_signer_prints_the_authority_once(
    tmp_path: Path, renderer, signer: str, above_name: list[str]
) -> None:
    docx = renderer.render_file(office(tmp_path, signer=signer), tmp_path / "out.docx")
    text = paragraph_texts(docx)
    name = text.index("Tráng A Tủa")
    assert text[name - len(above_name) : name] == above_name
    assert text[name - len(above_name) - 1] != above_name[0]


def test_check_command_names_the_profile_line_and_key_without_traceback(
    tmp_path: Path, cli
) -> None:
    from click.testing import CliRunner

    path = office(tmp_path, profile='cau_chu:\n  luu: ""\n')
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    profile = tmp_path / "co-quan" / "huyen.yaml"
    line = line_of(profile, "luu:")
    assert f"{profile}, dòng {line}, trường 'cau_chu.luu'" in result.output
    assert "Traceback" not in result.output
