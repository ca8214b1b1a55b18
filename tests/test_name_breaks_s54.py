"""A '|' in a profile's ten_co_quan, co_quan_chu_quan or a signer's chuc_vu breaks the line
there, as `vanthu init --co-quan` reads it: never printed, every word kept, also when a part is
still too wide for its column (the warning then suggests the real words). And `vanthu init`
reads the place of the date line from a chủ quản typed as the place alone ("TỈNH SƠN LA"),
refusing it, with why, for a kind whose level is the chủ quản body's."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from pipeline.workspace.header_name import clerk_lines
from pipeline.workspace.init import OfficeAnswers, agency_profile, default_place
from tests.test_long_lines import header_and_signature

PROFILE = """\
co_quan_chu_quan: ỦY BAN NHÂN DÂN TỈNH SƠN LA
ten_co_quan: {name}
ten_day_du: Sở Nông nghiệp và Phát triển nông thôn tỉnh Sơn La
viet_tat: SNNPTNT
dia_danh: Sơn La
don_vi:
  VP: {{ten: Văn phòng Sở}}
nguoi_ky:
  giam-doc: {{ho_ten: Hà Văn Sơn, chuc_vu: '{title}'}}
"""

LETTER = """\
loai: cong_van
co_quan: so
so: 7
ngay: 09/02/2026
trich_yeu: tăng cường công tác phòng, chống dịch bệnh
kinh_gui: [Các phòng, đơn vị]
noi_dung:
  - Sở đề nghị các đơn vị khẩn trương thực hiện.
