"""`vanthu check` refuses a typed number that render and build refuse (the register holds it for
another document, or it is void), reading the register only; a render that fails after a
number was given says the number is void, and the sổ keeps a short reason; an output path a
folder stands in is refused before any number is given.
"""

from __future__ import annotations

import errno
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.api import check
from pipeline.cli import main
from pipeline.register import Status, open_register
from pipeline.render.output import write_error
from pipeline.starters import write_starter
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace from `vanthu init`, numbering in its own so-van-ban.sqlite3."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY).root
    monkeypatch.chdir(made)
    return made


def plan(root: Path, name: str, number: str, day: str = "21/04/2026") -> Path:
    """A Kế hoạch data file with `so: <number>` (tu_dong, or a typed one)."""
    path = root / "inputs" / "2026" / name
    write_starter("ke-hoach", path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", f"so: {number}  ", path.read_text("utf-8"), count=1,
                  flags=re.M)
    text = re.sub(r"^ngay:[^\n#]*", f"ngay: {day}  ", text, count=1, flags=re.M)
    path.write_text(text, "utf-8")
    return path


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "vi", *args], catch_exceptions=False)


def test_check_refuses_a_typed_number_held_for_another_document(root: Path) -> None:
    assert vanthu("render", str(plan(root, "a.yaml", "tu_dong"))).exit_code == 0
    typed = plan(root, "b.yaml", '"01"', day="22/04/2026")
    register = root / "so-van-ban.sqlite3"
    result = vanthu("check", str(typed))
    assert result.exit_code == 1
    assert "inputs/2026/b.yaml" in result.output and "trường 'so'" in result.output
    assert "số 01/KH-VPUBND đã có trong sổ văn bản đi cho văn bản khác" in result.output
    assert "[inputs/2026/a.yaml]" in result.output
    assert "Hợp lệ: inputs/2026/b.yaml" not in result.output
    # the same refusal as render's
    rendered = vanthu("render", str(typed))
    assert rendered.exit_code == 1 and "cho văn bản khác" in rendered.output
    with open_register(register) as opened:
        assert [(e.number, e.source) for e in opened.entries(2026)] == [
            (1, "inputs/2026/a.yaml")]
    # the document's own number (the row naming its data file) is fine
    assert vanthu("check", str(root / "inputs" / "2026" / "a.yaml")).exit_code == 0


def test_check_refuses_a_void_typed_number(root: Path) -> None:
    assert vanthu("render", str(plan(root, "a.yaml", "tu_dong"))).exit_code == 0
    assert vanthu("so", "huy", "1", "--ly-do", "gõ nhầm", "--nam", "2026").exit_code == 0
    report = check([plan(root, "c.yaml", '"01"', day="23/04/2026")])
    assert not report.valid
    ((path, error),) = report.errors
    assert path.name == "c.yaml" and "gõ nhầm" in error.message()


def test_check_without_a_register_neither_refuses_nor_makes_one(root: Path) -> None:
    report = check([plan(root, "b.yaml", '"07"')])
    assert len(report.valid) == 1 and not report.errors
    assert not (root / "so-van-ban.sqlite3").exists()


def failed_render(root: Path, key: str) -> Result:
    """`vanthu render` of a new document whose writing fails with RenderError `key`."""
    path = plan(root, "loi.yaml", "tu_dong")
    output = root / "outputs" / "2026" / "loi.docx"

    def fail_on_write(*_: object) -> None:
        from pipeline.errors import RenderError

        raise RenderError(key, reason=f"{output}: ổ đĩa đầy")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.api.write_atomic", fail_on_write)
        result = vanthu("render", str(path))
    assert result.exit_code == 1
    return result


def test_failed_render_write_keeps_its_number_for_the_next_render(root: Path) -> None:
    # As the build (finding r9b F4): a full disk voids no number, one more at every retry.
    result = failed_render(root, "render.write_failed")
    said = " ".join(result.output.split())
    assert "Số 01/KH-VPUBND đã cấp cho văn bản này vẫn giữ cho nó (chờ ghi tệp" in said
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert (row.number, row.status) == (1, Status.PENDING)
    assert "01/KH-VPUBND" in vanthu("render", str(root / "inputs/2026/loi.yaml")).output
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert (row.number, row.status) == (1, Status.ISSUED)


def test_failed_render_says_its_number_was_voided(root: Path) -> None:
    result = failed_render(root, "render.template_missing")  # not the file: a new number
    assert "Số 01/KH-VPUBND đã cấp cho văn bản này nên đã bị hủy" in result.output
    assert "lý do: dựng văn bản bị lỗi, số không dùng" in result.output
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert row.status is Status.VOID
    assert row.void_reason == "dựng văn bản bị lỗi, số không dùng"  # no class, no path


def test_output_path_that_is_a_folder_is_refused_before_numbering(root: Path) -> None:
    path = plan(root, "loi.yaml", "tu_dong")
    (root / "outputs" / "2026" / "loi.docx").mkdir(parents=True)
    result = vanthu("render", str(path))
    assert result.exit_code == 1
    assert "không ghi được tệp kết quả" in result.output and "thư mục" in result.output
    assert "hủy" not in result.output
    with open_register(root / "so-van-ban.sqlite3") as register:
        assert register.entries(2026) == []  # no number given, none voided


def test_failed_build_write_keeps_its_number_for_the_next_build(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan(root, "loi.yaml", "tu_dong")
    (root / "inputs" / "2026" / "ke-hoach.yaml").unlink()

    def disk_full(staged: Path, path: Path) -> None:
        staged.unlink(missing_ok=True)
        raise write_error(path, OSError(errno.ENOSPC, "No space left on device"))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.batch.builder.commit", disk_full)
        result = vanthu("build")
    assert result.exit_code == 1
    # A full disk voids no number (finding r9b F4): the next build, the disk freed, takes it.
    said = " ".join(result.output.split())
    assert "Số 01/KH-VPUBND đã cấp cho văn bản này vẫn giữ cho nó (chờ ghi tệp" in said
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert (row.number, row.status) == (1, Status.PENDING)
    again = vanthu("build")
    assert again.exit_code == 0, again.output
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert (row.number, row.status) == (1, Status.ISSUED)
