"""Biên bản (s50b): the "Chủ trì (chủ tọa)" line names the chair by the title a sentence holds,
never by the signature block printed above the name.

With no chu_toa, the chair is the signer, and a deputy of the UBND and Hội đồng presets of
`vanthu init` signs with a block of lines ("TM. HỘI ĐỒNG / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"): the
line printed "đồng chí Lê Hồng Minh, TM. HỘI ĐỒNG, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH." It prints the
signer's own position in running-text case, of the agency when it is a head's title alone;
`vanthu verify` fails attendance lines that carry a signature's authority forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.rules.titles import running_title
from pipeline.verify import verify_file

COUNCIL = "Hội đồng Thi đua - Khen thưởng tỉnh Sơn La"
COMMUNE = "Ủy ban nhân dân xã Chiềng Mung"


def _run(cli: click.Group, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", "vi", *args])
    assert result.exit_code == 0, result.output


@pytest.fixture
def council(tmp_path: Path, cli: click.Group) -> Path:
    folder = tmp_path / "ws8"
    _run(cli, "init", str(folder), "--kieu", "hoi-dong-tdkt", "--chu-quan",
         "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "--nguoi-ky", "Nguyễn Thành Công", "--pho",
         "Lê Hồng Minh")  # fmt: skip
    return folder


@pytest.fixture
def commune(tmp_path: Path, cli: click.Group) -> Path:
    folder = tmp_path / "xa"
    _run(cli, "init", str(folder), "--kieu", "ubnd-xa", "--co-quan",
         "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", "--chu-quan", "TỈNH SƠN LA", "--nguoi-ky",
         "Nguyễn Văn An", "--pho", "Quàng Thị Hoa")  # fmt: skip
    return folder


def _minutes(cli: click.Group, folder: Path, signer: str, chair: str) -> Path:
    """The Biên bản starter chaired by `signer` (named `chair`, the first member present),
    rendered; the .docx."""
    data = folder / "inputs" / "2026" / "bb.yaml"
    _run(cli, "new", "bien-ban", "-o", str(data))
    text = data.read_text("utf-8")
    text = re.sub(r"^nguoi_ky: \S+", f"nguoi_ky: {signer}", text, flags=re.M)
    text = re.sub(r"(  co_mat:[^\n]*\n    - ho_ten: )[^\n]+", rf"\g<1>{chair}", text)
    data.write_text(text, "utf-8")
    _run(cli, "render", str(data), "-o", str(folder / "bb.docx"))
    return folder / "bb.docx"


def _chair_line(docx: Path) -> str:
    return next(p.text for p in Document(str(docx)).paragraphs if p.text.startswith("Chủ trì"))


@pytest.mark.parametrize(
    ("signer", "name", "title"),
    [
        ("pho-chu-tich", "Lê Hồng Minh", f"Phó Chủ tịch {COUNCIL}"),
        ("pho-chu-tich-ca-nhan", "Lê Hồng Minh", f"Phó Chủ tịch {COUNCIL}"),
        ("chu-tich", "Nguyễn Thành Công", f"Chủ tịch {COUNCIL}"),
    ],
)
def test_a_council_s_chair_by_title(
    cli: click.Group, council: Path, signer: str, name: str, title: str
) -> None:
    docx = _minutes(cli, council, signer, name)
    assert _chair_line(docx) == f"Chủ trì (chủ tọa): đồng chí {name}, {title}."
    report = verify_file(docx)
    assert report.ok, [v.line() for v in report.violations]


@pytest.mark.parametrize("signer", ["pho-chu-tich-ca-nhan", "pho-chu-tich"])
def test_a_commune_s_deputy_chair_by_title(cli: click.Group, commune: Path, signer: str) -> None:
    docx = _minutes(cli, commune, signer, "Quàng Thị Hoa")
    title = f"Phó Chủ tịch {COMMUNE}"
    assert _chair_line(docx) == f"Chủ trì (chủ tọa): đồng chí Quàng Thị Hoa, {title}."


def test_a_chair_s_title_typed_in_the_minutes_is_printed_as_typed(
    cli: click.Group, council: Path
) -> None:
    data = council / "inputs" / "2026" / "bb.yaml"
    _run(cli, "new", "bien-ban", "-o", str(data))
    text = data.read_text("utf-8").replace("# chu_toa: Thủ trưởng cơ quan", "chu_toa: Ủy viên")
    data.write_text(text, "utf-8")
    _run(cli, "render", str(data), "-o", str(council / "bb.docx"))
    line = _chair_line(council / "bb.docx")
    assert line == "Chủ trì (chủ tọa): đồng chí Nguyễn Thành Công, Ủy viên."


@pytest.mark.parametrize(
    ("typed", "running"),
    [
        ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
        ("PHÓ CHÁNH VĂN PHÒNG", "Phó Chánh Văn phòng"),
        ("PHÓ TRƯỞNG PHÒNG", "Phó Trưởng phòng"),
        ("TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ", "Trưởng phòng Tổ chức cán bộ"),
        ("CHỦ TỊCH UBND TỈNH SƠN LA", "Chủ tịch UBND tỉnh Sơn La"),
        ("Phó Giám đốc", "Phó Giám đốc"),
    ],
)
def test_titles_in_capitals_in_running_text(typed: str, running: str) -> None:
    assert running_title(typed)[0] == running


def test_verify_fails_a_signature_block_in_the_attendance(cli: click.Group, council: Path) -> None:
    docx = _minutes(cli, council, "pho-chu-tich", "Lê Hồng Minh")
    doc = Document(str(docx))
    line = next(p for p in doc.paragraphs if p.text.startswith("Chủ trì"))
    for run in line.runs[1:]:
        run.text = ""
    block = "TM. HỘI ĐỒNG, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"
    line.runs[0].text = f"Chủ trì (chủ tọa): đồng chí Lê Hồng Minh, {block}."
    edited = council / "edited.docx"
    doc.save(str(edited))
    found = [v for v in verify_file(edited).violations if v.rule == "bien_ban.chuc_vu"]
    assert len(found) == 1
    assert "TM. HỘI ĐỒNG" in found[0].line("vi")
