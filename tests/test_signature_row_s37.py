"""s37: the Nơi nhận / signature row's two leftovers.

1. Under a single signature, a long Nơi nhận's last lines go on in rows under the signature's.
   That row broke line by line wherever the page ended, so a page could hold "- Lưu: ..." alone,
   or with one recipient line, without the signature. The last lines now stand with "- Lưu" in
   a row that never splits: at least three lines move to the next page together.
2. An office's copy of khoi/ky-ten made before a long list could go on under the signature
   prints it whole in the signature's row; `templates check` said so of the copy, but render
   said nothing of the documents it costs. Each such document is warned of now, once, naming
   the copy and what to do.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from pipeline.api import Renderer, load_document
from pipeline.cli import main
from pipeline.render.compose import TemplateLibrary
from pipeline.verify import verify_file
from tests.new_office import new_office
from tests.test_template_upgrade_r14b import letter
from tests.typed_docs import page_lines, to_pdf

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
DECISION = REPO / "inputs" / "2024" / "qd-dieu-dong-cong-chuc.yaml"
# khoi/ky-ten as vanthu wrote it before a long Nơi nhận went on under the signature.
OLD_SIGNATURE = REPO / "tests" / "fixtures" / "r14b" / "ky-ten-2026-11.docx"
SIGNER = "Nguyễn Huy Anh"  # chanh-van-phong of inputs/co-quan/van-phong-ubnd-son-la.yaml
FILING = "- Lưu: VT, TCHCQT, H01b."
RECIPIENTS = 30
# Short articles added to the decision: on this machine's LibreOffice, the page ends before
# the signature's row, inside the rows under it, and after them, as they grow.
PADDINGS = range(12, 32)


def decision(folder: Path, padding: int, recipients: int = RECIPIENTS) -> Path:
    """The example decision with `padding` one-line articles more and a Nơi nhận of
    `recipients` xã ("Như Điều ..." first)."""
    if not (folder / "co-quan").exists():
        shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    text = DECISION.read_text("utf-8").split("\nnoi_nhan:")[0] + "\n"
    text += "".join(f"  - noi_dung: Điều bổ sung số {k}.\n" for k in range(padding))
    text += "noi_nhan: [" + ", ".join(f'"UBND xã số {k}"' for k in range(1, recipients + 1))
    text += "]\ndon_vi_soan_thao: TCHCQT\nnguoi_soan_thao: H\nso_ban: 1\n"
    text += "nguoi_ky: chanh-van-phong\n"
    path = folder / f"qd-{padding:02d}-{recipients}.yaml"
    path.write_text(text, "utf-8")
    return path


def rendered(renderer: Renderer, path: Path) -> Path:
    out = path.with_suffix(".docx")
    out.write_bytes(renderer.render(load_document(path)))
    return out


def without_kept_row(docx: Path, target: Path) -> Path:
    """`docx` as the block printed it before: the row holding "- Lưu" breaks like the rows
    above it (its w:cantSplit removed; the rows then break line by line as the one did)."""
    document = Document(str(docx))
    table = document.tables[-1]
    row = next(r for r in table.rows if FILING in r.cells[0].text)
    for mark in row._tr.iter(qn("w:cantSplit")):
        mark.getparent().remove(mark)
    document.save(str(target))
    return target


def list_lines(page: list[str]) -> list[str]:
    """The Nơi nhận lines of a page (the decision's body has no "- " lines), without what
    stands beside them in the signature's column."""
    return [re.split(r"\s{3,}", line)[0] for line in page if line.startswith("- ")]


def as_listed(padding: int) -> list[str]:
    """The decision's Nơi nhận as printed: "Như Điều" its last article, the xã, "- Lưu"."""
    return [f"- Như Điều {4 + padding};", *(f"- UBND xã số {k};" for k in range(1, 31)), FILING]


def signature_rows(docx: Path) -> list[tuple[list[str], bool]]:
    """Each row of the signature table: its Nơi nhận cell's lines and whether it never splits."""
    table = Document(str(docx)).tables[-1]
    return [
        ([p.text for p in row.cells[0].paragraphs if p.text],
         row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None)
        for row in table.rows
    ]  # fmt: skip


# --- 1. the last lines keep with "- Lưu" ------------------------------------------------------


def test_the_last_lines_and_luu_stand_in_a_row_that_never_splits(
    tmp_path: Path, renderer: Renderer
) -> None:
    docx = rendered(renderer, decision(tmp_path, 0))
    rows = signature_rows(docx)
    assert [kept for _, kept in rows] == [True, False, True]
    (beside, first_kept), (middle, _), (last, _) = rows
    assert beside[0] == "Nơi nhận:" and first_kept
    assert last == ["- UBND xã số 29;", "- UBND xã số 30;", FILING]
    assert [*beside[1:], *middle, *last] == as_listed(0)
    assert not any(p.text for p in Document(str(docx)).tables[-1].rows[2].cells[1].paragraphs)
    assert verify_file(docx).ok


@pytest.mark.parametrize("tail", [1, 2, 3])
def test_a_short_tail_prints_no_empty_row(tmp_path: Path, renderer: Renderer, tail: int) -> None:
    """A tail no longer than the lines kept with "- Lưu" prints in that row alone: the row
    that breaks is left out, not printed empty (a blank line in Nơi nhận)."""
    document = load_document(decision(tmp_path, 0))
    context = renderer.context(document)
    context["noi_nhan_tiep"] = context["noi_nhan"][-tail:]
    docx = tmp_path / "short.docx"
    docx.write_bytes(renderer.engine.render(document.template, context))
    rows = signature_rows(docx)
    kept = [f"- UBND xã số {k};" for k in range(31 - min(tail, 2), 31)]
    expected = [[f"- UBND xã số {k};" for k in range(31 - tail, 31 - 2)]] if tail > 2 else []
    assert [lines for lines, _ in rows[1:]] == [*expected, [*kept, FILING]]
    assert rows[-1][1] and not any(kept_row for _, kept_row in rows[1:-1])
    assert len(rows[0][0]) == 1 + 1 + RECIPIENTS - tail  # the heading, "Như Điều 5", the xã


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[str]]]:
    """The pages of the decision at every padding, as printed now and as the block printed it
    before (the row holding "- Lưu" breaking like the others), from one LibreOffice."""
    folder = tmp_path_factory.mktemp("s37-rows")
    renderer = Renderer(BUILTIN)
    docs = []
    for padding in PADDINGS:
        docx = rendered(renderer, decision(folder, padding))
        docs += [docx, without_kept_row(docx, folder / f"before-{docx.name}")]
    return {pdf.stem: page_lines(pdf) for pdf in to_pdf(docs, folder)}


