"""vanthu build: every document, manifests, incremental rebuilds, determinism, bad inputs."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline import __version__
from pipeline.api import load_document
from pipeline.batch import BuildResult, Status, build
from pipeline.batch.discover import Layout, find_inputs
from pipeline.batch.document_entry import printed_reference
from pipeline.batch.hash_cache import CACHE_NAME
from pipeline.batch.manifest import listing_sha256
from pipeline.batch.template_hash import template_hash
from pipeline.render.compose import TemplateLibrary
from pipeline.workspace import Workspace
from tests.test_register_lines_s56 import so_line

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"
JOBS = 2
AWARD_SHEET = "2022/danh-sach-giay-khen-2022.csv"
AWARD_DECISION = "inputs/2022/qd-giay-khen.yaml"
BROKEN = "2022/qd-thanh-lap-hoi-dong.yaml"


def run_build(inputs: Path, out: Path, *, force: bool = False) -> BuildResult:
    """The library build of the test's copy of inputs/ (or a year of it) into `out`."""
    return build(in_workspace(inputs, out), inputs, jobs=JOBS, force=force)


def in_workspace(inputs: Path, out: Path, templates: Path | None = None) -> Workspace:
    return Workspace.containing(inputs).with_output(out).with_templates(templates)


def documents_of(inputs: Path) -> list[Path]:
    return find_inputs(Workspace.containing(inputs), inputs)


def invoke(cli: click.Group, *args: str):
    return CliRunner().invoke(cli, ["build", *args, "-j", str(JOBS)])


def statuses(result: BuildResult) -> dict[str, Status]:
    return {d.name: d.status for d in result.documents}


def built(result: BuildResult) -> set[str]:
    return {d.name for d in result.documents if d.status is Status.BUILT}


