"""A profile line too wide for its column (agency name in ô 2, signer's title in ô 7): render,
build and check warn at the profile's line with the lines to write, and the output prints the
line broken there, its header columns and rule sized for those lines, so verify passes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.context.line_fit import title_line_breaks, yaml_lines
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from pipeline.workspace.header_name import header_lines

ONE_LINE = """\
co_quan_chu_quan: [SỞ Y TẾ TỈNH SƠN LA]
ten_co_quan: [BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU]
ten_day_du: Bệnh viện Đa khoa khu vực Thảo Nguyên Mộc Châu
viet_tat: BVĐKKVTNMC
dia_danh: Mộc Châu
don_vi:
  TCHC: {ten: Phòng Tổ chức - Hành chính}
nguoi_ky:
  giam-doc: {ho_ten: Hà Văn Sơn, chuc_vu: Giám đốc}
  tuq: {ho_ten: Mùa A Páo, chuc_vu: Trưởng phòng Tổ chức - Hành chính, tham_quyen: TUQ.,
        thay_cho: Giám đốc}
"""
# The same profile as the warnings suggest writing it.
AS_LINES = ONE_LINE.replace(
    "[BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU]",
    "[BỆNH VIỆN ĐA KHOA KHU VỰC, THẢO NGUYÊN MỘC CHÂU]",
).replace(
    "chuc_vu: Trưởng phòng Tổ chức - Hành chính", "chuc_vu: [Trưởng phòng, Tổ chức - Hành chính]"
)

LETTER = """\
loai: cong_van
co_quan: bv
so: {so}
ngay: 09/02/2026
trich_yeu: tăng cường công tác phòng, chống dịch bệnh
kinh_gui: [Các khoa, phòng]
noi_dung:
  - Bệnh viện đề nghị các đơn vị khẩn trương thực hiện.
ket_thuc: Đề nghị các đơn vị nghiêm túc thực hiện
noi_nhan: [Sở Y tế (b/c)]
don_vi_soan_thao: TCHC
nguoi_ky: {signer}
"""

AGENCY_LINES = ["SỞ Y TẾ TỈNH SƠN LA", "BỆNH VIỆN ĐA KHOA KHU VỰC", "THẢO NGUYÊN MỘC CHÂU"]
TITLE_LINES = ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG", "TỔ CHỨC - HÀNH CHÍNH"]


def office(root: Path, profile: str = ONE_LINE, signers: tuple[str, ...] = ("tuq",)) -> Path:
    """A workspace at `root` with the hospital's profile and a Công văn per signer."""
    (root / "inputs" / "co-quan").mkdir(parents=True)
    (root / "vanthu.yaml").write_text("ten: Bệnh viện\n", "utf-8")
    (root / "inputs" / "co-quan" / "bv.yaml").write_text(profile, "utf-8")
    (root / "inputs" / "2026").mkdir()
    for number, signer in enumerate(signers, start=7):
        path = root / "inputs" / "2026" / f"cv-{signer}.yaml"
        path.write_text(LETTER.format(signer=signer, so=number), "utf-8")
    return root / "inputs" / "2026" / f"cv-{signers[0]}.yaml"


def header_and_signature(docx: Path) -> tuple[list[str], list[str]]:
    document = Document(str(docx))
    left = document.tables[0].cell(0, 0)
    header = [line for p in left.paragraphs for line in p.text.split("\n") if line.strip()]
    signature = document.tables[-1].rows[0].cells[1]
    titles = [
        line for p in signature.paragraphs if p.style.name == "ChuKyThamQuyen"
        for line in p.text.split("\n") if line.strip()
    ]  # fmt: skip
    return header, titles


def test_a_title_breaks_where_the_units_name_starts() -> None:
    styles = Renderer().styles
    assert title_line_breaks("Trưởng phòng Tổ chức - Hành chính", styles) == (
        "Trưởng phòng", "Tổ chức - Hành chính",
    )  # fmt: skip
    assert title_line_breaks("Phó Giám đốc", styles) is None  # fits: unchanged
    # The tester's school: never "PHÓ / HIỆU TRƯỞNG PHỤ / TRÁCH ...", but between phrases.
    assert title_line_breaks(
        "Phó Hiệu trưởng phụ trách chuyên môn và công tác thi đua, khen thưởng", styles
    ) == ("Phó Hiệu trưởng", "phụ trách chuyên môn", "và công tác thi đua,", "khen thưởng")
    # In capitals nothing tells where the unit starts: broken as init breaks a name.
    typed = "TRƯỞNG PHÒNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH VÀ TỔNG HỢP"
    assert title_line_breaks(typed, styles) == tuple(header_lines(typed, "ChuKyThamQuyen"))


def test_the_suggested_lines_read_back_as_yaml() -> None:
    lines = ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH: TỈNH"]
    assert yaml.safe_load(f"x: {yaml_lines(lines)}") == {"x": lines}


def test_render_breaks_the_lines_as_suggested_and_verify_passes(tmp_path: Path) -> None:
    data = office(tmp_path / "mot-dong")
    one = Renderer(Workspace.containing(data)).render_file(data, tmp_path / "mot-dong.docx")
    assert header_and_signature(one) == (AGENCY_LINES, TITLE_LINES)
    report = verify_file(one)
    assert report.ok, [v.line("vi") for v in report.violations]
    # The same document as the profile written in lines: same columns, same rule.
    listed = office(tmp_path / "danh-sach", AS_LINES)
    workspace = Workspace.containing(listed)
    as_written = Renderer(workspace).context(workspace.load(listed))
    renderer = Renderer(Workspace.containing(data))
    as_broken = renderer.context(Workspace.containing(data).load(data))
    for key in ("dau_trang", "co_quan_ban_hanh", "duong_ke_co_quan", "chu_ky"):
        assert as_broken[key] == as_written[key], key


