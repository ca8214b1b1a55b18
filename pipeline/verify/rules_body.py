"""Ô 6, the body: justified 13–14 pt text, regular and upright, first-line indent, spacing, line
spacing, "./.".

Also the parts with a prescribed form: Mục headings (I. TITLE, bold), "Điều N." and an article's
title in bold, điểm lettered in Vietnamese order, the căn cứ preamble of a Quyết định,
"QUYẾT ĐỊNH:", "Kính gửi:".
"""

from __future__ import annotations

import re

from pipeline.rules.numbering import POINT_LETTERS
from pipeline.rules.phrases import PROPOSAL_OPENINGS
from pipeline.text.tones import same_spelling
from pipeline.verify.document import Document, Paragraph, Table
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import Report, excerpt, literal, msg
from pipeline.verify.specs import (
    TWIPS_PER_CM,
    Spec,
    align_msg,
    check_format,
    cm_text,
    is_upper,
    letters,
)

INDENT_TWIPS = (round(1.0 * TWIPS_PER_CM) - 10, round(1.27 * TWIPS_PER_CM) + 10)
MIN_GAP_TWIPS = 120 - 2  # 6 pt between paragraphs
LINE_RANGE = (0.99, 1.51)  # single to 1.5 lines
SINGLE_LINE_EM = 1.15  # height of a single line of Times New Roman, in em
BODY_SIZE = Spec(size=(13, 14))
JUSTIFIED = ("both", "distribute")
HEADING = re.compile(r"^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLCDM\d]+\b")
SECTION_HEADING = re.compile(r"^(?P<number>[IVXLCDM]+)\.\s+(?P<title>.+)$")
ARTICLE = re.compile(r"^Điều\s+\d+\.")
POINT = re.compile(r"^(?P<letter>[a-zđ]{1,2})\)\s")
CLOSING = "./."
# "thực hiện;./.", "thực hiện:./.", "thực hiện,./.", "thực hiện././.": the decree's mark put
# after the clerk's own instead of in its place. Not "?./." (a question keeps its mark) nor
# "!./.", which offices have long printed.
DOUBLED_CLOSING = re.compile(r"(?:[;:,]|\./)\s*\./\.$")
# What a line of running text closes with ("./." included). A line closing with none of them is
# a heading ("1. Mục đích", "Điều 2. Trách nhiệm bàn giao và tiếp nhận"), and one closing with
# ":" a label or the line that opens a list ("Nội dung cuộc họp:"): the body may set both bold.
SENTENCE_END = (".", ";", ",", "!", "?", "…")
LIST_OPENING = ":"
# A paragraph numbered as a part of the text: "Điều 1.", "I.", "1.", "1.2.", "a)". Its title is
# bold by Phụ lục I (Điều, khoản, Mục) and may close with a period ("Điều 2. Nhiệm vụ của Hội
# đồng." in vanthu's own decisions), so a numbered paragraph wholly bold is read as a title.
NUMBERED = re.compile(r"^(?:Điều\s+\d+\.|[IVXLCDM]+\.\s|\d+(?:\.\d+)*\.(?!\d)|[a-zđ]{1,2}\)\s)")
# The openings of a Quyết định's căn cứ lines, italic by Phụ lục I; other documents cite their
# bases with the same words and may set them the same way.
PREAMBLE_OPENINGS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")
# The most words an opening of PREAMBLE_OPENINGS or PROPOSAL_OPENINGS has: what opens_with reads.
_OPENING_WORDS = max(len(opening.split()) for opening in (*PREAMBLE_OPENINGS, *PROPOSAL_OPENINGS))
# "Điều 2. Trách nhiệm bàn giao và tiếp nhận": the article's title alone in its paragraph, what
# Phụ lục I sets bold with "Điều 2.". vanthu writes an article's text after "Điều 1." when the
# article has no title ("Điều 1. Tặng Giấy khen cho ..."), and a title followed by its text in
# one paragraph ("Điều 2. Nhiệm vụ của Hội đồng. Hội đồng có nhiệm vụ ..."), where only the
# formatting tells where the title ends: the title is checked where the paragraph holds nothing
# else, a few words closing without a sentence's punctuation.
ARTICLE_TITLE = re.compile(r"^Điều\s+\d+\.\s*(?P<title>\S.*)$")
TITLE_MAX_WORDS = 25  # "Phạm vi điều chỉnh và đối tượng áp dụng" is 8; the text runs on
EXCERPT_WORDS_CHARS = 40  # the words of a heading quoted as printed regular: enough to find them


