"""Ô 7a signatures of an acting head (Q.) and of a head's delegate (TL., TUQ.).

"Q. GIÁM ĐỐC" followed by the name is the decree's whole signature of an acting head (Nghị
định 30, Phụ lục I: "Q. CHÁNH VĂN PHÒNG"): verify passes it, and a profile whose Q. signer
has a title that would not be printed is refused at its line. A Quyết định signed TL. or TUQ.
is pointed out (a warning): it is signed by the head, or KT. by a deputy.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document
from pydantic import ValidationError

from pipeline.context.common import signature_lines
from pipeline.model.agency import Signer
from pipeline.verify import verify_file

SIGNERS = """\
  q-giam-doc:
    ho_ten: Lò Văn Tùng
    chuc_vu: Quyền Giám đốc
    tham_quyen: Q.
    thay_cho: Giám đốc
  tl-giam-doc:
    ho_ten: Đinh Thị Mai
    chuc_vu: Chánh Văn phòng
    tham_quyen: TL.
    thay_cho: Giám đốc
  tuq-giam-doc:
    ho_ten: Hà Văn Nam
    chuc_vu: Trưởng phòng Tổ chức cán bộ
    tham_quyen: TUQ.
    thay_cho: Giám đốc
  q-mot-dong:
    ho_ten: Lò Văn Tùng
    chuc_vu: [Q. Giám đốc]
"""
# One-line signatures naming no title of the signer's own after TM./KT./TL.: refused at the
# profile (test_tm_kt_tl_still_need_the_signer_s_own_title), so not in SIGNERS.
WITHOUT_OWN_TITLE = {
    "tm-mot-dong": "  tm-mot-dong:\n    ho_ten: Nguyễn Văn A\n    chuc_vu: [TM. Ban Giám đốc]\n",
    "kt-mot-dong": "  kt-mot-dong:\n    ho_ten: Lò Thị B\n    chuc_vu: [KT. Giám đốc]\n",
    "tl-mot-dong": "  tl-mot-dong:\n    ho_ten: Đinh Thị Mai\n    chuc_vu: [TL. Giám đốc]\n",
}
HEAD = "GIÁM ĐỐC SỞ NỘI VỤ TỈNH SƠN LA"


def _cli() -> click.Group:
    from pipeline.cli import main

    return main


def _run(*args: str) -> str:
    result = CliRunner().invoke(_cli(), ["--lang", "vi", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Sở's workspace (vanthu init) with Q., TL., TUQ. signers and one-line signatures."""
    folder = tmp_path / "so"
    _run("init", str(folder), "--kieu", "so-nganh", "--dia-danh", "Sơn La",
         "--co-quan", "Sở Nội vụ", "--viet-tat", "SNV",
         "--nguoi-ky", "Nguyễn Văn A", "--pho", "Lò Thị B")  # fmt: skip
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("nhom_noi_nhan:", SIGNERS + "nhom_noi_nhan:", 1), "utf-8")
    monkeypatch.chdir(folder)
    return folder


def _rendered(folder: Path, kind: str, signer: str) -> Path:
    """A starter of `kind` signed by `signer` (its thẩm quyền follows the signer), rendered."""
    data = folder / "inputs" / "2026" / f"{kind}-{signer}.yaml"
    _run("new", kind, "-o", str(data))
    lines = [
        f"nguoi_ky: {signer}" if line.startswith("nguoi_ky:") else line
        for line in data.read_text("utf-8").splitlines()
    ]
    data.write_text("\n".join(lines) + "\n", "utf-8")
    out = folder / f"{data.stem}.docx"
    _run("render", str(data), "-o", str(out))
    return out


def _signature(path: Path) -> list[str]:
    cells = [c.text for t in Document(str(path)).tables for row in t.rows for c in row.cells]
    return [line.strip() for cell in cells for line in cell.splitlines() if line.strip()]


# Q.: the head's title alone, then the name.


def test_an_acting_head_signs_q_and_the_head_s_title_only() -> None:
    signer = Signer(ho_ten="Lò Văn Tùng", chuc_vu="Quyền  Hiệu trưởng", tham_quyen="Q.",
                    thay_cho="Hiệu trưởng")  # fmt: skip
    assert signature_lines(signer) == ["Q. HIỆU TRƯỞNG"]


@pytest.mark.parametrize("signer", ["q-giam-doc", "q-mot-dong"])
def test_a_decision_signed_q_passes_verify(so: Path, signer: str) -> None:
    out = _rendered(so, "quyet-dinh-chung", signer)
    lines = _signature(out)
    at = lines.index("Q. GIÁM ĐỐC")
    assert lines[at + 1] == "Lò Văn Tùng"  # no title line of the signer's own
    report = verify_file(out)
    assert report.ok and not report.warnings, report.format_text("vi")


