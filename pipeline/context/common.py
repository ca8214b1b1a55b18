"""The parts of the context every document type shares: header block, title, Nơi nhận, signature."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, Literal, TypeVar

from markupsafe import Markup

from pipeline.context.line_fit import (
    AGENCY_STYLE,
    CHU_QUAN_STYLE,
    agency_line_breaks,
    broken,
    clerk_broken,
    long_line_warnings,
    title_line_breaks,
)
from pipeline.context.signature_room import recipients_context
from pipeline.context.title_lines import title_lines
from pipeline.context.typed_numbers import point_text
from pipeline.errors import InputError
from pipeline.load.bounded import keep
from pipeline.model.agency import Agency, Signer
from pipeline.model.blocks import Block, DashList, PointList, without_bullet
from pipeline.model.document import DocumentData, RecipientGroup
from pipeline.render.fragments import literal_markup, paragraph_runs, rich_runs, rule_run
from pipeline.render.header_texts import (  # re-exported: pipeline.context.common
    QUOC_HIEU as QUOC_HIEU,
)
from pipeline.render.header_texts import (
    TIEU_NGU as TIEU_NGU,
)
from pipeline.render.header_texts import (
    WIDEST_DATE,
    date_line_lines,
    quoc_hieu_lines,
    styled_lines,
)
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_line, date_phrase
from pipeline.rules.doc_types import DocumentType
from pipeline.rules.metrics import (
    HEADER_LEFT_TWIPS,
    HEADER_WIDTH_TWIPS,
    PORTRAIT_TEXT_WIDTH_PT,
    RULE_RATIO_FULL,
    RULE_RATIO_PART,
    Line,
    date_line_fits,
    header_columns,
    rule_length_pt,
    widest_left_twips,
)
from pipeline.rules.numbering import point_letter, reference_code
from pipeline.rules.phrases import MissingField, Phrases
from pipeline.text.decree_mark import without_decree_mark
from pipeline.text.lead_in import leads_in

A = TypeVar("A")  # what a kind attaches (pipeline.load.attachments)
SUMMARY_STYLE = "TrichYeu"  # the trích yếu under the type's name (templates/khung.docx)


@dataclass(frozen=True)
class DocumentInfo(Generic[A]):
    """A validated document with what it refers to: agency profile, type, signer, attachments."""

    data: DocumentData
    agency: Agency
    doc_type: DocumentType
    attachments: A

    @property
    def signer(self) -> Signer:
        return self.agency.nguoi_ky[self.data.nguoi_ky]

    @property
    def reference(self) -> str:
        """Số, ký hiệu: 05/KH-VPUBND."""
        number = self.data.so if isinstance(self.data.so, int) else None
        # A Công văn (no type abbreviation) names the drafting unit after the agency.
        unit = self.data.don_vi_soan_thao
        return reference_code(number, self.doc_type, self.agency.viet_tat, unit)

    @cached_property
    def phrases(self) -> Phrases:
        """Câu chữ in force: vanthu's defaults, then the office's, then the document's own."""
        data = self.data
        issuer = getattr(data, "tham_quyen", None) or self.agency.ten_day_du
        return Phrases.layered(
            office_overrides(self.agency),
            phrase_overrides(data.cau_chu),
            common={
                "so_ky_hieu": self.reference,
                "ngay_thang": date_phrase(data.ngay),
                "loai_van_ban": self.doc_type.name,
                "co_quan": self.agency.ten_day_du,
                "tham_quyen": issuer,
                "nam": str(data.ngay.year),
            },
        )

    def write(self, key: str, values: Mapping[str, str] | None = None) -> str:
        """Phrase `key` of this document, filled; a field it has no value for is an InputError."""
        try:
            return self.phrases.write(key, values)
        except MissingField as exc:
            raise missing_field(exc) from None

    def sentence(self, key: str, values: Mapping[str, str]) -> str:
        """Phrase `key` filled as a sentence of body text, which is turned into runs: each value
        is data printed as typed (literal_markup), never read as markup ("Công ty **Hoa Ban**"
        keeps its stars, as where the name stands alone); the phrase's own markup is read."""
        return self.write(key, literal_values(values))

    def write_all(self, key: str, values: Mapping[str, str] | None = None) -> list[str]:
        """A phrase of several paragraphs, filled."""
        try:
            return self.phrases.write_all(key, values)
        except MissingField as exc:
            raise missing_field(exc) from None


