"""r14b: a template maintainer upgrading the office's copies of khoi/ky-ten and khoi/doan-van
made with last month's vanthu.

fixtures/r14b holds those copies as vanthu 521ae14 wrote them (`ky-ten-2026-11.docx`,
`doan-van-2026-11.docx`; `ky-ten-2026-11-libreoffice.docx` is the tester's edited copy saved by
LibreOffice) and the first version of today's khoi/ky-ten (`ky-ten-first-row-filter.docx`),
whose first row skipped the lines its second row prints.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from pipeline.cli import main
from pipeline.context.signature_room import beside_signature
from pipeline.errors import TemplateError
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.render.phrase import Phrase
from pipeline.render.styles import StyleSheet
from pipeline.template_tools.check import Problem, check_templates
from pipeline.template_tools.verdict import template_warnings
from tests.new_office import new_office
from tests.typed_docs import to_pdf

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
FIXTURES = REPO / "tests" / "fixtures" / "r14b"
OLD_SIGNATURE = FIXTURES / "ky-ten-2026-11.docx"
OLD_SIGNATURE_SAVED = FIXTURES / "ky-ten-2026-11-libreoffice.docx"
FIRST_VERSION = FIXTURES / "ky-ten-first-row-filter.docx"
OLD_PARAGRAPH = FIXTURES / "doan-van-2026-11.docx"
BLOCK = "khoi/ky-ten"


def run(*args: str, lang: str = "vi"):
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return new_office(tmp_path, monkeypatch)


def said(problem: Problem, lang: str = "vi") -> str:
    params = {k: v.describe(lang) if isinstance(v, Phrase) else v
              for k, v in problem.params.items()}  # fmt: skip
    return t(problem.key, lang=lang, **params)


def office_block(
    folder: Path, source: Path, edit: Callable[[Document], None] | None = None,
    name: str = BLOCK,
) -> TemplateLibrary:  # fmt: skip
    """The office's copy of block `name` in `folder` (mau/): `source`, edited with python-docx
    as a maintainer would in Word or LibreOffice."""
    target = folder / f"{name}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = Document(str(source))
    if edit is not None:
        edit(doc)
    doc.save(str(target))
    return TemplateLibrary([folder, BUILTIN])


def _text(element) -> str:
    return "".join(x.text or "" for x in element.iter(qn("w:t")))


def add_before(anchor, texts: list[str]) -> None:
    """Paragraphs reading `texts`, copies of paragraph element `anchor`, put before it."""
    for text in texts:
        copy = deepcopy(anchor)
        runs = list(copy.iter(qn("w:t")))
        runs[0].text = text
        for run in runs[1:]:
            run.text = ""
        anchor.addprevious(copy)


TAIL_LOOP = ["{%p for nguoi_nhan in noi_nhan_tiep %}", "- {{ nguoi_nhan }};", "{%p endfor %}"]


def tail_in_first_row(doc: Document) -> None:
    """The tester's reading of 'thêm thẻ vào bản riêng': a loop over noi_nhan_tiep before the
    first row's "- {{ luu }}" (tools/mistakes.py add-tail-naive)."""
    cell = doc.tables[0].rows[0].cells[0]._tc
    luu = next(p for p in cell.iter(qn("w:p")) if _text(p) == "- {{ luu }}")
    add_before(luu, TAIL_LOOP)


def tail_everywhere(doc: Document) -> None:
    """tail_in_first_row, and the same loop under two signatures (a Biên bản's Nơi nhận)
    after the loop over noi_nhan."""
    tail_in_first_row(doc)
    body = doc.element.body
    luu = next(p for p in body.iterchildren(qn("w:p")) if _text(p) == "- {{ luu }}")
    add_before(luu, TAIL_LOOP)


def letter(office: Path, count: int, name: str = "cv") -> Path:
    """A Công văn of the office whose Nơi nhận prints `count` lines ("Như trên" and count-1
    xã); its body as `vanthu new cong-van` writes it."""
    path = office / "inputs" / f"{name}-{count}.yaml"
    assert run("new", "cong-van", "-o", str(path.relative_to(office))).exit_code == 0
    text = path.read_text("utf-8")
    lines = "".join(f"  - Ủy ban nhân dân xã Đơn Vị Số {k:02d}\n" for k in range(1, count))
    text = re.sub(r"noi_nhan:.*\n(  - .*\n)+", lambda _: "noi_nhan:\n" + lines, text)
    path.write_text(text, "utf-8")
    return path


