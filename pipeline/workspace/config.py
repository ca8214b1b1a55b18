"""vanthu.yaml: a workspace's settings, every one with a default (the file may be empty)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator

from pipeline.load.validation import validate
from pipeline.load.yaml_source import load_yaml
from pipeline.model.base import Record

CONFIG_FILE = "vanthu.yaml"
DATA_DIR = "inputs"
OUTPUT_DIR = "outputs"
TEMPLATE_DIR = "mau"


class WorkspaceConfig(Record):
    """Where a workspace keeps its data, outputs and own templates, relative to its folder."""

    ten: str | None = Field(default=None, description="the office, as the clerk calls it")
    du_lieu: str = Field(default=DATA_DIR, min_length=1, description="data files by year")
    ket_qua: str = Field(default=OUTPUT_DIR, min_length=1, description="generated documents")
    mau: str = Field(default=TEMPLATE_DIR, min_length=1, description="the office's templates")
    so_van_ban: str | None = Field(
        default=None, description="the register: a file in the workspace or a postgresql:// URL"
    )

    @field_validator("du_lieu", "ket_qua", "mau")
    @classmethod
    def _inside(cls, value: str) -> str:
        path = Path(value)
        if path.is_absolute() or ".." in path.parts:
            raise ValueError("a folder inside the workspace (no '..', not absolute)")
        return value


def read_config(path: Path) -> WorkspaceConfig:
    """The settings in `path`; an empty file (only comments) means every default."""
    text = path.read_text("utf-8-sig") if path.is_file() else ""
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return WorkspaceConfig()
    return validate(WorkspaceConfig, load_yaml(path))
