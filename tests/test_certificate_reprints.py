"""Reprints and overlaps of Giấy khen batches (findings r6b F2, F5, F7, F11): a reprint made as
a file of its own is refused at once by render, check and build, telling the clerk to reprint
through chon: dong in the batch that printed it; batches whose số vào sổ overlap are refused
by check as by build, whichever was touched, naming every batch holding the numbers; the
reprint warning says what changed (a unit, a change of case only); a collective whose Đơn vị is
its own name prints no unit line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import api
from pipeline.api import check, render_documents
from pipeline.awards import Entry
from pipeline.batch import build
from pipeline.batch.manifest import given_record
from pipeline.cli import main
from pipeline.errors import RenderError
from pipeline.load.certificates import assign_numbers
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.typed_docs import open_docx

LIST_NAME = "danh-sach-bang-khen-ubnd-tinh.csv"
REPRINT_ADVICE = "ghi chon: {dong: [...]} vào tệp của đợt đã in"


def write_rows(batch: Path, rows: list[dict[str, str]]) -> None:
    """The decision's list (beside `batch`) rewritten with `rows`."""
    with (batch.parent / LIST_NAME).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def run_build(root: Path):
    return build(Workspace.containing(root / "vanthu.yaml"), jobs=1)


def printed(docx: Path) -> list[tuple[str, str]]:
    """(name, số vào sổ line) of every certificate of a batch, page by page."""
    paragraphs = open_docx(docx).paragraphs
    names = [p.text for p in paragraphs if p.style.name == "GiayKhenTen"]
    numbers = [p.text for p in paragraphs if p.style.name == "GiayKhenSoVaoSo"]
    return list(zip(names, numbers, strict=True))


def units(docx: Path) -> list[str]:
    return [p.text for p in open_docx(docx).paragraphs if p.style.name == "GiayKhenDonVi"]


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    """The main batch built (1201–1207), then a row inserted at the top of the list and the
    batch built again: everyone keeps their number, the new row takes 1208 (F2, steps 1–2)."""
    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    assert run_build(tmp_path).ok
    forgotten = dict(rows[0], **{"Họ và tên": "Lò Thị Mai"})
    rows = [forgotten, *rows]
    write_rows(batch, rows)
    assert run_build(tmp_path).ok
    return batch, rows


def reprint_file(batch: Path, row: int) -> Path:
    """A spoiled certificate reprinted from a small file of its own (F2, step 3)."""
    reprint = batch.with_name("giay-khen-in-lai.yaml")
    reprint.write_text(CERTIFICATE + f"chon:\n  dong: [{row}]\n", "utf-8")
    return reprint


def test_a_reprint_as_its_own_file_is_refused_by_render_naming_both_files(
    edited: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    batch, rows = edited
    whole = dict(printed(tmp_path / "outputs" / "2024" / "giay-khen.docx"))
    first_name = rows[1]["Họ và tên"]  # sheet row 3 now; 1201 in the batch and the sổ vàng
    assert "1201" in whole[first_name]
    reprint = reprint_file(batch, 3)
    # Before: "Đã dựng", the page printing 1202 (the list numbered afresh from so_vao_so).
    with pytest.raises(RenderError) as caught:
        render_documents([reprint], tmp_path / "x.docx")
    message = caught.value.message()
    assert "giay-khen-in-lai.yaml" in message and str(batch) in message
    assert "1201–1208" in message and REPRINT_ADVICE in message
    assert "qd-bang-khen-ubnd-tinh.yaml" in message
    assert not (tmp_path / "x.docx").exists()
    english = caught.value.message("en")
    assert "write chon: {dong: [...]} in the file of the batch that printed them" in english
    # The way the message tells: chon: dong in the batch's own file prints the number it has.
    batch.write_text(CERTIFICATE + "chon:\n  dong: [3]\n", "utf-8")
    reprint.unlink()
    done = render_documents([batch], tmp_path / "y.docx")
    assert printed(done[0].docx) == [(first_name, whole[first_name])]


def test_check_and_build_refuse_the_reprint_file_at_once(
    edited: tuple[Path, list[dict[str, str]]], tmp_path: Path, monkeypatch
) -> None:
    batch, _ = edited
    reprint = reprint_file(batch, 3)
    report = check([batch, reprint])
    assert [d.path for d in report.valid] == [batch]
    [(refused, error)] = report.errors
    assert refused == reprint and REPRINT_ADVICE in error.message()
    result = run_build(tmp_path)
    [(refused, message)] = result.invalid
    assert refused == reprint and "giay-khen.yaml (1201–1208)" in message
    assert REPRINT_ADVICE in message
    # The CLI's check says it too, with no "Hợp lệ" for the reprint file.
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["check"])
    assert done.exit_code == 1
    assert "giay-khen-in-lai.yaml" in done.output and "Hợp lệ: inputs/2024/giay-khen-in-lai" \
        not in done.output


