"""Text a clerk typed, printed as typed and verified as printed.

- "./." typed after a paragraph or article that is not the content's last is left out there
  (the sentence's own mark kept); verify reports a "./." anywhere but the content's end.
- Braces typed in the data ("{{ ma_ho_so }}", "{% raw %}") print as typed; in a file that is
  byte for byte the output vanthu recorded in its manifest, verify warns about them instead of
  failing the document for a leftover tag; any other file keeps its tags checked.
- A value filled into a sentence (Kính trình ..., Phúc đáp ..., Địa điểm ...) prints as typed:
  stars in a name are text, as where the name stands alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.context.common import without_decree_mark
from pipeline.verify import verify_file
from tests.test_verify_signers_q_tl import _cli, _run

OFFICE = "uy-ban-nhan-dan-xa-muong-bu"
HEAD = f"""\
co_quan: {OFFICE}
ngay: 11/03/2026
don_vi_soan_thao: VP
nguoi_ky: chu-tich
noi_nhan:
  - Thường trực Đảng ủy xã
"""
DECISION = f"""\
loai: quyet_dinh
co_quan: {OFFICE}
so: 8
ngay: 12/03/2026
trich_yeu: Về việc thành lập Tổ công tác rà soát hộ nghèo năm 2026
tham_quyen: Chủ tịch Ủy ban nhân dân xã Mường Bú
can_cu:
  - Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025
theo_de_nghi: Trưởng phòng Văn hóa - Xã hội xã
dieu:
  - noi_dung: Thành lập Tổ công tác rà soát hộ nghèo năm 2026./.
  - tieu_de: Nhiệm vụ của Tổ công tác
    khoan:
      - noi_dung: Rà soát hộ nghèo trên địa bàn xã;./.
      - noi_dung: Tổng hợp, báo cáo kết quả./.
  - noi_dung: Quyết định này có hiệu lực kể từ ngày ký./.
  - noi_dung: Văn phòng và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định này./.
noi_nhan:
  - UBND tỉnh (b/c)
don_vi_soan_thao: VHXH
nguoi_ky: chu-tich-ca-nhan
"""


@pytest.fixture
def xa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A xã's workspace (vanthu init)."""
    folder = tmp_path / "xa"
    _run("init", str(folder), "--kieu", "ubnd-xa", "--dia-danh", "Xã Mường Bú",
         "--nguoi-ky", "Lò Văn Pấng", "--pho", "Quàng Thị Én")  # fmt: skip
    monkeypatch.chdir(folder)
    return folder


def _rendered(folder: Path, name: str, text: str) -> Path:
    data = folder / "inputs" / "2026" / f"{name}.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(text, "utf-8")
    out = folder / f"{name}.docx"
    _run("render", str(data), "-o", str(out))
    return out


def _paragraphs(path: Path) -> list:
    doc = Document(str(path))
    found = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in {id(c): c for c in row.cells}.values():
                found.extend(cell.paragraphs)
    return found


def _texts(path: Path) -> list[str]:
    return [p.text for p in _paragraphs(path)]


def _emphasised(path: Path) -> list[str]:
    """The texts of the runs set bold or italic by a character style or directly."""
    out = []
    for p in _paragraphs(path):
        for run in p.runs:
            style = run.style.name if run.style is not None else ""
            if style in ("Strong", "Emphasis", "StrongEmphasis") or run.bold or run.italic:
                out.append(run.text)
    return out


# "./." before the end of the content.


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("kể từ ngày ký./.", "kể từ ngày ký."),
        ("kể từ ngày ký ./.", "kể từ ngày ký."),
        ("kể từ ngày ký./", "kể từ ngày ký."),
        ("kể từ ngày ký/.", "kể từ ngày ký."),
        ("rà soát;./.", "rà soát;"),
        ("các văn bản khác v.v./.", "các văn bản khác v.v."),
        ("có đúng không?./.", "có đúng không?"),
        ("dòng một./.\ndòng hai./.", "dòng một.\ndòng hai."),
        ("xem sonla.gov.vn/", "xem sonla.gov.vn/"),
        ("chạy ./.env trước", "chạy ./.env trước"),
        ("không có dấu", "không có dấu"),
    ],
)
def test_a_typed_decree_mark_gives_way_to_the_sentence_s_own(typed: str, printed: str) -> None:
    assert without_decree_mark(typed) == printed


