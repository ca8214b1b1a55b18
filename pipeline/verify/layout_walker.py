"""Walking one document for its layout: where a paragraph stands, and the rules drawn under it."""

from __future__ import annotations

from pipeline.rules.doc_types import DocumentType
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout_model import Layout, RuleMark
from pipeline.verify.shapes import edge_stroke, stroke_of


class Walker:
    """Walks one document once, filling a Layout; the finders build on it."""

    def __init__(self, doc: Document, doc_type: DocumentType | None, template: bool) -> None:
        self.doc = doc
        self.layout = Layout(template=template, doc_type=doc_type)
        self.template = template
        self.blocks = doc.blocks

    def usable(self, p: Paragraph) -> bool:
        """A paragraph with text that stays in the rendered document."""
        return not p.is_empty and not (self.template and p.is_control)

    def section_width(self, p: Paragraph) -> float | None:
        """Text width of the section p is in, in points."""
        for section in self.doc.sections:
            if section.number == p.section:
                return section.text_width_pt
        return None

    def container(self, p: Paragraph) -> list[Paragraph]:
        """The paragraphs p stands among: its cell, or the top-level paragraphs."""
        if p.cell is not None:
            return p.cell.paragraphs
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def after(self, p: Paragraph) -> list[Paragraph]:
        """Paragraphs after p in its container, control paragraphs of a template left out."""
        items = self.container(p)
        position = next(i for i, item in enumerate(items) if item is p)
        return [x for x in items[position + 1 :] if not (self.template and x.is_control)]

    # --- rules under elements -------------------------------------------------------------

    def drawn_rule(self, p: Paragraph, edges: tuple[str, ...]) -> RuleMark | None:
        """A line shape in p, else the first of its borders `edges` ("top", "bottom") that
        prints, as wide as p's lines (its container less its indents); with its stroke."""
        lines = [s for s in p.shapes if s.is_line]
        if lines:
            line = lines[0]
            inline = line.kind == "inline"
            return RuleMark("shape", line.width_pt, p, inline=inline, stroke=stroke_of(line))
        for edge in edges:
            if p.props.get(f"border_{edge}"):
                width = p.available_pt(self.section_width(p))
                return RuleMark("border", width, p, stroke=edge_stroke(p.props, edge))
        return None

    def own_rule(self, p: Paragraph) -> RuleMark | None:
        """A rule drawn by the paragraph itself: bottom border or a line shape in it."""
        return self.drawn_rule(p, ("bottom",))

    def carrier_rule(self, p: Paragraph) -> RuleMark | None:
        """A rule held by a paragraph without text: line shape, top or bottom border (a hand-made
        rule is either: the line over the empty paragraph or under it, both under the text) or
        (template) tag."""
        if self.template and p.only_tags and p.text.strip().startswith("{{r"):
            return RuleMark("tag", None, p)
        if not p.is_empty:
            return None
        return self.drawn_rule(p, ("top", "bottom"))

    def rule_under(self, p: Paragraph) -> RuleMark | None:
        """The rule under p: in p, in the empty paragraphs after it, or floating in the next one."""
        mark = self.own_rule(p)
        if mark:
            return mark
        for following in self.after(p):
            mark = self.carrier_rule(following)
            if mark:
                return mark
            if not following.is_empty:
                floating = [s for s in following.shapes if s.is_line and s.kind != "inline"]
                if floating:
                    line = floating[0]
                    return RuleMark("shape", line.width_pt, following, stroke=stroke_of(line))
                return None
        return None
