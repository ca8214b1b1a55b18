"""A portal numbering forms beside the văn thư's own files (r14a): a form's record and a data
file are never taken one for the other; a form's typed number is checked and entered; an
issued number keeps its signer and type; a number voided since is said, and can be voided from
the library; warnings speak either language; identifiers that collide on Windows or macOS are
refused; PdfConverter takes str paths; form_fields describes what the loader takes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.api import check, form_fields, number_form, void_form
from pipeline.errors import InputError, UsageError, VanthuError
from pipeline.register import Status, open_register
from pipeline.register.errors import RegisterError
from pipeline.register.model import Origin
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers
from tests.portal_forms import (
    DAY,
    OFFICE,
    SUMMARY,
    clerk_plan,
    form,
    office_root,
    printed_number,
    rows,
    vanthu,
)

ANSWERS = OfficeAnswers(kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A",
                        pho="Lê Thị B", viet_tat="VPUBND")


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace from `vanthu init` numbering in its own so-van-ban.sqlite3, its starter
    (which asks for no number) removed."""
    return office_root(tmp_path, monkeypatch, ANSWERS)


def submit(root: Path, identifier: str, **changes: Any) -> Any:
    workspace = Workspace.open(root)
    return number_form(workspace, workspace.load_mapping(form(**changes)), identifier)


# -- F1, F6: a form's record and a data file are never one another ------------------------------


def test_a_clerks_file_never_takes_the_number_of_a_form_whose_record_is_away(root: Path) -> None:
    first = submit(root, "y-1")
    assert first.number == "01/KH-VPUBND"
    away = root.parent / "y-1.json.bak"
    shutil.move(first.record, away)  # a restore, a sync tool: the record is briefly absent
    clerk_plan(root, "kh-y.yaml", summary=SUMMARY)  # the same type, date and trích yếu
    built = vanthu("build", "-j", "1")
    assert built.exit_code == 0, built.output
    assert printed_number(root / "outputs" / "2026" / "kh-y.docx") == "02/KH-VPUBND"
    shutil.move(away, first.record)
    again = submit(root, "y-1")
    assert again.number == "01/KH-VPUBND"  # the identifier keeps its number
    assert rows(root) == [(1, "bieu-mau/y-1.json", Status.ISSUED),
                          (2, "inputs/2026/kh-y.yaml", Status.ISSUED)]


def test_a_lost_records_folder_blocks_no_clerk_and_is_said_by_the_sos_check(root: Path) -> None:
    submit(root, "gm-1")
    submit(root, "gm-2", summary="Lần hai")
    shutil.rmtree(root / "bieu-mau")
    clerk_plan(root, "kh-van-thu.yaml")  # another trích yếu, the same type and date
    built = vanthu("build", "-j", "1")
    assert built.exit_code == 0, built.output
    assert "so: 01" not in built.output and "bieu-mau" not in built.output
    assert printed_number(root / "outputs" / "2026" / "kh-van-thu.docx") == "03/KH-VPUBND"
    audit = vanthu("so", "kiem-tra", "2026")
    assert "bieu-mau/gm-1.json" in audit.output and "bản ghi biểu mẫu" in audit.output
    assert "ghi so:" not in audit.output  # a form's number is no data file's to type
    # Nor does a data file typing a form's number take it as its own.
    typed = clerk_plan(root, "kh-go-so.yaml", so="1", summary="Khác hẳn")
    refused = check([typed])
    assert [error.key for _, error in refused.errors] == ["register.typed_number_taken"]


# -- F2: a typed number is checked and entered ---------------------------------------------------


def test_a_form_typing_a_number_held_by_another_document_is_refused(root: Path) -> None:
    clerk_plan(root, "kh-a.yaml")
    assert vanthu("build", "-j", "1").exit_code == 0
    workspace = Workspace.open(root)
    with pytest.raises(InputError) as taken:
        number_form(workspace, workspace.load_mapping(form(so=1)), "typed-1")
    assert taken.value.key == "register.typed_number_taken" and taken.value.field == "so"
    assert "inputs/2026/kh-a.yaml" in taken.value.detail("en")
    assert not (root / "bieu-mau" / "typed-1.json").exists()


