"""The README's Library section runs as written: its Python examples, one after the other, in
an empty folder (what a portal's developer would paste). The PDF example needs LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def library_examples() -> list[str]:
    """The ```python blocks of the README's '## Library' section, in order."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.DOTALL)


def test_the_library_section_has_its_examples() -> None:
    examples = library_examples()
    assert len(examples) >= 9
    for needed in ("init_workspace(", "load_mapping(", "render(", "ThreadPoolExecutor",
                   "InputError", "KINDS", "PdfConverter", "number_form(",
                   "form_fields("):  # fmt: skip
        assert any(needed in example for example in examples), needed


@pytest.mark.usefixtures("libreoffice")  # the PDF example converts with it
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
def test_the_library_examples_run_in_an_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    namespace: dict[str, object] = {"__name__": "readme"}
    for example in library_examples():
        exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102 - the README's own
