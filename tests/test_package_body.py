"""A template's body is composed from a few parts of its .docx (Package.read_body): the whole
package is read the first time its bytes are met, which refuses one with a part that does not
read; after that only the parts the body needs, which give the same body, pictures and links."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import TemplateError
from pipeline.render.builtin import builtin_templates
from pipeline.render.package import DOCUMENT_PART, Package, carry
from pipeline.render.template_cache import CACHE_ENV
from tests.test_template_media import add_logo

STYLES = "word/styles.xml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def with_logo(tmp_path: Path) -> Path:
    path = tmp_path / "dau-trang.docx"
    shutil.copy(builtin_templates() / "khoi" / "dau-trang.docx", path)
    add_logo(path, in_table=True)
    return path


def test_a_package_read_whole_once_gives_the_same_body_after(cache: Path, tmp_path: Path) -> None:
    path = with_logo(tmp_path)
    whole = Package.read(path)
    first = Package.read_body(path)
    assert first.parts == whole.parts  # met for the first time: read whole
    again = Package.read_body(path)
    assert STYLES not in again.parts  # the parts the body needs alone
    assert again.text(DOCUMENT_PART) == whole.text(DOCUMENT_PART)
    body = whole.text(DOCUMENT_PART)
    carried = carry(whole, body, "khoi-dau-trang")
    assert carried[1].parts  # the logo
    assert carry(again, body, "khoi-dau-trang") == carried


def test_without_a_cache_the_package_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, "")
    path = with_logo(tmp_path)
    assert (
        Package.read_body(path).parts == Package.read_body(path).parts == Package.read(path).parts
    )


def test_a_package_with_a_part_that_does_not_read_is_refused_each_time(
    cache: Path, tmp_path: Path
) -> None:
    """Its styles are never composed into an output, yet a .docx whose part does not read (a
    damaged copy) is refused, as it was when every part was read every time."""
    with zipfile.ZipFile(builtin_templates() / "khoi" / "dau-trang.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[STYLES] = parts[STYLES].replace(b"<w:styles", b"<w:styles data-marker='1'", 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data, zipfile.ZIP_STORED)
    raw = buffer.getvalue().replace(b"data-marker='1'", b"data-marker='2'")  # its CRC is wrong
    path = tmp_path / "damaged.docx"
    path.write_bytes(raw)
    refusals = []
    for read in (Package.read_body, Package.read_body, Package.read):
        with pytest.raises(TemplateError) as caught:
            read(path)
        refusals.append((caught.value.key, caught.value.params))
    assert refusals[0][0] == "render.template_not_docx"
    assert refusals[0] == refusals[1] == refusals[2]


def test_a_missing_file_is_said_as_before(cache: Path, tmp_path: Path) -> None:
    for read in (Package.read_body, Package.read):
        with pytest.raises(TemplateError) as caught:
            read(tmp_path / "khong-co.docx")
        assert caught.value.key == "render.template_missing"


def test_whether_a_template_is_a_phoi_is_read_once(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TemplateLibrary.is_form reads a template whole and searches its styles once for its
    bytes; after that the answer is kept (template_cache.answer_of), the same."""
    from pipeline.render.compose import TemplateLibrary

    cold = {name: TemplateLibrary().is_form(name) for name in ("giay-khen", "quyet-dinh")}
    assert cold == {"giay-khen": True, "quyet-dinh": False}
    read = Package.read

    def refused(*args: object, **kwargs: object) -> Package:
        raise AssertionError("read whole again")

    monkeypatch.setattr(Package, "read", refused)
    assert {name: TemplateLibrary().is_form(name) for name in cold} == cold
    monkeypatch.setattr(Package, "read", read)
    monkeypatch.setenv(CACHE_ENV, "")
    assert {name: TemplateLibrary().is_form(name) for name in cold} == cold
