"""verify: the parts of a document in Phụ lục I's order (header, title, Kính gửi, body, signature),
and a document without its header block told so once (finding F6 of round 7a).

Each case renders a built-in example and moves its blocks with python-docx, as an office that
moved a whole block in its template would print it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from pipeline.api import Renderer
from pipeline.verify import verify_file

REPO = Path(__file__).resolve().parents[1]
LETTER = REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
DECISION = REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml"


def _moved(source: Path, tmp_path: Path, edit: Callable[[list], None]) -> Path:
    """The example rendered, then `edit` applied to the body's blocks (w:p / w:tbl elements)."""
    out = Renderer(REPO / "templates").render_file(source, tmp_path / f"{source.stem}.docx")
    document = docx.Document(str(out))
    edit([el for el in document.element.body if not el.tag.endswith("sectPr")])
    document.save(str(out))
    return out


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(docx.oxml.ns.qn("w:t")))


def _find(blocks: list, start: str) -> int:
    return next(i for i, b in enumerate(blocks) if _text(b).startswith(start))


def _tables(blocks: list) -> list:
    return [b for b in blocks if b.tag.endswith("}tbl")]


def _lines(report, lang: str = "vi") -> list[str]:
    return [v.line(lang) for v in report.violations]


def _order_line(source: Path, tmp_path: Path, edit: Callable[[list], None], lang: str) -> str:
    """The line of the one fault found once `edit` is applied, asserted to be the order's."""
    report = verify_file(_moved(source, tmp_path, edit))
    assert report.rules == {"bo_cuc.order"}, _lines(report)
    return report.violations[0].line(lang)


def signed_above_the_articles(blocks: list) -> None:
    """A decision's signature table moved above its articles."""
    blocks[_find(blocks, "QUYẾT ĐỊNH:")].addprevious(_tables(blocks)[-1])


def title_after_the_body(blocks: list) -> None:
    """A decision's title (type name and trích yếu) moved after its last article."""
    title = _find(blocks, "QUYẾT ĐỊNH")
    moved = blocks[title : title + 2]
    last = blocks[_find(blocks, "Điều 4.")]
    for element in reversed(moved):
        last.addnext(element)


def test_a_decision_signed_above_its_articles(tmp_path: Path) -> None:
    report = verify_file(_moved(DECISION, tmp_path, signed_above_the_articles))
    order = [v for v in report.violations if v.rule == "bo_cuc.order"]
    assert len(order) == 1, _lines(report)
    assert "chữ ký và nơi nhận đứng trước nội dung («QUYẾT ĐỊNH:»)" in order[0].line("vi")
    assert "«Nơi nhận:»" in order[0].where.describe("vi")
    assert "the signature and Nơi nhận before the body («QUYẾT ĐỊNH:»)" in order[0].line("en")


def test_a_letter_signed_right_after_kinh_gui(tmp_path: Path) -> None:
    def edit(blocks: list) -> None:
        blocks[_find(blocks, "- Nhà khách")].addnext(_tables(blocks)[-1])

    line = _order_line(LETTER, tmp_path, edit, "vi")
    assert "chữ ký và nơi nhận đứng trước nội dung («Thực hiện Kế hoạch" in line
    # A Công văn's order has no type name: its V/v is in the header.
    assert "phần đầu (Quốc hiệu, số, ngày tháng) → Kính gửi → nội dung → chữ ký" in line


def test_a_letter_whose_kinh_gui_follows_the_body(tmp_path: Path) -> None:
    def edit(blocks: list) -> None:
        last_body = blocks[_find(blocks, "Báo cáo gửi về")]
        last_body.addnext(blocks[_find(blocks, "- Nhà khách")])
        last_body.addnext(blocks[_find(blocks, "Kính gửi")])

    line = _order_line(LETTER, tmp_path, edit, "en")
    assert "Kính gửi after the body («Thực hiện Kế hoạch" in line
    assert "«Kính gửi:" in line


def test_a_letter_whose_header_follows_the_signature(tmp_path: Path) -> None:
    """The parts are all there: none is called missing, the header is named as misplaced."""

    def edit(blocks: list) -> None:
        tables = _tables(blocks)
        tables[-1].addnext(tables[0])

    assert (
        "phần đầu (Quốc hiệu, số, ngày tháng) đứng sau Kính gửi, nội dung, chữ ký và nơi nhận"
        in _order_line(LETTER, tmp_path, edit, "vi")
    )


def test_a_decision_whose_title_follows_the_body(tmp_path: Path) -> None:
    report = verify_file(_moved(DECISION, tmp_path, title_after_the_body))
    assert "tên loại và trích yếu đứng sau nội dung" in " ".join(_lines(report))


@pytest.mark.parametrize("source", [LETTER, DECISION], ids=["cong-van", "quyet-dinh"])
def test_no_header_block_is_said_once(source: Path, tmp_path: Path) -> None:
    """Not Quốc hiệu, Số, the date line (a body line read as one) and a Công văn's type name
    one by one: the header block is missing, once."""

    def edit(blocks: list) -> None:
        header = _tables(blocks)[0]
        header.getparent().remove(header)

    report = verify_file(_moved(source, tmp_path, edit))
    assert report.rules == {"phan_dau.missing"}, _lines(report)
    assert len(report.violations) == 1


def test_the_examples_in_order_pass(tmp_path: Path) -> None:
    for source in (LETTER, DECISION):
        report = verify_file(_moved(source, tmp_path, lambda blocks: None))
        assert report.ok, _lines(report)
