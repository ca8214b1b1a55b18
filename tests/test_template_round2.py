"""vanthu templates check, second round: what a LibreOffice save or a hand edit breaks that only
showed in verify (lost section breaks, a frame without page-number restart, fixed header widths,
fixed text after the closing "./."), short style-drift warnings, and the CLI's wording."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.cli import main
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import TemplateReport, check_templates
from tests.office_templates import builtin_check_report

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def office_copy(tmp_path: Path, name: str) -> Path:
    """The built-in template `name` copied into an office folder mau/ (returned: the copy)."""
    target = tmp_path / "mau" / f"{name}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((BUILTIN / f"{name}.docx").read_bytes())
    return target


def edit_part(path: Path, part: str, edit) -> None:
    """Replace one part of a .docx by `edit(its bytes)`, in place."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[part] = edit(parts[part])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def check(tmp_path: Path, name: str) -> TemplateReport:
    return check_templates(TemplateLibrary([tmp_path / "mau", BUILTIN]), [name])


def keys(report: TemplateReport) -> list[tuple[str, bool]]:
    return [(p.key, p.warning) for p in report.problems]


def text_of(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def test_section_break_merged_into_a_tag_paragraph_is_an_error(tmp_path: Path) -> None:
    """LibreOffice merges the empty paragraph ending the main part into the {%p if danh_sach %}
    paragraph before it: rendering drops it with the tag, and the Danh sách continues the page
    numbers (verify: so_trang.restart on every output)."""
    copy = office_copy(tmp_path, "quyet-dinh")

    def merge(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        tag = next(p for p in root.iter(f"{W}p") if text_of(p) == "{%p if danh_sach %}")
        empty = tag.getnext()
        sect = empty.find(f"{W}pPr/{W}sectPr")
        assert sect is not None
        tag.find(f"{W}pPr").append(sect)
        empty.getparent().remove(empty)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    edit_part(copy, "word/document.xml", merge)
    report = check(tmp_path, "quyet-dinh")
    assert not report.ok
    found = [p for p in report.problems if p.key == "tpl.section_in_tag"]
    assert len(found) == 1, report.problems
    assert "{%p if danh_sach %}" in found[0].where and not found[0].warning


def test_a_frame_saved_without_cols_still_restarts_page_numbers() -> None:
    """A LibreOffice save of khung.docx leaves out w:cols, before which the restart used to be
    put: it now goes where CT_SectPr's order wants it, whatever follows."""
    from pipeline.render.compose import SectionKind, frame_section

    appendix = SectionKind(landscape=False, restart=True)
    for tail in ('<w:cols w:space="720"/><w:docGrid w:linePitch="360"/>',
                 '<w:titlePg/><w:docGrid w:linePitch="360"/>', ""):  # fmt: skip
        page = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134"/>'
        sect = f"<w:sectPr>{page}{tail}</w:sectPr>"
        made = frame_section(sect, appendix, "nextPage")
        assert made.count('<w:pgNumType w:start="1"/>') == 1
        assert made.index("<w:pgNumType") > made.index("<w:pgMar")
        assert made.index("<w:pgNumType") < made.index(tail or "</w:sectPr>")


@pytest.mark.parametrize(
    ("left", "right", "key", "ok"),
    [("5500", "3855", "tpl.header_widths_narrow", False),
     ("3000", "6355", "tpl.header_widths_fixed", True)],
)  # fmt: skip
def test_fixed_header_widths_are_said_as_such(
    tmp_path: Path, left: str, right: str, key: str, ok: bool
) -> None:
    """Widths typed in Word's Table Properties: said precisely (not 'an old copy'), an error
    when the right column cannot hold the Quốc hiệu on one line."""
    copy = office_copy(tmp_path, "khoi/dau-trang")

    def fix(xml: bytes) -> bytes:
        xml = xml.replace(b"{{ dau_trang.trai }}", left.encode())
        xml = xml.replace(b"{{ dau_trang.phai }}", right.encode())
        return xml.replace(b"{{ dau_trang.tong }}", b"9355")

    edit_part(copy, "word/document.xml", fix)
    report = check(tmp_path, "khoi/dau-trang")
    assert keys(report) == [(key, ok)], report.problems
    assert report.ok is ok
    params = report.problems[0].params
    assert params["widths"] == f"{left} + {right}" and params["right"] == int(right)
    assert "tpl.dropped_field" not in [p.key for p in report.problems]


def test_fixed_text_after_the_articles_is_a_warning(tmp_path: Path) -> None:
    """A closing sentence typed before the signature block would follow the "./." vanthu puts
    on the last article."""
    copy = office_copy(tmp_path, "quyet-dinh")
    sentence = "Quyết định này có hiệu lực kể từ ngày ký."

    def insert(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        include = next(p for p in root.iter(f"{W}p") if "khoi/ky-ten" in text_of(p))
        added = etree.fromstring(
            f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:pStyle w:val="NoiDung"/></w:pPr>'
            f"<w:r><w:t>{sentence}</w:t></w:r></w:p>"
        )
        include.addprevious(added)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    edit_part(copy, "word/document.xml", insert)
    report = check(tmp_path, "quyet-dinh")
    assert report.ok
    found = [p for p in report.problems if p.key == "tpl.text_after_closing"]
    assert len(found) == 1 and found[0].warning
    assert found[0].params["text"] == sentence and "Quyết định này" in found[0].where


def test_style_drift_warning_is_short(tmp_path: Path) -> None:
    """Every style changed (as a LibreOffice save does): a count and a few names, one line."""
    from pipeline.i18n import t

    copy = office_copy(tmp_path, "ke-hoach")
    edit_part(
        copy,
        "word/styles.xml",
        lambda xml: xml.replace(b"</w:style>", b"<w:semiHidden/></w:style>"),
    )
    report = check(tmp_path, "ke-hoach")
    drift = [p for p in report.problems if p.key == "tpl.style_drift"]
    assert len(drift) == 1 and drift[0].warning
    assert drift[0].params["count"] > 20
    assert drift[0].params["styles"].count(",") == 5 and drift[0].params["styles"].endswith("…")
    line = t("tpl.style_drift", lang="en", **drift[0].params)
    assert len(line) < 500 and "LibreOffice" in line


def test_the_built_in_templates_have_none_of_these(tmp_path: Path) -> None:
    report = builtin_check_report()
    assert report.problems == []


def run(*args: str, lang: str = "vi"):
    return CliRunner().invoke(main, ["--lang", lang, "--templates", str(BUILTIN), *args])


@pytest.mark.parametrize(
    ("name", "hint"),
    [("quyet-dinhh", "quyet-dinh"), ("ky-ten", "khoi/ky-ten"),
     ("khoi/ky-ten.docx", "khoi/ky-ten")],
)  # fmt: skip
def test_copy_of_an_unknown_template_suggests_one(monkeypatch, name: str, hint: str) -> None:
    monkeypatch.chdir(REPO)
    result = run("templates", "copy", name)
    assert result.exit_code != 0
    assert f"không có mẫu '{name}' (có phải '{hint}'?)" in result.output, result.output
    assert "Traceback" not in result.output


def test_check_of_an_unknown_template_suggests_one(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("templates", "check", "quyet-dinhh")
    assert "(có phải 'quyet-dinh'?)" in result.output, result.output


def test_english_summary_counts_in_singular(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "templates"
    shutil.copytree(BUILTIN, root)
    path = root / "quyet-dinh.docx"
    broken = b"{{ theo_de_nghi | }}"
    edit_part(path, "word/document.xml", lambda xml: xml.replace(b"{{ theo_de_nghi }}", broken, 1))
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(
        main, ["--lang", "en", "--templates", str(root), "templates", "check", "quyet-dinh"]
    )
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == "1 template, 1 error, 0 warnings"
    ok = run("templates", "check", "ke-hoach", "khung", lang="en")
    assert ok.output.splitlines()[-1] == "2 templates, no problems"
