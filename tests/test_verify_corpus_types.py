"""Broken copies of each new type (Tờ trình, Công văn ...), one fault each: verify names exactly
the rule broken, in the style of test_verify_corpus (the copy edited as a person would in Word)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.shared import Pt

from pipeline.verify import verify_file
from tests.typed_docs import REPO, TEMPLATES, open_docx

EXAMPLES = {
    "to_trinh": REPO / "inputs" / "2024" / "to-trinh-khen-thuong.yaml",
    "cong_van": REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml",
    "giay_moi": REPO / "inputs" / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml",
    "thong_bao": REPO / "inputs" / "2024" / "tb-ket-luan-hop-hoi-dong.yaml",
    "giay_khen": REPO / "inputs" / "2024" / "giay-khen-bang-khen-ubnd-tinh.yaml",
}


def _remove(p) -> None:
    p._p.getparent().remove(p._p)


def _body_starting(doc, text: str) -> list:
    return [p for p in doc.paragraphs if p.text.startswith(text)]


def drop_addressees(doc) -> None:
    for p in list(doc.paragraphs):
        if p.style.name.startswith("KinhGui"):
            _remove(p)


def drop_nhu_tren(doc) -> None:
    cell = doc.tables[-1].rows[0].cells[0]
    _remove(next(p for p in cell.paragraphs if p.text == "- Như trên;"))


def closing_without_kinh_trinh(doc) -> None:
    last = [p for p in doc.paragraphs if p.text.strip()][-1]
    for run in last.runs[1:]:
        run.text = ""
    last.runs[0].text = "Đề nghị cấp trên xem xét./."


def addressee_small(doc) -> None:
    for run in _body_starting(doc, "Kính gửi")[0].runs:
        run.font.size = Pt(12)


def about_cell(doc):
    return doc.tables[0].rows[1].cells[0]


def drop_about(doc) -> None:
    _remove(next(p for p in about_cell(doc).paragraphs if p.text.startswith("V/v")))


def about_bold(doc) -> None:
    for run in next(p for p in about_cell(doc).paragraphs if p.text.startswith("V/v")).runs:
        run.font.bold = True


def about_large(doc) -> None:
    for run in next(p for p in about_cell(doc).paragraphs if p.text.startswith("V/v")).runs:
        run.font.size = Pt(14)


def weekday_typed_wrong(doc) -> None:
    line = _body_starting(doc, "Thời gian:")[0]
    for run in line.runs:
        run.text = run.text.replace("thứ Hai", "thứ Ba")


def drop_invitation(doc) -> None:
    _remove(_body_starting(doc, "Trân trọng kính mời")[0])


def closing_mark_dropped(doc) -> None:
    last = [p for p in doc.paragraphs if p.text.strip()][-1]
    for run in last.runs:
        run.text = run.text.replace("./.", ".")


def title_misspelt(doc) -> None:
    title = _body_starting(doc, "THÔNG BÁO")[0]
    title.runs[0].text = "THÔNG BÁO CHUNG"
    for run in title.runs[1:]:
        run.text = ""


def drop_subject_rule(doc) -> None:
    _remove(next(p for p in doc.paragraphs if p.style.name == "DuongKeTrichYeu"))


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
    Case("giay_khen", "two-names", second_name_on_a_page, frozenset({"giay_khen.mot_ten"})),
    Case("giay_khen", "blank-last-page", blank_last_page, frozenset({"giay_khen.trang_trang"})),
    Case("giay_khen", "off-the-paper", date_field_off_the_paper,
         frozenset({"giay_khen.trong_trang"})),
    Case("giay_khen", "name-wraps", name_too_large_for_one_line,
         frozenset({"giay_khen.ten_mot_dong"})),
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
    assert report.doc_type == kind and report.ok, [v.line() for v in report.violations]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.kind}-{c.name}")
def test_broken_copy(good: dict[str, Path], tmp_path: Path, case: Case) -> None:
    doc = open_docx(good[case.kind])
    case.edit(doc)
    broken = tmp_path / f"{case.kind}-{case.name}.docx"
    doc.save(str(broken))
    report = verify_file(broken, case.given_type)
    assert report.doc_type == case.kind
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
        kind: (kind, True) for kind in good
    }