def recipient_lines(docx: Path) -> list[str]:
    """Every "- ..." paragraph of the Nơi nhận of `docx` (its tables' too), in order."""
    body = Document(str(docx)).element.body
    texts = [_text(p) for p in body.iter(qn("w:p"))]
    start = texts.index("Nơi nhận:")
    return [text for text in texts[start + 1 :] if text.startswith("- ")]


def render_with(library: TemplateLibrary, data: Path, out: Path) -> Path:
    from pipeline.api import Renderer

    return Renderer(library).render_file(data, out)


# --- 1. each recipient printed once, whatever the copy prints ----------------------------


def test_the_template_is_handed_each_recipient_once() -> None:
    """The context gives the whole list and its end; a template printing the end apart gets the
    lines before it, one that does not the whole list and no end (a Tờ trình's draft alike)."""
    from pipeline.render.structure import recipients_as_printed

    lines = [f"xã {k}" for k in range(6)]
    context = {"noi_nhan": lines, "noi_nhan_tiep": lines[4:], "luu": "Lưu: VT.",
               "du_thao": {"noi_nhan": lines[:5], "noi_nhan_tiep": lines[3:5]}}  # fmt: skip
    apart = recipients_as_printed(context, continued=True)
    assert apart["noi_nhan"] == lines[:4] and apart["noi_nhan_tiep"] == lines[4:]
    assert apart["du_thao"]["noi_nhan"] == lines[:3]
    whole = recipients_as_printed(context, continued=False)
    assert whole["noi_nhan"] == lines and whole["noi_nhan_tiep"] == []
    assert whole["du_thao"] == {"noi_nhan": lines[:5], "noi_nhan_tiep": []}
    short = {"noi_nhan": lines, "noi_nhan_tiep": []}
    assert recipients_as_printed(short, continued=True) is short  # the usual case: no copy


def test_a_draft_given_as_another_mapping_is_handed_each_recipient_once() -> None:
    """Values of the types skipped without asking the Mapping ABC (text, lists, numbers) are
    passed over; a draft held by any other Mapping is still found and cut."""
    from types import MappingProxyType

    from markupsafe import Markup

    from pipeline.render.structure import recipients_as_printed

    lines = [f"xã {k}" for k in range(6)]
    draft = MappingProxyType({"noi_nhan": lines[:5], "noi_nhan_tiep": lines[3:5]})
    context = {"du_thao": draft, "luu": Markup("Lưu: VT."), "so": 3, "ngay": None,
               "cac_dieu": [], "cap": ("a",), "ty_le": 0.5, "co": True}  # fmt: skip
    apart = recipients_as_printed(context, continued=True)
    assert apart["du_thao"]["noi_nhan"] == lines[:3]
    assert {k: v for k, v in apart.items() if k != "du_thao"} == {
        k: v for k, v in context.items() if k != "du_thao"
    }


@pytest.mark.parametrize("source", [OLD_SIGNATURE, OLD_SIGNATURE_SAVED])
def test_an_old_copy_given_the_loop_over_the_rest_prints_each_recipient_once(
    office: Path, source: Path
) -> None:
    """An old copy given a loop over noi_nhan_tiep (after the first row's, and the Biên bản's,
    own): it printed 62 of 69 recipients twice, and check, build and verify said nothing."""
    library = office_block(office / "mau", source, tail_everywhere)
    assert check_templates(library, [BLOCK]).ok
    docx = render_with(library, letter(office, 70), office / "cv-70.docx")
    lines = recipient_lines(docx)
    assert Counter(lines).most_common(1)[0][1] == 1, Counter(lines).most_common(3)
    assert len(lines) == 71 and lines[-1].startswith("- Lưu:")


