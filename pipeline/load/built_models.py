"""Pydantic models with their schemas built before their first use, once, under a lock.

A model builds its schema at its first use (Record's defer_build), and pydantic's build is not
thread-safe; see `built`. Below the document loader (pipeline.load.documents) and whatever
validates a file without it (verify reading the office's profile an output was built with).
"""

from __future__ import annotations

import threading
from typing import TypeVar, get_args

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_BUILDING = threading.Lock()
_BUILT: set[type[BaseModel]] = set()  # models whose schema, and their parts', are built


def built(model: type[M]) -> type[M]:
    """`model` with its schema built, and those of the models its fields hold (a Quyết định's
    Điều, a profile's câu chữ). A model builds its schema at its first use (Record's
    defer_build; a part's at its first model_dump, while a document renders), and pydantic's
    build is not thread-safe: threads meeting a model's first use at once can meet it half
    built, one failing with "has no attribute '__pydantic_core_schema__'" or validated by the
    parent class's schema (pydantic issues #11849, #13419). So a document's models are built
    here the first time, under a lock; after that, a set look-up.

    The parts are built before the models holding them: a model's schema then takes its
    parts' schemas as built instead of generating each again inside its own (a Quyết định's
    thirteen models: 45 ms top-down, 27 ms bottom-up)."""
    if model in _BUILT:
        return model
    with _BUILDING:
        for found in _parts_first(model):
            found.model_rebuild()
            _BUILT.add(found)
    return model


def _parts_first(model: type[BaseModel]) -> list[type[BaseModel]]:
    """`model` and the models its fields hold at any depth, those not built yet, each after
    the models it holds (a model holding itself, or one holding it, after its other parts)."""
    order: list[type[BaseModel]] = []
    met: set[type[BaseModel]] = set()
    # Depth first without recursion: (a model, whether its parts are in `order` already).
    waiting: list[tuple[type[BaseModel], bool]] = [(model, False)]
    while waiting:
        found, parts_done = waiting.pop()
        if parts_done:
            order.append(found)
        elif found not in met and found not in _BUILT:
            met.add(found)
            waiting.append((found, True))
            waiting += [(part, False) for part in reversed(_models_in(found))]
    return order


def _models_in(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The models `model`'s fields hold, in lists, unions and optional values too."""
    found: list[type[BaseModel]] = []
    types = [field.annotation for field in model.__pydantic_fields__.values()]
    while types:
        kind = types.pop()
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            found.append(kind)
        types += get_args(kind)
    return found