def literal_values(values: Mapping[str, str]) -> dict[str, str]:
    """Values to fill into a sentence of body text, each printed as typed (literal_markup)."""
    return {name: literal_markup(value) for name, value in values.items()}


def phrase_overrides(record: Any) -> dict[str, Any]:
    """The phrases a cau_chu record sets (none for no record)."""
    return record.model_dump(exclude_none=True) if record is not None else {}


def office_overrides(agency: Agency) -> Mapping[str, Any]:
    """phrase_overrides of the office's own câu chữ (agency.cau_chu), read only: dumped once
    per profile, not for each document it issues (its phrases, its award decision's check).

    Kept by the record itself, held with its phrases so that its id names no other: the
    profile is one object while its file is unchanged, and its records are frozen."""
    record = agency.cau_chu
    if record is None:
        return _NO_OVERRIDES
    kept = _OFFICE_OVERRIDES.get(id(record))
    if kept is not None and kept[0] is record:
        return kept[1]
    phrases = MappingProxyType(phrase_overrides(record))
    keep(_OFFICE_OVERRIDES, id(record), (record, phrases), _OFFICES_KEPT)
    return phrases


_NO_OVERRIDES: Mapping[str, Any] = MappingProxyType({})
_OFFICE_OVERRIDES: dict[int, tuple[Any, Mapping[str, Any]]] = {}
_OFFICES_KEPT = 16  # a workspace has a few offices


def missing_field(exc: MissingField) -> InputError:
    return InputError("wording.no_value", field=f"cau_chu.{exc.key}", phrase=exc.key, name=exc.name)


def rule(styles: StyleSheet, text: str, style_id: str, ratio: float) -> Markup:
    """An inline rule under `text`, sized from the style the text is set in."""
    run = styles.paragraph_style_run(style_id)
    return rule_run(rule_length_pt(text, run.size or 14, bold=run.bold, ratio=ratio))


def summary_lines(text: str, styles: StyleSheet) -> str:
    """The trích yếu under the type's name, broken between its phrases where it is too wide for
    one line (title_lines; Word would break it anywhere: "… năm" / "2022"), so that the rule
    under it is sized for the longest line that prints."""
    run = styles.paragraph_style_run(SUMMARY_STYLE)
    size, bold = run.size or 14, bool(run.bold)
    return "\n".join(title_lines(text, size, PORTRAIT_TEXT_WIDTH_PT, bold=bold, upper=False))


def header_names(agency: Agency, styles: StyleSheet) -> tuple[str | None, str]:
    """Ô 2's chủ quản and agency name as printed: a line too wide for the left column broken
    where `vanthu init` breaks a name (line_fit), so that the page does not break it elsewhere
    and the rule under the name is sized for the lines that print."""
    return _header_names(agency.co_quan_chu_quan, agency.ten_co_quan, styles)


def _header_names(
    chu_quan: str | None, name: str | None, styles: StyleSheet
) -> tuple[str | None, str]:
    """header_names of an agency by its two names, in capitals as Phụ lục I prints both (ô 2)
    and `vanthu verify` holds every output to (co_quan_chu_quan.case, co_quan.case), however
    the profile typed them ("Ubnd tỉnh Sơn La" → "UBND TỈNH SƠN LA"), as a signer's title lines
    are (signature_lines). Here, where they are printed, not in the profile's model: line_fit's
    warnings quote and rewrite the profile's lines as they were typed."""
    limit = widest_left_twips(quoc_hieu_lines(styles))
    printed = []
    for typed, style_id in ((chu_quan, CHU_QUAN_STYLE), (name, AGENCY_STYLE)):
        text = clerk_broken(typed.upper()) if typed is not None else None
        breaks = {}
        for line in (text or "").splitlines():
            lines = agency_line_breaks(line, style_id, styles, limit)
            if lines is not None:
                breaks[line] = lines
        printed.append(broken(text, breaks))
    return printed[0], printed[1] or ""


