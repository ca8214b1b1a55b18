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
                    data = etree.tostring(self.trees[name], xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
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
        bytes([b]).decode("cp1252", errors="ignore") or chr(b)
        for b in encode_legacy(text, "tcvn3")
    )


# --- the corpus ----------------------------------------------------------------------------

BODY = "Nhằm nâng cao trách nhiệm"  # an ordinary body paragraph of the plan
CLOSING = "Trên đây là kế hoạch"


@dataclass(frozen=True)
class Case:
    """One fault: how to make it, the rule ids it must raise, where (regex on the location)."""

    name: str
    edit: Callable[[Package], None]
    rules: frozenset[str]
    where: str
    doc_type: str | None = None
    base: str = "plan"


def case(name: str, rules: set[str] | str, where: str, **extra: object) -> Callable:
    def wrap(edit: Callable[[Package], None]) -> Case:
        ids = frozenset({rules} if isinstance(rules, str) else rules)
        return Case(name, edit, ids, where, **extra)  # type: ignore[arg-type]
    return wrap


CASES: list[Case] = []


def add(c: Case) -> Case:
    CASES.append(c)
    return c


# Fonts and text ------------------------------------------------------------------------------

add(case("font wrong on a run", "font.name", BODY)(
    lambda pkg: set_runs(para(pkg, BODY), "rFonts", ascii="Arial", hAnsi="Arial")))
add(case("font from a theme", "font.name", "CỘNG HÒA")(
    lambda pkg: set_runs(para(pkg, "CỘNG HÒA"), "rFonts", asciiTheme="minorHAnsi",
                         hAnsiTheme="minorHAnsi")))


def _strong_in_arial(pkg: Package) -> None:
    rpr = child(style(pkg, "Strong"), "rPr")
    child(rpr, "rFonts").set(w("ascii"), "Arial")


add(case("font from a character style", "font.name", r"«\d\. ")(_strong_in_arial))
add(case("font colour red", "font.color", BODY)(
    lambda pkg: set_runs(para(pkg, BODY), "color", val="FF0000")))
add(case("body size 12", "noi_dung.size", BODY)(
    lambda pkg: set_runs(para(pkg, BODY), "sz", val="24")))
add(case("leftover tag", "text.template_tag", "Nhằm nâng cao {{")(
    lambda pkg: replace_text(para(pkg, BODY), "trách nhiệm", "{{ trach_nhiem }}")))


def _nfd(pkg: Package) -> None:
    p = para(pkg, BODY)
    set_text(p, unicodedata.normalize("NFD", text_of(p)))


add(case("NFD text", "text.nfc", "paragraph")(_nfd))


def _tcvn3(pkg: Package) -> None:
    p = para(pkg, BODY)
    set_text(p, legacy_tcvn3(text_of(p)))


add(case("TCVN3 text", "text.legacy", "paragraph")(_tcvn3))

# Page ------------------------------------------------------------------------------------------

add(case("left margin 20 mm", "page.margin", "section 1")(
    lambda pkg: sections(pkg)[0].find("w:pgMar", NS).set(w("left"), "1134")))
add(case("top margin 30 mm", "page.margin", "section 2")(
    lambda pkg: sections(pkg)[1].find("w:pgMar", NS).set(w("top"), "1701")))


def _landscape_first(pkg: Package) -> None:
    size = sections(pkg)[0].find("w:pgSz", NS)
    size.set(w("w"), "16838")
    size.set(w("h"), "11906")
    size.set(w("orient"), "landscape")


add(case("landscape main page", "page.orientation", "section 1")(_landscape_first))


def _letter(pkg: Package) -> None:
    size = sections(pkg)[0].find("w:pgSz", NS)
    size.set(w("w"), "12240")
    size.set(w("h"), "15840")


add(case("Letter paper", "page.size", "section 1")(_letter))


def _no_title_page(pkg: Package) -> None:
    title = sections(pkg)[0].find("w:titlePg", NS)
    title.getparent().remove(title)


add(case("page number on page 1", "so_trang.first_page", "header1.xml")(_no_title_page))
add(case("page number not centred", "so_trang.align", "header1.xml")(
    lambda pkg: set_ppr(para(pkg, "", HEADER), "jc", val="left")))
