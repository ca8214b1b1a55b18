"""Leftovers of init and of --pdf: a library caller of init_workspace is told the parameter it
lacks, a clerk the flag; the starters of a thành phố's, a quận's or a district council's
office speak of its own level, not a province's; a build whose LibreOffice cannot start records
the .docx it put in place and says why there is no PDF once."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.batch.manifest import file_sha256
from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.workspace import command as init_cli
from pipeline.workspace.init import OfficeAnswers, agency_profile, init_workspace
from tests.new_office import new_office


def _run(cli: click.Group, *args: str, lang: str = "vi"):
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    assert "Traceback" not in result.output, result.output
    return result


# --- 1. a missing answer: the parameter to a library caller, the flag to a clerk -------------


@pytest.mark.parametrize(
    ("answers", "parameter", "flag"),
    [(OfficeAnswers(kieu="ubnd-xa", dia_danh="", nguoi_ky="Lò Văn A"), "dia_danh=...",
      "--dia-danh ..."),
     (OfficeAnswers(kieu="ubnd-xa", dia_danh="Chiềng Mung", nguoi_ky="  "), "nguoi_ky=...",
      "--nguoi-ky ..."),
     (OfficeAnswers(kieu="so-nganh", dia_danh="Sơn La", nguoi_ky="Lò Văn A"), "ten_co_quan=...",
      "--co-quan ..."),
     (OfficeAnswers(kieu="phong", dia_danh="Mai Sơn", nguoi_ky="Lò Văn A",
                    ten_co_quan="PHÒNG KINH TẾ", viet_tat="PKT"),
      "co_quan_chu_quan='ỦY BAN NHÂN DÂN XÃ ...'", "--chu-quan 'ỦY BAN NHÂN DÂN XÃ ...'"),
     (OfficeAnswers(kieu="phong", dia_danh="Mai Sơn", nguoi_ky="Lò Văn A",
                    ten_co_quan="PHÒNG KINH TẾ", viet_tat="PKT", co_quan_chu_quan="UBND MAI SƠN"),
      "co_quan_chu_quan='ỦY BAN NHÂN DÂN XÃ ...'", "--chu-quan 'ỦY BAN NHÂN DÂN XÃ ...'")],
)  # fmt: skip
def test_a_missing_answer_is_named_as_its_caller_gives_it(
    answers: OfficeAnswers, parameter: str, flag: str, tmp_path: Path, cli: click.Group
) -> None:
    with pytest.raises(InputError) as caught:
        init_workspace(tmp_path / "lib", answers)
    for lang in ("vi", "en"):
        said = caught.value.message(lang)
        assert parameter in said and "--" not in said, said
    assert not (tmp_path / "lib").exists()
    # The same answers typed as vanthu init's options: the clerk is told the flag.
    options = {init_cli.OPTIONS[f.name]: getattr(answers, f.name)
               for f in dataclasses.fields(answers) if getattr(answers, f.name) is not None}
    typed = [word for option, value in options.items() for word in (f"--{option}", value)]
    for lang in ("vi", "en"):
        result = _run(cli, "init", str(tmp_path / "cli"), *typed, lang=lang)
        assert result.exit_code == 1
        assert flag in result.output and parameter not in result.output, result.output
    assert not (tmp_path / "cli").exists()


def test_every_answer_has_the_option_that_gives_it() -> None:
    fields = {f.name for f in dataclasses.fields(OfficeAnswers)}
    assert set(init_cli.OPTIONS) == fields
    flags = {opt for param in init_cli.init_command.params for opt in param.opts}
    assert {f"--{option}" for option in init_cli.OPTIONS.values()} <= flags


# --- 2. the starters speak of the office's own level -------------------------------------------

STARTERS = ("quyet-dinh", "quyet-dinh-chung", "quyet-dinh-quy-che")
# Each office: its init flags, words its starters must print, words of another level they must
# not, and a recipient group or unit its profile holds.
OFFICES = {
    "thanh-pho-tw": (
        ["--kieu", "ubnd-tinh", "--co-quan", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"],
        ["Thủ trưởng các sở, ban, ngành thành phố", "Quỹ thi đua, khen thưởng của thành phố",
         "Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Nội vụ"],
        r"\b[Tt]ỉnh\b",
        ("nhom_noi_nhan", "cap-tren", "Thường trực Thành ủy"),
    ),
    "quan": (
        ["--kieu", "ubnd-huyen", "--co-quan", "ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH"],
        ["Chánh Văn phòng HĐND và UBND quận", "Chủ tịch, các Phó Chủ tịch UBND quận",
         "Hội đồng Thi đua - Khen thưởng quận"],
        r"\b([Tt]ỉnh|[Hh]uyện)\b",
        ("nhom_noi_nhan", "phong-ban", "UBND các phường"),
    ),
    "thanh-pho-thuoc-tinh": (
        ["--kieu", "ubnd-huyen", "--co-quan", "ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA"],
        ["Chánh Văn phòng HĐND và UBND thành phố, Trưởng phòng Nội vụ",
         "Thủ trưởng các phòng, ban chuyên môn thuộc UBND thành phố"],
        r"\b([Tt]ỉnh|[Hh]uyện|Sở|Giám đốc)\b",
        ("nhom_noi_nhan", "phong-ban", "UBND các xã, phường"),
    ),
    "hoi-dong-quan": (
        ["--kieu", "hoi-dong-tdkt", "--chu-quan", "ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH"],
        ["Theo đề nghị của Trưởng phòng Nội vụ quận.", "Quỹ thi đua, khen thưởng của quận"],
        r"\b([Tt]ỉnh|[Hh]uyện)\b|Ban Thi đua",
        ("don_vi", "NV", {"ten": "Phòng Nội vụ quận"}),
    ),
    "hoi-dong-phuong": (
        ["--kieu", "hoi-dong-tdkt", "--chu-quan", "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH"],
        ["Theo đề nghị của Chánh Văn phòng HĐND và UBND phường."],
        r"\b([Tt]ỉnh|[Hh]uyện)\b|Ban Thi đua",
        ("don_vi", "VP", {"ten": "Văn phòng HĐND và UBND phường"}),
    ),
    # A province's council keeps its Ban Thi đua - Khen thưởng.
    "hoi-dong-tinh": (
        ["--kieu", "hoi-dong-tdkt", "--chu-quan", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"],
        ["Theo đề nghị của Trưởng Ban Thi đua - Khen thưởng.",
         "Quỹ thi đua, khen thưởng của tỉnh"],
        r"\b[Hh]uyện\b|Nội vụ",
        ("don_vi", "TĐKT", {"ten": "Ban Thi đua - Khen thưởng"}),
    ),
}
# Offices of a level gone from 01/07/2025: their starters are still dated before it.
GONE = {"quan", "hoi-dong-quan"}


def _texts(path: Path) -> list[str]:
    """Every paragraph of a .docx, body and table cells, as a reader sees them."""
    document = Document(str(path))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p.text for p in document.paragraphs if p.text.strip()] + [c for c in cells if c]


@pytest.mark.parametrize("office", list(OFFICES))
def test_the_starters_of_an_office_speak_of_its_own_level(
    office: str, tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    flags, printed, other_level, (key, group, held) = OFFICES[office]
    folder = tmp_path / office
    made = _run(cli, "init", str(folder), *flags, "--nguoi-ky", "Lò Văn A", "--pho", "Lò Văn B")
    assert made.exit_code == 0, made.output
    monkeypatch.chdir(folder)
    (year_folder,) = (folder / "inputs").glob("20*")
    if office in GONE:
        assert year_folder.name == "2025"  # as vanthu init dates an office of a level gone
    for starter in STARTERS:
        result = _run(cli, "new", starter, "-o", f"inputs/{year_folder.name}/{starter}.yaml")
        assert result.exit_code == 0, result.output
    built = _run(cli, "build")
    assert built.exit_code == 0, built.output
    lines = [line for starter in STARTERS
             for line in _texts(folder / "outputs" / year_folder.name / f"{starter}.docx")]
    everything = "\n".join(lines)
    for words in printed:
        assert words in everything, (words, everything)
    assert not re.search(other_level, everything), re.findall(rf".*({other_level}).*", everything)
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    value = load_yaml(profile).data[key][group]
    if isinstance(value, list):
        assert held in value, value
    else:
        assert value == held


def test_a_hanoi_profile_names_its_city_s_bodies() -> None:
    profile = agency_profile(OfficeAnswers(kieu="ubnd-tinh", dia_danh="", nguoi_ky="Lò Văn A",
                                           ten_co_quan="ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"))
    assert profile["nhom_noi_nhan"] == {
        "cap-tren": ["Văn phòng Chính phủ", "Thường trực Thành ủy", "Thường trực HĐND thành phố"],
        "so-nganh": ["Các sở, ban, ngành thành phố", "UBND các xã, phường, đặc khu"],
    }


# --- 3. LibreOffice that cannot start: the .docx in place are recorded -------------------------


@pytest.fixture()
def failing_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A `soffice` first on PATH that cannot start (exits 1, saying why); what it says."""
    folder = tmp_path / "bin"
    folder.mkdir()
    why = "soffice: cannot open display (test)"
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\necho '{why}' >&2\nexit 1\n", "utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{Path(sys.executable).parent}:/usr/bin:/bin")
    return why


