"""Small things a clerk meets: `vanthu new` outside a workspace writes only the file; an hour
YAML read as a number says so; a legacy-code message names the code it saw (both only when the
text reads alike in either); a họ tên decoded from TCVN3 gets its capitals back; `so kiem-tra`
prints its warnings as every command does ("Cảnh báo: ...", on stderr)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import STANDARD_FIELDS
from pipeline.load.yaml_source import load_yaml
from pipeline.register import Details, Status, open_register
from pipeline.text.legacy import TCVN3, VNI
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, init_workspace, refuse_legacy_answers

TODAY = date(2026, 1, 5)


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --- 1. vanthu new outside a workspace ---------------------------------------------------------


def test_new_outside_a_workspace_writes_only_the_file_and_it_renders(tmp_path: Path) -> None:
    target = tmp_path / "giay-to" / "cv.yaml"
    made = vanthu("--lang", "vi", "new", "cong-van", "-o", str(target))
    assert made.exit_code == 0, made.output
    assert files_under(tmp_path) == ["giay-to/cv.yaml"]  # no inputs/co-quan/ beside it
    assert "hồ sơ cơ quan mẫu 'co-quan-mau' có sẵn trong vanthu" in made.output
    assert "vanthu init" in made.output
    rendered = vanthu("render", str(target), "-o", str(tmp_path / "cv.docx"))
    assert rendered.exit_code == 0, rendered.output


def test_new_outside_a_workspace_still_writes_the_list_its_file_names(tmp_path: Path) -> None:
    made = vanthu("--lang", "en", "new", "quyet-dinh", "-o", str(tmp_path / "qd.yaml"))
    assert made.exit_code == 0, made.output
    assert files_under(tmp_path) == ["danh-sach-khen-thuong.csv", "qd.yaml"]
    assert "sample office profile 'co-quan-mau' shipped with vanthu" in made.output


def test_new_in_a_workspace_without_a_profile_writes_the_sample_into_it(tmp_path: Path) -> None:
    (tmp_path / "vanthu.yaml").write_text("du_lieu: inputs\n", "utf-8")
    made = vanthu("new", "ke-hoach", "-o", str(tmp_path / "inputs" / "2026" / "kh.yaml"))
    assert made.exit_code == 0, made.output
    assert files_under(tmp_path) == [
        "inputs/2026/kh.yaml", "inputs/co-quan/co-quan-mau.yaml", "vanthu.yaml"]  # fmt: skip
    assert "co-quan-mau' có sẵn" not in made.output and "shipped" not in made.output


def test_new_in_an_office_workspace_uses_its_profile(tmp_path: Path) -> None:
    answers = OfficeAnswers(kieu="ubnd-xa", dia_danh="Sơn La", nguoi_ky="Phạm Minh Ánh")
    root = init_workspace(tmp_path / "ws", answers, today=TODAY).root
    before = files_under(root)
    made = vanthu("new", "cong-van", "-o", str(root / "inputs" / "2026" / "cv.yaml"))
    assert made.exit_code == 0, made.output
    assert files_under(root) == sorted([*before, "inputs/2026/cv.yaml"])
    assert "co_quan: co-quan-mau" not in (root / "inputs" / "2026" / "cv.yaml").read_text("utf-8")


def test_the_shipped_sample_serves_only_where_there_is_no_workspace(tmp_path: Path) -> None:
    assert Workspace.containing(tmp_path).agency_file("co-quan-mau") is not None
    (tmp_path / "inputs" / "co-quan").mkdir(parents=True)  # an office folder: its own profiles
    assert Workspace.containing(tmp_path).agency_file("co-quan-mau") is None


# --- 2. an hour YAML read as a number ----------------------------------------------------------


def _invitation(folder: Path, hour: str) -> tuple[Path, int]:
    path = folder / "gm.yaml"
    assert vanthu("new", "giay-moi", "-o", str(path)).exit_code == 0
    text = re.sub(r"(?m)^(\s*)gio:[^\n]*", rf"\g<1>gio: {hour}", path.read_text("utf-8"), count=1)
    path.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("gio:"))
    return path, line


@pytest.mark.parametrize(
    ("hour", "number", "colon", "words"),
    [("7.30", "7.3", "7:30", "07 giờ 30"), ("14.05", "14.05", "14:05", "14 giờ 05"),
     ("8", "8", "8:00", "08 giờ 00"), ("25.3", "25.3", "8:30", "08 giờ 30")],
)  # fmt: skip
def test_an_hour_read_as_a_number_says_so(
    tmp_path: Path, hour: str, number: str, colon: str, words: str
) -> None:
    path, line = _invitation(tmp_path, hour)
    result = vanthu("--lang", "vi", "render", str(path), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert f"gm.yaml, dòng {line}, trường 'thoi_gian.gio'" in result.output
    assert f"giờ bị đọc thành con số {number}" in result.output
    assert f'"{colon}"' in result.output and words in result.output
    assert "phải là một đoạn chữ" not in result.output
    english = vanthu("--lang", "en", "render", str(path), "-o", str(tmp_path / "x.docx"))
    assert f"the time was read as the number {number}, not a time: write \"{colon}\"" in (
        english.output)


def test_an_hour_written_as_suggested_renders(tmp_path: Path) -> None:
    path, _ = _invitation(tmp_path, '"7:30"')
    result = vanthu("render", str(path), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 0, result.output


def test_a_schedule_row_hour_read_as_a_number_says_so(tmp_path: Path) -> None:
    path = tmp_path / "tb.yaml"
    assert vanthu("new", "thong-bao", "-o", str(path)).exit_code == 0
    text = path.read_text("utf-8").replace(
        "lich: []", "lich:\n  - ngay: 15/01/2026\n    gio: 7.30\n    noi_dung: Giao ban\n", 1)
    path.write_text(text, "utf-8")
    result = vanthu("--lang", "vi", "render", str(path), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert "trường 'lich[1].gio'" in result.output and "thành con số 7.3" in result.output


# --- 3. the legacy code named: the one seen, both only when the text cannot tell ---------------

TCVN3_TEXT = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
VNI_TEXT = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
EITHER_TEXT = "Phòng tö pháp"  # "tö": VNI's "tư", TCVN3's "tử"


def test_legacy_encodings_tell_the_codes_apart_when_they_can() -> None:
    from pipeline.text.legacy import legacy_encodings

    assert legacy_encodings(TCVN3_TEXT) == (TCVN3,)
    assert legacy_encodings(VNI_TEXT) == (VNI,)
    assert legacy_encodings("Sôû Tö phaùp") == (VNI,)
    assert legacy_encodings(EITHER_TEXT) == (TCVN3, VNI)
    assert legacy_encodings("Cộng hòa xã hội chủ nghĩa Việt Nam") == ()


def _refused(tmp_path: Path, key: str, value: str) -> InputError:
    path = tmp_path / "tb.yaml"
    path.write_text(f'loai: thong_bao\ntrich_yeu: Lịch công tác\n{key}: "{value}"\n', "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.key == "data.legacy_text" and caught.value.line == 3
    return caught.value


@pytest.mark.parametrize(
    ("text", "vi", "en", "other"),
    [(TCVN3_TEXT, "bảng mã TCVN3 (ABC) (phông .VnTime)", "TCVN3 (ABC) (a .VnTime font)", "VNI"),
     (VNI_TEXT, "bảng mã VNI (phông VNI-Times)", "VNI (a VNI-Times font)", "VnTime"),
     (EITHER_TEXT, "bảng mã TCVN3 (ABC) hoặc VNI (phông .VnTime hoặc VNI-Times)",
      "TCVN3 (ABC) or VNI (a .VnTime or VNI-Times font)", None)],
)  # fmt: skip
def test_a_yaml_value_names_the_code_it_was_typed_in(
    tmp_path: Path, text: str, vi: str, en: str, other: str | None
) -> None:
    error = _refused(tmp_path, "ket_thuc", text)
    assert vi in error.message("vi") and en in error.message("en")
    if other is not None:
        assert other not in error.message("vi") and other not in error.message("en")


def test_a_cell_names_the_code_it_was_typed_in() -> None:
    with pytest.raises(InputError) as caught:
        cell_text("Coäng hoøa xaõ hoäi chuû nghóa", STANDARD_FIELDS["ghi_chu"], "E4")
    said = caught.value.message("vi")
    assert "ô E4 có vẻ gõ bằng bảng mã VNI (phông VNI-Times)" in said
    assert "TCVN3" not in said and "VnTime" not in said


def test_an_init_answer_names_the_code_it_was_typed_in() -> None:
    answers = OfficeAnswers(kieu="ubnd-xa", dia_danh="Ñieän Bieân", nguoi_ky="Nguyễn Văn A")
    with pytest.raises(InputError) as caught:
        refuse_legacy_answers(answers)
    said = caught.value.message("vi")
    assert "dia_danh='Ñieän Bieân' có vẻ gõ bằng bảng mã VNI (phông VNI-Times)" in said
    assert "TCVN3" not in said and "'Điện Biên'" in said  # a place: no person's capitals


# --- 4. a họ tên decoded from TCVN3 gets its capitals back -------------------------------------

NAME = "Ph¹m Minh ¸nh"  # "Phạm Minh Ánh": Á was typed in .VnTimeH, TCVN3 keeps only á


def test_a_yaml_person_name_is_suggested_with_its_capitals(tmp_path: Path) -> None:
    path = tmp_path / "bb.yaml"
    assert vanthu("new", "bien-ban", "-o", str(path)).exit_code == 0
    text = re.sub(r"(?m)^  ho_ten: .*$", f"  ho_ten: {NAME}", path.read_text("utf-8"), count=1)
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.field == "thu_ky.ho_ten"
    fixed = caught.value.params["fixed"]
    assert fixed == "Phạm Minh Ánh" and unicodedata.is_normalized("NFC", fixed)


def test_other_text_decoded_from_tcvn3_keeps_its_case(tmp_path: Path) -> None:
    error = _refused(tmp_path, "ket_thuc", "Ph¹m vi ¸p dông cña kÕ ho¹ch")
    assert error.params["fixed"] == "Phạm vi áp dụng của kế hoạch"


def test_a_list_name_cell_is_suggested_with_its_capitals_a_unit_as_typed() -> None:
    names = STANDARD_FIELDS["ho_ten"]
    with pytest.raises(InputError) as caught:
        cell_text("NguyÔn ThÞ ¸nh TuyÕt", names, "B3")
    assert caught.value.params["fixed"] == "Nguyễn Thị Ánh Tuyết"
    with pytest.raises(InputError) as caught:
        cell_text("Phßng Néi vô", names, "B4")  # Tên tập thể: a unit keeps its small words
    assert caught.value.params["fixed"] == "Phòng Nội vụ"
    with pytest.raises(InputError) as caught:
        cell_text("¸nh s¸ng v¨n ho¸", STANDARD_FIELDS["ghi_chu"], "E4")
    assert caught.value.params["fixed"] == "ánh sáng văn hoá"


def test_an_init_signer_is_suggested_with_its_capitals() -> None:
    with pytest.raises(InputError) as caught:
        refuse_legacy_answers(OfficeAnswers(kieu="ubnd-xa", dia_danh="Sơn La", nguoi_ky=NAME))
    assert "'Phạm Minh Ánh'" in caught.value.message("vi")


# --- 5. so kiem-tra's warnings as every command prints them ------------------------------------


@pytest.fixture()
def incomplete_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A register in an empty folder holding 02 without its date and 03 without its ký hiệu."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        register.record_many("vp", [
            (2026, 1, "chung", Details(doc_date=date(2026, 2, 3), symbol="QĐ-VPUBND",
                                       summary="Khen thưởng"), Status.ISSUED, None, None),
            (2026, 2, "chung", Details(symbol="KH-VPUBND", summary="Kế hoạch"), Status.ISSUED,
             None, None),
            (2026, 3, "chung", Details(doc_date=date(2026, 2, 5), summary="Công văn"),
             Status.ISSUED, None, None),
        ])  # fmt: skip
    return tmp_path


@pytest.mark.parametrize(
    ("lang", "prefix"), [("vi", "Cảnh báo: số 02/KH-VPUBND"), ("en", "Warning: number 02/KH")]
)
def test_kiem_tra_warnings_are_printed_as_other_warnings(
    incomplete_register: Path, lang: str, prefix: str
) -> None:
    result = vanthu("--lang", lang, "so", "--co-quan", "vp", "kiem-tra", "2026")
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2 and warnings[0].startswith(prefix)
    assert all(line.startswith(("Cảnh báo: ", "Warning: ")) for line in warnings)
    assert "cảnh báo:" not in result.output and "warning:" not in result.output
    assert "Cảnh báo" not in result.stdout and "Warning" not in result.stdout
