"""The sdist as a user installs it: pip builds it (in its own isolated build environment) and
installs it into a fresh venv, and it works from an empty folder (init → render → build →
verify). The wheel is tests/test_packaging.py's."""

from __future__ import annotations

from pathlib import Path

from tests.installed_package import built, installed, works_from_an_empty_folder


def test_the_sdist_installed_by_pip_works_from_an_empty_folder(tmp_path: Path) -> None:
    sdist = built(tmp_path, "sdist")["sdist"]
    works_from_an_empty_folder(installed(sdist, tmp_path / "venv"), tmp_path)
