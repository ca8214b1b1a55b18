"""Widths of letters with a tone mark over ơ, ư (ờ, ừ, Ừ ...): measured as the horned letter,
not as o and u, so that a certificate's name with "Trường", "Mường", "Được" is shrunk or
refused before it wraps on the phôi, and verify says when it would."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.api import Renderer
from pipeline.errors import InputError
from pipeline.rules.metrics import char_width_em, text_width_pt
from pipeline.verify import verify_file
from tests.test_giay_khen import CERTIFICATE, LIST, example_rows, name_size, workspace
from tests.typed_docs import TEMPLATES, open_docx, page_lines, to_pdf

TONES = "\u0300\u0301\u0303\u0309\u0323"
# Letters whose own mark (horn, breve, circumflex) is part of the letter, as the table holds them.
MARKED = "ơưƠƯâăêôÂĂÊÔ"
# 52 characters, ten horned letters with a tone: wider than the phôi's name field at 26 pt.
SCHOOL = "Trường Trung học cơ sở Phường Chiềng Lề huyện Mường La"
# Fits at 18 pt when ờ and ừ are measured as o and u; 12 pt wider than the field as printed.
CONTRIVED = "Hưởng Phượng Hứa Hợi Cường Ứng Lường Được Trường Ừ Hưởng Cường Hứa Hưởng"


@pytest.mark.parametrize("bold", [True, False])
@pytest.mark.parametrize("letter", list(MARKED))
def test_a_tone_mark_leaves_the_letter_its_own_width(letter: str, bold: bool) -> None:
    for tone in TONES:
        toned = unicodedata.normalize("NFC", letter + tone)
        assert char_width_em(toned, bold=bold) == char_width_em(letter, bold=bold), toned


def test_the_horn_is_measured() -> None:
    assert char_width_em("ừ", bold=True) > char_width_em("ù", bold=True)
    assert char_width_em("ữ", bold=False) > char_width_em("ũ", bold=False)
    assert char_width_em("ợ", bold=True) > char_width_em("ọ", bold=True)
    assert text_width_pt("Trường", 26, bold=True) > text_width_pt("Truòng", 26, bold=True)


def test_a_name_with_horned_letters_is_shrunk_to_one_line(tmp_path: Path) -> None:
    rows = example_rows()[:2]
    rows[1] = {**rows[1], "Họ và tên": SCHOOL, "Loại": "Tập thể", "Chức vụ": ""}
    source = workspace(tmp_path, rows, CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "school.docx")
    names = [p for p in open_docx(docx).paragraphs if p.style.name == "GiayKhenTen"]
    size = name_size(names[1])
    assert size is not None and 18 <= size < 25.5  # 25.5 pt wrapped "La" onto a second line
    pages = page_lines(to_pdf([docx], tmp_path)[0])
    assert len(pages) == 2 and SCHOOL in pages[1]
    assert verify_file(docx).ok


def test_a_name_too_wide_once_its_horns_are_measured_is_refused(tmp_path: Path) -> None:
    rows = example_rows()
    rows[2] = {**rows[2], "Họ và tên": CONTRIVED}
    source = workspace(tmp_path, rows, CERTIFICATE)
    with pytest.raises(InputError) as caught:
        Renderer(TEMPLATES).render_file(source, tmp_path / "x.docx")
    error = caught.value
    assert error.key == "data.name_too_long"
    assert (Path(error.file).name, error.row, error.field) == (LIST.name, 4, "Họ và tên")