def test_the_testers_copy_is_refused_not_printed_twice(office: Path) -> None:
    """The tester's edit, the loop in the first row only: a Biên bản's Nơi nhận (under two
    signatures, which still prints noi_nhan alone) would lose a long list's end, which check and
    render say; no document prints a recipient twice."""
    library = office_block(office / "mau", OLD_SIGNATURE_SAVED, tail_in_first_row)
    report = check_templates(library, [BLOCK])
    assert not report.ok
    found = [p for p in report.problems if p.key == "tpl.signature_missing"]
    assert len(found) == 1
    vi, en = said(found[0]), said(found[0], "en")
    assert "noi_nhan_tiep" in vi and "hai người ký (Biên bản)" in vi, vi
    assert "two signers (Biên bản)" in en, en
    with pytest.raises(TemplateError) as caught:
        render_with(library, letter(office, 70), office / "cv-70.docx")
    assert caught.value.key == "tpl.signature_missing"


def lead_luu_unguarded(doc: Document) -> None:
    """The first row's "- {{ luu }}" printed whatever the list: its if / endif deleted."""
    cell = doc.tables[0].rows[0].cells[0]
    for paragraph in list(cell.paragraphs):
        if paragraph.text in ("{%p if not noi_nhan_tiep %}", "{%p endif %}"):
            paragraph._p.getparent().remove(paragraph._p)


def tail_also_beside(doc: Document) -> None:
    """Today's block given a loop over noi_nhan_tiep in its first row too, after the loop over
    noi_nhan (the advice half followed): the second row prints them as well."""
    cell = doc.tables[0].rows[0].cells[0]._tc
    guard = next(p for p in cell.iter(qn("w:p")) if _text(p) == "{%p if not noi_nhan_tiep %}")
    add_before(guard, TAIL_LOOP)


@pytest.mark.parametrize("edit", [lead_luu_unguarded, tail_also_beside])
def test_a_copy_printing_a_line_twice_is_refused(office: Path, edit: Callable) -> None:
    library = office_block(office / "mau", BUILTIN / f"{BLOCK}.docx", edit)
    report = check_templates(library, [BLOCK])
    found = [p for p in report.problems if p.key == "tpl.recipients_twice" and not p.warning]
    assert not report.ok and len(found) == 1, report.problems
    vi, en = said(found[0]), said(found[0], "en")
    assert "{%p if not noi_nhan_tiep %}" in vi and "hai lần" in vi, vi
    assert "twice" in en and "--force" in en, en
    with pytest.raises(TemplateError) as caught:
        render_with(library, letter(office, 70), office / "cv-70.docx")
    assert caught.value.key == "tpl.recipients_twice"


def test_the_first_version_of_the_block_is_told_what_to_delete(office: Path) -> None:
    """A copy of this morning's khoi/ky-ten skips, in its first row, as many lines as the second
    prints; vanthu now gives the first row only its own lines, so it would lose them: said with
    the condition to delete, and the Biên bản's loop to add."""
    library = office_block(office / "mau", FIRST_VERSION)
    found = [p for p in check_templates(library, [BLOCK]).problems
             if p.key == "tpl.signature_missing"]  # fmt: skip
    assert len(found) == 1
    vi, en = said(found[0]), said(found[0], "en")
    assert "{%p if loop.revindex > noi_nhan_tiep|length %}" in vi, vi
    assert "{%p for nguoi_nhan in noi_nhan + noi_nhan_tiep %}" in vi, vi
    assert "(thẻ {{ noi_nhan }})" not in vi
    assert "delete the two paragraphs" in en, en


def without_rows_under_signature(doc: Document) -> None:
    for row in list(doc.tables[0].rows)[1:]:
        row._tr.getparent().remove(row._tr)


