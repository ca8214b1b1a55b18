"""Số vào sổ of a Giấy khen batch: kept by each certificate from build to build, given one
after another to the rows of the batch's award (chon: khen_thuong), kept by a reprint
(chon: dong), warned by build as by render, and never printed for a danh hiệu row."""

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
    # Spaces are the same person, printed the same (a change of case is warned:
    # tests/test_certificate_reprints.py).
    same, changes = assign_numbers(
        (entry("A ", 9), entry("B", 3), entry("C", 4)), 301, first, 303
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


OTHER = "Giấy khen"  # another hình thức of the same decision, printed on its own phôi


def two_batches(tmp_path: Path) -> tuple[list[dict[str, str]], Path, Path]:
    """The example list with rows 3 and 5 of the sheet given OTHER, a batch for each award."""
    rows = example_rows()
    main_award = rows[0]["Hình thức"]
    for index in (1, 3):
        rows[index]["Hình thức"] = OTHER
    first = workspace(tmp_path, rows, CERTIFICATE + f"chon:\n  khen_thuong: {main_award}\n")
    # Two levels of money: the office's Điều 2 sentence naming one amount cannot stand.
    profile = tmp_path / "inputs" / "co-quan" / "ubnd-tinh-son-la.yaml"
    text = profile.read_text("utf-8")
    text = re.sub(r"Tiền thưởng kèm theo cho mỗi tập thể.*?\{\{ tien_ca_nhan \}\} đồng\.",
                  "Tiền thưởng kèm theo theo danh sách.", text, flags=re.S)  # fmt: skip
    profile.write_text(text, "utf-8")
    second = first.with_name("gk-khac.yaml")
    second.write_text(CERTIFICATE.replace("1201", "1301") + f"chon:\n  khen_thuong: {OTHER}\n",
                      "utf-8")  # fmt: skip
    return rows, first, second


def write_rows(batch: Path, rows: list[dict[str, str]]) -> None:
    import csv

    with (batch.parent / "danh-sach-bang-khen-ubnd-tinh.csv").open("w", encoding="utf-8",
                                                                    newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_batch_chosen_by_award_numbers_its_own_rows_and_keeps_them(tmp_path: Path) -> None:
    rows, first, second = two_batches(tmp_path)
    one = built(tmp_path, first)
    other = printed(tmp_path / "outputs" / "2024" / "gk-khac.docx")
    # Each batch numbers only its own certificates, one after another from its so_vao_so.
    assert [n for n, _ in one] == [1201, 1202, 1203, 1204, 1205]
    assert other == [(1301, rows[1]["Họ và tên"]), (1302, rows[3]["Họ và tên"])]
    # A row of the other award inserted first, a new row of this award: no number moves.
    added = dict(rows[1], **{"Họ và tên": "Đèo Văn Mới"})
    again = [added, *rows, dict(rows[0], **{"Họ và tên": "Lò Văn Sau"})]
    write_rows(first, again)
    one_after = built(tmp_path, first)
    other_after = printed(tmp_path / "outputs" / "2024" / "gk-khac.docx")
    assert one_after == [*one, (1206, "Lò Văn Sau")]
    assert other_after == [(1303, "Đèo Văn Mới"), *other]
    # A reprint (chon: dong) of this award's batch prints a row at its number in the batch.
    # (In the batch's own file: a reprint file of its own is refused, test_certificate_reprints.)
    first.write_text(CERTIFICATE + "chon:\n  khen_thuong: " + rows[0]["Hình thức"]
                     + "\n  dong: [5]\n", "utf-8")  # fmt: skip
    done = render_documents([first], tmp_path / "x.docx")
    assert printed(done[0].docx) == [(1202, rows[2]["Họ và tên"])]


def test_build_warns_of_a_renamed_or_freed_number_as_render_does(tmp_path: Path) -> None:
    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    built(tmp_path, batch)
    old, gone = rows[0]["Họ và tên"], rows[2]["Họ và tên"]
    write_rows(batch, [dict(rows[0], **{"Họ và tên": old + " Anh"}), rows[1], *rows[3:]])
    # Workers (jobs=2) hand the warnings back; each is printed once, naming the batch.
    result = build(Workspace.containing(tmp_path / "vanthu.yaml"), jobs=2)
    renamed = (f"inputs/2024/giay-khen.yaml: số vào sổ 1201 nay in cho «{old} Anh» (trước: "
               f"«{old}»); giấy khen số 1201 đã in cần in lại và sửa sổ vàng")  # fmt: skip
    freed = (f"inputs/2024/giay-khen.yaml: số vào sổ 1203 («{gone}») không còn trong danh "
             "sách; số này không cấp lại cho ai")  # fmt: skip
    assert [w for w in result.warnings if "số vào sổ" in w] == [renamed, freed]
    # Nothing changed since: a rebuild says nothing more.
    again = build(Workspace.containing(tmp_path / "vanthu.yaml"), jobs=2)
    assert not [w for w in again.warnings if "số vào sổ" in w]


def test_build_prints_the_number_warnings_in_english(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    built(tmp_path, batch)
    old = rows[0]["Họ và tên"]
    write_rows(batch, [dict(rows[0], **{"Họ và tên": old + " Anh"}), *rows[1:]])
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["--lang", "en", "build", "-j", "2"])
    assert done.exit_code == 0, done.output
    assert (f"inputs/2024/giay-khen.yaml: số vào sổ 1201 now prints for «{old} Anh» "
            f"(before: «{old}»)") in done.output  # fmt: skip
    assert done.output.count("số vào sổ 1201") == 1


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
