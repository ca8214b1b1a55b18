"""Starters (`vanthu new`) take the office's own words from the workspace's agency profile."""

from __future__ import annotations

import re
import shlex
import unicodedata
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.load.yaml_source import load_yaml
from pipeline.rules.money import regime_on
from pipeline.starters import write_starter
from pipeline.starters.office import authority, preset_of
from pipeline.workspace.init import presets
from tests.typed_docs import uncommented_wording

# Each kind of office: extra init flags, the thẩm quyền (ô 5b) and the signature it must print.
OFFICES = {
    "ubnd-tinh": ([], "ỦY BAN NHÂN DÂN TỈNH SƠN LA", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    "ubnd-huyen": ([], "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    "ubnd-xa": ([], "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    "so-nganh": (
        ["--co-quan", "SỞ TƯ PHÁP", "--ten-day-du", "Sở Tư pháp tỉnh Sơn La", "--viet-tat", "STP"],
        "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH SƠN LA",
        ["GIÁM ĐỐC"],
    ),
    "van-phong": ([], "CHÁNH VĂN PHÒNG UBND TỈNH SƠN LA", ["CHÁNH VĂN PHÒNG"]),
    "hoi-dong-tdkt": (
        [],
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH SƠN LA",
        ["TM. HỘI ĐỒNG", "CHỦ TỊCH"],
    ),
    "phong": (
        ["--co-quan", "PHÒNG KINH TẾ", "--chu-quan", "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ",
         "--viet-tat", "PKT"],
        "TRƯỞNG PHÒNG KINH TẾ XÃ MƯỜNG BÚ",
        ["TRƯỞNG PHÒNG"],
    ),
}
PLACE = {"ubnd-huyen": "Mai Sơn", "ubnd-xa": "Mường Bú", "phong": "Mường Bú"}
DECREE = re.compile(r"\d+/\d{4}/NĐ-CP")
SO = re.compile(r"\bS[ởỞ]\b")  # the word Sở, in either case


def run(cli: click.Group, *args: str):
    result = CliRunner().invoke(cli, ["--lang", "vi", *args])
    assert "Traceback" not in result.output
    return result


def texts(path: Path) -> tuple[list[str], list[str]]:
    """(body paragraphs, table cell paragraphs) of a .docx as a reader sees them."""
    document = Document(str(path))
    body = [p.text for p in document.paragraphs if p.text.strip()]
    cells = [
        p.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        if p.text.strip()
    ]
    return body, cells


def test_every_preset_is_described_for_the_starters() -> None:
    assert set(OFFICES) == set(presets())
    for name, preset in presets().items():
        words = preset.get("van_ban") or {}
        assert {"de_nghi", "thi_hanh", "lanh_dao", "cua", "quy", "hoi_dong"} <= set(words), name


@pytest.mark.parametrize("kind", list(OFFICES))
def test_new_decisions_speak_for_the_office_they_are_made_in(
    kind: str, tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    flags, header, signature = OFFICES[kind]
    folder = tmp_path / kind
    made = run(cli, "init", str(folder), "--kieu", kind, "--dia-danh", PLACE.get(kind, "Sơn La"),
               "--nguoi-ky", "Lò Văn Xa", *flags)  # fmt: skip
    assert made.exit_code == 0, made.output
    monkeypatch.chdir(folder)
    year = date.today().year
    for starter in ("quyet-dinh", "quyet-dinh-chung", "quyet-dinh-quy-che"):
        result = run(cli, "new", starter, "-o", f"inputs/{year}/{starter}.yaml")
        assert result.exit_code == 0, result.output
    built = run(cli, "build")
    assert built.exit_code == 0, built.output
    for starter in ("quyet-dinh", "quyet-dinh-chung", "quyet-dinh-quy-che"):
        body, cells = texts(folder / "outputs" / str(year) / f"{starter}.docx")
        # ô 5b comes right after the trích yếu, and agrees with the signature.
        assert body[2] == header, (starter, body[:4])
        at = cells.index(signature[0])
        assert cells[at : at + len(signature) + 1] == [*signature, "Lò Văn Xa"], cells
        everything = "\n".join(body + cells)
        if kind not in ("so-nganh", "ubnd-tinh"):
            # Not a Sở, and no Sở speaks for it (a province's awards are proposed by its Sở
            # Nội vụ; that is the only Sở a province's decision names).
            assert not SO.search(everything), (starter, everything)
        if kind == "ubnd-tinh":
            assert all("Sở Nội vụ" in line for line in body + cells if SO.search(line))
    body, _ = texts(folder / "outputs" / str(year) / "quyet-dinh.docx")
    basis = {n for line in body if line.startswith("Căn cứ") for n in DECREE.findall(line)}
    paid = {n for line in body if line.startswith("Điều 2.") for n in DECREE.findall(line)}
    assert basis and basis == paid, body


@pytest.mark.parametrize("day", [date(2025, 3, 1), date(2026, 3, 1)])
def test_the_decree_cited_is_the_one_that_pays(
    day: date, tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    """15/01/2025 is under Nghị định 98/2023, 15/01/2026 under 152/2025: the căn cứ follows."""
    folder = tmp_path / "inputs" / str(day.year)
    folder.mkdir(parents=True)
    write_starter("quyet-dinh", folder / "qd.yaml", today=day)
    monkeypatch.chdir(tmp_path)
    result = run(cli, "render", str(folder / "qd.yaml"), "-o", "qd.docx")
    assert result.exit_code == 0, result.output
    body, _ = texts(tmp_path / "qd.docx")
    expected = DECREE.findall(regime_on(date(day.year, 1, 15)).decree)
    basis = [n for line in body if line.startswith("Căn cứ") for n in DECREE.findall(line)]
    paid = [n for line in body if line.startswith("Điều 2.") for n in DECREE.findall(line)]
    assert basis == paid == expected, body


def test_a_hand_written_profile_gets_words_that_fit_any_office() -> None:
    profile = {
        "ten_co_quan": "TRUNG TÂM LƯU TRỮ LỊCH SỬ",
        "ten_day_du": "Trung tâm Lưu trữ lịch sử tỉnh Sơn La",
        "dia_danh": "Sơn La",
        "don_vi": {"HC": {"ten": "Phòng Hành chính"}},
        "nguoi_ky": {
            "gd": {"ho_ten": "A", "chuc_vu": "Giám đốc"},
            "pgd": {"ho_ten": "B", "chuc_vu": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]},
        },
    }
    from pipeline.starters.office import office_words

    words = office_words(profile, "HC", "gd")
    assert words["tham_quyen"] == "Giám đốc Trung tâm Lưu trữ lịch sử tỉnh Sơn La"
    assert words["de_nghi"] == "Trưởng phòng Hành chính"
    assert words["lanh_dao"] == "Lãnh đạo cơ quan" and "Sở" not in " ".join(words.values())
    assert authority(profile, "pgd") == "Giám đốc Trung tâm Lưu trữ lịch sử tỉnh Sơn La"
    assert preset_of(profile) is None
    # A UBND written by hand, its signers named its own way, is still a UBND xã.
    xa = {**profile, "ten_co_quan": "ỦY BAN NHÂN DÂN XÃ MƯỜNG BÚ",
          "nguoi_ky": {"ct": {"ho_ten": "A", "chuc_vu": "Chủ tịch", "tham_quyen": "TM.",
                              "thay_cho": "Ủy ban nhân dân"}}}  # fmt: skip
    assert preset_of(xa) is presets()["ubnd-xa"]
    assert office_words(xa, "HC", "ct")["quy"] == "Quỹ thi đua, khen thưởng của xã"


def test_init_prints_a_next_step_the_shell_can_run(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(cli, "init", "thư mục có dấu cách", "--kieu", "ubnd-xa", "--dia-danh", "Mường Bú",
                 "--nguoi-ky", "Lò Văn Xa")  # fmt: skip
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("Tiếp theo: "))
    words = shlex.split(line.removeprefix("Tiếp theo: "))
    assert words[:2] == ["cd", "thư mục có dấu cách"] and (tmp_path / words[1]).is_dir()
    assert words[2:5] == ["&&", "vanthu", "render"] and (tmp_path / words[1] / words[5]).is_file()


def test_init_tidies_the_names_it_is_given(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "xa"
    name = unicodedata.normalize("NFD", "  Nguyễn  Văn\t  B ")
    result = run(cli, "init", str(folder), "--kieu", "ubnd-xa", "--dia-danh", " Mường   Bú ",
                 "--nguoi-ky", name, "--pho", "Lò   Thị  C")  # fmt: skip
    assert result.exit_code == 0, result.output
    profile = load_yaml(folder / "inputs" / "co-quan" / "uy-ban-nhan-dan-xa-muong-bu.yaml").data
    assert profile["nguoi_ky"]["chu-tich"]["ho_ten"] == "Nguyễn Văn B"
    assert profile["nguoi_ky"]["pho-chu-tich"]["ho_ten"] == "Lò Thị C"
    assert profile["dia_danh"] == "Mường Bú"
    assert profile["ten_day_du"] == "Ủy ban nhân dân xã Mường Bú"
    monkeypatch.chdir(folder)
    assert run(cli, "build").exit_code == 0
    _, cells = texts(next((folder / "outputs").rglob("ke-hoach.docx")))
    assert "Nguyễn Văn B" in cells


def test_init_refuses_a_name_of_only_spaces(tmp_path: Path, cli: click.Group) -> None:
    result = run(cli, "init", str(tmp_path / "x"), "--kieu", "ubnd-xa", "--dia-danh", "Mường Bú",
                 "--nguoi-ky", "   ")  # fmt: skip
    assert result.exit_code == 1 and "nguoi_ky" in result.output and "--nguoi-ky" in result.output
    assert not (tmp_path / "x" / "vanthu.yaml").exists()


def test_the_invitation_starters_suggested_time_reads_right(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its commented cau_chu:, uncommented: one 'phút' after each time, none after the span."""
    path = tmp_path / "inputs" / "2026" / "giay-moi.yaml"
    path.parent.mkdir(parents=True)
    write_starter("giay-moi", path, today=date(2026, 1, 1))
    path.write_text(uncommented_wording(path.read_text("utf-8")), "utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(cli, "render", str(path), "-o", "gm.docx")
    assert result.exit_code == 0, result.output
    body, _ = texts(tmp_path / "gm.docx")
    expected = (
        "Thời gian: thứ Năm, ngày 15 tháng 01 năm 2026, từ 08 giờ 00 phút đến 11 giờ 00 phút."
    )
    assert expected in body, body
