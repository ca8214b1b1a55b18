"""The workspace: vanthu init, one output rule, -o rules, file modes, forms, template overrides."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import click
import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import Renderer, load_document
from pipeline.load.yaml_source import load_yaml
from pipeline.render.compose import builtin_templates
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, agency_profile, init_workspace, presets

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "inputs").glob("20*/*.yaml"))
INIT_FLAGS = ["--kieu", "hoi-dong-tdkt", "--dia-danh", "Sơn La", "--nguoi-ky", "Nguyễn Văn A",
              "--pho", "Lò Văn B"]  # fmt: skip


def run(cli: click.Group, *args: str):
    return CliRunner().invoke(cli, ["--lang", "vi", *args], catch_exceptions=False)


@pytest.fixture()
def office(tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new office made by `vanthu init` with flags only; the working folder is inside it."""
    folder = tmp_path / "van-phong"
    result = run(cli, "init", str(folder), *INIT_FLAGS)
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(folder)
    return folder


# --- vanthu init ----------------------------------------------------------------------------


def test_init_writes_a_workspace_whose_starter_renders_builds_and_verifies(
    office: Path, cli: click.Group
) -> None:
    year = str(__import__("datetime").date.today().year)
    profile = office / "inputs" / "co-quan" / "hoi-dong-thi-dua-khen-thuong-tinh-son-la.yaml"
    assert (office / "vanthu.yaml").is_file() and profile.is_file()
    assert (office / "README.md").read_text("utf-8").startswith("# Hội đồng Thi đua")
    assert (office / "mau").is_dir()
    data = load_yaml(profile).data
    assert data["co_quan_chu_quan"] == "UBND TỈNH SƠN LA"
    assert data["nguoi_ky"]["chu-tich"] == {
        "ho_ten": "Nguyễn Văn A", "chuc_vu": "Chủ tịch", "tham_quyen": "TM.",
        "thay_cho": "Hội đồng",
    }  # fmt: skip
    # A deputy of a collective body signs on its behalf too: TM. / KT. / the title.
    assert data["nguoi_ky"]["pho-chu-tich"]["chuc_vu"] == [
        "TM. HỘI ĐỒNG", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    ]  # fmt: skip

    rendered = run(cli, "render", f"inputs/{year}/ke-hoach.yaml")
    assert rendered.exit_code == 0, rendered.output
    output = office / "outputs" / year / "ke-hoach.docx"
    assert f"outputs/{year}/ke-hoach.docx" in rendered.output
    document = Document(str(output))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    text = "\n".join([*(p.text for p in document.paragraphs), *cells])
    assert "TM. HỘI ĐỒNG" in text and "Nguyễn Văn A" in text and "HĐTĐKT" in text

    built = run(cli, "build", "-j", "1")
    assert built.exit_code == 0, built.output
    assert (office / "outputs" / year / "manifest.json").is_file()
    verified = run(cli, "verify", str(output))
    assert verified.exit_code == 0, verified.output


def test_init_refuses_an_existing_workspace_and_missing_answers(
    office: Path, cli: click.Group, tmp_path: Path
) -> None:
    again = CliRunner().invoke(cli, ["--lang", "vi", "init", str(office), *INIT_FLAGS])
    assert again.exit_code == 1 and "vanthu.yaml" in again.output
    missing = CliRunner().invoke(cli, ["--lang", "vi", "init", str(tmp_path / "x"),
                                       "--kieu", "so-nganh", "--dia-danh", "Sơn La"])  # fmt: skip
    assert missing.exit_code == 1 and "--nguoi-ky" in missing.output
    assert not (tmp_path / "x" / "vanthu.yaml").exists()


