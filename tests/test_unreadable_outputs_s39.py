"""An output already in the output folder that cannot be read (s39).

No permission to read it, or, on Windows, a .docx or PDF held open by Word or a PDF reader:
hashing it raised OSError, and build, render and verify stopped with vanthu's internal error.
Now what is there is never written over nor removed while it cannot be read (it may be a
clerk's edit, or a signed PDF):

1. build: the document that would write over it fails, naming the file and why; the others
   are built, the exit code is 1. A PDF only compared (no --pdf) is kept with a warning, and
   stays recorded; an orphan is kept with a warning; a manifest.json is taken for damaged (the
   outputs compared instead) and written anew; the hash cache is left as it is.
2. render --force over it refuses the call before anything is written.
3. verify says the file could not be read, in the user's words, not as a damaged .docx.

The tests run as root, for whom chmod cannot make a file unreadable: the one path is made to
refuse opening (io.open, builtins.open) with PermissionError, as Windows refuses a file held
open.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from tests.new_office import new_office
from tests.test_stale_pdf_s38 import SIGNED, changed, ke_hoach, one_line, recorded_pdf, soffice

UNREADABLE = "không có quyền đọc, hoặc tệp đang mở trong chương trình khác"
LEFT = "nên không biết tệp đã bị sửa tay hay chưa: tệp được để nguyên, không ghi đè"
INTERNAL = "Lỗi nội bộ"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Opening `path` (and only it) is refused, as no permission or Windows' lock refuses it."""
    target = os.path.realpath(path)
    real: Callable[..., Any] = io.open

    def guarded(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == target:
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(builtins, "open", guarded)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_crash(result: Result) -> None:
    assert INTERNAL not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output


def second_document(data: Path) -> Path:
    """Another Kế hoạch beside `data`, numbered otherwise: its .docx."""
    other = data.with_name("ke-hoach-2.yaml")
    text = data.read_text("utf-8").replace("khen thưởng năm 2026\n", "thi đua năm 2026\n", 1)
    other.write_text(text, "utf-8")
    return data.parents[2] / "outputs" / data.parent.name / "ke-hoach-2.docx"


def forget_hashes(office: Path) -> None:
    """The hash cache gone: the next build reads each output again (as after it was touched)."""
    (office / "outputs/.vanthu-hashes.json").unlink(missing_ok=True)


# 1. build ------------------------------------------------------------------------------------


def built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[Path, Path, Path, Path]:
    """A new office whose Kế hoạch is built (`args`: "--pdf", with a working fake soffice):
    the office, its data file, its .docx and its PDF's path."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    if "--pdf" in args:
        soffice(tmp_path, monkeypatch, 0)
    assert vanthu("build", *args).exit_code == 0
    return office, data, output, pdf


@pytest.mark.parametrize("data_changed", [False, True])
def test_a_build_over_an_unreadable_docx_fails_that_document_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_changed: bool,
) -> None:
    office, data, output, _ = built(tmp_path, monkeypatch)
    other = second_document(data)
    if data_changed:
        changed(data)
    before = output.read_bytes()
    forget_hashes(office)
    unreadable(monkeypatch, output)

    result = vanthu("build")

    no_crash(result)
    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert f"không đọc được outputs/{data.parent.name}/ke-hoach.docx có sẵn ({UNREADABLE})" \
        in said, said
    assert LEFT in said
    monkeypatch.undo()
    assert output.read_bytes() == before
    assert other.is_file()  # the other document built
    assert list(output.parent.glob(".*.tmp")) == []  # nothing half-written left
    assert list(output.parent.glob("*.sua-tay*")) == []


@pytest.mark.parametrize("data_changed", [False, True])
def test_a_build_with_pdfs_over_an_unreadable_pdf_fails_that_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    data_changed: bool,
) -> None:
    office, data, output, pdf = built(tmp_path, monkeypatch, "--pdf")
    pdf.write_bytes(SIGNED)  # signed, then held open in a PDF reader
    if data_changed:
        changed(data)
    docx = output.read_bytes()
    forget_hashes(office)
    unreadable(monkeypatch, pdf)

    result = vanthu("--lang", "en", "build", "--pdf")

    no_crash(result)
    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert (f"outputs/{data.parent.name}/ke-hoach.pdf, already there, could not be read "
            "(permission denied, or another program holds the file open)") in said, said
    assert "it was left as it is, not written over" in said
    monkeypatch.undo()
    assert pdf.read_bytes() == SIGNED and output.read_bytes() == docx
    assert list(output.parent.glob("*.sua-tay*")) == []


@pytest.mark.parametrize("data_changed", [False, True])
def test_a_build_without_pdfs_keeps_an_unreadable_pdf_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    data_changed: bool,
) -> None:
    """No PDF asked for: the PDF is only compared. Kept as it is, never removed, and still
    recorded as vanthu made it (the next --pdf build reads it again); with the .docx made
    anew, said to be perhaps no longer matching it."""
    office, data, output, pdf = built(tmp_path, monkeypatch, "--pdf")
    made = recorded_pdf(office, data)
    before = pdf.read_bytes()
    if data_changed:
        changed(data)
    forget_hashes(office)
    unreadable(monkeypatch, pdf)

    result = vanthu("build")

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    if data_changed:
        assert (f"outputs/{data.parent.name}/ke-hoach.pdf có sẵn được giữ nguyên vì không đọc "
                f"được ({UNREADABLE}), nên không biết nó có còn khớp với "
                f"outputs/{data.parent.name}/ke-hoach.docx vừa dựng lại hay không") in said, said
    else:  # unchanged, nothing to say: the PDF was only compared
        assert "0 đã dựng, 1 không đổi, 0 lỗi" in said and "ke-hoach.pdf" not in said, said
    monkeypatch.undo()
    assert pdf.read_bytes() == before
    assert recorded_pdf(office, data) == made


def test_an_unreadable_orphan_is_kept_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    office, data, output, _ = built(tmp_path, monkeypatch)
    data.rename(data.with_name("ke-hoach-moi.yaml"))  # its old output an orphan now
    before = output.read_bytes()
    forget_hashes(office)
    unreadable(monkeypatch, output)

    result = vanthu("build")

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    assert (f"không xóa được {output} (đầu vào inputs/{data.parent.name}/ke-hoach.yaml không "
            f"còn tạo ra tệp này): không đọc được tệp ({UNREADABLE}) để biết nó có còn là bản "
            "vanthu đã ghi hay không; tệp được để nguyên") in said, said
    assert "không có quyền ghi" not in said  # nothing was refused writing
    monkeypatch.undo()
    assert output.read_bytes() == before
    assert output.with_name("ke-hoach-moi.docx").is_file()


def test_an_unreadable_manifest_is_taken_for_damaged_and_written_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """vanthu's own record: the outputs are compared instead (none differs here) and the
    manifest is written again, recording them."""
    office, data, output, _ = built(tmp_path, monkeypatch)
    manifest = output.parent / "manifest.json"
    docx = output.read_bytes()
    unreadable(monkeypatch, manifest)

    result = vanthu("build")

    no_crash(result)
    assert result.exit_code == 0, result.output
    assert f"không đọc được outputs/{data.parent.name}/manifest.json" in one_line(result)
    monkeypatch.undo()
    assert output.read_bytes() == docx
    recorded = json.loads(manifest.read_text("utf-8"))["documents"]
    assert recorded[str(data.relative_to(office))]["output"]["sha256"] == sha256(output)


def test_an_unreadable_hash_cache_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only an accelerator: the files are hashed, and the cache is not written over."""
    office, data, _, _ = built(tmp_path, monkeypatch)
    cache = office / "outputs/.vanthu-hashes.json"
    before = cache.read_bytes()
    changed(data)  # something to remember anew
    unreadable(monkeypatch, cache)

    result = vanthu("build")

    no_crash(result)
    assert result.exit_code == 0, result.output
    monkeypatch.undo()
    assert cache.read_bytes() == before


# 2. render --------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["docx", "pdf"])
def test_render_force_over_an_unreadable_output_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    which: str,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    name = str(data.relative_to(office))
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu("render", name, "--pdf").exit_code == 0
    changed(data)
    target = output if which == "docx" else pdf
    files = {path: path.read_bytes() for path in (output, pdf)}
    manifest = (output.parent / "manifest.json").read_bytes()
    unreadable(monkeypatch, target)

    result = vanthu("render", "--force", name, "--pdf")

    no_crash(result)
    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert f"không đọc được outputs/{data.parent.name}/ke-hoach.{which} có sẵn ({UNREADABLE})" \
        in said, said
    monkeypatch.undo()
    assert {path: path.read_bytes() for path in (output, pdf)} == files
    assert (output.parent / "manifest.json").read_bytes() == manifest
    assert list(output.parent.glob("*.sua-tay*")) == []
    assert list(output.parent.glob(".*.tmp")) == []


def test_render_without_pdf_keeps_an_unreadable_pdf_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    name = str(data.relative_to(office))
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu("render", name, "--pdf").exit_code == 0
    made = recorded_pdf(office, data)
    before = pdf.read_bytes()
    changed(data)
    unreadable(monkeypatch, pdf)

    result = vanthu("render", "--force", name)

    no_crash(result)
    assert result.exit_code == 0, result.output
    assert f"ke-hoach.pdf có sẵn được giữ nguyên vì không đọc được ({UNREADABLE})" \
        in one_line(result)
    monkeypatch.undo()
    assert pdf.read_bytes() == before
    assert recorded_pdf(office, data) == made


# 3. verify -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_outputs_says_an_unreadable_docx_in_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
) -> None:
    office, data, output, _ = built(tmp_path, monkeypatch)
    shutil.copy(output, output.with_name("ban-sao.docx"))  # one readable beside it
    unreadable(monkeypatch, output)

    result = vanthu("--lang", lang, "verify", "outputs")

    no_crash(result)
    assert result.exit_code == 2, result.output
    said = one_line(result)
    words = {
        "vi": f"outputs/{data.parent.name}/ke-hoach.docx: không đọc được tệp ({UNREADABLE})",
        "en": f"outputs/{data.parent.name}/ke-hoach.docx: the file could not be read "
              "(permission denied, or another program holds it open)",
    }[lang]
    assert words in said, said
    assert "Errno" not in said and ".docx đọc được" not in said
