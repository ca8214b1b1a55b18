"""No empty page between a signature and what follows it (Danh sách, Phụ lục, draft decision).

The section break after the signature table is an empty paragraph. At 14 pt it went to a page
of its own whenever the table ended at the foot of a page, and the next section started after
it: a page holding only its number between a one-page decision and its Danh sách, or between a
plan and its Phụ lục I. The break paragraph now takes no room (pipeline.render.compose
COLLAPSED_BREAK). The decision and the plan are rendered with their text lengthened a few words
at a time, so that in one of them the signature ends at the very foot of a page; each is also
printed with the break as it was (the control), which must show the empty page, so the sweep
is known to reach that layout. Real headless LibreOffice paginates.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.render.compose import COLLAPSED_BREAK, collapse_breaks
from tests.typed_docs import REPO, TEMPLATES, example_data, render_mapping, to_pdf

DECISION = REPO / "inputs" / "2022" / "qd-giay-khen.yaml"
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
# Words added to the text, a few at a time: a line of 14 pt text holds about a dozen of them,
# so each step moves the signature by at most one line, and the range spans several lines.
DECISION_WORDS = range(0, 48, 4)
# The plan's signature crosses to a new page between 92 and 96 words (LibreOffice 7.4); no
# length found yet leaves the plan's signature table on the page and its break off it, so the
# plan's control is not required to show the empty page (the decision's is).
PLAN_WORDS = range(84, 104, 4)
FILLER = "khen thưởng"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def filler(words: int) -> str:
    return " ".join(["Căn cứ", *[FILLER] * words])


def decision_changes(words: int) -> dict[str, object]:
    """The Giấy khen decision cut to one page (one căn cứ), plus a căn cứ of `words` words."""
    can_cu = example_data(DECISION)["can_cu"]
    return {"can_cu": [can_cu[0], filler(words)]}


def plan_changes(words: int) -> dict[str, object]:
    """The 2022 plan with two more opening paragraphs: `words` words, then a line."""
    return {"mo_dau": [*example_data(PLAN)["mo_dau"], filler(words), filler(4)]}


def uncollapsed(docx: bytes) -> bytes:
    """The .docx with its section breaks as they were: plain 14 pt empty paragraphs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                assert COLLAPSED_BREAK.encode() in data
                data = data.replace(COLLAPSED_BREAK.encode(), b"")
            dst.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def pages_of(pdf: Path) -> list[list[str]]:
    """Lines of text of every page, an empty page included (pdftotext ends each with \\f)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # what follows the last page's \f
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def blank_pages(pages: list[list[str]]) -> list[int]:
    """Page numbers (from 1) of the pages holding nothing but, perhaps, their number."""
    return [n for n, page in enumerate(pages, start=1) if all(s.isdigit() for s in page)]


def first_page_of(pages: list[list[str]], heading: str) -> int:
    """The page number (from 1) whose text, its page number aside, starts with `heading`."""
    for n, page in enumerate(pages, start=1):
        text = [line for line in page if not line.isdigit()]
        if text and text[0].startswith(heading):
            return n
    raise AssertionError(f"no page starts with {heading!r}: {[p[:2] for p in pages]}")


def signature_page(pages: list[list[str]], before: int) -> int:
    """The last page before page `before` holding the Nơi nhận (beside the signature)."""
    found = [
        n
        for n, page in enumerate(pages[: before - 1], start=1)
        if any(line.startswith("Nơi nhận:") for line in page)
    ]
    assert found, [p[:2] for p in pages]
    return found[-1]


@dataclass(frozen=True)
class Printed:
    words: int
    fixed: list[list[str]]  # pages as vanthu renders now
    control: list[list[str]]  # pages with the 14 pt break paragraph


def printed(tmp: Path, name: str, example: Path, sweep: range, changes) -> list[Printed]:
    docs = []
    for words in sweep:
        data = render_mapping(example, changes(words))
        for kind, content in (("fixed", data), ("control", uncollapsed(data))):
            path = tmp / f"{name}-{words:03d}-{kind}.docx"
            path.write_bytes(content)
            docs.append(path)
    pdfs = iter(to_pdf(docs, tmp))
    return [Printed(words, pages_of(next(pdfs)), pages_of(next(pdfs))) for words in sweep]


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[Printed]:
    tmp = tmp_path_factory.mktemp("decisions")
    return printed(tmp, "qd", DECISION, DECISION_WORDS, decision_changes)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> list[Printed]:
    tmp = tmp_path_factory.mktemp("plans")
    return printed(tmp, "kh", PLAN, PLAN_WORDS, plan_changes)


def check_follows(runs: list[Printed], heading: str, *, foot: bool = True) -> list[Printed]:
    """No empty page in any run; the part headed `heading` starts on the page right after the
    signature's. The runs whose control shows the empty page (the signature at the foot)."""
    at_foot = []
    for run in runs:
        assert blank_pages(run.fixed) == [], (run.words, [p[:2] for p in run.fixed])
        start = first_page_of(run.fixed, heading)
        assert signature_page(run.fixed, start) == start - 1, (run.words, run.fixed)
        if blank_pages(run.control):
            at_foot.append(run)
            assert start == first_page_of(run.control, heading) - 1
    # The sweep reaches the layout of the report: else it proves nothing (change the ranges).
    assert at_foot or not foot, [(r.words, [p[:1] for p in r.control]) for r in runs]
    return at_foot


