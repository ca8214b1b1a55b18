"""Agency names typed with the old tone placement ("UỶ BAN NHÂN DÂN", "Uỷ ban", "TOÀ ÁN",
"VĂN HOÁ") read as with the new one in every rule that matches them; the tone marks are listed
once (pipeline.text.tones); a legacy text that reads as Vietnamese in both TCVN3 and VNI is
suggested in the code that reads better, or in both, never in a garbled reading."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.errors import said as spoken
from pipeline.i18n import set_language
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import STANDARD_FIELDS
from pipeline.load.yaml_source import load_yaml
from pipeline.rules.agency_names import (
    abolished_level,
    authority_kind,
    name_parts,
    names_itself,
    organ_length,
    place_in_name,
    running_text_name,
    signing_mismatch,
)
from pipeline.starters.office import authority, preset_of
from pipeline.text import legacy, legacy_codes, misread, syllables, tones
from pipeline.text.legacy import (
    TCVN3,
    VNI,
    encode_legacy,
    is_vietnamese_syllable,
    legacy_encodings,
    suggested_unicode,
)
from pipeline.text.normalize import recipient_key
from pipeline.text.tones import same_spelling
from pipeline.workspace.presets import presets

# --- 1. the old tone placement in agencies' names ----------------------------------------------

# (name in capitals as typed, running text): the old placement kept as typed, read as the new.
OLD_PLACEMENT = [
    ("UỶ BAN NHÂN DÂN TỈNH SƠN LA", "Uỷ ban nhân dân tỉnh Sơn La"),
    ("UỶ BAN NHÂN DÂN XÃ CHIỀNG MUNG", "Uỷ ban nhân dân xã Chiềng Mung"),
    ("UỶ BAN NHÂN DÂN TỈNH", "Uỷ ban nhân dân tỉnh"),
    ("UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH SƠN LA",
     "Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La"),
    ("TOÀ ÁN NHÂN DÂN TỈNH SƠN LA", "Toà án nhân dân tỉnh Sơn La"),
    ("SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", "Sở Văn hoá, Thể thao và Du lịch"),
    ("CHI CỤC THUỶ LỢI", "Chi cục Thuỷ lợi"),
]  # fmt: skip


def _new_placement(name: str) -> str:
    """The name with the new placement of the same words (ỦY, TÒA, HÓA, THỦY)."""
    for old, new in (("UỶ", "ỦY"), ("TOÀ", "TÒA"), ("HOÁ", "HÓA"), ("THUỶ", "THỦY")):
        name = name.replace(old, new)
    return name


@pytest.mark.parametrize(("name", "running"), OLD_PLACEMENT)
def test_a_name_in_the_old_placement_reads_as_in_the_new(name: str, running: str) -> None:
    new = _new_placement(name)
    assert new != name
    assert running_text_name(name) == running
    assert running_text_name(name).lower() == _old_of(running_text_name(new)).lower()
    assert [(p.start, p.end, p.role) for p in name_parts(name.split())] == [
        (p.start, p.end, p.role) for p in name_parts(new.split())
    ]
    assert names_itself(name) == names_itself(new)
    assert place_in_name(name) == place_in_name(new)


def _old_of(text: str) -> str:
    for old, new in (("uỷ", "ủy"), ("toà", "tòa"), ("hoá", "hóa"), ("thuỷ", "thủy")):
        text = text.replace(new, old).replace(new.capitalize(), old.capitalize())
    return text


def test_sở_văn_hoá_holds_no_proper_name() -> None:
    """"Hoá" is the word of "Văn hóa", not a name that would keep the Sở from its province."""
    assert not names_itself("SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH")


@pytest.mark.parametrize("words", ["UỶ BAN NHÂN DÂN TỈNH", "Uỷ ban nhân dân xã", "ỦY BAN NHÂN DÂN",
                                   "TOÀ ÁN NHÂN DÂN", "Hội đồng nhân dân"])  # fmt: skip
def test_organ_length_whichever_the_placement(words: str) -> None:
    assert organ_length(words.split()) == 4
    assert organ_length("SỞ TƯ PHÁP".split()) == 0


@pytest.mark.parametrize("body", ["UỶ BAN NHÂN DÂN", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"])
def test_the_authority_and_its_signature_whichever_the_placement(body: str) -> None:
    assert authority_kind(f"{body} TỈNH SƠN LA") == ("body", "ỦY BAN NHÂN DÂN")
    mismatch = signing_mismatch(f"{body} tỉnh Sơn La", ["CHỦ TỊCH"])
    assert mismatch is not None and mismatch.key == "tm_needed"
    assert signing_mismatch(f"{body} tỉnh", ["TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH"]) is None


@pytest.mark.parametrize(
    ("name", "level"),
    [("UỶ BAN NHÂN DÂN HUYỆN MAI SƠN", "huyện"), ("Uỷ ban nhân dân thị xã Mường Lay", "thị xã"),
     ("Uỷ  ban nhân dân\nthị trấn Hát Lót", "thị trấn"), ("UBND QUẬN 1", "quận"),
     ("HĐND huyện Mai Sơn", "huyện"), ("Uỷ ban nhân dân xã Chiềng Mung", None),
     ("UỶ BAN NHÂN DÂN HUYỆN", None), ("Văn phòng Huyện uỷ Mai Sơn", None)],
)  # fmt: skip
def test_an_abolished_level_whichever_the_placement(name: str, level: str | None) -> None:
    assert abolished_level(name) == level


def test_one_recipient_whichever_the_placement() -> None:
    assert recipient_key("Uỷ ban nhân dân tỉnh;") == recipient_key("ỦY BAN NHÂN DÂN  TỈNH")
    assert recipient_key("Toà án nhân dân tỉnh.") == recipient_key("Tòa án nhân dân tỉnh")
    assert recipient_key("Uỷ ban nhân dân tỉnh") != recipient_key("Ủy ban nhân dân xã")


def test_a_hand_written_ubnd_profile_in_the_old_placement_is_its_preset() -> None:
    """Its header, its name and its Chủ tịch's thay_cho typed "Uỷ": still a UBND xã."""
    profile = {
        "ten_co_quan": "UỶ BAN NHÂN DÂN XÃ MƯỜNG BÚ",
        "ten_day_du": "Uỷ ban nhân dân xã Mường Bú",
        "nguoi_ky": {"ct": {"ho_ten": "A", "chuc_vu": "Chủ tịch", "tham_quyen": "TM.",
                            "thay_cho": "Uỷ ban nhân dân"}},
    }  # fmt: skip
    assert preset_of(profile) is presets()["ubnd-xa"]


