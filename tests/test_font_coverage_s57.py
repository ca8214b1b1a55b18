"""s57 R5: a character Times New Roman has no glyph for (✓, ★) in a cell of a list a document
reads is warned of as one in the document's own data is (s56 F1), at the list's file, row and
column; one scan of the list's text when it holds none."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.rules.font_coverage import cell_warnings

COUNCIL = "inputs/2022/qd-thanh-lap-hoi-dong.yaml"
MEMBERS = "inputs/2022/hoi-dong-tdkt-2022.csv"


def _members_with_symbols(folder: Path) -> Path:
    """The example council's member list, copied to `folder`, with ✓ in the Chức vụ of row 3
    and in row 4, and ★ in the Vai trò of row 5."""
    path = folder / MEMBERS
    text = path.read_text("utf-8-sig")
    text = text.replace("Lò Văn Mạnh,Phó Chánh Văn phòng,", "Lò Văn Mạnh,Phó Chánh Văn phòng ✓,")
    text = text.replace("Hành chính - Quản trị,", "Hành chính - Quản trị ✓,")
    text = text.replace("Trưởng phòng Tổng hợp,Ủy viên", "Trưởng phòng Tổng hợp,Ủy viên ★")
    path.write_text(text, "utf-8-sig")
    return path


def test_the_load_warns_at_the_first_cell_of_each_character(example_here: Path) -> None:
    members = _members_with_symbols(example_here)
    document = load_document(example_here / COUNCIL)
    found = [(w.file, w.row, w.column, w.field, w.params["char"]) for w in document.warnings
             if w.key == "data.glyph_missing"]  # fmt: skip
    assert found == [
        (str(members.resolve()), 3, 2, "Chức vụ", "'✓' (CHECK MARK, U+2713)"),
        (str(members.resolve()), 5, 3, "Vai trò", "'★' (BLACK STAR, U+2605)"),
    ]


def test_check_names_the_list_row_and_column_in_vietnamese_and_english(
    cli: click.Group, example_here: Path
) -> None:
    _members_with_symbols(example_here)
    result = CliRunner().invoke(cli, ["check", COUNCIL])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (
        f"Cảnh báo: {COUNCIL}: {MEMBERS}, dòng 3, trường 'Chức vụ': ký tự '✓' (CHECK MARK, "
        "U+2713) không có trong phông Times New Roman: Word in nó bằng phông khác, còn vanthu "
        "không xuất được PDF của văn bản khi có nó; hãy viết «√» thay cho «✓»"
    ) in said, said
    assert said.count("'✓' (CHECK MARK") == 1
    assert f"{MEMBERS}, dòng 5, trường 'Vai trò': ký tự '★' (BLACK STAR" in said
    result = CliRunner().invoke(cli, ["--lang", "en", "check", COUNCIL])
    said = " ".join(result.stderr.split())
    assert (f"Warning: {COUNCIL}: {MEMBERS}, row 5, field 'Vai trò': the character '★' "
            "(BLACK STAR, U+2605) is not in the Times New Roman font") in said, said  # fmt: skip
    assert "write «*» instead of «★»" in said


def test_a_list_the_font_prints_whole_gives_no_warning(example_here: Path) -> None:
    document = load_document(example_here / COUNCIL)
    assert [w for w in document.warnings if w.key == "data.glyph_missing"] == []
    members = document.info.attachments.members
    assert members is not None and len(members) > 3
    assert cell_warnings(members.rows) == ()


def test_two_decisions_naming_the_list_say_it_once(cli: click.Group, example_here: Path) -> None:
    """As a list's other warnings of the file (ListUsers): by the first decision naming it."""
    _members_with_symbols(example_here)
    second = example_here / "inputs/2022/qd-thanh-lap-hoi-dong-2.yaml"
    second.write_text((example_here / COUNCIL).read_text("utf-8").replace("so: 3", "so: 4"),
                      "utf-8")  # fmt: skip
    result = CliRunner().invoke(cli, ["check", COUNCIL, str(second.relative_to(example_here))])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert said.count("'✓' (CHECK MARK") == 1 and said.count("'★' (BLACK STAR") == 1, said
    # by the first of them in the workspace's order: "-2.yaml" sorts before ".yaml"
    assert f"Cảnh báo: inputs/2022/qd-thanh-lap-hoi-dong-2.yaml: {MEMBERS}, dòng 3" in said


AWARDS = "inputs/2022/qd-giay-khen.yaml"
AWARD_LIST = "inputs/2022/danh-sach-giay-khen-2022.csv"
PROFILE = "inputs/co-quan/van-phong-ubnd-son-la.yaml"


def test_an_award_lists_cell_is_warned_at_its_row_and_column(example_here: Path) -> None:
    """An award decision's list (awards.read_award_list) is looked at as a council's is."""
    path = example_here / AWARD_LIST
    text = path.read_text("utf-8-sig")
    path.write_text(text.replace("Phòng Nội chính,", "Phòng Nội chính ✓,", 1), "utf-8-sig")
    document = load_document(example_here / AWARDS)
    found = [(w.row, w.field, w.params["char"]) for w in document.warnings
             if w.key == "data.glyph_missing"]  # fmt: skip
    assert found == [(4, "Đơn vị", "'✓' (CHECK MARK, U+2713)")]


def test_an_agency_profiles_text_is_warned_once_at_its_line(
    cli: click.Group, example_here: Path
) -> None:
    """A signer's name in the profile prints on every document of the office: said once, at
    the profile's line and field, by a check of several documents."""
    path = example_here / PROFILE
    text = path.read_text("utf-8")
    path.write_text(text.replace("ho_ten: Lò Văn Mạnh", "ho_ten: Lò Văn Mạnh ★", 1), "utf-8")
    line = next(n for n, row in enumerate(path.read_text("utf-8").splitlines(), 1)
                if "Lò Văn Mạnh ★" in row)  # fmt: skip
    result = CliRunner().invoke(cli, ["--lang", "en", "check", AWARDS, COUNCIL])
    said = " ".join(result.stderr.split())
    field = "nguoi_ky.pho-chanh-van-phong.ho_ten"
    assert f"{PROFILE}, line {line}, field '{field}': the character '★'" in said, said
    assert said.count("'★' (BLACK STAR") == 1, said
