"""The register when a file name is reused, when a document is kept twice, and its Nơi nhận
column of a group (s55 T5).

1. `vanthu render` of the one file whose name now holds a new document (the issued one renamed)
   hands the number over as the build does: the renamed document keeps it, the new one is
   given its own; two copies of the issued document are refused, as the build refuses them.
2. Two data files typing one number, the first already built with it: check refuses the
   copy, as the build does, not the file built first.
3. A Nơi nhận group ("- Các thôn, bản:", "+ Bản Ít;" ...) is one entry of the sổ's column,
   as the group reads ("Các thôn, bản: Bản Ít, Bản Nà"), in the register and its exports.

Workspaces are made by the library's own `init_workspace`; the register is the `location`
fixture's (a SQLite file, or a real PostgreSQL database) through VANTHU_DB.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import Status, open_register
from pipeline.starters import write_starter
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.test_register_identity_s54 import OTHER, SUMMARY, TODAY, fresh_office


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str) -> Path:  # noqa: F811
    return fresh_office(tmp_path, monkeypatch, location)


def plan(root: Path, name: str, day: str, summary: str = SUMMARY, number: str = "tu_dong") -> Path:
    """A starter Kế hoạch data file `name` of 2026 dated `day`, trích yếu `summary`, its so:
    `number`."""
    path = root / "inputs" / "2026" / name
    write_starter("ke-hoach", path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", f"so: {number}  ", path.read_text("utf-8"), count=1, flags=re.M)
    text = re.sub(r"^ngay:[^\n#]*", f"ngay: {day}  ", text, count=1, flags=re.M)
    path.write_text(text.replace(SUMMARY, summary), "utf-8")
    return path


def vanthu(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, ["--lang", "vi", *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def said(output: str) -> str:
    """The output as one line: the terminal wraps long messages."""
    return " ".join(output.split())


def rows(location: str) -> list[tuple[int, str, bool, str | None, Status]]:  # noqa: F811
    """Each 2026 row: number, date, whether its trích yếu is OTHER's, data file, state."""
    with open_register(location) as register:
        return [
            (
                e.number,
                e.details.doc_date.strftime("%d/%m") if e.details.doc_date else "",
                "sơ kết" in (e.details.summary or ""),
                e.source,
                e.status,
            )
            for e in register.entries(2026)
        ]


def printed(root: Path, name: str) -> str:
    """The number the Số line of outputs/2026/`name` prints."""
    import zipfile

    xml = zipfile.ZipFile(root / "outputs" / "2026" / name).read("word/document.xml").decode()
    found = re.search(r"Số: *(\d+)/", re.sub(r"<[^>]+>", "", xml))
    assert found is not None
    return found.group(1)


