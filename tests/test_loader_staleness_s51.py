"""A loader that lives on (a portal's Workspace, shared by every request) keeps a document only
while none of the files its load looked at changed: its own, its list, its agency's profile,
the draft it attaches. An edit to any of them shows in the next render; nothing edited, the
document kept is given again."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from pipeline.api import Renderer
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


def text(docx: bytes) -> str:
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))


@pytest.fixture()
def workspace(tmp_path: Path) -> Workspace:
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    shutil.copy(REPO / "vanthu.yaml", tmp_path)
    return Workspace.open(tmp_path)


def replace_in(path: Path, old: str, new: str) -> None:
    """`old` replaced by `new` (of another length: the file's size changes with it)."""
    assert len(old.encode()) != len(new.encode())
    content = path.read_text("utf-8-sig")
    assert old in content
    path.write_text(content.replace(old, new), "utf-8")


def test_unchanged_document_is_kept(workspace: Workspace) -> None:
    decision = workspace.root / "inputs/2022/qd-giay-khen.yaml"
    assert workspace.load(decision) is workspace.load(decision)


def test_edited_list_and_profile_show_in_the_next_render(workspace: Workspace) -> None:
    renderer = Renderer(workspace)
    decision = workspace.root / "inputs/2022/qd-giay-khen.yaml"
    before = text(renderer.render(workspace.load(decision)))
    assert "Nguyễn Đức Thọ" in before and "Lò Văn Mạnh" in before
    replace_in(workspace.root / "inputs/2022/danh-sach-giay-khen-2022.csv",
               "Nguyễn Đức Thọ", "Trần Văn Bảo Long")  # fmt: skip
    after = text(renderer.render(workspace.load(decision)))
    assert "Trần Văn Bảo Long" in after and "Nguyễn Đức Thọ" not in after
    replace_in(workspace.root / "inputs/co-quan/van-phong-ubnd-son-la.yaml",
               "Lò Văn Mạnh", "Phạm Thị Cúc")  # fmt: skip
    signed = text(renderer.render(workspace.load(decision)))
    assert "Phạm Thị Cúc" in signed and "Lò Văn Mạnh" not in signed


def test_edited_draft_shows_in_the_submission_it_is_attached_to(workspace: Workspace) -> None:
    renderer = Renderer(workspace)
    submission = workspace.root / "inputs/2024/to-trinh-kem-du-thao.yaml"
    before = text(renderer.render(workspace.load(submission)))
    assert "tham mưu, tổng hợp năm 2024" in before
    replace_in(workspace.root / "inputs/2024/kem-theo/du-thao-qd-bang-khen.yaml",
               "trong công tác tham mưu, tổng hợp năm 2024",
               "trong công tác văn thư, lưu trữ năm 2024")  # fmt: skip
    after = text(renderer.render(workspace.load(submission)))
    assert "văn thư, lưu trữ năm 2024" in after
