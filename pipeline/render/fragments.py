"""WordprocessingML fragments made from data: runs of clerk text, and the rules under titles.

Everything a clerk typed goes through `markupsafe.escape`, so `&`, `<`, `{{ }}` print as typed.
The light inline markup is the only way typed text changes formatting, and it fires on whole
words only: `**đậm**` (bold), `*nghiêng*` (italic), `***both***`, a backslash before an ASCII
punctuation mark prints the mark itself (`\\*` is a star). A delimiter touching a letter or digit
on its outer side is text (`a*b*c`, `2**3`, `__init__` print as typed; underscores are never
markup). A new line is a line break; the spaces around it are dropped. In a paragraph of body
text (paragraph_runs) a new line starts a new paragraph instead, of the template paragraph's
style: a line break there would end a justified line stretched word by word across the page
(Shift+Enter pasted from Word, or two paragraphs pasted into one item), its next line without
the first-line indent. Nothing else a clerk types can make a paragraph, a page break or a run
property (pipeline.text.gate refuses the control characters that docxtpl would turn into them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from pipeline.patterns import lazy
from pipeline.rules.metrics import EMU_PER_POINT
from pipeline.text.lead_in import leads_in

# Character styles of the frame's styles.xml that name emphasis in Word's style list. Each
# only adds its property (tools/make_templates.py): none switches the paragraph's own off.
STYLE_BOLD = "Strong"
STYLE_ITALIC = "Emphasis"
STYLE_BOLD_ITALIC = "StrongEmphasis"

RULE_THICKNESS_EMU = 9525  # 0.75 pt: a "solid rule" that prints as a thin line

_ESCAPABLE = r"""!"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"""
_escape = lazy(r"\\([" + re.escape(_ESCAPABLE) + r"])")
# Escaped characters are parked in this private form while the delimiters are matched (the gate
# refuses U+0000, so it cannot come from data).
_parked = lazy("\x00(\\d+)\x00")


_stars = lazy(r"\*+")
_line_break = lazy(r"[ \t]*\n[ \t]*")
# New lines with the blanks around them, blank lines too: one paragraph break (a blank line
# between two pasted paragraphs is no empty paragraph).
_new_paragraph = lazy(r"\s*\n\s*")
# docxtpl's listing mark for a new paragraph: the renderer's listing pass (docxtpl's
# resolve_listing, which pipeline.render.engine runs) ends the paragraph there and opens one with
# the same paragraph properties, its run with the same run properties. The gate refuses U+0007
# in data, so only paragraph_runs writes it.
PARAGRAPH_MARK = "\a"
# Written by paragraph_runs at the end of a line that introduces the next ("Gồm các nội dung
# sau:") when the line is not the text's last: kept_with_next gives the paragraph the listing
# pass made of that line <w:keepNext/>, after the pass. A noncharacter the gate refuses in
# data, and legal XML, so a file it were left in would still open.
KEEP_WITH_NEXT_MARK = "\ufdd0"

Segment = tuple[str, bool, bool]  # text, bold, italic

# The context's fields that hold whole runs (rich_runs, paragraph_runs, rule_run), whatever
# the document type and wherever a context holds them (a decision's attached plan:
# ke_hoach.trich_yeu): a template prints them with docxtpl's `{{r field }}` only, which puts
# them between the paragraph's runs. Printed `{{ field }}` (or through a filter) they land
# inside a <w:t>, which no reader opens (structure.rich_field_faults refuses such a tag).
# Names other fields share (a row's noi_dung, a heading's tieu_de) are not listed: the
# engine's check of the output (engine.RUN_IN_TEXT) refuses what they would break.
RICH_FIELDS = frozenset({
    "trich_yeu", "trich_yeu_cong_van", "mo_dau", "ket_thuc", "chuc_danh",
    "duong_ke_co_quan", "duong_ke_tieu_ngu", "duong_ke_trich_yeu",
})  # fmt: skip