def test_a_decision_prints_the_decree_mark_after_its_last_article_only(xa: Path) -> None:
    out = _rendered(xa, "qd", DECISION)
    texts = _texts(out)
    assert "Điều 1. Thành lập Tổ công tác rà soát hộ nghèo năm 2026." in texts
    assert "1. Rà soát hộ nghèo trên địa bàn xã;" in texts
    assert "2. Tổng hợp, báo cáo kết quả." in texts
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in texts
    closing = [t for t in texts if "./." in t]
    assert closing == [
        "Điều 4. Văn phòng và các thành viên Tổ công tác chịu trách nhiệm thi hành Quyết định "
        "này./."
    ]
    report = verify_file(out)
    assert "noi_dung.closing_early" not in report.rules, report.format_text("vi")


def test_a_letter_and_a_notice_print_it_at_their_end_only(xa: Path) -> None:
    letter = HEAD + (
        "loai: cong_van\nso: 31\ntrich_yeu: hướng dẫn rà soát\nkinh_gui: Trưởng các thôn, bản\n"
        "noi_dung:\n  - Đề nghị các thôn rà soát danh sách./.\n"
        "  - gach:\n      - Thôn Ít báo cáo trước ngày 20;./.\n      - Thôn Hạ báo cáo sau./.\n"
        "ket_thuc: Đề nghị các thôn, bản thực hiện./.\n"
    )
    notice = HEAD + (
        "loai: thong_bao\ntrich_yeu: Kết luận cuộc họp giao ban\n"
        "mo_dau:\n  - UBND xã thông báo kết luận như sau./.\n"
        "muc:\n  - tieu_de: Nhiệm vụ\n    khoan:\n      - noi_dung: Hoàn thành báo cáo./.\n"
        "ket_thuc: UBND xã thông báo để các bộ phận biết, thực hiện\n"
    )
    for name, text, last in (
        ("cv", letter, "Đề nghị các thôn, bản thực hiện./."),
        ("tb", notice, "UBND xã thông báo để các bộ phận biết, thực hiện./."),
    ):
        out = _rendered(xa, name, text)
        assert [t for t in _texts(out) if "./." in t] == [last], name
        report = verify_file(out)
        assert "noi_dung.closing_early" not in report.rules, report.format_text("vi")
    texts = _texts(xa / "cv.docx")
    assert "Đề nghị các thôn rà soát danh sách." in texts
    assert "- Thôn Ít báo cáo trước ngày 20;" in texts
    assert "1. Hoàn thành báo cáo." in _texts(xa / "tb.docx")



def test_a_plan_prints_it_at_its_end_only(xa: Path) -> None:
    # A Kế hoạch's paragraphs and sections (alone or issued by a decision: ke_hoach.plan_body)
    # are no end of it: its ket_thuc is.
    data = xa / "inputs" / "2026" / "ke-hoach-dau-nam.yaml"
    _run("new", "ke-hoach", "-o", str(data))
    text = data.read_text("utf-8")
    for typed in ("Kế hoạch với những nội dung sau:", "Triển khai đồng bộ, thiết thực, hiệu quả.",
                  "Các phòng, ban, đơn vị căn cứ Kế hoạch này triển khai thực hiện."):  # fmt: skip
        assert typed in text
        text = text.replace(typed, typed + "/.", 1) if typed.endswith(".") else text.replace(
            typed, typed + "./.", 1)  # fmt: skip
    data.write_text(text, "utf-8")
    out = xa / "ke-hoach.docx"
    _run("render", str(data), "-o", str(out))
    marked = [t for t in _texts(out) if "./." in t]
    assert marked == ["Yêu cầu các phòng, ban, đơn vị nghiêm túc triển khai thực hiện./."], marked
    assert "Triển khai đồng bộ, thiết thực, hiệu quả." in _texts(out)
    assert "noi_dung.closing_early" not in verify_file(out).rules

