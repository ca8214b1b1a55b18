"""A Giấy khen batch whose award decision says so: tu_dong prints the number the register holds
for the decision's data file (render and build name it alike), allocates none itself, refuses to
print before the decision has one, and is rebuilt when the decision's number changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import Status, build
from pipeline.cli import main
from pipeline.register import Status as RowStatus
from pipeline.register import open_register
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, DECISION, example_rows, workspace
from tests.typed_docs import open_docx

AGENCY = "ubnd-tinh-son-la"
YEAR = 2024
DATE = "ngày 15 tháng 10 năm 2024"


@pytest.fixture(autouse=True)
def _own_register(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each workspace's own so-van-ban.sqlite3, whatever the machine's VANTHU_DB says."""
    monkeypatch.delenv("VANTHU_DB", raising=False)


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    """A workspace whose award decision asks the register for its number, and a batch of
    certificates of it; returns the batch's data file."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    decision = source.parent / DECISION.name
    text = decision.read_text("utf-8")
    decision.write_text(re.sub(r"^so: .*$", "so: tu_dong", text, count=1, flags=re.M), "utf-8")
    return source


def decision_of(batch: Path) -> Path:
    return batch.parent / DECISION.name


def output_of(batch: Path, data_file: Path) -> Path:
    root = Workspace.containing(batch).root
    return root / "outputs" / str(YEAR) / data_file.with_suffix(".docx").name


def header_number(docx: Path) -> str:
    """Số, ký hiệu as the decision's header prints it: 01/QĐ-UBND."""
    cells = [c.text for t in open_docx(docx).tables for r in t.rows for c in r.cells]
    return next(c for c in cells if c.startswith("Số:")).removeprefix("Số:").strip()


def certificate_lines(docx: Path) -> list[str]:
    """The "Quyết định số ..." line of every certificate of the batch."""
    return [p.text for p in open_docx(docx).paragraphs if p.style.name == "GiayKhenQuyetDinh"]


def register_rows(root: Path):
    with open_register(root=root) as register:
        return [(e.number, e.status, e.source) for e in register.entries(YEAR)]


