"""An office's copy of a shipped template that holds its parts unchanged (mau/ filled from the
built-in templates, or one saved again into another zip) prints what the built-in file prints,
which passes `templates check`: render and build do not check it again (a build over a copied
templates folder checked every type, about 3 s each), and an edited copy still is."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.verdict import as_shipped, office_files

BLOCK = "khoi/dau-trang"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))


def rezipped(source: Path, target: Path, change: bytes | None = None) -> None:
    """`source`'s parts written again uncompressed into `target` (other bytes, same parts),
    document.xml with `change` appended before its end when given."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if change is not None and info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", change + b"</w:body>")
            info.compress_type = zipfile.ZIP_STORED
            copy.writestr(info, data)


def test_a_copy_of_a_shipped_file_saved_again_is_not_the_office_s_own(tmp_path: Path) -> None:
    builtin = TemplateLibrary([]).builtin
    rezipped(builtin / f"{BLOCK}.docx", tmp_path / "mau" / f"{BLOCK}.docx")
    library = TemplateLibrary(tmp_path / "mau")
    assert library.is_override(BLOCK)  # still the office's file in force
    assert (tmp_path / "mau" / f"{BLOCK}.docx").read_bytes() != (
        builtin / f"{BLOCK}.docx"
    ).read_bytes()
    assert as_shipped(library, BLOCK)
    assert office_files(library, "cong-van") == []


def test_an_edited_copy_is_the_office_s_own_and_checked(tmp_path: Path) -> None:
    builtin = TemplateLibrary([]).builtin
    rezipped(builtin / f"{BLOCK}.docx", tmp_path / "mau" / f"{BLOCK}.docx", change=b"<w:p/>")
    library = TemplateLibrary(tmp_path / "mau")
    assert not as_shipped(library, BLOCK)
    assert office_files(library, "cong-van") == [BLOCK]


def test_an_office_file_without_a_shipped_one_is_its_own(tmp_path: Path) -> None:
    builtin = TemplateLibrary([]).builtin
    rezipped(builtin / f"{BLOCK}.docx", tmp_path / "mau" / "khoi" / "rieng.docx")
    assert not as_shipped(TemplateLibrary(tmp_path / "mau"), "khoi/rieng")
