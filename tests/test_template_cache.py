"""Prepared templates are remembered between runs, and the cache never changes an output."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from pipeline.api import Renderer, load_document
from pipeline.render import template_cache
from pipeline.render.template_cache import CACHE_ENV, cleaned

REPO = Path(__file__).resolve().parents[1]
DECISION = REPO / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def counting(calls: list[str]):
    def clean(xml: str) -> str:
        calls.append(xml)
        return xml.upper()

    return clean


def test_cleaned_once_then_read_back(cache: Path) -> None:
    calls: list[str] = []
    assert cleaned("<w:t>a</w:t>", counting(calls)) == "<W:T>A</W:T>"
    assert cleaned("<w:t>a</w:t>", counting(calls)) == "<W:T>A</W:T>"
    assert calls == ["<w:t>a</w:t>"]
    assert cleaned("<w:t>b</w:t>", counting(calls)) == "<W:T>B</W:T>"  # other XML, other key
    assert len(calls) == 2
    assert len(list((cache / "clean").iterdir())) == 2


def test_damaged_entry_is_made_again(cache: Path) -> None:
    calls: list[str] = []
    cleaned("<x/>", counting(calls))
    (entry,) = (cache / "clean").iterdir()
    entry.write_bytes(b"\xff\xfe not utf-8")
    assert cleaned("<x/>", counting(calls)) == "<X/>"
    assert len(calls) == 2
    assert entry.read_bytes().endswith(b"\n<X/>")


def test_unusable_or_turned_off_cache_does_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))  # cannot be made
    assert cleaned("<x/>", counting(calls)) == "<X/>"
    assert template_cache.bytecode_cache() is None
    monkeypatch.setenv(CACHE_ENV, "")  # turned off
    assert template_cache.cache_root() is None
    assert cleaned("<x/>", counting(calls)) == "<X/>"
    assert len(calls) == 2


def test_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert template_cache.cache_root() == Path(user_cache_dir("vanthu", appauthor=False))


def test_same_document_with_a_cold_warm_damaged_or_no_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = load_document(DECISION)
    cold = Renderer().render(document)
    assert any((cache / "jinja").rglob("*.cache")) and any((cache / "clean").iterdir())
    warm = Renderer().render(document)
    for entry in [*(cache / "jinja").rglob("*.cache"), *(cache / "clean").iterdir()]:
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    damaged = Renderer().render(document)
    monkeypatch.setenv(CACHE_ENV, "")
    uncached = Renderer().render(document)
    assert cold == warm == damaged == uncached


def test_an_edited_template_is_not_served_from_the_cache(cache: Path, tmp_path: Path) -> None:
    """Two template folders with the same names and different text, one cache: each renders
    its own text (entries are keyed by content, never by a template's name)."""
    document = load_document(DECISION)
    Renderer().render(document)  # the cache now holds the built-in quyet-dinh
    edited = tmp_path / "templates"
    shutil.copytree(REPO / "templates", edited)
    package = Document(str(edited / "quyet-dinh.docx"))
    package.add_paragraph("ĐOẠN THÊM VÀO MẪU")
    package.save(str(edited / "quyet-dinh.docx"))
    output = Renderer(edited).render(document)
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        assert "ĐOẠN THÊM VÀO MẪU" in archive.read("word/document.xml").decode("utf-8")


def test_a_warm_run_needs_neither_docxtpl_nor_python_docx(cache: Path) -> None:
    """What the cache is for: a run whose templates were prepared before imports neither."""
    probe = (
        "import sys\n"
        "from pipeline.api import Renderer, load_document\n"
        f"Renderer().render(load_document(__import__('pathlib').Path({str(DECISION)!r})))\n"
        "print(sorted(m for m in ('docxtpl', 'docx') if m in sys.modules))\n"
    )
    env = {**os.environ, CACHE_ENV: str(cache)}
    runs = [
        subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert runs[0].stdout.strip() == "['docx', 'docxtpl']"  # cold: prepared with docxtpl
    assert runs[1].stdout.strip() == "[]"


def test_code_compiled_under_other_settings_is_not_reused(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja keys compiled code by source only; vanthu keeps it in a folder per compiler
    identity (Jinja's version, the modules that set up the environment), so a vanthu whose
    environment changed (autoescaping, the sandbox) compiles again."""
    document = load_document(DECISION)
    first = Renderer().render(document)
    monkeypatch.setattr(template_cache, "_compiler_identity", lambda: "another-setup")
    again = Renderer().render(document)
    folders = sorted(p.name for p in (cache / "jinja").iterdir())
    assert len(folders) == 2 and "another-setup" in folders
    assert any((cache / "jinja" / "another-setup").glob("*.cache"))
    assert first == again


def test_the_environment_modules_named_exist() -> None:
    """A module renamed or moved would silently drop out of the compiler identity."""
    here = Path(template_cache.__file__).parent
    assert all((here / name).is_file() for name in template_cache._ENVIRONMENT_MODULES)


def _age(path: Path, days: float) -> None:
    past = time.time() - days * 86_400
    os.utime(path, (past, past))


def test_entries_unused_for_long_are_removed_when_the_cache_grows(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edit of a template and every new vanthu or Jinja adds entries never read again:
    reading an entry marks it used, and writing a new one removes those unused for
    UNUSED_DAYS (with the compiled-code folders left empty). Nothing else in the folder."""
    document = load_document(DECISION)
    first = Renderer().render(document)
    entries = [*(cache / "jinja").rglob("*.cache"), *(cache / "clean").iterdir()]
    assert len(entries) >= 2
    stale = cache / "clean" / ("0" * 64 + ".xml")  # an edited template's, unused since
    stale.write_bytes(b"x")
    old_setup = cache / "jinja" / "older-vanthu"
    old_setup.mkdir()
    (old_setup / "__jinja2_abc.cache").write_bytes(b"x")
    foreign = cache / "notes.txt"  # VANTHU_CACHE_DIR may name a folder holding other files
    foreign.write_text("keep me")
    days = template_cache.UNUSED_DAYS
    for path in [*entries, stale, old_setup / "__jinja2_abc.cache", foreign]:
        _age(path, days + 1)
    for path in entries[:1]:
        _age(path, days - 1)  # used a while ago, within the time

    assert Renderer().render(document) == first  # every entry read: marked used, none written
    assert stale.exists() and old_setup.exists()
    assert all(time.time() - p.stat().st_mtime < 60 for p in entries)

    calls: list[str] = []
    cleaned("<w:t>mới</w:t>", counting(calls))  # a new entry: the cache grows, and is pruned
    assert calls and not stale.exists() and not old_setup.exists()
    assert all(p.exists() for p in entries) and foreign.exists()
    assert Renderer().render(document) == first


def test_pruning_never_fails_a_run(cache: Path) -> None:
    assert template_cache.prune() == []  # no cache folder yet
    cache.mkdir()
    (cache / "clean").write_text("a file where a folder should be")
    assert template_cache.prune() == []


def test_a_large_part_is_compressed_once_into_the_same_bytes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template's large parts (its styles) are compressed once for all runs: the cache gives
    the very member zlib makes, cold, warm, damaged or turned off."""
    from pipeline.render.builtin import builtin_templates
    from pipeline.render.package import Package
    from pipeline.render.zipwriter import Member

    frame = Package.read(builtin_templates() / "khung.docx")
    plain = [Member.deflate(name, data) for name, data in frame.parts.items()]
    assert frame.members() == plain  # cold: compressed, and kept
    (entry,) = (cache / "deflated").iterdir()  # the styles alone
    assert frame.members() == plain  # warm
    entry.write_bytes(entry.read_bytes()[:100])
    assert frame.members() == plain  # damaged: compressed again
    monkeypatch.setattr(template_cache, "zlib_identity", lambda level: b"another zlib")
    assert frame.members() == plain
    assert len(list((cache / "deflated").iterdir())) == 2  # another zlib, another entry
    monkeypatch.setenv(CACHE_ENV, "")
    assert frame.members() == plain
