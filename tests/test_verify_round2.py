"""verify, round 2: an unreadable file among others, the signature without Nơi nhận or without
its name, the signature on the wrong side, the end of a căn cứ quoted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.verify import verify_file, verify_files

REPO = Path(__file__).resolve().parents[1]
DECISION = REPO / "inputs" / "2024" / "qd-bang-khen-ubnd-tinh.yaml"


@pytest.fixture(scope="module")
def decision(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.api import Renderer

    out = tmp_path_factory.mktemp("round2") / "qd.docx"
    return Renderer(REPO / "templates").render_file(DECISION, out)


def signature_table(doc):
    """The table whose first cell opens with 'Nơi nhận:'."""
    return next(t for t in doc.tables if t.cell(0, 0).text.strip().startswith("Nơi nhận"))


def edited(decision: Path, tmp_path: Path, edit, name: str = "edited.docx") -> Path:
    doc = Document(str(decision))
    edit(doc)
    path = tmp_path / name
    doc.save(str(path))
    return path


# --- finding 5: one unreadable file -------------------------------------------------------------


def test_an_unreadable_file_does_not_hide_the_others(decision: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("hello")
    missing = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["verify", str(decision), str(fake), str(missing)])
    assert result.exit_code == 2, result.output
    assert f"{decision}: đạt, không có vi phạm" in result.output
    assert f"Lỗi: {fake}: không phải tệp .docx đọc được" in result.output
    assert f"Lỗi: {tmp_path / 'x.docx'}: không tìm thấy tệp" in result.output
    assert "3 tệp, 0 tệp có vi phạm, 2 tệp không đọc được" in result.output
    assert "Traceback" not in result.output


def test_a_folder_with_an_unreadable_file(decision: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "fake.docx").write_text("hello")
    bad = edited(decision, folder, lambda d: None, "ok.docx")
    result = CliRunner().invoke(main, ["verify", str(folder)])
    assert result.exit_code == 2
    assert f"{bad}: đạt" in result.output and "fake.docx: không phải tệp .docx" in result.output


def test_json_lists_every_file_with_the_error(decision: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("hello")
    result = CliRunner().invoke(
        main, ["--lang", "en", "verify", "--format", "json", str(fake), str(decision)]
    )
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    broken, good = data["files"]
    assert broken["path"] == str(fake) and broken["ok"] is False
    assert broken["error"].startswith(f"{fake}: not a readable .docx file")
    assert good["ok"] is True and "error" not in good


def test_violations_alone_still_exit_1(decision: Path, tmp_path: Path) -> None:
    path = edited(decision, tmp_path, swap_signature)
    assert CliRunner().invoke(main, ["verify", str(path), str(decision)]).exit_code == 1


def test_the_library_reports_each_file(decision: Path, tmp_path: Path) -> None:
    reports = verify_files([tmp_path / "none.docx", decision])
    assert reports[0].error is not None and reports[0].error.key == "verify.no_file"
    assert not reports[0].ok and reports[1].ok


def test_the_help_names_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "verify", "--help"])
    assert "2 a file could not be read" in " ".join(result.output.split())


# --- finding 10: signature without Nơi nhận, signature without its name ------------------------


def empty_recipients(doc) -> None:
    cell = signature_table(doc).cell(0, 0)
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    for run in cell.paragraphs[0].runs:
        run.text = ""


def test_no_recipients_is_not_a_missing_signature(decision: Path, tmp_path: Path) -> None:
    report = verify_file(edited(decision, tmp_path, empty_recipients))
    assert report.rules == {"noi_nhan.missing"}, [v.line("en") for v in report.violations]


def delete_name(doc) -> None:
    cell = signature_table(doc).cell(0, 1)
    name = [p for p in cell.paragraphs if p.text.strip()][-1]
    for run in name.runs:
        run.text = ""


def test_a_deleted_name_is_reported_as_missing(decision: Path, tmp_path: Path) -> None:
    report = verify_file(edited(decision, tmp_path, delete_name))
    assert report.rules == {"chu_ky_ho_ten.missing"}, [v.line("en") for v in report.violations]


# --- finding 4: the signature on the left -------------------------------------------------------


def swap_signature(doc) -> None:
    row = signature_table(doc).rows[0]._tr
    cells = row.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")
    row.remove(cells[1])
    cells[0].addprevious(cells[1])


def test_the_signature_on_the_left_fails(decision: Path, tmp_path: Path) -> None:
    report = verify_file(edited(decision, tmp_path, swap_signature))
    assert "chu_ky.position" in report.rules
    line = next(v for v in report.violations if v.rule == "chu_ky.position").line("en")
    assert "the signature in the left column" in line


def test_the_signature_on_the_right_passes(decision: Path) -> None:
    assert verify_file(decision).ok


# --- finding 11: the end of a căn cứ quoted -----------------------------------------------------


def drop_semicolon(doc) -> None:
    p = next(p for p in doc.paragraphs if p.text.startswith("Căn cứ"))
    last = [r for r in p.runs if r.text][-1]
    last.text = last.text.rstrip(";")


def test_a_cancu_without_semicolon_quotes_its_last_words(decision: Path, tmp_path: Path) -> None:
    report = verify_file(edited(decision, tmp_path, drop_semicolon))
    (violation,) = report.violations
    assert violation.rule == "can_cu.punctuation"
    found = violation.found.render("en")
    assert found.startswith("a line ending «…") and len(found.split()) >= 5, found
    assert violation.expected.render("en") == "«;»"
