"""Names of the Central Highlands typed with a legacy font are refused as other legacy text is
(round s52); the same names in Unicode, foreign names, English words and codes are not.

The legacy check decodes suspect text and asks whether the result reads as Vietnamese
syllables. The names of the Central Highlands and of other minority peoples do not, to the rules
of chính tả: "Đắk" ends in k, "Krông" and "Kdăm" open on two consonants, "Niê" is a rhyme no
Vietnamese word has, "M'gar" a consonant and an apostrophe before a syllable ending in r. So a
unit of Đắk Lắk typed with a .VnTime font ("§¾k L¾k", "Kr«ng Bók") or a VNI-Times
font ("Ñaék Laék", "Kroâng Paéc") passed into a document as mojibake, and a Unicode "Krông"
(whose "ô" VNI reads as "ơ") even hid the legacy words beside it. The detector now reads a name's
syllables too (pipeline.text.syllables.is_name_syllable): as words when they are typed, as
readings when a legacy code gives them. A name's shapes are looser than a syllable's, so they
take no tone but sắc or nặng before a final stop ("Đắk", "Jút"; a toned "kỏng" is the Cantonese
"Káng", "wãh" the watt-hour "W·h"), and a name's reading alone is evidence only with TCVN3's
symbols in it or spelt as only VNI explains ("Kroâng"), never by its letters alone (the German
"Jän" would read as TCVN3 "jọn").

What stays unflagged, as no detector can tell: names all in ASCII ("Kon Tum", "Ia Grai", "Ea
H'leo") are the same bytes in every code, nothing to convert; a legacy word beside a name's word
that is no syllable of either kind ("Kroâng Ana" alone, VNI: "Ana" is two syllables written as
one word) is too little evidence, as it was for "Phan Hïng" beside a foreign word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale, localedata
from click.testing import CliRunner
from docx import Document
from openpyxl import Workbook

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.yaml_source import load_yaml
from pipeline.text.legacy import (
    TCVN3,
    VNI,
    decode_legacy,
    encode_legacy,
    legacy_encodings,
    suggested_unicode,
)
from pipeline.text.syllables import WORD, is_name_syllable, is_syllable

# The names of the report, each with a letter beyond ASCII, and names all in ASCII.
NAMES = [
    "Đắk Lắk", "Đắk Nông", "Krông Pắc", "Buôn Ma Thuột", "Cư M'gar", "Chư Păh", "Đăk Glei",
    "Y Ngông Niê Kdăm", "H'Hen Niê", "Đak Đoa", "Kon Plông", "Kông Chro", "M'Đrắk", "Đắk R'lấp",
]  # fmt: skip
ASCII_NAMES = ["Ea H'leo", "Kon Tum", "Ia Grai", "Mang Yang", "Ea Kar"]

# Units as an office of Đắk Lắk writes them: a decision's Điều 1 and Nơi nhận, a list's "Đơn vị".
UNITS = [
    "Ủy ban nhân dân huyện Krông Pắc",
    "Phòng Nội vụ huyện Cư M'gar",
    "Trường Tiểu học Y Jút, xã Ea Tul, huyện Cư M'gar",
    "Hội Liên hiệp Phụ nữ huyện Đắk Mil, tỉnh Đắk Nông",
    "Ban Chỉ huy Quân sự huyện Chư Păh",
    "Trung tâm Y tế huyện Đăk Glei",
    "UBND thị trấn Buôn Trấp, huyện Krông Ana",
    "Phòng Giáo dục và Đào tạo thành phố Buôn Ma Thuột",
    "Chi cục Thuế khu vực Krông Búk - Ea H'leo",
    "Đồn Biên phòng Ia H'Drai",
    "Xã Ea Kiết, huyện Cư M'gar, tỉnh Đắk Lắk",
]

# The brief's foreign names and codes, and more of their kind, alone and beside the names.
FOREIGN = [
    "Müller", "Zoë", "Heß", "José", "François", "QĐ-UBND", "TT-BNV", "ISO 9001", "ISO 9001:2015",
    "Số 12/QĐ-UBND", "Jürgen Groß", "Chloé Dubois", "Noël", "Björk", "Ångström", "Tromsø",
    "Düsseldorf", "Peña", "São Tomé", "Kühn", "Brühl", "Dräger", "Gödel", "10 µm", "5 kW·h",
    "25 °C", "© 2024 Sở Nội vụ", "«Đắk Lắk»", "Ông Müller (Đức) thăm huyện Krông Pắc",
    "Bà Zoë Heß, Công ty Krông Pắc GmbH", "José Martí và Y Ngông Niê Kdăm", "Café Buôn Ma Thuột",
    "Hotel Đắk Lắk – Pleiku – Kon Tum", "Đắk Lắk, ISO 9001:2015, QĐ-UBND",
]  # fmt: skip


def shown(text: str, encoding: str) -> str:
    """`text` typed in a legacy code, as Word or Excel shows its bytes (Windows-1252)."""
    return encode_legacy(text, encoding).decode("cp1252")


# --- what a name's syllable is ------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    "đắk lắk đak đăk búk đrắk krông plông kông kdăm păh pưh niê glei gar kar mil kon jút".split(),
)
def test_a_name_s_syllable_is_no_vietnamese_syllable_but_a_name_s(word: str) -> None:
    assert is_name_syllable(word) and not is_syllable(word)


def test_a_vietnamese_syllable_is_a_name_s_too() -> None:
    words = "sở nghiêng quỳnh thuột buôn nông pắc hòa ủy".split()
    assert all(is_syllable(word) and is_name_syllable(word) for word in words)


@pytest.mark.parametrize(
    "word",
    [
        "héi",  # TCVN3's "hội" as typed: a name's open rhyme takes no tone
        "kỏng",  # the Cantonese "Káng" read as TCVN3: k before o, toned
        "wãh",  # the watt-hour "W·h" read as TCVN3
        "jãm",  # "J·m"
        "đàk",  # a final k takes sắc or nặng only
        "ubnd", "müller", "zoë", "heß", "josé", "françois", "black", "pleiku", "ana",
    ],
)  # fmt: skip
def test_what_no_name_s_syllable_is(word: str) -> None:
    assert not is_name_syllable(word)


# --- legacy forms refused -----------------------------------------------------------------------


@pytest.mark.parametrize("case", [str, str.upper], ids=["as-written", "upper"])
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("name", NAMES)
def test_a_highlands_name_typed_with_a_legacy_font_is_refused(
    name: str, encoding: str, case: object
) -> None:
    assert callable(case)
    typed = shown(case(name), encoding)
    assert typed != case(name)
    assert encoding in legacy_encodings(typed), typed
    # "Cö M'gar" reads as Vietnamese in both codes (TCVN3 "Cử", VNI "Cư"): both readings shown.
    assert case(name) in suggested_unicode(typed, encoding)


@pytest.mark.parametrize("case", [str, str.upper], ids=["as-written", "upper"])
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("unit", UNITS)
def test_a_unit_typed_with_a_legacy_font_is_refused_with_its_unicode(
    unit: str, encoding: str, case: object
) -> None:
    assert callable(case)
    typed = shown(case(unit), encoding)
    assert legacy_encodings(typed) == (encoding,), typed
    # TCVN3 has no toned capitals (.VnTimeH typed them): "Ủy" comes back as "ủy".
    assert suggested_unicode(typed, encoding).casefold() == unit.casefold()


def test_the_brief_s_tcvn3_examples_read_as_their_names() -> None:
    for typed, name in [("§¾k L¾k", "Đắk Lắk"), ("Kr«ng P¾c", "Krông Pắc"),
                        ("Bu«n Ma Thuét", "Buôn Ma Thuột")]:  # fmt: skip
        assert legacy_encodings(typed) == (TCVN3,)
        assert suggested_unicode(typed, TCVN3) == name


def test_a_unicode_name_no_longer_hides_the_legacy_words_beside_it() -> None:
    """A half-converted unit: "Krông" in Unicode, no Vietnamese syllable, was taken for a
    foreign word, and one foreign word keeps a text from being legacy."""
    typed = "Phßng Néi vô huyÖn Krông Năng"
    assert legacy_encodings(typed) == (TCVN3,)
    assert decode_legacy(typed, TCVN3) == "Phòng Nội vụ huyện Krông Năng"


# --- good forms accepted ------------------------------------------------------------------------


@pytest.mark.parametrize("text", NAMES + ASCII_NAMES + UNITS)
def test_highlands_names_and_units_in_unicode_are_never_flagged(text: str) -> None:
    for form in (text, text.upper(), text.lower()):
        assert legacy_encodings(form) == (), form


def test_names_all_in_ascii_are_the_same_in_every_code() -> None:
    for name in ASCII_NAMES:
        assert shown(name, TCVN3) == shown(name, VNI) == name


def test_slips_of_the_shift_key_in_a_unicode_name_are_not_taken_for_legacy() -> None:
    """A slip in Unicode text ("KrÔng Bông") is no legacy name, as "Trưởng thÔn" is no legacy
    text (round s51), unless a font shows the name so."""
    texts = [*NAMES, "Krông Bông", "Krông Nô", "Krông Năng", "Ea Knốp"]
    slips = [
        text[:index] + text[index].swapcase() + text[index + 1 :]
        for text in texts
        for index in range(1, len(text))
        if text[index].isalpha() and text[index - 1].isalpha()
    ]
    legacy = {shown(case(text), code) for text in texts for code in (TCVN3, VNI)
              for case in (str, str.upper)}  # fmt: skip
    assert [slip for slip in slips if slip not in legacy and legacy_encodings(slip)] == []


@pytest.mark.parametrize("text", FOREIGN)
def test_foreign_names_codes_and_measures_are_not_flagged(text: str) -> None:
    for form in (text, text.upper(), text.lower()):
        assert legacy_encodings(form) == (), form


def _cldr_texts() -> list[str]:
    """Names of languages and territories, months and days, written in Latin letters, in every
    locale of CLDR (Babel's data) but Vietnamese: foreign words with Latin-1 letters by the
    thousand."""
    texts: set[str] = set()
    for ident in localedata.locale_identifiers():
        if ident.startswith("vi"):
            continue
        locale = Locale.parse(ident)
        names = [*locale.territories.values(), *locale.languages.values()]
        names += locale.months["format"]["wide"].values()
        names += locale.days["format"]["wide"].values()
        for name in names:
            if not name.isascii() and all(ord(char) < 0x250 for char in name):
                texts.add(name)
    return sorted(texts)


def test_no_foreign_word_of_cldr_is_read_as_a_name() -> None:
    """A few foreign words read as Vietnamese in a legacy code (the Swedish "Sön" is VNI "Sơn"),
    as they did before; none of them for a name's syllable in its reading."""
    as_names = []
    for text in _cldr_texts():
        for code in legacy_encodings(text):
            if code not in (TCVN3, VNI):
                continue
            words = WORD.findall(decode_legacy(text, code).lower())
            if any(is_name_syllable(word) and not is_syllable(word) for word in words):
                as_names.append(text)
    assert as_names == []


# --- an office's data: a list's "Đơn vị" column, a decision's units ------------------------------

HEADER = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"]
PEOPLE = [
    ("H'Hen Niê", "Chuyên viên", UNITS[0]),
    ("Y Ngông Niê Kdăm", "Trưởng phòng", UNITS[1]),
    ("Ksor Nơ", "Hiệu trưởng", UNITS[2]),
    ("Nguyễn Thị Hà", "Kế toán viên", UNITS[6]),
]


def unit_list(tmp_path: Path, units: list[str], name: str = "ds.xlsx") -> Path:
    """A list on sheet 'DS' (header on row 1), PEOPLE with `units` in the "Đơn vị" column."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "DS"
    sheet.append(HEADER)
    for number, ((person, position, _), unit) in enumerate(zip(PEOPLE, units, strict=True), 1):
        sheet.append([number, person, position, unit, "Giấy khen", "Cá nhân"])
    path = tmp_path / name
    book.save(path)
    return path


def read_units(path: Path) -> list[str]:
    table = read_table(path, required=("ho_ten",), optional=("chuc_vu", "don_vi"))
    return [row.values["don_vi"] for row in table.rows]


def test_a_list_s_units_in_unicode_read_as_typed(tmp_path: Path) -> None:
    units = [unit for _, _, unit in PEOPLE]
    assert read_units(unit_list(tmp_path, units)) == units


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
@pytest.mark.parametrize("index", range(len(PEOPLE)))
def test_a_list_s_unit_typed_with_a_legacy_font_is_refused_at_its_cell(
    tmp_path: Path, index: int, encoding: str
) -> None:
    units = [unit for _, _, unit in PEOPLE]
    fixed = units[index]
    units[index] = shown(fixed, encoding)
    with pytest.raises(InputError) as caught:
        read_units(unit_list(tmp_path, units))
    error = caught.value
    row = index + 2
    assert (error.key, error.sheet, error.row) == ("sheet.legacy_text", "DS", row)
    assert error.params["cell"] == f"D{row}"
    assert error.params["fixed"].casefold() == fixed.casefold()
    message = error.message("vi")
    assert f"dòng {row}" in message and "'Đơn vị'" in message and "Unicode" in message


DECISION = """\
loai: quyet_dinh
trich_yeu: Về việc tặng Giấy khen năm 2025
theo_de_nghi: {proposer}
dieu:
  - noi_dung: >-
      Trưởng phòng Nội vụ huyện, Chủ tịch Ủy ban nhân dân xã Ea Tul và các cá nhân có
      tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
noi_nhan:
  - {unit}
  - Phòng Giáo dục và Đào tạo thành phố Buôn Ma Thuột
"""
PLAN_TASKS = """\
phu_luc:
  - tieu_de: Nhiệm vụ trọng tâm năm 2025
    nhiem_vu:
      - noi_dung: Phát động phong trào thi đua ở vùng đồng bào dân tộc thiểu số
        chu_tri: {unit}
        phoi_hop: Ủy ban nhân dân huyện Krông Pắc
        thoi_gian: Quý I/2025
"""
PROPOSER = "Phó Chủ tịch UBND huyện Krông Búk"


def test_a_decision_and_a_plan_with_units_in_unicode_load_as_typed(tmp_path: Path) -> None:
    decision = tmp_path / "qd.yaml"
    decision.write_text(DECISION.format(proposer=PROPOSER, unit=UNITS[3]), "utf-8")
    data = load_yaml(decision).data
    assert data["theo_de_nghi"] == PROPOSER and data["noi_nhan"][0] == UNITS[3]
    plan = tmp_path / "kh.yaml"
    plan.write_text(PLAN_TASKS.format(unit=UNITS[5]), "utf-8")
    assert load_yaml(plan).data["phu_luc"][0]["nhiem_vu"][0]["chu_tri"] == UNITS[5]


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_a_decision_s_unit_typed_with_a_legacy_font_is_refused_at_its_line(
    tmp_path: Path, encoding: str
) -> None:
    decision = tmp_path / "qd.yaml"
    decision.write_text(DECISION.format(proposer=shown(PROPOSER, encoding), unit=UNITS[3]), "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(decision)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.legacy_text", 3, "theo_de_nghi")
    assert error.params["fixed"] == PROPOSER


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_a_unit_in_a_yaml_list_typed_with_a_legacy_font_is_refused_at_its_line(
    tmp_path: Path, encoding: str
) -> None:
    """Nơi nhận, a list of units, and a plan's task table whose "chủ trì" column is a unit."""
    decision = tmp_path / "qd.yaml"
    decision.write_text(DECISION.format(proposer=PROPOSER, unit=shown(UNITS[7], encoding)), "utf-8")
    with pytest.raises(InputError) as in_decision:
        load_yaml(decision)
    assert (in_decision.value.key, in_decision.value.line) == ("data.legacy_text", 9)
    assert in_decision.value.field == "noi_nhan[1]"
    assert in_decision.value.params["fixed"].casefold() == UNITS[7].casefold()
    plan = tmp_path / "kh.yaml"
    plan.write_text(PLAN_TASKS.format(unit=shown(UNITS[8], encoding)), "utf-8")
    with pytest.raises(InputError) as in_plan:
        load_yaml(plan)
    assert (in_plan.value.key, in_plan.value.line) == ("data.legacy_text", 5)
    assert in_plan.value.field == "phu_luc[1].nhiem_vu[1].chu_tri"
    assert in_plan.value.params["fixed"] == UNITS[8]


def _decision_with_list(inputs: Path, units: list[str]) -> Path:
    """The 2022 Giấy khen decision of inputs/, its list an .xlsx of PEOPLE with `units`."""
    folder = inputs / "2022"
    source = folder / "qd-giay-khen.yaml"
    text = source.read_text("utf-8")
    source.write_text(text.replace("danh-sach-giay-khen-2022.csv", "ds-tay-nguyen.xlsx"), "utf-8")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"])
    for (person, position, _), unit in zip(PEOPLE, units, strict=True):
        sheet.append([person, position, unit, "Giấy khen của Chánh Văn phòng", "Cá nhân"])
    book.save(folder / "ds-tay-nguyen.xlsx")
    return source


def test_render_prints_a_list_of_highlands_units_typed_in_unicode(
    inputs_copy: Path, tmp_path: Path
) -> None:
    units = [unit for _, _, unit in PEOPLE]
    source = _decision_with_list(inputs_copy, units)
    out = tmp_path / "qd.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(paragraph.text for paragraph in Document(str(out)).paragraphs)
    assert all(unit in text for unit in units) and "Y Ngông Niê Kdăm" in text


def test_render_refuses_a_list_whose_unit_was_typed_with_vni_times(
    inputs_copy: Path, tmp_path: Path
) -> None:
    units = [unit for _, _, unit in PEOPLE]
    units[1] = shown(units[1], VNI)  # "Phoøng Noäi vuï huyeän Cö M'gar"
    source = _decision_with_list(inputs_copy, units)
    out = tmp_path / "qd.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "ds-tay-nguyen.xlsx" in result.output and "dòng 3" in result.output
    assert "VNI-Times" in result.output and f"«{PEOPLE[1][2]}»" in result.output
    assert "Traceback" not in result.output and not out.exists()