@pytest.mark.parametrize("kind", list(presets()))
def test_every_preset_makes_a_valid_profile_that_renders(kind: str, tmp_path: Path) -> None:
    # A phòng is named with the UBND it belongs to (its level and place come from it); a Sở by
    # its name; the others by their preset's own (a UBND's name is a UBND's: a Sở's is refused).
    office = {"phong": {"ten_co_quan": "Phòng Nội vụ", "co_quan_chu_quan": "UBND XÃ CHỢ ĐỒN"},
              "so-nganh": {"ten_co_quan": "Sở Nội vụ"}}.get(kind, {})  # fmt: skip
    answers = OfficeAnswers(kieu=kind, dia_danh="Bắc Kạn", nguoi_ky="Hà Văn C", pho="Lý Thị D",
                            viet_tat="SNV", **office)  # fmt: skip
    made = init_workspace(tmp_path, answers)
    document = Workspace.containing(made.document).load(made.document)
    assert document.info.agency.dia_danh == "Bắc Kạn"
    assert Renderer(Workspace.containing(made.document)).render(document)[:2] == b"PK"


def test_sector_office_needs_its_name_and_abbreviation() -> None:
    profile = agency_profile(
        OfficeAnswers(
            kieu="so-nganh",
            dia_danh="Sơn La",
            nguoi_ky="A",
            ten_co_quan="Sở Tư pháp",
            viet_tat="stp",
        )  # fmt: skip
    )
    assert profile["ten_co_quan"] == "SỞ TƯ PHÁP" and profile["viet_tat"] == "STP"
    assert profile["co_quan_chu_quan"] == "UBND TỈNH SƠN LA"
    # Running text as Nghị định 30 writes an agency: its kind and each field capitalised.
    assert profile["ten_day_du"] == "Sở Tư pháp tỉnh Sơn La"


# --- finding the workspace ------------------------------------------------------------------


def test_the_repository_is_the_example_office() -> None:
    workspace = Workspace.containing(REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml")
    assert workspace.root == REPO and workspace.data_dir == REPO / "inputs"
    assert "van-phong-ubnd-son-la" in workspace.agency_ids()
    assert {2021, 2022} <= set(workspace.years())
    assert workspace.output_for(REPO / "inputs" / "2022" / "qd-giay-khen.yaml", 2022) == (
        REPO / "outputs" / "2022" / "qd-giay-khen.docx"
    )


def test_a_copy_of_inputs_without_settings_is_a_workspace(inputs_copy: Path) -> None:
    workspace = Workspace.containing(inputs_copy / "2022")
    assert workspace.root == inputs_copy.parent.resolve()
    assert workspace.data_dir == inputs_copy.resolve()
    assert workspace.output_dir == inputs_copy.parent.resolve() / "outputs"


def test_one_output_rule_for_files_outside_year_folders(inputs_copy: Path) -> None:
    workspace = Workspace.containing(inputs_copy)
    loose = inputs_copy / "ke-hoach.yaml"
    assert workspace.output_for(loose, 2023) == workspace.output_dir / "2023" / "ke-hoach.docx"
    nested = inputs_copy / "2022" / "qd" / "x.yaml"
    assert workspace.output_for(nested, 2022) == workspace.output_dir / "2022" / "qd" / "x.docx"


def test_output_names_inside_and_outside_the_data_folder(
    inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace.containing(inputs_copy)
    (inputs_copy / "2022" / "x.yaml").write_text("loai: ke_hoach\n", "utf-8")
    monkeypatch.chdir(inputs_copy)
    for path in (Path("2022/x.yaml"), Path("2022/../2022/x.yaml"), inputs_copy / "2022/x.yaml"):
        assert workspace.output_name(path, 2023) == PurePosixPath("2022/x.docx")
    assert workspace.output_name(Path("x.yaml"), 2023) == PurePosixPath("2023/x.docx")
    outside = tmp_path / "elsewhere" / "2022" / "y.yaml"
    assert workspace.output_name(outside, 2023) == PurePosixPath("2023/y.docx")


def test_render_and_build_write_the_same_place(cli: click.Group, inputs_copy: Path) -> None:
    source = inputs_copy / "2022" / "qd-giay-khen.yaml"
    rendered = run(cli, "render", str(source))
    assert rendered.exit_code == 0, rendered.output
    output = inputs_copy.parent / "outputs" / "2022" / "qd-giay-khen.docx"
    first = output.read_bytes()
    output.unlink()
    built = run(cli, "build", str(inputs_copy), "-j", "1")
    assert built.exit_code == 0, built.output
    assert output.read_bytes() == first


# --- -o, collisions, file mode --------------------------------------------------------------


def test_two_inputs_for_one_output_are_refused_naming_both(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    other = inputs_copy / "2022" / "khac"
    other.mkdir()
    shutil.copy(inputs_copy / "2022" / "qd-giay-khen.yaml", other / "qd-giay-khen.yaml")
    shutil.copy(inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv", other)
    first, second = tmp_path / "a" / "qd.yaml", tmp_path / "b" / "qd.yaml"
    for copy in (first, second):
        copy.parent.mkdir()
        shutil.copy(inputs_copy / "2022" / "ke-hoach-tdkt.yaml", copy)
        shutil.copytree(inputs_copy / "co-quan", copy.parent / "co-quan")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(first), str(second), "-o", str(out)])
    assert result.exit_code == 1
    assert str(first) in result.output and str(second) in result.output
    assert not out.exists()  # nothing written when the outputs collide


def test_build_refuses_two_documents_for_one_output(cli: click.Group, inputs_copy: Path) -> None:
    plan = (inputs_copy / "2022" / "ke-hoach-tdkt.yaml").read_text("utf-8")
    # Outside a year folder a document goes under the year of its date: outputs/2022/ too.
    plan = plan.replace("ngay: 22/12/2021", "ngay: 05/01/2022")
    (inputs_copy / "ke-hoach-tdkt.yaml").write_text(plan, "utf-8")
    result = CliRunner().invoke(cli, ["build", str(inputs_copy), "-j", "1"])
    assert result.exit_code == 1
    assert "ke-hoach-tdkt.docx" in result.output
    assert "inputs/2022/ke-hoach-tdkt.yaml" in result.output
    assert not (inputs_copy.parent / "outputs").exists()


@pytest.mark.parametrize(
    ("name", "flags", "words"),
    [
        ("ke-hoach.pdf", [], "--pdf"),
        ("ke-hoach.odt", [], ".docx"),
        ("ke-hoach.odt", ["--pdf"], ".pdf"),
    ],
)
def test_an_output_that_is_not_docx_is_refused(
    cli: click.Group, inputs_copy: Path, tmp_path: Path, name: str, flags: list[str], words: str
) -> None:
    target = tmp_path / name
    source = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(target), *flags])
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output
    assert not target.exists() and not target.with_suffix(".docx").exists()


