"""Where the templates shipped with vanthu are (package data of `pipeline.templates`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def builtin_templates() -> Path:
    """The templates shipped with vanthu."""
    return Path(str(resources.files("pipeline.templates")))
