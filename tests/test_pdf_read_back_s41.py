"""A new PDF gone as soon as it is in place (s41).

Another program (a sync client, a clerk's file manager) can take a PDF away right after vanthu
puts it in place. Build and render read each new PDF back once (manifest.read_back) and say
the same thing when they cannot: before, render said it and build recorded the PDF in silence,
and the reason was Python's English words for ENOENT in a Vietnamese message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import pipeline.batch.hash_cache
import pipeline.batch.manifest
from tests.new_office import new_office
from tests.test_stale_pdf_s38 import command_args, ke_hoach, one_line, soffice
from tests.test_unreadable_outputs_s39 import no_crash, vanthu
from tests.test_unreadable_outputs_s40 import pdf_record

GONE_VI = "tệp không còn ở đó: đã bị xoá hoặc chuyển đi"
GONE_EN = "the file is no longer there: removed or moved away"


def taken_away(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    """`pdf` is removed just before vanthu first reads it back, as another program would."""
    real: Callable[[Path], str] = pipeline.batch.manifest.file_sha256

    def removed_first(path: Path) -> str:
        if Path(path).resolve() == pdf.resolve():
            pdf.unlink(missing_ok=True)
        return real(path)

    monkeypatch.setattr(pipeline.batch.manifest, "file_sha256", removed_first)
    monkeypatch.setattr(pipeline.batch.hash_cache, "file_sha256", removed_first)


@pytest.mark.parametrize("command", ["build", "render"])
@pytest.mark.parametrize(("lang", "gone"), [("vi", GONE_VI), ("en", GONE_EN)])
def test_a_new_pdf_taken_away_at_once_is_said_and_recorded_without_a_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str, lang: str, gone: str,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    soffice(tmp_path, monkeypatch, 0)
    taken_away(monkeypatch, pdf)

    result = vanthu("--lang", lang, *command_args(command, office, data), "--pdf")

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    shown = f"outputs/{data.parent.name}/ke-hoach.pdf"
    warning = (f"{shown} đã xuất xong nhưng không đọc lại được ({gone})" if lang == "vi"
               else f"{shown} was made but could not be read back ({gone})")  # fmt: skip
    assert said.count(warning) == 1, said  # once, by the step that reads it back
    monkeypatch.undo()
    assert output.is_file() and not pdf.exists()
    assert (pdf_record(office, data) or {}).get("sha256") is None
