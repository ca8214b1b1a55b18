"""Text of a misread file: Windows-1258 (or UTF-8) read as Windows-1252 (round r8b, F6).

Old software exports a list as CSV in Windows-1258; Excel on a Western Windows opens it as
Windows-1252 and saves it again as UTF-8: "Lò Thị Ươm" becomes "LoÌ Thiò Ýõm", good Unicode
that only its words tell apart. vanthu recognises it wherever it recognises TCVN3 and VNI (list
cells, YAML text, `vanthu verify`), names it, and suggests the Unicode it stands for; it never
flags real Vietnamese, English or French text. A UTF-8 file opened the same way ("LÃ² Thá»‹") is
recognised too.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import Field
from pipeline.load.yaml_source import load_yaml
from pipeline.text.gate import normalize_invisible
from pipeline.text.legacy import (
    TCVN3,
    UTF_8,
    VNI,
    WINDOWS_1258,
    decode_legacy,
    encode_legacy,
    is_vietnamese_syllable,
    legacy_encodings,
    named_encodings,
    suggested_unicode,
)
from pipeline.verify import verify_file
from tests.test_csv_encodings_r8 import ROWS  # the tester's rows (r8b/gen)
from tests.test_legacy import CLERK_TEXT, FIXTURE_WORDS, NOT_VIETNAMESE, SENTENCES
from tests.test_verify import hand_made_letter

# Names and titles of real lists, many written with Latin-1 letters only (à, ò, ì, ý, õ, ã)
# as a misread text is, and the old tone place (hoà, thuý) beside the new.
NAMES = [
    "Lò Thị Ươm", "Trần Quốc Việt", "Nguyễn Thị Ngọc Diệp", "Hà Văn Đức", "Lò Văn Tú",
    "Hoàng Thị Duyên", "Võ Thị Sáu", "Lý Thị Mai", "Tạ Quang Bửu", "Lê Văn Tư", "Tòng Văn Sơn",
    "Quàng Thị Hoà", "Cầm Thị Thuý", "Lường Văn Ý", "Vì Văn Tố", "Bạc Cầm Quỳnh", "Mùa A Giò",
    "Đinh Thị Thu Hà", "Phạm Minh Ánh", "Giàng A Lử", "Sùng Thị Mỷ", "Hà Thị Hoà Bình",
    "Phòng Tài chính", "Phòng Công chức, viên chức", "Chuyên viên", "Phó Trưởng phòng",
    "Văn phòng Chính phủ", "Ủy ban nhân dân tỉnh Sơn La", "UỶ BAN NHÂN DÂN HUYỆN MAI SƠN",
    "Tòa án nhân dân tỉnh", "Hoà Bình, Phú Thọ, Hà Tây, Võ Nhai, Lý Sơn",
    "Giò chả, quì gối, lý do, ý kiến, rõ ràng, kỹ thuật, thời kỳ, xã, mã số",
    "XÃ HỘI; ĐÃ; MÃ SỐ; NGÃ BA; HÀ NỘI; LÊ THỊ HÀ; VÕ THỊ LÝ; TÒA ÁN; HÒA BÌNH",
    "Lập thành tích xuất sắc trong công tác năm 2025",
]  # fmt: skip

FOREIGN = [
    "Café", "Hôtel", "Müller", "Café Müller, Hôtel de Ville", "Crème brûlée", "Noël", "naïve",
    "Niccolò", "così", "più", "lunedì", "città", "São Paulo", "João", "irmã", "põe", "Camões",
    "Þór", "Guðrún", "Ýmir", "Reykjavík", "Sigurður", "Mývatn", "Señor Muñoz", "Škoda", "Žižek",
    "The meeting with Mr. Müller at the Hôtel de Ville café was postponed.",
    "Il Comitato si riunirà lunedì a Città di Castello, così è deciso.",
    "O João foi a São Paulo com a irmã; põe o pão na mesa, não é?",
    "Þór og Guðrún fóru til Reykjavíkur; Ýmir sá þá í gær við Mývatn.",
]  # fmt: skip


def misread(text: str) -> str:
    """`text` saved in Windows-1258 and opened as Windows-1252, as Excel shows it."""
    return encode_legacy(text, WINDOWS_1258).decode("cp1252")


def misread_utf8(text: str) -> str:
    """`text` saved in UTF-8 and opened as Windows-1252 (its five holes kept as C1 controls)."""
    return "".join(chr(b) if 0x80 <= b < 0xA0 and bytes([b]) in _HOLES else
                   bytes([b]).decode("cp1252") for b in text.encode("utf-8"))  # fmt: skip


_HOLES = {bytes([b]) for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def cleaned(text: str) -> str:
    """`text` as a list cell reaches the legacy check: no-break spaces made spaces, soft hyphens
    removed, spaces collapsed (pipeline.load.spreadsheet.cells)."""
    return " ".join(normalize_invisible(text).split())


# --- the tester's names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "fixed"),
    [
        ("LoÌ Thiò Ýõm", "Lò Thị Ươm"),
        ("TrâÌn Quôìc Viêòt", "Trần Quốc Việt"),
        ("NguyêÞn Thiò Ngoòc Diêòp", "Nguyễn Thị Ngọc Diệp"),
        ("Hà Vãn Ðýìc", "Hà Văn Đức"),
        ("PhoÌng Công chýìc, viên chýìc", "Phòng Công chức, viên chức"),
        ("Phó TrýõÒng phoÌng", "Phó Trưởng phòng"),
        ("UÒY BAN NHÂN DÂN TIÒNH SÕN LA", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"),
    ],
)
def test_the_tester_s_garbled_names_are_windows_1258(shown: str, fixed: str) -> None:
    assert misread(fixed) == shown
    assert legacy_encodings(shown) == (WINDOWS_1258,)
    assert suggested_unicode(shown, WINDOWS_1258) == fixed
    assert decode_legacy(shown, WINDOWS_1258) == fixed


def test_the_code_is_named_as_misread_in_both_languages() -> None:
    encoding, _ = named_encodings((WINDOWS_1258,))
    assert encoding.describe("vi") == "Windows-1258 đọc nhầm thành Windows-1252"
    assert encoding.describe("en") == "Windows-1258 misread as Windows-1252"
    encoding, _ = named_encodings((UTF_8,))
    assert encoding.describe("vi") == "UTF-8 đọc nhầm thành Windows-1252"


@pytest.mark.parametrize("name", [n for n in NAMES if misread(n) != n])
def test_every_misread_name_is_found_and_read_back(name: str) -> None:
    shown = misread(name)
    assert legacy_encodings(shown) == (WINDOWS_1258,), shown
    assert suggested_unicode(shown, WINDOWS_1258) == name


def test_a_misread_name_pasted_among_unicode_words() -> None:
    text = f"Tặng Giấy khen cho bà {misread('Lò Văn Đức')}, Phòng Tài chính"
    assert legacy_encodings(text) == (WINDOWS_1258,)
    fixed = "Tặng Giấy khen cho bà Lò Văn Đức, Phòng Tài chính"
    assert suggested_unicode(text, WINDOWS_1258) == fixed


# --- no false alarms ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", NAMES + FOREIGN)
def test_real_vietnamese_and_foreign_text_is_never_flagged(text: str) -> None:
    for form in (text, text.upper(), text.lower()):
        assert legacy_encodings(form) == (), form


@pytest.mark.parametrize("text", SENTENCES + NOT_VIETNAMESE + CLERK_TEXT)
def test_the_texts_legacy_codes_are_tested_on_are_no_misread(text: str) -> None:
    assert legacy_encodings(text) == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIXTURE_WORDS), min_size=1, max_size=12))
def test_words_of_real_documents_are_never_flagged(words: list[str]) -> None:
    assert legacy_encodings(" ".join(words)) == ()


_SYLLABLES = sorted({w for w in FIXTURE_WORDS if w.isalpha() and is_vietnamese_syllable(w.lower())})
# Syllables whose Windows-1258 form shows a tone byte (Ì ì Ò Þ ò) or đ (ð): evidence. Alone,
# ơ ư ă are not ("Sõn" is a syllable too), nor "Troòng" (a tone on the second o, as "boóng");
# nor a word TCVN3 and VNI read as well ("ThuÒ": TCVN3 "Thuề").
_TELLING = [w for w in _SYLLABLES
            if set(misread(w)) & set("ÌìÒÞòðÐ") and not re.search("o[ìò][a-z]", misread(w))
            and legacy_encodings(misread(w)) == (WINDOWS_1258,)]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SYLLABLES), max_size=8), st.sampled_from(_TELLING))
def test_a_misread_text_is_found_and_read_back(words: list[str], telling: str) -> None:
    text = " ".join([telling, *words])
    shown = misread(text)
    assert legacy_encodings(shown) == (WINDOWS_1258,), shown
    assert suggested_unicode(shown, WINDOWS_1258) == text


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("code", [TCVN3, VNI])
def test_tcvn3_and_vni_text_keep_their_code(text: str, code: str) -> None:
    shown = encode_legacy(text, code).decode("cp1252")
    assert legacy_encodings(shown) == (code,)


def test_quynh_is_a_syllable() -> None:
    """qu + y + final ("Quỳnh", "quýt"): the misread "QuyÌnh" reads back as a name."""
    assert is_vietnamese_syllable("quỳnh") and is_vietnamese_syllable("quýt")
    assert not is_vietnamese_syllable("tynh")
    assert suggested_unicode("Baòc CâÌm QuyÌnh", WINDOWS_1258) == "Bạc Cầm Quỳnh"


# --- where it is refused: a list's cells and header, YAML text, verify --------------------------


def _csv(rows: list[list[str]]) -> str:
    return "".join(",".join(f'"{c}"' if "," in c else c for c in row) + "\r\n" for row in rows)


def _read(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_table(path, required=("ho_ten", "danh_hieu"), optional=("chuc_vu", "don_vi", "loai"))
    return info.value


def test_a_list_excel_saved_from_a_cp1258_csv_is_refused(tmp_path: Path) -> None:
    """The tester's route: the header fixed in Unicode, the rows as Excel showed them."""
    path = tmp_path / "m1258b.csv"
    rows = [ROWS[0], *([misread(c) for c in row] for row in ROWS[1:])]
    path.write_text(_csv(rows), encoding="utf-8-sig")
    err = _read(path)
    assert err.key == "sheet.misread_text" and err.row == 2
    vi, en = err.message("vi"), err.message("en")
    # Named as a file opened in the wrong code, with no font to convert from.
    assert "ô A2 có vẻ là chữ Windows-1258 đọc nhầm thành Windows-1252 (tệp đã được mở sai" in vi
    assert "phông" not in vi and "hãy mở lại tệp gốc với đúng bảng mã" in vi
    assert "«Lò Thị Ươm»" in vi and "Windows-1258 misread as Windows-1252" in en


