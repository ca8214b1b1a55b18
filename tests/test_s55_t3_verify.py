"""verify and what the data and the profile asked for (s55 T3).

The italic a clerk typed as emphasis (*...*) in the trích yếu of a part printed after the
document (the Quy chế or Kế hoạch a decision issues, a Tờ trình's draft decision) is accepted
as it is in the document's own trích yếu; italic set there otherwise is reported; and in an
output built outside its workspace (`vanthu build -o`), whose data file verify cannot find, the
violation says the allowance could not be checked. The header lines (ô 2) are compared with
the office's profile the manifest records: a line that lost or gained words is reported,
naming the profile's line and the printed one; without a known profile nothing is said."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document as WordDocument

from pipeline.render import builtin
from pipeline.verify import Report, verify_file
from pipeline.verify.recorded_output import recorded_data, recorded_profile
from tests.test_emphasis_and_breaks_s54 import edit, render

REGULATION_DECISION = Path("inputs/2024/qd-ban-hanh-quy-che-hoi-dong.yaml")
REGULATION = Path("inputs/2024/kem-theo/quy-che-hoi-dong-tdkt.yaml")
REGULATION_OUT = Path("outputs/2024/qd-ban-hanh-quy-che-hoi-dong.docx")
REGULATION_SUBJECT = "trich_yeu: Hoạt động của Hội đồng Thi đua - Khen thưởng huyện Mai Sơn"
PLAN_DECISION = Path("inputs/2022/qd-ban-hanh-ke-hoach.yaml")
PLAN = Path("inputs/2022/ke-hoach-tdkt.yaml")
PLAN_OUT = Path("outputs/2022/qd-ban-hanh-ke-hoach.docx")
SUBMISSION = Path("inputs/2024/to-trinh-kem-du-thao.yaml")
DRAFT = Path("inputs/2024/kem-theo/du-thao-qd-bang-khen.yaml")
SUBMISSION_OUT = Path("outputs/2024/to-trinh-kem-du-thao.docx")
LETTER = Path("inputs/2024/cv-don-doc-bao-cao-tdkt.yaml")
LETTER_OUT = Path("outputs/2024/cv-don-doc-bao-cao-tdkt.docx")
PROFILE = Path("inputs/co-quan/van-phong-ubnd-son-la.yaml")
JOBS = 2


def build(cli: click.Group, inputs: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(inputs), "-o", str(out), "-j", str(JOBS)])
    assert result.exit_code == 0, result.output


def rules(report: Report, ending: str) -> set[str]:
    return {rule for rule in report.rules if rule.endswith(ending)}


def lines(report: Report, rule: str) -> list[str]:
    return [v.line() for v in report.violations if v.rule == rule]


def emphasise_attached_titles() -> None:
    """Type a phrase of each attached part's trích yếu as emphasis."""
    phrase = "Hội đồng Thi đua - Khen thưởng"
    edit(REGULATION, REGULATION_SUBJECT, REGULATION_SUBJECT.replace(phrase, f"*{phrase}*"))
    edit(
        PLAN,
        "  Triển khai, thực hiện công tác thi đua, khen thưởng năm",
        "  Triển khai, thực hiện công tác *thi đua, khen thưởng* năm",
    )
    edit(DRAFT, "trich_yeu: Về việc tặng Bằng khen", "trich_yeu: Về việc tặng *Bằng khen*")


@pytest.fixture()
def emphasised(example_here: Path, cli: click.Group) -> Path:
    """The example workspace whose decisions and Tờ trình attach parts with a phrase of their
    trích yếu typed in italic, rendered (outputs and manifests)."""
    emphasise_attached_titles()
    render(cli, REGULATION_DECISION, PLAN_DECISION, SUBMISSION)
    return example_here


def attached_title(docx: Path, opening: str) -> str:
    """The italic characters of the paragraph opening with `opening` (spaces aside)."""
    doc = WordDocument(str(docx))
    title = next(p for p in doc.paragraphs if p.text.startswith(opening))
    return "".join("".join(r.text for r in title.runs if r.italic).split())


# Italic typed in an attached part's trích yếu ----------------------------------------------------


