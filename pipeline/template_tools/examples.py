"""Contexts of vanthu's own starter documents (vanthu new), for comparing templates with.

Each kind's starter renders as it is; built here in a scratch workspace, with the templates in
force (a phôi's context depends on its fields), they show the context every kind's template gets
even in a workspace that holds no example of that kind. Made for an office's workspace, they are
the office's own starters (its profile's agency lines, the header's cơ quan chủ quản and ban
hành, measured against its templates' columns); the shipped sample office's where it has none.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from pipeline.errors import VanthuError
from pipeline.load.contract import LoadedDocument
from pipeline.load.yaml_source import load_yaml
from pipeline.workspace import Workspace


class Renderer(Protocol):
    """What the examples need of pipeline.api.Renderer (which is above this module): a loaded
    document's context, made with the templates in force."""

    def context(self, document: LoadedDocument) -> dict[str, Any]: ...

_YEAR = 2026  # any year: the starters are dated in it


def starter_contexts(
    renderer: Renderer, office: Workspace | None = None
) -> dict[str, list[Mapping[str, Any]]]:
    """Contexts of every starter, by template name; a starter that fails is left out. With
    `office`, each starter as `vanthu new` writes it there, for the office's own profile
    (office_profile); the sample office's for a workspace without one, and for a kind whose
    starter fails with the office's profile."""
    profile = office_profile(office) if office is not None else None
    found = _contexts(renderer, profile)
    if profile is not None:
        for template, contexts in _contexts(renderer, None).items():
            found.setdefault(template, contexts)
    return found


def office_profile(office: Workspace) -> Path | None:
    """The office's own agency profile (co-quan/<id>.yaml): the one whose ten_day_du is the
    office's name in vanthu.yaml (`ten`, as `vanthu init` writes it), else the first `vanthu
    new` fills its starters for (starters.fills_starters); None when it has none."""
    from pipeline.starters import fills_starters

    usable: list[tuple[Path, Mapping[str, Any]]] = []
    for ref in office.agency_ids():
        path = office.agency_file(ref)
        if path is None:
            continue
        try:
            data = load_yaml(path).data
        except VanthuError:
            continue  # a profile that cannot be read: `vanthu check` says why
        if fills_starters(data):
            usable.append((path, data))
    name = _words(office.config.ten)
    named = [path for path, data in usable if name and _words(data.get("ten_day_du")) == name]
    found = named or [path for path, _ in usable]
    return found[0] if found else None


def _words(text: object) -> str:
    """`text` compared as a name: its words, case aside."""
    return " ".join(str(text or "").split()).casefold()


def _contexts(renderer: Renderer, profile: Path | None) -> dict[str, list[Mapping[str, Any]]]:
    """Contexts of every starter written in a scratch workspace holding `profile` (its only
    agency: the starters name it), or none (the sample office's)."""
    from pipeline.starters import STARTERS, write_starter

    found: dict[str, list[Mapping[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="vanthu-starters-") as scratch:
        folder = Path(scratch) / "inputs" / str(_YEAR)
        folder.mkdir(parents=True)
        (Path(scratch) / "vanthu.yaml").write_text("du_lieu: inputs\n", encoding="utf-8")
        if profile is not None:
            agencies = Workspace.containing(Path(scratch)).agency_dir
            agencies.mkdir()
            (agencies / profile.name).write_bytes(profile.read_bytes())
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