def _crossing(pages: dict[str, list[list[str]]], prefix: str) -> dict[str, list[int]]:
    """For each document of `prefix` whose Nơi nhận crosses a page: its list lines by page."""
    counts = {
        name: [len(list_lines(page)) for page in doc]
        for name, doc in pages.items() if name.startswith(prefix)
    }  # fmt: skip
    return {name: [n for n in by_page if n] for name, by_page in counts.items()
            if sum(1 for n in by_page if n) > 1}  # fmt: skip


def test_before_a_page_could_hold_the_last_line_or_two_alone(
    pages: dict[str, list[list[str]]],
) -> None:
    # Guards the test itself: the paddings break the list inside its last lines.
    crossing = _crossing(pages, "before-")
    assert any(by_page[-1] < 3 for by_page in crossing.values()), crossing


def test_at_least_three_lines_end_the_list_on_a_page_of_their_own(
    pages: dict[str, list[list[str]]],
) -> None:
    crossing = _crossing(pages, "qd-")
    assert len(crossing) >= 5, crossing  # the page breaks inside the rows under the signature
    for name, by_page in crossing.items():
        assert by_page[-1] >= 3, (name, by_page)
    for name, doc in pages.items():
        if name.startswith("before-"):
            continue
        heading = next(p for p in doc if any(line.startswith("Nơi nhận:") for line in p))
        # The signature never leaves the row's start: the heading, first lines and name.
        assert any(line.endswith(SIGNER) for line in heading), (name, heading)
        assert list_lines(heading)[0].startswith("- Như Điều"), (name, heading)
        printed = [line for page in doc for line in list_lines(page)]
        assert printed == as_listed(int(name.split("-")[1])), name


