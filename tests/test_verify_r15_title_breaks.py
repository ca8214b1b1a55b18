"""verify points out a trích yếu broken where vanthu never breaks one (title_lines): a line the
page wraps where it chooses, a year apart from "năm", a word alone on the last line (r15).
A break between two other phrases passes; what vanthu prints never gets the warning."""

from __future__ import annotations

import copy
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.verify import verify_file

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
FIRST = "Triển khai, thực hiện công tác thi đua, khen thưởng năm 2022"
SECOND = "của Văn phòng UBND tỉnh"
# The trích yếu as one line, as title_lines breaks it (the example's data types it in two).
AS_VANTHU = (
    "«Triển khai, thực hiện công tác thi đua,» / «khen thưởng năm 2022 của Văn phòng UBND tỉnh»"
)


def plan(renderer, tmp_path: Path) -> Path:
    return renderer.render_file(PLAN, tmp_path / "ke-hoach.docx")


def summary(doc):
    """The trích yếu paragraph (under KẾ HOẠCH)."""
    return next(p for p in doc.paragraphs if p.style.name == "TrichYeu")


def set_lines(paragraph, *lines: str) -> None:
    """The paragraph's text as these lines (Shift+Enter between them), its formatting kept."""
    runs = [r for r in paragraph.runs if r.text]  # not the runs holding a drawing (its rule)
    runs[0].text = "\n".join(lines)
    for run in runs[1:]:
        run.text = ""


def edited(renderer, tmp_path: Path, *lines: str, paragraphs: bool = False) -> Path:
    """The plan with its trích yếu printed as `lines`: in one paragraph, or (`paragraphs`)
    one paragraph each, as Enter makes them."""
    doc = Document(str(plan(renderer, tmp_path)))
    p = summary(doc)
    if paragraphs:
        set_lines(p, lines[0])
        anchor = p
        for line in lines[1:]:
            element = copy.deepcopy(p._p)
            anchor._p.addnext(element)
            anchor = next(q for q in doc.paragraphs if q._p is element)
            set_lines(anchor, line)
    else:
        set_lines(p, *lines)
    path = tmp_path / "edited.docx"
    doc.save(str(path))
    return path


def title_warnings(path: Path) -> list:
    return [w for w in verify_file(path).warnings if w.rule.startswith("trich_yeu.")]


def test_vanthu_s_own_lines_get_no_warning(renderer, tmp_path: Path) -> None:
    report = verify_file(plan(renderer, tmp_path))
    assert report.ok and not [w for w in report.warnings if w.rule.startswith("trich_yeu.")]


def test_a_line_the_page_wraps_is_pointed_out_with_vanthu_s_lines(
    renderer, tmp_path: Path
) -> None:
    path = edited(renderer, tmp_path, f"{FIRST} {SECOND}")
    (warning,) = title_warnings(path)
    assert warning.rule == "trich_yeu.wraps"
    line = warning.line("vi", warning=True)
    assert f"thấy «{FIRST} của Văn" in line  # the line, quoted
    assert AS_VANTHU in line
    assert "cảnh báo" in line
    assert "as vanthu breaks it" in warning.line("en")
    assert "trich_yeu.wraps" not in verify_file(path).rules  # a warning, not a violation


def test_a_year_apart_from_năm_is_pointed_out(renderer, tmp_path: Path) -> None:
    path = edited(renderer, tmp_path, FIRST.removesuffix(" 2022"), f"2022 {SECOND}")
    (warning,) = title_warnings(path)
    assert warning.rule == "trich_yeu.breaks"
    line = warning.line("vi")
    assert "xuống dòng sau «…đua, khen thưởng năm», dòng sau là «2022 của Văn phòng" in line
    assert AS_VANTHU in line


def test_a_word_alone_on_the_last_line_is_pointed_out(renderer, tmp_path: Path) -> None:
    path = edited(renderer, tmp_path, FIRST, SECOND.removesuffix(" tỉnh"), "tỉnh")
    (warning,) = title_warnings(path)
    assert warning.rule == "trich_yeu.breaks"
    assert "dòng sau là «tỉnh»" in warning.line("vi")


def test_a_line_ending_in_của_is_pointed_out(renderer, tmp_path: Path) -> None:
    path = edited(renderer, tmp_path, f"{FIRST} của", SECOND.removeprefix("của "))
    assert [w.rule for w in title_warnings(path)] == ["trich_yeu.breaks"]


def test_lines_in_paragraphs_of_their_own_are_judged_alike(renderer, tmp_path: Path) -> None:
    """Enter instead of Shift+Enter: a break all the same."""
    bad = edited(renderer, tmp_path, FIRST.removesuffix(" 2022"), f"2022 {SECOND}",
                 paragraphs=True)  # fmt: skip
    assert [w.rule for w in title_warnings(bad)] == ["trich_yeu.breaks"]


def test_a_break_between_two_other_phrases_passes(renderer, tmp_path: Path) -> None:
    """Not where vanthu breaks it, but between phrases: the office's choice."""
    path = edited(
        renderer, tmp_path, "Triển khai, thực hiện công tác thi đua, khen thưởng",
        f"năm 2022 {SECOND}",
    )
    assert not title_warnings(path)
    three = edited(renderer, tmp_path, "Triển khai, thực hiện", "công tác thi đua, khen thưởng",
                   f"năm 2022 {SECOND}")  # fmt: skip
    assert not title_warnings(three)


def test_the_cli_says_it_as_a_warning_and_passes_the_file(renderer, tmp_path: Path) -> None:
    path = edited(renderer, tmp_path, FIRST.removesuffix(" 2022"), f"2022 {SECOND}")
    result = CliRunner().invoke(main, ["--lang", "vi", "verify", str(path)])
    (line,) = [text for text in result.output.splitlines() if "[trich_yeu.breaks]" in text]
    assert line.startswith(f"{path}: ") and "cảnh báo" in line
    assert "Traceback" not in result.output
