"""Write the example danh sách spreadsheets under inputs/ (award lists, Hội đồng members).

The files stand in for what the office's clerk keeps in Excel: a roster of the Văn phòng UBND
tỉnh Sơn La (units as in inputs/co-quan/van-phong-ubnd-son-la.yaml) and who was proposed for
which title or form of commendation. Everything here is invented but plausible.

    python tools/make_example_lists.py        # (re)writes the five files below

The output is byte-stable: selections use a fixed seed, workbook properties carry a fixed date
and the .xlsx zip entries a fixed timestamp, so rerunning changes nothing in git.

    inputs/2022/danh-sach-ldtt-2022.xlsx      danh hiệu thi đua 2022 (sheet "Danh sách")
    inputs/2021/danh-sach-ldtt-2021.xlsx      the same for 2021 (a different mix)
    inputs/2022/danh-sach-giay-khen-2022.csv  Giấy khen của Chánh Văn phòng (UTF-8 with BOM)
    inputs/2022/hoi-dong-tdkt-2022.csv        members of the Hội đồng thi đua, khen thưởng
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[1]
SEED = 2022
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FONT = "Times New Roman"

AGENCY = "Văn phòng UBND tỉnh Sơn La"  # đơn vị of the leaders and of the collectives
TITLE_AGENCY = "VĂN PHÒNG UBND TỈNH SƠN LA"

LDTT = "Lao động tiên tiến"
CSTDCS = "Chiến sĩ thi đua cơ sở"
TTLDTT = "Tập thể lao động tiên tiến"
TTLDXS = "Tập thể lao động xuất sắc"
GIAY_KHEN = "Giấy khen của Chánh Văn phòng"
CA_NHAN, TAP_THE = "Cá nhân", "Tập thể"

XLSX_HEADER = ("STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Ghi chú")
XLSX_WIDTHS = (6, 30, 22, 40, 30, 10, 34)
GIAY_KHEN_HEADER = ("Họ và tên", "Chức vụ", "Đơn vị", "Hình thức", "Loại", "Ghi chú")
HOI_DONG_HEADER = ("Họ và tên", "Chức vụ", "Vai trò")

# Unit full names, by the abbreviation the office profile uses.
UNITS = {
    "TCHCQT": "Phòng Tổ chức - Hành chính - Quản trị",
    "TTTT": "Trung tâm Thông tin",
    "TH": "Phòng Tổng hợp",
    "KT": "Phòng Kinh tế",
    "NC": "Phòng Nội chính",
    "VX": "Phòng Văn hóa - Xã hội",
    "KSTT": "Phòng Kiểm soát thủ tục hành chính",
    "QTTV": "Phòng Quản trị - Tài vụ",
    "TCD": "Ban Tiếp công dân tỉnh",
    "NKH": "Nhà khách Bình Minh",
}


@dataclass(frozen=True)
class Person:
    name: str
    position: str
    unit: str  # an abbreviation from UNITS, or "" for the leadership (đơn vị: the agency)

    @property
    def unit_name(self) -> str:
        return UNITS[self.unit] if self.unit else AGENCY


# The staff in 2022, unit by unit. Nguyễn Huy Anh (Chánh Văn phòng, the signer) chairs the
# Hội đồng and is not on the award lists he signs.
STAFF_2022 = [
    Person("Nguyễn Huy Anh", "Chánh Văn phòng", ""),
    Person("Lò Văn Mạnh", "Phó Chánh Văn phòng", ""),
    Person("Cầm Thị Ngọc Diệp", "Phó Chánh Văn phòng", ""),
    Person("Hoàng Quốc Khánh", "Phó Chánh Văn phòng", ""),
    Person("Trần Thị Thanh Hường", "Trưởng phòng", "TCHCQT"),
    Person("Đinh Công Sơn", "Phó Trưởng phòng", "TCHCQT"),
    Person("Lường Thị Ánh", "Chuyên viên chính", "TCHCQT"),
    Person("Phạm Thu Trang", "Chuyên viên", "TCHCQT"),
    Person("Vì Văn Khởi", "Nhân viên", "TCHCQT"),
    Person("Hà Văn Chiến", "Lái xe", "TCHCQT"),
    Person("Quàng Văn Đức", "Lái xe", "TCHCQT"),
    Person("Lê Đình Dũng", "Giám đốc", "TTTT"),
    Person("Nguyễn Thị Yến", "Phó Giám đốc", "TTTT"),
    Person("Cầm Văn Tuấn", "Kỹ thuật viên", "TTTT"),
    Person("Tòng Thị Phương", "Biên tập viên", "TTTT"),
    Person("Lê Thị Mỹ Hạnh", "Kỹ thuật viên", "TTTT"),
    Person("Phạm Văn Thắng", "Trưởng phòng", "TH"),
    Person("Đỗ Thị Hồng Nhung", "Phó Trưởng phòng", "TH"),
    Person("Lò Thị Hiền", "Chuyên viên chính", "TH"),
    Person("Nguyễn Đức Thọ", "Chuyên viên", "TH"),
    Person("Trần Khắc Hưởng", "Chuyên viên", "TH"),
    Person("Hoàng Văn Thạch", "Trưởng phòng", "KT"),
    Person("Nguyễn Thị Loan", "Phó Trưởng phòng", "KT"),
    Person("Lê Quang Vĩnh", "Chuyên viên chính", "KT"),
    Person("Hà Thị Thơm", "Chuyên viên", "KT"),
    Person("Đinh Tiến Lực", "Chuyên viên", "KT"),
    Person("Vì Văn Toản", "Trưởng phòng", "NC"),
    Person("Lê Thị Hà", "Phó Trưởng phòng", "NC"),
    Person("Nguyễn Văn Lợi", "Chuyên viên chính", "NC"),
    Person("Quàng Thị Ngân", "Chuyên viên", "NC"),
    Person("Trần Minh Tuấn", "Chuyên viên", "NC"),
    Person("Lường Văn Hải", "Trưởng phòng", "VX"),
    Person("Phạm Thị Thu Thủy", "Phó Trưởng phòng", "VX"),
    Person("Hoàng Thị Duyên", "Chuyên viên chính", "VX"),
    Person("Đinh Thị Lan Hương", "Chuyên viên", "VX"),
    Person("Lò Văn Ước", "Chuyên viên", "VX"),
    Person("Nguyễn Xuân Trường", "Trưởng phòng", "KSTT"),
    Person("Cầm Thị Bích Ngọc", "Phó Trưởng phòng", "KSTT"),
    Person("Trần Thị Hằng", "Chuyên viên", "KSTT"),
    Person("Hà Văn Quyết", "Chuyên viên", "KSTT"),
    Person("Lê Thị Kim Oanh", "Trưởng phòng", "QTTV"),
    Person("Lường Văn Tiến", "Phó Trưởng phòng", "QTTV"),
    Person("Nguyễn Thị Hoa", "Kế toán viên", "QTTV"),
    Person("Phạm Thị Nguyệt", "Kế toán viên", "QTTV"),
    Person("Vì Văn Hưng", "Lái xe", "QTTV"),
    Person("Hoàng Thị Lụa", "Nhân viên", "QTTV"),
    Person("Quàng Văn Bảo", "Trưởng ban", "TCD"),
    Person("Trần Thị Xuân", "Phó Trưởng ban", "TCD"),
    Person("Lò Thị Diễm", "Chuyên viên", "TCD"),
    Person("Hà Mạnh Cường", "Giám đốc", "NKH"),
    Person("Nguyễn Thị Tuyết", "Phó Giám đốc", "NKH"),
    Person("Lò Thị Xoan", "Nhân viên", "NKH"),
    Person("Cầm Văn Khải", "Nhân viên", "NKH"),
    Person("Đinh Thị Mến", "Nhân viên", "NKH"),
]
BY_NAME = {p.name: p for p in STAFF_2022}

# Staff of 2021 who had left by 2022 (retired, transferred), and 2022 staff not there in 2021.
LEFT_IN_2022 = [
    Person("Lê Văn Tư", "Phó Trưởng phòng", "QTTV"),
    Person("Phạm Thị Mơ", "Chuyên viên", "VX"),
]
NEW_IN_2022 = {"Trần Khắc Hưởng", "Lò Văn Ước", "Đinh Thị Mến"}

# 2022: who is not proposed as Lao động tiên tiến (besides the signer), and the notes.
NOT_LDTT_2022 = {"Nguyễn Huy Anh", "Vì Văn Khởi", "Hà Văn Quyết", "Lò Thị Xoan"}
NOTES_2022 = {
    "Trần Khắc Hưởng": "Tiếp nhận từ Sở Nội vụ ngày 01/02/2022",
    "Phạm Thị Nguyệt": "Nghỉ thai sản từ 15/8/2022",
    "Lò Văn Ước": "Tuyển dụng ngày 01/3/2022",
    "Đinh Thị Mến": "Hợp đồng lao động",
}
CSTDCS_2022 = {
    "Trần Thị Thanh Hường": "Sáng kiến được Hội đồng sáng kiến cơ sở công nhận",
    "Phạm Văn Thắng": "Sáng kiến được Hội đồng sáng kiến cơ sở công nhận",
    "Lê Quang Vĩnh": "Đề tài khoa học cấp cơ sở",
    "Cầm Thị Bích Ngọc": "Sáng kiến được Hội đồng sáng kiến cơ sở công nhận",
}
COLLECTIVES_2022 = [
    ("TH", TTLDXS),
    ("KSTT", TTLDXS),
    ("TCHCQT", TTLDTT),
    ("TTTT", TTLDTT),
    ("KT", TTLDTT),
    ("NC", TTLDTT),
]

CSTDCS_2021 = {
    "Lê Đình Dũng": "Sáng kiến được Hội đồng sáng kiến cơ sở công nhận",
    "Nguyễn Văn Lợi": "Sáng kiến được Hội đồng sáng kiến cơ sở công nhận",
    "Lường Văn Hải": "Đề tài khoa học cấp cơ sở",
}
COLLECTIVES_2021 = [
    ("VX", TTLDXS),
    ("TH", TTLDTT),
    ("QTTV", TTLDTT),
    ("TCD", TTLDTT),
]

GIAY_KHEN_PEOPLE = [
    ("Nguyễn Đức Thọ", "Hoàn thành xuất sắc nhiệm vụ phục vụ các kỳ họp HĐND tỉnh năm 2022"),
    ("Lê Thị Mỹ Hạnh", "Chuyển đổi số, vận hành Cổng thông tin điện tử tỉnh"),
    ("Quàng Thị Ngân", ""),
    ("Hoàng Thị Duyên", ""),
    ("Trần Thị Hằng", "Thành tích đột xuất, chuyên đề"),
    ("Vì Văn Hưng", "Bảo đảm an toàn tuyệt đối phục vụ đoàn công tác"),
    ("Đinh Thị Mến", ""),
    ("Lò Thị Diễm", ""),
]
GIAY_KHEN_COLLECTIVES = [
    ("TTTT", "Chuyển đổi số, vận hành Cổng thông tin điện tử tỉnh"),
    ("NKH", "Phục vụ Hội nghị xúc tiến đầu tư tỉnh Sơn La năm 2022"),
]

HOI_DONG = [
    ("Nguyễn Huy Anh", "Chánh Văn phòng", "Chủ tịch Hội đồng"),
    ("Lò Văn Mạnh", "Phó Chánh Văn phòng", "Phó Chủ tịch Hội đồng"),
    (
        "Trần Thị Thanh Hường",
        "Trưởng phòng Tổ chức - Hành chính - Quản trị",
        "Ủy viên thường trực",
    ),
    ("Phạm Văn Thắng", "Trưởng phòng Tổng hợp", "Ủy viên"),
    ("Lê Thị Kim Oanh", "Trưởng phòng Quản trị - Tài vụ", "Ủy viên"),
    (
        "Đinh Công Sơn",
        "Phó Trưởng phòng Tổ chức - Hành chính - Quản trị, Chủ tịch Công đoàn cơ quan",
        "Ủy viên",
    ),
    ("Lê Thị Mỹ Hạnh", "Kỹ thuật viên Trung tâm Thông tin, Bí thư Chi đoàn cơ quan", "Ủy viên"),
]


# -- the lists ----------------------------------------------------------------------------

Entry = tuple[str, str, str, str, str, str]  # họ tên, chức vụ, đơn vị, danh hiệu, loại, ghi chú


def person_row(p: Person, title: str, note: str = "") -> Entry:
    return (p.name, p.position, p.unit_name, title, CA_NHAN, note)


def collective_row(unit: str, title: str, note: str = "") -> Entry:
    return (UNITS[unit], "", AGENCY, title, TAP_THE, note)


def list_2022() -> list[Entry]:
    rows = [
        person_row(p, LDTT, NOTES_2022.get(p.name, ""))
        for p in STAFF_2022
        if p.name not in NOT_LDTT_2022
    ]
    rows += [person_row(BY_NAME[n], CSTDCS, note) for n, note in CSTDCS_2022.items()]
    rows += [collective_row(u, t) for u, t in COLLECTIVES_2022 if t == TTLDTT]
    rows += [collective_row(u, t) for u, t in COLLECTIVES_2022 if t == TTLDXS]
    return rows


def list_2021(rng: random.Random) -> list[Entry]:
    staff = [p for p in STAFF_2022 if p.name not in NEW_IN_2022 and p.name != "Nguyễn Huy Anh"]
    staff += LEFT_IN_2022
    must = set(CSTDCS_2021) | {p.name for p in LEFT_IN_2022}
    others = sorted(p.name for p in staff if p.name not in must)
    chosen = must | set(rng.sample(others, 30 - len(must)))
    order: dict[str, float] = {p.name: i for i, p in enumerate(STAFF_2022)}
    order.update({p.name: order[_first_of(p.unit)] + 0.5 for p in LEFT_IN_2022})
    picked = sorted((p for p in staff if p.name in chosen), key=lambda p: order[p.name])
    rows = [person_row(p, LDTT) for p in picked]
    rows += [person_row(_find(n, staff), CSTDCS, note) for n, note in CSTDCS_2021.items()]
    rows += [collective_row(u, t) for u, t in COLLECTIVES_2021 if t == TTLDTT]
    rows += [collective_row(u, t) for u, t in COLLECTIVES_2021 if t == TTLDXS]
    return rows


def _first_of(unit: str) -> str:
    return next(p.name for p in STAFF_2022 if p.unit == unit)


def _find(name: str, staff: list[Person]) -> Person:
    return next(p for p in staff if p.name == name)


def check(rows: list[Entry]) -> None:
    pairs = [(r[0], r[2], r[3]) for r in rows]
    assert len(pairs) == len(set(pairs)), "a (person, title) pair twice"
    for r in rows:
        for text in r:
            assert text == unicodedata.normalize("NFC", text) == " ".join(text.split()), text


# -- writers ------------------------------------------------------------------------------


def write_xlsx(path: Path, year: int, rows: list[Entry]) -> None:
    check(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ncols = len(XLSX_HEADER)
    last = get_column_letter(ncols)
    titles = (TITLE_AGENCY, f"DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM {year}")
    for r, text in enumerate(titles, start=1):
        ws.cell(r, 1, text).font = Font(name=FONT, size=13, bold=True)
        ws.cell(r, 1).alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A{r}:{last}{r}")
        ws.row_dimensions[r].height = 21
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = len(titles) + 1
    for c, text in enumerate(XLSX_HEADER, start=1):
        cell = ws.cell(header_row, c, text)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    for i, entry in enumerate(rows, start=1):
        r = header_row + i
        values = (i, *(v or None for v in entry))
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c, value)
            cell.font = Font(name=FONT, size=12)
            cell.border = box
            center = c in (1, 6)
            cell.alignment = Alignment(
                horizontal="center" if center else "left", vertical="center", wrap_text=not center
            )
    for c, width in enumerate(XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    stamp = dt.datetime(year, 12, 20, 8, 0, 0)
    wb.properties.creator = wb.properties.lastModifiedBy = "Phòng Tổ chức - Hành chính - Quản trị"
    wb.properties.title = titles[1].capitalize()
    wb.properties.created = wb.properties.modified = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue(), stamp))


def _stable_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same bytes every run: fixed entry timestamps, and the save time openpyxl puts in
    docProps/core.xml (it overwrites `modified` with now) replaced by the fixed one."""
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + when + rb"\g<2>",
                    content,
                )
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, content)
    return out.getvalue()