def agency_lines(chu_quan: str | None, name: str, styles: StyleSheet) -> tuple[Line, ...]:
    """The printed agency lines (ô 2) as the header's left column holds them."""
    return styled_lines(styles, chu_quan, CHU_QUAN_STYLE) + styled_lines(styles, name, AGENCY_STYLE)


def columns_for(
    chu_quan: str | None, name: str, styles: StyleSheet, place: str | None = None
) -> dict[str, int]:
    """Column widths of the header table (twips) holding these printed agency lines and, in
    the right column under Quốc hiệu, the date line of `place` (ô 4) on one line."""
    left = agency_lines(chu_quan, name, styles)
    trai, phai = header_columns(left, quoc_hieu_lines(styles), date_line_lines(styles, place))
    # The template's own table width (9354) is its columns' sum rounded up; kept when unchanged.
    usual = trai == HEADER_LEFT_TWIPS and trai + phai == HEADER_WIDTH_TWIPS
    return {"trai": trai, "phai": phai, "tong": 9354 if usual else trai + phai}


def header_holds_date_line(
    chu_quan: str | None, name: str | None, place: str, styles: StyleSheet
) -> bool:
    """Whether the header's right column (columns_for) holds the date line of `place` on one
    line beside the agency's two names as printed (header_names)."""
    left = agency_lines(*_header_names(chu_quan, name, styles), styles)
    return date_line_fits(left, quoc_hieu_lines(styles), date_line_lines(styles, place))


def signature_lines(signer: Signer) -> list[str]:
    """Ô 7a/7b: authority and title lines, upper case (KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH ...).

    A title given as several lines prints them as they are, after the authority line if any.
    """
    return _signature_lines(signer.chuc_vu, signer.tham_quyen, signer.thay_cho)


def _signature_lines(chuc_vu: str, tham_quyen: str | None, thay_cho: str | None) -> list[str]:
    """signature_lines by the three fields of the signer it reads."""
    titles = clerk_broken(chuc_vu.upper()).splitlines()
    if tham_quyen == "Q.":
        return [f"Q. {thay_cho or ''}".upper()]
    if tham_quyen:
        return [f"{tham_quyen} {thay_cho}".upper(), *titles]
    return titles


def printed_signature_lines(signer: Signer, styles: StyleSheet) -> list[str]:
    """Ô 7a/7b as printed in the usual signature block: a title line too wide for the column
    broken where line_fit breaks it (the place the profile warning suggests), never by the page."""
    # The document's own list: the kept lines are not handed out.
    return list(_printed_signature(signer.chuc_vu, signer.tham_quyen, signer.thay_cho, styles))


@lru_cache(maxsize=64)  # an office's few signers, in every document they sign
def _printed_signature(
    chuc_vu: str, tham_quyen: str | None, thay_cho: str | None, styles: StyleSheet
) -> tuple[str, ...]:
    """printed_signature_lines by the signer's fields that make its lines (signature_lines
    reads no other) and the style sheet, whose styles do not change while it is used."""
    printed = _signature_lines(chuc_vu, tham_quyen, thay_cho)
    if tham_quyen == "Q.":
        return tuple(printed)
    breaks = {}
    for line in clerk_broken(chuc_vu).splitlines():
        lines = title_line_breaks(line, styles)
        if lines is not None:
            breaks[line.upper()] = tuple(part.upper() for part in lines)
    return tuple((broken("\n".join(printed), breaks) or "").splitlines() if breaks else printed)


