"""The sổ vàng numbers of Giấy khen batches (bug hunt 5: 1, 4, 6): a build into another folder
(-o) keeps the numbers the workspace's own builds gave; a second file printing the same rows of
the same decision is refused by render, check and build, naming both files; a batch with no
thành tích, its decision's nor its own, is refused at its thanh_tich."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import check, render_documents
from pipeline.batch import build
from pipeline.cli import main
from pipeline.errors import InputError, RenderError
from pipeline.workspace import Workspace
from tests.test_certificate_reprints import printed, write_rows
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace

SAME_ROWS = "in lại giấy khen của dòng"


def run_build(root: Path, output: Path | None = None):
    return build(Workspace.containing(root / "vanthu.yaml").with_output(output), jobs=1)


def numbers_of(docx: Path) -> dict[str, str]:
    """Each certificate's số vào sổ, by name."""
    return {name: line.rsplit(" ", 1)[-1] for name, line in printed(docx)}


@pytest.fixture
def printed_once(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    """The example batch built into the workspace's outputs (1201–1207), then a row added at
    the top of its list."""
    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    assert run_build(tmp_path).ok
    newcomer = dict(rows[0], **{"Họ và tên": "Hà Văn Mới"})
    write_rows(batch, [newcomer, *rows])
    return batch, rows


def test_a_build_into_another_folder_keeps_the_numbers_the_workspace_gave(
    printed_once: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    _, rows = printed_once
    before = numbers_of(tmp_path / "outputs" / "2024" / "giay-khen.docx")
    elsewhere = tmp_path / "in-ra"
    result = run_build(tmp_path, elsewhere)
    assert result.ok
    now = numbers_of(elsewhere / "2024" / "giay-khen.docx")
    # Before: Hà Văn Mới 1201 and everyone else one number further than the sổ vàng says.
    assert {name: now[name] for name in before} == before
    assert now["Hà Văn Mới"] == "1208"
    # And the workspace's own outputs, built after, agree with what was printed elsewhere.
    assert run_build(tmp_path).ok
    assert numbers_of(tmp_path / "outputs" / "2024" / "giay-khen.docx") == now


def copy_of(batch: Path, first: int, extra: str = "") -> Path:
    """A second file of the batch's decision, numbering from `first`."""
    copy = batch.with_name("giay-khen-in-lai.yaml")
    copy.write_text(CERTIFICATE.replace("1201", str(first)) + extra, "utf-8")
    return copy


def test_a_second_file_of_the_same_rows_is_refused_naming_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    assert run_build(tmp_path).ok
    copy = copy_of(batch, 2201)
    result = run_build(tmp_path)
    [(refused, message)] = result.invalid
    # Before: built, everyone holding 1201… and 2201….
    assert refused == copy
    assert f"{SAME_ROWS} 2–8 trong danh sách của qd-bang-khen-ubnd-tinh.yaml" in message
    assert "inputs/2024/giay-khen.yaml (1201–1207)" in message
    assert not (tmp_path / "outputs" / "2024" / "giay-khen-in-lai.docx").exists()
    report = check([batch, copy])
    assert [d.path for d in report.valid] == [batch]
    [(refused, error)] = report.errors
    assert refused == copy and SAME_ROWS in error.message()
    with pytest.raises(RenderError) as caught:
        render_documents([copy], tmp_path / "x.docx")
    assert "giay-khen-in-lai.yaml" in caught.value.message()
    assert "giay-khen.yaml (1201–1207)" in caught.value.message()
    assert "giay-khen.yaml (1201–1207) already printed and numbered" in caught.value.message("en")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["check"])
    assert done.exit_code == 1 and SAME_ROWS in done.output


def test_another_batch_of_other_rows_of_the_decision_is_accepted(tmp_path: Path) -> None:
    individuals = CERTIFICATE + "chon:\n  doi_tuong: ca_nhan\n"
    batch = workspace(tmp_path, example_rows(), individuals)
    assert run_build(tmp_path).ok
    copy_of(batch, 2201, "chon:\n  doi_tuong: tap_the\n")
    result = run_build(tmp_path)
    assert result.ok and not result.invalid
    # The collectives' batch printing the individuals again is refused.
    copy_of(batch, 2201)
    [(_, message)] = run_build(tmp_path).invalid
    assert SAME_ROWS in message


def test_a_batch_without_any_achievement_is_refused_at_thanh_tich(tmp_path: Path) -> None:
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    decision = batch.with_name("qd-bang-khen-ubnd-tinh.yaml")
    text = decision.read_text("utf-8")
    start = text.index("  thanh_tich: >-")
    end = text.index("  tieu_de_danh_sach:")
    decision.write_text(text[:start] + text[end:], "utf-8")
    # Before: check, render and build passed, every certificate without its thành tích.
    report = check([batch])
    [(refused, error)] = report.errors
    assert refused == batch
    said = error.message()
    assert said.startswith(f"{batch}, dòng 2, trường 'thanh_tich': ")
    assert "không nêu khen_thuong.thanh_tich" in said
    with pytest.raises(InputError) as caught:
        render_documents([batch], tmp_path / "x.docx")
    assert caught.value.field == "thanh_tich"
    [(refused, message)] = run_build(tmp_path).invalid
    assert refused == batch and "thanh_tich" in message
    # Blank is none either; the batch's own words are printed.
    batch.write_text(CERTIFICATE + "thanh_tich: ' '\n", "utf-8")
    with pytest.raises(InputError) as caught:
        render_documents([batch], tmp_path / "x.docx")
    assert caught.value.line == 4 and caught.value.field == "thanh_tich"
    batch.write_text(CERTIFICATE + "thanh_tich: Đã hoàn thành xuất sắc nhiệm vụ\n", "utf-8")
    assert render_documents([batch], tmp_path / "y.docx")