def _entries(outputs: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for manifest in outputs.glob("*/manifest.json"):
        found.update(json.loads(manifest.read_text("utf-8"))["documents"])
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_libreoffice_that_cannot_start_leaves_the_docx_recorded(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    failing_soffice: str, lang: str,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    (year,) = (p.name for p in (office / "inputs").glob("20*"))
    for kind in ("cong-van", "giay-moi"):
        assert _run(cli, "new", kind, "-o", f"inputs/{year}/{kind}.yaml").exit_code == 0

    result = _run(cli, "build", "--pdf", lang=lang)
    assert result.exit_code == 1, result.output
    assert result.output.count(failing_soffice) == 1, result.output  # said once, not per file
    assert "LibreOffice" in result.output
    docx = sorted((office / "outputs" / year).glob("*.docx"))
    assert [d.stem for d in docx] == ["cong-van", "giay-moi", "ke-hoach"]
    assert not list((office / "outputs").rglob("*.pdf"))
    recorded = {entry["output"]["path"]: entry for entry in _entries(office / "outputs").values()}
    assert sorted(recorded) == [f"{year}/{d.name}" for d in docx]
    for path in docx:
        entry = recorded[f"{year}/{path.name}"]
        assert entry["output"]["sha256"] == file_sha256(path)
        assert entry.get("pdf") is None

    # The next build knows them as its own and up to date.
    again = _run(cli, "build", lang="vi")
    assert again.exit_code == 0, again.output
    assert "0 đã dựng, 3 không đổi, 0 lỗi" in again.output, again.output


@pytest.mark.usefixtures("libreoffice")
def test_the_pdfs_are_made_by_the_next_build_once_libreoffice_starts(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    failing_soffice: str,
) -> None:
    """The .docx recorded without PDFs: `build --pdf` with a LibreOffice that starts makes them,
    the .docx left as they are."""
    path = os.environ["PATH"]
    office = new_office(tmp_path, monkeypatch)
    (year,) = (p.name for p in (office / "inputs").glob("20*"))
    assert _run(cli, "new", "cong-van", "-o", f"inputs/{year}/cong-van.yaml").exit_code == 0
    assert _run(cli, "build", "--pdf").exit_code == 1
    docx = sorted((office / "outputs" / year).glob("*.docx"))
    before = {d.name: file_sha256(d) for d in docx}

    monkeypatch.setenv("PATH", path.split(":", 1)[1])  # the failing soffice's folder gone
    result = _run(cli, "build", "--pdf")
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (office / "outputs" / year).glob("*.pdf")) == [
        d.stem for d in docx
    ], result.output
    assert {d.name: file_sha256(d) for d in docx} == before