def test_a_list_garbled_whole_is_named_at_its_header(tmp_path: Path) -> None:
    path = tmp_path / "m1258.csv"
    path.write_text(_csv([[misread(c) for c in row] for row in ROWS]), encoding="utf-8-sig")
    err = _read(path)
    assert err.key == "sheet.misread_header"
    assert "«Hoò và tên» = «Họ và tên»" in err.message("vi") and "phông" not in err.message("vi")
    assert "Windows-1258 đọc nhầm thành Windows-1252" in err.message("vi")


def test_a_cell_misread_from_utf8_is_refused_with_its_unicode() -> None:
    field = Field("ho_ten", ("Họ và tên",), text_only=True)
    raw = misread_utf8("Lò Thị Hương")
    assert raw == "LÃ² Thá»‹ HÆ°Æ¡ng"
    with pytest.raises(InputError) as caught:
        cell_text(raw, field, "B3")
    assert caught.value.key == "sheet.misread_text"
    assert caught.value.params["fixed"] == "Lò Thị Hương"
    assert "UTF-8 misread as Windows-1252" in caught.value.message("en")


def test_yaml_text_misread_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tb.yaml"
    path.write_text(f"loai: thong_bao\ntrich_yeu: {misread('Về việc khen thưởng')}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.misread_text", 2, "trich_yeu")
    assert error.params["fixed"] == "Về việc khen thưởng"
    assert "Windows-1258 đọc nhầm thành Windows-1252" in error.message("vi")


