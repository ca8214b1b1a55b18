"""vanthu build and an output edited by hand: kept, with a warning, while its data and template
are unchanged (the manifest entry too); made again, with a warning naming it, when its data
changed or --force; simply made again when deleted."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import TracebackType

import click
import pytest
from click.testing import CliRunner

from pipeline.batch import BuildResult, Status, build
from pipeline.batch import builder as builder_module
from pipeline.workspace import Workspace

JOBS = 2
LETTER = "2024/cv-don-doc-bao-cao-tdkt"
NAME = f"inputs/{LETTER}.yaml"
EDIT = b"clerk's comma"


def run_build(folder: Path, out: Path, *, force: bool = False, pdf: bool = False) -> BuildResult:
    workspace = Workspace.containing(folder).with_output(out)
    return build(workspace, folder, jobs=JOBS, force=force, pdf=pdf)


def status(result: BuildResult, name: str = NAME) -> Status:
    return next(d.status for d in result.documents if d.name == name)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def year(inputs_copy: Path) -> Path:
    return inputs_copy / "2024"


@pytest.fixture
def out(year: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    assert run_build(year, folder).ok
    return folder


@pytest.fixture
def edited(out: Path) -> Path:
    output = out / f"{LETTER}.docx"
    output.write_bytes(output.read_bytes() + EDIT)
    return output


def test_an_output_edited_by_hand_is_kept_with_a_warning(
    year: Path, out: Path, edited: Path
) -> None:
    manifest = (out / "2024" / "manifest.json").read_bytes()
    result = run_build(year, out)
    assert result.ok and not result.warnings
    assert edited.read_bytes().endswith(EDIT)
    assert [(d.name, d.output) for d in result.kept] == [(NAME, edited)]
    message = result.kept[0].error or ""
    assert str(edited) in message and NAME in message and "đã bị sửa" in message
    assert "vanthu build --force" in message and "xóa tệp" in message
    others = {d.status for d in result.documents if d.name != NAME}
    assert others == {Status.UNCHANGED}
    assert (out / "2024" / "manifest.json").read_bytes() == manifest  # entry as it was

    again = run_build(year, out)  # said again while the edit stays
    assert status(again) is Status.KEPT and edited.read_bytes().endswith(EDIT)


def test_force_makes_it_again_and_says_the_edit_is_gone(
    year: Path, out: Path, edited: Path
) -> None:
    result = run_build(year, out, force=True)
    assert result.ok and status(result) is Status.BUILT and not result.kept
    assert not edited.read_bytes().endswith(EDIT)
    assert len(result.warnings) == 1
    assert str(edited) in result.warnings[0] and NAME in result.warnings[0]
    assert "bản đã sửa được giữ lại ở" in result.warnings[0]  # r9b F3: a copy is kept
    assert edited.with_name(f"{edited.stem}.sua-tay.docx").read_bytes().endswith(EDIT)
    after = run_build(year, out)
    assert status(after) is Status.UNCHANGED and not after.warnings


def test_changed_data_rebuilds_an_edited_output_with_a_warning(
    year: Path, out: Path, edited: Path
) -> None:
    data = year / "cv-don-doc-bao-cao-tdkt.yaml"
    data.write_text(data.read_text("utf-8").replace("năm 2023", "năm 2023 (lần 2)", 1), "utf-8")
    result = run_build(year, out)
    assert result.ok and status(result) is Status.BUILT and not result.kept
    assert not edited.read_bytes().endswith(EDIT)
    assert len(result.warnings) == 1 and str(edited) in result.warnings[0]
    recorded = json.loads((out / "2024" / "manifest.json").read_text("utf-8"))["documents"]
    assert recorded[NAME]["output"]["sha256"] == sha256(edited)


def test_a_deleted_output_is_made_again_without_a_warning(year: Path, out: Path) -> None:
    output = out / f"{LETTER}.docx"
    before = output.read_bytes()
    output.unlink()
    result = run_build(year, out)
    assert result.ok and status(result) is Status.BUILT
    assert not result.warnings and not result.kept and output.read_bytes() == before


def test_an_unedited_rebuild_warns_of_nothing(year: Path, out: Path) -> None:
    data = year / "cv-don-doc-bao-cao-tdkt.yaml"
    data.write_text(data.read_text("utf-8").replace("năm 2023", "năm 2023 (lần 2)", 1), "utf-8")
    result = run_build(year, out)
    assert result.ok and status(result) is Status.BUILT and not result.warnings


def test_cli_says_kept_and_how_to_remake_it(
    cli: click.Group, year: Path, out: Path, edited: Path
) -> None:
    result = CliRunner().invoke(cli, ["build", str(year), "-o", str(out), "-j", str(JOBS)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith(NAME))
    assert "giữ lại (đã sửa)" in line
    warning = next(x for x in result.stderr.splitlines() if x.startswith("Cảnh báo: "))
    assert str(edited) in warning and "vanthu build --force" in warning
    assert edited.read_bytes().endswith(EDIT)

    english = CliRunner().invoke(
        cli, ["--lang", "en", "build", str(year), "-o", str(out), "-j", str(JOBS), "--force"]
    )
    assert english.exit_code == 0, english.output
    replaced = [x for x in english.stderr.splitlines() if x.startswith("Warning: ")]
    assert len(replaced) == 1 and str(edited) in replaced[0]
    assert "the edited file is kept as" in replaced[0]  # r9b F3: a copy is kept


class FakeConverter:
    """Stands for LibreOffice: a PDF that is the .docx's hash, and a count of conversions."""

    converted: list[Path] = []

    def __enter__(self) -> FakeConverter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def wait_ready(self) -> None:
        return None

    def convert(self, source: Path, target: Path) -> None:
        FakeConverter.converted.append(target)
        target.write_bytes(b"%PDF-1.7 " + sha256(source).encode())

    def convert_many(self, pairs, done=None):  # type: ignore[no-untyped-def]
        """As PdfConverter.convert_many: each pair converted, `done` told of it."""
        for index, (source, target) in enumerate(pairs):
            self.convert(source, target)
            if done is not None:
                done(index, None, 0.0)
        return [None] * len(pairs)


@pytest.fixture
def fake_pdf(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    FakeConverter.converted = []
    monkeypatch.setattr(builder_module, "pdf_converter", FakeConverter)
    return FakeConverter.converted


def test_an_edited_pdf_is_kept_by_a_pdf_build(year: Path, tmp_path: Path, fake_pdf: list[Path]):
    out = tmp_path / "out"
    assert run_build(year, out, pdf=True).ok
    pdf = out / f"{LETTER}.pdf"
    assert pdf in fake_pdf
    pdf.write_bytes(b"%PDF-1.7 signed by hand")
    fake_pdf.clear()
    result = run_build(year, out, pdf=True)
    assert result.ok and status(result) is Status.KEPT and not fake_pdf
    assert pdf.read_bytes() == b"%PDF-1.7 signed by hand"
    assert str(pdf) in (result.kept[0].error or "")

    # Its .docx deleted, the document is made again, and the PDF with it: that one is said.
    (out / f"{LETTER}.docx").unlink()
    result = run_build(year, out, pdf=True)
    assert result.ok and status(result) is Status.BUILT and fake_pdf == [pdf]
    assert len(result.warnings) == 1 and str(pdf) in result.warnings[0]
