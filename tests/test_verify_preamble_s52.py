"""verify's căn cứ preamble of a Quyết định, round s52: its "Theo đề nghị ..." / "Xét đề nghị ..."
line typed in capitals or in small letters, or saved in another Unicode form, is still the
preamble's last line (italic, closing with "." or ","), not running text after a preamble
that would then end one line early.

Each document is vanthu's own decision edited as a clerk would in Word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from pipeline.verify import verify_file
from pipeline.verify.rules_body import PREAMBLE_OPENINGS, opens_with

REPO = Path(__file__).resolve().parents[1]
# The example decisions whose preamble closes with each opening vanthu writes.
DECISIONS = {
    "Xét đề nghị": REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml",
    "Theo đề nghị": REPO / "inputs" / "2022" / "qd-giay-khen.yaml",
}
OPENING_IDS = ["xet-de-nghi", "theo-de-nghi"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example decisions, rendered once, by the opening of their proposal line."""
    from pipeline.api import Renderer

    folder = tmp_path_factory.mktemp("s52")
    renderer = Renderer(REPO / "templates")
    return {
        opening: renderer.render_file(source, folder / f"{source.stem}.docx")
        for opening, source in DECISIONS.items()
    }


def proposal_edited(
    source: Path, opening: str, tmp_path: Path, rewrite: Callable[[str], str]
) -> Path:
    """A copy of `source` whose proposal line (opening with `opening`) is `rewrite` of it, typed
    over its runs as Word keeps a retyped line: in the first run, with its formatting."""
    doc = Document(str(source))
    line = next(p for p in doc.paragraphs if p.text.startswith(opening))
    runs = [run for run in line.runs if run.text]
    runs[0].text = rewrite(line.text)
    for run in runs[1:]:
        run.text = ""
    path = tmp_path / f"edited-{source.name}"
    doc.save(str(path))
    return path


def opening_as(opening: str, written: str) -> Callable[[str], str]:
    """A rewrite putting the opening `written` ("THEO ĐỀ NGHỊ") in place of `opening`."""
    return lambda text: written + text[len(opening) :]


@pytest.mark.parametrize("opening", list(DECISIONS), ids=OPENING_IDS)
@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["capitals", "small"])
def test_a_proposal_opening_in_any_case_closes_the_preamble(
    opening: str, case: Callable[[str], str], rendered: dict[str, Path], tmp_path: Path
) -> None:
    assert verify_file(rendered[opening]).ok  # as vanthu wrote it
    path = proposal_edited(rendered[opening], opening, tmp_path, opening_as(opening, case(opening)))
    report = verify_file(path)
    # Not "can_cu.punctuation" on the căn cứ line above (read as the last, wanting "."), nor
    # "noi_dung.italic" on the proposal line (read as running text).
    assert report.ok and not report.rules, report.format_text("vi")


@pytest.mark.parametrize("opening", list(DECISIONS), ids=OPENING_IDS)
def test_a_proposal_in_capitals_and_another_unicode_form_is_told_only_of_that(
    opening: str, rendered: dict[str, Path], tmp_path: Path
) -> None:
    decomposed = opening_as(opening, unicodedata.normalize("NFD", opening.upper()))
    report = verify_file(proposal_edited(rendered[opening], opening, tmp_path, decomposed))
    assert report.rules == {"text.nfc"}, report.format_text("vi")


def test_a_proposal_in_capitals_is_checked_as_the_last_line(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    opening = "Xét đề nghị"
    source = rendered[opening]
    unclosed = opening_as(opening, "XÉT ĐỀ NGHỊ")
    report = verify_file(proposal_edited(source, opening, tmp_path,
                                         lambda text: unclosed(text).rstrip(".")))  # fmt: skip
    assert report.rules == {"can_cu.punctuation"}, report.format_text("vi")
    assert [v.where.excerpt[:11] for v in report.violations] == ["XÉT ĐỀ NGHỊ"]
    # Many offices close it with a comma before QUYẾT ĐỊNH:, whatever its case.
    comma = proposal_edited(source, opening, tmp_path,
                            lambda text: unclosed(text).rstrip(".") + ",")  # fmt: skip
    assert verify_file(comma).ok


def test_an_opening_typed_twice_in_capitals_is_told(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    opening = "Theo đề nghị"
    doubled = opening_as(opening, "THEO ĐỀ NGHỊ CỦA Theo đề nghị")
    report = verify_file(proposal_edited(rendered[opening], opening, tmp_path, doubled))
    assert report.rules == {"can_cu.doubled"}, report.format_text("vi")


@pytest.mark.parametrize(
    ("text", "opens"),
    [("CĂN CỨ Luật Thi đua, khen thưởng;", True),
     ("căn cứ Luật Thi đua, khen thưởng;", True),
     (unicodedata.normalize("NFD", "Theo đề nghị của Chánh Văn phòng."), True),
     ("Theo  đề\u00a0nghị của Chánh Văn phòng.", True),
     ("Theo đề nghịch lý.", False),
     ("Căn cứu hộ.", False),
     ("Thực hiện Kế hoạch số 12/KH-UBND;", False)],
)  # fmt: skip
def test_opens_with_reads_the_words_not_their_case_or_form(text: str, opens: bool) -> None:
    assert opens_with(text, PREAMBLE_OPENINGS) is opens
