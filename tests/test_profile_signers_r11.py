"""r11a F1-F3 and the profile's recipient groups, for a Phòng GD&ĐT's week of paperwork:

- F1: a Kính gửi list of one recipient prints as one recipient, "Kính gửi: X" (Công văn, Tờ
  trình), not as a one-line list "Kính gửi: - X.".
- F2: a profile signer "TM." for a person's title ("TM. TRƯỞNG PHÒNG" for a deputy) is refused
  at the profile's line, for every type; the Quyết định warnings no longer send a clerk to
  *-ca-nhan signers the profile does not have.
- F3: a ký hiệu in mixed case (a đơn vị "GDTrH", the agency's viet_tat), which verify fails as
  so_ky_hieu.case, is refused at the profile's line before a number is taken.
- A filing line "Lưu: VT" in the profile's nhom_noi_nhan is refused as in a document's noi_nhan.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.context.addressing import kinh_gui_context
from pipeline.errors import InputError
from pipeline.i18n import t
from tests.test_recipients_typed import _example

LETTER = "2024/cv-don-doc-bao-cao-tdkt.yaml"
SUBMISSION = "2024/to-trinh-khen-thuong.yaml"
PROFILE = "co-quan/van-phong-ubnd-son-la.yaml"
DEPUTY = """\
  pho-chanh-van-phong:
    ho_ten: Lò Văn Mạnh
    chuc_vu: Phó Chánh Văn phòng
    tham_quyen: KT.
    thay_cho: Chánh Văn phòng
