"""Leftovers of round 11 (f2):

1. Giấy mời: a one-item Kính mời or Thành phần list prints the single form ("Trân trọng kính
   mời: X.", "Thành phần: X."), as a one-item Kính gửi list does; several stay a list.
2. Running text: "- gach:[a, b]" or "- diem:a" (no space after the colon), which YAML reads
   as a paragraph, is refused at its line with the fix "- gach: [a, b]".
3. `located` lives in model.wording beside `invalid`.
4. The hoi-dong-tdkt preset takes its level from its chủ quản (or its --ten-day-du) for its
   recipient groups and words; a phòng's cấp trên is its chủ quản written in full.
5. A đơn vị key of the profile with a hyphen, space or dot ("TC-HC") is refused at its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.errors import InputError
from pipeline.i18n import set_language
from pipeline.model.blocks import DashList, PointList
from pipeline.starters.office import office_words, preset_of
from pipeline.workspace.init import OfficeAnswers, agency_profile
from pipeline.workspace.presets import kinds_for_chief_level
from tests.test_profile_signers_r11 import LETTER, _line_of, _profile
from tests.test_recipients_typed import _example
from tests.typed_docs import REPO, assert_verified, body, open_docx, render_mapping

INVITATION = REPO / "inputs" / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml"


# 1. Giấy mời: a one-item list is the single form -------------------------------------------------


def _invitation_lines(changes: dict) -> list[str]:
    return [x.text for x in body(open_docx(render_mapping(INVITATION, changes)))]


@pytest.mark.parametrize("typed", [["Ông Lê Văn Bình"], ["- Ông Lê Văn Bình;"]])
def test_a_one_item_kinh_moi_list_prints_on_the_line(typed: list[str]) -> None:
    texts = _invitation_lines({"kinh_moi": typed})
    assert "Trân trọng kính mời: Ông Lê Văn Bình." in texts
    assert "Trân trọng kính mời:" not in texts and "- Ông Lê Văn Bình." not in texts


@pytest.mark.parametrize("typed", [["Lãnh đạo Văn phòng"], ["- Lãnh đạo Văn phòng."]])
def test_a_one_item_thanh_phan_list_prints_on_the_line(typed: list[str]) -> None:
    texts = _invitation_lines({"thanh_phan": typed, "ket_thuc": None})
    # The last line closes the invitation: the single form takes the './.'.
    assert texts[-1] == "Thành phần: Lãnh đạo Văn phòng./."
    assert "Thành phần:" not in texts


def test_several_guests_and_attendees_stay_lists(tmp_path: Path) -> None:
    changes = {"kinh_moi": ["Ông A", "Bà B"], "thanh_phan": ["Lãnh đạo Văn phòng", "Khách mời"]}
    texts = _invitation_lines(changes)
    start = texts.index("Trân trọng kính mời:")
    assert texts[start + 1 : start + 3] == ["- Ông A;", "- Bà B."]
    start = texts.index("Thành phần:")
    assert texts[start + 1 : start + 3] == ["- Lãnh đạo Văn phòng;", "- Khách mời."]


def test_the_single_forms_pass_verify(tmp_path: Path) -> None:
    path = tmp_path / "gm.docx"
    path.write_bytes(render_mapping(INVITATION, {"kinh_moi": ["Ông A"], "thanh_phan": ["B"]}))
    assert_verified(path, "giay_moi")


# 2. Running text: a list YAML read as a paragraph ------------------------------------------------

FIRST_PARAGRAPH = "noi_dung:\n"


def _letter_with(tmp_path: Path, item: str) -> tuple[Path, int]:
    """The example Công văn with `item` as its first paragraph; its path and the item's line."""
    path = _example(tmp_path, LETTER, FIRST_PARAGRAPH, f"{FIRST_PARAGRAPH}{item}\n")
    line = path.read_text("utf-8").splitlines().index(item.splitlines()[0]) + 1
    return path, line


