"""Nơi nhận as a clerk types it (s54): a Quyết định's "Như Điều 3 (để thực hiện)" typed by the
clerk is vanthu's own "Như Điều N" line, printed once, first, with the clerk's purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.context.addressing import with_own_line
from pipeline.register.documents import printed_recipients
from pipeline.verify import verify_file
from tests.docx_text import paragraph_texts
from tests.test_recipients_typed import _decision, _recipients

# The example decision (2024/qd-dieu-dong-cong-chuc.yaml) has four articles: "Như Điều 4".
EXECUTORS = "Như Điều 4"


# --- "Như Điều N (...)" typed in a Quyết định (bug 2) ---------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["Như Điều 4 (để thực hiện);", "Lãnh đạo Văn phòng"],
         ["- Như Điều 4 (để thực hiện);", "- Lãnh đạo Văn phòng;"]),
        (["Lãnh đạo Văn phòng", "- Như Điều 3 (để thực hiện);"],
         ["- Như Điều 4 (để thực hiện);", "- Lãnh đạo Văn phòng;"]),
        (["Lãnh đạo Văn phòng", "như  điều 3 (b/c)"],
         ["- Như Điều 4 (b/c);", "- Lãnh đạo Văn phòng;"]),
    ],
)  # fmt: skip
def test_a_typed_nhu_dieu_with_its_purpose_is_printed_once_first(
    tmp_path: Path, renderer, typed: list[str], expected: list[str]
) -> None:
    path = _decision(tmp_path, typed)
    out = renderer.render_file(path, tmp_path / "qd.docx")
    recipients = _recipients(paragraph_texts(out))
    assert recipients[:2] == expected, recipients
    assert sum("Như Điều" in line for line in recipients) == 1
    assert verify_file(out).ok, verify_file(out).format_text("vi")


def test_the_register_lists_a_typed_nhu_dieu_once(tmp_path: Path) -> None:
    path = _decision(tmp_path, ["Lãnh đạo Văn phòng", "Như Điều 3 (để thực hiện)"])
    assert printed_recipients(load_document(path)) == [
        f"{EXECUTORS} (để thực hiện)", "Lãnh đạo Văn phòng",
    ]  # fmt: skip


def test_the_article_number_is_vanthus_to_count() -> None:
    assert with_own_line(EXECUTORS, ["Sở Y", "Như Điều 3"]) == [EXECUTORS, "Sở Y"]
    assert with_own_line(f"{EXECUTORS} (thực hiện)", ["Như Điều 12"]) == [
        f"{EXECUTORS} (thực hiện)",
    ]  # fmt: skip


def test_a_line_naming_other_articles_stays() -> None:
    assert with_own_line(EXECUTORS, ["Như Điều 3, 4"]) == [EXECUTORS, "Như Điều 3, 4"]
    assert with_own_line("Như trên", ["Như trên 2"]) == ["Như trên", "Như trên 2"]