def test_check_warns_at_the_profiles_lines_and_passes(tmp_path: Path) -> None:
    data = office(tmp_path)
    result = CliRunner().invoke(main, ["check", str(data)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Cảnh báo:")]
    assert len(warnings) == 2, result.output
    agency, title = warnings
    assert "inputs/co-quan/bv.yaml, dòng 2, trường 'ten_co_quan'" in agency
    assert "«BỆNH VIỆN ĐA KHOA KHU VỰC / THẢO NGUYÊN MỘC CHÂU»" in agency
    assert "ten_co_quan: [BỆNH VIỆN ĐA KHOA KHU VỰC, THẢO NGUYÊN MỘC CHÂU]" in agency
    assert "dòng 10, trường 'nguoi_ky.tuq.chuc_vu'" in title
    assert "chuc_vu: [Trưởng phòng, Tổ chức - Hành chính]" in title
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(data)])
    assert "line 2, field 'ten_co_quan': the line «BỆNH VIỆN" in english.output


def test_a_profile_written_in_lines_says_nothing(tmp_path: Path) -> None:
    data = office(tmp_path, AS_LINES)
    result = CliRunner().invoke(main, ["check", str(data)])
    assert result.exit_code == 0 and "Cảnh báo" not in result.output, result.output


def test_render_warns_once_per_profile(tmp_path: Path) -> None:
    data = office(tmp_path, signers=("tuq", "giam-doc"))
    other = data.with_name("cv-giam-doc.yaml")
    result = CliRunner().invoke(main, ["render", str(data), str(other)])
    assert result.exit_code == 0, result.output
    assert result.output.count("trường 'ten_co_quan'") == 1
    assert result.output.count("trường 'nguoi_ky.tuq.chuc_vu'") == 1
    assert (tmp_path / "outputs" / "2026" / "cv-tuq.docx").is_file()


def test_build_warns_and_its_outputs_pass_verify(tmp_path: Path) -> None:
    office(tmp_path, signers=("tuq", "giam-doc"))
    result = CliRunner().invoke(main, ["build", "-j", "1", str(tmp_path / "inputs")])
    assert result.exit_code == 0, result.output
    assert result.output.count("Cảnh báo: inputs/co-quan/bv.yaml, dòng 2") == 1, result.output
    for docx in sorted((tmp_path / "outputs" / "2026").glob("*.docx")):
        report = verify_file(docx)
        assert report.ok, [v.line("vi") for v in report.violations]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_warns_once_per_office_and_reads_the_profile_anew(tmp_path: Path, jobs: str) -> None:
    """The documents' workers say the profile's warnings (the build process never loads the
    documents); once per office however many documents and workers, and from the profile as it
    is now in a later build in the same process."""
    office(tmp_path, signers=("tuq", "giam-doc", "tuq-2"))
    profile = tmp_path / "inputs" / "co-quan" / "bv.yaml"
    deputy = "  tuq-2: {ho_ten: Lò Văn Ún, chuc_vu: Phó Giám đốc}\n  tuq: {"
    profile.write_text(ONE_LINE.replace("  tuq: {", deputy), "utf-8")
    inputs = str(tmp_path / "inputs")
    result = CliRunner().invoke(main, ["build", "-j", jobs, inputs])
    assert result.exit_code == 0, result.output
    assert "3 đã dựng" in result.output, result.output
    assert result.output.count("Cảnh báo: inputs/co-quan/bv.yaml, dòng 2") == 1, result.output
    assert result.output.count("trường 'nguoi_ky.tuq.chuc_vu'") == 1, result.output
    profile.write_text(AS_LINES.replace("  tuq: {", deputy), "utf-8")
    again = CliRunner().invoke(main, ["build", "-j", jobs, inputs])
    # Made again from the profile as it is now: the same lines, so the same files (r14c F1).
    assert again.exit_code == 0 and "0 đã dựng, 3 không đổi" in again.output, again.output
    assert "Cảnh báo" not in again.output, again.output


def test_libreoffice_prints_the_lines_where_vanthu_broke_them(tmp_path: Path) -> None:
    data = office(tmp_path)
    pdf = tmp_path / "cv.pdf"
    result = CliRunner().invoke(main, ["render", str(data), "--pdf", "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    assert verify_file(pdf.with_suffix(".docx")).ok
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for line in ("BỆNH VIỆN ĐA KHOA KHU VỰC", "THẢO NGUYÊN MỘC CHÂU", "TRƯỞNG PHÒNG",
                 "TỔ CHỨC - HÀNH CHÍNH"):  # fmt: skip
        assert any(found == line or found.startswith(line + " ") or found.endswith(" " + line)
                   for found in lines), (line, text[:1500])  # fmt: skip
    assert not any(found.endswith("HÀNH") for found in lines), text[:1500]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_exist_in_both_languages(lang: str) -> None:
    from pipeline.i18n import t

    for key in ("wording.long_header_line", "wording.long_title_line"):
        said = t(key, lang=lang, text="A", lines="B", suggestion="C")
        assert "A" in said and "B" in said and "C" in said