def test_deleting_the_row_under_the_signature_names_that_row(office: Path) -> None:
    """F5: the message said Nơi nhận ({{ noi_nhan }}) and the Lưu line ({{ luu }}) were no longer
    printed, though both tags stand in the first row: what is gone is the row of the list's end."""
    library = office_block(office / "mau", BUILTIN / f"{BLOCK}.docx", without_rows_under_signature)
    found = [p for p in check_templates(library, [BLOCK]).problems
             if p.key == "tpl.signature_missing"]  # fmt: skip
    assert len(found) == 1
    vi, en = said(found[0]), said(found[0], "en")
    assert "Nơi nhận (thẻ {{ noi_nhan }})" not in vi and "dòng Lưu (thẻ {{ luu }})" not in vi, vi
    assert "các dòng cuối của một Nơi nhận dài" in vi and "{{ noi_nhan_tiep }}" in vi, vi
    assert "dòng Lưu của một Nơi nhận dài" in vi, vi
    assert "the last lines of a long Nơi nhận" in en, en


# --- 2 and 3. what an old copy lacks, in plain words; a backup before --force --------------


def test_an_old_doan_van_copy_is_warned_of_the_lead_in_keep(tmp_path: Path) -> None:
    library = office_block(tmp_path / "mau", OLD_PARAGRAPH, name="khoi/doan-van")
    report = check_templates(library, ["khoi/doan-van"])
    assert report.ok
    found = [p for p in report.problems if p.key == "tpl.dropped_lead_in"]
    assert len(found) == 1 and found[0].warning
    vi, en = said(found[0]), said(found[0], "en")
    assert "'dong.cau_dan'" in vi and "':'" in vi and "NoiDungCuoi" in vi, vi
    assert "templates copy khoi/doan-van --force" in vi and ".bak" in vi, vi
    assert "kept with the next paragraph" in en, en


def test_an_old_ky_ten_copy_is_warned_in_plain_words(office: Path) -> None:
    """It named the field only; now what it does, what the old copy prints, and both places
    to change (or copy --force, which keeps a backup). The copy prints every recipient once."""
    library = office_block(office / "mau", OLD_SIGNATURE)
    report = check_templates(library, [BLOCK])
    assert report.ok
    found = [p for p in report.problems if p.warning and p.key.startswith("tpl.dropped")]
    assert [p.key for p in found] == ["tpl.dropped_continued"]
    vi, en = said(found[0]), said(found[0], "en")
    for words in ("một mình một trang", "vanthu templates copy khoi/ky-ten --force", ".bak",
                  "{%tr if noi_nhan_tiep %}", "{%p if not noi_nhan_tiep %}"):  # fmt: skip
        assert words in vi, (words, vi)
    assert "alone on a page" in en and "three places" in en, en
    docx = render_with(library, letter(office, 70), office / "cv-70.docx")
    lines = recipient_lines(docx)
    assert len(lines) == len(set(lines)) == 71
    assert len(Document(str(docx)).tables[-1].rows) == 1


def test_copy_force_keeps_the_copy_it_replaces(office: Path) -> None:
    mau = office / "mau" / "khoi"
    mau.mkdir(parents=True, exist_ok=True)
    edited = OLD_SIGNATURE.read_bytes()
    (mau / "ky-ten.docx").write_bytes(edited)
    result = run("templates", "copy", BLOCK, "--force")
    assert result.exit_code == 0, result.output
    assert (mau / "ky-ten.docx.bak").read_bytes() == edited
    assert (mau / "ky-ten.docx").read_bytes() == (BUILTIN / f"{BLOCK}.docx").read_bytes()
    assert "ky-ten.docx.bak" in result.output and "giữ lại" in result.output, result.output
    again = run("templates", "copy", BLOCK, "--force", lang="en")  # the built-in one: no backup
    assert again.exit_code == 0 and ".bak" not in again.output
    assert sorted(p.name for p in mau.iterdir()) == ["ky-ten.docx", "ky-ten.docx.bak"]
    (mau / "ky-ten.docx").write_bytes(OLD_SIGNATURE_SAVED.read_bytes())
    third = run("templates", "copy", BLOCK, "--force", lang="en")
    assert "ky-ten.docx.2.bak" in third.output and "is kept" in third.output, third.output
    assert (mau / "ky-ten.docx.bak").read_bytes() == edited  # an earlier backup is never lost
    checked = run("templates", "check")
    assert ".bak" not in checked.output, checked.output


# --- 4. a long Nơi nhận goes on rather than leaving a page mostly blank ---------------------