def test_a_form_typing_a_number_the_register_lacks_enters_it(root: Path) -> None:
    workspace = Workspace.open(root)
    typed = number_form(workspace, workspace.load_mapping(form(so=3)), "typed-3")
    assert typed.number == "03/KH-VPUBND" and typed.document.info.data.so == 3
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert (row.number, row.source, row.origin) == (3, "bieu-mau/typed-3.json", Origin.TYPED)
    assert [w.key for w in typed.warnings] == ["build.typed_number_skips"]
    assert "01–02" in typed.warnings[0].message("en")
    # Asked again, the same; the next form given a number comes after it.
    again = number_form(workspace, workspace.load_mapping(form(so=3)), "typed-3")
    assert again.number == "03/KH-VPUBND"
    assert submit(root, "next").number == "04/KH-VPUBND"
    # Another number typed for the same identifier: its paper printed 03.
    with pytest.raises(InputError) as changed:
        number_form(workspace, workspace.load_mapping(form(so=5)), "typed-3")
    assert changed.value.key == "register.form_number_changed"
    assert "new_number=True" in changed.value.detail("en")


# -- F3: an issued number keeps its signer and type --------------------------------------------


def test_an_issued_number_keeps_its_signer_unless_corrected(root: Path) -> None:
    first = submit(root, "ky-1", nguoi_ky="pho-chanh-van-phong")
    with pytest.raises(InputError) as changed:
        submit(root, "ky-1")
    error = changed.value
    assert (error.key, error.field, error.line) == ("register.form_signer_changed", "nguoi_ky",
                                                    None)
    for lang in ("vi", "en"):
        assert "vanthu" not in error.detail(lang) and "new_number=True" in error.detail(lang)
        assert "Lê Thị B" in error.detail(lang) and "Nguyễn Văn A" in error.detail(lang)
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert row.details.signer == "Lê Thị B"
    # The sổ was wrong (the paper not yet signed): corrected, and said.
    workspace = Workspace.open(root)
    corrected = number_form(workspace, workspace.load_mapping(form()), "ky-1",
                            correct_signer=True)
    assert corrected.number == first.number
    assert [w.key for w in corrected.warnings] == ["register.form_signer_corrected"]
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert row.details.signer == "Nguyễn Văn A"
    # A new document by another signer: a new number, the former voided.
    renewed = number_form(workspace, workspace.load_mapping(form(nguoi_ky="pho-chanh-van-phong")),
                          "ky-1", new_number=True)
    assert renewed.number == "02/KH-VPUBND"


def test_an_issued_number_keeps_its_type(root: Path) -> None:
    submit(root, "loai-1")
    workspace = Workspace.open(root)
    notice = {
        "loai": "thong_bao", "co_quan": OFFICE, "so": "tu_dong", "ngay": DAY,
        "trich_yeu": "Lịch tiếp công dân", "mo_dau": ["Văn phòng thông báo lịch tiếp."],
        "ket_thuc": "Các phòng biết, thực hiện",
        "noi_nhan": ["Lãnh đạo Văn phòng"], "don_vi_soan_thao": "TH",
        "nguoi_ky": "chanh-van-phong",
    }
    with pytest.raises(InputError) as changed:
        number_form(workspace, workspace.load_mapping(notice), "loai-1")
    assert changed.value.key == "register.form_type_changed"
    assert "01/TB-VPUBND" in changed.value.detail("en")
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = register.entries(2026)
    assert row.reference == "01/KH-VPUBND"


# -- F4, F9: a voided number, from the CLI or the library ---------------------------------------


def test_a_number_voided_by_the_clerk_is_replaced_and_said(root: Path) -> None:
    first = submit(root, "vv")
    voided = vanthu("so", "huy", "1", "--nam", "2026", "--ly-do", "sai nội dung")
    assert voided.exit_code == 0, voided.output
    record = json.loads(first.record.read_text("utf-8"))
    assert record["da_huy"] is True and record["ly_do_huy"] == "sai nội dung"
    again = submit(root, "vv")
    assert again.number == "02/KH-VPUBND"
    (warning,) = again.warnings
    assert warning.key == "register.form_voided_renumbered"
    assert "01/KH-VPUBND" in warning.message("en") and "sai nội dung" in warning.message("en")
    assert "Bản đã in" in warning.message("vi")
    assert again.messages("en") == (warning.message("en"),)
    record = json.loads(again.record.read_text("utf-8"))
    assert record["so_ky_hieu"] == "02/KH-VPUBND" and "da_huy" not in record


def test_void_form_voids_the_identifiers_number(root: Path) -> None:
    first = submit(root, "huy-1")
    workspace = Workspace.open(root)
    entry = void_form(workspace, "huy-1", "văn bản không ban hành")
    assert (entry.number, entry.status, entry.void_reason) == (1, Status.VOID,
                                                               "văn bản không ban hành")
    assert json.loads(first.record.read_text("utf-8"))["da_huy"] is True
    with pytest.raises(UsageError) as twice:
        void_form(workspace, "huy-1", "lần hai")
    assert twice.value.key == "register.form_not_numbered"
    assert [w.key for w in submit(root, "huy-1").warnings] == ["register.form_voided_renumbered"]


