"""Every data model's list and mapping defaults are made by a function (model.base.new_list,
new_dict), not by the type itself: pydantic reads a default factory's signature when it builds a
model's schema, and a built-in type's is parsed from its text (6 ms of a build's first document)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from pydantic import BaseModel

import pipeline.model
from pipeline.model.quyet_dinh import SheetRef


def data_models() -> list[type[BaseModel]]:
    found = []
    for info in pkgutil.iter_modules(pipeline.model.__path__):
        module = importlib.import_module(f"pipeline.model.{info.name}")
        found += [value for value in vars(module).values()
                  if inspect.isclass(value) and issubclass(value, BaseModel)
                  and value.__module__ == module.__name__]  # fmt: skip
    return found


def test_no_model_field_defaults_to_a_type() -> None:
    models = data_models()
    assert len(models) > 30
    typed = [f"{model.__name__}.{name}" for model in models
             for name, field in model.model_fields.items()
             if isinstance(field.default_factory, type)]  # fmt: skip
    assert typed == []


def test_each_record_has_its_own_empty_defaults() -> None:
    first, second = SheetRef(danh_sach="a.xlsx"), SheetRef(danh_sach="b.xlsx")
    assert first.cot == {} and second.cot == {} and first.cot is not second.cot
