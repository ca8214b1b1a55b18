"""An office's copy of to-trinh made before a long Nơi nhận went on under the signature: its
draft decision's {%p with %} binds noi_nhan = du_thao.noi_nhan but not noi_nhan_tiep, so the
signature block inside the draft read the Tờ trình's own last lines. Each list is now printed
whole where it belongs, and `templates check` says why and what to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from pipeline.api import Renderer
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.render.structure import binds_recipients_only, reads_continued
from pipeline.template_tools.check import check_templates

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
BINDING = ", noi_nhan_tiep = du_thao.noi_nhan_tiep"


def old_to_trinh(folder: Path) -> Path:
    """mau/to-trinh.docx: the built-in with its draft's binding of noi_nhan_tiep removed."""
    document = Document(str(BUILTIN / "to-trinh.docx"))
    tags = [r for p in document.paragraphs for r in p.runs if BINDING in r.text]
    assert len(tags) == 1
    tags[0].text = tags[0].text.replace(BINDING, "")
    target = folder / "to-trinh.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def long_submission(folder: Path) -> Path:
    """The example Tờ trình with its draft, each given a Nơi nhận of 45 lines of its own."""
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    shutil.copytree(REPO / "inputs" / "2024" / "kem-theo", folder / "kem-theo")
    own = "".join(f"  - UBND xã số {k}\n" for k in range(1, 46))
    drafts = "".join(f"  - Phòng số {k}\n" for k in range(1, 46))
    path = folder / "tt.yaml"
    text = (REPO / "inputs" / "2024" / "to-trinh-kem-du-thao.yaml").read_text("utf-8")
    path.write_text(text.replace("noi_nhan:\n  - Lãnh đạo Văn phòng\n", f"noi_nhan:\n{own}"),
                    "utf-8")  # fmt: skip
    draft = folder / "kem-theo" / "du-thao-qd-bang-khen.yaml"
    text = draft.read_text("utf-8")
    old = "noi_nhan:\n  - Sở Nội vụ (Ban Thi đua - Khen thưởng)\n"
    assert old in text
    draft.write_text(text.replace(old, f"noi_nhan:\n{drafts}"), "utf-8")
    return path


def lines_around_draft(docx: Path) -> tuple[list[str], list[str]]:
    """The "- ..." paragraphs of `docx` (tables too) before the DỰ THẢO mark and after it."""
    texts = ["".join(x.text or "" for x in p.iter(qn("w:t")))
             for p in Document(str(docx)).element.body.iter(qn("w:p"))]  # fmt: skip
    mark = texts.index("DỰ THẢO")
    dashes = [(n, text) for n, text in enumerate(texts) if text.startswith("- ")]
    return [s for n, s in dashes if n < mark], [s for n, s in dashes if n > mark]


def test_an_old_to_trinh_copy_prints_each_list_where_it_belongs(tmp_path: Path) -> None:
    office = tmp_path / "mau"
    old_to_trinh(office)
    data = long_submission(tmp_path / "ws")
    docx = Renderer(TemplateLibrary([office, BUILTIN])).render_file(data, tmp_path / "tt.docx")
    before, after = lines_around_draft(docx)
    own = [f"- UBND xã số {k};" for k in range(1, 46)]
    drafts = [f"- Phòng số {k};" for k in range(1, 46)]
    assert [line for line in before if line.startswith("- UBND")] == own
    assert [line for line in after if line.startswith(("- UBND xã", "- Phòng số"))] == drafts


def test_the_built_in_to_trinh_still_prints_the_lists_apart(tmp_path: Path) -> None:
    """The same data through the built-in template: both lists go on under their signatures
    (a row of its own), each line once, where it belongs."""
    data = long_submission(tmp_path / "ws")
    docx = Renderer(TemplateLibrary([BUILTIN])).render_file(data, tmp_path / "tt.docx")
    before, after = lines_around_draft(docx)
    assert [line for line in before if line.startswith("- UBND")] == [
        f"- UBND xã số {k};" for k in range(1, 46)]  # fmt: skip
    assert [line for line in after if line.startswith(("- UBND xã", "- Phòng số"))] == [
        f"- Phòng số {k};" for k in range(1, 46)]  # fmt: skip
    tables = Document(str(docx)).tables
    signatures = [t for t in tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"]
    # Under each signature, a row that may break and the last lines' row that never does.
    assert [len(table.rows) for table in signatures] == [3, 3]


def test_binding_noi_nhan_alone_is_told_apart() -> None:
    bound = "{% with noi_nhan = du_thao.noi_nhan, luu = du_thao.luu %}{{ noi_nhan_tiep }}"
    assert binds_recipients_only([bound]) and not reads_continued([bound])
    both = "{% with noi_nhan = du_thao.noi_nhan, noi_nhan_tiep = du_thao.noi_nhan_tiep %}"
    assert not binds_recipients_only([both + "{{ noi_nhan_tiep }}"])
    assert reads_continued([both + "{{ noi_nhan_tiep }}"])
    assert not binds_recipients_only(["{% if noi_nhan == x %}{{ noi_nhan_tiep }}{% endif %}"])


def test_templates_check_warns_of_the_old_copy(tmp_path: Path) -> None:
    office = tmp_path / "mau"
    old_to_trinh(office)
    report = check_templates(TemplateLibrary([office, BUILTIN]), ["to-trinh"])
    found = [p for p in report.problems if p.key == "tpl.draft_continued_unbound"]
    assert len(found) == 1 and found[0].warning
    for lang, words in (("vi", "thêm «, noi_nhan_tiep = du_thao.noi_nhan_tiep»"),
                        ("en", "add «, noi_nhan_tiep = du_thao.noi_nhan_tiep»")):  # fmt: skip
        said = t(found[0].key, lang=lang, **found[0].params)
        assert words in said and "vanthu templates copy to-trinh --force" in said, said
    builtin = check_templates(TemplateLibrary([BUILTIN]), ["to-trinh"])
    assert not [p for p in builtin.problems if p.key == "tpl.draft_continued_unbound"]
