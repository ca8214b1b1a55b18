"""Arbitrary Unicode in every text field of a plan: refused with a location, or printed as typed.

Each generated plan is written as YAML (text in double quotes, so any character can be put in),
read by the real reader and rendered in-process by one prepared Renderer. Then either the reader
refused it with the file and a line or field, or the .docx has every XML part well-formed, the
same paragraphs and page breaks as a plan of plain text (data cannot make either), and each
field's text as the reader normalises it (NFC, invisible spaces, trimmed; see
pipeline.text.gate) and the light markup shows it (pipeline.render.fragments.visible_text).

2,000 documents in the normal run; `pytest -m nightly` runs 20,000.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.api import load_document
from pipeline.awards import person_name, trimmed
from pipeline.context.common import clean_list_line, closing, typed_bullets
from pipeline.context.typed_numbers import item_text, point_text, section_title
from pipeline.errors import InputError
from pipeline.model.blocks import without_bullet
from pipeline.render.fragments import visible_paragraphs, visible_text
from pipeline.text.gate import normalize_invisible

REPO = Path(__file__).resolve().parents[1]
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"



def as_paragraphs(text: str) -> str:
    """Body text as printed: each new line a paragraph (blank lines none), '\\n' between."""
    return "\n".join(visible_paragraphs(text))


# The fields filled with generated text, and how each is printed: a number or bullet typed at
# the head of a Mục, khoản, điểm or dash line is vanthu's to print (dropped); a bullet typed
# before another paragraph of body text prints as the decree's "- " (typed_bullets).
FIELDS: dict[str, Callable[[str], str]] = {
    "trich_yeu": lambda text: "\n".join(
        line for line in visible_text(text).split("\n") if line.strip()
    ),  # a title: a blank line in it prints none (title_lines)
    "mo_dau": lambda text: as_paragraphs(typed_bullets(text)),
    "muc_tieu_de": lambda text: section_title(text).upper(),
    "khoan_tieu_de": lambda text: as_paragraphs(item_text(text)),
    "doan": lambda text: as_paragraphs(typed_bullets(text)),
    "gach": lambda text: as_paragraphs(typed_bullets(without_bullet(text), first="keep")),
    "diem": lambda text: as_paragraphs(typed_bullets(point_text(text), first="drop")),
    "ket_thuc": lambda text: as_paragraphs(closing(text)),
    "noi_nhan": clean_list_line,
}


# The fields printed as paragraphs of body text (pipeline.render.fragments.paragraph_runs).
PARAGRAPH_FIELDS = ("mo_dau", "khoan_tieu_de", "doan", "gach", "diem", "ket_thuc")


def plan_yaml(texts: dict[str, str]) -> str:
    """A Kế hoạch with the generated texts in place, every text as a JSON (= YAML) string."""
    q = {name: json.dumps(value, ensure_ascii=False) for name, value in texts.items()}
    return f"""loai: ke_hoach
co_quan: van-phong-ubnd-son-la
so: 5
ngay: 22/12/2021
trich_yeu: {q["trich_yeu"]}
mo_dau:
  - {q["mo_dau"]}
muc:
  - tieu_de: {q["muc_tieu_de"]}
    khoan:
      - tieu_de: {q["khoan_tieu_de"]}
        doan:
          - {q["doan"]}
          - gach:
              - {q["gach"]}
          - diem:
              - {q["diem"]}
ket_thuc: {q["ket_thuc"]}
noi_nhan:
  - {q["noi_nhan"]}
