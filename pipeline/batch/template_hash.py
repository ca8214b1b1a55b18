"""The hash that says whether a document's templates changed: its type template, the frame and
the shared blocks in force, each named by its layer (built-in or the office's)."""

from __future__ import annotations

import hashlib

from pipeline.batch.manifest import file_sha256
from pipeline.errors import TemplateError
from pipeline.render.compose import TemplateLibrary


def template_hash(library: TemplateLibrary, name: str) -> str:
    """sha256 over template `name`, the frame and the shared blocks in force (named by layer)."""
    digest = hashlib.sha256()
    try:
        for path in library.source_files(name):
            relative = library.relative_name(path)
            digest.update(f"{relative}\0{file_sha256(path)}\n".encode())
    except FileNotFoundError as exc:
        raise TemplateError("render.template_missing", template=str(exc.filename)) from None
    return digest.hexdigest()
