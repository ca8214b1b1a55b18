"""Leftovers of an award list's warnings (r15): (1) a later decision rendered or checked alone
says what its list holds (columns printed nowhere, a name in two units, capitals), as the
first decision naming the list, which that call does not print, would; (2) a Tờ trình says the
warnings of its draft decision's list (written in it or kept under kem-theo/), once each, from
check, render and build; (3) what a list holds is said once for the file and sheet, by the
first document naming it, however many decisions (or Tờ trình) name it: the amounts typed on a
list without money by the first reading it without money."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.load.lists import documents_asked
from pipeline.rules.money import format_money
from pipeline.workspace import Workspace
from tests.cli_lines import lines_of, run
from tests.new_office import new_office
from tests.test_list_leftovers_r13 import MEMBERS
from tests.test_list_warnings import COUNCIL
from tests.test_list_warnings import office as huyen
from tests.test_same_list_twice_r11 import YEAR, decision

UNPRINTED = "sheet.columns_not_printed"
NAMESAKE = "sheet.same_name_two_units"
CAPITALS = "sheet.capitals_kept"
MONEY = "sheet.money_not_printed"
OF_THE_FILE = [UNPRINTED, NAMESAKE, CAPITALS]

# Nguyễn Văn An of the Văn phòng and of the Phòng Tổ chức (row 4, the unit in capitals), and a
# Quê quán column no field reads.
LIST = (
    "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại,Quê quán\n"
    "Nguyễn Văn An,Chuyên viên,Văn phòng,Giấy khen,Cá nhân,Sơn La\n"
    "Trần Thị Bình,Kế toán viên,Văn phòng,Giấy khen,Cá nhân,\n"
    "Nguyễn Văn An,Chuyên viên,PHÒNG TỔ CHỨC,Giấy khen,Cá nhân,\n"
)
# What each warning's line holds (after the document's name and the list's place).
SAID = {
    UNPRINTED: "cột F «Quê quán» (1 dòng có nội dung)",
    NAMESAKE: "'Nguyễn Văn An' có ở hai đơn vị",
    CAPITALS: "gõ toàn chữ in hoa ở dòng 4",
}


@pytest.fixture()
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new Sở Nội vụ whose list gk.csv holds each warning of the file once."""
    ws = new_office(tmp_path, monkeypatch)
    (YEAR / "gk.csv").write_text(LIST, "utf-8")
    return ws


def keys(path: Path) -> list[str]:
    """The keys of the warnings of `path` loaded afresh (a loader of its own)."""
    return [w.key for w in Workspace.containing(path).load(path).warnings]


def said_by(out: str) -> dict[str, list[str]]:
    """For each warning of the file, the documents whose lines say it."""
    return {key: [line.split(": ")[1] for line in lines_of(out, words)]
            for key, words in SAID.items()}  # fmt: skip


def once_by(name: str) -> dict[str, list[str]]:
    return {key: [f"inputs/2026/{name}"] for key in SAID}


def submission(name: str = "tt.yaml", *, draft: str | None = None, written: str = "") -> Path:
    """The starter Tờ trình saved as `name`, its draft decision the file `draft` names, or the
    decision data `written` under its du_thao."""
    path = YEAR / name
    code, out = run("new", "to-trinh", "-o", str(path), "--force")
    assert code == 0, out
    text = path.read_text("utf-8")
    if draft is not None:
        text += f"\ndu_thao: {draft}\n"
    else:
        lines = [line for line in written.splitlines() if not line.startswith("loai:")]
        text += "\ndu_thao:\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)
    path.write_text(text, "utf-8")
    return path


def written_draft() -> str:
    """The decision data of a draft of gk.csv (no number yet), to write under a du_thao."""
    made = decision("qd-x.yaml", 13, "20/01/2026", "gk.csv")
    text = made.read_text("utf-8").replace("so: 13", "so:", 1)
    made.unlink()
    return text


def kept_draft(listed: str = "../gk.csv", *, edit: tuple[str, str] = ("", "")) -> str:
    """A draft decision of gk.csv (no number yet) under kem-theo/: its name from the Tờ trình."""
    text = written_draft().replace("danh_sach: gk.csv", f"danh_sach: {listed}", 1)
    text = text.replace(*edit)
    (YEAR / "kem-theo").mkdir(exist_ok=True)
    (YEAR / "kem-theo" / "du-thao.yaml").write_text(text, "utf-8")
    return "kem-theo/du-thao.yaml"


