"""Resolve the formatting that named styles give a paragraph or run (styles.xml, docDefaults).

Shared by the renderer (rule lengths follow the style's size and weight) and by verify (the
size, weight and font of every run, resolved through styles as Word does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class RunFormat:
    """Resolved character formatting: size in points, bold, italic, font names."""

    size: float | None
    bold: bool
    italic: bool
    font: str | None
    caps: bool = False


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    value = element.get(w("val"))
    return value not in ("0", "false", "off")


class StyleSheet:
    """The styles of one package, for looking up what a style makes of its text."""

    def __init__(self, styles_xml: bytes) -> None:
        self.root = etree.fromstring(styles_xml)
        self.by_id = {s.get(w("styleId")): s for s in self.root.iter(w("style"))}

    @cached_property
    def default_run(self) -> dict[str, object]:
        rpr = self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        return self._run_props(rpr) if rpr is not None else {}

    @cached_property
    def default_paragraph_style(self) -> str | None:
        for style in self.root.iter(w("style")):
            if style.get(w("type")) == "paragraph" and _on(style) is None:
                if style.get(w("default")) in ("1", "true"):
                    return style.get(w("styleId"))
        return None

    @staticmethod
    def _run_props(rpr: etree._Element | None) -> dict[str, object]:
        props: dict[str, object] = {}
        if rpr is None:
            return props
        size = rpr.find("w:sz", NS)
        if size is not None:
            props["size"] = int(size.get(w("val"))) / 2
        for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps")):
            value = _on(rpr.find(f"w:{tag}", NS))
            if value is not None:
                props[key] = value
        fonts = rpr.find("w:rFonts", NS)
        if fonts is not None and fonts.get(w("ascii")):
            props["font"] = fonts.get(w("ascii"))
        return props

    def style_run_props(self, style_id: str | None) -> dict[str, object]:
        """Run properties a style gives, following basedOn (nearest wins)."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        props: dict[str, object] = {}
        for style in reversed(chain):
            props.update(self._run_props(style.find("w:rPr", NS)))
        return props

    def paragraph_style_run(self, style_id: str | None) -> RunFormat:
        """What a run without direct formatting looks like in a paragraph of `style_id`."""
        props = dict(self.default_run)
        props.update(self.style_run_props(style_id or self.default_paragraph_style))
        return RunFormat(
            size=props.get("size"),  # type: ignore[arg-type]
            bold=bool(props.get("bold", False)),
            italic=bool(props.get("italic", False)),
            font=props.get("font"),  # type: ignore[arg-type]
            caps=bool(props.get("caps", False)),
        )
