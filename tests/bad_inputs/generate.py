"""The bad-input corpus: malformed, hostile and careless inputs, each made from the examples.

Every case copies `inputs/` into a fresh folder, breaks one thing (a YAML line, a CSV cell, an
.xlsx part, a template) and names the document to render and the file the message must name.
tests/test_bad_inputs.py runs each through the CLI; running this file writes the corpus out for a
person to look at:

    python tests/bad_inputs/generate.py /tmp/corpus      # one folder per case
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PLAN = "2022/ke-hoach-tdkt.yaml"
AGENCY = "co-quan/van-phong-ubnd-son-la.yaml"
GK_YAML = "2022/qd-giay-khen.yaml"
GK_CSV = "2022/danh-sach-giay-khen-2022.csv"
HD_YAML = "2022/qd-thanh-lap-hoi-dong.yaml"
HD_CSV = "2022/hoi-dong-tdkt-2022.csv"
LD_YAML = "2022/qd-lao-dong-tien-tien.yaml"
LD_XLSX = "2022/danh-sach-ldtt-2022.xlsx"

# Where a message says where: a line or row, a field, a column, a sheet (Vietnamese).
LOCATED = ("dòng ", "trường '", "cột ", "trang tính '")


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, what to render, which file the message must name."""

    name: str
    make: Callable[[Path], None]  # breaks something in the copied inputs folder
    document: str = PLAN  # the YAML to render, relative to inputs/
    blamed: str = PLAN  # the file the message names, relative to inputs/
    located: bool = True  # the message names a line, row or field (not for file-level faults)
    words: str = ""  # a fragment the message must hold
    templates: bool = False  # the case breaks a template: render with a copied templates folder


