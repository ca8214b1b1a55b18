"""so: tu_dong — render and build take numbers from the workspace's register (sổ văn bản đi)."""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import Renderer
from pipeline.batch import Status, build
from pipeline.register import Status as RowStatus
from pipeline.register import open_register
from pipeline.render.output import write_error
from pipeline.workspace import Workspace

PLAN = "2022/ke-hoach-tdkt.yaml"


def auto_number(path: Path) -> None:
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"^so: .*$", "so: tu_dong", text, count=1, flags=re.M), "utf-8")


def rows(workspace_root: Path, year: int):
    with open_register(root=workspace_root) as register:
        return register.entries(year)


def header_number(docx: Path) -> str:
    cells = [c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells]
    return next(c for c in cells if c.startswith("Số:"))


@pytest.fixture()
def plans(inputs_copy: Path) -> list[Path]:
    """Three plans of 2022 (dated 2021 like the real one) asking the register for a number."""
    source = inputs_copy / PLAN
    made = []
    for name in ("kh-a.yaml", "kh-b.yaml", "kh-c.yaml"):
        target = source.parent / name
        target.write_text(source.read_text("utf-8"), "utf-8")
        auto_number(target)
        made.append(target)
    return made


def test_render_takes_the_next_number_and_keeps_it(
    cli: click.Group, inputs_copy: Path, plans: list[Path]
) -> None:
    root = inputs_copy.parent
    first = CliRunner().invoke(cli, ["render", str(plans[0])])
    assert first.exit_code == 0, first.output
    assert "01/KH-VPUBND" in first.output
    output = root / "outputs" / "2022" / "kh-a.docx"
    assert header_number(output) == "Số: 01/KH-VPUBND"

    again = CliRunner().invoke(cli, ["render", str(plans[0])])
    assert again.exit_code == 0 and "01/KH-VPUBND" in again.output  # the same file keeps it
    second = CliRunner().invoke(cli, ["render", str(plans[1])])
    assert "02/KH-VPUBND" in second.output

    entries = rows(root, 2021)  # the plan is dated 22/12/2021: the 2021 sequence
    assert [(e.number, e.status) for e in entries] == [(1, RowStatus.ISSUED), (2, RowStatus.ISSUED)]
    row = entries[0]
    assert row.details.doc_date.isoformat() == "2021-12-22"
    assert row.details.summary.startswith("Kế hoạch ")
    assert row.details.signer and row.details.archive.startswith("VT, ")
    assert row.details.recipients and row.source == "inputs/2022/kh-a.yaml"


