"""Legacy Vietnamese codes (TCVN3, VNI, Windows-1258): pipeline.text.legacy."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.text.legacy import (
    LEGACY_ENCODINGS,
    TCVN3,
    VNI,
    WINDOWS_1258,
    _has_vietnamese_only_syllable,
    _score,
    canonical_encoding,
    decode_legacy,
    describe_encoding,
    encode_legacy,
    guess_legacy_bytes,
    looks_like_legacy_text,
)
from pipeline.text.syllables import is_syllable
from tests.conftest import reference_body_paragraphs

SENTENCES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Kế hoạch triển khai, thực hiện công tác thi đua, khen thưởng năm 2022",
    # Two paragraphs of the reference plan (tests/fixtures/ke-hoach-tdkt-2022.md).
    "Tiếp tục triển khai thực hiện các phong trào thi đua theo chuyên đề do Thủ tướng Chính phủ "
    "phát động và các phong trào thi đua giai đoạn 2021-2025 của tỉnh gắn với “mục tiêu kép” "
    "vừa phòng chống dịch Covid-19 vừa phát triển kinh tế - xã hội.",
    "Phát động phong trào thi đua năm 2022 và các phong trào thi đua theo chuyên đề gắn với những "
    "sự kiện chính trị trọng tâm của tỉnh và của cơ quan Văn phòng. Căn cứ chỉ tiêu, nhiệm vụ "
    "chính trị và tình hình thực tiễn để xây dựng nội dung, tiêu chí thi đua phù hợp với cơ quan "
    "Văn phòng đảm bảo thiết thực, hiệu quả.",
]

NOT_VIETNAMESE = [
    "Hello world, this is plain English text with “smart quotes” – and a dash…",
    "The committee approved the plan on 22 December 2021; see section II.3 for details.",
    "Le développement économique de la région a été très rapide : on prévoit déjà une "
    "croissance forte, même après la crise, grâce à l'agriculture et à l'énergie.",
    "Où est la bibliothèque ? Près de l'hôtel, à côté du café, là où nous étions hier.",
    "Die Größe der Straße überrascht: Müller äußerte sich später über die Gebühren für "
    "Übernachtungen in München und Köln.",
    "Señor Muñoz, el niño pidió más información sobre la canción y el año próximo.",
    "Blåbærsyltetøy og rødgrøt på søndag, sa bestemor på gården i Tromsø.",
]

# The brief's examples of legacy text seen in Word through a Western code page.
TCVN3_SHOWN = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
VNI_SHOWN = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"

TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"  # the only capitals with marks that VN3 can hold


def _vietnamese_letters() -> list[str]:
    """The 134 letters with marks of the Vietnamese alphabet, small and capital."""
    out = []
    for base in "aăâeêioôơuưy":
        for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"):
            letter = unicodedata.normalize("NFC", base + tone)
            if letter not in "aeiouy":
                out += [letter, letter.upper()]
    return [*out, "đ", "Đ"]


VIETNAMESE_LETTERS = _vietnamese_letters()


def _shown(data: bytes) -> str:
    """Legacy bytes as Word shows them when the font is a Western one."""
    return data.decode("cp1252")


def _tcvn3_expected(text: str) -> str:
    """What TCVN3 gives back: capitals with tone marks come out small (.VnTimeH typing)."""
    return "".join(
        ch.lower() if not ch.isascii() and ch.isupper() and ch not in TCVN3_CAPITALS else ch
        for ch in text
    )


# --- the tables -----------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    text = files("pipeline.rules").joinpath("data", f"{name}.txt").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("name", [TCVN3, VNI])
def test_table_rows_are_well_formed(name: str) -> None:
    rows = _rows(name)
    sequences = [bytes.fromhex(code) for code, _, _ in rows]
    letters = [letter for _, letter, _ in rows]
    assert len(set(sequences)) == len(rows) and len(set(letters)) == len(rows)
    for code, letter, uname in rows:
        assert unicodedata.is_normalized("NFC", letter) and len(letter) == 1
        assert unicodedata.name(letter) == uname, code


def test_tcvn3_table_covers_small_letters_and_base_capitals() -> None:
    letters = {letter for _, letter, _ in _rows(TCVN3)}
    small = {ch for ch in VIETNAMESE_LETTERS if ch.islower() and not ch.isascii()}
    assert letters == small | set(TCVN3_CAPITALS)
    assert all(0xA1 <= int(code, 16) <= 0xFE for code, _, _ in _rows(TCVN3))


def test_vni_table_covers_every_letter() -> None:
    assert {letter for _, letter, _ in _rows(VNI)} == set(VIETNAMESE_LETTERS)


@pytest.mark.parametrize(
    ("letter", "tcvn3", "vni"),
    [
        ("á", "B8", "61 F9"),
        ("ư", "AD", "F6"),  # TCVN3's ư is the soft hyphen's byte
        ("ộ", "E9", "6F E4"),
        ("ỵ", "FE", "EE"),
        ("đ", "AE", "F1"),
        ("Đ", "A7", "D1"),
        ("ớ", "ED", "F4 F9"),
        ("Ệ", "D6", "45 C4"),  # TCVN3 writes the small letter's code
    ],
)
def test_pinned_codes(letter: str, tcvn3: str, vni: str) -> None:
    assert encode_legacy(letter, TCVN3) == bytes.fromhex(tcvn3)
    assert encode_legacy(letter, VNI) == bytes.fromhex(vni)


def test_tcvn3_table_agrees_with_glibc_tcvn5712() -> None:
    # glibc's iconv (libc-bin, on every Debian machine) carries TCVN5712-1: an independent oracle.
    assert shutil.which("iconv"), "iconv (libc-bin) is needed for this check"
    rows = _rows(TCVN3)
    data = b"\n".join(bytes.fromhex(code) for code, _, _ in rows)
    run = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode("utf-8").split("\n") == [letter for _, letter, _ in rows]


# --- decoding known legacy text -------------------------------------------------------------


def test_decode_tcvn3_as_shown_in_word() -> None:
    assert decode_legacy(TCVN3_SHOWN, TCVN3) == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert decode_legacy("§éc lËp - Tù do - H¹nh phóc", "TCVN3 (ABC)") == (
        "Độc lập - Tự do - Hạnh phúc"
    )


def test_decode_vni_as_shown_in_word() -> None:
    assert decode_legacy(VNI_SHOWN, VNI) == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert decode_legacy("Xin chaøo caùc baïn", "vni-win") == "Xin chào các bạn"
    assert decode_legacy("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", VNI) == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"


def test_decode_text_keeps_characters_no_byte_stands_for() -> None:
    assert decode_legacy("Việt hay ViÖt", TCVN3) == "Việt hay Việt"


def test_decode_accepts_bytes_and_bytearray() -> None:
    data = encode_legacy(SENTENCES[0], VNI)
    assert decode_legacy(bytearray(data), VNI) == decode_legacy(data, VNI) == SENTENCES[0]


def test_decode_result_is_nfc() -> None:
    data = encode_legacy("Việt Nam", WINDOWS_1258)
    assert b"\xf2" in data  # ệ is written as ê followed by the combining dot below
    assert decode_legacy(data, WINDOWS_1258) == "Việt Nam"


# --- round trips and detection ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentence_round_trip_and_detection(sentence: str, encoding: str) -> None:
    data = encode_legacy(sentence, encoding)
    assert decode_legacy(data, encoding) == sentence
    assert guess_legacy_bytes(data) == encoding
    if encoding != WINDOWS_1258:
        shown = _shown(data)
        assert looks_like_legacy_text(shown) == encoding
        assert decode_legacy(shown, encoding) == sentence


def test_brief_examples_are_recognised() -> None:
    assert looks_like_legacy_text(TCVN3_SHOWN) == TCVN3
    assert looks_like_legacy_text(VNI_SHOWN) == VNI


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_reference_plan_round_trip_and_detection(encoding: str) -> None:
    paragraphs = reference_body_paragraphs()
    expected = _tcvn3_expected if encoding == TCVN3 else (lambda text: text)
    for paragraph in paragraphs:
        data = encode_legacy(paragraph, encoding)
        assert decode_legacy(data, encoding) == expected(paragraph)
    whole = encode_legacy("\n\n".join(paragraphs), encoding)
    assert guess_legacy_bytes(whole) == encoding
    if encoding != WINDOWS_1258:
        assert looks_like_legacy_text(_shown(whole)) == encoding


def test_tcvn3_capitals_with_tones_come_back_small() -> None:
    data = encode_legacy("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TCVN3)
    assert data == encode_legacy("CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM", TCVN3)
    assert decode_legacy(data, TCVN3) == "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"
    assert looks_like_legacy_text(_shown(data)) == TCVN3


def test_capitals_in_vni_and_windows_1258_round_trip() -> None:
    text = "ỦY BAN NHÂN DÂN TỈNH SƠN LA - ĐỘC LẬP - TỰ DO - HẠNH PHÚC"
    for encoding in (VNI, WINDOWS_1258):
        assert decode_legacy(encode_legacy(text, encoding), encoding) == text


# --- what must not be flagged -----------------------------------------------------------------


@pytest.mark.parametrize("text", SENTENCES + NOT_VIETNAMESE)
def test_unicode_text_is_not_flagged(text: str) -> None:
    assert looks_like_legacy_text(text) is None
    assert guess_legacy_bytes(text.encode("utf-8")) is None


def test_unicode_reference_plan_is_not_flagged() -> None:
    for paragraph in reference_body_paragraphs():
        assert looks_like_legacy_text(paragraph) is None


@pytest.mark.parametrize("text", NOT_VIETNAMESE)
def test_western_bytes_are_not_taken_for_vietnamese(text: str) -> None:
    for codec in ("cp1252", "latin-1"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        assert guess_legacy_bytes(data) is None


def test_ascii_and_empty_input() -> None:
    assert looks_like_legacy_text("") is None
    assert looks_like_legacy_text("Nam Dinh, Son La: ke hoach nam 2022") is None
    assert guess_legacy_bytes(b"") is None
    assert guess_legacy_bytes(b"plain ascii") is None


def test_random_bytes_are_not_vietnamese() -> None:
    assert guess_legacy_bytes(bytes(range(128, 256)) * 4) is None


# --- names and errors -------------------------------------------------------------------------


def test_describe_and_canonical_names() -> None:
    assert describe_encoding(WINDOWS_1258) == "Windows-1258"
    assert describe_encoding(TCVN3) == "TCVN3 (ABC)"
    assert describe_encoding(VNI) == "VNI"
    assert describe_encoding("utf-16") == "utf-16"
    for alias, name in [("CP1258", WINDOWS_1258), ("ABC", TCVN3), ("VNI-Windows", VNI)]:
        assert canonical_encoding(alias) == name
    for name in LEGACY_ENCODINGS:
        assert canonical_encoding(describe_encoding(name)) == name
    with pytest.raises(ValueError, match="unknown"):
        canonical_encoding("viscii")


def test_encode_refuses_what_the_code_cannot_hold() -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_legacy("Hà Nội 中", VNI)
    with pytest.raises(UnicodeEncodeError):
        encode_legacy("© 2022", TCVN3)  # 0xA9 is â in TCVN3
    assert encode_legacy("© 2022", TCVN3, errors="replace") == b"? 2022"
    with pytest.raises(ValueError):
        encode_legacy("a", VNI, errors="ignore")


# --- properties -------------------------------------------------------------------------------

_OTHER = list("abcdxyzAEOUYQ0123456789 .,;:-/()“”–…\n")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(VIETNAMESE_LETTERS + _OTHER)))
def test_vni_and_windows_1258_round_trip_every_letter(text: str) -> None:
    for encoding in (VNI, WINDOWS_1258):
        assert decode_legacy(encode_legacy(text, encoding), encoding) == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(VIETNAMESE_LETTERS + _OTHER)))
def test_tcvn3_round_trip_every_letter(text: str) -> None:
    data = encode_legacy(text, TCVN3)
    assert decode_legacy(data, TCVN3) == _tcvn3_expected(text)
    assert decode_legacy(_shown(data), TCVN3) == _tcvn3_expected(text)


_REFERENCE_WORDS = sorted(
    {word for paragraph in SENTENCES for word in paragraph.split() if word.isalpha()}
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_REFERENCE_WORDS), min_size=1, max_size=12))
def test_unicode_vietnamese_is_never_flagged(words: list[str]) -> None:
    assert looks_like_legacy_text(" ".join(words)) is None


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(max_codepoint=0x7F)))
def test_ascii_is_never_flagged(text: str) -> None:
    assert looks_like_legacy_text(text) is None


_MIXED_WORDS = [
    *_REFERENCE_WORDS[:40],
    *(_shown(encode_legacy(word, TCVN3, "replace")) for word in _REFERENCE_WORDS[:20]),
    *(_shown(encode_legacy(word, VNI, "replace")) for word in _REFERENCE_WORDS[:20]),
    "ơxyz", "Đ", "đđ", "→", "café", "naïve", "12", "—",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MIXED_WORDS), max_size=10), st.sampled_from([" ", "", ", "]))
def test_vietnamese_only_syllable_is_the_score_s_distinct(words: list[str], gap: str) -> None:
    """The short cut that says 'Unicode' before scoring answers as the score does."""
    text = gap.join(words)
    assert _has_vietnamese_only_syllable(text) == (_score(text).distinct > 0)


# --- short and mixed strings: legacy words among others ------------------------------------------

# The tester's strings (TCVN3 words typed inside otherwise short or Unicode text), and their VNI
# counterparts: each with the code it is in and the Unicode a message suggests.
SHORT_AND_MIXED = [
    ("Th«ng b¸o", TCVN3, "Thông báo"),
    ("Ban Thi ®ua", TCVN3, "Ban Thi đua"),
    ("C¬ quan th«ng b¸o để các phòng…", TCVN3, "Cơ quan thông báo để các phòng…"),
    ("Lãnh đạo Sở Néi vô", TCVN3, "Lãnh đạo Sở Nội vụ"),  # "vô" beside a legacy word: "vụ"
    ("Céng", TCVN3, "Cộng"),
    ("v× sao", TCVN3, "vì sao"),
    ("Kính gửi: «Sở Néi vô»", TCVN3, "Kính gửi: «Sở Nội vụ»"),
    ("Thoâng baùo", VNI, "Thông báo"),
    ("Ban Thi ñua", VNI, "Ban Thi đua"),
    ("Sở Thoâng tin vaø Truyeàn thoâng", VNI, "Sở Thông tin và Truyền thông"),
    ("THOÂNG BAÙO", VNI, "THÔNG BÁO"),
    ("Căn cứ QĐ số 12, Ban Thi ñua", VNI, "Căn cứ QĐ số 12, Ban Thi đua"),
]


@pytest.mark.parametrize(("text", "encoding", "fixed"), SHORT_AND_MIXED)
def test_short_and_mixed_legacy_text_is_recognised(text: str, encoding: str, fixed: str) -> None:
    assert looks_like_legacy_text(text) == encoding
    assert decode_legacy(text, encoding) == fixed


# Symbols a clerk really types, and foreign words a Vietnamese document may quote.
CLERK_TEXT = [
    "«Thông báo»",
    "« Thông báo »",
    "Ban hành kèm theo «Quy chế làm việc» của Hội đồng",
    "Kính gửi: «Ban Thi đua»",
    "© 2024 Sở Nội vụ",
    "©2024 Văn phòng UBND tỉnh",
    "Microsoft® Word, Windows®",
    "Nhiệt độ 25°C, độ ẩm 80%",
    "§ 3, §12 Luật Thi đua, khen thưởng",
    "¼ kg, 1½ giờ, ¾ số phiếu",
    "Sai số ±5%",
    "Hạt bụi 10 µm, 5µm; 2 µg/l",
    "Điều 5 · Khoản 2 · Điểm a",
    "Phòng 3×4 m, kích thước 2m×3m, m × n, n×m",
    "6 ÷ 2 = 3",
    "Số tiền: 1.000 €, €100, £50, ¥2000, ¢5",
    "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ",
    "Quyết định số 345/QĐ-TTg ngày 14/3/2016; Kế hoạch số 289/KH-UBND",
    "Tổng số tiền thưởng: 12.500.000 đồng (Mười hai triệu năm trăm nghìn đồng)",
    "Ông José Müller, Công ty Société Générale",
    "Bà Nguyễn Thị Ánh Tuyết, Trưởng phòng TĐKT",
    "Café Muối, đường Nguyễn Trãi, Đắk Lắk",
    "Vi ses på mandag",
    "Où est-il?",
    "El niño y el ñu",
    "The committee meets on 22 December; see § 4.",
]


@pytest.mark.parametrize("text", CLERK_TEXT)
def test_clerk_symbols_names_and_foreign_words_are_not_flagged(text: str) -> None:
    assert looks_like_legacy_text(text) is None


def _fixture_words() -> list[str]:
    """Every word of the real documents in tests/fixtures, as typed (punctuation kept)."""
    fixtures = Path(__file__).parent / "fixtures"
    texts = [path.read_text("utf-8") for path in sorted(fixtures.rglob("*.txt"))]
    texts.append((fixtures / "ke-hoach-tdkt-2022.md").read_text("utf-8"))
    return sorted({word for text in texts for word in text.split() if "*" not in word})


FIXTURE_WORDS = _fixture_words()
_SYLLABLES = [word for word in FIXTURE_WORDS if is_syllable(word.lower())]


# Fixtures that are packages, not text (an office's template copies: fixtures/r14b).
BINARY_FIXTURES = frozenset((".docx", ".xlsx"))


def test_fixture_lines_are_not_flagged() -> None:
    fixtures = Path(__file__).parent / "fixtures"
    for path in sorted(fixtures.rglob("*")):
        if path.is_file() and path.suffix not in BINARY_FIXTURES:
            for line in path.read_text("utf-8").splitlines():
                assert looks_like_legacy_text(line) is None, (path.name, line)
    assert len(FIXTURE_WORDS) > 500


_CLERK_SYMBOLS = ["«", "»", "©", "®", "°", "§", "¼", "±", "µ", "·", "×", "÷", "€", "–", "…", "“"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(FIXTURE_WORDS), st.sampled_from(_CLERK_SYMBOLS)),
        min_size=1,
        max_size=15,
    ),
    st.sampled_from([" ", ", ", " - ", "\n"]),
)
def test_real_vietnamese_text_with_clerk_symbols_is_never_flagged(
    words: list[str], gap: str
) -> None:
    text = gap.join(words)
    assert looks_like_legacy_text(text) is None
    assert looks_like_legacy_text(f"«{text}»") is None


def _legacy_form(word: str, encoding: str) -> str:
    return _shown(encode_legacy(word, encoding, "replace"))


# Words whose TCVN3 form has a symbol inside ("th«ng", "b¸o", "®ua"): never real text.
_TCVN3_SYMBOL_WORDS = [
    form
    for word in _SYLLABLES
    if (form := _legacy_form(word, TCVN3)) != word
    and any(ch in "«¸®¬\xad¹µ¶·¨©ª¼½¾" for ch in form)
    and any(ch.isascii() and ch.isalpha() for ch in form)
]
# Words whose VNI form is no syllable but decodes to one ("thoâng", "baùo").
_VNI_WORDS = [
    form
    for word in _SYLLABLES
    if not word.isascii()
    and not is_syllable((form := _legacy_form(word, VNI)).lower())
    and decode_legacy(form, VNI).lower() == word.lower()
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(FIXTURE_WORDS), max_size=12),
    st.sampled_from(_TCVN3_SYMBOL_WORDS),
    st.integers(min_value=0),
)
def test_one_tcvn3_word_among_unicode_words_is_found(
    words: list[str], legacy: str, at: int
) -> None:
    words.insert(at % (len(words) + 1), legacy)
    assert looks_like_legacy_text(" ".join(words)) == TCVN3


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_SYLLABLES), max_size=10),
    st.lists(st.sampled_from(_VNI_WORDS), min_size=2, max_size=4),
)
def test_vni_words_among_vietnamese_words_are_found(words: list[str], legacy: list[str]) -> None:
    assert looks_like_legacy_text(" ".join([*legacy, *words])) is not None


# --- where the detector is used: the loader and verify -------------------------------------------

BRIEF_STRINGS = [text for text, _, _ in SHORT_AND_MIXED[:4]]


@pytest.mark.parametrize("text", BRIEF_STRINGS)
def test_short_legacy_text_is_refused_at_load_with_its_line_and_field(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "tb.yaml"
    path.write_text(f'loai: thong_bao\ntrich_yeu: Lịch công tác\nket_thuc: "{text}"\n', "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.key, error.file, error.line, error.field) == (
        "data.legacy_text",
        str(path),
        3,
        "ket_thuc",
    )
    assert error.params["encoding"] == "TCVN3 (ABC)"
    assert error.params["fixed"] == dict((t, f) for t, _, f in SHORT_AND_MIXED)[text]


@pytest.mark.parametrize("text", BRIEF_STRINGS)
def test_render_refuses_short_legacy_text(inputs_copy: Path, tmp_path: Path, text: str) -> None:
    source = inputs_copy / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml"
    lines = source.read_text("utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("ket_thuc:"))
    lines[number - 1] = f'ket_thuc: "{text}"\n'
    source.write_text("".join(lines), "utf-8")
    out = tmp_path / "gm.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert f"dòng {number}" in result.output and "ket_thuc" in result.output
    assert "TCVN3" in result.output and "Traceback" not in result.output
    assert not out.exists()


# TCVN3 writes ư as 0xAD, a soft hyphen once pasted: the suggestion keeps it as ư.
TCVN3_WITH_U_HORN = "Gi¸m ®èc Së T\u00ad ph¸p, ng\u00adêi ®øng ®Çu, th\u00adêng trùc"
U_HORN_FIXED = "Giám đốc Sở Tư pháp, người đứng đầu, thường trực"


@pytest.mark.parametrize("quoted", [True, False])
def test_the_suggestion_keeps_tcvn3_u_horn_in_yaml(tmp_path: Path, quoted: bool) -> None:
    value = f'"{TCVN3_WITH_U_HORN}"' if quoted else TCVN3_WITH_U_HORN
    path = tmp_path / "tb.yaml"
    path.write_text(f"loai: thong_bao\ntrich_yeu: {value}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.line == 2 and caught.value.field == "trich_yeu"
    assert caught.value.params["fixed"] == U_HORN_FIXED


def test_the_suggestion_keeps_tcvn3_u_horn_in_a_sheet_cell() -> None:
    from pipeline.load.spreadsheet.cells import cell_text
    from pipeline.load.spreadsheet.fields import Field

    field = Field("ho_ten", ("Họ và tên",), text_only=True)
    with pytest.raises(InputError) as caught:
        cell_text(TCVN3_WITH_U_HORN, field, "B3")
    assert caught.value.key == "sheet.legacy_text"
    assert caught.value.params["fixed"] == U_HORN_FIXED
