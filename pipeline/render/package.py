"""Read a .docx package once: its parts in order, each also kept compressed for raw copying."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import TemplateError
from pipeline.render.zipwriter import Member

DOCUMENT_PART = "word/document.xml"


@dataclass
class Package:
    """The parts of a .docx: name → bytes, in archive order, plus their compressed members."""

    source: str
    parts: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path | str, data: bytes | None = None) -> Package:
        """Load every part of the package at `path` (or in `data`)."""
        try:
            raw = data if data is not None else Path(path).read_bytes()
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                parts = {info.filename: archive.read(info) for info in archive.infolist()}
        except FileNotFoundError:
            raise TemplateError("render.template_missing", template=str(path)) from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise TemplateError(
                "render.template_not_docx", template=str(path), reason=str(exc)
            ) from None
        if DOCUMENT_PART not in parts:
            raise TemplateError(
                "render.template_not_docx", template=str(path), reason=DOCUMENT_PART
            )
        return cls(str(path), parts)

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def members(self, level: int = 6) -> list[Member]:
        """Every part compressed once, ready to be copied into outputs."""
        return [Member.deflate(name, data, level) for name, data in self.parts.items()]
