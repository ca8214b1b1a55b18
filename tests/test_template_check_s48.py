"""templates check and verify --template on what the tester found (session 48): names a template
binds itself taken for data fields, reads every render refuses passed, a broken tag followed by
layout faults that are not there."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from jinja2.sandbox import SandboxedEnvironment

from pipeline.cli import main
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from pipeline.template_tools.fields import FieldCollector
from pipeline.verify import verify_file
from tests.new_office import new_office
from tests.test_template_round2 import office_copy
from tests.test_template_tools import edit_docx

PLAN = "ke-hoach"
LAST_TAG = "{{r ket_thuc }}"  # paragraph 9 of ke-hoach.docx; paragraph 1 includes "khoi/..."
LAST_PARAGRAPH = "đoạn 9"
DOCUMENT = Path("inputs") / "2026" / "ke-hoach.yaml"  # the starter `vanthu init` writes


def run(*args: str, lang: str = "vi") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.fixture()
def plan_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new office's copy of ke-hoach.docx in its mau/ (the working folder is the office's)."""
    new_office(tmp_path, monkeypatch)
    assert run("templates", "copy", PLAN).exit_code == 0
    copy = tmp_path / "ws" / "mau" / f"{PLAN}.docx"
    assert copy.is_file()
    return copy


# 1. Names bound in the template are not data fields.


def collected(source: str) -> set[tuple[str, ...]]:
    return FieldCollector(SandboxedEnvironment(), {}).collect(source)


@pytest.mark.parametrize(
    ("source", "fields"),
    [
        ("{% set x = ket_thuc %}{{ x }}", {("ket_thuc",)}),
        ("{% set nn = noi_nhan %}{{ nn.ten }}", {("noi_nhan",), ("noi_nhan", "ten")}),
        ("{% for k in [1, 2] %}{{ k }}{{ loop.index }}{% endfor %}", set()),
        ("{% for k, v in d.items() %}{{ k }}{{ v }}{% endfor %}", {("d", "items")}),
        ("{% macro m(n, o=1) %}{{ n }}{{ o }}{{ varargs }}{% endmacro %}{{ m(ket_thuc) }}",
         {("ket_thuc",)}),
        ("{% call(u) m2(v) %}{{ u }}{{ caller }}{% endcall %}", {("m2",), ("v",)}),
        ("{% with q = 1 %}{{ q }}{% endwith %}", set()),
        ("{% set s %}{{ w }}{% endset %}{{ s }}", {("w",)}),
        ("{% set ns = namespace(n=0) %}{% set ns.n = ns.n + a %}{{ ns.n }}", {("a",)}),
        ('{% import "x" as lib %}{% from "y" import f as g, h %}{{ lib.q }}{{ g() }}{{ h }}',
         set()),
    ],
)  # fmt: skip
def test_names_the_template_binds_are_not_data_fields(
    source: str, fields: set[tuple[str, ...]]
) -> None:
    assert collected(source) == fields


@pytest.mark.parametrize(
    ("source", "field"),
    [
        ("{% for i in [1] %}{% set z = 1 %}{% endfor %}{{ z }}", ("z",)),  # the loop's own z
        ("{% with q = 1 %}{% endwith %}{{ q }}", ("q",)),
        ("{{ m }}{% macro m() %}{% endmacro %}", ("m",)),  # no macro before its definition
        ("{% macro m(n) %}{{ n }}{{ khong_co }}{% endmacro %}{{ m(1) }}", ("khong_co",)),
        ("{% for c in [1] %}{% else %}{{ c }}{% endfor %}", ("c",)),
    ],
)
def test_names_read_outside_where_the_template_binds_them_are_data_fields(
    source: str, field: tuple[str, ...]
) -> None:
    assert field in collected(source)


@pytest.mark.parametrize(
    "tag",
    [
        # ket_thuc is a field of runs: printed by {{r }} whatever name it goes by (a {{ }}
        # would write its runs inside a run's text: refused, structure.rich_field_fault).
        "{% set x = ket_thuc %}{{r x }}",
        "{% for k in [ket_thuc] %}{{r k }}{% endfor %}",
        "{% with w = ket_thuc %}{{r w }}{% endwith %}",
    ],
)
def test_a_template_using_names_of_its_own_passes_check_as_it_renders(
    plan_copy: Path, tag: str
) -> None:
    edit_docx(plan_copy, LAST_TAG, tag)
    check = run("templates", "check", PLAN)
    assert check.exit_code == 0, check.output
    assert "không có trường này" not in check.output
    rendered = run("render", str(DOCUMENT))
    assert rendered.exit_code == 0, rendered.output


def test_an_unknown_field_is_said_at_the_paragraph_using_it(plan_copy: Path) -> None:
    """'k' is not the start of "khoi/dau-trang" (paragraph 1), nor 'm' that of mo_dau."""
    edit_docx(plan_copy, LAST_TAG, "{{ k }}{{ m }}")
    check = run("templates", "check", PLAN)
    assert check.exit_code == 1, check.output
    errors = [line for line in check.output.splitlines() if "không có trường này" in line]
    assert len(errors) == 2, check.output
    for name, line in zip(("k", "m"), errors, strict=True):
        assert f"{LAST_PARAGRAPH} «{{{{ k }}}}{{{{ m }}}}»: mẫu dùng '{name}'" in line, line


