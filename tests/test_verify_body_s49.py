"""verify (s49): faults it let through, each made by editing vanthu's own rendered output the way
a person editing in Word would (Nghị định 30/2020, Phụ lục I):

- body text wholly bold or wholly italic (ô 6: regular, upright), its headings, labels, căn cứ
  lines and notes in brackets left as they are;
- an article's title alone in its paragraph not bold ("Điều 2. Trách nhiệm ..."), an article's
  text after "Điều 1." left regular;
- a Quyết định's Nơi nhận without "- Như Điều N;" (unless it opens with one of the executors,
  as the Thủ tướng's decisions do);
- page numbers not starting from 1;
- "+ " recipients outside a group;
- far more space for the seal than "about 3–4 lines" (a warning only).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipeline.verify import Report, verify_file
from tests.test_verify_r15_recipients import saved

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
DECISION = REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml"  # Điều 2 has a title
COUNCIL = REPO / "inputs" / "2022" / "qd-thanh-lap-hoi-dong.yaml"  # a title and its text
PRIME_MINISTER = REPO / "inputs" / "2016" / "qd-bang-khen-thu-tuong.yaml"  # no "Như Điều 3"
MINUTES = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
DRAFT = REPO / "inputs" / "2024" / "to-trinh-kem-du-thao.yaml"
RULES = REPO / "inputs" / "2024" / "qd-ban-hanh-quy-che-hoi-dong.yaml"
BODY = "Nhằm nâng cao trách nhiệm"  # an ordinary paragraph of the plan's body
NOTE = "(Có nhiệm vụ trọng tâm"  # the plan's note in brackets, italic


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The examples these tests edit, rendered once."""
    from pipeline.api import Renderer

    folder = tmp_path_factory.mktemp("s49")
    renderer = Renderer(REPO / "templates")
    sources = {
        "plan": PLAN, "decision": DECISION, "council": COUNCIL, "prime_minister": PRIME_MINISTER,
        "minutes": MINUTES, "draft": DRAFT, "rules": RULES,
    }  # fmt: skip
    return {
        name: renderer.render_file(path, folder / f"{name}.docx") for name, path in sources.items()
    }


def paragraph(doc, start: str):
    """The first paragraph of the body (or of a table cell) whose text starts with `start`."""
    cells = [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for p in [*doc.paragraphs, *cells]:
        if p.text.startswith(start):
            return p
    raise AssertionError(f"no paragraph starting {start!r}")


def body_paragraphs(doc) -> list:
    """The paragraphs of the body with text: between the title and the signature table."""
    return [p for p in doc.paragraphs if p.text.strip()]


def set_runs(p, **formatting: bool) -> None:
    """Direct formatting on every run of the paragraph: set_runs(p, bold=True)."""
    for run in p.runs:
        for name, value in formatting.items():
            setattr(run, name, value)


def set_text(p, text: str) -> None:
    """The paragraph's text replaced, its first run's formatting kept."""
    runs = [run for run in p.runs if run.text]
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def insert_after(p, text: str):
    """A copy of paragraph p (its formatting) put after it, holding `text`."""
    element = copy.deepcopy(p._p)
    p._p.addnext(element)
    added = next(q for q in p._parent.paragraphs if q._p is element)
    set_text(added, text)
    return added


def report_of(doc, tmp_path: Path) -> Report:
    return verify_file(saved(doc, tmp_path))


def lines(report: Report) -> str:
    return "\n".join(v.line("en") for v in [*report.violations, *report.warnings])


# --- the examples as rendered -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["plan", "decision", "council", "prime_minister", "minutes", "draft", "rules"]
)
def test_the_examples_pass_without_warnings(rendered: dict[str, Path], name: str) -> None:
    """Their bold headings, khoản and article titles, labels ("Nội dung cuộc họp:"), italic
    căn cứ lines and notes, the Thủ tướng's Nơi nhận without "Như Điều", the parts a decision
    issues numbered from 1, the signature's four lines: nothing to report."""
    report = verify_file(rendered[name])
    assert report.violations == [] and report.warnings == [], lines(report)


# --- 1. body text regular and upright ----------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "rule"), [("bold", "noi_dung.bold"), ("italic", "noi_dung.italic")]
)
def test_a_body_paragraph_set_bold_or_italic_fails(
    rendered: dict[str, Path], tmp_path: Path, style: str, rule: str
) -> None:
    doc = Document(str(rendered["plan"]))
    set_runs(paragraph(doc, BODY), **{style: True})
    report = report_of(doc, tmp_path)
    assert report.rules == {rule}, lines(report)
    (violation,) = report.violations
    assert BODY in violation.where.describe("en")
    assert violation.found.render("en") == style