@pytest.mark.parametrize(
    ("item", "fixed"),
    [
        ("  - gach:[Hoàn thiện báo cáo, Gửi hồ sơ]", "- gach: [Hoàn thiện báo cáo, Gửi hồ sơ]"),
        ("  - diem:[a, b]", "- diem: [a, b]"),
        ("  - diem:a", "- diem: [a]"),
        ('  - "gach: [a, b]"', "- gach: [a, b]"),  # quoted: text too
        ("  - Gạch:[a]", "- gach: [a]"),
    ],
)  # fmt: skip
def test_a_list_typed_without_its_space_is_refused_at_its_line(
    tmp_path: Path, item: str, fixed: str
) -> None:
    path, line = _letter_with(tmp_path, item)
    with pytest.raises(InputError) as caught:
        load_document(path)
    error = caught.value
    assert (Path(error.file), error.line, error.field) == (path, line, "noi_dung[1]")
    assert f"«{fixed}»" in error.message("vi") and "dấu cách" in error.message("vi")


def test_the_list_refusal_speaks_english(tmp_path: Path) -> None:
    path, _ = _letter_with(tmp_path, "  - gach:[a, b]")
    set_language("en")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "write «- gach: [a, b]» (a space after the colon" in caught.value.message("en")


def test_a_list_key_spelt_with_tone_marks_is_named(tmp_path: Path) -> None:
    path, line = _letter_with(tmp_path, "  - Điểm:\n      - a\n      - b")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.line == line and "«diem:»" in caught.value.message("vi")


@pytest.mark.parametrize(
    ("item", "kind"),
    [("  - gach: [a, b]", DashList), ("  - diem: [a, b]", PointList),
     ("  - 'Ghi chú:xem phụ lục kèm theo'", str), ('  - "Điểm: 8,5 là mức đạt"', str),
     ("  - 'Thời gian:08 giờ'", str)],
)  # fmt: skip
def test_lists_and_paragraphs_with_a_colon_load(tmp_path: Path, item: str, kind: type) -> None:
    path, _ = _letter_with(tmp_path, item)
    data = load_document(path).info.data
    assert isinstance(data.noi_dung[0], kind)  # type: ignore[attr-defined]


def test_other_running_text_is_checked_too(tmp_path: Path) -> None:
    """mo_dau of a Giấy mời: the same paragraph type (model.blocks.Block)."""
    old = "mo_dau:\n"
    text = INVITATION.read_text("utf-8")
    assert old in text
    path = _example(tmp_path, "2024/giay-moi-hoi-nghi-tong-ket.yaml", old, f"{old}  - gach:[a]\n")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.field == "mo_dau[1]" and "«- gach: [a]»" in caught.value.message("vi")


# 3. located beside invalid ------------------------------------------------------------------------


def test_located_is_in_wording() -> None:
    from pipeline.model import agency, bien_ban, wording

    assert agency.located is wording.located and bien_ban.located is wording.located
    error = wording.located(("a", 1), "data.group_name_missing", "x")
    assert error.errors()[0]["loc"] == ("a", 1)


# 4. Presets: the council's level from its chủ quản; a phòng's cấp trên in full ------------------


def _answers(kieu: str, **given: str) -> OfficeAnswers:
    return OfficeAnswers(kieu=kieu, dia_danh=given.pop("dia_danh", ""), nguoi_ky="Lò Văn A",
                         **given)  # fmt: skip