def other_batch(batch: Path, first: int, name: str = "gk-dot2.yaml") -> Path:
    """Another batch of the same office and year, its collectives only, from `first`."""
    other = batch.with_name(name)
    other.write_text(CERTIFICATE.replace("1201", str(first))
                     + "chon:\n  doi_tuong: tap_the\n", "utf-8")  # fmt: skip
    return other


def test_check_refuses_the_overlap_build_refuses(tmp_path: Path) -> None:
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    assert run_build(tmp_path).ok
    other = other_batch(batch, 1205)  # 1205–1206 are the main batch's 1205 and 1206
    report = check([batch, other])  # before: both "Hợp lệ"
    [(refused, error)] = report.errors
    assert refused == other
    assert "1205–1206" in error.message() and str(batch) in error.message()
    result = run_build(tmp_path)
    [(refused, message)] = result.invalid
    assert refused == other and "giay-khen.yaml (1205–1206)" in message


def accept_overlaps_as_before(monkeypatch) -> None:
    """What an older vanthu did: a render compared only the batches it was given."""
    monkeypatch.setattr(api, "book_number_overlaps", lambda documents: {}, raising=False)


def test_two_batches_printed_before_are_refused_though_neither_changed(
    tmp_path: Path, monkeypatch
) -> None:
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    assert run_build(tmp_path).ok
    other = other_batch(batch, 1205)
    with monkeypatch.context() as patched:
        accept_overlaps_as_before(patched)
        render_documents([other])  # recorded in the manifest, as the main batch is
    # Before: "0 đã dựng, 2 không đổi"; the overlap was compared only when one was rebuilt.
    result = run_build(tmp_path)
    assert result.stopped
    [(refused, message)] = result.invalid
    assert refused == other and "giay-khen.yaml (1205–1206)" in message
    assert [path for path, _ in check([batch, other]).errors] == [other]


def test_the_message_names_every_batch_holding_the_numbers(
    tmp_path: Path, monkeypatch
) -> None:
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    assert run_build(tmp_path).ok
    with monkeypatch.context() as patched:  # a reprint file accepted by an older vanthu
        accept_overlaps_as_before(patched)
        render_documents([reprint_file(batch, 2)])
    third = other_batch(batch, 1206, "gk-dot3.yaml")
    result = run_build(tmp_path)
    messages = dict(result.invalid)
    assert "giay-khen.yaml (1206–1207)" in messages[third]
    assert "giay-khen-in-lai.yaml (1206–1207)" in messages[third]
    [(_, error)] = [e for e in check([third]).errors]
    assert "giay-khen.yaml (1206–1207)" in error.message()
    assert "giay-khen-in-lai.yaml (1206–1207)" in error.message()


def person(name: str, row: int, unit: str = "Phòng A") -> Entry:
    return Entry(name, "", unit, "Giấy khen", False, None, "", row)


def test_the_reprint_warning_says_that_the_unit_changed() -> None:
    first, _ = assign_numbers((person("An", 2), person("Bình", 3)), 501, (), None)
    moved, changes = assign_numbers((person("An", 2, "Phòng B"), person("Bình", 3)), 501,
                                    first, 502)  # fmt: skip
    assert [g[0] for g in moved] == [501, 502]
    [warning] = changes
    assert warning.message() == (
        "số vào sổ 501 nay in cho «An» (đơn vị trước: «Phòng A», nay: «Phòng B»); giấy khen "
        "số 501 đã in cần in lại và sửa sổ vàng"
    )
    assert "(unit before: «Phòng A», now: «Phòng B»)" in warning.message("en")
    _, changes = assign_numbers((person("An", 2, ""), person("Bình", 3)), 501, first, 502)
    assert "(đơn vị trước: «Phòng A», nay để trống)" in changes[0].message()
    assert "(unit before: «Phòng A», now left empty)" in changes[0].message("en")
    _, changes = assign_numbers((person("Ân", 2, "Phòng C"), person("Bình", 3)), 501, first, 502)
    assert "(trước: «An»; đơn vị trước: «Phòng A», nay: «Phòng C»)" in changes[0].message()