def segments(text: str) -> list[Segment]:
    """`text` cut into pieces of the same emphasis, markup removed, escapes resolved."""
    parked: list[str] = []

    def park(match: re.Match[str]) -> str:
        parked.append(match[1])
        return f"\x00{len(parked) - 1}\x00"

    parked_text = _escape().sub(park, text)
    out: list[Segment] = []
    for piece, bold, italic in _emphasis(parked_text):
        piece = _parked().sub(lambda m: parked[int(m[1])], piece)
        if out and out[-1][1:] == (bold, italic):
            out[-1] = (out[-1][0] + piece, bold, italic)
        elif piece:
            out.append((piece, bold, italic))
    return out


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _emphasis(text: str) -> list[Segment]:
    # Runs of 1, 2 or 3 stars pair with the nearest open run of the same length (an opener left
    # inside a closed pair stays text, so spans never cross). A run opens after a non-word
    # character and before a non-space; it closes after a non-space and before a non-word.
    # KEEP_WITH_NEXT_MARK, which paragraph_runs puts at the end of a lead-in line, is that
    # line's end: a star before it opens nothing, as before the new line that follows it (":*"
    # then "0*" on the next line printed ":" and "0", the stars taken for italics).
    open_runs: dict[int, list[int]] = {1: [], 2: [], 3: []}
    pairs: dict[int, tuple[int, int]] = {}  # start of either run → (its end, its length)
    for match in _stars().finditer(text):
        size = len(match[0])
        if size > 3:
            continue
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        can_close = bool(before) and not before.isspace() and not _is_word(after)
        can_open = (bool(after) and not after.isspace() and after != KEEP_WITH_NEXT_MARK
                    and not _is_word(before))
        if can_close and open_runs[size]:
            opener = open_runs[size].pop()
            for others in open_runs.values():
                while others and others[-1] > opener:
                    others.pop()
            pairs[opener] = (opener + size, size)
            pairs[match.start()] = (match.end(), size)
        elif can_open:
            open_runs[size].append(match.start())
    out: list[Segment] = []
    bold = italic = False
    position = 0
    for start in sorted(pairs):
        end, size = pairs[start]
        out.append((text[position:start], bold, italic))
        if size & 2:  # 2 or 3
            bold = not bold
        if size & 1:  # 1 or 3
            italic = not italic
        position = end
    out.append((text[position:], bold, italic))
    return out


def literal_markup(text: str) -> str:
    """`text` written so that rich_runs prints it exactly: stars and backslashes escaped.

    For text that is data, not markup (a name from a list), put into a line that goes through
    rich_runs: "Nguyễn *Văn* An" must not turn italic.
    """
    return text.replace("\\", "\\\\").replace("*", "\\*")


def in_run_lines(lines: Sequence[str]) -> Markup:
    """Lines of plain text (data, escaped here) printed inside a template's run, <w:br/> between
    them: what docxtpl's listing pass makes of a '\n', without that pass over the whole part."""
    return Markup('</w:t><w:br/><w:t xml:space="preserve">'.join(escape(line) for line in lines))


def visible_text(text: str) -> str:
    """What a reader sees of `text` once rendered: markup removed, a line break as '\\n'."""
    return "".join(piece for piece, _, _ in segments(_line_break().sub("\n", text)))


def visible_paragraphs(text: str) -> list[str]:
    """What a reader sees of `text` printed by paragraph_runs: one text per paragraph."""
    return visible_text(_new_paragraph().sub("\n", text.strip())).split("\n")


def _emphasis_properties(style: str, *properties: str) -> str:
    return f'<w:rPr><w:rStyle w:val="{style}"/>{"".join(properties)}</w:rPr>'


# A run's properties for each (bold, italic): the character style, and its property set on the
# run as well. Word reads <w:b/> and <w:i/> in a style as toggles (ECMA-376 §17.7.3: a bold
# character style over a bold paragraph style prints regular); on the run they are absolute, so
# emphasis only adds to the paragraph's own: a *word* in a bold title prints bold italic, a
# **word** in a bold title stays bold, in any reader.
_RUN_PROPERTIES: dict[tuple[bool, bool], str] = {
    (False, False): "",
    (True, False): _emphasis_properties(STYLE_BOLD, "<w:b/>"),
    (False, True): _emphasis_properties(STYLE_ITALIC, "<w:i/>"),
    (True, True): _emphasis_properties(STYLE_BOLD_ITALIC, "<w:b/>", "<w:i/>"),
}


def _run(text: str, props: str) -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _break(props: str) -> str:
    return f"<w:r>{props}<w:br/></w:r>"


def rich_runs(text: str) -> Markup:
    """Runs of `text` with **bold** and *italic* (_RUN_PROPERTIES), line breaks as <w:br/>."""
    # Text without a character that may make more than one plain run (markup, escapes, line
    # breaks, and the parking mark: in text it would break the parking of escapes, as it does in
    # segments), tested one by one: a generator over them cost as much as the run itself.
    if "*" not in text and "\\" not in text and "\n" not in text and "\x00" not in text:
        # Most text is one plain run (what styled_runs makes of it, faster).
        return Markup(_run(text, "") if text else "")
    return styled_runs(text)


