"""A generated workspace for the end-to-end benchmark: N award decisions, each with its .xlsx list.

Every decision is the 2022 example (inputs/2022/qd-lao-dong-tien-tien.yaml) with its own
number, date and list file; every list is the example workbook (title rows, header, formats)
cut to 30 rows and filled with names drawn from a seeded generator, so a run at N documents
renders the same documents every time. The agency profile is the example's, under co-quan/.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl

from bench.lib.project import INPUTS
from bench.lib.synthetic import DECISION_MIX, DECISION_ROWS, FAMILY, GIVEN, MIDDLE, POSITIONS

EXAMPLE = INPUTS / "2022" / "qd-lao-dong-tien-tien.yaml"
EXAMPLE_LIST = INPUTS / "2022" / "danh-sach-ldtt-2022.xlsx"
AGENCY_PROFILES = INPUTS / "co-quan"
SHEET = "Danh sách"
HEADER_ROW = 3  # the example's title rows come first: data starts on the row after this
YEAR = "2022"
# Decisions are signed on working days, as an office signs them: a Sunday date would add a
# calendar warning per document, which is not the work measured here (4, 11, 18 and 25
# December 2022 are Sundays).
WORKING_DAYS = [day for day in range(1, 29) if date(int(YEAR), 12, day).weekday() != 6]


@dataclass(frozen=True)
class GeneratedDocument:
    """One generated decision: its YAML, its list, and what a plain script needs to know."""

    yaml: Path
    xlsx: Path
    so: int
    day: int


@dataclass(frozen=True)
class Workspace:
    """The generated project folder: `inputs` to build, its documents in order."""

    root: Path
    inputs: Path
    documents: list[GeneratedDocument]


def _units(sheet: openpyxl.worksheet.worksheet.Worksheet) -> tuple[list[str], list[str]]:
    """The example list's units (Đơn vị of people) and collectives (names of Tập thể rows)."""
    units, collectives = set(), set()
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[5] == "Tập thể":
            collectives.add(str(row[1]))
        elif row[3]:
            units.add(str(row[3]))
    return sorted(units), sorted(collectives)


def list_rows(
    rng: random.Random, units: list[str], collectives: list[str], agency_name: str
) -> list[tuple[object, ...]]:
    """30 rows (STT, Họ và tên, Chức vụ, Đơn vị, Danh hiệu, Loại, Ghi chú) of one decision."""
    every_name = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN]
    names = iter(rng.sample(every_name, DECISION_ROWS))
    teams = iter(rng.sample(collectives, min(len(collectives), DECISION_ROWS)))
    rows: list[tuple[object, ...]] = []
    for title, who, count in DECISION_MIX:
        for _ in range(count):
            if who == "Tập thể":
                name, position, unit = next(teams), None, agency_name
            else:
                name, position, unit = next(names), rng.choice(POSITIONS), rng.choice(units)
            note = rng.choice([None, None, "Hoàn thành xuất sắc nhiệm vụ"])
            rows.append((len(rows) + 1, name, position, unit, title, who, note))
    return rows


def generate(root: Path, count: int, seed: int = 2022) -> Workspace:
    """Write `count` decisions and their lists under `root`/inputs/2022 (and the agency)."""
    inputs = root / "inputs"
    year = inputs / YEAR
    year.mkdir(parents=True)
    shutil.copytree(AGENCY_PROFILES, inputs / AGENCY_PROFILES.name)
    text = EXAMPLE.read_text("utf-8")
    workbook = openpyxl.load_workbook(EXAMPLE_LIST)
    sheet = workbook[SHEET]
    units, collectives = _units(sheet)
    agency_name = str(sheet.cell(HEADER_ROW + 1, 4).value)  # the first row is the office's head
    first = HEADER_ROW + 1
    sheet.delete_rows(first + DECISION_ROWS, sheet.max_row)
    documents = []
    for index in range(count):
        rng = random.Random(f"{seed}/build/{index}")
        for offset, row in enumerate(list_rows(rng, units, collectives, agency_name)):
            for column, value in enumerate(row, start=1):
                sheet.cell(first + offset, column).value = value
        so, day = index + 1, rng.choice(WORKING_DAYS)
        xlsx = year / f"danh-sach-{so:05d}.xlsx"
        workbook.save(xlsx)
        document = text
        for pattern, value in (
            (r"(?m)^so: .*$", f"so: {so}"),
            (r"(?m)^ngay: .*$", f"ngay: {day:02d}/12/{YEAR}"),
            (r"(?m)^  danh_sach: .*$", f"  danh_sach: {xlsx.name}"),
        ):
            document, replaced = re.subn(pattern, value, document)
            assert replaced == 1, f"the example decision has no single line for {pattern}"
        path = year / f"qd-{so:05d}.yaml"
        path.write_text(document, encoding="utf-8")
        documents.append(GeneratedDocument(path, xlsx, so, day))
    return Workspace(root, inputs, documents)
