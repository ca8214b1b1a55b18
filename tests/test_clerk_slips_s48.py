"""Slips a clerk makes at the command line (s48): `render -o` onto a file already there, which no
manifest records, is refused (nothing written, nothing numbered) unless --force, which keeps the
old file beside it; `new -o cv.docx` is refused (a data file ends in .yaml), and a Word or Excel
file given as data says so; a folder named where a data file names a file is refused at that
line and field."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.errors import InputError


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def letter(folder: Path) -> Path:
    path = folder / "cv.yaml"
    assert vanthu("new", "cong-van", "-o", str(path)).exit_code == 0
    return path


# --- render -o onto a file already there ---------------------------------------------------------


def test_render_o_never_writes_over_a_clerks_own_file(tmp_path: Path) -> None:
    data = letter(tmp_path)
    own = tmp_path / "cong-van-cua-toi.docx"
    own.write_bytes(b"the clerk's own Word file")
    refused = vanthu("--lang", "vi", "render", str(data), "-o", str(own))
    assert refused.exit_code == 1, refused.output
    assert f"{own} đã có; tệp ở ngoài thư mục kết quả" in refused.output
    assert "chưa ghi tệp nào, chưa cấp số nào" in refused.output and "--force" in refused.output
    assert own.read_bytes() == b"the clerk's own Word file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cong-van-cua-toi.docx", "cv.yaml"]
    english = vanthu("--lang", "en", "render", str(data), "-o", str(own))
    assert english.exit_code == 1 and f"{own} already exists" in english.output


def test_render_o_force_keeps_the_old_file_beside_it(tmp_path: Path) -> None:
    data = letter(tmp_path)
    own = tmp_path / "cv.docx"
    own.write_bytes(b"old")
    forced = vanthu("--lang", "vi", "render", str(data), "-o", str(own), "--force")
    assert forced.exit_code == 0, forced.output
    kept = tmp_path / "cv.sua-tay.docx"
    assert kept.read_bytes() == b"old" and own.read_bytes().startswith(b"PK")
    assert f"{own} đã có trước lần dựng này; tệp cũ được giữ lại ở {kept}" in forced.output


def test_render_o_writes_again_over_its_own_unedited_output_and_over_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clerk rendering to one file again and again: vanthu's own output, as it last wrote it
    there (noted in the user's cache), is written over; once edited, it is refused."""
    data = letter(tmp_path)
    out = tmp_path / "cv.docx"
    assert vanthu("render", str(data), "-o", str(out)).exit_code == 0
    again = vanthu("render", str(data), "-o", str(out))
    assert again.exit_code == 0, again.output
    assert "sua-tay" not in again.output and not (tmp_path / "cv.sua-tay.docx").exists()
    out.write_bytes(out.read_bytes() + b"edited in Word")
    edited = vanthu("--lang", "vi", "render", str(data), "-o", str(out))
    assert edited.exit_code == 1 and f"{out} đã có" in edited.output, edited.output
    # Nothing noted (a cache turned off, or another user's): taken for the clerk's own file.
    assert vanthu("render", str(data), "-o", str(out), "--force").exit_code == 0
    monkeypatch.setenv("VANTHU_CACHE_DIR", "")
    unnoted = vanthu("render", str(data), "-o", str(out))
    assert unnoted.exit_code == 1, unnoted.output


def test_render_o_into_a_folder_refuses_a_file_already_there_too(tmp_path: Path) -> None:
    data = letter(tmp_path)
    out = tmp_path / "out"
    assert vanthu("render", str(data), "-o", str(out)).exit_code == 0
    (written,) = out.rglob("*.docx")
    edited = written.read_bytes() + b"edited"
    written.write_bytes(edited)
    again = vanthu("--lang", "vi", "render", str(data), "-o", str(out))
    assert again.exit_code == 1, again.output
    assert written.read_bytes() == edited


def test_render_into_the_workspace_outputs_is_judged_by_its_manifest_as_before(
    tmp_path: Path,
) -> None:
    (tmp_path / "vanthu.yaml").write_text("du_lieu: inputs\n", "utf-8")
    data = tmp_path / "inputs" / "2026" / "cv.yaml"
    assert vanthu("new", "cong-van", "-o", str(data)).exit_code == 0
    first = vanthu("render", str(data))
    assert first.exit_code == 0, first.output
    again = vanthu("render", str(data))  # vanthu's own, unedited: written again
    assert again.exit_code == 0, again.output