def profile_warnings(
    agency: Agency, profile: Path, styles: StyleSheet, shown: str | None = None
) -> list[str]:
    """The warnings of an agency profile at `profile`: its lines too wide for their column, its
    date line too wide for the header's right column, its characters the font lacks."""
    return [
        *long_line_warnings(agency, profile, styles, quoc_hieu_lines(styles), shown),
        *date_line_warnings(agency, profile, styles, shown),
        *profile_glyph_warnings(profile, shown),
    ]


def profile_glyph_warnings(profile: Path, shown: str | None = None) -> list[str]:
    """A warning at the profile's line and field of each character Times New Roman has no
    glyph for (its name, signers, places print on every document: rules.font_coverage)."""
    from pipeline.load.yaml_source import load_yaml
    from pipeline.rules.font_coverage import missing_glyphs, source_warnings

    try:  # parsed again only when its text (comments too) holds such a character, as is rare
        text: str | None = profile.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):  # another encoding: the parse reads it
        text = None
    if text is not None and not missing_glyphs(text):
        return []
    try:
        source = load_yaml(profile)
    except InputError:  # said where the profile is loaded
        return []
    return [warning.at(file=shown or profile).message() for warning in source_warnings(source)]


def date_line_warnings(
    agency: Agency, profile: Path, styles: StyleSheet, shown: str | None = None
) -> list[str]:
    """A warning, at the profile's dia_danh, when the header cannot hold its date line on one
    line beside the agency's name (header_holds_date_line): the page would break it."""
    if header_holds_date_line(agency.co_quan_chu_quan, agency.ten_co_quan, agency.dia_danh, styles):
        return []
    from pipeline.load.yaml_source import load_yaml

    try:
        line = load_yaml(profile).line_of(("dia_danh",))
    except InputError:
        line = None
    text = date_line(agency.dia_danh, WIDEST_DATE)
    error = InputError("ws.long_date_line", file=shown or profile, line=line, field="dia_danh",
                       text=text)  # fmt: skip
    return [error.message()]


def recipient_lines(data: DocumentData, agency: Agency) -> list[str]:
    """Nơi nhận lines without the dash and semicolon the template adds; groups of the profile
    expanded, a group typed in the list kept as one line (grouped_lines)."""
    typed: list[str] = []
    for recipient in data.noi_nhan:
        names = (
            agency.nhom_noi_nhan[recipient.nhom]
            if isinstance(recipient, RecipientGroup)
            else [recipient]
        )
        typed.extend(names)
    return grouped_lines(typed)


def grouped_lines(typed: list[str]) -> list[str]:
    """List lines as data (clean_list_line), a group kept whole as the decree writes it: a
    line typed ending with ":" and the "+ " lines typed under it ("- Các thôn, bản:", "+ Bản
    Ít;", "+ Bản Nà;") are one line, "Các thôn, bản:\n+ Bản Ít;\n+ Bản Nà", which the list's own
    "- " and ";" close (a line break between its lines, each at the left edge). A "+ " line
    under no such line is a bullet pasted from Word (printed "- Bản Ít;"), and a line ending
    ":" with no "+ " line under it a recipient (its ":" is the clerk's, printed ";")."""
    lines: list[str] = []
    members: list[str] = []  # the "+ " lines of the group `lines[-1]` opens
    opens = False  # whether the last line not a member ended with ":"
    for text in typed:
        name = clean_list_line(text)
        if opens and _group_member(text):
            members.append(name)
            continue
        _close_group(lines, members)
        opens = text.rstrip().endswith(":")
        lines.append(name)
    _close_group(lines, members)
    return lines


def _group_member(text: str) -> bool:
    """Whether a typed list line is marked "+ " (a group's member under a line ending ":")."""
    return text.lstrip().startswith("+") and without_bullet(text.strip()) != text.strip()


def _close_group(lines: list[str], members: list[str]) -> None:
    """The last of `lines` made the group its `members` belong to (none: left as it is)."""
    if members:
        lines[-1] = "\n".join([f"{lines[-1]}:", *(f"+ {name};" for name in members[:-1]),
                               f"+ {members[-1]}"])  # fmt: skip
        members.clear()


