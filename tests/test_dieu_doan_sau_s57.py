"""A Quyết định's Điều (of the decision, of the Quy chế it issues, of an award decision) takes
`doan_sau:` as a plan's Mục does: its paragraphs print after the khoản, formatted as `doan:`'s;
a `doan:` typed below `khoan:` is warned of at its line and prints before the khoản as before.
The decision starters show `doan_sau:` commented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.workspace import Workspace
from tests import test_doan_order_s56
from tests.test_doan_order_s56 import line_of, starter
from tests.typed_docs import TEMPLATES, Look, body, open_docx

KEY = "data.article_paragraphs_typed_after_items"
AFTER = "Đoạn in sau các khoản."


# The fixture: a workspace from `vanthu init`, the working folder. Bound to a name rather than
# imported, so that the tests' `root` parameters shadow no import (ruff F811).
root = test_doan_order_s56.root


def typed_in_article_1(root: Path, below: str, above: str = "") -> Path:
    """The general decision's starter with `below` typed in its Điều 1 below its khoản (the
    last lines of the article), `above` above them."""
    path = starter(root, "quyet-dinh-chung")
    lines = path.read_text("utf-8").splitlines(keepends=True)
    khoan = next(n for n, line in enumerate(lines) if line.startswith("    khoan:"))
    end = next(n for n, line in enumerate(lines) if line.startswith("  - tieu_de: Kinh phí."))
    typed = [*lines[:khoan], above, *lines[khoan:end], below, *lines[end:]]
    path.write_text("".join(typed), "utf-8")
    return path


def uncommented_doan_sau(path: Path) -> None:
    """The starter with its commented `# doan_sau:` lines uncommented, as a clerk would."""
    lines = path.read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.lstrip().startswith("# doan_sau:"))
    for n in (at, at + 1):
        lines[n] = lines[n].replace("# ", "", 1)
    path.write_text("\n".join(lines) + "\n", "utf-8")


def warnings_of(path: Path) -> list:
    document = Workspace.containing(path).load(path)
    return [w for w in document.warnings if w.key == KEY]


def rendered(path: Path) -> list[Look]:
    from pipeline.api import Renderer

    document = Workspace.containing(path).load(path)
    return body(open_docx(Renderer(TEMPLATES).render(document)))


def index_of(looks: list[Look], start: str) -> int:
    return next(n for n, look in enumerate(looks) if look.text.startswith(start))


def vanthu(lang: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=False)


def assert_running_text(look: Look) -> None:
    """A paragraph of body text as NĐ 30/2020 lays it out (as a `doan:` paragraph prints):
    14 pt, regular, upright, justified, its first line indented 1 to 1.27 cm."""
    assert (look.size, look.align) == (14, "JUSTIFY") and not (look.bold or look.italic), look
    assert 10 <= look.first_mm <= 12.7 and look.left_mm == 0, look


# --- doan_sau prints after the khoản -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_general_decision_starter_shows_doan_sau_printed_after_the_khoan(
    root: Path, lang: str
) -> None:
    path = starter(root, "quyet-dinh-chung", lang)
    uncommented_doan_sau(path)
    document = Workspace.containing(path).load(path)
    shown = "Các nội dung khác thực hiện theo quy định hiện hành."
    assert document.info.data.dieu[0].doan_sau == [shown]
    assert not [w for w in document.warnings if w.key == KEY]
    looks = rendered(path)
    at = index_of(looks, shown)
    assert looks[at - 1].text == "b) Thủ trưởng các phòng, ban, đơn vị thuộc Văn phòng."
    assert looks[at + 1].text.startswith("Điều 2. Kinh phí.")
    assert_running_text(looks[at])
    # Formatted as the khoản above it and as a `doan:` paragraph (khoi/doan-van, NoiDung).
    assert looks[at].style == looks[index_of(looks, "1. Thời gian")].style == "NoiDung"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_quy_che_article_of_the_starter_takes_doan_sau(root: Path, lang: str) -> None:
    path = starter(root, "quyet-dinh-quy-che", lang)
    uncommented_doan_sau(path)
    shown = "Ý kiến khác nhau được ghi vào biên bản họp."
    data = Workspace.containing(path).load(path).info.data
    assert data.ban_hanh.quy_che.chuong[0].dieu[1].doan_sau == [shown]
    looks = rendered(path)
    at = index_of(looks, shown)
    assert looks[at - 1].text == "2. Hội đồng biểu quyết theo đa số thành viên dự họp."
    assert looks[at + 1].text == "Chương II"
    assert_running_text(looks[at])


def test_doan_before_and_doan_sau_after_the_khoan_in_their_order(root: Path) -> None:
    below = f"    doan_sau:\n      - {AFTER}\n      - gach:\n          - Dòng gạch đầu dòng.\n"
    path = typed_in_article_1(root, below, above="    doan:\n      - Đoạn trước các khoản.\n")
    assert not warnings_of(path)
    texts = [look.text for look in rendered(path)]
    at = texts.index("Đoạn trước các khoản.")
    assert texts[at - 1].startswith("Điều 1. Phê duyệt") and texts[at + 1].startswith("1. Thời")
    at = texts.index(AFTER)
    assert texts[at - 1] == "b) Thủ trưởng các phòng, ban, đơn vị thuộc Văn phòng."
    assert texts[at + 1 : at + 3] == ["- Dòng gạch đầu dòng.", "Điều 2. Kinh phí. Kinh phí tổ "
                                      "chức hội nghị lấy từ nguồn chi thường xuyên của Văn phòng "
                                      "năm 2026."]  # fmt: skip


def test_the_last_article_ends_with_its_doan_sau(root: Path) -> None:
    """The "./." closes what prints last: the last Điều's doan_sau, not its last khoản."""
    path = starter(root, "quyet-dinh-chung")
    text = path.read_text("utf-8").rstrip("\n").split("\nnoi_nhan:")
    last = ("    khoan:\n      - noi_dung: Khoản một của điều cuối.\n"
            f"    doan_sau:\n      - {AFTER}\n")  # fmt: skip
    path.write_text(f"{text[0]}\n{last}\nnoi_nhan:{text[1]}\n", "utf-8")
    texts = [look.text for look in rendered(path)]
    at = texts.index("1. Khoản một của điều cuối.")
    assert texts[at + 1] == f"{AFTER[:-1]}./."


