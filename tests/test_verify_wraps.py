"""verify: a signature block whose title lines or signer's name are wider than the signature's
column (the page wraps them where the office did not), like the agency name's co_quan.wraps."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.verify import verify_file

REPO = Path(__file__).resolve().parents[1]
PROFILE = "van-phong-ubnd-son-la"
INVITATION = "2024/giay-moi-hoi-nghi-tong-ket.yaml"
LONG_SIGNER = {
    "ho_ten": "Tòng Thị Phương Thảo Nguyễn Hoàng Anh Minh",
    "chuc_vu": "Phó Trưởng phòng Kiểm soát thủ tục hành chính, Tổng hợp và Hành chính - Quản trị",
    "tham_quyen": "TL.",
    "thay_cho": "Chánh Văn phòng Ủy ban nhân dân tỉnh Sơn La",
}
# The same titles broken where the office breaks them: every line fits the column.
BROKEN_BY_THE_OFFICE = {
    "ho_ten": "Tòng Thị Phương Thảo",
    "chuc_vu": [
        "TL. CHÁNH VĂN PHÒNG",
        "TRƯỞNG PHÒNG KIỂM SOÁT",
        "THỦ TỤC HÀNH CHÍNH",
    ],
}


def workspace_with_signer(tmp_path: Path, signer: dict[str, object]) -> Path:
    """A copy of the example office's profile with one more signer, `dai`, and the example
    Giấy mời signed by them; the data file's path."""
    profiles = tmp_path / "inputs" / "co-quan"
    shutil.copytree(REPO / "inputs" / "co-quan", profiles)
    profile_path = profiles / f"{PROFILE}.yaml"
    profile = yaml.safe_load(profile_path.read_text("utf-8"))
    profile["nguoi_ky"]["dai"] = signer
    profile_path.write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    data_path = tmp_path / "inputs" / INVITATION
    data_path.parent.mkdir(parents=True)
    data = yaml.safe_load((REPO / "inputs" / INVITATION).read_text("utf-8"))
    assert data["co_quan"] == PROFILE
    data["nguoi_ky"] = "dai"
    data_path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return data_path


@pytest.fixture
def unbroken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render as a document made without vanthu's own break of a too-long title line (by hand,
    by an older vanthu): render now breaks such a line itself (tests/test_long_lines.py)."""
    monkeypatch.setattr("pipeline.context.common.title_line_breaks", lambda *_: None)


def test_a_long_title_and_name_that_the_page_wraps_fail_verify(
    renderer, tmp_path: Path, unbroken: None
) -> None:
    data = workspace_with_signer(tmp_path, LONG_SIGNER)
    out = renderer.render_file(data, tmp_path / "gm-dai.docx")
    report = verify_file(out)
    wraps = [v for v in report.violations if v.rule.endswith(".wraps")]
    assert {v.rule for v in wraps} == {"chu_ky_tham_quyen.wraps", "chu_ky_ho_ten.wraps"}
    titles = [v for v in wraps if v.rule == "chu_ky_tham_quyen.wraps"]
    # Both title lines are too wide, each reported once at its own paragraph.
    assert len(titles) == 2 and len({v.where for v in titles}) == 2
    line = titles[0].line("vi")
    assert "«TL. CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH SƠN LA»" in line
    assert "chuc_vu" in line and "cột ký" in line
    assert "bảng" in line and "ô 2" in line  # where: the signature's cell
    name = next(v for v in wraps if v.rule == "chu_ky_ho_ten.wraps")
    assert "«Tòng Thị Phương Thảo Nguyễn Hoàng Anh Minh»" in name.line("vi")
    assert "signature's column" in name.line("en")


def test_titles_broken_where_the_office_breaks_them_pass(renderer, tmp_path: Path) -> None:
    data = workspace_with_signer(tmp_path, BROKEN_BY_THE_OFFICE)
    out = renderer.render_file(data, tmp_path / "gm-ngat.docx")
    report = verify_file(out)
    assert report.ok, [v.line("vi") for v in report.violations]


def test_the_cli_names_the_wrapped_line_and_exits_1(
    renderer, tmp_path: Path, unbroken: None
) -> None:
    data = workspace_with_signer(tmp_path, LONG_SIGNER)
    out = renderer.render_file(data, tmp_path / "gm-dai.docx")
    result = CliRunner().invoke(main, ["verify", str(out)])
    assert result.exit_code == 1
    assert result.output.count("[chu_ky_tham_quyen.wraps]") == 2
    assert result.output.count("[chu_ky_ho_ten.wraps]") == 1
    assert "Traceback" not in result.output


def test_every_built_in_example_built_still_passes_verify(tmp_path: Path) -> None:
    """The example office's inputs/, built into a temporary workspace: every output passes
    (no signature or agency line of theirs is wider than its column)."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    vanthu = [sys.executable, "-m", "pipeline.cli"]
    built = subprocess.run(
        [*vanthu, "build", "-j", "1"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stdout + built.stderr
    outputs = sorted((tmp_path / "outputs").rglob("*.docx"))
    assert len(outputs) >= 15
    failing = {
        str(path.relative_to(tmp_path)): [v.line("vi") for v in report.violations]
        for path in outputs
        if not (report := verify_file(path)).ok
    }
    assert not failing, failing