def check_body(doc: Document, layout: Layout, report: Report) -> None:
    """Every body paragraph, then the forms of headings, articles, điểm and the preamble."""
    body = layout.body
    check_running_text(doc, body, report)
    if body and not layout.template:
        _closing(body[-1], report)
    doc_type = layout.doc_type
    if doc_type is not None and doc_type.code == "quyet_dinh":
        check_preamble(body, report)
    for p in layout.quyet_dinh:
        check_format(report, "quyet_dinh", p)
    for p in layout.kinh_gui:
        check_format(report, "kinh_gui", p)


def _closing(last: Paragraph, report: Report) -> None:
    """The content's last paragraph ends with "./.", in place of the sentence's own mark."""
    text = last.text.rstrip()
    if not text.endswith(CLOSING):
        report.add("noi_dung.closing", last.where, literal(last.text[-20:]), literal(CLOSING))
        return
    doubled = DOUBLED_CLOSING.search(text)
    if doubled is not None:
        wanted = text[: doubled.start()].rstrip() + CLOSING
        report.add("noi_dung.closing_punctuation", last.where, msg("line_end", text=line_end(text)),
                   msg("line_end", text=line_end(wanted)))  # fmt: skip


def check_running_text(doc: Document, paragraphs: list[Paragraph], report: Report) -> None:
    """Size, alignment, indent, spacing of running text; its headings, articles and điểm (the
    body, and a document printed after the signature such as an issued Quy chế)."""
    blocks = doc.blocks
    position = {id(b): i for i, b in enumerate(blocks)}
    preamble = {id(p) for p in _preamble_lines(paragraphs)}
    for p in paragraphs:
        at = position.get(id(p))
        following = blocks[at + 1] if at is not None and at + 1 < len(blocks) else None
        _paragraph(p, following, report)
        _regular_upright(p, id(p) in preamble, report)
        _bold_kept(doc, p, report)
    _spacing(doc, paragraphs, report)
    _headings(paragraphs, report)
    _points(paragraphs, report)


def _is_heading(p: Paragraph, next_block: object) -> bool:
    """A centred line the body may hold: Phần/Chương, a title in capitals or bold, a caption."""
    text = flat(p.text)
    runs = p.visible_runs
    return (
        bool(HEADING.match(text))
        or (len(letters(text)) > 1 and is_upper(p))
        or (bool(runs) and all(r.bold for r in runs))
        or isinstance(next_block, Table)  # the title of the table under it
    )


def _paragraph(p: Paragraph, next_block: object, report: Report) -> None:
    """Size, alignment, first-line indent and line spacing of one body paragraph."""
    check_format(report, "noi_dung", p, BODY_SIZE)
    centred_heading = p.alignment == "center" and _is_heading(p, next_block)
    if p.alignment not in JUSTIFIED and not centred_heading:
        report.add("noi_dung.align", p.where, align_msg(p.alignment), align_msg("both"))
    if p.alignment in JUSTIFIED:
        indent = p.first_line
        if not INDENT_TWIPS[0] <= indent <= INDENT_TWIPS[1]:
            report.add(
                "noi_dung.indent", p.where, msg("cm", value=cm_text(indent)), msg("indent_range")
            )
    rule = str(p.props.get("line_rule", "auto"))
    line = p.props.get("line")
    if isinstance(line, int):
        if rule == "auto":
            lines = line / 240
        else:  # exact or at least, in twips: measured against a single line of the text
            size = max((r.size for r in p.visible_runs), default=14)
            lines = line / 20 / (size * SINGLE_LINE_EM)
            lines = max(lines, 1.0) if rule == "atLeast" else lines
        if not LINE_RANGE[0] <= lines <= LINE_RANGE[1] and not (
            rule == "exact" and lines >= 0.85 and lines < 1
        ):
            report.add(
                "noi_dung.line_spacing",
                p.where,
                msg("lines", value=f"{lines:.2f}".rstrip("0").rstrip(".")),
                msg("line_range"),
            )


