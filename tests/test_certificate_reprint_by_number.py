"""A spoiled Giấy khen reprinted by its sổ vàng number (chon: so_vao_so): the number the clerk
reads on the certificate and in the sổ vàng, rather than the sheet's row."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import render_documents
from pipeline.errors import InputError
from tests.test_certificate_reprints import edited, printed
from tests.test_giay_khen import CERTIFICATE

__all__ = ["edited"]  # the fixture, used by name


def test_a_reprint_by_sổ_vàng_number_prints_those_pages_at_their_numbers(
    edited: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    batch, _ = edited
    whole = printed(tmp_path / "outputs" / "2024" / "giay-khen.docx")
    wanted = [pair for pair in whole if "1203" in pair[1] or "1208" in pair[1]]
    assert len(wanted) == 2
    batch.write_text(CERTIFICATE + "chon:\n  so_vao_so: [1208, 1203]\n", "utf-8")
    done = render_documents([batch], tmp_path / "in-lai.docx")
    # In the list's order, each with the number the sổ vàng gives it.
    assert printed(done[0].docx) == [pair for pair in whole if pair in wanted]


def refusal(
    edited: tuple[Path, list[dict[str, str]]], chon: str, tmp_path: Path
) -> InputError:
    """The error rendering the edited batch with `chon` gives; nothing is written."""
    batch, _ = edited
    batch.write_text(CERTIFICATE + chon, "utf-8")
    with pytest.raises(InputError) as caught:
        render_documents([batch], tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    return caught.value


def test_a_number_the_batch_does_not_give_is_refused_naming_its_numbers(
    edited: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    error = refusal(edited, "chon:\n  so_vao_so: [1203, 1209]\n", tmp_path)
    assert (error.key, error.field) == ("data.no_such_book_number", "chon.so_vao_so[2]")
    assert error.line == 5  # the line of the flow list that holds it
    assert error.message("vi").endswith(
        "đợt giấy khen này không có số vào sổ 1209; các số của đợt: 1201–1208"
    )
    assert "gives no sổ vàng number 1209; its numbers: 1201–1208" in error.message("en")


def test_rows_and_numbers_are_not_chosen_together(
    edited: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    error = refusal(edited, "chon:\n  dong: [3]\n  so_vao_so: [1203]\n", tmp_path)
    assert (error.key, error.field) == ("data.chon_rows_and_book_numbers", "chon.so_vao_so")


def test_a_batch_without_numbers_cannot_choose_by_them(
    edited: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    batch, _ = edited
    unnumbered = CERTIFICATE.replace("so_vao_so: 1201\n", "")
    batch.write_text(unnumbered + "chon:\n  so_vao_so: [1203]\n", "utf-8")
    with pytest.raises(InputError) as caught:
        render_documents([batch], tmp_path / "x.docx")
    assert caught.value.key == "data.chon_book_numbers_unnumbered"
    assert "hãy chọn theo dòng (chon: dong)" in caught.value.message("vi")


def test_a_batch_whose_decision_is_missing_is_told_so_not_a_list(tmp_path: Path) -> None:
    from tests.test_giay_khen import example_rows, workspace

    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    missing = CERTIFICATE.replace("qd-bang-khen-ubnd-tinh.yaml", "qd-khong-co.yaml")
    batch.write_text(missing, "utf-8")
    with pytest.raises(InputError) as caught:
        render_documents([batch], tmp_path / "x.docx")
    error = caught.value
    assert (error.key, error.field, error.line) == ("data.file_missing_named", "quyet_dinh", 2)
    assert "không tìm thấy tệp 'qd-khong-co.yaml' mà trường này nêu" in error.message("vi")
    assert "danh sách" not in error.message("vi") and " list " not in error.message("en")