def build_fresh(office: Path) -> str:
    """`vanthu build` of every document (the outputs of an earlier call removed first)."""
    shutil.rmtree(office / "outputs", ignore_errors=True)
    code, out = run("build")
    assert code == 0, out
    return out


# --- (1) a later decision alone ---------------------------------------------------------------


def test_a_later_decision_asked_alone_says_what_its_list_holds(office: Path) -> None:
    """qd-b and qd-c name gk.csv: a build says it by qd-b; a render or check of qd-c alone,
    which does not print qd-b, by qd-c; of both, by qd-b only."""
    first = decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    later = decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    assert not set(OF_THE_FILE) & set(keys(later))  # the build's: qd-b says it
    with documents_asked([later]):
        assert set(OF_THE_FILE) <= set(keys(later))
    with documents_asked([later, first]):
        assert set(OF_THE_FILE) <= set(keys(first))
        assert not set(OF_THE_FILE) & set(keys(later))


def test_render_and_check_of_a_later_decision_alone_say_it_once(office: Path) -> None:
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    later = decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    code, out = run("check", str(later))
    assert code == 0, out
    assert said_by(out) == once_by("qd-c.yaml"), out
    code, out = run("render", str(later))
    assert code == 0, out
    assert said_by(out) == once_by("qd-c.yaml"), out
    code, out = run("check", str(later), str(YEAR / "qd-b.yaml"))
    assert said_by(out) == once_by("qd-b.yaml"), out


# --- (2) a Tờ trình says its draft's list's warnings ------------------------------------------


def test_a_tờ_trình_says_its_kept_drafts_list_warnings_once(office: Path) -> None:
    submission(draft=kept_draft())
    code, out = run("check")
    assert code == 0, out
    assert said_by(out) == once_by("tt.yaml"), out
    (line,) = lines_of(out, SAID[NAMESAKE])
    assert line.startswith("Cảnh báo: inputs/2026/tt.yaml: inputs/2026/gk.csv, dòng 4, "), out
    assert said_by(build_fresh(office)) == once_by("tt.yaml")
    code, out = run("render", str(YEAR / "tt.yaml"), "--force")
    assert code == 0, out
    assert said_by(out) == once_by("tt.yaml"), out


def test_a_tờ_trình_says_its_written_drafts_list_warnings_once(office: Path) -> None:
    submission(written=written_draft())
    code, out = run("check")
    assert code == 0, out
    assert said_by(out) == once_by("tt.yaml"), out
    assert said_by(build_fresh(office)) == once_by("tt.yaml")


def test_a_tờ_trình_says_the_amounts_of_a_list_without_money(office: Path) -> None:
    amounts = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại,Số tiền\n" + "".join(
        f"{name},Chuyên viên,Văn phòng,Giấy khen,Cá nhân,500.000\n"
        for name in ("Lò Văn An", "Lò Văn Bình")
    )
    (YEAR / "tien.csv").write_text(amounts, "utf-8")
    submission(draft=kept_draft("../tien.csv", edit=("  sap_xep: ten", "  tien_thuong: khong")))
    code, out = run("check")
    assert code == 0, out
    (line,) = lines_of(out, "tien_thuong: khong")
    assert line.startswith(
        "Cảnh báo: inputs/2026/tt.yaml: inputs/2026/tien.csv: cột F «Số tiền» (2 dòng có nội "
    ), out


# --- (3) once for the file and sheet ----------------------------------------------------------


def test_two_decisions_naming_the_list_say_its_rows_warnings_once(office: Path) -> None:
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    code, out = run("check")
    assert code == 0, out
    assert said_by(out) == once_by("qd-b.yaml"), out
    assert said_by(build_fresh(office)) == once_by("qd-b.yaml")
    assert "data.list_given_twice" in keys(YEAR / "qd-c.yaml")  # its own warning kept


