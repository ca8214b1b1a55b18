"""verify tells the cơ quan chủ quản from the issuing agency's name (ô 2) without relying on bold
alone, round s50d: a chủ quản set bold (Phụ lục I: regular) is reported, with vanthu's styles or
without them (a document made in Word), while an agency name broken over two paragraphs with no
chủ quản is read as one name.

Each document is a starter of a workspace made by `vanthu init`, rendered, then edited with
python-docx as a clerk would in Word.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph as DocxParagraph

from pipeline.verify import verify_file
from pipeline.verify.layout_header import parent_lines
from pipeline.verify.model import Paragraph, Run
from pipeline.verify.report import Location
from tests.test_verify_header_s49 import edited

PARENT_STYLE = "CoQuanChuQuan"
AGENCY_STYLE = "CoQuanBanHanh"
WORKSPACES = {
    "phong": ["--chu-quan", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", "--co-quan", "PHÒNG NỘI VỤ",
              "--viet-tat", "PNV", "--nguoi-ky", "Nguyễn Văn A"],
    "so-nganh": ["--chu-quan", "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "--co-quan",
                 "SỞ NÔNG NGHIỆP VÀ | PHÁT TRIỂN NÔNG THÔN", "--viet-tat", "SNN",
                 "--nguoi-ky", "Nguyễn Văn A"],
    "ubnd-tinh": ["--dia-danh", "Sơn La", "--nguoi-ky", "Nguyễn Văn A"],
}  # fmt: skip


def _run(cli: click.Group, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", "vi", *args])
    assert result.exit_code == 0, result.output


def rendered_starters(
    root: Path, workspaces: dict[str, tuple[str, ...]], kind: str
) -> dict[str, Path]:
    """The `kind` starter (`vanthu new KIND`) of an office inited in `root` for each preset of
    `workspaces` (its init options), rendered to root/<preset>.docx."""
    from pipeline.cli import main

    out = {}
    for preset, options in workspaces.items():
        folder = root / preset
        _run(main, "init", str(folder), "--kieu", preset, *options)
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(folder)
            _run(main, "new", kind, "-o", "starter.yaml")
            _run(main, "render", "starter.yaml", "-o", str(root / f"{preset}.docx"))
        out[preset] = root / f"{preset}.docx"
    return out


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Công văn starter of a phòng under a UBND huyện, a sở under a UBND tỉnh (its name on
    two lines) and a UBND tỉnh (no chủ quản), rendered."""
    return rendered_starters(tmp_path_factory.mktemp("s50d-agency"), WORKSPACES, "cong-van")


def header_paragraphs(doc: DocxDocument) -> list[DocxParagraph]:
    return [p for cell in doc.tables[0]._cells for p in cell.paragraphs]


def styled(doc: DocxDocument, style: str) -> DocxParagraph:
    return next(p for p in header_paragraphs(doc) if p.style.name == style)


def bold_parent(doc: DocxDocument) -> None:
    """The tester's edit: every run of the chủ quản's paragraph set bold."""
    for run in styled(doc, PARENT_STYLE).runs:
        run.font.bold = True


def without_styles(doc: DocxDocument) -> None:
    """The agency lines as a document made in Word has them: Normal style, formatting direct."""
    for p in header_paragraphs(doc):
        if p.style.name not in (PARENT_STYLE, AGENCY_STYLE):
            continue
        font = p.style.font
        for run in p.runs:
            run.font.bold = run.font.bold if run.font.bold is not None else font.bold
            run.font.size = run.font.size or font.size
        p.paragraph_format.alignment = 1  # centred, as the style had it
        p.style = doc.styles["Normal"]


def split_lines(style: str) -> Callable[[DocxDocument], None]:
    """An edit breaking the paragraph of `style` into one paragraph per line, as a clerk types
    a long name in Word (Enter, not Shift+Enter)."""

    def edit(doc: DocxDocument) -> None:
        p = styled(doc, style)
        lines = p.text.split("\n")
        assert len(lines) == 2, lines
        second = copy.deepcopy(p._p)
        p._p.addnext(second)
        for paragraph, line in ((p, lines[0]), (DocxParagraph(second, p._parent), lines[1])):
            runs = paragraph.runs
            runs[0].text = line
            for run in runs[1:]:
                run.text = ""

    return edit


def rules(path: Path) -> list[str]:
    return [v.rule for v in verify_file(path).violations]


def test_starters_pass(letters: dict[str, Path]) -> None:
    for path in letters.values():
        assert rules(path) == [], path.name


