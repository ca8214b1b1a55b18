"""A UBND or a council signs TM. for the body's own decisions and without TM. for those in its
Chủ tịch's own authority (Nghị định 30/2020, Phụ lục I, ô 7a): `vanthu init` writes a signer for
each way, the starters' thẩm quyền follows the signer, and verify checks that ô 5b and the
signature agree. Since 01/07/2025 the presets describe two levels of local government."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import Renderer
from pipeline.i18n import t
from pipeline.starters.office import authority
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, agency_profile
from pipeline.workspace.presets import presets

COLLECTIVE = {"ubnd-tinh": "ỦY BAN NHÂN DÂN", "ubnd-huyen": "ỦY BAN NHÂN DÂN",
              "ubnd-xa": "ỦY BAN NHÂN DÂN", "hoi-dong-tdkt": "HỘI ĐỒNG"}  # fmt: skip


def _profile(kind: str, pho: str | None = "Lò Thị Phương") -> dict:
    return agency_profile(OfficeAnswers(kieu=kind, dia_danh="Tuần Giáo", nguoi_ky="Nguyễn Văn A",
                                        pho=pho))  # fmt: skip


@pytest.mark.parametrize("kind", list(COLLECTIVE))
def test_a_collective_body_gets_a_signer_for_each_authority(kind: str) -> None:
    profile = _profile(kind)
    signers = profile["nguoi_ky"]
    body = COLLECTIVE[kind]
    assert list(signers) == ["chu-tich", "pho-chu-tich", "chu-tich-ca-nhan", "pho-chu-tich-ca-nhan"]
    assert signers["pho-chu-tich"]["chuc_vu"] == [f"TM. {body}", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signers["chu-tich-ca-nhan"] == {"ho_ten": "Nguyễn Văn A", "chuc_vu": "Chủ tịch"}
    assert signers["pho-chu-tich-ca-nhan"] == {
        "ho_ten": "Lò Thị Phương", "chuc_vu": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    }  # fmt: skip
    # The starters' thẩm quyền follows the signer: the body for TM., the Chủ tịch otherwise.
    name = profile["ten_day_du"]
    assert authority(profile, "chu-tich") == name
    assert authority(profile, "pho-chu-tich") == name
    assert authority(profile, "chu-tich-ca-nhan") == f"Chủ tịch {name}"
    assert authority(profile, "pho-chu-tich-ca-nhan") == f"Chủ tịch {name}"


def test_without_a_deputy_only_the_head_s_signers_are_written() -> None:
    assert list(_profile("ubnd-huyen", None)["nguoi_ky"]) == ["chu-tich", "chu-tich-ca-nhan"]
    # A preset without `nguoi:`: the first signer is the head, the second the deputy.
    sector = agency_profile(OfficeAnswers(kieu="so-nganh", dia_danh="Sơn La", nguoi_ky="A", pho="B",
                                          ten_co_quan="Sở Nội vụ", viet_tat="SNV"))  # fmt: skip
    assert {k: v["ho_ten"] for k, v in sector["nguoi_ky"].items()} == {
        "giam-doc": "A", "pho-giam-doc": "B",
    }  # fmt: skip


def test_the_profile_says_which_signer_is_for_which_authority(
    tmp_path: Path, cli: click.Group
) -> None:
    folder = tmp_path / "huyen"
    result = CliRunner().invoke(cli, ["--lang", "vi", "init", str(folder), "--kieu", "ubnd-huyen",
                                      "--dia-danh", "Tuần Giáo", "--nguoi-ky", "Nguyễn Văn A",
                                      "--pho", "Lò Thị Phương"])  # fmt: skip
    assert result.exit_code == 0, result.output
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    text = profile.read_text("utf-8")
    assert "*-ca-nhan" in text and "nguoi:" not in text


def _decision(folder: Path, tham_quyen: str, signer: str, *, swapped: str | None = None) -> Path:
    """The workspace's general decision starter with this thẩm quyền and signer, rendered; with
    `swapped`, signed by that signer instead after loading (a pairing loading refuses, as a
    document edited by hand would have it)."""
    (starter,) = folder.glob("inputs/20*/ke-hoach.yaml")
    data = starter.with_name(f"qd-{len(list(folder.glob('inputs/20*/qd-*.yaml')))}.yaml")
    result = CliRunner().invoke(
        _cli(), ["--lang", "vi", "new", "quyet-dinh-chung", "-o", str(data)]
    )
    assert result.exit_code == 0, result.output
    lines = []
    for line in data.read_text("utf-8").splitlines():
        if line.startswith("tham_quyen:"):
            line = f"tham_quyen: {tham_quyen}"
        elif line.startswith("nguoi_ky:"):
            line = f"nguoi_ky: {signer}"
        lines.append(line)
    data.write_text("\n".join(lines) + "\n", "utf-8")
    out = folder / f"{data.stem}.docx"
    if swapped is not None:
        workspace = Workspace.containing(data)
        loaded = workspace.load(data)
        other = loaded.info.data.model_copy(update={"nguoi_ky": swapped})
        document = replace(loaded, info=replace(loaded.info, data=other))
        out.write_bytes(Renderer(workspace).render(document))
        return out
    result = CliRunner().invoke(_cli(), ["--lang", "vi", "render", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _cli() -> click.Group:
    from pipeline.cli import main

    return main


def _signature(path: Path) -> list[str]:
    cells = [
        c.text for table in Document(str(path)).tables for row in table.rows for c in row.cells
    ]
    return [line for cell in cells for line in cell.splitlines() if line.strip()]


@pytest.fixture
def huyen(tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "huyen"
    result = CliRunner().invoke(cli, ["--lang", "vi", "init", str(folder), "--kieu", "ubnd-huyen",
                                      "--dia-danh", "Tuần Giáo", "--nguoi-ky", "Nguyễn Văn A",
                                      "--pho", "Lò Thị Phương"])  # fmt: skip
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(folder)
    return folder


CHAIR = "Chủ tịch Ủy ban nhân dân huyện Tuần Giáo"
BODY = "Ủy ban nhân dân huyện Tuần Giáo"


@pytest.mark.parametrize(
    ("tham_quyen", "signer", "first"),
    [(CHAIR, "pho-chu-tich-ca-nhan", "KT. CHỦ TỊCH"), (CHAIR, "chu-tich-ca-nhan", "CHỦ TỊCH"),
     (BODY, "pho-chu-tich", "TM. ỦY BAN NHÂN DÂN"), (BODY, "chu-tich", "TM. ỦY BAN NHÂN DÂN")],
)  # fmt: skip
def test_a_decision_signed_as_its_authority_passes_without_a_word(
    huyen: Path, tham_quyen: str, signer: str, first: str
) -> None:
    out = _decision(huyen, tham_quyen, signer)
    assert first in _signature(out)
    if "TM." not in first:
        assert not any(line.startswith("TM.") for line in _signature(out))
    report = verify_file(out)
    assert report.ok and not report.warnings, report.format_text("vi")


def test_the_chairman_s_decision_signed_for_the_committee_is_pointed_out(huyen: Path) -> None:
    # The finding: Giấy khen của Chủ tịch signed "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH". Offices
    # have long signed so (inputs/2024/qd-bang-khen-ubnd-tinh.yaml): a warning, not a failure.
    report = verify_file(_decision(huyen, CHAIR, "pho-chu-tich"))
    assert report.ok
    (warning,) = [w for w in report.warnings if w.rule == "chu_ky.tm"]
    text = warning.expected.render("vi")
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO" in text and "KT. CHỦ TỊCH" in text
    assert warning.found.render("vi") == "«TM. ỦY BAN NHÂN DÂN»"
    assert "TM." in warning.expected.render("en")


def test_the_committee_s_decision_signed_without_tm_fails(huyen: Path) -> None:
    report = verify_file(_decision(huyen, BODY, "pho-chu-tich", swapped="pho-chu-tich-ca-nhan"))
    assert report.rules == {"chu_ky.tm"}
    (violation,) = report.violations
    assert violation.found.render("vi") == "«KT. CHỦ TỊCH»"
    assert "ỦY BAN NHÂN DÂN HUYỆN TUẦN GIÁO" in violation.expected.render("vi")
    assert violation.describe_rule("en") != violation.describe_rule("vi")


def test_a_council_s_decision_signed_without_tm_fails(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "hd"
    flags = ["--kieu", "hoi-dong-tdkt", "--dia-danh", "Yên Bái", "--nguoi-ky", "Nguyễn Văn A",
             "--pho", "Lò Thị Phương"]  # fmt: skip
    result = CliRunner().invoke(cli, ["--lang", "vi", "init", str(folder), *flags])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(folder)
    council = "Hội đồng Thi đua - Khen thưởng tỉnh Yên Bái"
    made = _decision(folder, council, "pho-chu-tich", swapped="pho-chu-tich-ca-nhan")
    assert verify_file(made).rules == {"chu_ky.tm"}
    chair = f"Chủ tịch {council}"
    report = verify_file(_decision(folder, chair, "pho-chu-tich-ca-nhan"))
    assert report.ok and not report.warnings, report.format_text("vi")


def test_presets_describe_two_levels_of_local_government() -> None:
    known = presets()
    assert "01/07/2025" in known["ubnd-huyen"]["mo_ta"]
    assert "đặc khu" in known["ubnd-xa"]["mo_ta"] and "thị trấn" not in known["ubnd-xa"]["mo_ta"]
    assert known["ubnd-xa"]["nhom_noi_nhan"]["cap-tren"] == ["UBND tỉnh", "Sở Nội vụ"]
    assert "UBND các xã, phường, đặc khu" in known["ubnd-tinh"]["nhom_noi_nhan"]["so-nganh"]
    for kind in ("ubnd-tinh", "ubnd-xa"):
        assert "huyện" not in str(known[kind]) and "thị trấn" not in str(known[kind])
    for lang in ("vi", "en"):
        help_text = t("help.init.kind", lang=lang)
        assert "01/07/2025" in help_text and "thị trấn" not in help_text
    assert "township" not in t("help.init.kind", lang="en")