def test_many_inputs_to_one_file_is_refused(cli: click.Group, inputs_copy: Path) -> None:
    year = inputs_copy / "2022"
    result = CliRunner().invoke(
        cli, ["render", str(year / "ke-hoach-tdkt.yaml"), str(year / "qd-giay-khen.yaml"),
              "-o", str(inputs_copy / "x.docx")],
    )  # fmt: skip
    assert result.exit_code == 2 and "-o" in result.output


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_get_the_usual_file_mode(
    cli: click.Group, inputs_copy: Path, tmp_path: Path, umask: int, mode: int
) -> None:
    previous = os.umask(umask)
    try:
        target = tmp_path / "ke-hoach.docx"
        result = CliRunner().invoke(
            cli, ["render", str(inputs_copy / "2022" / "ke-hoach-tdkt.yaml"), "-o", str(target)]
        )
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == mode


# --- a document from a form -----------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_document_from_a_dict_renders_the_same_bytes(example: Path, renderer) -> None:
    workspace = Workspace.containing(example)
    from_file = renderer.render(load_document(example))
    form = load_yaml(example).data  # what a web form would hand over: plain values
    from_form = renderer.render(workspace.load_mapping(form, example))
    assert from_form == from_file


def test_a_form_gets_the_file_messages_without_lines(inputs_copy: Path) -> None:
    from pipeline.errors import InputError

    path = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    form = load_yaml(path).data
    form["nguoi_ky"] = "chanh-van-phongg"
    with pytest.raises(InputError) as caught:
        Workspace.containing(path).load_mapping(form, path)
    message = caught.value.message()
    assert "nguoi_ky" in message and "chanh-van-phong" in message
    assert caught.value.line is None


