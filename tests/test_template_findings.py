"""A template maintainer's findings (/root/explore/tpl/findings.md): tags in headers and footers
(F1), syntax errors located at the tag Jinja stopped at (F7), and expression errors said as the
template's, at the tag's paragraph (F8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml

from pipeline.api import Renderer, load_document
from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.render.compose import TemplateLibrary
from pipeline.render.engine import Engine
from pipeline.template_tools.check import check_templates
from tests.new_office import new_office
from tests.test_template_round2 import office_copy
from tests.test_template_tools import edit_docx as edit_body

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
OFFICE = "bản riêng của cơ quan trong mau/"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def errors_of(library: TemplateLibrary, template: str) -> list[str]:
    """`templates check`'s error lines for `template`, as command.py prints them."""
    report = check_templates(library, [template])
    return [f"{p.template}.docx, {p.where}: {p.key}" for p in report.problems if not p.warning]


def refused(library: TemplateLibrary, template: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        Engine(library).prepare(template)
    return caught.value


def render_refused(library: TemplateLibrary) -> TemplateError:
    """The error rendering the 2022 plan with `library`."""
    document = load_document(PLAN)
    with pytest.raises(TemplateError) as caught:
        Renderer(library).render(document)
    return caught.value


# F1: a tag in the frame's footer printed as typed in every document.


def footer_with_tags(tmp_path: Path) -> Path:
    """The tester's edit: khung.docx's footer and first-page footer hold fields."""
    frame = office_copy(tmp_path, "khung")
    document = docx.Document(str(frame))
    section = document.sections[0]
    section.footer.paragraphs[0].text = "{{ so_ky_hieu }} — {{ trich_yeu }}"
    section.first_page_footer.paragraphs[0].text = "Trang đầu: {{ so_ky_hieu }} {{ trich_yue }}"
    document.save(str(frame))
    return frame.parent


def test_check_names_the_frame_footer_and_its_tags(tmp_path: Path) -> None:
    library = TemplateLibrary(footer_with_tags(tmp_path))
    report = check_templates(library, ["khung"])
    problems = [p for p in report.problems if p.key == "tpl.running_tag"]
    assert [p.where for p in problems] == [
        f"{OFFICE}, chân trang, đoạn 1 «{{{{ so_ky_hieu }}}} — {{{{ trich_yeu }}}}»",
        f"{OFFICE}, chân trang trang đầu, đoạn 1 «Trang đầu: {{{{ so_ky_hieu }}}} "
        "{{ trich_yue }}»",
    ]
    assert not report.ok and not any(p.warning for p in problems)
    assert problems[1].params["tags"] == "«{{ so_ky_hieu }}», «{{ trich_yue }}»"


def test_render_refuses_the_frame_footer_tag_in_both_languages(tmp_path: Path) -> None:
    error = refused(TemplateLibrary(footer_with_tags(tmp_path)), "ke-hoach")
    assert error.key == "tpl.running_tag"
    assert error.location("vi") == (
        f"ke-hoach.docx, khung.docx, {OFFICE}, chân trang, đoạn 1 "
        "«{{ so_ky_hieu }} — {{ trich_yeu }}»"
    )
    assert "in nguyên văn" in error.detail("vi") and "«{{ so_ky_hieu }}»" in error.detail("vi")
    english = error.message("en")
    assert "khung.docx, the office's copy in mau/, footer, paragraph 1" in english
    assert "the footer holds «{{ so_ky_hieu }}»" in english and "chân trang" not in english


def test_render_and_build_write_nothing_with_a_frame_footer_tag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_office(tmp_path, monkeypatch)
    runner = CliRunner()
    new = runner.invoke(main, ["--lang", "vi", "new", "ke-hoach", "-o", "inputs/kh.yaml"])
    assert new.exit_code == 0, new.output
    assert runner.invoke(main, ["--lang", "vi", "templates", "copy", "khung"]).exit_code == 0
    frame = tmp_path / "ws" / "mau" / "khung.docx"
    document = docx.Document(str(frame))
    document.sections[0].footer.paragraphs[0].text = "Số {{ so_ky_hieu }}"
    document.save(str(frame))
    check = runner.invoke(main, ["--lang", "vi", "templates", "check"])
    assert check.exit_code == 1 and "chân trang, đoạn 1 «Số {{ so_ky_hieu }}»" in check.output
    render = runner.invoke(main, ["--lang", "vi", "render", "inputs/kh.yaml"])
    assert render.exit_code == 1 and "Đã dựng" not in render.output, render.output
    assert "khung.docx" in render.output and "Traceback" not in render.output
    assert not list((tmp_path / "ws" / "outputs").rglob("kh.docx"))


def test_page_number_fields_and_fixed_text_stay_allowed(tmp_path: Path) -> None:
    frame = office_copy(tmp_path, "khung")
    document = docx.Document(str(frame))
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.text = "Trang "
    paragraph._p.append(parse_xml(f'<w:fldSimple {W_NS} w:instr=" PAGE "><w:r><w:t>1</w:t>'
                                  "</w:r></w:fldSimple>"))  # fmt: skip
    document.save(str(frame))
    from pipeline.render.structure import running_faults

    library = TemplateLibrary(frame.parent)
    assert running_faults(library, "khung") == []
    Engine(library).prepare("ke-hoach")  # no error


def test_builtin_templates_have_no_tags_in_headers_or_footers() -> None:
    from pipeline.render.structure import running_faults

    library = TemplateLibrary(REPO / "templates")
    for name in [*library.type_names(), *library.block_names(), "khung"]:
        assert running_faults(library, name) == [], name


def test_a_type_templates_own_header_tag_is_said_unused(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    document = docx.Document(str(template))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "Kế hoạch {{ so_ky_hieu }}"
    document.save(str(template))
    library = TemplateLibrary(template.parent)
    lines = [line for line in errors_of(library, "ke-hoach") if "running" in line]
    assert lines == [
        f"ke-hoach.docx, {OFFICE}, phần 1, đầu trang, đoạn 1 «Kế hoạch {{{{ so_ky_hieu }}}}»: "
        "tpl.running_tag_unused"
    ]
    error = refused(library, "ke-hoach")
    assert error.key == "tpl.running_tag_unused" and "khung.docx" in error.detail("vi")
    assert "section 1, header, paragraph 1" in error.location("en")


# F7: a syntax error located at the tag Jinja stopped at, not the last tag of its line.


def test_a_wrong_closing_tag_is_located_at_its_own_paragraph(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    edit_body(template, "{%p endfor %}", "{%tr endfor %}")  # đoạn 7, before an include at 8
    library = TemplateLibrary(template.parent)
    error = refused(library, "ke-hoach")
    assert error.key == "render.syntax"
    assert error.location("vi").endswith("đoạn 7 «{%tr endfor %}»"), error.location("vi")
    syntax = [line for line in errors_of(library, "ke-hoach") if line.endswith("tpl.syntax")]
    assert syntax == ["ke-hoach.docx, đoạn 7 «{%tr endfor %}»: tpl.syntax"]


def test_a_stray_endif_is_located_where_check_puts_it(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    edit_body(template, "{%p endfor %}", "{%p endif %}")
    error = refused(TemplateLibrary(template.parent), "ke-hoach")
    assert error.location("vi").endswith("đoạn 7 «{%p endif %}»"), error.location("vi")


def test_a_block_left_open_is_located_at_its_opening_tag(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    edit_body(template, "{%p endfor %}", "")  # the for of đoạn 5 is never closed
    error = refused(TemplateLibrary(template.parent), "ke-hoach")
    assert error.location("vi").endswith("đoạn 5 «{%p for doan in mo_dau %}»")
    assert "khối 'for' mở mà không đóng" in error.detail("vi")


# F8: an expression failing at render time is the template's error, at its paragraph.


def test_division_by_zero_names_the_template_and_paragraph(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    edit_body(template, "{{r trich_yeu }}", "{{ 1/0 }}")
    error = render_refused(TemplateLibrary(template.parent))
    assert error.key == "render.expression"
    assert error.location("vi") == f"ke-hoach.docx, {OFFICE}, đoạn 3 «{{{{ 1/0 }}}}»"
    assert "chia cho 0" in error.detail("vi") and "nội bộ" not in error.message("vi")
    assert "division by zero" in error.message("en") and "paragraph 3" in error.message("en")


def test_an_expression_in_a_loop_of_a_block_is_located_in_the_block(tmp_path: Path) -> None:
    block = office_copy(tmp_path, "khoi/cac-muc")
    edit_body(block, "{{r khoan.tieu_de }}", "{{r khoan.tieu_de - 1 }}")
    error = render_refused(TemplateLibrary(block.parent.parent))
    assert error.key == "render.expression"
    assert error.location("vi").startswith(f"ke-hoach.docx, khoi/cac-muc.docx, {OFFICE}, đoạn ")
    assert "{{r khoan.tieu_de - 1 }}" in error.location("vi")
    assert "phép '-' không dùng được giữa đoạn chữ và số" in error.detail("vi")
    assert "'-' cannot be used between the text and the number" in error.detail("en")


def test_an_unsafe_attribute_is_located_and_said_in_vietnamese(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    edit_body(template, "{{r trich_yeu }}", "{{ so_ky_hieu.__class__ }}")
    error = render_refused(TemplateLibrary(template.parent))
    assert error.key == "render.unsafe"
    assert error.location("vi").endswith("đoạn 3 «{{ so_ky_hieu.__class__ }}»")
    assert "is unsafe" not in error.detail("vi") and "'__class__'" in error.detail("vi")


def test_a_damaged_body_is_the_templates_error_and_check_goes_on(tmp_path: Path) -> None:
    template = office_copy(tmp_path, "ke-hoach")
    edit_body(template, "<w:body>", "<w:body><1w:p>")
    library = TemplateLibrary(template.parent)
    error = refused(library, "ke-hoach")
    assert error.key == "render.xml_damaged"
    assert error.location("vi") == f"ke-hoach.docx, {OFFICE}"
    assert error.location("en") == "ke-hoach.docx, the office's copy in mau/"
    assert "word/document.xml của mẫu bị hỏng" in error.detail("vi")
    assert "templates copy ke-hoach --force" in error.detail("en")
    report = check_templates(TemplateLibrary(template.parent))
    assert [p.key for p in report.problems if p.template == "ke-hoach"] == ["tpl.unreadable"]
    assert "khung" in report.checked  # the check went on past the damaged file


def test_vanthus_own_failures_stay_internal_errors() -> None:
    """Only a tag's own computation is the template's: an error raised inside vanthu's code
    (a bug) is not turned into a template error."""
    from pipeline.render.engine import _raised_by_vanthu
    from pipeline.render.locate import tag_key

    with pytest.raises(TypeError) as inside:
        tag_key(None)  # type: ignore[arg-type]
    assert _raised_by_vanthu(inside.value)
    with pytest.raises(ZeroDivisionError) as outside:
        Engine(TemplateLibrary(REPO / "templates"))._env.from_string("{{ 1/0 }}").render()
    assert not _raised_by_vanthu(outside.value)


# F3: render, build and check warn of a template `templates check` rejects, remembered by content.


def frame_in_16_pt(tmp_path: Path) -> Path:
    """The tester's edit: the office's khung.docx sets running text in 16 pt, a title in Arial."""
    from docx.shared import Pt

    frame = office_copy(tmp_path, "khung")
    document = docx.Document(str(frame))
    document.styles["NoiDung"].font.size = Pt(16)
    document.styles["TrichYeu"].font.name = "Arial"
    document.save(str(frame))
    return frame


def test_a_rejected_frame_gives_one_warning_per_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.template_tools.verdict import template_warnings

    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))
    library = TemplateLibrary(frame_in_16_pt(tmp_path).parent)
    errors = [p for p in check_templates(library, ["khung"]).problems if not p.warning]
    # The 16 pt of NoiDung (its style, and the frame's paragraph set in it), TrichYeu's Arial.
    assert [(p.key, p.params["rule"]) for p in errors] == [
        ("tpl.layout", "noi_dung.size"),
        ("tpl.layout", "font.name"),
        ("tpl.layout", "noi_dung.size"),
    ]
    warnings = template_warnings(library, ["ke-hoach", "ke-hoach", "quyet-dinh"])
    assert len(warnings) == 2
    assert warnings[0] == (
        f"vanthu templates check thấy 3 lỗi trong khung.docx ({OFFICE}) mà ke-hoach.docx "
        "dùng: văn bản dựng ra có thể không đúng thể thức Nghị định 30/2020/NĐ-CP; chạy 'vanthu "
        "templates check' để xem và sửa"
    )
    english = warnings[1].describe("en")  # type: ignore[attr-defined]
    assert "finds 3 errors in khung.docx (the office's copy in mau/)" in english
    assert "quyet-dinh.docx" in english


def test_the_verdict_is_remembered_by_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.template_tools.check as check
    from pipeline.template_tools.verdict import template_warnings

    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))
    frame = frame_in_16_pt(tmp_path)
    first = template_warnings(TemplateLibrary(frame.parent), ["ke-hoach"])
    assert len(first) == 1

    def not_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(check, "check_templates", not_again)
    assert template_warnings(TemplateLibrary(frame.parent), ["ke-hoach"]) == first
    monkeypatch.undo()
    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copy(REPO / "templates" / "khung.docx", frame)  # put right: another content
    assert template_warnings(TemplateLibrary(frame.parent), ["ke-hoach"]) == []


def test_no_warning_and_no_check_without_office_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.template_tools.check as check
    from pipeline.template_tools.verdict import template_warnings

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("built-in templates are not checked")

    monkeypatch.setattr(check, "check_templates", never)
    library = TemplateLibrary(REPO / "templates")
    assert template_warnings(library, library.type_names()) == []
