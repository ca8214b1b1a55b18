"""A corpus of broken documents, one fault each, made by editing a good output; verify names it.

Each case edits the XML of the rendered 2022 plan (or a rendered Quyết định) the way a person
editing in Word would, then asserts the exact set of rule ids verify reports and where.
Hand-made ways of drawing the same thing (a border instead of a line shape, a floating or VML
line) must pass.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from pipeline.api import Renderer
from pipeline.text.legacy import encode_legacy
from pipeline.verify import verify_file

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
DECISION = REPO / "inputs" / "2022" / "qd-giay-khen.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
DOC = "word/document.xml"
STYLES = "word/styles.xml"
HEADER = "word/header1.xml"  # the default header, with the PAGE field


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class Package:
    """The parts of a .docx, parsed on demand, written back as a new file."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.raw = {info.filename: archive.read(info) for info in archive.infolist()}
        self.trees: dict[str, etree._Element] = {}

    def xml(self, name: str = DOC) -> etree._Element:
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self.raw[name])
        return self.trees[name]

    def save(self, path: Path) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.raw.items():
                if name in self.trees:
                    data = etree.tostring(
                        self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True
                    )
                archive.writestr(name, data)
        return path


# --- editing helpers ------------------------------------------------------------------------


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def para(pkg: Package, start: str, part: str = DOC) -> etree._Element:
    """The first paragraph whose text starts with `start`."""
    for p in pkg.xml(part).iter(w("p")):
        if text_of(p).startswith(start):
            return p
    raise AssertionError(f"no paragraph starting {start!r}")


def set_text(p: etree._Element, text: str) -> None:
    """Put `text` in the paragraph's first text run, empty the others."""
    texts = [t for t in p.iter(w("t")) if t.text]
    texts[0].text = text
    for t in texts[1:]:
        t.text = ""


def replace_text(p: etree._Element, old: str, new: str) -> None:
    for t in p.iter(w("t")):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not in {text_of(p)!r}")


def child(parent: etree._Element, name: str, first: bool = False) -> etree._Element:
    """The child `name` of `parent`, created when missing (pPr/rPr go first)."""
    found = parent.find(f"w:{name}", NS)
    if found is None:
        found = etree.Element(w(name))
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def ppr(p: etree._Element) -> etree._Element:
    return child(p, "pPr", first=True)


def set_runs(p: etree._Element, name: str, **attrs: str) -> None:
    """Direct run formatting on every run with text: set_runs(p, 'b', val='0')."""
    for run in p.iter(w("r")):
        if not "".join(t.text or "" for t in run.iter(w("t"))).strip():
            continue
        prop = child(child(run, "rPr", first=True), name)
        for key, value in attrs.items():
            prop.set(w(key), value)


def set_ppr(p: etree._Element, name: str, **attrs: str) -> None:
    prop = child(ppr(p), name)
    for key, value in attrs.items():
        prop.set(w(key), value)


def sections(pkg: Package) -> list[etree._Element]:
    return list(pkg.xml().iter(w("sectPr")))


def drawing_after(pkg: Package, start: str) -> etree._Element:
    """The line shape (wp:inline) in the paragraph after the one starting `start`."""
    p = para(pkg, start).getnext()
    while p is not None and p.find(".//wp:inline", NS) is None:
        p = p.getnext()
    assert p is not None
    return p.find(".//wp:inline", NS)


def remove_drawing_after(pkg: Package, start: str) -> None:
    inline = drawing_after(pkg, start)
    run = inline.getparent().getparent()
    run.getparent().remove(run)


def scale_drawing_after(pkg: Package, start: str, factor: float) -> None:
    inline = drawing_after(pkg, start)
    for extent in (inline.find("wp:extent", NS), inline.find(".//a:ext", NS)):
        extent.set("cx", str(int(int(extent.get("cx")) * factor)))


def style(pkg: Package, style_id: str) -> etree._Element:
    for s in pkg.xml(STYLES).iter(w("style")):
        if s.get(w("styleId")) == style_id:
            return s
    raise AssertionError(style_id)


