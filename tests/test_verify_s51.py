"""vanthu verify on files a clerk may be sent (s51): a size without its value in the styles, a
zip bomb, a part zip cannot inflate, a rule set to no line, a floating rule off the middle of
its text, a page number printed in a header's text box; one file vanthu fails on reported at
that file, the others still checked."""

from __future__ import annotations

import copy
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline import verify as verify_module
from pipeline.cli import main
from pipeline.render.compose import TemplateLibrary
from pipeline.render.styles import StyleSheet
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file, verify_files
from pipeline.verify.document import read_document
from pipeline.verify.rules_page import page_field_paragraphs
from tests.office_templates import office_folder

REPO = Path(__file__).resolve().parents[1]
TO_TRINH = REPO / "inputs" / "2024" / "to-trinh-khen-thuong.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
NS = {"w": W, "wp": WP, "a": A, "wps": WPS, "v": V}
EMU_PER_PT = 12700

Edit = Callable[[etree._Element], None]


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory, renderer) -> Path:
    """The Tờ trình rendered once: a header table whose three rules are inline drawings (the
    agency's, the Tiêu ngữ's, the trích yếu's), a first-page header without the page number."""
    out = tmp_path_factory.mktemp("s51") / "to-trinh.docx"
    return renderer.render_file(TO_TRINH, out)


