"""What a build holds for its whole year is kept small (issue 13: peak memory flat in N): a
document's result holds its output as text, a staged document with a typed number only the
register's columns of it, the hash cache's files read are given once each by name, and the
orphans' sets are made only when a manifest records something."""

from __future__ import annotations

import weakref
from pathlib import Path

import pytest

from pipeline.batch.builder import remove_orphans
from pipeline.batch.discover import Layout
from pipeline.batch.freshness import Freshness
from pipeline.batch.hash_cache import STAMP_SIZE
from pipeline.batch.manifest import Entry
from pipeline.batch.recorded import Recorded
from pipeline.batch.result import BuildResult, DocumentResult, Status
from pipeline.batch.runner import Workers, stage_batch
from pipeline.batch.staged import StageJob
from pipeline.register.documents import typed_request
from pipeline.workspace import Workspace
from tests.new_office import new_office
from tests.test_build_memory_s42 import _CountingLayout
from tests.test_same_list_twice_r11 import YEAR, decision, giay_khen_list


@pytest.fixture()
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = new_office(tmp_path, monkeypatch)
    giay_khen_list()
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    return ws


def test_a_result_holds_its_output_as_text_and_gives_it_as_a_path(tmp_path: Path) -> None:
    output, pdf = tmp_path / "2026" / "qd.docx", tmp_path / "2026" / "qd.pdf"
    result = DocumentResult(tmp_path / "qd.yaml", "qd.yaml", Status.BUILT, output)
    assert result.output == output and isinstance(result.output, Path) and result.pdf is None
    assert result._output == str(output)  # text, not a Path, while the build holds it
    result.pdf = pdf
    assert result.pdf == pdf and result._pdf == str(pdf)
    assert result == DocumentResult(tmp_path / "qd.yaml", "qd.yaml", Status.BUILT, str(output),
                                    pdf)  # fmt: skip
    result.output = None
    assert result.output is None and result.pdf == pdf


def test_a_typed_number_is_asked_of_the_register_as_the_document_says_it(office: Path) -> None:
    workspace = Workspace.open(office)
    path = (office / YEAR / "qd-b.yaml").resolve()
    with Workers(1, workspace):
        (staged,) = stage_batch([StageJob(path)])
    try:
        assert staged.entry is not None and staged.typed_details is not None
        request = typed_request(workspace.load(path), staged.name)
        assert request is not None and request.number == 11
        assert staged.typed == request
        assert staged.asked_of_register == (request.agency, request.details, 11)
    finally:
        assert staged.staged is not None
        Path(staged.staged).unlink()


def _entry(*inputs: str) -> Entry:
    return Entry(inputs={name: name[-1] * 64 for name in inputs}, template="t",
                 template_sha256="0" * 64, output="2026/x.docx", output_sha256="1" * 64,
                 loai="quyet_dinh", so=1, ngay="2026-01-20", so_ky_hieu="01/QĐ-X")  # fmt: skip


def test_the_files_read_are_given_once_each_however_many_documents_name_them(
    office: Path,
) -> None:
    workspace = Workspace.open(office)
    freshness = Freshness(Layout(workspace), workspace.templates)
    first = _entry("inputs/a.yaml", "inputs/co-quan/p.yaml", "inputs/2026/")
    second = _entry("inputs/b.yaml", "inputs/co-quan/p.yaml")
    stamps = bytes(range(1, 1 + 2 * STAMP_SIZE))
    given = list(freshness.files_read([(first, stamps), (second, stamps), (first, stamps)]))
    root = workspace.root
    assert [(Path(path), digest) for path, digest, _ in given] == [
        (root / "inputs/a.yaml", "l" * 64),
        (root / "inputs/co-quan/p.yaml", "l" * 64),
        (root / "inputs/b.yaml", "l" * 64),
    ]
    assert [stamp for _, _, stamp in given] == [stamps[:STAMP_SIZE], stamps[STAMP_SIZE:],
                                                 stamps[:STAMP_SIZE]]  # fmt: skip


def test_a_first_build_looks_for_no_orphan(office: Path) -> None:
    workspace = Workspace.open(office)
    layout = _CountingLayout(workspace)
    paths = workspace.documents()
    recorded = Recorded.read(layout)
    _CountingLayout.named = 0
    assert not any(manifest.entries for manifest in recorded.manifests.values())
    result = BuildResult()
    remove_orphans(layout, Freshness(layout, workspace.templates), recorded, "inputs/", paths,
                   {}, result)  # fmt: skip
    assert result.documents == [] and result.warnings == []
    assert _CountingLayout.named == 0  # not even the documents that failed were named


def test_a_build_lets_go_of_what_its_loader_kept_once_its_documents_are_staged(
    office: Path,
) -> None:
    from pipeline.batch import build
    from pipeline.load import lists

    workspace = Workspace.open(office)
    path = office / YEAR / "qd-b.yaml"
    loaded = workspace.load(path)  # the loader keeps it, and the index of the lists named
    loader = weakref.ref(workspace.loader)
    assert workspace.loader in lists._INDEXES
    result = build(workspace, jobs=1)
    assert result.ok, result
    assert loader() is None  # and the year's list index with it (lists._INDEXES: weak keys)
    again = workspace.load(path)  # a loader afresh
    assert again is not loaded and again.info.reference == loaded.info.reference


def test_a_long_plain_table_is_written_a_few_lines_at_a_time_as_one_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.batch import progress

    monkeypatch.setattr(progress, "_LINES_AT_ONCE", 7)
    result = BuildResult(documents=[
        DocumentResult(tmp_path / f"qd-{n}.yaml", f"inputs/2026/qd-{n}.yaml", Status.BUILT,
                       tmp_path / "2026" / f"qd-{n}.docx", seconds=n / 100)
        for n in range(40)
    ])  # fmt: skip
    progress.print_report(result)
    written = capsys.readouterr().out
    assert written == f"{progress.plain_table(result)}\n{progress.summary(result)}\n"
    assert written.count("\n") == 40 + 3  # headings, rule, a line each, the summary