def _with_text(path: Path, start: str, text: str) -> Path:
    """The document with the body paragraph starting `start` reading `text` instead."""
    doc = Document(str(path))
    paragraph = next(p for p in doc.paragraphs if p.text.startswith(start))
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""
    changed = path.with_name(f"sua-{path.name}")
    doc.save(str(changed))
    return changed


def test_verify_reports_a_decree_mark_before_the_end(xa: Path) -> None:
    out = _rendered(xa, "qd", DECISION)
    early = _with_text(out, "Điều 3.", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.")
    report = verify_file(early)
    (violation,) = [v for v in report.violations if v.rule == "noi_dung.closing_early"]
    assert "«này có hiệu lực kể từ ngày ký./.»" in violation.line("vi")
    assert "Điều 3." in violation.where.describe("vi")
    # Inside the last paragraph, before its end: reported too; a path's "./.env" is no mark.
    inside = _with_text(out, "Điều 4.", "Điều 4. Thi hành./. Các cơ quan thực hiện./.")
    assert "noi_dung.closing_early" in verify_file(inside).rules
    path = _with_text(out, "Điều 3.", "Điều 3. Chạy ./.env trước khi ký.")
    assert "noi_dung.closing_early" not in verify_file(path).rules


# Braces typed in the data.

TYPED_BRACES = HEAD + (
    "loai: cong_van\nso: 31\ntrich_yeu: hướng dẫn điền biểu mẫu trực tuyến\n"
    "kinh_gui: Trưởng các thôn, bản\nnoi_dung:\n"
    '  - "Trong ô Mã hồ sơ, giữ nguyên chuỗi {{ ma_ho_so }} do hệ thống tự điền; '
    'không xóa {% raw %}."\n'
    "ket_thuc: Đề nghị các thôn, bản thực hiện\n"
)


def _rendered_in_outputs(folder: Path, name: str, text: str) -> Path:
    """`text` rendered where the build would write it, recorded in the year's manifest."""
    data = folder / "inputs" / "2026" / f"{name}.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(text, "utf-8")
    _run("render", str(data))
    out = folder / "outputs" / "2026" / f"{name}.docx"
    assert out.is_file() and (out.parent / "manifest.json").is_file()
    return out


def test_braces_typed_in_the_data_print_and_verify_as_typed_text(xa: Path) -> None:
    out = _rendered_in_outputs(xa, "cv", TYPED_BRACES)
    assert any("{{ ma_ho_so }}" in t and "{% raw %}" in t for t in _texts(out))
    report = verify_file(out)
    assert report.ok, report.format_text("vi")
    (warning,) = report.warnings
    assert warning.rule == "text.typed_tag"
    assert "«{{ ma_ho_so }}»" in warning.line("vi")
    assert "ghi trong manifest.json" in warning.line("vi")
    assert "as the manifest.json beside it records" in warning.line("en")
    result = CliRunner().invoke(_cli(), ["--lang", "vi", "verify", str(out)])
    assert result.exit_code == 0, result.output
    assert "đạt, không có vi phạm (1 cảnh báo)" in result.output


def test_a_file_not_as_vanthu_recorded_it_keeps_its_tags_checked(xa: Path) -> None:
    out = _rendered_in_outputs(xa, "cv", TYPED_BRACES)
    # Saved again by hand (its bytes no longer those recorded): a leftover is a leftover.
    Document(str(out)).save(str(out))
    report = verify_file(out)
    (violation,) = [v for v in report.violations if v.rule == "text.template_tag"]
    assert "«{{ ma_ho_so }}»" in violation.line("vi")
    # Rendered outside the workspace's outputs (no manifest records it): the same.
    elsewhere = _rendered(xa, "cv-rieng", TYPED_BRACES.replace("so: 31", "so: 35"))
    assert "text.template_tag" in verify_file(elsewhere).rules


# Values filled into sentences.


def test_a_name_in_kinh_trinh_prints_as_typed(xa: Path) -> None:
    text = HEAD + (
        "loai: to_trinh\nso: 32\ntrich_yeu: Về việc đề nghị hỗ trợ kinh phí\n"
        "kinh_gui: Công ty TNHH **Hoa Ban** Tây Bắc\n"
        "mo_dau:\n  - UBND xã đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa bản Ít.\n"
    )
    out = _rendered(xa, "tt", text)
    assert "Kính trình Công ty TNHH **Hoa Ban** Tây Bắc xem xét, quyết định./." in _texts(out)
    assert "Hoa Ban" not in _emphasised(out)


def test_the_sender_in_a_reply_s_opening_prints_as_typed(xa: Path) -> None:
    text = HEAD + (
        "loai: cong_van\nso: 33\ntrich_yeu: trả lời đề nghị hỗ trợ\n"
        "kinh_gui: Công ty TNHH *Sao Mai* 2\n"
        "tra_loi:\n  so: 12/CV-SM\n  ngay: 02/03/2026\n  cua: Công ty TNHH *Sao Mai* 2\n"
        "  ve_viec: đề nghị hỗ trợ \\*gấp\\*\n"
        "noi_dung:\n  - UBND xã *đồng ý*.\n"
        "ket_thuc: UBND xã trả lời để Công ty biết\n"
    )
    out = _rendered(xa, "cv", text)
    opening = next(t for t in _texts(out) if t.startswith("Phúc đáp"))
    assert "của Công ty TNHH *Sao Mai* 2 về việc đề nghị hỗ trợ \\*gấp\\*," in opening
    # The body's own markup is still read: only the values are text.
    emphasised = _emphasised(out)
    assert "đồng ý" in emphasised and "Sao Mai" not in emphasised


def test_an_invitation_s_guest_and_place_print_as_typed(xa: Path) -> None:
    text = HEAD + (
        "loai: giay_moi\nso: 34\ntrich_yeu: Dự họp giao ban\n"
        "kinh_moi: Ông *Lò Văn A*, Trưởng bản\n"
        "thoi_gian:\n  gio: '8:00'\n  ngay: 15/03/2026\n"
        "dia_diem: Nhà văn hóa **bản Ít**\n"
        "thanh_phan:\n  - Trưởng bản *Ít*\n  - Trưởng bản Hạ\n"
        "ket_thuc: Đề nghị các đồng chí tham dự đúng thời gian\n"
    )
    out = _rendered(xa, "gm", text)
    joined = "\n".join(_texts(out))
    for typed in ("Ông *Lò Văn A*, Trưởng bản", "Nhà văn hóa **bản Ít**", "- Trưởng bản *Ít*;"):
        assert typed in joined, typed
    assert not {"Lò Văn A", "bản Ít", "Ít"} & set(_emphasised(out))


def test_a_decision_s_own_words_in_article_one_print_as_typed(xa: Path) -> None:
    data = xa / "inputs" / "2026" / "qd-khen.yaml"
    _run("new", "quyet-dinh", "-o", str(data))
    typed = data.read_text("utf-8")
    assert "  hanh_dong: Công nhận danh hiệu" in typed
    marked = typed.replace("  hanh_dong: Công nhận", "  hanh_dong: Công nhận *theo Quy chế*")
    data.write_text(marked, "utf-8")
    out = xa / "qd-khen.docx"
    _run("render", str(data), "-o", str(out))
    article = next(t for t in _texts(out) if t.startswith("Điều 1."))
    assert article.startswith("Điều 1. Công nhận *theo Quy chế* danh hiệu thi đua năm")
    assert "theo Quy chế" not in _emphasised(out)


def test_a_report_prints_it_at_its_end_only(example_here: Path) -> None:
    # A Báo cáo's paragraphs, their figures filled in, are no end of it: its ket_thuc is.
    data = example_here / "inputs" / "2022" / "bao-cao-tong-ket.yaml"
    typed = "năm 2022 và phương hướng, nhiệm vụ năm 2023 như sau:"
    text = data.read_text("utf-8")
    assert typed in text
    data.write_text(text.replace(typed, typed + "./.", 1), "utf-8")
    out = example_here / "bao-cao.docx"
    _run("render", str(data), "-o", str(out))
    opening = next(t for t in _texts(out) if t.startswith("Thực hiện Kế hoạch số 05/KH-VPUBND"))
    assert opening.endswith("nhiệm vụ năm 2023 như sau:"), opening
    assert len([t for t in _texts(out) if t.endswith("./.")]) == 1
