"""An office's workspace: its agency profiles, data by year, templates and outputs."""

from pipeline.workspace.core import Workspace

__all__ = ["Workspace"]
