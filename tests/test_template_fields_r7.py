"""templates check finds what render refuses of fields: an item of a list of text read as a
group, an index past a list's end (render says it translated and located), a shared block's
unknown field said once at the block with a suggestion, and a field vanthu does not have."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.new_office import new_office
from tests.test_template_tools import edit_docx


def run(*args: str, lang: str = "vi"):
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return new_office(tmp_path, monkeypatch)


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("{% for nn in noi_nhan %}{{ nn.ten }}; {% endfor %}",
         "'noi_nhan' là danh sách chữ, mỗi dòng không có trường 'ten'; dùng {{ nn }}"),
        ("{{ noi_nhan.0.ten }}",
         "'noi_nhan' là danh sách chữ, mỗi dòng không có trường 'ten'; dùng {{ noi_nhan[0] }}"),
        ("{{ noi_nhan[5] }}", "mẫu dùng 'noi_nhan[5]', dòng thứ 6 của danh sách 'noi_nhan'"),
    ],
)  # fmt: skip
def test_check_finds_what_render_refuses(office: Path, tag: str, said: str) -> None:
    assert run("templates", "copy", "cong-van").exit_code == 0
    edit_docx(office / "mau" / "cong-van.docx", "{{r ket_thuc }}", "{{r ket_thuc }} " + tag)
    result = run("templates", "check")
    assert result.exit_code == 1, result.output
    assert "cong-van.docx, bản riêng của cơ quan trong mau/, đoạn 7" in result.output, result.output
    assert said in result.output, result.output


def test_an_index_past_the_end_is_said_translated_and_located(office: Path) -> None:
    assert run("templates", "copy", "cong-van").exit_code == 0
    copy = office / "mau" / "cong-van.docx"
    edit_docx(copy, "{{r ket_thuc }}", "{{r ket_thuc }} {{ noi_nhan[5] }}")
    assert run("new", "cong-van", "-o", "inputs/cv.yaml").exit_code == 0
    vi = run("render", "inputs/cv.yaml")
    assert vi.exit_code == 1
    assert ("cong-van.docx, bản riêng của cơ quan trong mau/, "
            "đoạn 7 «{{r ket_thuc }} {{ noi_nhan[5] }}»: mẫu dùng 'noi_nhan[5]'") in (
        vi.output
    )
    en = run("render", "inputs/cv.yaml", lang="en")
    assert "paragraph 7" in en.output and "'noi_nhan[5]'" in en.output
    assert "has no element" not in vi.output + en.output


def test_jinja_index_wording_is_recognised() -> None:
    from pipeline.render.compose import TemplateLibrary
    from pipeline.render.jinja_errors import jinja_reason, undefined_name

    with pytest.raises(Exception) as caught:
        TemplateLibrary().environment().from_string("{{ x[5] }}").render(x=[1])
    message = str(caught.value)
    assert undefined_name(message) == "5"
    reason = jinja_reason(message)
    assert reason.describe("vi") == "danh sách không có dòng thứ 6 (chỉ số 5)"  # type: ignore[attr-defined]
    assert reason.describe("en") == "the list has no item 6 (index 5)"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("block", "old", "new", "vi", "en"),
    [
        ("khoi/doan-van", "{{r dong.noi_dung }}", "{{r dong.noi_dugn }}",
         "khoi/doan-van.docx, bản riêng của cơ quan trong mau/, đoạn 3 «- {{r dong.noi_dugn }}»: "
         "khối dùng 'dong.noi_dugn' nhưng dữ liệu không có trường này (có phải 'dong.noi_dung'?) "
         "(khối dùng ở 8 loại văn bản: ",
         "khoi/doan-van.docx, the office's copy in mau/, paragraph 3 «- {{r dong.noi_dugn }}»: "
         "the block uses 'dong.noi_dugn', which the data does not provide (did you mean "
         "'dong.noi_dung'?) (the block is used by 8 document types: "),
        ("khoi/ky-ten", "{{ chu_ky.ho_ten }}", "{{ chu_ky.ho_tenn }}",
         "khoi/ky-ten.docx, bản riêng của cơ quan trong mau/, bảng 1, hàng 1, ô 2, đoạn 8 "
         "«{{ chu_ky.ho_tenn }}»: khối dùng 'chu_ky.ho_tenn' nhưng dữ liệu không có trường này "
         "(có phải 'chu_ky.ho_ten'?) (khối dùng ở 8 loại văn bản: ",
         "the block uses 'chu_ky.ho_tenn'"),
    ],
)  # fmt: skip
def test_a_typo_in_a_shared_block_is_said_once_at_the_block(
    office: Path, block: str, old: str, new: str, vi: str, en: str
) -> None:
    assert run("templates", "copy", block).exit_code == 0
    edit_docx(office / "mau" / f"{block}.docx", old, new)
    result = run("templates", "check")
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if new.strip("{} r") in ln]
    assert len(lines) == 1 and lines[0].startswith(vi), result.output
    assert "[]" not in lines[0]
    english = run("templates", "check", block, lang="en")  # the block alone: read through its types
    lines = [ln for ln in english.output.splitlines() if new.strip("{} r") in ln]
    assert len(lines) == 1 and en in lines[0], english.output


def test_a_field_of_the_office_s_own_is_said_not_to_exist(office: Path) -> None:
    assert run("templates", "copy", "cong-van").exit_code == 0
    edit_docx(office / "mau" / "cong-van.docx", "{{r ket_thuc }}",
              "{{r ket_thuc }} Điện thoại: {{ so_dien_thoai }}.")  # fmt: skip
    vi = run("templates", "check", "cong-van")
    assert "vanthu không có trường 'so_dien_thoai'" in vi.output
    assert "vanthu templates fields cong-van" in vi.output and "gõ thẳng vào mẫu" in vi.output
    en = run("templates", "check", "cong-van", lang="en")
    assert "vanthu has no field 'so_dien_thoai'" in en.output and "straight into" in en.output
    fields = run("templates", "fields", "cong-van").output.splitlines()
    assert "so_dien_thoai  ← vanthu không có trường này" in "\n".join(fields)
    assert "ket_thuc" in fields and "luu" in fields  # the fields it has, unmarked
