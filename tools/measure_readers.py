"""Per-file parse times of the readers, before (ruamel round-trip, openpyxl twice) and after.

    python tools/measure_readers.py            # prints one line per file and reader

"Before" is what vanthu did until the hardening work: ruamel.yaml's round-trip loader for every
YAML file (the same path still words syntax errors); openpyxl read-only loaded twice for every
.xlsx (values, then formulas), rows iterated only. "After" is the whole reader:
pipeline.load.yaml_source.load_yaml (libyaml events) and pipeline.load.spreadsheet.read_table
(python-calamine, rows checked and cleaned), so the .xlsx ratio understates the gain. Times are
the median of several runs on this machine.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.load.spreadsheet import read_table  # noqa: E402
from pipeline.load.yaml_source import _slow_load, load_yaml, read_text  # noqa: E402


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def openpyxl_twice(path: Path) -> int:
    count = 0
    for data_only in (True, False):
        book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
        for _ in book.worksheets[0].iter_rows():
            count += 1
        book.close()
    return count


def make_list(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Ghi chú"])
    for n in range(1, rows + 1):
        sheet.append([n, f"Nguyễn Văn {n}", "Chuyên viên", "Phòng Tổng hợp",
                      "Lao động tiên tiến", "Cá nhân", ""])  # fmt: skip
    book.save(path)
    return path


def main() -> None:
    print(f"{'file':48} {'before ms':>10} {'after ms':>10} {'×':>6}")
    for path in sorted((REPO / "inputs").rglob("*.yaml")):
        text = read_text(path)
        before = median_ms(lambda p=path, t=text: _slow_load(p, t), 15)
        after = median_ms(lambda p=path: load_yaml(p), 15)
        print(f"{path.relative_to(REPO)!s:48} {before:10.2f} {after:10.2f} {before / after:6.1f}")
    with tempfile.TemporaryDirectory() as folder:
        lists = sorted((REPO / "inputs").rglob("*.xlsx"))
        lists += [make_list(Path(folder) / f"list-{n}.xlsx", n) for n in (30, 5000)]
        for path in lists:
            runs = 3 if "5000" in path.name else 15
            before = median_ms(lambda p=path: openpyxl_twice(p), runs)
            after = median_ms(
                lambda p=path: read_table(p, required=["ho_ten", "danh_hieu"],
                                   optional=["chuc_vu", "don_vi", "ghi_chu", "loai"]),
                runs,
            )  # fmt: skip
            name = path.name if path.is_relative_to(folder) else str(path.relative_to(REPO))
            print(f"{name:48} {before:10.2f} {after:10.2f} {before / after:6.1f}")


if __name__ == "__main__":
    main()
