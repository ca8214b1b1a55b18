"""Render's messages of a field the data lacks (the command listing the fields a template can use;
an index past a list's end with the list's length), and templates check's work done once: the
signature block's check per block, a built-in template's body, a LibreOffice save's body, a
template's headers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from jinja2.exceptions import UndefinedError

from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.render import package as package_module
from pipeline.render import structure
from pipeline.render.compose import TemplateLibrary
from pipeline.render.jinja_errors import ItemPastEnd, undefined_message
from pipeline.render.package import DOCUMENT_PART, Package
from pipeline.template_tools import check as check_module
from pipeline.template_tools.check import check_templates, dropped_fields, own_margins
from tests.new_office import new_office
from tests.test_template_findings import footer_with_tags
from tests.test_template_round2 import edit_part
from tests.test_template_round2 import office_copy as plain_copy
from tests.test_template_structure_r7 import office_copy, typed_signer_name
from tests.test_template_tools import edit_docx

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"


def run(*args: str, lang: str = "vi"):
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return new_office(tmp_path, monkeypatch)


def _letter_with(office: Path, template: str, old: str, new: str) -> None:
    """The office's copy of `template` with `old` replaced by `new`, and a Công văn to render."""
    assert run("templates", "copy", template).exit_code == 0
    edit_docx(office / "mau" / f"{template}.docx", old, new)
    assert run("new", "cong-van", "-o", "inputs/cv.yaml").exit_code == 0


# --- render: a field the data lacks ------------------------------------------------------------


def test_render_points_to_the_fields_the_template_can_use(office: Path) -> None:
    _letter_with(office, "cong-van", "{{r ket_thuc }}", "{{r ket_thuc }} {{ so_dien_thoai }}")
    vi = run("render", "inputs/cv.yaml")
    assert vi.exit_code == 1
    assert ("mẫu dùng 'so_dien_thoai' nhưng dữ liệu không có trường này (các trường dùng được: "
            "vanthu templates fields cong-van)") in vi.output, vi.output  # fmt: skip
    en = run("render", "inputs/cv.yaml", lang="en")
    assert ("the template uses 'so_dien_thoai', which the data does not provide (the fields it "
            "can use: vanthu templates fields cong-van)") in en.output, en.output  # fmt: skip
    build = run("build")
    assert "cv.yaml" in build.output and "vanthu templates fields cong-van" in build.output


def test_a_blocks_unknown_field_points_to_the_type_rendered(office: Path) -> None:
    _letter_with(office, "khoi/doan-van", "{{r dong.noi_dung }}", "{{r dong.noi_dugn }}")
    result = run("render", "inputs/cv.yaml")
    assert result.exit_code == 1
    assert "khoi/doan-van.docx" in result.output and "noi_dugn'" in result.output
    assert "vanthu templates fields cong-van)" in result.output, result.output


def test_an_index_past_the_end_says_how_many_items_the_data_has(office: Path) -> None:
    _letter_with(office, "cong-van", "{{r ket_thuc }}", "{{r ket_thuc }} {{ noi_nhan[5] }}")
    from pipeline.api import Renderer
    from pipeline.workspace import Workspace

    workspace = Workspace.containing(office)
    count = len(Renderer(workspace).context(workspace.load(office / "inputs" / "cv.yaml"))
                ["noi_nhan"])  # fmt: skip
    assert count < 6
    vi = run("render", "inputs/cv.yaml")
    assert vi.exit_code == 1
    assert ("cong-van.docx, bản riêng của cơ quan trong mau/, "
            "đoạn 7 «{{r ket_thuc }} {{ noi_nhan[5] }}»: mẫu dùng 'noi_nhan[5]', "
            "dòng thứ 6 của danh sách 'noi_nhan', mà danh sách này trong dữ liệu của văn bản chỉ "
            f"có {count} dòng") in vi.output, vi.output  # fmt: skip
    en = run("render", "inputs/cv.yaml", lang="en")
    assert ("the template uses 'noi_nhan[5]', item 6 of the list 'noi_nhan', which has only "
            f"{count} items in this document's data") in en.output, en.output  # fmt: skip
    assert "does not provide" not in vi.output + en.output


@pytest.mark.parametrize("items", [[1, 2, 3], (1, 2, 3)])
def test_the_undefined_item_knows_the_lists_length(items: object) -> None:
    env = TemplateLibrary().environment()
    with pytest.raises(ItemPastEnd) as caught:
        env.from_string("{{ x[5] }}").render(x=items)
    assert (caught.value.index, caught.value.count) == (5, 3)
    assert str(caught.value) == f"{type(items).__name__} object has no element 5"  # Jinja's words


@pytest.mark.parametrize(
    ("source", "data"),
    [("{{ x.y }}", {"x": {}}), ("{{ x[5] }}", {"x": {1: 2}}), ("{{ x[-9] }}", {"x": [1]}),
     ("{{ y }}", {})],
)  # fmt: skip
def test_other_undefined_values_keep_jinjas_error(source: str, data: dict) -> None:
    with pytest.raises(UndefinedError) as caught:
        TemplateLibrary().environment().from_string(source).render(**data)
    assert type(caught.value) is UndefinedError


