"""The warnings of a workspace's agency profiles (line_fit: a line too wide for its column),
for render and build alike."""

from __future__ import annotations

from pathlib import Path

from pipeline.context.common import profile_warnings
from pipeline.errors import VanthuError
from pipeline.load.contract import LoadedDocument
from pipeline.render.compose import TemplateLibrary
from pipeline.render.kept_styles import kept_styles
from pipeline.render.styles import StyleSheet
from pipeline.workspace.core import Workspace


def workspace_styles(workspace: Workspace) -> StyleSheet:
    """The styles of the workspace's frame (its own templates first), checked as render reads
    them (kept_styles); the built-in frame's when its templates cannot be read or its styles
    hold a value that is no number (templates check says why)."""
    try:
        return kept_styles(workspace.templates.frame.parts["word/styles.xml"])
    except VanthuError:
        return StyleSheet(TemplateLibrary([]).frame.parts["word/styles.xml"])


def agency_warnings(
    workspace: Workspace, document: LoadedDocument, styles: StyleSheet, seen: set[Path]
) -> list[str]:
    """The warnings of the agency profile `document` names (office_warnings), unless a profile
    in `seen`; the profile is added to `seen`."""
    profile = workspace.agency_file(document.info.data.co_quan)
    if profile is None or profile in seen:
        return []
    seen.add(profile)
    return list(office_warnings(workspace, document, styles, {}))


def office_warnings(
    workspace: Workspace,
    document: LoadedDocument,
    styles: StyleSheet,
    known: dict[Path, tuple[str, ...]],
) -> tuple[str, ...]:
    """The warnings of the agency profile `document` names (line_fit: a line too wide for its
    column), worked out once per profile and kept in `known`."""
    profile = workspace.agency_file(document.info.data.co_quan)
    if profile is None:
        return ()
    found = known.get(profile)
    if found is None:
        shown = workspace.display(profile)
        found = known[profile] = tuple(
            profile_warnings(document.info.agency, profile, styles, shown)
        )
    return found
