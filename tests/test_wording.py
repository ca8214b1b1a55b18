"""Câu chữ as data: the phrase table, its fields, office and document overrides, list layouts."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.api import load_document
from pipeline.errors import InputError
from pipeline.rules.phrases import FIELDS, default_phrases, fill_phrase, unknown_names
from pipeline.rules.placeholders import PLACEHOLDER
from pipeline.verify import verify_file
from tests.docx_text import paragraph_texts

PROFILE = """\
ten_co_quan: [ỦY BAN NHÂN DÂN, HUYỆN MAI SƠN]
ten_day_du: Ủy ban nhân dân huyện Mai Sơn
viet_tat: UBND
dia_danh: Mai Sơn
don_vi:
  NV: {ten: Phòng Nội vụ}
nguoi_ky:
  ct:
    ho_ten: Tráng A Tủa
    chuc_vu: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]
"""

# Two awards, each with tập thể and cá nhân, cá nhân first in the sheet.
SHEET = """\
Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại
Lò Văn An,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân
Phòng Tài chính - Kế hoạch,,UBND huyện,Giấy khen,Tập thể
Cầm Thị Bình,Kế toán,Phòng Tài chính - Kế hoạch,Giấy khen,Cá nhân
Lò Thị Cúc,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân
Quàng Văn Dũng,Văn thư,Văn phòng,Lao động tiên tiến,Cá nhân
Văn phòng HĐND và UBND huyện,,UBND huyện,Tập thể lao động tiên tiến,Tập thể
"""

DECISION = """\
loai: quyet_dinh
co_quan: huyen
so: 7
ngay: {ngay}
trich_yeu: Về việc khen thưởng năm 2024
tham_quyen: Chủ tịch Ủy ban nhân dân huyện Mai Sơn
can_cu: [Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022]
theo_de_nghi: {de_nghi}
khen_thuong:
  danh_sach: ds.csv
  hanh_dong: Khen thưởng
  tieu_de_danh_sach: Tập thể, cá nhân được khen thưởng
{khen_thuong}
dieu:
  - noi_dung: Trưởng phòng Nội vụ huyện chịu trách nhiệm thi hành Quyết định này.
noi_nhan: [Như trên]
don_vi_soan_thao: NV
nguoi_ky: ct
{extra}"""


def office(
    tmp_path: Path,
    *,
    ngay: str = "20/12/2024",
    de_nghi: str = "Trưởng phòng Nội vụ",
    khen_thuong: str = "  nguon_kinh_phi: Quỹ thi đua, khen thưởng huyện",
    extra: str = "",
    profile_extra: str = "",
) -> Path:
    """An office (profile, sheet, decision) in tmp_path; the decision's path."""
    (tmp_path / "co-quan").mkdir(exist_ok=True)
    (tmp_path / "co-quan" / "huyen.yaml").write_text(PROFILE + profile_extra, "utf-8")
    (tmp_path / "ds.csv").write_text(SHEET, "utf-8")
    path = tmp_path / "qd.yaml"
    fields = {"ngay": ngay, "de_nghi": de_nghi, "khen_thuong": khen_thuong, "extra": extra}
    path.write_text(DECISION.format(**fields), "utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line
    )


# --- the phrase table -----------------------------------------------------------------------


