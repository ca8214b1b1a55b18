"""A program's form (a web portal) numbered from the office's sổ (pipeline.api.number_form),
sharing it with the clerks' `vanthu build`: the clerk's next so: tu_dong file of the same type
and date gets the next number, nothing refused; one identifier takes one number; two processes
numbering at once get distinct ones; the sổ lists the form. And the fields a form of a type
asks for (pipeline.api.form_fields)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.api import check, form_fields, number_form
from pipeline.errors import UsageError
from pipeline.kinds import KINDS
from pipeline.register import Status, open_register
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, init_workspace
from tests.portal_forms import (
    DAY,
    TODAY,
    clerk_plan,
    form,
    office_root,
    printed_number,
    rows,
    vanthu,
)

ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace from `vanthu init`, numbering in its own so-van-ban.sqlite3 (its starter,
    which asks for no number, removed: the builds here build the clerk's files alone)."""
    return office_root(tmp_path, monkeypatch, ANSWERS)


def test_a_clerks_build_numbers_after_the_portals_form_without_a_refusal(root: Path) -> None:
    workspace = Workspace.open(root)
    numbered = number_form(workspace, workspace.load_mapping(form()), "phieu-1",
                           kept_at="https://cong.example.vn/van-ban/1")
    assert numbered.number == "01/KH-VPUBND"
    assert numbered.document.info.data.so == 1
    # The clerk's own file of the same type and date: check, build and the sổ's check pass.
    clerk = clerk_plan(root, "kh-van-thu.yaml")
    checked = check([clerk])
    assert not checked.errors, [e.message() for _, e in checked.errors]
    built = vanthu("build", "-j", "1")
    assert built.exit_code == 0, built.output
    assert "01/KH-VPUBND" not in built.output  # nothing said of the form's number
    assert printed_number(root / "outputs" / "2026" / "kh-van-thu.docx") == "02/KH-VPUBND"
    assert rows(root) == [(1, "bieu-mau/phieu-1.json", Status.ISSUED),
                          (2, "inputs/2026/kh-van-thu.yaml", Status.ISSUED)]
    audit = vanthu("so", "kiem-tra", "2026")
    assert audit.exit_code == 0 and "không còn" not in audit.output, audit.output
    # Built again, the clerk's file keeps its number; the portal's next form comes after it.
    assert vanthu("build", "-j", "1").exit_code == 0
    later = number_form(workspace, workspace.load_mapping(form("Lần hai")), "phieu-2")
    assert later.number == "03/KH-VPUBND"
    assert [number for number, _, _ in rows(root)] == [1, 2, 3]


def test_the_record_says_where_the_form_is(root: Path) -> None:
    workspace = Workspace.open(root)
    numbered = number_form(workspace, workspace.load_mapping(form()), "phieu-1",
                           kept_at="https://cong.example.vn/van-ban/1")
    assert numbered.record == root / "bieu-mau" / "phieu-1.json"
    assert json.loads(numbered.record.read_text("utf-8")) == {
        "ma_bieu_mau": "phieu-1", "so_ky_hieu": "01/KH-VPUBND", "ngay": DAY,
        "co_quan": "van-phong-ubnd-tinh-son-la", "loai": "ke_hoach",
        "trich_yeu": "Tiếp nhận hồ sơ qua cổng dịch vụ công",
        "noi_luu": "https://cong.example.vn/van-ban/1",
    }
    # Never a data file: a build of the workspace has nothing to build.
    built = vanthu("build", "-j", "1")
    assert built.exit_code == 0 and "bieu-mau" not in built.output, built.output


def test_one_identifier_takes_one_number(root: Path) -> None:
    workspace = Workspace.open(root)
    first = number_form(workspace, workspace.load_mapping(form()), "phieu-1")
    # Asked again (a retry, the form edited before signing): the same number, its row following.
    again = number_form(workspace, workspace.load_mapping(form("Đã sửa")), "phieu-1")
    assert first.number == again.number == "01/KH-VPUBND"
    other = number_form(workspace, Workspace.open(root).load_mapping(form()), "phieu-2")
    assert other.number == "02/KH-VPUBND"
    with open_register(root / "so-van-ban.sqlite3") as register:
        (row,) = [e for e in register.entries(2026) if e.number == 1]
        assert row.details.summary == "Kế hoạch đã sửa"
    # Unless asked: the former number is voided, saying why, and the next one given.
    renewed = number_form(workspace, workspace.load_mapping(form()), "phieu-1", new_number=True)
    assert renewed.number == "03/KH-VPUBND"
    with open_register(root / "so-van-ban.sqlite3") as register:
        void = register.entry("van-phong-ubnd-tinh-son-la", 2026, 1)
        assert void is not None and void.status is Status.VOID
        assert void.void_reason == "biểu mẫu phieu-1 được cấp số mới"
    assert rows(root)[1:] == [(2, "bieu-mau/phieu-2.json", Status.ISSUED),
                              (3, "bieu-mau/phieu-1.json", Status.ISSUED)]


NUMBERING = """
import sys, time
from pathlib import Path
from pipeline.api import number_form
from pipeline.workspace import Workspace
sys.path.insert(0, {tests!r})
from portal_forms import form

root, prefix = Path(sys.argv[1]), sys.argv[2]
workspace = Workspace.open(root)
(root / f"ready-{{prefix}}").touch()
while not (root / "go").exists():
    time.sleep(0.01)
for i in range(8):
    print(number_form(workspace, workspace.load_mapping(form()), f"{{prefix}}-{{i}}").number)
"""


