"""What a build holds for its whole year is kept small (issue 13: peak memory flat in N): the
list index holds its files as text, and the names of the run's files for the sổ vàng claims
are made only if a Giấy khen batch asks for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.book_claims import held_claims_once
from pipeline.batch.discover import Layout
from pipeline.batch.recorded import Recorded
from pipeline.load import lists
from pipeline.workspace import Workspace
from tests.new_office import new_office
from tests.test_same_list_twice_r11 import YEAR, decision, giay_khen_list, warnings_of


@pytest.fixture()
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = new_office(tmp_path, monkeypatch)
    giay_khen_list()
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    decision("qd-d.yaml", 13, "20/04/2026", "gk-d.csv")
    giay_khen_list("gk-d.csv")
    return ws


def test_the_list_index_holds_its_files_as_text_and_still_finds_the_other_user(
    office: Path,
) -> None:
    lists._INDEXES.clear()
    (warning,) = warnings_of(YEAR / "qd-b.yaml", "data.list_given_twice")
    assert warning.params["other"] == "inputs/2026/qd-c.yaml"
    assert warnings_of(YEAR / "qd-d.yaml", "data.list_given_twice") == []
    indexes = list(lists._INDEXES.values())
    assert indexes
    for index in indexes:
        files = [file for named in index.names.values() for file in named]
        assert files and all(type(file) is str for file in files)
        shared = index.names["gk.csv"]
        assert sorted(Path(file).name for file in shared) == ["qd-b.yaml", "qd-c.yaml"]


class _CountingLayout(Layout):
    named = 0

    def name_of(self, path: Path) -> str:
        type(self).named += 1
        return super().name_of(path)


def test_the_run_s_names_are_made_only_when_the_claims_are_asked(office: Path) -> None:
    workspace = Workspace.open(office)
    layout = _CountingLayout(workspace)
    paths = workspace.documents()
    claims = held_claims_once(layout, Recorded.read(layout), paths)
    assert _CountingLayout.named == 0
    assert claims() == []  # no batch printed outside the run
    assert _CountingLayout.named == len(paths)
    assert claims() == [] and _CountingLayout.named == len(paths)  # read once
