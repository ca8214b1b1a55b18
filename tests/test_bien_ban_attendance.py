"""Biên bản attendance cross-checked (finding 7): a member listed twice, present and absent at
once, a thư ký or chủ tọa not among those present are refused at their line; the starter lists
its own chủ tọa and thư ký among those present."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pipeline.api import load_document
from pipeline.errors import InputError
from tests.typed_docs import REPO, example_data, open_docx

EXAMPLE = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"


def written(inputs: Path, data: dict[str, Any]) -> tuple[Path, list[str]]:
    """`data` as a Biên bản file of the workspace copy, and its lines."""
    stream = io.StringIO()
    YAML().dump(data, stream)
    path = inputs / "2024" / "bb-kiem-tra.yaml"
    path.write_text(stream.getvalue(), "utf-8")
    return path, stream.getvalue().splitlines()


def line_of(lines: list[str], text: str, occurrence: int = 1) -> int:
    """1-based number of the `occurrence`-th line holding `text`."""
    found = [n for n, line in enumerate(lines, start=1) if text in line]
    return found[occurrence - 1]


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_document(path)
    return caught.value


def test_a_member_listed_twice(inputs_copy: Path) -> None:
    data = example_data(EXAMPLE)
    present = data["thanh_phan"]["co_mat"]
    present.append({"ho_ten": " lường  văn Sơn", "chuc_vu": "Ủy viên"})  # case and spaces aside
    path, lines = written(inputs_copy, data)
    error = refused(path)
    assert error.field == "thanh_phan.co_mat[9].ho_ten"
    assert error.line == line_of(lines, "lường  văn Sơn")
    assert "có tên hai lần trong thanh_phan.co_mat" in error.message()


def test_a_member_both_present_and_absent(inputs_copy: Path) -> None:
    data = example_data(EXAMPLE)
    data["thanh_phan"]["vang_mat"].append(
        {"ho_ten": "Vì Thị Lan", "chuc_vu": "Ủy viên", "ly_do": "đi công tác"}
    )
    path, lines = written(inputs_copy, data)
    error = refused(path)
    assert error.field == "thanh_phan.vang_mat[2].ho_ten"
    assert error.line == line_of(lines, "Vì Thị Lan", occurrence=2)
    text = error.message()
    assert "“Vì Thị Lan” vừa có mặt (thanh_phan.co_mat) vừa vắng mặt" in text, text


def test_a_secretary_who_was_not_there(inputs_copy: Path) -> None:
    data = example_data(EXAMPLE)
    data["thu_ky"]["ho_ten"] = "Phạm Văn Khách"
    path, lines = written(inputs_copy, data)
    error = refused(path)
    assert (error.field, error.line) == ("thu_ky.ho_ten", line_of(lines, "Phạm Văn Khách"))
    assert "thư ký “Phạm Văn Khách” không có trong danh sách có mặt" in error.message()


def test_a_secretary_may_be_an_invited_guest(inputs_copy: Path) -> None:
    data = example_data(EXAMPLE)
    data["thu_ky"] = dict(data["thanh_phan"]["khach_moi"][0])
    path, _ = written(inputs_copy, data)
    assert load_document(path).info.data.thu_ky.ho_ten == "Bạc Thị Thu"


def test_a_chair_who_was_not_there(inputs_copy: Path) -> None:
    data = example_data(EXAMPLE)
    data["thanh_phan"]["co_mat"][0] = {"ho_ten": "Lê Văn Khác", "chuc_vu": "Ủy viên"}
    path, lines = written(inputs_copy, data)
    error = refused(path)
    assert (error.field, error.line) == ("nguoi_ky", line_of(lines, "nguoi_ky:"))
    assert "chủ tọa “Nguyễn Huy Anh” (người ký chanh-van-phong)" in error.message()


def test_cli_names_file_line_and_field_in_english(cli: Any, inputs_copy: Path) -> None:
    data = example_data(EXAMPLE)
    data["thanh_phan"]["co_mat"].append(dict(data["thanh_phan"]["co_mat"][2]))
    path, lines = written(inputs_copy, data)
    result = CliRunner().invoke(cli, ["--lang", "en", "check", str(path)])
    assert result.exit_code == 1
    line = line_of(lines, "Cầm Thị Hương", occurrence=2)
    assert f"line {line}, field 'thanh_phan.co_mat[9].ho_ten'" in result.output
    assert "“Cầm Thị Hương” is listed twice in thanh_phan.co_mat" in result.output
    assert "Traceback" not in result.output


def test_the_example_renders_as_before(tmp_path: Path) -> None:
    # The repository's own minutes pass the checks: its chair and secretary are present.
    doc = open_docx(load_and_render(EXAMPLE, tmp_path))
    text = [p.text for p in doc.paragraphs]
    assert "Thành phần: có mặt 8/9 thành viên, gồm:" in text


def load_and_render(path: Path, out: Path) -> Path:
    from pipeline.api import Renderer
    from tests.typed_docs import TEMPLATES

    return Renderer(TEMPLATES).render_file(path, out / "bb.docx")


def test_the_starter_lists_its_chair_and_secretary(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "bien-ban.yaml"
    result = CliRunner().invoke(cli, ["new", "bien-ban", "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = load_document(target)
    data, chair = document.info.data, document.info.signer
    present = [p.ho_ten for p in data.thanh_phan.co_mat]
    assert chair.ho_ten in present and data.thu_ky.ho_ten in present
    assert len(present) == len(set(present))


def test_the_starter_for_an_office_names_its_own_chair(tmp_path: Path, cli: Any) -> None:
    workspace = tmp_path / "ws"
    (workspace / "inputs" / "co-quan").mkdir(parents=True)
    profile = (REPO / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml").read_text("utf-8")
    (workspace / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml").write_text(profile, "utf-8")
    (workspace / "vanthu.yaml").write_text((REPO / "vanthu.yaml").read_text("utf-8"), "utf-8")
    target = workspace / "inputs" / "2026" / "bien-ban.yaml"
    target.parent.mkdir()
    result = CliRunner().invoke(cli, ["new", "bien-ban", "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = load_document(target)
    assert document.info.signer.ho_ten in [p.ho_ten for p in document.info.data.thanh_phan.co_mat]
