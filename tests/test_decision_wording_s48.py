"""Award decisions as a reader reads them (s48): (1) a Danh sách of tập thể only is headed
"Tên tập thể" and prints no Chức vụ column when no entry has one, an office's own cot_ten kept;
(2) cá nhân before tập thể in Điều 1's count and in every amount line of Điều 2, whichever row
comes first, unless the office lists tập thể first; (3) Điều 2 names an article only for the
awards it covers (Nghị định 152/2025 gives none for danh hiệu); (4) a Báo cáo's warning quotes a
sentence as it prints when a clause in parentheses holding ';' is left out; (5) a Tờ trình
says its draft decision's "TM." under a head's own thẩm quyền, as the decision alone would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.cli_lines import lines_of, run

REPO = Path(__file__).resolve().parent.parent
YEAR = "2024"

DECISION = """\
loai: quyet_dinh
co_quan: {office}
so: 12
ngay: {date}
trich_yeu: Về việc khen thưởng
tham_quyen: {authority}
can_cu:
  - Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022
theo_de_nghi: Trưởng phòng Tổ chức - Hành chính - Quản trị
khen_thuong:
  danh_sach: ds.csv
  hanh_dong: Khen thưởng
  thanh_tich: đã có thành tích xuất sắc
  tieu_de_danh_sach: Cá nhân, tập thể được khen thưởng
  nguon_kinh_phi: Quỹ thi đua, khen thưởng của cơ quan
dieu:
  - noi_dung: Các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
noi_nhan:
  - Lãnh đạo Văn phòng
don_vi_soan_thao: {unit}
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: {signer}
"""
OFFICES = {
    # office key: (thẩm quyền, signer, unit drafting)
    "van-phong-ubnd-son-la": ("Chánh Văn phòng UBND tỉnh Sơn La", "chanh-van-phong", "TCHCQT"),
    "ubnd-tinh-son-la": ("Ủy ban nhân dân tỉnh Sơn La", "pho-chu-tich", "NC"),
}
HEADER = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại\n"
UNITS = ["Phòng Tổng hợp", "Phòng Kinh tế", "Phòng Nội chính", "Trung tâm Thông tin",
         "Nhà khách Bình Minh", "Ban Tiếp công dân tỉnh", "Phòng Văn hóa - Xã hội"]  # fmt: skip
COLLECTIVES = "".join(f"{unit},,Văn phòng UBND tỉnh Sơn La,Giấy khen,Tập thể\n" for unit in UNITS)
PEOPLE = "".join(f"Người {n},Chuyên viên,Phòng Tổng hợp,Giấy khen,Cá nhân\n" for n in range(1, 7))


def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's workspace settings and office profiles, no document yet; the test runs
    in it."""
    ws = tmp_path / "ws"
    (ws / "inputs" / YEAR).mkdir(parents=True)
    shutil.copy(REPO / "vanthu.yaml", ws / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", ws / "inputs" / "co-quan")
    monkeypatch.chdir(ws)
    return ws


def decision(
    ws: Path,
    rows: str,
    *,
    office: str = "van-phong-ubnd-son-la",
    date: str = "20/12/2024",
    wording: str = "",
) -> Path:
    """A decision on the list `rows` (after the header) by `office`; `wording`: its cau_chu."""
    authority, signer, unit = OFFICES[office]
    folder = ws / "inputs" / date[-4:]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ds.csv").write_text(HEADER + rows, "utf-8")
    text = DECISION.format(office=office, date=date, authority=authority, signer=signer, unit=unit)
    (folder / "qd.yaml").write_text(text + wording, "utf-8")
    return folder / "qd.yaml"


def built(ws: Path, name: str, year: str = YEAR) -> tuple[Document, str]:
    """Build the workspace: the document `name` as python-docx reads it, and the output."""
    code, out = run("build")
    assert code == 0, out
    return Document(str(ws / "outputs" / year / f"{name}.docx")), out


def texts(doc: Document) -> list[str]:
    """The body's paragraphs outside tables, as printed."""
    return [p.text for p in doc.paragraphs if p.text.strip()]


def list_header(doc: Document) -> list[str]:
    """The column headings of the Danh sách (the last table)."""
    return [cell.text for cell in doc.tables[-1].rows[0].cells]


def article(doc: Document, start: str) -> list[str]:
    """The paragraph starting with `start` and the '- ' lines after it."""
    lines = texts(doc)
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    out = [lines[first]]
    for line in lines[first + 1 :]:
        if not line.startswith("- "):
            break
        out.append(line)
    return out


# --- (1) the Danh sách of tập thể only ---------------------------------------------------------


def test_collectives_only_list_is_headed_for_collectives_without_a_role_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, COLLECTIVES)
    doc, _ = built(ws, "qd")
    assert list_header(doc) == ["STT", "Tên tập thể", "Đơn vị", "Số tiền (đồng)"]
    rows = [[cell.text for cell in row.cells] for row in doc.tables[-1].rows]
    assert ["1", "Phòng Tổng hợp", "Văn phòng UBND tỉnh Sơn La", "1.410.000"] in rows
    # The total row spans every column but the amount's.
    assert rows[-1][-1] == "9.870.000"


