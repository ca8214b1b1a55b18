"""The .docx as verify reads it: the model and `read_document`, from the modules that hold them.

model.py holds the dataclasses the rules check, reader.py builds them from the package XML
(package.py for the shared parts, runs.py for run formatting and fields, shapes.py for drawings).
Rules import from here so that they need not know how reading is split.
"""

from pipeline.verify.model import (
    CONTROL,
    DEFAULT_SIZE,
    ONLY_TAGS,
    TAG,
    Cell,
    Document,
    Paragraph,
    Part,
    Run,
    Section,
    Shape,
    Table,
)
from pipeline.verify.ooxml import NS, W, q
from pipeline.verify.reader import DEFAULT_CELL_MARGIN, read_document
from pipeline.verify.runs import DEFAULT_FONT
from pipeline.verify.shapes import EMU_PER_PT

__all__ = [
    "CONTROL",
    "DEFAULT_CELL_MARGIN",
    "DEFAULT_FONT",
    "DEFAULT_SIZE",
    "EMU_PER_PT",
    "NS",
    "ONLY_TAGS",
    "TAG",
    "W",
    "Cell",
    "Document",
    "Paragraph",
    "Part",
    "Run",
    "Section",
    "Shape",
    "Table",
    "q",
    "read_document",
]