def styled_runs(text: str, *, paragraphs: bool = False) -> Markup:
    """rich_runs of any text: its pieces of the same emphasis, each line a run; with
    `paragraphs`, each line after the first opens a new paragraph (paragraph_runs)."""
    if paragraphs:
        return _line_runs(_new_paragraph().sub("\n", text.strip()), paragraphs=True)
    return _line_runs(_line_break().sub("\n", text), paragraphs=False)


def _line_runs(text: str, *, paragraphs: bool) -> Markup:
    """styled_runs of `text` whose lines are split already: each new line a bare '\\n' (the
    blanks around it dropped), so that paragraph_runs, which splits to find lead-in lines,
    does not split again."""
    out: list[str] = []
    for piece, bold, italic in segments(text):
        props = _RUN_PROPERTIES[bold, italic]
        for index, line in enumerate(piece.split("\n")):
            if index and paragraphs:
                out.append(_run(PARAGRAPH_MARK + line, props))
                continue
            if index:
                out.append(_break(props))
            if line:
                out.append(_run(line, props))
    return Markup("".join(out))


def paragraph_runs(text: str) -> Markup:
    """rich_runs of a paragraph of body text: each new line starts a paragraph of the same
    style (its own first-line indent, a justified last line not stretched); what the template
    prints before the text (a number, "- ") stays with the first."""
    if "\n" not in text:
        return rich_runs(text)
    lines = _new_paragraph().split(text.strip())
    marked = [line + KEEP_WITH_NEXT_MARK if leads_in(line) else line for line in lines[:-1]]
    # Split once: the lines of a stripped text cut at each new line and the blanks around it
    # neither start nor end with a blank, so joined by '\n' they are what styled_runs's own
    # split would make of them.
    return _line_runs("\n".join([*marked, lines[-1]]), paragraphs=True)


_paragraph = lazy(r"<w:p(?: [^>]*)?>.*?</w:p>", re.S)
_properties = lazy(r"<w:p(?: [^>]*)?>(?P<ppr><w:pPr>(?P<style><w:pStyle [^>]*/>)?)?")


def kept_with_next(xml: str) -> str:
    """`xml` whose paragraphs holding KEEP_WITH_NEXT_MARK (a lead-in line of a text that goes
    on) have <w:keepNext/>, the mark removed. After the listing pass, which makes those lines
    paragraphs of the template paragraph's properties."""

    def keep(match: re.Match[str]) -> str:
        paragraph = match[0].replace(KEEP_WITH_NEXT_MARK, "")
        head = _properties().match(paragraph)
        if head is None or "<w:keepNext" in paragraph.split("</w:pPr>", 1)[0]:
            return paragraph
        if head["ppr"] is None:  # no properties: a <w:pPr> of its own
            return f"{paragraph[: head.end()]}<w:pPr><w:keepNext/></w:pPr>{paragraph[head.end():]}"
        # keepNext follows pStyle, before any other property (the schema's order)
        return f"{paragraph[: head.end()]}<w:keepNext/>{paragraph[head.end():]}"

    return _paragraph().sub(lambda m: keep(m) if KEEP_WITH_NEXT_MARK in m[0] else m[0], xml)


def sized_run(text: str, size_pt: float | None) -> Markup:
    """One run of plain `text` (data, never markup) at `size_pt`; None: the style's size."""
    size = (
        ""
        if size_pt is None
        else f'<w:sz w:val="{round(size_pt * 2)}"/><w:szCs w:val="{round(size_pt * 2)}"/>'
    )
    props = f"<w:rPr>{size}</w:rPr>" if size else ""
    return Markup(f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


def rule_run(length_pt: float, shape_id: int = 1) -> Markup:
    """A run holding a horizontal line, in line with text, `length_pt` long.

    Inline (not anchored) so it centres with its paragraph whatever the column width; docx
    consumers renumber docPr ids (docxtpl's fix_docpr_ids does, and so does the fast engine).
    """
    cx = round(length_pt * EMU_PER_POINT)
    return Markup(
        "<w:r><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="0"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Đường kẻ {shape_id}"/>'
        "<wp:cNvGraphicFramePr/>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<wps:cNvCnPr/><wps:spPr>"
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="{RULE_THICKNESS_EMU}">'
        '<a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
    )