def test_a_failed_write_keeps_the_new_number_for_the_next_render(
    cli: click.Group, inputs_copy: Path, plans: list[Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A write that fails once the number is given (a path blocked by a file or folder is
    # refused before: tests/test_check_typed_numbers.py).
    def disk_full(path: Path, data: bytes) -> None:
        raise write_error(path, OSError(errno.ENOSPC, "No space left on device"))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.api.write_atomic", disk_full)
        result = CliRunner().invoke(cli, ["render", str(plans[0])])
    assert result.exit_code == 1
    # Only the file failed (a full disk): the number stays the document's (finding r9b F4).
    assert "01/KH-VPUBND đã cấp cho văn bản này vẫn giữ cho nó" in " ".join(result.output.split())
    [row] = rows(inputs_copy.parent, 2021)
    assert row.status is RowStatus.PENDING and not row.void_reason
    after = CliRunner().invoke(cli, ["render", str(plans[0])])
    assert "01/KH-VPUBND" in after.output


def test_build_numbers_in_order_records_it_and_never_reallocates(
    inputs_copy: Path, plans: list[Path], tmp_path: Path
) -> None:
    workspace = Workspace.containing(inputs_copy).with_output(tmp_path / "out")
    first = build(workspace, jobs=2)
    assert first.ok, first.invalid
    manifest = json.loads((tmp_path / "out" / "2022" / "manifest.json").read_text("utf-8"))
    numbers = {
        name: (entry["so_ky_hieu"], entry.get("so_tu_dong", False))
        for name, entry in manifest["documents"].items()
    }
    # The typed 148/QĐ-VPUBND of 21/12/2021 (one run for all kinds) is recorded first.
    assert numbers["inputs/2022/kh-a.yaml"] == ("149/KH-VPUBND", True)
    assert numbers["inputs/2022/kh-b.yaml"] == ("150/KH-VPUBND", True)
    assert numbers["inputs/2022/kh-c.yaml"] == ("151/KH-VPUBND", True)
    assert numbers["inputs/2022/ke-hoach-tdkt.yaml"] == ("05/KH-VPUBND", False)
    assert header_number(tmp_path / "out" / "2022" / "kh-b.docx") == "Số: 150/KH-VPUBND"

    unchanged = build(workspace, jobs=2)
    assert set(d.status for d in unchanged.documents) == {Status.UNCHANGED}
    # A printed line (the first "Kế hoạch" is a comment: edited, the output is the same).
    text = plans[1].read_text("utf-8").replace("Thực hiện Kế hoạch", "Thực hiện Kế hoạch (sửa)", 1)
    plans[1].write_text(text, "utf-8")
    changed = build(workspace, jobs=2)
    assert {d.name for d in changed.documents if d.status is Status.BUILT} == {
        "inputs/2022/kh-b.yaml"
    }
    assert header_number(tmp_path / "out" / "2022" / "kh-b.docx") == "Số: 150/KH-VPUBND"
    assert [e.number for e in rows(inputs_copy.parent, 2021)] == [5, 148, 149, 150, 151]


def test_build_refuses_a_typed_number_used_twice(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    source = inputs_copy / PLAN
    twin = source.parent / "ke-hoach-ban-sao.yaml"
    twin.write_text(source.read_text("utf-8"), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(inputs_copy), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert "05/KH-VPUBND" in result.output
    assert "ke-hoach-ban-sao.yaml" in result.output and "ke-hoach-tdkt.yaml" in result.output
    assert not out.exists()


def test_an_invalid_input_stops_the_build_before_any_number_is_given(
    inputs_copy: Path, plans: list[Path], tmp_path: Path
) -> None:
    broken = inputs_copy / "2022" / "qd-thanh-lap-hoi-dong.yaml"
    broken.write_text(broken.read_text("utf-8").replace("nguoi_ky:", "nguoi_kyy:"), "utf-8")
    workspace = Workspace.containing(inputs_copy).with_output(tmp_path / "out")
    result = build(workspace, jobs=1)
    assert result.stopped
    assert not (inputs_copy.parent / "so-van-ban.sqlite3").exists() or not rows(
        inputs_copy.parent, 2021
    )


def test_verify_checks_number_and_date_against_the_register(
    cli: click.Group, inputs_copy: Path, plans: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = inputs_copy.parent
    monkeypatch.chdir(root)
    assert CliRunner().invoke(cli, ["render", str(plans[0])]).exit_code == 0
    numbered = root / "outputs" / "2022" / "kh-a.docx"
    ok = CliRunner().invoke(cli, ["verify", "--so-dang-ky", str(numbered)])
    assert ok.exit_code == 0, ok.output

    # Typed by hand: 01 with another date, and 07 that the register never gave.
    typed = plans[1].read_text("utf-8").replace("so: tu_dong", "so: 1")
    plans[1].write_text(typed.replace("ngay: 22/12/2021", "ngay: 23/12/2021"), "utf-8")
    plans[2].write_text(typed.replace("so: 1", "so: 7"), "utf-8")
    # vanthu render refuses 01, which the register holds for kh-a (test_register_integrity);
    # a .docx made without it (Renderer.render_file reads no register) is what verify is for.
    assert CliRunner().invoke(cli, ["render", str(plans[1])]).exit_code == 1
    Renderer(Workspace.containing(plans[1])).render_file(plans[1])
    Renderer(Workspace.containing(plans[2])).render_file(plans[2])  # render would record 07
    result = CliRunner().invoke(
        cli, ["verify", "--so-dang-ky", "outputs/2022/kh-b.docx", "outputs/2022/kh-c.docx"]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any("kh-b.docx" in x and "23/12/2021" in x and "22/12/2021" in x for x in lines)
    assert any("kh-c.docx" in x and "07/KH-VPUBND" in x for x in lines)

    with open_register(root=root) as register:
        register.void("van-phong-ubnd-son-la", 2021, 1, "in hỏng")
    voided = CliRunner().invoke(cli, ["verify", "--so-dang-ky", str(numbered)])
    assert voided.exit_code == 1 and "hủy" in voided.output
