"""An issued number stays with its document, not with a data file's name (s54 K1).

A numbered plan renamed while a new plan takes its old file name keeps its number, the new
one is given a new number and the sổ's row still records what was issued under it; two files'
names swapped keep their documents' numbers; when which document a row is cannot be told
(two copies of it), the build refuses rather than renumber an issued document. A numbered
document whose date is corrected into the next year is refused at its `ngay:` line, by check
and by build, and the build goes on with the other documents.

Workspaces are made by the library's own `init_workspace`; the register is the `location`
fixture's (a SQLite file, or a real PostgreSQL database) through VANTHU_DB, where the rows
moved are set aside and named again in one transaction.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import Status, open_register
from pipeline.register.model import Details, Entry, Origin
from pipeline.register.store import handover
from pipeline.starters import write_starter
from pipeline.workspace.init import OfficeAnswers, init_workspace
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)
SUMMARY = "Triển khai công tác thi đua, khen thưởng năm 2026"
OTHER = "Tổ chức hội nghị sơ kết 6 tháng"


def fresh_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, register: str) -> Path:
    """A fresh workspace (the current folder), no data file in it, numbering in `register`."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    for data in (made.root / "inputs").rglob("*.yaml"):
        data.unlink()
    monkeypatch.chdir(made.root)
    monkeypatch.setenv("VANTHU_DB", register)
    return made.root


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str) -> Path:  # noqa: F811
    return fresh_office(tmp_path, monkeypatch, location)