def name_reused(root: Path) -> Path:
    """ke-hoach.yaml built as 01, renamed ke-hoach-thang-3.yaml, and a new plan (another date
    and trích yếu) written as ke-hoach.yaml: the new file."""
    old = plan(root, "ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    old.rename(old.with_name("ke-hoach-thang-3.yaml"))
    return plan(root, "ke-hoach.yaml", "01/06/2026", OTHER)


REUSED = [
    (1, "05/03", False, "inputs/2026/ke-hoach-thang-3.yaml", Status.ISSUED),
    (2, "01/06", True, "inputs/2026/ke-hoach.yaml", Status.ISSUED),
]


def test_render_of_a_reused_name_gives_the_new_document_its_own_number(
    root: Path,
    location: str,  # noqa: F811
) -> None:
    new = name_reused(root)
    result = vanthu("render", str(new))
    assert "02/KH-SNV" in said(result.output)
    assert (
        "inputs/2026/ke-hoach.yaml: số 01/KH-SNV đi theo văn bản đã cấp số ấy, nay ở tệp khác"
    ) in said(result.output), result.output
    assert rows(location) == REUSED
    assert printed(root, "ke-hoach.docx") == "02"
    vanthu("build")  # the renamed plan is built with the number it was issued
    assert printed(root, "ke-hoach-thang-3.docx") == "01"
    assert rows(location) == REUSED


def test_render_of_the_renamed_file_first_keeps_its_number(
    root: Path,
    location: str,  # noqa: F811
) -> None:
    new = name_reused(root)
    vanthu("render", str(new.with_name("ke-hoach-thang-3.yaml")))
    vanthu("render", str(new))
    assert rows(location) == REUSED
    assert (printed(root, "ke-hoach-thang-3.docx"), printed(root, "ke-hoach.docx")) == ("01", "02")


def test_render_refuses_when_two_copies_record_the_issued_document(
    root: Path,
    location: str,  # noqa: F811
) -> None:
    new = name_reused(root)
    shutil.copy(new.with_name("ke-hoach-thang-3.yaml"), new.with_name("ban-sao.yaml"))
    before = rows(location)
    result = vanthu("render", str(new), code=1)
    words = said(result.output)
    assert (
        "inputs/2026/ke-hoach.yaml, dòng 8, trường 'so': chưa cấp số: không rõ số 01/KH-SNV"
        in words
    ), result.output
    assert (
        "inputs/2026/ban-sao.yaml, inputs/2026/ke-hoach-thang-3.yaml ghi văn bản đã cấp số ấy"
        in words
    )
    assert rows(location) == before


def test_render_of_an_edited_issued_document_keeps_its_number(
    root: Path,
    location: str,  # noqa: F811
) -> None:
    """No other file records the issued document: the trích yếu corrected, the row follows."""
    path = plan(root, "ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    path.write_text(path.read_text("utf-8").replace(SUMMARY, OTHER), "utf-8")
    vanthu("render", str(path))
    assert rows(location) == [(1, "05/03", True, "inputs/2026/ke-hoach.yaml", Status.ISSUED)]


def test_check_refuses_the_copy_typing_a_built_number_not_the_built_file(
    root: Path,
    location: str,  # noqa: F811
) -> None:
    """The copy's name sorts first (ke-hoach-ban-sao < ke-hoach.yaml): check refuses it all
    the same, as the build does, since ke-hoach.yaml's output prints 05 already."""
    built = plan(root, "ke-hoach.yaml", "05/03/2026", number="5")
    vanthu("build")
    shutil.copy(built, built.with_name("ke-hoach-ban-sao.yaml"))
    checked = said(vanthu("check", code=1).output)
    # Said from the outputs (a register file not made: no number it gave), or from the
    # register (a database, which recorded the typed 05).
    refused = re.search(
        r"Lỗi: inputs/2026/ke-hoach-ban-sao\.yaml[^:]*: số 05/KH-SNV "
        r"(trùng số với |đã có trong sổ văn bản đi cho văn bản khác: 05/KH-SNV "
        r"05/03/2026 .*\[)inputs/2026/ke-hoach\.yaml",
        checked,
    )
    assert refused is not None, checked
    assert "Hợp lệ: inputs/2026/ke-hoach.yaml" in checked
    assert checked.count("Lỗi:") == 1
    built_again = said(vanthu("build", code=1).output)
    assert (
        "Lỗi: inputs/2026/ke-hoach-ban-sao.yaml, dòng 8, trường 'so': số 05/KH-SNV trùng số với "
        "inputs/2026/ke-hoach.yaml" in built_again
    ), built_again


GROUP_READ = "Lãnh đạo cơ quan; Các phòng, ban, đơn vị; Các thôn, bản: Bản Ít, Bản Nà; Lưu trữ"


def with_group(path: Path) -> Path:
    """`path`'s Nơi nhận given a group of two villages, then one more recipient."""
    text = path.read_text("utf-8").replace(
        "  - Các phòng, ban, đơn vị\n",
        '  - Các phòng, ban, đơn vị\n  - "Các thôn, bản:"\n  - "+ Bản Ít;"\n  - "+ Bản Nà;"\n'
        "  - Lưu trữ\n",
    )
    assert "Bản Nà" in text
    path.write_text(text, "utf-8")
    return path


def exported_recipients(location: str, tmp_path: Path) -> tuple[str, str]:  # noqa: F811
    """The Nơi nhận cell of the year's last row in `so xuat`'s .xlsx and .docx."""
    import docx
    from openpyxl import load_workbook

    vanthu("so", "--db", location, "xuat", "2026", "-o", str(tmp_path / "so.xlsx"))
    vanthu("so", "--db", location, "xuat", "2026", "-o", str(tmp_path / "so.docx"))
    sheet = load_workbook(tmp_path / "so.xlsx").worksheets[0]
    cells = [row[4] for row in sheet.iter_rows(values_only=True) if row[0] and "/KH" in row[0]]
    table = docx.Document(str(tmp_path / "so.docx")).tables[0]
    return str(cells[-1]), table.rows[-1].cells[4].text


def test_a_recipients_group_is_one_entry_as_it_reads_in_the_register_and_its_exports(
    root: Path,
    location: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    with_group(plan(root, "ke-hoach.yaml", "05/03/2026"))
    vanthu("build")
    with open_register(location) as register:
        (entry,) = register.entries(2026)
    assert entry.details.recipients == GROUP_READ
    assert exported_recipients(location, tmp_path) == (GROUP_READ, GROUP_READ)


def test_a_group_stored_with_its_lines_by_an_older_vanthu_is_exported_as_it_reads(
    location: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    from pipeline.register import Details

    with open_register(location) as register:
        register.record(
            "vp",
            3,
            Details(
                doc_date=date(2026, 3, 5),
                type_code="KH",
                symbol="KH-VP",
                summary="Kế hoạch",
                recipients="Lãnh đạo cơ quan; Các phòng, ban, đơn vị; Các thôn, bản:\n+ Bản Ít;\n"
                "+ Bản Nà; Lưu trữ",
            ),
        )
    assert exported_recipients(location, tmp_path) == (GROUP_READ, GROUP_READ)
    shown = said(vanthu("so", "--db", location, "xem", "2026").output)
    assert "Các thôn, bản: Bản" in shown and "+ Bản" not in shown, shown  # as `so xem` wraps


def test_recipients_as_read() -> None:
    from pipeline.register.columns import recipients_as_read

    two = "A; Các thôn, bản:\n+ Bản Ít;\n+ Bản Nà; B; Các xã:\n + Xã A\n + Xã B;"
    assert recipients_as_read(two) == "A; Các thôn, bản: Bản Ít, Bản Nà; B; Các xã: Xã A, Xã B"
    no_group = "Các đoàn thể; Ghi: xem\nphụ lục"  # a line break, no "+ " line: as it is
    assert recipients_as_read(no_group) == no_group
    assert recipients_as_read("Như trên; Lưu VT") == "Như trên; Lưu VT"


# --- two copies of one file, numbered together in one build ------------------------------------


def test_two_copies_numbered_in_one_build_are_said_at_the_second(root: Path, location: str) -> None:  # noqa: F811
    # Neither was built before: the first copy's number was still pending when the second was
    # given its own, and the warning looked at issued rows only.
    plan(root, "ke-hoach.yaml", "02/03/2026")
    plan(root, "ke-hoach-ban-sao.yaml", "02/03/2026")
    out = said(vanthu("build", "-j", "1").output)
    assert ("inputs/2026/ke-hoach.yaml: số 02/KH-SNV vừa cấp cho văn bản giống hệt số 01/KH-SNV "
            "02/03/2026") in out, out  # fmt: skip
    assert "[inputs/2026/ke-hoach-ban-sao.yaml]" in out, out
    assert out.count("vừa cấp cho văn bản giống hệt") == 1, out
    # Two documents of one date and type, their trích yếu not the same: nothing to say.
    plan(root, "ke-hoach-2.yaml", "03/03/2026")
    plan(root, "ke-hoach-3.yaml", "03/03/2026", summary=OTHER)
    assert "giống hệt" not in said(vanthu("build", "-j", "1").output)


def test_check_says_two_copies_waiting_for_numbers(root: Path, location: str) -> None:  # noqa: F811
    plan(root, "ke-hoach.yaml", "02/03/2026")
    plan(root, "ke-hoach-ban-sao.yaml", "02/03/2026")
    plan(root, "ke-hoach-khac.yaml", "02/03/2026", summary=OTHER)
    out = said(vanthu("check").output)
    assert ("inputs/2026/ke-hoach.yaml: giống hệt inputs/2026/ke-hoach-ban-sao.yaml (cùng cơ "
            "quan, loại, ngày và trích yếu) và cả hai tệp đều chờ cấp số") in out, out  # fmt: skip
    assert out.count("giống hệt") == 1, out  # not the plan of another trích yếu
    english = said(vanthu("--lang", "en", "check").output)
    assert "both waiting for a number: a build would give each file a number" in english
    # Built, each has its number: the build said it, and check no longer says it as waiting.
    vanthu("build", "-j", "1")
    assert "chờ cấp số" not in said(vanthu("check").output)
