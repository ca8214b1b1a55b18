"""The runs of a paragraph: what they show, their fields, their formatting resolved."""

from __future__ import annotations

from lxml import etree

from pipeline.render.styles import StyleSheet
from pipeline.verify.model import DEFAULT_SIZE, Run
from pipeline.verify.ooxml import NS, q

DEFAULT_FONT = "Times New Roman"  # what Word uses when no level names a font

_SKIPPED = {q("w:del"), q("w:moveFrom"), q("w:txbxContent"), q("mc:Fallback"), q("w:pPr")}


class RunReader:
    """Reads runs with one package's style sheet and theme fonts."""

    def __init__(self, styles: StyleSheet, theme: dict[str, str]) -> None:
        self.styles = styles
        self.theme = theme

    def runs(self, element: etree._Element, style_id: str | None) -> tuple[list[Run], list[str]]:
        """The runs of a paragraph (field codes left out) and the instructions of its fields."""
        runs: list[Run] = []
        fields: list[str] = []
        stack: list[list[str]] = []  # complex fields: [instruction, state]
        for node in inline_nodes(element):
            if node.tag == q("w:fldSimple"):
                instruction = str(node.get(q("w:instr"), "")).strip()
                fields.append(instruction)
                for run in node.iter(q("w:r")):
                    runs.append(self.run(run, style_id, instruction))
                continue
            for child in node:
                if child.tag == q("w:fldChar"):
                    kind = child.get(q("w:fldCharType"))
                    if kind == "begin":
                        stack.append(["", "code"])
                    elif kind == "separate" and stack:
                        stack[-1][1] = "result"
                        fields.append(stack[-1][0].strip())
                    elif kind == "end" and stack:
                        if stack[-1][1] == "code":
                            fields.append(stack[-1][0].strip())
                        stack.pop()
                elif child.tag == q("w:instrText") and stack:
                    stack[-1][0] += child.text or ""
            if stack and stack[-1][1] == "code":
                continue
            run = self.run(node, style_id, stack[-1][0].strip() if stack else None)
            runs.append(run)
        return runs, fields

    def run(self, node: etree._Element, style_id: str | None, instruction: str | None) -> Run:
        """One run, its formatting resolved through the StyleSheet."""
        rpr = node.find("w:rPr", NS)
        char_style = None
        if rpr is not None and rpr.find("w:rStyle", NS) is not None:
            char_style = rpr.find("w:rStyle", NS).get(q("w:val"))
        props = self.styles.resolve_run(style_id, char_style, rpr)
        return Run(
            text=run_text(node),
            size=float(props.get("size") or DEFAULT_SIZE),  # type: ignore[arg-type]
            bold=bool(props.get("bold", False)),
            italic=bool(props.get("italic", False)),
            caps=bool(props.get("caps", False) or props.get("small_caps", False)),
            font=self.font(props.get("font")),
            font_hansi=self.font(props.get("font_hansi", props.get("font"))),
            color=props.get("color"),  # type: ignore[arg-type]
            field=instruction,
            hidden=bool(props.get("hidden", False)),
            small_caps=bool(props.get("small_caps", False)) and not props.get("caps", False),
        )

    def font(self, value: object) -> str:
        """A font name, theme fonts (theme:minorHAnsi) resolved through the theme part."""
        if not value:
            return DEFAULT_FONT
        name = str(value)
        if name.startswith("theme:"):
            return self.theme.get(name[6:], name[6:])
        return name


def inline_nodes(paragraph: etree._Element) -> list[etree._Element]:
    """Runs and simple fields of a paragraph in order, skipping deletions and text boxes."""
    out: list[etree._Element] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag in (q("w:r"), q("w:fldSimple")):
                out.append(child)
            else:
                walk(child)

    walk(paragraph)
    return out


def run_text(run: etree._Element) -> str:
    """What a run shows: text, tabs and line breaks."""
    parts = []
    for child in run:
        if child.tag == q("w:t"):
            parts.append(child.text or "")
        elif child.tag == q("w:tab") or child.tag == q("w:ptab"):
            parts.append("\t")
        elif child.tag in (q("w:br"), q("w:cr")):
            if child.get(q("w:type")) in (None, "textWrapping"):
                parts.append("\n")
        elif child.tag == q("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def starts_page(paragraph: etree._Element) -> bool:
    """Whether the paragraph starts a page: page break before it, or a break before its text."""
    ppr = paragraph.find("w:pPr", NS)
    before = ppr.find("w:pageBreakBefore", NS) if ppr is not None else None
    if before is not None and before.get(q("w:val")) not in ("0", "false", "off"):
        return True
    for node in paragraph.iter(q("w:br"), q("w:t")):
        if node.tag == q("w:t") and (node.text or "").strip():
            return False
        if node.tag == q("w:br") and node.get(q("w:type")) == "page":
            return True
    return False
