"""Broken copies of each new type (Tờ trình, Công văn ...), one fault each: verify names exactly
the rule broken, in the style of test_verify_corpus (the copy edited as a person would in Word)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.shared import Pt

from pipeline.verify import verify_file
from tests.test_verify_corpus import legacy_tcvn3
from tests.typed_docs import REPO, TEMPLATES, open_docx

EXAMPLES = {
    "to_trinh": REPO / "inputs" / "2024" / "to-trinh-khen-thuong.yaml",
    "cong_van": REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml",
    "giay_moi": REPO / "inputs" / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml",
    "thong_bao": REPO / "inputs" / "2024" / "tb-ket-luan-hop-hoi-dong.yaml",
    "bien_ban": REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml",
    "qd_chung": REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml",
    "qd_quy_che": REPO / "inputs" / "2024" / "qd-ban-hanh-quy-che-hoi-dong.yaml",
    "tt_du_thao": REPO / "inputs" / "2024" / "to-trinh-kem-du-thao.yaml",
    "giay_khen": REPO / "inputs" / "2024" / "giay-khen-bang-khen-ubnd-tinh.yaml",
}
# Examples of a type that has several (a general decision, one issuing a Quy chế, a Tờ trình
# with its draft decision): their type.
TYPES = {"qd_chung": "quyet_dinh", "qd_quy_che": "quyet_dinh", "tt_du_thao": "to_trinh"}


def type_of(example: str) -> str:
    return TYPES.get(example, example)


def _remove(p) -> None:
    p._p.getparent().remove(p._p)


def _retype(p, text: str) -> None:
    p.runs[0].text = text
    for run in p.runs[1:]:
        run.text = ""


def _replace(p, old: str, new: str) -> None:
    """`old` retyped as `new` in each run of p."""
    for run in p.runs:
        run.text = run.text.replace(old, new)


def _body_starting(doc, text: str) -> list:
    return [p for p in doc.paragraphs if p.text.startswith(text)]


def _last_line(doc):
    return [p for p in doc.paragraphs if p.text.strip()][-1]


def drop_addressees(doc) -> None:
    for p in list(doc.paragraphs):
        if p.style.name.startswith("KinhGui"):
            _remove(p)


def drop_nhu_tren(doc) -> None:
    cell = doc.tables[-1].rows[0].cells[0]
    _remove(next(p for p in cell.paragraphs if p.text == "- Như trên;"))


def closing_without_kinh_trinh(doc) -> None:
    last = _last_line(doc)
    for run in last.runs[1:]:
        run.text = ""
    last.runs[0].text = "Đề nghị cấp trên xem xét./."


def addressee_small(doc) -> None:
    for run in _body_starting(doc, "Kính gửi")[0].runs:
        run.font.size = Pt(12)


def _about(doc):
    """The V/v line under the number of a Công văn."""
    return next(p for p in doc.tables[0].rows[1].cells[0].paragraphs if p.text.startswith("V/v"))


def drop_about(doc) -> None:
    _remove(_about(doc))


def about_bold(doc) -> None:
    for run in _about(doc).runs:
        run.font.bold = True


def about_large(doc) -> None:
    for run in _about(doc).runs:
        run.font.size = Pt(14)


def weekday_typed_wrong(doc) -> None:
    _replace(_body_starting(doc, "Thời gian:")[0], "thứ Hai", "thứ Ba")


def drop_invitation(doc) -> None:
    _remove(_body_starting(doc, "Trân trọng kính mời")[0])


def closing_mark_dropped(doc) -> None:
    _replace(_last_line(doc), "./.", ".")


def title_misspelt(doc) -> None:
    _retype(_body_starting(doc, "THÔNG BÁO")[0], "THÔNG BÁO CHUNG")


def drop_subject_rule(doc) -> None:
    _remove(next(p for p in doc.paragraphs if p.style.name == "DuongKeTrichYeu"))


def _signature_lines(doc, column: int) -> list:
    return [p for p in doc.tables[-1].rows[0].cells[column].paragraphs if p.text.strip()]


def end_sentence_replaced(doc) -> None:
    _retype(_body_starting(doc, "Cuộc họp kết thúc vào")[0], "Biên bản lập thành 02 bản./.")


def secretary_name_dropped(doc) -> None:
    _remove(_signature_lines(doc, 0)[-1])


def chair_name_dropped(doc) -> None:
    _remove(_signature_lines(doc, 1)[-1])


def secretary_retitled(doc) -> None:
    _retype(_signature_lines(doc, 0)[0], "NGƯỜI VIẾT")


def chair_retitled(doc) -> None:
    _retype(_signature_lines(doc, 1)[0], "CHÁNH VĂN PHÒNG")


def percentage_typed_wrong(doc) -> None:
    line = _body_starting(doc, "Kết quả biểu quyết: tán thành 7/8")[0]
    _retype(line, line.text.replace("87,5%", "85%"))


def renumber(doc, old: str, new: str) -> None:
    """The first paragraph starting `old` (Điều 3., Chương II) retyped as `new`."""
    paragraph = next(p for p in doc.paragraphs if p.text.startswith(old + " ") or p.text == old)
    for run in paragraph.runs:
        if old in run.text:
            run.text = run.text.replace(old, new, 1)
            return
    raise AssertionError(old)


def article_skipped(doc) -> None:
    renumber(doc, "Điều 3.", "Điều 4.")


def article_numbers_restart(doc) -> None:
    renumber(doc, "Điều 3.", "Điều 1.")  # Chương II starting again at Điều 1


def draft_article_skipped(doc) -> None:
    renumber(doc, "Điều 2.", "Điều 3.")  # in the draft decision after the Tờ trình


def chapter_skipped(doc) -> None:
    renumber(doc, "Chương II", "Chương III")


def chapter_not_bold(doc) -> None:
    for run in next(p for p in doc.paragraphs if p.text == "Chương I").runs:
        run.font.bold = False


def regulation_text_small(doc) -> None:
    for run in next(p for p in doc.paragraphs if p.text.startswith("2. Phiên họp xét")).runs:
        run.font.size = Pt(12)


def _attached_line(doc):
    return next(p for p in doc.paragraphs if p.text.startswith("(Ban hành kèm theo"))


def attached_number_typed(doc) -> None:
    _replace(_attached_line(doc), "05/QĐ-HĐTĐKT", "06/QĐ-HĐTĐKT")


def attached_date_typed(doc) -> None:
    _replace(_attached_line(doc), "ngày 12 tháng 3", "ngày 15 tháng 3")


def _fields(doc, style: str) -> list:
    return [p for p in doc.paragraphs if p.style.name == style]


def second_name_on_a_page(doc) -> None:
    from copy import deepcopy

    first = _fields(doc, "GiayKhenTen")[0]
    first._p.addnext(deepcopy(first._p))


def blank_last_page(doc) -> None:
    from docx.enum.text import WD_BREAK

    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def date_field_off_the_paper(doc) -> None:
    from docx.oxml.ns import qn

    frame = _fields(doc, "GiayKhenNgay")[0]._p.pPr.find(qn("w:framePr"))
    frame.set(qn("w:x"), "12000")  # 212 mm + a field 117 mm wide: past the 297 mm paper


def name_typed_in_tcvn3(doc) -> None:
    name = _fields(doc, "GiayKhenTen")[0]
    _retype(name, legacy_tcvn3(name.text))


def tag_left_in_a_field(doc) -> None:
    _retype(_fields(doc, "GiayKhenTen")[0], "{{ ho_ten }}")


def name_too_large_for_one_line(doc) -> None:
    longest = max(_fields(doc, "GiayKhenTen"), key=lambda p: len(p.text))
    for run in longest.runs:
        run.font.size = Pt(48)  # 30 characters at 48 pt: wider than the 237 mm field


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    edit: Callable[[object], None]
    rules: frozenset[str]
    given_type: str | None = None  # verify --type, when the fault hides the type


CASES = [
    Case("to_trinh", "no-kinh-gui", drop_addressees, frozenset({"kinh_gui.missing"})),
    Case("to_trinh", "no-nhu-tren", drop_nhu_tren, frozenset({"noi_nhan.nhu_tren"})),
    Case("to_trinh", "no-kinh-trinh", closing_without_kinh_trinh,
         frozenset({"to_trinh.kinh_trinh"})),
    Case("to_trinh", "kinh-gui-12pt", addressee_small, frozenset({"kinh_gui.size"})),
    # Without the rule, the centred Kính gửi line is not read as more trích yếu.
    Case("to_trinh", "no-subject-rule", drop_subject_rule, frozenset({"trich_yeu.rule"})),
    Case("cong_van", "no-v-v", drop_about, frozenset({"trich_yeu_cong_van.missing"}), "cong_van"),
    Case("cong_van", "v-v-bold", about_bold, frozenset({"trich_yeu_cong_van.bold"})),
    Case("cong_van", "v-v-14pt", about_large, frozenset({"trich_yeu_cong_van.size"})),
    Case("cong_van", "no-kinh-gui", drop_addressees, frozenset({"kinh_gui.missing"})),
    Case("cong_van", "no-nhu-tren", drop_nhu_tren, frozenset({"noi_nhan.nhu_tren"})),
    Case("giay_moi", "wrong-weekday", weekday_typed_wrong, frozenset({"noi_dung.thu"})),
    Case("giay_moi", "no-kinh-moi", drop_invitation, frozenset({"giay_moi.kinh_moi"})),
    Case("thong_bao", "no-closing-mark", closing_mark_dropped, frozenset({"noi_dung.closing"})),
    Case("thong_bao", "type-name", title_misspelt, frozenset({"ten_loai.text"}), "thong_bao"),
    Case("bien_ban", "no-end-sentence", end_sentence_replaced, frozenset({"bien_ban.ket_thuc"})),
    Case("bien_ban", "no-secretary-name", secretary_name_dropped,
         frozenset({"bien_ban.thu_ky_ho_ten"})),
    Case("bien_ban", "no-chair-name", chair_name_dropped, frozenset({"chu_ky_ho_ten.missing"})),
    Case("bien_ban", "no-thu-ky", secretary_retitled, frozenset({"bien_ban.thu_ky"})),
    Case("bien_ban", "no-chu-toa", chair_retitled, frozenset({"bien_ban.chu_toa"})),
    Case("bien_ban", "wrong-percentage", percentage_typed_wrong, frozenset({"bien_ban.ty_le"})),
    Case("qd_chung", "article-skipped", article_skipped, frozenset({"dieu.order"})),
    Case("qd_quy_che", "articles-restart", article_numbers_restart, frozenset({"dieu.order"})),
    Case("qd_quy_che", "chapter-skipped", chapter_skipped, frozenset({"chuong.order"})),
    Case("qd_quy_che", "chapter-not-bold", chapter_not_bold, frozenset({"chuong.bold"})),
    Case("qd_quy_che", "kem-theo-number", attached_number_typed, frozenset({"kem_theo.so"})),
    Case("qd_quy_che", "kem-theo-date", attached_date_typed, frozenset({"kem_theo.ngay"})),
    Case("qd_quy_che", "regulation-text-12pt", regulation_text_small,
         frozenset({"noi_dung.size"})),
    Case("tt_du_thao", "draft-article-skipped", draft_article_skipped,
         frozenset({"dieu.order"})),
    Case("giay_khen", "two-names", second_name_on_a_page, frozenset({"giay_khen.mot_ten"})),
    Case("giay_khen", "blank-last-page", blank_last_page, frozenset({"giay_khen.trang_trang"})),
    Case("giay_khen", "off-the-paper", date_field_off_the_paper,
         frozenset({"giay_khen.trong_trang"})),
    Case("giay_khen", "name-wraps", name_too_large_for_one_line,
         frozenset({"giay_khen.ten_mot_dong"})),
    Case("giay_khen", "name-in-tcvn3", name_typed_in_tcvn3, frozenset({"text.legacy"})),
    Case("giay_khen", "tag-left", tag_left_in_a_field, frozenset({"text.template_tag"})),
]  # fmt: skip


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from pipeline.api import Renderer

    out = tmp_path_factory.mktemp("good")
    renderer = Renderer(TEMPLATES)
    return {k: renderer.render_file(v, out / f"{k}.docx") for k, v in EXAMPLES.items()}


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_the_good_copy_passes(good: dict[str, Path], kind: str) -> None:
    report = verify_file(good[kind])
    assert report.doc_type == type_of(kind) and report.ok, [v.line() for v in report.violations]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.kind}-{c.name}")
def test_broken_copy(good: dict[str, Path], tmp_path: Path, case: Case) -> None:
    doc = open_docx(good[case.kind])
    case.edit(doc)
    broken = tmp_path / f"{case.kind}-{case.name}.docx"
    doc.save(str(broken))
    report = verify_file(broken, case.given_type)
    assert report.doc_type == type_of(case.kind)
    assert report.rules == case.rules, [v.line() for v in report.violations]


def test_vanthu_verify_on_every_new_example(good: dict[str, Path]) -> None:
    """The command a clerk runs: every example passes, each read as its own type."""
    import json

    from click.testing import CliRunner

    from pipeline.cli import main

    result = CliRunner().invoke(main, ["verify", "--format", "json", *map(str, good.values())])
    assert result.exit_code == 0, result.output
    files = json.loads(result.output)["files"]
    assert {Path(f["path"]).stem: (f["type"], f["ok"]) for f in files} == {
        kind: (type_of(kind), True) for kind in good
    }
