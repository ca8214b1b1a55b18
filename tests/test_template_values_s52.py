"""A template whose property value is no number (s52): <w:sz w:val="x"/>, <w:ind w:left="1.5cm"/>,
<w:pgMar w:top="x"/>, a hand edit Word never makes. render, build, check and templates check say
it once, naming the file, the style or paragraph, the attribute and its value (exit 1, nothing
written); verify still calls such a file damaged. They failed with an internal error
(ValueError) before."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.render.builtin import builtin_templates
from pipeline.render.compose import TemplateLibrary
from pipeline.render.engine import Engine
from pipeline.render.kept_styles import kept_styles
from pipeline.render.styles import StyleSheet, bad_number
from pipeline.render.template_cache import CACHE_ENV
from pipeline.verify import verify_files

REPO = Path(__file__).resolve().parents[1]
PLAN = Path("inputs") / "2022" / "ke-hoach-tdkt.yaml"
OUTPUT = Path("outputs") / "2022" / "ke-hoach-tdkt.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

Edit = Callable[[etree._Element], None]


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace holding the example's 2022 plan and its agency profiles, as the current
    folder; its own templates go in mau/."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    (tmp_path / PLAN).parent.mkdir(parents=True)
    shutil.copy(REPO / PLAN, tmp_path / PLAN)
    (tmp_path / "mau" / "khoi").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def office_copy(folder: Path, name: str, part: str, edit: Edit) -> Path:
    """folder/<name>.docx: the built-in template `name` with `edit` made to its part `part`."""
    target = folder / f"{name}.docx"
    with zipfile.ZipFile(builtin_templates() / f"{name}.docx") as source:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == part:
                    root = etree.fromstring(data)
                    edit(root)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                copy.writestr(info, data)
    return target


def set_value(path: str, attribute: str, value: str) -> Edit:
    """The edit setting `attribute` (w:...) of the first element at `path` to `value`."""

    def edit(root: etree._Element) -> None:
        element = root.find(path, NS)
        assert element is not None, path
        element.set(f"{{{W}}}{attribute}", value)

    return edit


STYLE_SIZE = ".//w:style[@w:styleId='NoiDung']/w:rPr/w:sz"


def broken_frame(folder: Path) -> Path:
    """folder/mau/khung.docx whose body style NoiDung has the size "x"."""
    (folder / "mau").mkdir(exist_ok=True)
    edit = set_value(STYLE_SIZE, "val", "x")
    return office_copy(folder / "mau", "khung", "word/styles.xml", edit)


# --- what is no number: what the readers fail on ---------------------------------------------


def element(xml: str) -> etree._Element:
    return etree.fromstring(xml.replace("<w:", f'<w:p xmlns:w="{W}"><w:', 1) + "</w:p>")[0]


@pytest.mark.parametrize(
    ("xml", "found"),
    [
        ('<w:rPr><w:sz w:val="x"/></w:rPr>', ("w:sz", "val", "x")),
        ('<w:rPr><w:sz w:val="14pt"/></w:rPr>', ("w:sz", "val", "14pt")),
        ('<w:rPr><w:sz w:val=""/></w:rPr>', None),  # no size: the level below gives it
        ("<w:rPr><w:sz/></w:rPr>", None),
        ('<w:rPr><w:sz w:val="28"/><w:spacing w:val="x"/></w:rPr>', None),  # not read
        ('<w:pPr><w:spacing w:after="abc"/></w:pPr>', ("w:spacing", "after", "abc")),
        ('<w:pPr><w:spacing w:after="120.5" w:line="276"/></w:pPr>', None),
        ('<w:pPr><w:spacing w:line=""/></w:pPr>', ("w:spacing", "line", "")),
        ('<w:pPr><w:ind w:left="1.5cm"/></w:pPr>', ("w:ind", "left", "1.5cm")),
        ('<w:pPr><w:ind w:hanging="1e999"/></w:pPr>', ("w:ind", "hanging", "1e999")),
        ('<w:pPr><w:ind w:firstLineChars="1.5"/></w:pPr>', ("w:ind", "firstLineChars", "1.5")),
        ('<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>', None),
        ('<w:pPr><w:framePr w:w="" w:x="10"/></w:pPr>', None),
        ('<w:pPr><w:framePr w:h="abc"/></w:pPr>', ("w:framePr", "h", "abc")),
        ('<w:pPr><w:numPr><w:ilvl w:val="one"/></w:numPr></w:pPr>', ("w:ilvl", "val", "one")),
        ('<w:pPr><w:jc w:val="sideways"/></w:pPr>', None),  # a word, read as it stands
    ],
)
def test_a_value_is_no_number_where_the_readers_fail(
    xml: str, found: tuple[str, str, str] | None
) -> None:
    props = element(xml)
    bad = bad_number(props)
    assert (bad.tag, bad.attribute, bad.value) == found if bad is not None else found is None
    read = StyleSheet.paragraph_props if props.tag == f"{{{W}}}pPr" else StyleSheet.run_details
    try:
        read(props)
    except (ValueError, OverflowError):
        assert bad is not None
    else:
        assert bad is None


def test_a_page_margin_or_size_that_is_no_number_is_found() -> None:
    sect = element('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="x"/></w:sectPr>')
    bad = bad_number(sect)
    assert bad is not None and (bad.tag, bad.attribute, bad.value) == ("w:pgMar", "top", "x")
    assert bad_number(element('<w:sectPr><w:pgSz w:w="1cm"/></w:sectPr>')) is not None


# --- the frame's styles, as contexts read them ----------------------------------------------


def frame_styles(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(broken_frame(tmp_path)) as frame:
        return frame.read("word/styles.xml")


@pytest.mark.parametrize("cached", [True, False], ids=["cache", "no-cache"])
def test_the_frames_styles_are_refused_when_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache") if cached else "")
    styles = frame_styles(tmp_path)
    for _ in range(2):  # cold, then warm: nothing is kept of styles refused
        with pytest.raises(TemplateError) as refused:
            kept_styles(styles)
        assert refused.value.key == "tpl.not_a_number"
        assert refused.value.message("vi").startswith("khung.docx, kiểu 'NoiDung': cỡ chữ: ")
        assert "w:sz có w:val=“x”, không phải một số" in refused.value.message("vi")
        assert "w:sz has w:val=“x”, which is not a number" in refused.value.message("en")


# --- the commands ---------------------------------------------------------------------------


COMMANDS = {"render": ["render", str(PLAN)], "build": ["build"], "check": ["check", str(PLAN)]}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_frame_style_that_is_no_number_is_said_and_nothing_written(
    office: Path, command: str, lang: str
) -> None:
    broken_frame(office)
    result = vanthu("--lang", lang, *COMMANDS[command])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "ValueError" not in result.output
    said = {
        "vi": ("kiểu 'NoiDung'", "cỡ chữ: w:sz có w:val=“x”, không phải một số"),
        "en": ("style 'NoiDung'", "font size: w:sz has w:val=“x”, which is not a number"),
    }[lang]
    lines = [line for line in result.output.splitlines() if "khung.docx" in line]
    assert lines and all(part in lines[0] for part in said), result.output
    assert not (office / OUTPUT).exists()


def test_a_refused_template_leaves_the_last_output_as_it_was(office: Path) -> None:
    assert vanthu("render", str(PLAN)).exit_code == 0
    written = (office / OUTPUT).read_bytes()
    broken_frame(office)
    for args in (["render", str(PLAN)], ["build", "--force"]):
        result = vanthu(*args)
        assert result.exit_code == 1, result.output
        assert "w:val=“x”" in result.output
    assert (office / OUTPUT).read_bytes() == written


def test_templates_check_says_the_frames_value_once(office: Path) -> None:
    broken_frame(office)
    result = vanthu("templates", "check")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "bị hỏng" not in result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "khung.docx, bản riêng của cơ quan trong mau/, kiểu 'NoiDung': cỡ chữ: w:sz có "
        "w:val=“x”, không phải một số; Word luôn ghi số ở đây nên tệp đã bị sửa tay hoặc bằng "
        "một công cụ khác. Hãy sửa giá trị đó thành số (hoặc đặt lại cỡ chữ trong Word rồi "
        "lưu mẫu)"
    )
    assert "1 lỗi" in lines[-1]


BLOCK_SPACING = ".//w:body//w:spacing[@w:line]"


def test_a_blocks_paragraph_value_is_said_at_its_paragraph(office: Path) -> None:
    office_copy(office / "mau", "khoi/ky-ten", "word/document.xml",
                set_value(BLOCK_SPACING, "line", "abc"))  # fmt: skip
    rendered = vanthu("render", str(PLAN))
    assert rendered.exit_code == 1, rendered.output
    assert "khoi/ky-ten.docx, bản riêng của cơ quan trong mau/, đoạn " in rendered.output
    assert "khoảng cách đoạn: w:spacing có w:line=“abc”" in rendered.output
    assert not (office / OUTPUT).exists()
    checked = vanthu("templates", "check")
    assert checked.exit_code == 1, checked.output
    found = [line for line in checked.output.splitlines() if "w:line=“abc”" in line]
    assert len(found) == 1 and found[0].startswith("khoi/ky-ten.docx, "), checked.output
    assert "bị hỏng" not in checked.output


def test_a_page_margin_of_the_frame_is_said_at_its_section(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    office_copy(folder, "khung", "word/document.xml", set_value(".//w:pgMar", "top", "x"))
    with pytest.raises(TemplateError) as refused:
        Engine(TemplateLibrary([folder])).prepare("ke-hoach")
    assert refused.value.message("vi").startswith(
        "ke-hoach.docx, khung.docx, bản riêng của cơ quan trong mau/, phần (section) 1: "
        "lề trang: w:pgMar có w:top=“x”"
    )


def test_a_phois_frame_value_is_said_at_its_paragraph(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    office_copy(folder, "giay-khen", "word/document.xml",
                set_value(".//w:framePr[@w:w='13437']", "h", "abc"))  # fmt: skip
    with pytest.raises(TemplateError) as refused:
        Engine(TemplateLibrary([folder])).form_sheet("giay-khen")
    message = refused.value.message("en")
    assert message.startswith("giay-khen.docx, the office's copy in mau/, paragraph "), message
    assert "«{{r gk.ten }}»: frame position: w:framePr has w:h=“abc”" in message


def test_verify_still_calls_such_a_file_damaged(tmp_path: Path) -> None:
    (report,) = verify_files([broken_frame(tmp_path)])
    assert report.error is not None and report.error.key == "verify.not_docx"
    assert "bị hỏng" in report.error.message("vi")


def test_check_of_a_batch_of_certificates_reads_the_frame_as_render_does(office: Path) -> None:
    """A Giấy khen prints on its phôi, not the frame: check of a batch worked out the profile's
    line widths with the frame's styles read unchecked, and a header style whose size is no
    number was an internal error (ValueError) there; render never reads that style for it."""
    (office / "mau").mkdir(exist_ok=True)
    edit = set_value(".//w:style[@w:styleId='CoQuanChuQuan']/w:rPr/w:sz", "val", "x")
    office_copy(office / "mau", "khung", "word/styles.xml", edit)
    made = vanthu("new", "giay-khen", "-o", "inputs/2022/giay-khen.yaml")
    assert made.exit_code == 0, made.output
    checked = vanthu("--lang", "vi", "check", "inputs/2022/giay-khen.yaml")
    assert checked.exit_code == 0, checked.output
    assert "nội bộ" not in checked.output
