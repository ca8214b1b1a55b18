"""Round 4 of the register's commands: URLs without @host, rows cap/vao-so must refuse, the
export/import round trip of every row the commands accept, `xuat -o` into a missing folder,
--tach in the catalogue's words, the dinh_danh line added to an older vanthu.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.register import open_register
from pipeline.register.backends import safe_location, scrub
from pipeline.register.testing import TemporaryPostgres
from pipeline.workspace.config import add_identity

# --- 4. user:password without @host ------------------------------------------------------

@pytest.mark.parametrize("url, secret", [
    ("postgresql://van-thu:Zq9Secret/so_van_ban", "Zq9Secret"),
    ("postgresql://van-thu:Zq9Secret", "Zq9Secret"),
    ("postgresql://van-thu:Zq9", "Zq9"),
    ("postgresql://van-thu:Zq/9Secret/so_van_ban", "9Secret"),
])
def test_hostless_url_is_masked_and_refused(so, url: str, secret: str) -> None:
    assert secret not in safe_location(url)
    assert secret not in scrub(f"failed to resolve host 'van-thu' port '{secret}' {url}", url)
    for lang, words in ((None, "thiếu máy chủ (@máy-chủ)"), ("en", "the host (@host) is missing")):
        result = so("--db", url, "xem", "2026", lang=lang)
        assert result.exit_code == 1
        assert secret not in result.output
        assert "postgresql://van-thu:***" in result.output and words in result.output
        assert "%23" in result.output and "vanthu.yaml" in result.output
        assert "Traceback" not in result.output


def test_hosts_with_ports_are_not_taken_for_passwords() -> None:
    for url in ("postgresql://localhost:5432/db", "postgresql://h1:5432,h2:5433/db",
                "postgresql://[::1]:5432/db", "postgresql://u:p@h:5432/db"):
        assert safe_location(url) == url.replace(":p@", ":***@")


def test_password_cut_at_a_yaml_comment_is_not_shown(so, tmp_path: Path) -> None:
    (tmp_path / "vanthu.yaml").write_text(
        "ten: Văn phòng\n"
        "so_van_ban: postgresql://van-thu:Zq9 #Secret@127.0.0.1:55462/so_van_ban\n"
        "dinh_danh: vt-000000000001\n", "utf-8")
    for lang in (None, "en"):
        result = so("xem", "2026", lang=lang)
        assert result.exit_code == 1
        assert "Zq9" not in result.output and "Secret" not in result.output
        assert "vanthu.yaml" in result.output and '"postgresql://...' in result.output


# --- 5. rows cap and vao-so refuse ----------------------------------------------------------

BAD_ROWS = [
    (["--loai", "XYZ", "--ky-hieu", "VPUBND-TH"], "--loai 'XYZ'"),
    (["--loai", "TB", "--ky-hieu", "QĐ-VPUBND"], "--loai 'TB' trái với --ky-hieu 'QĐ-VPUBND'"),
    (["--loai", "QĐ", "--ky-hieu", "VPUBND-TH"], "loại CV"),
    (["--ky-hieu", ""], "--ky-hieu để trống"),
    (["--ky-hieu", " "], "--ky-hieu để trống"),
    (["--ky-hieu", "02/VPUBND-TH"], "có số 02 ở đầu"),
    (["--ky-hieu", "VPUBND-TH", "--trich-yeu", ""], "--trich-yeu để trống"),
]


@pytest.mark.parametrize("command", [["cap"], ["vao-so", "9", "--bo-qua-so"]])
@pytest.mark.parametrize("options, said", BAD_ROWS)
def test_bad_rows_are_refused_and_nothing_written(
    so, tmp_path: Path, command: list[str], options: list[str], said: str
) -> None:
    base = ["--co-quan", "vp", *command, "--ngay", "03/02/2026", "--trich-yeu", "x"]
    result = so(*base, *options)
    assert result.exit_code == 1 and said in result.output and "chưa ghi gì" in result.output
    assert "Traceback" not in result.output
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        assert register.entries(2026) == []


@pytest.mark.parametrize("command", [["cap"], ["vao-so", "1"]])
def test_a_row_without_date_is_refused(so, command: list[str]) -> None:
    result = so("--co-quan", "vp", *command, "--ky-hieu", "VPUBND-TH", "--trich-yeu", "x")
    assert result.exit_code == 1 and "thiếu --ngay" in result.output
    result = so("--co-quan", "vp", *command, "--ky-hieu", "VPUBND-TH", "--trich-yeu", "x",
                lang="en")
    assert result.exit_code == 1 and "--ngay is missing" in result.output


def test_good_rows_still_accepted(so) -> None:
    assert so("--co-quan", "vp", "cap", "--ngay", "03/02/2026", "--loai", "CV", "--ky-hieu",
              "VPUBND-TH", "--trich-yeu", "x").exit_code == 0
    assert so("cap", "--ngay", "03/02/2026", "--loai", "QĐ", "--ky-hieu", "2026/QĐ-UBND",
              "--trich-yeu", "x").exit_code == 0  # a year in the ký hiệu is not a number
    result = so("cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ", "--loai", "XYZ",
                "--trich-yeu", "x", lang="en")
    assert result.exit_code == 1 and "is not a document type abbreviation" in result.output


def test_every_accepted_row_exports_and_imports_back(
    so, location: str, tmp_path: Path, pg_server: TemporaryPostgres
) -> None:
    """Rows made by cap, vao-so, giu and huy on each backend: `so xuat` then `so nhap` into a
    new register gives the same rows (the move from SQLite to PostgreSQL and back)."""
    db = ["--db", location, "--co-quan", "vp"]

    def rows(where: str) -> list[tuple[object, ...]]:
        with open_register(where) as register:
            return [(e.number, e.reference, e.details.doc_date, e.details.summary,
                     e.details.signer, e.details.copies, e.status, e.void_reason)
                    for e in register.entries(2026)]

    made = [
        ["cap", "--ngay", "02/01/2026", "--ky-hieu", "VPUBND-TH", "--trich-yeu", "Công văn A"],
        ["cap", "--ngay", "03/01/2026", "--loai", "KH", "--ky-hieu", "KH-VPUBND",
         "--trich-yeu", "Kế hoạch B", "--nguoi-ky", "Nguyễn Văn An", "--so-ban", "3"],
    ]
    for args in made:
        result = so(*db, *args)
        assert result.exit_code == 0, (args, result.output)
    # A number for a document without its ký hiệu or trích yếu (once accepted as a bare "03")
    # is refused on each backend, and nothing is written: the next number is still 03.
    refused = [
        (["cap", "--ngay", "04/01/2026"], "--ky-hieu"),
        (["cap", "--ngay", "04/01/2026", "--ky-hieu", "TB-VPUBND"], "--trich-yeu"),
        (["vao-so", "8", "--bo-qua-so", "--ngay", "06/01/2026", "--trich-yeu", "Công văn D"],
         "--ky-hieu"),
        (["vao-so", "8", "--bo-qua-so", "--ngay", "06/01/2026", "--ky-hieu", "VPUBND-TH"],
         "--trich-yeu"),
    ]
    for args, option in refused:
        result = so(*db, *args)
        assert result.exit_code == 1, (args, result.output)
        assert f"thiếu {option}" in result.output and "chưa ghi gì vào sổ" in result.output
    assert [row[1] for row in rows(location)] == ["01/VPUBND-TH", "02/KH-VPUBND"]
    made = [
        ["cap", "--ngay", "04/01/2026", "--ky-hieu", "TB-VPUBND",
         "--trich-yeu", "Thông báo lịch tiếp công dân"],  # "03/TB-VPUBND"
        ["giu", "--nam", "2026"],
        ["giu", "--nam", "2026", "--ky-hieu", "TB-VPUBND"],
        ["vao-so", "7", "--bo-qua-so", "--ngay", "05/01/2026", "--ky-hieu", "QĐ-VPUBND",
         "--trich-yeu", "Quyết định C"],
        ["vao-so", "8", "--ngay", "06/01/2026", "--ky-hieu", "VPUBND-TH",
         "--trich-yeu", "Công văn D"],
        ["huy", "6", "--nam", "2026", "--ly-do", "viết nhầm"],
    ]
    for args in made:
        result = so(*db, *args)
        assert result.exit_code == 0, (args, result.output)
    sheet = tmp_path / "so.xlsx"
    assert so(*db, "xuat", "2026", "-o", str(sheet)).exit_code == 0
    target = (str(tmp_path / "moi.sqlite3") if location.startswith("postgresql")
              else pg_server.new_database())
    result = so("--db", target, "--co-quan", "vp", "nhap", str(sheet))
    assert result.exit_code == 0, result.output

    before = rows(location)
    assert len(before) == 8 and rows(target) == before
    assert before[2][1] == "03/TB-VPUBND"


# --- 9. so xuat -o into a missing folder; --tach ---------------------------------------------

def test_export_into_a_missing_folder_is_refused(so, tmp_path: Path) -> None:
    written = so("--co-quan", "vp", "cap", "--ngay", "03/02/2026", "--ky-hieu", "VPUBND-TH",
                 "--trich-yeu", "Công văn đôn đốc nộp báo cáo")
    assert written.exit_code == 0, written.output
    missing = tmp_path / "khong-co" / "con"
    result = so("xuat", "2026", "-o", str(missing / "so.xlsx"))
    assert result.exit_code == 1 and f"không có thư mục {missing}" in result.output
    assert not (tmp_path / "khong-co").exists()
    result = so("xuat", "2026", "-o", str(missing / "so.docx"), lang="en")
    assert result.exit_code == 1 and f"there is no folder {missing}" in result.output
    assert not (tmp_path / "khong-co").exists()
    assert so("xuat", "2026", "-o", "so.xlsx").exit_code == 0  # the current folder is fine


def test_bad_tach_is_a_catalogue_message(so) -> None:
    result = so("--tach", "QĐ", "xem", "2026")
    assert result.exit_code == 2
    assert "Invalid value" not in result.output
    assert "tùy chọn --tach: dãy số riêng phải viết dạng LOẠI=TÊN" in result.output
    result = so("--tach", "QĐ", "xem", "2026", lang="en")
    assert result.exit_code == 2 and "option --tach: a separate sequence" in result.output


# --- 10. the dinh_danh line added to an older vanthu.yaml -----------------------------------

def test_identity_line_is_not_padded(tmp_path: Path) -> None:
    config = tmp_path / "vanthu.yaml"
    config.write_text(
        "ten: Văn phòng\n"
        "du_lieu: inputs        # tệp dữ liệu\n"
        "so_van_ban: postgresql://van-thu:P%40ss%3Aw%2Fo%3Frd%231%20x%25@127.0.0.1:55462/"
        "so_van_ban   # sổ chung\n", "utf-8")
    value = add_identity(config)
    lines = config.read_text("utf-8").splitlines()
    comment = "# định danh thư mục làm việc trong sổ văn bản dùng chung"
    assert f"dinh_danh: {value}    {comment}" in lines
    assert "so_van_ban   # sổ chung" in lines[2] and "du_lieu: inputs        #" in lines[1]


def test_a_blank_symbol_written_by_older_vanthu_imports(tmp_path: Path) -> None:
    """"10/" (what `vao-so --ky-hieu " "` used to store) reads as 10 without ký hiệu."""
    from openpyxl import Workbook

    from pipeline.register.xlsx_import import read_register_xlsx

    book = Workbook()
    sheet = book.active
    sheet.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026"])
    sheet.append(["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung"])
    sheet.append(["10/", "27/03/2026", "y"])
    sheet.append(["11/ ", "28/03/2026", "z"])
    path = tmp_path / "cu.xlsx"
    book.save(path)
    rows = read_register_xlsx(path)
    assert [(r.number, r.details.symbol) for r in rows] == [(10, None), (11, None)]
