"""Số vào sổ of a Giấy khen batch: kept by each certificate from build to build, kept by a
selection (chon:), and never printed for a danh hiệu row."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.api import render_documents
from pipeline.awards import Entry
from pipeline.batch import build
from pipeline.load.certificates import assign_numbers
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.typed_docs import open_docx


def printed(docx: Path) -> list[tuple[int, str]]:
    """(số vào sổ, name) of every certificate of a batch, page by page."""
    paragraphs = open_docx(docx).paragraphs
    names = [p.text for p in paragraphs if p.style.name == "GiayKhenTen"]
    numbers = [int(re.findall(r"\d+", p.text)[-1])
               for p in paragraphs if p.style.name == "GiayKhenSoVaoSo"]  # fmt: skip
    return list(zip(numbers, names, strict=True))


def built(root: Path, batch: Path) -> list[tuple[int, str]]:
    build(Workspace.containing(root / "vanthu.yaml"), jobs=1)
    return printed(root / "outputs" / "2024" / f"{batch.stem}.docx")


def entry(name: str, row: int, unit: str = "Phòng A") -> Entry:
    return Entry(name, "", unit, "Giấy khen", False, None, "", row)


def test_a_corrected_name_keeps_its_number_and_is_warned(tmp_path: Path) -> None:
    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    before = built(tmp_path, batch)
    assert [n for n, _ in before] == list(range(1201, 1201 + len(rows)))
    # The list sorted by name: correcting a name moves its row, its number stays with it.
    old = rows[0]["Họ và tên"]
    rows[0]["Họ và tên"] = "Ân " + old
    workspace_list = batch.parent / "danh-sach-bang-khen-ubnd-tinh.csv"
    text = workspace_list.read_text("utf-8").replace(old, "Ân " + old, 1)
    workspace_list.write_text(text, "utf-8")
    after = built(tmp_path, batch)
    assert dict((name, n) for n, name in after)["Ân " + old] == dict(
        (name, n) for n, name in before
    )[old]
    assert sorted(n for n, _ in after) == sorted(n for n, _ in before)
    for n, name in before:
        if name != old:
            assert (n, name) in after
    # A render into the workspace warns, naming the number and both names (once).
    workspace_list.write_text(text.replace("Ân " + old, "Ấn " + old, 1), "utf-8")
    done = render_documents([batch])
    warned = [w for w in done[0].warnings if "Ấn " + old in w]
    assert len(warned) == 1 and "Ân " + old in warned[0]


def test_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    built(tmp_path, batch)
    output = tmp_path / "outputs" / "2024" / "giay-khen.docx"
    first = output.read_bytes()
    output.unlink()
    built(tmp_path, batch)
    assert output.read_bytes() == first


def test_new_rows_follow_the_last_number_and_a_gone_row_frees_its_number() -> None:
    first, _ = assign_numbers((entry("A", 2), entry("B", 3), entry("C", 4)), 301, (), None)
    assert [g[0] for g in first] == [301, 302, 303]
    # B removed (C moves up to row 3), D added: C keeps 303, D takes 304, 302 is freed.
    again, changes = assign_numbers((entry("A", 2), entry("C", 3), entry("D", 4)), 301, first, 303)
    assert [g[0] for g in again] == [301, 303, 304]
    assert [c.key for c in changes] == ["data.book_number_freed"]
    assert changes[0].params["number"] == 302
    # A typo fixed on the same row keeps the number, with a warning naming both names.
    fixed, changes = assign_numbers((entry("A", 2), entry("Bb", 3), entry("C", 4)), 301, first, 303)
    assert [g[0] for g in fixed] == [301, 302, 303]
    assert changes[0].key == "data.book_number_renamed"
    assert (changes[0].params["old"], changes[0].params["new"]) == ("B", "Bb")
    # Spaces, case and NFD are the same person.
    same, changes = assign_numbers(
        (entry("a ", 9), entry("B", 3), entry("C", 4)), 301, first, 303
    )
    assert [g[0] for g in same] == [301, 302, 303] and changes == ()


def test_a_selection_prints_each_certificate_at_its_number_in_the_batch(tmp_path: Path) -> None:
    rows = example_rows()
    whole = built(tmp_path, workspace(tmp_path, rows, CERTIFICATE))
    chosen_row = 4  # the list's third row (row 1 is the header)
    batch = tmp_path / "inputs" / "2024" / "giay-khen.yaml"
    batch.write_text(CERTIFICATE + f"chon:\n  dong: [{chosen_row}]\n", "utf-8")
    reprint = printed(render_documents([batch], tmp_path / "x.docx")[0].docx)
    assert len(reprint) == 1 and reprint[0] in whole
    assert reprint[0][0] != 1201


def test_danh_hieu_rows_are_refused_naming_them(tmp_path: Path) -> None:
    """The title decision's starter (Lao động tiên tiến, Chiến sĩ thi đua cơ sở): no Giấy khen."""
    from click.testing import CliRunner

    from pipeline.cli import main

    made = CliRunner().invoke(main, ["new", "quyet-dinh", "-o", str(tmp_path / "qd.yaml")])
    assert made.exit_code == 0, made.output
    batch = tmp_path / "gk.yaml"
    batch.write_text("loai: giay_khen\nquyet_dinh: qd.yaml\nin_thu: co\n", "utf-8")
    refused = CliRunner().invoke(main, ["render", str(batch), "-o", str(tmp_path / "x.docx")])
    assert refused.exit_code == 1
    assert "gk.yaml, dòng 2, trường 'quyet_dinh'" in refused.output
    assert "Lao động tiên tiến" in refused.output and "Nguyễn Văn An" in refused.output
    assert not (tmp_path / "x.docx").exists()


def test_the_giay_khen_starter_pairs_with_a_giay_khen_decision(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    made = CliRunner().invoke(main, ["new", "giay-khen", "-o", str(tmp_path / "gk.yaml")])
    assert made.exit_code == 0, made.output
    decision = (tmp_path / "quyet-dinh-giay-khen.yaml").read_text("utf-8")
    assert "Giấy khen" in decision and "danh hiệu thi đua" not in decision.split("khen_thuong:")[1]
    rendered = CliRunner().invoke(main, ["render", str(tmp_path / "gk.yaml"),
                                         "-o", str(tmp_path / "x.docx")])  # fmt: skip
    assert rendered.exit_code == 0, rendered.output
