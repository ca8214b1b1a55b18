"""Synthetic documents: data as a clerk would write it, deterministic from a seeded generator."""

from __future__ import annotations

import copy
import csv
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from typing import Any

from pipeline.model.agency import Agency

DECISION_ROWS = 30  # rows of the decision's list (danh sách), as in the measurement

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Cầm", "Quàng"]
MIDDLE = ["Văn", "Thị", "Huy", "Minh", "Thanh", "Đức", "Ngọc", "Thu", "Hồng", "Xuân"]
GIVEN = ["Anh", "Mạnh", "Hương", "Lan", "Tuấn", "Hải", "Dũng", "Hoa", "Thắng", "Yến", "Long"]
TOPICS = [
    "công tác thi đua, khen thưởng",
    "cải cách hành chính",
    "chuyển đổi số",
    "phòng, chống thiên tai",
    "bảo đảm trật tự an toàn giao thông",
    "phòng, chống tham nhũng, tiêu cực",
    "xây dựng nông thôn mới",
    "thực hành tiết kiệm, chống lãng phí",
]
VERBS = [
    "Triển khai",
    "Tăng cường",
    "Nâng cao chất lượng",
    "Đẩy mạnh",
    "Tổ chức thực hiện",
    "Kiểm tra, giám sát",
    "Rà soát, đánh giá",
]
OBJECTS = [
    "các phong trào thi đua",
    "công tác tuyên truyền, phổ biến văn bản",
    "việc ứng dụng công nghệ thông tin",
    "công tác phối hợp giữa các phòng, ban, đơn vị",
    "việc sơ kết, tổng kết",
    "chế độ báo cáo định kỳ",
    "việc giải quyết thủ tục hành chính",
]
PURPOSES = [
    "đảm bảo thiết thực, hiệu quả",
    "góp phần hoàn thành thắng lợi nhiệm vụ chính trị được giao",
    "phù hợp với đặc điểm tình hình của cơ quan",
    "kịp thời biểu dương các tập thể, cá nhân có thành tích tiêu biểu",
    "giữ tỷ lệ hồ sơ trễ hạn < 5% & không để tồn đọng",
]
SECTION_TITLES = [
    "Mục đích, yêu cầu",
    "Nội dung thực hiện",
    "Tổ chức thực hiện",
    "Kinh phí thực hiện",
    "Chế độ thông tin, báo cáo",
]
RECIPIENTS = [
    "Sở Nội vụ",
    "Ban Thi đua - Khen thưởng tỉnh",
    "UBND tỉnh (b/c)",
    "Lãnh đạo Văn phòng",
    "Lưu trữ cơ quan",
]
TIMES = ["Cả năm {y}", "Quý I/{y}", "Quý II/{y}", "Tháng 6/{y}", "Tháng 12/{y}"]


@dataclass(frozen=True)
class Example:
    """What synthetic data may draw on: the example's agency profile and its data as a dict."""

    agency: Agency
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Synthetic:
    """One synthetic document: its data as a clerk would write it, and list files beside it."""

    data: dict[str, Any]
    files: Mapping[str, str] = field(default_factory=dict)  # file name → text (a .csv list)


SyntheticData = Callable[[random.Random, Example], Synthetic]


class SyntheticDataError(Exception):
    """The example of a document type does not have the shape its synthetic data needs."""