def legacy_tcvn3(text: str) -> str:
    """Text typed with a .VnTime font: TCVN3 bytes read as Windows-1252."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in encode_legacy(text, "tcvn3")
    )


# --- the corpus ----------------------------------------------------------------------------

BODY = "Nhằm nâng cao trách nhiệm"  # an ordinary body paragraph of the plan
CLOSING = "Trên đây là kế hoạch"
TIEU_NGU = "Độc lập"
TRICH_YEU = "Triển khai, thực hiện"
DATE = "Sơn La, ngày"
Edit = Callable[[Package], None]


@dataclass(frozen=True)
class Case:
    """One fault: how to make it, the rule ids it must raise, where (regex on the location)."""

    name: str
    edit: Edit
    rules: frozenset[str]
    where: str
    doc_type: str | None = None
    base: str = "plan"


CASES: list[Case] = []


def fault(name: str, rules: str | set[str], where: str, edit: Edit, **extra: str) -> None:
    """Add a case to the corpus."""
    ids = frozenset({rules} if isinstance(rules, str) else rules)
    CASES.append(Case(name, edit, ids, where, **extra))


def runs(start: str, name: str, part: str = DOC, **attrs: str) -> Edit:
    """An edit setting direct run formatting on the paragraph starting `start`."""
    return lambda pkg: set_runs(para(pkg, start, part), name, **attrs)


def paragraph(start: str, name: str, part: str = DOC, **attrs: str) -> Edit:
    """An edit setting a paragraph property of the paragraph starting `start`."""
    return lambda pkg: set_ppr(para(pkg, start, part), name, **attrs)


def text(start: str, new_text: str) -> Edit:
    """An edit replacing the text of the paragraph starting `start`."""
    return lambda pkg: set_text(para(pkg, start), new_text)


def section(number: int, name: str, **attrs: str) -> Edit:
    """An edit setting attributes of a section's child element (pgSz, pgMar)."""

    def edit(pkg: Package) -> None:
        element = sections(pkg)[number - 1].find(f"w:{name}", NS)
        for key, value in attrs.items():
            element.set(w(key), value)

    return edit


def remove(path: str, part: str = DOC, occurrence: int = 0) -> Edit:
    """An edit removing the n-th element matching an XPath."""

    def edit(pkg: Package) -> None:
        element = pkg.xml(part).xpath(path, namespaces=NS)[occurrence]
        element.getparent().remove(element)

    return edit


def both(*edits: Edit) -> Edit:
    def edit(pkg: Package) -> None:
        for one in edits:
            one(pkg)

    return edit


def strong_in_arial(pkg: Package) -> None:
    child(child(style(pkg, "Strong"), "rPr"), "rFonts").set(w("ascii"), "Arial")


def body_in_nfd(pkg: Package) -> None:
    p = para(pkg, BODY)
    set_text(p, unicodedata.normalize("NFD", text_of(p)))


def body_in_tcvn3(pkg: Package) -> None:
    p = para(pkg, BODY)
    set_text(p, legacy_tcvn3(text_of(p)))


def no_page_field(pkg: Package) -> None:
    p = para(pkg, "", HEADER)
    for run in p.findall("w:r", NS):
        p.remove(run)


def roman_page_field(pkg: Package) -> None:
    instruction = next(pkg.xml(HEADER).iter(w("instrText")))
    instruction.text = " PAGE \\* ROMAN "


def roman_section(pkg: Package) -> None:
    numbering = etree.Element(w("pgNumType"))
    numbering.set(w("fmt"), "upperRoman")
    sections(pkg)[0].find("w:cols", NS).addprevious(numbering)


def quoc_hieu_on_two_lines(pkg: Package) -> None:
    run = para(pkg, "CỘNG HÒA").find("w:r", NS)
    run.find("w:t", NS).text = "CỘNG HÒA XÃ HỘI"
    etree.SubElement(run, w("br"))
    etree.SubElement(run, w("t")).text = "CHỦ NGHĨA VIỆT NAM"