don_vi_soan_thao: TCHCQT
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: chanh-van-phong
"""


def as_read(text: str) -> str:
    """What the reader makes of typed text: NFC, invisible spaces normalised, trimmed."""
    return normalize_invisible(unicodedata.normalize("NFC", text)).strip()


def paragraphs(document_xml: bytes) -> tuple[list[str], int]:
    """Text of every paragraph (line break '\\n', tab '\\t') and the number of page breaks."""
    root = etree.fromstring(document_xml)
    texts, page_breaks = [], 0
    for paragraph in root.iter(f"{{{W}}}p"):
        parts = []
        for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}tab"):
            if node.tag == f"{{{W}}}t":
                parts.append(node.text or "")
            elif node.tag == f"{{{W}}}tab":
                parts.append("\t")
            elif node.get(f"{{{W}}}type") == "page":
                page_breaks += 1
            else:
                parts.append("\n")
        texts.append("".join(parts))
    return texts, page_breaks


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    return folder


@pytest.fixture(scope="module")
def baseline(workspace: Path, renderer) -> tuple[int, int]:
    """Paragraphs and page breaks of the plan with plain text in every field."""
    plan = workspace / "plan.yaml"
    plan.write_text(plan_yaml({name: f"Văn bản {name}" for name in FIELDS}), "utf-8")
    docx = renderer.render(load_document(plan))
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        texts, breaks = paragraphs(archive.read("word/document.xml"))
    return len(texts), breaks


# Text the reader accepts (any letter, mark, symbol, space, markup, tab, new line), text crowded
# with what the reader and renderer treat specially, and text of any kind at all. Two documents
# in three hold only the first two kinds (else nearly all would be refused for one character).
SPECIAL = "*_\\{}%<>&\"'\n\t :#-\u00a0\u200b\u2028\u00ad\u0301 aăâđ"
REFUSED = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffe\uffff"
PRINTABLE = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=REFUSED)
CLEAN = st.one_of(
    st.text(PRINTABLE, min_size=1, max_size=40),
    st.text(PRINTABLE | st.sampled_from("\t\n"), min_size=1, max_size=40),
    st.text(alphabet=SPECIAL, min_size=1, max_size=30),
)
ANY = st.one_of(CLEAN, st.text(max_size=40), st.text(st.characters(codec="utf-8"), max_size=20))


def _document(kind: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
    # Three texts per document, dealt out to the fields in turn: every field gets arbitrary
    # text, and drawing three instead of nine keeps generation from dominating the run.
    return st.lists(kind, min_size=3, max_size=3).map(
        lambda pool: {name: pool[i % 3] for i, name in enumerate(FIELDS)}
    )


DOCUMENTS = st.one_of(_document(CLEAN), _document(CLEAN), _document(ANY))


WELL_FORMED: set[bytes] = set()


def check_document(texts: dict[str, str], workspace: Path, renderer, baseline) -> str:
    plan = workspace / "plan.yaml"
    plan.write_text(plan_yaml(texts), "utf-8")
    try:
        document = load_document(plan)
    except InputError as error:  # refused: it must say where
        assert error.file and Path(error.file).name == "plan.yaml", error.message()
        assert error.line or error.field or error.row, error.message()
        return "refused"
    docx = renderer.render(document)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                part = archive.read(name)
                if part not in WELL_FORMED:  # parts copied unchanged are parsed once
                    etree.fromstring(part)  # raises if not well-formed
                    if name != "word/document.xml":
                        WELL_FORMED.add(part)
        found, breaks = paragraphs(archive.read("word/document.xml"))
    # Each new line of body text starts a paragraph.
    more = sum(FIELDS[name](as_read(texts[name])).count("\n") for name in PARAGRAPH_FIELDS)
    assert (len(found), breaks) == (baseline[0] + more, baseline[1])
    # Spaces next to a line break are not kept (Word drops them at the end of a line anyway).
    whole = LINE_BREAK.sub("\n", "\n".join(found))
    for name, printed in FIELDS.items():
        expected = LINE_BREAK.sub("\n", printed(as_read(texts[name])))
        assert expected in whole, (name, texts[name], expected)
    return "rendered"


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=DOCUMENTS)
# A star ending a lead-in line (":*", U+2028 a new line) was taken for italics with the next
# line's star: the stars vanished (fragments._emphasis, s58).
@example(texts={name: ["0", ":*\u20280*", "0"][i % 3] for i, name in enumerate(FIELDS)})
def test_any_text_is_refused_with_a_place_or_printed_as_read(
    texts: dict[str, str], workspace: Path, renderer, baseline
) -> None:
    event(check_document(texts, workspace, renderer, baseline))


@pytest.mark.nightly  # deselected by default (pyproject addopts); `pytest -m nightly` runs it
@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=DOCUMENTS)
def test_any_text_nightly(texts: dict[str, str], workspace: Path, renderer, baseline) -> None:
    event(check_document(texts, workspace, renderer, baseline))


# --- list cells ----------------------------------------------------------------------------

# Stars and backslashes too: a short list is named in Điều 1 through the light markup, which
# prints a cell's own as typed (fragments.literal_markup; test_hardening's
# test_list_cells_print_markup_as_typed).
CELL_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=REFUSED)
CELL = st.one_of(
    st.text(CELL_CHARACTERS, min_size=1, max_size=30),
    st.text(alphabet=SPECIAL + ",;\r", min_size=1, max_size=20),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)  # fmt: skip
ROWS = st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def decision(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-list")
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    shutil.copy(REPO / "inputs" / "2022" / "qd-giay-khen.yaml", folder / "qd.yaml")
    return folder / "qd.yaml"


def as_cell(text: str) -> str:
    """What the list reader makes of a cell: invisible spaces normalised, whitespace collapsed."""
    return " ".join(normalize_invisible(unicodedata.normalize("NFC", text)).split())


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=ROWS)
# Found by the fuzzer: a unit ending "/" and the list's "." once read as a typed "./.".
@example(rows=[(":", ":", "0/")])
def test_any_cell_is_refused_with_its_row_or_printed_as_read(rows, decision: Path, renderer):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại"])
    for name, position, unit in rows:
        writer.writerow([name, position, unit, "Giấy khen của Chánh Văn phòng", "Cá nhân"])
    sheet = decision.parent / "danh-sach-giay-khen-2022.csv"
    sheet.write_text(out.getvalue(), "utf-8")
    try:
        document = load_document(decision)
    except InputError as error:
        assert error.file and Path(error.file).name in (sheet.name, decision.name), error
        assert error.line or error.row or error.field, error.message()
        event("refused")
        return
    docx = renderer.render(document)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        etree.fromstring(archive.read("word/document.xml"))
        found, breaks = paragraphs(archive.read("word/document.xml"))
    assert breaks == 0
    whole = "\n".join(found)
    for name, *cells in rows:
        # A person's name typed wholly in capitals prints in title case, as the others.
        assert person_name(as_cell(name)) in whole, (name, person_name(as_cell(name)))
        for cell in cells:
            assert trimmed(as_cell(cell)) in whole, (cell, trimmed(as_cell(cell)))
    event("rendered")
