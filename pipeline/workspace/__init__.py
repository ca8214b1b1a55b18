"""An office's workspace: its agency profiles, data by year, templates and outputs."""

from pipeline.workspace.core import Workspace, shown

__all__ = ["Workspace", "shown"]
