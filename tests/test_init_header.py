"""`vanthu init` writes the agency's header name in the lines the header prints, and a deputy
of a collective body signs TM. / KT. / title: the first documents of a new office pass verify."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.load.yaml_source import load_yaml
from pipeline.verify import verify_file
from pipeline.workspace.header_name import header_lines


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG", ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG MUNG"]),
        ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]),
        # broken next to "và", not inside "thương binh"
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]),
        # where the clerk breaks it, whatever fits
        ("SỞ TƯ PHÁP | TỈNH SƠN LA", ["SỞ TƯ PHÁP", "TỈNH SƠN LA"]),
        ("SỞ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN", ["SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"]),
        # short names stay on one line
        ("SỞ TƯ PHÁP", ["SỞ TƯ PHÁP"]),
        ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]),
    ],
)
def test_header_lines(name: str, lines: list[str]) -> None:
    assert header_lines(name) == lines


def _init(cli: click.Group, folder: Path, *flags: str) -> dict:
    result = CliRunner().invoke(cli, ["--lang", "vi", "init", str(folder), *flags])
    assert result.exit_code == 0, result.output
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    return load_yaml(profile).data


def _texts(path: Path) -> list[str]:
    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


@pytest.mark.parametrize(
    ("flags", "header"),
    [
        (["--kieu", "ubnd-xa", "--dia-danh", "Chiềng Mung"], ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG MUNG"]),
        (
            ["--kieu", "so-nganh", "--dia-danh", "Sơn La",
             "--co-quan", "Sở Nông nghiệp và Phát triển nông thôn", "--viet-tat", "SNN"],
            ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"],
        ),
    ],
)  # fmt: skip
def test_a_new_office_s_first_document_passes_verify(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch, flags: list[str],
    header: list[str],
) -> None:  # fmt: skip
    folder = tmp_path / "office"
    profile = _init(cli, folder, *flags, "--nguoi-ky", "Quàng Văn X", "--pho", "Lò Thị Y")
    assert profile["ten_co_quan"] == header
    monkeypatch.chdir(folder)
    (data,) = (folder / "inputs").glob("20*/ke-hoach.yaml")
    result = CliRunner().invoke(cli, ["--lang", "vi", "render", str(data), "-o", "out.docx"])
    assert result.exit_code == 0, result.output
    report = verify_file(folder / "out.docx")
    assert not [v for v in report.violations if v.rule.startswith("co_quan")], report.violations
    printed = {line for text in _texts(folder / "out.docx") for line in text.splitlines()}
    assert set(header) <= printed


@pytest.mark.parametrize(
    ("kind", "body"), [("ubnd-huyen", "TM. ỦY BAN NHÂN DÂN"), ("hoi-dong-tdkt", "TM. HỘI ĐỒNG")]
)
def test_a_deputy_of_a_collective_body_signs_on_its_behalf(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch, kind: str, body: str
) -> None:
    folder = tmp_path / "office"
    _init(cli, folder, "--kieu", kind, "--dia-danh", "Mai Sơn", "--nguoi-ky", "Tráng A Tủa",
          "--pho", "Lường Văn Hải")  # fmt: skip
    monkeypatch.chdir(folder)
    (data,) = (folder / "inputs").glob("20*/ke-hoach.yaml")
    signed = data.with_name("ke-hoach-pho.yaml")
    signed.write_text(
        "\n".join(
            "nguoi_ky: pho-chu-tich" if line.startswith("nguoi_ky:") else line
            for line in data.read_text("utf-8").splitlines()
        ) + "\n",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["--lang", "vi", "render", str(signed), "-o", "out.docx"])
    assert result.exit_code == 0, result.output
    texts = _texts(folder / "out.docx")
    block = next(t for t in texts if "PHÓ CHỦ TỊCH" in t and "KT. CHỦ TỊCH" in t)
    assert block.index(body) < block.index("KT. CHỦ TỊCH") < block.index("PHÓ CHỦ TỊCH")


def test_names_typed_in_small_letters_are_capitalised(tmp_path: Path, cli: click.Group) -> None:
    profile = _init(
        cli, tmp_path / "so", "--kieu", "so-nganh", "--dia-danh", "sơn la", "--co-quan",
        "Sở Tư pháp", "--viet-tat", "stp", "--nguoi-ky", "hà văn giang", "--pho", "Lò Thị d",
    )  # fmt: skip
    assert profile["dia_danh"] == "Sơn La"
    assert profile["ten_day_du"] == "Sở Tư pháp tỉnh Sơn La"
    assert profile["nguoi_ky"]["giam-doc"]["ho_ten"] == "Hà Văn Giang"
    assert profile["nguoi_ky"]["pho-giam-doc"]["ho_ten"] == "Lò Thị d"  # a capital: as typed


def test_a_name_holding_its_place_is_not_given_it_twice(tmp_path: Path, cli: click.Group) -> None:
    profile = _init(
        cli, tmp_path / "bql", "--kieu", "so-nganh", "--dia-danh", "Lào Cai", "--co-quan",
        "Ban Quản lý Khu kinh tế tỉnh Lào Cai", "--viet-tat", "BQLKKT", "--nguoi-ky", "A B",
    )  # fmt: skip
    assert profile["ten_day_du"] == "Ban Quản lý khu kinh tế tỉnh Lào Cai"
    assert profile["ten_co_quan"] in ("BAN QUẢN LÝ KHU KINH TẾ TỈNH LÀO CAI",
                                      ["BAN QUẢN LÝ KHU KINH TẾ", "TỈNH LÀO CAI"])  # fmt: skip


def test_an_answer_in_tcvn3_is_refused_naming_its_flag(tmp_path: Path, cli: click.Group) -> None:
    result = CliRunner().invoke(cli, [
        "--lang", "vi", "init", str(tmp_path / "x"), "--kieu", "ubnd-xa", "--dia-danh", "S¬n La",
        "--nguoi-ky", "Lß V¨n TiÕn",
    ])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "--dia-danh 'S¬n La'" in result.output and "'Sơn La'" in result.output
    assert "TCVN3" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x" / "vanthu.yaml").exists()
