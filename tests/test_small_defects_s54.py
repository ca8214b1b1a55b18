"""Small defects of round s54.

2: a template paragraph or style whose w:jc is no value Word writes ("middle", "foo") was only
   warned of by templates check and rendered into a file Word refuses or repairs; it is refused
   where the template is read, as a value that is no number is (render.structure.value_fault),
   naming the template, the paragraph or style and the value. Every value ECMA-376 and Word
   write is accepted.
3: two namesakes of one unit that one decision's list tells apart by their chức vụ, one of them
   named by another decision of the year too, counted three people in the yearly report; now
   the same name, unit and chức vụ is one person across the decisions, and the report says so.
4: a short field typed in TCVN3 whose only letters beyond ASCII are the code's small letters
   shown as Latin-1 capitals ("Ea KnÌp") passed as Unicode; it is refused as legacy text, and
   the Central Highlands' names in Unicode, a slip of the Shift key and a misread Windows-1258
   file's text are still not taken for it.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from pipeline.api import load_document
from pipeline.awards import YearNamesakes, read_award_list
from pipeline.cli import main
from pipeline.errors import InputError, TemplateError
from pipeline.figures import YearFigures
from pipeline.load.attachments import ReportAttachments
from pipeline.render.compose import TemplateLibrary
from pipeline.render.engine import Engine
from pipeline.render.kept_styles import kept_styles
from pipeline.render.styles import JUSTIFICATIONS, bad_value
from pipeline.render.template_cache import CACHE_ENV
from pipeline.text.legacy import TCVN3, WINDOWS_1258, legacy_encodings, suggested_unicode
from tests.test_legacy_highlands_s52 import ASCII_NAMES, NAMES, UNITS
from tests.test_names_report_s52 import DECIDED, DECISION, HEADER, REPORT
from tests.test_template_values_s52 import office_copy

REPO = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

Edit = Callable[[etree._Element], None]


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# --- 2: w:jc values Word does not write ---------------------------------------------------------


def aligned_paragraph(text: str, value: str) -> Edit:
    """The edit giving the body paragraph reading `text` <w:jc w:val=value/>."""

    def edit(root: etree._Element) -> None:
        for paragraph in root.iter(f"{{{W}}}p"):
            if "".join(paragraph.itertext()) == text:
                ppr = paragraph.find("w:pPr", NS)
                etree.SubElement(ppr, f"{{{W}}}jc").set(f"{{{W}}}val", value)
                return
        raise AssertionError(text)

    return edit


def aligned_style(style: str, value: str) -> Edit:
    """The edit setting the w:jc of paragraph style `style` to `value`."""

    def edit(root: etree._Element) -> None:
        jc = root.find(f".//w:style[@w:styleId='{style}']/w:pPr/w:jc", NS)
        assert jc is not None, style
        jc.set(f"{{{W}}}val", value)

    return edit


def element(xml: str) -> etree._Element:
    return etree.fromstring(xml.replace("<w:", f'<w:p xmlns:w="{W}"><w:', 1) + "</w:p>")[0]


@pytest.mark.parametrize("value", ["middle", "foo", "", "Center", "justify", "justified"])
def test_a_jc_value_word_does_not_write_is_found(value: str) -> None:
    bad = bad_value(element(f'<w:pPr><w:jc w:val="{value}"/></w:pPr>'))
    assert bad is not None
    assert (bad.tag, bad.attribute, bad.value) == ("w:jc", "val", value)
    assert bad.choices == JUSTIFICATIONS


WORD_WRITES = ["left", "right", "start", "end", "center", "both", "distribute", "highKashida",
               "lowKashida", "mediumKashida", "thaiDistribute", "numTab"]  # fmt: skip


@pytest.mark.parametrize("value", WORD_WRITES)
def test_every_jc_value_word_writes_is_accepted(value: str) -> None:
    assert bad_value(element(f'<w:pPr><w:jc w:val="{value}"/></w:pPr>')) is None
    assert bad_value(element(f'<w:tblPr><w:jc w:val="{value}"/></w:tblPr>')) is None


def test_a_value_that_is_no_number_is_still_found_first() -> None:
    bad = bad_value(element('<w:pPr><w:jc w:val="middle"/><w:ind w:left="x"/></w:pPr>'))
    assert bad is not None and (bad.tag, bad.value, bad.choices) == ("w:ind", "x", ())


@pytest.mark.parametrize("value", ["middle", "foo"])
def test_a_paragraph_aligned_so_is_refused_when_the_template_is_read(
    tmp_path: Path, value: str
) -> None:
    office_copy(tmp_path, "quyet-dinh", "word/document.xml",
                aligned_paragraph("QUYẾT ĐỊNH:", value))  # fmt: skip
    with pytest.raises(TemplateError) as refused:
        Engine(TemplateLibrary([tmp_path])).prepare("quyet-dinh")
    assert refused.value.key == "tpl.not_a_choice"
    said = refused.value.message("vi")
    assert said.startswith("quyet-dinh.docx, "), said
    assert f", đoạn 10 «QUYẾT ĐỊNH:»: căn lề: w:jc có w:val=“{value}”, không phải" in said
    assert "thaiDistribute" in said
    assert f"alignment: w:jc has w:val=“{value}”, which is none of" in refused.value.message("en")


@pytest.mark.parametrize("value", ["thaiDistribute", "highKashida", "start", "distribute"])
def test_a_paragraph_aligned_as_word_writes_is_prepared(tmp_path: Path, value: str) -> None:
    office_copy(tmp_path, "quyet-dinh", "word/document.xml",
                aligned_paragraph("QUYẾT ĐỊNH:", value))  # fmt: skip
    Engine(TemplateLibrary([tmp_path])).prepare("quyet-dinh")


def test_a_frame_style_aligned_so_is_refused_when_its_styles_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    frame = office_copy(tmp_path, "khung", "word/styles.xml", aligned_style("TrichYeu", "middle"))
    with zipfile.ZipFile(frame) as package:
        styles = package.read("word/styles.xml")
    for _ in range(2):  # cold, then warm: nothing is kept of styles refused
        with pytest.raises(TemplateError) as refused:
            kept_styles(styles)
        assert refused.value.key == "tpl.not_a_choice"
        assert refused.value.message("vi").startswith(
            "khung.docx, kiểu 'TrichYeu': căn lề: w:jc có w:val=“middle”"
        )


PLAN = Path("inputs") / "2022" / "ke-hoach-tdkt.yaml"
OUTPUT = Path("outputs") / "2022" / "ke-hoach-tdkt.docx"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace holding the example's 2022 plan and its agency profiles, as the current
    folder; its own templates go in mau/."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    (tmp_path / PLAN).parent.mkdir(parents=True)
    shutil.copy(REPO / PLAN, tmp_path / PLAN)
    (tmp_path / "mau").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_render_and_templates_check_refuse_a_frame_style_aligned_so(office: Path) -> None:
    office_copy(office / "mau", "khung", "word/styles.xml", aligned_style("NoiDung", "foo"))
    rendered = vanthu("--lang", "vi", "render", str(PLAN))
    assert rendered.exit_code == 1, rendered.output
    assert "Traceback" not in rendered.output
    assert "kiểu 'NoiDung': căn lề: w:jc có w:val=“foo”" in rendered.output
    assert not (office / OUTPUT).exists()
    checked = vanthu("--lang", "vi", "templates", "check")
    assert checked.exit_code == 1, checked.output
    found = [line for line in checked.output.splitlines() if "w:val=“foo”" in line]
    assert len(found) == 1 and found[0].startswith("khung.docx, "), checked.output


# --- 3: namesakes told apart in one decision, named again in another ----------------------------

SCHOOL = "Trường Tiểu học Mường Bú"
AN_TEACHER = f"Nguyễn Văn An,Giáo viên,{SCHOOL},Giấy khen,Cá nhân"
AN_GUARD = f"Nguyễn Văn An,Bảo vệ,{SCHOOL},Giấy khen,Cá nhân"


def award_list(folder: Path, name: str, rows: list[str]):  # type: ignore[no-untyped-def]
    path = folder / name
    path.write_text(HEADER + "\n".join(rows) + "\n", "utf-8")
    return read_award_list(path, DECIDED)


def year(*lists) -> YearFigures:  # type: ignore[no-untyped-def]
    """The figures of the year of `lists`, each a decision's (named d1, d2, ...)."""
    figures = YearFigures(2024, namesakes=YearNamesakes.of(list(lists)))
    for number, listed in enumerate(lists, start=1):
        figures.add(listed, f"d{number}")
    return figures


