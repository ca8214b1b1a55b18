"""A maintainer's reviewing marks left in a template: tracked changes are refused (templates
check and render, at the file and paragraph), comments are removed when the template is prepared
(the output opens in LibreOffice), and the frame's Track Changes setting is not copied into
outputs."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import Renderer, load_document
from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.i18n import set_language
from pipeline.render.compose import TemplateLibrary, strip_comments
from pipeline.render.engine import Engine
from pipeline.template_tools.check import check_templates
from tests.new_office import new_office

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml"  # a Quyết định
REVISION = 'w:id="90" w:author="Văn thư" w:date="2026-01-01T00:00:00Z"'


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def edited(tmp_path: Path, template: str, old: str, new: str, part: str = "word/document.xml"
           ) -> Path:  # fmt: skip
    """An office folder mau/ with a copy of built-in `template` whose `part` has `old` → `new`."""
    folder = tmp_path / "mau"
    target = folder / f"{template}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "templates" / f"{template}.docx", target)
    with zipfile.ZipFile(target) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts[part].decode("utf-8")
    assert old in xml, old
    parts[part] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return folder


def retyped(tmp_path: Path) -> Path:
    """The tester's T_replace: `{{ theo_de_nghi }}` retyped with Track Changes on."""
    return edited(
        tmp_path, "quyet-dinh", "<w:r><w:t>{{ theo_de_nghi }}</w:t></w:r>",
        f"<w:del {REVISION}><w:r><w:delText>{{{{ theo_de_nghi }}}}</w:delText></w:r></w:del>"
        f"<w:ins {REVISION}><w:r><w:t>Xét đề nghị của Phòng Nội vụ.</w:t></w:r></w:ins>",
    )  # fmt: skip


def test_tracked_changes_are_refused_by_check_and_render(tmp_path: Path) -> None:
    folder = retyped(tmp_path)
    report = check_templates(TemplateLibrary(folder), ["quyet-dinh"])
    assert not report.ok
    (problem,) = [p for p in report.problems if p.key == "tpl.tracked_changes"]
    assert "đoạn 9" in problem.where and "mau/" in problem.where
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(folder)).prepare("quyet-dinh")
    assert caught.value.key == "tpl.tracked_changes"
    assert "quyet-dinh.docx" in caught.value.location() and "đoạn 9" in caught.value.location()
    assert "Accept All Changes" in str(caught.value)


def test_a_formatting_change_in_a_block_names_the_block(tmp_path: Path) -> None:
    change = f"<w:rPrChange {REVISION}><w:rPr><w:b/></w:rPr></w:rPrChange>"
    folder = edited(
        tmp_path,
        "khoi/ky-ten",
        "<w:r><w:t>Nơi nhận:",
        f"<w:r><w:rPr><w:b/>{change}</w:rPr><w:t>Nơi nhận:",
    )
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(folder)).prepare("quyet-dinh")
    assert caught.value.key == "tpl.tracked_changes"
    assert "khoi/ky-ten.docx" in caught.value.location()
    assert "đoạn" in caught.value.location() or "bảng" in caught.value.location()


def test_render_refuses_a_template_with_tracked_changes(tmp_path: Path, monkeypatch) -> None:
    """End to end in English: the message names file and paragraph; no traceback."""
    new_office(tmp_path, monkeypatch)
    runner = CliRunner()
    assert runner.invoke(main, ["new", "quyet-dinh", "-o", "inputs/qd.yaml"]).exit_code == 0
    retyped(tmp_path / "ws")
    check = runner.invoke(main, ["--lang", "en", "templates", "check", "quyet-dinh"])
    assert check.exit_code == 1 and "still holds tracked changes" in check.output
    render = runner.invoke(main, ["--lang", "en", "render", "inputs/qd.yaml"])
    assert render.exit_code == 1, render.output
    assert "quyet-dinh.docx" in render.output and "paragraph 9" in render.output
    assert "Accept All Changes" in render.output and "Traceback" not in render.output


def test_track_changes_setting_of_the_frame_is_not_copied(tmp_path: Path) -> None:
    folder = edited(tmp_path, "khung", "<w:zoom", "<w:trackRevisions/><w:zoom", "word/settings.xml")
    data = Renderer(folder).render(load_document(EXAMPLE))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        settings = archive.read("word/settings.xml").decode()
    assert "trackRevisions" not in settings and "<w:zoom" in settings


def commented(tmp_path: Path) -> Path:
    """Two comments on quyet-dinh.docx, added with python-docx as a maintainer leaves notes."""
    folder = tmp_path / "mau"
    folder.mkdir()
    path = folder / "quyet-dinh.docx"
    shutil.copy(REPO / "templates" / "quyet-dinh.docx", path)
    doc = Document(str(path))
    paragraphs = [p for p in doc.paragraphs if p.runs]
    for paragraph in (paragraphs[1], paragraphs[-1]):
        doc.add_comment(paragraph.runs, text="Ghi chú của người bảo trì", author="Bảo trì")
    doc.save(str(path))
    with zipfile.ZipFile(path) as archive:
        assert "<w:commentReference" in archive.read("word/document.xml").decode()
    return folder


def test_comments_are_removed_and_the_output_opens(tmp_path: Path) -> None:
    from typed_docs import to_pdf

    folder = commented(tmp_path)
    assert check_templates(TemplateLibrary(folder), ["quyet-dinh"]).ok
    data = Renderer(folder).render(load_document(EXAMPLE))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
        assert "word/comments.xml" not in archive.namelist()
    assert "<w:comment" not in xml
    # The same text as from the template without comments.
    plain = Renderer(REPO / "templates").render(load_document(EXAMPLE))
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        assert archive.read("word/document.xml").decode() == xml
    out = tmp_path / "out"
    out.mkdir()
    docx = out / "qd.docx"
    docx.write_bytes(data)
    (pdf,) = to_pdf([docx], out)
    assert pdf.is_file() and pdf.stat().st_size > 1000


def test_strip_comments_keeps_the_text() -> None:
    xml = ('<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>QUYẾT ĐỊNH:</w:t></w:r>'
           '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
           '</w:rPr><w:commentReference w:id="0"/></w:r><w:r><w:t>x</w:t></w:r></w:p>')  # fmt: skip
    kept = "<w:p><w:r><w:t>QUYẾT ĐỊNH:</w:t></w:r><w:r><w:t>x</w:t></w:r></w:p>"
    assert strip_comments(xml) == kept


def test_a_phoi_with_tracked_changes_is_refused(tmp_path: Path) -> None:
    """A phôi keeps its own parts, but not its unaccepted revisions."""
    inserted = f"<w:ins {REVISION}><w:r><w:t>{{%p endif %}}</w:t></w:r></w:ins>"
    folder = edited(tmp_path, "giay-khen", "<w:r><w:t>{%p endif %}</w:t></w:r>", inserted)
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(folder)).prepare("giay-khen")
    assert caught.value.key == "tpl.tracked_changes"
    assert "giay-khen.docx" in caught.value.location()