def written(ws: Workspace) -> dict[str, bytes]:
    """Every document and manifest of the output folder, by name (the hash cache aside)."""
    return {
        p.relative_to(ws.output_dir).as_posix(): p.read_bytes()
        for p in sorted(ws.output_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def render(*args: str):
    return CliRunner().invoke(main, ["render", *args])


def test_render_decision_then_batch_prints_the_decisions_number(batch: Path) -> None:
    root = Workspace.containing(batch).root
    decision = render(str(decision_of(batch)))
    assert decision.exit_code == 0, decision.output
    number = header_number(output_of(batch, decision_of(batch)))
    assert number == "01/QĐ-UBND"
    for _ in range(2):  # rendered again: the same number, still none of its own
        result = render(str(batch))
        assert result.exit_code == 0, result.output
        lines = certificate_lines(output_of(batch, batch))
        assert lines == [f"Quyết định số {number} {DATE}"] * len(example_rows())
    assert register_rows(root) == [(1, RowStatus.ISSUED, f"inputs/{YEAR}/{DECISION.name}")]


def test_a_batch_before_its_decision_is_refused_where_it_names_the_decision(
    batch: Path,
) -> None:
    root = Workspace.containing(batch).root
    result = render(str(batch))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "giay-khen.yaml" in result.output and "dòng 2" in result.output
    assert "quyet_dinh" in result.output
    assert f"inputs/{YEAR}/{DECISION.name}" in result.output
    assert "chưa cấp số" in result.output and "vanthu render" in result.output
    assert not (root / "outputs").exists()
    assert register_rows(root) == []  # the batch allocates nothing
    english = CliRunner().invoke(main, ["--lang", "en", "render", str(batch)])
    assert english.exit_code == 1
    assert "has given it none yet" in english.output and "line 2" in english.output


def test_one_render_of_batch_and_decision_numbers_the_decision_first(batch: Path) -> None:
    result = render(str(batch), str(decision_of(batch)))  # the batch named first
    assert result.exit_code == 0, result.output
    number = header_number(output_of(batch, decision_of(batch)))
    assert certificate_lines(output_of(batch, batch))[0] == f"Quyết định số {number} {DATE}"


def test_build_of_both_gives_the_batch_the_decisions_number_and_then_changes_nothing(
    batch: Path,
) -> None:
    ws = Workspace.containing(batch)
    first = build(ws, jobs=1)
    assert first.ok, (first.invalid, [d.error for d in first.failed])
    number = header_number(output_of(batch, decision_of(batch)))
    assert number == "01/QĐ-UBND"
    lines = certificate_lines(output_of(batch, batch))
    assert lines == [f"Quyết định số {number} {DATE}"] * len(example_rows())
    manifest = ws.output_dir / str(YEAR) / "manifest.json"
    entry = json.loads(manifest.read_text("utf-8"))["documents"][f"inputs/{YEAR}/giay-khen.yaml"]
    assert entry["so_theo"] == {"van_ban": f"inputs/{YEAR}/{DECISION.name}", "so": 1}
    assert entry["so"] is None  # the decision's number, not a second use of it

    before = written(ws)
    assert set(before) == {
        "2024/giay-khen.docx",
        f"2024/{DECISION.stem}.docx",
        "2024/manifest.json",
    }
    second = build(ws, jobs=1)
    assert second.ok and {d.status for d in second.documents} == {Status.UNCHANGED}
    assert written(ws) == before
    assert register_rows(ws.root) == [(1, RowStatus.ISSUED, f"inputs/{YEAR}/{DECISION.name}")]

    forced = build(ws, jobs=1, force=True)  # rebuilt: the same bytes, the same number
    assert forced.ok and written(ws) == before
    assert register_rows(ws.root) == [(1, RowStatus.ISSUED, f"inputs/{YEAR}/{DECISION.name}")]


def test_render_then_build_use_one_name_for_the_decision(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace.containing(batch)
    monkeypatch.chdir(batch.parent)  # the clerk renders from the year folder
    result = render(DECISION.name)
    assert result.exit_code == 0, result.output
    built = build(ws, jobs=1)
    assert built.ok, (built.invalid, [d.error for d in built.failed])
    assert header_number(output_of(batch, decision_of(batch))) == "01/QĐ-UBND"
    assert certificate_lines(output_of(batch, batch))[0] == f"Quyết định số 01/QĐ-UBND {DATE}"
    assert register_rows(ws.root) == [(1, RowStatus.ISSUED, f"inputs/{YEAR}/{DECISION.name}")]


def test_a_decision_numbered_anew_rebuilds_its_batch(batch: Path) -> None:
    ws = Workspace.containing(batch)
    assert build(ws, jobs=1).ok
    with open_register(root=ws.root) as register:
        register.void(AGENCY, YEAR, 1, "in nhầm")
    again = render(str(decision_of(batch)))  # the clerk prints the decision again: number 02
    assert again.exit_code == 0, again.output
    assert header_number(output_of(batch, decision_of(batch))) == "02/QĐ-UBND"
    rebuilt = build(ws, jobs=1)
    assert rebuilt.ok, (rebuilt.invalid, [d.error for d in rebuilt.failed])
    built = {d.name for d in rebuilt.documents if d.status is Status.BUILT}
    assert f"inputs/{YEAR}/giay-khen.yaml" in built
    assert certificate_lines(output_of(batch, batch))[0] == f"Quyết định số 02/QĐ-UBND {DATE}"
    assert {d.status for d in build(ws, jobs=1).documents} == {Status.UNCHANGED}


def test_build_of_a_batch_whose_decision_has_no_number_writes_nothing(batch: Path) -> None:
    """The batch in a folder of its own, built without its decision: refused at quyet_dinh."""
    folder = batch.parent / "giay-khen"
    folder.mkdir()
    moved = folder / batch.name
    moved.write_text(batch.read_text("utf-8").replace("quyet_dinh: ", "quyet_dinh: ../"), "utf-8")
    batch.unlink()
    ws = Workspace.containing(moved)
    result = build(ws, folder, jobs=1)
    assert result.stopped
    [(path, message)] = result.invalid
    assert path == moved and "dòng 2" in message and "chưa cấp số" in message
    assert not (ws.root / "outputs" / str(YEAR)).exists()
    assert register_rows(ws.root) == []


def test_a_batch_is_not_written_when_its_decision_could_not_be(batch: Path) -> None:
    """The decision's output is blocked (a folder stands where its .docx goes): its new number
    is kept pending for the next build (finding r9b F4), and the batch that would print it is
    not written."""
    ws = Workspace.containing(batch)
    blocker = output_of(batch, decision_of(batch))
    (blocker / "giu-cho").mkdir(parents=True)
    result = build(ws, jobs=1)
    failed = {d.name: d.error or "" for d in result.failed}
    assert set(failed) == {f"inputs/{YEAR}/{DECISION.name}", f"inputs/{YEAR}/giay-khen.yaml"}
    assert DECISION.name in failed[f"inputs/{YEAR}/giay-khen.yaml"]
    assert not output_of(batch, batch).exists()
    assert register_rows(ws.root) == [(1, RowStatus.PENDING, f"inputs/{YEAR}/{DECISION.name}")]


# Short enough for the phôi's one line above the số vào sổ (a longer one overprints it, and
# verify fails the batch: giay_khen.du_cho).
OWN_WORDING = "Quyết định số {{ so_quyet_dinh }}, {{ ngay_quyet_dinh }}."


@pytest.mark.parametrize("wording", [None, OWN_WORDING])
def test_verify_checks_a_batch_s_decision_against_the_register(
    batch: Path, monkeypatch: pytest.MonkeyPatch, wording: str | None
) -> None:
    """verify --so-dang-ky on a Giấy khen batch: the decision every certificate cites is
    looked up in the register, and what is wrong with it said once, not once per page; in the
    default wording or the office's own (read from the phôi's decision field)."""
    if wording is not None:
        text = batch.read_text("utf-8") + f"cau_chu:\n  giay_khen_quyet_dinh: '{wording}'\n"
        batch.write_text(text, "utf-8")
    ws = Workspace.containing(batch)
    assert build(ws, jobs=1).ok
    monkeypatch.chdir(ws.root)
    certificates = output_of(batch, batch)
    ok = CliRunner().invoke(main, ["verify", "--so-dang-ky", str(certificates)])
    assert ok.exit_code == 0, ok.output

    with open_register(root=ws.root) as register:
        register.void(AGENCY, YEAR, 1, "in nhầm")
    voided = CliRunner().invoke(main, ["verify", "--so-dang-ky", str(certificates)])
    assert voided.exit_code == 1
    problems = [line for line in voided.output.splitlines() if "01/QĐ-UBND" in line]
    assert len(problems) == 1 and "hủy" in problems[0], voided.output
    assert len(example_rows()) > 1  # every page cites it

    if wording is not None:
        assert certificate_lines(certificates)[0].startswith("Quyết định số 01/QĐ-UBND, ngày")
    plain = CliRunner().invoke(main, ["verify", str(certificates)])  # no register asked for
    assert plain.exit_code == 0, plain.output
