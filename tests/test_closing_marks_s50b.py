"""Closing marks (s50b): the punctuation a clerk types at the end of a text or a list line is
replaced by the document's own ending, never doubled before it.

A Công văn's ket_thuc typed "...thực hiện;" printed "thực hiện;./.", "...thực hiện./" printed
"thực hiện././.", and a Kính gửi (or Nơi nhận) line typed "Đoàn Thanh niên cơ quan," printed
"- Đoàn Thanh niên cơ quan,."; all rendered and passed `vanthu verify`. A question mark stays
("?./."): the question is the sentence's meaning, and the decree's "./." still closes it.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document
from ruamel.yaml import YAML

from pipeline.context.common import closing
from pipeline.verify import verify_file

CLOSING = "Đề nghị các phòng, ban, đơn vị quan tâm, phối hợp thực hiện"


def _run(cli: click.Group, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", "vi", *args])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.cli import main

    folder = tmp_path_factory.mktemp("s50b") / "ws"
    _run(main, "init", str(folder), "--kieu", "hoi-dong-tdkt", "--chu-quan",
         "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "--nguoi-ky", "Nguyễn Thành Công")  # fmt: skip
    _run(main, "new", "cong-van", "-o", str(folder / "inputs" / "2026" / "cv.yaml"))
    return folder


def _letter(cli: click.Group, office: Path, name: str, **changes: object) -> Path:
    """The Công văn starter with `changes`, rendered; the .docx."""
    yaml = YAML()
    starter = office / "inputs" / "2026" / "cv.yaml"
    data = yaml.load(starter.read_text("utf-8"))
    data.update(changes)
    typed = office / "inputs" / "2026" / f"{name}.yaml"
    with typed.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    _run(cli, "render", str(typed), "-o", str(office / f"{name}.docx"))
    return office / f"{name}.docx"


def _texts(docx: Path) -> list[str]:
    doc = Document(str(docx))
    cells = [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]
    return [p.text for p in doc.paragraphs] + cells


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("./", "thực hiện./."),
        (";", "thực hiện./."),
        (":", "thực hiện./."),
        (",", "thực hiện./."),
        ("!", "thực hiện./."),
        (" ./.", "thực hiện./."),
        (" ; ", "thực hiện./."),
        ("?", "thực hiện?./."),
    ],
    ids=["dot-slash", "semicolon", "colon", "comma", "exclamation", "spaced-mark", "spaced",
         "question"],
)  # fmt: skip
def test_the_closing_mark_replaces_the_typed_one(
    cli: click.Group, office: Path, typed: str, printed: str
) -> None:
    docx = _letter(cli, office, "ket-thuc", ket_thuc=CLOSING + typed)
    last = [t for t in _texts(docx) if t.startswith("Đề nghị các phòng")]
    assert last == [CLOSING.removesuffix("thực hiện") + printed]
    report = verify_file(docx)
    assert report.ok, [v.line() for v in report.violations]


def test_list_lines_end_with_the_list_s_own_mark(cli: click.Group, office: Path) -> None:
    docx = _letter(
        cli, office, "danh-sach",
        kinh_gui=["Các phòng, ban, đơn vị;", "Đoàn Thanh niên cơ quan,"],
        noi_nhan=["Lãnh đạo cơ quan,", "Ban Thi đua:"],
    )  # fmt: skip
    texts = _texts(docx)
    assert "Kính gửi:\t- Các phòng, ban, đơn vị;" in texts
    assert "- Đoàn Thanh niên cơ quan." in texts
    assert "- Lãnh đạo cơ quan;" in texts and "- Ban Thi đua;" in texts
    assert not [t for t in texts if t.endswith((",.", ",;", ":;"))]


def test_one_addressee_typed_with_a_comma(cli: click.Group, office: Path) -> None:
    docx = _letter(cli, office, "mot-noi", kinh_gui="Sở Nội vụ,")
    assert not [t for t in _texts(docx) if "Nội vụ," in t]


def test_an_abbreviation_keeps_its_dot() -> None:
    assert closing("hồ sơ, tài liệu, v.v.") == "hồ sơ, tài liệu, v.v./."
    assert closing("tại sonla.gov.vn/") == "tại sonla.gov.vn/./."


@pytest.mark.parametrize("typed", [";", ":", ",", "./"])
def test_verify_fails_a_mark_doubled_before_the_closing(
    cli: click.Group, office: Path, typed: str
) -> None:
    docx = _letter(cli, office, "dung-tay")
    doc = Document(str(docx))
    last = next(p for p in doc.paragraphs if p.text.startswith("Đề nghị các phòng"))
    run = next(r for r in reversed(last.runs) if r.text)
    assert run.text.endswith("./.")
    run.text = run.text[: -len("./.")] + typed + "./."
    edited = office / "dung-tay-sua.docx"
    doc.save(str(edited))
    rules = [v.rule for v in verify_file(edited).violations]
    assert rules == ["noi_dung.closing_punctuation"]


def test_verify_passes_a_question_closing(cli: click.Group, office: Path) -> None:
    docx = _letter(cli, office, "cau-hoi", ket_thuc="Đề nghị cho biết ý kiến?")
    assert "Đề nghị cho biết ý kiến?./." in _texts(docx)
    assert verify_file(docx).ok