@pytest.mark.parametrize(
    ("given", "chief", "full", "level"),
    [({"co_quan_chu_quan": "UBND HUYỆN MAI SƠN"}, "UBND HUYỆN MAI SƠN",
      "Ủy ban nhân dân huyện Mai Sơn", "huyện"),
     ({"co_quan_chu_quan": "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ"}, ["ỦY BAN NHÂN DÂN", "XÃ MƯỜNG BÚ"],
      "Ủy ban nhân dân xã Mường Bú", "xã"),
     # Named in running text only: the chủ quản printed is the one its name states.
     ({"ten_day_du": "Hội đồng Thi đua - Khen thưởng huyện Mai Sơn", "dia_danh": "Mai Sơn"},
      "UBND HUYỆN MAI SƠN", "Ủy ban nhân dân huyện Mai Sơn", "huyện")],
)  # fmt: skip
def test_a_council_below_the_province_speaks_of_its_own_level(
    given: dict, chief: str | list[str], full: str, level: str
) -> None:
    profile = agency_profile(_answers("hoi-dong-tdkt", **given))
    assert profile["co_quan_chu_quan"] == chief
    assert profile["nhom_noi_nhan"]["cap-tren"] == [full]
    assert "tỉnh" not in str(profile["nhom_noi_nhan"]) + profile["ten_day_du"]
    profile["nguoi_ky"] = {"chu-tich": {"ho_ten": "A", "chuc_vu": "Chủ tịch",
                                        "tham_quyen": "TM.", "thay_cho": "Hội đồng"}}  # fmt: skip
    assert preset_of(profile) is not None
    words = office_words(profile, "TĐKT", "chu-tich")
    assert words["quy"] == f"Quỹ thi đua, khen thưởng của {level}"


def test_a_province_s_council_keeps_the_central_council() -> None:
    profile = agency_profile(_answers("hoi-dong-tdkt", dia_danh="Sơn La"))
    assert profile["co_quan_chu_quan"] == "UBND TỈNH SƠN LA"
    assert profile["nhom_noi_nhan"]["cap-tren"] == [
        "Hội đồng Thi đua - Khen thưởng Trung ương", "Ủy ban nhân dân tỉnh Sơn La",
    ]  # fmt: skip
    words = office_words({**profile, "nguoi_ky": {"chu-tich": {"chuc_vu": "Chủ tịch"}}},
                         "TĐKT", "chu-tich")  # fmt: skip
    assert words["quy"] == "Quỹ thi đua, khen thưởng của tỉnh"


def test_a_council_s_chief_without_a_level_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        agency_profile(_answers("hoi-dong-tdkt", dia_danh="Mai Sơn",
                                co_quan_chu_quan="UBND MAI SƠN"))  # fmt: skip
    assert caught.value.key == "ws.chief_level_unknown"


def test_a_phong_s_cap_tren_is_its_chu_quan_in_full() -> None:
    profile = agency_profile(_answers("phong", ten_co_quan="PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
                                      viet_tat="PGDĐT", co_quan_chu_quan="UBND HUYỆN MAI SƠN"))
    assert profile["nhom_noi_nhan"]["cap-tren"] == ["Ủy ban nhân dân huyện Mai Sơn"]


def test_a_named_office_of_a_district_is_offered_the_phong_kind_only() -> None:
    assert kinds_for_chief_level("huyện") == ("phong",)


# 5. A đơn vị key is letters and digits ------------------------------------------------------------


@pytest.mark.parametrize(("typed", "fixed"), [("TC-HC", "TCHC"), ("TC.HC", "TCHC"),
                                              ('"TC HC"', "TCHC"), ("Tc-hc", "TCHC")])
def test_a_unit_key_with_a_hyphen_is_refused_at_its_line(
    inputs_copy: Path, typed: str, fixed: str
) -> None:
    profile = _profile(inputs_copy, "  TH:\n", f"  {typed}:\n")
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / LETTER)
    error = caught.value
    key = typed.strip('"')
    assert (Path(error.file), error.field) == (profile, f"don_vi.{key}")
    assert error.line == _line_of(profile, f"{typed}:")
    assert f"'{fixed}'" in error.message("vi") and "don_vi_soan_thao: TCHC" in error.message("vi")


def test_the_unit_key_refusal_speaks_english(inputs_copy: Path) -> None:
    _profile(inputs_copy, "  TH:\n", "  TC-HC:\n")
    set_language("en")
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / LETTER)
    message = caught.value.message("en")
    assert "'TC-HC' is printed after a hyphen" in message and "letters and digits only" in message
    assert "write 'TCHC', and correct don_vi_soan_thao: TCHC" in message
