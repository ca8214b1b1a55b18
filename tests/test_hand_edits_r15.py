"""Two ways a clerk's hand edit could still be lost (r15).

1. `vanthu render` into a year folder whose manifest.json is damaged or missing: no record
   says which outputs there are vanthu's own, so a file differing from the new one is kept as a
   .sua-tay copy before it is written over, and render says so once, as the build does
   (batch.lost_manifest, r13a F3). A render never makes a manifest of its own in a folder whose
   manifest is missing while it holds other outputs: the next build would take it as whole and
   write over the others' edits without a copy.
2. A document that fails in a build (its data refused) keeps its manifest entry (what vanthu
   last wrote for it) while its output is there: once its data is fixed, the build still tells
   a hand edit of that output from vanthu's own and keeps a copy of it. A document whose data
   file is deleted loses its entry (and its unedited output) as before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_build_robust_r13a import EDIT, damage, edit_by_hand, texts, three_built
from tests.test_register_order import office, plan, vanthu  # noqa: F401

MANIFEST = "outputs/2026/manifest.json"


def recorded(root: Path) -> dict[str, dict]:
    """The documents the 2026 manifest records, by data file."""
    return json.loads((root / MANIFEST).read_text("utf-8"))["documents"]


def copies(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("outputs/2026/*.sua-tay*"))


# 1. render and a damaged or missing manifest ----------------------------------------------


@pytest.mark.parametrize("how", ["garbage", "truncated", "emptied", "deleted"])
def test_render_keeps_a_copy_of_an_output_no_manifest_vouches_for(
    office: Path, how: str,  # noqa: F811
) -> None:
    three_built(office)
    edited = office / "outputs/2026/kh-02.docx"
    edit_by_hand(edited)
    damage(office / MANIFEST, how)
    result = vanthu("render", "inputs/2026/kh-02.yaml")
    assert result.exit_code == 0, result.output
    copy = office / "outputs/2026/kh-02.sua-tay.docx"
    assert EDIT in texts(copy)  # the clerk's edit, kept
    assert EDIT not in texts(edited)  # the output, made again from the data
    assert copies(office) == [copy.name]
    said = ("không có outputs/2026/manifest.json trong khi outputs/2026 đã có tệp kết quả"
            if how == "deleted" else "không đọc được outputs/2026/manifest.json (tệp hỏng")
    assert result.stderr.count(said) == 1
    assert "được giữ lại bên cạnh trước khi ghi đè: outputs/2026/kh-02.sua-tay.docx" \
        in result.stderr
    assert result.stderr.count("Cảnh báo:") == 1


def test_render_of_a_document_typing_its_number_keeps_the_copy_too(
    office: Path,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "02/03/2026", "40")
    assert vanthu("build").exit_code == 0
    edited = office / "outputs/2026/ke-hoach.docx"
    edit_by_hand(edited)
    damage(office / MANIFEST, "garbage")
    result = vanthu("--lang", "en", "render", "inputs/2026/ke-hoach.yaml")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(office / "outputs/2026/ke-hoach.sua-tay.docx")
    assert EDIT not in texts(edited)
    assert result.stderr.count("outputs/2026/manifest.json could not be read") == 1
    assert "were kept beside them before being written over: " \
        "outputs/2026/ke-hoach.sua-tay.docx" in result.stderr
    assert (office / MANIFEST).read_text("utf-8") == "garbage{"  # left to the next build


def test_render_with_a_damaged_manifest_and_an_unchanged_output_copies_nothing(
    office: Path,  # noqa: F811
) -> None:
    three_built(office)
    damage(office / MANIFEST, "garbage")
    result = vanthu("--lang", "en", "render", "inputs/2026/kh-02.yaml", "inputs/2026/kh-03.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("outputs/2026/manifest.json could not be read") == 1
    assert "Every file already there was identical to the new one: no edit was lost" \
        in result.stderr
    assert copies(office) == []


def test_render_into_a_new_year_says_nothing_of_a_manifest(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "02/03/2026")
    result = vanthu("render", "inputs/2026/ke-hoach.yaml")
    assert result.exit_code == 0, result.output
    assert "manifest" not in result.stderr
    assert "inputs/2026/ke-hoach.yaml" in recorded(office)  # recorded as before


def test_render_with_a_deleted_manifest_leaves_the_next_build_to_compare_the_others(
    office: Path,  # noqa: F811
) -> None:
    """The manifest deleted, one output edited by hand, another document rendered: the build
    after it still finds the manifest missing and keeps the edited one's copy."""
    three_built(office)
    edited = office / "outputs/2026/kh-02.docx"
    edit_by_hand(edited)
    damage(office / MANIFEST, "deleted")
    assert vanthu("render", "inputs/2026/kh-03.yaml").exit_code == 0
    assert not (office / MANIFEST).exists()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(office / "outputs/2026/kh-02.sua-tay.docx")
    assert "không có outputs/2026/manifest.json" in result.stderr
    assert "0 đã dựng, 3 không đổi" in vanthu("build").stdout


# 2. a document failing in a build keeps its entry -------------------------------------------


