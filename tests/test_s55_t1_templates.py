"""`templates check`'s quoted findings, the agency lines it measures a header by, and the
report's change words (session 55, T1).

1: verify's line that tpl.example_fault and tpl.layout quote was kept as text in the language of
   the check: the problem said in another (Phrase.describe, as a render error is) quoted it in
   Vietnamese. It is said in the language the problem is shown in.
2: the example documents a narrowed header column was measured with were vanthu's starters for
   the shipped sample office (UBND TỈNH SƠN LA / SỞ NỘI VỤ), whatever the office's own agency
   lines: a long name of the office's was not said, short ones were blamed for the sample's. The
   starters are the office's own (its profile, the one vanthu.yaml names), the sample's only
   where it has none.
3: an empty bao_cao_tang, bao_cao_giam, bao_cao_khong_doi or bao_cao_moi printed a blank "Tăng,
   giảm" cell and dropped the report's clause naming the change, with the figures in it, without
   a word; each is refused where it is typed, as an empty table heading is.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from pipeline.api import example_contexts
from pipeline.cli import main
from pipeline.i18n import t
from pipeline.phrase import Phrase
from pipeline.render.compose import TemplateLibrary
from pipeline.rules.phrases import CHANGE_PHRASES, default_phrases, empty_required
from pipeline.template_tools.check import Problem, check_templates
from pipeline.template_tools.examples import office_profile
from pipeline.workspace import Workspace
from tests.test_template_round2 import office_copy

HEADER = "khoi/dau-trang"
SAMPLE_LINE = "UBND TỈNH SƠN LA"  # the shipped sample office's cơ quan chủ quản
REPORT = Path("inputs") / "2022" / "bao-cao-tong-ket.yaml"


def vanthu(*args: str, lang: str = "vi") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, *args])


def said(result: Result) -> str:
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


def narrow_header(path: Path, left: int, right: int) -> None:
    """The header table of khoi/dau-trang at `path` given fixed widths (Word's Table Properties)."""
    document = docx.Document(str(path))
    table = document.tables[0]._tbl
    for n, column in enumerate(table.tblGrid.findall(qn("w:gridCol"))):
        column.set(qn("w:w"), str(left if n == 0 else right))
    for n, width in enumerate(table.iter(qn("w:tcW"))):
        width.set(qn("w:w"), str(left if n % 2 == 0 else right))
    document.save(str(path))


def _problems(tmp_path: Path, names: list[str]) -> list[Problem]:
    library = TemplateLibrary(tmp_path / "mau")
    return check_templates(library, names, example_contexts(library)).problems


def _in_english(problem: Problem) -> str:
    return Phrase(problem.key, **problem.params).describe("en")


# --- 1: verify's quoted line in the language the problem is shown in ----------------------------


def test_an_example_fault_quotes_verify_in_the_language_it_is_shown_in(tmp_path: Path) -> None:
    narrow_header(office_copy(tmp_path, HEADER), 2000, 7353)
    (fault,) = [p for p in _problems(tmp_path, [HEADER]) if p.key == "tpl.example_fault"]
    english = _in_english(fault)
    assert "[co_quan.wraps] " + t("verify.rule.co_quan.wraps", lang="en") in english, english
    assert t("verify.rule.co_quan.wraps", lang="vi") not in english, english
    assert english.startswith("the example document rendered with this template")
    # As text, in the language of the check (the command prints it so).
    assert t("verify.rule.co_quan.wraps", lang="vi") in str(fault.params["line"])
    assert f"«{SAMPLE_LINE}»" in english


def test_a_layout_fault_quotes_verify_in_the_language_it_is_shown_in(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "quyet-dinh")
    document = docx.Document(str(path))
    title = next(p for p in document.paragraphs if "{{ ten_loai }}" in p.text)
    title.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.save(str(path))
    (fault,) = [p for p in _problems(tmp_path, ["quyet-dinh"]) if p.key == "tpl.layout"]
    assert fault.params["rule"] == "ten_loai.align"
    english = _in_english(fault)
    assert t("verify.rule.ten_loai.align", lang="en") in english, english
    assert t("verify.rule.ten_loai.align", lang="vi") not in english, english
    assert t("verify.rule.ten_loai.align", lang="vi") in str(fault.params["line"])


# --- 2: the header measured with the office's own agency lines ----------------------------------


def office(
    root: Path, monkeypatch: pytest.MonkeyPatch, lines: tuple[str, str] | None,
    widths: tuple[int, int],
) -> Path:  # fmt: skip
    """A workspace in `root` (the working folder) with no document, its profile printing `lines`
    (cơ quan chủ quản, ban hành; None: no profile), its khoi/dau-trang narrowed to `widths`."""
    (root / "inputs" / "co-quan").mkdir(parents=True)
    (root / "vanthu.yaml").write_text("ten: Sở Thử tỉnh Sơn La\n", "utf-8")
    if lines is not None:
        (root / "inputs" / "co-quan" / "so-thu.yaml").write_text(
            profile_text("Sở Thử tỉnh Sơn La", *lines), "utf-8"
        )
    copy = root / "mau" / f"{HEADER}.docx"
    copy.parent.mkdir(parents=True)
    copy.write_bytes((TemplateLibrary([]).builtin / f"{HEADER}.docx").read_bytes())
    narrow_header(copy, *widths)
    monkeypatch.chdir(root)
    return root


def profile_text(name: str, chief: str, agency: str, signer: bool = True) -> str:
    text = (
        f"co_quan_chu_quan: {chief}\nten_co_quan: {agency}\nten_day_du: {name}\n"
        "viet_tat: ST\ndia_danh: Sơn La\ndon_vi:\n  VP:\n    ten: Văn phòng Sở\n"
    )
    return text + ("nguoi_ky:\n  giam-doc:\n    ho_ten: Lê Văn B\n    chuc_vu: Giám đốc\n"
                   if signer else "")  # fmt: skip


def test_a_long_agency_name_of_the_office_s_own_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 3500 twips hold the sample office's lines, not this one (about 4600 bold at 13 pt).
    office(tmp_path, monkeypatch, ("UBND TỈNH SƠN LA", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"), (3500, 5853))
    result = vanthu("templates", "check", HEADER)
    out = said(result)
    assert result.exit_code == 1, out
    assert "[co_quan.wraps]" in out and "«SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG»" in out, out
    assert "1 mẫu, 1 lỗi, 1 cảnh báo" in out, out


def test_the_office_s_short_names_are_not_blamed_for_the_sample_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2200 twips hold "UBND TỈNH" and "SỞ Y TẾ", not the sample's "UBND TỈNH SƠN LA".
    office(tmp_path, monkeypatch, ("UBND TỈNH", "SỞ Y TẾ"), (2200, 7153))
    result = vanthu("templates", "check", HEADER, "quyet-dinh")
    out = said(result)
    assert result.exit_code == 0, out
    assert "co_quan.wraps" not in out and SAMPLE_LINE not in out, out


def test_an_office_without_a_profile_is_measured_with_the_sample_s_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office(tmp_path, monkeypatch, None, (2200, 7153))
    result = vanthu("templates", "check", HEADER)
    out = said(result)
    assert result.exit_code == 1, out
    assert "[co_quan.wraps]" in out and f"«{SAMPLE_LINE}»" in out, out


def test_the_office_s_profile_is_the_one_vanthu_yaml_names(tmp_path: Path) -> None:
    agencies = tmp_path / "inputs" / "co-quan"
    agencies.mkdir(parents=True)
    (tmp_path / "vanthu.yaml").write_text("ten: Sở Thử  tỉnh Sơn La\n", "utf-8")
    (agencies / "a-khac.yaml").write_text(profile_text("Sở Khác", "UBND TỈNH", "SỞ KHÁC"))
    (agencies / "so-thu.yaml").write_text(profile_text("sở thử tỉnh Sơn La", "UBND TỈNH", "SỞ THỬ"))
    workspace = Workspace.containing(tmp_path)
    assert office_profile(workspace) == agencies / "so-thu.yaml"
    (tmp_path / "vanthu.yaml").write_text("ten: Văn phòng khác\n", "utf-8")
    # Named by none: the first with a unit and a signer, as `vanthu new` fills its starters for.
    assert office_profile(Workspace.containing(tmp_path)) == agencies / "a-khac.yaml"
    (agencies / "a-khac.yaml").write_text(profile_text("Sở Khác", "UBND", "SỞ KHÁC", False))
    assert office_profile(Workspace.containing(tmp_path)) == agencies / "so-thu.yaml"
    (agencies / "so-thu.yaml").unlink()
    assert office_profile(Workspace.containing(tmp_path)) is None


# --- 3: the report's change words may not be empty ----------------------------------------------


@pytest.mark.parametrize("key", CHANGE_PHRASES)
def test_an_empty_change_word_is_refused_like_an_empty_heading(key: str) -> None:
    assert empty_required(key, "") == "empty_change"
    assert empty_required(key, "  ") == "empty_change"
    assert empty_required("bao_cao_cot_tang_giam", "") == "empty_table_heading"
    assert empty_required(key, default_phrases()[key]) is None


@pytest.mark.parametrize("key", CHANGE_PHRASES)
def test_the_office_s_empty_change_word_is_refused_at_its_line(
    example_here: Path, key: str
) -> None:
    profile = example_here / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml"
    typed = profile.read_text("utf-8") + f'cau_chu:\n  {key}: ""\n'
    profile.write_text(typed, "utf-8")
    line = typed.splitlines().index(f'  {key}: ""') + 1
    for command in ("check", "render"):
        result = vanthu(command, str(REPORT))
        out = said(result)
        assert result.exit_code == 1, out
        assert f"van-phong-ubnd-son-la.yaml, dòng {line}, trường 'cau_chu.{key}'" in out, out
        assert "không được để trống: ô «Tăng, giảm»" in out, out
        assert f"dùng chữ mặc định «{default_phrases()[key]}»" in out, out


def test_the_report_s_own_empty_change_word_is_refused_in_english(example_here: Path) -> None:
    report = example_here / REPORT
    typed = report.read_text("utf-8") + 'cau_chu:\n  bao_cao_khong_doi: ""\n'
    report.write_text(typed, "utf-8")
    line = typed.splitlines().index('  bao_cao_khong_doi: ""') + 1
    result = vanthu("check", str(REPORT), lang="en")
    out = said(result)
    assert result.exit_code == 1, out
    assert f"line {line}, field 'cau_chu.bao_cao_khong_doi'" in out, out
    assert "this phrase cannot be empty: the report's table of figures" in out, out
    assert "use the default «không đổi»" in out, out


def test_check_render_and_build_warn_of_the_header_the_office_s_own_name_overruns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What templates check finds (above) is said by the commands a clerk runs, measured with
    # the same lines: the office's own profile, not the sample office's that 3500 twips hold.
    office(tmp_path, monkeypatch, ("UBND TỈNH SƠN LA", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"), (3500, 5853))
    (tmp_path / "inputs" / "2026").mkdir()
    assert vanthu("new", "cong-van", "-o", "inputs/2026/cv.yaml").exit_code == 0
    verdict = "vanthu templates check thấy 1 lỗi trong khoi/dau-trang.docx"
    for command in (("check",), ("build", "-j", "1"), ("render", "inputs/2026/cv.yaml")):
        result = vanthu(*command)
        assert result.exit_code == 0 and verdict in said(result), (command, said(result))
