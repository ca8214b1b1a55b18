"""The build's stage step looks a document's profile warnings up by the profile the loader gave
it (runner._office_warnings): each office its own, as office_warnings says them."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch import runner
from pipeline.batch.discover import Layout
from pipeline.workspace import Workspace
from pipeline.workspace.profiles import office_warnings
from tests.test_long_lines import AS_LINES, ONE_LINE
from tests.test_long_lines import LETTER as OFFICES_LETTER

# An office whose name is too wide for its header, and the same written in the lines the
# warning suggests (nothing to say of it).
WIDE, IN_LINES = ONE_LINE, AS_LINES

# test_long_lines' Công văn, from the office named.
LETTER = OFFICES_LETTER.replace("co_quan: bv\n", "co_quan: {office}\n")


def test_each_office_has_its_own_warnings_looked_up_by_its_profile(tmp_path: Path) -> None:
    (tmp_path / "vanthu.yaml").write_text("ten: Bệnh viện\n", "utf-8")
    offices = tmp_path / "inputs" / "co-quan"
    offices.mkdir(parents=True)
    (offices / "wide.yaml").write_text(WIDE, "utf-8")
    (offices / "lines.yaml").write_text(IN_LINES, "utf-8")
    year = tmp_path / "inputs" / "2026"
    year.mkdir()
    paths = []
    for number, office in enumerate(("wide", "lines", "wide"), start=1):
        path = year / f"cv-{number}.yaml"
        path.write_text(LETTER.format(office=office, so=number, signer="giam-doc"), "utf-8")
        paths.append(path)
    workspace = Workspace.containing(paths[0])
    runner.init_worker(workspace, "vi")
    assert runner._renderer is not None
    layout = Layout(workspace)
    documents = [workspace.load(path) for path in paths]
    assert documents[0].info.agency is documents[2].info.agency  # one parse per profile
    said = [runner._office_warnings(layout, document) for document in documents]
    expected = [
        office_warnings(workspace, document, runner._renderer.styles, {})
        for document in documents
    ]
    assert said == expected
    assert said[0] and said[0] == said[2] and said[1] == ()
    runner.init_worker(workspace, "vi")  # a later build in this process: looked up anew
    assert runner._agency_warnings == {}
