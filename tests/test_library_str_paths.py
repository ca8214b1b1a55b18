"""The rest of the library takes a path as a str or os.PathLike, as Python's own functions do
(Workspace.open, load_document: tests/test_library_threads_r12c.py): so do Renderer (a
templates folder), Renderer.render_file and init_workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.api import Renderer
from pipeline.errors import TemplateError
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, init_workspace

ANSWERS = OfficeAnswers(kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A")
TODAY = date(2026, 3, 2)


def test_init_workspace_takes_a_str(tmp_path: Path) -> None:
    made = init_workspace(str(tmp_path / "ws"), ANSWERS, today=TODAY)
    assert made.root == tmp_path / "ws"
    assert (tmp_path / "ws" / "vanthu.yaml").is_file()
    assert made.document.is_file()


def test_init_workspace_refuses_another_type_naming_the_argument() -> None:
    with pytest.raises(TypeError, match="folder: expected a path"):
        init_workspace(None, ANSWERS, today=TODAY)  # type: ignore[arg-type]


def test_a_renderer_takes_its_templates_folder_as_a_str(tmp_path: Path) -> None:
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    document = Workspace.open(made.root).load(made.document)
    assert Renderer(str(made.root / "mau")).render(document)[:2] == b"PK"
    with pytest.raises(TemplateError) as caught:
        Renderer(str(tmp_path / "none"))
    assert caught.value.key == "render.templates_dir_missing"


def test_render_file_takes_str_paths(tmp_path: Path) -> None:
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    target = tmp_path / "out" / "ke-hoach.docx"
    assert Renderer().render_file(str(made.document), str(target)) == target
    assert target.read_bytes()[:2] == b"PK"
    written = Renderer().render_file(str(made.document))
    assert written.is_file() and written.is_relative_to(made.root / "outputs")
