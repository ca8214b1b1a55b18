"""A template's tags, each opened and closed in one paragraph (verify --template).

verify reads a template's layout by its tags: a paragraph holding one is an element's slot (the
type name's, the trích yếu's). A tag without its '}}' or '%}' is text to it, so the elements
after it are taken for others (the trích yếu's 6 pt rule for a body paragraph) and every rule
on them says something false. Such a template is said to be broken, and nothing else: its
layout is read once the tag is whole (templates check says the same fault, tpl.unclosed_tag).
"""

from __future__ import annotations

import re

from pipeline.verify.document import Document
from pipeline.verify.report import Report, literal, msg
from pipeline.verify.shapes import with_text_boxes

_DELIMITER = re.compile(r"\{\{|\}\}|\{%|%\}")
_CLOSING = {"{{": "}}", "{%": "%}"}
RULE = "template.unclosed_tag"


def unbalanced_tag(text: str) -> str | None:
    """The first tag of a paragraph's text left open, or a closing '}}'/'%}' without its
    opening, as typed; None when every tag is whole (render.structure says it alike)."""
    opened: int | None = None
    for match in _DELIMITER.finditer(text):
        mark = match[0]
        if mark in _CLOSING:
            if opened is not None:
                return text[opened : match.start()].rstrip()
            opened = match.start()
        elif opened is not None and _CLOSING[text[opened : opened + 2]] == mark:
            opened = None
        elif opened is not None:
            return text[opened : match.end()]
        else:
            return text[max(0, match.start() - 30) : match.end()].lstrip()
    return text[opened:].rstrip() if opened is not None else None


def check_template_tags(doc: Document, report: Report) -> bool:
    """template.unclosed_tag at each paragraph of a template with a tag not whole in it;
    whether there was one (the layout rules then read the template wrongly: not run)."""
    found = False
    for paragraph in with_text_boxes(doc.paragraphs):
        tag = unbalanced_tag(paragraph.text)
        if tag is not None:
            report.add(RULE, paragraph.where, literal(tag), msg("whole_tag"))
            found = True
    return found
