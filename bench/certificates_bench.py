"""Giấy khen benchmark: certificates per second for a batch of N rows of the example decision.

Run from the project folder:  python bench/certificates_bench.py --rows 500 [--pdf]
A workspace is made in a temporary folder (the example office, the example award decision with N
rows made from its list, a batch of certificates); the load (decision, list, names fitted) and the
render (one .docx of N pages) are timed separately, best of R rounds; --pdf also times the
LibreOffice conversion of the batch. It is a benchmark, not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

# Measure the pipeline of this checkout, whichever checkout the installed package points to.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lib.project import INPUTS, ROOT, TEMPLATES  # noqa: E402
from pipeline.api import Rendered, Renderer, convert_to_pdf  # noqa: E402
from pipeline.batch.pdf import PdfConverter  # noqa: E402
from pipeline.workspace import Workspace  # noqa: E402

DECISION = INPUTS / "2024" / "qd-bang-khen-ubnd-tinh.yaml"
LIST = INPUTS / "2024" / "danh-sach-bang-khen-ubnd-tinh.csv"
BATCH = "loai: giay_khen\nquyet_dinh: qd-bang-khen-ubnd-tinh.yaml\nso_vao_so: 1\n"


def make_workspace(folder: Path, rows: int) -> Path:
    """The example office and decision with `rows` list rows; returns the batch's YAML."""
    shutil.copy(ROOT / "vanthu.yaml", folder / "vanthu.yaml")
    shutil.copytree(INPUTS / "co-quan", folder / "inputs" / "co-quan")
    year = folder / "inputs" / "2024"
    year.mkdir(parents=True)
    shutil.copy(DECISION, year / DECISION.name)
    with LIST.open(encoding="utf-8-sig") as handle:
        base = list(csv.DictReader(handle))
    with (year / LIST.name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(base[0]))
        writer.writeheader()
        for index in range(rows):
            row = dict(base[index % len(base)])
            row["Họ và tên"] = f"{row['Họ và tên']} {index + 1:05d}"
            writer.writerow(row)
    target = year / "giay-khen.yaml"
    target.write_text(BATCH, encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=500, help="certificates in the batch (500)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, best kept (3)")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF of the batch")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vanthu-giay-khen-") as tmp:
        source = make_workspace(Path(tmp), args.rows)
        renderer = Renderer(TEMPLATES)
        renderer.render(Workspace.containing(source).load(source))  # templates prepared once
        loads, renders = [], []
        data = b""
        for _ in range(args.rounds):
            workspace = Workspace.containing(source)  # a fresh loader: the list is read again
            start = time.perf_counter()
            document = workspace.load(source)
            loaded = time.perf_counter()
            data = renderer.render(document)
            loads.append(loaded - start)
            renders.append(time.perf_counter() - loaded)
        load, render = min(loads), min(renders)
        print(f"certificates: {args.rows}")
        print(f"load (decision, list): {load:.3f} s")
        print(f"render (.docx, {len(data) // 1024} KiB): {render:.3f} s")
        print(f"certificates_per_second (load + render): {args.rows / (load + render):.0f}")
        if args.pdf:
            docx = Path(tmp) / "giay-khen.docx"
            docx.write_bytes(data)
            start = time.perf_counter()
            with PdfConverter() as converter:  # LibreOffice's start counted, as before
                convert_to_pdf([Rendered(source, docx)], converter)
            seconds = time.perf_counter() - start
            print(f"pdf (LibreOffice): {seconds:.2f} s")
            print(
                f"certificates_per_second (with pdf): {args.rows / (load + render + seconds):.0f}"
            )


if __name__ == "__main__":
    main()