def frame_styles() -> StyleSheet:
    return StyleSheet(TemplateLibrary().frame.parts["word/styles.xml"])


@pytest.mark.parametrize("count", [20, 33, 40, 46])
def test_a_list_a_third_of_a_page_long_goes_on_under_the_signature(count: int) -> None:
    """33 to 46 lines moved whole with the closing sentence and the signature, leaving the
    page where the body ended two thirds blank: they now break (the rows print as one when
    the block fits under the body)."""
    names = [f"Ủy ban nhân dân xã Đơn Vị Số {k:02d}" for k in range(count)]
    beside = beside_signature(names, "Lưu: VT, VP, A01b.", ["GIÁM ĐỐC"], frame_styles())
    assert beside is not None and 5 < beside < 12
    assert beside_signature(names[:10], "Lưu: VT.", ["GIÁM ĐỐC"], frame_styles()) is None


TEXT_TOP, TEXT_HEIGHT = 20 / 25.4 * 72, (297 - 40) / 25.4 * 72  # the frame's A4 text area
BODY = ("  - >-\n    Thực hiện chương trình công tác năm 2026, cơ quan tổ chức tập huấn công tác "
        "văn thư, lưu trữ cho cán bộ, công chức làm công tác văn thư, lưu trữ của các cơ quan, "
        "đơn vị trên địa bàn tỉnh; nội dung gồm các quy định mới về công tác văn thư, số {k}.\n")


def with_body(path: Path, paragraphs: int) -> Path:
    """The letter at `path` with `paragraphs` more paragraphs of body before its ket_thuc."""
    text = path.read_text("utf-8")
    more = "".join(BODY.format(k=k) for k in range(paragraphs))
    path.write_text(text.replace("ket_thuc:", more + "ket_thuc:", 1), "utf-8")
    return path


