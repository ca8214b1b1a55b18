"""An output numbered by another register than the one the workspace uses now.

The last round made an output current only while the register holds its number for it, but
only for an output numbered by the register in use (documents.lost_number): one numbered from
another register (the office moved from its SQLite file to a shared PostgreSQL register, or
pointed vanthu.yaml at another file) was kept by `vanthu build` and passed by `vanthu check`
without a word, while the register in use did not know its number was issued. Both now warn,
naming the outputs and the commands that move the old sổ over (`so xuat` from the old
register, `so nhap` into the one in use); once moved, nothing is said. The output is kept as
it is: its number was issued, a new one would be a second number for one document.

A workspace copied without its register file (its register made again, empty) is the register
in use losing the numbers: that was handled already (refused, with the way to restore it), and
is proved here too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from tests.register.conftest import pg_server, shared  # noqa: F401  (fixtures)
from tests.register.test_shared_register_r8 import printed_number
from tests.register_setup import built_two, no_register_env  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    build,
    document,
    manifest_number,
    office,
    output,
    said,
    vanthu,
)


def point_at(root: Path, location: str) -> None:
    """vanthu.yaml's so_van_ban set to `location`: the register the workspace uses from now."""
    config = root / "vanthu.yaml"
    config.write_text(config.read_text("utf-8") + f"so_van_ban: {location}\n", "utf-8")


def commands_in(result: Result) -> list[list[str]]:
    """The `vanthu ...` commands a warning gives to move the old sổ over, in order."""
    found = re.search(r"chạy trong thư mục làm việc này: (vanthu so .*?); rồi", said(result))
    assert found is not None, result.output
    return [line.split()[1:] for line in found.group(1).split("; ")]


def two_numbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A commune that built a Quyết định and a công văn from its own register file (built_two):
    the workspace and the Quyết định's data file."""
    root = built_two(tmp_path, monkeypatch)
    assert [manifest_number(root, "qd-07"), manifest_number(root, "cv-07")] == [
        "01/QĐ-UBND", "02/UBND-VP"]
    return root, root / "inputs" / "2026" / "qd-07.yaml"


def test_outputs_numbered_by_the_file_register_are_warned_of_after_a_move_to_postgresql(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    root, decision = two_numbered(tmp_path, monkeypatch)
    point_at(root, shared)
    result = build(root, monkeypatch)
    text = said(result)
    assert "0 đã dựng, 2 không đổi" in text, result.output
    # Once for the year, naming both outputs, the register that numbered them and the one in use.
    assert text.count("in số do sổ văn bản so-van-ban.sqlite3 cấp") == 1, result.output
    assert "outputs/2026/qd-07.docx, outputs/2026/cv-07.docx (2 văn bản năm 2026" in text
    assert "sổ đang dùng (postgresql://vanthu@" in text
    commands = commands_in(result)
    office_id = ["--co-quan", "uy-ban-nhan-dan-xa-chieng-mai"]
    assert commands == [["so", "--db", "so-van-ban.sqlite3", *office_id, "xuat", "2026", "-o",
                         "so-cu-2026.xlsx"], ["so", *office_id, "nhap", "so-cu-2026.xlsx"]]
    # The outputs are kept as they were: their numbers were issued.
    assert printed_number(output(root, "qd-07")).startswith("Số: 01/QĐ-UBND")
    checked = vanthu(root, monkeypatch, "check", str(decision))
    assert ("outputs/2026/qd-07.docx in số 01/QĐ-UBND do sổ văn bản so-van-ban.sqlite3 cấp, "
            "nhưng sổ đang dùng") in said(checked), checked.output
    english = vanthu(root, monkeypatch, "--lang", "en", "build")
    assert "print numbers given by the register so-van-ban.sqlite3" in said(english), (
        english.output)
    # Moved over as the warning says: nothing more to say, the outputs still kept.
    for command in commands:
        moved = vanthu(root, monkeypatch, *command)
        assert moved.exit_code == 0, moved.output
    again = build(root, monkeypatch)
    assert "0 đã dựng, 2 không đổi" in said(again)
    assert "so-van-ban.sqlite3 cấp" not in said(again), again.output
    checked = vanthu(root, monkeypatch, "check", str(decision))
    assert "so-van-ban.sqlite3 cấp" not in said(checked), checked.output


def test_an_output_whose_number_the_register_in_use_gives_another_document_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workspace pointed at another office register file that numbered its own 01."""
    root, decision = two_numbered(tmp_path, monkeypatch)
    other = office(tmp_path, "other")
    document(other, monkeypatch, "qd-01", "05/01/2026", about="Quyết định thành lập Tổ")
    build(other, monkeypatch)
    point_at(root, str(other / "so-van-ban.sqlite3"))
    result = build(root, monkeypatch)
    text = said(result)
    assert ("outputs/2026/qd-07.docx in số 01/QĐ-UBND do sổ văn bản so-van-ban.sqlite3 cấp, "
            "nhưng sổ đang dùng") in text, result.output
    assert "ghi số đó cho văn bản khác: 01/QĐ-UBND 05/01/2026" in text
    # the công văn's 02 the other register does not hold: the year's warning, with its commands
    assert "outputs/2026/cv-07.docx (1 văn bản năm 2026" in text
    checked = vanthu(root, monkeypatch, "check", str(decision))
    assert "ghi số đó cho văn bản khác: 01/QĐ-UBND 05/01/2026" in said(checked), checked.output


def test_a_workspace_copied_without_its_register_is_refused_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, decision = two_numbered(tmp_path, monkeypatch)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("so-van-ban.sqlite3*"))
    refused = build(copy, monkeypatch, code=1)
    assert "sổ nay không còn số nào trong đó" in said(refused), refused.output
    checked = vanthu(copy, monkeypatch, "check", str(copy / "inputs/2026/qd-07.yaml"))
    assert "sổ nay không còn dòng nào của số đó" in said(checked), checked.output
