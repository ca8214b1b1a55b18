"""Giấy khen (r11b, after the unit line's fit): every field's room, said once and checked early.

verify said giay_khen.du_cho once per page: a 500-certificate batch whose decision line wraps
gave 500 identical lines. Now a field overrunning alike on many pages is said once with its
pages; a field printing its page's own text (a unit) keeps one line per page. render (and so
build) fits the thành tích (15 to 13 pt) and refuses any other field's text that would run into
the field below it, naming where the text is written: the office's wording at its profile line,
the batch's own, the signer, the decision's thành tích. `vanthu templates check` says of an
office's phôi the fields too small for the text of an example batch (vanthu's starter, the
office's own batches), and a shrinking field without a width.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.context.giay_khen import ACHIEVEMENT_STYLE, NAME_STYLE, UNIT_STYLE
from pipeline.errors import InputError
from pipeline.render.compose import TemplateLibrary
from pipeline.render.structure import SIZED_FIELDS
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from pipeline.verify.certificate_room import page_runs
from pipeline.workspace import Workspace
from tests.test_certificate_unit_fit_r11 import LONG_UNIT, rows_with, without_sizes
from tests.test_giay_khen import CERTIFICATE, batch_rows, example_rows, workspace
from tests.typed_docs import TEMPLATES, open_docx

TWIPS_PER_MM = 1440 / 25.4
DECISION_STYLE, DATE_STYLE = "GiayKhenQuyetDinh", "GiayKhenNgay"
# An office's wording of the decision line: two lines at 12 pt in the shipped phôi's 125 mm
# field, which has room for one before the số vào sổ 8 mm below it.
LONG_WORDING = (
    "Đã được tặng Giấy khen theo Quyết định số {{ so_quyet_dinh }} {{ ngay_quyet_dinh }} của "
    "Chủ tịch Ủy ban nhân dân tỉnh Sơn La"
)
PRINTED_WORDING = (
    "Đã được tặng Giấy khen theo Quyết định số 2150/QĐ-UBND ngày 15 tháng 10 năm 2024 của Chủ "
    "tịch Ủy ban nhân dân tỉnh Sơn La"
)
PROFILE = Path("inputs") / "co-quan" / "ubnd-tinh-son-la.yaml"


def set_frames(doc, style: str, **mm: float) -> None:
    """Every field of `style` in `doc` (python-docx) placed or sized anew: y=, w= in mm."""
    for paragraph in doc.paragraphs:
        if paragraph.style.name == style:
            frame = paragraph._p.pPr.find(qn("w:framePr"))
            for key, value in mm.items():
                frame.set(qn(f"w:{key}"), str(round(value * TWIPS_PER_MM)))


def office_phoi(root: Path, style: str, **mm: float) -> Path:
    """The shipped phôi as the office's mau/giay-khen.docx, its field `style` moved/sized."""
    phoi = open_docx(TEMPLATES / "giay-khen.docx")
    set_frames(phoi, style, **mm)
    (root / "mau").mkdir(exist_ok=True)
    phoi.save(str(root / "mau" / "giay-khen.docx"))
    return root / "mau" / "giay-khen.docx"


def render(source: Path) -> bytes:
    ws = Workspace.containing(source)
    return Renderer(ws).render(ws.load(source))


def room_violations(docx: Path) -> list:
    return [v for v in verify_file(docx).violations if v.rule == "giay_khen.du_cho"]


# --- verify: said once for a field overrunning alike ----------------------------------------


def test_page_runs_say_pages_as_runs() -> None:
    assert page_runs([1, 2, 3, 5, 8, 9, 10]) == "1–3, 5, 8–10"
    assert page_runs(list(range(1, 501))) == "1–500"
    assert page_runs([1, 3, 5, 7, 9, 11, 13, 15]) == "1, 3, 5, 7, 9, 11, …"


