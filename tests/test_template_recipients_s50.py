"""templates check says the Nơi nhận rules verify says of every document (session 50): a "+ "
line outside a group, and a Quyết định's Nơi nhận that does not address its executors, where the
template's fixed text decides them; never of a line the data prints."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.cli import main
from pipeline.render.builtin import builtin_templates
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools import check
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file

BLOCK = "khoi/ky-ten"
LINE = "- {{ nguoi_nhan }};"
ARTICLES = (
    "Điều 1. Điều động ông Nguyễn Văn B đến công tác tại Sở Nội vụ.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và ông Nguyễn Văn B chịu trách "
    "nhiệm thi hành Quyết định này.",
)


def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace in tmp_path with an empty mau/ (the working folder)."""
    (tmp_path / "vanthu.yaml").write_text("du_lieu: inputs\n", encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    (tmp_path / "mau" / "khoi").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "mau"


def block_with(folder: Path, old: str, new: str, occurrence: int = 1) -> Path:
    """The office's khoi/ky-ten: vanthu's own with the `occurrence`th `old` made `new`."""
    target = folder / f"{BLOCK}.docx"
    with zipfile.ZipFile(builtin_templates() / f"{BLOCK}.docx") as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:  # fmt: skip
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                parts = data.split(old.encode())
                assert len(parts) > occurrence
                data = old.encode().join(parts[:occurrence]) + new.encode() + \
                    old.encode().join(parts[occurrence:])  # fmt: skip
            copy.writestr(item, data)
    return target


def block_lines(folder: Path, lines: list[str]) -> Path:
    """The office's khoi/ky-ten with `lines` (NoiNhan style) right under its first heading."""
    doc = Document(str(builtin_templates() / f"{BLOCK}.docx"))
    cell = doc.tables[0].rows[0].cells[0]
    heading = cell.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    for line in reversed(lines):
        paragraph = cell.add_paragraph(line, style=doc.styles["NoiNhan"])
        heading._p.addnext(paragraph._p)
    target = folder / f"{BLOCK}.docx"
    doc.save(str(target))
    return target


def own_signature_table(doc: Any, recipients: list[str]) -> Any:
    """In template `doc` (python-docx), its own signature table, Nơi nhận `recipients`, in
    place of its include of khoi/ky-ten; the table."""
    include = next(p for p in doc.paragraphs if 'include "khoi/ky-ten"' in p.text)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.paragraphs[0].style = doc.styles["NoiNhanTieuDe"]
    for line in recipients:
        left.add_paragraph(line, style=doc.styles["NoiNhan"])
    right.paragraphs[0].text = "KT. CHÁNH VĂN PHÒNG"
    right.paragraphs[0].style = doc.styles["ChuKyThamQuyen"]
    right.add_paragraph("PHÓ CHÁNH VĂN PHÒNG", style=doc.styles["ChuKyThamQuyen"])
    for _ in range(4):
        right.add_paragraph("", style=doc.styles["ChuKyThamQuyen"])
    right.add_paragraph("{{ chu_ky.ho_ten }}", style=doc.styles["ChuKyHoTen"])
    include._p.addprevious(table._tbl)
    include._p.getparent().remove(include._p)
    return table


def decision(folder: Path, recipients: list[str], articles: tuple[str, ...] = ()) -> Path:
    """The office's quyet-dinh.docx printing its own signature table, Nơi nhận `recipients`
    in place of khoi/ky-ten; with `articles`, those written in place of everything above the
    label's articles (the header and căn cứ included: no tag before Nơi nhận)."""
    target = folder / "quyet-dinh.docx"
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(builtin_templates() / "quyet-dinh.docx"))
    table = own_signature_table(doc, recipients)
    if articles:
        label = next(p for p in doc.paragraphs if p.text == "QUYẾT ĐỊNH:")
        above = list(table._tbl.itersiblings(preceding=True))
        for element in above:
            if element is not label._p and element.tag.endswith("}p"):
                element.getparent().remove(element)
        for text in reversed(articles):
            label._p.addnext(doc.add_paragraph(text, style=doc.styles["NoiDung"])._p)
    doc.save(str(target))
    return target


def rules_of(folder: Path, name: str) -> list[tuple[str, str]]:
    """(rule, place) of each verify rule templates check says of template `name`."""
    report = check_templates(TemplateLibrary(folder), [name])
    return [(p.params.get("rule", p.key), p.where) for p in report.problems]


# 1. "+ " outside a group


def test_a_plus_mark_typed_before_the_recipients_tag_fails_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"+ {{ nguoi_nhan }};": every document prints its first recipient outside a group, as
    verify then says of it (noi_nhan.dash); check says it of the line, in verify's words."""
    block_with(office(tmp_path, monkeypatch), LINE, "+ {{ nguoi_nhan }};", 1)
    result = CliRunner().invoke(main, ["--lang", "vi", "templates", "check", BLOCK])
    assert result.exit_code == 1, result.output
    said = [line for line in result.output.splitlines() if "[noi_nhan.dash]" in line]
    assert said == [
        "khoi/ky-ten.docx, bảng 1, hàng 1, ô 1, đoạn 3 «+ {{ nguoi_nhan }};»: [noi_nhan.dash] "
        'Nơi nhận bắt đầu bằng "- ": thấy dòng bắt đầu «+ {{ nguoi_nhan }};»; cần dòng bắt '
        'đầu bằng "- " ("+ " chỉ cho các nơi của một nhóm, dưới dòng "- ...:" mở nhóm)'
    ], result.output


