"""The frame's styles a context asks of are kept in the template cache (render.kept_styles): the
answers read back are those the styles give, and the styles are not read for them again."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.render.builtin import builtin_templates
from pipeline.render.kept_styles import kept_styles
from pipeline.render.styles import StyleSheet
from pipeline.render.template_cache import CACHE_ENV


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def frame_styles() -> bytes:
    with zipfile.ZipFile(builtin_templates() / "khung.docx") as frame:
        return frame.read("word/styles.xml")


def assert_answers_alike(kept: StyleSheet, read: StyleSheet) -> None:
    for style_id in [None, "", "KhongCo", *read.by_id]:
        assert kept.paragraph_style_run(style_id) == read.paragraph_style_run(style_id)
        props = kept.style_paragraph_props(style_id)
        assert props == read.style_paragraph_props(style_id)
        assert list(props) == list(read.style_paragraph_props(style_id))
        props["added"] = True  # a caller's own dict (FormSheet adds to it)
        assert "added" not in kept.style_paragraph_props(style_id)


def test_kept_answers_are_the_styles_own(cache: Path) -> None:
    xml = frame_styles()
    read = StyleSheet(xml)
    cold = kept_styles(xml)
    assert any((cache / "styles").iterdir())
    warm = kept_styles(xml)
    for style_id in [None, *read.by_id]:
        warm.paragraph_style_run(style_id)
        warm.style_paragraph_props(style_id)
    assert "root" not in vars(warm)  # answered without reading the styles
    assert_answers_alike(warm, read)
    assert_answers_alike(cold, read)


def test_damaged_or_no_cache_reads_the_styles(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xml = frame_styles()
    read = StyleSheet(xml)
    kept_styles(xml)
    (entry,) = (cache / "styles").iterdir()
    entry.write_bytes(entry.read_bytes()[:50])
    assert_answers_alike(kept_styles(xml), read)
    monkeypatch.setenv(CACHE_ENV, "")
    assert_answers_alike(kept_styles(xml), read)


def test_other_styles_are_other_answers(cache: Path) -> None:
    xml = frame_styles()
    kept_styles(xml)
    edited = xml.replace(b'<w:sz w:val="28"/>', b'<w:sz w:val="30"/>')
    assert edited != xml
    assert_answers_alike(kept_styles(edited), StyleSheet(edited))
    before, after = StyleSheet(xml), kept_styles(edited)
    assert any(after.paragraph_style_run(style) != before.paragraph_style_run(style)
               for style in before.by_id)  # fmt: skip
