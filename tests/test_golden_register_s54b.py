"""The sổ vàng in the register, finished (after test_golden_register_s54): the loader finds the
register through the Resolver's declared workspace, `vanthu render` records the batch it prints
(a refusal writing nothing), a second file printing the same rows of a decision is refused from
the book once outputs/ is deleted, and a batch whose new people's numbers another batch holds
is told what keeps its printed numbers, not to change its so_vao_so. On a register file and on
the real PostgreSQL server the register tests start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pipeline.api
from pipeline.api import check, render_documents
from pipeline.batch import build
from pipeline.errors import InputError, RenderError
from pipeline.golden_book import Given
from pipeline.register import open_register
from pipeline.register.golden_entries import Batch, BookEntry, Recording, batch_entries
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.test_certificate_numbers import printed, write_rows
from tests.test_giay_khen import CERTIFICATE, example_rows
from tests.test_golden_register_s54 import (  # noqa: F401  (the batch fixture)
    BATCH,
    OFFICE,
    batch,
    built,
    changed_list,
    kept_numbers,
    ws,
)

SAME_ROWS = "in lại giấy khen của dòng 2–8 trong danh sách của qd-bang-khen-ubnd-tinh.yaml"


def book_rows(root: Path, source: str = BATCH, first: int = 1201) -> list[BookEntry]:
    """The rows the workspace's register holds for batch `source` from so_vao_so `first`."""
    workspace_ = ws(root)
    with open_register(workspace_.register_location, root=root) as register:
        identity = workspace_.identity if "://" in register.location else None
        return register.read(lambda tx: batch_entries(
            tx, Batch(OFFICE, 2024, source, identity, first)))


def output(root: Path, stem: str = "giay-khen") -> Path:
    return root / "outputs" / "2024" / f"{stem}.docx"


# 1. The Resolver declares the workspace the loader reads the sổ vàng's register from.


def test_the_loader_names_its_workspace(batch: Path) -> None:  # noqa: F811
    workspace_ = ws(batch.parents[2])
    # Before: no such method; the sổ vàng's reader took an undeclared `locations` attribute.
    assert workspace_.loader.workspace() is workspace_


# 2. `vanthu render` records the batch it prints in the book.


def test_render_records_the_book(batch: Path) -> None:  # noqa: F811
    root = batch.parents[2]
    render_documents([batch])
    before = printed(output(root))
    # Before: render recorded the manifest only, the book was empty until a build.
    assert [(e.number, e.given.name) for e in book_rows(root)] == before
    shutil.rmtree(root / "outputs")
    changed_list(batch)
    render_documents([batch])
    assert printed(output(root)) == kept_numbers(before)
    assert [e.number for e in book_rows(root)] == list(range(1201, 1209))