# --- a doan typed below the khoản is warned of -------------------------------------------------


def test_a_doan_typed_below_an_articles_khoan_is_warned_and_prints_as_before(root: Path) -> None:
    path = typed_in_article_1(root, f"    doan:\n      - {AFTER}\n")
    line, typed = line_of(path, "    doan:"), "inputs/2026/quyet-dinh-chung.yaml"
    vi = vanthu("vi", "check", typed)
    assert vi.exit_code == 0, vi.output
    said = f"{typed}: dòng {line}, trường 'dieu[1].doan': «doan:» được gõ dưới «khoan:»"
    assert said in vi.output
    assert "sau phần mở đầu của Điều, trước các khoản" in vi.output
    assert "đổi «doan:» thành «doan_sau:»" in vi.output and "tên Mục" not in vi.output
    en = vanthu("en", "check", typed)
    assert en.exit_code == 0, en.output
    assert f"{typed}: line {line}, field 'dieu[1].doan'" in en.output
    assert "right after the Điều's own text" in en.output
    assert "rename «doan:» to «doan_sau:»" in en.output
    # A warning only: the paragraph prints right after the Điều's text, before the khoản.
    texts = [look.text for look in rendered(path)]
    at = texts.index(AFTER)
    assert texts[at - 1].startswith("Điều 1. Phê duyệt") and texts[at + 1].startswith("1. Thời")