# --- references stay inside the workspace ---------------------------------------------------


def test_a_list_outside_the_workspace_is_refused(inputs_copy: Path, tmp_path: Path) -> None:
    from pipeline.errors import InputError

    secret = tmp_path.parent / "secret.csv"
    secret.write_text("Họ và tên\n", "utf-8")
    decision = inputs_copy / "2022" / "qd-giay-khen.yaml"
    text = decision.read_text("utf-8")
    decision.write_text(text.replace("danh-sach-giay-khen-2022.csv", "../../../secret.csv"))
    with pytest.raises(InputError) as caught:
        load_document(decision)
    assert caught.value.key == "ws.outside_workspace" and caught.value.line is not None


@pytest.mark.parametrize("ref", ["../co-quan/van-phong-ubnd-son-la", "/etc/passwd"])
def test_an_agency_outside_the_profiles_is_refused(inputs_copy: Path, ref: str) -> None:
    from pipeline.errors import InputError

    plan = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    text = plan.read_text("utf-8")
    plan.write_text(text.replace("co_quan: van-phong-ubnd-son-la", f"co_quan: {ref}"), "utf-8")
    with pytest.raises(InputError) as caught:
        load_document(plan)
    assert caught.value.key == "data.unknown_agency"


def test_a_decision_issuing_itself_is_a_located_error(inputs_copy: Path, cli) -> None:
    decision = inputs_copy / "2022" / "qd-ban-hanh-ke-hoach.yaml"
    text = decision.read_text("utf-8")
    text = re.sub(r"ke_hoach: \S+", "ke_hoach: qd-ban-hanh-ke-hoach.yaml", text)
    decision.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(decision)])
    assert result.exit_code == 1
    assert "qd-ban-hanh-ke-hoach.yaml" in result.output and "vòng" in result.output
    assert "Lỗi nội bộ" not in result.output


# --- templates: built in, overridden by the office ------------------------------------------


def longer_signature_gap(source: Path, target: Path) -> None:
    """A copy of the signature block with one more blank line above the signer's name (room for
    the office's seal), as a maintainer would add it in Word."""
    with zipfile.ZipFile(source) as archive:
        members = {info: archive.read(info) for info in archive.infolist()}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members.items():
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                name = xml.index("{{ chu_ky.ho_ten }}")
                start = max(xml.rfind("<w:p>", 0, name), xml.rfind("<w:p ", 0, name))
                blank = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>'
                data = (xml[:start] + blank + xml[start:]).encode("utf-8")
            out.writestr(info, data)


def signature_cell_paragraphs(docx: Path) -> int:
    """Paragraphs in the cell holding the signer's name."""
    for table in Document(str(docx)).tables:
        for row in table.rows:
            for cell in row.cells:
                if "Nguyễn Văn A" in cell.text:
                    return len(cell.paragraphs)
    raise AssertionError("no signature cell")


def test_an_office_override_of_a_shared_block_is_used_and_listed(
    office: Path, cli: click.Group
) -> None:
    starter = str(next((office / "inputs").glob("20*")) / "ke-hoach.yaml")
    assert run(cli, "render", starter, "-o", "builtin.docx").exit_code == 0
    longer_signature_gap(builtin_templates() / "khoi" / "ky-ten.docx",
                         office / "mau" / "khoi" / "ky-ten.docx")  # fmt: skip
    listing = run(cli, "templates", "list")
    assert listing.exit_code == 0, listing.output
    line = next(x for x in listing.output.splitlines() if x.startswith("khoi/ky-ten"))
    assert "của cơ quan" in line and "mau/khoi/ky-ten.docx" in line
    other = next(x for x in listing.output.splitlines() if x.startswith("khoi/dau-trang"))
    assert "có sẵn" in other

    result = run(cli, "render", starter, "-o", "override.docx")
    assert result.exit_code == 0, result.output
    builtin = signature_cell_paragraphs(office / "builtin.docx")
    assert signature_cell_paragraphs(office / "override.docx") == builtin + 1
    assert run(cli, "verify", "override.docx").exit_code == 0