@pytest.mark.parametrize("plain", [False, True], ids=["vanthu styles", "made in Word"])
def test_bold_parent_is_reported(letters: dict[str, Path], tmp_path: Path, plain: bool) -> None:
    """The tester's reproduction: «ỦY BAN NHÂN DÂN / HUYỆN MAI SƠN» set bold was read as part of
    the agency's name and passed; it is the chủ quản, which Phụ lục I sets regular."""

    def edit(doc: DocxDocument) -> None:
        bold_parent(doc)
        if plain:
            without_styles(doc)

    report = verify_file(edited(letters["phong"], tmp_path, edit))
    assert [v.rule for v in report.violations] == ["co_quan_chu_quan.bold"], [
        v.line("vi") for v in report.violations
    ]
    where = report.violations[0].where
    assert (where.table, where.paragraph) == (1, 1)
    assert "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN" in where.excerpt


def test_bold_parent_over_two_lines_is_reported(letters: dict[str, Path], tmp_path: Path) -> None:
    """A chủ quản typed on two paragraphs in Word, bold, over an agency name on two paragraphs:
    both of its lines are reported, the agency's are not."""

    def edit(doc: DocxDocument) -> None:
        bold_parent(doc)
        split_lines(PARENT_STYLE)(doc)
        split_lines(AGENCY_STYLE)(doc)
        without_styles(doc)

    assert rules(edited(letters["so-nganh"], tmp_path, edit)) == ["co_quan_chu_quan.bold"] * 2


@pytest.mark.parametrize("plain", [False, True], ids=["vanthu styles", "made in Word"])
def test_agency_name_on_two_paragraphs_passes(
    letters: dict[str, Path], tmp_path: Path, plain: bool
) -> None:
    """No false chủ quản: «ỦY BAN NHÂN DÂN» / «TỈNH SƠN LA», both bold, is one agency's name;
    so is «SỞ NÔNG NGHIỆP VÀ» / «PHÁT TRIỂN NÔNG THÔN» under its (regular) chủ quản."""
    for kind in ("ubnd-tinh", "so-nganh"):

        def edit(doc: DocxDocument) -> None:
            split_lines(AGENCY_STYLE)(doc)
            if plain:
                without_styles(doc)

        assert rules(edited(letters[kind], tmp_path, edit)) == [], kind


def _paragraph(text: str, bold: bool) -> Paragraph:
    run = Run(text, 13, bold, False, False, "Times New Roman", "Times New Roman", None, None)
    return Paragraph(0, Location("paragraph", paragraph=1), None, [run], {}, [], [], 1, None)


@pytest.mark.parametrize(
    ("lines", "parent"),
    [
        (["ỦY BAN NHÂN DÂN\nHUYỆN MAI SƠN", "PHÒNG NỘI VỤ"], 1),
        (["ỦY BAN NHÂN DÂN", "HUYỆN MAI SƠN", "PHÒNG NỘI VỤ"], 2),
        (["UBND TỈNH SƠN LA", "SỞ Y TẾ"], 1),
        (["BỘ NỘI VỤ", "VỤ TỔ CHỨC CÁN BỘ"], 1),
        (["TỈNH ỦY SƠN LA", "BAN TUYÊN GIÁO"], 1),
        (["UỶ BAN NHÂN DÂN TỈNH SƠN LA", "VĂN PHÒNG"], 1),
        (["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"], 0),
        (["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"], 0),
        (["HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG"], 0),
        (["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"], 0),
        (["BAN CHỈ ĐẠO", "PHÒNG CHỐNG THIÊN TAI"], 0),
        (["TRUNG TÂM PHÁT TRIỂN", "QUỸ ĐẤT TỈNH"], 0),
        (["TRƯỜNG TRUNG HỌC CƠ", "SỞ CHIỀNG MUNG"], 0),
        (["TRƯỜNG", "ĐẠI HỌC TÂY BẮC"], 0),
        (["TRUNG TÂM Y TẾ", "HUYỆN MAI SƠN"], 0),
        (["CÔNG AN", "TỈNH SƠN LA"], 0),
    ],
)
def test_all_bold_lines_read_by_their_names(lines: list[str], parent: int) -> None:
    """Lines all bold (no style, no weight to tell them): the chủ quản is a whole name of a body,
    the agency's line under it opens a name of its own; a name broken between lines is one."""
    assert parent_lines([_paragraph(line, True) for line in lines]) == parent


@pytest.mark.parametrize(
    ("lines", "weights", "parent"),
    [
        (["ỦY BAN NHÂN DÂN", "HUYỆN MAI SƠN", "PHÒNG NỘI VỤ"], [False, False, True], 2),
        (["BỘ Y TẾ", "VĂN PHÒNG BỘ"], [False, True], 1),
        (["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"], [False, True], 0),
    ],
)
def test_regular_lines_over_bold_ones(lines: list[str], weights: list[bool], parent: int) -> None:
    """Regular lines over bold ones are the chủ quản, all of them, unless the name goes on."""
    texts = [_paragraph(line, bold) for line, bold in zip(lines, weights, strict=True)]
    assert parent_lines(texts) == parent