def test_italic_typed_in_an_attached_title_is_no_violation(emphasised: Path) -> None:
    # The phrases print in italic in the parts printed after each document ...
    assert attached_title(REGULATION_OUT, "Hoạt động của") == "HộiđồngThiđua-Khenthưởng"
    assert attached_title(PLAN_OUT, "Triển khai, thực hiện") == "thiđua,khenthưởng"
    assert attached_title(SUBMISSION_OUT, "Về việc tặng") == "Bằngkhen"
    # ... as the data asked: no violation.
    for docx in (REGULATION_OUT, PLAN_OUT, SUBMISSION_OUT):
        report = verify_file(docx)
        assert rules(report, ".italic") == set(), report.format_text()


def test_italic_set_by_hand_in_an_attached_title_is_reported(emphasised: Path) -> None:
    doc = WordDocument(str(REGULATION_OUT))
    title = next(p for p in doc.paragraphs if p.text.startswith("Hoạt động của"))
    for run in title.runs:  # the whole title italic: more than the data asked for
        run.italic = True
    doc.save(str(REGULATION_OUT))
    report = verify_file(REGULATION_OUT)
    assert rules(report, ".italic") == {"trich_yeu.italic"}
    assert "Hoạt động của" in lines(report, "trich_yeu.italic")[0]


def test_italic_in_an_attached_title_without_its_data_is_reported(
    emphasised: Path, tmp_path: Path
) -> None:
    # No manifest beside the copy: nothing says the data asked for it.
    alone = tmp_path / "elsewhere" / "qd.docx"
    alone.parent.mkdir()
    shutil.copy(REGULATION_OUT, alone)
    assert rules(verify_file(alone), ".italic") == {"trich_yeu.italic"}
    # The Quy chế no longer asks for it (its file changed since): not what the output printed.
    edit(REGULATION, "*Hội đồng Thi đua - Khen thưởng*", "Hội đồng Thi đua - Khen thưởng")
    assert rules(verify_file(REGULATION_OUT), ".italic") == {"trich_yeu.italic"}
    assert rules(verify_file(SUBMISSION_OUT), ".italic") == set()  # its draft still as typed


# An output built outside its workspace ----------------------------------------------------------


