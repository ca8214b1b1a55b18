"""A report never prints figures with one of its decisions missing unseen (s50c): a document of
its office and years that may be an award decision but cannot be read as one refuses it, naming
the file and why; a decision without its number (a draft, "Số: ..../QĐ-…") has not been issued,
so it is not counted, and the report says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.cli import main
from tests.docx_text import paragraph_texts

REPORT = Path("2022") / "bao-cao-tong-ket.yaml"
DECISION = Path("2022") / "qd-giay-khen.yaml"
ISSUED = "đã ban hành 02 quyết định khen thưởng, khen thưởng cho 50 cá nhân và 07 tập thể"


def run(*args: str, lang: str = "vi") -> tuple[int, str]:
    """`vanthu --lang LANG ARGS`: its exit code and its output, lines joined."""
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def report_text(docx: Path) -> str:
    return " ".join(paragraph_texts(docx))


def render(inputs: Path, out: Path, lang: str = "vi") -> tuple[int, str]:
    return run("render", str(inputs / REPORT), "-o", str(out), lang=lang)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- bug 1: a decision that cannot be read is no decision left out unseen -----------------


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("loai: quyet_dinh\n", "loai: quyet_dinh_\n", "loại văn bản 'quyet_dinh_' không"),
        ("loai: quyet_dinh\n", "loai: Quyet_dinh\n", "loại văn bản 'Quyet_dinh' không"),
        ("loai: quyet_dinh\n", "", "thiếu trường 'loai'"),
        ("\nkhen_thuong:\n", "\nkhen_thuong_:\n", "trường 'khen_thuong_': trường không có"),
    ],
)
def test_an_award_decision_that_cannot_be_read_refuses_the_report(
    inputs_copy: Path, tmp_path: Path, old: str, new: str, said: str
) -> None:
    out = tmp_path / "bc.docx"
    code, output = render(inputs_copy, out)
    assert code == 0 and ISSUED in report_text(out), output
    good = out.read_bytes()

    edit(inputs_copy / DECISION, old, new)
    code, output = render(inputs_copy, out)
    assert code == 1, output
    assert "2022/qd-giay-khen.yaml" in output and said in output, output
    assert "báo cáo năm 2022 không tính số liệu khi chưa đọc được" in output, output
    assert out.read_bytes() == good  # the good report is not written over
    code, output = render(inputs_copy, out, lang="en")
    assert code == 1 and "the 2022 report cannot count its figures while" in output, output


def test_the_build_keeps_the_good_report_while_a_decision_is_broken(
    inputs_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = run("build", str(inputs_copy), "-o", str(out))
    assert code == 0, output
    report = out / REPORT.with_suffix(".docx")
    good = report.read_bytes()
    edit(inputs_copy / DECISION, "loai: quyet_dinh\n", "loai: quyet_dinh_\n")
    code, output = run("build", str(inputs_copy), "-o", str(out), "--keep-going")
    assert code == 1
    assert "2022/bao-cao-tong-ket.yaml" in output and "không tính số liệu" in output, output
    assert report.read_bytes() == good and ISSUED in report_text(report)


def test_what_the_report_does_not_count_stays_out_broken_or_not(
    inputs_copy: Path, tmp_path: Path
) -> None:
    """Out of its scope, as before: another year's document (by its date, wherever kept),
    another office's, one dated after the report; Quyết định that validate without an award
    list (qd-thanh-lap-hoi-dong, qd-ban-hanh-ke-hoach) and documents of other kinds."""
    text = (inputs_copy / DECISION).read_text("utf-8").replace("loai: quyet_dinh\n", "loai: qd\n")
    (inputs_copy / "2022" / "qd-2020.yaml").write_text(
        text.replace("ngay: 22/12/2022", "ngay: 22/12/2020"), "utf-8"
    )
    (inputs_copy / "2016" / "qd-tinh.yaml").write_text(
        text.replace("co_quan: van-phong-ubnd-son-la", "co_quan: ubnd-tinh-son-la"), "utf-8"
    )
    (inputs_copy / "2022" / "qd-sau-bao-cao.yaml").write_text(
        text.replace("ngay: 22/12/2022", "ngay: 30/12/2022"), "utf-8"
    )
    out = tmp_path / "bc.docx"
    code, output = render(inputs_copy, out)
    assert code == 0 and ISSUED in report_text(out), output
    # Each is a file the report depends on: corrected, it may become one of its decisions.
    files = {p.name for p in load_document(inputs_copy / REPORT).files}
    assert {"qd-2020.yaml", "qd-tinh.yaml", "qd-sau-bao-cao.yaml"} <= files


def test_last_year_s_decision_unreadable_refuses_the_comparison(inputs_copy: Path) -> None:
    edit(inputs_copy / "2021" / "qd-lao-dong-tien-tien.yaml", "khen_thuong:", "khen_thuongg:")
    code, output = run("check", str(inputs_copy / REPORT))
    assert code == 1 and "2021/qd-lao-dong-tien-tien.yaml" in output, output
    assert "khen_thuongg" in output and "không tính số liệu" in output, output


# --- bug 2: a decision without its number is not issued --------------------------------------


def second_batch(inputs: Path, number: str) -> Path:
    """A second Giấy khen decision of 2022 (26/12/2022, one person) whose so: is `number`."""
    folder = inputs / "2022"
    (folder / "ds-gk-dot2.csv").write_text(
        "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại\n"
        "Nguyễn Văn Mới,Chuyên viên,Phòng Tổng hợp,Giấy khen của Chánh Văn phòng,Cá nhân\n",
        "utf-8",
    )
    text = (folder / "qd-giay-khen.yaml").read_text("utf-8")
    for old, new in (
        ("so: 153\n", f"so:{number}\n"),
        ("ngay: 22/12/2022", "ngay: 26/12/2022"),
        ("danh_sach: danh-sach-giay-khen-2022.csv", "danh_sach: ds-gk-dot2.csv"),
        ("trich_yeu: Về việc tặng Giấy khen của Chánh Văn phòng UBND tỉnh",
         "trich_yeu: Về việc tặng Giấy khen đợt 2 năm 2022"),
    ):  # fmt: skip
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / "qd-gk-dot2.yaml"
    path.write_text(text, "utf-8")
    return path


def test_a_decision_without_its_number_is_not_counted_and_is_warned(
    inputs_copy: Path, tmp_path: Path
) -> None:
    second_batch(inputs_copy, "")
    out = tmp_path / "bc.docx"
    code, output = render(inputs_copy, out)
    assert code == 0, output
    assert ISSUED in report_text(out)  # not 03, nor 51 cá nhân
    assert "2022/qd-gk-dot2.yaml ngày 26/12/2022 chưa có số: không tính" in output, output
    code, output = render(inputs_copy, out, lang="en")
    assert "2022/qd-gk-dot2.yaml dated 26/12/2022 has no number: not counted" in output, output
    # The draft still prints as one, "Số: ..../QĐ-VPUBND".
    draft = tmp_path / "draft.docx"
    code, output = run("render", str(inputs_copy / "2022" / "qd-gk-dot2.yaml"), "-o", str(draft))
    assert code == 0 and "Số: ..../QĐ-VPUBND" in report_text(draft), output


def test_a_decision_numbered_by_the_register_is_counted(inputs_copy: Path, tmp_path: Path):
    second_batch(inputs_copy, " tu_dong")
    out = tmp_path / "bc.docx"
    code, output = render(inputs_copy, out)
    assert code == 0 and "chưa có số" not in output, output
    assert "đã ban hành 03 quyết định khen thưởng, khen thưởng cho 51 cá nhân" in report_text(out)


def test_a_typed_number_is_counted(inputs_copy: Path, tmp_path: Path) -> None:
    second_batch(inputs_copy, " 158")
    out = tmp_path / "bc.docx"
    code, output = render(inputs_copy, out)
    assert code == 0 and "chưa có số" not in output, output
    assert "đã ban hành 03 quyết định khen thưởng" in report_text(out)