def test_two_processes_numbering_at_once_get_distinct_numbers(root: Path) -> None:
    script = NUMBERING.format(tests=str(Path(__file__).parent))
    workers = [subprocess.Popen([sys.executable, "-c", script, str(root), prefix],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for prefix in ("a", "b")]
    # Both started (imports done, the workspace open) before either numbers anything.
    deadline = time.monotonic() + 120
    while not all((root / f"ready-{p}").exists() for p in "ab"):
        assert time.monotonic() < deadline and all(w.poll() is None for w in workers)
        time.sleep(0.01)
    (root / "go").touch()
    given = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        given += out.split()
    assert sorted(given) == [f"{n:02d}/KH-VPUBND" for n in range(1, 17)]
    sources = sorted(source or "" for _, source, _ in rows(root))
    assert sources == sorted(f"bieu-mau/{p}-{i}.json" for p in "ab" for i in range(8))
    assert all((root / source).is_file() for source in sources)


def test_the_sos_listing_shows_the_portals_form(root: Path) -> None:
    workspace = Workspace.open(root)
    number_form(workspace, workspace.load_mapping(form()), "phieu-1")
    listed = vanthu("so", "xem", "2026")
    assert listed.exit_code == 0, listed.output
    line = next(line for line in listed.output.splitlines() if "01/KH-VPUBND" in line)
    assert "Kế hoạch tiếp nhận hồ sơ qua cổng dịch vụ công" in line
    assert DAY in line and "Nguyễn Văn A" in line and "đã cấp" in line
    assert "Sở Nội vụ" in line
    # Its record removed, the document is gone: the sổ's check names its number.
    (root / "bieu-mau" / "phieu-1.json").unlink()
    audit = vanthu("so", "kiem-tra", "2026")
    assert "01/KH-VPUBND" in audit.output and "bieu-mau/phieu-1.json" in audit.output


def test_a_shared_register_numbers_one_offices_form_and_anothers_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "so-chung.sqlite3"
    monkeypatch.setenv("VANTHU_DB", str(shared))
    portal = init_workspace(tmp_path / "cong", ANSWERS, today=TODAY)
    clerk = init_workspace(tmp_path / "van-thu", ANSWERS, today=TODAY)
    clerk.document.unlink()
    workspace = Workspace.open(portal.root)
    assert number_form(workspace, workspace.load_mapping(form()), "phieu-1").number == \
        "01/KH-VPUBND"
    clerk_plan(clerk.root, "kh.yaml")
    monkeypatch.chdir(clerk.root)
    built = vanthu("build", "-j", "1")
    assert built.exit_code == 0, built.output
    assert printed_number(clerk.root / "outputs" / "2026" / "kh.docx") == "02/KH-VPUBND"
    with open_register(shared) as register:
        named = [(e.number, e.source, e.workspace) for e in register.entries(2026)]
    assert named == [(1, "bieu-mau/phieu-1.json", workspace.identity),
                     (2, "inputs/2026/kh.yaml", Workspace.open(clerk.root).identity)]


def test_a_form_asking_for_no_number_or_a_bad_identifier_is_refused(root: Path) -> None:
    workspace = Workspace.open(root)
    with pytest.raises(UsageError) as unnumbered:
        number_form(workspace, workspace.load_mapping({**form(), "so": None}), "phieu-1")
    assert unnumbered.value.key == "register.form_not_automatic"
    assert "so: tu_dong" in unnumbered.value.message("en")
    for wrong in ("../phieu", "a/b", ".an", "", "phiếu-1"):
        with pytest.raises(UsageError) as named:
            number_form(workspace, workspace.load_mapping(form()), wrong)
        assert named.value.key == "register.form_identifier"
    assert not (root / "so-van-ban.sqlite3").exists() or rows(root) == []
    with pytest.raises(TypeError, match="load_mapping"):
        number_form(workspace, form(), "phieu-1")  # type: ignore[arg-type]


def test_form_fields_list_every_field_with_a_description() -> None:
    for code, kind in KINDS.items():
        fields = form_fields(code)
        assert fields == form_fields(kind.template)
        assert all(field.description for field in fields), code
        names = [field.name for field in fields]
        if code == "giay_khen":  # its office, number, date and signer are its decision's
            assert names[0] == "loai" and not {"co_quan", "so", "ngay", "nguoi_ky"} & set(names)
        else:
            assert names[:4] == ["loai", "co_quan", "so", "ngay"], code
    plan = {field.name: field for field in form_fields("ke_hoach")}
    assert plan["trich_yeu"].required and plan["trich_yeu"].default is None
    assert not plan["phu_luc"].required and plan["phu_luc"].default == []
    assert plan["muc"].description == "Mục: a part with a Roman numeral and an upper-case title."
    assert plan["nguoi_ky"].description == "id of a signer of the agency profile"
    assert plan["muc"].schema["items"] == {"$ref": "#/$defs/Section"}
    # A field the model reads only to refuse it is none of the form's.
    assert "bang" not in {field.name for field in form_fields("bao_cao")}
    with pytest.raises(UsageError) as unknown:
        form_fields("cong-van-den")
    assert unknown.value.key == "data.unknown_type"