def test_verify_flags_a_misread_paragraph(tmp_path: Path) -> None:
    path = hand_made_letter(tmp_path / "cv.docx")
    doc = Document(str(path))
    (paragraph,) = [p for p in doc.paragraphs if p.text.startswith("Các cơ quan, đơn vị")]
    paragraph.runs[0].text = "- LoÌ Thiò Ýõm, Chuyên viên, PhoÌng Công chýìc, viên chýìc;"
    doc.save(str(path))
    report = verify_file(path)
    assert report.rules == {"text.legacy"}
    (violation,) = report.violations
    assert "text typed in Windows-1258 misread as Windows-1252" in violation.line("en")
    assert "Windows-1258 đọc nhầm thành Windows-1252" in violation.line("vi")


# --- UTF-8 read as Windows-1252 -----------------------------------------------------------------

_UTF8_TEXTS = [
    "Lò Thị Hương",
    "Bà Lò Thị Hương có trách nhiệm bàn giao hồ sơ, tài liệu",
    "Phòng Công chức, viên chức",
    "Giàng A Lử, Phó Trưởng phòng",
    "Kinh phí thi đua, khen thưởng",
    "Trung tâm Lưu trữ lịch sử",
]


@pytest.mark.parametrize("text", _UTF8_TEXTS)
def test_utf8_read_as_windows_1252_is_found(text: str) -> None:
    shown = misread_utf8(text)
    assert legacy_encodings(shown) == (UTF_8,)
    assert suggested_unicode(shown, UTF_8) == text
    # As a cell reaches the check: à (C3 A0) and í (C3 AD) lose a byte to the text gate.
    assert legacy_encodings(cleaned(shown)) == (UTF_8,)