def opens_with(text: str, openings: tuple[str, ...]) -> bool:
    """Whether `text` opens with one of `openings` however it is typed: in capitals or small
    letters ("THEO ĐỀ NGHỊ của ...", "xét đề nghị ..."), in any Unicode form or tone placement,
    compared as text.tones.same_spelling keys words."""
    folded = same_spelling(" ".join(text.split()[:_OPENING_WORDS]))
    return any(folded.startswith(same_spelling(opening)) for opening in openings)


def _preamble_lines(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The căn cứ lines the text opens with ("Căn cứ ...", "Theo đề nghị ..."), centred lines
    above them (a draft decision's thẩm quyền) passed over: a later "Căn cứ kế hoạch này, ..."
    is ordinary text."""
    lines = []
    for p in paragraphs:
        if opens_with(p.text, PREAMBLE_OPENINGS):
            lines.append(p)
        elif p.alignment != "center" or lines:
            break
    return lines


def _regular_upright(p: Paragraph, preamble: bool, report: Report) -> None:
    """Running text regular and upright (Phụ lục I, ô 6): a paragraph of it set wholly bold or
    wholly italic is reported; a word or phrase emphasised inside it is the writer's choice.

    Not the lines the body sets otherwise: a centred line (a heading or a table's caption, or
    a line noi_dung.align reports), a heading or a label (a line closing without a sentence's
    punctuation, or with ":"), a numbered title in bold (Điều, Mục, khoản), the căn cứ lines of
    the `preamble` in italic, a note in brackets in italic ("(Có nhiệm vụ trọng tâm kèm
    theo)")."""
    runs = p.visible_runs
    text = flat(p.text)
    if not runs or p.alignment == "center" or not text.endswith(SENTENCE_END):
        return
    if all(r.bold for r in runs) and not NUMBERED.match(text):
        report.add("noi_dung.bold", p.where, msg("bold"), msg("not_bold"))
    note = text.startswith("(") and text.rstrip("".join(SENTENCE_END)).endswith(")")
    if all(r.italic for r in runs) and not preamble and not note:
        report.add("noi_dung.italic", p.where, msg("italic"), msg("not_italic"))


def _bold_kept(doc: Document, p: Paragraph, report: Report) -> None:
    """A heading its paragraph style sets bold (a khoản's title, a centred heading) bold in every
    word: a word printed regular beside bold ones lost the line's bold (an italic word set with
    a character style that switches bold off, as an office's old khung.docx's Emphasis does).

    Not running text (a line closing with a sentence's punctuation sets its words as the writer
    likes), nor a Mục heading or an article's title, which muc.bold and dieu.title_bold check."""
    text = flat(p.text)
    if text.endswith(SENTENCE_END) or SECTION_HEADING.match(text) or _article_title(p, text):
        return
    regular = [r.text for r in p.visible_runs if not r.bold and letters(r.text)]
    if not regular or not any(r.bold for r in p.visible_runs):
        return
    if doc.styles.resolve_run(p.style_id, None, None).get("bold"):
        found = msg("not_bold_words", text=excerpt(" ".join(regular), EXCERPT_WORDS_CHARS))
        report.add("noi_dung.bold_kept", p.where, found, msg("bold"))


def _spacing(doc: Document, body: list[Paragraph], report: Report) -> None:
    """At least 6 pt between two body paragraphs that follow each other."""
    position = {id(b): i for i, b in enumerate(doc.blocks)}
    for p, following in zip(body, body[1:], strict=False):
        if position.get(id(following), -1) - position.get(id(p), -9) != 1:
            continue  # an empty paragraph or a table stands between them
        same = p.style_id == following.style_id
        after = 0 if (p.props.get("contextual") and same) else p.twips("after")
        before = 0 if (following.props.get("contextual") and same) else following.twips("before")
        if after + before < MIN_GAP_TWIPS:
            report.add(
                "noi_dung.spacing",
                p.where,
                msg("pt", value=f"{(after + before) / 20:g}"),
                msg("pt_min", value="6"),
            )


def _headings(body: list[Paragraph], report: Report) -> None:
    """Mục headings in bold capitals; 'Điều N.' in bold, and the article's title after it when
    the paragraph is the title alone (_article_title)."""
    for p in body:
        text = flat(p.text)
        match = SECTION_HEADING.match(text)
        if match and not p.has_tag:
            if letters(match["title"]) != letters(match["title"]).upper() and not is_upper(p):
                report.add("muc.case", p.where, msg("mixed_case"), msg("upper"))
            if not all(r.bold for r in p.visible_runs):
                report.add("muc.bold", p.where, msg("not_bold"), msg("bold"))
        if ARTICLE.match(text) and p.visible_runs and not p.visible_runs[0].bold:
            report.add("dieu.bold", p.where, msg("not_bold"), msg("bold"))
        elif _article_title(p, text) and not all(r.bold for r in p.visible_runs):
            report.add("dieu.title_bold", p.where, msg("not_bold"), msg("bold"))


def _article_title(p: Paragraph, text: str) -> bool:
    """Whether the paragraph is an article's number and title and nothing else ("Điều 2. Trách
    nhiệm bàn giao và tiếp nhận", its text in the paragraphs under it): one line of a few words
    closing without a sentence's punctuation or the ":" that opens a list."""
    match = ARTICLE_TITLE.match(text)
    if match is None or p.has_tag or "\n" in p.text.strip():
        return False
    return not text.endswith((*SENTENCE_END, LIST_OPENING)) and (
        len(match["title"].split()) <= TITLE_MAX_WORDS
    )


def _points(body: list[Paragraph], report: Report) -> None:
    """Điểm a), b), c), d), đ), e) ... in Vietnamese letter order."""
    previous: str | None = None
    for p in body:
        match = POINT.match(flat(p.text))
        if not match:
            continue
        letter = match["letter"]
        if letter != "a" and previous is not None:
            wanted = (
                POINT_LETTERS[(POINT_LETTERS.index(previous) + 1) % len(POINT_LETTERS)]
                if (previous in POINT_LETTERS)
                else None
            )
            if wanted is not None and letter != wanted:
                report.add("diem.order", p.where, literal(f"{letter})"), literal(f"{wanted})"))
        previous = letter


# "Theo đề nghị của Xét đề nghị của ...", "Căn cứ Căn cứ ...": an opening typed into the data
# after the one the software writes.
_OPENING = r"(?:căn cứ|(?:theo|xét) đề (?:nghị|xuất)(?: của)?)"
DOUBLED_OPENING = re.compile(rf"^{_OPENING}\s+{_OPENING}\b", re.IGNORECASE)


LINE_END_WORDS = 4  # words quoted from the end of a line: enough to find it, not the whole line
LINE_END_CHARS = 40


def line_end(text: str) -> str:
    """The last few words of a line, as the reader looks for them ('…ngày 19 tháng 6 năm 2015'),
    with an ellipsis when the line is longer."""
    words = text.split()
    tail = " ".join(words[-LINE_END_WORDS:])
    if len(tail) > LINE_END_CHARS:
        tail = tail[-(LINE_END_CHARS - 1) :].lstrip()
    return tail if tail == " ".join(words) else "…" + tail


def check_preamble(body: list[Paragraph], report: Report) -> None:
    """Căn cứ lines of a Quyết định: italic, ';' after each, '.' after the last."""
    lines: list[Paragraph] = []
    for p in body:  # the preamble opens the body; a later "Căn cứ ..." is ordinary text
        if not opens_with(p.text, PREAMBLE_OPENINGS):
            break
        lines.append(p)
    for n, p in enumerate(lines):
        text = flat(p.text)
        if not all(r.italic for r in p.visible_runs):
            report.add("can_cu.italic", p.where, msg("not_italic"), msg("italic"))
        end = "." if n == len(lines) - 1 else ";"
        # Many offices close "Xét đề nghị của ...," with a comma before QUYẾT ĐỊNH:.
        proposal_comma = end == "." and opens_with(text, PROPOSAL_OPENINGS) and text.endswith(",")
        if not text.endswith(end) and not proposal_comma:
            found = msg("line_end", text=line_end(text))
            report.add("can_cu.punctuation", p.where, found, literal(end))
        doubled = DOUBLED_OPENING.match(text)
        if doubled:
            report.add("can_cu.doubled", p.where, literal(doubled[0]), msg("once"))