def test_collectives_only_list_without_money(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    path = decision(ws, COLLECTIVES)
    path.write_text(path.read_text("utf-8").replace(
        "  nguon_kinh_phi: Quỹ thi đua, khen thưởng của cơ quan\n", "  tien_thuong: khong\n"
    ), "utf-8")  # fmt: skip
    doc, _ = built(ws, "qd")
    assert list_header(doc) == ["STT", "Tên tập thể", "Đơn vị"]


def test_a_list_with_roles_keeps_its_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, COLLECTIVES + PEOPLE)
    doc, _ = built(ws, "qd")
    assert list_header(doc) == ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Số tiền (đồng)"]


def test_people_without_roles_print_no_role_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, PEOPLE.replace("Chuyên viên", ""))
    doc, _ = built(ws, "qd")
    assert list_header(doc) == ["STT", "Họ và tên", "Đơn vị", "Số tiền (đồng)"]


# The province's Điều 2 opening names the amount of a cá nhân: a list of tập thể writes its own.
OPENING = (
    "cau_chu:\n  dieu_2_mo_dau: >-\n    Tiền thưởng kèm theo cho mỗi tập thể là {{ tien_tap_the }}"
    " đồng. Nguồn tiền thưởng lấy từ {{ nguon_kinh_phi }}.\n"
)


def test_an_office_own_name_heading_is_kept_for_collectives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ubnd-tinh-son-la writes cot_ten "Tên tập thể, cá nhân" for all its lists."""
    ws = workspace(tmp_path, monkeypatch)
    rows = COLLECTIVES.replace("Giấy khen", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    decision(ws, rows, office="ubnd-tinh-son-la", wording=OPENING)
    doc, _ = built(ws, "qd")
    assert list_header(doc) == ["STT", "Tên tập thể, cá nhân", "Đơn vị công tác", "Số tiền (đồng)"]


def test_a_document_own_collective_heading_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    rows = COLLECTIVES.replace("Giấy khen", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    decision(ws, rows, office="ubnd-tinh-son-la",
             wording=OPENING + '  cot_ten_tap_the: "Tên đơn vị"\n')  # fmt: skip
    doc, _ = built(ws, "qd")
    assert list_header(doc)[1] == "Tên đơn vị"


# --- (2) one order of the kinds ----------------------------------------------------------------

# Repro 3: a tập thể first for the Giấy khen, a cá nhân first for the Bằng khen.
MIXED = (
    "Phòng Tổng hợp,,Văn phòng UBND tỉnh Sơn La,Giấy khen,Tập thể\n"
    "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Giấy khen,Cá nhân\n"
    'Lê Văn Bình,Chuyên viên,Phòng Tổng hợp,"Bằng khen của bộ, ban, ngành, tỉnh",Cá nhân\n'
    'Phòng Kinh tế,,Văn phòng UBND tỉnh Sơn La,"Bằng khen của bộ, ban, ngành, tỉnh",Tập thể\n'
)


def test_people_first_in_both_articles_whichever_row_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, MIXED)
    doc, _ = built(ws, "qd")
    one = article(doc, "Điều 1.")
    assert one[0].startswith("Điều 1. Khen thưởng cho 02 cá nhân và 02 tập thể ")
    # The names stay in the list's order.
    assert one[1] == "- Phòng Tổng hợp, Văn phòng UBND tỉnh Sơn La: Giấy khen;"
    assert article(doc, "Điều 2.")[1:] == [
        "- Giấy khen: 710.000 đồng/người, 1.410.000 đồng/tập thể;",
        "- Bằng khen của bộ, ban, ngành, tỉnh: 2.340.000 đồng/người, 4.680.000 đồng/tập thể.",
    ]


def test_an_office_listing_collectives_first_keeps_them_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    profile = ws / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml"
    profile.write_text(profile.read_text("utf-8") + "\ndanh_sach:\n  nhom: tap_the_truoc\n")
    decision(ws, MIXED.splitlines(keepends=True)[1] + MIXED.splitlines(keepends=True)[0])
    doc, _ = built(ws, "qd")
    assert " cho 01 tập thể và 01 cá nhân " in article(doc, "Điều 1.")[0]
    assert article(doc, "Điều 2.")[1:] == [
        "- Giấy khen: 1.410.000 đồng/tập thể, 710.000 đồng/người."
    ]


# --- (3) the articles Điều 2 cites -------------------------------------------------------------

# Repro 8: danh hiệu (no article in khen-thuong.yaml under Nghị định 152/2025) beside forms
# (khoản 1 Điều 54).
TITLES_AND_FORMS = (
    "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Lao động tiên tiến,Cá nhân\n"
    "Trần Thị Bình,Chuyên viên,Phòng Kinh tế,Chiến sĩ thi đua cơ sở,Cá nhân\n"
    "Phòng Nội chính,,Văn phòng UBND tỉnh Sơn La,Tập thể lao động xuất sắc,Tập thể\n"
    "Phòng Tổng hợp,,Văn phòng UBND tỉnh Sơn La,Giấy khen,Tập thể\n"
    'Lê Văn Cường,Chuyên viên,Phòng Tổng hợp,"Bằng khen của bộ, ban, ngành, tỉnh",Cá nhân\n'
)


def opening(doc: Document) -> str:
    return article(doc, "Điều 2.")[0]


def test_no_article_is_credited_with_titles_it_does_not_cover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, TITLES_AND_FORMS, date="01/07/2025")
    doc, _ = built(ws, "qd", "2025")
    assert opening(doc).startswith(
        "Điều 2. Tặng kèm tiền thưởng theo quy định tại Nghị định số 152/2025/NĐ-CP, mức lương"
    )
    assert "Điều 54" not in opening(doc)


def test_forms_alone_cite_their_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, "".join(TITLES_AND_FORMS.splitlines(keepends=True)[3:]), date="01/07/2025")
    doc, _ = built(ws, "qd", "2025")
    assert "theo quy định tại khoản 1 Điều 54 Nghị định số 152/2025/NĐ-CP," in opening(doc)


def test_each_known_article_is_cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nghị định 98/2023: danh hiệu in Điều 54, forms in Điều 58."""
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, TITLES_AND_FORMS)
    doc, _ = built(ws, "qd")
    assert "theo quy định tại Điều 54 và Điều 58 Nghị định số 98/2023/NĐ-CP," in opening(doc)


