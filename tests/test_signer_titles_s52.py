"""Ô 7a: the line right above the signer's name is their own title (Nghị định 30, Phụ lục I).

A profile's signer whose last chuc_vu line is an authority line ("KT. CHỦ TỊCH", after a TM.
line or alone) is refused at that line, saying what to add; verify flags a signature whose last
title line is a TM./KT./TL./TUQ. line whatever stands above it.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document
from pydantic import ValidationError

from pipeline.model.agency import Signer
from pipeline.verify import verify_file

NOTICE = """\
loai: thong_bao
co_quan: uy-ban-nhan-dan-xa-muong-bu
ngay: 10/03/2026
trich_yeu: Kết luận cuộc họp giao ban tháng 3 năm 2026
mo_dau:
  - UBND xã thông báo kết luận như sau.
ket_thuc: UBND xã thông báo để các bộ phận biết, thực hiện
noi_nhan:
  - Các thôn, bản
don_vi_soan_thao: VP
nguoi_ky: {signer}
"""
DEPUTY_LINES = "    - TM. ỦY BAN NHÂN DÂN\n    - KT. CHỦ TỊCH\n    - PHÓ CHỦ TỊCH\n"


def _cli() -> click.Group:
    from pipeline.cli import main

    return main


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(_cli(), ["--lang", "vi", *args])
    return result.exit_code, result.output


@pytest.fixture
def xa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A xã's workspace (vanthu init) whose deputy signs TM. / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."""
    folder = tmp_path / "xa"
    code, output = _invoke("init", str(folder), "--kieu", "ubnd-xa", "--dia-danh", "Xã Mường Bú",
                           "--nguoi-ky", "Lò Văn Pấng", "--pho", "Quàng Thị Én")  # fmt: skip
    assert code == 0, output
    assert DEPUTY_LINES in _profile(folder).read_text("utf-8")
    monkeypatch.chdir(folder)
    return folder


def _profile(folder: Path) -> Path:
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    return profile


def _notice(folder: Path, signer: str) -> Path:
    data = folder / "inputs" / "2026" / f"tb-{signer}.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(NOTICE.format(signer=signer), "utf-8")
    return data


def _line_of(path: Path, text: str, after: str) -> int:
    """The number of the first line reading `text` after the line reading `after`."""
    lines = [line.strip() for line in path.read_text("utf-8").splitlines()]
    start = lines.index(after)
    return lines.index(text, start) + 1


# The profile: refused at the line, with what to write.


def test_a_deputy_s_lines_ending_with_kt_are_refused_at_that_line(xa: Path) -> None:
    profile = _profile(xa)
    text = profile.read_text("utf-8")
    profile.write_text(
        text.replace(DEPUTY_LINES, "    - TM. ỦY BAN NHÂN DÂN\n    - KT. CHỦ TỊCH\n", 1), "utf-8"
    )
    code, output = _invoke("render", str(_notice(xa, "pho-chu-tich")))
    assert code != 0
    assert "Traceback" not in output
    line = _line_of(profile, "- KT. CHỦ TỊCH", "pho-chu-tich:")
    place = f"{profile.relative_to(xa)}, dòng {line}, trường 'nguoi_ky.pho-chu-tich.chuc_vu"
    assert place in output
    assert "«KT. CHỦ TỊCH»" in output
    assert "chuc_vu: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, <chức vụ người ký>]" in output


def test_a_one_line_kt_title_is_refused_at_its_line(xa: Path) -> None:
    profile = _profile(xa)
    text = profile.read_text("utf-8")
    one_line = "    chuc_vu:\n    - KT. CHỦ TỊCH\n    - PHÓ CHỦ TỊCH\n"
    assert one_line in text
    profile.write_text(text.replace(one_line, "    chuc_vu: KT. Chủ tịch\n", 1), "utf-8")
    code, output = _invoke("render", str(_notice(xa, "chu-tich")))
    assert code != 0
    line = _line_of(profile, "chuc_vu: KT. Chủ tịch", "pho-chu-tich-ca-nhan:")
    assert f"dòng {line}, trường 'nguoi_ky.pho-chu-tich-ca-nhan.chuc_vu'" in output
    assert "«KT. Chủ tịch» là dòng quyền hạn ký (KT.)" in output


@pytest.mark.parametrize(
    "lines",
    [
        ["KT. Chủ tịch"],
        ["TM. Ủy ban nhân dân"],
        ["TL. Giám đốc"],
        ["TUQ. Giám đốc"],
        ["Q."],
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        ["TM. BAN THƯỜNG VỤ", "TL. BÍ THƯ"],
    ],
)
def test_an_authority_line_last_is_refused(lines: list[str]) -> None:
    with pytest.raises(ValidationError) as error:
        Signer.model_validate({"ho_ten": "Quàng Thị Én", "chuc_vu": lines})
    (detail,) = error.value.errors()
    place = ("chuc_vu", len(lines) - 1) if len(lines) > 1 else ("chuc_vu",)
    assert detail["loc"] == place
    assert "dòng quyền hạn ký" in detail["msg"] or "authority line" in detail["msg"]


@pytest.mark.parametrize(
    "fields",
    [
        {"chuc_vu": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]},
        {"chuc_vu": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]},
        {"chuc_vu": ["Q. Giám đốc"]},
        {"chuc_vu": "Phó Chủ tịch", "tham_quyen": "KT.", "thay_cho": "Chủ tịch"},
        {"chuc_vu": "Quyền Giám đốc", "tham_quyen": "Q.", "thay_cho": "Giám đốc"},
        {"chuc_vu": "Chủ tịch"},
    ],
)
def test_a_signer_with_their_own_title_last_is_accepted(fields: dict[str, object]) -> None:
    Signer.model_validate({"ho_ten": "Quàng Thị Én", **fields})


# verify: the last title line, whatever stands above it.


def _rendered(folder: Path, signer: str) -> Path:
    out = folder / f"tb-{signer}.docx"
    code, output = _invoke("render", str(_notice(folder, signer)), "-o", str(out))
    assert code == 0, output
    return out


def _without_lines(path: Path, *texts: str) -> Path:
    """The document with the signature's paragraphs reading `texts` removed."""
    doc = Document(str(path))
    removed = 0
    for table in doc.tables:
        for cell in {id(c): c for row in table.rows for c in row.cells}.values():
            for p in cell.paragraphs:
                if p.text.strip() in texts:
                    p._p.getparent().remove(p._p)
                    removed += 1
    assert removed == len(texts)
    changed = path.with_name(f"sua-{path.name}")
    doc.save(str(changed))
    return changed


def test_verify_passes_the_deputy_s_whole_signature(xa: Path) -> None:
    report = verify_file(_rendered(xa, "pho-chu-tich"))
    assert "chu_ky.authority" not in report.rules, report.format_text("vi")


def test_verify_flags_a_kt_line_last_after_a_tm_line(xa: Path) -> None:
    path = _without_lines(_rendered(xa, "pho-chu-tich"), "PHÓ CHỦ TỊCH")
    report = verify_file(path)
    (violation,) = [v for v in report.violations if v.rule == "chu_ky.authority"]
    assert "«KT. CHỦ TỊCH»" in violation.line("vi")


def test_verify_flags_a_kt_line_alone(xa: Path) -> None:
    path = _without_lines(_rendered(xa, "pho-chu-tich"), "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH")
    report = verify_file(path)
    (violation,) = [v for v in report.violations if v.rule == "chu_ky.authority"]
    assert "«KT. CHỦ TỊCH»" in violation.line("vi")