def test_a_title_ending_in_the_bodys_name_is_not_repeated_whichever_the_placement() -> None:
    profile = {
        "ten_day_du": "Ủy ban nhân dân xã Mường Bú",
        "nguoi_ky": {"ct": {"ho_ten": "A", "chuc_vu": "Chủ tịch Uỷ ban nhân dân"}},
    }
    assert authority(profile, "ct") == "Chủ tịch Uỷ ban nhân dân xã Mường Bú"


def test_same_spelling_folds_case_spacing_form_and_tone_place() -> None:
    import unicodedata

    assert same_spelling("UỶ  BAN\nnhân dân") == same_spelling("Ủy ban nhân dân")
    assert same_spelling(unicodedata.normalize("NFD", "Hoà")) == same_spelling("HÒA")
    assert same_spelling("Hoà") != same_spelling("Hoa")


# --- 2. the tone marks, listed once ------------------------------------------------------------

_MARKS_SPELT = re.compile(r"\\u030[0139]|\\u0323|[\u0300\u0301\u0303\u0309\u0323]")


def test_the_tone_marks_are_listed_once() -> None:
    assert tones.TONE_MARKS == "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
    assert tones.split_tone("Hoà") == ("Hoa", ["\u0300"])
    for module in (legacy, legacy_codes, misread, syllables, tones):
        source = Path(str(module.__file__)).read_text("utf-8")
        spelt = _MARKS_SPELT.findall(source)
        assert (module is tones) == bool(spelt), (module.__name__, spelt)


# --- 3. a legacy text that reads in both TCVN3 and VNI -----------------------------------------


