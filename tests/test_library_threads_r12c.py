"""vanthu as a library behind a web portal: one Workspace shared by request threads, and paths
given as str.

A portal keeps one workspace (and its loader's caches) per office and loads every form with
the same made-up path; a load in progress in one thread is no reference cycle in another.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from pipeline.api import Renderer, load_document
from pipeline.errors import InputError
from pipeline.load import read_log
from pipeline.load.documents import Recent
from pipeline.load.yaml_source import load_yaml
from pipeline.workspace import Workspace

THREADS = 8


@pytest.fixture()
def busy_switching() -> Iterator[None]:
    """Threads switched often, so that a race shows within a few hundred loads."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def run_at_once(job: Callable[[int], Any], count: int) -> list[Any]:
    """job(0..count-1) on THREADS threads started together; each result, or what it raised."""
    start = threading.Barrier(THREADS)

    def first(_: int) -> None:
        start.wait()

    def guarded(i: int) -> Any:
        try:
            return job(i)
        except Exception as exc:  # noqa: BLE001 - what the test counts
            return exc

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(first, range(THREADS)))
        return list(pool.map(guarded, range(count)))


def test_threads_loading_forms_at_one_path_on_one_workspace(
    inputs_copy: Path, busy_switching: None
) -> None:
    """The portal's case: every request loads its form as the same path, on one workspace;
    plans and award decisions (a list read, the lists index, agency profiles) at once."""
    workspace = Workspace.containing(inputs_copy / "2022" / "ke-hoach-tdkt.yaml")
    plan = load_yaml(inputs_copy / "2022" / "ke-hoach-tdkt.yaml").data
    decision = load_yaml(inputs_copy / "2024" / "qd-bang-khen-ubnd-tinh.yaml").data
    plan_path = inputs_copy / "2022" / "form.yaml"
    decision_path = inputs_copy / "2024" / "form.yaml"

    def job(i: int) -> tuple[str, str]:
        if i % 4 == 3:  # a decision form, its list beside the path
            data, path = dict(decision), decision_path
        else:
            data, path = dict(plan), plan_path
        data["trich_yeu"] = f"Văn bản số {i} của cổng"
        document = workspace.load_mapping(data, path)
        return document.info.data.trich_yeu, f"Văn bản số {i} của cổng"

    results = run_at_once(job, 240)
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == [], f"{len(errors)} of {len(results)}: {errors[:3]}"
    assert all(got == wanted for got, wanted in results)  # each request its own form


def test_threads_loading_files_and_forms_at_once(inputs_copy: Path, busy_switching: None) -> None:
    """Data files (kept in the loader's caches) and forms at their own paths, together."""
    workspace = Workspace.containing(inputs_copy / "2022" / "ke-hoach-tdkt.yaml")
    files = sorted((inputs_copy / "2022").glob("*.yaml")) + sorted(
        (inputs_copy / "2024").glob("*.yaml")
    )
    plan = load_yaml(inputs_copy / "2022" / "ke-hoach-tdkt.yaml").data

    def job(i: int) -> Path:
        if i % 2:
            return workspace.load(files[i % len(files)]).path
        return workspace.load_mapping(plan, inputs_copy / "2022" / f"form-{i % 3}.yaml").path

    results = run_at_once(job, 160)
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == [], errors[:3]


# Run in a fresh process, where no model has built its schema yet (Record's defer_build). The
# build is slowed down, as on a loaded machine, and watched: pydantic's is not thread-safe
# (two at once of one model may delete what the other made: "has no attribute
# '__pydantic_core_schema__'", or validate by the parent's schema), so none may overlap.
FIRST_LOADS = """
import sys, threading, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pydantic._internal._model_construction as construction

complete = construction.complete_model_class
building, overlapped, lock = {}, set(), threading.Lock()

def complete_slowly(cls, *args, **kwargs):
    with lock:
        building[cls] = building.get(cls, 0) + 1
        if building[cls] > 1:
            overlapped.add(cls.__name__)
    try:
        time.sleep(0.05)
        return complete(cls, *args, **kwargs)
    finally:
        with lock:
            building[cls] -= 1

construction.complete_model_class = complete_slowly

from pipeline.api import Renderer
from pipeline.load.yaml_source import load_yaml
from pipeline.workspace import Workspace

path = Path(sys.argv[1])
workspace = Workspace.containing(path)
renderer = Renderer(workspace)
form = load_yaml(path).data
start = threading.Barrier(8)

def job(i):
    start.wait()
    try:
        document = workspace.load_mapping(form, path.with_name("form.yaml"))
        return f"{document.kind.code} {renderer.render(document)[:2]!r}"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

with ThreadPoolExecutor(8) as pool:
    print(sorted(set(pool.map(job, range(8)))), sorted(overlapped))
"""


def test_threads_meeting_a_kind_for_the_first_time(inputs_copy: Path) -> None:
    """The first forms of a kind (and of an office) loaded and rendered at once: each model
    builds its schema once, the other threads waiting, never two builds of one model at once."""
    decision = inputs_copy / "2024" / "qd-bang-khen-ubnd-tinh.yaml"
    result = subprocess.run(
        [sys.executable, "-c", FIRST_LOADS, str(decision)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[\"quyet_dinh b'PK'\"] []", result.stdout


def self_referring_submission(inputs_copy: Path) -> Path:
    """A Tờ trình whose du_thao names its own file."""
    source = inputs_copy / "2024" / "to-trinh-kem-du-thao.yaml"
    path = inputs_copy / "2024" / "to-trinh-vong.yaml"
    text = source.read_text("utf-8").replace(
        "du_thao: kem-theo/du-thao-qd-bang-khen.yaml", "du_thao: to-trinh-vong.yaml"
    )
    assert "du_thao: to-trinh-vong.yaml" in text
    path.write_text(text, "utf-8")
    return path


def test_a_real_reference_cycle_is_still_refused(inputs_copy: Path) -> None:
    path = self_referring_submission(inputs_copy)
    workspace = Workspace.containing(path)
    with pytest.raises(InputError) as caught:
        workspace.load(path)
    assert caught.value.key == "ws.reference_cycle"
    assert caught.value.field == "du_thao"
    # The same document as a form at that path.
    with pytest.raises(InputError) as caught:
        workspace.load_mapping(load_yaml(path).data, path)
    assert caught.value.key == "ws.reference_cycle"


def test_a_cycle_through_another_file_is_refused(inputs_copy: Path) -> None:
    """to-trinh-a.yaml's draft is qd-b.yaml, which issues to-trinh-a.yaml as its plan."""
    folder = inputs_copy / "2024"
    submission = (folder / "to-trinh-kem-du-thao.yaml").read_text("utf-8")
    (folder / "to-trinh-a.yaml").write_text(
        submission.replace("du_thao: kem-theo/du-thao-qd-bang-khen.yaml", "du_thao: qd-b.yaml"),
        "utf-8",
    )
    decision = (inputs_copy / "2022" / "qd-ban-hanh-ke-hoach.yaml").read_text("utf-8")
    (folder / "qd-b.yaml").write_text(
        decision.replace("ke_hoach: ke-hoach-tdkt.yaml", "ke_hoach: to-trinh-a.yaml"), "utf-8"
    )
    with pytest.raises(InputError) as caught:
        Workspace.containing(folder).load(folder / "to-trinh-a.yaml")
    assert caught.value.key == "ws.reference_cycle"


def test_a_cycle_is_refused_in_every_thread(inputs_copy: Path, busy_switching: None) -> None:
    path = self_referring_submission(inputs_copy)
    workspace = Workspace.containing(path)
    form = load_yaml(path).data
    results = run_at_once(lambda i: workspace.load_mapping(form, path), 64)
    assert all(isinstance(r, InputError) and r.key == "ws.reference_cycle" for r in results)


class SlowKey(str):
    """A key whose hashing lets other threads run (as a Path's, hashed in Python, may): the
    race between storing a key and moving it to the end is then met at once."""

    def __hash__(self) -> int:
        time.sleep(0)
        return str.__hash__(self)


def test_the_loader_caches_hold_under_threads() -> None:
    """Recent (the loader's caches) and the read log evicting while other threads reorder:
    an OrderedDict shared unguarded raises KeyError here (a key dropped by one thread while
    another moves it to the end)."""
    cache: Recent[str, int] = Recent(4)
    keys = [SlowKey(f"/nowhere/{n}.yaml") for n in range(7)]

    def use_cache(i: int) -> None:
        for n in range(100):
            cache.put(keys[(i + n) % 7], n)
            cache.get(keys[(i + n + 3) % 7])

    info = os.stat(__file__)
    names = [SlowKey(f"/nowhere/{n}.yaml") for n in range(300)]

    def use_log(i: int) -> None:
        for n in range(100):
            name = names[(i * 37 + n) % 300]
            read_log.keep(name, info, "digest")
            read_log.recall(name, info)

    assert [r for r in run_at_once(use_cache, 32) if r is not None] == []
    assert [r for r in run_at_once(use_log, 32) if r is not None] == []
    assert len(cache._items) == 4


# --- paths as str --------------------------------------------------------------------------


def test_paths_may_be_given_as_str(inputs_copy: Path) -> None:
    file = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    workspace = Workspace.containing(str(file))
    assert workspace.root == Workspace.containing(file).root
    assert Workspace.open(str(workspace.root)).data_dir == workspace.data_dir
    assert workspace.load(str(file)).path == file
    assert load_document(str(file)).path == file
    # A form's path relative to the workspace's folder, not to the current directory.
    relative = (inputs_copy / "2022" / "form.yaml").relative_to(workspace.root)
    form = load_yaml(file).data
    assert workspace.load_mapping(form, str(relative)).path == workspace.root / relative
    assert workspace.documents(str(inputs_copy / "2022")) == workspace.documents(
        inputs_copy / "2022"
    )


def test_a_form_without_a_path_stands_in_the_data_folder(inputs_copy: Path) -> None:
    workspace = Workspace.containing(inputs_copy / "2024" / "qd-bang-khen-ubnd-tinh.yaml")
    form = load_yaml(inputs_copy / "2024" / "qd-bang-khen-ubnd-tinh.yaml").data
    form["khen_thuong"]["danh_sach"] = "2024/danh-sach-bang-khen-ubnd-tinh.csv"
    document = workspace.load_mapping(form)
    assert document.path == workspace.data_dir / "bieu-mau.yaml"
    assert inputs_copy / "2024" / "danh-sach-bang-khen-ubnd-tinh.csv" in document.files
    assert Renderer(workspace).render(document)[:2] == b"PK"


def test_a_path_of_another_type_is_refused_naming_the_argument(inputs_copy: Path) -> None:
    workspace = Workspace.containing(inputs_copy)
    with pytest.raises(TypeError, match="path: expected a path"):
        workspace.load(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="start: expected a path"):
        Workspace.containing(b"inputs")  # type: ignore[arg-type]


def test_rendering_a_dict_says_to_load_it_first(inputs_copy: Path) -> None:
    file = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    workspace = Workspace.containing(file)
    with pytest.raises(TypeError, match=r"workspace\.load_mapping"):
        Renderer(workspace).render(load_yaml(file).data)  # type: ignore[arg-type]
