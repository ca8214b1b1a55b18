"""A Biên bản needs two signers (r13b F4): the tester's bb-s.yaml named the chủ tọa, Lò Văn Thắng
(nguoi_ky: chu-tich), as thu_ky too; check said "Hợp lệ", render printed his name under THƯ KÝ
and under CHỦ TỌA, and verify passed it. Now check, render and build refuse it at thu_ky.ho_ten,
and verify fails a printed biên bản with one name under both."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pipeline.cli import main
from tests.typed_docs import REPO, TEMPLATES, example_data, open_docx

EXAMPLE = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
CHAIR = "Nguyễn Huy Anh"  # nguoi_ky: chanh-van-phong in the profile, present (co_mat)


def written(folder: Path, secretary: str) -> tuple[Path, int]:
    """The example Biên bản with `secretary` as its thư ký, in `folder`; the line of the name."""
    data: dict[str, Any] = example_data(EXAMPLE)
    data["thu_ky"]["ho_ten"] = secretary
    stream = io.StringIO()
    YAML().dump(data, stream)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bb-thu-ky.yaml"
    path.write_text(stream.getvalue(), "utf-8")
    lines = stream.getvalue().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == f"ho_ten: {secretary}")
    return path, line


@pytest.mark.parametrize("secretary", [CHAIR, "NGUYỄN  HUY ANH"])
def test_check_and_render_refuse_the_chair_as_secretary(
    inputs_copy: Path, tmp_path: Path, secretary: str
) -> None:
    path, line = written(inputs_copy / "2024", secretary)
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(path)])
    assert checked.exit_code == 1
    secretary = CHAIR  # quoted as it prints: a name typed in capitals prints in title case
    assert checked.output.strip() == (
        f"Lỗi: {path}, dòng {line}, trường 'thu_ky.ho_ten': thư ký “{secretary}” cũng là chủ tọa "
        "(người ký chanh-van-phong): biên bản cần hai người ký khác nhau, người ghi biên bản bên "
        "trái và chủ tọa bên phải; ghi thư ký là người khác có mặt, hoặc sửa nguoi_ky"
    )
    english = runner.invoke(main, ["--lang", "en", "check", str(path)])
    assert english.exit_code == 1
    assert english.output.strip() == (
        f"Error: {path}, line {line}, field 'thu_ky.ho_ten': the secretary “{secretary}” is also "
        "the chair (signer chanh-van-phong): minutes need two different signers, the one who "
        "took them on the left and the chair on the right; name another person present as "
        "secretary, or correct nguoi_ky"
    )
    out = tmp_path / "bb.docx"
    rendered = runner.invoke(main, ["render", str(path), "-o", str(out)])
    assert rendered.exit_code == 1 and "thu_ky.ho_ten" in rendered.output and not out.exists()


def test_build_refuses_it(inputs_copy: Path, tmp_path: Path) -> None:
    path, line = written(inputs_copy / "bien-ban", CHAIR)
    built = CliRunner().invoke(
        main, ["build", "-j", "1", str(inputs_copy / "bien-ban"), "-o", str(tmp_path / "out")]
    )
    assert built.exit_code != 0
    assert f"dòng {line}, trường 'thu_ky.ho_ten': thư ký “{CHAIR}” cũng là chủ tọa" in built.output
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_another_member_present_as_secretary_passes(inputs_copy: Path) -> None:
    path, _ = written(inputs_copy / "2024", "Lò Văn Mạnh")
    assert CliRunner().invoke(main, ["check", str(path)]).exit_code == 0


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.api import Renderer

    out = tmp_path_factory.mktemp("bb") / "bb.docx"
    return Renderer(TEMPLATES).render_file(EXAMPLE, out)


def test_verify_fails_one_name_under_thu_ky_and_chu_toa(printed: Path, tmp_path: Path) -> None:
    """The printed minutes edited in Word: the secretary's name retyped as the chair's."""
    runner = CliRunner()
    assert runner.invoke(main, ["verify", str(printed)]).exit_code == 0
    doc = open_docx(printed)
    signatures = doc.tables[-1].rows[0].cells
    left, right = ([p for p in cell.paragraphs if p.text.strip()] for cell in signatures[:2])
    assert [left[0].text, right[0].text, right[-1].text] == ["THƯ KÝ", "CHỦ TỌA", CHAIR]
    left[-1].runs[0].text = f" {CHAIR.upper()} "  # case and spacing aside
    for run in left[-1].runs[1:]:
        run.text = ""
    same = tmp_path / "bb-mot-nguoi-ky.docx"
    doc.save(str(same))
    result = runner.invoke(main, ["verify", str(same)])
    assert result.exit_code == 1
    assert (
        f"[bien_ban.hai_nguoi_ky] Thư ký và chủ tọa là hai người khác nhau: thấy «{CHAIR.upper()}»;"
        " cần họ tên người ghi biên bản, khác họ tên chủ tọa"
    ) in result.output, result.output
    english = runner.invoke(main, ["--lang", "en", "verify", str(same)])
    assert "[bien_ban.hai_nguoi_ky] The secretary and the chair are two different people" in (
        english.output
    )