def test_render_refused_by_numbers_taken_meanwhile_writes_nothing(
    batch: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """A colleague on the same register takes 1206 between the load and the recording: the
    render is refused at so_vao_so, no output written, nothing recorded for the batch."""
    root = batch.parents[2]
    taken_before = pipeline.api.refuse_taken_numbers

    def colleague_takes_1206(documents, register_of):  # type: ignore[no-untyped-def]
        register = register_of(documents[0][0])
        taken = Recording(Batch(OFFICE, 2024, "inputs/2024/khac.yaml", register.workspace, 1206),
                          (Given(1206, "Người Khác", "Sở Y tế", 2, None),))
        assert register.record_golden([taken]) == {}
        taken_before(documents, register_of)

    monkeypatch.setattr(pipeline.api, "refuse_taken_numbers", colleague_takes_1206)
    with pytest.raises(InputError) as caught:
        render_documents([batch])
    assert (caught.value.line, caught.value.field) == (3, "so_vao_so")
    assert "số 1206 «Người Khác» (đợt inputs/2024/khac.yaml)" in caught.value.message()
    assert not output(root).exists()
    assert book_rows(root) == []


def test_a_test_print_render_records_nothing(batch: Path) -> None:  # noqa: F811
    root = batch.parents[2]
    render_documents([batch], test_print=True)
    assert output(root).exists() and book_rows(root) == []


# 3. A second file of the same rows of a decision, caught from the book.


def reprint_file(batch: Path, first: int, extra: str = "") -> Path:  # noqa: F811
    """A second file of the batch's decision (every row), numbering from `first`."""
    copy = batch.with_name("giay-khen-in-lai.yaml")
    copy.write_text(CERTIFICATE.replace("1201", str(first)) + extra, "utf-8")
    return copy


def test_a_second_file_of_the_same_rows_is_refused_from_the_book(batch: Path) -> None:  # noqa: F811
    root = batch.parents[2]
    built(root)
    shutil.rmtree(root / "outputs")  # before: only the manifests knew who was printed
    copy = reprint_file(batch, 2201)
    result = build(ws(root), jobs=1)
    [(refused, message)] = result.invalid
    assert refused == copy and not output(root, copy.stem).exists()
    assert SAME_ROWS in message and "inputs/2024/giay-khen.yaml (1201–1207)" in message
    assert book_rows(root, copy.relative_to(root).as_posix(), 2201) == []
    with pytest.raises(RenderError) as caught:
        render_documents([copy], root / "x.docx")
    assert "giay-khen.yaml (1201–1207) already printed and numbered" in caught.value.message("en")
    [(path, error)] = check([copy]).errors
    assert path == copy and error.key == "build.book_rows_overlap_file"


def test_other_rows_of_the_decision_and_a_test_print_are_accepted(batch: Path) -> None:  # noqa: F811
    root = batch.parents[2]
    batch.write_text(CERTIFICATE + "chon:\n  doi_tuong: ca_nhan\n", "utf-8")
    built(root)
    shutil.rmtree(root / "outputs")
    collectives = reprint_file(batch, 1206, "chon:\n  doi_tuong: tap_the\n")
    assert [n for n, _ in built(root, collectives.stem)] == [1206, 1207]
    collectives.write_text(CERTIFICATE.replace("1201", "2201") + "in_thu: co\n", "utf-8")
    assert [n for n, _ in built(root, collectives.stem)] == list(range(2201, 2208))


# 4. The new people of a batch keeping its numbers, their numbers held by another batch.


def test_new_people_whose_numbers_another_batch_holds_are_not_told_to_renumber(
    batch: Path,  # noqa: F811
) -> None:
    root = batch.parents[2]
    batch.write_text(CERTIFICATE + "chon:\n  doi_tuong: ca_nhan\n", "utf-8")
    reprint_file(batch, 1206, "chon:\n  doi_tuong: tap_the\n")
    assert [n for n, _ in built(root)] == [1201, 1202, 1203, 1204, 1205]
    shutil.rmtree(root / "outputs")
    rows = example_rows()
    write_rows(batch, [*rows, dict(rows[0], **{"Họ và tên": "Lò Văn Mới"})])
    result = build(ws(root), jobs=1)
    [(refused, message)] = result.invalid
    assert refused == batch
    assert "giay-khen.yaml, dòng 3, trường 'so_vao_so'" in message
    assert "số vào sổ 1206 mà đợt này cấp cho người mới" in message
    assert "số 1206 «Phòng Tổ chức cán bộ» (đợt inputs/2024/giay-khen-in-lai.yaml)" in message
    # Before: "hãy sửa so_vao_so", which would renumber every certificate the batch printed.
    assert "đừng sửa so_vao_so của đợt này" in message
    assert "so_vao_so: 1208" in message and "sửa so_vao_so của đợt kia thành 1208" in message
    with pytest.raises(InputError) as caught:
        render_documents([batch])
    assert caught.value.key == "data.book_next_number_taken"
    assert "do not change this batch's so_vao_so" in caught.value.message("en")
    # A new batch over numbers the book holds is still told to change its so_vao_so.
    other = batch.with_name("gk-dot3.yaml")
    other.write_text(CERTIFICATE.replace("1201", "1204"), "utf-8")
    [(path, error)] = check([other]).errors
    assert path == other and error.key == "data.book_number_taken"


def test_while_outputs_are_there_the_manifests_refusal_says_the_same(
    batch: Path,  # noqa: F811
) -> None:
    """The manifests name the other batch (outputs/ kept): their refusal of the batch whose
    new people's numbers another batch holds says what keeps its numbers too."""
    root = batch.parents[2]
    batch.write_text(CERTIFICATE + "chon:\n  doi_tuong: ca_nhan\n", "utf-8")
    other = reprint_file(batch, 1206, "chon:\n  doi_tuong: tap_the\n")
    built(root)
    rows = example_rows()
    write_rows(batch, [*rows, dict(rows[0], **{"Họ và tên": "Lò Văn Mới"})])
    [(refused, message)] = build(ws(root), jobs=1).invalid
    assert refused == batch and "số vào sổ 1206 trùng với số vào sổ của" in message
    # Before: "hãy sửa so_vao_so để không trùng số", renumbering what the batch printed.
    assert "đừng sửa so_vao_so của đợt này" in message
    assert "so_vao_so: 1208" in message and "sửa so_vao_so của đợt kia thành 1208" in message
    with pytest.raises(RenderError) as caught:
        render_documents([batch])
    assert "do not change this batch's so_vao_so" in caught.value.message("en")
    # A new batch over the numbers of one printed is still told to change its so_vao_so.
    other.unlink()
    third = batch.with_name("gk-dot3.yaml")
    third.write_text(CERTIFICATE.replace("1201", "1205") + "chon:\n  doi_tuong: tap_the\n",
                     "utf-8")  # fmt: skip
    [(path, error)] = check([third]).errors
    assert path == third and "đừng sửa" not in error.message()