@pytest.mark.parametrize("signer", list(WITHOUT_OWN_TITLE))
def test_tm_kt_tl_still_need_the_signer_s_own_title(so: Path, signer: str) -> None:
    # Refused at the profile's line, before any document is signed so (Phụ lục I: the signer's
    # own title after TM./KT./TL.); verify's chu_ky.authority catches one edited in a .docx.
    (profile,) = (so / "inputs" / "co-quan").glob("*.yaml")
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("nhom_noi_nhan:", WITHOUT_OWN_TITLE[signer] + "nhom_noi_nhan:",
                                    1), "utf-8")  # fmt: skip
    data = so / "inputs" / "2026" / "cong-van.yaml"
    _run("new", "cong-van", "-o", str(data))
    result = CliRunner().invoke(_cli(), ["--lang", "vi", "render", str(data)])
    assert result.exit_code == 1, result.output
    assert f"trường 'nguoi_ky.{signer}.chuc_vu" in result.output, result.output


def test_a_q_signer_s_title_that_would_not_print_is_refused_at_the_profile(so: Path) -> None:
    (profile,) = (so / "inputs" / "co-quan").glob("*.yaml")
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("chuc_vu: Quyền Giám đốc", "chuc_vu: Phó Giám đốc phụ trách"),
                       "utf-8")  # fmt: skip
    line = next(n for n, t in enumerate(profile.read_text("utf-8").splitlines(), 1)
                if t.strip() == "q-giam-doc:")  # fmt: skip
    data = so / "inputs" / "2026" / "qd.yaml"
    _run("new", "quyet-dinh-chung", "-o", str(data))
    data.write_text(
        "\n".join(
            "nguoi_ky: q-giam-doc" if t.startswith("nguoi_ky:") else t
            for t in data.read_text("utf-8").splitlines()
        ) + "\n", "utf-8",
    )  # fmt: skip
    for lang, words in (("vi", ("dòng", "trường", "sẽ không được in")),
                        ("en", ("line", "field", "would not be printed"))):  # fmt: skip
        result = CliRunner().invoke(_cli(), ["--lang", lang, "render", str(data), "-o", "x.docx"])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        message = result.output
        assert profile.name in message and f"{words[0]} {line}," in message
        assert f"{words[1]} 'nguoi_ky.q-giam-doc'" in message
        assert words[2] in message
        assert "«Q. GIÁM ĐỐC»" in message and "Phó Giám đốc phụ trách" in message
        assert "chuc_vu: Quyền Giám đốc" in message
    assert not (so / "x.docx").exists()


def test_the_model_refuses_a_q_signer_s_own_title() -> None:
    with pytest.raises(ValidationError, match="Quyền Hiệu trưởng"):
        Signer(ho_ten="Lò Văn Tùng", chuc_vu="Phó Hiệu trưởng phụ trách", tham_quyen="Q.",
               thay_cho="Hiệu trưởng")  # fmt: skip
    # KT., TL., TUQ. keep the signer's own title: it prints under the authority line.
    for how in ("KT.", "TL.", "TUQ."):
        signer = Signer(ho_ten="A", chuc_vu="Phó Hiệu trưởng", tham_quyen=how,
                        thay_cho="Hiệu trưởng")  # fmt: skip
        assert signature_lines(signer)[1] == "PHÓ HIỆU TRƯỞNG"


# TL., TUQ. on a Quyết định: a warning.


@pytest.mark.parametrize(
    ("signer", "first"), [("tl-giam-doc", "TL. GIÁM ĐỐC"), ("tuq-giam-doc", "TUQ. GIÁM ĐỐC")]
)
def test_a_decision_signed_tl_or_tuq_is_pointed_out(so: Path, signer: str, first: str) -> None:
    out = _rendered(so, "quyet-dinh-chung", signer)
    report = verify_file(out)
    assert report.ok, report.format_text("vi")
    (warning,) = [w for w in report.warnings if w.rule == "chu_ky.delegated"]
    assert warning.found.render("vi") == f"«{first}»"
    vi, en = warning.expected.render("vi"), warning.expected.render("en")
    assert HEAD in vi and "«KT. GIÁM ĐỐC»" in vi and "thừa lệnh" in vi
    assert HEAD in en and "deputy" in en
    assert warning.describe_rule("vi") != warning.describe_rule("en")
    assert "cảnh báo" in report.format_text("vi")


def test_a_decision_signed_by_the_head_or_kt_has_no_such_warning(so: Path) -> None:
    for signer in ("giam-doc", "pho-giam-doc"):
        report = verify_file(_rendered(so, "quyet-dinh-chung", signer))
        assert report.ok and not report.warnings, report.format_text("vi")


def test_a_letter_signed_tl_is_not_pointed_out(so: Path) -> None:
    report = verify_file(_rendered(so, "cong-van", "tl-giam-doc"))
    assert report.ok and not report.warnings, report.format_text("vi")


def test_the_cli_prints_the_warning_and_passes(so: Path) -> None:
    out = _rendered(so, "quyet-dinh-chung", "tuq-giam-doc")
    result = CliRunner().invoke(_cli(), ["--lang", "en", "verify", str(out)])
    assert result.exit_code == 0, result.output
    assert "[chu_ky.delegated]" in result.output and "«TUQ. GIÁM ĐỐC»" in result.output
    assert "1 warning" in result.output