def page_fills(pdf: Path) -> list[float]:
    """How far down its text area each page's text reaches (1: to the bottom margin)."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout  # fmt: skip
    fills = []
    for page in boxes.split("<page ")[1:]:
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page)]
        fills.append((max(bottoms) - TEXT_TOP) / TEXT_HEIGHT if bottoms else 0.0)
    return fills


def test_no_page_is_left_mostly_blank_by_a_long_list(office: Path) -> None:
    """Headless LibreOffice: 20 to 70 Nơi nhận lines under bodies of different lengths. Every
    page but the last is at least two thirds full; each recipient prints once, Lưu last."""
    from pipeline.api import Renderer
    from pipeline.workspace import Workspace

    workspace = Workspace.containing(office / "vanthu.yaml")
    renderer = Renderer(workspace)
    docs = []
    for count in (20, 33, 40, 46, 55, 70):
        for body in (0, 3, 6):
            data = with_body(letter(office, count, name=f"cv-b{body}"), body)
            docx = office / "out" / f"{data.stem}.docx"
            docx.parent.mkdir(exist_ok=True)
            docx.write_bytes(renderer.render(workspace.load(data)))
            lines = recipient_lines(docx)
            assert len(lines) == len(set(lines)) == count + 1 and lines[-1].startswith("- Lưu")
            docs.append(docx)
    for docx, pdf in zip(docs, to_pdf(docs, office / "pdf"), strict=True):
        fills = page_fills(pdf)
        assert all(fill > 2 / 3 for fill in fills[:-1]), (docx.stem, fills)


# --- 5. the cheaper ones ---------------------------------------------------------------------


def test_a_copy_in_another_format_is_said_once_by_render_and_build(office: Path) -> None:
    (office / "mau" / "khoi").mkdir(parents=True, exist_ok=True)
    (office / "mau" / "khoi" / "ky-ten.odt").write_bytes(b"PK\x03\x04 saved by LibreOffice")
    data = letter(office, 5)
    rendered = run("render", str(data.relative_to(office)))
    assert rendered.exit_code == 0, rendered.output
    assert rendered.output.count("mau/khoi/ky-ten.odt") == 1, rendered.output
    assert "chỉ đọc mẫu dạng .docx" in rendered.output
    built = run("build", "--force", lang="en")
    assert built.exit_code == 0, built.output
    assert built.output.count("mau/khoi/ky-ten.odt") == 1, built.output
    assert "reads templates saved as .docx only" in built.output
    library = TemplateLibrary([office / "mau", BUILTIN])
    assert template_warnings(library, ["quyet-dinh"]) != []  # every type signs with the block
    assert template_warnings(TemplateLibrary([office / "mau", BUILTIN]), ["giay-khen"]) == []


def merged_row(number: int) -> Callable[[Document], None]:
    """Row `number` of the signature table with its two cells merged (tools/mistakes.py)."""

    def edit(doc: Document) -> None:
        row = doc.tables[0].rows[number]
        row.cells[0].merge(row.cells[1])

    return edit


@pytest.mark.parametrize("number", [0, 2])
def test_merged_signature_cells_are_refused_as_such(office: Path, number: int) -> None:
    """The row under the signature merged: check and build passed, verify failed the document;
    the signature's row merged: eight errors blaming 'Dòng nơi nhận' for the signer's lines."""
    library = office_block(office / "mau", BUILTIN / f"{BLOCK}.docx", merged_row(number))
    report = check_templates(library, [BLOCK])
    errors = [p for p in report.problems if not p.warning]
    assert [p.key for p in errors] == ["tpl.signature_cells_merged"], errors
    assert "Split Cells" in said(errors[0]) and "Split Cells" in said(errors[0], "en")
    with pytest.raises(TemplateError) as caught:
        render_with(library, letter(office, 70), office / "cv-70.docx")
    assert caught.value.key == "tpl.signature_cells_merged"


def renamed_luu(doc: Document) -> None:
    for element in doc.element.body.iter(qn("w:t")):
        if element.text and "{{ luu }}" in element.text:
            element.text = element.text.replace("{{ luu }}", "{{ luu_tru }}")


def test_a_renamed_field_that_always_was_there_is_not_said_new(tmp_path: Path) -> None:
    library = office_block(tmp_path / "mau", BUILTIN / f"{BLOCK}.docx", renamed_luu)
    report = check_templates(library, [BLOCK])
    found = [p for p in report.problems if p.warning and p.params.get("name") == "luu"]
    assert [p.key for p in found] == ["tpl.field_not_printed"]
    vi, en = said(found[0]), said(found[0], "en")
    assert "trước khi vanthu thêm" not in vi and "đổi tên" in vi, vi
    assert "before vanthu added" not in en and "renamed" in en, en


def test_a_split_tag_names_both_word_processors() -> None:
    assert "Word hoặc LibreOffice" in t("tpl.split_tag", lang="vi", tag="{{ x }}")
    assert "Word or LibreOffice" in t("tpl.split_tag", lang="en", tag="{{ x }}")


def test_a_draft_decision_prints_its_own_recipients_under_a_long_list(tmp_path: Path) -> None:
    """A Tờ trình with a long Nơi nhận and its draft decision: the draft's signature block read
    the Tờ trình's noi_nhan_tiep (its with-binding did not rebind it)."""
    from pipeline.api import Renderer, load_document

    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    path = tmp_path / "inputs" / "2024" / "to-trinh-kem-du-thao.yaml"
    names = "".join(f"  - Ủy ban nhân dân xã Số {k:02d}\n" for k in range(1, 41))
    text = path.read_text("utf-8").replace("noi_nhan:\n  - Lãnh đạo Văn phòng\n",
                                           "noi_nhan:\n" + names)  # fmt: skip
    path.write_text(text, "utf-8")
    docx = tmp_path / "tt.docx"
    docx.write_bytes(Renderer().render(load_document(path)))
    texts = [_text(p) for p in Document(str(docx)).element.body.iter(qn("w:p"))]
    draft = texts.index("DỰ THẢO")
    own = [line for line in texts[:draft] if line.startswith("- ")]
    theirs = [line for line in texts[draft:] if line.startswith("- ")]
    assert len(own) == len(set(own)) == 42
    assert not any("xã Số" in line for line in theirs), theirs
    assert theirs[-1] == "- Lưu: VT, NC."
