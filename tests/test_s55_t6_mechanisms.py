"""One mechanism where there were special cases (s55, T6).

A "./." a clerk typed at the end of a line of an article vanthu writes itself (the award list's
Điều 1 and Điều 2, a council's members, the Điều 1 issuing a plan or a Quy chế) is taken off
before vanthu ends the line, by the one function that ends such lines (common.ended), for every
kind of decision alike: a council's last member whose role ends with "/" keeps it, as an award
list's unit does (tests/test_decree_mark_cells_s54.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.api import Renderer, load_document
from pipeline.context.common import ended
from tests.docx_text import paragraph_texts

REPO = Path(__file__).resolve().parent.parent
MEMBERS = "Họ và tên,Chức vụ,Vai trò\n"
NAMES = ("Nguyễn Văn An", "Lò Thị Bình")


def test_a_line_is_unmarked_before_it_is_ended() -> None:
    # "Tổ 3/" and the list's "." are not the decree's mark; a typed "./." gives way to the
    # sentence's own mark, and the last line's ";" (typed before "./.") becomes the list's ".".
    assert ended(["Phòng Tổng hợp;", "Tổ 3/;"]).gach == ["Phòng Tổng hợp;", "Tổ 3/."]
    assert ended(["Phòng Tổng hợp;./.", "Văn phòng;./."]).gach == ["Phòng Tổng hợp;", "Văn phòng."]
    assert ended(["Văn phòng./."]).gach == ["Văn phòng."]


def _council(folder: Path, roles: list[str]) -> Path:
    """The example council decision whose members have these roles (vai_tro), in order."""
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    decision = folder / "qd.yaml"
    shutil.copy(REPO / "inputs" / "2022" / "qd-thanh-lap-hoi-dong.yaml", decision)
    rows = [f'{name},Chuyên viên,"{role}"\n' for name, role in zip(NAMES, roles, strict=True)]
    (folder / "hoi-dong-tdkt-2022.csv").write_text(MEMBERS + "".join(rows), "utf-8")
    return decision


def _printed(decision: Path) -> list[str]:
    out = decision.with_suffix(".docx")
    out.write_bytes(Renderer().render(load_document(decision)))
    return paragraph_texts(out)


def test_a_council_s_last_member_keeps_a_role_ending_with_a_slash(tmp_path: Path) -> None:
    # Taken off after the line was ended, "Tổ 3/." read as the decree's mark: "Tổ 3."
    lines = _printed(_council(tmp_path, ["Chủ tịch Hội đồng", "Ủy viên, Tổ trưởng Tổ 3/"]))
    assert "- Nguyễn Văn An, Chuyên viên - Chủ tịch Hội đồng;" in lines, lines
    assert "- Lò Thị Bình, Chuyên viên - Ủy viên, Tổ trưởng Tổ 3/." in lines, lines


def test_a_council_cell_typed_with_the_decree_s_mark_prints_without_it(tmp_path: Path) -> None:
    # A role pasted from an old decision's last line: "./." inside a line, then "./.." at the end.
    lines = _printed(_council(tmp_path, ["Chủ tịch Hội đồng./.", "Ủy viên./."]))
    assert "- Nguyễn Văn An, Chuyên viên - Chủ tịch Hội đồng;" in lines, lines
    assert "- Lò Thị Bình, Chuyên viên - Ủy viên." in lines, lines


# Task 2 (proposal): one grouping of failure lines, for check (api.failure_lines) and build
# (batch.progress.failures).


def test_a_shared_problem_is_said_once_at_the_first_of_those_sharing_it() -> None:
    from pipeline.text.listing import said_once

    items = ["a:full", "b:own", "c:full", "d:mine", "e:mine"]
    said = list(said_once(items, lambda i: i[2:], lambda i, _: i[2:] == "mine"))
    assert said == [
        ("a:full", ["a:full", "c:full"]),
        ("b:own", ["b:own"]),
        ("d:mine", ["d:mine"]),
        ("e:mine", ["e:mine"]),
    ]


def test_check_and_build_group_failures_through_one_function() -> None:
    import inspect

    from pipeline import api
    from pipeline.batch import progress

    for caller in (api.failure_lines, progress.failures):
        assert "said_once(" in inspect.getsource(caller), caller
        assert "setdefault" not in inspect.getsource(caller), caller