def manifest(out: Path, year: str) -> dict:
    return json.loads((out / year / "manifest.json").read_text("utf-8"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder`: its bytes and modification time; not the hash cache, which a
    build writes once the files it hashed are old enough (tests/test_build_speedups.py)."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != CACHE_NAME
    }


def years(inputs: Path) -> set[str]:
    return {p.relative_to(inputs).parts[0] for p in documents_of(inputs)}


def break_line(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def out(inputs_copy: Path, tmp_path: Path) -> Path:
    """The output folder of a first build of inputs_copy, which succeeded."""
    folder = tmp_path / "out"
    assert run_build(inputs_copy, folder).ok
    return folder


# --- discovery and layout -------------------------------------------------------------------


def test_finds_documents_not_agency_profiles(inputs_copy: Path) -> None:
    (inputs_copy / ".git").mkdir()
    (inputs_copy / ".git" / "config.yaml").write_text("x: 1\n", "utf-8")
    found = [p.relative_to(inputs_copy).as_posix() for p in documents_of(inputs_copy)]
    assert "2022/qd-giay-khen.yaml" in found and "2022/ke-hoach-tdkt.yaml" in found
    assert not [f for f in found if f.startswith(("co-quan/", ".git/"))]
    assert found == sorted(found)


def test_year_folder_still_writes_under_its_year(inputs_copy: Path, tmp_path: Path) -> None:
    layout = Layout(Workspace.containing(inputs_copy / "2022").with_output(tmp_path / "out"))
    source = inputs_copy / "2022" / "qd-giay-khen.yaml"
    document = load_document(source)
    assert layout.output_for(document) == tmp_path / "out" / "2022" / "qd-giay-khen.docx"
    assert layout.year_of(document) == "2022"
    assert layout.name_of(source) == "inputs/2022/qd-giay-khen.yaml"
    assert layout.manifest_for("2022") == tmp_path / "out" / "2022" / "manifest.json"

    result = run_build(inputs_copy / "2022", tmp_path / "out")
    assert result.ok
    assert (tmp_path / "out" / "2022" / "qd-giay-khen.docx").is_file()
    assert [p.parent.name for p in result.manifests] == ["2022"]
    assert not (tmp_path / "out" / "2021").exists()


def test_template_sources_are_template_frame_and_every_block() -> None:
    library = TemplateLibrary(TEMPLATES)
    sources = library.source_files("quyet-dinh")
    blocks = sorted(p for p in (TEMPLATES / "khoi").glob("*.docx") if not p.name.startswith("~$"))
    assert sources == [TEMPLATES / "quyet-dinh.docx", TEMPLATES / "khung.docx", *blocks]


# --- a full build ---------------------------------------------------------------------------


def test_builds_every_document_and_the_manifests(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = invoke(cli, str(inputs_copy), "-o", str(out))
    assert result.exit_code == 0, result.output

    documents = documents_of(inputs_copy)
    assert documents
    library = TemplateLibrary(TEMPLATES)
    for source in documents:
        relative = source.relative_to(inputs_copy)
        output = out / relative.with_suffix(".docx")
        assert output.is_file() and zipfile.is_zipfile(output), output
        assert relative.as_posix() in result.output  # the closing table names it
        loaded = load_document(source)
        entry = manifest(out, relative.parts[0])["documents"][f"inputs/{relative.as_posix()}"]
        assert entry["output"] == {"path": relative.with_suffix(".docx").as_posix(),
                                   "sha256": sha256(output)}  # fmt: skip
        expected_inputs = {
            Path(f).resolve().relative_to(tmp_path).as_posix(): sha256(Path(f))
            for f in loaded.files
        }
        for folder in loaded.folders:  # a report depends on the list of its years' decisions
            names = [f"inputs/{p.relative_to(inputs_copy).as_posix()}" for p in
                     documents_of(folder)] if folder.is_dir() else []  # fmt: skip
            expected_inputs[f"{folder.relative_to(tmp_path).as_posix()}/"] = listing_sha256(names)
        assert entry["inputs"] == expected_inputs
        assert f"inputs/{relative.as_posix()}" in entry["inputs"]
        assert f"inputs/co-quan/{loaded.info.data.co_quan}.yaml" in entry["inputs"]
        assert entry["template"] == {
            "name": loaded.template,
            "sha256": template_hash(library, loaded.template),
        }
        assert entry["loai"] == loaded.kind.code
        assert entry["so"] == loaded.info.data.own_number  # a Giấy khen's is its decision's
        assert entry["ngay"] == loaded.info.data.ngay.isoformat()
        # A Giấy khen batch's is the decision its certificates print (document_entry).
        assert entry["so_ky_hieu"] == printed_reference(loaded)
    summary = result.output.splitlines()[-1]
    assert summary.startswith(f"{len(documents)} đã dựng, 0 không đổi, 0 lỗi"), summary

    for year in years(inputs_copy):
        path = out / year / "manifest.json"
        text = path.read_text("utf-8")
        data = json.loads(text)
        # Deterministic: sorted keys, no timestamps; one entry per document of the year.
        assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        assert set(data) == {"documents", "vanthu", "year"} and data["year"] == year
        assert len(data["documents"]) == sum(
            1 for p in documents if p.relative_to(inputs_copy).parts[0] == year
        )
    award_inputs = manifest(out, "2022")["documents"][AWARD_DECISION]["inputs"]
    assert f"inputs/{AWARD_SHEET}" in award_inputs


def test_second_run_rebuilds_nothing(inputs_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_build(inputs_copy, out)
    assert first.ok and set(statuses(first).values()) == {Status.BUILT}
    before = snapshot(out)

    second = run_build(inputs_copy, out)
    assert second.ok and set(statuses(second).values()) == {Status.UNCHANGED}
    assert snapshot(out) == before  # not even the manifests were rewritten

    # An output that is missing is rebuilt; one edited by hand is kept (test_build_hand_edits);
    # the rest stays as it is.
    (out / "2022" / "ke-hoach-tdkt.docx").unlink()
    (out / "2022" / "qd-giay-khen.docx").write_bytes(b"edited")
    third = run_build(inputs_copy, out)
    assert built(third) == {"inputs/2022/ke-hoach-tdkt.yaml"}
    assert statuses(third)[AWARD_DECISION] is Status.KEPT
    after = snapshot(out)
    assert after["2022/qd-giay-khen.docx"][0] == b"edited"  # the clerk's, not written over
    assert {n for n, (d, _) in after.items() if d != before[n][0]} == {"2022/qd-giay-khen.docx"}
    touched = {"2022/ke-hoach-tdkt.docx", "2022/qd-giay-khen.docx"}
    assert {n for n in before if after[n][1] != before[n][1]} == touched


def test_changed_spreadsheet_rebuilds_its_decision_and_the_report_only(
    inputs_copy: Path, out: Path
) -> None:
    before = snapshot(out)
    kinds = {
        name: entry["loai"]
        for year in years(inputs_copy)
        for name, entry in manifest(out, year)["documents"].items()
    }
    # The year's report aggregates the year's decisions; next year's compares with them.
    reports = {n for n, k in kinds.items() if k == "bao_cao" and n.startswith("inputs/2022/")}
    next_reports = {n for n, k in kinds.items() if k == "bao_cao" and n.startswith("inputs/2023/")}

    sheet = inputs_copy / AWARD_SHEET
    break_line(sheet, "Quàng Thị Ngân,Chuyên viên", "Quàng Thị Ngân,Chuyên viên chính")
    result = run_build(inputs_copy, out)
    assert result.ok
    assert AWARD_DECISION in built(result)
    assert built(result) <= {AWARD_DECISION} | reports | next_reports
    # The reports were made again (their entries record the new sheet); one that comes out the
    # same is unchanged, not written again (r14c F1).
    for report in reports:
        assert manifest(out, "2022")["documents"][report]["inputs"][f"inputs/{AWARD_SHEET}"] \
            == sha256(sheet)
    assert sha256(out / "2022" / "qd-giay-khen.docx") != sha256_of(before, "2022/qd-giay-khen.docx")
    after = snapshot(out)
    for name, (data, mtime) in before.items():
        source = f"inputs/{Path(name).with_suffix('.yaml').as_posix()}"
        if name.endswith(".docx") and source not in built(result):
            assert after[name] == (data, mtime), name
    entry = manifest(out, "2022")["documents"][AWARD_DECISION]
    assert entry["inputs"][f"inputs/{AWARD_SHEET}"] == sha256(sheet)


def sha256_of(files: dict[str, tuple[bytes, int]], name: str) -> str:
    return hashlib.sha256(files[name][0]).hexdigest()


def test_force_and_a_new_vanthu_version_rebuild_everything(inputs_copy: Path, out: Path) -> None:
    """Every document is made again; one that comes out as the file already there is unchanged,
    not written again (r14c F1), as are an older vanthu's outputs this one makes the same."""
    before = snapshot(out)
    forced = run_build(inputs_copy, out, force=True)
    assert forced.ok and set(statuses(forced).values()) == {Status.UNCHANGED}
    assert snapshot(out) == before

    path = out / "2022" / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    data["vanthu"] = "0.0.1"  # as if an older vanthu had built it
    path.write_text(json.dumps(data), "utf-8")
    result = run_build(inputs_copy, out)
    assert result.ok and set(statuses(result).values()) == {Status.UNCHANGED}
    assert manifest(out, "2022")["vanthu"] == __version__
    assert {n: d for n, (d, _) in snapshot(out).items() if n.endswith(".docx")} == {
        n: d for n, (d, _) in before.items() if n.endswith(".docx")
    }


def test_changed_shared_block_rebuilds_every_document(inputs_copy: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    out = tmp_path / "out"
    first = build(in_workspace(inputs_copy, out, templates), jobs=JOBS)
    assert first.ok
    outputs = snapshot(out)

    # Same content, different bytes: the block re-zipped without compression.
    block = sorted((templates / "khoi").glob("*.docx"))[0]
    with zipfile.ZipFile(block) as original:
        members = [(info, original.read(info)) for info in original.infolist()]
    with zipfile.ZipFile(block, "w", zipfile.ZIP_STORED) as rewritten:
        for info, data in members:
            info.compress_type = zipfile.ZIP_STORED
            rewritten.writestr(info, data)

    # Every document is made again; each comes out as before, so none is written (r14c F1),
    # and the manifests record the new template hashes.
    hashes = {y: manifest(out, y)["documents"] for y in years(inputs_copy)}
    second = build(in_workspace(inputs_copy, out, templates), jobs=JOBS)
    assert second.ok and set(statuses(second).values()) == {Status.UNCHANGED}
    docx = {n: d for n, (d, _) in outputs.items() if n.endswith(".docx")}
    assert {n: d for n, (d, _) in snapshot(out).items() if n.endswith(".docx")} == docx
    now = {y: manifest(out, y)["documents"] for y in years(inputs_copy)}
    assert now != hashes  # the documents printing the block record its new hash


def test_two_clean_builds_are_byte_identical(inputs_copy: Path, tmp_path: Path) -> None:
    assert run_build(inputs_copy, tmp_path / "a").ok
    assert run_build(inputs_copy, tmp_path / "b").ok
    a = {n: d for n, (d, _) in snapshot(tmp_path / "a").items()}
    b = {n: d for n, (d, _) in snapshot(tmp_path / "b").items()}
    assert a == b
    assert len([n for n in a if n.endswith(".docx")]) == len(documents_of(inputs_copy))
    for name in a:
        if name.endswith(".docx"):  # no build time inside the package
            with zipfile.ZipFile(tmp_path / "a" / name) as package:
                assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- bad inputs -----------------------------------------------------------------------------


def test_broken_inputs_write_nothing_and_are_all_named(
    cli: click.Group, inputs_copy: Path, tmp_path: Path, out: Path
) -> None:
    before = snapshot(out)
    broken = inputs_copy / BROKEN
    break_line(broken, "ngay: 10/01/2022", "ngay: 31/02/2022")
    plan = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    break_line(plan, "co_quan: van-phong-ubnd-son-la", "co_quan: van-phong-ubnd-son-lam")

    for target in (out, tmp_path / "clean"):
        result = invoke(cli, str(inputs_copy), "-o", str(target))
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if line.startswith("Lỗi: ")]
        date_line = next(i for i, t in enumerate(broken.read_text("utf-8").splitlines(), 1)
                         if t.startswith("ngay:"))  # fmt: skip
        assert any(
            str(broken) in line
            and f"dòng {date_line}" in line
            and "trường 'ngay'" in line
            and "31/02/2022" in line
            for line in lines
        ), result.output
        assert any(str(plan) in line and "trường 'co_quan'" in line for line in lines)
        assert "chưa ghi tệp nào" in result.output
        assert "Traceback" not in result.output
    assert snapshot(out) == before
    assert not (tmp_path / "clean").exists()


def test_keep_going_builds_the_rest_and_exits_1(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    reference = run_build(inputs_copy, tmp_path / "reference")
    # Documents that read the broken file fail with it (a report reads its decisions).
    broken_name = f"inputs/{BROKEN}"
    dependants = {
        name
        for year in years(inputs_copy)
        for name, entry in manifest(tmp_path / "reference", year)["documents"].items()
        if broken_name in entry["inputs"]
    }
    assert reference.ok and broken_name in dependants

    break_line(inputs_copy / BROKEN, "ngay: 10/01/2022", "ngay: 31/02/2022")
    out = tmp_path / "out"
    result = invoke(cli, str(inputs_copy), "-o", str(out), "--keep-going")
    assert result.exit_code == 1
    assert "31/02/2022" in result.output and "lỗi" in result.output
    for source in documents_of(inputs_copy):
        name = f"inputs/{source.relative_to(inputs_copy).as_posix()}"
        output = out / source.relative_to(inputs_copy).with_suffix(".docx")
        assert output.is_file() != (name in dependants), name
    documents = manifest(out, "2022")["documents"]
    assert broken_name not in documents and AWARD_DECISION in documents


def test_missing_input_folder_is_a_message(cli: click.Group, tmp_path: Path) -> None:
    result = invoke(cli, str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "không tìm thấy thư mục đầu vào" in result.output and "Traceback" not in result.output


# --- incremental without parsing, the year's list, leftovers, the manifest's reach ------------


def test_nothing_changed_means_nothing_is_parsed(
    inputs_copy: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_load(jobs: list):  # an unchanged document is judged by hashes alone
        raise AssertionError(f"{[job.path for job in jobs]} were loaded")

    monkeypatch.setattr("pipeline.batch.runner.stage_batch", must_not_load)
    again = build(in_workspace(inputs_copy, out), jobs=1)
    assert again.ok and set(statuses(again).values()) == {Status.UNCHANGED}


def test_a_new_decision_rebuilds_the_report_that_counts_it(inputs_copy: Path, out: Path):
    year = inputs_copy / "2022"
    text = (year / "qd-giay-khen.yaml").read_text("utf-8").replace("so: 153", "so: 154", 1)
    (year / "qd-giay-khen-bo-sung.yaml").write_text(text, "utf-8")
    again = run_build(inputs_copy, out)
    assert again.ok, again.invalid
    assert built(again) == {
        "inputs/2022/qd-giay-khen-bo-sung.yaml",
        "inputs/2022/bao-cao-tong-ket.yaml",
    }


def test_leftovers_of_a_killed_build_are_removed(inputs_copy: Path, out: Path) -> None:
    leftover = out / "2022" / ".qd-giay-khen.docx.k2j3h4.tmp"
    leftover.write_bytes(b"half a document")
    kept = out / "2022" / "ghi-chu.tmp"  # not ours: no leading dot and hidden name
    kept.write_text("x", "utf-8")
    assert run_build(inputs_copy, out).ok
    assert not leftover.exists() and kept.exists()


def test_a_manifest_never_makes_the_build_delete_outside_its_outputs(
    inputs_copy: Path, tmp_path: Path, out: Path
) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF- not vanthu's")
    path = out / "2022" / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    entry = data["documents"][AWARD_DECISION]
    entry["pdf"] = {"path": "../secret.pdf", "sha256": sha256(secret)}
    entry["output"]["sha256"] = "0" * 64  # so that the document is rebuilt
    path.write_text(json.dumps(data), "utf-8")
    assert run_build(inputs_copy, out).ok
    assert secret.read_bytes() == b"%PDF- not vanthu's"


def test_a_report_of_a_year_without_decisions_is_refused(cli: click.Group, inputs_copy: Path):
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    # A report on 2030 throughout (its nam, date and title agree), in a workspace without one
    # decision of 2030.
    text = report.read_text("utf-8").replace("nam: 2022", "nam: 2030")
    text = text.replace("ngay: 28/12/2022", "ngay: 28/12/2030").replace("năm 2022", "năm 2030")
    report.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(report)])
    assert result.exit_code == 1
    # Decisions dated in 2030 are looked for in the whole data folder, not inputs/2030 only.
    assert "2030" in result.output and f"{inputs_copy} " in result.output


def test_a_repeated_number_names_this_file_its_number_and_the_other_file(
    cli: click.Group, inputs_copy: Path, out: Path
) -> None:
    plan = (inputs_copy / "2022" / "ke-hoach-tdkt.yaml").read_text("utf-8")
    copy = inputs_copy / "2022" / "kh-trung-so.yaml"
    copy.write_text(
        plan.replace("\nso: 5 ", "\nso: 152 ", 1).replace("ngay: 22/12/2021", "ngay: 25/12/2022"),
        "utf-8",
    )
    decision = inputs_copy / "2022" / "qd-lao-dong-tien-tien.yaml"
    # The decision was built before (kept): the new plan is the one refused.
    result = invoke(cli, str(inputs_copy), "-o", str(out))
    assert result.exit_code == 1
    [line] = [x for x in result.stderr.splitlines() if "152/" in x]
    assert line.startswith(f"Lỗi: {copy}, dòng {so_line(copy)}, trường 'so': số 152/KH-VPUBND "
                           f"trùng số với {decision} (152/QĐ-VPUBND)"), line  # fmt: skip
    assert line.count(str(copy)) == 1
    # Both new: the second in path order is refused, naming the first.
    result = invoke(cli, str(inputs_copy), "-o", str(out), "--force")
    [line] = [x for x in result.stderr.splitlines() if "152/" in x]
    assert line.startswith(f"Lỗi: {decision}, dòng {so_line(decision)}, trường 'so': "
                           f"số 152/QĐ-VPUBND trùng số với {copy} (152/KH-VPUBND)"), \
        line  # fmt: skip
