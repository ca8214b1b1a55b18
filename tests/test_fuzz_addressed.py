"""Arbitrary Unicode in a Công văn's own fields (Kính gửi, V/v, text, the letter answered):
refused with a place, or printed as read — as test_fuzz_documents does for a plan."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from pipeline.api import load_document
from pipeline.context.addressing import addressee_names
from pipeline.context.common import closing, typed_bullets
from pipeline.context.cong_van import about_line
from pipeline.errors import InputError
from pipeline.model.document import without_full_stop
from pipeline.render.fragments import literal_markup, visible_text
from tests.test_fuzz_documents import ANY, CLEAN, as_paragraphs, as_read, paragraphs

REPO = Path(__file__).resolve().parents[1]
LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
FIELDS = ("trich_yeu", "kinh_gui_1", "kinh_gui_2", "noi_dung", "ket_thuc", "cua")


def letter_yaml(texts: dict[str, str]) -> str:
    q = {name: json.dumps(value, ensure_ascii=False) for name, value in texts.items()}
    return f"""loai: cong_van
co_quan: van-phong-ubnd-son-la
so: 5
ngay: 05/02/2024
trich_yeu: {q["trich_yeu"]}
kinh_gui:
  - {q["kinh_gui_1"]}
  - {q["kinh_gui_2"]}
tra_loi:
  so: 12/SNV-VP
  ngay: 01/02/2024
  cua: {q["cua"]}
  ve_viec: báo cáo
noi_dung:
  - {q["noi_dung"]}
ket_thuc: {q["ket_thuc"]}
noi_nhan:
  - Lãnh đạo Văn phòng
don_vi_soan_thao: TH
nguoi_ky: chanh-van-phong
"""


def expected(texts: dict[str, str]) -> dict[str, str]:
    """How each field prints once read: V/v and text through the light markup, names plain."""
    names = addressee_names([as_read(texts["kinh_gui_1"]), as_read(texts["kinh_gui_2"])])
    subject = without_full_stop(as_read(texts["trich_yeu"]))  # a title: no full stop
    return {
        "trich_yeu": "V/v " + visible_text(about_line(subject)),
        "kinh_gui_1": f"- {names[0]};",
        "kinh_gui_2": f"- {names[1]}.",
        # Paragraphs of body text: a new line starts a paragraph, and a bullet typed before one
        # prints as the decree's "- " ("-A" is "- A", typed_bullets), as in a plan's doan.
        "noi_dung": as_paragraphs(typed_bullets(as_read(texts["noi_dung"]))),
        # The closing paragraph too (closing_runs): a new line starts a paragraph.
        "ket_thuc": as_paragraphs(closing(as_read(texts["ket_thuc"]))),
        # Filled into the phrase tra_loi, the letter's first paragraph: a name, printed as
        # typed (never markup nor a bullet: "*" stays "*"); a new line typed in it starts a
        # paragraph, as in any body text.
        "cua": as_paragraphs(f"của {literal_markup(as_read(texts['cua']))} về việc"),
    }


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-cv")
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    return folder


DOCUMENTS = st.one_of(CLEAN, CLEAN, ANY).flatmap(
    lambda _: st.lists(st.one_of(CLEAN, CLEAN, ANY), min_size=6, max_size=6)
).map(lambda pool: dict(zip(FIELDS, pool, strict=True)))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=DOCUMENTS)
# Found by this test on 2026-12-05: a bullet typed before a line prints as the decree's "- ".
@example(texts=dict.fromkeys(FIELDS, "0") | {"noi_dung": "-A"})
@example(texts=dict.fromkeys(FIELDS, "0") | {"cua": ":\n*"})
@example(texts=dict.fromkeys(FIELDS, "0") | {"cua": "\\:"})  # a backslash typed in a name
def test_any_text_is_refused_with_a_place_or_printed_as_read(
    texts: dict[str, str], workspace: Path, renderer
) -> None:
    path = workspace / "cv.yaml"
    path.write_text(letter_yaml(texts), "utf-8")
    try:
        document = load_document(path)
    except InputError as error:
        assert error.file and Path(error.file).name == "cv.yaml", error.message()
        assert error.line or error.field, error.message()
        event("refused")
        return
    with zipfile.ZipFile(io.BytesIO(renderer.render(document))) as archive:
        found, _ = paragraphs(archive.read("word/document.xml"))
    whole = LINE_BREAK.sub("\n", "\n".join(found))
    flat = " ".join(whole.split())
    for name, printed in expected(texts).items():
        if name == "trich_yeu":  # the V/v block is broken into even lines under Số
            assert " ".join(printed.split()) in flat, (name, texts[name], printed)
        else:
            assert LINE_BREAK.sub("\n", printed) in whole, (name, texts[name], printed)
    event("rendered")