def clean_list_line(text: str) -> str:
    """A list line as data: without the bullet a clerk may have typed or pasted from Word before
    it ("- ", "– ", "• ", "* ", "+ ": model.blocks.without_bullet, as a dash line's) or the
    closing mark typed after it (';', '.', ',' ...: without_typed_ending), where the list
    writes its own "- " and ";"."""
    return without_typed_ending(without_bullet(text.strip()).strip())


# The punctuation a clerk may type at the end of a text or a list line, where the document
# writes its own mark ("./.", ";", "."): any run of these, spaces between, the decree's "./."
# (or "./", "/.") among them; a "/" alone is left (the end of an address, "sonla.gov.vn/").
# "!" is replaced too: an exclamation closing an administrative text is tone ("Trân trọng cảm
# ơn!"), and "!./." would end the sentence twice. "?" is kept: a question is the sentence's
# meaning, which a full stop would change, and "?./." still closes with the decree's mark.
# Compiled at import, not lazily: every document's closing and list lines are read with it.
_TYPED_ENDING = re.compile(r"(?:\s*(?:\.\s*/(?:\s*\.)?|/\s*\.|[.;:,!…]))+\s*$")
# An abbreviation of single letters ("v.v."): its last dot is the word's, kept.
_LETTER_ABBREVIATION = re.compile(r"(?:^|\s)(?:[^\W\d_]\.)+[^\W\d_]$")


def without_typed_ending(text: str) -> str:
    """`text` without the closing punctuation typed after it (_TYPED_ENDING), the dot of an
    abbreviation it ends with kept ("... v.v." stays, "... thực hiện;./" loses ";./")."""
    text = text.rstrip()
    found = _TYPED_ENDING.search(text)
    if found is None:
        return text
    kept = text[: found.start()]
    if found.group().lstrip().startswith(".") and _LETTER_ABBREVIATION.search(kept):
        return kept + "."
    return kept


def unmarked(block: Block) -> Block:
    """A block of body text (paragraph, dash lines, điểm) without_decree_mark in each line."""
    if isinstance(block, DashList):
        return DashList(gach=[without_decree_mark(line) for line in block.gach])
    if isinstance(block, PointList):
        return PointList(diem=[without_decree_mark(line) for line in block.diem])
    return without_decree_mark(block)


def filing_line(info: DocumentInfo) -> str:
    """'Lưu: VT, TCHCQT, H01b.': the records office, drafting unit, drafter initials, copies."""
    data = info.data
    drafter = ""
    if data.nguoi_soan_thao:
        copies = f"{data.so_ban:02d}b" if data.so_ban else ""
        drafter = f"{data.nguoi_soan_thao}{copies}"
    unit = info.agency.don_vi.get(data.don_vi_soan_thao)
    return once_each(info.write(
        "luu",
        {
            "don_vi_soan_thao": data.don_vi_soan_thao,
            "nguoi_soan_thao": drafter,
            "ten_don_vi_soan_thao": unit.ten if unit else data.don_vi_soan_thao,
            "so_ban": f"{data.so_ban}b" if data.so_ban else "",
        },
    ))  # fmt: skip


# "Lưu: VT, VT, H01b.": the label, the names kept, the closing full stop.
_FILING_NAMES = re.compile(r"^(?P<label>[^:]*:\s*)(?P<names>.*?)(?P<end>\s*\.?)$", re.DOTALL)


@lru_cache(maxsize=256)  # a drafter's filing line, the same in document after document
def once_each(line: str) -> str:
    """The filing line with each name once: a document drafted by the văn thư itself (the
    office's unit "VT") is kept by it once, "Lưu: VT, H01b.", not "Lưu: VT, VT, H01b." (the
    phrase names VT and the drafting unit both, not knowing they are one)."""
    found = _FILING_NAMES.match(line)
    if found is None:
        return line
    names = [name.strip() for name in found["names"].split(",")]
    kept = list(dict.fromkeys(names))
    if len(kept) == len(names):
        return line  # as the phrase wrote it
    return f"{found['label']}{', '.join(kept)}{found['end']}"