def shown(text: str, encoding: str) -> str:
    """`text` typed in a legacy code, as Word shows its bytes (Windows-1252; its five holes as
    Latin-1), built with the module's own tables."""
    data = encode_legacy(text, encoding)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Số tư", VNI), ("Chí tư", VNI), ("Lê Thị Tư", VNI), ("Bộ tổ", TCVN3),
     ("Quyết định khen thưởng", TCVN3), ("Quyết định khen thưởng", VNI),
     ("Nguyễn Thị Hoà", TCVN3), ("Nguyễn Thị Hoà", VNI)],
)  # fmt: skip
def test_the_code_that_reads_better_is_named_and_suggested(text: str, encoding: str) -> None:
    typed = shown(text, encoding)
    assert legacy_encodings(typed) == (encoding,), typed
    assert suggested_unicode(typed, encoding, person=True) == text


def test_a_text_that_reads_alike_in_both_is_suggested_in_both() -> None:
    typed = "Phòng " + shown("tư", VNI) + " pháp"  # "tö": VNI "tư", TCVN3 "tử"
    assert legacy_encodings(typed) == (TCVN3, VNI)
    said = suggested_unicode(typed, TCVN3)
    assert said == "Phòng tử pháp (.VnTime) hay Phòng tư pháp (VNI-Times)"
    assert said.describe("en") == "Phòng tử pháp (.VnTime) or Phòng tư pháp (VNI-Times)"
    assert suggested_unicode(typed, VNI) == said
    assert "Phũng" not in said and "Phịng" not in said  # the Unicode "Phòng" is not decoded


def test_two_readings_fit_the_sixty_characters_a_message_quotes() -> None:
    typed = "Phòng " + shown("tư", VNI) + " pháp và các đơn vị trực thuộc"
    assert legacy_encodings(typed) == (TCVN3, VNI)
    said = suggested_unicode(typed, TCVN3)
    assert said == "Phòng tử pháp… (.VnTime) hay Phòng tư pháp… (VNI-Times)"
    assert len(said) <= 60 and len(said.describe("en")) <= 60


# Words a list or a decision is made of; the phrases of two of them, typed in either code.
WORDS = ("số tư lê thị nguyễn hoà hồ quyết định khen thưởng bộ tổ chí ban ủy chức phòng "
         "pháp cử sử trong theo của").split()  # fmt: skip


def test_no_phrase_is_suggested_garbled() -> None:
    """Every phrase of two of WORDS, typed in TCVN3 or VNI: a code named alone is suggested in
    Vietnamese syllables only, the phrase itself when the code is the one it was typed in
    (VNI "tö hoà" reads as well as TCVN3 "tử hoà", a common word: that one may be taken);
    both codes named, one of the two readings shown is the phrase. Most phrases are detected
    (a phrase no code is found in is not suggested at all): a detection that found nothing
    would check nothing, so the phrases checked are counted, both ways of naming codes too."""
    checked = {1: 0, 2: 0}  # phrases by how many codes are named
    for first, second in itertools.product(WORDS, repeat=2):
        phrase = f"{first} {second}"
        for encoding in (TCVN3, VNI):
            typed = shown(phrase, encoding)
            codes = legacy_encodings(typed)
            if not codes:
                continue
            checked[len(codes)] += 1
            said = spoken(suggested_unicode(typed, codes[0]), "vi")
            if len(codes) == 1:
                assert all(is_vietnamese_syllable(w) for w in said.split()), (phrase, said)
                assert codes != (encoding,) or said == phrase, (phrase, encoding, typed)
            else:
                assert said.startswith(f"{phrase} (") or f"hay {phrase} (" in said, said
    # 2 × 24² phrases typed: 961 detected when this was written, 31 of them in either code.
    assert checked[1] + checked[2] >= 900 and checked[2] >= 20, checked


def test_a_yaml_value_and_a_cell_are_suggested_in_the_better_code(tmp_path: Path) -> None:
    typed = shown("Số tư", VNI)
    path = tmp_path / "tb.yaml"
    path.write_text(f'loai: thong_bao\ntrich_yeu: Lịch công tác\nket_thuc: "{typed}"\n', "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    said = caught.value.message("vi")
    assert "bảng mã VNI (phông VNI-Times)" in said and "«Số tư»" in said, said
    with pytest.raises(InputError) as caught:
        cell_text(shown("Lê Thị Tư", VNI), STANDARD_FIELDS["ho_ten"], "B2")
    said = caught.value.message("vi")
    assert "bảng mã VNI (phông VNI-Times)" in said and "«Lê Thị Tư»" in said, said
    assert "TCVN3" not in said