"""


def _kinh_gui(docx: Path) -> list[tuple[str, str]]:
    """(style, text) of the Kính gửi paragraphs of a rendered document."""
    return [
        (p.style.name, p.text) for p in Document(str(docx)).paragraphs
        if p.style is not None and p.style.name.startswith("KinhGui")
    ]  # fmt: skip


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def _profile(inputs: Path, old: str, new: str) -> Path:
    """The example profile of the copied inputs with `old` replaced by `new`; its path."""
    path = inputs / PROFILE
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


# F1 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old"),
    [
        (LETTER,
         "kinh_gui:\n  - Các phòng, ban, đơn vị thuộc Văn phòng\n  - Nhà khách Bình Minh\n"),
        (SUBMISSION, "kinh_gui: Ủy ban nhân dân tỉnh Sơn La\n"),
    ],
)  # fmt: skip
def test_a_one_item_kinh_gui_list_prints_as_one_recipient(
    tmp_path: Path, renderer, name: str, old: str
) -> None:
    path = _example(tmp_path, name, old, "kinh_gui:\n  - Hiệu trưởng Trường THCS Hát Lót\n")
    docx = renderer.render_file(path, tmp_path / "out.docx")
    assert _kinh_gui(docx) == [("KinhGui", "Kính gửi: Hiệu trưởng Trường THCS Hát Lót")]


def test_a_one_item_list_is_the_single_form_and_several_stay_a_list() -> None:
    single = {"mot": "Sở Nội vụ", "danh_sach": []}
    assert kinh_gui_context("Sở Nội vụ") == single
    assert kinh_gui_context(["Sở Nội vụ"]) == single
    assert kinh_gui_context(["- Sở Nội vụ."]) == single  # as copied from a printed list
    assert kinh_gui_context(["Sở Nội vụ", "Sở Tài chính"]) == {
        "mot": None, "danh_sach": ["Sở Nội vụ;", "Sở Tài chính."],
    }  # fmt: skip


# F2 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("document", [LETTER, SUBMISSION, "2024/qd-dieu-dong-cong-chuc.yaml"])
def test_a_deputy_signing_tm_for_the_head_s_title_is_refused_at_the_profile(
    tmp_path: Path, document: str
) -> None:
    path = _example(tmp_path, document, "nguoi_ky: ", "nguoi_ky: pho-chanh-van-phong  # ")
    profile = _profile(path.parents[1], "    tham_quyen: KT.\n", "    tham_quyen: TM.\n")
    with pytest.raises(InputError) as caught:
        load_document(path)
    error = caught.value
    assert Path(error.file) == profile
    assert error.field == "nguoi_ky.pho-chanh-van-phong.thay_cho"
    assert error.line == _line_of(profile, "thay_cho: Chánh Văn phòng")
    message = error.message()
    assert "«TM. CHÁNH VĂN PHÒNG»" in message and "tập thể" in message
    assert "tham_quyen: KT. (in «KT. CHÁNH VĂN PHÒNG»)" in message


@pytest.mark.parametrize(
    ("signer", "field", "fix"),
    [
        # The head's title of the profile itself, though no title vanthu knows by name.
        ("  truong-khoa:\n    ho_ten: A\n    chuc_vu: Trưởng khoa\n"
         "  pho-truong-khoa:\n    ho_ten: B\n    chuc_vu: Phó Trưởng khoa\n"
         "    tham_quyen: TM.\n    thay_cho: Trưởng khoa\n",
         "nguoi_ky.pho-truong-khoa.thay_cho", "tham_quyen: KT."),
        # The head signing "TM." before their own title: no authority line at all.
        ("  giam-doc:\n    ho_ten: A\n    chuc_vu: Giám đốc\n    tham_quyen: TM.\n"
         "    thay_cho: Giám đốc\n",
         "nguoi_ky.giam-doc.thay_cho", "bỏ tham_quyen và thay_cho"),
        # chuc_vu written as the lines above the name, the TM. line among them.
        ("  pho-giam-doc:\n    ho_ten: B\n    chuc_vu: [TM. Giám đốc, Phó Giám đốc]\n",
         "nguoi_ky.pho-giam-doc.chuc_vu", "viết dòng «KT. GIÁM ĐỐC»"),
    ],
)  # fmt: skip
def test_tm_for_a_person_is_refused_in_every_form(
    tmp_path: Path, inputs_copy: Path, signer: str, field: str, fix: str
) -> None:
    profile = _profile(inputs_copy, "nguoi_ky:\n", f"nguoi_ky:\n{signer}")
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / LETTER)
    assert caught.value.field == field and Path(caught.value.file) == profile
    assert fix in caught.value.message()


@pytest.mark.parametrize(
    "signer",
    [
        "    chuc_vu: Chủ tịch\n    tham_quyen: TM.\n    thay_cho: Ủy ban nhân dân\n",
        "    chuc_vu: [TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch]\n",
        "    chuc_vu: Trưởng ban\n    tham_quyen: TM.\n    thay_cho: Ban Thường vụ\n",
        "    chuc_vu: Phó Hiệu trưởng\n    tham_quyen: TM.\n    thay_cho: Ban Giám hiệu\n",
    ],
)
def test_tm_for_a_collective_body_stays(inputs_copy: Path, signer: str) -> None:
    _profile(inputs_copy, "nguoi_ky:\n", f"nguoi_ky:\n  tap-the:\n    ho_ten: A\n{signer}")
    assert load_document(inputs_copy / LETTER).info.agency.nguoi_ky["tap-the"]


def test_the_decision_warnings_name_no_ca_nhan_signer_the_profile_lacks() -> None:
    said = {"authority": "Trưởng phòng", "signer": "s", "profile": "p.yaml", "first": "TM. X",
            "title": "TRƯỞNG PHÒNG", "hint": ""}  # fmt: skip
    for key in ("data.tm_not_needed", "data.certificate_by_collective"):
        for lang in ("vi", "en"):
            assert "ca-nhan" not in t(key, lang=lang, **said)


# F3 ---------------------------------------------------------------------------------------------


def test_a_mixed_case_unit_is_refused_at_its_key_naming_the_capitals(inputs_copy: Path) -> None:
    profile = _profile(inputs_copy, "  TH:\n", "  GDTrH:\n")
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / LETTER)
    error = caught.value
    assert (Path(error.file), error.field) == (profile, "don_vi.GDTrH")
    assert error.line == _line_of(profile, "GDTrH:")
    assert "'GDTRH'" in error.message() and "so_ky_hieu.case" in error.message()


@pytest.mark.parametrize("typed", ["VPUbnd", "vpubnd"])
def test_a_mixed_case_agency_abbreviation_is_refused(inputs_copy: Path, typed: str) -> None:
    profile = _profile(inputs_copy, "viet_tat: VPUBND", f"viet_tat: {typed}")
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / LETTER)
    assert (caught.value.field, caught.value.line) == ("viet_tat", _line_of(profile, "viet_tat:"))
    assert "'VPUBND'" in caught.value.message()


def test_check_says_it_before_render_takes_a_number(
    inputs_copy: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    _profile(inputs_copy, "  TH:\n", "  GDTrH:\n")
    monkeypatch.chdir(inputs_copy.parent)
    result = CliRunner().invoke(cli, ["--lang", "en", "check", str(inputs_copy / LETTER)])
    assert result.exit_code == 1
    assert "don_vi.GDTrH" in result.output and "write 'GDTRH'" in result.output


def test_the_thu_tuong_s_own_mixed_case_abbreviation_stays(repo: Path) -> None:
    document = load_document(repo / "inputs" / "2016" / "qd-bang-khen-thu-tuong.yaml")
    assert document.info.agency.viet_tat == "TTg"


# Recipient groups of the profile ----------------------------------------------------------------


@pytest.mark.parametrize("typed", ['"Lưu: VT, TH."', "Lưu: VT", "Lưu VT, TCHCQT", '"- Lưu: VT."'])
def test_a_filing_line_in_a_recipient_group_is_refused(inputs_copy: Path, typed: str) -> None:
    profile = _profile(inputs_copy, "    - Các phòng, ban, đơn vị\n",
                       f"    - Các phòng, ban, đơn vị\n    - {typed}\n")  # fmt: skip
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / LETTER)
    error = caught.value
    assert (Path(error.file), error.field) == (profile, "nhom_noi_nhan.noi-bo[3]")
    assert error.line == _line_of(profile, f"- {typed}")
    assert "nhom_noi_nhan" in error.message() and "dòng Lưu" in error.message()


def test_a_group_recipient_named_luu_stays(inputs_copy: Path) -> None:
    _profile(inputs_copy, "    - Các phòng, ban, đơn vị\n",
             "    - Các phòng, ban, đơn vị\n    - Lưu trữ lịch sử tỉnh\n")  # fmt: skip
    agency = load_document(inputs_copy / LETTER).info.agency
    assert agency.nhom_noi_nhan["noi-bo"][-1] == "Lưu trữ lịch sử tỉnh"