def test_defaults_cover_every_phrase_and_name_only_their_fields() -> None:
    table = default_phrases()
    assert set(table) == set(FIELDS)
    assert all(not unknown_names(key, text) for key, text in table.items())


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("{{ a }} cho {{ b }} {{ c }} (có danh sách).", {"a": "Tặng", "b": "5 cá nhân", "c": ""},
         "Tặng cho 5 cá nhân (có danh sách)."),
        ("Lưu: VT, {{ d }}, {{ e }}.", {"d": "NV", "e": ""}, "Lưu: VT, NV."),
        ("Lưu: VT, {{ d }}, {{ e }}.", {"d": "NV", "e": "H01b"}, "Lưu: VT, NV, H01b."),
        # Values are text: braces, stars and double spaces in them print as they are.
        ("Nguồn: {{ n }}.", {"n": "Quỹ {{ x }}  **A**"}, "Nguồn: Quỹ {{ x }}  **A**."),
        # A value's closing full stop gives way to the mark after it; an abbreviation's stays.
        ("Tổng ({{ t }}).", {"t": "Hai triệu đồng."}, "Tổng (Hai triệu đồng)."),
        ("{{ t }}; {{ u }}", {"t": "Một đồng.", "u": "hai đồng."}, "Một đồng; hai đồng."),
        ("Bằng chữ: {{ t }}", {"t": "Một đồng."}, "Bằng chữ: Một đồng."),
        ("{{ p }}, {{ q }} (v.v.)", {"p": "TP.", "q": "v.v."}, "TP., v.v. (v.v.)"),
    ],
)  # fmt: skip
def test_fill_leaves_no_gap_for_an_empty_field(text: str, values: dict, expected: str) -> None:
    assert fill_phrase(text, values) == expected


def _fill_reference(text: str, values: dict) -> str:
    """The filling rule read straight off the text, field by field (fill_phrase parses once)."""
    out, position = [], 0
    for match in PLACEHOLDER.finditer(text):
        value, before = values[match[1]], text[position : match.start()]
        after = text[match.end() :]
        if not value and (not after.lstrip(" ") or after.lstrip(" ")[0] in ",.;:)"):
            before = before.rstrip(" ").rstrip(",").rstrip(" ")
        elif not value and after.startswith(" "):
            before = before.rstrip(" ")
        out += (before, value)
        position = match.end()
    return "".join(out) + text[position:]


_PIECES = st.sampled_from(["{{ a }}", "{{b}}", "{{ c }}", " ", ", ", ",", ".", ")", "x", " ;", ""])


@given(st.lists(_PIECES, max_size=8).map("".join),
       st.dictionaries(st.sampled_from("abc"), st.sampled_from(["", "v", " "])),
       st.dictionaries(st.sampled_from("abc"), st.sampled_from(["", "d"])))  # fmt: skip
def test_fill_takes_values_before_defaults(text: str, values: dict, defaults: dict) -> None:
    merged = {**defaults, **values}
    try:
        expected = _fill_reference(text, merged)
    except KeyError as missing:
        with pytest.raises(KeyError) as caught:
            fill_phrase(text, values, defaults)
        assert caught.value.args == missing.args
        return
    assert fill_phrase(text, values, defaults) == expected


def test_unknown_field_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = office(tmp_path, extra='cau_chu:\n  nhu_dieu: "Như Điều {{ dieu_cuoi }}"\n')
    with pytest.raises(InputError) as caught:
        load_document(path)
    error = caught.value
    assert error.line == line_of(path, "nhu_dieu")
    assert "dieu_cuoi" in error.message() and "{{ dieu_thi_hanh }}" in error.message()


def test_document_overrides_office_overrides_default(tmp_path: Path, renderer) -> None:
    path = office(
        tmp_path,
        profile_extra='cau_chu:\n  luu: "Lưu: Văn thư, {{ don_vi_soan_thao }}."\n'
        '  nhu_dieu: "Như Điều {{ dieu_thi_hanh }} (để thực hiện)"\n',
        extra='cau_chu:\n  nhu_dieu: ""\n',
    )
    text = paragraph_texts(renderer.render_file(path, tmp_path / "out.docx"))
    assert "- Lưu: Văn thư, NV." in text  # the office's
    assert not any(line.startswith("- Như Điều") for line in text)  # the document's: none


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Trưởng phòng Nội vụ", "Theo đề nghị của Trưởng phòng Nội vụ."),
        ("Xét đề nghị của Trưởng phòng Nội vụ,", "Xét đề nghị của Trưởng phòng Nội vụ,"),
        ("Theo đề nghị của Trưởng phòng Nội vụ", "Theo đề nghị của Trưởng phòng Nội vụ."),
    ],
)
def test_proposal_typed_whole_is_not_doubled(
    tmp_path: Path, renderer, typed: str, printed: str
) -> None:
    path = office(tmp_path, de_nghi=f'"{typed}"')
    docx = renderer.render_file(path, tmp_path / "out.docx")
    assert printed in paragraph_texts(docx)
    assert not verify_file(docx).violations