def test_a_copy_without_the_row_that_breaks_is_refused(tmp_path: Path) -> None:
    """An office's copy of today's block that deleted the row printing the lines before the
    last two (a maintainer taking it for a duplicate) would drop them from every long list:
    the check's probe list is long enough to print lines in it, and says so at the block."""
    from pipeline.template_tools.check import check_templates

    target = tmp_path / "mau" / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True)
    doc = Document(str(BUILTIN / "khoi" / "ky-ten.docx"))
    rows = list(doc.tables[0].rows)
    assert "noi_nhan_tiep|length" in rows[1].cells[0].text and "endif" in rows[3].cells[0].text
    for row in rows[1:4]:
        row._tr.getparent().remove(row._tr)
    doc.save(str(target))
    library = TemplateLibrary([tmp_path / "mau", BUILTIN])
    report = check_templates(library, ["khoi/ky-ten"])
    found = [p for p in report.problems if p.key == "tpl.signature_missing"]
    assert not report.ok and len(found) == 1, [p.key for p in report.problems]


# --- 2. an old copy of khoi/ky-ten: each document it costs is warned of ------------------------


def run(*args: str, lang: str = "vi"):
    return CliRunner().invoke(main, ["--lang", lang, *args])


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return new_office(tmp_path, monkeypatch)


def old_copy(office: Path) -> Path:
    target = office / "mau" / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OLD_SIGNATURE, target)
    return target


def warnings_of(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("Cảnh báo", "Warning"))]


