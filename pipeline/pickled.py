"""Pickling a frozen, slotted dataclass as the arguments that make it again.

What a build hands its worker processes and gets back (a StageJob, a Staged with its manifest
Entry and the register's Details) crosses a pipe as a pickle, one per document each way.
dataclass(frozen=True, slots=True) pickles through its own __getstate__ and __setstate__, which
walk dataclasses.fields() in Python for every object, on both sides: over the results of
1,000 award decisions (each a Staged with its Entry and Details), 13.4 µs a document to pickle
them and 17.2 µs to read them back; as the class and its field values (one attrgetter call;
read back through __init__) 6.7 µs and 11.0 µs, the pickles the same size.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def by_arguments(cls: type[T]) -> type[T]:
    """Make `cls` (a dataclass, every field set by its __init__ in order, none keyword-only)
    pickle as cls(*its field values). Put it above @dataclass: slots=True makes a new class."""
    made = fields(cls)  # type: ignore[arg-type]
    if len(made) < 2 or any(not f.init or f.kw_only for f in made):
        # attrgetter of one name gives the value, not a tuple; a field left out of __init__,
        # or keyword-only, cannot be given back by position.
        raise TypeError(f"{cls.__name__}: not made again from its fields by position")
    values: Callable[[Any], tuple[Any, ...]] = operator.attrgetter(*(f.name for f in made))

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        if type(self) is not cls:  # a subclass's fields are not these
            raise TypeError(f"{type(self).__name__}: pickled as {cls.__name__}")
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls
