"""`built` builds a document's models bottom-up: each model's parts before the model itself,
so that its schema takes their built schemas instead of generating them again (issue 13)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from pipeline.kinds import KINDS
from pipeline.load import built_models
from pipeline.load.built_models import _models_in, _parts_first, built
from pipeline.model.agency import Agency
from pipeline.model.quyet_dinh import DecisionData


def _every_part(model: type[BaseModel]) -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    waiting = [model]
    while waiting:
        part = waiting.pop()
        if part not in found:
            found.add(part)
            waiting += _models_in(part)
    return found


def _parts_come_first(order: list[type[BaseModel]]) -> None:
    position = {model: index for index, model in enumerate(order)}
    for model in order:
        for part in _models_in(model):
            if part in position and part is not model:
                assert position[part] < position[model], (part.__name__, model.__name__)


class Node(BaseModel):
    """A model that holds itself: a tree."""

    name: str
    children: list[Node] = []


class Leaf(BaseModel):
    text: str


class Holder(BaseModel):
    leaf: Leaf
    leaves: list[Leaf] | None = None
    tree: Node | None = None


@pytest.fixture()
def none_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a new process: no model built yet (other tests of this worker build them)."""
    monkeypatch.setattr(built_models, "_BUILT", set())


@pytest.mark.usefixtures("none_built")
def test_a_decision_s_parts_are_ordered_before_what_holds_them() -> None:
    order = _parts_first(DecisionData)
    assert order[-1] is DecisionData
    assert set(order) == _every_part(DecisionData)
    _parts_come_first(order)
    assert len(order) == len(set(order))


@pytest.mark.usefixtures("none_built")
def test_every_kind_s_models_come_parts_first() -> None:
    for kind in {k.model for k in KINDS.values()} | {Agency}:
        order = _parts_first(kind)
        _parts_come_first(order)
        assert order[-1] is kind and set(order) == _every_part(kind)


def test_a_model_holding_itself_is_built_and_validates() -> None:
    order = _parts_first(Holder)
    assert set(order) == {Leaf, Node, Holder} and order[-1] is Holder
    built(Holder)
    assert all(m.__pydantic_complete__ for m in (Leaf, Node, Holder))
    held = Holder.model_validate(
        {"leaf": {"text": "a"}, "tree": {"name": "x", "children": [{"name": "y"}]}}
    )
    assert held.tree is not None and held.tree.children[0].name == "y"
    assert _parts_first(Holder) == []  # built: nothing left to build


def test_built_models_are_complete_with_their_parts() -> None:
    built(DecisionData)
    assert all(m.__pydantic_complete__ for m in _every_part(DecisionData))