# --- new -o with another suffix; a Word file as data ---------------------------------------------


def test_new_refuses_a_data_file_not_ending_in_yaml(tmp_path: Path) -> None:
    target = tmp_path / "cong-van-moi.docx"
    made = vanthu("--lang", "vi", "new", "cong-van", "-o", str(target))
    assert made.exit_code == 1, made.output
    assert f"{target}: tệp dữ liệu phải có đuôi .yaml" in made.output
    assert not target.exists()
    english = vanthu("--lang", "en", "new", "cong-van", "-o", str(target))
    assert "a data file must end in .yaml" in english.output


def test_a_word_file_given_as_data_is_named_as_one(tmp_path: Path) -> None:
    data = letter(tmp_path)
    docx = tmp_path / "cv.docx"
    assert vanthu("render", str(data), "-o", str(docx)).exit_code == 0
    for lang, words in (("vi", "đây là tệp Word hoặc Excel"), ("en", "this is a Word or Excel")):
        result = vanthu("--lang", lang, "render", str(docx))
        assert result.exit_code == 1, result.output
        assert words in result.output and "UTF-8" not in result.output


# --- a folder where a file is named --------------------------------------------------------------


def test_a_folder_named_as_a_list_is_refused_at_its_line(tmp_path: Path) -> None:
    decision = tmp_path / "qd.yaml"
    assert vanthu("new", "quyet-dinh", "-o", str(decision)).exit_code == 0
    text = decision.read_text("utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "danh_sach:" in row)
    name = text.splitlines()[line - 1].split("danh_sach:", 1)[1].split("#")[0].strip()
    (tmp_path / name).unlink()
    (tmp_path / name).mkdir()  # a folder where the list was
    for lang, words in (("vi", f"dòng {line}, trường 'khen_thuong.danh_sach': '{name}' không "
                               "phải tệp thông thường"),
                        ("en", f"line {line}, field 'khen_thuong.danh_sach': '{name}' is not a "
                               "regular file")):  # fmt: skip
        result = vanthu("--lang", lang, "check", str(decision))
        assert result.exit_code == 1, result.output
        assert words in result.output, result.output


# --- a label the document prints, typed again before the text ------------------------------------


def rendered_lines(data: Path, text: str) -> list[str]:
    """The texts `data`, written with `text`, prints (paragraphs and table cells)."""
    data.write_text(text, "utf-8")
    out = data.with_suffix(".docx")
    rendered = vanthu("render", str(data), "-o", str(out))
    assert rendered.exit_code == 0, rendered.output
    return printed_lines(out)


def printed_lines(path: Path) -> list[str]:
    from docx import Document

    document = Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def test_a_letters_labels_typed_again_print_once(tmp_path: Path) -> None:
    data = letter(tmp_path)
    text = data.read_text("utf-8")
    text = text.replace("trich_yeu: đề nghị cử", "trich_yeu: V/v Về việc đề nghị cử", 1)
    text = text.replace("kinh_gui:  ", 'kinh_gui: "Kính gửi: Sở Nội vụ"  #', 1)
    text = text.replace("  - Các phòng, ban, đơn vị\n  - Công đoàn cơ quan\n", "", 1)
    lines = rendered_lines(data, text)
    assert "Kính gửi: Sở Nội vụ" in lines, lines
    assert any("\nV/v đề nghị cử cán bộ" in line for line in lines), lines
    assert not any("Kính gửi: Kính gửi" in line or "Về việc" in line for line in lines)


def test_an_invitations_labels_typed_again_print_once(tmp_path: Path) -> None:
    data = tmp_path / "gm.yaml"
    assert vanthu("new", "giay-moi", "-o", str(data)).exit_code == 0
    text = data.read_text("utf-8")
    for key, label in (("kinh_moi", "Trân trọng kính mời"), ("dia_diem", "Địa điểm"),
                       ("noi_dung", "Nội dung")):  # fmt: skip
        text = re.sub(rf"(?m)^{key}: ([^#\n]*?)\s*(#.*)?$", rf'{key}: "{label}: \1"', text)
    text = text.replace("thanh_phan:  ", 'thanh_phan: "Thành phần: Lãnh đạo cơ quan"  #', 1)
    text = text.replace("  - Lãnh đạo cơ quan\n  - Trưởng các phòng, ban, đơn vị\n", "", 1)
    lines = rendered_lines(data, text)
    assert "Trân trọng kính mời: Trưởng các phòng, ban, đơn vị." in lines, lines
    assert "Địa điểm: Phòng họp số 1 của cơ quan." in lines, lines
    assert "Nội dung: Triển khai nhiệm vụ năm 2026." in lines, lines
    assert any(line.startswith("Thành phần: Lãnh đạo cơ quan") for line in lines), lines
    for label in ("kính mời: Trân trọng", "Địa điểm: Địa điểm", "Nội dung: Nội dung",
                  "Thành phần: Thành phần"):  # fmt: skip
        assert not any(label in line for line in lines), label


def test_a_label_alone_or_words_of_the_text_stay_as_typed() -> None:
    from pipeline.context.cong_van import about_line
    from pipeline.model.base import without_label

    drop = without_label("Nội dung").func
    assert drop("Nội dung chính của hội nghị") == "Nội dung chính của hội nghị"
    assert drop("Nội dung:") == "Nội dung:" and drop("nội dung : Họp") == "Họp"
    assert drop(["Nội dung: A", "B"]) == ["A", "B"]
    assert about_line("Về việcx") == "Về việcx" and about_line("V/v") == "V/v"


# --- Ctrl-C said in the words of the command stopped ---------------------------------------------


def test_ctrl_c_is_said_in_the_words_of_the_command_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check and verify write nothing, render is not the build: neither says "run vanthu build
    again" (the build's own words are unchanged: tests/test_interrupt.py)."""
    import pipeline.api as api
    import pipeline.verify.command as verify_command

    def stopped(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    data = letter(tmp_path)
    monkeypatch.setattr(api, "check", stopped)
    monkeypatch.setattr(api, "render_documents", stopped)
    monkeypatch.setattr(verify_command, "verify_files", stopped)
    cases = {
        ("check", str(data)): ("lệnh này không ghi tệp nào", "this command writes no file"),
        ("verify", str(data)): ("lệnh này không ghi tệp nào", "this command writes no file"),
        ("render", str(data)): ("chạy lại vanthu render để dựng các văn bản còn lại",
                                "run vanthu render again for the rest"),
    }  # fmt: skip
    for args, (vi, en) in cases.items():
        for lang, words, stop in (("vi", vi, "Đã dừng"), ("en", en, "Stopped")):
            result = CliRunner().invoke(main, ["--lang", lang, *args])
            assert result.exit_code == 130, result.output
            assert f"{stop}: " in result.output and words in result.output, result.output
            assert "vanthu build" not in result.output


# --- a Giấy khen's phôi (mau:) ------------------------------------------------------------------


def certificates(folder: Path, form: str) -> tuple[Path, int]:
    """A batch of Giấy khen made by `vanthu new` naming phôi `form`; its file and mau: line."""
    path = folder / "gk.yaml"
    assert vanthu("new", "giay-khen", "-o", str(path)).exit_code == 0
    lines = path.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines) if text.startswith("# mau:"))
    lines[line] = f"mau: {form}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path, line + 1


