"""The yearly build: every document of an input folder, in parallel, rebuilt only when changed.

discover (which inputs, where their outputs go) → runner (worker processes that load and render)
→ manifest (what was built from what, for the next incremental build) → pdf (one long-lived
LibreOffice) → progress (bar and closing table); builder ties them together, command is the CLI.
"""

from pipeline.batch.builder import build
from pipeline.batch.result import BuildResult, DocumentResult, Status

__all__ = ["BuildResult", "DocumentResult", "Status", "build"]