def test_verify_flags_a_doubled_opening(tmp_path: Path, renderer) -> None:
    path = office(tmp_path, extra='cau_chu:\n  theo_de_nghi: "Theo đề nghị của {{ de_nghi }}."\n',
                  de_nghi='"Trưởng phòng, Xét đề nghị"')  # fmt: skip
    docx = renderer.render_file(path, tmp_path / "ok.docx")
    assert "can_cu.doubled" not in verify_file(docx).rules
    path.write_text(
        path.read_text("utf-8").replace(
            'theo_de_nghi: "Theo đề nghị của {{ de_nghi }}."',
            'theo_de_nghi: "Theo đề nghị của Xét đề nghị của {{ de_nghi }}."',
        ),
        "utf-8",
    )
    docx = renderer.render_file(path, tmp_path / "bad.docx")
    assert "can_cu.doubled" in verify_file(docx).rules


# --- money or no money ----------------------------------------------------------------------


def test_money_field_in_a_list_without_money_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = office(
        tmp_path,
        khen_thuong="  tien_thuong: khong",
        extra='cau_chu:\n  dieu_1_danh_sach: "{{ hanh_dong }}: {{ tong_tien }} đồng."\n',
    )
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line_of(path, "dieu_1_danh_sach")
    assert "tong_tien" in caught.value.message()


def test_one_amount_field_with_several_amounts_points_at_the_office_s_line(
    tmp_path: Path,
) -> None:
    # Giấy khen and Tập thể lao động tiên tiến pay a tập thể differently: no single
    # {{ tien_tap_the }}.
    path = office(
        tmp_path,
        profile_extra='cau_chu:\n  dieu_2_mo_dau: "Mỗi tập thể {{ tien_tap_the }} đồng."\n',
    )
    with pytest.raises(InputError) as caught:
        load_document(path)
    profile = tmp_path / "co-quan" / "huyen.yaml"
    assert caught.value.file == str(profile)
    assert caught.value.line == line_of(profile, "dieu_2_mo_dau")


def test_money_needs_its_source_and_no_money_does_not(tmp_path: Path) -> None:
    path = office(tmp_path, khen_thuong="")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "tien_thuong: khong" in caught.value.message()
    office(tmp_path, khen_thuong="  tien_thuong: khong")
    load_document(tmp_path / "qd.yaml")


def test_money_refuses_a_date_its_tables_do_not_cover_saying_why(tmp_path: Path) -> None:
    path = office(tmp_path, ngay="20/12/2015")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.line == line_of(path, "ngay:")
    assert "01/10/2017" in caught.value.message()
    office(tmp_path, ngay="20/12/2015", khen_thuong="  tien_thuong: khong")
    load_document(tmp_path / "qd.yaml")


def test_yes_no_in_vietnamese(tmp_path: Path) -> None:
    path = office(tmp_path, khen_thuong="  tien_thuong: chua ro")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "'co' hoặc 'khong'" in caught.value.message()
    assert caught.value.line == line_of(path, "tien_thuong")


# --- Danh sách layouts ----------------------------------------------------------------------

LAYOUTS = list(itertools.product((True, False), ("tap_the_truoc", "ca_nhan_truoc"),
                                 ("theo_nhom", "lien_tuc")))  # fmt: skip