@pytest.mark.parametrize("told_first", [True, False], ids=["told-first", "told-later"])
def test_namesakes_told_apart_in_one_decision_are_two_across_the_year(
    tmp_path: Path, told_first: bool
) -> None:
    told = award_list(tmp_path, "qd1.csv", [AN_TEACHER, AN_GUARD])
    again = award_list(tmp_path, "qd2.csv", [AN_TEACHER])
    figures = year(told, again) if told_first else year(again, told)
    assert figures.overall.individuals == 2  # was 3
    assert figures.people_of_award("Giấy khen").individuals == 2
    assert figures.of_award("Giấy khen").individuals == 3  # lượt: every award
    [counted] = figures.namesakes_across_decisions()
    assert (counted.name, counted.unit, len(counted.people)) == ("Nguyễn Văn An", SCHOOL, 2)
    assert list(counted.positions.values()) == ["Giáo viên", "Bảo vệ"]
    assert counted.told == ("d1" if told_first else "d2")
    assert counted.others == (["d2"] if told_first else ["d1"])


def test_a_row_of_them_without_a_chuc_vu_is_no_third_person(tmp_path: Path) -> None:
    told = award_list(tmp_path, "qd1.csv", [AN_TEACHER, AN_GUARD])
    untold = award_list(tmp_path, "qd2.csv", [f"Nguyễn Văn An,,{SCHOOL},Giấy khen,Cá nhân"])
    figures = year(told, untold)
    assert figures.overall.individuals == 2
    [counted] = figures.namesakes_across_decisions()
    assert counted.untold