def test_decision_list_on_the_page_after_the_signature(decisions: list[Printed]) -> None:
    at_foot = check_follows(decisions, "DANH SÁCH")
    for run in at_foot:  # a one-page decision, its signature at the foot: the list on page 2
        assert signature_page(run.fixed, 2) == 1
        assert first_page_of(run.fixed, "DANH SÁCH") == 2, (run.words, run.fixed)
        assert len(run.fixed) == len(run.control) - 1


def test_plan_appendix_on_the_page_after_the_signature(plans: list[Printed]) -> None:
    # The signature ends on page 4, then on page 5: the Phụ lục right after it either way.
    assert {first_page_of(run.fixed, "Phụ lục") for run in plans} == {5, 6}
    for run in check_follows(plans, "Phụ lục", foot=False):
        assert len(run.fixed) == len(run.control) - 1


def _break_paragraphs(xml: bytes) -> list[object]:
    from lxml import etree

    body = etree.fromstring(xml).find(f"{W}body")
    return [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]


@pytest.mark.parametrize("name", ["quyet-dinh.docx", "ke-hoach.docx", "to-trinh.docx"])
def test_templates_break_paragraphs_take_no_room(name: str) -> None:
    """tools/make_templates.py writes each section break as a paragraph of no height."""
    with zipfile.ZipFile(TEMPLATES / name) as package:
        paragraphs = _break_paragraphs(package.read("word/document.xml"))
    assert paragraphs
    for p in paragraphs:
        # Its only run is a hidden Jinja comment, so that LibreOffice keeps the paragraph.
        assert all(r.find(f"{W}rPr/{W}vanish") is not None for r in p.findall(f"{W}r"))
        spacing = p.find(f"{W}pPr/{W}spacing")
        assert spacing is not None
        assert {k.removeprefix(W): v for k, v in spacing.attrib.items()} == {
            "before": "0", "after": "0", "line": "20", "lineRule": "exact"
        }  # fmt: skip
        mark = p.find(f"{W}pPr/{W}rPr")
        assert mark is not None and mark.find(f"{W}vanish") is not None
        assert mark.find(f"{W}sz").get(f"{W}val") == "2"


def test_a_workspace_templates_plain_break_is_collapsed() -> None:
    """A break as Word saves it in a clerk's own template (styled, spaced, 14 pt) is collapsed
    at render time; a break in a paragraph with text is left as it is."""
    sect = '<w:sectPr w:rsidR="1"><w:type w:val="nextPage"/><w:pgSz w:w="11906"/></w:sectPr>'
    plain = (
        '<w:p w14:paraId="1A2B"><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:after="120"/>'
        f'<w:jc w:val="both"/><w:rPr><w:sz w:val="28"/></w:rPr>{sect}</w:pPr></w:p>'
    )
    texted = f"<w:p><w:pPr>{sect}</w:pPr><w:r><w:t>Hết.</w:t></w:r></w:p>"
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ký</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    out = collapse_breaks(table + plain + texted)
    assert out == (
        f'{table}<w:p w14:paraId="1A2B"><w:pPr><w:pStyle w:val="Normal"/>{COLLAPSED_BREAK}'
        f"{sect}</w:pPr></w:p>{texted}"
    )
    assert collapse_breaks(out) == out
