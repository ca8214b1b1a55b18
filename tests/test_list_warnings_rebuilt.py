"""(1) A build that keeps some documents unchanged, or builds one folder of the workspace, says what
a list holds (columns printed nowhere, a name in two units, capitals) by the first document it
loads naming the list: the workspace's first reader is not loaded then, and said nothing.
(2) A Tờ trình says the wording warnings of the draft decision it prints (written in it or kept
under kem-theo/), which no document of its own says."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.lists import said_of_the_draft
from pipeline.load.yaml_source import Source
from pipeline.workspace import Workspace
from tests.cli_lines import lines_of, run
from tests.test_list_warnings_r15 import (
    kept_draft,
    office,
    once_by,
    said_by,
    submission,
    written_draft,
)
from tests.test_same_list_twice_r11 import YEAR, decision

__all__ = ["office"]  # the fixture, used by name


def build(*args: str) -> str:
    code, out = run("build", *args)
    assert code == 0, out
    return out


def test_a_rebuild_of_a_later_reader_alone_says_what_its_list_holds(office: Path) -> None:
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    later = decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    assert said_by(build()) == once_by("qd-b.yaml")
    assert said_by(build()) == {key: [] for key in once_by("qd-b.yaml")}  # nothing rebuilt
    # Only qd-c changed: it is the one loaded, so it says it, once.
    later.write_text(later.read_text("utf-8").replace("20/03/2026", "21/03/2026"), "utf-8")
    assert said_by(build()) == once_by("qd-c.yaml")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rebuild_of_both_readers_says_it_by_the_first(office: Path, jobs: str) -> None:
    first = decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    later = decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    decision("qd-d.yaml", 13, "20/04/2026", "gk2.csv")  # another list, kept unchanged below
    (YEAR / "gk2.csv").write_text((YEAR / "gk.csv").read_text("utf-8"), "utf-8")
    build("-j", jobs)
    for path in (first, later):
        path.write_text(path.read_text("utf-8").replace("/2026\n", "/2026 \n", 1), "utf-8")
    assert said_by(build("-j", jobs)) == once_by("qd-b.yaml")


def test_a_build_of_one_folder_says_it_by_its_first_reader(office: Path) -> None:
    """qd-b, the workspace's first reader of gk.csv (before the folder tong-ket/ in the
    workspace's order), is outside the folder built."""
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    (YEAR / "tong-ket").mkdir()
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv").rename(YEAR / "tong-ket" / "qd-c.yaml")
    text = (YEAR / "tong-ket" / "qd-c.yaml").read_text("utf-8")
    (YEAR / "tong-ket" / "qd-c.yaml").write_text(text.replace("danh_sach: gk.csv",
                                                           "danh_sach: ../gk.csv"), "utf-8")
    assert said_by(build(str(YEAR / "tong-ket"))) == once_by("tong-ket/qd-c.yaml")


# --- a Tờ trình says its draft decision's wording warnings --------------------------------------

TYPED = ("Tặng Giấy khen của Giám đốc Sở Nội vụ",
         "Tặng Giấy khen của Giám đốc Sở Nội vụ cho 08 cá nhân")
FIGURE = "wording.typed_figure.text"


def _figure_warnings(path: Path) -> list[tuple[str | None, str | None]]:
    """(file's name, field) of each typed-figure warning of `path`: no file when it is at a
    line of `path` itself."""
    return [(w.file and Path(w.file).name, w.field)
            for w in Workspace.containing(path).load(path).warnings if w.key == FIGURE]


def test_a_tờ_trình_says_its_written_drafts_typed_figure(office: Path) -> None:
    """"08 cá nhân" typed in the draft's hành động, its list giving 3 people: said at the
    draft's field, named from the Tờ trình's top, once by check."""
    tt = submission(written=written_draft().replace(*TYPED, 1))
    assert _figure_warnings(tt) == [(None, "du_thao.khen_thuong.hanh_dong")]
    code, out = run("check", str(tt))
    assert code == 0, out
    assert len(lines_of(out, "08 cá nhân")) == 1, out


def test_a_tờ_trình_says_its_kept_drafts_typed_figure(office: Path) -> None:
    tt = submission(draft=kept_draft(edit=TYPED))
    assert _figure_warnings(tt) == [("du-thao.yaml", "khen_thuong.hanh_dong")]


def test_a_decision_drafted_by_a_tờ_trình_says_its_own_once(office: Path) -> None:
    """A draft that is a document of its own (not under kem-theo/) says its warnings itself."""
    made = decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    made.write_text(made.read_text("utf-8").replace(*TYPED, 1), "utf-8")
    tt = submission(draft="qd-b.yaml")
    assert _figure_warnings(tt) == []
    assert _figure_warnings(made) == [(None, "khen_thuong.hanh_dong")]


def test_a_drafts_warnings_are_placed_as_the_tờ_trình_says_them(tmp_path: Path) -> None:
    """At a line of the draft, with or without its file named (a phrase of the draft's own
    cau_chu is located with it): the field from the Tờ trình's top, or the draft's file; in
    the office's profile: as it is."""
    tt, profile = tmp_path / "tt.yaml", tmp_path / "co-quan" / "so.yaml"
    written = Source(tt, {})
    own = InputError(FIGURE, line=40, field="khen_thuong.hanh_dong")
    phrase = InputError("wording.fixed_sum_default", file=tt, line=50,
                        field="cau_chu.dieu_2_mo_dau")  # fmt: skip
    office = InputError("wording.fixed_sum_default", file=profile, line=9,
                        field="cau_chu.dieu_2_mo_dau")  # fmt: skip
    said = said_of_the_draft([own, phrase, office], written, ("du_thao",))
    assert [(w.file, w.field) for w in said] == [
        (None, "du_thao.khen_thuong.hanh_dong"), (str(tt), "du_thao.cau_chu.dieu_2_mo_dau"),
        (str(profile), "cau_chu.dieu_2_mo_dau")]  # fmt: skip
    kept = tmp_path / "kem-theo" / "du-thao.yaml"
    own = InputError(FIGURE, line=40, field="khen_thuong.hanh_dong")
    (said_kept,) = said_of_the_draft([own], Source(kept, {}), None)
    assert (said_kept.file, said_kept.field) == (str(kept), "khen_thuong.hanh_dong")