def person_name(rng: random.Random) -> str:
    """A plausible Vietnamese full name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def some_date(rng: random.Random, year: int | None = None) -> date:
    """A date in `year` (or in 2020–2025)."""
    year = year or rng.randint(2020, 2025)
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def sentence(rng: random.Random, year: int) -> str:
    """One sentence of running text, sometimes naming a person, a document or bold words."""
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} về {rng.choice(TOPICS)}"
    extra = rng.randrange(5)
    if extra == 0:
        text += f", giao đồng chí {person_name(rng)} theo dõi"
    elif extra == 1:
        when = some_date(rng, year - 1)
        text += f" theo Kế hoạch số {rng.randint(1, 400)}/KH-UBND ngày {when:%d/%m/%Y}"
    elif extra == 2:
        text += f", **hoàn thành trước ngày {some_date(rng, year):%d/%m/%Y}**"
    return f"{text}; {rng.choice(PURPOSES)}."


def paragraph(rng: random.Random, year: int) -> str:
    """A paragraph of two to four sentences."""
    return " ".join(sentence(rng, year) for _ in range(rng.randint(2, 4)))


def block(rng: random.Random, year: int) -> str | dict[str, list[str]]:
    """A block of running text: mostly paragraphs, sometimes dash lines or điểm a), b)."""
    shape = rng.randrange(8)
    lines = [sentence(rng, year).rstrip(".") for _ in range(rng.randint(2, 4))]
    if shape == 0:
        return {"gach": lines}
    if shape == 1:
        return {"diem": lines}
    return paragraph(rng, year)


def plan_data(rng: random.Random, example: Example) -> Synthetic:
    """Kế hoạch: three or four Mục of khoản and paragraphs, half of them with a task appendix."""
    agency = example.agency
    when = some_date(rng)
    year = when.year
    units = sorted(agency.don_vi)
    sections = []
    for title in rng.sample(SECTION_TITLES, rng.randint(3, 4)):
        items: list[dict[str, Any]] = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.6:
                doan = [block(rng, year) for _ in range(rng.randint(1, 3))]
                items.append(
                    {"tieu_de": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}", "doan": doan}
                )
            else:
                items.append({"noi_dung": paragraph(rng, year)})
        sections.append({"tieu_de": title, "khoan": items})
    appendices = []
    if rng.random() < 0.5:
        rows = [
            {
                "noi_dung": sentence(rng, year).rstrip("."),
                "chu_tri": rng.choice(units),
                "phoi_hop": rng.choice([*units, "Các phòng, ban, đơn vị"]),
                "thoi_gian": rng.choice(TIMES).format(y=year),
            }
            for _ in range(rng.randint(5, 12))
        ]
        appendices.append({"tieu_de": f"Nhiệm vụ trọng tâm năm {year}", "nhiem_vu": rows})
    recipients: list[Any] = rng.sample(RECIPIENTS, rng.randint(1, 3))
    if agency.nhom_noi_nhan:
        recipients.append({"nhom": rng.choice(sorted(agency.nhom_noi_nhan))})
    plan = {
        "loai": "ke_hoach",
        "co_quan": example.data["co_quan"],
        "so": rng.randint(1, 999),
        "ngay": when,
        "trich_yeu": f"Triển khai, thực hiện {rng.choice(TOPICS)} năm {year}",
        "mo_dau": [paragraph(rng, year) for _ in range(rng.randint(1, 2))],
        "muc": sections,
        "ket_thuc": paragraph(rng, year),
        "noi_nhan": recipients,
        "don_vi_soan_thao": rng.choice(units),
        "nguoi_soan_thao": rng.choice("ABCDEGHKLMNPQSTV"),
        "so_ban": rng.randint(1, 5),
        "nguoi_ky": rng.choice(sorted(agency.nguoi_ky)),
        "phu_luc": appendices,
    }
    return Synthetic(plan)


POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Nhân viên"]
# (danh hiệu, loại, rows): the mix of a year-end decision, 30 rows in all.
DECISION_MIX = (
    ("Lao động tiên tiến", "Cá nhân", 24),
    ("Chiến sĩ thi đua cơ sở", "Cá nhân", 3),
    ("Tập thể lao động tiên tiến", "Tập thể", 3),
)
LIST_HEADER = ("Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Ghi chú")


def decision_data(rng: random.Random, example: Example) -> Synthetic:
    """Quyết định khen thưởng: the example decision, another number and date, a 30-row list."""
    data = copy.deepcopy(dict(example.data))
    award = data.get("khen_thuong")
    if not isinstance(award, dict):
        raise SyntheticDataError("the example decision has no khen_thuong list")
    original = data["ngay"]
    # Same year as the example: the reward regime and base salary stay those it was written for.
    data["ngay"] = some_date(rng, original.year if isinstance(original, date) else None)
    data["so"] = rng.randint(1, 999)
    award.update(danh_sach="danh-sach.csv", trang_tinh=None, cot={})
    units = [unit.ten for unit in example.agency.don_vi.values()]
    every_name = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN]
    names = iter(rng.sample(every_name, DECISION_ROWS))
    collectives = iter(rng.sample(units, min(len(units), DECISION_ROWS)))
    table = StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(LIST_HEADER)
    for title, who, count in DECISION_MIX:
        for _ in range(count):
            if who == "Tập thể":
                name, position = next(collectives), ""
            else:
                name, position = next(names), rng.choice(POSITIONS)
            note = rng.choice(["", "", "Hoàn thành xuất sắc nhiệm vụ"])
            writer.writerow((name, position, rng.choice(units), title, who, note))
    return Synthetic(data, {"danh-sach.csv": table.getvalue()})
