"""A phôi's fields typed in text boxes (Insert ▸ Text Box), as template maintainers lay out a
pre-printed form in Word, read as frames: placed from wp:positionH/V (page, margin, column; one
placed from its paragraph is refused), sized from wp:extent less the box's inner margins. Render
fits and prints the field's text in its box, verify reads it there, `vanthu templates check`
measures it, and LibreOffice prints it where the box stands."""

from __future__ import annotations

import copy
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from pipeline.batch import build
from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.ooxml_names import NS, q
from pipeline.register import open_register
from pipeline.render import form
from pipeline.render.compose import TemplateLibrary
from pipeline.render.form import FormSheet, Frame
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from tests.test_certificate_room_r11b import render
from tests.test_giay_khen import CERTIFICATE, DECISION, example_rows, workspace
from tests.typed_docs import TEMPLATES, open_docx, to_pdf, word_boxes

NAME, UNIT, DECISION_STYLE = "GiayKhenTen", "GiayKhenDonVi", "GiayKhenQuyetDinh"
FIELDS = (NAME, UNIT, "GiayKhenThanhTich", "GiayKhenNgay", "GiayKhenChucDanh",
          "GiayKhenNguoiKy", DECISION_STYLE, "GiayKhenSoVaoSo")  # fmt: skip
EMU_PER_TWIP = 635
INSETS = (91440, 45720, 91440, 45720)  # Word's: 0.1" across, 0.05" down
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_VML_ORIGINS = {"page": "page", "margin": "margin", "column": "text", "paragraph": "text"}


def text_box_run(
    twips: tuple[int, int, int, int],
    origins: tuple[str, str],
    number: int,
    grows: bool,
    insets: tuple[int, int, int, int] = INSETS,
) -> etree._Element:
    """A run holding a text box as Word writes it: a DrawingML wp:anchor (wps:txbx) in
    mc:Choice, its VML copy (v:textbox) in mc:Fallback, both with an empty w:txbxContent.
    `twips`: x, y, width, height of the box; `origins`: positionH's and positionV's
    relativeFrom; `grows`: "Resize shape to fit text"."""
    (x, y, width, height), (across, down) = twips, origins
    cx, cy = width * EMU_PER_TWIP, height * EMU_PER_TWIP
    left, top, right, bottom = insets
    fit = "<a:spAutoFit/>" if grows else "<a:noAutofit/>"
    style = (
        f"position:absolute;margin-left:{x / 20}pt;margin-top:{y / 20}pt;width:{width / 20}pt;"
        f"height:{height / 20}pt;mso-position-horizontal-relative:{_VML_ORIGINS[across]};"
        f"mso-position-vertical-relative:{_VML_ORIGINS[down]}"
    )
    xml = f"""<w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0"
 relativeHeight="{251659264 + number}" behindDoc="0" locked="0" layoutInCell="1"
 allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="{across}"><wp:posOffset>{x * EMU_PER_TWIP}</wp:posOffset>
</wp:positionH>
<wp:positionV relativeFrom="{down}"><wp:posOffset>{y * EMU_PER_TWIP}</wp:posOffset>
</wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{number}" name="Text Box {number}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>
<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>
<a:ln w="6350"><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="{left}" tIns="{top}" rIns="{right}"
 bIns="{bottom}" anchor="t" anchorCtr="0">{fit}</wps:bodyPr></wps:wsp></a:graphicData>
</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>
<v:shape id="Text Box {number}" type="#_x0000_t202" style="{style}" filled="f" stroked="f">
<v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>
</w:r>"""
    return etree.fromstring(xml)


