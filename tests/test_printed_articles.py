"""context.quyet_dinh.printed_articles counts what decision_context writes: the sổ's Nơi nhận
("Như Điều N", register.documents.printed_recipients) must name the decision's last article
without writing the articles, so the count is kept beside the writers and held to them here."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import Renderer, load_document
from pipeline.context.quyet_dinh import printed_articles

REPO = Path(__file__).resolve().parents[1]
DECISIONS = sorted((REPO / "inputs").glob("*/qd-*.yaml"))


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.mark.parametrize("path", DECISIONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_counted_as_written(path: Path, renderer: Renderer) -> None:
    document = load_document(path)
    context = renderer.context(document)
    assert printed_articles(document.info) == len(context["cac_dieu"])


def test_every_kind_of_attached_article_is_counted() -> None:
    # An award list, a council, an issued plan and an issued Quy chế each write their articles.
    names = {path.stem for path in DECISIONS}
    assert {"qd-lao-dong-tien-tien", "qd-thanh-lap-hoi-dong", "qd-ban-hanh-ke-hoach",
            "qd-ban-hanh-quy-che-hoi-dong", "qd-dieu-dong-cong-chuc"} <= names
