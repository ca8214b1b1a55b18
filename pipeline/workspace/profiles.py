"""The warnings of a workspace's agency profiles (line_fit: a line too wide for its column),
for render and build alike."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.context.common import profile_warnings
from pipeline.errors import VanthuError
from pipeline.load.contract import LoadedDocument
from pipeline.load.validation import validate
from pipeline.load.yaml_source import load_yaml
from pipeline.model.agency import Agency
from pipeline.render.compose import TemplateLibrary
from pipeline.render.styles import StyleSheet
from pipeline.workspace.core import Workspace


def workspace_styles(workspace: Workspace) -> StyleSheet:
    """The styles of the workspace's frame (its own templates first); the built-in frame's when
    its templates cannot be read (templates check says why)."""
    try:
        return StyleSheet(workspace.templates.frame.parts["word/styles.xml"])
    except VanthuError:
        return StyleSheet(TemplateLibrary([]).frame.parts["word/styles.xml"])


def agency_warnings(
    workspace: Workspace, document: LoadedDocument, styles: StyleSheet, seen: set[Path]
) -> list[str]:
    """The warnings of the agency profile `document` names (line_fit: a line too wide for its
    column), unless a profile in `seen`; the profile is added to `seen`."""
    profile = workspace.agency_file(document.info.data.co_quan)
    if profile is None or profile in seen:
        return []
    seen.add(profile)
    return profile_warnings(document.info.agency, profile, styles, workspace.display(profile))


def agency_profile_warnings(workspace: Workspace, refs: Iterable[str]) -> list[str]:
    """The warnings of the workspace's agency profiles `refs` (as agency_warnings), each read
    again: the build's documents are loaded in its workers. A profile that no longer loads
    is left to the documents' own errors."""
    styles: StyleSheet | None = None
    warnings: list[str] = []
    for ref in sorted(set(refs)):
        profile = workspace.agency_file(ref)
        if profile is None:
            continue
        try:
            agency = validate(Agency, load_yaml(profile))
        except VanthuError:
            continue
        styles = styles or workspace_styles(workspace)
        warnings.extend(profile_warnings(agency, profile, styles, workspace.display(profile)))
    return warnings
