"""vanthu.yaml: a workspace's settings, every one with a default (the file may be empty).

`dinh_danh` names the workspace itself, whatever folder it is in: a shared register (sổ văn bản
đi on PostgreSQL) tells the clerks' data files apart by it (pipeline.register.documents).
`vanthu init` writes one; `add_identity` gives one to a vanthu.yaml made before, keeping the
clerk's comments and layout.
"""

from __future__ import annotations

import io
import re
import secrets
from pathlib import Path

from pydantic import Field, field_validator

from pipeline.errors import InputError
from pipeline.i18n import t
from pipeline.load.validation import validate
from pipeline.load.yaml_source import load_yaml
from pipeline.model.base import Record
from pipeline.patterns import lazy
from pipeline.render.output import ReadReason, write_atomic

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
    dinh_danh: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$",
        description="this workspace's identity in a shared register (written by vanthu init)",
    )

    @field_validator("dinh_danh", mode="before")
    @classmethod
    def _stripped(cls, value: object) -> object:
        # A stray space (dinh_danh: "vt-9af1b9d3e503 ") names the same workspace.
        return value.strip() or None if isinstance(value, str) else value

    @field_validator("du_lieu", "ket_qua", "mau")
    @classmethod
    def _inside(cls, value: str) -> str:
        path = Path(value)
        if path.is_absolute() or ".." in path.parts:
            raise ValueError("a folder inside the workspace (no '..', not absolute)")
        return value


def read_config(path: Path) -> WorkspaceConfig:
    """The settings in `path`; an empty file (only comments) means every default. A file the
    OS will not let be read is an InputError naming it and why, as a data file's."""
    try:
        text = path.read_text("utf-8-sig") if path.is_file() else ""
    except OSError as exc:
        raise InputError("data.file_unreadable", file=path, reason=ReadReason(exc)) from None
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return WorkspaceConfig()
    return validate(WorkspaceConfig, load_yaml(path))


IDENTITY_KEY = "dinh_danh"
_identity_line = lazy(rf"^{IDENTITY_KEY}\s*:\s*['\"]?([A-Za-z0-9_-]+)", re.MULTILINE)


def new_identity() -> str:
    """A fresh workspace identity: 'vt-' and 12 random hex digits (no two offices' clerks draw
    the same); the letters first, so that YAML never reads it as a number (1e10)."""
    return f"vt-{secrets.token_hex(6)}"


def identity_line(existing: Path | None = None, lang: str | None = None) -> str:
    """The vanthu.yaml line naming a new workspace's identity, its comment in `lang` (the
    current language when None); `existing` (a vanthu.yaml being written over) keeps the
    identity it has, so that its register rows stay its own."""
    text = existing.read_text("utf-8-sig") if existing is not None and existing.is_file() else ""
    found = _identity_line().search(text)
    return _line(found.group(1) if found else new_identity(), lang)


def _comment(lang: str | None = None) -> str:
    return t("ws.file.identity", lang=lang)


def _line(value: str, lang: str | None = None) -> str:
    return f"{IDENTITY_KEY}: {value}    # {_comment(lang)}\n"


def add_identity(path: Path) -> str:
    """Give the workspace of vanthu.yaml `path` an identity: written into the file (ruamel
    round trip: the clerk's comments, order and spacing kept); the identity written."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # a long line (a register URL) is not folded
    text = path.read_text("utf-8-sig")
    data = yaml.load(text) if text.strip() else None
    value = new_identity()
    if data is None:  # only comments: append the line after them
        body = text if not text or text.endswith("\n") else text + "\n"
        write_atomic(path, (body + _line(value)).encode("utf-8"))
        return value
    if not isinstance(data, CommentedMap):
        raise ValueError(path)  # read_config refuses such a file before this is reached
    if data.get(IDENTITY_KEY):  # given meanwhile by another vanthu in this workspace
        return str(data[IDENTITY_KEY])
    data[IDENTITY_KEY] = value
    # The column right after the value, as _line writes it: without one, ruamel aligns the
    # comment with the other comments of the mapping (after a long register URL: ~70 spaces).
    data.yaml_add_eol_comment(_comment(), IDENTITY_KEY, column=len(_line(value).split("#")[0]))
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    write_atomic(path, buffer.getvalue().encode("utf-8"))
    return value
