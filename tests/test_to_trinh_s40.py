"""A Tờ trình's draft decision kept under kem-theo/: the Tờ trình says its wording warnings at
the draft's file, and the draft's own load, which a loader keeps and may hand to others, is left
as it was (said_of_the_draft places copies)."""

from __future__ import annotations

from pathlib import Path

from pipeline.workspace import Workspace
from tests.test_list_warnings_r15 import kept_draft, office, submission
from tests.test_list_warnings_rebuilt import FIGURE, TYPED

__all__ = ["office"]  # the fixture, used by name


def _figures(path: Path, workspace: Workspace) -> list[tuple[str | None, str | None]]:
    """(file's name, field) of each typed-figure warning of `path`."""
    loaded = workspace.load(path)
    return [(w.file and Path(w.file).name, w.field) for w in loaded.warnings if w.key == FIGURE]


def test_a_kept_drafts_own_load_is_left_as_it_was(office: Path) -> None:
    """The draft itself still says its figure at its own field, and a Tờ trình loaded again (the
    draft's load reused) says it as the first did."""
    tt = submission(draft=kept_draft(edit=TYPED))
    workspace = Workspace.containing(tt)
    draft = tt.parent / "kem-theo" / "du-thao.yaml"
    assert _figures(tt, workspace) == [("du-thao.yaml", "khen_thuong.hanh_dong")]
    assert _figures(draft, workspace) == [(None, "khen_thuong.hanh_dong")]
    tt.write_text(tt.read_text("utf-8") + "\n", "utf-8")  # loaded again, the draft not
    assert _figures(tt, workspace) == [("du-thao.yaml", "khen_thuong.hanh_dong")]
