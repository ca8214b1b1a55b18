"""Shared fixtures: the repository, the expected-text fixtures, rendered example documents."""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from docx import Document

# Messages in Vietnamese whatever the machine's locale; tests of English set their own.
os.environ["VANTHU_LANG"] = "vi"
# Prepared templates are cached in a folder of this test run, not in the user's cache (every
# process the tests start inherits it); tests of the cache set their own.
os.environ["VANTHU_CACHE_DIR"] = tempfile.mkdtemp(prefix="vanthu-test-cache-")
TEST_CACHE = os.environ["VANTHU_CACHE_DIR"]


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's template cache goes with it (in each xdist worker too, which leaves without
    the interpreter's atexit handlers)."""
    shutil.rmtree(TEST_CACHE, ignore_errors=True)

REPO = Path(__file__).resolve().parents[1]
# The restored reference plan, kept with the tests as a fixture: a fresh clone alone passes.
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN_INPUT = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"


def _templates_of_this_checkout() -> None:
    """The built-in templates are this checkout's templates/: an editable install made from
    another checkout (a git worktree beside it) would otherwise lend its own, older ones."""
    from importlib import resources

    import pipeline.render.builtin as builtin
    import pipeline.render.compose as compose

    installed = Path(str(resources.files("pipeline.templates"))).resolve()
    if installed != (REPO / "templates").resolve():
        compose.builtin_templates = builtin.builtin_templates = lambda: REPO / "templates"


_templates_of_this_checkout()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject's addopts): one worker per core this process may use, at most 4.
    Each worker starts its own LibreOffice and PostgreSQL when its tests need them, so more
    workers than that cost memory without saving time."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, 4))


@pytest.fixture(autouse=True)
def _messages_in_vietnamese():
    """Each test starts in Vietnamese: a command run with --lang en (or an English locale)
    sets the process's message language, which would otherwise carry into the next test."""
    from pipeline.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """LibreOffice's soffice, which the PDF tests run for real. Missing, they fail rather than
    skip: a skipped test proves nothing, and .ci/run installs it (libreoffice-writer)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail("LibreOffice (soffice) is not installed: install libreoffice-writer "
                    "(.ci/run does)", pytrace=False)
    return found


@pytest.fixture(scope="session")
def pdf_build_ready(libreoffice: str) -> None:
    """What `vanthu build --pdf` needs beside soffice (unoserver, of the [test] extra, and a
    Python with LibreOffice's uno): missing, the test fails saying which."""
    from pipeline.batch import office
    from pipeline.errors import ConversionError

    try:
        office.find_soffice()
        office.unoserver_dist()
    except ConversionError as exc:
        pytest.fail(exc.message(), pytrace=False)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def renderer():
    from pipeline.api import Renderer

    return Renderer(REPO / "templates")


@pytest.fixture(scope="session")
def plan_docx(tmp_path_factory: pytest.TempPathFactory, renderer) -> Path:
    """The 2022 plan rendered once for the session."""
    out = tmp_path_factory.mktemp("plan") / "ke-hoach-tdkt.docx"
    renderer.render_file(PLAN_INPUT, out)
    return out


@pytest.fixture(scope="session")
def plan_document(plan_docx: Path):
    return Document(str(plan_docx))


@pytest.fixture()
def inputs_copy(tmp_path: Path) -> Path:
    """A writable copy of inputs/ (agency profile and the 2022 plan)."""
    target = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", target)
    return target


@pytest.fixture()
def example_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example workspace (vanthu.yaml and inputs/), as the current folder."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def reference_body_paragraphs() -> list[str]:
    """The body paragraphs of the reference plan, markdown emphasis removed."""
    text = (FIXTURES / "ke-hoach-tdkt-2022.md").read_text("utf-8")
    body = text.split("\n---\n")[1]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Thực hiện Kế hoạch"))
    return [re.sub(r"\*+", "", p) for p in paragraphs[start:]]


@pytest.fixture()
def cli():
    """The `vanthu` command group (errors → one message, exit 1)."""
    from pipeline.cli import main

    return main


# --- PDF conversion without unoserver ------------------------------------------------------


@pytest.fixture()
def no_unoserver(monkeypatch: pytest.MonkeyPatch) -> None:
    """unoserver cannot be imported (nor found), whether or not this Python has it: --pdf goes
    through LibreOffice's command line (pipeline.batch.pdf_soffice)."""
    monkeypatch.setitem(sys.modules, "unoserver", None)
    with pytest.raises(ImportError):
        import unoserver  # noqa: F401


@pytest.fixture()
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the converter's private LibreOffice profile goes in."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
