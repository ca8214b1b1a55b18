"""A refused character that is also a combining mark (U+20E3, the keycap of an emoji, alone or
on a digit or letter) is said at its line and field, as any refused character: it was said
with neither (a Hypothesis example of tests/test_fuzz_documents.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml

KEYCAP = "\u20e3"


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (f"loai: ke_hoach\ntrich_yeu: {KEYCAP}\n", 2, "trich_yeu"),
        (f'loai: ke_hoach\ntrich_yeu: "{KEYCAP}"\n', 2, "trich_yeu"),
        (f"loai: ke_hoach\nmuc:\n  - tieu_de: 1{KEYCAP}\n", 3, "muc[1].tieu_de"),
        (f"# {KEYCAP}\nloai: ke_hoach\n", 1, None),  # in a comment: its line alone
    ],
)
def test_a_refused_mark_is_said_at_its_place(
    tmp_path: Path, text: str, line: int, field: str | None
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.stray_mark", line, field)
