"""The shipped templates, and the documents made from them, say they are Vietnamese (w:lang
vi-VN: Word proofs the text in it, the PDF's /Lang follows), and write each table's properties
as the schema orders them, each once (CT_TblPr: Word may refuse a table otherwise)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.batch import build
from pipeline.ooxml_names import q
from pipeline.workspace import Workspace
from tests.typed_docs import REPO, TEMPLATES

# CT_TblPr's sequence (ECMA-376 Part 1, 17.4.60).
TABLE_PROPERTIES = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
)  # fmt: skip
SHIPPED = sorted([*TEMPLATES.glob("*.docx"), *TEMPLATES.glob("khoi/*.docx")])


def parts(docx: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(docx) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


def misordered_tables(docx: Path) -> list[tuple[str, list[str]]]:
    """(part, its children's names) of each w:tblPr of `docx` out of the schema's order or
    holding a property twice."""
    found = []
    for name, root in parts(docx).items():
        for properties in root.iter(q("w:tblPr")):
            children = [etree.QName(child).localname for child in properties]
            ranks = [TABLE_PROPERTIES.index(child) for child in children]
            if ranks != sorted(set(ranks)):
                found.append((name, children))
    return found


def language(docx: Path) -> str | None:
    styles = parts(docx)["word/styles.xml"]
    lang = styles.find(f"{q('w:docDefaults')}/{q('w:rPrDefault')}/{q('w:rPr')}/{q('w:lang')}")
    return None if lang is None else lang.get(q("w:val"))


@pytest.mark.parametrize("template", SHIPPED, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_a_shipped_template_is_vietnamese_and_its_tables_well_formed(template: Path) -> None:
    assert language(template) == "vi-VN"
    assert misordered_tables(template) == []


@pytest.fixture(scope="module")
def built_examples(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every example of the repository built into a copy of its workspace."""
    root = tmp_path_factory.mktemp("vi") / "ws"
    shutil.copytree(REPO / "inputs", root / "inputs")
    shutil.copy(REPO / "vanthu.yaml", root / "vanthu.yaml")
    workspace = Workspace.containing(root / "inputs")
    assert build(workspace, jobs=1).ok
    return sorted((root / "outputs").rglob("*.docx"))


def test_every_built_example_is_vietnamese_and_its_tables_well_formed(
    built_examples: list[Path],
) -> None:
    assert len(built_examples) > 15
    assert {docx.name: language(docx) for docx in built_examples} == {
        docx.name: "vi-VN" for docx in built_examples
    }
    assert {docx.name: misordered_tables(docx) for docx in built_examples} == {
        docx.name: [] for docx in built_examples
    }
