"""verify: the header and the signature sit in tables without borders (nd30-layout.md), read
through the table's own borders, its style (basedOn) and each cell's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml import parse_xml

from pipeline.cli import main
from pipeline.verify import verify_file
from tests.new_office import new_office

REPO = Path(__file__).resolve().parents[1]
DECISION = REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RULES = ("header.borders", "chu_ky.borders")


def borders_xml(tag: str, value: str = "single", color: str = "000000",
                edges: tuple[str, ...] = ("top", "left", "bottom", "right", "insideH",
                                          "insideV")) -> str:  # fmt: skip
    lines = "".join(
        f'<w:{edge} w:val="{value}" w:sz="4" w:space="0" w:color="{color}"/>' for edge in edges
    )
    return f'<w:{tag} xmlns:w="{W}">{lines}</w:{tag}>'


@pytest.fixture(scope="module")
def decision(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.api import Renderer

    out = tmp_path_factory.mktemp("borders") / "qd.docx"
    return Renderer(REPO / "templates").render_file(DECISION, out)


def found(path: Path) -> list[tuple[str, str]]:
    report = verify_file(path)
    return [(v.rule, v.where.describe()) for v in report.violations if v.rule in RULES]


def edited(decision: Path, tmp_path: Path, edit) -> Path:
    doc = Document(str(decision))
    edit(doc)
    path = tmp_path / "edited.docx"
    doc.save(str(path))
    return path


def header_table(doc):
    return next(t for t in doc.tables if "CỘNG HÒA" in t._tbl.xml)


def signature_table(doc):
    return next(t for t in doc.tables if t.cell(0, 0).text.strip().startswith("Nơi nhận"))


def set_table_borders(table, xml: str) -> None:
    props = table._tbl.tblPr
    for old in props.findall(f"{{{W}}}tblBorders"):
        props.remove(old)
    props.append(parse_xml(xml))


def test_the_rendered_decision_has_borderless_tables(decision: Path) -> None:
    assert found(decision) == []


def test_the_header_table_with_borders_is_reported_once(decision: Path, tmp_path: Path) -> None:
    path = edited(
        decision, tmp_path, lambda d: set_table_borders(header_table(d), borders_xml("tblBorders"))
    )
    [(rule, where)] = found(path)
    assert rule == "header.borders" and where.startswith("bảng 1, hàng 1, ô 1")


def test_a_bordered_table_style_through_based_on(decision: Path, tmp_path: Path) -> None:
    """A table style based on one with a grid ('Table Grid' as Word writes it) prints lines."""

    def edit(doc) -> None:
        styles = doc.styles.element
        grid = borders_xml("tblBorders").replace(f' xmlns:w="{W}"', "")
        styles.append(parse_xml(
            f'<w:style xmlns:w="{W}" w:type="table" w:styleId="LuoiGoc"><w:name w:val="Luoi"/>'
            f"<w:tblPr>{grid}</w:tblPr></w:style>"))  # fmt: skip
        styles.append(parse_xml(
            f'<w:style xmlns:w="{W}" w:type="table" w:styleId="LuoiCon"><w:name w:val="Con"/>'
            '<w:basedOn w:val="LuoiGoc"/></w:style>'))  # fmt: skip
        props = signature_table(doc)._tbl.tblPr
        for old in props.findall(f"{{{W}}}tblBorders") + props.findall(f"{{{W}}}tblStyle"):
            props.remove(old)
        props.insert(0, parse_xml(f'<w:tblStyle xmlns:w="{W}" w:val="LuoiCon"/>'))

    [(rule, _)] = found(edited(decision, tmp_path, edit))
    assert rule == "chu_ky.borders"


def test_no_line_printed_is_no_border(decision: Path, tmp_path: Path) -> None:
    """'nil', 'none', white lines, and a cell's own 'nil' over the table's line print nothing."""

    def edit(doc) -> None:
        set_table_borders(header_table(doc), borders_xml("tblBorders", color="FFFFFF"))
        table = signature_table(doc)
        set_table_borders(table, borders_xml("tblBorders"))
        for cell in table._tbl.iter(f"{{{W}}}tc"):
            props = cell.get_or_add_tcPr()
            props.append(
                parse_xml(
                    borders_xml("tcBorders", value="nil", edges=("top", "start", "bottom", "end"))
                )
            )

    assert found(edited(decision, tmp_path, edit)) == []


def test_one_cell_with_its_own_line_is_named(decision: Path, tmp_path: Path) -> None:
    def edit(doc) -> None:
        cell = signature_table(doc)._tbl.findall(f"{{{W}}}tr")[0].findall(f"{{{W}}}tc")[1]
        cell.get_or_add_tcPr().append(parse_xml(borders_xml("tcBorders", edges=("bottom",))))

    [(rule, where)] = found(edited(decision, tmp_path, edit))
    assert rule == "chu_ky.borders" and ", hàng 1, ô 2" in where


def test_templates_check_reports_a_bordered_header_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header is a shared block (khoi/dau-trang): a line drawn there reaches every type."""
    office = new_office(tmp_path, monkeypatch)
    runner = CliRunner()
    assert runner.invoke(main, ["templates", "copy", "khoi/dau-trang"]).exit_code == 0
    [block] = office.rglob("dau-trang.docx")
    doc = Document(str(block))
    set_table_borders(doc.tables[0], borders_xml("tblBorders"))
    doc.save(str(block))
    result = runner.invoke(main, ["--lang", "en", "templates", "check"])
    assert result.exit_code == 1, result.output
    assert "without borders" in result.output and "printed cell borders" in result.output
