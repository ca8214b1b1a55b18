"""A document kept in another year's folder than its date's is warned about (a folder copied
from last year, dates not yet changed), unless its nam or trích yếu names the folder's year;
`vanthu check` names the file of each warning, and the report a decision's error fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

WARNING = (
    "Cảnh báo: {name}: dòng 6, trường 'ngay': văn bản ghi ngày 22/12/2022 nhưng nằm trong thư "
    "mục 2023: nếu tệp được chép từ năm khác, hãy sửa ngày (văn bản này tính vào năm 2022: số "
    "trong sổ, báo cáo)"
)


def run(workspace: Path, *args: str, lang: str = "vi") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def copied(inputs_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """inputs/2023/qd-giay-khen.yaml: the 2022 Giấy khen decision copied, its date unchanged
    (its number changed, so that the report counts two decisions issued)."""
    monkeypatch.chdir(inputs_copy.parent)
    folder = inputs_copy / "2023"
    folder.mkdir()
    shutil.copy(inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv", folder)
    text = (inputs_copy / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    (folder / "qd-giay-khen.yaml").write_text(text.replace("so: 153", "so: 199"), "utf-8")
    return folder / "qd-giay-khen.yaml"


def test_check_warns_of_a_date_outside_its_year_folder(copied: Path) -> None:
    code, out = run(copied, "check")
    assert code == 0
    warnings = [line for line in out.splitlines() if line.startswith("Cảnh báo")]
    # The copy also gives the 2022 decision's awards again: the 2022 report says it counts
    # them twice (load.report.lists_counted_twice); that is its own warning.
    dated = [w for w in warnings if "trường 'ngay'" in w]
    assert dated == [WARNING.format(name="inputs/2023/qd-giay-khen.yaml")]
    others = [w for w in warnings if w not in dated]
    assert others and all("bao-cao" in w and "hai lần" in w for w in others), warnings
    code, out = run(copied, "check", lang="en")
    assert (
        "Warning: inputs/2023/qd-giay-khen.yaml: line 6, field 'ngay': the document is dated "
        "22/12/2022 but kept in the 2023 folder" in out
    ), out


def test_build_warns_of_it_too(copied: Path, tmp_path: Path) -> None:
    code, out = run(copied, "build", "-o", str(tmp_path / "out"))
    assert code == 0, out
    assert WARNING.format(name="inputs/2023/qd-giay-khen.yaml") in out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A plan for 2023 signed in December 2022, kept with 2023's documents.
        (
            "trich_yeu: Về việc tặng Giấy khen của Chánh Văn phòng UBND tỉnh",
            "trich_yeu: Về việc tặng Giấy khen của Chánh Văn phòng UBND tỉnh năm 2023",
        ),
        # Dated in the folder's year.
        ("ngay: 22/12/2022", "ngay: 05/01/2023"),
    ],
)
def test_a_document_that_names_the_folder_s_year_is_not_warned(
    copied: Path, old: str, new: str
) -> None:
    copied.write_text(copied.read_text("utf-8").replace(old, new), "utf-8")
    code, out = run(copied, "check", str(copied))
    assert code == 0 and "Cảnh báo" not in out, out


def test_the_example_workspace_has_no_such_warning(inputs_copy: Path, monkeypatch) -> None:
    monkeypatch.chdir(inputs_copy.parent)
    code, out = run(inputs_copy, "check")
    assert code == 0 and "thư mục" not in out, out


def test_check_names_the_report_a_decision_s_error_fails(inputs_copy: Path, monkeypatch) -> None:
    monkeypatch.chdir(inputs_copy.parent)
    (inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv").unlink()
    code, out = run(inputs_copy, "check")
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("Lỗi")]
    decision = "inputs/2022/qd-giay-khen.yaml"  # named as the clerk reads it, from where he is
    assert errors == [
        f"Lỗi: inputs/2022/bao-cao-tong-ket.yaml: {decision}, dòng 20, trường "
        "'khen_thuong.danh_sach': không tìm thấy danh sách 'danh-sach-giay-khen-2022.csv' (đặt "
        "tệp cạnh tệp YAML)",
        f"Lỗi: {decision}, dòng 20, trường 'khen_thuong.danh_sach': không tìm thấy danh sách "
        "'danh-sach-giay-khen-2022.csv' (đặt tệp cạnh tệp YAML)",
    ]