def edited(docx: Path, out: Path, edits: dict[str, Callable[[bytes], bytes]]) -> Path:
    """A copy of `docx` with each part named in `edits` given by its function of the part's
    bytes (`xml` makes one of an edit of its XML)."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            change = edits.get(info.filename)
            target.writestr(info.filename, change(data) if change else data)
    return out


def xml(edit: Edit) -> Callable[[bytes], bytes]:
    """The function of a part's bytes that makes `edit` to its XML."""

    def change(data: bytes) -> bytes:
        root = etree.fromstring(data)
        edit(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    return change


def body(edit: Edit) -> dict[str, Callable[[bytes], bytes]]:
    """`edit` made to word/document.xml."""
    return {"word/document.xml": xml(edit)}


def drawings(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//w:drawing", NS)


def rules(path: Path) -> set[str]:
    report = verify_file(path)
    assert report.error is None, report.error
    return report.rules


# --- 1. a w:sz without its w:val --------------------------------------------------------------


STYLES = (
    f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr>{size}</w:rPr></w:style>'
    "</w:styles>"
)


@pytest.mark.parametrize("size", ["<w:sz/>", '<w:sz w:val=""/>'])
def test_a_size_without_a_value_is_ignored(size: str) -> None:
    sheet = StyleSheet(STYLES.replace("{size}", size).encode())
    assert sheet.paragraph_style_run("Normal").size == 13  # docDefaults' size, under it
    assert "size" not in sheet.run_details(etree.fromstring(f'<w:rPr xmlns:w="{W}">{size}</w:rPr>'))


def test_a_size_without_value_in_styles_is_checked_not_a_crash(
    letter: Path, tmp_path: Path
) -> None:
    def no_value(data: bytes) -> bytes:
        assert b'<w:sz w:val="28"/>' in data
        return data.replace(b'<w:sz w:val="28"/>', b"<w:sz/>", 1)

    bad = edited(letter, tmp_path / "sz.docx", {"word/styles.xml": no_value})
    reports = verify_files([bad, letter])
    assert [r.error for r in reports] == [None, None]
    assert reports[1].ok


def test_a_size_that_is_no_number_is_a_damaged_file(letter: Path, tmp_path: Path) -> None:
    def no_number(data: bytes) -> bytes:
        return data.replace(b'<w:sz w:val="28"/>', b'<w:sz w:val="14pt"/>', 1)

    bad = edited(letter, tmp_path / "sz.docx", {"word/styles.xml": no_number})
    reports = verify_files([bad, letter])
    assert reports[0].error is not None and reports[0].error.key == "verify.not_docx"
    assert "bị hỏng" in reports[0].error.message("vi")
    assert reports[1].error is None


def test_templates_check_reads_a_frame_whose_size_has_no_value(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, "khung")
    frame = folder / "khung.docx"
    with zipfile.ZipFile(frame) as archive:
        assert b'<w:sz w:val="28"/>' in archive.read("word/styles.xml")
    no_value = lambda data: data.replace(b'<w:sz w:val="28"/>', b"<w:sz/>", 1)  # noqa: E731
    edited(frame, tmp_path / "khung.docx", {"word/styles.xml": no_value})
    (tmp_path / "khung.docx").replace(frame)
    report = check_templates(TemplateLibrary([folder]))  # raised TypeError before
    assert report.ok, [p for p in report.problems if not p.warning]


# --- what vanthu fails on in one file ------------------------------------------------------


def test_a_file_vanthu_fails_on_is_an_error_line_and_the_others_are_checked(
    letter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "a.docx"
    first.write_bytes(letter.read_bytes())
    real = verify_module.read_document

    def failing(path: Path):  # type: ignore[no-untyped-def]
        if path == first:
            raise TypeError("a bug")
        return real(path)

    monkeypatch.setattr(verify_module, "read_document", failing)
    monkeypatch.delenv("VANTHU_DEBUG", raising=False)
    reports = verify_files([first, letter])
    assert reports[0].error is not None and reports[0].error.key == "verify.internal_error"
    assert "TypeError: a bug" in reports[0].error.message("vi")
    assert str(first) in reports[0].error.message("vi")
    assert reports[1].error is None and reports[1].ok
    result = CliRunner().invoke(main, ["verify", "--format", "json", str(first), str(letter)])
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert "TypeError" in data["files"][0]["error"] and "error" not in data["files"][1]


def _set_method(data: bytes, name: bytes, method: int) -> bytes:
    """The zip `data` with part `name`'s compression method written as `method` (local header
    and central directory alike)."""
    out = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if out[name_at : name_at + len(name)] == name:
                struct.pack_into("<H", out, start + at, method)
            start += 4
    return bytes(out)


@pytest.mark.parametrize("method", [8, 99], ids=["not-deflate-data", "unknown-method"])
def test_a_part_zip_cannot_inflate_is_a_damaged_file(
    letter: Path, tmp_path: Path, method: int
) -> None:
    stored = tmp_path / "stored.docx"
    with zipfile.ZipFile(letter) as source, zipfile.ZipFile(stored, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info), zipfile.ZIP_STORED)
    # Plain XML read as deflate data (zlib.error), or a method zipfile does not know.
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_set_method(stored.read_bytes(), b"word/document.xml", method))
    reports = verify_files([bad, letter])
    assert reports[0].error is not None and reports[0].error.key == "verify.not_docx"
    assert "bị hỏng" in reports[0].error.message("vi")
    assert reports[1].error is None


def test_an_indent_past_a_floats_range_is_a_damaged_file(letter: Path, tmp_path: Path) -> None:
    def huge(root: etree._Element) -> None:
        ppr = root.find(".//w:body/w:p/w:pPr", NS)
        etree.SubElement(ppr, f"{{{W}}}ind").set(f"{{{W}}}left", "1e999")

    bad = edited(letter, tmp_path / "inf.docx", body(huge))
    reports = verify_files([bad, letter])
    assert reports[0].error is not None and reports[0].error.key == "verify.not_docx"
    assert reports[1].error is None


# --- 2. a zip bomb ------------------------------------------------------------------------


def _bomb(letter: Path, out: Path, spaces: int) -> Path:
    """The letter whose document.xml holds `spaces` spaces after <w:body>."""
    with (
        zipfile.ZipFile(letter) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>", 1)
                data = head + b"<w:body>" + b" " * spaces + tail
            target.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return out


def test_a_zip_bomb_is_refused_and_the_other_files_are_checked(
    letter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.verify import package

    monkeypatch.setattr(package, "MAX_PART_BYTES", 1024 * 1024)
    bomb = _bomb(letter, tmp_path / "bomb.docx", 2 * 1024 * 1024)
    assert bomb.stat().st_size < 100_000  # two megabytes of spaces, a few kilobytes packed
    reports = verify_files([bomb, letter])
    error = reports[0].error
    assert error is not None and error.key == "verify.not_docx"
    assert "word/document.xml" in error.message("vi") and "1 MB" in error.message("vi")
    assert reports[1].error is None and reports[1].ok
    result = CliRunner().invoke(main, ["verify", str(bomb), str(letter)])
    assert result.exit_code == 2
    assert "word/document.xml" in result.output and "đạt" in result.output


def test_the_bomb_is_not_inflated(
    letter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.verify import package

    monkeypatch.setattr(package, "MAX_PART_BYTES", 1024 * 1024)
    bomb = _bomb(letter, tmp_path / "bomb.docx", 2 * 1024 * 1024)
    with zipfile.ZipFile(bomb) as archive:
        reader = package.Package.__new__(package.Package)
        reader.archive = archive
        inflated: list[str] = []
        real_open = archive.open

        def watched(name, *args, **kwargs):  # type: ignore[no-untyped-def]
            inflated.append(str(getattr(name, "filename", name)))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(archive, "open", watched)
        with pytest.raises(package.PartTooLarge):
            reader.read("word/document.xml")
        assert inflated == []  # refused by its declared size, nothing inflated
        assert len(reader.read("word/styles.xml")) < 1024 * 1024


# --- 3. a rule set to no line --------------------------------------------------------------


def _no_line(index: int) -> Edit:
    def edit(root: etree._Element) -> None:
        line = drawings(root)[index].find(".//a:ln", NS)
        for child in list(line):
            line.remove(child)
        etree.SubElement(line, f"{{{A}}}noFill")

    return edit


def test_a_rule_with_no_line_is_a_missing_rule(letter: Path, tmp_path: Path) -> None:
    assert rules(letter) == set()
    agency = edited(letter, tmp_path / "agency.docx", body(_no_line(0)))
    motto = edited(letter, tmp_path / "motto.docx", body(_no_line(1)))
    assert "co_quan.rule" in rules(agency)
    assert "tieu_ngu.rule" in rules(motto)


def test_a_line_taking_no_line_from_its_style_is_not_drawn(letter: Path, tmp_path: Path) -> None:
    def style_none(root: etree._Element) -> None:
        drawing = drawings(root)[0]
        line = drawing.find(".//a:ln", NS)
        line.getparent().remove(line)
        shape = drawing.find(".//wps:wsp", NS)
        style = etree.SubElement(shape, f"{{{WPS}}}style")
        etree.SubElement(style, f"{{{A}}}lnRef").set("idx", "0")
        shape.append(shape.find("wps:bodyPr", NS))  # bodyPr stays last

    out = edited(letter, tmp_path / "style.docx", body(style_none))
    assert "co_quan.rule" in rules(out)


def test_a_hairline_and_a_transparent_line(letter: Path, tmp_path: Path) -> None:
    def width_zero(root: etree._Element) -> None:
        drawings(root)[0].find(".//a:ln", NS).set("w", "0")

    def transparent(root: etree._Element) -> None:
        colour = drawings(root)[0].find(".//a:ln/a:solidFill/a:srgbClr", NS)
        etree.SubElement(colour, f"{{{A}}}alpha").set("val", "0")

    # A width of 0 prints the thinnest line there is: still a rule.
    assert "co_quan.rule" not in rules(edited(letter, tmp_path / "w0.docx", body(width_zero)))
    assert "co_quan.rule" in rules(edited(letter, tmp_path / "a0.docx", body(transparent)))


def _vml_line(stroked: str | None, stroke_on: str | None = None) -> Edit:
    """The agency's rule drawn as a VML line in the line of its paragraph."""

    def edit(root: etree._Element) -> None:
        run = drawings(root)[0].getparent()
        for child in list(run):
            if child.tag == f"{{{W}}}drawing":
                run.remove(child)
        pict = etree.SubElement(run, f"{{{W}}}pict")
        line = etree.SubElement(pict, f"{{{V}}}line", {"from": "0,0", "to": "29pt,0"})
        if stroked is not None:
            line.set("stroked", stroked)
        if stroke_on is not None:
            etree.SubElement(line, f"{{{V}}}stroke").set("on", stroke_on)

    return edit


def test_a_vml_rule_not_stroked_is_a_missing_rule(letter: Path, tmp_path: Path) -> None:
    def check(name: str, edit: Edit) -> set[str]:
        return rules(edited(letter, tmp_path / name, body(edit)))

    assert "co_quan.rule" not in check("drawn.docx", _vml_line(None))
    assert "co_quan.rule" in check("unstroked.docx", _vml_line("f"))
    assert "co_quan.rule" in check("stroke-off.docx", _vml_line(None, "false"))


# --- 4. a floating rule off the middle of its text -----------------------------------------


def _float(index: int, position: Callable[[etree._Element], None]) -> Edit:
    """Rule `index` turned into a floating drawing (wp:anchor) placed by `position`."""

    def edit(root: etree._Element) -> None:
        drawing = drawings(root)[index]
        inline = drawing.find("wp:inline", NS)
        anchor = etree.Element(f"{{{WP}}}anchor", distT="0", distB="0", distL="0", distR="0",
                               simplePos="0", relativeHeight="1", behindDoc="0", locked="0",
                               layoutInCell="1", allowOverlap="1")  # fmt: skip
        etree.SubElement(anchor, f"{{{WP}}}simplePos", x="0", y="0")
        horizontal = etree.SubElement(anchor, f"{{{WP}}}positionH")
        position(horizontal)
        vertical = etree.SubElement(anchor, f"{{{WP}}}positionV", relativeFrom="paragraph")
        etree.SubElement(vertical, f"{{{WP}}}posOffset").text = "0"
        for child in list(inline):
            if child.tag == f"{{{WP}}}docPr":
                etree.SubElement(anchor, f"{{{WP}}}wrapNone")
            anchor.append(child)
        drawing.replace(inline, anchor)

    return edit


def _offset(frame: str, emu: int) -> Callable[[etree._Element], None]:
    def position(horizontal: etree._Element) -> None:
        horizontal.set("relativeFrom", frame)
        etree.SubElement(horizontal, f"{{{WP}}}posOffset").text = str(emu)

    return position


def _aligned(frame: str, align: str) -> Callable[[etree._Element], None]:
    def position(horizontal: etree._Element) -> None:
        horizontal.set("relativeFrom", frame)
        etree.SubElement(horizontal, f"{{{WP}}}align").text = align

    return position


def test_a_floating_rule_off_the_middle_of_its_text_is_reported(
    letter: Path, tmp_path: Path
) -> None:
    doc = read_document(letter)
    agency_rule = next(p for p in doc.paragraphs if p.shapes)  # the first rule: the agency's
    assert agency_rule.cell is not None
    cell_pt, rule_pt = agency_rule.cell.available_pt, agency_rule.shapes[0].width_pt
    assert cell_pt is not None and rule_pt is not None
    centred = round((cell_pt - rule_pt) / 2 * EMU_PER_PT)

    def check(name: str, position: Callable[[etree._Element], None]) -> set[str]:
        return rules(edited(letter, tmp_path / name, body(_float(0, position))))

    off = edited(letter, tmp_path / "off.docx", body(_float(0, _offset("column", 1_500_000))))
    report = verify_file(off)
    assert report.rules == {"co_quan.rule_position"}
    assert "1.75 cm" in report.violations[0].line("vi")
    assert check("centred.docx", _offset("column", centred)) == set()
    assert check("aligned.docx", _aligned("column", "center")) == set()
    assert check("left.docx", _aligned("column", "left")) == {"co_quan.rule_position"}
    # Within the slack (1/8 inch) of the middle: a nudge that does not show.
    assert check("nudged.docx", _offset("column", centred + 100_000)) == set()
    # The Tiêu ngữ's rule, of its own cell.
    motto = edited(letter, tmp_path / "motto.docx", body(_float(1, _offset("column", 0))))
    assert rules(motto) == {"tieu_ngu.rule_position"}


def test_a_floating_rule_placed_from_the_page_in_a_cell_is_not_judged(
    letter: Path, tmp_path: Path
) -> None:
    # Word may lay a drawing out in its cell: from the margin or the page, where it prints is
    # not known without Word's layout, so nothing is said rather than a guess.
    out = edited(letter, tmp_path / "page.docx", body(_float(0, _offset("page", 0))))
    assert rules(out) == set()


def test_a_floating_subject_rule_is_judged_on_the_page(letter: Path, tmp_path: Path) -> None:
    doc = read_document(letter)
    section = doc.sections[0]
    subject_rule = [p for p in doc.paragraphs if p.shapes][2]
    assert subject_rule.cell is None
    rule_pt, text_pt = subject_rule.shapes[0].width_pt, section.text_width_pt
    assert rule_pt is not None and text_pt is not None
    left_pt = section.margins["left"] / 20
    on_page = round((left_pt + (text_pt - rule_pt) / 2) * EMU_PER_PT)

    def check(name: str, position: Callable[[etree._Element], None]) -> set[str]:
        return rules(edited(letter, tmp_path / name, body(_float(2, position))))

    assert check("margin.docx", _aligned("margin", "center")) == set()
    assert check("page.docx", _offset("page", on_page)) == set()
    assert check("page-centre.docx", _aligned("page", "center")) == {"trich_yeu.rule_position"}
    assert check("margin-left.docx", _offset("margin", 0)) == {"trich_yeu.rule_position"}


# --- 5. a page number in a header's text box ----------------------------------------------


def _text_box(
    content: etree._Element, position: Callable[[etree._Element], None]
) -> etree._Element:
    """A run holding a floating DrawingML text box placed by `position`, holding `content`."""
    run = etree.Element(f"{{{W}}}r")
    drawing = etree.SubElement(run, f"{{{W}}}drawing")
    anchor = etree.SubElement(drawing, f"{{{WP}}}anchor", distT="0", distB="0", distL="0",
                              distR="0", simplePos="0", relativeHeight="1", behindDoc="0",
                              locked="0", layoutInCell="1", allowOverlap="1")  # fmt: skip
    etree.SubElement(anchor, f"{{{WP}}}simplePos", x="0", y="0")
    position(etree.SubElement(anchor, f"{{{WP}}}positionH"))
    vertical = etree.SubElement(anchor, f"{{{WP}}}positionV", relativeFrom="paragraph")
    etree.SubElement(vertical, f"{{{WP}}}posOffset").text = "0"
    etree.SubElement(anchor, f"{{{WP}}}extent", cx="457200", cy="228600")
    etree.SubElement(anchor, f"{{{WP}}}wrapNone")
    etree.SubElement(anchor, f"{{{WP}}}docPr", id="500", name="Text Box 1")
    graphic = etree.SubElement(anchor, f"{{{A}}}graphic")
    data = etree.SubElement(graphic, f"{{{A}}}graphicData", uri=WPS)
    shape = etree.SubElement(data, f"{{{WPS}}}wsp")
    etree.SubElement(shape, f"{{{WPS}}}cNvSpPr", txBox="1")
    props = etree.SubElement(shape, f"{{{WPS}}}spPr")
    etree.SubElement(props, f"{{{A}}}prstGeom", prst="rect")
    box = etree.SubElement(shape, f"{{{WPS}}}txbx")
    etree.SubElement(box, f"{{{W}}}txbxContent").append(content)
    etree.SubElement(shape, f"{{{WPS}}}bodyPr")
    return run


def _number_in_box(position: Callable[[etree._Element], None]) -> Edit:
    """The header's PAGE paragraph moved into a text box placed by `position`, in an empty
    paragraph of its own."""

    def edit(root: etree._Element) -> None:
        number = root.find("w:p", NS)
        root.remove(number)
        holder = etree.SubElement(root, f"{{{W}}}p")
        holder.append(_text_box(number, position))

    return edit


def _part_names(docx: Path) -> tuple[str, str]:
    """The default and first-page header parts of the first section (word/...)."""
    section = read_document(docx).sections[0]
    return tuple(f"word/{section.headers[v].name}" for v in ("default", "first"))  # type: ignore[return-value,union-attr]


def test_a_page_number_in_a_text_box_on_the_first_page_is_reported(
    letter: Path, tmp_path: Path
) -> None:
    default, first = _part_names(letter)
    with zipfile.ZipFile(letter) as archive:
        number = etree.fromstring(archive.read(default)).find("w:p", NS)

    def add_box(root: etree._Element) -> None:
        root.find("w:p", NS).append(_text_box(copy.deepcopy(number), _aligned("margin", "center")))

    out = edited(letter, tmp_path / "first.docx", {first: xml(add_box)})
    report = verify_file(out)
    assert report.rules == {"so_trang.first_page"}
    assert page_field_paragraphs(read_document(out).sections[0].headers["first"])


def test_a_page_number_in_a_centred_text_box_is_a_page_number(
    plan_docx: Path, tmp_path: Path
) -> None:
    default, _ = _part_names(plan_docx)
    for name, position in (("margin", _aligned("margin", "center")),
                           ("page", _aligned("page", "center")),
                           ("column", _aligned("column", "center"))):  # fmt: skip
        out = edited(plan_docx, tmp_path / f"{name}.docx", {default: xml(_number_in_box(position))})
        doc = read_document(out)
        boxed = page_field_paragraphs(doc.sections[0].headers["default"])
        assert [p.text for p in boxed] == ["1"]
        # The header's own paragraphs are what the run rules read: the box's are apart.
        assert not page_field_paragraphs_own(doc)
        assert rules(out) == set(), name


def page_field_paragraphs_own(doc) -> list:  # type: ignore[no-untyped-def]
    header = doc.sections[0].headers["default"]
    return [p for p in header.paragraphs if any("PAGE" in f for f in p.fields)]


def test_a_page_number_in_a_text_box_off_the_middle_is_not_centred(
    plan_docx: Path, tmp_path: Path
) -> None:
    default, _ = _part_names(plan_docx)
    out = edited(
        plan_docx, tmp_path / "left.docx", {default: xml(_number_in_box(_offset("margin", 0)))}
    )
    report = verify_file(out)
    assert report.rules == {"so_trang.align"}
    assert "khung chữ" in report.violations[0].line("vi")
