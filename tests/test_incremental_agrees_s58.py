"""An incremental build gives the bytes a clean build gives (s58).

The example workspace is edited at random, a few changes at a time and at once after each build
(inside the hash cache's racy window): a trích yếu retyped, a list's cell changed, a file
touched, rewritten with the same bytes (a new inode and change time), the office's profile given
a comment, a document removed and brought back. After each change `vanthu build` runs in the
workspace (reusing its manifests and hash cache), and again in a fresh copy of its inputs with no
outputs: every .docx of one is byte for byte the other's, and both succeed or both refuse.

One seeded run of edits in the normal suite, ten more with `pytest -m nightly`; the named
cases of each kind are in the build's own tests.
"""

from __future__ import annotations

import filecmp
import os
import random
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

STEPS = 15


def _build(cli, folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(folder)
    return CliRunner().invoke(cli, ["build"]).exit_code


def _documents(folder: Path) -> dict[str, Path]:
    out = folder / "outputs"
    return {str(p.relative_to(out)): p for p in out.rglob("*.docx")} if out.exists() else {}


class Editor:
    """Random edits of a workspace's inputs; removed documents wait in `aside`."""

    def __init__(self, workspace: Path, aside: Path, seed: int) -> None:
        self.inputs = workspace / "inputs"
        self.aside = aside
        self.rng = random.Random(seed)

    def documents(self) -> list[Path]:
        return sorted(p for p in self.inputs.rglob("*.yaml") if "co-quan" not in p.parts)

    def edit(self) -> str:
        kind = self.rng.choice(["retype", "retype", "cell", "cell", "touch", "rewrite",
                                "profile", "remove", "restore"])  # fmt: skip
        return getattr(self, kind)()

    def retype(self) -> str:
        typed = re.compile(r"^(trich_yeu: [^'\"|>\n]+)$", re.M)
        found = [p for p in self.documents() if typed.search(p.read_text("utf-8"))]
        path = self.rng.choice(found)
        digit = self.rng.randint(0, 9)
        path.write_text(typed.sub(lambda m: f"{m[1]} {digit}", path.read_text("utf-8"), 1),
                        "utf-8")  # fmt: skip
        return f"retype {path.name}"

    def cell(self) -> str:
        path = self.rng.choice(sorted(self.inputs.rglob("danh-sach*.csv")))
        lines = path.read_text("utf-8-sig").split("\n")
        row = self.rng.choice([i for i, line in enumerate(lines) if i and line.strip()])
        cells = lines[row].split(",")
        cells[1] = self.rng.choice(["Chuyên viên", "Phó Trưởng phòng", "Kế toán"])
        lines[row] = ",".join(cells)
        path.write_text("\ufeff" + "\n".join(lines), "utf-8")
        return f"cell {path.name}:{row}"

    def touch(self) -> str:
        path = self.rng.choice(sorted(self.inputs.rglob("*.*")))
        os.utime(path)
        return f"touch {path.name}"

    def rewrite(self) -> str:
        path = self.rng.choice(sorted(self.inputs.rglob("*.*")))
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)
        return f"rewrite {path.name}"

    def profile(self) -> str:
        path = self.inputs / "co-quan" / "van-phong-ubnd-son-la.yaml"
        path.write_text(path.read_text("utf-8") + f"# {self.rng.randint(0, 99)}\n", "utf-8")
        return "profile"

    def remove(self) -> str:
        path = self.rng.choice(self.documents())
        kept = self.aside / path.relative_to(self.inputs)
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, kept)
        return f"remove {path.name}"

    def restore(self, every: bool = False) -> str:
        away = sorted(self.aside.rglob("*.yaml"))
        for path in away if every else self.rng.sample(away, min(1, len(away))):
            shutil.move(path, self.inputs / path.relative_to(self.aside))
        return "restore"


# One run of edits in the normal suite (a few seconds); `pytest -m nightly` runs ten more.
@pytest.mark.parametrize(
    "seed", [1, *(pytest.param(seed, marks=pytest.mark.nightly) for seed in range(2, 12))]
)
def test_an_incremental_build_gives_a_clean_builds_bytes(
    seed: int, example_here: Path, tmp_path_factory: pytest.TempPathFactory, cli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = example_here
    editor = Editor(workspace, tmp_path_factory.mktemp("aside"), seed)
    assert _build(cli, workspace, monkeypatch) == 0
    for step in range(STEPS):
        done = [editor.edit() for _ in range(editor.rng.randint(1, 3))]
        code = _build(cli, workspace, monkeypatch)
        clean = tmp_path_factory.mktemp(f"clean{step}")
        shutil.copytree(workspace / "inputs", clean / "inputs")
        shutil.copy(workspace / "vanthu.yaml", clean / "vanthu.yaml")
        assert code == _build(cli, clean, monkeypatch), (step, done)
        if code:  # refused alike (a document another names was removed): all brought back
            editor.restore(every=True)
        else:
            built, fresh = _documents(workspace), _documents(clean)
            assert built.keys() == fresh.keys(), (step, done)
            differ = [n for n in built if not filecmp.cmp(built[n], fresh[n], shallow=False)]
            assert not differ, (step, done, differ)
        shutil.rmtree(clean)