def test_a_change_of_case_only_is_warned() -> None:
    first, _ = assign_numbers((person("ĐẶNG VĂN HẢI", 2), person("Bình", 3)), 501, (), None)
    again, changes = assign_numbers((person("Đặng Văn Hải", 2), person("Bình", 3)), 501,
                                    first, 502)  # fmt: skip
    assert [g[0] for g in again] == [501, 502]  # the same person keeps the number
    [warning] = changes
    assert warning.message() == (
        "số vào sổ 501 nay in cho «Đặng Văn Hải» (trước: «ĐẶNG VĂN HẢI», chỉ khác chữ hoa, chữ "
        "thường); giấy khen số 501 đã in cần in lại và sửa sổ vàng"
    )
    assert "only the letter case differs" in warning.message("en")
    # Spaces and NFD print the same: no warning.
    _, changes = assign_numbers((person(" ĐẶNG  VĂN HẢI ", 2), person("Bình", 3)), 501,
                                first, 502)  # fmt: skip
    assert changes == ()


@pytest.mark.parametrize(
    ("column", "now", "said"),
    [("Đơn vị", "Sở Tư pháp", "đơn vị"), ("Chức vụ", "Giám đốc", "chức vụ")],
)
def test_build_warns_of_a_change_saying_what_changed(
    tmp_path: Path, column: str, now: str, said: str
) -> None:
    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    assert run_build(tmp_path).ok
    name, before = rows[0]["Họ và tên"], rows[0][column]
    write_rows(batch, [dict(rows[0], **{column: now}), *rows[1:]])
    result = run_build(tmp_path)
    warned = [w for w in result.warnings if "số vào sổ 1201" in w]
    assert warned == [
        f"inputs/2024/giay-khen.yaml: số vào sổ 1201 nay in cho «{name}» ({said} trước: "
        f"«{before}», nay: «{now}»); giấy khen số 1201 đã in cần in lại và sửa sổ vàng"
    ]


def test_a_collective_named_as_its_unit_prints_no_unit_line(tmp_path: Path) -> None:
    rows = example_rows()
    school = "Trường Mầm non Hoa Sen"
    rows[3] = dict(rows[3], **{"Họ và tên": school, "Đơn vị": " trường mầm non  HOA SEN "})
    batch = workspace(tmp_path, rows, CERTIFICATE)
    done = render_documents([batch], tmp_path / "x.docx")
    lines = units(done[0].docx)
    assert lines[3] == ""  # before: "trường mầm non HOA SEN" under "Trường Mầm non Hoa Sen"
    assert lines[0] == f"{rows[0]['Chức vụ']}, {rows[0]['Đơn vị']}"
    assert lines[5] == rows[5]["Đơn vị"]  # another collective keeps its unit


def test_a_change_of_chuc_vu_is_warned() -> None:
    """The certificate prints the chức vụ: a corrected one must be reprinted too."""
    def clerk(position: str) -> Entry:
        return Entry("An", position, "Phòng A", "Giấy khen", False, None, "", 2)

    first, _ = assign_numbers((clerk("Chuyên viên"),), 501, (), None)
    assert first == ((501, "An", "Phòng A", 2, "Chuyên viên"),)
    _, changes = assign_numbers((clerk("Phó Trưởng phòng"),), 501, first, 501)
    assert [c.message() for c in changes] == [
        "số vào sổ 501 nay in cho «An» (chức vụ trước: «Chuyên viên», nay: «Phó Trưởng "
        "phòng»); giấy khen số 501 đã in cần in lại và sửa sổ vàng"
    ]
    assert "(position before: «Chuyên viên», now: «Phó Trưởng phòng»)" in changes[0].message("en")
    _, changes = assign_numbers((clerk(""),), 501, first, 501)
    assert "(chức vụ trước: «Chuyên viên», nay để trống)" in changes[0].message()
    # A manifest written before chức vụ was kept: four items, nothing to compare.
    recorded = given_record([501, "An", "Phòng A", 2])
    assert recorded == (501, "An", "Phòng A", 2, None)
    _, changes = assign_numbers((clerk("Phó Trưởng phòng"),), 501, (recorded,), 501)
    assert changes == ()
    # Written back as it was read (null) and read again: still nothing to compare, not "None".
    assert given_record(json.loads(json.dumps(list(recorded)))) == recorded


def test_of_two_alike_the_later_by_name_is_refused_whatever_the_order() -> None:
    """`vanthu render b.yaml a.yaml` and a build (a before b) refuse the same batch."""
    from pipeline.batch.book_claims import NEW, BookClaim, book_overlaps

    key = ("/ws", "co-quan", "2025")
    a = BookClaim(Path("/ws/inputs/2025/a.yaml"), key, (501, 510), NEW)
    b = BookClaim(Path("/ws/inputs/2025/b.yaml"), key, (505, 520), NEW)
    assert list(book_overlaps([a, b])) == list(book_overlaps([b, a])) == [b.path]
    assert book_overlaps([a, b])[b.path] == [(a.path, (505, 510))]