# --- (4) a Báo cáo's warning quotes what prints ------------------------------------------------

REPORT = """\
loai: bao_cao
co_quan: van-phong-ubnd-son-la
so: 160
ngay: 27/12/2024
nam: 2024
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2024
mo_dau:
  - Văn phòng UBND tỉnh báo cáo như sau
muc:
  - tieu_de: Kết quả thực hiện
    doan:
      - >-
        Năm {{ nam }}, Chánh Văn phòng đã ban hành {{ so_quyet_dinh }} quyết định khen thưởng
        với tổng số tiền thưởng {{ tong.tien }} đồng ({{ tong.luot }} lượt khen thưởng,
        {{ tong.luot_tang_giam }} so với năm {{ nam_truoc }}; số cá nhân, tập thể
        {{ tong.tang_giam }}, năm trước {{ tong.nam_truoc }}). Trong đó: Lao động tiên tiến
        {{ lao_dong_tien_tien.ca_nhan }} cá nhân.
ket_thuc: Trên đây là báo cáo
noi_nhan:
  - Lãnh đạo Văn phòng
don_vi_soan_thao: TCHCQT
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: chanh-van-phong
"""


def test_report_warning_quotes_the_sentence_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    decision(ws, "".join(TITLES_AND_FORMS.splitlines(keepends=True)[:2]))
    (ws / "inputs" / YEAR / "bao-cao.yaml").write_text(REPORT, "utf-8")
    doc, out = built(ws, "bao-cao")
    printed = next(t for t in texts(doc) if t.startswith("Năm 2024, Chánh Văn phòng"))
    first = printed.split(" Trong đó:")[0]
    assert "(" not in first  # the comparison is left out whole
    warning = lines_of(" ".join(out.split()), "không có số liệu và in thành")
    assert warning, out
    assert f"in thành: «{first}»;" in warning[0]


# --- (5) a draft decision's signature ----------------------------------------------------------


def submission(ws: Path, authority: str) -> None:
    """The repository's Tờ trình with its draft under kem-theo/, the draft's thẩm quyền
    `authority`."""
    year = ws / "inputs" / YEAR
    shutil.copy(REPO / "inputs" / YEAR / "to-trinh-kem-du-thao.yaml", year)
    shutil.copytree(REPO / "inputs" / YEAR / "kem-theo", year / "kem-theo")
    draft = (REPO / "inputs" / YEAR / "kem-theo" / "du-thao-qd-bang-khen.yaml").read_text("utf-8")
    lines = [
        f"tham_quyen: {authority}" if line.startswith("tham_quyen:") else line
        for line in draft.splitlines()
    ]
    (year / "kem-theo" / "du-thao-qd-bang-khen.yaml").write_text("\n".join(lines) + "\n")


HEAD_OWN = "là của người đứng đầu, nên quyết định không có dòng TM."


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_draft_signed_tm_under_a_head_authority_is_warned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    submission(ws, "Chủ tịch Ủy ban nhân dân tỉnh Sơn La")
    code, out = run(command)
    assert code == 0, out
    said = lines_of(" ".join(out.split("\n")), HEAD_OWN)
    assert said, out
    assert "to-trinh-kem-du-thao.yaml" in said[0]
    assert "du-thao-qd-bang-khen.yaml" in said[0] and "'nguoi_ky'" in said[0]


def test_the_shipped_draft_is_signed_as_its_authority_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path, monkeypatch)
    shutil.copytree(REPO / "inputs" / YEAR, ws / "inputs" / YEAR, dirs_exist_ok=True)
    code, out = run("check")
    assert code == 0, out
    assert HEAD_OWN not in out
    doc, _ = built(ws, "to-trinh-kem-du-thao")
    assert "ỦY BAN NHÂN DÂN TỈNH SƠN LA" in texts(doc)