def test_a_phoi_named_nowhere_is_said_at_its_mau_line_by_check_render_and_build(
    tmp_path: Path,
) -> None:
    path, line = certificates(tmp_path, "phoi-xa")
    where = f"{path}, dòng {line}, trường 'mau': không có mẫu 'phoi-xa': vanthu tìm phoi-xa.docx"
    for args in (["check", str(path)], ["render", str(path), "-o", str(tmp_path / "out")],
                 ["build", str(tmp_path), "-o", str(tmp_path / "built"), "--keep-going"]):
        result = vanthu("--lang", "vi", *args)
        assert result.exit_code == 1, result.output
        assert where in result.output, result.output
        assert "templates/phoi-xa.docx" not in result.output  # no path inside vanthu
    english = vanthu("--lang", "en", "check", str(path))
    assert "there is no template 'phoi-xa': vanthu looked for phoi-xa.docx in" in english.output
    (tmp_path / "mau").mkdir()  # copied into the workspace's mau/: found
    builtin = Path(__file__).parents[1] / "templates" / "giay-khen.docx"
    (tmp_path / "mau" / "phoi-xa.docx").write_bytes(builtin.read_bytes())
    assert vanthu("check", str(path)).exit_code == 0


def test_a_phoi_name_that_cannot_be_a_file_name_is_said_in_words(tmp_path: Path) -> None:
    path, line = certificates(tmp_path, "Phoi-Xa")
    for lang, words in (("vi", "tên mẫu 'Phoi-Xa' không dùng được: ghi tên tệp .docx"),
                        ("en", "the template name 'Phoi-Xa' cannot be used")):  # fmt: skip
        result = vanthu("--lang", lang, "check", str(path))
        assert result.exit_code == 1 and words in result.output, result.output
        assert "a-z0-9" not in result.output


