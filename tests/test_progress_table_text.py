"""The plain table says each output as shown() says its Path, and pads each cell as str.ljust
and str.rjust would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.batch import progress
from pipeline.batch.result import BuildResult, DocumentResult, Status
from pipeline.i18n import t
from pipeline.paths import shown


def _as_before(result: BuildResult) -> list[str]:
    """The table as it was laid out: a Path made of each output, each cell padded alone."""
    here = os.getcwd()
    rows = []
    for document in result.documents:
        if document.status is Status.UNCHANGED:
            continue
        outputs = [shown(p, here) for p in (document.output, document.pdf) if p is not None]
        rows.append([document.name, t(f"build.status_{document.status.value}"),
                     ", ".join(outputs) or "—", f"{document.seconds:.2f} s"])  # fmt: skip
    headings = progress.table_headings()
    widths = [max(len(r[i]) for r in [headings, *rows]) for i in range(len(headings))]

    def line(cells: list[str]) -> str:
        *left, last = cells
        padded = [c.ljust(w) for c, w in zip(left, widths[:-1], strict=True)]
        return " │ ".join([*padded, last.rjust(widths[-1])])

    return [line(headings), "─┼─".join("─" * w for w in widths), *(line(r) for r in rows)]


@pytest.mark.parametrize(
    "output",
    ["{here}/2022/qd.docx", "{here}", "{here}x/2022/qd.docx", "/elsewhere/2022/qd.docx",
     "2022/qd.docx", "{here}//2022/qd.docx", "{here}/./2022/qd.docx", "{here}/2022/",
     "{here}/2022/.", "/", "{here}/../x/Quyết định.docx", "//server/qd.docx"],
)  # fmt: skip
def test_an_output_is_said_as_its_path_is(output: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    here = tmp_path / "ws"
    here.mkdir()
    monkeypatch.chdir(here)
    text = output.format(here=os.getcwd())
    result = BuildResult()
    result.documents = [
        DocumentResult(Path("a.yaml"), "inputs/a.yaml", Status.BUILT, text, seconds=1.5),
        DocumentResult(Path("b.yaml"), "inputs/b.yaml", Status.BUILT, Path(text),
                       Path(text).with_name("b.pdf") if Path(text).name else None),
        DocumentResult(Path("c.yaml"), "inputs/c.yaml", Status.UNCHANGED, Path(text)),
        DocumentResult(Path("d.yaml"), "inputs/đ.yaml", Status.FAILED, error="lỗi"),
        DocumentResult(Path("e.yaml"), "inputs/e.yaml", Status.REMOVED, text, text),
        DocumentResult(Path("f.yaml"), "inputs/f.yaml", Status.KEPT, Path(text), seconds=12.345),
    ]  # fmt: skip
    assert list(progress.plain_lines(result)) == _as_before(result)