def write_csv(path: Path, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # as Excel's "CSV UTF-8" saves it
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def giay_khen_rows() -> list[Entry]:
    rows = [
        (p.name, p.position, p.unit_name, GIAY_KHEN, CA_NHAN, note)
        for p, note in ((BY_NAME[n], note) for n, note in GIAY_KHEN_PEOPLE)
    ]
    rows += [(UNITS[u], "", AGENCY, GIAY_KHEN, TAP_THE, note) for u, note in GIAY_KHEN_COLLECTIVES]
    check(rows)
    return rows


def main() -> None:
    rng = random.Random(SEED)
    (ROOT / "inputs/2021").mkdir(parents=True, exist_ok=True)
    outputs = {
        "inputs/2022/danh-sach-ldtt-2022.xlsx": lambda p: write_xlsx(p, 2022, list_2022()),
        "inputs/2021/danh-sach-ldtt-2021.xlsx": lambda p: write_xlsx(p, 2021, list_2021(rng)),
        "inputs/2022/danh-sach-giay-khen-2022.csv": lambda p: write_csv(
            p, GIAY_KHEN_HEADER, giay_khen_rows()
        ),
        "inputs/2022/hoi-dong-tdkt-2022.csv": lambda p: write_csv(p, HOI_DONG_HEADER, HOI_DONG),
    }
    for relative, write in outputs.items():
        write(ROOT / relative)
        print(relative)


if __name__ == "__main__":
    main()