def test_a_quy_che_article_and_an_award_decisions_article_are_warned_too(root: Path) -> None:
    regulation = starter(root, "quyet-dinh-quy-che")
    khoan = "              - noi_dung: Hội đồng biểu quyết theo đa số thành viên dự họp.\n"
    text = regulation.read_text("utf-8")
    regulation.write_text(text.replace(khoan, f"{khoan}            doan:\n"
                                              "              - Đoạn thêm.\n"), "utf-8")  # fmt: skip
    (warning,) = warnings_of(regulation)
    assert warning.field == "ban_hanh.quy_che.chuong[1].dieu[2].doan"
    assert warning.line == line_of(
        regulation, "            doan:", line_of(regulation, khoan.rstrip())
    )
    award = starter(root, "quyet-dinh")
    text = award.read_text("utf-8")
    head, tail = text.split("\ndieu:", 1)
    first, rest = tail.split("\n\n", 1)
    added = "    khoan:\n      - noi_dung: Khoản một.\n    doan:\n      - Đoạn thêm.\n"
    award.write_text(f"{head}\ndieu:{first}\n{added}\n{rest}", "utf-8")
    (warning,) = warnings_of(award)
    assert warning.field == "dieu[1].doan"


QUIET = {
    "doan first": "    doan:\n      - Đoạn.\n    khoan:\n      - noi_dung: Khoản.\n",
    "doan_sau": "    khoan:\n      - noi_dung: Khoản.\n    doan_sau:\n      - Đoạn.\n",
    "no khoan": "    khoan: []\n    doan:\n      - Đoạn.\n",
}


@pytest.mark.parametrize("quiet", QUIET.values(), ids=list(QUIET))
def test_an_article_with_doan_first_doan_sau_or_no_khoan_is_not_warned(
    root: Path, quiet: str
) -> None:
    path = starter(root, "quyet-dinh-chung")
    text = path.read_text("utf-8")
    article = "  - noi_dung: Quyết định này có hiệu lực kể từ ngày ký.\n"
    assert text.count(article) == 1
    path.write_text(text.replace(article, article + quiet), "utf-8")
    assert not warnings_of(path)


def test_a_decree_mark_typed_in_a_middle_articles_doan_sau_is_not_printed(root: Path) -> None:
    """A "./." copied into Điều 1's doan_sau prints as its text only: the mark closes the last
    article, as for a typed doan and khoản (context.quyet_dinh.unmarked_article)."""
    path = typed_in_article_1(root, f"    doan_sau:\n      - {AFTER[:-1]}./.\n")
    texts = [look.text for look in rendered(path)]
    assert AFTER in texts and f"{AFTER[:-1]}./." not in texts


@pytest.mark.parametrize(("lang", "warned"), [
    ("vi", "`doan:` gõ dưới `khoan:`"), ("en", "`doan:` typed below `khoan:`")])  # fmt: skip
def test_the_workspace_readme_says_where_doan_sau_prints(lang: str, warned: str) -> None:
    """The README.md `vanthu init` writes (workspace.init.readme_text) names `doan_sau:`."""
    from pipeline.workspace.init import readme_text

    text = " ".join(readme_text("X", "x", 2026, lang).split())
    assert "`doan_sau:`" in text and warned in text


def test_a_quy_che_kept_under_kem_theo_is_warned_at_its_own_file(root: Path) -> None:
    """A Quy chế in its own file under kem-theo/ (ban_hanh.quy_che naming it) is warned of as
    one written in the decision, at that file's line (load.lists.issued_regulation)."""
    decision = starter(root, "quyet-dinh-quy-che")
    lines = decision.read_text("utf-8").splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith("  quy_che:")) + 1
    end = next(n for n in range(start, len(lines)) if lines[n][:1] not in (" ", "\n", "#"))
    regulation = decision.parent / "kem-theo" / "quy-che.yaml"
    regulation.parent.mkdir()
    text = "".join(line[4:] if line.strip() else line for line in lines[start:end])
    khoan = "      - noi_dung: Hội đồng biểu quyết theo đa số thành viên dự họp.\n"
    assert khoan in text
    regulation.write_text(text.replace(khoan, f"{khoan}        doan:\n          - {AFTER}\n"),
                          "utf-8")  # fmt: skip
    decision.write_text("".join([*lines[:start - 1], "  quy_che: kem-theo/quy-che.yaml\n",
                                 *lines[end:]]), "utf-8")  # fmt: skip
    found = warnings_of(decision)
    below = line_of(regulation, "    " + khoan.rstrip("\n"))
    assert [(w.file, w.line) for w in found] == [
        (str(regulation), line_of(regulation, "        doan:", after=below))]
