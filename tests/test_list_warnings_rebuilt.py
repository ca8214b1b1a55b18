"""A build that keeps some documents unchanged, or builds one folder of the workspace, says what
a list holds (columns printed nowhere, a name in two units, capitals) by the first document it
loads naming the list: the workspace's first reader is not loaded then, and said nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_lines import run
from tests.test_list_warnings_r15 import office, once_by, said_by
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
