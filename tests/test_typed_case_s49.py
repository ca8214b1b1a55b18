"""The case a clerk types a profile's names and a trích yếu in (s49): vanthu never makes, from
data it accepted, a document its own verify rejects. The header names (ô 2) print in capitals
however typed ("Ubnd tỉnh Sơn La" → "UBND TỈNH SƠN LA"); a signer's name typed in capitals in
title case, as the award lists print theirs (a Biên bản's thư ký's too); a place typed in small
letters with its capitals; a trích yếu typed wholly in capitals is refused at its line (which
of its words are names only the clerk knows). Render, build, check and the Giấy khen agree: the
same documents as from the names typed as the decree prints them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.model.agency import Agency
from tests.conftest import REPO
from tests.docx_text import paragraph_texts

PROFILE = """\
co_quan_chu_quan: Ubnd tỉnh Sơn La
ten_co_quan: Văn phòng
ten_day_du: Văn phòng UBND tỉnh Sơn La
viet_tat: VPUBND
dia_danh: sơn la
don_vi:
  TH:
    ten: Phòng Tổng hợp
nguoi_ky:
  chanh-van-phong:
    ho_ten: NGUYỄN VĂN A
    chuc_vu: chánh văn phòng
"""

PLAN = """\
loai: ke_hoach
co_quan: van-phong
ngay: 05/01/2026
trich_yeu: {trich_yeu}
mo_dau:
  - Thực hiện chỉ đạo của cấp trên, cơ quan ban hành Kế hoạch với những nội dung sau.
muc:
  - tieu_de: Mục đích, yêu cầu
    doan:
      - Nâng cao chất lượng công tác thi đua, khen thưởng.
ket_thuc: Các phòng, ban, đơn vị nghiêm túc triển khai thực hiện
noi_nhan:
  - Các phòng, ban, đơn vị