def test_a_decision_line_wrapping_on_500_pages_is_said_once(tmp_path: Path) -> None:
    """The brief's batch: 500 certificates, the office's decision line on two lines."""
    source = workspace(tmp_path, batch_rows(500), CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    doc = open_docx(docx)
    for paragraph in doc.paragraphs:  # as an older vanthu printed the office's wording
        if paragraph.style.name == DECISION_STYLE:
            runs = [r for r in paragraph.runs if r.text]
            runs[0].text = PRINTED_WORDING
            for run in runs[1:]:
                run.text = ""
    doc.save(str(tmp_path / "old.docx"))
    report = verify_file(tmp_path / "old.docx")
    found = room_violations(tmp_path / "old.docx")
    assert len(found) == 1 and len(report.violations) == 1
    vi, en = found[0].line("vi"), found[0].line("en")
    assert "trang 1–500 (500 trang), ô GiayKhenQuyetDinh (rộng 125 mm): cùng 2 dòng cỡ 12 pt" in vi
    assert "trước ô GiayKhenSoVaoSo bên dưới" in vi
    assert "pages 1–500 (500 pages), field GiayKhenQuyetDinh (125 mm wide)" in en
    assert "«Đã được tặng Giấy khen" in vi  # at the first page's field
    assert len(report.format_text("vi").splitlines()) == 2  # the line, and the summary


def test_a_field_moved_over_the_thanh_tich_is_said_once_for_the_batch(tmp_path: Path) -> None:
    """The date moved up to 118 mm on every page, 10 mm under the thành tích's two 15 pt lines
    (12.2 mm): one line for the whole batch, not one per page."""
    rows = example_rows()
    source = workspace(tmp_path, rows, CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    doc = open_docx(docx)
    set_frames(doc, DATE_STYLE, y=118)
    doc.save(str(tmp_path / "moved.docx"))
    found = room_violations(tmp_path / "moved.docx")
    assert len(found) == 1
    line = found[0].line("vi")
    assert f"trang 1–{len(rows)} ({len(rows)} trang), ô GiayKhenThanhTich" in line
    assert "2 dòng cỡ 15 pt, cao 12.2 mm" in line
    assert "kết thúc trong 10.0 mm, trước ô GiayKhenNgay bên dưới" in line


def page_of(docx: Path, name: str) -> int:
    """The page of the certificate of `name` in a batch (one name per page)."""
    names = [p.text for p in open_docx(docx).paragraphs if p.style.name == NAME_STYLE]
    return names.index(name) + 1


def test_units_of_their_own_keep_a_line_per_page(tmp_path: Path) -> None:
    """Two long units, each its row's own: one line each, naming its page and whose
    certificate it is; the same long unit on two pages is one line naming both."""
    other = LONG_UNIT.replace("Sơn La", "Điện Biên")
    rows = [*rows_with(LONG_UNIT), *rows_with(other)[-1:], *rows_with(LONG_UNIT)[-1:]]
    rows[-2] = {**rows[-2], "Họ và tên": "Hoàng Thị Mai"}
    rows[-1] = {**rows[-1], "Họ và tên": "Cầm Văn Thắng"}
    source = workspace(tmp_path, rows, CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    found = room_violations(without_sizes(docx, tmp_path / "old.docx"))
    lines = [v.line("vi") for v in found]
    assert len(found) == 2, lines
    own = page_of(docx, "Hoàng Thị Mai")
    shared = sorted([page_of(docx, "Đinh Văn Quý"), page_of(docx, "Cầm Văn Thắng")])
    assert any(
        f"trang {own}, ô GiayKhenDonVi (rộng 237 mm): 3 dòng cỡ 16 pt, cao 19.5 mm (giấy khen "
        "của «Hoàng Thị Mai»)" in line for line in lines
    ), lines
    assert any(f"trang {shared[0]}, {shared[1]} (2 trang), ô GiayKhenDonVi" in line
               for line in lines), lines  # fmt: skip
    en = " ".join(v.line("en") for v in found)
    assert "(the certificate of «Hoàng Thị Mai»)" in en


# --- render: refused (or fitted) before any page ---------------------------------------------


def with_phrase(source: Path, key: str, text: str) -> None:
    """The office's profile of the workspace of `source` wording `key`."""
    profile = source.parents[2] / PROFILE
    lines = profile.read_text(encoding="utf-8").splitlines()
    lines.insert(lines.index("cau_chu:") + 1, f'  {key}: "{text}"')
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_an_office_wording_that_wraps_is_refused_naming_the_phrase(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    with_phrase(source, "giay_khen_quyet_dinh", LONG_WORDING)
    with pytest.raises(InputError) as caught:
        render(source)
    error = caught.value
    assert error.key == "data.field_too_long"
    assert error.field == "cau_chu.giay_khen_quyet_dinh"
    vi, en = error.message("vi"), error.message("en")
    assert "(câu chữ giay_khen_quyet_dinh trong hồ sơ cơ quan ubnd-tinh-son-la) cần 2 dòng ở " \
        "cỡ 12 pt" in vi
    assert "ô GiayKhenQuyetDinh của phôi (rộng 125 mm) chỉ đủ chỗ cho 1 dòng" in vi
    assert "trước ô GiayKhenSoVaoSo bên dưới" in vi and "hãy viết gọn câu chữ" in vi
    assert "in the office's profile ubnd-tinh-son-la) needs 2 lines at 12 pt" in en
    assert "giay-khen.docx" in en and "widen it to about" in en


def test_build_refuses_the_batch_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    with_phrase(source, "giay_khen_quyet_dinh", LONG_WORDING)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code != 0, result.output
    assert (
        "inputs/2024/giay-khen.yaml: inputs/co-quan/ubnd-tinh-son-la.yaml, dòng 37, trường "
        "'cau_chu.giay_khen_quyet_dinh'" in result.output
    )
    assert not (tmp_path / "outputs" / "2024" / "giay-khen.docx").exists()


def test_the_batchs_own_wording_is_said_as_its_own(tmp_path: Path) -> None:
    certificate = f'{CERTIFICATE}cau_chu:\n  giay_khen_quyet_dinh: "{LONG_WORDING}"\n'
    source = workspace(tmp_path, example_rows(), certificate)
    with pytest.raises(InputError) as caught:
        render(source)
    assert caught.value.field == "cau_chu.giay_khen_quyet_dinh"
    assert "riêng của đợt giấy khen" in caught.value.message("vi")


def test_vanthus_default_wording_is_refused_at_the_profile_to_override(tmp_path: Path) -> None:
    """A date field narrowed to 50 mm: vanthu's "Sơn La, ngày ..." takes two lines, 8 mm
    above the signer's title."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, DATE_STYLE, w=50)
    with pytest.raises(InputError) as caught:
        render(source)
    error = caught.value
    assert error.field == "cau_chu.giay_khen_ngay"
    vi = error.message("vi")
    assert "câu chữ mặc định giay_khen_ngay của vanthu" in vi
    assert "trong cau_chu của hồ sơ cơ quan ubnd-tinh-son-la" in vi
    assert "trước ô GiayKhenChucDanh" in vi


def test_a_signer_title_too_long_for_its_room_names_the_signer(tmp_path: Path) -> None:
    """The signer's name moved up to 16 mm under the title: room for two of its three lines."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, "GiayKhenNguoiKy", y=162)
    with pytest.raises(InputError) as caught:
        render(source)
    error = caught.value
    assert error.field == "nguoi_ky.pho-chu-tich.chuc_vu"
    vi = error.message("vi")
    assert "«TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH»" in vi
    assert "(người ký pho-chu-tich trong hồ sơ cơ quan ubnd-tinh-son-la) cần 3 dòng" in vi
    assert "chỉ đủ chỗ cho 2 dòng trước ô GiayKhenNguoiKy bên dưới" in vi


def test_the_thanh_tich_shrinks_to_end_above_the_date(tmp_path: Path) -> None:
    """The date at 120 mm, 12 mm under the thành tích: its two lines fit at 14.5 pt."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, DATE_STYLE, y=120)
    (tmp_path / "batch.docx").write_bytes(render(source))
    sizes = set()
    for paragraph in open_docx(tmp_path / "batch.docx").paragraphs:
        if paragraph.style.name == ACHIEVEMENT_STYLE:
            run = next(r for r in paragraph.runs if r.text)
            sizes.add(run.font.size.pt if run.font.size is not None else None)
    assert sizes == {14.5}
    assert verify_file(tmp_path / "batch.docx").ok


def test_a_thanh_tich_too_long_even_at_13_pt_names_the_decision(tmp_path: Path) -> None:
    """The date at 118 mm: 10 mm hold one line of 13 pt, the decision's thành tích needs two."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, DATE_STYLE, y=118)
    runner = CliRunner()
    result = runner.invoke(main, ["--lang", "en", "render", str(source)])
    assert result.exit_code == 1
    assert "qd-bang-khen-ubnd-tinh.yaml, line 25, field 'khen_thuong.thanh_tich'" in result.output
    assert "(the award decision's thành tích) needs 2 lines even at 13 pt" in result.output
    assert "before the field GiayKhenNgay below it" in result.output
    assert not list((tmp_path / "outputs").rglob("*.docx"))


# --- templates check: the example batches --------------------------------------------------


def test_sized_fields_are_the_fields_the_context_fits() -> None:
    assert SIZED_FIELDS == (NAME_STYLE, UNIT_STYLE, ACHIEVEMENT_STYLE)


def test_templates_check_reports_a_date_moved_over_the_thanh_tich(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The date moved up to 118 mm: the template's own tag fits above it, the office's batch
    (the example decision's two-line thành tích) does not."""
    workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, DATE_STYLE, y=118)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "en", "templates", "check", "giay-khen"])
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if "GiayKhenThanhTich" in x)
    assert "mau/" in line and "«{{ thanh_tich }}»" in line
    assert "leaves too little room for the text of the office's batch" in line
    assert "giay-khen.yaml" in line and "needs 2 lines even at 13 pt" in line
    shutil.copy(TEMPLATES / "giay-khen.docx", tmp_path / "mau" / "giay-khen.docx")
    again = CliRunner().invoke(main, ["templates", "check", "giay-khen"])
    assert again.exit_code == 0, again.output


def test_templates_check_measures_vanthus_example_batch(tmp_path: Path) -> None:
    """No batch of the office's: the date field narrowed to 50 mm is too small for the
    starter's "Sơn La, ngày 01 tháng 01 năm 2026", though the tag in it fits."""
    folder = tmp_path / "mau"
    office_phoi(tmp_path, DATE_STYLE, w=50)
    report = check_templates(TemplateLibrary([folder]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [p.key for p in errors] == ["tpl.form_example_no_room"]
    assert errors[0].params["style"] == DATE_STYLE
    assert "vanthu new giay-khen" in str(errors[0].params["example"])
    reason = str(errors[0].params["reason"])
    assert "vanthu-phoi-" not in reason  # the scratch workspace is not said
    assert re.search(r"cần 2 dòng ở cỡ 14 pt", reason)


def test_templates_check_names_a_unit_field_without_a_width(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    office_phoi(tmp_path, UNIT_STYLE)
    phoi = open_docx(folder / "giay-khen.docx")
    for paragraph in phoi.paragraphs:
        if paragraph.style.name == UNIT_STYLE:
            frame = paragraph._p.pPr.find(qn("w:framePr"))
            del frame.attrib[qn("w:w")]
    phoi.save(str(folder / "giay-khen.docx"))
    report = check_templates(TemplateLibrary([folder]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [p.key for p in errors] == ["tpl.form_field_no_width"]
    assert errors[0].params["style"] == UNIT_STYLE and "{{ gk.don_vi }}" in errors[0].where
