"""settle_old_pdf says "no PDF there" from one stat (most documents of a build): the same as
old_pdf's own look finds, and a PDF that is there is still settled as before."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch.freshness import settle_old_pdf
from pipeline.batch.old_pdf import OldPdf


def _settle(docx: Path):  # type: ignore[no-untyped-def]
    return settle_old_pdf(None, None, docx, "a" * 64, str)


def test_no_pdf_beside_the_docx_is_nothing_to_settle(tmp_path: Path) -> None:
    docx = tmp_path / "cv-01.docx"
    docx.write_bytes(b"docx")
    settled = _settle(docx)
    assert (settled.fate, settled.said) == (None, None)
    assert _settle(tmp_path / "gone" / "cv-01.docx").fate is None  # its folder gone too


def test_a_folder_named_as_the_pdf_is_no_pdf(tmp_path: Path) -> None:
    (tmp_path / "cv-01.pdf").mkdir()
    settled = _settle(tmp_path / "cv-01.docx")
    assert (settled.fate, settled.said) == (None, None)
    assert (tmp_path / "cv-01.pdf").is_dir()


def test_a_pdf_no_manifest_records_is_still_kept_and_said(tmp_path: Path) -> None:
    (tmp_path / "cv-01.pdf").write_bytes(b"%PDF-1.7 signed")
    settled = _settle(tmp_path / "cv-01.docx")
    assert settled.fate is OldPdf.UNRECORDED and settled.said
    assert (tmp_path / "cv-01.pdf").is_file()


def test_the_pdf_looked_for_is_the_one_with_suffix_names(tmp_path: Path) -> None:
    from pipeline.batch.freshness import _pdf_beside

    names = ("cv-01.docx", "a.b.docx", ".docx", "x.", "noext", "v.DOCX", "..docx", "a.docx.bak")
    for name in names:
        docx = tmp_path / "2022" / name
        assert _pdf_beside(docx) == str(docx.with_suffix(".pdf"))
