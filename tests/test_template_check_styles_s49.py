"""templates check judges the styles a template's documents print with (s49): a type template's
and a shared block's paragraphs print with the frame's styles (khung.docx), never their own, so
a style changed in an office's copy of a block is a warning (tpl.style_drift), not an error of
the decree, nor a render warning that the document may not conform. What the copy itself sets
on a paragraph still prints, and is still an error; a style the frame breaks is said once, at
khung.docx; a block read through a copy (a tag split over runs) is still judged as a block.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from pipeline.template_tools.verdict import errors_by_file, template_warnings
from tests.office_templates import office_folder

HEADER = "khoi/dau-trang"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _restyled(path: Path, style: str, size: float) -> None:
    """The style `style` of the .docx at `path` set to `size` pt, as Word's Modify Style does."""
    doc = Document(str(path))
    doc.styles[style].font.size = Pt(size)
    doc.save(str(path))


def _errors(report) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.template, str(p.params.get("rule", p.key))) for p in report.problems
            if not p.warning]  # fmt: skip


def test_a_style_of_a_blocks_copy_that_never_prints_is_no_error(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, HEADER)
    _restyled(folder / "khoi" / "dau-trang.docx", "QuocHieu", 15)
    library = TemplateLibrary([folder])
    report = check_templates(library)
    assert report.ok, _errors(report)
    drift = [p for p in report.problems if p.key == "tpl.style_drift"]
    assert [(p.template, p.warning, p.params["styles"]) for p in drift] == [
        (HEADER, True, "QuocHieu")
    ]
    # render and build say nothing of it: the documents print the frame's 12 pt Quốc hiệu
    assert errors_by_file(library, "ke-hoach") == {}
    assert template_warnings(library, ["ke-hoach", "quyet-dinh"]) == []


def test_what_the_copy_sets_on_the_paragraph_still_prints_and_is_an_error(
    tmp_path: Path,
) -> None:
    folder = office_folder(tmp_path, HEADER)
    path = folder / "khoi" / "dau-trang.docx"
    doc = Document(str(path))
    (paragraph,) = [p for t in doc.tables for c in t._cells for p in c.paragraphs
                    if p.text == MOTTO]  # fmt: skip
    for run in paragraph.runs:
        run.font.size = Pt(15)
    doc.save(str(path))
    report = check_templates(TemplateLibrary([folder]), [HEADER])
    assert _errors(report) == [(HEADER, "quoc_hieu.size")]


def test_a_frame_style_out_of_the_decree_is_said_once_at_the_frame(tmp_path: Path) -> None:
    """The office set its Quốc hiệu in 15 pt in its frame and in its copy of the block alike:
    the frame's is what prints, said at khung.docx; the block's own never prints."""
    folder = office_folder(tmp_path, "khung", HEADER)
    _restyled(folder / "khung.docx", "QuocHieu", 15)
    _restyled(folder / "khoi" / "dau-trang.docx", "QuocHieu", 15)
    report = check_templates(TemplateLibrary([folder]))
    assert _errors(report) == [("khung", "quoc_hieu.size")]
    # checked alone, the block is judged as it prints once the frame is mended
    alone = check_templates(TemplateLibrary([folder]), [HEADER])
    assert _errors(alone) == []


def test_a_block_read_through_a_copy_is_still_judged_as_a_block(tmp_path: Path) -> None:
    """A tag split over runs (a LibreOffice save) or the frame's styles put in: verify reads the
    copy it is given, which it judges as a block (a fragment of a page) by its folder, khoi/."""
    folder = office_folder(tmp_path, "khoi/ky-ten")
    path = folder / "khoi" / "ky-ten.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    # "{{ luu }}" split after its braces into two runs of the same formatting
    found = re.search(r"(<w:r>(?:(?!</w:r>).)*?<w:t[^>]*>)([^<]*)\{\{ luu \}\}", xml, re.S)
    assert found is not None
    head = found[0].removesuffix("{{ luu }}")
    split = f"{head}{{{{</w:t></w:r>{found[1]} luu }}}}"
    parts["word/document.xml"] = xml.replace(found[0], split, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    report = check_templates(TemplateLibrary([folder]), ["khoi/ky-ten"])
    assert _errors(report) == []
    assert [p.key for p in report.problems] == ["tpl.split_tag"]
