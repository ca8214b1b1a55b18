"""Bad input: one message naming file, line and field; exit 1; nothing written or overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

PLAN = "2022/ke-hoach-tdkt.yaml"


def run(*args: str):
    return CliRunner().invoke(main, ["--lang", "vi", *args])


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line
    )


CASES = {
    # name: (edit to the plan, expected words in the message, field, line-marker)
    "yaml syntax": (("trich_yeu: |-", "trich_yeu: [|-"), "cú pháp YAML", None, None),
    "tab indentation": (("\n  - tieu_de: Tổ chức thực hiện", "\n\t- tieu_de: Tổ chức thực hiện"),
                        "Tab", None, "- tieu_de: Tổ chức thực hiện"),
    "missing field": (("ngay: 22/12/2021\n", ""), "thiếu trường", "ngay", None),
    "wrong type": (("so: 5 ", "so: năm "), "không hợp lệ", "so", "so: năm"),
    "impossible date": (("ngay: 22/12/2021", "ngay: 31/02/2021"), "31/02/2021", "ngay",
                        "ngay: 31/02/2021"),
    "unknown agency": (("co_quan: van-phong-ubnd-son-la", "co_quan: van-phong-ubnd-son-lam"),
                       "van-phong-ubnd-son-la", "co_quan", "co_quan:"),
    "unknown unit": (("don_vi_soan_thao: TCHCQT", "don_vi_soan_thao: TCHQT"), "TCHCQT",
                     "don_vi_soan_thao", "don_vi_soan_thao:"),
    "unknown signer": (("nguoi_ky: chanh-van-phong ", "nguoi_ky: chanh-vp "), "chanh-vp",
                       "nguoi_ky", "nguoi_ky: chanh-vp"),
    "unknown group": (("  - nhom: noi-bo", "  - nhom: noi-bo-x"), "noi-bo-x",
                      "noi_nhan[2].nhom", "nhom: noi-bo-x"),
    "unknown type": (("loai: ke_hoach", "loai: ke_hoach_x"), "ke_hoach_x", "loai", "loai:"),
    "unknown field": (("so_ban: 1", "so_bann: 1"), "so_ban", "so_bann", "so_bann:"),
    "list for a value": (("so: 5 ", "so: [5, 6] "), "(nhận được: một danh sách '- ...')", "so",
                         "so: [5, 6]"),
    "group for a value": (("so: 5 ", "so: {a: 5} "), "(nhận được: một nhóm 'khóa: giá trị')",
                          "so", "so: {a: 5}"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_plan_is_refused(case: str, inputs_copy: Path, tmp_path: Path) -> None:
    (old, new), words, field, marker = CASES[case]
    plan = inputs_copy / PLAN
    replace_line(plan, old, new)
    output = tmp_path / "out.docx"
    output.write_bytes(b"previous output")
    result = run("render", str(plan), "-o", str(output))
    assert result.exit_code == 1, result.output
    message = result.output
    assert "Traceback" not in message
    assert message.count("Lỗi:") == 1
    assert str(plan) in message
    assert words in message
    assert "dict" not in message and "list)" not in message  # Python's names are not words
    if field:
        assert f"trường '{field}'" in message
    if marker:
        assert f"dòng {line_of(plan, marker)}" in message
    assert output.read_bytes() == b"previous output"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_missing_key_of_the_file_names_no_line(inputs_copy: Path, tmp_path: Path) -> None:
    plan = inputs_copy / PLAN
    plan.write_text("# Kế hoạch: chú thích ở dòng đầu\n" + plan.read_text("utf-8"), "utf-8")
    replace_line(plan, "ngay: 22/12/2021\n", "")
    result = run("render", str(plan), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert "trường 'ngay': thiếu trường bắt buộc" in result.output
    assert "dòng" not in result.output  # line 1 is the comment, not where 'ngay' belongs


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "rong.yaml"
    empty.write_text("# chỉ có chú thích\n", "utf-8")
    result = run("render", str(empty), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1 and "tệp trống" in result.output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(
    ("encoding", "name"), [("cp1258", "Windows-1258"), ("tcvn3", "TCVN3"), ("vni", "VNI")]
)
def test_not_utf8_names_the_legacy_encoding(
    inputs_copy: Path, tmp_path: Path, encoding: str, name: str
) -> None:
    from pipeline.text.legacy import encode_legacy

    plan = inputs_copy / PLAN
    text = plan.read_text("utf-8")
    if encoding == "cp1258":
        data = windows_1258(text)
    else:
        data = encode_legacy(text, encoding)
    plan.write_bytes(data)
    result = run("render", str(plan), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert "không phải UTF-8" in result.output and name in result.output
    assert "dòng" in result.output
    assert not (tmp_path / "x.docx").exists()


def windows_1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: letters with their vowel marks, tones as combining marks."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_english_messages(inputs_copy: Path, tmp_path: Path) -> None:
    plan = inputs_copy / PLAN
    replace_line(plan, "ngay: 22/12/2021", "ngay: 31/02/2021")
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(plan)])
    assert result.exit_code == 1
    assert "invalid date '31/02/2021'" in result.output and "line" in result.output


def test_english_from_locale(inputs_copy: Path) -> None:
    plan = inputs_copy / PLAN
    replace_line(plan, "ngay: 22/12/2021", "ngay: 31/02/2021")
    result = CliRunner(env={"LANG": "en_US.UTF-8", "LC_ALL": None, "VANTHU_LANG": None}).invoke(
        main, ["check", str(plan)]
    )
    assert "invalid date" in result.output


def test_usage_error_exit_2() -> None:
    assert run("render").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_check_writes_nothing_and_succeeds(inputs_copy: Path, tmp_path: Path) -> None:
    result = run("check", str(inputs_copy / PLAN))
    assert result.exit_code == 0, result.output
    assert "Hợp lệ" in result.output


def test_render_default_output_mirrors_inputs(
    inputs_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("render", str(inputs_copy / PLAN))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "outputs" / "2022" / "ke-hoach-tdkt.docx").is_file()


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("vanthu ")


def test_new_starter_renders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "ke-hoach", "-o", "ke-hoach.yaml").exit_code == 0
    result = run("render", "ke-hoach.yaml", "-o", "ke-hoach.docx")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ke-hoach.docx").stat().st_size > 5000
    again = run("new", "ke-hoach", "-o", "ke-hoach.yaml")
    assert again.exit_code == 1 and "--force" in again.output


def test_nfc_on_the_way_in(inputs_copy: Path, tmp_path: Path, renderer) -> None:
    import unicodedata

    from docx import Document

    plan = inputs_copy / PLAN
    plan.write_text(unicodedata.normalize("NFD", plan.read_text("utf-8")), "utf-8")
    out = tmp_path / "nfd.docx"
    renderer.render_file(plan, out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert unicodedata.is_normalized("NFC", text)
    assert "Thực hiện Kế hoạch số 289/KH-UBND" in text


@pytest.mark.parametrize(
    ("pasted", "encoding"),
    [("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "TCVN3"), ("Coäng hoøa xaõ hoäi chuû nghóa", "VNI")],
)
def test_legacy_text_pasted_into_utf8(
    inputs_copy: Path, tmp_path: Path, pasted: str, encoding: str
) -> None:
    plan = inputs_copy / PLAN
    replace_line(plan, "  - Sở Nội vụ\n", f"  - {pasted}\n")
    result = run("render", str(plan), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1
    assert encoding in result.output and "noi_nhan[1]" in result.output
    assert f"dòng {line_of(plan, pasted)}" in result.output
    assert "Cộng hoà" in result.output or "Cộng hòa" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_new_decision_starter_renders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "quyet-dinh", "-o", "qd.yaml").exit_code == 0
    assert (tmp_path / "danh-sach-khen-thuong.csv").is_file()
    result = run("render", "qd.yaml", "-o", "qd.docx")
    assert result.exit_code == 0, result.output
    from docx import Document

    lines = [p.text for p in Document(str(tmp_path / "qd.docx")).paragraphs if p.text]
    assert any(t.startswith("Tổng số tiền thưởng: ") for t in lines)


def test_check_outside_a_workspace_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 1
    assert "không tìm thấy thư mục đầu vào" in result.output
    (tmp_path / "inputs").mkdir()
    result = CliRunner().invoke(main, ["--lang", "en", "check"])
    assert result.exit_code == 0 and "Nothing to check" in result.output


def test_sheet_column_hint_names_the_data_key() -> None:
    from pipeline.i18n import t

    for lang in ("vi", "en"):
        for key in ("sheet.missing_column", "sheet.missing_column_close", "sheet.unknown_field"):
            text = t(key, lang, missing="X", rows=5, header_row=1, found="A", closest="B",
                     name="x", known="ho_ten")  # fmt: skip
            assert "'cot'" in text and "columns" not in text


def test_an_empty_list_says_it_needs_an_item(inputs_copy: Path, tmp_path: Path) -> None:
    """nhiem_vu: [] in the plan's phụ lục: the list must have an item, said plainly, without a
    "(nhận được: một danh sách ...)" that tells the clerk nothing."""
    plan = inputs_copy / PLAN
    lines = plan.read_text("utf-8").splitlines(keepends=True)
    start = lines.index("    nhiem_vu:\n")
    later = range(start + 1, len(lines))
    end = next((i for i in later if not lines[i].startswith("      ")), len(lines))
    plan.write_text("".join([*lines[:start], "    nhiem_vu: []\n", *lines[end:]]), "utf-8")
    result = run("check", str(plan))
    assert result.exit_code == 1, result.output
    assert f"dòng {line_of(plan, 'nhiem_vu: []')}" in result.output
    assert "trường 'phu_luc[1].nhiem_vu'" in result.output
    assert "phải có ít nhất 1 mục" in result.output and "nhận được" not in result.output
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(plan)])
    assert "must have at least 1 item" in english.output and "got" not in english.output


def test_a_bare_year_is_a_plan_tasks_time(inputs_copy: Path, tmp_path: Path) -> None:
    """thoi_gian: 2026 (YAML reads an int) prints as the year the clerk typed."""
    from pipeline.api import load_document

    plan = inputs_copy / PLAN
    replace_line(plan, "thoi_gian: Cả năm 2022", "thoi_gian: 2022")
    assert run("check", str(plan)).exit_code == 0
    rows = load_document(plan).info.data.phu_luc[0].nhiem_vu
    assert rows[0].thoi_gian == "2022"
    replace_line(plan, "thoi_gian: 2022", "thoi_gian: ''")
    refused = run("check", str(plan))
    assert refused.exit_code == 1 and "thoi_gian" in refused.output


def test_in_thu_is_refused_for_a_document_that_is_not_a_certificate(
    inputs_copy: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out.docx"
    result = run("render", "--in-thu", str(inputs_copy / PLAN), "-o", str(output))
    assert result.exit_code == 2, result.output
    assert "--in-thu" in result.output and "giay_khen" in result.output
    assert "Traceback" not in result.output
    assert not output.exists()
