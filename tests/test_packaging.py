"""What a user installs: every package in the wheel, no import cycle, the wheel and the sdist work
from an empty folder in a fresh venv (init → render → build → verify)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "pipeline"


def listed_packages() -> set[str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return set(data["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    on_disk = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    assert on_disk | {"pipeline.templates"} == listed_packages()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The pipeline modules `path` imports, at any depth (inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from package import module` imports the module; `from module import name`, it
            names = [
                f"{node.module}.{alias.name}"
                if f"{node.module}.{alias.name}" in modules
                else node.module
                for alias in node.names
            ]
        found.update(name for name in names if name in modules)
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    modules = set(files)
    graph = {name: imports_of(path, modules) - {name} for name, path in files.items()}
    assert "pipeline.kinds" in graph["pipeline.load.documents"]  # the walk sees imports
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str], done: set[str]) -> None:
        for target in sorted(graph[node]):
            if target in stack:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in done:
                visit(target, [*stack, target], done)
        done.add(node)

    done: set[str] = set()
    for name in sorted(graph):
        if name not in done:
            visit(name, [name], done)
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=env, check=False)  # fmt: skip
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, and the wheel built from it (as `python -m build` does)."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(REPO)],
        cwd=out)  # fmt: skip
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_installed_package_works_from_an_empty_folder(
    kind: str, dists: dict[str, Path], tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", str(dists[kind])], cwd=tmp_path)
    vanthu = str(env_dir / "bin" / "vanthu")
    work = tmp_path / "empty"
    work.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment["VANTHU_LANG"] = "vi"
    # From an empty folder, nothing of the repository on any path.
    run([vanthu, "init", "van-phong", "--kieu", "van-phong", "--dia-danh", "Sơn La",
         "--nguoi-ky", "Nguyễn Văn A"], cwd=work, env=environment)  # fmt: skip
    office = work / "van-phong"
    starter = next((office / "inputs").glob("20*/ke-hoach.yaml"))
    run([vanthu, "render", str(starter.relative_to(office))], cwd=office, env=environment)
    run([vanthu, "new", "quyet-dinh", "-o", str(starter.parent / "qd.yaml")], cwd=office,
        env=environment)  # fmt: skip
    built = run([vanthu, "build", "-j", "1"], cwd=office, env=environment)
    assert "qd.yaml" in built
    outputs = sorted((office / "outputs").glob("20*/*.docx"))
    assert [p.name for p in outputs] == ["ke-hoach.docx", "qd.docx"]
    run([vanthu, "verify", *map(str, outputs)], cwd=office, env=environment)
    listing = run([vanthu, "templates", "list"], cwd=office, env=environment)
    assert "site-packages" not in listing  # built-ins are not shown as the office's own
    run([vanthu, "templates", "check"], cwd=office, env=environment)