def into_text_box(phoi: Path, style: str, origins: tuple[str, str], shift: tuple[int, int],
                  number: int = 1) -> Frame:  # fmt: skip
    """Field `style` of `phoi` moved out of its frame into a text box holding its text where
    the frame held it (its offsets less `shift`, twips: the margins when counted from them),
    in a paragraph of its own; returns the frame it had."""
    doc = open_docx(phoi)
    paragraph = next(p._p for p in doc.paragraphs if p.style.name == style)
    element = paragraph.pPr.find(qn("w:framePr"))
    x, y, width, height = (int(element.get(qn(f"w:{side}"))) for side in "xywh")
    exact = element.get(qn("w:hRule")) == "exact"
    paragraph.pPr.remove(element)
    left, top, right, bottom = (inset // EMU_PER_TWIP for inset in INSETS)
    box = (x - left - shift[0], y - top - shift[1], width + left + right, height + top + bottom)
    run = text_box_run(box, origins, number, grows=not exact)
    for content in run.iter(qn("w:txbxContent")):
        content.append(copy.deepcopy(paragraph))
    holder = etree.Element(q("w:p"))
    holder.append(run)
    paragraph.addprevious(holder)
    paragraph.getparent().remove(paragraph)
    doc.save(str(phoi))
    return Frame(x, y, width, height, "page", "page", exact)


def office_phoi(root: Path) -> Path:
    (root / "mau").mkdir(exist_ok=True)
    return Path(shutil.copy(TEMPLATES / "giay-khen.docx", root / "mau" / "giay-khen.docx"))


def sheet_of(phoi: Path) -> FormSheet:
    return FormSheet(TemplateLibrary([phoi.parent]).package("giay-khen"), "giay-khen")


def margins_of(phoi: Path) -> tuple[int, int]:
    section = open_docx(phoi).sections[-1]
    return section.left_margin.twips, section.top_margin.twips


def rendered(source: Path, root: Path) -> Path:
    out = root / "giay-khen.docx"
    out.write_bytes(render(source))
    return out


def boxed_texts(docx: Path, style: str) -> list[str]:
    """The texts of the paragraphs in `style` inside the DrawingML text boxes of `docx`."""
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = root.xpath("//mc:Choice//w:txbxContent/w:p[w:pPr/w:pStyle/@w:val=$style]",
                       style=style, namespaces=NS)  # fmt: skip
    return ["".join(p.itertext()) for p in found]


def verify_says(docx: Path) -> str:
    result = CliRunner().invoke(main, ["verify", str(docx)])
    assert result.exit_code == 0, result.output
    return result.output


# --- the box read as a frame -----------------------------------------------------------------


def test_a_text_box_is_read_as_the_frame_of_its_text() -> None:
    run = text_box_run((1000, 2000, 5000, 800), ("page", "margin"), 1, grows=False,
                       insets=(63500, 12700, 127000, 25400))  # fmt: skip
    anchor = run.find(".//" + q("wp:anchor"))
    # Inner margins of 100, 20, 200 and 40 twips taken off where the text prints.
    assert form.box_frame(anchor) == Frame(1100, 2020, 4700, 740, "page", "margin", True)
    body = anchor.find(".//" + q("wps:bodyPr"))
    for side in ("lIns", "tIns", "rIns", "bIns"):
        del body.attrib[side]  # Word's own: 144 twips across, 72 down
    body.remove(body[0])
    etree.SubElement(body, q("a:spAutoFit"))  # Resize shape to fit text: grows down
    assert form.box_frame(anchor) == Frame(1144, 2072, 4712, 656, "page", "margin", False)
    across = anchor.find(q("wp:positionH"))
    across.set("relativeFrom", "column")
    assert form.box_frame(anchor).h_anchor == "text"  # as a frame's hAnchor names the column
    anchor.find(q("wp:positionV")).set("relativeFrom", "paragraph")
    assert form.box_frame(anchor).v_anchor == "text"  # counted from its paragraph: no place
    across.remove(across.find(q("wp:posOffset")))
    etree.SubElement(across, q("wp:align")).text = "center"
    assert form.box_frame(anchor) is None  # aligned: not read


# --- render, verify, LibreOffice ------------------------------------------------------------


def test_a_name_in_a_text_box_on_the_page_prints_in_it(tmp_path: Path) -> None:
    """Before: render.form_field_missing, the name field not found in its text box."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path)
    frame = into_text_box(phoi, NAME, ("page", "page"), (0, 0))
    assert sheet_of(phoi).frame(NAME) == frame
    docx = rendered(source, tmp_path)
    names = [row["Họ và tên"] for row in example_rows()]
    assert boxed_texts(docx, NAME) == names
    assert "không có vi phạm" in verify_says(docx)
    pdf = to_pdf([docx], tmp_path)[0]
    first = names[0].split()
    words = word_boxes(pdf)
    tops = [top for text, _, top in words[: len(first)] if text in first]
    assert [text for text, _, _ in words[: len(first)]] == first  # page 1 opens with it
    # Printed in its box: the line's top within a point or two of the box's text area.
    assert all(abs(top - frame.y / 20) < 3 for top in tops), tops


def test_a_unit_in_a_text_box_from_the_margin_is_placed_where_it_prints(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path)
    frame = into_text_box(phoi, UNIT, ("margin", "margin"), margins_of(phoi))
    assert sheet_of(phoi).frame(UNIT) == frame
    docx = rendered(source, tmp_path)
    assert boxed_texts(docx, UNIT)[0] == "Chuyên viên, Sở Nội vụ"
    assert "không có vi phạm" in verify_says(docx)


def test_a_unit_box_moved_down_by_the_margin_onto_the_thanh_tich_is_refused(
    tmp_path: Path,
) -> None:
    """The box's offsets typed from the paper's edge but counted from the margin: it prints
    10 mm lower, over the thành tích. Before: not read, the unit printed over it unchecked."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path)
    into_text_box(phoi, UNIT, ("column", "margin"), (0, 0))
    with pytest.raises(TemplateError) as caught:
        render(source)
    assert (caught.value.key, caught.value.params["style"]) == ("render.form_field_no_room", UNIT)
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [(p.key, p.params["style"]) for p in errors] == [("tpl.form_example_no_room", UNIT)]


def test_a_text_box_placed_from_its_paragraph_is_refused_naming_the_field(
    tmp_path: Path,
) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path)
    into_text_box(phoi, UNIT, ("column", "paragraph"), (margins_of(phoi)[0], 0))
    with pytest.raises(TemplateError) as caught:
        render(source)
    error = caught.value
    assert (error.key, error.params["style"]) == ("render.form_box_no_place", UNIT)
    assert error.message().startswith("giay-khen.docx: ô GiayKhenDonVi của phôi nằm trong")
    assert "below Page" in error.message("en")
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [(p.key, p.params["style"]) for p in errors] == [("render.form_box_no_place", UNIT)]


