"""pipeline.patterns.lazy: a pattern compiled at its first use, once."""

from __future__ import annotations

import re

import pytest

from pipeline.patterns import lazy


def test_a_lazy_pattern_is_compiled_at_its_first_call_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled: list[object] = []
    real = re.compile

    def counting(pattern: object, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(re, "compile", counting)
    word = lazy(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
    assert compiled == []  # nothing at import
    first = word()
    assert compiled == [r"\bnăm\s+(\d{4})\b"]
    assert word() is first and len(compiled) == 1
    assert first.flags & re.IGNORECASE and first.findall("NĂM 2022, năm 2023") == ["2022", "2023"]


def test_a_lazy_bytes_pattern_reads_bytes() -> None:
    formula = lazy(rb"<f[ >]")
    assert formula().search(b"<c><f>A1</f></c>") is not None
