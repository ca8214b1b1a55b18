"""verify: a Nơi nhận that names the same recipient twice fails, at the repeated line, naming
it and where the first one is (r15); lines that only look alike pass."""

from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.verify import verify_file
from pipeline.verify.rules_recipients import item_key

REPO = Path(__file__).resolve().parents[1]
DECISION = REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml"


def recipients_cell(doc):
    """The cell of the signature table holding 'Nơi nhận:'."""
    return next(
        row.cells[0]
        for table in doc.tables
        for row in table.rows
        if row.cells[0].text.strip().startswith("Nơi nhận")
    )


def recipient_lines(doc) -> list:
    """The Nơi nhận lines under the heading, in the heading's cell."""
    return [p for p in recipients_cell(doc).paragraphs if p.text.strip()][1:]


def set_text(paragraph, text: str) -> None:
    """The paragraph's text replaced, its first run's formatting kept."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def copy_after(paragraph, anchor, text: str | None = None):
    """A copy of `paragraph` (its formatting) put after `anchor`, with `text` when given."""
    element = copy.deepcopy(paragraph._p)
    anchor._p.addnext(element)
    added = next(p for p in anchor._parent.paragraphs if p._p is element)
    if text is not None:
        set_text(added, text)
    return added


def saved(doc, tmp_path: Path, name: str = "edited.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def decision(renderer, tmp_path: Path, data: Path = DECISION) -> Path:
    return renderer.render_file(data, tmp_path / "qd.docx")


def repeated(path: Path) -> list:
    return [v for v in verify_file(path).violations if v.rule == "noi_nhan.repeated"]


def test_a_recipient_printed_twice_fails_at_the_second_line(renderer, tmp_path: Path) -> None:
    source = decision(renderer, tmp_path)
    assert verify_file(source).ok
    doc = Document(str(source))
    lines = recipient_lines(doc)  # Như Điều 3; Chủ tịch UBND tỉnh (b/c); Sở Nội vụ (...); Lưu
    copy_after(lines[1], lines[2])
    path = saved(doc, tmp_path)
    report = verify_file(path)
    assert not report.ok
    (violation,) = [v for v in report.violations if v.rule == "noi_nhan.repeated"]
    assert report.rules == {"noi_nhan.repeated"}
    line = violation.line("vi")
    assert "«- Chủ tịch UBND tỉnh (b/c);»" in line.split("thấy ", 1)[1]
    assert "Mỗi nơi nhận ghi một lần" in line
    # where the first one is: its paragraph in the table, quoted
    assert "đã có ở bảng" in line and "đoạn 3 «- Chủ tịch UBND tỉnh (b/c);»" in line
    english = violation.line("en")
    assert "Each recipient named once" in english and "already at table" in english


def test_the_cli_names_the_document_and_the_repeated_line(renderer, tmp_path: Path) -> None:
    doc = Document(str(decision(renderer, tmp_path)))
    lines = recipient_lines(doc)
    copy_after(lines[2], lines[2])
    path = saved(doc, tmp_path, "qd-sua-tay.docx")
    result = CliRunner().invoke(main, ["--lang", "vi", "verify", str(path)])
    assert result.exit_code == 1, result.output
    (line,) = [text for text in result.output.splitlines() if "[noi_nhan.repeated]" in text]
    assert line.startswith(f"{path}: ")
    assert "«- Sở Nội vụ (Ban Thi đua - Khen thưởng);»" in line
    assert "Traceback" not in result.output


def test_lines_compared_without_dash_closing_case_spacing_or_form(
    renderer, tmp_path: Path
) -> None:
    """Typed again by hand: capitals, spaces, "." for ";", decomposed Unicode: the same one."""
    doc = Document(str(decision(renderer, tmp_path)))
    lines = recipient_lines(doc)
    decomposed = unicodedata.normalize("NFD", "-  SỞ NỘI VỤ   (Ban Thi đua - Khen thưởng) .")
    copy_after(lines[0], lines[2], decomposed)
    report = verify_file(saved(doc, tmp_path))
    assert "noi_nhan.repeated" in report.rules


def test_each_copy_of_a_line_printed_three_times_is_reported(renderer, tmp_path: Path) -> None:
    doc = Document(str(decision(renderer, tmp_path)))
    lines = recipient_lines(doc)
    copy_after(lines[1], lines[1])
    copy_after(lines[1], lines[1])
    assert len(repeated(saved(doc, tmp_path))) == 2


def test_lines_that_only_look_alike_pass(renderer, tmp_path: Path) -> None:
    """Another recipient that begins or ends the same way, and the same unit of two groups
    ("+ " lines under different "- " lines), are different recipients."""
    doc = Document(str(decision(renderer, tmp_path)))
    lines = recipient_lines(doc)
    anchor = lines[2]
    for text in reversed([
        "- Sở Nội vụ;",  # the unit without its part
        "- Chủ tịch UBND tỉnh;",  # without "(b/c)"
        "- UBND huyện Mai Sơn:",
        "+ Phòng Nội vụ;",
        "- UBND huyện Mộc Châu:",
        "+ Phòng Nội vụ;",
    ]):  # fmt: skip
        copy_after(lines[1], anchor, text)
    report = verify_file(saved(doc, tmp_path))
    assert "noi_nhan.repeated" not in report.rules, [v.line() for v in report.violations]


def test_a_unit_twice_in_one_group_is_repeated(renderer, tmp_path: Path) -> None:
    doc = Document(str(decision(renderer, tmp_path)))
    lines = recipient_lines(doc)
    for text in reversed(["- UBND huyện Mai Sơn:", "+ Phòng Nội vụ;", "+ phòng nội vụ;"]):
        copy_after(lines[1], lines[2], text)
    (violation,) = repeated(saved(doc, tmp_path))
    assert "«+ phòng nội vụ;»" in violation.line("vi")


def test_lines_broken_by_hand_in_one_paragraph_are_compared(renderer, tmp_path: Path) -> None:
    """Shift+Enter between two recipients: each line is one (a line without a dash goes on the
    one above it, and is not a recipient of its own)."""
    doc = Document(str(decision(renderer, tmp_path)))
    lines = recipient_lines(doc)
    added = copy_after(lines[1], lines[2], "- Sở Tài chính;")
    added.runs[0].add_break()
    added.runs[0].add_text("- Sở Tài chính;")
    assert len(repeated(saved(doc, tmp_path))) == 1
    set_text(added, "- Ủy ban nhân dân")
    added.runs[0].add_break()
    added.runs[0].add_text("các huyện;")
    follow = copy_after(lines[1], added, "- Phòng Tài chính các huyện;")
    assert follow is not None
    assert not repeated(saved(doc, tmp_path, "other.docx"))


def test_a_long_list_going_on_under_the_signature(
    renderer, tmp_path: Path, inputs_copy: Path
) -> None:
    """A long Nơi nhận goes on in the row under the signature (noi_nhan_tiep): a document made
    from an office's old copy of the block printed those lines twice, beside and under it."""
    data = yaml.safe_load(DECISION.read_text("utf-8"))
    data["noi_nhan"] = [f"UBND xã số {n}" for n in range(1, 41)]
    typed = inputs_copy / "2024" / "qd-dai.yaml"
    typed.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    source = decision(renderer, tmp_path, typed)
    assert verify_file(source).ok  # 40 recipients, beside and under the signature: none twice
    doc = Document(str(source))
    under = [
        cell
        for table in doc.tables
        for row in table.rows[1:]
        for cell in row.cells[:1]
        if "UBND xã số 40" in cell.text
    ]
    assert under, "the list does not go on under the signature"
    last = [p for p in under[0].paragraphs if p.text.startswith("- UBND xã số 40")][0]
    first = next(p for p in recipient_lines(doc) if p.text.startswith("- UBND xã số 1;"))
    copy_after(first, last)
    (violation,) = repeated(saved(doc, tmp_path))
    assert "«- UBND xã số 1;»" in violation.line("vi")


def test_recipient_key() -> None:
    """Two spellings of one recipient give one key (mark, case, spacing, closing mark, tone
    placement aside); different recipients, or a group's heading and a recipient, do not."""
    assert item_key("- Sở Nội vụ;") == item_key("-SỞ  NỘI VỤ .") == item_key("+ Sở Nội vụ")
    assert item_key("- Uỷ ban nhân dân tỉnh;") == item_key("- ỦY BAN NHÂN DÂN TỈNH.")
    assert item_key("- Sở Nội vụ;") != item_key("- Sở Tư pháp;")
    assert item_key("- Sở Nội vụ:") != item_key("- Sở Nội vụ;")
    assert item_key("-") == item_key("- ;") == ""
