"""A hội nghị's Biên bản speaks of a hội nghị (r13b F9).

The tester's Biên bản of the "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2026" (guests,
đại biểu) printed a meeting's wording: "Thành phần: có mặt 6/7 thành viên", "Nội dung cuộc họp:",
"Cuộc họp kết thúc vào 16 giờ 45 cùng ngày./.". Minutes whose trích yếu or cuoc_hop begins with
"Hội nghị" (or that say hoi_nghi: co) now print the hội nghị's phrases (bien_ban_*_hoi_nghi),
verify passes them, and `vanthu new bien-ban` names those phrases.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.workspace import Workspace
from tests.typed_docs import REPO, TEMPLATES, example_data, open_docx

EXAMPLE = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
CONFERENCE = {
    "trich_yeu": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023",
    "cuoc_hop": "Văn phòng UBND tỉnh tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng "
                "năm 2023",
}  # fmt: skip
GUEST = {"ho_ten": "Phạm Minh Tuấn", "chuc_vu": "Phó Trưởng phòng Thi đua - Khen thưởng"}


def minutes(workspace: Path, **changes: Any) -> dict[str, Any]:
    """The example Biên bản (8 present, 1 absent) with `changes`, and a guest."""
    data = example_data(workspace / "inputs" / "2024" / EXAMPLE.name)
    data["thanh_phan"]["khach_moi"] = [GUEST]
    data.update(changes)
    return data


def body(workspace: Path, data: dict[str, Any]) -> list[str]:
    """The paragraphs of `data` rendered as a file of `workspace`'s 2024 folder."""
    path = workspace / "inputs" / "2024" / EXAMPLE.name
    document = Workspace.containing(path).load_mapping(data, path)
    return [p.text for p in open_docx(Renderer(TEMPLATES).render(document)).paragraphs]


@pytest.fixture()
def workspace(inputs_copy: Path) -> Path:
    return inputs_copy.parent


def test_a_conference_s_minutes_speak_of_the_conference(workspace: Path) -> None:
    text = body(workspace, minutes(workspace, **CONFERENCE))
    assert "Thành phần: có mặt 8/9 đại biểu, gồm:" in text
    assert "Vắng mặt: 1/9 đại biểu:" in text
    assert "Nội dung hội nghị:" in text
    assert "Hội nghị kết thúc vào 11 giờ 30 cùng ngày./." in text
    assert not [p for p in text if "thành viên" in p or "cuộc họp" in p.casefold()]


@pytest.mark.parametrize(
    ("changes", "conference"),
    [
        ({}, False),  # "Họp Hội đồng ...": a meeting
        ({"cuoc_hop": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023"}, True),
        ({**CONFERENCE, "hoi_nghi": "khong"}, False),
        ({"hoi_nghi": "co"}, True),
    ],
)
def test_what_says_it_is_a_conference(
    workspace: Path, changes: dict[str, Any], conference: bool
) -> None:
    text = body(workspace, minutes(workspace, **changes))
    ended = "Hội nghị kết thúc vào" if conference else "Cuộc họp kết thúc vào"
    assert [p for p in text if "kết thúc vào" in p] == [f"{ended} 11 giờ 30 cùng ngày./."]
    assert ("Nội dung hội nghị:" if conference else "Nội dung cuộc họp:") in text


def test_an_own_meeting_phrase_written_nearer_is_kept(workspace: Path) -> None:
    """The tester's own bien_ban_ket_thuc in the document is printed as written; the office's
    bien_ban_noi_dung too, unless the office also wrote the hội nghị's."""
    profile = workspace / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml"
    profile.write_text(
        profile.read_text("utf-8") + '\ncau_chu:\n  bien_ban_noi_dung: "Các nội dung:"\n', "utf-8"
    )
    own = {"bien_ban_ket_thuc": "Hội nghị bế mạc và kết thúc vào {{ gio }} {{ ngay }}."}
    text = body(workspace, minutes(workspace, **CONFERENCE, cau_chu=own))
    assert "Hội nghị bế mạc và kết thúc vào 11 giờ 30 cùng ngày./." in text
    assert "Các nội dung:" in text and "Nội dung hội nghị:" not in text
    assert "Thành phần: có mặt 8/9 đại biểu, gồm:" in text
    profile.write_text(
        profile.read_text("utf-8") + '  bien_ban_noi_dung_hoi_nghi: "Chương trình hội nghị:"\n',
        "utf-8",
    )
    assert "Chương trình hội nghị:" in body(workspace, minutes(workspace, **CONFERENCE))


def test_verify_passes_it_and_names_both_endings(workspace: Path, tmp_path: Path) -> None:
    path = workspace / "inputs" / "2024" / EXAMPLE.name
    data = minutes(workspace, **CONFERENCE)
    document = Workspace.containing(path).load_mapping(data, path)
    out = tmp_path / "bb.docx"
    out.write_bytes(Renderer(TEMPLATES).render(document))
    result = CliRunner().invoke(main, ["verify", str(out)])
    assert result.exit_code == 0, result.output
    # Without the sentence, the rule says what it looks for, either way.
    docx = open_docx(out)
    (ended,) = [p for p in docx.paragraphs if "kết thúc vào" in p.text]
    for run in ended.runs:
        run.text = run.text.replace("kết thúc vào", "bế mạc lúc")
    docx.save(str(out))
    result = CliRunner().invoke(main, ["verify", str(out)])
    assert result.exit_code == 1
    assert "Cuộc họp (Hội nghị) kết thúc vào ... giờ ... cùng ngày" in result.output


def test_the_starter_names_the_conference_phrases(tmp_path: Path) -> None:
    (tmp_path / "vanthu.yaml").write_text("ten: Thử\n", "utf-8")
    target = tmp_path / "bb.yaml"
    result = CliRunner().invoke(main, ["new", "bien-ban", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text("utf-8")
    for key in ("bien_ban_co_mat_hoi_nghi", "bien_ban_vang_mat_hoi_nghi",
                "bien_ban_noi_dung_hoi_nghi", "bien_ban_ket_thuc_hoi_nghi", "# hoi_nghi: co"):
        assert key in text  # fmt: skip
    # Its commented keys, uncommented, are valid data.
    lines = [line.removeprefix("# ") if line.startswith(("# hoi_nghi", "# cau_chu", "#   bien"))
             else line for line in text.splitlines()]  # fmt: skip
    data = YAML(typ="safe").load(io.StringIO("\n".join(lines)))
    assert data["hoi_nghi"] == "co" and set(data["cau_chu"]) == {
        "bien_ban_co_mat", "bien_ban_noi_dung_hoi_nghi"
    }