# 2. Reads the sandbox refuses are found before any render.


@pytest.mark.parametrize(
    ("tag", "attribute", "kind"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__", "str"),
        ("{{ '{0.__class__}'.format(so_ky_hieu) }}", "__class__", ""),
        ("{{ so_ky_hieu._x }}", "_x", ""),
        ("{{ '{x.__doc__}'.format(x='a') }}", "__doc__", "str"),
    ],
)
def test_a_read_every_render_refuses_fails_check_in_renders_words(
    plan_copy: Path, tag: str, attribute: str, kind: str
) -> None:
    edit_docx(plan_copy, LAST_TAG, tag)
    check = run("templates", "check", PLAN)
    assert check.exit_code == 1, check.output
    errors = [line for line in check.output.splitlines() if "không được phép" in line]
    assert len(errors) == 1, check.output
    said = f"không được đọc '{attribute}' của giá trị{f' ({kind})' if kind else ''}: "
    assert f"{LAST_PARAGRAPH} «" in errors[0] and said in errors[0], errors[0]
    assert "mẫu dùng thao tác không được phép: " in errors[0]
    assert "không có trường này" not in check.output  # said once, as what it is
    english = run("templates", "check", PLAN, lang="en")
    assert "the template uses a forbidden operation: " in english.output
    assert f"'{attribute}' of a value" in english.output, english.output
    rendered = run("render", str(DOCUMENT))
    assert rendered.exit_code != 0
    if kind:  # the render's own words, where the check can tell the value
        reason = t("jinja.unsafe_attribute", lang="vi", name=attribute, kind=kind)
        assert reason in rendered.output and reason in errors[0]


def test_underscore_reads_in_a_shared_block_are_said_at_the_block(
    tmp_path: Path,
) -> None:
    block = office_copy(tmp_path, "khoi/ky-ten")
    edit_docx(block, "{{ chu_ky.ho_ten }}", "{{ chu_ky.__dict__ }}")
    library = TemplateLibrary([tmp_path / "mau", Path(__file__).parents[1] / "templates"])
    report = check_templates(library, ["khoi/ky-ten"])
    unsafe = [p for p in report.problems if p.key == "tpl.unsafe"]
    assert len(unsafe) == 1 and unsafe[0].template == "khoi/ky-ten"
    assert "«{{ chu_ky.__dict__ }}»" in unsafe[0].where


# 3. A tag left open: said alone, not with the layout faults it makes verify read.


@pytest.mark.parametrize(("old", "new"), [("{{ ten_loai }}", "{{ ten_loai "),
                                          ("{{ ten_loai }}", "ten_loai }}")])  # fmt: skip
def test_a_broken_tag_is_the_only_fault_check_says(plan_copy: Path, old: str, new: str) -> None:
    edit_docx(plan_copy, old, new)
    library = TemplateLibrary([plan_copy.parent, Path(__file__).parents[1] / "templates"])
    report = check_templates(library, [PLAN])
    errors = [p for p in report.problems if not p.warning]
    assert [p.key for p in errors] in (["tpl.unclosed_tag"], ["tpl.stray_close"]), errors
    assert "đoạn 2" in errors[0].where
    check = run("templates", "check", PLAN)
    assert check.exit_code == 1
    assert "1 lỗi" in check.output and "cỡ chữ" not in check.output, check.output


@pytest.mark.parametrize(("old", "new", "shown"),
                         [("{{ ten_loai }}", "{{ ten_loai ", "{{ ten_loai"),
                          ("{{ ten_loai }}", "ten_loai }}", "ten_loai }}"),
                          ("{{ ten_loai }}", "{% if x }}", "{% if x }}")])  # fmt: skip
def test_verify_template_says_a_broken_tag_and_no_layout(
    tmp_path: Path, old: str, new: str, shown: str
) -> None:
    copy = office_copy(tmp_path, PLAN)
    edit_docx(copy, old, new)
    report = verify_file(copy, template=True)
    assert [v.rule for v in report.violations] == ["template.unclosed_tag"], report.violations
    assert not report.ok
    vi, en = report.violations[0].line("vi"), report.violations[0].line("en")
    assert vi.startswith(f"đoạn 2 «{shown}»: [template.unclosed_tag] ") and "cần thẻ đóng" in vi
    assert f"found «{shown}»" in en and "closed by '}}' or '%}' in the same paragraph" in en
    result = run("verify", "--template", str(copy))
    assert result.exit_code == 1
    assert "1 vi phạm" in result.output and "cỡ chữ" not in result.output, result.output


def test_verify_template_of_whole_tags_reads_the_layout(tmp_path: Path) -> None:
    copy = office_copy(tmp_path, PLAN)
    assert verify_file(copy, template=True).ok
    edit_docx(copy, "{{ ten_loai }}", "{{ ten_loai }} {{ '{' }}")  # a brace in a string
    assert verify_file(copy, template=True).ok