def trich_yeu_in_capitals(pkg: Package) -> None:
    for t in para(pkg, TRICH_YEU).iter(w("t")):
        t.text = (t.text or "").upper()


def points_skip_letters(pkg: Package) -> None:
    body = para(pkg, BODY)
    for letter in ("a", "b", "e"):
        copy = etree.fromstring(etree.tostring(body))
        set_text(copy, f"{letter}) Điểm {letter} của khoản;")
        body.addprevious(copy)


# Fonts and text.
fault("font wrong on a run", "font.name", BODY, runs(BODY, "rFonts", ascii="Arial", hAnsi="Arial"))
fault(
    "font from the theme",
    "font.name",
    "CỘNG HÒA",
    runs("CỘNG HÒA", "rFonts", asciiTheme="minorHAnsi", hAnsiTheme="minorHAnsi"),
)
fault("font from a character style", "font.name", r"«\d\. ", strong_in_arial)
fault("font colour red", "font.color", BODY, runs(BODY, "color", val="FF0000"))
fault("body size 12", "noi_dung.size", BODY, runs(BODY, "sz", val="24"))
fault(
    "leftover tag",
    "text.template_tag",
    "Nhằm nâng cao {{",
    lambda pkg: replace_text(para(pkg, BODY), "trách nhiệm", "{{ trach_nhiem }}"),
)
fault("NFD text", "text.nfc", "paragraph 7", body_in_nfd)
fault("TCVN3 text", "text.legacy", "paragraph 7", body_in_tcvn3)

# Page.
fault("left margin 20 mm", "page.margin", "section 1", section(1, "pgMar", left="1134"))
fault("top margin 30 mm", "page.margin", "section 2", section(2, "pgMar", top="1701"))
fault(
    "landscape main page",
    "page.orientation",
    "section 1",
    section(1, "pgSz", w="16838", h="11906", orient="landscape"),
)
fault("Letter paper", "page.size", "section 1", section(1, "pgSz", w="12240", h="15840"))
fault("page number on page 1", "so_trang.first_page", "header1.xml", remove("//w:titlePg"))
fault(
    "page number not centred",
    "so_trang.align",
    "header1.xml",
    paragraph("", "jc", HEADER, val="left"),
)
fault("page number italic", "so_trang.italic", "header1.xml", runs("", "i", HEADER))
fault("no page numbers", "so_trang.missing", "section 1", no_page_field)
fault("page numbers in Roman (field)", "so_trang.arabic", "header1.xml", roman_page_field)
fault("page numbers in Roman (section)", "so_trang.arabic", "section 1", roman_section)
fault("appendix numbering continues", "so_trang.restart", "Phụ lục", remove("//w:pgNumType"))
fault("appendix header row not repeated", "bang.header_repeat", "table 3", remove("//w:tblHeader"))
fault("appendix heading not bold", "phu_luc.bold", "Phụ lục", runs("Phụ lục", "b", val="0"))