def test_a_form_moved_to_another_year_points_to_new_number(root: Path) -> None:
    submit(root, "nam-1", day="05/01/2027")
    with pytest.raises(RegisterError) as elsewhere:
        submit(root, "nam-1")
    assert elsewhere.value.key == "register.form_elsewhere"
    for lang in ("vi", "en"):
        assert "new_number=True" in elsewhere.value.message(lang)
        assert "vanthu so huy" not in elsewhere.value.message(lang)


# -- F7: warnings in either language ------------------------------------------------------------


def test_number_forms_warnings_are_errors_said_in_either_language(root: Path) -> None:
    submit(root, "sau", day="25/04/2026")
    earlier = submit(root, "truoc", day="20/04/2026")  # dated before the number before it
    assert earlier.warnings and all(isinstance(w, VanthuError) for w in earlier.warnings)
    (warning,) = [w for w in earlier.warnings if w.key == "build.number_out_of_order"]
    assert warning.message("en") != warning.message("vi")
    assert "02/KH-VPUBND" in warning.detail("en")


# -- F13: identifiers ---------------------------------------------------------------------------


def test_identifiers_colliding_on_windows_or_macos_are_refused(root: Path) -> None:
    submit(root, "ABC")
    with pytest.raises(UsageError) as twin:
        submit(root, "abc")
    assert twin.value.key == "register.form_identifier_case" and "'ABC'" in twin.value.detail()
    for device in ("CON", "nul", "aux.txt", "COM1", "lpt9.x"):
        with pytest.raises(UsageError) as named:
            submit(root, device)
        assert named.value.key == "register.form_identifier_device", device
    workspace = Workspace.open(root)
    with pytest.raises(TypeError, match="str"):
        number_form(workspace, workspace.load_mapping(form()), 123)  # type: ignore[arg-type]
    assert [source for _, source, _ in rows(root)] == ["bieu-mau/ABC.json"]


# -- F11, F12 -----------------------------------------------------------------------------------


def test_pdf_converter_takes_str_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.batch.pdf import PdfConverter

    seen: list[tuple[object, object]] = []

    class CommandLine:
        def convert(self, source: object, target: object) -> None:
            seen.append((source, target))

    converter = PdfConverter()
    monkeypatch.setattr(converter, "_command_line", lambda: CommandLine())
    converter.convert(str(tmp_path / "a.docx"), str(tmp_path / "a.pdf"))
    assert seen == [(tmp_path / "a.docx", tmp_path / "a.pdf")]
    assert all(isinstance(path, Path) for pair in seen for path in pair)
    with pytest.raises(TypeError, match="source"):
        converter.convert(3, tmp_path / "b.pdf")  # type: ignore[arg-type]


def test_form_fields_describe_what_the_loader_takes() -> None:
    invitation = {field.name: field for field in form_fields("giay_moi")}
    assert "paragraphs" not in (invitation["noi_dung"].description or "")
    assert invitation["noi_dung"].schema["anyOf"][0]["type"] == "string"
    batch = {field.name for field in form_fields("giay_khen")}
    assert not {"co_quan", "so", "ngay", "noi_nhan", "don_vi_soan_thao", "nguoi_ky"} & batch
    assert "quyet_dinh" in batch


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_forms_warnings_name_fields_never_line_none(lang: str) -> None:
    """A form has no lines (F8): a recipient given twice, or under Kính gửi and again after
    "Như trên", is said at its field."""
    from pipeline.load.yaml_source import load_yaml
    from pipeline.workspace import Workspace

    inputs = Path(__file__).resolve().parents[1] / "inputs"
    letter = inputs / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
    data = dict(load_yaml(letter).data)
    addressee = data["kinh_gui"][0] if isinstance(data["kinh_gui"], list) else data["kinh_gui"]
    data["noi_nhan"] = [*data["noi_nhan"], "Sở Nội vụ", "Sở Nội vụ", addressee]
    document = Workspace.containing(letter).load_mapping(data)
    said = [w.message(lang) for w in document.warnings]
    assert len(said) == 2, said
    assert not any("None" in text for text in said), said
    field = "trường" if lang == "vi" else "field"
    assert f"{field} 'noi_nhan[" in said[0] and f"{field} 'kinh_gui" in said[1], said
