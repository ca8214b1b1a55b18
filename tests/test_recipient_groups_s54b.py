"""Nơi nhận and Kính gửi as a clerk types them (s54b): a group typed as its lines ("- Các thôn,
bản:", "+ Bản Ít;", "+ Bản Nà;") prints as the decree writes it in every type with a Nơi nhận,
its ":" and "+ " kept; typed as a YAML list under its line it is refused with the lines to type;
verify fails a Kính gửi line printing a bullet after its dash, and holds a typed "Như Điều 3
(...)" to be the line "Như Điều 3", as the renderer does."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.context.common import grouped_lines
from pipeline.context.signature_room import LINE_STYLE, Heights
from pipeline.errors import InputError
from pipeline.render.compose import TemplateLibrary
from pipeline.render.styles import StyleSheet
from pipeline.verify import verify_file
from pipeline.verify.rules_recipients import item_key
from tests.docx_text import BREAK, paragraph_texts
from tests.test_recipients_typed import _example
from tests.test_verify_r15_recipients import recipient_lines, saved, set_text

GROUP = ["- Các thôn, bản:", "+ Bản Ít;", "+ Bản Nà;"]
# The group as the list keeps it: one line, which the list's own "- " and ";" close.
KEPT = "Các thôn, bản:\n+ Bản Ít;\n+ Bản Nà"
# One example of each type with a Nơi nhận, and the start of its list.
TYPES = {
    "ke_hoach": ("2024/ke-hoach-hoi-dong-tdkt-huyen.yaml", "noi_nhan:\n"),
    "quyet_dinh": ("2024/qd-dieu-dong-cong-chuc.yaml", "noi_nhan:\n"),
    "bao_cao": ("2022/bao-cao-tong-ket.yaml", "noi_nhan:\n"),
    "cong_van": ("2024/cv-don-doc-bao-cao-tdkt.yaml", "noi_nhan:\n"),
    "to_trinh": ("2024/to-trinh-khen-thuong.yaml", "noi_nhan:\n"),
    "thong_bao": ("2024/tb-ket-luan-hop-hoi-dong.yaml", "noi_nhan:\n"),
    "giay_moi": ("2024/giay-moi-hoi-nghi-tong-ket.yaml", "noi_nhan:\n"),
}
LETTER = "2024/cv-don-doc-bao-cao-tdkt.yaml"


def _quoted(lines: list[str]) -> str:
    return "".join(f'  - "{line}"\n' for line in lines)


def _with_group(tmp_path: Path, kind: str, lines: list[str] = GROUP) -> Path:
    """The example of `kind` with `lines` typed first in its Nơi nhận."""
    name, start = TYPES[kind]
    return _example(tmp_path, name, start, start + _quoted(lines))


def printed_lines(docx: Path) -> list[str]:
    """The Nơi nhận lines as a reader meets them (python-docx's paragraphs, tables read cell by
    cell): each paragraph from "Nơi nhận:" to "- Lưu: ...", those in the rows under the
    signature too, a line break in one starting a line."""
    texts = paragraph_texts(docx)
    start = texts.index("Nơi nhận:")
    end = next(n for n, text in enumerate(texts) if n > start and text.startswith("- Lưu:"))
    return [line.strip() for text in texts[start + 1 : end + 1] for line in text.split(BREAK)]


def _run(lines: list[str], part: list[str]) -> bool:
    """Whether `part` stands in `lines` as consecutive lines."""
    return any(lines[n : n + len(part)] == part for n in range(len(lines)))


# --- The group form printed --------------------------------------------------------------


@pytest.mark.parametrize("kind", list(TYPES))
def test_a_typed_group_prints_as_the_decree_writes_it(tmp_path: Path, renderer, kind: str) -> None:
    out = renderer.render_file(_with_group(tmp_path, kind), tmp_path / f"{kind}.docx")
    lines = printed_lines(out)
    assert _run(lines, GROUP), lines
    assert not [line for line in lines if line.startswith("- Bản")], lines
    assert lines[-1].startswith("- Lưu:") and lines[-1].endswith("."), lines
    assert all(line.endswith((";", ":")) for line in lines[:-1]), lines
    report = verify_file(out)
    assert report.ok, report.format_text("vi")


def test_the_group_is_one_paragraph_its_lines_broken_at_the_left_edge(
    tmp_path: Path, renderer
) -> None:
    out = renderer.render_file(_with_group(tmp_path, "cong_van"), tmp_path / "cv.docx")
    texts = [p.text for p in recipient_lines(Document(str(out)))]
    assert "\n".join(GROUP) in texts, texts


def test_libreoffice_prints_the_group_lines(tmp_path: Path, libreoffice: str) -> None:
    path = _with_group(tmp_path, "cong_van")
    pdf = tmp_path / "cv.pdf"
    result = CliRunner().invoke(main, ["render", str(path), "--pdf", "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    starts = [next((n for n, line in enumerate(lines) if line.startswith(part)), None)
              for part in GROUP]  # fmt: skip
    assert None not in starts, text
    assert starts == sorted(starts) and starts[-1] - starts[0] == 2, (starts, text)
    assert not any(line.startswith("- Bản") for line in lines), text


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (GROUP, [KEPT]),
        ([*GROUP, "Sở Y"], [KEPT, "Sở Y"]),
        (["Sở Y", *GROUP], ["Sở Y", KEPT]),
        (["Các thôn:", "+ Bản Ít"], ["Các thôn:\n+ Bản Ít"]),
        (["A:", "+ B", "C:", "+ D;"], ["A:\n+ B", "C:\n+ D"]),
        # A "+ " line under no line ending ":": a bullet pasted from Word (s52).
        (["Sở Y", "+ Bản Ít;"], ["Sở Y", "Bản Ít"]),
        (["+ Bản Ít;", "+ Bản Nà"], ["Bản Ít", "Bản Nà"]),
        # A line ending ":" with no "+ " line under it: the clerk's mark (s50b).
        (["Ban Thi đua:", "Sở Y"], ["Ban Thi đua", "Sở Y"]),
        (["Lãnh đạo cơ quan,", "Ban Thi đua:"], ["Lãnh đạo cơ quan", "Ban Thi đua"]),
        # After a member, a line without "+ " is a recipient of its own again.
        ([*GROUP, "+ Sở Y"], [KEPT + ";\n+ Sở Y"]),
        ([*GROUP, "Sở Y", "+ Sở Z"], [KEPT, "Sở Y", "Sở Z"]),
    ],
)  # fmt: skip
def test_grouped_lines(typed: list[str], kept: list[str]) -> None:
    assert grouped_lines(typed) == kept


def test_the_signature_room_counts_the_lines_a_group_prints() -> None:
    styles = StyleSheet(TemplateLibrary().frame.parts["word/styles.xml"])
    heights = Heights(styles)
    assert heights.recipient(KEPT) == pytest.approx(heights.paragraph(LINE_STYLE, 3))
    assert heights.recipient("Bản Ít") == pytest.approx(heights.paragraph(LINE_STYLE, 1))


def test_a_group_in_a_long_list_prints_whole_and_once(tmp_path: Path, renderer) -> None:
    many = [f"Ủy ban nhân dân xã Đơn Vị Số {k:02d}" for k in range(1, 40)]
    path = _with_group(tmp_path, "cong_van", [*many[:20], *GROUP, *many[20:]])
    out = renderer.render_file(path, tmp_path / "cv.docx")
    lines = printed_lines(out)
    assert _run(lines, GROUP), lines
    assert len(lines) == len(set(lines)), lines
    report = verify_file(out)
    assert report.ok, report.format_text("vi")


# --- The group typed as a YAML list ------------------------------------------------------------


YAML_GROUP = "noi_nhan:\n  - Các thôn, bản:\n      - Bản Ít\n      - Bản Nà\n"


def test_a_group_typed_as_a_yaml_list_is_refused_with_the_lines_to_type(
    tmp_path: Path,
) -> None:
    path = _example(tmp_path, LETTER, "noi_nhan:\n  - Lãnh đạo Văn phòng\n", YAML_GROUP)
    with pytest.raises(InputError) as caught:
        load_document(path)
    said = caught.value.message()
    assert '- "Các thôn, bản:" - "+ Bản Ít" - "+ Bản Nà"' in said, said
    assert "nháy kép" in said and "hiểu nhầm là khóa" not in said, said


def test_the_cli_names_the_file_line_and_field_of_a_yaml_group(tmp_path: Path) -> None:
    path = _example(tmp_path, LETTER, "noi_nhan:\n  - Lãnh đạo Văn phòng\n", YAML_GROUP)
    result = CliRunner().invoke(main, ["--lang", "en", "render", str(path),
                                       "-o", str(tmp_path / "cv.docx")])  # fmt: skip
    assert result.exit_code != 0
    assert "line 27" in result.output and "noi_nhan[1]" in result.output, result.output
    assert "write the recipient group «Các thôn, bản»" in result.output, result.output
    assert "Traceback" not in result.output


def test_the_quoted_lines_the_message_gives_print_the_group(tmp_path: Path, renderer) -> None:
    typed = "noi_nhan:\n" + _quoted(["Các thôn, bản:", "+ Bản Ít", "+ Bản Nà"])
    path = _example(tmp_path, LETTER, "noi_nhan:\n  - Lãnh đạo Văn phòng\n", typed)
    lines = printed_lines(renderer.render_file(path, tmp_path / "cv.docx"))
    assert _run(lines, GROUP), lines


# --- verify: Kính gửi lines with a doubled bullet ------------------------------------------


def _addressed(renderer, tmp_path: Path) -> tuple[Document, list]:
    """The example letter rendered, its Kính gửi paragraphs (python-docx)."""
    out = renderer.render_file(REPO_INPUTS / LETTER, tmp_path / "cv.docx")
    doc = Document(str(out))
    lines = [p for p in doc.paragraphs if p.text.startswith(("Kính gửi", "- "))]
    return doc, lines


REPO_INPUTS = Path(__file__).resolve().parents[1] / "inputs"


@pytest.mark.parametrize(
    ("index", "text"),
    [
        (0, "Kính gửi:\t- - Các phòng, ban, đơn vị thuộc Văn phòng;"),
        (0, "Kính gửi:\t- • Các phòng, ban, đơn vị thuộc Văn phòng;"),
        (1, "- - Sở Tài chính."),
        (1, "- – Nhà khách Bình Minh."),
    ],
)
def test_verify_fails_a_kinh_gui_line_with_a_doubled_bullet(
    tmp_path: Path, renderer, index: int, text: str
) -> None:
    doc, lines = _addressed(renderer, tmp_path)
    assert lines[0].text.startswith("Kính gửi:\t- "), [p.text for p in lines]
    set_text(lines[index], text)
    report = verify_file(saved(doc, tmp_path))
    found = [v for v in report.violations if v.rule == "kinh_gui.dash"]
    assert len(found) == 1, report.format_text("vi")
    assert "dấu đầu dòng dán từ Word" in found[0].line("vi")
    assert 'Each "Kính gửi" line with one "- "' in found[0].line("en")


@pytest.mark.parametrize("text", ["Kính gửi:\t- Các phòng, ban;", "- -5 độ C.", "- Sở Tài chính."])
def test_a_kinh_gui_line_with_one_mark_passes(tmp_path: Path, renderer, text: str) -> None:
    doc, lines = _addressed(renderer, tmp_path)
    set_text(lines[0 if text.startswith("Kính") else 1], text)
    report = verify_file(saved(doc, tmp_path))
    assert "kinh_gui.dash" not in report.rules, report.format_text("vi")


# --- verify: "Như Điều 3 (...)" is the line "Như Điều 3" ------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("- Như Điều 3 (để thực hiện);", "- Như Điều 3;", True),
        ("- Như Điều 3;", "- như điều 4 (b/c);", True),
        ("- Như trên (để thực hiện);", "- Như trên;", True),
        ("- Như Điều 3, 4;", "- Như Điều 3;", False),
        ("- Trường Tiểu học số 1;", "- Trường Tiểu học số 2;", False),
        ("- Sở Nội vụ (b/c);", "- Sở Nội vụ;", False),
    ],
)
def test_item_key_keys_vanthus_own_lines_as_the_renderer(
    first: str, second: str, same: bool
) -> None:
    assert (item_key(first) == item_key(second)) is same


def test_verify_fails_nhu_dieu_printed_twice_with_a_purpose(tmp_path: Path, renderer) -> None:
    out = renderer.render_file(REPO_INPUTS / TYPES["quyet_dinh"][0], tmp_path / "qd.docx")
    doc = Document(str(out))
    lines = recipient_lines(doc)
    assert lines[0].text == "- Như Điều 4;", [p.text for p in lines]
    set_text(lines[1], "- Như Điều 4 (để thực hiện);")
    report = verify_file(saved(doc, tmp_path))
    found = [v for v in report.violations if v.rule == "noi_nhan.repeated"]
    assert len(found) == 1, report.format_text("vi")