def _edit(relative: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        path = inputs / relative
        text = path.read_text("utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, count), "utf-8")

    return make


def _append(relative: str, extra: str) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        path = inputs / relative
        path.write_text(path.read_text("utf-8") + extra, "utf-8")

    return make


def _both(*makers: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        for maker in makers:
            maker(inputs)

    return make


def _write_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        (inputs / relative).write_bytes(data)

    return make


def _replace_with(relative: str, make_node: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        path = inputs / relative
        path.unlink()
        make_node(path)

    return make


# --- YAML ----------------------------------------------------------------------------------


TRICH_YEU = (
    "trich_yeu: |-\n  Triển khai, thực hiện công tác thi đua, khen thưởng năm 2022\n"
    "  của Văn phòng UBND tỉnh"
)
# A character typed raw in the trích yếu is named with its own line and the field.
RAW_PLACE = "dòng 13, trường 'trich_yeu': có ký tự không in được"
WORDS = "Triển khai, thực hiện công tác thi đua"  # line 13, inside the trích yếu


def _plan_text_cases() -> list[Case]:
    cases = []
    # Every C0 control but tab and new line (and CR, a line break to YAML), typed raw in text.
    for code in [c for c in range(0x20) if c not in (9, 10, 13)] + [0x7F]:
        cases.append(Case(f"yaml raw U+{code:04X}",
                          _edit(PLAN, WORDS, WORDS.replace("đua", f"đ{chr(code)}ua")),
                          words=f"{RAW_PLACE} U+{code:04X}"))  # fmt: skip
    # Characters XML cannot hold or that reorder text, typed raw (UTF-8 in the file).
    for code in (0x80, 0x85, 0x9F, 0xFFFE, 0xFFFF, 0xFDD0, 0x202E, 0x2066, 0x1FFFE, 0x10FFFF):
        cases.append(Case(f"yaml raw U+{code:04X}",
                          _edit(PLAN, WORDS, WORDS.replace("đua", f"đ{chr(code)}ua")),
                          words=f"{RAW_PLACE} U+{code:04X}"))  # fmt: skip
    # The same through double-quoted escapes: the YAML text itself is clean.
    for escape, code in (("\\x01", 1), ("\\a", 7), ("\\f", 12), ("\\e", 27), ("\\x7f", 0x7F),
                         ("\\N", 0x85), ("\\x9f", 0x9F), ("\\uFFFE", 0xFFFE),
                         ("\\uFFFF", 0xFFFF), ("\\u202E", 0x202E), ("\\0", 0), ("\\b", 8),
                         ("\\v", 11), ("\\r", 13)):  # fmt: skip
        cases.append(Case(f"yaml escaped U+{code:04X}",
                          _edit(PLAN, TRICH_YEU, f'trich_yeu: "Thi đua{escape} năm 2022"'),
                          words=f"U+{code:04X}"))  # fmt: skip
    return cases


def _nested(depth: int) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        path = inputs / PLAN
        deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + "  " * depth + "v: 1\n"
        path.write_text(path.read_text("utf-8") + "\nsau:\n" + _indent(deep), "utf-8")

    return make


def _indent(text: str) -> str:
    return "".join("  " + line + "\n" for line in text.splitlines())


def _alias_bomb(inputs: Path) -> None:
    lines = ['a: &a ["vui","vui","vui","vui","vui","vui","vui","vui","vui"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = inputs / PLAN
    path.write_text("\n".join(lines) + "\n" + path.read_text("utf-8"), "utf-8")


def _plan_structure_cases() -> list[Case]:
    so = "so: 5 "
    cases = [
        Case("yaml alias bomb", _alias_bomb, words="bí danh"),
        Case("yaml self alias", _edit(PLAN, "loai: ke_hoach", "loai: &x [*x]"), words="*x"),
        Case("yaml undefined alias", _edit(PLAN, TRICH_YEU, "trich_yeu: *khong_co")),
        Case("yaml 2000 nested [", _append(PLAN, "\nsau: " + "[" * 2000 + "\n"), words="lồng nhau"),
        Case(
            "yaml 2000 nested {", _append(PLAN, "\nsau: " + "{a: " * 2000 + "\n"), words="lồng nhau"
        ),
        Case("yaml 60 nested mappings", _nested(60), words="lồng nhau"),
        Case("yaml 40 nested mappings (unknown key)", _nested(40)),
        Case("yaml two documents", _append(PLAN, "\n---\nloai: ke_hoach\n")),
        Case("yaml duplicate key", _append(PLAN, "\nso_ban: 2\n"),
             words="khóa 'so_ban' xuất hiện hai lần"),
        Case("yaml unclosed quote", _edit(PLAN, TRICH_YEU, 'trich_yeu: "Thi đua')),
        Case("yaml unclosed flow", _edit(PLAN, TRICH_YEU, "trich_yeu: [Thi đua")),
        Case("yaml bad indentation", _edit(PLAN, "\nngay:", "\n   ngay:")),
        Case("yaml tab indentation", _edit(PLAN, "\nngay:", "\n\tngay:")),
        Case("yaml colon in text", _edit(PLAN, TRICH_YEU, "trich_yeu: Năm 2022: thi đua")),
        Case("yaml list document", _write_bytes(PLAN, b"- loai: ke_hoach\n- so: 5\n")),
        Case("yaml scalar document", _write_bytes(PLAN, b"ke hoach\n")),
        Case(
            "yaml text too long",
            _edit(PLAN, TRICH_YEU, "trich_yeu: " + "Thi đua " * 20_000),
            words="quá dài",
        ),
    ]
    for tag in ("!!python/object:os.system", "!!python/name:os.system", "!!python/tuple",
                "!!binary", "!!set", "!!omap", "!!pairs", "!ban_do", "!!timestamp"):  # fmt: skip
        cases.append(Case(f"yaml tag {tag}", _edit(PLAN, TRICH_YEU, f"trich_yeu: {tag} aGVsbG8="),
                          words="thẻ YAML"))  # fmt: skip
    for value in ("true", "false", "TRUE", "True"):
        cases.append(Case(f"yaml so: {value}", _edit(PLAN, so, f"so: {value} "),
                          words="đúng/sai"))  # fmt: skip
    for field, value in (("trich_yeu", "true"), ("nguoi_soan_thao", "false"),
                         ("don_vi_soan_thao", "TRUE")):  # fmt: skip
        cases.append(Case(f"yaml {field}: {value}",
                          _edit(PLAN, f"\n{field}:", f"\n{field}: {value}\nx_{field}:"),
                          words="đúng/sai"))  # fmt: skip
    for label, line in (("null trich_yeu", "trich_yeu: ~"), ("empty trich_yeu", "trich_yeu:"),
                        ("number trich_yeu", "trich_yeu: 1e308"),
                        ("list trich_yeu", "trich_yeu: [a, b]"),
                        ("inf trich_yeu", "trich_yeu: .inf")):  # fmt: skip
        cases.append(Case(f"yaml {label}", _edit(PLAN, TRICH_YEU, line)))
    for label, old, new in (
        ("so float", so, "so: 5.5 "),
        ("so negative", so, "so: -5 "),
        ("so huge", so, "so: 99999999999999999999 "),
        ("so hex", so, "so: 0x1F1F1F1F1F "),
        ("so text", so, "so: năm "),
        ("ngay impossible", "ngay: 22/12/2021", "ngay: 31/02/2021"),
        ("ngay month 13", "ngay: 22/12/2021", "ngay: 2021-13-01"),
        ("ngay words", "ngay: 22/12/2021", "ngay: hôm nay"),
        ("ngay null", "ngay: 22/12/2021", "ngay: ~"),
        ("ngay number", "ngay: 22/12/2021", "ngay: 20211222"),
        ("initials digits", "nguoi_soan_thao: ", "nguoi_soan_thao: H1 # "),
    ):
        cases.append(Case(f"yaml {label}", _edit(PLAN, old, new)))
    for label, extra in (("float key", "\n1e308: x\n"), ("bool key", "\ntrue: x\n"),
                         ("null key", "\n~: x\n"), ("flow key", "\n[a, b]: x\n"),
                         ("int key", "\n2022: x\n")):  # fmt: skip
        cases.append(Case(f"yaml {label}", _append(PLAN, extra), words="khóa"))
    for wrong, right in (("ket_thuk", "ket_thuc"), ("trich_yue", "trich_yeu"),
                         ("nguoi_kyy", "nguoi_ky"), ("ngayy", "ngay")):  # fmt: skip
        cases.append(Case(f"yaml misspelt {wrong}", _edit(PLAN, f"\n{right}:", f"\n{wrong}:"),
                          words=f"'{right}'"))  # fmt: skip
    return cases


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink_loop(path: Path) -> None:
    other = path.with_name(path.name + ".vong")
    os.symlink(other.name, path)
    os.symlink(path.name, other)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return make


def _plan_file_cases() -> list[Case]:
    bom_utf16 = "loai: ke_hoach\ntrich_yeu: Thi đua\n".encode("utf-16")
    return [
        Case("yaml empty", _write_bytes(PLAN, b""), located=False, words="trống"),
        Case("yaml only comments", _write_bytes(PLAN, b"# chi co chu thich\n"), located=False),
        Case("yaml utf-16", _write_bytes(PLAN, bom_utf16)),
        Case(
            "yaml latin-1",
            _write_bytes(PLAN, "loai: ke_hoach\ntrich_yeu: caf\xe9\n".encode("latin-1")),
        ),
        Case(
            "yaml tcvn3 text",
            _edit(PLAN, TRICH_YEU, "trich_yeu: Céng hoµ x· héi chñ nghÜa"),
            words="TCVN3",
        ),
        Case("yaml fifo", _replace_with(PLAN, _fifo), located=False),
        Case("yaml symlink loop", _replace_with(PLAN, _symlink_loop), located=False),
        Case("yaml directory", _replace_with(PLAN, Path.mkdir), located=False),
        Case(
            "yaml too large",
            _replace_with(PLAN, _sparse(3 * 1024 * 1024)),
            located=False,
            words="quá lớn",
        ),
        Case("yaml NUL bytes", _write_bytes(PLAN, b"loai: ke_hoach\n\x00\x00\x00\n")),
        Case("yaml binary garbage", _write_bytes(PLAN, bytes(range(256)) * 4)),
    ]


def _agency_cases() -> list[Case]:
    cases = []
    for label, old, new in (
        ("control char", "Sơn La", "Sơn\x07 La"),
        ("escaped form feed", "\nten_day_du:", '\nx: "a\\f"\nten_day_du:'),
        ("!!binary", "\ndon_vi:", "\nx: !!binary aGk=\ndon_vi:"),
        ("bool unit name", "\ndon_vi:", "\ndon_vi:\n  X:\n    ten: true\n  Y:"),
        ("float unit key", "\ndon_vi:", "\ndon_vi:\n  1e308:\n    ten: Phòng\n  Y:"),
        ("duplicate key", "\ndon_vi:", "\ndon_vi: 1\ndon_vi:"),
    ):
        cases.append(Case(f"agency {label}", _edit_first_present(AGENCY, old, new),
                          blamed=AGENCY))  # fmt: skip
    cases.append(Case("agency fifo", _replace_with(AGENCY, _fifo), blamed=AGENCY, located=False))
    cases.append(Case("agency empty", _write_bytes(AGENCY, b""), blamed=AGENCY, located=False))
    return cases


def _edit_first_present(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        path = inputs / relative
        text = path.read_text("utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), "utf-8")

    return make


# --- CSV -----------------------------------------------------------------------------------


def _csv_rows(inputs: Path, relative: str) -> list[list[str]]:
    text = (inputs / relative).read_text("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _csv_edit(relative: str, edit: Callable[[list[list[str]]], None]) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        rows = _csv_rows(inputs, relative)
        edit(rows)
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        (inputs / relative).write_text(out.getvalue(), "utf-8")

    return make


def _set(row: int, column: int, value: str) -> Callable[[list[list[str]]], None]:
    def edit(rows: list[list[str]]) -> None:
        rows[row][column] = value

    return edit


def _csv_raw(relative: str, transform: Callable[[str], str]) -> Callable[[Path], None]:
    def make(inputs: Path) -> None:
        path = inputs / relative
        path.write_text(transform(path.read_text("utf-8-sig")), "utf-8")

    return make


def _unclosed_quote_middle(text: str) -> str:
    lines = text.split("\n")
    lines[2] = lines[2].rstrip("\r").rsplit(",", 1)[0] + ',"Hoàn thành\r'
    return "\n".join(lines)


def _unclosed_quote_last(text: str) -> str:
    return text.rstrip("\r\n") + ',"Hoàn thành\r\n'


def _unclosed_then_closed(text: str) -> str:
    lines = text.split("\n")
    lines[2] = lines[2].rstrip("\r").rsplit(",", 1)[0] + ',"Hoàn thành\r'
    lines[3] = lines[3].rstrip("\r") + '"\r'
    return "\n".join(lines)


def _csv_cases() -> list[Case]:
    def gk(name: str, make: Callable[[Path], None], **kw: object) -> Case:
        return Case(f"csv {name}", make, document=GK_YAML, blamed=GK_CSV, **kw)  # type: ignore[arg-type]

    cases = [
        gk("unclosed quote mid-file", _csv_raw(GK_CSV, _unclosed_quote_middle)),
        gk("unclosed quote last line", _csv_raw(GK_CSV, _unclosed_quote_last)),
        gk("unclosed quote closed a line later", _csv_raw(GK_CSV, _unclosed_then_closed)),
        gk(
            "junk after closing quote",
            _csv_raw(
                GK_CSV,
                lambda t: t.replace(
                    '"Chuyển đổi số, vận hành Cổng thông tin điện tử tỉnh"',
                    '"Chuyển đổi số" vận hành',
                    1,
                ),
            ),
        ),
        gk("extra field", _csv_edit(GK_CSV, lambda rows: rows[3].append("thừa")), words="6"),
        gk("missing field", _csv_edit(GK_CSV, lambda rows: rows[3].pop())),
        gk("empty name with title", _csv_edit(GK_CSV, _set(2, 0, "")), words="Họ và tên"),
        gk("blank name with title", _csv_edit(GK_CSV, _set(2, 0, "   ")), words="Họ và tên"),
        gk(
            "zero-width name with title", _csv_edit(GK_CSV, _set(2, 0, "\u200b")), words="Họ và tên"
        ),
        gk("empty title with name", _csv_edit(GK_CSV, _set(2, 3, "")), words="Hình thức"),
        gk("TRUE in Loại", _csv_edit(GK_CSV, _set(2, 4, "TRUE")), words="Loại"),
        gk("unknown Loại", _csv_edit(GK_CSV, _set(2, 4, "Gia đình")), words="Loại"),
        gk("number as name", _csv_edit(GK_CSV, _set(2, 0, "12")), words="Họ và tên"),
        gk(
            "unknown title",
            _csv_edit(GK_CSV, _set(2, 3, "Bằng khen của Bộ trưởng Bộ Vui")),
            words="Hình thức",
        ),
        gk("duplicate person", _csv_edit(GK_CSV, lambda rows: rows.append(list(rows[1])))),
        gk("missing name column", _csv_edit(GK_CSV, _set(0, 0, "Tên người")), words="Họ và tên"),
        gk("duplicate name column", _csv_edit(GK_CSV, _set(0, 5, "Họ và tên"))),
        gk("header only", _csv_edit(GK_CSV, lambda rows: rows.__delitem__(slice(1, None)))),
        gk(
            "not utf-8",
            _write_bytes(GK_CSV, "Họ và tên,Hình thức\n".encode() + b"An,Gi\xe1y khen\n"),
        ),
        gk("empty file", _write_bytes(GK_CSV, b""), located=False),
        gk("fifo", _replace_with(GK_CSV, _fifo), located=False),
        gk("directory", _replace_with(GK_CSV, Path.mkdir), located=False),
        gk("too large", _replace_with(GK_CSV, _sparse(60 * 1024 * 1024)), located=False),
        gk("cell too long", _csv_edit(GK_CSV, _set(2, 5, "x" * 40_000)), words="quá dài"),
    ]
    for code in (0x01, 0x07, 0x0C, 0x1B, 0x7F, 0x85, 0x9F, 0xFFFE, 0xFFFF, 0x202E, 0x2067):
        cases.append(gk(f"U+{code:04X} in a name",
                        _csv_edit(GK_CSV, _set(2, 0, f"Lê Thị{chr(code)} Hạnh")),
                        words=f"U+{code:04X}"))  # fmt: skip
    cases += [
        Case(
            "csv council empty role",
            _csv_edit(HD_CSV, _set(2, 2, "")),
            document=HD_YAML,
            blamed=HD_CSV,
            words="Vai trò",
        ),
        Case(
            "csv council extra field",
            _csv_edit(HD_CSV, lambda rows: rows[2].append("x")),
            document=HD_YAML,
            blamed=HD_CSV,
        ),
        Case(
            "csv council control char",
            _csv_edit(HD_CSV, _set(2, 1, "Phó\x0cChánh")),
            document=HD_YAML,
            blamed=HD_CSV,
            words="U+000C",
        ),
    ]
    return cases


# --- XLSX ----------------------------------------------------------------------------------


def _xlsx(edit: Callable[[object], None]) -> Callable[[Path], None]:
    """Edit the example workbook with openpyxl (a clerk's Excel edits)."""

    def make(inputs: Path) -> None:
        import openpyxl

        path = inputs / LD_XLSX
        book = openpyxl.load_workbook(path)
        edit(book)
        book.save(path)

    return make


def _cell(ref: str, value: object) -> Callable[[object], None]:
    def edit(book: object) -> None:
        book.active[ref] = value  # type: ignore[attr-defined]

    return edit


def _merge(ref: str) -> Callable[[object], None]:
    def edit(book: object) -> None:
        book.active.merge_cells(ref)  # type: ignore[attr-defined]

    return edit


def _hide_sheets(xml: bytes) -> bytes:
    import re

    return re.sub(rb'<sheet (?![^>]*state=)', b'<sheet state="hidden" ',
                  xml.replace(b'state="visible"', b'state="hidden"'))  # fmt: skip


def _workbook_xml(transform: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """Rewrite xl/workbook.xml (Excel refuses to hide every sheet; a script may not)."""

    def make(inputs: Path) -> None:
        path = inputs / LD_XLSX
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        parts["xl/workbook.xml"] = transform(parts["xl/workbook.xml"])
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)

    return make


def _sheet_xml(transform: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """Rewrite the first sheet's XML inside the .xlsx (what Excel itself would never write)."""

    def make(inputs: Path) -> None:
        path = inputs / LD_XLSX
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        name = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
        parts[name] = transform(parts[name])
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)

    return make


def _too_many_rows(inputs: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Ghi chú"])
    for n in range(20_001):
        sheet.append([n + 1, f"Người {n}", "Chuyên viên", "Phòng", "Lao động tiên tiến",
                      "Cá nhân", ""])  # fmt: skip
    book.save(inputs / LD_XLSX)


def _xlsx_cases() -> list[Case]:
    def ld(name: str, make: Callable[[Path], None], **kw: object) -> Case:
        return Case(f"xlsx {name}", make, document=LD_YAML, blamed=LD_XLSX, **kw)  # type: ignore[arg-type]

    entity = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')  # fmt: skip
    return [
        ld("empty name with title", _xlsx(_cell("B5", None)), words="Họ và tên"),
        ld("empty title with name", _xlsx(_cell("E5", None)), words="Danh hiệu"),
        ld("TRUE in Loại", _xlsx(_cell("F5", True)), words="Loại"),
        ld("text TRUE in Loại", _xlsx(_cell("F5", "TRUE")), words="Loại"),
        ld("bool as name", _xlsx(_cell("B5", False)), words="Họ và tên"),
        ld("number as name", _xlsx(_cell("B5", 42)), words="Họ và tên"),
        ld(
            "date as name",
            _xlsx(_cell("B5", __import__("datetime").date(2022, 1, 2))),
            words="Họ và tên",
        ),
        ld("escaped BEL in name", _xlsx(_cell("B5", "Lò_x0007_Văn")), words="U+0007"),
        ld(
            "U+FFFE in name",
            _sheet_xml(lambda x: _inline_b5(x, "Lò\ufffeVăn".encode())),
            located=False,
        ),
        ld("escaped ESC in name", _xlsx(_cell("B5", "Lò_x001B_Văn")), words="U+001B"),
        ld("formula without value", _xlsx(_cell("B5", '=CONCAT("a","b")')), words="công thức"),
        ld(
            "error value",
            _sheet_xml(lambda x: _first_name_cell_to(x, b't="e"', b"#REF!")),
            words="#REF!",
        ),
        ld("merged name over two rows", _xlsx(_merge("B5:B6")), words="gộp"),
        ld("merged title over rows", _xlsx(_merge("E5:E8")), words="gộp"),
        ld("merged header cells", _xlsx(_merge("B3:C3")), words="gộp"),
        ld("two-row merged header", _two_row_header, words="gộp"),
        ld(
            "all sheets hidden",
            _both(_workbook_xml(_hide_sheets), _edit(LD_YAML, "  trang_tinh: Danh sách\n", "")),
            located=False,
        ),
        ld(
            "unknown sheet",
            _edit(LD_YAML, "trang_tinh: Danh sách", "trang_tinh: Không có"),
            words="Không có",
        ),
        ld("truncated sheet xml", _sheet_xml(lambda x: x[: len(x) // 2]), located=False),
        ld(
            "entity-laden sheet xml",
            _sheet_xml(lambda x: entity + _inline_b5(x.split(b"?>", 1)[-1], b"&b;")),
            located=False,
        ),
        ld("not a zip", _write_bytes(LD_XLSX, b"Ho va ten,Danh hieu\nAn,LDTT\n"), located=False),
        ld("encrypted", _write_bytes(LD_XLSX, b"\xd0\xcf\x11\xe0" + bytes(508)), located=False),
        ld("empty zip", _write_bytes(LD_XLSX, b"PK\x05\x06" + bytes(18)), located=False),
        ld("fifo", _replace_with(LD_XLSX, _fifo), located=False),
        ld("too large", _replace_with(LD_XLSX, _sparse(60 * 1024 * 1024)), located=False),
        ld("too many rows", _too_many_rows, words="20000"),
        ld("duplicate person", _xlsx(_cell("B5", "Lò Văn Mạnh"))),
        ld("unknown title", _xlsx(_cell("E5", "Chiến sĩ vui vẻ")), words="Danh hiệu"),
    ]


def _first_name_cell_to(xml: bytes, attribute: bytes, value: bytes) -> bytes:
    """The cell B5 made an error cell (t="e") holding `value`."""
    import re

    pattern = re.compile(rb'<c r="B5"[^>]*?(/>|>.*?</c>)', re.DOTALL)
    assert pattern.search(xml), "B5 not found"
    return pattern.sub(b'<c r="B5" ' + attribute + b"><v>" + value + b"</v></c>", xml, count=1)


def _inline_b5(xml: bytes, text: bytes) -> bytes:
    """The cell B5 made an inline string holding `text` (raw XML)."""
    import re

    pattern = re.compile(rb'<c r="B5"[^>]*?(/>|>.*?</c>)', re.DOTALL)
    return pattern.sub(b'<c r="B5" t="inlineStr"><is><t>' + text + b"</t></is></c>", xml, count=1)


def _two_row_header(inputs: Path) -> None:
    import openpyxl

    path = inputs / LD_XLSX
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.insert_rows(4)
    sheet["E3"], sheet["E4"] = "Khen thưởng", "Danh hiệu"
    sheet["F4"] = "Loại"
    sheet["F3"] = None
    sheet.merge_cells("E3:F3")
    sheet.merge_cells("B3:B4")
    book.save(path)


# --- templates -----------------------------------------------------------------------------


def _template_body(old: bytes, new: bytes) -> Callable[[Path], None]:
    """Edit templates/ke-hoach.docx's body (the copy the case renders with)."""

    def make(inputs: Path) -> None:
        path = inputs.parent / "templates" / "ke-hoach.docx"
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        assert old in parts["word/document.xml"], old
        parts["word/document.xml"] = parts["word/document.xml"].replace(old, new, 1)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)

    return make


def _template_cases() -> list[Case]:
    tag = b"{{ ten_loai }}"
    attacks = {
        "nested range loops": b"{% for a in range(100000) %}{% for b in range(100000) %}"
        b"{% endfor %}{% endfor %}",
        "recursive macro": b"{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
        "string times 10**10": b"{{ 'x' * 10**10 }}",
        "power tower": b"{{ 2 ** (2 ** 40) }}",
        "range too big": b"{% for a in range(10**9) %}{% endfor %}",
        "loop printing forever": b"{% for a in range(100000) %}{% for b in range(100000) %}x"
        b"{% endfor %}{% endfor %}",
        "unsafe attribute": b"{{ ten_loai.__class__.__mro__ }}",
        "nested loops over a string": b"{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 %}"
        b"{% endfor %}{% endfor %}",
        "nested loops over a list": b"{% for a in [1] * 100000 %}{% for b in [1] * 100000 %}"
        b"{% endfor %}{% endfor %}",
        "list times a million": b"{% for a in [1] * 1000000 %}{% endfor %}",
    }
    return [
        Case(
            f"template {name}",
            _template_body(tag, body),
            blamed="ke-hoach.docx",
            located=False,
            templates=True,
        )  # fmt: skip
        for name, body in attacks.items()
    ]


def cases() -> list[Case]:
    """Every case of the corpus."""
    everything = (
        _plan_text_cases() + _plan_structure_cases() + _plan_file_cases() + _agency_cases()
        + _csv_cases() + _xlsx_cases() + _template_cases()
    )  # fmt: skip
    names = [c.name for c in everything]
    assert len(names) == len(set(names)), "case names must be unique"
    return everything


def materialize(case: Case, folder: Path) -> Path:
    """A copy of inputs/ (and templates/ for template cases) in `folder`, broken as `case` says."""
    inputs = folder / "inputs"
    shutil.copytree(REPO / "inputs", inputs, symlinks=True)
    if case.templates:
        shutil.copytree(REPO / "templates", folder / "templates")
    case.make(inputs)
    return inputs


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    for number, case in enumerate(cases(), start=1):
        slug = "".join(c if c.isalnum() else "-" for c in case.name)
        materialize(case, target / f"{number:03d}-{slug}")
    print(f"{len(cases())} cases in {target}")