def test_verify_measures_a_name_in_its_text_box(tmp_path: Path) -> None:
    """The printed batch's name boxes narrowed to 40 mm: verify reads each name in its box and
    says it does not fit one line (before: no name read on any page, giay_khen.mot_ten)."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    into_text_box(office_phoi(tmp_path), NAME, ("page", "page"), (0, 0))
    docx = rendered(source, tmp_path)
    with zipfile.ZipFile(docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for anchor in root.iter(q("wp:anchor")):
        anchor.find(q("wp:extent")).set("cx", str(40 * 36000))
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, standalone=True)
    narrowed = tmp_path / "hep.docx"
    with zipfile.ZipFile(narrowed, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    rules = [v.rule for v in verify_file(narrowed).violations]
    assert rules == ["giay_khen.ten_mot_dong"] * len(example_rows())


def test_a_phoi_of_text_boxes_only_prints_and_passes(tmp_path: Path) -> None:
    """Every field in a text box, no frame left (the test print's border deleted): still a
    phôi (before: read as a page of the frame, render.form_field_missing)."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path)
    for number, style in enumerate(FIELDS, start=1):
        into_text_box(phoi, style, ("page", "page"), (0, 0), number)
    doc = open_docx(phoi)
    border = next(p._p for p in doc.paragraphs if p.style.name == "GiayKhenKhungPhoi")
    border.getparent().remove(border)
    doc.save(str(phoi))
    docx = rendered(source, tmp_path)
    assert len(boxed_texts(docx, "GiayKhenNguoiKy")) == len(example_rows())
    assert "không có vi phạm" in verify_says(docx)
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    assert [p.key for p in report.problems if not p.warning] == []


def test_verify_checks_a_decision_line_in_a_text_box_against_the_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """verify --so-dang-ky reads the decision every certificate cites in its text box (before:
    not read, a void decision passed)."""
    monkeypatch.delenv("VANTHU_DB", raising=False)  # the workspace's own register
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    decision = source.parent / DECISION.name
    text = decision.read_text("utf-8")
    decision.write_text(re.sub(r"^so: .*$", "so: tu_dong", text, count=1, flags=re.M), "utf-8")
    into_text_box(office_phoi(tmp_path), DECISION_STYLE, ("page", "page"), (0, 0))
    ws = Workspace.containing(source)
    assert build(ws, jobs=1).ok
    monkeypatch.chdir(ws.root)
    docx = ws.root / "outputs" / "2024" / source.with_suffix(".docx").name
    assert boxed_texts(docx, DECISION_STYLE)[0].startswith("Quyết định số 01/QĐ-UBND")
    with open_register(root=ws.root) as register:
        register.void("ubnd-tinh-son-la", 2024, 1, "in nhầm")
    voided = CliRunner().invoke(main, ["verify", "--so-dang-ky", str(docx)])
    assert voided.exit_code == 1, voided.output
    assert [line for line in voided.output.splitlines() if "01/QĐ-UBND" in line and "hủy" in line]
