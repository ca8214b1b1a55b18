"""A Mục's `doan:` typed below its `khoan:` prints before the khoản all the same: warned at its
line (check, render, build), the document printed as before; `doan_sau:` prints after them,
and the Kế hoạch starter shows it commented."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.starters import make_starter
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, init_workspace
from tests.typed_docs import TEMPLATES, open_docx

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A")
KEY = "data.paragraphs_typed_after_items"
LAST_LINE = "*(Có nhiệm vụ trọng tâm kèm theo)*"

# Mục II of the reference plan as a clerk types it: its closing line last, as read.
TYPED_LAST = """\
  - tieu_de: Nội dung thực hiện
    khoan:
      - noi_dung: Khoản một.
      - noi_dung: Khoản hai.
    doan:
      - "*(Có nhiệm vụ trọng tâm kèm theo)*"
"""


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY).root
    monkeypatch.chdir(made)
    return made


def starter(root: Path, kind: str, lang: str = "vi") -> Path:
    path = root / "inputs" / "2026" / f"{kind}.yaml"
    make_starter(kind, path, force=True, today=TODAY, lang=lang)
    return path


def plan(root: Path, sections: str) -> Path:
    """The Kế hoạch starter with `sections` as its muc:."""
    path = starter(root, "ke-hoach")
    text = re.sub(r"(?ms)^muc:.*?(?=^ket_thuc:)", lambda _: f"muc:\n{sections}\n",
                  path.read_text("utf-8"), count=1)  # fmt: skip
    path.write_text(text, "utf-8")
    return path


def line_of(path: Path, line: str, after: int = 0) -> int:
    """The number of the first line of `path` that is `line`, below line `after`."""
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if n > after and text == line)


def warnings_of(path: Path) -> list:
    document = Workspace.containing(path).load(path)
    return [w for w in document.warnings if w.key == KEY]


def vanthu(lang: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=False)


def body_texts(docx: Path) -> list[str]:
    return [p.text for p in open_docx(docx).paragraphs if p.text.strip()]


def test_a_doan_typed_below_khoan_is_warned_at_its_line_and_prints_as_before(root: Path) -> None:
    path = plan(root, TYPED_LAST)
    line, typed = line_of(path, "    doan:"), "inputs/2026/ke-hoach.yaml"
    vi = vanthu("vi", "check", typed)
    assert vi.exit_code == 0, vi.output
    assert f"Hợp lệ: {typed}" in vi.output
    said = f"{typed}: dòng {line}, trường 'muc[1].doan': «doan:» được gõ dưới"
    assert said in vi.output
    assert "đổi «doan:» thành «doan_sau:»" in vi.output and "trước các khoản" in vi.output
    en = vanthu("en", "check", typed)
    assert en.exit_code == 0, en.output
    assert f"{typed}: line {line}, field 'muc[1].doan'" in en.output
    assert "«doan:» is typed below «khoan:»" in en.output
    assert "rename «doan:» to «doan_sau:»" in en.output
    # A warning only: the document prints as it did, the paragraph under the Mục's title.
    rendered = vanthu("vi", "render", typed)
    assert rendered.exit_code == 0 and said in rendered.output, rendered.output
    texts = body_texts(root / "outputs" / "2026" / "ke-hoach.docx")
    at = texts.index("I. NỘI DUNG THỰC HIỆN")
    assert texts[at + 1 : at + 4] == ["(Có nhiệm vụ trọng tâm kèm theo)", "1. Khoản một.",
                                      "2. Khoản hai."]  # fmt: skip


QUIET = {
    "doan first": """\
  - tieu_de: Mục đích, yêu cầu
    doan:
      - Đoạn mở đầu của mục.
    khoan:
      - noi_dung: Khoản một.
""",
    "doan_sau": """\
  - tieu_de: Mục đích, yêu cầu
    khoan:
      - noi_dung: Khoản một.
    doan_sau:
      - "*(Có nhiệm vụ trọng tâm kèm theo)*"
""",
    "no khoan": """\
  - tieu_de: Mục đích, yêu cầu
    khoan: []
    doan:
      - Đoạn của mục.
""",
    "one line, doan first": """\
  - {tieu_de: Mục đích, doan: [Đoạn mở đầu.], khoan: [{noi_dung: Khoản một.}]}
""",
}


@pytest.mark.parametrize("quiet", QUIET.values(), ids=list(QUIET))
def test_only_the_mục_with_doan_typed_below_khoan_is_warned(root: Path, quiet: str) -> None:
    """Beside a Mục whose doan comes first, uses doan_sau, or has no khoản, only the one with
    doan typed below khoan is warned, at its own line."""
    path = plan(root, quiet + TYPED_LAST)
    (warning,) = warnings_of(path)
    first = line_of(path, "  - tieu_de: Nội dung thực hiện")
    assert warning.line == line_of(path, "    doan:", after=first)
    assert warning.field == "muc[2].doan"


def test_one_line_mapping_with_doan_after_khoan_is_warned(root: Path) -> None:
    path = plan(root, "  - {tieu_de: Nội dung, khoan: [{noi_dung: Khoản một.}], doan: [Đoạn.]}\n")
    (warning,) = warnings_of(path)
    assert warning.field == "muc[1].doan"
    assert warning.line == line_of(path, "  - {tieu_de: Nội dung, khoan: [{noi_dung: Khoản "
                                   "một.}], doan: [Đoạn.]}")  # fmt: skip


def test_a_thong_bao_s_mục_is_warned_too(root: Path) -> None:
    path = starter(root, "thong-bao")
    khoan = "      - noi_dung: Triển khai kế hoạch công tác năm 2026.\n"
    text = path.read_text("utf-8")
    assert text.count(khoan) == 1
    path.write_text(text.replace(khoan, khoan + "    doan:\n      - Đoạn thêm.\n"), "utf-8")
    (warning,) = warnings_of(path)
    assert warning.field == "muc[2].doan"
    assert warning.line == line_of(path, "    doan:", after=line_of(path, khoan.rstrip()))


def uncommented_doan_sau(text: str) -> str:
    """The starter with its commented `# doan_sau:` lines uncommented, as a clerk would."""
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line.lstrip().startswith("# doan_sau:"))
    for n in (at, at + 1):
        lines[n] = lines[n].replace("# ", "", 1)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_starter_shows_doan_sau_which_prints_after_the_khoan(root: Path, lang: str) -> None:
    from pipeline.api import Renderer

    path = starter(root, "ke-hoach", lang)
    path.write_text(uncommented_doan_sau(path.read_text("utf-8")), "utf-8")
    document = Workspace.containing(path).load(path)
    assert document.info.data.muc[1].doan_sau == [LAST_LINE]
    assert not [w for w in document.warnings if w.key == KEY]
    out = Renderer(TEMPLATES).render(document)
    texts = body_texts(out)
    at = texts.index("(Có nhiệm vụ trọng tâm kèm theo)")
    assert texts[at - 1] == "b) Tháng 12: tổng kết." and texts[at + 1] == "III. TỔ CHỨC THỰC HIỆN"