# --- verify of a file that is no .docx: why, in the catalogue's words --------------------------


def test_verify_says_why_a_file_is_no_docx_in_the_users_language(tmp_path: Path) -> None:
    import zipfile

    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    old = tmp_path / "cu.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    cut = tmp_path / "cat.docx"
    cut.write_bytes(b"PK\x03\x04 cut short")
    other = tmp_path / "khac.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("mimetype", "application/zip")
    cases = {empty: ("tệp rỗng, 0 byte", "the file is empty"),
             old: ("tệp Word 97-2003 (.doc)", "a Word 97-2003 file (.doc)"),
             cut: ("tệp bị hỏng hoặc bị cắt", "the file is damaged or cut short"),
             other: ("gói thiếu phần nội dung của văn bản Word", "lacks a Word document's body")}
    for path, (vi, en) in cases.items():
        for lang, words in (("vi", vi), ("en", en)):
            result = vanthu("--lang", lang, "verify", str(path))
            assert result.exit_code == 2, result.output
            assert words in result.output, result.output
            assert "zip file" not in result.output and "no item named" not in result.output


# --- a tone typed twice ------------------------------------------------------------------------


def test_a_tone_typed_twice_is_refused_at_its_line_and_an_nfd_text_is_not(tmp_path: Path) -> None:
    from pipeline.load.yaml_source import load_yaml
    from pipeline.text.gate import gate, passes_unchanged

    path = tmp_path / "dau.yaml"
    path.write_text('a: 1\nb: "Các pho\u0300\u0300ng"\n', "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.stray_mark", 2, "b")
    assert "có dấu thừa U+0300 trên chữ «ò\u0300»" in error.message("vi")
    assert "a stray mark U+0300" in error.message("en")
    # Decomposed (NFD, as a Mac may save it): every mark is joined to its letter, read as typed.
    path.write_text('a: 1\nb: "Các pho\u0300ng ba\u0300n"\n', "utf-8")
    assert load_yaml(path).data["b"] == "Các phòng bàn"
    assert not passes_unchanged("pho\u0300ng") and gate("phòng") == "phòng"


def test_a_tone_typed_twice_in_a_list_cell_is_refused_at_its_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from pipeline.awards import read_award_list

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"])
    sheet.append([1, "Lò Văn An", "Giáo viên", "Trường Mầm non Hoa Sen", "Lao động tiên tiến",
                  "Cá nhân"])  # fmt: skip
    sheet.append([2, "Lò Thị Hoa\u0300\u0301", "Giáo viên", "Trường Mầm non Hoa Sen",
                  "Lao động tiên tiến", "Cá nhân"])  # fmt: skip
    path = tmp_path / "ds.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_award_list(path, date(2026, 1, 8))
    error = caught.value
    assert error.key == "sheet.stray_mark" and error.params["cell"] == "B3", error.message("vi")
    assert "ô B3 có dấu thừa U+0301" in error.message("vi")


def test_verify_of_a_path_not_there_says_so_whatever_its_name(tmp_path: Path) -> None:
    for lang, words in (("vi", "không tìm thấy tệp"), ("en", "file not found")):
        result = vanthu("--lang", lang, "verify", str(tmp_path / "khong-co-thu-muc"))
        assert result.exit_code == 2, result.output
        assert words in result.output and "(?)" not in result.output, result.output
    named = tmp_path / "ghi-chu"
    named.write_text("x", "utf-8")
    result = vanthu("--lang", "vi", "verify", str(named))
    assert "không phải tệp .docx đọc được (tên tệp không có đuôi .docx)" in result.output