def closing(text: str) -> str:
    """The last paragraph of the content ends with './.': in place of the punctuation the clerk
    typed there (without_typed_ending), never after it ("thực hiện;./.", "thực hiện././.");
    an abbreviation's dot ("v.v.") is the full stop of "./."."""
    text = without_typed_ending(text)
    return f"{text}/." if text.endswith(".") else f"{text}./."


def closing_runs(text: str) -> Markup:
    """The closing paragraph (ket_thuc) as printed: ending './.', and a new line typed in it
    starting a paragraph of its own as in any body text (paragraph_runs), not a line break that
    stretches the justified line before it across the page."""
    return paragraph_runs(closing(text))


def list_lines(names: list[str]) -> list[str]:
    """Each name closed with ';', the last with '.' (the lines of a '- ...' list)."""
    return [f"{n};" for n in names[:-1]] + [f"{names[-1]}."]


def ended(lines: list[str]) -> DashList:
    """Phrase-written '- ...;' lines as a list whose last line ends with '.': each phrase
    ends its line with ';' not knowing whether it is the last. A "./." typed at the end of a
    line is taken off first (without_decree_mark: the decree's mark closes the content's last
    paragraph only), never after the '.' is written: a line ending "Tổ 3/" and the list's "."
    would read as one mark ("Tổ 3/.") and lose its "/"."""
    *head, last = [without_decree_mark(line) for line in lines]
    if last.endswith(";"):
        last = last[:-1].rstrip() + "."
    return DashList(gach=[*head, last])


def listed(names: list[str]) -> DashList:
    """'- ...;' lines, the last closed with '.'."""
    return DashList(gach=list_lines(names))


def same(text: str) -> str:
    return text


# What typed_bullets does with a bullet typed before the first paragraph of a text: prints it
# as the decree's "- " (a paragraph of its own), drops it (the template prints a number or a
# letter there), or leaves it (a dash line's, dropped when the data was read, or vanthu's own).
FirstBullet = Literal["dash", "drop", "keep"]


