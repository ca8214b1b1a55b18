"""verify: a part out of Phụ lục I's order is told once (bo_cuc.order), not again through what the
layout, reading the parts in order, then took for another part: the authority line read as the
type name (ten_loai.text), the moved title read as body (noi_dung.spacing), the closing "./."
asked of a line that is not the content's last (noi_dung.closing). A fault of its own on a line
of the right part is still said."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from pipeline.verify import verify_file
from tests.test_verify_part_order import (
    DECISION,
    _lines,
    _moved,
    signed_above_the_articles,
    title_after_the_body,
)


def test_a_signature_above_the_articles_is_told_once(tmp_path: Path) -> None:
    report = verify_file(_moved(DECISION, tmp_path, signed_above_the_articles))
    assert report.rules == {"bo_cuc.order"}, _lines(report, "en")


def test_a_title_under_the_body_is_told_once(tmp_path: Path) -> None:
    report = verify_file(_moved(DECISION, tmp_path, title_after_the_body))
    assert report.rules == {"bo_cuc.order"}, _lines(report, "en")


def test_a_body_line_s_own_fault_is_still_said(tmp_path: Path) -> None:
    """An article in 11 pt, in a document whose title is under its body: both said."""
    out = _moved(DECISION, tmp_path, title_after_the_body)
    document = docx.Document(str(out))
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 2."))
    for run in article.runs:
        run.font.size = Pt(11)
    document.save(str(out))
    report = verify_file(out)
    assert report.rules == {"bo_cuc.order", "noi_dung.size"}, _lines(report, "en")
    sized = next(v for v in report.violations if v.rule == "noi_dung.size")
    assert "Điều 2." in sized.where.describe("en")