ket_thuc: Đề nghị các đơn vị nghiêm túc thực hiện
noi_nhan: [UBND tỉnh (b/c)]
don_vi_soan_thao: VP
nguoi_ky: giam-doc
"""

BROKEN_NAME = "'SỞ NÔNG NGHIỆP VÀ | PHÁT TRIỂN NÔNG THÔN'"
# Its second part still too wide for the signature's column.
BROKEN_TITLE = "GIÁM ĐỐC TRUNG TÂM | PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH SƠN LA"
TITLE_WORDS = BROKEN_TITLE.replace("|", " ").split()


def office(root: Path, name: str = BROKEN_NAME, title: str = BROKEN_TITLE) -> Path:
    """A workspace at `root` whose profile has these header name and signer's title, and a
    Công văn it signs."""
    (root / "inputs" / "co-quan").mkdir(parents=True)
    (root / "vanthu.yaml").write_text("ten: Sở\n", "utf-8")
    (root / "inputs" / "co-quan" / "so.yaml").write_text(
        PROFILE.format(name=name, title=title), "utf-8"
    )
    (root / "inputs" / "2026").mkdir()
    data = root / "inputs" / "2026" / "cv.yaml"
    data.write_text(LETTER, "utf-8")
    return data


def printed(docx: Path) -> tuple[list[str], list[str]]:
    """The header's first three left-column lines and the signature's title lines of `docx`."""
    header, titles = header_and_signature(docx)
    return header[:3], titles


def rendered(root: Path, **fields: str) -> Path:
    data = office(root, **fields)
    return Renderer(Workspace.containing(data)).render_file(data, root / "cv.docx")


def test_clerk_lines_break_at_a_bar_or_a_new_line() -> None:
    assert clerk_lines("SỞ NÔNG NGHIỆP VÀ | PHÁT  TRIỂN NÔNG THÔN") == [
        "SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN",
    ]  # fmt: skip
    assert clerk_lines("A|B\n C ||") == ["A", "B", "C"]


def test_a_bar_breaks_the_header_and_the_signature_keeping_every_word(tmp_path: Path) -> None:
    docx = rendered(tmp_path)
    header, titles = printed(docx)
    assert header == ["ỦY BAN NHÂN DÂN TỈNH SƠN LA", "SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]
    assert titles[0] == "GIÁM ĐỐC TRUNG TÂM" and len(titles) > 2
    assert " ".join(titles).split() == TITLE_WORDS  # "LA" kept, no '|' printed
    report = verify_file(docx)
    assert report.ok, [v.line("vi") for v in report.violations]


def test_a_bar_in_a_name_that_fits_is_a_break_not_a_word(tmp_path: Path) -> None:
    docx = rendered(tmp_path, name="'SỞ GIÁO DỤC | VÀ ĐÀO TẠO'", title="Giám đốc | Sở")
    header, titles = printed(docx)
    assert header[1:] == ["SỞ GIÁO DỤC", "VÀ ĐÀO TẠO"]
    assert titles == ["GIÁM ĐỐC", "SỞ"]


def test_a_bar_in_the_chu_quan_breaks_it(tmp_path: Path) -> None:
    data = office(tmp_path)
    profile = tmp_path / "inputs" / "co-quan" / "so.yaml"
    text = profile.read_text("utf-8").replace(
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "'ỦY BAN NHÂN DÂN | TỈNH SƠN LA'"
    )
    profile.write_text(text, "utf-8")
    docx = Renderer(Workspace.containing(data)).render_file(data, tmp_path / "cv.docx")
    assert printed(docx)[0][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"]


def test_the_warning_suggests_the_real_words(tmp_path: Path) -> None:
    data = office(tmp_path)
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(data)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Cảnh báo:")]
    # The name's parts fit: no warning of it; the title's second part does not.
    assert len(warnings) == 1 and "'nguoi_ky.giam-doc.chuc_vu'" in warnings[0], result.output
    suggestion = warnings[0].split("chuc_vu: [", 1)[1].rstrip("]")
    lines = suggestion.split(", ")
    assert lines[0] == "GIÁM ĐỐC TRUNG TÂM" and len(lines) > 2
    assert " ".join(lines).split() == TITLE_WORDS


@pytest.mark.parametrize(
    ("chu_quan", "place"),
    [("TỈNH SƠN LA", "Sơn La"), ("TỈNH BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu")],
)
def test_the_place_defaults_to_a_chu_quan_typed_as_a_place(chu_quan: str, place: str) -> None:
    assert default_place(None, chu_quan) == place
    answers = OfficeAnswers(kieu="so-nganh", dia_danh="", nguoi_ky="Lò Văn A", viet_tat="THPT",
                            ten_co_quan="TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN",
                            co_quan_chu_quan=chu_quan)  # fmt: skip
    assert agency_profile(answers)["dia_danh"] == place


def test_a_chu_quan_typed_as_a_place_is_refused_saying_why(
    tmp_path: Path, cli: click.Group
) -> None:
    result = CliRunner().invoke(cli, [
        "--lang", "vi", "init", str(tmp_path / "vp"), "--kieu", "van-phong", "--co-quan",
        "VĂN PHÒNG ĐOÀN ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN", "--chu-quan", "TỈNH SƠN LA",
        "--nguoi-ky", "Đỗ Văn G", "--viet-tat", "VP",
    ])  # fmt: skip
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "'dia_danh'" not in result.output
    assert "'TỈNH SƠN LA' chỉ ghi địa danh" in result.output, result.output
    assert "--chu-quan 'ỦY BAN NHÂN DÂN TỈNH SƠN LA'" in result.output
    with pytest.raises(InputError) as caught:
        agency_profile(OfficeAnswers(kieu="van-phong", dia_danh="", nguoi_ky="Đỗ Văn G",
                                     viet_tat="VP", co_quan_chu_quan="TỈNH SƠN LA"))  # fmt: skip
    assert caught.value.key == "ws.chief_place_only"
    english = CliRunner().invoke(cli, [
        "--lang", "en", "init", str(tmp_path / "vp"), "--kieu", "so-nganh", "--co-quan",
        "SỞ NỘI VỤ", "--chu-quan", "TỈNH SƠN LA", "--nguoi-ky", "Đỗ Văn G",
    ])  # fmt: skip
    assert "'TỈNH SƠN LA' names a place only" in english.output, english.output
