"""Resolve the formatting that named styles give a paragraph or run (styles.xml, docDefaults).

Shared by the renderer (rule lengths follow the style's size and weight) and by verify (the
size, weight and font of every run, resolved through styles as Word does).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

# NS: "w:" alone (ooxml_names.W_NS), the map the hot paths below find() with.
from pipeline.ooxml_names import W_NS as NS
from pipeline.ooxml_names import W as W
from pipeline.ooxml_names import w as w


@dataclass(frozen=True)
class RunFormat:
    """Resolved character formatting: size in points, bold, italic, font names."""

    size: float | None
    bold: bool
    italic: bool
    font: str | None
    caps: bool = False


@dataclass(frozen=True)
class Frame:
    """A positioned paragraph (w:framePr): where it stands and how large it is, in twips.

    `h_anchor`/`v_anchor` say what x and y count from: "page" (the paper's edge, what a phôi's
    fields need), "margin" or "text"."""

    x: int
    y: int
    width: int
    height: int
    h_anchor: str
    v_anchor: str
    exact: bool


def whole(value: str) -> int:
    """A whole number as Word writes it (w:sz's half-points, a list level)."""
    return int(value)


def twips(value: str) -> int:
    """A length in twips as Word writes it; a decimal point, which other programs may write,
    is read too."""
    return int(float(value))


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class _Numbers:
    """Attributes of an element read as numbers, each with `read`; `blank`: an empty value is
    read as none (left out, as a missing one), not as a number."""

    names: tuple[str, ...]
    read: Callable[[str], int]
    blank: bool = False


_INDENTS = ("left", "start", "right", "end", "firstLine", "hanging")
_INDENT_CHARS = ("firstLineChars", "hangingChars")
_SPACINGS = ("before", "after", "line")
_FRAME_SIDES = ("x", "y", "w", "h")
_MARGINS = ("top", "right", "bottom", "left", "header", "footer", "gutter")
# Every property value read as a number, here (and so by verify, through this sheet) or from a
# section (the page size and margins the frame gives every document), by element. Word writes
# each as a number; one that is none (a hand edit: w:sz w:val="x") is found by bad_number.
NUMBERS: dict[str, tuple[_Numbers, ...]] = {
    w("sz"): (_Numbers(("val",), whole, blank=True),),
    w("ind"): (_Numbers(_INDENTS, twips), _Numbers(_INDENT_CHARS, whole)),
    w("spacing"): (_Numbers(_SPACINGS, twips),),
    w("framePr"): (_Numbers(_FRAME_SIDES, twips, blank=True),),
    w("ilvl"): (_Numbers(("val",), whole, blank=True),),
    w("pgSz"): (_Numbers(("w", "h"), twips),),
    w("pgMar"): (_Numbers(_MARGINS, twips),),
}


@dataclass(frozen=True, eq=False, repr=False)
class BadNumber:
    """A property value Word writes as a number that is none: the element holding it, the
    attribute (its local name, "val") and the value as written; `choices`, for a value Word
    takes from a closed list (CHOICES) that is none of them, that list."""

    element: etree._Element
    attribute: str
    value: str
    choices: tuple[str, ...] = ()

    @property
    def tag(self) -> str:
        """The element's name as written in the XML ("w:sz")."""
        return f"w:{etree.QName(self.element).localname}"


def bad_number(root: etree._Element) -> BadNumber | None:
    """The first value under `root` (a part's root element) that NUMBERS reads and cannot: the
    readers below would raise ValueError (OverflowError for "1e999") for it, which verify says
    as a damaged file and a template is refused for."""
    for element in root.iter(*NUMBERS):
        for numbers in NUMBERS[element.tag]:
            for name in numbers.names:
                value = element.get(w(name))
                if value is None or (numbers.blank and not value):
                    continue
                try:
                    numbers.read(value)
                except (ValueError, OverflowError):
                    return BadNumber(element, name, value)
    return None


# Property values Word takes from a closed list, by element: the paragraph's w:jc (ST_Jc of
# ECMA-376 Part 1 §17.18.44: the strict schema's start and end, the transitional left and right,
# the justifications of Arabic and Thai script; a table's ST_JcTable is a part of it). Another
# value (w:jc w:val="middle": a hand edit, another tool's) makes Word refuse the file or repair
# it; the readers here would take it as it stands. Found by bad_value.
JUSTIFICATIONS = (
    "left", "right", "start", "end", "center", "both", "distribute",
    "mediumKashida", "highKashida", "lowKashida", "thaiDistribute", "numTab",
)  # fmt: skip
CHOICES: dict[str, tuple[str, frozenset[str], tuple[str, ...]]] = {
    w("jc"): ("val", frozenset(JUSTIFICATIONS), JUSTIFICATIONS),
}


def bad_choice(root: etree._Element) -> BadNumber | None:
    """The first value under `root` (a part's root element) that CHOICES lists the values of
    and that is none of them (an empty one too: Word writes none)."""
    for element in root.iter(*CHOICES):
        name, allowed, listed = CHOICES[element.tag]
        value = element.get(w(name))
        if value is not None and value not in allowed:
            return BadNumber(element, name, value, listed)
    return None


def bad_value(root: etree._Element) -> BadNumber | None:
    """The first value under `root` that Word would not write: one that is no number where it
    writes a number (bad_number), else one off its list where it writes a word (bad_choice)."""
    return bad_number(root) or bad_choice(root)


def frame_of(element: etree._Element) -> Frame:
    """The Frame a w:framePr element describes (Word's defaults where an attribute is left out)."""

    def number(name: str) -> int:
        value = element.get(w(name))
        return twips(value) if value not in (None, "") else 0

    return Frame(
        x=number("x"),
        y=number("y"),
        width=number("w"),
        height=number("h"),
        h_anchor=element.get(w("hAnchor")) or "text",
        v_anchor=element.get(w("vAnchor")) or "margin",
        exact=element.get(w("hRule")) == "exact",
    )


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    value = element.get(w("val"))
    return value not in ("0", "false", "off")


_VAL, _SZ = w("val"), w("sz")
# The paragraph borders read (pBdr's edges), with the keys paragraph_props gives each: whether
# it prints, its style (w:val) and its width in points (w:sz).
_BORDER_KEYS = tuple(
    (w(edge), f"border_{edge}", f"border_{edge}_style", f"border_{edge}_size")
    for edge in ("top", "bottom")
)


def _eighth_points(value: str | None) -> float | None:
    """A border's w:sz (eighths of a point) in points; None when left out or not a whole
    number (no check reads the width yet: a file is not refused for it)."""
    return int(value) / 8 if value is not None and value.isdecimal() else None


class StyleSheet:
    """The styles of one package, for looking up what a style makes of its text."""

    def __init__(self, styles_xml: bytes) -> None:
        self._xml = styles_xml
        self.by_id  # noqa: B018 - read now: styles that do not parse are refused here
        # A template's styles do not change while it is used: each answer is worked out once.
        self._style_runs: dict[str | None, RunFormat] = {}
        self._style_props: Mapping[str | None, dict[str, object]] = {}  # given (answered)

    @classmethod
    def answered(
        cls,
        styles_xml: bytes,
        runs: Mapping[str | None, RunFormat],
        props: Mapping[str | None, dict[str, object]],
    ) -> StyleSheet:
        """The sheet of `styles_xml` that gives these answers of paragraph_style_run and
        style_paragraph_props, as it would work them out (render.kept_styles), without
        reading its styles until it is asked another question."""
        sheet = cls.__new__(cls)
        sheet._xml = styles_xml
        sheet._style_runs = dict(runs)
        sheet._style_props = props
        return sheet

    @cached_property
    def root(self) -> etree._Element:
        return etree.fromstring(self._xml)

    @cached_property
    def by_id(self) -> dict[str | None, etree._Element]:
        return {s.get(w("styleId")): s for s in self.root.iter(w("style"))}

    @cached_property
    def default_paragraph_style(self) -> str | None:
        for style in self.root.iter(w("style")):
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                return style.get(w("styleId"))
        return None

    @staticmethod
    def _run_props(rpr: etree._Element | None) -> dict[str, object]:
        props: dict[str, object] = {}
        if rpr is None:
            return props
        size = rpr.find("w:sz", NS)
        half_points = size.get(_VAL) if size is not None else None
        # A w:sz without its w:val (or an empty one, "<w:sz/>") gives no size: the size comes
        # from the level below (the style it is based on, docDefaults), as Word ignores an
        # attribute it cannot read (LibreOffice prints such a run at its own 12 pt). Not
        # refused: a document or template holding one is read, rendered and checked (render,
        # templates check and verify share this). A value that is no number ("x", "14pt")
        # still raises ValueError: verify refuses that file as damaged inside, as every number
        # that is none; a template holding one is refused when it is loaded (bad_number).
        if half_points:
            props["size"] = whole(half_points) / 2
        for key, tag in (("bold", "b"), ("italic", "i"), ("caps", "caps")):
            value = _on(rpr.find(f"w:{tag}", NS))
            if value is not None:
                props[key] = value
        fonts = rpr.find("w:rFonts", NS)
        if fonts is not None and fonts.get(w("ascii")):
            props["font"] = fonts.get(w("ascii"))
        return props

    def paragraph_style_run(self, style_id: str | None) -> RunFormat:
        """What a run without direct formatting looks like in a paragraph of `style_id`."""
        known = self._style_runs.get(style_id)
        if known is None:
            known = self._style_runs[style_id] = self._paragraph_style_run(style_id)
        return known

    def _paragraph_style_run(self, style_id: str | None) -> RunFormat:
        props = self.resolve_run(style_id, None, None)
        return RunFormat(
            size=props.get("size"),  # type: ignore[arg-type]
            bold=bool(props.get("bold", False)),
            italic=bool(props.get("italic", False)),
            font=props.get("font"),  # type: ignore[arg-type]
            caps=bool(props.get("caps", False)),
        )

    # The methods below return plain dicts with only the keys a level sets, so callers can layer
    # docDefaults < paragraph style < numbering < character style < direct formatting.

    def style_chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, the base first."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        return chain[::-1]

    @staticmethod
    def paragraph_props(ppr: etree._Element | None) -> dict[str, object]:
        """Paragraph properties one pPr sets: alignment, indents and spacing in twips, the top
        and bottom borders (border_<edge>: whether it prints; border_<edge>_style: its w:val;
        border_<edge>_size: its width in points, None when not given)."""
        props: dict[str, object] = {}
        if ppr is None:
            return props
        jc = ppr.find("w:jc", NS)
        if jc is not None and jc.get(w("val")):
            value = jc.get(w("val"))
            props["alignment"] = {"start": "left", "end": "right"}.get(value, value)
        ind = ppr.find("w:ind", NS)
        if ind is not None:
            for key, names in (
                ("left", ("left", "start")),
                ("right", ("right", "end")),
                ("first_line", ("firstLine",)),
            ):
                for name in names:
                    if ind.get(w(name)) is not None:
                        props[key] = twips(ind.get(w(name)))
                        break
            if ind.get(w("hanging")) is not None:
                props["first_line"] = -twips(ind.get(w("hanging")))
            if ind.get(w("firstLineChars")) is not None:
                props["first_line_chars"] = whole(ind.get(w("firstLineChars")))
            if ind.get(w("hangingChars")) is not None:
                props["first_line_chars"] = -whole(ind.get(w("hangingChars")))
        spacing = ppr.find("w:spacing", NS)
        if spacing is not None:
            for key in ("before", "after"):
                if spacing.get(w(f"{key}Autospacing")) in ("1", "true", "on"):
                    props[key] = 280  # Word's automatic spacing is 14 pt
                elif spacing.get(w(key)) is not None:
                    props[key] = twips(spacing.get(w(key)))
            if spacing.get(w("line")) is not None:
                props["line"] = twips(spacing.get(w("line")))
                props["line_rule"] = spacing.get(w("lineRule")) or "auto"
        contextual = _on(ppr.find("w:contextualSpacing", NS))
        if contextual is not None:
            props["contextual"] = contextual
        borders = ppr.find("w:pBdr", NS)
        if borders is not None:
            for tag, prints, style, size in _BORDER_KEYS:
                line = borders.find(tag)
                if line is not None:
                    # An edge is set whole, as Word replaces it: whether it prints, its w:val
                    # (single, dashed, double, ...) and its width, each key at every level.
                    value = line.get(_VAL)
                    props[prints] = value not in (None, "nil", "none")
                    props[style] = value
                    props[size] = _eighth_points(line.get(_SZ))
        frame = ppr.find("w:framePr", NS)
        if frame is not None:
            props["frame"] = frame_of(frame)
        num = ppr.find("w:numPr", NS)
        if num is not None:
            num_id, level = num.find("w:numId", NS), num.find("w:ilvl", NS)
            if num_id is not None:
                props["num_id"] = num_id.get(w("val"))
            if level is not None:
                props["num_level"] = whole(level.get(w("val")) or "0")
        return props

    @cached_property
    def default_paragraph(self) -> dict[str, object]:
        """Paragraph properties of docDefaults (pPrDefault)."""
        return self.paragraph_props(self.root.find("w:docDefaults/w:pPrDefault/w:pPr", NS))

    def style_paragraph_props(self, style_id: str | None) -> dict[str, object]:
        """Paragraph properties a paragraph style gives, following basedOn (nearest wins).

        Without a style id, the default paragraph style (Normal) applies, as in Word.
        """
        given = self._style_props.get(style_id)
        if given is not None:
            return dict(given)  # a dict of its own, as ever: callers add to it
        props: dict[str, object] = {}
        for style in self.style_chain(style_id or self.default_paragraph_style):
            props.update(self.paragraph_props(style.find("w:pPr", NS)))
        return props

    @staticmethod
    def run_details(rpr: etree._Element | None) -> dict[str, object]:
        """Everything _run_props reads, plus the hAnsi font, theme fonts, colour and small caps.

        A theme font is given as "theme:<name>" (minorHAnsi, ...): the theme part resolves it.
        """
        props = StyleSheet._run_props(rpr)
        if rpr is None:
            return props
        props.pop("font", None)
        fonts = rpr.find("w:rFonts", NS)
        if fonts is not None:
            for key, attr in (("font", "ascii"), ("font_hansi", "hAnsi")):
                theme = fonts.get(w(f"{attr}Theme"))
                if theme:  # a theme font wins over the explicit name beside it, as in Word
                    props[key] = f"theme:{theme}"
                elif fonts.get(w(attr)):
                    props[key] = fonts.get(w(attr))
        small_caps = _on(rpr.find("w:smallCaps", NS))
        if small_caps is not None:
            props["small_caps"] = small_caps
        color = rpr.find("w:color", NS)
        if color is not None and color.get(w("val")):
            props["color"] = color.get(w("val"))
        vanish = _on(rpr.find("w:vanish", NS))
        if vanish is not None:
            props["hidden"] = vanish
        return props

    @cached_property
    def default_run_details(self) -> dict[str, object]:
        """run_details of docDefaults (rPrDefault)."""
        return self.run_details(self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))

    def style_run_details(self, style_id: str | None) -> dict[str, object]:
        """run_details a paragraph or character style gives, following basedOn (nearest wins)."""
        props: dict[str, object] = {}
        for style in self.style_chain(style_id):
            props.update(self.run_details(style.find("w:rPr", NS)))
        return props

    def resolve_run(
        self,
        paragraph_style: str | None,
        character_style: str | None,
        direct: etree._Element | None,
    ) -> dict[str, object]:
        """A run's formatting: docDefaults < paragraph style < character style < direct rPr."""
        props = dict(self.default_run_details)
        props.update(self.style_run_details(paragraph_style or self.default_paragraph_style))
        props.update(self.style_run_details(character_style))
        props.update(self.run_details(direct))
        return props