def test_the_second_recipients_of_the_block_are_checked_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """khoi/ky-ten's Nơi nhận under a Biên bản's two signatures (its fifth recipients line)."""
    block_with(office(tmp_path, monkeypatch), LINE, "+ {{ nguoi_nhan }};", 5)
    assert ("noi_nhan.dash", "đoạn 11 «+ {{ nguoi_nhan }};»") in rules_of(
        tmp_path / "mau", BLOCK
    )


def test_a_fixed_plus_line_at_the_top_fails_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    block_lines(office(tmp_path, monkeypatch), ["+ Sở Nội vụ;"])
    said = [r for r in rules_of(tmp_path / "mau", BLOCK) if r[0] == "noi_nhan.dash"]
    assert said == [("noi_nhan.dash", "bảng 1, hàng 1, ô 1, đoạn 2 «+ Sở Nội vụ;»")]


@pytest.mark.parametrize(
    "lines",
    [
        ["- {{ nhom }}:", "+ Phòng Nội vụ;"],  # the group is opened by the data's line
        ["- {{ nhom }}", "+ Phòng Nội vụ;"],  # ":" may be the data's
        ["{%p if nhom %}", "- UBND huyện Mai Sơn:", "{%p endif %}", "+ Phòng Nội vụ;"],
        # printed from the second pass of the loop on, after the line opening a group
        ["{%p for x in nhom %}", "{%p if not loop.first %}", "+ {{ x }};", "{%p endif %}",
         "- UBND huyện {{ x }}:", "{%p endfor %}"],
        ['{%p include "khoi/nhom" %}', "+ Phòng Nội vụ;"],
    ],
)  # fmt: skip
def test_a_plus_line_the_data_may_put_in_a_group_is_no_fault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines: list[str]
) -> None:
    block_lines(office(tmp_path, monkeypatch), lines)
    path = tmp_path / "mau" / f"{BLOCK}.docx"
    said = [r for r in rules_of(tmp_path / "mau", BLOCK) if r[0] == "noi_nhan.dash"]
    assert said == []
    assert "noi_nhan.dash" not in verify_file(path, template=True).rules


def test_the_shipped_templates_pass_check(tmp_path: Path) -> None:
    report = check_templates(TemplateLibrary(tmp_path))
    assert report.ok, [(p.template, p.where, p.key, p.params) for p in report.problems]


# 2. A Quyết định's executors


@pytest.mark.parametrize(
    "recipients",
    [["- {{ luu }}"], ["- Như trên;", "- {{ luu }}"], ["- Lưu: VT, TH."]],
)
def test_a_decision_whose_recipients_cannot_address_its_executors_fails_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recipients: list[str]
) -> None:
    decision(office(tmp_path, monkeypatch), recipients)
    said = rules_of(tmp_path / "mau", "quyet-dinh")
    assert ("noi_nhan.nhu_dieu", "bảng 1, hàng 1, ô 1, đoạn 1 «Nơi nhận:»") in said, said


@pytest.mark.parametrize(
    "recipients",
    [
        ["- Như Điều 3;", "- {{ luu }}"],
        ["{%p if noi_nhan %}", "- Như các Điều 2, 3;", "{%p endif %}", "- {{ luu }}"],
        ["{%p for nguoi_nhan in noi_nhan %}", LINE, "{%p endfor %}", "- {{ luu }}"],
        # an article printed by khoi/dieu may name it
        ["- Giám đốc Sở Nội vụ;", "- {{ luu }}"],
        ["{%p if x %}", "- Như trên;", "{%p endif %}", "- Sở Nội vụ tỉnh Sơn La;", "- {{ luu }}"],
    ],
)  # fmt: skip
def test_a_decision_whose_recipients_may_address_its_executors_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recipients: list[str]
) -> None:
    decision(office(tmp_path, monkeypatch), recipients)
    assert "noi_nhan.nhu_dieu" not in [r for r, _ in rules_of(tmp_path / "mau", "quyet-dinh")]


def test_the_decisions_own_articles_decide_its_first_recipient(tmp_path: Path) -> None:
    """Articles in fixed text: the first recipient is an executor when its article names it."""
    named = decision(tmp_path / "a", ["- Giám đốc Sở Nội vụ;", "- {{ luu }}"], ARTICLES)
    other = decision(tmp_path / "b", ["- Giám đốc Sở Tài chính;", "- {{ luu }}"], ARTICLES)
    assert "noi_nhan.nhu_dieu" not in verify_file(named, template=True).rules
    found = [v for v in verify_file(other, template=True).violations
             if v.rule == "noi_nhan.nhu_dieu"]  # fmt: skip
    assert len(found) == 1 and "Như Điều 3" in found[0].expected.render("vi")


# 3. One WordprocessingML namespace


def test_check_names_wordprocessingml_through_the_shared_module() -> None:
    source = Path(check.__file__).read_text(encoding="utf-8")
    assert "schemas.openxmlformats.org/wordprocessingml" not in source
    assert not hasattr(check, "_W")