@pytest.mark.parametrize("kept", [True, False])
def test_a_decision_and_a_tờ_trình_naming_the_list_say_it_once(office: Path, kept: bool) -> None:
    """The decision qd-b and a Tờ trình whose draft (kept under kem-theo/, or written in it)
    names the same list: the first of them in the workspace's order says it."""
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    if kept:
        submission(draft=kept_draft())
    else:
        submission(written=written_draft())
    code, out = run("check")
    assert code == 0, out
    assert said_by(out) == once_by("qd-b.yaml"), out
    assert said_by(build_fresh(office)) == once_by("qd-b.yaml")
    assert not set(OF_THE_FILE) & set(keys(YEAR / "tt.yaml"))
    # The Tờ trình first in the workspace's order (a-tt.yaml) says it instead.
    (YEAR / "tt.yaml").rename(YEAR / "a-tt.yaml")
    code, out = run("check")
    assert said_by(out) == once_by("a-tt.yaml"), out


def test_each_sheet_and_file_is_said_by_its_own_first_reader(office: Path) -> None:
    """Another list file of the same rows is another file: said by its own decision too."""
    (YEAR / "gk2.csv").write_text(LIST, "utf-8")
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    decision("qd-c.yaml", 12, "20/03/2026", "gk2.csv")
    code, out = run("check")
    assert code == 0, out
    assert said_by(out) == {key: ["inputs/2026/qd-b.yaml", "inputs/2026/qd-c.yaml"]
                            for key in SAID}, out  # fmt: skip


def test_amounts_without_money_are_said_by_the_first_reading_it_without_money(
    office: Path,
) -> None:
    """qd-b reads tien.csv with money (its amounts checked), qd-c and qd-d without: qd-c says
    the amounts printed nowhere, once."""
    header = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại,Số tiền\n"
    (YEAR / "tien.csv").write_text(f"{header}Lò Văn An,Chuyên viên,Văn phòng,Giấy khen,Cá nhân,\n",
                                   "utf-8")  # fmt: skip
    priced = decision("qd-b.yaml", 11, "20/01/2026", "tien.csv")
    (entry,) = Workspace.containing(priced).load(priced).info.attachments.awards.entries
    amount = format_money(entry.amount)
    (YEAR / "tien.csv").write_text(
        f'{header}Lò Văn An,Chuyên viên,Văn phòng,Giấy khen,Cá nhân,"{amount}"\n', "utf-8"
    )
    for name, number in (("qd-c.yaml", 12), ("qd-d.yaml", 13)):
        path = decision(name, number, "20/03/2026", "tien.csv")
        text = path.read_text("utf-8").replace("  sap_xep: ten", "  tien_thuong: khong", 1)
        path.write_text(text, "utf-8")
    code, out = run("check")
    assert code == 0, out
    lines = lines_of(out, "tien_thuong: khong")
    assert [line.split(": ")[1] for line in lines] == ["inputs/2026/qd-c.yaml"], out


# --- a council's member list in a Tờ trình's draft --------------------------------------------

SUBMISSION = """\
loai: to_trinh
co_quan: huyen
so: 3
ngay: 10/12/2024
trich_yeu: Về việc thành lập Hội đồng thi đua, khen thưởng huyện
kinh_gui: Chủ tịch Ủy ban nhân dân huyện Mai Sơn
mo_dau: [Phòng Nội vụ kính trình Chủ tịch Ủy ban nhân dân huyện thành lập Hội đồng.]
noi_nhan: [Lưu]
don_vi_soan_thao: NV
nguoi_ky: ct
du_thao: kem-theo/du-thao.yaml
"""


def test_a_tờ_trình_says_its_drafts_member_columns_printed_nowhere(tmp_path: Path) -> None:
    """The draft sets up a council whose member list has columns Điều 1 prints nowhere: said by
    the Tờ trình, as the decision itself would say it."""
    path = huyen(tmp_path, COUNCIL, sheet="hd.csv", text=MEMBERS)
    (tmp_path / "kem-theo").mkdir()
    draft = path.read_text("utf-8").replace("danh_sach: hd.csv", "danh_sach: ../hd.csv", 1)
    (tmp_path / "kem-theo" / "du-thao.yaml").write_text(draft.replace("so: 7", "so:", 1), "utf-8")
    path.unlink()
    (tmp_path / "tt.yaml").write_text(SUBMISSION, "utf-8")
    assert keys(tmp_path / "tt.yaml") == ["sheet.member_columns_not_printed"]