def test_another_chuc_vu_is_one_more_namesake(tmp_path: Path) -> None:
    told = award_list(tmp_path, "qd1.csv", [AN_TEACHER, AN_GUARD])
    third = award_list(tmp_path, "qd2.csv", [f"Nguyễn Văn An,Kế toán,{SCHOOL},Giấy khen,Cá nhân"])
    assert year(told, third).overall.individuals == 3


def test_one_person_whose_chuc_vu_changed_is_still_one(tmp_path: Path) -> None:
    """No list tells namesakes apart: the chức vụ is no part of who a row names."""
    first = award_list(tmp_path, "qd1.csv", [AN_TEACHER])
    promoted = f"Nguyễn Văn An,Tổ trưởng,{SCHOOL},Giấy khen,Cá nhân"
    second = award_list(tmp_path, "qd2.csv", [promoted])
    figures = year(first, second)
    assert figures.overall.individuals == 1
    assert figures.namesakes_across_decisions() == []


def test_namesakes_in_one_decision_only_are_no_warning(tmp_path: Path) -> None:
    told = award_list(tmp_path, "qd1.csv", [AN_TEACHER, AN_GUARD])
    other = award_list(tmp_path, "qd2.csv", [f"Lò Thị Hoa,Giáo viên,{SCHOOL},Giấy khen,Cá nhân"])
    figures = year(told, other)
    assert figures.overall.individuals == 3
    assert figures.namesakes_across_decisions() == []


def test_the_report_counts_them_as_two_and_says_how(tmp_path: Path) -> None:
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    folder = tmp_path / "inputs" / "2023"
    folder.mkdir()
    rows = {10: [AN_TEACHER, AN_GUARD], 11: [AN_TEACHER]}
    for number, day in ((10, "30/06"), (11, "03/07")):
        (folder / f"qd{number}.yaml").write_text(DECISION.format(number=number, day=day), "utf-8")
        (folder / f"qd{number}.csv").write_text(HEADER + "\n".join(rows[number]) + "\n", "utf-8")
    report = folder / "bc.yaml"
    report.write_text(REPORT, "utf-8")
    loaded = load_document(report)
    attachments = loaded.info.attachments
    assert isinstance(attachments, ReportAttachments)
    assert attachments.values["tong.ca_nhan"] == "2"  # was 3
    [warning] = [w for w in loaded.warnings if w.key == "data.report_namesakes"]
    assert isinstance(warning, InputError)
    assert (warning.line, warning.field) == (5, "nam")
    said = warning.message("vi")
    for words in ("'Nguyễn Văn An'", f"«{SCHOOL}»", "qd10.yaml", "qd11.yaml", "(Giáo viên, Bảo vệ)",
                  "cùng họ tên, đơn vị và chức vụ", "(2 cá nhân)"):  # fmt: skip
        assert words in said, said
    assert "the same name, unit and chức vụ" in warning.message("en")


# --- 4: a short TCVN3 field shown with Latin-1 capitals -----------------------------------------


@pytest.mark.parametrize(
    ("typed", "reading"),
    [("Ea KnÌp", "Ea Knèp"), ("KnÌp", "Knèp"), ("Ea KnÖp", "Ea Knệp"), ("Ea SÝp", "Ea Síp")],
)
def test_a_short_field_of_tcvn3_small_letters_shown_as_capitals_is_tcvn3(
    typed: str, reading: str
) -> None:
    assert legacy_encodings(typed) == (TCVN3,)
    assert suggested_unicode(typed, TCVN3) == reading


@pytest.mark.parametrize(
    "text",
    [*NAMES, *ASCII_NAMES, *UNITS, "Ea Knốp", "Ea Súp", "EA KNÌP", "Kon PlÔng", "Trưởng thÔn",
     "Phòng kÝ", "Xã Ea Knốp, huyện Ea Kar"],
)  # fmt: skip
def test_unicode_names_and_slips_of_the_shift_key_are_not_taken_for_it(text: str) -> None:
    assert legacy_encodings(text) == (), text


def test_a_misread_windows_1258_tone_after_a_vowel_stays_a_misread() -> None:
    assert legacy_encodings("ToÌng A") == (WINDOWS_1258,)


def test_check_refuses_a_list_cell_typed_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert vanthu("new", "quyet-dinh", "-o", "qd.yaml").exit_code == 0
    listed = tmp_path / "danh-sach-khen-thuong.csv"
    lines = listed.read_text("utf-8-sig").splitlines()
    cells = lines[2].split(",")
    cells[2] = "Ea KnÌp"  # Đơn vị
    lines[2] = ",".join(cells)
    listed.write_text("\n".join(lines) + "\n", "utf-8")
    checked = vanthu("--lang", "vi", "check", "qd.yaml")
    assert checked.exit_code == 1, checked.output
    assert "dòng 3, trường 'Đơn vị'" in checked.output
    assert "TCVN3" in checked.output and "«Ea Knèp»" in checked.output