def starter(root: Path, kind: str, name: str, day: str) -> Path:
    """A starter `kind` data file `name` of 2026, dated `day`, asking for its number."""
    path = root / "inputs" / "2026" / name
    write_starter(kind, path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", "so: tu_dong  ", path.read_text("utf-8"), count=1, flags=re.M)
    text = re.sub(r"^ngay:[^\n#]*", f"ngay: {day}  ", text, count=1, flags=re.M)
    path.write_text(text, "utf-8")
    return path


def plan(root: Path, name: str, day: str, summary: str = SUMMARY) -> Path:
    """A Kế hoạch data file `name` dated `day` with trích yếu `summary`."""
    path = starter(root, "ke-hoach", name, day)
    path.write_text(path.read_text("utf-8").replace(SUMMARY, summary), "utf-8")
    return path


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def said(output: str) -> str:
    """The output as one line: the terminal wraps long messages."""
    return " ".join(output.split())


def build(*args: str, code: int = 0) -> Result:
    result = vanthu("build", *args)
    assert result.exit_code == code, result.output
    return result


def rows(location: str) -> list[tuple[int, str, str, str | None, Status]]:  # noqa: F811
    """Each 2026 row: number, date, trích yếu, data file, state."""
    with open_register(location) as register:
        return [(e.number, e.details.doc_date.strftime("%d/%m") if e.details.doc_date else "",
                 e.details.summary or "", e.source, e.status)
                for e in register.entries(2026)]


def printed(root: Path, name: str) -> str:
    """The Số line an output prints (read from its document.xml's text)."""
    import zipfile

    xml = zipfile.ZipFile(root / "outputs" / "2026" / name).read("word/document.xml").decode()
    found = re.search(r"Số: *(\d+)/", re.sub(r"<[^>]+>", "", xml))
    assert found is not None
    return found.group(1)


def test_renamed_plan_keeps_its_number_and_the_new_plan_under_its_name_gets_a_new_one(
    root: Path, location: str,  # noqa: F811
) -> None:
    old = plan(root, "ke-hoach.yaml", "05/03/2026")
    build()
    old.rename(old.with_name("ke-hoach-thang-3.yaml"))
    plan(root, "ke-hoach.yaml", "01/06/2026", OTHER)
    result = build()
    found = rows(location)
    assert [(n, day, "sơ kết" in summary, source, state)
            for n, day, summary, source, state in found] == [
        (1, "05/03", False, "inputs/2026/ke-hoach-thang-3.yaml", Status.ISSUED),
        (2, "01/06", True, "inputs/2026/ke-hoach.yaml", Status.ISSUED),
    ]
    assert printed(root, "ke-hoach-thang-3.docx") == "01"
    assert printed(root, "ke-hoach.docx") == "02"
    assert ("inputs/2026/ke-hoach.yaml: số 01/KH-SNV đi theo văn bản đã cấp số ấy, nay ở "
            "tệp khác: 01/KH-SNV 05/03/2026") in said(result.output), result.output
    assert "được cấp số mới 02/KH-SNV" in said(result.output)
    assert "có lẽ sổ cũ" not in said(result.output)
    build()  # settled: nothing moves again
    assert rows(location) == found


def test_swapped_names_keep_each_document_its_number(
    root: Path, location: str,  # noqa: F811
) -> None:
    first = plan(root, "a.yaml", "05/03/2026")
    second = plan(root, "b.yaml", "10/03/2026", OTHER)
    build()
    swap = first.with_name("swap.yaml")
    first.rename(swap)
    second.rename(first)
    swap.rename(second)
    build()
    assert [(n, day, source) for n, day, _, source, _ in rows(location)] == [
        (1, "05/03", "inputs/2026/b.yaml"), (2, "10/03", "inputs/2026/a.yaml"),
    ]
    assert (printed(root, "a.docx"), printed(root, "b.docx")) == ("02", "01")


def test_two_copies_of_a_rewritten_plan_are_refused_its_row_left_as_issued(
    root: Path, location: str,  # noqa: F811
) -> None:
    old = plan(root, "ke-hoach.yaml", "05/03/2026")
    build()
    before = rows(location)
    text = old.read_text("utf-8")
    old.with_name("ban-sao-1.yaml").write_text(text, "utf-8")
    old.with_name("ban-sao-2.yaml").write_text(text, "utf-8")
    plan(root, "ke-hoach.yaml", "01/06/2026", OTHER)
    result = build("--keep-going", code=1)
    words = said(result.output)
    for name in ("ban-sao-1.yaml", "ban-sao-2.yaml", "ke-hoach.yaml"):
        assert f"inputs/2026/{name}, dòng 8, trường 'so': chưa cấp số: không rõ số 01/KH-SNV " \
               "05/03/2026" in words, result.output
    assert "thuộc văn bản nào: tệp inputs/2026/ke-hoach.yaml giữ số đó nay ghi văn bản khác" \
        in words
    assert "inputs/2026/ban-sao-1.yaml, inputs/2026/ban-sao-2.yaml ghi văn bản đã cấp số ấy" \
        in words
    assert rows(location) == before


def test_the_rule_of_handover() -> None:
    """A row claimed by one file moves; claimed by two, or leaving the taker's own row without
    a document, the files and the holder are refused."""

    def row(number: int, source: str) -> Entry:
        return Entry(id=number, agency="vp", year=2026, sequence="chung", number=number,
                     status=Status.ISSUED, origin=Origin.REGISTER, details=Details(),
                     source=source)

    one, two = row(1, "a"), row(2, "b")
    assert handover({"a": one, "c": None}, {"c": [one]}).moves == {"c": one}
    swapped = handover({"a": one, "b": two}, {"a": [two], "b": [one]})
    assert swapped.moves == {"a": two, "b": one} and not swapped.unclear
    copies = handover({"a": one, "c": None, "d": None}, {"c": [one], "d": [one]})
    assert not copies.moves and set(copies.unclear) == {"a", "c", "d"}
    assert copies.unclear["c"] == (one, ("c", "d"))
    left = handover({"a": one, "b": two}, {"b": [one]})  # b's own 02 would have no document
    assert not left.moves and set(left.unclear) == {"a", "b"}


def test_a_numbered_letter_dated_into_next_year_is_refused_at_its_date_others_built(
    root: Path, location: str,  # noqa: F811
) -> None:
    letter = starter(root, "cong-van", "cong-van.yaml", "10/11/2026")
    build()
    starter(root, "cong-van", "cv-moi.yaml", "12/11/2026")
    letter.write_text(re.sub(r"^ngay:[^\n#]*", "ngay: 05/01/2027  ", letter.read_text("utf-8"),
                             count=1, flags=re.M), "utf-8")
    line = next(n for n, text in enumerate(letter.read_text("utf-8").splitlines(), start=1)
                if text.startswith("ngay:"))
    expected = (f"inputs/2026/cong-van.yaml, dòng {line}, trường 'ngay': chưa cấp số: tệp này "
                "đã được cấp số 01/")
    checked = vanthu("check")
    assert checked.exit_code == 1, checked.output
    assert expected in said(checked.output), checked.output
    assert "nay ghi ngày 05/01/2027, thuộc năm 2027" in said(checked.output)
    assert "Hợp lệ: inputs/2026/cv-moi.yaml" in checked.output
    stopped = build(code=1)
    assert expected in said(stopped.output), stopped.output
    assert not (root / "outputs" / "2026" / "cv-moi.docx").exists()
    result = build("--keep-going", code=1)
    words = said(result.output)
    assert expected in words and 'vanthu so huy 01 --nam 2026 --ly-do "..."' in words
    assert (root / "outputs" / "2026" / "cv-moi.docx").is_file()
    assert [(n, day, source) for n, day, _, source, _ in rows(location)] == [
        (1, "10/11", "inputs/2026/cong-van.yaml"), (2, "12/11", "inputs/2026/cv-moi.yaml"),
    ]
