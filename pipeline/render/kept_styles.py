"""The frame's styles as a document's context asks of them, kept in the template cache.

A context fits its lines to the size and weight the frame's styles give them (paragraph_style_run,
style_paragraph_props of render.styles.StyleSheet). Reading the styles for that means parsing the
frame's styles.xml, 366 kB: 50 M instructions and some 13 ms of a build's first document (and of
every render), for the same few answers each time. So every answer the sheet can give to those two
questions, for each of its styles and for none, is kept in the template cache under the styles'
bytes and the code that works them out (styles.py, lxml); a run whose frame is unchanged reads
them back, and its sheet reads the styles only for another question (a style the frame lacks).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline.errors import TemplateError
from pipeline.render import styles as styles_module
from pipeline.render.compose import FRAME_NAME, STYLES_PART
from pipeline.render.locate import Place
from pipeline.render.structure import value_fault
from pipeline.render.styles import Frame, RunFormat, StyleSheet
from pipeline.render.template_cache import cache_root, module_stamps, styles_answers

_FRAME = "__frame__"  # how a Frame is written among a style's paragraph properties


def kept_styles(styles_xml: bytes) -> StyleSheet:
    """StyleSheet(styles_xml), its answers read from the cache when these styles were read
    before, else worked out now (all of them: the sheet's every style) and kept. The frame's
    styles are checked when they are read (checked): TemplateError for a value that is no
    number, or off the list Word takes it from (w:jc), which no context is made with."""
    if cache_root() is None:  # nothing is kept: the styles are read, as they were
        return checked(StyleSheet(styles_xml))
    text = styles_answers(
        _key(styles_xml), lambda: json.dumps(_answers(checked(StyleSheet(styles_xml))))
    )
    try:
        runs, props = _decoded(json.loads(text))
    except (ValueError, TypeError, KeyError):  # not what _answers writes: read the styles
        return checked(StyleSheet(styles_xml))
    return StyleSheet.answered(styles_xml, runs, props)


def checked(sheet: StyleSheet) -> StyleSheet:
    """`sheet`, the frame's styles; TemplateError naming khung.docx, the style, the attribute
    and its value when a value of them is no number (<w:sz w:val="x"/>: a hand edit), which
    every question about that style would fail on, or is off its list (<w:jc w:val="middle"/>),
    which Word refuses (render.structure.number_faults says the same of the frame when a
    template is prepared)."""
    found = value_fault(FRAME_NAME, STYLES_PART, sheet.root, Place(None))
    if found is not None:
        raise TemplateError(
            found.key, template=f"{FRAME_NAME}.docx", where=found.where, **found.params
        )
    return sheet


def _key(styles_xml: bytes) -> bytes:
    # This module's stamp too: what it keeps follows from the check above.
    modules = ["styles.py", "kept_styles.py"]
    code = "\0".join(module_stamps(Path(styles_module.__file__).parent, modules))
    return f"{code}\0{etree.LXML_VERSION}\0".encode() + hashlib.sha256(styles_xml).digest()


def _answers(sheet: StyleSheet) -> list[list[Any]]:
    """[style id, its run, its paragraph properties] for no style and each of the sheet's
    whose answers can be worked out (every value of a checked sheet is a number): one that
    cannot is left to be worked out when asked for, and to fail then."""
    found = []
    for style_id in dict.fromkeys([None, *sheet.by_id]):
        try:
            run = sheet.paragraph_style_run(style_id)
            props = sheet.style_paragraph_props(style_id)
        except Exception:  # noqa: BLE001 - said by the question that asks for it, if any
            continue
        pairs = [[key, _encoded(value)] for key, value in props.items()]
        found.append([style_id, [run.size, run.bold, run.italic, run.font, run.caps], pairs])
    return found


def _encoded(value: object) -> object:
    if isinstance(value, Frame):
        return {_FRAME: [value.x, value.y, value.width, value.height, value.h_anchor,
                         value.v_anchor, value.exact]}  # fmt: skip
    return value


def _decoded(
    found: list[list[Any]],
) -> tuple[dict[str | None, RunFormat], dict[str | None, dict[str, object]]]:
    runs: dict[str | None, RunFormat] = {}
    props: dict[str | None, dict[str, object]] = {}
    for style_id, run, pairs in found:
        runs[style_id] = RunFormat(*run)
        props[style_id] = {
            key: Frame(*value[_FRAME]) if isinstance(value, dict) else value for key, value in pairs
        }
    return runs, props