@pytest.mark.parametrize(("money", "order", "numbering"), LAYOUTS)
def test_every_layout_renders_and_passes_verify(
    tmp_path: Path, renderer, money: bool, order: str, numbering: str
) -> None:
    section = (
        "  nguon_kinh_phi: Quỹ thi đua, khen thưởng huyện" if money else "  tien_thuong: khong"
    )
    section += f"\n  trinh_bay: {{nhom: {order}, so_thu_tu: {numbering}}}"
    docx = renderer.render_file(office(tmp_path, khen_thuong=section), tmp_path / "out.docx")
    report = verify_file(docx)
    assert not report.violations, "\n".join(v.line("vi") for v in report.violations)
    text = paragraph_texts(docx)
    start = text.index("Đơn vị") + (2 if money else 1)
    rows = text[start:]
    headings = [line for line in rows if line.endswith(")")]
    collective_first = order == "tap_the_truoc"
    # The first kind first, within each award and across them: the award given only to that
    # kind, then the one given to both, then the one given only to the other.
    if collective_first:
        assert headings == [
            "I. TẬP THỂ LAO ĐỘNG TIÊN TIẾN (1)", "1. TẬP THỂ (1)",
            "II. GIẤY KHEN (3)", "1. TẬP THỂ (1)", "2. CÁ NHÂN (2)",
            "III. LAO ĐỘNG TIÊN TIẾN (2)", "1. CÁ NHÂN (2)",
        ]  # fmt: skip
    else:
        assert headings == [
            "I. LAO ĐỘNG TIÊN TIẾN (2)", "1. CÁ NHÂN (2)",
            "II. GIẤY KHEN (3)", "1. CÁ NHÂN (2)", "2. TẬP THỂ (1)",
            "III. TẬP THỂ LAO ĐỘNG TIÊN TIẾN (1)", "1. TẬP THỂ (1)",
        ]  # fmt: skip
    numbers = [int(line) for line in rows if line.isdigit() and len(line) < 3]
    per_group = [1, 1, 1, 2, 1, 2] if collective_first else [1, 2, 1, 2, 1, 1]
    assert numbers == (per_group if numbering == "theo_nhom" else [1, 2, 3, 4, 5, 6])
    assert ("Tổng cộng" in text) is money
    assert ("Số tiền (đồng)" in text) is money
    assert any("Tặng kèm tiền thưởng" in line for line in text) is money


# --- award names of the office --------------------------------------------------------------

ALIASES = """\
ten_khen_thuong:
  Giấy khen của Chủ tịch UBND huyện: Giấy khen
"""


def test_office_award_name_is_printed_and_paid_as_the_decree_s(tmp_path: Path, renderer) -> None:
    path = office(tmp_path, profile_extra=ALIASES)
    sheet = tmp_path / "ds.csv"
    sheet.write_text(
        sheet.read_text("utf-8").replace(",Giấy khen,", ",Giấy khen của Chủ tịch UBND huyện,"),
        "utf-8",
    )
    awards = load_document(path).info.attachments.awards
    assert awards.groups[0].award == "Giấy khen của Chủ tịch UBND huyện"
    assert awards.groups[0].entries[0].reward.award.name == "Giấy khen"
    text = paragraph_texts(renderer.render_file(path, tmp_path / "out.docx"))
    assert "I. GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN (3)" in text