def typed_bullets(text: str, *, first: FirstBullet = "dash") -> str:
    """Body text whose paragraphs (its lines: paragraph_runs) start with a bullet typed or
    pasted from Word ("– ", "+ ", "• ", "-Tổ chức") printed as the dash line the decree writes,
    "- " and the text: what a `gach:` line prints for them (pipeline.model.blocks.without_bullet
    tells a bullet from a sign of the text, "-5 độ C", "+84"). Before the first paragraph the
    template may print its own mark (`first`)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        rest = without_bullet(line)
        if rest == line:
            continue
        mode = first if index == 0 else "dash"
        if mode != "keep":
            lines[index] = f"- {rest}" if mode == "dash" else rest
    return "\n".join(lines)


@lru_cache(maxsize=1024)  # the same articles and lines in decision after decision of a build
def body_runs(text: str, first: FirstBullet = "dash") -> Markup:
    """The runs of a paragraph of body text whose bullets print as typed_bullets says (`first`:
    before its first paragraph): paragraph_runs(typed_bullets(text)). Kept by text: an office's
    decisions print the same Điều 3, the same amount lines, the same closing paragraphs."""
    return paragraph_runs(typed_bullets(text, first=first))


def line_context(letter: str | None, written: str, *, first: FirstBullet) -> dict[str, Any]:
    """One dash line or điểm of khoi/doan-van: its letter (None: a dash line), its text, and
    whether it introduces what follows ("- Các nội dung sau:"): kept with it (`cau_dan`)."""
    return {"chu": letter, "noi_dung": body_runs(written, first),
            "cau_dan": leads_in(written)}  # fmt: skip


def block_context(block: Block, text: Callable[[str], str] = same) -> dict[str, Any]:
    """One block of running text for khoi/doan-van: paragraph, dash lines or điểm. A new line
    in a text starts a paragraph, a bullet typed before one prints "- " (typed_bullets); a
    paragraph, dash line or điểm that introduces what follows ("... như sau:") is kept with it
    (`cau_dan`).

    Every kind has the same keys, so a template can be checked against one shape.
    """
    if isinstance(block, DashList):
        lines = [line_context(None, text(line), first="keep") for line in block.gach]
        return {"kieu": "gach", "noi_dung": None, "cau_dan": False, "dong": lines}
    if isinstance(block, PointList):
        points = [
            line_context(point_letter(i), text(point_text(line)), first="drop")
            for i, line in enumerate(block.diem)
        ]
        return {"kieu": "diem", "noi_dung": None, "cau_dan": False, "dong": points}
    written = text(block)
    return {"kieu": "doan", "noi_dung": body_runs(written, "dash"),
            "cau_dan": leads_in(written), "dong": []}  # fmt: skip


@lru_cache(maxsize=16)  # an office's header, the same in every document it issues
def printed_header(
    chu_quan: str | None, name: str | None, styles: StyleSheet, place: str | None = None
) -> tuple[str | None, str, dict[str, int], Markup, Markup]:
    """Ô 1 and ô 2 of an agency by its two names (co_quan_chu_quan, ten_co_quan), set in
    `styles`: the chủ quản and agency name as printed (header_names), the header table's
    columns (wide enough on the right for the date line of its `place`, dia_danh), the rules
    under the agency's name and under the Tiêu ngữ. Nothing else of the agency or the document
    is read: kept by the two names, the place and the style sheet, whose styles do not change
    while it is used (render.styles.StyleSheet)."""
    printed_chu_quan, printed_name = _header_names(chu_quan, name, styles)
    return (
        printed_chu_quan,
        printed_name,
        columns_for(printed_chu_quan, printed_name, styles, place),
        rule(styles, printed_name, AGENCY_STYLE, RULE_RATIO_PART),
        rule(styles, TIEU_NGU, "TieuNgu", RULE_RATIO_FULL),
    )


def common_context(
    info: DocumentInfo, styles: StyleSheet, *, recipients: bool = True
) -> dict[str, Any]:
    """Header block, title, Nơi nhận and signature of any document. A kind that changes the
    Nơi nhận lines sets them with recipients_context, which says where a long list breaks;
    one that always does (`recipients` False) gets the lines as the data gives them and no
    `noi_nhan_tiep` worked out for them (an empty one in its place, the context's keys in
    their order), which it sets with its own lines."""
    data, agency = info.data, info.agency
    chu_quan, name, columns, name_rule, motto_rule = printed_header(
        agency.co_quan_chu_quan, agency.ten_co_quan, styles, agency.dia_danh
    )
    summary = summary_lines(data.trich_yeu, styles)
    context: dict[str, Any] = {
        "dau_trang": dict(columns),  # the document's own: the kept one is not handed out
        "co_quan_chu_quan": chu_quan,
        "co_quan_ban_hanh": name,
        "duong_ke_co_quan": name_rule,
        "duong_ke_tieu_ngu": motto_rule,
        "so_ky_hieu": info.reference,
        "trich_yeu_cong_van": None,  # a Công văn's "V/v ..." under Số (its context sets it)
        "dia_danh_ngay": date_line(agency.dia_danh, data.ngay),
        "ten_loai": info.doc_type.title,
        "trich_yeu": rich_runs(summary),
        "duong_ke_trich_yeu": rule(styles, summary, SUMMARY_STYLE, RULE_RATIO_PART),
        "luu": filing_line(info),
        "chu_ky": {
            "tham_quyen": printed_signature_lines(info.signer, styles),
            "ho_ten": info.signer.ho_ten,
        },
        "chu_ky_trai": None,  # a second signature on the left, Nơi nhận then below (Biên bản)
        "phan_cuoi": None,  # what stands last after the signature: "doc", "ngang" or nothing
    }
    # Nơi nhận ("noi_nhan"), and the lines of a long one printed under the signature's row.
    lines = recipient_lines(data, agency)
    if recipients:
        context.update(recipients_context(lines, context, styles))
    else:
        context.update(noi_nhan=lines, noi_nhan_tiep=[])
    return context