def test_an_index_not_found_in_the_template_is_said_as_an_unknown_field() -> None:
    past = ItemPastEnd("list object has no element 5", index=5, count=3)
    assert undefined_message(past, "5", "cong-van") == (
        "render.undefined_field", {"name": "5", "type": "cong-van"}
    )
    assert undefined_message(past, "ds[].muc[5]", "bao-cao") == (
        "render.index_past_end", {"name": "ds[].muc[5]", "list": "ds[].muc", "n": 6, "count": 3}
    )


# --- templates check: work done once ----------------------------------------------------------


def _counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths Package.read reads from now on."""
    reads: list[Path] = []
    original = Package.read.__func__  # type: ignore[attr-defined]

    def read(cls: type[Package], path: Path | str, data: bytes | None = None) -> Package:
        reads.append(Path(path).resolve())
        return original(cls, path, data)

    monkeypatch.setattr(Package, "read", classmethod(read))
    return reads


def test_the_signature_block_is_rendered_once_per_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", typed_signer_name)
    rendered: list[str] = []
    original = structure._printed_fields

    def printed(library: TemplateLibrary, source: str) -> dict[str, set[str]] | None:
        rendered.append(source)
        return original(library, source)

    monkeypatch.setattr(structure, "_printed_fields", printed)
    report = check_templates(library)
    users = [n for n in library.type_names() if "khoi/ky-ten" in library.included_blocks(n)]
    assert len(users) > 1
    assert len(rendered) == 2  # the built-in copy and the office's, once
    said = [p for p in report.problems if p.key == "tpl.signature_missing"]
    assert [p.template for p in said] == ["khoi/ky-ten"]  # said once, at the block
    faults = [structure.signature_faults(library, name) for name in users]
    assert [[f.name for f in found] for found in faults] == [[name] for name in users]
    assert len(rendered) == 2


def test_a_builtin_template_is_read_once_for_every_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", typed_signer_name)
    plain_copy(tmp_path, "cong-van")
    library.block_sources  # noqa: B018 - the blocks in force, read before counting
    reads = _counted_reads(monkeypatch)
    for name in library.type_names():
        structure.signature_faults(library, name)
        structure.recipients_faults(library, name)
    assert dropped_fields("khoi/ky-ten", library) == dropped_fields("khoi/ky-ten", library)
    assert own_margins("cong-van", library) == own_margins("cong-van", library)
    assert reads.count((BUILTIN / "khoi" / "ky-ten.docx").resolve()) == 1
    assert reads.count((BUILTIN / "cong-van.docx").resolve()) == 1
    assert library.builtin_document_xml("cong-van") == (
        Package.read(BUILTIN / "cong-van.docx").text(DOCUMENT_PART)
    )


def _libreoffice_header(tmp_path: Path) -> Path:
    """The office's khoi/dau-trang as LibreOffice saves it: the width tags turned into an equal
    split of the text width (render.libreoffice puts them back when reading it)."""
    copy = plain_copy(tmp_path, "khoi/dau-trang")

    def split(xml: bytes) -> bytes:
        xml = xml.replace(b"{{ dau_trang.trai }}", b"4677")
        xml = xml.replace(b"{{ dau_trang.phai }}", b"4678")
        return xml.replace(b"{{ dau_trang.tong }}", b"9355")

    edit_part(copy, DOCUMENT_PART, split)
    return copy


def test_a_libreoffice_save_is_parsed_once_to_be_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _libreoffice_header(tmp_path)
    restored: list[bytes] = []
    original = package_module.restored_header_widths

    def restore(document_xml: bytes) -> bytes:
        out = original(document_xml)
        if out is not document_xml:
            restored.append(out)
        return out

    monkeypatch.setattr(package_module, "restored_header_widths", restore)
    monkeypatch.setattr(check_module, "restored_header_widths", restore)
    with check_module._as_read(copy) as read:
        assert read != copy
        with zipfile.ZipFile(read) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
    assert len(restored) == 1
    expected = Package.read(copy).parts  # what every reader of the template sees
    assert parts == expected and b"{{ dau_trang.trai }}" in parts[DOCUMENT_PART]


def test_header_tags_are_found_without_reading_the_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = TemplateLibrary(footer_with_tags(tmp_path))
    library.stored_document_xml("khung")  # the file's one reading
    reads = _counted_reads(monkeypatch)
    found = structure.running_faults(library, "khung", named=False)
    assert reads == []
    assert [f.params["tags"] for f in found] == [
        "«{{ so_ky_hieu }}», «{{ trich_yeu }}»", "«{{ so_ky_hieu }}», «{{ trich_yue }}»"
    ]


def test_header_tags_of_a_file_without_a_body_are_refused_as_before(tmp_path: Path) -> None:
    folder = footer_with_tags(tmp_path)
    frame = folder / "khung.docx"
    with zipfile.ZipFile(frame) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if n != DOCUMENT_PART}
    with zipfile.ZipFile(frame, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(TemplateError) as caught:
        structure.running_faults(TemplateLibrary(folder), "khung")
    assert caught.value.key == "render.template_not_docx"
    assert caught.value.params["reason"] == DOCUMENT_PART