def test_utf8_letters_a_cell_lost_a_byte_of_are_put_back() -> None:
    assert decode_legacy("HÃ Ná»™i vÃ ThÃ¡i BÃ¬nh", UTF_8) == "Hà Nội và Thái Bình"
    assert decode_legacy("HoÃ ng Thá»‹ BÃch", UTF_8) == "Hoàng Thị Bích"


@pytest.mark.parametrize("text", NAMES + FOREIGN + ["XÃ HỘI Â°C", "Café Ã©"])
def test_text_that_is_no_utf8_misread_is_not_flagged_as_one(text: str) -> None:
    assert UTF_8 not in legacy_encodings(text)


def test_nfc_of_a_misread_text_reads_back_the_same() -> None:
    shown = misread("Nguyễn Thị Ngọc Diệp")
    assert unicodedata.is_normalized("NFC", shown)
    assert suggested_unicode(shown, WINDOWS_1258) == "Nguyễn Thị Ngọc Diệp"


def test_an_init_answer_misread_is_refused_without_a_font() -> None:
    from pipeline.workspace.init import OfficeAnswers, refuse_legacy_answers

    answers = OfficeAnswers(kieu="van-phong", dia_danh="Sơn La", nguoi_ky=misread("Lò Văn Đức"))
    with pytest.raises(InputError) as caught:
        refuse_legacy_answers(answers)
    assert caught.value.key == "ws.misread_answer"
    vi = caught.value.message("vi")
    assert "nguoi_ky=" in vi and "'Lò Văn Đức'" in vi and "phông" not in vi


def test_text_typed_with_a_legacy_font_keeps_its_font_advice() -> None:
    from pipeline.text.legacy import refusal_key

    assert refusal_key("sheet.legacy_text", ("tcvn3",)) == "sheet.legacy_text"
    assert refusal_key("ws.legacy_answer", ("tcvn3", "vni")) == "ws.legacy_answer"
    # Text (not bytes) found in Windows-1258 or UTF-8 was misread, never typed with a font.
    assert refusal_key("sheet.legacy_text", ("windows-1258",)) == "sheet.misread_text"
    assert refusal_key("data.legacy_text", ("utf-8",)) == "data.misread_text"