def test_every_body_paragraph_italic_is_reported_at_its_running_text(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    """The whole body set italic (the hunter's document): every paragraph of running text is
    reported, not the headings, the khoản titles nor the note in brackets."""
    doc = Document(str(rendered["plan"]))
    for p in body_paragraphs(doc):
        set_runs(p, italic=True)
    report = report_of(doc, tmp_path)
    assert report.rules >= {"noi_dung.italic"}
    places = [v.where.describe("en") for v in report.violations if v.rule == "noi_dung.italic"]
    assert any(BODY in place for place in places)
    assert len(places) >= 15
    for heading in ("I. MỤC ĐÍCH", "1. Mục đích", NOTE, "KẾ HOẠCH"):
        assert not any(f"«{heading}" in place for place in places), heading


def test_a_word_set_bold_in_a_paragraph_passes(rendered: dict[str, Path], tmp_path: Path) -> None:
    doc = Document(str(rendered["plan"]))
    p = paragraph(doc, BODY)
    at, first = next((n, run) for n, run in enumerate(p.runs) if run.text.strip())
    head, rest = first.text.split(" ", 1)
    first._r.addprevious(copy.deepcopy(first._r))
    emphasis, first = p.runs[at : at + 2]
    emphasis.text, emphasis.bold, first.text = f"{head} ", True, rest
    report = report_of(doc, tmp_path)
    assert report.violations == [], lines(report)
    edited = paragraph(Document(str(tmp_path / "edited.docx")), BODY)
    shown = [run for run in edited.runs if run.text.strip()]
    assert shown[0].bold and not all(run.bold for run in shown)


def test_a_later_can_cu_line_is_running_text(rendered: dict[str, Path], tmp_path: Path) -> None:
    """The căn cứ lines the text opens with are italic in a decision; a "Căn cứ kế hoạch này,
    ..." further down the plan is ordinary text."""
    doc = Document(str(rendered["plan"]))
    later = insert_after(paragraph(doc, BODY), "Căn cứ kế hoạch này, các phòng triển khai.")
    set_runs(later, italic=True)
    report = report_of(doc, tmp_path)
    assert report.rules == {"noi_dung.italic"}, lines(report)
    assert "Căn cứ kế hoạch này" in report.violations[0].where.describe("en")


def test_a_decision_s_articles_set_bold_throughout_pass_its_can_cu_set_bold_fails(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    """A numbered paragraph wholly bold reads as a title (Điều, khoản): not reported; a căn cứ
    line is running text, its italic prescribed, bold not."""
    doc = Document(str(rendered["decision"]))
    set_runs(paragraph(doc, "Điều 3."), bold=True)
    assert verify_file(saved(doc, tmp_path, "articles.docx")).ok
    set_runs(paragraph(doc, "Căn cứ Luật"), bold=True)
    report = report_of(doc, tmp_path)
    assert report.rules == {"noi_dung.bold"}, lines(report)
    assert "Căn cứ Luật" in report.violations[0].where.describe("en")


# --- 2. an article's title in bold -------------------------------------------------------------


def test_an_article_title_not_bold_fails(rendered: dict[str, Path], tmp_path: Path) -> None:
    doc = Document(str(rendered["decision"]))
    title = paragraph(doc, "Điều 2. Trách nhiệm")
    set_runs(title, bold=False)
    title.runs[0].bold = True  # "Điều 2. " stays bold, its title does not
    report = report_of(doc, tmp_path)
    assert report.rules == {"dieu.title_bold"}, lines(report)
    assert "Điều 2. Trách nhiệm" in report.violations[0].where.describe("en")
    assert "An article's title" in lines(report)


def test_an_article_s_text_after_its_number_stays_regular(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    """The text after "Điều 1." ("Điều 1. Điều động bà ...") is the article's text, not a
    title; nor is a short text closing with its period ("Điều 2. Quyết định này có hiệu lực kể
    từ ngày ký.") or a title followed by the article's text in one paragraph ("Điều 2. Nhiệm vụ
    của Hội đồng. Hội đồng có nhiệm vụ ...:")."""
    for name in ("decision", "council", "rules"):
        report = verify_file(rendered[name])
        assert "dieu.title_bold" not in report.rules, lines(report)
    doc = Document(str(rendered["decision"]))
    set_text(paragraph(doc, "Điều 3."), "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.")
    paragraph(doc, "Điều 3.").runs[0].bold = True
    assert report_of(doc, tmp_path).ok


# --- 3. "- Như Điều N;" in a decision's Nơi nhận -----------------------------------------------


def test_a_decision_without_nhu_dieu_fails_naming_its_execution_article(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    doc = Document(str(rendered["decision"]))
    line = paragraph(doc, "- Như Điều 4;")
    line._p.getparent().remove(line._p)
    report = report_of(doc, tmp_path)
    assert report.rules == {"noi_nhan.nhu_dieu"}, lines(report)
    (violation,) = report.violations
    assert "Nơi nhận" in violation.where.describe("en")
    assert "«- Như Điều 4;»" in violation.expected.render("en")
    assert "«- Như Điều 4;»" in violation.expected.render("vi")


@pytest.mark.parametrize(
    "first", ["- Như Điều 3, 4;", "- Như Điều 4 (để thực hiện);", "- Như các Điều 2, 4;"]
)
def test_any_nhu_dieu_line_addresses_the_executors(
    rendered: dict[str, Path], tmp_path: Path, first: str
) -> None:
    doc = Document(str(rendered["decision"]))
    set_text(paragraph(doc, "- Như Điều 4;"), first)
    report = report_of(doc, tmp_path)
    assert "noi_nhan.nhu_dieu" not in report.rules, lines(report)


def test_a_list_opening_with_an_executor_needs_no_nhu_dieu(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    """The Thủ tướng's decision names its executors ("- UBND tỉnh Sơn La;" for "Chủ tịch Ủy ban
    nhân dân tỉnh Sơn La" in Điều 3): it passes; opened by someone Điều 3 does not name, it
    fails."""
    assert verify_file(rendered["prime_minister"]).ok
    doc = Document(str(rendered["prime_minister"]))
    set_text(paragraph(doc, "- UBND tỉnh Sơn La;"), "- Bộ Tài chính;")
    set_text(paragraph(doc, "- Ban Thi đua - Khen thưởng TW;"), "- Bộ Nội vụ;")
    report = report_of(doc, tmp_path)
    assert report.rules == {"noi_nhan.nhu_dieu"}, lines(report)
    assert "«- Như Điều 3;»" in report.violations[0].expected.render("en")


# --- 4. page numbers from 1 --------------------------------------------------------------------


def _start_at(section, number: int) -> None:
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), str(number))
    section._sectPr.find(qn("w:cols")).addprevious(numbering)


def test_page_numbers_starting_at_5_fail(rendered: dict[str, Path], tmp_path: Path) -> None:
    doc = Document(str(rendered["plan"]))
    _start_at(doc.sections[0], 5)
    report = report_of(doc, tmp_path)
    assert report.rules == {"so_trang.start"}, lines(report)
    (violation,) = report.violations
    assert violation.where.describe("en") == "section 1"
    assert "5" in violation.found.render("en") and "1" in violation.expected.render("en")


def test_page_numbers_declared_from_1_pass(rendered: dict[str, Path], tmp_path: Path) -> None:
    doc = Document(str(rendered["plan"]))
    _start_at(doc.sections[0], 1)
    assert report_of(doc, tmp_path).ok


# --- 5. "+ " only in a group -------------------------------------------------------------------


def test_a_plus_recipient_outside_a_group_fails(rendered: dict[str, Path], tmp_path: Path) -> None:
    doc = Document(str(rendered["plan"]))
    set_text(paragraph(doc, "- Sở Nội vụ"), "+ Sở Nội vụ;")
    report = report_of(doc, tmp_path)
    assert report.rules == {"noi_nhan.dash"}, lines(report)
    (violation,) = report.violations
    assert "«+ Sở Nội vụ;»" in violation.where.describe("en")
    assert '"+ " only for the members of a group' in violation.expected.render("en")


def test_plus_lines_under_a_group_pass(rendered: dict[str, Path], tmp_path: Path) -> None:
    doc = Document(str(rendered["plan"]))
    anchor = paragraph(doc, "- Sở Nội vụ")
    for text in reversed(["- UBND huyện Mai Sơn:", "+ Phòng Nội vụ;", "+ Phòng Tài chính;"]):
        insert_after(anchor, text)
    report = report_of(doc, tmp_path)
    assert report.violations == [], lines(report)


# --- 6. the space for the seal, at most -------------------------------------------------------


def _blank_lines_above_the_name(rendered: dict[str, Path], count: int):
    """The plan with `count` empty paragraphs between the signer's title and name."""
    doc = Document(str(rendered["plan"]))
    name = paragraph(doc, "Nguyễn Huy Anh")
    cell = name._p.getparent()
    blanks = [p for p in cell.iterchildren(qn("w:p")) if not "".join(p.itertext()).strip()]
    for p in blanks:
        cell.remove(p)
    for _ in range(count):
        name._p.addprevious(copy.deepcopy(blanks[0]))
    return doc


def test_twelve_blank_lines_for_the_seal_are_pointed_out(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    report = report_of(_blank_lines_above_the_name(rendered, 12), tmp_path)
    assert report.ok, lines(report)  # a warning, not a fault
    (warning,) = report.warnings
    assert warning.rule == "chu_ky.seal_space" and "Nguyễn Huy Anh" in warning.where.describe()
    assert "12 lines" in warning.found.render("en")
    assert "no more than" in warning.expected.render("en")


@pytest.mark.parametrize("count", [4, 6, 8])
def test_a_few_more_lines_than_four_pass(
    rendered: dict[str, Path], tmp_path: Path, count: int
) -> None:
    report = report_of(_blank_lines_above_the_name(rendered, count), tmp_path)
    assert report.violations == [] and report.warnings == [], lines(report)