def refuse(path: Path) -> str:
    """Make the data file refused (a date that does not exist); returns its text as it was."""
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^ngay:.*$", "ngay: 31/02/2026", text, count=1, flags=re.M), "utf-8")
    return text


def fixed(path: Path, text: str) -> None:
    """The data file fixed, with a new trích yếu besides: its output must be made again."""
    changed = text.replace("khen thưởng năm 2026\n", "khen thưởng năm 2026 (bổ sung)\n", 1)
    assert changed != text
    path.write_text(changed, "utf-8")


def test_a_document_failing_once_keeps_the_record_of_its_hand_edited_output(
    office: Path,  # noqa: F811
) -> None:
    three_built(office)
    data = office / "inputs/2026/kh-02.yaml"
    edited = office / "outputs/2026/kh-02.docx"
    before = recorded(office)["inputs/2026/kh-02.yaml"]
    edit_by_hand(edited)
    text = refuse(data)
    result = vanthu("build", "--keep-going")
    assert result.exit_code != 0 and "kh-02.yaml" in result.output
    assert recorded(office)["inputs/2026/kh-02.yaml"] == before  # kept until built again
    assert EDIT in texts(edited)
    fixed(data, text)
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(office / "outputs/2026/kh-02.sua-tay.docx")
    assert EDIT not in texts(edited)
    assert "outputs/2026/kh-02.docx đã bị sửa sau khi vanthu ghi nó" in result.stderr
    assert copies(office) == ["kh-02.sua-tay.docx"]
    assert recorded(office)["inputs/2026/kh-02.yaml"] != before  # what was written now


def test_a_document_failing_and_set_back_as_it_was_keeps_its_edited_output(
    office: Path,  # noqa: F811
) -> None:
    """Its data put back as the last build read it: the output, edited by hand, is kept as it is
    with the warning, as though the failed build had never run."""
    three_built(office)
    data = office / "inputs/2026/kh-02.yaml"
    edited = office / "outputs/2026/kh-02.docx"
    edit_by_hand(edited)
    text = refuse(data)
    assert vanthu("build", "--keep-going").exit_code != 0
    data.write_text(text, "utf-8")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(edited) and copies(office) == []
    assert "1 giữ lại (đã sửa)" in result.stdout
    assert "outputs/2026/kh-02.docx: tệp đã bị sửa sau khi vanthu ghi nó" in result.stderr


def test_a_failed_document_whose_output_is_gone_keeps_no_entry(office: Path) -> None:  # noqa: F811
    three_built(office)
    (office / "outputs/2026/kh-02.docx").unlink()
    refuse(office / "inputs/2026/kh-02.yaml")
    assert vanthu("build", "--keep-going").exit_code != 0
    assert "inputs/2026/kh-02.yaml" not in recorded(office)
    assert set(recorded(office)) == {"inputs/2026/ke-hoach.yaml", "inputs/2026/kh-03.yaml"}


def test_a_failed_document_deleted_afterwards_goes_as_any_deleted_document(
    office: Path,  # noqa: F811
) -> None:
    """Its entry kept through the failed build, then its data file deleted: the next build
    removes its output (vanthu's own, unedited) and its entry, as for any deleted input."""
    three_built(office)
    data = office / "inputs/2026/kh-02.yaml"
    refuse(data)
    assert vanthu("build", "--keep-going").exit_code != 0
    data.unlink()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert not (office / "outputs/2026/kh-02.docx").exists()
    assert "inputs/2026/kh-02.yaml" not in recorded(office)


def test_a_failed_document_edited_then_deleted_keeps_its_file_not_its_entry(
    office: Path,  # noqa: F811
) -> None:
    three_built(office)
    data = office / "inputs/2026/kh-02.yaml"
    edit_by_hand(office / "outputs/2026/kh-02.docx")
    refuse(data)
    assert vanthu("build", "--keep-going").exit_code != 0
    data.unlink()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(office / "outputs/2026/kh-02.docx")  # kept: edited by hand
    assert "inputs/2026/kh-02.yaml" not in recorded(office)


def test_a_document_failing_in_the_first_build_of_a_new_vanthu_keeps_its_record(
    office: Path,  # noqa: F811
) -> None:
    """The manifest written by another vanthu (an upgrade): the failed document's entry is kept,
    without its template hash, so that it is never taken for this vanthu's current output but
    still tells its hand edit."""
    three_built(office)
    manifest = office / MANIFEST
    data = json.loads(manifest.read_text("utf-8"))
    data["vanthu"] = "0.0.1"
    manifest.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    edited = office / "outputs/2026/kh-02.docx"
    edit_by_hand(edited)
    text = refuse(office / "inputs/2026/kh-02.yaml")
    assert vanthu("build", "--keep-going").exit_code != 0
    kept = recorded(office)["inputs/2026/kh-02.yaml"]
    assert kept["template"]["sha256"] == ""
    assert kept["output"] == data["documents"]["inputs/2026/kh-02.yaml"]["output"]
    (office / "inputs/2026/kh-02.yaml").write_text(text, "utf-8")  # set back as it was
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(office / "outputs/2026/kh-02.sua-tay.docx")
    assert EDIT not in texts(edited)
    assert "outputs/2026/kh-02.docx đã bị sửa sau khi vanthu ghi nó" in result.stderr
