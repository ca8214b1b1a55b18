"""A Văn phòng UBND tỉnh numbering a portal's forms beside the clerk's own data files: its
workspace, a form as the portal gives it, a clerk's Kế hoạch, the register's rows and the number
an output prints.

It imports no other tests module: test_api_numbering's worker processes import it by its file
name (tests/ on sys.path, not the repository)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from docx import Document

from pipeline.cli import main
from pipeline.register import Status, open_register
from pipeline.starters import write_starter
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
DAY = "21/04/2026"
SUMMARY = "Tiếp nhận hồ sơ qua cổng dịch vụ công"
OFFICE = "van-phong-ubnd-tinh-son-la"


def office_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: OfficeAnswers) -> Path:
    """A workspace from `vanthu init` (`answers`, as of TODAY) numbering in its own
    so-van-ban.sqlite3, its starter (which asks for no number) removed: the builds build the
    test's files alone. The working folder."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    made = init_workspace(tmp_path / "ws", answers, today=TODAY)
    made.document.unlink()
    monkeypatch.chdir(made.root)
    return made.root


def form(summary: str = SUMMARY, day: str = DAY, **more: Any) -> dict[str, Any]:
    """A Kế hoạch as a portal's form gives it, asking the register for its number."""
    return {
        "loai": "ke_hoach", "co_quan": OFFICE, "so": "tu_dong", "ngay": day,
        "trich_yeu": summary,
        "mo_dau": ["Để tổ chức tốt việc tiếp nhận hồ sơ, Văn phòng ban hành Kế hoạch sau:"],
        "muc": [{"tieu_de": "Mục đích", "doan": ["Tiếp nhận hồ sơ đúng hạn."]}],
        "ket_thuc": "Yêu cầu các phòng triển khai thực hiện",
        "noi_nhan": ["Lãnh đạo Văn phòng", "Sở Nội vụ"], "don_vi_soan_thao": "TH",
        "nguoi_ky": "chanh-van-phong", **more,
    }


def clerk_plan(root: Path, name: str, *, summary: str | None = None, so: str = "tu_dong",
               day: str = DAY) -> Path:
    """A clerk's Kế hoạch data file (so: tu_dong unless `so`), its trích yếu `summary`."""
    path = root / "inputs" / "2026" / name
    write_starter("ke-hoach", path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", f"so: {so}  ", path.read_text("utf-8"), count=1, flags=re.M)
    text = re.sub(r"^ngay:[^\n#]*", f"ngay: {day}  ", text, count=1, flags=re.M)
    if summary is not None:
        text = re.sub(r"^trich_yeu: \|-\n  [^\n]*", f"trich_yeu: {summary}", text, count=1,
                      flags=re.M)
    path.write_text(text, "utf-8")
    return path


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "vi", *args], catch_exceptions=False)


def rows(root: Path, year: int = 2026) -> list[tuple[int, str | None, Status]]:
    with open_register(root / "so-van-ban.sqlite3") as register:
        return [(e.number, e.source, e.status) for e in register.entries(year)]


def printed_number(docx: Path) -> str:
    """The 'Số: ...' the document prints."""
    text = "\n".join(p.text for t in Document(str(docx)).tables for c in t._cells
                     for p in c.paragraphs)
    found = re.search(r"Số:\s*(\S+)", text)
    assert found is not None, text
    return found.group(1)