add(case("page number italic", "so_trang.italic", "header1.xml")(
    lambda pkg: set_runs(para(pkg, "", HEADER), "i")))


def _no_page_field(pkg: Package) -> None:
    p = para(pkg, "", HEADER)
    for run in p.findall("w:r", NS):
        p.remove(run)


add(case("no page numbers", "so_trang.missing", "section 1")(_no_page_field))


def _no_restart(pkg: Package) -> None:
    numbering = sections(pkg)[-1].find("w:pgNumType", NS)
    numbering.getparent().remove(numbering)


add(case("appendix numbering continues", "so_trang.restart", "Phụ lục")(_no_restart))


def _header_row_not_repeated(pkg: Package) -> None:
    header = next(pkg.xml().iter(w("tblHeader")))
    header.getparent().remove(header)


add(case("appendix header row not repeated", "bang.header_repeat", "table 3")(
    _header_row_not_repeated))
add(case("appendix heading not bold", "phu_luc.bold", "Phụ lục")(
    lambda pkg: set_runs(para(pkg, "Phụ lục"), "b", val="0")))

# Header block ----------------------------------------------------------------------------------

add(case("Quốc hiệu misspelt", "quoc_hieu.text", "CỘNG HOÀ")(
    lambda pkg: set_text(para(pkg, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")))
add(case("Quốc hiệu 11 pt", "quoc_hieu.size", "CỘNG HÒA")(
    lambda pkg: set_runs(para(pkg, "CỘNG HÒA"), "sz", val="22")))


def _two_lines(pkg: Package) -> None:
    run = para(pkg, "CỘNG HÒA").find("w:r", NS)
    run.find("w:t", NS).text = "CỘNG HÒA XÃ HỘI"
    etree.SubElement(run, w("br"))
    etree.SubElement(run, w("t")).text = "CHỦ NGHĨA VIỆT NAM"


add(case("Quốc hiệu on two lines", "quoc_hieu.one_line", "CỘNG HÒA")(_two_lines))
add(case("Tiêu ngữ without spaces around hyphens", "tieu_ngu.text", "Độc lập")(
    lambda pkg: set_text(para(pkg, "Độc lập"), "Độc lập-Tự do-Hạnh phúc")))
add(case("Tiêu ngữ not bold", "tieu_ngu.bold", "Độc lập")(
    lambda pkg: set_runs(para(pkg, "Độc lập"), "b", val="0")))
add(case("no rule under Tiêu ngữ", "tieu_ngu.rule", "Độc lập")(
    lambda pkg: remove_drawing_after(pkg, "Độc lập")))
add(case("rule under Tiêu ngữ half as long", "tieu_ngu.rule_length", "table 1, row 1, cell 2")(
    lambda pkg: scale_drawing_after(pkg, "Độc lập", 0.5)))
add(case("agency name not bold", "co_quan.bold", "VĂN PHÒNG")(
    lambda pkg: set_runs(para(pkg, "VĂN PHÒNG"), "b", val="0")))
add(case("agency name in lower case", "co_quan.case", "Văn phòng")(
    lambda pkg: set_text(para(pkg, "VĂN PHÒNG"), "Văn phòng")))
add(case("rule under the agency twice as long", "co_quan.rule_length", "table 1, row 1, cell 1")(
    lambda pkg: scale_drawing_after(pkg, "VĂN PHÒNG", 2)))
add(case("rule under the agency not centred", "co_quan.rule_position", "table 1, row 1, cell 1")(
    lambda pkg: set_ppr(para(pkg, "VĂN PHÒNG").getnext(), "jc", val="left")))
add(case("Số without leading zero", "so_ky_hieu.leading_zero", "Số: 5/")(
    lambda pkg: set_text(para(pkg, "Số:"), "Số: 5/KH-VPUBND")))
add(case("wrong type abbreviation", "so_ky_hieu.type", "Số: 05/QĐ")(
    lambda pkg: set_text(para(pkg, "Số:"), "Số: 05/QĐ-VPUBND")))
add(case("Số with spaces", "so_ky_hieu.format", "Số: 05/KH - ")(
    lambda pkg: set_text(para(pkg, "Số:"), "Số: 05/KH - VPUBND")))
add(case("agency code in lower case", "so_ky_hieu.case", "Số:")(
    lambda pkg: set_text(para(pkg, "Số:"), "Số: 05/KH-VPubnd")))
add(case("Số bold", "so_ky_hieu.bold", "Số:")(
    lambda pkg: set_runs(para(pkg, "Số:"), "b")))
add(case("month 3 with leading zero", "dia_danh_ngay.leading_zero", "tháng 03")(
    lambda pkg: set_text(para(pkg, "Sơn La, ngày"), "Sơn La, ngày 15 tháng 03 năm 2022")))
add(case("day without leading zero", "dia_danh_ngay.leading_zero", "ngày 5 ")(
    lambda pkg: set_text(para(pkg, "Sơn La, ngày"), "Sơn La, ngày 5 tháng 12 năm 2021")))
add(case("February without leading zero", "dia_danh_ngay.leading_zero", "tháng 2 ")(
    lambda pkg: set_text(para(pkg, "Sơn La, ngày"), "Sơn La, ngày 15 tháng 2 năm 2022")))
add(case("impossible date", "dia_danh_ngay.date", "ngày 30 tháng 02")(
    lambda pkg: set_text(para(pkg, "Sơn La, ngày"), "Sơn La, ngày 30 tháng 02 năm 2022")))
add(case("date line without comma", "dia_danh_ngay.format", "Sơn La ngày")(
    lambda pkg: set_text(para(pkg, "Sơn La, ngày"), "Sơn La ngày 22 tháng 12 năm 2021")))
add(case("place name in lower case", "dia_danh_ngay.place", "sơn La")(
    lambda pkg: set_text(para(pkg, "Sơn La, ngày"), "sơn La, ngày 22 tháng 12 năm 2021")))
add(case("date line not italic", "dia_danh_ngay.italic", "Sơn La, ngày")(
    lambda pkg: set_runs(para(pkg, "Sơn La, ngày"), "i", val="0")))

# Title -----------------------------------------------------------------------------------------

add(case("type name not upper-case", "ten_loai.case", "Kế hoạch")(
    lambda pkg: set_text(para(pkg, "KẾ HOẠCH"), "Kế hoạch")))
add(case("type name not centred", "ten_loai.align", "KẾ HOẠCH")(
    lambda pkg: set_ppr(para(pkg, "KẾ HOẠCH"), "jc", val="left")))
add(case("trích yếu not bold", "trich_yeu.bold", "Triển khai")(
    lambda pkg: set_runs(para(pkg, "Triển khai, thực hiện"), "b", val="0")))


def _trich_yeu_upper(pkg: Package) -> None:
    for t in para(pkg, "Triển khai, thực hiện").iter(w("t")):
        t.text = (t.text or "").upper()


add(case("trích yếu in capitals", "trich_yeu.case", "TRIỂN KHAI")(_trich_yeu_upper))
add(case("no rule under trích yếu", "trich_yeu.rule", "Triển khai")(
    lambda pkg: remove_drawing_after(pkg, "Triển khai, thực hiện")))
add(case("checked as a Quyết định", {"ten_loai.text", "so_ky_hieu.type"}, "KẾ HOẠCH|Số:",
         doc_type="quyet-dinh")(lambda pkg: None))

# Body ------------------------------------------------------------------------------------------

add(case("body paragraph not justified", "noi_dung.align", BODY)(
    lambda pkg: set_ppr(para(pkg, BODY), "jc", val="left")))
add(case("first-line indent 2 cm", "noi_dung.indent", BODY)(
    lambda pkg: set_ppr(para(pkg, BODY), "ind", firstLine="1134")))
add(case("no spacing between paragraphs", "noi_dung.spacing", BODY)(
    lambda pkg: set_ppr(para(pkg, BODY), "spacing", before="0", after="0")))
add(case("double line spacing", "noi_dung.line_spacing", BODY)(
    lambda pkg: set_ppr(para(pkg, BODY), "spacing", line="480", lineRule="auto")))
add(case("missing ./.", "noi_dung.closing", CLOSING)(
    lambda pkg: replace_text(para(pkg, CLOSING), "thực hiện./.", "thực hiện.")))
add(case("Mục title in lower case", "muc.case", "I. Mục")(
    lambda pkg: set_text(para(pkg, "I. MỤC"), "I. Mục đích, yêu cầu")))
add(case("Mục title not bold", "muc.bold", "II. NỘI DUNG")(
    lambda pkg: set_runs(para(pkg, "II. NỘI DUNG"), "b", val="0")))


def _point_skipped(pkg: Package) -> None:
    body = para(pkg, BODY)
    for letter in ("a", "b", "e"):
        copy = etree.fromstring(etree.tostring(body))
        set_text(copy, f"{letter}) Điểm {letter} của khoản;")
        body.addprevious(copy)


add(case("điểm e after b", "diem.order", r"e\)")(_point_skipped))

# Nơi nhận and signature ----------------------------------------------------------------------

add(case("recipient without ';'", "noi_nhan.semicolon", "Sở Nội vụ")(
    lambda pkg: set_text(para(pkg, "- Sở Nội vụ"), "- Sở Nội vụ")))
add(case("recipient without dash", "noi_nhan.dash", "Sở Nội vụ")(
    lambda pkg: set_text(para(pkg, "- Sở Nội vụ"), "Sở Nội vụ;")))
add(case("last line not ending '.'", "noi_nhan.last", "Lưu")(
    lambda pkg: set_text(para(pkg, "- Lưu"), "- Lưu: VT, TCHCQT, H01b")))
add(case("recipient 13 pt", "noi_nhan.size", "Sở Nội vụ")(
    lambda pkg: set_runs(para(pkg, "- Sở Nội vụ"), "sz", val="26")))
add(case("Nơi nhận heading not bold-italic",
         {"noi_nhan_tieu_de.bold", "noi_nhan_tieu_de.italic"}, "Nơi nhận")(
    lambda pkg: (set_runs(para(pkg, "Nơi nhận"), "b", val="0"),
                 set_runs(para(pkg, "Nơi nhận"), "i", val="0"))))
add(case("signer name not bold", "chu_ky_ho_ten.bold", "Nguyễn Huy Anh")(
    lambda pkg: set_runs(para(pkg, "Nguyễn Huy Anh"), "b", val="0")))
add(case("signer name in capitals", "chu_ky_ho_ten.case", "NGUYỄN HUY ANH")(
    lambda pkg: set_text(para(pkg, "Nguyễn Huy Anh"), "NGUYỄN HUY ANH")))
add(case("title line not upper-case", "chu_ky_tham_quyen.case", "Chánh văn phòng")(
    lambda pkg: set_text(para(pkg, "CHÁNH VĂN PHÒNG"), "Chánh văn phòng")))
add(case("KT. without the signer's title", "chu_ky.authority", "KT. CHÁNH")(
    lambda pkg: set_text(para(pkg, "CHÁNH VĂN PHÒNG"), "KT. CHÁNH VĂN PHÒNG")))

# Quyết định ------------------------------------------------------------------------------------

add(case("căn cứ not italic", "can_cu.italic", "Căn cứ Luật", base="decision")(
    lambda pkg: set_runs(para(pkg, "Căn cứ Luật"), "i", val="0")))
add(case("căn cứ without ';'", "can_cu.punctuation", "Căn cứ Luật", base="decision")(
    lambda pkg: replace_text(para(pkg, "Căn cứ Luật"), ";", "")))
add(case("issuing authority not bold", "tham_quyen_ban_hanh.bold", "CHÁNH VĂN PHÒNG UBND",
         base="decision")(lambda pkg: set_runs(para(pkg, "CHÁNH VĂN PHÒNG UBND"), "b", val="0")))
add(case("QUYẾT ĐỊNH: not centred", "quyet_dinh.align", "QUYẾT ĐỊNH:", base="decision")(
    lambda pkg: set_ppr(para(pkg, "QUYẾT ĐỊNH:"), "jc", val="both")))
add(case("Điều not bold", "dieu.bold", "Điều 1.", base="decision")(
    lambda pkg: set_runs(para(pkg, "Điều 1."), "b", val="0")))


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
def test_hand_made_rules_pass(name: str, edit: Callable[[Package], None], good: dict[str, Path],
                              tmp_path: Path) -> None:
    pkg = Package(good["plan"])
    edit(pkg)
    report = verify_file(pkg.save(tmp_path / "hand-made.docx"))
    assert report.violations == [], "\n".join(v.line("en") for v in report.violations)
