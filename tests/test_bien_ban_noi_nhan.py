"""Biên bản sent to recipients: "Nơi nhận:" and its list stay together on one page (finding 3):
the heading and every recipient line but the last keep with the next paragraph."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest

from tests.typed_docs import REPO, assert_pages, example_data, open_docx, render_mapping, to_pdf

EXAMPLE = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
RECIPIENTS = ["Lãnh đạo Văn phòng", "Các thành viên Hội đồng"]
SHORT = "Các thành viên Hội đồng phát biểu ý kiến."
LONG = (
    "Các thành viên Hội đồng phát biểu ý kiến về hồ sơ đề nghị khen thưởng của các phòng, ban, "
    "đơn vị."
)
# (short: the example cut to one page, one-line and two-line paragraphs added): lengths that, on
# this machine's LibreOffice, end page 1 or 2 right after "Nơi nhận:" or inside its list when
# nothing keeps them together.
PADDINGS = [(False, 0, 2), (False, 2, 1), (False, 1, 1), (False, 3, 0), (True, 1, 1), (True, 3, 0),
            (True, 0, 1), (True, 2, 0)]  # fmt: skip
# The empty 1 pt paragraph between the signatures and "Nơi nhận:" (LibreOffice keeps a heading
# with its list only when a paragraph, not the table, comes before it).
SPACER = rb'<w:p><w:pPr><w:pStyle w:val="NoiNhan"/><w:keepNext/><w:spacing [^>]*/></w:pPr></w:p>'


def sent(short: bool, lines: int, paragraphs: int) -> bytes:
    """The example sent to two recipients, with an item of `lines` one-line and `paragraphs`
    two-line paragraphs; `short`: that item alone, four members, no kết luận."""
    data = example_data(EXAMPLE)
    item = {"tieu_de": "Ý kiến thảo luận", "doan": [SHORT] * lines + [LONG] * paragraphs}
    changes: dict[str, Any] = {"noi_nhan": RECIPIENTS, "noi_dung": [*data["noi_dung"], item]}
    if short:  # the chủ tọa and the thư ký among the four present
        changes.update(
            noi_dung=[item], ket_luan=None, thanh_phan={"co_mat": data["thanh_phan"]["co_mat"][:4]}
        )
    return render_mapping(EXAMPLE, changes)


def without_keep(docx: bytes) -> bytes:
    """The same document as it was before the fix: Nơi nhận lines not kept with the next."""
    source, buffer = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = re.sub(SPACER, b"", content)
                content = re.sub(
                    rb'(<w:pStyle w:val="NoiNhan(?:TieuDe)?"/>)<w:keepNext/>', rb"\1", content
                )
            target.writestr(info, content)
    return buffer.getvalue()


def test_heading_and_recipients_keep_with_next() -> None:
    doc = open_docx(sent(False, 0, 0))
    lines = [p for p in doc.paragraphs if p.style.name.startswith("NoiNhan") and p.text.strip()]
    assert [p.text for p in lines] == [
        "Nơi nhận:", "- Lãnh đạo Văn phòng;", "- Các thành viên Hội đồng;",
        "- Lưu: VT, TCHCQT, H01b.",
    ]  # fmt: skip
    # Read from the XML as Word does: the paragraph's own w:keepNext (styles have it off).
    assert [p.paragraph_format.keep_with_next for p in lines] == [True, True, True, None]


def test_the_example_without_recipients_is_unchanged() -> None:
    doc = open_docx(render_mapping(EXAMPLE))
    assert not any(p.text.startswith("Nơi nhận") for p in doc.paragraphs)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[str]]]:
    """Text of each page of every padding, fixed and as before the fix, from one LibreOffice."""
    out = tmp_path_factory.mktemp("bb-noi-nhan")
    docs = []
    for padding in PADDINGS:
        docx, tag = sent(*padding), "-".join(map(str, padding))
        for name, content in ((f"fixed-{tag}", docx), (f"before-{tag}", without_keep(docx))):
            path = out / f"{name}.docx"
            path.write_bytes(content)
            docs.append(path)
    return {pdf.stem: assert_pages(pdf) for pdf in to_pdf(docs, out)}


def _page_of(pages: list[list[str]], text: str) -> int:
    return next(n for n, page in enumerate(pages) if any(line.startswith(text) for line in page))


def test_before_the_fix_the_heading_was_left_alone(pages: dict[str, list[list[str]]]) -> None:
    # Guards the test itself: the paddings show the fault, on page 1 and on a later page, when
    # nothing keeps the lines together.
    alone = {
        name: n
        for name, doc in pages.items()
        for n, page in enumerate(doc[:-1], start=1)
        if name.startswith("before") and page[-1] == "Nơi nhận:"
    }
    assert 1 in alone.values() and any(n > 1 for n in alone.values()), alone


@pytest.mark.parametrize("padding", PADDINGS, ids=str)
def test_noi_nhan_prints_on_one_page(
    pages: dict[str, list[list[str]]], padding: tuple[bool, int, int]
) -> None:
    doc = pages["fixed-" + "-".join(map(str, padding))]
    heading = _page_of(doc, "Nơi nhận:")
    for line in ("- Lãnh đạo Văn phòng;", "- Các thành viên Hội đồng;", "- Lưu: VT, TCHCQT"):
        assert _page_of(doc, line) == heading, [p[-3:] for p in doc]
    assert not any(page[-1] == "Nơi nhận:" for page in doc)
