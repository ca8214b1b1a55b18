"""RICH_FIELDS (render.fragments), the names templates check requires `{{r name }}` for, pinned
against the contexts of every example document: a name that holds runs wherever a context holds
it is listed, and a listed name holds runs wherever it is found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from pipeline.api import Renderer
from pipeline.render.fragments import RICH_FIELDS
from pipeline.render.structure import rich_field_fault
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]


def _named_texts(value: Any, name: str | None = None) -> Iterator[tuple[str, bool]]:
    """(name, holds runs) of every text a context holds under a name (a list's items are no
    name's: a template prints them through its loop variable)."""
    if isinstance(value, str):
        if name is not None:
            yield name, isinstance(value, Markup) and "<w:r" in value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _named_texts(item, str(key))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _named_texts(item)


@pytest.fixture(scope="module")
def texts() -> dict[str, set[bool]]:
    """For each name, whether its texts hold runs, over the example documents of every kind."""
    workspace = Workspace(REPO)
    renderer = Renderer(workspace)
    found: dict[str, set[bool]] = {}
    kinds = set()
    for path in workspace.documents():
        document = workspace.load(path)
        kinds.add(document.template)
        for name, rich in _named_texts(renderer.context(document)):
            found.setdefault(name, set()).add(rich)
    assert len(kinds) >= 9, kinds  # every kind's context, a decision of each form
    return found


def test_every_name_that_always_holds_runs_is_listed(texts: dict[str, set[bool]]) -> None:
    always = {name for name, kinds in texts.items() if kinds == {True}}
    assert always - RICH_FIELDS == set()


def test_every_listed_name_holds_runs_wherever_found(texts: dict[str, set[bool]]) -> None:
    assert {name for name in RICH_FIELDS if texts.get(name) != {True}} == set()


def test_an_articles_opening_printed_without_r_is_refused() -> None:
    # dieu.mo_dau (the lines opening an article, before its clauses) holds runs.
    fault = rich_field_fault("{{ dieu.mo_dau }}")
    assert fault is not None and fault["fix"] == "{{r dieu.mo_dau }}"
    assert rich_field_fault("{{r dieu.mo_dau }}") is None
