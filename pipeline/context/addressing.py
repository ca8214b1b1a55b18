"""Kính gửi and the Nơi nhận it implies: shared by the kinds addressed to someone."""

from __future__ import annotations

from typing import Any

from pipeline.context.common import DocumentInfo, clean_list_line, list_lines
from pipeline.model.addressing import as_list


def addressee_names(value: str | list[str]) -> list[str]:
    """The recipients Kính gửi names, without a dash or closing mark a clerk may have typed
    (clean_list_line: ';', '.', ',' ...), where the list writes its own."""
    return [clean_list_line(name) for name in as_list(value)]


def kinh_gui_context(value: str | list[str]) -> dict[str, Any]:
    """What khoi/kinh-gui prints: one recipient on the line, or '- ...;' lines ('.' last).

    A list of one recipient is the single form too: a clerk who deletes the other lines of the
    starter's list means "Kính gửi: X", exactly as `kinh_gui: X` prints, not a one-line list
    "Kính gửi: - X."; the '- ...;' lines are for several recipients."""
    names = addressee_names(value)
    if len(names) == 1:
        return {"mot": names[0], "danh_sach": []}
    return {"mot": None, "danh_sach": list_lines(names)}


def addressed_recipients(info: DocumentInfo, lines: list[str]) -> list[str]:
    """Nơi nhận of an addressed document: 'Như trên' (câu chữ nhu_tren; '' drops it) first."""
    first = info.write("nhu_tren")
    if not first or (lines and lines[0].casefold() == first.casefold()):
        return lines
    return [first, *lines]
