"""WordprocessingML's namespace is named once (pipeline.ooxml_names), below the renderer and the
reader alike: render/ takes it there, not from verify/ (session 50g)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

import pipeline
from pipeline import ooxml_names
from pipeline.render import styles
from pipeline.verify import ooxml

PACKAGE = Path(pipeline.__file__).parent


def test_the_namespace_is_written_in_one_module() -> None:
    written = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "schemas.openxmlformats.org/wordprocessingml/2006/main" in path.read_text("utf-8")
    )
    assert written == ["ooxml_names.py"]


def test_render_and_verify_name_it_alike() -> None:
    assert styles.W == ooxml.W == ooxml_names.W
    assert ooxml.NS is ooxml_names.NS
    assert styles.NS == {"w": ooxml_names.W}  # "w:" alone: the style resolution's hot finds
    assert styles.w("val") == ooxml.q("w:val") == f"{ooxml_names.W_CLARK}val"
    paragraph = etree.fromstring(f'<w:p xmlns:w="{ooxml_names.W}"><w:pPr/></w:p>')
    assert paragraph.tag == ooxml.q("w:p") and paragraph.find("w:pPr", styles.NS) is not None


def test_render_takes_the_names_not_from_verify() -> None:
    for path in (PACKAGE / "render").glob("*.py"):
        source = path.read_text("utf-8")
        assert not re.search(r"from pipeline\.verify\.ooxml import|verify import ooxml", source)


def test_the_names_module_imports_nothing_of_vanthu() -> None:
    assert "from pipeline" not in (PACKAGE / "ooxml_names.py").read_text("utf-8")