def test_templates_copy_puts_a_builtin_into_the_office(office: Path, cli: click.Group) -> None:
    result = run(cli, "templates", "copy", "khoi/ky-ten")
    assert result.exit_code == 0, result.output
    copied = office / "mau" / "khoi" / "ky-ten.docx"
    assert copied.read_bytes() == (builtin_templates() / "khoi" / "ky-ten.docx").read_bytes()
    assert run(cli, "templates", "check").exit_code == 0
    again = CliRunner().invoke(cli, ["templates", "copy", "khoi/ky-ten"])
    assert again.exit_code == 1 and "--force" in again.output
    unknown = CliRunner().invoke(cli, ["templates", "copy", "khoi/khong-co"])
    assert unknown.exit_code == 1 and "khoi/ky-ten" in unknown.output


def test_a_broken_override_is_checked_like_a_builtin(office: Path, cli: click.Group) -> None:
    source = builtin_templates() / "khoi" / "ky-ten.docx"
    target = office / "mau" / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ chu_ky.ho_ten }}", b"{{ chu_ky.ho_ten | }}")
            out.writestr(info, data)
    result = CliRunner().invoke(cli, ["templates", "check"])
    assert result.exit_code == 1 and "khoi/ky-ten" in result.output


# --- the command line as a shell uses it ----------------------------------------------------


def test_a_closed_pipe_is_not_an_internal_error(tmp_path: Path) -> None:
    command = f"{sys.executable} -m pipeline.cli templates list | head -1"
    done = subprocess.run(command, shell=True, cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.stdout.count("\n") == 1
    assert "Lỗi nội bộ" not in done.stderr and "internal error" not in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("lang", "metavar"), [("vi", "TỆP"), ("en", "FILE")])
def test_new_has_help_for_its_output(cli: click.Group, lang: str, metavar: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", lang, "new", "--help"])
    assert re.search(rf"-o, --output {metavar}\s+\S", result.output), result.output


def test_documents_lists_data_files_in_order_and_skips_what_is_not_one(tmp_path: Path) -> None:
    """Sorted by their path below the folder; hidden files and folders, agency profiles,
    kem-theo/ parts, other suffixes, FIFOs and links to folders are not documents."""
    data = tmp_path / "inputs"
    for name in ("2022/b.yaml", "2022/a.yaml", "2022/qd/c.yaml", "2021/z.yaml", "x.yaml",
                 "2022/.hidden.yaml", "2022/.cache/d.yaml", "2022/kem-theo/quy-che.yaml",
                 "co-quan/van-phong.yaml", "2022/notes.txt"):  # fmt: skip
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text("loai: ke_hoach\n", "utf-8")
    os.mkfifo(data / "2022" / "fifo.yaml")
    (data / "2023").symlink_to(data / "2022", target_is_directory=True)
    (data / "2022" / "link.yaml").symlink_to(data / "x.yaml")
    found = Workspace.containing(data).documents()
    assert [p.relative_to(data).as_posix() for p in found] == [
        "2021/z.yaml", "2022/a.yaml", "2022/b.yaml", "2022/link.yaml", "2022/qd/c.yaml", "x.yaml"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "given",
    ["", "outputs/2022/qd.docx", ".", "a/../b", "../elsewhere/x.docx", "/", "/tmp/other.docx"],
)
def test_shown_is_relative_to_the_working_folder_as_pathlib_says(
    given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """shown() compares text for speed; it says what relative_to() of the parts would say."""
    from pipeline.workspace import shown

    monkeypatch.chdir(tmp_path)
    for path in {Path(given), tmp_path / given} if given else {tmp_path}:
        try:
            expected = path.absolute().relative_to(Path.cwd()).as_posix()
        except ValueError:
            expected = str(path)
        assert shown(path) == expected
        assert shown(path, str(tmp_path)) == expected
