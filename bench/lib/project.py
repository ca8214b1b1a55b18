"""Where the project under measurement lives."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
INPUTS = ROOT / "inputs"
