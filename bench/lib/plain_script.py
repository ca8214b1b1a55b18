"""A user's plain docxtpl script, the yardstick of the end-to-end benchmark.

    python plain_script.py JOBS.json

What a clerk's IT person would write without vanthu: for each document, read its spreadsheet
with openpyxl, build the context dict, `DocxTemplate(path).render(context)`, `save`. It runs
in its own process, like `vanthu build`, and imports neither vanthu nor the benchmark: the
benchmark hands it, in JOBS.json, the composed template file (frame, blocks and type template
as vanthu composes them), the context vanthu built for the first document (pickled: the
running text is the same in every generated decision) and the shared blocks the template
includes; per document the script swaps in what differs: number, date and the list.
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import defaultdict
from typing import Any

import openpyxl
from docxtpl import DocxTemplate
from jinja2 import DictLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def money(amount: int) -> str:
    """1490000 → '1.490.000'."""
    return f"{amount:,}".replace(",", ".")


def read_list(path: str, sheet: str, first_row: int) -> list[tuple[Any, ...]]:
    """The rows of the list below its header, as openpyxl reads them."""
    workbook = openpyxl.load_workbook(path, data_only=True)
    rows = [row for row in workbook[sheet].iter_rows(min_row=first_row, values_only=True)]
    return [row for row in rows if row[1]]


def context_for(base: dict[str, Any], job: dict[str, Any], rows: list[tuple[Any, ...]],
                amounts: dict[str, int], order: list[str]) -> dict[str, Any]:  # fmt: skip
    """The first document's context with this document's number, date and list."""
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        groups[str(row[4]).upper()].append(row)
    lines: list[dict[str, Any]] = []
    total = 0
    for number, title in enumerate(t for t in order if t in groups):
        members = sorted(groups[title], key=lambda r: (str(r[3]), str(r[1]).split()[-1]))
        total += amounts[title] * len(members)
        lines.append({"nhom": f"{ROMAN[number]}. {title} ({len(members)})", "muc": None})
        lines += [
            {"nhom": None, "muc": {"stt": i, "ho_ten": r[1], "chuc_vu": r[2] or "",
                                   "don_vi": r[3] or "", "so_tien": money(amounts[title])}}
            for i, r in enumerate(members, start=1)
        ]  # fmt: skip
    context = dict(base)
    reference = f"{job['so']:02d}/{base['so_ky_hieu'].split('/', 1)[1]}"
    day = "ngày " + base["dia_danh_ngay"].split("ngày ")[1].split(" tháng")[0] + " "
    context["so_ky_hieu"] = reference
    context["dia_danh_ngay"] = base["dia_danh_ngay"].replace(day, f"ngày {job['day']:02d} ")
    listing = dict(base["danh_sach"])
    listing.update(dong=lines, tong_cong=money(total))
    listing["kem_theo"] = (
        listing["kem_theo"]
        .replace(base["so_ky_hieu"], reference)
        .replace(day, f"ngày {job['day']:02d} ")
    )
    context["danh_sach"] = listing
    return context


def main(jobs_file: str) -> int:
    """Render every document of JOBS.json; prints how many it wrote."""
    with open(jobs_file, encoding="utf-8") as handle:
        spec = json.load(handle)
    with open(spec["context"], "rb") as handle:
        base = pickle.load(handle)
    environment = SandboxedEnvironment(
        loader=DictLoader(spec["blocks"]), autoescape=True, undefined=StrictUndefined
    )
    order: list[str] = []
    amounts: dict[str, int] = {}
    for line in base["danh_sach"]["dong"]:  # group heading rows, then their people
        if line["nhom"]:
            order.append(line["nhom"].split(". ", 1)[1].rsplit(" (", 1)[0])
        elif order[-1] not in amounts:
            amounts[order[-1]] = int(line["muc"]["so_tien"].replace(".", ""))
    for job in spec["documents"]:
        rows = read_list(job["xlsx"], spec["sheet"], spec["first_row"])
        document = DocxTemplate(spec["template"])
        document.render(context_for(base, job, rows, amounts, order), jinja_env=environment)
        document.save(job["output"])
    print(f"plain script: {len(spec['documents'])} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
