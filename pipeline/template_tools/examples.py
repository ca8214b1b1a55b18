"""Contexts of vanthu's own starter documents (vanthu new), for comparing templates with.

Each kind's starter renders as it is; built here in a scratch workspace, with the templates in
force (a phôi's context depends on its fields), they show the context every kind's template gets
even in a workspace that holds no example of that kind.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from pipeline.errors import VanthuError
from pipeline.load.contract import LoadedDocument
from pipeline.workspace import Workspace


class Renderer(Protocol):
    """What the examples need of pipeline.api.Renderer (which is above this module): a loaded
    document's context, made with the templates in force."""

    def context(self, document: LoadedDocument) -> dict[str, Any]: ...

_YEAR = 2026  # any year: the starters are dated in it


def starter_contexts(renderer: Renderer) -> dict[str, list[Mapping[str, Any]]]:
    """Contexts of every starter, by template name; a starter that fails is left out."""
    from pipeline.starters import STARTERS, write_starter

    found: dict[str, list[Mapping[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="vanthu-starters-") as scratch:
        folder = Path(scratch) / "inputs" / str(_YEAR)
        folder.mkdir(parents=True)
        (Path(scratch) / "vanthu.yaml").write_text("du_lieu: inputs\n", encoding="utf-8")
        for name in STARTERS:
            target = folder / f"{name}.yaml"
            if not target.exists():  # a companion of an earlier starter
                try:
                    write_starter(name, target, today=date(_YEAR, 1, 1))
                except VanthuError:
                    continue
        workspace = Workspace.containing(Path(scratch))
        for path in workspace.documents(folder):
            try:
                document = workspace.load(path)
                context = renderer.context(document)
            except VanthuError:
                continue
            found.setdefault(document.kind.template, []).append(context)
    return found
