"""The cycle collector paused while a command's package is imported, and less eager during a
build; every setting put back (pipeline/gc_policy.py)."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.gc_policy import (
    BATCH_THRESHOLD,
    command_line,
    fewer_collections,
    lasting_objects,
    late_imports,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def collector() -> Iterator[None]:
    """The collector's settings of this test process as they were, whatever a test did."""
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_lasting_objects_pauses_collection_then_freezes_what_was_made(collector: None) -> None:
    gc.enable()
    gc.unfreeze()
    with lasting_objects():
        assert not gc.isenabled()
        made = [[index] for index in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_lasting_objects_leaves_a_disabled_collector_disabled(collector: None) -> None:
    gc.disable()
    with pytest.raises(ValueError), lasting_objects():
        raise ValueError("an import that fails")
    assert not gc.isenabled()


def test_fewer_collections_raises_the_threshold_and_puts_it_back(collector: None) -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == (BATCH_THRESHOLD, 10, 10)
        raise RuntimeError("a failing build")
    assert gc.get_threshold() == (700, 10, 10)
    gc.set_threshold(50_000, 5, 5)  # someone who wants even fewer: never more often
    with fewer_collections():
        assert gc.get_threshold() == (50_000, 5, 5)
    gc.set_threshold(0)  # no automatic collection at all: stays so
    with fewer_collections():
        assert gc.get_threshold()[0] == 0


def test_build_workers_hold_the_threshold_only_while_they_run(collector: None) -> None:
    from pipeline.batch.runner import Workers
    from pipeline.workspace import Workspace

    gc.set_threshold(700, 10, 10)
    workers = Workers(1, Workspace.containing(REPO / "inputs"))
    with workers:
        assert gc.get_threshold()[0] == BATCH_THRESHOLD
    assert gc.get_threshold() == (700, 10, 10)  # put back by __exit__, the workers still held
    del workers


def test_the_command_line_freezes_a_command_package_it_imports() -> None:
    # In a process of its own: freezing is for the whole process, as the command line's is.
    probe = (
        "import gc, sys\n"
        "from click.testing import CliRunner\n"
        "from pipeline.cli import main\n"
        "before = gc.get_freeze_count()\n"
        "result = CliRunner().invoke(main, ['verify', '--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'pipeline.verify.command' in sys.modules\n"
        "print(gc.get_freeze_count() - before, gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    frozen, enabled = done.stdout.split()
    assert int(frozen) > 1000 and enabled == "True"


def late_import_frozen(year: Path, out: Path, through: str) -> str:
    """Whether the build's workers' modules, imported by a build of `year` made `through` the
    command line or the library, ended frozen (gc.get_objects leaves frozen objects out)."""
    # In a process of its own: the workers' modules imported by that build, not before.
    probe = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from click.testing import CliRunner\n"
        "from pipeline.batch.builder import build\n"
        "from pipeline.batch.discover import workspace_of\n"
        "from pipeline.cli import main\n"
        "year, out = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "assert 'pipeline.batch.runner' not in sys.modules\n"
        "if sys.argv[3] == 'cli':\n"
        "    done = CliRunner().invoke(main, ['build', '-j', '1', str(year), '-o', str(out)])\n"
        "    assert done.exit_code == 0, done.output\n"
        "else:\n"
        "    workspace, folder = workspace_of(year)\n"
        "    assert build(workspace.with_output(out), folder, jobs=1).ok\n"
        "from pipeline.batch.runner import stage_batch\n"
        "print(all(o is not stage_batch for o in gc.get_objects()), gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(year), str(out), through],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_a_builds_workers_are_frozen_on_the_command_line_only(
    inputs_copy: Path, tmp_path: Path
) -> None:
    year = inputs_copy / "2022"
    for data in year.glob("*.yaml"):  # one decision is enough to start the workers
        if data.name != "qd-lao-dong-tien-tien.yaml":
            data.unlink()
    assert late_import_frozen(year, tmp_path / "cli", "cli") == "True True"
    assert late_import_frozen(year, tmp_path / "library", "library") == "False True"


def test_late_imports_pause_and_freeze_only_while_the_command_line_runs(collector: None) -> None:
    gc.enable()
    with late_imports():
        assert gc.isenabled()  # a library caller's
    with command_line():
        with late_imports():
            assert not gc.isenabled()
        assert gc.isenabled()
    with late_imports():
        assert gc.isenabled()  # the command is over


def test_a_build_holds_the_threshold_while_placing_and_puts_it_back(
    collector: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build's serial end (placing, manifests, hash cache) runs with the staging's threshold;
    the process's own is back once the build returns, or once it stops on an invalid input."""
    import shutil

    from pipeline.batch import build, builder
    from pipeline.batch.hash_cache import HashCache
    from pipeline.workspace import Workspace

    seen: dict[str, int] = {}
    finish, save = builder.finish, HashCache.save

    def finishing(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["placing"] = gc.get_threshold()[0]
        return finish(*args, **kwargs)

    def saving(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen["saving"] = gc.get_threshold()[0]
        return save(self, *args, **kwargs)

    monkeypatch.setattr(builder, "finish", finishing)
    monkeypatch.setattr(HashCache, "save", saving)
    inputs = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", inputs)
    gc.set_threshold(700, 10, 10)
    assert build(Workspace.containing(inputs).with_output(tmp_path / "out"), inputs, jobs=1).ok
    assert seen == {"placing": BATCH_THRESHOLD, "saving": BATCH_THRESHOLD}
    assert gc.get_threshold() == (700, 10, 10)
    broken = inputs / "2022" / "broken.yaml"
    broken.write_text("loai: [\n", encoding="utf-8")  # invalid: the build stops, writes nothing
    assert build(Workspace.containing(inputs).with_output(tmp_path / "out2"), inputs,
                 jobs=1).stopped
    assert gc.get_threshold() == (700, 10, 10)