@pytest.fixture()
def built_elsewhere(
    example_here: Path, cli: click.Group, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """2024's documents, italic typed in the Công văn's V/v and in the Quy chế's trích yếu,
    built into a folder outside the workspace: its manifests name the data files relative to
    a workspace verify cannot find from there."""
    emphasise_attached_titles()
    edit(
        LETTER,
        "trich_yeu: Đôn đốc gửi báo cáo tổng kết",
        "trich_yeu: Đôn đốc gửi *báo cáo tổng kết*",
    )
    out = tmp_path_factory.mktemp("ngoai-thu-muc")  # the workspace is tmp_path
    build(cli, example_here / "inputs" / "2024", out)
    return out


def test_an_output_built_outside_its_workspace_says_the_italic_was_not_checked(
    built_elsewhere: Path,
) -> None:
    decision = built_elsewhere / "2024" / REGULATION_OUT.name
    letter = built_elsewhere / "2024" / LETTER_OUT.name
    recorded = recorded_data(decision)
    assert recorded is not None and recorded.missing and recorded.name == str(REGULATION_DECISION)
    report = verify_file(decision)
    assert rules(report, ".italic") == {"trich_yeu.italic"}
    [line] = lines(report, "trich_yeu.italic")
    assert "không kiểm được" in line and f"«{REGULATION_DECISION}»" in line, line
    [line] = lines(verify_file(letter), "trich_yeu_cong_van.italic")
    assert "không kiểm được" in line and f"«{LETTER}»" in line, line
    english = verify_file(letter).violations[0].line("en")
    assert "could not be checked" in english


def test_a_data_file_recorded_by_absolute_path_is_read(
    built_elsewhere: Path, example_here: Path
) -> None:
    manifest = built_elsewhere / "2024" / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    for name in (str(REGULATION_DECISION), str(LETTER)):
        absolute = (example_here / name).resolve().as_posix()
        entry = data["documents"].pop(name)
        entry["inputs"][absolute] = entry["inputs"].pop(name)
        data["documents"][absolute] = entry
    manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    for docx in (REGULATION_OUT, LETTER_OUT):
        report = verify_file(built_elsewhere / "2024" / docx.name)
        assert rules(report, ".italic") == set(), report.format_text()


# Header lines against the office's profile ------------------------------------------------------


def test_the_outputs_of_the_example_print_their_profiles_header(
    example_here: Path, cli: click.Group
) -> None:
    # A chủ quản broken with a '|' prints in two lines: the renderer's breaking is the expected.
    edit(
        PROFILE,
        "co_quan_chu_quan: UBND TỈNH SƠN LA",
        "co_quan_chu_quan: Ủy ban nhân dân | tỉnh Sơn La",
    )
    render(cli, LETTER, REGULATION_DECISION, Path("inputs/2024/qd-bang-khen-ubnd-tinh.yaml"))
    assert recorded_profile(LETTER_OUT) is not None
    for docx in (LETTER_OUT, REGULATION_OUT, Path("outputs/2024/qd-bang-khen-ubnd-tinh.docx")):
        report = verify_file(docx)
        assert rules(report, ".profile") == set(), report.format_text()


def test_a_stale_output_is_told_from_its_profile(example_here: Path, cli: click.Group) -> None:
    render(cli, LETTER)
    edit(PROFILE, "ten_co_quan: VĂN PHÒNG ", "ten_co_quan: VĂN PHÒNG ỦY BAN NHÂN DÂN ")
    report = verify_file(LETTER_OUT)
    assert rules(report, ".profile") == {"co_quan.profile"}
    [line] = lines(report, "co_quan.profile")
    assert "thấy «VĂN PHÒNG»" in line and "cần «VĂN PHÒNG ỦY BAN NHÂN DÂN»" in line, line
    assert "ten_co_quan" in line and str(PROFILE) in line
    # A line the profile no longer has.
    edit(PROFILE, "co_quan_chu_quan: UBND TỈNH SƠN LA", "# co_quan_chu_quan: UBND TỈNH SƠN LA")
    report = verify_file(LETTER_OUT)
    [line] = lines(report, "co_quan_chu_quan.profile")
    assert "thấy «UBND TỈNH SƠN LA»" in line and "không có dòng này" in line, line
    assert "tên cơ quan là «VĂN PHÒNG ỦY BAN NHÂN DÂN»" in line, line


def test_a_name_typed_into_the_template_is_told_from_the_profile(
    example_here: Path, cli: click.Group
) -> None:
    """A maintainer who typed "ỦY BAN NHÂN DÂN" before the chủ quản's tag of the header block."""
    own = example_here / "mau" / "khoi" / "dau-trang.docx"
    own.parent.mkdir(parents=True)
    with (
        zipfile.ZipFile(builtin.builtin_templates() / "khoi" / "dau-trang.docx") as block,
        zipfile.ZipFile(own, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for item in block.infolist():
            data = block.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                tag = "{{ co_quan_chu_quan }}"
                assert text.count(tag) == 1
                data = text.replace(tag, f"ỦY BAN NHÂN DÂN {tag}").encode("utf-8")
            copy.writestr(item, data)
    render(cli, LETTER)
    report = verify_file(LETTER_OUT)
    [line] = lines(report, "co_quan_chu_quan.profile")
    assert "thấy «ỦY BAN NHÂN DÂN UBND TỈNH SƠN LA»" in line, line
    assert "cần «UBND TỈNH SƠN LA»" in line and "{{ co_quan_chu_quan }}" in line, line
    assert "co_quan.profile" not in report.rules


def test_an_output_without_a_known_workspace_gets_no_header_check(
    example_here: Path, cli: click.Group, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("ngoai-thu-muc")  # the workspace is tmp_path
    build(cli, example_here / "inputs" / "2024", out)
    render(cli, LETTER)
    alone = tmp_path_factory.mktemp("rieng") / "cv.docx"
    shutil.copy(LETTER_OUT, alone)
    edit(PROFILE, "ten_co_quan: VĂN PHÒNG ", "ten_co_quan: VĂN PHÒNG ỦY BAN NHÂN DÂN ")
    assert recorded_profile(out / "2024" / LETTER_OUT.name) is None
    assert "co_quan.profile" in verify_file(LETTER_OUT).rules  # in its workspace: told
    for docx in (out / "2024" / LETTER_OUT.name, alone):
        assert rules(verify_file(docx), ".profile") == set()