don_vi_soan_thao: TH
nguoi_ky: chanh-van-phong
"""

SUMMARY = "Triển khai công tác thi đua, khen thưởng năm 2026"


def vanthu(*args: str) -> Result:
    result = CliRunner().invoke(main, ["--lang", "vi", *args])
    assert "Traceback" not in result.output, result.output
    return result


def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trich_yeu: str = SUMMARY) -> Path:
    """A working folder whose profile types every name in the wrong case, and a plan in it."""
    (tmp_path / "vanthu.yaml").write_text("ten: Văn phòng\n", "utf-8")
    (tmp_path / "inputs" / "co-quan").mkdir(parents=True)
    (tmp_path / "inputs" / "2026").mkdir()
    (tmp_path / "inputs" / "co-quan" / "van-phong.yaml").write_text(PROFILE, "utf-8")
    plan = tmp_path / "inputs" / "2026" / "ke-hoach.yaml"
    plan.write_text(PLAN.format(trich_yeu=trich_yeu), "utf-8")
    monkeypatch.chdir(tmp_path)
    return plan


# --- the profile's names, typed in any case ---------------------------------------------------


def test_the_document_of_a_profile_typed_in_any_case_passes_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = office(tmp_path, monkeypatch)
    assert vanthu("check").exit_code == 0
    out = tmp_path / "ke-hoach.docx"
    rendered = vanthu("render", str(plan), "-o", str(out))
    assert rendered.exit_code == 0, rendered.output
    assert "cảnh báo" not in rendered.output.casefold()
    verified = vanthu("verify", str(out))
    assert verified.exit_code == 0, verified.output
    texts = paragraph_texts(out)
    assert texts[:2] == ["UBND TỈNH SƠN LA", "VĂN PHÒNG"]
    assert "Sơn La, ngày 05 tháng 01 năm 2026" in texts
    assert texts[-1] == "Nguyễn Văn A" and "CHÁNH VĂN PHÒNG" in texts


def test_the_profile_reads_the_signer_and_place_as_printed() -> None:
    """The model gives every reader (the sổ, a Biên bản's attendance, the Giấy khen) one name."""
    from ruamel.yaml import YAML

    agency = Agency.model_validate(YAML(typ="safe").load(PROFILE))
    assert agency.dia_danh == "Sơn La"
    assert agency.nguoi_ky["chanh-van-phong"].ho_ten == "Nguyễn Văn A"
    # typed otherwise: kept as typed, its first letter a capital
    for typed, printed in (("Sơn La", "Sơn La"), ("tp. Hồ Chí Minh", "Tp. Hồ Chí Minh"),
                           ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh")):  # fmt: skip
        data = YAML(typ="safe").load(PROFILE.replace("dia_danh: sơn la", f"dia_danh: {typed}"))
        assert Agency.model_validate(data).dia_danh == printed


def test_a_header_name_is_printed_in_capitals() -> None:
    from pipeline.context.common import _header_names
    from pipeline.render.compose import TemplateLibrary
    from pipeline.render.package import Package
    from pipeline.render.styles import StyleSheet

    frame = Package.read(TemplateLibrary().file("khung"))
    styles = StyleSheet(frame.parts["word/styles.xml"])
    chu_quan, name = _header_names("Ubnd tỉnh Sơn La", "Văn phòng\nủy ban nhân dân", styles)
    assert (chu_quan, name) == ("UBND TỈNH SƠN LA", "VĂN PHÒNG\nỦY BAN NHÂN DÂN")


# --- a trích yếu typed in capitals ------------------------------------------------------------


def test_a_summary_in_capitals_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = office(tmp_path, monkeypatch, trich_yeu=SUMMARY.upper())
    for command in (("check",), ("render", str(plan), "-o", str(tmp_path / "x.docx"))):
        refused = vanthu(*command)
        assert refused.exit_code == 1, refused.output
        assert "ke-hoach.yaml, dòng 4, trường 'trich_yeu'" in refused.output
        assert "toàn chữ in hoa" in refused.output and f"«{SUMMARY}»" in refused.output
    assert not (tmp_path / "x.docx").exists()
    english = CliRunner().invoke(main, ["--lang", "en", "check"])
    assert "wholly in capitals" in english.output
    # one small letter, a number or an abbreviation alone among small letters: accepted
    for typed in ("Kế hoạch UBND 2026", "V/v COVID-19"):
        (tmp_path / "inputs" / "2026" / "ke-hoach.yaml").write_text(
            PLAN.format(trich_yeu=typed), "utf-8"
        )
        assert vanthu("check").exit_code == 0


def test_a_regulations_summary_in_capitals_is_refused() -> None:
    from pydantic import ValidationError

    from pipeline.model.quyet_dinh import Regulation

    article = {"tieu_de": "Phạm vi", "doan": ["Quy chế này quy định hoạt động."]}
    with pytest.raises(ValidationError, match="toàn chữ in hoa"):
        Regulation.model_validate({"trich_yeu": "HOẠT ĐỘNG CỦA HỘI ĐỒNG", "dieu": [article]})
    Regulation.model_validate({"trich_yeu": "Hoạt động của Hội đồng", "dieu": [article]})


def test_a_signatures_own_lines_are_printed_in_capitals() -> None:
    """A Biên bản's THƯ KÝ and CHỦ TỌA in an office's or a document's own wording (cau_chu)."""
    from pipeline.model.wording import PhraseOverrides

    typed = PhraseOverrides.model_validate({"ky_chu_toa": "Chủ tọa", "ky_thu_ky": "thư ký"})
    assert (typed.ky_chu_toa, typed.ky_thu_ky) == ("CHỦ TỌA", "THƯ KÝ")  # type: ignore[attr-defined]


# --- build and the Giấy khen: the same documents however the names were typed -----------------


def _examples(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(REPO / "vanthu.yaml", folder / "vanthu.yaml")
    shutil.copytree(REPO / "inputs", folder / "inputs")
    return folder


def _retyped(path: Path, *changes: tuple[str, str]) -> None:
    text = path.read_text("utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")


def test_a_build_of_names_typed_in_any_case_makes_the_same_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example office's profiles with their names in the wrong case, a Biên bản's thư ký
    in capitals and its signatures' lines (cau_chu) in small letters: every document byte for
    byte the one of the names typed right, the Giấy khen (the decision's signer and place) and
    the Biên bản (its two signatures) among them."""
    plain, retyped = _examples(tmp_path / "plain"), _examples(tmp_path / "retyped")
    profiles = retyped / "inputs" / "co-quan"
    _retyped(
        profiles / "ubnd-tinh-son-la.yaml",
        ("  - ỦY BAN NHÂN DÂN\n  - TỈNH SƠN LA", "  - Ủy ban nhân dân\n  - tỉnh Sơn La"),
        ("dia_danh: Sơn La", "dia_danh: sơn la"), ("ho_ten: Lê Hồng Minh", "ho_ten: LÊ HỒNG MINH"),
    )  # fmt: skip
    _retyped(
        profiles / "van-phong-ubnd-son-la.yaml",
        ("co_quan_chu_quan: UBND TỈNH SƠN LA", "co_quan_chu_quan: Ubnd tỉnh Sơn La"),
        ("ten_co_quan: VĂN PHÒNG ", "ten_co_quan: Văn phòng "),
        ("dia_danh: Sơn La", "dia_danh: sơn la"),
        ("ho_ten: Nguyễn Huy Anh", "ho_ten: NGUYỄN HUY ANH"),
    )  # fmt: skip
    minutes = retyped / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
    _retyped(minutes, ("ho_ten: Hoàng Thị Hà", "ho_ten: HOÀNG THỊ HÀ"))
    # the signatures' own lines in the document's wording, typed in small letters
    with minutes.open("a", encoding="utf-8") as data:
        data.write("cau_chu:\n  ky_chu_toa: Chủ tọa\n  ky_thu_ky: Thư ký\n")
    for folder in (plain, retyped):
        monkeypatch.chdir(folder)
        built = vanthu("build", "-j", "1")
        assert built.exit_code == 0, built.output
    monkeypatch.chdir(retyped)
    verified = vanthu("verify", "outputs")
    assert verified.exit_code == 0, verified.output
    made = sorted(p.relative_to(plain) for p in (plain / "outputs").rglob("*.docx"))
    assert Path("outputs/2024/giay-khen-bang-khen-ubnd-tinh.docx") in made
    assert Path("outputs/2024/bb-hop-hoi-dong-tdkt.docx") in made
    for name in made:
        assert (retyped / name).read_bytes() == (plain / name).read_bytes(), name
    certificate = paragraph_texts(retyped / "outputs/2024/giay-khen-bang-khen-ubnd-tinh.docx")
    assert any(text == "Lê Hồng Minh" for text in certificate)
    assert any(text.startswith("Sơn La, ngày") for text in certificate)