def test_each_document_an_old_copy_prints_whole_is_warned_once(office: Path) -> None:
    old_copy(office)
    long, longer, short = letter(office, 40), letter(office, 70), letter(office, 5)
    result = run("render", *(str(p.relative_to(office)) for p in (long, longer, short)))
    assert result.exit_code == 0, result.output
    said = [w for w in warnings_of(result.output) if "mau/khoi/ky-ten.docx" in w]
    assert len(said) == 2, result.output
    assert said[0].startswith("Cảnh báo: inputs/cv-40.yaml: Nơi nhận 40 dòng"), said[0]
    assert said[1].startswith("Cảnh báo: inputs/cv-70.yaml: Nơi nhận 70 dòng"), said[1]
    for words in ("vanthu templates copy khoi/ky-ten --force", ".bak", "trang sau"):
        assert words in said[0], (words, said[0])
    english = run("render", str(longer.relative_to(office)), "--force", lang="en")
    said = [w for w in warnings_of(english.output) if "mau/khoi/ky-ten.docx" in w]
    assert len(said) == 1 and "vanthu templates copy khoi/ky-ten --force" in said[0], said
    assert "the office's copy mau/khoi/ky-ten.docx was made before" in said[0], said[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_build_warns_of_each_document_an_old_copy_prints_whole(office: Path, jobs: str) -> None:
    """As render: from the build's workers, once each, after the document's name."""
    old_copy(office)
    letter(office, 40), letter(office, 5)
    result = run("build", "-j", jobs)
    assert result.exit_code == 0, result.output
    said = [w for w in warnings_of(result.output) if "mau/khoi/ky-ten.docx" in w]
    assert len(said) == 1, result.output
    assert said[0].startswith("Cảnh báo: inputs/cv-40.yaml: Nơi nhận 40 dòng"), said[0]


def test_the_built_in_block_and_a_fresh_copy_are_not_warned_of(office: Path) -> None:
    long = letter(office, 70)
    result = run("render", str(long.relative_to(office)))
    assert result.exit_code == 0 and "ky-ten" not in result.output, result.output
    assert run("templates", "copy", "khoi/ky-ten").exit_code == 0
    again = run("render", str(long.relative_to(office)), "--force")
    assert again.exit_code == 0 and "ky-ten" not in again.output, again.output


def test_a_library_caller_gets_the_warning_with_the_document(office: Path) -> None:
    old_copy(office)
    renderer = Renderer(TemplateLibrary([office / "mau", BUILTIN]))
    data, said = renderer.render_noted(load_document(letter(office, 70)))
    assert data[:2] == b"PK" and len(said) == 1 and "mau/khoi/ky-ten.docx" in said[0], said
    assert renderer.render_noted(load_document(letter(office, 5)))[1] == ()
    builtin = Renderer(TemplateLibrary([BUILTIN]))
    assert builtin.render_noted(load_document(letter(office, 70, "other")))[1] == ()


def test_an_old_to_trinh_copy_is_warned_of_with_its_draft(tmp_path: Path) -> None:
    """A Tờ trình copy whose draft decision binds noi_nhan only: both lists print whole (the
    engine's binds_recipients_only); its documents with a long list are warned of, naming it."""
    binding = ", noi_nhan_tiep = du_thao.noi_nhan_tiep"
    document = Document(str(BUILTIN / "to-trinh.docx"))
    tags = [r for p in document.paragraphs for r in p.runs if binding in r.text]
    assert len(tags) == 1
    tags[0].text = tags[0].text.replace(binding, "")
    (tmp_path / "mau").mkdir()
    document.save(str(tmp_path / "mau" / "to-trinh.docx"))
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "ws" / "co-quan")
    shutil.copytree(REPO / "inputs" / "2024" / "kem-theo", tmp_path / "ws" / "kem-theo")
    own = "".join(f"  - UBND xã số {k}\n" for k in range(1, 46))
    text = (REPO / "inputs" / "2024" / "to-trinh-kem-du-thao.yaml").read_text("utf-8")
    path = tmp_path / "ws" / "tt.yaml"
    path.write_text(text.replace("noi_nhan:\n  - Lãnh đạo Văn phòng\n", f"noi_nhan:\n{own}"),
                    "utf-8")  # fmt: skip
    renderer = Renderer(TemplateLibrary([tmp_path / "mau", BUILTIN]))
    _, said = renderer.render_noted(load_document(path))
    assert len(said) == 1 and "mau/to-trinh.docx" in said[0], said
    assert "noi_nhan_tiep" in said[0] and "templates copy to-trinh --force" in said[0], said


def test_a_bien_ban_under_an_old_copy_is_warned_of_too(tmp_path: Path) -> None:
    """Under two signatures the old copy kept every Nơi nhận line with the next: the list moves
    whole as well, and its documents are warned of alike."""
    old_copy(tmp_path)
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "ws" / "co-quan")
    minutes = (REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml").read_text("utf-8")
    path = tmp_path / "ws" / "bb.yaml"
    names = ", ".join(f'"UBND xã số {k}"' for k in range(1, 46))
    path.write_text(f"{minutes}noi_nhan: [{names}]\n", "utf-8")
    renderer = Renderer(TemplateLibrary([tmp_path / "mau", BUILTIN]))
    _, said = renderer.render_noted(load_document(path))
    assert len(said) == 1 and "Nơi nhận 45 dòng" in said[0], said
    assert "mau/khoi/ky-ten.docx" in said[0] and "Biên bản" in said[0], said
    assert Renderer(TemplateLibrary([BUILTIN])).render_noted(load_document(path))[1] == ()