# Header block.
fault(
    "Quốc hiệu misspelt",
    "quoc_hieu.text",
    "CỘNG HOÀ",
    text("CỘNG HÒA", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
)
fault("Quốc hiệu 11 pt", "quoc_hieu.size", "CỘNG HÒA", runs("CỘNG HÒA", "sz", val="22"))
fault("Quốc hiệu on two lines", "quoc_hieu.one_line", "CỘNG HÒA", quoc_hieu_on_two_lines)
fault(
    "Tiêu ngữ without spaces around hyphens",
    "tieu_ngu.text",
    TIEU_NGU,
    text(TIEU_NGU, "Độc lập-Tự do-Hạnh phúc"),
)
fault("Tiêu ngữ not bold", "tieu_ngu.bold", TIEU_NGU, runs(TIEU_NGU, "b", val="0"))
fault(
    "no rule under Tiêu ngữ",
    "tieu_ngu.rule",
    TIEU_NGU,
    lambda pkg: remove_drawing_after(pkg, TIEU_NGU),
)
fault(
    "rule under Tiêu ngữ half as long",
    "tieu_ngu.rule_length",
    "table 1, row 1, cell 2",
    lambda pkg: scale_drawing_after(pkg, TIEU_NGU, 0.5),
)
fault("agency name not bold", "co_quan.bold", "VĂN PHÒNG", runs("VĂN PHÒNG", "b", val="0"))
fault("agency name in lower case", "co_quan.case", "Văn phòng", text("VĂN PHÒNG", "Văn phòng"))
fault(
    "rule under the agency twice as long",
    "co_quan.rule_length",
    "table 1, row 1, cell 1",
    lambda pkg: scale_drawing_after(pkg, "VĂN PHÒNG", 2),
)
fault(
    "rule under the agency not centred",
    "co_quan.rule_position",
    "table 1, row 1, cell 1",
    lambda pkg: set_ppr(para(pkg, "VĂN PHÒNG").getnext(), "jc", val="left"),
)
fault(
    "Số without leading zero", "so_ky_hieu.leading_zero", "Số: 5/", text("Số:", "Số: 5/KH-VPUBND")
)
fault("wrong type abbreviation", "so_ky_hieu.type", "Số: 05/QĐ", text("Số:", "Số: 05/QĐ-VPUBND"))
fault("Số with spaces", "so_ky_hieu.format", "Số: 05/KH - ", text("Số:", "Số: 05/KH - VPUBND"))
fault("Số numbered 0", "so_ky_hieu.format", "Số: 0/", text("Số:", "Số: 0/KH-VPUBND"))
fault("Số without a space", "so_ky_hieu.format", "Số:05/", text("Số:", "Số:05/KH-VPUBND"))
fault("SỐ in capitals", "so_ky_hieu.format", "SỐ: 05/", text("Số:", "SỐ: 05/KH-VPUBND"))
fault("agency code in lower case", "so_ky_hieu.case", "Số:", text("Số:", "Số: 05/KH-VPubnd"))
fault("Số bold", "so_ky_hieu.bold", "Số:", runs("Số:", "b"))
fault(
    "month 3 with leading zero",
    "dia_danh_ngay.leading_zero",
    "tháng 03",
    text(DATE, "Sơn La, ngày 15 tháng 03 năm 2022"),
)
fault(
    "day without leading zero",
    "dia_danh_ngay.leading_zero",
    "ngày 5 ",
    text(DATE, "Sơn La, ngày 5 tháng 12 năm 2021"),
)
fault(
    "February without leading zero",
    "dia_danh_ngay.leading_zero",
    "tháng 2 ",
    text(DATE, "Sơn La, ngày 15 tháng 2 năm 2022"),
)
fault(
    "impossible date",
    "dia_danh_ngay.date",
    "ngày 30 tháng 02",
    text(DATE, "Sơn La, ngày 30 tháng 02 năm 2022"),
)
fault(
    "date line without comma",
    "dia_danh_ngay.format",
    "Sơn La ngày",
    text(DATE, "Sơn La ngày 22 tháng 12 năm 2021"),
)
fault(
    "place name in lower case",
    "dia_danh_ngay.place",
    "sơn La",
    text(DATE, "sơn La, ngày 22 tháng 12 năm 2021"),
)
fault("date line not italic", "dia_danh_ngay.italic", DATE, runs(DATE, "i", val="0"))

# Title.
fault("type name not upper-case", "ten_loai.case", "Kế hoạch", text("KẾ HOẠCH", "Kế hoạch"))
fault(
    "type name not centred", "ten_loai.align", "KẾ HOẠCH", paragraph("KẾ HOẠCH", "jc", val="left")
)
fault("trích yếu not bold", "trich_yeu.bold", TRICH_YEU, runs(TRICH_YEU, "b", val="0"))
fault("trích yếu in capitals", "trich_yeu.case", "TRIỂN KHAI", trich_yeu_in_capitals)
fault(
    "no rule under trích yếu",
    "trich_yeu.rule",
    TRICH_YEU,
    lambda pkg: remove_drawing_after(pkg, TRICH_YEU),
)
fault(
    "checked as a Quyết định",
    {"ten_loai.text", "so_ky_hieu.type"},
    "KẾ HOẠCH|Số:",
    lambda pkg: None,
    doc_type="quyet-dinh",
)

# Body.
fault("body paragraph not justified", "noi_dung.align", BODY, paragraph(BODY, "jc", val="left"))
fault("first-line indent 2 cm", "noi_dung.indent", BODY, paragraph(BODY, "ind", firstLine="1134"))
fault(
    "no spacing between paragraphs",
    "noi_dung.spacing",
    BODY,
    paragraph(BODY, "spacing", before="0", after="0"),
)
fault(
    "double line spacing",
    "noi_dung.line_spacing",
    BODY,
    paragraph(BODY, "spacing", line="480", lineRule="auto"),
)
fault(
    "missing ./.",
    "noi_dung.closing",
    CLOSING,
    lambda pkg: replace_text(para(pkg, CLOSING), "thực hiện./.", "thực hiện."),
)
fault("Mục title in lower case", "muc.case", "I. Mục", text("I. MỤC", "I. Mục đích, yêu cầu"))
fault("Mục title not bold", "muc.bold", "II. NỘI DUNG", runs("II. NỘI DUNG", "b", val="0"))
fault("điểm e after b", "diem.order", r"e\)", points_skip_letters)

# Nơi nhận and signature.
fault(
    "recipient without ';'", "noi_nhan.semicolon", "Sở Nội vụ", text("- Sở Nội vụ", "- Sở Nội vụ")
)
fault("recipient without dash", "noi_nhan.dash", "Sở Nội vụ", text("- Sở Nội vụ", "Sở Nội vụ;"))
fault("last line not ending '.'", "noi_nhan.last", "Lưu", text("- Lưu", "- Lưu: VT, TCHCQT, H01b"))
fault("recipient 13 pt", "noi_nhan.size", "Sở Nội vụ", runs("- Sở Nội vụ", "sz", val="26"))
fault(
    "Nơi nhận heading not bold-italic",
    {"noi_nhan_tieu_de.bold", "noi_nhan_tieu_de.italic"},
    "Nơi nhận",
    both(runs("Nơi nhận", "b", val="0"), runs("Nơi nhận", "i", val="0")),
)
fault("signer name not bold", "chu_ky_ho_ten.bold", "Nguyễn", runs("Nguyễn Huy Anh", "b", val="0"))
fault(
    "signer name in capitals",
    "chu_ky_ho_ten.case",
    "NGUYỄN HUY ANH",
    text("Nguyễn Huy Anh", "NGUYỄN HUY ANH"),
)
fault(
    "title line not upper-case",
    "chu_ky_tham_quyen.case",
    "Chánh văn phòng",
    text("CHÁNH VĂN PHÒNG", "Chánh văn phòng"),
)
fault(
    "KT. without the signer's title",
    "chu_ky.authority",
    "KT. CHÁNH",
    text("CHÁNH VĂN PHÒNG", "KT. CHÁNH VĂN PHÒNG"),
)

# Quyết định.
fault(
    "căn cứ not italic",
    "can_cu.italic",
    "Căn cứ Luật",
    runs("Căn cứ Luật", "i", val="0"),
    base="decision",
)
fault(
    "căn cứ without ';'",
    "can_cu.punctuation",
    "Căn cứ Luật",
    lambda pkg: replace_text(para(pkg, "Căn cứ Luật"), ";", ""),
    base="decision",
)
fault(
    "issuing authority not bold",
    "tham_quyen_ban_hanh.bold",
    "CHÁNH VĂN PHÒNG UBND",
    runs("CHÁNH VĂN PHÒNG UBND", "b", val="0"),
    base="decision",
)
fault(
    "QUYẾT ĐỊNH: not centred",
    "quyet_dinh.align",
    "QUYẾT ĐỊNH:",
    paragraph("QUYẾT ĐỊNH:", "jc", val="both"),
    base="decision",
)
fault("Điều not bold", "dieu.bold", "Điều 1.", runs("Điều 1.", "b", val="0"), base="decision")


# Hand-made ways that conform -------------------------------------------------------------------


def _border_under_tieu_ngu(pkg: Package) -> None:
    """The rule drawn as a bottom border, indented to the text's length."""
    remove_drawing_after(pkg, "Độc lập")
    p = para(pkg, "Độc lập")
    border = child(ppr(p), "pBdr")
    bottom = child(border, "bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(w(key), value)
    set_ppr(p, "ind", left="1212", right="1212")


def _floating_line_under_agency(pkg: Package) -> None:
    """The rule as a floating shape (wp:anchor) anchored in the agency's paragraph."""
    inline = drawing_after(pkg, "VĂN PHÒNG")
    anchor = etree.SubElement(etree.Element(w("drawing")), f"{{{NS['wp']}}}anchor")
    for node in list(inline):
        anchor.append(node)
    run = inline.getparent().getparent()
    run.getparent().remove(run)
    new_run = etree.SubElement(para(pkg, "VĂN PHÒNG"), w("r"))
    new_run.append(anchor.getparent())


def _vml_line_under_trich_yeu(pkg: Package) -> None:
    """The rule as a VML line in an empty paragraph (old Word)."""
    inline = drawing_after(pkg, "Triển khai, thực hiện")
    run = inline.getparent().getparent()
    holder = run.getparent()
    holder.remove(run)
    vml = (
        f'<w:r xmlns:w="{W}"><w:pict><v:line xmlns:v="urn:schemas-microsoft-com:vml" '
        'from="160pt,2pt" to="307.35pt,2pt" strokeweight=".5pt"/></w:pict></w:r>'
    )
    holder.append(etree.fromstring(vml))


CONFORMING = [
    ("rule under Tiêu ngữ as a bottom border", _border_under_tieu_ngu),
    ("rule under the agency as a floating shape", _floating_line_under_agency),
    ("rule under trích yếu as a VML line", _vml_line_under_trich_yeu),
]


# --- fixtures and tests -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The plan and a Quyết định, rendered once."""
    folder = tmp_path_factory.mktemp("corpus")
    renderer = Renderer(REPO / "templates")
    return {
        "plan": renderer.render_file(PLAN, folder / "plan.docx"),
        "decision": renderer.render_file(DECISION, folder / "decision.docx"),
    }


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("base", ["plan", "decision"])
def test_good_outputs_pass(good: dict[str, Path], base: str) -> None:
    report = verify_file(good[base])
    assert report.violations == []


@pytest.mark.parametrize("fault", CASES, ids=[c.name for c in CASES])
def test_fault_is_flagged(fault: Case, good: dict[str, Path], tmp_path: Path) -> None:
    pkg = Package(good[fault.base])
    fault.edit(pkg)
    broken = pkg.save(tmp_path / "broken.docx")
    report = verify_file(broken, fault.doc_type)
    lines = "\n".join(v.line("en") for v in report.violations)
    assert report.rules == fault.rules, lines
    for violation in report.violations:
        assert re.search(fault.where, violation.where.describe("en")), lines


@pytest.mark.parametrize("name, edit", CONFORMING, ids=[n for n, _ in CONFORMING])
def test_hand_made_rules_pass(
    name: str, edit: Callable[[Package], None], good: dict[str, Path], tmp_path: Path
) -> None:
    pkg = Package(good["plan"])
    edit(pkg)
    report = verify_file(pkg.save(tmp_path / "hand-made.docx"))
    assert report.violations == [], "\n".join(v.line("en") for v in report.violations)