def test_a_close_miss_of_an_office_name_is_suggested(tmp_path: Path) -> None:
    path = office(tmp_path, profile_extra=ALIASES)
    sheet = tmp_path / "ds.csv"
    sheet.write_text(
        sheet.read_text("utf-8").replace(",Giấy khen,", ",Giấy khen Chủ tịch UBND huyện,"),
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "Có phải là “Giấy khen của Chủ tịch UBND huyện”?" in caught.value.message()
    assert caught.value.row == 2


# --- ký hiệu, lines, messages ---------------------------------------------------------------


@pytest.mark.parametrize("abbreviation", ["TTg", "UBND", "HĐTĐKT", "VPUBND"])
def test_agency_abbreviations_as_offices_write_them(tmp_path: Path, abbreviation: str) -> None:
    path = office(tmp_path)
    profile = tmp_path / "co-quan" / "huyen.yaml"
    profile.write_text(
        profile.read_text("utf-8").replace("viet_tat: UBND", f"viet_tat: {abbreviation}"), "utf-8"
    )
    assert load_document(path).info.reference == f"07/QĐ-{abbreviation}"


def test_a_bad_abbreviation_is_explained_in_vietnamese_only(tmp_path: Path) -> None:
    path = office(tmp_path)
    profile = tmp_path / "co-quan" / "huyen.yaml"
    profile.write_text(
        profile.read_text("utf-8").replace("viet_tat: UBND", "viet_tat: UB-ND"), "utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_document(path)
    message = caught.value.message()
    assert "chữ viết tắt 'UB-ND'" in message and caught.value.line == 3
    assert "String" not in message and "Value error" not in message


def test_names_and_titles_as_lines(tmp_path: Path, renderer) -> None:
    docx = renderer.render_file(office(tmp_path), tmp_path / "out.docx")
    text = paragraph_texts(docx)
    assert text[0] == "ỦY BAN NHÂN DÂN ⏎ HUYỆN MAI SƠN"
    signature = text.index("Tráng A Tủa")
    assert text[signature - 2 : signature] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_starter_names_only_fields_an_award_phrase_has() -> None:
    from pipeline.rules.placeholders import names_in

    starter = Path(__file__).resolve().parents[1] / "pipeline" / "starters" / "quyet-dinh.yaml"
    names = names_in(starter.read_text("utf-8"))
    assert "so_tap_the" in names and "tien_ca_nhan" in names
    assert not unknown_names("dieu_1_danh_sach", [f"{{{{ {n} }}}}" for n in names])


LIBRARY_ENGLISH = ("should", "Input", "String", "Value error", "valid", "least", "List")


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("so: 7", "so: 0", "phải từ 1 trở lên"),
        ("so: 7", "so: bảy", "phải là số nguyên"),
        ("trich_yeu: Về việc khen thưởng năm 2024", 'trich_yeu: ""', "không được để trống"),
        ("noi_nhan: [Như trên]", "noi_nhan: []", "phải có ít nhất 1 mục"),
        ("noi_nhan: [Như trên]", "noi_nhan: {a: b}", "phải là danh sách"),
        (
            "  danh_sach: ds.csv",
            "  danh_sach: ds.csv\n  sap_xep: ho",
            "chỉ nhận 'don_vi' hoặc 'ten'",
        ),
        ("nguoi_ky: ct", "nguoi_ky: ct\nso_ban: 100", "phải không quá 99"),
    ],
)
def test_validation_messages_have_no_library_english(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    path = office(tmp_path)
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    message = caught.value.detail("vi")
    assert said in message, message
    assert not any(word in message for word in LIBRARY_ENGLISH), message


def test_a_year_report_counts_a_list_without_money(tmp_path: Path, renderer) -> None:
    office(tmp_path, khen_thuong="  tien_thuong: khong")
    year = tmp_path / "2024"  # a report counts the decisions of its year's folder
    year.mkdir()
    for name in ("qd.yaml", "ds.csv"):
        (tmp_path / name).rename(year / name)
    (year / "bc.yaml").write_text(
        """\
loai: bao_cao
co_quan: huyen
so: 9
ngay: 25/12/2024
nam: 2024
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2024
mo_dau: ["Ủy ban nhân dân huyện báo cáo như sau:"]
ket_thuc: Trên đây là báo cáo tổng kết năm 2024.
muc:
  - tieu_de: Kết quả
    doan: ["Đã khen thưởng {{ tong.tong }} lượt tập thể, cá nhân."]
    khoan:
      - tieu_de: Khen thưởng
        bang: [khen_thuong]
noi_nhan: [Sở Nội vụ]
don_vi_soan_thao: NV
nguoi_ky: ct
""",
        "utf-8",
    )
    text = paragraph_texts(renderer.render_file(year / "bc.yaml", tmp_path / "bc.docx"))
    assert "Đã khen thưởng 06 lượt tập thể, cá nhân." in text
