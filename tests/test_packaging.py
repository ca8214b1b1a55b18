"""What a user installs: every package in the wheel, no import cycle, the wheel works from an empty
folder in a fresh venv (init → render → build → verify; the sdist: test_packaging_sdist.py)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from tests.installed_package import built, installed, works_from_an_empty_folder

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


def test_the_wheel_built_from_the_sdist_works_from_an_empty_folder(tmp_path: Path) -> None:
    """The wheel as `python -m build` makes it (from the sdist), in a fresh venv. The sdist
    itself, installed by pip, is tests/test_packaging_sdist.py's: another file, so the two
    installs run side by side on two test workers."""
    wheel = built(tmp_path, "sdist", "wheel")["wheel"]
    works_from_an_empty_folder(installed(wheel, tmp_path / "venv"), tmp_path)
