"""Regression tests for issue 12 (hardening), reader and render side.

Refusals of single bad inputs live in the corpus (tests/bad_inputs); here are the cases where
the right answer is a document, or where the message itself is the point.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError, TemplateError
from pipeline.load.spreadsheet import read_table
from pipeline.load.yaml_source import load_yaml
from pipeline.render.engine import Engine, PreparedTemplate
from pipeline.render.fragments import rich_runs, visible_text
from pipeline.text.gate import gate

REPO = Path(__file__).resolve().parents[1]
FIELDS = dict(required=["ho_ten", "danh_hieu"], optional=["chuc_vu", "don_vi", "loai"])


def run(*args: str):
    return CliRunner().invoke(main, ["--lang", "vi", *args])


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


# --- what is printed ------------------------------------------------------------------------


def test_typed_braces_print_as_typed(inputs_copy: Path, renderer) -> None:
    plan = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    edit(plan, "ket_thuc: >-\n", "ket_thuc: >-\n  {_{ x }_} {_% y %_} {{ z }}\n")
    text = docx_text(renderer.render(load_document(plan)))
    assert "{_{ x }_} {_% y %_} {{ z }}" in text


def test_escaped_braces_in_a_template_still_print_braces(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    _edit_template(templates / "ke-hoach.docx", b"{{ ten_loai }}", b"{_{ ten_loai }_}")
    from pipeline.api import Renderer

    document = load_document(REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml")
    assert "{{ ten_loai }}" in docx_text(Renderer(templates).render(document))


@pytest.mark.parametrize(
    "typed, shown, styled",
    [
        ("__init__", "__init__", False),
        ("a*b*c", "a*b*c", False),
        ("2**3**4", "2**3**4", False),
        ("snake_case_name", "snake_case_name", False),
        ("**đậm** và *nghiêng*", "đậm và nghiêng", True),
        ("(*nghiêng*).", "(nghiêng).", True),
        ("\\*không\\* nghiêng", "*không* nghiêng", False),
    ],
)
def test_markup_fires_on_whole_words_only(typed: str, shown: str, styled: bool) -> None:
    assert visible_text(typed) == shown
    assert ("w:rStyle" in rich_runs(typed)) is styled


def test_invisible_spaces_are_normalised_in_names(inputs_copy: Path, renderer) -> None:
    plan = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    yaml_text = plan.read_text("utf-8")
    first = yaml_text.split("noi_nhan:\n", 1)[1].splitlines()[0]
    edit(plan, first, '  - "Lãnh\u00a0đạo\u200b Văn\u2060 phòng\u00ad"')
    document = load_document(plan)
    assert document.info.data.noi_nhan[0] == "Lãnh đạo Văn phòng"
    assert gate("Nguyễn\u202fVăn\ufeff An") == "Nguyễn Văn An"


def test_invisible_spaces_are_normalised_in_cells(tmp_path: Path) -> None:
    sheet = tmp_path / "ds.csv"
    sheet.write_text("Họ và tên,Danh hiệu\nLò\u00a0Văn\u200bMạnh,Lao động tiên tiến\n", "utf-8")
    assert read_table(sheet, **FIELDS).rows[0].values["ho_ten"] == "Lò VănMạnh"


def test_list_cells_print_markup_as_typed(inputs_copy: Path, renderer) -> None:
    sheet = inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv"
    lines = sheet.read_text("utf-8-sig").splitlines()
    header, first = lines[0], lines[1].split(",")
    first[0] = "Nguyễn *Đức* Thọ\\"
    sheet.write_text(header + "\n" + ",".join(first) + "\n", "utf-8")
    text = docx_text(renderer.render(load_document(inputs_copy / "2022" / "qd-giay-khen.yaml")))
    assert "Nguyễn *Đức* Thọ\\" in text


def test_literal_markup_prints_as_typed() -> None:
    from pipeline.render.fragments import literal_markup

    for text in ["Nguyễn *Đức* Thọ", "a\\*b", "**x**", "C:\\tệp\\", "\\,"]:
        assert visible_text(literal_markup(text)) == text


# --- spreadsheets ---------------------------------------------------------------------------


def test_hidden_first_sheet_is_not_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Nháp"
    hidden.append(["Họ và tên", "Danh hiệu"])
    hidden.append(["Người ẩn", "Lao động tiên tiến"])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("Danh sách")
    shown.append(["Họ và tên", "Danh hiệu"])
    shown.append(["Người thật", "Lao động tiên tiến"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    table = read_table(path, **FIELDS)
    assert table.sheet == "Danh sách"
    assert [r.values["ho_ten"] for r in table] == ["Người thật"]
    # Named, a hidden sheet is read: the clerk asked for it.
    assert read_table(path, sheet="Nháp", **FIELDS).rows[0].values["ho_ten"] == "Người ẩn"


def test_unclosed_quote_does_not_lose_a_person(inputs_copy: Path) -> None:
    sheet = inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv"
    lines = sheet.read_text("utf-8-sig").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0] + ',"Hoàn thành'
    sheet.write_text("\n".join(lines) + "\n", "utf-8")
    result = run("check", str(inputs_copy / "2022" / "qd-giay-khen.yaml"))
    assert result.exit_code == 1
    assert "danh-sach-giay-khen-2022.csv" in result.output and "dòng 3" in result.output


def test_row_without_name_is_refused_with_its_row(tmp_path: Path) -> None:
    sheet = tmp_path / "ds.csv"
    sheet.write_text("Họ và tên,Danh hiệu\nAn,Lao động tiên tiến\n,Lao động tiên tiến\n")
    with pytest.raises(InputError) as caught:
        read_table(sheet, **FIELDS)
    assert caught.value.row == 3 and caught.value.field == "Họ và tên"


def test_csv_errors_name_the_column_the_clerk_sees(inputs_copy: Path) -> None:
    sheet = inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv"
    edit(sheet, "Giấy khen của Chánh Văn phòng,Cá nhân", "Giấy khen vui vẻ,Cá nhân")
    result = run("check", str(inputs_copy / "2022" / "qd-giay-khen.yaml"))
    assert result.exit_code == 1
    assert "trường 'Hình thức'" in result.output and "danh_hieu" not in result.output


def test_merged_cells_are_named_by_range(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Danh hiệu", "Đơn vị"])
    sheet.append(["An", "Lao động tiên tiến", "Phòng A"])
    sheet.append(["Bình", None, None])
    sheet.merge_cells("B2:B3")
    path = tmp_path / "ds.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_table(path, **FIELDS)
    assert "B2:B3" in caught.value.message() and "''" not in caught.value.message()


def test_a_sheet_part_too_large_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.load.spreadsheet import limits

    monkeypatch.setattr(limits, "MAX_PART_BYTES", 1000)
    path = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Danh hiệu"])
    book.active.append(["x" * 5000, "Lao động tiên tiến"])
    book.save(path)
    with pytest.raises(InputError, match="quá lớn"):
        read_table(path, **FIELDS)


def test_formula_and_error_cells_still_told_apart(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Danh hiệu"])
    book.active.append(["=A1", "Lao động tiên tiến"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="công thức =A1"):
        read_table(path, **FIELDS)


# --- YAML -----------------------------------------------------------------------------------


def test_misspelt_key_is_named_at_its_own_line(inputs_copy: Path) -> None:
    plan = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    edit(plan, "\nket_thuc:", "\nket_thuk:")
    line = plan.read_text("utf-8").splitlines().index("ket_thuk: >-") + 1
    result = run("check", str(plan))
    assert f"dòng {line}, trường 'ket_thuk'" in result.output
    assert "có phải 'ket_thuc'" in result.output


@pytest.mark.parametrize("value", ["true", "TRUE", "false"])
def test_booleans_are_refused_not_counted(tmp_path: Path, value: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"loai: ke_hoach\nso: {value}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.key == "data.boolean_value" and caught.value.line == 2


def test_alias_bomb_is_refused_before_it_grows(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]"
              for i in range(12)]  # fmt: skip
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.key == "data.too_many_values" and caught.value.line is not None


def test_fast_and_round_trip_readers_agree_on_every_example() -> None:
    from pipeline.load.yaml_source import _FastBuilder, _slow_load, read_text

    for path in [*(REPO / "inputs").rglob("*.yaml"), *(REPO / "pipeline/starters").glob("*.yaml")]:
        text = read_text(path, composed=False)
        fast = _FastBuilder(path, text)
        data, lines = _slow_load(path, text)
        assert fast.build() == data, path
        assert fast.lines == lines, path


@pytest.mark.parametrize(
    "scalar, value",
    [("12", 12), ("012", 12), ("+5", 5), ("5.0", 5.0), ("yes", "yes"), ("on", "on"),
     ("2021-12-22", "2021-12-22"), ("1:20", "1:20"), ("~", None), ("null", None),
     ("'true'", "true"), ("-_", "-_")],
)  # fmt: skip
def test_scalars_read_as_yaml_1_2(tmp_path: Path, scalar: str, value: object) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"loai: ke_hoach\nx: {scalar}\n", "utf-8")
    got = load_yaml(path).data["x"]
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("scalar", ["0o17", "0x1F", "1_000", "1e3"])
def test_numbers_yaml_reads_from_other_forms_are_refused(tmp_path: Path, scalar: str) -> None:
    """YAML 1.2 reads 0o17 as 15, 1_000 as 1000, 1e3 as 1000.0: a clerk's number printed unlike
    it was typed; refused at its line (data.number_form)."""
    path = tmp_path / "x.yaml"
    path.write_text(f"loai: ke_hoach\nx: {scalar}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert (caught.value.key, caught.value.line) == ("data.number_form", 2)


# --- templates ------------------------------------------------------------------------------


def _edit_template(path: Path, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    assert old in parts["word/document.xml"]
    parts["word/document.xml"] = parts["word/document.xml"].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    "body, key",
    [
        (b"{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
         "limit.render_time"),
        (b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "limit.recursion"),
        (b"{{ 'x' * 10**10 }}", "limit.operator"),
        (b"{% for a in range(10**9) %}{% endfor %}", "limit.range"),
        (b"{% for a in 'x' * 99999 %}{% for b in 'x' * 99999 %}{% endfor %}{% endfor %}",
         "limit.render_time"),
    ],
)  # fmt: skip
def test_runaway_template_is_stopped_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: bytes, key: str
) -> None:
    monkeypatch.setattr(PreparedTemplate, "seconds", 0.5)
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    _edit_template(templates / "ke-hoach.docx", b"{{ ten_loai }}", body)
    document = load_document(REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml")
    from pipeline.api import Renderer

    with pytest.raises(TemplateError) as caught:
        Renderer(templates).render(document)
    assert caught.value.key == key
    assert "ke-hoach.docx" in caught.value.message()


def test_engine_output_limit(monkeypatch: pytest.MonkeyPatch, renderer) -> None:
    monkeypatch.setattr(PreparedTemplate, "chars", 1000)
    document = load_document(REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml")
    with pytest.raises(TemplateError) as caught:
        Engine(REPO / "templates").render("ke-hoach", renderer.context(document))
    assert caught.value.key == "limit.output_size"
