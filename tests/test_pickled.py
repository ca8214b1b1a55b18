"""What a build and its workers hand each other pickles as the arguments that make it again
(pipeline.pickled), every field kept."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

import pytest

from pipeline.batch.manifest import Entry
from pipeline.batch.staged import Staged, StageJob
from pipeline.golden_book import Given
from pipeline.pickled import by_arguments
from pipeline.register.model import Details


def _entry() -> Entry:
    return Entry(
        inputs={"2022/qd-01.yaml": "a" * 64, "co-quan/vp.yaml": "b" * 64},
        template="quyet_dinh.docx", template_sha256="c" * 64, output="2022/qd-01.docx",
        output_sha256="d" * 64, loai="quyet_dinh", so=40, ngay="2022-03-04",
        so_ky_hieu="40/QĐ-VPUBND", pdf="2022/qd-01.pdf", pdf_sha256="e" * 64, co_quan="vp",
        so_tu_dong=True, lender="2022/qd-00.yaml", lent_number=39, so_vao_so=(7, 9),
        so_vao_so_cap=(Given(7, "Nguyễn Văn A", "Phòng 1", 5, "Chuyên viên"),),
        so_van_ban="sqlite:register.db",
    )  # fmt: skip


def _details() -> Details:
    return Details(
        doc_date=date(2022, 3, 4), type_code="QĐ", symbol="QĐ-VPUBND", summary="Về việc khen",
        signer="Trần B", signer_title="KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG",
        recipients="Như Điều 3", archive="VT, TH", copies=3, transfer_date=date(2022, 3, 5),
        received_by="C", note="ghi chú",
    )  # fmt: skip


def _values(obj: object) -> list[object]:
    return [getattr(obj, f.name) for f in fields(obj)]  # type: ignore[arg-type]


def test_entry_and_details_come_back_equal() -> None:
    least = Entry({}, "t.docx", "", "o.docx", "", "bao_cao", None, "2022-01-01", "")
    for made in (_entry(), _details(), least, Details()):
        again = pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == made and type(again) is type(made)


def test_staged_and_job_keep_every_field() -> None:
    staged = Staged(
        Path("/ws/inputs/2022/qd-01.yaml"), "2022/qd-01.yaml", _entry(), "/ws/out/.qd.tmp",
        invalid=None, failed="lỗi", unwritten=True, saved_meanwhile=True, seconds=0.25,
        read=b"\x01\x02", read_stamps=b"\x03" * 24, book=("vp", "2022", 7, 9),
        typed_details=_details(), warnings=("một",), office_warnings=("hai", "ba"),
    )  # fmt: skip
    job = StageJob(Path("/ws/inputs/2022/qd-01.yaml"), 40, b"\x09")
    for made in (staged, job):
        again = pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(again) is type(made)
        assert _values(again) == _values(made)
    # As its class and arguments: no per-object state walked field by field.
    assert staged.__reduce__() == (Staged, tuple(_values(staged)))


def test_refuses_what_position_cannot_make_again() -> None:
    @dataclass(frozen=True)
    class Derived:
        a: int
        b: int = field(init=False, default=0)

    @dataclass(frozen=True, kw_only=True)
    class Named:
        a: int
        b: int

    @dataclass(frozen=True)
    class One:
        a: int

    for cls in (Derived, Named, One):
        with pytest.raises(TypeError, match="by position"):
            by_arguments(cls)


def test_a_subclass_is_not_pickled_as_its_parent() -> None:
    @by_arguments
    @dataclass(frozen=True)
    class Parent:
        a: int
        b: int

    @dataclass(frozen=True)
    class Child(Parent):
        c: int = 0

    with pytest.raises(TypeError, match="pickled as Parent"):
        Child(1, 2, 3).__reduce__()
